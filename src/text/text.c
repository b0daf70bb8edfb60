/*
 * text.c: Pango layouts for chart text (see text.h).
 */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#include "text/breaks.h"
#include "util/utf8.h"

PangoLayout *zy_text_layout(const zy_fonts *fonts, const char *text, const zy_text_style *style)
{
    PangoLayout *layout = pango_layout_new(fonts->pango);
    PangoFontDescription *desc = pango_font_description_new();
    pango_font_description_set_family(desc, fonts->family);
    pango_font_description_set_absolute_size(desc, style->size * PANGO_SCALE);
    pango_font_description_set_weight(desc, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    if (style->wrap_width > 0) {
        pango_layout_set_width(layout, (int)(style->wrap_width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(layout, -(style->max_lines > 0 ? style->max_lines : 1));
    }
    PangoAlignment align = style->align == ZY_ALIGN_RIGHT    ? PANGO_ALIGN_RIGHT
                           : style->align == ZY_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                                             : PANGO_ALIGN_LEFT;
    pango_layout_set_alignment(layout, align);
    /* the last guard: a caller that let invalid UTF-8 through gets it dropped, not Pango's
     * warnings (the CLI refuses such options before) */
    size_t n = strlen(text);
    char *clean = zy_utf8_invalid_at(text, n) >= 0 ? zy_utf8_clean_copy(text, n) : NULL;
    /* wrapped text breaks between words, not inside them (see breaks.h) */
    char *joined = style->wrap_width > 0 ? zy_text_join_words(clean ? clean : text) : NULL;
    pango_layout_set_text(layout, joined ? joined : clean ? clean : text, -1);
    free(joined);
    free(clean);
    return layout;
}

zy_text_extent zy_text_measure(const zy_fonts *fonts, const char *text, const zy_text_style *style)
{
    PangoLayout *layout = zy_text_layout(fonts, text, style);
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    g_object_unref(layout);
    zy_text_extent e = {(double)logical.x / PANGO_SCALE, (double)logical.width / PANGO_SCALE,
                        (double)logical.height / PANGO_SCALE};
    return e;
}

bool zy_text_is_ellipsized(const zy_fonts *fonts, const char *text, const zy_text_style *style)
{
    PangoLayout *layout = zy_text_layout(fonts, text, style);
    bool cut = pango_layout_is_ellipsized(layout);
    g_object_unref(layout);
    return cut;
}
