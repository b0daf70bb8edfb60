/*
 * cmd_timeline.c: `zuhyo timeline`: events from a table, or dated facts from the store, drawn
 * on a time axis.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char timeline_help[] =
    "usage: zuhyo timeline --data FILE --date COL --label COL [--lane COL] -o OUT.{png,svg,pdf}\n"
    "       zuhyo timeline --db PATH [--subject S] [--measure M] [--doc D] -o OUT\n"
    "\n"
    "Draw events on a time axis: days as dots, periods as bands over their time. Dates may be\n"
    "days (2025-01-20, 2025/1/20, 2025年1月20日, 24/05/13 = 2024), months (2025-01, 2025年1月),\n"
    "parts of months (2025年1月上旬), runs of months (2024年4〜6月期), quarters (2024Q2,\n"
    "2024年第2四半期, FY2024Q1), halves (2024年度上期), fiscal years April-March (2024年度,\n"
    "FY2024), years (2025) and era dates (令和6年4月1日, 平成27年度, R6.4.1). Events of one lane\n"
    "and date share a label; when labels cannot all sit at their marks, the marks are numbered\n"
    "and the events listed beside the axis.\n"
    "  --data FILE            CSV/TSV with a header row\n"
    "  --date COL, --label COL, --lane COL   the event columns (lanes are drawn as bands)\n"
    "  --db PATH              stored date facts with a subject (lanes: 設立, 発表・公開, その他)\n"
    "  --subject S, --measure M, --doc D     filters for --db\n"
    "  --from DATE, --to DATE the axis range (events outside are left out)\n"
    "  --font-size N          event labels' size (px; pt in a PDF), 4-200; titles, dates and\n"
    "                         ticks scale with it (default: from the canvas)\n"
    "  --background COLOR     #rrggbb, or none for a transparent PNG/SVG/PDF\n"
    "  --title, --subtitle, --source TEXT; --theme light|dark; --palette; --size WxH|slide|a4;\n"
    "  --scale K; --font FAMILY; --font-dir DIR; --strict-fonts; -o FILE; --format png|svg|pdf\n"
    "  --svg-text             SVG for editing: labels stay text, font subset embedded\n"
    "\n"
    "example:\n"
    "  zuhyo timeline --data samples/events.csv --date 日付 --label 出来事 --lane 種類 \\\n"
    "                 --title 中国AIスタートアップの歩み -o out/events.png\n";

enum {
    T_DATA = 256, T_DATE, T_LABEL, T_LANE, T_DB, T_SUBJECT, T_MEASURE, T_DOC, T_FROM, T_TO,
    T_TITLE, T_SUBTITLE, T_SOURCE, T_THEME, T_PALETTE, T_SIZE, T_SCALE, T_FONT, T_FONT_DIR,
    T_STRICT, T_FORMAT, T_HELP, T_FONT_SIZE, T_BACKGROUND
};

static const struct option timeline_options[] = {
    {"data", required_argument, NULL, T_DATA},     {"date", required_argument, NULL, T_DATE},
    {"label", required_argument, NULL, T_LABEL},   {"lane", required_argument, NULL, T_LANE},
    {"db", required_argument, NULL, T_DB},         {"subject", required_argument, NULL, T_SUBJECT},
    {"measure", required_argument, NULL, T_MEASURE}, {"doc", required_argument, NULL, T_DOC},
    {"from", required_argument, NULL, T_FROM},     {"to", required_argument, NULL, T_TO},
    {"title", required_argument, NULL, T_TITLE},   {"subtitle", required_argument, NULL, T_SUBTITLE},
    {"source", required_argument, NULL, T_SOURCE}, {"theme", required_argument, NULL, T_THEME},
    {"palette", required_argument, NULL, T_PALETTE}, {"size", required_argument, NULL, T_SIZE},
    {"scale", required_argument, NULL, T_SCALE},   {"font", required_argument, NULL, T_FONT},
    {"font-dir", required_argument, NULL, T_FONT_DIR}, {"strict-fonts", no_argument, NULL, T_STRICT},
    {"output", required_argument, NULL, 'o'},      {"format", required_argument, NULL, T_FORMAT},
    {"font-size", required_argument, NULL, T_FONT_SIZE},
    {"background", required_argument, NULL, T_BACKGROUND},
    {"svg-text", no_argument, NULL, 'S'},
    {"help", no_argument, NULL, T_HELP},           {NULL, 0, NULL, 0},
};

int cmd_timeline(int argc, char **argv)
{
    zy_timeline_options o;
    zy_timeline_options_defaults(&o);
    zy_context_options co;
    zy_context_defaults(&co);
    co.warn = cli_print_warning;
    zy_fact_query q = {0};
    const char *data = NULL, *db = NULL, *output = NULL, *format_name = NULL;
    static const char *const themes[] = {"light", "dark", NULL};
    int c, k;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", timeline_options, NULL)) != -1) {
        switch (c) {
        case T_DATA: data = optarg; break;
        case T_DATE: o.date_column = optarg; break;
        case T_LABEL: o.label_column = optarg; break;
        case T_LANE: o.lane_column = optarg; break;
        case T_DB: db = optarg; break;
        case T_SUBJECT: q.subject = optarg; break;
        case T_MEASURE: q.measure = optarg; break;
        case T_DOC: q.doc = optarg; break;
        case T_FROM: o.from = optarg; break;
        case T_TO: o.to = optarg; break;
        case T_TITLE: o.title = optarg; break;
        case T_SUBTITLE: o.subtitle = optarg; break;
        case T_SOURCE: o.source = optarg; break;
        case T_THEME:
            if ((k = cli_choose(optarg, themes)) < 0)
                return cli_usage("timeline", "--theme %s: expected light or dark", optarg);
            o.theme = (zy_theme)k;
            break;
        case T_PALETTE: o.palette = optarg; break;
        case T_SIZE:
            if (!cli_parse_size(optarg, &o.width, &o.height))
                return cli_usage("timeline", "--size %s: expected WxH, slide, slide-4x3 or a4", optarg);
            break;
        case T_SCALE: {
            char *end;
            o.scale = strtod(optarg, &end);
            if (*end || !(o.scale > 0 && o.scale <= 8))
                return cli_usage("timeline", "--scale %s: expected a number above 0, at most 8", optarg);
            break;
        }
        case T_FONT_SIZE: {
            char *end;
            o.font_size = strtod(optarg, &end);
            if (end == optarg || *end || !(o.font_size >= 4 && o.font_size <= 200))
                return cli_usage("timeline", "--font-size %s: expected a size from 4 to 200", optarg);
            break;
        }
        case T_BACKGROUND: o.background = optarg; break;
        case T_FONT: co.font_family = optarg; break;
        case T_FONT_DIR: co.font_dir = optarg; break;
        case T_STRICT: co.strict_fonts = true; break;
        case 'o': output = optarg; break;
        case T_FORMAT: format_name = optarg; break;
        case 'S': o.svg_text = true; break;
        case T_HELP:
        case 'h': fputs(timeline_help, stdout); return EXIT_OK;
        case ':': return cli_usage("timeline", "%s needs a value", argv[optind - 1]);
        default: return cli_usage("timeline", "unknown option %s", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage("timeline", "unexpected argument \"%s\"", argv[optind]);
    int bad_text = cli_check_texts("timeline", "--title", o.title, "--subtitle", o.subtitle, "--source", o.source,
                                   "--date", o.date_column, "--label", o.label_column, "--lane", o.lane_column,
                                   "--palette", o.palette, "--background", o.background, "--font", co.font_family,
                                   NULL);
    if (bad_text)
        return bad_text;
    if (!data == !db)
        return cli_usage("timeline", "give --data FILE or --db PATH");
    if (data && (!o.date_column || !o.label_column))
        return cli_usage("timeline", "--date COL and --label COL are required with --data");
    if (!output)
        return cli_usage("timeline", "-o FILE is required (.png, .svg or .pdf)");
    zy_format format = ZY_FORMAT_PNG;
    int bad = cli_output_format("timeline", output, format_name, &format);
    if (bad)
        return bad;
    if (o.svg_text && format != ZY_FORMAT_SVG)
        return cli_usage("timeline", "--svg-text is for SVG output (-o FILE.svg or --format svg)");
    if (db) {
        o.date_column = "date";
        o.label_column = "label";
        o.lane_column = "lane";
    }
    zy_context *ctx;
    zy_store *store = NULL;
    zy_table *table = NULL;
    zy_timeline_chart *chart = NULL;
    zy_status st = zy_context_create(&co, &ctx);
    if (st == ZY_OK && db) {
        st = zy_store_open(ctx, db, &store);
        if (st == ZY_OK)
            st = zy_select_events(ctx, store, &q, &table);
    } else if (st == ZY_OK) {
        st = zy_table_read_file(ctx, data, &table);
    }
    if (st == ZY_OK)
        st = zy_timeline_chart_create(ctx, table, &o, &chart);
    if (st == ZY_OK)
        st = zy_timeline_chart_write(ctx, chart, format, output);
    int rc = st ? cli_fail_ctx(st, ctx) : EXIT_OK;
    zy_timeline_chart_destroy(chart);
    zy_table_destroy(table);
    zy_store_close(store);
    zy_context_destroy(ctx);
    return rc;
}
