/*
 * fuzz_csv.c: libFuzzer harness for the CSV/TSV reader: any bytes parse or are refused with
 * a message, never crash; a parsed table's cells are valid UTF-8 and can be charted or are
 * refused with a message.
 * Build: cmake -B build-fuzz -DCMAKE_C_COMPILER=clang -DZUHYO_FUZZ=ON; run build-fuzz/fuzz_csv.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data/table.h"
#include "util/utf8.h"
#include "zuhyo/zuhyo.h"

static zy_context *ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx && zy_context_create(NULL, &ctx) != ZY_OK)
        abort();
    zy_table *t;
    char sep = size && data[0] == '\t' ? '\t' : ','; /* both separators from one corpus */
    if (zy_table_parse(ctx, "fuzz.csv", (const char *)data, size, sep, &t) != ZY_OK) {
        if (!zy_errmsg(ctx)[0])
            abort(); /* refused without saying why */
        return 0;
    }
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const char *cell = zy_table_cell(t, r, c);
            if (!cell || zy_utf8_invalid_at(cell, strlen(cell)) >= 0)
                abort();
        }
    if (t->ncols >= 2) { /* the first two columns as a bar chart's labels and values */
        zy_bar_options o;
        zy_bar_options_defaults(&o);
        o.label_column = zy_table_header(t, 0);
        o.value_column = zy_table_header(t, 1);
        zy_bar_chart *chart;
        if (zy_bar_chart_create(ctx, t, &o, &chart) == ZY_OK)
            zy_bar_chart_destroy(chart);
    }
    zy_table_destroy(t);
    return 0;
}
