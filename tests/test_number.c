/*
 * test_number.c: number formatting for labels and ticks, table-driven (ja, en, raw).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "zuhyo/zuhyo.h"

typedef struct number_case {
    double value;
    zy_number_format format;
    const char *unit;
    const char *expected;
} number_case;

static const number_case cases[] = {
    /* ja: the newspaper style */
    {3300000000, ZY_NUMBER_JA, "ドル", "33億ドル"},
    {500000000000, ZY_NUMBER_JA, "ドル", "5,000億ドル"},
    {14000000000000, ZY_NUMBER_JA, "円", "14兆円"},
    {2174, ZY_NUMBER_JA, NULL, "2,174"},
    {2174, ZY_NUMBER_JA, "人", "2,174人"},
    {0, ZY_NUMBER_JA, NULL, "0"},
    {-0.0, ZY_NUMBER_JA, NULL, "0"},
    {1, ZY_NUMBER_JA, NULL, "1"},
    {999, ZY_NUMBER_JA, NULL, "999"},
    {9999, ZY_NUMBER_JA, NULL, "9,999"},
    {10000, ZY_NUMBER_JA, NULL, "1万"},
    {11000000, ZY_NUMBER_JA, NULL, "1,100万"},
    {34000, ZY_NUMBER_JA, NULL, "3.4万"},
    {256000, ZY_NUMBER_JA, NULL, "25.6万"},
    {100000000, ZY_NUMBER_JA, NULL, "1億"},
    {120000000, ZY_NUMBER_JA, NULL, "1.2億"},
    {123450000, ZY_NUMBER_JA, NULL, "1億2,345万"},
    {250000000, ZY_NUMBER_JA, NULL, "2.5億"},
    {510000000000, ZY_NUMBER_JA, "円", "5,100億円"},
    {700000000000, ZY_NUMBER_JA, "元", "7,000億元"},
    {5600000, ZY_NUMBER_JA, "ドル", "560万ドル"},
    /* a unit that is a myriad itself: one myriad in the text (issue 14) */
    {12000, ZY_NUMBER_JA, "万人", "12,000万人"},
    {8000, ZY_NUMBER_JA, "万人", "8,000万人"},
    {1.5, ZY_NUMBER_JA, "億円", "1.5億円"},
    {175000000000, ZY_NUMBER_JA, "ドル", "1,750億ドル"},
    {1000000000000, ZY_NUMBER_JA, NULL, "1兆"},
    {1500000000000, ZY_NUMBER_JA, NULL, "1.5兆"},
    {3333333333, ZY_NUMBER_JA, NULL, "33.3億"},
    {99999999, ZY_NUMBER_JA, NULL, "1億"},
    {1e16, ZY_NUMBER_JA, NULL, "1京"},
    {-3300000000, ZY_NUMBER_JA, "ドル", "-33億ドル"},
    {-2174, ZY_NUMBER_JA, NULL, "-2,174"},
    {40.2, ZY_NUMBER_JA, "%", "40.2%"},
    {19.333, ZY_NUMBER_JA, NULL, "19.33"},
    {0.5, ZY_NUMBER_JA, NULL, "0.5"},
    {2.5, ZY_NUMBER_JA, "倍", "2.5倍"},
    {1234.5, ZY_NUMBER_JA, NULL, "1,234.5"},
    {1e25, ZY_NUMBER_JA, NULL, "1e+25"},
    {3300000000, ZY_NUMBER_JA, "USD", "33億 USD"},
    /* en */
    {3300000000, ZY_NUMBER_EN, NULL, "3.3B"},
    {500000000000, ZY_NUMBER_EN, NULL, "500B"},
    {14000000000000, ZY_NUMBER_EN, NULL, "14T"},
    {2174, ZY_NUMBER_EN, NULL, "2,174"},
    {12500, ZY_NUMBER_EN, NULL, "12.5K"},
    {5600000, ZY_NUMBER_EN, NULL, "5.6M"},
    {999999, ZY_NUMBER_EN, NULL, "1M"},
    {-3300000000, ZY_NUMBER_EN, "USD", "-3.3B USD"},
    {40.2, ZY_NUMBER_EN, "%", "40.2%"},
    {0, ZY_NUMBER_EN, NULL, "0"},
    /* raw */
    {3300000000, ZY_NUMBER_RAW, NULL, "3300000000"},
    {2174, ZY_NUMBER_RAW, NULL, "2174"},
    {-12.5, ZY_NUMBER_RAW, NULL, "-12.5"},
    {0.001, ZY_NUMBER_RAW, NULL, "0.001"},
    {1.7e308, ZY_NUMBER_RAW, NULL, "1.7e+308"},
    {14000000000000, ZY_NUMBER_RAW, "円", "14000000000000 円"},
    /* not numbers */
    {NAN, ZY_NUMBER_JA, NULL, "NaN"},
    {INFINITY, ZY_NUMBER_JA, NULL, "∞"},
};

static void test_format_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[128];
        zy_format_number(out, sizeof out, cases[i].value, cases[i].format, cases[i].unit);
        if (strcmp(out, cases[i].expected) != 0)
            fail_msg("case %zu: %.17g → \"%s\", expected \"%s\"", i, cases[i].value, out,
                     cases[i].expected);
    }
    assert_true(sizeof cases / sizeof cases[0] >= 40);
}

static void test_truncation_reports_full_length(void **state)
{
    (void)state;
    char small[4];
    size_t need = zy_format_number(small, sizeof small, 3300000000, ZY_NUMBER_JA, "ドル");
    assert_int_equal(need, strlen("33億ドル"));
    assert_int_equal(strlen(small), 3);
}

/* Charts: negatives with U+2212 or ▲, a fixed count of decimals (8.0% beside 42.5%). */
static void test_styled(void **state)
{
    (void)state;
    struct {
        double value;
        zy_number_format format;
        const char *unit;
        int decimals;
        zy_negative_style negative;
        const char *expected;
    } styled[] = {
        {-42000000000, ZY_NUMBER_JA, "円", -1, ZY_NEGATIVE_MINUS, "\u2212420億円"},
        {-42000000000, ZY_NUMBER_JA, "円", -1, ZY_NEGATIVE_TRIANGLE, "▲420億円"},
        {-150, ZY_NUMBER_JA, NULL, -1, ZY_NEGATIVE_TRIANGLE, "▲150"},
        {-150, ZY_NUMBER_RAW, NULL, -1, ZY_NEGATIVE_TRIANGLE, "-150"},
        {8, ZY_NUMBER_JA, "%", 1, ZY_NEGATIVE_MINUS, "8.0%"},
        {42.5, ZY_NUMBER_JA, "%", 1, ZY_NEGATIVE_MINUS, "42.5%"},
        {1234.5, ZY_NUMBER_JA, NULL, 0, ZY_NEGATIVE_MINUS, "1,235"},
        {3300000000, ZY_NUMBER_JA, "ドル", 1, ZY_NEGATIVE_MINUS, "33.0億ドル"},
        {2500000, ZY_NUMBER_EN, NULL, 2, ZY_NEGATIVE_MINUS, "2.50M"},
        {-0.0001, ZY_NUMBER_JA, NULL, 1, ZY_NEGATIVE_MINUS, "0.0"},
        {0.5, ZY_NUMBER_RAW, NULL, 3, ZY_NEGATIVE_MINUS, "0.500"},
    };
    for (size_t i = 0; i < sizeof styled / sizeof styled[0]; i++) {
        char out[128];
        zy_format_number_styled(out, sizeof out, styled[i].value, styled[i].format, styled[i].unit,
                                styled[i].decimals, styled[i].negative);
        if (strcmp(out, styled[i].expected) != 0)
            fail_msg("case %zu: %.17g → \"%s\", expected \"%s\"", i, styled[i].value, out,
                     styled[i].expected);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_table),
        cmocka_unit_test(test_styled),
        cmocka_unit_test(test_truncation_reports_full_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
