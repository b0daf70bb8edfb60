/*
 * test_layout.c: bar-chart layout checked the way a reader would: no two labels overlap,
 * nothing leaves the canvas, for short, long and mixed labels at three canvas sizes, in both
 * orientations, with groups, stacks and negative values; rank charts read as rankings (best
 * first, an axis from 1位, the change coloured by its direction).
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

/* ---- rank charts ---- */

/* Ranks at two times, the later year first for one subject: A improves 5 → 1, B declines
 * 2 → 5, C stays at 3, D improves 4 → 1 (a tie with A at 1位). */
static const char *rank_csv =
    "name,year,v\nA社,2024,1\nA社,2020,5\nB社,2020,2\nB社,2024,5\nC社,2020,3\nC社,2024,3\n"
    "D社,2020,4\nD社,2024,1\n";

static zy_bar_data *rank_data(const char *csv, const char *group, zy_sort sort)
{
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "r.csv", csv, strlen(csv), 0, &t), ZY_OK);
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "name";
    o.value_column = "v";
    o.group_column = group;
    o.unit = "位";
    o.sort = sort;
    zy_bar_data *data;
    if (zy_bar_data_from_table(&d, t, &o, &data) != ZY_OK)
        fail_msg("%s", d.message);
    zy_table_destroy(t);
    return data;
}

static void rank_layout(const zy_bar_data *data, bool dumbbell, zy_theme theme, int w, int h,
                        zy_theme_colors *colors, zy_layout *l)
{
    zy_diag d = {0};
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.unit = "位";
    o.dumbbell = dumbbell;
    o.width = w;
    o.height = h;
    o.title = "順位の変化";
    o.source = "出典: テスト";
    zy_theme_colors_make(theme, NULL, colors);
    if (zy_bar_layout_build(&d, fonts, data, &o, colors, l) != ZY_OK)
        fail_msg("%dx%d: %s", w, h, d.message);
}

static const zy_text_item *text_with(const zy_layout *l, zy_text_role role, const char *text)
{
    for (size_t i = 0; i < l->ntext; i++)
        if (l->texts[i].role == role && strcmp(l->texts[i].text, text) == 0)
            return &l->texts[i];
    return NULL;
}

static double row_y(const zy_layout *l, const char *category)
{
    const zy_text_item *t = text_with(l, ZY_ROLE_CATEGORY, category);
    if (!t)
        fail_msg("no row for %s", category);
    return t->box.y + t->box.h / 2;
}

static bool same_color(zy_color a, zy_color b)
{
    return fabs(a.r - b.r) + fabs(a.g - b.g) + fabs(a.b - b.b) < 1e-9;
}

/* The horizontal line drawn across a row between two different x (the dumbbell's joint). */
static const zy_line_item *joint_of(const zy_layout *l, double y)
{
    const zy_line_item *found = NULL;
    for (size_t i = 0; i < l->nline; i++) {
        const zy_line_item *ln = &l->lines[i];
        if (ln->y0 == ln->y1 && fabs(ln->y0 - y) < 2)
            found = ln;
    }
    return found;
}

/* Every tick is a whole rank from 1位: never 0位. */
static void check_rank_ticks(const zy_layout *l)
{
    size_t ticks = 0;
    for (size_t i = 0; i < l->ntext; i++) {
        if (l->texts[i].role != ZY_ROLE_TICK)
            continue;
        char *end;
        double v = strtod(l->texts[i].text, &end);
        if (v < 1 || v != floor(v) || strcmp(end, "位") != 0)
            fail_msg("tick \"%s\" is not a whole rank from 1位", l->texts[i].text);
        if (ticks++ == 0)
            assert_string_equal(l->texts[i].text, "1位");
    }
    assert_true(ticks >= 2);
}

static void test_rank_data_best_first_in_time_order(void **state)
{
    (void)state;
    zy_bar_data *data = rank_data(rank_csv, "year", ZY_SORT_NONE);
    assert_true(data->rank);
    assert_string_equal(data->groups[0], "2020");
    assert_string_equal(data->groups[1], "2024");
    /* by the 2024 rank, the tie at 1位 by the 2020 rank */
    const char *order[] = {"D社", "A社", "C社", "B社"};
    assert_int_equal(data->ncat, 4);
    for (size_t c = 0; c < 4; c++)
        assert_string_equal(data->categories[c], order[c]);
    zy_bar_data_destroy(data);
    data = rank_data(rank_csv, "year", ZY_SORT_ASC); /* asc: worst first */
    assert_string_equal(data->categories[0], "B社");
    zy_bar_data_destroy(data);
}

static void test_rank_dumbbell_reads_as_a_ranking(void **state)
{
    (void)state;
    zy_bar_data *data = rank_data(rank_csv, "year", ZY_SORT_NONE);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (int dark = 0; dark < 2; dark++) {
            zy_theme_colors colors;
            zy_layout l;
            rank_layout(data, true, dark ? ZY_THEME_DARK : ZY_THEME_LIGHT, sizes[s][0], sizes[s][1],
                        &colors, &l);
            check_layout(&l, "rank dumbbell");
            check_rank_ticks(&l);
            /* 1位 at the top: the subject ranked 1 sits above the one ranked 5 */
            assert_true(row_y(&l, "A社") < row_y(&l, "B社"));
            /* ties: both subjects at 1位 drawn, each with its own label */
            assert_true(row_y(&l, "D社") < row_y(&l, "A社"));
            size_t ones = 0;
            for (size_t i = 0; i < l.ntext; i++)
                ones += l.texts[i].role == ZY_ROLE_VALUE && strcmp(l.texts[i].text, "1位") == 0;
            assert_int_equal(ones, 2);
            /* the change coloured by its direction, with a key */
            const zy_line_item *up = joint_of(&l, row_y(&l, "A社"));
            const zy_line_item *down = joint_of(&l, row_y(&l, "B社"));
            const zy_line_item *same = joint_of(&l, row_y(&l, "C社"));
            assert_non_null(up);
            assert_non_null(down);
            assert_non_null(same);
            assert_true(same_color(up->color, colors.improved));
            assert_true(same_color(down->color, colors.declined));
            assert_true(same_color(same->color, colors.muted));
            assert_false(same_color(colors.improved, colors.declined));
            /* 1位 at the left: A's 2024 dot (1位) left of its 2020 dot (5位) */
            assert_true(up->x0 > up->x1);
            assert_non_null(text_with(&l, ZY_ROLE_LEGEND, "順位が上昇"));
            assert_non_null(text_with(&l, ZY_ROLE_LEGEND, "順位が下降"));
            assert_non_null(text_with(&l, ZY_ROLE_LEGEND, "変わらず"));
            zy_layout_free(&l);
        }
    zy_bar_data_destroy(data);
}

static void test_rank_chart_is_dots_not_bars(void **state)
{
    (void)state;
    static const char *csv = "name,v\n東京大学,71\n清華大学,2\n北京大学,6\n浙江大学,6\n上海交通大学,9\n";
    zy_bar_data *data = rank_data(csv, NULL, ZY_SORT_NONE);
    assert_string_equal(data->categories[0], "清華大学");
    assert_string_equal(data->categories[4], "東京大学");
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        zy_theme_colors colors;
        zy_layout l;
        rank_layout(data, false, ZY_THEME_LIGHT, sizes[s][0], sizes[s][1], &colors, &l);
        check_layout(&l, "rank dots");
        check_rank_ticks(&l);
        assert_int_equal(l.nrect, 0); /* no bar whose length would stand for a rank */
        assert_true(l.ncircle >= 5);
        assert_true(row_y(&l, "清華大学") < row_y(&l, "東京大学"));
        assert_true(row_y(&l, "北京大学") < row_y(&l, "浙江大学")); /* a tie keeps file order */
        zy_layout_free(&l);
    }
    zy_bar_data_destroy(data);
}

static void test_rank_below_one_refused(void **state)
{
    (void)state;
    static const char *csv = "name,v\nA社,0\n";
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "r.csv", csv, strlen(csv), 0, &t), ZY_OK);
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "name";
    o.value_column = "v";
    o.unit = "位";
    zy_bar_data *data;
    assert_int_equal(zy_bar_data_from_table(&d, t, &o, &data), ZY_ERR_DATA);
    assert_non_null(strstr(d.message, "r.csv:2:2"));
    assert_non_null(strstr(d.message, "not a rank"));
    zy_table_destroy(t);
}

/* The tick labels of a bar chart of csv with unit, joined by spaces. */
static void tick_texts(const char *csv, const char *unit, char *out, size_t cap)
{
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "t.csv", csv, strlen(csv), 0, &t), ZY_OK);
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "name";
    o.value_column = "v";
    o.unit = unit;
    zy_bar_data *data;
    assert_int_equal(zy_bar_data_from_table(&d, t, &o, &data), ZY_OK);
    zy_theme_colors colors;
    zy_theme_colors_make(ZY_THEME_LIGHT, NULL, &colors);
    zy_layout l;
    assert_int_equal(zy_bar_layout_build(&d, fonts, data, &o, &colors, &l), ZY_OK);
    out[0] = '\0';
    for (size_t i = 0; i < l.ntext; i++)
        if (l.texts[i].role == ZY_ROLE_TICK)
            snprintf(out + strlen(out), cap - strlen(out), "%s ", l.texts[i].text);
    zy_layout_free(&l);
    zy_bar_data_destroy(data);
    zy_table_destroy(t);
}

/* One unit style per axis: never 8,000 beside 1万, never 1万 above "単位: 万人". */
static void test_axis_one_unit_style(void **state)
{
    (void)state;
    char ticks[512];
    tick_texts("name,v\nA,8000\nB,12000\nC,3000\n", "万人", ticks, sizeof ticks);
    if (strstr(ticks, "万") || !strstr(ticks, "10,000"))
        fail_msg("ticks with unit 万人: %s", ticks);
    tick_texts("name,v\nA,8000\nB,12000\nC,3000\n", "人", ticks, sizeof ticks);
    if (strstr(ticks, "万") || !strstr(ticks, "8,000"))
        fail_msg("ticks 0..12,000: %s", ticks);
    tick_texts("name,v\nA,50000000\nB,150000000\n", "円", ticks, sizeof ticks);
    if (!strstr(ticks, "0.5億") || strstr(ticks, "万"))
        fail_msg("ticks 0..1.5億: %s", ticks);
    tick_texts("name,v\nA,200000000\nB,800000000\n", "円", ticks, sizeof ticks);
    if (!strstr(ticks, "2億") || strstr(ticks, "."))
        fail_msg("ticks in whole 億: %s", ticks);
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
        cmocka_unit_test(test_rank_data_best_first_in_time_order),
        cmocka_unit_test(test_rank_dumbbell_reads_as_a_ranking),
        cmocka_unit_test(test_rank_chart_is_dots_not_bars),
        cmocka_unit_test(test_rank_below_one_refused),
        cmocka_unit_test(test_axis_one_unit_style),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
