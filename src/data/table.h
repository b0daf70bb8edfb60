/*
 * table.h: the in-memory table that CSV/TSV input becomes (private layout of zy_table).
 * Cells are NUL-terminated strings in one arena; each keeps the line it started on.
 * May call: util.
 */
#ifndef ZY_TABLE_H
#define ZY_TABLE_H

#include "util/buf.h"
#include "util/diag.h"

struct zy_table {
    char *name;            /* the file name used in messages */
    size_t ncols;
    size_t nrows;          /* data rows, header excluded */
    size_t *cell_offset;   /* (nrows + 1) * ncols offsets into arena; row 0 is the header */
    size_t *cell_line;     /* same shape: 1-based line where the cell starts */
    zy_buf arena;          /* cell bytes, each NUL-terminated; offset 0 holds "" */
};

/* Parse CSV/TSV bytes into a table; errors go to diag with name:line:column. */
zy_status zy_csv_parse(zy_diag *diag, const char *name, const char *bytes, size_t len, char sep,
                       struct zy_table **out);

/* Append s to b as one quoted CSV field ("" for a quote); NULL writes an empty field. */
ZY_MUST_CHECK zy_status zy_csv_put_field(zy_buf *b, const char *s);

#endif
