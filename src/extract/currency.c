/*
 * currency.c: the money words of the figure grammar (see currency.h). The table is
 * data/currencies.tsv, as generated/extract/currencies.inc; words are matched longest first,
 * so the file's order does not matter.
 */
#include "extract/currency.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* A word with its length, as the generated rows write it. */
#define ZY_WORD(s) s, sizeof(s) - 1

typedef enum currency_role { ZY_CURRENCY_NAME, ZY_CURRENCY_SYMBOL, ZY_CURRENCY_SUBUNIT } currency_role;

typedef struct currency_word {
    const char *text;
    size_t len;
    const char *code;      /* ISO 4217 */
    currency_role role;
    double worth;          /* sub-units: what one is worth in the unit; else 1 */
} currency_word;

static const currency_word words[] = {
#include "extract/currencies.inc"
};

#define NWORDS (sizeof words / sizeof words[0])

static bool starts_with(const char *t, size_t len, size_t at, const char *s, size_t n)
{
    return at + n <= len && t[at] == s[0] && memcmp(t + at, s, n) == 0;
}

static bool ends_with(const char *t, size_t at, const char *s, size_t n)
{
    return at >= n && t[at - 1] == s[n - 1] && memcmp(t + at - n, s, n) == 0;
}

static bool is_latin(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

/* The names and symbols read after a number, chained by their first character (longest first
 * in each chain, so the first match is the longest), and the symbols read before one: built
 * once, so a lookup compares only the words that can match. */
#define SLOTS 256 /* a power of two, well above the distinct first characters */
#define NO_WORD 0xFFFF

typedef struct currency_index {
    uint32_t key[SLOTS];      /* the first character's bytes; 0: empty slot */
    uint16_t first[SLOTS];
    uint16_t next[NWORDS];
    uint16_t symbols[NWORDS]; /* the symbols, longest first */
    size_t nsymbols;
} currency_index;

static currency_index index_of_words;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

/* The bytes of the UTF-8 character at p (at most four, within len) as one key. */
static uint32_t char_key(const char *p, size_t len)
{
    unsigned char c = (unsigned char)p[0];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t key = 0;
    for (size_t i = 0; i < n && i < len; i++)
        key = key << 8 | (unsigned char)p[i];
    return key;
}

static size_t slot_of(const currency_index *ix, uint32_t key)
{
    size_t h = (key * 2654435761u) >> 24 & (SLOTS - 1);
    while (ix->key[h] && ix->key[h] != key)
        h = (h + 1) & (SLOTS - 1);
    return h;
}

static void build_index(void)
{
    currency_index *ix = &index_of_words;
    for (size_t i = 0; i < SLOTS; i++)
        ix->first[i] = NO_WORD;
    /* insert longest first so that each chain stays in that order */
    bool placed[NWORDS] = {0};
    for (size_t round = 0; round < NWORDS; round++) {
        size_t best = NWORDS;
        for (size_t i = 0; i < NWORDS; i++)
            if (!placed[i] && (best == NWORDS || words[i].len > words[best].len))
                best = i;
        placed[best] = true;
        const currency_word *w = &words[best];
        if (w->role == ZY_CURRENCY_SYMBOL)
            ix->symbols[ix->nsymbols++] = (uint16_t)best;
        if (w->role == ZY_CURRENCY_SUBUNIT)
            continue;
        uint32_t key = char_key(w->text, w->len);
        size_t h = slot_of(ix, key);
        ix->next[best] = NO_WORD;
        if (!ix->key[h]) {
            ix->key[h] = key;
            ix->first[h] = (uint16_t)best;
        } else {
            size_t last = ix->first[h];
            while (ix->next[last] != NO_WORD)
                last = ix->next[last];
            ix->next[last] = (uint16_t)best;
        }
    }
}

static const currency_index *get_index(void)
{
    pthread_once(&index_once, build_index);
    return &index_of_words;
}

size_t zy_currency_after(const char *t, size_t len, size_t at, const char **code)
{
    if (at >= len)
        return 0;
    const currency_index *ix = get_index();
    size_t h = slot_of(ix, char_key(t + at, len - at));
    if (!ix->key[h])
        return 0;
    for (size_t i = ix->first[h]; i != NO_WORD; i = ix->next[i]) {
        const currency_word *w = &words[i];
        if (!starts_with(t, len, at, w->text, w->len))
            continue;
        if (is_latin(w->text[w->len - 1]) && at + w->len < len && is_latin(t[at + w->len]))
            continue; /* USDT, Rpx: a longer Latin word */
        *code = w->code;
        return w->len;
    }
    return 0;
}

size_t zy_currency_before(const char *t, size_t at, const char **code)
{
    const currency_index *ix = get_index();
    for (size_t k = 0; k < ix->nsymbols; k++) {
        const currency_word *w = &words[ix->symbols[k]];
        if (!ends_with(t, at, w->text, w->len))
            continue;
        if (is_latin(w->text[0]) && at > w->len && is_latin(t[at - w->len - 1]))
            continue; /* XUS$: not the symbol US$ */
        *code = w->code;
        return w->len;
    }
    return 0;
}

size_t zy_currency_subunit(const char *t, size_t len, size_t at, const char *code, double *worth)
{
    for (size_t i = 0; i < NWORDS; i++) {
        const currency_word *w = &words[i];
        if (w->role == ZY_CURRENCY_SUBUNIT && strcmp(w->code, code) == 0 &&
            starts_with(t, len, at, w->text, w->len)) {
            *worth = w->worth;
            return w->len;
        }
    }
    return 0;
}

void zy_currency_add_chars(zy_charset *after_first, zy_charset *before_last)
{
    for (size_t i = 0; i < NWORDS; i++) {
        if (words[i].role != ZY_CURRENCY_SUBUNIT)
            zy_charset_add_first(after_first, words[i].text);
        if (words[i].role == ZY_CURRENCY_SYMBOL)
            zy_charset_add_last(before_last, words[i].text);
    }
}
