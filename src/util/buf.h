/*
 * buf.h: the one growable byte buffer of zuhyo, with a size cap and overflow-checked growth.
 * Appends return a status the caller must check; data is never dropped silently.
 * May call: libc only.
 */
#ifndef ZY_BUF_H
#define ZY_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include "zuhyo/zuhyo.h"

#define ZY_MUST_CHECK __attribute__((warn_unused_result))

typedef struct zy_buf {
    char *data;      /* always NUL-terminated when non-NULL */
    size_t len;      /* bytes used, excluding the terminating NUL */
    size_t cap;      /* bytes allocated */
    size_t max;      /* growth past this many bytes fails with ZY_ERR_NOMEM */
} zy_buf;

#define ZY_BUF_DEFAULT_MAX ((size_t)1 << 31)

void zy_buf_init(zy_buf *b, size_t max);
void zy_buf_free(zy_buf *b);
void zy_buf_reset(zy_buf *b);
ZY_MUST_CHECK zy_status zy_buf_reserve(zy_buf *b, size_t extra);
ZY_MUST_CHECK zy_status zy_buf_append(zy_buf *b, const void *bytes, size_t n);
ZY_MUST_CHECK zy_status zy_buf_puts(zy_buf *b, const char *s);
ZY_MUST_CHECK zy_status zy_buf_putc(zy_buf *b, char c);
ZY_MUST_CHECK zy_status zy_buf_printf(zy_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
ZY_MUST_CHECK zy_status zy_buf_vprintf(zy_buf *b, const char *fmt, va_list ap);
/* Hand the bytes to the caller (malloc'd, NUL-terminated) and empty the buffer. */
char *zy_buf_steal(zy_buf *b, size_t *out_len);

#endif
