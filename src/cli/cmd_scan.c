/*
 * cmd_scan.c: `zuhyo scan [FILE…|-]`: print the facts found, one JSON object per line,
 * touching no database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char scan_help[] =
    "usage: zuhyo scan [--date YYYY-MM-DD] [--entities FILE] [--numbers] [FILE…|-]\n"
    "\n"
    "Print every figure found in the articles as JSON Lines (see README, \"The fact record\").\n"
    "No file, or \"-\", reads stdin.\n"
    "  --date YYYY-MM-DD   the article's date, for 1月29日, 今年 and the like\n"
    "  --entities FILE     extra companies/institutions (TSV: name, type, country, aliases)\n"
    "  --numbers           also print every bare number (no unit) as kind \"number\"\n";

/* Print one batch of facts as JSON Lines. */
static zy_status print_batch(void *user, const zy_document *batch)
{
    zy_context *ctx = user;
    return zy_document_write_jsonl(ctx, batch, stdout);
}

int cmd_scan(int argc, char **argv)
{
    zy_scan_options so = {0};
    int first = argc;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(scan_help, stdout);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
            so.date = argv[++i];
            if (!cli_valid_date(so.date))
                return cli_usage("scan", "--date %s: expected a day written YYYY-MM-DD", so.date);
        } else if (strcmp(argv[i], "--entities") == 0 && i + 1 < argc) {
            so.entities = argv[++i];
        } else if (strcmp(argv[i], "--numbers") == 0) {
            so.numbers = true;
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            return cli_usage("scan", "unknown option %s", argv[i]);
        } else {
            first = i;
            break;
        }
    }
    zy_context_options co;
    zy_context_defaults(&co);
    co.warn = cli_print_warning;
    zy_context *ctx;
    zy_status st = zy_context_create(&co, &ctx);
    if (st) {
        int rc = cli_fail_ctx(st, ctx);
        zy_context_destroy(ctx);
        return rc;
    }
    const char *stdin_only[] = {"-"};
    const char **files = first < argc ? (const char **)argv + first : stdin_only;
    int nfiles = first < argc ? argc - first : 1;
    int rc = EXIT_OK;
    for (int i = 0; i < nfiles && rc == EXIT_OK; i++) {
        st = zy_scan_file(ctx, files[i], &so, print_batch, ctx);
        if (st)
            rc = cli_fail_ctx(st, ctx);
    }
    zy_context_destroy(ctx);
    if (fflush(stdout) != 0 && rc == EXIT_OK)
        rc = cli_fail(ZY_ERR_IO, "stdout: write failed");
    return rc;
}
