/*
 * timeline_layout.h: the layout of a timeline: a time axis with ticks that suit the span
 * (years, months, half-months, weeks or days: 2025年, 2025年1月 then 2月, 1月20日), lanes as tall
 * as their labels need, events as dots (a day) or bands (a period), and labels that hang from
 * leader lines above and below each lane, never touching another label, a leader or a mark;
 * when they cannot all hang at their marks, numbers there and a list beside the axis.
 * May call: util, text, chart (frame, layout, theme, timeline_data).
 */
#ifndef ZY_TIMELINE_LAYOUT_H
#define ZY_TIMELINE_LAYOUT_H

#include "chart/layout.h"
#include "chart/timeline_data.h"

/* Lay out data into out (always initialised; free it with zy_layout_free). ZY_ERR_LIMIT with a
 * hint in diag when the events cannot be drawn without overlaps at this size. */
zy_status zy_timeline_layout_build(zy_diag *diag, const zy_fonts *fonts,
                                   const zy_timeline_data *data, const zy_timeline_options *o,
                                   const zy_theme_colors *colors, zy_layout *out);

#endif
