/*
 * cmd_extract.c: `zuhyo extract [--db PATH] FILE…|DIR…`: store documents and their facts.
 * Each document is one transaction; Ctrl-C leaves the database as it was before the document
 * being read. A progress bar on stderr when it is a terminal and there are several files.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

static const char extract_help[] =
    "usage: zuhyo extract [--db PATH] [--date YYYY-MM-DD] [--entities FILE] [--quiet] FILE…|DIR…\n"
    "\n"
    "Scan articles (a folder means its *.txt files) and store them with their facts in a SQLite\n"
    "database (default out/zuhyo.db). Re-running on the same file replaces its facts. Only\n"
    "regular files are read (a FIFO or device in a folder is skipped, with a warning); a file\n"
    "that cannot be read is reported and the others are stored (exit 1 at the end).\n"
    "UTF-16, Shift_JIS and EUC-JP articles are converted to UTF-8, with a warning.\n"
    "  --db PATH            the database (created when missing)\n"
    "  --date YYYY-MM-DD    the articles' date, for dates written without a year\n"
    "  --entities FILE      extra companies/institutions (TSV: name, type, country, aliases)\n"
    "  --quiet              no progress bar and no summary\n";

static volatile int interrupted;

static void on_interrupt(int sig)
{
    (void)sig;
    interrupted = 1;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Is the failure the article's own (cannot be opened or read, not text), so that the other
 * articles can still be stored? Such messages start with its path. */
static bool about_the_file(zy_status st, const char *msg, const char *path)
{
    size_t n = strlen(path);
    return (st == ZY_ERR_IO || st == ZY_ERR_PARSE) && strncmp(msg, path, n) == 0 && msg[n] == ':';
}

int cmd_extract(int argc, char **argv)
{
    const char *db = "out/zuhyo.db";
    zy_scan_options so = {0};
    bool quiet = false;
    int first = argc;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(extract_help, stdout);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
            so.date = argv[++i];
            if (!cli_valid_date(so.date))
                return cli_usage("extract", "--date %s: expected a day written YYYY-MM-DD", so.date);
        } else if (strcmp(argv[i], "--entities") == 0 && i + 1 < argc) {
            so.entities = argv[++i];
        } else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
            quiet = true;
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            return cli_usage("extract", "unknown option %s", argv[i]);
        } else {
            first = i;
            break;
        }
    }
    if (first >= argc)
        return cli_usage("extract", "give the articles (files or folders) to store");
    /* the list of files: folders expand to their *.txt files */
    char **files = NULL;
    size_t nfiles = 0;
    for (int i = first; i < argc; i++) {
        size_t n = 1;
        char **listed = is_dir(argv[i]) ? cli_list_dir(argv[i], ".txt", &n) : NULL;
        char **grown = realloc(files, (nfiles + n + 1) * sizeof *files);
        if (!grown)
            return cli_fail(ZY_ERR_NOMEM, "out of memory");
        files = grown;
        for (size_t k = 0; k < n; k++)
            files[nfiles++] = listed ? listed[k] : strdup(argv[i]);
        free(listed);
    }
    zy_context_options co;
    zy_context_defaults(&co);
    co.warn = cli_print_warning;
    zy_context *ctx;
    zy_store *store = NULL;
    zy_status st = zy_context_create(&co, &ctx);
    if (st == ZY_OK)
        st = zy_store_open(ctx, db, &store);
    int rc = st ? cli_fail_ctx(st, ctx) : EXIT_OK;
    struct sigaction sa, old_int, old_term;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    nfiles = cli_drop_repeats(files, nfiles);
    bool bar = !quiet && nfiles > 1 && isatty(STDERR_FILENO);
    size_t stored = 0, facts = 0, failed = 0;
    for (size_t i = 0; rc == EXIT_OK && i < nfiles; i++) {
        if (bar)
            cli_progress(i, nfiles, files[i]);
        size_t n;
        st = zy_store_extract(ctx, store, files[i], &so, &interrupted, &n);
        if (st && interrupted) {
            if (bar)
                fputc('\n', stderr);
            fprintf(stderr, "zuhyo: interrupted; %s was not stored, %zu earlier files were\n",
                    files[i], stored);
            rc = 130;
            break;
        }
        if (st) { /* one file that cannot be read does not stop the others */
            if (bar)
                fputc('\n', stderr);
            cli_fail_ctx(st, ctx);
            if (!about_the_file(st, zy_errmsg(ctx), files[i])) { /* the database, memory, the
                                                                    dictionary: stop */
                rc = EXIT_DATA;
                break;
            }
            failed++;
            continue;
        }
        stored++;
        facts += n;
        if (bar)
            cli_progress(i + 1, nfiles, files[i]);
    }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    if (rc == EXIT_OK && !quiet)
        fprintf(stderr, "zuhyo: stored %zu document%s, %zu facts in %s\n", stored,
                stored == 1 ? "" : "s", facts, db);
    if (rc == EXIT_OK && failed) {
        fprintf(stderr, "zuhyo: error: %zu of %zu files could not be stored (see above)\n", failed,
                nfiles);
        rc = EXIT_DATA;
    }
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    zy_store_close(store);
    zy_context_destroy(ctx);
    return rc;
}
