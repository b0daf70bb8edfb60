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

/* Is the failure the file's own (cannot be opened or read), so that the others can still be
 * read? Such messages start with its path. */
static bool about_the_file(zy_status st, const char *msg, const char *path)
{
    size_t n = strlen(path);
    return (st == ZY_ERR_IO || st == ZY_ERR_PARSE) && strncmp(msg, path, n) == 0 && msg[n] == ':';
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
    /* the files, each once; "-" (stdin) when none */
    size_t nfiles = first < argc ? (size_t)(argc - first) : 1;
    char **files = calloc(nfiles, sizeof *files);
    for (size_t i = 0; files && i < nfiles; i++)
        if (!(files[i] = strdup(first < argc ? argv[first + (int)i] : "-")))
            nfiles = i;
    if (!files) {
        zy_context_destroy(ctx);
        return cli_fail(ZY_ERR_NOMEM, "out of memory");
    }
    nfiles = cli_drop_repeats(files, nfiles);
    int rc = EXIT_OK;
    size_t failed = 0;
    for (size_t i = 0; i < nfiles && rc == EXIT_OK; i++) {
        st = zy_scan_file(ctx, files[i], &so, print_batch, ctx);
        if (st && about_the_file(st, zy_errmsg(ctx), files[i])) { /* the others are still read */
            cli_fail_ctx(st, ctx);
            failed++;
        } else if (st) {
            rc = cli_fail_ctx(st, ctx);
        }
    }
    if (rc == EXIT_OK && failed) {
        if (nfiles > 1)
            fprintf(stderr, "zuhyo: error: %zu of %zu files could not be read (see above)\n",
                    failed, nfiles);
        rc = EXIT_DATA;
    }
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    zy_context_destroy(ctx);
    if (fflush(stdout) != 0 && rc == EXIT_OK)
        rc = cli_fail(ZY_ERR_IO, "stdout: write failed");
    return rc;
}
