/*
 * scan.c: the public extraction functions (see zuhyo.h): they load the context's dictionary,
 * hand the extractor what it needs (extract/extract.h) and keep what the last file taught
 * (its title and hash) in the context for zy_last_hash and the store. JSON Lines go through
 * the buffer the context keeps between calls. May call: extract, util.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "api/context.h"
#include "extract/extract.h"
#include "extract/jsonl.h"

zy_status zy_scan_file(zy_context *ctx, const char *path, const zy_scan_options *options,
                       zy_fact_sink sink, void *user_data)
{
    ctx->last_hash[0] = '\0'; /* known again only once this file has been read to its end */
    zy_diag_clear(&ctx->diag);
    zy_status st = zy_context_entities(ctx, options ? options->entities : NULL);
    if (st)
        return st;
    zy_extract_env env = {&ctx->diag, ctx->entities};
    zy_extract_result result;
    st = zy_extract_file(&env, path, options, sink, user_data, &result);
    if (result.title) {
        free(ctx->last_title);
        ctx->last_title = result.title;
    }
    memcpy(ctx->last_hash, result.hash, sizeof ctx->last_hash);
    return st;
}

zy_status zy_scan(zy_context *ctx, const char *path, const char *bytes, size_t len,
                  const zy_scan_options *options, zy_document **out)
{
    *out = NULL;
    zy_diag_clear(&ctx->diag);
    zy_status st = zy_context_entities(ctx, options ? options->entities : NULL);
    if (st)
        return st;
    zy_extract_env env = {&ctx->diag, ctx->entities};
    return zy_extract_bytes(&env, path, bytes, len, options, out);
}

const char *zy_last_hash(const zy_context *ctx)
{
    return ctx->last_hash;
}

zy_status zy_document_jsonl(zy_context *ctx, const zy_document *doc, char **out, size_t *out_len)
{
    zy_buf b;
    zy_buf_init(&b, 0);
    zy_status st = zy_jsonl_put_document(&b, doc, NULL);
    if (st) {
        zy_buf_free(&b);
        return zy_diag_fail(&ctx->diag, st, "out of memory while writing JSON");
    }
    *out = zy_buf_steal(&b, out_len);
    return ZY_OK;
}

zy_status zy_document_write_jsonl(zy_context *ctx, const zy_document *doc, FILE *out)
{
    zy_status st = zy_jsonl_put_document(&ctx->json, doc, out);
    if (st == ZY_OK && ctx->json.len && fwrite(ctx->json.data, 1, ctx->json.len, out) != ctx->json.len)
        st = ZY_ERR_IO;
    zy_buf_reset(&ctx->json);
    if (st == ZY_ERR_IO)
        return zy_diag_fail(&ctx->diag, st, "cannot write the facts: %s", strerror(errno));
    if (st)
        return zy_diag_fail(&ctx->diag, st, "out of memory while writing JSON");
    return ZY_OK;
}
