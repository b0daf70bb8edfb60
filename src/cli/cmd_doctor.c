/*
 * cmd_doctor.c: `zuhyo doctor [--json]`: which font files each face resolves to, with
 * versions, and whether Japanese text is covered. --json prints the faces charts use and
 * every face of the configuration with family, file, version string and SHA-256, for a CI
 * log or to pin fonts. May call: the public API, api/render.h (the fonts as JSON).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/render.h"
#include "cli/cli.h"
#include "util/paths.h"

/* {"zuhyo": VERSION, "japanese_coverage": bool, "used": [...], "faces": [...]} on stdout. */
static zy_status print_json(zy_context *ctx, bool covered)
{
    char *used = NULL, *every = NULL;
    zy_status st = zy_render_fonts_json(ctx, false, &used);
    if (st == ZY_OK)
        st = zy_render_fonts_json(ctx, true, &every);
    if (st == ZY_OK)
        printf("{\"zuhyo\": \"%s\", \"japanese_coverage\": %s,\n\"used\": %s,\n\"faces\": %s}\n",
               ZUHYO_VERSION_STRING, covered ? "true" : "false", used, every);
    free(used);
    free(every);
    return st;
}

int cmd_doctor(int argc, char **argv)
{
    zy_context_options co;
    zy_context_defaults(&co);
    co.warn = cli_print_warning;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            puts("usage: zuhyo doctor [--font FAMILY] [--font-dir DIR] [--json]\n\n"
                 "Print zuhyo's font configuration: the fonts.conf in use, the file and version\n"
                 "each face resolves to, the font folders searched, and whether a Japanese\n"
                 "sample is fully covered. Exit 1 when Japanese text would turn into boxes.\n"
                 "--json prints the faces charts use (\"used\") and every face configured\n"
                 "(\"faces\"), each with family, style, file, version string and SHA-256.");
            return EXIT_OK;
        } else if (strcmp(argv[i], "--font") == 0 && i + 1 < argc) {
            co.font_family = argv[++i];
        } else if (strcmp(argv[i], "--font-dir") == 0 && i + 1 < argc) {
            co.font_dir = argv[++i];
        } else if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else {
            return cli_usage("doctor", "unknown option %s", argv[i]);
        }
    }
    zy_context *ctx;
    zy_status st = zy_context_create(&co, &ctx);
    char *report = NULL;
    if (st == ZY_OK)
        st = zy_context_describe_fonts(ctx, &report);
    bool covered = report && strstr(report, "Japanese coverage: ok");
    if (st == ZY_OK && json)
        st = print_json(ctx, covered);
    else if (st == ZY_OK)
        printf("zuhyo %s\n%sdata: %s (entities.tsv)\n", ZUHYO_VERSION_STRING, report,
               zy_paths_data_dir());
    int rc = st ? cli_fail_ctx(st, ctx) : covered ? EXIT_OK : EXIT_DATA;
    free(report);
    zy_context_destroy(ctx);
    return rc;
}
