/*
 * layout.h: what a chart looks like, as plain data: text boxes, rectangles and lines on a
 * canvas, in pixels. Layout code fills it (measuring text with Pango); render draws it and
 * decides nothing. Tests read it to check that labels never overlap or leave the canvas.
 * May call: util, text, chart/theme.
 */
#ifndef ZY_LAYOUT_H
#define ZY_LAYOUT_H

#include "chart/theme.h"
#include "text/text.h"

typedef struct zy_box {
    double x, y, w, h;
} zy_box;

typedef enum zy_text_role {
    ZY_ROLE_TITLE = 0, ZY_ROLE_SUBTITLE, ZY_ROLE_SOURCE, ZY_ROLE_CATEGORY, ZY_ROLE_VALUE,
    ZY_ROLE_TICK, ZY_ROLE_AXIS_TITLE, ZY_ROLE_LEGEND
} zy_text_role;

typedef struct zy_text_item {
    char *text;            /* owned */
    zy_text_style style;
    double origin_x, origin_y; /* where the PangoLayout's origin goes */
    zy_box box;            /* the logical box the text occupies on the canvas */
    zy_color color;
    zy_text_role role;
    double angle;          /* degrees counterclockwise about the origin; 0 for most text. The
                              box is then the bounding box of the turned text */
    double length, thickness; /* the unturned text's width and height */
} zy_text_item;

typedef struct zy_rect_item {
    zy_box box;
    zy_color color;
    double stroke;         /* 0: filled; else the outline's width */
} zy_rect_item;

typedef struct zy_circle_item {
    double cx, cy, r;
    zy_color color;
    double stroke;         /* 0: filled; else the outline's width (a hollow marker) */
} zy_circle_item;

typedef struct zy_line_item {
    double x0, y0, x1, y1, width;
    zy_color color;
    bool leader;           /* joins a label to its mark: tests check it crosses no text */
} zy_line_item;

typedef struct zy_layout {
    double width, height;
    zy_color background;
    zy_text_item *texts;
    size_t ntext, text_cap;
    zy_rect_item *rects;
    size_t nrect, rect_cap;
    zy_line_item *lines;
    size_t nline, line_cap;
    zy_circle_item *circles;
    size_t ncircle, circle_cap;
    zy_status status;      /* first allocation failure while building */
} zy_layout;

void zy_layout_init(zy_layout *l, double width, double height, zy_color background);
void zy_layout_free(zy_layout *l);

/* Add text whose logical box's top-left is at (x, y) (for right/centre alignment, x is the
 * box's left edge too). Returns the box. */
zy_box zy_layout_add_text(zy_layout *l, const zy_fonts *fonts, const char *text,
                          const zy_text_style *style, zy_color color, zy_text_role role,
                          double x, double y);
/* Add one line of text turned `angle` degrees counterclockwise (0 < angle <= 90), placed so
 * that its end (the middle of its right edge) is at x and its highest point at y: a category
 * label hanging below a vertical chart's axis, ending under its bar. Returns the bounding box. */
zy_box zy_layout_add_text_turned(zy_layout *l, const zy_fonts *fonts, const char *text,
                                 const zy_text_style *style, zy_color color, zy_text_role role,
                                 double angle, double x, double y);
/* The height of the bounding box of text turned `angle` degrees. */
double zy_turned_height(double width, double height, double angle);
/* Do the text items share any area? Turned items are compared as turned rectangles. */
bool zy_text_items_overlap(const zy_text_item *a, const zy_text_item *b);

void zy_layout_add_rect(zy_layout *l, zy_box box, zy_color color);
void zy_layout_add_outline(zy_layout *l, zy_box box, zy_color color, double stroke);
void zy_layout_add_circle(zy_layout *l, double cx, double cy, double r, zy_color color,
                          double stroke);
void zy_layout_add_line(zy_layout *l, double x0, double y0, double x1, double y1, double width,
                        zy_color color);
/* A line that leads from a mark to its label (a zy_layout_add_line marked as a leader). */
void zy_layout_add_leader(zy_layout *l, double x0, double y0, double x1, double y1, double width,
                          zy_color color);

/* Do two boxes share any area? (touching edges do not count) */
bool zy_box_overlap(zy_box a, zy_box b);

#endif
