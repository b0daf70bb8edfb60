/*
 * dumbbell_layout.c: dumbbell layout (see dumbbell_layout.h). The axis starts at zero, so
 * rank 1 sits at the left. A category missing one group shows its one dot.
 */
#include "chart/dumbbell_layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart/frame.h"
#include "chart/scale.h"

zy_status zy_dumbbell_layout_build(zy_diag *diag, const zy_fonts *fonts, const zy_bar_data *d,
                                   const zy_bar_options *o, const zy_theme_colors *t, zy_layout *l)
{
    zy_layout_init(l, o->width, o->height, t->background);
    if (d->ngroup != 2)
        return zy_diag_fail(diag, ZY_ERR_DATA,
                            "a dumbbell chart needs exactly two groups (it has %zu)", d->ngroup);
    zy_metrics m = zy_metrics_for(o->width, o->height);
    zy_legend_entry legend[2] = {{d->groups[0], t->palette[0], true}, {d->groups[1], t->palette[0], false}};
    double top, bottom;
    zy_frame_place(l, fonts, o->title, o->subtitle, o->source, legend, 2, t, &m, &top, &bottom);
    double W = o->width, inner = W - 2 * m.pad;
    zy_text_style tick_style = {m.tick, false, 0, 1, ZY_ALIGN_LEFT};
    double tick_h = zy_text_measure(fonts, "0", &tick_style).height;
    double plot_bottom = bottom - tick_h - m.gap;
    double band = (plot_bottom - top) / (double)d->ncat;
    if (band < 12)
        return zy_diag_fail(diag, ZY_ERR_LIMIT, "%zu rows do not fit in a %d×%d chart; use --top",
                            d->ncat, o->width, o->height);
    double fs = fmin(m.label, band * 0.6);
    zy_text_style cat_style = {fs, false, inner * 0.3, 1, ZY_ALIGN_RIGHT};
    double label_w = 0;
    for (size_t c = 0; c < d->ncat; c++)
        label_w = fmax(label_w, zy_text_measure(fonts, d->categories[c], &cat_style).width);
    zy_text_style val_style = {fmin(m.value, band * 0.55), false, 0, 1, ZY_ALIGN_LEFT};
    double room = zy_text_measure(fonts, "0,000位", &val_style).width + m.gap;
    double x0 = m.pad + label_w + m.gap * 1.5 + room, x1 = W - m.pad - room;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < d->ncat * 2; i++)
        if (d->present[i]) {
            lo = fmin(lo, d->values[i]);
            hi = fmax(hi, d->values[i]);
        }
    zy_scale scale;
    if (zy_scale_build(fmin(lo, 0), hi, false, 6, &scale) != ZY_OK)
        return zy_diag_fail(diag, ZY_ERR_DATA, "these values cannot be drawn");
#define X_OF(v) (x0 + zy_scale_fraction(&scale, (v)) * (x1 - x0))
    for (size_t i = 0; i < scale.ntick; i++) {
        double x = X_OF(scale.ticks[i]);
        zy_layout_add_line(l, x, top, x, plot_bottom, fmax(1, m.unit), t->grid);
        char text[64];
        zy_format_number(text, sizeof text, scale.ticks[i], o->number_format, o->unit);
        zy_text_extent e = zy_text_measure(fonts, text, &tick_style);
        zy_layout_add_text(l, fonts, text, &tick_style, t->muted, ZY_ROLE_TICK,
                           fmin(fmax(x - e.width / 2, m.pad), W - m.pad - e.width), plot_bottom + m.gap * 0.5);
    }
    double r = fmax(4, fmin(8 * m.unit, band * 0.25));
    for (size_t c = 0; c < d->ncat; c++) {
        double yc = top + band * ((double)c + 0.5);
        zy_text_extent ce = zy_text_measure(fonts, d->categories[c], &cat_style);
        zy_layout_add_text(l, fonts, d->categories[c], &cat_style, t->text, ZY_ROLE_CATEGORY,
                           m.pad + label_w - ce.width, yc - ce.height / 2);
        bool has0 = d->present[c * 2], has1 = d->present[c * 2 + 1];
        double v0 = d->values[c * 2], v1 = d->values[c * 2 + 1];
        double xa = X_OF(v0), xb = X_OF(v1);
        if (has0 && has1)
            zy_layout_add_line(l, xa, yc, xb, yc, fmax(2, 3 * m.unit), t->muted);
        /* labels go outward: the left dot's label to its left, the right dot's to its right */
        for (int g = 0; g < 2; g++) {
            if (!d->present[c * 2 + (size_t)g])
                continue;
            double v = g ? v1 : v0, x = g ? xb : xa;
            zy_layout_add_circle(l, x, yc, r, g ? t->palette[0] : t->background, 0);
            zy_layout_add_circle(l, x, yc, r, t->palette[0], fmax(1.5, 2 * m.unit));
            bool other = d->present[c * 2 + (size_t)(1 - g)];
            if (other && v == (g ? v0 : v1) && g == 0)
                continue; /* the same value twice: one label */
            double ox = g ? xa : xb;
            bool left = other ? x < ox || (x == ox && g == 0) : false;
            char text[64];
            zy_format_number(text, sizeof text, v, o->number_format, o->unit);
            zy_text_extent e = zy_text_measure(fonts, text, &val_style);
            double tx = left ? x - r - m.gap * 0.5 - e.width : x + r + m.gap * 0.5;
            zy_layout_add_text(l, fonts, text, &val_style, t->text, ZY_ROLE_VALUE, tx, yc - e.height / 2);
        }
    }
#undef X_OF
    return l->status;
}
