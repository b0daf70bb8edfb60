/*
 * cli.h: shared pieces of the zuhyo command-line program: exit codes, messages, the
 * options every drawing command takes. Only the CLI prints or exits.
 */
#ifndef ZY_CLI_H
#define ZY_CLI_H

#include <stdbool.h>
#include "zuhyo/zuhyo.h"

enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

/* Print "zuhyo: error: …" and return the exit code for status. */
int cli_fail(zy_status status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Exit code for a library failure, printing zy_errmsg(ctx). */
int cli_fail_ctx(zy_status status, const zy_context *ctx);
/* A usage error with a pointer to --help. */
int cli_usage(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Is text a real calendar day written YYYY-MM-DD (not 2025-13-45, not 2025-02-30)? */
bool cli_valid_date(const char *text);

/* Warning sink that prints "zuhyo: warning: …" to stderr. */
void cli_print_warning(void *user_data, const char *msg);

/* Parse "1600x900", "slide", "slide-4x3" or "a4". */
bool cli_parse_size(const char *text, int *width, int *height);
/* Parse a whole non-negative integer. */
bool cli_parse_count(const char *text, size_t *out);

/* Index of text in the NULL-terminated choices, or -1. */
int cli_choose(const char *text, const char *const *choices);
/* The output format from --format or the -o file's extension; a usage exit code on error. */
int cli_output_format(const char *command, const char *output, const char *format_name,
                      zy_format *format);

/* A progress bar on stderr: "[####    ] 3/10 name". */
void cli_progress(size_t done, size_t total, const char *name);

/* mkdir -p: create path and its missing parents; false (errno set) on failure. */
bool cli_make_dirs(const char *path);

/* Files of a folder whose names end in suffix, sorted, as a malloc'd NULL-terminated list.
 * Only regular files (and entries that cannot be looked at, for the reader to report): a
 * FIFO, socket or device is skipped with a warning naming it. */
char **cli_list_dir(const char *dir, const char *suffix, size_t *count);

/* Drop the later of two names for the same file (same device and inode; same text when it
 * cannot be looked at) from the malloc'd names files[0..n), freeing them, with a warning;
 * the count kept. */
size_t cli_drop_repeats(char **files, size_t n);

/* Check texts given as options: pairs of (option name, value) ended by a NULL name; a NULL
 * value is skipped. Invalid UTF-8 or a control character is a usage error naming the option
 * and the byte (the exit code); EXIT_OK when all are fine. */
int cli_check_texts(const char *command, ...);

/* Is text a time prefix that can exist: YYYY, YYYY-MM, YYYY-MM-DD, --MM or --MM-DD (a day
 * without its year), with a real month and day (not 2025-13, not 2025-02-30)? */
bool cli_valid_time_prefix(const char *text);

/* Parse --scale: a number from 0.1 to 8. */
bool cli_parse_scale(const char *text, double *out);

/* "path:line:column" for a JSON error, or only what is known ("path" when the file could not
 * be read: jansson's line and column are -1 then). Returns buf. */
const char *cli_json_position(char *buf, size_t size, const char *path, int line, int column);

int cmd_bar(int argc, char **argv);
int cmd_doctor(int argc, char **argv);
int cmd_scan(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_facts(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_auto(int argc, char **argv);
int cmd_render(int argc, char **argv);

#endif
