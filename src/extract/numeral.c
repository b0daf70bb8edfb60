/*
 * numeral.c: Japanese numeral parsing (see numeral.h).
 */
#include "extract/numeral.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

int zy_kanji_numeral(const char *s, size_t len, double *value, int *is_multiplier)
{
    if (len < 3 || (unsigned char)s[0] < 0xE3 || (unsigned char)s[0] > 0xE9)
        return -1;
    int32_t cp = ((int32_t)((unsigned char)s[0] & 0x0F) << 12) |
                 ((int32_t)((unsigned char)s[1] & 0x3F) << 6) | ((unsigned char)s[2] & 0x3F);
    double v;
    int mult = 0;
    switch (cp) {
    case 0x3007: /* 〇 */
    case 0x96F6: v = 0; break; /* 零 */
    case 0x4E00: v = 1; break;
    case 0x4E8C: v = 2; break;
    case 0x4E09: v = 3; break;
    case 0x56DB: v = 4; break;
    case 0x4E94: v = 5; break;
    case 0x516D: v = 6; break;
    case 0x4E03: v = 7; break;
    case 0x516B: v = 8; break;
    case 0x4E5D: v = 9; break;
    case 0x5341: v = 10, mult = 1; break;   /* 十 */
    case 0x767E: v = 100, mult = 1; break;  /* 百 */
    case 0x5343: v = 1000, mult = 1; break; /* 千 */
    case 0x4E07: v = 1e4, mult = 2; break;  /* 万 */
    case 0x5104: v = 1e8, mult = 2; break;  /* 億 */
    case 0x5146: v = 1e12, mult = 2; break; /* 兆 */
    default: return -1;
    }
    *value = v;
    *is_multiplier = mult;
    return 0;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Arabic run: digits, comma groups of three, one decimal point. */
static size_t parse_arabic(const char *s, size_t len, double *out, bool *decimal)
{
    size_t i = 0;
    /* whole digits go into an integer while the double would hold it exactly (the same value,
     * without a chain of floating-point multiplies), then on in double as before */
    uint64_t whole = 0;
    bool in_double = false;
    double v = 0;
    while (i < len) {
        if (is_digit(s[i])) {
            if (!in_double && whole < ((uint64_t)1 << 53) / 10) {
                whole = whole * 10 + (uint64_t)(s[i] - '0');
            } else {
                if (!in_double)
                    v = (double)whole;
                in_double = true;
                v = v * 10 + (s[i] - '0');
            }
            i++;
        } else if (s[i] == ',' && i > 0 && i + 3 < len + 1 && i + 3 <= len && is_digit(s[i + 1]) &&
                   is_digit(s[i + 2]) && is_digit(s[i + 3]) && (i + 4 >= len || !is_digit(s[i + 4]))) {
            i++;
        } else {
            break;
        }
    }
    if (!in_double)
        v = (double)whole;
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

/* Is s[0..len) a 万, 億 or 兆? *value gets it. */
static bool large_multiplier_at(const char *s, size_t len, double *value)
{
    int mult;
    return zy_kanji_numeral(s, len, value, &mult) == 0 && mult == 2;
}

/* A space inside a spaced numeral ("12 万", "1 億 2000 万"): before 万/億/兆 after digits, or
 * after one of them before digits that end in a smaller one. Tables separate cells with
 * spaces, so "2024 12" and "3 5" stay two numbers. */
static bool space_continues(const char *s, size_t len, size_t i, bool any, bool after_multiplier,
                            double last_multiplier)
{
    if (i + 1 >= len || s[i + 1] == ' ')
        return false;
    double v;
    if (any && !after_multiplier && large_multiplier_at(s + i + 1, len - i - 1, &v))
        return true;
    if (!after_multiplier || !is_digit(s[i + 1]))
        return false;
    size_t k = i + 1;
    while (k < len && is_digit(s[k]))
        k++;
    if (k < len && s[k] == ' ')
        k++;
    return large_multiplier_at(s + k, len - k, &v) && v < last_multiplier;
}

bool zy_numeral_parse(const char *s, size_t len, zy_numeral *out)
{
    memset(out, 0, sizeof *out);
    out->last_multiplier = 1;
    double total = 0, section = 0, cur = 0;
    bool have_cur = false, any = false, cur_kanji = false;
    size_t i = 0;
    bool after_multiplier = false;
    while (i < len) {
        if (s[i] == ' ') {
            if (!space_continues(s, len, i, any, after_multiplier, out->last_multiplier))
                break;
            i++;
            continue;
        }
        after_multiplier = false;
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
            after_multiplier = true;
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
