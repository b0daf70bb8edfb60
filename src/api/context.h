/*
 * context.h: the private layout of zy_context: the diagnostics holder and the fonts, built
 * once and shared by every chart rendered with the context. May call: every lower layer.
 */
#ifndef ZY_CONTEXT_H
#define ZY_CONTEXT_H

#include "extract/entities.h"
#include "extract/extract.h"
#include "text/fonts.h"
#include "util/buf.h"
#include "util/diag.h"

struct zy_context {
    zy_diag diag;
    zy_context_options options;
    zy_fonts *fonts;       /* NULL until first needed: extraction never loads fonts */
    char *font_dir;        /* copies of the option strings */
    char *font_family;
    zy_entities *entities; /* NULL until the first scan */
    char last_hash[17];    /* content hash of the last file zy_scan_file read to its end, when
                              asked for ("" before) */
    zy_buf json;           /* JSON Lines waiting to be written by zy_document_write_jsonl */
};

/* The fonts, created on first use. */
zy_status zy_context_fonts(zy_context *ctx, zy_fonts **out);

/* The entity dictionary (data/entities.tsv, then extra_file), loaded on first use. */
zy_status zy_context_entities(zy_context *ctx, const char *extra_file);

/* Start an extraction: clear the messages, load the dictionary for options (NULL: none) and
 * fill env with what the extractor needs from the context. */
zy_status zy_context_extract_env(zy_context *ctx, const zy_scan_options *options, zy_extract_env *env);

#endif
