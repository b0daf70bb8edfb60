/*
 * test_scale.c: nice ticks on linear, log and rank scales, table-driven.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <float.h>
#include <math.h>

#include "chart/scale.h"

typedef struct tick_case {
    double lo, hi;
    int target;
    double first, step, last;
} tick_case;

static const tick_case linear_cases[] = {
    {171, 2174, 6, 0, 500, 2500},
    {0, 3300000000, 7, 0, 500000000, 3500000000},
    {1e9, 3.3e9, 5, 0, 1e9, 4e9},
    {-50, 80, 6, -50, 25, 100},
    {0, 1, 5, 0, 0.2, 1},
    {0, 0, 5, 0, 0.2, 1},
    {-10, -2, 5, -10, 2, 0},
    {0, 7e11, 7, 0, 1e11, 7e11},
    {0, 40.2, 5, 0, 10, 50},
};

static void test_linear_ticks(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof linear_cases / sizeof linear_cases[0]; i++) {
        const tick_case *c = &linear_cases[i];
        zy_scale s;
        assert_int_equal(zy_scale_build(c->lo, c->hi, false, c->target, &s), ZY_OK);
        if (fabs(s.ticks[0] - c->first) > 1e-9 * fmax(1, fabs(c->first)) ||
            fabs(s.ticks[1] - s.ticks[0] - c->step) > 1e-9 * c->step ||
            fabs(s.ticks[s.ntick - 1] - c->last) > 1e-9 * fmax(1, fabs(c->last)))
            fail_msg("case %zu: ticks %g, %g … %g (%zu)", i, s.ticks[0], s.ticks[1],
                     s.ticks[s.ntick - 1], s.ntick);
        assert_true(s.lo <= c->lo && s.hi >= c->hi);
        assert_true(s.lo <= 0 && s.hi >= 0);
    }
}

static void test_log_ticks(void **state)
{
    (void)state;
    zy_scale s;
    assert_int_equal(zy_scale_build(171, 2174, true, 5, &s), ZY_OK);
    assert_true(s.log);
    assert_true(fabs(s.lo - 100) < 1e-9 && fabs(s.hi - 10000) < 1e-9);
    assert_true(fabs(s.ticks[0] - 100) < 1e-9);
    assert_true(fabs(s.ticks[1] - 200) < 1e-9);
    assert_true(fabs(s.ticks[2] - 500) < 1e-9);
    assert_int_equal(zy_scale_build(1e3, 1e12, true, 5, &s), ZY_OK);
    assert_int_equal(s.ntick, 10);
    assert_float_equal(zy_scale_fraction(&s, 1e3), 0, 1e-12);
    assert_float_equal(zy_scale_fraction(&s, 1e12), 1, 1e-12);
}

static void test_bad_input(void **state)
{
    (void)state;
    zy_scale s;
    assert_int_equal(zy_scale_build(0, 10, true, 5, &s), ZY_ERR_DATA);
    assert_int_equal(zy_scale_build(-1, 10, true, 5, &s), ZY_ERR_DATA);
    assert_int_equal(zy_scale_build(NAN, 10, false, 5, &s), ZY_ERR_DATA);
    assert_int_equal(zy_scale_build(0, INFINITY, false, 5, &s), ZY_ERR_DATA);
}

static void test_near_dbl_max(void **state)
{
    (void)state;
    zy_scale s;
    assert_int_equal(zy_scale_build(0, DBL_MAX, false, 6, &s), ZY_OK);
    assert_true(isfinite(s.hi) && s.hi >= DBL_MAX * 0.999);
    assert_true(s.ntick >= 2);
    assert_int_equal(zy_scale_build(-DBL_MAX, DBL_MAX, false, 6, &s), ZY_OK);
    assert_true(isfinite(s.lo) && isfinite(s.hi));
    assert_float_equal(zy_scale_fraction(&s, 0), 0.5, 0.01);
}

static void test_fraction(void **state)
{
    (void)state;
    zy_scale s;
    zy_scale_build(0, 2000, false, 5, &s);
    assert_float_equal(zy_scale_fraction(&s, 1000), 0.5, 1e-12);
    assert_float_equal(zy_scale_fraction(&s, -5), 0, 1e-12);
    assert_float_equal(zy_scale_fraction(&s, 5000), 1, 1e-12);
}

typedef struct rank_case {
    double worst;
    int target;
    double second, last; /* the tick after 1, and the last tick */
} rank_case;

static const rank_case rank_cases[] = {
    {89, 6, 20, 100}, {71, 6, 20, 80},  {25, 6, 5, 25}, {3, 6, 2, 3},
    {1, 6, 2, 2},     {12, 6, 3, 13},   {500, 5, 100, 500}, {7, 2, 5, 10},
};

static void test_rank_ticks(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof rank_cases / sizeof rank_cases[0]; i++) {
        const rank_case *c = &rank_cases[i];
        zy_scale s;
        assert_int_equal(zy_scale_build_rank(c->worst, c->target, &s), ZY_OK);
        if (s.ticks[0] != 1 || s.ticks[1] != c->second || s.ticks[s.ntick - 1] != c->last)
            fail_msg("case %zu: ticks %g, %g … %g (%zu)", i, s.ticks[0], s.ticks[1],
                     s.ticks[s.ntick - 1], s.ntick);
        for (size_t k = 0; k < s.ntick; k++)
            assert_true(s.ticks[k] >= 1 && s.ticks[k] == floor(s.ticks[k]));
        assert_true(s.lo == 1 && s.hi >= c->worst);
        assert_float_equal(zy_scale_fraction(&s, 1), 0, 1e-12);
    }
    zy_scale s;
    assert_int_equal(zy_scale_build_rank(0, 5, &s), ZY_ERR_DATA);
    assert_int_equal(zy_scale_build_rank(NAN, 5, &s), ZY_ERR_DATA);
    assert_int_equal(zy_scale_build_rank(1e300, 5, &s), ZY_ERR_DATA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_linear_ticks), cmocka_unit_test(test_log_ticks),
        cmocka_unit_test(test_bad_input),    cmocka_unit_test(test_near_dbl_max),
        cmocka_unit_test(test_fraction),     cmocka_unit_test(test_rank_ticks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
