/*
 * cmd_render.c: `zuhyo render SPEC.json [-o DIR] [--check]`: render a fixed list of charts
 * from a JSON spec (parsed with jansson), for CI. Every error names its JSON path
 * (charts[2].sort: expected asc, desc or none) and exits 2. All-or-nothing: every chart is
 * rendered in memory (on -j cores, render_jobs.c) before anything is written, and only files
 * whose bytes change are written (atomically). --check writes nothing and says per file what
 * drifted (render_check.c), exiting 3. May call: the public API, api/render.h (fonts as JSON).
 */
#include <errno.h>
#include <limits.h>
#include <time.h>
#include <unistd.h>
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "api/render.h"
#include "cli/cli.h"
#include "cli/render_ci.h"
#include "util/file.h"

static const char render_help[] =
    "usage: zuhyo render SPEC.json [-o DIR] [--check [--report DIR] [--tolerance N]]\n"
    "                   [--prune] [-j N] [--font FAMILY] [--font-dir DIR]\n"
    "                   [--allow-missing-glyphs] [-q]\n"
    "\n"
    "Render every chart listed in SPEC.json into DIR (default: the spec's \"out\", a folder\n"
    "inside the spec's folder, or out/). Paths in the spec are relative to the spec file (the\n"
    "real file when SPEC.json is a symbolic link). Every chart is rendered in memory first:\n"
    "when one fails nothing is written; files whose bytes do not change are not rewritten.\n"
    "\n"
    "  --check          write nothing; say for each file whether it is missing, differs (for\n"
    "                   a PNG: pixels changed and their box; a PDF whose only change is its\n"
    "                   date is named so) or is stale (in DIR, made by no chart); fonts that\n"
    "                   resolve to other files than DIR/.zuhyo-fonts.json records\n"
    "  --report DIR     with --check: new renders, old files, diff images, report.json and\n"
    "                   index.html in DIR (a CI artefact)\n"
    "  --tolerance N    with --check: a PNG with at most N changed pixels passes (default 0)\n"
    "  --prune          remove stale files from the output folder\n"
    "  -j, --jobs N     render on N processes (default: the number of cores)\n"
    "  --font FAMILY, --font-dir DIR   as the spec's \"font\" and \"font_dir\"\n"
    "  --allow-missing-glyphs          a character no font can draw is a warning, not an error\n"
    "  -q, --quiet      no summary line\n"
    "\n"
    "Exit codes: 0 done (or up to date), 1 an error (a file that cannot be read, fonts, a\n"
    "chart that cannot be drawn), 2 usage or a mistake in the spec, 3 --check: figures differ.\n"
    "See README, \"Chart specs\" and \"Figures in CI\".\n";

/* One chart of the spec, every field optional until checked. */
typedef struct spec_chart {
    const char *type, *output, *data, *db, *label, *value, *color, *group, *date, *lane;
    const char *sort, *number_format, *unit, *title, *subtitle, *source, *theme, *palette, *size;
    const char *measure, *kind, *subject, *doc, *time, *from, *to, *orientation;
    json_int_t top;
    double scale;
    int stack, log, dumbbell;       /* -1 unset */
    int svg_text;                   /* "svg_text": true keeps an SVG's labels as <text> */
    bool formats[3];
    bool formats_set;
    json_t *look[16];               /* bar look options (issue 12), by look_keys; NULL unset */
} spec_chart;

/* Bar look keys of a spec, passed to zy_bar_option_set ("font_size" is --font-size): a
 * string, number or boolean; "ref" and "highlight" also take a list. */
static const char *const look_keys[] = {"font_size", "no_values", "legend", "value_title",
    "category_title", "ref", "highlight", "decimals", "percent", "negative", "background",
    "stack_mode", "value_min", "value_max", "rotate_labels", NULL};

typedef struct spec_field {
    const char *key;
    char kind;        /* s string, i integer, n number, b bool, f formats */
    size_t offset;
} spec_field;

#define F(key, kind, field) {key, kind, offsetof(spec_chart, field)}
static const spec_field fields[] = {
    F("type", 's', type), F("output", 's', output), F("data", 's', data), F("db", 's', db),
    F("label", 's', label), F("value", 's', value), F("color", 's', color), F("group", 's', group),
    F("date", 's', date), F("lane", 's', lane), F("sort", 's', sort),
    F("number_format", 's', number_format), F("unit", 's', unit), F("title", 's', title),
    F("subtitle", 's', subtitle), F("source", 's', source), F("theme", 's', theme),
    F("palette", 's', palette), F("size", 's', size), F("measure", 's', measure),
    F("kind", 's', kind), F("subject", 's', subject), F("doc", 's', doc), F("time", 's', time),
    F("from", 's', from), F("to", 's', to), F("orientation", 's', orientation),
    F("top", 'i', top), F("scale", 'n', scale), F("stack", 'b', stack), F("log", 'b', log),
    F("dumbbell", 'b', dumbbell), F("formats", 'f', formats),
    F("svg_text", 'b', svg_text),
};
#undef F

/* Fill c from the object o (defaults first, then the chart); false with a message on error. */
static bool read_fields(json_t *o, const char *path, spec_chart *c, char *err, size_t cap)
{
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v) {
        const spec_field *f = NULL;
        for (size_t i = 0; i < sizeof fields / sizeof fields[0] && !f; i++)
            if (strcmp(fields[i].key, key) == 0)
                f = &fields[i];
        bool look = false;
        for (size_t i = 0; look_keys[i] && !f && !look; i++)
            if (strcmp(look_keys[i], key) == 0)
                c->look[i] = v, look = true;
        if (look)
            continue;
        if (!f) {
            snprintf(err, cap, "%s.%s: unknown key", path, key);
            return false;
        }
        char *slot = (char *)c + f->offset;
        switch (f->kind) {
        case 's':
            if (!json_is_string(v)) {
                snprintf(err, cap, "%s.%s: expected a string", path, key);
                return false;
            }
            *(const char **)(void *)slot = json_string_value(v);
            break;
        case 'i':
            if (!json_is_integer(v) || json_integer_value(v) < 1) {
                snprintf(err, cap, "%s.%s: expected a whole number above 0", path, key);
                return false;
            }
            *(json_int_t *)(void *)slot = json_integer_value(v);
            break;
        case 'n':
            if (!json_is_number(v) || json_number_value(v) <= 0 || json_number_value(v) > 8) {
                snprintf(err, cap, "%s.%s: expected a number above 0, at most 8", path, key);
                return false;
            }
            *(double *)(void *)slot = json_number_value(v);
            break;
        case 'b':
            if (!json_is_boolean(v)) {
                snprintf(err, cap, "%s.%s: expected true or false", path, key);
                return false;
            }
            *(int *)(void *)slot = json_is_true(v);
            break;
        case 'f': {
            static const char *const names[] = {"png", "svg", "pdf", NULL};
            if (!json_is_array(v) || json_array_size(v) == 0) {
                snprintf(err, cap, "%s.%s: expected a list such as [\"png\", \"svg\"]", path, key);
                return false;
            }
            memset(c->formats, 0, sizeof c->formats);
            size_t i;
            json_t *item;
            json_array_foreach(v, i, item) {
                int k = json_is_string(item) ? cli_choose(json_string_value(item), names) : -1;
                if (k < 0) {
                    snprintf(err, cap, "%s.%s[%zu]: expected png, svg or pdf", path, key, i);
                    return false;
                }
                c->formats[k] = true;
            }
            c->formats_set = true;
            break;
        }
        }
    }
    return true;
}

/* One look value as option text (kept in buf, which lives as long as the options). */
static bool look_text(json_t *v, char *buf, size_t cap)
{
    if (json_is_string(v))
        snprintf(buf, cap, "%s", json_string_value(v));
    else if (json_is_boolean(v))
        snprintf(buf, cap, "%s", json_is_true(v) ? "true" : "false");
    else if (json_is_number(v))
        snprintf(buf, cap, "%.17g", json_number_value(v));
    else
        return false;
    return true;
}

/* The bar look keys of c into o, each through zy_bar_option_set; false with a message
 * naming the JSON path. */
static bool set_look(const spec_chart *c, const char *path, zy_bar_options *o, char *err,
                     size_t cap)
{
    static char texts[64][512]; /* one chart at a time: the options are used before the next */
    size_t used = 0;
    char why[256];
    for (size_t i = 0; look_keys[i]; i++) {
        json_t *v = c->look[i];
        if (!v)
            continue;
        char name[32];
        snprintf(name, sizeof name, "%s", strcmp(look_keys[i], "stack_mode") == 0 ? "stack" : look_keys[i]);
        for (char *p = name; *p; p++)
            *p = *p == '_' ? '-' : *p;
        size_t n = json_is_array(v) ? json_array_size(v) : 1;
        for (size_t k = 0; k < n && used < 64; k++, used++) {
            json_t *item = json_is_array(v) ? json_array_get(v, k) : v;
            if (!look_text(item, texts[used], sizeof texts[used])) {
                snprintf(err, cap, "%s.%s: expected a string, number or boolean", path, look_keys[i]);
                return false;
            }
            if (!zy_bar_option_set(o, name, texts[used], why, sizeof why)) {
                snprintf(err, cap, "%s.%s: %s", path, look_keys[i], why);
                return false;
            }
        }
    }
    return true;
}

/* Does name end in .csv or .tsv (any case)? */
static bool table_file_name(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && (strcasecmp(name + n - 4, ".csv") == 0 || strcasecmp(name + n - 4, ".tsv") == 0);
}

/* Check one chart's values; false with a message naming the JSON path. */
static bool check_chart(const spec_chart *c, const char *path, char *err, size_t cap)
{
    static const char *const types[] = {"bar", "timeline", NULL};
    static const char *const sorts[] = {"none", "desc", "asc", NULL};
    static const char *const numbers[] = {"ja", "en", "raw", NULL};
    static const char *const themes[] = {"light", "dark", NULL};
    static const char *const orientations[] = {"auto", "horizontal", "vertical", NULL};
    int w, h;
    if (!c->type || cli_choose(c->type, types) < 0)
        snprintf(err, cap, "%s.type: expected bar or timeline", path);
    else if (!c->output)
        snprintf(err, cap, "%s.output: missing (the file name, without extension)", path);
    else if (!c->output[0] || c->output[0] == '.' || strspn(c->output, "abcdefghijklmnopqrstuvwxyz"
                                                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != strlen(c->output))
        snprintf(err, cap, "%s.output: use letters, digits, '.', '_' and '-' only (no folders)", path);
    else if (!c->data == !c->db)
        snprintf(err, cap, "%s: give \"data\" (a CSV/TSV file) or \"db\" (a zuhyo database)", path);
    else if (c->data && !table_file_name(c->data)) /* never read (nor quote) another kind of file */
        snprintf(err, cap, "%s.data: expected a .csv or .tsv file", path);
    else if (c->sort && cli_choose(c->sort, sorts) < 0)
        snprintf(err, cap, "%s.sort: expected asc, desc or none", path);
    else if (c->number_format && cli_choose(c->number_format, numbers) < 0)
        snprintf(err, cap, "%s.number_format: expected ja, en or raw", path);
    else if (c->theme && cli_choose(c->theme, themes) < 0)
        snprintf(err, cap, "%s.theme: expected light or dark", path);
    else if (c->orientation && cli_choose(c->orientation, orientations) < 0)
        snprintf(err, cap, "%s.orientation: expected auto, horizontal or vertical", path);
    else if (c->size && !cli_parse_size(c->size, &w, &h))
        snprintf(err, cap, "%s.size: expected WxH (1600x900), slide, slide-4x3 or a4", path);
    else if (strcmp(c->type, "bar") == 0 && c->data && (!c->label || !c->value))
        snprintf(err, cap, "%s: a bar chart from \"data\" needs \"label\" and \"value\"", path);
    else if (strcmp(c->type, "timeline") == 0 && c->data && (!c->date || !c->label))
        snprintf(err, cap, "%s: a timeline from \"data\" needs \"date\" and \"label\"", path);
    else if (strcmp(c->type, "bar") == 0) {
        zy_bar_options scratch;
        zy_bar_options_defaults(&scratch);
        return set_look(c, path, &scratch, err, cap);
    } else
        return true;
    return false;
}

/* A path from the spec, relative to the spec's folder. */
static void resolve(const char *spec_dir, const char *path, char *out, size_t cap)
{
    if (path[0] == '/' || !spec_dir[0])
        snprintf(out, cap, "%s", path);
    else
        snprintf(out, cap, "%s/%s", spec_dir, path);
}

static zy_status render_one(zy_context *ctx, const spec_chart *c, const char *spec_dir,
                            zy_format format, unsigned char **bytes, size_t *len)
{
    static const char *const themes[] = {"light", "dark", NULL};
    char path[4096];
    zy_table *table = NULL;
    zy_store *store = NULL;
    char *unit_label = NULL;
    zy_status st;
    int w = 1600, h = 900;
    if (c->size)
        cli_parse_size(c->size, &w, &h);
    zy_theme theme = c->theme ? (zy_theme)cli_choose(c->theme, themes) : ZY_THEME_LIGHT;
    bool bar = strcmp(c->type, "bar") == 0;
    if (c->db) {
        resolve(spec_dir, c->db, path, sizeof path);
        st = zy_store_open(ctx, path, &store);
        zy_fact_query q = {c->kind, c->measure, c->subject, c->doc, bar ? c->unit : NULL, c->time};
        if (st == ZY_OK && bar) {
            zy_select_options so = {q, c->group != NULL, c->unit};
            st = zy_select_table(ctx, store, &so, &table, &unit_label);
        } else if (st == ZY_OK) {
            st = zy_select_events(ctx, store, &q, &table);
        }
    } else {
        resolve(spec_dir, c->data, path, sizeof path);
        st = zy_table_read_file(ctx, path, &table);
    }
    if (st == ZY_OK && bar) {
        static const char *const sorts[] = {"none", "desc", "asc", NULL};
        static const char *const numbers[] = {"ja", "en", "raw", NULL};
        static const char *const orientations[] = {"auto", "horizontal", "vertical", NULL};
        zy_bar_options o;
        zy_bar_options_defaults(&o);
        o.label_column = c->db ? "subject" : c->label;
        o.value_column = c->db ? "value" : c->value;
        o.color_column = c->color;
        o.group_column = c->db ? (c->group ? "time" : NULL) : c->group;
        o.stack = c->stack == 1;
        o.log_scale = c->log == 1;
        o.dumbbell = c->dumbbell == 1;
        o.sort = c->sort ? (zy_sort)cli_choose(c->sort, sorts) : ZY_SORT_NONE;
        o.number_format = c->number_format ? (zy_number_format)cli_choose(c->number_format, numbers) : ZY_NUMBER_JA;
        o.orientation = c->orientation ? (zy_orientation)cli_choose(c->orientation, orientations) : ZY_ORIENT_AUTO;
        o.top = (size_t)c->top;
        o.unit = c->db ? unit_label : c->unit;
        o.title = c->title, o.subtitle = c->subtitle, o.source = c->source;
        o.theme = theme, o.palette = c->palette, o.width = w, o.height = h;
        o.scale = c->scale > 0 ? c->scale : 1;
        o.svg_text = c->svg_text == 1;
        char err[512];
        set_look(c, "", &o, err, sizeof err); /* checked by check_chart */
        zy_bar_chart *chart = NULL;
        st = zy_bar_chart_create(ctx, table, &o, &chart);
        if (st == ZY_OK)
            st = zy_bar_chart_render(ctx, chart, format, bytes, len);
        zy_bar_chart_destroy(chart);
    } else if (st == ZY_OK) {
        zy_timeline_options o;
        zy_timeline_options_defaults(&o);
        o.date_column = c->db ? "date" : c->date;
        o.label_column = c->db ? "label" : c->label;
        o.lane_column = c->db ? "lane" : c->lane;
        o.from = c->from, o.to = c->to;
        o.title = c->title, o.subtitle = c->subtitle, o.source = c->source;
        o.theme = theme, o.palette = c->palette, o.width = w, o.height = h;
        o.scale = c->scale > 0 ? c->scale : 1;
        o.svg_text = c->svg_text == 1;
        zy_timeline_chart *chart = NULL;
        st = zy_timeline_chart_create(ctx, table, &o, &chart);
        if (st == ZY_OK)
            st = zy_timeline_chart_render(ctx, chart, format, bytes, len);
        zy_timeline_chart_destroy(chart);
    }
    free(unit_label);
    zy_table_destroy(table);
    zy_store_close(store);
    return st;
}

/* Does the file at path hold exactly bytes[0..len)? */
static bool same_on_disk(const char *path, const unsigned char *bytes, size_t len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    bool same = true;
    unsigned char block[65536];
    size_t at = 0, n;
    while (same && (n = fread(block, 1, sizeof block, f)) > 0) {
        same = at + n <= len && memcmp(block, bytes + at, n) == 0;
        at += n;
    }
    fclose(f);
    return same && at == len;
}

/* The command line. */
typedef struct render_args {
    const char *spec_path, *out_dir, *report_dir, *font, *font_dir;
    bool check, prune, quiet, allow_missing;
    long tolerance;
    unsigned jobs;
} render_args;

/* The spec's top level beside the charts. */
typedef struct spec_top {
    const char *out, *font, *font_dir, *pdf_date;
} spec_top;

/* Warnings of the chart being rendered, one a line. */
typedef struct warn_log {
    char *text;
    size_t len;
} warn_log;

static void collect_warning(void *user_data, const char *msg)
{
    warn_log *log = user_data;
    size_t n = strlen(msg);
    char *grown = realloc(log->text, log->len + n + 2);
    if (!grown)
        return;
    log->text = grown;
    memcpy(log->text + log->len, msg, n);
    log->len += n;
    log->text[log->len++] = '\n';
    log->text[log->len] = '\0';
}

/* What the render callback needs. */
typedef struct render_job {
    zy_context *ctx;
    const spec_chart *charts;
    const char *spec_dir;
    warn_log *log;
} render_job;

static void render_file(void *user, rc_file *file)
{
    render_job *job = user;
    job->log->len = 0;
    zy_status st = render_one(job->ctx, &job->charts[file->chart], job->spec_dir,
                              (zy_format)file->format, &file->bytes, &file->len);
    file->status = st;
    if (st)
        file->message = strdup(zy_errmsg(job->ctx));
    if (job->log->len)
        file->warnings = strdup(job->log->text);
}

static int parse_args(int argc, char **argv, render_args *a)
{
    memset(a, 0, sizeof *a);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    a->jobs = cores > 0 ? (unsigned)(cores > 64 ? 64 : cores) : 1;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        bool has = i + 1 < argc;
        size_t count;
        if (strcmp(o, "--help") == 0 || strcmp(o, "-h") == 0) {
            fputs(render_help, stdout);
            return -1;
        } else if ((strcmp(o, "-o") == 0 || strcmp(o, "--output") == 0) && has) {
            a->out_dir = argv[++i];
        } else if (strcmp(o, "--report") == 0 && has) {
            a->report_dir = argv[++i];
        } else if (strcmp(o, "--font") == 0 && has) {
            a->font = argv[++i];
        } else if (strcmp(o, "--font-dir") == 0 && has) {
            a->font_dir = argv[++i];
        } else if (strcmp(o, "--tolerance") == 0 && has) {
            if (!cli_parse_count(argv[++i], &count) || count > LONG_MAX)
                return cli_usage("render", "--tolerance %s: expected a whole number of pixels", argv[i]);
            a->tolerance = (long)count;
        } else if (((strcmp(o, "-j") == 0 || strcmp(o, "--jobs") == 0) && has) ||
                   (strncmp(o, "-j", 2) == 0 && o[2] >= '0' && o[2] <= '9')) { /* -j 4, -j4 */
            const char *n = o[2] ? o + 2 : argv[++i];
            if (!cli_parse_count(n, &count) || count < 1 || count > 256)
                return cli_usage("render", "-j %s: expected a number of processes from 1 to 256", n);
            a->jobs = (unsigned)count;
        } else if (strcmp(o, "--check") == 0) {
            a->check = true;
        } else if (strcmp(o, "--prune") == 0) {
            a->prune = true;
        } else if (strcmp(o, "--allow-missing-glyphs") == 0) {
            a->allow_missing = true;
        } else if (strcmp(o, "--quiet") == 0 || strcmp(o, "-q") == 0) {
            a->quiet = true;
        } else if (o[0] == '-' && o[1]) {
            return cli_usage("render", "unknown option or missing value: %s", o);
        } else if (!a->spec_path) {
            a->spec_path = o;
        } else {
            return cli_usage("render", "one spec file at a time (also got %s)", o);
        }
    }
    if (!a->spec_path)
        return cli_usage("render", "give the spec file: zuhyo render SPEC.json");
    if (a->out_dir && strcmp(a->out_dir, "-") == 0)
        return cli_usage("render", "-o -: render writes a folder of files, not a stream; give a folder");
    if ((a->report_dir || a->tolerance) && !a->check)
        return cli_usage("render", "--report and --tolerance go with --check");
    if (a->prune && a->check)
        return cli_usage("render", "--prune removes files; --check writes nothing: choose one");
    return cli_check_texts("render", "--font", a->font, NULL);
}

/* The spec's out must stay inside the spec's folder (relative, no ".."), unless -o. */
static bool stays_inside(const char *path)
{
    if (path[0] == '/')
        return false;
    for (const char *p = path; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return false;
        p += n + (p[n] == '/');
    }
    return true;
}

/* Seconds since 1970 from "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SSZ" or whole seconds. */
static bool parse_pdf_date(const char *text, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(text, &end, 10);
    if (*text >= '0' && *text <= '9' && !*end && !errno) {
        *out = v;
        return v <= 253402300799LL;
    }
    struct tm tm = {0};
    char tail = 0;
    int n = sscanf(text, "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                   &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &tail);
    char day[11];
    snprintf(day, sizeof day, "%.10s", text);
    if (!cli_valid_date(day) || !((n == 3 && strlen(text) == 10) || (n == 7 && tail == 'Z' &&
        strlen(text) == 20 && tm.tm_hour < 24 && tm.tm_min < 60 && tm.tm_sec < 60)))
        return false;
    /* days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil) */
    long long y = tm.tm_year - (tm.tm_mon <= 2), era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400, mp = (tm.tm_mon + 9) % 12;
    long long doy = (153 * mp + 2) / 5 + tm.tm_mday - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long long days = era * 146097 + doe - 719468;
    *out = days * 86400 + tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    return *out >= 0;
}

/* Read the top-level keys; false with a message. */
static bool read_top(json_t *spec, spec_top *top, char *err, size_t cap)
{
    static const char *const known[] = {"charts", "defaults", "out", "font", "font_dir", "pdf_date", NULL};
    const char *key;
    json_t *value;
    memset(top, 0, sizeof *top);
    json_t *charts = json_object_get(spec, "charts"), *defaults = json_object_get(spec, "defaults");
    if (!json_is_object(spec))
        snprintf(err, cap, "(top): expected an object with \"charts\"");
    else if (!json_is_array(charts) || json_array_size(charts) == 0)
        snprintf(err, cap, "charts: expected a non-empty list of charts");
    else if (defaults && !json_is_object(defaults))
        snprintf(err, cap, "defaults: expected an object");
    else
        json_object_foreach(spec, key, value) {
            if (cli_choose(key, known) < 0) {
                snprintf(err, cap, "%s: unknown key (expected charts, defaults, out, font, font_dir, pdf_date)", key);
                break;
            }
            if (cli_choose(key, known) < 2)
                continue;
            if (!json_is_string(value) || !json_string_value(value)[0]) {
                snprintf(err, cap, "%s: expected a non-empty string", key);
                break;
            }
            const char *s = json_string_value(value);
            long long t;
            if (strcmp(key, "pdf_date") == 0 && !parse_pdf_date(s, &t))
                snprintf(err, cap, "pdf_date: \"%s\": expected YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or "
                         "seconds since 1970", s);
            if (err[0])
                break;
            const char **slot = strcmp(key, "out") == 0 ? &top->out : strcmp(key, "font") == 0 ? &top->font
                              : strcmp(key, "font_dir") == 0 ? &top->font_dir : &top->pdf_date;
            *slot = s;
        }
    return !err[0];
}

/* Read and check one chart; false with a message naming the JSON path. */
static bool read_chart(json_t *spec, spec_chart *list, size_t i, char *err, size_t cap)
{
    json_t *charts = json_object_get(spec, "charts"), *defaults = json_object_get(spec, "defaults");
    char path[64];
    snprintf(path, sizeof path, "charts[%zu]", i);
    spec_chart *c = &list[i];
    c->stack = c->log = c->dumbbell = -1;
    c->formats[0] = c->formats[1] = true;
    json_t *item = json_array_get(charts, i);
    if (!json_is_object(item)) {
        snprintf(err, cap, "%s: expected an object", path);
        return false;
    }
    if ((defaults && !read_fields(defaults, "defaults", c, err, cap)) ||
        !read_fields(item, path, c, err, cap) || !check_chart(c, path, err, cap))
        return false;
    for (size_t k = 0; k < i; k++)
        if (list[k].output && strcmp(list[k].output, c->output) == 0) {
            snprintf(err, cap, "%s.output: \"%s\" is already used by charts[%zu]", path, c->output, k);
            return false;
        }
    return true;
}

/* Read and check every chart, saying what is wrong with each (so one run shows them all);
 * EXIT_OK or EXIT_USAGE. */
static int read_charts(json_t *spec, spec_chart *list, size_t n, const char *spec_path)
{
    int rc = EXIT_OK;
    for (size_t i = 0; i < n; i++) {
        char err[512] = "";
        if (!read_chart(spec, list, i, err, sizeof err)) {
            rc = cli_fail(ZY_ERR_USAGE, "%s: %s", spec_path, err);
            list[i].output = NULL; /* not a name later charts can clash with */
        }
    }
    return rc;
}

/* Every "db" must be an existing regular file: opening a store creates a missing one, and
 * render only reads. EXIT_OK or the exit code of the first that is not. */
static int check_databases(const char *spec_path, const char *spec_dir, const spec_chart *list, size_t n)
{
    int rc = EXIT_OK;
    for (size_t i = 0; i < n; i++) {
        if (!list[i].db)
            continue;
        char path[4096];
        struct stat sb;
        resolve(spec_dir, list[i].db, path, sizeof path);
        if (stat(path, &sb) != 0)
            rc = cli_fail(ZY_ERR_IO, "%s: charts[%zu].db: %s: cannot open: %s", spec_path, i, path,
                          strerror(errno));
        else if (!S_ISREG(sb.st_mode))
            rc = cli_fail(ZY_ERR_IO, "%s: charts[%zu].db: %s: is %s, not a zuhyo database", spec_path,
                          i, path, zy_file_kind_name(sb.st_mode));
    }
    return rc;
}

/* The PDF date: the spec's pdf_date wins over SOURCE_DATE_EPOCH, which must be whole seconds. */
static int set_pdf_date(const char *spec_path, const char *pdf_date)
{
    long long t;
    char text[32];
    const char *env = getenv("SOURCE_DATE_EPOCH");
    char *end;
    errno = 0;
    if (env && *env && (strtoll(env, &end, 10), *end || errno || *env == '-' || *env == '+'))
        return cli_usage("render", "SOURCE_DATE_EPOCH=%.40s: expected whole seconds since "
                         "1970-01-01 (the spec's \"pdf_date\" can pin the date: %s)", env, spec_path);
    if (pdf_date && parse_pdf_date(pdf_date, &t)) {
        snprintf(text, sizeof text, "%lld", t);
        setenv("SOURCE_DATE_EPOCH", text, 1); /* what the PDF writer reads */
    }
    return EXIT_OK;
}

/* The files of the charts: one per chart and format. */
static rc_file *list_files(const spec_chart *charts, size_t n, size_t *count)
{
    static const char *const ext[3] = {"png", "svg", "pdf"};
    rc_file *files = calloc(n * 3 + 1, sizeof *files);
    *count = 0;
    for (size_t i = 0; files && i < n; i++)
        for (int f = 0; f < 3; f++)
            if (charts[i].formats[f]) {
                rc_file *x = &files[(*count)++];
                x->chart = i;
                x->format = f;
                snprintf(x->name, sizeof x->name, "%s.%s", charts[i].output, ext[f]);
            }
    return files;
}

static void free_files(rc_file *files, size_t n)
{
    for (size_t i = 0; files && i < n; i++) {
        free(files[i].bytes);
        free(files[i].message);
        free(files[i].warnings);
        free(files[i].diff_png);
    }
    free(files);
}

/* Print every chart's failure (once per chart) and warnings; the exit code (EXIT_OK: none). */
static int report_renders(const char *spec_path, const spec_chart *charts, const rc_file *files,
                          size_t n)
{
    int rc = EXIT_OK;
    for (size_t i = 0; i < n; i++) {
        const rc_file *f = &files[i];
        bool again = i > 0 && files[i - 1].chart == f->chart;
        if (f->warnings && !(again && files[i - 1].warnings && strcmp(files[i - 1].warnings, f->warnings) == 0))
            for (const char *w = f->warnings; *w;) {
                size_t len = strcspn(w, "\n");
                fprintf(stderr, "zuhyo: warning: charts[%zu] (%s): %.*s\n", f->chart,
                        charts[f->chart].output, (int)len, w);
                w += len + (w[len] == '\n');
            }
        if (!f->status || (again && files[i - 1].status && files[i - 1].message && f->message &&
                           strcmp(files[i - 1].message, f->message) == 0))
            continue;
        int code = cli_fail((zy_status)f->status, "%s: charts[%zu] (%s): %s", spec_path, f->chart,
                            charts[f->chart].output, f->message ? f->message : "failed");
        rc = rc == EXIT_OK || rc == code ? code : EXIT_DATA;
    }
    return rc;
}

/* The text of path (malloc'd), or NULL. */
static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t len = 0, cap = 0, n;
    char block[8192];
    while ((n = fread(block, 1, sizeof block, f)) > 0) {
        if (len + n + 1 > cap) {
            char *grown = realloc(text, cap = (len + n + 1) * 2);
            if (!grown)
                break;
            text = grown;
        }
        memcpy(text + len, block, n);
        len += n;
        text[len] = '\0';
    }
    fclose(f);
    return text;
}

/* --check: say what drifted, write the report; EXIT_OK, EXIT_DRIFT or an error. */
static int check_files(const render_args *a, const char *dir, rc_file *files, size_t n,
                       const char *used_fonts)
{
    rc_compare(files, n, dir, a->tolerance, a->report_dir != NULL);
    size_t nstale = 0, same = 0, drift = 0;
    char **stale = rc_stale_files(dir, files, n, &nstale);
    char path[4400];
    snprintf(path, sizeof path, "%s/.zuhyo-fonts.json", dir);
    char *recorded = read_text(path);
    char **fonts = rc_fonts_changed(recorded, used_fonts);
    free(recorded);
    for (size_t i = 0; i < n; i++) {
        const rc_file *f = &files[i];
        snprintf(path, sizeof path, "%s/%s", dir, f->name);
        same += f->state == RC_SAME || f->state == RC_TOLERATED;
        drift += f->state != RC_SAME && f->state != RC_TOLERATED;
        if (f->state == RC_MISSING)
            printf("missing: %s\n", path);
        else if (f->state == RC_DATE_ONLY)
            printf("differs: %s: the PDFs differ only in their date (SOURCE_DATE_EPOCH or the "
                   "spec's pdf_date changed)\n", path);
        else if (f->state == RC_DIFFERS && f->pixels_known && f->size_changed)
            printf("differs: %s: the size changed\n", path);
        else if (f->state == RC_DIFFERS && f->pixels_known && f->pixels)
            printf("differs: %s: %ld pixels changed, box x %d..%d, y %d..%d (%dx%d)\n", path,
                   f->pixels, f->box[0], f->box[2], f->box[1], f->box[3], f->box[2] - f->box[0] + 1,
                   f->box[3] - f->box[1] + 1);
        else if (f->state == RC_DIFFERS && f->pixels_known)
            printf("differs: %s: the same pixels, other bytes\n", path);
        else if (f->state == RC_DIFFERS)
            printf("differs: %s\n", path);
        else if (f->state == RC_TOLERATED && !a->quiet)
            printf("within tolerance: %s: %ld pixels changed\n", path, f->pixels);
    }
    for (size_t i = 0; i < nstale; i++)
        printf("stale: %s/%s (no chart makes it; render --prune removes it)\n", dir, stale[i]);
    for (size_t i = 0; fonts && fonts[i]; i++)
        printf("%s\n", fonts[i]);
    int rc = drift || nstale ? EXIT_DRIFT : EXIT_OK;
    if (a->report_dir) {
        rc_report r = {a->spec_path, dir, files, n, stale, nstale, used_fonts, fonts, rc};
        if (!rc_write_report(a->report_dir, &r))
            rc = cli_fail(ZY_ERR_IO, "--report %s: cannot write the report: %s", a->report_dir,
                          strerror(errno));
    }
    if (rc == EXIT_DRIFT)
        fprintf(stderr, "zuhyo: figures differ: %zu of %zu files, %zu stale%s (exit 3)\n", drift, n,
                nstale, fonts ? "; fonts changed" : "");
    else if (rc == EXIT_OK && !a->quiet)
        fprintf(stderr, "zuhyo: %zu files up to date in %s%s\n", same, dir,
                fonts ? " (but fonts changed)" : ""); /* silence read as a hang */
    rc_free_list(stale);
    rc_free_list(fonts);
    return rc;
}

/* A plain render: write what changed, prune, record the fonts. */
static int write_files(zy_context *ctx, const render_args *a, const char *dir, rc_file *files,
                       size_t n, size_t ncharts, const char *used_fonts)
{
    struct stat sb;
    if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
        return cli_fail(ZY_ERR_IO, "%s: is %s, not a folder", dir, zy_file_kind_name(sb.st_mode));
    if (!cli_make_dirs(dir))
        return cli_fail(ZY_ERR_IO, "%s: cannot create the folder: %s", dir, strerror(errno));
    size_t written = 0, pruned = 0;
    char path[4400];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        if (same_on_disk(path, files[i].bytes, files[i].len))
            continue; /* unchanged: not rewritten, its time stays */
        zy_status st = zy_write_file_atomic(ctx, path, files[i].bytes, files[i].len);
        if (st)
            return cli_fail_ctx(st, ctx);
        written++;
    }
    size_t nstale = 0;
    char **stale = rc_stale_files(dir, files, n, &nstale);
    for (size_t i = 0; i < nstale; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, stale[i]);
        if (a->prune && unlink(path) == 0)
            pruned++;
        else if (!a->quiet)
            fprintf(stderr, "zuhyo: note: %s: stale (no chart makes it); --prune removes it\n", path);
    }
    rc_free_list(stale);
    char *record = rc_fonts_record(used_fonts);
    snprintf(path, sizeof path, "%s/.zuhyo-fonts.json", dir);
    zy_status st = record && !same_on_disk(path, (const unsigned char *)record, strlen(record))
                       ? zy_write_file_atomic(ctx, path, record, strlen(record)) : ZY_OK;
    free(record);
    if (st)
        return cli_fail_ctx(st, ctx);
    if (!a->quiet)
        fprintf(stderr, "zuhyo: rendered %zu files from %zu charts into %s (%zu written, %zu "
                "unchanged%s%.0zu%s)\n", n, ncharts, dir, written, n - written,
                pruned ? ", pruned " : "", pruned, pruned ? " stale" : "");
    return EXIT_OK;
}

/* Load the spec; an exit code (EXIT_OK with *spec set). */
static int load_spec(const char *spec_path, json_t **spec)
{
    json_error_t jerr;
    char where[4200];
    struct stat sb;
    *spec = NULL;
    if (stat(spec_path, &sb) == 0 && !S_ISREG(sb.st_mode)) /* a FIFO would wait for ever */
        return cli_fail(ZY_ERR_IO, "%s: is %s, not a spec file", spec_path, zy_file_kind_name(sb.st_mode));
    *spec = json_load_file(spec_path, JSON_REJECT_DUPLICATES, &jerr);
    if (*spec)
        return EXIT_OK;
    cli_json_position(where, sizeof where, spec_path, jerr.line, jerr.column);
    if (jerr.line < 1) /* not read at all: an error, not a mistake in the spec */
        return cli_fail(ZY_ERR_IO, "%s: %s", where, jerr.text);
    return cli_fail(ZY_ERR_USAGE, "%s: %s", where, jerr.text);
}

/* The spec's folder, from the real file (a symbolic link's target, not the link). */
static void spec_folder(const char *spec_path, char *out, size_t cap)
{
    char *real = realpath(spec_path, NULL);
    snprintf(out, cap, "%s", real ? real : spec_path);
    free(real);
    char *slash = strrchr(out, '/');
    if (slash == out)
        out[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        out[0] = '\0';
}

int cmd_render(int argc, char **argv)
{
    render_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    json_t *spec;
    rc = load_spec(a.spec_path, &spec);
    if (rc)
        return rc;
    char err[512] = "";
    spec_top top;
    size_t n = 0;
    spec_chart *list = NULL;
    if (read_top(spec, &top, err, sizeof err)) {
        n = json_array_size(json_object_get(spec, "charts"));
        list = calloc(n, sizeof *list);
        rc = !list ? cli_fail(ZY_ERR_NOMEM, "out of memory") : read_charts(spec, list, n, a.spec_path);
    } else {
        rc = cli_fail(ZY_ERR_USAGE, "%s: %s", a.spec_path, err);
    }
    if (rc) {
        free(list);
        json_decref(spec);
        return rc;
    }
    char spec_dir[4096], dir[4096], font_dir[4096];
    spec_folder(a.spec_path, spec_dir, sizeof spec_dir);
    if (!a.out_dir && top.out && !stays_inside(top.out)) {
        rc = cli_fail(ZY_ERR_USAGE, "%s: out: \"%s\" leaves the spec's folder; name a folder "
                      "inside it, or give -o DIR on the command line", a.spec_path, top.out);
        free(list);
        json_decref(spec);
        return rc;
    }
    if (a.out_dir)
        snprintf(dir, sizeof dir, "%s", a.out_dir);
    else if (top.out)
        resolve(spec_dir, top.out, dir, sizeof dir);
    else
        snprintf(dir, sizeof dir, "out");
    if (!a.font_dir && top.font_dir)
        resolve(spec_dir, top.font_dir, font_dir, sizeof font_dir);
    rc = set_pdf_date(a.spec_path, top.pdf_date);
    if (rc == EXIT_OK)
        rc = check_databases(a.spec_path, spec_dir, list, n);

    warn_log log = {NULL, 0};
    zy_context_options co;
    zy_context_defaults(&co);
    co.warn = collect_warning;
    co.warn_user_data = &log;
    co.strict_fonts = !a.allow_missing;
    co.font_family = a.font ? a.font : top.font;
    co.font_dir = a.font_dir ? a.font_dir : top.font_dir ? font_dir : NULL;
    zy_context *ctx = NULL;
    char *used_fonts = NULL;
    zy_status st = rc ? ZY_OK : zy_context_create(&co, &ctx);
    if (rc == EXIT_OK && st == ZY_OK)
        st = zy_render_fonts_json(ctx, false, &used_fonts); /* loads the fonts before the workers */
    if (rc == EXIT_OK && log.len) /* font set-up warnings, said once */
        fprintf(stderr, "zuhyo: warning: %.*s\n", (int)log.len - 1, log.text);
    if (rc == EXIT_OK && st)
        rc = cli_fail_ctx(st, ctx);
    size_t nfiles = 0;
    rc_file *files = rc ? NULL : list_files(list, n, &nfiles);
    if (rc == EXIT_OK && !files)
        rc = cli_fail(ZY_ERR_NOMEM, "out of memory");
    if (rc == EXIT_OK) {
        render_job job = {ctx, list, spec_dir, &log};
        rc_render_all(files, nfiles, a.jobs, render_file, &job);
        rc = report_renders(a.spec_path, list, files, nfiles); /* all or nothing */
    }
    if (rc == EXIT_OK && a.check)
        rc = check_files(&a, dir, files, nfiles, used_fonts);
    else if (rc == EXIT_OK)
        rc = write_files(ctx, &a, dir, files, nfiles, n, used_fonts);
    free_files(files, nfiles);
    free(used_fonts);
    free(log.text);
    free(list);
    json_decref(spec);
    zy_context_destroy(ctx);
    return rc;
}
