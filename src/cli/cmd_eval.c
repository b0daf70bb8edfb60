/*
 * cmd_eval.c: `zuhyo eval --gold DIR|FILE [FILES…]`: precision and recall of the extractor
 * against annotated articles, in the same terms as the team's scorer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "api/context.h"
#include "cli/cli.h"
#include "extract/evaluate.h"
#include "util/file.h"

static const char eval_help[] =
    "usage: zuhyo eval --gold DIR|FILE [--verbose] [--fail-under R,V,P] FILE|DIR…\n"
    "\n"
    "Scan the articles and score the facts against gold annotations (TSV: doc, class R/N/O,\n"
    "kind, value, value_max, unit, time, subject aliases, note; doc is the first three\n"
    "characters of the article's file name). Prints per article R hits, value hits and\n"
    "precision, then a summary line. --fail-under exits 1 when R-recall, value-recall or\n"
    "precision is below the given fractions (e.g. 0.9,0.9,0.9).\n";

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cmd_eval(int argc, char **argv)
{
    const char *gold_path = NULL, *fail_under = NULL;
    bool verbose = false;
    /* options and articles in any order */
    char **articles = calloc((size_t)argc, sizeof *articles);
    int narticles = 0;
    if (!articles)
        return cli_fail(ZY_ERR_NOMEM, "out of memory");
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(eval_help, stdout);
            free(articles);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--gold") == 0 && i + 1 < argc) {
            gold_path = argv[++i];
        } else if (strcmp(argv[i], "--fail-under") == 0 && i + 1 < argc) {
            fail_under = argv[++i];
        } else if (strcmp(argv[i], "--verbose") == 0) {
            verbose = true;
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            free(articles);
            return cli_usage("eval", "unknown option %s", argv[i]);
        } else {
            articles[narticles++] = argv[i];
        }
    }
    double min[3] = {0, 0, 0};
    int bad = 0;
    if (!gold_path)
        bad = cli_usage("eval", "--gold DIR|FILE is required");
    else if (narticles == 0)
        bad = cli_usage("eval", "give the articles to score");
    else if (fail_under && sscanf(fail_under, "%lf,%lf,%lf", &min[0], &min[1], &min[2]) != 3)
        bad = cli_usage("eval", "--fail-under %s: expected R,V,P such as 0.9,0.9,0.9", fail_under);
    if (bad) {
        free(articles);
        return bad;
    }

    zy_context_options co;
    zy_context_defaults(&co);
    co.warn = cli_print_warning;
    zy_context *ctx;
    zy_status st = zy_context_create(&co, &ctx);
    zy_gold gold = {0};
    if (st == ZY_OK) {
        size_t n = 0;
        char **files = is_dir(gold_path) ? cli_list_dir(gold_path, ".tsv", &n) : NULL;
        if (is_dir(gold_path) && n == 0)
            st = zy_diag_fail(&ctx->diag, ZY_ERR_IO, "%s: no .tsv gold files in this folder", gold_path);
        for (size_t i = 0; st == ZY_OK && i < n; i++)
            st = zy_gold_load(&gold, &ctx->diag, files[i]);
        if (!is_dir(gold_path))
            st = zy_gold_load(&gold, &ctx->diag, gold_path);
        for (size_t i = 0; i < n; i++)
            free(files[i]);
        free(files);
    }
    zy_eval_totals totals = {0};
    zy_buf report;
    zy_buf_init(&report, 0);
    for (int i = 0; st == ZY_OK && i < narticles; i++) {
        size_t n = 1;
        char **listed = is_dir(articles[i]) ? cli_list_dir(articles[i], ".txt", &n) : NULL;
        for (size_t k = 0; st == ZY_OK && k < n; k++) {
            const char *path = listed ? listed[k] : articles[i];
            zy_buf bytes;
            zy_buf_init(&bytes, (size_t)1 << 30);
            st = zy_file_read(&ctx->diag, path, &bytes);
            zy_document *doc = NULL;
            if (st == ZY_OK)
                st = zy_scan(ctx, path, bytes.data ? bytes.data : "", bytes.len, NULL, &doc);
            if (st == ZY_OK)
                st = zy_evaluate_document(&gold, doc, verbose, &report, &totals);
            zy_document_destroy(doc);
            zy_buf_free(&bytes);
        }
        for (size_t k = 0; listed && k < n; k++)
            free(listed[k]);
        free(listed);
    }
    int rc = EXIT_OK;
    if (st) {
        rc = cli_fail_ctx(st, ctx);
    } else {
        double rr = (double)totals.r_hit / (double)(totals.r_n ? totals.r_n : 1);
        double vr = (double)totals.v_hit / (double)(totals.v_n ? totals.v_n : 1);
        size_t nf = totals.tp + totals.fp;
        double pr = (double)totals.tp / (double)(nf ? nf : 1);
        fputs(report.data ? report.data : "", stdout);
        printf("summary: R-recall %.3f value-recall %.3f precision %.3f facts %zu\n", rr, vr, pr, nf);
        if (fail_under && (rr < min[0] || vr < min[1] || pr < min[2])) {
            fprintf(stderr, "zuhyo: eval: below --fail-under %s\n", fail_under);
            rc = EXIT_DATA;
        }
    }
    zy_buf_free(&report);
    zy_gold_free(&gold);
    zy_context_destroy(ctx);
    free(articles);
    return rc;
}
