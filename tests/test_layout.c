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
#include "text/breaks.h"

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
            if (zy_text_items_overlap(&l->texts[i], &l->texts[j]))
                fail_msg("%s: \"%s\" overlaps \"%s\"", what, l->texts[i].text, l->texts[j].text);
    }
    /* no line but the thin grid runs through text (reference lines break around labels) */
    zy_theme_colors light;
    zy_theme_colors_make(ZY_THEME_LIGHT, NULL, &light);
    for (size_t k = 0; k < l->nline; k++) {
        const zy_line_item *ln = &l->lines[k];
        if (ln->color.r == light.grid.r && ln->color.g == light.grid.g && ln->color.b == light.grid.b)
            continue;
        zy_box thin = {fmin(ln->x0, ln->x1) - ln->width / 2, fmin(ln->y0, ln->y1) - ln->width / 2,
                       fabs(ln->x1 - ln->x0) + ln->width, fabs(ln->y1 - ln->y0) + ln->width};
        for (size_t i = 0; i < l->ntext; i++)
            if (l->texts[i].angle == 0 && zy_box_overlap(thin, l->texts[i].box))
                fail_msg("%s: a line (%.1f,%.1f)-(%.1f,%.1f) runs through \"%s\"", what, ln->x0,
                         ln->y0, ln->x1, ln->y1, l->texts[i].text);
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


/* ---- issue 12: charts that go on a slide unedited ---- */

static const int slide_sizes[][2] = {{800, 450}, {1600, 900}, {842, 595}};

typedef void (*option_setter)(zy_bar_options *o);

/* Build the layout of csv with options from `set`; fails the test on an error. */
static void build_case(const char *csv, option_setter set, int w, int h, zy_layout *l,
                       zy_bar_data **data, struct zy_table **t)
{
    zy_diag d = {0};
    assert_int_equal(zy_csv_parse(&d, "t.csv", csv, strlen(csv), 0, t), ZY_OK);
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "name";
    o.value_column = "v";
    o.width = w;
    o.height = h;
    o.title = "地域別の割合（2024年）";
    o.source = "出典: zuhyo テスト";
    set(&o);
    if (zy_bar_data_from_table(&d, *t, &o, data) != ZY_OK)
        fail_msg("%dx%d: %s", w, h, d.message);
    zy_theme_colors colors;
    zy_theme_colors_make(ZY_THEME_LIGHT, NULL, &colors);
    if (zy_bar_layout_build(&d, fonts, *data, &o, &colors, l) != ZY_OK)
        fail_msg("%dx%d: %s", w, h, d.message);
}

/* Every category label's centre on its bar's centre (±1 px), for single-series vertical
 * charts: the box, and the lines Pango draws inside it. */
static void check_centres(const zy_layout *l, const char *what)
{
    size_t bar = 0;
    for (size_t i = 0; i < l->ntext; i++) {
        const zy_text_item *t = &l->texts[i];
        if (t->role != ZY_ROLE_CATEGORY)
            continue;
        while (bar < l->nrect && l->rects[bar].box.h <= 0)
            bar++;
        assert_true(bar < l->nrect);
        double bar_mid = l->rects[bar].box.x + l->rects[bar].box.w / 2;
        if (t->angle != 0) { /* a turned label ends under its bar */
            double a = t->angle * 3.14159265358979323846 / 180;
            double end_x = t->origin_x + t->length * cos(a) + t->thickness / 2 * sin(a);
            if (fabs(end_x - bar_mid) > 1)
                fail_msg("%s: turned \"%s\" ends at %.1f, its bar at %.1f", what, t->text, end_x, bar_mid);
            bar++;
            continue;
        }
        double box_mid = t->box.x + t->box.w / 2;
        if (fabs(box_mid - bar_mid) > 1)
            fail_msg("%s: \"%s\" centred at %.1f, its bar at %.1f", what, t->text, box_mid, bar_mid);
        PangoLayout *pl = zy_text_layout(fonts, t->text, &t->style);
        PangoLayoutIter *it = pango_layout_get_iter(pl);
        do {
            PangoRectangle line;
            pango_layout_iter_get_line_extents(it, NULL, &line);
            double mid = t->origin_x + (line.x + line.width / 2.0) / PANGO_SCALE;
            if (fabs(mid - bar_mid) > 1)
                fail_msg("%s: a line of \"%s\" is drawn centred at %.1f, its bar at %.1f", what,
                         t->text, mid, bar_mid);
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
        g_object_unref(pl);
        bar++;
    }
}

static const char *pref_csv = "name,v\n北海道,42.5%\n和歌山県,8.0%\n鹿児島県,31.2%\n神奈川県,12%\n"
                              "東京大学大学院情報理工学系研究科,27.5%\n";
static const char *stack_csv = "name,g,v\nトヨタ,国内,150\nトヨタ,北米,260\nトヨタ,欧州,110\n"
                               "ホンダ,国内,70\nホンダ,北米,140\nホンダ,欧州,30\n日産,国内,50\n"
                               "日産,北米,90\n日産,欧州,40\n";
static const char *loss_csv = "name,v\nクラウド事業,1200\n半導体製造装置,-420\nゲーム,▲150\n部品,△30\n";

static void set_vertical(zy_bar_options *o) { o->orientation = ZY_ORIENT_VERTICAL; o->unit = "%"; }
static void set_vertical_refs(zy_bar_options *o)
{
    set_vertical(o);
    o->refs[o->nref++] = "25:平均";
    o->refs[o->nref++] = "26:目標";
    o->highlights[o->nhighlight++] = "北海道";
    o->value_title = "割合";
    o->category_title = "地域";
}
static void set_horizontal_refs(zy_bar_options *o)
{
    o->orientation = ZY_ORIENT_HORIZONTAL;
    o->unit = "%";
    o->refs[o->nref++] = "25:平均";
    o->refs[o->nref++] = "27:目標";
    o->refs[o->nref++] = "10";
    o->value_title = "割合";
    o->category_title = "地域";
}
static void set_stack(zy_bar_options *o) { o->group_column = "g"; o->stack = true; o->unit = "万台"; }
static void set_stack_percent(zy_bar_options *o)
{
    set_stack(o);
    o->stack_percent = true;
    o->unit = NULL;
    o->legend = ZY_LEGEND_BOTTOM;
}
static void set_group_right(zy_bar_options *o)
{
    o->group_column = "g";
    o->legend = ZY_LEGEND_RIGHT;
    o->orientation = ZY_ORIENT_VERTICAL;
}
static void set_loss(zy_bar_options *o) { o->unit = "億円"; o->negative = ZY_NEGATIVE_TRIANGLE; }
static void set_big_font(zy_bar_options *o) { set_vertical(o); o->font_size = 18; }

static const char *schools_csv =
    "name,v\n東京大学大学院情報理工学系研究科,120\n京都大学大学院情報学研究科,95\n"
    "大阪大学大学院基礎工学研究科,80\n東北大学電気通信研究所,70\n名古屋大学大学院工学研究科,66\n"
    "九州大学大学院システム情報科学研究院,60\n北海道大学大学院情報科学研究院,55\n筑波大学システム情報系,50\n";
static void set_turn_auto(zy_bar_options *o) { set_vertical(o); o->unit = "件"; }
static void set_turn_45(zy_bar_options *o) { set_turn_auto(o); o->rotate_labels = 45; }
static void set_turn_90(zy_bar_options *o) { set_turn_auto(o); o->rotate_labels = 90; }

static void test_slide_cases_never_overlap(void **state)
{
    (void)state;
    struct { const char *csv; option_setter set; const char *name; bool centres; } cases[] = {
        {pref_csv, set_vertical, "vertical", true},
        {pref_csv, set_vertical_refs, "vertical refs", true},
        {pref_csv, set_horizontal_refs, "horizontal refs", false},
        {pref_csv, set_big_font, "font 18", true},
        {stack_csv, set_stack, "stack", false},
        {stack_csv, set_stack_percent, "stack percent", false},
        {stack_csv, set_group_right, "legend right", false},
        {loss_csv, set_loss, "losses", false},
        {schools_csv, set_turn_auto, "turned auto", false},
        {schools_csv, set_turn_45, "turned 45", false},
        {schools_csv, set_turn_90, "turned 90", false},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        for (size_t s = 0; s < 3; s++) {
            zy_layout l;
            zy_bar_data *data;
            struct zy_table *t;
            build_case(cases[c].csv, cases[c].set, slide_sizes[s][0], slide_sizes[s][1], &l, &data, &t);
            char what[96];
            snprintf(what, sizeof what, "%s %dx%d", cases[c].name, slide_sizes[s][0], slide_sizes[s][1]);
            check_layout(&l, what);
            if (cases[c].centres)
                check_centres(&l, what);
            zy_layout_free(&l);
            zy_bar_data_destroy(data);
            zy_table_destroy(t);
        }
}

/* The unit caption sits above the plot, in a row of its own, and text is at least 11 px. */
static void test_unit_caption_above_and_text_sizes(void **state)
{
    (void)state;
    for (size_t s = 0; s < 3; s++) {
        zy_layout l;
        zy_bar_data *data;
        struct zy_table *t;
        build_case(pref_csv, set_vertical, slide_sizes[s][0], slide_sizes[s][1], &l, &data, &t);
        const zy_text_item *caption = NULL;
        double first_tick = INFINITY;
        for (size_t i = 0; i < l.ntext; i++) {
            if (l.texts[i].role == ZY_ROLE_AXIS_TITLE)
                caption = &l.texts[i];
            if (l.texts[i].role == ZY_ROLE_TICK)
                first_tick = fmin(first_tick, l.texts[i].box.y);
            if (l.texts[i].role == ZY_ROLE_CATEGORY)
                assert_true(l.texts[i].style.size >= 11);
        }
        assert_non_null(caption);
        assert_string_equal(caption->text, "単位: %");
        assert_true(caption->box.y + caption->box.h <= first_tick);
        zy_layout_free(&l);
        zy_bar_data_destroy(data);
        zy_table_destroy(t);
    }
}

static bool has_value_text(const zy_layout *l, const char *text)
{
    for (size_t i = 0; i < l->ntext; i++)
        if (l->texts[i].role == ZY_ROLE_VALUE && strcmp(l->texts[i].text, text) == 0)
            return true;
    return false;
}

/* 8.0 reads 8.0% beside 42.5%; negatives in ▲; stacks label their parts; highlights mute the
 * rest and need no legend. */
static void test_values_as_written(void **state)
{
    (void)state;
    zy_layout l;
    zy_bar_data *data;
    struct zy_table *t;
    build_case(pref_csv, set_vertical_refs, 1600, 900, &l, &data, &t);
    assert_true(has_value_text(&l, "8.0%"));
    assert_true(has_value_text(&l, "42.5%"));
    assert_true(has_value_text(&l, "12.0%"));
    for (size_t i = 0; i < l.ntext; i++)
        assert_int_not_equal(l.texts[i].role, ZY_ROLE_LEGEND);
    zy_layout_free(&l), zy_bar_data_destroy(data), zy_table_destroy(t);

    build_case(loss_csv, set_loss, 1600, 900, &l, &data, &t);
    assert_true(has_value_text(&l, "▲420億円"));
    assert_true(has_value_text(&l, "▲150億円"));
    assert_true(has_value_text(&l, "▲30億円"));
    zy_layout_free(&l), zy_bar_data_destroy(data), zy_table_destroy(t);

    build_case(stack_csv, set_stack, 1600, 900, &l, &data, &t);
    assert_true(has_value_text(&l, "520万台"));
    assert_true(has_value_text(&l, "260万台"));
    zy_layout_free(&l), zy_bar_data_destroy(data), zy_table_destroy(t);

    build_case(stack_csv, set_stack_percent, 1600, 900, &l, &data, &t);
    assert_true(has_value_text(&l, "50.0%"));
    assert_false(has_value_text(&l, "520万台"));
    zy_layout_free(&l), zy_bar_data_destroy(data), zy_table_destroy(t);
}

/* Turned labels end under their bars' centres, and auto turns only labels that do not fit. */
static void test_turned_labels(void **state)
{
    (void)state;
    zy_layout l;
    zy_bar_data *data;
    struct zy_table *t;
    build_case(schools_csv, set_turn_auto, 800, 450, &l, &data, &t);
    size_t turned = 0, bar = 0;
    for (size_t i = 0; i < l.ntext; i++) {
        const zy_text_item *x = &l.texts[i];
        if (x->role != ZY_ROLE_CATEGORY)
            continue;
        assert_true(x->angle > 0);
        turned++;
        /* the end of the text: origin + (length, thickness / 2) turned */
        double a = x->angle * 3.14159265358979323846 / 180;
        double end_x = x->origin_x + x->length * cos(a) + x->thickness / 2 * sin(a);
        double mid = l.rects[bar].box.x + l.rects[bar].box.w / 2;
        if (fabs(end_x - mid) > 1)
            fail_msg("\"%s\" ends at %.1f, its bar's centre is %.1f", x->text, end_x, mid);
        bar++;
    }
    assert_int_equal(turned, 8);
    zy_layout_free(&l), zy_bar_data_destroy(data), zy_table_destroy(t);
    build_case(pref_csv, set_turn_auto, 1600, 900, &l, &data, &t);
    for (size_t i = 0; i < l.ntext; i++)
        assert_true(l.texts[i].angle == 0);
    zy_layout_free(&l), zy_bar_data_destroy(data), zy_table_destroy(t);
}

static void test_cells_as_written(void **state)
{
    (void)state;
    struct { const char *cell; double value; bool percent; } ok[] = {
        {"42.5%", 42.5, true}, {"▲150", -150, false}, {"△150", -150, false},
        {"1,234", 1234, false}, {"１２３", 123, false}, {"\xE2\x88\x92" "12", -12, false},
        {"４２．５％", 42.5, true}, {" -3.5 ", -3.5, false},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        double v;
        bool pct;
        const char *why;
        if (!zy_parse_cell_number_ex(ok[i].cell, &v, &pct, &why))
            fail_msg("\"%s\" %s", ok[i].cell, why);
        assert_true(fabs(v - ok[i].value) < 1e-9);
        assert_int_equal(pct, ok[i].percent);
    }
    const char *bad[] = {"▲-3", "12%3", "abc", "", "▲"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v;
        const char *why;
        assert_false(zy_parse_cell_number(bad[i], &v, &why));
    }
}

/* Offset of the n-th character (0-based) of s. */
static size_t char_at(const char *s, size_t n)
{
    size_t i = 0;
    while (n > 0 && s[i]) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        n--;
    }
    return i;
}

static void test_labels_break_between_words(void **state)
{
    (void)state;
    const char *never[] = {"北海道", "和歌山県", "研究科", "マサチューセッツ", "2024年"};
    for (size_t w = 0; w < sizeof never / sizeof never[0]; w++)
        for (size_t k = 1; never[w][char_at(never[w], k)]; k++)
            if (zy_text_break_allowed(never[w], char_at(never[w], k)))
                fail_msg("\"%s\" may break after %zu characters", never[w], k);
    const char *uni = "東京大学大学院情報理工学系研究科";
    assert_true(zy_text_break_allowed(uni, char_at(uni, 4)));   /* 東京大学|大学院 */
    assert_false(zy_text_break_allowed(uni, char_at(uni, 6)));  /* 大学|院 */
    assert_true(zy_text_break_allowed(uni, char_at(uni, 7)));   /* 大学院|情報 */
    assert_true(zy_text_break_allowed(uni, char_at(uni, 13)));  /* 学系|研究科 */
    assert_false(zy_text_break_allowed(uni, char_at(uni, 14))); /* 研|究科 */
    const char *mixed = "カーネギーメロン大学";
    assert_true(zy_text_break_allowed(mixed, char_at(mixed, 8))); /* katakana | kanji */
    assert_false(zy_text_break_allowed(mixed, char_at(mixed, 3)));
    /* wrapped in a narrow box, 和歌山県 stays on one line rather than 和歌/山県 */
    zy_text_style s = {20, false, 110, 3, ZY_ALIGN_CENTER};
    PangoLayout *pl = zy_text_layout(fonts, "和歌山県 鹿児島県", &s);
    PangoLayoutIter *it = pango_layout_get_iter(pl);
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        const char *text = pango_layout_get_text(pl) + line->start_index;
        /* every line starts a prefecture (after the word joiners) */
        assert_true(strncmp(text, "和", 3) == 0 || strncmp(text, "鹿", 3) == 0);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(pl);
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
        cmocka_unit_test(test_slide_cases_never_overlap),
        cmocka_unit_test(test_unit_caption_above_and_text_sizes),
        cmocka_unit_test(test_values_as_written),
        cmocka_unit_test(test_cells_as_written),
        cmocka_unit_test(test_turned_labels),
        cmocka_unit_test(test_labels_break_between_words),
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
