/*
 * bar.c: the public bar-chart API: bind a table, lay out, render, write (see zuhyo.h).
 * Glue only: the work is in chart/bar_data.c, chart/bar_layout.c and render/output.c.
 */
#include <stdlib.h>
#include <string.h>

#include "api/context.h"
#include "chart/bar_layout.h"
#include "api/render.h"
#include "util/file.h"

struct zy_bar_chart {
    zy_bar_data *data;
    zy_bar_options options;  /* strings point into the caller's options: see create */
    char *strings[6];        /* owned copies of title, subtitle, source, unit, palette */
};

void zy_bar_options_defaults(zy_bar_options *o)
{
    memset(o, 0, sizeof *o);
    o->orientation = ZY_ORIENT_AUTO;
    o->sort = ZY_SORT_NONE;
    o->number_format = ZY_NUMBER_JA;
    o->theme = ZY_THEME_LIGHT;
    o->width = 1600;
    o->height = 900;
    o->scale = 1;
}

zy_status zy_table_read_file(zy_context *ctx, const char *path, zy_table **out)
{
    zy_diag_clear(&ctx->diag);
    *out = NULL;
    zy_buf bytes;
    zy_buf_init(&bytes, (size_t)1 << 30);
    zy_status st = zy_file_read(&ctx->diag, path, &bytes);
    if (st == ZY_OK)
        st = zy_csv_parse(&ctx->diag, strcmp(path, "-") == 0 ? "<stdin>" : path,
                          bytes.data ? bytes.data : "", bytes.len, 0, out);
    zy_buf_free(&bytes);
    return st;
}

zy_status zy_table_parse(zy_context *ctx, const char *name, const char *bytes, size_t len,
                         char sep, zy_table **out)
{
    zy_diag_clear(&ctx->diag);
    return zy_csv_parse(&ctx->diag, name, bytes, len, sep, out);
}

zy_status zy_bar_chart_create(zy_context *ctx, const zy_table *table,
                              const zy_bar_options *options, zy_bar_chart **out)
{
    zy_diag_clear(&ctx->diag);
    *out = NULL;
    zy_status st = zy_check_canvas(ctx, options->width, options->height, 100, 100, options->scale,
                                   options->theme, options->palette);
    if (st)
        return st;
    zy_bar_chart *chart = calloc(1, sizeof *chart);
    if (!chart)
        return zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    chart->options = *options;
    zy_bar_options *o = &chart->options;
    /* column names are only needed now; keep copies of what rendering reads later */
    o->label_column = o->value_column = o->color_column = o->group_column = NULL;
    if (!zy_keep_string(&o->title, &chart->strings[0]) || !zy_keep_string(&o->subtitle, &chart->strings[1]) ||
        !zy_keep_string(&o->source, &chart->strings[2]) || !zy_keep_string(&o->unit, &chart->strings[3]) ||
        !zy_keep_string(&o->palette, &chart->strings[4])) {
        zy_bar_chart_destroy(chart);
        return zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    }
    st = zy_bar_data_from_table(&ctx->diag, table, options, &chart->data);
    if (st) {
        zy_bar_chart_destroy(chart);
        return st;
    }
    *out = chart;
    return ZY_OK;
}

void zy_bar_chart_destroy(zy_bar_chart *chart)
{
    if (!chart)
        return;
    zy_bar_data_destroy(chart->data);
    for (size_t i = 0; i < sizeof chart->strings / sizeof chart->strings[0]; i++)
        free(chart->strings[i]);
    free(chart);
}

/* The data as text for the SVG <desc>: one "label: value" line per bar, full labels. */
static zy_status describe_data(const zy_bar_chart *chart, zy_buf *out)
{
    const zy_bar_data *d = chart->data;
    zy_status st = ZY_OK;
    for (size_t c = 0; c < d->ncat && st == ZY_OK; c++)
        for (size_t g = 0; g < d->ngroup && st == ZY_OK; g++) {
            if (!d->present[c * d->ngroup + g])
                continue;
            char value[128];
            zy_format_number(value, sizeof value, d->values[c * d->ngroup + g], ZY_NUMBER_RAW,
                             chart->options.unit);
            if (d->has_groups)
                st = zy_buf_printf(out, "%s (%s): %s\n", d->categories[c], d->groups[g], value);
            else
                st = zy_buf_printf(out, "%s: %s\n", d->categories[c], value);
        }
    return st;
}

zy_status zy_bar_chart_render(zy_context *ctx, zy_bar_chart *chart, zy_format format,
                              unsigned char **out_bytes, size_t *out_len)
{
    zy_diag_clear(&ctx->diag);
    *out_bytes = NULL;
    *out_len = 0;
    zy_fonts *fonts;
    zy_status st = zy_context_fonts(ctx, &fonts);
    if (st)
        return st;
    zy_theme_colors colors;
    zy_theme_colors_make(chart->options.theme, chart->options.palette, &colors);
    zy_layout layout;
    st = zy_bar_layout_build(&ctx->diag, fonts, chart->data, &chart->options, &colors, &layout);
    zy_buf desc;
    zy_buf_init(&desc, 0);
    if (st == ZY_OK && format == ZY_FORMAT_SVG && describe_data(chart, &desc) != ZY_OK)
        st = zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    if (st == ZY_OK)
        st = zy_render_layout(ctx, fonts, &layout, format, chart->options.title, desc.data,
                              chart->options.scale, chart->options.svg_text, out_bytes, out_len);
    zy_layout_free(&layout);
    zy_buf_free(&desc);
    return st;
}

static zy_status render_bar(zy_context *ctx, void *chart, zy_format format, unsigned char **bytes,
                            size_t *len)
{
    return zy_bar_chart_render(ctx, chart, format, bytes, len);
}

zy_status zy_bar_chart_write(zy_context *ctx, zy_bar_chart *chart, zy_format format,
                             const char *path)
{
    return zy_render_to_file(ctx, render_bar, chart, format, path);
}

zy_status zy_write_file_atomic(zy_context *ctx, const char *path, const void *bytes, size_t len)
{
    zy_diag_clear(&ctx->diag);
    return zy_file_write_atomic(&ctx->diag, path, bytes, len);
}

bool zy_format_from_path(const char *path, zy_format *out)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return false;
    if (strcmp(dot, ".png") == 0 || strcmp(dot, ".PNG") == 0)
        *out = ZY_FORMAT_PNG;
    else if (strcmp(dot, ".svg") == 0 || strcmp(dot, ".SVG") == 0)
        *out = ZY_FORMAT_SVG;
    else if (strcmp(dot, ".pdf") == 0 || strcmp(dot, ".PDF") == 0)
        *out = ZY_FORMAT_PDF;
    else
        return false;
    return true;
}
