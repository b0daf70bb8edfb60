/*
 * test_layout.c: bar-chart layout checked the way a reader would: no two labels overlap,
 * nothing leaves the canvas, for short, long and mixed labels at three canvas sizes, in both
 * orientations, with groups, stacks and negative values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/bar_layout.h"

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

static const char *short_csv = "name,v\nA,10\nB,20\nC,5\n";
static const char *long_csv =
    "name,v\n"
    "国立研究開発法人 産業技術総合研究所 人工知能研究センター 機械学習研究チーム,2174\n"
    "マサチューセッツ工科大学 コンピュータ科学・人工知能研究所,1748\n"
    "カーネギーメロン大学,1081\n"
    "スタンフォード大学 人間中心AI研究所 (Stanford HAI) and a very long English tail,1037\n";
static const char *mixed_csv =
    "name,v\nグーグル,2174\n清華大学,1748\nスタンフォード大学,1081\n"
    "マサチューセッツ工科大学,1037\nカーネギーメロン大学,1015\n北京大学,906\n浙江大学,906\n"
    "マイクロソフト,851\n上海交通大学,810\nメタ,782\n理化学研究所,188\n東京大学,171\n";
static const char *negative_csv = "name,v\n増収企業,1200000000\n減収企業,-800000000\n横ばい,0\n";
static const char *group_csv =
    "name,year,v\n清華大学,2020,8\n清華大学,2024,2\n浙江大学,2020,89\n浙江大学,2024,6\n"
    "東京大学,2020,50\n東京大学,2024,71\n";

static void check_layout(const zy_layout *l, const char *what)
{
    for (size_t i = 0; i < l->ntext; i++) {
        zy_box a = l->texts[i].box;
        if (a.x < -0.01 || a.y < -0.01 || a.x + a.w > l->width + 0.01 ||
            a.y + a.h > l->height + 0.01)
            fail_msg("%s: \"%s\" leaves the %gx%g canvas (%g,%g %gx%g)", what, l->texts[i].text,
                     l->width, l->height, a.x, a.y, a.w, a.h);
        for (size_t j = i + 1; j < l->ntext; j++)
            if (zy_box_overlap(a, l->texts[j].box))
                fail_msg("%s: \"%s\" overlaps \"%s\"", what, l->texts[i].text, l->texts[j].text);
    }
    for (size_t i = 0; i < l->nrect; i++) {
        zy_box r = l->rects[i].box;
        if (r.x < -0.01 || r.y < -0.01 || r.x + r.w > l->width + 0.01 ||
            r.y + r.h > l->height + 0.01)
            fail_msg("%s: bar %zu leaves the canvas", what, i);
    }
}

static void layout_case(const char *csv, const char *group, bool stack, zy_orientation orient,
                        int w, int h, const char *what)
{
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "t.csv", csv, strlen(csv), 0, &t), ZY_OK);
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "name";
    o.value_column = "v";
    o.group_column = group;
    o.stack = stack;
    o.orientation = orient;
    o.width = w;
    o.height = h;
    o.unit = "人";
    o.title = "AIトップ論文の著者数：上位機関の比較と長いタイトルが折り返されることの確認用テキスト";
    o.subtitle = "主要3学会";
    o.source = "出典: zuhyo サンプル";
    zy_bar_data *data;
    if (zy_bar_data_from_table(&d, t, &o, &data) != ZY_OK)
        fail_msg("%s: %s", what, d.message);
    zy_theme_colors colors;
    zy_theme_colors_make(ZY_THEME_LIGHT, NULL, &colors);
    zy_layout l;
    zy_status st = zy_bar_layout_build(&d, fonts, data, &o, &colors, &l);
    if (st != ZY_OK)
        fail_msg("%s: %s", what, d.message);
    char label[160];
    snprintf(label, sizeof label, "%s %dx%d %s", what, w, h,
             orient == ZY_ORIENT_VERTICAL ? "vertical" : orient == ZY_ORIENT_HORIZONTAL ? "horizontal" : "auto");
    check_layout(&l, label);
    /* every bar got a value label */
    size_t values = 0;
    for (size_t i = 0; i < l.ntext; i++)
        values += l.texts[i].role == ZY_ROLE_VALUE;
    size_t expected = 0;
    for (size_t i = 0; i < data->ncat * data->ngroup; i++)
        expected += data->present[i];
    if (!stack && orient != ZY_ORIENT_VERTICAL)
        assert_int_equal(values, expected);
    zy_layout_free(&l);
    zy_bar_data_destroy(data);
    zy_table_destroy(t);
}

static const int sizes[][2] = {{1600, 900}, {800, 450}, {1920, 1080}, {500, 700}};

static void test_no_overlap_all_sizes(void **state)
{
    (void)state;
    const char *inputs[] = {short_csv, long_csv, mixed_csv, negative_csv};
    const char *names[] = {"short", "long", "mixed", "negative"};
    zy_orientation orients[] = {ZY_ORIENT_AUTO, ZY_ORIENT_HORIZONTAL, ZY_ORIENT_VERTICAL};
    for (size_t i = 0; i < 4; i++)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
            for (size_t o = 0; o < 3; o++)
                layout_case(inputs[i], NULL, false, orients[o], sizes[s][0], sizes[s][1], names[i]);
}

static void test_groups_and_stacks(void **state)
{
    (void)state;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        layout_case(group_csv, "year", false, ZY_ORIENT_HORIZONTAL, sizes[s][0], sizes[s][1], "grouped");
        layout_case(group_csv, "year", false, ZY_ORIENT_VERTICAL, sizes[s][0], sizes[s][1], "grouped");
        layout_case(group_csv, "year", true, ZY_ORIENT_HORIZONTAL, sizes[s][0], sizes[s][1], "stacked");
        layout_case(group_csv, "year", true, ZY_ORIENT_VERTICAL, sizes[s][0], sizes[s][1], "stacked");
    }
}

static void test_long_label_wraps_then_ellipsises(void **state)
{
    (void)state;
    char *csv = malloc(4000);
    strcpy(csv, "name,v\nshort,1\n");
    for (int i = 0; i < 333; i++)
        strcat(csv, "長");
    strcat(csv, ",2\n");
    layout_case(csv, NULL, false, ZY_ORIENT_AUTO, 1600, 900, "1000-byte label");
    free(csv);
}

static void test_auto_orientation(void **state)
{
    (void)state;
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "t.csv", short_csv, strlen(short_csv), 0, &t), ZY_OK);
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "name";
    o.value_column = "v";
    zy_bar_data *data;
    assert_int_equal(zy_bar_data_from_table(&d, t, &o, &data), ZY_OK);
    assert_int_equal(zy_bar_layout_orientation(fonts, data, &o), ZY_ORIENT_VERTICAL);
    zy_bar_data_destroy(data);
    zy_table_destroy(t);
    assert_int_equal(zy_csv_parse(&d, "t.csv", long_csv, strlen(long_csv), 0, &t), ZY_OK);
    assert_int_equal(zy_bar_data_from_table(&d, t, &o, &data), ZY_OK);
    assert_int_equal(zy_bar_layout_orientation(fonts, data, &o), ZY_ORIENT_HORIZONTAL);
    zy_bar_data_destroy(data);
    zy_table_destroy(t);
}

static void test_sort_and_top(void **state)
{
    (void)state;
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "t.csv", mixed_csv, strlen(mixed_csv), 0, &t), ZY_OK);
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "name";
    o.value_column = "v";
    o.sort = ZY_SORT_ASC;
    o.top = 3;
    zy_bar_data *data;
    assert_int_equal(zy_bar_data_from_table(&d, t, &o, &data), ZY_OK);
    assert_int_equal(data->ncat, 3);
    assert_string_equal(data->categories[0], "東京大学");
    assert_string_equal(data->categories[2], "メタ");
    zy_bar_data_destroy(data);
    zy_table_destroy(t);
}

static void test_too_many_bars_refused_with_hint(void **state)
{
    (void)state;
    size_t cap = 10001 * 24;
    char *csv = malloc(cap);
    size_t n = (size_t)snprintf(csv, cap, "name,v\n");
    for (int i = 0; i < 10000; i++)
        n += (size_t)snprintf(csv + n, cap - n, "item%d,%d\n", i, i + 1);
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "t.csv", csv, n, 0, &t), ZY_OK);
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "name";
    o.value_column = "v";
    zy_bar_data *data;
    assert_int_equal(zy_bar_data_from_table(&d, t, &o, &data), ZY_OK);
    zy_theme_colors colors;
    zy_theme_colors_make(ZY_THEME_LIGHT, NULL, &colors);
    zy_layout l;
    assert_int_equal(zy_bar_layout_build(&d, fonts, data, &o, &colors, &l), ZY_ERR_LIMIT);
    assert_non_null(strstr(d.message, "use --top"));
    zy_layout_free(&l);
    zy_bar_data_destroy(data);
    zy_table_destroy(t);
    free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_overlap_all_sizes),
        cmocka_unit_test(test_groups_and_stacks),
        cmocka_unit_test(test_long_label_wraps_then_ellipsises),
        cmocka_unit_test(test_auto_orientation),
        cmocka_unit_test(test_sort_and_top),
        cmocka_unit_test(test_too_many_bars_refused_with_hint),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
