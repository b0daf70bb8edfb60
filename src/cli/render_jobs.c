/*
 * render_jobs.c: render every file of a spec in memory, on several cores (see render_ci.h).
 * Workers are forked processes, each rendering every jobs-th file into an unnamed temporary
 * file that the parent reads back in order: fonts, Pango and Cairo are never shared between
 * threads, and the bytes are the ones a single process makes.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "cli/render_ci.h"

static bool put_block(FILE *f, const void *bytes, size_t len)
{
    uint64_t n = len;
    return fwrite(&n, sizeof n, 1, f) == 1 && (len == 0 || fwrite(bytes, 1, len, f) == len);
}

/* A block written by put_block, malloc'd and NUL-terminated (NULL for an empty one). */
static bool get_block(FILE *f, unsigned char **out, size_t *len)
{
    uint64_t n;
    *out = NULL;
    *len = 0;
    if (fread(&n, sizeof n, 1, f) != 1 || n > ((uint64_t)1 << 40))
        return false;
    if (n == 0)
        return true;
    unsigned char *bytes = malloc((size_t)n + 1);
    if (!bytes || fread(bytes, 1, (size_t)n, f) != n) {
        free(bytes);
        return false;
    }
    bytes[n] = '\0';
    *out = bytes;
    *len = (size_t)n;
    return true;
}

static bool put_result(FILE *f, size_t index, const rc_file *file)
{
    uint64_t i = index;
    int32_t status = file->status;
    const char *msg = file->message ? file->message : "", *warn = file->warnings ? file->warnings : "";
    return fwrite(&i, sizeof i, 1, f) == 1 && fwrite(&status, sizeof status, 1, f) == 1 &&
           put_block(f, msg, strlen(msg)) && put_block(f, warn, strlen(warn)) &&
           put_block(f, file->bytes, file->len);
}

/* Read one result into files (false at the end or on a short record). */
static bool get_result(FILE *f, rc_file *files, size_t n, bool *done)
{
    uint64_t i;
    int32_t status;
    if (fread(&i, sizeof i, 1, f) != 1 || i >= n || fread(&status, sizeof status, 1, f) != 1)
        return false;
    rc_file *file = &files[i];
    unsigned char *msg, *warn;
    size_t mlen, wlen;
    if (!get_block(f, &msg, &mlen) || !get_block(f, &warn, &wlen) ||
        !get_block(f, &file->bytes, &file->len))
        return false;
    file->status = status;
    file->message = (char *)msg;
    file->warnings = (char *)warn;
    done[i] = true;
    return true;
}

/* Worker w of jobs: render its share and write the results; never returns. */
static void run_worker(FILE *out, rc_file *files, size_t n, unsigned w, unsigned jobs,
                       rc_render_fn render, void *user)
{
    bool ok = true;
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGTERM); /* a killed parent takes its workers along */
#endif
    for (size_t i = w; ok && i < n; i += jobs) {
        render(user, &files[i]);
        ok = put_result(out, i, &files[i]);
    }
    ok = fflush(out) == 0 && ok;
    _exit(ok ? 0 : 1); /* no atexit handlers: they belong to the parent */
}

void rc_render_all(rc_file *files, size_t n, unsigned jobs, rc_render_fn render, void *user)
{
    if (jobs > n)
        jobs = (unsigned)n;
    FILE **out = jobs > 1 ? calloc(jobs, sizeof *out) : NULL;
    pid_t *pid = jobs > 1 ? calloc(jobs, sizeof *pid) : NULL;
    bool *done = jobs > 1 ? calloc(n, sizeof *done) : NULL;
    if (!out || !pid || !done) { /* one process: in order, here */
        free(out), free(pid), free(done);
        for (size_t i = 0; i < n; i++)
            render(user, &files[i]);
        return;
    }
    fflush(stdout);
    fflush(stderr);
    unsigned started = 0;
    for (; started < jobs; started++) {
        out[started] = tmpfile();
        pid[started] = out[started] ? fork() : -1;
        if (pid[started] < 0) {
            if (out[started])
                fclose(out[started]);
            break;
        }
        if (pid[started] == 0)
            run_worker(out[started], files, n, started, jobs, render, user);
    }
    for (unsigned w = 0; w < started; w++) {
        int wstatus = 0;
        while (waitpid(pid[w], &wstatus, 0) < 0 && errno == EINTR)
            ;
        rewind(out[w]);
        while (get_result(out[w], files, n, done))
            ;
        fclose(out[w]);
    }
    /* what a worker could not do (not started, or ended early) is done here */
    for (size_t i = 0; i < n; i++)
        if (!done[i]) {
            free(files[i].bytes), free(files[i].message), free(files[i].warnings);
            files[i].bytes = NULL, files[i].message = files[i].warnings = NULL;
            files[i].len = 0, files[i].status = 0;
            render(user, &files[i]);
        }
    free(out);
    free(pid);
    free(done);
}
