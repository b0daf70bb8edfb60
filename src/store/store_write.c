/*
 * store_write.c: storing a scanned document (zy_store_write_scan, behind zy_store_extract) and
 * removing documents (zy_store_forget), each in one transaction (see zuhyo.h).
 *
 * A document's facts get consecutive row ids, recorded as documents.first_fact … last_fact,
 * so they are found and deleted by that range: facts has no index on doc_id, which cost a
 * quarter of the time of storing dense text. The document's bytes go to doc_text a batch at
 * a time, with the range of that batch's facts, and a fact points at its sentence by byte
 * range instead of storing it.
 *
 * The scan runs on a thread of its own (extract/scan_thread.h): SQLite takes two thirds of
 * the time on dense text, and the next batch is scanned meanwhile.
 *
 * Foreign keys are off inside these transactions: with them on, every inserted row is
 * checked (7 % of the time) and a deleted document would look for its facts by a full scan.
 * The code here inserts rows only for the document it has just created and deletes a
 * document's rows itself.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/scan_thread.h"
#include "store/store.h"
#include "util/hash.h"

/* Facts inserted by one statement: its fixed cost (running, halting, resetting) is shared. */
#define FACT_ROWS 32
#define FACT_COLUMNS 25

typedef struct writer {
    zy_diag *diag;       /* where failures are described */
    const zy_extract_env *env;
    zy_extract_result scanned; /* the document's title and hash, once scanned */
    zy_store *store;
    sqlite3_stmt *insert_fact, *insert_facts; /* one row, FACT_ROWS rows */
    sqlite3_stmt *insert_text, *insert_table, *upsert_entity, *insert_alias;
    sqlite3_int64 doc_id;
    sqlite3_int64 before; /* the largest fact id before this document's */
    zy_buf piece;        /* the bytes of the batch being stored … */
    size_t piece_start;  /* … from this file offset; stored once its facts are, with … */
    sqlite3_int64 piece_first; /* … the id its first fact gets */
    size_t text_end;     /* bytes of the file seen so far */
    size_t nfacts;
    uint64_t stored[1024]; /* hashes of subject + subject_text pairs stored: skip repeating them */
    size_t nstored;
} writer;

/* FNV-1a of subject and text, never 0 (0 marks an empty slot). */
static uint64_t subject_hash(const char *subject, const char *text)
{
    uint64_t h = zy_fnv1a(ZY_FNV_START, subject, strlen(subject) + 1); /* the NUL separates */
    if (text)
        h = zy_fnv1a(h, text, strlen(text));
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

static const char fact_columns[] =
    "INSERT INTO facts(doc_id, start, end, text, kind, value, value_max, unit, counter, approx,"
    " bound, time, subject, subject_text, country, measure, source, sentence_start, sentence_end,"
    " table_no, row_no, col_no, confidence, basis, caveat) VALUES";

static void bind_int_or_null(sqlite3_stmt *st, int i, bool has, sqlite3_int64 v)
{
    if (has)
        sqlite3_bind_int64(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

/* The row of f at parameters base+1 … base+FACT_COLUMNS of st. Every parameter is bound, so
 * the statement needs no clearing between uses. */
static void bind_fact(sqlite3_stmt *st, int base, sqlite3_int64 doc_id, const zy_fact *f)
{
    static const char *const bounds[] = {NULL, "min", "max"};
    sqlite3_bind_int64(st, base + 1, doc_id);
    sqlite3_bind_int64(st, base + 2, (sqlite3_int64)f->start);
    sqlite3_bind_int64(st, base + 3, (sqlite3_int64)f->end);
    zy_store_bind_text(st, base + 4, f->text);
    zy_store_bind_text(st, base + 5, zy_fact_kind_name(f->kind));
    if (f->has_value)
        sqlite3_bind_double(st, base + 6, f->value);
    else
        sqlite3_bind_null(st, base + 6);
    if (f->has_value_max)
        sqlite3_bind_double(st, base + 7, f->value_max);
    else
        sqlite3_bind_null(st, base + 7);
    zy_store_bind_text(st, base + 8, f->unit);
    zy_store_bind_text(st, base + 9, f->counter);
    sqlite3_bind_int(st, base + 10, f->approx);
    zy_store_bind_text(st, base + 11, bounds[f->bound]);
    zy_store_bind_text(st, base + 12, f->time[0] ? f->time : NULL);
    zy_store_bind_text(st, base + 13, f->subject);
    zy_store_bind_text(st, base + 14, f->subject_text);
    zy_store_bind_text(st, base + 15, f->country);
    zy_store_bind_text(st, base + 16, f->measure);
    zy_store_bind_text(st, base + 17, f->source);
    bind_int_or_null(st, base + 18, f->sentence != NULL, (sqlite3_int64)f->sentence_start);
    bind_int_or_null(st, base + 19, f->sentence != NULL, (sqlite3_int64)f->sentence_end);
    bind_int_or_null(st, base + 20, f->table_id >= 0, f->table_id);
    bind_int_or_null(st, base + 21, f->table_id >= 0, f->table_row);
    bind_int_or_null(st, base + 22, f->table_id >= 0, f->table_col);
    if (f->confidence >= 0)
        sqlite3_bind_double(st, base + 23, f->confidence);
    else
        sqlite3_bind_null(st, base + 23);
    zy_store_bind_text(st, base + 24, f->basis);
    zy_store_bind_text(st, base + 25, f->caveat);
}

/* Remember f's entity and the way this article wrote it (once per pair). */
static int store_subject(writer *w, const zy_fact *f)
{
    if (!f->subject || stored_lately(w, f->subject, f->subject_text))
        return SQLITE_OK;
    sqlite3_stmt *ue = w->upsert_entity;
    zy_store_bind_text(ue, 1, f->subject);
    zy_store_bind_text(ue, 2, f->country);
    int rc = zy_store_step_reset(ue);
    if (rc == SQLITE_OK && f->subject_text) {
        sqlite3_stmt *ia = w->insert_alias;
        zy_store_bind_text(ia, 1, f->subject_text);
        zy_store_bind_text(ia, 2, f->subject);
        rc = zy_store_step_reset(ia);
    }
    return rc;
}

/* Store the piece of the batch just finished, with the ids of its facts (none: NULL). */
static int store_piece(writer *w)
{
    if (w->text_end == 0)
        return SQLITE_OK;
    sqlite3_int64 last = w->before + (sqlite3_int64)w->nfacts;
    sqlite3_stmt *st = w->insert_text;
    sqlite3_bind_int64(st, 1, w->doc_id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)w->piece_start);
    bind_int_or_null(st, 3, last >= w->piece_first, w->piece_first);
    bind_int_or_null(st, 4, last >= w->piece_first, last);
    sqlite3_bind_blob64(st, 5, w->piece.data, w->piece.len, SQLITE_STATIC);
    return zy_store_step_reset(st);
}

/* A new batch (its first part brings its bytes): store the last one's piece, keep the new one's
 * bytes until its facts are stored. */
static int next_piece(writer *w, const zy_document *batch)
{
    if (batch->nbytes == 0 || batch->bytes_start + batch->nbytes <= w->text_end)
        return SQLITE_OK;
    int rc = store_piece(w);
    zy_buf_reset(&w->piece);
    if (rc == SQLITE_OK && zy_buf_append(&w->piece, batch->bytes, batch->nbytes) != ZY_OK)
        rc = SQLITE_NOMEM;
    w->piece_start = batch->bytes_start;
    w->piece_first = w->before + (sqlite3_int64)w->nfacts + 1;
    w->text_end = batch->bytes_start + batch->nbytes;
    return rc;
}

/* Insert facts[0..n), FACT_ROWS by one statement while there are that many. */
static int store_facts(writer *w, const zy_fact *facts, size_t n)
{
    int rc = SQLITE_OK;
    for (size_t i = 0; rc == SQLITE_OK && i < n;) {
        size_t rows = n - i >= FACT_ROWS ? FACT_ROWS : 1;
        sqlite3_stmt *st = rows == FACT_ROWS ? w->insert_facts : w->insert_fact;
        for (size_t r = 0; r < rows; r++)
            bind_fact(st, (int)r * FACT_COLUMNS, w->doc_id, &facts[i + r]);
        rc = sqlite3_step(st);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        sqlite3_reset(st);
        for (size_t r = 0; rc == SQLITE_OK && r < rows; r++)
            rc = store_subject(w, &facts[i + r]);
        i += rows;
    }
    return rc;
}

/* Store one batch: its bytes, table captions and facts. */
static int write_batch(writer *w, const zy_document *batch)
{
    int rc = next_piece(w, batch);
    for (size_t i = 0; rc == SQLITE_OK && i < batch->ntables; i++) {
        sqlite3_stmt *st = w->insert_table;
        sqlite3_bind_int64(st, 1, w->doc_id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)(batch->first_table + i));
        zy_store_bind_text(st, 3, batch->tables[i].caption);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)batch->tables[i].start);
        rc = zy_store_step_reset(st);
    }
    if (rc == SQLITE_OK)
        rc = store_facts(w, batch->facts, batch->nfacts);
    w->nfacts += batch->nfacts;
    return rc;
}

/* Scan path on a thread of its own and store its batches as they come. The context is the
 * scan's until it ends, so a failure here is described only afterwards. */
static zy_status scan_and_store(writer *w, const char *path, const zy_scan_options *options,
                                volatile const int *interrupted)
{
    zy_scan_thread *t;
    zy_extract_env env = *w->env;
    env.interrupted = interrupted; /* a read waiting on stdin gives up too */
    zy_status st = zy_scan_thread_start(&env, path, options, &t);
    if (st)
        return st;
    int rc = SQLITE_OK;
    bool stopped = false;
    const zy_document *batch;
    while (rc == SQLITE_OK && !stopped && (batch = zy_scan_thread_next(t))) {
        if (interrupted && *interrupted)
            stopped = true;
        else
            rc = write_batch(w, batch);
        zy_scan_thread_release(t, batch);
    }
    if (interrupted && *interrupted)
        stopped = true;
    st = zy_scan_thread_finish(t, rc != SQLITE_OK || stopped, &w->scanned);
    if (rc != SQLITE_OK || stopped)
        zy_diag_clear(w->diag); /* the scan's "stopped" is not the news */
    if (stopped)
        return zy_diag_fail(w->diag, ZY_ERR_IO, "%s: interrupted; nothing of it was stored", path);
    if (rc == SQLITE_NOMEM)
        return zy_diag_fail(w->diag, ZY_ERR_NOMEM, "out of memory");
    if (rc != SQLITE_OK)
        return zy_store_fail(w->diag, w->store, rc, "storing facts");
    return st;
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

/* Prepare the one-row and the FACT_ROWS-row form of the facts insert. */
static int prepare_fact_inserts(sqlite3 *db, sqlite3_stmt **one, sqlite3_stmt **many)
{
    int rc = SQLITE_OK;
    zy_buf sql;
    zy_buf_init(&sql, 0);
    for (size_t rows = 1; rc == SQLITE_OK && rows <= FACT_ROWS; rows += FACT_ROWS - 1) {
        if (rows_insert_sql(&sql, fact_columns, FACT_COLUMNS, rows) != ZY_OK)
            rc = SQLITE_NOMEM;
        else
            rc = sqlite3_prepare_v2(db, sql.data, (int)sql.len, rows == 1 ? one : many, NULL);
    }
    zy_buf_free(&sql);
    return rc;
}

/* One statement with ?1 bound to id, run to its end. */
static int run_with_id(sqlite3 *db, const char *sql, sqlite3_int64 id)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        rc = sqlite3_step(st);
        rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Delete document id and every row that belongs to it. */
static int delete_document(sqlite3 *db, sqlite3_int64 id)
{
    /* the range finds the rows; the doc_id test guards against a range shared by another
     * document, which zuhyo never writes */
    static const char facts[] = "DELETE FROM facts WHERE id BETWEEN (SELECT first_fact FROM documents"
                                " WHERE id = ?1) AND (SELECT last_fact FROM documents WHERE id = ?1)"
                                " AND doc_id = ?1";
    static const char *const deletes[] = {
        facts,
        "DELETE FROM doc_text WHERE doc_id = ?1",
        "DELETE FROM doc_tables WHERE doc_id = ?1",
        "DELETE FROM documents WHERE id = ?1",
    };
    int rc = SQLITE_OK;
    for (size_t k = 0; rc == SQLITE_OK && k < sizeof deletes / sizeof deletes[0]; k++)
        rc = run_with_id(db, deletes[k], id);
    return rc;
}

/* Delete every document the statement `find` selects (an id per row, parameters bound), one
 * at a time until it finds none. */
static int delete_documents(sqlite3 *db, sqlite3_stmt *find)
{
    int rc;
    while ((rc = sqlite3_step(find)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(find, 0);
        sqlite3_reset(find);
        if ((rc = delete_document(db, id)) != SQLITE_OK)
            return rc;
    }
    sqlite3_reset(find);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Start a write transaction with foreign keys off (the pragma works only outside one). */
static int begin_unchecked(sqlite3 *db)
{
    int rc = zy_store_exec(db, "PRAGMA foreign_keys=OFF");
    if (rc == SQLITE_OK)
        rc = zy_store_exec(db, "BEGIN IMMEDIATE");
    return rc;
}

/* Commit when st is OK (a failure to commit becomes st), else roll back; foreign keys go
 * back on either way. */
static zy_status end_unchecked(zy_diag *diag, zy_store *s, zy_status st)
{
    int rc;
    if (st == ZY_OK && (rc = zy_store_exec(s->db, "COMMIT")) != SQLITE_OK)
        st = zy_store_fail(diag, s, rc, "committing");
    if (st != ZY_OK)
        zy_store_exec(s->db, "ROLLBACK");
    zy_store_exec(s->db, "PRAGMA foreign_keys=ON");
    return st;
}

static sqlite3_int64 query_int(sqlite3 *db, const char *sql, int *rc)
{
    sqlite3_stmt *st;
    sqlite3_int64 v = 0;
    *rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (*rc == SQLITE_OK && (*rc = sqlite3_step(st)) == SQLITE_ROW) {
        v = sqlite3_column_int64(st, 0);
        *rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return v;
}

/* Prepare w's statements and insert the document's row. Its hash is a placeholder until the
 * scan has read the whole file. */
static int writer_start(writer *w, const char *path, const zy_scan_options *options)
{
    sqlite3 *db = w->store->db;
    sqlite3_stmt *ins;
    int rc = sqlite3_prepare_v2(db, "INSERT INTO documents(path, hash, date) VALUES(?1, 'pending', ?2)",
                                -1, &ins, NULL);
    if (rc == SQLITE_OK) {
        zy_store_bind_text(ins, 1, path);
        zy_store_bind_text(ins, 2, options && options->date ? options->date : NULL);
        rc = zy_store_step_reset(ins);
        w->doc_id = sqlite3_last_insert_rowid(db);
    }
    sqlite3_finalize(ins);
    if (rc == SQLITE_OK)
        rc = prepare_fact_inserts(db, &w->insert_fact, &w->insert_facts);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "INSERT INTO doc_text(doc_id, start, first_fact, last_fact, bytes)"
                                " VALUES(?1, ?2, ?3, ?4, ?5)",
                                -1, &w->insert_text, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "INSERT INTO doc_tables(doc_id, table_no, caption, start) VALUES(?1, ?2, ?3, ?4)",
                                -1, &w->insert_table, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "INSERT INTO entities(name, country) VALUES(?1, ?2) ON CONFLICT(name) DO"
                                " UPDATE SET country = coalesce(entities.country, excluded.country)",
                                -1, &w->upsert_entity, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "INSERT OR IGNORE INTO aliases(alias, entity_id) SELECT ?1, id FROM entities"
                                " WHERE name = ?2",
                                -1, &w->insert_alias, NULL);
    return rc;
}

static void writer_end(writer *w)
{
    zy_buf_free(&w->piece);
    sqlite3_finalize(w->insert_fact);
    sqlite3_finalize(w->insert_facts);
    sqlite3_finalize(w->insert_text);
    sqlite3_finalize(w->insert_table);
    sqlite3_finalize(w->upsert_entity);
    sqlite3_finalize(w->insert_alias);
}

/* After the scan: replace the documents with the same content or path, and complete the new
 * document's row (hash, title, size, fact range). The facts took the row ids after the
 * largest there was, `before`; that they are consecutive is checked, not assumed. */
static int writer_finish(writer *w, const char *path)
{
    sqlite3 *db = w->store->db;
    sqlite3_int64 before = w->before;
    const char *hash = w->scanned.hash;
    sqlite3_stmt *find = NULL;
    int rc = store_piece(w);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "SELECT id FROM documents WHERE (hash = ?1 OR path = ?2) AND id != ?3",
                                -1, &find, NULL);
    if (rc == SQLITE_OK) {
        zy_store_bind_text(find, 1, hash);
        zy_store_bind_text(find, 2, path);
        sqlite3_bind_int64(find, 3, w->doc_id);
        rc = delete_documents(db, find);
    }
    sqlite3_finalize(find);
    sqlite3_int64 last = rc == SQLITE_OK ? query_int(db, "SELECT coalesce(max(id), 0) FROM facts", &rc) : 0;
    if (rc == SQLITE_OK && last != before + (sqlite3_int64)w->nfacts)
        rc = SQLITE_CORRUPT; /* some other row took an id in the range */
    sqlite3_stmt *up = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "UPDATE documents SET hash = ?1, title = ?2, bytes = ?3, first_fact = ?4,"
                                " last_fact = ?5 WHERE id = ?6",
                                -1, &up, NULL);
    if (rc == SQLITE_OK) {
        zy_store_bind_text(up, 1, hash);
        zy_store_bind_text(up, 2, w->scanned.title);
        sqlite3_bind_int64(up, 3, (sqlite3_int64)w->text_end);
        bind_int_or_null(up, 4, w->nfacts > 0, before + 1);
        bind_int_or_null(up, 5, w->nfacts > 0, last);
        sqlite3_bind_int64(up, 6, w->doc_id);
        rc = zy_store_step_reset(up);
    }
    sqlite3_finalize(up);
    return rc;
}

zy_status zy_store_write_scan(zy_diag *diag, zy_store *s, const zy_extract_env *env, const char *path,
                              const zy_scan_options *options, volatile const int *interrupted,
                              size_t *nfacts)
{
    *nfacts = 0;
    writer w;
    memset(&w, 0, sizeof w);
    w.diag = diag;
    w.env = env;
    w.store = s;
    zy_scan_options scan = options ? *options : (zy_scan_options){0};
    scan.hash = true;
    int rc = begin_unchecked(s->db);
    if (rc != SQLITE_OK) {
        zy_status failed = zy_store_fail(diag, s, rc, "starting a transaction");
        zy_store_exec(s->db, "PRAGMA foreign_keys=ON");
        return failed;
    }
    w.before = query_int(s->db, "SELECT coalesce(max(id), 0) FROM facts", &rc);
    zy_buf_init(&w.piece, 0);
    if (rc == SQLITE_OK)
        rc = writer_start(&w, path, options);
    zy_status st = rc == SQLITE_OK ? scan_and_store(&w, path, &scan, interrupted)
                                   : zy_store_fail(diag, s, rc, "storing the document");
    if (st == ZY_OK && (rc = writer_finish(&w, path)) != SQLITE_OK)
        st = zy_store_fail(diag, s, rc, "storing the document");
    writer_end(&w);
    free(w.scanned.title);
    st = end_unchecked(diag, s, st);
    if (st == ZY_OK)
        *nfacts = w.nfacts;
    return st;
}

zy_status zy_store_forget_in(zy_diag *diag, zy_store *s, const char *const *paths, size_t n)
{
    sqlite3_stmt *find = NULL;
    int rc = begin_unchecked(s->db);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, "SELECT id FROM documents WHERE path = ?1", -1, &find, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        zy_store_bind_text(find, 1, paths[i]);
        rc = delete_documents(s->db, find);
    }
    sqlite3_finalize(find);
    zy_status st = rc == SQLITE_OK ? ZY_OK : zy_store_fail(diag, s, rc, "removing documents");
    return end_unchecked(diag, s, st);
}
