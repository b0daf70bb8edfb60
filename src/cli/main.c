/*
 * main.c: the zuhyo program: dispatch to a command, --help and --version.
 */
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
    "zuhyo " ZUHYO_VERSION_STRING ": figures from Japanese news text, drawn as charts\n"
    "\n"
    "usage: zuhyo <command> [options]\n"
    "\n"
    "commands:\n"
    "  auto      the main job: articles in, every chart they support out, with a gallery\n"
    "  bar       draw a bar chart from a CSV/TSV table or stored facts (PNG, SVG, PDF)\n"
    "  timeline  draw dated events on a time axis, with lanes\n"
    "  render    render a fixed list of charts from a JSON spec (--check for CI)\n"
    "  doctor    show the fonts each face resolves to, and check Japanese coverage\n"
    "  scan      print the figures found in articles as JSON Lines\n"
    "  extract   store articles and their figures in a SQLite database\n"
    "  facts     list stored figures (jsonl, tsv, csv)\n"
    "  eval      precision and recall of the extractor against annotated articles\n"
    "\n"
    "  zuhyo <command> --help   options of one command\n"
    "  zuhyo --version          version\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    /* Batches allocate and free the same few large buffers: keep them in the heap instead of
     * returning them to the kernel each time (page faults were a fifth of scan time). */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("zuhyo %s\n", ZUHYO_VERSION_STRING);
        return EXIT_OK;
    }
    static const struct { const char *name; int (*run)(int, char **); } commands[] = {
        {"auto", cmd_auto},
        {"bar", cmd_bar},
        {"timeline", cmd_timeline},
        {"render", cmd_render},
        {"doctor", cmd_doctor},
        {"scan", cmd_scan},
        {"eval", cmd_eval},
        {"extract", cmd_extract},
        {"facts", cmd_facts},
    };
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "zuhyo: usage error: unknown command \"%s\"\n\n%s", cmd, usage);
    return EXIT_USAGE;
}
