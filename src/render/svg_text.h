/*
 * svg_text.h: SVG for editing. Cairo's SVG surface writes glyphs as paths; this pass writes
 * each text item of a layout as a <text> element instead (font named, size, colour, anchor),
 * where Pango put its glyphs, and embeds a subset of every face the labels use (only their
 * characters, through HarfBuzz's hb-subset) as an @font-face data: URL, so a browser draws
 * the same glyphs and Illustrator, Inkscape or PowerPoint can edit the words.
 * May call: util, chart/layout, text, pango, fontconfig, harfbuzz-subset, glib (base64).
 */
#ifndef ZY_SVG_TEXT_H
#define ZY_SVG_TEXT_H

#include "chart/layout.h"
#include "util/buf.h"
#include "util/diag.h"

/* Add the layout's text items to svg, a finished SVG document (drawn without text): a
 * <style> with the font subsets right after the opening <svg …> tag and a group of <text>
 * elements just before </svg>, so text stays on top of the shapes. The same layout and fonts
 * give the same bytes. A face whose licence forbids embedding (OS/2 fsType) is named, not
 * embedded, with a warning. Errors: ZY_ERR_NOMEM, ZY_ERR_RENDER (svg is not an SVG document
 * or a face cannot be read or subset), message in diag. */
zy_status zy_svg_text_add(zy_diag *diag, const zy_fonts *fonts, const zy_layout *layout,
                          zy_buf *svg);

#endif
