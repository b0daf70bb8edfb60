/*
 * jsonl.h: facts as JSON Lines (the `scan` record, see README). May call: util.
 */
#ifndef ZY_JSONL_H
#define ZY_JSONL_H

#include <stdio.h>

#include "util/buf.h"
#include "zuhyo/zuhyo.h"

/* Append the document's facts to b, one JSON object a line. With flush_to, b is written out
 * there whenever it passes 1 MiB (ZY_ERR_IO when that fails); the rest stays in b. */
zy_status zy_jsonl_put_document(zy_buf *b, const zy_document *doc, FILE *flush_to);

#endif
