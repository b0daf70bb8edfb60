/*
 * test_extract.c: the Japanese figure grammar, table-driven: numerals, units and counters,
 * ranges, bounds, dates, and the traps (names and words that contain digits or kanji numerals
 * and are not figures). Each case scans a short text and checks the first figure found, or
 * that none is found.
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

#include "extract/numeral.h"
#include "zuhyo/zuhyo.h"

#include "test_context.h"

/* ---- numerals ---- */

typedef struct numeral_case {
    const char *text;
    double value;
    const char *consumed; /* the part read as the numeral; NULL means "not a numeral" */
} numeral_case;

static const numeral_case numerals[] = {
    {"2174", 2174, "2174"},
    {"2,174", 2174, "2,174"},
    {"1,509システム", 1509, "1,509"},
    {"40.2%", 40.2, "40.2"},
    {"7,000億", 700000000000.0, "7,000億"},
    {"1億2000万", 120000000.0, "1億2000万"},
    {"5億1万4千6百", 500014600, "5億1万4千6百"},
    {"1,100万", 11000000.0, "1,100万"},
    {"3万4000", 34000, "3万4000"},
    {"25万6千", 256000, "25万6千"},
    {"二千百七十四", 2174, "二千百七十四"},
    {"三十五", 35, "三十五"},
    {"十", 10, "十"},
    {"百", 100, "百"},
    {"千", 1000, "千"},
    {"二〇二五", 2025, "二〇二五"},
    {"一億", 100000000.0, "一億"},
    {"14兆", 14000000000000.0, "14兆"},
    {"2.4億", 240000000.0, "2.4億"},
    {"0.5", 0.5, "0.5"},
    {"100", 100, "100"},
    {"1,000,000", 1000000.0, "1,000,000"},
    {"12,34", 12, "12"},
    {"3.", 3, "3"},
    {"5000億", 500000000000.0, "5000億"},
    {"560万", 5600000.0, "560万"},
    {"四百", 400, "四百"},
    {"万", 0, NULL},
    {"億円", 0, NULL},
    {"abc", 0, NULL},
    {"", 0, NULL},
    {"九", 9, "九"},
    {"〇", 0, "〇"},
    {"1兆2000億", 1200000000000.0, "1兆2000億"},
    {"9999", 9999, "9999"},
    {"12億人", 1200000000.0, "12億"},
    {"3千", 3000, "3千"},
    {"六百五十", 650, "六百五十"},
    {"1,234.5", 1234.5, "1,234.5"},
};

static void test_numerals(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof numerals / sizeof numerals[0]; i++) {
        const numeral_case *c = &numerals[i];
        zy_numeral n;
        bool ok = zy_numeral_parse(c->text, strlen(c->text), &n);
        if (!c->consumed) {
            if (ok)
                fail_msg("numeral %zu \"%s\": parsed as %g, expected none", i, c->text, n.value);
            continue;
        }
        if (!ok || fabs(n.value - c->value) > 1e-9 * fmax(1, c->value) || n.len != strlen(c->consumed))
            fail_msg("numeral %zu \"%s\": %s %g (%zu bytes), expected %g (\"%s\")", i, c->text,
                     ok ? "got" : "failed", ok ? n.value : 0, ok ? n.len : 0, c->value, c->consumed);
    }
}

static void test_numeral_overflow(void **state)
{
    (void)state;
    char digits[402];
    memset(digits, '9', 400);
    digits[400] = '\0';
    zy_numeral n;
    assert_false(zy_numeral_parse(digits, 400, &n));
}

/* ---- figures in text ---- */

typedef struct figure_case {
    const char *text;
    const char *kind;       /* NULL: no figure at all */
    double value;
    double value_max;       /* NAN: none */
    const char *unit;       /* NULL: not checked */
    const char *time;       /* NULL: not checked */
    int approx;             /* -1: not checked */
    const char *bound;      /* NULL: not checked; "" none */
} figure_case;

#define NO NAN
static const figure_case figures[] = {
    /* money */
    {"企業価値は33億ドルに達した。", "money", 3.3e9, NO, "USD", NULL, 0, ""},
    {"約33億ドルで評価された。", "money", 3.3e9, NO, "USD", NULL, 1, ""},
    {"5000億ドルを投資する。", "money", 5e11, NO, "USD", NULL, 0, ""},
    {"規模は7,000億元に達した。", "money", 7e11, NO, "CNY", NULL, 0, ""},
    {"約14兆円相当だ。", "money", 1.4e13, NO, "JPY", NULL, 1, ""},
    {"560万ドル相当のパワー。", "money", 5.6e6, NO, "USD", NULL, 0, ""},
    {"1億ドル以上とは対照的だ。", "money", 1e8, NO, "USD", NULL, 0, "min"},
    {"推定1750億ドルある。", "money", 1.75e11, NO, "USD", NULL, 1, ""},
    {"評価額は5100億円。", "money", 5.1e11, NO, "JPY", NULL, 0, ""},
    {"3億米ドルを調達した。", "money", 3e8, NO, "USD", NULL, 0, ""},
    {"20億人民元を集めた。", "money", 2e9, NO, "CNY", NULL, 0, ""},
    {"10億ユーロの支援。", "money", 1e9, NO, "EUR", NULL, 0, ""},
    {"5000万ポンドを得た。", "money", 5e7, NO, "GBP", NULL, 0, ""},
    {"1兆ウォンの投資。", "money", 1e12, NO, "KRW", NULL, 0, ""},
    {"最大9200億円を補助する。", "money", 9.2e11, NO, "JPY", NULL, 0, "max"},
    {"1億2000万ドルを調達した。", "money", 1.2e8, NO, "USD", NULL, 0, ""},
    {"売上高は１２０億円だった。", "money", 1.2e10, NO, "JPY", NULL, 0, ""},
    {"９，９９９円で売る。", "money", 9999, NO, "JPY", NULL, 0, ""},
    {"二千百七十四円だった。", "money", 2174, NO, "JPY", NULL, 0, ""},
    {"1億〜2億円の範囲。", "money", 1e8, 2e8, "JPY", NULL, 0, ""},
    {"10億ドル超の投資。", "money", 1e9, NO, "USD", NULL, 0, "min"},
    {"1000億円弱の規模。", "money", 1e11, NO, "JPY", NULL, 1, "max"},
    {"50億円ほどかかる。", "money", 5e9, NO, "JPY", NULL, 1, ""},
    {"100億円程度の投資。", "money", 1e10, NO, "JPY", NULL, 1, ""},
    {"300億円前後とみられる。", "money", 3e10, NO, "JPY", NULL, 1, ""},
    {"2兆円未満にとどまる。", "money", 2e12, NO, "JPY", NULL, 0, "max"},
    {"少なくとも5億ドルが必要だ。", "money", 5e8, NO, "USD", NULL, 0, "min"},
    {"およそ1,700億円の売上。", "money", 1.7e11, NO, "JPY", NULL, 1, ""},
    {"損失はマイナス30億円。", "money", -3e9, NO, "JPY", NULL, 0, ""},
    {"利益は△5億円だった。", "money", -5e8, NO, "JPY", NULL, 0, ""},
    {"10億ドルを超える評価。", "money", 1e9, NO, "USD", NULL, 0, "min"},
    {"2.5兆円を投じる。", "money", 2.5e12, NO, "JPY", NULL, 0, ""},
    {"1,037億ルピーを投じる。", "money", 1.037e11, NO, "INR", NULL, 0, ""},
    /* counts */
    {"総数は1,509システムに達した。", "count", 1509, NO, "count", NULL, 0, ""},
    {"著者は2174人だった。", "count", 2174, NO, "count", NULL, 0, ""},
    {"31機関を占めた。", "count", 31, NO, "count", NULL, 0, ""},
    {"従業員は約300人だ。", "count", 300, NO, "count", NULL, 1, ""},
    {"50カ国が参加した。", "count", 50, NO, "count", NULL, 0, ""},
    {"12か国で販売する。", "count", 12, NO, "count", NULL, 0, ""},
    {"8社が出資した。", "count", 8, NO, "count", NULL, 0, ""},
    {"案件は120件あった。", "count", 120, NO, "count", NULL, 0, ""},
    {"427万台を販売した。", "count", 4.27e6, NO, "count", NULL, 0, ""},
    {"四百人以上が出席した。", "count", 400, NO, "count", NULL, 0, "min"},
    {"三十五人が集まった。", "count", 35, NO, "count", NULL, 0, ""},
    {"3校が合格した。", "count", 3, NO, "count", NULL, 0, ""},
    {"200本の論文。", "count", 200, NO, "count", NULL, 0, ""},
    {"数千個のチップを得た。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"何百人もいる。", NULL, 0, NO, NULL, NULL, -1, NULL},
    /* percent, ratio, rank */
    {"世界全体の40.2%を占める。", "percent", 40.2, NO, "%", NULL, 0, ""},
    {"約20%に達する。", "percent", 20, NO, "%", NULL, 1, ""},
    {"２０％以上の成長。", "percent", 20, NO, "%", NULL, 0, "min"},
    {"5パーセント増えた。", "percent", 5, NO, "%", NULL, 0, ""},
    {"価格を最大90%引き下げた。", "percent", 90, NO, "%", NULL, 0, "max"},
    {"約2割増えた。", "percent", 20, NO, "%", NULL, 1, ""},
    {"マイナス5%の下落。", "percent", -5, NO, "%", NULL, 0, ""},
    {"3ポイント上昇した。", "percent", 3, NO, "pt", NULL, 0, ""},
    {"日本の約19.33倍となる。", "ratio", 19.33, NO, "x", NULL, 1, ""},
    {"3〜4倍に増やした。", "ratio", 3, 4, "x", NULL, 0, ""},
    {"3～4倍に増やした。", "ratio", 3, 4, "x", NULL, 0, ""},
    {"10〜20万倍の差。", "ratio", 1e5, 2e5, "x", NULL, 0, ""},
    {"3265倍の格差。", "ratio", 3265, NO, "x", NULL, 0, ""},
    {"能力を3倍に引き上げる。", "ratio", 3, NO, "x", NULL, 0, ""},
    {"20分の1に下がった。", "ratio", 0.05, NO, "x", NULL, 0, NULL},
    {"89位から上昇した。", "rank", 89, NO, "rank", NULL, 0, ""},
    {"第2位の地位を得た。", "rank", 2, NO, "rank", NULL, 0, ""},
    {"清華大(2位)が続く。", "rank", 2, NO, "rank", NULL, 0, ""},
    /* age and duration are figures, of kinds that charts rarely use */
    {"40歳の創業者。", "age", 40, NO, "years", NULL, 0, ""},
    {"20年間この業界にいる。", "duration", 20, NO, "years", NULL, 0, ""},
    {"約2時間後に公開された。", "duration", 2, NO, "hours", NULL, 1, ""},
    {"3カ月で達成した。", "duration", 3, NO, "months", NULL, 0, ""},
    /* dates */
    {"2025年1月20日に公開した。", "date", 0, NO, NULL, "2025-01-20", -1, NULL},
    {"2024年9月に公開した新モデル。", "date", 0, NO, NULL, "2024-09", -1, NULL},
    {"2019年に設立された。", "date", 0, NO, NULL, "2019", -1, NULL},
    {"設立は23年で、", "date", 0, NO, NULL, "2023", -1, NULL},
    {"19年設立の企業。", "date", 0, NO, NULL, "2019", -1, NULL},
    {"21年設立のMiniMAX。", "date", 0, NO, NULL, "2021", -1, NULL},
    {"20年と21年に", "date", 0, NO, NULL, "2020", -1, NULL},
    {"2024年度の予算。", "date", 0, NO, NULL, "2024", -1, NULL},
    {"２０２５年３月１４日", "date", 0, NO, NULL, "2025-03-14", -1, NULL},
    {"24年2月24日に操業した。", "date", 0, NO, NULL, "2024-02-24", -1, NULL},
    {"2030年までに中心になる。", "date", 0, NO, NULL, "2030", -1, NULL},
    {"1998年に研究所を設けた。", "date", 0, NO, NULL, "1998", -1, NULL},
    {"二〇二五年に発表した。", "date", 0, NO, NULL, "2025", -1, NULL},
    /* traps: not figures */
    {"OpenAIのGPT-4を上回る。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"Claude 3.5 Sonnetを超える。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"Kimi k1.5が公開された。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"Qwen 2.5-Maxを発表した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"OpenAIのo1と同等だ。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"R1モデルを公開した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"V3大規模言語モデル", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"NvidiaのA100プロセッサ", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"零一万物(01.AI)を立ち上げた。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"九州の工場が稼働した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"一時的な現象だ。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"一方、日本は遅れている。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"四国の電力会社。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"もう1つの中国製LLM。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"二つ目は国家戦略だ。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"会議は10時30分に始まった。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"Made in China 2025という戦略", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"ChatGPT-4を凌駕する。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"GLM-4.5のようなモデル。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"第2工場を建てる。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"モデル3の発売。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"3Dプリンターと5G通信。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"統一された規格。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"世界一の品質。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"一般的な手法。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"1. はじめに", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"今後数年間が重要だ。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"2019年時点で", NULL, 0, NO, NULL, NULL, -1, NULL},
    /* more units, counters and forms */
    {"10万円の給付。", "money", 1e5, NO, "JPY", NULL, 0, ""},
    {"3500円で販売する。", "money", 3500, NO, "JPY", NULL, 0, ""},
    {"1.5億ドルを得た。", "money", 1.5e8, NO, "USD", NULL, 0, ""},
    {"25万6千円の費用。", "money", 256000, NO, "JPY", NULL, 0, ""},
    {"3万4000ドルの価格。", "money", 34000, NO, "USD", NULL, 0, ""},
    {"5億1万4千6百円。", "money", 500014600, NO, "JPY", NULL, 0, ""},
    {"1,100万ドルの契約。", "money", 1.1e7, NO, "USD", NULL, 0, ""},
    {"1兆2000億円の予算。", "money", 1.2e12, NO, "JPY", NULL, 0, ""},
    {"30億香港ドルを調達。", "money", 3e9, NO, "HKD", NULL, 0, ""},
    {"100億台湾ドルを投資。", "money", 1e10, NO, "TWD", NULL, 0, ""},
    {"評価額は1億円余り。", "money", 1e8, NO, "JPY", NULL, 1, "min"},
    {"2000億円近くに達した。", "money", 2e11, NO, "JPY", NULL, 1, "max"},
    {"最低100万円が必要。", "money", 1e6, NO, "JPY", NULL, 0, "min"},
    {"1億円から2億円へ増えた。", "money", 1e8, NO, "JPY", NULL, 0, ""}, /* a change: two figures */
    {"1億から2億円の範囲。", "money", 1e8, 2e8, "JPY", NULL, 0, ""},
    {"ー5億円の赤字。", "money", 5e8, NO, "JPY", NULL, 0, ""},
    {"▲12億円の減益。", "money", -1.2e9, NO, "JPY", NULL, 0, ""},
    {"10店舗を開いた。", "count", 10, NO, "count", NULL, 0, ""},
    {"5拠点を持つ。", "count", 5, NO, "count", NULL, 0, ""},
    {"30都市で展開する。", "count", 30, NO, "count", NULL, 0, ""},
    {"7種類の製品。", "count", 7, NO, "count", NULL, 0, ""},
    {"12回目の会合。", "count", 12, NO, "count", NULL, 0, ""},
    {"200枚の画像。", "count", 200, NO, "count", NULL, 0, ""},
    {"3,000世帯が対象。", "count", 3000, NO, "count", NULL, 0, ""},
    {"120議席を得た。", "count", 120, NO, "count", NULL, 0, ""},
    {"80カ国・地域が参加。", "count", 80, NO, "count", NULL, 0, ""},
    {"１２０人が参加した。", "count", 120, NO, "count", NULL, 0, ""},
    {"二千百七十四人の著者。", "count", 2174, NO, "count", NULL, 0, ""},
    {"1万2000人を雇用する。", "count", 12000, NO, "count", NULL, 0, ""},
    {"約1,700万台に達した。", "count", 1.7e7, NO, "count", NULL, 1, ""},
    {"2.5%増えた。", "percent", 2.5, NO, "%", NULL, 0, ""},
    {"９９．９％の精度。", "percent", 99.9, NO, "%", NULL, 0, ""},
    {"シェアは3割弱だ。", "percent", 30, NO, "%", NULL, 1, "max"},
    {"1.5倍に増えた。", "ratio", 1.5, NO, "x", NULL, 0, ""},
    {"2~3倍になる。", "ratio", 2, 3, "x", NULL, 0, ""},
    {"約100倍の差。", "ratio", 100, NO, "x", NULL, 1, ""},
    {"十倍に拡大した。", "ratio", 10, NO, "x", NULL, 0, ""},
    {"5位に浮上した。", "rank", 5, NO, "rank", NULL, 0, ""},
    {"第10位となった。", "rank", 10, NO, "rank", NULL, 0, ""},
    {"3週間で完成した。", "duration", 3, NO, "weeks", NULL, 0, ""},
    {"10年ぶりの高値。", "duration", 10, NO, "years", NULL, 0, ""},
    {"2023年12月に発表した。", "date", 0, NO, NULL, "2023-12", -1, NULL},
    {"2022年8月に成立させた。", "date", 0, NO, NULL, "2022-08", -1, NULL},
    {"1995年に創業した。", "date", 0, NO, NULL, "1995", -1, NULL},
    {"2000年代に入って", "date", 0, NO, NULL, "2000", -1, NULL},
    {"35年までに半分にする。", "date", 0, NO, NULL, "2035", -1, NULL},
    {"２０２４年９月に公開した。", "date", 0, NO, NULL, "2024-09", -1, NULL},
    {"iPhone 16を発売した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"Windows 11に対応する。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"H100を調達した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"Llama 3.1を公開した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"Gemini 2.0 Flashが登場した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"一部の企業が参加した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"一連のモデルを発表した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"三菱商事が出資した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"五輪の会場。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"七月に入って", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"百度(バイドゥ)が発表した。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"十分な資金がある。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"COVID-19の影響。", NULL, 0, NO, NULL, NULL, -1, NULL},
    {"Web3の分野。", NULL, 0, NO, NULL, NULL, -1, NULL},
};

static const zy_fact *first_fact(zy_document *doc)
{
    return doc->nfacts ? &doc->facts[0] : NULL;
}

static void test_figures(void **state)
{
    (void)state;
    size_t n = sizeof figures / sizeof figures[0];
    for (size_t i = 0; i < n; i++) {
        const figure_case *c = &figures[i];
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "t.txt", c->text, strlen(c->text), NULL, &doc), ZY_OK);
        const zy_fact *f = first_fact(doc);
        char got[256];
        if (f)
            snprintf(got, sizeof got, "%s %g %s time=%s «%s»", zy_fact_kind_name(f->kind), f->value,
                     f->unit ? f->unit : "-", f->time, f->text);
        else
            snprintf(got, sizeof got, "nothing");
        if (!c->kind) {
            if (f)
                fail_msg("figure %zu \"%s\": found %s, expected nothing", i, c->text, got);
            zy_document_destroy(doc);
            continue;
        }
        if (!f || strcmp(zy_fact_kind_name(f->kind), c->kind) != 0)
            fail_msg("figure %zu \"%s\": found %s, expected %s", i, c->text, got, c->kind);
        if (strcmp(c->kind, "date") != 0 && fabs(f->value - c->value) > 1e-9 * fmax(1, fabs(c->value)))
            fail_msg("figure %zu \"%s\": value in %s, expected %g", i, c->text, got, c->value);
        if (!isnan(c->value_max) && (!f->has_value_max || fabs(f->value_max - c->value_max) > 1e-6))
            fail_msg("figure %zu \"%s\": no range max %g in %s", i, c->text, c->value_max, got);
        if (isnan(c->value_max) && f->has_value_max)
            fail_msg("figure %zu \"%s\": unexpected range in %s", i, c->text, got);
        if (c->unit && (!f->unit || strcmp(f->unit, c->unit) != 0))
            fail_msg("figure %zu \"%s\": unit in %s, expected %s", i, c->text, got, c->unit);
        if (c->time && strcmp(f->time, c->time) != 0)
            fail_msg("figure %zu \"%s\": time in %s, expected %s", i, c->text, got, c->time);
        if (c->approx >= 0 && f->approx != (c->approx == 1))
            fail_msg("figure %zu \"%s\": approx %d in %s", i, c->text, f->approx, got);
        if (c->bound) {
            const char *b = f->bound == ZY_BOUND_MIN ? "min" : f->bound == ZY_BOUND_MAX ? "max" : "";
            if (strcmp(b, c->bound) != 0)
                fail_msg("figure %zu \"%s\": bound \"%s\", expected \"%s\"", i, c->text, b, c->bound);
        }
        zy_document_destroy(doc);
    }
}

/* ---- subjects, measures and times in context ---- */

typedef struct context_case {
    const char *text;
    size_t index;           /* which fact */
    const char *subject;    /* canonical subject, "" none */
    const char *measure;    /* NULL: not checked */
    const char *time;       /* NULL: not checked */
} context_case;

static const context_case contexts[] = {
    {"Moonshot AIは設立から1年でアリババ集団などから10億ドルを調達した。", 0, "Moonshot AI", "funding", NULL},
    {"日本の中国依存度はアメリカを超え約20%。", 0, "日本", "share", NULL},
    {"中国機関は上位100機関のうち31機関を占め、米国の37機関に次ぐ。", 2, "米国", NULL, NULL},
    {"19年設立の「智譜AI(Zhipu AI)」が知られる。", 0, "Zhipu AI", "founded", "2019"},
    {"出身校である浙江大学は、2020年に34人だった著者数が2024年には906人に急増。", 1, "浙江大学", "author_count", "2020"},
    {"出身校である浙江大学は、2020年に34人だった著者数が2024年には906人に急増。", 3, "浙江大学", NULL, "2024"},
    {"清華大(2位)、北京大(6位)、中山大学(65位)などで", 2, "中山大学", "rank", NULL},
    {"2019年時点で約14億ドルの資産を管理していたファンドであるHighFlyerに遡る。", 0, "HighFlyer", "assets", "2019"},
    {"李氏も23年にAIスタートアップ「零一万物(01.AI)」を立ち上げた。", 0, "01.AI", "founded", "2023"},
    {"このうち中国の比亜迪(BYD)は427万台を販売した。", 0, "BYD", NULL, NULL},
    {"米調査会社CBインサイツによると、企業価値は33億ドル。", 0, "", "valuation", NULL},
    {"ソウル大学は21年の12位から5位へ順位を上げた。", 2, "ソウル大学", "rank", ""},
    {"各社のCEOは、米国全土に5000億ドルを投資することを誓約するスターゲート計画を発表した。", 0, "スターゲート", "investment", NULL},
    {"韓国のサムスン電子は第1四半期の営業利益が6.6兆ウォンだった。", 0, "サムスン電子", "profit", NULL},
    {"オープンAIの売上高は37億ドル、アンソロピックも10億ドル規模の資金を調達した。", 1, "アンソロピック", "funding", NULL},
    {"マイクロソフトはオープンAIに累計130億ドルを出資している。", 0, "マイクロソフト", "investment", NULL},
};

static void test_contexts(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof contexts / sizeof contexts[0]; i++) {
        const context_case *c = &contexts[i];
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "t.txt", c->text, strlen(c->text), NULL, &doc), ZY_OK);
        if (c->index >= doc->nfacts)
            fail_msg("context %zu: only %zu facts", i, doc->nfacts);
        const zy_fact *f = &doc->facts[c->index];
        const char *subject = f->subject ? f->subject : "";
        if (strcmp(subject, c->subject) != 0)
            fail_msg("context %zu «%s»: subject \"%s\", expected \"%s\"", i, f->text, subject, c->subject);
        if (c->measure && (!f->measure || strcmp(f->measure, c->measure) != 0))
            fail_msg("context %zu «%s»: measure %s, expected %s", i, f->text, f->measure ? f->measure : "null", c->measure);
        if (c->time && strcmp(f->time, c->time) != 0)
            fail_msg("context %zu «%s»: time \"%s\", expected \"%s\"", i, f->text, f->time, c->time);
        zy_document_destroy(doc);
    }
}

/* ---- documents: tables, lists, offsets, bad bytes ---- */

static void test_table_and_list(void **state)
{
    (void)state;
    const char *text =
        "AIトップ論文著者数の上位機関(2024年)\n\n"
        "順位 (20年の順位) 機関名 (国名) 採択論文の著者数\n"
        "1 (1) グーグル (米) 2174\n"
        "2 (8) 清華大学 (中) 1748\n"
        "... ... ...\n"
        "71 (50) 東京大学 (日) 171\n\n"
        "日本(日)\n理化学研究所: 188\n東京大学: 171\n合計: 359\n";
    zy_document *doc;
    assert_int_equal(zy_scan(ctx, "t.txt", text, strlen(text), NULL, &doc), ZY_OK);
    assert_true(doc->ntables >= 2);
    assert_string_equal(doc->tables[0].caption, "AIトップ論文著者数の上位機関(2024年)");
    assert_int_equal(doc->tables[0].start, 0); /* a table begins at its caption */
    assert_int_equal(doc->tables[doc->ntables - 1].start, strstr(text, "日本(日)") - text);
    int ranks = 0, counts = 0, totals = 0;
    for (size_t i = 0; i < doc->nfacts; i++) {
        const zy_fact *f = &doc->facts[i];
        if (f->kind == ZY_KIND_RANK && f->value == 8) {
            assert_string_equal(f->time, "2020");
            assert_string_equal(f->subject, "清華大学");
            assert_string_equal(f->source, "table");
            assert_string_equal(f->country, "中国");
            ranks++;
        }
        if (f->kind == ZY_KIND_COUNT && f->value == 2174) {
            assert_string_equal(f->time, "2024");
            assert_string_equal(f->subject, "グーグル");
            assert_int_equal(f->table_row, 0);
            counts++;
        }
        if (f->kind == ZY_KIND_COUNT && f->value == 359) {
            assert_string_equal(f->subject, "日本");
            assert_string_equal(f->measure, "total");
            assert_string_equal(f->source, "list");
            totals++;
        }
    }
    assert_int_equal(ranks, 1);
    assert_int_equal(counts, 1);
    assert_int_equal(totals, 1);
    zy_document_destroy(doc);
}

static void test_offsets_survive_bad_bytes(void **state)
{
    (void)state;
    /* a BOM, CRLF, a stray invalid byte and full-width digits: offsets point into the input */
    const char text[] = "\xEF\xBB\xBF見出し\r\n\xFF売上は１２０億円、\r\n利益は5億円。";
    zy_document *doc;
    assert_int_equal(zy_scan(ctx, "t.txt", text, sizeof text - 1, NULL, &doc), ZY_OK);
    assert_int_equal(doc->nfacts, 2);
    const zy_fact *f = &doc->facts[0];
    assert_memory_equal(text + f->start, "１２０億円", f->end - f->start);
    assert_int_equal(f->end - f->start, strlen("１２０億円"));
    f = &doc->facts[1];
    assert_memory_equal(text + f->start, "5億円", f->end - f->start);
    zy_document_destroy(doc);
}

static void test_nul_bytes_and_long_line(void **state)
{
    (void)state;
    static char big[10 * 1024 * 1024 + 64];
    memset(big, 'a', sizeof big);
    memcpy(big + 5, "売上は3億円", strlen("売上は3億円"));
    big[100] = '\0';
    memcpy(big + sizeof big - 40, "利益は7億円", strlen("利益は7億円"));
    zy_document *doc;
    assert_int_equal(zy_scan(ctx, "t.txt", big, sizeof big, NULL, &doc), ZY_OK);
    assert_int_equal(doc->nfacts, 2);
    assert_int_equal(doc->facts[1].start, sizeof big - 40 + strlen("利益は"));
    zy_document_destroy(doc);
}

static void test_relative_dates(void **state)
{
    (void)state;
    typedef struct { const char *text; const char *date; const char *word; const char *time; } rel;
    static const rel cases[] = {
        {"2025年3月14日\n\n今年は好調だ。", NULL, "今年", "2025"},
        {"2025年3月14日\n\n昨年は不調だった。", NULL, "昨年", "2024"},
        {"2025年3月14日\n\n来年に上場する。", NULL, "来年", "2026"},
        {"2025年1月10日\n\n先月の販売。", NULL, "先月", "2024-12"},
        {"今月の販売は好調。", "2025-12-01", "今月", "2025-12"},
        {"来月に発売する。", "2025-12-01", "来月", "2026-01"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        zy_scan_options o = {.date = cases[i].date};
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "t.txt", cases[i].text, strlen(cases[i].text), &o, &doc), ZY_OK);
        bool found = false;
        for (size_t k = 0; k < doc->nfacts; k++)
            if (strcmp(doc->facts[k].text, cases[i].word) == 0) {
                found = true;
                if (strcmp(doc->facts[k].time, cases[i].time) != 0)
                    fail_msg("relative %zu: %s → %s, expected %s", i, cases[i].word, doc->facts[k].time, cases[i].time);
            }
        if (!found)
            fail_msg("relative %zu: %s not found", i, cases[i].word);
        zy_document_destroy(doc);
    }
    /* without the article's date, 昨年 is not resolved (nor guessed) */
    zy_document *doc;
    const char *undated = "昨年リリースされたモデル。";
    assert_int_equal(zy_scan(ctx, "t.txt", undated, strlen(undated), NULL, &doc), ZY_OK);
    assert_int_equal(doc->nfacts, 0);
    zy_document_destroy(doc);
}

static void test_json_record(void **state)
{
    (void)state;
    const char *text = "Moonshot AIの企業価値は約33億ドル。";
    zy_document *doc;
    assert_int_equal(zy_scan(ctx, "a \"q\".txt", text, strlen(text), NULL, &doc), ZY_OK);
    char *json;
    size_t len;
    assert_int_equal(zy_document_jsonl(ctx, doc, &json, &len), ZY_OK);
    assert_non_null(strstr(json, "\"doc\":\"a \\\"q\\\".txt\""));
    assert_non_null(strstr(json, "\"kind\":\"money\",\"value\":3300000000,\"unit\":\"USD\""));
    assert_non_null(strstr(json, "\"approx\":true"));
    assert_non_null(strstr(json, "\"subject\":\"Moonshot AI\""));
    assert_non_null(strstr(json, "\"measure\":\"valuation\""));
    assert_non_null(strstr(json, "\"source\":\"prose\""));
    assert_non_null(strstr(json, "\"text\":\"約33億ドル\""));
    free(json);
    zy_document_destroy(doc);
}

int main(void)
{
    size_t total = sizeof numerals / sizeof numerals[0] + sizeof figures / sizeof figures[0] +
                   sizeof contexts / sizeof contexts[0];
    printf("# %zu table-driven extraction cases\n", total);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numerals),        cmocka_unit_test(test_numeral_overflow),
        cmocka_unit_test(test_figures),         cmocka_unit_test(test_contexts),
        cmocka_unit_test(test_table_and_list),  cmocka_unit_test(test_offsets_survive_bad_bytes),
        cmocka_unit_test(test_nul_bytes_and_long_line), cmocka_unit_test(test_json_record),
        cmocka_unit_test(test_relative_dates),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
