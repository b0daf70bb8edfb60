/*
 * numeral.c: Japanese numeral parsing (see numeral.h).
 */
#include "extract/numeral.h"

#include <math.h>
#include <string.h>

int zy_kanji_numeral(const char *s, size_t len, double *value, int *is_multiplier)
{
    static const struct { const char *ch; double v; int mult; } table[] = {
        {"〇", 0, 0}, {"零", 0, 0}, {"一", 1, 0}, {"二", 2, 0}, {"三", 3, 0}, {"四", 4, 0},
        {"五", 5, 0}, {"六", 6, 0}, {"七", 7, 0}, {"八", 8, 0}, {"九", 9, 0}, {"十", 10, 1},
        {"百", 100, 1}, {"千", 1000, 1}, {"万", 1e4, 2}, {"億", 1e8, 2}, {"兆", 1e12, 2},
    };
    if (len < 3)
        return -1;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (memcmp(s, table[i].ch, 3) == 0) {
            *value = table[i].v;
            *is_multiplier = table[i].mult;
            return 0;
        }
    return -1;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Arabic run: digits, comma groups of three, one decimal point. */
static size_t parse_arabic(const char *s, size_t len, double *out, bool *decimal)
{
    size_t i = 0;
    double v = 0;
    while (i < len) {
        if (is_digit(s[i])) {
            v = v * 10 + (s[i] - '0');
            i++;
        } else if (s[i] == ',' && i > 0 && i + 3 < len + 1 && i + 3 <= len && is_digit(s[i + 1]) &&
                   is_digit(s[i + 2]) && is_digit(s[i + 3]) && (i + 4 >= len || !is_digit(s[i + 4]))) {
            i++;
        } else {
            break;
        }
    }
    if (i < len && s[i] == '.' && i + 1 < len && is_digit(s[i + 1])) {
        double scale = 0.1;
        i++;
        while (i < len && is_digit(s[i])) {
            v += (s[i] - '0') * scale;
            scale /= 10;
            i++;
        }
        *decimal = true;
    }
    *out = v;
    return i;
}

bool zy_numeral_parse(const char *s, size_t len, zy_numeral *out)
{
    memset(out, 0, sizeof *out);
    out->last_multiplier = 1;
    double total = 0, section = 0, cur = 0;
    bool have_cur = false, any = false, cur_kanji = false;
    size_t i = 0;
    while (i < len) {
        if (is_digit(s[i])) {
            if (have_cur)
                break; /* "3一" or two Arabic runs: stop */
            bool dec = false;
            size_t n = parse_arabic(s + i, len - i, &cur, &dec);
            out->decimal |= dec;
            out->arabic = true;
            have_cur = any = true;
            cur_kanji = false;
            i += n;
            continue;
        }
        double v;
        int mult;
        if (zy_kanji_numeral(s + i, len - i, &v, &mult) != 0)
            break;
        if (mult == 0) {
            if (have_cur && !cur_kanji)
                break;
            cur = have_cur ? cur * 10 + v : v;
            have_cur = any = cur_kanji = true;
            out->kanji_digits = true;
        } else if (mult == 1) {
            if (!any && !have_cur && i > 0)
                break;
            section += (have_cur ? cur : 1) * v;
            cur = 0;
            have_cur = false;
            any = true;
            out->kanji_digits = true;
        } else {
            if (!any)
                break; /* 万 alone is not a number */
            double part = section + (have_cur ? cur : 0);
            if (part == 0)
                part = 1;
            total += part * v;
            section = cur = 0;
            have_cur = false;
            out->last_multiplier = v;
        }
        i += 3;
    }
    if (!any)
        return false;
    out->value = total + section + (have_cur ? cur : 0);
    out->len = i;
    if (!isfinite(out->value))
        return false;
    /* a trailing comma or point belongs to the sentence */
    while (out->len > 0 && (s[out->len - 1] == ',' || s[out->len - 1] == '.'))
        out->len--;
    return true;
}
