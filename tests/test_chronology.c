/*
 * test_chronology.c: the chronology (年表) reader, table-driven. Each case is a made-up
 * company history in one of the shapes the reader knows (years on their own lines over
 * events, runs of dated event lines, "name(1889年)" headings, plain title-and-description
 * years); the dates it must give, with their subjects and measures, the other figures of the
 * events with the event's date as their time, and that prose does not read the same lines
 * again. Texts that are not chronologies (series rows, dated prose) must give no chronology
 * facts, and bad input (10,000 year lines, events with no year) must not crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zuhyo/zuhyo.h"

#include "test_context.h"

#define MAX_EXPECTED 8

typedef struct expected_date {
    const char *time;
    const char *subject;      /* canonical subject; "" none */
    const char *measure;      /* NULL: none */
} expected_date;

typedef struct expected_figure {
    zy_fact_kind kind;
    double value;
    const char *time;         /* the event's date */
    const char *subject;
} expected_figure;

typedef struct chronology_case {
    const char *name;
    const char *text;
    expected_date dates[MAX_EXPECTED];     /* ends at time NULL */
    expected_figure figures[MAX_EXPECTED]; /* ends at time NULL */
} chronology_case;

static const chronology_case cases[] = {
    {"years on their own lines, bulleted events",
     "ミドリ製菓の歩み\n"
     "1921\n"
     "◆創業者が港町で「緑屋菓子店」を創業。\n"
     "1948\n"
     "◆「ミドリ製菓株式会社」を設立。\n"
     "◆4月 初めてのチョコレート菓子を発売。\n"
     "1975年(昭和50年)\n"
     "・東京証券取引所に株式を上場。資本金は30億円。\n",
     {{"1921", "緑屋菓子店", "founded"},
      {"1948", "ミドリ製菓株式会社", "founded"},
      {"1948-04", "ミドリ製菓", "release"},
      {"1975", "ミドリ製菓", NULL}},
     {{ZY_KIND_MONEY, 3e9, "1975", "ミドリ製菓"}}},
    {"a run of dated lines with details under them",
     "ルミナの年表\n" /* a title with a space would head a table (tables.c reads first) */
     "- 2021年3月1日|Lumina Labs 設立\n"
     "- 2022/6/15: Orbit-1 公開\n"
     "  - 月額20ドルの有料プランも用意\n"
     "- 2023年9月 Orbit-2 リリース\n"
     "\n"
     "その後のLumina Labsは海外にも広がった。\n",
     {{"2021-03-01", "Lumina Labs", "founded"},
      {"2022-06-15", "Orbit-1", "release"},
      {"2023-09", "Orbit-2", "release"}},
     {{ZY_KIND_MONEY, 20, "2022-06-15", "Orbit-1"}}},
    {"headings: a name with its year in brackets",
     "青葉電機の沿革\n"
     "設立(1952年)\n"
     "~スターボード(1990年発売)\n"
     "青葉電機はその後も家電を作り続けた。\n",
     {{"1952", "青葉電機", "founded"}, {"1990", "スターボード", "release"}},
     {{0}}},
    {"plain years: a title and a description under each",
     "東都ロボティクスの歴史\n"
     "1995 04月\n"
     "会社設立\n"
     "東都ロボティクス株式会社を設立\n"
     "創業したときの社員は12人だった。\n"
     "2001\n"
     "業績好調\n"
     "売上高50億円を達成。\n",
     {{"1995-04", "東都ロボティクス株式会社", "founded"}, {"2001", "東都ロボティクス", NULL}},
     {{ZY_KIND_COUNT, 12, "1995-04", "東都ロボティクス株式会社"},
      {ZY_KIND_MONEY, 5e9, "2001", "東都ロボティクス"}}},
    {"rows of a pipe table",
     "コウゾウの沿革\n"
     "| 2013年2月 | 株式会社コウゾウ設立 |\n"
     "| 2013年7月 | アプリ「コウゾウ」の提供開始 |\n",
     {{"2013-02", "株式会社コウゾウ", "founded"}, {"2013-07", "コウゾウ", "release"}},
     {{0}}},
    {"a person or a partner is not the subject",
     "北浜工業の歩み\n"
     "1960\n"
     "◆北浜工業が大阪で創業。\n"
     "1968\n"
     "◆田中一郎氏が社長に就任。\n"
     "1972\n"
     "◆「星空電子」と業務提携。\n"
     "1980\n"
     "◆ソニーと合弁会社を設立。\n",
     {{"1960", "北浜工業", "founded"}, {"1968", "北浜工業", NULL}, {"1972", "北浜工業", NULL},
      {"1980", "北浜工業", "founded"}},
     {{0}}},
};

/* Texts that are not chronologies: no fact may come from the chronology reader. */
static const char *const not_chronologies[] = {
    "利用率の推移\n2023年 | 9.1% |\n2024年 | 26.7% |\n",
    "2024年3月期の売上高は100億円。\n2025年3月期の売上高は120億円。\n",
    "2025年3月14日\n\n本日、新しい工場が完成した。\n",
    "売上高の推移(2024年)\nA社: 100億円\nB社: 80億円\n",
    "1999\n",
    "▼受注額上位3社(2024年度)\n1. ナギ重工 2,300億円\n2. シオ造船 1,800億円\n",
    "国別トップ5の輸出額(2023年)\n1. 甲国 500億ドル\n2. 乙国 420億ドル\n",
};

static const char *or_empty(const char *s) { return s ? s : ""; }

static bool from_chronology(const zy_fact *f)
{
    return f->source && strcmp(f->source, "chronology") == 0;
}

static void check_case(const chronology_case *c)
{
    zy_document *doc;
    assert_int_equal(zy_scan(ctx, "t.txt", c->text, strlen(c->text), NULL, &doc), ZY_OK);
    size_t expected_dates = 0;
    for (const expected_date *e = c->dates; e->time; e++, expected_dates++) {
        size_t found = 0, dated = 0;
        for (size_t i = 0; i < doc->nfacts; i++) {
            const zy_fact *f = &doc->facts[i];
            if (f->kind != ZY_KIND_DATE || strcmp(f->time, e->time) != 0)
                continue;
            dated++;
            if (!from_chronology(f))
                fail_msg("%s: %s read by %s, not the chronology", c->name, e->time, f->source);
            found++;
            if (strcmp(or_empty(f->subject), e->subject) != 0)
                fail_msg("%s: %s subject \"%s\", expected \"%s\"", c->name, e->time, or_empty(f->subject),
                         e->subject);
            if (strcmp(or_empty(f->measure), or_empty(e->measure)) != 0)
                fail_msg("%s: %s measure %s, expected %s", c->name, e->time, or_empty(f->measure),
                         or_empty(e->measure));
        }
        if (found != 1 || dated != 1)
            fail_msg("%s: %zu dates %s (%zu from the chronology), expected one", c->name, dated, e->time, found);
    }
    size_t chronology_dates = 0;
    for (size_t i = 0; i < doc->nfacts; i++)
        chronology_dates += doc->facts[i].kind == ZY_KIND_DATE;
    if (chronology_dates != expected_dates)
        fail_msg("%s: %zu dates, expected %zu", c->name, chronology_dates, expected_dates);
    for (const expected_figure *e = c->figures; e->time; e++) {
        size_t found = 0;
        for (size_t i = 0; i < doc->nfacts; i++) {
            const zy_fact *f = &doc->facts[i];
            if (f->kind != e->kind || fabs(f->value - e->value) > 1e-6 * fmax(1, e->value))
                continue;
            found++;
            if (!from_chronology(f) || strcmp(f->time, e->time) != 0 ||
                strcmp(or_empty(f->subject), e->subject) != 0)
                fail_msg("%s: %g from %s at %s of \"%s\", expected the chronology at %s of \"%s\"", c->name,
                         e->value, f->source, f->time, or_empty(f->subject), e->time, e->subject);
        }
        if (found != 1)
            fail_msg("%s: %zu figures %g, expected one", c->name, found, e->value);
    }
    zy_document_destroy(doc);
}

static void test_shapes(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(&cases[i]);
}

static void test_not_chronologies(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof not_chronologies / sizeof not_chronologies[0]; i++) {
        const char *text = not_chronologies[i];
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "t.txt", text, strlen(text), NULL, &doc), ZY_OK);
        for (size_t k = 0; k < doc->nfacts; k++)
            if (from_chronology(&doc->facts[k]))
                fail_msg("text %zu: «%s» read as a chronology", i, doc->facts[k].text);
        zy_document_destroy(doc);
    }
}

/* 10,000 year lines with nothing under them; then the same with one event each. */
static void test_many_years(void **state)
{
    (void)state;
    size_t n = 10000, cap = n * 64;
    char *text = malloc(cap);
    assert_non_null(text);
    for (int events = 0; events < 2; events++) {
        size_t len = 0;
        for (size_t i = 0; i < n; i++)
            len += (size_t)snprintf(text + len, cap - len, events ? "%zu\n◆設立\n" : "%zu\n", 1000 + i % 1100);
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "t.txt", text, len, NULL, &doc), ZY_OK);
        size_t dates = 0;
        for (size_t k = 0; k < doc->nfacts; k++)
            dates += from_chronology(&doc->facts[k]);
        assert_int_equal(dates, events ? n : 0);
        zy_document_destroy(doc);
    }
    free(text);
}

/* Events with no year above them, and broken lines: nothing read, nothing crashes. */
static void test_bad_input(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "◆「孤立商事」を設立。\n・4月 新製品を発売。\n",
        "1889\n◆",
        "1889\n◆\n1890\n◆\n",
        "2020年(\n",
        "(2020年)",
        "~(1999年)\n",
        "- 2022年11月30日|\n- 2022年12月1日|\n",
        "- 2013/13/45 何か\n- 2013/2/30 何か\n",
        "- 9999年1月 遠い未来\n- 0001年1月 遠い過去\n",
        "1889年\n「\n1890年\n『閉じない\n",
        "株式会社\n1900\n◆株式会社\n1901\n◆有限会社を設立\n",
        NULL, /* a dated run whose events are one very long line each */
    };
    size_t long_len = 600 * 1024; /* one batch: a batch ends at a line end near 1 MiB */
    char *long_run = malloc(long_len + 1);
    assert_non_null(long_run);
    const char *unit = "「設立」ab"; /* 11 bytes */
    for (size_t i = 0; i + 11 <= long_len; i += 11)
        memcpy(long_run + i, unit, 11);
    memset(long_run + long_len - long_len % 11, 'a', long_len % 11);
    memcpy(long_run, "- 2020年1月: ", strlen("- 2020年1月: "));
    memcpy(long_run + long_len / 2, "\n- 2021年2月: ", strlen("\n- 2021年2月: "));
    long_run[long_len] = '\0';
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const char *text = texts[i] ? texts[i] : long_run;
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "t.txt", text, strlen(text), NULL, &doc), ZY_OK);
        size_t dates = 0;
        for (size_t k = 0; k < doc->nfacts; k++)
            dates += from_chronology(&doc->facts[k]) && doc->facts[k].kind == ZY_KIND_DATE;
        if (i == 0 && dates)
            fail_msg("an event with no year gave %zu dates", dates);
        if (!texts[i] && dates != 2)
            fail_msg("the two very long events gave %zu dates", dates);
        zy_document_destroy(doc);
    }
    free(long_run);
}

int main(void)
{
    printf("# %zu chronology cases, %zu texts that are not chronologies\n", sizeof cases / sizeof cases[0],
           sizeof not_chronologies / sizeof not_chronologies[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shapes),
        cmocka_unit_test(test_not_chronologies),
        cmocka_unit_test(test_many_years),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
