/*
 * bar.c: the public bar-chart API: bind a table, lay out, render, write (see zuhyo.h).
 * Glue only: the work is in chart/bar_data.c, chart/bar_layout.c and render/output.c.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/context.h"
#include "chart/bar_layout.h"
#include "api/render.h"
#include "util/file.h"

struct zy_bar_chart {
    zy_bar_data *data;
    zy_bar_options options;  /* strings point into the caller's options: see create */
    char *strings[8];        /* owned copies of title, subtitle, source, unit, palette,
                                value title, category title, background */
    char *refs[ZY_BAR_MAX_REFS];
    char *highlights[ZY_BAR_MAX_HIGHLIGHTS];
};


static bool parse_double(const char *text, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(text, &end);
    return end != text && !*end && errno == 0 && isfinite(*out);
}

static bool fail_option(char *err, size_t cap, const char *name, const char *value,
                        const char *expected)
{
    snprintf(err, cap, "--%s %s: expected %s", name, value, expected);
    return false;
}

static int choose(const char *text, const char *const *choices)
{
    for (int i = 0; choices[i]; i++)
        if (strcmp(text, choices[i]) == 0)
            return i;
    return -1;
}

bool zy_bar_option_set(zy_bar_options *o, const char *name, const char *value, char *err,
                       size_t cap)
{
    static const char *const legends[] = {"auto", "top", "right", "bottom", "none", NULL};
    static const char *const negatives[] = {"minus", "triangle", NULL};
    static const char *const truth[] = {"false", "true", NULL};
    double v;
    int k;
    if (strcmp(name, "font-size") == 0) {
        if (!parse_double(value, &v) || v < 4 || v > 200)
            return fail_option(err, cap, name, value, "a size from 4 to 200 (px; pt in a PDF)");
        o->font_size = v;
    } else if (strcmp(name, "no-values") == 0 || strcmp(name, "percent") == 0) {
        if ((k = choose(value, truth)) < 0)
            return fail_option(err, cap, name, value, "true or false");
        if (name[0] == 'n')
            o->no_values = k;
        else
            o->percent = k;
    } else if (strcmp(name, "legend") == 0) {
        if ((k = choose(value, legends)) < 0)
            return fail_option(err, cap, name, value, "auto, top, right, bottom or none");
        o->legend = (zy_legend_position)k;
    } else if (strcmp(name, "value-title") == 0) {
        o->value_title = value;
    } else if (strcmp(name, "category-title") == 0) {
        o->category_title = value;
    } else if (strcmp(name, "ref") == 0) {
        const char *label;
        if (!zy_bar_parse_ref(value, false, &v, &label))
            return fail_option(err, cap, name, value, "VALUE or VALUE:LABEL (50, 42.5%:平均)");
        if (o->nref >= ZY_BAR_MAX_REFS)
            return fail_option(err, cap, name, value, "at most 8 reference lines");
        o->refs[o->nref++] = value;
    } else if (strcmp(name, "highlight") == 0) {
        if (!*value)
            return fail_option(err, cap, name, "\"\"", "a bar's label");
        if (o->nhighlight >= ZY_BAR_MAX_HIGHLIGHTS)
            return fail_option(err, cap, name, value, "at most 32 highlighted bars");
        o->highlights[o->nhighlight++] = value;
    } else if (strcmp(name, "decimals") == 0) {
        if (!parse_double(value, &v) || v != floor(v) || v < 0 || v > 6)
            return fail_option(err, cap, name, value, "a whole number from 0 to 6");
        o->decimals = (int)v;
    } else if (strcmp(name, "negative") == 0) {
        if ((k = choose(value, negatives)) < 0)
            return fail_option(err, cap, name, value, "minus (−420, default) or triangle (▲420)");
        o->negative = (zy_negative_style)k;
    } else if (strcmp(name, "background") == 0) {
        zy_color c;
        if (!zy_theme_parse_background(value, &c))
            return fail_option(err, cap, name, value, "#rrggbb or none (transparent)");
        o->background = value;
    } else if (strcmp(name, "stack") == 0) {
        if (strcmp(value, "percent") == 0)
            o->stack = o->stack_percent = true;
        else if ((k = choose(value, truth)) >= 0)
            o->stack = k, o->stack_percent = false;
        else
            return fail_option(err, cap, name, value, "percent (100 % stacks), true or false");
    } else if (strcmp(name, "value-min") == 0 || strcmp(name, "value-max") == 0) {
        const char *label;
        if (!zy_bar_parse_ref(value, false, &v, &label) || *label || strchr(value, ':'))
            return fail_option(err, cap, name, value, "a number (0, 100, ▲50)");
        if (strcmp(name, "value-min") == 0)
            o->has_value_min = true, o->value_min = v;
        else
            o->has_value_max = true, o->value_max = v;
    } else if (strcmp(name, "rotate-labels") == 0) {
        static const char *const angles[] = {"auto", "0", "45", "90", NULL};
        static const int degrees[] = {-1, 0, 45, 90};
        if ((k = choose(value, angles)) < 0)
            return fail_option(err, cap, name, value, "auto, 0, 45 or 90");
        o->rotate_labels = degrees[k];
    } else {
        snprintf(err, cap, "--%s: not a bar-chart option", name);
        return false;
    }
    return true;
}

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
    o->decimals = -1;
    o->rotate_labels = -1;
}

/* The look options a program may have set directly (the CLI checks them on the way in). */
static zy_status check_look(zy_context *ctx, const zy_bar_options *o)
{
    zy_color bg;
    if (o->background && !zy_theme_parse_background(o->background, &bg))
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "--background %s: expected #rrggbb or none",
                            o->background);
    if (o->font_size != 0 && !(o->font_size >= 4 && o->font_size <= 200))
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "--font-size %g: expected a size from 4 to 200",
                            o->font_size);
    if (o->decimals < -1 || o->decimals > 6)
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "--decimals %d: expected 0 to 6", o->decimals);
    if (o->nref > ZY_BAR_MAX_REFS || o->nhighlight > ZY_BAR_MAX_HIGHLIGHTS)
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "too many --ref or --highlight options");
    for (size_t i = 0; i < o->nref; i++) {
        double v;
        const char *label;
        if (!o->refs[i] || !zy_bar_parse_ref(o->refs[i], false, &v, &label))
            return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "--ref %s: expected VALUE or VALUE:LABEL",
                                o->refs[i] ? o->refs[i] : "(null)");
    }
    for (size_t i = 0; i < o->nhighlight; i++)
        if (!o->highlights[i])
            return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "--highlight: a label is missing");
    if (o->has_value_min && o->has_value_max && !(o->value_min < o->value_max))
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE,
                            "--value-min %g is not below --value-max %g", o->value_min,
                            o->value_max);
    if (o->log_scale && o->has_value_min && o->value_min <= 0)
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "--value-min %g: a log scale starts above zero",
                            o->value_min);
    if (o->rotate_labels != -1 && o->rotate_labels != 0 && o->rotate_labels != 45 &&
        o->rotate_labels != 90)
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "--rotate-labels %d: expected auto, 0, 45 or 90",
                            o->rotate_labels);
    if (o->stack_percent && !o->stack)
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "stack_percent needs stack");
    return ZY_OK;
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

/* Own copies of the reference lines and highlighted labels. */
static bool keep_lists(zy_bar_chart *chart)
{
    zy_bar_options *o = &chart->options;
    for (size_t i = 0; i < o->nref; i++)
        if (!zy_keep_string(&o->refs[i], &chart->refs[i]))
            return false;
    for (size_t i = 0; i < o->nhighlight; i++)
        if (!zy_keep_string(&o->highlights[i], &chart->highlights[i]))
            return false;
    return true;
}

zy_status zy_bar_chart_create(zy_context *ctx, const zy_table *table,
                              const zy_bar_options *options, zy_bar_chart **out)
{
    zy_diag_clear(&ctx->diag);
    *out = NULL;
    zy_status st = zy_check_canvas(ctx, options->width, options->height, 100, 100, options->scale,
                                   options->theme, options->palette);
    if (st == ZY_OK)
        st = check_look(ctx, options);
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
        !zy_keep_string(&o->palette, &chart->strings[4]) ||
        !zy_keep_string(&o->value_title, &chart->strings[5]) ||
        !zy_keep_string(&o->category_title, &chart->strings[6]) ||
        !zy_keep_string(&o->background, &chart->strings[7]) || !keep_lists(chart)) {
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
    for (size_t i = 0; i < ZY_BAR_MAX_REFS; i++)
        free(chart->refs[i]);
    for (size_t i = 0; i < ZY_BAR_MAX_HIGHLIGHTS; i++)
        free(chart->highlights[i]);
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
    if (chart->options.background)
        zy_theme_parse_background(chart->options.background, &colors.background);
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
