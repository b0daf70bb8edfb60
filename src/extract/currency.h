/*
 * currency.h: money words of the figure grammar, from data/currencies.tsv (turned into a C
 * table at build time by currencies.cmake): unit names after a number (ドル, 人民元, ルピア),
 * symbols before it ($, US$, €, ¥), and sub-units after a whole amount (銭, セント, 角).
 * Pure; may call libc and extract/charset only.
 */
#ifndef ZY_CURRENCY_H
#define ZY_CURRENCY_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/charset.h"

/* The longest currency name or symbol starting at t[at] (a symbol after a number is read for
 * table headers such as 百万US$): its length, or 0; *code gets its ISO 4217 code (a static
 * string). A name ending in a Latin letter (USD) must not run on into another letter. */
size_t zy_currency_after(const char *t, size_t len, size_t at, const char **code);

/* The longest currency symbol ending right before t[at] ("US$" in "US$3.5"): its length, or
 * 0; *code gets its code. A symbol starting with a Latin letter must not follow another. */
size_t zy_currency_before(const char *t, size_t at, const char **code);

/* A sub-unit of code starting at t[at] ("銭" after 円): its length, or 0; *worth gets what
 * one of it is worth in code's unit (0.01). */
size_t zy_currency_subunit(const char *t, size_t len, size_t at, const char *code, double *worth);

/* Add the first characters of the names and symbols read after a number to set, and the
 * last characters of the symbols read before one to before_last (for the grammar's one-bit
 * pre-tests). */
void zy_currency_add_chars(zy_charset *after_first, zy_charset *before_last);

#endif
