/*
 * owner.c: whose a figure in running text is. In order: its place in a それぞれ list (Xと Y…
 * それぞれAとB); for founding and release dates, what was founded or released (named after
 * the date, after "6日、" as a quoted product, or before it as the object: 「X」を、2016年1月に
 * …設立); the name whose profile bracket holds it (X(SCB、大阪市。売上高5億円、…)); what is
 * bought for it (YをN円で買収); a name written right before it (X N, Xの N, Xが N, X(N位),
 * X(読み)で N); for ranks, the name their clause
 * is about (2位は…BYDが占め) or right after them (1位 X); for a gloss in brackets, the owner
 * of the figure it glosses (33億ドル(約5100億円)); the owner of the figure it changes from
 * (29位→32位); a name after it that it describes (N設立の「X」, …ファンドであるX); the nearest
 * topic phrase (Xは, Xが, Xの初値は, a known name the written one runs on from; 同社 and a
 * press release's 当社 → the previous topic); else the nearest name before it. A place before
 * で is where the topic acts (同社は…欧州で2,600人を削減), not the owner.
 * Sources (Xによると, Xの調べでは, X発表, 調査会社X, Xが…集計したところ), places (東京都江東区,
 * カリフォルニア州シリコンバレー, (大阪市), 大阪市に) and destinations (X向け) never own a figure,
 * and investors (Xから調達, Xが主導する, Xなどが出資) do not own what was raised (nor what
 * was received: Xから…の投資を受け). Also which
 * name of a sentence its later sentences are about. Names the dictionary lacks come from
 * shape_names.c.
 * May call: extract (figure, entities; measure.c and shape_names.c through prose.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/bytescan.h"
#include "extract/prose.h"

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

/* A name that is where the figures come from, not whose they are: "Xによると", "Xの調べでは",
 * "X発表", "調査会社Xは". */
static bool is_source_entity(const char *t, size_t se, const zy_entity_match *m)
{
    static const zy_word after[] = {
        {ZY_WORD("によると")}, {ZY_WORD("によれば")}, {ZY_WORD("の調査")}, {ZY_WORD("の試算")},
        {ZY_WORD("の調べ")},   {ZY_WORD("調べ")},     {ZY_WORD("の推計")}, {ZY_WORD("の集計")},
        {ZY_WORD("の統計")},   {ZY_WORD("発表")},     {ZY_WORD("の発表")}, {ZY_WORD("調査")},
        {ZY_WORD("の予測")},   {ZY_WORD("の分析")},   {ZY_WORD("のまとめ")}, {ZY_WORD("の報告")},
        {ZY_WORD("のレポート")}, {ZY_WORD("の推定")},
    };
    static const zy_word before[] = {
        {ZY_WORD("調査会社")}, {ZY_WORD("調査機関")}, {ZY_WORD("調査企業")}, {ZY_WORD("リサーチ会社")},
        {ZY_WORD("調査会社の")}, {ZY_WORD("調査会社、")},
    };
    if (zy_starts_with_any(t, se, m->end, after, ZY_COUNT_OF(after)) || zy_ends_with_any(t, m->start, before, ZY_COUNT_OF(before)))
        return true;
    /* "Xが…を集計したところ", "X社が…を調べたところ": X counted, it does not own the count */
    size_t p = m->end;
    while (p < se && p < m->end + 30 && zy_name_char(t, p))
        p += (unsigned char)t[p] < 0x80 ? 1 : 3;
    if (!zy_starts_with(t, se, p, "が"))
        return false;
    static const zy_word counted[] = {{ZY_WORD("集計した")}, {ZY_WORD("調べた")}, {ZY_WORD("調査した")},
                                      {ZY_WORD("試算した")}, {ZY_WORD("まとめた")}};
    size_t limit = se < p + 150 ? se : p + 150;
    size_t at = zy_find_word(t, p + 3, limit, "ところ");
    return at < limit && zy_ends_with_any(t, at, counted, ZY_COUNT_OF(counted));
}

/* A name that put money in rather than raised it: "Xから…を調達", "Xが主導する", "Xなどが
 *出資し", "Xを引受先とする". */
static bool is_investor(const char *t, size_t se, const zy_entity_match *m)
{
    static const zy_word others[] = {{ZY_WORD("など")}, {ZY_WORD("ら")}};
    static const zy_word roles[] = {
        {ZY_WORD("から")},     {ZY_WORD("が主導")},   {ZY_WORD("が出資")},     {ZY_WORD("も出資")},
        {ZY_WORD("が引き受け")}, {ZY_WORD("が参加")}, {ZY_WORD("も参加")},     {ZY_WORD("を引受先")},
        {ZY_WORD("を引き受け先")}, {ZY_WORD("を中心")}, {ZY_WORD("が主幹事")}, {ZY_WORD("が率いる")},
        {ZY_WORD("がリード")}, {ZY_WORD("の主導")},   {ZY_WORD("が投資")},     {ZY_WORD("も投資")},
    };
    size_t p = m->end;
    p += zy_starts_with_any(t, se, p, others, ZY_COUNT_OF(others));
    if (zy_starts_with_any(t, se, p, roles, ZY_COUNT_OF(roles)))
        return true;
    /* "XやYといった著名VCから": から a few words on, with no particle or figure between */
    size_t limit = se < p + 45 ? se : p + 45;
    size_t from = zy_find_word(t, p, limit, "から");
    if (from == limit)
        return false;
    static const zy_word stops[] = {{ZY_WORD("は")}, {ZY_WORD("が")}, {ZY_WORD("を")}, {ZY_WORD("に")},
                                    {ZY_WORD("で")}, {ZY_WORD("、")}};
    for (size_t i = p; i < from; i += (unsigned char)t[i] < 0x80 ? 1 : 3)
        if ((t[i] >= '0' && t[i] <= '9') || zy_starts_with_any(t, from, i, stops, ZY_COUNT_OF(stops)))
            return false;
    return true;
}

/* What a name of the sentence is besides a name: where its figures come from, who put money
 * in, a place (カリフォルニア州, 東京都江東区: never an owner) or a destination (ノルウェー向け).
 * Found once per sentence (zy_find_topic_markers) into sn->roles. */
#define ROLE_SOURCE 1
#define ROLE_INVESTOR 2
#define ROLE_PLACE 4
#define ROLE_NOT_OWNER (ROLE_SOURCE | ROLE_PLACE)

static bool has_role(const zy_sentence *sn, size_t k, unsigned char role)
{
    return (sn->roles[k] & role) != 0;
}

/* Is the name where something is, not who: a place suffix after it (州, 市, 区 …) in an
 * address (東京都江東区, カリフォルニア州シリコンバレー), in brackets ("(大阪市。…)") or before に/で
 * ("大阪市に設立"). "大阪市の人口は" names the city itself. */
static bool is_place(const char *t, const zy_sentence *sn, const zy_entity_match *m)
{
    if (zy_starts_with(t, sn->end, m->end, "向け") || zy_starts_with(t, sn->end, m->end, "への輸出"))
        return true; /* "ノルウェー向けの出荷": where it goes */
    if (!zy_place_suffix_at(t, sn->end, m->end))
        return false;
    size_t p = m->end + 3;
    if (p < sn->end && (unsigned char)t[p] >= 0xE3 && !zy_starts_with(t, sn->end, p, "、") &&
        !zy_starts_with(t, sn->end, p, "。") && !zy_starts_with(t, sn->end, p, "の") &&
        !zy_starts_with(t, sn->end, p, "は") && !zy_starts_with(t, sn->end, p, "が") &&
        !zy_starts_with(t, sn->end, p, "も"))
        return true; /* an address, or 大阪市に, 大阪市で */
    for (size_t i = m->start; i-- > sn->start;) {
        if (t[i] == ')')
            return false;
        if (t[i] == '(')
            return true;
    }
    return false;
}

/* Does this measure count money put in (出資, 投資)? Then the investor is the owner. */
static bool counts_investment(const char *measure)
{
    return measure && strcmp(measure, "investment") == 0;
}

/* Is t[a..b) a short noun for a measure of the name before it ("中国の軍事費が", "Xの売上高が"),
 * not a longer phrase ("欧州のデータ主権…開発姿勢が")? */
static bool names_its_measure(const char *t, size_t a, size_t b)
{
    static const char measure_ends[] = "費額高数率益価量値";
    if (b <= a || b - a > 18)
        return false;
    for (size_t i = a; i < b; i += 3)
        if (!zy_name_char(t, i) || (unsigned char)t[i] < 0x80)
            return false;
    return strstr(measure_ends, (char[4]){t[b - 3], t[b - 2], t[b - 1], 0}) != NULL;
}

/* Is t[at] inside a bracket opened in t[a..at) and not yet closed (the place of X(東京・渋谷))? */
static bool inside_open_bracket(const char *t, size_t a, size_t at)
{
    int depth = 0;
    for (size_t i = a; i < at; i++)
        depth += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
    return depth > 0;
}

/* Do t[p..b) only carry the name on to the marker (ブルーピーク|・システムズは, a known short
 * name inside the longer one written)? */
static bool name_runs_on(const char *t, size_t p, size_t b)
{
    if (p >= b || b - p > 30)
        return false;
    for (size_t i = p; i < b; i += (unsigned char)t[i] < 0x80 ? 1 : 3)
        if (!zy_name_char(t, i))
            return false;
    /* not the noun of a measure: 日本の中国|依存度は is about 日本 */
    return !names_its_measure(t, p, b) && zy_measure_near(t, p, b, b, b, ZY_KIND_COUNT) == NULL;
}

/* The end of name e past a reading or place in brackets right after it (X(東京・渋谷)), not
 * past b. */
static size_t end_past_brackets(const char *t, const zy_entity_match *e, size_t b)
{
    if (e->end < b && t[e->end] == '(')
        for (size_t k = e->end; k < b && k < e->end + 60; k++)
            if (t[k] == ')')
                return k + 1;
    return e->end;
}

/* The entity a topic phrase [a, marker) is about: the name right before the marker (…出身校
 * である浙江大学は) or the one its word runs on from (ブルーピーク・システムズは), or before の
 * and the short noun of its measure (上場したX(東京・渋谷)の初値は), else the first name in the phrase (日本の中国依存度は → 日本). -1: none. */
static int first_entity_in(const char *t, const zy_entity_match *ents, size_t n, size_t a, size_t b)
{
    for (size_t k = 0; k < n; k++)
        if (ents[k].end == b && ents[k].start >= a)
            return (int)k;
    for (size_t k = n; k-- > 0;) {
        if (ents[k].start < a || ents[k].end > b || inside_open_bracket(t, a, ents[k].start))
            continue;
        size_t p = end_past_brackets(t, &ents[k], b);
        if ((zy_starts_with(t, b, p, "の") && names_its_measure(t, p + 3, b)) || name_runs_on(t, p, b))
            return (int)k;
        break;
    }
    for (size_t k = 0; k < n; k++)
        if (ents[k].start >= a && ents[k].end <= b)
            return (int)k;
    return -1;
}

/* Does the phrase refer back to the previous topic (同社は, 同大学の…, 当社の…)? */
static bool refers_back(const char *t, size_t a, size_t b)
{
    static const struct { const char *text; size_t len; } words[] = {
        {ZY_WORD("同社")}, {ZY_WORD("同大学")}, {ZY_WORD("同大")},
        {ZY_WORD("同研究所")}, {ZY_WORD("同国")}, {ZY_WORD("同グループ")}, {ZY_WORD("同行")},
        {ZY_WORD("同市")}, {ZY_WORD("同省")}, {ZY_WORD("同庁")}, {ZY_WORD("同校")},
        {ZY_WORD("同機構")}, {ZY_WORD("同ファンド")}, {ZY_WORD("同チーム")}, {ZY_WORD("同団体")},
    };
    if (b >= a + 6 && zy_find_word(t, a, b, "当社") < b)
        return true; /* a press release's 当社: the company that issues it */
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

size_t zy_find_topic_markers(zy_scan_state *s, zy_sentence *sn)
{
    const char *t = s->norm.text;
    size_t ss = sn->start, se = sn->end, n = 0;
    for (size_t k = 0; k < sn->nent; k++)
        sn->roles[k] = (unsigned char)((is_source_entity(t, se, &sn->ents[k]) ? ROLE_SOURCE : 0) |
                                       (is_investor(t, se, &sn->ents[k]) ? ROLE_INVESTOR : 0) |
                                       (is_place(t, sn, &sn->ents[k]) ? ROLE_PLACE : 0));
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
        int k = first_entity_in(t, sn->ents, sn->nent, a, i);
        if (k >= 0 && has_role(sn, k, ROLE_NOT_OWNER))
            k = -1; /* "Xの調べでは": X is where the figures come from */
        s->markers[n++] = (topic_marker){i, a, k, refers_back(t, a, i), zy_starts_with(t, se, i, "も"),
                                         k >= 0 && has_role(sn, k, ROLE_INVESTOR)};
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
        return names_its_measure(t, e->end + 3, m->at);
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
     * the next; an investor is not what the next sentences are about. "Xでは"/"Xには" set a
     * scope ("日本ではサカナAIが…"): taken only when no plain は/が phrase names one. */
    for (int scope = 0; scope < 2; scope++)
        for (size_t q = 0; q < sn->nmarkers; q++) {
            const topic_marker *m = &sn->markers[q];
            bool is_scope = zy_ends_with(t, m->at, "で") || zy_ends_with(t, m->at, "に");
            if (is_scope == (scope == 1) && !m->also && !m->investor && m->entity >= 0 &&
                sn->ents[m->entity].entity != ZY_ENTITY_SHAPE && is_main_topic(t, sn, m))
                return m->entity;
        }
    return -1;
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
    /* the first two figures of one kind one after another (31%と28%): only then is それぞれ
     * looked for, before them */
    size_t j0 = 0;
    while (j0 + 1 < sn->nfig && (sn->figs[j0].kind == ZY_KIND_DATE || sn->figs[j0 + 1].kind != sn->figs[j0].kind ||
                                 !joins_items(t, sn->figs[j0].end, sn->figs[j0 + 1].start)))
        j0++;
    if (j0 + 1 >= sn->nfig)
        return;
    static const char each[] = "それぞれ";
    size_t from = j0 > 0 ? sn->figs[j0 - 1].end : sn->start;
    size_t at = zy_find_word(t, from, sn->figs[j0].start, each);
    if (at == sn->figs[j0].start)
        return;
    size_t n = 2;
    while (j0 + n < sn->nfig && sn->figs[j0 + n].kind == sn->figs[j0].kind &&
           joins_items(t, sn->figs[j0 + n - 1].end, sn->figs[j0 + n].start))
        n++;
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
/* "同社は…欧州で約2,600人を削減する": a name before で and a figure that is the object (を) of
 * what a topic named earlier does is where it happens, not whose the figure is. */
static bool where_topic_acts(const char *t, const zy_sentence *sn, size_t b, size_t fs)
{
    if (!zy_starts_with(t, fs, b, "で"))
        return false;
    const zy_figure *f = NULL;
    for (size_t j = 0; j < sn->nfig; j++)
        if (sn->figs[j].start == fs)
            f = &sn->figs[j];
    if (!f || !zy_starts_with(t, sn->end, f->end, "を"))
        return false;
    for (size_t q = 0; q < sn->nmarkers; q++)
        if (sn->markers[q].at < b && zy_starts_with(t, sn->end, sn->markers[q].at, "は") &&
            (sn->markers[q].entity >= 0 || sn->markers[q].refers_back))
            return true;
    return false;
}

static int name_directly_before(const char *t, const zy_sentence *sn, size_t fs)
{
    if (fs > sn->start && t[fs - 1] == '(')
        for (size_t k = 0; k < sn->nent; k++)
            if (sn->ents[k].end == fs - 1)
                return (int)k;
    bool particle_free;
    size_t b = zy_name_end_before(t, sn->start, fs, &particle_free);
    for (size_t k = 0; k < sn->nent; k++)
        if (sn->ents[k].end == b && !has_role(sn, k, ROLE_NOT_OWNER) && !where_topic_acts(t, sn, b, fs))
            return (int)k;
    return -1;
}

/* "X(SCB、大阪市。売上高5億円、営業利益1億円)": a figure in brackets that open right after a
 * name (or "PIALab." and its dot) is that name's. */
static int name_before_brackets(const char *t, const zy_sentence *sn, size_t fs)
{
    size_t open = fs;
    while (open > sn->start && t[open - 1] != '(' && t[open - 1] != ')')
        open--;
    if (open == sn->start || t[open - 1] != '(')
        return -1;
    open--;
    for (size_t k = 0; k < sn->nent; k++)
        if ((sn->ents[k].end == open || (sn->ents[k].end + 1 == open && t[open - 1] == '.')) &&
            !has_role(sn, k, ROLE_NOT_OWNER))
            return (int)k;
    return -1;
}

/* "メタがXを約1兆ウォンで買収": the price of what is bought or sold is that thing's. */
static int name_bought_for(const char *t, const zy_sentence *sn, const zy_figure *f)
{
    static const zy_word deals[] = {{ZY_WORD("で買収")}, {ZY_WORD("で取得")}, {ZY_WORD("で売却")},
                                    {ZY_WORD("で譲渡")}, {ZY_WORD("で買い取")}, {ZY_WORD("で買い")}};
    if (!zy_ends_with(t, f->start, "を") || !zy_starts_with_any(t, sn->end, f->end, deals, ZY_COUNT_OF(deals)))
        return -1;
    for (size_t k = 0; k < sn->nent; k++)
        if (sn->ents[k].end + 3 == f->start && !has_role(sn, k, ROLE_NOT_OWNER))
            return (int)k;
    return -1;
}

/* "新会社「X(TRI)」を、2016年1月に…設立する": the object of the founding or release named
 * before its date (を, then at most a 、), the verb after the date. */
static int object_before_event_date(const char *t, const zy_sentence *sn, size_t fs, size_t fe)
{
    size_t b = fs;
    if (zy_ends_with(t, b, "、"))
        b -= 3;
    if (!zy_ends_with(t, b, "を"))
        return -1;
    b -= 3;
    if (zy_ends_with(t, b, "」"))
        b -= 3;
    if (!zy_event_verb_within(t, fe, sn->end, sn->end))
        return -1;
    for (size_t k = 0; k < sn->nent; k++)
        if (sn->ents[k].end == b && !has_role(sn, k, ROLE_NOT_OWNER))
            return (int)k;
    return -1;
}

/* "1位 ソニー", "首位はトヨタ", "20位にホンダ(前年20位)": a rank right before the name it ranks. */
static int name_after_rank(const char *t, const zy_sentence *sn, size_t fe)
{
    size_t p = fe;
    while (p < sn->end && (t[p] == ' ' || t[p] == ':'))
        p++;
    if (p == fe && (zy_starts_with(t, sn->end, p, "は") || zy_starts_with(t, sn->end, p, "が") ||
                    zy_starts_with(t, sn->end, p, "に")))
        p += 3;
    if (zy_starts_with(t, sn->end, p, "「"))
        p += 3;
    for (size_t k = 0; k < sn->nent; k++)
        if (sn->ents[k].start == p && !has_role(sn, k, ROLE_NOT_OWNER))
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
        if (sn->ents[k].start >= p && sn->ents[k].end <= clause_end && !has_role(sn, k, ROLE_NOT_OWNER) &&
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

/* After "6日、": is the name the thing founded or released, a quoted name (新サービス「Y」を)
 * that is not a report's title (ランキング「…」, 調査「…」), or a name followed by を? */
static bool names_released_thing(const char *t, const zy_sentence *sn, const zy_entity_match *m)
{
    static const zy_word reports[] = {{ZY_WORD("ランキング")}, {ZY_WORD("調査")}, {ZY_WORD("レポート")},
                                      {ZY_WORD("報告書")},     {ZY_WORD("白書")}, {ZY_WORD("結果")},
                                      {ZY_WORD("、")}};
    size_t end = m->end;
    if (zy_ends_with(t, m->start, "「")) {
        if (zy_ends_with_any(t, m->start - 3, reports, ZY_COUNT_OF(reports)))
            return false;
        if (!zy_starts_with(t, sn->end, end, "」"))
            return false; /* a name inside a longer title */
        end += 3;
    }
    return zy_starts_with(t, sn->end, end, "を");
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
        bool next_clause = clause == fe && zy_starts_with(t, se, fe, "、");
        if (next_clause) /* "6日、新サービス「Y」を発表" */
            clause = zy_next_clause_break(t, fe + 3, se, true);
        for (size_t k = 0; k < n; k++) {
            if (ents[k].start < fe)
                continue;
            if (ents[k].start > clause)
                break;
            if (has_role(sn, k, ROLE_NOT_OWNER) || zy_starts_with(t, se, ents[k].end, "に"))
                continue; /* "…シリコンバレーに設立": where, not what */
            if (next_clause && !names_released_thing(t, sn, &ents[k]))
                break; /* "19日、「2025…中国…50強」を発表": a report; its publisher released it */
            size_t reach = se < ents[k].end + 60 ? se : ents[k].end + 60;
            if (is_agent(t, ents[k].end, reach))
                continue; /* "…DeepMindやMetaの研究者らによって設立された": who founded it */
            if (zy_event_verb_within(t, ents[k].end, reach, se))
                return (int)k;
            break;
        }
        /* "「iPhone 3G」が発売されたのは2008年7月11日", "Xの設立は2015年": the name before the
         * verb before the date */
        size_t fs = fe;
        for (size_t q = 0; q < sn->nfig; q++)
            if (sn->figs[q].end == fe)
                fs = sn->figs[q].start;
        int object = object_before_event_date(t, sn, fs, fe);
        if (object >= 0)
            return object;
        for (size_t k = n; k-- > 0;) {
            if (ents[k].end > fs)
                continue;
            size_t gap_end = fs;
            if (fs - ents[k].end > 48 || zy_next_clause_break(t, ents[k].end, gap_end, true) < gap_end)
                break;
            if (zy_event_verb_within(t, ents[k].end, gap_end, se))
                return (int)k;
            break;
        }
    }
    /* names after the figure in its clause (before the next 、 or 。) */
    size_t clause_end = zy_next_clause_break(t, fe, se, true);
    if (clause_end == se) /* none: the clause ends 2 bytes short of the sentence end */
        clause_end = se >= fe + 2 ? se - 2 : fe;
    static const zy_word relative[] = {{ZY_WORD("である")}, {ZY_WORD("であった")}};
    static const zy_word attributive[] = {
        {ZY_WORD("する")},     {ZY_WORD("した")},   {ZY_WORD("している")},
        {ZY_WORD("していた")}, {ZY_WORD("される")}, {ZY_WORD("された")},
    };
    for (size_t k = 0; k < n; k++)
        if (ents[k].start >= fe && ents[k].start < clause_end + 3 &&
            zy_ends_with_any(t, ents[k].start, relative, ZY_COUNT_OF(relative)))
            return (int)k;
    for (size_t k = 0; k < n; k++) {
        size_t a = ents[k].start;
        if (zy_ends_with(t, a, "「"))
            a -= 3; /* "…に登場した「iPhone 4S」" */
        if (ents[k].start >= fe && ents[k].start < clause_end + 3 && zy_ends_with_any(t, a, attributive, ZY_COUNT_OF(attributive)))
            return (int)k;
    }
    return -1;
}

/* The nearest topic phrase before the figure that names an owner (同社: the previous topic),
 * else one after it, for sentences that open with the date. -1: none. */
static int topic_of_figure(const char *t, const zy_sentence *sn, size_t fs, size_t fe, bool investor_ok)
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
        int k = a == markers[m].phrase ? markers[m].entity : first_entity_in(t, sn->ents, sn->nent, a, markers[m].at);
        if (k >= 0)
            return k;
    }
    return -1;
}

/* "…から10億ユーロ超の投資を受け": money put in that the subject received, not gave. */
static bool investment_received(const char *t, const zy_sentence *sn, const zy_figure *f)
{
    static const zy_word received[] = {{ZY_WORD("の投資を受け")}, {ZY_WORD("の出資を受け")},
                                       {ZY_WORD("を受け")}};
    size_t p = f->end;
    if (zy_starts_with(t, sn->end, p, "超") || zy_starts_with(t, sn->end, p, "強"))
        p += 3;
    return zy_starts_with_any(t, sn->end, p, received, ZY_COUNT_OF(received));
}

int zy_choose_subject(const char *t, const zy_sentence *sn, size_t j, const char *measure,
                      const int *chosen, const char **rule)
{
    const zy_figure *f = &sn->figs[j];
    bool investor_ok = counts_investment(measure) && !investment_received(t, sn, f);
#define ZY_OWNER_BY(name, k) do { *rule = (name); return (k); } while (0)
    if (sn->respective && sn->respective[j] >= 0)
        ZY_OWNER_BY("respective", sn->respective[j]);
    int k;
    /* a founding or release date belongs to what was founded or released, which may be named
     * after it ("ソニーは2014年3月に発売した「PS4」") */
    bool event = measure && (strcmp(measure, "founded") == 0 || strcmp(measure, "release") == 0);
    if (event && (k = name_described_after(t, sn, f->end, measure)) >= 0)
        ZY_OWNER_BY("event-object", k);
    if ((k = name_before_brackets(t, sn, f->start)) >= 0)
        ZY_OWNER_BY("name-bracket", k);
    if ((k = name_bought_for(t, sn, f)) >= 0)
        ZY_OWNER_BY("bought-for", k);
    k = name_directly_before(t, sn, f->start);
    if (k >= 0 && (investor_ok || !has_role(sn, k, ROLE_INVESTOR)))
        ZY_OWNER_BY("name-before", k);
    if (f->kind == ZY_KIND_RANK && ((k = owner_in_rank_clause(t, sn, f->end)) >= 0 ||
                                    (k = name_after_rank(t, sn, f->end)) >= 0))
        ZY_OWNER_BY("rank-clause", k);
    /* "33億ドル(約5100億円)", "+27.2%増(2,013件)": the same owner as the figure it glosses */
    if (j > 0 && zy_in_brackets(t, sn, f) && sn->figs[j - 1].kind != ZY_KIND_DATE &&
        f->start - 1 - sn->figs[j - 1].end <= 6 && chosen[j - 1] != -1)
        ZY_OWNER_BY("gloss", chosen[j - 1]);
    if (continues_previous(t, sn, j)) {
        size_t i = sn->figs[j - 1].kind == ZY_KIND_DATE ? j - 2 : j - 1;
        if (chosen[i] != -1)
            ZY_OWNER_BY("continues", chosen[i]);
    }
    if ((k = name_described_after(t, sn, f->end, measure)) >= 0)
        ZY_OWNER_BY("described-after", k);
    if ((k = topic_of_figure(t, sn, f->start, f->end, investor_ok)) != -1)
        ZY_OWNER_BY("topic", k);
    /* the nearest name before it that is neither a source nor an investor */
    for (size_t q = sn->nent; q-- > 0;)
        if (sn->ents[q].end <= f->start && !has_role(sn, q, ROLE_NOT_OWNER) &&
            (investor_ok || !has_role(sn, q, ROLE_INVESTOR)))
            ZY_OWNER_BY("nearest-before", (int)q);
#undef ZY_OWNER_BY
    *rule = NULL;
    return -1;
}
