/*
 * zuhyo.h: the whole public API of libzuhyo.
 *
 * zuhyo reads tables (and, later, Japanese news text), lays out charts with Pango-measured
 * Japanese labels and renders them to PNG, SVG or PDF through Cairo. Objects are opaque
 * handles with paired create/destroy functions; destroy accepts NULL. Functions return a
 * zy_status; the detail (with file, line and column where the input has them) is kept by
 * the context and read with zy_errmsg(). The library never prints and never exits.
 */
#ifndef ZUHYO_H
#define ZUHYO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ZUHYO_VERSION_STRING "0.1.0"

/* Status codes. Append only: scripts may compare the numbers. */
typedef enum zy_status {
    ZY_OK = 0,
    ZY_ERR_NOMEM = 1,   /* out of memory, or a size cap was hit */
    ZY_ERR_USAGE = 2,   /* an option or argument is invalid */
    ZY_ERR_IO = 3,      /* a file could not be read or written */
    ZY_ERR_PARSE = 4,   /* the input is malformed (CSV, UTF-8, JSON) */
    ZY_ERR_DATA = 5,    /* the input is well-formed but cannot be charted */
    ZY_ERR_FONT = 6,    /* fonts could not be configured, or a glyph is missing (strict) */
    ZY_ERR_RENDER = 7,  /* Cairo or the PNG encoder failed */
    ZY_ERR_LIMIT = 8,   /* the input is too large for the requested output */
    ZY_ERR_DB = 9       /* the SQLite store failed or is not zuhyo's */
} zy_status;

/* A short English name for a status ("data error"); never NULL. */
const char *zy_status_str(zy_status status);

/* ---- Context: fonts and error messages ------------------------------------------------ */

typedef struct zy_context zy_context;

/* Called for each warning (e.g. characters no font can draw); msg is valid during the call. */
typedef void (*zy_warn_fn)(void *user_data, const char *msg);

typedef struct zy_context_options {
    const char *font_dir;     /* extra folder of font files, or NULL */
    const char *font_family;  /* face to use; NULL means "BIZ UDPGothic" */
    bool strict_fonts;        /* a character no font can draw is an error, not a warning */
    zy_warn_fn warn;          /* warning sink, or NULL to drop warnings */
    void *warn_user_data;
} zy_context_options;

void zy_context_defaults(zy_context_options *options);

/* Create a context. On failure returns non-OK and, when memory allowed, still stores a
 * context in *out whose zy_errmsg() explains why; the caller destroys it either way. */
zy_status zy_context_create(const zy_context_options *options, zy_context **out);
void zy_context_destroy(zy_context *ctx);

/* The message of the last failed call on ctx, "" when none. Owned by ctx. */
const char *zy_errmsg(const zy_context *ctx);

/* A human-readable report of the font configuration: each face and the files it resolves
 * to, with versions. The returned string is malloc'd; the caller frees it. */
zy_status zy_context_describe_fonts(zy_context *ctx, char **out_text);

/* ---- Tables --------------------------------------------------------------------------- */

typedef struct zy_table zy_table;

/* Read a CSV or TSV file with a header row ("-" reads stdin). UTF-8, BOM tolerated, RFC 4180
 * quoting. The separator is a tab for *.tsv or when the header line holds a tab. */
zy_status zy_table_read_file(zy_context *ctx, const char *path, zy_table **out);

/* The same from memory; name is used in messages. sep 0 means detect. */
zy_status zy_table_parse(zy_context *ctx, const char *name, const char *bytes, size_t len,
                         char sep, zy_table **out);
void zy_table_destroy(zy_table *table);

size_t zy_table_row_count(const zy_table *table);
size_t zy_table_column_count(const zy_table *table);
const char *zy_table_header(const zy_table *table, size_t column);
/* The column whose header equals name, or -1. */
long zy_table_find_column(const zy_table *table, const char *name);
/* Cell text, "" for a missing trailing cell. */
const char *zy_table_cell(const zy_table *table, size_t row, size_t column);
/* 1-based line of the cell's start in the file, for messages. */
size_t zy_table_cell_line(const zy_table *table, size_t row, size_t column);

/* ---- Number formatting ---------------------------------------------------------------- */

typedef enum zy_number_format {
    ZY_NUMBER_JA = 0,  /* 33億ドル, 5,000億ドル, 14兆円, 2,174 */
    ZY_NUMBER_EN,      /* 3.3B */
    ZY_NUMBER_RAW      /* 3300000000 */
} zy_number_format;

/* Format value into out (NUL-terminated, truncated to cap). unit may be NULL.
 * Returns the length the full text needs, like snprintf. */
size_t zy_format_number(char *out, size_t cap, double value, zy_number_format format,
                        const char *unit);

/* How a negative number is written: U+2212 MINUS SIGN (−420億, the default), or the
 * Japanese accounting triangle (▲420億). */
typedef enum zy_negative_style { ZY_NEGATIVE_MINUS = 0, ZY_NEGATIVE_TRIANGLE } zy_negative_style;

/* zy_format_number with a fixed number of decimals (decimals >= 0; -1 keeps the automatic
 * choice) and a negative style. The sign of a raw number stays an ASCII hyphen. */
size_t zy_format_number_styled(char *out, size_t cap, double value, zy_number_format format,
                               const char *unit, int decimals, zy_negative_style negative);

/* ---- Bar charts ----------------------------------------------------------------------- */

typedef enum zy_orientation { ZY_ORIENT_AUTO = 0, ZY_ORIENT_HORIZONTAL, ZY_ORIENT_VERTICAL } zy_orientation;
typedef enum zy_sort { ZY_SORT_NONE = 0, ZY_SORT_DESC, ZY_SORT_ASC } zy_sort;
typedef enum zy_theme { ZY_THEME_LIGHT = 0, ZY_THEME_DARK } zy_theme;
typedef enum zy_format { ZY_FORMAT_PNG = 0, ZY_FORMAT_SVG, ZY_FORMAT_PDF } zy_format;
typedef enum zy_legend_position {
    ZY_LEGEND_AUTO = 0, ZY_LEGEND_TOP, ZY_LEGEND_RIGHT, ZY_LEGEND_BOTTOM, ZY_LEGEND_NONE
} zy_legend_position;
#define ZY_BAR_MAX_REFS 8
#define ZY_BAR_MAX_HIGHLIGHTS 32

typedef struct zy_bar_options {
    const char *label_column;  /* category names (required) */
    const char *value_column;  /* numbers (required) */
    const char *color_column;  /* category → colour + legend, or NULL */
    const char *group_column;  /* grouped bars (e.g. year), or NULL */
    bool stack;                /* stack the groups instead of placing them side by side */
    zy_orientation orientation;
    zy_sort sort;              /* by value (by the total of a category's groups) */
    size_t top;                /* keep the first N categories after sorting; 0 keeps all */
    bool log_scale;
    zy_number_format number_format;
    const char *unit;          /* appended to value labels and the axis title, or NULL; "位"
                                  (順位, rank) makes a ranking: rows best first (asc: worst
                                  first), dots on an axis from 1位, never bars */
    const char *title, *subtitle, *source;
    zy_theme theme;
    const char *palette;       /* "okabe-ito" (default), "tableau" or comma-separated #rrggbb */
    int width, height;         /* canvas size in pixels (PDF: points) */
    double scale;              /* PNG pixel scale for HiDPI; 1 by default */
    bool dumbbell;             /* with two groups: a dot per group joined by a line (2020 → 2024) */
    const char *qualifier_column; /* how each value was written: 約 (printed before the value
                                     label), 超, 以上, 未満, 以下 (after); or NULL */
    bool svg_text;             /* SVG: labels stay <text> (font subset embedded) to edit them */
    /* ---- look (issue 12); zero/NULL keeps the automatic choice ---- */
    double font_size;          /* category labels' size in canvas units (px; pt in a PDF), 4–200;
                                  titles, values and ticks scale with it; 0: from the canvas */
    bool no_values;            /* no value labels on the bars */
    zy_legend_position legend; /* where the legend goes (AUTO: top, none for one series) */
    const char *value_title;   /* title of the value axis, or NULL */
    const char *category_title;/* title of the category axis, or NULL */
    const char *refs[ZY_BAR_MAX_REFS]; /* reference lines "VALUE" or "VALUE:LABEL" */
    size_t nref;
    const char *highlights[ZY_BAR_MAX_HIGHLIGHTS]; /* categories drawn in the accent colour */
    size_t nhighlight;
    int decimals;              /* decimals of every value label and tick; -1: automatic, one
                                  count per axis (the most any value needs, at most 2) */
    bool percent;              /* values are fractions: 0.425 is drawn as 42.5% */
    zy_negative_style negative;/* −420 (U+2212, default) or ▲420 */
    const char *background;    /* "#rrggbb", or "none" for a transparent PNG/SVG/PDF; NULL: theme */
    bool stack_percent;        /* with stack: every bar is 100 %, its parts are shares */
    bool has_value_min, has_value_max;
    double value_min, value_max; /* the value axis runs at least from min to max */
    int rotate_labels;         /* vertical charts: -1 auto (0, then 45, then 90 when labels do not
                                  fit), or 0, 45, 90 degrees */
} zy_bar_options;

/* Set an option of a bar chart from its command-line name (without "--") and text, as
 * `zuhyo bar` and `zuhyo render` both take them: font-size, no-values, legend, value-title,
 * category-title, ref, highlight, decimals, percent, negative, background, stack (true or
 * percent), value-min, value-max, rotate-labels. value is kept, not copied. False with a
 * message in err for an unknown name or a bad value. */
bool zy_bar_option_set(zy_bar_options *options, const char *name, const char *value, char *err,
                       size_t cap);

void zy_bar_options_defaults(zy_bar_options *options);

typedef struct zy_bar_chart zy_bar_chart;

/* Bind a table to a chart: check columns and values, sort, cut to top. Messages name the
 * file, line and column of a bad cell. */
zy_status zy_bar_chart_create(zy_context *ctx, const zy_table *table,
                              const zy_bar_options *options, zy_bar_chart **out);
void zy_bar_chart_destroy(zy_bar_chart *chart);

/* Render into memory. *out_bytes is malloc'd; the caller frees it. */
zy_status zy_bar_chart_render(zy_context *ctx, zy_bar_chart *chart, zy_format format,
                              unsigned char **out_bytes, size_t *out_len);

/* Render and write path atomically (temporary file beside it, then rename): on failure
 * nothing is left at path. "-" writes to stdout. */
zy_status zy_bar_chart_write(zy_context *ctx, zy_bar_chart *chart, zy_format format,
                             const char *path);

/* The format an output path asks for by its extension; false when unknown. */
bool zy_format_from_path(const char *path, zy_format *out);

/* Write bytes to path atomically (see zy_bar_chart_write). */
zy_status zy_write_file_atomic(zy_context *ctx, const char *path, const void *bytes, size_t len);


/* ---- Figure extraction ---------------------------------------------------------------- */

typedef enum zy_fact_kind {
    ZY_KIND_MONEY = 0, ZY_KIND_COUNT, ZY_KIND_PERCENT, ZY_KIND_RATIO, ZY_KIND_RANK,
    ZY_KIND_DATE, ZY_KIND_AGE, ZY_KIND_DURATION,
    ZY_KIND_NUMBER            /* a bare number with no unit: only with zy_scan_options.numbers */
} zy_fact_kind;

typedef enum zy_bound { ZY_BOUND_NONE = 0, ZY_BOUND_MIN, ZY_BOUND_MAX } zy_bound;

/* One figure found in a document. Strings are owned by the document (NULL when absent). */
typedef struct zy_fact {
    size_t start, end;        /* byte offsets of the figure in the original file */
    zy_fact_kind kind;
    bool has_value, has_value_max;
    double value, value_max;  /* base units: 33億ドル → 3300000000 */
    const char *unit;         /* USD JPY CNY …, count, %, x, rank, years; NULL for dates */
    const char *counter;      /* Japanese counter of a count (人, 機関) */
    bool approx;              /* 約, およそ, 推定, ほど, 程度, 前後 */
    zy_bound bound;           /* 以上/超 → min; 以下/未満/最大/弱 → max */
    char time[16];            /* ISO 8601, partial allowed; "" when unknown */
    char *text;               /* the figure as written */
    char *subject;            /* canonical entity name */
    char *subject_text;       /* the entity as written */
    char *country;            /* subject's country when the source gives it (table rows) */
    const char *measure;      /* valuation, funding, … or NULL */
    const char *source;       /* "prose", "table", "list" or "chronology" */
    const char *basis;        /* the rule that gave the owner: table-row, list-item, topic, … */
    const char *caveat;       /* why it is nobody's value although written: threshold,
                                 hypothetical, forecast, source; NULL for most facts */
    double confidence;        /* 0–1: how sure the extractor is of owner, measure and time */
    char *sentence;           /* the sentence (or table row) it came from */
    size_t sentence_start, sentence_end; /* its byte range in the original file */
    long table_id, table_row, table_col;  /* -1 outside tables */
    long id;                  /* row id in the store; 0 for facts not read from a store */
} zy_fact;

/* A table (or `name: value` list) found in a document. */
typedef struct zy_table_info {
    char *caption;            /* the line above it, "" when it has none */
    size_t start;             /* byte offset of its first line in the file (the caption's) */
} zy_table_info;

typedef struct zy_document {
    char *path;               /* as given */
    char *title;              /* the headline: the first line of the head that reads like one */
    char date[16];            /* the article's date when known (--date or a date line) */
    char hash[17];            /* FNV-1a 64 of the content, hex */
    zy_fact *facts;
    size_t nfacts;
    zy_table_info *tables;    /* the ntables tables found */
    size_t ntables;
    size_t first_table;       /* id of tables[0] (batches of a long file continue ids) */
    struct zy_pool *strings;  /* private: when set, the facts' strings live here, not malloc'd */
    const char *bytes;        /* zy_scan_file batches: the batch's bytes as read, … */
    size_t bytes_start, nbytes; /* … bytes_start of the file onwards (a sink may get a batch in parts) */
} zy_document;

typedef struct zy_scan_options {
    const char *date;         /* article date YYYY-MM-DD for relative dates, or NULL */
    const char *entities;     /* extra entities TSV file, or NULL */
    bool hash;                /* zy_scan_file: hash the content as it is read (zy_last_hash) */
    bool numbers;             /* also record every bare number outside tables and lists
                                 (合計は4万5600 → 45600) as ZY_KIND_NUMBER; not a chart kind */
} zy_scan_options;

/* Is text a day that exists, written YYYY-MM-DD (2024-02-29 yes, 2025-02-29 no)? */
bool zy_valid_day(const char *text);

/* Find the figures of one document (bytes need not be NUL-terminated). Invalid UTF-8 is
 * skipped with a warning; offsets of the rest stay right. */
zy_status zy_scan(zy_context *ctx, const char *path, const char *bytes, size_t len,
                  const zy_scan_options *options, zy_document **out);

/* Receives the facts of a file batch by batch (a batch is a block of about 1 MiB ending at a
 * blank line or line end); the batch is valid during the call. A non-OK return stops the scan
 * and is returned by zy_scan_file. */
typedef zy_status (*zy_fact_sink)(void *user_data, const zy_document *batch);

/* Scan a file ("-" is stdin) in memory independent of its size. The batches' documents carry
 * the path and the title; their hash is "" (the whole file's is known only at the end: see
 * zy_last_hash). */
zy_status zy_scan_file(zy_context *ctx, const char *path, const zy_scan_options *options,
                       zy_fact_sink sink, void *user_data);

/* The content hash of the file the last zy_scan_file call read to its end ("" before). */
const char *zy_last_hash(const zy_context *ctx);

void zy_document_destroy(zy_document *doc);

/* Append the document's facts as JSON Lines (the `scan` record) to a malloc'd string. */
zy_status zy_document_jsonl(zy_context *ctx, const zy_document *doc, char **out, size_t *out_len);

/* Write the document's facts as JSON Lines to out, through a buffer the context keeps between
 * calls (the fast path for long scans). ZY_ERR_IO when writing fails. */
zy_status zy_document_write_jsonl(zy_context *ctx, const zy_document *doc, FILE *out);

const char *zy_fact_kind_name(zy_fact_kind kind);

/* ---- The SQLite store ----------------------------------------------------------------- */

typedef struct zy_store zy_store;

/* Open (creating when missing) a zuhyo database. A file that is not zuhyo's, a read-only,
 * locked or corrupt database, or a path in a missing folder fails with ZY_ERR_DB or
 * ZY_ERR_IO and a message that says which. */
zy_status zy_store_open(zy_context *ctx, const char *path, zy_store **out);
void zy_store_close(zy_store *store);

/* Scan a file and store the document with its facts in one transaction: on any error, or
 * when *interrupted becomes non-zero, the database is left as it was. A document with the
 * same content hash or path is replaced, never duplicated. *nfacts gets the fact count. */
zy_status zy_store_extract(zy_context *ctx, zy_store *store, const char *path,
                           const zy_scan_options *options, volatile const int *interrupted,
                           size_t *nfacts);

typedef struct zy_fact_query {
    const char *kind;      /* money, count, … or NULL */
    const char *measure;   /* valuation, … or NULL */
    const char *subject;   /* canonical name, or a name contained in subject_text */
    const char *doc;       /* path (exact) or a part of it */
    const char *unit;      /* USD, count, … */
    const char *time;      /* ISO prefix */
} zy_fact_query;

/* Remove these documents (by path) and their facts in one transaction. */
zy_status zy_store_forget(zy_context *ctx, zy_store *store, const char *const *paths, size_t n);

/* The caption of table table_no of the document at path; *out is malloc'd ("" when none). */
zy_status zy_store_caption(zy_context *ctx, zy_store *store, const char *path, long table_no,
                           char **out);

/* Stored facts matching the query, in document and offset order, handed to sink one document
 * at a time (the same records as zy_scan). */
zy_status zy_store_facts(zy_context *ctx, zy_store *store, const zy_fact_query *query,
                         zy_fact_sink sink, void *user_data);

/* ---- Selecting stored facts for charts ------------------------------------------------- */

typedef struct zy_select_options {
    zy_fact_query query;     /* which facts */
    bool group_by_time;      /* one row per subject and time (2020 vs 2024), else the latest */
    const char *unit;        /* keep this unit only; NULL: all facts must share one unit */
} zy_select_options;

/* A table with columns subject, value, time, unit (and unit_label: ドル, 円, 人, 位) built
 * from stored facts: one row per subject (the latest time, a table's figure before prose),
 * or per subject and time. Facts without a subject are left out. Mixed units are refused
 * with ZY_ERR_DATA and a message that lists them. */
zy_status zy_select_table(zy_context *ctx, zy_store *store, const zy_select_options *options,
                          zy_table **out, char **unit_label);

/* The word a chart shows for a stored unit (USD → ドル, count → 人 when the counter says so);
 * a static string or NULL. */
const char *zy_unit_label(const char *unit, const char *counter);

/* ---- Timelines ------------------------------------------------------------------------ */

typedef struct zy_timeline_options {
    const char *date_column;   /* days, months, years, 年度/FY, halves, quarters, runs of
                                  months, era dates (README "Timelines"); 24/05/13 is 2024 */
    const char *label_column;
    const char *lane_column;   /* optional: founded, release, policy … drawn as bands */
    const char *from, *to;     /* optional dates bounding the axis (any shape of date_column) */
    const char *title, *subtitle, *source;
    zy_theme theme;
    const char *palette;
    int width, height;
    double scale;
    double font_size;          /* event labels' size in canvas units (px; pt in a PDF), 4–200;
                                  titles, ticks and dates scale with it; 0: from the canvas */
    const char *background;    /* "#rrggbb", "none" (transparent) or NULL (the theme's) */
    bool svg_text;             /* SVG: labels stay <text> (font subset embedded) to edit them */
} zy_timeline_options;

void zy_timeline_options_defaults(zy_timeline_options *options);

typedef struct zy_timeline_chart zy_timeline_chart;

/* Bind a table to a timeline; a bad date names file, line and column. */
zy_status zy_timeline_chart_create(zy_context *ctx, const zy_table *table,
                                   const zy_timeline_options *options, zy_timeline_chart **out);
void zy_timeline_chart_destroy(zy_timeline_chart *chart);
zy_status zy_timeline_chart_render(zy_context *ctx, zy_timeline_chart *chart, zy_format format,
                                   unsigned char **out_bytes, size_t *out_len);
zy_status zy_timeline_chart_write(zy_context *ctx, zy_timeline_chart *chart, zy_format format,
                                  const char *path);

/* A table with columns date, label, lane from the stored date facts that have a subject
 * (label: subject and what happened, 設立/公開; lane: the measure in Japanese). */
zy_status zy_select_events(zy_context *ctx, zy_store *store, const zy_fact_query *query,
                           zy_table **out);

/* ---- The main job: articles to a finished set of charts -------------------------------- */

/* The confidence floor of `zuhyo auto` unless told otherwise: chosen by measuring the rows of
 * its charts against hand-made gold (see README "Confidence"). */
#define ZY_AUTO_MIN_CONFIDENCE 0.6

typedef struct zy_auto_options {
    const char *out_dir;      /* where charts, manifest.json and index.html go ("out") */
    const char *db;           /* the store; NULL means <out_dir>/zuhyo.db */
    bool png, svg, pdf;       /* formats to write (PNG and SVG when none is set) */
    const zy_scan_options *scan;
    int width, height;        /* chart size (1600×900) */
    zy_theme theme;
    volatile const int *interrupted;
    /* called after each article is stored; may be NULL */
    void (*progress)(void *user_data, size_t done, size_t total, const char *path);
    void *progress_user_data;
    const char *corrections;  /* a corrections file (see README "Correcting a chart"), or NULL */
    double min_confidence;    /* facts below it are left out of the charts (listed in the manifest) */
    bool svg_text;            /* SVG charts keep their labels as <text> (font subset embedded) */
} zy_auto_options;

/* Extract the articles, then draw every chart their figures support (one per table, one per
 * measure with three or more subjects in one unit, totals by country, rank changes, a
 * timeline of dated events), and write out_dir/manifest.json and out_dir/index.html. File
 * names are ASCII slugs; nothing is written outside out_dir. *ncharts gets the count. */
zy_status zy_auto(zy_context *ctx, const char *const *articles, size_t narticles,
                  const zy_auto_options *options, size_t *ncharts);

#ifdef __cplusplus
}
#endif
#endif /* ZUHYO_H */
