/*
 * timeline_data.c: events from a table, with dates read in the shapes Japanese tables use,
 * checked and placed in time (see timeline_data.h).
 */
#include "chart/timeline_data.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double zy_days_from_civil(int y, int m, int d)
{
    /* Howard Hinnant's days_from_civil */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (double)(era * 146097 + doe - 719468);
}

void zy_civil_from_days(double days, int *y, int *m, int *d)
{
    long z = (long)floor(days) + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* ---- reading a date ---- */

/* The Japanese eras a table may date by: first and last day, and the year of 元年. */
typedef struct era {
    const char *name;
    char letter;             /* R6.4.1, H27年度 */
    int base;                /* the Western year of its first year */
    int y0, m0, d0, y1, m1, d1;
} era;

static const era eras[] = {
    {"明治", 'M', 1868, 1868, 1, 1, 1912, 7, 29},
    {"大正", 'T', 1912, 1912, 7, 30, 1926, 12, 24},
    {"昭和", 'S', 1926, 1926, 12, 25, 1989, 1, 7},
    {"平成", 'H', 1989, 1989, 1, 8, 2019, 4, 30},
    {"令和", 'R', 2019, 2019, 5, 1, 9999, 12, 31},
};

static bool fail(char *why, size_t cap, const char *fmt, ...)
{
    if (why && cap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, cap, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* Full-width digits, letters and signs to ASCII, letters upper-cased, spaces dropped, the wave
 * dashes 〜 ～ to '~'. False when the text does not fit out. */
static bool normalise(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)in;
    while (*s) {
        unsigned char c = *s;
        int ascii = -1, len = 1;
        if (c == 0xEF && s[1] == 0xBC && s[2] >= 0x81 && s[2] <= 0xBF)
            ascii = 0x21 + (s[2] - 0x81), len = 3; /* U+FF01..U+FF3F */
        else if (c == 0xEF && s[1] == 0xBD && s[2] >= 0x80 && s[2] <= 0x9D)
            ascii = 0x60 + (s[2] - 0x80), len = 3; /* U+FF40..U+FF5D */
        else if ((c == 0xEF && s[1] == 0xBD && s[2] == 0x9E) || (c == 0xE3 && s[1] == 0x80 && s[2] == 0x9C))
            ascii = '~', len = 3;
        else if (c == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
            ascii = ' ', len = 3;
        else if (c < 0x80)
            ascii = c;
        if (ascii == ' ' || ascii == '\t') {
            s += len;
            continue;
        }
        if (ascii >= 'a' && ascii <= 'z')
            ascii -= 'a' - 'A';
        if (ascii < 0) { /* a non-ASCII character: copy its bytes */
            len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            for (int k = 0; k < len; k++)
                if (!s[k])
                    return false;
            if (n + (size_t)len >= cap)
                return false;
            memcpy(out + n, s, (size_t)len);
            n += (size_t)len;
        } else {
            if (n + 1 >= cap)
                return false;
            out[n++] = (char)ascii;
        }
        s += len;
    }
    out[n] = '\0';
    return true;
}

static bool take(const char **p, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(*p, word, n) != 0)
        return false;
    *p += n;
    return true;
}

/* Digits at *p; the count read (0 when none), up to 9. */
static int read_digits(const char **p, int *out)
{
    int v = 0, n = 0;
    while (**p >= '0' && **p <= '9') {
        if (n < 9)
            v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *out = v;
    return n;
}

/* A quarter: 第2四半期, Q2, 2Q. */
static bool read_quarter(const char **p, int *q)
{
    const char *s = *p;
    int n;
    if (take(&s, "第") && read_digits(&s, &n) == 1 && take(&s, "四半期"))
        ;
    else if ((s = *p, take(&s, "Q")) && read_digits(&s, &n) == 1)
        ;
    else if ((s = *p, read_digits(&s, &n) == 1) && take(&s, "Q"))
        ;
    else
        return false;
    if (n < 1 || n > 4)
        return false;
    *q = n;
    *p = s;
    return true;
}

/* A half: 上期, 上半期, H1 (1); 下期, 下半期, H2 (2). */
static bool read_half(const char **p, int *h)
{
    if (take(p, "上半期") || take(p, "上期") || take(p, "H1"))
        return *h = 1, true;
    if (take(p, "下半期") || take(p, "下期") || take(p, "H2"))
        return *h = 2, true;
    return false;
}

/* A weekday in brackets after a day, (月) or (月曜日); -1 when absent, -2 when malformed. */
static int read_weekday(const char **p)
{
    static const char *const names[] = {"日", "月", "火", "水", "木", "金", "土"};
    const char *s = *p;
    if (!take(&s, "("))
        return -1;
    for (int k = 0; k < 7; k++) {
        const char *t = s;
        if (!take(&t, names[k]))
            continue;
        (void)(take(&t, "曜日") || take(&t, "曜"));
        if (take(&t, ")")) {
            *p = t;
            return k;
        }
    }
    return -2;
}

/* Start and end of count months from year y, month m (m may run past 12). */
static void months_span(int y, int m, int count, double *start, double *end)
{
    y += (m - 1) / 12;
    m = (m - 1) % 12 + 1;
    *start = zy_days_from_civil(y, m, 1);
    int ye = y + (m - 1 + count) / 12, me = (m - 1 + count) % 12 + 1;
    *end = zy_days_from_civil(ye, me, 1);
}

/* "2024年" or "令和6年" / "令和元年". */
static int year_text(char *out, size_t cap, int y, const era *e)
{
    if (!e)
        return snprintf(out, cap, "%d年", y);
    int n = y - e->base + 1;
    return n == 1 ? snprintf(out, cap, "%s元年", e->name) : snprintf(out, cap, "%s%d年", e->name, n);
}

/* The era written at *p (令和, or R before a digit), and its year number (元 is 1). */
static const era *read_era(const char **p, int *n, char *why, size_t cap, bool *bad)
{
    *bad = false;
    for (size_t k = 0; k < sizeof eras / sizeof eras[0]; k++) {
        const char *s = *p;
        bool named = take(&s, eras[k].name);
        if (!named && !(*s == eras[k].letter && s[1] >= '0' && s[1] <= '9'))
            continue;
        if (!named)
            s++;
        if (take(&s, "元"))
            *n = 1;
        else if (read_digits(&s, n) < 1 || *n < 1 || *n > 99) {
            *bad = !fail(why, cap, "%s: expected the year of the era, such as %s6年", eras[k].name, eras[k].name);
            return NULL;
        }
        *p = s;
        return &eras[k];
    }
    return NULL;
}

/* What follows a year: the period or day it names. fiscal: the year was a 年度 (FY2024). */
static bool read_after_year(const char **pp, int y, bool *fiscal, zy_event_date *o, int *half,
                            int *quarter, int *last_month, char *why, size_t cap)
{
    const char *p = *pp;
    int m = 0, d = 0;
    *half = *quarter = *last_month = 0;
    if (!*fiscal && take(&p, "年度"))
        *fiscal = true;
    else if (!*fiscal)
        (void)(take(&p, "年") || take(&p, "-") || take(&p, "/") || take(&p, "."));
    if (*fiscal) {
        o->precision = ZY_PRECISION_FISCAL_YEAR;
        if (read_quarter(&p, quarter))
            o->precision = ZY_PRECISION_QUARTER;
        else if (read_half(&p, half))
            o->precision = ZY_PRECISION_HALF;
        o->month = 4;
        *pp = p;
        return true;
    }
    if (!*p) {
        o->precision = ZY_PRECISION_YEAR;
        *pp = p;
        return true;
    }
    if (read_quarter(&p, quarter)) {
        o->precision = ZY_PRECISION_QUARTER;
        *pp = p;
        return true;
    }
    if (read_half(&p, half)) {
        o->precision = ZY_PRECISION_HALF;
        *pp = p;
        return true;
    }
    if (strstr(p, "四半期") || *p == 'Q')
        return fail(why, cap, "a quarter is 1 to 4 (第2四半期, Q2)");
    if (read_digits(&p, &m) < 1 || m > 99)
        return fail(why, cap, "expected a month after the year");
    if (m < 1 || m > 12)
        return fail(why, cap, "there is no month %d", m);
    o->month = m;
    if (*p == '~' || (p[0] == '-' && strstr(p, "月"))) { /* 4〜6月(期) */
        p++;
        int m2;
        if (read_digits(&p, &m2) < 1 || !take(&p, "月"))
            return fail(why, cap, "expected a run of months such as 4〜6月");
        if (m2 < m || m2 > 12)
            return fail(why, cap, "%d〜%d月 is not a run of months within one year", m, m2);
        take(&p, "期");
        o->precision = ZY_PRECISION_MONTHS;
        *last_month = m2;
        *pp = p;
        return true;
    }
    (void)(take(&p, "月") || take(&p, "-") || take(&p, "/") || take(&p, "."));
    o->precision = ZY_PRECISION_MONTH;
    if (!*p) {
        *pp = p;
        return true;
    }
    int part = take(&p, "上旬") || take(&p, "初旬") ? 1 : take(&p, "中旬") ? 2 : take(&p, "下旬") ? 3 : 0;
    if (part) {
        o->precision = ZY_PRECISION_TEN_DAYS;
        o->day = 1 + 10 * (part - 1);
        *pp = p;
        return true;
    }
    if (read_digits(&p, &d) < 1 || d > 99)
        return fail(why, cap, "expected a day after the month");
    take(&p, "日");
    if (d < 1 || d > days_in_month(y, m))
        return fail(why, cap, "%d年%d月 has %d days", y, m, days_in_month(y, m));
    o->day = d;
    o->precision = ZY_PRECISION_DAY;
    int wd = read_weekday(&p);
    if (wd == -2)
        return fail(why, cap, "expected a weekday such as (月) after the day");
    if (wd >= 0) {
        static const char *const names[] = {"日", "月", "火", "水", "木", "金", "土"};
        /* 1970-01-01 was a Thursday */
        int actual = (int)(((long)zy_days_from_civil(y, m, d) % 7 + 7 + 4) % 7);
        if (actual != wd)
            return fail(why, cap, "%d年%d月%d日 is a %s曜日, not a %s曜日", y, m, d, names[actual], names[wd]);
    }
    *pp = p;
    return true;
}

/* Start, end and text of a date whose parts are read. */
static void place_in_time(zy_event_date *o, bool fiscal, int half, int quarter, int last_month,
                          const era *e)
{
    int y = o->year;
    char yt[32];
    year_text(yt, sizeof yt, y, e);
    switch (o->precision) {
    case ZY_PRECISION_DAY:
        o->start = o->end = zy_days_from_civil(y, o->month, o->day);
        snprintf(o->text, sizeof o->text, "%s%d月%d日", yt, o->month, o->day);
        break;
    case ZY_PRECISION_MONTH:
        months_span(y, o->month, 1, &o->start, &o->end);
        snprintf(o->text, sizeof o->text, "%s%d月", yt, o->month);
        break;
    case ZY_PRECISION_TEN_DAYS: {
        static const char *const parts[] = {"上旬", "中旬", "下旬"};
        o->start = zy_days_from_civil(y, o->month, o->day);
        o->end = o->day < 21 ? o->start + 10 : zy_days_from_civil(y, o->month, 1) + days_in_month(y, o->month);
        snprintf(o->text, sizeof o->text, "%s%d月%s", yt, o->month, parts[o->day / 10]);
        break;
    }
    case ZY_PRECISION_MONTHS:
        months_span(y, o->month, last_month - o->month + 1, &o->start, &o->end);
        snprintf(o->text, sizeof o->text, "%s%d〜%d月", yt, o->month, last_month);
        break;
    case ZY_PRECISION_FISCAL_YEAR:
        months_span(y, 4, 12, &o->start, &o->end);
        snprintf(o->text, sizeof o->text, "%s度", yt);
        break;
    case ZY_PRECISION_HALF:
        o->month = (fiscal ? 4 : 1) + 6 * (half - 1);
        months_span(y, o->month, 6, &o->start, &o->end);
        snprintf(o->text, sizeof o->text, "%s%s%s", yt, fiscal ? "度" : "", half == 1 ? "上期" : "下期");
        break;
    case ZY_PRECISION_QUARTER:
        o->month = (fiscal ? 4 : 1) + 3 * (quarter - 1);
        months_span(y, o->month, 3, &o->start, &o->end);
        snprintf(o->text, sizeof o->text, "%s%s第%d四半期", yt, fiscal ? "度" : "", quarter);
        break;
    case ZY_PRECISION_YEAR:
    default:
        o->start = zy_days_from_civil(y, 1, 1);
        o->end = zy_days_from_civil(y + 1, 1, 1);
        snprintf(o->text, sizeof o->text, "%s", yt);
        break;
    }
    if (o->month > 12) { /* the last quarter of a fiscal year */
        o->month -= 12;
        o->year++;
    }
}

/* A date written in an era must fall within it; a year of the era is clipped to it. */
static bool check_era(zy_event_date *o, const era *e, char *why, size_t cap)
{
    double first = zy_days_from_civil(e->y0, e->m0, e->d0);
    double after = zy_days_from_civil(e->y1, e->m1, e->d1) + 1;
    double end = o->precision == ZY_PRECISION_DAY ? o->start + 1 : o->end;
    if (end <= first)
        return fail(why, cap, "%s began on %d年%d月%d日", e->name, e->y0, e->m0, e->d0);
    if (o->start >= after)
        return fail(why, cap, "%s ended on %d年%d月%d日", e->name, e->y1, e->m1, e->d1);
    if (o->precision == ZY_PRECISION_YEAR) {
        o->start = fmax(o->start, first);
        o->end = fmin(o->end, after);
    }
    return true;
}

bool zy_parse_event_date(const char *text, zy_event_date *o, char *why, size_t cap)
{
    memset(o, 0, sizeof *o);
    char buf[160];
    if (!normalise(text ? text : "", buf, sizeof buf))
        return fail(why, cap, "too long for a date");
    if (!*buf)
        return fail(why, cap, "empty");
    const char *p = buf;
    int y = 0, n;
    bool bad, fiscal = false, two_digit = false;
    const era *e = read_era(&p, &n, why, cap, &bad);
    if (bad)
        return false;
    if (e) {
        y = e->base + n - 1;
    } else if (take(&p, "FY")) {
        int nd = read_digits(&p, &y);
        if (nd == 2)
            y += 2000;
        else if (nd != 4)
            return fail(why, cap, "expected a fiscal year such as FY2024");
        fiscal = true;
    } else {
        int nd = read_digits(&p, &y);
        if (nd == 0)
            return fail(why, cap, "expected a date such as 2025-01-20, 2025年1月, 2024年度, "
                                  "FY2024, 2024Q2 or 令和6年4月");
        if (nd == 2 && (*p == '/' || *p == '-' || *p == '.')) {
            y += 2000;
            two_digit = true;
        } else if (nd != 4) {
            return fail(why, cap, nd == 2 ? "a two-digit year is read only as YY/MM/DD "
                                            "(24/05/13 is 2024年5月13日)"
                                          : nd == 8 ? "write a day as 2025-01-20"
                                                    : "expected a four-digit year");
        }
        if (y < 1)
            return fail(why, cap, "there is no year 0");
    }
    o->year = y;
    int half, quarter, last_month;
    if (!read_after_year(&p, y, &fiscal, o, &half, &quarter, &last_month, why, cap))
        return false;
    if (*p)
        return fail(why, cap, "unexpected \"%s\" after the date", p);
    if (two_digit && o->precision != ZY_PRECISION_DAY)
        return fail(why, cap, "a two-digit year is read only as YY/MM/DD (24/05/13 is 2024年5月13日)");
    place_in_time(o, fiscal, half, quarter, last_month, e);
    return e ? check_era(o, e, why, cap) : true;
}

/* ---- events from a table ---- */

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

/* --from (the start of its day or period) or --to (the end of it). */
static bool parse_bound(const char *text, double *out, bool end, char *why, size_t cap)
{
    zy_event_date w;
    if (!zy_parse_event_date(text, &w, why, cap))
        return false;
    *out = !end ? w.start : w.precision == ZY_PRECISION_DAY ? w.start + 1 : w.end;
    return true;
}

/* The index of lane name in d->lanes, added when new; (size_t)-1 when out of memory. */
static size_t lane_index(zy_timeline_data *d, const char *name)
{
    size_t k = 0;
    while (k < d->nlane && strcmp(d->lanes[k], name) != 0)
        k++;
    if (k < d->nlane)
        return k;
    char **grown = realloc(d->lanes, (d->nlane + 1) * sizeof *grown);
    if (!grown)
        return (size_t)-1;
    d->lanes = grown;
    if (!(d->lanes[d->nlane] = strdup(name)))
        return (size_t)-1;
    return d->nlane++;
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
    char why[160];
    bool has_from = o->from && *o->from, has_to = o->to && *o->to;
    if (has_from && !parse_bound(o->from, &from, false, why, sizeof why))
        return zy_diag_fail(diag, ZY_ERR_USAGE, "--from %s: expected a date; %s", o->from, why);
    if (has_to && !parse_bound(o->to, &to, true, why, sizeof why))
        return zy_diag_fail(diag, ZY_ERR_USAGE, "--to %s: expected a date; %s", o->to, why);
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
        zy_event_date w;
        if (!zy_parse_event_date(cell, &w, why, sizeof why)) {
            st = zy_diag_fail(diag, ZY_ERR_DATA, "%s:%zu:%ld: column \"%s\": \"%.40s\" is not a date: %s",
                              t->name, zy_table_cell_line(t, r, (size_t)dc), dc + 1, o->date_column,
                              cell, why);
            break;
        }
        double end = w.precision == ZY_PRECISION_DAY ? w.start + 1 : w.end;
        if ((has_from && end <= from) || (has_to && w.start >= to))
            continue; /* outside --from/--to */
        zy_event e = {.year = w.year, .month = w.month, .day = w.day, .precision = w.precision,
                      .start = w.start, .end = w.end};
        if (d->has_lanes && (e.lane = lane_index(d, zy_table_cell(t, r, (size_t)ln))) == (size_t)-1) {
            st = ZY_ERR_NOMEM;
            break;
        }
        e.label = strdup(zy_table_cell(t, r, (size_t)lc));
        e.date_text = strdup(w.text);
        if (!e.label || !e.date_text) {
            free(e.label), free(e.date_text);
            st = ZY_ERR_NOMEM;
            break;
        }
        d->events[d->nevent++] = e;
    }
    if (st == ZY_OK && !d->has_lanes && lane_index(d, "") == (size_t)-1)
        st = ZY_ERR_NOMEM;
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
        lo = fmin(lo, d->events[i].start);
        hi = fmax(hi, d->events[i].end);
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
