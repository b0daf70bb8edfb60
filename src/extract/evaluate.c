/*
 * evaluate.c: scoring facts against gold rows (see evaluate.h). A fact matches a row when
 * kind (and ISO unit for money) agree, the value (or range) agrees to 1e-6, for R rows of
 * counts and ranks the time agrees (a prefix; a year-less day matches by month-day), and for
 * R rows the subject or subject text contains, or is contained in, one of the aliases.
 */
#include "extract/evaluate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/file.h"

/* NFKC, lower case, without spaces, dots, dashes, underscores and brackets. */
static char *normalise_name(const char *s)
{
    if (!s)
        return NULL;
    utf8proc_uint8_t *mapped = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &mapped,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                         UTF8PROC_CASEFOLD) < 0)
        return NULL;
    char *out = (char *)mapped, *w = out;
    for (const char *r = out; *r;) {
        if (strchr(" ・-_()\t", *r) && *r) {
            r++;
            continue;
        }
        if (strncmp(r, "・", 3) == 0 || strncmp(r, "「", 3) == 0 || strncmp(r, "」", 3) == 0) {
            r += 3;
            continue;
        }
        *w++ = *r++;
    }
    *w = '\0';
    return out;
}

void zy_gold_free(zy_gold *g)
{
    for (size_t i = 0; i < g->nrows; i++) {
        for (size_t k = 0; k < g->rows[i].naliases; k++)
            free(g->rows[i].aliases[k]);
        free(g->rows[i].aliases);
        free(g->rows[i].note);
    }
    free(g->rows);
    memset(g, 0, sizeof *g);
}

zy_status zy_gold_load(zy_gold *g, zy_diag *diag, const char *path)
{
    zy_buf b;
    zy_buf_init(&b, (size_t)64 << 20);
    zy_status st = zy_file_read(diag, path, &b);
    char *line = b.data;
    size_t lineno = 0;
    while (st == ZY_OK && line && *line) {
        lineno++;
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (*line == '#' || !*line) {
            line = next;
            continue;
        }
        char *f[9] = {0};
        f[0] = line;
        for (int i = 1; i < 9; i++) {
            char *tab = f[i - 1] ? strchr(f[i - 1], '\t') : NULL;
            if (tab) {
                *tab = '\0';
                f[i] = tab + 1;
            }
        }
        if (!f[2] || !f[1][0] || !strchr("RNO", f[1][0])) {
            st = zy_diag_fail(diag, ZY_ERR_PARSE, "%s:%zu: expected doc<TAB>R|N|O<TAB>kind<TAB>…", path,
                              lineno);
            break;
        }
        if (g->nrows == g->cap) {
            size_t cap = g->cap ? g->cap * 2 : 64;
            zy_gold_row *grown = realloc(g->rows, cap * sizeof *grown);
            if (!grown) {
                st = ZY_ERR_NOMEM;
                break;
            }
            g->rows = grown;
            g->cap = cap;
        }
        zy_gold_row *r = &g->rows[g->nrows++];
        memset(r, 0, sizeof *r);
        snprintf(r->doc, sizeof r->doc, "%s", f[0]);
        r->cls = f[1][0];
        snprintf(r->kind, sizeof r->kind, "%s", f[2]);
        if (f[3] && *f[3]) {
            r->has_value = true;
            r->value = strtod(f[3], NULL);
        }
        if (f[4] && *f[4]) {
            r->has_max = true;
            r->value_max = strtod(f[4], NULL);
        }
        snprintf(r->unit, sizeof r->unit, "%s", f[5] ? f[5] : "");
        snprintf(r->time, sizeof r->time, "%s", f[6] ? f[6] : "");
        r->note = strdup(f[8] ? f[8] : "");
        for (char *a = f[7]; a && *a;) {
            char *bar = strchr(a, '|');
            if (bar)
                *bar = '\0';
            char **grown = realloc(r->aliases, (r->naliases + 1) * sizeof *grown);
            char *norm = normalise_name(a);
            if (!grown || !norm) {
                free(norm);
                if (grown)
                    r->aliases = grown;
                st = ZY_ERR_NOMEM;
                break;
            }
            r->aliases = grown;
            r->aliases[r->naliases++] = norm;
            a = bar ? bar + 1 : NULL;
        }
        line = next;
    }
    zy_buf_free(&b);
    if (st == ZY_ERR_NOMEM)
        zy_diag_fail(diag, st, "%s: out of memory", path);
    return st;
}

static bool close_to(double a, double b)
{
    return fabs(a - b) <= 1e-6 * fmax(1.0, fabs(b));
}

static bool value_ok(const zy_gold_row *g, const zy_fact *f)
{
    if (!f->has_value)
        return false;
    if (!g->has_max)
        return close_to(f->value, g->value);
    double lo = fmin(g->value, g->value_max), hi = fmax(g->value, g->value_max);
    if (f->has_value_max)
        return close_to(fmin(f->value, f->value_max), lo) && close_to(fmax(f->value, f->value_max), hi);
    return close_to(f->value, lo) || close_to(f->value, hi);
}

static bool time_ok(const zy_gold_row *g, const zy_fact *f)
{
    size_t gl = strlen(g->time), fl = strlen(f->time);
    if (gl == 0 || strncmp(f->time, g->time, gl) == 0)
        return true;
    return gl == 10 && fl >= 6 && !(f->time[0] >= '0' && f->time[0] <= '9') && fl >= 6 &&
           strcmp(f->time + fl - 6, g->time + 4) == 0;
}

static bool subject_ok(const zy_gold_row *g, const zy_fact *f)
{
    if (g->naliases == 0)
        return true;
    const char *cands[2] = {f->subject, f->subject_text};
    for (int c = 0; c < 2; c++) {
        char *n = normalise_name(cands[c]);
        if (!n)
            continue;
        bool ok = false;
        for (size_t a = 0; a < g->naliases && !ok && *n; a++)
            ok = *g->aliases[a] && (strstr(n, g->aliases[a]) || strstr(g->aliases[a], n));
        free(n);
        if (ok)
            return true;
    }
    return false;
}

static bool matches(const zy_gold_row *g, const zy_fact *f, bool need_subject, bool need_time)
{
    if (strcmp(zy_fact_kind_name(f->kind), g->kind) != 0)
        return false;
    if (f->kind == ZY_KIND_MONEY && (!f->unit || strcmp(f->unit, g->unit) != 0))
        return false;
    if (f->kind == ZY_KIND_DATE)
        return time_ok(g, f) && (!need_subject || subject_ok(g, f));
    if (!value_ok(g, f))
        return false;
    if (need_time && (f->kind == ZY_KIND_COUNT || f->kind == ZY_KIND_RANK) && !time_ok(g, f))
        return false;
    return !need_subject || subject_ok(g, f);
}

static bool scored_kind(zy_fact_kind k)
{
    return k <= ZY_KIND_DATE;
}

zy_status zy_evaluate_document(const zy_gold *gold, const zy_document *doc, bool verbose,
                               zy_buf *report, zy_eval_totals *t)
{
    const char *base = strrchr(doc->path, '/');
    base = base ? base + 1 : doc->path;
    char id[4] = {0};
    snprintf(id, sizeof id, "%.3s", base);
    size_t r_hit = 0, r_n = 0, v_hit = 0, v_n = 0, tp = 0, fp = 0;
    zy_status st = ZY_OK;
    zy_buf misses;
    zy_buf_init(&misses, 0);
    for (size_t i = 0; i < gold->nrows; i++) {
        const zy_gold_row *g = &gold->rows[i];
        if (strcmp(g->doc, id) != 0 || g->cls == 'O')
            continue;
        bool r_match = false, v_match = false;
        for (size_t k = 0; k < doc->nfacts; k++) {
            const zy_fact *f = &doc->facts[k];
            if (!scored_kind(f->kind))
                continue;
            r_match |= g->cls == 'R' && matches(g, f, true, true);
            v_match |= matches(g, f, false, g->cls == 'R');
        }
        if (g->cls == 'R') {
            r_n++;
            r_hit += r_match;
            if (!r_match && verbose && st == ZY_OK)
                st = zy_buf_printf(&misses, "   missed R: %s %g %s %s (%s)\n", g->kind, g->value,
                                   g->unit, g->time, g->note);
        }
        v_n++;
        v_hit += v_match;
        if (!v_match && verbose && st == ZY_OK)
            st = zy_buf_printf(&misses, "   missed value: %s %g %s %s (%s)\n", g->kind, g->value,
                               g->unit, g->time, g->note);
    }
    for (size_t k = 0; k < doc->nfacts; k++) {
        const zy_fact *f = &doc->facts[k];
        if (!scored_kind(f->kind))
            continue;
        bool any = false;
        for (size_t i = 0; i < gold->nrows && !any; i++)
            any = strcmp(gold->rows[i].doc, id) == 0 && matches(&gold->rows[i], f, false, false);
        if (any) {
            tp++;
        } else {
            fp++;
            if (verbose && st == ZY_OK)
                st = zy_buf_printf(&misses, "   false: %s %g %s %s «%s»\n", zy_fact_kind_name(f->kind),
                                   f->value, f->unit ? f->unit : "", f->time, f->text);
        }
    }
    if (st == ZY_OK)
        st = zy_buf_printf(report, "%s: R %zu/%zu  value %zu/%zu  precision %zu/%zu\n", id, r_hit,
                           r_n, v_hit, v_n, tp, tp + fp);
    if (st == ZY_OK && misses.len)
        st = zy_buf_append(report, misses.data, misses.len);
    zy_buf_free(&misses);
    t->r_hit += r_hit, t->r_n += r_n, t->v_hit += v_hit, t->v_n += v_n, t->tp += tp, t->fp += fp;
    return st;
}
