/*
 * dumbbell_layout.c: charts of dots on rows (see dumbbell_layout.h): a value dumbbell (axis
 * from zero), a rank dumbbell (axis from 1位, the joining line coloured by the direction of the
 * change) and a rank dot plot. One row per category; a row's lowest value is labelled on its
 * left and its highest on its right, so labels of one row never meet.
 */
#include "chart/dumbbell_layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart/frame.h"
#include "chart/scale.h"

typedef enum row_kind { ROWS_DUMBBELL, ROWS_RANK_DUMBBELL, ROWS_RANK_DOTS } row_kind;

/* Where the rows go, decided once for the whole chart. */
typedef struct row_geometry {
    double top, plot_bottom, band; /* rows from top to plot_bottom, band high each */
    double label_w;                /* the category column, right-aligned at pad + label_w */
    double x0, x1;                 /* the value axis */
    double r;                      /* dot radius */
    zy_text_style cat_style, val_style, tick_style;
    zy_scale scale;
} row_geometry;

static bool is_present(const zy_bar_data *d, size_t c, size_t g)
{
    return d->present[c * d->ngroup + g];
}

static double value_of(const zy_bar_data *d, size_t c, size_t g)
{
    return d->values[c * d->ngroup + g];
}

/* The groups holding a row's lowest and highest value; false when the row is empty. */
static bool row_extremes(const zy_bar_data *d, size_t c, size_t *low, size_t *high)
{
    bool any = false;
    for (size_t g = 0; g < d->ngroup; g++) {
        if (!is_present(d, c, g))
            continue;
        if (!any || value_of(d, c, g) < value_of(d, c, *low))
            *low = g;
        if (!any || value_of(d, c, g) > value_of(d, c, *high))
            *high = g;
        any = true;
    }
    return any;
}

/* -1: the rank got better from the first group to the last, 1: worse, 0: the same or unknown. */
static int rank_direction(const zy_bar_data *d, size_t c)
{
    size_t last = d->ngroup - 1;
    if (!is_present(d, c, 0) || !is_present(d, c, last))
        return 0;
    double before = value_of(d, c, 0), after = value_of(d, c, last);
    return after < before ? -1 : after > before ? 1 : 0;
}

static zy_color direction_color(const zy_theme_colors *t, int direction)
{
    return direction < 0 ? t->improved : direction > 0 ? t->declined : t->muted;
}

/* The legend: the groups' markers; for a rank dumbbell also the directions drawn. */
static size_t build_legend(const zy_bar_data *d, row_kind kind, const zy_theme_colors *t,
                           zy_legend_entry *legend, size_t cap)
{
    size_t n = 0;
    if (kind == ROWS_DUMBBELL) {
        legend[n++] = (zy_legend_entry){d->groups[0], t->palette[0], true};
        legend[n++] = (zy_legend_entry){d->groups[1], t->palette[0], false};
        return n;
    }
    if (kind == ROWS_RANK_DOTS) {
        for (size_t g = 0; d->has_groups && g < d->ngroup && n < cap; g++)
            legend[n++] = (zy_legend_entry){d->groups[g], t->palette[g % t->npalette], false};
        return n;
    }
    legend[n++] = (zy_legend_entry){d->groups[0], t->text, true};
    legend[n++] = (zy_legend_entry){d->groups[1], t->text, false};
    bool seen[3] = {false, false, false};
    for (size_t c = 0; c < d->ncat; c++)
        if (is_present(d, c, 0) && is_present(d, c, 1))
            seen[rank_direction(d, c) + 1] = true;
    static const char *const names[3] = {"順位が上昇", "変わらず", "順位が下降"};
    static const int order[3] = {0, 2, 1}; /* better, worse, then unchanged */
    for (int i = 0; i < 3; i++)
        if (seen[order[i]])
            legend[n++] = (zy_legend_entry){names[order[i]], direction_color(t, order[i] - 1), false};
    return n;
}

static void value_text(const zy_bar_options *o, double v, char *out, size_t cap)
{
    zy_format_number(out, cap, v, o->number_format, o->unit);
}

/* The widest value label placed left of its row (a row's lowest of two or more values) and
 * right of it (its highest, or its only value). */
static void label_room(const zy_fonts *fonts, const zy_bar_data *d, const zy_bar_options *o,
                       const zy_text_style *style, double *left, double *right)
{
    *left = *right = 0;
    for (size_t c = 0; c < d->ncat; c++) {
        size_t low = 0, high = 0;
        if (!row_extremes(d, c, &low, &high))
            continue;
        char text[64];
        value_text(o, value_of(d, c, high), text, sizeof text);
        *right = fmax(*right, zy_text_measure(fonts, text, style).width);
        if (value_of(d, c, low) < value_of(d, c, high)) {
            value_text(o, value_of(d, c, low), text, sizeof text);
            *left = fmax(*left, zy_text_measure(fonts, text, style).width);
        }
    }
}

/* The scale: ranks from 1, values from zero; tick count by the axis length. */
static zy_status build_scale(const zy_bar_data *d, double axis_len, const zy_metrics *m,
                             zy_scale *scale)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < d->ncat * d->ngroup; i++)
        if (d->present[i]) {
            lo = fmin(lo, d->values[i]);
            hi = fmax(hi, d->values[i]);
        }
    if (lo > hi)
        lo = hi = d->rank ? 1 : 0;
    int target = (int)fmin(12, fmax(2, axis_len / (150 * m->unit)));
    if (d->rank)
        return zy_scale_build_rank(hi, target, scale);
    return zy_scale_build(fmin(lo, 0), hi, false, target, scale);
}

static zy_status place_geometry(zy_diag *diag, const zy_fonts *fonts, const zy_bar_data *d,
                                const zy_bar_options *o, const zy_metrics *m, double top,
                                double bottom, row_geometry *g)
{
    double W = o->width, inner = W - 2 * m->pad;
    g->tick_style = (zy_text_style){m->tick, false, 0, 1, ZY_ALIGN_LEFT};
    double tick_h = zy_text_measure(fonts, "0", &g->tick_style).height;
    g->top = top;
    g->plot_bottom = bottom - tick_h - m->gap;
    g->band = (g->plot_bottom - top) / (double)d->ncat;
    if (d->ncat == 0)
        return zy_diag_fail(diag, ZY_ERR_DATA, "no rows to draw");
    if (g->band < 12)
        return zy_diag_fail(diag, ZY_ERR_LIMIT, "%zu rows do not fit in a %d×%d chart; use --top",
                            d->ncat, o->width, o->height);
    double fs = fmin(m->label, g->band * 0.6);
    g->cat_style = (zy_text_style){fs, false, inner * 0.3, 1, ZY_ALIGN_RIGHT};
    g->label_w = 0;
    for (size_t c = 0; c < d->ncat; c++)
        g->label_w = fmax(g->label_w, zy_text_measure(fonts, d->categories[c], &g->cat_style).width);
    g->val_style = (zy_text_style){fmin(m->value, g->band * 0.55), false, 0, 1, ZY_ALIGN_LEFT};
    g->r = fmax(4, fmin(8 * m->unit, g->band * 0.25));
    double left, right;
    label_room(fonts, d, o, &g->val_style, &left, &right);
    double beside = g->r + m->gap * 0.5;
    g->x0 = m->pad + g->label_w + m->gap * 1.5 + (left > 0 ? left + beside : g->r);
    g->x1 = W - m->pad - fmax(right + beside, g->r);
    if (g->x1 - g->x0 < 40)
        return zy_diag_fail(diag, ZY_ERR_LIMIT,
                            "a %d×%d canvas leaves no room for the dots beside their labels; use "
                            "a larger --size",
                            o->width, o->height);
    if (build_scale(d, g->x1 - g->x0, m, &g->scale) != ZY_OK)
        return zy_diag_fail(diag, ZY_ERR_DATA, "these values cannot be drawn");
    return ZY_OK;
}

static double x_of(const row_geometry *g, double v)
{
    return g->x0 + zy_scale_fraction(&g->scale, v) * (g->x1 - g->x0);
}

/* Grid lines and tick labels; a label that would touch the previous one is left out. */
static void place_ticks(zy_layout *l, const zy_fonts *fonts, const zy_bar_options *o,
                        const zy_theme_colors *t, const zy_metrics *m, const row_geometry *g)
{
    double W = l->width, last_right = -INFINITY;
    for (size_t i = 0; i < g->scale.ntick; i++) {
        double x = x_of(g, g->scale.ticks[i]);
        zy_layout_add_line(l, x, g->top, x, g->plot_bottom, fmax(1, m->unit), t->grid);
        char text[64];
        value_text(o, g->scale.ticks[i], text, sizeof text);
        zy_text_extent e = zy_text_measure(fonts, text, &g->tick_style);
        double tx = fmin(fmax(x - e.width / 2, m->pad), W - m->pad - e.width);
        if (tx < last_right + 4 * m->unit)
            continue;
        zy_layout_add_text(l, fonts, text, &g->tick_style, t->muted, ZY_ROLE_TICK, tx,
                           g->plot_bottom + m->gap * 0.5);
        last_right = tx + e.width;
    }
}

static void place_value_label(zy_layout *l, const zy_fonts *fonts, const zy_bar_options *o,
                              const zy_theme_colors *t, const zy_metrics *m,
                              const row_geometry *g, double v, double yc, bool on_left)
{
    char text[64];
    value_text(o, v, text, sizeof text);
    zy_text_extent e = zy_text_measure(fonts, text, &g->val_style);
    double x = x_of(g, v), beside = g->r + m->gap * 0.5;
    double tx = on_left ? x - beside - e.width : x + beside;
    zy_layout_add_text(l, fonts, text, &g->val_style, t->text, ZY_ROLE_VALUE, tx, yc - e.height / 2);
}

/* The colour of group `group`'s dot in row c, and whether it is hollow. */
static zy_color dot_color(const zy_bar_data *d, row_kind kind, const zy_theme_colors *t,
                          size_t c, size_t group, bool *hollow)
{
    *hollow = kind != ROWS_RANK_DOTS && group == 0;
    if (kind == ROWS_DUMBBELL)
        return t->palette[0];
    if (kind == ROWS_RANK_DOTS)
        return d->has_groups ? t->palette[group % t->npalette] : t->palette[0];
    return direction_color(t, rank_direction(d, c));
}

static void place_row(zy_layout *l, const zy_fonts *fonts, const zy_bar_data *d,
                      const zy_bar_options *o, row_kind kind, const zy_theme_colors *t,
                      const zy_metrics *m, const row_geometry *g, size_t c)
{
    double yc = g->top + g->band * ((double)c + 0.5);
    zy_text_extent ce = zy_text_measure(fonts, d->categories[c], &g->cat_style);
    zy_layout_add_text(l, fonts, d->categories[c], &g->cat_style, t->text, ZY_ROLE_CATEGORY,
                       m->pad + g->label_w - ce.width, yc - ce.height / 2);
    size_t low = 0, high = 0;
    if (!row_extremes(d, c, &low, &high))
        return;
    double stroke = fmax(1.5, 2 * m->unit);
    if (kind == ROWS_RANK_DOTS) /* a faint guide across the row: no length stands for a rank */
        zy_layout_add_line(l, g->x0, yc, g->x1, yc, fmax(1, m->unit), t->grid);
    else if (is_present(d, c, 0) && is_present(d, c, 1)) {
        zy_color joint = kind == ROWS_RANK_DUMBBELL ? direction_color(t, rank_direction(d, c)) : t->muted;
        zy_layout_add_line(l, x_of(g, value_of(d, c, 0)), yc, x_of(g, value_of(d, c, 1)), yc,
                           fmax(2, 3 * m->unit), joint);
    }
    for (size_t grp = 0; grp < d->ngroup; grp++) {
        if (!is_present(d, c, grp))
            continue;
        bool hollow;
        zy_color color = dot_color(d, kind, t, c, grp, &hollow);
        double x = x_of(g, value_of(d, c, grp));
        zy_layout_add_circle(l, x, yc, g->r, hollow ? t->background : color, 0);
        zy_layout_add_circle(l, x, yc, g->r, color, stroke);
    }
    double lo = value_of(d, c, low), hi = value_of(d, c, high);
    place_value_label(l, fonts, o, t, m, g, hi, yc, false);
    if (lo < hi)
        place_value_label(l, fonts, o, t, m, g, lo, yc, true);
}

zy_status zy_dumbbell_layout_build(zy_diag *diag, const zy_fonts *fonts, const zy_bar_data *d,
                                   const zy_bar_options *o, const zy_theme_colors *t, zy_layout *l)
{
    zy_layout_init(l, o->width, o->height, t->background);
    bool dumbbell = o->dumbbell;
    if (dumbbell && d->ngroup != 2)
        return zy_diag_fail(diag, ZY_ERR_DATA,
                            "a dumbbell chart needs exactly two groups (it has %zu)%s", d->ngroup,
                            d->has_groups ? "" : "; add --group COL, the column naming them (2020, 2024)");
    row_kind kind = !d->rank ? ROWS_DUMBBELL : dumbbell ? ROWS_RANK_DUMBBELL : ROWS_RANK_DOTS;
    zy_metrics m = zy_metrics_for_slide(o->width, o->height);
    zy_metrics_set_label_size(&m, o->font_size);
    zy_legend_entry legend[ZY_PALETTE_MAX + 8];
    size_t nlegend = build_legend(d, kind, t, legend, sizeof legend / sizeof legend[0]);
    if (o->legend == ZY_LEGEND_NONE)
        nlegend = 0; /* other places: the legend stays on top */
    double top, bottom;
    zy_frame_place(l, fonts, o->title, o->subtitle, o->source, legend, nlegend, t, &m, &top, &bottom);
    row_geometry g;
    zy_status st = place_geometry(diag, fonts, d, o, &m, top, bottom, &g);
    if (st != ZY_OK)
        return st;
    place_ticks(l, fonts, o, t, &m, &g);
    for (size_t c = 0; c < d->ncat; c++)
        place_row(l, fonts, d, o, kind, t, &m, &g, c);
    return l->status;
}
