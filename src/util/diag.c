/*
 * diag.c: first-error-wins message holder and warning sink (see diag.h).
 */
#include "util/diag.h"

#include <stdarg.h>
#include <stdio.h>

void zy_diag_clear(zy_diag *d)
{
    d->status = ZY_OK;
    d->message[0] = '\0';
}

zy_status zy_diag_fail(zy_diag *d, zy_status status, const char *fmt, ...)
{
    if (d->status != ZY_OK)
        return status;
    d->status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
    return status;
}

void zy_diag_warn(zy_diag *d, const char *fmt, ...)
{
    if (!d->warn)
        return;
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    d->warn(d->warn_user_data, text);
}
