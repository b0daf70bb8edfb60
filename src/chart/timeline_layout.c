/*
 * timeline_layout.c: timeline layout (see timeline_layout.h).
 *
 * Events that share a lane and a date make one group and one label: the date once (muted),
 * then each event. A label hangs like a flag from a leader line that rises (or falls) from its
 * mark, the text starting just right of the line (ending just left of it at the right edge).
 * Each group is placed at the smallest distance from its lane's line, above or below, where its
 * box keeps a gap from every label and leader of its lane and its own leader crosses no label.
 * Groups are placed after those whose marks their box stands over, latest first among the free,
 * so a run of close events becomes a staircase whose leaders pass beside the nearer
 * labels. Each lane is then as tall as its labels need; space left over lengthens the leaders,
 * then is shared in proportion to each lane's height. When the labels do not fit, smaller text
 * and narrower wrapping are tried, then numbers at the marks with the events listed beside the
 * axis, then smaller text again, then ZY_ERR_LIMIT with a hint (callers may retry taller).
 */
#include "chart/timeline_layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/frame.h"

/* ---- ticks ---- */

typedef struct tick_plan {
    int unit; /* 0 years, 1 months, 2 days (step 7: Mondays), 3 the 1st and 15th of months */
    int step;
} tick_plan;

/* Tick times (days) for the plan within [from, to]; returns the count (≤ cap). */
static size_t plan_ticks(tick_plan p, double from, double to, double *ticks, size_t cap)
{
    int y, m, d;
    zy_civil_from_days(from, &y, &m, &d);
    size_t n = 0;
    if (p.unit == 0) {
        for (int year = (y / p.step) * p.step; n < cap; year += p.step) {
            double t = zy_days_from_civil(year, 1, 1);
            if (t > to)
                break;
            if (t >= from)
                ticks[n++] = t;
        }
    } else if (p.unit == 1) {
        int month = ((m - 1) / p.step) * p.step + 1;
        for (int year = y; n < cap;) {
            double t = zy_days_from_civil(year, month, 1);
            if (t > to)
                break;
            if (t >= from)
                ticks[n++] = t;
            month += p.step;
            if (month > 12) {
                month -= 12;
                year++;
            }
        }
    } else if (p.unit == 3) {
        for (int year = y, month = m; n < cap;) {
            double first = zy_days_from_civil(year, month, 1), mid = first + 14;
            if (first > to)
                break;
            if (first >= from)
                ticks[n++] = first;
            if (mid >= from && mid <= to && n < cap)
                ticks[n++] = mid;
            if (++month > 12) {
                month = 1;
                year++;
            }
        }
    } else {
        /* 1970-01-05 was a Monday: weekly ticks fall on Mondays */
        double phase = p.step % 7 == 0 ? 4 : 0;
        for (double t = ceil((from - phase) / p.step) * p.step + phase; t <= to && n < cap; t += p.step)
            ticks[n++] = t;
    }
    return n;
}

/* 2025年 for years; 2025年1月 then 2月 … for months (the year at the first tick and at each
 * January); 1月20日 for days (the year too at the first tick and at the first of each new year). */
static void tick_label(tick_plan p, double t, double previous, char *out, size_t cap)
{
    int y, m, d, py = 0, pm, pd;
    zy_civil_from_days(t, &y, &m, &d);
    bool first = isnan(previous);
    if (!first)
        zy_civil_from_days(previous, &py, &pm, &pd);
    if (p.unit == 0)
        snprintf(out, cap, "%d年", y);
    else if (p.unit == 1 && (first || m == 1))
        snprintf(out, cap, "%d年%d月", y, m);
    else if (p.unit == 1)
        snprintf(out, cap, "%d月", m);
    else if (first || py != y)
        snprintf(out, cap, "%d年%d月%d日", y, m, d);
    else
        snprintf(out, cap, "%d月%d日", m, d);
}

/* A lane's colour: the palette's, lifted toward white on a dark background so that thin
 * leaders and bands stay visible there. */
static zy_color lane_color(const zy_theme_colors *t, size_t lane)
{
    zy_color c = t->palette[lane % t->npalette], bg = t->background;
    double luminance = 0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b;
    if (bg.a > 0 && luminance < 0.4) {
        c.r += (1 - c.r) * 0.3;
        c.g += (1 - c.g) * 0.3;
        c.b += (1 - c.b) * 0.3;
    }
    return c;
}

/* ---- groups of events ---- */

typedef struct group {
    size_t lane;
    double start, end;     /* time of the mark */
    bool period;           /* a band, not a dot */
    const char *date_text;
    char *labels;          /* the events' labels, one a line (owned) */
    size_t count;
    char number[24];       /* its number in time order, shown at the mark in a listed layout */
    const char *show_date, *show_text; /* what its label shows in this attempt */
    /* measured and placed in one attempt */
    zy_text_extent date, text;
    double w, h;           /* the label's box: date above text */
    double x;              /* the leader's x */
    double bx;             /* the box's left edge */
    int side;              /* -1 above the lane's line, +1 below */
    double near, far;      /* the box's distance beyond the stem, from its nearer and further edge */
} group;

typedef struct group_set {
    group *g;
    size_t n;
} group_set;

static void groups_free(group_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->g[i].labels);
    free(s->g);
    s->g = NULL;
    s->n = 0;
}

/* The date a label shows: without its year when the whole axis lies in that year (the ticks
 * say it), so 2024年4月19日 reads 4月19日; 年度, quarters and era dates keep theirs. */
static const char *date_shown(const zy_timeline_data *d, const zy_event *e)
{
    int y0, y1, m, dd;
    zy_civil_from_days(d->from, &y0, &m, &dd);
    zy_civil_from_days(d->to - 1, &y1, &m, &dd);
    char year[16];
    int n = snprintf(year, sizeof year, "%d年", e->year);
    if (y0 != y1 || y0 != e->year || strncmp(e->date_text, year, (size_t)n) != 0)
        return e->date_text;
    const char *rest = e->date_text + n;
    return *rest >= '1' && *rest <= '9' ? rest : e->date_text;
}

/* Group events by lane and date (the events are sorted by time). */
static zy_status groups_make(const zy_timeline_data *d, group_set *s)
{
    s->g = calloc(d->nevent ? d->nevent : 1, sizeof *s->g);
    s->n = 0;
    if (!s->g)
        return ZY_ERR_NOMEM;
    for (size_t i = 0; i < d->nevent; i++) {
        const zy_event *e = &d->events[i];
        group *g = NULL;
        for (size_t k = 0; k < s->n && !g; k++)
            if (s->g[k].lane == e->lane && s->g[k].start == e->start && s->g[k].end == e->end &&
                strcmp(s->g[k].date_text, date_shown(d, e)) == 0)
                g = &s->g[k];
        if (!g) {
            g = &s->g[s->n++];
            *g = (group){.lane = e->lane, .start = e->start, .end = e->end,
                         .period = e->precision != ZY_PRECISION_DAY, .date_text = date_shown(d, e)};
        }
        size_t old = g->labels ? strlen(g->labels) : 0, add = strlen(e->label);
        char *grown = realloc(g->labels, old + add + 2);
        if (!grown)
            return ZY_ERR_NOMEM;
        if (old)
            grown[old++] = '\n';
        memcpy(grown + old, e->label, add + 1);
        g->labels = grown;
        g->count++;
    }
    for (size_t k = 0; k < s->n; k++)
        snprintf(s->g[k].number, sizeof s->g[k].number, "%zu", k + 1);
    return ZY_OK;
}

/* ---- placing labels ---- */

typedef struct spacing {
    double hgap, vgap;     /* between two labels */
    double lgap;           /* between a leader and a label */
} spacing;

static bool ranges_meet(double a0, double a1, double b0, double b1) { return a0 < b1 && b0 < a1; }

/* Does group a, placed at near, clash with the placed group b (same lane and side)? */
static bool clashes(const group *a, double near, const group *b, const spacing *sp)
{
    double far = near + a->h;
    if (ranges_meet(a->bx - sp->hgap, a->bx + a->w + sp->hgap, b->bx, b->bx + b->w) &&
        ranges_meet(near - sp->vgap, far + sp->vgap, b->near, b->far))
        return true;
    /* b's leader through a's box, or a's leader through b's box */
    if (b->x > a->bx - sp->lgap && b->x < a->bx + a->w + sp->lgap && near < b->far)
        return true;
    if (a->x > b->bx - sp->lgap && a->x < b->bx + b->w + sp->lgap && b->near < far)
        return true;
    return false;
}

/* The smallest distance at which g fits on side among the placed groups of its lane. */
static double fit_on_side(const group *g, int side, const group *placed, size_t nplaced,
                          const spacing *sp)
{
    double best = INFINITY;
    for (size_t c = 0; c <= nplaced; c++) {
        const group *b = c < nplaced ? &placed[c] : NULL;
        if (b && (b->lane != g->lane || b->side != side))
            continue;
        double near = b ? b->far + sp->vgap : 0;
        if (near >= best)
            continue;
        bool ok = true;
        for (size_t k = 0; k < nplaced && ok; k++)
            if (placed[k].lane == g->lane && placed[k].side == side)
                ok = !clashes(g, near, &placed[k], sp);
        if (ok)
            best = near;
    }
    return best;
}

/* Does b's box stand over a's mark (so a's label must sit nearer the line than b's)? */
static bool covers(const group *b, const group *a, const spacing *sp)
{
    return a != b && a->lane == b->lane && a->x > b->bx - sp->lgap && a->x < b->bx + b->w + sp->lgap;
}

/* The order to place groups in: each after the groups whose marks its box stands over, so it
 * can go beyond them; the latest first among the free (a run of close events becomes a
 * staircase). A cycle (two boxes over each other's marks) is broken at the group standing over
 * the fewest. Returns a malloc'd array of gs->n indexes, or NULL when out of memory. */
static size_t *placement_order(const group_set *gs, const spacing *sp)
{
    size_t n = gs->n, *order = malloc((n ? n : 1) * sizeof *order);
    size_t *waiting = calloc(n ? n : 1, sizeof *waiting);
    bool *done = calloc(n ? n : 1, sizeof *done);
    if (!order || !waiting || !done) {
        free(order), free(waiting), free(done);
        return NULL;
    }
    for (size_t b = 0; b < n; b++)
        for (size_t a = 0; a < n; a++)
            waiting[b] += covers(&gs->g[b], &gs->g[a], sp);
    for (size_t k = 0; k < n; k++) {
        size_t pick = n;
        for (size_t i = n; i-- > 0;)
            if (!done[i] && (pick == n || waiting[i] < waiting[pick]))
                pick = i;
        done[pick] = true;
        order[k] = pick;
        for (size_t b = 0; b < n; b++)
            if (!done[b] && covers(&gs->g[b], &gs->g[pick], sp))
                waiting[b]--;
    }
    free(waiting);
    free(done);
    return order;
}

/* Lane heights: how far the labels reach above and below each lane's line. */
typedef struct lane_reach {
    double above, below;   /* beyond the stem; 0 when the side is empty */
    bool has_above, has_below;
    int last_side;
} lane_reach;

/* ---- one attempt ---- */

typedef struct attempt {
    double text_scale, wrap_scale;
    bool listed;           /* numbers at the marks, the events in a list beside the axis */
} attempt;

/* A list entry: the date, then the labels joined by 、 (malloc'd; NULL when out of memory). */
static char *list_entry(const group *g)
{
    char *entry = malloc(strlen(g->date_text) + 3 * strlen(g->labels) + 8);
    if (!entry)
        return NULL;
    char *out = entry + sprintf(entry, "%s　", g->date_text);
    for (const char *p = g->labels; *p; p++) {
        if (*p == '\n')
            out += sprintf(out, "、");
        else
            *out++ = *p;
    }
    *out = '\0';
    return entry;
}

/* The list of a listed layout: "number  date  labels" per group, in one column or two of
 * balanced height in the band [x, x + w] × [top, bottom]; false when it does not fit. */
static bool place_list(zy_layout *l, const zy_fonts *fonts, const group_set *gs,
                       const zy_theme_colors *t, const zy_metrics *m, double size, double x,
                       double w, double top, double bottom)
{
    zy_text_style num_style = {size, true, 0, 1, ZY_ALIGN_RIGHT};
    char widest[32];
    snprintf(widest, sizeof widest, "%zu", gs->n * 10 - 1);
    double num_w = zy_text_measure(fonts, widest, &num_style).width + m->gap;
    double row_gap = m->gap * 0.6, avail = bottom - top;
    char **entries = calloc(gs->n ? gs->n : 1, sizeof *entries);
    double *heights = calloc(gs->n ? gs->n : 1, sizeof *heights);
    bool fits = false;
    for (size_t i = 0; entries && heights && i < gs->n; i++)
        if (!(entries[i] = list_entry(&gs->g[i])))
            break;
    if (!entries || !heights || (gs->n && !entries[gs->n - 1])) {
        l->status = ZY_ERR_NOMEM;
        fits = true; /* the caller reports the status */
    }
    for (int ncol = 1; ncol <= 2 && !fits; ncol++) {
        double col_w = (w - (ncol - 1) * m->gap * 3) / ncol;
        zy_text_style entry_style = {size, false, col_w - num_w - m->gap * 0.5, 0, ZY_ALIGN_LEFT};
        double total = 0;
        for (size_t i = 0; i < gs->n; i++) {
            entry_style.max_lines = (int)(2 * gs->g[i].count);
            heights[i] = zy_text_measure(fonts, entries[i], &entry_style).height + row_gap;
            total += heights[i];
        }
        /* the second column starts at the first entry whose middle passes half the list */
        size_t split = gs->n;
        double first = 0;
        if (ncol == 2)
            for (split = 0; split < gs->n && first + heights[split] / 2 <= total / 2; split++)
                first += heights[split];
        if (first - row_gap > avail || total - first - row_gap > avail)
            continue;
        double y = top;
        for (size_t i = 0; i < gs->n; i++) {
            if (i == split)
                y = top;
            const group *g = &gs->g[i];
            double cx = x + (i >= split ? col_w + m->gap * 3 : 0);
            zy_text_extent ne = zy_text_measure(fonts, g->number, &num_style);
            zy_layout_add_text(l, fonts, g->number, &num_style, t->text,
                               ZY_ROLE_VALUE, cx + num_w - m->gap - ne.width, y);
            entry_style.max_lines = (int)(2 * g->count);
            zy_layout_add_text(l, fonts, entries[i], &entry_style, t->text, ZY_ROLE_VALUE, cx + num_w, y);
            y += heights[i];
        }
        fits = true;
    }
    for (size_t i = 0; entries && i < gs->n; i++)
        free(entries[i]);
    free(entries);
    free(heights);
    return fits;
}

/* The geometry one attempt works in. */
typedef struct plot {
    zy_metrics m;
    double top, bottom;    /* the band between the frame's title/legend and its source */
    double axis_y;         /* the time axis; tick labels below it */
    double x0, x1;         /* the plot's left and right (lane names left of x0, a list right of x1) */
    double from, to;       /* the time at x0 and at x1 */
    double r, stem;        /* a mark's radius; a leader's length before any label */
    double min_text;       /* the smallest text size an attempt may shrink to */
    double chip;           /* the width of the colour bar before a lane's name */
    zy_text_style tick_style, lane_style, date_style, label_style, number_style;
    spacing sp;
} plot;

static double x_of(const plot *p, double time)
{
    return p->x0 + (time - p->from) / (p->to - p->from) * (p->x1 - p->x0);
}

/* Where the axis begins: a little before the first event, or at the start of its year (of its
 * month on a shorter axis) when that is near, so the first tick names what comes first. */
static double axis_start(const zy_timeline_data *d)
{
    double span = d->to - d->from, padded = d->from - span * 0.03;
    int y, m, dd;
    zy_civil_from_days(d->from, &y, &m, &dd);
    double snapped = span > 2 * 365 ? zy_days_from_civil(y, 1, 1)
                     : span > 60    ? zy_days_from_civil(y, m, 1)
                                    : padded;
    return d->from - snapped <= span * 0.1 ? fmin(padded, snapped) : padded;
}

/* Metrics (at --font-size when given), the frame, and the plot's edges; the list beside it
 * in a listed attempt. False when the list does not fit. */
static bool set_up_plot(const zy_fonts *fonts, const zy_timeline_data *d, const group_set *gs,
                        const zy_timeline_options *o, const zy_theme_colors *t, attempt at,
                        zy_layout *l, plot *p)
{
    zy_metrics m = zy_metrics_for(o->width, o->height);
    if (o->font_size > 0) { /* the labels at the size asked for; the rest in proportion */
        double k = o->font_size / (m.label * 0.9);
        m.title *= k, m.subtitle *= k, m.label *= k, m.value *= k, m.tick *= k, m.source *= k, m.legend *= k;
    }
    p->m = m;
    double W = o->width, inner = W - 2 * m.pad;
    bool any_period = false;
    for (size_t i = 0; i < gs->n; i++)
        any_period |= gs->g[i].period;
    zy_legend_entry legend[1] = {{"帯: 期間（年・年度・四半期・月）", t->muted, true}};
    zy_frame_place(l, fonts, o->title, o->subtitle, o->source, legend, any_period ? 1 : 0, t, &m,
                   &p->top, &p->bottom);
    p->min_text = o->font_size > 0 ? 1 : 8;
    p->tick_style = (zy_text_style){m.tick, false, 0, 1, ZY_ALIGN_LEFT};
    p->axis_y = p->bottom - zy_text_measure(fonts, "2025年1月", &p->tick_style).height - m.gap;
    p->lane_style = (zy_text_style){m.label, true, inner * 0.16, 3, ZY_ALIGN_LEFT};
    double lane_w = 0;
    p->chip = fmax(3, 5 * m.unit);
    for (size_t k = 0; d->has_lanes && k < d->nlane; k++)
        lane_w = fmax(lane_w, p->chip + m.gap + zy_text_measure(fonts, d->lanes[k], &p->lane_style).width +
                                  m.gap * 3);
    double list_w = at.listed ? fmax(inner * 0.4, fmin(inner, 260 * m.unit)) : 0;
    p->x0 = m.pad + lane_w;
    p->x1 = W - m.pad - (at.listed ? list_w + m.gap * 4 : 0);
    p->from = axis_start(d);
    p->to = d->to + (d->to - d->from) * 0.03;
    p->sp = (spacing){14 * m.unit + 4, 4 * m.unit + 2, 5 * m.unit + 2};
    p->r = fmax(4, 7 * m.unit);
    p->stem = p->r + m.gap * 1.2;
    double wrap = fmax(60, fmin(230 * m.unit + 40, (p->x1 - p->x0) / 3) * at.wrap_scale);
    p->date_style = (zy_text_style){fmax(p->min_text, m.tick * at.text_scale), false, 0, 1, ZY_ALIGN_LEFT};
    p->label_style = (zy_text_style){fmax(p->min_text, m.label * 0.9 * at.text_scale), false, wrap, 2,
                                     ZY_ALIGN_LEFT};
    p->number_style = (zy_text_style){fmax(p->min_text, m.tick * at.text_scale), true, 0, 1, ZY_ALIGN_LEFT};
    return !at.listed || place_list(l, fonts, gs, t, &m, fmax(p->min_text, m.value * 0.9 * at.text_scale),
                                    p->x1 + m.gap * 4, list_w, p->top, p->bottom);
}

/* The style of a group's label text: the events (up to two lines each), or its number. */
static zy_text_style label_style_of(const plot *p, const group *g, bool listed)
{
    zy_text_style s = listed ? p->number_style : p->label_style;
    if (!listed)
        s.max_lines = (int)(2 * g->count);
    return s;
}

/* Measure each group's label and put its flag beside its mark; false when a label is wider
 * than the plot beside its mark. */
static bool measure_groups(const zy_fonts *fonts, group_set *gs, const plot *p, bool listed)
{
    for (size_t i = 0; i < gs->n; i++) {
        group *g = &gs->g[i];
        zy_text_style label_style = label_style_of(p, g, listed);
        g->show_date = listed ? NULL : g->date_text;
        g->show_text = listed ? g->number : g->labels;
        g->date = g->show_date ? zy_text_measure(fonts, g->show_date, &p->date_style) : (zy_text_extent){0, 0, 0};
        g->text = zy_text_measure(fonts, g->show_text, &label_style);
        g->w = fmax(g->date.width, g->text.width);
        g->h = g->date.height + g->text.height;
        g->x = x_of(p, g->start);
        g->bx = g->x + p->sp.lgap;
        if (g->bx + g->w > p->x1) /* no room on the right: the flag hangs to the left */
            g->bx = fmax(p->x0, g->x - p->sp.lgap - g->w);
        if (g->x >= g->bx - 0.5 && g->x <= g->bx + g->w + 0.5)
            return false;
    }
    return true;
}

/* Place every group (side, near, far) and note how far each lane's labels reach. */
static zy_status place_groups(group_set *gs, const spacing *sp, lane_reach *reach)
{
    group *placed = calloc(gs->n ? gs->n : 1, sizeof *placed);
    size_t *order = placed ? placement_order(gs, sp) : NULL;
    if (!order) {
        free(placed);
        return ZY_ERR_NOMEM;
    }
    for (size_t i = 0; i < gs->n; i++) {
        group *g = &gs->g[order[i]];
        lane_reach *lr = &reach[g->lane];
        double up = fit_on_side(g, -1, placed, i, sp);
        double down = fit_on_side(g, +1, placed, i, sp);
        /* the side that keeps the lane lowest; on a tie, the other side from the last label */
        double up_reach = fmax(lr->above, up + g->h), down_reach = fmax(lr->below, down + g->h);
        int side = up_reach < down_reach - 0.5 ? -1 : down_reach < up_reach - 0.5 ? +1
                   : up < down ? -1 : down < up ? +1 : lr->last_side == -1 ? +1 : -1;
        g->side = side;
        g->near = side < 0 ? up : down;
        g->far = g->near + g->h;
        lr->last_side = side;
        if (side < 0) {
            lr->above = fmax(lr->above, g->far);
            lr->has_above = true;
        } else {
            lr->below = fmax(lr->below, g->far);
            lr->has_below = true;
        }
        placed[i] = *g;
    }
    free(order);
    free(placed);
    return ZY_OK;
}

/* Lanes as tall as their labels reach; space left over lengthens the leaders (by *grow, up to
 * a cap), then is shared in proportion. Draws the separators and lane names and sets each
 * lane's line_y. False when the lanes do not fit above the axis. */
static bool size_lanes(zy_layout *l, const zy_fonts *fonts, const zy_timeline_data *d,
                       const zy_theme_colors *t, const plot *p, const lane_reach *reach,
                       bool listed, double *line_y, double *grow)
{
    const zy_metrics *m = &p->m;
    double plot_h = p->axis_y - p->top, pad_v = m->gap * 1.5, content = 0;
    size_t nsides = 0;
    for (size_t k = 0; k < d->nlane; k++) {
        content += (reach[k].has_above ? p->stem + reach[k].above : p->stem) +
                   (reach[k].has_below ? p->stem + reach[k].below : p->stem) + 2 * pad_v;
        nsides += reach[k].has_above + reach[k].has_below;
    }
    if (content > plot_h)
        return false;
    double grow_cap = listed ? 3 * m->gap : 3 * m->label + 60 * m->unit;
    *grow = nsides ? fmin((plot_h - content) / (double)nsides, grow_cap) : 0;
    content += *grow * (double)nsides;
    double share = plot_h / content, y = p->top;
    for (size_t k = 0; k < d->nlane; k++) {
        double above = reach[k].has_above ? p->stem + *grow + reach[k].above : p->stem;
        double below = reach[k].has_below ? p->stem + *grow + reach[k].below : p->stem;
        double band = (above + below + 2 * pad_v) * share;
        line_y[k] = y + (band - above - below) / 2 + above;
        if (k > 0)
            zy_layout_add_line(l, m->pad, y, p->x1, y, fmax(1, m->unit), t->grid);
        if (d->has_lanes) { /* the name in the text colour (a pale lane colour would not read),
                               after a bar of the lane's colour */
            zy_text_extent e = zy_text_measure(fonts, d->lanes[k], &p->lane_style);
            zy_layout_add_rect(l, (zy_box){m->pad, line_y[k] - e.height / 2, p->chip, e.height},
                               lane_color(t, k));
            zy_layout_add_text(l, fonts, d->lanes[k], &p->lane_style, t->text, ZY_ROLE_AXIS_TITLE,
                               m->pad + p->chip + m->gap, line_y[k] - e.height / 2);
        }
        y += band;
    }
    return true;
}

/* Grid lines, tick labels (the finest plan whose labels fit) and the axis. */
static void draw_ticks(zy_layout *l, const zy_fonts *fonts, const zy_theme_colors *t, const plot *p)
{
    static const tick_plan plans[] = {{2, 1}, {2, 2}, {2, 7}, {3, 1}, {1, 1}, {1, 2}, {1, 3},
                                      {1, 6}, {0, 1}, {0, 2}, {0, 5}, {0, 10}, {0, 20}, {0, 50},
                                      {0, 100}, {0, 200}, {0, 500}};
    const zy_metrics *m = &p->m;
    double ticks[64], pw = p->x1 - p->x0;
    size_t nticks = 0;
    tick_plan plan = plans[sizeof plans / sizeof plans[0] - 1];
    for (size_t k = 0; k < sizeof plans / sizeof plans[0]; k++) {
        nticks = plan_ticks(plans[k], p->from, p->to, ticks, 64);
        if (nticks == 64 || nticks < 2)
            continue;
        char text[40];
        tick_label(plans[k], ticks[0], NAN, text, sizeof text);
        double w = zy_text_measure(fonts, text, &p->tick_style).width;
        if ((double)nticks * (w + 16 * m->unit) <= pw) {
            plan = plans[k];
            break;
        }
    }
    nticks = plan_ticks(plan, p->from, p->to, ticks, 64);
    double last_right = -INFINITY, previous = NAN;
    for (size_t i = 0; i < nticks; i++) {
        double x = x_of(p, ticks[i]);
        zy_layout_add_line(l, x, p->top, x, p->axis_y, fmax(1, m->unit), t->grid);
        char text[40];
        tick_label(plan, ticks[i], previous, text, sizeof text);
        zy_text_extent e = zy_text_measure(fonts, text, &p->tick_style);
        double tx = fmin(fmax(x - e.width / 2, m->pad), p->x1 - e.width);
        if (tx < last_right + 6 * m->unit)
            continue;
        zy_layout_add_text(l, fonts, text, &p->tick_style, t->muted, ZY_ROLE_TICK, tx,
                           p->axis_y + m->gap * 0.5);
        last_right = tx + e.width;
        previous = ticks[i];
    }
    zy_layout_add_line(l, p->x0, p->axis_y, p->x1, p->axis_y, fmax(1.5, 1.5 * m->unit), t->axis);
}

/* One group: its mark (a dot or a band), its label on a halo, and its leader. */
static void draw_group(zy_layout *l, const zy_fonts *fonts, const zy_theme_colors *t,
                       const plot *p, const group *g, double yc, double grow, bool listed)
{
    const zy_metrics *m = &p->m;
    zy_color c = lane_color(t, g->lane);
    double r = p->r;
    if (g->period) {
        double xa = x_of(p, g->start), xb = x_of(p, g->end);
        zy_color fill = c;
        fill.a = 0.45;
        zy_box bar = {xa, yc - r * 0.8, fmax(xb - xa, 1.6 * r), 1.6 * r};
        zy_layout_add_rect(l, bar, fill);
        zy_layout_add_outline(l, bar, c, fmax(1.5, 2 * m->unit));
    } else {
        zy_layout_add_circle(l, g->x, yc, r, c, 0);
    }
    double by = g->side < 0 ? yc - p->stem - grow - g->far : yc + p->stem + grow + g->near;
    double halo = fmin(p->sp.lgap, p->sp.vgap) * 0.5;
    zy_layout_add_rect(l, (zy_box){g->bx - halo, by - halo, g->w + 2 * halo, g->h + 2 * halo},
                       t->background);
    zy_text_style date_style = p->date_style, label_style = label_style_of(p, g, listed);
    bool left_flag = g->bx > g->x; /* the text starts right of its leader (else ends left of it) */
    if (!left_flag)
        label_style.align = date_style.align = ZY_ALIGN_RIGHT;
    double dx = left_flag ? g->bx : g->bx + g->w - g->date.width;
    double tx = left_flag ? g->bx : g->bx + g->w - g->text.width;
    if (g->show_date)
        zy_layout_add_text(l, fonts, g->show_date, &date_style, t->muted, ZY_ROLE_VALUE, dx, by);
    zy_layout_add_text(l, fonts, g->show_text, &label_style, t->text, ZY_ROLE_VALUE,
                       tx, by + g->date.height);
    double mark_edge = g->period ? r * 0.8 : r;
    double y_from_mark = g->side < 0 ? yc - mark_edge : yc + mark_edge;
    double y_to_end = g->side < 0 ? by : by + g->h;
    zy_layout_add_leader(l, g->x, y_from_mark, g->x, y_to_end, fmax(1, 1.2 * m->unit), c);
}

/* Lay out the whole chart in one attempt; false when the labels do not fit (l->status says
 * when memory ran out: then true). */
static bool try_layout(const zy_fonts *fonts, const zy_timeline_data *d, group_set *gs,
                       const zy_timeline_options *o, const zy_theme_colors *t, attempt at,
                       zy_layout *l)
{
    zy_layout_init(l, o->width, o->height, t->background);
    plot p;
    if (!set_up_plot(fonts, d, gs, o, t, at, l, &p) || !measure_groups(fonts, gs, &p, at.listed))
        return false;
    lane_reach *reach = calloc(d->nlane, sizeof *reach);
    double *line_y = calloc(d->nlane, sizeof *line_y), grow = 0;
    bool fits = true;
    if (!reach || !line_y || place_groups(gs, &p.sp, reach) != ZY_OK)
        l->status = ZY_ERR_NOMEM;
    else if ((fits = size_lanes(l, fonts, d, t, &p, reach, at.listed, line_y, &grow))) {
        draw_ticks(l, fonts, t, &p);
        for (size_t k = 0; k < d->nlane; k++) {
            zy_color c = lane_color(t, k);
            c.a = 0.45;
            zy_layout_add_line(l, p.x0, line_y[k], p.x1, line_y[k], fmax(1.5, 2 * p.m.unit), c);
        }
        for (size_t i = 0; i < gs->n; i++)
            draw_group(l, fonts, t, &p, &gs->g[i], line_y[gs->g[i].lane], grow, at.listed);
    }
    free(line_y);
    free(reach);
    return fits;
}

zy_status zy_timeline_layout_build(zy_diag *diag, const zy_fonts *fonts,
                                   const zy_timeline_data *d, const zy_timeline_options *o,
                                   const zy_theme_colors *t, zy_layout *l)
{
    group_set gs = {0};
    if (groups_make(d, &gs) != ZY_OK) {
        groups_free(&gs);
        zy_layout_init(l, o->width, o->height, t->background);
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    }
    /* labels at their marks with text down to 80 % (narrower wrapping first); then numbers at
     * the marks and a list beside the axis (readable text rather than tiny or much-wrapped
     * labels); then labels wrapped narrower still, at 70 and 60 %. A size asked for
     * (--font-size) is kept: only the wrapping narrows, and a list is tried at that size. */
    static const attempt attempts[] = {
        {1, 1, false}, {1, 0.75, false}, {0.9, 1, false}, {0.9, 0.75, false}, {0.8, 1, false},
        {0.8, 0.75, false},
        {1, 1, true}, {0.9, 1, true}, {0.8, 1, true}, {0.7, 1, true},
        {1, 0.55, false}, {0.9, 0.55, false}, {0.8, 0.55, false}, {0.7, 1, false},
        {0.7, 0.55, false}, {0.6, 1, false}, {0.6, 0.55, false},
    };
    for (size_t a = 0; a < sizeof attempts / sizeof attempts[0]; a++) {
        if (o->font_size > 0 && attempts[a].text_scale != 1)
            continue;
        if (try_layout(fonts, d, &gs, o, t, attempts[a], l)) {
            groups_free(&gs);
            return l->status == ZY_OK ? ZY_OK : zy_diag_fail(diag, l->status, "out of memory");
        }
        zy_layout_free(l);
    }
    groups_free(&gs);
    zy_layout_init(l, o->width, o->height, t->background);
    return zy_diag_fail(diag, ZY_ERR_LIMIT,
                        "%zu events do not fit in a %d×%d timeline without overlapping labels; use "
                        "--from/--to, lanes, or a larger --size",
                        d->nevent, o->width, o->height);
}
