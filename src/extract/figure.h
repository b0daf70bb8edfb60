/*
 * figure.h: recognising one figure at a position of normalised text: a numeral with its
 * unit or counter (33億ドル, 1,509システム, 40.2%, 3〜4倍, 第2位), a date (2025年1月20日,
 * 19年設立, 1月29日), with approximation (約, 推定, ほど) and bounds (以上, 最大, 未満). Names
 * that contain digits or kanji numerals (GPT-4, Kimi k1.5, 零一万物, 九州, 一方) are not figures.
 * May call: extract/numeral, util.
 */
#ifndef ZY_FIGURE_H
#define ZY_FIGURE_H

#include "extract/numeral.h"
#include "zuhyo/zuhyo.h"

typedef struct zy_figure {
    size_t start, end;         /* byte range in the normalised text, prefixes included */
    zy_fact_kind kind;
    bool has_value, has_value_max;
    double value, value_max;
    const char *unit;          /* static string */
    char counter[24];
    bool approx;
    zy_bound bound;
    int year, month, day;      /* dates: 0 when absent */
    bool two_digit_year;       /* year came from "23年" */
    bool bare;                 /* a numeral with no unit (only tables and lists use these) */
} zy_figure;

/* Try to read a figure whose numeral starts at text[at]. Returns false when there is none;
 * bare numerals are returned only when allow_bare. */
bool zy_figure_at(const char *text, size_t len, size_t at, bool allow_bare, zy_figure *out);

/* Does text[at..len) start with s? */
static inline bool zy_starts_with(const char *text, size_t len, size_t at, const char *s)
{
    size_t n = __builtin_strlen(s);
    return at + n <= len && __builtin_memcmp(text + at, s, n) == 0;
}

/* Does text[..at) end with s? */
static inline bool zy_ends_with(const char *text, size_t at, const char *s)
{
    size_t n = __builtin_strlen(s);
    return at >= n && __builtin_memcmp(text + at - n, s, n) == 0;
}

#endif
