/*
 * fuzz_corrections.c: libFuzzer harness for the corrections file of `zuhyo auto`: any bytes
 * parse or are refused with a FILE:LINE message, never crash; a parsed file applies to a few
 * hand-made facts and charts without a sanitizer report.
 * Build: cmake -B build-fuzz -DCMAKE_C_COMPILER=clang -DZUHYO_FUZZ=ON; run build-fuzz/fuzz_corrections.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/auto.h"

static zy_context *ctx;

static void add_fact(auto_facts *fs, long id, const char *subject, const char *measure, double value)
{
    auto_fact *f = &fs->items[fs->n++];
    memset(f, 0, sizeof *f);
    f->id = id;
    f->doc = strdup("articles/a.txt");
    f->doc_title = strdup("記事");
    f->kind = ZY_KIND_MONEY;
    f->has_value = true;
    f->value = value;
    f->unit = strdup("USD");
    f->subject = strdup(subject);
    f->measure = measure ? strdup(measure) : NULL;
    f->text = strdup("15億ドル");
    f->basis = strdup("topic");
    f->confidence = 0.7;
    f->table_id = -1;
    memcpy(f->time, "2025", 5);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx && zy_context_create(NULL, &ctx) != ZY_OK)
        abort();
    auto_corrections *corr;
    if (auto_corrections_parse(ctx, "fuzz.tsv", (const char *)data, size, &corr) != ZY_OK) {
        if (!strstr(zy_errmsg(ctx), "fuzz.tsv"))
            abort(); /* a refusal that does not name the file */
        return 0;
    }
    auto_facts fs = {0};
    fs.items = calloc(3, sizeof *fs.items);
    if (!fs.items)
        abort();
    fs.cap = 3;
    add_fact(&fs, 1, "サカナAI", "valuation", 1.5e9);
    add_fact(&fs, 2, "アップステージ", "valuation", 8e8);
    add_fact(&fs, 3, "Krutrim", NULL, 1e9);
    if (auto_corrections_apply_facts(ctx, NULL, corr, &fs) == ZY_OK) {
        auto_plan plan;
        if (auto_plan_charts(ctx, NULL, &fs, 0, &plan) == ZY_OK) {
            auto_corrections_apply_plan(ctx, corr, &plan);
            auto_plan_free(&plan);
        }
    }
    auto_facts_free(&fs);
    auto_corrections_destroy(corr);
    return 0;
}
