/*
 * scan_thread.c: the scan on its own thread, batches handed over through two slots (see
 * scan_thread.h). A batch moves into a free slot without copying its strings: the slot's
 * emptied string pool and the batch's full one swap places, so the scan goes on with the
 * slot's old blocks. Facts are copied (a few hundred kilobytes per batch), table captions
 * too, and the batch's bytes once per batch, since the reading buffer moves on.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract/scan.h"
#include "extract/scan_thread.h"
#include "util/pool.h"

#define SLOTS 2

typedef struct slot {
    zy_document doc;
    zy_pool strings;
    size_t fact_cap;
    char *bytes;
    size_t bytes_cap;
    bool full;
} slot;

struct zy_scan_thread {
    zy_extract_env env;
    zy_extract_result result; /* the scan's, once ended */
    const char *path;
    zy_scan_options options;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed; /* a slot was filled or emptied, or the scan ended or must stop */
    slot slots[SLOTS];
    size_t put, get;        /* the slot filled next, and the one taken next */
    size_t bytes_end;       /* file bytes handed over so far */
    bool ended, stop;
    zy_status status;       /* the scan's, once ended */
};

/* Move batch into the free slot s (the scan thread's side). */
static zy_status fill_slot(zy_scan_thread *t, slot *s, const zy_document *batch)
{
    zy_document *b = (zy_document *)batch; /* its strings are taken over */
    if (batch->nfacts > s->fact_cap) {
        zy_fact *grown = realloc(s->doc.facts, batch->nfacts * sizeof *grown);
        if (!grown)
            return ZY_ERR_NOMEM;
        s->doc.facts = grown;
        s->fact_cap = batch->nfacts;
    }
    if (batch->nfacts)
        memcpy(s->doc.facts, batch->facts, batch->nfacts * sizeof *batch->facts);
    s->doc.nfacts = batch->nfacts;
    zy_pool spare = s->strings;
    s->strings = *b->strings;
    *b->strings = spare;
    if (zy_tables_append(&s->doc, batch->tables, batch->ntables) != ZY_OK) /* few: copied */
        return ZY_ERR_NOMEM;
    s->doc.first_table = batch->first_table;
    s->doc.path = batch->path;
    s->doc.title = batch->title;
    memcpy(s->doc.date, batch->date, sizeof s->doc.date);
    s->doc.nbytes = 0;
    if (batch->nbytes && batch->bytes_start + batch->nbytes > t->bytes_end) {
        if (batch->nbytes > s->bytes_cap) {
            char *grown = realloc(s->bytes, batch->nbytes);
            if (!grown)
                return ZY_ERR_NOMEM;
            s->bytes = grown;
            s->bytes_cap = batch->nbytes;
        }
        memcpy(s->bytes, batch->bytes, batch->nbytes);
        s->doc.bytes = s->bytes;
        s->doc.bytes_start = batch->bytes_start;
        s->doc.nbytes = batch->nbytes;
        t->bytes_end = batch->bytes_start + batch->nbytes;
    }
    return ZY_OK;
}

/* The scan's sink: wait for a free slot and fill it. */
static zy_status hand_over(void *user, const zy_document *batch)
{
    zy_scan_thread *t = user;
    slot *s = &t->slots[t->put];
    pthread_mutex_lock(&t->lock);
    while (s->full && !t->stop)
        pthread_cond_wait(&t->changed, &t->lock);
    bool stop = t->stop;
    pthread_mutex_unlock(&t->lock);
    if (stop)
        return zy_diag_fail(t->env.diag, ZY_ERR_IO, "%s: stopped", t->path);
    if (fill_slot(t, s, batch) != ZY_OK)
        return zy_diag_fail(t->env.diag, ZY_ERR_NOMEM, "out of memory");
    pthread_mutex_lock(&t->lock);
    s->full = true;
    t->put = (t->put + 1) % SLOTS;
    pthread_cond_broadcast(&t->changed);
    pthread_mutex_unlock(&t->lock);
    return ZY_OK;
}

static void *run(void *arg)
{
    zy_scan_thread *t = arg;
    zy_status st = zy_extract_file(&t->env, t->path, &t->options, hand_over, t, &t->result);
    pthread_mutex_lock(&t->lock);
    t->status = st;
    t->ended = true;
    pthread_cond_broadcast(&t->changed);
    pthread_mutex_unlock(&t->lock);
    return NULL;
}

static void free_thread(zy_scan_thread *t)
{
    for (size_t i = 0; i < SLOTS; i++) {
        slot *s = &t->slots[i];
        zy_tables_clear(&s->doc);
        free(s->doc.facts);
        free(s->bytes);
        zy_pool_free(&s->strings);
    }
    pthread_cond_destroy(&t->changed);
    pthread_mutex_destroy(&t->lock);
    free(t);
}

zy_status zy_scan_thread_start(const zy_extract_env *env, const char *path,
                               const zy_scan_options *options, zy_scan_thread **out)
{
    *out = NULL;
    zy_scan_thread *t = calloc(1, sizeof *t);
    if (!t)
        return zy_diag_fail(env->diag, ZY_ERR_NOMEM, "out of memory");
    t->env = *env;
    t->path = path;
    if (options)
        t->options = *options;
    for (size_t i = 0; i < SLOTS; i++)
        t->slots[i].doc.strings = &t->slots[i].strings;
    pthread_mutex_init(&t->lock, NULL);
    pthread_cond_init(&t->changed, NULL);
    if (pthread_create(&t->thread, NULL, run, t) != 0) {
        free_thread(t);
        return zy_diag_fail(env->diag, ZY_ERR_NOMEM, "%s: cannot start a thread", path);
    }
    *out = t;
    return ZY_OK;
}

const zy_document *zy_scan_thread_next(zy_scan_thread *t)
{
    slot *s = &t->slots[t->get];
    pthread_mutex_lock(&t->lock);
    while (!s->full && !t->ended)
        pthread_cond_wait(&t->changed, &t->lock);
    bool full = s->full;
    pthread_mutex_unlock(&t->lock);
    return full ? &s->doc : NULL;
}

void zy_scan_thread_release(zy_scan_thread *t, const zy_document *batch)
{
    slot *s = &t->slots[t->get];
    if (batch != &s->doc)
        return;
    zy_tables_clear(&s->doc);
    s->doc.nfacts = 0;
    zy_pool_reset(&s->strings);
    pthread_mutex_lock(&t->lock);
    s->full = false;
    t->get = (t->get + 1) % SLOTS;
    pthread_cond_broadcast(&t->changed);
    pthread_mutex_unlock(&t->lock);
}

zy_status zy_scan_thread_finish(zy_scan_thread *t, bool stop, zy_extract_result *result)
{
    pthread_mutex_lock(&t->lock);
    t->stop = stop;
    pthread_cond_broadcast(&t->changed);
    pthread_mutex_unlock(&t->lock);
    pthread_join(t->thread, NULL);
    zy_status st = t->status;
    if (result)
        *result = t->result;
    else
        free(t->result.title);
    free_thread(t);
    return st;
}
