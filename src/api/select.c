/*
 * select.c: stored facts → a chartable table (see zy_select_table in zuhyo.h). One row per
 * subject: the figure with the latest time, preferring a table's figure to prose; or, with
 * group_by_time, one row per subject and time. Units must agree unless one is picked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/context.h"
#include "data/table.h"

const char *zy_unit_label(const char *unit, const char *counter)
{
    static const struct { const char *unit, *label; } labels[] = {
        {"USD", "ドル"}, {"JPY", "円"}, {"CNY", "元"}, {"EUR", "ユーロ"}, {"GBP", "ポンド"},
        {"KRW", "ウォン"}, {"INR", "ルピー"}, {"HKD", "香港ドル"}, {"TWD", "台湾ドル"},
        {"AUD", "豪ドル"}, {"%", "%"}, {"pt", "ポイント"}, {"x", "倍"}, {"rank", "位"},
        {"years", "年"}, {"months", "カ月"}, {"days", "日"}, {"hours", "時間"},
    };
    if (!unit)
        return NULL;
    if (strcmp(unit, "count") == 0) {
        static const char *const counters[] = {"人", "機関", "社", "件", "台", "校", "本", "個", "カ国", NULL};
        for (size_t i = 0; counter && counters[i]; i++)
            if (strcmp(counter, counters[i]) == 0)
                return counters[i];
        return NULL;
    }
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(unit, labels[i].unit) == 0)
            return labels[i].label;
    return NULL;
}

typedef struct picked {
    char *subject, *time, *unit, *counter;
    double value;
    bool from_table;
    size_t order;
} picked;

typedef struct selection {
    picked *rows;
    size_t n, cap, order;
    const zy_select_options *options;
    zy_status status;
} selection;

static bool better(const picked *old, const zy_fact *f)
{
    /* later time wins; at the same time a table's figure wins over prose */
    int cmp = strcmp(f->time, old->time ? old->time : "");
    if (cmp != 0)
        return cmp > 0;
    return !old->from_table && f->source && strcmp(f->source, "table") == 0;
}

static zy_status take_facts(void *user, const zy_document *doc)
{
    selection *sel = user;
    for (size_t i = 0; i < doc->nfacts; i++) {
        const zy_fact *f = &doc->facts[i];
        if (!f->subject || !f->has_value || (sel->options->group_by_time && !f->time[0]))
            continue;
        if (sel->options->unit && (!f->unit || strcmp(f->unit, sel->options->unit) != 0))
            continue;
        picked *match = NULL;
        for (size_t k = 0; k < sel->n && !match; k++)
            if (strcmp(sel->rows[k].subject, f->subject) == 0 &&
                (!sel->options->group_by_time || strcmp(sel->rows[k].time, f->time) == 0) &&
                (sel->options->unit || strcmp(sel->rows[k].unit, f->unit ? f->unit : "") == 0))
                match = &sel->rows[k];
        if (match && !better(match, f))
            continue;
        if (!match) {
            if (sel->n == sel->cap) {
                size_t cap = sel->cap ? sel->cap * 2 : 32;
                picked *grown = realloc(sel->rows, cap * sizeof *grown);
                if (!grown)
                    return ZY_ERR_NOMEM;
                sel->rows = grown;
                sel->cap = cap;
            }
            match = &sel->rows[sel->n++];
            memset(match, 0, sizeof *match);
            match->order = sel->order++;
        } else {
            free(match->subject), free(match->time), free(match->unit), free(match->counter);
        }
        match->subject = strdup(f->subject);
        match->time = strdup(f->time);
        match->unit = strdup(f->unit ? f->unit : "");
        match->counter = f->counter ? strdup(f->counter) : NULL;
        match->value = f->value;
        match->from_table = f->source && strcmp(f->source, "table") == 0;
        if (!match->subject || !match->time || !match->unit)
            return ZY_ERR_NOMEM;
    }
    return ZY_OK;
}

zy_status zy_select_table(zy_context *ctx, zy_store *store, const zy_select_options *o,
                          zy_table **out, char **unit_label)
{
    *out = NULL;
    if (unit_label)
        *unit_label = NULL;
    selection sel = {NULL, 0, 0, 0, o, ZY_OK};
    zy_status st = zy_store_facts(ctx, store, &o->query, take_facts, &sel);
    if (st == ZY_ERR_NOMEM && ctx->diag.status == ZY_OK)
        zy_diag_fail(&ctx->diag, st, "out of memory");
    /* one unit, unless asked */
    zy_buf units;
    zy_buf_init(&units, 0);
    size_t nunits = 0;
    for (size_t i = 0; st == ZY_OK && i < sel.n; i++) {
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(sel.rows[k].unit, sel.rows[i].unit) == 0;
        if (!seen) {
            nunits++;
            if (zy_buf_printf(&units, "%s%s", units.len ? ", " : "", sel.rows[i].unit) != ZY_OK)
                st = ZY_ERR_NOMEM;
        }
    }
    if (st == ZY_OK && sel.n == 0)
        st = zy_diag_fail(&ctx->diag, ZY_ERR_DATA,
                          "no stored facts with a subject match this selection (try zuhyo facts "
                          "with the same filters)");
    if (st == ZY_OK && nunits > 1)
        st = zy_diag_fail(&ctx->diag, ZY_ERR_DATA,
                          "the selected facts mix units (%s); pick one with --unit", units.data);
    zy_buf csv;
    zy_buf_init(&csv, 0);
    if (st == ZY_OK && zy_buf_puts(&csv, "subject,value,time,unit\n") != ZY_OK)
        st = ZY_ERR_NOMEM;
    for (size_t i = 0; st == ZY_OK && i < sel.n; i++) {
        const picked *p = &sel.rows[i];
        if (zy_csv_put_field(&csv, p->subject) || zy_buf_printf(&csv, ",%.17g,", p->value) ||
            zy_csv_put_field(&csv, p->time[0] ? p->time : "-") || zy_buf_putc(&csv, ',') ||
            zy_csv_put_field(&csv, p->unit) || zy_buf_putc(&csv, '\n'))
            st = ZY_ERR_NOMEM;
    }
    if (st == ZY_OK)
        st = zy_csv_parse(&ctx->diag, "stored facts", csv.data, csv.len, ',', out);
    if (st == ZY_OK && unit_label && sel.n) {
        const char *label = zy_unit_label(sel.rows[0].unit, sel.rows[0].counter);
        if (label && !(*unit_label = strdup(label)))
            st = ZY_ERR_NOMEM;
    }
    if (st == ZY_ERR_NOMEM && ctx->diag.status == ZY_OK)
        zy_diag_fail(&ctx->diag, st, "out of memory");
    for (size_t i = 0; i < sel.n; i++)
        free(sel.rows[i].subject), free(sel.rows[i].time), free(sel.rows[i].unit), free(sel.rows[i].counter);
    free(sel.rows);
    zy_buf_free(&units);
    zy_buf_free(&csv);
    return st;
}
