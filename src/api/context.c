/*
 * context.c: public context, status and error-message functions (see zuhyo.h).
 */
#include "api/context.h"

#include "util/paths.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

const char *zy_status_str(zy_status status)
{
    switch (status) {
    case ZY_OK: return "ok";
    case ZY_ERR_NOMEM: return "out of memory";
    case ZY_ERR_USAGE: return "usage error";
    case ZY_ERR_IO: return "I/O error";
    case ZY_ERR_PARSE: return "parse error";
    case ZY_ERR_DATA: return "data error";
    case ZY_ERR_FONT: return "font error";
    case ZY_ERR_RENDER: return "render error";
    case ZY_ERR_LIMIT: return "too large";
    case ZY_ERR_DB: return "database error";
    }
    return "unknown error";
}

void zy_context_defaults(zy_context_options *o)
{
    memset(o, 0, sizeof *o);
}

zy_status zy_context_create(const zy_context_options *options, zy_context **out)
{
    zy_context *ctx = calloc(1, sizeof *ctx);
    *out = ctx;
    if (!ctx)
        return ZY_ERR_NOMEM;
    zy_buf_init(&ctx->json, 0);
    if (options)
        ctx->options = *options;
    else
        zy_context_defaults(&ctx->options);
    ctx->diag.warn = ctx->options.warn;
    ctx->diag.warn_user_data = ctx->options.warn_user_data;
    if (options && options->font_dir && !(ctx->font_dir = strdup(options->font_dir)))
        return ZY_ERR_NOMEM;
    if (options && options->font_family && !(ctx->font_family = strdup(options->font_family)))
        return ZY_ERR_NOMEM;
    ctx->options.font_dir = ctx->font_dir;
    ctx->options.font_family = ctx->font_family;
    return ZY_OK;
}

void zy_context_destroy(zy_context *ctx)
{
    if (!ctx)
        return;
    zy_fonts_destroy(ctx->fonts);
    if (ctx->entities) {
        zy_entities_free(ctx->entities);
        free(ctx->entities);
    }
    free(ctx->font_dir);
    free(ctx->font_family);
    zy_buf_free(&ctx->json);
    free(ctx);
}

const char *zy_errmsg(const zy_context *ctx)
{
    return ctx ? ctx->diag.message : "out of memory";
}

zy_status zy_context_fonts(zy_context *ctx, zy_fonts **out)
{
    if (!ctx->fonts) {
        zy_status st = zy_fonts_create(&ctx->diag, ctx->options.font_dir, ctx->options.font_family,
                                       &ctx->fonts);
        if (st)
            return st;
    }
    *out = ctx->fonts;
    return ZY_OK;
}

zy_status zy_context_describe_fonts(zy_context *ctx, char **out_text)
{
    zy_diag_clear(&ctx->diag);
    *out_text = NULL;
    zy_fonts *fonts;
    zy_status st = zy_context_fonts(ctx, &fonts);
    if (st)
        return st;
    zy_buf b;
    zy_buf_init(&b, 0);
    st = zy_fonts_describe(fonts, &b);
    if (st) {
        zy_buf_free(&b);
        return zy_diag_fail(&ctx->diag, st, "out of memory");
    }
    *out_text = zy_buf_steal(&b, NULL);
    return ZY_OK;
}

static const char *default_entities_path(void)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/entities.tsv", zy_paths_data_dir());
    return path;
}

zy_status zy_context_entities(zy_context *ctx, const char *extra_file)
{
    if (ctx->entities)
        return ZY_OK;
    zy_entities *e = calloc(1, sizeof *e);
    if (!e)
        return zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    zy_entities_init(e);
    zy_status st = zy_entities_load(e, &ctx->diag, default_entities_path());
    if (st == ZY_OK && extra_file)
        st = zy_entities_load(e, &ctx->diag, extra_file);
    if (st) {
        zy_entities_free(e);
        free(e);
        return st;
    }
    ctx->entities = e;
    return ZY_OK;
}

/* Is text a calendar day written YYYY-MM-DD (not 2025-13-45, not 2025-02-30)? */
bool zy_valid_day(const char *text)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
            return false;
    int year = atoi(text), month = atoi(text + 5), day = atoi(text + 8);
    bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days[month - 1] - (month == 2 && !leap);
}

zy_status zy_context_extract_env(zy_context *ctx, const zy_scan_options *options, zy_extract_env *env)
{
    zy_diag_clear(&ctx->diag);
    *env = (zy_extract_env){&ctx->diag, ctx->entities, NULL};
    if (options && options->date && !zy_valid_day(options->date)) /* every caller, not only the CLI */
        return zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "date %s: expected a day that exists, "
                            "written YYYY-MM-DD", options->date);
    zy_status st = zy_context_entities(ctx, options ? options->entities : NULL);
    *env = (zy_extract_env){&ctx->diag, ctx->entities, NULL};
    return st;
}
