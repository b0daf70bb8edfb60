/*
 * prose.c: figures in running text. Lines not taken by tables or lists are split into
 * sentences; each figure gets a subject (whose figure it is), a measure and a time:
 *   subject: X(N位) → X; "Xの N" → X; "N設立の「X」" → X; for founding/release dates, the
 *   name between the date and the verb; else the nearest は/が topic phrase naming an entity
 *   (backwards, then forwards); else the nearest entity before it that is not a source
 *   ("…によると"); else the topic of earlier sentences (同社 and the like).
 *   time: the nearest date before the figure in the same sentence.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/bytescan.h"
#include "extract/charset.h"
#include "extract/scan.h"

#define MAX_ENTITIES 64
#define MAX_FIGURES 128

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
    {"著者数", "author_count"}, {"著者", "author_count"}, {"順位", "rank"},
    {"ランキング", "rank"},    {"合計", "total"},       {"総数", "total"},
    {"シェア", "share"},       {"占め", "share"},       {"依存度", "share"},
    {"成長", "growth"},        {"格差", "gap"},         {"値下げ", "price_cut"},
    {"引き下げ", "price_cut"}, {"設立", "founded"},     {"創業", "founded"},
    {"立ち上げ", "founded"},   {"創立", "founded"},     {"スピンオフ", "founded"},
    {"発表", "release"},       {"公開", "release"},     {"リリース", "release"},
    {"発売", "release"},       {NULL, NULL},
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
static size_t next_clause_break(const char *t, size_t from, size_t to, bool sentence)
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
        after_end = next_clause_break(t, fig_end, after_end, false);
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
        return NULL;
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

/* A topic marker at i: は, が or も after a noun (not inside a verb such as ながら), or
 * では/には. */
static bool topic_marker_at(const char *t, size_t i)
{
    /* は E3 81 AF, が E3 81 8C, も E3 82 82 */
    if ((unsigned char)t[i] != 0xE3 || ((unsigned char)t[i + 1] != 0x81 && (unsigned char)t[i + 1] != 0x82))
        return false;
    bool also = zy_starts_with(t, i + 3, i, "も");
    if (!zy_starts_with(t, i + 3, i, "は") && !zy_starts_with(t, i + 3, i, "が") && !also)
        return false;
    if (i < 3)
        return false;
    /* previous character */
    size_t p = i - 1;
    while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
        p--;
    unsigned char c0 = (unsigned char)t[p];
    if (c0 < 0x80)
        return true;
    /* hiragana U+3041..U+309F is E3 81 81 .. E3 82 9F */
    bool hiragana = c0 == 0xE3 && ((unsigned char)t[p + 1] == 0x81 ||
                                   ((unsigned char)t[p + 1] == 0x82 && (unsigned char)t[p + 2] <= 0x9F));
    if (!hiragana)
        return true;
    return !also && (zy_ends_with(t, i, "で") || zy_ends_with(t, i, "に") || zy_ends_with(t, i, "と"));
}

static bool is_source_entity(const char *t, size_t len, const zy_entity_match *m)
{
    return zy_starts_with(t, len, m->end, "によると") || zy_starts_with(t, len, m->end, "によれば") ||
           zy_starts_with(t, len, m->end, "の調査") || zy_starts_with(t, len, m->end, "の試算");
}

/* The entity a topic phrase [a, marker) is about: the name right before the marker (…出身校
 * である浙江大学は), else the first name in the phrase (日本の中国依存度は → 日本). -1: none. */
static int first_entity_in(const zy_entity_match *ents, size_t n, size_t a, size_t b)
{
    for (size_t k = 0; k < n; k++)
        if (ents[k].end == b && ents[k].start >= a)
            return (int)k;
    for (size_t k = 0; k < n; k++)
        if (ents[k].start >= a && ents[k].end <= b)
            return (int)k;
    return -1;
}

/* Does the phrase refer back to the previous topic (同社は, 同大学の…)? */
static bool refers_back(const char *t, size_t a, size_t b)
{
    static const struct { const char *text; size_t len; } words[] = {
        {ZY_WORD("同社")}, {ZY_WORD("同大学")}, {ZY_WORD("同大")},
        {ZY_WORD("同研究所")}, {ZY_WORD("同国")}, {ZY_WORD("同グループ")},
    };
    /* 同 is E5 90 8C: candidates eight bytes at a time, then the words */
    size_t i = a;
    for (; i + 10 <= b; i += 8)
        for (uint64_t m = zy_byte_pairs(t, i, 0xE5, 0x90); m; m = zy_drop_first(m))
            for (size_t k = i + zy_first_marked(m), w = 0; w < sizeof words / sizeof words[0]; w++)
                if (zy_starts_with_n(t, b, k, words[w].text, words[w].len))
                    return true;
    for (; i < b; i++)
        for (size_t w = 0; zy_starts_with(t, b, i, "同") && w < sizeof words / sizeof words[0]; w++)
            if (zy_starts_with_n(t, b, i, words[w].text, words[w].len))
                return true;
    return false;
}

#define SUBJECT_PREVIOUS_TOPIC (-2)

/* A topic marker (は, が, も, では, には) in a sentence, with what its phrase names: the same
 * for every figure of the sentence, so found once per sentence. */
typedef struct topic_marker {
    size_t at;          /* the marker */
    size_t phrase;      /* where its phrase begins (phrase_start from the sentence start) */
    int entity;         /* first_entity_in the phrase, or -1 */
    bool refers_back;   /* the phrase says 同社 or the like */
    bool also;          /* the marker is も */
} topic_marker;

/* Where the topic phrase ending at marker begins: after the previous 、 or the previous
 * topic marker ("韓国のサムスン電子は第1四半期の営業利益が": the が phrase is 第1四半期の営業利益).
 * floor is the end of the last earlier marker that ends before this one (or the sentence
 * start): a 、 is looked for only after it. */
static size_t phrase_start(const char *t, size_t floor, size_t marker)
{
    /* the end of the last , or 、 (E3 80 81) in t[floor..marker), found going forwards eight
     * bytes at a time (E3 is always a lead byte, so a 、 never straddles floor) */
    size_t start = floor, i = floor;
    for (; i + 10 <= marker; i += 8) {
        uint64_t m = zy_bytes_equal(zy_load8(t + i), ',') | zy_e3_pairs(t, i, 0x80);
        for (; m; m = zy_drop_first(m)) {
            size_t k = i + zy_first_marked(m);
            if (t[k] == ',')
                start = k + 1;
            else if (t[k + 2] == '\x81' && k + 3 <= marker)
                start = k + 3;
        }
    }
    for (; i < marker; i++) {
        if (t[i] == ',')
            start = i + 1;
        else if (i + 3 <= marker && t[i] == '\xE3' && t[i + 1] == '\x80' && t[i + 2] == '\x81')
            start = i + 3;
    }
    return start;
}

/* The next topic marker in t[from..se), or se. Candidates (E3 xx with は E3 81 AF, が E3 81 8C
 * or も E3 82 82 as the third byte) are found eight bytes at a time. */
static size_t next_topic_marker(const char *t, size_t from, size_t se)
{
    size_t i = from;
    for (; i + 10 <= se; i += 8) {
        uint64_t third = zy_load8(t + i + 2);
        uint64_t m = zy_bytes_equal(zy_load8(t + i), 0xE3) &
                     (zy_bytes_equal(third, 0xAF) | zy_bytes_equal(third, 0x8C) | zy_bytes_equal(third, 0x82));
        for (; m; m = zy_drop_first(m))
            if (topic_marker_at(t, i + zy_first_marked(m)))
                return i + zy_first_marked(m);
    }
    for (; i + 3 <= se; i++)
        if (t[i] == '\xE3' && topic_marker_at(t, i))
            return i;
    return se;
}

/* The topic markers of the sentence [ss, se) into s->markers; their count, or SIZE_MAX when
 * out of memory. */
static size_t find_topic_markers(zy_scan_state *s, const zy_entity_match *ents, size_t nent,
                                 size_t ss, size_t se)
{
    const char *t = s->norm.text;
    size_t n = 0;
    for (size_t i = next_topic_marker(t, ss, se); i < se; i = next_topic_marker(t, i + 1, se)) {
        if (n == s->marker_cap) {
            size_t cap = s->marker_cap ? s->marker_cap * 2 : 32;
            topic_marker *grown = realloc(s->markers, cap * sizeof *grown);
            if (!grown)
                return SIZE_MAX;
            s->markers = grown;
            s->marker_cap = cap;
        }
        /* the phrase starts after the last earlier marker that ends before this one */
        size_t floor = ss;
        for (size_t q = n; q-- > 0;)
            if (s->markers[q].at + 3 < i) {
                floor = s->markers[q].at + 3;
                break;
            }
        size_t a = phrase_start(t, floor, i);
        s->markers[n++] = (topic_marker){i, a, first_entity_in(ents, nent, a, i),
                                         refers_back(t, a, i), zy_starts_with(t, se, i, "も")};
    }
    return n;
}

/* Does a founding or release verb (設立, 公開, …) start in t[from..to) (and end by se)? */
static bool event_verb_within(const char *t, size_t from, size_t to, size_t se)
{
    static const struct { const char *text; size_t len; } verbs[] = {
        {ZY_WORD("設立")}, {ZY_WORD("創業")},     {ZY_WORD("立ち上げ")},   {ZY_WORD("公開")},
        {ZY_WORD("発表")}, {ZY_WORD("リリース")}, {ZY_WORD("スピンオフ")}, {ZY_WORD("創立")},
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

/* Subject of the figure at [fs, fe) in the sentence [ss, se). */
static int choose_subject(const zy_scan_state *s, const zy_entity_match *ents, size_t n,
                          const topic_marker *markers, size_t nmarkers, size_t se, size_t fs,
                          size_t fe, const char *measure, bool *from_topic)
{
    const char *t = s->norm.text;
    *from_topic = false;
    /* X(N位): the figure in brackets right after a name */
    if (fs > 0 && t[fs - 1] == '(')
        for (size_t k = 0; k < n; k++)
            if (ents[k].end == fs - 1)
                return (int)k;
    /* Xの N, X N */
    for (size_t k = 0; k < n; k++)
        if ((ents[k].end == fs || (ents[k].end + 3 == fs && zy_starts_with(t, se, ents[k].end, "の"))) &&
            !is_source_entity(t, se, &ents[k]))
            return (int)k;
    /* N設立の「X」 */
    size_t p = fe;
    if (zy_starts_with(t, se, p, "設立") || zy_starts_with(t, se, p, "創業"))
        p += 6;
    if (zy_starts_with(t, se, p, "の")) {
        p += 3;
        if (zy_starts_with(t, se, p, "「"))
            p += 3;
        for (size_t k = 0; k < n; k++)
            if (ents[k].start == p)
                return (int)k;
    }
    /* founding and release dates: the name between the date and the verb */
    if (measure && (strcmp(measure, "founded") == 0 || strcmp(measure, "release") == 0)) {
        for (size_t k = 0; k < n; k++) {
            if (ents[k].start < fe)
                continue;
            if (event_verb_within(t, ents[k].end, se < ents[k].end + 60 ? se : ents[k].end + 60, se))
                return (int)k;
            break;
        }
    }
    /* names after the figure in its clause (before the next 、 or 。) */
    size_t clause_end = next_clause_break(t, fe, se, true);
    if (clause_end == se) /* none: the clause ends 2 bytes short of the sentence end */
        clause_end = se >= fe + 2 ? se - 2 : fe;
    /* a relative clause: "…N…を管理していた…ファンドであるX": the figure describes X */
    for (size_t k = 0; k < n; k++) {
        if (ents[k].start < fe)
            continue;
        if (ents[k].start >= clause_end + 3)
            break;
        if (zy_ends_with(t, ents[k].start, "である") || zy_ends_with(t, ents[k].start, "であった"))
            return (int)k;
    }
    /* "…5000億ドルを投資することを誓約するスターゲート": a verb in its attributive form right
     * before a name, in the figure's clause, makes the figure describe that name */
    for (size_t k = 0; k < n; k++) {
        if (ents[k].start < fe)
            continue;
        if (ents[k].start >= clause_end + 3)
            break;
        static const struct { const char *text; size_t len; } attributive[] = {
            {ZY_WORD("する")},     {ZY_WORD("した")},   {ZY_WORD("している")},
            {ZY_WORD("していた")}, {ZY_WORD("される")}, {ZY_WORD("された")},
        };
        for (size_t a = 0; a < sizeof attributive / sizeof attributive[0]; a++)
            if (zy_ends_with_n(t, ents[k].start, attributive[a].text, attributive[a].len))
                return (int)k;
    }
    /* the nearest topic phrase before the figure that names an entity (or 同社: the last one) */
    size_t m = nmarkers;
    while (m > 0 && markers[m - 1].at >= fs)
        m--;
    for (size_t q = m; q-- > 0;) {
        if (markers[q].entity >= 0) {
            *from_topic = true;
            return markers[q].entity;
        }
        if (markers[q].refers_back)
            return SUBJECT_PREVIOUS_TOPIC;
    }
    /* a topic phrase after it, for sentences that open with the date */
    while (m < nmarkers && markers[m].at < fe)
        m++;
    if (m < nmarkers) {
        size_t a = markers[m].phrase > fe ? markers[m].phrase : fe;
        int k = a == markers[m].phrase ? markers[m].entity : first_entity_in(ents, n, a, markers[m].at);
        if (k >= 0) {
            *from_topic = true;
            return k;
        }
    }
    /* the nearest name before it that is not a source */
    for (size_t k = n; k-- > 0;)
        if (ents[k].end <= fs && !is_source_entity(t, se, &ents[k]))
            return (int)k;
    return -1;
}

/* A heading: a short line without a closing 。 ("評価額は5100億円"). Its figures belong to
 * names on the line only, not to the previous sentence's topic. */
static bool is_heading(const char *t, size_t ss, size_t se)
{
    size_t end = se;
    while (end > ss && (t[end - 1] == ' ' || t[end - 1] == '\n'))
        end--;
    return end - ss < 90 && !zy_ends_with(t, end, "。") && !zy_ends_with(t, end, "!") &&
           !zy_ends_with(t, end, "?") && !zy_ends_with(t, end, "！") && !zy_ends_with(t, end, "？");
}

/* 今年, 昨年, 今月 … at t[i], resolved from the article's own date; false when not. */
static bool relative_date_at(const zy_scan_state *s, const char *t, size_t se, size_t i, zy_figure *f)
{
    static const struct { const char *word; size_t len; int years, months; } words[] = {
        {ZY_WORD("今年"), 0, 0}, {ZY_WORD("昨年"), -1, 0}, {ZY_WORD("去年"), -1, 0},
        {ZY_WORD("来年"), 1, 0}, {ZY_WORD("一昨年"), -2, 0}, {ZY_WORD("今月"), 0, 1},
        {ZY_WORD("先月"), 0, -1}, {ZY_WORD("来月"), 0, 2},
    };
    if (!s->dated || (unsigned char)t[i] < 0xE3)
        return false;
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        if (!zy_starts_with_n(t, se, i, words[w].word, words[w].len))
            continue;
        static const zy_figure blank_figure;
        *f = blank_figure;
        f->kind = ZY_KIND_DATE;
        f->start = i;
        f->end = i + words[w].len;
        f->year = s->doc_year + words[w].years;
        if (words[w].months) {
            if (!s->doc_month)
                return false;
            int m = s->doc_month + (words[w].months == 2 ? 1 : words[w].months == 1 ? 0 : -1);
            f->year += m < 1 ? -1 : m > 12 ? 1 : 0;
            f->month = m < 1 ? 12 : m > 12 ? 1 : m;
        }
        return true;
    }
    return false;
}

/* Characters a figure can start with in prose: kanji numerals and the first characters of
 * 今年, 昨年, 去年, 来年, 一昨年, 今月, 先月, 来月 (Arabic digits are tested directly). */
static zy_charset figure_start_chars;
static pthread_once_t figure_starts_once = PTHREAD_ONCE_INIT;

static void fill_figure_starts(void)
{
    static const char *const chars[] = {"〇", "零", "一", "二", "三", "四", "五", "六", "七",
                                        "八", "九", "十", "百", "千", "万", "億", "兆", "今",
                                        "昨", "去", "来", "先", NULL};
    for (size_t i = 0; chars[i]; i++)
        zy_charset_add_first(&figure_start_chars, chars[i]);
}

static const zy_charset *figure_starts(void)
{
    pthread_once(&figure_starts_once, fill_figure_starts);
    return &figure_start_chars;
}

static void scan_sentence(zy_scan_state *s, size_t ss, size_t se)
{
    const char *t = s->norm.text;
    zy_figure figs[MAX_FIGURES];
    size_t nfig = 0;
    const zy_charset *starts = figure_starts();
    for (size_t i = ss; i < se && nfig < MAX_FIGURES;) {
        unsigned char c = (unsigned char)t[i];
        size_t clen;
        uint32_t cp = zy_char_at(t + i, &clen);
        bool digit = c >= '0' && c <= '9';
        if (!digit && (c < 0x80 || !zy_charset_has(starts, cp))) {
            i += clen;
            continue;
        }
        if (relative_date_at(s, t, se, i, &figs[nfig])) {
            i = figs[nfig++].end;
            continue;
        }
        double v;
        int mult;
        bool kanji = c >= 0xE3 && zy_kanji_numeral(t + i, se - i, &v, &mult) == 0 && mult != 2;
        if (!digit && !kanji) {
            i += clen;
            continue;
        }
        if (kanji) {
            /* a kanji numeral continuing a previous kanji numeral is not a new start */
            double pv;
            int pm;
            if (i >= 3 && zy_kanji_numeral(t + i - 3, 3, &pv, &pm) == 0) {
                i += clen;
                continue;
            }
        }
        zy_figure f;
        if (zy_figure_at(t, se, i, false, &f)) {
            figs[nfig++] = f;
            i = f.end;
        } else if (digit) {
            while (i + 1 < se && ((t[i + 1] >= '0' && t[i + 1] <= '9') || t[i + 1] == '.' || t[i + 1] == ','))
                i++;
            i++;
        } else {
            i += clen;
        }
    }
    zy_entity_match ents[MAX_ENTITIES];
    size_t nent = zy_entities_find(s->entities, t, ss, se, ents, MAX_ENTITIES);
    size_t prev_topic_start = s->topic_start, prev_topic_end = s->topic_end;
    long prev_topic_entity = s->topic_entity;
    size_t nmarkers = find_topic_markers(s, ents, nent, ss, se);
    if (nmarkers == SIZE_MAX) {
        s->status = ZY_ERR_NOMEM;
        return;
    }
    const topic_marker *markers = s->markers;
    /* the sentence's topic, kept for later sentences (は and が only: "Xも" adds a subject
     * to this sentence without making it the topic of the next) */
    for (size_t q = 0; q < nmarkers; q++) {
        int k = markers[q].entity;
        if (markers[q].also || k < 0)
            continue;
        s->topic_start = ents[k].start;
        s->topic_end = ents[k].end;
        s->topic_entity = ents[k].entity;
        break;
    }
    for (size_t j = 0; j < nfig; j++) {
        zy_figure *f = &figs[j];
        const char *measure = zy_measure_near(t, ss, f->start, f->end, se, f->kind);
        bool from_topic;
        int k = choose_subject(s, ents, nent, markers, nmarkers, se, f->start, f->end, measure,
                               &from_topic);
        zy_subject subject = {0, 0, -1, NULL};
        if (k == SUBJECT_PREVIOUS_TOPIC && (s->topic_start != prev_topic_start || !prev_topic_end)) {
            /* 同社 in a sentence whose own topic is named: that one */
            k = -1;
        }
        if (k >= 0) {
            subject.start = ents[k].start;
            subject.end = ents[k].end;
            subject.entity = ents[k].entity;
        } else if (prev_topic_end && !is_heading(t, ss, se)) {
            subject.start = prev_topic_start;
            subject.end = prev_topic_end;
            subject.entity = prev_topic_entity;
        }
        /* time: the nearest date before it in the sentence, unless that date modifies another
         * figure directly ("21年の12位から5位へ": 2021 is the time of 12位, not of 5位) */
        char time[16] = "";
        for (size_t q = j; q-- > 0;) {
            if (figs[q].kind != ZY_KIND_DATE)
                continue;
            bool bound_elsewhere = q + 1 < j && figs[q + 1].kind != ZY_KIND_DATE &&
                                   figs[q + 1].start <= figs[q].end + 3;
            if (!bound_elsewhere && (figs[q].year || s->doc_year))
                zy_scan_date_iso(s, &figs[q], time);
            break;
        }
        /* "2019年時点で", "2025年3月期", "4〜6月期": the time of other figures, not events */
        if (f->kind == ZY_KIND_DATE && (zy_starts_with(t, se, f->end, "時点") || zy_starts_with(t, se, f->end, "期")))
            continue;
        /* "1人当たり": a unit of measure, not a count */
        if (f->kind == ZY_KIND_COUNT && (zy_starts_with(t, se, f->end, "当たり") || zy_starts_with(t, se, f->end, "あたり")))
            continue;
        zy_scan_add(s, f, subject.end ? &subject : NULL, measure, "prose", ss, se, time, -1, -1, -1);
    }
}

/* Is there a sentence end at t[k] (k < to)? Its end, else 0. */
static size_t sentence_end_at(const char *t, size_t k, size_t to)
{
    if (t[k] == '!' || t[k] == '?')
        return k + 1;
    if (k + 3 <= to && t[k] == '\xE3' && t[k + 1] == '\x80' && t[k + 2] == '\x82')
        return k + 3;
    return 0;
}

/* The next sentence end in t[from..to): the byte after 。, ! or ? (NFKC made ！？ ASCII), or
 * 0 when there is none. '!' and '?' are never part of a longer UTF-8 character and E3 is
 * always a lead byte, so the bytes can be searched eight at a time. */
static size_t next_sentence_end(const char *t, size_t from, size_t to)
{
    size_t k = from, end;
    for (; k + 10 <= to; k += 8) {
        uint64_t w = zy_load8(t + k);
        uint64_t m = zy_e3_pairs(t, k, 0x80) | zy_bytes_equal(w, '!') | zy_bytes_equal(w, '?');
        for (; m; m = zy_drop_first(m))
            if ((end = sentence_end_at(t, k + zy_first_marked(m), to)) != 0)
                return end;
    }
    for (; k < to; k++)
        if ((end = sentence_end_at(t, k, to)) != 0)
            return end;
    return 0;
}

void zy_scan_prose(zy_scan_state *s)
{
    for (size_t line = 0; line < s->nlines && s->status == ZY_OK; line++) {
        if (s->line_taken[line])
            continue;
        size_t ss = s->lines[line].start, eol = s->lines[line].end, end;
        while ((end = next_sentence_end(s->norm.text, ss, eol)) != 0) {
            scan_sentence(s, ss, end);
            ss = end;
        }
        if (ss < eol)
            scan_sentence(s, ss, eol);
    }
}
