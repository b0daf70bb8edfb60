/*
 * store_extract.c: zy_store_extract (see zuhyo.h): load the context's dictionary and hand it,
 * with the context's messages, to the store's writer (store/store.h), which scans and stores
 * the file. May call: store, extract.
 */
#include "api/context.h"
#include "store/store.h"

zy_status zy_store_extract(zy_context *ctx, zy_store *s, const char *path,
                           const zy_scan_options *options, volatile const int *interrupted,
                           size_t *nfacts)
{
    *nfacts = 0;
    zy_diag_clear(&ctx->diag);
    zy_status st = zy_context_entities(ctx, options ? options->entities : NULL);
    if (st)
        return st;
    zy_extract_env env = {&ctx->diag, ctx->entities};
    return zy_store_write_scan(ctx, s, &env, path, options, interrupted, nfacts);
}
