/*
 * figure.c: one figure at a position (see figure.h). The grammar, in order: prefixes
 * (マイナス, △, 約, 推定, 最大, 第, 少なくとも), the numeral, an optional range (〜, から) to a
 * second numeral, the unit or counter, and suffixes (以上, 超, ほど, 程度, 前後, 弱, 未満).
 */
#include "extract/figure.h"

#include <pthread.h>
#include <string.h>

#include "extract/charset.h"

static bool is_ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }

typedef struct unit_entry {
    const char *text;
    size_t len;
    zy_fact_kind kind;
    const char *unit;
} unit_entry;

/* Longest first where one is a prefix of another. */
static const unit_entry units[] = {
    {ZY_WORD("米ドル"), ZY_KIND_MONEY, "USD"},   {ZY_WORD("香港ドル"), ZY_KIND_MONEY, "HKD"},
    {ZY_WORD("豪ドル"), ZY_KIND_MONEY, "AUD"},   {ZY_WORD("ドル"), ZY_KIND_MONEY, "USD"},
    {ZY_WORD("人民元"), ZY_KIND_MONEY, "CNY"},   {ZY_WORD("元"), ZY_KIND_MONEY, "CNY"},
    {ZY_WORD("円"), ZY_KIND_MONEY, "JPY"},       {ZY_WORD("ユーロ"), ZY_KIND_MONEY, "EUR"},
    {ZY_WORD("ポンド"), ZY_KIND_MONEY, "GBP"},   {ZY_WORD("ウォン"), ZY_KIND_MONEY, "KRW"},
    {ZY_WORD("ルピー"), ZY_KIND_MONEY, "INR"},   {ZY_WORD("台湾ドル"), ZY_KIND_MONEY, "TWD"},
    {ZY_WORD("%"), ZY_KIND_PERCENT, "%"},        {ZY_WORD("パーセント"), ZY_KIND_PERCENT, "%"},
    {ZY_WORD("ポイント"), ZY_KIND_PERCENT, "pt"}, {ZY_WORD("倍"), ZY_KIND_RATIO, "x"},
    {ZY_WORD("割"), ZY_KIND_PERCENT, "%"},
    {ZY_WORD("位"), ZY_KIND_RANK, "rank"},       {ZY_WORD("歳"), ZY_KIND_AGE, "years"},
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
    {ZY_WORD("品目")}, {ZY_WORD("カ所")}, {ZY_WORD("か所")}, {ZY_WORD("箇所")}, {NULL, 0},
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

/* Which characters can end a prefix, start a suffix, start a unit or counter: most positions
 * tried are none of these, and one bit test rules out every word of a list. */
typedef struct word_chars {
    zy_charset prefix_last, suffix_first, unit_first;
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

static size_t match_unit(const char *t, size_t len, size_t at, zy_figure *f)
{
    if (!may_start(&word_chars_get()->unit_first, t, len, at))
        return 0;
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

/* Prefix words before the numeral; sets flags and returns the new start. */
static size_t read_prefixes(const char *t, size_t at, zy_figure *f, bool *negative, bool *ordinal)
{
    const zy_charset *last = &word_chars_get()->prefix_last;
    size_t start = at;
    for (int round = 0; round < 3 && may_end(last, t, start); round++) {
        bool any = false;
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

static bool vague_before(const char *t, size_t at)
{
    return zy_ends_with(t, at, "数") || zy_ends_with(t, at, "何") || zy_ends_with(t, at, "幾");
}

/* Date tail after "YYYY年": M月, D日. */
static size_t read_month_day(const char *t, size_t len, size_t at, zy_figure *f)
{
    zy_numeral m;
    size_t start = at;
    if (zy_numeral_parse(t + at, len - at, &m) && !m.decimal && m.value >= 1 && m.value <= 12 &&
        zy_starts_with(t, len, at + m.len, "月")) {
        f->month = (int)m.value;
        at += m.len + 3;
        zy_numeral d;
        if (zy_numeral_parse(t + at, len - at, &d) && !d.decimal && d.value >= 1 && d.value <= 31 &&
            zy_starts_with(t, len, at + d.len, "日")) {
            f->day = (int)d.value;
            at += d.len + 3;
        }
    }
    return at - start;
}

/* Context after a two-digit "NN年" that makes it a year (19年設立, 23年に, 20年の順位). */
static bool two_digit_year_context(const char *t, size_t len, size_t at)
{
    zy_numeral month;
    if (zy_numeral_parse(t + at, len - at, &month) && month.arabic && month.value >= 1 &&
        month.value <= 12 && zy_starts_with(t, len, at + month.len, "月"))
        return true;
    static const struct { const char *text; size_t len; } after[] = {
        {ZY_WORD("設立")}, {ZY_WORD("創業")}, {ZY_WORD("創立")}, {ZY_WORD("に")},   {ZY_WORD("の")},
        {ZY_WORD("度")},   {ZY_WORD("で")},   {ZY_WORD("から")}, {ZY_WORD("まで")}, {ZY_WORD("比")},
        {ZY_WORD("、")},   {ZY_WORD("末")},   {ZY_WORD("春")},   {ZY_WORD("夏")},   {ZY_WORD("秋")},
        {ZY_WORD("冬")},   {ZY_WORD("上期")}, {ZY_WORD("下期")}, {ZY_WORD("時点")}, {ZY_WORD("以降")},
        {ZY_WORD(")")},    {ZY_WORD("と")},
    };
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++)
        if (zy_starts_with_n(t, len, at, after[i].text, after[i].len))
            return true;
    return false;
}

bool zy_figure_at(const char *t, size_t len, size_t at, bool allow_bare, zy_figure *f)
{
    /* a copy of a zero figure, not memset: for a struct this size the compiler may pick a
     * string instruction whose start-up costs more than the rest of a failed attempt */
    static const zy_figure blank_figure;
    *f = blank_figure;
    /* names with digits: R1, o1, V3, A100, k1.5, GPT-4, 2.5-Max */
    if (at > 0 && is_ascii_alpha(t[at - 1]))
        return false;
    if (at > 1 && (t[at - 1] == '-' || t[at - 1] == '.') && is_ascii_alnum(t[at - 2]))
        return false;
    if (at > 0 && t[at - 1] >= '0' && t[at - 1] <= '9')
        return false;
    if (vague_before(t, at))
        return false;
    zy_numeral n;
    if (!zy_numeral_parse(t + at, len - at, &n))
        return false;
    size_t p = at + n.len;
    /* 01.AI, 3D, 5G, 100M: a Latin word glued to the number */
    if (p < len && (is_ascii_alpha(t[p]) || (t[p] == '.' && p + 1 < len && is_ascii_alpha(t[p + 1]))))
        return false;
    if (p < len && t[p] == '-' && p + 1 < len && is_ascii_alnum(t[p + 1]))
        return false;
    bool negative = false, ordinal = false;
    f->start = read_prefixes(t, at, f, &negative, &ordinal);
    f->value = n.value;
    f->has_value = true;

    /* dates first: YYYY年M月D日, M月D日, NN年 */
    if (zy_starts_with(t, len, p, "年") && !zy_starts_with(t, len, p, "年間") &&
        !zy_starts_with(t, len, p, "年ぶり") && !n.decimal && !ordinal) {
        bool four = n.value >= 1900 && n.value <= 2100 && (n.arabic ? n.len == 4 : true);
        bool two = n.arabic && n.len == 2 && two_digit_year_context(t, len, p + 3) &&
                   !zy_starts_with(t, len, p + 3, "以");
        if (four || two) {
            f->kind = ZY_KIND_DATE;
            f->unit = NULL;
            f->has_value = false;
            f->year = two ? (n.value < 70 ? 2000 : 1900) + (int)n.value : (int)n.value;
            f->two_digit_year = two;
            p += 3;
            if (zy_starts_with(t, len, p, "度"))
                p += 3;
            p += read_month_day(t, len, p, f);
            f->end = p;
            f->approx = false;
            return true;
        }
        return false; /* 100年, 1年で: not a figure a chart needs */
    }
    if (zy_starts_with(t, len, p, "月") && !n.decimal && n.value >= 1 && n.value <= 12 &&
        n.len <= 6 && !ordinal) {
        f->kind = ZY_KIND_DATE;
        f->has_value = false;
        f->month = (int)n.value;
        p += 3;
        zy_numeral d;
        if (zy_numeral_parse(t + p, len - p, &d) && !d.decimal && d.value >= 1 && d.value <= 31 &&
            zy_starts_with(t, len, p + d.len, "日")) {
            f->day = (int)d.value;
            p += d.len + 3;
        }
        /* 一月 on its own is rare and often not a date; keep Arabic months or full dates */
        if (n.kanji_digits && !f->day)
            return false;
        f->end = p;
        return true;
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
        if (match_unit(t, len, q, &probe) || sep == 1) {
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
    size_t ul = match_unit(t, len, p, f);
    if (ul == 0) {
        /* kanji-only numerals need a unit: 零一万物, 一方, 九州, 四国 are names and words */
        if (!allow_bare || n.kanji_digits || range)
            return false;
        f->kind = ZY_KIND_COUNT;
        f->unit = "count";
        f->bare = true;
    }
    if (ul == 3 && zy_starts_with(t, len, p, "割")) {
        /* 2割 is 20% */
        f->value *= 10;
        f->value_max *= 10;
    }
    p += ul;
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
