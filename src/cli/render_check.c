/*
 * render_check.c: what `render --check` says about each file: missing, differs (for a PNG how
 * many pixels and where), a PDF that differs only in its date, stale files no chart makes any
 * more, fonts that resolve to other files than those recorded, and the --report folder
 * (see render_ci.h). May call: the public API, render/diff.h, jansson.
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/render_ci.h"
#include "render/diff.h"

/* The whole regular file at path (malloc'd), or NULL when it is missing or unreadable. */
static unsigned char *read_whole(const char *path, size_t *len)
{
    struct stat sb;
    FILE *f = stat(path, &sb) == 0 && S_ISREG(sb.st_mode) ? fopen(path, "rb") : NULL;
    if (!f)
        return NULL;
    unsigned char *bytes = malloc((size_t)sb.st_size + 1);
    size_t n = bytes ? fread(bytes, 1, (size_t)sb.st_size, f) : 0;
    bool ok = bytes && n == (size_t)sb.st_size && fgetc(f) == EOF;
    fclose(f);
    if (!ok) {
        free(bytes);
        return NULL;
    }
    *len = n;
    return bytes;
}

/* Does a PDF date string start at p: "Date (" then a digit (Cairo writes
 * "/CreationDate (20000101000000Z)"), or the "(D:" form other writers use? */
static bool date_at(const unsigned char *p, size_t left)
{
    return (left >= 7 && memcmp(p, "Date (", 6) == 0 && p[6] >= '0' && p[6] <= '9') ||
           (left >= 3 && memcmp(p, "(D:", 3) == 0);
}

/* Are two PDFs the same once the dates are left out? */
static bool same_but_dates(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
    size_t i = 0, k = 0;
    while (i < alen && k < blen) {
        bool da = date_at(a + i, alen - i), db = date_at(b + k, blen - k);
        if (da && db) {
            while (i < alen && a[i] != ')')
                i++;
            while (k < blen && b[k] != ')')
                k++;
        } else if (a[i] != b[k]) {
            return false;
        } else {
            i++, k++;
        }
    }
    return i == alen && k == blen;
}

/* Compare f with the file of its name in dir (see rc_compare). */
static void compare_one(rc_file *f, const char *dir, long tolerance, bool want_diff)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", dir, f->name);
    size_t len = 0;
    unsigned char *old = read_whole(path, &len);
    if (!old) {
        f->state = RC_MISSING;
        return;
    }
    if (len == f->len && memcmp(old, f->bytes, len) == 0) {
        f->state = RC_SAME;
    } else if (f->format == ZY_FORMAT_PDF && same_but_dates(old, len, f->bytes, f->len)) {
        f->state = RC_DATE_ONLY;
    } else if (f->format == ZY_FORMAT_PNG) {
        zy_png_diff d;
        zy_buf image;
        zy_buf_init(&image, 0);
        f->state = RC_DIFFERS;
        if (zy_png_compare(old, len, f->bytes, f->len, &d, want_diff ? &image : NULL) == ZY_OK) {
            f->pixels_known = true;
            f->size_changed = d.size_changed;
            f->pixels = d.changed;
            f->box[0] = d.x0, f->box[1] = d.y0, f->box[2] = d.x1, f->box[3] = d.y1;
            if (!d.size_changed && d.changed <= tolerance)
                f->state = RC_TOLERATED;
            else if (want_diff && image.len)
                f->diff_png = (unsigned char *)zy_buf_steal(&image, &f->diff_len);
        }
        zy_buf_free(&image);
    } else {
        f->state = RC_DIFFERS;
    }
    free(old);
}

void rc_compare(rc_file *files, size_t n, const char *dir, long tolerance, bool want_diff)
{
    for (size_t i = 0; i < n; i++)
        compare_one(&files[i], dir, tolerance, want_diff);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool chart_file_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 &&
           (strcmp(name + n - 4, ".png") == 0 || strcmp(name + n - 4, ".svg") == 0 ||
            strcmp(name + n - 4, ".pdf") == 0);
}

char **rc_stale_files(const char *dir, const rc_file *files, size_t n, size_t *count)
{
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!chart_file_name(e->d_name))
            continue;
        bool made = false;
        for (size_t i = 0; i < n && !made; i++)
            made = strcmp(files[i].name, e->d_name) == 0;
        char path[4400];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (made || lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
            continue;
        char **grown = realloc(names, (*count + 2) * sizeof *names);
        if (!grown || !(grown[*count] = strdup(e->d_name))) {
            names = grown ? grown : names;
            break;
        }
        names = grown;
        names[++*count] = NULL;
    }
    closedir(d);
    if (names)
        qsort(names, *count, sizeof *names, by_name);
    return names;
}

void rc_free_list(char **names)
{
    for (size_t i = 0; names && names[i]; i++)
        free(names[i]);
    free(names);
}

/* ---- fonts ------------------------------------------------------------------------------ */

/* The entry of list whose "request" is request, or NULL. */
static json_t *face_for(json_t *list, const char *request)
{
    size_t i;
    json_t *face;
    json_array_foreach(list, i, face) {
        const char *r = json_string_value(json_object_get(face, "request"));
        if (r && request && strcmp(r, request) == 0)
            return face;
    }
    return NULL;
}

static const char *face_text(json_t *face, const char *key)
{
    const char *s = json_string_value(json_object_get(face, key));
    return s ? s : "?";
}

char **rc_fonts_changed(const char *recorded_json, const char *used_json)
{
    json_t *recorded = recorded_json ? json_loads(recorded_json, 0, NULL) : NULL;
    json_t *used = used_json ? json_loads(used_json, 0, NULL) : NULL;
    json_t *old = json_object_get(recorded, "fonts");
    char **lines = NULL;
    size_t count = 0, i;
    json_t *face;
    if (json_is_array(old) && json_is_array(used))
        json_array_foreach(old, i, face) {
            const char *request = json_string_value(json_object_get(face, "request"));
            json_t *now = face_for(used, request);
            if (now && strcmp(face_text(face, "file"), face_text(now, "file")) == 0 &&
                strcmp(face_text(face, "sha256"), face_text(now, "sha256")) == 0)
                continue;
            char line[2048];
            if (now)
                snprintf(line, sizeof line, "fonts changed: \"%s\" was %s (%s, sha256 %.12s) and is "
                         "now %s (%s, sha256 %.12s)", request ? request : "?", face_text(face, "file"),
                         face_text(face, "version"), face_text(face, "sha256"), face_text(now, "file"),
                         face_text(now, "version"), face_text(now, "sha256"));
            else
                snprintf(line, sizeof line, "fonts changed: \"%s\" was %s and is no longer used",
                         request ? request : "?", face_text(face, "file"));
            char **grown = realloc(lines, (count + 2) * sizeof *lines);
            if (!grown)
                break;
            lines = grown;
            lines[count] = strdup(line);
            lines[count + 1] = NULL;
            count += lines[count] != NULL;
        }
    json_decref(recorded);
    json_decref(used);
    return lines;
}

char *rc_fonts_record(const char *used_json)
{
    size_t n = strlen(used_json) + 200;
    char *text = malloc(n);
    if (text)
        snprintf(text, n, "{\"zuhyo\": \"%s\", \"fonts\": %s}\n", ZUHYO_VERSION_STRING, used_json);
    return text;
}

/* ---- the report folder ------------------------------------------------------------------ */

static const char *state_name(rc_state s)
{
    static const char *const names[] = {"same", "missing", "differs", "date_only", "tolerated"};
    return names[s];
}

static bool write_bytes(const char *dir, const char *sub, const char *name,
                        const unsigned char *bytes, size_t len)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s/%s", dir, sub, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(bytes, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

static json_t *file_json(const rc_file *f)
{
    static const char *const formats[] = {"png", "svg", "pdf"};
    json_t *o = json_object();
    json_object_set_new(o, "file", json_string(f->name));
    json_object_set_new(o, "chart", json_integer((json_int_t)f->chart));
    json_object_set_new(o, "format", json_string(formats[f->format]));
    json_object_set_new(o, "state", json_string(state_name(f->state)));
    if (f->pixels_known) {
        json_object_set_new(o, "pixels_changed", json_integer(f->pixels));
        json_object_set_new(o, "size_changed", json_boolean(f->size_changed));
        if (f->pixels)
            json_object_set_new(o, "box", json_pack("{s:i,s:i,s:i,s:i}", "x", f->box[0], "y",
                                                    f->box[1], "width", f->box[2] - f->box[0] + 1,
                                                    "height", f->box[3] - f->box[1] + 1));
    }
    if (f->state != RC_SAME) {
        char rel[400];
        snprintf(rel, sizeof rel, "new/%s", f->name);
        json_object_set_new(o, "new", json_string(rel));
    }
    if (f->diff_png) {
        char rel[400];
        snprintf(rel, sizeof rel, "diff/%s", f->name);
        json_object_set_new(o, "diff", json_string(rel));
    }
    return o;
}

static json_t *report_json(const rc_report *r)
{
    json_t *files = json_array(), *stale = json_array(), *changed = json_array();
    size_t counts[5] = {0};
    for (size_t i = 0; i < r->nfiles; i++) {
        json_array_append_new(files, file_json(&r->files[i]));
        counts[r->files[i].state]++;
    }
    for (size_t i = 0; i < r->nstale; i++)
        json_array_append_new(stale, json_string(r->stale[i]));
    for (size_t i = 0; r->fonts_changed && r->fonts_changed[i]; i++)
        json_array_append_new(changed, json_string(r->fonts_changed[i]));
    json_t *used = json_loads(r->used_fonts ? r->used_fonts : "[]", 0, NULL);
    json_t *o = json_pack("{s:s,s:s,s:i,s:s}", "spec", r->spec, "out", r->out_dir, "exit",
                          r->exit_code, "result", r->exit_code == 0 ? "up to date" : "differs");
    json_object_set_new(o, "counts", json_pack("{s:I,s:I,s:I,s:I,s:I,s:I}", "same",
                        (json_int_t)counts[RC_SAME], "missing", (json_int_t)counts[RC_MISSING],
                        "differs", (json_int_t)counts[RC_DIFFERS], "date_only",
                        (json_int_t)counts[RC_DATE_ONLY], "tolerated",
                        (json_int_t)counts[RC_TOLERATED], "stale", (json_int_t)r->nstale));
    json_object_set_new(o, "files", files);
    json_object_set_new(o, "stale", stale);
    json_object_set_new(o, "fonts", used ? used : json_array());
    json_object_set_new(o, "fonts_changed", changed);
    return o;
}

/* s with <, >, &, " escaped for HTML. */
static void put_html(FILE *f, const char *s)
{
    for (; *s; s++)
        if (*s == '<') fputs("&lt;", f);
        else if (*s == '>') fputs("&gt;", f);
        else if (*s == '&') fputs("&amp;", f);
        else if (*s == '"') fputs("&quot;", f);
        else fputc(*s, f);
}

static bool write_index(const char *dir, const rc_report *r)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/index.html", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    fputs("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>zuhyo render "
          "--check</title>\n<style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 8px;"
          "text-align:left;vertical-align:top}img{max-width:480px;border:1px solid #ccc}"
          ".differs,.missing{color:#b00}</style></head><body>\n<h1>", f);
    put_html(f, r->spec);
    fprintf(f, ": %s</h1>\n<table>\n<tr><th>file</th><th>state</th><th>change</th><th>old</th>"
            "<th>new</th><th>diff</th></tr>\n", r->exit_code == 0 ? "up to date" : "figures differ");
    for (size_t i = 0; i < r->nfiles; i++) {
        const rc_file *x = &r->files[i];
        if (x->state == RC_SAME)
            continue;
        fputs("<tr><td>", f);
        put_html(f, x->name);
        fprintf(f, "</td><td class=\"%s\">%s</td><td>", state_name(x->state), state_name(x->state));
        if (x->pixels_known)
            fprintf(f, "%ld pixels, box %d,%d to %d,%d%s", x->pixels, x->box[0], x->box[1],
                    x->box[2], x->box[3], x->size_changed ? " (size changed)" : "");
        bool img = x->format == ZY_FORMAT_PNG || x->format == ZY_FORMAT_SVG;
        fputs("</td><td>", f);
        if (img && x->state != RC_MISSING) {
            fputs("<img src=\"old/", f);
            put_html(f, x->name);
            fputs("\" alt=\"old\">", f);
        }
        fputs("</td><td>", f);
        fputs(img ? "<img src=\"new/" : "<a href=\"new/", f);
        put_html(f, x->name);
        fputs(img ? "\" alt=\"new\">" : "\">new</a>", f);
        fputs("</td><td>", f);
        if (x->diff_png) {
            fputs("<img src=\"diff/", f);
            put_html(f, x->name);
            fputs("\" alt=\"diff\">", f);
        }
        fputs("</td></tr>\n", f);
    }
    for (size_t i = 0; i < r->nstale; i++) {
        fputs("<tr><td>", f);
        put_html(f, r->stale[i]);
        fputs("</td><td class=\"missing\">stale</td><td>no chart makes it</td></tr>\n", f);
    }
    fputs("</table>\n", f);
    for (size_t i = 0; r->fonts_changed && r->fonts_changed[i]; i++) {
        fputs("<p class=\"differs\">", f);
        put_html(f, r->fonts_changed[i]);
        fputs("</p>\n", f);
    }
    fputs("<p>Details: <a href=\"report.json\">report.json</a></p>\n</body></html>\n", f);
    return fclose(f) == 0;
}

bool rc_write_report(const char *dir, const rc_report *r)
{
    char sub[4400];
    if (!cli_make_dirs(dir))
        return false;
    snprintf(sub, sizeof sub, "%s/new", dir);
    if (!cli_make_dirs(sub))
        return false;
    snprintf(sub, sizeof sub, "%s/diff", dir);
    if (!cli_make_dirs(sub))
        return false;
    snprintf(sub, sizeof sub, "%s/old", dir);
    if (!cli_make_dirs(sub))
        return false;
    for (size_t i = 0; i < r->nfiles; i++) {
        const rc_file *f = &r->files[i];
        if (f->state != RC_SAME && !write_bytes(dir, "new", f->name, f->bytes, f->len))
            return false;
        if (f->state != RC_SAME && f->state != RC_MISSING) { /* the old one, for the page */
            char path[4400];
            size_t len = 0;
            snprintf(path, sizeof path, "%s/%s", r->out_dir, f->name);
            unsigned char *old = read_whole(path, &len);
            bool ok = !old || write_bytes(dir, "old", f->name, old, len);
            free(old);
            if (!ok)
                return false;
        }
        if (f->diff_png && !write_bytes(dir, "diff", f->name, f->diff_png, f->diff_len))
            return false;
    }
    json_t *o = report_json(r);
    char path[4400];
    snprintf(path, sizeof path, "%s/report.json", dir);
    int bad = json_dump_file(o, path, JSON_INDENT(2) | JSON_SORT_KEYS);
    json_decref(o);
    return bad == 0 && write_index(dir, r);
}
