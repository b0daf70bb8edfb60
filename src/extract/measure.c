/*
 * measure.c: the measure a figure's words name (企業価値 → valuation, 調達 → funding, 設立 →
 * founded): a keyword right after the figure (a verb, or a noun joined by の/だった/という),
 * else the nearest keyword before it in its clause. Also what the prose readers share to
 * search text: clause breaks (、 and 。), a word, a founding or release verb. May call: extract (charset, bytescan, figure).
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "extract/bytescan.h"
#include "extract/charset.h"
#include "extract/prose.h"
#include "extract/scan.h"

typedef struct measure_word {
    const char *word;
    const char *measure;
} measure_word;

static const measure_word measure_words[] = {
    {"企業価値", "valuation"}, {"評価額", "valuation"}, {"時価総額", "market_cap"},
    {"調達", "funding"},       {"出資", "investment"},  {"投資", "investment"},
    {"資産", "assets"},        {"コスト", "cost"},      {"費用", "cost"},
    {"トレーニング", "cost"},  {"開発費", "cost"},      {"規模", "market_size"},
    {"市場", "market_size"},   {"年収", "salary"},      {"給与", "salary"},
    {"売上高", "revenue"},     {"売上", "revenue"},     {"売り上げ", "revenue"},
    {"営業利益", "profit"},    {"純利益", "profit"},    {"利益", "profit"},
    {"損益", "profit"},        {"収益", "revenue"},     {"初値", "first_price"},
    {"公開価格", "ipo_price"}, {"株価", "share_price"}, {"配当", "dividend"},
    {"取得価額", "acquisition_price"}, {"買収額", "acquisition_price"},
    {"著者数", "author_count"}, {"著者", "author_count"}, {"順位", "rank"},
    {"ランキング", "rank"},    {"合計", "total"},       {"総数", "total"},
    {"シェア", "share"},       {"占め", "share"},       {"依存度", "share"},
    {"成長", "growth"},        {"格差", "gap"},         {"値下げ", "price_cut"},
    {"引き下げ", "price_cut"}, {"設立", "founded"},     {"創業", "founded"},
    {"立ち上げ", "founded"},   {"創立", "founded"},     {"スピンオフ", "founded"},
    {"発表", "release"},       {"公開", "release"},     {"リリース", "release"},
    {"発売", "release"},       {"登場", "release"},     {"ローンチ", "release"},
    {"防衛費", "budget"},      {"国防費", "budget"},    {"軍事費", "budget"},
    {"予算", "budget"},        {"歳出", "budget"},      {"要求額", "budget"},
    {NULL, NULL},
};

#define MEASURE_WORDS (sizeof measure_words / sizeof measure_words[0] - 1)
#define NO_WORD 0xFF
#define CHAR_SLOTS 128 /* more than twice the distinct first (or last) characters */

/* The words that start (or end) with each character, as lists in word order: a slot per
 * character (its three UTF-8 bytes as the key) and a link from each word to the next. */
typedef struct words_by_char {
    uint32_t key[CHAR_SLOTS];      /* 0: empty */
    uint8_t first[CHAR_SLOTS], last[CHAR_SLOTS];
    uint8_t next[MEASURE_WORDS];
} words_by_char;

typedef struct measure_index {
    size_t len[MEASURE_WORDS];
    bool date[MEASURE_WORDS];
    bool verb[MEASURE_WORDS];      /* may follow its figure */
    zy_charset first_pair, last_pair; /* the first two and last two characters (their head3),
                                         as zy_charset_pair keys */
    words_by_char by_head, by_tail;
} measure_index;

static uint32_t head3(const char *p)
{
    return (uint32_t)(unsigned char)p[0] << 16 | (uint32_t)(unsigned char)p[1] << 8 |
           (unsigned char)p[2];
}

/* Can a word start at t[i] (and fit before end)? Every word has two or more three-byte
 * characters. */
static bool word_may_start(const measure_index *mi, const char *t, size_t i, size_t end)
{
    return i + 6 <= end && (unsigned char)t[i] >= 0xE0 && (unsigned char)t[i + 3] >= 0xE0 &&
           zy_charset_has(&mi->first_pair, zy_charset_pair(head3(t + i), head3(t + i + 3)));
}

/* Can a word end right before t[i]? */
static bool word_may_end(const measure_index *mi, const char *t, size_t i)
{
    return i >= 6 && (unsigned char)t[i - 6] >= 0xE0 && (unsigned char)t[i - 3] >= 0xE0 &&
           zy_charset_has(&mi->last_pair, zy_charset_pair(head3(t + i - 6), head3(t + i - 3)));
}

static size_t char_slot(const words_by_char *m, uint32_t key)
{
    size_t h = (key * 2654435761u) >> 25; /* 7 bits: CHAR_SLOTS */
    while (m->key[h] && m->key[h] != key)
        h = (h + 1) & (CHAR_SLOTS - 1);
    return h;
}

static void words_by_char_add(words_by_char *m, uint32_t key, size_t w)
{
    size_t h = char_slot(m, key);
    m->next[w] = NO_WORD;
    if (!m->key[h]) {
        m->key[h] = key;
        m->first[h] = (uint8_t)w;
    } else {
        m->next[m->last[h]] = (uint8_t)w;
    }
    m->last[h] = (uint8_t)w;
}

/* The first word for the character key, or NO_WORD. */
static size_t words_by_char_first(const words_by_char *m, uint32_t key)
{
    size_t h = char_slot(m, key);
    return m->key[h] ? m->first[h] : NO_WORD;
}

static measure_index index_of_measures;
static pthread_once_t measures_once = PTHREAD_ONCE_INIT;

static void fill_measures(void)
{
    measure_index *index = &index_of_measures;
    static const char *const verbs[] = {"調達", "出資", "投資", "占め", "値下げ", "引き下げ", NULL};
    for (size_t w = 0; w < MEASURE_WORDS; w++) {
        const char *word = measure_words[w].word;
        index->len[w] = strlen(word);
        for (size_t v = 0; verbs[v]; v++)
            index->verb[w] |= strcmp(word, verbs[v]) == 0;
        index->date[w] = strcmp(measure_words[w].measure, "founded") == 0 ||
                         strcmp(measure_words[w].measure, "release") == 0;
        /* every word has two or more characters, all of three bytes */
        size_t n = index->len[w];
        zy_charset_add(&index->first_pair, zy_charset_pair(head3(word), head3(word + 3)));
        zy_charset_add(&index->last_pair, zy_charset_pair(head3(word + n - 6), head3(word + n - 3)));
        words_by_char_add(&index->by_head, head3(word), w);
        words_by_char_add(&index->by_tail, head3(word + n - 3), w);
    }
}

static const measure_index *measures(void)
{
    pthread_once(&measures_once, fill_measures);
    return &index_of_measures;
}

/* "34人だった著者数", "5000億ドルという投資": a noun right after its figure names its measure. */
static bool noun_follows(const char *t, size_t fig_end, size_t at)
{
    static const char *const links[] = {"の", "だった", "という", "である", NULL};
    for (size_t k = 0; links[k]; k++)
        if (at - fig_end == strlen(links[k]) && memcmp(t + fig_end, links[k], at - fig_end) == 0)
            return true;
    return false;
}

/* The first 、 (or with sentence, also 。) in t[from..to), or to. E3 is always a lead byte,
 * so a match is a whole character wherever it is found. */
size_t zy_next_clause_break(const char *t, size_t from, size_t to, bool sentence)
{
    size_t i = from;
    for (; i + 10 <= to; i += 8)
        for (uint64_t m = zy_e3_pairs(t, i, 0x80); m; m = zy_drop_first(m)) {
            size_t k = i + zy_first_marked(m);
            if (t[k + 2] == '\x81' || (sentence && t[k + 2] == '\x82'))
                return k;
        }
    for (; i + 3 <= to; i++)
        if (t[i] == '\xE3' && t[i + 1] == '\x80' && (t[i + 2] == '\x81' || (sentence && t[i + 2] == '\x82')))
            return i;
    return to;
}

/* The start of the character before t[i], but not before floor. */
static size_t previous_char(const char *t, size_t floor, size_t i)
{
    do
        i--;
    while (i > floor && ((unsigned char)t[i] & 0xC0) == 0x80);
    return i;
}

/* "「X」が発売されたのは2008年7月11日", "設立は2015年": a founding or release word in the
 * clause before a date that the clause is about (…は DATE). NULL: none. */
static const char *event_before_date(const measure_index *mi, const char *t, size_t clause_start, size_t fig_start)
{
    if (!zy_ends_with(t, fig_start, "は"))
        return NULL;
    size_t floor = fig_start > clause_start + 45 ? fig_start - 45 : clause_start;
    for (size_t i = fig_start - 3; i > floor; i = previous_char(t, floor, i)) {
        if (zy_ends_with(t, i, "、"))
            return NULL;
        if (!word_may_end(mi, t, i))
            continue;
        for (size_t w = words_by_char_first(&mi->by_tail, head3(t + i - 3)); w != NO_WORD; w = mi->by_tail.next[w]) {
            size_t n = mi->len[w];
            if (mi->date[w] && i >= n && i - n >= clause_start && memcmp(t + i - n, measure_words[w].word, n) == 0)
                return measure_words[w].measure;
        }
    }
    return NULL;
}

/* How far around a figure its measure word is looked for, in bytes (about 30 characters). */
#define MEASURE_WINDOW 90

const char *zy_measure_near(const char *t, size_t clause_start, size_t fig_start,
                            size_t fig_end, size_t clause_end, zy_fact_kind kind)
{
    const measure_index *mi = measures();
    bool date = kind == ZY_KIND_DATE;
    /* verbs right after the figure (10億ドルを調達); for dates, anywhere after it */
    size_t after_end = date ? clause_end : fig_end + 24;
    if (after_end > clause_end)
        after_end = clause_end;
    if (date && after_end > fig_end + 3 * MEASURE_WINDOW)
        after_end = fig_end + 3 * MEASURE_WINDOW;
    /* a verb after the figure belongs to its clause: stop at 、 (売上高は…の2兆円、純利益は…) */
    if (!date)
        after_end = zy_next_clause_break(t, fig_end, after_end, false);
    /* character by character (continuation bytes never start a word) */
    for (size_t i = fig_end, clen; i + 3 <= after_end; i += clen) {
        zy_char_at(t + i, &clen);
        if (!word_may_start(mi, t, i, after_end))
            continue;
        for (size_t w = words_by_char_first(&mi->by_head, head3(t + i)); w != NO_WORD; w = mi->by_head.next[w])
            if (date == mi->date[w] &&
                (date || mi->verb[w] || noun_follows(t, fig_end, i)) && i + mi->len[w] <= after_end &&
                memcmp(t + i, measure_words[w].word, mi->len[w]) == 0)
                return measure_words[w].measure;
    }
    if (date)
        return event_before_date(mi, t, clause_start, fig_start);
    /* the nearest keyword before it in the clause */
    size_t floor = fig_start > clause_start + MEASURE_WINDOW ? fig_start - MEASURE_WINDOW : clause_start;
    for (size_t i = fig_start; i > floor; i = previous_char(t, floor, i)) {
        /* every word ends with a three-byte character */
        if (!word_may_end(mi, t, i))
            continue;
        for (size_t w = words_by_char_first(&mi->by_tail, head3(t + i - 3)); w != NO_WORD; w = mi->by_tail.next[w]) {
            size_t n = mi->len[w];
            if (mi->date[w] || i < n || i - n < clause_start || memcmp(t + i - n, measure_words[w].word, n) != 0)
                continue;
            if (n == 6 && memcmp(measure_words[w].word, "規模", 6) == 0 && zy_ends_with(t, i - 6, "大"))
                continue; /* 大規模 is a size, not a market size */
            return measure_words[w].measure;
        }
    }
    if (kind == ZY_KIND_RANK)
        return "rank";
    return NULL;
}

/* The first place in t[from..to) where word (of two bytes or more) starts, or to. Its first
 * two bytes are looked for eight positions at a time. */
size_t zy_find_word(const char *t, size_t from, size_t to, const char *w)
{
    size_t n = strlen(w), i = from;
    for (; i + 10 <= to; i += 8)
        for (uint64_t m = zy_byte_pairs(t, i, (unsigned char)w[0], (unsigned char)w[1]); m; m = zy_drop_first(m))
            if (zy_starts_with_n(t, to, i + zy_first_marked(m), w, n))
                return i + zy_first_marked(m);
    for (; i + n <= to; i++)
        if (zy_starts_with_n(t, to, i, w, n))
            return i;
    return to;
}

/* Does a founding or release verb (設立, 公開, …) start in t[from..to) (and end by se)? */
bool zy_event_verb_within(const char *t, size_t from, size_t to, size_t se)
{
    static const zy_word verbs[] = {
        {ZY_WORD("設立")}, {ZY_WORD("創業")},     {ZY_WORD("立ち上げ")},   {ZY_WORD("公開")},
        {ZY_WORD("発表")}, {ZY_WORD("リリース")}, {ZY_WORD("スピンオフ")}, {ZY_WORD("創立")},
        {ZY_WORD("発売")}, {ZY_WORD("登場")},     {ZY_WORD("ローンチ")},
    };
    for (size_t i = from; i < to; i++) {
        if ((unsigned char)t[i] < 0xE3 || i + 3 > se)
            continue; /* every verb starts with a three-byte character */
        uint32_t h = head3(t + i);
        for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++)
            if (h == head3(verbs[v].text) && zy_starts_with_n(t, se, i, verbs[v].text, verbs[v].len))
                return true;
    }
    return false;
}
