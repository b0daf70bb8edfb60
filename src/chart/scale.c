/*
 * scale.c: nice linear and log scales with round ticks (see scale.h).
 */
#include "chart/scale.h"

#include <float.h>
#include <math.h>

static double nice_step(double raw)
{
    static const double steps[] = {1, 2, 2.5, 5, 10};
    double mag = pow(10, floor(log10(raw)));
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (steps[i] * mag >= raw * (1 - 1e-12))
            return steps[i] * mag;
    return 10 * mag;
}

static zy_status build_linear(double lo, double hi, int target, zy_scale *s)
{
    if (lo > 0)
        lo = 0;
    if (hi < 0)
        hi = 0;
    if (lo == hi)
        hi = 1;
    double span = hi / 2 - lo / 2; /* halves: no overflow near DBL_MAX */
    double step = nice_step(span * 2 / target);
    if (!isfinite(step) || step <= 0)
        step = nice_step(span / target) * 2;
    double nice_lo = floor(lo / step) * step;
    double nice_hi = ceil(hi / step) * step;
    if (!isfinite(nice_lo))
        nice_lo = lo;
    if (!isfinite(nice_hi))
        nice_hi = hi;
    s->lo = nice_lo;
    s->hi = nice_hi;
    s->log = false;
    s->ntick = 0;
    for (double k = ceil(nice_lo / step); s->ntick < ZY_SCALE_MAX_TICKS; k++) {
        double t = k * step;
        if (!isfinite(t) || t > nice_hi * (1 + 1e-12) + (nice_hi == 0 ? 1e-300 : 0))
            break;
        if (fabs(t) < step * 1e-9)
            t = 0;
        s->ticks[s->ntick++] = t;
    }
    return ZY_OK;
}

static zy_status build_log(double lo, double hi, zy_scale *s)
{
    double dlo = floor(log10(lo)), dhi = ceil(log10(hi));
    if (dhi <= dlo)
        dhi = dlo + 1;
    if (dhi > 308)
        dhi = 308;
    s->lo = pow(10, dlo);
    s->hi = pow(10, dhi);
    s->log = true;
    s->ntick = 0;
    int decades = (int)(dhi - dlo);
    int stride = decades > 12 ? (decades + 11) / 12 : 1;
    for (double d = dlo; d <= dhi && s->ntick < ZY_SCALE_MAX_TICKS; d += stride) {
        double base = pow(10, d);
        s->ticks[s->ntick++] = base;
        if (decades <= 2 && d < dhi) {
            s->ticks[s->ntick++] = 2 * base;
            if (s->ntick < ZY_SCALE_MAX_TICKS)
                s->ticks[s->ntick++] = 5 * base;
        }
    }
    return ZY_OK;
}

zy_status zy_scale_build(double data_lo, double data_hi, bool log, int target_ticks,
                         zy_scale *out)
{
    if (!isfinite(data_lo) || !isfinite(data_hi) || data_lo > data_hi)
        return ZY_ERR_DATA;
    if (target_ticks < 2)
        target_ticks = 2;
    if (log) {
        if (data_lo <= 0)
            return ZY_ERR_DATA;
        return build_log(data_lo, data_hi, out);
    }
    return build_linear(data_lo, data_hi, target_ticks, out);
}

/* A whole step of at least 1 near raw: 1, 2, 5, 10, 20, 25, 50, 100 … (never 2.5). */
static double whole_step(double raw)
{
    if (raw <= 1)
        return 1;
    double step = nice_step(raw);
    return step == 2.5 ? 5 : step;
}

zy_status zy_scale_build_rank(double worst, int target_ticks, zy_scale *s)
{
    if (!isfinite(worst) || worst < 1 || worst > 1e15)
        return ZY_ERR_DATA;
    if (target_ticks < 2)
        target_ticks = 2;
    double step = whole_step((worst - 1) / target_ticks);
    while ((worst - 1) / step > ZY_SCALE_MAX_TICKS - 2)
        step = whole_step(step * 2);
    s->log = false;
    s->lo = 1;
    s->ntick = 0;
    if (step <= 2) {
        /* 1, 2, 3 … or 1, 3, 5 …: evenly spaced from the best rank */
        s->hi = 1 + ceil((worst - 1) / step) * step;
        if (s->hi < 2)
            s->hi = 1 + step;
        for (double t = 1; t <= s->hi + 1e-9 && s->ntick < ZY_SCALE_MAX_TICKS; t += step)
            s->ticks[s->ntick++] = t;
        return ZY_OK;
    }
    /* 1, then the round numbers: 1, 10, 20 … (10 − 1 is close enough to a step to read evenly) */
    s->hi = ceil(worst / step) * step;
    s->ticks[s->ntick++] = 1;
    for (double k = 1; s->ntick < ZY_SCALE_MAX_TICKS; k++) {
        double t = k * step;
        if (t > s->hi * (1 + 1e-12))
            break;
        s->ticks[s->ntick++] = t;
    }
    return ZY_OK;
}

double zy_scale_fraction(const zy_scale *s, double v)
{
    double f;
    if (s->log) {
        if (v <= 0)
            return 0;
        f = (log10(v) - log10(s->lo)) / (log10(s->hi) - log10(s->lo));
    } else {
        f = (v / 2 - s->lo / 2) / (s->hi / 2 - s->lo / 2);
    }
    if (!(f >= 0))
        return 0;
    return f > 1 ? 1 : f;
}
