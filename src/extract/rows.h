/*
 * rows.h: what the block readers (tables.c, grid.c, lists.c) share: recording a table with
 * its caption, the subject of a row or list item (a dictionary entity, a bracketed alias
 * learnt on the fly, a bracketed country), the year a caption names, and the article's lead
 * year for figures that state none. May call: extract (scan, figure, entities), util.
 */
#ifndef ZY_ROWS_H
#define ZY_ROWS_H

#include "extract/scan.h"

/* Record a table beginning at normalised offset start with the caption [a, b) (a == b: none);
 * returns its id, or -1 when out of memory (s->status is set). */
long zy_rows_add_table(zy_scan_state *s, size_t start, size_t a, size_t b);

/* The subject of the name [a, b), with an optional bracketed alias [alias_a, alias_b): the
 * dictionary entity of either; an unknown name with an alias teaches the alias. */
zy_subject zy_rows_subject(zy_scan_state *s, size_t a, size_t b, size_t alias_a, size_t alias_b);

/* The canonical name when t[a, b) (brackets allowed) is a country of the dictionary, or NULL. */
const char *zy_rows_country(zy_scan_state *s, size_t a, size_t b);

/* The first year written in t[a, b) (2024年, 2024年度, FY2024, 令和5年, 20年, a bare 2024
 * between 1800 and 2100 when allow_bare), or 0. */
int zy_rows_year_in(const zy_scan_state *s, size_t a, size_t b, bool allow_bare);

/* The article's lead year: the first four-digit year of the text that is not a limit
 * (…年まで, …年以来), or a bare year in its title ("ランキング2024"), or 0. Figures of tables and
 * lists that name no time refer to it. */
int zy_rows_lead_year(zy_scan_state *s);

/* The period a caption names: the year of its first full date and that date's month
 * ("2024年1月時点" → 2024, month 1), else zy_rows_year_in's year with month 0; 0 when none. */
int zy_rows_period_in(const zy_scan_state *s, size_t a, size_t b, int *month);

/* ISO time of a year and month ("2024-01"; "2024" when month is 0; "" for year 0). */
void zy_rows_time_iso(int year, int month, char out[16]);

/* ISO time of a year ("2024"); "" for 0. */
void zy_rows_year_iso(int year, char out[16]);

/* The length of a list bullet (-, ・, •, ○, ●, ◆, ■, *, numbering such as "1. " or "2)"; ※
 * not) and the blanks after it at the start of t[a, b), or 0. */
size_t zy_list_bullet_at(const char *t, size_t a, size_t b);

/* A unit or scale said in t[a, b): a part of a bracket (between its 、), the text after 単位:
 * or 単位は, or the whole range, read as the figure "1<unit>" (百万円 → 1e6 JPY, 百万US$ → 1e6
 * USD; "10億米ドル" as written). A unit other than % wins: "単位:億円、%" is 億円. The unit word
 * alone is never a figure: callers scale bare numbers with it. */
bool zy_rows_unit_in(const char *t, size_t a, size_t b, zy_figure *unit);

/* Does t[a, b) contain word? */
bool zy_rows_contains(const char *t, size_t a, size_t b, const char *word);

#endif
