/*
 * auto_write.c: render the planned charts, then write manifest.json (with jansson) and the
 * offline gallery index.html (auto_gallery.c) beside them (see auto.h). File names are ASCII
 * slugs of the titles plus a hash, so they are stable between runs, unique, and cannot leave the folder.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/auto.h"

#define ZY_STR_(x) #x
#define ZY_STR(x) ZY_STR_(x)
#include "data/table.h"
#include "util/file.h"

/* The chart's file name without extension: an ASCII slug of its title and a hash of it, so
 * stable between runs and unique per title. */
static void make_slug(const auto_chart *c, char *out, size_t cap)
{
    static const char *const prefixes[] = {"bar", "timeline", "rank-change"};
    unsigned long long h = 1469598103934665603ULL;
    for (const char *s = c->title; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    char words[48] = "";
    size_t n = 0;
    bool dash = true;
    for (const char *s = c->title; *s && n < sizeof words - 2; s++) {
        char ch = *s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z')) {
            words[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
            dash = false;
        } else if (!dash) {
            words[n++] = '-';
            dash = true;
        }
    }
    while (n && words[n - 1] == '-')
        n--;
    words[n] = '\0';
    snprintf(out, cap, "%s%s%s-%08llx", prefixes[c->type], n ? "-" : "", words, h & 0xFFFFFFFFULL);
}

/* Chart i's slug: its title's, numbered -2, -3 … when earlier charts have the same title
 * (counted once over the plan: an article with thousands of charts names them in n log n). */
typedef struct slug_entry {
    char slug[96];
    size_t index;
} slug_entry;

static int by_slug(const void *pa, const void *pb)
{
    const slug_entry *a = pa, *b = pb;
    int c = strcmp(a->slug, b->slug);
    return c ? c : (a->index > b->index) - (a->index < b->index);
}

static zy_status name_charts(const auto_plan *plan)
{
    slug_entry *e = malloc((plan->n ? plan->n : 1) * sizeof *e);
    if (!e)
        return ZY_ERR_NOMEM;
    for (size_t i = 0; i < plan->n; i++) {
        make_slug(&plan->charts[i], e[i].slug, sizeof e[i].slug);
        e[i].index = i;
    }
    qsort(e, plan->n, sizeof *e, by_slug);
    for (size_t i = 0, round = 1; i < plan->n; i++) {
        round = i > 0 && strcmp(e[i].slug, e[i - 1].slug) == 0 ? round + 1 : 1;
        auto_chart *c = &plan->charts[e[i].index];
        if (round == 1)
            snprintf(c->slug, sizeof c->slug, "%s", e[i].slug);
        else
            snprintf(c->slug, sizeof c->slug, "%.72s-%zu", e[i].slug, round);
    }
    free(e);
    return ZY_OK;
}

/* How the row's figure was written, for its value label: 約, 超, 以上, 未満, 以下 or "". */
static const char *row_qualifier(const auto_fact *f)
{
    if (!f || f->kind == ZY_KIND_RANK)
        return "";
    if (f->approx)
        return "約";
    const char *t = f->text ? f->text : "";
    static const char *const words[] = {"以上", "未満", "以下", "超"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(t, words[i]))
            return words[i];
    return f->bound == ZY_BOUND_MIN ? "超" : "";
}

/* The chart's rows as a table the bar and timeline charts read. */
static zy_status chart_table(zy_context *ctx, const auto_chart *c, zy_table **out)
{
    zy_buf csv;
    zy_buf_init(&csv, 0);
    zy_status st = zy_buf_puts(&csv, c->type == AUTO_TIMELINE ? "date,label,lane\n" : "label,value,group,qualifier\n");
    for (size_t r = 0; st == ZY_OK && r < c->nrows; r++) {
        const auto_row *row = &c->rows[r];
        if (c->type == AUTO_TIMELINE) {
            st = zy_csv_put_field(&csv, row->time);
            if (st == ZY_OK) st = zy_buf_putc(&csv, ',');
            if (st == ZY_OK) st = zy_csv_put_field(&csv, row->label);
            if (st == ZY_OK) st = zy_buf_putc(&csv, ',');
            if (st == ZY_OK) st = zy_csv_put_field(&csv, row->group);
        } else {
            const char *group = c->type == AUTO_RANK_CHANGE ? row->group
                                : c->color_by_country && row->first && row->first->country ? row->first->country
                                : c->color_by_country ? "その他" : "";
            st = zy_csv_put_field(&csv, row->label);
            if (st == ZY_OK) st = zy_buf_printf(&csv, ",%.17g,", row->value);
            if (st == ZY_OK) st = zy_csv_put_field(&csv, group ? group : "");
            if (st == ZY_OK) st = zy_buf_printf(&csv, ",%s", row_qualifier(row->first));
        }
        if (st == ZY_OK)
            st = zy_buf_putc(&csv, '\n');
    }
    if (st == ZY_OK)
        st = zy_table_parse(ctx, c->title, csv.data, csv.len, ',', out);
    else
        st = zy_diag_fail(&ctx->diag, ZY_ERR_NOMEM, "out of memory");
    zy_buf_free(&csv);
    return st;
}

/* The same colour for a country in every chart: a palette in the order the chart's rows first
 * name each country. */
static void country_palette(const auto_chart *c, char *out, size_t cap)
{
    static const struct { const char *country, *color; } colors[] = {
        {"米国", "#0072B2"}, {"中国", "#D55E00"}, {"日本", "#009E73"}, {"韓国", "#E69F00"},
        {"EU", "#56B4E9"},   {"台湾", "#CC79A7"}, {"英国", "#F0E442"}, {"インド", "#000000"},
    };
    const char *seen[32];
    size_t nseen = 0;
    out[0] = '\0';
    for (size_t r = 0; r < c->nrows && nseen < 16; r++) {
        const char *country = c->rows[r].first && c->rows[r].first->country ? c->rows[r].first->country : "その他";
        bool known = false;
        for (size_t k = 0; k < nseen && !known; k++)
            known = strcmp(seen[k], country) == 0;
        if (known)
            continue;
        seen[nseen++] = country;
        const char *color = "#999999";
        for (size_t k = 0; k < sizeof colors / sizeof colors[0]; k++)
            if (strcmp(colors[k].country, country) == 0)
                color = colors[k].color;
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%s", len ? "," : "", color);
    }
}

static zy_status render_chart(zy_context *ctx, const auto_chart *c, const zy_auto_options *o,
                              zy_format format, unsigned char **bytes, size_t *len)
{
    zy_table *table;
    zy_status st = chart_table(ctx, c, &table);
    if (st)
        return st;
    if (c->type == AUTO_TIMELINE) {
        zy_timeline_options to;
        zy_timeline_options_defaults(&to);
        to.date_column = "date";
        to.label_column = "label";
        to.lane_column = "lane";
        to.title = c->title;
        to.source = c->source;
        to.theme = o->theme;
        to.svg_text = o->svg_text;
        to.width = o->width;
        to.height = o->height;
        /* a crowded timeline grows taller rather than dropping events */
        for (int grow = 0; grow < 3; grow++) {
            to.height = o->height + o->height * grow / 2;
            zy_timeline_chart *chart;
            st = zy_timeline_chart_create(ctx, table, &to, &chart);
            if (st == ZY_OK)
                st = zy_timeline_chart_render(ctx, chart, format, bytes, len);
            zy_timeline_chart_destroy(chart);
            if (st != ZY_ERR_LIMIT)
                break;
        }
    } else {
        zy_bar_options bo;
        zy_bar_options_defaults(&bo);
        char palette[160];
        country_palette(c, palette, sizeof palette);
        bo.label_column = "label";
        bo.value_column = "value";
        bo.qualifier_column = c->type == AUTO_RANK_CHANGE ? NULL : "qualifier";
        if (c->type == AUTO_RANK_CHANGE) {
            bo.group_column = "group";
            bo.dumbbell = true;
        } else {
            bo.sort = ZY_SORT_DESC;
            bo.top = 30;
            if (c->color_by_country) {
                bo.color_column = "group";
                bo.palette = palette;
            }
        }
        bo.unit = c->unit_label;
        bo.title = c->title;
        bo.source = c->source;
        bo.theme = o->theme;
        bo.svg_text = o->svg_text;
        bo.width = o->width;
        bo.height = o->height;
        zy_bar_chart *chart;
        st = zy_bar_chart_create(ctx, table, &bo, &chart);
        if (st == ZY_OK)
            st = zy_bar_chart_render(ctx, chart, format, bytes, len);
        zy_bar_chart_destroy(chart);
    }
    zy_table_destroy(table);
    return st;
}

static const char *type_name(auto_type t)
{
    return t == AUTO_TIMELINE ? "timeline" : t == AUTO_RANK_CHANGE ? "rank_change" : "bar";
}

static json_t *manifest_chart(const auto_chart *c, const char *const *files, size_t nfiles)
{
    json_t *chart = json_object(), *jfiles = json_array(), *rows = json_array();
    json_object_set_new(chart, "type", json_string(type_name(c->type)));
    json_object_set_new(chart, "title", json_string(c->title));
    for (size_t i = 0; i < nfiles; i++)
        json_array_append_new(jfiles, json_string(files[i]));
    json_object_set_new(chart, "files", jfiles);
    for (size_t r = 0; r < c->nrows; r++) {
        const auto_row *row = &c->rows[r];
        json_t *jr = json_object(), *ids = json_array();
        json_object_set_new(jr, "label", json_string(row->label));
        const auto_fact *f = row->first;
        if (f) {
            const char *slash = strrchr(f->doc, '/');
            json_object_set_new(jr, "doc", json_string(slash ? slash + 1 : f->doc));
            json_object_set_new(jr, "subject", f->subject ? json_string(f->subject) : json_null());
            json_object_set_new(jr, "measure", f->measure ? json_string(f->measure) : json_null());
            json_object_set_new(jr, "text", f->text ? json_string(f->text) : json_null());
            json_object_set_new(jr, "confidence", f->confidence >= 0 ? json_real(f->confidence) : json_null());
            json_object_set_new(jr, "basis", f->basis ? json_string(f->basis) : json_null());
            if (f->time_settled)
                json_object_set_new(jr, "time_from", json_string("article"));
        }
        if (c->type != AUTO_TIMELINE) {
            json_object_set_new(jr, "value", json_real(row->value));
            json_object_set_new(jr, "unit", json_string(row->unit));
        }
        const char *time = c->type == AUTO_RANK_CHANGE && row->group ? row->group : row->time;
        json_object_set_new(jr, "time", time[0] ? json_string(time) : json_null());
        for (size_t k = 0; k < row->nfacts; k++)
            json_array_append_new(ids, json_integer(row->facts[k]));
        json_object_set_new(jr, "facts", ids);
        json_array_append_new(rows, jr);
    }
    json_object_set_new(chart, "rows", rows);
    return chart;
}

/* The facts that could have been rows and were not, with the reason. */
static json_t *manifest_left_out(const auto_plan *plan)
{
    json_t *left = json_array();
    for (size_t i = 0; i < plan->nleft; i++) {
        const auto_fact *f = plan->left[i].fact;
        json_t *j = json_object();
        const char *slash = strrchr(f->doc, '/');
        json_object_set_new(j, "doc", json_string(slash ? slash + 1 : f->doc));
        json_object_set_new(j, "fact", json_integer(f->id));
        json_object_set_new(j, "subject", json_string(f->subject));
        json_object_set_new(j, "text", f->text ? json_string(f->text) : json_null());
        json_object_set_new(j, "measure", f->measure ? json_string(f->measure) : json_null());
        json_object_set_new(j, "confidence", f->confidence >= 0 ? json_real(f->confidence) : json_null());
        json_object_set_new(j, "basis", f->basis ? json_string(f->basis) : json_null());
        json_object_set_new(j, "reason", json_string(plan->left[i].reason));
        json_array_append_new(left, j);
    }
    return left;
}

zy_status auto_write(zy_context *ctx, const auto_plan *plan, const zy_auto_options *o)
{
    const char *dir = o->out_dir;
    bool png = o->png || (!o->svg && !o->pdf), svg = o->svg || (!o->png && !o->pdf), pdf = o->pdf;
    json_t *manifest = json_object(), *charts = json_array();
    zy_buf html;
    zy_buf_init(&html, 0);
    zy_status st = name_charts(plan);
    if (st == ZY_OK)
        st = auto_gallery_begin(ctx, &html, o->corrections);
    for (size_t i = 0; st == ZY_OK && i < plan->n; i++) {
        auto_chart *c = &plan->charts[i];
        if (o->interrupted && *o->interrupted) {
            st = zy_diag_fail(&ctx->diag, ZY_ERR_IO, "interrupted after %zu of %zu charts", i, plan->n);
            break;
        }
        const zy_format formats[3] = {ZY_FORMAT_PNG, ZY_FORMAT_SVG, ZY_FORMAT_PDF};
        const bool wanted[3] = {png, svg, pdf};
        static const char *const ext[3] = {"png", "svg", "pdf"};
        char names[3][128];
        const char *files[3];
        size_t nfiles = 0;
        for (int f = 0; st == ZY_OK && f < 3; f++) {
            if (!wanted[f])
                continue;
            unsigned char *bytes;
            size_t len;
            st = render_chart(ctx, c, o, formats[f], &bytes, &len);
            if (st)
                break;
            snprintf(names[f], sizeof names[f], "%s.%s", c->slug, ext[f]);
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, names[f]);
            st = zy_file_write_atomic(&ctx->diag, path, bytes, len);
            free(bytes);
            files[nfiles++] = names[f];
        }
        if (st)
            break;
        json_array_append_new(charts, manifest_chart(c, files, nfiles));
        st = auto_gallery_section(&html, c, png ? names[0] : names[1]);
    }
    json_object_set_new(manifest, "charts", charts);
    json_object_set_new(manifest, "min_confidence", json_real(o->min_confidence));
    json_object_set_new(manifest, "left_out", manifest_left_out(plan));
    if (plan->nleft_total > plan->nleft) /* the list stops at AUTO_LEFT_OUT_MAX */
        json_object_set_new(manifest, "left_out_total", json_integer((json_int_t)plan->nleft_total));
    if (plan->ncharts_left) {
        json_t *left = json_array();
        for (size_t i = 0; i < plan->ncharts_left; i++) {
            const char *doc = plan->charts_left[i].doc, *slash = strrchr(doc, '/');
            json_array_append_new(left, json_pack("{s:s,s:s,s:s}", "title", plan->charts_left[i].title, "doc",
                                                  slash ? slash + 1 : doc, "reason",
                                                  "more than " ZY_STR(AUTO_CHARTS_PER_ARTICLE) " charts from one article"));
        }
        json_object_set_new(manifest, "charts_left_out", left);
    }
    if (plan->corrections) { /* what each line of the corrections file matched */
        json_t *lines = json_array();
        for (size_t i = 0; i < plan->corrections->n; i++) {
            const auto_correction_entry *e = &plan->corrections->items[i];
            json_array_append_new(lines, json_pack("{s:I,s:s,s:I}", "line", (json_int_t)e->line, "action",
                                                   e->action, "matched", (json_int_t)e->matched));
        }
        json_object_set_new(manifest, "corrections", lines);
    }
    if (st == ZY_OK && auto_gallery_end(&html) != ZY_OK)
        st = ZY_ERR_NOMEM;
    char *text = st == ZY_OK ? json_dumps(manifest, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    if (st == ZY_OK && !text)
        st = ZY_ERR_NOMEM;
    char path[4096];
    if (st == ZY_OK) {
        snprintf(path, sizeof path, "%s/manifest.json", dir);
        zy_buf m;
        zy_buf_init(&m, 0);
        if (zy_buf_puts(&m, text) != ZY_OK || zy_buf_putc(&m, '\n') != ZY_OK)
            st = ZY_ERR_NOMEM;
        else
            st = zy_file_write_atomic(&ctx->diag, path, m.data, m.len);
        zy_buf_free(&m);
    }
    if (st == ZY_OK) {
        snprintf(path, sizeof path, "%s/index.html", dir);
        st = zy_file_write_atomic(&ctx->diag, path, html.data, html.len);
    }
    free(text);
    json_decref(manifest);
    zy_buf_free(&html);
    if (st == ZY_ERR_NOMEM && ctx->diag.status == ZY_OK)
        zy_diag_fail(&ctx->diag, st, "out of memory");
    return st;
}
