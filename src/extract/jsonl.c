/*
 * jsonl.c: facts as JSON Lines, the record other tools read (see README: "The fact record").
 * A long scan writes millions of records, so each one is built with plain stores into a
 * buffer reserved for its worst case, and a sentence shared by several facts is escaped once.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/jsonl.h"

/* Bytes that JSON strings must escape: control characters, '"' and '\\'. */
static const unsigned char must_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1,
};

/* Largest escaped form of one byte: \u00XX. */
#define ESCAPED_MAX 6

/* Length of the prefix of s[0..n) that needs no escaping, eight bytes at a time: a word
 * passes when it has no byte below 0x20 and no '"' or '\\' (the usual bit tricks: a byte
 * below k sets its top bit in (w - k·0x01…) & ~w). */
static bool word_is_plain(const char *p)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    uint64_t special = ((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
                       ((backslash - ones) & ~backslash);
    return (special & highs) == 0;
}

static size_t plain_run(const char *s, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n && word_is_plain(s + i))
        i += 8;
    while (i < n && !must_escape[(unsigned char)s[i]])
        i++;
    return i;
}

/* The escaped form of c (one that must_escape) at o; the end. */
static char *put_escape(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    *o++ = '\\';
    if (c == '"' || c == '\\') {
        *o++ = (char)c;
    } else if (c == '\n') {
        *o++ = 'n';
    } else if (c == '\t') {
        *o++ = 't';
    } else {
        memcpy(o, "u00", 3);
        o[3] = hex[c >> 4];
        o[4] = hex[c & 15];
        o += 5;
    }
    return o;
}

/* Strings up to this long are copied a byte at a time: cheaper than a call to memcpy. */
#define SHORT_STRING 24

/* Write s[0..n) as a quoted JSON string at o (room for n * ESCAPED_MAX + 2); the end. */
static char *put_quoted(char *o, const char *s, size_t n)
{
    *o++ = '"';
    if (n >= 8 && n <= 24 && word_is_plain(s) && word_is_plain(s + n - 8) &&
        (n <= 16 || word_is_plain(s + 8))) {
        /* 8 to 24 plain bytes (a figure as written, most often): two or three words, the
         * last one overlapping */
        memcpy(o, s, 8);
        if (n > 16)
            memcpy(o + 8, s + 8, 8);
        memcpy(o + n - 8, s + n - 8, 8);
        o += n;
        *o++ = '"';
        return o;
    }
    if (n <= SHORT_STRING) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (must_escape[c])
                o = put_escape(o, c);
            else
                *o++ = (char)c;
        }
        *o++ = '"';
        return o;
    }
    size_t i = 0;
    while (i < n) {
        size_t run = i + plain_run(s + i, n - i);
        memcpy(o, s + i, run - i);
        o += run - i;
        if (run == n)
            break;
        o = put_escape(o, (unsigned char)s[run]);
        i = run + 1;
    }
    *o++ = '"';
    return o;
}

static char *put_lit(char *o, const char *lit, size_t n)
{
    memcpy(o, lit, n);
    return o + n;
}
#define PUT(o, lit) put_lit((o), (lit), sizeof(lit) - 1)

/* Decimal digits of v (at least one): log2 from the leading zeros, times log10(2) as
 * 1233/4096, corrected by one comparison. */
static size_t digit_count(unsigned long long v)
{
    static const unsigned long long powers[] = {
        1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL,
        1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL,
        100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL,
        1000000000000000000ULL, 10000000000000000000ULL};
    size_t t = (size_t)(64 - __builtin_clzll(v | 1)) * 1233 >> 12;
    return v ? t + 1 - (v < powers[t]) : 1;
}

/* v in decimal, written from the end two digits at a time; offsets fit 32 bits, whose
 * division is cheaper, so they take that path. */
static char *put_uint(char *o, unsigned long long v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    char *end = o + digit_count(v), *p = end;
    for (; v > 0xFFFFFFFFu; v /= 100) {
        unsigned d = (unsigned)(v % 100);
        *--p = pairs[2 * d + 1];
        *--p = pairs[2 * d];
    }
    uint32_t w = (uint32_t)v;
    for (; w >= 100; w /= 100) {
        unsigned d = w % 100;
        *--p = pairs[2 * d + 1];
        *--p = pairs[2 * d];
    }
    if (w >= 10) {
        *--p = pairs[2 * w + 1];
        *--p = pairs[2 * w];
    } else {
        *--p = (char)('0' + w);
    }
    return end;
}

/* Room needed for a number: "%.15g" of a double is at most 23 characters. */
#define NUMBER_MAX 32

static char *put_number(char *o, double v)
{
    if (!isfinite(v))
        return PUT(o, "null");
    if (v == floor(v) && fabs(v) < 1e15) {
        if (signbit(v))
            *o++ = '-';
        return put_uint(o, (unsigned long long)fabs(v));
    }
    return o + snprintf(o, NUMBER_MAX, "%.15g", v);
}

/* A confidence (0–1, two decimals) as put_number would write it (0.85, 0.9, 1, 0), without
 * printf: it is written for every fact. */
static char *put_confidence(char *o, double c)
{
    long h = (long)(c * 100 + 0.5);
    if (h <= 0 || h >= 100 || c != c)
        return put_number(o, c);
    *o++ = '0';
    *o++ = '.';
    *o++ = (char)('0' + h / 10);
    if (h % 10)
        *o++ = (char)('0' + h % 10);
    return o;
}

/* The library's own words (kind, unit, measure, source) come from a few static strings, so
 * their quoted forms are kept by pointer: one copy of a fixed size instead of measuring and
 * escaping them for every fact. */
#define QUOTED_WORD 64
#define WORD_SLOTS 128

typedef struct quoted_word {
    const char *s;            /* NULL: empty slot */
    size_t len;
    char text[QUOTED_WORD];
} quoted_word;

/* What consecutive facts share, escaped once: the sentence, the subject with its country
 * (the scanner hands facts of one sentence or subject the same strings, so the pointers are
 * the key; they stay valid for one put_document) and the document's path. */
typedef struct sentence_cache {
    const char *sentence;
    zy_buf escaped;
    zy_buf path;              /* the document's path, escaped once */
    bool subject_valid;
    const char *subject, *subject_text, *country;
    zy_buf subject_part;      /* ,"subject":…,"subject_text":…[,"country":…] */
    quoted_word words[WORD_SLOTS];
} sentence_cache;

/* The slot holding s quoted (filled on a miss), or NULL when s is too long to keep or the
 * table is full. Open addressing that never evicts, so a slot handed out stays valid for the
 * whole document; a document uses a few dozen words. */
static const quoted_word *quoted_word_of(quoted_word *slots, const char *s)
{
    size_t h = ((uintptr_t)s / 8) % WORD_SLOTS;
    for (size_t probe = 0; probe < WORD_SLOTS; probe++, h = (h + 1) % WORD_SLOTS) {
        quoted_word *q = &slots[h];
        if (q->s == s)
            return q;
        if (q->s)
            continue;
        size_t n = strlen(s);
        if (n * ESCAPED_MAX + 2 > QUOTED_WORD)
            return NULL;
        q->len = (size_t)(put_quoted(q->text, s, n) - q->text);
        q->s = s;
        return q;
    }
    return NULL;
}

/* Write a word kept by quoted_word_of (room for QUOTED_WORD bytes at o). */
static char *put_word(char *o, const quoted_word *q)
{
    memcpy(o, q->text, QUOTED_WORD); /* a constant size: a few moves, not a call */
    return o + q->len;
}

static size_t optional_len(const char *s) { return s ? strlen(s) : 0; }

/* ,"subject":…,"subject_text":…[,"country":…] of f into part. */
static zy_status put_subject_part(zy_buf *part, const zy_fact *f)
{
    const char *strings[] = {f->subject, f->subject_text, f->country};
    size_t lens[3], need = 64;
    for (size_t i = 0; i < 3; i++) {
        lens[i] = optional_len(strings[i]);
        need += lens[i] * ESCAPED_MAX + 2;
    }
    zy_buf_reset(part);
    zy_status st = zy_buf_reserve(part, need);
    if (st != ZY_OK)
        return st;
    char *o = part->data;
    o = PUT(o, ",\"subject\":");
    o = strings[0] ? put_quoted(o, strings[0], lens[0]) : PUT(o, "null");
    o = PUT(o, ",\"subject_text\":");
    o = strings[1] ? put_quoted(o, strings[1], lens[1]) : PUT(o, "null");
    if (strings[2]) {
        o = PUT(o, ",\"country\":");
        o = put_quoted(o, strings[2], lens[2]);
    }
    part->len = (size_t)(o - part->data);
    return ZY_OK;
}

static zy_status put_fact(zy_buf *b, const zy_fact *f, sentence_cache *cache)
{
    static const char *const bounds[] = {NULL, "min", "max"};
    zy_status st;
    if (f->sentence != cache->sentence || !f->sentence) {
        zy_buf_reset(&cache->escaped);
        cache->sentence = NULL;
        size_t n = optional_len(f->sentence);
        if (f->sentence && (st = zy_buf_reserve(&cache->escaped, n * ESCAPED_MAX + 2)) != ZY_OK)
            return st;
        if (f->sentence) {
            char *e = put_quoted(cache->escaped.data, f->sentence, n);
            cache->escaped.len = (size_t)(e - cache->escaped.data);
            cache->sentence = f->sentence;
        }
    }
    if (!cache->subject_valid || f->subject != cache->subject ||
        f->subject_text != cache->subject_text || f->country != cache->country) {
        if ((st = put_subject_part(&cache->subject_part, f)) != ZY_OK)
            return st;
        cache->subject_valid = true;
        cache->subject = f->subject;
        cache->subject_text = f->subject_text;
        cache->country = f->country;
    }
    /* kind, unit, measure and source are the library's own words: kept quoted by pointer
     * (escaped all the same, in case a caller set something else); a long one is written
     * like the other strings */
    const char *strings[] = {f->text, f->unit, f->counter, f->time, f->measure, f->source, f->basis, f->caveat};
    enum { TEXT, UNIT, COUNTER, TIME, MEASURE, SOURCE, BASIS, CAVEAT };
    const quoted_word *words[sizeof strings / sizeof strings[0]] = {NULL};
    const quoted_word *kind = quoted_word_of(cache->words, zy_fact_kind_name(f->kind));
    static const int kept[] = {UNIT, MEASURE, SOURCE};
    for (size_t k = 0; k < sizeof kept / sizeof kept[0]; k++)
        if (strings[kept[k]])
            words[kept[k]] = quoted_word_of(cache->words, strings[kept[k]]);
    size_t lens[sizeof strings / sizeof strings[0]] = {0};
    size_t need = 512 + 4 * QUOTED_WORD + cache->escaped.len + cache->path.len + cache->subject_part.len;
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
        if (words[i])
            continue;
        lens[i] = optional_len(strings[i]);
        need += lens[i] * ESCAPED_MAX + 2;
    }
    const char *kind_name = zy_fact_kind_name(f->kind);
    if ((st = zy_buf_reserve(b, need)) != ZY_OK)
        return st;
    char *o = b->data + b->len;
#define STRING_OR_NULL(i)                                                                    \
    (words[i] ? put_word(o, words[i]) : strings[i] ? put_quoted(o, strings[i], lens[i]) : PUT(o, "null"))
    o = PUT(o, "{\"doc\":");
    o = put_lit(o, cache->path.data, cache->path.len);
    o = PUT(o, ",\"start\":");
    o = put_uint(o, f->start);
    o = PUT(o, ",\"end\":");
    o = put_uint(o, f->end);
    o = PUT(o, ",\"text\":");
    o = STRING_OR_NULL(TEXT);
    o = PUT(o, ",\"kind\":");
    o = kind ? put_word(o, kind) : put_quoted(o, kind_name, strlen(kind_name));
    if (f->has_value) {
        o = PUT(o, ",\"value\":");
        o = put_number(o, f->value);
    }
    if (f->has_value_max) {
        o = PUT(o, ",\"value_max\":");
        o = put_number(o, f->value_max);
    }
    if (f->unit) {
        o = PUT(o, ",\"unit\":");
        o = STRING_OR_NULL(UNIT);
    }
    if (f->counter) {
        o = PUT(o, ",\"counter\":");
        o = STRING_OR_NULL(COUNTER);
    }
    o = f->approx ? PUT(o, ",\"approx\":true") : PUT(o, ",\"approx\":false");
    o = PUT(o, ",\"bound\":");
    o = bounds[f->bound] ? put_quoted(o, bounds[f->bound], 3) : PUT(o, "null");
    o = PUT(o, ",\"time\":");
    o = f->time[0] ? STRING_OR_NULL(TIME) : PUT(o, "null");
    o = put_lit(o, cache->subject_part.data, cache->subject_part.len);
    o = PUT(o, ",\"measure\":");
    o = STRING_OR_NULL(MEASURE);
    o = PUT(o, ",\"source\":");
    o = STRING_OR_NULL(SOURCE);
    o = PUT(o, ",\"confidence\":");
    o = f->confidence >= 0 ? put_confidence(o, f->confidence) : PUT(o, "null");
    o = PUT(o, ",\"basis\":");
    o = STRING_OR_NULL(BASIS);
    if (f->caveat) {
        o = PUT(o, ",\"caveat\":");
        o = STRING_OR_NULL(CAVEAT);
    }
    if (f->table_id >= 0) {
        /* table, row and column are never negative here */
        o = PUT(o, ",\"table\":");
        o = put_uint(o, (unsigned long long)f->table_id);
        o = PUT(o, ",\"row\":");
        o = put_uint(o, (unsigned long long)f->table_row);
        o = PUT(o, ",\"col\":");
        o = put_uint(o, (unsigned long long)f->table_col);
    }
    o = PUT(o, ",\"sentence\":");
    o = cache->sentence ? put_lit(o, cache->escaped.data, cache->escaped.len) : PUT(o, "null");
    o = PUT(o, "}\n");
#undef STRING_OR_NULL
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
    return ZY_OK;
}

/* Append every fact of doc to b. */
zy_status zy_jsonl_put_document(zy_buf *b, const zy_document *doc, FILE *flush_to)
{
    sentence_cache cache = {0};
    zy_buf_init(&cache.escaped, 0);
    zy_buf_init(&cache.path, 0);
    zy_buf_init(&cache.subject_part, 0);
    size_t path_len = optional_len(doc->path);
    zy_status st = zy_buf_reserve(&cache.path, path_len * ESCAPED_MAX + 4);
    if (st == ZY_OK) {
        char *e = doc->path ? put_quoted(cache.path.data, doc->path, path_len) : PUT(cache.path.data, "null");
        cache.path.len = (size_t)(e - cache.path.data);
    }
    for (size_t i = 0; i < doc->nfacts && st == ZY_OK; i++) {
        st = put_fact(b, &doc->facts[i], &cache);
        if (st == ZY_OK && flush_to && b->len >= ((size_t)1 << 20)) {
            if (fwrite(b->data, 1, b->len, flush_to) != b->len)
                st = ZY_ERR_IO;
            zy_buf_reset(b);
        }
    }
    zy_buf_free(&cache.escaped);
    zy_buf_free(&cache.path);
    zy_buf_free(&cache.subject_part);
    return st;
}
