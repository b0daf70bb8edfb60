/*
 * grid.c: the table reader for the shapes pages print that tables.c's strict header-over-rows
 * reader leaves: pipe tables (with or without a |---| line), tab- and space-aligned tables,
 * headers that span several short lines or lack the label column, rows whose rank is glued
 * to the name (1アメリカ 20,494,050), cells glued together (HONOR15%16%15%), two tables side
 * by side in one block, units and scales in a header cell (売上高(百万円)), a unit line or a
 * caption (百万US$, 単位:億円), rank cells with a second rank in brackets (6(13)), placeholder
 * cells (新規, -). A block is a run of at least two rows, each with a name and a figure.
 * May call: extract (rows, scan, figure, entities), util.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/rows.h"

#define GRID_CELLS 48
#define GRID_HEADER_LINES 6
#define GRID_LINE_MAX 4096 /* bytes: longer lines are prose or debris, never rows */

typedef enum cell_type { CELL_EMPTY, CELL_TEXT, CELL_FIGURE, CELL_BRACKET } cell_type;

typedef struct gcell {
    size_t a, b;             /* trimmed range in the normalised text */
    cell_type type;
    zy_figure fig;           /* CELL_FIGURE */
    bool has_second;         /* "6(13)": a second figure in brackets … */
    zy_figure second;        /* … read here */
    size_t alias_a, alias_b; /* CELL_TEXT: a bracketed alias or country after the name */
    bool spaced;             /* one space (not more, not a tab) before this cell */
} gcell;

typedef struct grow {
    gcell c[GRID_CELLS];
    size_t n;
    bool pipes;              /* split at '|': cells are explicit, a missing one is a gap */
    bool subsplit;           /* pipe cells were split at their blanks too */
} grow;

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Cells that stand for no value: 新規, -, ―, n/a; in a last-rank column NEW, 初登場, 圏外. */
static bool is_placeholder(const char *t, size_t a, size_t b)
{
    static const struct { const char *s; size_t n; } words[] = {
        {ZY_WORD("-")},   {ZY_WORD("--")},  {ZY_WORD("ー")},  {ZY_WORD("―")},     {ZY_WORD("—")},
        {ZY_WORD("–")},   {ZY_WORD("‐")},   {ZY_WORD("新規")}, {ZY_WORD("n/a")},   {ZY_WORD("N/A")},
        {ZY_WORD("NA")},  {ZY_WORD("*")},   {ZY_WORD("…")},   {ZY_WORD("...")},   {ZY_WORD("非公開")},
        {ZY_WORD("不明")}, {ZY_WORD("x")},   {ZY_WORD("X")},   {ZY_WORD("NEW")},   {ZY_WORD("New")},
        {ZY_WORD("new")}, {ZY_WORD("初")},  {ZY_WORD("初登場")}, {ZY_WORD("圏外")}, {ZY_WORD("再登場")}};
    if (b - a > 9)
        return false;
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
        if (words[w].n == b - a && memcmp(t + a, words[w].s, b - a) == 0)
            return true;
    return false;
}

/* A rank move printed beside a rank: "→", "↑1", "↓12", "↗" (arrows, then digits or nothing).
 * It is neither a name nor a figure of the row. */
static bool is_rank_move(const char *t, size_t a, size_t b)
{
    static const char *const arrows[] = {"→", "↑", "↓", "↗", "↘", "⇧", "⇩", "⬆", "⬇", "➚", "➘", NULL};
    for (size_t k = 0; arrows[k]; k++) {
        size_t n = strlen(arrows[k]);
        if (b - a >= n && memcmp(t + a, arrows[k], n) == 0) {
            for (size_t i = a + n; i < b; i++)
                if (!is_digit(t[i]))
                    return false;
            return b - a - n <= 3;
        }
    }
    return false;
}

/* Copy the cells in use (a row is large; most of it is empty). */
static void copy_row(grow *to, const grow *from)
{
    to->n = from->n;
    to->pipes = from->pipes;
    to->subsplit = from->subsplit;
    memcpy(to->c, from->c, (from->n <= GRID_CELLS ? from->n : GRID_CELLS) * sizeof from->c[0]);
}

static bool figure_covering_as_written(const char *t, size_t a, size_t b, zy_figure *f);

/* "3.1%増", "0.4%減": a change cell that says its direction after the figure; 減 makes it
 * negative (the column mixes both). */
static bool change_covering(const char *t, size_t a, size_t b, zy_figure *f)
{
    static const struct { const char *w; bool down; } words[] = {
        {"増加", false}, {"減少", true}, {"増", false}, {"減", true}};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k].w);
        if (b - a <= n || !zy_ends_with(t, b, words[k].w) || (!is_digit(t[b - n - 1]) && t[b - n - 1] != '%'))
            continue;
        if (!figure_covering_as_written(t, a, b - n, f) || f->kind == ZY_KIND_DATE || f->value < 0 ||
            f->has_value_max)
            return false;
        if (words[k].down)
            f->value = -f->value;
        f->end = b;
        return true;
    }
    return false;
}

/* Read a figure that covers t[a, b) exactly; the numeral may follow a prefix (▲, 約, $) or be
 * followed by 増/減. */
static bool figure_covering(const char *t, size_t a, size_t b, zy_figure *f)
{
    return figure_covering_as_written(t, a, b, f) || change_covering(t, a, b, f);
}

static bool figure_covering_as_written(const char *t, size_t a, size_t b, zy_figure *f)
{
    if (zy_figure_at(t, b, a, true, f) && f->end == b && f->start == a)
        return true;
    if (a + 1 < b && t[a] == '+' && is_digit(t[a + 1]) && zy_figure_at(t, b, a + 1, true, f) &&
        f->end == b && f->start == a + 1) {
        f->start = a; /* "+25.3%" in a change column */
        return true;
    }
    size_t d = a;
    while (d < b && d < a + 12 && !is_digit(t[d]))
        d++;
    return d < b && d > a && is_digit(t[d]) && zy_figure_at(t, b, d, true, f) && f->end == b && f->start == a;
}

/* "15%16%15%": figures one after another covering t[a, b); at most cap. Returns the count
 * (0 when they do not cover the range). */
static size_t figure_run(const char *t, size_t a, size_t b, zy_figure *out, size_t cap)
{
    /* read from a copy: the grammar rightly refuses a figure glued to a Latin name (A100),
     * but in a table row "HONOR15%" is a name and its cell */
    char copy[256];
    size_t len = b - a;
    if (len >= sizeof copy)
        return 0;
    memcpy(copy, t + a, len);
    copy[len] = '\0';
    size_t n = 0, i = 0;
    while (i < len && n < cap) {
        zy_figure f;
        if (!is_digit(copy[i]) || !zy_figure_at(copy, len, i, true, &f) || f.end <= i || f.bare)
            return 0;
        f.start += a;
        f.end += a;
        out[n++] = f;
        i = f.end - a;
    }
    return i == len ? n : 0;
}

static void add_cell(grow *row, size_t a, size_t b, bool spaced)
{
    if (row->n < GRID_CELLS)
        row->c[row->n++] = (gcell){.a = a, .b = b, .spaced = spaced};
    else
        row->n = GRID_CELLS + 1; /* too wide to be a table we read */
}

/* Split t[a, b) at tabs and runs of spaces (bracketed groups stay whole) into row's cells. */
static void split_blanks(const char *t, size_t a, size_t b, grow *row)
{
    size_t i = a;
    bool first = true;
    while (i < b && row->n <= GRID_CELLS) {
        size_t gap = i;
        while (i < b && is_blank(t[i]))
            i++;
        bool spaced = i - gap == 1 && t[gap] == ' ';
        if (i >= b)
            break;
        size_t start = i;
        int depth = 0;
        for (; i < b; i++) {
            if (t[i] == '(')
                depth++;
            else if (t[i] == ')' && depth > 0)
                depth--;
            else if (is_blank(t[i]) && depth == 0)
                break;
        }
        add_cell(row, start, i, spaced && !first);
        first = false;
    }
}

/* Split a line into raw cells: at '|' when it has pipes, else at tabs and runs of spaces.
 * subsplit: also split each pipe cell at its blanks ("| 1,160円 1,271円 |" under
 * "| 公募価格 初値価格 |": two columns printed in one cell). */
static void split_line(const char *t, size_t a, size_t b, grow *row, bool subsplit)
{
    row->n = 0;
    bool pipes = memchr(t + a, '|', b - a) != NULL;
    if (!pipes) {
        split_blanks(t, a, b, row);
        return;
    }
    size_t i = a;
    while (i <= b && row->n <= GRID_CELLS) {
        size_t e = i;
        while (e < b && t[e] != '|')
            e++;
        size_t ca = i, cb = e;
        while (ca < cb && is_blank(t[ca]))
            ca++;
        while (cb > ca && is_blank(t[cb - 1]))
            cb--;
        if (subsplit && cb > ca)
            split_blanks(t, ca, cb, row);
        else
            add_cell(row, ca, cb, false);
        i = e + 1;
    }
    /* a leading '|' and trailing ones leave empty cells at the ends */
    while (row->n > 0 && row->n <= GRID_CELLS && row->c[row->n - 1].a == row->c[row->n - 1].b)
        row->n--;
    if (row->n > 0 && row->n <= GRID_CELLS && row->c[0].a == row->c[0].b) {
        memmove(row->c, row->c + 1, (row->n - 1) * sizeof row->c[0]);
        row->n--;
    }
}

/* Type one cell; a glued run ("HONOR15%16%", "15%16%") becomes several cells. */
static void type_cells(const char *t, grow *row)
{
    grow out;
    out.n = 0;
    out.pipes = row->pipes;
    out.subsplit = row->subsplit;
    for (size_t k = 0; k < row->n && out.n <= GRID_CELLS; k++) {
        gcell c = row->c[k];
        zy_figure run[GRID_CELLS];
        if (c.a == c.b || is_placeholder(t, c.a, c.b) || is_rank_move(t, c.a, c.b)) {
            c.type = CELL_EMPTY;
        } else if (t[c.a] == '(' && t[c.b - 1] == ')') {
            c.type = CELL_BRACKET;
        } else if (figure_covering(t, c.a, c.b, &c.fig)) {
            c.type = CELL_FIGURE;
        } else {
            /* "6(13)": a figure with a second one in brackets */
            const char *open = memchr(t + c.a, '(', c.b - c.a);
            zy_figure f, g;
            if (open && t[c.b - 1] == ')' && figure_covering(t, c.a, (size_t)(open - t), &f) &&
                figure_covering(t, (size_t)(open - t) + 1, c.b - 1, &g)) {
                c.type = CELL_FIGURE;
                c.fig = f;
                c.has_second = true;
                c.second = g;
            } else {
                /* text glued to a run of figures with units: "HONOR15%16%" */
                size_t d = c.a;
                while (d < c.b && !is_digit(t[d]))
                    d++;
                size_t n = d < c.b ? figure_run(t, d, c.b, run, GRID_CELLS) : 0;
                size_t runs_from = 0;
                if (n == 0 && d == c.a && (n = figure_run(t, c.a, c.b, run, GRID_CELLS)) >= 2)
                    runs_from = 1; /* "15%16%" alone */
                if (n > 0 && (n >= 2 || d > c.a) && (d > c.a || runs_from)) {
                    if (d > c.a && out.n < GRID_CELLS)
                        out.c[out.n++] = (gcell){.a = c.a, .b = d, .type = CELL_TEXT, .spaced = c.spaced};
                    if (out.n + n + (d > c.a) > GRID_CELLS) {
                        out.n = GRID_CELLS + 1; /* too wide: the row is refused, not cut short */
                        break;
                    }
                    for (size_t r = 0; r < n; r++)
                        out.c[out.n++] = (gcell){.a = run[r].start, .b = run[r].end, .type = CELL_FIGURE,
                                                 .fig = run[r]};
                    continue;
                }
                c.type = CELL_TEXT;
            }
        }
        if (out.n < GRID_CELLS)
            out.c[out.n++] = c;
        else
            out.n = GRID_CELLS + 1;
    }
    if (out.n > GRID_CELLS) {
        row->n = out.n;
        return;
    }
    copy_row(row, &out);
}

/* Join what belongs together: a bracket after a name is its alias or country, a bracket after a
 * figure its second figure, words one space apart one name ("Robert Bosch"). */
/* "Huawei (CN)" in one cell: the name, and the bracket as its alias or country. */
static void split_trailing_bracket(const char *t, gcell *c)
{
    if (c->type != CELL_TEXT || c->alias_b || c->b - c->a < 3 || t[c->b - 1] != ')')
        return;
    size_t open = c->b - 1;
    while (open > c->a && t[open] != '(')
        open--;
    if (open == c->a || t[open] != '(')
        return;
    size_t name_end = open;
    while (name_end > c->a && is_blank(t[name_end - 1]))
        name_end--;
    if (name_end == c->a)
        return;
    c->alias_a = open + 1;
    c->alias_b = c->b - 1;
    c->b = name_end;
}

static void merge_cells(const char *t, grow *row, bool pipes)
{
    size_t w = 0;
    for (size_t k = 0; k < row->n; k++) {
        gcell c = row->c[k];
        split_trailing_bracket(t, &c);
        gcell *prev = w > 0 ? &row->c[w - 1] : NULL;
        zy_figure inner;
        if (c.type == CELL_BRACKET && prev && prev->type == CELL_TEXT &&
            figure_covering(t, c.a + 1, c.b - 1, &inner)) {
            c.type = CELL_FIGURE; /* "米国 (6070)": the name's figure, in brackets */
            c.fig = inner;
            row->c[w++] = c;
            continue;
        }
        if (c.type == CELL_BRACKET && prev && prev->type == CELL_TEXT && !prev->alias_b) {
            prev->alias_a = c.a + 1;
            prev->alias_b = c.b - 1;
            continue;
        }
        zy_figure g;
        if (c.type == CELL_BRACKET && prev && prev->type == CELL_FIGURE && !prev->has_second &&
            figure_covering(t, c.a + 1, c.b - 1, &g)) {
            prev->has_second = true;
            prev->second = g;
            continue;
        }
        if (!pipes && c.type == CELL_TEXT && c.spaced && prev && prev->type == CELL_TEXT && !prev->alias_b) {
            prev->b = c.b;
            continue;
        }
        row->c[w++] = c;
    }
    row->n = w;
}

static bool has_period(const char *t, size_t a, size_t b)
{
    return zy_rows_contains(t, a, b, "。");
}

/* Split and type line l. Returns false when it is too long or too wide to be a row. */
static bool read_line_as(const zy_scan_state *s, size_t l, grow *row, bool subsplit, bool join_words)
{
    const zy_line *line = &s->lines[l];
    const char *t = s->norm.text;
    row->n = 0;
    row->pipes = row->subsplit = false;
    if (line->blank || line->end - line->start > GRID_LINE_MAX)
        return false;
    split_line(t, line->start, line->end, row, subsplit);
    if (row->n > GRID_CELLS)
        return false;
    type_cells(t, row);
    if (row->n > GRID_CELLS)
        return false;
    row->pipes = memchr(t + line->start, '|', line->end - line->start) != NULL;
    row->subsplit = subsplit;
    merge_cells(t, row, (row->pipes && !subsplit) || !join_words);
    return true;
}

static bool is_row(const zy_scan_state *s, size_t l, const grow *row);

static size_t figure_cells(const grow *row)
{
    size_t n = 0;
    for (size_t k = 0; k < row->n; k++)
        n += row->c[k].type == CELL_FIGURE;
    return n;
}

/* Line l as cells: a pipe line that is no row as it stands may be one with its cells split
 * at blanks (see split_line). */
static bool read_line(const zy_scan_state *s, size_t l, grow *row)
{
    if (!read_line_as(s, l, row, false, true))
        return false;
    if (row->pipes) {
        grow sub;
        if (read_line_as(s, l, &sub, true, true) && is_row(s, l, &sub) &&
            (!is_row(s, l, row) || figure_cells(&sub) > figure_cells(row)))
            copy_row(row, &sub);
    }
    return true;
}

/* A bare 1900…2100: in a header line ("Q3 2023"), a year, not a value that makes a row. */
static bool is_bare_year(const zy_figure *f)
{
    return f->bare && f->value >= 1900 && f->value <= 2100 && f->value == floor(f->value);
}

/* Does a text cell of the row hold a digit ("2022Q1")? Then the row's bare 2024 is a header's
 * year, not a value. */
static bool text_with_digits(const char *t, const grow *row)
{
    for (size_t k = 0; k < row->n; k++)
        if (row->c[k].type == CELL_TEXT)
            for (size_t i = row->c[k].a; i < row->c[k].b; i++)
                if (is_digit(t[i]))
                    return true;
    return false;
}

/* A row: a name and a figure that is not a date, no 。; or a "1アメリカ 20,494,050" line. */
static bool is_row(const zy_scan_state *s, size_t l, const grow *row)
{
    if (s->lines[l].period || row->n < 2 ||
        zy_list_bullet_at(s->norm.text, s->lines[l].start, s->lines[l].end))
        return false; /* bulleted lines are lists (lists.c) */
    bool text = false, figure = false;
    for (size_t k = 0; k < row->n; k++) {
        if (row->c[k].type == CELL_TEXT && zy_ends_with(s->norm.text, row->c[k].b, ":"))
            return false; /* "name: value" lines are lists (lists.c) */
        if (row->c[k].type == CELL_TEXT)
            text = true;
        else if (row->c[k].type == CELL_FIGURE && row->c[k].fig.kind != ZY_KIND_DATE &&
                 (!is_bare_year(&row->c[k].fig) || !text_with_digits(s->norm.text, row)))
            figure = true;
    }
    if (!text && figure && row->c[0].type == CELL_FIGURE &&
        ((row->c[0].fig.kind == ZY_KIND_DATE && row->c[0].fig.year) || is_bare_year(&row->c[0].fig)))
        return true; /* "2022年度 1,500 420", "| 2022 | 135 |": a row of a time series */
    if (!text || !figure)
        return false;
    /* "1.1 見出し", "3 まとめ": a number before words only is a numbered heading, not a row */
    size_t first_text = 0;
    while (row->c[first_text].type != CELL_TEXT)
        first_text++;
    for (size_t k = first_text + 1; k < row->n; k++)
        if (row->c[k].type == CELL_FIGURE)
            return true;
    return first_text >= 2;
}

/* "|---|:--:|": the line under a pipe table's header. */
static bool is_rule_line(const char *t, size_t a, size_t b)
{
    bool dash = false;
    for (size_t i = a; i < b; i++) {
        if (t[i] == '-')
            dash = true;
        else if (t[i] != '|' && t[i] != ':' && !is_blank(t[i]))
            return false;
    }
    return dash;
}

/* A group line inside a table: "(私立)", "(国公立) (世界では10%)" (brackets only). */
static bool is_group_line(size_t a, size_t b, const grow *row)
{
    if (b - a > 120 || row->n == 0)
        return false;
    for (size_t k = 0; k < row->n; k++)
        if (row->c[k].type != CELL_BRACKET)
            return false;
    return true;
}

/* A line of brackets only, such as a group label "(私立)", or of figures only, such as a chart's
 * axis ticks left in a copied page ("0 22,000,000"): inside a table, not a header. */
static bool is_bracket_line(const zy_scan_state *s, size_t l)
{
    grow row;
    if (!read_line(s, l, &row))
        return false;
    if (is_group_line(s->lines[l].start, s->lines[l].end, &row))
        return true;
    for (size_t k = 0; k < row.n; k++)
        if (row.c[k].type != CELL_FIGURE)
            return false;
    return row.n > 0;
}

/* A line that says only a unit: "(百万円)", "百万US$", or units in brackets, one a column:
 * "(百万ドル) (百万ドル) (%)". */
static bool is_unit_line(const zy_scan_state *s, size_t l)
{
    zy_figure unit;
    if (s->lines[l].end - s->lines[l].start <= 40 &&
        zy_rows_unit_in(s->norm.text, s->lines[l].start, s->lines[l].end, &unit))
        return true;
    grow row;
    split_line(s->norm.text, s->lines[l].start, s->lines[l].end, &row, false);
    if (row.n < 2 || row.n > GRID_CELLS)
        return false;
    for (size_t k = 0; k < row.n; k++)
        if (row.c[k].b - row.c[k].a < 2 || s->norm.text[row.c[k].a] != '(' ||
            !zy_rows_unit_in(s->norm.text, row.c[k].a, row.c[k].b, &unit))
            return false;
    return true;
}

typedef struct grid_block {
    size_t first, last;      /* lines of the rows, last exclusive */
    size_t head_first;       /* first header line (== first_body: none) */
    size_t first_body;       /* first line under the header (a rule or group line, or first) */
    long caption;            /* caption line, or -1 */
    long context;            /* the nearest line above for a year (may be a sentence), or -1 */
} grid_block;

/* A header line: short, no 。, not a row, not taken. */
static bool is_header_line(const zy_scan_state *s, size_t l)
{
    const zy_line *line = &s->lines[l];
    return !line->blank && !s->line_taken[l] && line->end - line->start <= 300 &&
           !has_period(s->norm.text, line->start, line->end);
}

/* "得票数:870票": a name and its value, a list's line (lists.c), never a table's caption. */
static bool says_name_value(const char *t, size_t a, size_t b)
{
    const char *colon = memchr(t + a, ':', b - a);
    if (!colon)
        return false;
    size_t v = (size_t)(colon - t) + 1;
    while (v < b && is_blank(t[v]))
        v++;
    if (zy_starts_with(t, b, v, "約"))
        v += strlen("約");
    return v < b && (is_digit(t[v]) || zy_starts_with(t, b, v, "▲") || t[v] == '-');
}

static void find_header(const zy_scan_state *s, grid_block *g)
{
    const char *t = s->norm.text;
    g->head_first = g->first;
    g->caption = -1;
    g->context = -1;
    size_t l = g->first;
    /* group lines and a |---| rule between header and rows belong to the table */
    while (l > 0 && !s->line_taken[l - 1] && !s->lines[l - 1].blank &&
           (is_rule_line(t, s->lines[l - 1].start, s->lines[l - 1].end) ||
            (is_bracket_line(s, l - 1) && !is_unit_line(s, l - 1))))
        l--;
    g->first_body = l;
    /* the nearest line above is the header; short lines above it continue it */
    while (l > 0 && g->first - l < GRID_HEADER_LINES && is_header_line(s, l - 1)) {
        size_t len = s->lines[l - 1].end - s->lines[l - 1].start;
        bool nearest = l == g->first_body;
        /* an indented line continues the one above it, however long ("2024年 …" over "  売上高 …") */
        if (!nearest && len > 36 && !is_blank(t[s->lines[l].start]))
            break;
        l--;
        if (nearest && len > 36 && !is_blank(t[s->lines[l].start]))
            break;
    }
    /* "(単位:億円)" on top of the header lines says the whole table's unit: it is the caption */
    if (l < g->first_body && l + 1 < g->first_body && is_unit_line(s, l)) {
        g->head_first = l + 1;
        g->caption = (long)l;
        g->context = (long)l;
        return;
    }
    g->head_first = l;
    /* caption: the line above the header (one blank line allowed), short and without 。 */
    size_t k = l;
    size_t blanks = 0;
    while (k > 0 && s->lines[k - 1].blank && blanks < 2) {
        k--;
        blanks++;
    }
    if (k > 0 && !s->line_taken[k - 1]) {
        const zy_line *c = &s->lines[k - 1];
        if (!c->blank) {
            g->context = (long)(k - 1);
            if (c->end - c->start <= 200 && !has_period(t, c->start, c->end) &&
                !says_name_value(t, c->start, c->end))
                g->caption = (long)(k - 1);
        }
    }
    if (g->head_first < g->first_body && g->caption < 0 && g->first_body - g->head_first >= 2) {
        /* several header lines and nothing above: the top one may be the caption */
        const zy_line *c = &s->lines[g->head_first];
        if (c->end - c->start > 36) {
            g->caption = (long)g->head_first;
            g->head_first++;
        }
    }
}

/* The header as cells: all header lines joined, brackets merged into the cell before them; or,
 * when the lines under the widest one are indented to stand over its cells ("2024年" over
 * "売上高" over "(百万ドル)"), those lines stacked onto the cells they stand over. */
typedef struct grid_header {
    size_t a[GRID_CELLS], b[GRID_CELLS]; /* header cell ranges (a bracket extends its cell) */
    size_t n;
    size_t pa[GRID_CELLS][GRID_HEADER_LINES], pb[GRID_CELLS][GRID_HEADER_LINES]; /* stacked parts */
    size_t parts[GRID_CELLS];
} grid_header;

/* The display column of t[at] in the line starting at line_a: ASCII one, other characters two,
 * a tab to the next multiple of eight. */
static size_t display_column(const char *t, size_t line_a, size_t at)
{
    size_t col = 0;
    for (size_t i = line_a; i < at; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == '\t')
            col = (col / 8 + 1) * 8;
        else if (c < 0x80)
            col++;
        else if (c >= 0xC0)
            col += 2;
    }
    return col;
}

/* The cell of the stacked header whose columns overlap [c0, c1) most (nearest when none do). */
static size_t cell_over(const zy_scan_state *s, const grid_header *h, size_t base_a, size_t c0, size_t c1)
{
    const char *t = s->norm.text;
    size_t best = 0;
    long best_overlap = -1000000;
    for (size_t k = 0; k < h->n; k++) {
        long h0 = (long)display_column(t, base_a, h->a[k]), h1 = (long)display_column(t, base_a, h->b[k]);
        long lo = h0 > (long)c0 ? h0 : (long)c0, hi = h1 < (long)c1 ? h1 : (long)c1;
        long overlap = hi - lo; /* negative: the gap between them */
        if (overlap > best_overlap) {
            best_overlap = overlap;
            best = k;
        }
    }
    return best;
}

/* The header line to stack onto, or -1: the widest of several lines (two cells at least), when
 * every other line is indented (its first cell does not start the line) or as wide. */
static long stacking_base(const zy_scan_state *s, const grid_block *g, bool subsplit)
{
    const char *t = s->norm.text;
    long base = -1;
    size_t widest = 0, lines = 0;
    for (size_t l = g->head_first; l < g->first_body; l++) {
        const zy_line *line = &s->lines[l];
        if (is_rule_line(t, line->start, line->end))
            continue;
        grow raw;
        split_line(t, line->start, line->end, &raw, subsplit);
        lines++;
        if (raw.n > widest && raw.n <= GRID_CELLS) {
            widest = raw.n;
            base = (long)l;
        }
    }
    if (lines < 2 || widest < 2 || subsplit)
        return -1;
    for (size_t l = g->head_first; l < g->first_body; l++) {
        const zy_line *line = &s->lines[l];
        if ((long)l == base || is_rule_line(t, line->start, line->end))
            continue;
        grow raw;
        split_line(t, line->start, line->end, &raw, subsplit);
        if (raw.n != widest && !is_blank(t[line->start]))
            return -1;
    }
    return base;
}

static void header_cells_of_line(const zy_scan_state *s, size_t l, bool subsplit, grid_header *h)
{
    const char *t = s->norm.text;
    const zy_line *line = &s->lines[l];
    grow raw;
    split_line(t, line->start, line->end, &raw, subsplit);
    for (size_t k = 0; k < raw.n && k < GRID_CELLS; k++) {
        size_t a = raw.c[k].a, b = raw.c[k].b;
        if (a == b)
            continue;
        if (t[a] == '(' && h->n > 0 && t[b - 1] == ')') {
            h->b[h->n - 1] = b; /* "売上高 (百万円)": the unit of the cell before */
            continue;
        }
        if (h->n < GRID_CELLS) {
            h->a[h->n] = a;
            h->b[h->n] = b;
            h->parts[h->n] = 0;
            h->n++;
        }
    }
}

/* Stack the cells of line l onto the cells of the base line they stand over. */
static void stack_line(const zy_scan_state *s, size_t l, size_t base_a, bool subsplit, grid_header *h)
{
    const char *t = s->norm.text;
    const zy_line *line = &s->lines[l];
    grow raw;
    split_line(t, line->start, line->end, &raw, subsplit);
    for (size_t k = 0; k < raw.n && k < GRID_CELLS; k++) {
        size_t a = raw.c[k].a, b = raw.c[k].b;
        if (a == b)
            continue;
        size_t c0 = display_column(t, line->start, a), c1 = display_column(t, line->start, b);
        size_t over = cell_over(s, h, base_a, c0, c1);
        if (h->parts[over] < GRID_HEADER_LINES) {
            h->pa[over][h->parts[over]] = a;
            h->pb[over][h->parts[over]++] = b;
        }
    }
}

static void read_header(const zy_scan_state *s, const grid_block *g, grid_header *h)
{
    const char *t = s->norm.text;
    h->n = 0;
    grow first;
    bool subsplit = read_line(s, g->first, &first) && first.subsplit;
    long base = stacking_base(s, g, subsplit);
    if (base >= 0) {
        header_cells_of_line(s, (size_t)base, subsplit, h);
        for (size_t l = g->head_first; l < g->first_body; l++)
            if ((long)l != base && !is_rule_line(t, s->lines[l].start, s->lines[l].end))
                stack_line(s, l, s->lines[base].start, subsplit, h);
        return;
    }
    for (size_t l = g->head_first; l < g->first_body; l++)
        if (!is_rule_line(t, s->lines[l].start, s->lines[l].end))
            header_cells_of_line(s, l, subsplit, h);
}

static bool header_says(const char *t, size_t a, size_t b, const char *const *words)
{
    for (size_t w = 0; words[w]; w++)
        if (zy_rows_contains(t, a, b, words[w]))
            return true;
    return false;
}

static const char *const rank_words[] = {"順位", "ランク", "Rank", "rank", "RANK", "No.", "#", NULL};
static const char *const code_words[] = {"コード", "code", "Code", "証券", "ティッカー", NULL};
static const char *const percent_words[] = {"%", "率", "シェア", "比", "割合", "増減", "伸び", NULL};

/* Does the header's head word (its end, brackets aside) say percent? "引用回数上位10%論文数"
 * counts papers; "比率" and "シェア" are percentages. */
static bool is_percent_header(const char *t, size_t a, size_t b)
{
    while (b > a && t[b - 1] == ')') {
        size_t open = b - 1;
        while (open > a && t[open] != '(')
            open--;
        if (open == a)
            break;
        b = open;
        while (b > a && is_blank(t[b - 1]))
            b--;
    }
    for (size_t w = 0; percent_words[w]; w++)
        if (zy_ends_with(t, b, percent_words[w]))
            return true;
    return false;
}
static const char *const name_words[] = {"名", "会社", "企業", "国", "機関", "大学", "銘柄", "省庁", "項目",
                                         "地域", "ブランド", "Brand", "brand", "Company", "メーカー",
                                         "団体", "組織", "都市", "府省", NULL};
static const char *const amount_words[] = {"数", "額", "率", "価値", "高", "比", NULL};

static bool is_rank_header(const char *t, size_t a, size_t b)
{
    if (header_says(t, a, b, rank_words))
        return true;
    /* 順 alone, or 位 that is not 単位 */
    if (b - a == 3 && zy_starts_with(t, b, a, "順"))
        return true;
    return b - a == 3 && zy_starts_with(t, b, a, "位");
}

static bool is_name_header(const char *t, size_t a, size_t b)
{
    return header_says(t, a, b, name_words) && !header_says(t, a, b, amount_words) &&
           !header_says(t, a, b, code_words) && !is_rank_header(t, a, b);
}

/* The length of a mark that says "rank" before its number: "No.1", "No 2", "#3"; 0 when none. */
static size_t rank_mark_len(const char *t, size_t a, size_t b)
{
    static const char *const marks[] = {"No.", "NO.", "no.", "No", "#", NULL};
    for (size_t k = 0; marks[k]; k++) {
        size_t n = strlen(marks[k]);
        if (a + n < b && memcmp(t + a, marks[k], n) == 0) {
            size_t d = a + n;
            while (d < b && t[d] == ' ')
                d++;
            return d < b && is_digit(t[d]) ? d - a : 0;
        }
    }
    return 0;
}

/* The number a row starts with, or -1: glued, the digits that open its first (text) cell
 * ("1アメリカ"); else a bare first cell before a name ("1 米国 (6070)"). */
static double leading_number(const char *t, const grow *row, bool glued)
{
    const gcell *c = &row->c[0];
    if (!glued)
        return c->type == CELL_FIGURE && c->fig.bare && row->n >= 2 && row->c[1].type == CELL_TEXT
                   ? c->fig.value : -1;
    size_t at = c->a + rank_mark_len(t, c->a, c->b);
    if (c->type != CELL_TEXT || !is_digit(t[at]))
        return -1;
    size_t d = at;
    while (d < c->b && is_digit(t[d]) && d - at < 4)
        d++;
    if (d >= c->b || is_digit(t[d]) || t[d] == '.' || t[d] == ',' || t[d] == '%')
        return -1;
    return atof(t + at);
}

/* What one pass over a block's rows tells: how many, the widest, and whether their first
 * column counts 1, 2, 3 … (ranks, not 20代 or a year), glued to the names or apart. */
typedef struct block_stats {
    size_t rows, widest;
    size_t counting[2];      /* rows that continue the count: [0] apart, [1] glued */
} block_stats;

static void read_stats(const zy_scan_state *s, const grid_block *g, block_stats *st)
{
    double last[2] = {0, 0};
    *st = (block_stats){0};
    for (size_t l = g->first; l < g->last; l++) {
        grow row;
        if (!read_line(s, l, &row) || !is_row(s, l, &row))
            continue;
        st->rows++;
        if (row.n > st->widest)
            st->widest = row.n;
        for (int glued = 0; glued < 2; glued++) {
            double v = leading_number(s->norm.text, &row, glued);
            if (v >= 1 && v == floor(v) && v > last[glued] && v <= last[glued] + 3 && (last[glued] > 0 || v <= 3)) {
                st->counting[glued]++;
                last[glued] = v;
            }
        }
    }
}

/* Does the first column count in at least tenths/10 of the rows? */
static bool first_column_counts(const block_stats *st, bool glued, size_t tenths)
{
    return st->rows >= 2 && st->counting[glued] * 10 >= st->rows * tenths;
}

/* Split "1アメリカ" into its rank and its name. */
static bool split_glued_rank(const char *t, gcell *name, zy_figure *rank)
{
    size_t at = name->a + rank_mark_len(t, name->a, name->b), d = at;
    while (d < name->b && is_digit(t[d]) && d - at < 4)
        d++;
    if (d == at || d >= name->b || is_digit(t[d]))
        return false;
    size_t rank_end = d;
    if (zy_starts_with(t, name->b, d, "位")) /* "1位:カモメ商事" */
        rank_end = d += 3;
    while (d < name->b && (t[d] == ':' || is_blank(t[d])))
        d++;
    if (d >= name->b)
        return false;
    *rank = (zy_figure){0};
    rank->start = name->a;
    rank->end = rank_end;
    rank->kind = ZY_KIND_RANK;
    rank->has_value = true;
    rank->value = atof(t + at);
    rank->unit = "rank";
    name->a = d;
    return true;
}

/* A bracket after a name that the dictionary knows as a country ((CN), (米), (JP)) is the row's
 * country, not an alias; other brackets (FMC) are aliases. */
static bool is_country_code(const zy_scan_state *s, size_t a, size_t b)
{
    return zy_rows_country((zy_scan_state *)s, a, b) != NULL;
}

typedef struct column_role {
    bool rank, skip;
    bool has_unit;
    zy_figure unit;          /* scale and unit for bare numbers */
    bool percent;            /* bare numbers are percentages */
    int year, month;         /* the column's time (month 0: the year only) */
    int second_year;         /* the time of bracketed second figures: "順位(前年)" */
    bool last_period_only;   /* the header is only "前回", "前年": last period's rank when the
                                table ranks */
    const char *measure;
    bool dates;              /* a date column worth keeping (設立, 発売) */
} column_role;

/* A header that is a month alone ("3月", "12月"): its number, else 0. */
static int header_month(const char *t, size_t a, size_t b)
{
    while (a < b && t[a] == ' ')
        a++;
    while (b > a && t[b - 1] == ' ')
        b--;
    int m = 0;
    size_t i = a;
    while (i < b && t[i] >= '0' && t[i] <= '9' && m < 100)
        m = m * 10 + (t[i++] - '0');
    return i > a && m >= 1 && m <= 12 && i + 3 == b && memcmp(t + i, "月", 3) == 0 ? m : 0;
}

/* Does a header bracket say the previous period: "(前年)", "(前回)", "(昨年)"? */
static bool says_last_year(const char *t, size_t a, size_t b)
{
    return zy_rows_contains(t, a, b, "前年") || zy_rows_contains(t, a, b, "前回") ||
           zy_rows_contains(t, a, b, "昨年") || zy_rows_contains(t, a, b, "前期");
}

/* Where the bracket of t[a, b) opens ("順位(前年)" → after 順位), or b. */
static size_t before_bracket(const char *t, size_t a, size_t b)
{
    const char *open = memchr(t + a, '(', b - a);
    return open ? (size_t)(open - t) : b;
}

/* Does a header cell name last period's figures ("前年順位", "前年度売上高", "前回"), not a
 * change against it ("前年比", "前年同期比", "前年差")? */
static bool names_last_period(const char *t, size_t a, size_t b)
{
    static const char *const words[] = {"前年度", "前年", "昨年度", "昨年", "前回", "前期", NULL};
    for (size_t i = a; i < b; i++)
        for (size_t w = 0; words[w]; w++) {
            size_t n = strlen(words[w]);
            if (i + n > b || memcmp(t + i, words[w], n) != 0)
                continue;
            size_t e = i + n;
            return !(zy_starts_with(t, b, e, "比") || zy_starts_with(t, b, e, "差") ||
                     zy_starts_with(t, b, e, "同期比") || zy_starts_with(t, b, e, "同月比") ||
                     zy_starts_with(t, b, e, "増減"));
        }
    return false;
}

/* Is the header cell only a word for last period ("前回", "前年", "昨年", "前年度")? */
static bool is_last_period_word(const char *t, size_t a, size_t b)
{
    static const char *const words[] = {"前回", "前年", "昨年", "前年度", "昨年度", NULL};
    for (size_t w = 0; words[w]; w++)
        if (strlen(words[w]) == b - a && memcmp(t + a, words[w], b - a) == 0)
            return true;
    return false;
}

/* The year of the bracketed second figures under a header cell "順位(前年)" or "順位(20年)":
 * the bracket's year, or the year before the column's; the column's year when no bracket. */
static int second_year_of(const zy_scan_state *s, size_t a, size_t b, int year)
{
    const char *t = s->norm.text;
    const char *open = memchr(t + a, '(', b - a);
    if (!open)
        return year;
    size_t o = (size_t)(open - t);
    int y = zy_rows_year_in(s, o, b, false);
    if (y)
        return y;
    return says_last_year(t, o, b) && year ? year - 1 : year;
}

static void role_of(zy_scan_state *s, const grid_header *h, long hc, const zy_figure *table_unit,
                    bool has_table_unit, int table_year, int table_month, column_role *r)
{
    const char *t = s->norm.text;
    *r = (column_role){0};
    r->year = table_year;
    r->month = table_month;
    r->second_year = table_year;
    r->has_unit = has_table_unit;
    if (has_table_unit)
        r->unit = *table_unit;
    if (hc < 0)
        return;
    size_t a = h->a[hc], b = h->b[hc];
    r->rank = is_rank_header(t, a, b);
    r->skip = header_says(t, a, b, code_words);
    zy_figure u;
    bool unit = zy_rows_unit_in(t, a, b, &u), percent = is_percent_header(t, a, b);
    int y = zy_rows_year_in(s, a, b, true);
    const char *measure = zy_measure_near(t, a, b, b, b, ZY_KIND_COUNT);
    /* the lines stacked under the cell say the rest: "2024年" / "売上高" / "(百万ドル)" */
    for (size_t p = 0; p < h->parts[hc]; p++) {
        size_t pa = h->pa[hc][p], pb = h->pb[hc][p];
        r->rank |= is_rank_header(t, pa, pb);
        r->skip |= header_says(t, pa, pb, code_words);
        if (!unit)
            unit = zy_rows_unit_in(t, pa, pb, &u);
        percent |= is_percent_header(t, pa, pb);
        if (!y)
            y = zy_rows_year_in(s, pa, pb, true);
        if (!measure)
            measure = zy_measure_near(t, pa, pb, pb, pb, ZY_KIND_COUNT);
    }
    if (unit) {
        r->has_unit = true;
        r->unit = u;
    } else if (percent) {
        r->percent = true;
    }
    int m = header_month(t, a, b);
    if (y) {
        r->year = y;
        r->month = 0;
        int pm = 0;
        if (zy_rows_period_in(s, a, b, &pm) == y) /* "2024年3月" */
            r->month = pm;
    } else if (m && table_year) {
        r->month = m; /* "1月 | 2月 | 3月" under a caption that names the year */
    } else if (table_year && names_last_period(t, a, before_bracket(t, a, b))) {
        r->year = table_year - 1; /* "前年順位" beside this year's */
        r->month = 0;
    }
    r->second_year = second_year_of(s, a, b, r->year);
    r->last_period_only = is_last_period_word(t, a, b);
    r->measure = r->rank ? "rank" : measure;
    const char *date_measure = zy_measure_near(t, a, a, a, b, ZY_KIND_DATE);
    /* a date column: 設立, 発売, or a header that names a day (上場日, 発表日, 日付) */
    r->dates = (date_measure && (strcmp(date_measure, "founded") == 0 || strcmp(date_measure, "release") == 0)) ||
               zy_ends_with(t, b, "日") || zy_ends_with(t, b, "日付") || zy_ends_with(t, b, "年月");
    if (!r->measure && r->dates)
        r->measure = date_measure;
}

/* Give a bare number its unit from the column; false when the cell is not a value to keep. */
/* A bare cell's value in a column of the given scale: "8,950" in 億円 is 8950億; "2兆5100" is
 * 2兆 and 5100億 (the cell writes its 兆 itself, the column's scale holds for the rest). */
static double scaled_cell(double v, double scale)
{
    static const double units[] = {1e12, 1e8, 1e4};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (scale < units[i] && scale > 1 && v >= units[i]) {
            double big = (double)(long long)(v / units[i]) * units[i];
            return big + (v - big) * scale;
        }
    return v * scale;
}

static bool apply_role(const column_role *r, zy_figure *f)
{
    if (r->skip)
        return false;
    if (f->kind == ZY_KIND_DATE)
        return r->dates;
    if (r->rank && f->kind == ZY_KIND_COUNT && f->bare && f->value >= 1 && f->value < 10000) {
        f->kind = ZY_KIND_RANK;
        f->unit = "rank";
        f->counter = NULL;
        f->bare = false;
        return true;
    }
    if (!f->bare)
        return true;
    if (r->percent) {
        if (f->value > 1000 || f->value < -1000)
            return false;
        f->kind = ZY_KIND_PERCENT;
        f->unit = "%";
    } else if (r->has_unit) {
        f->kind = r->unit.kind;
        f->unit = r->unit.unit;
        f->counter = r->unit.counter;
        f->value = scaled_cell(f->value, r->unit.value);
        if (f->has_value_max)
            f->value_max = scaled_cell(f->value_max, r->unit.value);
    } else {
        f->unit = "count";
    }
    f->bare = false;
    return true;
}

/* Does the row's cell pattern repeat (two tables side by side)? Returns the period, or n. */
static size_t side_by_side(const grow *row)
{
    for (size_t m = 2; m * 2 <= row->n; m++) {
        if (row->n % m != 0)
            continue;
        bool same = true, named = false;
        for (size_t k = 0; k < row->n && same; k++) {
            bool text = row->c[k].type == CELL_TEXT, ref = row->c[k % m].type == CELL_TEXT;
            same = text == ref;
            named |= text;
        }
        if (same && named)
            return m;
    }
    return row->n;
}

/* Does the header repeat with period m ("順 | 会社名 | 件数 | 順 | 会社名 | 件数")? */
static bool header_repeats(const char *t, const grid_header *h, size_t m)
{
    if (m == 0 || h->n < 2 * m)
        return false;
    for (size_t k = m; k < h->n; k++) {
        size_t r = k % m;
        if (h->b[k] - h->a[k] != h->b[r] - h->a[r] || memcmp(t + h->a[k], t + h->a[r], h->b[k] - h->a[k]) != 0)
            return false;
    }
    return true;
}

typedef struct grid_context {
    const grid_header *h;
    column_role roles[GRID_CELLS + 1]; /* by header cell; roles[GRID_CELLS]: no header cell */
    long name_header;        /* header cell naming the label column, or -1 */
    bool glued;
    bool lead_rank;          /* "1 米国 (6070)" with no header: the number before the name is a rank */
    long table_id;
    size_t row_index;
    int table_year, table_month;
    zy_subject subject;      /* the table's own subject (its caption's name), end 0: none */
    int side_year;           /* the year over this side of tables side by side, or 0 */
} grid_context;

static void emit_cell(zy_scan_state *s, grid_context *gc, const gcell *c, const column_role *role,
                      const zy_subject *sub, const char *time_override, size_t line, size_t col);

/* A row of a time series: its first cell is the time of the figures after it, whose subject is
 * the table's (named in its caption), when it has one. */
static void emit_time_row(zy_scan_state *s, grid_context *gc, const grow *row, size_t from, size_t to,
                          size_t line)
{
    char time[16];
    if (row->c[from].fig.kind == ZY_KIND_DATE)
        zy_scan_date_iso(s, &row->c[from].fig, time);
    else
        zy_rows_year_iso((int)row->c[from].fig.value, time); /* a bare 2022 under 年 */
    size_t width = to - from, hn = gc->h->n;
    for (size_t k = from + 1; k < to; k++) {
        if (row->c[k].type != CELL_FIGURE)
            continue;
        long hc = hn == width ? (long)(k - from) : hn + 1 == width ? (long)(k - from) - 1 : -1;
        const column_role *role = &gc->roles[hc >= 0 && hc < GRID_CELLS ? hc : GRID_CELLS];
        emit_cell(s, gc, &row->c[k], role, gc->subject.end ? &gc->subject : NULL, time, line, k - from);
    }
    gc->row_index++;
}

/* The header cell over row cell k of the row (or side) [from, to) whose name is cell name:
 * around the name column when the header names it, else one for one, else the header covers
 * the cells other than the name; -1 when none. */
static long header_cell_of(const grid_context *gc, const grow *row, size_t from, size_t to, long name, size_t k)
{
    size_t width = to - from, hn = gc->h->n, col = k - from;
    long hc = -1;
    if (hn == 0)
        return -1;
    if (gc->name_header >= 0 && row->pipes && hn > width && (long)k > name) {
        hc = (long)hn - (long)(to - k); /* a row short of cells: figures sit rightmost */
    } else if (gc->name_header >= 0) {
        /* before the name, cells line up from the left; after it, from the name */
        long cand = (long)k < name ? (long)col : gc->name_header + ((long)k - name);
        if (cand >= 0 && cand < (long)hn)
            hc = cand;
    } else if (row->pipes && hn > width && (long)k > name) {
        hc = (long)hn - (long)(to - k);
    } else if (hn == width) {
        hc = (long)col;
    } else if (hn + 1 == width) {
        hc = (long)col - ((long)k > name ? 1 : 0);
    } else if (hn < width) {
        long cand = (long)hn - (long)(to - k);
        hc = cand >= 0 ? cand : -1;
    } else {
        hc = (long)col;
    }
    return hc;
}

/* A header naming the country column: 国, 国名, 国・地域, 本社. */
static bool is_country_header(const char *t, size_t a, size_t b)
{
    static const char *const words[] = {"国", "国名", "国・地域", "国/地域", "本社", "本社所在地", "国籍", NULL};
    for (size_t w = 0; words[w]; w++)
        if (strlen(words[w]) == b - a && memcmp(t + a, words[w], b - a) == 0)
            return true;
    return false;
}

/* "ホシノ銀行 預金残高 52兆円": a last word that names the measure of the row's first figure
 * is not part of the name. Returns the name's end. */
static size_t name_without_measure(const char *t, const gcell *label, const grow *row, size_t from, size_t to)
{
    size_t space = label->b;
    while (space > label->a && t[space - 1] != ' ')
        space--;
    if (space <= label->a + 1)
        return label->b;
    for (size_t k = from; k < to; k++)
        if (row->c[k].type == CELL_FIGURE && row->c[k].a >= label->b) {
            const zy_figure *f = &row->c[k].fig;
            const char *with = zy_measure_near(t, space, row->c[k].a, row->c[k].b, row->c[k].b, f->kind);
            const char *without = zy_measure_near(t, label->b, row->c[k].a, row->c[k].b, row->c[k].b, f->kind);
            return with && with != without ? space - 1 : label->b;
        }
    return label->b;
}

/* Is the cell only a day or month written as digits: 12/3, 2024/12/3, 12月3日? */
static bool is_day_cell(const char *t, const gcell *c)
{
    size_t a = c->a, b = c->b, digits = 0, marks = 0;
    for (size_t i = a; i < b;) {
        if (t[i] >= '0' && t[i] <= '9') {
            digits++, i++;
        } else if (t[i] == '/' || t[i] == '.') {
            marks++, i++;
        } else if (i + 3 <= b && (memcmp(t + i, "月", 3) == 0 || memcmp(t + i, "日", 3) == 0 ||
                                  memcmp(t + i, "年", 3) == 0)) {
            marks++, i += 3;
        } else {
            return false;
        }
    }
    return digits >= 2 && marks >= 1 && digits <= 8;
}

/* Is the label only a period (2025年3月期, 2024年度, FY2024, 2024年)? Its ISO time into out. */
static bool period_label(zy_scan_state *s, const gcell *label, char out[16])
{
    const char *t = s->norm.text;
    static const char *const words[] = {"年", "月", "期", "度", "第", "四半", "上", "下", "通", "FY", " ", "/"};
    for (size_t i = label->a; i < label->b;) {
        if (t[i] >= '0' && t[i] <= '9') {
            i++;
            continue;
        }
        size_t n = 0;
        for (size_t w = 0; w < sizeof words / sizeof words[0] && !n; w++)
            if (zy_starts_with(t, label->b, i, words[w]))
                n = strlen(words[w]);
        if (!n)
            return false;
        i += n;
    }
    int month = 0, year = zy_rows_period_in(s, label->a, label->b, &month);
    if (!year)
        return false;
    zy_rows_time_iso(year, month, out);
    return true;
}

/* Record the figures of one row (or one side of a side-by-side row): cells [from, to). */
static void emit_row(zy_scan_state *s, grid_context *gc, const grow *row, size_t from, size_t to,
                     size_t line)
{
    const char *t = s->norm.text;
    long name = -1;
    for (size_t k = from; k < to; k++)
        if (row->c[k].type == CELL_TEXT) {
            name = (long)k;
            break;
        }
    if (name < 0) {
        if (row->c[from].type == CELL_FIGURE &&
            (row->c[from].fig.kind == ZY_KIND_DATE || is_bare_year(&row->c[from].fig)))
            emit_time_row(s, gc, row, from, to, line);
        return;
    }
    /* "12/3 | ノースリンク | 1,200円": a date before the name (an IPO calendar) is no owner */
    if (is_day_cell(t, &row->c[name]))
        for (size_t k = (size_t)name + 1; k < to; k++)
            if (row->c[k].type == CELL_TEXT) {
                name = (long)k;
                break;
            }
    gcell label = row->c[name];
    zy_figure glued_rank;
    bool has_glued = gc->glued && name == (long)from && split_glued_rank(t, &label, &glued_rank);
    if (label.b <= label.a)
        return;
    label.b = name_without_measure(t, &label, row, from, to);
    zy_subject sub;
    if (label.alias_b > label.alias_a && is_country_code(s, label.alias_a, label.alias_b)) {
        sub = zy_rows_subject(s, label.a, label.b, 0, 0);
        sub.country = zy_rows_country(s, label.alias_a, label.alias_b);
    } else {
        sub = zy_rows_subject(s, label.a, label.b, label.alias_a, label.alias_b);
    }
    /* a country column (国, 本社) gives the row's country */
    for (size_t k = from; k < to && gc->h->n > 0; k++) {
        long hc = (long)k == name || row->c[k].type != CELL_TEXT ? -1 : header_cell_of(gc, row, from, to, name, k);
        const char *country = hc >= 0 && is_country_header(t, gc->h->a[hc], gc->h->b[hc])
                                  ? zy_rows_country(s, row->c[k].a, row->c[k].b) : NULL;
        if (country)
            sub.country = country;
    }
    const zy_line *ln = &s->lines[line];
    if (has_glued) {
        char time[16];
        zy_rows_time_iso(gc->table_year, gc->table_month, time);
        zy_scan_add(s, &glued_rank, &sub, "rank", "table", ln->start, ln->end, time, gc->table_id,
                    (long)gc->row_index, (long)(name - (long)from));
    }
    /* "2025年3月期 | 84,210 | 6,120": a row labelled by its period is the block's company's
     * figures at that time */
    char period[16];
    const char *row_time = NULL;
    zy_subject owner;
    if (period_label(s, &label, period) && zy_block_owner(s, label.a, &owner)) {
        sub = owner;
        row_time = period;
    }
    for (size_t k = from; k < to; k++) {
        const gcell *c = &row->c[k];
        if (c->type != CELL_FIGURE)
            continue;
        size_t col = k - from;
        long hc = header_cell_of(gc, row, from, to, name, k);
        const column_role *role = &gc->roles[hc >= 0 && hc < GRID_CELLS ? hc : GRID_CELLS];
        column_role rank_role;
        if (gc->lead_rank && (long)k < name) {
            rank_role = *role;
            rank_role.rank = true;
            role = &rank_role;
        }
        emit_cell(s, gc, c, role, &sub, row_time, line, col);
    }
    gc->row_index++;
}

/* The year of a column's figures: the side's, over tables side by side, unless the column
 * names its own. */
static int column_year(const grid_context *gc, const column_role *role)
{
    return gc->side_year && role->year == gc->table_year ? gc->side_year : role->year;
}

/* Record a cell's figure (and its bracketed second one) with the column's role; time_override
 * is the row's own time in a time series, or NULL. */
static void emit_cell(zy_scan_state *s, grid_context *gc, const gcell *c, const column_role *role,
                      const zy_subject *sub, const char *time_override, size_t line, size_t col)
{
    const zy_line *ln = &s->lines[line];
    zy_figure f = c->fig;
    if (!apply_role(role, &f))
        return;
    char time[16];
    if (time_override)
        snprintf(time, sizeof time, "%s", time_override);
    else
        zy_rows_time_iso(f.kind == ZY_KIND_DATE ? 0 : column_year(gc, role), role->month, time);
    const char *measure = f.kind == ZY_KIND_RANK ? "rank" : role->measure;
    zy_scan_add(s, &f, sub, measure, "table", ln->start, ln->end, time, gc->table_id,
                (long)gc->row_index, (long)col);
    if (c->has_second) {
        zy_figure g = c->second;
        char second_time[16];
        if (time_override)
            snprintf(second_time, sizeof second_time, "%s", time_override);
        else
            zy_rows_time_iso(g.kind == ZY_KIND_DATE ? 0 : role->second_year,
                             role->second_year == role->year ? role->month : 0, second_time);
        if (apply_role(role, &g))
            zy_scan_add(s, &g, sub, measure, "table", ln->start, ln->end, second_time, gc->table_id,
                        (long)gc->row_index, (long)col);
    }
}


static bool one_cell_line(const zy_scan_state *s, size_t l)
{
    grow row;
    split_line(s->norm.text, s->lines[l].start, s->lines[l].end, &row, false);
    return row.n == 1;
}

/* A unit in brackets on the line under the table, as sources print it: "<(億ドル) 2009年、…>". */
static bool footnote_unit(zy_scan_state *s, const grid_block *g, zy_figure *unit)
{
    const char *t = s->norm.text;
    size_t l = g->last;
    while (l < s->nlines && l - g->last < 4 && s->lines[l].blank)
        l++;
    if (l >= s->nlines || s->lines[l].blank || s->line_taken[l])
        return false;
    const zy_line *line = &s->lines[l];
    if (line->end - line->start > 200 || !memchr(t + line->start, '(', line->end - line->start) ||
        memchr(t + line->start, '|', line->end - line->start))
        return false;
    grow next;
    if (l + 1 < s->nlines && read_line(s, l + 1, &next) && is_row(s, l + 1, &next))
        return false; /* the header of the next table ("株価(円)"), not a note under this one */
    /* only a bracket, not the whole line: a note that is a sentence names no unit */
    size_t open = line->start;
    while (open < line->end && t[open] != '(')
        open++;
    size_t close = open;
    while (close < line->end && t[close] != ')')
        close++;
    if (close >= line->end)
        return false;
    if (!zy_rows_unit_in(t, open, close + 1, unit))
        return false;
    s->line_taken[l] = true;
    return true;
}

/* A sentence just above the table that names its unit: "単位は10億米ドルです。", "(単位:億円)". */
static bool sentence_unit(const zy_scan_state *s, size_t l, zy_figure *unit)
{
    const char *t = s->norm.text;
    const zy_line *line = &s->lines[l];
    for (size_t i = line->start; i + 6 <= line->end; i++)
        if (zy_starts_with(t, line->end, i, "単位")) {
            size_t e = i;
            while (e < line->end && !zy_starts_with(t, line->end, e, "。"))
                e++;
            return zy_rows_unit_in(t, i, e, unit);
        }
    return false;
}

/* ---- a column's unit from the article's own repetition of a cell ---- */

#define CORROBORATE_SPAN 3072 /* bytes before and after a table searched for its repetition */
#define CORROBORATE_CELLS 64

typedef struct bare_cell {
    double value;
    long header;             /* its header cell, or GRID_CELLS when it has none */
} bare_cell;

/* The bare amounts of a block (not whole numbers: those are counts, ranks and years), with
 * the header cell each sits under. */
static size_t bare_cells(const zy_scan_state *s, const grid_block *g, const grid_context *gc, bare_cell *out)
{
    size_t n = 0;
    for (size_t l = g->first; l < g->last && n < CORROBORATE_CELLS; l++) {
        grow row;
        if (!read_line(s, l, &row) || !is_row(s, l, &row))
            continue;
        long name = -1;
        for (size_t k = 0; k < row.n && name < 0; k++)
            if (row.c[k].type == CELL_TEXT)
                name = (long)k;
        for (size_t k = 0; k < row.n && n < CORROBORATE_CELLS; k++) {
            const zy_figure *f = &row.c[k].fig;
            if (row.c[k].type != CELL_FIGURE || !f->bare || f->value < 10 || f->value >= 1e15 ||
                f->value == floor(f->value))
                continue;
            long hc = header_cell_of(gc, &row, 0, row.n, name, k);
            out[n++] = (bare_cell){f->value, hc >= 0 && hc < GRID_CELLS ? hc : GRID_CELLS};
        }
    }
    return n;
}

/* Columns of bare amounts whose unit no header gives: when the article's text says one of a
 * column's cells as money ("5556億600万円" for a cell 5556.06), that column is in that unit and
 * scale; other columns (従業員数) keep theirs. */
static void corroborate_columns(zy_scan_state *s, const grid_block *g, grid_context *gc)
{
    static const double scales[] = {1e3, 1e4, 1e6, 1e8, 1e9, 1e12};
    bare_cell cells[CORROBORATE_CELLS];
    size_t n = bare_cells(s, g, gc, cells);
    if (n == 0)
        return;
    const char *t = s->norm.text;
    /* the article's own text around the table, not the whole batch (a corpus of articles) */
    size_t from = s->lines[g->first].start, to = s->lines[g->last - 1].end;
    from = from > CORROBORATE_SPAN ? from - CORROBORATE_SPAN : 0;
    to = to + CORROBORATE_SPAN < s->norm.len ? to + CORROBORATE_SPAN : s->norm.len;
    for (size_t i = from; i < to; i++) {
        if (!is_digit(t[i]) || (i > 0 && (is_digit(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == ',')))
            continue;
        zy_figure f;
        if (!zy_figure_at(t, s->norm.len, i, false, &f) || f.end <= i)
            continue;
        i = f.end - 1;
        if (f.kind != ZY_KIND_MONEY || !f.has_value || f.has_value_max)
            continue;
        for (size_t k = 0; k < n; k++)
            for (size_t c = 0; c < sizeof scales / sizeof scales[0]; c++) {
                double want = cells[k].value * scales[c];
                column_role *role = &gc->roles[cells[k].header];
                if (want > 0 && f.value > want * (1 - 1e-9) && f.value < want * (1 + 1e-9) &&
                    !role->has_unit && !role->percent && !role->rank) {
                    role->has_unit = true;
                    role->unit = f;
                    role->unit.value = scales[c];
                    role->unit.bare = false;
                }
            }
    }
}

/* A sentence that introduces the table ("Xは次の通り。", "Xは以下のとおりです。"): X as its
 * caption. Returns the caption's end (0: none) and sets *a to its start. */
static size_t introduced_caption(const zy_scan_state *s, size_t l, size_t *a)
{
    static const char *const intros[] = {"は次の通り", "は次のとおり", "は以下の通り", "は以下のとおり",
                                         "は下記の通り", "は下記のとおり", "は次のよう", NULL};
    const char *t = s->norm.text;
    const zy_line *line = &s->lines[l];
    if (line->end - line->start > 200)
        return 0;
    for (size_t k = 0; intros[k]; k++) {
        size_t n = strlen(intros[k]);
        for (size_t i = line->start; i + n <= line->end; i++)
            if (memcmp(t + i, intros[k], n) == 0 && i > line->start) {
                *a = line->start;
                return i;
            }
    }
    return 0;
}

/* The name a table's caption (else the line above it) begins with: whose series it is. */
static zy_subject table_subject(zy_scan_state *s, const grid_block *g)
{
    zy_subject none = {0, 0, -1, NULL, NULL};
    long l = g->caption >= 0 ? g->caption : g->context;
    if (l < 0)
        return none;
    zy_entity_match m[4];
    size_t n = zy_entities_find(s->entities, s->norm.text, s->lines[l].start, s->lines[l].end, m, 4);
    if (n == 0)
        return none;
    return (zy_subject){m[0].start, m[0].end, m[0].entity, NULL, "table-caption"};
}


#define GRID_SIDES 4

/* A line of years only, one over each of tables side by side ("2023年      2024年"): their
 * years into years; returns how many (0: not such a line). */
static size_t side_years(const zy_scan_state *s, size_t l, int years[GRID_SIDES])
{
    grow raw;
    split_line(s->norm.text, s->lines[l].start, s->lines[l].end, &raw, false);
    if (raw.n < 2 || raw.n > GRID_SIDES)
        return 0;
    for (size_t k = 0; k < raw.n; k++) {
        int month;
        if (raw.c[k].b - raw.c[k].a > 24 ||
            !(years[k] = zy_rows_period_in(s, raw.c[k].a, raw.c[k].b, &month)))
            return 0;
    }
    return raw.n;
}

/* The caption above line l: the nearest line (one blank line allowed), short, without 。, not
 * taken; -1 when none. */
static long caption_above(const zy_scan_state *s, size_t l)
{
    size_t k = l, blanks = 0;
    while (k > 0 && s->lines[k - 1].blank && blanks < 2) {
        k--;
        blanks++;
    }
    if (k == 0 || s->line_taken[k - 1] || s->lines[k - 1].blank)
        return -1;
    const zy_line *c = &s->lines[k - 1];
    return c->end - c->start <= 200 && !has_period(s->norm.text, c->start, c->end) &&
                   !says_name_value(s->norm.text, c->start, c->end)
               ? (long)(k - 1) : -1;
}

/* "順位 | 前回 | 企業名": in a table that ranks, a column headed only 前回 or 前年 holds last
 * period's ranks. */
static void ranks_last_period(const grid_header *h, grid_context *gc)
{
    bool ranks = false;
    for (size_t c = 0; c < h->n; c++)
        ranks |= gc->roles[c].rank;
    for (size_t c = 0; c < h->n && ranks; c++)
        if (gc->roles[c].last_period_only && !gc->roles[c].has_unit && !gc->roles[c].percent) {
            gc->roles[c].rank = true;
            gc->roles[c].measure = "rank";
        }
}

/* What a table's header, caption and neighbours say, into gc: unit, year, column roles, the
 * name column, the table's subject and id; the block's lines are marked taken. False when the
 * table cannot be recorded. */
static bool begin_table(zy_scan_state *s, grid_block *g, grid_header *h, const block_stats *stats,
                        grid_context *gc, int side_year[GRID_SIDES], size_t *sides_out)
{
    const char *t = s->norm.text;
    /* the table's unit and year: a unit line among the header lines or the caption */
    zy_figure table_unit = {0};
    bool has_table_unit = false;
    if (g->caption >= 0)
        has_table_unit = zy_rows_unit_in(t, s->lines[g->caption].start, s->lines[g->caption].end, &table_unit);
    if (h->n == 1 && zy_rows_unit_in(t, h->a[0], h->b[0], &table_unit)) {
        has_table_unit = true; /* "百万US$" on a line of its own */
        h->n = 0;
    }
    if (!has_table_unit)
        has_table_unit = footnote_unit(s, g, &table_unit);
    if (!has_table_unit && g->context >= 0 && g->context != g->caption)
        has_table_unit = sentence_unit(s, (size_t)g->context, &table_unit);
    /* "2023年   2024年" over two tables side by side: each side's year; the caption is above */
    size_t sides = g->caption >= 0 ? side_years(s, (size_t)g->caption, side_year) : 0;
    *sides_out = sides;
    if (sides) {
        s->line_taken[g->caption] = true;
        g->caption = caption_above(s, (size_t)g->caption);
    }
    int year = 0, month = 0;
    if (g->caption >= 0)
        year = zy_rows_period_in(s, s->lines[g->caption].start, s->lines[g->caption].end, &month);
    if (!year && g->context >= 0)
        year = zy_rows_period_in(s, s->lines[g->context].start, s->lines[g->context].end, &month);
    if (!year) {
        year = zy_rows_lead_year(s);
        month = 0;
    }
    gc->table_year = year;
    gc->table_month = month;
    for (size_t c = 0; c < h->n; c++) {
        role_of(s, h, (long)c, &table_unit, has_table_unit, year, month, &gc->roles[c]);
        if (gc->name_header < 0 && is_name_header(t, h->a[c], h->b[c]))
            gc->name_header = (long)c;
    }
    role_of(s, h, -1, &table_unit, has_table_unit, year, month, &gc->roles[GRID_CELLS]);
    ranks_last_period(h, gc);
    if (!has_table_unit)
        corroborate_columns(s, g, gc);
    gc->subject = table_subject(s, g);
    gc->glued = first_column_counts(stats, true, 6); /* 1アメリカ */
    gc->lead_rank = h->n == 0 && first_column_counts(stats, false, 8); /* 1 米国 (6070) */
    size_t cap_line = g->caption >= 0 ? (size_t)g->caption : g->head_first;
    size_t cap_a = g->caption >= 0 ? s->lines[g->caption].start : 0;
    size_t cap_b = g->caption >= 0 ? s->lines[g->caption].end : 0;
    if (g->caption < 0 && g->context >= 0) /* "企業別の件数は次の通り。" introduces the table */
        cap_b = introduced_caption(s, (size_t)g->context, &cap_a);
    gc->table_id = zy_rows_add_table(s, s->lines[cap_line].start, cap_a, cap_b);
    if (gc->table_id < 0)
        return false;
    for (size_t l = g->head_first; l < g->last; l++)
        s->line_taken[l] = true;
    if (g->caption >= 0)
        s->line_taken[g->caption] = true;
    return true;
}

static void read_block(zy_scan_state *s, grid_block *g)
{
    const char *t = s->norm.text;
    find_header(s, g);
    grid_header h;
    read_header(s, g, &h);
    block_stats stats;
    read_stats(s, g, &stats);
    if (g->first_body - g->head_first >= 2 && h.n > stats.widest && one_cell_line(s, g->head_first)) {
        /* the top line over a header wider than any row is the caption ("出荷シェア") */
        g->caption = (long)g->head_first;
        g->head_first++;
        read_header(s, g, &h);
    }
    if (h.n == 0 && g->caption < 0 && stats.rows < 3)
        return; /* two bare "name figure" lines with nothing to say what they are: page debris
                   (いいね 120 / シェア 45) as often as a table */
    grid_context gc = {.h = &h, .name_header = -1};
    int side_year[GRID_SIDES];
    size_t sides = 0;
    if (!begin_table(s, g, &h, &stats, &gc, side_year, &sides))
        return;
    for (size_t l = g->first; l < g->last && s->status == ZY_OK; l++) {
        grow row, words;
        if (!read_line(s, l, &row) || !is_row(s, l, &row))
            continue;
        /* "アルファ半導体 米国" under "企業名 国": the words are two cells, as the header says */
        if (h.n > 0 && row.n != h.n && !row.pipes && read_line_as(s, l, &words, false, false) &&
            is_row(s, l, &words) && words.n == h.n)
            copy_row(&row, &words);
        size_t m = side_by_side(&row);
        if (m < row.n && h.n >= row.n && !header_repeats(t, &h, m))
            m = row.n; /* "企業名 売上高 本社 従業員数": the header names every cell, one table */
        for (size_t from = 0; from < row.n; from += m) {
            gc.side_year = sides > 1 && sides == row.n / m && m < row.n ? side_year[from / m] : 0;
            emit_row(s, &gc, &row, from, from + m, l);
        }
    }
}

/* The cheap test before a line is split: a row has a digit, and cells apart (a blank or a
 * pipe) or glued with a % ("HONOR15%16%"). */
static bool may_be_row(const zy_scan_state *s, size_t l)
{
    const char *t = s->norm.text;
    const zy_line *line = &s->lines[l];
    if (line->end - line->start > 600 && !memchr(t + line->start, '|', line->end - line->start) &&
        !memchr(t + line->start, '\t', line->end - line->start))
        return false; /* a long line split only by spaces is text, not a row */
    bool digit = false, apart = false;
    for (size_t i = s->lines[l].start; i < s->lines[l].end && !(digit && apart); i++) {
        char c = t[i];
        digit |= is_digit(c);
        apart |= c == ' ' || c == '\t' || c == '|' || c == '%';
    }
    return digit && apart;
}

/* Do two rows have the same cells (types, in order)? */
static bool same_shape(const grow *a, const grow *b)
{
    if (a->n != b->n)
        return false;
    for (size_t k = 0; k < a->n; k++)
        if (a->c[k].type != b->c[k].type)
            return false;
    return true;
}

/* ---- tables printed one cell a line: "順位" / "メーカー" / "シェア" / "1" / "アップル" / "18.7%" / "2" … ---- */

#define CELL_LINE_MAX 120   /* bytes: a cell on its own line is short */
#define CELL_LINES_WIDE 8   /* columns such a table may have */
#define CELL_RUN_MAX 1024   /* cell lines read as one run (a longer one goes on as the next) */

/* Line l as one typed cell: not blank, not a sentence, short; taken or not. */
static bool typed_line_cell(const zy_scan_state *s, size_t l, gcell *c)
{
    const char *t = s->norm.text;
    const zy_line *line = &s->lines[l];
    if (line->blank || line->period || line->end - line->start > CELL_LINE_MAX)
        return false;
    size_t a = line->start, b = line->end;
    while (a < b && is_blank(t[a]))
        a++;
    while (b > a && is_blank(t[b - 1]))
        b--;
    grow row;
    row.n = 0;
    row.pipes = true;
    row.subsplit = false;
    add_cell(&row, a, b, false);
    type_cells(t, &row);
    if (row.n != 1 || row.c[0].type == CELL_BRACKET || row.c[0].type == CELL_EMPTY ||
        (row.c[0].type == CELL_FIGURE && row.c[0].fig.kind == ZY_KIND_DATE))
        return false;
    *c = row.c[0];
    return true;
}

/* Line l, not taken by another reader, as one typed cell. */
static bool line_cell(const zy_scan_state *s, size_t l, gcell *c)
{
    return !s->line_taken[l] && typed_line_cell(s, l, c);
}

/* A run of cell lines as pages copy them: one cell a line, a blank line between cells or
 * none. Positions in the run index the lines. */
typedef struct cell_run {
    size_t line[CELL_RUN_MAX];
    size_t n;
} cell_run;

/* The cell lines from line l on, a single blank line between two allowed; returns the line
 * after the run. */
static size_t read_cell_run(const zy_scan_state *s, size_t l, cell_run *run)
{
    gcell c;
    run->n = 0;
    size_t k = l;
    while (k < s->nlines && run->n < CELL_RUN_MAX) {
        if (s->lines[k].blank) {
            if (k + 1 >= s->nlines || s->lines[k + 1].blank || run->n == 0)
                break;
            k++;
            continue;
        }
        if (!line_cell(s, k, &c))
            break;
        run->line[run->n++] = k++;
    }
    return k;
}

/* How many records of k cells follow from position p of the run, each with the cell types of
 * the first (a name and a figure at least). */
static size_t cell_line_records(const zy_scan_state *s, const cell_run *run, size_t p, size_t k)
{
    cell_type first[CELL_LINES_WIDE];
    bool text = false, figure = false;
    size_t records = 0;
    for (size_t r = p; r + k <= run->n; r += k) {
        for (size_t j = 0; j < k; j++) {
            gcell c;
            if (!typed_line_cell(s, run->line[r + j], &c))
                return records;
            if (records == 0) {
                first[j] = c.type;
                text |= c.type == CELL_TEXT;
                figure |= c.type == CELL_FIGURE;
            } else if (c.type != first[j]) {
                return records;
            }
        }
        if (records == 0 && !(text && figure))
            return 0;
        records++;
    }
    return records;
}

/* Do the k cells before position p head a table: one of them names the rank or the name
 * column (順位, 国名, 企業)? Menus (ホーム / ニュース) and share buttons (シェア / ツイート)
 * over numbered lines do not. */
static bool cell_lines_header(const zy_scan_state *s, const cell_run *run, size_t p, size_t k)
{
    for (size_t j = p - k; j < p; j++) {
        gcell c;
        if (typed_line_cell(s, run->line[j], &c) &&
            (is_rank_header(s->norm.text, c.a, c.b) || is_name_header(s->norm.text, c.a, c.b)))
            return true;
    }
    return false;
}

/* Record the table of n records of k cells from position p, under the k header cells before. */
static void read_cell_lines(zy_scan_state *s, const cell_run *run, size_t p, size_t k, size_t n)
{
    grid_block g = {.first = run->line[p], .last = run->line[p + n * k - 1] + 1,
                    .head_first = run->line[p - k], .first_body = run->line[p]};
    g.caption = caption_above(s, g.head_first);
    g.context = g.caption;
    grid_header h = {.n = 0};
    for (size_t j = p - k; j < p; j++) {
        gcell c;
        typed_line_cell(s, run->line[j], &c);
        h.a[h.n] = c.a;
        h.b[h.n] = c.b;
        h.parts[h.n++] = 0;
    }
    block_stats stats = {.rows = n, .widest = k};
    grid_context gc = {.h = &h, .name_header = -1};
    int side_year[GRID_SIDES];
    size_t sides;
    if (!begin_table(s, &g, &h, &stats, &gc, side_year, &sides))
        return;
    for (size_t r = 0; r < n && s->status == ZY_OK; r++) {
        grow row;
        row.n = 0;
        row.pipes = true;
        row.subsplit = false;
        for (size_t j = 0; j < k; j++) {
            gcell c;
            typed_line_cell(s, run->line[p + r * k + j], &c);
            split_trailing_bracket(s->norm.text, &c);
            row.c[row.n++] = c;
        }
        emit_row(s, &gc, &row, 0, k, run->line[p + r * k]);
    }
}

/* Read the tables of one run: at each figure, the k name cells before it may be a header
 * over records of k cells (the first figure lies in the first record). */
static void read_run_tables(zy_scan_state *s, const cell_run *run)
{
    size_t names = 0; /* name cells right before position q */
    for (size_t q = 0; q < run->n && s->status == ZY_OK; q++) {
        gcell c;
        typed_line_cell(s, run->line[q], &c);
        if (c.type != CELL_FIGURE) {
            names = c.type == CELL_TEXT ? names + 1 : 0;
            continue;
        }
        /* the width and the start that cover the most cells (a wrong width breaks the pattern
         * soon; a wrong start loses a record) */
        size_t best_k = 0, best_before = 0, best_n = 0;
        for (size_t k = names < CELL_LINES_WIDE ? names : CELL_LINES_WIDE; k >= 2; k--)
            for (size_t before = 0; before + k <= names && before < k; before++) {
                size_t n = cell_line_records(s, run, q - before, k);
                if (n >= 2 && n * k > best_n * best_k && cell_lines_header(s, run, q - before, k)) {
                    best_k = k;
                    best_before = before;
                    best_n = n;
                }
            }
        names = 0;
        if (best_n) {
            read_cell_lines(s, run, q - best_before, best_k, best_n);
            q = q - best_before + best_n * best_k - 1;
        }
    }
}

/* Tables printed one cell a line (see read_run_tables), blank lines between cells or not. */
static void scan_cell_lines(zy_scan_state *s)
{
    cell_run *run = malloc(sizeof *run);
    if (!run) {
        s->status = ZY_ERR_NOMEM;
        return;
    }
    for (size_t l = 0; l < s->nlines && s->status == ZY_OK;) {
        gcell c;
        if (!line_cell(s, l, &c)) {
            l++;
            continue;
        }
        size_t next = read_cell_run(s, l, run);
        if (run->n >= 6) /* a header of two and two records of two at least */
            read_run_tables(s, run);
        l = next > l ? next : l + 1;
    }
    free(run);
}

void zy_scan_grid(zy_scan_state *s)
{
    const char *t = s->norm.text;
    size_t n = s->nlines;
    for (size_t l = 0; l < n && s->status == ZY_OK; l++) {
        grow row;
        if (s->line_taken[l] || s->lines[l].period || s->lines[l].blank || !may_be_row(s, l) ||
            !read_line(s, l, &row) || !is_row(s, l, &row))
            continue;
        /* extend over rows, rule lines and group lines */
        size_t e = l + 1, rows = 1, last_row = l;
        for (; e < n && !s->line_taken[e]; e++) {
            const zy_line *line = &s->lines[e];
            if (line->blank) {
                /* a few blank lines inside a table, when a row of the same shape follows */
                size_t k = e;
                while (k < n && k - e < 4 && s->lines[k].blank)
                    k++;
                grow prev, next;
                if (k < n && k - e < 4 && !s->line_taken[k] && read_line(s, last_row, &prev) &&
                    read_line(s, k, &next) && is_row(s, k, &next) && same_shape(&prev, &next)) {
                    e = k - 1;
                    continue;
                }
                break;
            }
            if (is_rule_line(t, line->start, line->end))
                continue;
            grow next;
            if (!read_line(s, e, &next))
                break;
            if (is_row(s, e, &next)) {
                rows++;
                last_row = e;
                continue;
            }
            if (!is_group_line(line->start, line->end, &next))
                break;
        }
        if (rows < 2)
            continue;
        grid_block g = {.first = l, .last = last_row + 1};
        read_block(s, &g);
        l = last_row;
    }
    scan_cell_lines(s);
}
