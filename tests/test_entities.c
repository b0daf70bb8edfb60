/*
 * test_entities.c: finding names in normalised text, table-driven: text → the names found, in
 * order (persons, terms and abbreviations of measures must not be found), with a small
 * dictionary of our own so that the shapes are what is tested; then the shipped
 * data/entities.tsv for countries and short forms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extract/entities.h"

typedef struct name_case {
    const char *text;     /* normalised text (NFKC: ASCII brackets and digits) */
    const char *expected; /* the names found, joined by '|'; "" for none */
} name_case;

static const name_case cases[] = {
    /* Latin names of several words are one name */
    {"Springer Natureは昨年上場した。", "Springer Nature"},
    {"Robert Boschの出願件数が伸びた。", "Robert Bosch"},
    {"パリのMistral AIが資金を集めた。", "Mistral AI"},
    {"General CatalystやAndreessen Horowitzが出資した。", "General Catalyst|Andreessen Horowitz"},
    {"DeepSeekは新しいモデルを出した。", "DeepSeek"},
    {"GoToグループは上場した。", "GoToグループ"},
    {"BYDが首位に立った。", "BYD"},
    {"伸びたのはKORVANTA(+45%)、ZENO(+30%)だった。", "KORVANTA|ZENO"},
    /* …unless a title makes them a person */
    {"Sam Altman氏が語った。", ""},
    {"Lisa Su CEOが登壇した。", ""},
    {"CEOのJensen Huangは語った。", ""},
    /* terms and abbreviations of measures are never names */
    {"ROICとEPSが改善し、GDPも伸びた。", ""},
    {"BEVの販売とDXへの投資が増え、PCTの出願やIPOが続いた。CEOは語った。", ""},
    {"AIとIoTやAIoTの市場が広がり、ArFの装置も売れた。", ""},
    {"スポーツ用多目的車(SUV)が売れた。", ""},
    {"SU7 Ultraが売れた。", ""},
    /* legal forms */
    {"株式会社メルカリを設立した。その後メルカリは上場した。", "株式会社メルカリ|メルカリ"},
    {"株式会社化を決めた。", ""},
    {"トヨタ紡織株式会社の売上高が増えた。", "トヨタ紡織株式会社"},
    {"華星光電有限公司は工場を建てた。", "華星光電有限公司"},
    {"深層思考研究院の調査では", "深層思考研究院"},
    {"湘北大学と陵南大学が競った。", "湘北大学|陵南大学"},
    {"同大学と各大学、主要大学が参加した。", ""},
    {"ゴジェック社と組んだ。ゴジェックは伸びた。", "ゴジェック|ゴジェック"},
    {"ネット社会の到来で社員が増えた。", ""},
    /* a country's kanji before a katakana name: the name is what follows */
    {"米スノーフレークが決算を発表した。", "スノーフレーク"},
    {"独ジーメンスと韓ハンファが組んだ。", "ジーメンス|ハンファ"},
    {"米Snowflakeと独Celonisが組んだ。", "Snowflake|Celonis"},
    {"米IT大手が伸びた。", ""},
    {"米ドルと豪ドルが上がった。", ""},
    {"米メディアによると、中メーカーや中サイズの車が売れた。", ""},
    {"訪米スケジュールと欧米メーカー", ""},
    {"独メルケル首相が語った。", ""},
    /* quoted names */
    {"「ラクスル」社の売上高", "ラクスル"},
    {"AIスタートアップ「サカナテック」が資金を集めた。", "サカナテック"},
    {"主力製品「ポケトーク」が売れた。", ""},
    {"「業務時間削減」が最多だった。", ""},
    /* katakana names joined by ・ */
    {"ムーア・スレッドは上場した。", "ムーア・スレッド"},
    {"サム・アルトマン氏が語った。", ""},
    {"ソフト・ハード両面で", ""},
    {"データ・センターの建設とベンチャー・キャピタルが", ""},
    /* a kanji name with its reading or an alias in brackets */
    {"摩爾線程(ムーア・スレッド)で3100億元", "摩爾線程(ムーア・スレッド)"},
    {"盧偉氷(ろ・いひょう)総裁は語った。", ""},
    {"電気自動車(EV)が売れた。", ""},
    {"高性能セダン「RX9ウルトラ(RX9 Ultra)」が売れた。", ""},
    /* table rows read as lines of text: the label at the start is a name */
    {"湘北      12,345      1,234      10.0%", "湘北"},
    {"Vivid15%16%15%", "Vivid"},
    {"| Rakuna | 5,405 |", "Rakuna"},
    {"売上高は前年比10%増えた", ""},
    {"2023年 | 9.1% |", ""},
    {"GPT4 10%", ""},
    {"売上高23億円・従業員数120名", ""},
    {"合計      12,345", ""},
    {"第1四半期(Q1)の売上高", ""},
    {"独ジーメンス(SMN)は伸びた。", "ジーメンス(SMN)"},
    {"アラタ重工業ホールディングス(HD)の売上高", "アラタ重工業ホールディングス"},
    {"仏ABCモエ・シャンドンは伸びた。", "ABCモエ・シャンドン"},
    /* a katakana name right after a company noun (with or without の) is a name */
    {"ロボット開発スタートアップのアルテミスAIは評価額を高めた。", "アルテミスAI"},
    {"電池企業ボルタリスと合併した。", "ボルタリス"},
    {"子会社のネクスタが伸びた。", "ネクスタ"},
    {"大手のサービスが伸び、企業のシェアも伸びた。", ""},
    {"カメラメーカーのレンズワークスが伸びた。", "レンズワークス"},
    {"半導体メーカーキオクシアが伸び、メーカーシェアも伸びた。", "キオクシア"},
    /* …and before は after a relative clause, or opening the sentence before は and a day */
    {"評価を得たステラビットは上場を目指す。", "ステラビット"},
    {"収集したデータは多い。", ""},
    {"北辰ゴムは22日、工場を建てた。", "北辰ゴム"},
    {"ゼファーは、本社を移した。", "ゼファー"},
    {"同グループは、本社を移した。", ""},
    {"ハリス大統領は22日、関税を上げた。", ""},
    /* a name with its profile in brackets (short form, seat) */
    {"海光運輸(KKU、神戸市。売上高8億円)を買う。", "海光運輸|KKU"},
    {"東洋電工は22日、工場を建てた。", "東洋電工"},
    {"政府は、方針を決めた。", ""},
    {"東洋精機(愛知県豊田市)を通じて", "東洋精機"},
    /* places are not company names */
    {"米テキサス州オースティンに設立する。", ""},
    /* dictionary names */
    {"小米集団(シャオミ)は好調だった。", "小米集団(シャオミ)"},
    {"小米集団は好調だった。", "小米集団"},
    {"中国人民銀行は利下げした。中国の銀行は慎重だ。", "中国人民銀行|中国"},
    {"インドの市場とウインドウズの更新", "インド"},
    {"1000億インドドル", ""},
    {"メタは好調で、メタバースやメタXとは別だ。", "メタ"},
    {"米アップルが決算を発表した。", "アップル"},
    /* a dictionary name that ends inside a longer katakana word is not that name */
    {"東南アジアの工場と南アの鉱山", "南ア"},
    {"南アルプスの水と南アの金", "南ア"},
    /* a market named by what it sells, before 規模 or は/が/も; not generic markets or 市場に */
    {"国内SaaS市場規模は伸びた。", "国内SaaS市場"},
    {"同年の人型ロボット市場は拡大した。", "人型ロボット市場"},
    {"株式市場は荒れ、同市場も揺れた。", ""},
    {"新しい市場に上場した。", ""},
    /* katakana names after a relative clause before の and a measure, after 首位の, 新興の */
    {"業界最大手だったバイジューズの評価額は下がった。", "バイジューズ"},
    {"首位のバイジューズは伸びた。", "バイジューズ"},
    /* an acronym and a katakana word before など */
    {"LGテレコムなど3社が出資した。", "LGテレコム"},
    /* a country prefix keeps a short Latin tail of the name (AI, HD), not a product's */
    {"仏ミストラルAIは伸びた。", "ミストラルAI"},
    {"米ノヴァテックGPUの需要", "ノヴァテック"},
    /* a katakana name after 、 or の before は, a day and 、: a story's lead */
    {"シンガポール拠点のフィンテック、ノヴァペイは20日、資金を得た。", "ノヴァペイ"},
    {"韓国の新興、ライトフィールドは2025年3月4日、上場した。", "ライトフィールド"},
    {"同社のトップ、サービスは20日、", ""},
    /* a name with its seat in brackets: a known country or city, perhaps after 本社: */
    {"美味到家(中国)は伸びた。", "美味到家|中国"},
    {"ノヴァキッチン(本社:インド)が集めた。", "ノヴァキッチン|インド"},
    {"売上高(中国)は伸びた。", "中国"},
    /* company suffixes of Chinese and Korean names; not when a word goes on (電子商取引) */
    {"同国の新興、星河科技が資金を得た。", "星河科技"},
    {"EV新興の零跑汽車は伸びた。", "零跑汽車"},
    {"大邦電子が受注した。", "大邦電子"},
    {"越境電子商取引が伸びた。", ""},
};

/* The dictionary the cases are written against: a few names, so the rest are shapes. */
static void load_small_dictionary(zy_entities *e)
{
    static const char *const rows[][4] = {
        {"中国", "country", "CN", "中国"},     {"インド", "country", "IN", "インド"},
        {"アップル", "company", "US", "Apple"}, {"シャオミ", "company", "CN", "小米"},
        {"メタ", "company", "US", "Meta"},    {"南アフリカ", "country", "ZA", "南ア"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        assert_int_equal(zy_entities_add(e, rows[i][0], rows[i][1], rows[i][2], NULL), ZY_OK);
        assert_int_equal(zy_entities_add(e, rows[i][0], rows[i][1], rows[i][2], rows[i][3]), ZY_OK);
    }
}

/* The names found in text, joined by '|'. */
static void names_in(zy_entities *e, const char *text, char *out, size_t cap)
{
    zy_entity_match m[32];
    size_t n = zy_entities_find(e, text, 0, strlen(text), m, 32);
    out[0] = '\0';
    size_t used = 0;
    for (size_t k = 0; k < n; k++) {
        int w = snprintf(out + used, cap - used, "%s%.*s", k ? "|" : "", (int)(m[k].end - m[k].start),
                         text + m[k].start);
        assert_true(w >= 0 && (size_t)w < cap - used);
        used += (size_t)w;
    }
}

static void test_names_table(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        zy_entities e;
        zy_entities_init(&e);
        load_small_dictionary(&e);
        zy_entities_begin_document(&e);
        char got[512];
        names_in(&e, cases[i].text, got, sizeof got);
        if (strcmp(got, cases[i].expected) != 0) {
            print_error("«%s»: expected «%s», got «%s»\n", cases[i].text, cases[i].expected, got);
            failures++;
        }
        zy_entities_forget_document(&e);
        zy_entities_free(&e);
    }
    assert_int_equal(failures, 0);
}

/* 米X teaches X with the prefix's country; the document's names are forgotten after it. */
static void test_learnt_names_and_forgetting(void **state)
{
    (void)state;
    zy_entities e;
    zy_entities_init(&e);
    load_small_dictionary(&e);
    zy_entities_begin_document(&e);
    char got[256];
    names_in(&e, "米スノーフレークが伸びた。", got, sizeof got);
    assert_string_equal(got, "スノーフレーク");
    long id = zy_entities_lookup(&e, "スノーフレーク", strlen("スノーフレーク"), false);
    assert_true(id >= 0);
    assert_string_equal(e.entities[id].country, "US");
    names_in(&e, "スノーフレークは黒字になった。", got, sizeof got);
    assert_string_equal(got, "スノーフレーク");
    names_in(&e, "独Celonisが伸びた。", got, sizeof got);
    id = zy_entities_lookup(&e, "Celonis", strlen("Celonis"), false);
    assert_true(id >= 0);
    assert_string_equal(e.entities[id].country, "DE");
    zy_entities_forget_document(&e);
    assert_int_equal(zy_entities_lookup(&e, "スノーフレーク", strlen("スノーフレーク"), false), -1);
    names_in(&e, "スノーフレークは黒字になった。", got, sizeof got);
    assert_string_equal(got, "");
    /* the dictionary is intact and still in order */
    assert_true(zy_entities_lookup(&e, "小米", strlen("小米"), false) >= 0);
    assert_true(zy_entities_lookup(&e, "Apple", 5, false) >= 0);
    zy_entities_free(&e);
}

typedef struct lookup_case {
    const char *alias, *canonical;
    bool short_alias;
} lookup_case;

/* The shipped dictionary: countries with their Japanese names and short forms, universities
 * with theirs. */
static void test_shipped_dictionary(void **state)
{
    (void)state;
    static const lookup_case lookups[] = {
        {"アメリカ", "米国", false},       {"米", "米国", true},
        {"イギリス", "英国", false},       {"英", "英国", true},
        {"豪州", "オーストラリア", false}, {"豪", "オーストラリア", true},
        {"サウジ", "サウジアラビア", false}, {"南アフリカ", "南アフリカ", false},
        {"トルコ", "トルコ", false},       {"韓国", "韓国", false},
        {"東大", "東京大学", false},       {"京大", "京都大学", false},
        {"早大", "早稲田大学", false},     {"慶大", "慶應義塾大学", false},
        {"清華大", "清華大学", false},     {"IMF", "国際通貨基金", false},
        {"VW", "フォルクスワーゲン", false}, {"ヒョンデ", "現代自動車", false},
        {"ASEAN", "東南アジア", false},    {"中東", "中東", false},
        {"アジア太平洋", "アジア太平洋", false},
    };
    const char *dir = getenv("ZUHYO_DATA_DIR");
    assert_non_null(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/entities.tsv", dir);
    zy_entities e;
    zy_entities_init(&e);
    zy_diag diag;
    memset(&diag, 0, sizeof diag);
    assert_int_equal(zy_entities_load(&e, &diag, path), ZY_OK);
    for (size_t i = 0; i < sizeof lookups / sizeof lookups[0]; i++) {
        const lookup_case *c = &lookups[i];
        long id = zy_entities_lookup(&e, c->alias, strlen(c->alias), c->short_alias);
        if (id < 0)
            print_error("%s: not in the dictionary\n", c->alias);
        assert_true(id >= 0);
        assert_string_equal(e.entities[id].name, c->canonical);
        if (c->short_alias) /* one character: tables and headings only */
            assert_int_equal(zy_entities_lookup(&e, c->alias, strlen(c->alias), false), -1);
    }
    zy_entities_free(&e);
}

/* A user dictionary of 100,000 aliases loads in linear time (it took 30 s when each new
 * name and alias was compared with every earlier one): a generous bound that holds under the
 * sanitizers, the first of two equal names keeps its entity, aliases are found after loading. */
static void test_large_dictionary_loads_fast(void **state)
{
    (void)state;
    char path[] = "/tmp/zuhyo-entities-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    for (int i = 0; i < 50000; i++)
        fprintf(f, "ベータ%d社\tcompany\tJP\tB%dX|ガンマ%d\n", i, i, i);
    fprintf(f, "ベータ7社\tcompany\tJP\tB8X\n"); /* both known already: nothing new */
    fclose(f);
    zy_entities e;
    zy_entities_init(&e);
    zy_diag diag;
    memset(&diag, 0, sizeof diag);
    clock_t started = clock();
    assert_int_equal(zy_entities_load(&e, &diag, path), ZY_OK);
    double seconds = (double)(clock() - started) / CLOCKS_PER_SEC;
    unlink(path);
    assert_int_equal(e.nentity, 50000);
    assert_int_equal(e.nalias, 150000);
    assert_true(seconds < 5.0);
    long id = zy_entities_lookup(&e, "ガンマ49999", strlen("ガンマ49999"), false);
    assert_true(id >= 0);
    assert_string_equal(e.entities[id].name, "ベータ49999社");
    id = zy_entities_lookup(&e, "B8X", 3, false);
    assert_true(id >= 0);
    assert_string_equal(e.entities[id].name, "ベータ8社");
    zy_entities_free(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_table),
        cmocka_unit_test(test_learnt_names_and_forgetting),
        cmocka_unit_test(test_shipped_dictionary),
        cmocka_unit_test(test_large_dictionary_loads_fast),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
