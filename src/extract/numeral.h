/*
 * numeral.h: Japanese numerals in normalised text: Arabic with comma groups and decimals,
 * kanji (二千百七十四), and mixed forms with 万/億/兆 (1億2000万, 5億1万4千6百, 3万4000).
 * Pure; may call libc only.
 */
#ifndef ZY_NUMERAL_H
#define ZY_NUMERAL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct zy_numeral {
    double value;
    size_t len;           /* bytes consumed */
    bool kanji_digits;    /* uses kanji digits (一二三…), not only Arabic */
    bool arabic;          /* has Arabic digits */
    double last_multiplier; /* 1e4, 1e8, 1e12 of the last 万/億/兆, else 1 */
    bool decimal;
} zy_numeral;

/* Parse the numeral at s[0..len). False when s does not start with one or it overflows. */
bool zy_numeral_parse(const char *s, size_t len, zy_numeral *out);

/* Value of the kanji digit or multiplier at s (3 bytes), or -1. *is_multiplier says 十百千
 * (1) or 万億兆 (2). */
int zy_kanji_numeral(const char *s, size_t len, double *value, int *is_multiplier);

#endif
