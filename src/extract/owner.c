/*
 * owner.c: whose a figure in running text is. In order: a name written right before it (X N,
 * Xの N, Xが N, X(N位)), a name right after a rank (1位 X), the owner of the figure it changes
 * from (29位→32位), a name after it that it describes (N設立の「X」, …ファンドであるX), the
 * nearest topic phrase (Xは, Xが; 同社 → the previous topic), else the nearest name before
 * it. Sources (Xによると, Xの調べでは, X発表, 調査会社X) never own a figure, and investors
 * (Xから調達, Xが主導する, Xなどが出資) do not own what was raised. Names that the dictionary
 * does not know are read by shape in parallel runs (米国が594基、ロシアが136基).
 * May call: extract (figure, entities, measure.c through prose.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/bytescan.h"
#include "extract/prose.h"

static uint32_t head3(const char *p)
{
    return (uint32_t)(unsigned char)p[0] << 16 | (uint32_t)(unsigned char)p[1] << 8 |
           (unsigned char)p[2];
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

typedef struct word {
    const char *text;
    size_t len;
} word;

/* Does t[at..se) start with one of words[0..n)? Its length, else 0. */
static size_t starts_with_any(const char *t, size_t se, size_t at, const word *words, size_t n)
{
    for (size_t w = 0; w < n; w++)
        if (zy_starts_with_n(t, se, at, words[w].text, words[w].len))
            return words[w].len;
    return 0;
}

static bool ends_with_any(const char *t, size_t at, const word *words, size_t n)
{
    for (size_t w = 0; w < n; w++)
        if (zy_ends_with_n(t, at, words[w].text, words[w].len))
            return true;
    return false;
}

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

static bool name_char(const char *t, size_t p);

/* A name that is where the figures come from, not whose they are: "Xによると", "Xの調べでは",
 * "X発表", "調査会社Xは". */
static bool is_source_entity(const char *t, size_t se, const zy_entity_match *m)
{
    static const word after[] = {
        {ZY_WORD("によると")}, {ZY_WORD("によれば")}, {ZY_WORD("の調査")}, {ZY_WORD("の試算")},
        {ZY_WORD("の調べ")},   {ZY_WORD("調べ")},     {ZY_WORD("の推計")}, {ZY_WORD("の集計")},
        {ZY_WORD("の統計")},   {ZY_WORD("発表")},     {ZY_WORD("の発表")}, {ZY_WORD("調査")},
        {ZY_WORD("の予測")},   {ZY_WORD("の分析")},   {ZY_WORD("のまとめ")}, {ZY_WORD("の報告")},
        {ZY_WORD("のレポート")}, {ZY_WORD("の推定")},
    };
    static const word before[] = {
        {ZY_WORD("調査会社")}, {ZY_WORD("調査機関")}, {ZY_WORD("調査企業")}, {ZY_WORD("リサーチ会社")},
        {ZY_WORD("調査会社の")}, {ZY_WORD("調査会社、")},
    };
    if (starts_with_any(t, se, m->end, after, COUNT_OF(after)) || ends_with_any(t, m->start, before, COUNT_OF(before)))
        return true;
    /* "Xが…を集計したところ", "X社が…を調べたところ": X counted, it does not own the count */
    size_t p = m->end;
    while (p < se && p < m->end + 30 && name_char(t, p))
        p += (unsigned char)t[p] < 0x80 ? 1 : 3;
    if (!zy_starts_with(t, se, p, "が"))
        return false;
    static const word counted[] = {{ZY_WORD("集計したところ")}, {ZY_WORD("調べたところ")},
                                   {ZY_WORD("調査したところ")}, {ZY_WORD("試算したところ")},
                                   {ZY_WORD("まとめたところ")}};
    for (size_t i = p + 3; i < se && i < p + 150; i++) {
        if (zy_starts_with(t, se, i, "。"))
            return false;
        if ((unsigned char)t[i] >= 0xE3 && starts_with_any(t, se, i, counted, COUNT_OF(counted)))
            return true;
    }
    return false;
}

/* A name that put money in rather than raised it: "Xから…を調達", "Xが主導する", "Xなどが
 *出資し", "Xを引受先とする". */
static bool is_investor(const char *t, size_t se, const zy_entity_match *m)
{
    static const word others[] = {{ZY_WORD("など")}, {ZY_WORD("ら")}};
    static const word roles[] = {
        {ZY_WORD("から")},     {ZY_WORD("が主導")},   {ZY_WORD("が出資")},     {ZY_WORD("も出資")},
        {ZY_WORD("が引き受け")}, {ZY_WORD("が参加")}, {ZY_WORD("も参加")},     {ZY_WORD("を引受先")},
        {ZY_WORD("を引き受け先")}, {ZY_WORD("を中心")}, {ZY_WORD("が主幹事")}, {ZY_WORD("が率いる")},
        {ZY_WORD("がリード")}, {ZY_WORD("の主導")},   {ZY_WORD("が投資")},     {ZY_WORD("も投資")},
    };
    size_t p = m->end;
    p += starts_with_any(t, se, p, others, COUNT_OF(others));
    if (starts_with_any(t, se, p, roles, COUNT_OF(roles)))
        return true;
    /* "XやYといった著名VCから": から a few words on, with no particle or figure between */
    for (size_t i = p; i < se && i < p + 45; i++) {
        if (zy_starts_with(t, se, i, "から"))
            return true;
        if ((t[i] >= '0' && t[i] <= '9') || zy_starts_with(t, se, i, "は") || zy_starts_with(t, se, i, "が") ||
            zy_starts_with(t, se, i, "を") || zy_starts_with(t, se, i, "に") || zy_starts_with(t, se, i, "で") ||
            zy_starts_with(t, se, i, "、") || zy_starts_with(t, se, i, "。"))
            return false;
    }
    return false;
}

/* Does this measure count money put in (出資, 投資)? Then the investor is the owner. */
static bool counts_investment(const char *measure)
{
    return measure && strcmp(measure, "investment") == 0;
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
        {ZY_WORD("同研究所")}, {ZY_WORD("同国")}, {ZY_WORD("同グループ")}, {ZY_WORD("同行")},
        {ZY_WORD("同市")}, {ZY_WORD("同省")}, {ZY_WORD("同庁")}, {ZY_WORD("同校")},
        {ZY_WORD("同機構")}, {ZY_WORD("同ファンド")}, {ZY_WORD("同チーム")}, {ZY_WORD("同団体")},
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

size_t zy_find_topic_markers(zy_scan_state *s, const zy_sentence *sn)
{
    const char *t = s->norm.text;
    size_t ss = sn->start, se = sn->end, n = 0;
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
        int k = first_entity_in(sn->ents, sn->nent, a, i);
        if (k >= 0 && is_source_entity(t, se, &sn->ents[k]))
            k = -1; /* "Xの調べでは": X is where the figures come from */
        s->markers[n++] = (topic_marker){i, a, k, refers_back(t, a, i), zy_starts_with(t, se, i, "も"),
                                         k >= 0 && is_investor(t, se, &sn->ents[k])};
    }
    return n;
}

/* Does the topic phrase of marker m name its entity as what the sentence is about, not as a
 * modifier? Not: "欧州のデータ主権…が" (Xの… before が), "「スマホ・AIoT」事業が" (a quoted name
 * inside a longer noun). "Xは", "X(シャオミ)が", "OpenAI は", "Xの売上高は", "韓国ベンチャー
 * 投資家が" are. */
static bool is_main_topic(const char *t, const zy_sentence *sn, const topic_marker *m)
{
    const zy_entity_match *e = &sn->ents[m->entity];
    if (zy_starts_with(t, sn->end, m->at, "が") && zy_starts_with(t, m->at, e->end, "の"))
        return false;
    size_t p = e->end;
    if (p < m->at && t[p] == '(') /* a reading: X(シャオミ)が */
        for (size_t k = p; k < m->at; k++)
            if (t[k] == ')') {
                p = k + 1;
                break;
            }
    return !zy_starts_with(t, m->at, p, "」") || p + 3 == m->at;
}

int zy_sentence_topic(const char *t, const zy_sentence *sn)
{
    /* は and が only: "Xも" adds a subject to this sentence without making it the topic of
     * the next; an investor is not what the next sentences are about */
    for (size_t q = 0; q < sn->nmarkers; q++) {
        const topic_marker *m = &sn->markers[q];
        if (!m->also && !m->investor && m->entity >= 0 && sn->ents[m->entity].entity != ZY_ENTITY_SHAPE &&
            is_main_topic(t, sn, m))
            return m->entity;
    }
    return -1;
}

/* The first place in t[from..to) where word (of two bytes or more) starts, or to. Its first
 * two bytes are looked for eight positions at a time. */
static size_t find_word(const char *t, size_t from, size_t to, const char *w)
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

/* ---- names in parallel runs ---- */

/* Can the character at t[p] be part of a name written without particles: katakana (with ー
 * and ・), kanji (with 々), Latin letters? */
static bool name_char(const char *t, size_t p)
{
    unsigned char c = (unsigned char)t[p];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return true;
    if (c >= 0xE4 && c <= 0xE9)
        return true; /* U+4000..U+9FFF */
    if (c != 0xE3)
        return false;
    unsigned char c1 = (unsigned char)t[p + 1], c2 = (unsigned char)t[p + 2];
    return (c1 == 0x82 && c2 >= 0xA1) || c1 == 0x83 || (c1 == 0x80 && c2 == 0x85);
}

/* The start of the character before t[i], not before floor. */
static size_t char_before(const char *t, size_t floor, size_t i)
{
    do
        i--;
    while (i > floor && ((unsigned char)t[i] & 0xC0) == 0x80);
    return i;
}

/* Where the particle-free word ending at end starts (not before floor); end when none. */
static size_t name_run_start(const char *t, size_t floor, size_t end)
{
    size_t a = end;
    while (a > floor) {
        size_t p = char_before(t, floor, a);
        if (!name_char(t, p))
            break;
        a = p;
    }
    return a;
}

/* How strongly does t[a..b) look like a name by its shape alone? Words for a measure, a time
 * or a comparison (売上高, 営業損失, 前年比, 4〜6月期, 同) are not names; katakana and Latin
 * words and place names (…国, …州, …省) are strong; other kanji words are weak. */
typedef enum name_shape { NOT_A_NAME, WEAK_NAME, STRONG_NAME } name_shape;

static bool char_in(const char *t, size_t at, const char *set)
{
    return strstr(set, (char[4]){t[at], t[at + 1], t[at + 2], 0}) != NULL;
}

static name_shape shape_of_name(const char *t, size_t a, size_t b)
{
    static const word not_first[] = {
        {ZY_WORD("前年")}, {ZY_WORD("前期")}, {ZY_WORD("前月")}, {ZY_WORD("同")},   {ZY_WORD("約")},
        {ZY_WORD("合計")}, {ZY_WORD("累計")}, {ZY_WORD("全体")}, {ZY_WORD("平均")}, {ZY_WORD("最大")},
        {ZY_WORD("最高")}, {ZY_WORD("最低")}, {ZY_WORD("推定")}, {ZY_WORD("今期")}, {ZY_WORD("通期")},
        {ZY_WORD("上期")}, {ZY_WORD("下期")}, {ZY_WORD("各")},   {ZY_WORD("総")},   {ZY_WORD("年")},
        {ZY_WORD("月")},   {ZY_WORD("期")},   {ZY_WORD("計")},   {ZY_WORD("第")},   {ZY_WORD("対")},
        {ZY_WORD("十")},   {ZY_WORD("百")},   {ZY_WORD("千")},   {ZY_WORD("万")},   {ZY_WORD("億")},
        {ZY_WORD("兆")},   {ZY_WORD("京")},
    };
    static const char not_last[] =
        "比期年月日額率数高益費量値価分度倍割位件時点計増減約同上下失出入用料金字給資算績模場者"
        "収損差幅末初半台人社";
    static const char places[] = "国州都府県市省区町村島";
    size_t chars = 0;
    bool kana_or_latin = false;
    for (size_t i = a; i < b; i += (unsigned char)t[i] < 0x80 ? 1 : 3) {
        chars++;
        unsigned char c = (unsigned char)t[i];
        kana_or_latin |= c < 0x80 || (c == 0xE3 && ((t[i + 1] == '\x82' && (unsigned char)t[i + 2] >= 0xA1) ||
                                                   (t[i + 1] == '\x83' && (unsigned char)t[i + 2] != 0xBC &&
                                                    (unsigned char)t[i + 2] != 0xBB)));
    }
    if (chars < 2 || chars > 12 || starts_with_any(t, b, a, not_first, COUNT_OF(not_first)))
        return NOT_A_NAME;
    bool wide_last = b >= a + 3 && (unsigned char)t[b - 3] >= 0xE0;
    if (wide_last && char_in(t, b - 3, not_last))
        return NOT_A_NAME;
    if (zy_measure_near(t, a, b, b, b, ZY_KIND_COUNT) != NULL)
        return NOT_A_NAME;
    return kana_or_latin || (wide_last && char_in(t, b - 3, places)) ? STRONG_NAME : WEAK_NAME;
}

/* Where a name written right before a figure at fs would end, back to floor: past a sign
 * (+), spaces, one particle (が, は, も, の, で) and a reading in brackets (摩爾線程(ムーア・
 * スレッド)で). *particle_free: no particle. */
static size_t name_end_before(const char *t, size_t floor, size_t fs, bool *particle_free)
{
    static const word particles[] = {{ZY_WORD("が")}, {ZY_WORD("は")}, {ZY_WORD("も")}, {ZY_WORD("の")},
                                     {ZY_WORD("で")}};
    size_t b = fs;
    if (b > floor && t[b - 1] == '+')
        b--;
    while (b > floor && t[b - 1] == ' ')
        b--;
    *particle_free = true;
    for (size_t w = 0; w < COUNT_OF(particles); w++)
        if (b >= floor + particles[w].len && zy_ends_with_n(t, b, particles[w].text, particles[w].len)) {
            b -= particles[w].len;
            *particle_free = false;
            break;
        }
    if (!*particle_free && b > floor && t[b - 1] == ')')
        for (size_t k = b - 1; k > floor && k + 60 > b; k--)
            if (t[k - 1] == '(') {
                b = k - 1;
                break;
            }
    while (b > floor && t[b - 1] == ' ')
        b--;
    return b;
}

/* The single clause break (、 or ,) in t[a..b) with nothing but a short tail before it ("減",
 * "で最多となり", "増(2,013件)"), or b. */
static size_t run_separator(const char *t, size_t a, size_t b)
{
    size_t brk = zy_next_clause_break(t, a, b, true);
    size_t len = 3;
    for (size_t i = a; i < brk; i++)
        if (t[i] == ',' && !(i > a && t[i - 1] >= '0' && t[i - 1] <= '9')) {
            brk = i;
            len = 1;
            break;
        }
    if (brk >= b || brk - a > 24 || (len == 3 && t[brk + 2] != '\x81'))
        return b;
    if (zy_next_clause_break(t, brk + len, b, true) != b)
        return b;
    return brk + len;
}

/* Add the shape name t[a..b) to the sentence's names, in text order, unless it overlaps one. */
static void add_shape_name(zy_sentence *sn, size_t a, size_t b)
{
    size_t k = 0;
    while (k < sn->nent && sn->ents[k].end <= a)
        k++;
    if ((k < sn->nent && sn->ents[k].start < b) || sn->nent == sn->ent_cap)
        return;
    memmove(sn->ents + k + 1, sn->ents + k, (sn->nent - k) * sizeof *sn->ents);
    sn->ents[k] = (zy_entity_match){a, b, ZY_ENTITY_SHAPE};
    sn->nent++;
}

/* The name written right before a figure: known (in the dictionary) or read by its shape. */
typedef struct run_member {
    size_t a, b;          /* the name; a == b: none */
    bool known;
    bool particle_free;   /* "米国0.2%" rather than "米国が0.2%" */
    name_shape shape;
} run_member;

static run_member member_before(const char *t, const zy_sentence *sn, size_t floor, size_t fs)
{
    run_member m = {0, 0, false, true, NOT_A_NAME};
    m.b = name_end_before(t, floor, fs, &m.particle_free);
    for (size_t k = 0; k < sn->nent; k++)
        if (sn->ents[k].end == m.b && sn->ents[k].start >= floor) {
            m.a = sn->ents[k].start;
            m.known = true;
            m.shape = STRONG_NAME;
            return m;
        }
    m.a = name_run_start(t, floor, m.b);
    m.shape = m.a < m.b ? shape_of_name(t, m.a, m.b) : NOT_A_NAME;
    return m;
}

/* Is the figure in brackets right after something ("(2,013件)")? */
static bool in_brackets(const char *t, const zy_sentence *sn, const zy_figure *f)
{
    return f->start > sn->start && t[f->start - 1] == '(';
}

/* The figure before figs[j] that a parallel run would pair it with: the previous one of its
 * kind, past figures in brackets; SIZE_MAX when none. */
static size_t run_partner(const char *t, const zy_sentence *sn, size_t j)
{
    for (size_t p = j; p-- > 0;) {
        if (sn->figs[p].kind == sn->figs[j].kind)
            return sn->figs[p].kind == ZY_KIND_DATE ? SIZE_MAX : p;
        if (!in_brackets(t, sn, &sn->figs[p]))
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Add the names of one parallel run: known names need nothing; strong shapes are names; weak
 * ones (plain kanji) only beside a strong or known member, or in a run of three or more, or
 * when every member is written without a particle. */
static void add_run_names(zy_sentence *sn, const run_member *m, size_t n)
{
    bool anchor = false, all_particle_free = true;
    size_t named = 0;
    for (size_t i = 0; i < n; i++) {
        anchor |= m[i].shape == STRONG_NAME;
        all_particle_free &= m[i].particle_free;
        named += m[i].shape != NOT_A_NAME;
    }
    if (named < 2)
        return;
    bool weak_ok = anchor || n >= 3 || all_particle_free;
    for (size_t i = 0; i < n; i++)
        if (!m[i].known && (m[i].shape == STRONG_NAME || (m[i].shape == WEAK_NAME && weak_ok)))
            add_shape_name(sn, m[i].a, m[i].b);
}

#define MAX_RUN 32

static void add_parallel_names(const char *t, zy_sentence *sn)
{
    run_member run[MAX_RUN];
    size_t n = 0, last = SIZE_MAX; /* the figure of run[n - 1] */
    for (size_t j = 1; j < sn->nfig; j++) {
        size_t p = run_partner(t, sn, j);
        size_t after = p == SIZE_MAX ? SIZE_MAX : run_separator(t, sn->figs[p].end, sn->figs[j].start);
        if (after == SIZE_MAX || after >= sn->figs[j].start) {
            continue;
        }
        run_member m1 = member_before(t, sn, after, sn->figs[j].start);
        if (m1.shape == NOT_A_NAME || m1.a - after > 12)
            continue;
        if (last != p || n == 0) {
            /* a new run: its first member's name starts after the previous figure or break */
            if (n)
                add_run_names(sn, run, n);
            size_t floor = p >= 1 ? sn->figs[p - 1].end : sn->start;
            for (size_t brk; (brk = zy_next_clause_break(t, floor, sn->figs[p].start, false)) < sn->figs[p].start;)
                floor = brk + 3;
            run[0] = member_before(t, sn, floor, sn->figs[p].start);
            n = 1;
        }
        if (n < MAX_RUN)
            run[n++] = m1;
        last = j;
    }
    if (n)
        add_run_names(sn, run, n);
}

/* Strong shapes right before "が N" ("…を展開するFRDジャパンが210億円を") or "(N)" ("ファミリー
 * コンピュータ(1983年)"): names, even outside a run. */
static void add_names_before_figures(const char *t, zy_sentence *sn)
{
    for (size_t j = 0; j < sn->nfig; j++) {
        const zy_figure *f = &sn->figs[j];
        bool bracket = in_brackets(t, sn, f);
        size_t end = bracket ? f->start - 1 : f->start;
        if (!bracket && !zy_ends_with(t, end, "が"))
            continue;
        size_t floor = j > 0 && sn->figs[j - 1].end <= end ? sn->figs[j - 1].end : sn->start;
        run_member m = member_before(t, sn, floor, end);
        if (!m.known && m.shape == STRONG_NAME && m.b - m.a >= 9 && (bracket ? m.particle_free : !m.particle_free))
            add_shape_name(sn, m.a, m.b);
    }
}

/* Is t[a..b) katakana only (with ー and ・)? */
static bool all_katakana(const char *t, size_t a, size_t b)
{
    if (a >= b)
        return false;
    for (size_t i = a; i < b; i += 3)
        if (i + 3 > b || (unsigned char)t[i] != 0xE3 ||
            !((t[i + 1] == '\x82' && (unsigned char)t[i + 2] >= 0xA1) || t[i + 1] == '\x83'))
            return false;
    return true;
}

/* A kanji name with its reading in brackets: "摩爾線程(ムーア・スレッド)", "寒武紀(カンブリコン)". */
static void add_names_with_readings(const char *t, zy_sentence *sn)
{
    for (const char *o = memchr(t + sn->start, '(', sn->end - sn->start); o;
         o = memchr(o + 1, '(', sn->end - (size_t)(o + 1 - t))) {
        size_t open = (size_t)(o - t), close = open + 1;
        while (close < sn->end && close < open + 60 && t[close] != ')')
            close++;
        if (close >= sn->end || t[close] != ')' || !all_katakana(t, open + 1, close))
            continue;
        size_t a = name_run_start(t, sn->start, open);
        bool kanji = a < open;
        for (size_t i = a; i < open && kanji; i += 3)
            kanji = (unsigned char)t[i] >= 0xE4 && (unsigned char)t[i] <= 0xE9;
        if (kanji && shape_of_name(t, a, open) != NOT_A_NAME)
            add_shape_name(sn, a, open);
    }
}

static bool event_verb_within(const char *t, size_t from, size_t to, size_t se);

/* 「iPhone 3G」, 「メルカリ」: a quoted name, in a sentence that tells of a founding or a release
 * (only there: a quote elsewhere is as often a phrase as a name). */
static void add_quoted_names(const char *t, zy_sentence *sn)
{
    size_t open = find_word(t, sn->start, sn->end, "「");
    if (open == sn->end || !event_verb_within(t, sn->start, sn->end, sn->end))
        return;
    for (; open < sn->end; open = find_word(t, open + 3, sn->end, "「")) {
        size_t a = open + 3, close = find_word(t, a, sn->end < a + 72 ? sn->end : a + 72, "」");
        if (close >= sn->end || close == a || !zy_starts_with(t, sn->end, close, "」"))
            continue;
        if (zy_next_clause_break(t, a, close, true) < close)
            continue;
        /* a name found by its shape inside the quote ("PlayStation" of 「PlayStation 4」)
         * becomes the whole quote */
        for (size_t k = 0; k < sn->nent; k++)
            if (sn->ents[k].entity == -1 && sn->ents[k].start >= a && sn->ents[k].end <= close &&
                (k + 1 == sn->nent || sn->ents[k + 1].start >= close) && (k == 0 || sn->ents[k - 1].end <= a)) {
                sn->ents[k].start = a;
                sn->ents[k].end = close;
            }
        add_shape_name(sn, a, close);
    }
}

/* "…初代iPhoneが発売され": in a sentence that tells of a release or founding, a name written
 * right before が and the verb. */
static void add_names_before_events(const char *t, zy_sentence *sn)
{
    for (size_t at = find_word(t, sn->start, sn->end, "が"); at < sn->end; at = find_word(t, at + 3, sn->end, "が")) {
        if (!event_verb_within(t, at + 3, at + 4 < sn->end ? at + 4 : sn->end, sn->end))
            continue;
        run_member m = member_before(t, sn, sn->start, at + 3);
        if (!m.known && m.shape == STRONG_NAME)
            add_shape_name(sn, m.a, m.b);
    }
}

void zy_shape_names(const char *t, zy_sentence *sn)
{
    add_quoted_names(t, sn);
    add_names_before_events(t, sn);
    add_names_with_readings(t, sn);
    add_parallel_names(t, sn);
    add_names_before_figures(t, sn);
}

/* ---- それぞれ: names and figures in the same order ---- */


/* Are t[a..b) only a joiner between two items of a list (と, 、, や, ・, ,)? */
static bool joins_items(const char *t, size_t a, size_t b)
{
    while (a < b && t[a] == ' ')
        a++;
    while (b > a && t[b - 1] == ' ')
        b--;
    return (b == a + 3 && (zy_starts_with(t, b, a, "と") || zy_starts_with(t, b, a, "、") ||
                           zy_starts_with(t, b, a, "や") || zy_starts_with(t, b, a, "・"))) ||
           (b == a + 1 && t[a] == ',');
}

void zy_respective_owners(const char *t, const zy_sentence *sn, int *owner)
{
    for (size_t j = 0; j < sn->nfig; j++)
        owner[j] = -1;
    static const char each[] = "それぞれ";
    size_t at = find_word(t, sn->start, sn->end, each);
    if (at == sn->end)
        return;
    /* the figures after it, one after another: 31%と28% */
    size_t j0 = 0;
    while (j0 < sn->nfig && sn->figs[j0].start < at + sizeof each - 1)
        j0++;
    if (j0 == sn->nfig || sn->figs[j0].kind == ZY_KIND_DATE)
        return;
    size_t n = 1;
    while (j0 + n < sn->nfig && sn->figs[j0 + n].kind == sn->figs[j0].kind &&
           joins_items(t, sn->figs[j0 + n - 1].end, sn->figs[j0 + n].start))
        n++;
    if (n < 2)
        return;
    /* the nearest list of exactly n names before it: MicrosoftとGoogle */
    size_t last = 0;
    while (last < sn->nent && sn->ents[last].end <= at)
        last++;
    while (last > 0) {
        size_t first = last - 1;
        while (first > 0 && joins_items(t, sn->ents[first - 1].end, sn->ents[first].start))
            first--;
        if (last - first == n) {
            for (size_t k = 0; k < n; k++)
                owner[j0 + k] = (int)(first + k);
            return;
        }
        last = first;
    }
}

/* Does a founding or release verb (設立, 公開, …) start in t[from..to) (and end by se)? */
static bool event_verb_within(const char *t, size_t from, size_t to, size_t se)
{
    static const struct { const char *text; size_t len; } verbs[] = {
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

/* ---- whose is a figure ---- */

/* Does "によって" or "により" follow a name in t[from..to) (before a 、): it did the act. */
static bool is_agent(const char *t, size_t from, size_t to)
{
    for (size_t i = from; i + 6 <= to; i++) {
        if (zy_starts_with(t, to, i, "、"))
            return false;
        if (zy_starts_with(t, to, i, "によって") || zy_starts_with(t, to, i, "により"))
            return true;
    }
    return false;
}

/* A name written right before the figure at fs: "X N", "Xの N", "Xが N", "Xは N", "X(N位)". */
static int name_directly_before(const char *t, const zy_sentence *sn, size_t fs)
{
    if (fs > sn->start && t[fs - 1] == '(')
        for (size_t k = 0; k < sn->nent; k++)
            if (sn->ents[k].end == fs - 1)
                return (int)k;
    bool particle_free;
    size_t b = name_end_before(t, sn->start, fs, &particle_free);
    for (size_t k = 0; k < sn->nent; k++)
        if (sn->ents[k].end == b && !is_source_entity(t, sn->end, &sn->ents[k]))
            return (int)k;
    return -1;
}

/* "1位 ソニー", "首位はトヨタ": a rank right before the name it ranks. */
static int name_after_rank(const char *t, const zy_sentence *sn, size_t fe)
{
    size_t p = fe;
    while (p < sn->end && (t[p] == ' ' || t[p] == ':'))
        p++;
    if (p == fe && (zy_starts_with(t, sn->end, p, "は") || zy_starts_with(t, sn->end, p, "が")))
        p += 3;
    if (zy_starts_with(t, sn->end, p, "「"))
        p += 3;
    for (size_t k = 0; k < sn->nent; k++)
        if (sn->ents[k].start == p && !is_source_entity(t, sn->end, &sn->ents[k]))
            return (int)k;
    return -1;
}

/* Is the name ents[k] the one a clause is about: followed by が, or by で closing a clause
 * ("…摩爾線程(ムーア・スレッド)で3100億元", "…寒武紀で、"), a reading in brackets between? */
static bool names_clause_owner(const char *t, const zy_sentence *sn, const zy_entity_match *m)
{
    size_t p = m->end;
    if (p < sn->end && t[p] == '(')
        for (size_t k = p; k < sn->end && k < p + 60; k++)
            if (t[k] == ')') {
                p = k + 1;
                break;
            }
    if (zy_starts_with(t, sn->end, p, "が"))
        return true;
    if (!zy_starts_with(t, sn->end, p, "で"))
        return false;
    p += 3;
    return p >= sn->end || (t[p] >= '0' && t[p] <= '9') || zy_starts_with(t, sn->end, p, "、") ||
           zy_starts_with(t, sn->end, p, "約") || zy_starts_with(t, sn->end, p, "。");
}

/* "2位は中国のメーカーBYDが占め", "第3位では、VWが", "首位に立ったのは…寒武紀で": a rank
 * topic (N位は) whose clause names its owner. */
static int owner_in_rank_clause(const char *t, const zy_sentence *sn, size_t fe)
{
    size_t p = fe, limit = fe + 30 < sn->end ? fe + 30 : sn->end;
    while (p < limit && !zy_starts_with(t, sn->end, p, "は")) {
        if (zy_starts_with(t, sn->end, p, "、") || zy_starts_with(t, sn->end, p, "。") || (t[p] >= '0' && t[p] <= '9'))
            return -1;
        p++;
    }
    if (p >= limit)
        return -1;
    p += 3;
    if (zy_starts_with(t, sn->end, p, "、"))
        p += 3;
    size_t clause_end = zy_next_clause_break(t, p, sn->end, true);
    for (size_t k = 0; k < sn->nent; k++)
        if (sn->ents[k].start >= p && sn->ents[k].end <= clause_end && !is_source_entity(t, sn->end, &sn->ents[k]) &&
            names_clause_owner(t, sn, &sn->ents[k]))
            return (int)k;
    return -1;
}

/* Is figure j the end of a change from figure j - 1 ("29位→32位", "12位から5位へ", "34人から
 * 906人に"): the same thing at two times? */
static bool continues_previous(const char *t, const zy_sentence *sn, size_t j)
{
    if (j == 0)
        return false;
    /* the figure before, skipping one date between them ("…から2024年には906人") */
    size_t i = j - 1;
    if (sn->figs[i].kind == ZY_KIND_DATE && i > 0)
        i--;
    const zy_figure *a = &sn->figs[i], *b = &sn->figs[j];
    if (a->kind != b->kind || a->kind == ZY_KIND_DATE)
        return false;
    size_t p = a->end;
    while (p < b->start && t[p] == ' ')
        p++;
    return zy_starts_with(t, b->start, p, "→") || zy_starts_with(t, b->start, p, "->") ||
           zy_starts_with(t, b->start, p, "から") || zy_starts_with(t, b->start, p, "⇒") ||
           zy_starts_with(t, b->start, p, "〜") || zy_starts_with(t, b->start, p, "へ");
}

/* "N設立の「X」", founding and release dates (the name between the date and the verb), and
 * names after the figure in its clause that it describes ("…ファンドであるX", "…を投資する
 * ことを誓約するスターゲート"). -1: none. */
static int name_described_after(const char *t, const zy_sentence *sn, size_t fe, const char *measure)
{
    const zy_entity_match *ents = sn->ents;
    size_t n = sn->nent, se = sn->end;
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
    if (measure && (strcmp(measure, "founded") == 0 || strcmp(measure, "release") == 0)) {
        size_t clause = zy_next_clause_break(t, fe, se, true);
        for (size_t k = 0; k < n; k++) {
            if (ents[k].start < fe)
                continue;
            if (ents[k].start > clause)
                break;
            size_t reach = se < ents[k].end + 60 ? se : ents[k].end + 60;
            if (is_agent(t, ents[k].end, reach))
                continue; /* "…DeepMindやMetaの研究者らによって設立された": who founded it */
            if (event_verb_within(t, ents[k].end, reach, se))
                return (int)k;
            break;
        }
        /* "「iPhone 3G」が発売されたのは2008年7月11日", "Xの設立は2015年": the name before the
         * verb before the date */
        size_t fs = fe;
        for (size_t q = 0; q < sn->nfig; q++)
            if (sn->figs[q].end == fe)
                fs = sn->figs[q].start;
        for (size_t k = n; k-- > 0;) {
            if (ents[k].end > fs)
                continue;
            size_t gap_end = fs;
            if (fs - ents[k].end > 48 || zy_next_clause_break(t, ents[k].end, gap_end, true) < gap_end)
                break;
            if (event_verb_within(t, ents[k].end, gap_end, se))
                return (int)k;
            break;
        }
    }
    /* names after the figure in its clause (before the next 、 or 。) */
    size_t clause_end = zy_next_clause_break(t, fe, se, true);
    if (clause_end == se) /* none: the clause ends 2 bytes short of the sentence end */
        clause_end = se >= fe + 2 ? se - 2 : fe;
    static const word relative[] = {{ZY_WORD("である")}, {ZY_WORD("であった")}};
    static const word attributive[] = {
        {ZY_WORD("する")},     {ZY_WORD("した")},   {ZY_WORD("している")},
        {ZY_WORD("していた")}, {ZY_WORD("される")}, {ZY_WORD("された")},
    };
    for (size_t k = 0; k < n; k++)
        if (ents[k].start >= fe && ents[k].start < clause_end + 3 &&
            ends_with_any(t, ents[k].start, relative, COUNT_OF(relative)))
            return (int)k;
    for (size_t k = 0; k < n; k++) {
        size_t a = ents[k].start;
        if (zy_ends_with(t, a, "「"))
            a -= 3; /* "…に登場した「iPhone 4S」" */
        if (ents[k].start >= fe && ents[k].start < clause_end + 3 && ends_with_any(t, a, attributive, COUNT_OF(attributive)))
            return (int)k;
    }
    return -1;
}

/* The nearest topic phrase before the figure that names an owner (同社: the previous topic),
 * else one after it, for sentences that open with the date. -1: none. */
static int topic_of_figure(const zy_sentence *sn, size_t fs, size_t fe, bool investor_ok)
{
    const topic_marker *markers = sn->markers;
    size_t m = sn->nmarkers;
    while (m > 0 && markers[m - 1].at >= fs)
        m--;
    for (size_t q = m; q-- > 0;) {
        if (markers[q].entity >= 0 && (investor_ok || !markers[q].investor))
            return markers[q].entity;
        if (markers[q].refers_back)
            return ZY_SUBJECT_PREVIOUS_TOPIC;
    }
    while (m < sn->nmarkers && markers[m].at < fe)
        m++;
    if (m < sn->nmarkers && (investor_ok || !markers[m].investor)) {
        size_t a = markers[m].phrase > fe ? markers[m].phrase : fe;
        int k = a == markers[m].phrase ? markers[m].entity : first_entity_in(sn->ents, sn->nent, a, markers[m].at);
        if (k >= 0)
            return k;
    }
    return -1;
}

int zy_choose_subject(const char *t, const zy_sentence *sn, size_t j, const char *measure,
                      const int *chosen)
{
    const zy_figure *f = &sn->figs[j];
    bool investor_ok = counts_investment(measure);
    if (sn->respective && sn->respective[j] >= 0)
        return sn->respective[j];
    int k;
    /* a founding or release date belongs to what was founded or released, which may be named
     * after it ("ソニーは2014年3月に発売した「PS4」") */
    bool event = measure && (strcmp(measure, "founded") == 0 || strcmp(measure, "release") == 0);
    if (event && (k = name_described_after(t, sn, f->end, measure)) >= 0)
        return k;
    k = name_directly_before(t, sn, f->start);
    if (k >= 0 && (investor_ok || !is_investor(t, sn->end, &sn->ents[k])))
        return k;
    if (f->kind == ZY_KIND_RANK && ((k = owner_in_rank_clause(t, sn, f->end)) >= 0 ||
                                    (k = name_after_rank(t, sn, f->end)) >= 0))
        return k;
    /* "33億ドル(約5100億円)", "+27.2%増(2,013件)": the same owner as the figure it glosses */
    if (j > 0 && in_brackets(t, sn, f) && sn->figs[j - 1].kind != ZY_KIND_DATE &&
        f->start - 1 - sn->figs[j - 1].end <= 6 && chosen[j - 1] != -1)
        return chosen[j - 1];
    if (continues_previous(t, sn, j)) {
        size_t i = sn->figs[j - 1].kind == ZY_KIND_DATE ? j - 2 : j - 1;
        if (chosen[i] != -1)
            return chosen[i];
    }
    if ((k = name_described_after(t, sn, f->end, measure)) >= 0)
        return k;
    if ((k = topic_of_figure(sn, f->start, f->end, investor_ok)) != -1)
        return k;
    /* the nearest name before it that is neither a source nor an investor */
    for (size_t q = sn->nent; q-- > 0;)
        if (sn->ents[q].end <= f->start && !is_source_entity(t, sn->end, &sn->ents[q]) &&
            (investor_ok || !is_investor(t, sn->end, &sn->ents[q])))
            return (int)q;
    return -1;
}
