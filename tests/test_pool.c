/*
 * test_pool.c: the string pool of a scan batch and the sparse offset map of normalised text:
 * strings stay intact across many blocks, a reset reuses blocks, take moves them, and every
 * character start maps back to its byte in the input; every BMP character normalises as
 * utf8proc's NFKC says (the fast path for kana and kanji must not skip one NFKC changes).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "extract/normalize.h"
#include "util/pool.h"

static void strings_survive_many_blocks(void **state)
{
    (void)state;
    zy_pool pool = ZY_POOL_INIT;
    char *kept[20000];
    char word[32];
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(word, sizeof word, "企業%d", i);
        kept[i] = zy_pool_strndup(&pool, word, (size_t)n);
        assert_non_null(kept[i]);
        assert_int_equal((uintptr_t)kept[i] % _Alignof(max_align_t), 0);
    }
    for (int i = 0; i < 20000; i++) {
        snprintf(word, sizeof word, "企業%d", i);
        assert_string_equal(kept[i], word);
    }
    /* one string larger than a block gets a block of its own */
    static char big[1 << 20];
    memset(big, 'x', sizeof big - 1);
    char *copy = zy_pool_strndup(&pool, big, sizeof big - 1);
    assert_non_null(copy);
    assert_int_equal(strlen(copy), sizeof big - 1);
    assert_string_equal(kept[19999], "企業19999");
    zy_pool_free(&pool);
}

static void reset_reuses_and_take_moves(void **state)
{
    (void)state;
    zy_pool a = ZY_POOL_INIT, b = ZY_POOL_INIT;
    char *first = zy_pool_strndup(&a, "同社", strlen("同社"));
    zy_pool_reset(&a);
    char *again = zy_pool_strndup(&a, "同社", strlen("同社"));
    assert_ptr_equal(first, again); /* the same block, from its start */
    char *moved = zy_pool_strndup(&b, "清華大学", strlen("清華大学"));
    zy_pool_take(&a, &b);
    assert_null(b.head);
    assert_string_equal(moved, "清華大学");
    assert_non_null(zy_pool_strndup(&b, "b", 1)); /* b works again after giving its blocks */
    zy_pool_free(&a);
    zy_pool_free(&b);
    zy_pool_free(NULL);
}

/* Every character start of the normalised text maps to the input byte it came from. */
static void offset_map_is_exact_at_character_starts(void **state)
{
    (void)state;
    /* BOM, full-width digits and percent, CRLF, an ideographic space, a wave dash, ㍻ (grows
     * to 平成), an invalid byte, kanji */
    static const char input[] = "\xEF\xBB\xBF" "売上は１２％増\r\n　約3〜4倍、㍻\xFF" "元年に設立。";
    zy_diag diag;
    memset(&diag, 0, sizeof diag);
    zy_norm_text norm;
    memset(&norm, 0, sizeof norm);
    assert_int_equal(zy_normalize(&diag, "t", input, sizeof input - 1, 0, &norm), ZY_OK);
    assert_string_equal(norm.text, "売上は12%増\n 約3~4倍、平成元年に設立。");
    struct { const char *norm_char; const char *input_char; } pairs[] = {
        {"売", "売"}, {"1", "１"}, {"2", "２"}, {"%", "％"}, {"増", "増"}, {"\n", "\n"},
        {" ", "　"}, {"約", "約"}, {"~", "〜"}, {"4", "4"}, {"平", "㍻"}, {"元", "元"}, {"。", "。"},
    };
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        size_t pos = (size_t)(strstr(norm.text, pairs[k].norm_char) - norm.text);
        size_t want = (size_t)(strstr(input, pairs[k].input_char) - input);
        assert_int_equal(zy_norm_orig(&norm, pos), want);
    }
    /* 成 also comes from ㍻; the end maps to the input's end; lookups backwards still work */
    size_t sei = (size_t)(strstr(norm.text, "成") - norm.text);
    assert_int_equal(zy_norm_orig(&norm, sei), (size_t)(strstr(input, "㍻") - input));
    assert_int_equal(zy_norm_orig(&norm, norm.len), sizeof input - 1);
    assert_int_equal(zy_norm_orig(&norm, 0), 3);
    zy_norm_text_free(&norm);
}

/* Each BMP character alone normalises to utf8proc's NFKC of it, apart from the wave dashes,
 * minus signs and dashes (folded to ~ and -) and the BOM (dropped) that zuhyo maps itself. */
static void every_bmp_character_is_nfkc(void **state)
{
    (void)state;
    zy_diag diag;
    memset(&diag, 0, sizeof diag);
    zy_norm_text norm;
    memset(&norm, 0, sizeof norm);
    static const int32_t own[] = {0x301C, 0xFF5E, 0x223C, 0x2212, 0x2013, 0x2014, 0x2010, 0x2011, 0xFEFF};
    size_t checked = 0;
    for (int32_t cp = 0x80; cp <= 0xFFFF; cp++) {
        bool skip = cp >= 0xD800 && cp <= 0xDFFF;
        for (size_t k = 0; k < sizeof own / sizeof own[0]; k++)
            skip |= cp == own[k];
        if (skip)
            continue;
        utf8proc_uint8_t in[8];
        utf8proc_ssize_t n = utf8proc_encode_char(cp, in);
        utf8proc_uint8_t *mapped = NULL;
        utf8proc_ssize_t m = utf8proc_map(in, n, &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
        char want[32];
        bool comparable = m > 0 && m < 32;
        if (comparable) {
            memcpy(want, mapped, (size_t)m);
            want[m] = '\0';
        }
        free(mapped);
        if (!comparable)
            continue;
        assert_int_equal(zy_normalize(&diag, "t", (const char *)in, (size_t)n, 0, &norm), ZY_OK);
        if (norm.len != (size_t)m || memcmp(norm.text, want, (size_t)m) != 0) {
            zy_norm_text_free(&norm);
            fail_msg("U+%04X normalised differently from NFKC \"%s\"", (unsigned)cp, want);
        }
        checked++;
    }
    assert_true(checked > 60000);
    zy_norm_text_free(&norm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strings_survive_many_blocks),
        cmocka_unit_test(reset_reuses_and_take_moves),
        cmocka_unit_test(offset_map_is_exact_at_character_starts),
        cmocka_unit_test(every_bmp_character_is_nfkc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
