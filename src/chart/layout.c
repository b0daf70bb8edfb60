/*
 * layout.c: building the plain layout description (see layout.h).
 */
#include "chart/layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ZY_PI 3.14159265358979323846

void zy_layout_init(zy_layout *l, double width, double height, zy_color background)
{
    memset(l, 0, sizeof *l);
    l->width = width;
    l->height = height;
    l->background = background;
}

void zy_layout_free(zy_layout *l)
{
    for (size_t i = 0; i < l->ntext; i++)
        free(l->texts[i].text);
    free(l->texts);
    free(l->rects);
    free(l->lines);
    free(l->circles);
    memset(l, 0, sizeof *l);
}

static bool grow(zy_layout *l, void **items, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return true;
    size_t next = *cap ? *cap * 2 : 32;
    void *grown = realloc(*items, next * size);
    if (!grown) {
        l->status = ZY_ERR_NOMEM;
        return false;
    }
    *items = grown;
    *cap = next;
    return true;
}

zy_box zy_layout_add_text(zy_layout *l, const zy_fonts *fonts, const char *text,
                          const zy_text_style *style, zy_color color, zy_text_role role,
                          double x, double y)
{
    zy_text_extent e = zy_text_measure(fonts, text, style);
    zy_box box = {x, y, e.width, e.height};
    if (!grow(l, (void **)&l->texts, &l->text_cap, l->ntext, sizeof *l->texts))
        return box;
    char *copy = strdup(text);
    if (!copy) {
        l->status = ZY_ERR_NOMEM;
        return box;
    }
    zy_text_item *t = &l->texts[l->ntext++];
    t->text = copy;
    t->style = *style;
    t->origin_x = x - e.x_offset;
    t->origin_y = y;
    t->box = box;
    t->color = color;
    t->role = role;
    t->angle = 0;
    t->length = e.width;
    t->thickness = e.height;
    return box;
}

double zy_turned_height(double w, double h, double angle)
{
    double a = angle * ZY_PI / 180;
    return w * sin(a) + h * cos(a);
}

zy_box zy_layout_add_text_turned(zy_layout *l, const zy_fonts *fonts, const char *text,
                                 const zy_text_style *style, zy_color color, zy_text_role role,
                                 double angle, double x, double y)
{
    zy_text_extent e = zy_text_measure(fonts, text, style);
    double a = angle * ZY_PI / 180, c = cos(a), s = sin(a), w = e.width, h = e.height;
    /* (u, v) of the text turns to (u c + v s, -u s + v c) about the origin */
    double ox = x - w * c - h * s / 2, oy = y + w * s;
    zy_box box = {ox, oy - w * s, w * c + h * s, w * s + h * c};
    size_t before = l->ntext;
    zy_layout_add_text(l, fonts, text, style, color, role, 0, 0);
    if (l->ntext == before)
        return box;
    zy_text_item *t = &l->texts[before];
    t->origin_x = ox - e.x_offset * c;
    t->origin_y = oy + e.x_offset * s;
    t->box = box;
    t->angle = angle;
    return box;
}

/* The corners of an item's text, turned as drawn. */
static void item_corners(const zy_text_item *t, double xs[4], double ys[4])
{
    if (t->angle == 0) {
        zy_box b = t->box;
        double bx[4] = {b.x, b.x + b.w, b.x + b.w, b.x}, by[4] = {b.y, b.y, b.y + b.h, b.y + b.h};
        memcpy(xs, bx, sizeof bx), memcpy(ys, by, sizeof by);
        return;
    }
    double a = t->angle * ZY_PI / 180, c = cos(a), s = sin(a);
    double ox = t->box.x, oy = t->box.y + t->length * s; /* the turned origin */
    double u[4] = {0, t->length, t->length, 0}, v[4] = {0, 0, t->thickness, t->thickness};
    for (int i = 0; i < 4; i++) {
        xs[i] = ox + u[i] * c + v[i] * s;
        ys[i] = oy - u[i] * s + v[i] * c;
    }
}

/* Separating axes of two convex quadrilaterals: true when some edge normal separates them. */
static bool separated(const double *ax, const double *ay, const double *bx, const double *by)
{
    for (int i = 0; i < 4; i++) {
        double nx = -(ay[(i + 1) % 4] - ay[i]), ny = ax[(i + 1) % 4] - ax[i];
        double amin = INFINITY, amax = -INFINITY, bmin = INFINITY, bmax = -INFINITY;
        for (int k = 0; k < 4; k++) {
            double pa = ax[k] * nx + ay[k] * ny, pb = bx[k] * nx + by[k] * ny;
            amin = fmin(amin, pa), amax = fmax(amax, pa);
            bmin = fmin(bmin, pb), bmax = fmax(bmax, pb);
        }
        double eps = 0.01 * sqrt(nx * nx + ny * ny);
        if (amax <= bmin + eps || bmax <= amin + eps)
            return true;
    }
    return false;
}

bool zy_text_items_overlap(const zy_text_item *a, const zy_text_item *b)
{
    if (!zy_box_overlap(a->box, b->box))
        return false;
    if (a->angle == 0 && b->angle == 0)
        return true;
    double ax[4], ay[4], bx[4], by[4];
    item_corners(a, ax, ay);
    item_corners(b, bx, by);
    return !separated(ax, ay, bx, by) && !separated(bx, by, ax, ay);
}

void zy_layout_add_rect(zy_layout *l, zy_box box, zy_color color)
{
    if (!grow(l, (void **)&l->rects, &l->rect_cap, l->nrect, sizeof *l->rects))
        return;
    l->rects[l->nrect++] = (zy_rect_item){box, color, 0};
}

void zy_layout_add_outline(zy_layout *l, zy_box box, zy_color color, double stroke)
{
    if (!grow(l, (void **)&l->rects, &l->rect_cap, l->nrect, sizeof *l->rects))
        return;
    l->rects[l->nrect++] = (zy_rect_item){box, color, stroke};
}

void zy_layout_add_circle(zy_layout *l, double cx, double cy, double r, zy_color color,
                          double stroke)
{
    if (!grow(l, (void **)&l->circles, &l->circle_cap, l->ncircle, sizeof *l->circles))
        return;
    l->circles[l->ncircle++] = (zy_circle_item){cx, cy, r, color, stroke};
}

void zy_layout_add_line(zy_layout *l, double x0, double y0, double x1, double y1, double width,
                        zy_color color)
{
    if (!grow(l, (void **)&l->lines, &l->line_cap, l->nline, sizeof *l->lines))
        return;
    l->lines[l->nline++] = (zy_line_item){x0, y0, x1, y1, width, color, false};
}

void zy_layout_add_leader(zy_layout *l, double x0, double y0, double x1, double y1, double width,
                          zy_color color)
{
    size_t before = l->nline;
    zy_layout_add_line(l, x0, y0, x1, y1, width, color);
    if (l->nline > before)
        l->lines[before].leader = true;
}

bool zy_box_overlap(zy_box a, zy_box b)
{
    const double eps = 0.01;
    return a.x + eps < b.x + b.w && b.x + eps < a.x + a.w && a.y + eps < b.y + b.h &&
           b.y + eps < a.y + a.h;
}
