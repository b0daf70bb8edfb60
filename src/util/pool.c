/*
 * pool.c: string arena (see pool.h).
 */
#include "util/pool.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct zy_pool_block {
    zy_pool_block *next;
    size_t size, used;
    alignas(max_align_t) char data[];
};

#define POOL_BLOCK ((size_t)256 << 10)
#define POOL_ALIGN (alignof(max_align_t))

void *zy_pool_alloc(zy_pool *pool, size_t n)
{
    if (n > SIZE_MAX - POOL_BLOCK)
        return NULL;
    size_t need = (n + POOL_ALIGN - 1) & ~(POOL_ALIGN - 1);
    zy_pool_block *b = pool->head;
    if (!b || b->size - b->used < need) {
        zy_pool_block *fresh = pool->spare;
        if (fresh && fresh->size >= need) {
            pool->spare = fresh->next;
        } else {
            size_t size = need > POOL_BLOCK ? need : POOL_BLOCK;
            if (!(fresh = malloc(sizeof *fresh + size)))
                return NULL;
            fresh->size = size;
        }
        fresh->used = 0;
        fresh->next = pool->head;
        pool->head = b = fresh;
    }
    void *p = b->data + b->used;
    b->used += need;
    return p;
}

char *zy_pool_strndup(zy_pool *pool, const char *s, size_t n)
{
    char *copy = n < SIZE_MAX ? zy_pool_alloc(pool, n + 1) : NULL;
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

void zy_pool_reset(zy_pool *pool)
{
    while (pool->head) {
        zy_pool_block *b = pool->head;
        pool->head = b->next;
        b->next = pool->spare;
        pool->spare = b;
    }
}

void zy_pool_take(zy_pool *into, zy_pool *from)
{
    if (!from->head)
        return;
    zy_pool_block *tail = from->head;
    while (tail->next)
        tail = tail->next;
    tail->next = into->head;
    into->head = from->head;
    from->head = NULL;
}

void zy_pool_free(zy_pool *pool)
{
    if (!pool)
        return;
    zy_pool_reset(pool);
    zy_pool_block *b = pool->spare;
    while (b) {
        zy_pool_block *next = b->next;
        free(b);
        b = next;
    }
    pool->spare = NULL;
}
