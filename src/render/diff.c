/*
 * diff.c: pixel comparison of two PNGs and the diff image (see diff.h).
 */
#include "render/diff.h"

#include <cairo.h>
#include <stdint.h>
#include <string.h>

typedef struct png_reader {
    const unsigned char *bytes;
    size_t len, at;
} png_reader;

static cairo_status_t read_bytes(void *closure, unsigned char *data, unsigned int length)
{
    png_reader *r = closure;
    if (r->len - r->at < length)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, r->bytes + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

/* The PNG as a 32-bit image surface (RGB24 images get an opaque alpha), or NULL. */
static cairo_surface_t *decode(const unsigned char *bytes, size_t len)
{
    png_reader r = {bytes, len, 0};
    cairo_surface_t *png = cairo_image_surface_create_from_png_stream(read_bytes, &r);
    if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(png);
        return NULL;
    }
    int w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(img);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_set_source_surface(cr, png, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(png);
    cairo_surface_flush(img);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return NULL;
    }
    return img;
}

static uint32_t pixel(cairo_surface_t *s, int x, int y)
{
    const unsigned char *row = cairo_image_surface_get_data(s) + (size_t)y * (size_t)cairo_image_surface_get_stride(s);
    return ((const uint32_t *)(const void *)row)[x];
}

/* Count changed pixels over the common area and find their box. */
static void count_changes(cairo_surface_t *a, cairo_surface_t *b, zy_png_diff *d)
{
    int w = d->width < d->old_width ? d->width : d->old_width;
    int h = d->height < d->old_height ? d->height : d->old_height;
    d->x0 = d->y0 = 1 << 30;
    d->x1 = d->y1 = -1;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (pixel(a, x, y) != pixel(b, x, y)) {
                d->changed++;
                d->x0 = x < d->x0 ? x : d->x0, d->x1 = x > d->x1 ? x : d->x1;
                d->y0 = y < d->y0 ? y : d->y0, d->y1 = y > d->y1 ? y : d->y1;
            }
    if (d->size_changed) { /* everything outside the common area changed too */
        long all = (long)d->width * d->height;
        d->changed = all > d->changed ? all : d->changed;
        d->x0 = d->y0 = 0;
        d->x1 = d->width - 1, d->y1 = d->height - 1;
    }
    if (d->changed == 0)
        d->x0 = d->y0 = d->x1 = d->y1 = 0;
}

static cairo_status_t write_bytes(void *closure, const unsigned char *data, unsigned int length)
{
    return zy_buf_append(closure, data, length) == ZY_OK ? CAIRO_STATUS_SUCCESS
                                                         : CAIRO_STATUS_WRITE_ERROR;
}

/* The new image's size: the old image faded to a quarter over white, changed pixels red, the
 * changed box outlined in magenta. */
static zy_status draw_diff(cairo_surface_t *old_img, cairo_surface_t *new_img,
                           const zy_png_diff *d, zy_buf *image)
{
    cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, d->width, d->height);
    cairo_t *cr = cairo_create(out);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, old_img, 0, 0);
    cairo_paint_with_alpha(cr, 0.25);
    cairo_destroy(cr);
    cairo_surface_flush(out);
    int w = d->width < d->old_width ? d->width : d->old_width;
    int h = d->height < d->old_height ? d->height : d->old_height;
    unsigned char *data = cairo_image_surface_get_data(out);
    int stride = cairo_image_surface_get_stride(out);
    for (int y = 0; y < d->height; y++)
        for (int x = 0; x < d->width; x++)
            if (x >= w || y >= h || pixel(old_img, x, y) != pixel(new_img, x, y))
                ((uint32_t *)(void *)(data + (size_t)y * (size_t)stride))[x] = 0xFFE00000u;
    cairo_surface_mark_dirty(out);
    if (d->changed) {
        cr = cairo_create(out);
        cairo_set_source_rgb(cr, 0.85, 0, 0.85);
        cairo_set_line_width(cr, 2);
        cairo_rectangle(cr, d->x0 - 2, d->y0 - 2, d->x1 - d->x0 + 5, d->y1 - d->y0 + 5);
        cairo_stroke(cr);
        cairo_destroy(cr);
    }
    cairo_status_t cs = cairo_surface_write_to_png_stream(out, write_bytes, image);
    cairo_surface_destroy(out);
    return cs == CAIRO_STATUS_SUCCESS ? ZY_OK : ZY_ERR_RENDER;
}

zy_status zy_png_compare(const unsigned char *old_png, size_t old_len,
                         const unsigned char *new_png, size_t new_len, zy_png_diff *diff,
                         zy_buf *image)
{
    memset(diff, 0, sizeof *diff);
    cairo_surface_t *a = decode(old_png, old_len), *b = decode(new_png, new_len);
    zy_status st = a && b ? ZY_OK : ZY_ERR_PARSE;
    if (st == ZY_OK) {
        diff->old_width = cairo_image_surface_get_width(a);
        diff->old_height = cairo_image_surface_get_height(a);
        diff->width = cairo_image_surface_get_width(b);
        diff->height = cairo_image_surface_get_height(b);
        diff->size_changed = diff->width != diff->old_width || diff->height != diff->old_height;
        count_changes(a, b, diff);
        if (image)
            st = draw_diff(a, b, diff, image);
    }
    if (a)
        cairo_surface_destroy(a);
    if (b)
        cairo_surface_destroy(b);
    return st;
}
