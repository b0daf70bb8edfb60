/*
 * figure.h: recognising one figure at a position of normalised text: a numeral with its
 * unit or counter (33億ドル, 1,509システム, 40.2%, 3〜4倍, 第2位), a date (2025年1月20日,
 * 19年設立, 1月29日), with approximation (約, 推定, ほど) and bounds (以上, 最大, 未満). Names
 * that contain digits or kanji numerals (GPT-4, Kimi k1.5, 零一万物, 九州, 一方) are not figures.
 * Money units and symbols are data/currencies.tsv (extract/currency.h): 33億ドル, $120億, US$3.5,
 * 1,580円40銭 (sub-units add to the amount).
 *
 * How dates are represented (year, month, day; 0 = not written):
 *   2025年1月20日, 二〇二三年十一月五日, 2024/3/5, 2024-03-05, 2024/3, 2024.3.5, 2024.03,
 *     1982 05月, 2022年の2月: as written.
 *   3/5: month/day only before a weekday in brackets, 付, 時点, 発売, 公開, 発表, 更新, or a second
 *     month/day after ~ (3/5~3/10); otherwise a fraction (コストを1/10に is no date).
 *   4~6月, 2024年4月~6月, 1-3月期: a range of months is its first month (period), as the team's
 *     gold names it.
 *   令和6年 → 2024, 平成27年度 → 2015, 昭和, 大正, 明治: the Western year.
 *   2025年度, FY2024, FY24: the fiscal year as its year (period).
 *   24年3月期: the year-month the period closes, as written (2024-03).
 *   2024年第1四半期, 2024年Q1, 2024年1Q, Q1 2024, 2024 Q1: the year and the quarter's FIRST
 *     calendar month (Q1 → 01, Q2 → 04, Q3 → 07, Q4 → 10; period), the way the team's gold names
 *     a quarter; a fiscal year's quarters are read as calendar ones, since the fiscal calendar is
 *     not in the text. A quarter without a year (第2四半期, Q3) is no figure.
 *   2025年上期, 上半期, 下期, 下半期: the year alone (period).
 *   18日 alone: no figure here; prose reads it as a date against the article's own date
 *     (extract/dateline.c: 6日、, 4日発表した) and 18日間 stays a duration.
 * Clock times (10時30分, 9:30) and vague amounts (数十, 数千億, 何百) are never figures.
 * May call: extract/numeral, extract/currency, util.
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
    bool period;               /* a date that names a period (2025年度, FY2024, 2024年第2四半期,
                                  2025年上期): the time of other figures rather than an event */
} zy_figure;

/* Try to read a figure whose numeral starts at text[at]. Returns false when there is none;
 * bare numerals are returned only when allow_bare. */
bool zy_figure_at(const char *text, size_t len, size_t at, bool allow_bare, zy_figure *out);

/* Read a bare number (no unit) whose numeral starts at text[at], for `scan --numbers`: kind
 * ZY_KIND_NUMBER, a sign (マイナス, -, △, ▲) included, 三・二 → 3.2, 2/5 → 0.4. Ask
 * zy_figure_at first: a figure is not a bare number. Names with digits (GPT-4, 3D), clock
 * times, list numbering (1. ), vague amounts (数十) and kanji inside words (一部, 四国, 十分)
 * are none. */
bool zy_number_at(const char *text, size_t len, size_t at, zy_figure *out);

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
