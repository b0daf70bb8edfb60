/*
 * text.h: text boxes measured with Pango. The same style gives the same PangoLayout when
 * measuring (layout) and when drawing (render), so what layout decided is what is drawn.
 * May call: util, text/fonts, pango.
 */
#ifndef ZY_TEXT_H
#define ZY_TEXT_H

#include "text/fonts.h"

typedef enum zy_align { ZY_ALIGN_LEFT = 0, ZY_ALIGN_CENTER, ZY_ALIGN_RIGHT } zy_align;

typedef struct zy_text_style {
    double size;        /* pixel size of the em */
    bool bold;
    double wrap_width;  /* wrap (then ellipsise) at this width; 0 means one line, no limit */
    int max_lines;      /* with wrap_width: lines before the ellipsis; 0 means 1 */
    zy_align align;
} zy_text_style;

/* A new layout of text in style; the caller unrefs it. */
PangoLayout *zy_text_layout(const zy_fonts *fonts, const char *text, const zy_text_style *style);

/* Logical box of text in style, relative to the layout's origin (x_offset is non-zero
 * for centred or right-aligned wrapped text). */
typedef struct zy_text_extent {
    double x_offset, width, height;
} zy_text_extent;

zy_text_extent zy_text_measure(const zy_fonts *fonts, const char *text, const zy_text_style *style);

/* True when the text had to be ellipsised to fit the style's width and lines. */
bool zy_text_is_ellipsized(const zy_fonts *fonts, const char *text, const zy_text_style *style);

#endif
