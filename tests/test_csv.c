/*
 * test_csv.c: the CSV/TSV reader's edge cases: BOM, quotes, embedded separators and
 * newlines, CRLF, short rows, and the errors with line and column.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "data/table.h"

typedef struct csv_case {
    const char *input;
    size_t rows, cols;
    size_t row, col;        /* a cell to check */
    const char *cell;
} csv_case;

static const csv_case good[] = {
    {"a,b\n1,2\n", 1, 2, 0, 1, "2"},
    {"\xEF\xBB\xBFname,v\nx,1\n", 1, 2, 0, 0, "x"},
    {"a,b\r\n1,2\r\n3,4\r\n", 2, 2, 1, 1, "4"},
    {"a,b\n\"x,y\",2\n", 1, 2, 0, 0, "x,y"},
    {"a,b\n\"line1\nline2\",2\n", 1, 2, 0, 0, "line1\nline2"},
    {"a,b\n\"say \"\"hi\"\"\",2\n", 1, 2, 0, 0, "say \"hi\""},
    {"a\tb\n1\t2\n", 1, 2, 0, 1, "2"},
    {"a,b\n1,2", 1, 2, 0, 1, "2"},
    {"a,b,c\n1,,3\n", 1, 3, 0, 1, ""},
    {"a,b,c\n1,2\n", 1, 3, 0, 2, ""},
    {"a,b\n1,\n", 1, 2, 0, 1, ""},
    {"a,b\n\n1,2\n\n", 1, 2, 0, 0, "1"},
    {"機関,著者数\n清華大学,1748\n", 1, 2, 0, 0, "清華大学"},
    {"a,b\n\"\",2\n", 1, 2, 0, 0, ""},
    {"a,b\n\"x\r\ny\",2\r\n", 1, 2, 0, 0, "x\ny"},
};

static void test_good_inputs(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        zy_diag d = {0};
        struct zy_table *t = NULL;
        zy_status st = zy_csv_parse(&d, "t.csv", good[i].input, strlen(good[i].input), 0, &t);
        if (st != ZY_OK)
            fail_msg("case %zu: %s", i, d.message);
        assert_int_equal(zy_table_row_count(t), good[i].rows);
        assert_int_equal(zy_table_column_count(t), good[i].cols);
        assert_string_equal(zy_table_cell(t, good[i].row, good[i].col), good[i].cell);
        zy_table_destroy(t);
    }
}

typedef struct bad_case {
    const char *input;
    size_t len;             /* 0: strlen */
    zy_status status;
    const char *message_part;
} bad_case;

static const bad_case bad[] = {
    {"", 0, ZY_ERR_DATA, "t.csv: empty file"},
    {"\n\n  \n", 0, ZY_ERR_DATA, "empty file"},
    {"a,b\n", 0, ZY_ERR_DATA, "header row only"},
    {"a,b\n1,2\n\xFF,3\n", 0, ZY_ERR_PARSE, "t.csv:3:1: invalid UTF-8 (byte 0xFF"},
    {"a,b\nあ\xE3\x81,3\n", 0, ZY_ERR_PARSE, "t.csv:2:2: invalid UTF-8"},
    {"a,b\n\"open,2\n", 0, ZY_ERR_PARSE, "t.csv:2:1: quoted field is never closed"},
    {"a,b\n1,2,3\n", 0, ZY_ERR_PARSE, "t.csv:2: row has 3 fields but the header has 2"},
    {"a,b\n\"x\"y,2\n", 0, ZY_ERR_PARSE, "t.csv:2:4: unexpected text after a closing quote"},
    {"a,b\n1\0002,3\n", 9, ZY_ERR_PARSE, "t.csv:2: NUL byte"},
    /* UTF-16 handed over as bytes: said so, not "NUL byte" */
    {"a\0,\0b\0\n\0001\0,\0002\0\n\0", 16, ZY_ERR_PARSE, "t.csv: written in UTF-16LE"},
    /* a header naming a column twice: the second could never be chosen */
    {"x,y,x\n1,2,3\n", 0, ZY_ERR_PARSE, "t.csv:1:5: the header names column \"x\" twice (fields 1 and 3)"},
    {"\n\"名\",値,名\n1,2,3\n", 0, ZY_ERR_PARSE, "t.csv:2:7: the header names column \"名\" twice"},
};

static void test_bad_inputs(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        zy_diag d = {0};
        struct zy_table *t = NULL;
        size_t len = bad[i].len ? bad[i].len : strlen(bad[i].input);
        zy_status st = zy_csv_parse(&d, "t.csv", bad[i].input, len, 0, &t);
        if (st != bad[i].status || !strstr(d.message, bad[i].message_part))
            fail_msg("case %zu: status %d, message \"%s\"", i, st, d.message);
        assert_null(t);
    }
}

static void test_lines_of_cells(void **state)
{
    (void)state;
    const char *in = "a,b\n\"x\ny\",2\n3,4\n";
    zy_diag d = {0};
    struct zy_table *t;
    assert_int_equal(zy_csv_parse(&d, "t.csv", in, strlen(in), 0, &t), ZY_OK);
    assert_int_equal(zy_table_cell_line(t, 0, 0), 2);
    assert_int_equal(zy_table_cell_line(t, 1, 1), 4);
    assert_int_equal(zy_table_find_column(t, "b"), 1);
    assert_int_equal(zy_table_find_column(t, "zz"), -1);
    zy_table_destroy(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_inputs),
        cmocka_unit_test(test_bad_inputs),
        cmocka_unit_test(test_lines_of_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
