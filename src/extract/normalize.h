/*
 * normalize.h: NFKC normalisation of article text that keeps, for every normalised character,
 * the offset of the original character it came from (a sparse map: most text is copied as it
 * is), so figures found in normalised text report
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

/* Where the offset map changes: from normalised byte `norm` on, offsets continue from `orig`
 * one for one, until the next edit. */
typedef struct zy_norm_edit {
    uint32_t norm, orig;
} zy_norm_edit;

typedef struct zy_norm_text {
    char *text;        /* normalised UTF-8, NUL-terminated */
    size_t len;
    size_t cap;        /* bytes allocated for text */
    zy_norm_edit *edits; /* the offset map, by norm ascending; edits[0].norm == 0 */
    size_t nedits, edit_cap;
    size_t hint;       /* the edit the last lookup ended in: lookups mostly move forward */
    size_t invalid;    /* invalid bytes skipped */
    bool clean;        /* the input was valid UTF-8 without NUL bytes: copies need no cleaning */
} zy_norm_text;

/* out starts zeroed; a second call reuses its buffers (one per batch of a long file). */
zy_status zy_normalize(zy_diag *diag, const char *name, const char *bytes, size_t len,
                       size_t base_offset, zy_norm_text *out);
void zy_norm_text_free(zy_norm_text *t);

/* The offset in the input of the character that starts at normalised byte pos (pos == len:
 * the input's length). Exact at character starts, which is where figures, sentences and
 * lines begin and end. */
size_t zy_norm_orig(zy_norm_text *t, size_t pos);

#endif
