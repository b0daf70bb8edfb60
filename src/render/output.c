/*
 * output.c: surfaces and encoders for PNG, SVG and PDF (see output.h).
 */
#include "render/output.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <png.h>
#include <zlib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/draw.h"
#include "render/svg_text.h"
#include "util/utf8.h"

static cairo_status_t write_to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    return zy_buf_append(closure, data, len) == ZY_OK ? CAIRO_STATUS_SUCCESS
                                                      : CAIRO_STATUS_WRITE_ERROR;
}

/* libpng glue: errors longjmp back to encode_png. */
static void png_write_to_buf(png_structp png, png_bytep data, png_size_t len)
{
    if (zy_buf_append(png_get_io_ptr(png), data, len) != ZY_OK)
        png_error(png, "out of memory");
}

static void png_flush_nothing(png_structp png) { (void)png; }

/* Encode an RGB24 image surface as an 8-bit RGB PNG (an ARGB32 one, for a transparent
 * background, as RGBA): zlib level 1 with the "up" filter, several times faster than Cairo's
 * encoder and as small for flat chart graphics. */
static zy_status encode_png(cairo_surface_t *surface, zy_buf *out)
{
    int w = cairo_image_surface_get_width(surface);
    int h = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    const unsigned char *pixels = cairo_image_surface_get_data(surface);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    bool alpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32;
    unsigned char *row = malloc((size_t)w * 4);
    if (!png || !info || !row) {
        png_destroy_write_struct(&png, &info);
        free(row);
        return ZY_ERR_NOMEM;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row);
        return ZY_ERR_RENDER;
    }
    png_set_write_fn(png, out, png_write_to_buf, png_flush_nothing);
    png_set_compression_level(png, 1);
    png_set_compression_strategy(png, Z_RLE);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8,
                 alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    for (int y = 0; y < h; y++) {
        const uint32_t *src = (const uint32_t *)(const void *)(pixels + (size_t)y * (size_t)stride);
        for (int x = 0; x < w && !alpha; x++) {
            uint32_t p = src[x];
            row[x * 3 + 0] = (unsigned char)(p >> 16);
            row[x * 3 + 1] = (unsigned char)(p >> 8);
            row[x * 3 + 2] = (unsigned char)p;
        }
        for (int x = 0; x < w && alpha; x++) { /* Cairo's colours are premultiplied */
            uint32_t p = src[x], a = p >> 24;
            for (int c = 0; c < 3; c++) {
                uint32_t v = (p >> (16 - 8 * c)) & 0xff;
                row[x * 4 + c] = (unsigned char)(a ? (v * 255 + a / 2) / a : 0);
            }
            row[x * 4 + 3] = (unsigned char)a;
        }
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(row);
    return ZY_OK;
}

static zy_status xml_escape(zy_buf *b, const char *text)
{
    /* well-formed whatever the caller gave: invalid UTF-8 is dropped */
    size_t n = strlen(text);
    char *clean = zy_utf8_invalid_at(text, n) >= 0 ? zy_utf8_clean_copy(text, n) : NULL;
    const char *s = clean ? clean : text;
    zy_status st = ZY_OK;
    for (; *s && st == ZY_OK; s++) {
        switch (*s) {
        case '<': st = zy_buf_puts(b, "&lt;"); break;
        case '>': st = zy_buf_puts(b, "&gt;"); break;
        case '&': st = zy_buf_puts(b, "&amp;"); break;
        case '"': st = zy_buf_puts(b, "&quot;"); break;
        case '\xEF': /* U+FFFE and U+FFFF are valid UTF-8 but not XML characters */
            if ((unsigned char)s[1] == 0xBF && ((unsigned char)s[2] & 0xFE) == 0xBE) {
                st = zy_buf_putc(b, ' ');
                s += 2;
                break;
            }
            st = zy_buf_putc(b, *s);
            break;
        default:
            /* XML 1.0 forbids most control characters */
            if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t')
                st = zy_buf_putc(b, ' ');
            else
                st = zy_buf_putc(b, *s);
        }
    }
    free(clean);
    return st;
}

/* Cairo names SVG groups "surfaceN" after a process-wide counter, so a second chart in the
 * same process would differ. Renumber them by order of first appearance. */
static zy_status renumber_svg_surfaces(zy_buf *svg)
{
    enum { MAX_IDS = 64 };
    unsigned long seen[MAX_IDS];
    size_t nseen = 0;
    zy_buf out;
    zy_buf_init(&out, svg->max);
    zy_status st = ZY_OK;
    const char *p = svg->data, *end = svg->data + svg->len;
    while (st == ZY_OK && p < end) {
        const char *hit = strstr(p, "surface");
        if (!hit) {
            st = zy_buf_append(&out, p, (size_t)(end - p));
            break;
        }
        const char *digits = hit + 7;
        st = zy_buf_append(&out, p, (size_t)(digits - p));
        if (st || digits >= end || *digits < '0' || *digits > '9') {
            p = digits;
            continue;
        }
        char *after;
        unsigned long id = strtoul(digits, &after, 10);
        size_t k = 0;
        while (k < nseen && seen[k] != id)
            k++;
        if (k == nseen && nseen < MAX_IDS)
            seen[nseen++] = id;
        st = k < MAX_IDS ? zy_buf_printf(&out, "%zu", k + 1) : zy_buf_append(&out, digits, (size_t)(after - digits));
        p = after;
    }
    if (st) {
        zy_buf_free(&out);
        return st;
    }
    zy_buf_free(svg);
    *svg = out;
    return ZY_OK;
}

/* Insert <title> and <desc> right after the opening <svg …> tag that Cairo wrote. */
static zy_status add_svg_metadata(zy_buf *svg, const zy_output_info *info)
{
    char *open = svg->data ? strstr(svg->data, "<svg") : NULL;
    char *end = open ? strchr(open, '>') : NULL;
    if (!end)
        return ZY_ERR_RENDER;
    size_t at = (size_t)(end - svg->data) + 1;
    zy_buf meta, result;
    zy_buf_init(&meta, 0);
    zy_buf_init(&result, svg->max);
    zy_status st = zy_buf_puts(&meta, "\n<title>");
    if (st == ZY_OK)
        st = xml_escape(&meta, info->title ? info->title : "zuhyo chart");
    if (st == ZY_OK)
        st = zy_buf_puts(&meta, "</title>\n<desc>");
    if (st == ZY_OK && info->desc)
        st = xml_escape(&meta, info->desc);
    if (st == ZY_OK)
        st = zy_buf_puts(&meta, "</desc>");
    if (st == ZY_OK)
        st = zy_buf_append(&result, svg->data, at);
    if (st == ZY_OK)
        st = zy_buf_append(&result, meta.data, meta.len);
    if (st == ZY_OK)
        st = zy_buf_append(&result, svg->data + at, svg->len - at);
    zy_buf_free(&meta);
    if (st) {
        zy_buf_free(&result);
        return st;
    }
    zy_buf_free(svg);
    *svg = result;
    return ZY_OK;
}

/* The latest moment a PDF date (four-digit year) can hold: 9999-12-31T23:59:59Z. */
#define LAST_PDF_SECOND 253402300799LL

/* "YYYY-MM-DDTHH:MM:SSZ" from SOURCE_DATE_EPOCH, or a fixed date: no clock in outputs. A value
 * that is not whole seconds from 1970 to 9999 is refused, not written as a broken date. */
static zy_status pdf_date(zy_diag *diag, char out[32])
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    time_t t = 946684800; /* 2000-01-01 */
    if (env && *env) {
        char *end;
        errno = 0;
        long long v = strtoll(env, &end, 10);
        if (*end || errno || v < 0 || v > LAST_PDF_SECOND)
            return zy_diag_fail(diag, ZY_ERR_USAGE,
                                "SOURCE_DATE_EPOCH=%.40s: expected whole seconds since 1970-01-01, "
                                "from 0 to %lld (9999-12-31)", env, LAST_PDF_SECOND);
        t = (time_t)v;
    }
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        return zy_diag_fail(diag, ZY_ERR_USAGE, "SOURCE_DATE_EPOCH=%.40s: not a date", env);
    return ZY_OK;
}

/* The largest side of a PNG, in pixels (Cairo's limit for image surfaces). */
#define MAX_PNG_SIDE 32767

/* PNG size in pixels for layout at scale; false (message set) when a side falls outside
 * 1..MAX_PNG_SIDE, which Cairo and libpng would otherwise fail on with their own words. */
static bool png_size(zy_diag *diag, const zy_layout *layout, double scale, int *w, int *h)
{
    double pw = layout->width * scale + 0.5, ph = layout->height * scale + 0.5;
    if (!(pw >= 1 && ph >= 1 && pw <= MAX_PNG_SIDE && ph <= MAX_PNG_SIDE)) {
        zy_diag_fail(diag, ZY_ERR_USAGE, "scale %g makes the %gx%g chart a PNG of %.0fx%.0f "
                     "pixels; each side must be 1 to %d pixels", scale, layout->width,
                     layout->height, pw, ph, MAX_PNG_SIDE);
        return false;
    }
    *w = (int)pw;
    *h = (int)ph;
    return true;
}

zy_status zy_output_render(zy_diag *diag, const zy_fonts *fonts, const zy_layout *layout,
                           zy_format format, const zy_output_info *info, zy_buf *out)
{
    cairo_surface_t *surface;
    double scale = info->scale > 0 ? info->scale : 1;
    char date[32];
    int pw, ph;
    if (format == ZY_FORMAT_PNG && !png_size(diag, layout, scale, &pw, &ph))
        return ZY_ERR_USAGE;
    if (format == ZY_FORMAT_PDF && pdf_date(diag, date) != ZY_OK)
        return ZY_ERR_USAGE;
    if (format == ZY_FORMAT_PNG) {
        cairo_format_t pixels = layout->background.a < 1 ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
        surface = cairo_image_surface_create(pixels, pw, ph);
    } else if (format == ZY_FORMAT_SVG) {
        surface = cairo_svg_surface_create_for_stream(write_to_buf, out, layout->width,
                                                      layout->height);
        cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
    } else {
        surface = cairo_pdf_surface_create_for_stream(write_to_buf, out, layout->width,
                                                      layout->height);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "zuhyo");
        if (info->title && zy_utf8_invalid_at(info->title, strlen(info->title)) < 0)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, info->title);
    }
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        zy_status st = zy_diag_fail(diag, ZY_ERR_RENDER, "cannot create the %s surface: %s",
                                    format == ZY_FORMAT_PNG ? "PNG" : format == ZY_FORMAT_SVG ? "SVG" : "PDF",
                                    cairo_status_to_string(cairo_surface_status(surface)));
        cairo_surface_destroy(surface);
        return st;
    }
    cairo_t *cr = cairo_create(surface);
    if (format == ZY_FORMAT_PNG)
        cairo_scale(cr, scale, scale);
    bool svg_text = format == ZY_FORMAT_SVG && info->svg_text;
    zy_layout shapes = *layout; /* --svg-text: Cairo draws the shapes, svg_text.c the text */
    shapes.ntext = svg_text ? 0 : layout->ntext;
    zy_draw_layout(cr, fonts, &shapes);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    zy_status st = ZY_OK;
    if (format == ZY_FORMAT_PNG) {
        if (cs == CAIRO_STATUS_SUCCESS)
            st = encode_png(surface, out);
    } else {
        cairo_surface_finish(surface);
        if (cs == CAIRO_STATUS_SUCCESS)
            cs = cairo_surface_status(surface);
    }
    cairo_surface_destroy(surface);
    if (cs != CAIRO_STATUS_SUCCESS)
        return zy_diag_fail(diag, ZY_ERR_RENDER, "drawing failed: %s", cairo_status_to_string(cs));
    if (st == ZY_OK && format == ZY_FORMAT_SVG)
        st = renumber_svg_surfaces(out);
    if (st == ZY_OK && svg_text)
        st = zy_svg_text_add(diag, fonts, layout, out);
    if (st == ZY_OK && format == ZY_FORMAT_SVG)
        st = add_svg_metadata(out, info);
    if (st)
        return zy_diag_fail(diag, st, "encoding the chart failed");
    return ZY_OK;
}
