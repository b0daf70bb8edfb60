/*
 * prose.h: what the prose readers share. prose.c splits running text into sentences, reads
 * their figures and times and records the facts; owner.c says whose each figure is; measure.c
 * says what it measures. One sentence is described by a zy_sentence, filled by prose.c.
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
} zy_sentence;

/* The first 、 (or with sentence, also 。) in t[from..to), or to. */
size_t zy_next_clause_break(const char *t, size_t from, size_t to, bool sentence);

/* Names the dictionary does not know, read by their shape where the text says they own a
 * figure: in parallel runs ("…、ロシアが136基", "米国0.2%、ロシア0.1%", "上海14社、広州4社"),
 * katakana or Latin names right before "が N" or "(N)". Added to sn->ents with the entity
 * ZY_ENTITY_SHAPE: they own those figures but are never the topic of later sentences. */
#define ZY_ENTITY_SHAPE (-2)
void zy_shape_names(const char *t, zy_sentence *sn);

/* "MicrosoftとGoogleの成長率はそれぞれ31%と28%": owner[j] is the name (an index into sn->ents)
 * that figure j has by its place in such a list, else -1. */
void zy_respective_owners(const char *t, const zy_sentence *sn, int *owner);

/* The topic markers of the sentence into s->markers; their count, or SIZE_MAX when out of
 * memory. */
size_t zy_find_topic_markers(zy_scan_state *s, const zy_sentence *sn);

/* The name (index into sn->ents) that the sentence makes the topic of the sentences after it,
 * or -1. */
int zy_sentence_topic(const char *t, const zy_sentence *sn);

#define ZY_SUBJECT_PREVIOUS_TOPIC (-2)

/* Whose is figure j of the sentence: an index into sn->ents, ZY_SUBJECT_PREVIOUS_TOPIC (the
 * phrase says 同社) or -1. chosen[0..j) are the answers for the figures before it. */
int zy_choose_subject(const char *t, const zy_sentence *sn, size_t j, const char *measure,
                      const int *chosen);

#endif
