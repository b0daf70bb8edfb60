/*
 * auto_plan.c: which charts a set of facts supports (see auto.h):
 *   - one bar chart per table (its main numeric column; totals left out), titled by caption;
 *   - one bar chart per measure and unit with three or more subjects (latest per subject),
 *     unless a table chart already shows exactly those figures;
 *   - totals by country: from 合計 lines, else summed from table rows that carry a country;
 *   - rank change: subjects ranked at two times (a dumbbell chart);
 *   - one timeline of the foundings and releases that have a subject.
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
        free(x->country), free(x->measure), free(x->source), free(x->sentence);
        free(x->text), free(x->basis);
    }
    free(f->items);
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
    memset(p, 0, sizeof *p);
}

typedef struct load_state {
    auto_facts *facts;
    const char *const *docs;
    size_t ndocs;
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
        x->sentence = dup_or_null(s->sentence);
        x->text = dup_or_null(s->text);
        x->approx = s->approx;
        x->bound = s->bound;
        if (!x->doc || !x->doc_title)
            return ZY_ERR_NOMEM;
    }
    return ZY_OK;
}

zy_status auto_load_facts(zy_context *ctx, zy_store *store, const char *const *docs, size_t ndocs,
                          auto_facts *out)
{
    memset(out, 0, sizeof *out);
    load_state ls = {out, docs, ndocs};
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

/* The row with this label (and group), gaining f as one more source; or a new row. */
static auto_row *add_row(auto_chart *c, const char *label, const char *group, const auto_fact *f)
{
    for (size_t i = 0; i < c->nrows; i++)
        if (strcmp(c->rows[i].label, label) == 0 &&
            ((!group && !c->rows[i].group) || (group && c->rows[i].group && strcmp(group, c->rows[i].group) == 0))) {
            if (c->rows[i].nfacts < 8 && f)
                c->rows[i].facts[c->rows[i].nfacts++] = f->id;
            return &c->rows[i];
        }
    return append_row(c, label, group, f);
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static const char *measure_title(const char *measure)
{
    static const struct { const char *measure, *title; } titles[] = {
        {"valuation", "企業価値"}, {"funding", "資金調達額"}, {"investment", "投資額"},
        {"assets", "資産"}, {"cost", "コスト"}, {"market_size", "市場規模"}, {"revenue", "売上高"},
        {"profit", "利益"}, {"author_count", "論文著者数"}, {"total", "合計"}, {"share", "比率"},
        {"growth", "伸び率"}, {"market_cap", "時価総額"}, {"salary", "給与"}, {"gap", "格差"},
    };
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (measure && strcmp(measure, titles[i].measure) == 0)
            return titles[i].title;
    return measure;
}

/* Is every row of c also a row (same label and value) of an earlier chart? */
static bool shown_before(const auto_plan *p, size_t upto, const auto_chart *c)
{
    for (size_t k = 0; k < upto; k++) {
        const auto_chart *o = &p->charts[k];
        if (o->type != AUTO_BAR || o->nrows < c->nrows)
            continue;
        size_t found = 0;
        for (size_t r = 0; r < c->nrows; r++)
            for (size_t q = 0; q < o->nrows; q++)
                if (strcmp(o->rows[q].label, c->rows[r].label) == 0 && o->rows[q].value == c->rows[r].value) {
                    found++;
                    break;
                }
        if (found == c->nrows)
            return true;
    }
    return false;
}

/* One chart per table: its numeric column with the most figures (ranks and totals aside). */
static zy_status plan_tables(zy_context *ctx, zy_store *store, const auto_facts *fs, auto_plan *p)
{
    for (size_t i = 0; i < fs->n; i++) {
        const auto_fact *f = &fs->items[i];
        if (f->table_id < 0 || !f->subject || !f->has_value || f->kind == ZY_KIND_RANK ||
            f->kind == ZY_KIND_DATE || same(f->measure, "total"))
            continue;
        /* the first fact of each (doc, table) starts its chart */
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = fs->items[k].table_id == f->table_id && strcmp(fs->items[k].doc, f->doc) == 0 &&
                   fs->items[k].kind != ZY_KIND_RANK && fs->items[k].kind != ZY_KIND_DATE &&
                   fs->items[k].subject && !same(fs->items[k].measure, "total");
        if (seen)
            continue;
        /* the column with the most figures */
        long best_col = -1;
        size_t best = 0;
        for (size_t a = i; a < fs->n; a++) {
            const auto_fact *x = &fs->items[a];
            if (x->table_id != f->table_id || strcmp(x->doc, f->doc) != 0 || x->kind == ZY_KIND_RANK ||
                x->kind == ZY_KIND_DATE || !x->subject || same(x->measure, "total"))
                continue;
            size_t count = 0;
            for (size_t b = i; b < fs->n; b++)
                count += fs->items[b].table_id == x->table_id && fs->items[b].col == x->col &&
                         strcmp(fs->items[b].doc, x->doc) == 0 && fs->items[b].subject &&
                         !same(fs->items[b].measure, "total");
            if (count > best) {
                best = count;
                best_col = x->col;
            }
        }
        if (best < 2)
            continue;
        size_t before = p->n;
        char *caption = NULL;
        zy_status st = zy_store_caption(ctx, store, f->doc, f->table_id, &caption);
        if (st)
            return st;
        char title[512];
        if (caption[0])
            snprintf(title, sizeof title, "%s", caption);
        else
            snprintf(title, sizeof title, "表 %ld（%s）", f->table_id + 1, f->doc_title);
        free(caption);
        auto_chart *c = new_chart(p, AUTO_BAR, title, f->doc_title, f->unit, f->counter);
        if (!c)
            return ZY_ERR_NOMEM;
        size_t countries = 0;
        const char *first_country = NULL;
        for (size_t a = i; a < fs->n; a++) {
            const auto_fact *x = &fs->items[a];
            if (x->table_id != f->table_id || x->col != best_col || strcmp(x->doc, f->doc) != 0 ||
                !x->subject || same(x->measure, "total") || !same(x->unit, f->unit))
                continue;
            if (!add_row(c, x->subject, NULL, x))
                return ZY_ERR_NOMEM;
            if (x->country && (!first_country || strcmp(first_country, x->country) != 0)) {
                countries += !first_country || strcmp(first_country, x->country) != 0;
                first_country = first_country ? first_country : x->country;
            }
        }
        c->color_by_country = countries >= 2;
        /* a list that repeats a table's figures (グーグル: 2174 under the table) adds nothing */
        if (shown_before(p, before, c)) {
            chart_free(c);
            p->n--;
        }
    }
    return ZY_OK;
}

/* Per measure and unit: the latest figure of each subject, three subjects or more. */
static zy_status plan_measures(const auto_facts *fs, auto_plan *p)
{
    size_t tables_end = p->n;
    for (size_t i = 0; i < fs->n; i++) {
        const auto_fact *f = &fs->items[i];
        if (!f->measure || !f->subject || !f->has_value || f->kind == ZY_KIND_RANK ||
            f->kind == ZY_KIND_DATE || same(f->measure, "total") || same(f->measure, "rank"))
            continue;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = same(fs->items[k].measure, f->measure) && same(fs->items[k].unit, f->unit) &&
                   fs->items[k].subject && fs->items[k].has_value && fs->items[k].kind == f->kind;
        if (seen)
            continue;
        auto_chart c = {0};
        c.type = AUTO_BAR;
        for (size_t a = i; a < fs->n; a++) {
            const auto_fact *x = &fs->items[a];
            if (!same(x->measure, f->measure) || !same(x->unit, f->unit) || !x->subject ||
                !x->has_value || x->kind != f->kind)
                continue;
            auto_row *r = NULL;
            for (size_t q = 0; q < c.nrows && !r; q++)
                if (strcmp(c.rows[q].label, x->subject) == 0)
                    r = &c.rows[q];
            if (r && strcmp(x->time, r->time) <= 0)
                continue; /* keep the latest */
            if (!r && !(r = add_row(&c, x->subject, NULL, x))) {
                chart_free(&c);
                return ZY_ERR_NOMEM;
            }
            r->value = x->value;
            snprintf(r->time, sizeof r->time, "%s", x->time);
            r->facts[0] = x->id;
            r->nfacts = 1;
            r->first = x;
        }
        bool keep = c.nrows >= 3 && !shown_before(p, tables_end, &c);
        if (keep) {
            char title[256];
            const char *unit = zy_unit_label(f->unit, f->counter);
            snprintf(title, sizeof title, "%s%s%s%s", measure_title(f->measure), unit ? "（" : "",
                     unit ? unit : "", unit ? "）" : "");
            auto_chart *n = new_chart(p, AUTO_BAR, title, NULL, f->unit, f->counter);
            if (!n)
                return ZY_ERR_NOMEM;
            n->rows = c.rows;
            n->nrows = c.nrows;
            n->cap = c.cap;
            n->source = strdup("出典: 記事中の数値（最新のものを採用）");
        } else {
            chart_free(&c);
        }
    }
    return ZY_OK;
}

/* Totals by country: 合計 lines whose subject is a country, else sums of table rows. */
static zy_status plan_country_totals(const auto_facts *fs, auto_plan *p)
{
    auto_chart *c = NULL;
    for (size_t i = 0; i < fs->n; i++) {
        const auto_fact *f = &fs->items[i];
        if (!same(f->measure, "total") || !same(f->source, "list") || !f->subject || !f->country ||
            strcmp(f->subject, f->country) != 0)
            continue;
        if (!c && !(c = new_chart(p, AUTO_BAR, "国別の合計", f->doc_title, f->unit, f->counter)))
            return ZY_ERR_NOMEM;
        if (!add_row(c, f->subject, NULL, f))
            return ZY_ERR_NOMEM;
    }
    if (c)
        return ZY_OK;
    /* no 合計 lines: sum the rows of each table chart that names countries */
    size_t nbefore = p->n;
    for (size_t k = 0; k < nbefore; k++) {
        if (!p->charts[k].color_by_country)
            continue;
        char title[512];
        snprintf(title, sizeof title, "国別の合計（%s）", p->charts[k].title);
        auto_chart *t = new_chart(p, AUTO_BAR, title, NULL, NULL, NULL);
        if (!t)
            return ZY_ERR_NOMEM;
        const auto_chart *src = &p->charts[k];
        t->unit_label = src->unit_label ? strdup(src->unit_label) : NULL;
        t->source = src->source ? strdup(src->source) : NULL;
        bool summed = false; /* two rows of one country: a total says something the table does not */
        for (size_t r = 0; r < src->nrows; r++) {
            const auto_fact *f = src->rows[r].first;
            if (!f || !f->country)
                continue;
            bool fresh = true;
            for (size_t q = 0; q < t->nrows; q++)
                fresh &= strcmp(t->rows[q].label, f->country) != 0;
            auto_row *row = add_row(t, f->country, NULL, f);
            if (!row)
                return ZY_ERR_NOMEM;
            if (!fresh)
                row->value += f->value;
            summed |= !fresh;
        }
        if (!summed) { /* the rows are the countries themselves: the table chart says it all */
            chart_free(t);
            p->n--;
        }
    }
    return ZY_OK;
}

/* Rank change: subjects with ranks at two times in one article. */
static zy_status plan_rank_change(const auto_facts *fs, auto_plan *p)
{
    for (size_t i = 0; i < fs->n; i++) {
        const auto_fact *f = &fs->items[i];
        if (f->kind != ZY_KIND_RANK || !f->subject || f->table_id < 0 || !f->time[0])
            continue;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = fs->items[k].kind == ZY_KIND_RANK && fs->items[k].table_id == f->table_id &&
                   strcmp(fs->items[k].doc, f->doc) == 0 && fs->items[k].time[0];
        if (seen)
            continue;
        /* the two times of this table */
        const char *times[2] = {NULL, NULL};
        for (size_t a = i; a < fs->n; a++) {
            const auto_fact *x = &fs->items[a];
            if (x->kind != ZY_KIND_RANK || x->table_id != f->table_id || strcmp(x->doc, f->doc) != 0 || !x->time[0])
                continue;
            if (!times[0] || strcmp(times[0], x->time) == 0)
                times[0] = x->time;
            else if (!times[1] || strcmp(times[1], x->time) == 0)
                times[1] = x->time;
        }
        if (!times[1])
            continue;
        if (strcmp(times[0], times[1]) > 0) {
            const char *tmp = times[0];
            times[0] = times[1];
            times[1] = tmp;
        }
        char title[256];
        snprintf(title, sizeof title, "順位の変化（%s年→%s年）", times[0], times[1]);
        auto_chart *c = new_chart(p, AUTO_RANK_CHANGE, title, f->doc_title, "rank", NULL);
        if (!c)
            return ZY_ERR_NOMEM;
        for (int t = 0; t < 2; t++)
            for (size_t a = i; a < fs->n; a++) {
                const auto_fact *x = &fs->items[a];
                if (x->kind == ZY_KIND_RANK && x->table_id == f->table_id && strcmp(x->doc, f->doc) == 0 &&
                    strcmp(x->time, times[t]) == 0 && x->subject && !add_row(c, x->subject, x->time, x))
                    return ZY_ERR_NOMEM;
            }
        if (c->nrows < 6) { /* fewer than three subjects at both times: not worth a chart */
            chart_free(c);
            p->n--;
        }
    }
    return ZY_OK;
}

/* One timeline of every dated event with a subject (an event told twice counts once). */
static zy_status plan_timeline(const auto_facts *fs, auto_plan *p)
{
    auto_chart *c = NULL;
    for (size_t i = 0; i < fs->n; i++) {
        const auto_fact *f = &fs->items[i];
        /* events: a founding or a release with its subject; other dates only qualify figures */
        if (f->kind != ZY_KIND_DATE || !f->subject || f->time[0] < '0' || f->time[0] > '9' ||
            !(same(f->measure, "founded") || same(f->measure, "release")))
            continue;
        const char *word = same(f->measure, "founded") ? " 設立" : same(f->measure, "release") ? " 発表・公開" : "";
        char label[256];
        snprintf(label, sizeof label, "%s%s", f->subject, word);
        if (!c && !(c = new_chart(p, AUTO_TIMELINE, "記事に出てくる出来事", NULL, NULL, NULL)))
            return ZY_ERR_NOMEM;
        bool dup = false;
        for (size_t r = 0; r < c->nrows && !dup; r++)
            dup = strcmp(c->rows[r].label, label) == 0 && strcmp(c->rows[r].time, f->time) == 0;
        if (dup)
            continue;
        if (!append_row(c, label, same(f->measure, "founded") ? "設立" : same(f->measure, "release") ? "発表・公開" : "その他", f))
            return ZY_ERR_NOMEM;
    }
    if (c) {
        c->source = strdup("出典: 記事中の日付");
        if (c->nrows < 2) {
            chart_free(c);
            p->n--;
        }
    }
    return ZY_OK;
}

zy_status auto_plan_charts(zy_context *ctx, zy_store *store, const auto_facts *facts, auto_plan *plan)
{
    memset(plan, 0, sizeof *plan);
    zy_status st = plan_tables(ctx, store, facts, plan);
    if (st == ZY_OK)
        st = plan_measures(facts, plan);
    if (st == ZY_OK)
        st = plan_country_totals(facts, plan);
    if (st == ZY_OK)
        st = plan_rank_change(facts, plan);
    if (st == ZY_OK)
        st = plan_timeline(facts, plan);
    if (st == ZY_ERR_NOMEM && ctx->diag.status == ZY_OK)
        zy_diag_fail(&ctx->diag, st, "out of memory");
    return st;
}
