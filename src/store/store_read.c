/*
 * store_read.c: reading the store back: facts as the records zy_scan makes, a document at a
 * time (zy_store_facts), and table captions (see zuhyo.h). A fact's sentence is cut from the
 * document's stored bytes by its byte range; facts of schema 1 and 2 carry it themselves.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/utf8.h"

static char *column_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

/* A piece of a document's stored bytes (doc_text), kept while the facts of one piece are
 * read: the facts come in offset order, so each piece is read once. */
typedef struct text_piece {
    sqlite3_stmt *find;
    sqlite3_int64 doc_id;
    size_t start, len;
    char *bytes;
} text_piece;

/* The sentence at bytes [a, b) of document doc as clean UTF-8 (as zy_scan gives it), in
 * *out (malloc'd; NULL when the document's bytes do not hold it). */
static int piece_sentence(sqlite3 *db, text_piece *p, sqlite3_int64 doc, size_t a, size_t b, char **out)
{
    *out = NULL;
    int rc = SQLITE_OK;
    if (!p->bytes || p->doc_id != doc || a < p->start || b > p->start + p->len) {
        free(p->bytes);
        p->bytes = NULL;
        if (!p->find)
            rc = sqlite3_prepare_v2(db,
                                    "SELECT start, bytes FROM doc_text WHERE doc_id = ?1 AND start <= ?2"
                                    " ORDER BY start DESC LIMIT 1",
                                    -1, &p->find, NULL);
        if (rc != SQLITE_OK)
            return rc;
        sqlite3_bind_int64(p->find, 1, doc);
        sqlite3_bind_int64(p->find, 2, (sqlite3_int64)a);
        rc = sqlite3_step(p->find);
        if (rc == SQLITE_ROW) {
            p->doc_id = doc;
            p->start = (size_t)sqlite3_column_int64(p->find, 0);
            p->len = (size_t)sqlite3_column_bytes(p->find, 1);
            const void *bytes = sqlite3_column_blob(p->find, 1);
            if ((p->bytes = malloc(p->len + 1)) == NULL)
                rc = SQLITE_NOMEM;
            else if (p->len)
                memcpy(p->bytes, bytes, p->len);
        }
        sqlite3_reset(p->find);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return rc;
        if (!p->bytes || a < p->start || b > p->start + p->len || b < a)
            return SQLITE_OK;
    }
    *out = zy_utf8_clean_copy(p->bytes + (a - p->start), b - a);
    return *out ? SQLITE_OK : SQLITE_NOMEM;
}

/* Free the strings of doc's facts and empty it. */
static void free_facts(zy_document *doc)
{
    for (size_t i = 0; i < doc->nfacts; i++) {
        zy_fact *f = &doc->facts[i];
        free(f->text), free(f->subject), free(f->subject_text), free(f->country);
        free(f->sentence), free((char *)f->counter);
    }
    doc->nfacts = 0;
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
        " f.sentence, f.table_no, f.row_no, f.col_no, d.id, d.title, f.id, f.sentence_start,"
        " f.sentence_end"
        " FROM documents d JOIN facts f ON f.id BETWEEN d.first_fact AND d.last_fact AND f.doc_id = d.id"
        " WHERE (?1 IS NULL OR f.kind = ?1) AND (?2 IS NULL OR f.measure = ?2)"
        " AND (?3 IS NULL OR f.subject = ?3 OR instr(f.subject_text, ?3) > 0)"
        " AND (?4 IS NULL OR d.path = ?4 OR instr(d.path, ?4) > 0)"
        " AND (?5 IS NULL OR f.unit = ?5) AND (?6 IS NULL OR substr(f.time, 1, length(?6)) = ?6)"
        " ORDER BY d.path, d.id, f.start, f.id",
        -1, &st, NULL);
    if (rc != SQLITE_OK)
        return zy_store_fail(ctx, s, rc, "reading facts");
    zy_store_bind_text(st, 1, q ? q->kind : NULL);
    zy_store_bind_text(st, 2, q ? q->measure : NULL);
    zy_store_bind_text(st, 3, q ? q->subject : NULL);
    zy_store_bind_text(st, 4, q ? q->doc : NULL);
    zy_store_bind_text(st, 5, q ? q->unit : NULL);
    zy_store_bind_text(st, 6, q ? q->time : NULL);
    zy_document doc;
    memset(&doc, 0, sizeof doc);
    size_t cap = 0;
    sqlite3_int64 current = -1;
    zy_status result = ZY_OK;
    text_piece piece = {0};
    static const char *const kinds[] = {"money", "count", "percent", "ratio", "rank", "date", "age", "duration", NULL};
    for (;;) {
        rc = sqlite3_step(st);
        sqlite3_int64 id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 21) : -2;
        /* hand over a finished document, or a long one in parts (memory stays bounded) */
        if (current != -1 && (id != current || doc.nfacts == 4096)) {
            /* hand over the finished document */
            result = sink(user, &doc);
            free_facts(&doc);
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
        if (sqlite3_column_type(st, 17) != SQLITE_NULL)
            f->sentence = column_text(st, 17);
        else if (sqlite3_column_type(st, 24) != SQLITE_NULL) {
            rc = piece_sentence(s->db, &piece, id, (size_t)sqlite3_column_int64(st, 24),
                                (size_t)sqlite3_column_int64(st, 25), &f->sentence);
            if (rc != SQLITE_OK) {
                result = zy_store_fail(ctx, s, rc, "reading the text of a document");
                break;
            }
        }
        f->table_id = sqlite3_column_type(st, 18) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 18);
        f->table_row = sqlite3_column_int64(st, 19);
        f->table_col = sqlite3_column_int64(st, 20);
        f->id = (long)sqlite3_column_int64(st, 23);
    }
    sqlite3_finalize(st);
    sqlite3_finalize(piece.find);
    free(piece.bytes);
    free_facts(&doc); /* after an error */
    free(doc.facts);
    free(doc.path), free(doc.title);
    if (result == ZY_OK && rc != SQLITE_DONE)
        result = zy_store_fail(ctx, s, rc, "reading facts");
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
        return zy_store_fail(ctx, s, rc, "reading table captions");
    zy_store_bind_text(st, 1, path);
    sqlite3_bind_int64(st, 2, table_no);
    rc = sqlite3_step(st);
    const unsigned char *text = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
    *out = strdup(text ? (const char *)text : "");
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return zy_store_fail(ctx, s, rc, "reading table captions");
    return *out ? ZY_OK : zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
}

