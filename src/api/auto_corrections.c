/*
 * auto_corrections.c: the corrections file of `zuhyo auto --corrections FILE` (see auto.h and
 * README "Correcting a chart"): read and check it before anything is extracted, then apply its
 * fact corrections to the facts in memory (never the store or the article) and its chart
 * corrections to the plan, keeping per line how many facts or charts it matched.
 * May call: util, extract/figure, extract/normalize, the store (subjects as written).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/auto.h"
#include "extract/figure.h"
#include "extract/normalize.h"
#include "util/file.h"
#include "util/utf8.h"

typedef enum corr_action {
    CORR_DROP, CORR_OWNER, CORR_VALUE, CORR_MEASURE, CORR_TIME, CORR_MERGE, CORR_RENAME
} corr_action;

static const char *const action_names[] = {"drop", "owner", "value", "measure", "time", "merge", "rename"};

/* The keys of a line, in the order of the format. */
enum { KEY_DOC, KEY_SUBJECT, KEY_MEASURE, KEY_VALUE, KEY_TIME, KEY_TEXT, KEY_CHART, KEY_TO, NKEYS };
static const char *const key_names[NKEYS] = {"doc", "subject", "measure", "value", "time", "text", "chart", "to"};

/* A number read from value= or to=: plain (1600000000), or a figure (16億ドル) with its unit. */
typedef struct read_value {
    double value;
    const char *unit;        /* a figure's unit (static), or NULL for a plain number */
    const char *counter;     /* a count's counter (static), or NULL */
    zy_fact_kind kind;       /* the figure's kind, when unit is set */
    bool approx;             /* 約16億ドル */
    zy_bound bound;          /* 16億ドル超, 16億ドル以下 */
} read_value;

typedef struct correction {
    long line;
    corr_action action;
    char *keys[NKEYS];       /* the values as written (trimmed); NULL when not given */
    char *subject_norm;      /* subject= and text= after NFKC, to match text typed by hand */
    char *text_norm;
    read_value value;        /* value=, read */
    read_value to_value;     /* to= of a value correction, read */
} correction;

/* The figure and the subject as written of one fact, for subject= and text=. */
typedef struct written {
    long id;
    char *text_norm;                        /* the fact's text after NFKC */
    char *subject_text, *subject_text_norm; /* from the store; NULL without one */
} written;

struct auto_corrections {
    char *path;                   /* as given, for messages */
    correction *items;
    size_t n, cap;
    auto_correction_log log;      /* one entry per item */
    auto_facts dropped_facts;     /* facts taken out by drop lines (owned here) */
    auto_plan dropped_charts;     /* charts taken out by drop chart= lines (owned here) */
    written *written;             /* sorted by id */
    size_t nwritten;
};

/* ---- small readers ---- */

static bool is_chart_action(const correction *c)
{
    return c->action == CORR_RENAME || (c->action == CORR_DROP && c->keys[KEY_CHART]);
}

/* A malloc'd NFKC copy of s (NULL when out of memory). */
static char *normalized_copy(zy_diag *diag, const char *s)
{
    zy_norm_text nt = {0};
    char *copy = NULL;
    if (zy_normalize(diag, "corrections", s, strlen(s), 0, &nt) == ZY_OK)
        copy = strdup(nt.text);
    zy_norm_text_free(&nt);
    return copy;
}

/* A plain number such as 1600000000 or 1.6e9. */
static bool read_plain_number(const char *s, read_value *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !isfinite(v))
        return false;
    memset(out, 0, sizeof *out);
    out->value = v;
    return true;
}

/* A figure as the extractor reads one (16億ドル, 1,600万人, 40.2%, $120億); its unit is kept. */
static bool read_figure(zy_diag *diag, const char *s, read_value *out)
{
    zy_norm_text nt = {0};
    bool ok = false;
    if (zy_normalize(diag, "corrections", s, strlen(s), 0, &nt) == ZY_OK && nt.len) {
        /* the numeral starts the text, or follows a prefix such as 約, 最大 or $: try each
         * character up to the first digit, and keep a reading that spans the whole text */
        zy_figure fig;
        for (size_t at = 0; at < nt.len && !ok;) {
            ok = zy_figure_at(nt.text, nt.len, at, true, &fig) && fig.start == 0 && fig.end == nt.len;
            if (nt.text[at] >= '0' && nt.text[at] <= '9')
                break;
            int32_t cp;
            at += zy_utf8_next(nt.text + at, nt.len - at, &cp);
        }
        ok = ok && fig.has_value && fig.kind != ZY_KIND_DATE;
        if (ok) {
            memset(out, 0, sizeof *out);
            out->value = fig.value;
            out->approx = fig.approx;
            out->bound = fig.bound;
            if (!fig.bare && fig.unit) {
                out->unit = fig.unit;
                out->counter = fig.counter;
                out->kind = fig.kind;
            }
        }
    }
    zy_norm_text_free(&nt);
    return ok;
}

static bool leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* 2024, 2024-06 or 2024-06-30 (a real day). */
static bool valid_iso_time(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || ((i == 4 || i == 7) && s[i] == '-')))
            return false;
    if (n != 4 && n != 7 && n != 10)
        return false;
    if ((n >= 7 && s[4] != '-') || (n == 10 && s[7] != '-'))
        return false;
    int year = atoi(s), month = n >= 7 ? atoi(s + 5) : 1, day = n == 10 ? atoi(s + 8) : 1;
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1)
        return false;
    return day <= days[month - 1] + (month == 2 && leap_year(year));
}

/* A measure is a word such as valuation, funding, market_size. */
static bool valid_measure(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

/* The next TAB-separated field of *rest (cut in place), or NULL after the last. */
static char *next_field(char **rest)
{
    char *field = *rest;
    if (!field)
        return NULL;
    char *tab = strchr(field, '\t');
    if (tab)
        *tab = '\0';
    *rest = tab ? tab + 1 : NULL;
    return field;
}

static char *trim(char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* ---- parsing ---- */

#define FAIL(...) zy_diag_fail(diag, ZY_ERR_USAGE, __VA_ARGS__)

/* Which selectors an action takes and whether it needs to=: the rules of the format. */
static zy_status check_shape(zy_diag *diag, const char *name, const correction *c)
{
    const char *action = action_names[c->action];
    bool fact_selector = false;
    for (int k = KEY_DOC; k <= KEY_TEXT; k++)
        fact_selector |= c->keys[k] != NULL;
    bool to = c->keys[KEY_TO] != NULL;
    if (c->action == CORR_RENAME && !c->keys[KEY_CHART])
        return FAIL("%s:%ld: rename needs chart=TITLE (and to=NEW TITLE)", name, c->line);
    if (c->keys[KEY_CHART] && (c->action == CORR_RENAME || c->action == CORR_DROP)) {
        if (fact_selector)
            return FAIL("%s:%ld: %s chart= takes no other selector (a chart, or facts: not both)", name, c->line,
                        action);
    } else if (c->keys[KEY_CHART]) {
        return FAIL("%s:%ld: %s corrects facts: chart= is only for rename and drop", name, c->line, action);
    } else if (c->action == CORR_MERGE) {
        if (!c->keys[KEY_SUBJECT])
            return FAIL("%s:%ld: merge needs subject=NAME (and to=NAME)", name, c->line);
        for (int k = KEY_MEASURE; k <= KEY_TEXT; k++)
            if (c->keys[k])
                return FAIL("%s:%ld: merge selects by subject= and doc= only, not %s=", name, c->line,
                            key_names[k]);
    } else if (!fact_selector) {
        return FAIL("%s:%ld: %s needs a selector: doc=, subject=, measure=, value=, time= or text=", name,
                    c->line, action);
    }
    if (c->action == CORR_DROP && to)
        return FAIL("%s:%ld: drop takes no to=", name, c->line);
    if (c->action != CORR_DROP && !to)
        return FAIL("%s:%ld: %s needs to=NEW", name, c->line, action);
    return ZY_OK;
}

/* Read the values a line gives: value=, time= and the to= of value, time and measure. */
static zy_status read_values(zy_diag *diag, const char *name, correction *c)
{
    const char *v = c->keys[KEY_VALUE];
    if (v && !read_plain_number(v, &c->value) && !read_figure(diag, v, &c->value))
        return FAIL("%s:%ld: value=%s: expected a number (1600000000) or a figure (16億ドル)", name, c->line, v);
    const char *t = c->keys[KEY_TIME];
    if (t && !valid_iso_time(t))
        return FAIL("%s:%ld: time=%s: expected an ISO time: 2024, 2024-06 or 2024-06-30", name, c->line, t);
    const char *to = c->keys[KEY_TO];
    if (c->action == CORR_VALUE) {
        if (!read_plain_number(to, &c->to_value) && !read_figure(diag, to, &c->to_value))
            return FAIL("%s:%ld: to=%s: expected a number (1600000000) or a figure (16億ドル)", name, c->line, to);
    } else if (c->action == CORR_TIME && !valid_iso_time(to)) {
        return FAIL("%s:%ld: to=%s: expected an ISO time: 2024, 2024-06 or 2024-06-30", name, c->line, to);
    } else if (c->action == CORR_MEASURE && !valid_measure(to)) {
        return FAIL("%s:%ld: to=%s: a measure is a word such as valuation, funding or revenue", name, c->line,
                    to);
    }
    return ZY_OK;
}

static void correction_free(correction *c)
{
    for (int k = 0; k < NKEYS; k++)
        free(c->keys[k]);
    free(c->subject_norm), free(c->text_norm);
}

/* One line, split at TABs (empty fields, as left by a trailing TAB, are skipped). */
static zy_status parse_line(zy_diag *diag, const char *name, long line_no, char *line, correction *c)
{
    memset(c, 0, sizeof *c);
    c->line = line_no;
    char *rest = line;
    char *field = next_field(&rest);
    char *action = trim(field);
    size_t a = 0;
    while (a < sizeof action_names / sizeof action_names[0] && strcmp(action_names[a], action) != 0)
        a++;
    if (a == sizeof action_names / sizeof action_names[0])
        return FAIL("%s:%ld: unknown action \"%s\" (expected drop, owner, value, measure, time, merge or "
                    "rename)", name, line_no, action);
    c->action = (corr_action)a;
    for (int n = 2; (field = next_field(&rest)) != NULL; n++) {
        field = trim(field);
        if (!*field)
            continue;
        char *eq = strchr(field, '=');
        if (!eq)
            return FAIL("%s:%ld: field %d \"%s\" is not key=value", name, line_no, n, field);
        *eq = '\0';
        char *key = trim(field), *value = trim(eq + 1);
        int k = 0;
        while (k < NKEYS && strcmp(key_names[k], key) != 0)
            k++;
        if (k == NKEYS)
            return FAIL("%s:%ld: unknown key \"%s\" (expected doc, subject, measure, value, time, text, chart "
                        "or to)", name, line_no, key);
        if (c->keys[k])
            return FAIL("%s:%ld: %s= given twice", name, line_no, key);
        if (!*value)
            return FAIL("%s:%ld: %s= is empty", name, line_no, key);
        if (!(c->keys[k] = strdup(value)))
            return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    }
    zy_status st = check_shape(diag, name, c);
    if (st == ZY_OK)
        st = read_values(diag, name, c);
    if (st == ZY_OK && c->keys[KEY_SUBJECT] && !(c->subject_norm = normalized_copy(diag, c->keys[KEY_SUBJECT])))
        st = zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    if (st == ZY_OK && c->keys[KEY_TEXT] && !(c->text_norm = normalized_copy(diag, c->keys[KEY_TEXT])))
        st = zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    return st;
}

static zy_status add_correction(auto_corrections *corr, correction *c)
{
    if (corr->n == corr->cap) {
        size_t cap = corr->cap ? corr->cap * 2 : 16;
        correction *grown = realloc(corr->items, cap * sizeof *grown);
        if (!grown)
            return ZY_ERR_NOMEM;
        corr->items = grown;
        corr->cap = cap;
    }
    corr->items[corr->n++] = *c;
    return ZY_OK;
}

static zy_status parse_text(zy_diag *diag, auto_corrections *corr, const char *text, size_t len)
{
    const char *name = corr->path;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3; /* a BOM */
    /* the first invalid byte or NUL, which would cut a line short */
    ssize_t bad = zy_utf8_invalid_at(text, len);
    const char *nul = memchr(text, '\0', len);
    size_t stop = bad >= 0 ? (size_t)bad : len;
    if (nul && (size_t)(nul - text) < stop)
        stop = (size_t)(nul - text);
    if (stop < len) {
        long line = 1;
        for (size_t i = 0; i < stop; i++)
            line += text[i] == '\n';
        return FAIL("%s:%ld: %s", name, line, text[stop] ? "invalid UTF-8" : "a NUL byte");
    }
    long line_no = 0;
    for (size_t at = 0; at < len;) {
        const char *end = memchr(text + at, '\n', len - at);
        size_t n = end ? (size_t)(end - (text + at)) : len - at;
        line_no++;
        char *line = strndup(text + at, n);
        if (!line)
            return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
        at += n + 1;
        char *body = trim(line);
        const char *first = body + strspn(body, "\t ");
        zy_status st = ZY_OK;
        if (*first && *first != '#') {
            correction c;
            st = parse_line(diag, name, line_no, body, &c);
            if (st == ZY_OK && add_correction(corr, &c) != ZY_OK)
                st = zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
            if (st != ZY_OK)
                correction_free(&c);
        }
        free(line);
        if (st)
            return st;
    }
    corr->log.items = calloc(corr->n ? corr->n : 1, sizeof *corr->log.items);
    if (!corr->log.items)
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    corr->log.n = corr->n;
    for (size_t i = 0; i < corr->n; i++) {
        corr->log.items[i].line = corr->items[i].line;
        corr->log.items[i].action = action_names[corr->items[i].action];
    }
    return ZY_OK;
}

#undef FAIL

zy_status auto_corrections_parse(zy_context *ctx, const char *name, const char *text, size_t len,
                                 auto_corrections **out)
{
    *out = NULL;
    auto_corrections *corr = calloc(1, sizeof *corr);
    if (!corr || !(corr->path = strdup(name))) {
        free(corr);
        return zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    }
    zy_status st = parse_text(&ctx->diag, corr, text, len);
    if (st) {
        auto_corrections_destroy(corr);
        return st;
    }
    *out = corr;
    return ZY_OK;
}

zy_status auto_corrections_read(zy_context *ctx, const char *path, auto_corrections **out)
{
    *out = NULL;
    zy_buf text;
    zy_buf_init(&text, (size_t)16 << 20);
    zy_status st = zy_file_read(&ctx->diag, path, &text);
    if (st == ZY_OK)
        st = auto_corrections_parse(ctx, path, text.data ? text.data : "", text.len, out);
    zy_buf_free(&text);
    return st;
}

static void free_written(auto_corrections *corr)
{
    for (size_t i = 0; i < corr->nwritten; i++) {
        written *w = &corr->written[i];
        free(w->text_norm), free(w->subject_text), free(w->subject_text_norm);
    }
    free(corr->written);
    corr->written = NULL;
    corr->nwritten = 0;
}

const auto_correction_log *auto_corrections_log(const auto_corrections *corr)
{
    return corr ? &corr->log : NULL;
}

void auto_corrections_destroy(auto_corrections *corr)
{
    if (!corr)
        return;
    for (size_t i = 0; i < corr->n; i++)
        correction_free(&corr->items[i]);
    free_written(corr);
    auto_facts_free(&corr->dropped_facts);
    auto_plan_free(&corr->dropped_charts);
    free(corr->items), free(corr->log.items), free(corr->path);
    free(corr);
}

/* ---- the facts as written: the figure (in memory) and the subject (from the store) ---- */

static int compare_written(const void *a, const void *b)
{
    long x = ((const written *)a)->id, y = ((const written *)b)->id;
    return (x > y) - (x < y);
}

static written *written_of(const auto_corrections *corr, long id)
{
    written key = {.id = id};
    return corr->nwritten ? bsearch(&key, corr->written, corr->nwritten, sizeof key, compare_written) : NULL;
}

typedef struct written_load {
    auto_corrections *corr;
    zy_diag *diag;
} written_load;

/* A store sink: the subject as written of each fact in memory. */
static zy_status keep_subject_text(void *user, const zy_document *doc)
{
    written_load *wl = user;
    for (size_t i = 0; i < doc->nfacts; i++) {
        const zy_fact *f = &doc->facts[i];
        written *w = f->subject_text ? written_of(wl->corr, f->id) : NULL;
        if (w && !w->subject_text &&
            (!(w->subject_text = strdup(f->subject_text)) ||
             !(w->subject_text_norm = normalized_copy(wl->diag, f->subject_text))))
            return ZY_ERR_NOMEM;
    }
    return ZY_OK;
}

/* When a line selects by subject= or text=: each fact's figure as written, NFKC-normalised,
 * and (with a store) its subject as written, so that text typed by hand matches. */
static zy_status load_written(zy_context *ctx, zy_store *store, auto_corrections *corr, const auto_facts *facts)
{
    bool needed = false;
    for (size_t i = 0; i < corr->n; i++)
        needed |= !is_chart_action(&corr->items[i]) && (corr->items[i].keys[KEY_SUBJECT] || corr->items[i].keys[KEY_TEXT]);
    if (!needed || facts->n == 0)
        return ZY_OK;
    free_written(corr); /* from an earlier call */
    corr->written = calloc(facts->n, sizeof *corr->written);
    if (!corr->written)
        return ZY_ERR_NOMEM;
    for (size_t i = 0; i < facts->n; i++) {
        const auto_fact *f = &facts->items[i];
        written *w = &corr->written[corr->nwritten++];
        w->id = f->id;
        if (f->text && !(w->text_norm = normalized_copy(&ctx->diag, f->text)))
            return ZY_ERR_NOMEM;
    }
    qsort(corr->written, corr->nwritten, sizeof *corr->written, compare_written);
    written_load wl = {corr, &ctx->diag};
    return store ? zy_store_facts(ctx, store, NULL, keep_subject_text, &wl) : ZY_OK;
}

/* ---- applying to facts ---- */

static bool equal(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool close_value(double a, double b)
{
    return a == b || fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* Do all the selectors of c hold for f? */
static bool fact_matches(const correction *c, const auto_fact *f, const written *w)
{
    const char *doc = c->keys[KEY_DOC], *subject = c->keys[KEY_SUBJECT], *text = c->keys[KEY_TEXT];
    if (doc && !equal(f->doc, doc) && !equal(base_name(f->doc), doc))
        return false;
    if (subject && !equal(f->subject, subject) && !equal(f->subject, c->subject_norm) &&
        !(w && (equal(w->subject_text, subject) || equal(w->subject_text_norm, c->subject_norm))))
        return false;
    if (c->keys[KEY_MEASURE] && !equal(f->measure, c->keys[KEY_MEASURE]))
        return false;
    if (c->keys[KEY_VALUE] && !(f->has_value && close_value(f->value, c->value.value) &&
                                (!c->value.unit || equal(f->unit, c->value.unit))))
        return false; /* 15億円 is not 15億ドル; a plain number matches any unit */
    if (c->keys[KEY_TIME] && strcmp(f->time, c->keys[KEY_TIME]) != 0)
        return false;
    if (text && !equal(f->text, text) && !(w && equal(w->text_norm, c->text_norm)))
        return false;
    return true;
}

static zy_status replace_string(char **field, const char *value)
{
    char *copy = strdup(value);
    if (!copy)
        return ZY_ERR_NOMEM;
    free(*field);
    *field = copy;
    return ZY_OK;
}

/* Set what c sets on f (drop is done by the caller). A person has looked at the fact: it is
 * drawn whatever the extractor's confidence, and its basis says which line vouched for it. */
static zy_status edit_fact(const char *path, const correction *c, auto_fact *f)
{
    char basis[128];
    snprintf(basis, sizeof basis, "correction %s:%ld", base_name(path), c->line);
    f->confidence = 1;
    if (replace_string(&f->basis, basis) != ZY_OK)
        return ZY_ERR_NOMEM;
    const char *to = c->keys[KEY_TO];
    switch (c->action) {
    case CORR_OWNER:
    case CORR_MERGE:
        return replace_string(&f->subject, to);
    case CORR_MEASURE:
        return replace_string(&f->measure, to);
    case CORR_VALUE:
        /* the figure is now as the line writes it (約, 超 and all: the chart's label reads them
         * from it); a figure brings its unit and kind, a plain number keeps the fact's */
        f->value = c->to_value.value;
        f->has_value = true;
        f->approx = c->to_value.approx;
        f->bound = c->to_value.bound;
        if (replace_string(&f->text, to) != ZY_OK)
            return ZY_ERR_NOMEM;
        if (!c->to_value.unit)
            return ZY_OK;
        f->kind = c->to_value.kind;
        free(f->counter);
        f->counter = NULL;
        if (c->to_value.counter && !(f->counter = strdup(c->to_value.counter)))
            return ZY_ERR_NOMEM;
        return replace_string(&f->unit, c->to_value.unit);
    case CORR_TIME:
        snprintf(f->time, sizeof f->time, "%s", to);
        return ZY_OK;
    default:
        return ZY_OK;
    }
}

/* Move the dropped facts out of facts into corr, keeping the order of the rest. */
static zy_status remove_dropped(auto_corrections *corr, auto_facts *facts, const bool *dropped)
{
    auto_facts *out = &corr->dropped_facts;
    size_t kept = 0;
    for (size_t i = 0; i < facts->n; i++) {
        if (!dropped[i]) {
            facts->items[kept++] = facts->items[i];
            continue;
        }
        if (out->n == out->cap) {
            size_t cap = out->cap ? out->cap * 2 : 64;
            auto_fact *grown = realloc(out->items, cap * sizeof *grown);
            if (!grown) { /* keep what is left in facts, so every fact is freed once */
                memmove(&facts->items[kept], &facts->items[i], (facts->n - i) * sizeof *facts->items);
                facts->n = kept + (facts->n - i);
                return ZY_ERR_NOMEM;
            }
            out->items = grown;
            out->cap = cap;
        }
        out->items[out->n++] = facts->items[i];
    }
    facts->n = kept;
    return ZY_OK;
}

zy_status auto_corrections_apply_facts(zy_context *ctx, zy_store *store, auto_corrections *corr,
                                       auto_facts *facts)
{
    if (!corr)
        return ZY_OK;
    zy_status st = load_written(ctx, store, corr, facts);
    bool *dropped = st == ZY_OK ? calloc(facts->n ? facts->n : 1, sizeof *dropped) : NULL;
    if (st == ZY_OK && !dropped)
        st = ZY_ERR_NOMEM;
    for (size_t k = 0; st == ZY_OK && k < corr->n; k++) {
        const correction *c = &corr->items[k];
        if (is_chart_action(c))
            continue;
        size_t matched = 0;
        for (size_t i = 0; st == ZY_OK && i < facts->n; i++) {
            auto_fact *f = &facts->items[i];
            if (dropped[i] || !fact_matches(c, f, written_of(corr, f->id)))
                continue;
            matched++;
            if (c->action == CORR_DROP)
                dropped[i] = true;
            else
                st = edit_fact(corr->path, c, f);
            written *w = c->action == CORR_VALUE ? written_of(corr, f->id) : NULL;
            if (st == ZY_OK && w) { /* later text= lines see the figure as this line wrote it */
                free(w->text_norm);
                if (!(w->text_norm = normalized_copy(&ctx->diag, f->text)))
                    st = ZY_ERR_NOMEM;
            }
        }
        corr->log.items[k].matched = matched;
        if (st == ZY_OK && matched == 0)
            zy_diag_warn(&ctx->diag, "%s:%ld: matches no fact", corr->path, c->line);
    }
    if (st == ZY_OK)
        st = remove_dropped(corr, facts, dropped);
    free(dropped);
    if (st == ZY_ERR_NOMEM && ctx->diag.status == ZY_OK)
        zy_diag_fail(&ctx->diag, st, "out of memory");
    return st;
}

/* ---- applying to charts ---- */

/* Move the dropped charts out of plan into corr, keeping the order of the rest. */
static zy_status remove_dropped_charts(auto_corrections *corr, auto_plan *plan, const bool *dropped)
{
    auto_plan *out = &corr->dropped_charts;
    size_t kept = 0;
    for (size_t i = 0; i < plan->n; i++) {
        if (!dropped[i]) {
            plan->charts[kept++] = plan->charts[i];
            continue;
        }
        if (out->n == out->cap) {
            size_t cap = out->cap ? out->cap * 2 : 8;
            auto_chart *grown = realloc(out->charts, cap * sizeof *grown);
            if (!grown) {
                memmove(&plan->charts[kept], &plan->charts[i], (plan->n - i) * sizeof *plan->charts);
                plan->n = kept + (plan->n - i);
                return ZY_ERR_NOMEM;
            }
            out->charts = grown;
            out->cap = cap;
        }
        out->charts[out->n++] = plan->charts[i];
    }
    plan->n = kept;
    return ZY_OK;
}

zy_status auto_corrections_apply_plan(zy_context *ctx, auto_corrections *corr, auto_plan *plan)
{
    if (!corr)
        return ZY_OK;
    plan->corrections = &corr->log;
    bool *dropped = calloc(plan->n ? plan->n : 1, sizeof *dropped);
    zy_status st = dropped ? ZY_OK : ZY_ERR_NOMEM;
    for (size_t k = 0; st == ZY_OK && k < corr->n; k++) {
        const correction *c = &corr->items[k];
        if (!is_chart_action(c))
            continue;
        size_t matched = 0;
        for (size_t i = 0; st == ZY_OK && i < plan->n; i++) {
            auto_chart *chart = &plan->charts[i];
            const char *planned = chart->planned_title ? chart->planned_title : chart->title;
            if (dropped[i] || !equal(planned, c->keys[KEY_CHART]))
                continue;
            matched++;
            if (c->action == CORR_DROP) {
                dropped[i] = true;
            } else if ((st = replace_string(&chart->title, c->keys[KEY_TO])) == ZY_OK && !chart->planned_title) {
                chart->planned_title = c->keys[KEY_CHART];
            }
        }
        corr->log.items[k].matched = matched;
        if (st == ZY_OK && matched == 0)
            zy_diag_warn(&ctx->diag, "%s:%ld: matches no chart", corr->path, c->line);
    }
    if (st == ZY_OK)
        st = remove_dropped_charts(corr, plan, dropped);
    free(dropped);
    if (st == ZY_ERR_NOMEM && ctx->diag.status == ZY_OK)
        zy_diag_fail(&ctx->diag, st, "out of memory");
    return st;
}
