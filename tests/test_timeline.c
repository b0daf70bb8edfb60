/*
 * test_timeline.c: timeline dates and layout: date parsing (table-driven), and labels that
 * never overlap nor leave the canvas with sparse, crowded (many events on one day) and
 * neighbouring events, with and without lanes, at three sizes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
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

typedef struct date_case {
    const char *text;
    bool ok;
    int y, m, d;
    zy_precision p;
} date_case;

static const date_case dates[] = {
    {"2025-01-20", true, 2025, 1, 20, ZY_PRECISION_DAY},
    {"2025-01", true, 2025, 1, 0, ZY_PRECISION_MONTH},
    {"2025", true, 2025, 0, 0, ZY_PRECISION_YEAR},
    {"2025/1/20", true, 2025, 1, 20, ZY_PRECISION_DAY},
    {"2025年1月20日", true, 2025, 1, 20, ZY_PRECISION_DAY},
    {"2024年9月", true, 2024, 9, 0, ZY_PRECISION_MONTH},
    {"2019年", true, 2019, 0, 0, ZY_PRECISION_YEAR},
    {" 2023 ", true, 2023, 0, 0, ZY_PRECISION_YEAR},
    {"2024-02-29", true, 2024, 2, 29, ZY_PRECISION_DAY},
    {"2023-02-29", false, 0, 0, 0, 0},
    {"2025-13", false, 0, 0, 0, 0},
    {"2025-00-10", false, 0, 0, 0, 0},
    {"20250120", false, 0, 0, 0, 0},
    {"yesterday", false, 0, 0, 0, 0},
    {"", false, 0, 0, 0, 0},
    {"2025-01-20x", false, 0, 0, 0, 0},
};

static void test_dates(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        int y = 0, m = 0, d = 0;
        zy_precision p = 0;
        bool ok = zy_parse_event_date(dates[i].text, &y, &m, &d, &p);
        if (ok != dates[i].ok)
            fail_msg("date %zu \"%s\": %s", i, dates[i].text, ok ? "accepted" : "refused");
        if (ok && (y != dates[i].y || m != dates[i].m || d != dates[i].d || p != dates[i].p))
            fail_msg("date %zu \"%s\": %d-%d-%d precision %d", i, dates[i].text, y, m, d, p);
    }
    assert_true(zy_days_from_civil(1970, 1, 1) == 0);
    assert_true(zy_days_from_civil(2025, 1, 20) - zy_days_from_civil(2024, 12, 31) == 20);
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
    }
}

static zy_status layout_csv(const char *csv, bool lanes, int w, int h, const char *what,
                            zy_layout *l)
{
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "t.csv", csv, strlen(csv), 0, &t), ZY_OK);
    zy_timeline_options o;
    zy_timeline_options_defaults(&o);
    o.date_column = "date";
    o.label_column = "label";
    o.lane_column = lanes ? "lane" : NULL;
    o.width = w;
    o.height = h;
    o.title = "タイムライン";
    zy_timeline_data *data;
    if (zy_timeline_data_from_table(&d, t, &o, &data) != ZY_OK)
        fail_msg("%s: %s", what, d.message);
    zy_theme_colors colors;
    zy_theme_colors_make(ZY_THEME_LIGHT, NULL, &colors);
    zy_status st = zy_timeline_layout_build(&d, fonts, data, &o, &colors, l);
    if (st == ZY_OK)
        check(l, what);
    zy_timeline_data_destroy(data);
    zy_table_destroy(t);
    return st;
}

static void test_sparse_crowded_neighbouring(void **state)
{
    (void)state;
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
    const char *sparse = "date,label,lane\n2019,智譜AI 設立,設立\n2023,Moonshot AI 設立,設立\n"
                         "2024-09,OpenAI o1 公開,公開\n2025-01-20,DeepSeek R1 公開,公開\n";
    const int sizes[][2] = {{1600, 900}, {1200, 675}, {1920, 1080}};
    for (size_t s = 0; s < 3; s++)
        for (int lanes = 0; lanes < 2; lanes++) {
            zy_layout l;
            const char *inputs[] = {sparse, crowded, neighbours};
            const char *names[] = {"sparse", "crowded", "neighbours"};
            for (size_t k = 0; k < 3; k++) {
                char what[64];
                snprintf(what, sizeof what, "%s %dx%d lanes=%d", names[k], sizes[s][0], sizes[s][1], lanes);
                if (layout_csv(inputs[k], lanes, sizes[s][0], sizes[s][1], what, &l) != ZY_OK)
                    fail_msg("%s: refused", what);
                /* every event has its label */
                size_t labels = 0;
                for (size_t i = 0; i < l.ntext; i++)
                    labels += l.texts[i].role == ZY_ROLE_VALUE;
                size_t events = 0;
                for (const char *p = strchr(inputs[k], '\n') + 1; *p; p++)
                    events += *p == '\n';
                assert_int_equal(labels, events);
                zy_layout_free(&l);
            }
        }
}

/* Month ticks name the month; the year only at the first tick and at January. */
static void test_month_ticks(void **state)
{
    (void)state;
    zy_layout l;
    assert_int_equal(layout_csv("date,label\n2023-01-15,一\n2023-04-01,二\n2023-09-20,三\n2024-02-10,四\n",
                                false, 1600, 900, "month ticks", &l), ZY_OK);
    size_t months = 0, years = 0;
    for (size_t i = 0; i < l.ntext; i++) {
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

static void test_year_and_month_are_bands(void **state)
{
    (void)state;
    zy_layout l;
    assert_int_equal(layout_csv("date,label\n2023,年の出来事\n2024-09,月の出来事\n2025-01-20,日の出来事\n",
                                false, 1600, 900, "precision", &l), ZY_OK);
    size_t outlines = 0;
    for (size_t i = 0; i < l.nrect; i++)
        outlines += l.rects[i].stroke > 0;
    assert_int_equal(outlines, 2 + 1); /* two events + the legend swatch */
    assert_int_equal(l.ncircle, 1);
    zy_layout_free(&l);
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
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "t.csv", csv, strlen(csv), 0, &t), ZY_OK);
    zy_timeline_options o;
    zy_timeline_options_defaults(&o);
    o.date_column = "date";
    o.label_column = "label";
    zy_timeline_data *data;
    assert_int_equal(zy_timeline_data_from_table(&d, t, &o, &data), ZY_OK);
    zy_theme_colors colors;
    zy_theme_colors_make(ZY_THEME_LIGHT, NULL, &colors);
    assert_int_equal(zy_timeline_layout_build(&d, fonts, data, &o, &colors, &l), ZY_ERR_LIMIT);
    assert_non_null(strstr(d.message, "--from/--to"));
    zy_layout_free(&l);
    zy_timeline_data_destroy(data);
    zy_table_destroy(t);
    free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_sparse_crowded_neighbouring),
        cmocka_unit_test(test_year_and_month_are_bands),
        cmocka_unit_test(test_month_ticks),
        cmocka_unit_test(test_too_crowded_is_refused_with_hint),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
