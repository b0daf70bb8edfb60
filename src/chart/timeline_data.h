/*
 * timeline_data.h: the events of a timeline, read from table columns: a date at year, month
 * or day precision, a label, an optional lane. May call: util, data.
 */
#ifndef ZY_TIMELINE_DATA_H
#define ZY_TIMELINE_DATA_H

#include "data/table.h"

typedef enum zy_precision { ZY_PRECISION_YEAR = 1, ZY_PRECISION_MONTH, ZY_PRECISION_DAY } zy_precision;

typedef struct zy_event {
    char *label;
    char *date_text;          /* as a reader sees it: 2025年1月20日, 2024年9月, 2019年 */
    int year, month, day;
    zy_precision precision;
    double start, end;        /* days since 1970-01-01; end > start for a year or month */
    size_t lane;
} zy_event;

typedef struct zy_timeline_data {
    zy_event *events;         /* sorted by start, then label */
    size_t nevent;
    char **lanes;             /* lane names in first-seen order; one "" lane without a column */
    size_t nlane;
    bool has_lanes;
    double from, to;          /* the axis range in days (from --from/--to or the events) */
} zy_timeline_data;

/* Days since 1970-01-01 of a civil date. */
double zy_days_from_civil(int y, int m, int d);
/* Parse 2025-01-20, 2025-01, 2025, 2025/1/20, 2025年1月20日, 2025年1月, 2025年. */
bool zy_parse_event_date(const char *text, int *y, int *m, int *d, zy_precision *p);

zy_status zy_timeline_data_from_table(zy_diag *diag, const zy_table *table,
                                      const zy_timeline_options *o, zy_timeline_data **out);
void zy_timeline_data_destroy(zy_timeline_data *d);

#endif
