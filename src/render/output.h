/*
 * output.h: turn a layout into PNG, SVG or PDF bytes. The three differ only in the Cairo
 * surface created; PNG is encoded with libpng at a fast setting, SVG gains a <title> and a
 * <desc> listing the data, PDF gets a fixed creation date (SOURCE_DATE_EPOCH when set).
 * May call: util, chart/layout, render/draw, render/svg_text, cairo, libpng.
 */
#ifndef ZY_OUTPUT_H
#define ZY_OUTPUT_H

#include "chart/layout.h"
#include "util/buf.h"
#include "util/diag.h"

typedef struct zy_output_info {
    const char *title;   /* for the SVG <title> and PDF metadata; may be NULL */
    const char *desc;    /* for the SVG <desc>: the data as text; may be NULL */
    double scale;        /* PNG pixel scale */
    bool svg_text;       /* SVG: labels as <text> with font subsets embedded (svg_text.h) */
} zy_output_info;

zy_status zy_output_render(zy_diag *diag, const zy_fonts *fonts, const zy_layout *layout,
                           zy_format format, const zy_output_info *info, zy_buf *out);

#endif
