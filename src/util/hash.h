/*
 * hash.h: FNV-1a 64, the content hash of documents (stored, so it must never change) and a
 * quick hash of short strings. Internal to the library.
 * May call: nothing.
 */
#ifndef ZY_HASH_H
#define ZY_HASH_H

#include <stddef.h>
#include <stdint.h>

#define ZY_FNV_START 1469598103934665603ULL

/* h continued over bytes[0..n). */
static inline uint64_t zy_fnv1a(uint64_t h, const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

#endif
