/*
 * morph.c: organisation names by MeCab (see morph.h).
 */
#include "extract/morph.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#ifdef ZUHYO_HAVE_MECAB
#include <mecab.h>

struct zy_morph {
    mecab_t *tagger;
};

zy_morph *zy_morph_create(void)
{
    zy_morph *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->tagger = mecab_new2("");
    if (!m->tagger) {
        free(m);
        return NULL;
    }
    return m;
}

void zy_morph_destroy(zy_morph *m)
{
    if (!m)
        return;
    mecab_destroy(m->tagger);
    free(m);
}

/* The n-th comma-separated field of a feature string starts with word. */
static bool feature_is(const char *feature, int n, const char *word)
{
    for (int i = 0; i < n && feature; i++) {
        feature = strchr(feature, ',');
        if (feature)
            feature++;
    }
    size_t len = strlen(word);
    return feature && strncmp(feature, word, len) == 0 && (feature[len] == ',' || feature[len] == '\0');
}

static bool all_katakana(const char *s, size_t n)
{
    /* U+30A1..U+30FE: E3 82 A1 .. E3 83 BE */
    for (size_t i = 0; i + 3 <= n; i += 3)
        if ((unsigned char)s[i] != 0xE3 || ((unsigned char)s[i + 1] != 0x82 && (unsigned char)s[i + 1] != 0x83))
            return false;
    return n >= 6 && n % 3 == 0;
}

/* An organisation's part: 名詞,固有名詞,組織, or a katakana noun the dictionary does not know. */
static bool org_part(const mecab_node_t *node)
{
    if (!feature_is(node->feature, 0, "名詞"))
        return false;
    if (feature_is(node->feature, 1, "固有名詞") && feature_is(node->feature, 2, "組織"))
        return !((unsigned char)node->surface[0] < 0x80); /* Latin words: entities.c reads those */
    return node->stat == MECAB_UNK_NODE && all_katakana(node->surface, node->length);
}

size_t zy_morph_org_names(zy_morph *m, const char *text, size_t from, size_t to,
                          zy_morph_span *out, size_t cap)
{
    if (!m || to <= from)
        return 0;
    const mecab_node_t *node = mecab_sparse_tonode2(m->tagger, text + from, to - from);
    size_t n = 0;
    size_t start = 0, end = 0;
    bool open = false;
    for (; node && n < cap; node = node->next) {
        if (node->stat == MECAB_BOS_NODE)
            continue;
        bool part = node->stat != MECAB_EOS_NODE && org_part(node);
        size_t s = (size_t)(node->surface - text);
        if (part) {
            if (!open)
                start = s;
            end = s + node->length;
            open = true;
            continue;
        }
        /* a run of parts is a name when a particle follows it */
        if (open && node->stat != MECAB_EOS_NODE && feature_is(node->feature, 0, "助詞") &&
            (!getenv("MORPH_TOPIC") || (node->length == 3 && (memcmp(node->surface, "は", 3) == 0 || memcmp(node->surface, "が", 3) == 0))))
            out[n++] = (zy_morph_span){start, end};
        open = false;
    }
    return n;
}

#else

zy_morph *zy_morph_create(void) { return NULL; }
void zy_morph_destroy(zy_morph *m) { (void)m; }
size_t zy_morph_org_names(zy_morph *m, const char *text, size_t from, size_t to,
                          zy_morph_span *out, size_t cap)
{
    (void)m, (void)text, (void)from, (void)to, (void)out, (void)cap;
    return 0;
}

#endif
