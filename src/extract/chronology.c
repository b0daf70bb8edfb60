/*
 * chronology.c: chronologies (年表), read as blocks after tables and before lists and prose.
 * Three shapes:
 *   a year (or year and month) on a line of its own ("1889", "1889年", "2006年(平成18年)",
 *   "1981 09月") over its events until the next year: each bulleted line (◆ ・ - ●) is an
 *   event, and "M月" / "M月D日" opening a line refine its date; lines without bullets are one
 *   event, a title and its description;
 *   runs of two or more dated event lines ("2013年7月: …", "2022/11/30 …",
 *   "- 2022年11月30日|…"), with the lines under each event that tell more of it;
 *   headings that are a name with its year in brackets ("創立(1889年)", "~製品名(1983年)").
 * Each event is a date fact. Its subject is what the event names: a 「…」 name, a Latin
 * product name opening it, a company shape (株式会社…), a dictionary or shape name acting in
 * it (never a person, X氏, nor a country); else the article's own subject, the organisation
 * the text around the chronology names most often (found once for all its events; a company
 * shape found so is learnt for the document, so prose knows it too). Its measure is founded,
 * release or none. The other figures of an event's lines get the event's date as their time
 * and its subject. The lines read are marked taken, so prose does not read them again; rows
 * of a series ("2023年 | 9.1%") are not events and are left alone.
 * May call: extract (scan, figure, entities, charset, zy_measure_near).
 */
#include <stdlib.h>
#include <string.h>

#include "extract/charset.h"
#include "extract/scan.h"

#define EVENT_ENTITIES 32     /* names looked at in an event's first sentence */
#define CANDIDATES 64         /* distinct names counted for the article's subject */
#define LINE_ENTITIES 64      /* names read per line when counting them */
#define YEAR_LINE_BYTES 64    /* a year line is short */
#define PLAIN_EVENT_BYTES 300 /* a longer line is prose, not a detail of an unbulleted event */
#define PLAIN_LINES 12        /* lines of one year's events when they have no bullets */
#define YEAR_BULLETS 40       /* bulleted events under one year */
#define DETAIL_LINES 8        /* lines telling more of one dated event */
#define HEADING_NAME_BYTES 90 /* the name in "name(1889年)" */
#define QUOTED_NAME_BYTES 90  /* a 「name」 */
#define HEAD_BYTES 600        /* where an event's subject and measure are looked for */
/* The article's subject is looked for from this far before its first event to this far
 * after it: an article's length, so a batch of many articles is not read twice over. */
#define SUBJECT_BEFORE (4 * 1024)
#define SUBJECT_AFTER (4 * 1024)

typedef struct chronology {
    zy_scan_state *s;
    const char *t;            /* s->norm.text */
    size_t subject_from, subject_to; /* the text the article's subject was looked for in … */
    zy_subject article;       /* … and what it is (end 0: none) */
} chronology;

typedef struct word {
    const char *text;
    size_t len;
} word;

/* ---- characters ---- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_latin(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static bool is_kanji(uint32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005; }
static bool is_katakana(uint32_t cp) { return cp >= 0x30A1 && cp <= 0x30FE && cp != 0x30FB; }

static uint32_t char_at(const char *t, size_t at, size_t end, size_t *len)
{
    if (at >= end) {
        *len = 0;
        return 0;
    }
    uint32_t cp = zy_char_at(t + at, len);
    if (at + *len > end) {
        *len = end - at;
        return 0;
    }
    return cp;
}

static bool word_at(const char *t, size_t end, size_t at, const word *words, size_t n, size_t *len)
{
    for (size_t w = 0; w < n; w++)
        if (zy_starts_with_n(t, end, at, words[w].text, words[w].len)) {
            *len = words[w].len;
            return true;
        }
    return false;
}

static size_t skip_blanks(const char *t, size_t a, size_t b)
{
    while (a < b && (t[a] == ' ' || t[a] == '\t'))
        a++;
    return a;
}

/* The end of t[a..b) without trailing blanks, nor the closing '|' of a table row. */
static size_t trim_end(const char *t, size_t a, size_t b)
{
    while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '|'))
        b--;
    return b;
}

/* Past a list bullet (◆ ・ - ● …, or the '|' opening a table row) and the blanks after it
 * at t[a]; a when there is none. */
static size_t skip_bullet(const char *t, size_t a, size_t b)
{
    static const word bullets[] = {
        {ZY_WORD("◆")}, {ZY_WORD("◇")}, {ZY_WORD("・")}, {ZY_WORD("●")}, {ZY_WORD("○")},
        {ZY_WORD("■")}, {ZY_WORD("□")}, {ZY_WORD("▪")}, {ZY_WORD("•")}, {ZY_WORD("★")},
        {ZY_WORD("☆")}, {ZY_WORD("▶")}, {ZY_WORD("▷")}, {ZY_WORD("►")}, {ZY_WORD("-")},
        {ZY_WORD("*")}, {ZY_WORD("–")}, {ZY_WORD("—")}, {ZY_WORD("|")},
    };
    size_t len;
    unsigned char c = a < b ? (unsigned char)t[a] : 0;
    /* every bullet is '-', '*', '|', E2 xx xx or ・ (E3 83 BB): most lines are ruled out here */
    if (c != '-' && c != '*' && c != '|' && c != 0xE2 && !(c == 0xE3 && a + 2 < b && (unsigned char)t[a + 2] == 0xBB))
        return a;
    if (!word_at(t, b, a, bullets, sizeof bullets / sizeof bullets[0], &len))
        return a;
    return skip_blanks(t, a + len, b);
}

/* Past the decoration of a heading ("~", "■") at t[a]. */
static size_t skip_decoration(const char *t, size_t a, size_t b)
{
    a = skip_blanks(t, a, b);
    if (a < b && t[a] == '~')
        return skip_blanks(t, a + 1, b);
    return skip_bullet(t, a, b);
}

/* The end of the first sentence of t[a..b) (after its 。), or b. */
static size_t first_sentence_end(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i + 3 <= b; i++)
        if (zy_starts_with(t, b, i, "。"))
            return i + 3;
    return b;
}

/* ---- dates ---- */

/* At most max digits at t[a..b) (no more follow): their count, 0 when none or too many. */
static size_t read_number(const char *t, size_t a, size_t b, size_t max, int *value)
{
    size_t n = 0;
    int v = 0;
    while (a + n < b && n < max && is_digit(t[a + n]))
        v = v * 10 + (t[a + n++] - '0');
    if (a + n < b && is_digit(t[a + n]))
        return 0;
    *value = v;
    return n;
}

/* "M月" or "M月D日" at t[a]: the end, 0 when there is none. */
static size_t read_month_day(const char *t, size_t a, size_t b, int *month, int *day)
{
    int m, d;
    size_t n = read_number(t, a, b, 2, &m);
    if (!n || m < 1 || m > 12 || !zy_starts_with(t, b, a + n, "月"))
        return 0;
    size_t p = a + n + 3;
    *month = m;
    *day = 0;
    n = read_number(t, p, b, 2, &d);
    if (n && d >= 1 && d <= 31 && zy_starts_with(t, b, p + n, "日")) {
        *day = d;
        p += n + 3;
    }
    return p;
}

static void blank_date(zy_figure *f, size_t start, int year)
{
    static const zy_figure blank_figure;
    *f = blank_figure;
    f->kind = ZY_KIND_DATE;
    f->start = start;
    f->year = year;
}

/* A date at t[a]: YYYY年[M月[D日]], YYYY/M[/D], YYYY.M.D, and with bare_year a bare YYYY.
 * Years 1000-2100 (chronologies reach back past 1900). Returns its end, 0 when none. */
static size_t read_date(const char *t, size_t a, size_t b, bool bare_year, zy_figure *out)
{
    zy_figure date, *f = &date;
    int year;
    if (read_number(t, a, b, 4, &year) != 4 || year < 1000 || year > 2100)
        return 0;
    blank_date(f, a, year);
    size_t p = a + 4;
    if (zy_starts_with(t, b, p, "年")) {
        p += 3;
        if (zy_starts_with(t, b, p, "度"))
            p += 3;
        int month, day;
        size_t q = read_month_day(t, p, b, &month, &day);
        if (q) {
            f->month = month;
            f->day = day;
            p = q;
        }
    } else if (p < b && (t[p] == '/' || t[p] == '.' || t[p] == '-')) {
        char sep = t[p];
        int month, day = 0;
        size_t n = read_number(t, p + 1, b, 2, &month);
        if (!n || month < 1 || month > 12)
            return 0;
        size_t q = p + 1 + n;
        if (q < b && t[q] == sep) {
            n = read_number(t, q + 1, b, 2, &day);
            if (!n || day < 1 || day > 31)
                return 0;
            q += 1 + n;
        } else if (sep != '/') {
            return 0; /* "2024.5", "2024-25": a decimal or a span, not a date */
        }
        f->month = month;
        f->day = day;
        p = q;
    } else {
        /* "1981 09月": a year and a month apart */
        int month, day;
        size_t q = read_month_day(t, skip_blanks(t, p, b), b, &month, &day);
        if (q && q > p) {
            f->month = month;
            f->day = day;
            p = q;
        } else if (!bare_year) {
            return 0;
        }
    }
    f->end = p;
    *out = date;
    return p;
}

/* A short bracket after a date ("(平成18年)", "(水)"): skipped. */
static size_t skip_bracket_after_date(const char *t, size_t p, size_t b)
{
    if (p >= b || t[p] != '(')
        return p;
    size_t limit = b - p < 40 ? b : p + 40;
    const char *close = memchr(t + p, ')', limit - p);
    return close ? (size_t)(close - t) + 1 : p;
}

/* ---- lines ---- */

/* Is the line a year (or date) on its own ("1889", "2006年(平成18年)", "2013年2月:")? */
static bool year_line(const chronology *c, const zy_line *line, zy_figure *f)
{
    const char *t = c->t;
    size_t b = trim_end(t, line->start, line->end);
    size_t a = skip_bullet(t, skip_blanks(t, line->start, b), b);
    if (a >= b || b - a > YEAR_LINE_BYTES || !is_digit(t[a]))
        return false;
    size_t p = read_date(t, a, b, true, f);
    if (!p)
        return false;
    p = skip_blanks(t, skip_bracket_after_date(t, p, b), b);
    if (p < b && t[p] == ':')
        p = skip_blanks(t, p + 1, b);
    return p == b;
}

/* Can an event follow its date with nothing between ("2014年1月米国子会社設立" is not
 * read, "- 2013年7月「…」をローンチ" is)? Katakana, Latin and 「 start names, not particles. */
static bool glued_event_start(const char *t, size_t q, size_t b)
{
    size_t len;
    uint32_t cp = char_at(t, q, b, &len);
    return is_latin(t[q]) || is_katakana(cp) || cp == 0x300C || cp == 0x300E;
}

/* Where the event text starts after its date at t[p] (":", "|", " - " or blanks between;
 * nothing between only on a bulleted line); 0 when the line does not go on as an event. */
static size_t event_text_start(const char *t, size_t p, size_t b, bool bulleted)
{
    size_t q = skip_blanks(t, p, b);
    if (q < b && (t[q] == ':' || t[q] == '|'))
        q = skip_blanks(t, q + 1, b);
    else if (q > p && q < b && t[q] == '-')
        q = skip_blanks(t, q + 1, b);
    else if (q == p && !(bulleted && glued_event_start(t, q, b)))
        return 0;
    return q < b ? q : 0;
}

/* Is the event text t[a..b) only figures ("2023年: 120億円", "2023年 | 9.1% |": a row of a
 * series, not an event)? */
static bool only_a_figure(const char *t, size_t a, size_t b)
{
    bool any = false;
    for (size_t i = a; i < b;) {
        zy_figure f;
        if (t[i] == ' ' || t[i] == '\t' || t[i] == '|')
            i++;
        else if (is_digit(t[i]) && zy_figure_at(t, b, i, true, &f) && f.end > i)
            i = f.end, any = true;
        else
            return false;
    }
    return any;
}

/* A dated event line ("- 2013年7月: …"): the event text's start, 0 when the line is not one. */
static size_t dated_event(const chronology *c, const zy_line *line, zy_figure *f)
{
    const char *t = c->t;
    size_t b = trim_end(t, line->start, line->end);
    size_t a0 = skip_blanks(t, line->start, b);
    size_t a = skip_bullet(t, a0, b);
    if (a >= b || !is_digit(t[a]))
        return 0;
    size_t p = read_date(t, a, b, false, f);
    if (!p)
        return 0;
    size_t e = event_text_start(t, skip_bracket_after_date(t, p, b), b, a != a0);
    return e && !only_a_figure(t, e, b) ? e : 0;
}

/* ---- subjects ---- */

/* A person's title right after a name (X氏, Xさん): the name is not an organisation. */
static bool person_after(const char *t, size_t end, size_t at)
{
    return zy_starts_with(t, end, at, "氏") || zy_starts_with(t, end, at, "さん") ||
           zy_starts_with(t, end, at, "様");
}

/* A founding or release word at t[at] (設立, 発売, …), with its length. */
static bool event_word_at(const char *t, size_t end, size_t at, size_t *len)
{
    static const word words[] = {
        {ZY_WORD("設立")},   {ZY_WORD("創業")}, {ZY_WORD("創立")}, {ZY_WORD("発足")},
        {ZY_WORD("立ち上げ")}, {ZY_WORD("発売")}, {ZY_WORD("発表")}, {ZY_WORD("公開")},
        {ZY_WORD("リリース")}, {ZY_WORD("ローンチ")}, {ZY_WORD("開始")}, {ZY_WORD("提供")},
    };
    return word_at(t, end, at, words, sizeof words / sizeof words[0], len);
}

/* Past a bracket right after a name ("日本ソフトバンク(現ソフトバンクグループ)を設立"). */
static size_t skip_name_bracket(const char *t, size_t end, size_t at)
{
    if (at >= end || t[at] != '(')
        return at;
    size_t limit = end - at < 60 ? end : at + 60;
    const char *close = memchr(t + at, ')', limit - at);
    return close ? (size_t)(close - t) + 1 : at;
}

/* Is there a particle that makes the name before t[at] a partner or a place (Xと提携,
 * Xに上場, Xで開催, Xへ移転, Xから独立)? */
static bool partner_or_place(const char *t, size_t end, size_t at)
{
    return zy_starts_with(t, end, at, "と") || zy_starts_with(t, end, at, "に") ||
           zy_starts_with(t, end, at, "で") || zy_starts_with(t, end, at, "へ") ||
           zy_starts_with(t, end, at, "から");
}

/* Does a name found inside an event, ending at t[at], act in it: its topic (Xは, Xが, Xも,
 * X、), or what is founded or released (X設立, Xを発売)? A partner, a place, or a name that
 * is part of a longer word (大阪証券取引所, 任天堂社長) does not. */
static bool name_acts(const char *t, size_t end, size_t at)
{
    static const word after[] = {
        {ZY_WORD("は")}, {ZY_WORD("が")}, {ZY_WORD("も")}, {ZY_WORD("、")}, {ZY_WORD("。")},
    };
    size_t len;
    at = skip_blanks(t, skip_name_bracket(t, end, at), end);
    if (at >= end || word_at(t, end, at, after, sizeof after / sizeof after[0], &len))
        return true;
    if (zy_starts_with(t, end, at, "を"))
        at += 3;
    return event_word_at(t, end, at, &len);
}

/* Does a name that opens an event, ending at t[at], stand as its topic ("ChatGPT リリース",
 * "GPT-4の提供開始", "OpenAI設立")? Not when it is glued to a longer word (iPhone版,
 * CtoCマーケット) or is a partner or a place. */
static bool name_opens(const char *t, size_t end, size_t at)
{
    at = skip_name_bracket(t, end, at);
    if (at >= end || t[at] == ' ' || t[at] == '\t')
        return true;
    size_t len;
    if (event_word_at(t, end, at, &len))
        return true;
    uint32_t cp = char_at(t, at, end, &len);
    return !is_kanji(cp) && !is_katakana(cp) && !partner_or_place(t, end, at);
}

/* The first 「name」 or 『name』 in t[a..b): its inside. */
static bool quoted_name(const char *t, size_t a, size_t b, size_t *na, size_t *nb)
{
    for (size_t i = a; i + 3 <= b; i++) {
        bool corner = zy_starts_with(t, b, i, "「");
        if (!corner && !zy_starts_with(t, b, i, "『"))
            continue;
        const char *close = corner ? "」" : "』";
        size_t j = i + 3;
        while (j + 3 <= b && j - i <= QUOTED_NAME_BYTES && !zy_starts_with(t, b, j, close))
            j++;
        if (j + 3 > b || j - i > QUOTED_NAME_BYTES || j == i + 3)
            return false;
        for (size_t k = i + 3; k < j; k++)
            if (zy_starts_with(t, j, k, "。") || zy_starts_with(t, j, k, "、") || t[k] == '?' || t[k] == '!')
                return false; /* a quoted sentence, not a name */
        if (person_after(t, b, j + 3) || zy_starts_with(t, b, j + 3, "と")) {
            i = j + 2; /* a person, or a partner (「X」と提携): the next quote may be the name */
            continue;
        }
        *na = i + 3;
        *nb = j;
        return true;
    }
    return false;
}

/* A Latin product or company name opening the event ("ChatGPT リリース", "GPT-4 公開"):
 * its end, or a when there is none. */
static size_t latin_name_at(const char *t, size_t a, size_t b)
{
    if (a >= b || !is_latin(t[a]))
        return a;
    size_t p = a;
    bool upper = false, lower = false;
    while (p < b && (is_latin(t[p]) || is_digit(t[p]) || t[p] == ' ' || t[p] == '.' || t[p] == '-' ||
                     t[p] == '+' || t[p] == '&')) {
        upper |= t[p] >= 'A' && t[p] <= 'Z';
        lower |= t[p] >= 'a' && t[p] <= 'z';
        p++;
    }
    while (p > a && (t[p - 1] == ' ' || t[p - 1] == '.' || t[p - 1] == '-'))
        p--;
    /* IPO, CEO, AI: words, not names */
    if (!upper || (!lower && p - a <= 3) || person_after(t, b, p) || !name_opens(t, b, p))
        return a;
    return p;
}

static bool name_char(uint32_t cp, char c)
{
    return is_kanji(cp) || is_katakana(cp) || is_latin(c) || is_digit(c) || c == '&';
}

/* "株式会社X", "X株式会社", "合名会社X" … in t[a..b): the whole name and its core (X). */
static bool company_shape(const char *t, size_t a, size_t b, size_t *na, size_t *nb, size_t *core_a,
                          size_t *core_b)
{
    static const word kinds[] = {
        {ZY_WORD("株式")}, {ZY_WORD("合名")}, {ZY_WORD("合資")}, {ZY_WORD("有限")}, {ZY_WORD("合同")},
    };
    /* every kind ends with 会社 (E4 BC 9A E7 A4 BE); E4 leads few characters of Japanese text */
    for (size_t at = a + 6; at + 6 <= b;) {
        const char *hit = memchr(t + at, '\xE4', b - at);
        if (!hit)
            return false;
        size_t i = (size_t)(hit - t), kl;
        at = i + 1;
        if (i < a + 6 || !zy_starts_with(t, b, i, "会社") || !word_at(t, b, i - 6, kinds, sizeof kinds / sizeof kinds[0], &kl))
            continue;
        size_t start = i - 6, end = i + 6, len, chars = 0;
        /* the name after it, else the name before it */
        size_t p = end, word_len;
        while (p < b && chars < 16 && name_char(char_at(t, p, b, &len), t[p]) && !event_word_at(t, b, p, &word_len))
            p += len, chars++; /* 株式会社コウゾウ設立: the name ends before 設立 */
        if (chars) {
            *na = start, *nb = p, *core_a = end, *core_b = p;
            return true;
        }
        size_t q = start;
        while (q > a && chars < 16) {
            size_t k = q - 1;
            while (k > a && ((unsigned char)t[k] & 0xC0) == 0x80)
                k--;
            if (!name_char(char_at(t, k, b, &len), t[k]))
                break;
            q = k, chars++;
        }
        if (chars) {
            *na = q, *nb = end, *core_a = q, *core_b = start;
            return true;
        }
    }
    return false;
}

/* Is the match an organisation (not a country) and not a person (X氏)? */
static bool organisation(const chronology *c, const zy_entity_match *m, size_t end)
{
    const zy_entities *e = c->s->entities;
    if (m->entity >= 0 && strcmp(e->entities[m->entity].type, "country") == 0)
        return false;
    return !person_after(c->t, end, m->end);
}

static zy_subject named(const chronology *c, size_t a, size_t b)
{
    return (zy_subject){a, b, zy_entities_lookup(c->s->entities, c->t + a, b - a, false), NULL, NULL};
}

typedef struct candidate {
    size_t start, end;        /* its first occurrence */
    long entity;
    size_t count;
    bool core;                /* the core of a company shape (株式会社X): counted wherever X occurs */
    size_t full_start, full_end; /* core: the whole name where it was first seen */
} candidate;

/* Count one more occurrence of a name among the candidates; its index (CANDIDATES: full). */
static size_t count_name(const chronology *c, candidate *cands, size_t *n, size_t a, size_t b, long entity)
{
    for (size_t k = 0; k < *n; k++) {
        bool same = entity >= 0 ? cands[k].entity == entity
                                : cands[k].entity < 0 && cands[k].end - cands[k].start == b - a &&
                                      memcmp(c->t + cands[k].start, c->t + a, b - a) == 0;
        if (same) {
            cands[k].count++;
            return k;
        }
    }
    if (*n == CANDIDATES)
        return CANDIDATES;
    cands[*n] = (candidate){a, b, entity, 1, false, a, b};
    return (*n)++;
}

/* How often t[a..b) occurs in t[from..to). Candidates are found by the needle's last byte: in
 * Japanese UTF-8 the first byte (E3, E4 …) starts half the characters, the last is rarer. */
static size_t occurrences(const chronology *c, size_t a, size_t b, size_t from, size_t end)
{
    const char *t = c->t;
    size_t n = 0, len = b - a;
    if (!len)
        return 0;
    char last = t[b - 1];
    for (size_t i = from + len - 1; i < end;) {
        const char *p = memchr(t + i, last, end - i);
        if (!p)
            break;
        i = (size_t)(p - t);
        if (memcmp(p - (len - 1), t + a, len) == 0) {
            n++;
            i += len;
        } else {
            i++;
        }
    }
    return n;
}

/* The article's own subject, named by its company shape (株式会社メルカリ) and not in the
 * dictionary: learnt for this document, core and whole name, so that prose finds it too. */
static void learn_company(chronology *c, const candidate *k)
{
    char name[128], whole[128];
    size_t n = k->end - k->start, w = k->full_end - k->full_start;
    if (n >= sizeof name || w >= sizeof whole)
        return;
    memcpy(name, c->t + k->start, n);
    name[n] = '\0';
    memcpy(whole, c->t + k->full_start, w);
    whole[w] = '\0';
    zy_entities *e = c->s->entities;
    if (zy_entities_add(e, name, "company", "", whole) != ZY_OK) {
        c->s->status = ZY_ERR_NOMEM;
        return;
    }
    c->article.entity = zy_entities_lookup(e, name, n, false);
}

/* The first line that ends after offset at (binary search: lines are in text order). */
static size_t line_at(const zy_scan_state *s, size_t at)
{
    size_t lo = 0, hi = s->nlines;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->lines[mid].end < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The article's own subject for an event at offset at: the organisation the text around it
 * names most often (dictionary and shape names, and the cores of company shapes such as
 * 株式会社X, counted wherever they occur); ties go to the first named. Found once for the
 * events of a stretch of text (an article), when the first of them needs it. */
static const zy_subject *article_subject(chronology *c, size_t at)
{
    if (c->subject_to && at >= c->subject_from && at < c->subject_to)
        return c->article.end ? &c->article : NULL;
    zy_scan_state *s = c->s;
    const char *t = c->t;
    size_t from = at > SUBJECT_BEFORE ? at - SUBJECT_BEFORE : 0;
    size_t to = s->norm.len - at > SUBJECT_AFTER ? at + SUBJECT_AFTER : s->norm.len;
    size_t l = line_at(s, from);
    from = l < s->nlines ? s->lines[l].start : from;
    c->article = (zy_subject){0, 0, -1, NULL, NULL};
    candidate cands[CANDIDATES];
    size_t n = 0;
    zy_entity_match ents[LINE_ENTITIES];
    for (; l < s->nlines && s->lines[l].start < to; l++) {
        const zy_line *line = &s->lines[l];
        if (line->blank)
            continue;
        size_t m = zy_entities_find(s->entities, t, line->start, line->end, ents, LINE_ENTITIES);
        for (size_t k = 0; k < m; k++)
            if (organisation(c, &ents[k], line->end))
                count_name(c, cands, &n, ents[k].start, ents[k].end, ents[k].entity);
        size_t na, nb, ca, cb;
        for (size_t x = line->start; company_shape(t, x, line->end, &na, &nb, &ca, &cb); x = nb) {
            size_t k = count_name(c, cands, &n, ca, cb, zy_entities_lookup(s->entities, t + ca, cb - ca, false));
            if (k < CANDIDATES && !cands[k].core) {
                cands[k].core = true;
                cands[k].full_start = na;
                cands[k].full_end = nb;
            }
        }
        to = line->end > to ? line->end : to;
    }
    c->subject_from = from;
    c->subject_to = to > at ? to : at + 1;
    size_t best = n;
    for (size_t k = 0; k < n; k++) {
        if (cands[k].core) {
            size_t bare = occurrences(c, cands[k].start, cands[k].end, from, to);
            cands[k].count = bare > cands[k].count ? bare : cands[k].count;
        }
        if (best == n || cands[k].count > cands[best].count)
            best = k;
    }
    if (best < n) {
        c->article = (zy_subject){cands[best].start, cands[best].end, cands[best].entity, NULL, NULL};
        if (cands[best].core && cands[best].entity < 0)
            learn_company(c, &cands[best]);
    }
    return c->article.end ? &c->article : NULL;
}

/* The subject of the event whose first sentence is t[a..se). */
static zy_subject event_subject(chronology *c, size_t a, size_t se)
{
    const char *t = c->t;
    size_t na, nb, ca, cb;
    if (quoted_name(t, a, se, &na, &nb))
        return named(c, na, nb);
    if ((nb = latin_name_at(t, a, se)) > a)
        return named(c, a, nb);
    if (company_shape(t, a, se, &na, &nb, &ca, &cb) && !person_after(t, se, nb))
        return named(c, na, nb);
    zy_entity_match ents[EVENT_ENTITIES];
    size_t n = zy_entities_find(c->s->entities, t, a, se, ents, EVENT_ENTITIES);
    for (size_t k = 0; k < n; k++)
        if (organisation(c, &ents[k], se) && name_acts(t, se, ents[k].end))
            return (zy_subject){ents[k].start, ents[k].end, ents[k].entity, NULL, NULL};
    const zy_subject *own = article_subject(c, a);
    if (!own)
        return (zy_subject){0, 0, -1, NULL, NULL};
    zy_subject sub = *own;
    sub.basis = "chronology-article"; /* the article's own subject, not named on the line */
    return sub;
}

/* founded, release or NULL for the event t[a..se). */
static const char *event_measure(const char *t, size_t a, size_t se)
{
    const char *m = zy_measure_near(t, a, a, a, se, ZY_KIND_DATE);
    if (m)
        return m;
    static const word released[] = {
        {ZY_WORD("ローンチ")}, {ZY_WORD("販売開始")}, {ZY_WORD("販売を開始")},
        {ZY_WORD("提供開始")}, {ZY_WORD("提供を開始")}, {ZY_WORD("サービス開始")},
    };
    size_t len;
    for (size_t i = a; i < se; i++) {
        if (zy_starts_with(t, se, i, "発足"))
            return "founded";
        if (word_at(t, se, i, released, sizeof released / sizeof released[0], &len))
            return "release";
    }
    return NULL;
}

/* ---- facts ---- */

/* An event being read: its date fact is recorded, and the figures of its lines follow it. */
typedef struct event {
    zy_subject subject;
    char time[16];            /* the event's date, the time of its other figures */
} event;

/* The figures of t[a..b) other than dates, with the event's time and subject; the line
 * [line_a, b) is their sentence. */
static void event_figures(chronology *c, const event *ev, size_t line_a, size_t a, size_t b)
{
    zy_scan_state *s = c->s;
    const char *t = c->t;
    for (size_t i = a; i < b && s->status == ZY_OK; i++) {
        if (!is_digit(t[i]) || (i > a && (is_digit(t[i - 1]) || is_latin(t[i - 1]))))
            continue;
        zy_figure f;
        if (!zy_figure_at(t, b, i, false, &f))
            continue;
        i = f.end - 1;
        if (f.kind == ZY_KIND_DATE)
            continue; /* the event has its date */
        if (f.kind == ZY_KIND_COUNT && (zy_starts_with(t, b, f.end, "当たり") || zy_starts_with(t, b, f.end, "あたり")))
            continue;
        const char *measure = zy_measure_near(t, a, f.start, f.end, b, f.kind);
        zy_scan_add(s, &f, ev->subject.end ? &ev->subject : NULL, measure, "chronology", line_a, b,
                    ev->time, -1, -1, -1);
    }
}

/* Start the event dated date whose text is t[a..b) on the line from line_a; its subject and
 * measure are looked for in t[a..head_end) (its first sentence, which may go on over the
 * next lines). */
static void begin_event(chronology *c, event *ev, const zy_figure *date, size_t line_a, size_t a,
                        size_t b, size_t head_end)
{
    const char *t = c->t;
    if (head_end - a > HEAD_BYTES) { /* a runaway line: its subject is near its start */
        head_end = a + HEAD_BYTES;
        while (head_end > a && ((unsigned char)t[head_end] & 0xC0) == 0x80)
            head_end--;
    }
    ev->subject = event_subject(c, a, head_end);
    const char *measure = event_measure(t, a, head_end);
    zy_scan_add(c->s, date, ev->subject.end ? &ev->subject : NULL, measure, "chronology", line_a, b, "",
                -1, -1, -1);
    zy_scan_date_iso(c->s, date, ev->time);
    event_figures(c, ev, line_a, a, b);
}

/* ---- shape 1: years on their own lines ---- */

typedef struct year_block {
    size_t end;               /* the line after the block */
    size_t groups;            /* years with events under them */
    size_t own_dates;         /* events that give their own month */
} year_block;

/* The next line at or after l that is not blank (nlines: none). */
static size_t next_filled(const zy_scan_state *s, size_t l)
{
    while (l < s->nlines && s->lines[l].blank)
        l++;
    return l;
}

/* "1981~1994 - 創業経緯": the heading of a period, which ends the events above it. */
static bool period_heading(const chronology *c, const zy_line *line)
{
    const char *t = c->t;
    size_t b = line->end;
    size_t a = skip_bullet(t, skip_blanks(t, line->start, b), b);
    int year;
    if (read_number(t, a, b, 4, &year) != 4)
        return false;
    a += 4;
    if (zy_starts_with(t, b, a, "年"))
        a += 3;
    return a < b && t[a] == '~';
}

/* One line under a year: its own date when it opens with one (M月D日 or a full date), where
 * its text starts, and whether it has a bullet. */
typedef struct year_line_parts {
    zy_figure date;
    size_t text, end;
    bool bulleted, own, event; /* event: there is text that is not just a figure */
} year_line_parts;

static year_line_parts read_year_event(const chronology *c, const zy_line *line, const zy_figure *year)
{
    const char *t = c->t;
    year_line_parts r = {*year, 0, 0, false, false, false};
    size_t b = trim_end(t, line->start, line->end);
    size_t a0 = skip_blanks(t, line->start, b);
    size_t a = skip_bullet(t, a0, b);
    r.bulleted = a != a0;
    r.end = b;
    int month, day;
    size_t p;
    if (a < b && is_digit(t[a]) && (p = read_date(t, a, b, false, &r.date)) != 0) {
        r.own = true;
        a = event_text_start(t, skip_bracket_after_date(t, p, b), b, true);
        if (!a)
            a = b;
    } else if (a < b && is_digit(t[a]) && (p = read_month_day(t, a, b, &month, &day)) != 0) {
        r.date.month = month;
        r.date.day = day;
        r.date.start = a;
        r.date.end = p;
        r.own = true;
        size_t q = skip_blanks(t, p, b);
        a = q < b && (t[q] == ':' || t[q] == '|') ? skip_blanks(t, q + 1, b) : q;
    }
    r.text = a;
    r.event = a < b && !only_a_figure(t, a, b);
    return r;
}

/* Is line k the end of a year's events: gone, taken, another year or a period heading? */
static bool ends_year(const chronology *c, size_t k)
{
    const zy_scan_state *s = c->s;
    zy_figure probe;
    return k >= s->nlines || s->line_taken[k] || s->lines[k].blank || year_line(c, &s->lines[k], &probe) ||
           period_heading(c, &s->lines[k]);
}

/* The end of the first sentence of an unbulleted event that starts at text on line k: it
 * may go on over the next two lines of the same year. */
static size_t plain_head_end(const chronology *c, size_t k, size_t text)
{
    const zy_scan_state *s = c->s;
    size_t a = text;
    for (size_t n = 0;; n++, k++, a = s->lines[k].start) {
        size_t se = first_sentence_end(c->t, a, s->lines[k].end);
        if (zy_ends_with(c->t, se, "。") || n == 2 || ends_year(c, k + 1))
            return se;
    }
}

/* Walk the year block that starts at line l; with emit, record its events and take its lines.
 * Under a year, each bulleted line is an event; without bullets the lines are one event
 * (a title, its description), unless a line opens with its own month. */
static year_block walk_year_block(chronology *c, size_t l, bool emit)
{
    zy_scan_state *s = c->s;
    year_block blk = {l, 0, 0};
    size_t k = l;
    zy_figure year;
    while (k < s->nlines && !s->line_taken[k] && year_line(c, &s->lines[k], &year)) {
        if (emit)
            s->line_taken[k] = true;
        size_t events = 0, lines = 0;
        int bullets = -1; /* whether this year's events are bulleted (-1: none seen yet) */
        event ev = {{0, 0, -1, NULL, NULL}, ""};
        bool open = false;
        k = next_filled(s, k + 1);
        while (!ends_year(c, k)) {
            const zy_line *line = &s->lines[k];
            year_line_parts r = read_year_event(c, line, &year);
            if (bullets < 0)
                bullets = r.bulleted;
            if ((bullets && !r.bulleted) || lines >= (bullets ? YEAR_BULLETS : PLAIN_LINES))
                break; /* the text after the chronology */
            bool starts = r.event && (bullets || r.own || !open);
            if (emit) {
                s->line_taken[k] = true;
                if (starts)
                    begin_event(c, &ev, &r.date, line->start, r.text, r.end,
                                bullets ? first_sentence_end(c->t, r.text, r.end) : plain_head_end(c, k, r.text));
                else if (open)
                    event_figures(c, &ev, line->start, r.text, r.end);
            }
            open |= starts;
            events += starts;
            blk.own_dates += starts && r.own;
            lines++;
            k++;
        }
        /* blank lines end the year's events; the block goes on when a year follows them */
        size_t next = next_filled(s, k);
        zy_figure probe;
        blk.groups += events > 0;
        blk.end = k;
        if (next > k && (next >= s->nlines || s->line_taken[next] || !year_line(c, &s->lines[next], &probe)))
            break;
        k = next;
    }
    return blk;
}

/* A year block at line l: the line after it (l + 1 when there is none). */
static size_t scan_year_block(chronology *c, size_t l)
{
    year_block blk = walk_year_block(c, l, false);
    if (blk.groups >= 2 || blk.own_dates >= 2)
        walk_year_block(c, l, true);
    /* a block that is not a chronology is not one from any of its later years either */
    return blk.end > l ? blk.end : l + 1;
}

/* ---- shape 2: runs of dated event lines ---- */

/* A line under a dated event that tells more of it ("- ベースモデル: …" under
 * "- 2022年11月30日|…"): bulleted when the events are, short when they are not. */
static bool detail_line(const chronology *c, size_t k, bool bulleted)
{
    const zy_scan_state *s = c->s;
    if (ends_year(c, k))
        return false;
    const zy_line *line = &s->lines[k];
    const char *t = c->t;
    size_t a0 = skip_blanks(t, line->start, line->end);
    if (bulleted)
        return skip_bullet(t, a0, line->end) != a0;
    return line->end - line->start <= PLAIN_EVENT_BYTES;
}

/* A run of at least two dated event lines from l, with detail lines under them and single
 * blank lines between them: the line after it, or l when there is none. Detail lines after
 * the last event are its own only up to as many as the events above had. */
static size_t scan_dated_run(chronology *c, size_t l)
{
    zy_scan_state *s = c->s;
    const char *t = c->t;
    zy_figure date;
    size_t b0 = s->lines[l].end, a0 = skip_blanks(t, s->lines[l].start, b0);
    bool bulleted = skip_bullet(t, a0, b0) != a0;
    size_t k = l, dated = 0, last = l, details = 0, most_details = 0;
    while (k < s->nlines && !s->line_taken[k]) {
        if (s->lines[k].blank) {
            if (k + 1 >= s->nlines || !dated_event(c, &s->lines[k + 1], &date))
                break;
            k++;
            continue;
        }
        if (dated_event(c, &s->lines[k], &date)) {
            dated++;
            most_details = details > most_details ? details : most_details;
            details = 0;
            last = ++k;
            continue;
        }
        if (!detail_line(c, k, bulleted) || details >= DETAIL_LINES)
            break;
        details++;
        k++;
    }
    if (dated < 2)
        return l;
    for (size_t n = 0; n < most_details && last < s->nlines && detail_line(c, last, bulleted); n++)
        last++;
    event ev = {{0, 0, -1, NULL, NULL}, ""};
    for (k = l; k < last && s->status == ZY_OK; k++) {
        const zy_line *line = &s->lines[k];
        s->line_taken[k] = true;
        if (line->blank)
            continue;
        size_t b = trim_end(t, line->start, line->end);
        size_t text = dated_event(c, line, &date);
        if (text)
            begin_event(c, &ev, &date, line->start, text, b, first_sentence_end(t, text, b));
        else
            event_figures(c, &ev, line->start, skip_blanks(t, line->start, b), b);
    }
    return last;
}

/* ---- shape 3: "name(1889年)" headings ---- */

/* Does the name end with a word that captions figures (ランキング, 推移, 上位, シェア, 実績…)? */
static bool caption_word_before(const char *t, size_t a, size_t b)
{
    static const char *const words[] = {"ランキング", "一覧", "推移", "上位", "内訳", "比較", "順位", "シェア",
                                        "実績", "業績", "予算", "売上高", "割合", "件数", "数", "額", "率",
                                        "の内訳", "まとめ", "データ", NULL};
    /* words that make a caption wherever they stand: "売上高上位3社", "トップ10の企業" */
    static const char *const anywhere[] = {"上位", "下位", "トップ", "ベスト", "ワースト", "ランキング", NULL};
    for (size_t w = 0; words[w]; w++)
        if (zy_ends_with(t, b, words[w]) && b - strlen(words[w]) >= a)
            return true;
    for (size_t w = 0; anywhere[w]; w++) {
        size_t n = strlen(anywhere[w]);
        for (size_t i = a; i + n <= b; i++)
            if (memcmp(t + i, anywhere[w], n) == 0)
                return true;
    }
    return false;
}

/* A heading "name(YYYY年[M月[D日]][発売])" at line l: recorded, true. Captions of tables
 * and lists (the next line was taken by a table, or is "name: value") are left to prose. */
static bool scan_year_heading(chronology *c, size_t l)
{
    zy_scan_state *s = c->s;
    const char *t = c->t;
    const zy_line *line = &s->lines[l];
    size_t b = trim_end(t, line->start, line->end);
    if (b - line->start > HEADING_NAME_BYTES + 40 || b == line->start || t[b - 1] != ')')
        return false;
    size_t open = b - 1;
    while (open > line->start && t[open] != '(')
        open--;
    size_t a = skip_decoration(t, line->start, open);
    if (t[open] != '(' || a >= open || is_digit(t[a]) || line->period)
        return false;
    zy_figure date;
    size_t p = read_date(t, open + 1, b - 1, false, &date), len;
    if (!p || (p < b - 1 && !(event_word_at(t, b - 1, p, &len) && p + len == b - 1)))
        return false;
    size_t name_end = trim_end(t, a, open);
    for (size_t i = a; i < name_end; i++)
        if (zy_starts_with(t, name_end, i, "、") || t[i] == '(' || t[i] == ')')
            return false;
    if (caption_word_before(t, a, name_end))
        return false; /* "売上高ランキング(2023年度)": a caption's period, not an event */
    size_t next = next_filled(s, l + 1);
    if (next < s->nlines && (s->line_taken[next] ||
                             memchr(t + s->lines[next].start, ':', s->lines[next].end - s->lines[next].start)))
        return false; /* the caption of a table or of a "name: value" list */
    const char *measure = event_measure(t, a, b);
    zy_subject sub = {0, 0, -1, NULL, NULL};
    size_t na, nb;
    if (measure && name_end - a <= 12 && event_word_at(t, name_end, a, &len)) {
        const zy_subject *own = article_subject(c, a); /* 創立(1889年): the article's own founding */
        if (own)
            sub = *own;
    } else if (quoted_name(t, a, name_end, &na, &nb)) {
        sub = named(c, na, nb);
    } else {
        sub = named(c, a, name_end);
    }
    s->line_taken[l] = true;
    zy_scan_add(s, &date, sub.end ? &sub : NULL, measure, "chronology", line->start, b, "", -1, -1, -1);
    return true;
}

void zy_scan_chronology(zy_scan_state *s)
{
    chronology c = {s, s->norm.text, 0, 0, {0, 0, -1, NULL, NULL}};
    const char *t = c.t;
    for (size_t l = 0; l < s->nlines && s->status == ZY_OK; l++) {
        const zy_line *line = &s->lines[l];
        if (s->line_taken[l] || line->blank)
            continue;
        size_t b = trim_end(t, line->start, line->end);
        size_t a = skip_bullet(t, skip_blanks(t, line->start, b), b);
        zy_figure date;
        if (a < b && is_digit(t[a])) {
            if (year_line(&c, line, &date)) {
                l = scan_year_block(&c, l) - 1;
                continue;
            }
            size_t end = scan_dated_run(&c, l);
            if (end > l)
                l = end - 1;
        } else if (b > line->start && t[b - 1] == ')') {
            scan_year_heading(&c, l);
        }
    }
}
