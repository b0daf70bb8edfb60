/*
 * cmd_bar.c: `zuhyo bar`: read a table, draw a bar chart, write it atomically.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char bar_help[] =
    "usage: zuhyo bar --data FILE --label COL --value COL -o OUT.{png,svg,pdf} [options]\n"
    "\n"
    "Draw a bar chart from a CSV or TSV table with a header row (\"-\" reads stdin).\n"
    "\n"
    "data:\n"
    "  --data FILE            the table (UTF-8; BOM and quoted fields are fine)\n"
    "  --db PATH              or: stored facts (zuhyo extract), one bar per subject, the latest\n"
    "                         figure unless --time picks one; filters --measure M --kind K\n"
    "                         --subject S --doc D --time T; --unit picks one unit (USD, JPY…);\n"
    "                         --group time puts the times side by side\n"
    "  --label COL            column of category names\n"
    "  --value COL            column of numbers\n"
    "  --color COL            colour bars by this column's values, with a legend\n"
    "  --group COL            grouped bars, one per value of COL (e.g. a year)\n"
    "  --stack [percent]      stack the groups (needs --group); percent: every bar is 100 %\n"
    "  --dumbbell             with two groups (needs --group): a dot for each joined by a line\n"
    "  --sort desc|asc|none   order of the bars (default: as in the file)\n"
    "  --top N                keep the first N bars after sorting\n"
    "  --log                  log scale (values must be above zero)\n"
    "  --percent              values are fractions: 0.425 is drawn as 42.5%\n"
    "                         (cells may also be written 42.5%, ▲150, △150, 1,234, １２３)\n"
    "look:\n"
    "  --horizontal, --vertical   bar direction (default: horizontal when labels are long)\n"
    "  --number-format ja|en|raw  33億ドル | 3.3B | 3300000000 (default ja)\n"
    "  --unit TEXT            unit for value labels and the axis title (ドル, 円, 人, %)\n"
    "                         位 (or 順位, rank) draws a ranking: best first, dots on an axis\n"
    "                         from 1位; with --dumbbell the change is coloured up/down\n"
    "  --title TEXT, --subtitle TEXT, --source TEXT   texts above and below the chart\n"
    "  --theme light|dark     colours (default light)\n"
    "  --palette NAME|LIST    okabe-ito (default, colour-blind safe), tableau, or #rrggbb,…\n"
    "  --size WxH|slide|slide-4x3|a4   canvas in pixels; in a PDF the same numbers are points\n"
    "                         (a4 is 842x595 pt; default 1600x900)\n"
    "  --scale K              pixel scale for HiDPI PNGs (default 1)\n"
    "  --font-size PT         size of the category labels (px; pt in a PDF), 4-200; titles,\n"
    "                         values and ticks scale with it (default: from the canvas)\n"
    "  --no-values            no value labels on the bars\n"
    "  --decimals N           decimals of every value label and tick, 0-6 (default: the same\n"
    "                         count for all, the most one value needs)\n"
    "  --negative minus|triangle   −420 (U+2212, default) or ▲420\n"
    "  --legend auto|top|right|bottom|none   where the legend goes (default auto: top)\n"
    "  --value-title TEXT     title of the value axis (shown with the unit)\n"
    "  --category-title TEXT  title of the category axis\n"
    "  --ref VALUE[:LABEL]    reference line across the bars (repeatable): --ref 50:目標\n"
    "  --highlight LABEL      that bar in the accent colour, the rest muted (repeatable)\n"
    "  --value-min N, --value-max N   the value axis runs at least from N to N\n"
    "  --rotate-labels auto|0|45|90   vertical charts: turn the category labels (auto: only\n"
    "                         when they do not fit their bars in two lines)\n"
    "  --background COLOR     #rrggbb, or none for a transparent PNG/SVG/PDF\n"
    "fonts:\n"
    "  --font FAMILY          face to use (default BIZ UDPGothic, then Noto Sans CJK JP)\n"
    "  --font-dir DIR         extra folder of font files\n"
    "  --strict-fonts         a character no font can draw is an error, not a warning\n"
    "output:\n"
    "  -o, --output FILE      .png, .svg or .pdf; \"-\" writes stdout (needs --format)\n"
    "  --format png|svg|pdf   format when the file name does not say\n"
    "  --svg-text             SVG for editing: labels stay text, font subset embedded\n"
    "\n"
    "example:\n"
    "  zuhyo bar --data samples/authors.csv --label 機関 --value 著者数 --color 国 \\\n"
    "            --sort desc --title 'AIトップ論文の著者数' -o out/authors.png\n";

enum {
    OPT_DATA = 256, OPT_LABEL, OPT_VALUE, OPT_COLOR, OPT_GROUP, OPT_STACK, OPT_HORIZONTAL,
    OPT_VERTICAL, OPT_SORT, OPT_TOP, OPT_LOG, OPT_NUMBER_FORMAT, OPT_UNIT, OPT_TITLE,
    OPT_SUBTITLE, OPT_SOURCE, OPT_THEME, OPT_PALETTE, OPT_SIZE, OPT_SCALE, OPT_FONT,
    OPT_FONT_DIR, OPT_STRICT_FONTS, OPT_FORMAT, OPT_HELP, OPT_DB, OPT_MEASURE, OPT_KIND,
    OPT_SUBJECT, OPT_DOC, OPT_TIME, OPT_DUMBBELL,
    OPT_LOOK /* the look options of zy_bar_option_set, by name: keep last */
};

static const struct option bar_options[] = {
    {"data", required_argument, NULL, OPT_DATA},
    {"label", required_argument, NULL, OPT_LABEL},
    {"value", required_argument, NULL, OPT_VALUE},
    {"color", required_argument, NULL, OPT_COLOR},
    {"group", required_argument, NULL, OPT_GROUP},
    {"stack", no_argument, NULL, OPT_STACK},
    {"dumbbell", no_argument, NULL, OPT_DUMBBELL},
    {"horizontal", no_argument, NULL, OPT_HORIZONTAL},
    {"vertical", no_argument, NULL, OPT_VERTICAL},
    {"sort", required_argument, NULL, OPT_SORT},
    {"top", required_argument, NULL, OPT_TOP},
    {"log", no_argument, NULL, OPT_LOG},
    {"number-format", required_argument, NULL, OPT_NUMBER_FORMAT},
    {"unit", required_argument, NULL, OPT_UNIT},
    {"title", required_argument, NULL, OPT_TITLE},
    {"subtitle", required_argument, NULL, OPT_SUBTITLE},
    {"source", required_argument, NULL, OPT_SOURCE},
    {"theme", required_argument, NULL, OPT_THEME},
    {"palette", required_argument, NULL, OPT_PALETTE},
    {"size", required_argument, NULL, OPT_SIZE},
    {"scale", required_argument, NULL, OPT_SCALE},
    {"font", required_argument, NULL, OPT_FONT},
    {"font-dir", required_argument, NULL, OPT_FONT_DIR},
    {"strict-fonts", no_argument, NULL, OPT_STRICT_FONTS},
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"svg-text", no_argument, NULL, 'S'},
    {"help", no_argument, NULL, OPT_HELP},
    {"db", required_argument, NULL, OPT_DB},
    {"measure", required_argument, NULL, OPT_MEASURE},
    {"kind", required_argument, NULL, OPT_KIND},
    {"subject", required_argument, NULL, OPT_SUBJECT},
    {"doc", required_argument, NULL, OPT_DOC},
    {"time", required_argument, NULL, OPT_TIME},
    {"font-size", required_argument, NULL, OPT_LOOK},
    {"no-values", no_argument, NULL, OPT_LOOK},
    {"legend", required_argument, NULL, OPT_LOOK},
    {"value-title", required_argument, NULL, OPT_LOOK},
    {"category-title", required_argument, NULL, OPT_LOOK},
    {"ref", required_argument, NULL, OPT_LOOK},
    {"highlight", required_argument, NULL, OPT_LOOK},
    {"decimals", required_argument, NULL, OPT_LOOK},
    {"percent", no_argument, NULL, OPT_LOOK},
    {"negative", required_argument, NULL, OPT_LOOK},
    {"background", required_argument, NULL, OPT_LOOK},
    {"value-min", required_argument, NULL, OPT_LOOK},
    {"value-max", required_argument, NULL, OPT_LOOK},
    {"rotate-labels", required_argument, NULL, OPT_LOOK},
    {NULL, 0, NULL, 0},
};

int cmd_bar(int argc, char **argv)
{
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    zy_context_options co;
    zy_context_defaults(&co);
    co.warn = cli_print_warning;
    const char *data = NULL, *output = NULL, *format_name = NULL, *db = NULL;
    zy_select_options sel;
    memset(&sel, 0, sizeof sel);
    static const char *const sorts[] = {"none", "desc", "asc", NULL};
    static const char *const number_formats[] = {"ja", "en", "raw", NULL};
    static const char *const themes[] = {"light", "dark", NULL};
    static const char *const formats[] = {"png", "svg", "pdf", NULL};
    int c, k, index = -1;
    char err[256];
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", bar_options, &index)) != -1) {
        switch (c) {
        case OPT_LOOK:
            if (!zy_bar_option_set(&o, bar_options[index].name, optarg ? optarg : "true", err,
                                   sizeof err))
                return cli_usage("bar", "%s", err);
            break;
        case OPT_DATA: data = optarg; break;
        case OPT_LABEL: o.label_column = optarg; break;
        case OPT_VALUE: o.value_column = optarg; break;
        case OPT_COLOR: o.color_column = optarg; break;
        case OPT_GROUP: o.group_column = optarg; break;
        case OPT_STACK:
            o.stack = true;
            if (optind < argc && strcmp(argv[optind], "percent") == 0) /* --stack percent */
                o.stack_percent = true, optind++;
            break;
        case OPT_DUMBBELL: o.dumbbell = true; break;
        case OPT_HORIZONTAL: o.orientation = ZY_ORIENT_HORIZONTAL; break;
        case OPT_VERTICAL: o.orientation = ZY_ORIENT_VERTICAL; break;
        case OPT_SORT:
            if ((k = cli_choose(optarg, sorts)) < 0)
                return cli_usage("bar", "--sort %s: expected desc, asc or none", optarg);
            o.sort = (zy_sort)k;
            break;
        case OPT_TOP:
            if (!cli_parse_count(optarg, &o.top) || o.top == 0)
                return cli_usage("bar", "--top %s: expected a whole number above 0", optarg);
            break;
        case OPT_LOG: o.log_scale = true; break;
        case OPT_NUMBER_FORMAT:
            if ((k = cli_choose(optarg, number_formats)) < 0)
                return cli_usage("bar", "--number-format %s: expected ja, en or raw", optarg);
            o.number_format = (zy_number_format)k;
            break;
        case OPT_UNIT: o.unit = optarg; break;
        case OPT_TITLE: o.title = optarg; break;
        case OPT_SUBTITLE: o.subtitle = optarg; break;
        case OPT_SOURCE: o.source = optarg; break;
        case OPT_THEME:
            if ((k = cli_choose(optarg, themes)) < 0)
                return cli_usage("bar", "--theme %s: expected light or dark", optarg);
            o.theme = (zy_theme)k;
            break;
        case OPT_PALETTE: o.palette = optarg; break;
        case OPT_SIZE:
            if (!cli_parse_size(optarg, &o.width, &o.height))
                return cli_usage("bar", "--size %s: expected WxH (1600x900), slide, slide-4x3 or a4",
                                 optarg);
            break;
        case OPT_SCALE:
            if (!cli_parse_scale(optarg, &o.scale))
                return cli_usage("bar", "--scale %s: expected a number from 0.1 to 8", optarg);
            break;
        case OPT_FONT: co.font_family = optarg; break;
        case OPT_FONT_DIR: co.font_dir = optarg; break;
        case OPT_STRICT_FONTS: co.strict_fonts = true; break;
        case 'o': output = optarg; break;
        case OPT_FORMAT:
            if (cli_choose(optarg, formats) < 0)
                return cli_usage("bar", "--format %s: expected png, svg or pdf", optarg);
            format_name = optarg;
            break;
        case 'S': o.svg_text = true; break;
        case OPT_DB: db = optarg; break;
        case OPT_MEASURE: sel.query.measure = optarg; break;
        case OPT_KIND: sel.query.kind = optarg; break;
        case OPT_SUBJECT: sel.query.subject = optarg; break;
        case OPT_DOC: sel.query.doc = optarg; break;
        case OPT_TIME:
            if (!cli_valid_time_prefix(optarg))
                return cli_usage("bar", "--time %s: expected a time that exists: YYYY, YYYY-MM or "
                                 "YYYY-MM-DD", optarg);
            sel.query.time = optarg;
            break;
        case OPT_HELP:
        case 'h': fputs(bar_help, stdout); return EXIT_OK;
        case ':': return cli_usage("bar", "%s needs a value", argv[optind - 1]);
        default: return cli_usage("bar", "unknown option %s", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage("bar", "unexpected argument \"%s\"", argv[optind]);
    int bad_text = cli_check_texts("bar", "--title", o.title, "--subtitle", o.subtitle, "--source", o.source, "--unit", o.unit, "--label", o.label_column, "--value", o.value_column, "--color", o.color_column, "--group", o.group_column, "--palette", o.palette, "--value-title", o.value_title, "--category-title", o.category_title, "--font", co.font_family, "--measure", sel.query.measure, "--subject", sel.query.subject, "--doc", sel.query.doc, "--kind", sel.query.kind, NULL);
    for (size_t i = 0; !bad_text && i < o.nref; i++)
        bad_text = cli_check_texts("bar", "--ref", o.refs[i], NULL);
    for (size_t i = 0; !bad_text && i < o.nhighlight; i++)
        bad_text = cli_check_texts("bar", "--highlight", o.highlights[i], NULL);
    if (bad_text)
        return bad_text;
    if (!data && !db)
        return cli_usage("bar", "--data FILE is required (or --db PATH for stored facts)");
    if (data && db)
        return cli_usage("bar", "give --data or --db, not both");
    if (db) {
        /* stored facts: the selection builds the table; --group time is the only grouping */
        if (o.group_column && strcmp(o.group_column, "time") != 0)
            return cli_usage("bar", "with --db, --group takes only \"time\"");
        sel.group_by_time = o.group_column != NULL;
        sel.unit = o.unit;
        sel.query.unit = o.unit;
        o.label_column = "subject";
        o.value_column = "value";
    }
    if (!o.label_column || !o.value_column)
        return cli_usage("bar", "--label COL and --value COL are required");
    if (!output)
        return cli_usage("bar", "-o FILE is required (.png, .svg or .pdf)");
    zy_format format = ZY_FORMAT_PNG;
    int bad = cli_output_format("bar", output, format_name, &format);
    if (bad)
        return bad;
    if (o.svg_text && format != ZY_FORMAT_SVG)
        return cli_usage("bar", "--svg-text is for SVG output (-o FILE.svg or --format svg)");

    zy_context *ctx;
    zy_status st = zy_context_create(&co, &ctx);
    if (st) {
        int rc = cli_fail_ctx(st, ctx);
        zy_context_destroy(ctx);
        return rc;
    }
    zy_table *table = NULL;
    zy_bar_chart *chart = NULL;
    zy_store *store = NULL;
    char *unit_label = NULL;
    if (db) {
        st = zy_store_open(ctx, db, &store);
        if (st == ZY_OK)
            st = zy_select_table(ctx, store, &sel, &table, &unit_label);
        /* the unit as a word (USD → ドル) for labels, unless the user gave one */
        o.unit = unit_label;
        if (st == ZY_OK && !o.title && sel.query.measure)
            o.title = sel.query.measure;
    } else {
        st = zy_table_read_file(ctx, data, &table);
    }
    if (st == ZY_OK)
        st = zy_bar_chart_create(ctx, table, &o, &chart);
    if (st == ZY_OK)
        st = zy_bar_chart_write(ctx, chart, format, output);
    int rc = st ? cli_fail_ctx(st, ctx) : EXIT_OK;
    zy_bar_chart_destroy(chart);
    zy_table_destroy(table);
    zy_store_close(store);
    free(unit_label);
    zy_context_destroy(ctx);
    return rc;
}
