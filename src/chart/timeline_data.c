/*
 * timeline_data.c: events from a table, with dates checked and placed in time
 * (see timeline_data.h).
 */
#include "chart/timeline_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double zy_days_from_civil(int y, int m, int d)
{
    /* Howard Hinnant's days_from_civil, in doubles */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (double)(era * 146097 + doe - 719468);
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* Read an unsigned number at *p; false when there is none. */
static bool read_int(const char **p, int *out, int max_digits)
{
    int v = 0, n = 0;
    while (**p >= '0' && **p <= '9' && n < max_digits) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *out = v;
    return n > 0 && !(**p >= '0' && **p <= '9');
}

/* Skip one separator: '-', '/', '.', or the Japanese 年/月. */
static bool skip_sep(const char **p, const char *kanji)
{
    if (**p == '-' || **p == '/' || **p == '.') {
        (*p)++;
        return true;
    }
    size_t n = strlen(kanji);
    if (strncmp(*p, kanji, n) == 0) {
        *p += n;
        return true;
    }
    return false;
}

bool zy_parse_event_date(const char *text, int *y, int *m, int *d, zy_precision *prec)
{
    const char *p = text;
    while (*p == ' ')
        p++;
    *m = *d = 0;
    if (!read_int(&p, y, 4) || *y < 1 || *y > 9999)
        return false;
    *prec = ZY_PRECISION_YEAR;
    if (skip_sep(&p, "年") && *p) {
        if (!read_int(&p, m, 2) || *m < 1 || *m > 12)
            return false;
        *prec = ZY_PRECISION_MONTH;
        if (skip_sep(&p, "月") && *p) {
            if (!read_int(&p, d, 2) || *d < 1 || *d > days_in_month(*y, *m))
                return false;
            *prec = ZY_PRECISION_DAY;
            if (strncmp(p, "日", 3) == 0)
                p += 3;
        }
    }
    while (*p == ' ')
        p++;
    return *p == '\0';
}

static long find_column(zy_diag *diag, const zy_table *t, const char *option, const char *name)
{
    long c = zy_table_find_column(t, name);
    if (c < 0)
        zy_diag_fail(diag, ZY_ERR_USAGE, "%s:1: %s: no column named \"%s\"", t->name, option, name);
    return c;
}

static int by_time(const void *a, const void *b)
{
    const zy_event *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return strcmp(x->label, y->label);
}

static bool parse_bound(const char *text, double *out, bool end)
{
    int y, m, d;
    zy_precision p;
    if (!zy_parse_event_date(text, &y, &m, &d, &p))
        return false;
    if (p == ZY_PRECISION_YEAR)
        *out = end ? zy_days_from_civil(y + 1, 1, 1) : zy_days_from_civil(y, 1, 1);
    else if (p == ZY_PRECISION_MONTH)
        *out = end ? zy_days_from_civil(y, m, 1) + days_in_month(y, m) : zy_days_from_civil(y, m, 1);
    else
        *out = zy_days_from_civil(y, m, d) + (end ? 1 : 0);
    return true;
}

zy_status zy_timeline_data_from_table(zy_diag *diag, const zy_table *t,
                                      const zy_timeline_options *o, zy_timeline_data **out)
{
    *out = NULL;
    if (!o->date_column || !o->label_column)
        return zy_diag_fail(diag, ZY_ERR_USAGE, "--date and --label name the columns of a timeline");
    long dc = find_column(diag, t, "--date", o->date_column);
    long lc = dc < 0 ? -1 : find_column(diag, t, "--label", o->label_column);
    long ln = lc < 0 || !o->lane_column ? -1 : find_column(diag, t, "--lane", o->lane_column);
    if (dc < 0 || lc < 0 || (o->lane_column && ln < 0))
        return diag->status;
    double from = 0, to = 0;
    bool has_from = o->from && *o->from, has_to = o->to && *o->to;
    if (has_from && !parse_bound(o->from, &from, false))
        return zy_diag_fail(diag, ZY_ERR_USAGE, "--from %s: expected a date such as 2024-01-01", o->from);
    if (has_to && !parse_bound(o->to, &to, true))
        return zy_diag_fail(diag, ZY_ERR_USAGE, "--to %s: expected a date such as 2025-12-31", o->to);
    if (has_from && has_to && to <= from)
        return zy_diag_fail(diag, ZY_ERR_USAGE, "--from %s is not before --to %s", o->from, o->to);
    zy_timeline_data *d = calloc(1, sizeof *d);
    if (!d)
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    d->events = calloc(t->nrows ? t->nrows : 1, sizeof *d->events);
    d->has_lanes = ln >= 0;
    zy_status st = d->events ? ZY_OK : ZY_ERR_NOMEM;
    for (size_t r = 0; st == ZY_OK && r < t->nrows; r++) {
        const char *cell = zy_table_cell(t, r, (size_t)dc);
        zy_event e = {0};
        if (!zy_parse_event_date(cell, &e.year, &e.month, &e.day, &e.precision)) {
            st = zy_diag_fail(diag, ZY_ERR_DATA,
                              "%s:%zu:%ld: column \"%s\": \"%.40s\" is not a date (expected "
                              "2025-01-20, 2025-01 or 2025)",
                              t->name, zy_table_cell_line(t, r, (size_t)dc), dc + 1, o->date_column, cell);
            break;
        }
        char when[48];
        if (e.precision == ZY_PRECISION_DAY) {
            e.start = zy_days_from_civil(e.year, e.month, e.day);
            e.end = e.start;
            snprintf(when, sizeof when, "%d年%d月%d日", e.year, e.month, e.day);
        } else if (e.precision == ZY_PRECISION_MONTH) {
            e.start = zy_days_from_civil(e.year, e.month, 1);
            e.end = e.start + days_in_month(e.year, e.month);
            snprintf(when, sizeof when, "%d年%d月", e.year, e.month);
        } else {
            e.start = zy_days_from_civil(e.year, 1, 1);
            e.end = zy_days_from_civil(e.year + 1, 1, 1);
            snprintf(when, sizeof when, "%d年", e.year);
        }
        if ((has_from && e.end < from) || (has_to && e.start >= to))
            continue; /* outside --from/--to */
        if (d->has_lanes) {
            const char *lane = zy_table_cell(t, r, (size_t)ln);
            size_t k = 0;
            while (k < d->nlane && strcmp(d->lanes[k], lane) != 0)
                k++;
            if (k == d->nlane) {
                char **grown = realloc(d->lanes, (d->nlane + 1) * sizeof *grown);
                if (!grown || !(grown[d->nlane] = strdup(lane))) {
                    if (grown)
                        d->lanes = grown;
                    st = ZY_ERR_NOMEM;
                    break;
                }
                d->lanes = grown;
                d->nlane++;
            }
            e.lane = k;
        }
        e.label = strdup(zy_table_cell(t, r, (size_t)lc));
        e.date_text = strdup(when);
        if (!e.label || !e.date_text) {
            free(e.label), free(e.date_text);
            st = ZY_ERR_NOMEM;
            break;
        }
        d->events[d->nevent++] = e;
    }
    if (st == ZY_OK && !d->has_lanes) {
        d->lanes = calloc(1, sizeof *d->lanes);
        if (!d->lanes || !(d->lanes[0] = strdup("")))
            st = ZY_ERR_NOMEM;
        else
            d->nlane = 1;
    }
    if (st == ZY_OK && d->nevent == 0)
        st = zy_diag_fail(diag, ZY_ERR_DATA, "%s: no events to draw%s", t->name,
                          has_from || has_to ? " between --from and --to" : "");
    if (st) {
        if (st == ZY_ERR_NOMEM && diag->status == ZY_OK)
            zy_diag_fail(diag, st, "out of memory");
        zy_timeline_data_destroy(d);
        return st;
    }
    qsort(d->events, d->nevent, sizeof *d->events, by_time);
    double lo = d->events[0].start, hi = d->events[0].end;
    for (size_t i = 0; i < d->nevent; i++) {
        if (d->events[i].start < lo)
            lo = d->events[i].start;
        if (d->events[i].end > hi)
            hi = d->events[i].end;
    }
    d->from = has_from ? from : lo;
    d->to = has_to ? to : hi;
    if (d->to - d->from < 2) {
        d->from -= 1;
        d->to += 1;
    }
    *out = d;
    return ZY_OK;
}

void zy_timeline_data_destroy(zy_timeline_data *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nevent; i++)
        free(d->events[i].label), free(d->events[i].date_text);
    for (size_t i = 0; i < d->nlane; i++)
        free(d->lanes[i]);
    free(d->events);
    free(d->lanes);
    free(d);
}
