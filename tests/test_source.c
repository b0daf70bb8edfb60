/*
 * test_source.c: text files read as UTF-8 (util/source.h): which encoding the start of a file
 * is taken for, table-driven; that a file in each read in small pieces gives back the UTF-8
 * text exactly (sequences cut between reads); that a FIFO is refused without waiting.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/source.h"

static const char text[] = "架空の商社、南風物産の2025年3月期の純利益は前期比8%増の410億円。\n"
                           "海外の売上高比率は62%に達した。社員数は約3,200人。\n";

/* text in encoding (iconv's name), malloc'd, its length in *len. */
static char *encode(const char *encoding, const char *utf8, size_t *len)
{
    iconv_t cd = iconv_open(encoding, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t cap = strlen(utf8) * 4 + 8, left = strlen(utf8), room = cap;
    char *out = malloc(cap), *o = out, *in = (char *)utf8;
    assert_true(iconv(cd, &in, &left, &o, &room) != (size_t)-1);
    iconv_close(cd);
    *len = cap - room;
    return out;
}

typedef struct guess_case {
    const char *encode_as; /* iconv name the text is written in, NULL: raw bytes below */
    const char *bytes;
    const char *expected;  /* the guess, NULL: UTF-8 (passed on) */
} guess_case;

static void test_guesses(void **state)
{
    (void)state;
    static const guess_case cases[] = {
        {"UTF-8", NULL, NULL},
        {"SHIFT_JIS", NULL, "Shift_JIS"},
        {"CP932", NULL, "Shift_JIS"},
        {"EUC-JP", NULL, "EUC-JP"},
        {"UTF-16", NULL, "UTF-16LE"}, /* glibc writes a mark, little-endian here */
        {"UTF-16LE", NULL, "UTF-16LE"},
        {"UTF-16BE", NULL, "UTF-16BE"},
        /* UTF-8 with one stray byte stays UTF-8: the byte is skipped later, with a warning */
        {NULL, "売上高は\xff" "100億円、営業利益は20億円だった。", NULL},
        /* a Latin-1 byte in English text is no Japanese encoding */
        {NULL, "Plain caf\xe9 text with a stray byte in it.", NULL},
        {NULL, "Caf\xe9s et th\xe9s, pr\xe9sident, \xe9tudiant.", NULL}, /* pairs that read as CP932 */
        {NULL, "ASCII only, 2025-01-01.", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const guess_case *c = &cases[i];
        size_t len, bom;
        char *bytes = c->encode_as ? encode(c->encode_as, text, &len) : strdup(c->bytes);
        if (!c->encode_as)
            len = strlen(bytes);
        const char *got = zy_encoding_guess(bytes, len, &bom);
        if ((got == NULL) != (c->expected == NULL) || (got && strcmp(got, c->expected) != 0))
            fail_msg("case %zu (%s): guessed %s, expected %s", i, c->encode_as ? c->encode_as : c->bytes,
                     got ? got : "UTF-8", c->expected ? c->expected : "UTF-8");
        free(bytes);
    }
}

/* Each encoding, written to a file and read 1 to 7 bytes at a time, gives back text exactly. */
static void test_read_in_small_pieces(void **state)
{
    (void)state;
    static const char *const encodings[] = {"UTF-8", "SHIFT_JIS", "EUC-JP", "UTF-16", "UTF-16BE"};
    for (size_t e = 0; e < sizeof encodings / sizeof encodings[0]; e++) {
        char path[] = "/tmp/zuhyo-source-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        size_t len;
        char *bytes = encode(encodings[e], text, &len);
        assert_int_equal(write(fd, bytes, len), (ssize_t)len);
        close(fd);
        free(bytes);
        zy_diag diag;
        memset(&diag, 0, sizeof diag);
        zy_source *src;
        assert_int_equal(zy_source_open(&diag, path, NULL, &src), ZY_OK);
        char out[1024];
        size_t have = 0, got, piece = 0;
        do {
            piece = piece % 7 + 1;
            assert_int_equal(zy_source_read(src, out + have, piece, &got), ZY_OK);
            have += got;
        } while (got > 0 && have + 8 < sizeof out);
        zy_source_close(src);
        unlink(path);
        out[have] = '\0';
        if (strcmp(out, text) != 0)
            fail_msg("%s read back as \"%s\"", encodings[e], out);
    }
}

static void test_fifo_refused(void **state)
{
    (void)state;
    char dir[] = "/tmp/zuhyo-fifo-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/pipe.txt", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    zy_diag diag;
    memset(&diag, 0, sizeof diag);
    zy_source *src;
    assert_int_equal(zy_source_open(&diag, path, NULL, &src), ZY_ERR_IO); /* returns: no wait */
    assert_null(src);
    assert_non_null(strstr(diag.message, "is a FIFO"));
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_guesses),
        cmocka_unit_test(test_read_in_small_pieces),
        cmocka_unit_test(test_fifo_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
