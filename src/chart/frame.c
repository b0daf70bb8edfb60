/*
 * frame.c: title, subtitle, legend and source placement shared by all charts (see frame.h).
 */
#include "chart/frame.h"

#include <math.h>

static double at_least(double v, double min) { return v < min ? min : v; }

static zy_metrics metrics_with_text_unit(double u, double tu, double scale_min)
{
    zy_metrics m;
    m.unit = u;
    m.pad = 28 * u + 6;
    m.gap = 8 * u;
    m.title = at_least(34 * tu, 11 * scale_min);
    m.subtitle = at_least(22 * tu, 9 * scale_min);
    m.label = at_least(20 * tu, 9 * scale_min);
    m.value = at_least(18 * tu, 8 * scale_min);
    m.tick = at_least(16 * tu, 8 * scale_min);
    m.source = at_least(15 * tu, 8 * scale_min);
    m.legend = at_least(18 * tu, 8 * scale_min);
    return m;
}

static double canvas_unit(double w, double h)
{
    return at_least(fmin(w / 1600.0, h / 900.0), 0.3);
}

zy_metrics zy_metrics_for(double w, double h)
{
    double u = canvas_unit(w, h);
    return metrics_with_text_unit(u, u, 1);
}

zy_metrics zy_metrics_for_slide(double w, double h)
{
    double u = canvas_unit(w, h);
    /* text shrinks less than the canvas: half the canvas (800×450) keeps two thirds of the
     * size, so labels stay readable on a small slide and on A4 (842×595 pt); at least 11 px
     * labels and 9.5 px ticks */
    double tu = u < 1 ? pow(u, 0.6) : u;
    zy_metrics m = metrics_with_text_unit(u, tu, 1.2);
    m.title = at_least(m.title, 15);
    m.tick = at_least(m.tick, 9.5);
    return m;
}

void zy_metrics_set_label_size(zy_metrics *m, double size)
{
    if (size <= 0)
        return;
    double k = size / m->label;
    m->title *= k, m->subtitle *= k, m->label *= k, m->value *= k, m->tick *= k;
    m->source *= k, m->legend *= k;
}

void zy_frame_place(zy_layout *l, const zy_fonts *fonts, const char *title, const char *subtitle,
                    const char *source, const zy_legend_entry *legend, size_t nlegend,
                    const zy_theme_colors *t, const zy_metrics *m, double *top, double *bottom)
{
    double W = l->width, H = l->height, inner = W - 2 * m->pad;
    double y = m->pad;
    if (title && *title) {
        zy_text_style s = {m->title, true, inner, 2, ZY_ALIGN_LEFT};
        zy_box b = zy_layout_add_text(l, fonts, title, &s, t->text, ZY_ROLE_TITLE, m->pad, y);
        y = b.y + b.h + m->gap * 0.5;
    }
    if (subtitle && *subtitle) {
        zy_text_style s = {m->subtitle, false, inner, 2, ZY_ALIGN_LEFT};
        zy_box b = zy_layout_add_text(l, fonts, subtitle, &s, t->muted, ZY_ROLE_SUBTITLE, m->pad, y);
        y = b.y + b.h + m->gap * 0.5;
    }
    if (nlegend > 0) {
        y += m->gap;
        zy_text_style s = {m->legend, false, inner / 3, 1, ZY_ALIGN_LEFT};
        double swatch = m->legend * 0.8, x = m->pad, row_h = 0;
        for (size_t i = 0; i < nlegend; i++) {
            zy_text_extent e = zy_text_measure(fonts, legend[i].name, &s);
            double item_w = swatch + m->gap * 0.75 + e.width;
            if (x > m->pad && x + item_w > W - m->pad) {
                x = m->pad;
                y += row_h + m->gap * 0.5;
                row_h = 0;
            }
            zy_box sw = {x, y + (e.height - swatch) / 2, swatch, swatch};
            if (legend[i].outline) {
                zy_layout_add_outline(l, sw, legend[i].color, fmax(1.5, 2 * m->unit));
            } else {
                zy_layout_add_rect(l, sw, legend[i].color);
            }
            zy_layout_add_text(l, fonts, legend[i].name, &s, t->text, ZY_ROLE_LEGEND,
                               x + swatch + m->gap * 0.75, y);
            x += item_w + m->gap * 3;
            row_h = fmax(row_h, e.height);
        }
        y += row_h;
    }
    *top = y + m->gap * 2;
    double b = H - m->pad;
    if (source && *source) {
        zy_text_style s = {m->source, false, inner, 2, ZY_ALIGN_LEFT};
        zy_text_extent e = zy_text_measure(fonts, source, &s);
        zy_layout_add_text(l, fonts, source, &s, t->muted, ZY_ROLE_SOURCE, m->pad, b - e.height);
        b -= e.height + m->gap * 1.5;
    }
    *bottom = b;
}
