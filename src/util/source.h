/*
 * source.h: a text file read as UTF-8 whatever it was written in. The first 64 KiB are looked
 * at once: UTF-16 (a byte-order mark, or NULs at every other byte), EUC-JP or Shift_JIS (not
 * UTF-8, but whole in that encoding) are transcoded with iconv as they are read, with a
 * warning saying so; anything else is passed on as it is (invalid UTF-8 is the reader's to
 * skip). Only regular files are opened ("-" is stdin); a read from stdin gives up when
 * *interrupted becomes non-zero instead of waiting for ever. May call: util, libc (iconv).
 */
#ifndef ZY_SOURCE_H
#define ZY_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/diag.h"

typedef struct zy_source zy_source;

/* Open path; *out is NULL on failure (the message names the path). interrupted may be NULL. */
zy_status zy_source_open(zy_diag *diag, const char *path, volatile const int *interrupted,
                         zy_source **out);

/* Up to cap bytes of UTF-8 into out (a character may be split between calls); *got is 0
 * only at the end of the file (or when cap is 0). */
zy_status zy_source_read(zy_source *src, char *out, size_t cap, size_t *got);

/* The encoding the file was transcoded from ("Shift_JIS", "EUC-JP", "UTF-16LE", …), or NULL
 * for bytes passed on as they are. */
const char *zy_source_encoding(const zy_source *src);

/* Close (stdin stays open). NULL is fine. */
void zy_source_close(zy_source *src);

/* The encoding bytes[0..len) (the start of a file) are written in, as an iconv name, or NULL
 * for UTF-8 (or unknown: passed on). *bom_len: bytes of a byte-order mark to drop. */
const char *zy_encoding_guess(const char *bytes, size_t len, size_t *bom_len);

/* A malloc'd UTF-8 copy of bytes[0..len) (a whole file) when they are in another encoding
 * (see zy_encoding_guess; *encoding names it), else NULL with *encoding NULL. On a failure
 * (out of memory, an invalid sequence) NULL with *encoding set and *failed true. */
char *zy_encoding_to_utf8(const char *bytes, size_t len, const char **encoding, size_t *out_len,
                          bool *failed);

#endif
