/*
 * cmd_render.c: `zuhyo render SPEC.json [-o DIR] [--check]`: render a fixed list of charts
 * from a JSON spec (parsed with jansson) in one process, for CI. Every error names its JSON
 * path (charts[2].sort: expected asc, desc or none). --check renders in memory and lists the
 * files on disk that would change (exit 1), writing nothing.
 */
#include <errno.h>
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char render_help[] =
    "usage: zuhyo render SPEC.json [-o DIR] [--check]\n"
    "\n"
    "Render every chart listed in SPEC.json into DIR (default: the spec's \"out\" or out/).\n"
    "Paths in the spec are relative to the spec file. --check renders in memory and exits 1\n"
    "listing the files that differ from what is on disk (a CI job can fail on a drifting\n"
    "figure). See README, \"Chart specs\", for the format.\n";

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

int cmd_render(int argc, char **argv)
{
    const char *spec_path = NULL, *out_dir = NULL;
    bool check = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(render_help, stdout);
            return EXIT_OK;
        } else if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc) {
            out_dir = argv[++i];
        } else if (strcmp(argv[i], "--check") == 0) {
            check = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage("render", "unknown option %s", argv[i]);
        } else if (!spec_path) {
            spec_path = argv[i];
        } else {
            return cli_usage("render", "one spec file at a time (also got %s)", argv[i]);
        }
    }
    if (!spec_path)
        return cli_usage("render", "give the spec file: zuhyo render SPEC.json");
    json_error_t jerr;
    json_t *spec = json_load_file(spec_path, JSON_REJECT_DUPLICATES, &jerr);
    if (!spec)
        return cli_fail(ZY_ERR_PARSE, "%s:%d:%d: %s", spec_path, jerr.line, jerr.column, jerr.text);
    char err[512] = "";
    json_t *charts = json_object_get(spec, "charts"), *defaults = json_object_get(spec, "defaults");
    json_t *out = json_object_get(spec, "out");
    const char *key;
    json_t *value;
    if (!json_is_object(spec))
        snprintf(err, sizeof err, "(top): expected an object with \"charts\"");
    else if (!json_is_array(charts) || json_array_size(charts) == 0)
        snprintf(err, sizeof err, "charts: expected a non-empty list of charts");
    else if (defaults && !json_is_object(defaults))
        snprintf(err, sizeof err, "defaults: expected an object");
    else if (out && !json_is_string(out))
        snprintf(err, sizeof err, "out: expected a folder name");
    else
        json_object_foreach(spec, key, value)
            if (strcmp(key, "charts") != 0 && strcmp(key, "defaults") != 0 && strcmp(key, "out") != 0) {
                snprintf(err, sizeof err, "%s: unknown key (expected charts, defaults, out)", key);
                break;
            }
    size_t n = json_is_array(charts) ? json_array_size(charts) : 0;
    spec_chart *list = calloc(n ? n : 1, sizeof *list);
    for (size_t i = 0; !err[0] && i < n; i++) {
        char path[64];
        snprintf(path, sizeof path, "charts[%zu]", i);
        spec_chart *c = &list[i];
        c->stack = c->log = c->dumbbell = -1;
        c->formats[0] = c->formats[1] = true;
        json_t *item = json_array_get(charts, i);
        if (!json_is_object(item)) {
            snprintf(err, sizeof err, "%s: expected an object", path);
            break;
        }
        if ((defaults && !read_fields(defaults, "defaults", c, err, sizeof err)) ||
            !read_fields(item, path, c, err, sizeof err) || !check_chart(c, path, err, sizeof err))
            break;
        for (size_t k = 0; k < i && !err[0]; k++)
            if (strcmp(list[k].output, c->output) == 0)
                snprintf(err, sizeof err, "%s.output: \"%s\" is already used by charts[%zu]", path, c->output, k);
    }
    if (err[0]) {
        free(list);
        json_decref(spec);
        return cli_fail(ZY_ERR_PARSE, "%s: %s", spec_path, err);
    }
    char spec_dir[4096];
    snprintf(spec_dir, sizeof spec_dir, "%s", spec_path);
    char *slash = strrchr(spec_dir, '/');
    if (slash)
        *slash = '\0';
    else
        spec_dir[0] = '\0';
    char dir[4096];
    if (out_dir)
        snprintf(dir, sizeof dir, "%s", out_dir);
    else if (out)
        resolve(spec_dir, json_string_value(out), dir, sizeof dir);
    else
        snprintf(dir, sizeof dir, "out");

    zy_context_options co;
    zy_context_defaults(&co);
    co.warn = cli_print_warning;
    zy_context *ctx;
    zy_status st = zy_context_create(&co, &ctx);
    int rc = st ? cli_fail_ctx(st, ctx) : EXIT_OK;
    if (rc == EXIT_OK && !check && !cli_make_dirs(dir))
        rc = cli_fail(ZY_ERR_IO, "%s: cannot create the folder: %s", dir, strerror(errno));
    size_t written = 0, changed = 0, checked = 0;
    static const char *const ext[3] = {"png", "svg", "pdf"};
    for (size_t i = 0; rc == EXIT_OK && i < n; i++)
        for (int f = 0; rc == EXIT_OK && f < 3; f++) {
            if (!list[i].formats[f])
                continue;
            unsigned char *bytes;
            size_t len;
            st = render_one(ctx, &list[i], spec_dir, (zy_format)f, &bytes, &len);
            if (st) {
                rc = cli_fail(st, "%s: charts[%zu] (%s): %s", spec_path, i, list[i].output, zy_errmsg(ctx));
                break;
            }
            char path[4200];
            snprintf(path, sizeof path, "%s/%s.%s", dir, list[i].output, ext[f]);
            if (check) {
                checked++;
                if (!same_on_disk(path, bytes, len)) {
                    printf("would change: %s\n", path);
                    changed++;
                }
            } else {
                st = zy_write_file_atomic(ctx, path, bytes, len);
                if (st)
                    rc = cli_fail_ctx(st, ctx);
                written++;
            }
            free(bytes);
        }
    if (rc == EXIT_OK && check && changed)
        rc = EXIT_DATA;
    if (rc == EXIT_OK && !check)
        fprintf(stderr, "zuhyo: rendered %zu files from %zu charts into %s\n", written, n, dir);
    else if (check && rc != EXIT_OK && changed)
        fprintf(stderr, "zuhyo: %zu files differ from %s\n", changed, spec_path);
    else if (check && rc == EXIT_OK)
        fprintf(stderr, "zuhyo: %zu files up to date in %s\n", checked, dir); /* silence read as a hang */
    free(list);
    json_decref(spec);
    zy_context_destroy(ctx);
    return rc;
}
