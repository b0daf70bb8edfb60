/*
 * utf8.h: UTF-8 checks and stepping built on utf8proc.
 * May call: libc, utf8proc.
 */
#ifndef ZY_UTF8_H
#define ZY_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Byte offset of the first invalid sequence in s[0..len), or -1 when all is valid. */
ssize_t zy_utf8_invalid_at(const char *s, size_t len);
/* Decode the code point at s (len bytes left); returns its byte length (>=1) and stores the
 * code point, or U+FFFD with length 1 for an invalid byte. */
size_t zy_utf8_next(const char *s, size_t len, int32_t *out_cp);
/* Number of code points in a valid string. */
size_t zy_utf8_length(const char *s, size_t len);
/* Encode cp into out (>=4 bytes); returns the byte count. */
size_t zy_utf8_encode(int32_t cp, char *out);

/* A malloc'd copy of s[0..len) as valid UTF-8 without NULs: invalid bytes are dropped.
 * NULL when out of memory. */
char *zy_utf8_clean_copy(const char *s, size_t len);

#endif
