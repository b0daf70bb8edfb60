/*
 * scan_thread.h: zy_scan_file on a thread of its own, handing its batches over through a
 * queue of two, so that a consumer (the SQLite store) works on one batch while the next is
 * being scanned. The consumer takes batches in file order with zy_scan_thread_next and gives
 * each back with zy_scan_thread_release. While the thread runs, the context belongs to it:
 * the consumer must not use it until zy_scan_thread_finish has returned.
 * Internal to the library. May call: extract, util, pthreads.
 */
#ifndef ZY_SCAN_THREAD_H
#define ZY_SCAN_THREAD_H

#include <stdbool.h>

#include "zuhyo/zuhyo.h"

typedef struct zy_scan_thread zy_scan_thread;

/* Start scanning path. On failure (no memory, no thread) the message is in ctx. */
zy_status zy_scan_thread_start(zy_context *ctx, const char *path, const zy_scan_options *options,
                               zy_scan_thread **out);

/* The next batch (its facts, captions and bytes as zy_fact_sink batches have them, though a
 * batch met again carries no bytes), or NULL when the scan has ended. */
const zy_document *zy_scan_thread_next(zy_scan_thread *t);

/* Give back the batch zy_scan_thread_next returned, once done with it. */
void zy_scan_thread_release(zy_scan_thread *t, const zy_document *batch);

/* Wait for the thread and free t. stop: the consumer gave up, so the scan is told to stop at
 * its next batch. Returns the scan's status (ctx has its message). */
zy_status zy_scan_thread_finish(zy_scan_thread *t, bool stop);

#endif
