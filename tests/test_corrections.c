/*
 * test_corrections.c: the corrections file of `zuhyo auto`: every parse error names its line
 * (table-driven), each correction kind applied to small hand-built facts and charts, merge,
 * file order, lines that match nothing (a warning, not an error), and the selectors read as
 * written (the figure in memory, the subject from the store).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/auto.h"

static zy_context *ctx;
static char warnings[4096]; /* every warning since the last reset, one a line */

static void keep_warning(void *user, const char *msg)
{
    (void)user;
    size_t n = strlen(warnings);
    snprintf(warnings + n, sizeof warnings - n, "%s\n", msg);
}

static int setup(void **state)
{
    (void)state;
    zy_context_options o;
    zy_context_defaults(&o);
    o.warn = keep_warning;
    return zy_context_create(&o, &ctx) == ZY_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    zy_context_destroy(ctx);
    return 0;
}

static auto_corrections *parse_ok(const char *text)
{
    auto_corrections *corr;
    zy_status st = auto_corrections_parse(ctx, "c.tsv", text, strlen(text), &corr);
    if (st != ZY_OK)
        fail_msg("parse failed: %s", zy_errmsg(ctx));
    return corr;
}

/* ---- parse errors ---- */

typedef struct error_case {
    const char *text;
    const char *message; /* a part of the message, with its FILE:LINE */
} error_case;

static const error_case errors[] = {
    {"frob\tsubject=A\n", "c.tsv:1: unknown action \"frob\""},
    {"# a note\n\ndrop\tsubject=A\nrename\tchart=T\n", "c.tsv:4: rename needs to=NEW"},
    {"owner\tsubject=A\n", "c.tsv:1: owner needs to=NEW"},
    {"value\tdoc=a.txt\n", "c.tsv:1: value needs to=NEW"},
    {"measure\tdoc=a.txt\n", "c.tsv:1: measure needs to=NEW"},
    {"time\tdoc=a.txt\n", "c.tsv:1: time needs to=NEW"},
    {"merge\tsubject=A\n", "c.tsv:1: merge needs to=NEW"},
    {"drop\tsubject=A\n\nvalue\tsubject=A\tto=abc\n", "c.tsv:3: to=abc: expected a number"},
    {"drop\tvalue=12x\n", "c.tsv:1: value=12x: expected a number"},
    {"drop\tvalue=15億ドル強い\n", "c.tsv:1: value=15億ドル強い: expected a number"},
    {"drop\ttime=2024-13\n", "c.tsv:1: time=2024-13: expected an ISO time"},
    {"drop\ttime=2023-02-29\n", "c.tsv:1: time=2023-02-29: expected an ISO time"},
    {"drop\ttime=24\n", "c.tsv:1: time=24: expected an ISO time"},
    {"time\tsubject=A\tto=2024/06\n", "c.tsv:1: to=2024/06: expected an ISO time"},
    {"drop\tcolour=red\n", "c.tsv:1: unknown key \"colour\""},
    {"drop\tsubject\n", "c.tsv:1: field 2 \"subject\" is not key=value"},
    {"drop\tsubject=A\tsubject=B\n", "c.tsv:1: subject= given twice"},
    {"drop\tsubject=\n", "c.tsv:1: subject= is empty"},
    {"drop\n", "c.tsv:1: drop needs a selector"},
    {"drop\tsubject=A\tto=B\n", "c.tsv:1: drop takes no to="},
    {"drop\tchart=T\tsubject=A\n", "c.tsv:1: drop chart= takes no other selector"},
    {"rename\tto=New\n", "c.tsv:1: rename needs chart=TITLE"},
    {"owner\tchart=T\tto=A\n", "c.tsv:1: owner corrects facts: chart= is only for rename and drop"},
    {"merge\tdoc=a.txt\tto=B\n", "c.tsv:1: merge needs subject=NAME"},
    {"merge\tsubject=A\tmeasure=funding\tto=B\n", "c.tsv:1: merge selects by subject= and doc= only"},
    {"measure\tsubject=A\tto=企業価値\n", "c.tsv:1: to=企業価値: a measure is a word"},
    {"drop\tsubject=A\n\xff\xfe\n", "c.tsv:2: invalid UTF-8"},
};

static void test_parse_errors_name_the_line(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
        auto_corrections *corr = (auto_corrections *)1;
        zy_diag_clear(&ctx->diag);
        zy_status st = auto_corrections_parse(ctx, "c.tsv", errors[i].text, strlen(errors[i].text), &corr);
        if (st != ZY_ERR_USAGE || corr != NULL || !strstr(zy_errmsg(ctx), errors[i].message))
            fail_msg("case %zu: status %d, message \"%s\", expected \"%s\"", i, st, zy_errmsg(ctx),
                     errors[i].message);
    }
    zy_diag_clear(&ctx->diag);
}

static void test_unreadable_file_is_an_io_error(void **state)
{
    (void)state;
    auto_corrections *corr;
    zy_diag_clear(&ctx->diag);
    assert_int_equal(auto_corrections_read(ctx, "/nonexistent/fixes.tsv", &corr), ZY_ERR_IO);
    assert_null(corr);
    assert_non_null(strstr(zy_errmsg(ctx), "/nonexistent/fixes.tsv: cannot open"));
    zy_diag_clear(&ctx->diag);
}

/* Comments, blank lines, a BOM, CRLF, spaces around fields and trailing TABs are all fine. */
static void test_well_formed_lines(void **state)
{
    (void)state;
    auto_corrections *corr = parse_ok("\xEF\xBB\xBF# fixes\r\n\r\n  # indented note\n\t# and one after a TAB\n \t \n"
                                      "drop\tdoc=a.txt\tsubject=A\t\r\n"
                                      "owner \t value=16億ドル \tto=B\n"
                                      "value\tvalue=1,200\tto=1.5e9\n"
                                      "time\ttime=2024-02-29\tto=2024-06\n"
                                      "rename\tchart=題（円）\tto=新しい題\n"
                                      "drop\tchart=古い題");
    const auto_correction_log *log = auto_corrections_log(corr);
    assert_int_equal(log->n, 6);
    static const long lines[] = {6, 7, 8, 9, 10, 11};
    static const char *const actions[] = {"drop", "owner", "value", "time", "rename", "drop"};
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(log->items[i].line, lines[i]);
        assert_string_equal(log->items[i].action, actions[i]);
        assert_int_equal(log->items[i].matched, 0);
    }
    auto_corrections_destroy(corr);
    auto_corrections_destroy(NULL);
}

/* ---- fact corrections ---- */

static void add_fact(auto_facts *fs, long id, const char *doc, const char *subject, const char *measure,
                     double value, const char *unit, const char *time)
{
    if (fs->n == fs->cap) {
        fs->cap = fs->cap ? fs->cap * 2 : 8;
        fs->items = realloc(fs->items, fs->cap * sizeof *fs->items);
        assert_non_null(fs->items);
    }
    auto_fact *f = &fs->items[fs->n++];
    memset(f, 0, sizeof *f);
    f->id = id;
    f->doc = strdup(doc);
    f->doc_title = strdup("記事");
    f->kind = ZY_KIND_MONEY;
    f->value = value;
    f->has_value = true;
    f->unit = strdup(unit);
    f->subject = subject ? strdup(subject) : NULL;
    f->measure = measure ? strdup(measure) : NULL;
    snprintf(f->time, sizeof f->time, "%s", time);
    f->table_id = f->row = f->col = -1;
    f->confidence = 0.5;
    f->basis = strdup("previous-topic");
}

/* Three articles' worth of startup valuations and fundings. */
static void sample_facts(auto_facts *fs)
{
    memset(fs, 0, sizeof *fs);
    add_fact(fs, 1, "news/a.txt", "サカナAI", "valuation", 1.5e9, "USD", "2025");
    add_fact(fs, 2, "news/a.txt", "Sakana AI", "funding", 2.0e8, "USD", "2024");
    add_fact(fs, 3, "news/a.txt", "調査会社", "valuation", 9.0e9, "USD", "2025");
    add_fact(fs, 4, "news/b.txt", "Sakana AI", "valuation", 1.5e9, "USD", "2023");
    add_fact(fs, 5, "news/b.txt", "アップステージ", "valuation", 8.0e8, "USD", "2025");
    add_fact(fs, 6, "news/c.txt", "アップステージ", NULL, 3.0e8, "JPY", "");
}

static const auto_fact *fact_by_id(const auto_facts *fs, long id)
{
    for (size_t i = 0; i < fs->n; i++)
        if (fs->items[i].id == id)
            return &fs->items[i];
    return NULL;
}

static auto_facts apply(const char *text, auto_corrections **corr)
{
    auto_facts fs;
    sample_facts(&fs);
    *corr = parse_ok(text);
    warnings[0] = '\0';
    assert_int_equal(auto_corrections_apply_facts(ctx, NULL, *corr, &fs), ZY_OK);
    return fs;
}

static void test_drop_removes_the_facts(void **state)
{
    (void)state;
    auto_corrections *corr;
    /* doc= by file name and by path as given; all selectors must hold */
    auto_facts fs = apply("drop\tdoc=a.txt\tsubject=調査会社\n"
                          "drop\tdoc=news/b.txt\tvalue=15億ドル\ttime=2023\n",
                          &corr);
    assert_int_equal(fs.n, 4);
    assert_null(fact_by_id(&fs, 3));
    assert_null(fact_by_id(&fs, 4));
    static const long order[] = {1, 2, 5, 6}; /* the rest keep their order */
    for (size_t i = 0; i < fs.n; i++)
        assert_int_equal(fs.items[i].id, order[i]);
    const auto_correction_log *log = auto_corrections_log(corr);
    assert_int_equal(log->items[0].matched, 1);
    assert_int_equal(log->items[1].matched, 1);
    assert_string_equal(warnings, "");
    auto_facts_free(&fs);
    auto_corrections_destroy(corr);
}

static void test_owner_value_measure_time_edit_the_facts(void **state)
{
    (void)state;
    auto_corrections *corr;
    auto_facts fs = apply("owner\tdoc=a.txt\tvalue=9000000000\tto=ベータ社\n"
                          "value\tsubject=アップステージ\tmeasure=valuation\tto=9億ドル\n"
                          "value\tdoc=c.txt\tto=310000000\n"
                          "measure\tdoc=c.txt\tto=funding\n"
                          "time\tdoc=c.txt\tsubject=アップステージ\tto=2024-06-30\n",
                          &corr);
    assert_int_equal(fs.n, 6);
    assert_string_equal(fact_by_id(&fs, 3)->subject, "ベータ社");
    assert_true(fact_by_id(&fs, 5)->value == 9.0e8);
    assert_string_equal(fact_by_id(&fs, 5)->unit, "USD");
    const auto_fact *f6 = fact_by_id(&fs, 6);
    assert_true(f6->value == 3.1e8);
    assert_string_equal(f6->unit, "JPY"); /* a plain number keeps the unit */
    assert_string_equal(f6->measure, "funding");
    assert_string_equal(f6->time, "2024-06-30");
    const auto_correction_log *log = auto_corrections_log(corr);
    for (size_t i = 0; i < log->n; i++)
        assert_int_equal(log->items[i].matched, 1);
    assert_string_equal(warnings, "");
    auto_facts_free(&fs);
    auto_corrections_destroy(corr);
}

static void test_merge_renames_a_subject_everywhere(void **state)
{
    (void)state;
    auto_corrections *corr;
    auto_facts fs = apply("merge\tsubject=Sakana AI\tto=サカナAI\n"
                          "merge\tdoc=c.txt\tsubject=アップステージ\tto=Upstage\n",
                          &corr);
    assert_string_equal(fact_by_id(&fs, 2)->subject, "サカナAI");
    assert_string_equal(fact_by_id(&fs, 4)->subject, "サカナAI");
    assert_string_equal(fact_by_id(&fs, 5)->subject, "アップステージ"); /* doc= keeps b.txt's */
    assert_string_equal(fact_by_id(&fs, 6)->subject, "Upstage");
    const auto_correction_log *log = auto_corrections_log(corr);
    assert_int_equal(log->items[0].matched, 2);
    assert_int_equal(log->items[1].matched, 1);
    auto_facts_free(&fs);
    auto_corrections_destroy(corr);
}

/* An edited fact has been checked by a person: full confidence, the line as its basis. */
static void test_an_edited_fact_is_vouched_for(void **state)
{
    (void)state;
    auto_corrections *corr;
    auto_facts fs;
    sample_facts(&fs);
    fs.items[5].text = strdup("３億円"); /* as written: text= typed with ASCII digits matches */
    corr = parse_ok("# a note\nowner\tdoc=c.txt\ttext=3億円\tto=Upstage\ndrop\tdoc=a.txt\n");
    assert_int_equal(auto_corrections_apply_facts(ctx, NULL, corr, &fs), ZY_OK);
    const auto_fact *f6 = fact_by_id(&fs, 6), *f5 = fact_by_id(&fs, 5);
    assert_true(f6->confidence == 1);
    assert_string_equal(f6->basis, "correction c.tsv:2");
    assert_true(f5->confidence == 0.5); /* not matched: as extracted */
    assert_string_equal(f5->basis, "previous-topic");
    auto_facts_free(&fs);
    auto_corrections_destroy(corr);
}

/* A figure in to= brings its unit and kind; one in value= must match the unit too. */
static void test_value_figures_carry_their_unit(void **state)
{
    (void)state;
    auto_corrections *corr;
    auto_facts fs = apply("value\tvalue=15億円\tto=1\n"
                          "value\tdoc=c.txt\tto=5,000人\n"
                          "value\tdoc=b.txt\tsubject=アップステージ\tto=約１０億ドル\n"
                          "drop\ttext=約10億ドル\tvalue=1e9\tdoc=b.txt\tmeasure=funding\n",
                          &corr);
    /* the 15億ドル facts are dollars; line 4 sees the text line 3 wrote (but not its measure) */
    assert_string_equal(warnings, "c.tsv:1: matches no fact\nc.tsv:4: matches no fact\n");
    const auto_fact *f6 = fact_by_id(&fs, 6);
    assert_true(f6->value == 5000);
    assert_int_equal(f6->kind, ZY_KIND_COUNT);
    assert_string_equal(f6->unit, "count");
    assert_string_equal(f6->counter, "人");
    assert_string_equal(f6->text, "5,000人");
    const auto_fact *f5 = fact_by_id(&fs, 5);
    assert_true(f5->value == 1e9);
    assert_true(f5->approx && f5->bound == ZY_BOUND_NONE); /* 約10億ドル */
    assert_int_equal(f5->kind, ZY_KIND_MONEY);
    assert_string_equal(f5->unit, "USD");
    auto_facts_free(&fs);
    auto_corrections_destroy(corr);
}

/* A later line sees what earlier lines set; a dropped fact is matched by no later line. */
static void test_lines_apply_in_file_order(void **state)
{
    (void)state;
    auto_corrections *corr;
    auto_facts fs = apply("merge\tsubject=Sakana AI\tto=サカナAI\n"
                          "time\tsubject=サカナAI\tmeasure=valuation\tto=2025-03\n"
                          "drop\tsubject=調査会社\n"
                          "owner\tsubject=調査会社\tto=X\n",
                          &corr);
    assert_string_equal(fact_by_id(&fs, 1)->time, "2025-03");
    assert_string_equal(fact_by_id(&fs, 4)->time, "2025-03");
    const auto_correction_log *log = auto_corrections_log(corr);
    assert_int_equal(log->items[1].matched, 2);
    assert_int_equal(log->items[3].matched, 0);
    assert_string_equal(warnings, "c.tsv:4: matches no fact\n");
    auto_facts_free(&fs);
    auto_corrections_destroy(corr);
}

static void test_a_line_that_matches_nothing_warns(void **state)
{
    (void)state;
    auto_corrections *corr;
    auto_facts fs = apply("# two lines that match nothing\n"
                          "drop\tsubject=存在しない会社\n"
                          "drop\tdoc=a.txt\tvalue=1.5e9\ttime=2023\n"
                          "value\tvalue=15億ドル\tto=16億ドル\n",
                          &corr);
    assert_int_equal(fs.n, 6);
    assert_string_equal(warnings, "c.tsv:2: matches no fact\nc.tsv:3: matches no fact\n");
    const auto_correction_log *log = auto_corrections_log(corr);
    assert_int_equal(log->items[0].matched, 0);
    assert_int_equal(log->items[2].matched, 2); /* the relative tolerance: 15億ドル is 1.5e9 */
    assert_true(fact_by_id(&fs, 1)->value == 1.6e9 && fact_by_id(&fs, 4)->value == 1.6e9);
    auto_facts_free(&fs);
    auto_corrections_destroy(corr);
}

/* ---- chart corrections ---- */

static void add_chart(auto_plan *p, const char *title)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 4;
        p->charts = realloc(p->charts, p->cap * sizeof *p->charts);
        assert_non_null(p->charts);
    }
    auto_chart *c = &p->charts[p->n++];
    memset(c, 0, sizeof *c);
    c->type = AUTO_BAR;
    c->title = strdup(title);
    c->source = strdup("出典: 記事");
}

static void test_chart_rename_and_drop(void **state)
{
    (void)state;
    auto_plan plan = {0};
    add_chart(&plan, "企業価値（ドル）");
    add_chart(&plan, "国別の合計");
    add_chart(&plan, "記事に出てくる出来事");
    auto_corrections *corr = parse_ok("rename\tchart=企業価値（ドル）\tto=アジアの新興企業の企業価値\n"
                                      "drop\tchart=国別の合計\n"
                                      "drop\tchart=ない図表\n"
                                      "drop\tsubject=アップステージ\n" /* a fact line: not for charts */
                                      "rename\tchart=企業価値（ドル）\tto=二度目の題\n");
    warnings[0] = '\0';
    assert_int_equal(auto_corrections_apply_plan(ctx, corr, &plan), ZY_OK);
    assert_int_equal(plan.n, 2);
    /* the second rename still finds the chart by its planned title */
    assert_string_equal(plan.charts[0].title, "二度目の題");
    assert_string_equal(plan.charts[0].planned_title, "企業価値（ドル）");
    assert_string_equal(plan.charts[1].title, "記事に出てくる出来事");
    assert_null(plan.charts[1].planned_title);
    assert_ptr_equal(plan.corrections, auto_corrections_log(corr));
    const auto_correction_log *log = plan.corrections;
    assert_int_equal(log->items[0].matched, 1);
    assert_int_equal(log->items[1].matched, 1);
    assert_int_equal(log->items[2].matched, 0);
    assert_int_equal(log->items[4].matched, 1);
    assert_string_equal(warnings, "c.tsv:3: matches no chart\n");
    auto_plan_free(&plan);
    auto_corrections_destroy(corr);
}

/* No corrections file: nothing changes and the plan has no log. */
static void test_null_corrections_change_nothing(void **state)
{
    (void)state;
    auto_facts fs;
    sample_facts(&fs);
    auto_plan plan = {0};
    add_chart(&plan, "題");
    assert_int_equal(auto_corrections_apply_facts(ctx, NULL, NULL, &fs), ZY_OK);
    assert_int_equal(auto_corrections_apply_plan(ctx, NULL, &plan), ZY_OK);
    assert_int_equal(fs.n, 6);
    assert_int_equal(plan.n, 1);
    assert_null(plan.corrections);
    assert_null(auto_corrections_log(NULL));
    auto_plan_free(&plan);
    auto_facts_free(&fs);
}

/* ---- selectors as written, on facts read back from a real store ---- */

static void test_selectors_as_written(void **state)
{
    (void)state;
    char dir[] = "/tmp/zuhyo-corrections-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char article[256], db[256];
    snprintf(article, sizeof article, "%s/note.txt", dir);
    snprintf(db, sizeof db, "%s/zuhyo.db", dir);
    FILE *fp = fopen(article, "w");
    assert_non_null(fp);
    /* full-width digits: text= typed with ASCII digits still matches */
    fputs("新興企業の話題\n\n東京のSakana AIは１５億ドルの評価を得たと伝えられた。\n", fp);
    fclose(fp);
    zy_store *store;
    assert_int_equal(zy_store_open(ctx, db, &store), ZY_OK);
    size_t n;
    assert_int_equal(zy_store_extract(ctx, store, article, NULL, NULL, &n), ZY_OK);
    const char *docs[] = {article};
    auto_facts fs;
    assert_int_equal(auto_load_facts(ctx, store, docs, 1, &fs), ZY_OK);
    assert_true(fs.n >= 1);
    assert_string_equal(fs.items[0].subject, "サカナAI");
    auto_corrections *corr = parse_ok("merge\tsubject=Sakana AI\tto=サカナ社\n"
                                      "measure\tdoc=note.txt\ttext=15億ドル\tto=valuation\n");
    warnings[0] = '\0';
    assert_int_equal(auto_corrections_apply_facts(ctx, store, corr, &fs), ZY_OK);
    assert_string_equal(warnings, "");
    assert_string_equal(fs.items[0].subject, "サカナ社");
    assert_string_equal(fs.items[0].measure, "valuation");
    auto_corrections_destroy(corr);
    auto_facts_free(&fs);
    zy_store_close(store);
    unlink(article);
    unlink(db);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_errors_name_the_line),
        cmocka_unit_test(test_unreadable_file_is_an_io_error),
        cmocka_unit_test(test_well_formed_lines),
        cmocka_unit_test(test_drop_removes_the_facts),
        cmocka_unit_test(test_owner_value_measure_time_edit_the_facts),
        cmocka_unit_test(test_merge_renames_a_subject_everywhere),
        cmocka_unit_test(test_value_figures_carry_their_unit),
        cmocka_unit_test(test_an_edited_fact_is_vouched_for),
        cmocka_unit_test(test_lines_apply_in_file_order),
        cmocka_unit_test(test_a_line_that_matches_nothing_warns),
        cmocka_unit_test(test_chart_rename_and_drop),
        cmocka_unit_test(test_null_corrections_change_nothing),
        cmocka_unit_test(test_selectors_as_written),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
