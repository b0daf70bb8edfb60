/*
 * fuzz_scan.c: libFuzzer harness for the extractor: any bytes must scan without a crash,
 * a sanitizer report or an out-of-range offset, and give valid JSON-safe strings.
 * Build: cmake -B build-fuzz -DCMAKE_C_COMPILER=clang -DZUHYO_FUZZ=ON; run build-fuzz/fuzz_scan.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "zuhyo/zuhyo.h"

static zy_context *ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx && zy_context_create(NULL, &ctx) != ZY_OK)
        abort();
    zy_document *doc;
    if (zy_scan(ctx, "fuzz.txt", (const char *)data, size, NULL, &doc) != ZY_OK)
        return 0;
    for (size_t i = 0; i < doc->nfacts; i++) {
        const zy_fact *f = &doc->facts[i];
        if (f->start > f->end || f->end > size)
            abort();
        if (zy_utf8_invalid_at(f->text, strlen(f->text)) >= 0 ||
            zy_utf8_invalid_at(f->sentence, strlen(f->sentence)) >= 0)
            abort();
    }
    char *json;
    size_t len;
    if (zy_document_jsonl(ctx, doc, &json, &len) == ZY_OK)
        free(json);
    zy_document_destroy(doc);
    return 0;
}
