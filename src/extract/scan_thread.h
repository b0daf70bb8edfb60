/*
 * scan_thread.h: zy_extract_file on a thread of its own, handing its batches over through a
 * queue of two, so that a consumer (the SQLite store) works on one batch while the next is
 * being scanned. The consumer takes batches in file order with zy_scan_thread_next and gives
 * each back with zy_scan_thread_release. While the thread runs, the environment (its messages
 * and dictionary) belongs to it: the consumer must not use them until zy_scan_thread_finish
 * has returned.
 * Internal to the library. May call: extract, util, pthreads.
 */
#ifndef ZY_SCAN_THREAD_H
#define ZY_SCAN_THREAD_H

#include <stdbool.h>

#include "extract/extract.h"

typedef struct zy_scan_thread zy_scan_thread;

/* Start scanning path with env (copied; its diag and entities belong to the thread until
 * zy_scan_thread_finish). On failure (no memory, no thread) the message is in env->diag. */
zy_status zy_scan_thread_start(const zy_extract_env *env, const char *path,
                               const zy_scan_options *options, zy_scan_thread **out);

/* The next batch (its facts, captions and bytes as zy_fact_sink batches have them, though a
 * batch met again carries no bytes), or NULL when the scan has ended. */
const zy_document *zy_scan_thread_next(zy_scan_thread *t);

/* Give back the batch zy_scan_thread_next returned, once done with it. */
void zy_scan_thread_release(zy_scan_thread *t, const zy_document *batch);

/* Wait for the thread and free t. stop: the consumer gave up, so the scan is told to stop at
 * its next batch. Returns the scan's status (env->diag has its message); result, when not
 * NULL, gets the document's title (the caller frees it) and hash. */
zy_status zy_scan_thread_finish(zy_scan_thread *t, bool stop, zy_extract_result *result);

#endif
