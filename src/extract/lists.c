/*
 * lists.c: figures in lists.
 *   Groups: "name: value" lines under a heading; "合計: N" is the heading's total.
 *   Items: bulleted lines (- ・ • ○ ◆ ■) and "name: figures" lines, each naming one subject
 *   whose figures follow: "- 中国(23171.84)", "○ HONOR 17%", "テスラ:1,323,868台、シェアは
 *   20.1%", ranked lines ("1位 X社 1,200億円", "第3位 X"). Bare numbers take the unit the
 *   caption names; items with a 。 are sentences and left to prose. Ranks are never read from
 *   the order of the lines.
 *   items: numbering (1. X) is a bullet, not a figure.
 *   Vertical rankings: "1位" on a line, the name on the next, its figures on the lines after,
 *   alone ("31兆円") or labelled ("ブランド価値:約641億ドル(前年比+12%)").
 *   Runs: a line whose figures are all bracketed after names or ranks before them,
 *   "北辰(19社)、南海(14社)", "20位にホンダ(前年20位)、40位に日産(同39位)".
 * May call: extract (rows, scan, figure, entities), util.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/rows.h"

/* "name: value" at line l; fills the name range and the value start. */
static bool group_item(const zy_scan_state *s, zy_line l, size_t *name_end, size_t *value_at)
{
    const char *t = s->norm.text;
    const char *colon = memchr(t + l.start, ':', l.end - l.start);
    if (!colon || colon == t + l.start)
        return false;
    size_t i = (size_t)(colon - t), v = i + 1;
    size_t a = l.start + zy_list_bullet_at(t, l.start, i);
    zy_figure rank;
    if (zy_figure_at(t, i, a + (zy_starts_with(t, i, a, "第") ? 3 : 0), false, &rank) && rank.start == a &&
        rank.kind == ZY_KIND_RANK)
        return false; /* "第1位 X 売上高:…" is a ranked item (scan_items) */
    while (v < l.end && t[v] == ' ')
        v++;
    zy_figure f;
    if (v < l.end && t[v] >= '0' && t[v] <= '9' && zy_figure_at(t, l.end, v, true, &f) &&
        f.end == l.end) {
        *name_end = i;
        *value_at = v;
        return true;
    }
    return false;
}

/* Is t[a, b) (blanks aside) exactly 合計, 総計 or 計? */
static bool is_total_name(const char *t, size_t a, size_t b)
{
    while (a < b && (t[a] == ' ' || t[a] == '\t'))
        a++;
    while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t'))
        b--;
    return (b - a == 6 && (memcmp(t + a, "合計", 6) == 0 || memcmp(t + a, "総計", 6) == 0)) ||
           (b - a == 3 && memcmp(t + a, "計", 3) == 0);
}

static void scan_groups(zy_scan_state *s)
{
    const char *t = s->norm.text;
    const zy_line *lines = s->lines;
    size_t n = s->nlines;
    long heading = -1; /* the line naming the current group */
    long table_id = -1;
    size_t row_index = 0;
    char group_time[16] = ""; /* the year its heading or caption names, else the article's */
    for (size_t l = 0; l < n && s->status == ZY_OK; l++) {
        size_t name_end, value_at;
        if (s->line_taken[l] || !group_item(s, lines[l], &name_end, &value_at)) {
            if (!s->line_taken[l] && !lines[l].blank) {
                /* a short line without 。 may head the next group */
                bool short_line = lines[l].end - lines[l].start <= 90 &&
                                  !lines[l].period;
                heading = short_line ? (long)l : -1;
                if (!short_line)
                    table_id = -1;
            }
            continue;
        }
        s->line_taken[l] = true;
        if (table_id < 0) {
            /* the list's caption: the line above its first heading */
            size_t cap = heading > 0 ? (size_t)heading - 1 : 0;
            while (cap > 0 && lines[cap].blank)
                cap--;
            bool has_cap = heading > 0 && !lines[cap].blank && !lines[cap].period && !s->line_taken[cap];
            size_t first = has_cap ? lines[cap].start : heading >= 0 ? lines[heading].start : lines[l].start;
            int month = 0, year = heading >= 0 ? zy_rows_period_in(s, lines[heading].start, lines[heading].end, &month) : 0;
            /* no line above: a heading that says when ("主要国の2024年の新車販売台数") is the caption */
            size_t cap_a = has_cap ? lines[cap].start : year ? lines[heading].start : 0;
            size_t cap_b = has_cap ? lines[cap].end : year ? lines[heading].end : 0;
            table_id = zy_rows_add_table(s, first, cap_a, cap_b);
            if (table_id < 0)
                break;
            row_index = 0;
            if (!year && has_cap)
                year = zy_rows_period_in(s, lines[cap].start, lines[cap].end, &month);
            if (!year)
                year = zy_rows_lead_year(s), month = 0;
            zy_rows_time_iso(year, month, group_time);
        }
        zy_figure f;
        zy_figure_at(t, lines[l].end, value_at, true, &f);
        size_t a = lines[l].start;
        bool total = is_total_name(t, a, name_end); /* 合計, 総計, 計; not 計測機器 */
        zy_subject sub = {0, 0, -1, NULL, NULL};
        if (total && heading >= 0) {
            /* the heading "アメリカ(米)": its name, with the bracket as alias */
            size_t ha = lines[heading].start, hb = lines[heading].end;
            size_t open = hb;
            for (size_t i = ha; i < hb; i++)
                if (t[i] == '(') {
                    open = i;
                    break;
                }
            size_t close = open < hb ? hb - (t[hb - 1] == ')' ? 1 : 0) : 0;
            sub = zy_rows_subject(s, ha, open, open < hb ? open + 1 : 0, close);
        } else if (!total) {
            sub = zy_rows_subject(s, a + zy_list_bullet_at(t, a, name_end), name_end, 0, 0);
        }
        zy_scan_add(s, &f, sub.end ? &sub : NULL, total ? "total" : NULL, "list", lines[l].start,
                    lines[l].end, f.kind == ZY_KIND_DATE ? "" : group_time, table_id,
                    (long)row_index++, 1);
    }
}

/* ---- items ---- */

#define ITEM_NAME_MAX 90 /* bytes: a longer "name" is a sentence */

typedef struct list_entry {
    size_t name_a, name_b;   /* the subject as written */
    size_t alias_a, alias_b; /* a bracketed alias after it (alias_b 0: none) */
    bool has_rank;
    zy_figure rank;          /* "1位", "第3位" before the name */
    size_t first_figure;     /* where its figures start */
    bool bulleted, colon;
} list_entry;

static bool is_ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* May a figure start at t[i]? Not inside a name such as GPT-3.5 or A100. */
static bool figure_may_start(const char *t, size_t a, size_t i)
{
    if (i == a)
        return true;
    char p = t[i - 1];
    if (is_ascii_alnum(p) || p == '.')
        return false;
    if (p == '-' && i >= a + 2 && is_ascii_alnum(t[i - 2]))
        return false;
    return true;
}

/* Is the figure f part of the name before the item's value: a bare number written straight
 * after the name's last character and followed by a bracketed value ("拠点9(10)")? */
static bool figure_in_name(const char *t, size_t a, const zy_figure *f, size_t e)
{
    if (f->start <= a)
        return false;
    char before = t[f->start - 1];
    if (before == ' ' || before == '\t' || before == '(' || before == ':' || before == '|')
        return false;
    return f->bare && f->end < e && t[f->end] == '(';
}

/* The first figure at or after i in t[.., e) that is not part of a name; false when none. */
static bool next_figure(const char *t, size_t a, size_t i, size_t e, zy_figure *f)
{
    for (; i < e; i++) {
        if (t[i] < '0' || t[i] > '9' || !figure_may_start(t, a, i))
            continue;
        if (zy_figure_at(t, e, i, true, f) && f->start >= a)
            return true; /* a prefix (▲, $) before the item's start is not its */
        while (i + 1 < e && ((t[i + 1] >= '0' && t[i + 1] <= '9') || t[i + 1] == ',' || t[i + 1] == '.'))
            i++;
    }
    return false;
}

/* Words that end a name before its figure: "テスラ:", "中国(", "売上高は". */
static size_t trim_name_end(const char *t, size_t a, size_t b)
{
    static const char *const tails[] = {" ", "\t", "(", ":", "、", "は", "が", "で", "=", "|", NULL};
    bool again = true;
    while (again && b > a) {
        again = false;
        for (size_t k = 0; tails[k]; k++)
            if (zy_ends_with(t, b, tails[k]) && b - strlen(tails[k]) >= a) {
                b -= strlen(tails[k]);
                again = true;
            }
    }
    return b;
}

/* Does the measure the words [a, b) say end before the figure, inside them ("売上高")? */
static bool measure_word_within(const char *t, size_t a, size_t b, size_t fs, size_t fe, size_t e,
                                zy_fact_kind kind)
{
    const char *with = zy_measure_near(t, a, fs, fe, e, kind);
    const char *without = zy_measure_near(t, b, fs, fe, e, kind);
    return with && with != without;
}

static bool read_item(zy_scan_state *s, size_t l, list_entry *it)
{
    const char *t = s->norm.text;
    const zy_line *line = &s->lines[l];
    size_t a = line->start, e = line->end;
    if (line->blank || line->period || s->line_taken[l] || e - a > 400)
        return false;
    *it = (list_entry){0};
    size_t bullet = zy_list_bullet_at(t, a, e);
    it->bulleted = bullet > 0;
    a += bullet;
    while (a < e && (t[a] == ' ' || t[a] == '\t'))
        a++;
    zy_figure f;
    /* a rank before the name: 1位, 第3位 */
    if (a < e && zy_figure_at(t, e, a + (zy_starts_with(t, e, a, "第") ? 3 : 0), false, &f) &&
        f.start == a && f.kind == ZY_KIND_RANK) {
        it->has_rank = true;
        it->rank = f;
        a = f.end;
        while (a < e && (t[a] == ' ' || t[a] == '\t' || t[a] == ':' || t[a] == '|'))
            a++; /* "1位:Apple", "1位 | Apple" */
    }
    if (a >= e || (t[a] >= '0' && t[a] <= '9'))
        return false;
    size_t from = a;
    while (next_figure(t, a, from, e, &f) && figure_in_name(t, a, &f, e))
        from = f.end > from ? f.end : from + 1;
    bool figure = from < e && next_figure(t, a, from, e, &f);
    if (!figure && !it->has_rank)
        return false;
    size_t name_end = figure ? f.start : e;
    /* "Apple(前年1位)": a bracket opened before the figure ends the name */
    for (size_t i = a; i < name_end; i++)
        if (t[i] == '(' && !memchr(t + i, ')', name_end - i)) {
            name_end = i;
            break;
        }
    name_end = trim_name_end(t, a, name_end);
    /* "アオバ自動車 売上高:31兆円": a measure after a blank is not part of the name */
    for (size_t i = name_end; figure && i > a + 1; i--)
        if (t[i - 1] == ' ' && zy_measure_near(t, i, f.start, f.end, e, f.kind) &&
            measure_word_within(t, i, name_end, f.start, f.end, e, f.kind)) {
            name_end = trim_name_end(t, a, i - 1);
            break;
        }
    if (name_end <= a || name_end - a > ITEM_NAME_MAX)
        return false;
    it->colon = zy_starts_with(t, e, name_end, ":");
    if (!it->bulleted && !it->colon && !it->has_rank)
        return false;
    /* "マサチューセッツ工科大学(MIT)": the bracket is the name's alias */
    if (t[name_end - 1] == ')') {
        size_t open = name_end - 1;
        while (open > a && t[open] != '(')
            open--;
        if (open > a && t[open] == '(') {
            it->alias_a = open + 1;
            it->alias_b = name_end - 1;
            name_end = open;
        }
    }
    it->name_a = a;
    it->name_b = name_end;
    it->first_figure = figure ? f.start : e;
    return !figure || f.kind != ZY_KIND_DATE; /* "- 2022年11月30日|…" is a chronology's */
}

/* Does the figure say it is a change: a sign ("+2.2%", "▲3%") or 増/減 after it ("2.2%減")? */
static bool says_change(const char *t, const zy_figure *f, size_t e)
{
    return t[f->start] == '+' || (f->has_value && f->value < 0) || zy_starts_with(t, e, f->end, "増") ||
           zy_starts_with(t, e, f->end, "減") || zy_starts_with(t, e, f->end, "ポイント");
}

/* "1位は「貯金」で", "首位はA社、": the name a rank introduces, after は, quoted or up to で or
 * 、; false when none. */
static bool ranked_name(const char *t, size_t at, size_t e, size_t *a, size_t *b)
{
    if (!zy_starts_with(t, e, at, "は"))
        return false;
    at += strlen("は");
    if (zy_starts_with(t, e, at, "「")) {
        size_t q = at + strlen("「");
        for (size_t i = q; i < e && i - q <= ITEM_NAME_MAX; i++)
            if (zy_starts_with(t, e, i, "」")) {
                *a = q;
                *b = i;
                return i > q;
            }
        return false;
    }
    for (size_t i = at; i < e && i - at <= ITEM_NAME_MAX; i++) {
        if (t[i] >= '0' && t[i] <= '9')
            return false;
        if (zy_starts_with(t, e, i, "で") || zy_starts_with(t, e, i, "、")) {
            *a = at;
            *b = i;
            return i > at;
        }
    }
    return false;
}

static void emit_item(zy_scan_state *s, size_t l, const list_entry *it, long table_id, size_t row,
                      const zy_figure *unit, bool has_unit, int year, int month)
{
    const char *t = s->norm.text;
    const zy_line *line = &s->lines[l];
    zy_subject sub = zy_rows_subject(s, it->name_a, it->name_b, it->alias_a, it->alias_b);
    char time[16];
    zy_rows_time_iso(year, month, time);
    if (it->has_rank)
        zy_scan_add(s, &it->rank, &sub, "rank", "list", line->start, line->end, time, table_id, (long)row, 0);
    size_t i = it->first_figure, col = 1, said_from = it->name_b;
    bool change = false; /* the last figure was a change (前年比): a 同 after it is one too */
    zy_figure f;
    while (i < line->end && next_figure(t, line->start, i, line->end, &f)) {
        /* "(前年1位)", "(同5位)" after a 前年: last year's figure; 前年比, 前年度比 and 前年同期比
         * are changes, and so is "(同2.2%減)" after one */
        char previous[16] = "";
        if ((f.start >= said_from && zy_rows_contains(t, said_from, f.start, "比")) || says_change(t, &f, line->end))
            change = true;
        else if (f.start >= said_from && zy_rows_contains(t, said_from, f.start, "前年"))
            change = false;
        if (year && f.start >= said_from && !change &&
            (zy_rows_contains(t, said_from, f.start, "前年") || zy_ends_with(t, f.start, "同")))
            zy_rows_year_iso(year - 1, previous);
        said_from = f.end;
        i = f.end > i ? f.end : i + 1;
        if (f.kind == ZY_KIND_DATE || f.kind == ZY_KIND_DURATION)
            continue;
        if (f.end < line->end && t[f.end] == '=')
            continue; /* "1ドル=150円": the rate's unit, not a figure */
        size_t named_a, named_b;
        if (f.kind == ZY_KIND_RANK && ranked_name(t, f.end, line->end, &named_a, &named_b))
            sub = zy_rows_subject(s, named_a, named_b, 0, 0); /* "使い道1位は「貯金」で56.4%" */
        if (f.bare) {
            if (has_unit && unit->kind != ZY_KIND_PERCENT) {
                f.kind = unit->kind;
                f.unit = unit->unit;
                f.counter = unit->counter;
                f.value *= unit->value;
            } else if (has_unit) {
                f.kind = ZY_KIND_PERCENT;
                f.unit = "%";
            } else {
                f.unit = "count";
            }
            f.bare = false;
        }
        const char *measure = zy_measure_near(t, it->name_b, f.start, f.end, line->end, f.kind);
        if (f.kind == ZY_KIND_RANK)
            measure = "rank";
        zy_scan_add(s, &f, &sub, measure, "list", line->start, line->end, previous[0] ? previous : time,
                    table_id, (long)row, (long)col++);
    }
}

/* Runs of at least two items (blank lines between them allowed) under an optional caption. */
static void scan_items(zy_scan_state *s)
{
    const char *t = s->norm.text;
    size_t n = s->nlines;
    for (size_t l = 0; l < n && s->status == ZY_OK; l++) {
        list_entry it;
        if (!read_item(s, l, &it))
            continue;
        size_t count = 1, last = l;
        for (size_t k = l + 1, blanks = 0; k < n; k++) {
            if (s->lines[k].blank) {
                if (++blanks > 3)
                    break; /* a list pauses for a blank line or two, not for a page */
                continue;
            }
            blanks = 0;
            list_entry next;
            if (!read_item(s, k, &next))
                break;
            count++;
            last = k;
        }
        if (count < 2)
            continue;
        /* caption: the nearest line above that is not blank */
        long cap = -1;
        for (size_t k = l; k-- > 0;) {
            if (s->lines[k].blank)
                continue;
            if (!s->line_taken[k] && s->lines[k].end - s->lines[k].start <= 300)
                cap = (long)k;
            break;
        }
        zy_figure unit = {0};
        bool has_unit = false;
        int year = 0, month = 0;
        size_t cap_a = 0, cap_b = 0;
        if (cap >= 0) {
            const zy_line *c = &s->lines[cap];
            has_unit = zy_rows_unit_in(t, c->start, c->end, &unit);
            year = zy_rows_period_in(s, c->start, c->end, &month);
            if (!c->period) {
                cap_a = c->start;
                cap_b = c->end;
            }
        }
        if (!year)
            year = zy_rows_lead_year(s);
        long table_id = zy_rows_add_table(s, cap_b ? cap_a : s->lines[l].start, cap_a, cap_b);
        if (table_id < 0)
            return;
        if (cap_b)
            s->line_taken[cap] = true;
        size_t row = 0;
        for (size_t k = l; k <= last && s->status == ZY_OK; k++) {
            if (s->lines[k].blank || !read_item(s, k, &it))
                continue;
            emit_item(s, k, &it, table_id, row++, &unit, has_unit, year, month);
            s->line_taken[k] = true;
        }
        l = last;
    }
}

/* ---- name(figure) runs: "北辰(19社)、南海(14社)、東雲(6社)" ---- */

#define RUN_MAX 64

typedef struct bracket_run {
    size_t name_a, name_b;
    zy_figure f;
    bool previous;           /* "(前年20位)": last year's figure */
} bracket_run;

/* Where the name before t[open] = '(' begins: after the last separator or particle (a ・ is
 * part of names such as マックス・プランク). */
static size_t run_name_start(const char *t, size_t line_a, size_t open)
{
    static const char *const seps[] = {"、", ",", " ", "\t", "「", "(", ")", ":", "は", "が", "。", NULL};
    size_t a = open;
    while (a > line_a) {
        for (size_t k = 0; seps[k]; k++)
            if (zy_ends_with(t, a, seps[k]))
                return a;
        a--;
        while (a > line_a && ((unsigned char)t[a] & 0xC0) == 0x80)
            a--;
    }
    return a;
}

/* "(前年20位)", "(同39位)", "(+45%)": what may stand before a bracketed figure; its length (0:
 * none), and *previous set for 前年 and 同, which make it last year's (not 前年比, a change). */
static size_t bracket_lead_word(const char *t, size_t open_end, size_t e, bool *previous)
{
    static const struct { const char *w; size_t n; bool previous; } words[] = {
        {ZY_WORD("前年比"), false}, {ZY_WORD("前年"), true}, {ZY_WORD("前期"), true}, {ZY_WORD("同"), true}};
    *previous = false;
    size_t n = 0;
    for (size_t k = 0; k < sizeof words / sizeof words[0] && n == 0; k++)
        if (zy_starts_with_n(t, e, open_end, words[k].w, words[k].n)) {
            *previous = words[k].previous;
            n = words[k].n;
        }
    if (open_end + n < e && t[open_end + n] == '+')
        n++; /* "(+45%)", "(前年比+56%)" */
    return n;
}

/* The name after a rank that introduces it: "20位にホンダ(", "3位はX、": up to a bracket, a
 * comma, が or 。. Returns its end (== a: none). */
static size_t name_after_rank(const char *t, size_t a, size_t e)
{
    size_t i = a;
    while (i < e && t[i] != '(' && !zy_starts_with(t, e, i, "、") && !zy_starts_with(t, e, i, "が") &&
           !zy_starts_with(t, e, i, "。") && i - a <= ITEM_NAME_MAX)
        i++;
    return i - a <= ITEM_NAME_MAX ? i : a;
}

/* The runs in line l; 0 unless every figure of the line is in one and there are two or more.
 * A run is a name with a bracketed figure ("北辰(19社)", "ホンダ(前年20位)"), or a rank that
 * introduces a name ("20位にホンダ"). */
static size_t read_runs(const zy_scan_state *s, size_t l, bracket_run *runs)
{
    const char *t = s->norm.text;
    const zy_line *line = &s->lines[l];
    size_t n = 0, figures = 0, items = 0;
    for (size_t i = line->start; i < line->end; i++) {
        zy_figure f;
        if (t[i] < '0' || t[i] > '9' || (i > line->start && t[i - 1] >= '0' && t[i - 1] <= '9'))
            continue;
        if (!figure_may_start(t, line->start, i) || !zy_figure_at(t, line->end, i, true, &f) || f.end <= i)
            continue;
        figures++;
        i = f.end - 1;
        if (f.bare || f.kind == ZY_KIND_DATE || n >= RUN_MAX)
            continue;
        /* a bracketed figure, maybe after 前年 or 同 */
        size_t open = f.start;
        bool previous = false;
        while (open > line->start && f.start - open < 12 && t[open - 1] != '(')
            open--;
        if (open > line->start && t[open - 1] == '(' && f.end < line->end && t[f.end] == ')' &&
            (open == f.start || bracket_lead_word(t, open, f.start, &previous) == f.start - open)) {
            size_t name_a = run_name_start(t, line->start, open - 1);
            if (n > 0 && runs[n - 1].name_b == open - 1) /* "20位にホンダ(前年20位)": the same name */
                name_a = runs[n - 1].name_a;
            if (open - 1 > name_a && open - 1 - name_a <= ITEM_NAME_MAX) {
                runs[n++] = (bracket_run){name_a, open - 1, f, previous};
                items++;
            }
            continue;
        }
        /* a rank that introduces a name: "20位にホンダ" */
        if (f.kind == ZY_KIND_RANK && (zy_starts_with(t, line->end, f.end, "に") ||
                                       zy_starts_with(t, line->end, f.end, "は"))) {
            size_t name_a = f.end + 3, name_b = name_after_rank(t, name_a, line->end);
            if (name_b > name_a) {
                runs[n++] = (bracket_run){name_a, name_b, f, false};
                continue;
            }
        }
    }
    return items >= 2 && n == figures ? n : 0;
}

/* Is there a '(' with a digit within the next 12 bytes in t[a, b)? */
static bool bracket_before_digit(const char *t, size_t a, size_t b)
{
    for (const char *p = memchr(t + a, '(', b - a); p; p = memchr(p + 1, '(', (size_t)(t + b - p - 1))) {
        for (const char *q = p + 1; q < t + b && q <= p + 12; q++)
            if (*q >= '0' && *q <= '9')
                return true;
        if (p + 1 >= t + b)
            break;
    }
    return false;
}

static void scan_runs(zy_scan_state *s)
{
    bracket_run runs[RUN_MAX];
    for (size_t l = 0; l < s->nlines && s->status == ZY_OK; l++) {
        if (s->line_taken[l] || s->lines[l].blank)
            continue;
        const zy_line *line = &s->lines[l];
        if (!bracket_before_digit(s->norm.text, line->start, line->end))
            continue; /* no "(19社" nor "(前年20位" on the line: the cheap test first */
        size_t n = read_runs(s, l, runs);
        if (n == 0)
            continue;
        long table_id = zy_rows_add_table(s, line->start, 0, 0);
        if (table_id < 0)
            return;
        int month, year = zy_rows_period_in(s, line->start, line->end, &month);
        if (!year) {
            year = zy_rows_lead_year(s);
            month = 0;
        }
        for (size_t k = 0; k < n; k++) {
            char time[16];
            if (runs[k].previous)
                zy_rows_year_iso(year ? year - 1 : 0, time);
            else
                zy_rows_time_iso(year, month, time);
            zy_subject sub = zy_rows_subject(s, runs[k].name_a, runs[k].name_b, 0, 0);
            const char *measure = runs[k].f.kind == ZY_KIND_RANK ? "rank"
                                  : zy_measure_near(s->norm.text, line->start, runs[k].f.start,
                                                    runs[k].f.end, line->end, runs[k].f.kind);
            zy_scan_add(s, &runs[k].f, &sub, measure, "list", line->start, line->end, time, table_id,
                        (long)k, 1);
        }
        s->line_taken[l] = true;
    }
}

/* ---- rankings printed one cell a line: "1位" / "アオバ自動車" / "31兆円" / "2位" / … ---- */

#define RECORD_LINES 4 /* lines of a record after its rank line */

/* Line l without the blanks around it, as [*a, *b). */
static void trimmed_line(const zy_scan_state *s, size_t l, size_t *a, size_t *b)
{
    const char *t = s->norm.text;
    *a = s->lines[l].start;
    *b = s->lines[l].end;
    while (*a < *b && (t[*a] == ' ' || t[*a] == '\t'))
        (*a)++;
    while (*b > *a && (t[*b - 1] == ' ' || t[*b - 1] == '\t'))
        (*b)--;
}

/* Is line l a rank on its own line: "1位", "第1位", or decorated with the name after it,
 * "【第1位】横浜" (a name without digits)? The rank goes to *rank; *name_a is where the name
 * starts (the line's end when none). */
static bool rank_line_named(const zy_scan_state *s, size_t l, zy_figure *rank, size_t *name_a)
{
    static const struct { const char *open, *close; } marks[] = {{"【", "】"}, {"[", "]"}, {"<", ">"}, {"《", "》"}};
    const char *t = s->norm.text;
    size_t a, b;
    trimmed_line(s, l, &a, &b);
    *name_a = b;
    if (s->line_taken[l])
        return false;
    size_t m = 0, open = 0;
    while (m < sizeof marks / sizeof marks[0] && !zy_starts_with(t, b, a, marks[m].open))
        m++;
    if (m < sizeof marks / sizeof marks[0])
        open = strlen(marks[m].open);
    size_t r = a + open, at = r + (zy_starts_with(t, b, r, "第") ? 3 : 0);
    if (at >= b || !zy_figure_at(t, b, at, false, rank) || rank->start != r || rank->kind != ZY_KIND_RANK)
        return false;
    if (!open)
        return rank->end == b;
    if (!zy_starts_with(t, b, rank->end, marks[m].close))
        return false;
    size_t n = rank->end + strlen(marks[m].close);
    while (n < b && (t[n] == ' ' || t[n] == '\t'))
        n++;
    for (size_t i = n; i < b; i++)
        if ((t[i] >= '0' && t[i] <= '9') || b - n > ITEM_NAME_MAX)
            return false;
    *name_a = n;
    return true;
}

/* Is line l a rank on its own line (see rank_line_named)? */
static bool rank_line(const zy_scan_state *s, size_t l, zy_figure *rank)
{
    size_t name_a;
    return rank_line_named(s, l, rank, &name_a);
}

/* Is line l one figure and nothing else? */
static bool figure_line(const zy_scan_state *s, size_t l, zy_figure *f)
{
    const char *t = s->norm.text;
    size_t a, b;
    trimmed_line(s, l, &a, &b);
    return a < b && ((t[a] >= '0' && t[a] <= '9') || zy_starts_with(t, b, a, "約")) &&
           zy_figure_at(t, b, a + (t[a] >= '0' && t[a] <= '9' ? 0 : 3), false, f) && f->end == b &&
           f->kind != ZY_KIND_DATE && f->kind != ZY_KIND_RANK;
}

/* Is line l "label: figures" ("ブランド価値:約641億ドル(前年比+12%)"), a record's figures with
 * what they are? The label is short and has no digit; *from is where the figures start. */
static bool labelled_line(const zy_scan_state *s, size_t l, size_t *from)
{
    const char *t = s->norm.text;
    size_t a, b;
    trimmed_line(s, l, &a, &b);
    const char *colon = memchr(t + a, ':', b - a);
    if (!colon || colon == t + a || (size_t)(colon - t) - a > ITEM_NAME_MAX || s->lines[l].period)
        return false;
    for (size_t i = a; i < (size_t)(colon - t); i++)
        if (t[i] >= '0' && t[i] <= '9')
            return false;
    zy_figure f;
    *from = (size_t)(colon - t) + 1;
    return next_figure(t, *from, *from, b, &f);
}

/* Record the figures of a labelled line of a record (see labelled_line). */
static void emit_labelled(zy_scan_state *s, size_t l, size_t from, const zy_subject *sub, const char *time,
                          long table_id, size_t row)
{
    const char *t = s->norm.text;
    const zy_line *line = &s->lines[l];
    zy_figure f;
    size_t col = 1;
    for (size_t i = from; i < line->end && next_figure(t, from, i, line->end, &f);
         i = f.end > i ? f.end : i + 1) {
        if (f.kind == ZY_KIND_DATE || f.kind == ZY_KIND_DURATION || f.bare)
            continue;
        const char *measure = zy_measure_near(t, line->start, f.start, f.end, line->end, f.kind);
        zy_scan_add(s, &f, sub, f.kind == ZY_KIND_RANK ? "rank" : measure, "list", line->start, line->end,
                    time, table_id, (long)row, (long)col++);
    }
}

static void scan_vertical(zy_scan_state *s)
{
    const char *t = s->norm.text;
    zy_figure rank, next;
    for (size_t l = 0; l < s->nlines && s->status == ZY_OK; l++) {
        if (!rank_line(s, l, &rank) || rank.value != 1)
            continue;
        /* the records: rank 1, 2, 3 … each followed by a name line and figure lines */
        size_t starts[64], n = 0, k = l;
        double expect = 1;
        while (k < s->nlines && n < 64 && rank_line(s, k, &next) && next.value == expect) {
            starts[n++] = k;
            expect++;
            size_t j = k + 1;
            while (j < s->nlines && j - k <= RECORD_LINES && !rank_line(s, j, &next))
                j++;
            k = j;
        }
        if (n < 2)
            continue;
        int month, year = 0;
        if (l > 0 && !s->lines[l - 1].blank)
            year = zy_rows_period_in(s, s->lines[l - 1].start, s->lines[l - 1].end, &month);
        if (!year) {
            year = zy_rows_lead_year(s);
            month = 0;
        }
        char time[16];
        zy_rows_time_iso(year, month, time);
        long table_id = zy_rows_add_table(s, s->lines[l].start, 0, 0);
        if (table_id < 0)
            return;
        for (size_t r = 0; r < n; r++) {
            size_t end = r + 1 < n ? starts[r + 1] : starts[r] + 1 + RECORD_LINES;
            zy_subject sub = {0, 0, -1, NULL, NULL};
            bool named = false;
            size_t from, name_a;
            rank_line_named(s, starts[r], &rank, &name_a);
            s->line_taken[starts[r]] = true;
            const zy_line *rl = &s->lines[starts[r]];
            if (name_a < rl->end) { /* "【第1位】横浜": the name on the rank's line */
                size_t name_b = rl->end;
                while (name_b > name_a && (t[name_b - 1] == ' ' || t[name_b - 1] == '\t'))
                    name_b--;
                sub = zy_rows_subject(s, name_a, name_b, 0, 0);
                named = true;
                zy_scan_add(s, &rank, &sub, "rank", "list", rl->start, rl->end, time, table_id, (long)r, 0);
            }
            for (size_t j = starts[r] + 1; j < end && j < s->nlines; j++) {
                const zy_line *line = &s->lines[j];
                zy_figure f;
                if (line->blank || s->line_taken[j])
                    continue;
                if (!named && !line->period && line->end - line->start <= ITEM_NAME_MAX && !figure_line(s, j, &f)) {
                    sub = zy_rows_subject(s, line->start, line->end, 0, 0);
                    named = true;
                    zy_scan_add(s, &rank, &sub, "rank", "list", s->lines[starts[r]].start, line->end, time,
                                table_id, (long)r, 0);
                    s->line_taken[j] = true;
                } else if (named && figure_line(s, j, &f)) {
                    zy_scan_add(s, &f, &sub, NULL, "list", line->start, line->end, time, table_id, (long)r, 1);
                    s->line_taken[j] = true;
                } else if (named && labelled_line(s, j, &from)) {
                    emit_labelled(s, j, from, &sub, time, table_id, r);
                    s->line_taken[j] = true;
                } else {
                    break;
                }
            }
        }
        l = starts[n - 1];
    }
}

void zy_scan_lists(zy_scan_state *s)
{
    scan_vertical(s); /* before groups: a record's "得票数:1,203票" is its rank's, not a group's */
    scan_groups(s);
    scan_items(s);
    scan_runs(s);
}
