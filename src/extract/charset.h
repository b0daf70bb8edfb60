/*
 * charset.h: exact sets of BMP code points (one bit each, 8 KiB), for the hot loops that ask
 * "can a word start (or end) with the character here?" before comparing any word. The
 * extraction passes look at every character of a long file, so one bit test replaces a loop
 * over a word list at almost every position. Pure; libc only.
 */
#ifndef ZY_CHARSET_H
#define ZY_CHARSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct zy_charset {
    uint64_t bits[1024];
} zy_charset;

/* The code point of the UTF-8 character at p (NUL-terminated text), or 0x10000 for one
 * outside the BMP; *len gets its byte length. Invalid bytes are not expected: the text is
 * normalised. */
static inline uint32_t zy_char_at(const char *p, size_t *len)
{
    unsigned char c = (unsigned char)p[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c < 0xE0) {
        *len = 2;
        return (uint32_t)(c & 0x1F) << 6 | ((unsigned char)p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *len = 3;
        return (uint32_t)(c & 0x0F) << 12 | (uint32_t)((unsigned char)p[1] & 0x3F) << 6 |
               ((unsigned char)p[2] & 0x3F);
    }
    *len = 4;
    return 0x10000;
}

static inline void zy_charset_add(zy_charset *set, uint32_t cp)
{
    if (cp < 0x10000)
        set->bits[cp >> 6] |= (uint64_t)1 << (cp & 63);
}

static inline bool zy_charset_has(const zy_charset *set, uint32_t cp)
{
    return cp < 0x10000 && (set->bits[cp >> 6] >> (cp & 63) & 1);
}

/* A 16-bit key for a pair of values (two code points, two characters' bytes), to keep pairs
 * in a zy_charset: "can a word start with these two characters?" rules out far more
 * positions than the first character alone. Different pairs may share a key. */
static inline uint32_t zy_charset_pair(uint32_t a, uint32_t b)
{
    return (a * 0x9E3779B1u + b * 0x85EBCA77u) >> 16;
}

/* Add the first character of word. */
static inline void zy_charset_add_first(zy_charset *set, const char *word)
{
    size_t n;
    zy_charset_add(set, zy_char_at(word, &n));
}

/* Add the last character of word. */
static inline void zy_charset_add_last(zy_charset *set, const char *word)
{
    size_t i = strlen(word);
    while (i > 0 && ((unsigned char)word[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > 0) {
        size_t n;
        zy_charset_add(set, zy_char_at(word + i - 1, &n));
    }
}

#endif
