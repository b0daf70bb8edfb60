/*
 * timeline_layout.h: the layout of a timeline: a time axis with ticks that suit the span
 * (years, months or days, labelled 2025年, 2025年1月, 1月20日), lanes as labelled bands,
 * events as dots (a known day) or hollow bands (a year or month), and labels stacked in rows
 * above and below each lane with leader lines, never overlapping.
 * May call: util, text, chart (frame, layout, theme, timeline_data).
 */
#ifndef ZY_TIMELINE_LAYOUT_H
#define ZY_TIMELINE_LAYOUT_H

#include "chart/layout.h"
#include "chart/timeline_data.h"

zy_status zy_timeline_layout_build(zy_diag *diag, const zy_fonts *fonts,
                                   const zy_timeline_data *data, const zy_timeline_options *o,
                                   const zy_theme_colors *colors, zy_layout *out);

#endif
