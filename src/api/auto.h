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
    char *text;         /* the figure as written */
    bool approx;        /* 約 … */
    zy_bound bound;     /* 以上/超, 以下/未満 */
    double confidence;  /* how sure the extractor is of owner, measure and time (0–1; -1 unknown) */
    char *basis;        /* which reader and rule gave them */
    char *caveat;       /* threshold, hypothetical: nobody's value (NULL for most) */
    char time[16];
    bool time_settled;  /* time not written with it: the one time its article gives the measure */
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

/* A fact that could have been drawn and was not, with the reason (for the manifest). */
typedef struct auto_left_out {
    const auto_fact *fact;
    char reason[96];
} auto_left_out;

typedef struct auto_plan {
    auto_chart *charts;
    size_t n, cap;
    auto_left_out *left;
    size_t nleft, leftcap;
} auto_plan;

/* ---- auto_select.c: what may be drawn, and what may share a chart ---- */
typedef enum auto_owner_type { AUTO_OWNER_ORG = 0, AUTO_OWNER_COUNTRY } auto_owner_type;
auto_owner_type auto_owner_type_of(const auto_fact *f);
/* NULL when f may be drawn; else why not, written into why. */
const char *auto_unusable(const auto_fact *f, double min_confidence, char *why, size_t cap);
/* Order facts so that those one chart may show are adjacent (0: comparable): measure, unit,
 * counter, kind, owner type, time, and the article unless measure and time are both known. */
int auto_compare_measure(const auto_fact *a, const auto_fact *b);
/* 企業価値 for valuation …; NULL for a measure without a title. */
const char *auto_measure_title(const char *measure);
/* "2025年1月時点", "2024年", "" for an ISO time. */
void auto_time_phrase(const char *iso, char *out, size_t cap);
/* Can a table's caption be a chart's title (short, not a sentence, not a source line)? */
bool auto_caption_is_title(const char *caption);
/* A figure written without its time takes the time of the article's other figures of the same
 * measure, unit and owner type when they all have one and the same (2024年のシェア: アップル
 * 18.7%, サムスン電子 18.0%). */
zy_status auto_settle_times(auto_facts *facts);
/* The first 24 characters of a title, with … when cut. */
void auto_short_title(const char *title, char *out, size_t cap);

void auto_facts_free(auto_facts *f);
void auto_plan_free(auto_plan *p);

/* Read the stored facts of the given documents. */
zy_status auto_load_facts(zy_context *ctx, zy_store *store, const char *const *docs, size_t ndocs,
                          auto_facts *out);
/* Plan every chart the facts support. */
zy_status auto_plan_charts(zy_context *ctx, zy_store *store, const auto_facts *facts,
                           double min_confidence, auto_plan *plan);
/* Render the charts and write manifest.json and index.html into the output folder. */
zy_status auto_write(zy_context *ctx, const auto_plan *plan, const zy_auto_options *o);

#endif
