/*
 * fonts.h: zuhyo's private font set-up: an application FcConfig built from fonts/fonts.conf
 * (plus extra font folders), a Pango font map and context over it, and a check of which
 * characters no configured font can draw.
 * May call: util, fontconfig, pango.
 */
#ifndef ZY_FONTS_H
#define ZY_FONTS_H

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "util/buf.h"
#include "util/diag.h"

#define ZY_DEFAULT_FAMILY "BIZ UDPGothic"
#define ZY_FALLBACK_FAMILY "Noto Sans CJK JP"

typedef struct zy_fonts {
    FcConfig *config;
    PangoFontMap *font_map;
    PangoContext *pango;     /* unhinted, unrounded: layout is the same for every surface */
    char *family;            /* the face asked for */
    FcCharSet *coverage;     /* union of the characters the family and its fallbacks draw */
    char *conf_path;         /* the fonts.conf that was loaded */
} zy_fonts;

/* Build the font set-up. font_dir may be NULL; family NULL means the default face. */
zy_status zy_fonts_create(zy_diag *diag, const char *font_dir, const char *family,
                          zy_fonts **out);
void zy_fonts_destroy(zy_fonts *fonts);

/* Append to missing (as "U+XXXX 'c'" items) every character of text that no configured
 * font can draw; returns how many were found. */
size_t zy_fonts_missing(const zy_fonts *fonts, const char *text, zy_buf *missing);

/* Report of faces, files and versions for `zuhyo doctor`. */
zy_status zy_fonts_describe(const zy_fonts *fonts, zy_buf *out);

/* Append a JSON list of faces to out: each {request, family, style, file, version, sha256,
 * index}. every false: the faces the default family, the fallback and the bold face resolve
 * to (what charts use); every true: every face in the configuration (no request key). */
zy_status zy_fonts_faces_json(const zy_fonts *fonts, bool every, zy_buf *out);

/* The folder holding fonts.conf: $ZUHYO_FONT_DIR, the source tree, or the install dir. */
const char *zy_fonts_default_dir(void);

#endif
