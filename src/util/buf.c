/*
 * buf.c: growable byte buffer with a cap (see buf.h).
 */
#include "util/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void zy_buf_init(zy_buf *b, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max ? max : ZY_BUF_DEFAULT_MAX;
}

void zy_buf_free(zy_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void zy_buf_reset(zy_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

zy_status zy_buf_reserve(zy_buf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra)
        return ZY_ERR_NOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return ZY_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return ZY_ERR_NOMEM;
        cap *= 2;
    }
    char *grown = realloc(b->data, cap);
    if (!grown)
        return ZY_ERR_NOMEM;
    b->data = grown;
    b->cap = cap;
    return ZY_OK;
}

zy_status zy_buf_append(zy_buf *b, const void *bytes, size_t n)
{
    zy_status st = zy_buf_reserve(b, n);
    if (st)
        return st;
    if (n)
        memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
    return ZY_OK;
}

zy_status zy_buf_puts(zy_buf *b, const char *s)
{
    return zy_buf_append(b, s, strlen(s));
}

zy_status zy_buf_putc(zy_buf *b, char c)
{
    return zy_buf_append(b, &c, 1);
}

zy_status zy_buf_vprintf(zy_buf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return ZY_ERR_NOMEM;
    zy_status st = zy_buf_reserve(b, (size_t)n);
    if (st)
        return st;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return ZY_OK;
}

zy_status zy_buf_printf(zy_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    zy_status st = zy_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return st;
}

char *zy_buf_steal(zy_buf *b, size_t *out_len)
{
    char *data = b->data;
    if (!data)
        data = calloc(1, 1);
    if (out_len)
        *out_len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return data;
}
