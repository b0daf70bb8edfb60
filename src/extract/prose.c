/*
 * prose.c: figures in running text. Lines not taken by tables or lists are split into
 * sentences; each figure gets a subject (owner.c), a measure (measure.c; a sentence with no
 * topic of its own continues the previous one's) and a time:
 *   - the nearest date before it in the sentence, unless that date belongs to another figure
 *     ("21年の12位から5位へ": 2021 is the time of 12位); 前年の/前年は is the year before the
 *     sentence's (前年比, 前年から, 前年に比べ compare and are no times);
 *   - a change after a span of two years takes them in order ("2019年→2020年…29位→32位"),
 *     in the sentence or from a line above;
 *   - counts and ranks with no date take the year the paragraph named last, else the latest
 *     heading's, else the title's or the lead's (2024年版, 「2025 …」), else the article's
 *     date or the latest year the text names; never a founding or target year (設立, …年
 *     までに), and never for the figure a change starts from ("25位から19位").
 * Words that are figures without a numeral: 今年, 昨年 (from the article's date), 首位 (rank 1).
 * Dates that only time a period (2020年度第3四半期, 4〜6月の… with no year known) are not
 * facts; 4〜6月 starts in April; "(前年M位)"/"(同M位)" after a rank is the year before.
 * Sentences end at 。 ! ?, not at a 。 inside brackets; only a whole line can be a heading,
 * never one opening with an item number ((4) 取得価額 …). Topics: a company a news sentence
 * or headline names by shape (shape_names.c) is learnt for the document; a line that is only
 * a known name (株式会社X, 会社名 X) or a headline opening with one is the topic after it.
 * May call: extract (figure, entities; owner.c, shape_names.c and measure.c through prose.h).
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/bytescan.h"
#include "extract/charset.h"
#include "extract/prose.h"
#include "extract/rows.h"

#define MAX_ENTITIES 64
#define MAX_FIGURES 128

/* A year the text has named. */
typedef struct year_note {
    int year;
    bool of_figures;      /* read as the year of figures at least once, not only of events */
} year_note;

/* What earlier lines said that the figures that follow take up: the year they are of, and the
 * measure a sentence without a topic of its own continues ("売上高は3兆円。前年比10%増。"). */
typedef struct prose_context {
    int paragraph_year;   /* the latest year named in the paragraph so far; 0: none */
    int heading_year;     /* the year the latest heading named */
    int article_year;     /* the first year the title or the lead named */
    size_t paragraphs;    /* paragraphs begun so far (the title's is the first) */
    year_note years[16];  /* the years read so far */
    size_t nyears;
    bool in_paragraph;    /* the previous line was part of a paragraph */
    const char *measure;  /* the last measure named in the paragraph, or NULL */
    int span[2];          /* the last span of two years named ("2019年→2020年"), for the changes
                             that follow without times of their own; {0, 0}: none */
} prose_context;

/* Does the line open with the number of an item ("(4) 取得株式数 …", "3. 日程")? Such a line
 * is an item of a numbered list, whose figures belong to what the text is about. */
static bool opens_with_item_number(const char *t, size_t ss, size_t se)
{
    size_t i = ss + (ss < se && t[ss] == '(');
    size_t d = i;
    while (d < se && d < i + 2 && t[d] >= '0' && t[d] <= '9')
        d++;
    if (d == i || d + 1 >= se)
        return false;
    return t[ss] == '(' ? t[d] == ')' : (t[d] == '.' && t[d + 1] == ' ');
}

/* A heading: a short line without a closing 。 or a 、 that runs on ("評価額は5100億円"). Its
 * figures belong to names on the line only, not to the previous sentence's topic. */
static bool is_heading(const char *t, size_t ss, size_t se)
{
    if (opens_with_item_number(t, ss, se))
        return false;
    size_t end = se;
    while (end > ss && (t[end - 1] == ' ' || t[end - 1] == '\n'))
        end--;
    return end - ss < 90 && !zy_ends_with(t, end, "。") && !zy_ends_with(t, end, "、") &&
           !zy_ends_with(t, end, "!") && !zy_ends_with(t, end, "?") && !zy_ends_with(t, end, "！") &&
           !zy_ends_with(t, end, "？");
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
 * 今年, 昨年, 去年, 来年, 一昨年, 今月, 先月, 来月, 前年, 首位 and the dates of dateline.c (本日,
 * 同日, 翌日); Arabic digits are tested directly. */
static zy_charset figure_start_chars;
static pthread_once_t figure_starts_once = PTHREAD_ONCE_INIT;

static void fill_figure_starts(void)
{
    static const char *const chars[] = {"〇", "零", "一", "二", "三", "四", "五", "六", "七",
                                        "八", "九", "十", "百", "千", "万", "億", "兆", "今",
                                        "昨", "去", "来", "先", "前", "首", "本", "同", "翌", NULL};
    for (size_t i = 0; chars[i]; i++)
        zy_charset_add_first(&figure_start_chars, chars[i]);
}

static const zy_charset *figure_starts(void)
{
    pthread_once(&figure_starts_once, fill_figure_starts);
    return &figure_start_chars;
}

/* "首位" (rank 1) at t[i]; false when not. */
static bool top_rank_at(const char *t, size_t se, size_t i, zy_figure *f)
{
    if (!zy_starts_with(t, se, i, "首位") || zy_starts_with(t, se, i + 6, "争"))
        return false;
    static const zy_figure blank_figure;
    *f = blank_figure;
    f->kind = ZY_KIND_RANK;
    f->start = i;
    f->end = i + 6;
    f->has_value = true;
    f->value = 1;
    f->unit = "rank";
    return true;
}

/* "前年", "前年度", "前年同期" at t[i] as a time (前年の, 前年は): a date whose year is filled
 * in once the sentence's own year is known. false when not. */
static bool previous_year_at(const char *t, size_t se, size_t i, zy_figure *f)
{
    if (!zy_starts_with(t, se, i, "前年"))
        return false;
    size_t e = i + 6;
    if (zy_starts_with(t, se, e, "度"))
        e += 3;
    else if (zy_starts_with(t, se, e, "同期"))
        e += 6;
    /* only a time when it is one ("前年の3.2%から", "前年は", "前年も1位"); 前年比, 前年から19%
     * 増えた, 前年を1.1%下回った, 前年に比べ and 前年2017年 compare with it */
    static const zy_word times[] = {
        {ZY_WORD("の")}, {ZY_WORD("は")}, {ZY_WORD("も")}, {ZY_WORD("が")}, {ZY_WORD("に")},
        {ZY_WORD("で")}, {ZY_WORD("、")}, {ZY_WORD("(")},
    };
    static const zy_word comparisons[] = {{ZY_WORD("に比べ")}, {ZY_WORD("に比較")}, {ZY_WORD("に対し")}};
    if (!zy_starts_with_any(t, se, e, times, ZY_COUNT_OF(times)) ||
        zy_starts_with_any(t, se, e, comparisons, ZY_COUNT_OF(comparisons)))
        return false;
    static const zy_figure blank_figure;
    *f = blank_figure;
    f->kind = ZY_KIND_DATE;
    f->start = i;
    f->end = e;
    return true;
}

/* Read the figures of [ss, se) into figs (at most MAX_FIGURES); previous[k]: figs[k] is a
 * 前年 whose year is not known yet. Their count. */
static size_t read_figures(const zy_scan_state *s, size_t ss, size_t se, zy_figure *figs, bool *previous)
{
    const char *t = s->norm.text;
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
        previous[nfig] = false;
        if (zy_news_date_at(s, t, se, i, &figs[nfig]) || /* 6日、 今月9日 昨日: dateline.c */
            relative_date_at(s, t, se, i, &figs[nfig]) || top_rank_at(t, se, i, &figs[nfig])) {
            i = figs[nfig++].end;
            continue;
        }
        if (previous_year_at(t, se, i, &figs[nfig])) {
            previous[nfig] = true;
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
            zy_settle_date_year(s, t, se, &f); /* 12月 in a January article: dateline.c */
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
    return nfig;
}

/* Does the date d (whose measure is m) name the year of the sentence's figures, not an
 * event's (設立, 公開) or a start or target (…年以来, …年までに)? An edition (2024年版) and
 * the year of a period (2020年度第3四半期) always do. */
static bool is_year_of_period(const char *t, size_t se, const zy_figure *f);

static bool is_year_of_figures(const zy_scan_state *s, const zy_sentence *sn, const zy_figure *d,
                               const char *m)
{
    static const struct { const char *text; size_t len; } events[] = {
        {ZY_WORD("設立")}, {ZY_WORD("創業")}, {ZY_WORD("発表")}, {ZY_WORD("公開")}, {ZY_WORD("発売")},
        {ZY_WORD("リリース")}, {ZY_WORD("創立")},
    };
    const char *t = s->norm.text;
    size_t se = sn->end, e = d->end;
    if (d->kind != ZY_KIND_DATE || !d->year)
        return false;
    if (zy_starts_with(t, se, e, "版") || zy_starts_with(t, se, e, "度版") || is_year_of_period(t, se, d))
        return true; /* 2024年版, 2020年度第3四半期 */
    if (e < se && t[e] == '(') /* "2021年(15兆ウォン)以降": what follows the gloss */
        for (size_t k = e; k < se && k < e + 80; k++)
            if (t[k] == ')' && (k + 1 >= se || t[k + 1] != ')')) {
                e = k + 1;
                break;
            }
    if (zy_starts_with(t, se, e, "まで") || zy_starts_with(t, se, e, "以降") ||
        zy_starts_with(t, se, e, "以来") || zy_starts_with(t, se, e, "ぶり"))
        return false;
    /* "2025年の韓国ベンチャー投資動向を発表": the year of a noun, not of the verb after it */
    if (zy_starts_with(t, se, d->end, "の")) {
        for (size_t w = 0; w < sizeof events / sizeof events[0]; w++)
            if (zy_starts_with_n(t, se, d->end + 3, events[w].text, events[w].len))
                return false;
        return true;
    }
    return !m || (strcmp(m, "founded") != 0 && strcmp(m, "release") != 0);
}

/* A year that names an edition without 年: "「2025 …ランキング」", "… Index 2024": four digits
 * 1990..2099 right after 「 or a space, not followed by another digit, a unit or a 年. 0: none. */
static int edition_year_in(const char *t, size_t ss, size_t se)
{
    for (size_t i = ss; i + 4 <= se; i++) {
        if (t[i] < '0' || t[i] > '9' || !(t[i] == '1' || t[i] == '2'))
            continue;
        bool opens = (i >= 3 && zy_ends_with(t, i, "「")) || (i > ss && t[i - 1] == ' ');
        if (!opens || i + 4 > se)
            continue;
        int year = 0;
        size_t k = i;
        for (; k < se && k < i + 5 && t[k] >= '0' && t[k] <= '9'; k++)
            year = year * 10 + (t[k] - '0');
        if (k - i != 4 || year < 1990 || year > 2099)
            continue;
        bool after_ok = k == se || t[k] == ' ' || t[k] == '\xE3' /* kana, 」 */ ||
                        ((unsigned char)t[k] >= 0xE4 && !zy_starts_with(t, se, k, "年"));
        if (after_ok && !zy_starts_with(t, se, k, "年"))
            return year;
    }
    return 0;
}

/* Has the year been read so far, and only as the year of an event (a founding, a release)? */
static bool only_event_year(const prose_context *tc, int year)
{
    for (size_t i = 0; i < tc->nyears; i++)
        if (tc->years[i].year == year)
            return !tc->years[i].of_figures;
    return false;
}

/* Note the years of the sentence's dates and whether they are years of figures. */
static void note_years(const zy_sentence *sn, const bool *of_figures_at, prose_context *tc)
{
    for (size_t q = 0; q < sn->nfig; q++) {
        const zy_figure *d = &sn->figs[q];
        if (d->kind != ZY_KIND_DATE || !d->year)
            continue;
        bool of_figures = of_figures_at[q];
        size_t i = 0;
        while (i < tc->nyears && tc->years[i].year != d->year)
            i++;
        if (i < tc->nyears)
            tc->years[i].of_figures |= of_figures;
        else if (i < sizeof tc->years / sizeof tc->years[0])
            tc->years[tc->nyears++] = (year_note){d->year, of_figures};
    }
}

/* The year earlier lines said the figures are of; else the article's date (its month too), or
 * the latest year the text names. "" when none. */
static void context_time(const zy_scan_state *s, const prose_context *tc, char out[16])
{
    int year = tc->paragraph_year ? tc->paragraph_year : tc->heading_year ? tc->heading_year : tc->article_year;
    out[0] = '\0';
    if (year > 0 && year <= 9999)
        snprintf(out, 16, "%04d", year);
    else if (s->dated && s->doc_year > 0 && s->doc_year <= 9999 && s->doc_month >= 1 && s->doc_month <= 12)
        snprintf(out, 16, "%04d-%02d", s->doc_year, s->doc_month);
    else if (s->doc_year > 0 && s->doc_year <= 9999 && !only_event_year(tc, s->doc_year))
        snprintf(out, 16, "%04d", s->doc_year);
}

static int context_year(const zy_scan_state *s, const prose_context *tc)
{
    char time[16];
    context_time(s, tc, time);
    return time[0] ? atoi(time) : 0;
}

/* The figures of a sentence with what is known of each before owners are chosen. */
typedef struct sentence_figures {
    zy_figure figs[MAX_FIGURES];
    bool previous[MAX_FIGURES];      /* a 前年 whose year comes from the sentence's */
    const char *measures[MAX_FIGURES];
    bool of_figures[MAX_FIGURES];    /* a date that names the year of the sentence's figures */
} sentence_figures;

/* Give each 前年 the year before the sentence's own: the nearest full year in the sentence,
 * else the context's. Those left without one are dropped. */
static size_t resolve_previous_years(const zy_scan_state *s, sentence_figures *sf, size_t nfig,
                                     const prose_context *tc)
{
    size_t out = 0;
    for (size_t j = 0; j < nfig; j++) {
        if (sf->previous[j]) {
            int year = 0;
            size_t best = SIZE_MAX;
            for (size_t q = 0; q < nfig; q++) {
                size_t d = q < j ? j - q : q - j;
                if (!sf->previous[q] && sf->of_figures[q] && d < best) {
                    best = d;
                    year = sf->figs[q].year;
                }
            }
            if (!year)
                year = context_year(s, tc);
            if (!year)
                continue;
            sf->figs[j].year = year - 1;
        }
        sf->previous[out] = sf->previous[j];
        sf->measures[out] = sf->measures[j];
        sf->of_figures[out] = sf->of_figures[j];
        sf->figs[out++] = sf->figs[j];
    }
    return out;
}

/* Is figure j where a change starts: "25位から19位", "34人→906人" (the next figure of its kind
 * right after から or →)? */
static bool starts_change(const char *t, const zy_sentence *sn, size_t j)
{
    if (j + 1 >= sn->nfig || sn->figs[j + 1].kind != sn->figs[j].kind)
        return false;
    size_t p = sn->figs[j].end, b = sn->figs[j + 1].start;
    while (p < b && t[p] == ' ')
        p++;
    if (zy_starts_with(t, b, p, "から"))
        p += 6;
    else if (zy_starts_with(t, b, p, "→"))
        p += 3;
    else
        return false;
    while (p < b && t[p] == ' ')
        p++;
    return p == b;
}

/* Are figs[a] and figs[a + 1] two times joined as a span: "2019年→2020年", "2019年から
 * 2020年"? */
static bool is_time_span(const char *t, const zy_sentence *sn, size_t a)
{
    const zy_figure *d1 = &sn->figs[a], *d2 = &sn->figs[a + 1];
    if (d1->kind != ZY_KIND_DATE || d2->kind != ZY_KIND_DATE || !d1->year || !d2->year || d2->year <= d1->year)
        return false;
    size_t p = d1->end, b = d2->start;
    while (p < b && t[p] == ' ')
        p++;
    while (b > p && t[b - 1] == ' ')
        b--;
    return (b == p + 3 && (zy_starts_with(t, b, p, "→") || zy_starts_with(t, b, p, "〜"))) ||
           (b == p + 6 && zy_starts_with(t, b, p, "から")) || (b == p + 1 && (t[p] == '~' || t[p] == '-'));
}

/* Is there a date among figs[0..j)? */
static bool has_date_before(const zy_sentence *sn, size_t j)
{
    for (size_t q = 0; q < j; q++)
        if (sn->figs[q].kind == ZY_KIND_DATE)
            return true;
    return false;
}

/* "2019年→2020年の順位では、ソニーが29位→32位に": a change between two figures after a span
 * of two times takes them in order. The date figure that figure j (one end of such a change)
 * is of, or SIZE_MAX. */
static size_t time_from_span(const char *t, const zy_sentence *sn, size_t j)
{
    size_t first, second;
    if (starts_change(t, sn, j)) {
        first = j;
        second = j + 1;
    } else if (j > 0 && starts_change(t, sn, j - 1)) {
        first = j - 1;
        second = j;
    } else {
        return SIZE_MAX;
    }
    for (size_t q = first; q-- > 1;) {
        if (sn->figs[q].kind != ZY_KIND_DATE)
            return SIZE_MAX; /* another figure between: the span is not this change's */
        if (is_time_span(t, sn, q - 1))
            return j == first ? q - 1 : q;
    }
    (void)second;
    return SIZE_MAX;
}

/* Is figure j the previous year's figure of the one before it, written in brackets: "40位に
 * 日産(同39位)", "ホンダ(前年20位)"? */
static bool is_previous_year_gloss(const char *t, const zy_sentence *sn, size_t j)
{
    const zy_figure *f = &sn->figs[j];
    if (j == 0 || sn->figs[j - 1].kind != f->kind || f->kind == ZY_KIND_DATE)
        return false;
    size_t open = zy_ends_with(t, f->start, "前年") ? f->start - 6 : zy_ends_with(t, f->start, "同") ? f->start - 3 : 0;
    return open > sn->start && t[open - 1] == '(' && sn->figs[j - 1].end < open;
}

/* The time of figure j: the nearest date before it in the sentence, unless that date modifies
 * another figure directly ("21年の12位から5位へ"); a date in brackets right after it; for counts
 * and ranks, the context's year (later than the year of the figure it changes from). */
static void time_of_figure(const zy_scan_state *s, const zy_sentence *sn, const bool *previous,
                           size_t j, const prose_context *tc, char time[16])
{
    const zy_figure *figs = sn->figs, *f = &figs[j];
    const char *t = s->norm.text;
    time[0] = '\0';
    size_t span = f->kind == ZY_KIND_DATE ? SIZE_MAX : time_from_span(t, sn, j);
    if (span != SIZE_MAX) {
        zy_scan_date_iso(s, &figs[span], time);
        return;
    }
    if (is_previous_year_gloss(t, sn, j)) {
        char before[16];
        time_of_figure(s, sn, previous, j - 1, tc, before);
        int year = atoi(before);
        if (year > 1 && year <= 9999)
            snprintf(time, 16, "%04d", year - 1);
        return;
    }
    /* "トヨタ 29位→32位" under "順位(2019年→2020年)" */
    bool change_start = starts_change(t, sn, j), change_end = j > 0 && starts_change(t, sn, j - 1);
    if (tc->span[0] && (change_start || change_end) && !has_date_before(sn, change_start ? j : j - 1)) {
        snprintf(time, 16, "%04d", tc->span[change_start ? 0 : 1]);
        return;
    }
    int earlier_year = 0;
    for (size_t q = j; q-- > 0;) {
        if (figs[q].kind != ZY_KIND_DATE)
            continue;
        bool bound_elsewhere = q + 1 < j && figs[q + 1].kind != ZY_KIND_DATE &&
                               figs[q + 1].start <= figs[q].end + 3;
        /* "前年の約2.5倍": a multiple of the previous year, not a figure of that year */
        if (previous[q] && f->kind == ZY_KIND_RATIO)
            continue;
        /* "2024年の順位は25位から19位に": 2024 is the time the change ends at */
        bool bound_here = q + 1 == j && f->start <= figs[q].end + 3;
        if (!bound_here && starts_change(t, sn, j))
            return;
        if (!bound_elsewhere && (figs[q].year || s->doc_year)) {
            zy_scan_date_iso(s, &figs[q], time);
            return;
        }
        earlier_year = figs[q].year;
        break;
    }
    if (f->kind == ZY_KIND_DATE)
        return;
    /* "300人(2020年)" */
    if (j + 1 < sn->nfig && figs[j + 1].kind == ZY_KIND_DATE && figs[j + 1].year &&
        figs[j + 1].start == f->end + 1 && t[f->end] == '(') {
        zy_scan_date_iso(s, &figs[j + 1], time);
        return;
    }
    if (f->kind != ZY_KIND_COUNT && f->kind != ZY_KIND_RANK)
        return;
    /* "25位から19位に": the figure a change starts from is of an earlier, unnamed time */
    if (starts_change(t, sn, j))
        return;
    char context[16];
    context_time(s, tc, context);
    if (context[0] && atoi(context) > earlier_year)
        memcpy(time, context, 16);
}

/* After a sentence: the year it names for its figures, for the sentences that follow. */
static void note_sentence_year(const zy_scan_state *s, const zy_sentence *sn, const sentence_figures *sf,
                               bool heading, prose_context *tc)
{
    /* a year bound to one figure ("2017年243,511件", "2020年の34人") is that figure's; the
     * paragraph's is the last one that is not */
    int first = 0, last = 0, last_free = 0;
    for (size_t q = 0; q < sn->nfig; q++) {
        const zy_figure *d = &sn->figs[q];
        if (sf->previous[q] || !sf->of_figures[q])
            continue;
        if (!first)
            first = d->year;
        last = d->year;
        bool bound = q + 1 < sn->nfig && sn->figs[q + 1].kind != ZY_KIND_DATE && sn->figs[q + 1].start <= d->end + 3;
        if (!bound)
            last_free = d->year;
    }
    last = last_free;
    note_years(sn, sf->of_figures, tc);
    if (!first && (tc->paragraphs <= 2 || heading)) /* editions are named in titles and leads */
        first = last = edition_year_in(s->norm.text, sn->start, sn->end);
    if (tc->paragraphs <= 2 && !tc->article_year)
        tc->article_year = first; /* the title, else the lead */
    /* a span lasts until a line names another year of figures */
    if (first)
        tc->span[0] = tc->span[1] = 0;
    for (size_t q = 0; q + 1 < sn->nfig; q++)
        if (is_time_span(s->norm.text, sn, q)) {
            tc->span[0] = sn->figs[q].year;
            tc->span[1] = sn->figs[q + 1].year;
        }
    if (heading && tc->paragraphs > 1) {
        if (first)
            tc->heading_year = first;
        tc->paragraph_year = 0;
    } else if (last) {
        tc->paragraph_year = last;
    }
}

/* A year written before its quarter or months: "2020年度第3四半期", "2019年10~12月期". */
static bool is_year_of_period(const char *t, size_t se, const zy_figure *f)
{
    static const struct { const char *text; size_t len; } periods[] = {
        {ZY_WORD("第")}, {ZY_WORD("度第")},
    };
    if (f->kind != ZY_KIND_DATE || !f->year || f->month)
        return false;
    size_t d = f->end; /* "2019年10~12月期": its months, as a range */
    while (d < se && d < f->end + 2 && t[d] >= '0' && t[d] <= '9')
        d++;
    if (d > f->end && (zy_starts_with(t, se, d, "〜") || (d < se && (t[d] == '~' || t[d] == '-'))))
        return true;
    for (size_t w = 0; w < sizeof periods / sizeof periods[0]; w++)
        if (zy_starts_with_n(t, se, f->end, periods[w].text, periods[w].len))
            return true;
    return false;
}

/* A date that only says when other figures' period is, not when something happened: a year
 * before its quarter or months, the end of a range of quarters ("…-2024年第1四半期"), "過去10年". */
static bool is_period_bound(const char *t, size_t se, const zy_figure *f)
{
    return f->kind == ZY_KIND_DATE &&
           (is_year_of_period(t, se, f) || (f->start < se && t[f->start] == '-') || zy_ends_with(t, f->start, "過去"));
}

/* "4〜6月": a period that starts in April. The month figure after "N〜" becomes the start
 * month N (with the year written right before N, "2025年4〜6月"). */
static void start_of_month_range(const char *t, size_t ss, zy_figure *figs, size_t j)
{
    zy_figure *f = &figs[j];
    if (f->kind != ZY_KIND_DATE || !f->month || f->day || f->year)
        return;
    size_t b = f->start;
    size_t tilde = zy_ends_with(t, b, "〜") ? 3 : b > ss && t[b - 1] == '~' ? 1 : 0;
    if (!tilde)
        return;
    size_t n_end = b - tilde, n_start = n_end;
    while (n_start > ss && n_start > n_end - 2 && t[n_start - 1] >= '0' && t[n_start - 1] <= '9')
        n_start--;
    if (n_start == n_end)
        return;
    int month = atoi(t + n_start);
    if (month < 1 || month > 12 || month >= f->month)
        return;
    f->month = month;
    f->start = n_start;
    if (j > 0 && figs[j - 1].kind == ZY_KIND_DATE && figs[j - 1].year && !figs[j - 1].month &&
        figs[j - 1].end == n_start)
        f->year = figs[j - 1].year;
}

/* Should the figure be recorded? Dates that are the time of other figures ("2019年時点で",
 * "2025年3月期", a year before its quarter) and 1人当たり (a unit of measure) are not facts of
 * their own. */
/* "4〜6月の売上高", "1〜6月期": months without a year that time other figures' period. */
static bool is_yearless_period(const char *t, size_t se, const zy_figure *f)
{
    if (f->kind != ZY_KIND_DATE || f->year || !f->month || f->day)
        return false;
    bool range = zy_find_word(t, f->start, f->end, "〜") < f->end || memchr(t + f->start, '~', f->end - f->start);
    return range && (zy_starts_with(t, se, f->end, "の") || zy_starts_with(t, se, f->end, "期") ||
                     zy_starts_with(t, se, f->end, "は") || zy_starts_with(t, se, f->end, "で"));
}

/* Does the date, as it will be written, have a year (its own, or the article's)? */
static bool date_has_year(const zy_scan_state *s, const zy_figure *f)
{
    char iso[16];
    zy_scan_date_iso(s, f, iso);
    return iso[0] && iso[0] != '-';
}

static bool is_fact(const char *t, size_t se, const zy_figure *f, bool previous)
{
    if (previous)
        return false;
    if (f->kind == ZY_KIND_DATE && (zy_starts_with(t, se, f->end, "時点") || zy_starts_with(t, se, f->end, "期") ||
                                    is_period_bound(t, se, f)))
        return false;
    if (f->kind == ZY_KIND_COUNT && (zy_starts_with(t, se, f->end, "当たり") || zy_starts_with(t, se, f->end, "あたり")))
        return false;
    return true;
}

/* Does the sentence name a topic of its own (a は/が phrase other than 同社 and the like)? */
static bool has_own_topic(const zy_sentence *sn)
{
    for (size_t q = 0; q < sn->nmarkers; q++)
        if (!sn->markers[q].refers_back)
            return true;
    return false;
}

/* A name the dictionary lacks that the sentence makes its topic by the shape news takes
 * ("工作機械大手のトヨハシ精機は8日、"): learnt for the rest of the document, so that it is
 * found here and in later sentences like a dictionary name. Not when a name is already found
 * inside it. */
static void learn_news_topic(zy_scan_state *s, size_t ss, size_t se, bool heading)
{
    const char *t = s->norm.text;
    size_t a, b;
    zy_entity_match inner[2];
    bool found = heading ? zy_headline_name(t, ss, se, &a, &b) : zy_news_topic_name(t, ss, se, &a, &b);
    if (!found || b - a >= 64 ||
        zy_entities_find(s->entities, t, a, b, inner, 2) != 0)
        return;
    char name[64];
    memcpy(name, t + a, b - a);
    name[b - a] = 0;
    if (zy_entities_add(s->entities, name, "company", "", NULL) != ZY_OK)
        s->status = ZY_ERR_NOMEM;
}

/* A line that is only a name, perhaps after a label ("株式会社ミナトテック", "会社名 X株式会社"):
 * the issuer of a press release, what its 当社 and later sentences are about. Its index, or -1. */
static int name_alone(const char *t, const zy_sentence *sn)
{
    static const zy_word labels[] = {{ZY_WORD("会社名")}, {ZY_WORD("社名")}, {ZY_WORD("商号")}};
    if (sn->nent != 1 || sn->nfig || sn->ents[0].entity < 0)
        return -1;
    size_t a = sn->start, b = sn->end;
    a += zy_starts_with_any(t, b, a, labels, ZY_COUNT_OF(labels));
    while (a < b && (t[a] == ' ' || t[a] == ':' || t[a] == '\t'))
        a++;
    while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r'))
        b--;
    return sn->ents[0].start == a && sn->ents[0].end == b ? 0 : -1;
}

/* The known name opening a headline ("トヨハシ精機、…", "サクラ航空 2025年3月期…"): what the
 * article after it is about. Its index, or -1. */
static int headline_topic(const char *t, const zy_sentence *sn)
{
    size_t a, b;
    if (!zy_headline_name(t, sn->start, sn->end, &a, &b))
        return -1;
    for (size_t k = 0; k < sn->nent; k++)
        if (sn->ents[k].start == a && sn->ents[k].entity >= 0)
            return (int)k;
    return -1;
}

/* The sentence [ss, se); whole_line: it is all of its line (only then can it be a heading: the
 * unfinished end of a paragraph cut short is not one). */
/* "防衛費は米国が9970億ドル、中国が3140億ドル、ロシアが1490億ドル": a figure of a run that no
 * measure word of its own qualifies measures what the figure before it does, when both have one
 * kind and unit and only a clause break (、) parts them. */
static void share_parallel_measures(const char *t, const zy_figure *figs, size_t nfig, const char **measures)
{
    for (size_t j = 1; j < nfig; j++) {
        const zy_figure *a = &figs[j - 1], *b = &figs[j];
        if (measures[j] || !measures[j - 1] || a->kind != b->kind || a->kind == ZY_KIND_DATE ||
            a->kind == ZY_KIND_RANK || a->unit != b->unit || a->counter != b->counter)
            continue;
        if (strcmp(measures[j - 1], "founded") == 0 || strcmp(measures[j - 1], "release") == 0)
            continue;
        bool comma = false, stop = false;
        for (size_t i = a->end; i + 3 <= b->start && !stop; i++) {
            comma |= zy_starts_with(t, b->start, i, "、");
            stop |= zy_starts_with(t, b->start, i, "。") || t[i] == '(' || t[i] == '\n';
        }
        if (comma && !stop && b->start - a->end <= 60)
            measures[j] = measures[j - 1];
    }
}

/* "(7月2~5日)で、X(2024年1月に設立)は": a founding verb found after a date belongs to the date
 * nearest before it. A date whose event word is a later date's, with no event verb of its own
 * between them, is no event. */
static void drop_borrowed_event_verbs(const char *t, size_t se, const zy_figure *figs, size_t nfig,
                                      const char **measures)
{
    for (size_t j = 0; j < nfig; j++) {
        if (figs[j].kind != ZY_KIND_DATE || !measures[j] ||
            (strcmp(measures[j], "founded") != 0 && strcmp(measures[j], "release") != 0))
            continue;
        for (size_t k = j + 1; k < nfig; k++)
            if (figs[k].kind == ZY_KIND_DATE) {
                if (measures[k] && strcmp(measures[k], measures[j]) == 0 &&
                    !zy_event_verb_within(t, figs[j].end, figs[k].start, se))
                    measures[j] = NULL;
                break;
            }
    }
}

/* Does the line holding the sentence [ss, se) open with a list item's label, "・X:", "・X(東京・港):"?
 * The name [*a, *b) and where the label ends (*end, after the colon). Only a bulleted line: "注:"
 * and "出所:" are no labels. */
static bool item_label(const zy_scan_state *s, size_t ss, size_t se, size_t *a, size_t *b, size_t *end)
{
    const char *t = s->norm.text;
    /* the line's start, found by halving (a page of one long line has many sentences) */
    size_t ls = s->nlines ? s->lines[zy_line_at(s, ss)].start : 0;
    size_t bullet = zy_list_bullet_at(t, ls, se);
    if (!bullet)
        return false;
    size_t p = ls + bullet;
    while (p < se && t[p] == ' ')
        p++;
    size_t q = p;
    while (q < se && q - p <= 60 && t[q] != '(' && t[q] != ':' && t[q] != ' ' && !zy_starts_with(t, se, q, "、") &&
           !zy_starts_with(t, se, q, "。"))
        q++;
    if (q == p || q >= se || (t[p] >= '0' && t[p] <= '9'))
        return false;
    size_t e = q;
    if (t[e] == '(') {
        while (e < se && t[e] != ')')
            e++;
        e++;
    }
    if (e >= se || t[e] != ':')
        return false;
    *a = p, *b = q, *end = e + 1;
    return true;
}

static void scan_sentence(zy_scan_state *s, size_t ss, size_t se, bool whole_line, prose_context *tc)
{
    const char *t = s->norm.text;
    sentence_figures sf;
    zy_figure *figs = sf.figs;
    const bool *previous = sf.previous;
    const char *const *measures = sf.measures;
    zy_entity_match ents[MAX_ENTITIES];
    size_t nfig = read_figures(s, ss, se, figs, sf.previous);
    unsigned char roles[MAX_ENTITIES];
    zy_sentence sn = {ss, se, figs, nfig, ents, 0, MAX_ENTITIES, NULL, 0, NULL, false, roles};
    for (size_t j = 0; j < nfig; j++) {
        sf.measures[j] = zy_measure_near(t, ss, figs[j].start, figs[j].end, se, figs[j].kind);
        sf.of_figures[j] = is_year_of_figures(s, &sn, &figs[j], sf.measures[j]);
    }
    drop_borrowed_event_verbs(t, se, figs, nfig, sf.measures);
    share_parallel_measures(t, figs, nfig, sf.measures);
    nfig = resolve_previous_years(s, &sf, nfig, tc);
    for (size_t j = 0; j < nfig; j++) {
        start_of_month_range(t, ss, figs, j);
        sn.tells_event |= figs[j].kind == ZY_KIND_DATE && measures[j] &&
                          (strcmp(measures[j], "founded") == 0 || strcmp(measures[j], "release") == 0);
    }
    sn.nfig = nfig;
    bool heading = whole_line && is_heading(t, ss, se);
    learn_news_topic(s, ss, se, heading);
    sn.nent = zy_entities_find(s->entities, t, ss, se, ents, MAX_ENTITIES);
    zy_shape_names(t, &sn);
    size_t prev_topic_start = s->topic_start, prev_topic_end = s->topic_end;
    long prev_topic_entity = s->topic_entity;
    size_t nmarkers = zy_find_topic_markers(s, &sn);
    if (nmarkers == SIZE_MAX) {
        s->status = ZY_ERR_NOMEM;
        return;
    }
    sn.markers = s->markers;
    sn.nmarkers = nmarkers;
    int respective[MAX_FIGURES];
    zy_respective_owners(t, &sn, respective);
    sn.respective = respective;
    int topic = zy_sentence_topic(t, &sn);
    if (topic < 0 && whole_line)
        topic = name_alone(t, &sn);
    if (topic < 0 && heading)
        topic = headline_topic(t, &sn);
    if (topic >= 0) {
        s->topic_start = ents[topic].start;
        s->topic_end = ents[topic].end;
        s->topic_entity = ents[topic].entity;
    }
    bool continues = !heading && !has_own_topic(&sn);
    /* "・ソラマメ物流(東京・江東):シリーズBで18億円を調達。": the item's label owns its sentences */
    size_t label_a = 0, label_b = 0, label_end = 0;
    bool item = item_label(s, ss, se, &label_a, &label_b, &label_end);
    if (item) {
        s->topic_start = prev_topic_start = label_a;
        s->topic_end = prev_topic_end = label_b;
        s->topic_entity = prev_topic_entity = zy_entities_lookup(s->entities, t + label_a, label_b - label_a, true);
    }
    const char *last_measure = NULL;
    int chosen[MAX_FIGURES];
    for (size_t j = 0; j < nfig; j++) {
        zy_figure *f = &figs[j];
        const char *measure = measures[j];
        if (f->kind != ZY_KIND_DATE) {
            if (!measure && continues)
                measure = tc->measure; /* "前年比10%増えた" after "売上高は3兆円だった" */
            if (measure)
                last_measure = measure;
        }
        const char *rule;
        int k = chosen[j] = zy_choose_subject(t, &sn, j, measure, chosen, &rule);
        zy_subject subject = {0, 0, -1, NULL, rule};
        if (k == ZY_SUBJECT_PREVIOUS_TOPIC && (s->topic_start != prev_topic_start || !prev_topic_end)) {
            /* 同社 in a sentence whose own topic is named: that one */
            k = -1;
        }
        if (k >= 0) {
            subject.start = ents[k].start;
            subject.end = ents[k].end;
            subject.entity = ents[k].entity >= 0 ? ents[k].entity : -1;
        } else if (prev_topic_end && !heading) {
            subject.start = prev_topic_start;
            subject.end = prev_topic_end;
            subject.entity = prev_topic_entity;
            subject.basis = k == ZY_SUBJECT_PREVIOUS_TOPIC ? "refers-back" : "previous-topic";
        }
        bool in_label = k >= 0 && ents[k].start >= label_a && ents[k].end <= label_end;
        if (item && (k < 0 || in_label || (rule && strcmp(rule, "nearest-before") == 0))) {
            subject = (zy_subject){label_a, label_b, prev_topic_entity, NULL, "item-label"};
        }
        char time[16];
        time_of_figure(s, &sn, previous, j, tc, time);
        if (!is_fact(t, se, f, previous[j]))
            continue;
        if (is_yearless_period(t, se, f) && !date_has_year(s, f))
            continue; /* "4〜6月の売上高" with no year known: only the time of other figures */
        zy_scan_add(s, f, subject.end ? &subject : NULL, measure, "prose", ss, se, time, -1, -1, -1);
    }
    note_sentence_year(s, &sn, &sf, heading, tc);
    if (last_measure || !continues)
        tc->measure = last_measure;
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

/* Is the 。 at t[k] inside brackets opened in t[from..k) and closed soon after on the line
 * ("X(大阪市。売上高5億円)を")? Then it ends no sentence. */
static bool inside_brackets(const char *t, size_t from, size_t k, size_t to)
{
    size_t open = k;
    while (open > from && t[open - 1] != '(' && t[open - 1] != ')')
        open--;
    if (open == from || t[open - 1] != '(')
        return false;
    for (size_t c = k + 3; c < to && c < k + 240; c++) {
        if (t[c] == ')')
            return true;
        if (t[c] == '(')
            return false;
    }
    return false;
}

/* The next sentence end in t[from..to): the byte after 。, ! or ? (NFKC made ！？ ASCII), or
 * 0 when there is none; a 。 inside brackets ends none. '!' and '?' are never part of a longer
 * UTF-8 character and E3 is always a lead byte, so the bytes can be searched eight at a time. */
static size_t next_sentence_end(const char *t, size_t from, size_t to)
{
    size_t k = from, end;
    for (; k + 10 <= to; k += 8) {
        uint64_t w = zy_load8(t + k);
        uint64_t m = zy_e3_pairs(t, k, 0x80) | zy_bytes_equal(w, '!') | zy_bytes_equal(w, '?');
        for (; m; m = zy_drop_first(m)) {
            size_t at = k + zy_first_marked(m);
            if ((end = sentence_end_at(t, at, to)) != 0 && (end == at + 1 || !inside_brackets(t, from, at, to)))
                return end;
        }
    }
    for (; k < to; k++)
        if ((end = sentence_end_at(t, k, to)) != 0 && (end == k + 1 || !inside_brackets(t, from, k, to)))
            return end;
    return 0;
}

void zy_scan_prose(zy_scan_state *s)
{
    prose_context tc = {0};
    for (size_t line = 0; line < s->nlines && s->status == ZY_OK; line++) {
        if (s->lines[line].blank || s->line_taken[line]) {
            tc.paragraph_year = 0; /* a paragraph ends at a blank line, a table or a list */
            tc.measure = NULL;
            tc.in_paragraph = false;
            continue;
        }
        if (!tc.in_paragraph)
            tc.paragraphs++;
        tc.in_paragraph = true;
        size_t ss = s->lines[line].start, eol = s->lines[line].end, end;
        while ((end = next_sentence_end(s->norm.text, ss, eol)) != 0) {
            scan_sentence(s, ss, end, ss == s->lines[line].start, &tc);
            ss = end;
        }
        if (ss < eol)
            scan_sentence(s, ss, eol, ss == s->lines[line].start, &tc);
    }
}
