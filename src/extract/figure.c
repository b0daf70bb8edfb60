/*
 * figure.c: one figure at a position (see figure.h). The grammar, in order: what may stand
 * before the digits (names such as GPT-4 are none; Q1 2024, FY2024 and Rp100 are), prefixes
 * (マイナス, △, 約, 推定, 最大, 第, 少なくとも, a currency symbol), the numeral, dates (written with
 * separators, 年 with its era, months and periods, 月), the middle-dot decimal, an optional
 * range (〜, から) to a second numeral, the unit or counter (money from extract/currency) with
 * its sub-units, and suffixes (以上, 超, ほど, 程度, 前後, 弱, 未満). Last, bare numbers for
 * scan --numbers (zy_number_at).
 */
#include "extract/figure.h"

#include <pthread.h>
#include <string.h>

#include "extract/charset.h"
#include "extract/currency.h"

static bool is_ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }

typedef struct unit_entry {
    const char *text;
    size_t len;
    zy_fact_kind kind;
    const char *unit;
} unit_entry;

/* Units other than money (money is data/currencies.tsv: see currency.h). Longest first where
 * one is a prefix of another. */
static const unit_entry units[] = {
    {ZY_WORD("%"), ZY_KIND_PERCENT, "%"},        {ZY_WORD("パーセント"), ZY_KIND_PERCENT, "%"},
    {ZY_WORD("ポイント"), ZY_KIND_PERCENT, "pt"}, {ZY_WORD("倍"), ZY_KIND_RATIO, "x"},
    {ZY_WORD("割"), ZY_KIND_PERCENT, "%"},
    {ZY_WORD("位"), ZY_KIND_RANK, "rank"},       {ZY_WORD("番目"), ZY_KIND_RANK, "rank"},
    {ZY_WORD("歳"), ZY_KIND_AGE, "years"},
    {ZY_WORD("才"), ZY_KIND_AGE, "years"},       {ZY_WORD("年間"), ZY_KIND_DURATION, "years"},
    {ZY_WORD("年ぶり"), ZY_KIND_DURATION, "years"}, {ZY_WORD("カ月"), ZY_KIND_DURATION, "months"},
    {ZY_WORD("か月"), ZY_KIND_DURATION, "months"}, {ZY_WORD("ヶ月"), ZY_KIND_DURATION, "months"},
    {ZY_WORD("ケ月"), ZY_KIND_DURATION, "months"}, {ZY_WORD("週間"), ZY_KIND_DURATION, "weeks"},
    {ZY_WORD("日間"), ZY_KIND_DURATION, "days"}, {ZY_WORD("時間"), ZY_KIND_DURATION, "hours"},
    {ZY_WORD("分間"), ZY_KIND_DURATION, "minutes"}, {ZY_WORD("秒"), ZY_KIND_DURATION, "seconds"},
    {NULL, 0, ZY_KIND_COUNT, NULL},
};

/* Counters of counts; the counter is kept as written. */
typedef struct counter_word {
    const char *text;
    size_t len;
} counter_word;

static const counter_word counters[] = {
    {ZY_WORD("カ国・地域")}, {ZY_WORD("か国・地域")}, {ZY_WORD("カ国")}, {ZY_WORD("か国")}, {ZY_WORD("ヶ国")},
    {ZY_WORD("ケ国")}, {ZY_WORD("機関")}, {ZY_WORD("社")}, {ZY_WORD("人")}, {ZY_WORD("件")},
    {ZY_WORD("校")}, {ZY_WORD("システム")}, {ZY_WORD("モデル")}, {ZY_WORD("本")}, {ZY_WORD("個")},
    {ZY_WORD("台")}, {ZY_WORD("回")}, {ZY_WORD("種類")}, {ZY_WORD("店舗")}, {ZY_WORD("店")},
    {ZY_WORD("拠点")}, {ZY_WORD("施設")}, {ZY_WORD("都市")}, {ZY_WORD("団体")}, {ZY_WORD("枚")},
    {ZY_WORD("冊")}, {ZY_WORD("隻")}, {ZY_WORD("基")}, {ZY_WORD("頭")}, {ZY_WORD("世帯")},
    {ZY_WORD("戸")}, {ZY_WORD("議席")}, {ZY_WORD("票")}, {ZY_WORD("人分")}, {ZY_WORD("チーム")},
    {ZY_WORD("銘柄")}, {ZY_WORD("プロジェクト")}, {ZY_WORD("大学")}, {ZY_WORD("論文")}, {ZY_WORD("件数")},
    {ZY_WORD("品目")}, {ZY_WORD("カ所")}, {ZY_WORD("か所")}, {ZY_WORD("箇所")}, {ZY_WORD("名")},
    {ZY_WORD("種")},    {ZY_WORD("機")},    {ZY_WORD("棟")},    {ZY_WORD("口座")}, {ZY_WORD("ダウンロード")},
    {ZY_WORD("ユーザー")}, {ZY_WORD("会員")}, {ZY_WORD("アカウント")}, {ZY_WORD("病院")}, {ZY_WORD("加盟店")},
    {ZY_WORD("工場")}, {ZY_WORD("路線")}, {NULL, 0},
};

/* Words before the numeral (prefixes) and after the unit (suffixes). */
typedef struct affix {
    const char *text;
    size_t len;
    int bound;
    bool approx;
    int sign;       /* -1: negative */
    bool ordinal;   /* 第 */
} affix;

static const affix prefixes[] = {
    {ZY_WORD("約"), 0, true, 0, false},        {ZY_WORD("およそ"), 0, true, 0, false}, {ZY_WORD("推定"), 0, true, 0, false},
    {ZY_WORD("概ね"), 0, true, 0, false},      {ZY_WORD("最大"), ZY_BOUND_MAX, false, 0, false},
    {ZY_WORD("最高"), ZY_BOUND_MAX, false, 0, false}, {ZY_WORD("最低"), ZY_BOUND_MIN, false, 0, false},
    {ZY_WORD("少なくとも"), ZY_BOUND_MIN, false, 0, false}, {ZY_WORD("超"), ZY_BOUND_MIN, false, 0, false},
    {ZY_WORD("マイナス"), 0, false, -1, false}, {ZY_WORD("△"), 0, false, -1, false}, {ZY_WORD("▲"), 0, false, -1, false},
    {ZY_WORD("-"), 0, false, -1, false},       {ZY_WORD("第"), 0, false, 0, true},     {ZY_WORD("累計"), 0, false, 0, false},
    {ZY_WORD("合計"), 0, false, 0, false},     {ZY_WORD("計"), 0, false, 0, false},
    {ZY_WORD("総額"), 0, false, 0, false},     {ZY_WORD("わずか"), 0, false, 0, false}, {ZY_WORD("実に"), 0, false, 0, false},
};

static const affix suffixes[] = {
    {ZY_WORD("以上"), ZY_BOUND_MIN, false, 0, false}, {ZY_WORD("超"), ZY_BOUND_MIN, false, 0, false},
    {ZY_WORD("余り"), ZY_BOUND_MIN, true, 0, false}, {ZY_WORD("余"), ZY_BOUND_MIN, true, 0, false},
    {ZY_WORD("強"), ZY_BOUND_MIN, true, 0, false}, {ZY_WORD("以下"), ZY_BOUND_MAX, false, 0, false},
    {ZY_WORD("未満"), ZY_BOUND_MAX, false, 0, false}, {ZY_WORD("弱"), ZY_BOUND_MAX, true, 0, false},
    {ZY_WORD("足らず"), ZY_BOUND_MAX, true, 0, false}, {ZY_WORD("近く"), ZY_BOUND_MAX, true, 0, false},
    {ZY_WORD("ほど"), ZY_BOUND_NONE, true, 0, false}, {ZY_WORD("程度"), ZY_BOUND_NONE, true, 0, false},
    {ZY_WORD("前後"), ZY_BOUND_NONE, true, 0, false}, {ZY_WORD("相当"), ZY_BOUND_NONE, false, 0, false},
    {ZY_WORD("を超える"), ZY_BOUND_MIN, false, 0, false}, {ZY_WORD("を超え"), ZY_BOUND_MIN, false, 0, false},
    {ZY_WORD("もの"), ZY_BOUND_NONE, false, 0, false},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Eras: 令和6年 is 2024 (the era's first year is 元年, year 1). */
typedef struct era {
    const char *text;
    size_t len;
    int year_zero;  /* the Western year of the era's year 0 */
    int last;       /* the era's last year */
} era;

static const era eras[] = {
    {ZY_WORD("令和"), 2018, 99}, {ZY_WORD("平成"), 1988, 31}, {ZY_WORD("昭和"), 1925, 64},
    {ZY_WORD("大正"), 1911, 15}, {ZY_WORD("明治"), 1867, 45},
};

/* Which characters can end a prefix, start a suffix, start a unit or counter: most positions
 * tried are none of these, and one bit test rules out every word of a list. */
typedef struct word_chars {
    zy_charset prefix_last, suffix_first, unit_first, symbol_last;
} word_chars;

static word_chars chars;
static pthread_once_t chars_once = PTHREAD_ONCE_INIT;

static void fill_word_chars(void)
{
    for (size_t i = 0; i < COUNT(prefixes); i++)
        zy_charset_add_last(&chars.prefix_last, prefixes[i].text);
    for (size_t i = 0; i < COUNT(suffixes); i++)
        zy_charset_add_first(&chars.suffix_first, suffixes[i].text);
    for (size_t i = 0; units[i].text; i++)
        zy_charset_add_first(&chars.unit_first, units[i].text);
    for (size_t i = 0; counters[i].text; i++)
        zy_charset_add_first(&chars.unit_first, counters[i].text);
    zy_currency_add_chars(&chars.unit_first, &chars.symbol_last);
    for (size_t c = 0; c < 0x10000; c++)
        if (zy_charset_has(&chars.symbol_last, (uint32_t)c))
            zy_charset_add(&chars.prefix_last, (uint32_t)c);
}

static const word_chars *word_chars_get(void)
{
    pthread_once(&chars_once, fill_word_chars);
    return &chars;
}

/* Can a word of set start at t[at] (at < len)? */
static bool may_start(const zy_charset *set, const char *t, size_t len, size_t at)
{
    size_t n;
    return at < len && zy_charset_has(set, zy_char_at(t + at, &n));
}

/* Can a word of set end right before t[at]? */
static bool may_end(const zy_charset *set, const char *t, size_t at)
{
    if (at == 0)
        return false;
    size_t p = at - 1, n;
    while (p > 0 && at - p < 4 && ((unsigned char)t[p] & 0xC0) == 0x80)
        p--;
    return zy_charset_has(set, zy_char_at(t + p, &n));
}

/* The currency symbol right before t[at] ($, US$, €), or 0. */
static size_t symbol_before(const char *t, size_t at, const char **code)
{
    if (!may_end(&word_chars_get()->symbol_last, t, at))
        return 0;
    return zy_currency_before(t, at, code);
}

static size_t match_unit(const char *t, size_t len, size_t at, zy_figure *f)
{
    if (!may_start(&word_chars_get()->unit_first, t, len, at))
        return 0;
    const char *code;
    size_t n = zy_currency_after(t, len, at, &code);
    if (n) {
        f->kind = ZY_KIND_MONEY;
        f->unit = code;
        return n;
    }
    char first = t[at];
    for (size_t i = 0; units[i].text; i++)
        if (units[i].text[0] == first && zy_starts_with_n(t, len, at, units[i].text, units[i].len)) {
            f->kind = units[i].kind;
            f->unit = units[i].unit;
            return units[i].len;
        }
    for (size_t i = 0; counters[i].text; i++)
        if (zy_starts_with_n(t, len, at, counters[i].text, counters[i].len)) {
            f->kind = ZY_KIND_COUNT;
            f->unit = "count";
            f->counter = counters[i].text;
            return counters[i].len;
        }
    return 0;
}

/* The unit at t[at], or after one space ("12 万 円", "上位 10 社"): bytes consumed, or 0. */
static size_t match_unit_spaced(const char *t, size_t len, size_t at, zy_figure *f)
{
    size_t n = match_unit(t, len, at, f);
    if (n || at + 1 >= len || t[at] != ' ')
        return n;
    n = match_unit(t, len, at + 1, f);
    return n ? n + 1 : 0;
}

/* Bound and approximation words after the unit; returns bytes consumed. */
static size_t read_suffixes(const char *t, size_t len, size_t at, zy_figure *f)
{
    const zy_charset *first = &word_chars_get()->suffix_first;
    size_t start = at;
    for (int round = 0; round < 2 && may_start(first, t, len, at); round++)
        for (size_t i = 0; i < COUNT(suffixes); i++)
            if (zy_starts_with_n(t, len, at, suffixes[i].text, suffixes[i].len)) {
                if (suffixes[i].bound)
                    f->bound = (zy_bound)suffixes[i].bound;
                f->approx |= suffixes[i].approx;
                at += suffixes[i].len;
                break;
            }
    return at - start;
}

/* A Latin currency code and a space before t[at] (USD 20 million, MYR 5m): its length with
 * the space, or 0; *code gets the code. */
static size_t code_before(const char *t, size_t at, const char **code)
{
    if (at < 4 || t[at - 1] != ' ' || !(t[at - 2] >= 'A' && t[at - 2] <= 'Z') ||
        (at > 4 && is_ascii_alpha(t[at - 5])))
        return 0;
    return zy_currency_after(t, at - 1, at - 4, code) == 3 ? 4 : 0;
}

/* Prefix words and a currency symbol before the numeral; sets flags (and *symbol, the
 * symbol's code) and returns the new start. */
static size_t read_prefixes(const char *t, size_t at, zy_figure *f, bool *negative, bool *ordinal,
                            const char **symbol)
{
    const zy_charset *last = &word_chars_get()->prefix_last;
    size_t start = at;
    if (!*symbol)
        start -= code_before(t, start, symbol);
    for (int round = 0; round < 3 && may_end(last, t, start); round++) {
        bool any = false;
        size_t sn = *symbol ? 0 : symbol_before(t, start, symbol);
        if (sn) {
            start -= sn;
            continue;
        }
        for (size_t i = 0; i < COUNT(prefixes); i++) {
            if (!zy_ends_with_n(t, start, prefixes[i].text, prefixes[i].len))
                continue;
            size_t n = prefixes[i].len;
            if (prefixes[i].sign < 0 && n == 1 && start >= 2 && is_ascii_alnum(t[start - 2]))
                continue; /* GPT-4: a hyphen inside a name */
            start -= n;
            if (prefixes[i].bound)
                f->bound = (zy_bound)prefixes[i].bound;
            f->approx |= prefixes[i].approx;
            *negative |= prefixes[i].sign < 0;
            *ordinal |= prefixes[i].ordinal;
            any = true;
            break;
        }
        if (!any)
            break;
    }
    return start;
}

static bool is_kanji_digit_at(const char *t, size_t len, size_t at, double *v)
{
    int mult;
    return zy_kanji_numeral(t + at, len - at, v, &mult) == 0 && mult == 0;
}

/* Is the character before t[at] a kanji or katakana (a noun that ends there)? */
static bool noun_before(const char *t, size_t at)
{
    if (at < 3 || (unsigned char)t[at - 3] < 0xE3)
        return false;
    size_t n;
    uint32_t cp = zy_char_at(t + at - 3, &n);
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC;
}

/* 数十, 数千億, 何百, 幾万: approximate amounts with no exact value. A noun ending in 数 before
 * Arabic digits is a measure, not vagueness (従業員数120名, 論文数 5000). */
static bool vague_before(const char *t, size_t len, size_t at)
{
    if (zy_ends_with(t, at, "何") || zy_ends_with(t, at, "幾"))
        return true;
    if (!zy_ends_with(t, at, "数"))
        return false;
    bool arabic = at < len && t[at] >= '0' && t[at] <= '9';
    return !arabic || !noun_before(t, at - 3);
}

/* "9:30", "10:05": a clock time after the hour's digits (t[at] is the ':'). */
static bool clock_after(const char *t, size_t len, size_t at, double hour)
{
    return at + 2 < len && t[at] == ':' && hour <= 24 && t[at + 1] >= '0' && t[at + 1] <= '5' &&
           t[at + 2] >= '0' && t[at + 2] <= '9' && (at + 3 >= len || t[at + 3] < '0' || t[at + 3] > '9');
}

/* An Arabic integer of 1..max_digits digits at t[at]; its value (or -1) and length. */
static int small_int_at(const char *t, size_t len, size_t at, size_t max_digits, size_t *n)
{
    int v = 0;
    size_t k = 0;
    while (at + k < len && t[at + k] >= '0' && t[at + k] <= '9' && k <= max_digits)
        v = v * 10 + (t[at + k++] - '0');
    *n = k;
    return k >= 1 && k <= max_digits ? v : -1;
}

/* "~6月" or "-6月" after a first month (4~6月, 4月~6月, 1-3月期): the bytes of the range's
 * tail, or 0. */
static size_t month_range_tail(const char *t, size_t len, size_t at, double first)
{
    zy_numeral last;
    if (at >= len || (t[at] != '~' && t[at] != '-') || !zy_numeral_parse(t + at + 1, len - at - 1, &last) ||
        last.decimal || last.value <= first || last.value > 12 ||
        !zy_starts_with(t, len, at + 1 + last.len, "月"))
        return 0;
    return 1 + last.len + 3;
}

/* A day after a month at t[at]: D日, or a range of days D~E日 (the first day, a period).
 * Returns the bytes read (0: none) and sets *day and *period. */
static size_t day_tail(const char *t, size_t len, size_t at, int *day, bool *period)
{
    zy_numeral d, last;
    if (!zy_numeral_parse(t + at, len - at, &d) || d.decimal || d.value < 1 || d.value > 31)
        return 0;
    size_t p = at + d.len;
    if (zy_starts_with(t, len, p, "日")) {
        *day = (int)d.value;
        return d.len + 3;
    }
    if (p < len && (t[p] == '~' || t[p] == '-') && zy_numeral_parse(t + p + 1, len - p - 1, &last) &&
        !last.decimal && last.value > d.value && last.value <= 31 &&
        zy_starts_with(t, len, p + 1 + last.len, "日")) {
        *day = (int)d.value;
        *period = true;
        return d.len + 1 + last.len + 3;
    }
    return 0;
}

/* Date tail after "YYYY年": M月, D日; a range of months (4~6月) is its first month. */
static size_t read_month_day(const char *t, size_t len, size_t at, zy_figure *f)
{
    zy_numeral m;
    size_t start = at, range;
    if (zy_numeral_parse(t + at, len - at, &m) && !m.decimal && m.value >= 1 && m.value <= 12 &&
        (range = month_range_tail(t, len, at + m.len, m.value)) != 0) {
        f->month = (int)m.value;
        f->period = true;
        return m.len + range;
    }
    if (zy_numeral_parse(t + at, len - at, &m) && !m.decimal && m.value >= 1 && m.value <= 12 &&
        zy_starts_with(t, len, at + m.len, "月")) {
        f->month = (int)m.value;
        at += m.len + 3;
        if ((range = month_range_tail(t, len, at, m.value)) != 0) {
            f->period = true;
            return at + range - start;
        }
        at += day_tail(t, len, at, &f->day, &f->period);
    }
    return at - start;
}

/* A quarter's number (1..4) written at t[at] as one Arabic or kanji digit, or 0; *n gets its
 * length. */
static int quarter_digit(const char *t, size_t len, size_t at, size_t *n)
{
    double v;
    if (at < len && t[at] >= '1' && t[at] <= '4') {
        *n = 1;
        return t[at] - '0';
    }
    if (is_kanji_digit_at(t, len, at, &v) && v >= 1 && v <= 4) {
        *n = 3;
        return (int)v;
    }
    return 0;
}

/* A quarter or a half after a year or on its own: 第2四半期, Q3, 1Q, 上期, 下半期. Sets the month
 * (a quarter's first month; halves keep the year alone) and period; returns bytes read, or 0. */
static size_t read_period(const char *t, size_t len, size_t at, zy_figure *f)
{
    size_t n, p = at;
    int q;
    bool latin_ends = p + 2 >= len || !is_ascii_alnum(t[p + 2]);
    if (zy_starts_with(t, len, p, "第") && (q = quarter_digit(t, len, p + 3, &n)) &&
        zy_starts_with(t, len, p + 3 + n, "四半期"))
        p += 3 + n + 9;                                  /* 第2四半期 */
    else if (p + 1 < len && t[p] == 'Q' && (q = quarter_digit(t, len, p + 1, &n)) && n == 1 && latin_ends)
        p += 2;                                          /* Q2 */
    else if ((q = quarter_digit(t, len, p, &n)) && n == 1 && p + 1 < len && t[p + 1] == 'Q' && latin_ends)
        p += 2;                                          /* 2Q */
    else
        q = 0;
    if (q) {
        f->month = 3 * (q - 1) + 1;
        f->period = true;
        return p - at;
    }
    static const struct { const char *text; size_t len; } halves[] = {
        {ZY_WORD("上半期")}, {ZY_WORD("下半期")}, {ZY_WORD("上期")}, {ZY_WORD("下期")},
    };
    for (size_t i = 0; i < COUNT(halves); i++)
        if (zy_starts_with_n(t, len, at, halves[i].text, halves[i].len)) {
            f->period = true;
            return halves[i].len;
        }
    return 0;
}

/* Context after a two-digit "NN年" that makes it a year (19年設立, 23年に, 20年の順位). */
static bool two_digit_year_context(const char *t, size_t len, size_t at)
{
    zy_numeral month;
    if (zy_numeral_parse(t + at, len - at, &month) && month.arabic && month.value >= 1 &&
        month.value <= 12 && (zy_starts_with(t, len, at + month.len, "月") ||
                              month_range_tail(t, len, at + month.len, month.value)))
        return true;
    static const struct { const char *text; size_t len; } after[] = {
        {ZY_WORD("設立")}, {ZY_WORD("創業")}, {ZY_WORD("創立")}, {ZY_WORD("に")},   {ZY_WORD("の")},
        {ZY_WORD("度")},   {ZY_WORD("で")},   {ZY_WORD("から")}, {ZY_WORD("まで")}, {ZY_WORD("比")},
        {ZY_WORD("、")},   {ZY_WORD("末")},   {ZY_WORD("春")},   {ZY_WORD("夏")},   {ZY_WORD("秋")},
        {ZY_WORD("冬")},   {ZY_WORD("上期")}, {ZY_WORD("下期")}, {ZY_WORD("時点")}, {ZY_WORD("以降")},
        {ZY_WORD(")")},    {ZY_WORD("と")},   {ZY_WORD("上半期")}, {ZY_WORD("下半期")}, {ZY_WORD("第")},
        {ZY_WORD("通期")}, {ZY_WORD("以来")}, {ZY_WORD("頃")},   {ZY_WORD("ごろ")}, {ZY_WORD("前半")},
        {ZY_WORD("後半")},
    };
    for (size_t i = 0; i < COUNT(after); i++)
        if (zy_starts_with_n(t, len, at, after[i].text, after[i].len))
            return true;
    return false;
}

/* The era name right before t[at] (令和, 平成, …), or NULL. */
static const era *era_before(const char *t, size_t at)
{
    if (at < 6 || (unsigned char)t[at - 6] < 0xE3)
        return NULL;
    for (size_t i = 0; i < COUNT(eras); i++)
        if (zy_ends_with_n(t, at, eras[i].text, eras[i].len))
            return &eras[i];
    return NULL;
}

static void set_date(zy_figure *f, int year, int month, int day)
{
    f->kind = ZY_KIND_DATE;
    f->unit = NULL;
    f->counter = NULL;
    f->has_value = f->has_value_max = false;
    f->value = f->value_max = 0;
    f->approx = false;
    f->bound = ZY_BOUND_NONE;
    f->year = year;
    f->month = month;
    f->day = day;
}

/* After a month/day written with a slash ("3/5"), what makes it a date and not a fraction
 * (コストを1/10に, 1/3から): a weekday in brackets, a word only dates take (付, 時点, 発売), or a
 * second month/day after ~. */
static bool month_day_context(const char *t, size_t len, size_t at)
{
    static const struct { const char *text; size_t len; } after[] = {
        {ZY_WORD("(月)")}, {ZY_WORD("(火)")}, {ZY_WORD("(水)")}, {ZY_WORD("(木)")}, {ZY_WORD("(金)")},
        {ZY_WORD("(土)")}, {ZY_WORD("(日)")}, {ZY_WORD("(祝)")}, {ZY_WORD("付")},   {ZY_WORD("時点")},
        {ZY_WORD("発売")}, {ZY_WORD("公開")}, {ZY_WORD("発表")}, {ZY_WORD("更新")}, {ZY_WORD("締め切り")},
        {ZY_WORD("締切")},
    };
    for (size_t i = 0; i < COUNT(after); i++)
        if (zy_starts_with_n(t, len, at, after[i].text, after[i].len))
            return true;
    /* 3/5~3/10 */
    size_t k1, k2;
    int m = at + 1 < len && t[at] == '~' ? small_int_at(t, len, at + 1, 2, &k1) : -1;
    return m >= 1 && m <= 12 && at + 1 + k1 < len && t[at + 1 + k1] == '/' &&
           small_int_at(t, len, at + 2 + k1, 2, &k2) >= 1;
}

/* Dates written with digits and separators, at the numeral n that starts at t[at]:
 * 2024/3/5, 2024-03-05, 2024/3, 2024-03, and 3/5 (month/day) where month_day_context says so.
 * Fills f (start included) and returns true. */
static bool read_separated_date(const char *t, size_t len, size_t at, const zy_numeral *n, zy_figure *f)
{
    size_t p = at + n->len, k;
    if (p + 1 >= len || (t[p] != '/' && t[p] != '-') || n->decimal || n->kanji_digits)
        return false;
    char sep = t[p];
    bool year_first = n->len == 4 && n->value >= 1900 && n->value <= 2100;
    int second = small_int_at(t, len, p + 1, 2, &k);
    if (second < 1 || (year_first ? second > 12 : second > 31))
        return false;
    size_t q = p + 1 + k;
    if (year_first) {
        int day = 0;
        if (q + 1 < len && t[q] == sep) {
            size_t kd;
            day = small_int_at(t, len, q + 1, 2, &kd);
            if (day < 1 || day > 31)
                return false;
            q += 1 + kd;
        }
        if (q < len && (is_ascii_alnum(t[q]) || t[q] == sep || t[q] == '.'))
            return false;
        set_date(f, (int)n->value, second, day);
        f->end = q;
        return true;
    }
    /* month/day: slash only, one or two digits each, a day that fits the month */
    if (sep != '/' || n->len > 2 || n->value < 1 || n->value > 12 ||
        (q < len && (is_ascii_alnum(t[q]) || t[q] == '/' || t[q] == '.')) || !month_day_context(t, len, q))
        return false;
    set_date(f, 0, (int)n->value, second);
    f->end = q;
    return true;
}

/* 2024.3.5, 2024.03.05, 2024.03 (a two-digit month: 2024.3 alone is a number) at t[at]. */
static bool read_dotted_date(const char *t, size_t len, size_t at, zy_figure *f)
{
    size_t ky, km, kd;
    int year = small_int_at(t, len, at, 4, &ky);
    if (ky != 4 || year < 1900 || year > 2100 || at + 5 >= len || t[at + 4] != '.')
        return false;
    int month = small_int_at(t, len, at + 5, 2, &km), day = 0;
    if (month < 1 || month > 12)
        return false;
    size_t q = at + 5 + km;
    if (q + 1 < len && t[q] == '.' && t[q + 1] >= '0' && t[q + 1] <= '9') {
        day = small_int_at(t, len, q + 1, 2, &kd);
        if (day < 1 || day > 31)
            return false;
        q += 1 + kd;
    } else if (km != 2) {
        return false;
    }
    zy_figure probe;
    if (q < len && (is_ascii_alnum(t[q]) || t[q] == '.' || t[q] == ','))
        return false;
    if (!day && match_unit_spaced(t, len, q, &probe))
        return false; /* 2024.05万円 */
    set_date(f, year, month, day);
    f->end = q;
    return true;
}

/* Dates that start with Latin letters, at the digits t[at]: Q1, Q1 2024, 2024 Q1, FY2024,
 * FY24, FY 2024. */
static bool latin_date(const char *t, size_t len, size_t at, zy_figure *f)
{
    size_t n;
    if (at >= 1 && t[at - 1] == 'Q' && (at < 2 || !is_ascii_alnum(t[at - 2]))) {
        int q = quarter_digit(t, len, at, &n);
        if (!q || n != 1 || (at + 1 < len && is_ascii_alnum(t[at + 1])))
            return false;
        size_t year_len;
        int year = 0;
        size_t end = at + 1;
        if (end + 1 < len && t[end] == ' ' && (year = small_int_at(t, len, end + 1, 4, &year_len)) >= 1900 &&
            year_len == 4 && year <= 2100 && (end + 5 >= len || !is_ascii_alnum(t[end + 5])))
            end += 5;
        else
            year = 0;
        size_t start = at - 1;
        if (!year && start >= 5 && t[start - 1] == ' ') {
            int y = small_int_at(t, len, start - 5, 4, &year_len);
            if (y >= 1900 && y <= 2100 && year_len == 4 && (start < 6 || !is_ascii_alnum(t[start - 6]))) {
                year = y;
                start -= 5;
            }
        }
        if (!year)
            return false; /* Q3 on its own: as 第3四半期 */
        set_date(f, year, 3 * (q - 1) + 1, 0);
        f->period = true;
        f->start = start;
        f->end = end;
        return true;
    }
    size_t fy = at;
    if (fy >= 1 && t[fy - 1] == ' ')
        fy--;
    if (fy >= 2 && t[fy - 1] == 'Y' && t[fy - 2] == 'F' && (fy < 3 || !is_ascii_alpha(t[fy - 3]))) {
        int y = small_int_at(t, len, at, 4, &n);
        if (n == 2 && y >= 0)
            y += y < 70 ? 2000 : 1900;
        else if (n != 4 || y < 1900 || y > 2100)
            return false;
        if (at + n < len && is_ascii_alnum(t[at + n]))
            return false;
        set_date(f, y, 0, 0);
        f->period = true;
        f->start = fy - 2;
        f->end = at + n;
        return true;
    }
    return false;
}

/* "38・3%", "三・二倍": the middle dot as a decimal point (vertical-style news), read only
 * when a unit follows (1・2位 and 3・11 are lists and names). For n, the whole part at
 * t[..p); *value gets the number and *end where it ends. */
static bool dot_decimal(const char *t, size_t len, size_t p, const zy_numeral *n, double *value, size_t *end)
{
    if (!zy_starts_with(t, len, p, "・") || n->decimal || n->last_multiplier != 1)
        return false;
    size_t q = p + 3;
    double frac = 0, scale = 0.1, v;
    size_t digits = 0;
    bool kanji = n->kanji_digits && !n->arabic;
    for (; digits < 6; digits++, scale /= 10) {
        if (!kanji && q < len && t[q] >= '0' && t[q] <= '9') {
            frac += (t[q] - '0') * scale;
            q++;
        } else if (kanji && is_kanji_digit_at(t, len, q, &v)) {
            frac += v * scale;
            q += 3;
        } else {
            break;
        }
    }
    if (digits == 0 || zy_starts_with(t, len, q, "・"))
        return false;
    *value = n->value + frac;
    double mult;
    int is_mult;
    if (zy_kanji_numeral(t + q, len - q, &mult, &is_mult) == 0 && is_mult == 2) {
        *value *= mult;
        q += 3;
    }
    *end = q;
    return true;
}

/* "(百万円)", "百万US$" on a line of its own: a table's unit label, not an amount. The numeral
 * t[at..p) is only multipliers (百万, 千億), standing alone in brackets or between blanks. */
static bool unit_label(const char *t, size_t len, size_t at, size_t p)
{
    double v;
    int mult;
    for (size_t i = at; i < p; i += 3)
        if (zy_kanji_numeral(t + i, p - i, &v, &mult) != 0 || mult == 0)
            return false;
    if (at > 0 && t[at - 1] != '(' && t[at - 1] != ' ' && t[at - 1] != '\n')
        return false;
    size_t e = p;
    while (e < len && t[e] != ')' && t[e] != ' ' && t[e] != '\n' && e - p < 16)
        e++;
    return e >= len || t[e] == ')' || t[e] == ' ' || t[e] == '\n';
}

/* Sub-units after a money unit: 1,580円40銭, 3ドル75セント, 12元5角3分. Returns bytes read. */
static size_t read_subunits(const char *t, size_t len, size_t at, zy_figure *f)
{
    size_t p = at;
    for (int round = 0; round < 2; round++) {
        zy_numeral m;
        double worth;
        size_t sn;
        if (!zy_numeral_parse(t + p, len - p, &m) || m.decimal || m.last_multiplier != 1 ||
            !(sn = zy_currency_subunit(t, len, p + m.len, f->unit, &worth)) || m.value * worth >= 1)
            break;
        f->value += m.value * worth;
        p += m.len + sn;
    }
    return p - at;
}

/* The year branch: "2024年", "24年3月期", "令和6年度", "2024年第1四半期". p is after the
 * numeral, at "年". Returns false when the numeral is no year (100年, 1年で). */
static bool read_year(const char *t, size_t len, size_t at, size_t p, const zy_numeral *n,
                      const era *e, zy_figure *f)
{
    bool four = n->value >= 1900 && n->value <= 2100 && (n->arabic ? n->len == 4 : true);
    bool two = n->arabic && n->len == 2 && two_digit_year_context(t, len, p + 3) &&
               (!zy_starts_with(t, len, p + 3, "以") || zy_starts_with(t, len, p + 3, "以降") ||
                zy_starts_with(t, len, p + 3, "以来"));
    int year;
    if (e && n->value >= 1 && n->value <= e->last) {
        year = e->year_zero + (int)n->value;
        f->start = at - e->len;
        two = false;
    } else if (four || two) {
        year = two ? (n->value < 70 ? 2000 : 1900) + (int)n->value : (int)n->value;
    } else {
        return false;
    }
    set_date(f, year, 0, 0);
    f->two_digit_year = two;
    p += 3;
    if (zy_starts_with(t, len, p, "度")) {
        p += 3;
        f->period = true;
    }
    size_t period = read_period(t, len, p, f);
    size_t month_day = period ? 0 : read_month_day(t, len, p, f);
    /* 2022年の2月: the month of that year */
    if (!period && !month_day && !f->period && zy_starts_with(t, len, p, "の")) {
        size_t after_no = read_month_day(t, len, p + 3, f);
        month_day = after_no ? 3 + after_no : 0;
    }
    p += period ? period : month_day;
    f->end = p;
    return true;
}

/* "1982 05月", "2024 3月": four Arabic digits of a year, one space, a month (and day). p is
 * after the year's digits. */
static bool year_space_month(const char *t, size_t len, size_t at, size_t p, const zy_numeral *n,
                             zy_figure *f)
{
    if (p - at != 4 || n->decimal || n->value < 1900 || n->value > 2100 || p + 1 >= len || t[p] != ' ' ||
        t[p + 1] < '0' || t[p + 1] > '9')
        return false;
    zy_figure date = {0};
    size_t tail = read_month_day(t, len, p + 1, &date);
    if (!tail)
        return false;
    set_date(f, (int)n->value, date.month, date.day);
    f->period = date.period;
    f->start = at;
    f->end = p + 1 + tail;
    return true;
}

/* After a one-character counter read with kanji digits: does a kanji go on that makes the
 * counter part of a word (社長, 社外, 人気, 本化, 台湾), not one of the words that follow a count
 * (以上, 超, 未満, 程度, 前後, 弱, 強, 余り, 近く, 相当, 中 as in 三社中二社, 計, 分, 当たり)? */
static bool counter_starts_word(const char *t, size_t len, size_t at)
{
    static const char *const after_count[] = {"以", "超", "未", "程", "前", "弱", "強", "余", "近",
                                              "相", "中", "計", "分", "全", NULL};
    if (at + 3 > len || (unsigned char)t[at] < 0xE3)
        return false;
    size_t n;
    uint32_t cp = zy_char_at(t + at, &n);
    if (cp < 0x4E00 || cp > 0x9FFF)
        return false;
    double v;
    int mult;
    if (zy_kanji_numeral(t + at, len - at, &v, &mult) == 0)
        return false;
    for (size_t i = 0; after_count[i]; i++)
        if (zy_starts_with(t, len, at, after_count[i]))
            return false;
    return true;
}

/* An English scale after a number of money (the $20m, €1.2bn, $3 billion, 20 million USD of
 * copied English pages): its length (with one space before a word), 0 for none; *scale gets
 * its worth. One letter (m, bn, B, k) must be glued to the digits; no letter may follow. */
static size_t english_scale_at(const char *t, size_t len, size_t at, double *scale)
{
    static const struct { const char *text; size_t len; double worth; bool word; } scales[] = {
        {ZY_WORD("trillion"), 1e12, true}, {ZY_WORD("billion"), 1e9, true}, {ZY_WORD("million"), 1e6, true},
        {ZY_WORD("thousand"), 1e3, true}, {ZY_WORD("tn"), 1e12, false},     {ZY_WORD("bn"), 1e9, false},
        {ZY_WORD("mn"), 1e6, false},        {ZY_WORD("mln"), 1e6, false},    {ZY_WORD("T"), 1e12, false},
        {ZY_WORD("B"), 1e9, false},         {ZY_WORD("b"), 1e9, false},      {ZY_WORD("M"), 1e6, false},
        {ZY_WORD("m"), 1e6, false},         {ZY_WORD("K"), 1e3, false},      {ZY_WORD("k"), 1e3, false},
    };
    for (size_t i = 0; i < COUNT(scales); i++) {
        size_t p = at;
        if (scales[i].word && p < len && t[p] == ' ')
            p++;
        if (!zy_starts_with_n(t, len, p, scales[i].text, scales[i].len))
            continue;
        size_t end = p + scales[i].len;
        if (end < len && is_ascii_alpha(t[end]))
            continue;
        *scale = scales[i].worth;
        return end - at;
    }
    return 0;
}

/* Is a number at t[at..) with an English scale ending at end money: a symbol right before it
 * ($, €, US$) or a Latin currency code after the scale (20 million USD)? */
static bool money_around_scale(const char *t, size_t len, size_t at, size_t end)
{
    const char *code;
    if (zy_currency_before(t, at, &code) || code_before(t, at, &code))
        return true;
    if (end < len && t[end] == ' ')
        end++;
    return end < len && t[end] >= 'A' && t[end] <= 'Z' && zy_currency_after(t, len, end, &code) != 0;
}

bool zy_figure_at(const char *t, size_t len, size_t at, bool allow_bare, zy_figure *f)
{
    /* a copy of a zero figure, not memset: for a struct this size the compiler may pick a
     * string instruction whose start-up costs more than the rest of a failed attempt */
    static const zy_figure blank_figure;
    *f = blank_figure;
    f->start = at;
    /* names with digits: R1, o1, V3, A100, k1.5, GPT-4, 2.5-Max; but Q1 2024, FY2024, Rp100 */
    const char *symbol = NULL;
    if (at > 1 && t[at - 1] == ' ' && t[at - 2] == 'Y' && latin_date(t, len, at, f))
        return true; /* FY 2024 */
    if (at > 0 && is_ascii_alpha(t[at - 1])) {
        if (latin_date(t, len, at, f))
            return true;
        if (!symbol_before(t, at, &symbol))
            return false;
        symbol = NULL; /* read again with the prefixes */
    }
    if (at > 1 && (t[at - 1] == '-' || t[at - 1] == '.') && is_ascii_alnum(t[at - 2]))
        return false;
    if (at > 0 && t[at - 1] >= '0' && t[at - 1] <= '9')
        return false;
    if (vague_before(t, len, at))
        return false;
    /* 第2四半期 without a year: a label for the time of other figures, not a figure (and not
     * 二四 = 24); with a year, read_year reads it */
    if (zy_ends_with(t, at, "第") && read_period(t, len, at - 3, f))
        return false;
    zy_numeral n;
    if (!zy_numeral_parse(t + at, len - at, &n))
        return false;
    size_t p = at + n.len;
    if (clock_after(t, len, p, n.value))
        return false;
    if (unit_label(t, len, at, p))
        return false;
    double scale;
    size_t scale_len = !n.kanji_digits && p < len && (t[p] == ' ' || is_ascii_alpha(t[p]))
                           ? english_scale_at(t, len, p, &scale)
                           : 0;
    if (scale_len && money_around_scale(t, len, at, p + scale_len)) {
        n.value *= scale; /* $20m, €1.2bn: the digits and their scale are one number */
        n.last_multiplier = scale;
        p += scale_len;
    }
    /* 01.AI, 3D, 5G, 100M: a Latin word glued to the number; but 100USD, 1百万US$, 1Q */
    if (p < len && (is_ascii_alpha(t[p]) || (t[p] == '.' && p + 1 < len && is_ascii_alpha(t[p + 1])))) {
        const char *code;
        if (!zy_currency_after(t, len, p, &code))
            return false;
    }
    if (read_separated_date(t, len, at, &n, f) || read_dotted_date(t, len, at, f)) {
        f->start = at;
        return true;
    }
    if (p < len && t[p] == '-' && p + 1 < len && is_ascii_alnum(t[p + 1]) && !month_range_tail(t, len, p, n.value))
        return false;
    bool negative = false, ordinal = false;
    f->start = read_prefixes(t, at, f, &negative, &ordinal, &symbol);
    f->value = n.value;
    f->has_value = true;

    /* dates first: YYYY年M月D日, M月D日, NN年, 令和6年 */
    if (zy_starts_with(t, len, p, "年") && !zy_starts_with(t, len, p, "年間") &&
        !zy_starts_with(t, len, p, "年ぶり") && !n.decimal && !ordinal) {
        const era *e = era_before(t, at);
        if (!read_year(t, len, at, p, &n, e, f))
            return false; /* 100年, 1年で: not a figure a chart needs */
        if (!e)
            f->start = at; /* a sign or 約 before a year is no part of it ("2022年-2024年") */
        return true;
    }
    /* "1982 05月": a chronology's year and month, a space apart */
    if (year_space_month(t, len, at, p, &n, f))
        return true;
    size_t months;
    if (!n.decimal && n.value >= 1 && n.value <= 12 && n.len <= 6 && !ordinal &&
        (months = month_range_tail(t, len, p, n.value)) != 0) {
        size_t start = f->start; /* 4~6月: the first month */
        set_date(f, 0, (int)n.value, 0);
        f->period = true;
        f->start = start;
        f->end = p + months;
        return true;
    }
    /* 997年1月: the month of a year that is none (a split or broken number) is no date */
    if (zy_starts_with(t, len, p, "月") && at >= 4 && zy_ends_with(t, at, "年") && t[at - 4] >= '0' &&
        t[at - 4] <= '9')
        return false;
    if (zy_starts_with(t, len, p, "月") && !n.decimal && n.value >= 1 && n.value <= 12 &&
        n.len <= 6 && !ordinal) {
        size_t start = f->start;
        set_date(f, 0, (int)n.value, 0);
        f->start = start;
        p += 3;
        if ((months = month_range_tail(t, len, p, n.value)) != 0) {
            f->period = true;
            f->end = p + months;
            return true;
        }
        p += day_tail(t, len, p, &f->day, &f->period);
        /* 一月 on its own is rare and often not a date; keep Arabic months or full dates */
        if (n.kanji_digits && !f->day)
            return false;
        f->end = p;
        return true;
    }

    /* 38・3%: the middle dot as a decimal point, when a unit follows */
    double dotted;
    size_t dotted_end;
    if (dot_decimal(t, len, p, &n, &dotted, &dotted_end)) {
        zy_figure probe;
        size_t ul = match_unit_spaced(t, len, dotted_end, &probe);
        if (ul && probe.kind != ZY_KIND_COUNT && probe.kind != ZY_KIND_RANK) {
            f->value = dotted;
            n.decimal = true;
            p = dotted_end;
        }
    }

    /* a range: 3〜4倍, 10〜20万倍, 1億から2億円 */
    zy_numeral second = {0};
    bool range = false;
    size_t sep = 0;
    if (zy_starts_with(t, len, p, "~"))
        sep = 1;
    else if (zy_starts_with(t, len, p, "から"))
        sep = 6;
    if (sep && zy_numeral_parse(t + p + sep, len - p - sep, &second)) {
        zy_figure probe;
        size_t q = p + sep + second.len;
        if (match_unit_spaced(t, len, q, &probe) || sep == 1) {
            range = true;
            if (n.last_multiplier == 1 && second.last_multiplier > 1 &&
                n.value * second.last_multiplier <= second.value * 1.0001)
                f->value = n.value * second.last_multiplier;
            f->value_max = second.value;
            f->has_value_max = true;
            p = q;
        }
    }
    /* fractions: 20分の1 */
    if (!range && zy_starts_with(t, len, p, "分の")) {
        zy_numeral num;
        if (zy_numeral_parse(t + p + 6, len - p - 6, &num) && n.value > 0) {
            f->kind = ZY_KIND_RATIO;
            f->unit = "x";
            f->value = num.value / n.value;
            f->end = p + 6 + num.len;
            return true;
        }
    }
    if (zy_starts_with(t, len, p, "つ"))
        return false; /* 1つ, 三つ目: enumerations, not chart figures */
    size_t ul = match_unit_spaced(t, len, p, f);
    if (symbol && (!ul || f->kind != ZY_KIND_MONEY)) {
        /* $120億, US$3.5: the symbol is the unit */
        ul = 0;
        f->kind = ZY_KIND_MONEY;
        f->unit = symbol;
        f->counter = NULL;
    } else if (ul == 0) {
        /* kanji-only numerals need a unit: 零一万物, 一方, 九州, 四国 are names and words */
        if (!allow_bare || n.kanji_digits || range)
            return false;
        f->kind = ZY_KIND_COUNT;
        f->unit = "count";
        f->bare = true;
    }
    if (ul >= 3 && f->kind == ZY_KIND_PERCENT && zy_starts_with(t, len, p + ul - 3, "割")) {
        /* 2割 is 20% */
        f->value *= 10;
        f->value_max *= 10;
    }
    if (n.kanji_digits && !n.arabic && f->kind == ZY_KIND_COUNT && ul == 3 && counter_starts_word(t, len, p + ul))
        return false; /* 健一社長, 唯一社外, 一本化: the counter begins a word */
    p += ul;
    if (f->kind == ZY_KIND_MONEY && ul && !range)
        p += read_subunits(t, len, p, f);
    if (ordinal && f->kind == ZY_KIND_COUNT && f->counter)
        return false; /* 第2工場, 第3拠点: the name of one of them, not a rank or a count */
    if (ordinal && f->kind != ZY_KIND_RANK) {
        if (zy_starts_with(t, len, p, "位"))
            p += 3;
        f->kind = ZY_KIND_RANK;
        f->unit = "rank";
        f->counter = NULL;
    }
    /* counts need a whole number of things */
    if ((f->kind == ZY_KIND_COUNT || f->kind == ZY_KIND_RANK) && n.decimal &&
        n.last_multiplier == 1 && !f->bare) /* a bare 13.63 in a table takes its column's unit */
        return false;
    p += read_suffixes(t, len, p, f);
    if (negative) {
        f->value = -f->value;
        if (f->has_value_max)
            f->value_max = -f->value_max;
    }
    f->end = p;
    return true;
}

/* ---- bare numbers (zuhyo scan --numbers) ---- */

/* Is the character at t[at] a kanji that is no numeral, or katakana (a word goes on)? */
static bool word_char_at(const char *t, size_t len, size_t at)
{
    if (at + 3 > len || (unsigned char)t[at] < 0xE3)
        return false;
    size_t n;
    uint32_t cp = zy_char_at(t + at, &n);
    double v;
    int mult;
    if (zy_kanji_numeral(t + at, len - at, &v, &mult) == 0)
        return false;
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC;
}

/* A sign before a bare number: マイナス, △, ▲, −, or a hyphen that follows no name. */
static size_t sign_before(const char *t, size_t at)
{
    static const struct { const char *text; size_t len; } signs[] = {
        {ZY_WORD("マイナス")}, {ZY_WORD("△")}, {ZY_WORD("▲")}, {ZY_WORD("−")}, {ZY_WORD("-")},
    };
    for (size_t i = 0; i < COUNT(signs); i++)
        if (zy_ends_with_n(t, at, signs[i].text, signs[i].len)) {
            if (signs[i].len == 1 && at >= 2 && is_ascii_alnum(t[at - 2]))
                return 0;
            return signs[i].len;
        }
    return 0;
}

bool zy_number_at(const char *t, size_t len, size_t at, zy_figure *f)
{
    static const zy_figure blank_figure;
    *f = blank_figure;
    if (at > 0 && (is_ascii_alpha(t[at - 1]) || (t[at - 1] >= '0' && t[at - 1] <= '9')))
        return false;
    if (at > 1 && (t[at - 1] == '-' || t[at - 1] == '.' || t[at - 1] == ':') && is_ascii_alnum(t[at - 2]))
        return false; /* GPT-4, the minutes of 9:30 */
    if (vague_before(t, len, at))
        return false;
    zy_numeral n;
    if (!zy_numeral_parse(t + at, len - at, &n))
        return false;
    size_t p = at + n.len;
    double value = n.value;
    if (p < len && (is_ascii_alpha(t[p]) || (t[p] == '-' && p + 1 < len && is_ascii_alnum(t[p + 1]))))
        return false; /* 3D, 01.AI, COVID-19's neighbours */
    if (clock_after(t, len, p, n.value) || zy_starts_with(t, len, p, "時") || zy_starts_with(t, len, p, "つ"))
        return false;
    /* list numbering: "1. ", "2) " */
    if (p + 1 < len && (t[p] == '.' || t[p] == ')') && t[p + 1] == ' ')
        return false;
    double dotted;
    size_t dotted_end;
    if (dot_decimal(t, len, p, &n, &dotted, &dotted_end)) {
        value = dotted;
        p = dotted_end;
    } else if (n.kanji_digits && !n.arabic) {
        /* kanji numerals stand alone: 二十四 is a number, 一部, 千葉, 十分, 四国 are words */
        if (n.len < 6 || word_char_at(t, len, p) || (at >= 3 && word_char_at(t, len, at - 3)))
            return false;
    } else if (p + 1 < len && t[p] == '/' && !n.decimal && n.last_multiplier == 1) {
        /* a fraction: 2/5 (dates were read as figures before this is asked) */
        zy_numeral d;
        if (zy_numeral_parse(t + p + 1, len - p - 1, &d) && d.arabic && !d.kanji_digits && d.value > 0 &&
            (p + 1 + d.len >= len || (t[p + 1 + d.len] != '/' && !is_ascii_alnum(t[p + 1 + d.len])))) {
            value = n.value / d.value;
            p += 1 + d.len;
        }
    }
    size_t sign = sign_before(t, at);
    f->start = at - sign;
    f->end = p;
    f->kind = ZY_KIND_NUMBER;
    f->has_value = true;
    f->value = sign ? -value : value;
    f->bare = true;
    return true;
}
