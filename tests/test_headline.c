/*
 * test_headline.c: the article's title (zy_document.title, the 出典 line of its charts) picked
 * from made-up page heads: navigation, UI words, dates, credits and advert notes are passed
 * over; a title tag gives its headline part; leading dates and codes are dropped; long lines
 * are cut. Table-driven through zy_scan.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/headline.h"
#include "util/utf8.h"
#include "zuhyo/zuhyo.h"

#include "test_context.h"

typedef struct headline_case {
    const char *page;
    const char *title;
} headline_case;

static const headline_case cases[] = {
    /* skip links, menus and account buttons */
    {"メインコンテンツへスキップ\nメニュー ログイン 会員登録\n"
     "トヨタ、全固体電池の量産を前倒し\n本文はここから始まる。\n",
     "トヨタ、全固体電池の量産を前倒し"},
    /* a breadcrumb and a date alone */
    {"ホーム > ニュース > 経済\n2025年3月4日 10:30\nソニー、半導体子会社の分社を検討\n",
     "ソニー、半導体子会社の分社を検討"},
    {"TOP / 記事\n\n  家電大手3社がそろって値上げを発表  \n", "家電大手3社がそろって値上げを発表"},
    {"TOP › 特集 › 半導体\n台湾の受託製造大手、売上高が過去最高に\n",
     "台湾の受託製造大手、売上高が過去最高に"},
    /* share buttons, PR, a dotted date, a photo credit */
    {"シェア ツイート はてブ LINE\nPR\n2024.05.01\n(写真:共同)\n【速報】新型ロケット、打ち上げに成功\n",
     "【速報】新型ロケット、打ち上げに成功"},
    /* previous | main | next links of a blog */
    {"« 前の記事の題名はここにある | メイン | 次の記事の題名もここにある »\n"
     "円安で輸出企業の利益が膨らむ理由を考える\n",
     "円安で輸出企業の利益が膨らむ理由を考える"},
    /* a site name, then the headline */
    {"テック便り\n家電大手3社、そろって値上げを発表\n", "家電大手3社、そろって値上げを発表"},
    /* advert notes of a blog host */
    {"スポンサーリンク\n当サイトはアフィリエイト広告を利用しています。\n"
     "ページ下部にも広告を掲載しています。\n国内の菓子メーカー売上高ランキング 第12回\n",
     "国内の菓子メーカー売上高ランキング 第12回"},
    /* a photo caption before the lead */
    {"式典で挨拶する社長。(5月1日撮影、名古屋市)\n自動車部品大手、新工場で生産能力を倍増\n",
     "自動車部品大手、新工場で生産能力を倍増"},
    /* a title tag: headline | site, and site | headline */
    {"楽天、携帯事業が初めての黒字に転換 | テック速報\n", "楽天、携帯事業が初めての黒字に転換"},
    {"日経テック | 楽天、携帯事業が初めての黒字に転換\n", "楽天、携帯事業が初めての黒字に転換"},
    /* a menu row of short items */
    {"経済 | 政治 | 国際 | IT\n中東の原油増産で相場が下落に転じる\n", "中東の原油増産で相場が下落に転じる"},
    /* a headline with a dash of its own stays whole */
    {"A社、新製品を発表 - 価格は10万円\n", "A社、新製品を発表 - 価格は10万円"},
    /* a leading date; a headline's own year stays */
    {"date 2025-06-01 国内のEV販売台数が前年比で2割増えた。その理由は補助金にある。\n",
     "国内のEV販売台数が前年比で2割増えた"},
    {"2024年上半期のスマホ出荷、中国勢が首位に\n", "2024年上半期のスマホ出荷、中国勢が首位に"},
    /* a code or a dateline in 【】, a headline wholly in 【】 */
    {"【24-07】《電池》固体電池の特許、中国が最多に\n", "《電池》固体電池の特許、中国が最多に"},
    {"【3月2日 Kyodo】国内の半導体投資が過去最高の水準に達した\n",
     "国内の半導体投資が過去最高の水準に達した"},
    {"【電動自転車の国内販売が5年で2倍に】\n", "電動自転車の国内販売が5年で2倍に"},
    /* a label in angle brackets is not a breadcrumb; a bullet mark goes */
    {"＜決算速報＞ヤマブキ通信、純利益が初の大台に\n", "＜決算速報＞ヤマブキ通信、純利益が初の大台に"},
    {"■ 半導体メーカー売上高ランキング(2024年)\n", "半導体メーカー売上高ランキング(2024年)"},
    /* a press release: addressee, date, issuer, then its title */
    {"報道関係者各位\n2025年4月8日\n株式会社サクラ調査\n新入社員の「最初の給料」調査 2025\n",
     "新入社員の「最初の給料」調査 2025"},
    {"2024年8月30日\n各位\n会社名　ツバメ化学株式会社\n(コード番号:1234　東証プライム)\n"
     "株式会社ミドリ樹脂の株式取得に関するお知らせ\n",
     "株式会社ミドリ樹脂の株式取得に関するお知らせ"},
    /* a menu row with a UI word; a dateline and byline */
    {"メニュー　企業情報　IR情報　採用情報　お問い合わせ\nセグメント別の業績(2024年12月期)\n",
     "セグメント別の業績(2024年12月期)"},
    {"2025.02.14 | 編集部\n【2024年版】名目GDPランキング 上位7カ国\n", "【2024年版】名目GDPランキング 上位7カ国"},
    /* links, and a column's title that ends like one */
    {"続きを読む\n詳しい資料はこちら\n日本経済の先行きを読む\n", "日本経済の先行きを読む"},
    /* a reply anchor is not a breadcrumb */
    {"掲示板の書き込み >>12 をまとめた大学別の論文数\n", "掲示板の書き込み >>12 をまとめた大学別の論文数"},
    /* a URL piece, then the lead */
    {".jpg&w=1200&q=75)\n春の新製品の発表会が東京都内で開かれた。\n", "春の新製品の発表会が東京都内で開かれた"},
    /* only navigation: the first line, as before */
    {"ホーム > ニュース\nメニュー\n", "ホーム > ニュース"},
    /* only a short name: it is all there is */
    {"北辰工業\n", "北辰工業"},
    /* the original bytes, full-width letters and all */
    {"ＡＩ半導体の新興企業、評価額１兆円に\n", "ＡＩ半導体の新興企業、評価額１兆円に"},
    {"\n\n   \n", ""},
};

static char *title_of(const char *page)
{
    zy_document *doc;
    assert_int_equal(zy_scan(ctx, "head.txt", page, strlen(page), NULL, &doc), ZY_OK);
    char *title = strdup(doc->title ? doc->title : "(null)");
    zy_document_destroy(doc);
    return title;
}

static void test_headline_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *title = title_of(cases[i].page);
        if (strcmp(title, cases[i].title) != 0)
            fail_msg("case %zu: \"%s\", expected \"%s\"", i, title, cases[i].title);
        free(title);
    }
}

static size_t chars(const char *s)
{
    return zy_utf8_length(s, strlen(s));
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

static void test_long_lines_cut(void **state)
{
    (void)state;
    /* a headline and a long subheading: cut between them */
    char *t = title_of("ミナト重工、航空機部品を増産へ 二〇二六年までに国内で新しい工場を二カ所建設し"
                       "従業員を三割増やす計画を明らかにした長い副題が続く\n");
    assert_string_equal(t, "ミナト重工、航空機部品を増産へ");
    free(t);
    /* a long sentence: cut after a comma, with an ellipsis */
    t = title_of("国内の大手電機メーカー各社が発表した今年度の業績見通しによれば、半導体関連の需要回復"
                 "を背景に多くの企業で増益が見込まれており、特に産業機器部門の伸びが大きいとされている\n");
    assert_true(ends_with(t, "…"));
    assert_true(chars(t) <= ZY_HEADLINE_MAX_CHARS + 1);
    assert_true(ends_with(t, "によれば…")); /* the second comma is past the cap */
    free(t);
    /* no comma: never ends inside an open bracket */
    t = title_of("国内で最も多く読まれている業界誌が毎年まとめる報告書の最新版にあたる「世界の宇宙産業の現状と"
                 "今後の見通しに関する年次報告書二〇二四年版」\n");
    assert_true(ends_with(t, "…"));
    assert_null(strstr(t, "「"));
    free(t);
    /* one long word-less run: a hard cut */
    char *page = malloc(4096);
    page[0] = '\0';
    for (int i = 0; i < 100; i++)
        strcat(page, "長");
    strcat(page, "\n");
    t = title_of(page);
    assert_int_equal(chars(t), ZY_HEADLINE_MAX_CHARS + 1);
    free(t);
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headline_cases),
        cmocka_unit_test(test_long_lines_cut),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
