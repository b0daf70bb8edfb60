/*
 * timeline.c: the public timeline API and the selection of dated facts for it (see zuhyo.h).
 * Glue only: the work is in chart/timeline_data.c and chart/timeline_layout.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/render.h"
#include "chart/timeline_layout.h"
#include "data/table.h"
#include "util/file.h"

struct zy_timeline_chart {
    zy_timeline_data *data;
    zy_timeline_options options;
    char *strings[5];  /* owned copies of title, subtitle, source, palette, background */
};


void zy_timeline_options_defaults(zy_timeline_options *o)
{
    memset(o, 0, sizeof *o);
    o->theme = ZY_THEME_LIGHT;
    o->width = 1600;
    o->height = 900;
    o->scale = 1;
}

zy_status zy_timeline_chart_create(zy_context *ctx, const zy_table *table,
                                   const zy_timeline_options *options, zy_timeline_chart **out)
{
    zy_diag_clear(&ctx->diag);
    *out = NULL;
    zy_status st = zy_check_canvas(ctx, options->width, options->height, 200, 150, options->scale,
                                   options->theme, options->palette);
    if (st)
        return st;
    zy_color bg;
    if (options->background && !zy_theme_parse_background(options->background, &bg))
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "--background %s: expected #rrggbb or none",
                            options->background);
    if (options->font_size != 0 && !(options->font_size >= 4 && options->font_size <= 200))
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "--font-size %g: expected a size from 4 to 200",
                            options->font_size);
    zy_timeline_chart *c = calloc(1, sizeof *c);
    if (!c)
        return zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    c->options = *options;
    zy_timeline_options *o = &c->options;
    o->date_column = o->label_column = o->lane_column = o->from = o->to = NULL;
    if (!zy_keep_string(&o->title, &c->strings[0]) || !zy_keep_string(&o->subtitle, &c->strings[1]) ||
        !zy_keep_string(&o->source, &c->strings[2]) || !zy_keep_string(&o->palette, &c->strings[3]) ||
        !zy_keep_string(&o->background, &c->strings[4])) {
        zy_timeline_chart_destroy(c);
        return zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    }
    st = zy_timeline_data_from_table(&ctx->diag, table, options, &c->data);
    if (st) {
        zy_timeline_chart_destroy(c);
        return st;
    }
    *out = c;
    return ZY_OK;
}

void zy_timeline_chart_destroy(zy_timeline_chart *c)
{
    if (!c)
        return;
    zy_timeline_data_destroy(c->data);
    for (size_t i = 0; i < sizeof c->strings / sizeof c->strings[0]; i++)
        free(c->strings[i]);
    free(c);
}

zy_status zy_timeline_chart_render(zy_context *ctx, zy_timeline_chart *c, zy_format format,
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
    zy_theme_colors_make(c->options.theme, c->options.palette, &colors);
    if (c->options.background)
        zy_theme_parse_background(c->options.background, &colors.background);
    zy_layout layout;
    st = zy_timeline_layout_build(&ctx->diag, fonts, c->data, &c->options, &colors, &layout);
    zy_buf desc;
    zy_buf_init(&desc, 0);
    for (size_t i = 0; st == ZY_OK && i < c->data->nevent; i++) {
        const zy_event *e = &c->data->events[i];
        if (zy_buf_printf(&desc, "%s%s%s: %s\n", c->data->has_lanes ? c->data->lanes[e->lane] : "",
                          c->data->has_lanes ? " / " : "", e->date_text, e->label) != ZY_OK)
            st = zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    }
    if (st == ZY_OK)
        st = zy_render_layout(ctx, fonts, &layout, format, c->options.title, desc.data,
                              c->options.scale, c->options.svg_text, out_bytes, out_len);
    zy_layout_free(&layout);
    zy_buf_free(&desc);
    return st;
}

static zy_status render_timeline(zy_context *ctx, void *chart, zy_format format,
                                 unsigned char **bytes, size_t *len)
{
    return zy_timeline_chart_render(ctx, chart, format, bytes, len);
}

zy_status zy_timeline_chart_write(zy_context *ctx, zy_timeline_chart *c, zy_format format,
                                  const char *path)
{
    return zy_render_to_file(ctx, render_timeline, c, format, path);
}

/* ---- dated facts → events ---- */

static const char *event_word(const char *measure)
{
    if (!measure)
        return "";
    if (strcmp(measure, "founded") == 0)
        return "設立";
    if (strcmp(measure, "release") == 0)
        return "発表・公開";
    return "";
}

typedef struct event_rows {
    zy_buf csv;
    size_t n;
    zy_status status;
} event_rows;

static zy_status take_events(void *user, const zy_document *doc)
{
    event_rows *rows = user;
    for (size_t i = 0; i < doc->nfacts; i++) {
        const zy_fact *f = &doc->facts[i];
        /* a dated event needs a subject and a full year */
        if (f->kind != ZY_KIND_DATE || !f->subject || f->time[0] < '0' || f->time[0] > '9')
            continue;
        /* the same event told twice in one article is one event */
        char label[256];
        const char *word = event_word(f->measure);
        snprintf(label, sizeof label, "%s%s%s", f->subject, *word ? " " : "", word);
        char key[300];
        snprintf(key, sizeof key, "\"%s\",\"%s\",", f->time, label);
        if (rows->csv.data && strstr(rows->csv.data, key))
            continue;
        const char *lane = *word ? word : "その他";
        if (zy_csv_put_field(&rows->csv, f->time) || zy_buf_putc(&rows->csv, ',') ||
            zy_csv_put_field(&rows->csv, label) || zy_buf_putc(&rows->csv, ',') ||
            zy_csv_put_field(&rows->csv, lane) || zy_buf_putc(&rows->csv, '\n'))
            return ZY_ERR_NOMEM;
        rows->n++;
    }
    return ZY_OK;
}

zy_status zy_select_events(zy_context *ctx, zy_store *store, const zy_fact_query *query,
                           zy_table **out)
{
    *out = NULL;
    event_rows rows;
    zy_buf_init(&rows.csv, 0);
    rows.n = 0;
    zy_fact_query q = query ? *query : (zy_fact_query){0};
    q.kind = "date";
    zy_status st = zy_buf_puts(&rows.csv, "date,label,lane\n");
    if (st == ZY_OK)
        st = zy_store_facts(ctx, store, &q, take_events, &rows);
    if (st == ZY_OK && rows.n == 0)
        st = zy_diag_fail(&ctx->diag, ZY_ERR_DATA,
                          "no stored dates with a subject match this selection");
    if (st == ZY_OK)
        st = zy_csv_parse(&ctx->diag, "stored dates", rows.csv.data, rows.csv.len, ',', out);
    if (st == ZY_ERR_NOMEM && ctx->diag.status == ZY_OK)
        zy_diag_fail(&ctx->diag, st, "out of memory");
    zy_buf_free(&rows.csv);
    return st;
}
