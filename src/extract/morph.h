/*
 * morph.h: a Japanese morphological analyser (MeCab with the IPA dictionary) asked where
 * organisation names begin and end: runs of nouns the dictionary tags as organisations,
 * or unknown katakana nouns, before a particle. Built only when CMake finds MeCab
 * (ZUHYO_HAVE_MECAB); otherwise zy_morph_create returns NULL and nothing changes.
 * May call: libc, MeCab.
 */
#ifndef ZY_MORPH_H
#define ZY_MORPH_H

#include <stddef.h>

typedef struct zy_morph zy_morph;

/* A byte range of the text given. */
typedef struct zy_morph_span {
    size_t start, end;
} zy_morph_span;

/* The analyser, or NULL when it is not built in or cannot start (no dictionary). */
zy_morph *zy_morph_create(void);
/* Accepts NULL. */
void zy_morph_destroy(zy_morph *m);
/* The organisation names of text[from..to) by the analyser, in order, at most cap. */
size_t zy_morph_org_names(zy_morph *m, const char *text, size_t from, size_t to,
                          zy_morph_span *out, size_t cap);

#endif
