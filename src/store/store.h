/*
 * store.h: what the store's files share: the handle, the schema's one-line facts, and the
 * small SQLite helpers. store.c opens and migrates, store_write.c stores and removes
 * documents, store_read.c lists facts. Internal to the library.
 * May call: SQLite, util.
 */
#ifndef ZY_STORE_H
#define ZY_STORE_H

#include <sqlite3.h>

#include "api/context.h"
#include "extract/extract.h"

struct zy_store {
    sqlite3 *db;
    char *path;
};

/* A clear message for an SQLite failure on this store, `doing` what ("storing facts"). */
zy_status zy_store_fail(zy_context *ctx, const zy_store *s, int rc, const char *doing);

/* Scan path with env on a thread of its own and store it in one transaction, replacing the
 * documents with the same content or path (zy_store_extract without the dictionary loading,
 * which is the caller's). Messages go to ctx. */
zy_status zy_store_write_scan(zy_context *ctx, zy_store *s, const zy_extract_env *env, const char *path,
                              const zy_scan_options *options, volatile const int *interrupted,
                              size_t *nfacts);

/* sqlite3_exec without callbacks. */
int zy_store_exec(sqlite3 *db, const char *sql);

/* Bind s (NULL binds NULL); the string must outlive the statement's next step. */
void zy_store_bind_text(sqlite3_stmt *st, int i, const char *s);

/* Step a statement that returns no rows, then reset it and clear its bindings. */
int zy_store_step_reset(sqlite3_stmt *st);

#endif
