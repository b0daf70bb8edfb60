/*
 * owner_block.c: whose is a figure on a row whose label names an attribute (売上高, 資本金,
 * 設立年月日) rather than an owner, as in a company's profile or results table: the company
 * the block's name row gives ("(1) 名称 株式会社ミドリ樹脂", "社名:X"), else the name of a
 * heading above it ("■ 北斗ゲームス", "【X】", "Xの業績"), else the article's own company (a registry
 * line near the top, "株式会社X" alone on a line, or the name its headline opens with).
 * Called by record.c (block owners) and document.c (the article's owner, once per batch).
 * May call: extract (scan, entities, prose's headline names).
 */
#include <string.h>

#include "extract/prose.h"

#define OWNER_LOOKBACK 15  /* lines above a row searched for its block's name */
#define HEAD_LINES 12      /* lines at the top searched for the article's company */

static bool starts(const char *t, size_t p, size_t end, const char *w)
{
    size_t n = strlen(w);
    return p + n <= end && memcmp(t + p, w, n) == 0;
}

static size_t skip_spaces(const char *t, size_t p, size_t end)
{
    while (p < end && (t[p] == ' ' || t[p] == '\t'))
        p++;
    return p;
}


/* A name [a, b): trimmed, without a reading or code in brackets after it; false when it does
 * not look like one (empty, too long, a number). */
static bool name_range(const char *t, size_t a, size_t b, zy_subject *out, const zy_scan_state *s)
{
    a = skip_spaces(t, a, b);
    for (size_t i = a; i < b; i++)
        if (t[i] == '(' || t[i] == ' ' || starts(t, i, b, "、") || starts(t, i, b, "。")) {
            b = i;
            break;
        }
    if (b <= a || b - a > 60 || (t[a] >= '0' && t[a] <= '9'))
        return false;
    *out = (zy_subject){a, b, zy_entities_lookup(s->entities, t + a, b - a, true), NULL, NULL};
    return true;
}

/* "(1) 名称 株式会社X", "社名:X", "会社名　X": the name a profile row gives. */
static bool profile_name_row(const zy_scan_state *s, const zy_line *ln, zy_subject *out)
{
    const char *t = s->norm.text;
    size_t p = skip_spaces(t, ln->start, ln->end);
    if (p < ln->end && t[p] == '(') { /* (1) */
        while (p < ln->end && t[p] != ')')
            p++;
        p += p < ln->end;
    }
    p = skip_spaces(t, p, ln->end);
    static const char *const keys[] = {"会社名", "社名", "名称", "商号", "企業名"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        if (starts(t, p, ln->end, keys[k])) {
            size_t q = p + strlen(keys[k]);
            if (q < ln->end && t[q] != ':' && t[q] != ' ')
                return false;
            while (q < ln->end && (t[q] == ':' || t[q] == ' '))
                q++;
            return name_range(t, q, ln->end, out, s);
        }
    return false;
}

/* "■ X", "● X の業績", "【X】": the name a heading gives (not 【会社概要】 and the like). */
static bool heading_name(const zy_scan_state *s, const zy_line *ln, zy_subject *out)
{
    const char *t = s->norm.text;
    size_t p = skip_spaces(t, ln->start, ln->end);
    static const char *const marks[] = {"■", "□", "●", "◆", "◇", "▼", "▶", "★", "◎"};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
        if (starts(t, p, ln->end, marks[k])) {
            p = skip_spaces(t, p + strlen(marks[k]), ln->end);
            size_t e = p;
            while (e < ln->end && !starts(t, e, ln->end, "の") && t[e] != ':')
                e++;
            return name_range(t, p, e, out, s) && out->end - out->start >= 6;
        }
    /* "ミドリ樹脂の業績", "ツバキ電機の会社概要": a caption naming whose the block is */
    static const char *const whose[] = {"の業績", "の決算", "の会社概要", "の概要", "の財務"};
    for (size_t k = 0; k < sizeof whose / sizeof whose[0] && !ln->period && ln->end - p <= 90; k++)
        for (size_t e = p + 3; e + strlen(whose[k]) <= ln->end; e++)
            if (starts(t, e, ln->end, whose[k]))
                return name_range(t, p, e, out, s) && out->end - out->start >= 6;
    if (starts(t, p, ln->end, "【")) {
        size_t e = p + 3;
        while (e < ln->end && !starts(t, e, ln->end, "】"))
            e++;
        static const char *const generic[] = {"概要", "会社", "決算", "業績", "ポイント", "まとめ", "参考", "注"};
        for (size_t a = p + 3; a < e; a++)
            for (size_t g = 0; g < sizeof generic / sizeof generic[0]; g++)
                if (starts(t, a, e, generic[g]))
                    return false;
        return e < ln->end && name_range(t, p + 3, e, out, s) && out->end - out->start >= 6;
    }
    return false;
}

bool zy_block_owner(const zy_scan_state *s, size_t at, zy_subject *out)
{
    if (s->nlines == 0)
        return false;
    size_t l = zy_line_at(s, at);
    for (size_t k = 1; k <= OWNER_LOOKBACK && k <= l; k++) {
        const zy_line *ln = &s->lines[l - k];
        if (ln->blank)
            continue;
        if (profile_name_row(s, ln, out)) {
            out->basis = "profile-name";
            return true;
        }
        if (heading_name(s, ln, out)) {
            out->basis = "heading";
            return true;
        }
    }
    if (s->article_owner.end > s->article_owner.start) {
        *out = s->article_owner;
        return true;
    }
    return false;
}

/* "株式会社X" or "X株式会社" alone on a line (an issuer's line under the date). */
static bool company_line(const zy_scan_state *s, const zy_line *ln, zy_subject *out)
{
    const char *t = s->norm.text;
    size_t a = skip_spaces(t, ln->start, ln->end), b = ln->end;
    while (b > a && t[b - 1] == ' ')
        b--;
    bool formal = starts(t, a, b, "株式会社") || (b - a > 12 && memcmp(t + b - 12, "株式会社", 12) == 0);
    return formal && b - a <= 60 && !ln->period && name_range(t, a, b, out, s);
}

void zy_find_article_owner(zy_scan_state *s)
{
    s->article_owner = (zy_subject){0, 0, -1, NULL, NULL};
    const char *t = s->norm.text;
    size_t first = s->nlines;
    for (size_t l = 0; l < s->nlines && l < HEAD_LINES; l++) {
        const zy_line *ln = &s->lines[l];
        if (ln->blank)
            continue;
        first = first < s->nlines ? first : l;
        zy_subject o;
        if (profile_name_row(s, ln, &o) || company_line(s, ln, &o)) {
            o.basis = "article-owner";
            s->article_owner = o;
            return;
        }
    }
    size_t a, b;
    if (first < s->nlines && zy_headline_name(t, s->lines[first].start, s->lines[first].end, &a, &b)) {
        s->article_owner = (zy_subject){a, b, zy_entities_lookup(s->entities, t + a, b - a, true), NULL,
                                        "article-owner"};
    }
}
