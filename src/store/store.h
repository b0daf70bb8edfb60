/*
 * store.h: what the store's files share: the handle, the schema's one-line facts, and the
 * small SQLite helpers. store.c opens and migrates, store_write.c stores and removes
 * documents, store_read.c lists facts. Internal to the library: the public zy_store_*
 * functions in api/store.c hand these the context's messages. May call: SQLite, extract, util.
 */
#ifndef ZY_STORE_H
#define ZY_STORE_H

#include <sqlite3.h>

#include "extract/extract.h"
#include "util/diag.h"

struct zy_store {
    sqlite3 *db;
    char *path;
};

/* A clear message for an SQLite failure on this store, `doing` what ("storing facts"). */
zy_status zy_store_fail(zy_diag *diag, const zy_store *s, int rc, const char *doing);

/* Scan path with env on a thread of its own and store it in one transaction, replacing the
 * documents with the same content or path (zy_store_extract without the dictionary loading,
 * which is the caller's). Failures are described in diag. */
zy_status zy_store_write_scan(zy_diag *diag, zy_store *s, const zy_extract_env *env, const char *path,
                              const zy_scan_options *options, volatile const int *interrupted,
                              size_t *nfacts);

/* The public store functions (zuhyo.h), with their messages going to diag. */
zy_status zy_store_open_in(zy_diag *diag, const char *path, zy_store **out);
zy_status zy_store_forget_in(zy_diag *diag, zy_store *s, const char *const *paths, size_t n);
zy_status zy_store_caption_in(zy_diag *diag, zy_store *s, const char *path, long table_no, char **out);
zy_status zy_store_facts_in(zy_diag *diag, zy_store *s, const zy_fact_query *query, zy_fact_sink sink,
                            void *user_data);

/* sqlite3_exec without callbacks. */
int zy_store_exec(sqlite3 *db, const char *sql);

/* Bind s (NULL binds NULL); the string must outlive the statement's next step. */
void zy_store_bind_text(sqlite3_stmt *st, int i, const char *s);

/* Step a statement that returns no rows, then reset it and clear its bindings. */
int zy_store_step_reset(sqlite3_stmt *st);

#endif
