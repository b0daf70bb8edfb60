/*
 * utf8.c: UTF-8 validation and decoding through utf8proc (see utf8.h).
 */
#include "util/utf8.h"

#include <stdlib.h>
#include <utf8proc.h>

size_t zy_utf8_next(const char *s, size_t len, int32_t *out_cp)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *out_cp = c;
        return 1;
    }
    /* the three-byte characters of Japanese text, decoded here: the library call is for the rest */
    if (c >= 0xE1 && c <= 0xEC && len >= 3 && ((unsigned char)s[1] & 0xC0) == 0x80 &&
        ((unsigned char)s[2] & 0xC0) == 0x80) {
        *out_cp = (int32_t)(((c & 0x0F) << 12) | (((unsigned char)s[1] & 0x3F) << 6) | ((unsigned char)s[2] & 0x3F));
        return 3;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)(len > 4 ? 4 : len), &cp);
    if (n <= 0 || cp < 0) {
        *out_cp = 0xFFFD;
        return 1;
    }
    *out_cp = cp;
    return (size_t)n;
}

ssize_t zy_utf8_invalid_at(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        /* the common three-byte sequences (U+1000..U+CFFF, no surrogates) inline */
        if (c >= 0xE1 && c <= 0xEC && i + 2 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
            ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i > 4 ? 4 : len - i), &cp);
        if (n <= 0 || cp < 0)
            return (ssize_t)i;
        i += (size_t)n;
    }
    return -1;
}

size_t zy_utf8_length(const char *s, size_t len)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

size_t zy_utf8_encode(int32_t cp, char *out)
{
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

char *zy_utf8_clean_copy(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t o = 0, i = 0;
    while (i < len) {
        ssize_t bad = zy_utf8_invalid_at(s + i, len - i);
        size_t good = bad < 0 ? len - i : (size_t)bad;
        for (size_t k = 0; k < good; k++)
            if (s[i + k] != '\0')
                out[o++] = s[i + k];
        i += good + (bad < 0 ? 0 : 1);
    }
    out[o] = '\0';
    return out;
}
