/*
 * layout.c: building the plain layout description (see layout.h).
 */
#include "chart/layout.h"

#include <stdlib.h>
#include <string.h>

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
    return box;
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
