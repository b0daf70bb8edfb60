/*
 * rows.c: the pieces every block reader needs (see rows.h): tables with captions, row
 * subjects with aliases and countries, years in captions and headers, the lead year.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/rows.h"
#include "util/utf8.h"

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

long zy_rows_add_table(zy_scan_state *s, size_t start, size_t a, size_t b)
{
    zy_document *d = s->doc;
    zy_table_info *grown = realloc(d->tables, (d->ntables + 1) * sizeof *grown);
    if (!grown) {
        s->status = ZY_ERR_NOMEM;
        return -1;
    }
    d->tables = grown;
    size_t from = zy_norm_orig(&s->norm, a), to = zy_norm_orig(&s->norm, b);
    char *caption = zy_utf8_clean_copy(s->bytes + from, to - from);
    if (!caption) {
        s->status = ZY_ERR_NOMEM;
        return -1;
    }
    long id = (long)(d->first_table + d->ntables);
    d->tables[d->ntables++] = (zy_table_info){caption, zy_norm_orig(&s->norm, start)};
    return id;
}

/* Copy t[a, b) into out (at most cap - 1 bytes, cut at a character boundary). */
static void copy_name(const char *t, size_t a, size_t b, char *out, size_t cap)
{
    size_t n = b - a < cap - 1 ? b - a : cap - 1;
    while (n > 0 && n < b - a && ((unsigned char)t[a + n] & 0xC0) == 0x80)
        n--;
    memcpy(out, t + a, n);
    out[n] = '\0';
}

/* Can the bracket t[a, b) after a name be its alias? Not a note (注1, ※), a placeholder (新規,
 * 予定), a qualifier (連結, 税込) or anything with a digit. */
static bool plausible_alias(const char *t, size_t a, size_t b)
{
    static const char *const refused[] = {"新規", "予定", "見込み", "推定", "概算", "速報", "税込", "税抜",
                                          "連結", "単体", "暫定", "参考", "未上場", "上場", "非公開", NULL};
    if (b <= a || b - a > 60 || zy_starts_with(t, b, a, "注") || zy_rows_contains(t, a, b, "※") ||
        zy_rows_contains(t, a, b, "*"))
        return false;
    for (size_t i = a; i < b; i++)
        if (is_digit(t[i]))
            return false;
    for (size_t k = 0; refused[k]; k++)
        if (strlen(refused[k]) == b - a && memcmp(t + a, refused[k], b - a) == 0)
            return false;
    return true;
}

#define LEARNT_NAMES_MAX 256 /* names one batch may teach: a 100,000-row table teaches no more */

zy_subject zy_rows_subject(zy_scan_state *s, size_t a, size_t b, size_t alias_a, size_t alias_b)
{
    const char *t = s->norm.text;
    if (alias_b > alias_a && !plausible_alias(t, alias_a, alias_b))
        alias_a = alias_b = 0; /* "アルファ (新規)": the name alone */
    while (a < b && t[a] == ' ')
        a++;
    while (b > a && t[b - 1] == ' ')
        b--;
    zy_subject sub = {a, b, -1, NULL, NULL};
    sub.entity = zy_entities_lookup(s->entities, t + a, b - a, true);
    if (sub.entity < 0 && alias_b > alias_a)
        sub.entity = zy_entities_lookup(s->entities, t + alias_a, alias_b - alias_a, true);
    if (sub.entity < 0 && alias_b > alias_a && b > a && s->learnt_names < LEARNT_NAMES_MAX) {
        s->learnt_names++;
        /* a name with its alias in brackets teaches the alias on the fly */
        char name[256], alias[256];
        copy_name(t, a, b, name, sizeof name);
        copy_name(t, alias_a, alias_b, alias, sizeof alias);
        if (zy_entities_add(s->entities, name, "company", "", alias) != ZY_OK)
            s->status = ZY_ERR_NOMEM;
        sub.entity = zy_entities_lookup(s->entities, t + a, b - a, true);
    }
    if (alias_b > alias_a)
        sub.end = alias_b + (alias_b < s->norm.len && t[alias_b] == ')' ? 1 : 0);
    return sub;
}

const char *zy_rows_country(zy_scan_state *s, size_t a, size_t b)
{
    const char *t = s->norm.text;
    while (a < b && (t[a] == '(' || t[a] == ' '))
        a++;
    while (b > a && (t[b - 1] == ')' || t[b - 1] == ' '))
        b--;
    if (b <= a)
        return NULL;
    long e = zy_entities_lookup(s->entities, t + a, b - a, true);
    if (e >= 0 && strcmp(s->entities->entities[e].type, "country") == 0)
        return s->entities->entities[e].name;
    return NULL;
}


int zy_rows_year_in(const zy_scan_state *s, size_t a, size_t b, bool allow_bare)
{
    const char *t = s->norm.text;
    for (size_t i = a; i < b; i++) {
        if (!is_digit(t[i]) || (i > a && is_digit(t[i - 1])))
            continue;
        size_t n = 0;
        while (i + n < b && is_digit(t[i + n]))
            n++;
        if (n > 4) { /* no year: 12345678901234567890年 */
            i += n - 1;
            continue;
        }
        zy_figure f;
        if (zy_figure_at(t, b, i, false, &f) && f.kind == ZY_KIND_DATE && f.year >= 1800 && f.year <= 2100)
            return f.year; /* the grammar's reading first: 令和5年, FY24, 99年 */
        int v = atoi(t + i);
        bool nen = zy_starts_with(t, b, i + n, "年");
        bool fy = i >= a + 2 && (t[i - 2] == 'F' || t[i - 2] == 'f') && (t[i - 1] == 'Y' || t[i - 1] == 'y');
        if (n == 4 && v >= 1800 && v <= 2100 && (nen || fy || allow_bare) &&
            (i + n >= b || t[i + n] != '.'))
            return v;
        if (n == 2 && nen) /* "(20年の順位)": a two-digit year in a header */
            return 2000 + v;
        i += n - 1;
    }
    return 0;
}

/* A bare year in the title (the first line): "ランキング2024、…", "白書 2025" (four digits,
 * 1900 to 2100, not part of a larger number or followed by a unit). */
static int title_year(const zy_scan_state *s, size_t *title_end)
{
    const char *t = s->norm.text;
    size_t l = 0;
    *title_end = 0;
    while (l < s->nlines && s->lines[l].blank)
        l++;
    if (l >= s->nlines)
        return 0;
    size_t a = s->lines[l].start, b = s->lines[l].end;
    *title_end = b;
    for (size_t i = a; i + 4 <= b; i++) {
        if (!is_digit(t[i]) || (i > a && (is_digit(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == ',')))
            continue;
        zy_figure f;
        if (zy_figure_at(t, b, i, true, &f) && f.bare && f.start == i && f.end == i + 4 && f.value >= 1900 &&
            f.value <= 2100 && (f.end == b || !is_digit(t[f.end])))
            return (int)f.value;
        while (i + 1 < b && is_digit(t[i + 1]))
            i++;
    }
    return 0;
}

int zy_rows_lead_year(zy_scan_state *s)
{
    if (s->lead_year_known)
        return s->lead_year;
    s->lead_year_known = true;
    s->lead_year = 0;
    const char *t = s->norm.text;
    size_t title_end;
    int titled = title_year(s, &title_end);
    for (size_t i = 0; i + 4 < s->norm.len; i++) {
        if (!is_digit(t[i]) || (i > 0 && is_digit(t[i - 1])))
            continue;
        zy_figure f;
        if (zy_figure_at(t, s->norm.len, i, false, &f) && f.kind == ZY_KIND_DATE && f.year >= 1800 &&
            !f.two_digit_year && !zy_starts_with(t, s->norm.len, f.end, "まで") &&
            !zy_starts_with(t, s->norm.len, f.end, "以来") && !zy_starts_with(t, s->norm.len, f.end, "以降")) {
            s->lead_year = f.year;
            return f.year;
        }
        while (i + 1 < s->norm.len && is_digit(t[i + 1]))
            i++;
        if (titled && i >= title_end)
            break; /* past the title: its bare year leads */
    }
    s->lead_year = titled;
    return titled;
}

int zy_rows_period_in(const zy_scan_state *s, size_t a, size_t b, int *month)
{
    const char *t = s->norm.text;
    *month = 0;
    for (size_t i = a; i < b; i++) {
        if (!is_digit(t[i]) || (i > a && is_digit(t[i - 1])))
            continue;
        zy_figure f;
        if (zy_figure_at(t, b, i, false, &f) && f.kind == ZY_KIND_DATE && f.year >= 1800 && !f.two_digit_year) {
            *month = f.month;
            return f.year;
        }
        while (i + 1 < b && is_digit(t[i + 1]))
            i++;
    }
    return zy_rows_year_in(s, a, b, false);
}

void zy_rows_time_iso(int year, int month, char out[16])
{
    zy_rows_year_iso(year, out);
    if (out[0] && month >= 1 && month <= 12) {
        out[4] = '-';
        out[5] = (char)('0' + month / 10);
        out[6] = (char)('0' + month % 10);
        out[7] = '\0';
    }
}

void zy_rows_year_iso(int year, char out[16])
{
    out[0] = '\0';
    if (year <= 0 || year > 9999)
        return;
    for (int k = 3; k >= 0; k--, year /= 10)
        out[k] = (char)('0' + year % 10);
    out[4] = '\0';
}

bool zy_rows_contains(const char *t, size_t a, size_t b, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = a; i + n <= b; i++)
        if (memcmp(t + i, word, n) == 0)
            return true;
    return false;
}

/* List numbering used as a bullet: "1. X", "12) X" (1 to 3 digits, then . or ), then a blank or
 * a character that is not a digit, %, or a unit: "1.5%" and "3)の" are not numbering). */
static size_t numbering_at(const char *t, size_t a, size_t i, size_t b)
{
    size_t d = i;
    while (d < b && d - i < 4 && t[d] >= '0' && t[d] <= '9')
        d++;
    if (d == i || d - i > 3 || d + 1 >= b || (t[d] != '.' && t[d] != ')'))
        return 0;
    size_t e = d + 1;
    if (t[e] != ' ' && t[e] != '\t' && (unsigned char)t[e] < 0xE3)
        return 0; /* "1.5", "2.Windows" stay; "1. X" and "1.トヨタ" are numbered */
    while (e < b && (t[e] == ' ' || t[e] == '\t'))
        e++;
    return e < b ? e - a : 0;
}

size_t zy_list_bullet_at(const char *t, size_t a, size_t b)
{
    static const char *const bullets[] = {"- ", "-", "・", "•", "○", "●", "◆", "◇", "■", "□", "▪", "* ", "+ ", NULL};
    size_t i = a;
    while (i < b && (t[i] == ' ' || t[i] == '\t'))
        i++;
    unsigned char c = i < b ? (unsigned char)t[i] : 0;
    if (c >= '0' && c <= '9')
        return numbering_at(t, a, i, b);
    if (c != '-' && c != '*' && c != '+' && c != 0xE2 && c != 0xE3)
        return 0; /* what every bullet starts with: most lines are told apart here */
    for (size_t k = 0; bullets[k]; k++) {
        size_t n = strlen(bullets[k]);
        if (i + n <= b && memcmp(t + i, bullets[k], n) == 0) {
            /* "-5%" and "-3" are negative figures, not bullets */
            if (bullets[k][0] == '-' && n == 1 && i + 1 < b && t[i + 1] >= '0' && t[i + 1] <= '9')
                return 0;
            size_t e = i + n;
            while (e < b && (t[e] == ' ' || t[e] == '\t'))
                e++;
            return e - a;
        }
    }
    return 0;
}

/* "1" and the unit t[a, b) as a figure to read, with the currency signs that follow a scale in
 * headers spelt as words (百万US$ → 1百万ドル). Returns the probe's length. */
static size_t unit_probe(const char *t, size_t a, size_t b, char probe[64])
{
    static const struct { const char *sign, *word; } signs[] = {
        {"US$", "ドル"}, {"$", "ドル"}, {"€", "ユーロ"}, {"£", "ポンド"}, {"¥", "円"}, {NULL, NULL}};
    size_t n = 0;
    if (a >= b || !is_digit(t[a]))
        probe[n++] = '1'; /* "10億米ドル" is its own figure; "百万円" is one of it */
    for (size_t i = a; i < b && n < 56;) {
        size_t k = 0;
        while (signs[k].sign && !zy_starts_with(t, b, i, signs[k].sign))
            k++;
        if (signs[k].sign) {
            size_t wl = strlen(signs[k].word);
            if (n + wl >= 63)
                break; /* a unit never runs this long */
            memcpy(probe + n, signs[k].word, wl);
            n += wl;
            i += strlen(signs[k].sign);
        } else {
            probe[n++] = t[i++];
        }
    }
    probe[n] = '\0';
    return n;
}

/* Where the unit after "単位:" or "単位は" ends: a blank, a bracket, 、 or the end of a clause
 * ("単位は億ドルです。"). */
static size_t unit_word_end(const char *t, size_t p, size_t b)
{
    size_t e = p;
    while (e < b && !is_blank(t[e]) && t[e] != ')' && !zy_starts_with(t, b, e, "、") &&
           !zy_starts_with(t, b, e, "。") && !zy_starts_with(t, b, e, "で") && !zy_starts_with(t, b, e, "と"))
        e++;
    return e;
}

/* Add the parts of the bracket t[p, e) between its 、 as candidates ("(単位:億円、%)": 億円 and
 * %; "(2024年、万台)": 2024年 and 万台). */
static size_t bracket_parts(const char *t, size_t p, size_t e, size_t *ca, size_t *cb, size_t n, size_t cap)
{
    if (zy_starts_with(t, e, p, "単位:"))
        p += strlen("単位:");
    size_t part = p;
    for (size_t q = p; q <= e && n < cap; q++) {
        if (q < e && !zy_starts_with(t, e, q, "、"))
            continue;
        ca[n] = zy_starts_with(t, q, part, "単位:") ? part + strlen("単位:") : part;
        cb[n++] = q;
        part = q + 3;
        q += 2;
    }
    return n;
}

bool zy_rows_unit_in(const char *t, size_t a, size_t b, zy_figure *unit)
{
    enum { CANDIDATES = 12 };
    size_t cand_a[CANDIDATES + 1], cand_b[CANDIDATES + 1], n = 0;
    for (size_t i = a; i < b && n < CANDIDATES - 2; i++) {
        if (t[i] == '(') {
            size_t e = i + 1;
            while (e < b && t[e] != ')')
                e++;
            n = bracket_parts(t, i + 1, e, cand_a, cand_b, n, CANDIDATES - 2);
            i = e;
        } else if (zy_starts_with(t, b, i, "単位:") || zy_starts_with(t, b, i, "単位は")) {
            size_t p = i + (t[i + strlen("単位")] == ':' ? strlen("単位:") : strlen("単位は"));
            while (p < b && is_blank(t[p]))
                p++;
            cand_a[n] = p;
            cand_b[n++] = unit_word_end(t, p, b);
        }
    }
    cand_a[n] = a;
    cand_b[n++] = b;
    /* a table's unit is the amounts' one: "単位:億円、%" gives 億円 (rate columns say % in their
     * header); % is the unit only when nothing else is */
    bool found = false;
    for (size_t k = 0; k < n; k++) {
        size_t ca = cand_a[k], cb = cand_b[k];
        while (ca < cb && is_blank(t[ca]))
            ca++;
        while (cb > ca && is_blank(t[cb - 1]))
            cb--;
        /* "(百万円未満切捨て)", "(千円未満四捨五入)": the amounts are in 百万円 */
        for (size_t q = ca; q + 6 <= cb; q++)
            if (zy_starts_with(t, cb, q, "未満") && q > ca) {
                cb = q;
                break;
            }
        if (cb <= ca || cb - ca > 40)
            continue;
        char probe[64];
        size_t len = unit_probe(t, ca, cb, probe);
        zy_figure f;
        if (zy_figure_at(probe, len, 0, false, &f) && f.end == len && f.kind != ZY_KIND_DATE &&
            f.kind != ZY_KIND_DURATION && f.kind != ZY_KIND_AGE && f.kind != ZY_KIND_RANK) {
            if (f.kind != ZY_KIND_PERCENT) {
                *unit = f;
                return true;
            }
            if (!found)
                *unit = f;
            found = true;
        }
    }
    return found;
}
