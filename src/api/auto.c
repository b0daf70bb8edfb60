/*
 * auto.c: `zy_auto`, the main job: store the articles, plan the charts, write them with the
 * manifest and the gallery (see zuhyo.h and auto.h).
 */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "api/auto.h"
#include "api/render.h"

zy_status zy_auto(zy_context *ctx, const char *const *articles, size_t narticles,
                  const zy_auto_options *o, size_t *ncharts)
{
    *ncharts = 0;
    zy_diag_clear(&ctx->diag);
    /* a wrong corrections file fails before anything is extracted or written */
    auto_corrections *corr = NULL;
    if (o->corrections && auto_corrections_read(ctx, o->corrections, &corr) != ZY_OK)
        return ctx->diag.status;
    /* so do a canvas that cannot be drawn, a dictionary that cannot be read, an -o that is a file */
    zy_status pre = zy_check_canvas(ctx, o->width, o->height, 200, 150, 1, o->theme, NULL);
    if (pre == ZY_OK)
        pre = zy_context_entities(ctx, o->scan ? o->scan->entities : NULL);
    struct stat sb;
    if (pre == ZY_OK && stat(o->out_dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
        pre = zy_diag_fail(&ctx->diag, ZY_ERR_USAGE, "-o %s: is a file; -o names the folder the charts go to",
                           o->out_dir);
    if (pre != ZY_OK) {
        auto_corrections_destroy(corr);
        return pre;
    }
    if (mkdir(o->out_dir, 0755) != 0 && errno != EEXIST) {
        auto_corrections_destroy(corr);
        return zy_diag_fail(&ctx->diag, ZY_ERR_IO, "%s: cannot create the folder: %s", o->out_dir,
                            strerror(errno));
    }
    char db[4096];
    snprintf(db, sizeof db, "%s/zuhyo.db", o->out_dir);
    zy_store *store;
    zy_status st = zy_store_open(ctx, o->db ? o->db : db, &store);
    /* stored afresh, in order: the same articles give the same fact ids, so the manifest of
     * a second run is byte-identical to the first */
    if (st == ZY_OK)
        st = zy_store_forget(ctx, store, articles, narticles);
    for (size_t i = 0; st == ZY_OK && i < narticles; i++) {
        size_t n;
        st = zy_store_extract(ctx, store, articles[i], o->scan, o->interrupted, &n);
        if (st == ZY_OK && o->progress)
            o->progress(o->progress_user_data, i + 1, narticles, articles[i]);
    }
    auto_facts facts = {0};
    auto_plan plan = {0};
    if (st == ZY_OK)
        st = auto_load_facts(ctx, store, articles, narticles, &facts);
    if (st == ZY_OK && (st = auto_settle_times(&facts)) == ZY_ERR_NOMEM)
        zy_diag_fail(&ctx->diag, st, "out of memory");
    if (st == ZY_OK)
        st = auto_corrections_apply_facts(ctx, store, corr, &facts);
    if (st == ZY_OK)
        st = auto_plan_charts(ctx, store, &facts, o->min_confidence, &plan);
    if (st == ZY_OK)
        st = auto_corrections_apply_plan(ctx, corr, &plan);
    if (st == ZY_OK)
        st = auto_write(ctx, &plan, o);
    if (st == ZY_OK)
        *ncharts = plan.n;
    auto_plan_free(&plan);
    auto_facts_free(&facts);
    auto_corrections_destroy(corr); /* after the plan, whose charts may point into it */
    zy_store_close(store);
    return st;
}
