/*
 * numbers.c: the pass of `zuhyo scan --numbers`: every bare number (a numeral with no unit,
 * counter or date around it) in the lines that tables and lists did not take, recorded as
 * kind ZY_KIND_NUMBER (合計は4万5600だった → 45600, 二十四 → 24, マイナス三・二 → -3.2,
 * 2/5 → 0.4). Figures are left to the prose pass; the line is the number's sentence.
 * May call: extract (scan, figure).
 */
#include "extract/scan.h"

/* Can a numeral start at t[i] (i < end)? Digits, and kanji numerals that do not go on from a
 * numeral before them (万, 億 and 兆 never start one). */
static bool numeral_starts(const char *t, size_t i, size_t end)
{
    if (t[i] >= '0' && t[i] <= '9')
        return true;
    double v;
    int mult;
    if ((unsigned char)t[i] < 0xE3 || zy_kanji_numeral(t + i, end - i, &v, &mult) != 0 || mult == 2)
        return false;
    return i < 3 || zy_kanji_numeral(t + i - 3, 3, &v, &mult) != 0;
}

/* The numbers of the line [a, b). */
static void scan_line(zy_scan_state *s, size_t a, size_t b)
{
    const char *t = s->norm.text;
    for (size_t i = a; i < b && s->status == ZY_OK;) {
        if (!numeral_starts(t, i, b)) {
            i++;
            continue;
        }
        zy_figure f;
        if (zy_figure_at(t, b, i, false, &f)) {
            i = f.end > i ? f.end : i + 1;
            continue;
        }
        if (zy_number_at(t, b, i, &f)) {
            zy_scan_add(s, &f, NULL, NULL, "prose", a, b, "", -1, -1, -1); /* record.c clips long lines */
            i = f.end > i ? f.end : i + 1;
            continue;
        }
        /* not a number here: step over the digits (a name such as GPT-4 or 3D) */
        i++;
        while (i < b && t[i] >= '0' && t[i] <= '9')
            i++;
    }
}

void zy_scan_numbers(zy_scan_state *s)
{
    for (size_t line = 0; line < s->nlines && s->status == ZY_OK; line++)
        if (!s->line_taken[line] && !s->lines[line].blank)
            scan_line(s, s->lines[line].start, s->lines[line].end);
}
