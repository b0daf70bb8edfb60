/*
 * fuzz_spec.c: libFuzzer harness for the chart spec reader of `zuhyo render`: any bytes are
 * JSON that reads, or are refused; a spec's top level and every chart are checked (keys, values,
 * JSON paths in the messages) without a crash or a sanitizer report. Nothing is rendered.
 * The reader's functions are private to cmd_render.c, so the harness includes that file.
 * Build: cmake -B build-fuzz -DCMAKE_C_COMPILER=clang -DZUHYO_FUZZ=ON; run build-fuzz/fuzz_spec.
 */
#include "../src/cli/cmd_render.c"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_error_t e;
    json_t *spec = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &e);
    if (!spec)
        return 0;
    char err[512] = "";
    spec_top top;
    if (json_is_object(spec) && read_top(spec, &top, err, sizeof err)) {
        size_t n = json_array_size(json_object_get(spec, "charts"));
        spec_chart *list = calloc(n ? n : 1, sizeof *list);
        if (!list)
            abort();
        if (read_charts(spec, list, n, "fuzz.json") == EXIT_OK && top.out)
            (void)stays_inside(top.out);
        free(list);
    } else if (!err[0] && json_is_object(spec)) {
        abort(); /* refused without saying why */
    }
    json_decref(spec);
    return 0;
}
