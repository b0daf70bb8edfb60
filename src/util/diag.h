/*
 * diag.h: the error-message holder every layer writes into. The first error is kept until
 * cleared, so builders can be checked once at the end; warnings go to a callback.
 * May call: libc only.
 */
#ifndef ZY_DIAG_H
#define ZY_DIAG_H

#include "zuhyo/zuhyo.h"

typedef struct zy_diag {
    zy_status status;      /* first error since the last clear */
    char message[1024];    /* its text: "file:line:col: what is wrong" */
    zy_warn_fn warn;
    void *warn_user_data;
} zy_diag;

void zy_diag_clear(zy_diag *d);
/* Record an error (unless one is already kept) and return status. */
zy_status zy_diag_fail(zy_diag *d, zy_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void zy_diag_warn(zy_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
