/*
 * dumbbell_layout.h: the layout of a dumbbell chart (rank or value change between two
 * groups, e.g. 2020 → 2024): one row per category, a hollow dot for the first group and a
 * filled dot for the second joined by a line, value labels beside the dots.
 * May call: util, text, chart (frame, layout, scale, theme, bar_data).
 */
#ifndef ZY_DUMBBELL_LAYOUT_H
#define ZY_DUMBBELL_LAYOUT_H

#include "chart/bar_data.h"
#include "chart/layout.h"

zy_status zy_dumbbell_layout_build(zy_diag *diag, const zy_fonts *fonts, const zy_bar_data *data,
                                   const zy_bar_options *options, const zy_theme_colors *colors,
                                   zy_layout *out);

#endif
