/*
 * scale.h: value scales for charts: a nice linear range that includes zero, or a log range
 * at decades, with tick values at round numbers (1, 2, 2.5, 5 × 10^k), or a rank range from
 * 1 with whole-rank ticks.
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

/* A rank scale over ranks 1..worst: the domain starts at 1 (the best rank, drawn first) and
 * every tick is a whole rank: 1, then steps of 1, 2 (1, 3, 5 …) or round numbers (1, 10, 20
 * …). Never a 0 tick. Fails with ZY_ERR_DATA when worst is not finite or below 1. */
zy_status zy_scale_build_rank(double worst, int target_ticks, zy_scale *out);

/* Position of v in [0, 1] along the scale (clamped). */
double zy_scale_fraction(const zy_scale *scale, double v);

#endif
