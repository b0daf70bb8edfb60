/*
 * normalize.h: NFKC normalisation of article text that keeps, for every normalised byte, the
 * offset of the original byte it came from, so figures found in normalised text report
 * offsets into the file as given. Full-width digits and signs become ASCII, the wave dashes
 * (〜 ～) become '~', ideographic spaces become ' ', CRLF becomes LF. Invalid UTF-8 bytes are
 * skipped with a warning naming their offset (base_offset + position). Inputs are chunks of
 * at most 4 GiB. May call: util, utf8proc.
 */
#ifndef ZY_NORMALIZE_H
#define ZY_NORMALIZE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/diag.h"

typedef struct zy_norm_text {
    char *text;        /* normalised UTF-8, NUL-terminated */
    size_t len;
    uint32_t *orig;    /* len + 1 entries: offset in the input of each normalised byte */
    size_t invalid;    /* invalid bytes skipped */
    bool clean;        /* the input was valid UTF-8 without NUL bytes: copies need no cleaning */
    size_t cap;        /* bytes allocated for text (orig holds as many entries) */
} zy_norm_text;

/* out starts zeroed; a second call reuses its buffers (one per batch of a long file). */
zy_status zy_normalize(zy_diag *diag, const char *name, const char *bytes, size_t len,
                       size_t base_offset, zy_norm_text *out);
void zy_norm_text_free(zy_norm_text *t);

#endif
