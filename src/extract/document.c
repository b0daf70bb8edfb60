/*
 * document.c: the extraction driver (extract.h): read a file in batches, normalise each, find
 * the article's date, run the block readers (tables, chronology, grid, lists), the prose pass
 * and, when asked, the bare numbers, and hand the facts on with their provenance. It only
 * calls down; api/scan.c wraps it for zy_context.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "extract/bytescan.h"
#include "extract/extract.h"
#include "extract/headline.h"
#include "extract/scan.h"
#include "util/hash.h"
#include "util/source.h"
#include "util/utf8.h"

const char *zy_fact_kind_name(zy_fact_kind kind)
{
    static const char *const names[] = {"money", "count", "percent", "ratio",
                                        "rank",  "date",  "age",     "duration", "number"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "unknown";
}

/* The latest year written in the text that is not a target (…年までに), a year with its
 * month first; two-digit years (25年) only when no four-digit year is written. 0: none. */
static int latest_year_written(const zy_scan_state *s)
{
    int full = 0, any = 0, short_year = 0;
    const char *t = s->norm.text;
    for (size_t i = 0; i < s->norm.len; i++) {
        if (t[i] < '0' || t[i] > '9' || (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9'))
            continue;
        zy_figure f;
        if (!zy_figure_at(t, s->norm.len, i, false, &f) || f.kind != ZY_KIND_DATE || !f.year)
            continue;
        bool target = zy_starts_with(t, s->norm.len, f.end, "まで");
        if (f.two_digit_year) {
            if (!target && f.year > short_year)
                short_year = f.year;
        } else {
            if (f.month && f.year > full)
                full = f.year;
            if (!target && f.year > any)
                any = f.year;
        }
        i = f.end - 1;
    }
    int year = full > any ? full : any;
    return year ? year : short_year;
}

/* The article's date, for dates without a year or month: --date when given (YYYY, YYYY-MM
 * or YYYY-MM-DD), else the date it is printed with (extract/dateline.c); a dateline without
 * a year gives the month and day, and the year is the latest one written. Found in the
 * first batch and kept for the rest of the file. */
static void resolve_doc_year(zy_scan_state *s, const char *date_option, int previous)
{
    if (date_option && strlen(date_option) >= 4) {
        s->doc_year = atoi(date_option);
        if (strlen(date_option) >= 7)
            s->doc_month = atoi(date_option + 5);
        if (strlen(date_option) >= 10)
            s->doc_day = atoi(date_option + 8);
        if (s->doc_year < 1 || s->doc_year > 9999)
            s->doc_year = 0;
        if (s->doc_month < 1 || s->doc_month > 12)
            s->doc_month = s->doc_day = 0; /* 2024-13-45: not a month; the CLI refuses it first */
        if (s->doc_day < 0 || s->doc_day > 31)
            s->doc_day = 0;
        s->dated = s->doc_year != 0;
        return;
    }
    int year = 0, month = 0, day = 0;
    if (!previous && zy_find_article_date(s, &year, &month, &day)) {
        s->doc_month = month;
        s->doc_day = day;
        if (year) {
            s->doc_year = year;
            s->dated = true;
            return;
        }
    }
    year = latest_year_written(s);
    s->doc_year = year ? year : previous;
}

/* What carries from one batch of a file to the next, and the buffers each batch reuses. */
typedef struct scan_session {
    const zy_extract_env *env;
    const char *path;
    const zy_scan_options *options;
    zy_fact_sink sink;
    void *user_data;
    char *title;          /* from the first batch */
    int doc_year, doc_month, doc_day;
    bool dated;
    int lead_year;        /* the first year the article names (rows.c), once a batch found it */
    size_t tables;        /* tables seen so far */
    zy_document batch;    /* the batch handed to the sink; facts and captions are reset */
    size_t fact_cap;      /* facts allocated in batch */
    zy_pool strings;      /* batch.strings */
    zy_norm_text norm;    /* normalised batch text */
    zy_line *lines;       /* its lines … */
    bool *line_taken;     /* … and which of them tables and lists took */
    size_t line_cap;
    size_t base;          /* file offset of the batch being scanned */
    bool sink_failed;     /* the sink returned an error (its message is set) */
    uint64_t hash;        /* FNV-1a of the batches so far (when options->hash) */
} scan_session;

/* Is there a 。 (E3 80 82) in t[a..b)? */
static bool has_period(const char *t, size_t a, size_t b)
{
    size_t i = a;
    for (; i + 10 <= b; i += 8)
        for (uint64_t m = zy_e3_pairs(t, i, 0x80); m; m = zy_drop_first(m))
            if (t[i + zy_first_marked(m) + 2] == '\x82')
                return true;
    for (; i + 3 <= b; i++)
        if (t[i] == '\xE3' && t[i + 1] == '\x80' && t[i + 2] == '\x82')
            return true;
    return false;
}

/* Split the batch's normalised text into lines (s->lines, s->nlines, s->line_taken cleared). */
static zy_status find_lines(scan_session *ss, zy_scan_state *s)
{
    const char *t = s->norm.text;
    size_t n = 0, i = 0;
    for (;;) {
        if (n == ss->line_cap) {
            size_t cap = ss->line_cap ? ss->line_cap * 2 : 1024;
            zy_line *lines = realloc(ss->lines, cap * sizeof *lines);
            if (!lines)
                return ZY_ERR_NOMEM;
            ss->lines = lines;
            bool *taken = realloc(ss->line_taken, cap * sizeof *taken);
            if (!taken)
                return ZY_ERR_NOMEM;
            ss->line_taken = taken;
            ss->line_cap = cap;
        }
        const char *nl = memchr(t + i, '\n', s->norm.len - i);
        size_t e = nl ? (size_t)(nl - t) : s->norm.len;
        size_t k = i;
        while (k < e && (t[k] == ' ' || t[k] == '\t'))
            k++;
        ss->lines[n++] = (zy_line){i, e, k == e, has_period(t, k, e)};
        if (!nl)
            break;
        i = e + 1;
    }
    memset(ss->line_taken, 0, n * sizeof *ss->line_taken);
    s->lines = ss->lines;
    s->nlines = n;
    s->line_taken = ss->line_taken;
    return ZY_OK;
}

/* Empty the batch document for the next batch, keeping its allocations. */
static void batch_reset(scan_session *ss)
{
    zy_document *doc = &ss->batch;
    zy_tables_clear(doc);
    doc->nfacts = 0;
    zy_pool_reset(&ss->strings);
}

/* Hand the facts found so far to the sink, with offsets into the file, and empty the batch. */
static zy_status flush_batch(void *session)
{
    scan_session *ss = session;
    zy_document *doc = &ss->batch;
    for (size_t i = 0; i < doc->nfacts; i++) {
        doc->facts[i].start += ss->base;
        doc->facts[i].end += ss->base;
        doc->facts[i].sentence_start += ss->base;
        doc->facts[i].sentence_end += ss->base;
    }
    for (size_t i = 0; i < doc->ntables; i++)
        doc->tables[i].start += ss->base;
    zy_status st = ss->sink(ss->user_data, doc);
    ss->sink_failed = st != ZY_OK;
    ss->tables += doc->ntables;
    batch_reset(ss);
    doc->first_table = ss->tables;
    return st;
}

/* Scan one batch: bytes[0..len) start at byte `base` of the file. */
static zy_status scan_batch(scan_session *ss, const char *bytes, size_t len, size_t base)
{
    const zy_extract_env *env = ss->env;
    zy_document *doc = &ss->batch;
    batch_reset(ss);
    doc->first_table = ss->tables;
    zy_scan_state s;
    memset(&s, 0, sizeof s);
    s.diag = env->diag;
    s.entities = env->entities;
    s.bytes = bytes;
    s.nbytes = len;
    s.doc = doc;
    s.fact_cap = ss->fact_cap;
    s.strings = &ss->strings;
    s.topic_entity = -1;
    s.flush = flush_batch;
    s.flush_data = ss;
    ss->base = base;
    doc->bytes = bytes;
    doc->bytes_start = base;
    doc->nbytes = len;
    if (ss->options && ss->options->hash)
        ss->hash = zy_fnv1a(ss->hash, bytes, len);
    zy_status st = zy_normalize(env->diag, ss->path, bytes, len, base, &ss->norm);
    if (st)
        return st;
    s.norm = ss->norm;
    if (find_lines(ss, &s) != ZY_OK)
        s.status = ZY_ERR_NOMEM;
    if (!ss->title && !(ss->title = zy_headline_pick(&s.norm, bytes)))
        s.status = ZY_ERR_NOMEM;
    doc->title = ss->title;
    if (ss->options && ss->options->date)
        snprintf(doc->date, sizeof doc->date, "%s", ss->options->date);
    if (ss->dated) {
        s.doc_year = ss->doc_year;
        s.doc_month = ss->doc_month;
        s.doc_day = ss->doc_day;
        s.dated = true;
    } else {
        s.doc_month = ss->doc_month; /* a dateline without a year, from the first batch */
        s.doc_day = ss->doc_day;
        resolve_doc_year(&s, ss->options ? ss->options->date : NULL, ss->doc_year);
    }
    ss->doc_year = s.doc_year;
    ss->doc_month = s.doc_month;
    ss->doc_day = s.doc_day;
    ss->dated = s.dated;
    if (ss->lead_year) { /* the article's lead year is its first batch's, not each batch's */
        s.lead_year = ss->lead_year;
        s.lead_year_known = true;
    }
    if (s.status == ZY_OK && base == 0)
        zy_find_article_owner(&s); /* the head of the article is in its first batch */
    if (s.status == ZY_OK) {
        zy_scan_tables(&s);
        zy_scan_chronology(&s);
        zy_scan_grid(&s);
        zy_scan_lists(&s);
        zy_scan_prose(&s);
        if (ss->options && ss->options->numbers)
            zy_scan_numbers(&s);
    }
    st = s.status;
    if (s.lead_year_known && s.lead_year)
        ss->lead_year = s.lead_year;
    ss->fact_cap = s.fact_cap;
    free(s.markers);
    if (st && ss->sink_failed)
        return st;
    if (st)
        return zy_diag_fail(env->diag, st, "%s: out of memory while extracting", ss->path);
    return flush_batch(ss);
}

#define BATCH_TARGET ((size_t)1 << 20)

/* Where to end a batch inside buf[0..len): a blank line, else a line end, else 。, else a
 * character boundary, searched backwards from the target size. */
static size_t batch_cut(const char *buf, size_t len)
{
    if (len <= BATCH_TARGET)
        return len;
    size_t lo = BATCH_TARGET / 2, hi = BATCH_TARGET;
    for (size_t i = hi; i > lo; i--)
        if (buf[i - 1] == '\n' && buf[i - 2] == '\n')
            return i;
    for (size_t i = hi; i > lo; i--)
        if (buf[i - 1] == '\n')
            return i;
    for (size_t i = hi; i > lo + 3; i--)
        if (memcmp(buf + i - 3, "\xE3\x80\x82", 3) == 0)
            return i;
    size_t i = hi;
    while (i > lo && ((unsigned char)buf[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static void session_start(scan_session *ss, const zy_extract_env *env, const char *path,
                          const zy_scan_options *options, zy_fact_sink sink, void *user)
{
    zy_diag_clear(env->diag);
    memset(ss, 0, sizeof *ss);
    ss->env = env;
    ss->path = path;
    ss->options = options;
    ss->sink = sink;
    ss->user_data = user;
    ss->batch.path = (char *)path;
    ss->batch.strings = &ss->strings;
    ss->hash = ZY_FNV_START;
    zy_entities_begin_document(env->entities);
}

/* Forget the names the document taught (NAME(ALIAS) pairs): they were the document's. */
static void session_end(scan_session *ss)
{
    if (ss->env)
        zy_entities_forget_document(ss->env->entities);
    batch_reset(ss);
    free(ss->batch.facts);
    ss->batch.facts = NULL;
    zy_pool_free(&ss->strings);
    zy_norm_text_free(&ss->norm);
    free(ss->lines);
    free(ss->line_taken);
    ss->lines = NULL;
    ss->line_taken = NULL;
    ss->line_cap = 0;
}

zy_status zy_extract_file(const zy_extract_env *env, const char *path, const zy_scan_options *options,
                          zy_fact_sink sink, void *user_data, zy_extract_result *result)
{
    scan_session ss;
    result->title = NULL;
    result->hash[0] = '\0'; /* known only once this file has been read to its end */
    session_start(&ss, env, path, options, sink, user_data);
    zy_status st = ZY_OK;
    zy_source *src;
    if ((st = zy_source_open(env->diag, path, env->interrupted, &src)) != ZY_OK) {
        session_end(&ss);
        return st;
    }
    size_t cap = 2 * BATCH_TARGET, have = 0, base = 0;
    char *buf = malloc(cap);
    if (!buf) {
        zy_source_close(src);
        session_end(&ss);
        return zy_diag_fail(env->diag, ZY_ERR_NOMEM, "out of memory");
    }
    bool eof = false;
    while (st == ZY_OK && (!eof || have > 0)) {
        while (!eof && have < cap) {
            size_t n;
            if ((st = zy_source_read(src, buf + have, cap - have, &n)) != ZY_OK)
                break;
            eof = n == 0;
            have += n;
        }
        if (st)
            break;
        size_t cut = eof ? (have > BATCH_TARGET ? batch_cut(buf, have) : have) : batch_cut(buf, have);
        if (cut == 0)
            break;
        st = scan_batch(&ss, buf, cut, base);
        memmove(buf, buf + cut, have - cut);
        have -= cut;
        base += cut;
    }
    free(buf);
    session_end(&ss);
    result->title = ss.title;
    if (st == ZY_OK && options && options->hash)
        snprintf(result->hash, sizeof result->hash, "%016llx", (unsigned long long)ss.hash);
    zy_source_close(src);
    return st;
}

/* Collects every batch into one document, for zy_scan. */
typedef struct collector {
    zy_document *doc;
    size_t cap;
} collector;

static zy_status collect_batch(void *user, const zy_document *batch)
{
    collector *c = user;
    zy_document *d = c->doc;
    if (!d->title && batch->title && !(d->title = strdup(batch->title)))
        return ZY_ERR_NOMEM;
    memcpy(d->date, batch->date, sizeof d->date);
    if (d->nfacts + batch->nfacts > c->cap) {
        size_t cap = (d->nfacts + batch->nfacts) * 2;
        zy_fact *grown = realloc(d->facts, cap * sizeof *grown);
        if (!grown)
            return ZY_ERR_NOMEM;
        d->facts = grown;
        c->cap = cap;
    }
    if (zy_tables_append(d, batch->tables, batch->ntables) != ZY_OK)
        return ZY_ERR_NOMEM;
    /* take the strings over: the batch is reset after this call, so clear its facts */
    zy_document *b = (zy_document *)batch;
    if (b->nfacts)
        memcpy(d->facts + d->nfacts, b->facts, b->nfacts * sizeof *b->facts);
    d->nfacts += b->nfacts;
    b->nfacts = 0;
    zy_pool_take(d->strings, b->strings);
    return ZY_OK;
}

zy_status zy_extract_bytes(const zy_extract_env *env, const char *path, const char *bytes, size_t len,
                           const zy_scan_options *options, zy_document **out)
{
    *out = NULL;
    collector c = {calloc(1, sizeof(zy_document)), 0};
    if (c.doc && !(c.doc->strings = calloc(1, sizeof *c.doc->strings))) {
        free(c.doc);
        c.doc = NULL;
    }
    scan_session ss = {0};
    zy_status st = ZY_OK;
    if (c.doc)
        session_start(&ss, env, path, options, collect_batch, &c);
    else
        st = ZY_ERR_NOMEM;
    if (st == ZY_OK && !(c.doc->path = strdup(path)))
        st = ZY_ERR_NOMEM;
    size_t base = 0;
    while (st == ZY_OK && base < len) {
        size_t cut = batch_cut(bytes + base, len - base);
        st = scan_batch(&ss, bytes + base, cut, base);
        base += cut;
    }
    session_end(&ss);
    free(ss.title);
    if (st == ZY_OK) {
        snprintf(c.doc->hash, sizeof c.doc->hash, "%016llx",
                 (unsigned long long)zy_fnv1a(ZY_FNV_START, bytes, len));
        *out = c.doc;
        return ZY_OK;
    }
    zy_document_destroy(c.doc);
    if (env->diag->status == ZY_OK)
        zy_diag_fail(env->diag, st, "%s: out of memory", path);
    return st;
}

void zy_document_destroy(zy_document *doc)
{
    if (!doc)
        return;
    if (doc->strings) {
        zy_pool_free(doc->strings);
        free(doc->strings);
    } else {
        for (size_t i = 0; i < doc->nfacts; i++) {
            zy_fact *f = &doc->facts[i];
            free(f->text), free(f->subject), free(f->subject_text), free(f->country);
            free(f->sentence), free((char *)f->counter);
        }
    }
    zy_tables_clear(doc);
    free(doc->facts);
    free(doc->path);
    free(doc->title);
    free(doc);
}
