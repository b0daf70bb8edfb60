/*
 * table.c: accessors and destruction of zy_table (the parser lives in csv.c).
 */
#include "data/table.h"

#include <stdlib.h>
#include <string.h>

void zy_table_destroy(zy_table *table)
{
    if (!table)
        return;
    free(table->name);
    free(table->cell_offset);
    free(table->cell_line);
    zy_buf_free(&table->arena);
    free(table);
}

size_t zy_table_row_count(const zy_table *table) { return table->nrows; }
size_t zy_table_column_count(const zy_table *table) { return table->ncols; }

const char *zy_table_header(const zy_table *table, size_t column)
{
    if (column >= table->ncols)
        return "";
    return table->arena.data + table->cell_offset[column];
}

long zy_table_find_column(const zy_table *table, const char *name)
{
    for (size_t c = 0; c < table->ncols; c++) {
        const char *h = zy_table_header(table, c);
        /* tolerate spaces around header names */
        while (*h == ' ')
            h++;
        size_t n = strlen(h);
        while (n && h[n - 1] == ' ')
            n--;
        if (n == strlen(name) && memcmp(h, name, n) == 0)
            return (long)c;
    }
    return -1;
}

const char *zy_table_cell(const zy_table *table, size_t row, size_t column)
{
    if (row >= table->nrows || column >= table->ncols)
        return "";
    return table->arena.data + table->cell_offset[(row + 1) * table->ncols + column];
}

size_t zy_table_cell_line(const zy_table *table, size_t row, size_t column)
{
    if (row >= table->nrows || column >= table->ncols)
        return 0;
    return table->cell_line[(row + 1) * table->ncols + column];
}
