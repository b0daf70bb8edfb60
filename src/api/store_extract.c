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
    zy_extract_env env;
    zy_status st = zy_context_extract_env(ctx, options, &env);
    return st ? st : zy_store_write_scan(ctx, s, &env, path, options, interrupted, nfacts);
}
