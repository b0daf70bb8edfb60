/*
 * store.c: the SQLite store of documents, facts, tables and entities (see zuhyo.h).
 * Prepared statements only. The schema version is PRAGMA user_version and the file is
 * marked with PRAGMA application_id, so another program's database is recognised and left
 * alone. Each document is written in one transaction.
 */
#include <errno.h>
#include <stdint.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/context.h"

#define ZY_APPLICATION_ID 0x5A554859 /* "ZUHY" */
#define ZY_SCHEMA_VERSION 2

struct zy_store {
    sqlite3 *db;
    char *path;
};

static const char schema_v1[] =
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, path TEXT NOT NULL, hash TEXT NOT NULL,"
    "  title TEXT, date TEXT, bytes INTEGER);"
    "CREATE UNIQUE INDEX documents_hash ON documents(hash);"
    "CREATE INDEX documents_path ON documents(path);"
    "CREATE TABLE entities(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, type TEXT,"
    "  country TEXT);"
    "CREATE TABLE aliases(alias TEXT NOT NULL, entity_id INTEGER NOT NULL REFERENCES entities(id),"
    "  PRIMARY KEY(alias, entity_id));"
    "CREATE TABLE doc_tables(doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  table_no INTEGER NOT NULL, caption TEXT, PRIMARY KEY(doc_id, table_no));"
    "CREATE TABLE facts(id INTEGER PRIMARY KEY,"
    "  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,"
    "  value REAL, value_max REAL, unit TEXT, counter TEXT, approx INTEGER NOT NULL,"
    "  bound TEXT, time TEXT, subject TEXT, subject_text TEXT, country TEXT, measure TEXT,"
    "  source TEXT NOT NULL, sentence TEXT, table_no INTEGER, row_no INTEGER, col_no INTEGER);"
    "CREATE INDEX facts_doc ON facts(doc_id, start);"
    "CREATE INDEX facts_measure ON facts(measure, subject);";

/* Version 2: a sentence is stored once, however many figures it holds (facts.sentence is
 * NULL in new rows; rows of version 1 are moved over). */
static const char schema_v2[] =
    "CREATE TABLE sentences(id INTEGER PRIMARY KEY,"
    "  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, text TEXT NOT NULL);"
    "CREATE INDEX sentences_doc ON sentences(doc_id);"
    "DROP INDEX facts_measure;" /* never used: facts() filters with (?2 IS NULL OR measure = ?2) */
    "ALTER TABLE facts ADD COLUMN sentence_id INTEGER;"
    "INSERT INTO sentences(doc_id, text) SELECT doc_id, sentence FROM facts"
    "  WHERE sentence IS NOT NULL GROUP BY doc_id, sentence ORDER BY min(id);"
    "UPDATE facts SET sentence_id = (SELECT s.id FROM sentences s"
    "  WHERE s.doc_id = facts.doc_id AND s.text = facts.sentence), sentence = NULL"
    "  WHERE sentence IS NOT NULL;";

/* A clear message for an SQLite failure on this store. */
static zy_status db_fail(zy_context *ctx, const zy_store *s, int rc, const char *doing)
{
    int base = rc & 0xFF;
    const char *why = sqlite3_errstr(rc);
    if (base == SQLITE_READONLY)
        why = "the database is read-only (check the file's permissions)";
    else if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        why = "the database is locked by another process; try again when it has finished";
    else if (base == SQLITE_NOTADB || base == SQLITE_CORRUPT)
        why = "the file is not a database or is corrupt";
    else if (base == SQLITE_CANTOPEN)
        why = "cannot open the file";
    else if (s->db && sqlite3_errmsg(s->db))
        why = sqlite3_errmsg(s->db);
    return zy_diag_fail(&ctx->diag, ZY_ERR_DB, "%s: %s: %s", s->path, doing, why);
}

static int exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static int pragma_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Bring the schema from version `from` to the current one. Version 0 is an empty file. */
static int migrate(sqlite3 *db, int from)
{
    int rc = SQLITE_OK;
    if (from < 1) {
        rc = exec(db, schema_v1);
        if (rc == SQLITE_OK)
            rc = exec(db, "PRAGMA application_id=" "1515538521" ";PRAGMA user_version=1;");
    }
    if (rc == SQLITE_OK && from < 2) {
        rc = exec(db, schema_v2);
        if (rc == SQLITE_OK)
            rc = exec(db, "PRAGMA user_version=2;");
    }
    /* future: if (from < 3) { ALTER TABLE …; PRAGMA user_version=3; } */
    return rc;
}

zy_status zy_store_open(zy_context *ctx, const char *path, zy_store **out)
{
    zy_diag_clear(&ctx->diag);
    *out = NULL;
    zy_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    }
    /* a missing folder gets its own message, not SQLite's "unable to open" */
    char *dir = strdup(path);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    if (slash && slash != dir) {
        *slash = '\0';
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            zy_status r = zy_diag_fail(&ctx->diag, ZY_ERR_IO, "%s: the folder %s does not exist",
                                       path, dir);
            free(dir);
            zy_store_close(s);
            return r;
        }
    }
    free(dir);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        zy_store_close(s);
        return zy_diag_fail(&ctx->diag, ZY_ERR_IO, "%s: is a folder, not a database file", path);
    }
    /* one connection per store, used by one thread at a time: no SQLite mutexes */
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_busy_timeout(s->db, 2000);
    int app = 0, version = 0, objects = 0;
    if (rc == SQLITE_OK)
        rc = pragma_int(s->db, "PRAGMA application_id", &app);
    if (rc == SQLITE_OK)
        rc = pragma_int(s->db, "PRAGMA user_version", &version);
    if (rc == SQLITE_OK)
        rc = pragma_int(s->db, "SELECT count(*) FROM sqlite_schema", &objects);
    if (rc != SQLITE_OK) {
        zy_status r = db_fail(ctx, s, rc, "opening the database");
        zy_store_close(s);
        return r;
    }
    if (objects > 0 && app != ZY_APPLICATION_ID) {
        zy_store_close(s);
        return zy_diag_fail(&ctx->diag, ZY_ERR_DB,
                            "%s: not a zuhyo database (it holds other tables); give another --db path",
                            path);
    }
    if (version > ZY_SCHEMA_VERSION) {
        zy_store_close(s);
        return zy_diag_fail(&ctx->diag, ZY_ERR_DB,
                            "%s: written by a newer zuhyo (schema %d, this one reads %d)", path,
                            version, ZY_SCHEMA_VERSION);
    }
    /* a rollback journal, not WAL: a document is one transaction, and a long file's transaction
     * spills pages long before it commits; in WAL every spill of a page appends another copy
     * (a 100 MB article took 18.6 s instead of 8.4 s). Readers wait while a document is stored. */
    rc = exec(s->db, "PRAGMA foreign_keys=ON; PRAGMA journal_mode=DELETE; PRAGMA synchronous=NORMAL;");
    if (rc == SQLITE_OK && version < ZY_SCHEMA_VERSION) {
        rc = exec(s->db, "BEGIN IMMEDIATE");
        if (rc == SQLITE_OK)
            rc = migrate(s->db, version);
        rc = exec(s->db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK") == SQLITE_OK ? rc : rc;
    }
    if (rc != SQLITE_OK) {
        zy_status r = db_fail(ctx, s, rc, "preparing the database");
        zy_store_close(s);
        return r;
    }
    *out = s;
    return ZY_OK;
}

void zy_store_close(zy_store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

/* Writing one document: statements prepared once per document. */
/* Facts (and sentences) inserted by one statement: each statement has a fixed cost (running, halting and
 * resetting it) that 32 rows share. */
#define FACT_ROWS 32
#define FACT_COLUMNS 21

typedef struct writer {
    zy_context *ctx;
    zy_store *store;
    sqlite3_stmt *insert_fact, *insert_facts, *insert_table, *upsert_entity, *insert_alias, *insert_sentence;
    sqlite3_int64 doc_id;
    sqlite3_stmt *insert_sentences; /* FACT_ROWS sentences by one statement */
    zy_buf sentence;        /* the last sentence stored … */
    sqlite3_int64 sentence_id; /* … and its row (0: none yet) */
    sqlite3_int64 next_sentence_id; /* the row the next new sentence gets (max + 1, as SQLite would) */
    const char *pending[FACT_ROWS]; /* new sentences not inserted yet (strings of the current batch) … */
    size_t npending;         /* … the last one's row is next_sentence_id - 1 */
    volatile const int *interrupted;
    size_t nfacts;
    int rc;
    uint64_t stored[1024]; /* hashes of subject + subject_text pairs stored: skip repeating them */
    size_t nstored;
} writer;

/* FNV-1a of subject and text, never 0 (0 marks an empty slot). */
static uint64_t subject_hash(const char *subject, const char *text)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *p = subject; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    h = (h ^ '\t') * 1099511628211ULL;
    for (const char *p = text ? text : ""; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return h ? h : 1;
}

/* Was this subject (as written) stored already in this document? Remembers it when not.
 * A set of hashes: a collision only skips storing an alias the dictionary may lack. */
static bool stored_lately(writer *w, const char *subject, const char *text)
{
    uint64_t h = subject_hash(subject, text);
    size_t mask = sizeof w->stored / sizeof w->stored[0] - 1;
    size_t slot = (size_t)h & mask;
    while (w->stored[slot] && w->stored[slot] != h)
        slot = (slot + 1) & mask;
    if (w->stored[slot])
        return true;
    if (w->nstored * 2 >= mask) { /* half full: start again */
        memset(w->stored, 0, sizeof w->stored);
        w->nstored = 0;
        slot = (size_t)h & mask;
    }
    w->stored[slot] = h;
    w->nstored++;
    return false;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static int step_reset(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}


static const char fact_columns[] =
    "INSERT INTO facts(doc_id, start, end, text, kind, value, value_max, unit, counter, approx,"
    " bound, time, subject, subject_text, country, measure, source, sentence_id, table_no, row_no,"
    " col_no) VALUES";

/* The row of f at parameters base+1 … base+21 of st (unbound ones stay NULL). */
static void bind_fact(sqlite3_stmt *st, int base, sqlite3_int64 doc_id, sqlite3_int64 sentence_id,
                      const zy_fact *f)
{
    static const char *const bounds[] = {NULL, "min", "max"};
    sqlite3_bind_int64(st, base + 1, doc_id);
    sqlite3_bind_int64(st, base + 2, (sqlite3_int64)f->start);
    sqlite3_bind_int64(st, base + 3, (sqlite3_int64)f->end);
    bind_text(st, base + 4, f->text);
    bind_text(st, base + 5, zy_fact_kind_name(f->kind));
    if (f->has_value)
        sqlite3_bind_double(st, base + 6, f->value);
    if (f->has_value_max)
        sqlite3_bind_double(st, base + 7, f->value_max);
    bind_text(st, base + 8, f->unit);
    bind_text(st, base + 9, f->counter);
    sqlite3_bind_int(st, base + 10, f->approx);
    bind_text(st, base + 11, bounds[f->bound]);
    bind_text(st, base + 12, f->time[0] ? f->time : NULL);
    bind_text(st, base + 13, f->subject);
    bind_text(st, base + 14, f->subject_text);
    bind_text(st, base + 15, f->country);
    bind_text(st, base + 16, f->measure);
    bind_text(st, base + 17, f->source);
    if (f->sentence)
        sqlite3_bind_int64(st, base + 18, sentence_id);
    if (f->table_id >= 0) {
        sqlite3_bind_int64(st, base + 19, f->table_id);
        sqlite3_bind_int64(st, base + 20, f->table_row);
        sqlite3_bind_int64(st, base + 21, f->table_col);
    }
}

/* Insert the pending sentences: FACT_ROWS by one statement when that many wait, else one by
 * one (at the end of a batch, whose strings go with it). */
static int flush_sentences(writer *w)
{
    int rc = SQLITE_OK;
    sqlite3_int64 id = w->next_sentence_id - (sqlite3_int64)w->npending;
    bool many = w->npending == FACT_ROWS;
    sqlite3_stmt *st = many ? w->insert_sentences : w->insert_sentence;
    for (size_t k = 0; rc == SQLITE_OK && k < w->npending; k++, id++) {
        int base = many ? (int)k * 3 : 0;
        sqlite3_bind_int64(st, base + 1, id);
        sqlite3_bind_int64(st, base + 2, w->doc_id);
        bind_text(st, base + 3, w->pending[k]);
        if (!many)
            rc = step_reset(st);
    }
    if (many)
        rc = step_reset(st);
    w->npending = 0;
    return rc;
}

/* Give f's sentence a row unless it is the last one stored (facts of one sentence come one
 * after another); w->sentence_id is then its row. The row ids are assigned here, as SQLite
 * would (one past the largest), so sentences can be inserted FACT_ROWS at a time. */
static int store_sentence(writer *w, const zy_fact *f)
{
    if (!f->sentence || (w->sentence_id != 0 && strcmp(w->sentence.data, f->sentence) == 0))
        return SQLITE_OK;
    zy_buf_reset(&w->sentence);
    if (zy_buf_puts(&w->sentence, f->sentence) != ZY_OK)
        return SQLITE_NOMEM;
    w->sentence_id = w->next_sentence_id++;
    w->pending[w->npending++] = f->sentence;
    return w->npending == FACT_ROWS ? flush_sentences(w) : SQLITE_OK;
}

/* Remember f's entity and the way this article wrote it (once per pair). */
static int store_subject(writer *w, const zy_fact *f)
{
    if (!f->subject || stored_lately(w, f->subject, f->subject_text))
        return SQLITE_OK;
    sqlite3_stmt *ue = w->upsert_entity;
    bind_text(ue, 1, f->subject);
    bind_text(ue, 2, f->country);
    int rc = step_reset(ue);
    if (rc == SQLITE_OK && f->subject_text) {
        sqlite3_stmt *ia = w->insert_alias;
        bind_text(ia, 1, f->subject_text);
        bind_text(ia, 2, f->subject);
        rc = step_reset(ia);
    }
    return rc;
}

static zy_status write_batch(void *user, const zy_document *batch)
{
    writer *w = user;
    if (w->interrupted && *w->interrupted)
        return zy_diag_fail(&w->ctx->diag, ZY_ERR_IO, "%s: interrupted; nothing of it was stored",
                            batch->path);
    int rc = SQLITE_OK;
    for (size_t i = 0; rc == SQLITE_OK && i < batch->ntables; i++) {
        sqlite3_stmt *st = w->insert_table;
        sqlite3_bind_int64(st, 1, w->doc_id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)(batch->first_table + i));
        bind_text(st, 3, batch->table_captions[i]);
        rc = step_reset(st);
    }
    for (size_t i = 0; rc == SQLITE_OK && i < batch->nfacts;) {
        /* FACT_ROWS facts by one statement while there are that many, then one by one */
        size_t rows = batch->nfacts - i >= FACT_ROWS ? FACT_ROWS : 1;
        sqlite3_stmt *st = rows == FACT_ROWS ? w->insert_facts : w->insert_fact;
        for (size_t r = 0; rc == SQLITE_OK && r < rows; r++) {
            const zy_fact *f = &batch->facts[i + r];
            rc = store_sentence(w, f);
            bind_fact(st, (int)r * FACT_COLUMNS, w->doc_id, w->sentence_id, f);
        }
        if (rc == SQLITE_OK)
            rc = step_reset(st);
        else
            sqlite3_reset(st), sqlite3_clear_bindings(st);
        for (size_t r = 0; rc == SQLITE_OK && r < rows; r++)
            rc = store_subject(w, &batch->facts[i + r]);
        i += rows;
    }
    if (rc == SQLITE_OK)
        rc = flush_sentences(w);
    w->npending = 0;
    w->nfacts += batch->nfacts;
    if (rc == SQLITE_NOMEM)
        return zy_diag_fail(&w->ctx->diag, ZY_ERR_NOMEM, "out of memory");
    if (rc != SQLITE_OK)
        return db_fail(w->ctx, w->store, rc, "storing facts");
    return ZY_OK;
}

/* "HEAD (?, …), …": rows rows of columns parameters, into b. */
static zy_status rows_insert_sql(zy_buf *b, const char *head, int columns, size_t rows)
{
    zy_buf_reset(b);
    zy_status st = zy_buf_puts(b, head);
    for (size_t r = 0; st == ZY_OK && r < rows; r++) {
        st = zy_buf_puts(b, r ? ",(?" : " (?");
        for (int c = 1; st == ZY_OK && c < columns; c++)
            st = zy_buf_puts(b, ",?");
        if (st == ZY_OK)
            st = zy_buf_puts(b, ")");
    }
    return st;
}

/* Prepare the one-row and the FACT_ROWS-row form of an insert. */
static int prepare_inserts(sqlite3 *db, const char *head, int columns, sqlite3_stmt **one,
                           sqlite3_stmt **many)
{
    int rc = SQLITE_OK;
    zy_buf sql;
    zy_buf_init(&sql, 0);
    for (size_t rows = 1; rc == SQLITE_OK && rows <= FACT_ROWS; rows += FACT_ROWS - 1) {
        if (rows_insert_sql(&sql, head, columns, rows) != ZY_OK)
            rc = SQLITE_NOMEM;
        else
            rc = sqlite3_prepare_v2(db, sql.data, (int)sql.len, rows == 1 ? one : many, NULL);
    }
    zy_buf_free(&sql);
    return rc;
}

zy_status zy_store_extract(zy_context *ctx, zy_store *s, const char *path,
                           const zy_scan_options *options, volatile const int *interrupted,
                           size_t *nfacts)
{
    zy_diag_clear(&ctx->diag);
    *nfacts = 0;
    char hash[17];
    zy_status st = zy_file_hash(ctx, path, hash);
    if (st)
        return st;
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return zy_diag_fail(&ctx->diag, ZY_ERR_IO, "%s: is a folder, not a file", path);
    writer w;
    memset(&w, 0, sizeof w);
    w.ctx = ctx;
    w.store = s;
    w.interrupted = interrupted;
    zy_buf_init(&w.sentence, 0);
    /* Foreign keys are checked for every row inserted, which cost 7 % of storing a dense
     * article; this transaction inserts rows of its own document only, so they are switched
     * off for it (the pragma works only outside a transaction) and the document's old rows
     * are deleted here instead of by ON DELETE CASCADE. */
    int rc = exec(s->db, "PRAGMA foreign_keys=OFF");
    if (rc == SQLITE_OK)
        rc = exec(s->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) {
        zy_status failed = db_fail(ctx, s, rc, "starting a transaction"); /* before the message changes */
        exec(s->db, "PRAGMA foreign_keys=ON");
        return failed;
    }
    sqlite3_stmt *del = NULL, *ins = NULL;
    static const char *const deletes[] = {
        "DELETE FROM facts WHERE doc_id IN (SELECT id FROM documents WHERE hash = ?1 OR path = ?2)",
        "DELETE FROM sentences WHERE doc_id IN (SELECT id FROM documents WHERE hash = ?1 OR path = ?2)",
        "DELETE FROM doc_tables WHERE doc_id IN (SELECT id FROM documents WHERE hash = ?1 OR path = ?2)",
        "DELETE FROM documents WHERE hash = ?1 OR path = ?2",
    };
    for (size_t k = 0; rc == SQLITE_OK && k < sizeof deletes / sizeof deletes[0]; k++) {
        sqlite3_finalize(del);
        del = NULL;
        rc = sqlite3_prepare_v2(s->db, deletes[k], -1, &del, NULL);
        if (rc == SQLITE_OK) {
            bind_text(del, 1, hash);
            bind_text(del, 2, path);
            rc = step_reset(del);
        }
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db,
                                "INSERT INTO documents(path, hash, title, date, bytes) VALUES(?1, ?2, NULL, ?3, ?4)",
                                -1, &ins, NULL);
    if (rc == SQLITE_OK) {
        bind_text(ins, 1, path);
        bind_text(ins, 2, hash);
        bind_text(ins, 3, options && options->date ? options->date : NULL);
        sqlite3_bind_int64(ins, 4, (sqlite3_int64)sb.st_size);
        rc = step_reset(ins);
        w.doc_id = sqlite3_last_insert_rowid(s->db);
    }
    if (rc == SQLITE_OK)
        rc = prepare_inserts(s->db, fact_columns, FACT_COLUMNS, &w.insert_fact, &w.insert_facts);
    if (rc == SQLITE_OK)
        rc = prepare_inserts(s->db, "INSERT INTO sentences(id, doc_id, text) VALUES", 3,
                             &w.insert_sentence, &w.insert_sentences);
    if (rc == SQLITE_OK) {
        sqlite3_stmt *max = NULL;
        rc = sqlite3_prepare_v2(s->db, "SELECT coalesce(max(id), 0) + 1 FROM sentences", -1, &max, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(max)) == SQLITE_ROW) {
            w.next_sentence_id = sqlite3_column_int64(max, 0);
            rc = SQLITE_OK;
        }
        sqlite3_finalize(max);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, "INSERT INTO doc_tables(doc_id, table_no, caption) VALUES(?1, ?2, ?3)",
                                -1, &w.insert_table, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db,
                                "INSERT INTO entities(name, country) VALUES(?1, ?2) ON CONFLICT(name) DO"
                                " UPDATE SET country = coalesce(entities.country, excluded.country)",
                                -1, &w.upsert_entity, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db,
                                "INSERT OR IGNORE INTO aliases(alias, entity_id) SELECT ?1, id FROM entities"
                                " WHERE name = ?2",
                                -1, &w.insert_alias, NULL);
    if (rc != SQLITE_OK)
        st = db_fail(ctx, s, rc, "storing the document");
    if (st == ZY_OK)
        st = zy_scan_file(ctx, path, options, write_batch, &w);
    if (st == ZY_OK) {
        /* the title is known once the first batch was read: take it from the first fact's
         * document, or leave NULL for a document without facts */
        sqlite3_stmt *title = NULL;
        rc = sqlite3_prepare_v2(s->db, "UPDATE documents SET title = ?1 WHERE id = ?2", -1, &title, NULL);
        if (rc == SQLITE_OK) {
            bind_text(title, 1, ctx->last_title);
            sqlite3_bind_int64(title, 2, w.doc_id);
            rc = step_reset(title);
        }
        sqlite3_finalize(title);
        if (rc != SQLITE_OK)
            st = db_fail(ctx, s, rc, "storing the document");
    }
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    sqlite3_finalize(w.insert_fact);
    sqlite3_finalize(w.insert_facts);
    sqlite3_finalize(w.insert_table);
    sqlite3_finalize(w.insert_sentence);
    sqlite3_finalize(w.insert_sentences);
    zy_buf_free(&w.sentence);
    sqlite3_finalize(w.upsert_entity);
    sqlite3_finalize(w.insert_alias);
    if (st == ZY_OK && (rc = exec(s->db, "COMMIT")) != SQLITE_OK)
        st = db_fail(ctx, s, rc, "committing");
    if (st != ZY_OK)
        exec(s->db, "ROLLBACK");
    exec(s->db, "PRAGMA foreign_keys=ON");
    if (st != ZY_OK)
        return st;
    *nfacts = w.nfacts;
    return ZY_OK;
}

static char *column_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

/* Static strings for the stored kind, unit, measure and source values. */
static const char *intern_static(const char *s, const char *const *choices)
{
    if (!s)
        return NULL;
    for (size_t i = 0; choices[i]; i++)
        if (strcmp(s, choices[i]) == 0)
            return choices[i];
    return NULL;
}

static const char *const stored_units[] = {"USD", "JPY", "CNY", "EUR", "GBP", "KRW", "INR", "HKD", "AUD",
                                           "TWD", "count", "%", "pt", "x", "rank", "years", "months",
                                           "weeks", "days", "hours", "minutes", "seconds", NULL};
static const char *const stored_measures[] = {
    "valuation", "market_cap", "funding", "investment", "assets", "cost", "market_size", "salary",
    "revenue", "profit", "author_count", "rank", "total", "share", "growth", "gap", "price_cut",
    "founded", "release", NULL};
static const char *const stored_sources[] = {"prose", "table", "list", NULL};

zy_status zy_store_facts(zy_context *ctx, zy_store *s, const zy_fact_query *q,
                         zy_fact_sink sink, void *user)
{
    zy_diag_clear(&ctx->diag);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(
        s->db,
        "SELECT d.path, f.start, f.end, f.text, f.kind, f.value, f.value_max, f.unit, f.counter,"
        " f.approx, f.bound, f.time, f.subject, f.subject_text, f.country, f.measure, f.source,"
        " coalesce(f.sentence, s.text), f.table_no, f.row_no, f.col_no, d.id, d.title, f.id"
        " FROM facts f JOIN documents d ON d.id = f.doc_id LEFT JOIN sentences s ON s.id = f.sentence_id"
        " WHERE (?1 IS NULL OR f.kind = ?1) AND (?2 IS NULL OR f.measure = ?2)"
        " AND (?3 IS NULL OR f.subject = ?3 OR instr(f.subject_text, ?3) > 0)"
        " AND (?4 IS NULL OR d.path = ?4 OR instr(d.path, ?4) > 0)"
        " AND (?5 IS NULL OR f.unit = ?5) AND (?6 IS NULL OR substr(f.time, 1, length(?6)) = ?6)"
        " ORDER BY d.path, d.id, f.start, f.id",
        -1, &st, NULL);
    if (rc != SQLITE_OK)
        return db_fail(ctx, s, rc, "reading facts");
    bind_text(st, 1, q ? q->kind : NULL);
    bind_text(st, 2, q ? q->measure : NULL);
    bind_text(st, 3, q ? q->subject : NULL);
    bind_text(st, 4, q ? q->doc : NULL);
    bind_text(st, 5, q ? q->unit : NULL);
    bind_text(st, 6, q ? q->time : NULL);
    zy_document doc;
    memset(&doc, 0, sizeof doc);
    size_t cap = 0;
    sqlite3_int64 current = -1;
    zy_status result = ZY_OK;
    static const char *const kinds[] = {"money", "count", "percent", "ratio", "rank", "date", "age", "duration", NULL};
    for (;;) {
        rc = sqlite3_step(st);
        sqlite3_int64 id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 21) : -2;
        /* hand over a finished document, or a long one in parts (memory stays bounded) */
        if (current != -1 && (id != current || doc.nfacts == 4096)) {
            /* hand over the finished document */
            result = sink(user, &doc);
            for (size_t i = 0; i < doc.nfacts; i++) {
                zy_fact *f = &doc.facts[i];
                free(f->text), free(f->subject), free(f->subject_text), free(f->country);
                free(f->sentence), free((char *)f->counter);
            }
            doc.nfacts = 0;
            if (result)
                break;
            if (id != current) {
                free(doc.path), free(doc.title);
                doc.path = doc.title = NULL;
            }
        }
        if (rc != SQLITE_ROW)
            break;
        if (id != current) {
            current = id;
            doc.path = column_text(st, 0);
            doc.title = column_text(st, 22);
        }
        if (doc.nfacts == cap) {
            cap = cap ? cap * 2 : 64;
            zy_fact *grown = realloc(doc.facts, cap * sizeof *grown);
            if (!grown) {
                result = zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
                break;
            }
            doc.facts = grown;
        }
        zy_fact *f = &doc.facts[doc.nfacts++];
        memset(f, 0, sizeof *f);
        f->start = (size_t)sqlite3_column_int64(st, 1);
        f->end = (size_t)sqlite3_column_int64(st, 2);
        f->text = column_text(st, 3);
        const char *kind = (const char *)sqlite3_column_text(st, 4);
        for (int k = 0; kinds[k]; k++)
            if (kind && strcmp(kind, kinds[k]) == 0)
                f->kind = (zy_fact_kind)k;
        f->has_value = sqlite3_column_type(st, 5) != SQLITE_NULL;
        f->value = sqlite3_column_double(st, 5);
        f->has_value_max = sqlite3_column_type(st, 6) != SQLITE_NULL;
        f->value_max = sqlite3_column_double(st, 6);
        f->unit = intern_static((const char *)sqlite3_column_text(st, 7), stored_units);
        f->counter = column_text(st, 8);
        f->approx = sqlite3_column_int(st, 9) != 0;
        const char *bound = (const char *)sqlite3_column_text(st, 10);
        f->bound = !bound ? ZY_BOUND_NONE : strcmp(bound, "min") == 0 ? ZY_BOUND_MIN : ZY_BOUND_MAX;
        const char *time = (const char *)sqlite3_column_text(st, 11);
        snprintf(f->time, sizeof f->time, "%s", time ? time : "");
        f->subject = column_text(st, 12);
        f->subject_text = column_text(st, 13);
        f->country = column_text(st, 14);
        f->measure = intern_static((const char *)sqlite3_column_text(st, 15), stored_measures);
        f->source = intern_static((const char *)sqlite3_column_text(st, 16), stored_sources);
        f->sentence = column_text(st, 17);
        f->table_id = sqlite3_column_type(st, 18) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 18);
        f->table_row = sqlite3_column_int64(st, 19);
        f->table_col = sqlite3_column_int64(st, 20);
        f->id = (long)sqlite3_column_int64(st, 23);
    }
    sqlite3_finalize(st);
    free(doc.facts);
    free(doc.path), free(doc.title);
    if (result == ZY_OK && rc != SQLITE_DONE)
        result = db_fail(ctx, s, rc, "reading facts");
    return result;
}

zy_status zy_store_caption(zy_context *ctx, zy_store *s, const char *path, long table_no,
                           char **out)
{
    *out = NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT t.caption FROM doc_tables t JOIN documents d ON d.id = t.doc_id"
                                " WHERE d.path = ?1 AND t.table_no = ?2",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return db_fail(ctx, s, rc, "reading table captions");
    bind_text(st, 1, path);
    sqlite3_bind_int64(st, 2, table_no);
    rc = sqlite3_step(st);
    const unsigned char *text = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
    *out = strdup(text ? (const char *)text : "");
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(ctx, s, rc, "reading table captions");
    return *out ? ZY_OK : zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
}

zy_status zy_store_forget(zy_context *ctx, zy_store *s, const char *const *paths, size_t n)
{
    int rc = exec(s->db, "BEGIN IMMEDIATE");
    sqlite3_stmt *del = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, "DELETE FROM documents WHERE path = ?1", -1, &del, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        bind_text(del, 1, paths[i]);
        rc = step_reset(del);
    }
    sqlite3_finalize(del);
    if (rc == SQLITE_OK)
        rc = exec(s->db, "COMMIT");
    if (rc != SQLITE_OK) {
        exec(s->db, "ROLLBACK");
        return db_fail(ctx, s, rc, "removing documents");
    }
    return ZY_OK;
}
