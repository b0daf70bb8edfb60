/*
 * cmd_doctor.c: `zuhyo doctor`: which font files each face resolves to, with versions, and
 * whether Japanese text is covered.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int cmd_doctor(int argc, char **argv)
{
    zy_context_options co;
    zy_context_defaults(&co);
    co.warn = cli_print_warning;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            puts("usage: zuhyo doctor [--font FAMILY] [--font-dir DIR]\n\n"
                 "Print zuhyo's font configuration: the fonts.conf in use, the file and version\n"
                 "each face resolves to, the font folders searched, and whether a Japanese\n"
                 "sample is fully covered. Exit 1 when Japanese text would turn into boxes.");
            return EXIT_OK;
        } else if (strcmp(argv[i], "--font") == 0 && i + 1 < argc) {
            co.font_family = argv[++i];
        } else if (strcmp(argv[i], "--font-dir") == 0 && i + 1 < argc) {
            co.font_dir = argv[++i];
        } else {
            return cli_usage("doctor", "unknown option %s", argv[i]);
        }
    }
    zy_context *ctx;
    zy_status st = zy_context_create(&co, &ctx);
    char *report = NULL;
    if (st == ZY_OK)
        st = zy_context_describe_fonts(ctx, &report);
    if (st) {
        int rc = cli_fail_ctx(st, ctx);
        zy_context_destroy(ctx);
        return rc;
    }
    printf("zuhyo %s\n%s", ZUHYO_VERSION_STRING, report);
    int rc = strstr(report, "Japanese coverage: ok") ? EXIT_OK : EXIT_DATA;
    free(report);
    zy_context_destroy(ctx);
    return rc;
}
