/*
 * auto_plan.c: which charts a set of facts supports (see auto.h). Only facts auto_select.c
 * lets through are drawn; the others that could have been are listed with the reason.
 *   - one bar chart per table: its numeric column with the most figures, one unit; totals,
 *     ranks and dates aside; titled by the caption when it reads as a title;
 *   - one bar chart per group of comparable facts (auto_compare_measure) with three owners or
 *     more, unless a table chart already shows those figures;
 *   - totals by country from an article's 合計 lines;
 *   - rank change: owners ranked at two times in one table or list (a dumbbell chart);
 *   - per article, a timeline of the foundings and releases of named things.
 * No owner appears twice in a chart. Planning sorts the facts once (n log n), so a large
 * article plans in about the time it takes to read its facts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/auto.h"

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

void auto_facts_free(auto_facts *f)
{
    for (size_t i = 0; i < f->n; i++) {
        auto_fact *x = &f->items[i];
        free(x->doc), free(x->doc_title), free(x->unit), free(x->counter), free(x->subject);
        free(x->country), free(x->measure), free(x->source);
        free(x->text), free(x->basis), free(x->caveat);
    }
    free(f->items);
    zy_pool_free(&f->sentences);
    memset(f, 0, sizeof *f);
}

/* Free what a chart owns (not the chart itself, which lives in an array). */
static void chart_free(auto_chart *c)
{
    for (size_t r = 0; r < c->nrows; r++)
        free(c->rows[r].label), free(c->rows[r].group);
    free(c->rows), free(c->title), free(c->source), free(c->unit_label);
    memset(c, 0, sizeof *c);
}

void auto_plan_free(auto_plan *p)
{
    for (size_t i = 0; i < p->n; i++)
        chart_free(&p->charts[i]);
    free(p->charts);
    free(p->left);
    for (size_t i = 0; i < p->ncharts_left; i++)
        free(p->charts_left[i].title), free(p->charts_left[i].doc);
    free(p->charts_left);
    memset(p, 0, sizeof *p);
}

typedef struct load_state {
    auto_facts *facts;
    const char *const *docs;
    size_t ndocs;
    const char *last_sentence; /* the store's string of the previous fact's sentence … */
    const char *last_copy;     /* … and its copy in the pool */
} load_state;

static zy_status load_doc(void *user, const zy_document *doc)
{
    load_state *ls = user;
    bool wanted = false;
    for (size_t i = 0; i < ls->ndocs && !wanted; i++)
        wanted = strcmp(ls->docs[i], doc->path) == 0;
    if (!wanted)
        return ZY_OK;
    auto_facts *f = ls->facts;
    ls->last_sentence = NULL; /* the store's strings of an earlier hand-over are gone */
    for (size_t i = 0; i < doc->nfacts; i++) {
        const zy_fact *s = &doc->facts[i];
        if (f->n == f->cap) {
            size_t cap = f->cap ? f->cap * 2 : 256;
            auto_fact *grown = realloc(f->items, cap * sizeof *grown);
            if (!grown)
                return ZY_ERR_NOMEM;
            f->items = grown;
            f->cap = cap;
        }
        auto_fact *x = &f->items[f->n++];
        memset(x, 0, sizeof *x);
        x->id = s->id;
        x->kind = s->kind;
        x->value = s->value;
        x->has_value = s->has_value;
        memcpy(x->time, s->time, sizeof x->time);
        x->table_id = s->table_id;
        x->row = s->table_row;
        x->col = s->table_col;
        x->doc = strdup(doc->path);
        x->doc_title = strdup(doc->title ? doc->title : doc->path);
        x->unit = dup_or_null(s->unit);
        x->counter = dup_or_null(s->counter);
        x->subject = dup_or_null(s->subject);
        x->country = dup_or_null(s->country);
        x->measure = dup_or_null(s->measure);
        x->source = dup_or_null(s->source);
        if (s->sentence && s->sentence != ls->last_sentence) { /* the store shares a sentence's string */
            ls->last_sentence = s->sentence;
            if (!(ls->last_copy = zy_pool_strndup(&f->sentences, s->sentence, strlen(s->sentence))))
                return ZY_ERR_NOMEM;
        }
        x->sentence = s->sentence ? ls->last_copy : NULL;
        x->text = dup_or_null(s->text);
        x->approx = s->approx;
        x->bound = s->bound;
        x->confidence = s->confidence;
        x->basis = dup_or_null(s->basis);
        x->caveat = dup_or_null(s->caveat);
        if (!x->doc || !x->doc_title)
            return ZY_ERR_NOMEM;
    }
    return ZY_OK;
}

zy_status auto_load_facts(zy_context *ctx, zy_store *store, const char *const *docs, size_t ndocs,
                          auto_facts *out)
{
    memset(out, 0, sizeof *out);
    load_state ls = {out, docs, ndocs, NULL, NULL};
    zy_status st = zy_store_facts(ctx, store, NULL, load_doc, &ls);
    if (st == ZY_ERR_NOMEM && ctx->diag.status == ZY_OK)
        zy_diag_fail(&ctx->diag, st, "out of memory");
    return st;
}

/* ---- building charts ---- */

static auto_chart *new_chart(auto_plan *p, auto_type type, const char *title, const char *doc_title,
                             const char *unit, const char *counter)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        auto_chart *grown = realloc(p->charts, cap * sizeof *grown);
        if (!grown)
            return NULL;
        p->charts = grown;
        p->cap = cap;
    }
    auto_chart *c = &p->charts[p->n++];
    memset(c, 0, sizeof *c);
    c->type = type;
    c->title = strdup(title);
    if (doc_title) {
        size_t n = strlen(doc_title) + 16;
        c->source = malloc(n);
        if (c->source)
            snprintf(c->source, n, "出典: %s", doc_title);
    }
    const char *label = zy_unit_label(unit, counter);
    c->unit_label = label ? strdup(label) : NULL;
    return c->title ? c : NULL;
}

/* A new row for f (always appended). */
static auto_row *append_row(auto_chart *c, const char *label, const char *group, const auto_fact *f)
{
    if (c->nrows == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        auto_row *grown = realloc(c->rows, cap * sizeof *grown);
        if (!grown)
            return NULL;
        c->rows = grown;
        c->cap = cap;
    }
    auto_row *r = &c->rows[c->nrows++];
    memset(r, 0, sizeof *r);
    r->label = strdup(label);
    r->group = group ? strdup(group) : NULL;
    r->first = f;
    if (f) {
        r->facts[r->nfacts++] = f->id;
        r->value = f->value;
        r->has_value = f->has_value;
        snprintf(r->unit, sizeof r->unit, "%s", f->unit ? f->unit : "");
        snprintf(r->time, sizeof r->time, "%s", f->time);
    }
    return r->label ? r : NULL;
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}


static bool same_group(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Is every row of c also a row (same label, group and value) of an earlier chart of its type? */
static bool shown_before(const auto_plan *p, size_t upto, const auto_chart *c)
{
    for (size_t k = 0; k < upto; k++) {
        const auto_chart *o = &p->charts[k];
        if (o->type != c->type || o->nrows < c->nrows)
            continue;
        size_t found = 0;
        for (size_t r = 0; r < c->nrows; r++)
            for (size_t q = 0; q < o->nrows; q++)
                if (strcmp(o->rows[q].label, c->rows[r].label) == 0 && o->rows[q].value == c->rows[r].value &&
                    same_group(o->rows[q].group, c->rows[r].group)) {
                    found++;
                    break;
                }
        if (found == c->nrows)
            return true;
    }
    return false;
}

/* The row of an owner already in the chart, or NULL. */
static const auto_row *row_of(const auto_chart *c, const char *label)
{
    for (size_t r = 0; r < c->nrows; r++)
        if (strcmp(c->rows[r].label, label) == 0)
            return &c->rows[r];
    return NULL;
}

static void drop_last_chart(auto_plan *p)
{
    chart_free(&p->charts[p->n - 1]);
    p->n--;
}

/* The facts that may be drawn, in store order; the others that had an owner and a figure go
 * to the plan's left-out list with the reason. */
static zy_status usable_facts(const auto_facts *fs, double min_confidence, auto_plan *p,
                              const auto_fact ***out, size_t *nout)
{
    const auto_fact **use = calloc(fs->n ? fs->n : 1, sizeof *use);
    if (!use)
        return ZY_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < fs->n; i++) {
        const auto_fact *f = &fs->items[i];
        if (!f->subject || (!f->has_value && f->kind != ZY_KIND_DATE))
            continue;
        char why[96];
        if (!auto_unusable(f, min_confidence, why, sizeof why)) {
            use[n++] = f;
            continue;
        }
        if (f->kind == ZY_KIND_DATE && !(same(f->measure, "founded") || same(f->measure, "release")))
            continue; /* a date that only qualifies a figure: never a chart of its own */
        if (!f->measure && f->table_id < 0)
            continue; /* a figure of prose no measure word qualifies is never a bar anyway */
        p->nleft_total++;
        if (p->nleft == AUTO_LEFT_OUT_MAX)
            continue; /* counted, not listed: a 5 MB page would list tens of thousands */
        if (p->nleft == p->leftcap) {
            size_t cap = p->leftcap ? p->leftcap * 2 : 32;
            auto_left_out *grown = realloc(p->left, cap * sizeof *grown);
            if (!grown) {
                free(use);
                return ZY_ERR_NOMEM;
            }
            p->left = grown;
            p->leftcap = cap;
        }
        p->left[p->nleft].fact = f;
        snprintf(p->left[p->nleft].reason, sizeof p->left[p->nleft].reason, "%s", why);
        p->nleft++;
    }
    *out = use;
    *nout = n;
    return ZY_OK;
}

static bool table_figure(const auto_fact *x)
{
    return x->table_id >= 0 && x->has_value && x->kind != ZY_KIND_RANK && x->kind != ZY_KIND_DATE &&
           !same(x->measure, "total");
}

/* Table order: article, table, column, then store order. */
static int by_table(const void *pa, const void *pb)
{
    const auto_fact *a = *(const auto_fact *const *)pa, *b = *(const auto_fact *const *)pb;
    int c = strcmp(a->doc, b->doc);
    if (c == 0)
        c = (a->table_id > b->table_id) - (a->table_id < b->table_id);
    if (c == 0)
        c = (a->col > b->col) - (a->col < b->col);
    if (c == 0)
        c = (a->id > b->id) - (a->id < b->id);
    return c;
}

/* The title of a table's chart: its caption when that reads as a title, else what the column
 * measures and when, else the table's number and the article. */
static void table_title(const char *caption, const auto_fact *f, long table_id, char *out, size_t cap)
{
    char when[64], doc[128];
    auto_time_phrase(f->time, when, sizeof when);
    const char *what = auto_measure_title(f->measure);
    if (auto_caption_is_title(caption))
        snprintf(out, cap, "%s", caption);
    else if (what)
        snprintf(out, cap, "%s%s%s%s", what, when[0] ? "（" : "", when, when[0] ? "）" : "");
    else {
        auto_short_title(f->doc_title, doc, sizeof doc);
        snprintf(out, cap, "表%ld（%s）", table_id + 1, doc);
    }
}

/* One chart per table: the column with the most figures, in the unit most of them have. */
static zy_status plan_tables(zy_context *ctx, zy_store *store, const auto_fact *const *use, size_t n,
                             auto_plan *p)
{
    const auto_fact **t = malloc((n ? n : 1) * sizeof *t);
    if (!t)
        return ZY_ERR_NOMEM;
    size_t nt = 0;
    for (size_t i = 0; i < n; i++)
        if (table_figure(use[i]))
            t[nt++] = use[i];
    qsort(t, nt, sizeof *t, by_table);
    zy_status st = ZY_OK;
    for (size_t i = 0; st == ZY_OK && i < nt;) {
        size_t end = i; /* [i, end): one table */
        while (end < nt && strcmp(t[end]->doc, t[i]->doc) == 0 && t[end]->table_id == t[i]->table_id)
            end++;
        size_t best = i, best_n = 0;
        for (size_t a = i; a < end;) {
            size_t b = a;
            while (b < end && t[b]->col == t[a]->col)
                b++;
            if (b - a > best_n) {
                best_n = b - a;
                best = a;
            }
            a = b;
        }
        const auto_fact *f = t[best];
        if (best_n >= 2) {
            char *caption = NULL;
            if ((st = zy_store_caption(ctx, store, f->doc, f->table_id, &caption)) != ZY_OK)
                break;
            char title[512];
            table_title(caption, f, f->table_id, title, sizeof title);
            free(caption);
            size_t before = p->n;
            auto_chart *c = new_chart(p, AUTO_BAR, title, f->doc_title, f->unit, f->counter);
            if (!c) {
                st = ZY_ERR_NOMEM;
                break;
            }
            const char *first_country = NULL;
            size_t countries = 0;
            for (size_t a = best; a < best + best_n; a++) {
                const auto_fact *x = t[a];
                if (!same(x->unit, f->unit) || !same(x->counter, f->counter) || row_of(c, x->subject))
                    continue;
                if (!append_row(c, x->subject, NULL, x)) {
                    st = ZY_ERR_NOMEM;
                    break;
                }
                if (x->country && auto_owner_type_of(x) != AUTO_OWNER_COUNTRY && /* not 中国 coloured 中国 */
                    (!first_country || strcmp(first_country, x->country) != 0)) {
                    countries++;
                    first_country = first_country ? first_country : x->country;
                }
            }
            c->color_by_country = countries >= 2;
            /* a list that repeats a table's figures adds nothing; one row is no chart */
            if (st == ZY_OK && (c->nrows < 2 || shown_before(p, before, c)))
                drop_last_chart(p);
        }
        i = end;
    }
    free(t);
    return st;
}

static int by_measure(const void *pa, const void *pb)
{
    const auto_fact *a = *(const auto_fact *const *)pa, *b = *(const auto_fact *const *)pb;
    int c = auto_compare_measure(a, b);
    if (c == 0)
        c = strcmp(a->subject, b->subject);
    if (c == 0) /* the surest figure of an owner first, then the table's over the prose's */
        c = (a->confidence < b->confidence) - (a->confidence > b->confidence);
    if (c == 0)
        c = (a->id > b->id) - (a->id < b->id);
    return c;
}

static bool measure_figure(const auto_fact *x)
{
    return x->measure && x->has_value && x->kind != ZY_KIND_RANK && x->kind != ZY_KIND_DATE &&
           !same(x->measure, "total") && !same(x->measure, "rank") && !same(x->measure, "founded") &&
           !same(x->measure, "release");
}

/* The source line of a chart whose rows come from one or more articles. */
static void rows_source(const auto_chart *c, char *out, size_t cap)
{
    size_t docs = 0;
    const char *first = NULL;
    for (size_t r = 0; r < c->nrows; r++) {
        const auto_fact *f = c->rows[r].first;
        bool seen = false;
        for (size_t q = 0; q < r && !seen; q++)
            seen = strcmp(c->rows[q].first->doc, f->doc) == 0;
        if (!seen)
            docs++, first = first ? first : f->doc_title;
    }
    if (docs == 1)
        snprintf(out, cap, "出典: %s", first);
    else
        snprintf(out, cap, "出典: %zu本の記事（%s ほか）", docs, first ? first : "");
}

/* Articles of a group of comparable facts, joined when they share an owner: two articles
 * about smartphone shares both name Apple; an article about coffee chains names none of them,
 * so its shares stay in a chart of their own. */
typedef struct doc_sets {
    const char **docs;
    size_t *parent;
    size_t n;
} doc_sets;

static size_t doc_index(const doc_sets *d, const char *doc)
{
    for (size_t k = 0; k < d->n; k++)
        if (strcmp(d->docs[k], doc) == 0)
            return k;
    return d->n;
}

static size_t doc_root(const doc_sets *d, size_t k)
{
    while (d->parent[k] != k)
        k = d->parent[k];
    return k;
}

/* Group m[i, end), sorted by owner: the articles, joined by shared owners. */
static zy_status join_articles(const auto_fact *const *m, size_t i, size_t end, doc_sets *d)
{
    d->n = 0;
    d->docs = malloc((end - i) * sizeof *d->docs);
    d->parent = malloc((end - i) * sizeof *d->parent);
    if (!d->docs || !d->parent)
        return ZY_ERR_NOMEM;
    for (size_t a = i; a < end; a++)
        if (doc_index(d, m[a]->doc) == d->n) {
            d->docs[d->n] = m[a]->doc;
            d->parent[d->n] = d->n;
            d->n++;
        }
    for (size_t a = i; a < end;) {
        size_t b = a + 1;
        while (b < end && strcmp(m[b]->subject, m[a]->subject) == 0)
            b++;
        size_t first = doc_root(d, doc_index(d, m[a]->doc));
        for (size_t k = a + 1; k < b; k++) {
            size_t r = doc_root(d, doc_index(d, m[k]->doc));
            if (r != first)
                d->parent[r] = first;
        }
        a = b;
    }
    return ZY_OK;
}

/* The chart of the articles joined under root: each owner once, its surest figure. */
static zy_status measure_chart(const auto_fact *const *m, size_t i, size_t end, const doc_sets *d,
                               size_t root, size_t tables_end, auto_plan *p)
{
    const auto_fact *f = NULL;
    size_t owners = 0;
    for (size_t a = i; a < end; a++)
        if (doc_root(d, doc_index(d, m[a]->doc)) == root) {
            owners += !f || strcmp(m[a]->subject, f->subject) != 0;
            f = m[a];
        }
    const char *what = f ? auto_measure_title(f->measure) : NULL;
    if (owners < 3 || !what)
        return ZY_OK;
    char when[64], title[256];
    auto_time_phrase(f->time, when, sizeof when);
    snprintf(title, sizeof title, "%s%s%s%s", what, when[0] ? "（" : "", when, when[0] ? "）" : "");
    auto_chart *c = new_chart(p, AUTO_BAR, title, NULL, f->unit, f->counter);
    if (!c)
        return ZY_ERR_NOMEM;
    for (size_t a = i; a < end; a++)
        if (doc_root(d, doc_index(d, m[a]->doc)) == root && !row_of(c, m[a]->subject) &&
            !append_row(c, m[a]->subject, NULL, m[a]))
            return ZY_ERR_NOMEM;
    char source[512];
    rows_source(c, source, sizeof source);
    free(c->source);
    if (!(c->source = strdup(source)))
        return ZY_ERR_NOMEM;
    if (shown_before(p, tables_end, c))
        drop_last_chart(p);
    return ZY_OK;
}

/* A chart per group of comparable facts with three owners or more. */
static zy_status plan_measures(const auto_fact *const *use, size_t n, auto_plan *p)
{
    const auto_fact **m = malloc((n ? n : 1) * sizeof *m);
    if (!m)
        return ZY_ERR_NOMEM;
    size_t nm = 0;
    for (size_t i = 0; i < n; i++)
        if (measure_figure(use[i]))
            m[nm++] = use[i];
    qsort(m, nm, sizeof *m, by_measure);
    size_t tables_end = p->n;
    zy_status st = ZY_OK;
    for (size_t i = 0; st == ZY_OK && i < nm;) {
        size_t end = i + 1;
        while (end < nm && auto_compare_measure(m[i], m[end]) == 0)
            end++;
        doc_sets d = {0};
        st = join_articles(m, i, end, &d);
        for (size_t k = 0; st == ZY_OK && k < d.n; k++)
            if (doc_root(&d, k) == k)
                st = measure_chart(m, i, end, &d, k, tables_end, p);
        free(d.docs);
        free(d.parent);
        i = end;
    }
    free(m);
    return st;
}

/* Totals by country: an article's 合計 lines whose owner is a country, one chart per article
 * and unit. */
static zy_status plan_country_totals(const auto_fact *const *use, size_t n, auto_plan *p)
{
    for (size_t i = 0; i < n; i++) {
        const auto_fact *f = use[i];
        if (!same(f->measure, "total") || !same(f->source, "list") || auto_owner_type_of(f) != AUTO_OWNER_COUNTRY)
            continue;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = same(use[k]->measure, "total") && same(use[k]->source, "list") &&
                   auto_owner_type_of(use[k]) == AUTO_OWNER_COUNTRY && strcmp(use[k]->doc, f->doc) == 0 &&
                   same(use[k]->unit, f->unit) && same(use[k]->counter, f->counter);
        if (seen)
            continue;
        auto_chart *c = new_chart(p, AUTO_BAR, "国別の合計", f->doc_title, f->unit, f->counter);
        if (!c)
            return ZY_ERR_NOMEM;
        for (size_t a = i; a < n; a++) {
            const auto_fact *x = use[a];
            if (same(x->measure, "total") && same(x->source, "list") && auto_owner_type_of(x) == AUTO_OWNER_COUNTRY &&
                strcmp(x->doc, f->doc) == 0 && same(x->unit, f->unit) && same(x->counter, f->counter) &&
                !row_of(c, x->subject) && !append_row(c, x->subject, NULL, x))
                return ZY_ERR_NOMEM;
        }
        if (c->nrows < 2)
            drop_last_chart(p);
    }
    return ZY_OK;
}

/* Rank change: owners ranked at two times in one table or list of an article. */
static zy_status plan_rank_change(const auto_fact *const *use, size_t n, auto_plan *p)
{
    const auto_fact **r = malloc((n ? n : 1) * sizeof *r);
    if (!r)
        return ZY_ERR_NOMEM;
    size_t nr = 0;
    for (size_t i = 0; i < n; i++)
        if (use[i]->kind == ZY_KIND_RANK && use[i]->table_id >= 0 && use[i]->time[0])
            r[nr++] = use[i];
    qsort(r, nr, sizeof *r, by_table);
    zy_status st = ZY_OK;
    for (size_t i = 0; st == ZY_OK && i < nr;) {
        size_t end = i;
        while (end < nr && strcmp(r[end]->doc, r[i]->doc) == 0 && r[end]->table_id == r[i]->table_id)
            end++;
        const char *times[2] = {NULL, NULL};
        bool more = false;
        for (size_t a = i; a < end; a++) {
            const char *x = r[a]->time;
            if (!times[0] || strcmp(times[0], x) == 0)
                times[0] = x;
            else if (!times[1] || strcmp(times[1], x) == 0)
                times[1] = x;
            else
                more = true;
        }
        if (times[1] && !more) {
            if (strcmp(times[0], times[1]) > 0) {
                const char *tmp = times[0];
                times[0] = times[1];
                times[1] = tmp;
            }
            char t0[32], t1[32], title[256];
            auto_time_phrase(times[0], t0, sizeof t0);
            auto_time_phrase(times[1], t1, sizeof t1);
            snprintf(title, sizeof title, "順位の変化（%s→%s）", t0, t1);
            auto_chart *c = new_chart(p, AUTO_RANK_CHANGE, title, r[i]->doc_title, "rank", NULL);
            if (!c) {
                st = ZY_ERR_NOMEM;
                break;
            }
            /* owners ranked at both times, each once per time */
            for (int k = 0; k < 2 && st == ZY_OK; k++)
                for (size_t a = i; a < end && st == ZY_OK; a++) {
                    const auto_fact *x = r[a];
                    if (strcmp(x->time, times[k]) != 0)
                        continue;
                    bool both = false, twice = false;
                    for (size_t b = i; b < end; b++) {
                        both |= strcmp(r[b]->subject, x->subject) == 0 && strcmp(r[b]->time, times[1 - k]) == 0;
                        twice |= b < a && strcmp(r[b]->subject, x->subject) == 0 && strcmp(r[b]->time, times[k]) == 0;
                    }
                    if (both && !twice && !append_row(c, x->subject, x->time, x))
                        st = ZY_ERR_NOMEM;
                }
            /* fewer than three owners at both times, or a table repeated */
            if (st == ZY_OK && (c->nrows < 6 || shown_before(p, p->n - 1, c)))
                drop_last_chart(p);
        }
        i = end;
    }
    free(r);
    return st;
}

/* Per article, a timeline of the foundings and releases of named things (a country does not
 * found or release anything: such an owner lost the thing's name). At most TIMELINE_EVENTS. */
#define TIMELINE_EVENTS 16

static zy_status plan_timeline(const auto_fact *const *use, size_t n, auto_plan *p)
{
    for (size_t i = 0; i < n; i++) {
        const auto_fact *f = use[i];
        bool event = f->kind == ZY_KIND_DATE && f->time[0] >= '0' && f->time[0] <= '9' &&
                     (same(f->measure, "founded") || same(f->measure, "release")) &&
                     auto_owner_type_of(f) != AUTO_OWNER_COUNTRY;
        if (!event)
            continue;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(use[k]->doc, f->doc) == 0 && use[k]->kind == ZY_KIND_DATE;
        if (seen)
            continue;
        auto_chart *c = new_chart(p, AUTO_TIMELINE, "記事に出てくる出来事", f->doc_title, NULL, NULL);
        if (!c)
            return ZY_ERR_NOMEM;
        for (size_t a = i; a < n && c->nrows < TIMELINE_EVENTS; a++) {
            const auto_fact *x = use[a];
            if (strcmp(x->doc, f->doc) != 0 || x->kind != ZY_KIND_DATE || x->time[0] < '0' || x->time[0] > '9' ||
                !(same(x->measure, "founded") || same(x->measure, "release")) ||
                auto_owner_type_of(x) == AUTO_OWNER_COUNTRY)
                continue;
            const char *word = same(x->measure, "founded") ? " 設立" : " 発表・公開";
            char label[256];
            snprintf(label, sizeof label, "%s%s", x->subject, word);
            bool dup = false;
            for (size_t q = 0; q < c->nrows && !dup; q++)
                dup = strcmp(c->rows[q].label, label) == 0;
            if (!dup && !append_row(c, label, same(x->measure, "founded") ? "設立" : "発表・公開", x))
                return ZY_ERR_NOMEM;
        }
        if (c->nrows < 2)
            drop_last_chart(p);
    }
    return ZY_OK;
}

/* The article a chart's first row comes from ("" for none). */
static const char *chart_doc(const auto_chart *c)
{
    return c->nrows && c->rows[0].first ? c->rows[0].first->doc : "";
}

static int by_doc_then_index(const void *pa, const void *pb)
{
    const auto_chart *const *a = pa, *const *b = pb;
    int c = strcmp(chart_doc(*a), chart_doc(*b));
    return c ? c : (*a > *b) - (*a < *b);
}

/* At most AUTO_CHARTS_PER_ARTICLE charts from one article (a page of 3,000 tables is not 3,000
 * slides; drawing them would take minutes): the first ones planned, the rest listed. */
static zy_status cap_charts_per_article(auto_plan *p)
{
    const auto_chart **order = malloc((p->n ? p->n : 1) * sizeof *order);
    bool *keep = malloc((p->n ? p->n : 1) * sizeof *keep);
    if (!order || !keep) {
        free(order), free(keep);
        return ZY_ERR_NOMEM;
    }
    for (size_t i = 0; i < p->n; i++)
        order[i] = &p->charts[i], keep[i] = true;
    qsort(order, p->n, sizeof *order, by_doc_then_index);
    size_t drop = 0;
    for (size_t i = 0, run = 0; i < p->n; i++) {
        run = i && strcmp(chart_doc(order[i]), chart_doc(order[i - 1])) == 0 ? run + 1 : 0;
        if (run >= AUTO_CHARTS_PER_ARTICLE) {
            keep[order[i] - p->charts] = false;
            drop++;
        }
    }
    free(order);
    zy_status st = ZY_OK;
    if (drop && !(p->charts_left = calloc(drop, sizeof *p->charts_left)))
        st = ZY_ERR_NOMEM;
    size_t kept = 0;
    for (size_t i = 0; i < p->n; i++) {
        auto_chart *c = &p->charts[i];
        if (keep[i]) {
            p->charts[kept++] = *c;
            continue;
        }
        if (st == ZY_OK) {
            auto_chart_left_out *l = &p->charts_left[p->ncharts_left++];
            l->title = strdup(c->title);
            l->doc = strdup(chart_doc(c));
            if (!l->title || !l->doc)
                st = ZY_ERR_NOMEM;
        }
        chart_free(c);
    }
    p->n = kept;
    free(keep);
    return st;
}

zy_status auto_plan_charts(zy_context *ctx, zy_store *store, const auto_facts *facts,
                           double min_confidence, auto_plan *plan)
{
    memset(plan, 0, sizeof *plan);
    const auto_fact **use = NULL;
    size_t n = 0;
    zy_status st = usable_facts(facts, min_confidence, plan, &use, &n);
    if (st == ZY_OK)
        st = plan_tables(ctx, store, use, n, plan);
    if (st == ZY_OK)
        st = plan_measures(use, n, plan);
    if (st == ZY_OK)
        st = plan_country_totals(use, n, plan);
    if (st == ZY_OK)
        st = plan_rank_change(use, n, plan);
    if (st == ZY_OK)
        st = plan_timeline(use, n, plan);
    if (st == ZY_OK)
        st = cap_charts_per_article(plan);
    free(use);
    if (st == ZY_ERR_NOMEM && ctx->diag.status == ZY_OK)
        zy_diag_fail(&ctx->diag, st, "out of memory");
    return st;
}
