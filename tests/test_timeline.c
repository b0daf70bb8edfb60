/*
 * test_timeline.c: timeline dates and layout. Dates: a table of every shape read (days,
 * months, years, two-digit years, 年度/FY, halves, quarters, runs of months, era dates, full-width
 * digits) with the period each names, and the impossible ones refused with a reason. Layout:
 * at 800×450, 1600×900 and A4, with and without lanes, sparse, month-long, dense (30 events in
 * 3 months), crowded (one day) and neighbouring events: no two text boxes overlap, no leader
 * line crosses a text box, no label covers a mark, nothing leaves the canvas, every event is
 * labelled; lanes are as tall as their labels need.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/timeline_layout.h"

static zy_fonts *fonts;

static int setup(void **state)
{
    (void)state;
    zy_diag d = {0};
    return zy_fonts_create(&d, NULL, NULL, &fonts) == ZY_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    zy_fonts_destroy(fonts);
    return 0;
}

/* ---- dates ---- */

typedef struct date_case {
    const char *text;
    const char *first, *after; /* the period: first day and the day after (a day: after NULL) */
    zy_precision p;
    const char *shown;         /* the text a label shows; for a refusal, part of the reason */
} date_case;

#define P_DAY ZY_PRECISION_DAY
#define P_MONTH ZY_PRECISION_MONTH
#define P_YEAR ZY_PRECISION_YEAR
#define P_FY ZY_PRECISION_FISCAL_YEAR
#define P_HALF ZY_PRECISION_HALF
#define P_Q ZY_PRECISION_QUARTER
#define P_MONTHS ZY_PRECISION_MONTHS
#define REFUSED(text, why) {text, NULL, NULL, 0, why}

static const date_case dates[] = {
    /* days */
    {"2025-01-20", "2025-01-20", NULL, P_DAY, "2025年1月20日"},
    {"2025/1/20", "2025-01-20", NULL, P_DAY, "2025年1月20日"},
    {"2025/01/20", "2025-01-20", NULL, P_DAY, "2025年1月20日"},
    {"2025.1.20", "2025-01-20", NULL, P_DAY, "2025年1月20日"},
    {"2025年1月20日", "2025-01-20", NULL, P_DAY, "2025年1月20日"},
    {"2025年1月20日(月)", "2025-01-20", NULL, P_DAY, "2025年1月20日"},
    {"2025年1月20日（月曜日）", "2025-01-20", NULL, P_DAY, "2025年1月20日"},
    {"２０２５年１月２０日", "2025-01-20", NULL, P_DAY, "2025年1月20日"},
    {"2024-02-29", "2024-02-29", NULL, P_DAY, "2024年2月29日"},
    {"24/05/13", "2024-05-13", NULL, P_DAY, "2024年5月13日"},   /* two-digit year: 20YY */
    {"99/12/31", "2099-12-31", NULL, P_DAY, "2099年12月31日"},
    {"令和6年4月1日", "2024-04-01", NULL, P_DAY, "令和6年4月1日"},
    {"R6.4.1", "2024-04-01", NULL, P_DAY, "令和6年4月1日"},
    {"平成31年4月30日", "2019-04-30", NULL, P_DAY, "平成31年4月30日"},
    {"令和元年5月1日", "2019-05-01", NULL, P_DAY, "令和元年5月1日"},
    {"昭和64年1月7日", "1989-01-07", NULL, P_DAY, "昭和64年1月7日"},
    /* months and runs of months */
    {"2025-01", "2025-01-01", "2025-02-01", P_MONTH, "2025年1月"},
    {"2024/9", "2024-09-01", "2024-10-01", P_MONTH, "2024年9月"},
    {"2024年9月", "2024-09-01", "2024-10-01", P_MONTH, "2024年9月"},
    {"2024年12月", "2024-12-01", "2025-01-01", P_MONTH, "2024年12月"},
    {"令和6年4月", "2024-04-01", "2024-05-01", P_MONTH, "令和6年4月"},
    {"2024年4〜6月期", "2024-04-01", "2024-07-01", P_MONTHS, "2024年4〜6月"},
    {"2024年10～12月", "2024-10-01", "2025-01-01", P_MONTHS, "2024年10〜12月"},
    {"2024年4-6月", "2024-04-01", "2024-07-01", P_MONTHS, "2024年4〜6月"},
    {"2025年1月上旬", "2025-01-01", "2025-01-11", ZY_PRECISION_TEN_DAYS, "2025年1月上旬"},
    {"2025年1月中旬", "2025-01-11", "2025-01-21", ZY_PRECISION_TEN_DAYS, "2025年1月中旬"},
    {"2024年2月下旬", "2024-02-21", "2024-03-01", ZY_PRECISION_TEN_DAYS, "2024年2月下旬"},
    {"令和6年12月初旬", "2024-12-01", "2024-12-11", ZY_PRECISION_TEN_DAYS, "令和6年12月上旬"},
    /* years */
    {"2025", "2025-01-01", "2026-01-01", P_YEAR, "2025年"},
    {"2019年", "2019-01-01", "2020-01-01", P_YEAR, "2019年"},
    {" 2023 ", "2023-01-01", "2024-01-01", P_YEAR, "2023年"},
    {"令和元年", "2019-05-01", "2020-01-01", P_YEAR, "令和元年"},     /* from the era's first day */
    {"平成31年", "2019-01-01", "2019-05-01", P_YEAR, "平成31年"},     /* to its last */
    {"平成27年", "2015-01-01", "2016-01-01", P_YEAR, "平成27年"},
    /* fiscal years (April to March), halves, quarters */
    {"2024年度", "2024-04-01", "2025-04-01", P_FY, "2024年度"},
    {"FY2024", "2024-04-01", "2025-04-01", P_FY, "2024年度"},
    {"fy24", "2024-04-01", "2025-04-01", P_FY, "2024年度"},
    {"平成27年度", "2015-04-01", "2016-04-01", P_FY, "平成27年度"},
    {"令和6年度", "2024-04-01", "2025-04-01", P_FY, "令和6年度"},
    {"H27年度", "2015-04-01", "2016-04-01", P_FY, "平成27年度"},
    {"2024年度上期", "2024-04-01", "2024-10-01", P_HALF, "2024年度上期"},
    {"2024年度下半期", "2024-10-01", "2025-04-01", P_HALF, "2024年度下期"},
    {"2024年上半期", "2024-01-01", "2024-07-01", P_HALF, "2024年上期"},
    {"2024H2", "2024-07-01", "2025-01-01", P_HALF, "2024年下期"},
    {"2024年第2四半期", "2024-04-01", "2024-07-01", P_Q, "2024年第2四半期"},
    {"2024Q2", "2024-04-01", "2024-07-01", P_Q, "2024年第2四半期"},
    {"2024-Q4", "2024-10-01", "2025-01-01", P_Q, "2024年第4四半期"},
    {"2024 Q1", "2024-01-01", "2024-04-01", P_Q, "2024年第1四半期"},
    {"2024年3Q", "2024-07-01", "2024-10-01", P_Q, "2024年第3四半期"},
    {"2024年度第1四半期", "2024-04-01", "2024-07-01", P_Q, "2024年度第1四半期"},
    {"FY2024Q4", "2025-01-01", "2025-04-01", P_Q, "2024年度第4四半期"},
    {"2024年度4Q", "2025-01-01", "2025-04-01", P_Q, "2024年度第4四半期"},
    /* refused, with the reason */
    REFUSED("2025-02-30", "2025年2月 has 28 days"),
    REFUSED("2023-02-29", "2023年2月 has 28 days"),
    REFUSED("2024年4月31日", "2024年4月 has 30 days"),
    REFUSED("2025-13", "there is no month 13"),
    REFUSED("2025-00-10", "there is no month 0"),
    REFUSED("2025年1月20日(火)", "is a 月曜日, not a 火曜日"),
    REFUSED("24/5", "two-digit year"),
    REFUSED("24年5月", "two-digit year"),
    REFUSED("20250120", "2025-01-20"),
    REFUSED("令和元年4月", "令和 began on 2019年5月1日"),
    REFUSED("平成31年5月1日", "平成 ended on 2019年4月30日"),
    REFUSED("昭和64年1月8日", "昭和 ended"),
    REFUSED("2024年第5四半期", "a quarter is 1 to 4"),
    REFUSED("2024Q0", "a quarter is 1 to 4"),
    REFUSED("2024年6〜4月", "not a run of months"),
    REFUSED("令和", "expected the year of the era"),
    REFUSED("yesterday", "expected a date such as"),
    REFUSED("", "empty"),
    REFUSED("2025-01-20x", "after the date"),
    REFUSED("FY20245", "fiscal year"),
};

static double day_of(const char *iso)
{
    int y, m, d;
    assert_int_equal(sscanf(iso, "%d-%d-%d", &y, &m, &d), 3);
    return zy_days_from_civil(y, m, d);
}

static void test_dates(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        const date_case *c = &dates[i];
        zy_event_date w;
        char why[160] = "";
        bool ok = zy_parse_event_date(c->text, &w, why, sizeof why);
        if (ok != (c->first != NULL))
            fail_msg("\"%s\": %s (%s)", c->text, ok ? "accepted" : "refused", ok ? w.text : why);
        if (!ok) {
            if (!strstr(why, c->shown))
                fail_msg("\"%s\": reason \"%s\" does not say \"%s\"", c->text, why, c->shown);
            continue;
        }
        double first = day_of(c->first), after = c->after ? day_of(c->after) : first;
        if (w.precision != c->p || w.start != first || w.end != after || strcmp(w.text, c->shown) != 0)
            fail_msg("\"%s\": precision %d, %g..%g, \"%s\"; expected %d, %g..%g, \"%s\"", c->text,
                     w.precision, w.start, w.end, w.text, c->p, first, after, c->shown);
    }
    assert_true(zy_days_from_civil(1970, 1, 1) == 0);
    assert_true(zy_days_from_civil(2025, 1, 20) - zy_days_from_civil(2024, 12, 31) == 20);
    int y, m, d;
    zy_civil_from_days(zy_days_from_civil(2024, 2, 29), &y, &m, &d);
    assert_true(y == 2024 && m == 2 && d == 29);
}

/* A bad cell names its file, line and column. */
static void test_bad_date_names_its_place(void **state)
{
    (void)state;
    const char *csv = "date,label\n2025-01-20,一\n2025-02-30,二\n";
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "t.csv", csv, strlen(csv), 0, &t), ZY_OK);
    zy_timeline_options o;
    zy_timeline_options_defaults(&o);
    o.date_column = "date";
    o.label_column = "label";
    zy_timeline_data *data;
    assert_int_equal(zy_timeline_data_from_table(&d, t, &o, &data), ZY_ERR_DATA);
    assert_non_null(strstr(d.message, "t.csv:3:1:"));
    assert_non_null(strstr(d.message, "2025年2月 has 28 days"));
    zy_table_destroy(t);
}

/* ---- layout geometry ---- */

/* Does the segment cross the inside of the box? (Liang–Barsky clipping) */
static bool segment_enters(double x0, double y0, double x1, double y1, zy_box b)
{
    const double eps = 0.01;
    double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {x0 - (b.x + eps), (b.x + b.w - eps) - x0, y0 - (b.y + eps), (b.y + b.h - eps) - y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
        } else {
            double r = q[i] / p[i];
            if (p[i] < 0)
                t0 = fmax(t0, r);
            else
                t1 = fmin(t1, r);
        }
    }
    return t0 < t1;
}

static void check(const zy_layout *l, const char *what)
{
    for (size_t i = 0; i < l->ntext; i++) {
        zy_box a = l->texts[i].box;
        if (a.x < -0.01 || a.y < -0.01 || a.x + a.w > l->width + 0.01 || a.y + a.h > l->height + 0.01)
            fail_msg("%s: \"%s\" leaves the canvas", what, l->texts[i].text);
        for (size_t j = i + 1; j < l->ntext; j++)
            if (zy_box_overlap(a, l->texts[j].box))
                fail_msg("%s: \"%s\" overlaps \"%s\"", what, l->texts[i].text, l->texts[j].text);
        for (size_t k = 0; k < l->nline; k++) {
            const zy_line_item *ln = &l->lines[k];
            if (ln->leader && segment_enters(ln->x0, ln->y0, ln->x1, ln->y1, a))
                fail_msg("%s: a leader at x=%.1f crosses \"%s\"", what, ln->x0, l->texts[i].text);
            /* lanes' lines, their separators and the axis run clear of text too (only the
             * light vertical grid passes behind labels, which knock it out) */
            if (ln->y0 == ln->y1 && segment_enters(ln->x0, ln->y0, ln->x1, ln->y1, a))
                fail_msg("%s: a line at y=%.1f crosses \"%s\"", what, ln->y0, l->texts[i].text);
        }
        for (size_t k = 0; k < l->ncircle; k++) {
            const zy_circle_item *c = &l->circles[k];
            zy_box mark = {c->cx - c->r, c->cy - c->r, 2 * c->r, 2 * c->r};
            if (zy_box_overlap(a, mark))
                fail_msg("%s: \"%s\" covers a mark", what, l->texts[i].text);
        }
    }
}

typedef struct layout_case {
    const char *name;
    const char *csv;
    bool lanes;
    int width, height;
    const char *title;
} layout_case;

static zy_status layout_csv(const layout_case *c, zy_theme theme, zy_layout *l, size_t *nevents)
{
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "t.csv", c->csv, strlen(c->csv), 0, &t), ZY_OK);
    zy_timeline_options o;
    zy_timeline_options_defaults(&o);
    o.date_column = "date";
    o.label_column = "label";
    o.lane_column = c->lanes ? "lane" : NULL;
    o.width = c->width;
    o.height = c->height;
    o.title = c->title ? c->title : "タイムライン";
    o.source = "出所: テスト";
    zy_timeline_data *data;
    if (zy_timeline_data_from_table(&d, t, &o, &data) != ZY_OK)
        fail_msg("%s: %s", c->name, d.message);
    *nevents = data->nevent;
    zy_theme_colors colors;
    zy_theme_colors_make(theme, NULL, &colors);
    zy_status st = zy_timeline_layout_build(&d, fonts, data, &o, &colors, l);
    if (st == ZY_OK)
        check(l, c->name);
    zy_timeline_data_destroy(data);
    zy_table_destroy(t);
    return st;
}

/* Every event's label is in the layout (alone or in its date's group). */
static void assert_every_label_drawn(const zy_layout *l, const char *csv, const char *what)
{
    const char *row = strchr(csv, '\n') + 1;
    while (*row) {
        const char *end = strchr(row, '\n');
        const char *c1 = strchr(row, ',');
        const char *c2 = memchr(c1 + 1, ',', (size_t)(end - c1 - 1));
        size_t n = (size_t)((c2 ? c2 : end) - c1 - 1);
        char label[128];
        snprintf(label, sizeof label, "%.*s", (int)n, c1 + 1);
        bool found = false;
        for (size_t i = 0; i < l->ntext && !found; i++)
            found = l->texts[i].role == ZY_ROLE_VALUE && strstr(l->texts[i].text, label);
        if (!found)
            fail_msg("%s: \"%s\" is not drawn", what, label);
        row = end + 1;
    }
}

static char *dense_months(void)
{
    /* 30 events in three months, in three lanes */
    static const char *const who[] = {"A社", "B社", "行政", "取引所", "研究所"};
    static const char *const what[] = {"が新製品を発表", "と提携", "が値下げ", "が出資を受ける", "の新拠点"};
    static const char *const lanes[] = {"企業", "行政", "市場"};
    char *csv = malloc(8192);
    strcpy(csv, "date,label,lane\n");
    for (int i = 0; i < 30; i++) {
        char row[160];
        int month = 4 + i % 3, day = 1 + (i * 7) % 28;
        snprintf(row, sizeof row, "2024-%02d-%02d,%s%s%d,%s\n", month, day, who[i % 5], what[(i / 5) % 5], i,
                 lanes[(i * 2) % 3]);
        strcat(csv, row);
    }
    return csv;
}

static void test_layouts_never_overlap(void **state)
{
    (void)state;
    const char *sparse = "date,label,lane\n2019,智譜AI 設立,設立\n2021,MiniMax 設立,設立\n"
                         "2023,Moonshot AI 設立,設立\n2023,百川智能 設立,設立\n2024-09,OpenAI o1 公開,公開\n"
                         "2024-12,DeepSeek V3 公開,公開\n2025-01-20,DeepSeek R1 公開,公開\n"
                         "2025-01-29,Qwen 2.5-Max 発表,公開\n2022-10,輸出規制の強化,政策\n2017-07,AI発展計画,政策\n";
    const char *months = "date,label,lane\n2023-04-03,新年度の組織改編,社内\n2023-05-15,β版を社内公開,製品\n"
                         "2023-06-01,価格改定の発表,営業\n2023-06-20,正式版リリース,製品\n"
                         "2023-08-10,大阪拠点の開設,社内\n2023-09-05,海外展開の第一弾,営業\n"
                         "2023-11-28,バージョン2.0公開,製品\n2024-01-15,年次カンファレンス,営業\n"
                         "2024-02-01,モバイルアプリ公開,製品\n";
    const char *periods = "date,label,lane\n2024年度,中期計画の初年度,計画\n2024Q2,新工場の立ち上げ,製造\n"
                          "2024年第3四半期,量産開始,製造\n令和6年10月,価格改定,営業\n平成27年度,前身の計画,計画\n"
                          "2016年度上期,試作,製造\n2020-03-15,設立,営業\n";
    char crowded[4096] = "date,label,lane\n";
    for (int i = 0; i < 6; i++) {
        char row[128];
        snprintf(row, sizeof row, "2025-01-20,同じ日の出来事%d,%s\n", i, i % 2 ? "公開" : "設立");
        strcat(crowded, row);
    }
    char neighbours[4096] = "date,label,lane\n";
    for (int i = 0; i < 8; i++) {
        char row[128];
        snprintf(row, sizeof row, "2025-01-%02d,隣の日の出来事%d,公開\n", 10 + i, i);
        strcat(neighbours, row);
    }
    char *dense = dense_months();
    char daily[8192] = "date,label,lane\n"; /* 40 days running: numbers and a list beside */
    for (int i = 0; i < 40; i++) {
        char row[160];
        int y, m, d;
        zy_civil_from_days(zy_days_from_civil(2024, 3, 1) + i, &y, &m, &d);
        snprintf(row, sizeof row, "%d-%02d-%02d,第%d回の定例会見で新しい方針を説明,%s\n", y, m, d, i,
                 i % 3 ? "会見" : "発表");
        strcat(daily, row);
    }
    const char *inputs[] = {sparse, months, periods, crowded, neighbours, dense, daily};
    const char *names[] = {"sparse", "months", "periods", "crowded", "neighbours", "dense", "daily"};
    const int sizes[][2] = {{800, 450}, {1600, 900}, {842, 595}, {1920, 1080}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (int lanes = 0; lanes < 2; lanes++)
            for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++)
                for (int theme = 0; theme < 2; theme++) {
                    char what[96];
                    snprintf(what, sizeof what, "%s %dx%d lanes=%d theme=%d", names[k], sizes[s][0],
                             sizes[s][1], lanes, theme);
                    layout_case c = {what, inputs[k], lanes, sizes[s][0], sizes[s][1], NULL};
                    zy_layout l;
                    size_t nevents;
                    if (layout_csv(&c, theme ? ZY_THEME_DARK : ZY_THEME_LIGHT, &l, &nevents) != ZY_OK)
                        fail_msg("%s: refused", what);
                    assert_every_label_drawn(&l, inputs[k], what);
                    zy_layout_free(&l);
                }
    free(dense);
}

/* Too many labels for their marks: numbers at the marks and the events listed beside. */
static void test_dense_days_get_a_list(void **state)
{
    (void)state;
    char csv[8192] = "date,label\n";
    for (int i = 0; i < 40; i++) {
        char row[160];
        int y, m, d;
        zy_civil_from_days(zy_days_from_civil(2024, 3, 1) + i, &y, &m, &d);
        snprintf(row, sizeof row, "%d-%02d-%02d,第%d回の定例会見で新しい方針を説明\n", y, m, d, i);
        strcat(csv, row);
    }
    layout_case c = {"list", csv, false, 1600, 900, NULL};
    zy_layout l;
    size_t n;
    assert_int_equal(layout_csv(&c, ZY_THEME_LIGHT, &l, &n), ZY_OK);
    bool number = false, entry = false;
    for (size_t i = 0; i < l.ntext; i++) {
        number |= strcmp(l.texts[i].text, "40") == 0;
        entry |= strstr(l.texts[i].text, "4月9日") && strstr(l.texts[i].text, "第39回");
    }
    assert_true(number && entry);
    assert_every_label_drawn(&l, csv, "list");
    zy_layout_free(&l);
}

/* A lane with one event is lower than a lane with many. */
static void test_lanes_sized_by_content(void **state)
{
    (void)state;
    char csv[4096] = "date,label,lane\n2024-06-15,ひとつだけ,少ない\n";
    for (int i = 0; i < 10; i++) {
        char row[128];
        snprintf(row, sizeof row, "2024-%02d-%02d,混み合った出来事%d,多い\n", 5 + i / 5, 1 + (i % 5) * 3, i);
        strcat(csv, row);
    }
    layout_case c = {"lane sizes", csv, true, 1600, 900, NULL};
    zy_layout l;
    size_t n;
    assert_int_equal(layout_csv(&c, ZY_THEME_LIGHT, &l, &n), ZY_OK);
    /* the plot runs from the grid lines' top to the axis; the lane separator splits it */
    double plot_top = -1, axis_y = -1, sep = -1, sep_x = l.width;
    for (size_t i = 0; i < l.nline; i++) {
        const zy_line_item *ln = &l.lines[i];
        if (ln->leader)
            continue;
        if (ln->x0 == ln->x1 && plot_top < 0)
            plot_top = ln->y0, axis_y = ln->y1;
        if (ln->y0 == ln->y1 && ln->x0 < sep_x) /* the separator starts left of the lane names */
            sep = ln->y0, sep_x = ln->x0;
    }
    assert_true(plot_top > 0 && sep > plot_top && axis_y > sep);
    double top_band = sep - plot_top, bottom_band = axis_y - sep;
    if (!(top_band * 1.5 < bottom_band))
        fail_msg("one event's lane is %.0f px, ten events' %.0f px", top_band, bottom_band);
    zy_layout_free(&l);
}

/* Month ticks name the month; the year only at the first tick and at January. */
static void test_month_ticks(void **state)
{
    (void)state;
    zy_layout l;
    size_t n;
    layout_case c = {"month ticks", "date,label\n2023-01-15,一\n2023-04-01,二\n2023-09-20,三\n2024-02-10,四\n",
                     false, 1600, 900, NULL};
    assert_int_equal(layout_csv(&c, ZY_THEME_LIGHT, &l, &n), ZY_OK);
    size_t months = 0, years = 0;
    for (size_t i = 0; i < l.ntext; i++) {
        if (l.texts[i].role != ZY_ROLE_TICK)
            continue;
        const char *x = l.texts[i].text;
        if (strstr(x, "年") && strstr(x, "月") && !strstr(x, "日"))
            years++;
        else if (strstr(x, "月") && !strstr(x, "日") && !strstr(x, "年")) {
            months++;
            assert_true(x[0] >= '1' && x[0] <= '9' && strlen(x) <= strlen("12月"));
        }
        if (strstr(x, "2023月") || strstr(x, "2024月"))
            fail_msg("a month tick printed its year: \"%s\"", x);
    }
    assert_true(months >= 5);
    assert_int_equal(years, 2); /* 2023年1月 and 2024年1月 */
    zy_layout_free(&l);
}

/* Ticks suit the span: years (2023年), months, days (1月20日). */
static void test_ticks_per_span(void **state)
{
    (void)state;
    static const struct {
        const char *csv, *tick;
    } spans[] = {
        {"date,label\n2015,一\n2024,二\n", "2020年"},
        {"date,label\n2024-03-01,一\n2024-11-20,二\n", "2024年3月"},
        {"date,label\n2025-01-10,一\n2025-01-28,二\n", "1月20日"},
        {"date,label\n2017-07,一\n2025-01-20,二\n", "2017年"}, /* the axis starts at the first year */
    };
    for (size_t k = 0; k < sizeof spans / sizeof spans[0]; k++) {
        zy_layout l;
        size_t n;
        layout_case c = {"span", spans[k].csv, false, 1600, 900, NULL};
        assert_int_equal(layout_csv(&c, ZY_THEME_LIGHT, &l, &n), ZY_OK);
        bool found = false;
        for (size_t i = 0; i < l.ntext; i++)
            found |= l.texts[i].role == ZY_ROLE_TICK && strcmp(l.texts[i].text, spans[k].tick) == 0;
        if (!found)
            fail_msg("span %zu: no tick \"%s\"", k, spans[k].tick);
        zy_layout_free(&l);
    }
}

static void test_periods_are_bands(void **state)
{
    (void)state;
    zy_layout l;
    size_t n;
    layout_case c = {"precision", "date,label\n2023,年の出来事\n2024-09,月の出来事\n2024年度,年度の出来事\n"
                                  "2024Q3,四半期の出来事\n2025-01-20,日の出来事\n",
                     false, 1600, 900, NULL};
    assert_int_equal(layout_csv(&c, ZY_THEME_LIGHT, &l, &n), ZY_OK);
    size_t outlines = 0;
    for (size_t i = 0; i < l.nrect; i++)
        outlines += l.rects[i].stroke > 0;
    assert_int_equal(outlines, 4 + 1); /* four periods + the legend swatch */
    assert_int_equal(l.ncircle, 1);
    zy_layout_free(&l);
}

/* --font-size sets the labels' size and is kept (not shrunk to fit). */
static void test_font_size(void **state)
{
    (void)state;
    const char *csv = "date,label\n2024-03-01,ひとつめ\n2024-09-01,ふたつめ\n";
    struct zy_table *t;
    zy_diag d = {0};
    assert_int_equal(zy_csv_parse(&d, "t.csv", csv, strlen(csv), 0, &t), ZY_OK);
    zy_timeline_options o;
    zy_timeline_options_defaults(&o);
    o.date_column = "date";
    o.label_column = "label";
    o.title = "題";
    zy_timeline_data *data;
    assert_int_equal(zy_timeline_data_from_table(&d, t, &o, &data), ZY_OK);
    zy_theme_colors colors;
    zy_theme_colors_make(ZY_THEME_LIGHT, NULL, &colors);
    double sizes[2] = {0, 0}, title[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        o.font_size = k ? 30 : 0;
        zy_layout l;
        assert_int_equal(zy_timeline_layout_build(&d, fonts, data, &o, &colors, &l), ZY_OK);
        check(&l, "font size");
        for (size_t i = 0; i < l.ntext; i++) {
            if (strcmp(l.texts[i].text, "ひとつめ") == 0)
                sizes[k] = l.texts[i].style.size;
            if (l.texts[i].role == ZY_ROLE_TITLE)
                title[k] = l.texts[i].style.size;
        }
        zy_layout_free(&l);
    }
    assert_true(fabs(sizes[1] - 30) < 0.01);
    assert_true(sizes[0] < 30);
    assert_true(title[1] / title[0] > 1.3); /* the title scales with the labels */
    /* a size that cannot fit is refused, not shrunk */
    o.font_size = 200;
    o.width = 800;
    o.height = 450;
    zy_layout l;
    assert_int_equal(zy_timeline_layout_build(&d, fonts, data, &o, &colors, &l), ZY_ERR_LIMIT);
    zy_layout_free(&l);
    zy_timeline_data_destroy(data);
    zy_table_destroy(t);
}

static void test_too_crowded_is_refused_with_hint(void **state)
{
    (void)state;
    char *csv = malloc(200000);
    strcpy(csv, "date,label\n");
    for (int i = 0; i < 400; i++) {
        char row[128];
        snprintf(row, sizeof row, "2025-01-20,とても混み合った同じ日の出来事 その%d\n", i);
        strcat(csv, row);
    }
    zy_layout l;
    size_t n;
    layout_case c = {"400 on one day", csv, false, 1600, 900, NULL};
    zy_diag d = {0};
    (void)d;
    assert_int_equal(layout_csv(&c, ZY_THEME_LIGHT, &l, &n), ZY_ERR_LIMIT);
    zy_layout_free(&l);
    free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_bad_date_names_its_place),
        cmocka_unit_test(test_layouts_never_overlap),
        cmocka_unit_test(test_dense_days_get_a_list),
        cmocka_unit_test(test_lanes_sized_by_content),
        cmocka_unit_test(test_periods_are_bands),
        cmocka_unit_test(test_month_ticks),
        cmocka_unit_test(test_ticks_per_span),
        cmocka_unit_test(test_font_size),
        cmocka_unit_test(test_too_crowded_is_refused_with_hint),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
