/*
 * auto_select.c: which stored facts `zuhyo auto` may draw, and which may share a chart (see
 * auto.h). A fact is drawn only when somebody owns it, nothing marks it as nobody's value (a
 * threshold, a hypothetical) and the extractor's confidence reaches the floor. Two facts share
 * a chart only when they measure the same thing in the same unit and counter, at the same
 * time, and their owners are of one kind (companies with companies, countries with
 * countries); facts of different articles only when the measure and the time are both known.
 * Also the words of titles: what a measure is called, when a time is.
 * May call: api (auto.h), util.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/auto.h"

auto_owner_type auto_owner_type_of(const auto_fact *f)
{
    return f->country && f->subject && strcmp(f->subject, f->country) == 0 ? AUTO_OWNER_COUNTRY
                                                                            : AUTO_OWNER_ORG;
}

/* Does the measure say what a figure of this kind can be (revenue is money, a share a
 * percentage)? A count of machines sold read as "revenue" cannot be drawn as revenue. */
static bool measure_fits_kind(const char *measure, zy_fact_kind kind)
{
    static const char *const money[] = {"valuation", "funding", "investment", "assets", "cost", "market_size",
                                        "revenue", "profit", "market_cap", "salary", "price_cut", "first_price",
                                        "ipo_price", "share_price", "dividend", "acquisition_price", "budget"};
    static const char *const percent[] = {"share", "growth"};
    if (!measure)
        return true;
    for (size_t i = 0; i < sizeof money / sizeof money[0]; i++)
        if (strcmp(measure, money[i]) == 0)
            return kind == ZY_KIND_MONEY;
    for (size_t i = 0; i < sizeof percent / sizeof percent[0]; i++)
        if (strcmp(measure, percent[i]) == 0)
            return kind == ZY_KIND_PERCENT;
    if (strcmp(measure, "author_count") == 0)
        return kind == ZY_KIND_COUNT;
    return true;
}

const char *auto_unusable(const auto_fact *f, double min_confidence, char *why, size_t cap)
{
    if (!measure_fits_kind(f->measure, f->kind)) {
        snprintf(why, cap, "a %s figure cannot be %s", zy_fact_kind_name(f->kind), f->measure);
        return why;
    }
    if (f->caveat) {
        snprintf(why, cap, "%s: nobody's value", f->caveat);
        return why;
    }
    if (f->confidence >= 0 && f->confidence + 1e-9 < min_confidence) {
        snprintf(why, cap, "confidence %.2f below %.2f (owner by %s)", f->confidence, min_confidence,
                 f->basis ? f->basis : "?");
        return why;
    }
    return NULL;
}

/* Facts of different articles may meet in a chart only when both measure and time are known. */
static bool crossable(const auto_fact *f)
{
    return f->measure && f->time[0];
}

static int compare_strings(const char *a, const char *b)
{
    return !a || !b ? (a != NULL) - (b != NULL) : strcmp(a, b);
}

int auto_compare_measure(const auto_fact *a, const auto_fact *b)
{
    int c;
    if ((c = (int)crossable(b) - (int)crossable(a)) != 0)
        return c;
    if ((c = compare_strings(a->measure, b->measure)) != 0 || (c = compare_strings(a->unit, b->unit)) != 0 ||
        (c = compare_strings(a->counter, b->counter)) != 0)
        return c;
    if ((c = (int)a->kind - (int)b->kind) != 0)
        return c;
    if ((c = (int)auto_owner_type_of(a) - (int)auto_owner_type_of(b)) != 0)
        return c;
    if ((c = strcmp(a->time, b->time)) != 0)
        return c;
    return crossable(a) ? 0 : strcmp(a->doc, b->doc);
}

const char *auto_measure_title(const char *measure)
{
    static const struct { const char *measure, *title; } titles[] = {
        {"valuation", "企業価値"}, {"funding", "資金調達額"}, {"investment", "投資額"},
        {"assets", "資産"}, {"cost", "コスト"}, {"market_size", "市場規模"}, {"revenue", "売上高"},
        {"profit", "利益"}, {"author_count", "論文著者数"}, {"total", "合計"}, {"share", "シェア"},
        {"growth", "伸び率"}, {"market_cap", "時価総額"}, {"salary", "給与"}, {"gap", "格差"},
        {"first_price", "初値"}, {"price_cut", "値下げ幅"}, {"rank", "順位"},
        {"ipo_price", "公開価格"}, {"share_price", "株価"}, {"dividend", "配当"},
        {"acquisition_price", "買収額"}, {"budget", "予算・支出"},
    };
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (measure && strcmp(measure, titles[i].measure) == 0)
            return titles[i].title;
    return NULL;
}

void auto_time_phrase(const char *iso, char *out, size_t cap)
{
    int y = 0, m = 0, d = 0;
    int n = sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);
    if (n == 3)
        snprintf(out, cap, "%d年%d月%d日時点", y, m, d);
    else if (n == 2)
        snprintf(out, cap, "%d年%d月時点", y, m);
    else if (n == 1)
        snprintf(out, cap, "%d年", y);
    else
        out[0] = '\0';
}

/* Length in characters of UTF-8 text. */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

bool auto_caption_is_title(const char *caption)
{
    static const char *const not_titles[] = {"Source", "source", "出典", "出所", "資料", "注", "(注)", "※", "http"};
    if (!caption || !caption[0] || utf8_chars(caption) > 40 || strstr(caption, "。") ||
        strstr(caption, "  ") || strchr(caption, '\t') || strchr(caption, '|'))
        return false; /* a sentence, or a header row's cells ("企業  シェア(%)") */
    for (size_t i = 0; i < sizeof not_titles / sizeof not_titles[0]; i++)
        if (strncmp(caption, not_titles[i], strlen(not_titles[i])) == 0)
            return false;
    return true;
}

void auto_short_title(const char *title, char *out, size_t cap)
{
    /* at most 24 characters that fit with a … in cap, cut at a character boundary */
    size_t i = 0, chars = 0;
    while (title[i] && chars < 24) {
        size_t next = i + 1;
        while (((unsigned char)title[next] & 0xC0) == 0x80)
            next++;
        if (next + 4 > cap)
            break;
        i = next;
        chars++;
    }
    snprintf(out, cap, "%.*s%s", (int)i, title, title[i] ? "…" : "");
}

/* Articles and measures: the order in which a run of facts is one measure of one article. */
static int by_article_measure(const void *pa, const void *pb)
{
    const auto_fact *a = *(auto_fact *const *)pa, *b = *(auto_fact *const *)pb;
    int c;
    if ((c = strcmp(a->doc, b->doc)) != 0 || (c = compare_strings(a->measure, b->measure)) != 0 ||
        (c = compare_strings(a->unit, b->unit)) != 0 || (c = compare_strings(a->counter, b->counter)) != 0)
        return c;
    if ((c = (int)a->kind - (int)b->kind) != 0)
        return c;
    if ((c = (int)auto_owner_type_of(a) - (int)auto_owner_type_of(b)) != 0)
        return c;
    return (a->id > b->id) - (a->id < b->id);
}

static bool same_article_measure(const auto_fact *a, const auto_fact *b)
{
    return strcmp(a->doc, b->doc) == 0 && compare_strings(a->measure, b->measure) == 0 &&
           compare_strings(a->unit, b->unit) == 0 && compare_strings(a->counter, b->counter) == 0 &&
           a->kind == b->kind && auto_owner_type_of(a) == auto_owner_type_of(b);
}

zy_status auto_settle_times(auto_facts *fs)
{
    auto_fact **v = malloc((fs->n ? fs->n : 1) * sizeof *v);
    if (!v)
        return ZY_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < fs->n; i++)
        if (fs->items[i].measure && fs->items[i].kind != ZY_KIND_DATE && fs->items[i].kind != ZY_KIND_RANK)
            v[n++] = &fs->items[i];
    qsort(v, n, sizeof *v, by_article_measure);
    for (size_t i = 0; i < n;) {
        size_t end = i + 1;
        while (end < n && same_article_measure(v[i], v[end]))
            end++;
        const char *time = NULL;
        bool one = true;
        for (size_t k = i; k < end && one; k++)
            if (v[k]->time[0]) {
                one = !time || strcmp(time, v[k]->time) == 0;
                time = v[k]->time;
            }
        if (time && one)
            for (size_t k = i; k < end; k++)
                if (!v[k]->time[0]) {
                    memcpy(v[k]->time, time, sizeof v[k]->time);
                    v[k]->time_settled = true;
                }
        i = end;
    }
    free(v);
    return ZY_OK;
}
