/*
 * auto.h: private pieces of `zuhyo auto`: the facts of the articles in memory, the charts
 * planned from them, and writing charts, manifest.json and index.html.
 * May call: every lower layer.
 */
#ifndef ZY_AUTO_H
#define ZY_AUTO_H

#include "api/context.h"
#include "util/buf.h"

/* A stored fact, copied out of the store. */
typedef struct auto_fact {
    long id;
    char *doc, *doc_title;
    zy_fact_kind kind;
    double value;
    bool has_value;
    char *unit, *counter, *subject, *country, *measure, *source, *sentence;
    char time[16];
    long table_id, row, col;
} auto_fact;

typedef struct auto_facts {
    auto_fact *items;
    size_t n, cap;
} auto_facts;

typedef enum auto_type { AUTO_BAR, AUTO_TIMELINE, AUTO_RANK_CHANGE } auto_type;

/* One row of a chart: a bar, a dot of a dumbbell, an event. */
typedef struct auto_row {
    char *label;
    char *group;        /* the time of a rank-change row; NULL otherwise */
    double value;
    bool has_value;
    char unit[16];
    char time[16];
    long facts[8];      /* ids of the facts behind it */
    size_t nfacts;
    const auto_fact *first; /* for the gallery: sentence and article */
} auto_row;

typedef struct auto_chart {
    auto_type type;
    char *title;
    char *source;       /* "出典: <article title>" */
    char *unit_label;   /* ドル, 人, 位 … */
    bool color_by_country;
    auto_row *rows;
    size_t nrows, cap;
    char slug[96];
} auto_chart;

typedef struct auto_plan {
    auto_chart *charts;
    size_t n, cap;
} auto_plan;

void auto_facts_free(auto_facts *f);
void auto_plan_free(auto_plan *p);

/* Read the stored facts of the given documents. */
zy_status auto_load_facts(zy_context *ctx, zy_store *store, const char *const *docs, size_t ndocs,
                          auto_facts *out);
/* Plan every chart the facts support. */
zy_status auto_plan_charts(zy_context *ctx, zy_store *store, const auto_facts *facts,
                           auto_plan *plan);
/* The gallery index.html (auto_gallery.c): its head, one section per chart (image is the
 * chart's file name in the same folder), then its tail. Append to html; ZY_ERR_NOMEM on failure.
 * corrections (may be NULL) is the corrections file the charts were drawn with: the page keeps
 * its lines at the top of the file it saves (a read error is reported in ctx). */
zy_status auto_gallery_begin(zy_context *ctx, zy_buf *html, const char *corrections);
zy_status auto_gallery_section(zy_buf *html, const auto_chart *c, const char *image);
zy_status auto_gallery_end(zy_buf *html);
/* Render the charts and write manifest.json and index.html into the output folder. */
zy_status auto_write(zy_context *ctx, const auto_plan *plan, const zy_auto_options *o);

#endif
