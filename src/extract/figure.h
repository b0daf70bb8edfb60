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
    const char *counter;       /* a count's Japanese counter (a string of the grammar's own), or NULL */
    bool approx;
    zy_bound bound;
    int year, month, day;      /* dates: 0 when absent */
    bool two_digit_year;       /* year came from "23年" */
    bool bare;                 /* a numeral with no unit (only tables and lists use these) */
} zy_figure;

/* Try to read a figure whose numeral starts at text[at]. Returns false when there is none;
 * bare numerals are returned only when allow_bare. */
bool zy_figure_at(const char *text, size_t len, size_t at, bool allow_bare, zy_figure *out);

/* Does text[at..len) start with s[0..n) (n > 0)? The first and last bytes are compared
 * before the rest: these run at almost every position of the text, and in UTF-8 Japanese the
 * last byte of a character tells most characters apart. */
static inline bool zy_starts_with_n(const char *text, size_t len, size_t at, const char *s, size_t n)
{
    return at + n <= len && text[at] == s[0] && text[at + n - 1] == s[n - 1] &&
           __builtin_memcmp(text + at, s, n) == 0;
}

/* Does text[..at) end with s[0..n) (n > 0)? */
static inline bool zy_ends_with_n(const char *text, size_t at, const char *s, size_t n)
{
    return at >= n && text[at - 1] == s[n - 1] && text[at - n] == s[0] &&
           __builtin_memcmp(text + at - n, s, n) == 0;
}

/* The same for a NUL-terminated s (not empty); with a literal the length is a constant. Word
 * lists in hot loops keep their lengths and call the _n forms. */
static inline bool zy_starts_with(const char *text, size_t len, size_t at, const char *s)
{
    return zy_starts_with_n(text, len, at, s, __builtin_strlen(s));
}

static inline bool zy_ends_with(const char *text, size_t at, const char *s)
{
    return zy_ends_with_n(text, at, s, __builtin_strlen(s));
}

/* A word with its length, for word lists: {ZY_WORD("以上"), …}. */
#define ZY_WORD(s) s, sizeof(s) - 1

#endif
