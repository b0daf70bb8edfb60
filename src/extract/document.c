/*
 * document.c: the public extraction entry point: normalise, find the article's year, run the
 * table, list and prose passes, and keep the facts with their provenance (see zuhyo.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/context.h"
#include "extract/scan.h"

const char *zy_fact_kind_name(zy_fact_kind kind)
{
    static const char *const names[] = {"money", "count", "percent", "ratio",
                                        "rank",  "date",  "age",     "duration"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "unknown";
}

static char *copy_range(const char *text, size_t start, size_t end)
{
    char *out = malloc(end - start + 1);
    if (out) {
        memcpy(out, text + start, end - start);
        out[end - start] = '\0';
    }
    return out;
}

void zy_scan_date_iso(const zy_scan_state *s, const zy_figure *f, char out[16])
{
    int year = f->year ? f->year : s->doc_year;
    if (f->month && f->day && year)
        snprintf(out, 16, "%04d-%02d-%02d", year, f->month, f->day);
    else if (f->month && f->day)
        snprintf(out, 16, "--%02d-%02d", f->month, f->day);
    else if (f->month && year)
        snprintf(out, 16, "%04d-%02d", year, f->month);
    else if (f->month)
        snprintf(out, 16, "--%02d", f->month);
    else if (year)
        snprintf(out, 16, "%04d", year);
    else
        out[0] = '\0';
}

void zy_scan_add(zy_scan_state *s, const zy_figure *f, const zy_subject *subject,
                 const char *measure, const char *source, size_t sentence_start,
                 size_t sentence_end, const char *time, long table_id, long row, long col)
{
    if (s->status)
        return;
    zy_document *d = s->doc;
    if (d->nfacts == s->fact_cap) {
        size_t cap = s->fact_cap ? s->fact_cap * 2 : 64;
        zy_fact *grown = realloc(d->facts, cap * sizeof *grown);
        if (!grown) {
            s->status = ZY_ERR_NOMEM;
            return;
        }
        d->facts = grown;
        s->fact_cap = cap;
    }
    const char *t = s->norm.text;
    const size_t *orig = s->norm.orig;
    zy_fact *x = &d->facts[d->nfacts];
    memset(x, 0, sizeof *x);
    x->start = orig[f->start];
    x->end = orig[f->end];
    x->kind = f->kind;
    x->has_value = f->has_value;
    x->has_value_max = f->has_value_max;
    x->value = f->value;
    x->value_max = f->value_max;
    x->unit = f->unit;
    x->approx = f->approx;
    x->bound = f->bound;
    x->measure = measure;
    x->source = source;
    x->table_id = table_id;
    x->table_row = row;
    x->table_col = col;
    if (f->kind == ZY_KIND_DATE)
        zy_scan_date_iso(s, f, x->time);
    else if (time)
        snprintf(x->time, sizeof x->time, "%s", time);
    bool ok = true;
    x->text = copy_range(s->bytes, x->start, x->end);
    ok &= x->text != NULL;
    if (f->counter[0])
        ok &= (x->counter = strdup(f->counter)) != NULL;
    if (subject && subject->end > subject->start) {
        x->subject_text = copy_range(t, subject->start, subject->end);
        ok &= x->subject_text != NULL;
        if (subject->entity >= 0)
            x->subject = strdup(s->entities->entities[subject->entity].name);
        else
            x->subject = x->subject_text ? strdup(x->subject_text) : NULL;
        ok &= x->subject != NULL;
        if (subject->country)
            ok &= (x->country = strdup(subject->country)) != NULL;
        else if (subject->entity >= 0 && s->entities->entities[subject->entity].country[0]) {
            /* the dictionary's country, by its canonical country entity when there is one */
            const char *code = s->entities->entities[subject->entity].country;
            const char *name = code;
            for (size_t i = 0; i < s->entities->nentity; i++)
                if (strcmp(s->entities->entities[i].type, "country") == 0 &&
                    strcmp(s->entities->entities[i].country, code) == 0)
                    name = s->entities->entities[i].name;
            ok &= (x->country = strdup(name)) != NULL;
        }
    }
    /* the sentence, as written in the file, without surrounding blanks */
    size_t a = orig[sentence_start], b = orig[sentence_end];
    while (a < b && (s->bytes[a] == ' ' || s->bytes[a] == '\n' || s->bytes[a] == '\t'))
        a++;
    while (b > a && (s->bytes[b - 1] == ' ' || s->bytes[b - 1] == '\n' || s->bytes[b - 1] == '\r'))
        b--;
    x->sentence = copy_range(s->bytes, a, b);
    ok &= x->sentence != NULL;
    d->nfacts++;
    if (!ok)
        s->status = ZY_ERR_NOMEM;
}

/* The year that dates without one belong to: the article's date when given; else the year of
 * the latest full date (Y-M or Y-M-D) written in the text; else the latest year mentioned that
 * is not a target (…年までに). 0 when the text has no year. */
static void resolve_doc_year(zy_scan_state *s, const char *date_option)
{
    if (date_option && strlen(date_option) >= 4) {
        s->doc_year = atoi(date_option);
        if (strlen(date_option) >= 7)
            s->doc_month = atoi(date_option + 5);
        return;
    }
    int full = 0, any = 0;
    const char *t = s->norm.text;
    for (size_t i = 0; i < s->norm.len; i++) {
        if (t[i] < '0' || t[i] > '9' || (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9'))
            continue;
        zy_figure f;
        if (!zy_figure_at(t, s->norm.len, i, false, &f) || f.kind != ZY_KIND_DATE || !f.year ||
            f.two_digit_year)
            continue;
        if (f.month && f.year > full)
            full = f.year;
        if (!zy_starts_with(t, s->norm.len, f.end, "まで") && f.year > any)
            any = f.year;
        i = f.end - 1;
    }
    s->doc_year = full ? full : any;
}

zy_status zy_scan(zy_context *ctx, const char *path, const char *bytes, size_t len,
                  const zy_scan_options *options, zy_document **out)
{
    zy_diag_clear(&ctx->diag);
    *out = NULL;
    zy_status st = zy_context_entities(ctx, options ? options->entities : NULL);
    if (st)
        return st;
    zy_document *doc = calloc(1, sizeof *doc);
    if (!doc || !(doc->path = strdup(path))) {
        free(doc);
        return zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    }
    /* FNV-1a 64 of the content: the same file is the same document */
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)bytes[i]) * 1099511628211ULL;
    snprintf(doc->hash, sizeof doc->hash, "%016llx", h);

    zy_scan_state s;
    memset(&s, 0, sizeof s);
    s.diag = &ctx->diag;
    s.entities = ctx->entities;
    s.bytes = bytes;
    s.nbytes = len;
    s.doc = doc;
    s.topic_entity = -1;
    st = zy_normalize(&ctx->diag, path, bytes, len, &s.norm);
    if (st) {
        zy_document_destroy(doc);
        return st;
    }
    size_t nlines = 1;
    for (size_t i = 0; i < s.norm.len; i++)
        nlines += s.norm.text[i] == '\n';
    s.line_taken = calloc(nlines + 1, sizeof *s.line_taken);
    if (!s.line_taken)
        s.status = ZY_ERR_NOMEM;
    /* title: the first non-empty line */
    const char *t = s.norm.text;
    size_t a = 0;
    while (a < s.norm.len && (t[a] == '\n' || t[a] == ' '))
        a++;
    size_t b = a;
    while (b < s.norm.len && t[b] != '\n')
        b++;
    doc->title = copy_range(bytes, s.norm.orig[a], s.norm.orig[b]);
    if (options && options->date)
        snprintf(doc->date, sizeof doc->date, "%s", options->date);
    resolve_doc_year(&s, options ? options->date : NULL);
    if (s.status == ZY_OK) {
        zy_scan_tables(&s);
        zy_scan_lists(&s);
        zy_scan_prose(&s);
    }
    st = s.status;
    free(s.line_taken);
    zy_norm_text_free(&s.norm);
    if (st) {
        zy_document_destroy(doc);
        return zy_diag_fail(&ctx->diag, st, "%s: out of memory while extracting", path);
    }
    *out = doc;
    return ZY_OK;
}

void zy_document_destroy(zy_document *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->nfacts; i++) {
        zy_fact *f = &doc->facts[i];
        free(f->text), free(f->subject), free(f->subject_text), free(f->country);
        free(f->sentence), free((char *)f->counter);
    }
    for (size_t i = 0; i < doc->ntables; i++)
        free(doc->table_captions[i]);
    free(doc->table_captions);
    free(doc->facts);
    free(doc->path);
    free(doc->title);
    free(doc);
}
