/*
 * evaluate.h: precision and recall of extracted facts against annotated gold rows (the
 * gold.tsv format: doc, class R/N/O, kind, value, value_max, unit, time, subject aliases,
 * note), matching the rules of the team's scorer. May call: util, utf8proc.
 */
#ifndef ZY_EVALUATE_H
#define ZY_EVALUATE_H

#include "util/buf.h"
#include "util/diag.h"

typedef struct zy_gold_row {
    char doc[8];
    char cls;              /* 'R', 'N' or 'O' */
    char kind[16];
    bool has_value, has_max;
    double value, value_max;
    char unit[16];
    char time[16];
    char **aliases;        /* normalised (NFKC, lower case, no spaces/brackets) */
    size_t naliases;
    char *note;
} zy_gold_row;

typedef struct zy_gold {
    zy_gold_row *rows;
    size_t nrows, cap;
} zy_gold;

zy_status zy_gold_load(zy_gold *gold, zy_diag *diag, const char *path);
void zy_gold_free(zy_gold *gold);

/* Totals over documents. */
typedef struct zy_eval_totals {
    size_t r_hit, r_n, v_hit, v_n, tp, fp;
} zy_eval_totals;

/* Score the facts of one document (doc id = first three characters of its file name) and
 * append a report line (and, when verbose, the misses) to report. */
zy_status zy_evaluate_document(const zy_gold *gold, const zy_document *doc, bool verbose,
                               zy_buf *report, zy_eval_totals *totals);

#endif
