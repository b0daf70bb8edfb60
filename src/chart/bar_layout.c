/*
 * bar_layout.c: bar-chart layout. Passes, top to bottom: title, subtitle, legend, source
 * footnote; then the category labels, value labels and ticks are measured so the plot area
 * leaves room for all of them; then bars, grid and labels are placed. Every string is measured
 * with Pango; long labels wrap, then ellipsise.
 */
#include "chart/bar_layout.h"
#include "chart/dumbbell_layout.h"
#include "chart/frame.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Text of the value label of category c, group g (g == ngroup: the stack total). */
static void value_text(const zy_bar_options *o, double v, char *out, size_t cap)
{
    zy_format_number(out, cap, v, o->number_format, o->unit);
}

/* Axis ticks in one style (issue 14): Japanese numbers switch to 万/億/兆 at 10,000, so an axis
 * 0…12,000 would read "8,000" beside "1万". When its ticks straddle the myriad unit of the
 * largest one, or the unit already is one (万人: "1万万人"), a 万-sized axis is written in plain
 * grouped numbers (8,000, 10,000) and a larger one in the largest tick's unit (0.5億, 1億). */
static void tick_text(const zy_bar_options *o, const zy_scale *scale, size_t i, char *out, size_t cap)
{
    static const struct { double unit; const char *name; } units[] = {
        {1e16, "京"}, {1e12, "兆"}, {1e8, "億"}, {1e4, "万"}};
    double top = 0, v = scale->ticks[i];
    for (size_t k = 0; k < scale->ntick; k++)
        top = fmax(top, fabs(scale->ticks[k]));
    size_t u = 0;
    while (u < 3 && top < units[u].unit)
        u++;
    bool mixed = false, myriad_unit = o->unit && (strncmp(o->unit, "万", 3) == 0 ||
                 strncmp(o->unit, "億", 3) == 0 || strncmp(o->unit, "兆", 3) == 0);
    for (size_t k = 0; k < scale->ntick; k++)
        mixed = mixed || (scale->ticks[k] != 0 && fabs(scale->ticks[k]) < units[u].unit);
    if (o->number_format != ZY_NUMBER_JA || o->log_scale || top < 1e4 || top >= 1e20 ||
        !(mixed || myriad_unit)) {
        zy_format_number(out, cap, v, o->number_format, NULL);
    } else if (u == 3 || myriad_unit) { /* plain, grouped: 8,000 10,000 */
        char digits[64];
        snprintf(digits, sizeof digits, "%.0f", fabs(v));
        size_t n = strlen(digits), at = 0;
        if (v < 0 && at + 1 < cap)
            out[at++] = '-';
        for (size_t k = 0; k < n && at + 2 < cap; k++) {
            if (k > 0 && (n - k) % 3 == 0)
                out[at++] = ',';
            out[at++] = digits[k];
        }
        out[at] = '\0';
    } else { /* in the largest tick's unit: 0.5億 1億 1.5億 */
        double m = v / units[u].unit;
        int decimals = 0;
        while (decimals < 3 && fabs(m * pow(10, decimals) - round(m * pow(10, decimals))) > 1e-6)
            decimals++;
        snprintf(out, cap, "%.*f%s", decimals, m, v == 0 ? "" : units[u].name);
    }
}

/* The value label with the way category c's figure was written: 約15億ドル, 10億ドル超. */
static void qualify_value_text(const zy_bar_data *d, size_t c, char *text, size_t cap)
{
    if (!d->category_qualifier || !d->qualifier_names[d->category_qualifier[c]][0])
        return;
    const char *q = d->qualifier_names[d->category_qualifier[c]];
    char plain[128];
    snprintf(plain, sizeof plain, "%s", text);
    if (strcmp(q, "約") == 0)
        snprintf(text, cap, "%s%s", q, plain);
    else
        snprintf(text, cap, "%s%s", plain, q);
}

/* One value label per bar: every bar, or one per stack (its total). */
typedef struct value_label {
    size_t category, group;   /* group == ngroup for a stack total */
    double value;
    char text[128];
    zy_text_extent extent;
} value_label;

static size_t collect_value_labels(const zy_bar_data *d, const zy_bar_options *o,
                                   value_label *out)
{
    size_t n = 0;
    for (size_t c = 0; c < d->ncat; c++) {
        if (d->stack) {
            double pos = 0, neg = 0;
            bool any_neg = false, any_pos = false;
            for (size_t g = 0; g < d->ngroup; g++) {
                if (!d->present[c * d->ngroup + g])
                    continue;
                double v = d->values[c * d->ngroup + g];
                if (v < 0)
                    neg += v, any_neg = true;
                else
                    pos += v, any_pos = true;
            }
            if (any_pos || !any_neg) {
                out[n] = (value_label){c, d->ngroup, pos, "", {0, 0, 0}};
                value_text(o, pos, out[n].text, sizeof out[n].text);
                n++;
            }
            if (any_neg) {
                out[n] = (value_label){c, d->ngroup + 1, neg, "", {0, 0, 0}};
                value_text(o, neg, out[n].text, sizeof out[n].text);
                n++;
            }
            continue;
        }
        for (size_t g = 0; g < d->ngroup; g++) {
            if (!d->present[c * d->ngroup + g])
                continue;
            double v = d->values[c * d->ngroup + g];
            out[n] = (value_label){c, g, v, "", {0, 0, 0}};
            value_text(o, v, out[n].text, sizeof out[n].text);
            qualify_value_text(d, c, out[n].text, sizeof out[n].text);
            n++;
        }
    }
    return n;
}

static void data_range(const zy_bar_data *d, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t c = 0; c < d->ncat; c++) {
        double pos = 0, neg = 0;
        for (size_t g = 0; g < d->ngroup; g++) {
            if (!d->present[c * d->ngroup + g])
                continue;
            double v = d->values[c * d->ngroup + g];
            if (d->stack) {
                if (v < 0)
                    neg += v;
                else
                    pos += v;
            } else {
                *lo = fmin(*lo, v);
                *hi = fmax(*hi, v);
            }
        }
        if (d->stack) {
            *lo = fmin(*lo, neg);
            *hi = fmax(*hi, pos);
        }
    }
    if (*lo > *hi)
        *lo = *hi = 0;
}

static zy_color bar_color(const zy_bar_data *d, const zy_theme_colors *t, size_t c, size_t g,
                          double v)
{
    if (d->has_groups)
        return t->palette[g % t->npalette];
    if (d->category_color)
        return t->palette[d->category_color[c] % t->npalette];
    return v < 0 ? t->negative : t->palette[0];
}

/* Title, subtitle and legend (groups or colour keys) at the top; source at the bottom. */
static void place_frame(zy_layout *l, const zy_fonts *fonts, const zy_bar_data *d,
                        const zy_bar_options *o, const zy_theme_colors *t, const zy_metrics *m,
                        double *top, double *bottom)
{
    char **names = d->has_groups ? d->groups : d->color_names;
    size_t count = d->has_groups ? d->ngroup : d->ncolor;
    zy_legend_entry legend[ZY_PALETTE_MAX * 4];
    if (count > sizeof legend / sizeof legend[0])
        count = sizeof legend / sizeof legend[0];
    for (size_t i = 0; i < count; i++)
        legend[i] = (zy_legend_entry){names[i], t->palette[i % t->npalette], false};
    zy_frame_place(l, fonts, o->title, o->subtitle, o->source, legend, count, t, m, top, bottom);
}

zy_orientation zy_bar_layout_orientation(const zy_fonts *fonts, const zy_bar_data *d,
                                         const zy_bar_options *o)
{
    if (o->orientation != ZY_ORIENT_AUTO)
        return o->orientation;
    if (d->ncat == 0 || d->ncat > 12 || d->ncat * d->ngroup > 24)
        return ZY_ORIENT_HORIZONTAL;
    zy_metrics m = zy_metrics_for(o->width, o->height);
    double band = (o->width - 2 * m.pad) * 0.85 / (double)d->ncat;
    zy_text_style s = {m.label, false, 0, 1, ZY_ALIGN_CENTER};
    for (size_t c = 0; c < d->ncat; c++) {
        zy_text_extent e = zy_text_measure(fonts, d->categories[c], &s);
        if (e.width > band * 0.92)
            return ZY_ORIENT_HORIZONTAL;
    }
    return ZY_ORIENT_VERTICAL;
}

/* Scale whose tick labels, laid along an axis of length axis_len, do not collide. */
static zy_status fit_scale(const zy_fonts *fonts, const zy_bar_options *o, const zy_metrics *m,
                           double lo, double hi, double axis_len, bool along_x, zy_scale *scale,
                           double *max_tick_w, double *tick_h)
{
    zy_text_style s = {m->tick, false, 0, 1, ZY_ALIGN_LEFT};
    int target = (int)(axis_len / (along_x ? 150 * m->unit : 90 * m->unit));
    if (target > 12)
        target = 12;
    for (; target >= 2; target--) {
        if (zy_scale_build(lo, hi, o->log_scale, target, scale) != ZY_OK)
            return ZY_ERR_DATA;
        double need = 0, widest = 0, tallest = 0;
        for (size_t i = 0; i < scale->ntick; i++) {
            char text[128];
            tick_text(o, scale, i, text, sizeof text);
            zy_text_extent e = zy_text_measure(fonts, text, &s);
            widest = fmax(widest, e.width);
            tallest = fmax(tallest, e.height);
        }
        need = (along_x ? widest + 12 * m->unit : tallest + 6 * m->unit) * (double)scale->ntick;
        *max_tick_w = widest;
        *tick_h = tallest;
        if (need <= axis_len || target == 2)
            return ZY_OK;
    }
    return ZY_OK;
}

static zy_status too_many(zy_diag *diag, const zy_bar_data *d, const zy_bar_options *o,
                          double space, double min_band)
{
    size_t fit = (size_t)(space / min_band) / (d->stack ? 1 : d->ngroup);
    return zy_diag_fail(diag, ZY_ERR_LIMIT,
                        "%zu bars do not fit in a %d×%d chart (at most %zu do); use --top %zu, "
                        "or a larger --size",
                        d->ncat * (d->stack ? 1 : d->ngroup), o->width, o->height, fit,
                        fit ? fit : 1);
}

static void place_unit_title(zy_layout *l, const zy_fonts *fonts, const zy_bar_options *o,
                             const zy_theme_colors *t, const zy_metrics *m, double right,
                             double y)
{
    if (!o->unit || !*o->unit)
        return;
    char text[256];
    snprintf(text, sizeof text, "単位: %s", o->unit);
    zy_text_style s = {m->tick, false, 0, 1, ZY_ALIGN_LEFT};
    zy_text_extent e = zy_text_measure(fonts, text, &s);
    zy_layout_add_text(l, fonts, text, &s, t->muted, ZY_ROLE_AXIS_TITLE, right - e.width, y);
}

static double unit_title_height(const zy_fonts *fonts, const zy_bar_options *o,
                                const zy_metrics *m)
{
    if (!o->unit || !*o->unit)
        return 0;
    zy_text_style s = {m->tick, false, 0, 1, ZY_ALIGN_LEFT};
    return zy_text_measure(fonts, "単位", &s).height + m->gap * 0.5;
}

/* Position on the value axis from a to b (pixels) of value v. */
static double axis_pos(const zy_scale *s, double a, double b, double v)
{
    return a + (b - a) * zy_scale_fraction(s, v);
}

static zy_status layout_horizontal(zy_diag *diag, zy_layout *l, const zy_fonts *fonts,
                                   const zy_bar_data *d, const zy_bar_options *o,
                                   const zy_theme_colors *t, const zy_metrics *m, double top,
                                   double bottom, value_label *vl, size_t nvl)
{
    double W = l->width, inner = W - 2 * m->pad;
    zy_text_style tick_style = {m->tick, false, 0, 1, ZY_ALIGN_LEFT};
    double tick_h = zy_text_measure(fonts, "0", &tick_style).height;
    double plot_bottom = bottom - tick_h - m->gap - unit_title_height(fonts, o, m);
    double plot_h = plot_bottom - top;
    double min_band = 11 * (d->stack ? 1 : (double)d->ngroup);
    if (plot_h <= 0 || plot_h / (double)d->ncat < min_band)
        return too_many(diag, d, o, plot_h > 0 ? plot_h : 0, 11);
    double band = plot_h / (double)d->ncat;
    double thickness = band * 0.72;
    double sub = d->stack ? thickness : thickness / (double)d->ngroup;

    /* category labels: right-aligned column, wrapped to two lines when the band allows */
    double fs_cat = fmin(m->label, band * 0.62);
    int lines = band >= fs_cat * 2.7 ? 2 : 1;
    zy_text_style nat = {fs_cat, false, 0, 1, ZY_ALIGN_RIGHT};
    double widest = 0;
    for (size_t c = 0; c < d->ncat; c++)
        widest = fmax(widest, zy_text_measure(fonts, d->categories[c], &nat).width);
    double label_w = fmin(widest, inner * 0.34);
    if (lines == 2 && widest > label_w) {
        /* two lines may need less width than one: keep it only if it is narrower */
        label_w = fmin(label_w, fmax(widest / 1.8, inner * 0.18));
    }
    zy_text_style cat_style = {fs_cat, false, label_w + 0.5, lines, ZY_ALIGN_RIGHT};

    /* value labels: measured to reserve room on each side of the axis */
    double fs_val = fmin(m->value, fmax(sub * 0.85, 7));
    zy_text_style val_style = {fs_val, false, 0, 1, ZY_ALIGN_LEFT};
    double room_pos = 0, room_neg = 0;
    for (size_t i = 0; i < nvl; i++) {
        vl[i].extent = zy_text_measure(fonts, vl[i].text, &val_style);
        if (vl[i].value < 0)
            room_neg = fmax(room_neg, vl[i].extent.width + m->gap);
        else
            room_pos = fmax(room_pos, vl[i].extent.width + m->gap);
    }
    double plot_x0 = m->pad + label_w + m->gap * 1.5;
    double plot_x1 = W - m->pad;
    double lo, hi;
    data_range(d, &lo, &hi);
    double axis_x0 = plot_x0 + (lo < 0 && !o->log_scale ? room_neg : 0);
    double axis_x1 = plot_x1 - room_pos;
    if (axis_x1 - axis_x0 < 40)
        return zy_diag_fail(diag, ZY_ERR_LIMIT,
                            "a %d×%d canvas leaves no room for the bars beside their labels; use "
                            "a larger --size",
                            o->width, o->height);
    zy_scale scale;
    double max_tick_w, th;
    if (fit_scale(fonts, o, m, lo, hi, axis_x1 - axis_x0, true, &scale, &max_tick_w, &th))
        return zy_diag_fail(diag, ZY_ERR_DATA, "these values cannot be drawn on a %s scale",
                            o->log_scale ? "log" : "linear");

    /* grid and tick labels */
    double last_right = -INFINITY;
    for (size_t i = 0; i < scale.ntick; i++) {
        double x = axis_pos(&scale, axis_x0, axis_x1, scale.ticks[i]);
        zy_layout_add_line(l, x, top, x, plot_bottom, fmax(1, m->unit), t->grid);
        char text[128];
        tick_text(o, &scale, i, text, sizeof text);
        zy_text_extent e = zy_text_measure(fonts, text, &tick_style);
        double tx = x - e.width / 2;
        if (tx < m->pad)
            tx = m->pad;
        if (tx + e.width > W - m->pad)
            tx = W - m->pad - e.width;
        if (tx < last_right + 4 * m->unit)
            continue; /* never overlap the previous tick label */
        zy_layout_add_text(l, fonts, text, &tick_style, t->muted, ZY_ROLE_TICK, tx,
                           plot_bottom + m->gap * 0.5);
        last_right = tx + e.width;
    }
    place_unit_title(l, fonts, o, t, m, W - m->pad, plot_bottom + m->gap * 0.5 + tick_h + m->gap * 0.5);
    double base = o->log_scale ? scale.lo : 0;
    double x_base = axis_pos(&scale, axis_x0, axis_x1, base);

    for (size_t c = 0; c < d->ncat; c++) {
        double band_y = top + band * (double)c;
        double bar_y = band_y + (band - thickness) / 2;
        zy_text_extent ce = zy_text_measure(fonts, d->categories[c], &cat_style);
        zy_layout_add_text(l, fonts, d->categories[c], &cat_style, t->text, ZY_ROLE_CATEGORY,
                           m->pad + label_w - ce.width, band_y + (band - ce.height) / 2);
        double pos = 0, neg = 0;
        for (size_t g = 0; g < d->ngroup; g++) {
            if (!d->present[c * d->ngroup + g])
                continue;
            double v = d->values[c * d->ngroup + g];
            double from = base, to = v;
            double y = bar_y + (d->stack ? 0 : sub * (double)g);
            if (d->stack) {
                from = v < 0 ? neg : pos;
                to = from + v;
                if (v < 0)
                    neg = to;
                else
                    pos = to;
            }
            double x_from = d->stack ? axis_pos(&scale, axis_x0, axis_x1, from) : x_base;
            double x_to = axis_pos(&scale, axis_x0, axis_x1, to);
            zy_box bar = {fmin(x_from, x_to), y, fabs(x_to - x_from), d->stack ? sub : sub * 0.92};
            zy_layout_add_rect(l, bar, bar_color(d, t, c, g, v));
        }
    }
    for (size_t i = 0; i < nvl; i++) {
        const value_label *v = &vl[i];
        double band_y = top + band * (double)v->category;
        double bar_y = band_y + (band - thickness) / 2;
        double y_mid = d->stack || v->group >= d->ngroup ? bar_y + thickness / 2
                                                         : bar_y + sub * ((double)v->group + 0.46);
        double x_end = axis_pos(&scale, axis_x0, axis_x1, v->value);
        double x = v->value < 0 ? x_end - m->gap * 0.6 - v->extent.width : x_end + m->gap * 0.6;
        if (v->value < 0 && o->log_scale)
            x = x_end + m->gap * 0.6;
        zy_layout_add_text(l, fonts, v->text, &val_style, t->text, ZY_ROLE_VALUE, x,
                           y_mid - v->extent.height / 2);
    }
    /* the zero line, or the axis base */
    zy_layout_add_line(l, x_base, top, x_base, plot_bottom, fmax(1.5, 1.5 * m->unit),
                       lo < 0 ? t->zero_line : t->axis);
    return l->status;
}

static zy_status layout_vertical(zy_diag *diag, zy_layout *l, const zy_fonts *fonts,
                                 const zy_bar_data *d, const zy_bar_options *o,
                                 const zy_theme_colors *t, const zy_metrics *m, double top,
                                 double bottom, value_label *vl, size_t nvl)
{
    double W = l->width;
    double lo, hi;
    data_range(d, &lo, &hi);
    zy_text_style tick_style = {m->tick, false, 0, 1, ZY_ALIGN_RIGHT};
    double unit_h = unit_title_height(fonts, o, m);
    zy_scale scale;
    double tick_w, tick_h;
    if (fit_scale(fonts, o, m, lo, hi, (bottom - top) * 0.75, false, &scale, &tick_w, &tick_h))
        return zy_diag_fail(diag, ZY_ERR_DATA, "these values cannot be drawn on a %s scale",
                            o->log_scale ? "log" : "linear");
    double plot_x0 = m->pad + tick_w + m->gap;
    double plot_x1 = W - m->pad;
    double min_band = 14 * (d->stack ? 1 : (double)d->ngroup);
    double plot_w = plot_x1 - plot_x0;
    if (plot_w <= 0 || plot_w / (double)d->ncat < min_band)
        return too_many(diag, d, o, plot_w > 0 ? plot_w : 0, 14);
    double band = plot_w / (double)d->ncat;
    double thickness = band * 0.68;
    double sub = d->stack ? thickness : thickness / (double)d->ngroup;

    zy_text_style cat_style = {m->label, false, band * 0.94, 3, ZY_ALIGN_CENTER};
    double cat_h = 0;
    for (size_t c = 0; c < d->ncat; c++)
        cat_h = fmax(cat_h, zy_text_measure(fonts, d->categories[c], &cat_style).height);
    /* value labels: shrink to the bar width; drop them if even 7 px does not fit */
    double fs_val = m->value;
    zy_text_style val_style = {fs_val, false, 0, 1, ZY_ALIGN_LEFT};
    double widest = 0, val_h = 0;
    for (size_t i = 0; i < nvl; i++) {
        vl[i].extent = zy_text_measure(fonts, vl[i].text, &val_style);
        widest = fmax(widest, vl[i].extent.width);
        val_h = fmax(val_h, vl[i].extent.height);
    }
    double slot = d->stack ? band * 0.96 : sub * 0.98 + (d->ngroup == 1 ? band * 0.28 : 0);
    if (widest > slot && widest > 0) {
        fs_val = fmax(7, fs_val * slot / widest);
        val_style.size = fs_val;
        widest = val_h = 0;
        for (size_t i = 0; i < nvl; i++) {
            vl[i].extent = zy_text_measure(fonts, vl[i].text, &val_style);
            widest = fmax(widest, vl[i].extent.width);
            val_h = fmax(val_h, vl[i].extent.height);
        }
    }
    bool show_values = widest <= slot;
    double room = show_values ? val_h + m->gap * 0.5 : 0;
    double plot_bottom = bottom - cat_h - m->gap - unit_h;
    double axis_top = top + room;
    double axis_bottom = plot_bottom - (lo < 0 && !o->log_scale ? room : 0);
    if (axis_bottom - axis_top < 40)
        return zy_diag_fail(diag, ZY_ERR_LIMIT,
                            "a %d×%d canvas leaves no room for the bars; use a larger --size",
                            o->width, o->height);
    for (size_t i = 0; i < scale.ntick; i++) {
        double y = axis_pos(&scale, axis_bottom, axis_top, scale.ticks[i]);
        zy_layout_add_line(l, plot_x0, y, plot_x1, y, fmax(1, m->unit), t->grid);
        char text[128];
        tick_text(o, &scale, i, text, sizeof text);
        zy_text_extent e = zy_text_measure(fonts, text, &tick_style);
        zy_layout_add_text(l, fonts, text, &tick_style, t->muted, ZY_ROLE_TICK,
                           plot_x0 - m->gap - e.width, y - e.height / 2);
    }
    double base = o->log_scale ? scale.lo : 0;
    double y_base = axis_pos(&scale, axis_bottom, axis_top, base);
    for (size_t c = 0; c < d->ncat; c++) {
        double band_x = plot_x0 + band * (double)c;
        double bar_x = band_x + (band - thickness) / 2;
        zy_text_extent ce = zy_text_measure(fonts, d->categories[c], &cat_style);
        zy_layout_add_text(l, fonts, d->categories[c], &cat_style, t->text, ZY_ROLE_CATEGORY,
                           band_x + (band - ce.width) / 2, plot_bottom + m->gap * 0.5);
        double pos = 0, neg = 0;
        for (size_t g = 0; g < d->ngroup; g++) {
            if (!d->present[c * d->ngroup + g])
                continue;
            double v = d->values[c * d->ngroup + g];
            double from = base, to = v;
            if (d->stack) {
                from = v < 0 ? neg : pos;
                to = from + v;
                if (v < 0)
                    neg = to;
                else
                    pos = to;
            }
            double y_from = d->stack ? axis_pos(&scale, axis_bottom, axis_top, from) : y_base;
            double y_to = axis_pos(&scale, axis_bottom, axis_top, to);
            double x = bar_x + (d->stack ? 0 : sub * (double)g);
            zy_box bar = {x, fmin(y_from, y_to), d->stack ? sub : sub * 0.92, fabs(y_to - y_from)};
            zy_layout_add_rect(l, bar, bar_color(d, t, c, g, v));
        }
    }
    if (show_values) {
        for (size_t i = 0; i < nvl; i++) {
            const value_label *v = &vl[i];
            double band_x = plot_x0 + band * (double)v->category;
            double bar_x = band_x + (band - thickness) / 2;
            double x_mid = d->stack || v->group >= d->ngroup
                               ? bar_x + thickness / 2
                               : bar_x + sub * ((double)v->group + 0.46);
            double y_end = axis_pos(&scale, axis_bottom, axis_top, v->value);
            double y = v->value < 0 && !o->log_scale ? y_end + m->gap * 0.25
                                                     : y_end - m->gap * 0.25 - v->extent.height;
            zy_layout_add_text(l, fonts, v->text, &val_style, t->text, ZY_ROLE_VALUE,
                               x_mid - v->extent.width / 2, y);
        }
    }
    place_unit_title(l, fonts, o, t, m, W - m->pad, plot_bottom + m->gap * 0.5 + cat_h);
    zy_layout_add_line(l, plot_x0, y_base, plot_x1, y_base, fmax(1.5, 1.5 * m->unit),
                       lo < 0 ? t->zero_line : t->axis);
    return l->status;
}

zy_status zy_bar_layout_build(zy_diag *diag, const zy_fonts *fonts, const zy_bar_data *d,
                              const zy_bar_options *o, const zy_theme_colors *t, zy_layout *l)
{
    if (o->dumbbell || d->rank) /* ranks: dots on a rank axis, never bars (see dumbbell_layout.h) */
        return zy_dumbbell_layout_build(diag, fonts, d, o, t, l);
    zy_layout_init(l, o->width, o->height, t->background);
    if (d->ncat == 0)
        return zy_diag_fail(diag, ZY_ERR_DATA, "no bars to draw");
    zy_metrics m = zy_metrics_for(o->width, o->height);
    double top, bottom;
    place_frame(l, fonts, d, o, t, &m, &top, &bottom);
    value_label *vl = calloc(d->ncat * (d->ngroup + 2), sizeof *vl);
    if (!vl)
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    size_t nvl = collect_value_labels(d, o, vl);
    zy_status st;
    if (zy_bar_layout_orientation(fonts, d, o) == ZY_ORIENT_VERTICAL)
        st = layout_vertical(diag, l, fonts, d, o, t, &m, top, bottom, vl, nvl);
    else
        st = layout_horizontal(diag, l, fonts, d, o, t, &m, top, bottom, vl, nvl);
    free(vl);
    if (st == ZY_ERR_NOMEM && diag->status == ZY_OK)
        zy_diag_fail(diag, st, "out of memory");
    return st;
}
