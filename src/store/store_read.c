/*
 * store_read.c: reading the store back: facts as the records zy_scan makes, a document at a
 * time (zy_store_facts), and table captions (see zuhyo.h). Facts are read a stored piece of
 * the document (a scan batch) at a time, by the piece's range of row ids: SQLite sorts one
 * batch's facts by offset, never a whole corpus, and a fact's sentence is cut from the
 * piece's bytes. Facts of schema 1 and 2 carry their sentence themselves.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/pool.h"
#include "util/utf8.h"

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
static const char *const stored_sources[] = {"prose", "table", "list", "chronology", NULL};

/* One listing: its statements, the document being filled (its strings in a pool emptied at
 * each hand-over), and the piece of stored bytes whose facts are being read. */
typedef struct reader {
    zy_diag *diag;
    zy_store *store;
    zy_fact_sink sink;
    void *user;
    sqlite3_stmt *pieces, *bytes;
    sqlite3_stmt *by_rowid, *by_offset; /* the facts of a range in row id or in offset order */
    zy_document doc;
    zy_pool strings;
    size_t cap;
    sqlite3_int64 doc_id;
    sqlite3_int64 piece;       /* doc_text row of the facts being read (0: none) … */
    bool loaded;               /* … whether its bytes were read … */
    bool clean;                /* … whether they are valid UTF-8 without NUL … */
    size_t piece_start, piece_len; /* … from which file offset, how many … */
    char *piece_bytes;         /* … and the bytes */
    zy_status result;
} reader;

/* Hand the facts gathered to the sink and forget them. */
static void hand_over(reader *r)
{
    if (r->result == ZY_OK && r->doc.nfacts)
        r->result = r->sink(r->user, &r->doc);
    r->doc.nfacts = 0;
    zy_pool_reset(&r->strings);
}

/* Column i as a string in the pool; the previous fact's copy when it is the same (facts of a
 * sentence or a subject then share strings, as the scanner's do). */
static const char *pooled_text(reader *r, sqlite3_stmt *st, int i, const char *previous, bool *nomem)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    if (!t)
        return NULL;
    if (previous && strcmp(previous, t) == 0)
        return previous;
    char *copy = zy_pool_strndup(&r->strings, t, (size_t)sqlite3_column_bytes(st, i));
    *nomem |= copy == NULL;
    return copy;
}

/* Read the current piece's bytes (on first use) and whether they need cleaning. */
static int load_piece(reader *r)
{
    int rc = SQLITE_OK;
    if (!r->bytes)
        rc = sqlite3_prepare_v2(r->store->db, "SELECT bytes FROM doc_text WHERE rowid = ?1", -1,
                                &r->bytes, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(r->bytes, 1, r->piece);
    rc = sqlite3_step(r->bytes);
    free(r->piece_bytes);
    r->piece_bytes = NULL;
    r->piece_len = 0;
    if (rc == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_bytes(r->bytes, 0);
        const void *bytes = sqlite3_column_blob(r->bytes, 0);
        if (!(r->piece_bytes = malloc(n + 1))) {
            rc = SQLITE_NOMEM;
        } else {
            if (n)
                memcpy(r->piece_bytes, bytes, n);
            r->piece_len = n;
            r->clean = zy_utf8_invalid_at(r->piece_bytes, n) < 0 && !memchr(r->piece_bytes, '\0', n);
            rc = SQLITE_DONE;
        }
    }
    sqlite3_reset(r->bytes);
    r->loaded = true;
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The sentence at file bytes [a, b) of the current piece, as zy_scan gives it (clean UTF-8),
 * in the pool: the previous fact's when it is the same range. NULL when the piece does not
 * hold it. */
static int piece_sentence(reader *r, size_t a, size_t b, const zy_fact *previous, char **out)
{
    *out = NULL;
    if (!r->piece)
        return SQLITE_OK;
    if (previous && previous->sentence && previous->sentence_start == a && previous->sentence_end == b) {
        *out = previous->sentence;
        return SQLITE_OK;
    }
    int rc = r->loaded ? SQLITE_OK : load_piece(r);
    if (rc != SQLITE_OK || !r->piece_bytes || a < r->piece_start || b < a ||
        b > r->piece_start + r->piece_len)
        return rc;
    const char *from = r->piece_bytes + (a - r->piece_start);
    if (r->clean) {
        *out = zy_pool_strndup(&r->strings, from, b - a);
    } else {
        char *clean = zy_utf8_clean_copy(from, b - a);
        *out = clean ? zy_pool_strndup(&r->strings, clean, strlen(clean)) : NULL;
        free(clean);
    }
    return *out ? SQLITE_OK : SQLITE_NOMEM;
}

/* The fact of the current row of st into f; previous is the fact before it in this
 * hand-over, or NULL. */
static int read_fact(reader *r, sqlite3_stmt *st, zy_fact *f, const zy_fact *previous)
{
    static const char *const kinds[] = {"money", "count", "percent", "ratio", "rank", "date", "age", "duration", NULL};
    bool nomem = false;
    memset(f, 0, sizeof *f);
    f->id = (long)sqlite3_column_int64(st, 0);
    f->start = (size_t)sqlite3_column_int64(st, 1);
    f->end = (size_t)sqlite3_column_int64(st, 2);
    f->text = (char *)pooled_text(r, st, 3, NULL, &nomem);
    const char *kind = (const char *)sqlite3_column_text(st, 4);
    for (int k = 0; kinds[k]; k++)
        if (kind && strcmp(kind, kinds[k]) == 0)
            f->kind = (zy_fact_kind)k;
    f->has_value = sqlite3_column_type(st, 5) != SQLITE_NULL;
    f->value = sqlite3_column_double(st, 5);
    f->has_value_max = sqlite3_column_type(st, 6) != SQLITE_NULL;
    f->value_max = sqlite3_column_double(st, 6);
    f->unit = intern_static((const char *)sqlite3_column_text(st, 7), stored_units);
    if (!f->unit && sqlite3_column_type(st, 7) != SQLITE_NULL) /* a currency the list lacks (IDR, CHF) */
        f->unit = pooled_text(r, st, 7, previous ? previous->unit : NULL, &nomem);
    f->counter = pooled_text(r, st, 8, previous ? previous->counter : NULL, &nomem);
    f->approx = sqlite3_column_int(st, 9) != 0;
    const char *bound = (const char *)sqlite3_column_text(st, 10);
    f->bound = !bound ? ZY_BOUND_NONE : strcmp(bound, "min") == 0 ? ZY_BOUND_MIN : ZY_BOUND_MAX;
    const char *time = (const char *)sqlite3_column_text(st, 11);
    snprintf(f->time, sizeof f->time, "%s", time ? time : "");
    f->subject = (char *)pooled_text(r, st, 12, previous ? previous->subject : NULL, &nomem);
    f->subject_text = (char *)pooled_text(r, st, 13, previous ? previous->subject_text : NULL, &nomem);
    f->country = (char *)pooled_text(r, st, 14, previous ? previous->country : NULL, &nomem);
    f->measure = intern_static((const char *)sqlite3_column_text(st, 15), stored_measures);
    if (!f->measure && sqlite3_column_type(st, 15) != SQLITE_NULL)
        f->measure = pooled_text(r, st, 15, previous ? previous->measure : NULL, &nomem);
    f->source = intern_static((const char *)sqlite3_column_text(st, 16), stored_sources);
    f->table_id = sqlite3_column_type(st, 18) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 18);
    f->table_row = sqlite3_column_int64(st, 19);
    f->table_col = sqlite3_column_int64(st, 20);
    f->confidence = sqlite3_column_type(st, 23) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 23);
    f->basis = pooled_text(r, st, 24, previous ? previous->basis : NULL, &nomem);
    f->caveat = pooled_text(r, st, 25, previous ? previous->caveat : NULL, &nomem);
    if (nomem)
        return SQLITE_NOMEM;
    if (sqlite3_column_type(st, 17) != SQLITE_NULL) { /* schema 1 and 2 */
        f->sentence = (char *)pooled_text(r, st, 17, previous ? previous->sentence : NULL, &nomem);
        return nomem ? SQLITE_NOMEM : SQLITE_OK;
    }
    if (sqlite3_column_type(st, 21) == SQLITE_NULL)
        return SQLITE_OK;
    f->sentence_start = (size_t)sqlite3_column_int64(st, 21);
    f->sentence_end = (size_t)sqlite3_column_int64(st, 22);
    return piece_sentence(r, f->sentence_start, f->sentence_end, previous, &f->sentence);
}

/* Facts in offset order (start, then id: the order of zy_store_facts). */
static int by_offset(const void *a, const void *b)
{
    const zy_fact *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* The facts with row ids first … last of the current document that the query selects, in
 * offset order. A piece's facts (sorted = false) come in row id order and are sorted here,
 * a batch's worth at most; a document without pieces (schema 1 and 2) comes sorted by SQLite
 * and is handed over in parts of 4096 facts, so memory stays bounded either way. */
static void read_range(reader *r, sqlite3_stmt *st, sqlite3_int64 first, sqlite3_int64 last, bool sorted)
{
    sqlite3_bind_int64(st, 1, first);
    sqlite3_bind_int64(st, 2, last);
    sqlite3_bind_int64(st, 3, r->doc_id);
    size_t begin = r->doc.nfacts; /* the range's first fact */
    int rc = SQLITE_DONE;
    while (r->result == ZY_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sorted && r->doc.nfacts == 4096)
            hand_over(r);
        if (r->doc.nfacts == r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 64;
            zy_fact *grown = realloc(r->doc.facts, cap * sizeof *grown);
            if (!grown) {
                r->result = zy_diag_fail(r->diag, ZY_ERR_NOMEM, "out of memory");
                break;
            }
            r->doc.facts = grown;
            r->cap = cap;
        }
        zy_fact *f = &r->doc.facts[r->doc.nfacts];
        if ((rc = read_fact(r, st, f, r->doc.nfacts ? f - 1 : NULL)) != SQLITE_OK) {
            r->result = rc == SQLITE_NOMEM ? zy_diag_fail(r->diag, ZY_ERR_NOMEM, "out of memory")
                                           : zy_store_fail(r->diag, r->store, rc, "reading the text of a document");
            break;
        }
        r->doc.nfacts++;
    }
    if (r->result == ZY_OK && rc != SQLITE_DONE)
        r->result = zy_store_fail(r->diag, r->store, rc, "reading facts");
    sqlite3_reset(st);
    if (!sorted && r->result == ZY_OK) {
        qsort(r->doc.facts + begin, r->doc.nfacts - begin, sizeof *r->doc.facts, by_offset);
        if (r->doc.nfacts >= 4096)
            hand_over(r);
    }
}

/* The current document's facts, piece by piece; a document of schema 1 or 2 has no pieces and
 * is read as one range. */
static void read_document(reader *r, sqlite3_int64 first, sqlite3_int64 last)
{
    sqlite3_stmt *st = r->pieces;
    sqlite3_bind_int64(st, 1, r->doc_id);
    bool any = false;
    int rc = SQLITE_DONE;
    while (r->result == ZY_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        any = true;
        r->piece = sqlite3_column_int64(st, 0);
        r->piece_start = (size_t)sqlite3_column_int64(st, 1);
        r->loaded = false;
        read_range(r, r->by_rowid, sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3), false);
    }
    if (r->result == ZY_OK && rc != SQLITE_DONE)
        r->result = zy_store_fail(r->diag, r->store, rc, "reading facts");
    sqlite3_reset(st);
    r->piece = 0;
    if (!any && r->result == ZY_OK)
        read_range(r, r->by_offset, first, last, true);
    hand_over(r);
}

zy_status zy_store_facts_in(zy_diag *diag, zy_store *s, const zy_fact_query *q,
                         zy_fact_sink sink, void *user)
{
    zy_diag_clear(diag);
    reader r = {.diag = diag, .store = s, .sink = sink, .user = user};
    sqlite3_stmt *docs = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT id, path, title, first_fact, last_fact FROM documents"
                                " WHERE first_fact IS NOT NULL AND (?1 IS NULL OR path = ?1 OR instr(path, ?1) > 0)"
                                " ORDER BY path, id",
                                -1, &docs, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db,
                                "SELECT rowid, start, first_fact, last_fact FROM doc_text"
                                " WHERE doc_id = ?1 AND first_fact IS NOT NULL ORDER BY start",
                                -1, &r.pieces, NULL);
    static const char facts_sql[] =
        "SELECT id, start, end, text, kind, value, value_max, unit, counter, approx, bound, time,"
        " subject, subject_text, country, measure, source, sentence, table_no, row_no, col_no,"
        " sentence_start, sentence_end, confidence, basis, caveat FROM facts"
        " WHERE id BETWEEN ?1 AND ?2 AND doc_id = ?3"
        " AND (?4 IS NULL OR kind = ?4) AND (?5 IS NULL OR measure = ?5)"
        " AND (?6 IS NULL OR subject = ?6 OR instr(subject_text, ?6) > 0)"
        " AND (?7 IS NULL OR unit = ?7) AND (?8 IS NULL OR substr(time, 1, length(?8)) = ?8)";
    char sql[sizeof facts_sql + 32];
    for (int sorted = 0; rc == SQLITE_OK && sorted < 2; sorted++) {
        snprintf(sql, sizeof sql, "%s%s", facts_sql, sorted ? " ORDER BY start, id" : "");
        sqlite3_stmt **st = sorted ? &r.by_offset : &r.by_rowid;
        if ((rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL)) == SQLITE_OK) {
            zy_store_bind_text(*st, 4, q ? q->kind : NULL);
            zy_store_bind_text(*st, 5, q ? q->measure : NULL);
            zy_store_bind_text(*st, 6, q ? q->subject : NULL);
            zy_store_bind_text(*st, 7, q ? q->unit : NULL);
            zy_store_bind_text(*st, 8, q ? q->time : NULL);
        }
    }
    if (rc != SQLITE_OK)
        r.result = zy_store_fail(diag, s, rc, "reading facts");
    else
        zy_store_bind_text(docs, 1, q ? q->doc : NULL);
    r.doc.strings = &r.strings;
    while (r.result == ZY_OK && (rc = sqlite3_step(docs)) == SQLITE_ROW) {
        r.doc_id = sqlite3_column_int64(docs, 0);
        r.doc.path = column_text(docs, 1);
        r.doc.title = column_text(docs, 2);
        if (!r.doc.path)
            r.result = zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
        else
            read_document(&r, sqlite3_column_int64(docs, 3), sqlite3_column_int64(docs, 4));
        free(r.doc.path), free(r.doc.title);
        r.doc.path = r.doc.title = NULL;
    }
    if (r.result == ZY_OK && rc != SQLITE_DONE)
        r.result = zy_store_fail(diag, s, rc, "reading facts");
    free(r.doc.facts);
    free(r.piece_bytes);
    zy_pool_free(&r.strings);
    sqlite3_finalize(docs);
    sqlite3_finalize(r.pieces);
    sqlite3_finalize(r.by_rowid);
    sqlite3_finalize(r.by_offset);
    sqlite3_finalize(r.bytes);
    return r.result;
}

zy_status zy_store_caption_in(zy_diag *diag, zy_store *s, const char *path, long table_no,
                           char **out)
{
    *out = NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT t.caption FROM doc_tables t JOIN documents d ON d.id = t.doc_id"
                                " WHERE d.path = ?1 AND t.table_no = ?2",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return zy_store_fail(diag, s, rc, "reading table captions");
    zy_store_bind_text(st, 1, path);
    sqlite3_bind_int64(st, 2, table_no);
    rc = sqlite3_step(st);
    const unsigned char *text = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
    *out = strdup(text ? (const char *)text : "");
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return zy_store_fail(diag, s, rc, "reading table captions");
    return *out ? ZY_OK : zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
}

