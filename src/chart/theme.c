/*
 * theme.c: theme colours and palettes (see theme.h).
 */
#include "chart/theme.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static zy_color rgb(unsigned hex)
{
    zy_color c = {((hex >> 16) & 0xFF) / 255.0, ((hex >> 8) & 0xFF) / 255.0, (hex & 0xFF) / 255.0,
                  1};
    return c;
}

static const unsigned okabe_ito[] = {0x0072B2, 0xE69F00, 0x009E73, 0x56B4E9,
                                     0xD55E00, 0xCC79A7, 0xF0E442, 0x000000};
static const unsigned tableau[] = {0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F,
                                   0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC};

static bool parse_hex(const char *s, size_t n, zy_color *out)
{
    if (n != 7 || s[0] != '#')
        return false;
    unsigned v = 0;
    for (size_t i = 1; i < 7; i++) {
        char ch = s[i];
        unsigned d = (ch >= '0' && ch <= '9')   ? (unsigned)(ch - '0')
                     : (ch >= 'a' && ch <= 'f') ? (unsigned)(ch - 'a' + 10)
                     : (ch >= 'A' && ch <= 'F') ? (unsigned)(ch - 'A' + 10)
                                                : 16;
        if (d > 15)
            return false;
        v = v * 16 + d;
    }
    *out = rgb(v);
    return true;
}

zy_status zy_theme_colors_make(zy_theme theme, const char *palette, zy_theme_colors *t)
{
    memset(t, 0, sizeof *t);
    if (theme == ZY_THEME_DARK) {
        t->background = rgb(0x1B1D21);
        t->text = rgb(0xF0F0F0);
        t->muted = rgb(0xA8ADB5);
        t->grid = rgb(0x363A41);
        t->axis = rgb(0x8A9099);
        t->zero_line = rgb(0xD0D0D0);
        t->improved = rgb(0x56B4E9); /* sky blue: the dark blue is too dim on this background */
        t->declined = rgb(0xE3701E);
        t->subdued = rgb(0x50555D);
    } else {
        t->background = rgb(0xFFFFFF);
        t->text = rgb(0x1F1F1F);
        t->muted = rgb(0x5F6368);
        t->grid = rgb(0xE6E6E6);
        t->axis = rgb(0x9AA0A6);
        t->zero_line = rgb(0x3C4043);
        t->improved = rgb(0x0072B2);
        t->declined = rgb(0xD55E00);
        t->subdued = rgb(0xC4C8CE);
    }
    t->negative = rgb(0xD55E00);
    const unsigned *base = okabe_ito;
    size_t nbase = sizeof okabe_ito / sizeof okabe_ito[0];
    if (palette && strcmp(palette, "tableau") == 0) {
        base = tableau;
        nbase = sizeof tableau / sizeof tableau[0];
    } else if (palette && *palette && strcmp(palette, "okabe-ito") != 0) {
        const char *p = palette;
        while (*p && t->npalette < ZY_PALETTE_MAX) {
            size_t n = strcspn(p, ",");
            if (!parse_hex(p, n, &t->palette[t->npalette]))
                return ZY_ERR_USAGE;
            t->npalette++;
            p += n;
            if (*p == ',')
                p++;
        }
        return t->npalette ? ZY_OK : ZY_ERR_USAGE;
    }
    /* on the dark theme the Okabe–Ito blue is dim and sits too close to its sky blue: lead
     * with the sky blue, keep the dark blue last but one, and black (invisible) becomes grey */
    static const unsigned okabe_ito_dark[] = {0x56B4E9, 0xE69F00, 0x009E73, 0xCC79A7,
                                              0xF0E442, 0xD55E00, 0x0072B2, 0xBBBBBB};
    if (theme == ZY_THEME_DARK && base == okabe_ito)
        base = okabe_ito_dark;
    for (size_t i = 0; i < nbase; i++)
        t->palette[t->npalette++] = rgb(base[i]);
    return ZY_OK;
}

void zy_color_hex(zy_color c, char out[8])
{
    snprintf(out, 8, "#%02X%02X%02X", (unsigned)(c.r * 255 + 0.5) & 0xFF,
             (unsigned)(c.g * 255 + 0.5) & 0xFF, (unsigned)(c.b * 255 + 0.5) & 0xFF);
}

/* "#rrggbb" or "none"; false for anything else. */
bool zy_theme_parse_background(const char *text, zy_color *out)
{
    if (strcmp(text, "none") == 0) {
        *out = (zy_color){1, 1, 1, 0};
        return true;
    }
    unsigned v;
    char tail;
    if (text[0] != '#' || strlen(text) != 7 || strspn(text + 1, "0123456789abcdefABCDEF") != 6 ||
        sscanf(text + 1, "%6x%c", &v, &tail) != 1)
        return false;
    *out = (zy_color){((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0, 1};
    return true;
}
