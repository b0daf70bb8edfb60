/*
 * prose.h: what the prose readers share. prose.c splits running text into sentences, reads
 * their figures and times and records the facts; owner.c says whose each figure is, with the
 * names shape_names.c reads by their shape; measure.c says what it measures. One sentence is
 * described by a zy_sentence, filled by prose.c.
 * May call: extract (scan, figure, entities).
 */
#ifndef ZY_PROSE_H
#define ZY_PROSE_H

#include "extract/scan.h"

/* A topic marker (は, が, も, では, には) in a sentence, with what its phrase names: the same
 * for every figure of the sentence, so found once per sentence. */
typedef struct topic_marker {
    size_t at;          /* the marker */
    size_t phrase;      /* where its phrase begins */
    int entity;         /* the name the phrase is about (an index into the sentence's names), or -1 */
    bool refers_back;   /* the phrase says 同社 or the like */
    bool also;          /* the marker is も */
    bool investor;      /* "Xが主導する", "Xなどが出資し": X put the money in, it did not raise it */
} topic_marker;

/* One sentence [start, end) of the normalised text, its figures in text order and the names
 * in it (in text order, not overlapping). */
typedef struct zy_sentence {
    size_t start, end;
    const zy_figure *figs;
    size_t nfig;
    zy_entity_match *ents;
    size_t nent, ent_cap;
    const topic_marker *markers;
    size_t nmarkers;
    const int *respective;    /* per figure, its owner by それぞれ (zy_respective_owners), or NULL */
    bool tells_event;         /* a date of the sentence is a founding or a release */
    unsigned char *roles;     /* per name: source or investor (filled by zy_find_topic_markers) */
} zy_sentence;

/* A word with its length, and lists of them. */
typedef struct zy_word {
    const char *text;
    size_t len;
} zy_word;

#define ZY_COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

/* Does t[at..se) start with one of words[0..n)? Its length, else 0. */
static inline size_t zy_starts_with_any(const char *t, size_t se, size_t at, const zy_word *words, size_t n)
{
    for (size_t w = 0; w < n; w++)
        if (zy_starts_with_n(t, se, at, words[w].text, words[w].len))
            return words[w].len;
    return 0;
}

/* Does t[..at) end with one of words[0..n)? */
static inline bool zy_ends_with_any(const char *t, size_t at, const zy_word *words, size_t n)
{
    for (size_t w = 0; w < n; w++)
        if (zy_ends_with_n(t, at, words[w].text, words[w].len))
            return true;
    return false;
}

/* measure.c: the first 、 (or with sentence, also 。) in t[from..to), or to. */
size_t zy_next_clause_break(const char *t, size_t from, size_t to, bool sentence);

/* measure.c: where the word w (two bytes or more) first starts in t[from..to), or to. */
size_t zy_find_word(const char *t, size_t from, size_t to, const char *w);

/* measure.c: does a founding or release verb (設立, 発売, 公開, …) start in t[from..to) and end
 * by se? */
bool zy_event_verb_within(const char *t, size_t from, size_t to, size_t se);

/* shape_names.c: names the dictionary does not know, read by their shape where the text says
 * they own a figure (parallel runs, readings, quoted names of released things): added to
 * sn->ents, in text order, with the entity ZY_ENTITY_SHAPE. They own those figures but are
 * never the topic of later sentences. */
#define ZY_ENTITY_SHAPE (-2)
void zy_shape_names(const char *t, zy_sentence *sn);

/* shape_names.c: a name the dictionary lacks that the sentence [ss, se) makes its topic by
 * the shape news takes: before は/が and a day ("トヨハシ精機は8日、", "Xが31日発表した"), after
 * a company noun ("化学大手ラインシュタールは", "メーカー、Xは"), or a katakana or Latin name
 * after a relative clause before the noun of a measure ("上場したX(東京・渋谷)の初値は"). Its
 * bytes [*a, *b). */
bool zy_news_topic_name(const char *t, size_t ss, size_t se, size_t *a, size_t *b);

/* shape_names.c: a company's name opening a headline [ss, se) before 、 or a space
 * ("トヨハシ精機、通期予想を上方修正", "<決算速報>ヤマブキ通信、…", "サクラ航空 2025年3月期…"). */
bool zy_headline_name(const char *t, size_t ss, size_t se, size_t *a, size_t *b);

/* shape_names.c: can the character at t[p] be part of a name written without particles
 * (katakana, kanji, Latin letters)? */
bool zy_name_char(const char *t, size_t p);

/* shape_names.c: where a name written right before a figure at fs would end, back to floor:
 * past a sign, spaces, one particle (が, は, も, の, で) and a reading in brackets.
 * *particle_free: there was no particle. */
size_t zy_name_end_before(const char *t, size_t floor, size_t fs, bool *particle_free);

/* shape_names.c: is figure f in brackets right after something ("(2,013件)")? */
bool zy_in_brackets(const char *t, const zy_sentence *sn, const zy_figure *f);

/* "MicrosoftとGoogleの成長率はそれぞれ31%と28%": owner[j] is the name (an index into sn->ents)
 * that figure j has by its place in such a list, else -1. */
void zy_respective_owners(const char *t, const zy_sentence *sn, int *owner);

/* The topic markers of the sentence into s->markers; their count, or SIZE_MAX when out of
 * memory. Also what each name is besides a name (a source, an investor) into sn->roles: call
 * it once the sentence's names are final. */
size_t zy_find_topic_markers(zy_scan_state *s, zy_sentence *sn);

/* The name (index into sn->ents) that the sentence makes the topic of the sentences after it,
 * or -1. */
int zy_sentence_topic(const char *t, const zy_sentence *sn);

#define ZY_SUBJECT_PREVIOUS_TOPIC (-2)

/* Whose is figure j of the sentence: an index into sn->ents, ZY_SUBJECT_PREVIOUS_TOPIC (the
 * phrase says 同社) or -1. chosen[0..j) are the answers for the figures before it. *rule
 * gets the name of the rule that chose (a static string: "name-before", "topic", …; NULL
 * when none did), the fact's basis. */
int zy_choose_subject(const char *t, const zy_sentence *sn, size_t j, const char *measure,
                      const int *chosen, const char **rule);

#endif
