/*
 * scan.c: the public extraction functions (see zuhyo.h): they load the context's dictionary,
 * hand the extractor what it needs (extract/extract.h) and keep the last file's content hash
 * in the context for zy_last_hash. JSON Lines go through the buffer the context keeps between
 * calls. May call: extract, util.
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
    zy_extract_env env;
    zy_status st = zy_context_extract_env(ctx, options, &env);
    if (st)
        return st;
    zy_extract_result result;
    st = zy_extract_file(&env, path, options, sink, user_data, &result);
    free(result.title); /* the batches carried it */
    memcpy(ctx->last_hash, result.hash, sizeof ctx->last_hash);
    return st;
}

zy_status zy_scan(zy_context *ctx, const char *path, const char *bytes, size_t len,
                  const zy_scan_options *options, zy_document **out)
{
    *out = NULL;
    zy_extract_env env;
    zy_status st = zy_context_extract_env(ctx, options, &env);
    return st ? st : zy_extract_bytes(&env, path, bytes, len, options, out);
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
