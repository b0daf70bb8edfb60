/*
 * record.c: recording what the readers find: a fact with its provenance (offsets into the
 * file, the sentence, the subject's strings, copied once for the facts that share them) and
 * the ISO form of its time; the list of a batch's tables. Every reader (tables, grid, lists,
 * prose) calls down into this file; it calls nothing above it. May call: extract (scan,
 * normalize, entities), util.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/scan.h"
#include "util/utf8.h"

/* A copy of text[start..end) in the batch's string pool, as valid UTF-8: invalid bytes were
 * reported when the text was normalised, so JSON and SQLite get clean strings. */
static char *copy_range(zy_scan_state *s, const char *text, size_t start, size_t end)
{
    if (s->norm.clean)
        return zy_pool_strndup(s->strings, text + start, end - start);
    char *clean = zy_utf8_clean_copy(text + start, end - start);
    char *copy = clean ? zy_pool_strndup(s->strings, clean, strlen(clean)) : NULL;
    free(clean);
    return copy;
}

static char *copy_string(zy_scan_state *s, const char *text)
{
    return zy_pool_strndup(s->strings, text, strlen(text));
}

/* Write v (0..10^digits-1) as exactly `digits` decimal digits. */
static char *put_digits(char *o, int v, int digits)
{
    for (int k = digits - 1; k >= 0; k--, v /= 10)
        o[k] = (char)('0' + v % 10);
    return o + digits;
}

void zy_scan_date_iso(const zy_scan_state *s, const zy_figure *f, char out[16])
{
    int year = f->year ? f->year : s->doc_year;
    if (year < 0 || year > 9999 || f->month < 0 || f->month > 99 || f->day < 0 || f->day > 99) {
        snprintf(out, 16, "%d-%d-%d", year, f->month, f->day); /* never from the grammar */
        return;
    }
    /* 2025-01-20, --01-20, 2025-01, --01, 2025 */
    char *o = out;
    if (year)
        o = put_digits(o, year, 4);
    else if (f->month)
        *o++ = '-';
    if (f->month) {
        *o++ = '-';
        o = put_digits(o, f->month, 2);
        if (f->day) {
            *o++ = '-';
            o = put_digits(o, f->day, 2);
        }
    }
    *o = '\0';
}

/* Facts handed on at a time: a few hundred kilobytes of records and strings stay in cache. */
#define FLUSH_FACTS 1024

/* A sentence longer than this (a page without 。) is recorded as the part around its figure. */
#define SENTENCE_MAX 2048
#define SENTENCE_CONTEXT 400

/* Move pos back to the start of the character it is in. */
static size_t char_start(const char *t, size_t pos, size_t floor_pos)
{
    while (pos > floor_pos && ((unsigned char)t[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

void zy_scan_add(zy_scan_state *s, const zy_figure *f, const zy_subject *subject,
                 const char *measure, const char *source, size_t sentence_start,
                 size_t sentence_end, const char *time, long table_id, long row, long col)
{
    if (s->status)
        return;
    if (sentence_end - sentence_start > SENTENCE_MAX) {
        /* each figure of a run-on text would carry all of it: keep its neighbourhood */
        const char *t = s->norm.text;
        size_t a = f->start > sentence_start + SENTENCE_CONTEXT ? f->start - SENTENCE_CONTEXT : sentence_start;
        size_t b = f->end + SENTENCE_CONTEXT < sentence_end ? f->end + SENTENCE_CONTEXT : sentence_end;
        sentence_start = char_start(t, a, sentence_start);
        sentence_end = b < sentence_end ? char_start(t, b, f->end) : sentence_end;
    }
    zy_document *d = s->doc;
    if (d->nfacts >= FLUSH_FACTS && s->flush) {
        s->status = s->flush(s->flush_data);
        s->sentence = NULL; /* its copy went with the strings, and so did the subject's */
        s->subject_copy.subject_text = NULL;
        if (s->status)
            return;
    }
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
    zy_fact *x = &d->facts[d->nfacts];
    static const zy_fact blank_fact; /* all zero; a copy, not memset: see zy_figure_at */
    *x = blank_fact;
    x->start = zy_norm_orig(&s->norm, f->start);
    x->end = zy_norm_orig(&s->norm, f->end);
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
    else if (time) {
        size_t n = strnlen(time, sizeof x->time - 1);
        memcpy(x->time, time, n);
        x->time[n] = '\0';
    }
    bool ok = true;
    x->text = copy_range(s, s->bytes, x->start, x->end);
    ok &= x->text != NULL;
    x->counter = f->counter; /* the grammar's own string: nothing to copy */
    if (subject && subject->end > subject->start) {
        zy_subject_copy *c = &s->subject_copy;
        if (!c->subject_text || c->start != subject->start || c->end != subject->end ||
            c->entity != subject->entity || c->country_given != subject->country) {
            /* a new subject: copy it once for the facts that follow with the same one */
            c->start = subject->start;
            c->end = subject->end;
            c->entity = subject->entity;
            c->country_given = subject->country;
            c->country = NULL;
            c->subject_text = zy_pool_strndup(s->strings, t + subject->start, subject->end - subject->start);
            ok &= c->subject_text != NULL;
            if (subject->entity >= 0)
                c->subject = copy_string(s, s->entities->entities[subject->entity].name);
            else
                c->subject = c->subject_text;
            ok &= c->subject != NULL;
            if (subject->country)
                ok &= (c->country = copy_string(s, subject->country)) != NULL;
            else if (subject->entity >= 0 && s->entities->entities[subject->entity].country[0]) {
                /* the dictionary's country, by its canonical country entity when there is one */
                ok &= (c->country = copy_string(s, zy_entity_country_name(s->entities, (size_t)subject->entity))) != NULL;
            }
            if (!ok)
                c->subject_text = NULL;
        }
        x->subject_text = c->subject_text;
        x->subject = c->subject;
        x->country = c->country;
    }
    /* the sentence, as written in the file, without surrounding blanks; copied once for all
     * the facts of a sentence */
    if (!s->sentence || s->sentence_norm_a != sentence_start || s->sentence_norm_b != sentence_end) {
        size_t a = zy_norm_orig(&s->norm, sentence_start), b = zy_norm_orig(&s->norm, sentence_end);
        while (a < b && (s->bytes[a] == ' ' || s->bytes[a] == '\n' || s->bytes[a] == '\t'))
            a++;
        while (b > a && (s->bytes[b - 1] == ' ' || s->bytes[b - 1] == '\n' || s->bytes[b - 1] == '\r'))
            b--;
        if (!s->sentence || s->sentence_a != a || s->sentence_b != b) {
            s->sentence = copy_range(s, s->bytes, a, b);
            s->sentence_a = a;
            s->sentence_b = b;
        }
        s->sentence_norm_a = sentence_start;
        s->sentence_norm_b = sentence_end;
    }
    x->sentence = s->sentence;
    x->sentence_start = s->sentence_a;
    x->sentence_end = s->sentence_b;
    ok &= x->sentence != NULL;
    d->nfacts++;
    if (!ok)
        s->status = ZY_ERR_NOMEM;
}

zy_status zy_tables_append(zy_document *into, const zy_table_info *tables, size_t n)
{
    if (n == 0)
        return ZY_OK;
    zy_table_info *grown = realloc(into->tables, (into->ntables + n) * sizeof *grown);
    if (!grown)
        return ZY_ERR_NOMEM;
    into->tables = grown;
    for (size_t i = 0; i < n; i++) {
        char *caption = strdup(tables[i].caption);
        if (!caption)
            return ZY_ERR_NOMEM;
        into->tables[into->ntables++] = (zy_table_info){caption, tables[i].start};
    }
    return ZY_OK;
}

void zy_tables_clear(zy_document *doc)
{
    for (size_t i = 0; i < doc->ntables; i++)
        free(doc->tables[i].caption);
    free(doc->tables);
    doc->tables = NULL;
    doc->ntables = 0;
}

