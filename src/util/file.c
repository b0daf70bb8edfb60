/*
 * file.c: reading whole files and writing them atomically (see file.h).
 */
#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

zy_status zy_file_read(zy_diag *diag, const char *path, zy_buf *buf)
{
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (fd != STDIN_FILENO)
            close(fd);
        return zy_diag_fail(diag, ZY_ERR_IO, "%s: is a folder, not a file", path);
    }
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
    return status;
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
