/*
 * file.h: whole-file reading and atomic writing (temporary file beside the target, then
 * rename), so a failed run never leaves a partial output. May call: util, libc.
 */
#ifndef ZY_FILE_H
#define ZY_FILE_H

#include "util/buf.h"
#include "util/diag.h"

/* Read path ("-" is stdin) into buf. Messages name the path. */
zy_status zy_file_read(zy_diag *diag, const char *path, zy_buf *buf);

/* Write bytes to path through a temporary file and rename; "-" writes stdout. */
zy_status zy_file_write_atomic(zy_diag *diag, const char *path, const void *bytes, size_t len);

#endif
