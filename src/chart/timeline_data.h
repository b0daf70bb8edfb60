/*
 * timeline_data.h: the events of a timeline, read from table columns: a date that is a day
 * (a dot) or a period (a band: a year, a fiscal year 年度, a half, a quarter, a month or a run
 * of months), written in the shapes Japanese tables use, a label, an optional lane.
 * May call: util, data.
 */
#ifndef ZY_TIMELINE_DATA_H
#define ZY_TIMELINE_DATA_H

#include "data/table.h"

typedef enum zy_precision {
    ZY_PRECISION_YEAR = 1, ZY_PRECISION_MONTH, ZY_PRECISION_DAY,
    ZY_PRECISION_FISCAL_YEAR, /* 2024年度, FY2024, 令和6年度: April to March */
    ZY_PRECISION_HALF,        /* 2024年上期, 2024年度下期, 2024H1 */
    ZY_PRECISION_QUARTER,     /* 2024年第2四半期, 2024Q2, 2024年度第1四半期, FY2024Q1 */
    ZY_PRECISION_MONTHS,      /* 2024年4〜6月(期) */
    ZY_PRECISION_TEN_DAYS     /* 2025年1月上旬 (1–10日), 中旬 (11–20日), 下旬 (21日–); day is its first */
} zy_precision;

/* A date as read from a cell. */
typedef struct zy_event_date {
    int year, month, day;   /* the Western year; month and day 0 when not written. For a
                               period, year and month are those of its first month */
    zy_precision precision;
    double start, end;      /* days since 1970-01-01; end == start for a day, else the day
                               after the period's last */
    char text[64];          /* as a reader sees it: 2025年1月20日, 2024年度, 令和6年4月 */
} zy_event_date;

typedef struct zy_event {
    char *label;
    char *date_text;          /* zy_event_date.text */
    int year, month, day;
    zy_precision precision;
    double start, end;        /* days since 1970-01-01; end > start for a period */
    size_t lane;
} zy_event;

typedef struct zy_timeline_data {
    zy_event *events;         /* sorted by start, then end, then label */
    size_t nevent;
    char **lanes;             /* lane names in first-seen order; one "" lane without a column */
    size_t nlane;
    bool has_lanes;
    double from, to;          /* the axis range in days (from --from/--to or the events) */
} zy_timeline_data;

/* Days since 1970-01-01 of a civil date. */
double zy_days_from_civil(int y, int m, int d);
/* The civil date of a day count. */
void zy_civil_from_days(double days, int *y, int *m, int *d);

/* Read a date: 2025-01-20, 2025/1/20, 2025.1.20, 2025年1月20日(月), 24/05/13 (a two-digit
 * year only in this three-part shape, read as 2024), 2025-01, 2025年1月, 2025, 2025年,
 * 2024年度, FY2024, 2024年度上期, 2024年第2四半期, 2024Q2, 2024-Q2, FY2024Q1, 2024年4〜6月期,
 * 2025年1月上旬/中旬/下旬,
 * and era dates: 令和6年4月1日, 令和元年, 平成27年度, R6.4.1, H27年度. Full-width digits are
 * accepted. On failure returns false and writes why into why (why_cap bytes; why may be NULL
 * when why_cap is 0): an impossible day, a month out of range, a date outside its era. */
bool zy_parse_event_date(const char *text, zy_event_date *out, char *why, size_t why_cap);

zy_status zy_timeline_data_from_table(zy_diag *diag, const zy_table *table,
                                      const zy_timeline_options *o, zy_timeline_data **out);
void zy_timeline_data_destroy(zy_timeline_data *d);

#endif
