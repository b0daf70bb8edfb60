/*
 * file.c: reading whole files and writing them atomically (see file.h).
 */
#include "util/file.h"
#include "util/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *zy_file_kind_name(unsigned mode)
{
    if (S_ISREG(mode))
        return NULL;
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    return "not a regular file";
}

static zy_status refuse_kind(zy_diag *diag, const char *path, unsigned mode)
{
    if (S_ISDIR(mode))
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: is a folder, not a file", path);
    return zy_diag_fail(diag, ZY_ERR_IO, "%s: is %s, not a regular file; only regular files are "
                        "read (give - to read stdin)", path, zy_file_kind_name(mode));
}

zy_status zy_file_open_regular(zy_diag *diag, const char *path, int *fd)
{
    *fd = -1;
    if (strcmp(path, "-") == 0) {
        *fd = STDIN_FILENO;
        return ZY_OK;
    }
    struct stat st;
    if (stat(path, &st) != 0)
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return refuse_kind(diag, path, st.st_mode);
    /* O_NONBLOCK: should the path have been swapped for a FIFO since, open does not wait */
    int opened = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (opened < 0)
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    if (fstat(opened, &st) != 0) {
        int err = errno;
        close(opened);
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: cannot open: %s", path, strerror(err));
    }
    if (!S_ISREG(st.st_mode)) {
        close(opened);
        return refuse_kind(diag, path, st.st_mode);
    }
    int flags = fcntl(opened, F_GETFL);
    if (flags >= 0)
        fcntl(opened, F_SETFL, flags & ~O_NONBLOCK);
    *fd = opened;
    return ZY_OK;
}

/* Text written in UTF-16, EUC-JP or Shift_JIS, as read into buf, made UTF-8 (saying so). */
static zy_status transcode_in_place(zy_diag *diag, const char *path, zy_buf *buf)
{
    const char *encoding;
    size_t len;
    bool failed;
    char *utf8 = zy_encoding_to_utf8(buf->data, buf->len, &encoding, &len, &failed);
    if (!encoding)
        return ZY_OK;
    if (failed)
        return zy_diag_fail(diag, ZY_ERR_PARSE, "%s: written in %s, not UTF-8, and cannot be "
                            "converted (convert it to UTF-8: iconv -f %s -t UTF-8)", path,
                            encoding, encoding);
    zy_diag_warn(diag, "%s: written in %s, not UTF-8; converted to UTF-8 to read it", path,
                 encoding);
    zy_buf_reset(buf);
    zy_status st = zy_buf_append(buf, utf8, len);
    free(utf8);
    if (st)
        return zy_diag_fail(diag, st, "%s: out of memory", path);
    return ZY_OK;
}

zy_status zy_file_read(zy_diag *diag, const char *path, zy_buf *buf)
{
    int fd;
    zy_status opened = zy_file_open_regular(diag, path, &fd);
    if (opened)
        return opened;
    zy_status status = ZY_OK;
    for (;;) {
        if ((status = zy_buf_reserve(buf, 65536)) != ZY_OK) {
            zy_diag_fail(diag, status, "%s: file too large (over %zu bytes)", path, buf->max);
            break;
        }
        ssize_t n = read(fd, buf->data + buf->len, 65536);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            status = zy_diag_fail(diag, ZY_ERR_IO, "%s: cannot read: %s", path, strerror(errno));
            break;
        }
        if (n == 0)
            break;
        buf->len += (size_t)n;
        buf->data[buf->len] = '\0';
    }
    if (fd != STDIN_FILENO)
        close(fd);
    return status ? status : transcode_in_place(diag, path, buf);
}

static zy_status write_all(int fd, const void *bytes, size_t len)
{
    const char *p = bytes;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ZY_ERR_IO;
        }
        p += n;
        len -= (size_t)n;
    }
    return ZY_OK;
}

zy_status zy_file_write_atomic(zy_diag *diag, const char *path, const void *bytes, size_t len)
{
    if (strcmp(path, "-") == 0) {
        if (write_all(STDOUT_FILENO, bytes, len) != ZY_OK)
            return zy_diag_fail(diag, ZY_ERR_IO, "stdout: write failed: %s", strerror(errno));
        return ZY_OK;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: is a folder; give a file name such as %s/chart.png",
                            path, path);
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) /* never replace a device or a FIFO */
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: is %s; only a regular file or a new path is "
                            "written (-o - writes stdout)", path, zy_file_kind_name(st.st_mode));
    size_t n = strlen(path);
    char *tmp = malloc(n + 32);
    if (!tmp)
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    snprintf(tmp, n + 32, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        char *dir = strdup(path);
        char *slash = dir ? strrchr(dir, '/') : NULL;
        const char *folder = slash ? (slash == dir ? "/" : (*slash = '\0', dir)) : ".";
        zy_status s;
        if (err == ENOENT)
            s = zy_diag_fail(diag, ZY_ERR_IO, "%s: the folder %s does not exist", path, folder);
        else
            s = zy_diag_fail(diag, ZY_ERR_IO, "%s: cannot write in %s: %s", path, folder,
                             strerror(err));
        free(dir);
        free(tmp);
        return s;
    }
    zy_status s = write_all(fd, bytes, len);
    if (s == ZY_OK && fchmod(fd, 0644) != 0)
        s = ZY_ERR_IO;
    if (close(fd) != 0)
        s = ZY_ERR_IO;
    if (s == ZY_OK && rename(tmp, path) != 0)
        s = ZY_ERR_IO;
    if (s != ZY_OK) {
        int err = errno;
        unlink(tmp);
        free(tmp);
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: write failed: %s", path, strerror(err));
    }
    free(tmp);
    return ZY_OK;
}
