/*
 * tables.c: figures in strict tables (lists are lists.c's, other table shapes grid.c's).
 *   Tables: a header line of space-separated column names over rows with the same number of
 *   cells (a bracketed cell after a name is its alias unless the header has a bracketed column
 *   there: "1 (1) グーグル (米) 2174" under "順位 (20年の順位) 機関名 (国名) 採択論文の著者数").
 *   The line above the header, when short, is the caption; its year is the table's time. A
 *   bracketed column beside a rank is a rank too ("順位 (前年)": last year's, a year earlier).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/rows.h"
#include "util/utf8.h"

#define MAX_CELLS 16

typedef struct cell {
    size_t start, end;       /* the cell text, brackets included */
    size_t alias_start, alias_end; /* a bracketed alias merged into this cell (end 0: none) */
    bool bracketed;
} cell;

typedef zy_line line_span;

static bool is_space(const char *t, size_t i, size_t end)
{
    return i < end && (t[i] == ' ' || t[i] == '\t');
}

/* Split a line into cells at runs of spaces; bracketed groups stay whole. */
static size_t split_cells(const char *t, size_t a, size_t b, cell *cells)
{
    size_t n = 0, i = a;
    while (i < b && n < MAX_CELLS) {
        while (is_space(t, i, b))
            i++;
        if (i >= b)
            break;
        size_t start = i;
        if (t[i] == '(') {
            while (i < b && t[i] != ')')
                i++;
            if (i < b)
                i++;
        } else {
            for (; i < b; i++) /* to the next space or tab, or a bracket: "清華大学(中)" */
                if (t[i] == ' ' || t[i] == '\t' || (t[i] == '(' && i > start))
                    break;
        }
        cells[n++] = (cell){start, i, 0, 0, t[start] == '('};
    }
    return i < b ? MAX_CELLS + 1 : n;
}

/* Align row cells to header cells: a bracketed row cell under a non-bracketed header column
 * is the alias of the cell before it. Returns false when the shapes differ. */
static bool align_row(const cell *head, size_t nh, const cell *row, size_t nr, cell *out)
{
    size_t r = 0;
    for (size_t h = 0; h < nh; h++) {
        if (r >= nr)
            return false;
        if (head[h].bracketed != row[r].bracketed)
            return false;
        out[h] = row[r++];
        while (r < nr && row[r].bracketed && (h + 1 >= nh || !head[h + 1].bracketed)) {
            out[h].alias_start = row[r].start + 1;
            out[h].alias_end = row[r].end - (row[r].end > row[r].start + 1 ? 1 : 0);
            r++;
        }
        /* the last column takes what is left (free text such as investor lists) */
        if (h + 1 == nh)
            r = nr;
    }
    return r == nr;
}

static bool cell_has_figure(const zy_scan_state *s, const cell *c)
{
    const char *t = s->norm.text;
    zy_figure f;
    for (size_t i = c->start; i < c->end; i++)
        if ((t[i] >= '0' && t[i] <= '9') && zy_figure_at(t, c->end, i, true, &f))
            return true;
    return false;
}

/* Is line a row of the table headed by head[0..nh): cells that line up with the header's,
 * one of them a figure? Its cells go to row. */
static bool is_table_row(const zy_scan_state *s, const cell *head, size_t nh, line_span line, cell *row)
{
    cell raw[MAX_CELLS];
    if (zy_list_bullet_at(s->norm.text, line.start, line.end))
        return false; /* bulleted lines are lists.c's */
    size_t nr = split_cells(s->norm.text, line.start, line.end, raw);
    if (nr > MAX_CELLS || !align_row(head, nh, raw, nr, row))
        return false;
    for (size_t c = 0; c < nh; c++)
        if (cell_has_figure(s, &row[c]))
            return true;
    return false;
}

/* A figure that covers t[a, b), read from its first character or, after a sign such as ▲, +
 * or 約, from its first digit. */
static bool figure_covering(const char *t, size_t a, size_t b, zy_figure *f)
{
    if (zy_figure_at(t, b, a, true, f) && f->end == b)
        return true;
    size_t d = a;
    while (d < b && d < a + 6 && !(t[d] >= '0' && t[d] <= '9'))
        d++;
    if (d == a || d >= b || !zy_figure_at(t, b, d, true, f) || f->end != b)
        return false;
    if (f->start == a + 1 && t[a] == '+')
        f->start = a; /* "+12.1%" in a change column */
    return f->start == a;
}

/* Does a header cell say the previous period: "(前年)", "(前回)", "(昨年)"? */
static bool says_last_year(const char *t, size_t a, size_t b)
{
    return zy_rows_contains(t, a, b, "前年") || zy_rows_contains(t, a, b, "前回") ||
           zy_rows_contains(t, a, b, "昨年") || zy_rows_contains(t, a, b, "前期");
}

static bool is_dots(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (t[i] != '.' && t[i] != ' ' && !zy_starts_with(t, b, i, "…"))
            return false;
        else if (zy_starts_with(t, b, i, "…"))
            i += 2;
    return b > a;
}

static void scan_table(zy_scan_state *s, const line_span *lines, size_t nlines, size_t h,
                       size_t *last)
{
    const char *t = s->norm.text;
    cell head[MAX_CELLS], row[MAX_CELLS];
    size_t nh = split_cells(t, lines[h].start, lines[h].end, head);
    /* caption: a short line without 。 just above */
    size_t cap_a = 0, cap_b = 0;
    for (size_t k = h; k-- > 0 && h - k <= 2;) {
        if (lines[k].blank)
            continue;
        if (!lines[k].period &&
            lines[k].end - lines[k].start <= 150 && !s->line_taken[k]) {
            cap_a = lines[k].start;
            cap_b = lines[k].end;
        }
        break;
    }
    int caption_year = cap_b ? zy_rows_year_in(s, cap_a, cap_b, false) : 0;
    long table_id = zy_rows_add_table(s, cap_b ? cap_a : lines[h].start, cap_a, cap_b);
    if (table_id < 0)
        return;
    /* column roles */
    long subject_col = -1, country_col = -1;
    const char *col_measure[MAX_CELLS] = {0};
    bool col_rank[MAX_CELLS] = {0};
    int col_year[MAX_CELLS] = {0};
    for (size_t c = 0; c < nh; c++) {
        size_t a = head[c].start, b = head[c].end;
        col_rank[c] = zy_rows_contains(t, a, b, "順位") || zy_rows_contains(t, a, b, "ランク");
        col_year[c] = zy_rows_year_in(s, a, b, false);
        if (head[c].bracketed && c > 0 && col_rank[c - 1]) {
            col_rank[c] = true; /* "順位 (前年)": the bracket beside a rank is another rank */
            if (!col_year[c] && says_last_year(t, a, b) && (col_year[c - 1] || caption_year))
                col_year[c] = (col_year[c - 1] ? col_year[c - 1] : caption_year) - 1;
        }
        if (!col_year[c])
            col_year[c] = caption_year;
        if (zy_rows_contains(t, a, b, "国"))
            country_col = country_col < 0 ? (long)c : country_col;
        else if (subject_col < 0 && (zy_rows_contains(t, a, b, "名") || zy_rows_contains(t, a, b, "企業") ||
                                     zy_rows_contains(t, a, b, "機関") || zy_rows_contains(t, a, b, "会社") ||
                                     zy_rows_contains(t, a, b, "大学") || zy_rows_contains(t, a, b, "銘柄")) &&
                 !zy_rows_contains(t, a, b, "数") && !zy_rows_contains(t, a, b, "価値") &&
                 !zy_rows_contains(t, a, b, "額"))
            subject_col = (long)c;
        col_measure[c] = col_rank[c] ? "rank" : zy_measure_near(t, a, b, b, b, ZY_KIND_COUNT);
        if (!col_measure[c])
            col_measure[c] = zy_measure_near(t, a, a, a, b, ZY_KIND_DATE); /* 設立, 発売 */
    }
    size_t r = h + 1, row_index = 0;
    for (; r < nlines; r++) {
        if (lines[r].blank)
            break;
        if (is_dots(t, lines[r].start, lines[r].end)) {
            s->line_taken[r] = true;
            continue;
        }
        if (!is_table_row(s, head, nh, lines[r], row))
            break;
        s->line_taken[r] = true;
        /* the subject: the named column, else the first cell without a figure */
        long sc = subject_col;
        for (size_t c = 0; sc < 0 && c < nh; c++)
            if (!cell_has_figure(s, &row[c]) && !row[c].bracketed)
                sc = (long)c;
        zy_subject sub = {0, 0, -1, NULL, NULL};
        if (sc >= 0)
            sub = zy_rows_subject(s, row[sc].start, row[sc].end, row[sc].alias_start, row[sc].alias_end);
        if (country_col >= 0)
            sub.country = zy_rows_country(s, row[country_col].start, row[country_col].end);
        for (size_t c = 0; c < nh; c++) {
            if ((long)c == sc || (long)c == country_col)
                continue;
            size_t a = row[c].start, b = row[c].end;
            if (row[c].bracketed) {
                a++;
                if (b > a && t[b - 1] == ')')
                    b--;
            }
            zy_figure f;
            if (!figure_covering(t, a, b, &f))
                continue;
            if (col_rank[c] && f.kind == ZY_KIND_COUNT) {
                f.kind = ZY_KIND_RANK;
                f.unit = "rank";
                f.counter = NULL;
            } else if (f.bare) {
                /* a bare number under a count heading (著者数) counts people, things */
                f.unit = "count";
            }
            char time[16] = "";
            if (col_year[c])
                zy_rows_year_iso(col_year[c], time);
            const char *measure = col_measure[c];
            if (!measure && f.kind == ZY_KIND_MONEY)
                measure = zy_measure_near(t, head[c].start, head[c].end, head[c].end, head[c].end, f.kind);
            zy_scan_add(s, &f, sc >= 0 ? &sub : NULL, measure, "table", lines[r].start, lines[r].end,
                        time, table_id, (long)row_index, (long)c);
        }
        row_index++;
    }
    s->line_taken[h] = true;
    *last = r;
}

/* Is line l a header over at least two aligned rows? */
static bool looks_like_header(const zy_scan_state *s, const line_span *lines, size_t nlines,
                              size_t l)
{
    const char *t = s->norm.text;
    if (lines[l].period || memchr(t + lines[l].start, '|', lines[l].end - lines[l].start))
        return false; /* pipe tables are grid.c's */
    cell head[MAX_CELLS], row[MAX_CELLS];
    size_t nh = split_cells(t, lines[l].start, lines[l].end, head);
    if (nh < 3 || nh > MAX_CELLS) /* two words over rows are grid.c's to read */
        return false;
    bool bracketed_column = false;
    for (size_t c = 0; c < nh; c++) {
        if (cell_has_figure(s, &head[c]) && !head[c].bracketed)
            return false;
        bracketed_column |= head[c].bracketed;
    }
    if (!bracketed_column)
        return false; /* this reader's own shape is "順位 (20年の順位) 機関名 (国名) …"; grid.c reads the rest */
    size_t good = 0;
    for (size_t r = l + 1; r < nlines && r <= l + 3; r++) {
        if (!is_table_row(s, head, nh, lines[r], row))
            break;
        zy_figure f;
        if (good == 0 && zy_figure_at(t, row[0].end, row[0].start, false, &f) && f.kind == ZY_KIND_DATE)
            return false; /* rows headed by years are a time series: grid.c's */
        good++;
    }
    return good >= 2;
}

/* "(2024年、万台)" in a caption: the unit of bare numbers below it, read by parsing "1万台".
 * Returns false when the caption names no unit. */
static bool caption_unit(const zy_scan_state *s, size_t a, size_t b, zy_figure *unit)
{
    const char *t = s->norm.text;
    for (size_t i = a; i < b; i++) {
        if (t[i] != '(' && !zy_starts_with(t, b, i, "、"))
            continue;
        size_t p = i + (t[i] == '(' ? 1 : 3);
        char probe[64] = "1";
        size_t n = 1;
        while (p < b && t[p] != ')' && !zy_starts_with(t, b, p, "、") && n < sizeof probe - 1)
            probe[n++] = t[p++];
        probe[n] = '\0';
        zy_figure f;
        if (n > 1 && zy_figure_at(probe, n, 0, false, &f) && f.end == n && f.kind != ZY_KIND_DATE &&
            f.kind != ZY_KIND_DURATION) {
            *unit = f;
            return true;
        }
    }
    return false;
}

/* A caption over rows of "name figure" with no header line ("中国 1100" under
 * "国別の販売台数(2024年、万台)"). */
static size_t scan_headerless(zy_scan_state *s, const line_span *lines, size_t nlines, size_t l)
{
    const char *t = s->norm.text;
    if (lines[l].period || lines[l].end - lines[l].start > 150)
        return 0;
    cell raw[MAX_CELLS];
    size_t r = l + 1;
    for (; r < nlines; r++) {
        if (zy_list_bullet_at(t, lines[r].start, lines[r].end))
            break;
        size_t nr = split_cells(t, lines[r].start, lines[r].end, raw);
        if (nr != 2 || raw[0].bracketed || zy_ends_with(t, raw[0].end, ":") || !cell_has_figure(s, &raw[1]) ||
            cell_has_figure(s, &raw[0]))
            break;
        zy_figure f;
        if (!zy_figure_at(t, raw[1].end, raw[1].start, true, &f) || f.end != raw[1].end)
            break;
    }
    if (r - l - 1 < 2)
        return 0;
    zy_figure unit = {0};
    bool has_unit = caption_unit(s, lines[l].start, lines[l].end, &unit);
    int year = zy_rows_year_in(s, lines[l].start, lines[l].end, false);
    long table_id = zy_rows_add_table(s, lines[l].start, lines[l].start, lines[l].end);
    if (table_id < 0)
        return 0;
    const char *measure = zy_measure_near(t, lines[l].start, lines[l].end, lines[l].end, lines[l].end, ZY_KIND_COUNT);
    s->line_taken[l] = true;
    for (size_t k = l + 1; k < r; k++) {
        s->line_taken[k] = true;
        split_cells(t, lines[k].start, lines[k].end, raw);
        zy_figure f;
        zy_figure_at(t, raw[1].end, raw[1].start, true, &f);
        if (f.bare && has_unit) {
            f.kind = unit.kind;
            f.unit = unit.unit;
            f.counter = unit.counter;
            f.value *= unit.value;
            f.bare = false;
        }
        zy_subject sub = zy_rows_subject(s, raw[0].start, raw[0].end, 0, 0);
        char time[16] = "";
        if (year)
            zy_rows_year_iso(year, time);
        zy_scan_add(s, &f, &sub, measure, "table", lines[k].start, lines[k].end, time, table_id,
                    (long)(k - l - 1), 1);
    }
    return r;
}

void zy_scan_tables(zy_scan_state *s)
{
    const line_span *lines = s->lines;
    size_t n = s->nlines;
    for (size_t l = 0; l < n && s->status == ZY_OK; l++) {
        if (s->line_taken[l] || lines[l].blank)
            continue;
        if (looks_like_header(s, lines, n, l)) {
            size_t last;
            scan_table(s, lines, n, l, &last);
            l = last - 1;
        } else {
            size_t last = scan_headerless(s, lines, n, l);
            if (last)
                l = last - 1;
        }
    }
}
