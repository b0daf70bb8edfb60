/*
 * render.c: glyph coverage check and rendering of a finished layout (see render.h).
 */
#include "api/render.h"

#include <stdlib.h>
#include <string.h>

#include "chart/theme.h"
#include "render/output.h"
#include "util/file.h"

/* Warn (or fail, with strict fonts) about characters no font can draw. */
static zy_status check_glyphs(zy_context *ctx, const zy_fonts *fonts, const zy_layout *layout)
{
    for (size_t i = 0; i < layout->ntext; i++) {
        zy_buf missing;
        zy_buf_init(&missing, 4096);
        size_t n = zy_fonts_missing(fonts, layout->texts[i].text, &missing);
        zy_status st = ZY_OK;
        if (n && ctx->options.strict_fonts)
            st = zy_diag_fail(&ctx->diag, ZY_ERR_FONT,
                              "no configured font can draw %s in the label \"%.80s\"",
                              missing.data, layout->texts[i].text);
        else if (n)
            zy_diag_warn(&ctx->diag, "no configured font can draw %s in the label \"%.80s\"",
                         missing.data, layout->texts[i].text);
        zy_buf_free(&missing);
        if (st)
            return st;
    }
    return ZY_OK;
}

zy_status zy_render_layout(zy_context *ctx, const zy_fonts *fonts, const zy_layout *layout,
                           zy_format format, const char *title, const char *desc, double scale,
                           bool svg_text, unsigned char **out_bytes, size_t *out_len)
{
    *out_bytes = NULL;
    *out_len = 0;
    zy_status st = check_glyphs(ctx, fonts, layout);
    if (st)
        return st;
    zy_buf bytes;
    zy_buf_init(&bytes, 0);
    zy_output_info info = {title, desc, scale, svg_text};
    st = zy_output_render(&ctx->diag, fonts, layout, format, &info, &bytes);
    if (st) {
        zy_buf_free(&bytes);
        return st;
    }
    *out_bytes = (unsigned char *)zy_buf_steal(&bytes, out_len);
    return ZY_OK;
}

zy_status zy_check_canvas(zy_context *ctx, int width, int height, int min_width, int min_height,
                          double scale, zy_theme theme, const char *palette)
{
    if (width < min_width || height < min_height || width > 20000 || height > 20000)
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE,
                            "--size %dx%d: width and height must be between %dx%d and 20000", width,
                            height, min_width, min_height);
    if (!(scale > 0 && scale <= 8))
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "--scale must be above 0 and at most 8");
    zy_theme_colors colors;
    if (zy_theme_colors_make(theme, palette, &colors) != ZY_OK)
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE,
                            "--palette \"%s\": expected okabe-ito, tableau or #rrggbb,#rrggbb,…", palette);
    return ZY_OK;
}

zy_status zy_render_to_file(zy_context *ctx, zy_render_fn render, void *chart, zy_format format,
                            const char *path)
{
    unsigned char *bytes;
    size_t len;
    zy_status st = render(ctx, chart, format, &bytes, &len);
    if (st)
        return st;
    st = zy_file_write_atomic(&ctx->diag, path, bytes, len);
    free(bytes);
    return st;
}

bool zy_keep_string(const char **field, char **slot)
{
    if (!*field)
        return true;
    *slot = strdup(*field);
    *field = *slot;
    return *slot != NULL;
}

zy_status zy_render_fonts_json(zy_context *ctx, bool every, char **out_json)
{
    *out_json = NULL;
    zy_fonts *fonts;
    zy_status st = zy_context_fonts(ctx, &fonts);
    if (st)
        return st;
    zy_buf json;
    zy_buf_init(&json, 0);
    st = zy_fonts_faces_json(fonts, every, &json);
    if (st) {
        zy_buf_free(&json);
        return zy_diag_fail(&ctx->diag, st, "out of memory listing the fonts");
    }
    *out_json = zy_buf_steal(&json, NULL);
    return ZY_OK;
}
