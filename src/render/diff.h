/*
 * diff.h: compare two PNG images pixel by pixel (how many changed, their bounding box) and
 * draw a diff image: the old image faded, changed pixels in red, the box outlined.
 * May call: util, Cairo (PNG decoding and encoding).
 */
#ifndef ZY_RENDER_DIFF_H
#define ZY_RENDER_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

typedef struct zy_png_diff {
    bool size_changed;       /* the images differ in size: every pixel counts as changed */
    int old_width, old_height, width, height;
    long changed;            /* pixels that differ */
    int x0, y0, x1, y1;      /* bounding box of the changed pixels, inclusive (when changed) */
} zy_png_diff;

/* Compare the PNG files old and new (bytes in memory); with image non-NULL also append a diff
 * PNG to it. ZY_ERR_PARSE when either is not a PNG Cairo can read. */
zy_status zy_png_compare(const unsigned char *old_png, size_t old_len,
                         const unsigned char *new_png, size_t new_len, zy_png_diff *diff,
                         zy_buf *image);

#endif
