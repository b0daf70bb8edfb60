/*
 * bar_layout.c: bar-chart layout. Passes, top to bottom: title, subtitle, legend (top, bottom,
 * right or none), source footnote; the caption row (unit and axis titles) in a row of its own;
 * then the category labels (wrapped between words, or turned on vertical charts), value labels
 * (one count of decimals, parts of stacks inside their segments), ticks and reference-line
 * labels are measured so the plot area leaves room for all of them; then bars (centred in
 * their slots, at most a few label heights thick), grid, labels and reference lines (broken
 * around the text they would cross) are placed. Every string is measured with Pango.
 */
#include "chart/bar_layout.h"
#include "chart/dumbbell_layout.h"
#include "chart/frame.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The unit of value labels: the one given, or % for percentages. */
static const char *unit_of(const zy_bar_data *d, const zy_bar_options *o)
{
    if (o->unit && *o->unit)
        return o->unit;
    return d->percent ? "%" : NULL;
}

/* A number as the chart writes it: --number-format, --negative, and `decimals` (-1: auto). */
static void number_text(const zy_bar_options *o, double v, const char *unit, int decimals,
                        char *out, size_t cap)
{
    zy_format_number_styled(out, cap, v, o->number_format, unit, decimals, o->negative);
}

/* Decimals shared by all of values: --decimals, else the most any one needs when written on
 * its own (so 8.0 reads 8.0% beside 42.5%); -1 when none needs any (automatic form). */
static int shared_decimals(const zy_bar_options *o, const double *values, size_t n)
{
    if (o->decimals >= 0)
        return o->decimals;
    int most = 0;
    for (size_t i = 0; i < n; i++) {
        char text[128];
        number_text(o, values[i], NULL, -1, text, sizeof text);
        const char *dot = strchr(text, '.');
        int k = 0;
        if (dot)
            while (dot[1 + k] >= '0' && dot[1 + k] <= '9')
                k++;
        most = k > most ? k : most;
    }
    return most > 0 ? most : -1;
}

/* text without its trailing unit (and the space before it). */
static void strip_unit(char *text, const char *unit)
{
    size_t n = strlen(text), u = strlen(unit);
    if (u == 0 || n <= u || strcmp(text + n - u, unit) != 0)
        return;
    n -= u;
    if (n > 0 && text[n - 1] == ' ')
        n--;
    text[n] = '\0';
}

static void value_text(const zy_bar_data *d, const zy_bar_options *o, double v, int decimals,
                       char *out, size_t cap)
{
    number_text(o, v, unit_of(d, o), decimals, out, cap);
}

/* Axis ticks in one style (issue 14): Japanese numbers switch to 万/億/兆 at 10,000, so an axis
 * 0…12,000 would read "8,000" beside "1万". When its ticks straddle the myriad unit of the
 * largest one, or the unit already is one (万人: "1万万人"), a 万-sized axis is written in plain
 * grouped numbers (8,000, 10,000) and a larger one in the largest tick's unit (0.5億, 1億). */
static void tick_text(const zy_bar_options *o, const zy_scale *scale, size_t i, int decimals_of_axis,
                      char *out, size_t cap)
{
    static const struct { double unit; const char *name; } units[] = {
        {1e16, "京"}, {1e12, "兆"}, {1e8, "億"}, {1e4, "万"}};
    double top = 0, v = scale->ticks[i];
    for (size_t k = 0; k < scale->ntick; k++)
        top = fmax(top, fabs(scale->ticks[k]));
    size_t u = 0;
    while (u < 3 && top < units[u].unit)
        u++;
    bool mixed = false, myriad_unit = o->unit && (strncmp(o->unit, "万", 3) == 0 ||
                 strncmp(o->unit, "億", 3) == 0 || strncmp(o->unit, "兆", 3) == 0);
    for (size_t k = 0; k < scale->ntick; k++)
        mixed = mixed || (scale->ticks[k] != 0 && fabs(scale->ticks[k]) < units[u].unit);
    if (o->number_format != ZY_NUMBER_JA || o->log_scale || o->percent || top < 1e4 || top >= 1e20 ||
        !(mixed || myriad_unit)) {
        number_text(o, v, NULL, decimals_of_axis, out, cap); /* the value labels' style */
    } else if (u == 3 || myriad_unit) { /* plain, grouped: 8,000 10,000 */
        char digits[64];
        snprintf(digits, sizeof digits, "%.0f", fabs(v));
        size_t n = strlen(digits), at = 0;
        if (v < 0 && at + 4 < cap) { /* U+2212, as number_text writes a minus */
            memcpy(out + at, "\xE2\x88\x92", 3);
            at += 3;
        }
        for (size_t k = 0; k < n && at + 2 < cap; k++) {
            if (k > 0 && (n - k) % 3 == 0)
                out[at++] = ',';
            out[at++] = digits[k];
        }
        out[at] = '\0';
    } else { /* in the largest tick's unit: 0.5億 1億 1.5億 */
        double m = v / units[u].unit;
        int decimals = 0;
        while (decimals < 3 && fabs(m * pow(10, decimals) - round(m * pow(10, decimals))) > 1e-6)
            decimals++;
        snprintf(out, cap, "%.*f%s", decimals, m, v == 0 ? "" : units[u].name);
    }
}

/* The value label with the way category c's figure was written: 約15億ドル, 10億ドル超. */
static void qualify_value_text(const zy_bar_data *d, size_t c, char *text, size_t cap)
{
    if (!d->category_qualifier || !d->qualifier_names[d->category_qualifier[c]][0])
        return;
    const char *q = d->qualifier_names[d->category_qualifier[c]];
    char plain[128];
    snprintf(plain, sizeof plain, "%s", text);
    if (strcmp(q, "約") == 0)
        snprintf(text, cap, "%s%s", q, plain);
    else
        snprintf(text, cap, "%s%s", plain, q);
}

/* One value label per bar: every bar, or one per stack (its total); inside: a stack's part,
 * written in its segment when it fits there. */
typedef struct value_label {
    size_t category, group;   /* group == ngroup for a stack total */
    double value;
    bool inside;
    char text[128];
    zy_text_extent extent;
} value_label;

/* The parts of stacks, labelled in their segments (after the totals in out). */
static size_t collect_part_labels(const zy_bar_data *d, const zy_bar_options *o, int decimals,
                                  value_label *out)
{
    size_t n = 0;
    for (size_t c = 0; c < d->ncat; c++)
        for (size_t g = 0; g < d->ngroup; g++) {
            if (!d->present[c * d->ngroup + g] || d->values[c * d->ngroup + g] == 0)
                continue;
            double v = d->values[c * d->ngroup + g];
            out[n] = (value_label){c, g, v, true, "", {0, 0, 0}};
            value_text(d, o, v, decimals, out[n].text, sizeof out[n].text);
            n++;
        }
    return n;
}

static size_t collect_value_labels(const zy_bar_data *d, const zy_bar_options *o,
                                   value_label *out)
{
    size_t n = 0;
    if (o->no_values)
        return 0;
    double *all = malloc((d->ncat * (d->ngroup + 2) + 1) * sizeof *all);
    size_t nall = 0;
    if (!all)
        return 0;
    for (size_t i = 0; i < d->ncat * d->ngroup; i++)
        if (d->present[i])
            all[nall++] = d->values[i];
    for (size_t c = 0; d->stack && c < d->ncat; c++)
        all[nall++] = zy_bar_data_total(d, c);
    int decimals = shared_decimals(o, all, nall);
    if (d->stack && o->stack_percent && o->decimals < 0 && decimals > 1)
        decimals = 1; /* shares: 28.8%, not 28.85% */
    free(all);
    bool percent_stack = d->stack && o->stack_percent;
    for (size_t c = 0; c < d->ncat && !percent_stack; c++) {
        if (d->stack) {
            double pos = 0, neg = 0;
            bool any_neg = false, any_pos = false;
            for (size_t g = 0; g < d->ngroup; g++) {
                if (!d->present[c * d->ngroup + g])
                    continue;
                double v = d->values[c * d->ngroup + g];
                if (v < 0)
                    neg += v, any_neg = true;
                else
                    pos += v, any_pos = true;
            }
            if (any_pos || !any_neg) {
                out[n] = (value_label){c, d->ngroup, pos, false, "", {0, 0, 0}};
                value_text(d, o, pos, decimals, out[n].text, sizeof out[n].text);
                n++;
            }
            if (any_neg) {
                out[n] = (value_label){c, d->ngroup + 1, neg, false, "", {0, 0, 0}};
                value_text(d, o, neg, decimals, out[n].text, sizeof out[n].text);
                n++;
            }
            continue;
        }
        for (size_t g = 0; g < d->ngroup; g++) {
            if (!d->present[c * d->ngroup + g])
                continue;
            double v = d->values[c * d->ngroup + g];
            out[n] = (value_label){c, g, v, false, "", {0, 0, 0}};
            value_text(d, o, v, decimals, out[n].text, sizeof out[n].text);
            qualify_value_text(d, c, out[n].text, sizeof out[n].text);
            n++;
        }
    }
    if (d->stack && d->ngroup > 1)
        n += collect_part_labels(d, o, decimals, out + n);
    return n;
}

static void data_range(const zy_bar_data *d, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t c = 0; c < d->ncat; c++) {
        double pos = 0, neg = 0;
        for (size_t g = 0; g < d->ngroup; g++) {
            if (!d->present[c * d->ngroup + g])
                continue;
            double v = d->values[c * d->ngroup + g];
            if (d->stack) {
                if (v < 0)
                    neg += v;
                else
                    pos += v;
            } else {
                *lo = fmin(*lo, v);
                *hi = fmax(*hi, v);
            }
        }
        if (d->stack) {
            *lo = fmin(*lo, neg);
            *hi = fmax(*hi, pos);
        }
    }
    if (*lo > *hi)
        *lo = *hi = 0;
}

/* The value axis's range: the data, the reference lines and --value-min/--value-max. */
static void value_range(const zy_bar_data *d, const zy_bar_options *o, double *lo, double *hi)
{
    data_range(d, lo, hi);
    for (size_t i = 0; i < o->nref; i++) {
        double v;
        const char *label;
        if (zy_bar_parse_ref(o->refs[i], o->percent, &v, &label))
            *lo = fmin(*lo, v), *hi = fmax(*hi, v);
    }
    if (o->has_value_min)
        *lo = fmin(*lo, o->value_min);
    if (o->has_value_max)
        *hi = fmax(*hi, o->value_max);
}

/* A scale clipped to --value-min/--value-max when they are inside the nice range. */
static void clip_scale(const zy_bar_options *o, zy_scale *s)
{
    double lo = o->has_value_min && !o->log_scale ? o->value_min : s->lo;
    double hi = o->has_value_max && !o->log_scale ? o->value_max : s->hi;
    if (!(lo < hi))
        return;
    size_t k = 0;
    for (size_t i = 0; i < s->ntick; i++)
        if (s->ticks[i] >= lo - 1e-9 * fabs(hi - lo) && s->ticks[i] <= hi + 1e-9 * fabs(hi - lo))
            s->ticks[k++] = s->ticks[i];
    s->ntick = k;
    s->lo = lo, s->hi = hi;
}

/* Decimals shared by the tick labels of a scale. */
static int tick_decimals(const zy_bar_options *o, const zy_scale *s)
{
    return shared_decimals(o, s->ticks, s->ntick);
}

static zy_color mix(zy_color a, zy_color b, double k)
{
    return (zy_color){a.r + (b.r - a.r) * k, a.g + (b.g - a.g) * k, a.b + (b.b - a.b) * k, 1};
}

static zy_color bar_color(const zy_bar_data *d, const zy_theme_colors *t, size_t c, size_t g,
                          double v)
{
    if (d->highlight && !d->highlight[c]) /* not highlighted: muted */
        return d->has_groups ? mix(t->palette[g % t->npalette], t->background.a < 1 ? t->subdued : t->background, 0.6)
                             : t->subdued;
    if (d->highlight && !d->has_groups)
        return t->palette[0];
    if (d->has_groups)
        return t->palette[g % t->npalette];
    if (d->category_color)
        return t->palette[d->category_color[c] % t->npalette];
    return v < 0 ? t->negative : t->palette[0];
}

/* The legend in a column at the right edge, from y down; returns the column's width. */
static double place_legend_column(zy_layout *l, const zy_fonts *fonts,
                                  const zy_legend_entry *legend, size_t count,
                                  const zy_theme_colors *t, const zy_metrics *m, double y,
                                  double bottom)
{
    zy_text_style s = {m->legend, false, (l->width - 2 * m->pad) * 0.22, 1, ZY_ALIGN_LEFT};
    double swatch = m->legend * 0.8, widest = 0;
    for (size_t i = 0; i < count; i++)
        widest = fmax(widest, zy_text_measure(fonts, legend[i].name, &s).width);
    double w = swatch + m->gap * 0.75 + widest, x = l->width - m->pad - w;
    for (size_t i = 0; i < count; i++) {
        zy_text_extent e = zy_text_measure(fonts, legend[i].name, &s);
        if (y + e.height > bottom)
            break;
        zy_layout_add_rect(l, (zy_box){x, y + (e.height - swatch) / 2, swatch, swatch},
                           legend[i].color);
        zy_layout_add_text(l, fonts, legend[i].name, &s, t->text, ZY_ROLE_LEGEND,
                           x + swatch + m->gap * 0.75, y);
        y += e.height + m->gap * 0.5;
    }
    return w;
}

/* The legend in rows above *bottom (which moves up past it). */
static void place_legend_rows_below(zy_layout *l, const zy_fonts *fonts,
                                    const zy_legend_entry *legend, size_t count,
                                    const zy_theme_colors *t, const zy_metrics *m, double *bottom)
{
    double W = l->width;
    zy_text_style s = {m->legend, false, (W - 2 * m->pad) / 3, 1, ZY_ALIGN_LEFT};
    double swatch = m->legend * 0.8;
    /* two passes: measure the rows, then place them ending at *bottom */
    double height = 0;
    for (int pass = 0; pass < 2; pass++) {
        double x = m->pad, y = pass ? *bottom - height : 0, row_h = 0;
        for (size_t i = 0; i < count; i++) {
            zy_text_extent e = zy_text_measure(fonts, legend[i].name, &s);
            double item_w = swatch + m->gap * 0.75 + e.width;
            if (x > m->pad && x + item_w > W - m->pad) {
                x = m->pad;
                y += row_h + m->gap * 0.5;
                row_h = 0;
            }
            if (pass) {
                zy_layout_add_rect(l, (zy_box){x, y + (e.height - swatch) / 2, swatch, swatch},
                                   legend[i].color);
                zy_layout_add_text(l, fonts, legend[i].name, &s, t->text, ZY_ROLE_LEGEND,
                                   x + swatch + m->gap * 0.75, y);
            }
            x += item_w + m->gap * 3;
            row_h = fmax(row_h, e.height);
        }
        if (!pass)
            height = y + row_h;
    }
    *bottom -= height + m->gap * 2;
}

/* Title, subtitle and legend (groups or colour keys: top, bottom or right, or none; none when
 * bars are highlighted without groups) around the plot; source at the bottom. *right is
 * where the plot must end on the right. */
static void place_frame(zy_layout *l, const zy_fonts *fonts, const zy_bar_data *d,
                        const zy_bar_options *o, const zy_theme_colors *t, const zy_metrics *m,
                        double *top, double *bottom, double *right)
{
    char **names = d->has_groups ? d->groups : d->color_names;
    size_t count = d->has_groups ? d->ngroup : d->ncolor;
    zy_legend_entry legend[ZY_PALETTE_MAX * 4];
    if (count > sizeof legend / sizeof legend[0])
        count = sizeof legend / sizeof legend[0];
    if (d->highlight && !d->has_groups)
        count = 0; /* the accent colour speaks for itself */
    for (size_t i = 0; i < count; i++)
        legend[i] = (zy_legend_entry){names[i], t->palette[i % t->npalette], false};
    zy_legend_position where = o->legend == ZY_LEGEND_AUTO ? ZY_LEGEND_TOP : o->legend;
    if (where == ZY_LEGEND_NONE)
        count = 0;
    *right = l->width - m->pad;
    zy_frame_place(l, fonts, o->title, o->subtitle, o->source, legend,
                   where == ZY_LEGEND_TOP ? count : 0, t, m, top, bottom);
    if (count && where == ZY_LEGEND_BOTTOM)
        place_legend_rows_below(l, fonts, legend, count, t, m, bottom);
    if (count && where == ZY_LEGEND_RIGHT)
        *right -= place_legend_column(l, fonts, legend, count, t, m, *top, *bottom) + m->gap * 3;
}

zy_orientation zy_bar_layout_orientation(const zy_fonts *fonts, const zy_bar_data *d,
                                         const zy_bar_options *o)
{
    if (o->orientation != ZY_ORIENT_AUTO)
        return o->orientation;
    if (d->ncat == 0 || d->ncat > 12 || d->ncat * d->ngroup > 24)
        return ZY_ORIENT_HORIZONTAL;
    zy_metrics m = zy_metrics_for_slide(o->width, o->height);
    zy_metrics_set_label_size(&m, o->font_size);
    double band = (o->width - 2 * m.pad) * 0.85 / (double)d->ncat;
    zy_text_style s = {m.label, false, 0, 1, ZY_ALIGN_CENTER};
    for (size_t c = 0; c < d->ncat; c++) {
        zy_text_extent e = zy_text_measure(fonts, d->categories[c], &s);
        if (e.width > band * 0.92)
            return ZY_ORIENT_HORIZONTAL;
    }
    return ZY_ORIENT_VERTICAL;
}

/* Scale whose tick labels, laid along an axis of length axis_len, do not collide. */
static zy_status fit_scale(const zy_fonts *fonts, const zy_bar_options *o, const zy_metrics *m,
                           double lo, double hi, double axis_len, bool along_x, zy_scale *scale,
                           double *max_tick_w, double *tick_h)
{
    zy_text_style s = {m->tick, false, 0, 1, ZY_ALIGN_LEFT};
    int target = (int)(axis_len / (along_x ? 150 * m->unit : 90 * m->unit));
    if (target > 12)
        target = 12;
    for (; target >= 2; target--) {
        if (zy_scale_build(lo, hi, o->log_scale, target, scale) != ZY_OK)
            return ZY_ERR_DATA;
        double need = 0, widest = 0, tallest = 0;
        clip_scale(o, scale);
        int decimals = tick_decimals(o, scale);
        for (size_t i = 0; i < scale->ntick; i++) {
            char text[128];
            tick_text(o, scale, i, decimals, text, sizeof text);
            zy_text_extent e = zy_text_measure(fonts, text, &s);
            widest = fmax(widest, e.width);
            tallest = fmax(tallest, e.height);
        }
        need = (along_x ? widest + 12 * m->unit : tallest + 6 * m->unit) * (double)scale->ntick;
        *max_tick_w = widest;
        *tick_h = tallest;
        if (need <= axis_len || target == 2)
            return ZY_OK;
    }
    return ZY_OK;
}

static zy_status too_many(zy_diag *diag, const zy_bar_data *d, const zy_bar_options *o,
                          double space, double min_band)
{
    size_t bars = (size_t)(space / min_band), per = d->stack ? 1 : d->ngroup;
    size_t fit = bars / per;
    if (fit == 0) /* not even one category's groups side by side */
        return zy_diag_fail(diag, ZY_ERR_LIMIT,
                            "%zu groups side by side do not fit in a %d×%d chart even for one category "
                            "(at most %zu bars do); stack them (--stack), keep fewer groups, or use a larger --size",
                            per, o->width, o->height, bars);
    return zy_diag_fail(diag, ZY_ERR_LIMIT,
                        "%zu bars do not fit in a %d×%d chart (at most %zu do); use --top %zu, "
                        "or a larger --size",
                        d->ncat * per, o->width, o->height, fit * per, fit);
}

/* The caption row above the plot: the value axis's title with its unit ("単位: 人") at the
 * top left of a vertical chart (over the ticks) or the top right of a horizontal one (over the
 * long end of the bars), the category title on the other side of a horizontal chart. Its own
 * row: it never shares space with a label. Returns the plot's new top. */
static double place_captions(zy_layout *l, const zy_fonts *fonts, const zy_bar_data *d,
                             const zy_bar_options *o,
                             const zy_theme_colors *t, const zy_metrics *m, double top,
                             double right, bool vertical)
{
    char value[512] = "";
    const char *unit = unit_of(d, o);
    if (o->value_title && *o->value_title && unit)
        snprintf(value, sizeof value, "%s（単位: %s）", o->value_title, unit);
    else if (o->value_title && *o->value_title)
        snprintf(value, sizeof value, "%s", o->value_title);
    else if (unit)
        snprintf(value, sizeof value, "単位: %s", unit);
    const char *category = !vertical && o->category_title && *o->category_title ? o->category_title : "";
    if (!value[0] && !category[0])
        return top;
    double inner = right - m->pad;
    zy_text_style s = {m->tick, false, inner * (category[0] ? 0.48 : 1), 1, ZY_ALIGN_LEFT};
    double h = 0;
    if (value[0]) {
        zy_text_extent e = zy_text_measure(fonts, value, &s);
        double x = vertical ? m->pad : right - e.width;
        h = fmax(h, zy_layout_add_text(l, fonts, value, &s, t->muted, ZY_ROLE_AXIS_TITLE, x, top).h);
    }
    if (category[0])
        h = fmax(h, zy_layout_add_text(l, fonts, category, &s, t->muted, ZY_ROLE_AXIS_TITLE,
                                       m->pad, top).h);
    return top + h + m->gap;
}

/* Position on the value axis from a to b (pixels) of value v. */
static double axis_pos(const zy_scale *s, double a, double b, double v)
{
    return a + (b - a) * zy_scale_fraction(s, v);
}

/* A reference line: its value and label. */
typedef struct ref_line {
    double value;
    const char *label;
    zy_text_extent extent;
} ref_line;

static size_t collect_refs(const zy_fonts *fonts, const zy_bar_options *o, const zy_metrics *m,
                           ref_line *out, double *widest, double *tallest)
{
    size_t n = 0;
    zy_text_style s = {m->tick, false, 0, 1, ZY_ALIGN_LEFT};
    *widest = *tallest = 0;
    for (size_t i = 0; i < o->nref; i++) {
        if (!zy_bar_parse_ref(o->refs[i], o->percent, &out[n].value, &out[n].label))
            continue;
        out[n].extent = zy_text_measure(fonts, out[n].label, &s);
        if (out[n].label[0]) {
            *widest = fmax(*widest, out[n].extent.width);
            *tallest = fmax(*tallest, out[n].extent.height);
        }
        n++;
    }
    return n;
}

static int by_start(const void *a, const void *b)
{
    const double *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* A reference line (horizontal or vertical), broken where it would run through text already
 * placed (a value label): the line stops a little before the text and goes on after it. */
static void draw_ref_line(zy_layout *l, const zy_theme_colors *t, const zy_metrics *m, double x0,
                          double y0, double x1, double y1)
{
    bool across = y0 == y1; /* horizontal */
    double width = fmax(1.2, 2 * m->unit), margin = m->gap * 0.5;
    double (*gaps)[2] = malloc((l->ntext + 1) * sizeof *gaps);
    size_t ngap = 0;
    for (size_t i = 0; gaps && i < l->ntext; i++) {
        zy_box b = l->texts[i].box;
        bool hit = across ? b.y < y0 + width / 2 && b.y + b.h > y0 - width / 2
                          : b.x < x0 + width / 2 && b.x + b.w > x0 - width / 2;
        if (hit) {
            gaps[ngap][0] = (across ? b.x : b.y) - margin;
            gaps[ngap][1] = (across ? b.x + b.w : b.y + b.h) + margin;
            ngap++;
        }
    }
    if (ngap)
        qsort(gaps, ngap, sizeof *gaps, by_start);
    double from = across ? fmin(x0, x1) : fmin(y0, y1), end = across ? fmax(x0, x1) : fmax(y0, y1);
    for (size_t i = 0; i <= ngap && from < end; i++) {
        double to = i < ngap ? fmin(gaps[i][0], end) : end;
        if (to > from) {
            if (across)
                zy_layout_add_line(l, from, y0, to, y0, width, t->zero_line);
            else
                zy_layout_add_line(l, x0, from, x0, to, width, t->zero_line);
        }
        if (i < ngap)
            from = fmax(from, gaps[i][1]);
    }
    free(gaps);
}

/* Text colour on a filled bar: dark on light colours, white on dark ones. */
static zy_color text_on(zy_color c)
{
    double lum = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
    return lum > 0.55 ? (zy_color){0.12, 0.12, 0.12, 1} : (zy_color){1, 1, 1, 1};
}

/* Value labels of bars that are not highlighted are muted with them. */
static zy_color value_color(const zy_bar_data *d, const zy_theme_colors *t, size_t c)
{
    return d->highlight && !d->highlight[c] ? t->muted : t->text;
}

/* The box of a stack's part (category, group of v) given the bar's cross position [at,
 * at + thickness): along x for horizontal charts, along y (a0 bottom, a1 top) for vertical. */
static bool segment_box(const zy_bar_data *d, const zy_scale *scale, double a0, double a1,
                        const value_label *v, bool horizontal, double at, double thickness,
                        zy_box *out)
{
    double pos = 0, neg = 0, from = 0, to = 0;
    for (size_t g = 0; g <= v->group && g < d->ngroup; g++) {
        if (!d->present[v->category * d->ngroup + g])
            continue;
        double x = d->values[v->category * d->ngroup + g];
        from = x < 0 ? neg : pos;
        to = from + x;
        if (x < 0)
            neg = to;
        else
            pos = to;
    }
    double p0 = axis_pos(scale, a0, a1, from), p1 = axis_pos(scale, a0, a1, to);
    if (horizontal)
        *out = (zy_box){fmin(p0, p1), at, fabs(p1 - p0), thickness};
    else
        *out = (zy_box){at, fmin(p0, p1), thickness, fabs(p1 - p0)};
    return true;
}

static zy_status layout_horizontal(zy_diag *diag, zy_layout *l, const zy_fonts *fonts,
                                   const zy_bar_data *d, const zy_bar_options *o,
                                   const zy_theme_colors *t, const zy_metrics *m, double top,
                                   double bottom, double right, value_label *vl, size_t nvl)
{
    double W = right + m->pad, inner = right - m->pad;
    zy_text_style tick_style = {m->tick, false, 0, 1, ZY_ALIGN_LEFT};
    double tick_h = zy_text_measure(fonts, "0", &tick_style).height;
    top = place_captions(l, fonts, d, o, t, m, top, right, false);
    ref_line refs[ZY_BAR_MAX_REFS];
    double ref_w, ref_h;
    size_t nref = collect_refs(fonts, o, m, refs, &ref_w, &ref_h);
    double ref_row = ref_h > 0 ? top : 0; /* reference labels in a row above the bars */
    if (ref_h > 0)
        top += ref_h + m->gap * 0.5;
    double plot_bottom = bottom - tick_h - m->gap;
    double plot_h = plot_bottom - top;
    double min_band = 11 * (d->stack ? 1 : (double)d->ngroup);
    if (plot_h <= 0 || plot_h / (double)d->ncat < min_band)
        return too_many(diag, d, o, plot_h > 0 ? plot_h : 0, 11);
    double band = plot_h / (double)d->ncat;
    /* bars at most 3 label heights thick: three bars do not fill the canvas */
    double per_bar_cap = 3.0 * m->label;
    double thickness = fmin(band * 0.72, per_bar_cap * (d->stack ? 1 : (double)d->ngroup));
    double sub = d->stack ? thickness : thickness / (double)d->ngroup;

    /* category labels: right-aligned column, wrapped to two lines when the band allows */
    double fs_cat = fmin(m->label, band * 0.62);
    int lines = band >= fs_cat * 2.7 ? 2 : 1;
    zy_text_style nat = {fs_cat, false, 0, 1, ZY_ALIGN_RIGHT};
    double widest = 0;
    for (size_t c = 0; c < d->ncat; c++)
        widest = fmax(widest, zy_text_measure(fonts, d->categories[c], &nat).width);
    double label_w = fmin(widest, inner * 0.34);
    if (lines == 2 && widest > label_w) {
        /* two lines may need less width than one: keep it only if it is narrower */
        label_w = fmin(label_w, fmax(widest / 1.8, inner * 0.18));
    }
    zy_text_style cat_style = {fs_cat, false, label_w + 0.5, lines, ZY_ALIGN_RIGHT};

    /* value labels: measured to reserve room on each side of the axis */
    double fs_val = fmin(m->value, fmax(sub * 0.85, 7));
    zy_text_style val_style = {fs_val, false, 0, 1, ZY_ALIGN_LEFT};
    double room_pos = 0, room_neg = 0;
    for (size_t i = 0; i < nvl; i++) {
        vl[i].extent = zy_text_measure(fonts, vl[i].text, &val_style);
        if (vl[i].inside)
            continue;
        if (vl[i].value < 0)
            room_neg = fmax(room_neg, vl[i].extent.width + m->gap);
        else
            room_pos = fmax(room_pos, vl[i].extent.width + m->gap);
    }
    double plot_x0 = m->pad + label_w + m->gap * 1.5;
    double plot_x1 = W - m->pad;
    double lo, hi;
    value_range(d, o, &lo, &hi);
    double axis_x0 = plot_x0 + (lo < 0 && !o->log_scale ? room_neg : 0);
    double axis_x1 = plot_x1 - room_pos;
    if (axis_x1 - axis_x0 < 40)
        return zy_diag_fail(diag, ZY_ERR_LIMIT,
                            "a %d×%d canvas leaves no room for the bars beside their labels; use "
                            "a larger --size",
                            o->width, o->height);
    zy_scale scale;
    double max_tick_w, th;
    if (fit_scale(fonts, o, m, lo, hi, axis_x1 - axis_x0, true, &scale, &max_tick_w, &th))
        return zy_diag_fail(diag, ZY_ERR_DATA, "these values cannot be drawn on a %s scale",
                            o->log_scale ? "log" : "linear");

    /* grid and tick labels */
    double last_right = -INFINITY;
    int decimals = tick_decimals(o, &scale);
    for (size_t i = 0; i < scale.ntick; i++) {
        double x = axis_pos(&scale, axis_x0, axis_x1, scale.ticks[i]);
        zy_layout_add_line(l, x, top, x, plot_bottom, fmax(1, m->unit), t->grid);
        char text[128];
        tick_text(o, &scale, i, decimals, text, sizeof text);
        zy_text_extent e = zy_text_measure(fonts, text, &tick_style);
        double tx = x - e.width / 2;
        if (tx < m->pad)
            tx = m->pad;
        if (tx + e.width > W - m->pad)
            tx = W - m->pad - e.width;
        if (tx < last_right + 4 * m->unit)
            continue; /* never overlap the previous tick label */
        zy_layout_add_text(l, fonts, text, &tick_style, t->muted, ZY_ROLE_TICK, tx,
                           plot_bottom + m->gap * 0.5);
        last_right = tx + e.width;
    }
    double base = o->log_scale || scale.lo > 0 ? scale.lo : scale.hi < 0 ? scale.hi : 0;
    double x_base = axis_pos(&scale, axis_x0, axis_x1, base);

    for (size_t c = 0; c < d->ncat; c++) {
        double band_y = top + band * (double)c;
        double bar_y = band_y + (band - thickness) / 2;
        zy_text_extent ce = zy_text_measure(fonts, d->categories[c], &cat_style);
        zy_layout_add_text(l, fonts, d->categories[c], &cat_style, t->text, ZY_ROLE_CATEGORY,
                           m->pad + label_w - ce.width, band_y + (band - ce.height) / 2);
        double pos = 0, neg = 0;
        for (size_t g = 0; g < d->ngroup; g++) {
            if (!d->present[c * d->ngroup + g])
                continue;
            double v = d->values[c * d->ngroup + g];
            double from = base, to = v;
            double y = bar_y + (d->stack ? 0 : sub * (double)g);
            if (d->stack) {
                from = v < 0 ? neg : pos;
                to = from + v;
                if (v < 0)
                    neg = to;
                else
                    pos = to;
            }
            double x_from = d->stack ? axis_pos(&scale, axis_x0, axis_x1, from) : x_base;
            double x_to = axis_pos(&scale, axis_x0, axis_x1, to);
            /* a bar fills 92 % of its slot, centred in it: the label's centre is the bar's */
            zy_box bar = {fmin(x_from, x_to), y + (d->stack ? 0 : sub * 0.04), fabs(x_to - x_from),
                          d->stack ? sub : sub * 0.92};
            zy_layout_add_rect(l, bar, bar_color(d, t, c, g, v));
        }
    }
    for (size_t i = 0; i < nvl; i++) {
        const value_label *v = &vl[i];
        double band_y = top + band * (double)v->category;
        double bar_y = band_y + (band - thickness) / 2;
        double y_mid = d->stack || v->group >= d->ngroup ? bar_y + thickness / 2
                                                         : bar_y + sub * ((double)v->group + 0.5);
        if (v->inside) { /* a stack's part: in its segment, or not at all */
            zy_box seg;
            if (segment_box(d, &scale, axis_x0, axis_x1, v, true, bar_y, thickness, &seg) &&
                v->extent.width + m->gap <= seg.w && v->extent.height <= seg.h)
                zy_layout_add_text(l, fonts, v->text, &val_style,
                                   text_on(bar_color(d, t, v->category, v->group, v->value)),
                                   ZY_ROLE_VALUE, seg.x + (seg.w - v->extent.width) / 2,
                                   y_mid - v->extent.height / 2);
            continue;
        }
        double x_end = axis_pos(&scale, axis_x0, axis_x1, v->value);
        double x = v->value < 0 ? x_end - m->gap * 0.6 - v->extent.width : x_end + m->gap * 0.6;
        if (v->value < 0 && o->log_scale)
            x = x_end + m->gap * 0.6;
        zy_layout_add_text(l, fonts, v->text, &val_style, value_color(d, t, v->category), ZY_ROLE_VALUE, x,
                           y_mid - v->extent.height / 2);
    }
    /* the zero line, or the axis base */
    zy_layout_add_line(l, x_base, top, x_base, plot_bottom, fmax(1.5, 1.5 * m->unit),
                       lo < 0 ? t->zero_line : t->axis);
    zy_box placed[ZY_BAR_MAX_REFS];
    size_t nplaced = 0;
    for (size_t i = 0; i < nref; i++) {
        double x = axis_pos(&scale, axis_x0, axis_x1, refs[i].value);
        draw_ref_line(l, t, m, x, top, x, plot_bottom);
        if (!refs[i].label[0])
            continue;
        double lx = fmin(fmax(x - refs[i].extent.width / 2, m->pad), right - refs[i].extent.width);
        zy_box b = {lx - m->gap / 2, ref_row, refs[i].extent.width + m->gap, refs[i].extent.height};
        bool clash = false;
        for (size_t k = 0; k < nplaced; k++)
            clash |= zy_box_overlap(b, placed[k]);
        if (clash)
            continue; /* two labels would touch: the line stays, its label goes */
        placed[nplaced++] = b;
        zy_text_style s = {m->tick, false, 0, 1, ZY_ALIGN_LEFT};
        zy_layout_add_text(l, fonts, refs[i].label, &s, t->text, ZY_ROLE_AXIS_TITLE, lx, ref_row);
    }
    return l->status;
}

/* The longest a turned label may be: its drop at most 35 % of the free height, and (at 45°)
 * not past the left margin from its anchor x. */
static double turned_length(const zy_metrics *m, double angle, double ax, double free_h,
                            double size)
{
    double a = angle * 3.14159265358979323846 / 180, c = cos(a), s = sin(a);
    double h = size * 1.3;
    double by_height = (free_h * 0.35 - h * c) / s;
    double by_left = c > 0.01 ? (ax - m->pad - h * s / 2) / c : INFINITY;
    return fmax(size * 2, fmin(by_height, by_left));
}

/* The angle of a vertical chart's category labels: --rotate-labels, or (auto) 0 when every
 * label fits its band in at most two lines without being cut, else 45° when the band leaves
 * room between turned labels, else 90°; 0 when even 90° would not fit. */
static double label_angle(const zy_fonts *fonts, const zy_bar_data *d, const zy_bar_options *o,
                          const zy_metrics *m, const zy_text_style *flat, double band,
                          double free_h)
{
    zy_text_style one = {m->label, false, 0, 1, ZY_ALIGN_LEFT};
    double line_h = zy_text_measure(fonts, "国", &one).height;
    if (o->rotate_labels == 0 || (o->rotate_labels > 0 && band < line_h * 1.1))
        return 0;
    if (o->rotate_labels > 0)
        return o->rotate_labels;
    bool fits = true;
    for (size_t c = 0; c < d->ncat && fits; c++) {
        zy_text_extent e = zy_text_measure(fonts, d->categories[c], flat);
        fits = !zy_text_is_ellipsized(fonts, d->categories[c], flat) && e.height <= line_h * 2.2;
    }
    (void)free_h;
    if (fits)
        return 0;
    if (band >= line_h * 1.6)
        return 45;
    return band >= line_h * 1.15 ? 90 : 0;
}

static zy_status layout_vertical(zy_diag *diag, zy_layout *l, const zy_fonts *fonts,
                                 const zy_bar_data *d, const zy_bar_options *o,
                                 const zy_theme_colors *t, const zy_metrics *m, double top,
                                 double bottom, double right, value_label *vl, size_t nvl)
{
    double lo, hi;
    value_range(d, o, &lo, &hi);
    zy_text_style tick_style = {m->tick, false, 0, 1, ZY_ALIGN_RIGHT};
    top = place_captions(l, fonts, d, o, t, m, top, right, true);
    ref_line refs[ZY_BAR_MAX_REFS];
    double ref_w, ref_h;
    size_t nref = collect_refs(fonts, o, m, refs, &ref_w, &ref_h);
    if (ref_w > 0)
        right -= ref_w + m->gap; /* reference labels at the right end of their lines */
    double cat_title_h = 0;
    zy_text_style cat_title_style = {m->tick, false, right - m->pad, 1, ZY_ALIGN_LEFT};
    if (o->category_title && *o->category_title)
        cat_title_h = zy_text_measure(fonts, o->category_title, &cat_title_style).height + m->gap * 0.5;
    zy_scale scale;
    double tick_w, tick_h;
    if (fit_scale(fonts, o, m, lo, hi, (bottom - top) * 0.75, false, &scale, &tick_w, &tick_h))
        return zy_diag_fail(diag, ZY_ERR_DATA, "these values cannot be drawn on a %s scale",
                            o->log_scale ? "log" : "linear");
    double plot_x0 = m->pad + tick_w + m->gap;
    double plot_x1 = right;
    double min_band = 14 * (d->stack ? 1 : (double)d->ngroup);
    double plot_w = plot_x1 - plot_x0;
    if (plot_w <= 0 || plot_w / (double)d->ncat < min_band)
        return too_many(diag, d, o, plot_w > 0 ? plot_w : 0, 14);
    double band = plot_w / (double)d->ncat;
    /* bars at most 4.5 label heights wide: three bars do not fill the canvas */
    double per_bar_cap = 4.5 * m->label;
    double thickness = fmin(band * 0.68, per_bar_cap * (d->stack ? 1 : (double)d->ngroup));
    double sub = d->stack ? thickness : thickness / (double)d->ngroup;

    zy_text_style cat_style = {m->label, false, band * 0.94, 3, ZY_ALIGN_CENTER};
    double angle = label_angle(fonts, d, o, m, &cat_style, band, bottom - top);
    zy_text_style turned_style = {m->label, false, 0, 1, ZY_ALIGN_LEFT};
    double cat_h = 0;
    for (size_t c = 0; c < d->ncat; c++) {
        if (angle > 0) {
            double ax = plot_x0 + band * ((double)c + 0.5);
            turned_style.wrap_width = turned_length(m, angle, ax, bottom - top, turned_style.size);
            zy_text_extent e = zy_text_measure(fonts, d->categories[c], &turned_style);
            cat_h = fmax(cat_h, zy_turned_height(e.width, e.height, angle));
        } else {
            cat_h = fmax(cat_h, zy_text_measure(fonts, d->categories[c], &cat_style).height);
        }
    }
    /* value labels: shrink to the bar width; drop them if even 7 px does not fit */
    double fs_val = m->value;
    zy_text_style val_style = {fs_val, false, 0, 1, ZY_ALIGN_LEFT};
    double widest = 0, val_h = 0;
    for (size_t i = 0; i < nvl; i++) {
        vl[i].extent = zy_text_measure(fonts, vl[i].text, &val_style);
        if (vl[i].inside)
            continue;
        widest = fmax(widest, vl[i].extent.width);
        val_h = fmax(val_h, vl[i].extent.height);
    }
    double slot = d->stack || d->ngroup == 1 ? band * 0.94 : sub * 0.98;
    const char *unit = unit_of(d, o);
    if (widest > slot && widest > 0 && unit && o->unit) {
        /* too wide: the caption above says the unit, so the labels may drop it (45.1) */
        widest = val_h = 0;
        for (size_t i = 0; i < nvl; i++) {
            strip_unit(vl[i].text, unit);
            vl[i].extent = zy_text_measure(fonts, vl[i].text, &val_style);
            if (vl[i].inside)
                continue;
            widest = fmax(widest, vl[i].extent.width);
            val_h = fmax(val_h, vl[i].extent.height);
        }
    }
    if (widest > slot && widest > 0) {
        fs_val = fmax(7, fs_val * slot / widest);
        val_style.size = fs_val;
        widest = val_h = 0;
        for (size_t i = 0; i < nvl; i++) {
            vl[i].extent = zy_text_measure(fonts, vl[i].text, &val_style);
            if (vl[i].inside)
                continue;
            widest = fmax(widest, vl[i].extent.width);
            val_h = fmax(val_h, vl[i].extent.height);
        }
    }
    bool show_values = widest <= slot;
    double room = show_values ? val_h + m->gap * 0.6 : 0;
    double plot_bottom = bottom - cat_h - m->gap - cat_title_h;
    /* the top tick's label is centred on its line: keep it below the caption */
    double axis_top = top + fmax(room, tick_h * 0.6);
    double axis_bottom = plot_bottom - (lo < 0 && !o->log_scale ? room : 0);
    if (axis_bottom - axis_top < 40)
        return zy_diag_fail(diag, ZY_ERR_LIMIT,
                            "a %d×%d canvas leaves no room for the bars; use a larger --size",
                            o->width, o->height);
    int decimals = tick_decimals(o, &scale);
    for (size_t i = 0; i < scale.ntick; i++) {
        double y = axis_pos(&scale, axis_bottom, axis_top, scale.ticks[i]);
        zy_layout_add_line(l, plot_x0, y, plot_x1, y, fmax(1, m->unit), t->grid);
        char text[128];
        tick_text(o, &scale, i, decimals, text, sizeof text);
        zy_text_extent e = zy_text_measure(fonts, text, &tick_style);
        zy_layout_add_text(l, fonts, text, &tick_style, t->muted, ZY_ROLE_TICK,
                           plot_x0 - m->gap - e.width, y - e.height / 2);
    }
    double base = o->log_scale || scale.lo > 0 ? scale.lo : scale.hi < 0 ? scale.hi : 0;
    double y_base = axis_pos(&scale, axis_bottom, axis_top, base);
    for (size_t c = 0; c < d->ncat; c++) {
        double band_x = plot_x0 + band * (double)c;
        double bar_x = band_x + (band - thickness) / 2;
        if (angle > 0) {
            double ax = band_x + band / 2;
            turned_style.wrap_width = turned_length(m, angle, ax, bottom - top, turned_style.size);
            zy_layout_add_text_turned(l, fonts, d->categories[c], &turned_style, t->text,
                                      ZY_ROLE_CATEGORY, angle, ax, plot_bottom + m->gap * 0.5);
        } else {
            zy_text_extent ce = zy_text_measure(fonts, d->categories[c], &cat_style);
            zy_layout_add_text(l, fonts, d->categories[c], &cat_style, t->text, ZY_ROLE_CATEGORY,
                               band_x + (band - ce.width) / 2, plot_bottom + m->gap * 0.5);
        }
        double pos = 0, neg = 0;
        for (size_t g = 0; g < d->ngroup; g++) {
            if (!d->present[c * d->ngroup + g])
                continue;
            double v = d->values[c * d->ngroup + g];
            double from = base, to = v;
            if (d->stack) {
                from = v < 0 ? neg : pos;
                to = from + v;
                if (v < 0)
                    neg = to;
                else
                    pos = to;
            }
            double y_from = d->stack ? axis_pos(&scale, axis_bottom, axis_top, from) : y_base;
            double y_to = axis_pos(&scale, axis_bottom, axis_top, to);
            double x = bar_x + (d->stack ? 0 : sub * (double)g);
            /* a bar fills 92 % of its slot, centred in it: the label's centre is the bar's */
            zy_box bar = {x + (d->stack ? 0 : sub * 0.04), fmin(y_from, y_to),
                          d->stack ? sub : sub * 0.92, fabs(y_to - y_from)};
            zy_layout_add_rect(l, bar, bar_color(d, t, c, g, v));
        }
    }
    if (show_values) {
        for (size_t i = 0; i < nvl; i++) {
            const value_label *v = &vl[i];
            double band_x = plot_x0 + band * (double)v->category;
            double bar_x = band_x + (band - thickness) / 2;
            double x_mid = d->stack || v->group >= d->ngroup
                               ? bar_x + thickness / 2
                               : bar_x + sub * ((double)v->group + 0.5);
            if (v->inside) { /* a stack's part: in its segment, or not at all */
                zy_box seg;
                if (segment_box(d, &scale, axis_bottom, axis_top, v, false, bar_x, thickness, &seg) &&
                    v->extent.width + m->gap * 0.5 <= seg.w && v->extent.height + m->gap * 0.25 <= seg.h)
                    zy_layout_add_text(l, fonts, v->text, &val_style,
                                       text_on(bar_color(d, t, v->category, v->group, v->value)),
                                       ZY_ROLE_VALUE, x_mid - v->extent.width / 2,
                                       seg.y + (seg.h - v->extent.height) / 2);
                continue;
            }
            double y_end = axis_pos(&scale, axis_bottom, axis_top, v->value);
            double y = v->value < 0 && !o->log_scale ? y_end + m->gap * 0.4
                                                     : y_end - m->gap * 0.4 - v->extent.height;
            zy_layout_add_text(l, fonts, v->text, &val_style, value_color(d, t, v->category),
                               ZY_ROLE_VALUE, x_mid - v->extent.width / 2, y);
        }
    }
    if (cat_title_h > 0) {
        zy_text_extent e = zy_text_measure(fonts, o->category_title, &cat_title_style);
        zy_layout_add_text(l, fonts, o->category_title, &cat_title_style, t->muted,
                           ZY_ROLE_AXIS_TITLE, plot_x0 + (plot_x1 - plot_x0 - e.width) / 2 - e.x_offset * 0,
                           plot_bottom + m->gap * 0.5 + cat_h + m->gap * 0.5);
    }
    zy_layout_add_line(l, plot_x0, y_base, plot_x1, y_base, fmax(1.5, 1.5 * m->unit),
                       lo < 0 ? t->zero_line : t->axis);
    /* reference lines, labelled at their right end, nudged apart when close */
    zy_text_style ref_style = {m->tick, false, 0, 1, ZY_ALIGN_LEFT};
    double last_bottom = -INFINITY;
    size_t order[ZY_BAR_MAX_REFS];
    for (size_t i = 0; i < nref; i++)
        order[i] = i;
    for (size_t i = 1; i < nref; i++) /* top to bottom: higher values first */
        for (size_t k = i; k > 0 && refs[order[k - 1]].value < refs[order[k]].value; k--) {
            size_t x = order[k - 1];
            order[k - 1] = order[k], order[k] = x;
        }
    for (size_t n = 0; n < nref; n++) {
        const ref_line *r = &refs[order[n]];
        double y = axis_pos(&scale, axis_bottom, axis_top, r->value);
        draw_ref_line(l, t, m, plot_x0, y, plot_x1, y);
        if (!r->label[0])
            continue;
        double ly = fmax(y - r->extent.height / 2, last_bottom);
        if (ly + r->extent.height > bottom)
            continue;
        zy_layout_add_text(l, fonts, r->label, &ref_style, t->text, ZY_ROLE_AXIS_TITLE,
                           plot_x1 + m->gap, ly);
        last_bottom = ly + r->extent.height;
    }
    return l->status;
}

zy_status zy_bar_layout_build(zy_diag *diag, const zy_fonts *fonts, const zy_bar_data *d,
                              const zy_bar_options *o, const zy_theme_colors *t, zy_layout *l)
{
    if (o->dumbbell || d->rank) /* ranks: dots on a rank axis, never bars (see dumbbell_layout.h) */
        return zy_dumbbell_layout_build(diag, fonts, d, o, t, l);
    zy_layout_init(l, o->width, o->height, t->background);
    if (d->ncat == 0)
        return zy_diag_fail(diag, ZY_ERR_DATA, "no bars to draw");
    zy_metrics m = zy_metrics_for_slide(o->width, o->height);
    zy_metrics_set_label_size(&m, o->font_size);
    double top, bottom, right;
    place_frame(l, fonts, d, o, t, &m, &top, &bottom, &right);
    value_label *vl = calloc(d->ncat * (2 * d->ngroup + 2), sizeof *vl);
    if (!vl)
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    size_t nvl = collect_value_labels(d, o, vl);
    zy_status st;
    if (zy_bar_layout_orientation(fonts, d, o) == ZY_ORIENT_VERTICAL)
        st = layout_vertical(diag, l, fonts, d, o, t, &m, top, bottom, right, vl, nvl);
    else
        st = layout_horizontal(diag, l, fonts, d, o, t, &m, top, bottom, right, vl, nvl);
    free(vl);
    if (st == ZY_ERR_NOMEM && diag->status == ZY_OK)
        zy_diag_fail(diag, st, "out of memory");
    return st;
}
