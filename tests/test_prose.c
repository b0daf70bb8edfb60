/*
 * test_prose.c: figures in running text, table-driven: each case is a short text of the
 * shapes articles take, and the value, subject and time that one of its figures must get
 * (parallel runs, from-to changes with their years, sources and investors, ranks, 首位,
 * 前年, the year a paragraph or a heading gives counts and ranks, profile brackets, places,
 * founded and released things, company appositions, prices of what is bought).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "zuhyo/zuhyo.h"

#include "test_context.h"

typedef struct prose_case {
    const char *text;
    const char *figure;   /* the figure as written (the first fact with this text) */
    double value;         /* NAN: not checked (dates) */
    const char *subject;  /* canonical subject or the name as written; "" none; NULL: not checked */
    const char *time;     /* NULL: not checked */
    const char *measure;  /* NULL: not checked */
} prose_case;

static const prose_case cases[] = {
    /* parallel runs: each figure gets the name right before it, known or not */
    {"発電所の数はフランスが56基、インドが22基、ブラジルが2基となっている。", "22基", 22, "インド", NULL, NULL},
    {"発電所の数はフランスが56基、インドが22基、ブラジルが2基となっている。", "2基", 2, "ブラジル", NULL, NULL},
    {"首位は米国の80億ドルで、次いで欧州31億ドル、中国17億ドルだった。", "31億ドル", 3.1e9, "EU", NULL, NULL},
    {"首位は米国の80億ドルで、次いで欧州31億ドル、中国17億ドルだった。", "17億ドル", 1.7e9, "中国", NULL, NULL},
    {"対GDP比は日本0.05%、ロシア0.12%、インド0.03%の順だった。", "0.12%", 0.12, "ロシア", NULL, NULL},
    {"対GDP比は日本0.05%、ロシア0.12%、インド0.03%の順だった。", "0.05%", 0.05, "日本", NULL, NULL},
    {"広東省は12%、浙江省は9%だった。", "9%", 9, "浙江省", NULL, NULL},
    {"地域では大阪が12社で最多となり、名古屋7社、福岡3社が続いた。", "7社", 7, "名古屋", NULL, NULL},
    {"地域では大阪が12社で最多となり、名古屋7社、福岡3社が続いた。", "12社", 12, "大阪", NULL, NULL},
    {"インドが+12.5%増(1,200件)、ノルウェー+8.1%増(640件)だった。", "640件", 640, "ノルウェー", NULL, NULL},
    {"養殖を手がけるオーシャンテックが40億円を調達した。", "40億円", 4e9, "オーシャンテック", NULL, NULL},
    /* a run of measures is not a run of names */
    {"ソニーの売上高は3兆円、営業損失は200億円だった。", "200億円", 2e10, "ソニーグループ", NULL, NULL},
    {"ソニーの営業損失は200億円、純損失は90億円だった。次の四半期も赤字だった。", "90億円", 9e9, "ソニーグループ", NULL, NULL},
    /* from-to: each figure its own year */
    {"社員は2018年の120人から2023年には450人に増えた。", "120人", 120, NULL, "2018", NULL},
    {"社員は2018年の120人から2023年には450人に増えた。", "450人", 450, NULL, "2023", NULL},
    {"2024年の成長率は前年の2.1%から4.8%に高まった。", "2.1%", 2.1, NULL, "2023", NULL},
    {"売上高は前年比12%減った。", "12%", 12, NULL, "", NULL},
    {"2024年の販売は前年から19%増えた。", "19%", 19, NULL, "2024", NULL},
    {"2024年の需要は前年の約2.5倍だった。", "約2.5倍", 2.5, NULL, "2024", NULL},
    {"2024年の販売は前年に比べ5%増えた。", "5%", 5, NULL, "2024", NULL},
    {"ソニーは2024年に3位だった。前年も1位だった。", "1位", 1, "ソニーグループ", "2023", NULL},
    {"2024年の順位は25位から19位に上がった。", "25位", 25, NULL, "", NULL},
    /* sources never own a figure; investors do not own what was raised */
    {"調査会社ガートナーによると、出荷台数は3億台だった。", "3億台", 3e8, "", NULL, NULL},
    {"トヨタは、ソフトバンクが主導するラウンドで5億ドルを調達した。", "5億ドル", 5e8, "トヨタ自動車", NULL, NULL},
    {"トヨタはソフトバンクなどから3億ドルを調達した。", "3億ドル", 3e8, "トヨタ自動車", NULL, NULL},
    {"ソニーは、ガートナーの調べでは国内3位だった。", "3位", 3, "ソニーグループ", NULL, NULL},
    {"トヨタは、2021年にソニーやホンダの技術者らによって設立された。", "2021年", NAN, "トヨタ自動車", "2021", NULL},
    {"ソニーはホンダやトヨタといった大手から2億ドルの出資を受けた。", "2億ドル", 2e8, "ソニーグループ", NULL, NULL},
    {"ソニーは新型機を出した。過去にはホンダやトヨタといった大手から5億ドル超の投資を受けている。", "5億ドル超", 5e8, "ソニーグループ", NULL, NULL},
    /* "Xの軍事費が…": X is the topic of the sentences after it */
    {"中国の軍事費が2位に上がった。\n\n昨年は前年比266億ドル増えた。", "266億ドル", 2.66e10, "中国", NULL, NULL},
    /* a gloss in brackets has the owner of the figure it converts */
    {"トヨタの評価額は20億ドル(約3000億円)だった。", "約3000億円", 3e11, "トヨタ自動車", NULL, NULL},
    /* ranks in prose */
    {"2024年の順位でソニーは7位だった。", "7位", 7, "ソニーグループ", "2024", NULL},
    {"2024年の売上高ランキングでトヨタが首位を守った。", "首位", 1, "トヨタ自動車", "2024", NULL},
    {"2024年版では1位 トヨタ、2位 ソニーとなった。", "2位", 2, "ソニーグループ", "2024", NULL},
    {"ソニーは2019年の8位から3位に上がった。", "3位", 3, "ソニーグループ", "", NULL},
    {"2023年の販売台数では、2位は日本のメーカーのトヨタが占めた。", "2位", 2, "トヨタ自動車", "2023", NULL},
    {"2023年は、4位には米国のメーカーのテスラが入った。", "4位", 4, "テスラ", "2023", NULL},
    {"首位に立ったのは半導体大手のエヌビディアで、評価額は3兆ドルだった。", "首位", 1, "エヌビディア", NULL, NULL},
    {"2位はサムスン電子で18%、3位はオムニテックで11%だった。", "3位", 3, "オムニテック", NULL, NULL},
    {"2位はサムスン電子で18%、3位はオムニテックで11%だった。", "11%", 11, "オムニテック", NULL, NULL},
    {"ソニーは2019年の8位から3位に上がった。", "8位", 8, "ソニーグループ", "2019", NULL},
    /* "N位にX(前年M位)": the name after the rank; the bracket is the year before */
    {"2024年の順位では、12位にホンダ(前年15位)、30位にカルビオ(同28位)が入った。", "30位", 30, "カルビオ", "2024", NULL},
    {"2024年の順位では、12位にホンダ(前年15位)、30位にカルビオ(同28位)が入った。", "28位", 28, "カルビオ", "2023", NULL},
    {"2024年の順位では、12位にホンダ(前年15位)、30位にカルビオ(同28位)が入った。", "15位", 15, "ホンダ", "2023", NULL},
    /* a change between two ranks after a span of two years takes them in order */
    {"2019年→2020年の順位では、ソニーが29位→32位に後退した。", "29位", 29, "ソニーグループ", "2019", NULL},
    {"2019年→2020年の順位では、ソニーが29位→32位に後退した。", "32位", 32, "ソニーグループ", "2020", NULL},
    {"論文数の順位(2019年→2020年)\n\nトヨタ 29位→32位\nソニー 12位→8位\n", "12位", 12, "ソニーグループ", "2019", NULL},
    {"論文数の順位(2019年→2020年)\n\nトヨタ 29位→32位\nソニー 12位→8位\n", "8位", 8, "ソニーグループ", "2020", NULL},
    /* counts and ranks take the year the paragraph or the heading names */
    {"2022年の調査の結果をまとめた。\nソニーは5位だった。", "5位", 5, "ソニーグループ", "2022", NULL},
    {"自動車各社の従業員数(2021年)\n\nトヨタの従業員は37万人。", "37万人", 370000, "トヨタ自動車", "2021", NULL},
    {"ソニーは2015年に設立された。社員は300人。", "300人", 300, NULL, "", NULL},
    {"2022年の出願は前年2021年4,100件に比べ5%増えた。\nなお、ソニーが1,250件だった。", "1,250件", 1250, "ソニーグループ", "2022", NULL},
    /* それぞれ: names and figures in the same order */
    {"特にトヨタとホンダが伸び、前年比の伸び率はそれぞれ12%と9%だった。", "9%", 9, "ホンダ", NULL, NULL},
    {"特にトヨタとホンダが伸び、前年比の伸び率はそれぞれ12%と9%だった。", "12%", 12, "トヨタ自動車", NULL, NULL},
    /* a kanji name with its reading in brackets */
    {"3位は半導体を手がける華星光電(チャイナスター)で900億元だった。", "900億元", 9e10, "華星光電", NULL, NULL},
    {"3位は半導体を手がける華星光電(チャイナスター)で900億元だった。", "3位", 3, "華星光電", NULL, NULL},
    /* who counted is not who owns the count */
    {"ソニーの社員は1万人。日経クロステックが主な要求額を集計したところ、総額は約30億円だった。", "約30億円", 3e9, "ソニーグループ", NULL, NULL},
    /* founding and release dates: the thing founded or released */
    {"新型端末の「Xperia Z」が発売されたのは2013年2月9日のことだ。", "2013年2月9日", NAN, "Xperia Z", "2013-02-09", NULL},
    {"欧州では先行して2012年5月に新型Walkmanが発売され、国内でも話題となった。", "2012年5月", NAN, "Walkman", "2012-05", NULL},
    {"ソニーは2014年3月に登場した「PlayStation 4」から国内でも販売を始めた。", "2014年3月", NAN, "PlayStation 4", "2014-03", NULL},
    /* figures in a profile bracket after a name are that name's; a 。 inside ends nothing */
    {"北辰商事は子会社のネクスタ(札幌市。売上高3億2000万円、営業利益△1500万円)を売る。", "△1500万円", -1.5e7, "ネクスタ", NULL, NULL},
    {"東洋電工は、海光運輸(KKU、神戸市。売上高8億円、純資産12億円)を買収する。", "12億円", 1.2e9, "海光運輸", NULL, NULL},
    {"東洋電工は22日、海光運輸(KKU、神戸市。売上高8億円)を買収すると発表した。取得価額は30億円。", "30億円", 3e9, "東洋電工", NULL, NULL},
    /* places never own a figure; a city as the topic does */
    {"三光(東京都港区)から20%の株式を買う。", "20%", 20, "", NULL, NULL},
    {"トヨタは好調だった。9月にはノルウェー向けの出荷台数が千台に達した。", "千台", 1000, "トヨタ自動車", NULL, NULL},
    {"大阪市の人口は270万人だった。", "270万人", 2.7e6, "大阪", NULL, NULL},
    /* what is founded or released owns the date; else the subject that announced it */
    {"アオバ電機は、新会社「アオバ・ロボティクス(ABR)」を、2027年4月に米テキサス州オースティンに設立する。", "2027年4月", NAN, "ABR", "2027-04", "founded"},
    /* a name the dictionary lacks, its period and its measure: "Xの2024年度の売上高は" */
    {"カラマツ電力の2024年度の売上高は3兆2500億円だった。", "3兆2500億円", 3250000000000.0, "カラマツ電力", NULL, "revenue"},
    /* the first of a ranked run: "1位はX(売上高…)" */
    {"集計では、2024年の売上高ランキングで1位はヒノキ製菓(売上高4200億円)、2位はスギ乳業(3100億円)だった。", "1位", NAN, "ヒノキ製菓", NULL, NULL},
    /* a name that opens in hiragana, at the start of the sentence */
    {"あおぞら書房の2024年度の売上高は210億円だった。", "210億円", 2.1e10, "あおぞら書房", NULL, "revenue"},
    /* names the dictionary lacks, joined by と before それぞれ */
    {"ハシバミ工業とクルミ電子の純利益はそれぞれ42億円と17億円だった。", "17億円", 1.7e9, "クルミ電子", NULL, "profit"},
    /* a run of figures shares the measure its first one has */
    {"2024年の軍事費は米国が9100億ドル、中国が2960億ドル、英国が750億ドルだった。", "2960億ドル", 296000000000.0, "中国", NULL, "budget"},
    {"ノヴァテックは2026年3月10日、新サービス「ノヴァクラウド」を発表した。", "2026年3月10日", NAN, "ノヴァクラウド", NULL, NULL},
    {"カイトスは2026年5月12日、新たな資金調達を発表した。", "2026年5月12日", NAN, "カイトス", NULL, NULL},
    {"ハルモ研究所は2026年1月9日、「2025年AI企業ランキング」を発表した。", "2026年1月9日", NAN, "ハルモ研究所", NULL, NULL},
    /* company appositions name an owner, which later sentences and 同社 take up */
    {"ロボット開発スタートアップのアルテミスAIは評価額3億ドルを突破した。同社の社員は約120人にのぼる。", "約120人", 120, "アルテミスAI", NULL, NULL},
    {"エネルギー企業のソラリスは売上高40億円を計上した。", "40億円", 4e9, "ソラリス", NULL, NULL},
    {"半導体メーカーキオクシアは売上高1兆円を見込む。", "1兆円", 1e12, "キオクシア", NULL, NULL},
    {"北辰商事は子会社徳島ラボ(徳島市。売上高2億円)を売る。", "2億円", 2e8, "徳島ラボ", NULL, NULL},
    {"北辰商事は、南海精工(本社:大阪府堺市、売上高45億円)を買収する。", "45億円", 4.5e9, "南海精工", NULL, NULL},
    {"AI企業ボルタと合併して5000億ウォンの評価を得たステラビットは上場を目指す。", "5000億ウォン", 5e11, "ステラビット", NULL, NULL},
    /* the price of what is bought is that thing's */
    {"トヨタがソニーを約3億ドルで買収しようとした。", "約3億ドル", 3e8, "ソニーグループ", NULL, NULL},
    /* a year before its quarter is the time of the figures that follow */
    {"ソニーは2020年10月14日、2020年度第3四半期の業績を発表した。売上台数は60台だった。", "60台", 60, "ソニーグループ", "2020", NULL},
    /* periods: a year before its quarter is not a fact; 4〜6月 starts in April */
    {"ソニーの2023年4〜6月の売上高は3兆円だった。", "2023年4〜6月", NAN, NULL, "2023-04", NULL},
    /* the topic carries into the next sentence, and so does the measure when the sentence
     * names no topic of its own */
    {"トヨタの売上高は30兆円だった。前年比10%増えた。", "10%", 10, "トヨタ自動車", NULL, "revenue"},
    {"トヨタは新型車を出した。欧州の環境規制に合わせた設計が評価された。販売は8万台だった。", "8万台", 8e4, "トヨタ自動車", NULL, NULL},
    {"日本ではソニーが300億円を調達した。同社の評価額は約2600億円とされる。", "約2600億円", 2.6e11, "ソニーグループ", NULL, NULL},
    {"トヨタは北米で工場を増やした。同社の販売台数は240万台だった。", "240万台", 2.4e6, "トヨタ自動車", NULL, NULL},
    /* the unfinished end of a paragraph cut short is no heading: the topic carries on */
    {"トヨタは北米で工場を増やした。ただ、赤字額は3億円まで", "3億円", 3e8, "トヨタ自動車", NULL, NULL},
    {"トヨタは北米で工場を増やした。\n\n昨年、前年比3億円増の40億円を記録し、\n初めて首位となった。", "40億円", 4e9, "トヨタ自動車", NULL, NULL},
    /* a name the dictionary lacks, made the topic by the shape news takes, owns the figures
     * of its sentence and of the sentences after it */
    {"精密機器大手のハマナ精工は7日、通期予想を引き上げた。売上高は840億円を見込む。", "840億円", 8.4e10, "ハマナ精工", NULL, NULL},
    {"ロッカ電子が29日発表した4〜6月期決算は、純利益が55億円だった。", "55億円", 5.5e9, "ロッカ電子", NULL, NULL},
    {"中国の家電メーカー、青嶺科技は18日、決算を発表した。同社の売上高は310億元だった。", "310億元", 3.1e10, "青嶺科技", NULL, NULL},
    {"半導体大手のオルビタは12日、2000人を削減すると発表した。", "2000人", 2000, "オルビタ", NULL, NULL},
    {"物流のサカエ運輸(名古屋市)は1日、純利益が前期比18%増の42億円になったと発表した。", "42億円", 4.2e9, "サカエ運輸", NULL, NULL},
    {"大東商会が15日発表した決算は、営業利益が12億円だった。", "12億円", 1.2e9, "大東商会", NULL, NULL},
    /* an authority that publishes others' figures is no company topic */
    {"中小企業支援部は13日、統計を発表した。韓国の投資額は3兆ウォンだった。", "3兆ウォン", 3e12, "韓国", NULL, NULL},
    /* nor is a person */
    {"マルティネス大統領は3日、支援策を発表した。補助は2億ドルとなる。", "2億ドル", 2e8, "", NULL, NULL},
    /* nor a research firm publishing a survey */
    {"ミライリサーチが8日発表した調査では、値上げ品目は1万2000品目だった。", "1万2000品目", 12000, "", NULL, NULL},
    {"調査会社のアオバ総研は9日、市場規模が3000億円になるとの見通しを示した。", "3000億円", 3e11, "", NULL, NULL},
    /* "上場したX(place)の初値は": X, past the place in brackets */
    {"グロース市場に上場したメルクルス(東京・港)の初値は1,980円だった。", "1,980円", 1980, "メルクルス", NULL, "first_price"},
    /* a known short name inside a longer written one; a wire dateline is nobody's */
    {"米ガラント、買収を発表\n\n【シカゴ=共同】米小売り大手のガラント・ストアーズは5日、同業を40億ドルで買収すると発表した。", "40億ドル", 4e9, "ガラント・ストアーズ", NULL, NULL}, /* the full name as the story writes it */
    /* a press release: the issuer alone on its line, then 当社 */
    {"株式会社ノギクテック\n\n当社の売上高は212億円(前期比6.1%増)となりました。", "6.1%", 6.1, "ノギクテック", NULL, NULL},
    {"新規上場のメルクルス、初値は公開価格の1.8倍", "1.8倍", 1.8, "メルクルス", NULL, NULL},
    /* "同社は…欧州で N人を削減": the place of the action does not own its object */
    {"ハマナ精工は7日、計画を示した。同社は2026年までに北米で約1,200人を削減する。", "約1,200人", 1200, "ハマナ精工", NULL, NULL},
    /* a numbered item line is no heading: its figures take the topic */
    {"株式会社ミドリ樹脂は包装材を作る。\n\n3. 取得の概要\n(1) 取得価額　普通株式 124億円、手数料等 2億円、合計 126億円\n(2) 取得後の議決権所有割合は100.0%となる見込み", "126億円", 1.26e10, "ミドリ樹脂", NULL, NULL},
    /* a headline opening with a company's name makes it the topic of the article */
    {"ソラミネ航空 2025年3月期 決算概要\n\n上期の旅客数は前年同期比8%増の920万人だった。", "920万人", 9.2e6, "ソラミネ航空", NULL, NULL},
};

/* Every case is checked and every failure printed, then the test fails if any did. */
static void test_prose(void **state)
{
    (void)state;
    int failures = 0;
#define CASE_FAIL(...) do { print_error(__VA_ARGS__); print_error("\n"); failures++; goto next; } while (0)
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const prose_case *c = &cases[i];
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "t.txt", c->text, strlen(c->text), NULL, &doc), ZY_OK);
        const zy_fact *f = NULL;
        for (size_t k = 0; k < doc->nfacts && !f; k++)
            if (strcmp(doc->facts[k].text, c->figure) == 0)
                f = &doc->facts[k];
        if (!f)
            CASE_FAIL("case %zu «%s»: no figure %s", i, c->text, c->figure);
        if (!isnan(c->value) && fabs(f->value - c->value) > 1e-9 * fmax(1, fabs(c->value)))
            CASE_FAIL("case %zu «%s»: %s has value %g, expected %g", i, c->text, c->figure, f->value, c->value);
        const char *subject = f->subject ? f->subject : "";
        if (c->subject && strcmp(subject, c->subject) != 0)
            CASE_FAIL("case %zu «%s»: %s has subject \"%s\", expected \"%s\"", i, c->text, c->figure, subject, c->subject);
        if (c->time && strcmp(f->time, c->time) != 0)
            CASE_FAIL("case %zu «%s»: %s has time \"%s\", expected \"%s\"", i, c->text, c->figure, f->time, c->time);
        if (c->measure && (!f->measure || strcmp(f->measure, c->measure) != 0))
            CASE_FAIL("case %zu «%s»: %s has measure %s, expected %s", i, c->text, c->figure,
                      f->measure ? f->measure : "none", c->measure);
    next:
        zy_document_destroy(doc);
    }
#undef CASE_FAIL
    assert_int_equal(failures, 0);
}

/* Figures that are no facts of their own: the time of other figures' period. */
static const struct { const char *text, *figure; } not_facts[] = {
    {"2020年度第3四半期の売上高は40億ユーロだった。", "2020年度"},
    {"2019年10~12月期の売上高は900億ドル。", "2019年"},
    {"出荷は前年比5%増えた。", "前年"},
    {"過去10年の平均は3%だった。", "10年"},
    {"ソニーの4〜6月の売上高は3兆円だった。", "4〜6月"},
};

static void test_not_facts(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof not_facts / sizeof not_facts[0]; i++) {
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "t.txt", not_facts[i].text, strlen(not_facts[i].text), NULL, &doc), ZY_OK);
        for (size_t k = 0; k < doc->nfacts; k++)
            if (strcmp(doc->facts[k].text, not_facts[i].figure) == 0)
                fail_msg("«%s»: %s is a fact", not_facts[i].text, not_facts[i].figure);
        zy_document_destroy(doc);
    }
}

/* A founding verb after two dates belongs to the nearer one: the fair's dates are no founding. */
static void test_borrowed_event_verb(void **state)
{
    (void)state;
    const char *text = "横浜で開かれた「2025ロボット展」(9月3~6日)で、ミズナラ工業(2019年4月に仙台市で設立。"
                       "以下「ミズナラ」)は新型機を披露した。";
    zy_document *doc;
    assert_int_equal(zy_scan(ctx, "t.txt", text, strlen(text), NULL, &doc), ZY_OK);
    bool founded = false;
    for (size_t i = 0; i < doc->nfacts; i++) {
        const zy_fact *f = &doc->facts[i];
        if (f->kind != ZY_KIND_DATE)
            continue;
        if (strcmp(f->text, "2019年4月") == 0)
            founded = f->measure && strcmp(f->measure, "founded") == 0;
        else if (f->measure)
            fail_msg("%s: measure %s, expected none", f->text, f->measure);
    }
    assert_true(founded);
    zy_document_destroy(doc);
}

int main(void)
{
    printf("# %zu prose cases\n", sizeof cases / sizeof cases[0]);
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_prose), cmocka_unit_test(test_not_facts),
                                       cmocka_unit_test(test_borrowed_event_verb)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
