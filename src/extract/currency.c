/*
 * currency.c: the money words of the figure grammar (see currency.h). The table is
 * data/currencies.tsv, as generated/extract/currencies.inc; words are matched longest first,
 * so the file's order does not matter.
 */
#include "extract/currency.h"

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

size_t zy_currency_after(const char *t, size_t len, size_t at, const char **code)
{
    size_t best = 0;
    for (size_t i = 0; i < NWORDS; i++) {
        const currency_word *w = &words[i];
        if (w->role == ZY_CURRENCY_SUBUNIT || w->len <= best || !starts_with(t, len, at, w->text, w->len))
            continue;
        if (is_latin(w->text[w->len - 1]) && at + w->len < len && is_latin(t[at + w->len]))
            continue; /* USDT, Rpx: a longer Latin word */
        best = w->len;
        *code = w->code;
    }
    return best;
}

size_t zy_currency_before(const char *t, size_t at, const char **code)
{
    size_t best = 0;
    for (size_t i = 0; i < NWORDS; i++) {
        const currency_word *w = &words[i];
        if (w->role != ZY_CURRENCY_SYMBOL || w->len <= best || !ends_with(t, at, w->text, w->len))
            continue;
        if (is_latin(w->text[0]) && at > w->len && is_latin(t[at - w->len - 1]))
            continue; /* XUS$: not the symbol US$ */
        best = w->len;
        *code = w->code;
    }
    return best;
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
