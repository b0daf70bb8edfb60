/*
 * shape_names.c: names the dictionary does not know, read by their shape where running text
 * says they own a figure: the members of a parallel run (米国が594基、ロシアが136基; 上海14社、
 * 広州4社), kanji names with a katakana reading (摩爾線程(ムーア・スレッド)), katakana or Latin
 * names right before "が N" or "(N)" or after "N位に", and, in sentences that tell of a founding or a release,
 * quoted names (「iPhone 3G」) and names right before が + the verb. They are added to the
 * sentence's names with the entity ZY_ENTITY_SHAPE. Also the company a news sentence or a
 * headline makes its topic by the shape news takes ("化学大手Xは23日、", "Xが31日発表した",
 * "上場したXの初値は", "X、通期予想を上方修正"), which prose.c learns for the document.
 * May call: extract (figure, entities; measure.c through prose.h).
 */
#include <stdint.h>
#include <string.h>

#include "extract/prose.h"

/* Can the character at t[p] be part of a name written without particles: katakana (with ー
 * and ・), kanji (with 々), Latin letters? */
bool zy_name_char(const char *t, size_t p)
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
        if (!zy_name_char(t, p))
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
    static const zy_word not_first[] = {
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
        "収損差幅末初半台人社等";
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
    if (chars < 2 || chars > 12 || zy_starts_with_any(t, b, a, not_first, ZY_COUNT_OF(not_first)))
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
size_t zy_name_end_before(const char *t, size_t floor, size_t fs, bool *particle_free)
{
    static const zy_word particles[] = {{ZY_WORD("が")}, {ZY_WORD("は")}, {ZY_WORD("も")}, {ZY_WORD("の")},
                                     {ZY_WORD("で")}};
    size_t b = fs;
    if (b > floor && t[b - 1] == '+')
        b--;
    while (b > floor && t[b - 1] == ' ')
        b--;
    *particle_free = true;
    for (size_t w = 0; w < ZY_COUNT_OF(particles); w++)
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
    m.b = zy_name_end_before(t, floor, fs, &m.particle_free);
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
bool zy_in_brackets(const char *t, const zy_sentence *sn, const zy_figure *f)
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
        if (!zy_in_brackets(t, sn, &sn->figs[p]))
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
        bool bracket = zy_in_brackets(t, sn, f);
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

/* 「iPhone 3G」, 「メルカリ」: a quoted name (read only in a sentence that tells of a founding or a
 * release: a quote elsewhere is as often a phrase as a name). */
static void add_quoted_names(const char *t, zy_sentence *sn)
{
    size_t open = zy_find_word(t, sn->start, sn->end, "「");
    if (open == sn->end)
        return;
    for (; open < sn->end; open = zy_find_word(t, open + 3, sn->end, "「")) {
        size_t a = open + 3, close = zy_find_word(t, a, sn->end < a + 72 ? sn->end : a + 72, "」");
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
    for (size_t at = zy_find_word(t, sn->start, sn->end, "が"); at < sn->end; at = zy_find_word(t, at + 3, sn->end, "が")) {
        if (!zy_event_verb_within(t, at + 3, at + 4 < sn->end ? at + 4 : sn->end, sn->end))
            continue;
        run_member m = member_before(t, sn, sn->start, at + 3);
        if (!m.known && m.shape == STRONG_NAME)
            add_shape_name(sn, m.a, m.b);
    }
}

/* "3位はオムニビジョンで11%", "2位は地元のメーカー比亜迪が占め": the name a rank topic's
 * clause is about, right before が or before で that closes the clause or leads to a figure. */
static void add_names_in_rank_clauses(const char *t, zy_sentence *sn)
{
    for (size_t j = 0; j < sn->nfig; j++) {
        if (sn->figs[j].kind != ZY_KIND_RANK)
            continue;
        size_t p = sn->figs[j].end, limit = p + 30 < sn->end ? p + 30 : sn->end;
        while (p < limit && !zy_starts_with(t, sn->end, p, "は") && !zy_starts_with(t, sn->end, p, "、"))
            p += (unsigned char)t[p] < 0x80 ? 1 : 3;
        if (p >= limit || !zy_starts_with(t, sn->end, p, "は"))
            continue;
        p += 3;
        size_t clause = zy_next_clause_break(t, p, sn->end, true);
        for (size_t i = p; i + 3 <= clause; i += (unsigned char)t[i] < 0x80 ? 1 : 3) {
            bool ga = zy_starts_with(t, clause, i, "が");
            bool de = zy_starts_with(t, sn->end, i, "で") &&
                      (i + 3 >= sn->end || (t[i + 3] >= '0' && t[i + 3] <= '9') || zy_starts_with(t, sn->end, i + 3, "、") ||
                       zy_starts_with(t, sn->end, i + 3, "約") || zy_starts_with(t, sn->end, i + 3, "。"));
            if (!ga && !de)
                continue;
            size_t b = i;
            if (b > p && t[b - 1] == ')') /* a reading in brackets */
                for (size_t k = b - 1; k > p; k--)
                    if (t[k - 1] == '(') {
                        b = k - 1;
                        break;
                    }
            size_t a = name_run_start(t, p, b);
            if (a < b && shape_of_name(t, a, b) != NOT_A_NAME)
                add_shape_name(sn, a, b);
            break;
        }
    }
}

/* "55位にキャノン(同52位)、": a katakana or Latin name right after "N位に", before a bracket,
 * a 、 or が. */
static void add_names_after_ranks(const char *t, zy_sentence *sn)
{
    for (size_t j = 0; j < sn->nfig; j++) {
        size_t a = sn->figs[j].end;
        /* "20位にX(", "1位はX(売上高…)、" */
        if (sn->figs[j].kind != ZY_KIND_RANK ||
            !(zy_starts_with(t, sn->end, a, "に") || zy_starts_with(t, sn->end, a, "は")))
            continue;
        a += 3;
        size_t b = a;
        while (b < sn->end && b < a + 48 && zy_name_char(t, b))
            b += (unsigned char)t[b] < 0x80 ? 1 : 3;
        if (b == a || b >= sn->end || !(t[b] == '(' || zy_starts_with(t, sn->end, b, "、") ||
                                         zy_starts_with(t, sn->end, b, "が") || zy_starts_with(t, sn->end, b, "で")))
            continue;
        if (shape_of_name(t, a, b) == STRONG_NAME)
            add_shape_name(sn, a, b);
    }
}

/* ---- the topic of a news sentence: "X は 8日、", "大手のXは", "上場したXの初値は" ---- */

/* Is there a katakana or Latin letter in t[a..b)? */
static bool has_kana_or_latin(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i += (unsigned char)t[i] < 0x80 ? 1 : 3) {
        unsigned char c = (unsigned char)t[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
            return true;
        if (c == 0xE3 && ((t[i + 1] == '\x82' && (unsigned char)t[i + 2] >= 0xA1) ||
                          (t[i + 1] == '\x83' && (unsigned char)t[i + 2] != 0xBC && (unsigned char)t[i + 2] != 0xBB)))
            return true;
    }
    return false;
}

/* Does a day follow at t[at] ("8日、", "31日発表した", "19日に")? */
static bool day_follows(const char *t, size_t at, size_t se)
{
    while (at < se && t[at] == ' ')
        at++;
    size_t d = at;
    while (d < se && d < at + 2 && t[d] >= '0' && t[d] <= '9')
        d++;
    if (d == at || !zy_starts_with(t, se, d, "日"))
        return false;
    d += 3;
    return d < se && (t[d] == ',' || zy_starts_with(t, se, d, "、") || zy_starts_with(t, se, d, "発表") ||
                      zy_starts_with(t, se, d, "に") || zy_starts_with(t, se, d, "まで") ||
                      zy_starts_with(t, se, d, "付"));
}

/* Is the name starting at a written as a company's apposition ("工作機械大手の", "メーカー、",
 * "EV新興の")? */
static bool after_company_noun(const char *t, size_t floor, size_t a)
{
    static const zy_word nouns[] = {
        {ZY_WORD("大手の")},   {ZY_WORD("大手")},     {ZY_WORD("メーカー、")}, {ZY_WORD("メーカーの")},
        {ZY_WORD("企業、")},   {ZY_WORD("企業の")},   {ZY_WORD("会社、")},     {ZY_WORD("会社の")},
        {ZY_WORD("新興の")},   {ZY_WORD("傘下の")},   {ZY_WORD("子会社の")},   {ZY_WORD("スタートアップの")},
    };
    for (size_t w = 0; w < ZY_COUNT_OF(nouns); w++)
        if (a >= floor + nouns[w].len && zy_ends_with_n(t, a, nouns[w].text, nouns[w].len))
            return true;
    return false;
}

/* The end of a name before a marker at end, past a bracket right before it (X(東京・渋谷)は). */
static size_t before_brackets(const char *t, size_t floor, size_t end)
{
    if (end > floor && t[end - 1] == ')')
        for (size_t k = end - 1; k > floor && k + 60 > end; k--)
            if (t[k - 1] == '(')
                return k - 1;
    return end;
}

/* Is t[a..b) shaped like a company's name, not an authority's (which publishes figures about
 * others: "…企業部は13日、…を発表した") or a person's? Katakana or Latin, or a kanji word ending like a
 * company (…汽車, …電子, …工業); never ending like a ministry, agency or association. */
static bool company_shaped(const char *t, size_t a, size_t b)
{
    static const char authority_last[] = "部省庁局会院府所構団氏領相長裁官員";
    static const zy_word company_last[] = {
        {ZY_WORD("汽車")}, {ZY_WORD("自動車")}, {ZY_WORD("電子")}, {ZY_WORD("電機")}, {ZY_WORD("精機")},
        {ZY_WORD("工業")}, {ZY_WORD("産業")},   {ZY_WORD("化学")}, {ZY_WORD("製薬")}, {ZY_WORD("重工")},
        {ZY_WORD("通信")}, {ZY_WORD("航空")},   {ZY_WORD("建設")}, {ZY_WORD("商事")}, {ZY_WORD("物産")},
        {ZY_WORD("銀行")}, {ZY_WORD("証券")},   {ZY_WORD("電力")}, {ZY_WORD("鉄道")}, {ZY_WORD("製作所")},
        {ZY_WORD("集団")}, {ZY_WORD("科技")},   {ZY_WORD("製鉄")}, {ZY_WORD("食品")}, {ZY_WORD("海運")},
        {ZY_WORD("運輸")}, {ZY_WORD("商船")},   {ZY_WORD("倉庫")}, {ZY_WORD("不動産")}, {ZY_WORD("百貨店")},
        {ZY_WORD("薬品")}, {ZY_WORD("紡績")},   {ZY_WORD("製紙")}, {ZY_WORD("電工")}, {ZY_WORD("技研")},
        {ZY_WORD("興産")}, {ZY_WORD("製菓")},   {ZY_WORD("乳業")}, {ZY_WORD("酒造")}, {ZY_WORD("生命")},
        {ZY_WORD("石油")}, {ZY_WORD("化成")},   {ZY_WORD("鉱業")}, {ZY_WORD("水産")}, {ZY_WORD("交通")},
        {ZY_WORD("物流")}, {ZY_WORD("精工")},   {ZY_WORD("工機")}, {ZY_WORD("電装")}, {ZY_WORD("製鋼")},
        {ZY_WORD("信託")}, {ZY_WORD("損保")},   {ZY_WORD("電鉄")}, {ZY_WORD("汽船")}, {ZY_WORD("商会")},
    };
    if (b < a + 6)
        return false;
    if (zy_ends_with_any(t, b, company_last, ZY_COUNT_OF(company_last)))
        return true;
    if (char_in(t, b - 3, authority_last) || zy_ends_with(t, b, "CEO") || zy_ends_with(t, b, "リサーチ") ||
        zy_ends_with(t, b, "総研") || zy_ends_with(t, b, "データバンク"))
        return false; /* nor a person's (…氏, …大統領, …CEO) or a research firm's */
    return has_kana_or_latin(t, a, b);
}

/* The name run ending at end, cut after its last 大手 ("電子部品大手ハンビット電子"); false when
 * it is no name by its shape or opens mid-word. */
static bool topic_run(const char *t, size_t ss, size_t end, size_t *a)
{
    size_t s = name_run_start(t, ss, end);
    for (size_t k = s; k + 6 <= end; k += 3)
        if (zy_starts_with(t, end, k, "大手"))
            s = k + 6;
    if (s >= end || zy_starts_with(t, end, s, "当") || zy_starts_with(t, end, s, "同") ||
        zy_starts_with(t, end, s, "本") || shape_of_name(t, s, end) == NOT_A_NAME || !company_shaped(t, s, end))
        return false;
    *a = s;
    return true;
}

/* Does the sentence tell of a survey or a count (調査, 調べ, 集計)? Who publishes one is its
 * source, not the owner of its figures. */
static bool tells_survey(const char *t, size_t ss, size_t se)
{
    return zy_find_word(t, ss, se, "調査") < se || zy_find_word(t, ss, se, "調べ") < se ||
           zy_find_word(t, ss, se, "集計") < se || zy_find_word(t, ss, se, "によると") < se;
}

/* Is the character at t[p] hiragana? */
static bool is_hiragana(const char *t, size_t p)
{
    unsigned char b1 = (unsigned char)t[p + 1], b2 = (unsigned char)t[p + 2];
    return (unsigned char)t[p] == 0xE3 && ((b1 == 0x81 && b2 >= 0x81) || (b1 == 0x82 && b2 <= 0x96));
}

/* "ひまわりネットの売上高は", "、もみじ通販の売上高は": a name that opens in hiragana. Where the
 * name [ns, ne) really starts: three hiragana or more right before it, opening the sentence or
 * a clause, and not a demonstrative (その, この); else ns. */
static size_t hiragana_head(const char *t, size_t ss, size_t ns, size_t ne)
{
    if (ns >= ne || ns < ss + 9)
        return ns;
    size_t p = ns;
    while (p >= ss + 3 && is_hiragana(t, p - 3))
        p -= 3;
    bool opens = p == ss || zy_ends_with(t, p, "、");
    static const char *const demonstratives[] = {"この", "その", "あの", "どの", "これ", "それ", "また", "なお"};
    for (size_t k = 0; k < sizeof demonstratives / sizeof demonstratives[0] && opens; k++)
        opens = !zy_starts_with(t, ns, p, demonstratives[k]);
    return opens && ns - p >= 9 ? p : ns;
}

/* Where a period written before the の at `no` begins, when it follows another の
 * ("Xの2024年度の", "Xの4〜6月期の"): the position right after that earlier の; else 0. */
static size_t before_period_of(const char *t, size_t ss, size_t no)
{
    static const char *const words[] = {"年度", "年", "月期", "月", "期", "四半", "第", "上", "下", "〜", "~", "通"};
    size_t q = no;
    bool digit = false;
    while (q > ss) {
        if (t[q - 1] >= '0' && t[q - 1] <= '9') {
            q--, digit = true;
            continue;
        }
        size_t n = 0;
        for (size_t w = 0; w < sizeof words / sizeof words[0] && !n; w++)
            if (zy_ends_with(t, q, words[w]))
                n = strlen(words[w]);
        if (!n)
            break;
        q -= n;
    }
    return digit && q < no && q >= ss + 6 && zy_ends_with(t, q, "の") ? q : 0;
}

bool zy_news_topic_name(const char *t, size_t ss, size_t se, size_t *a, size_t *b)
{
    while (ss < se && t[ss] == ' ')
        ss++;
    if (tells_survey(t, ss, se))
        return false;
    size_t limit = se < ss + 150 ? se : ss + 150;
    int tried = 0; /* the topic comes among the first few は and が */
    for (size_t i = ss + 3; i + 3 <= limit && tried < 3; i++) {
        if (t[i] != '\xE3')
            continue;
        bool ha = zy_starts_with(t, se, i, "は"), ga = zy_starts_with(t, se, i, "が");
        if (!ha && !ga)
            continue;
        tried++;
        /* the cheap tests first: a day after the marker, a company noun before the word */
        size_t end = before_brackets(t, ss, i), s = name_run_start(t, ss, end);
        bool told = s < end && (day_follows(t, i + 3, se) || after_company_noun(t, ss, s) ||
                                zy_find_word(t, s, end, "大手") < end);
        if (told && topic_run(t, ss, end, &s)) {
            bool opens = s == ss || zy_ends_with(t, s, "、") || zy_ends_with(t, s, "の") || t[s - 1] == ' ' ||
                         zy_ends_with(t, s, "】") || zy_ends_with(t, s, "」") || zy_ends_with(t, s, "大手");
            if (opens && (day_follows(t, i + 3, se) || after_company_noun(t, ss, s))) {
                *a = s, *b = end;
                return true;
            }
        }
        /* "新規上場したクラウドナイン(東京・渋谷)の初値は": a katakana or Latin name before の and
         * a short measure noun */
        size_t m = name_run_start(t, ss, i);
        if (ha && m < i && m >= ss + 3 && zy_ends_with(t, m, "の") && i - m <= 12 &&
            zy_measure_near(t, m, i, i, i, ZY_KIND_MONEY) != NULL) {
            /* "トキワ通信の2024年度の売上高は": the period between name and measure */
            size_t period = before_period_of(t, ss, m - 3);
            size_t ne = before_brackets(t, ss, period > ss ? period - 3 : m - 3);
            size_t ns = name_run_start(t, ss, ne);
            size_t hs = hiragana_head(t, ss, ns, ne);
            bool hiragana = hs < ns; /* あおぞら書房: the hiragana head makes it a name */
            if (ns < ne && (hiragana || (has_kana_or_latin(t, ns, ne) && shape_of_name(t, ns, ne) == STRONG_NAME)) &&
                (zy_ends_with(t, ns, "した") || zy_ends_with(t, ns, "する") || ns == ss || hiragana)) {
                *a = hs, *b = ne;
                return true;
            }
        }
    }
    return false;
}

/* Past a tag opening a headline (＜決算速報＞, 【速報】, spaces). */
static size_t past_headline_tag(const char *t, size_t a, size_t b)
{
    while (a < b && t[a] == ' ')
        a++;
    static const struct { const char *open, *close; } tags[] = {{"<", ">"}, {"【", "】"}, {"[", "]"}, {"＜", "＞"}};
    for (size_t k = 0; k < ZY_COUNT_OF(tags); k++)
        if (zy_starts_with(t, b, a, tags[k].open)) {
            size_t c = zy_find_word(t, a, b < a + 40 ? b : a + 40, tags[k].close);
            if (c < b && c < a + 40)
                return c + strlen(tags[k].close);
        }
    return a;
}

bool zy_headline_name(const char *t, size_t ss, size_t se, size_t *a, size_t *b)
{
    size_t s = past_headline_tag(t, ss, se), e = s;
    for (int apposition = 0; apposition < 2; apposition++) {
        while (e < se && zy_name_char(t, e))
            e += (unsigned char)t[e] < 0x80 ? 1 : 3;
        if (apposition || e == s || e - s > 30 || !zy_starts_with(t, se, e, "の"))
            break;
        s = e += 3; /* "新規上場のX、", "中国EV新興のX、": the name after the apposition */
    }
    if (e == s || e >= se || !(t[e] == ' ' || zy_starts_with(t, se, e, "、")))
        return false;
    size_t from;
    if (!topic_run(t, s, e, &from) || from != s)
        return false;
    *a = s, *b = e;
    return true;
}

/* "ミツバ精機とコブシテックの営業利益はそれぞれ120億円と85億円": the names joined by と before
 * the first の, は or が of a sentence that says それぞれ, when each has a name's shape. */
static void add_names_before_respectively(const char *t, zy_sentence *sn)
{
    size_t r = zy_find_word(t, sn->start, sn->end, "それぞれ");
    if (r >= sn->end)
        return;
    size_t a = sn->start;
    while (a < r && t[a] == ' ')
        a++;
    size_t e = a;
    while (e < r && !zy_starts_with(t, r, e, "の") && !zy_starts_with(t, r, e, "は") &&
           !zy_starts_with(t, r, e, "が") && !zy_starts_with(t, r, e, "、") && e - a < 120)
        e += (unsigned char)t[e] < 0x80 ? 1 : 3;
    size_t parts_a[MAX_RUN], parts_b[MAX_RUN], n = 0;
    for (size_t p = a, q = a; q <= e && n < MAX_RUN; q += q < e && (unsigned char)t[q] >= 0x80 ? 3 : 1) {
        if (q < e && !zy_starts_with(t, e, q, "と"))
            continue;
        if (q == p || shape_of_name(t, p, q) != STRONG_NAME)
            return; /* every member a name, or none is taken */
        parts_a[n] = p, parts_b[n++] = q;
        p = q + 3;
        if (q == e)
            break;
    }
    if (n < 2)
        return;
    for (size_t k = 0; k < n; k++)
        add_shape_name(sn, parts_a[k], parts_b[k]);
}

void zy_shape_names(const char *t, zy_sentence *sn)
{
    add_names_after_ranks(t, sn);
    add_names_in_rank_clauses(t, sn);
    if (sn->tells_event) {
        add_quoted_names(t, sn);
        add_names_before_events(t, sn);
    }
    add_names_with_readings(t, sn);
    add_names_before_respectively(t, sn);
    add_parallel_names(t, sn);
    add_names_before_figures(t, sn);
}
