/*
 * entities.c: entity dictionary and name finding (see entities.h). Sections: the dictionary
 * (load, add, learn and forget a document's names, sorted aliases with a first-character
 * index); dictionary matches in running text; the shape words (suffixes, legal forms, titles,
 * stop words); the name readers, one per shape (bracketed alias, Latin, katakana, 「X」,
 * legal form first, country prefix, suffix, table-row label, apposition after a company noun,
 * topic after a relative clause, opening topic, profile bracket); and zy_entities_find, which
 * tries them at each position that can start a name. May call: util.
 */
#include "extract/entities.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "util/hash.h"
#include "util/utf8.h"

void zy_entities_init(zy_entities *e) { memset(e, 0, sizeof *e); }

void zy_entities_free(zy_entities *e)
{
    for (size_t i = 0; i < e->nentity; i++) {
        free(e->entities[i].name);
        free(e->entities[i].type);
        free(e->entities[i].country);
    }
    for (size_t i = 0; i < e->nalias; i++)
        free(e->aliases[i].text);
    free(e->entities);
    free(e->aliases);
    free(e->index_cp), free(e->index_lo), free(e->index_hi);
    free(e->name_slots), free(e->alias_slots);
    memset(e, 0, sizeof *e);
}

/* ---- hash tables of names and alias texts (loading stays linear) ---- */

typedef struct string_table {
    size_t **slots, *size, *used;
} string_table;

static string_table names_of(zy_entities *e)
{
    return (string_table){&e->name_slots, &e->name_size, &e->name_used};
}

static string_table alias_texts_of(zy_entities *e)
{
    return (string_table){&e->alias_slots, &e->alias_size, &e->alias_used};
}

/* The string a table's index stands for, or NULL when out of range (a stale slot). */
static const char *table_key(const zy_entities *e, bool aliases, size_t index)
{
    if (aliases)
        return index < e->nalias ? e->aliases[index].text : NULL;
    return index < e->nentity ? e->entities[index].name : NULL;
}

static size_t string_hash(const char *s)
{
    return (size_t)zy_fnv1a(ZY_FNV_START, s, strlen(s));
}

/* Put index (whose key is key) into t without looking for it first. */
static void table_put(string_table t, const char *key, size_t index)
{
    size_t mask = *t.size - 1, slot = string_hash(key) & mask;
    while ((*t.slots)[slot])
        slot = (slot + 1) & mask;
    (*t.slots)[slot] = index + 1;
    (*t.used)++;
}

/* (Re)build t over the current entities or aliases, big enough for `room` more; false when
 * out of memory (the caller then searches linearly). */
static bool table_rebuild(zy_entities *e, string_table t, bool aliases, size_t room)
{
    size_t count = aliases ? e->nalias : e->nentity, size = 64;
    while (size < (count + room) * 2)
        size *= 2;
    size_t *slots = calloc(size, sizeof *slots);
    free(*t.slots);
    *t.slots = slots;
    *t.size = slots ? size : 0;
    *t.used = 0;
    if (!slots)
        return false;
    for (size_t i = 0; i < count; i++)
        table_put(t, table_key(e, aliases, i), i);
    return true;
}

/* Index of key in t, or -1; builds or grows t first when needed (false in *usable when it
 * cannot be had: the caller searches linearly). */
static long table_find(zy_entities *e, string_table t, bool aliases, const char *key, bool *usable)
{
    if ((!*t.slots || (*t.used + 1) * 2 > *t.size) && !table_rebuild(e, t, aliases, 1024)) {
        *usable = false;
        return -1;
    }
    *usable = true;
    size_t mask = *t.size - 1;
    for (size_t slot = string_hash(key) & mask; (*t.slots)[slot]; slot = (slot + 1) & mask) {
        const char *k = table_key(e, aliases, (*t.slots)[slot] - 1);
        if (k && strcmp(k, key) == 0)
            return (long)(*t.slots)[slot] - 1;
    }
    return -1;
}

/* The aliases moved (sorted, or some forgotten): the alias table no longer fits them. */
static void forget_alias_table(zy_entities *e)
{
    free(e->alias_slots);
    e->alias_slots = NULL;
    e->alias_size = e->alias_used = 0;
}

static long find_entity(zy_entities *e, const char *name)
{
    bool usable;
    long id = table_find(e, names_of(e), false, name, &usable);
    if (usable)
        return id;
    for (size_t i = 0; i < e->nentity; i++)
        if (strcmp(e->entities[i].name, name) == 0)
            return (long)i;
    return -1;
}

/* Is text already an alias (the aliases being unsorted)? */
static bool unsorted_alias_known(zy_entities *e, const char *text, size_t n)
{
    bool usable;
    long at = table_find(e, alias_texts_of(e), true, text, &usable);
    if (usable)
        return at >= 0;
    for (size_t i = 0; i < e->nalias; i++)
        if (e->aliases[i].len == n && memcmp(e->aliases[i].text, text, n) == 0)
            return true;
    return false;
}

static bool index_insert(zy_entities *e, size_t at);

static zy_status push_alias(zy_entities *e, const char *text, size_t entity)
{
    size_t n = strlen(text);
    if (n == 0)
        return ZY_OK;
    /* where it goes: sorted aliases stay sorted (a name learnt from a document costs a
     * binary search and a move, not a sort of the dictionary) */
    size_t at = e->nalias;
    if (e->sorted) {
        size_t lo = 0, hi = e->nalias;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(e->aliases[mid].text, text) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < e->nalias && strcmp(e->aliases[lo].text, text) == 0)
            return ZY_OK;
        at = lo;
    } else if (unsorted_alias_known(e, text, n)) {
        return ZY_OK;
    }
    if (e->nalias == e->alias_cap) {
        size_t cap = e->alias_cap ? e->alias_cap * 2 : 128;
        zy_alias *grown = realloc(e->aliases, cap * sizeof *grown);
        if (!grown)
            return ZY_ERR_NOMEM;
        e->aliases = grown;
        e->alias_cap = cap;
    }
    char *copy = strdup(text);
    if (!copy)
        return ZY_ERR_NOMEM;
    memmove(e->aliases + at + 1, e->aliases + at, (e->nalias - at) * sizeof *e->aliases);
    e->aliases[at] = (zy_alias){copy, n, entity, zy_utf8_length(text, n) == 1, e->learning};
    e->nalias++;
    if (e->sorted)
        forget_alias_table(e); /* binary search finds it; indices moved */
    else if (e->alias_slots)
        table_put(alias_texts_of(e), copy, at);
    if (!(e->sorted && index_insert(e, at)))
        e->index_stale = true;
    return ZY_OK;
}

zy_status zy_entities_add(zy_entities *e, const char *name, const char *type,
                          const char *country, const char *alias)
{
    long id = find_entity(e, name);
    if (id < 0) {
        if (e->nentity == e->entity_cap) {
            size_t cap = e->entity_cap ? e->entity_cap * 2 : 64;
            zy_entity *grown = realloc(e->entities, cap * sizeof *grown);
            if (!grown)
                return ZY_ERR_NOMEM;
            e->entities = grown;
            e->entity_cap = cap;
        }
        zy_entity *ent = &e->entities[e->nentity];
        ent->country_name = NULL;
        ent->name = strdup(name);
        ent->type = strdup(type ? type : "");
        ent->country = strdup(country ? country : "");
        if (!ent->name || !ent->type || !ent->country) {
            free(ent->name), free(ent->type), free(ent->country);
            return ZY_ERR_NOMEM;
        }
        id = (long)e->nentity++;
        if (e->name_slots)
            table_put(names_of(e), ent->name, (size_t)id);
        zy_status st = push_alias(e, name, (size_t)id);
        if (st)
            return st;
    }
    return alias ? push_alias(e, alias, (size_t)id) : ZY_OK;
}

zy_status zy_entities_load(zy_entities *e, zy_diag *diag, const char *path)
{
    zy_buf b;
    zy_buf_init(&b, (size_t)64 << 20);
    zy_status st = zy_file_read(diag, path, &b);
    if (st) {
        zy_buf_free(&b);
        return st;
    }
    char *line = b.data ? b.data : (char *)"";
    size_t lineno = 0;
    if (e->sorted) { /* appended and sorted once at the next lookup, not inserted one by one */
        e->sorted = false;
        e->index_stale = true;
    }
    while (line && *line && st == ZY_OK) {
        lineno++;
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n == 0 || line[0] == '#') {
            line = next;
            continue;
        }
        char *fields[4] = {line, NULL, NULL, NULL};
        for (int f = 1; f < 4; f++) {
            char *tab = fields[f - 1] ? strchr(fields[f - 1], '\t') : NULL;
            if (tab) {
                *tab = '\0';
                fields[f] = tab + 1;
            }
        }
        if (!*fields[0] || !fields[1]) {
            st = zy_diag_fail(diag, ZY_ERR_PARSE,
                              "%s:%zu: expected name<TAB>type<TAB>country<TAB>alias|alias…", path,
                              lineno);
            break;
        }
        st = zy_entities_add(e, fields[0], fields[1], fields[2], NULL);
        char *aliases = fields[3];
        while (st == ZY_OK && aliases && *aliases) {
            char *bar = strchr(aliases, '|');
            if (bar)
                *bar = '\0';
            st = zy_entities_add(e, fields[0], fields[1], fields[2], aliases);
            aliases = bar ? bar + 1 : NULL;
        }
        line = next;
    }
    zy_buf_free(&b);
    if (st == ZY_ERR_NOMEM)
        zy_diag_fail(diag, st, "%s: out of memory", path);
    return st;
}

void zy_entities_begin_document(zy_entities *e)
{
    if (!e->learning)
        e->base_entities = e->nentity;
    e->learning = true;
}

void zy_entities_forget_document(zy_entities *e)
{
    if (!e->learning)
        return;
    size_t kept = 0;
    bool removed = false;
    for (size_t i = 0; i < e->nalias; i++) {
        if (e->aliases[i].learnt || e->aliases[i].entity >= e->base_entities) {
            free(e->aliases[i].text);
            removed = true;
            continue;
        }
        e->aliases[kept++] = e->aliases[i];
    }
    e->nalias = kept;
    if (removed)
        forget_alias_table(e);
    for (size_t i = e->base_entities; i < e->nentity; i++) {
        free(e->entities[i].name);
        free(e->entities[i].type);
        free(e->entities[i].country);
    }
    e->nentity = e->base_entities;
    e->learning = false;
    if (removed)
        e->index_stale = true; /* what is left is still in order */
}

/* Shape readers (below): the characters they start at. */
static void add_shape_starts(zy_charset *set);
static void add_suffix_starts(zy_charset *set);

static int alias_cmp(const void *a, const void *b)
{
    const zy_alias *x = a, *y = b;
    return strcmp(x->text, y->text);
}

static size_t slot_of(int32_t cp, size_t size)
{
    return ((uint32_t)cp * 2654435761u) & (size - 1);
}

static void build_index(zy_entities *e);

/* Add an alias's first character (and its first two) to the sets the scan tests; its first
 * code point. */
static int32_t add_first_chars(zy_entities *e, const zy_alias *a)
{
    int32_t cp, cp2;
    size_t n = zy_utf8_next(a->text, a->len, &cp);
    zy_charset_add(&e->first_chars, (uint32_t)cp);
    zy_charset_add(&e->any_chars, (uint32_t)cp);
    if (n < a->len) {
        zy_utf8_next(a->text + n, a->len - n, &cp2);
        /* as zy_char_at reads it: one value for every character beyond the BMP */
        uint32_t second = cp2 > 0xFFFF ? 0x10000 : (uint32_t)cp2;
        zy_charset_add(&e->first_pairs, zy_charset_pair((uint32_t)cp, second));
    }
    return cp;
}

/* Sort the aliases (once, after loading) and index them by first code point when an alias
 * came or went since. */
static void ensure_sorted(zy_entities *e)
{
    if (!e->sorted) {
        qsort(e->aliases, e->nalias, sizeof *e->aliases, alias_cmp);
        forget_alias_table(e);
        e->sorted = true;
        e->index_stale = true;
    }
    if (e->index_stale)
        build_index(e);
}

/* Index the sorted aliases by first code point; on allocation failure the index is left
 * empty and lookups fall back to binary search. */
static void build_index(zy_entities *e)
{
    e->index_stale = false;
    size_t size = 16;
    while (size < e->nalias * 2)
        size *= 2;
    if (size != e->index_size || !e->index_cp) {
        free(e->index_cp), free(e->index_lo), free(e->index_hi);
        e->index_size = size;
        e->index_cp = malloc(e->index_size * sizeof *e->index_cp);
        e->index_lo = malloc(e->index_size * sizeof *e->index_lo);
        e->index_hi = malloc(e->index_size * sizeof *e->index_hi);
    }
    if (!e->index_cp || !e->index_lo || !e->index_hi) {
        free(e->index_cp), free(e->index_lo), free(e->index_hi);
        e->index_cp = NULL;
        e->index_lo = e->index_hi = NULL;
        e->index_size = 0;
        memset(&e->first_chars, 0xFF, sizeof e->first_chars); /* no index: try every position */
        memset(&e->suffix_chars, 0xFF, sizeof e->suffix_chars);
        memset(&e->any_chars, 0xFF, sizeof e->any_chars);
        memset(&e->first_pairs, 0xFF, sizeof e->first_pairs);
        return;
    }
    for (size_t i = 0; i < e->index_size; i++)
        e->index_cp[i] = -1;
    memset(&e->first_chars, 0, sizeof e->first_chars);
    memset(&e->suffix_chars, 0, sizeof e->suffix_chars);
    memset(&e->any_chars, 0, sizeof e->any_chars);
    for (uint32_t c = 'A'; c <= 'Z'; c++)
        zy_charset_add(&e->any_chars, c);
    memset(&e->first_pairs, 0, sizeof e->first_pairs);
    add_suffix_starts(&e->suffix_chars);
    add_shape_starts(&e->any_chars);
    for (size_t i = 0; i < e->nalias; i++) {
        int32_t cp = add_first_chars(e, &e->aliases[i]);
        size_t slot = slot_of(cp, e->index_size);
        while (e->index_cp[slot] != -1 && e->index_cp[slot] != cp)
            slot = (slot + 1) & (e->index_size - 1);
        if (e->index_cp[slot] == -1) {
            e->index_cp[slot] = cp;
            e->index_lo[slot] = i;
        }
        e->index_hi[slot] = i + 1;
    }
}

/* The alias just inserted at `at` into the indexed table: the ranges after it move up by
 * one, its first character's range grows (or is made). False when the index must be rebuilt
 * instead (none yet, or too full). A learnt name costs this, not a rebuild. */
static bool index_insert(zy_entities *e, size_t at)
{
    if (e->index_stale || !e->index_size || e->nalias * 2 > e->index_size)
        return false;
    int32_t cp = add_first_chars(e, &e->aliases[at]);
    bool found = false;
    for (size_t s = 0; s < e->index_size; s++) {
        if (e->index_cp[s] == -1)
            continue;
        if (e->index_cp[s] == cp) {
            e->index_hi[s]++; /* aliases sharing a first character are contiguous */
            found = true;
        } else if (e->index_lo[s] >= at) {
            e->index_lo[s]++;
            e->index_hi[s]++;
        }
    }
    if (!found) {
        size_t slot = slot_of(cp, e->index_size);
        while (e->index_cp[slot] != -1)
            slot = (slot + 1) & (e->index_size - 1);
        e->index_cp[slot] = cp;
        e->index_lo[slot] = at;
        e->index_hi[slot] = at + 1;
    }
    return true;
}

static bool is_latin_word_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool best_alias_in(const zy_entities *e, const char *text, size_t len, size_t at,
                          bool allow_short, size_t lo, size_t hi, zy_entity_match *out);
static bool katakana_boundary_ok(const zy_alias *a, const char *text, size_t len, size_t at);

bool zy_entities_match_at(zy_entities *e, const char *text, size_t len, size_t at,
                          bool allow_short, zy_entity_match *out)
{
    ensure_sorted(e);
    if (at >= len)
        return false;
    /* first character of the text at `at` */
    int32_t cp;
    size_t clen;
    const unsigned char *u = (const unsigned char *)text + at;
    if (u[0] >= 0xE1 && u[0] <= 0xEC && len - at >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        /* the usual three-byte character, decoded inline */
        cp = (int32_t)(u[0] & 0x0F) << 12 | (int32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        clen = 3;
    } else {
        clen = zy_utf8_next(text + at, len - at, &cp);
    }
    size_t lo = 0, hi = e->nalias;
    if (e->index_size) {
        size_t slot = slot_of(cp, e->index_size);
        while (e->index_cp[slot] != -1 && e->index_cp[slot] != cp)
            slot = (slot + 1) & (e->index_size - 1);
        if (e->index_cp[slot] == -1)
            return false;
        lo = e->index_lo[slot];
        hi = e->index_hi[slot];
        return best_alias_in(e, text, len, at, allow_short, lo, hi, out);
    }
    /* binary search the first alias whose first character is >= ours */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strncmp(e->aliases[mid].text, text + at, clen) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    hi = lo;
    while (hi < e->nalias && strncmp(e->aliases[hi].text, text + at, clen) == 0)
        hi++;
    return best_alias_in(e, text, len, at, allow_short, lo, hi, out);
}

/* The longest of the aliases [lo, hi) (all starting with the character at text[at]) that
 * text[at..len) starts with. */
static bool best_alias_in(const zy_entities *e, const char *text, size_t len, size_t at,
                          bool allow_short, size_t lo, size_t hi, zy_entity_match *out)
{
    size_t best = 0;
    long best_entity = -1;
    for (size_t i = lo; i < hi; i++) {
        const zy_alias *a = &e->aliases[i];
        /* the last byte first: the aliases here share their first character */
        if (a->len <= best || a->len > len - at || a->text[a->len - 1] != text[at + a->len - 1] ||
            memcmp(a->text, text + at, a->len) != 0)
            continue;
        if (a->short_alias && !allow_short)
            continue;
        if (!katakana_boundary_ok(a, text, len, at))
            continue;
        /* Latin aliases must end at a word boundary (MIT, not MITx) */
        if (is_latin_word_char(a->text[a->len - 1]) && at + a->len < len &&
            is_latin_word_char(text[at + a->len]))
            continue;
        if (is_latin_word_char(a->text[0]) && at > 0 && is_latin_word_char(text[at - 1]))
            continue;
        best = a->len;
        best_entity = (long)a->entity;
    }
    if (best_entity < 0)
        return false;
    out->start = at;
    out->end = at + best;
    out->entity = best_entity;
    return true;
}

const char *zy_entity_country_name(zy_entities *e, size_t entity)
{
    zy_entity *ent = &e->entities[entity];
    if (!ent->country_name) {
        ent->country_name = ent->country;
        for (size_t k = 0; k < e->nentity; k++)
            if (strcmp(e->entities[k].type, "country") == 0 &&
                strcmp(e->entities[k].country, ent->country) == 0) {
                ent->country_name = e->entities[k].name;
                break;
            }
    }
    return ent->country_name;
}

long zy_entities_lookup(zy_entities *e, const char *name, size_t len, bool allow_short)
{
    zy_entity_match m;
    if (zy_entities_match_at(e, name, len, 0, allow_short, &m) && m.end == len)
        return m.entity;
    return -1;
}

/* ==== Characters ==================================================================== */

static bool is_kanji(int32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005; }
/* katakana with ・ and ー, as a name's characters */
static bool is_katakana(int32_t cp) { return cp >= 0x30A1 && cp <= 0x30FE; }
/* katakana letters and ー, without the middle dot */
static bool is_kana_letter(int32_t cp) { return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC; }
static bool is_hiragana(int32_t cp) { return cp >= 0x3041 && cp <= 0x309F; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

/* The code point at t[i] (i < to), its byte length in *len; 0 with *len 0 at the end. */
static int32_t cp_at(const char *t, size_t to, size_t i, size_t *len)
{
    int32_t cp = 0;
    *len = i < to ? zy_utf8_next(t + i, to - i, &cp) : 0;
    return cp;
}

/* The code point that ends at t[i] (not before floor), or 0. */
static int32_t cp_before(const char *t, size_t floor, size_t i)
{
    if (i <= floor)
        return 0;
    size_t p = i - 1;
    while (p > floor && ((unsigned char)t[p] & 0xC0) == 0x80)
        p--;
    int32_t cp;
    zy_utf8_next(t + p, i - p, &cp);
    return cp;
}

static bool text_at(const char *t, size_t to, size_t at, const char *word)
{
    /* byte by byte: most words differ within their first character, before any strlen */
    for (size_t i = 0; word[i]; i++)
        if (at + i >= to || t[at + i] != word[i])
            return false;
    return true;
}

/* The word of list that t[at..to) starts with (its length), or 0. */
static size_t word_at(const char *const *list, const char *t, size_t to, size_t at)
{
    if (at >= to)
        return 0;
    for (size_t i = 0; list[i]; i++) /* the first byte before the length */
        if (list[i][0] == t[at] && text_at(t, to, at, list[i]))
            return strlen(list[i]);
    return 0;
}

static bool word_is(const char *const *list, const char *s, size_t n)
{
    for (size_t i = 0; n && list[i]; i++)
        if (list[i][0] == s[0] && strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
            return true;
    return false;
}

/* ==== Dictionary matches in running text =============================================== */

/* A katakana alias must not start inside a katakana word (インド in ウインドウ), and a short
 * one (three characters or fewer) must not run on into more katakana or Latin letters
 * (メタ in メタバース or メタX, タイ in タイプ). */
static bool katakana_boundary_ok(const zy_alias *a, const char *text, size_t len, size_t at)
{
    int32_t first, last = 0;
    size_t n = zy_utf8_next(a->text, a->len, &first);
    if (!is_katakana(first))
        return true;
    int32_t before = cp_before(text, 0, at);
    if (is_kana_letter(before))
        return false;
    size_t chars = 1;
    for (size_t k = n; k < a->len; chars++)
        k += zy_utf8_next(a->text + k, a->len - k, &last);
    if (chars > 3 || !is_katakana(last) || at + a->len >= len)
        return true;
    size_t cl;
    int32_t after = cp_at(text, len, at + a->len, &cl);
    return !is_kana_letter(after) && !is_upper(text[at + a->len]) && !is_lower(text[at + a->len]);
}

/* ==== Shape words ==================================================================== */

/* Latin words that are not organisation names on their own: titles, terms and abbreviations
 * of measures. */
static const char *const latin_stop[] = {
    "AI", "CEO", "CFO", "CTO", "COO", "CIO", "LLM", "IT", "GPT", "CUDA", "API", "GPU", "CPU",
    "NPU", "TPU", "HBM", "DRAM", "NAND", "SSD", "US", "UK", "The", "PC", "OS", "IoT", "AIoT",
    "EV", "BEV", "PHV", "PHEV", "HV", "HEV", "FCV", "FCEV", "NEV", "SUV", "AR", "VR", "XR",
    "SNS", "GDP", "GNP", "CPI", "PMI", "IPO", "M&A", "MBO", "TOB", "SPAC", "PR", "DX", "GX",
    "ESG", "SDGs", "OEM", "ODM", "R&D", "ETF", "OK", "ROIC", "ROE", "ROA", "EPS", "PER", "PBR",
    "EBIT", "EBITDA", "CAGR", "YoY", "QoQ", "FY", "PCT", "KPI", "ARR", "MAU", "DAU", "SaaS",
    "PaaS", "IaaS", "VC", "CVC", "PE", "LNG", "EC", "QR", "USB", "PDF", "CG", "TV", "IR",
    "HP", "Web", "App", "App Store", "NEWS", "New", "News", "Inc", "Ltd", "Co", "No", "Vol",
    "EUV", "DUV", "ArF", "KrF", "OLED", "LCD", "LED", "SoC", "HD", "HLDGS", "FG", "GR",
    /* English words that start a line or a credit, not a name */
    "Made", "Max", "Now", "File", "Author", "Last", "Updated", "Other", "Others", "Source",
    "Sources", "Volume", "Seed", "Series", "Round", "Total", "Share", "Market", "Note", "Notes",
    "Photo", "Image", "Top", "Best", "Data", "Chart", "Table", "Figure", "Fig", "Page", "Home",
    "Copyright", "All", "Read", "More", "Related", "Sponsored", "Update", "Edition", "Version",
    "Pro", "Plus", "Ultra", "Lite", "Mini", "Q&A", "FAQ", "Yes", "Not", "And", "For", "With",
    "This", "That", "What", "How", "Why", "When", "Who", "Our", "Your", "About", "Contact",
    NULL};

/* Words after a name that make it a person, not an organisation. */
static const char *const person_titles[] = {
    "氏", "さん", "様", "君", "社長", "副社長", "会長", "CEO", "COO", "CFO", "CTO",
    "最高経営責任者", "首相", "大統領", "総裁", "副総裁", "議長", "教授", "准教授", "長官",
    "知事", "監督", "選手", "記者", "代表取締役", "容疑者", "被告", NULL};

/* Words before a name that make it a person: "CEOのSam Altman", "研究者であるX". */
static const char *const person_leads[] = {"CEO", "CFO", "CTO", "COO", "社長", "会長", "創業者",
                                           "最高経営責任者", "研究者", "投資家", "起業家",
                                           "教授", "代表", "首相", "大統領", NULL};

/* Shape suffixes that end an organisation name. */
static const char *const org_suffixes[] = {
    "大学院", "大学", "研究所", "研究院", "研究センター", "グループ", "ホールディングス", "集団",
    "銀行", "証券取引所", "証券", "製作所", "工業", "電機", "商事", "財団", "機構", "科学院", "株式会社",
    "有限公司", "公司", "省", "庁", "新聞社", "通信社", "科技", "智能", "汽車", "電子", "重工",
    "製薬", "精工", "控股", NULL,
};

/* Suffixes that also begin common words (電子商取引, 汽車站): a name ends with them only when
 * no kanji follows. */
static const char *const open_suffixes[] = {"科技", "智能", "汽車", "電子", "重工", "製薬", "精工",
                                            "控股", NULL};

/* Does a name end after the organisation suffix suf at t[end]? */
static bool suffix_ends_name(const char *t, size_t to, size_t end, const char *suf);

/* Legal forms that may follow a name directly and stay part of it (小米集団, BYDグループ). */
static const char *const legal_tails[] = {"集団", "グループ", "ホールディングス", "株式会社",
                                          "(株)", "HD", "有限公司", NULL};

/* Legal forms written before the name. */
static const char *const legal_heads[] = {"株式会社", "有限会社", "合同会社", "合名会社",
                                          "合資会社", "(株)", "(有)", NULL};

/* One-kanji country prefixes of company names in news style (米アップル, 独シーメンス). */
static const struct country_prefix {
    const char *kanji, *code;
} country_prefixes[] = {
    {"米", "US"}, {"中", "CN"}, {"韓", "KR"}, {"独", "DE"}, {"英", "GB"}, {"仏", "FR"},
    {"台", "TW"}, {"露", "RU"}, {"印", "IN"}, {"豪", "AU"}, {"蘭", "NL"}, {"加", "CA"},
    {"伊", "IT"}, {NULL, NULL}};

/* The length of a country's kanji at t[at] (米, 独, …), or 0. */
static size_t country_prefix_len(const char *t, size_t to, size_t at)
{
    for (size_t k = 0; country_prefixes[k].kanji; k++)
        if (text_at(t, to, at, country_prefixes[k].kanji))
            return strlen(country_prefixes[k].kanji);
    return 0;
}

static bool is_country_prefix(uint32_t cp)
{
    /* 米 中 韓 独 英 仏 台 露 印 豪 蘭 加 伊, as in country_prefixes */
    static const uint32_t cps[] = {0x7C73, 0x4E2D, 0x97D3, 0x72EC, 0x82F1, 0x4ECF, 0x53F0,
                                   0x9732, 0x5370, 0x8C6A, 0x862D, 0x52A0, 0x4F0A};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++)
        if (cps[i] == cp)
            return true;
    return false;
}

/* Katakana words that follow a country kanji without being a company: currencies, 米ソ, and
 * the common nouns of "US media", "Chinese makers", "a mid-size…" (米メディア, 中メーカー,
 * 中サイズ). */
static const char *const not_company_after_country[] = {
    "ドル", "セント", "ユーロ", "ポンド", "ウォン", "ルーブル", "ルピー", "ソ", "メディア",
    "メーカー", "ファンド", "ベンチャー", "スタートアップ", "ドラマ", "アニメ", "ゲーム",
    "チーム", "ブランド", "サイト", "ネット", "テック", "ハイテク", "バイオ", "エネルギー",
    "ソフト", "チップ", "サービス", "ランキング", "リーグ", "ツアー", "ニュース", "テレビ",
    "ラジオ", "シンクタンク", "コンサル", "ゼネコン", "キャリア", "アプリ", "クラウド",
    "プラットフォーム", "サイズ", "クラス", "レベル", "タイプ", "モデル", "ランク", "グレード",
    "ファーム", "メガバンク", "ネット企業", "IT", "EV", "AI", NULL};

/* After "X社": words that make 社 part of another word (ネット社会, 社員). */
static const char *const sha_compounds[] = {"社会", "社員", "社長", "社内", "社外", "社債",
                                            "社屋", "社是", "社風", NULL};

static void add_suffix_starts(zy_charset *set)
{
    for (size_t i = 0; org_suffixes[i]; i++)
        zy_charset_add_first(set, org_suffixes[i]);
}

static bool suffix_ends_name(const char *t, size_t to, size_t end, const char *suf)
{
    for (size_t i = 0; open_suffixes[i]; i++)
        if (strcmp(open_suffixes[i], suf) == 0) {
            size_t len;
            return !is_kanji(cp_at(t, to, end, &len));
        }
    return true;
}

/* Characters a shape reader can start at (beyond A-Z and the dictionary's first characters). */
static void add_shape_starts(zy_charset *set)
{
    add_suffix_starts(set);
    for (size_t i = 0; legal_heads[i]; i++)
        zy_charset_add_first(set, legal_heads[i]);
    for (size_t i = 0; country_prefixes[i].kanji; i++)
        zy_charset_add_first(set, country_prefixes[i].kanji);
    zy_charset_add_first(set, "「");
    zy_charset_add_first(set, "市"); /* …市場 */
    zy_charset_add(set, '(');
    for (uint32_t c = 0x30A1; c <= 0x30FA; c++)
        zy_charset_add(set, c);
    zy_charset_add(set, 0x30FC);
}

bool zy_particle_at(const char *t, size_t len, size_t at)
{
    static const char *const particles[] = {"は", "が", "の", "も", "や", "と", "を", "に", "、", NULL};
    for (size_t i = 0; particles[i]; i++)
        if (at + 3 <= len && memcmp(t + at, particles[i], 3) == 0)
            return true;
    return false;
}

/* Is there a person's title at t[at] (after one optional space)? */
static bool person_title_at(const char *t, size_t to, size_t at)
{
    if (at < to && t[at] == ')')
        at++; /* 李開復(カイフー・リー)氏 */
    if (at < to && t[at] == ' ')
        at++;
    return word_at(person_titles, t, to, at) != 0;
}

/* Does a person's title end at t[at] (with an optional の or space between)? */
static bool person_lead_before(const char *t, size_t floor, size_t at)
{
    if (at > floor && t[at - 1] == ' ')
        at--;
    if (at >= floor + 3 && memcmp(t + at - 3, "の", 3) == 0)
        at -= 3;
    else if (at >= floor + 9 && memcmp(t + at - 9, "である", 9) == 0)
        at -= 9;
    for (size_t i = 0; person_leads[i]; i++) {
        size_t n = strlen(person_leads[i]);
        if (at >= floor + n && memcmp(t + at - n, person_leads[i], n) == 0)
            return true;
    }
    return false;
}

/* Words that make "…大学" a common noun, not a name: 上位大学, 主要大学, 各大学. */
static bool generic_name(const char *s, size_t n)
{
    static const char *const generic[] = {"上位", "下位", "主要", "有名", "名門", "地方", "私立",
                                          "国立", "公立", "海外", "国内", "トップ", "一流", "研究",
                                          "新興", "大手", "中堅", "中央", "関係", "所管", "担当",
                                          "監督", "規制", "省", "各省", "子", "親", "母", "有価",
                                          "重点", "国家重点", "提携", "取引", "外資", "地銀",
                                          NULL};
    /* 各大学, 同研究所, 本省, 全銀行: a determiner and at most one more character */
    static const char *const determiners[] = {"各", "同", "全", "他", "本", "当", "両", "自",
                                              "我が", "傘下", NULL};
    if (word_is(generic, s, n))
        return true;
    size_t d = word_at(determiners, s, n, 0);
    return d && zy_utf8_length(s + d, n - d) <= 1;
}

static bool latin_stopword(const char *s, size_t n)
{
    return word_is(latin_stop, s, n);
}

/* ==== Name readers =================================================================== */

/* Where a name of kanji and katakana (at most 20 characters, not before floor) that ends at
 * end begins; *chars gets its length in characters (0: no name there). */
static size_t name_start_before(const char *text, size_t floor, size_t end, size_t to, size_t *chars)
{
    size_t start = end;
    *chars = 0;
    while (start > floor && *chars < 20) {
        size_t p = start - 1;
        while (p > floor && ((unsigned char)text[p] & 0xC0) == 0x80)
            p--;
        int32_t cp;
        zy_utf8_next(text + p, to - p, &cp);
        if (!is_kanji(cp) && !is_katakana(cp))
            break;
        start = p;
        (*chars)++;
    }
    return start;
}

/* The end of a run of katakana words joined by ・ or = from i; *parts gets how many words. */
static size_t katakana_run_end(const char *t, size_t to, size_t i, size_t *parts, size_t *chars)
{
    size_t j = i, len;
    *parts = 0;
    *chars = 0;
    for (;;) {
        size_t k = j;
        while (k < to && is_kana_letter(cp_at(t, to, k, &len))) {
            k += len;
            (*chars)++;
        }
        if (k == j)
            break;
        (*parts)++;
        j = k;
        int32_t joiner = cp_at(t, to, j, &len);
        size_t l2;
        if ((joiner == 0x30FB || joiner == '=') && is_kana_letter(cp_at(t, to, j + len, &l2)))
            j += len;
        else
            break;
    }
    return j;
}

/* Learn name (canonical) with an alias for the current document; its entity, or -1. */
static long learn_name(zy_entities *e, const char *name, size_t nl, const char *alias, size_t al,
                       const char *country)
{
    char n[128], a[128];
    if (nl == 0 || nl >= sizeof n || al >= sizeof a)
        return -1;
    memcpy(n, name, nl);
    n[nl] = '\0';
    long known = zy_entities_lookup(e, name, nl, false);
    if (known >= 0 && (!al || zy_entities_lookup(e, alias, al, false) == known))
        return known; /* already known, with that alias: the usual case after the first time */
    const char *canonical = known >= 0 ? e->entities[known].name : n;
    const char *type = known >= 0 ? e->entities[known].type : "company";
    const char *cc = known >= 0 ? e->entities[known].country : country ? country : "";
    if (zy_entities_add(e, canonical, type, cc, NULL) != ZY_OK)
        return -1;
    if (al) {
        memcpy(a, alias, al);
        a[al] = '\0';
        if (zy_entities_add(e, canonical, type, cc, a) != ZY_OK)
            return -1;
    }
    return zy_entities_lookup(e, name, nl, false);
}

/* Q1, FY24, 5G, SU7 Ultra, iPhone 3G: a code or a model's name (a digit in it), not an
 * organisation's. */
static bool model_code(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return true;
    return false;
}

static bool measure_word(const char *s, size_t n);
static size_t country_prefix_len(const char *t, size_t to, size_t at);

/* "比亜迪(BYD)", "月之暗面(Moonshot AI)", "摩爾線程(ムーア・スレッド)": a name with an alias in
 * brackets ending at `open`: a Latin alias after kanji or katakana, or a katakana one after
 * kanji. Returns the name's start, or `open` when there is none. */
static size_t bracketed_alias_name(const char *text, size_t from, size_t open, size_t to,
                                   size_t *close_out)
{
    size_t close = open + 1, len;
    bool latin = is_upper(text[open + 1]);
    if (latin) {
        while (close < to && close < open + 40 && text[close] != ')' &&
               (is_latin_word_char(text[close]) || text[close] == ' ' || text[close] == '.' ||
                text[close] == '-' || text[close] == '&'))
            close++;
    } else {
        size_t parts, chars;
        close = katakana_run_end(text, to, open + 1, &parts, &chars);
        while (close < to && is_latin_word_char(text[close]))
            close++; /* メタX */
        if (chars < 2)
            return open;
    }
    if (close >= to || text[close] != ')' || close == open + 1)
        return open;
    size_t chars;
    size_t start = name_start_before(text, from, open, to, &chars);
    size_t prefix_len;
    if (chars > 2 && (prefix_len = country_prefix_len(text, to, start)) != 0 &&
        is_katakana(cp_at(text, to, start + prefix_len, &len))) {
        start += prefix_len; /* 独フォルクスワーゲン(VW): the name is フォルクスワーゲン */
        chars--;
    }
    if (!latin) {
        /* a katakana reading only for a kanji name */
        for (size_t k = start; k < open; k += len)
            if (!is_kanji(cp_at(text, to, k, &len)))
                return open;
        if (chars < 1)
            return open;
    } else if (chars < 2 || latin_stopword(text + open + 1, close - open - 1) ||
               measure_word(text + start, open - start) || model_code(text + open + 1, close - open - 1)) {
        return open; /* 電気自動車(EV), 人工知能(AI), 第1四半期(Q1): a term, not a name */
    }
    if (person_title_at(text, to, close + 1))
        return open; /* 盧偉氷(ろ・いひょう)総裁, 李開復(Kai-Fu Lee)氏 */
    *close_out = close + 1;
    return start;
}

/* Learn "NAME(ALIAS)" as one entity (a Latin ALIAS canonical, else NAME, unless either is known). */
static long learn_bracketed(zy_entities *e, const char *text, size_t a, size_t open, size_t close)
{
    long known = zy_entities_lookup(e, text + open + 1, close - open - 2, false);
    long by_name = zy_entities_lookup(e, text + a, open - a, false);
    if (known >= 0 && by_name >= 0)
        return by_name; /* both already known (an article repeats its names): nothing to learn */
    if (known < 0)
        known = by_name;
    char name[128], alias[128];
    size_t nl = open - a < sizeof name - 1 ? open - a : sizeof name - 1;
    size_t al = close - open - 2 < sizeof alias - 1 ? close - open - 2 : sizeof alias - 1;
    memcpy(name, text + a, nl);
    name[nl] = '\0';
    memcpy(alias, text + open + 1, al);
    alias[al] = '\0';
    /* a Latin alias is the name the world uses (月之暗面 (Moonshot AI)); a katakana reading
     * only glosses the kanji name as written (華星光電(チャイナスター)) */
    bool latin_alias = (unsigned char)alias[0] < 0x80;
    const char *canonical = known >= 0 ? e->entities[known].name : latin_alias ? alias : name;
    const char *type = known >= 0 ? e->entities[known].type : "company";
    const char *country = known >= 0 ? e->entities[known].country : "";
    if (zy_entities_add(e, canonical, type, country, name) != ZY_OK ||
        zy_entities_add(e, canonical, type, country, alias) != ZY_OK)
        return -1;
    return zy_entities_lookup(e, name, nl, false);
}

/* A Latin word from i: letters, digits and inner . - &; its end. */
static size_t latin_word_end(const char *t, size_t to, size_t i, bool *digit, bool *lower)
{
    size_t j = i;
    *digit = *lower = false;
    while (j < to && (is_latin_word_char(t[j]) || t[j] == '-' || t[j] == '.' || t[j] == '&')) {
        *digit |= t[j] >= '0' && t[j] <= '9';
        *lower |= is_lower(t[j]);
        j++;
    }
    while (j > i && (t[j - 1] == '.' || t[j - 1] == '-' || t[j - 1] == '&'))
        j--;
    return j;
}

/* IoT, AIoT, ArF, SaaS, PhD: a word whose last hump is one capital after lower case is a
 * term, not a name. */
static bool camel_term(const char *s, size_t n)
{
    return n >= 2 && is_upper(s[n - 1]) && is_lower(s[n - 2]);
}

/* Does an organisation's legal form or a particle-like cue follow a Latin acronym at j? */
static bool acronym_cue_at(const char *t, size_t to, size_t j)
{
    return zy_particle_at(t, to, j) || (j < to && t[j] == ')') || text_at(t, to, j, "社") ||
           word_at(legal_tails, t, to, j);
}

/* Latin name at i (a capital not inside a word): "Springer Nature", "Mistral AI",
 * "DeepSeek", "BYDは"; several capitalised words are one name unless a title makes them a
 * person ("Sam Altman氏", "CEOのSam Altman"). */
static bool latin_name_at(const char *t, size_t from, size_t to, size_t i, zy_entity_match *out,
                          size_t *skip_to)
{
    bool digit, lower;
    size_t j = latin_word_end(t, to, i, &digit, &lower);
    *skip_to = j > i ? j : i + 1;
    size_t first_len = j - i;
    if (digit)
        return false;
    /* a word after a rejected one ("SU7 Ultra") is not a name's start */
    if (i >= from + 2 && t[i - 1] == ' ' && is_latin_word_char(t[i - 2]))
        return false;
    size_t words = 1, end = j;
    bool all_stop = latin_stopword(t + i, first_len);
    /* more capitalised words, joined by spaces (and of / and / & / de between them) */
    while (words < 5 && end + 1 < to && t[end] == ' ' && !person_title_at(t, to, end)) {
        static const char *const joiners[] = {"of ", "and ", "& ", "de ", "for ", NULL};
        size_t k = end + 1;
        size_t jn = word_at(joiners, t, to, k);
        if (!is_upper(t[k + jn]))
            break;
        bool d2, l2;
        size_t e2 = latin_word_end(t, to, k + jn, &d2, &l2);
        if (d2 || e2 == k + jn)
            break;
        all_stop &= latin_stopword(t + k + jn, e2 - k - jn);
        end = e2;
        words++;
    }
    if (words > 1) {
        *skip_to = end;
        if (all_stop || person_title_at(t, to, end) || person_lead_before(t, from, i))
            return false;
    } else {
        /* FRDジャパン, LINEヤフー: an acronym and a katakana word before a particle */
        size_t parts, chars, len;
        size_t kana_end = !lower ? katakana_run_end(t, to, j, &parts, &chars) : j;
        if (kana_end > j && chars >= 2 && (zy_particle_at(t, to, kana_end) || text_at(t, to, kana_end, "など")) &&
            !latin_stopword(t + i, first_len) && first_len >= 2 && first_len <= 6 &&
            !is_kanji(cp_at(t, to, kana_end, &len))) {
            *out = (zy_entity_match){i, kana_end, -1};
            *skip_to = kana_end;
            return true;
        }
        /* NETFLIX(+45%), GUCCI(+30%): a capitalised name with its figure in brackets */
        bool with_figure = j + 1 < to && t[j] == '(' && (t[j + 1] == '+' || (t[j + 1] >= '0' && t[j + 1] <= '9'));
        bool acronym = !lower && first_len >= 2 &&
                       ((first_len <= 6 && acronym_cue_at(t, to, j)) || (first_len <= 10 && with_figure));
        bool word = first_len >= 3 && lower && !camel_term(t + i, first_len);
        if (all_stop || !(word || acronym) || person_title_at(t, to, j))
            return false;
    }
    size_t tail = word_at(legal_tails, t, to, end);
    end += tail; /* GoToグループ, BYDグループ */
    *out = (zy_entity_match){i, end, -1};
    *skip_to = end;
    return true;
}

/* Loanwords that, all joined by ・, make a common noun, not a name: データ・センター,
 * ベンチャー・キャピタル, ソーシャル・メディア. */
static const char *const common_loanwords[] = {
    "データ", "センター", "ベンチャー", "キャピタル", "プライベート", "エクイティ", "ソーシャル",
    "メディア", "ビッグ", "テック", "クラウド", "サービス", "ビジネス", "ソフト", "ハード",
    "ソフトウェア", "ハードウェア", "システム", "ネットワーク", "マーケット", "ファンド",
    "スマート", "フォン", "スマートフォン", "タブレット", "パソコン", "ゲーム", "コンテンツ",
    "デジタル", "オンライン", "オフライン", "リアル", "モバイル", "インターネット", "ネット",
    "マーケティング", "セールス", "サプライ", "チェーン", "エネルギー", "グリーン", "ハイブリッド",
    "エコシステム", "プラットフォーム", "アプリ", "ユーザー", "コスト", "リスク", "マネジメント",
    "ヘルスケア", "ライフ", "サイエンス", "エンジニアリング", "オープン", "イノベーション",
    "グローバル", "ローカル", "アジア", "ヨーロッパ", "アフリカ", "ハイテク", "バイオ", NULL};

/* Are all the ・-joined words of t[a..b) common loanwords? */
static bool all_common_words(const char *t, size_t a, size_t b)
{
    size_t k = a;
    while (k < b) {
        size_t w = k;
        while (w < b && !text_at(t, b, w, "・"))
            w++;
        if (!word_is(common_loanwords, t + k, w - k))
            return false;
        k = w < b ? w + 3 : b;
    }
    return true;
}

/* Katakana name at i: words joined by ・ (ムーア・スレッド, モバイル・ワールド・コングレス) that
 * end where a particle, bracket or punctuation follows, or a katakana word before 社
 * (ゴジェック社: the name is ゴジェック, learnt for the rest of the document). */
static bool katakana_name_at(zy_entities *e, const char *t, size_t from, size_t to, size_t i,
                             zy_entity_match *out, size_t *skip_to)
{
    *skip_to = i;
    if (is_katakana(cp_before(t, from, i)) || is_upper(i > from ? t[i - 1] : 0))
        return false;
    size_t parts, chars, len;
    size_t j = katakana_run_end(t, to, i, &parts, &chars);
    bool sha = parts == 1 && chars >= 2 && text_at(t, to, j, "社");
    if (j == i || !(sha || (parts >= 2 && chars >= 5)))
        return false;
    if (person_title_at(t, to, j) || person_lead_before(t, from, i) || zy_place_suffix_at(t, to, j))
        return false;
    if (sha && !word_at(sha_compounds, t, to, j)) {
        long id = learn_name(e, t + i, j - i, NULL, 0, NULL);
        *out = (zy_entity_match){i, j, id};
        *skip_to = j + 3;
        return true;
    }
    if (parts < 2 || chars < 5 || all_common_words(t, i, j))
        return false;
    int32_t after = cp_at(t, to, j, &len);
    if (is_kanji(after) || (is_hiragana(after) && !zy_particle_at(t, to, j)))
        return false; /* part of a longer noun: ソフト・ハード両面 */
    *out = (zy_entity_match){i, j, zy_entities_lookup(e, t + i, j - i, false)};
    *skip_to = j;
    return true;
}

/* Nouns before a quoted name that make it a company's: スタートアップ「X」が. */
static const char *const company_nouns[] = {"企業", "会社", "スタートアップ", "メーカー", "大手",
                                            "ベンチャー", "ユニコーン", "新興", "銀行", "ファンド",
                                            "事業者", "運営会社", "子会社", "社", NULL};

/* Does one of list end at t[at] (not before floor)? */
static bool word_ends_before(const char *const *list, const char *t, size_t floor, size_t at)
{
    for (size_t i = 0; list[i]; i++) {
        size_t n = strlen(list[i]);
        if (at >= floor + n && memcmp(t + at - n, list[i], n) == 0)
            return true;
    }
    return false;
}

/* 「X」社, and 「X」が/は/も after a company noun (AIスタートアップ「X」が): a short quoted name
 * (kanji, katakana or Latin, not a quoted clause). Matches X. */
static bool quoted_name_at(zy_entities *e, const char *t, size_t from, size_t to, size_t i,
                           zy_entity_match *out)
{
    size_t a = i + 3, b = a, len, chars = 0, kana = 0;
    while (b < to && chars <= 20 && !text_at(t, to, b, "」")) {
        int32_t cp = cp_at(t, to, b, &len);
        if (cp == 0x3001 || cp == 0x3002 || cp == 0x300C || cp == '\n')
            return false;
        kana += is_hiragana(cp);
        chars++;
        b += len;
    }
    if (b >= to || chars == 0 || chars > 20 || kana * 3 > chars)
        return false;
    size_t c = b + 3;
    bool sha = text_at(t, to, c, "社") && !word_at(sha_compounds, t, to, c);
    if (!sha && !(word_ends_before(company_nouns, t, from, i) &&
                  (text_at(t, to, c, "が") || text_at(t, to, c, "は") || text_at(t, to, c, "も"))))
        return false; /* 「iPhone」が, 「業務時間削減」が: products and answers, not companies */
    bool digits_only = true;
    for (size_t k = a; k < b; k++)
        digits_only &= (t[k] >= '0' && t[k] <= '9') || t[k] == '.' || t[k] == ',';
    if (digits_only || latin_stopword(t + a, b - a))
        return false;
    long id = sha ? learn_name(e, t + a, b - a, NULL, 0, NULL) : zy_entities_lookup(e, t + a, b - a, false);
    *out = (zy_entity_match){a, b, id};
    return true;
}

/* The name after a legal form written first: 株式会社メルカリ, 合名会社山内任天堂, (株)X.
 * The match covers both; X is learnt for the rest of the document. */
static bool legal_head_name_at(zy_entities *e, const char *t, size_t to, size_t i,
                               zy_entity_match *out)
{
    size_t h = word_at(legal_heads, t, to, i);
    if (!h)
        return false;
    size_t a = i + h, b = a, len, chars = 0;
    while (b < to && chars < 16) {
        int32_t cp = cp_at(t, to, b, &len);
        if (!is_kanji(cp) && !is_katakana(cp) && !is_latin_word_char(t[b]) && t[b] != '&')
            break;
        chars++;
        b += len;
    }
    if (chars < 2)
        return false; /* 株式会社化 */
    long id = learn_name(e, t + a, b - a, t + i, b - i, NULL);
    *out = (zy_entity_match){i, b, id};
    return true;
}

/* 米アップル, 独シーメンス, 米Snowflake: a country's kanji before a katakana or Latin name (not
 * inside a word such as 欧米 or 中南米, not a currency). Matches the name, which is learnt with
 * the country. */
static bool country_prefixed_name_at(zy_entities *e, const char *t, size_t from, size_t to,
                                     size_t i, zy_entity_match *out)
{
    size_t k = 0;
    while (country_prefixes[k].kanji && !text_at(t, to, i, country_prefixes[k].kanji))
        k++;
    if (!country_prefixes[k].kanji || is_kanji(cp_before(t, from, i)))
        return false;
    size_t a = i + strlen(country_prefixes[k].kanji), parts, chars;
    if (a < to && is_upper(t[a])) { /* 米Google, 独SAP */
        size_t skip;
        zy_entity_match m;
        if (!latin_name_at(t, from, to, a, &m, &skip))
            return false;
        m.entity = zy_entities_lookup(e, t + m.start, m.end - m.start, false);
        if (m.entity < 0)
            m.entity = learn_name(e, t + m.start, m.end - m.start, NULL, 0, country_prefixes[k].code);
        *out = m;
        return true;
    }
    size_t b = katakana_run_end(t, to, a, &parts, &chars);
    if (chars < 2 || person_title_at(t, to, b) || zy_place_suffix_at(t, to, b))
        return false; /* 米カリフォルニア州: a place */
    static const char *const name_tails[] = {"AI", "HD", NULL};
    size_t tail = word_at(name_tails, t, to, b);
    if (tail && (b + tail >= to || !is_latin_word_char(t[b + tail])))
        b += tail; /* 仏ミストラルAI, 米オープンAI (not 米エヌビディアGPU: a product) */
    size_t common = word_at(not_company_after_country, t, to, a);
    if (common && a + common >= b)
        return false; /* the whole word is a common noun (米メディア), not 米ドラマティック… */
    size_t len;
    int32_t after = cp_at(t, to, b, &len);
    if (is_hiragana(after) && !zy_particle_at(t, to, b))
        return false;
    long id = zy_entities_lookup(e, t + a, b - a, false);
    if (id < 0)
        id = learn_name(e, t + a, b - a, NULL, 0, country_prefixes[k].code);
    *out = (zy_entity_match){a, b, id};
    return true;
}

/* A name ending in an organisation suffix at i (…大学, …研究所): walk back over kanji and
 * katakana not already taken (from floor). Its length in *sl. */
static bool suffix_name_at(const char *t, size_t floor, size_t to, size_t i, zy_entity_match *out)
{
    for (size_t s = 0; org_suffixes[s]; s++) {
        if (org_suffixes[s][1] != t[i + 1] || org_suffixes[s][2] != t[i + 2])
            continue;
        size_t sl = strlen(org_suffixes[s]);
        if (i + sl > to || memcmp(t + i, org_suffixes[s], sl) != 0 || !suffix_ends_name(t, to, i + sl, org_suffixes[s]))
            continue;
        size_t chars;
        size_t start = name_start_before(t, floor, i, to, &chars);
        if (chars == 0 || generic_name(t + start, i - start))
            continue;
        /* drop a one-kanji country prefix before katakana: 米カーネギーメロン大学 */
        int32_t first, second;
        size_t fl = zy_utf8_next(t + start, to - start, &first);
        zy_utf8_next(t + start + fl, to - start - fl, &second);
        if ((first == 0x7C73 || first == 0x4E2D || first == 0x65E5 || first == 0x82F1) && is_katakana(second))
            start += fl;
        /* a legal form after the suffix stays with it: …工業ホールディングス, …銀行グループ */
        size_t end = i + sl;
        end += word_at(legal_tails, t, to, end);
        *out = (zy_entity_match){start, end, -1};
        return true;
    }
    return false;
}

/* "国内SaaS市場規模は", "人型ロボット市場は", "EC市場が": a market named by what it sells, the
 * subject of market-size news, when 規模 or は/が/も follows 市場 (not 市場に上場, 市場で). The
 * match is the words before 市場 (kanji, katakana, Latin letters and digits) with 市場; generic
 * words (国内, 世界, 株式, 同) are no market's name. */
static bool market_name_at(const char *t, size_t floor, size_t to, size_t i, zy_entity_match *out)
{
    static const char *const generic_markets[] = {"世界", "株式", "債券", "金融", "資本", "為替",
                                                  "外国為替", "新興", "通貨", "原油", "商品", "卸売",
                                                  "労働", "住宅", "不動産", "国際", NULL};
    if (!text_at(t, to, i, "市場"))
        return false;
    size_t after = i + 6;
    if (!text_at(t, to, after, "規模") && !text_at(t, to, after, "は") && !text_at(t, to, after, "が") &&
        !text_at(t, to, after, "も"))
        return false;
    size_t start = i, chars = 0;
    bool letters = false;
    while (start > floor && chars < 16) {
        int32_t cp = cp_before(t, floor, start);
        bool latin = cp < 0x80 && (is_upper((char)cp) || is_lower((char)cp) || (cp >= '0' && cp <= '9'));
        if (!is_kanji(cp) && !is_kana_letter(cp) && !latin)
            break;
        letters |= cp < 0x80 ? !(cp >= '0' && cp <= '9') : true;
        start -= cp < 0x80 ? 1 : 3;
        chars++;
    }
    if (chars == 0 || chars >= 16 || !letters || (t[start] >= '0' && t[start] <= '9'))
        return false;
    if (generic_name(t + start, i - start) || word_is(generic_markets, t + start, i - start))
        return false;
    *out = (zy_entity_match){start, i + 6, -1};
    return true;
}

/* After a dictionary match: a legal form right after it stays part of the name (小米集団), and
 * a name that begins a longer organisation name gives way to it (大阪府立大学, 中国人民銀行,
 * 任天堂骨牌株式会社). */
/* A dictionary match that ends in katakana with more katakana after it (not ・) cuts a word:
 * the end of that word, else 0. */
static size_t katakana_word_goes_on(const char *t, size_t to, const zy_entity_match *m)
{
    size_t len;
    int32_t last = cp_before(t, m->start, m->end);
    if (!is_kana_letter(last))
        return 0;
    size_t k = m->end;
    for (;;) {
        int32_t cp = cp_at(t, to, k, &len);
        if (!len || !is_kana_letter(cp))
            break;
        k += len;
    }
    return k > m->end ? k : 0;
}

static void extend_dictionary_match(const zy_entities *e, const char *t, size_t to, zy_entity_match *m)
{
    size_t len;
    int32_t next = cp_at(t, to, m->end, &len);
    if (!len || is_hiragana(next))
        return; /* most names are followed by a particle */
    size_t tail = zy_charset_has(&e->suffix_chars, (uint32_t)next) || next == '(' || next == 'H'
                      ? word_at(legal_tails, t, to, m->end)
                      : 0;
    if (tail) {
        m->end += tail;
        return;
    }
    size_t k = m->end, chars = 0;
    while (k < to && chars < 10) {
        int32_t cp = cp_at(t, to, k, &len);
        if (!is_kanji(cp) && !is_katakana(cp))
            break;
        chars++;
        k += len;
        if (!zy_charset_has(&e->suffix_chars, (uint32_t)cp_at(t, to, k, &len)))
            continue;
        for (size_t s = 0; org_suffixes[s]; s++) {
            size_t sl = strlen(org_suffixes[s]);
            if (!text_at(t, to, k, org_suffixes[s]) || generic_name(t + m->end, k - m->end) ||
                !suffix_ends_name(t, to, k + sl, org_suffixes[s]))
                continue;
            m->end = k + sl;
            m->entity = -1;
            return;
        }
    }
}

/* Does s[0..n) name a measure or a period, not an entity: 売上高, 純利益, 従業員数, 比率,
 * 四半期, シェア? (Words ending in 高 益 数 率 額 比 計 量 費 価 値 金 年 月 日 期 度 位 時 点.) */
static bool measure_word(const char *s, size_t n)
{
    static const char *const words[] = {"シェア", "ランキング", "トータル", "平均", "全体", "合計",
                                        "総計", "内訳", "前年", "前期", NULL};
    static const uint32_t endings[] = {0x9AD8, 0x76CA, 0x6570, 0x7387, 0x984D, 0x6BD4, 0x8A08,
                                       0x91CF, 0x8CBB, 0x4FA1, 0x5024, 0x91D1, 0x5E74, 0x6708,
                                       0x65E5, 0x671F, 0x5EA6, 0x4F4D, 0x6642, 0x70B9};
    if (word_is(words, s, n))
        return true;
    int32_t last = cp_before(s, 0, n);
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
        if ((uint32_t)last == endings[i])
            return true;
    return false;
}

/* A table row read as a line of prose: "東京      22,033      15.0%", "HONOR15%16%",
 * "| Huawei | 5,405 |": a short label (kanji, katakana or Latin; not a number) at the start,
 * then blanks, a bar or a figure, and no hiragana after it (a sentence has some). */
static bool row_label_at(zy_entities *e, const char *t, size_t from, size_t to, zy_entity_match *out)
{
    size_t a = from, len;
    while (a < to && (t[a] == ' ' || t[a] == '\t' || t[a] == '|' || t[a] == '-' || t[a] == '*'))
        a++;
    size_t b = a, chars = 0;
    bool latin = false;
    while (b < to && chars <= 12) {
        int32_t cp = cp_at(t, to, b, &len);
        bool letter = is_upper(t[b]) || is_lower(t[b]);
        bool inner = (t[b] == ' ' || t[b] == '&' || t[b] == '.' || t[b] == '-') && latin && b + 1 < to &&
                     (is_upper(t[b + 1]) || is_lower(t[b + 1]));
        if (!is_kanji(cp) && !is_katakana(cp) && !letter && !inner)
            break;
        latin |= letter;
        chars++;
        b += len;
    }
    if (chars < 2 || chars > 12 || b >= to)
        return false;
    bool glued = t[b] >= '0' && t[b] <= '9';
    bool spaced = t[b] == '\t' || t[b] == '|' || (t[b] == ' ' && b + 1 < to && t[b + 1] == ' ');
    if (!glued && !spaced)
        return false;
    if (glued && latin && chars <= 3)
        return false; /* GPT4, A100: a model's name, not a label */
    bool digit = false;
    for (size_t k = b; k < to; k += len) {
        int32_t cp = cp_at(t, to, k, &len);
        if (is_hiragana(cp) || cp == 0x3002)
            return false;
        digit |= t[k] >= '0' && t[k] <= '9';
    }
    if (!digit || latin_stopword(t + a, b - a) || generic_name(t + a, b - a) || measure_word(t + a, b - a))
        return false;
    *out = (zy_entity_match){a, b, zy_entities_lookup(e, t + a, b - a, true)};
    return true;
}

bool zy_place_suffix_at(const char *t, size_t to, size_t at)
{
    static const char *const suffixes[] = {"州", "県", "市", "区", "町", "村", "都", NULL};
    if (!word_at(suffixes, t, to, at))
        return false;
    size_t k = at + 3, len, chars = 0;
    int32_t next = cp_at(t, to, k, &len);
    if (!is_kanji(next))
        return true;
    while (chars < 6 && is_kanji(cp_at(t, to, k, &len))) {
        k += len;
        chars++;
    }
    size_t last = k - 3;
    return word_at(suffixes, t, to, last) && !is_kanji(cp_at(t, to, k, &len));
}

/* Katakana words that are common nouns, not the name of an organisation, when they stand
 * alone after a company noun or before は: データ, サービス, モデル … (with common_loanwords). */
static const char *const common_katakana[] = {
    "シェア", "トップ", "イメージ", "モデル", "チップ", "ツール", "ソリューション", "プロジェクト",
    "プログラム", "ロボット", "カメラ", "デバイス", "サーバー", "ブランド", "ニーズ", "セキュリティ",
    "ランキング", "メーカー", "スタートアップ", "ベンチャー", "ユニコーン", "グループ", "チーム",
    "メンバー", "スタッフ", "トレンド", "ポイント", "レベル", "ケース", "パートナー", "オーナー",
    "ライバル", "リーダー", "ファン", "ユーザー", "ドル", "ユーロ", "ウォン", "ポンド", "ルピア",
    "ルピー", "テクノロジー", "インフラ", "エンジン", "サイト", "ページ", "ニュース", "レポート",
    "パソコン", "スマホ", "アプリ", "ゲーム", "コンテンツ", "キャンペーン", "イベント", "セール",
    "ポートフォリオ", "ライセンス", "コスト", "リスク", "プラン", "ラウンド", "シリーズ", NULL};

static bool common_katakana_word(const char *t, size_t a, size_t b)
{
    return word_is(common_katakana, t + a, b - a) || all_common_words(t, a, b);
}

/* Company nouns that introduce a name in apposition: "スタートアップのフュリオサAI", "企業
 * サピオン", "子会社のX". The katakana ones only with の (メーカーシェア is one word). */
static const char *const apposition_nouns[] = {"スタートアップ", "新興企業", "新興", "子会社", "企業",
                                               "メーカー", "会社", "大手", "ベンチャー", "ユニコーン",
                                               "傘下", "首位", NULL};

/* Does a company noun end at t[at], with の or directly? */
static bool apposition_before(const char *t, size_t floor, size_t at)
{
    bool no = at >= floor + 3 && memcmp(t + at - 3, "の", 3) == 0;
    size_t end = no ? at - 3 : at;
    for (size_t i = 0; apposition_nouns[i]; i++) {
        size_t n = strlen(apposition_nouns[i]);
        if (end < floor + n || memcmp(t + end - n, apposition_nouns[i], n) != 0)
            continue;
        int32_t last = cp_before(t, floor, end);
        if (no || !is_katakana(last))
            return true;
    }
    return false;
}

/* The end of a katakana name from i with an optional Latin tail (フュリオサAI), if a particle,
 * a bracket or a 、 follows it; else i. */
static size_t katakana_name_end(const char *t, size_t to, size_t i, size_t *chars)
{
    size_t parts, len;
    size_t j = katakana_run_end(t, to, i, &parts, chars);
    if (j == i)
        return i;
    while (j < to && (is_upper(t[j]) || is_lower(t[j])))
        j++;
    if (j < to && t[j] != '(' && !zy_particle_at(t, to, j) && cp_at(t, to, j, &len) != 0x3002)
        return i;
    return j;
}

/* "AI半導体スタートアップのフュリオサAIは", "半導体企業サピオンと": a katakana name (with a Latin
 * tail) right after a company noun is an organisation's name, learnt for the document. */
static bool apposition_name_at(zy_entities *e, const char *t, size_t floor, size_t to, size_t i,
                               zy_entity_match *out)
{
    static const char *const katakana_nouns[] = {"メーカー", "スタートアップ", "ベンチャー", "ユニコーン", NULL};
    if (is_katakana(cp_before(t, floor, i)))
        return false;
    size_t chars, len, min_chars = 2;
    size_t noun = word_at(katakana_nouns, t, to, i);
    if (noun && is_kana_letter(cp_at(t, to, i + noun, &len))) {
        i += noun; /* 半導体メーカーキオクシア: one run of katakana, a noun and a name */
        min_chars = 3;
    } else if (!apposition_before(t, floor, i)) {
        return false;
    }
    size_t j = katakana_name_end(t, to, i, &chars);
    if (j == i || chars < min_chars || chars > 16 || common_katakana_word(t, i, j) || person_title_at(t, to, j))
        return false;
    long id = zy_entities_lookup(e, t + i, j - i, false);
    if (id < 0)
        id = learn_name(e, t + i, j - i, NULL, 0, NULL);
    *out = (zy_entity_match){i, j, id};
    return true;
}

/* After a name ending at j: の and a measure before は or が (バイジューズの評価額は)? */
static bool measure_topic_at(const char *t, size_t to, size_t j)
{
    if (!text_at(t, to, j, "の"))
        return false;
    size_t a = j + 3, b = a, len, chars = 0;
    while (b < to && chars < 8 && is_kanji(cp_at(t, to, b, &len))) {
        b += len;
        chars++;
    }
    return chars >= 2 && (text_at(t, to, b, "は") || text_at(t, to, b, "が")) && measure_word(t + a, b - a);
}

/* "…を認められたリベリオンは", "最大手だったバイジューズの評価額は": a katakana name after a
 * relative clause (た, る) before は (or before の and a measure that is the topic) is the
 * topic, learnt for the document. */
static bool relative_topic_at(zy_entities *e, const char *t, size_t floor, size_t to, size_t i,
                              zy_entity_match *out)
{
    if (i < floor + 3 || (memcmp(t + i - 3, "た", 3) != 0 && memcmp(t + i - 3, "る", 3) != 0))
        return false;
    size_t parts, chars;
    size_t j = katakana_run_end(t, to, i, &parts, &chars);
    if (chars < 3 || !(text_at(t, to, j, "は") || measure_topic_at(t, to, j)) || common_katakana_word(t, i, j) ||
        person_lead_before(t, floor, i))
        return false;
    long id = zy_entities_lookup(e, t + i, j - i, false);
    if (id < 0)
        id = learn_name(e, t + i, j - i, NULL, 0, NULL);
    *out = (zy_entity_match){i, j, id};
    return true;
}

/* "横浜ゴムは22日、", "ピアラは、": a name that opens the sentence before は and a day (or, with
 * katakana or Latin letters, before は、) is its subject: learnt for the document (so the
 * readers below find it). */
static void learn_opening_topic(zy_entities *e, const char *t, size_t from, size_t to)
{
    size_t a = from, len;
    while (a < to && (t[a] == ' ' || t[a] == '\t'))
        a++;
    size_t b = a, chars = 0;
    bool kana_or_latin = false, all_kana = true;
    while (b < to && chars <= 16) {
        int32_t cp = cp_at(t, to, b, &len);
        bool latin = is_upper(t[b]) || is_lower(t[b]);
        if (!is_kanji(cp) && !is_katakana(cp) && !latin)
            break;
        kana_or_latin |= is_kana_letter(cp) || latin;
        all_kana &= is_katakana(cp);
        chars++;
        b += len;
    }
    if (chars < 2 || chars > 16 || !text_at(t, to, b, "は"))
        return;
    /* は, then a 、 or a date ending in 日 (22日, 2026年3月10日) */
    size_t c = b + 3;
    bool date = false;
    while (c < to && ((t[c] >= '0' && t[c] <= '9') || text_at(t, to, c, "年") || text_at(t, to, c, "月") ||
                      text_at(t, to, c, "日"))) {
        date = text_at(t, to, c, "日");
        c += (unsigned char)t[c] < 0x80 ? 1 : 3;
    }
    if (!date && !(kana_or_latin && text_at(t, to, c, "、")))
        return; /* a kanji name only before a day: 東洋電工は22日、 */
    static const char *const determiners[] = {"同", "当", "本", "各", "両", "全", "自", "他", "我", NULL};
    if (word_at(determiners, t, b, a) || word_ends_before(person_titles, t, a, b))
        return; /* 同グループは、: the previous topic; トランプ大統領は22日、: a person */
    if (zy_entities_lookup(e, t + a, b - a, false) >= 0 || latin_stopword(t + a, b - a) ||
        measure_word(t + a, b - a) || generic_name(t + a, b - a) || (all_kana && common_katakana_word(t, a, b)))
        return;
    learn_name(e, t + a, b - a, NULL, 0, NULL);
}

/* Does a day (22日, 2026年3月10日) and a 、 follow t[at]? */
static bool day_and_comma_at(const char *t, size_t to, size_t at)
{
    bool date = false;
    while (at < to && ((t[at] >= '0' && t[at] <= '9') || text_at(t, to, at, "年") || text_at(t, to, at, "月") ||
                       text_at(t, to, at, "日"))) {
        date = text_at(t, to, at, "日");
        at += (unsigned char)t[at] < 0x80 ? 1 : 3;
    }
    return date && text_at(t, to, at, "、");
}

/* "シンガポールのフィンテック、ノヴァペイは20日、": a katakana or Latin name after 、 or の,
 * before は, a day and 、 (the lead of a news story), is the sentence's subject: learnt for
 * the document. Only the first は of the sentence is looked at. */
static void learn_lead_topic(zy_entities *e, const char *t, size_t from, size_t to)
{
    size_t ha = from, len;
    while (ha < to && !text_at(t, to, ha, "は") && !text_at(t, to, ha, "。")) {
        cp_at(t, to, ha, &len);
        ha += len ? len : 1;
    }
    if (ha >= to || !text_at(t, to, ha, "は") || !day_and_comma_at(t, to, ha + 3))
        return;
    size_t a = ha, chars = 0;
    bool all_kana = true;
    while (a > from && chars <= 16) {
        int32_t cp = cp_before(t, from, a);
        bool latin = cp < 0x80 && (is_upper((char)cp) || is_lower((char)cp));
        if (!is_kana_letter(cp) && cp != 0x30FB && !latin)
            break;
        all_kana &= !latin;
        a -= cp < 0x80 ? 1 : 3;
        chars++;
    }
    int32_t before = cp_before(t, from, a);
    if (a == from || chars < 2 || chars > 16 || (before != 0x3001 && before != 0x306E))
        return; /* a sentence's opening name is learn_opening_topic's; kanji names are not cut here */
    if (zy_entities_lookup(e, t + a, ha - a, false) >= 0 || latin_stopword(t + a, ha - a) ||
        (all_kana && common_katakana_word(t, a, ha)) || word_ends_before(person_titles, t, a, ha))
        return;
    learn_name(e, t + a, ha - a, NULL, 0, NULL);
}

/* A country, region or city of the dictionary at t[at] (a company's seat): true with *end
 * after it. */
static bool known_place_at(zy_entities *e, const char *t, size_t to, size_t at, size_t *end)
{
    zy_entity_match m;
    if (!zy_entities_match_at(e, t, to, at, false, &m) || m.entity < 0)
        return false;
    const char *type = e->entities[m.entity].type;
    if (strcmp(type, "country") != 0 && strcmp(type, "city") != 0 && strcmp(type, "region") != 0)
        return false;
    *end = m.end;
    return true;
}

/* "心斎橋共同センタービル(SCB、大阪市。売上高…)", "大丸松坂屋百貨店(東京都江東区)": a kanji or
 * katakana name followed by its profile in brackets (an optional Latin short form and 、,
 * then its seat, a place, perhaps after 本社:). The name's start (learnt for the document, with the short form),
 * or open. */
static size_t profile_name(zy_entities *e, const char *t, size_t from, size_t open, size_t to, long *entity)
{
    size_t k = open + 1, len;
    while (k < to && (is_upper(t[k]) || is_lower(t[k]) || t[k] == '.' || t[k] == '&'))
        k++;
    size_t alias_end = k;
    if (alias_end > open + 1) {
        if (!text_at(t, to, k, "、"))
            return open;
        k += 3;
    }
    static const char *const seat_labels[] = {"本社:", "本社・", "本社", "所在地:", NULL};
    k += word_at(seat_labels, t, to, k); /* X(本社:東京都港区、売上高…) */
    size_t p = k, chars = 0;
    while (p < to && chars < 16 && is_kanji(cp_at(t, to, p, &len))) {
        p += len;
        chars++;
    }
    bool seat = chars >= 2 && zy_place_suffix_at(t, to, p - 3);
    if (!seat)
        seat = known_place_at(e, t, to, k, &p); /* 美味到家(中国), X(本社:シンガポール) */
    if (!seat || !(t[p] == ')' || text_at(t, to, p, "。") || text_at(t, to, p, "、")))
        return open;
    size_t start = name_start_before(t, from, open, to, &chars);
    for (size_t i = 0; apposition_nouns[i]; i++)
        if (text_at(t, open, start, apposition_nouns[i]) && start + strlen(apposition_nouns[i]) + 6 <= open) {
            start += strlen(apposition_nouns[i]); /* 子会社徳島ラボ( */
            break;
        }
    if (chars < 2 || generic_name(t + start, open - start) || measure_word(t + start, open - start) ||
        common_katakana_word(t, start, open))
        return open; /* 売上高(中国), アジア(中国): a measure or a word with its place */
    *entity = learn_name(e, t + start, open - start, t + open + 1, alias_end - open - 1, NULL);
    return start;
}

/* ==== Finding names =================================================================== */

size_t zy_entities_find(zy_entities *e, const char *text, size_t from, size_t to,
                        zy_entity_match *out, size_t cap)
{
    size_t n = 0;
    size_t i = from;
    /* names with a bracketed alias come first: they may start with a shorter known name
     * (台湾積体電路製造(TSMC) starts with 台湾) */
    size_t alias_start[8], alias_end[8];
    long alias_entity[8];
    size_t nalias = 0;
    for (size_t k = from; k < to && nalias < 8; k++) {
        const char *open = memchr(text + k, '(', to - k);
        if (!open)
            break;
        k = (size_t)(open - text);
        size_t close;
        size_t a = bracketed_alias_name(text, from, k, to, &close);
        if (a == k) {
            long id;
            if ((a = profile_name(e, text, nalias ? alias_end[nalias - 1] : from, k, to, &id)) < k) {
                alias_start[nalias] = a;
                alias_end[nalias] = k;
                alias_entity[nalias++] = id;
            }
            continue;
        }
        alias_start[nalias] = a;
        alias_end[nalias] = close;
        alias_entity[nalias] = learn_bracketed(e, text, a, k, close);
        nalias++;
        k = close - 1;
    }
    size_t next_alias = 0;
    learn_opening_topic(e, text, from, to);
    learn_lead_topic(e, text, from, to);
    ensure_sorted(e);
    zy_entity_match label;
    if (cap && (nalias == 0 || alias_start[0] > from) && row_label_at(e, text, from, to, &label) &&
        (nalias == 0 || label.end <= alias_start[0])) {
        out[n++] = label;
        i = label.end;
    }
    while (i < to && n < cap) {
        if (next_alias < nalias && i == alias_start[next_alias]) {
            out[n++] = (zy_entity_match){i, alias_end[next_alias], alias_entity[next_alias]};
            i = alias_end[next_alias++];
            continue;
        }
        while (next_alias < nalias && alias_start[next_alias] < i)
            next_alias++;
        /* most characters start nothing: step over them up to the next bracketed name */
        size_t limit = next_alias < nalias ? alias_start[next_alias] : to;
        size_t clen;
        ensure_sorted(e); /* a reader may have learnt a name */
        uint32_t cp = zy_char_at(text + i, &clen);
        while (!zy_charset_has(&e->any_chars, cp)) {
            i = i + clen < to ? i + clen : to;
            if (i >= limit)
                break;
            cp = zy_char_at(text + i, &clen);
        }
        if (i >= limit)
            continue;
        zy_entity_match m;
        size_t skip = i;
        size_t floor = n ? out[n - 1].end : from;
        unsigned char c = (unsigned char)text[i];
        bool found = false;
        /* the readers that come before the dictionary, each behind a test of its first
         * character (株 有 合 ( for legal forms, a country's kanji, 「) */
        if (cp == 0x682A || cp == 0x6709 || cp == 0x5408 || cp == '(')
            found = legal_head_name_at(e, text, to, i, &m);
        else if (cp == 0x300C)
            found = quoted_name_at(e, text, from, to, i, &m);
        else if (c >= 0xE3 && is_country_prefix(cp))
            found = country_prefixed_name_at(e, text, floor, to, i, &m);
        if (found)
            ensure_sorted(e);
        /* only aliases of two or more characters count here: their first two must be a
         * known pair */
        size_t clen2;
        if (!found && zy_charset_has(&e->first_chars, cp) && i + clen < to &&
            zy_charset_has(&e->first_pairs, zy_charset_pair(cp, zy_char_at(text + i + clen, &clen2))) &&
            zy_entities_match_at(e, text, to, i, false, &m)) {
            extend_dictionary_match(e, text, to, &m);
            found = true;
            if (m.entity >= 0 && text_at(text, to, m.end, "ドル") &&
                strcmp(e->entities[m.entity].type, "country") == 0) {
                found = false; /* 台湾ドル, シンガポールドル: a currency */
                skip = m.end;
            }
            size_t after = katakana_word_goes_on(text, to, &m);
            if (found && after) {
                found = false; /* 南ア in 東南アジア, テスラ in テスラモーターズ: a longer word */
                skip = after;
            }
        }
        if (!found && c >= 'A' && c <= 'Z' && (i == from || !is_latin_word_char(text[i - 1])))
            found = latin_name_at(text, from, to, i, &m, &skip);
        if (!found && c >= 0xE3 && is_kana_letter((int32_t)cp))
            found = apposition_name_at(e, text, floor, to, i, &m) || relative_topic_at(e, text, floor, to, i, &m) ||
                    katakana_name_at(e, text, floor, to, i, &m, &skip);
        if (!found && c >= 0xE3 && zy_charset_has(&e->suffix_chars, cp))
            found = suffix_name_at(text, floor, to, i, &m);
        if (!found && cp == 0x5E02)
            found = market_name_at(text, floor, to, i, &m);
        if (found && next_alias < nalias && m.end > alias_start[next_alias])
            found = false; /* a bracketed name starts inside it: that one wins */
        if (found) {
            if (m.start < floor)
                m.start = floor;
            out[n++] = m;
            i = m.end > skip ? m.end : skip;
            continue;
        }
        if (skip > i) {
            i = skip < limit ? skip : limit;
            continue;
        }
        i = i + clen < to ? i + clen : to;
    }
    return n;
}
