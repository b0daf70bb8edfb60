/*
 * csv.c: RFC 4180 CSV and TSV reader with a header row. UTF-8 only (a BOM is skipped),
 * quoted fields may hold separators, quotes ("") and newlines; CRLF and LF both end rows.
 * Errors name file, line and column (columns count characters, from 1).
 * May call: util.
 */
#include "data/table.h"

#include <stdlib.h>
#include <string.h>

#include "util/source.h"
#include "util/utf8.h"

typedef struct csv_cursor {
    const char *bytes;
    size_t len;
    size_t pos;
    size_t line;        /* 1-based line of pos */
    size_t line_start;  /* byte offset where the current line starts */
} csv_cursor;

/* Character column of byte offset at, on the line starting at line_start. */
static size_t column_of(const csv_cursor *c, size_t at)
{
    return zy_utf8_length(c->bytes + c->line_start, at - c->line_start) + 1;
}

typedef struct row_builder {
    zy_buf offsets;  /* size_t offsets of all cells so far */
    zy_buf lines;    /* size_t lines of all cells so far */
    zy_buf header_at;/* size_t byte offsets in the input where the header's cells start */
    size_t header_line_start; /* where the header's line starts */
} row_builder;

static zy_status push_size(zy_buf *b, size_t v)
{
    return zy_buf_append(b, &v, sizeof v);
}

typedef struct named_column {
    const char *name;
    size_t index;
} named_column;

static int by_name_then_index(const void *a, const void *b)
{
    const named_column *x = a, *y = b;
    int cmp = strcmp(x->name, y->name);
    return cmp ? cmp : (x->index > y->index) - (x->index < y->index);
}

/* Refuse a header that names two columns alike (the second could never be chosen): the
 * first repeated name's place, and the column it repeats. Unnamed columns may repeat. */
static zy_status check_header_names(zy_diag *diag, const char *name, const char *bytes,
                                    const struct zy_table *t, const row_builder *rb, size_t line)
{
    named_column *cols = malloc((t->ncols ? t->ncols : 1) * sizeof *cols);
    if (!cols)
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "%s: out of memory", name);
    const size_t *offsets = (const size_t *)(const void *)rb->offsets.data;
    for (size_t i = 0; i < t->ncols; i++)
        cols[i] = (named_column){t->arena.data + offsets[i], i};
    qsort(cols, t->ncols, sizeof *cols, by_name_then_index);
    size_t repeat = t->ncols, first = 0;
    for (size_t i = 1; i < t->ncols; i++)
        if (*cols[i].name && strcmp(cols[i].name, cols[i - 1].name) == 0 && cols[i].index < repeat) {
            repeat = cols[i].index;
            size_t k = i;
            while (k > 0 && strcmp(cols[k - 1].name, cols[i].name) == 0)
                k--;
            first = cols[k].index;
        }
    free(cols);
    if (repeat == t->ncols)
        return ZY_OK;
    const size_t *at = (const size_t *)(const void *)rb->header_at.data;
    size_t column = zy_utf8_length(bytes + rb->header_line_start, at[repeat] - rb->header_line_start) + 1;
    return zy_diag_fail(diag, ZY_ERR_PARSE, "%s:%zu:%zu: the header names column \"%s\" twice "
                        "(fields %zu and %zu); rename one", name, line, column,
                        t->arena.data + offsets[repeat], first + 1, repeat + 1);
}

static char detect_separator(const char *name, const char *bytes, size_t len)
{
    size_t n = strlen(name);
    if (n >= 4 && strcmp(name + n - 4, ".tsv") == 0)
        return '\t';
    for (size_t i = 0; i < len && bytes[i] != '\n'; i++)
        if (bytes[i] == '\t')
            return '\t';
    return ',';
}

zy_status zy_csv_parse(zy_diag *diag, const char *name, const char *bytes, size_t len, char sep,
                       struct zy_table **out)
{
    *out = NULL;
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bytes += 3;
        len -= 3;
    }
    size_t bom;
    const char *encoding = zy_encoding_guess(bytes, len < 65536 ? len : 65536, &bom);
    if (encoding) /* bytes handed over directly: zy_file_read converts what it reads */
        return zy_diag_fail(diag, ZY_ERR_PARSE, "%s: written in %s, not UTF-8; save it as UTF-8 "
                            "(iconv -f %s -t UTF-8)", name, encoding, encoding);
    if (memchr(bytes, '\0', len)) {
        size_t at = (size_t)((const char *)memchr(bytes, '\0', len) - bytes);
        size_t line = 1;
        for (size_t i = 0; i < at; i++)
            line += bytes[i] == '\n';
        return zy_diag_fail(diag, ZY_ERR_PARSE, "%s:%zu: NUL byte in text (is this a binary file?)",
                            name, line);
    }
    ssize_t bad = zy_utf8_invalid_at(bytes, len);
    if (bad >= 0) {
        size_t line = 1, line_start = 0;
        for (size_t i = 0; i < (size_t)bad; i++)
            if (bytes[i] == '\n') {
                line++;
                line_start = i + 1;
            }
        return zy_diag_fail(diag, ZY_ERR_PARSE,
                            "%s:%zu:%zu: invalid UTF-8 (byte 0x%02X at offset %zd); save the file as UTF-8",
                            name, line, zy_utf8_length(bytes + line_start, (size_t)bad - line_start) + 1,
                            (unsigned char)bytes[bad], bad);
    }
    size_t blank = 0;
    while (blank < len && (bytes[blank] == ' ' || bytes[blank] == '\t' || bytes[blank] == '\r' ||
                           bytes[blank] == '\n'))
        blank++;
    if (blank == len)
        return zy_diag_fail(diag, ZY_ERR_DATA, "%s: empty file: expected a header row and data rows",
                            name);
    if (!sep)
        sep = detect_separator(name, bytes, len);

    struct zy_table *t = calloc(1, sizeof *t);
    if (!t)
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "%s: out of memory", name);
    t->name = strdup(name);
    zy_buf_init(&t->arena, 0);
    row_builder rb;
    zy_buf_init(&rb.offsets, 0);
    zy_buf_init(&rb.lines, 0);
    zy_buf_init(&rb.header_at, 0);
    rb.header_line_start = 0;
    size_t header_line = 0;
    zy_status st = t->name ? zy_buf_putc(&t->arena, '\0') : ZY_ERR_NOMEM;

    csv_cursor c = {bytes, len, 0, 1, 0};
    size_t row_cells = 0, rows = 0;
    while (st == ZY_OK && c.pos < c.len) {
        /* skip blank lines between rows */
        if (row_cells == 0 && (bytes[c.pos] == '\n' || bytes[c.pos] == '\r')) {
            if (bytes[c.pos] == '\n') {
                c.line++;
                c.line_start = c.pos + 1;
            }
            c.pos++;
            continue;
        }
        size_t cell_line = c.line;
        size_t cell_offset = t->arena.len;
        if (rows == 0) {
            if (row_cells == 0) {
                rb.header_line_start = c.line_start;
                header_line = c.line;
            }
            st = push_size(&rb.header_at, c.pos);
            if (st)
                break;
        }
        if (bytes[c.pos] == '"') {
            size_t open_line = c.line, open_col = column_of(&c, c.pos);
            c.pos++;
            bool closed = false;
            while (st == ZY_OK && c.pos < c.len) {
                char ch = bytes[c.pos];
                if (ch == '"') {
                    if (c.pos + 1 < c.len && bytes[c.pos + 1] == '"') {
                        st = zy_buf_putc(&t->arena, '"');
                        c.pos += 2;
                        continue;
                    }
                    c.pos++;
                    closed = true;
                    break;
                }
                if (ch == '\n') {
                    c.line++;
                    c.line_start = c.pos + 1;
                }
                if (!(ch == '\r' && c.pos + 1 < c.len && bytes[c.pos + 1] == '\n'))
                    st = zy_buf_putc(&t->arena, ch);
                c.pos++;
            }
            if (st == ZY_OK && !closed) {
                st = zy_diag_fail(diag, ZY_ERR_PARSE,
                                  "%s:%zu:%zu: quoted field is never closed (missing '\"')", name,
                                  open_line, open_col);
                break;
            }
            if (st == ZY_OK && c.pos < c.len && bytes[c.pos] != sep && bytes[c.pos] != '\n' &&
                bytes[c.pos] != '\r') {
                st = zy_diag_fail(diag, ZY_ERR_PARSE,
                                  "%s:%zu:%zu: unexpected text after a closing quote", name, c.line,
                                  column_of(&c, c.pos));
                break;
            }
        } else {
            size_t start = c.pos;
            while (c.pos < c.len && bytes[c.pos] != sep && bytes[c.pos] != '\n' &&
                   bytes[c.pos] != '\r')
                c.pos++;
            st = zy_buf_append(&t->arena, bytes + start, c.pos - start);
        }
        if (st == ZY_OK)
            st = zy_buf_putc(&t->arena, '\0');
        if (st == ZY_OK)
            st = push_size(&rb.offsets, cell_offset);
        if (st == ZY_OK)
            st = push_size(&rb.lines, cell_line);
        row_cells++;
        if (st)
            break;
        /* what ends the cell */
        if (c.pos < c.len && bytes[c.pos] == sep) {
            c.pos++;
            if (c.pos == c.len || bytes[c.pos] == '\n' || bytes[c.pos] == '\r')
                continue; /* an empty last cell is read by the next turn */
            continue;
        }
        /* end of row */
        if (c.pos < c.len && bytes[c.pos] == '\r')
            c.pos++;
        if (c.pos < c.len && bytes[c.pos] == '\n') {
            c.pos++;
            c.line++;
            c.line_start = c.pos;
        }
        if (rows == 0) {
            t->ncols = row_cells;
        } else if (row_cells > t->ncols) {
            st = zy_diag_fail(diag, ZY_ERR_PARSE, "%s:%zu: row has %zu fields but the header has %zu",
                              name, cell_line, row_cells, t->ncols);
            break;
        } else {
            /* pad short rows with empty cells */
            for (; st == ZY_OK && row_cells < t->ncols; row_cells++) {
                st = push_size(&rb.offsets, 0);
                if (st == ZY_OK)
                    st = push_size(&rb.lines, cell_line);
            }
        }
        rows++;
        row_cells = 0;
    }
    /* a final row without a newline, or a trailing separator */
    if (st == ZY_OK && row_cells > 0) {
        if (c.len > 0 && bytes[c.len - 1] == sep) {
            st = push_size(&rb.offsets, 0);
            if (st == ZY_OK)
                st = push_size(&rb.lines, c.line);
            row_cells++;
        }
        if (st == ZY_OK && rows == 0)
            t->ncols = row_cells;
        else if (st == ZY_OK && row_cells > t->ncols)
            st = zy_diag_fail(diag, ZY_ERR_PARSE, "%s:%zu: row has %zu fields but the header has %zu",
                              name, c.line, row_cells, t->ncols);
        for (; st == ZY_OK && row_cells < t->ncols; row_cells++) {
            st = push_size(&rb.offsets, 0);
            if (st == ZY_OK)
                st = push_size(&rb.lines, c.line);
        }
        rows++;
    }
    if (st == ZY_OK && rows < 2)
        st = zy_diag_fail(diag, ZY_ERR_DATA, "%s:1: header row only: no data rows to chart", name);
    if (st == ZY_OK)
        st = check_header_names(diag, name, bytes, t, &rb, header_line);
    zy_buf_free(&rb.header_at);
    if (st) {
        if (diag->status == ZY_OK)
            zy_diag_fail(diag, st, "%s: out of memory while reading", name);
        zy_buf_free(&rb.offsets);
        zy_buf_free(&rb.lines);
        zy_buf_free(&t->arena);
        free(t->name);
        free(t);
        return st;
    }
    t->nrows = rows - 1;
    t->cell_offset = (size_t *)(void *)zy_buf_steal(&rb.offsets, NULL);
    t->cell_line = (size_t *)(void *)zy_buf_steal(&rb.lines, NULL);
    *out = t;
    return ZY_OK;
}

zy_status zy_csv_put_field(zy_buf *b, const char *s)
{
    zy_status st = zy_buf_putc(b, '"');
    for (; s && *s && st == ZY_OK; s++)
        st = *s == '"' ? zy_buf_puts(b, "\"\"") : zy_buf_putc(b, *s);
    return st == ZY_OK ? zy_buf_putc(b, '"') : st;
}
