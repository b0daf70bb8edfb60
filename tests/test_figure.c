/*
 * test_figure.c: the figure grammar's money, number and date forms, table-driven: each case
 * scans a short text of our own and checks the first fact (kind, value, unit, time, text), or
 * that there is none; header probes ask zy_figure_at directly, as a table's caption reader
 * does; bare numbers are scanned with the numbers option.
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

#include "extract/figure.h"
#include "zuhyo/zuhyo.h"

#include "test_context.h"

typedef struct scan_case {
    const char *text;
    bool numbers;        /* scan with zy_scan_options.numbers */
    const char *kind;    /* of the first fact; NULL: no fact at all */
    double value;        /* not checked for dates */
    const char *unit;    /* NULL: not checked */
    const char *time;    /* NULL: not checked */
    const char *written; /* the fact's text; NULL: not checked */
    int nfacts;          /* -1: not checked */
} scan_case;

static const scan_case cases[] = {
    /* currencies by name (data/currencies.tsv) */
    {"評価額は約452兆ルピアに達した。", false, "money", 4.52e14, "IDR", NULL, "約452兆ルピア", 1},
    {"調達額は15兆8,000億ルピアだった。", false, "money", 1.58e13, "IDR", NULL, NULL, 1},
    {"売上高は9,000億ウォンだった。", false, "money", 9e11, "KRW", NULL, NULL, -1},
    {"5000万バーツを投じた。", false, "money", 5e7, "THB", NULL, NULL, -1},
    {"3億リンギットの契約。", false, "money", 3e8, "MYR", NULL, NULL, -1},
    {"20億ルーブルの赤字。", false, "money", 2e9, "RUB", NULL, NULL, -1},
    {"10億レアルを集めた。", false, "money", 1e9, "BRL", NULL, NULL, -1},
    {"2億スイスフランで買収した。", false, "money", 2e8, "CHF", NULL, NULL, -1},
    {"7億シンガポールドルを調達。", false, "money", 7e8, "SGD", NULL, NULL, -1},
    {"4億豪ドルの売上。", false, "money", 4e8, "AUD", NULL, NULL, -1},
    {"1000万カナダドルの出資。", false, "money", 1e7, "CAD", NULL, NULL, -1},
    {"3億人民元の利益。", false, "money", 3e8, "CNY", NULL, NULL, -1},
    {"1億ポンドの投資。", false, "money", 1e8, "GBP", NULL, NULL, -1},
    {"2億インドルピーの予算。", false, "money", 2e8, "INR", NULL, NULL, -1},
    {"3000万ユーロを調達した。", false, "money", 3e7, "EUR", NULL, NULL, -1},
    {"8億㌦の赤字となった。", false, "money", 8e8, "USD", NULL, NULL, -1},
    {"手数料は100USDだった。", false, "money", 100, "USD", NULL, NULL, -1},
    /* symbols before the number */
    {"同社は$120億を調達した。", false, "money", 1.2e10, "USD", NULL, "$120億", 1},
    {"株価はUS$3.5に上がった。", false, "money", 3.5, "USD", NULL, "US$3.5", 1},
    {"参加費はＵＳ＄２０だ。", false, "money", 20, "USD", NULL, NULL, 1},
    {"€45億の契約を結んだ。", false, "money", 4.5e9, "EUR", NULL, NULL, 1},
    {"£300の罰金が科された。", false, "money", 300, "GBP", NULL, NULL, 1},
    {"新型は￥9,800で売り出す。", false, "money", 9800, "JPY", NULL, NULL, 1},
    {"HK$50億の社債を出した。", false, "money", 5e9, "HKD", NULL, NULL, 1},
    {"定価はRp5000だった。", false, "money", 5000, "IDR", NULL, NULL, 1},
    {"約$3億の損失。", false, "money", 3e8, "USD", NULL, "約$3億", 1},
    /* sub-units */
    {"終値は1,580円40銭だった。", false, "money", 1580.4, "JPY", NULL, "1,580円40銭", 1},
    {"運賃は3ドル75セントだった。", false, "money", 3.75, "USD", NULL, NULL, 1},
    {"入場料は12元5角だった。", false, "money", 12.5, "CNY", NULL, NULL, 1},
    {"手数料は8元3角5分だ。", false, "money", 8.35, "CNY", NULL, NULL, 1},
    /* spaced numerals */
    {"給付は12 万 円になる。", false, "money", 1.2e5, "JPY", NULL, NULL, 1},
    {"予算は1 億 2000 万 円だ。", false, "money", 1.2e8, "JPY", NULL, NULL, 1},
    {"上位 10 社が独占した。", false, "count", 10, "count", NULL, NULL, 1},
    /* the middle dot as a decimal point, only before a unit */
    {"売上高は38・3%増えた。", false, "percent", 38.3, "%", NULL, "38・3%", 1},
    {"販売は5・3倍に伸びた。", false, "ratio", 5.3, "x", NULL, NULL, 1},
    {"二・五倍に増えた。", false, "ratio", 2.5, "x", NULL, NULL, 1},
    {"1・2位を独占した。", false, "rank", 2, "rank", NULL, "2位", 1},
    {"国内で3番目の規模だ。", false, "rank", 3, "rank", NULL, "3番目", 1},
    /* approximate amounts and clock times are no figures */
    {"数十億円の損失が出た。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"数千億円規模の投資になる。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"何百人もの客が並んだ。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"会見は9:30に始まった。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"10時30分に開場した。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"従業員数120名の会社だ。", false, "count", 120, "count", NULL, "120名", 1},
    {"(百万円)", false, NULL, 0, NULL, NULL, NULL, 0},
    /* dates */
    {"二〇二三年十一月五日に発表した。", false, "date", 0, NULL, "2023-11-05", NULL, 1},
    {"２０２４年３月に発売した。", false, "date", 0, NULL, "2024-03", NULL, 1},
    {"2022年の2月に順位が入れ替わった。", false, "date", 0, NULL, "2022-02", "2022年の2月", 1},
    {"2021年の12カ月で倍増した。", false, "date", 0, NULL, "2021", "2021年", -1},
    {"1 997年1月の蓄積。", false, NULL, 0, NULL, NULL, NULL, 0},
    /* a day alone is a date only against the article's date (test_dates.c) */
    {"研修は18日に終えた。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"2024/3/5に発表した。", false, "date", 0, NULL, "2024-03-05", "2024/3/5", 1},
    {"2024-03-05に公開された。", false, "date", 0, NULL, "2024-03-05", NULL, 1},
    {"2024/11に始まった。", false, "date", 0, NULL, "2024-11", NULL, 1},
    {"2024.3.5に更新した。", false, "date", 0, NULL, "2024-03-05", "2024.3.5", 1},
    {"2024.03に始まった。", false, "date", 0, NULL, "2024-03", NULL, 1},
    {"指数は2024.3だった。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"2024年1-3月期の売上高は20億円。", false, "money", 2e9, "JPY", "2024-01", NULL, 1},
    {"1-3月に3万台を売った。", false, "date", 0, NULL, "--01", "1-3月", 2},
    {"3/5(火)に発表した。", false, "date", 0, NULL, "--03-05", "3/5", 1},
    {"3/5の確率で当たる。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"コストを1/10に下げた。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"3/5~3/10に開く。", false, "date", 0, NULL, "--03-05", "3/5", -1},
    {"11/24付で発令した。", false, "date", 0, NULL, "--11-24", NULL, 1},
    {"令和6年に始まった。", false, "date", 0, NULL, "2024", "令和6年", 1},
    {"平成27年度の予算。", false, "date", 0, NULL, "2015", "平成27年度", 1},
    {"昭和39年に開業した。", false, "date", 0, NULL, "1964", NULL, 1},
    {"24年3月期の売上高は100億円だった。", false, "money", 1e10, "JPY", "2024-03", NULL, 1},
    {"FY2024の売上高は5億ドル。", false, "date", 0, NULL, "2024", "FY2024", 2},
    {"FY24に黒字化した。", false, "date", 0, NULL, "2024", NULL, 1},
    {"2024年第1四半期に出荷した。", false, "date", 0, NULL, "2024-01", "2024年第1四半期", 1},
    {"2023年第4四半期の売上。", false, "date", 0, NULL, "2023-10", NULL, 1},
    {"Q3 2024の実績。", false, "date", 0, NULL, "2024-07", "Q3 2024", 1},
    {"2024年Q2の実績。", false, "date", 0, NULL, "2024-04", NULL, 1},
    {"第2四半期の売上高は50億円。", false, "money", 5e9, "JPY", NULL, NULL, 1},
    {"第二四半期に回復した。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"2025年上期に発売する。", false, "date", 0, NULL, "2025", "2025年上期", 1},
    {"18日に発表した。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"1982 05月 出版事業に参入", false, "date", 0, NULL, "1982-05", "1982 05月", 1},
    {"2022年第4四半期-2024年第1四半期の出荷", false, "date", 0, NULL, "2022-10", NULL, 2},
    /* ranges of months: the first month, a period (…月期 is the time of the figures after it) */
    {"2021年1~9月期の決算で、売上は50億元だった。", false, "money", 5e9, "CNY", "2021-01", NULL, 1},
    {"4~6月に10万台を売った。", false, "date", 0, NULL, "--04", "4~6月", 2},
    {"2024年4月~6月に伸びた。", false, "date", 0, NULL, "2024-04", "2024年4月~6月", 1},
    {"2020年10〜12月期は赤字だった。", false, NULL, 0, NULL, NULL, NULL, 0},
    /* two-digit years in context */
    {"24年7~9月期の営業利益は5億ドル。", false, "money", 5e8, "USD", "2024-07", NULL, 1},
    {"25年通期の見通しを上げた。", false, "date", 0, NULL, "2025", "25年", 1},
    {"19年以降に伸びた。", false, "date", 0, NULL, "2019", NULL, 1},
    {"完成まで10年以上かかる。", false, NULL, 0, NULL, NULL, NULL, 0},
    /* bare numbers, only with the option */
    {"合計は４万５６００だった。", true, "number", 45600, NULL, NULL, "４万５６００", 1},
    {"合計は４万５６００だった。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"その数は二十四だった。", true, "number", 24, NULL, NULL, "二十四", 1},
    {"変化はマイナス三・二だった。", true, "number", -3.2, NULL, NULL, "マイナス三・二", 1},
    {"比率は２／５だった。", true, "number", 0.4, NULL, NULL, NULL, 1},
    {"得点は-5から戻した。", true, "number", -5, NULL, NULL, "-5", 1},
    {"売上は120億円だった。", true, "money", 1.2e10, "JPY", NULL, NULL, 1},
    {"GPT-4と3Dの時代。", true, NULL, 0, NULL, NULL, NULL, 0},
    {"会見は9:30に始まった。", true, NULL, 0, NULL, NULL, NULL, 0},
    {"一部の地域と四国で十分だ。", true, NULL, 0, NULL, NULL, NULL, 0},
    {"1. はじめに", true, NULL, 0, NULL, NULL, NULL, 0},
    {"数十の案件がある。", true, NULL, 0, NULL, NULL, NULL, 0},
    /* English scales after money on copied English pages: glued letters, words after a space */
    {"同社は€20mを調達した。", false, "money", 2e7, "EUR", NULL, "€20m", 1},
    {"評価額は£3bnとされる。", false, "money", 3e9, "GBP", NULL, "£3bn", 1},
    {"米社は$1.2 billionを集めた。", false, "money", 1.2e9, "USD", NULL, "$1.2 billion", 1},
    {"調達額は20 million USDだった。", false, "money", 2e7, "USD", NULL, "20 million USD", 1},
    {"シードは$300kだった。", false, "money", 3e5, "USD", NULL, "$300k", 1},
    {"利用者は3 millionを超えた。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"年商は100Mだ。", false, NULL, 0, NULL, NULL, NULL, 0},
    /* more Asian and European currencies, codes before the number, symbols */
    {"同社は5億リンギを調達した。", false, "money", 5e8, "MYR", NULL, "5億リンギ", 1},
    {"評価額は20億ズウォティ。", false, "money", 2e9, "PLN", NULL, NULL, 1},
    {"売上はMYR 50 millionだった。", false, "money", 5e7, "MYR", NULL, "MYR 50 million", 1},
    {"調達額は₱500 millionだ。", false, "money", 5e8, "PHP", NULL, NULL, 1},
    {"GDP 5.2%の成長。", false, "percent", 5.2, "%", NULL, "5.2%", 1},
    /* counters of platforms and services; 第 before a counter names one of them */
    {"口座数は30万口座を超えた。", false, "count", 3e5, "count", NULL, "30万口座を超え", 1},
    {"アプリは500万ダウンロードを突破した。", false, "count", 5e6, "count", NULL, "500万ダウンロード", 1},
    {"有料会員は12万会員だ。", false, "count", 1.2e5, "count", NULL, "12万会員", 1},
    {"熊本に第2工場を建てる。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"第1回の会合を開いた。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"同社は第2位に入った。", false, "rank", 2, "rank", NULL, "第2位", 1},
    /* a range of days after a month: the first day, as a period */
    {"調査は2025年4月3〜7日に実施した。", false, "date", 0, NULL, "2025-04-03", "2025年4月3〜7日", 1},
    {"会期は6月10~12日で、", false, "date", 0, NULL, NULL, "6月10~12日", 1},
    {"2025年4月7~3日", false, "date", 0, NULL, "2025-04", "2025年4月", -1},
    /* a kanji numeral's one-character counter that begins a word is no count (names, 唯一) */
    {"創業者の山川健一社長が語った。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"業界で唯一社外取締役を置かない。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"窓口を一本化した。", false, NULL, 0, NULL, NULL, NULL, 0},
    {"国内三社が参加した。", false, "count", 3, "count", NULL, "三社", 1},
    {"三社以上が応じた。", false, "count", 3, "count", NULL, "三社以上", 1},
    {"五社中三社が黒字だった。", false, "count", 5, "count", NULL, "五社", 2},
};

static void check_case(size_t i, const scan_case *c)
{
    zy_scan_options so = {0};
    so.numbers = c->numbers;
    zy_document *doc;
    assert_int_equal(zy_scan(ctx, "t.txt", c->text, strlen(c->text), &so, &doc), ZY_OK);
    const zy_fact *f = doc->nfacts ? &doc->facts[0] : NULL;
    char got[256] = "nothing";
    if (f)
        snprintf(got, sizeof got, "%s %g %s time=%s «%s» (%zu facts)", zy_fact_kind_name(f->kind), f->value,
                 f->unit ? f->unit : "-", f->time, f->text, doc->nfacts);
    if (c->nfacts >= 0 && doc->nfacts != (size_t)c->nfacts)
        fail_msg("case %zu \"%s\": %s, expected %d facts", i, c->text, got, c->nfacts);
    if (!c->kind) {
        if (f)
            fail_msg("case %zu \"%s\": found %s, expected nothing", i, c->text, got);
        zy_document_destroy(doc);
        return;
    }
    if (!f || strcmp(zy_fact_kind_name(f->kind), c->kind) != 0)
        fail_msg("case %zu \"%s\": found %s, expected %s", i, c->text, got, c->kind);
    if (strcmp(c->kind, "date") != 0 && (!f->has_value || fabs(f->value - c->value) > 1e-9 * fmax(1, fabs(c->value))))
        fail_msg("case %zu \"%s\": value in %s, expected %g", i, c->text, got, c->value);
    if (c->unit && (!f->unit || strcmp(f->unit, c->unit) != 0))
        fail_msg("case %zu \"%s\": unit in %s, expected %s", i, c->text, got, c->unit);
    if (c->time && strcmp(f->time, c->time) != 0)
        fail_msg("case %zu \"%s\": time in %s, expected %s", i, c->text, got, c->time);
    if (c->written && strcmp(f->text, c->written) != 0)
        fail_msg("case %zu \"%s\": text in %s, expected «%s»", i, c->text, got, c->written);
    if (!c->numbers)
        for (size_t k = 0; k < doc->nfacts; k++)
            if (doc->facts[k].kind == ZY_KIND_NUMBER)
                fail_msg("case %zu \"%s\": a number fact without the option", i, c->text);
    zy_document_destroy(doc);
}

static void test_scan_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(i, &cases[i]);
}

/* Table headers, probed as a caption reader does: "1" + the header's text (normalised). */
typedef struct probe_case {
    const char *text;
    const char *kind;
    double value;
    const char *unit;
} probe_case;

static const probe_case probes[] = {
    {"1百万US$", "money", 1e6, "USD"}, {"1億ドル", "money", 1e8, "USD"},
    {"1百万米ドル", "money", 1e6, "USD"}, {"1百万円", "money", 1e6, "JPY"},
    {"1千ユーロ", "money", 1e3, "EUR"},   {"1億ウォン", "money", 1e8, "KRW"},
    {"1万台", "count", 1e4, "count"},     {"1%", "percent", 1, "%"},
};

static void test_header_probes(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        const probe_case *c = &probes[i];
        size_t n = strlen(c->text);
        zy_figure f;
        if (!zy_figure_at(c->text, n, 0, false, &f) || f.end != n)
            fail_msg("probe %zu \"%s\": not read as one figure", i, c->text);
        if (strcmp(zy_fact_kind_name(f.kind), c->kind) != 0 || fabs(f.value - c->value) > 1e-9 * c->value ||
            !f.unit || strcmp(f.unit, c->unit) != 0)
            fail_msg("probe %zu \"%s\": %s %g %s", i, c->text, zy_fact_kind_name(f.kind), f.value,
                     f.unit ? f.unit : "-");
    }
}

/* Kind number is named, and is not among the kinds charts and eval use (money … date). */
static void test_number_kind(void **state)
{
    (void)state;
    assert_string_equal(zy_fact_kind_name(ZY_KIND_NUMBER), "number");
    assert_true(ZY_KIND_NUMBER > ZY_KIND_DATE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan_cases),
        cmocka_unit_test(test_header_probes),
        cmocka_unit_test(test_number_kind),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
