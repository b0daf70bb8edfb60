/*
 * extract.h: the extractor's entry points for the layers above (api/, store/): a file read in
 * batches, or bytes in memory, through the passes normalise → lines → article date
 * (dateline.c) → tables (tables.c) → chronologies (chronology.c) → other tables (grid.c) →
 * lists (lists.c) → prose (prose.c) → bare numbers when asked (numbers.c) → facts. What a call needs comes in as an
 * environment (where messages go, the dictionary); what it learns about the document (title,
 * hash) comes back as a result. Nothing here knows zy_context. May call: extract, util.
 */
#ifndef ZY_EXTRACT_H
#define ZY_EXTRACT_H

#include "extract/entities.h"
#include "util/diag.h"
#include "zuhyo/zuhyo.h"

typedef struct zy_extract_env {
    zy_diag *diag;            /* where a failure is described */
    zy_entities *entities;    /* the loaded dictionary; a call adds the document's own names
                                 (NAME(ALIAS) pairs) and forgets them before it returns */
    volatile const int *interrupted; /* non-zero: stop waiting on stdin (NULL: never) */
} zy_extract_env;

typedef struct zy_extract_result {
    char *title;              /* the document's first non-empty line (malloc'd, the caller's;
                                 NULL when the file could not be read) */
    char hash[17];            /* FNV-1a 64 of the whole content, hex, when options->hash and the
                                 file was read to its end; "" otherwise */
} zy_extract_result;

/* Scan a file ("-": stdin) in batches of about 1 MiB handed to sink (see zy_scan_file). result
 * is filled in whatever the outcome; free result->title. */
zy_status zy_extract_file(const zy_extract_env *env, const char *path, const zy_scan_options *options,
                          zy_fact_sink sink, void *user_data, zy_extract_result *result);

/* Scan bytes in memory into one document (see zy_scan). */
zy_status zy_extract_bytes(const zy_extract_env *env, const char *path, const char *bytes, size_t len,
                           const zy_scan_options *options, zy_document **out);

#endif
