/*
 * render.c: glyph coverage check and rendering of a finished layout (see render.h).
 */
#include "api/render.h"

#include "render/output.h"

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
                           unsigned char **out_bytes, size_t *out_len)
{
    *out_bytes = NULL;
    *out_len = 0;
    zy_status st = check_glyphs(ctx, fonts, layout);
    if (st)
        return st;
    zy_buf bytes;
    zy_buf_init(&bytes, 0);
    zy_output_info info = {title, desc, scale};
    st = zy_output_render(&ctx->diag, fonts, layout, format, &info, &bytes);
    if (st) {
        zy_buf_free(&bytes);
        return st;
    }
    *out_bytes = (unsigned char *)zy_buf_steal(&bytes, out_len);
    return ZY_OK;
}
