/*
 * svg_text.c: labels as SVG <text> with embedded font subsets (see svg_text.h).
 * Each text item is laid out again with the PangoLayout that measured it; every line becomes
 * a <text> (or a <tspan> of one) anchored where its first, middle or last glyph sits, so the
 * alignment survives an edit. The faces Pango chose (the family and its fallbacks) are
 * collected with the characters drawn in each, subset with hb-subset and embedded.
 */
#include "render/svg_text.h"

#include <hb-subset.h>
#include <math.h>
#include <pango/pangofc-font.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"

/* One font face the labels use, and what they draw with it. */
typedef struct used_face {
    char *file;            /* the font file (fontconfig's FC_FILE) */
    int index;             /* face index inside it (a .ttc holds several) */
    char *family;          /* the family name written in font-family and @font-face */
    int weight;            /* CSS weight, 100–900 */
    bool italic;
    hb_set_t *codepoints;  /* the characters drawn in this face */
} used_face;

typedef struct face_set {
    used_face *faces;
    size_t n, cap;
} face_set;

/* A line of a label as it will be written: its text and its anchor point. */
typedef struct text_line {
    zy_buf text;           /* the characters, trimmed of spaces at both ends */
    double x, baseline;    /* anchor point on the canvas */
} text_line;

/* ---- numbers and XML ------------------------------------------------------------------ */

/* A coordinate with at most two decimals, without printf (no locale, same bytes everywhere). */
static zy_status put_number(zy_buf *b, double v)
{
    long long hundredths = llround(v * 100);
    const char *sign = hundredths < 0 ? "-" : "";
    unsigned long long a = (unsigned long long)(hundredths < 0 ? -hundredths : hundredths);
    unsigned long long whole = a / 100, frac = a % 100;
    if (frac == 0)
        return zy_buf_printf(b, "%s%llu", sign, whole);
    if (frac % 10 == 0)
        return zy_buf_printf(b, "%s%llu.%llu", sign, whole, frac / 10);
    return zy_buf_printf(b, "%s%llu.%02llu", sign, whole, frac);
}

static int color_byte(double c)
{
    return c <= 0 ? 0 : c >= 1 ? 255 : (int)lround(c * 255);
}

/* Append text escaped for XML character data or a double-quoted attribute. The caller's
 * text is valid UTF-8 (Pango's copy); what XML 1.0 forbids (control characters, U+FFFE,
 * U+FFFF) becomes a space. */
static zy_status put_escaped(zy_buf *b, const char *s, size_t n)
{
    zy_status st = ZY_OK;
    for (size_t i = 0; i < n && st == ZY_OK; i++) {
        char c = s[i];
        bool not_xml = i + 2 < n && memcmp(s + i, "\xEF\xBF", 2) == 0 &&
                       ((unsigned char)s[i + 2] & 0xFE) == 0xBE; /* U+FFFE, U+FFFF */
        if (not_xml) {
            st = zy_buf_putc(b, ' ');
            i += 2;
            continue;
        }
        if (i + 2 < n && memcmp(s + i, "\xE2\x81\xA0", 3) == 0) { /* U+2060: the layout's no-break glue */
            i += 2;
            continue;
        }
        switch (c) {
        case '<': st = zy_buf_puts(b, "&lt;"); break;
        case '>': st = zy_buf_puts(b, "&gt;"); break;
        case '&': st = zy_buf_puts(b, "&amp;"); break;
        case '"': st = zy_buf_puts(b, "&quot;"); break;
        default: st = zy_buf_putc(b, (unsigned char)c < 0x20 ? ' ' : c);
        }
    }
    return st;
}

/* ---- faces ---------------------------------------------------------------------------- */

static void face_set_free(face_set *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        free(fs->faces[i].file);
        free(fs->faces[i].family);
        hb_set_destroy(fs->faces[i].codepoints);
    }
    free(fs->faces);
    fs->faces = NULL;
    fs->n = fs->cap = 0;
}

/* The face of a Pango font (by file and index), added to fs on first sight; NULL when out of
 * memory or when the font is not a fontconfig one (zuhyo's font map always is). */
static used_face *face_of_font(face_set *fs, PangoFont *font)
{
    if (!font || !PANGO_IS_FC_FONT(font))
        return NULL;
    FcPattern *pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8 *file = NULL, *family = NULL;
    int index = 0, weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    if (FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetString(pat, FC_FAMILY, 0, &family) != FcResultMatch)
        return NULL;
    FcPatternGetInteger(pat, FC_INDEX, 0, &index);
    FcPatternGetInteger(pat, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(pat, FC_SLANT, 0, &slant);
    for (size_t i = 0; i < fs->n; i++)
        if (fs->faces[i].index == index && strcmp(fs->faces[i].file, (const char *)file) == 0)
            return &fs->faces[i];
    if (fs->n == fs->cap) {
        size_t cap = fs->cap ? fs->cap * 2 : 4;
        used_face *grown = realloc(fs->faces, cap * sizeof *grown);
        if (!grown)
            return NULL;
        fs->faces = grown;
        fs->cap = cap;
    }
    used_face *f = &fs->faces[fs->n];
    int css_weight = FcWeightToOpenType(weight);
    f->file = strdup((const char *)file);
    f->family = strdup((const char *)family);
    f->index = index;
    f->weight = css_weight < 100 ? 100 : css_weight > 900 ? 900 : (css_weight + 50) / 100 * 100;
    f->italic = slant != FC_SLANT_ROMAN;
    f->codepoints = hb_set_create();
    if (!f->file || !f->family || !hb_set_allocation_successful(f->codepoints)) {
        free(f->file);
        free(f->family);
        hb_set_destroy(f->codepoints);
        return NULL;
    }
    fs->n++;
    return f;
}

static void face_add_chars(used_face *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += zy_utf8_next(s + i, n - i, &cp);
        if (cp >= 0x20)
            hb_set_add(f->codepoints, (hb_codepoint_t)cp);
    }
}

/* ---- lines of a label ----------------------------------------------------------------- */

static bool is_space_at(const char *s, size_t n)
{
    int32_t cp;
    zy_utf8_next(s, n, &cp);
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

/* Walk the runs of one line: append its characters to line->text (an ellipsis run as the
 * ellipsis it shows), note the faces, and find the extent of its visible (non-space) glyphs.
 * x0 is the line's left edge on the canvas; *visible_left and *visible_right get that extent
 * (from the glyphs' advances, as text-anchor measures it, not their ink). */
static zy_status read_line(face_set *fs, const char *text, PangoLayoutLine *line, double x0,
                           text_line *out, double *visible_left, double *visible_right)
{
    double x = x0, left = INFINITY, right = -INFINITY;
    zy_status st = ZY_OK;
    for (GSList *r = line->runs; r && st == ZY_OK; r = r->next) {
        PangoGlyphItem *run = r->data;
        PangoItem *item = run->item;
        PangoGlyphString *glyphs = run->glyphs;
        bool ellipsis = (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) != 0;
        for (int g = 0; g < glyphs->num_glyphs; g++) {
            double w = (double)glyphs->glyphs[g].geometry.width / PANGO_SCALE;
            size_t at = (size_t)item->offset + (size_t)glyphs->log_clusters[g];
            size_t run_end = (size_t)item->offset + (size_t)item->length;
            if (ellipsis || at >= run_end || !is_space_at(text + at, run_end - at)) {
                left = fmin(left, x);
                right = fmax(right, x + w);
            }
            x += w;
        }
        /* Pango shows U+2026 when the face has it, else three full stops */
        const char *shown = !ellipsis                 ? text + item->offset
                            : glyphs->num_glyphs == 3 ? "..."
                                                      : "\xE2\x80\xA6";
        size_t nshown = ellipsis ? strlen(shown) : (size_t)item->length;
        used_face *face = face_of_font(fs, item->analysis.font);
        if (!face)
            return ZY_ERR_NOMEM;
        face_add_chars(face, shown, nshown);
        st = zy_buf_append(&out->text, shown, nshown);
    }
    *visible_left = left;
    *visible_right = right;
    return st;
}

/* Drop spaces at both ends of a line's text (SVG would keep or collapse them unlike Pango;
 * the anchor is computed from the visible glyphs anyway). */
static void trim_spaces(zy_buf *b)
{
    size_t start = 0, end = b->len;
    while (start < end && is_space_at(b->data + start, end - start)) {
        int32_t cp;
        start += zy_utf8_next(b->data + start, end - start, &cp);
    }
    while (end > start) {
        size_t k = end - 1;
        while (k > start && ((unsigned char)b->data[k] & 0xC0) == 0x80)
            k--;
        if (!is_space_at(b->data + k, end - k))
            break;
        end = k;
    }
    if (start > 0)
        memmove(b->data, b->data + start, end - start);
    b->len = end - start;
    if (b->data)
        b->data[b->len] = '\0';
}

/* The lines of one text item, each with its anchor for the item's alignment; lines that are
 * only spaces are left out. *lines_out (the caller frees it with free_lines) gets *nlines. */
static zy_status read_item_lines(face_set *fs, const zy_fonts *fonts, const zy_text_item *t,
                                 text_line **lines_out, size_t *nlines)
{
    *lines_out = NULL;
    *nlines = 0;
    PangoLayout *pl = zy_text_layout(fonts, t->text, &t->style);
    const char *text = pango_layout_get_text(pl);
    size_t cap = (size_t)pango_layout_get_line_count(pl);
    text_line *lines = calloc(cap ? cap : 1, sizeof *lines);
    if (!lines) {
        g_object_unref(pl);
        return ZY_ERR_NOMEM;
    }
    zy_status st = ZY_OK;
    PangoLayoutIter *it = pango_layout_get_iter(pl);
    size_t n = 0;
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        double x0 = t->origin_x + (double)logical.x / PANGO_SCALE;
        double baseline = t->origin_y + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
        if (n == cap)
            break;
        text_line *tl = &lines[n];
        zy_buf_init(&tl->text, 0);
        double left, right;
        st = read_line(fs, text, line, x0, tl, &left, &right);
        trim_spaces(&tl->text);
        if (st != ZY_OK || tl->text.len == 0 || !(left <= right)) {
            zy_buf_free(&tl->text);
            continue;
        }
        tl->baseline = baseline;
        tl->x = t->style.align == ZY_ALIGN_CENTER  ? (left + right) / 2
                : t->style.align == ZY_ALIGN_RIGHT ? right
                                                   : left;
        n++;
    } while (st == ZY_OK && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(pl);
    *lines_out = lines;
    *nlines = n;
    return st;
}

static void free_lines(text_line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        zy_buf_free(&lines[i].text);
    free(lines);
}

/* ---- writing -------------------------------------------------------------------------- */

/* <text x y font-size fill …>line</text>, or one <tspan x y> per line for a wrapped label
 * (written without whitespace between them: the group preserves spaces). A turned label
 * (--rotate-labels) turns about its origin, as draw.c turns it: transform="rotate(-a x y)". */
static zy_status write_text_item(zy_buf *b, const zy_text_item *t, const text_line *lines,
                                 size_t n)
{
    static const char *const anchors[] = {NULL, "middle", "end"};
    zy_status st = zy_buf_puts(b, "<text");
    if (st == ZY_OK && n == 1) {
        st = zy_buf_puts(b, " x=\"");
        if (st == ZY_OK) st = put_number(b, lines[0].x);
        if (st == ZY_OK) st = zy_buf_puts(b, "\" y=\"");
        if (st == ZY_OK) st = put_number(b, lines[0].baseline);
        if (st == ZY_OK) st = zy_buf_puts(b, "\"");
    }
    if (st == ZY_OK) st = zy_buf_puts(b, " font-size=\"");
    if (st == ZY_OK) st = put_number(b, t->style.size);
    if (st == ZY_OK)
        st = zy_buf_printf(b, "\" fill=\"#%02x%02x%02x\"", color_byte(t->color.r),
                           color_byte(t->color.g), color_byte(t->color.b));
    if (st == ZY_OK && t->color.a < 1) {
        st = zy_buf_puts(b, " fill-opacity=\"");
        if (st == ZY_OK) st = put_number(b, t->color.a);
        if (st == ZY_OK) st = zy_buf_puts(b, "\"");
    }
    if (st == ZY_OK && t->style.bold)
        st = zy_buf_puts(b, " font-weight=\"bold\"");
    if (st == ZY_OK && anchors[t->style.align])
        st = zy_buf_printf(b, " text-anchor=\"%s\"", anchors[t->style.align]);
    if (st == ZY_OK && t->angle != 0) {
        st = zy_buf_puts(b, " transform=\"rotate(");
        if (st == ZY_OK) st = put_number(b, -t->angle);
        if (st == ZY_OK) st = zy_buf_puts(b, " ");
        if (st == ZY_OK) st = put_number(b, t->origin_x);
        if (st == ZY_OK) st = zy_buf_puts(b, " ");
        if (st == ZY_OK) st = put_number(b, t->origin_y);
        if (st == ZY_OK) st = zy_buf_puts(b, ")\"");
    }
    if (st == ZY_OK) st = zy_buf_puts(b, ">");
    for (size_t i = 0; i < n && st == ZY_OK; i++) {
        if (n > 1) {
            st = zy_buf_puts(b, "<tspan x=\"");
            if (st == ZY_OK) st = put_number(b, lines[i].x);
            if (st == ZY_OK) st = zy_buf_puts(b, "\" y=\"");
            if (st == ZY_OK) st = put_number(b, lines[i].baseline);
            if (st == ZY_OK) st = zy_buf_puts(b, "\">");
        }
        if (st == ZY_OK) st = put_escaped(b, lines[i].text.data, lines[i].text.len);
        if (st == ZY_OK && n > 1) st = zy_buf_puts(b, "</tspan>");
    }
    if (st == ZY_OK) st = zy_buf_puts(b, "</text>\n");
    return st;
}

/* Every text item as <text>, collecting the faces they use. */
static zy_status write_texts(face_set *fs, const zy_fonts *fonts, const zy_layout *layout,
                             zy_buf *texts)
{
    zy_status st = ZY_OK;
    for (size_t i = 0; i < layout->ntext && st == ZY_OK; i++) {
        const zy_text_item *t = &layout->texts[i];
        if (!t->text || !*t->text)
            continue;
        text_line *lines;
        size_t n;
        st = read_item_lines(fs, fonts, t, &lines, &n);
        if (st == ZY_OK && n > 0)
            st = write_text_item(texts, t, lines, n);
        free_lines(lines, n);
    }
    return st;
}

/* The family list for font-family: the family asked for first when it is used, then the
 * others in order of first use, then the generic family. Names are quoted with '. */
static zy_status write_family_list(zy_buf *b, const face_set *fs, const char *asked)
{
    zy_status st = ZY_OK;
    size_t written = 0;
    for (int pass = 0; pass < 2 && st == ZY_OK; pass++)
        for (size_t i = 0; i < fs->n && st == ZY_OK; i++) {
            bool first = strcasecmp(fs->faces[i].family, asked) == 0;
            if (first != (pass == 0))
                continue;
            bool seen = false;
            for (size_t k = 0; k < i && !seen; k++)
                seen = strcmp(fs->faces[k].family, fs->faces[i].family) == 0;
            if (seen)
                continue;
            st = zy_buf_puts(b, written++ ? ", '" : "'");
            for (const char *c = fs->faces[i].family; *c && st == ZY_OK; c++)
                if (*c != '\'' && *c != '"' && *c != '<' && *c != '>' && *c != '&')
                    st = zy_buf_putc(b, *c);
            if (st == ZY_OK)
                st = zy_buf_puts(b, "'");
        }
    if (st == ZY_OK)
        st = zy_buf_puts(b, written ? ", sans-serif" : "sans-serif");
    return st;
}

/* The OS/2 table's embedding bits: 0x0002 (restricted: may not be embedded) or 0x0100 (no
 * subsetting) mean the face is only named. */
static bool face_may_be_embedded(hb_face_t *face)
{
    hb_blob_t *os2 = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
    unsigned int len;
    const unsigned char *d = (const unsigned char *)hb_blob_get_data(os2, &len);
    unsigned fs_type = len >= 10 ? (unsigned)(d[8] << 8 | d[9]) : 0;
    hb_blob_destroy(os2);
    bool restricted = (fs_type & 0x0002) && !(fs_type & 0x000C); /* no preview/editable bit */
    bool whole_or_bitmap_only = (fs_type & 0x0300) != 0;
    return !restricted && !whole_or_bitmap_only;
}

/* The OpenType features a browser applies to horizontal text by default (HarfBuzz's list):
 * the subset keeps only these, and no vertical metrics, so vertical forms and alternates
 * add no glyphs and no bytes. */
static void keep_horizontal_only(hb_subset_input_t *input)
{
    static const char *const features[] = {"abvm", "blwm", "calt", "ccmp", "clig", "curs", "dist",
                                           "kern", "liga", "locl", "mark", "mkmk", "rclt", "rlig"};
    static const char *const vertical_tables[] = {"vhea", "vmtx", "VORG"};
    hb_set_t *keep = hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb_set_clear(keep);
    for (size_t i = 0; i < sizeof features / sizeof features[0]; i++)
        hb_set_add(keep, hb_tag_from_string(features[i], 4));
    hb_set_t *drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof vertical_tables / sizeof vertical_tables[0]; i++)
        hb_set_add(drop, hb_tag_from_string(vertical_tables[i], 4));
}

/* Subset face f to its characters (no hinting: Pango draws unhinted) and append it as an
 * @font-face rule with a base64 data: URL. A face that may not be embedded is skipped with a
 * warning. */
static zy_status write_font_face(zy_diag *diag, zy_buf *b, const used_face *f)
{
    hb_blob_t *file = hb_blob_create_from_file_or_fail(f->file);
    if (!file)
        return zy_diag_fail(diag, ZY_ERR_RENDER, "--svg-text: cannot read the font file %s",
                            f->file);
    hb_face_t *face = hb_face_create(file, (unsigned)f->index & 0xFFFF);
    hb_blob_destroy(file);
    if (!face_may_be_embedded(face)) {
        zy_diag_warn(diag, "--svg-text: the licence of %s (%s) forbids embedding it; the SVG "
                     "names the font without embedding it", f->family, f->file);
        hb_face_destroy(face);
        return ZY_OK;
    }
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (!input) {
        hb_face_destroy(face);
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    }
    hb_set_union(hb_subset_input_unicode_set(input), f->codepoints);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    keep_horizontal_only(input);
    hb_face_t *subset = hb_subset_or_fail(face, input);
    hb_subset_input_destroy(input);
    hb_face_destroy(face);
    if (!subset)
        return zy_diag_fail(diag, ZY_ERR_RENDER, "--svg-text: cannot subset the font %s", f->file);
    hb_blob_t *bytes = hb_face_reference_blob(subset);
    hb_face_destroy(subset);
    unsigned int len;
    const unsigned char *data = (const unsigned char *)hb_blob_get_data(bytes, &len);
    /* 'OTTO' starts a font with CFF outlines, 0x00010000 one with TrueType outlines */
    bool cff = len >= 4 && memcmp(data, "OTTO", 4) == 0;
    gchar *base64 = len ? g_base64_encode(data, len) : NULL;
    hb_blob_destroy(bytes);
    if (!base64)
        return zy_diag_fail(diag, ZY_ERR_RENDER, "--svg-text: the subset of %s is empty", f->file);
    zy_status st = zy_buf_puts(b, "@font-face { font-family: '");
    for (const char *c = f->family; *c && st == ZY_OK; c++)
        if (*c != '\'' && *c != '"' && *c != '<' && *c != '>' && *c != '&')
            st = zy_buf_putc(b, *c);
    if (st == ZY_OK)
        st = zy_buf_printf(b, "'; font-weight: %d; font-style: %s;\n"
                           "  src: url(data:font/%s;base64,", f->weight,
                           f->italic ? "italic" : "normal", cff ? "otf" : "ttf");
    if (st == ZY_OK)
        st = zy_buf_puts(b, base64);
    if (st == ZY_OK)
        st = zy_buf_printf(b, ") format('%s'); }\n", cff ? "opentype" : "truetype");
    g_free(base64);
    return st;
}

/* <defs><style> with one @font-face per face used. */
static zy_status write_style(zy_diag *diag, zy_buf *b, const face_set *fs)
{
    zy_status st = zy_buf_puts(b, "\n<defs><style type=\"text/css\"><![CDATA[\n");
    for (size_t i = 0; i < fs->n && st == ZY_OK; i++)
        st = write_font_face(diag, b, &fs->faces[i]);
    if (st == ZY_OK)
        st = zy_buf_puts(b, "]]></style></defs>");
    return st;
}

/* svg with style inserted after the opening <svg …> tag and group before the last </svg>. */
static zy_status splice(zy_buf *svg, const zy_buf *style, const zy_buf *group)
{
    char *open = svg->data ? strstr(svg->data, "<svg") : NULL;
    char *open_end = open ? strchr(open, '>') : NULL;
    char *close = NULL;
    for (char *p = open_end ? strstr(open_end, "</svg>") : NULL; p; p = strstr(p + 1, "</svg>"))
        close = p;
    if (!close)
        return ZY_ERR_RENDER;
    size_t at_style = (size_t)(open_end - svg->data) + 1, at_group = (size_t)(close - svg->data);
    zy_buf out;
    zy_buf_init(&out, svg->max);
    zy_status st = zy_buf_append(&out, svg->data, at_style);
    if (st == ZY_OK) st = zy_buf_append(&out, style->data, style->len);
    if (st == ZY_OK) st = zy_buf_append(&out, svg->data + at_style, at_group - at_style);
    if (st == ZY_OK) st = zy_buf_append(&out, group->data, group->len);
    if (st == ZY_OK) st = zy_buf_append(&out, svg->data + at_group, svg->len - at_group);
    if (st) {
        zy_buf_free(&out);
        return st;
    }
    zy_buf_free(svg);
    *svg = out;
    return ZY_OK;
}

zy_status zy_svg_text_add(zy_diag *diag, const zy_fonts *fonts, const zy_layout *layout,
                          zy_buf *svg)
{
    face_set fs = {0};
    zy_buf texts, group, style;
    zy_buf_init(&texts, 0);
    zy_buf_init(&group, 0);
    zy_buf_init(&style, 0);
    zy_status st = write_texts(&fs, fonts, layout, &texts);
    if (st == ZY_OK)
        /* geometricPrecision: Chromium keeps the unrounded advances Pango laid out with */
        st = zy_buf_puts(&group, "<g id=\"zuhyo-text\" text-rendering=\"geometricPrecision\" "
                                 "font-family=\"");
    if (st == ZY_OK)
        st = write_family_list(&group, &fs, fonts->family);
    if (st == ZY_OK)
        st = zy_buf_puts(&group, "\" xml:lang=\"ja\" xml:space=\"preserve\">\n");
    if (st == ZY_OK && texts.len)
        st = zy_buf_append(&group, texts.data, texts.len);
    if (st == ZY_OK)
        st = zy_buf_puts(&group, "</g>\n");
    if (st == ZY_OK)
        st = write_style(diag, &style, &fs);
    if (st == ZY_OK)
        st = splice(svg, &style, &group);
    face_set_free(&fs);
    zy_buf_free(&texts);
    zy_buf_free(&group);
    zy_buf_free(&style);
    if (st == ZY_ERR_NOMEM)
        return zy_diag_fail(diag, st, "out of memory");
    if (st == ZY_ERR_RENDER)
        return zy_diag_fail(diag, st, "--svg-text: could not write the text into the SVG");
    return st;
}
