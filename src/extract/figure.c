/*
 * figure.c: one figure at a position (see figure.h). The grammar, in order: prefixes
 * (マイナス, △, 約, 推定, 最大, 第, 少なくとも), the numeral, an optional range (〜, から) to a
 * second numeral, the unit or counter, and suffixes (以上, 超, ほど, 程度, 前後, 弱, 未満).
 */
#include "extract/figure.h"

#include <string.h>

static bool is_ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }

typedef struct unit_entry {
    const char *text;
    zy_fact_kind kind;
    const char *unit;
} unit_entry;

/* Longest first where one is a prefix of another. */
static const unit_entry units[] = {
    {"米ドル", ZY_KIND_MONEY, "USD"},   {"香港ドル", ZY_KIND_MONEY, "HKD"},
    {"豪ドル", ZY_KIND_MONEY, "AUD"},   {"ドル", ZY_KIND_MONEY, "USD"},
    {"人民元", ZY_KIND_MONEY, "CNY"},   {"元", ZY_KIND_MONEY, "CNY"},
    {"円", ZY_KIND_MONEY, "JPY"},       {"ユーロ", ZY_KIND_MONEY, "EUR"},
    {"ポンド", ZY_KIND_MONEY, "GBP"},   {"ウォン", ZY_KIND_MONEY, "KRW"},
    {"ルピー", ZY_KIND_MONEY, "INR"},   {"台湾ドル", ZY_KIND_MONEY, "TWD"},
    {"%", ZY_KIND_PERCENT, "%"},        {"パーセント", ZY_KIND_PERCENT, "%"},
    {"ポイント", ZY_KIND_PERCENT, "pt"}, {"倍", ZY_KIND_RATIO, "x"},
    {"割", ZY_KIND_PERCENT, "%"},
    {"位", ZY_KIND_RANK, "rank"},       {"歳", ZY_KIND_AGE, "years"},
    {"才", ZY_KIND_AGE, "years"},       {"年間", ZY_KIND_DURATION, "years"},
    {"年ぶり", ZY_KIND_DURATION, "years"}, {"カ月", ZY_KIND_DURATION, "months"},
    {"か月", ZY_KIND_DURATION, "months"}, {"ヶ月", ZY_KIND_DURATION, "months"},
    {"ケ月", ZY_KIND_DURATION, "months"}, {"週間", ZY_KIND_DURATION, "weeks"},
    {"日間", ZY_KIND_DURATION, "days"}, {"時間", ZY_KIND_DURATION, "hours"},
    {"分間", ZY_KIND_DURATION, "minutes"}, {"秒", ZY_KIND_DURATION, "seconds"},
    {NULL, ZY_KIND_COUNT, NULL},
};

/* Counters of counts; the counter is kept as written. */
static const char *const counters[] = {
    "カ国・地域", "か国・地域", "カ国", "か国", "ヶ国", "ケ国", "機関", "社", "人", "件", "校",
    "システム", "モデル", "本", "個", "台", "回", "種類", "店舗", "店", "拠点", "施設", "都市",
    "団体", "枚", "冊", "隻", "基", "頭", "世帯", "戸", "議席", "票", "人分", "チーム", "銘柄",
    "プロジェクト", "大学", "論文", "件数", "品目", "カ所", "か所", "箇所", NULL,
};

static size_t match_unit(const char *t, size_t len, size_t at, zy_figure *f)
{
    if (at >= len)
        return 0;
    char first = t[at];
    for (size_t i = 0; units[i].text; i++)
        if (units[i].text[0] == first && zy_starts_with(t, len, at, units[i].text)) {
            f->kind = units[i].kind;
            f->unit = units[i].unit;
            return strlen(units[i].text);
        }
    for (size_t i = 0; counters[i]; i++)
        if (counters[i][0] == first && counters[i][1] == t[at + 1] && zy_starts_with(t, len, at, counters[i])) {
            f->kind = ZY_KIND_COUNT;
            f->unit = "count";
            size_t n = strlen(counters[i]);
            memcpy(f->counter, counters[i], n < sizeof f->counter - 1 ? n : sizeof f->counter - 1);
            return n;
        }
    return 0;
}

/* Bound and approximation words after the unit; returns bytes consumed. */
static size_t read_suffixes(const char *t, size_t len, size_t at, zy_figure *f)
{
    static const struct { const char *text; int bound; bool approx; } suffixes[] = {
        {"以上", ZY_BOUND_MIN, false}, {"超", ZY_BOUND_MIN, false},   {"余り", ZY_BOUND_MIN, true},
        {"余", ZY_BOUND_MIN, true},    {"強", ZY_BOUND_MIN, true},    {"以下", ZY_BOUND_MAX, false},
        {"未満", ZY_BOUND_MAX, false}, {"弱", ZY_BOUND_MAX, true},    {"足らず", ZY_BOUND_MAX, true},
        {"近く", ZY_BOUND_MAX, true},  {"ほど", ZY_BOUND_NONE, true}, {"程度", ZY_BOUND_NONE, true},
        {"前後", ZY_BOUND_NONE, true}, {"相当", ZY_BOUND_NONE, false}, {"を超える", ZY_BOUND_MIN, false},
        {"を超え", ZY_BOUND_MIN, false}, {"もの", ZY_BOUND_NONE, false},
    };
    size_t start = at;
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
            if (zy_starts_with(t, len, at, suffixes[i].text)) {
                if (suffixes[i].bound)
                    f->bound = (zy_bound)suffixes[i].bound;
                f->approx |= suffixes[i].approx;
                at += strlen(suffixes[i].text);
                break;
            }
    return at - start;
}

/* Prefix words before the numeral; sets flags and returns the new start. */
static size_t read_prefixes(const char *t, size_t at, zy_figure *f, bool *negative, bool *ordinal)
{
    static const struct { const char *text; int bound; bool approx; int sign; bool ordinal; } prefixes[] = {
        {"約", 0, true, 0, false},        {"およそ", 0, true, 0, false}, {"推定", 0, true, 0, false},
        {"概ね", 0, true, 0, false},      {"最大", ZY_BOUND_MAX, false, 0, false},
        {"最高", ZY_BOUND_MAX, false, 0, false}, {"最低", ZY_BOUND_MIN, false, 0, false},
        {"少なくとも", ZY_BOUND_MIN, false, 0, false}, {"超", ZY_BOUND_MIN, false, 0, false},
        {"マイナス", 0, false, -1, false}, {"△", 0, false, -1, false}, {"▲", 0, false, -1, false},
        {"-", 0, false, -1, false},       {"第", 0, false, 0, true},     {"累計", 0, false, 0, false},
        {"合計", 0, false, 0, false},     {"計", 0, false, 0, false},
        {"総額", 0, false, 0, false},     {"わずか", 0, false, 0, false}, {"実に", 0, false, 0, false},
    };
    size_t start = at;
    for (int round = 0; round < 3; round++) {
        bool any = false;
        for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
            if (!zy_ends_with(t, start, prefixes[i].text))
                continue;
            size_t n = strlen(prefixes[i].text);
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
    static const char *const after[] = {"設立", "創業", "創立", "に", "の", "度", "で", "から", "まで",
                                        "比", "、", "末", "春", "夏", "秋", "冬", "上期", "下期", "時点",
                                        "以降", ")", "と", NULL};
    for (size_t i = 0; after[i]; i++)
        if (zy_starts_with(t, len, at, after[i]))
            return true;
    return false;
}

bool zy_figure_at(const char *t, size_t len, size_t at, bool allow_bare, zy_figure *f)
{
    memset(f, 0, sizeof *f);
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
        f->counter[0] = '\0';
    }
    /* counts need a whole number of things */
    if ((f->kind == ZY_KIND_COUNT || f->kind == ZY_KIND_RANK) && n.decimal &&
        n.last_multiplier == 1)
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
