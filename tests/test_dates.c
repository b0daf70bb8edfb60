/*
 * test_dates.c: the article's own date wherever it is printed (a dateline at the end,
 * 公開日:, 更新日, "date …" at the start, a headline's closing date, a wire dateline without a
 * year) and the dates news writes against it: a day alone (6日、, 4日発表した), 今月9日,
 * 先月20日, 昨日, a month-day without a year in the story's tense. Table-driven; every text
 * is made up.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "zuhyo/zuhyo.h"

#include "test_context.h"

typedef struct date_case {
    const char *text;
    const char *option; /* --date, or NULL */
    const char *figure; /* the date as written */
    const char *time;   /* its ISO time; NULL: it must be no date fact */
} date_case;

static const date_case cases[] = {
    /* a dateline at the end of the article dates the day written alone */
    {"ミナト電機は6日、新工場を建てると発表した。\n\n東都経済新聞2024年3月5日付\n", NULL, "6日", "2024-03-06"},
    {"ミナト電機は4日発表した。\n\n東都経済新聞2024年3月5日付\n", NULL, "4日", "2024-03-04"},
    {"オオトリ製薬は2日、決算を発表した。\n\n2024.03.05 公開\n", NULL, "2日", "2024-03-02"},
    /* a day well after the article's is last month's */
    {"公開日:2024年3月5日\n\nサクラ精工は28日、社名を変えた。", NULL, "28日", "2024-02-28"},
    {"更新日 2024/03/05\n\n同社は今月1日に新社長を迎えた。", NULL, "今月1日", "2024-03-01"},
    {" date 2025-09-03 調査会社は2日、報告書を出した。", NULL, "2日", "2025-09-02"},
    {"新型ロボを発表 (2023年5月1日)\n\nアオバ工業は先月20日、試作機を公開した。", NULL, "先月20日", "2023-04-20"},
    {"2025年1月3日 10:30\n\nアオバ工業は先月20日、試作機を公開した。", NULL, "先月20日", "2024-12-20"},
    /* a plan on a later day stays in the article's month */
    {"2025年1月10日\n\nミドリ化学は20日に新製品を発売する予定だ。", NULL, "20日", "2025-01-20"},
    /* a month-day without a year: the article's year, the year before for a later month in
     * the past, the year after for a plan in an earlier month */
    {"2025年3月14日 10:30\n\nミドリ化学は12月に工場を閉じた。", NULL, "12月", "2024-12"},
    {"2025年3月14日 10:30\n\nミドリ化学は2月9日に工場を閉じた。", NULL, "2月9日", "2025-02-09"},
    {"2025年11月20日\n\nミドリ化学は1月15日に新工場を稼働させる予定だ。", NULL, "1月15日", "2026-01-15"},
    {"2025年3月14日\n\nミドリ化学は3月28日に工場を閉じた。", NULL, "3月28日", "2024-03-28"},
    {"2025年3月14日\n\nミドリ化学は3月28日に工場を閉じる予定だ。", NULL, "3月28日", "2025-03-28"},
    {"2025年3月14日\n\nミドリ化学は昨年12月に工場を閉じた。", NULL, "昨年12月", "2024-12"},
    {"2025年3月14日\n\nミドリ化学は来年1月20日に上場する。", NULL, "来年1月20日", "2026-01-20"},
    {"2025年3月14日\n\nミドリ化学は今年4〜6月に黒字になった。", NULL, "今年4〜6月", "2025-04"},
    /* --date wins over the page's own date */
    {"東都経済新聞2024年3月5日付\n\n同社は22日、株式を譲渡すると発表した。", "2024-07-25", "22日", "2024-07-22"},
    {"同社は昨日、声明を出した。", "2024-03-01", "昨日", "2024-02-29"},
    {"同社は昨日、声明を出した。", "2025-01-01", "昨日", "2024-12-31"},
    /* a wire dateline has no year: the latest year written gives it (25年 when no other) */
    {"【東都通信大阪8月26日】アオバ工業がこのほど発表した4〜6月決算は好調だった。25年通期の見通しも上げた。",
     NULL, "4〜6月", "2025-04"},
    {"【東都通信大阪8月26日】アオバ工業は2024年の計画を上げた。同社は22日、新社長を迎えた。", NULL, "22日",
     "2024-08-22"},
    /* 同日, 前日, 翌日: the last date written; counted spans from the article's date */
    {"アオバ工業は2024年7月23日に決算を発表した。同日、社長が会見した。", NULL, "同日", "2024-07-23"},
    {"2024年3月10日\n\nサクラ精工は1日発表した。前日に取締役会を開いた。", NULL, "前日", "2024-02-29"},
    {"アオバ工業は2023年12月31日に上場した。翌日に記念式典を開いた。", NULL, "翌日", "2024-01-01"},
    {"同社は3日前に声明を出した。", "2024-03-02", "3日前", "2024-02-28"},
    {"同社は2週間後に新製品を出す。", "2024-12-25", "2週間後", "2025-01-08"},
    {"同社は2カ月前に社長を替えた。", "2024-01-15", "2カ月前", "2023-11"},
    {"同社は先週、新工場を公開した。", "2024-03-05", "先週", "2024-02"},
    /* a lead sentence that opens with a date tells an event, not the page's date */
    {"2019年4月1日、ミナト電機は6日、新工場を建てると発表した。", NULL, "6日", NULL},
    /* not dates: a comparison with the day before, a span after another event */
    {"2024年3月1日\n\n株価は前日比3%高だった。", NULL, "前日", NULL},
    {"同社は発売した2カ月後に値下げした。", "2024-01-15", "2カ月後", NULL},
    /* not dates: a duration, a rate, a day without a known month, a list of dated lines */
    {"2025年1月10日\n\n研修は18日間続いた。", NULL, "18日", NULL},
    {"2025年1月10日\n\n薬は1日に2回飲む。", NULL, "1日", NULL},
    {"2025年1月10日\n\n工事は30日に及んだ。", NULL, "30日", NULL},
    {"ミナト電機は6日、新工場を建てると発表した。", NULL, "6日", NULL},
    {"沿革\n\n2021年4月1日\n\n2022年6月1日\n\n2023年9月1日\n\nミナト電機は5日、新社長を迎えた。", NULL, "5日", NULL},
    {"沿革\n\n2021年4月1日\n設立\n2022年6月1日\n上場\n\nミナト電機は5日、新社長を迎えた。", NULL, "5日", NULL},
};

/* The date fact whose text is figure, or NULL. */
static const zy_fact *date_fact(const zy_document *doc, const char *figure)
{
    for (size_t k = 0; k < doc->nfacts; k++)
        if (doc->facts[k].kind == ZY_KIND_DATE && strcmp(doc->facts[k].text, figure) == 0)
            return &doc->facts[k];
    return NULL;
}

/* Every case is checked and every failure printed, then the test fails if any did. */
static void test_dates(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const date_case *c = &cases[i];
        zy_scan_options o = {.date = c->option};
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "t.txt", c->text, strlen(c->text), &o, &doc), ZY_OK);
        const zy_fact *f = date_fact(doc, c->figure);
        if (!c->time && f) {
            print_error("case %zu «%s»: %s is a date (%s)\n", i, c->text, c->figure, f->time);
            failures++;
        } else if (c->time && !f) {
            print_error("case %zu «%s»: no date %s\n", i, c->text, c->figure);
            failures++;
        } else if (c->time && strcmp(f->time, c->time) != 0) {
            print_error("case %zu «%s»: %s has time %s, expected %s\n", i, c->text, c->figure, f->time, c->time);
            failures++;
        }
        zy_document_destroy(doc);
    }
    assert_int_equal(failures, 0);
}

int main(void)
{
    printf("# %zu date cases\n", sizeof cases / sizeof cases[0]);
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_dates)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
