/*
 * store.c: the public store functions (see zuhyo.h): each hands the store (store/store.h) the
 * context's messages, and zy_store_extract also the context's dictionary, so the store never
 * reaches into the context. May call: store, extract.
 */
#include "api/context.h"
#include "store/store.h"

zy_status zy_store_open(zy_context *ctx, const char *path, zy_store **out)
{
    return zy_store_open_in(&ctx->diag, path, out);
}

zy_status zy_store_forget(zy_context *ctx, zy_store *s, const char *const *paths, size_t n)
{
    return zy_store_forget_in(&ctx->diag, s, paths, n);
}

zy_status zy_store_caption(zy_context *ctx, zy_store *s, const char *path, long table_no, char **out)
{
    return zy_store_caption_in(&ctx->diag, s, path, table_no, out);
}

zy_status zy_store_facts(zy_context *ctx, zy_store *s, const zy_fact_query *query, zy_fact_sink sink,
                         void *user_data)
{
    return zy_store_facts_in(&ctx->diag, s, query, sink, user_data);
}

zy_status zy_store_extract(zy_context *ctx, zy_store *s, const char *path,
                           const zy_scan_options *options, volatile const int *interrupted,
                           size_t *nfacts)
{
    *nfacts = 0;
    zy_extract_env env;
    zy_status st = zy_context_extract_env(ctx, options, &env);
    return st ? st : zy_store_write_scan(&ctx->diag, s, &env, path, options, interrupted, nfacts);
}
