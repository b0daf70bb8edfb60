/*
 * test_grid.c: the block readers for tables and lists (grid.c, lists.c), table-driven: each
 * case is a short made-up page and the facts it must give (kind, value, unit, subject, time),
 * plus figures it must not give (a unit word in a header, a numbered heading). Then the bad
 * shapes: a row short of cells, a header with no rows, a 10,000-line list, a 2,000-column
 * pipe row: no crash, and nothing read from them that is not there.
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

/* One fact a page must give; subject is matched as a prefix of the fact's subject_text, time
 * exactly ("" = no time). */
typedef struct want {
    zy_fact_kind kind;
    double value;
    const char *unit;
    const char *subject;
    const char *time;
} want;

typedef struct page_case {
    const char *name;
    const char *text;
    want facts[8];         /* up to the first with a NULL unit */
    double never[4];          /* values no fact may have (0 ends the list) */
} page_case;

static const page_case pages[] = {
    {"a cell that writes its 兆 in a 億円 column; months as column headers",
     "大手商社の売上高(2024年)\n\n| 会社 | 売上高(億円) |\n|---|---|\n| ツルバミ商事 | 2兆5100 |\n| ヤマザクラ物産 | 8,950 |\n\n"
     "月別の出荷台数(2025年)\n\n| メーカー | 1月 | 2月 |\n|---|---|---|\n| ハギ自動車 | 1,200 | 1,350 |\n| ススキ工業 | 800 | 910 |\n",
     {{ZY_KIND_MONEY, 2.51e12, "JPY", "ツルバミ商事", "2024"},
      {ZY_KIND_MONEY, 8.95e11, "JPY", "ヤマザクラ物産", "2024"},
      {ZY_KIND_COUNT, 1350, "count", "ハギ自動車", "2025-02"},
      {ZY_KIND_COUNT, 910, "count", "ススキ工業", "2025-02"}},
     {2.0000000051e20}},
    {"pipe table with a rule line and a year column header",
     "架空市の部局別予算を整理した。\n"
     "部局 | 事業 | 2025年度予算 | 2024年度予算 |\n"
     "---|---|---|---|\n"
     "交通局 | バス路線の維持 | 12.5 | 10.25 |\n"
     "水道局 | 管路の更新 | 40.75 | 38.5 |\n",
     {{ZY_KIND_COUNT, 12.5, "count", "交通局", "2025"},
      {ZY_KIND_COUNT, 10.25, "count", "交通局", "2024"},
      {ZY_KIND_COUNT, 38.5, "count", "水道局", "2024"}},
     {2025, 2024}},
    {"scale in a header cell on its own line under the name",
     "架空上場企業の売上高ランキング\n\n"
     "順位 銘柄名\n売上高\n(百万円)\n"
     "1 ミナト工業 5,120,300\n"
     "2 サクラ電機 3,004,100\n",
     {{ZY_KIND_RANK, 1, "rank", "ミナト工業", ""},
      {ZY_KIND_MONEY, 5120300e6, "JPY", "ミナト工業", ""},
      {ZY_KIND_MONEY, 3004100e6, "JPY", "サクラ電機", ""}},
     {1e6}},
    {"rank glued to the name and a unit line",
     "各国の輸出額(2023年)\n百万US$\n"
     "1アルファ国 20,500\n2ベータ国 13,400\n3ガンマ国 4,900\n",
     {{ZY_KIND_RANK, 2, "rank", "ベータ国", "2023"},
      {ZY_KIND_MONEY, 20500e6, "USD", "アルファ国", "2023"}},
     {1e6}},
    {"two tables side by side",
     "出願件数の上位(2019年)\n"
     "順 | 会社名 | 件数 | 順 | 会社名 | 件数 |\n"
     "1 | Alpha Devices (US) | 4,100 | 11 | ベータ精機 | 1,200 |\n"
     "2 | ガンマ電子 (KR) | 3,900 | 12 | デルタ光学 | 1,150 |\n",
     {{ZY_KIND_COUNT, 4100, "count", "Alpha Devices", "2019"},
      {ZY_KIND_RANK, 11, "rank", "ベータ精機", "2019"},
      {ZY_KIND_COUNT, 1150, "count", "デルタ光学", "2019"}},
     {0}},
    {"percent column by its head word, not by a % inside it",
     "大学別の論文(2015年)\n"
     "大学      論文数  上位5%論文数  比率\n"
     "北辰      9,120   812           8.9%\n"
     "南海      4,010   350           8.7\n",
     {{ZY_KIND_COUNT, 812, "count", "北辰", "2015"},
      {ZY_KIND_PERCENT, 8.7, "%", "南海", "2015"}},
     {0}},
    {"glued cells under a glued header",
     "出荷シェア\nMakerQ1 2024Q2 2024\nOrion21%19%\nVega9%12%\n",
     {{ZY_KIND_PERCENT, 21, "%", "Orion", "2024"}, {ZY_KIND_PERCENT, 12, "%", "Vega", "2024"}},
     {2024}},
    {"numbered rows with values in brackets, a blank line inside, unit under the table",
     "海運会社の保有船数\n\n1 カモメ海運 (310)\n2 ウミネコ汽船 (205)\n\n3 アジサシ商船 (150)\n\n"
     "<(隻) 2022年、業界団体の資料>\n",
     {{ZY_KIND_RANK, 3, "rank", "アジサシ商船", "2022"}, {ZY_KIND_COUNT, 205, "count", "ウミネコ汽船", "2022"}},
     {0}},
    {"unit taken from the article's own repetition of a cell",
     "防災庁の要求額は310億5000万円だった。\n"
     "庁 | 項目 | 要求額 |\n"
     "防災庁 | 避難所の整備 | 310.5 |\n"
     "防災庁 | 訓練 | 12.25 |\n",
     {{ZY_KIND_MONEY, 310.5e8, "JPY", "防災庁", ""}, {ZY_KIND_MONEY, 12.25e8, "JPY", "防災庁", ""}},
     {0}},
    {"bulleted list with scores in brackets and a year in the lead",
     "2021年版の指標が公表された。\n国別 括弧内は得点\n- アルファ国(812.5)\n- ベータ国(640.25)\n",
     {{ZY_KIND_COUNT, 812.5, "count", "アルファ国", "2021"}, {ZY_KIND_COUNT, 640.25, "count", "ベータ国", "2021"}},
     {0}},
    {"name: figures lines, several figures each",
     "2020年の販売台数の内訳は次のとおり。\n\n"
     "カササギ自動車:120,400台、シェアは12.5%\n\nツバメ車両:98,000台、シェアは10.2%\n",
     {{ZY_KIND_COUNT, 120400, "count", "カササギ自動車", "2020"},
      {ZY_KIND_PERCENT, 10.2, "%", "ツバメ車両", "2020"}},
     {0}},
    {"pipe cells that hold two columns each",
     "架空IPOの一覧\n"
     "順位 | コード 銘柄名 | 公募価格 初値 |\n"
     "1位 | 1234 ヤマバト食品 | 1,000円 1,150円 |\n"
     "2位 | 5678 ヒバリ工房 | 2,000円 2,400円 |\n",
     {{ZY_KIND_RANK, 1, "rank", "ヤマバト食品", ""}, {ZY_KIND_MONEY, 2400, "JPY", "ヒバリ工房", ""}},
     {1234, 5678}},
    {"tab-separated years with a unit in the caption and ▲/△ negatives",
     "架空企業の業績(単位:億円)\n会社\t2022年\t2023年\t2024年\n"
     "アオバ商事\t1,200\t1,350\t▲40\nミドリ物産\t980\t△15\t1,010\n",
     {{ZY_KIND_MONEY, 1350e8, "JPY", "アオバ商事", "2023"},
      {ZY_KIND_MONEY, -40e8, "JPY", "アオバ商事", "2024"},
      {ZY_KIND_MONEY, -15e8, "JPY", "ミドリ物産", "2023"}},
     {0}},
    {"markdown table with alignment colons and ranks written 1位",
     "| 順位 | 国名 | 金額(億ドル) |\n|:---|:---|---:|\n| 1位 | アルファ国 | 120.5 |\n| 2位 | ベータ国 | 98 |\n",
     {{ZY_KIND_RANK, 2, "rank", "ベータ国", NULL}, {ZY_KIND_MONEY, 120.5e8, "USD", "アルファ国", NULL}},
     {0}},
    {"a time series: years down the first column, the caption names whose",
     "アオバ商事の業績推移(億円)\n年度 売上高 営業利益\n2021年度 1,200 300\n2022年度 1,500 420\n",
     {{ZY_KIND_MONEY, 1500e8, "JPY", "アオバ商事", "2022"}, {ZY_KIND_MONEY, 300e8, "JPY", "アオバ商事", "2021"}},
     {0}},
    {"bulleted name: value lines with 万 in the value",
     "来場者数\n- カモメ館:9万4,111人\n- ウミネコ館:3万2,005人\n",
     {{ZY_KIND_COUNT, 94111, "count", "カモメ館", NULL}, {ZY_KIND_COUNT, 32005, "count", "ウミネコ館", NULL}},
     {0}},
    {"name(figure) runs in a sentence",
     "内訳は北辰(19社)、南海(14社)、東雲(6社)となった。\n",
     {{ZY_KIND_COUNT, 19, "count", "北辰", NULL}, {ZY_KIND_COUNT, 6, "count", "東雲", NULL}},
     {0}},
    {"name(+figure) runs with signs and 前年比",
     "伸びが大きかったのはアオバ(前年比+40%)、ミドリ(+25%)、コハク(+12%)などだった。\n",
     {{ZY_KIND_PERCENT, 40, "%", "アオバ", NULL}, {ZY_KIND_PERCENT, 25, "%", "ミドリ", NULL}},
     {0}},
    {"rank moves in a list",
     "順位の変動\n- アオバ大学 29位→32位\n- ミドリ大学 45位→38位\n",
     {{ZY_KIND_RANK, 32, "rank", "アオバ大学", NULL}, {ZY_KIND_RANK, 45, "rank", "ミドリ大学", NULL}},
     {0}},
    {"ranked bullets with last year's rank in brackets",
     "2021年の上位は次の通り。\n・1位:アオバ食品(前年2位)\n・2位:ミドリ製菓(同1位)\n・3位:コハク乳業\n",
     {{ZY_KIND_RANK, 1, "rank", "アオバ食品", "2021"}, {ZY_KIND_RANK, 2, "rank", "アオバ食品", "2020"},
      {ZY_KIND_RANK, 1, "rank", "ミドリ製菓", "2020"}, {ZY_KIND_RANK, 3, "rank", "コハク乳業", "2021"}},
     {0}},
    {"a country column beside the name, + signs in a change column",
     "2024年の売上高ランキング\n順位 企業名 国 売上高(億ドル) 前年比\n"
     "1 アルファ半導体 米国 660.5 +25.3%\n2 ベータ電子 韓国 455.0 -3.1%\n",
     {{ZY_KIND_MONEY, 660.5e8, "USD", "アルファ半導体", "2024"}, {ZY_KIND_PERCENT, 25.3, "%", "アルファ半導体", "2024"},
      {ZY_KIND_PERCENT, -3.1, "%", "ベータ電子", "2024"}},
     {0}},
    {"ranks glued as 1位: before the name",
     "売上高ランキング(2023年度)\n1位:カモメ商事 1兆2000億円\n2位:ウミネコ物産 9800億円\n",
     {{ZY_KIND_RANK, 2, "rank", "ウミネコ物産", "2023"}, {ZY_KIND_MONEY, 1.2e12, "JPY", "カモメ商事", "2023"}},
     {0}},
    {"a pipe time series with bare years",
     "アオバ電機の出荷\n| 年 | 出荷台数(万台) |\n|---|---|\n| 2021 | 120 |\n| 2022 | 135 |\n",
     {{ZY_KIND_COUNT, 1.35e6, "count", "アオバ電機", "2022"}},
     {2021, 2022}},
    {"a ranking as of a month: the sentence above gives year and month",
     "2024年1月時点での利用率の順位は以下の通り。\n1位 アルファ検索 74.7%\n2位 ベータ検索 15.8%\n",
     {{ZY_KIND_RANK, 2, "rank", "ベータ検索", "2024-01"}, {ZY_KIND_PERCENT, 74.7, "%", "アルファ検索", "2024-01"}},
     {0}},
    {"ranks that introduce names, with last year's rank in brackets",
     "2019年の順位。\n国内勢では、12位にアオバ電機(前年15位)、30位にミドリ工業(同28位)、90位にコハク化成(同ランク外)が入った。\n",
     {{ZY_KIND_RANK, 12, "rank", "アオバ電機", "2019"}, {ZY_KIND_RANK, 15, "rank", "アオバ電機", "2018"},
      {ZY_KIND_RANK, 28, "rank", "ミドリ工業", "2018"}, {ZY_KIND_RANK, 90, "rank", "コハク化成", "2019"}},
     {0}},
    {"ranked items with the measure before a colon",
     "売上高ランキング\n第1位 アオバ自動車 売上高:31兆3795億円\n第2位 ミドリ商事 売上高:18兆1000億円\n",
     {{ZY_KIND_RANK, 2, "rank", "ミドリ商事", NULL}, {ZY_KIND_MONEY, 31.3795e12, "JPY", "アオバ自動車", NULL}},
     {0}},
    {"numbered items with values in brackets (the numbering is no figure)",
     "ブランド価値の上位\n1. アオバ(2,145億ドル)\n2. ミドリ(1,600億ドル)\n",
     {{ZY_KIND_MONEY, 2145e8, "USD", "アオバ", NULL}, {ZY_KIND_MONEY, 1600e8, "USD", "ミドリ", NULL}},
     {1, 2}},
    {"a ranking printed one cell a line, with its caption's period not an event",
     "売上高ランキング(2023年度)\n1位\nアオバ自動車\n31兆3795億円\n2位\nミドリ商事\n18兆1000億円\n",
     {{ZY_KIND_RANK, 2, "rank", "ミドリ商事", "2023"}, {ZY_KIND_MONEY, 31.3795e12, "JPY", "アオバ自動車", "2023"}},
     {0}},
    {"a header naming every cell is one table, not two side by side",
     "企業名 売上高 本社 従業員数\nアルファ 100 米国 500\nベータ 200 日本 700\n",
     {{ZY_KIND_COUNT, 500, "count", "アルファ", NULL}, {ZY_KIND_COUNT, 700, "count", "ベータ", NULL}},
     {0}},
    {"the repeated cell's unit scales its own column only",
     "アルファの売上高は5556億600万円だった。\n企業名 売上高 従業員数\nアルファ 5556.06 1200\nベータ 300.5 800\n",
     {{ZY_KIND_MONEY, 300.5e8, "JPY", "ベータ", NULL}, {ZY_KIND_COUNT, 1200, "count", "アルファ", NULL}},
     {1.2e11}},
    {"notes and placeholders in brackets are not aliases",
     "企業 | 売上 |\n|---|---|\n| アルファ (新規) | 100 |\n| ベータ (注1) | 200 |\n",
     {{ZY_KIND_COUNT, 100, "count", "アルファ", NULL}, {ZY_KIND_COUNT, 200, "count", "ベータ", NULL}},
     {0}},
    {"the unit said in the sentence above a pipe table",
     "架空諸島の経済規模を並べた。金額の単位は10億米ドルです。\n\n"
     "| 順位 | 島名 | 域内総生産 |\n|---|---|---|\n| 1 | ミナミ島 | 1,250 |\n| 2 | キタ島 | 830 |\n",
     {{ZY_KIND_MONEY, 1250e9, "USD", "ミナミ島", NULL}, {ZY_KIND_MONEY, 830e9, "USD", "キタ島", NULL},
      {ZY_KIND_RANK, 2, "rank", "キタ島", NULL}},
     {1250, 830}},
    {"単位:億円、% names the amounts' unit; the rate column stays percent; ▲ in both",
     "架空町の予算(令和7年度)\n(単位:億円、%)\n\n"
     "区分\t令和6年度\t令和7年度\t増減額\t増減率\n"
     "福祉費\t120\t126\t6\t5.0\n"
     "土木費\t80\t76\t▲4\t▲5.0\n",
     {{ZY_KIND_MONEY, 120e8, "JPY", "福祉費", "2024"}, {ZY_KIND_MONEY, 126e8, "JPY", "福祉費", "2025"},
      {ZY_KIND_MONEY, -4e8, "JPY", "土木費", NULL}, {ZY_KIND_PERCENT, -5, "%", "土木費", NULL},
      {ZY_KIND_PERCENT, 5, "%", "福祉費", NULL}},
     {120, 126}},
    {"change cells that say 増 or 減 after the figure",
     "架空県の登録件数(2024年)\n\n順位 県名 件数 前年比\n1 ヒガシ県 4,200件 3.5%増\n2 ニシ県 3,100件 1.2%減\n",
     {{ZY_KIND_PERCENT, 3.5, "%", "ヒガシ県", "2024"}, {ZY_KIND_PERCENT, -1.2, "%", "ニシ県", "2024"},
      {ZY_KIND_COUNT, 3100, "count", "ニシ県", "2024"}},
     {0}},
    {"rank moves beside the rank are neither names nor figures",
     "架空業界の出願件数(2024年)\n\n順位 変動 企業名 件数\n1 → ソラ電機 900\n2 ↑2 ウミ精工 700\n3 ↓1 ヤマ技研 650\n",
     {{ZY_KIND_RANK, 2, "rank", "ウミ精工", "2024"}, {ZY_KIND_COUNT, 700, "count", "ウミ精工", "2024"},
      {ZY_KIND_COUNT, 650, "count", "ヤマ技研", "2024"}},
     {0}},
    {"a header stacked over indented lines: year, measure, unit per column",
     "架空メーカーの売上高(2024年)\n\n"
     "順位   企業名      2024年       2023年      前年比\n"
     "                   売上高       売上高      増減率\n"
     "                   (億ドル)     (億ドル)    (%)\n"
     " 1     ホシ電子      120.5        98.0       23.0\n"
     " 2     ツキ半導体     88.0        90.5       -2.8\n",
     {{ZY_KIND_RANK, 1, "rank", "ホシ電子", "2024"}, {ZY_KIND_MONEY, 120.5e8, "USD", "ホシ電子", "2024"},
      {ZY_KIND_MONEY, 98e8, "USD", "ホシ電子", "2023"}, {ZY_KIND_PERCENT, -2.8, "%", "ツキ半導体", NULL},
      {ZY_KIND_MONEY, 90.5e8, "USD", "ツキ半導体", "2023"}},
     {120.5, 98}},
    {"a line of years over two tables side by side",
     "架空港の入港数\n\n"
     "      2022年                     2023年\n"
     "順位  港名     隻数          順位  港名     隻数\n"
     "1     アサ港   510           1     ヨル港   620\n"
     "2     ヨル港   480           2     アサ港   590\n",
     {{ZY_KIND_COUNT, 510, "count", "アサ港", "2022"}, {ZY_KIND_COUNT, 620, "count", "ヨル港", "2023"},
      {ZY_KIND_RANK, 2, "rank", "アサ港", "2023"}, {ZY_KIND_RANK, 2, "rank", "ヨル港", "2022"}},
     {0}},
    {"a table printed one cell a line, rank first",
     "架空家電の出荷台数(2024年)\n順位\n企業\n台数(万台)\nシェア\n"
     "1\nハレ電機\n310\n21.5%\n2\nクモ工業\n250\n17.3%\n3\nアメ製作所\n120\n8.3%\n",
     {{ZY_KIND_RANK, 1, "rank", "ハレ電機", "2024"}, {ZY_KIND_COUNT, 3.1e6, "count", "ハレ電機", "2024"},
      {ZY_KIND_PERCENT, 17.3, "%", "クモ工業", "2024"}, {ZY_KIND_COUNT, 1.2e6, "count", "アメ製作所", "2024"}},
     {310, 250}},
    {"a table printed one cell a line, name first",
     "架空作物の収穫量(2023年、万台)\n地域\n収穫量\n比率\nアオ村\n40\n30.1%\nミドリ町\n25\n18.8%\n",
     {{ZY_KIND_COUNT, 4e5, "count", "アオ村", "2023"}, {ZY_KIND_PERCENT, 18.8, "%", "ミドリ町", "2023"}},
     {40, 25}},
    {"a last-year column (前年順位) is a year earlier; a change column (前年比) is not",
     "架空大学ランキング(2025年)\n\n順位\t前年順位\t大学名\t前年比\n1\t2\tソラ大学\t+1.5%\n2\t1\tウミ大学\t-0.8%\n",
     {{ZY_KIND_RANK, 2, "rank", "ソラ大学", "2024"}, {ZY_KIND_RANK, 1, "rank", "ソラ大学", "2025"},
      {ZY_KIND_RANK, 1, "rank", "ウミ大学", "2024"}, {ZY_KIND_PERCENT, -0.8, "%", "ウミ大学", "2025"}},
     {0}},
    {"a table printed one cell a line with blank lines between the cells",
     "架空諸国の輸出額(2024年、億ドル)\n\n順位\n\n国名\n\n輸出額\n\n1\n\nアルタ国\n\n512\n\n2\n\nベルン国\n\n488\n",
     {{ZY_KIND_RANK, 2, "rank", "ベルン国", "2024"}, {ZY_KIND_MONEY, 512e8, "USD", "アルタ国", "2024"}},
     {512, 488}},
    {"a 前回 column beside a rank holds last year's ranks; NEW and 圏外 are no names",
     "架空アプリの人気投票(2025年)\n\n| 順位 | 前回 | アプリ名 | 票数 |\n|---|---|---|---|\n"
     "| 1 | 3 | ツバメ地図 | 820 |\n| 2 | NEW | カモメ家計簿 | 610 |\n| 3 | 圏外 | スズメ日記 | 400 |\n",
     {{ZY_KIND_RANK, 3, "rank", "ツバメ地図", "2024"}, {ZY_KIND_COUNT, 610, "count", "カモメ家計簿", "2025"},
      {ZY_KIND_RANK, 3, "rank", "スズメ日記", "2025"}},
     {0}},
    {"同 after a 前年度比 is a change too, not last year's figure; the caption's period is no event",
     "▼受注額上位3社(2024年度)\n1. ナギ重工 2,300億円(前年度比4.1%増)\n2. シオ造船 1,800億円(同2.2%減)\n",
     {{ZY_KIND_PERCENT, 4.1, "%", "ナギ重工", "2024"}, {ZY_KIND_PERCENT, 2.2, "%", "シオ造船", "2024"},
      {ZY_KIND_MONEY, 1800e8, "JPY", "シオ造船", "2024"}},
     {0}},
    {"the header of the next table is no unit note under this one",
     "架空銀行の預金残高\nホシノ銀行 52兆円\nツキノ銀行 41兆円\n\n順位 | 銘柄 | 株価(円)\n1 | カケル | 3,250\n2 | ミナモ | 1,980\n",
     {{ZY_KIND_MONEY, 41e12, "JPY", "ツキノ銀行", NULL}, {ZY_KIND_MONEY, 3250, "JPY", "カケル", NULL},
      {ZY_KIND_RANK, 2, "rank", "ミナモ", NULL}},
     {0}},
    {"decorated ranks with the name on the rank's line; a record's last line is no caption",
     "架空の住みたい町2025\n\n【第1位】ミナト町\n得票数:1,203票\n\n【第2位】ヤマテ町\n得票数:870票\n\n"
     "アオ銀行 52兆円\nキ銀行 41兆円\n",
     {{ZY_KIND_RANK, 1, "rank", "ミナト町", "2025"}, {ZY_KIND_COUNT, 1203, "count", "ミナト町", "2025"},
      {ZY_KIND_COUNT, 870, "count", "ヤマテ町", "2025"}, {ZY_KIND_RANK, 2, "rank", "ヤマテ町", "2025"}},
     {0}},
    {"No.1 before the name is a rank; a measure word after the name is not part of it",
     "架空商社の売上ランキング\nNo.1 ホシノ商事 売上高 5兆円\nNo.2 ツキノ商事 売上高 4兆円\nNo.3 ヒノデ物産 売上高 3兆円\n",
     {{ZY_KIND_RANK, 2, "rank", "ツキノ商事", NULL}, {ZY_KIND_MONEY, 5e12, "JPY", "ホシノ商事", NULL}},
     {0}},
    {"share buttons and a menu over numbered lines are no table",
     "記事をシェア\nシェア\nツイート\n12\nいいね\n7\nコメント\n5\n\nホーム\nニュース\nランキング\n"
     "11\n新しい端末を試した\n12\n週末の天気\n",
     {{0}},
     {12, 7, 5, 11}},
    {"a vertical ranking with labelled figure lines, its year in the title",
     "架空ブランド調査2024、上位をまとめた\n\n第1位\nカゼ食品\n評価額:約52億ドル(前年比+6%)\n\n"
     "第2位\nヒカリ飲料\n評価額:約31億ドル(前年比▲3%)\n",
     {{ZY_KIND_RANK, 1, "rank", "カゼ食品", "2024"}, {ZY_KIND_MONEY, 52e8, "USD", "カゼ食品", NULL},
      {ZY_KIND_PERCENT, -3, "%", "ヒカリ飲料", NULL}, {ZY_KIND_RANK, 2, "rank", "ヒカリ飲料", "2024"}},
     {0}},
    {"a rank that names its holder",
     "アンケート結果(2025年)\n1. 休日の過ごし方1位は「読書」で38.0%\n2. 「散歩」は21.5%\n",
     {{ZY_KIND_RANK, 1, "rank", "読書", NULL}, {ZY_KIND_PERCENT, 38, "%", "読書", NULL}},
     {0}},
    {"the unit of an exchange rate in a list is no figure",
     "市場の話題\n・為替、1ドル=148円で推移\n・欧州通貨、1ユーロ=161円に上昇\n",
     {{ZY_KIND_MONEY, 148, "JPY", NULL, NULL}},
     {1}},
    {"a unit line on top of an indented header is the table's caption",
     "(単位:億円)\n                第1四半期   第2四半期\n営業収益          1,420       1,655\n営業利益            ▲85         142\n",
     {{ZY_KIND_MONEY, 1420e8, "JPY", "営業収益", NULL}, {ZY_KIND_MONEY, -85e8, "JPY", "営業利益", NULL}},
     {0}},
    {"numbered headings are not rows",
     "目次\n1.1 はじめに\n1.2 歴史\n2.1 まとめ\n",
     {{0}},
     {1.1, 1.2, 2.1}},
};

static bool fact_matches(const zy_fact *f, const want *w)
{
    if (f->kind != w->kind || !f->has_value || fabs(f->value - w->value) > 1e-6 * fmax(1, fabs(w->value)))
        return false;
    if (w->unit && (!f->unit || strcmp(f->unit, w->unit) != 0))
        return false;
    if (w->subject && (!f->subject_text || strncmp(f->subject_text, w->subject, strlen(w->subject)) != 0))
        return false;
    return !w->time || strcmp(f->time, w->time) == 0;
}

static void print_facts(const zy_document *doc)
{
    for (size_t i = 0; i < doc->nfacts; i++) {
        const zy_fact *f = &doc->facts[i];
        print_message("  %s %g %s «%s» time \"%s\"\n", zy_fact_kind_name(f->kind), f->value,
                      f->unit ? f->unit : "-", f->subject_text ? f->subject_text : "-", f->time);
    }
}

static void test_pages(void **state)
{
    (void)state;
    for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
        const page_case *c = &pages[p];
        zy_document *doc;
        assert_int_equal(zy_scan(ctx, "page.txt", c->text, strlen(c->text), NULL, &doc), ZY_OK);
        for (size_t k = 0; k < 8 && c->facts[k].unit; k++) {
            bool found = false;
            for (size_t i = 0; i < doc->nfacts && !found; i++)
                found = fact_matches(&doc->facts[i], &c->facts[k]);
            if (!found) {
                print_facts(doc);
                fail_msg("%s: no %s %g %s for «%s» at \"%s\"", c->name, zy_fact_kind_name(c->facts[k].kind),
                         c->facts[k].value, c->facts[k].unit, c->facts[k].subject, c->facts[k].time);
            }
        }
        for (size_t k = 0; k < 4 && c->never[k] != 0; k++)
            for (size_t i = 0; i < doc->nfacts; i++)
                if (doc->facts[i].kind != ZY_KIND_DATE && doc->facts[i].value == c->never[k]) {
                    print_facts(doc);
                    fail_msg("%s: %g must not be a figure", c->name, c->never[k]);
                }
        zy_document_destroy(doc);
    }
}

/* ---- bad shapes ---- */

static zy_document *scan_text(const char *text, size_t len)
{
    zy_document *doc;
    assert_int_equal(zy_scan(ctx, "bad.txt", text, len, NULL, &doc), ZY_OK);
    return doc;
}

static void test_row_short_of_cells(void **state)
{
    (void)state;
    const char *text = "会社 | 売上 | 利益 | 社員数 |\n"
                       "アオバ | 120 | 8 | 300 |\n"
                       "ミドリ | 90 |\n"
                       "コハク | 75 | 4 | 120 |\n";
    zy_document *doc = scan_text(text, strlen(text));
    bool short_row = false;
    for (size_t i = 0; i < doc->nfacts; i++)
        if (doc->facts[i].value == 90) {
            assert_non_null(doc->facts[i].subject_text);
            assert_string_equal(doc->facts[i].subject_text, "ミドリ");
            short_row = true;
        }
    assert_true(short_row);
    zy_document_destroy(doc);
}

static void test_header_without_rows(void **state)
{
    (void)state;
    const char *text = "会社 | 売上(億円) | 利益(億円) |\n|---|---|---|\n\n本文はここから。\n";
    zy_document *doc = scan_text(text, strlen(text));
    assert_int_equal(doc->nfacts, 0); /* 億円 in a header is a unit, never 1億円 */
    zy_document_destroy(doc);
}

static void test_long_list(void **state)
{
    (void)state;
    size_t lines = 10000, cap = lines * 32 + 64, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    n += (size_t)snprintf(text + n, cap - n, "拠点別の人数\n");
    for (size_t i = 0; i < lines; i++)
        n += (size_t)snprintf(text + n, cap - n, "- 拠点%zu(%zu)\n", i, i + 1);
    zy_document *doc = scan_text(text, n);
    assert_int_equal(doc->nfacts, lines);
    assert_string_equal(doc->facts[lines - 1].subject_text, "拠点9999");
    assert_true(doc->facts[lines - 1].value == 10000);
    zy_document_destroy(doc);
    free(text);
}

static void test_review_crashes(void **state)
{
    (void)state;
    /* a sign's word that overflowed the unit probe, and a prefix before a list item's start */
    const char *texts[] = {"££££££££££££££££££££\n\n企業名 売上高 利益\nアルファ 10 20\nベータ 30 40\n",
                           "--6(13)\n", "-$6(13)\n-▲6(13)\n",
                           "アルファ 99999999999999999999999.5 10\nベータ 1.5 20\n", "12345678901234567890年 | 5 |\n"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        zy_document_destroy(scan_text(texts[i], strlen(texts[i])));
}

static void test_wide_pipe_row(void **state)
{
    (void)state;
    size_t cols = 2000, cap = 3 * cols * 10 + 256, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    for (int line = 0; line < 3; line++) {
        n += (size_t)snprintf(text + n, cap - n, line == 0 ? "名前" : "行%d", line);
        for (size_t c = 0; c < cols; c++)
            n += (size_t)snprintf(text + n, cap - n, line == 0 ? " | 列" : " | %zu", c);
        n += (size_t)snprintf(text + n, cap - n, " |\n");
    }
    zy_document *doc = scan_text(text, n);
    /* too wide to be a table zuhyo reads: whatever prose makes of it, no table facts */
    for (size_t i = 0; i < doc->nfacts; i++)
        assert_true(strcmp(doc->facts[i].source, "table") != 0);
    zy_document_destroy(doc);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pages),
        cmocka_unit_test(test_row_short_of_cells),
        cmocka_unit_test(test_header_without_rows),
        cmocka_unit_test(test_long_list),
        cmocka_unit_test(test_wide_pipe_row),
        cmocka_unit_test(test_review_crashes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
