/*
 * frame.h: what every chart shares around its plot: sizes scaled from a 1600×900 design, the
 * title and subtitle above, a legend row, and the source footnote below.
 * May call: chart/layout, text.
 */
#ifndef ZY_FRAME_H
#define ZY_FRAME_H

#include "chart/layout.h"

/* Sizes of one chart, scaled from a 1600×900 design. */
typedef struct zy_metrics {
    double unit;   /* 1 at 1600×900 */
    double pad, gap;
    double title, subtitle, label, value, tick, source, legend;
} zy_metrics;

zy_metrics zy_metrics_for(double width, double height);
/* The same for charts that go on a slide or a page as they are (bars, dumbbells): text
 * shrinks less than the canvas, with larger minimum sizes. */
zy_metrics zy_metrics_for_slide(double width, double height);

/* Text sizes scaled so that category labels are size (px; pt in a PDF); 0 keeps them. */
void zy_metrics_set_label_size(zy_metrics *m, double size);

/* A legend entry: a swatch of colour (hollow when outline) and its name. */
typedef struct zy_legend_entry {
    const char *name;
    zy_color color;
    bool outline;
} zy_legend_entry;

/* Place title, subtitle and legend at the top and the source at the bottom of l; *top and
 * *bottom get the free band between them. */
void zy_frame_place(zy_layout *l, const zy_fonts *fonts, const char *title, const char *subtitle,
                    const char *source, const zy_legend_entry *legend, size_t nlegend,
                    const zy_theme_colors *t, const zy_metrics *m, double *top, double *bottom);

#endif
