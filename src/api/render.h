/*
 * render.h: the last step every chart shares: check that the fonts draw every label, then
 * render the layout to PNG, SVG or PDF bytes. May call: every lower layer.
 */
#ifndef ZY_API_RENDER_H
#define ZY_API_RENDER_H

#include "api/context.h"
#include "chart/layout.h"

/* Render layout in format; title and desc go into the SVG (title also into the PDF).
 * svg_text: an SVG's labels stay text (render/svg_text.h). *out_bytes is malloc'd. Characters no font can draw are warned about, or refused with
 * strict fonts. */
zy_status zy_render_layout(zy_context *ctx, const zy_fonts *fonts, const zy_layout *layout,
                           zy_format format, const char *title, const char *desc, double scale,
                           bool svg_text, unsigned char **out_bytes, size_t *out_len);

/* Check a chart's canvas, scale and palette; a usage error names the option. */
zy_status zy_check_canvas(zy_context *ctx, int width, int height, int min_width, int min_height,
                          double scale, zy_theme theme, const char *palette);

/* Replace *field by an owned copy kept in *slot (NULL stays NULL); false when out of memory. */
bool zy_keep_string(const char **field, char **slot);

/* Render with render(chart) and write the bytes to path atomically. */
typedef zy_status (*zy_render_fn)(zy_context *ctx, void *chart, zy_format format,
                                  unsigned char **bytes, size_t *len);
zy_status zy_render_to_file(zy_context *ctx, zy_render_fn render, void *chart, zy_format format,
                            const char *path);

/* The fonts as a malloc'd JSON list (see zy_fonts_faces_json): the faces charts use, or with
 * every the whole configuration. Loads the fonts when not loaded yet. */
zy_status zy_render_fonts_json(zy_context *ctx, bool every, char **out_json);

#endif
