/*
 * number.c: numbers as a reader expects them on a chart. "ja" follows Japanese newspapers
 * (万/億/兆/京 with comma-grouped mantissas: 33億, 5,000億, 1億2,345万), "en" uses K/M/B/T,
 * "raw" prints the plain number. Used for value labels and axis ticks.
 * May call: libc only.
 */
#include "zuhyo/zuhyo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Append the integer part of a (>= 0, < 1e21) with comma groups. */
static void put_grouped_integer(char *dst, size_t cap, double a)
{
    char digits[64];
    snprintf(digits, sizeof digits, "%.0f", a);
    size_t n = strlen(digits), o = strlen(dst);
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            dst[o++] = ',';
        dst[o++] = digits[i];
    }
    dst[o] = '\0';
}

/* a with at most max_decimals decimals, trailing zeros removed, integer part grouped. */
static void put_decimal(char *dst, size_t cap, double a, int max_decimals)
{
    char text[64];
    snprintf(text, sizeof text, "%.*f", max_decimals, a);
    char *dot = strchr(text, '.');
    if (dot) {
        char *end = text + strlen(text) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    double int_part = floor(a + 0.5 * pow(10, -max_decimals));
    put_grouped_integer(dst, cap, int_part);
    dot = strchr(text, '.');
    if (dot)
        strncat(dst, dot, cap - strlen(dst) - 1);
}

/* Decimals needed to show m with 3 significant digits (0 for m >= 100). */
static int decimals_for_three_digits(double m)
{
    if (m >= 100)
        return 0;
    if (m >= 10)
        return 1;
    return 2;
}

static bool is_multiple(double a, double unit)
{
    double q = a / unit;
    return fabs(q - round(q)) <= 1e-9 * (q > 1 ? q : 1);
}

/* True when a/unit can be written exactly with at most two decimals. */
static bool short_decimal_exact(double a, double unit)
{
    return is_multiple(a * 100, unit);
}

/* a with exactly `decimals` decimals, integer part grouped. */
static void put_fixed(char *dst, size_t cap, double a, int decimals)
{
    char text[64];
    snprintf(text, sizeof text, "%.*f", decimals, a);
    char *dot = strchr(text, '.');
    double int_part = floor(a + 0.5 * pow(10, -decimals));
    put_grouped_integer(dst, cap, int_part);
    if (dot)
        strncat(dst, dot, cap - strlen(dst) - 1);
}

static void format_small(char *dst, size_t cap, double a, int fixed)
{
    if (fixed >= 0 && a < 1e21)
        put_fixed(dst, cap, a, fixed);
    else if (is_multiple(a, 1) && a < 1e21)
        put_grouped_integer(dst, cap, round(a));
    else if (a >= 1)
        put_decimal(dst, cap, a, 2);
    else {
        char text[64];
        snprintf(text, sizeof text, "%.3g", a);
        strncat(dst, text, cap - strlen(dst) - 1);
    }
}

static void format_ja(char *dst, size_t cap, double a, int fixed)
{
    static const struct { double unit; const char *name; } units[] = {
        {1e16, "京"}, {1e12, "兆"}, {1e8, "億"}, {1e4, "万"},
    };
    if (a < 1e4) {
        format_small(dst, cap, a, fixed);
        return;
    }
    if (a >= 1e24) {
        char text[64];
        snprintf(text, sizeof text, "%.3g", a);
        strncat(dst, text, cap - strlen(dst) - 1);
        return;
    }
    size_t u = 0;
    while (a < units[u].unit)
        u++;
    double unit = units[u].unit;
    double m = a / unit;
    if (fixed >= 0) {
        double p = pow(10, fixed);
        if (round(m * p) / p >= 1e4 && u > 0) {
            u--;
            m = a / units[u].unit;
        }
        put_fixed(dst, cap, m, fixed);
    } else if (is_multiple(a, unit)) {
        put_grouped_integer(dst, cap, round(m));
    } else if (short_decimal_exact(a, unit)) {
        put_decimal(dst, cap, m, 2);
    } else if (u < 3 && is_multiple(a, unit / 1e4)) {
        double hi = floor(m);
        double lo = round((a - hi * unit) / (unit / 1e4));
        put_grouped_integer(dst, cap, hi);
        strncat(dst, units[u].name, cap - strlen(dst) - 1);
        put_grouped_integer(dst, cap, lo);
        strncat(dst, units[u + 1].name, cap - strlen(dst) - 1);
        return;
    } else {
        int decimals = decimals_for_three_digits(m);
        double p = pow(10, decimals);
        double rounded = round(m * p) / p;
        if (rounded >= 1e4 && u > 0) {
            u--;
            unit = units[u].unit;
            m = a / unit;
            decimals = decimals_for_three_digits(m);
            put_decimal(dst, cap, m, decimals);
        } else {
            put_decimal(dst, cap, rounded, decimals);
        }
    }
    strncat(dst, units[u].name, cap - strlen(dst) - 1);
}

static void format_en(char *dst, size_t cap, double a, int fixed)
{
    static const struct { double unit; const char *name; } units[] = {
        {1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"},
    };
    if (a < 1e4) {
        format_small(dst, cap, a, fixed);
        return;
    }
    if (a >= 1e18) {
        char text[64];
        snprintf(text, sizeof text, "%.3g", a);
        strncat(dst, text, cap - strlen(dst) - 1);
        return;
    }
    size_t u = 0;
    while (a < units[u].unit)
        u++;
    double m = a / units[u].unit;
    if (fixed >= 0) {
        double q = pow(10, fixed);
        if (round(m * q) / q >= 1000 && u > 0) {
            u--;
            m = a / units[u].unit;
        }
        put_fixed(dst, cap, m, fixed);
        strncat(dst, units[u].name, cap - strlen(dst) - 1);
        return;
    }
    int decimals = decimals_for_three_digits(m);
    double p = pow(10, decimals);
    double rounded = round(m * p) / p;
    if (rounded >= 1000 && u > 0) {
        u--;
        rounded = round(a / units[u].unit * 100) / 100;
        decimals = 2;
    }
    put_decimal(dst, cap, rounded, decimals);
    strncat(dst, units[u].name, cap - strlen(dst) - 1);
}

static void format_raw(char *dst, size_t cap, double a, int fixed)
{
    char text[64];
    if (fixed >= 0 && a < 1e15)
        snprintf(text, sizeof text, "%.*f", fixed, a);
    else if (is_multiple(a, 1) && a < 1e15)
        snprintf(text, sizeof text, "%.0f", a);
    else
        snprintf(text, sizeof text, "%.15g", a);
    strncat(dst, text, cap - strlen(dst) - 1);
}

static size_t format_number(char *out, size_t cap, double value, zy_number_format format,
                            const char *unit, int fixed, const char *sign)
{
    char text[512] = "";
    if (isnan(value)) {
        strcpy(text, "NaN");
    } else if (isinf(value)) {
        strcpy(text, value < 0 ? "-∞" : "∞");
    } else {
        double a = fabs(value);
        /* -0 and values that round to zero print as "0" without a sign */
        double zero = fixed >= 0 ? 0.5 * pow(10, -fixed) : 5e-4;
        bool negative = value < 0 && !(format != ZY_NUMBER_RAW && a < zero);
        if (negative)
            strcpy(text, sign);
        switch (format) {
        case ZY_NUMBER_EN: format_en(text, sizeof text, a, fixed); break;
        case ZY_NUMBER_RAW: format_raw(text, sizeof text, a, fixed); break;
        case ZY_NUMBER_JA:
        default:
            /* a unit that is itself a myriad (万人, 億円): 12,000万人, not 1.2万万人 */
            if (unit && a < 1e20 && (strncmp(unit, "万", 3) == 0 || strncmp(unit, "億", 3) == 0 ||
                                     strncmp(unit, "兆", 3) == 0))
                format_small(text, sizeof text, a, fixed);
            else
                format_ja(text, sizeof text, a, fixed);
            break;
        }
        if (strcmp(text, "-0") == 0)
            strcpy(text, "0");
    }
    if (unit && *unit) {
        unsigned char first = (unsigned char)unit[0];
        bool ascii_word = first < 0x80 && first != '%' && first != '$';
        if (ascii_word || (format != ZY_NUMBER_JA && first != '%'))
            strncat(text, " ", sizeof text - strlen(text) - 1);
        strncat(text, unit, sizeof text - strlen(text) - 1);
    }
    size_t n = strlen(text);
    if (cap) {
        size_t copy = n < cap - 1 ? n : cap - 1;
        memcpy(out, text, copy);
        out[copy] = '\0';
    }
    return n;
}

size_t zy_format_number(char *out, size_t cap, double value, zy_number_format format,
                        const char *unit)
{
    return format_number(out, cap, value, format, unit, -1, "-");
}

size_t zy_format_number_styled(char *out, size_t cap, double value, zy_number_format format,
                               const char *unit, int decimals, zy_negative_style negative)
{
    const char *sign = format == ZY_NUMBER_RAW           ? "-"
                       : negative == ZY_NEGATIVE_TRIANGLE ? "▲"
                                                          : "\u2212";
    return format_number(out, cap, value, format, unit, decimals > 9 ? 9 : decimals, sign);
}
