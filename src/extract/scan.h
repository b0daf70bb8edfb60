/*
 * scan.h: private state shared by the extraction passes over one document: the normalised
 * text, the entity dictionary, the facts found so far, and the discourse topic.
 * May call: util, extract (normalize, figure, entities).
 */
#ifndef ZY_SCAN_H
#define ZY_SCAN_H

#include "extract/entities.h"
#include "extract/figure.h"
#include "extract/normalize.h"
#include "util/pool.h"

/* A line of the normalised text, without its '\n'; what the table and list passes ask of
 * every line is found once, when the lines are split. */
typedef struct zy_line {
    size_t start, end;
    bool blank;               /* only spaces and tabs */
    bool period;              /* has a 。 (a sentence, not a heading or a table row) */
} zy_line;

/* The strings of the last subject recorded, shared by the facts that follow with the same. */
typedef struct zy_subject_copy {
    size_t start, end;        /* the subject's range in the normalised text */
    long entity;
    const char *country_given;
    char *subject, *subject_text, *country; /* in the batch's pool; subject_text NULL: none */
} zy_subject_copy;

/* Where a subject was found: a range of the normalised text and its dictionary entity. */
typedef struct zy_subject {
    size_t start, end;        /* end == 0: no subject */
    long entity;              /* -1: not in the dictionary */
    const char *country;      /* table rows: the row's country name, or NULL */
    const char *basis;        /* the rule that found it ("name-before", "table-caption", …): a
                                 static string; NULL: the reader's usual (table-row, list-item…) */
} zy_subject;

typedef struct zy_scan_state {
    zy_diag *diag;
    zy_entities *entities;
    const char *bytes;        /* the original file */
    size_t nbytes;
    zy_norm_text norm;        /* normalised text with its offset map */
    zy_document *doc;
    zy_pool *strings;         /* where the facts' strings go (doc->strings) */
    size_t sentence_norm_a, sentence_norm_b; /* normalised range of the last sentence, … */
    size_t sentence_a, sentence_b; /* … its original range without blanks … */
    char *sentence;           /* … and its copy, shared by the facts of that sentence */
    zy_subject_copy subject_copy;
    size_t fact_cap;
    int doc_year;             /* year for dates written without one (0: unknown) */
    int doc_month;
    int doc_day;              /* the article's day (0: unknown), for 6日 and 昨日 (extract/dateline.c) */
    bool dated;               /* the article's own date is known (--date or a date line):
                                 今年, 昨年, 今月 can be resolved */
    zy_line *lines;           /* the lines of the normalised text */
    size_t nlines;
    bool *line_taken;         /* lines consumed by tables and lists */
    size_t topic_start, topic_end; /* last entity that was a sentence topic (end 0: none) */
    long topic_entity;
    struct topic_marker *markers; /* prose: the current sentence's topic markers */
    size_t marker_cap;
    size_t learnt_names;      /* NAME(ALIAS) pairs the block readers taught (capped) */
    int lead_year;            /* zy_rows_lead_year, once lead_year_known */
    bool lead_year_known;
    zy_subject article_owner; /* the article's own company (owner_block.c), end 0: unknown */
    /* record.c's memory of the last sentence and label it looked at (a table's facts share a
     * row label, a sentence's facts their sentence) */
    size_t kari_sentence_a, kari_sentence_b, kari_at;
    bool kari_known;
    size_t label_a, label_b;
    int label_kind;
    bool label_known;
    zy_status status;         /* first failure */
    /* hands the facts found so far to the caller and empties doc (facts, captions, strings),
     * so a batch's facts need not all be held at once; NULL: keep them */
    zy_status (*flush)(void *flush_data);
    void *flush_data;
} zy_scan_state;


/* The line holding normalised offset pos (0 when there are no lines), found by halving. */
size_t zy_line_at(const zy_scan_state *s, size_t pos);

/* Append copies of tables[0..n) to into's tables. */
zy_status zy_tables_append(zy_document *into, const zy_table_info *tables, size_t n);
/* Free doc's tables and empty the list. */
void zy_tables_clear(zy_document *doc);

/* Record a fact. sentence_* is a range of normalised text; time may be "". */
void zy_scan_add(zy_scan_state *s, const zy_figure *f, const zy_subject *subject,
                 const char *measure, const char *source, size_t sentence_start,
                 size_t sentence_end, const char *time, long table_id, long row, long col);

/* ISO time of a date figure ("2025-01-20", "2025-01", "2024", "--01-20"). */
void zy_scan_date_iso(const zy_scan_state *s, const zy_figure *f, char out[16]);

/* The measure a figure's surroundings name (valuation, funding, …), or NULL. */
const char *zy_measure_near(const char *text, size_t clause_start, size_t fig_start,
                            size_t fig_end, size_t clause_end, zy_fact_kind kind);

/* The article's own date wherever it is printed (year 0: a dateline without one); false: none.
 * Dates news writes against it (6日、, 今月9日, 昨日) at t[i], false when none or when the
 * article's month is not known; the year of a month-day written without one (dateline.c). */
bool zy_find_article_date(const zy_scan_state *s, int *year, int *month, int *day);
bool zy_news_date_at(const zy_scan_state *s, const char *t, size_t se, size_t i, zy_figure *f);
void zy_settle_date_year(const zy_scan_state *s, const char *t, size_t se, zy_figure *f);

/* owner_block.c: whose is a figure on a row labelled by an attribute (売上高, 資本金) at
 * normalised offset at: a profile's name row or a heading above it, else the article's company;
 * false when none is known. zy_find_article_owner finds the article's company for it. */
bool zy_block_owner(const zy_scan_state *s, size_t at, zy_subject *out);
void zy_find_article_owner(zy_scan_state *s);

/* Passes. */
void zy_scan_tables(zy_scan_state *s);
void zy_scan_chronology(zy_scan_state *s);
void zy_scan_lists(zy_scan_state *s);
void zy_scan_grid(zy_scan_state *s);
void zy_scan_prose(zy_scan_state *s);
void zy_scan_numbers(zy_scan_state *s); /* scan --numbers: bare numbers (extract/numbers.c) */

#endif
