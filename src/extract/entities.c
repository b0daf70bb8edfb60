/*
 * entities.c: entity dictionary and name finding (see entities.h).
 */
#include "extract/entities.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
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
    memset(e, 0, sizeof *e);
}

static long find_entity(const zy_entities *e, const char *name)
{
    for (size_t i = 0; i < e->nentity; i++)
        if (strcmp(e->entities[i].name, name) == 0)
            return (long)i;
    return -1;
}

static zy_status push_alias(zy_entities *e, const char *text, size_t entity)
{
    size_t n = strlen(text);
    if (n == 0)
        return ZY_OK;
    for (size_t i = 0; i < e->nalias; i++)
        if (e->aliases[i].len == n && memcmp(e->aliases[i].text, text, n) == 0)
            return ZY_OK;
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
    e->aliases[e->nalias++] = (zy_alias){copy, n, entity, zy_utf8_length(text, n) == 1, e->learning};
    e->sorted = false;
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
    for (size_t i = e->base_entities; i < e->nentity; i++) {
        free(e->entities[i].name);
        free(e->entities[i].type);
        free(e->entities[i].country);
    }
    e->nentity = e->base_entities;
    e->learning = false;
    if (removed)
        e->sorted = false;
}

/* Shape suffixes that end an organisation name. */
static const char *const org_suffixes[] = {
    "大学院", "大学", "研究所", "研究院", "研究センター", "グループ", "ホールディングス", "集団",
    "銀行", "証券", "製作所", "工業", "電機", "商事", "財団", "機構", "科学院", NULL,
};

static int alias_cmp(const void *a, const void *b)
{
    const zy_alias *x = a, *y = b;
    return strcmp(x->text, y->text);
}

static size_t slot_of(int32_t cp, size_t size)
{
    return ((uint32_t)cp * 2654435761u) & (size - 1);
}

/* Sort the aliases and index them by first code point; on allocation failure the index is
 * left empty and lookups fall back to binary search. */
static void ensure_sorted(zy_entities *e)
{
    if (e->sorted)
        return;
    qsort(e->aliases, e->nalias, sizeof *e->aliases, alias_cmp);
    e->sorted = true;

    free(e->index_cp), free(e->index_lo), free(e->index_hi);
    e->index_size = 16;
    while (e->index_size < e->nalias * 2)
        e->index_size *= 2;
    e->index_cp = malloc(e->index_size * sizeof *e->index_cp);
    e->index_lo = malloc(e->index_size * sizeof *e->index_lo);
    e->index_hi = malloc(e->index_size * sizeof *e->index_hi);
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
    for (size_t i = 0; org_suffixes[i]; i++) {
        zy_charset_add_first(&e->suffix_chars, org_suffixes[i]);
        zy_charset_add_first(&e->any_chars, org_suffixes[i]);
    }
    for (size_t i = 0; i < e->nalias; i++) {
        int32_t cp, cp2;
        size_t n = zy_utf8_next(e->aliases[i].text, e->aliases[i].len, &cp);
        zy_charset_add(&e->first_chars, (uint32_t)cp);
        zy_charset_add(&e->any_chars, (uint32_t)cp);
        if (n < e->aliases[i].len) {
            zy_utf8_next(e->aliases[i].text + n, e->aliases[i].len - n, &cp2);
            /* as zy_char_at reads it: one value for every character beyond the BMP */
            uint32_t second = cp2 > 0xFFFF ? 0x10000 : (uint32_t)cp2;
            zy_charset_add(&e->first_pairs, zy_charset_pair((uint32_t)cp, second));
        }
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

static bool is_latin_word_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool best_alias_in(const zy_entities *e, const char *text, size_t len, size_t at,
                          bool allow_short, size_t lo, size_t hi, zy_entity_match *out);

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

static bool is_kanji(int32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005; }
static bool is_katakana(int32_t cp) { return cp >= 0x30A1 && cp <= 0x30FE; }

/* Where a name of kanji and katakana (at most 12 characters, not before floor) that ends at
 * end begins; *chars gets its length in characters (0: no name there). */
static size_t name_start_before(const char *text, size_t floor, size_t end, size_t to, size_t *chars)
{
    size_t start = end;
    *chars = 0;
    while (start > floor && *chars < 12) {
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

/* Latin words that are not organisation names on their own. */
static const char *const latin_stop[] = {"AI", "CEO", "CFO", "CTO", "LLM", "IT", "GPT", "CUDA",
                                         "API", "GPU", "CPU", "US", "UK", "The", "PC", "OS", "IoT",
                                         "EV", "AR", "VR", "SNS", "GDP", "IPO", "M&A", "PR", "DX",
                                         "ESG", "OEM", "R&D", "TOB", "ETF", "NPU", "HBM", "OK", NULL};

bool zy_particle_at(const char *t, size_t len, size_t at)
{
    static const char *const particles[] = {"は", "が", "の", "も", "や", "と", "を", "に", "、", NULL};
    for (size_t i = 0; particles[i]; i++)
        if (at + 3 <= len && memcmp(t + at, particles[i], 3) == 0)
            return true;
    return false;
}

/* Words that make "…大学" a common noun, not a name: 上位大学, 主要大学, 各大学. */
static bool generic_name(const char *s, size_t n)
{
    static const char *const generic[] = {"上位", "下位", "主要", "各", "同", "全", "他", "有名",
                                          "名門", "地方", "私立", "国立", "公立", "海外", "国内",
                                          "トップ", "一流", "研究", "新興", "大手", "中堅", NULL};
    for (size_t i = 0; generic[i]; i++)
        if (strlen(generic[i]) == n && memcmp(generic[i], s, n) == 0)
            return true;
    return false;
}

static bool latin_stopword(const char *s, size_t n)
{
    for (size_t i = 0; latin_stop[i]; i++)
        if (strlen(latin_stop[i]) == n && memcmp(latin_stop[i], s, n) == 0)
            return true;
    return false;
}

/* "比亜迪(BYD)", "月之暗面(Moonshot AI)": a Japanese or Chinese name with a Latin alias in
 * brackets ending at `open`. Returns the name's start, or `open` when there is none. */
static size_t bracketed_alias_name(const char *text, size_t from, size_t open, size_t to,
                                   size_t *close_out)
{
    size_t close = open + 1;
    while (close < to && close < open + 40 && text[close] != ')' &&
           (is_latin_word_char(text[close]) || text[close] == ' ' || text[close] == '.' ||
            text[close] == '-' || text[close] == '&'))
        close++;
    if (close >= to || text[close] != ')' || close == open + 1 || !(text[open + 1] >= 'A' && text[open + 1] <= 'Z'))
        return open;
    size_t chars;
    size_t start = name_start_before(text, from, open, to, &chars);
    if (chars < 2 || latin_stopword(text + open + 1, close - open - 1))
        return open; /* 電気自動車(EV), 人工知能(AI): a term, not a name */
    *close_out = close + 1;
    return start;
}

/* Learn "NAME(ALIAS)" as one entity (ALIAS canonical unless either is known). */
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
    const char *canonical = known >= 0 ? e->entities[known].name : alias;
    const char *type = known >= 0 ? e->entities[known].type : "company";
    const char *country = known >= 0 ? e->entities[known].country : "";
    if (zy_entities_add(e, canonical, type, country, name) != ZY_OK ||
        zy_entities_add(e, canonical, type, country, alias) != ZY_OK)
        return -1;
    return zy_entities_lookup(e, name, nl, false);
}

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
        if (a == k)
            continue;
        alias_start[nalias] = a;
        alias_end[nalias] = close;
        alias_entity[nalias] = learn_bracketed(e, text, a, k, close);
        nalias++;
        k = close - 1;
    }
    size_t next_alias = 0;
    ensure_sorted(e);
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
        /* only aliases of two or more characters count here: their first two must be a
         * known pair */
        size_t clen2;
        if (zy_charset_has(&e->first_chars, cp) && i + clen < to &&
            zy_charset_has(&e->first_pairs, zy_charset_pair(cp, zy_char_at(text + i + clen, &clen2))) &&
            zy_entities_match_at(e, text, to, i, false, &m) &&
            !(next_alias < nalias && m.end > alias_start[next_alias])) {
            out[n++] = m;
            i = m.end;
            continue;
        }
        unsigned char c = (unsigned char)text[i];
        /* Latin name: a capitalised token, optionally followed by " AI" / " Labs" */
        if (c >= 'A' && c <= 'Z' && (i == from || !is_latin_word_char(text[i - 1]))) {
            size_t j = i;
            bool has_digit = false;
            while (j < to && (is_latin_word_char(text[j]) || text[j] == '-' || text[j] == '.')) {
                has_digit |= text[j] >= '0' && text[j] <= '9';
                j++;
            }
            while (j > i && (text[j - 1] == '.' || text[j - 1] == '-'))
                j--;
            size_t word = j - i;
            bool lower_seen = false;
            for (size_t k = i; k < j; k++)
                lower_seen |= text[k] >= 'a' && text[k] <= 'z';
            if (to - j >= 3 && text[j] == ' ' && (strncmp(text + j + 1, "AI", 2) == 0 ||
                                                   strncmp(text + j + 1, "Labs", 4) == 0)) {
                size_t k = j + 1;
                while (k < to && is_latin_word_char(text[k]))
                    k++;
                if (k == to || !is_latin_word_char(text[k]))
                    j = k;
            }
            /* "Larry Ellison", "Sam Altman": two capitalised words are a person */
            bool next_is_latin_word = (j + 1 < to && text[j] == ' ' && text[j + 1] >= 'A' && text[j + 1] <= 'Z') ||
                                      (i >= 2 && text[i - 1] == ' ' && is_latin_word_char(text[i - 2]));
            /* an acronym is a name when a particle follows it: BYDは, TSMCの */
            bool acronym_name = !lower_seen && word >= 2 && word <= 6 &&
                                (zy_particle_at(text, to, j) || (j < to && text[j] == ')'));
            if (!has_digit && ((word >= 3 && lower_seen) || acronym_name) &&
                !latin_stopword(text + i, word) && !next_is_latin_word) {
                out[n++] = (zy_entity_match){i, j, -1};
                i = j;
                continue;
            }
            i = j > i ? j : i + 1;
            continue;
        }
        /* shape suffix: extend back over kanji/katakana */
        bool matched = false;
        bool suffix_here = c >= 0xE3 && zy_charset_has(&e->suffix_chars, cp);
        for (size_t s = 0; suffix_here && org_suffixes[s] && !matched; s++) {
            if (org_suffixes[s][1] != text[i + 1] || org_suffixes[s][2] != text[i + 2])
                continue;
            size_t sl = strlen(org_suffixes[s]);
            if (i + sl > to || memcmp(text + i, org_suffixes[s], sl) != 0)
                continue;
            /* walk back from i over name characters not already taken */
            size_t chars;
            size_t start = name_start_before(text, n ? out[n - 1].end : from, i, to, &chars);
            if (chars == 0 || generic_name(text + start, i - start))
                continue;
            /* drop a one-kanji country prefix before katakana: 米カーネギーメロン大学 */
            int32_t first, second;
            size_t fl = zy_utf8_next(text + start, to - start, &first);
            zy_utf8_next(text + start + fl, to - start - fl, &second);
            if ((first == 0x7C73 || first == 0x4E2D || first == 0x65E5 ||
                                  first == 0x82F1) && is_katakana(second))
                start += fl;
            out[n++] = (zy_entity_match){start, i + sl, -1};
            i += sl;
            matched = true;
        }
        if (matched)
            continue;
        i = i + clen < to ? i + clen : to;
    }
    return n;
}
