/*
 * store.c: opening the SQLite store of documents, facts, tables and entities (see zuhyo.h),
 * its schema and the migrations between versions. The schema version is PRAGMA user_version
 * and the file is marked with PRAGMA application_id, so another program's database is
 * recognised and left alone. Writing is in store_write.c, reading in store_read.c.
 */
#include <errno.h>
#include <stdint.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"

#define ZY_APPLICATION_ID 0x5A554859 /* "ZUHY" */
#define ZY_SCHEMA_VERSION 4

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

/* Version 3: a document keeps its bytes (doc_text, a piece per scan batch of about 1 MiB)
 * and a fact points at its sentence by byte range, so a sentence costs no row of its own.
 * A document's facts have consecutive row ids, first_fact … last_fact, and so do a piece's:
 * they are found and deleted by that range, and the per-document indexes, a quarter of the
 * cost of storing dense text, are gone. Facts of older versions keep their sentence in
 * facts.sentence. */
static const char schema_v3[] =
    "CREATE TABLE doc_text(doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL, first_fact INTEGER, last_fact INTEGER, bytes BLOB NOT NULL,"
    "  PRIMARY KEY(doc_id, start));"
    "ALTER TABLE doc_tables ADD COLUMN start INTEGER;"
    "ALTER TABLE documents ADD COLUMN first_fact INTEGER;"
    "ALTER TABLE documents ADD COLUMN last_fact INTEGER;"
    "ALTER TABLE facts ADD COLUMN sentence_start INTEGER;"
    "ALTER TABLE facts ADD COLUMN sentence_end INTEGER;"
    "UPDATE facts SET sentence = (SELECT text FROM sentences s WHERE s.id = facts.sentence_id)"
    "  WHERE sentence_id IS NOT NULL;"
    "UPDATE documents SET first_fact = (SELECT min(id) FROM facts WHERE doc_id = documents.id),"
    "  last_fact = (SELECT max(id) FROM facts WHERE doc_id = documents.id);"
    "DROP TABLE sentences;"
    "DROP INDEX facts_doc;"
    "ALTER TABLE facts DROP COLUMN sentence_id;";

/* Version 4: a fact says how sure the extractor is of it (confidence 0–1), by which rule its
 * owner was found (basis) and why it is nobody's value (caveat: threshold, hypothetical).
 * Facts stored by older versions have NULL there: unknown. */
static const char schema_v4[] =
    "ALTER TABLE facts ADD COLUMN confidence REAL;"
    "ALTER TABLE facts ADD COLUMN basis TEXT;"
    "ALTER TABLE facts ADD COLUMN caveat TEXT;";

zy_status zy_store_fail(zy_diag *diag, const zy_store *s, int rc, const char *doing)
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
    return zy_diag_fail(diag, ZY_ERR_DB, "%s: %s: %s", s->path, doing, why);
}

int zy_store_exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

void zy_store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

int zy_store_step_reset(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
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
        rc = zy_store_exec(db, schema_v1);
        if (rc == SQLITE_OK)
            rc = zy_store_exec(db, "PRAGMA application_id=" "1515538521" ";PRAGMA user_version=1;");
    }
    if (rc == SQLITE_OK && from < 2) {
        rc = zy_store_exec(db, schema_v2);
        if (rc == SQLITE_OK)
            rc = zy_store_exec(db, "PRAGMA user_version=2;");
    }
    if (rc == SQLITE_OK && from < 3) {
        rc = zy_store_exec(db, schema_v3);
        if (rc == SQLITE_OK)
            rc = zy_store_exec(db, "PRAGMA user_version=3;");
    }
    if (rc == SQLITE_OK && from < 4) {
        rc = zy_store_exec(db, schema_v4);
        if (rc == SQLITE_OK)
            rc = zy_store_exec(db, "PRAGMA user_version=4;");
    }
    /* future: if (from < 5) { ALTER TABLE …; PRAGMA user_version=5; } */
    return rc;
}

/* Remove a database file (and its journal) that a failed open created. */
static void remove_created(const char *path)
{
    char journal[4096];
    snprintf(journal, sizeof journal, "%s-journal", path);
    unlink(journal);
    unlink(path);
}

zy_status zy_store_open_in(zy_diag *diag, const char *path, zy_store **out)
{
    zy_diag_clear(diag);
    *out = NULL;
    zy_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    }
    /* a missing folder gets its own message, not SQLite's "unable to open" */
    char *dir = strdup(path);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    if (slash && slash != dir) {
        *slash = '\0';
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            zy_status r = zy_diag_fail(diag, ZY_ERR_IO, "%s: the folder %s does not exist",
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
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: is a folder, not a database file", path);
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) { /* a device or FIFO is never a store */
        zy_store_close(s);
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: is not a regular file, so not a database file",
                            path);
    }
    bool created = stat(path, &st) != 0; /* a file this call makes is removed if it fails */
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
        zy_status r = zy_store_fail(diag, s, rc, "opening the database");
        zy_store_close(s);
        if (created)
            remove_created(path);
        return r;
    }
    if (objects > 0 && app != ZY_APPLICATION_ID) {
        zy_store_close(s);
        return zy_diag_fail(diag, ZY_ERR_DB,
                            "%s: not a zuhyo database (it holds other tables); give another --db path",
                            path);
    }
    if (version > ZY_SCHEMA_VERSION) {
        zy_store_close(s);
        return zy_diag_fail(diag, ZY_ERR_DB,
                            "%s: written by a newer zuhyo (schema %d, this one reads %d)", path,
                            version, ZY_SCHEMA_VERSION);
    }
    /* a rollback journal, not WAL: a document is one transaction, and a long file's transaction
     * spills pages long before it commits; in WAL every spill of a page appends another copy
     * (a 100 MB article took 18.6 s instead of 8.4 s). Readers wait while a document is stored. */
    rc = zy_store_exec(s->db, "PRAGMA foreign_keys=ON; PRAGMA journal_mode=DELETE; PRAGMA synchronous=NORMAL;");
    if (rc == SQLITE_OK && version < ZY_SCHEMA_VERSION) {
        rc = zy_store_exec(s->db, "BEGIN IMMEDIATE");
        if (rc == SQLITE_OK)
            rc = migrate(s->db, version);
        rc = zy_store_exec(s->db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK") == SQLITE_OK ? rc : rc;
    }
    if (rc != SQLITE_OK) {
        zy_status r = zy_store_fail(diag, s, rc, "preparing the database");
        zy_store_close(s);
        if (created) /* a full disk left an empty or half-made file: nothing is left behind */
            remove_created(path);
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
