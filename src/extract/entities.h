/*
 * entities.h: the dictionary of companies, institutions, countries and cities
 * (data/entities.tsv plus user files and names learnt from the document being read), and
 * finding entity names in normalised text: dictionary matches, and names recognised by their
 * shape (…大学, …研究所, 株式会社…, …有限公司, X社, 米X, 「X」社, Latin names of one or more
 * capitalised words, katakana names joined by ・, NAME(ALIAS), NAME(its profile: SCB、大阪市。…),
 * katakana names after a company noun (スタートアップのX, 企業X), names opening a sentence
 * before は and a day (Xは22日、) or katakana before は after a relative clause, the label of a
 * table row). Places (…州, 東京都…区) are not names.
 * Persons (…氏, …CEO), terms and abbreviations of measures are not names. May call: util.
 */
#ifndef ZY_ENTITIES_H
#define ZY_ENTITIES_H

#include <stdint.h>

#include "extract/charset.h"
#include "util/buf.h"
#include "util/diag.h"

typedef struct zy_entity {
    char *name;      /* canonical */
    char *type;
    char *country;   /* ISO 3166 alpha-2 or "" */
    const char *country_name; /* canonical name of that country's entity (cached), or NULL */
} zy_entity;

typedef struct zy_alias {
    char *text;      /* normalised alias */
    size_t len;
    size_t entity;   /* index into entities */
    bool short_alias;/* one character: tables and headings only */
    bool learnt;     /* learnt from the document being read, forgotten after it */
} zy_alias;

typedef struct zy_entities {
    zy_entity *entities;
    size_t nentity, entity_cap;
    zy_alias *aliases;      /* sorted by text for lookup */
    size_t nalias, alias_cap;
    bool sorted;            /* aliases are in order (after the first lookup) */
    bool index_stale;       /* an alias came or went since the index was built */
    bool learning;          /* aliases added now are the current document's */
    size_t base_entities;   /* entities that outlive a document */
    /* first code point → range of sorted aliases starting with it (open addressing) */
    int32_t *index_cp;      /* -1: empty slot */
    size_t *index_lo, *index_hi;
    size_t index_size;      /* power of two */
    zy_charset first_chars; /* first characters of the aliases */
    zy_charset suffix_chars;/* first characters of the organisation suffixes (…大学, …研究所) */
    zy_charset any_chars;   /* where a match can start: first_chars, suffix_chars, A-Z */
    zy_charset first_pairs; /* zy_charset_pair of the first two characters of the aliases
                               longer than one character */
    /* hash tables (open addressing, power-of-two size, slot = index + 1, 0 empty) that make
     * loading linear: entity by name, and, while the aliases are unsorted, alias by text. A
     * slot whose index is out of range or names another string is skipped (stale). */
    size_t *name_slots, name_size, name_used;
    size_t *alias_slots, alias_size, alias_used;
} zy_entities;

/* A name found in text. */
typedef struct zy_entity_match {
    size_t start, end;      /* byte range in the text searched */
    long entity;            /* dictionary index, or -1 for a shape match */
} zy_entity_match;

void zy_entities_init(zy_entities *e);
void zy_entities_free(zy_entities *e);
/* Load a TSV file (name, type, country, aliases). Errors name file and line. */
zy_status zy_entities_load(zy_entities *e, zy_diag *diag, const char *path);
/* Add an entity (or an alias to an existing one when name is known). */
zy_status zy_entities_add(zy_entities *e, const char *name, const char *type,
                          const char *country, const char *alias);
/* Start a document: what zy_entities_add adds from now on is forgotten by
 * zy_entities_forget_document, so one article's names do not leak into the next. */
void zy_entities_begin_document(zy_entities *e);
void zy_entities_forget_document(zy_entities *e);

/* Longest dictionary alias starting at text[at]; allow_short admits one-character aliases. */
bool zy_entities_match_at(zy_entities *e, const char *text, size_t len, size_t at,
                          bool allow_short, zy_entity_match *out);
/* Find the entity names in text[from..to) (a sentence or a line): dictionary and shape.
 * Returns the count written to out (at most cap), in text order, not overlapping. Names
 * found by a legal form, a country prefix, X社 or NAME(ALIAS) are learnt for the rest of the
 * document (entity >= 0; forgotten by zy_entities_forget_document). */
size_t zy_entities_find(zy_entities *e, const char *text, size_t from, size_t to,
                        zy_entity_match *out, size_t cap);
/* Does a place suffix start at t[at] that makes the name before it a place: 州 県 市 区 町 村 都
 * ending the word or running into another place or a katakana name (東京都江東区,
 * カリフォルニア州シリコンバレー)? Not 市場, 都内. */
bool zy_place_suffix_at(const char *t, size_t to, size_t at);
/* Is there a particle (は が の も や と を に 、) at t[at]? */
bool zy_particle_at(const char *t, size_t len, size_t at);

/* The canonical name of an entity's country ("中国" for CN), or its code; cached. */
const char *zy_entity_country_name(zy_entities *e, size_t entity);

/* The dictionary entity whose alias equals name[0..len), or -1. */
long zy_entities_lookup(zy_entities *e, const char *name, size_t len, bool allow_short);

#endif
