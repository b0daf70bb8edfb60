/*
 * record.c: recording what the readers find: a fact with its provenance (offsets into the
 * file, the sentence, the subject's strings, copied once for the facts that share them) and
 * the ISO form of its time; the list of a batch's tables. Every reader (tables, grid, lists,
 * prose) calls down into this file; it calls nothing above it. May call: extract (scan,
 * normalize, entities), util.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/scan.h"
#include "extract/figure.h"
#include "util/utf8.h"

/* A copy of text[start..end) in the batch's string pool, as valid UTF-8: invalid bytes were
 * reported when the text was normalised, so JSON and SQLite get clean strings. */
static char *copy_range(zy_scan_state *s, const char *text, size_t start, size_t end)
{
    if (s->norm.clean)
        return zy_pool_strndup(s->strings, text + start, end - start);
    char *clean = zy_utf8_clean_copy(text + start, end - start);
    char *copy = clean ? zy_pool_strndup(s->strings, clean, strlen(clean)) : NULL;
    free(clean);
    return copy;
}

static char *copy_string(zy_scan_state *s, const char *text)
{
    return zy_pool_strndup(s->strings, text, strlen(text));
}

/* Write v (0..10^digits-1) as exactly `digits` decimal digits. */
static char *put_digits(char *o, int v, int digits)
{
    for (int k = digits - 1; k >= 0; k--, v /= 10)
        o[k] = (char)('0' + v % 10);
    return o + digits;
}

void zy_scan_date_iso(const zy_scan_state *s, const zy_figure *f, char out[16])
{
    int year = f->year ? f->year : s->doc_year;
    if (year < 0 || year > 9999 || f->month < 0 || f->month > 99 || f->day < 0 || f->day > 99) {
        snprintf(out, 16, "%d-%d-%d", year, f->month, f->day); /* never from the grammar */
        return;
    }
    /* 2025-01-20, --01-20, 2025-01, --01, 2025 */
    char *o = out;
    if (year)
        o = put_digits(o, year, 4);
    else if (f->month)
        *o++ = '-';
    if (f->month) {
        *o++ = '-';
        o = put_digits(o, f->month, 2);
        if (f->day) {
            *o++ = '-';
            o = put_digits(o, f->day, 2);
        }
    }
    *o = '\0';
}

/* Facts handed on at a time: a few hundred kilobytes of records and strings stay in cache. */
#define FLUSH_FACTS 1024

/* A sentence longer than this (a page without 。) is recorded as the part around its figure. */
#define SENTENCE_MAX 2048
#define SENTENCE_CONTEXT 400

/* Move pos back to the start of the character it is in. */
static size_t char_start(const char *t, size_t pos, size_t floor_pos)
{
    while (pos > floor_pos && ((unsigned char)t[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

/* How sure a reader is of the owner it found, by the rule that found it. The weights were set
 * by how often each rule named the right owner on the development articles (see README
 * "Confidence"); a rule missing here is a new one and gets a middling weight. */
static double basis_weight(const char *basis)
{
    static _Thread_local const char *last; /* facts in a row mostly share their rule's string */
    static _Thread_local double last_weight;
    if (basis == last)
        return last_weight;
    static const struct { const char *basis; double weight; } weights[] = {
        {"table-row", 0.90},       {"list-item", 0.85},      {"list-heading", 0.80},
        {"table-caption", 0.70},   {"chronology", 0.80},     {"chronology-article", 0.60},
        {"name-before", 0.85},     {"name-bracket", 0.85},   {"respective", 0.80},
        {"rank-clause", 0.80},     {"gloss", 0.80},          {"event-object", 0.75},
        {"bought-for", 0.75},      {"topic", 0.75},          {"continues", 0.70},
        {"described-after", 0.65}, {"refers-back", 0.65},    {"previous-topic", 0.55},
        {"nearest-before", 0.50},  {"attribute-label", 0.10},  {"profile-name", 0.85},
        {"heading", 0.80},         {"article-owner", 0.75},  {"item-label", 0.80},
    };
    for (size_t i = 0; i < sizeof weights / sizeof weights[0]; i++)
        if (strcmp(weights[i].basis, basis) == 0) {
            last = basis, last_weight = weights[i].weight;
            return weights[i].weight;
        }
    return 0.6;
}

static const char *default_basis(const char *source)
{
    return strcmp(source, "table") == 0 ? "table-row" : strcmp(source, "list") == 0 ? "list-item"
         : strcmp(source, "chronology") == 0 ? "chronology" : "prose";
}

typedef struct word {
    const char *text;
    size_t len;
} word;

/* Does t[p..end) start with w? */
static bool at_word(const char *t, size_t p, size_t end, const word *w)
{
    return p + w->len <= end && memcmp(t + p, w->text, w->len) == 0;
}

static size_t at_any(const char *t, size_t p, size_t end, const word *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (at_word(t, p, end, &words[k]))
            return words[k].len;
    return 0;
}

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

/* Is a noun naming a class of things (企業, 銘柄, 国 …) within a few characters after p? */
static bool class_noun_after(const char *t, size_t p, size_t se)
{
    static const word classes[] = {
        {ZY_WORD("企業")}, {ZY_WORD("会社")}, {ZY_WORD("新興")}, {ZY_WORD("スタートアップ")},
        {ZY_WORD("ユニコーン")}, {ZY_WORD("非上場")}, {ZY_WORD("未上場")}, {ZY_WORD("上場")},
        {ZY_WORD("銘柄")}, {ZY_WORD("案件")}, {ZY_WORD("事業者")}, {ZY_WORD("国")}, {ZY_WORD("地域")},
        {ZY_WORD("都市")}, {ZY_WORD("自治体")}, {ZY_WORD("世帯")}, {ZY_WORD("大学")}, {ZY_WORD("機関")},
        {ZY_WORD("団体")}, {ZY_WORD("法人")}};
    for (size_t i = p; i < se && i <= p + 6; i++)
        if (at_any(t, i, se, classes, COUNT(classes)))
            return true;
    return false;
}

/* Where 仮に is in the sentence [ss, se), or se: looked for once per sentence. */
static size_t hypothetical_at(zy_scan_state *s, size_t ss, size_t se)
{
    if (s->kari_sentence_a != ss || s->kari_sentence_b != se || !s->kari_known) {
        static const word kari = {ZY_WORD("仮に")};
        size_t at = se;
        for (const char *t = s->norm.text, *p = memchr(t + ss, '\xE4', se - ss); p;
             p = memchr(p + 1, '\xE4', se - (size_t)(p + 1 - t))) {
            if (at_word(t, (size_t)(p - t), se, &kari)) {
                at = (size_t)(p - t);
                break;
            }
        }
        s->kari_sentence_a = ss, s->kari_sentence_b = se, s->kari_at = at, s->kari_known = true;
    }
    return s->kari_at;
}

/* Why the figure of the sentence [ss, se) is nobody's value although it is written: a threshold
 * that defines a group ("企業価値10億ドル以上の未上場企業", "1兆円を超える企業"), or a hypothetical
 * ("仮に…", "…となった場合"). NULL for an ordinary figure, "10億ユーロ超の投資を受け" included. */
static const char *figure_caveat(zy_scan_state *s, size_t ss, size_t se, const zy_figure *f)
{
    const char *t = s->norm.text;
    static const word bounds[] = {{ZY_WORD("以上")}, {ZY_WORD("以下")}, {ZY_WORD("未満")}, {ZY_WORD("超")},
                                  {ZY_WORD("を超える")}, {ZY_WORD("を上回る")}, {ZY_WORD("を下回る")}};
    static const word no = {ZY_WORD("の")}, ru = {ZY_WORD("る")};
    size_t p = f->end, bound_len = at_any(t, p, se, bounds, COUNT(bounds));
    bool bounded = f->bound != ZY_BOUND_NONE || bound_len;
    if (bounded) {
        /* を超える企業, whether or not the figure's grammar took を超える in */
        bool adnominal = bound_len > 6 || (f->bound != ZY_BOUND_NONE && f->end >= 3 && at_word(t, f->end - 3, se, &ru));
        p += bound_len;
        if (at_word(t, p, se, &no)) {
            p += 3;
            adnominal = true;
        }
        if (adnominal && class_noun_after(t, p, se))
            return "threshold";
    }
    if (hypothetical_at(s, ss, se) < f->start)
        return "hypothetical";
    static const word cases[] = {{ZY_WORD("場合")}, {ZY_WORD("としたら")}};
    for (size_t i = f->end; i + 6 <= se && i < f->end + 18; i++)
        if (at_any(t, i, se, cases, COUNT(cases)))
            return "hypothetical";
    return NULL;
}

/* Is the label an attribute of a company rather than an owner: the row of a one-company table
 * or list (売上高, 営業利益, 資本金, 設立, 従業員数)? Its owner is the block's or the article's. */
static bool names_attribute(const char *name, size_t len)
{
    static const word attributes[] = {
        {ZY_WORD("売上")}, {ZY_WORD("営業収益")}, {ZY_WORD("営業利益")}, {ZY_WORD("営業損益")}, {ZY_WORD("経常")},
        {ZY_WORD("純利益")}, {ZY_WORD("純損益")}, {ZY_WORD("当期")}, {ZY_WORD("四半期")}, {ZY_WORD("資本金")},
        {ZY_WORD("設立")}, {ZY_WORD("創業")}, {ZY_WORD("従業員")}, {ZY_WORD("社員")}, {ZY_WORD("本社")},
        {ZY_WORD("所在地")}, {ZY_WORD("代表")}, {ZY_WORD("上場")}, {ZY_WORD("初値")}, {ZY_WORD("公開価格")},
        {ZY_WORD("時価総額")}, {ZY_WORD("純資産")}, {ZY_WORD("総資産")}, {ZY_WORD("自己資本")}, {ZY_WORD("受注")},
        {ZY_WORD("出荷")}, {ZY_WORD("直近")}, {ZY_WORD("事業年度")}, {ZY_WORD("利益")}, {ZY_WORD("損益")},
        {ZY_WORD("収益")}, {ZY_WORD("親会社")}, {ZY_WORD("1株")}};
    return at_any(name, 0, len, attributes, COUNT(attributes)) > 0;
}

/* Is the label a version, a time or a metric rather than an owner (前回予想(A), 増減率(%), 前年,
 * 12/3, 2024年, ROIC)? Such a row's figure is nobody's value on its own. */
static bool names_version(const char *name, size_t len)
{
    static const word versions[] = {
        {ZY_WORD("前年")}, {ZY_WORD("前期")}, {ZY_WORD("今期")}, {ZY_WORD("通期")}, {ZY_WORD("合計")},
        {ZY_WORD("その他")}, {ZY_WORD("前回")}, {ZY_WORD("今回")}, {ZY_WORD("増減")}, {ZY_WORD("予想")},
        {ZY_WORD("(ご参考)")}, {ZY_WORD("ご参考")}, {ZY_WORD("参考")}, {ZY_WORD("実績")}, {ZY_WORD("%")}};
    if (at_any(name, 0, len, versions, COUNT(versions)))
        return true;
    /* a metric's abbreviation is nobody: ROIC 12%, EPS 150円, BEV 20% */
    static const word metrics[] = {
        {ZY_WORD("ROIC")}, {ZY_WORD("ROE")}, {ZY_WORD("ROA")}, {ZY_WORD("EPS")}, {ZY_WORD("BPS")},
        {ZY_WORD("PER")}, {ZY_WORD("PBR")}, {ZY_WORD("EBITDA")}, {ZY_WORD("GDP")}, {ZY_WORD("CPI")},
        {ZY_WORD("BEV")}, {ZY_WORD("PHEV")}, {ZY_WORD("HEV")}, {ZY_WORD("FCEV")}, {ZY_WORD("CAGR")},
        {ZY_WORD("ARPU")}, {ZY_WORD("KPI")}, {ZY_WORD("YoY")}};
    for (size_t k = 0; k < COUNT(metrics); k++)
        if (metrics[k].len == len && memcmp(name, metrics[k].text, len) == 0)
            return true;
    bool timelike = len > 0;
    for (size_t i = 0; i < len && timelike; i++) {
        unsigned char c = (unsigned char)name[i];
        if ((c >= '0' && c <= '9') || c == '/' || c == '-' || c == '.' || c == ' ')
            continue;
        timelike = i + 3 <= len && (memcmp(name + i, "年", 3) == 0 || memcmp(name + i, "月", 3) == 0 ||
                                    memcmp(name + i, "日", 3) == 0);
        i += timelike ? 2 : 0;
    }
    return timelike;
}

/* What a label is, found once per label (a table's facts share their row's): 1 an attribute,
 * 2 a version, time or metric, 0 an owner's name. */
static int label_kind(zy_scan_state *s, const zy_subject *subject)
{
    if (s->label_a != subject->start || s->label_b != subject->end || !s->label_known) {
        const char *name = s->norm.text + subject->start;
        size_t len = subject->end - subject->start;
        s->label_kind = names_version(name, len) ? 2 : subject->entity < 0 && names_attribute(name, len) ? 1 : 0;
        s->label_a = subject->start, s->label_b = subject->end, s->label_known = true;
    }
    return s->label_kind;
}

/* The fact's confidence in its owner, measure and time (0–1): the rule's weight, less for a
 * name the dictionary does not know, a figure no measure word qualifies, an unknown time;
 * nobody's figure (no owner, a caveat) is at most 0.2. */
static double fact_confidence(const zy_fact *x, const zy_subject *subject, const char *basis)
{
    if (!subject || subject->end <= subject->start)
        return 0.0;
    double c = basis_weight(basis);
    bool row = strcmp(basis, "table-row") == 0 || strcmp(basis, "list-item") == 0;
    if (subject->entity < 0)
        c *= row ? 0.95 : 0.9;
    if (!x->measure && x->kind != ZY_KIND_DATE && x->kind != ZY_KIND_RANK)
        c *= 0.85;
    if (!x->time[0] && x->kind != ZY_KIND_DATE)
        c *= 0.95;
    if (x->caveat && c > 0.2)
        c = 0.2;
    return (double)(long)(c * 100 + 0.5) / 100; /* two decimals: stable text in JSON and SQLite */
}

void zy_scan_add(zy_scan_state *s, const zy_figure *f, const zy_subject *subject,
                 const char *measure, const char *source, size_t sentence_start,
                 size_t sentence_end, const char *time, long table_id, long row, long col)
{
    if (s->status)
        return;
    if (sentence_end - sentence_start > SENTENCE_MAX) {
        /* each figure of a run-on text would carry all of it: keep its neighbourhood */
        const char *t = s->norm.text;
        size_t a = f->start > sentence_start + SENTENCE_CONTEXT ? f->start - SENTENCE_CONTEXT : sentence_start;
        size_t b = f->end + SENTENCE_CONTEXT < sentence_end ? f->end + SENTENCE_CONTEXT : sentence_end;
        sentence_start = char_start(t, a, sentence_start);
        sentence_end = b < sentence_end ? char_start(t, b, f->end) : sentence_end;
    }
    zy_subject block_owner;
    int kind = subject && subject->end > subject->start ? label_kind(s, subject) : 0;
    if (kind == 1) {
        /* "売上高 | 120億円" in a company's table: the company's, measured by the label */
        if (!measure)
            measure = zy_measure_near(s->norm.text, subject->start, subject->end, subject->end, subject->end, f->kind);
        bool owned = zy_block_owner(s, subject->start, &block_owner);
        if (!owned)
            block_owner = (zy_subject){subject->start, subject->end, subject->entity, NULL, "attribute-label"};
        subject = &block_owner;
    }
    zy_document *d = s->doc;
    if (d->nfacts >= FLUSH_FACTS && s->flush) {
        s->status = s->flush(s->flush_data);
        s->sentence = NULL; /* its copy went with the strings, and so did the subject's */
        s->subject_copy.subject_text = NULL;
        if (s->status)
            return;
    }
    if (d->nfacts == s->fact_cap) {
        size_t cap = s->fact_cap ? s->fact_cap * 2 : 64;
        zy_fact *grown = realloc(d->facts, cap * sizeof *grown);
        if (!grown) {
            s->status = ZY_ERR_NOMEM;
            return;
        }
        d->facts = grown;
        s->fact_cap = cap;
    }
    const char *t = s->norm.text;
    zy_fact *x = &d->facts[d->nfacts];
    static const zy_fact blank_fact; /* all zero; a copy, not memset: see zy_figure_at */
    *x = blank_fact;
    x->start = zy_norm_orig(&s->norm, f->start);
    x->end = zy_norm_orig(&s->norm, f->end);
    x->kind = f->kind;
    x->has_value = f->has_value;
    x->has_value_max = f->has_value_max;
    x->value = f->value;
    x->value_max = f->value_max;
    x->unit = f->unit;
    x->approx = f->approx;
    x->bound = f->bound;
    x->measure = measure;
    x->source = source;
    x->table_id = table_id;
    x->table_row = row;
    x->table_col = col;
    if (f->kind == ZY_KIND_DATE)
        zy_scan_date_iso(s, f, x->time);
    else if (time) {
        size_t n = strnlen(time, sizeof x->time - 1);
        memcpy(x->time, time, n);
        x->time[n] = '\0';
    }
    bool ok = true;
    x->text = copy_range(s, s->bytes, x->start, x->end);
    ok &= x->text != NULL;
    x->counter = f->counter; /* the grammar's own string: nothing to copy */
    if (subject && subject->end > subject->start) {
        zy_subject_copy *c = &s->subject_copy;
        if (!c->subject_text || c->start != subject->start || c->end != subject->end ||
            c->entity != subject->entity || c->country_given != subject->country) {
            /* a new subject: copy it once for the facts that follow with the same one */
            c->start = subject->start;
            c->end = subject->end;
            c->entity = subject->entity;
            c->country_given = subject->country;
            c->country = NULL;
            c->subject_text = zy_pool_strndup(s->strings, t + subject->start, subject->end - subject->start);
            ok &= c->subject_text != NULL;
            if (subject->entity >= 0)
                c->subject = copy_string(s, s->entities->entities[subject->entity].name);
            else
                c->subject = c->subject_text;
            ok &= c->subject != NULL;
            if (subject->country)
                ok &= (c->country = copy_string(s, subject->country)) != NULL;
            else if (subject->entity >= 0 && s->entities->entities[subject->entity].country[0]) {
                /* the dictionary's country, by its canonical country entity when there is one */
                ok &= (c->country = copy_string(s, zy_entity_country_name(s->entities, (size_t)subject->entity))) != NULL;
            }
            if (!ok)
                c->subject_text = NULL;
        }
        x->subject_text = c->subject_text;
        x->subject = c->subject;
        x->country = c->country;
    }
    /* the sentence, as written in the file, without surrounding blanks; copied once for all
     * the facts of a sentence */
    if (!s->sentence || s->sentence_norm_a != sentence_start || s->sentence_norm_b != sentence_end) {
        size_t a = zy_norm_orig(&s->norm, sentence_start), b = zy_norm_orig(&s->norm, sentence_end);
        while (a < b && (s->bytes[a] == ' ' || s->bytes[a] == '\n' || s->bytes[a] == '\t'))
            a++;
        while (b > a && (s->bytes[b - 1] == ' ' || s->bytes[b - 1] == '\n' || s->bytes[b - 1] == '\r'))
            b--;
        if (!s->sentence || s->sentence_a != a || s->sentence_b != b) {
            s->sentence = copy_range(s, s->bytes, a, b);
            s->sentence_a = a;
            s->sentence_b = b;
        }
        s->sentence_norm_a = sentence_start;
        s->sentence_norm_b = sentence_end;
    }
    x->basis = subject && subject->end > subject->start ? (subject->basis ? subject->basis : default_basis(source))
                                                         : "none";
    if (kind == 2)
        x->basis = "attribute-label"; /* weighs 0.1: the owner is not written on the row */
    x->caveat = f->kind == ZY_KIND_DATE ? NULL : figure_caveat(s, sentence_start, sentence_end, f);
    x->confidence = fact_confidence(x, subject, x->basis);
    x->sentence = s->sentence;
    x->sentence_start = s->sentence_a;
    x->sentence_end = s->sentence_b;
    ok &= x->sentence != NULL;
    d->nfacts++;
    if (!ok)
        s->status = ZY_ERR_NOMEM;
}

size_t zy_line_at(const zy_scan_state *s, size_t pos)
{
    size_t lo = 0, hi = s->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->lines[mid].start <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

zy_status zy_tables_append(zy_document *into, const zy_table_info *tables, size_t n)
{
    if (n == 0)
        return ZY_OK;
    zy_table_info *grown = realloc(into->tables, (into->ntables + n) * sizeof *grown);
    if (!grown)
        return ZY_ERR_NOMEM;
    into->tables = grown;
    for (size_t i = 0; i < n; i++) {
        char *caption = strdup(tables[i].caption);
        if (!caption)
            return ZY_ERR_NOMEM;
        into->tables[into->ntables++] = (zy_table_info){caption, tables[i].start};
    }
    return ZY_OK;
}

void zy_tables_clear(zy_document *doc)
{
    for (size_t i = 0; i < doc->ntables; i++)
        free(doc->tables[i].caption);
    free(doc->tables);
    doc->tables = NULL;
    doc->ntables = 0;
}

