/*
 * test_scan_thread.c: the scan on its own thread (extract/scan_thread.h): batches come in file
 * order with their bytes once each, the facts are those zy_scan_file finds, the content hash
 * is the file's, a consumer may stop early, and a missing file ends the scan at once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/context.h"
#include "extract/scan_thread.h"
#include "util/hash.h"
#include "zuhyo/zuhyo.h"

static zy_context *ctx;
static zy_extract_env env; /* the context's messages and dictionary, as the library hands them */
static char path[] = "/tmp/zuhyo_scan_thread_XXXXXX";
static size_t file_size;
static uint64_t file_hash;

/* A file of a little over three batches of about 1 MiB, dense with figures. */
static int setup(void **state)
{
    (void)state;
    if (zy_context_create(NULL, &ctx) != ZY_OK || zy_context_entities(ctx, NULL) != ZY_OK)
        return -1;
    env = (zy_extract_env){&ctx->diag, ctx->entities, NULL};
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f)
        return -1;
    static const char article[] =
        "サカナAIは2023年に設立された。企業価値は約15億ドルで、1億ドルを調達した。\n"
        "順位 機関名 著者数\n1 グーグル 2174\n2 清華大学 1001\n\n";
    file_hash = ZY_FNV_START;
    for (file_size = 0; file_size < 3 * 1024 * 1024 + 12345; file_size += sizeof article - 1) {
        fputs(article, f);
        file_hash = zy_fnv1a(file_hash, article, sizeof article - 1);
    }
    return fclose(f) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    zy_context_destroy(ctx);
    return 0;
}

static zy_status count_facts(void *user, const zy_document *batch)
{
    *(size_t *)user += batch->nfacts;
    return ZY_OK;
}

static void test_batches_in_order(void **state)
{
    (void)state;
    size_t expected = 0;
    assert_int_equal(zy_scan_file(ctx, path, NULL, count_facts, &expected), ZY_OK);
    assert_true(expected > 100000);

    zy_scan_options options = {.hash = true};
    zy_scan_thread *t;
    assert_int_equal(zy_scan_thread_start(&env, path, &options, &t), ZY_OK);
    size_t facts = 0, bytes_end = 0, batches = 0, batch_start = 0, batch_end = 0;
    const zy_document *b;
    while ((b = zy_scan_thread_next(t))) {
        if (b->nbytes) { /* a new batch: it starts where the last one ended */
            assert_int_equal(b->bytes_start, bytes_end);
            batch_start = b->bytes_start;
            batch_end = bytes_end = b->bytes_start + b->nbytes;
            batches++;
        }
        for (size_t i = 0; i < b->nfacts; i++) {
            const zy_fact *f = &b->facts[i];
            assert_true(f->start >= batch_start && f->end <= batch_end);
            assert_true(f->sentence_start <= f->start && f->end <= f->sentence_end);
            assert_non_null(f->text);
            assert_non_null(f->sentence);
        }
        facts += b->nfacts;
        zy_scan_thread_release(t, b);
    }
    zy_extract_result result;
    assert_int_equal(zy_scan_thread_finish(t, false, &result), ZY_OK);
    assert_int_equal(facts, expected);
    assert_int_equal(bytes_end, file_size);
    assert_true(batches >= 3);
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)file_hash);
    assert_string_equal(result.hash, hex);
    assert_non_null(result.title);
    free(result.title);
}

static void test_consumer_stops_early(void **state)
{
    (void)state;
    zy_scan_thread *t;
    assert_int_equal(zy_scan_thread_start(&env, path, NULL, &t), ZY_OK);
    const zy_document *b = zy_scan_thread_next(t);
    assert_non_null(b);
    assert_true(b->nfacts > 0);
    zy_scan_thread_release(t, b);
    /* the scan is told to stop and says so; nothing leaks (LeakSanitizer) */
    assert_int_not_equal(zy_scan_thread_finish(t, true, NULL), ZY_OK);
}

static void test_missing_file(void **state)
{
    (void)state;
    zy_scan_thread *t;
    assert_int_equal(zy_scan_thread_start(&env, "/nonexistent/zuhyo.txt", NULL, &t), ZY_OK);
    assert_null(zy_scan_thread_next(t));
    assert_int_equal(zy_scan_thread_finish(t, false, NULL), ZY_ERR_IO);
    assert_non_null(strstr(zy_errmsg(ctx), "cannot open"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_batches_in_order),
        cmocka_unit_test(test_consumer_stops_early),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
