/*
 * dateline.c: the article's own date and the dates news writes against it.
 *   - zy_find_article_date: the date the article is printed with, wherever it stands: a
 *     first line that starts with a date ("date 2025-09-03 …", "2025年3月14日 10:30 …"), a
 *     labelled date (公開日:2024年3月5日, 更新日 2024/03/05, 2024.03.05 公開, …2015年11月5日付),
 *     a date alone on its line (after a short source name, with a weekday or a clock time),
 *     a date in brackets closing a headline, a wire dateline (【新華社北京8月26日】, which has
 *     no year). Publication labels beat 更新 and bare lines; a run of bare date lines is a
 *     list, not a dateline.
 *   - zy_news_date_at: dates written against the article's date: 6日、 / 4日発表した (the
 *     article's month; the month before when the day is well after the article's), 今月9日,
 *     先月20日, 来月5日, 昨年12月, 今年3月5日, 昨日, 本日, 今日, 先週 (its month), 3日前,
 *     2週間後, 2カ月前 (a month); none without a known article month. 同日, 前日, 翌日: the
 *     last date written before them, or the day before or after it.
 *   - zy_settle_date_year: a month-day without a year (1月29日) in a dated article takes the
 *     article's year, or the year before when the date is later than the article's and the
 *     sentence tells the past (the year after for a plan in an earlier month).
 * May call: extract (figure, scan).
 */
#include <string.h>

#include "extract/scan.h"

/* Dates within this many days after the article's own still count as its month: print
 * datelines lag the web page and a day-of-week slip is common ("6日" under a "5日付"). */
#define DAY_SLACK 3
/* Only the first bytes of a long line are looked at for a dateline. */
#define LINE_HEAD 240

typedef struct word {
    const char *s;
    size_t n;
} word;

static size_t starts_any(const char *t, size_t len, size_t at, const word *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (zy_starts_with_n(t, len, at, w[k].s, w[k].n))
            return w[k].n;
    return 0;
}

static size_t ends_any(const char *t, size_t floor, size_t at, const word *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (at >= floor + w[k].n && zy_ends_with_n(t, at, w[k].s, w[k].n))
            return w[k].n;
    return 0;
}

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* The first w[0..n) in t[a..b), or NULL (memmem is not C17). */
static const char *find_in(const char *t, size_t a, size_t b, const char *w, size_t n)
{
    for (size_t i = a; i + n <= b; i++)
        if (t[i] == w[0] && memcmp(t + i, w, n) == 0)
            return t + i;
    return NULL;
}

/* ---- the article's own date ---- */

enum { RANK_NONE, RANK_BARE, RANK_UPDATED, RANK_LABELLED, RANK_FIRST };

/* Labels before a date that say it is the page's own. */
static const word labels_before[] = {
    {ZY_WORD("公開日")}, {ZY_WORD("配信日")}, {ZY_WORD("掲載日")}, {ZY_WORD("投稿日")},
    {ZY_WORD("発行日")}, {ZY_WORD("作成日")}, {ZY_WORD("公開")},   {ZY_WORD("配信")},
    {ZY_WORD("掲載")},   {ZY_WORD("投稿")},   {ZY_WORD("発行")},   {ZY_WORD("日付")},
    {ZY_WORD("date")},   {ZY_WORD("Date")},   {ZY_WORD("DATE")},   {ZY_WORD("Published")},
    {ZY_WORD("published")},
};
static const word updated_before[] = {
    {ZY_WORD("更新日")}, {ZY_WORD("更新")}, {ZY_WORD("Updated")}, {ZY_WORD("updated")},
};
/* … and after it. */
static const word labels_after[] = {
    {ZY_WORD("付")},   {ZY_WORD("公開")}, {ZY_WORD("配信")}, {ZY_WORD("掲載")},
    {ZY_WORD("発行")}, {ZY_WORD("投稿")}, {ZY_WORD("発")},
};
static const word updated_after[] = {{ZY_WORD("更新")}};

/* Skip spaces, ':' and '|' backwards from at (not below floor). */
static size_t skip_back_blanks(const char *t, size_t floor, size_t at)
{
    while (at > floor && (t[at - 1] == ' ' || t[at - 1] == ':' || t[at - 1] == '|' || t[at - 1] == '\t'))
        at--;
    if (at >= floor + 3 && zy_ends_with(t, at, "\xE3\x80\x80")) /* an ideographic space */
        return skip_back_blanks(t, floor, at - 3);
    return at;
}

/* After a date: spaces, a weekday in brackets, a clock time (10:30, 10時30分), 時点. */
static size_t skip_date_tail(const char *t, size_t e, size_t at)
{
    for (;;) {
        size_t was = at;
        while (at < e && (t[at] == ' ' || t[at] == '\t'))
            at++;
        if (at < e && t[at] == '(' && at + 5 <= e && t[at + 4] == ')')
            at += 5; /* (金) */
        while (at < e && (is_digit(t[at]) || t[at] == ':'))
            at++;
        if (zy_starts_with(t, e, at, "時"))
            at += 3;
        if (zy_starts_with(t, e, at, "分"))
            at += 3;
        if (at == was)
            return at;
    }
}

/* Does t[a..b) hold 。 or 、 (a sentence, not a source name)? */
static bool has_clause_mark(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i + 3 <= b; i++)
        if (t[i] == '\xE3' && t[i + 1] == '\x80' && (t[i + 2] == '\x82' || t[i + 2] == '\x81'))
            return true;
    return false;
}

/* How surely the date f on the line [a, e) is the article's own. */
static int date_rank(const char *t, size_t a, size_t e, bool first, const zy_figure *f)
{
    size_t before = skip_back_blanks(t, a, f->start);
    size_t after = skip_date_tail(t, e, f->end);
    /* the first line opens with it, set apart by a space or a clock time (not a lead
     * sentence's "2025年3月14日、…", which dates an event) */
    if (first && before == a && (after == e || after > f->end))
        return RANK_FIRST;
    if (ends_any(t, a, before, labels_before, COUNT(labels_before)) ||
        starts_any(t, e, after, labels_after, COUNT(labels_after)))
        return first && ends_any(t, a, before, labels_before, COUNT(labels_before)) == before - a
                   ? RANK_FIRST
                   : RANK_LABELLED;
    if (ends_any(t, a, before, updated_before, COUNT(updated_before)) ||
        starts_any(t, e, after, updated_after, COUNT(updated_after)))
        return RANK_UPDATED;
    /* a wire dateline: 【新華社北京8月26日】, 【11月5日 Xinhua News】 */
    if (zy_starts_with(t, e, a, "【")) {
        const char *close = find_in(t, f->end, e, "】", 3);
        if (close && (size_t)(close - t) - f->end <= 40 && !has_clause_mark(t, a, (size_t)(close - t)))
            return RANK_LABELLED;
    }
    /* a headline closed by its date: "…を発表 (2023年5月1日)" */
    if (f->start > a && t[f->start - 1] == '(' && after < e && t[after] == ')' &&
        skip_date_tail(t, e, after + 1) == e)
        return RANK_BARE;
    /* alone on its line, after at most a short source name */
    if (after == e && before - a <= 45 && !has_clause_mark(t, a, before))
        return RANK_BARE;
    return RANK_NONE;
}

typedef struct candidate {
    int rank;
    int year, month, day;
} candidate;

/* The best-ranked dated figure of one line. */
static candidate line_candidate(const char *t, const zy_line *ln, bool first)
{
    candidate best = {RANK_NONE, 0, 0, 0};
    size_t a = ln->start, e = ln->end;
    while (a < e && (t[a] == ' ' || t[a] == '\t'))
        a++;
    size_t head = e - a > LINE_HEAD ? a + LINE_HEAD : e;
    for (size_t i = a; i < head; i++) {
        if (!is_digit(t[i]) || (i > a && (is_digit(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == '/')))
            continue;
        zy_figure f;
        if (!zy_figure_at(t, e, i, false, &f) || f.kind != ZY_KIND_DATE || !f.month || !f.day ||
            f.two_digit_year || f.period) {
            continue;
        }
        int rank = date_rank(t, a, e, first, &f);
        if (!f.year && rank < RANK_LABELLED)
            rank = RANK_NONE; /* a month-day alone is too weak to date the article */
        if (rank > best.rank)
            best = (candidate){rank, f.year, f.month, f.day};
        i = f.end - 1;
    }
    return best;
}

bool zy_find_article_date(const zy_scan_state *s, int *year, int *month, int *day)
{
    const char *t = s->norm.text;
    candidate best = {RANK_NONE, 0, 0, 0}, best_yearless = best;
    size_t bare_lines = 0;
    bool first = true;
    for (size_t l = 0; l < s->nlines; l++) {
        const zy_line *ln = &s->lines[l];
        if (ln->blank)
            continue;
        candidate c = line_candidate(t, ln, first);
        first = false;
        if (c.rank == RANK_BARE)
            bare_lines++;
        candidate *into = c.year ? &best : &best_yearless;
        if (c.rank > into->rank)
            *into = c;
    }
    /* two or more bare date lines are a list of events, not the page's date */
    if (best.rank == RANK_BARE && bare_lines > 1)
        best.rank = RANK_NONE;
    if (best.rank == RANK_NONE)
        best = best_yearless;
    if (best.rank == RANK_NONE)
        return false;
    *year = best.year;
    *month = best.month;
    *day = best.day;
    return true;
}

/* ---- dates written against the article's date ---- */

/* Does the sentence from `from` to se tell a plan (…する予定, …する方針, …する。)? */
static bool tells_future(const char *t, size_t from, size_t se)
{
    static const char *const plans[] = {"予定", "方針", "見通し", "見込み", "計画", "めど", "目指す", NULL};
    for (size_t k = 0; plans[k]; k++)
        if (find_in(t, from, se, plans[k], strlen(plans[k])))
            return true;
    size_t end = se;
    while (end > from && (t[end - 1] == ' ' || t[end - 1] == '\n'))
        end--;
    if (zy_ends_with(t, end, "。"))
        end -= 3;
    return zy_ends_with(t, end, "する") || zy_ends_with(t, end, "します") || zy_ends_with(t, end, "へ");
}

/* Set f to the date year-month-day (the month may run over by one either way). */
static void set_day_date(zy_figure *f, size_t start, size_t end, int year, int month, int day)
{
    static const zy_figure blank_figure;
    *f = blank_figure;
    f->kind = ZY_KIND_DATE;
    f->start = start;
    f->end = end;
    if (month < 1) {
        month += 12;
        year -= year ? 1 : 0;
    } else if (month > 12) {
        month -= 12;
        year += year ? 1 : 0;
    }
    f->year = year;
    f->month = month;
    f->day = day;
}

/* What may follow a day written alone for it to be a date: a comma, に, 付, an announcement. */
static bool day_context(const char *t, size_t se, size_t at)
{
    static const word after[] = {
        {ZY_WORD("、")},   {ZY_WORD("に")},   {ZY_WORD("付")},     {ZY_WORD("発表")}, {ZY_WORD("公表")},
        {ZY_WORD("発売")}, {ZY_WORD("公開")}, {ZY_WORD("明らか")}, {ZY_WORD("開始")}, {ZY_WORD("開催")},
        {ZY_WORD("午前")}, {ZY_WORD("午後")}, {ZY_WORD("夜")},     {ZY_WORD("朝")},   {ZY_WORD("(")},
        {ZY_WORD("の発表")}, {ZY_WORD("までに")},
    };
    static const word spans[] = {{ZY_WORD("にわた")}, {ZY_WORD("に及")}, {ZY_WORD("に分け")}};
    if (!starts_any(t, se, at, after, COUNT(after)) || starts_any(t, se, at, spans, COUNT(spans)))
        return false;
    /* 1日に2回, 1日に一度: a rate, not a date */
    return !zy_starts_with(t, se, at, "に") || at + 3 >= se ||
           !(is_digit(t[at + 3]) || zy_starts_with(t, se, at + 3, "一") || zy_starts_with(t, se, at + 3, "何"));
}

/* 6日 at t[i] (one or two Arabic digits, then 日): the day, or 0. *end is after 日. */
static int day_at(const char *t, size_t se, size_t i, size_t *end)
{
    size_t k = i;
    int d = 0;
    while (k < se && is_digit(t[k]) && k - i < 3)
        d = d * 10 + (t[k++] - '0');
    if (k == i || k - i > 2 || d < 1 || d > 31 || !zy_starts_with(t, se, k, "日"))
        return 0;
    *end = k + 3;
    return d;
}

/* Can a day standing alone start at t[i]? Not inside a number, a range (5~6日), 第6日 or 毎月6日. */
static bool alone_day_start(const char *t, size_t i)
{
    if (i == 0)
        return true;
    char p = t[i - 1];
    if (is_digit(p) || p == '.' || p == ',' || p == '/' || p == '~' || p == '-')
        return false;
    static const word before[] = {{ZY_WORD("第")}, {ZY_WORD("毎月")}, {ZY_WORD("週")}, {ZY_WORD("約")}, {ZY_WORD("月")},
                                  {ZY_WORD("から")}, {ZY_WORD("・")}, {ZY_WORD("〜")}, {ZY_WORD("~")}};
    return !ends_any(t, 0, i, before, COUNT(before));
}

/* The month a day written alone belongs to: the article's, or the one before when the day
 * is well after the article's and the sentence tells the past (the one after for a plan on
 * a day already gone). */
static int month_of_day(const zy_scan_state *s, const char *t, size_t i, size_t se, int day)
{
    if (!s->doc_day)
        return s->doc_month;
    if (day > s->doc_day + DAY_SLACK && !tells_future(t, i, se))
        return s->doc_month - 1;
    if (day < s->doc_day && tells_future(t, i, se))
        return s->doc_month + 1;
    return s->doc_month;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    if (month < 1 || month > 12)
        return 31; /* never from a checked date; a safe answer for the rest */
    return days[month - 1] + (month == 2 && leap);
}

/* *y-*m-*d moved by delta days (|delta| small). */
static void add_days(int *y, int *m, int *d, int delta)
{
    *d += delta;
    while (*d < 1) {
        if (--*m < 1) {
            *m = 12;
            --*y;
        }
        *d += days_in_month(*y, *m);
    }
    while (*d > days_in_month(*y, *m)) {
        *d -= days_in_month(*y, *m);
        if (++*m > 12) {
            *m = 1;
            ++*y;
        }
    }
}

/* The last date with a day written in the 1,500 bytes before t[i] (for 同日, 前日, 翌日). */
static bool last_day_before(const zy_scan_state *s, const char *t, size_t i, int *y, int *m, int *d)
{
    size_t p = i > 1500 ? i - 1500 : 0;
    bool found = false;
    while (p < i && ((unsigned char)t[p] & 0xC0) == 0x80)
        p++;
    for (; p < i; p++) {
        if (!is_digit(t[p]) || (p > 0 && is_digit(t[p - 1])))
            continue;
        zy_figure f;
        if ((zy_figure_at(t, i, p, false, &f) && f.kind == ZY_KIND_DATE) ||
            (zy_news_date_at(s, t, i, p, &f) && f.kind == ZY_KIND_DATE)) {
            if (f.day && f.month) {
                *y = f.year ? f.year : s->doc_year;
                *m = f.month;
                *d = f.day;
                found = true;
            }
            p = f.end - 1;
        }
    }
    return found;
}

/* 同日, 前日, 翌日 at t[i]: the last date written, or the day before or after it. */
static bool day_of_last_date(const zy_scan_state *s, const char *t, size_t se, size_t i, zy_figure *f)
{
    static const struct { const char *s; size_t n; int days; } words[] = {
        {ZY_WORD("同日"), 0}, {ZY_WORD("前日"), -1}, {ZY_WORD("翌日"), 1},
    };
    static const word after[] = {{ZY_WORD("、")}, {ZY_WORD("に")}, {ZY_WORD("は")}, {ZY_WORD("付")},
                                 {ZY_WORD("の")}, {ZY_WORD("発表")}};
    for (size_t k = 0; k < COUNT(words); k++) {
        if (!zy_starts_with_n(t, se, i, words[k].s, words[k].n))
            continue;
        size_t end = i + words[k].n;
        /* 前日比, 前日の終値: a comparison; 同日の and 同日は only for the same day */
        if (!starts_any(t, se, end, after, words[k].days ? 2 : COUNT(after)) || zy_starts_with(t, se, end, "にわた"))
            return false;
        int y, m, d;
        if (!last_day_before(s, t, i, &y, &m, &d))
            return false;
        add_days(&y, &m, &d, words[k].days);
        set_day_date(f, i, end, y, m, d);
        return true;
    }
    return false;
}

/* 3日前, 2週間後, 2カ月前 (counted from the article's date) at t[i]; before it a particle
 * or a comma, not a verb (発売した2カ月後 counts from the launch). */
static bool counted_from_article(const zy_scan_state *s, const char *t, size_t se, size_t i, zy_figure *f)
{
    if (!s->dated || !s->doc_day)
        return false;
    static const word before[] = {{ZY_WORD("、")}, {ZY_WORD("。")}, {ZY_WORD("は")}, {ZY_WORD("が")},
                                  {ZY_WORD("も")}, {ZY_WORD(" ")}, {ZY_WORD("\n")}};
    if (i > 0 && !ends_any(t, 0, i, before, COUNT(before)))
        return false;
    size_t k = i;
    int n = 0;
    while (k < se && is_digit(t[k]) && k - i < 3)
        n = n * 10 + (t[k++] - '0');
    if (k == i || k - i > 2 || n < 1)
        return false;
    static const struct { const char *s; size_t n; int days, months; } units[] = {
        {ZY_WORD("日"), 1, 0},    {ZY_WORD("週間"), 7, 0},  {ZY_WORD("カ月"), 0, 1},
        {ZY_WORD("か月"), 0, 1},  {ZY_WORD("ヶ月"), 0, 1},
    };
    for (size_t u = 0; u < COUNT(units); u++) {
        if (!zy_starts_with_n(t, se, k, units[u].s, units[u].n))
            continue;
        size_t e = k + units[u].n;
        int sign = zy_starts_with(t, se, e, "前") ? -1 : zy_starts_with(t, se, e, "後") ? 1 : 0;
        if (!sign || !(zy_starts_with(t, se, e + 3, "に") || zy_starts_with(t, se, e + 3, "、")))
            return false;
        int y = s->doc_year, m = s->doc_month, d = s->doc_day;
        if (units[u].days) {
            add_days(&y, &m, &d, sign * n * units[u].days);
        } else {
            m += sign * n;
            while (m < 1) {
                m += 12;
                y--;
            }
            while (m > 12) {
                m -= 12;
                y++;
            }
            d = 0; /* a month back is a month, not a day */
        }
        set_day_date(f, i, e + 3, y, m, d);
        return true;
    }
    return false;
}

/* 昨年12月, 今年3月5日, 来年1月 at t[i] in a dated article: the month (and day) of that year. */
static bool month_of_relative_year(const zy_scan_state *s, const char *t, size_t se, size_t i, zy_figure *f)
{
    static const struct { const char *s; size_t n; int years; } words[] = {
        {ZY_WORD("今年"), 0}, {ZY_WORD("本年"), 0}, {ZY_WORD("昨年"), -1}, {ZY_WORD("去年"), -1},
        {ZY_WORD("一昨年"), -2}, {ZY_WORD("来年"), 1},
    };
    if (!s->dated || !s->doc_year)
        return false;
    for (size_t k = 0; k < COUNT(words); k++) {
        size_t p = i + words[k].n;
        if (!zy_starts_with_n(t, se, i, words[k].s, words[k].n) || p >= se || !is_digit(t[p]))
            continue;
        zy_figure month;
        if (!zy_figure_at(t, se, p, false, &month) || month.kind != ZY_KIND_DATE || month.year ||
            !month.month || month.start != p)
            return false;
        *f = month;
        f->start = i;
        f->year = s->doc_year + words[k].years;
        return true;
    }
    return false;
}

/* 先週 at t[i]: the month the week before the article's date falls in. */
static bool last_week(const zy_scan_state *s, const char *t, size_t se, size_t i, zy_figure *f)
{
    if (!s->dated || !s->doc_day || !zy_starts_with(t, se, i, "先週") ||
        !(zy_starts_with(t, se, i + 6, "、") || zy_starts_with(t, se, i + 6, "に") ||
          zy_starts_with(t, se, i + 6, "発表")))
        return false;
    int y = s->doc_year, m = s->doc_month, d = s->doc_day;
    add_days(&y, &m, &d, -7);
    set_day_date(f, i, i + 6, y, m, 0);
    return true;
}

bool zy_news_date_at(const zy_scan_state *s, const char *t, size_t se, size_t i, zy_figure *f)
{
    if (!is_digit(t[i]) && day_of_last_date(s, t, se, i, f))
        return true;
    if (!s->doc_month)
        return false;
    size_t end;
    int day;
    if (is_digit(t[i])) {
        if (counted_from_article(s, t, se, i, f))
            return true;
        if (!alone_day_start(t, i) || !(day = day_at(t, se, i, &end)) || !day_context(t, se, end))
            return false;
        set_day_date(f, i, end, s->doc_year, month_of_day(s, t, i, se, day), day);
        return true;
    }
    static const struct { const char *s; size_t n; int months; } months[] = {
        {ZY_WORD("今月"), 0}, {ZY_WORD("先月"), -1}, {ZY_WORD("来月"), 1},
    };
    for (size_t k = 0; k < COUNT(months); k++)
        if (zy_starts_with_n(t, se, i, months[k].s, months[k].n) && (day = day_at(t, se, i + 6, &end))) {
            set_day_date(f, i, end, s->doc_year, s->doc_month + months[k].months, day);
            return true;
        }
    if (last_week(s, t, se, i, f) || month_of_relative_year(s, t, se, i, f))
        return true;
    if (!s->doc_day || !s->dated)
        return false;
    static const struct { const char *s; size_t n; int days; } days[] = {
        {ZY_WORD("本日"), 0}, {ZY_WORD("今日"), 0}, {ZY_WORD("昨日"), -1},
    };
    for (size_t k = 0; k < COUNT(days); k++) {
        if (!zy_starts_with_n(t, se, i, days[k].s, days[k].n) ||
            !(zy_starts_with(t, se, i + 6, "、") || zy_starts_with(t, se, i + 6, "に") ||
              zy_starts_with(t, se, i + 6, "発表") || zy_starts_with(t, se, i + 6, "付")))
            continue;
        int y = s->doc_year, m = s->doc_month, d = s->doc_day;
        add_days(&y, &m, &d, days[k].days);
        set_day_date(f, i, i + days[k].n, y, m, d);
        return true;
    }
    return false;
}

void zy_settle_date_year(const zy_scan_state *s, const char *t, size_t se, zy_figure *f)
{
    if (f->kind != ZY_KIND_DATE || f->year || !f->month || f->period || !s->dated || !s->doc_month ||
        !s->doc_year)
        return;
    bool later = f->month > s->doc_month ||
                 (f->month == s->doc_month && s->doc_day && f->day > s->doc_day + DAY_SLACK);
    if (later && !tells_future(t, f->end, se))
        f->year = s->doc_year - 1;
    else if (f->month < s->doc_month && tells_future(t, f->end, se) && f->day)
        f->year = s->doc_year + 1;
}
