/*
 * bar_layout.h: the layout of a bar chart (horizontal or vertical; single, grouped or
 * stacked; linear or log; diverging around zero) computed into a zy_layout.
 * May call: util, text, chart (scale, theme, layout, bar_data), format.
 */
#ifndef ZY_BAR_LAYOUT_H
#define ZY_BAR_LAYOUT_H

#include "chart/bar_data.h"
#include "chart/layout.h"
#include "chart/scale.h"

/* Lay out data with options on a canvas of options->width × options->height. Fails with
 * ZY_ERR_LIMIT (and a hint) when the bars cannot fit. */
zy_status zy_bar_layout_build(zy_diag *diag, const zy_fonts *fonts, const zy_bar_data *data,
                              const zy_bar_options *options, const zy_theme_colors *colors,
                              zy_layout *out);

/* The orientation AUTO resolves to for this data and canvas. */
zy_orientation zy_bar_layout_orientation(const zy_fonts *fonts, const zy_bar_data *data,
                                         const zy_bar_options *options);

#endif
