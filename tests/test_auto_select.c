/*
 * test_auto_select.c: what `zuhyo auto` may draw and what may share a chart. First the facts'
 * confidence, basis and caveat as the extractor records them (a threshold is nobody's value; a
 * one-company table's row label is no owner); then, table-driven, which hand-built facts one
 * chart may hold (same measure, unit, counter, kind of percentage, owner type and time; articles
 * apart unless measure and time are known) and why a fact is left out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/auto.h"

#include "test_context.h"

/* ---- confidence, basis and caveat of extracted facts ---- */

typedef struct confidence_case {
    const char *text;
    const char *figure;      /* the fact's text as written */
    const char *caveat;      /* expected caveat, NULL: none */
    const char *basis;       /* expected basis, NULL: any */
    double min, max;         /* confidence range */
    const char *subject;     /* expected owner, NULL: any */
} confidence_case;

static const confidence_case confidence_cases[] = {
    /* a threshold that defines a group: nobody's value */
    {"ユニコーン(評価額10億ドル以上の未上場企業)は世界で1200社を超えた。", "10億ドル以上", "threshold", NULL, 0, 0.2, NULL},
    {"調査では売上高1兆円を超える企業の8割が値上げを予定する。", "1兆円を超える", "threshold", NULL, 0, 0.2, NULL},
    /* a bound that still tells somebody's value */
    {"ヤマブキ電機は欧州の投資会社から10億ユーロ超の投資を受けた。", "10億ユーロ超", NULL, NULL, 0.6, 1, "ヤマブキ電機"},
    {"コダマ製薬の売上高は前年より10%以上の伸びとなった。", "10%以上", NULL, NULL, 0, 1, NULL},
    /* a hypothetical */
    {"仮に関税が25%に引き上げられれば、ハヤセ工業の利益は30億円減る。", "30億円", "hypothetical", NULL, 0, 0.2, NULL},
    /* the owner named right before the figure in a sentence */
    {"ミナト技研の売上高は520億円だった。", "520億円", NULL, "topic", 0.6, 1, "ミナト技研"},
    /* a table row names its owner */
    {"主な新興企業の企業価値\n\n| 企業 | 企業価値 |\n|---|---|\n| アオバAI | 12億ドル |\n| ツバメ計算 | 8億ドル |\n| カエデ量子 | 5億ドル |\n",
     "12億ドル", NULL, "table-row", 0.8, 1, "アオバAI"},
    /* one-company tables and lists: the row label is an attribute; the owner is the block's */
    {"ミドリ樹脂の業績\n\n| 項目 | 金額 |\n|---|---|\n| 売上高 | 120億円 |\n| 営業利益 | 15億円 |\n| 資本金 | 9000万円 |\n",
     "120億円", NULL, "heading", 0.6, 1, "ミドリ樹脂"},
    {"子会社の異動のお知らせ\n\n2. 異動する子会社の概要\n(1) 名称　株式会社アサギ精工\n(2) 所在地　静岡県浜松市\n"
     "(3) 設立年月日　1985年4月1日\n(4) 資本金　5,000万円\n(5) 従業員数　120名\n",
     "5,000万円", NULL, "profile-name", 0.6, 1, "株式会社アサギ精工"},
    {"【2024年7-9月期】電機各社のまとめ\n\n■ ツバキ電機\n・売上高:420億円(前年同期比+8%)\n・営業利益:35億円\n\n"
     "■ カエデ重工\n・売上高:610億円\n・営業利益:41億円\n",
     "610億円", NULL, "heading", 0.6, 1, "カエデ重工"},
    {"ハルニレ航空 2025年3月期 第1四半期決算\n\n(単位:億円)\n                第1四半期   第2四半期\n"
     "営業収益          1,420       1,655\n営業利益            85         142\n",
     "1,655", NULL, "article-owner", 0.6, 1, "ハルニレ航空"},
    /* an IPO calendar: the date before the name is no owner */
    {"今月の新規上場\n\n上場日\t銘柄名\t公開価格\t初値\n12/5\tミズナラ電子\t1,500円\t2,100円\n"
     "12/12\tコナラ食品\t900円\t870円\n12/19\tクヌギ工務店\t2,000円\t2,400円\n",
     "900円", NULL, "table-row", 0.6, 1, "コナラ食品"},
    /* a results table: amounts in 百万円 (切捨て note), rows labelled by fiscal period */
    {"株式会社クスノキ化成 2025年3月期 決算短信\n\n(百万円未満切捨て)\n             売上高      営業利益\n"
     "2025年3月期   12,340      1,050\n2024年3月期   11,870        980\n",
     "11,870", NULL, "article-owner", 0.6, 1, "株式会社クスノキ化成"},
    /* a bulleted item's label owns the figures of its sentences, not the place in its bracket */
    {"今週の調達\n\n・ヤマモモ製薬(京都市):シリーズAで9億円を調達。累計は14億円になった。\n",
     "14億円", NULL, "item-label", 0.5, 1, "ヤマモモ製薬"},
    /* a metric's abbreviation is no owner */
    {"主要指標\n\n| 指標 | 値 |\n|---|---|\n| ROIC | 12.5% |\n| EPS | 150円 |\n", "12.5%", NULL, "attribute-label", 0, 0.2, NULL},
    /* a version of a forecast is nobody's figure on its own */
    {"業績予想の修正\n\n                 売上高     営業利益\n前回発表予想(A)    52,000      3,100\n"
     "今回修正予想(B)    54,500      3,900\n増減額(B-A)         2,500        800\n",
     "2,500", NULL, "attribute-label", 0, 0.2, NULL},
};

static const zy_fact *fact_written(const zy_document *doc, const char *text)
{
    for (size_t i = 0; i < doc->nfacts; i++)
        if (doc->facts[i].text && strcmp(doc->facts[i].text, text) == 0)
            return &doc->facts[i];
    return NULL;
}

static void test_confidence(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof confidence_cases / sizeof confidence_cases[0]; i++) {
        const confidence_case *c = &confidence_cases[i];
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "t.txt", c->text, strlen(c->text), NULL, &doc), ZY_OK);
        const zy_fact *f = fact_written(doc, c->figure);
        if (!f)
            fail_msg("case %zu: no fact written \"%s\"", i, c->figure);
        if ((c->caveat == NULL) != (f->caveat == NULL) || (c->caveat && strcmp(c->caveat, f->caveat) != 0))
            fail_msg("case %zu (%s): caveat %s, expected %s", i, c->figure, f->caveat ? f->caveat : "none",
                     c->caveat ? c->caveat : "none");
        assert_non_null(f->basis);
        if (c->basis && strcmp(c->basis, f->basis) != 0)
            fail_msg("case %zu (%s): basis %s, expected %s", i, c->figure, f->basis, c->basis);
        if (c->subject && (!f->subject || strcmp(f->subject, c->subject) != 0))
            fail_msg("case %zu (%s): owner %s, expected %s", i, c->figure, f->subject ? f->subject : "none", c->subject);
        if (f->confidence < c->min - 1e-9 || f->confidence > c->max + 1e-9)
            fail_msg("case %zu (%s): confidence %.2f outside %.2f..%.2f (basis %s)", i, c->figure, f->confidence,
                     c->min, c->max, f->basis);
        zy_document_destroy(doc);
    }
}

/* ---- which facts may share a chart ---- */

static auto_fact fact(const char *doc, zy_fact_kind kind, const char *measure, const char *unit,
                      const char *counter, const char *subject, const char *country, const char *time)
{
    auto_fact f;
    memset(&f, 0, sizeof f);
    f.doc = (char *)doc;
    f.kind = kind;
    f.measure = (char *)measure;
    f.unit = (char *)unit;
    f.counter = (char *)counter;
    f.subject = (char *)subject;
    f.country = (char *)country;
    snprintf(f.time, sizeof f.time, "%s", time);
    f.has_value = true;
    f.value = 1;
    f.confidence = 0.9;
    return f;
}

typedef struct pair_case {
    const char *why;
    auto_fact a, b;
    bool comparable;
} pair_case;

static void test_comparable(void **state)
{
    (void)state;
    const pair_case cases[] = {
        {"two valuations of companies at one time",
         fact("a.txt", ZY_KIND_MONEY, "valuation", "USD", NULL, "アオバAI", "日本", "2025"),
         fact("a.txt", ZY_KIND_MONEY, "valuation", "USD", NULL, "ツバメ計算", "日本", "2025"), true},
        {"the same measure and time in two articles",
         fact("a.txt", ZY_KIND_MONEY, "valuation", "USD", NULL, "アオバAI", NULL, "2025"),
         fact("b.txt", ZY_KIND_MONEY, "valuation", "USD", NULL, "カエデ量子", NULL, "2025"), true},
        {"no time: articles stay apart",
         fact("a.txt", ZY_KIND_MONEY, "revenue", "JPY", NULL, "ミナト技研", NULL, ""),
         fact("b.txt", ZY_KIND_MONEY, "revenue", "JPY", NULL, "ハヤセ工業", NULL, ""), false},
        {"no measure: articles stay apart",
         fact("a.txt", ZY_KIND_COUNT, NULL, "count", "人", "東都大学", NULL, "2024"),
         fact("b.txt", ZY_KIND_COUNT, NULL, "count", "人", "西京大学", NULL, "2024"), false},
        {"a share is not a growth rate",
         fact("a.txt", ZY_KIND_PERCENT, "share", "%", NULL, "アオバAI", NULL, "2024"),
         fact("a.txt", ZY_KIND_PERCENT, "growth", "%", NULL, "ツバメ計算", NULL, "2024"), false},
        {"institutions counted are not authors counted",
         fact("a.txt", ZY_KIND_COUNT, "author_count", "count", "人", "東都大学", NULL, "2024"),
         fact("a.txt", ZY_KIND_COUNT, "author_count", "count", "機関", "米国", "米国", "2024"), false},
        {"a country beside a company",
         fact("a.txt", ZY_KIND_MONEY, "investment", "USD", NULL, "米国", "米国", "2024"),
         fact("a.txt", ZY_KIND_MONEY, "investment", "USD", NULL, "ミナト技研", "日本", "2024"), false},
        {"two times",
         fact("a.txt", ZY_KIND_MONEY, "revenue", "JPY", NULL, "ミナト技研", NULL, "2023"),
         fact("a.txt", ZY_KIND_MONEY, "revenue", "JPY", NULL, "ハヤセ工業", NULL, "2024"), false},
        {"two currencies",
         fact("a.txt", ZY_KIND_MONEY, "revenue", "JPY", NULL, "ミナト技研", NULL, "2024"),
         fact("a.txt", ZY_KIND_MONEY, "revenue", "USD", NULL, "ハヤセ工業", NULL, "2024"), false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int c = auto_compare_measure(&cases[i].a, &cases[i].b);
        int r = auto_compare_measure(&cases[i].b, &cases[i].a);
        if ((c == 0) != cases[i].comparable)
            fail_msg("%s: compare %d", cases[i].why, c);
        if ((c > 0) - (c < 0) != -((r > 0) - (r < 0)))
            fail_msg("%s: the order is not antisymmetric (%d, %d)", cases[i].why, c, r);
    }
}

static void test_unusable(void **state)
{
    (void)state;
    char why[96];
    auto_fact ok = fact("a.txt", ZY_KIND_MONEY, "valuation", "USD", NULL, "アオバAI", NULL, "2025");
    assert_null(auto_unusable(&ok, 0.6, why, sizeof why));
    auto_fact unsure = ok;
    unsure.confidence = 0.55;
    unsure.basis = "previous-topic";
    assert_non_null(auto_unusable(&unsure, 0.6, why, sizeof why));
    assert_non_null(strstr(why, "0.55"));
    assert_non_null(strstr(why, "previous-topic"));
    assert_null(auto_unusable(&unsure, 0.5, why, sizeof why));
    auto_fact threshold = ok;
    threshold.caveat = "threshold";
    assert_non_null(auto_unusable(&threshold, 0, why, sizeof why));
    assert_non_null(strstr(why, "threshold"));
    auto_fact machines = fact("a.txt", ZY_KIND_COUNT, "revenue", "count", "台", "ミナト技研", NULL, "2024");
    assert_non_null(auto_unusable(&machines, 0, why, sizeof why));
    auto_fact growth = fact("a.txt", ZY_KIND_PERCENT, "revenue", "%", NULL, "ミナト技研", NULL, "2024");
    assert_non_null(auto_unusable(&growth, 0, why, sizeof why));
    auto_fact unknown = ok; /* stored by an older version: confidence unknown, drawn */
    unknown.confidence = -1;
    assert_null(auto_unusable(&unknown, 0.6, why, sizeof why));
}

static void test_titles(void **state)
{
    (void)state;
    char out[128];
    auto_time_phrase("2025-01", out, sizeof out);
    assert_string_equal(out, "2025年1月時点");
    auto_time_phrase("2024", out, sizeof out);
    assert_string_equal(out, "2024年");
    auto_time_phrase("", out, sizeof out);
    assert_string_equal(out, "");
    assert_true(auto_caption_is_title("主要国のAI投資額(2024年、億ドル)"));
    assert_false(auto_caption_is_title("Source: Market Monitor, Q2 2024"));
    assert_false(auto_caption_is_title("出典: 各社の決算資料"));
    assert_false(auto_caption_is_title("企業  シェア(%)")); /* a header row's cells */
    assert_false(auto_caption_is_title("企業\tシェア"));
    assert_false(auto_caption_is_title("各社の決算がそろった。集計したところ総額は1兆円だった"));
    assert_string_equal(auto_measure_title("valuation"), "企業価値");
    assert_null(auto_measure_title("no_such_measure"));
    auto_short_title("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほ", out, sizeof out);
    assert_string_equal(out, "あいうえおかきくけこさしすせそたちつてとなにぬね…");
    char small[16];
    auto_short_title("あいうえおかきくけこ", small, sizeof small);
    assert_string_equal(small, "あいうえ…"); /* whole characters that fit with … and NUL */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_confidence),
        cmocka_unit_test(test_comparable),
        cmocka_unit_test(test_unusable),
        cmocka_unit_test(test_titles),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
