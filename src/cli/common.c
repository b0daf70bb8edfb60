/*
 * common.c: messages, exit codes and small option parsers shared by the commands.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "util/file.h"

static int exit_code_for(zy_status status)
{
    return status == ZY_ERR_USAGE ? EXIT_USAGE : EXIT_DATA;
}

int cli_fail(zy_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("zuhyo: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return exit_code_for(status);
}

int cli_fail_ctx(zy_status status, const zy_context *ctx)
{
    const char *msg = zy_errmsg(ctx);
    return cli_fail(status, "%s", *msg ? msg : zy_status_str(status));
}

int cli_usage(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("zuhyo: usage error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fprintf(stderr, "Try 'zuhyo %s --help'.\n", command ? command : "");
    return EXIT_USAGE;
}

void cli_print_warning(void *user_data, const char *msg)
{
    (void)user_data;
    fprintf(stderr, "zuhyo: warning: %s\n", msg);
}

bool cli_parse_size(const char *text, int *width, int *height)
{
    static const struct { const char *name; int w, h; } presets[] = {
        {"slide", 1920, 1080}, {"slide-4x3", 1440, 1080}, {"a4", 842, 595}, {"default", 1600, 900},
    };
    for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++)
        if (strcmp(text, presets[i].name) == 0) {
            *width = presets[i].w;
            *height = presets[i].h;
            return true;
        }
    char *end;
    errno = 0;
    long w = strtol(text, &end, 10);
    if (end == text || (*end != 'x' && *end != 'X'))
        return false;
    const char *rest = end + 1;
    long h = strtol(rest, &end, 10);
    if (end == rest || *end || errno || w <= 0 || h <= 0 || w > 100000 || h > 100000)
        return false;
    *width = (int)w;
    *height = (int)h;
    return true;
}

bool cli_parse_count(const char *text, size_t *out)
{
    char *end;
    errno = 0;
    if (!*text || *text == '-')
        return false;
    unsigned long long v = strtoull(text, &end, 10);
    if (*end || errno)
        return false;
    *out = (size_t)v;
    return true;
}

int cli_choose(const char *text, const char *const *choices)
{
    for (int i = 0; choices[i]; i++)
        if (strcmp(text, choices[i]) == 0)
            return i;
    return -1;
}

int cli_output_format(const char *command, const char *output, const char *format_name,
                      zy_format *format)
{
    struct stat st;
    if (strcmp(output, "-") != 0 && stat(output, &st) == 0 && !S_ISREG(st.st_mode) &&
        !S_ISDIR(st.st_mode))
        return cli_fail(ZY_ERR_IO, "-o %s: is %s; only a regular file or a new path is written "
                        "(-o - writes stdout)", output, zy_file_kind_name(st.st_mode));
    static const char *const formats[] = {"png", "svg", "pdf", NULL};
    if (format_name) {
        int k = cli_choose(format_name, formats);
        if (k < 0)
            return cli_usage(command, "--format %s: expected png, svg or pdf", format_name);
        *format = (zy_format)k;
        return EXIT_OK;
    }
    if (strcmp(output, "-") == 0)
        return cli_usage(command, "-o - writes stdout and needs --format png|svg|pdf");
    if (stat(output, &st) == 0 && S_ISDIR(st.st_mode))
        return cli_usage(command, "-o %s: is a folder; give a file name such as %s/chart.png",
                         output, output);
    if (!zy_format_from_path(output, format))
        return cli_usage(command, "-o %s: the name must end in .png, .svg or .pdf (or give --format)",
                         output);
    return EXIT_OK;
}

bool cli_make_dirs(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0755) != 0 && errno != EEXIST)
                return false;
            *p = '/';
        }
    return mkdir(buf, 0755) == 0 || errno == EEXIST;
}

void cli_progress(size_t done, size_t total, const char *name)
{
    int width = 30, filled = (int)(done * (size_t)width / (total ? total : 1));
    fprintf(stderr, "\r[%.*s%*s] %zu/%zu %-40.40s", filled, "##############################",
            width - filled, "", done, total, name);
    if (done == total)
        fputc('\n', stderr);
}

bool cli_valid_date(const char *text)
{
    return zy_valid_day(text);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is the folder entry path one to read? A FIFO, socket or device is skipped with a warning
 * (opening it could wait for ever); one that cannot be looked at is kept, for the reader to
 * report. */
static bool listable(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return true;
    fprintf(stderr, "zuhyo: warning: %s: skipped: %s, not a regular file\n", path,
            zy_file_kind_name(st.st_mode));
    return false;
}

char **cli_list_dir(const char *dir, const char *suffix, size_t *count)
{
    DIR *d = opendir(dir);
    *count = 0;
    if (!d)
        return NULL;
    char **names = NULL;
    struct dirent *e;
    size_t sl = strlen(suffix);
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n < sl || strcmp(e->d_name + n - sl, suffix) != 0)
            continue;
        size_t len = strlen(dir) + n + 2;
        char *path = malloc(len);
        if (!path)
            break;
        snprintf(path, len, "%s/%s", dir, e->d_name);
        if (!listable(path)) {
            free(path);
            continue;
        }
        char **grown = realloc(names, (*count + 2) * sizeof *names);
        if (!grown) {
            free(path);
            break;
        }
        names = grown;
        names[(*count)++] = path;
        names[*count] = NULL;
    }
    closedir(d);
    if (names)
        qsort(names, *count, sizeof *names, by_name);
    return names;
}

size_t cli_drop_repeats(char **files, size_t n)
{
    struct stat *seen = calloc(n ? n : 1, sizeof *seen);
    bool *known = calloc(n ? n : 1, sizeof *known);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        bool has = stat(files[i], &st) == 0 && seen && known;
        long same = -1;
        for (size_t k = 0; k < kept && same < 0; k++)
            if (has && known[k] ? seen[k].st_dev == st.st_dev && seen[k].st_ino == st.st_ino
                                : strcmp(files[k], files[i]) == 0)
                same = (long)k;
        if (same >= 0) {
            fprintf(stderr, "zuhyo: warning: %s: the same file as %s; read once\n", files[i],
                    files[same]);
            free(files[i]);
            continue;
        }
        if (seen && known) {
            known[kept] = has;
            if (has)
                seen[kept] = st;
        }
        files[kept++] = files[i];
    }
    free(seen);
    free(known);
    return kept;
}

/* Where text is not well-formed UTF-8 or holds a control character other than tab and line
 * feed (neither can be drawn or written into SVG): its byte offset, or -1. */
static long bad_text_at(const char *text, bool *control)
{
    const unsigned char *s = (const unsigned char *)text;
    *control = false;
    for (size_t i = 0; s[i];) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 1 && ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)) {
            *control = true;
            return (long)i;
        }
        for (size_t k = 1; k < n; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                n = 0;
        /* overlong three-byte forms, UTF-16 surrogates, beyond U+10FFFF */
        if (n == 3 && ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0)))
            n = 0;
        if (n == 4 && ((c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90)))
            n = 0;
        if (n == 0)
            return (long)i;
        i += n;
    }
    return -1;
}

int cli_check_texts(const char *command, ...)
{
    va_list ap;
    va_start(ap, command);
    int rc = EXIT_OK;
    const char *option;
    while (rc == EXIT_OK && (option = va_arg(ap, const char *))) {
        const char *value = va_arg(ap, const char *);
        bool control;
        long at = value ? bad_text_at(value, &control) : -1;
        if (at >= 0 && control)
            rc = cli_usage(command, "%s: a control character (0x%02X) at byte %ld; give plain text",
                           option, (unsigned char)value[at], at + 1);
        else if (at >= 0)
            rc = cli_usage(command, "%s: invalid UTF-8 (byte 0x%02X at byte %ld); give UTF-8 text",
                           option, (unsigned char)value[at], at + 1);
    }
    va_end(ap);
    return rc;
}

bool cli_valid_time_prefix(const char *text)
{
    char day[11];
    size_t n = strlen(text);
    if (n >= 2 && text[0] == '-' && text[1] == '-') { /* a day without its year: --MM or --MM-DD */
        if (n != 4 && n != 7)
            return false;
        snprintf(day, sizeof day, "2000-%s%s", text + 2, n == 4 ? "-01" : "");
        return cli_valid_date(day);
    }
    if (n != 4 && n != 7 && n != 10)
        return false;
    snprintf(day, sizeof day, "%s%s", text, n == 4 ? "-01-01" : n == 7 ? "-01" : "");
    return cli_valid_date(day);
}

bool cli_parse_scale(const char *text, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end || errno || !isfinite(v) || v < 0.1 || v > 8)
        return false;
    *out = v;
    return true;
}

const char *cli_json_position(char *buf, size_t size, const char *path, int line, int column)
{
    /* jansson gives -1 for an error that is not at a place in the text (the file is missing
     * or unreadable): then only the path */
    if (line >= 1 && column >= 1)
        snprintf(buf, size, "%s:%d:%d", path, line, column);
    else if (line >= 1)
        snprintf(buf, size, "%s:%d", path, line);
    else
        snprintf(buf, size, "%s", path);
    return buf;
}
