/*
 * test_diff.c: the PNG comparison behind `render --check`: changed pixels counted, their
 * bounding box found, a size change seen, and the diff image red exactly where pixels
 * changed (faded old image elsewhere).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cairo.h>
#include <string.h>

#include "render/diff.h"

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int length)
{
    return zy_buf_append(closure, data, length) == ZY_OK ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* A w x h white PNG with a blue rectangle at (x, y, rw, rh) (rw 0: none). */
static void make_png(zy_buf *out, int w, int h, int x, int y, int rw, int rh)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    if (rw) {
        cairo_set_source_rgb(cr, 0, 0, 1);
        cairo_rectangle(cr, x, y, rw, rh);
        cairo_fill(cr);
    }
    cairo_destroy(cr);
    zy_buf_init(out, 0);
    assert_int_equal(cairo_surface_write_to_png_stream(s, to_buf, out), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

typedef struct reader {
    const zy_buf *b;
    size_t at;
} reader;

static cairo_status_t from_buf(void *closure, unsigned char *data, unsigned int length)
{
    reader *r = closure;
    if (r->b->len - r->at < length)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, r->b->data + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

/* The pixel (x, y) of a PNG in memory as 0xRRGGBB. */
static uint32_t pixel_of(const zy_buf *png, int x, int y)
{
    reader r = {png, 0};
    cairo_surface_t *s = cairo_image_surface_create_from_png_stream(from_buf, &r);
    assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    const unsigned char *row = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s);
    uint32_t v = ((const uint32_t *)(const void *)row)[x] & 0xFFFFFF;
    cairo_surface_destroy(s);
    return v;
}

static void test_changed_box(void **state)
{
    (void)state;
    zy_buf a, b, image;
    make_png(&a, 200, 100, 0, 0, 0, 0);
    make_png(&b, 200, 100, 50, 20, 30, 10);
    zy_buf_init(&image, 0);
    zy_png_diff d;
    assert_int_equal(zy_png_compare((const unsigned char *)a.data, a.len, (const unsigned char *)b.data,
                                    b.len, &d, &image), ZY_OK);
    assert_false(d.size_changed);
    assert_int_equal(d.changed, 30 * 10);
    assert_int_equal(d.x0, 50);
    assert_int_equal(d.y0, 20);
    assert_int_equal(d.x1, 79);
    assert_int_equal(d.y1, 29);
    assert_int_equal(pixel_of(&image, 60, 25), 0xE00000);  /* changed: red */
    assert_int_not_equal(pixel_of(&image, 150, 80), 0xE00000); /* unchanged: faded old */
    zy_buf_free(&image);

    assert_int_equal(zy_png_compare((const unsigned char *)a.data, a.len, (const unsigned char *)a.data,
                                    a.len, &d, NULL), ZY_OK);
    assert_int_equal(d.changed, 0);
    zy_buf_free(&a);
    zy_buf_free(&b);
}

static void test_size_change_and_garbage(void **state)
{
    (void)state;
    zy_buf a, b;
    make_png(&a, 200, 100, 0, 0, 0, 0);
    make_png(&b, 100, 100, 0, 0, 0, 0);
    zy_png_diff d;
    assert_int_equal(zy_png_compare((const unsigned char *)a.data, a.len, (const unsigned char *)b.data,
                                    b.len, &d, NULL), ZY_OK);
    assert_true(d.size_changed);
    assert_int_equal(d.changed, 100 * 100);
    assert_int_equal(zy_png_compare((const unsigned char *)"not a png", 9, (const unsigned char *)b.data,
                                    b.len, &d, NULL), ZY_ERR_PARSE);
    zy_buf_free(&a);
    zy_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_changed_box),
        cmocka_unit_test(test_size_change_and_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
