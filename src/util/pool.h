/*
 * pool.h: a string arena for the facts of one document batch. Strings are carved from large
 * blocks and freed all at once; a reset keeps the blocks for the next batch, so scanning a
 * long file does not go back to malloc for every string. Internal to the library.
 * May call: libc only.
 */
#ifndef ZY_POOL_H
#define ZY_POOL_H

#include <stddef.h>

typedef struct zy_pool_block zy_pool_block;

typedef struct zy_pool {
    zy_pool_block *head;   /* block being filled; older full blocks follow */
    zy_pool_block *spare;  /* empty blocks kept by zy_pool_reset */
} zy_pool;

#define ZY_POOL_INIT {NULL, NULL}

/* n bytes aligned for any use, or NULL when out of memory. */
void *zy_pool_alloc(zy_pool *pool, size_t n);
/* A NUL-terminated copy of s[0..n), or NULL when out of memory. */
char *zy_pool_strndup(zy_pool *pool, const char *s, size_t n);
/* Forget every string but keep the blocks for reuse. */
void zy_pool_reset(zy_pool *pool);
/* Move every block of from into into (from becomes empty): the strings stay valid. */
void zy_pool_take(zy_pool *into, zy_pool *from);
/* Free every block; the pool may be used again. Accepts NULL. */
void zy_pool_free(zy_pool *pool);

#endif
