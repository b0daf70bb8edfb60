/*
 * bar_data.c: bind table columns to bar-chart data, validate numbers, sort and cut
 * (see bar_data.h).
 */
#include "chart/bar_data.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Full-width forms of ASCII (０-９, ．, ，, －, ＋, ％) as ASCII; other bytes copied. Returns
 * the bytes of the character at p consumed and writes its ASCII form in *ascii (0: none). */
static size_t fold_fullwidth(const unsigned char *p, char *ascii)
{
    /* U+FF01..U+FF5E is EF BC 81..EF BD 9E: ASCII 0x21..0x7E */
    if (p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD) && p[2] >= 0x80 && p[2] <= 0xBF) {
        unsigned cp = 0xFF00 + ((unsigned)(p[1] - 0xBC) << 6) + (unsigned)(p[2] - 0x80);
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            *ascii = (char)(cp - 0xFF01 + 0x21);
            return 3;
        }
    }
    *ascii = 0;
    return 0;
}

bool zy_parse_cell_number(const char *text, double *out, const char **why)
{
    return zy_parse_cell_number_ex(text, out, NULL, why);
}

bool zy_parse_cell_number_ex(const char *text, double *out, bool *percent, const char **why)
{
    char clean[128];
    size_t n = 0;
    bool negate = false, has_percent = false;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        char ascii;
        size_t k = fold_fullwidth(p, &ascii);
        if (!k) {
            /* ▲ △ (accounting negatives) and U+2212 MINUS SIGN lead a negative number */
            if (strncmp((const char *)p, "▲", 3) == 0 || strncmp((const char *)p, "△", 3) == 0 ||
                strncmp((const char *)p, "\u2212", 3) == 0) {
                if (n > 0 || negate) {
                    *why = "is not a number";
                    return false;
                }
                negate = true;
                p += 3;
                continue;
            }
            if (strncmp((const char *)p, "\u3000", 3) == 0) { /* ideographic space */
                p += 3;
                continue;
            }
            ascii = (char)*p;
            k = 1;
        }
        p += k;
        if (ascii == ',' || ascii == ' ' || ascii == '\t' || ascii == '_')
            continue;
        if (ascii == '%' && !has_percent) {
            has_percent = true;
            continue;
        }
        if (has_percent) { /* nothing after the % */
            *why = "is not a number";
            return false;
        }
        if (n + 1 >= sizeof clean) {
            *why = "is too long to be a number";
            return false;
        }
        clean[n++] = ascii;
    }
    clean[n] = '\0';
    if (n == 0) {
        *why = "is empty";
        return false;
    }
    if (negate && (clean[0] == '-' || clean[0] == '+')) {
        *why = "is not a number";
        return false;
    }
    char lower[128];
    for (size_t i = 0; i <= n; i++)
        lower[i] = (char)((clean[i] >= 'A' && clean[i] <= 'Z') ? clean[i] + 32 : clean[i]);
    if (strstr(lower, "nan") || strstr(lower, "inf")) {
        *why = "is not a finite number";
        return false;
    }
    for (size_t i = 0; i < n; i++)
        if (!strchr("0123456789+-.eE", clean[i])) {
            *why = "is not a number";
            return false;
        }
    errno = 0;
    char *end;
    double v = strtod(clean, &end);
    if (end == clean || *end) {
        *why = "is not a number";
        return false;
    }
    if (errno == ERANGE && fabs(v) > 1) {
        *why = "is too large (beyond ±1.8e308)";
        return false;
    }
    if (!isfinite(v)) {
        *why = "is not a finite number";
        return false;
    }
    *out = negate ? -v : v;
    if (percent)
        *percent = has_percent;
    return true;
}

bool zy_bar_parse_ref(const char *text, bool percent, double *value, const char **label)
{
    const char *colon = strchr(text, ':');
    size_t n = colon ? (size_t)(colon - text) : strlen(text);
    char number[128];
    if (n == 0 || n >= sizeof number)
        return false;
    memcpy(number, text, n);
    number[n] = '\0';
    const char *why;
    bool cell_percent = false;
    if (!zy_parse_cell_number_ex(number, value, &cell_percent, &why))
        return false;
    if (percent && !cell_percent)
        *value *= 100;
    *label = colon ? colon + 1 : "";
    return true;
}

static long find_required(zy_diag *diag, const zy_table *t, const char *option,
                          const char *name)
{
    if (!name)
        return -1;
    long c = zy_table_find_column(t, name);
    if (c < 0) {
        char have[512] = "";
        for (size_t i = 0; i < t->ncols; i++) {
            if (i)
                strncat(have, ", ", sizeof have - strlen(have) - 1);
            strncat(have, zy_table_header(t, i), sizeof have - strlen(have) - 1);
        }
        zy_diag_fail(diag, ZY_ERR_USAGE, "%s:1: %s: no column named \"%s\" (columns: %s)", t->name,
                     option, name, have);
    }
    return c;
}

static size_t intern(char ***names, size_t *count, const char *name, bool *ok)
{
    for (size_t i = 0; i < *count; i++)
        if (strcmp((*names)[i], name) == 0)
            return i;
    char **grown = realloc(*names, (*count + 1) * sizeof **names);
    char *copy = strdup(name);
    if (!grown || !copy) {
        free(copy);
        if (grown)
            *names = grown;
        *ok = false;
        return 0;
    }
    *names = grown;
    grown[*count] = copy;
    return (*count)++;
}

double zy_bar_data_total(const zy_bar_data *d, size_t c)
{
    double sum = 0;
    for (size_t g = 0; g < d->ngroup; g++)
        if (d->present[c * d->ngroup + g])
            sum += d->values[c * d->ngroup + g];
    return sum;
}

bool zy_unit_is_rank(const char *unit)
{
    if (!unit)
        return false;
    while (*unit == ' ')
        unit++;
    size_t n = strlen(unit);
    while (n > 0 && unit[n - 1] == ' ')
        n--;
    return (n == strlen("位") && strncmp(unit, "位", n) == 0) ||
           (n == strlen("順位") && strncmp(unit, "順位", n) == 0) ||
           (n == 4 && strncmp(unit, "rank", 4) == 0);
}

/* The year a group's name starts with ("2024", "2024年", "2024年度"); false when it does not. */
static bool group_year(const char *name, double *year)
{
    char *end;
    errno = 0;
    *year = strtod(name, &end);
    return end != name && errno == 0 && isfinite(*year) && name[0] >= '0' && name[0] <= '9';
}

/* Put the groups of a rank table in time order when every name starts with a year, so the
 * last group is the latest (what ranks are ordered by and what a change is measured to). */
static void order_groups_by_year(zy_bar_data *d)
{
    double years[64];
    if (d->ngroup < 2 || d->ngroup > sizeof years / sizeof years[0])
        return;
    for (size_t g = 0; g < d->ngroup; g++)
        if (!group_year(d->groups[g], &years[g]))
            return;
    /* insertion sort of the columns: few groups, stable */
    for (size_t g = 1; g < d->ngroup; g++)
        for (size_t k = g; k > 0 && years[k - 1] > years[k]; k--) {
            double y = years[k - 1];
            years[k - 1] = years[k], years[k] = y;
            char *name = d->groups[k - 1];
            d->groups[k - 1] = d->groups[k], d->groups[k] = name;
            for (size_t c = 0; c < d->ncat; c++) {
                size_t a = c * d->ngroup + k - 1, b = a + 1;
                double v = d->values[a];
                d->values[a] = d->values[b], d->values[b] = v;
                bool p = d->present[a];
                d->present[a] = d->present[b], d->present[b] = p;
            }
        }
}

/* Categories are ordered by (primary, secondary, tertiary, first-seen index), ascending. */
typedef struct sort_key {
    size_t index;
    double primary, secondary, tertiary;
} sort_key;

static int by_key(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    if (x->primary != y->primary)
        return x->primary > y->primary ? 1 : -1;
    if (x->secondary != y->secondary)
        return x->secondary > y->secondary ? 1 : -1;
    if (x->tertiary != y->tertiary)
        return x->tertiary > y->tertiary ? 1 : -1;
    return x->index < y->index ? -1 : 1;
}

/* A rank table reads best first by each category's latest rank (groups are in time order),
 * a tie by the more recent of the two, then by the rank before it. `worst_first` reverses
 * the order. */
static sort_key rank_key(const zy_bar_data *d, size_t c, bool worst_first)
{
    double latest = INFINITY, before = INFINITY, when = 0;
    size_t g = d->ngroup;
    while (g > 0 && !d->present[c * d->ngroup + g - 1])
        g--;
    if (g > 0) {
        latest = d->values[c * d->ngroup + g - 1];
        when = -(double)g; /* the more recent first */
        while (--g > 0 && !d->present[c * d->ngroup + g - 1])
            ;
        if (g > 0)
            before = d->values[c * d->ngroup + g - 1];
    }
    if (worst_first)
        return (sort_key){c, -latest, -when, -before};
    return (sort_key){c, latest, when, before};
}

static sort_key total_key(const zy_bar_data *d, size_t c, bool descending)
{
    double total = zy_bar_data_total(d, c);
    return (sort_key){c, descending ? -total : total, 0, 0};
}

/* Reorder categories (by total; ranks best first) and keep the first `top`. */
static zy_status sort_and_cut(zy_bar_data *d, zy_sort sort, size_t top)
{
    size_t keep = top && top < d->ncat ? top : d->ncat;
    sort_key *keys = malloc(d->ncat * sizeof *keys);
    char **cats = malloc(d->ncat * sizeof *cats);
    double *vals = malloc(d->ncat * d->ngroup * sizeof *vals);
    bool *pres = malloc(d->ncat * d->ngroup * sizeof *pres);
    size_t *colors = d->category_color ? malloc(d->ncat * sizeof *colors) : NULL;
    size_t *quals = d->category_qualifier ? malloc(d->ncat * sizeof *quals) : NULL;
    if (!keys || !cats || !vals || !pres || (d->category_color && !colors) || (d->category_qualifier && !quals)) {
        free(keys), free(cats), free(vals), free(pres), free(colors), free(quals);
        return ZY_ERR_NOMEM;
    }
    for (size_t c = 0; c < d->ncat; c++)
        keys[c] = d->rank ? rank_key(d, c, sort == ZY_SORT_ASC)
                          : total_key(d, c, sort == ZY_SORT_DESC);
    if (d->rank || sort != ZY_SORT_NONE)
        qsort(keys, d->ncat, sizeof *keys, by_key);
    for (size_t i = 0; i < d->ncat; i++) {
        size_t from = keys[i].index;
        cats[i] = d->categories[from];
        memcpy(vals + i * d->ngroup, d->values + from * d->ngroup, d->ngroup * sizeof *vals);
        memcpy(pres + i * d->ngroup, d->present + from * d->ngroup, d->ngroup * sizeof *pres);
        if (colors)
            colors[i] = d->category_color[from];
        if (quals)
            quals[i] = d->category_qualifier[from];
    }
    for (size_t i = keep; i < d->ncat; i++)
        free(cats[i]);
    free(d->categories), free(d->values), free(d->present), free(d->category_color);
    free(d->category_qualifier);
    d->category_qualifier = quals;
    d->categories = cats;
    d->values = vals;
    d->present = pres;
    d->category_color = colors;
    d->ncat = keep;
    free(keys);
    return ZY_OK;
}

/* A 100 % stack: each category's parts as shares of its total. Negative parts have no share. */
static zy_status to_shares(zy_diag *diag, zy_bar_data *d, const char *name)
{
    for (size_t c = 0; c < d->ncat; c++) {
        double total = 0;
        for (size_t g = 0; g < d->ngroup; g++) {
            size_t i = c * d->ngroup + g;
            if (!d->present[i])
                continue;
            if (d->values[i] < 0)
                return zy_diag_fail(diag, ZY_ERR_DATA,
                                    "%s: \"%s\" has a negative part, and --stack percent needs "
                                    "parts of zero or more",
                                    name, d->categories[c]);
            total += d->values[i];
        }
        for (size_t g = 0; g < d->ngroup; g++)
            if (d->present[c * d->ngroup + g])
                d->values[c * d->ngroup + g] = total > 0 ? d->values[c * d->ngroup + g] * 100 / total : 0;
    }
    d->percent = true;
    return ZY_OK;
}

/* Flag the categories named by --highlight; a name that is no category is an error. */
static zy_status mark_highlights(zy_diag *diag, zy_bar_data *d, const zy_bar_options *o)
{
    d->highlight = calloc(d->ncat ? d->ncat : 1, sizeof *d->highlight);
    if (!d->highlight)
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    for (size_t h = 0; h < o->nhighlight; h++) {
        bool found = false;
        for (size_t c = 0; c < d->ncat; c++)
            if (strcmp(d->categories[c], o->highlights[h]) == 0)
                d->highlight[c] = found = true;
        if (!found)
            return zy_diag_fail(diag, ZY_ERR_USAGE,
                                "--highlight %s: no bar has this label (labels are matched "
                                "exactly)",
                                o->highlights[h]);
    }
    return ZY_OK;
}

/* A copy of a category label as a chart can show it: at most three lines and 4 KiB (cut at
 * a character), with … where it was cut; a 5,000-line cell is clipped, not refused. */
static char *clipped_label(const char *label)
{
    size_t n = strlen(label), lines = 0, cut = n;
    for (size_t i = 0; i < n && cut == n; i++)
        if (label[i] == '\n' && ++lines == 3)
            cut = i;
    if (cut > 4096) {
        cut = 4096;
        while (cut > 0 && ((unsigned char)label[cut] & 0xC0) == 0x80)
            cut--;
    }
    if (cut == n)
        return strdup(label);
    char *out = malloc(cut + 4);
    if (out) {
        memcpy(out, label, cut);
        memcpy(out + cut, "\xE2\x80\xA6", 4); /* … and the NUL */
    }
    return out;
}

zy_status zy_bar_data_from_table(zy_diag *diag, const zy_table *t, const zy_bar_options *o,
                                 zy_bar_data **out)
{
    *out = NULL;
    if (!o->label_column || !o->value_column)
        return zy_diag_fail(diag, ZY_ERR_USAGE, "--label and --value name the columns to chart");
    if (o->color_column && o->group_column)
        return zy_diag_fail(diag, ZY_ERR_USAGE,
                            "--color and --group cannot be combined (groups already have colours)");
    long label_col = find_required(diag, t, "--label", o->label_column);
    long value_col = label_col < 0 ? -1 : find_required(diag, t, "--value", o->value_column);
    long color_col = value_col < 0 ? -1 : find_required(diag, t, "--color", o->color_column);
    long group_col = value_col < 0 ? -1 : find_required(diag, t, "--group", o->group_column);
    long qual_col = value_col < 0 ? -1 : find_required(diag, t, "qualifier", o->qualifier_column);
    if (label_col < 0 || value_col < 0 || (o->color_column && color_col < 0) ||
        (o->group_column && group_col < 0) || (o->qualifier_column && qual_col < 0))
        return diag->status;

    if (o->stack && !o->group_column)
        return zy_diag_fail(diag, ZY_ERR_USAGE,
                            "--stack needs --group COL: the column whose values are stacked in "
                            "each bar");
    if (o->dumbbell && !o->group_column)
        return zy_diag_fail(diag, ZY_ERR_USAGE,
                            "--dumbbell needs --group COL: the column naming the two groups "
                            "(2020, 2024) whose dots are joined");
    zy_bar_data *d = calloc(1, sizeof *d);
    if (!d)
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    d->has_groups = group_col >= 0;
    d->stack = o->stack && d->has_groups;
    d->rank = zy_unit_is_rank(o->unit) && !o->log_scale;
    if (d->rank)
        d->stack = false; /* ranks do not add up */
    bool ok = true;
    size_t rows = t->nrows;
    /* groups first, so the value matrix has its final width */
    if (d->has_groups) {
        for (size_t r = 0; r < rows && ok; r++)
            intern(&d->groups, &d->ngroup, zy_table_cell(t, r, (size_t)group_col), &ok);
    } else {
        intern(&d->groups, &d->ngroup, "", &ok);
    }
    size_t cap = rows;
    d->categories = calloc(cap, sizeof *d->categories);
    d->values = calloc(cap * d->ngroup, sizeof *d->values);
    d->present = calloc(cap * d->ngroup, sizeof *d->present);
    if (color_col >= 0)
        d->category_color = calloc(cap, sizeof *d->category_color);
    if (qual_col >= 0)
        d->category_qualifier = calloc(cap, sizeof *d->category_qualifier);
    if (!ok || !d->categories || !d->values || !d->present ||
        (color_col >= 0 && !d->category_color) || (qual_col >= 0 && !d->category_qualifier)) {
        zy_bar_data_destroy(d);
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    }
    zy_status st = ZY_OK;
    for (size_t r = 0; r < rows && st == ZY_OK; r++) {
        const char *label = zy_table_cell(t, r, (size_t)label_col);
        const char *cell = zy_table_cell(t, r, (size_t)value_col);
        size_t line = zy_table_cell_line(t, r, (size_t)value_col);
        double v;
        const char *why = NULL;
        bool cell_percent = false;
        if (!zy_parse_cell_number_ex(cell, &v, &cell_percent, &why)) {
            st = zy_diag_fail(diag, ZY_ERR_DATA, "%s:%zu:%ld: column \"%s\": \"%.60s\" %s", t->name,
                              line, value_col + 1, o->value_column, cell, why);
            break;
        }
        if (o->percent && !cell_percent)
            v *= 100; /* a fraction: 0.425 is 42.5 % */
        d->percent |= cell_percent || o->percent;
        if (d->rank && v < 1) {
            st = zy_diag_fail(diag, ZY_ERR_DATA,
                              "%s:%zu:%ld: column \"%s\": %s is not a rank (ranks start at 1位; "
                              "row \"%s\")",
                              t->name, line, value_col + 1, o->value_column, cell, label);
            break;
        }
        if (o->log_scale && v <= 0) {
            st = zy_diag_fail(diag, ZY_ERR_DATA,
                              "%s:%zu:%ld: column \"%s\": %s is not positive, and --log needs "
                              "values above zero (row \"%s\")",
                              t->name, line, value_col + 1, o->value_column, cell, label);
            break;
        }
        /* a category per row, or per distinct label when grouping */
        size_t c = d->ncat;
        if (d->has_groups)
            for (size_t i = 0; i < d->ncat; i++)
                if (strcmp(d->categories[i], label) == 0)
                    c = i;
        if (c == d->ncat) {
            d->categories[c] = clipped_label(label);
            if (!d->categories[c]) {
                st = zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
                break;
            }
            d->ncat++;
            if (color_col >= 0)
                d->category_color[c] = intern(&d->color_names, &d->ncolor,
                                              zy_table_cell(t, r, (size_t)color_col), &ok);
            if (qual_col >= 0)
                d->category_qualifier[c] = intern(&d->qualifier_names, &d->nqualifier,
                                                  zy_table_cell(t, r, (size_t)qual_col), &ok);
        }
        size_t g = 0;
        if (d->has_groups)
            g = intern(&d->groups, &d->ngroup, zy_table_cell(t, r, (size_t)group_col), &ok);
        if (d->present[c * d->ngroup + g]) {
            st = zy_diag_fail(diag, ZY_ERR_DATA, "%s:%zu: \"%s\" has two values for group \"%s\"",
                              t->name, line, label, d->groups[g]);
            break;
        }
        d->values[c * d->ngroup + g] = v;
        d->present[c * d->ngroup + g] = true;
        if (!ok)
            st = zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    }
    if (st == ZY_OK) {
        for (size_t c = 0; c < d->ncat && st == ZY_OK; c++)
            if (!isfinite(zy_bar_data_total(d, c)))
                st = zy_diag_fail(diag, ZY_ERR_DATA,
                                  "%s: the values of \"%s\" add up beyond ±1.8e308", t->name,
                                  d->categories[c]);
    }
    if (st == ZY_OK && d->rank)
        order_groups_by_year(d);
    if (st == ZY_OK && sort_and_cut(d, o->sort, o->top) != ZY_OK)
        st = zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    if (st == ZY_OK && d->stack && o->stack_percent)
        st = to_shares(diag, d, t->name);
    if (st == ZY_OK && o->nhighlight)
        st = mark_highlights(diag, d, o);
    if (st) {
        zy_bar_data_destroy(d);
        return st;
    }
    *out = d;
    return ZY_OK;
}

void zy_bar_data_destroy(zy_bar_data *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->ncat; i++)
        free(d->categories[i]);
    for (size_t i = 0; i < d->ngroup; i++)
        free(d->groups[i]);
    for (size_t i = 0; i < d->ncolor; i++)
        free(d->color_names[i]);
    for (size_t i = 0; i < d->nqualifier; i++)
        free(d->qualifier_names[i]);
    free(d->categories), free(d->groups), free(d->color_names), free(d->qualifier_names);
    free(d->values), free(d->present), free(d->category_color), free(d->category_qualifier);
    free(d->highlight);
    free(d);
}
