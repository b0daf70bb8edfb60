/*
 * cmd_auto.c: `zuhyo auto ARTICLES… [-o out/]`: the main job. Articles in, every chart they
 * support out, with manifest.json and an offline gallery.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

static const char auto_help[] =
    "usage: zuhyo auto [-o DIR] [--db PATH] [--format png,svg,pdf] [--size WxH] [--theme T]\n"
    "                  [--date YYYY-MM-DD] [--entities FILE] [--corrections FILE] [--quiet]\n"
    "                  [--allow-missing-glyphs] FILE…|DIR…\n"
    "\n"
    "Store the articles' figures (in DIR/zuhyo.db unless --db), then draw every chart they\n"
    "support: one per table, one per measure with three or more subjects in one unit, totals\n"
    "by country, rank changes, and a timeline of dated events; PNG and SVG unless --format.\n"
    "DIR/manifest.json lists the charts and the facts behind each row; DIR/index.html shows\n"
    "every chart beside its numbers and the sentences they came from (works offline).\n"
    "A character no font can draw is an error unless --allow-missing-glyphs.\n"
    "\n"
    "--min-confidence C  draw only facts the extractor is at least this sure of (0-1,\n"
    "                     default 0.6); manifest.json lists the others under left_out\n"
    "\n"
    "--corrections FILE fixes what the reading got wrong, for the charts only (the store and\n"
    "the articles stay as they are): one correction a line, an action and key=value fields\n"
    "separated by TABs (README \"Correcting a chart\" has the format):\n"
    "  owner   doc=103_chips_market.txt  subject=操業開始  to=TSMC\n"
    "  time    doc=105_chip_earnings.txt  text=2兆4315億円  to=2025-03\n"
    "  drop    doc=105_chip_earnings.txt  text=約1億4000万円\n"
    "  merge   subject=Sakana AI  to=サカナAI\n"
    "  rename  chart=TITLE  to=NEW TITLE       (and drop chart=TITLE; also value, measure)\n"
    "A fact a line edits is drawn whatever its confidence. A wrong line stops the run (exit\n"
    "2) before anything is written; one that matches nothing is a warning. manifest.json\n"
    "lists what each line matched.\n"
    "\n"
    "--svg-text          SVG charts keep their labels as text (font subset embedded) to edit\n"
    "\n"
    "example:\n"
    "  zuhyo auto samples/articles -o out/\n"
    "  zuhyo auto samples/articles --corrections fixes.tsv -o out/\n";

static volatile int interrupted;

static void on_interrupt(int sig)
{
    (void)sig;
    interrupted = 1;
}

static void show_progress(void *user, size_t done, size_t total, const char *path)
{
    (void)user;
    cli_progress(done, total, path);
}

int cmd_auto(int argc, char **argv)
{
    zy_auto_options o;
    memset(&o, 0, sizeof o);
    o.out_dir = "out";
    o.width = 1600;
    o.height = 900;
    o.min_confidence = ZY_AUTO_MIN_CONFIDENCE;
    zy_scan_options so = {0};
    o.scan = &so;
    bool quiet = false, allow_missing_glyphs = false;
    /* articles and options may come in any order: zuhyo auto samples/articles -o out/ */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    size_t nargs = 0;
    if (!args)
        return cli_fail(ZY_ERR_NOMEM, "out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(auto_help, stdout);
            free(args);
            return EXIT_OK;
        } else if (has && (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)) {
            o.out_dir = argv[++i];
        } else if (has && strcmp(a, "--db") == 0) {
            o.db = argv[++i];
        } else if (has && strcmp(a, "--format") == 0) {
            const char *f = argv[++i];
            o.png = strstr(f, "png") != NULL;
            o.svg = strstr(f, "svg") != NULL;
            o.pdf = strstr(f, "pdf") != NULL;
            if (!o.png && !o.svg && !o.pdf) {
                free(args);
                return cli_usage("auto", "--format %s: expected png, svg, pdf or a list such as png,svg", f);
            }
        } else if (has && strcmp(a, "--size") == 0) {
            if (!cli_parse_size(argv[++i], &o.width, &o.height)) {
                free(args);
                return cli_usage("auto", "--size %s: expected WxH, slide, slide-4x3 or a4", argv[i]);
            }
        } else if (has && strcmp(a, "--theme") == 0) {
            const char *t = argv[++i];
            if (strcmp(t, "light") != 0 && strcmp(t, "dark") != 0) {
                free(args);
                return cli_usage("auto", "--theme %s: expected light or dark", t);
            }
            o.theme = strcmp(t, "dark") == 0 ? ZY_THEME_DARK : ZY_THEME_LIGHT;
        } else if (has && strcmp(a, "--date") == 0) {
            so.date = argv[++i];
            if (!cli_valid_date(so.date)) {
                free(args);
                return cli_usage("auto", "--date %s: expected a day written YYYY-MM-DD", so.date);
            }
        } else if (has && strcmp(a, "--entities") == 0) {
            so.entities = argv[++i];
        } else if (has && strcmp(a, "--min-confidence") == 0) {
            char *end;
            const char *c = argv[++i];
            o.min_confidence = strtod(c, &end);
            if (end == c || *end || !(o.min_confidence >= 0 && o.min_confidence <= 1)) {
                free(args);
                return cli_usage("auto", "--min-confidence %s: expected a number from 0 to 1", c);
            }
        } else if (has && strcmp(a, "--corrections") == 0) {
            o.corrections = argv[++i];
        } else if (strcmp(a, "--svg-text") == 0) {
            o.svg_text = true;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            quiet = true;
        } else if (strcmp(a, "--allow-missing-glyphs") == 0) {
            allow_missing_glyphs = true;
        } else if (a[0] == '-' && a[1]) {
            free(args);
            return cli_usage("auto", "unknown option or missing value: %s", a);
        } else {
            args[nargs++] = argv[i];
        }
    }
    if (o.svg_text && (o.png || o.pdf) && !o.svg) {
        free(args);
        return cli_usage("auto", "--svg-text is for SVG charts: add svg to --format");
    }
    if (nargs == 0) {
        free(args);
        return cli_usage("auto", "give the articles (files or folders)");
    }
    char **files = NULL;
    size_t nfiles = 0;
    for (size_t i = 0; i < nargs; i++) {
        struct stat sb;
        size_t n = 1;
        char **listed = stat(args[i], &sb) == 0 && S_ISDIR(sb.st_mode) ? cli_list_dir(args[i], ".txt", &n) : NULL;
        char **grown = realloc(files, (nfiles + n + 1) * sizeof *files);
        if (!grown)
            return cli_fail(ZY_ERR_NOMEM, "out of memory");
        files = grown;
        for (size_t k = 0; k < n; k++)
            files[nfiles++] = listed ? listed[k] : strdup(args[i]);
        free(listed);
    }
    free(args);
    nfiles = cli_drop_repeats(files, nfiles);
    if (!quiet && nfiles > 1 && isatty(STDERR_FILENO))
        o.progress = show_progress;
    zy_context_options co;
    zy_context_defaults(&co);
    co.warn = cli_print_warning;
    co.strict_fonts = !allow_missing_glyphs; /* boxes for digits must not pass a CI job */
    zy_context *ctx;
    zy_status st = zy_context_create(&co, &ctx);
    size_t ncharts = 0;
    /* SIGINT and SIGTERM end the run between two steps: the article being stored is rolled
     * back, no chart is half-written (each file is written whole or not at all) */
    struct sigaction sa, old_int, old_term;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    o.interrupted = &interrupted;
    if (st == ZY_OK)
        st = zy_auto(ctx, (const char *const *)files, nfiles, &o, &ncharts);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    int rc = st && interrupted ? 130 : st ? cli_fail_ctx(st, ctx) : EXIT_OK;
    if (st && interrupted)
        fprintf(stderr, "zuhyo: interrupted; the store keeps the articles stored before, no chart is half-written\n");
    if (rc == EXIT_OK && !quiet) {
        char *abs = realpath(o.out_dir, NULL);
        fprintf(stderr, "zuhyo: %zu articles, %zu charts; gallery: %s/index.html\n", nfiles, ncharts,
                abs ? abs : o.out_dir);
        free(abs);
    }
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    zy_context_destroy(ctx);
    return rc;
}
