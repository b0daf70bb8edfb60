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
    const char *planned_title; /* the title as planned when a rename correction changed it, else
                                  NULL; owned by the auto_corrections, which outlive the plan */
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
    const struct auto_correction_log *corrections; /* for the manifest; NULL without a file */
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
/* The gallery index.html (auto_gallery.c): its head, one section per chart (image is the
 * chart's file name in the same folder), then its tail. Append to html; ZY_ERR_NOMEM on failure.
 * corrections (may be NULL) is the corrections file the charts were drawn with: the page keeps
 * its lines at the top of the file it saves (a read error is reported in ctx). */
zy_status auto_gallery_begin(zy_context *ctx, zy_buf *html, const char *corrections);
zy_status auto_gallery_section(zy_buf *html, const auto_chart *c, const char *image);
zy_status auto_gallery_end(zy_buf *html);
/* Render the charts and write manifest.json and index.html into the output folder. */
zy_status auto_write(zy_context *ctx, const auto_plan *plan, const zy_auto_options *o);

/* ---- corrections (auto_corrections.c; the format is in README "Correcting a chart") ---- */

/* What one line of the corrections file did, for the manifest. */
typedef struct auto_correction_entry {
    long line;
    const char *action;  /* "drop", "owner", "value", "measure", "time", "merge", "rename" */
    size_t matched;      /* facts (or charts) it changed; 0 after a warning */
} auto_correction_entry;

typedef struct auto_correction_log {
    auto_correction_entry *items; /* in file order */
    size_t n;
} auto_correction_log;

typedef struct auto_corrections auto_corrections;

/* Read and check a corrections file. ZY_ERR_IO when it cannot be read; ZY_ERR_USAGE with
 * "PATH:LINE: …" when a line is wrong. *out is NULL on failure. */
zy_status auto_corrections_read(zy_context *ctx, const char *path, auto_corrections **out);
/* The same for text in memory; name stands for the path in messages. */
zy_status auto_corrections_parse(zy_context *ctx, const char *name, const char *text, size_t len,
                                 auto_corrections **out);
/* Apply the fact corrections in file order (a later line sees what earlier lines set). Dropped
 * facts are taken out of facts (kept by corr until destroyed); owner, value, measure, time and
 * merge edit the facts in memory, and an edited fact gets confidence 1 and the basis
 * "correction FILE:LINE". store (may be NULL) gives the subject as written, for subject=.
 * Warns "PATH:LINE: matches no fact". corr may be NULL. */
zy_status auto_corrections_apply_facts(zy_context *ctx, zy_store *store, auto_corrections *corr,
                                       auto_facts *facts);
/* Apply rename and drop chart=…, matching the planned titles, and point plan->corrections at
 * the log. Dropped charts leave plan. Warns "PATH:LINE: matches no chart". corr may be NULL. */
zy_status auto_corrections_apply_plan(zy_context *ctx, auto_corrections *corr, auto_plan *plan);
const auto_correction_log *auto_corrections_log(const auto_corrections *corr);
/* Accepts NULL. Destroy after the plan: charts may point at its strings. */
void auto_corrections_destroy(auto_corrections *corr);

#endif
