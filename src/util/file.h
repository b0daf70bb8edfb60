/*
 * file.h: whole-file reading and atomic writing (temporary file beside the target, then
 * rename), so a failed run never leaves a partial output. May call: util, libc.
 */
#ifndef ZY_FILE_H
#define ZY_FILE_H

#include "util/buf.h"
#include "util/diag.h"

/* Open path ("-": stdin) for reading into *fd. Only a regular file is opened: a folder, a
 * FIFO, a socket or a device is refused with a message naming what it is, without ever
 * blocking (a FIFO is looked at, not waited on). */
zy_status zy_file_open_regular(zy_diag *diag, const char *path, int *fd);

/* What a non-regular file is, for messages ("a FIFO", "a device", …); NULL for a regular
 * file. */
const char *zy_file_kind_name(unsigned mode);

/* Read path ("-" is stdin) into buf. Messages name the path. */
zy_status zy_file_read(zy_diag *diag, const char *path, zy_buf *buf);

/* Write bytes to path through a temporary file and rename; "-" writes stdout. An existing
 * path that is not a regular file (a folder, a device, a FIFO) is refused, never replaced. */
zy_status zy_file_write_atomic(zy_diag *diag, const char *path, const void *bytes, size_t len);

#endif
