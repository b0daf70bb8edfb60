/*
 * jsonl.c: facts as JSON Lines, the record other tools read (see README: "The fact record").
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/context.h"

static zy_status put_json_string(zy_buf *b, const char *s)
{
    if (!s)
        return zy_buf_puts(b, "null");
    zy_status st = zy_buf_putc(b, '"');
    while (*s && st == ZY_OK) {
        /* copy the run of characters that need no escaping in one append */
        size_t run = 0;
        while (s[run] && (unsigned char)s[run] >= 0x20 && s[run] != '"' && s[run] != '\\')
            run++;
        if (run) {
            st = zy_buf_append(b, s, run);
            s += run;
            continue;
        }
        unsigned char c = (unsigned char)*s++;
        if (c == '"' || c == '\\') {
            st = zy_buf_putc(b, '\\');
            if (st == ZY_OK)
                st = zy_buf_putc(b, (char)c);
        } else if (c == '\n') {
            st = zy_buf_puts(b, "\\n");
        } else if (c == '\t') {
            st = zy_buf_puts(b, "\\t");
        } else if (c < 0x20) {
            st = zy_buf_printf(b, "\\u%04x", c);
        } else {
            st = zy_buf_putc(b, (char)c);
        }
    }
    if (st == ZY_OK)
        st = zy_buf_putc(b, '"');
    return st;
}

static zy_status put_number(zy_buf *b, double v)
{
    if (!isfinite(v))
        return zy_buf_puts(b, "null");
    if (v == floor(v) && fabs(v) < 1e15)
        return zy_buf_printf(b, "%.0f", v);
    return zy_buf_printf(b, "%.15g", v);
}

static zy_status put_fact(zy_buf *b, const zy_document *doc, const zy_fact *f)
{
    static const char *const bounds[] = {NULL, "min", "max"};
    zy_status st = zy_buf_puts(b, "{\"doc\":");
    if (st == ZY_OK) st = put_json_string(b, doc->path);
    if (st == ZY_OK) st = zy_buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"text\":", f->start, f->end);
    if (st == ZY_OK) st = put_json_string(b, f->text);
    if (st == ZY_OK) st = zy_buf_printf(b, ",\"kind\":\"%s\"", zy_fact_kind_name(f->kind));
    if (st == ZY_OK && f->has_value) {
        st = zy_buf_puts(b, ",\"value\":");
        if (st == ZY_OK) st = put_number(b, f->value);
    }
    if (st == ZY_OK && f->has_value_max) {
        st = zy_buf_puts(b, ",\"value_max\":");
        if (st == ZY_OK) st = put_number(b, f->value_max);
    }
    if (st == ZY_OK && f->unit) {
        st = zy_buf_puts(b, ",\"unit\":");
        if (st == ZY_OK) st = put_json_string(b, f->unit);
    }
    if (st == ZY_OK && f->counter) {
        st = zy_buf_puts(b, ",\"counter\":");
        if (st == ZY_OK) st = put_json_string(b, f->counter);
    }
    if (st == ZY_OK) st = zy_buf_printf(b, ",\"approx\":%s", f->approx ? "true" : "false");
    if (st == ZY_OK) {
        st = zy_buf_puts(b, ",\"bound\":");
        if (st == ZY_OK) st = put_json_string(b, bounds[f->bound]);
    }
    if (st == ZY_OK) {
        st = zy_buf_puts(b, ",\"time\":");
        if (st == ZY_OK) st = put_json_string(b, f->time[0] ? f->time : NULL);
    }
    if (st == ZY_OK) st = zy_buf_puts(b, ",\"subject\":");
    if (st == ZY_OK) st = put_json_string(b, f->subject);
    if (st == ZY_OK) st = zy_buf_puts(b, ",\"subject_text\":");
    if (st == ZY_OK) st = put_json_string(b, f->subject_text);
    if (st == ZY_OK && f->country) {
        st = zy_buf_puts(b, ",\"country\":");
        if (st == ZY_OK) st = put_json_string(b, f->country);
    }
    if (st == ZY_OK) st = zy_buf_puts(b, ",\"measure\":");
    if (st == ZY_OK) st = put_json_string(b, f->measure);
    if (st == ZY_OK) st = zy_buf_puts(b, ",\"source\":");
    if (st == ZY_OK) st = put_json_string(b, f->source);
    if (st == ZY_OK && f->table_id >= 0)
        st = zy_buf_printf(b, ",\"table\":%ld,\"row\":%ld,\"col\":%ld", f->table_id, f->table_row,
                           f->table_col);
    if (st == ZY_OK) st = zy_buf_puts(b, ",\"sentence\":");
    if (st == ZY_OK) st = put_json_string(b, f->sentence);
    if (st == ZY_OK) st = zy_buf_puts(b, "}\n");
    return st;
}

zy_status zy_document_jsonl(zy_context *ctx, const zy_document *doc, char **out, size_t *out_len)
{
    zy_buf b;
    zy_buf_init(&b, 0);
    zy_status st = ZY_OK;
    for (size_t i = 0; i < doc->nfacts && st == ZY_OK; i++)
        st = put_fact(&b, doc, &doc->facts[i]);
    if (st) {
        zy_buf_free(&b);
        return zy_diag_fail(&ctx->diag, st, "out of memory while writing JSON");
    }
    *out = zy_buf_steal(&b, out_len);
    return ZY_OK;
}
