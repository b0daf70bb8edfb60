/*
 * render_ci.h: the pieces of `zuhyo render` for CI, shared by cmd_render.c (options, spec,
 * one chart), render_jobs.c (every file rendered in memory, on several cores) and
 * render_check.c (comparison with the files on disk, stale files, the report, font drift).
 */
#ifndef ZY_CLI_RENDER_CI_H
#define ZY_CLI_RENDER_CI_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli.h"

/* `render --check`: the figures differ from what is on disk (1: errors, 2: usage or spec). */
#define EXIT_DRIFT 3

typedef enum rc_state {
    RC_SAME,       /* byte for byte what is on disk */
    RC_MISSING,    /* not on disk */
    RC_DIFFERS,    /* different bytes */
    RC_DATE_ONLY,  /* a PDF that differs only in its creation and modification dates */
    RC_TOLERATED,  /* a PNG within --tolerance changed pixels */
} rc_state;

/* One output file: what a chart renders in one format, and how it compares with the disk. */
typedef struct rc_file {
    size_t chart;                /* index in the spec's charts */
    int format;                  /* zy_format */
    char name[300];              /* OUTPUT.EXT */
    unsigned char *bytes;        /* the new render (malloc'd) */
    size_t len;
    int status;                  /* zy_status of the render */
    char *message;               /* why it failed (malloc'd), or NULL */
    char *warnings;              /* warnings, one a line (malloc'd), or NULL */
    rc_state state;
    bool pixels_known;           /* a PNG compared pixel by pixel */
    bool size_changed;
    long pixels;                 /* changed pixels */
    int box[4];                  /* x0, y0, x1, y1 of the change, inclusive */
    unsigned char *diff_png;     /* the diff image for --report (malloc'd), or NULL */
    size_t diff_len;
} rc_file;

/* Render files[i] in memory: set bytes/len, or status and message; warnings may be set. */
typedef void (*rc_render_fn)(void *user, rc_file *file);

/* Render every file, in jobs worker processes (1: in this process). The results are the same
 * bytes in the same places whatever jobs is. */
void rc_render_all(rc_file *files, size_t n, unsigned jobs, rc_render_fn render, void *user);

/* Compare every file with DIR/name: sets state (and pixels/box for PNGs; diff_png when
 * want_diff). A PNG with at most tolerance changed pixels (same size) is RC_TOLERATED. */
void rc_compare(rc_file *files, size_t n, const char *dir, long tolerance, bool want_diff);

/* Chart files (*.png, *.svg, *.pdf) in dir that no file of the list produces: a sorted,
 * malloc'd NULL-terminated list of names (NULL when none or no folder). */
char **rc_stale_files(const char *dir, const rc_file *files, size_t n, size_t *count);
void rc_free_list(char **names);

/* The fonts recorded next to the outputs (dir/.zuhyo-fonts.json, NULL when none) against the
 * fonts used now (JSON list from zy_render_fonts_json): one malloc'd line per face that
 * resolves to another file or hash, NULL-terminated; NULL when nothing changed. */
char **rc_fonts_changed(const char *recorded_json, const char *used_json);

/* The text of .zuhyo-fonts.json for the fonts used (a malloc'd string). */
char *rc_fonts_record(const char *used_json);

/* Write the --report folder: new/ (new renders of every file that is not the same), old/
 * (what is on disk for those), diff/
 * (a diff image per changed PNG), report.json and index.html. False with errno on failure. */
typedef struct rc_report {
    const char *spec, *out_dir;
    const rc_file *files;
    size_t nfiles;
    char *const *stale;
    size_t nstale;
    const char *used_fonts;      /* JSON list */
    char *const *fonts_changed;  /* NULL or NULL-terminated */
    int exit_code;
} rc_report;
bool rc_write_report(const char *report_dir, const rc_report *report);

#endif
