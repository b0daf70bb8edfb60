/*
 * cmd_facts.c: `zuhyo facts [--db PATH] [--format jsonl|tsv|csv] [filters]`: list what is
 * stored, in the same record as `zuhyo scan`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

static const char facts_help[] =
    "usage: zuhyo facts [--db PATH] [--format jsonl|tsv|csv] [--kind K] [--measure M]\n"
    "                   [--subject S] [--doc D] [--unit U] [--time T]\n"
    "\n"
    "List stored facts (default database out/zuhyo.db). jsonl prints the same records as\n"
    "`zuhyo scan`; tsv and csv print one row per fact with a header.\n"
    "  --kind K      money, count, percent, ratio, rank, date, age, duration\n"
    "  --measure M   valuation, funding, investment, author_count, rank, total, founded, …\n"
    "  --subject S   canonical name, or text contained in the subject as written\n"
    "  --doc D       document path, or part of it\n"
    "  --unit U      USD, JPY, count, %, …\n"
    "  --time T      ISO time prefix (2024, 2025-01)\n";

typedef enum { FORMAT_JSONL, FORMAT_TSV, FORMAT_CSV } out_format;

typedef struct facts_out {
    zy_context *ctx;
    out_format format;
    size_t count;
} facts_out;

static void put_field(const char *s, out_format format)
{
    if (!s)
        s = "";
    if (format == FORMAT_TSV) {
        for (; *s; s++)
            fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, stdout);
        return;
    }
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, stdout);
        return;
    }
    fputc('"', stdout);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', stdout);
        fputc(*s, stdout);
    }
    fputc('"', stdout);
}

static const char *const columns[] = {"doc", "start", "end", "text", "kind", "value", "value_max",
                                      "unit", "counter", "approx", "bound", "time", "subject",
                                      "subject_text", "country", "measure", "source", "table",
                                      "row", "col", "sentence", NULL};

static zy_status print_facts(void *user, const zy_document *doc)
{
    facts_out *o = user;
    if (o->format == FORMAT_JSONL) {
        char *json;
        size_t len;
        zy_status st = zy_document_jsonl(o->ctx, doc, &json, &len);
        if (st)
            return st;
        fwrite(json, 1, len, stdout);
        free(json);
        o->count += doc->nfacts;
        return ZY_OK;
    }
    char sep = o->format == FORMAT_TSV ? '\t' : ',';
    static const char *const bounds[] = {NULL, "min", "max"};
    for (size_t i = 0; i < doc->nfacts; i++) {
        const zy_fact *f = &doc->facts[i];
        char num[9][64] = {{0}};
        snprintf(num[0], 64, "%zu", f->start);
        snprintf(num[1], 64, "%zu", f->end);
        if (f->has_value)
            snprintf(num[2], 64, "%.15g", f->value);
        if (f->has_value_max)
            snprintf(num[3], 64, "%.15g", f->value_max);
        if (f->table_id >= 0) {
            snprintf(num[4], 64, "%ld", f->table_id);
            snprintf(num[5], 64, "%ld", f->table_row);
            snprintf(num[6], 64, "%ld", f->table_col);
        }
        const char *fields[] = {doc->path, num[0], num[1], f->text, zy_fact_kind_name(f->kind),
                                num[2], num[3], f->unit, f->counter, f->approx ? "true" : "false",
                                bounds[f->bound], f->time, f->subject, f->subject_text, f->country,
                                f->measure, f->source, num[4], num[5], num[6], f->sentence};
        for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
            if (k)
                fputc(sep, stdout);
            put_field(fields[k], o->format);
        }
        fputc('\n', stdout);
    }
    o->count += doc->nfacts;
    return ZY_OK;
}

int cmd_facts(int argc, char **argv)
{
    const char *db = "out/zuhyo.db";
    zy_fact_query q = {0};
    out_format format = FORMAT_JSONL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(facts_help, stdout);
            return EXIT_OK;
        } else if (has && strcmp(a, "--db") == 0) {
            db = argv[++i];
        } else if (has && strcmp(a, "--format") == 0) {
            const char *f = argv[++i];
            if (strcmp(f, "jsonl") == 0)
                format = FORMAT_JSONL;
            else if (strcmp(f, "tsv") == 0)
                format = FORMAT_TSV;
            else if (strcmp(f, "csv") == 0)
                format = FORMAT_CSV;
            else
                return cli_usage("facts", "--format %s: expected jsonl, tsv or csv", f);
        } else if (has && strcmp(a, "--kind") == 0) {
            q.kind = argv[++i];
        } else if (has && strcmp(a, "--measure") == 0) {
            q.measure = argv[++i];
        } else if (has && strcmp(a, "--subject") == 0) {
            q.subject = argv[++i];
        } else if (has && strcmp(a, "--doc") == 0) {
            q.doc = argv[++i];
        } else if (has && strcmp(a, "--unit") == 0) {
            q.unit = argv[++i];
        } else if (has && strcmp(a, "--time") == 0) {
            q.time = argv[++i];
            if (!cli_valid_time_prefix(q.time))
                return cli_usage("facts", "--time %s: expected a time that exists: YYYY, YYYY-MM "
                                 "or YYYY-MM-DD", q.time);
        } else {
            return cli_usage("facts", "unknown option or missing value: %s", a);
        }
    }
    int bad_text = cli_check_texts("facts", "--kind", q.kind, "--measure", q.measure, "--subject",
                                   q.subject, "--doc", q.doc, "--unit", q.unit, NULL);
    if (bad_text)
        return bad_text;
    if (access(db, F_OK) != 0)
        return cli_fail(ZY_ERR_IO, "%s: no such database; run 'zuhyo extract --db %s FILES' first", db, db);
    zy_context_options co;
    zy_context_defaults(&co);
    zy_context *ctx;
    zy_store *store = NULL;
    zy_status st = zy_context_create(&co, &ctx);
    if (st == ZY_OK)
        st = zy_store_open(ctx, db, &store);
    facts_out out = {ctx, format, 0};
    if (st == ZY_OK && format != FORMAT_JSONL) {
        char sep = format == FORMAT_TSV ? '\t' : ',';
        for (size_t k = 0; columns[k]; k++) {
            if (k)
                fputc(sep, stdout);
            fputs(columns[k], stdout);
        }
        fputc('\n', stdout);
    }
    if (st == ZY_OK)
        st = zy_store_facts(ctx, store, &q, print_facts, &out);
    int rc = st ? cli_fail_ctx(st, ctx) : EXIT_OK;
    if (fflush(stdout) != 0 && rc == EXIT_OK)
        rc = cli_fail(ZY_ERR_IO, "stdout: write failed");
    zy_store_close(store);
    zy_context_destroy(ctx);
    return rc;
}
