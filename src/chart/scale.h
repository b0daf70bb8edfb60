/*
 * scale.h: value scales for charts: a nice linear range that includes zero, or a log range
 * at decades, with tick values at round numbers (1, 2, 2.5, 5 × 10^k).
 * Pure arithmetic; may call libc only.
 */
#ifndef ZY_SCALE_H
#define ZY_SCALE_H

#include <stdbool.h>
#include <stddef.h>
#include "zuhyo/zuhyo.h"

#define ZY_SCALE_MAX_TICKS 40

typedef struct zy_scale {
    double lo, hi;                       /* the domain drawn, lo < hi */
    bool log;
    double ticks[ZY_SCALE_MAX_TICKS];    /* tick values within [lo, hi], ascending */
    size_t ntick;
} zy_scale;

/* Build a scale over [data_lo, data_hi] aiming at about target_ticks ticks. Linear scales
 * always include zero. Log scales need data_lo > 0. Fails with ZY_ERR_DATA when the
 * values cannot be scaled (non-finite, or log of a non-positive value). */
zy_status zy_scale_build(double data_lo, double data_hi, bool log, int target_ticks,
                         zy_scale *out);

/* Position of v in [0, 1] along the scale (clamped). */
double zy_scale_fraction(const zy_scale *scale, double v);

#endif
