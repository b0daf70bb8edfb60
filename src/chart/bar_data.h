/*
 * bar_data.h: the numbers of a bar chart, taken from a table by column names and checked:
 * categories (one per row, or per distinct label with groups), groups, values, colour keys.
 * Sorting and --top are applied here; ranks are read best first (1位 before 2位), their
 * groups put in time order when their names are years. May call: util, data.
 */
#ifndef ZY_BAR_DATA_H
#define ZY_BAR_DATA_H

#include "data/table.h"

typedef struct zy_bar_data {
    size_t ncat, ngroup;
    char **categories;     /* ncat labels (owned) */
    char **groups;         /* ngroup names; one "" group when there is no group column */
    double *values;        /* ncat * ngroup, row-major by category */
    bool *present;         /* ncat * ngroup: false where a category lacks a group */
    char **color_names;    /* ncolor distinct values of the colour column, first-seen order */
    size_t ncolor;
    size_t *category_color;/* ncat indexes into color_names (NULL without --color) */
    char **qualifier_names;/* nqualifier distinct values of the qualifier column */
    size_t nqualifier;
    size_t *category_qualifier; /* ncat indexes into qualifier_names (NULL without one) */
    bool has_groups, stack;
    bool rank;             /* the values are ranks (unit 位): 1 is best; groups in time order */
    bool percent;          /* the values are percentages (cells with %, --percent, 100 % stacks) */
    bool *highlight;       /* ncat: drawn in the accent colour (NULL without --highlight) */
} zy_bar_data;

/* Is unit the unit of a rank ("位", "順位", "rank")? NULL is not. */
bool zy_unit_is_rank(const char *unit);

/* Read the columns named in options from table. Errors name file:line and the column. */
zy_status zy_bar_data_from_table(zy_diag *diag, const zy_table *table,
                                 const zy_bar_options *options, zy_bar_data **out);
void zy_bar_data_destroy(zy_bar_data *data);

/* Parse a table cell as a finite number ("2,174", " 3.5 ", "-12", "▲150" and "△150" (negative),
 * "−12" (U+2212), full-width "１２３", "42.5%"); false when it is not. */
bool zy_parse_cell_number(const char *text, double *out, const char **why);
/* The same, telling whether the cell ended in a percent sign (percent may be NULL). */
bool zy_parse_cell_number_ex(const char *text, double *out, bool *percent, const char **why);

/* A reference line "VALUE" or "VALUE:LABEL" (VALUE as a cell: 50, 42.5%, ▲10; with percent a
 * bare VALUE is a fraction). *label points into text ("" without one). False when bad. */
bool zy_bar_parse_ref(const char *text, bool percent, double *value, const char **label);

/* Sum of a category's values (for sorting and stacks). */
double zy_bar_data_total(const zy_bar_data *data, size_t category);

#endif
