/*
 * test_render.c: rendering checked from the outside: PNG size, byte-identical output on a
 * second render (PNG, SVG, PDF), a well-formed SVG carrying the title and the data, and bar
 * lengths proportional to the values, read back from the PNG's pixels.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zuhyo/zuhyo.h"

#include "test_context.h"

static const char *csv = "機関,国,著者数\nグーグル,米国,2174\n清華大学,中国,1748\n東京大学,日本,171\n"
                         "R&D <研究> \"所\",日本,1000\n";

static zy_bar_chart *make_chart(const char *data, const char *color, int w, int h)
{
    zy_table *t;
    assert_int_equal(zy_table_parse(ctx, "t.csv", data, strlen(data), 0, &t), ZY_OK);
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "機関";
    o.value_column = "著者数";
    o.color_column = color;
    o.title = "著者数 <2024> & \"比較\"";
    o.width = w;
    o.height = h;
    zy_bar_chart *chart;
    zy_status st = zy_bar_chart_create(ctx, t, &o, &chart);
    if (st)
        fail_msg("%s", zy_errmsg(ctx));
    zy_table_destroy(t);
    return chart;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void test_png_size_and_determinism(void **state)
{
    (void)state;
    zy_bar_chart *chart = make_chart(csv, "国", 1200, 700);
    unsigned char *a, *b;
    size_t na, nb;
    assert_int_equal(zy_bar_chart_render(ctx, chart, ZY_FORMAT_PNG, &a, &na), ZY_OK);
    assert_int_equal(zy_bar_chart_render(ctx, chart, ZY_FORMAT_PNG, &b, &nb), ZY_OK);
    assert_true(na > 1000);
    assert_memory_equal(a, "\x89PNG\r\n\x1a\n", 8);
    assert_int_equal(be32(a + 16), 1200);
    assert_int_equal(be32(a + 20), 700);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na);
    free(a);
    free(b);
    zy_bar_chart_destroy(chart);
}

static void test_vector_determinism(void **state)
{
    (void)state;
    zy_bar_chart *chart = make_chart(csv, NULL, 1600, 900);
    zy_format formats[] = {ZY_FORMAT_SVG, ZY_FORMAT_PDF};
    for (size_t i = 0; i < 2; i++) {
        unsigned char *a, *b;
        size_t na, nb;
        assert_int_equal(zy_bar_chart_render(ctx, chart, formats[i], &a, &na), ZY_OK);
        assert_int_equal(zy_bar_chart_render(ctx, chart, formats[i], &b, &nb), ZY_OK);
        if (na != nb || memcmp(a, b, na) != 0) {
            FILE *fa = fopen("/tmp/zuhyo-a.out", "wb"), *fb = fopen("/tmp/zuhyo-b.out", "wb");
            fwrite(a, 1, na, fa), fwrite(b, 1, nb, fb), fclose(fa), fclose(fb);
            fail_msg("%s differs on a second render (see /tmp/zuhyo-a.out, -b.out)",
                     formats[i] == ZY_FORMAT_SVG ? "SVG" : "PDF");
        }
        if (formats[i] == ZY_FORMAT_PDF)
            assert_memory_equal(a, "%PDF-", 5);
        free(a);
        free(b);
    }
    zy_bar_chart_destroy(chart);
}

static void test_svg_well_formed_with_title_and_data(void **state)
{
    (void)state;
    zy_bar_chart *chart = make_chart(csv, NULL, 1600, 900);
    unsigned char *svg;
    size_t n;
    assert_int_equal(zy_bar_chart_render(ctx, chart, ZY_FORMAT_SVG, &svg, &n), ZY_OK);
    const char *text = (const char *)svg;
    assert_non_null(strstr(text, "<title>著者数 &lt;2024&gt; &amp; &quot;比較&quot;</title>"));
    assert_non_null(strstr(text, "<desc>"));
    assert_non_null(strstr(text, "グーグル: 2174"));
    assert_non_null(strstr(text, "R&amp;D &lt;研究&gt; &quot;所&quot;: 1000"));
    char path[] = "/tmp/zuhyo-test-svg-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fwrite(svg, 1, n, f);
    fclose(f);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "xmllint --noout %s", path);
    assert_int_equal(system(cmd), 0);
    unlink(path);
    free(svg);
    zy_bar_chart_destroy(chart);
}

typedef struct png_reader {
    const unsigned char *data;
    size_t len, pos;
} png_reader;

static cairo_status_t read_png(void *closure, unsigned char *out, unsigned int n)
{
    png_reader *r = closure;
    if (r->pos + n > r->len)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(out, r->data + r->pos, n);
    r->pos += n;
    return CAIRO_STATUS_SUCCESS;
}

/* Longest run of the default bar colour (#0072B2) on each row, grouped per bar. */
static void test_bar_lengths_proportional(void **state)
{
    (void)state;
    const char *data = "機関,著者数\nA,1000\nB,500\nC,250\n";
    zy_bar_chart *chart = make_chart(data, NULL, 1000, 600);
    unsigned char *png;
    size_t n;
    assert_int_equal(zy_bar_chart_render(ctx, chart, ZY_FORMAT_PNG, &png, &n), ZY_OK);
    png_reader r = {png, n, 0};
    cairo_surface_t *img = cairo_image_surface_create_from_png_stream(read_png, &r);
    assert_int_equal(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
    int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    int stride = cairo_image_surface_get_stride(img);
    const unsigned char *px = cairo_image_surface_get_data(img);
    /* bars are vertical here (short labels): measure column heights */
    int heights[3] = {0, 0, 0}, bar = -1;
    bool in_bar = false;
    for (int x = 0; x < w; x++) {
        int run = 0;
        for (int y = 0; y < h; y++) {
            uint32_t p = *(const uint32_t *)(const void *)(px + (size_t)y * (size_t)stride + (size_t)x * 4);
            if ((p & 0xFFFFFF) == 0x0072B2)
                run++;
        }
        if (run > 5 && !in_bar) {
            in_bar = true;
            bar++;
        } else if (run <= 5) {
            in_bar = false;
        }
        if (in_bar && bar < 3 && run > heights[bar])
            heights[bar] = run;
    }
    assert_int_equal(bar, 2);
    double r1 = (double)heights[0] / heights[1], r2 = (double)heights[1] / heights[2];
    if (r1 < 1.97 || r1 > 2.03 || r2 < 1.95 || r2 > 2.05)
        fail_msg("bar heights %d %d %d are not 4:2:1", heights[0], heights[1], heights[2]);
    cairo_surface_destroy(img);
    free(png);
    zy_bar_chart_destroy(chart);
}

static void test_missing_glyph_warns_or_fails(void **state)
{
    (void)state;
    zy_context_options co;
    zy_context_defaults(&co);
    co.strict_fonts = true;
    zy_context *strict;
    assert_int_equal(zy_context_create(&co, &strict), ZY_OK);
    const char *data = "機関,著者数\n\xF0\x9F\x80\x84 mahjong,3\n";  /* U+1F004 */
    zy_table *t;
    assert_int_equal(zy_table_parse(strict, "t.csv", data, strlen(data), 0, &t), ZY_OK);
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "機関";
    o.value_column = "著者数";
    zy_bar_chart *chart;
    assert_int_equal(zy_bar_chart_create(strict, t, &o, &chart), ZY_OK);
    unsigned char *bytes;
    size_t n;
    assert_int_equal(zy_bar_chart_render(strict, chart, ZY_FORMAT_PNG, &bytes, &n), ZY_ERR_FONT);
    assert_non_null(strstr(zy_errmsg(strict), "U+1F004"));
    zy_bar_chart_destroy(chart);
    zy_table_destroy(t);
    zy_context_destroy(strict);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_png_size_and_determinism),
        cmocka_unit_test(test_vector_determinism),
        cmocka_unit_test(test_svg_well_formed_with_title_and_data),
        cmocka_unit_test(test_bar_lengths_proportional),
        cmocka_unit_test(test_missing_glyph_warns_or_fails),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
