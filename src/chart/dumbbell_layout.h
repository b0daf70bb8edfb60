/*
 * dumbbell_layout.h: the layout of charts of dots on rows, one row per category:
 *   - a dumbbell (value change between two groups, e.g. 2020 → 2024): a hollow dot for the
 *     first group and a filled dot for the second joined by a line, on an axis from zero;
 *   - a rank dumbbell (data->rank with options->dumbbell): the same on a rank axis from 1位
 *     (best at the left; rows best first), the line and dots coloured by the direction of
 *     the change (theme improved / declined, unchanged muted) with a key in the legend;
 *   - a rank dot plot (data->rank without dumbbell): a dot per group on a faint row guide,
 *     because a bar's length would make a bad rank look like more of something.
 * Value labels sit beside the dots. May call: util, text, chart (frame, layout, scale,
 * theme, bar_data).
 */
#ifndef ZY_DUMBBELL_LAYOUT_H
#define ZY_DUMBBELL_LAYOUT_H

#include "chart/bar_data.h"
#include "chart/layout.h"

/* Lay out data (two groups for a dumbbell). ZY_ERR_DATA without two groups for a dumbbell,
 * ZY_ERR_LIMIT when the rows do not fit (with a hint in diag). */
zy_status zy_dumbbell_layout_build(zy_diag *diag, const zy_fonts *fonts, const zy_bar_data *data,
                                   const zy_bar_options *options, const zy_theme_colors *colors,
                                   zy_layout *out);

#endif
