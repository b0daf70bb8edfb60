/*
 * draw.h: draw a finished zy_layout onto a caller's cairo_t. Decides nothing: every position
 * and size comes from the layout. May call: chart/layout, text, cairo, pango.
 */
#ifndef ZY_DRAW_H
#define ZY_DRAW_H

#include <cairo.h>
#include "chart/layout.h"

void zy_draw_layout(cairo_t *cr, const zy_fonts *fonts, const zy_layout *layout);

#endif
