/*
 * theme.h: colours of a chart: light and dark themes and palettes (Okabe–Ito by default,
 * safe for colour-blind readers). May call: libc only.
 */
#ifndef ZY_THEME_H
#define ZY_THEME_H

#include <stddef.h>
#include "zuhyo/zuhyo.h"

typedef struct zy_color {
    double r, g, b, a;
} zy_color;

#define ZY_PALETTE_MAX 16

typedef struct zy_theme_colors {
    zy_color background, text, muted, grid, axis, zero_line, negative;
    zy_color subdued;            /* bars that are not highlighted */
    zy_color improved, declined; /* a rank that got better / worse (Okabe–Ito blue, vermilion) */
    zy_color palette[ZY_PALETTE_MAX];
    size_t npalette;
} zy_theme_colors;

/* Fill colors for theme and palette ("okabe-ito", "tableau", or "#rrggbb,#rrggbb,…").
 * Returns ZY_ERR_USAGE for an unknown palette or a bad colour. */
zy_status zy_theme_colors_make(zy_theme theme, const char *palette, zy_theme_colors *out);

/* A --background: "#rrggbb" (opaque) or "none" (transparent); false for anything else. */
bool zy_theme_parse_background(const char *text, zy_color *out);

/* "#rrggbb" of a colour, for SVG/HTML text. */
void zy_color_hex(zy_color c, char out[8]);

#endif
