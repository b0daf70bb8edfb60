/*
 * bytescan.h: looking at eight bytes of text at once. The extraction passes search every
 * sentence for a few three-byte characters (。 、 は が も, all E3 xx xx); a loop that tests
 * one byte at a time spends most of its time on bytes that cannot match. Here a 64-bit word
 * marks every byte equal to a value, so a word without candidates is skipped in a few
 * instructions and the candidates come out in text order. Pure; libc only.
 */
#ifndef ZY_BYTESCAN_H
#define ZY_BYTESCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ZY_ONES 0x0101010101010101ULL
#define ZY_LOW7 0x7F7F7F7F7F7F7F7FULL

/* The eight bytes at p as a word whose lowest byte is p[0] (whatever the machine's order). */
static inline uint64_t zy_load8(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* 0x80 in each byte of x equal to v, 0 in the others. Exact: the usual "has a zero byte"
 * test can flag a byte after a match; this form cannot (no carry crosses a byte). */
static inline uint64_t zy_bytes_equal(uint64_t x, unsigned char v)
{
    uint64_t y = x ^ (ZY_ONES * v); /* zero where equal */
    return ~(((y & ZY_LOW7) + ZY_LOW7) | y | ZY_LOW7);
}

/* Offset (0..7) of the first marked byte of a non-zero mask, and the mask without it. */
static inline size_t zy_first_marked(uint64_t mask) { return (size_t)__builtin_ctzll(mask) >> 3; }
static inline uint64_t zy_drop_first(uint64_t mask) { return mask & (mask - 1); }

/* Bytes k of t[i..i+8) with t[i+k] == first and t[i+k+1] == second, as a mask; the caller
 * checks the rest of the character. Reads t[i..i+9). */
static inline uint64_t zy_byte_pairs(const char *t, size_t i, unsigned char first, unsigned char second)
{
    return zy_bytes_equal(zy_load8(t + i), first) & zy_bytes_equal(zy_load8(t + i + 1), second);
}

/* The same for E3 xx, the lead byte of kana and of Japanese punctuation. */
static inline uint64_t zy_e3_pairs(const char *t, size_t i, unsigned char second)
{
    return zy_byte_pairs(t, i, 0xE3, second);
}

#endif
