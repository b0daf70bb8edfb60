/*
 * draw.c: paint background, rectangles, lines, then text (see draw.h).
 */
#include "render/draw.h"

#include <math.h>

static void set_color(cairo_t *cr, zy_color c)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

void zy_draw_layout(cairo_t *cr, const zy_fonts *fonts, const zy_layout *l)
{
    set_color(cr, l->background);
    cairo_rectangle(cr, 0, 0, l->width, l->height);
    cairo_fill(cr);
    for (size_t i = 0; i < l->nline; i++) {
        const zy_line_item *ln = &l->lines[i];
        set_color(cr, ln->color);
        cairo_set_line_width(cr, ln->width);
        cairo_move_to(cr, ln->x0, ln->y0);
        cairo_line_to(cr, ln->x1, ln->y1);
        cairo_stroke(cr);
    }
    for (size_t i = 0; i < l->nrect; i++) {
        const zy_rect_item *r = &l->rects[i];
        set_color(cr, r->color);
        if (r->stroke > 0) {
            /* inset by half the line so the outline stays inside its box */
            double h = r->stroke / 2;
            cairo_set_line_width(cr, r->stroke);
            cairo_rectangle(cr, r->box.x + h, r->box.y + h, r->box.w - r->stroke, r->box.h - r->stroke);
            cairo_stroke(cr);
        } else {
            cairo_rectangle(cr, r->box.x, r->box.y, r->box.w, r->box.h);
            cairo_fill(cr);
        }
    }
    for (size_t i = 0; i < l->ncircle; i++) {
        const zy_circle_item *c = &l->circles[i];
        set_color(cr, c->color);
        double r = c->stroke > 0 ? c->r - c->stroke / 2 : c->r;
        cairo_new_sub_path(cr);
        cairo_arc(cr, c->cx, c->cy, r, 0, 6.283185307179586);
        if (c->stroke > 0) {
            cairo_set_line_width(cr, c->stroke);
            cairo_stroke(cr);
        } else {
            cairo_fill(cr);
        }
    }
    for (size_t i = 0; i < l->ntext; i++) {
        const zy_text_item *t = &l->texts[i];
        PangoLayout *layout = zy_text_layout(fonts, t->text, &t->style);
        set_color(cr, t->color);
        if (t->angle != 0) { /* a turned label (chart/layout.h) */
            cairo_save(cr);
            cairo_translate(cr, t->origin_x, t->origin_y);
            cairo_rotate(cr, -t->angle * 3.141592653589793 / 180);
            cairo_move_to(cr, 0, 0);
            pango_cairo_show_layout(cr, layout);
            cairo_restore(cr);
        } else {
            cairo_move_to(cr, t->origin_x, t->origin_y);
            pango_cairo_show_layout(cr, layout);
        }
        g_object_unref(layout);
    }
}
