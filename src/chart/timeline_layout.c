/*
 * timeline_layout.c: timeline layout (see timeline_layout.h). Labels are placed greedily in
 * time order into the first free row of their lane (above, below, above one further, …); when
 * an event finds no row, the whole layout is tried again with smaller text, and then refused
 * with a hint.
 */
#include "chart/timeline_layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/frame.h"

typedef struct tick_plan {
    int unit;      /* 0 years, 1 months, 2 days */
    int step;
} tick_plan;

static void civil_from_days(double days, int *y, int *m, int *d)
{
    long z = (long)floor(days) + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Tick times (days) for the plan within [from, to]; returns the count (≤ cap). */
static size_t plan_ticks(tick_plan p, double from, double to, double *ticks, size_t cap)
{
    int y, m, d;
    civil_from_days(from, &y, &m, &d);
    size_t n = 0;
    if (p.unit == 0) {
        int year = (y / p.step) * p.step;
        for (; n < cap; year += p.step) {
            double t = zy_days_from_civil(year, 1, 1);
            if (t > to)
                break;
            if (t >= from)
                ticks[n++] = t;
        }
    } else if (p.unit == 1) {
        int month = ((m - 1) / p.step) * p.step + 1;
        for (int year = y; n < cap;) {
            double t = zy_days_from_civil(year, month, 1);
            if (t > to)
                break;
            if (t >= from)
                ticks[n++] = t;
            month += p.step;
            if (month > 12) {
                month -= 12;
                year++;
            }
        }
    } else {
        for (double t = ceil(from / p.step) * p.step; t <= to && n < cap; t += p.step)
            ticks[n++] = t;
    }
    return n;
}

static void tick_label(tick_plan p, double t, bool first, char *out, size_t cap)
{
    int y, m, d;
    civil_from_days(t, &y, &m, &d);
    if (p.unit == 0)
        snprintf(out, cap, "%d年", y);
    else if (p.unit == 1 && (first || m == 1))
        snprintf(out, cap, "%d年%d月", y, m);
    else if (p.unit == 1)
        snprintf(out, cap, "%d月", m); /* the year once, at the first tick and at each January */
    else
        snprintf(out, cap, "%d月%d日", m, d);
}

typedef struct placed {
    zy_box box;
    size_t lane, row;
} placed;

/* One attempt at a text size; false (with nothing kept) when some label finds no row. */
static bool try_layout(const zy_fonts *fonts, const zy_timeline_data *d,
                       const zy_timeline_options *o, const zy_theme_colors *t, double text_scale,
                       double wrap_scale, zy_layout *l)
{
    zy_metrics m = zy_metrics_for(o->width, o->height);
    zy_layout_init(l, o->width, o->height, t->background);
    double W = o->width, inner = W - 2 * m.pad;
    /* legend: lanes, and what a hollow band means */
    zy_legend_entry legend[ZY_PALETTE_MAX + 2];
    size_t nlegend = 0;
    for (size_t k = 0; d->has_lanes && k < d->nlane && nlegend < ZY_PALETTE_MAX; k++)
        legend[nlegend++] = (zy_legend_entry){d->lanes[k], t->palette[k % t->npalette], false};
    bool any_period = false;
    for (size_t i = 0; i < d->nevent; i++)
        any_period |= d->events[i].precision != ZY_PRECISION_DAY;
    if (any_period)
        legend[nlegend++] = (zy_legend_entry){"帯: 年・月だけわかる出来事（その期間）", t->muted, true};
    double top, bottom;
    zy_frame_place(l, fonts, o->title, o->subtitle, o->source, legend, nlegend, t, &m, &top, &bottom);

    zy_text_style tick_style = {m.tick, false, 0, 1, ZY_ALIGN_LEFT};
    double tick_h = zy_text_measure(fonts, "2025年1月", &tick_style).height;
    double axis_y = bottom - tick_h - m.gap;
    double lane_w = 0;
    zy_text_style lane_style = {m.label, true, inner * 0.18, 2, ZY_ALIGN_LEFT};
    if (d->has_lanes) {
        for (size_t k = 0; k < d->nlane; k++)
            lane_w = fmax(lane_w, zy_text_measure(fonts, d->lanes[k], &lane_style).width);
        lane_w += m.gap * 2;
    }
    double x0 = m.pad + lane_w, x1 = W - m.pad;
    double span = d->to - d->from;
    double from = d->from - span * 0.04, to = d->to + span * 0.04;
    double pw = x1 - x0;
#define X_OF(tm) (x0 + ((tm) - from) / (to - from) * pw)

    /* ticks: the finest plan whose labels fit */
    static const tick_plan plans[] = {{2, 1}, {2, 2}, {2, 7}, {2, 14}, {1, 1}, {1, 2}, {1, 3},
                                      {1, 6}, {0, 1}, {0, 2}, {0, 5}, {0, 10}, {0, 20}, {0, 50},
                                      {0, 100}, {0, 200}, {0, 500}};
    double ticks[64];
    size_t nticks = 0;
    tick_plan plan = plans[sizeof plans / sizeof plans[0] - 1];
    for (size_t p = 0; p < sizeof plans / sizeof plans[0]; p++) {
        nticks = plan_ticks(plans[p], from, to, ticks, 64);
        if (nticks == 64 || nticks == 0)
            continue;
        char text[32];
        tick_label(plans[p], ticks[0], true, text, sizeof text);
        double w = zy_text_measure(fonts, text, &tick_style).width;
        if ((double)nticks * (w + 16 * m.unit) <= pw && nticks >= 2) {
            plan = plans[p];
            break;
        }
    }
    nticks = plan_ticks(plan, from, to, ticks, 64);
    double last_right = -INFINITY;
    for (size_t i = 0; i < nticks; i++) {
        double x = X_OF(ticks[i]);
        zy_layout_add_line(l, x, top, x, axis_y, fmax(1, m.unit), t->grid);
        char text[32];
        tick_label(plan, ticks[i], i == 0, text, sizeof text);
        zy_text_extent e = zy_text_measure(fonts, text, &tick_style);
        double tx = fmin(fmax(x - e.width / 2, m.pad), W - m.pad - e.width);
        if (tx < last_right + 6 * m.unit)
            continue;
        zy_layout_add_text(l, fonts, text, &tick_style, t->muted, ZY_ROLE_TICK, tx, axis_y + m.gap * 0.5);
        last_right = tx + e.width;
    }
    zy_layout_add_line(l, x0, axis_y, x1, axis_y, fmax(1.5, 1.5 * m.unit), t->axis);

    /* lanes */
    double band = (axis_y - top) / (double)d->nlane;
    for (size_t k = 0; k < d->nlane; k++) {
        double y = top + band * (double)k;
        if (k % 2 == 1) {
            zy_color shade = t->grid;
            shade.a = 0.45;
            zy_layout_add_rect(l, (zy_box){m.pad, y, W - 2 * m.pad, band}, shade);
        }
        if (d->has_lanes) {
            zy_text_extent e = zy_text_measure(fonts, d->lanes[k], &lane_style);
            zy_layout_add_text(l, fonts, d->lanes[k], &lane_style, t->palette[k % t->npalette],
                               ZY_ROLE_AXIS_TITLE, m.pad, y + (band - e.height) / 2);
        }
    }

    /* events and their labels */
    double r = fmax(4, 7 * m.unit);
    zy_text_style label_style = {fmax(8, m.label * 0.85 * text_scale), false,
                                 fmax(60, fmin(260 * m.unit, pw / 3) * wrap_scale), 3, ZY_ALIGN_CENTER};
    placed *boxes = calloc(d->nevent, sizeof *boxes);
    if (!boxes) {
        l->status = ZY_ERR_NOMEM;
        return true;
    }
    size_t nboxes = 0;
    bool ok = true;
    for (size_t i = 0; i < d->nevent && ok; i++) {
        const zy_event *e = &d->events[i];
        double yc = top + band * ((double)e->lane + 0.5);
        zy_color c = t->palette[e->lane % t->npalette];
        double xa = X_OF(e->start), xb = X_OF(e->end);
        double xm = (xa + xb) / 2;
        if (e->precision == ZY_PRECISION_DAY) {
            zy_layout_add_circle(l, xa, yc, r, c, 0);
        } else {
            zy_color fill = c;
            fill.a = 0.22;
            zy_box span_box = {xa, yc - r, fmax(xb - xa, 2 * r), 2 * r};
            zy_layout_add_rect(l, span_box, fill);
            zy_layout_add_outline(l, span_box, c, fmax(1.5, 2 * m.unit));
        }
        char text[512];
        snprintf(text, sizeof text, "%s\n%s", e->label, e->date_text);
        zy_text_extent te = zy_text_measure(fonts, text, &label_style);
        double row_h = te.height + m.gap * 1.4;
        double avail = band / 2 - r - m.gap * 0.8;
        size_t levels = avail >= row_h ? (size_t)(avail / row_h) : 0;
        bool done = false;
        for (size_t row = 0; row < 2 * levels && !done; row++) {
            size_t level = row / 2;
            bool above = row % 2 == 0;
            double by = above ? yc - r - m.gap * 0.8 - (double)(level + 1) * row_h + m.gap * 1.4
                              : yc + r + m.gap * 0.8 + (double)level * row_h;
            double bx = fmin(fmax(xm - te.width / 2, x0), x1 - te.width);
            zy_box box = {bx, by, te.width, te.height};
            bool clash = false;
            for (size_t k = 0; k < nboxes && !clash; k++)
                clash = boxes[k].lane == e->lane && zy_box_overlap(boxes[k].box, box);
            if (clash)
                continue;
            boxes[nboxes++] = (placed){box, e->lane, row};
            zy_layout_add_text(l, fonts, text, &label_style, t->text, ZY_ROLE_VALUE, bx - 0, by);
            double lx = fmin(fmax(xm, bx + 2), bx + te.width - 2);
            double ly = above ? by + te.height : by;
            zy_layout_add_line(l, xm, above ? yc - r : yc + r, lx, ly, fmax(1, m.unit), t->muted);
            done = true;
        }
        ok = done;
    }
    free(boxes);
    return ok;
#undef X_OF
}

zy_status zy_timeline_layout_build(zy_diag *diag, const zy_fonts *fonts,
                                   const zy_timeline_data *d, const zy_timeline_options *o,
                                   const zy_theme_colors *t, zy_layout *l)
{
    static const double text_scales[] = {1, 0.85, 0.72, 0.6};
    static const double wrap_scales[] = {1, 0.75, 0.55};
    for (size_t w = 0; w < sizeof wrap_scales / sizeof wrap_scales[0]; w++)
        for (size_t s = 0; s < sizeof text_scales / sizeof text_scales[0]; s++) {
            if (try_layout(fonts, d, o, t, text_scales[s], wrap_scales[w], l))
                return l->status == ZY_OK ? ZY_OK : zy_diag_fail(diag, l->status, "out of memory");
            zy_layout_free(l);
        }
    zy_layout_init(l, o->width, o->height, t->background);
    return zy_diag_fail(diag, ZY_ERR_LIMIT,
                        "%zu events do not fit in a %d×%d timeline without overlapping labels; use "
                        "--from/--to, lanes, or a larger --size",
                        d->nevent, o->width, o->height);
}
