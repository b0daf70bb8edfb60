/*
 * test_context.h: the one zy_context a test program shares, created before its tests run and
 * destroyed after them (cmocka group setup and teardown). Include it once, after cmocka.h.
 */
#ifndef ZY_TEST_CONTEXT_H
#define ZY_TEST_CONTEXT_H

#include "zuhyo/zuhyo.h"

static zy_context *ctx;

static int setup(void **state)
{
    (void)state;
    return zy_context_create(NULL, &ctx) == ZY_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    zy_context_destroy(ctx);
    return 0;
}

#endif
