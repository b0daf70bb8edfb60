/*
 * breaks.c: phrase rules for line breaks in Japanese labels (see breaks.h).
 */
#include "text/breaks.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

typedef enum script { S_OTHER = 0, S_SPACE, S_KANJI, S_HIRAGANA, S_KATAKANA, S_LATIN, S_DIGIT,
                      S_OPEN, S_CLOSE } script;

static script script_of(int32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == 0x3000)
        return S_SPACE;
    if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
        return S_DIGIT;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xFF21 && cp <= 0xFF5A) ||
        (cp >= 0xC0 && cp <= 0x24F))
        return S_LATIN;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3005 ||
        cp == 0x3006 || (cp >= 0xF900 && cp <= 0xFAFF))
        return S_KANJI;
    if (cp >= 0x3041 && cp <= 0x309F)
        return S_HIRAGANA;
    if ((cp >= 0x30A0 && cp <= 0x30FF && cp != 0x30FB) || (cp >= 0xFF66 && cp <= 0xFF9F) ||
        (cp >= 0x31F0 && cp <= 0x31FF))
        return S_KATAKANA;
    if (strchr("([{", (int)(cp < 128 ? cp : 1)) && cp < 128)
        return S_OPEN;
    if (cp == 0x300C || cp == 0x300E || cp == 0x3010 || cp == 0xFF08 || cp == 0x3008 ||
        cp == 0x300A || cp == 0xFF3B || cp == 0x201C || cp == 0x2018)
        return S_OPEN;
    if (cp < 128 && cp && strchr(")]},.:;!?%", (int)cp))
        return S_CLOSE;
    if (cp == 0x300D || cp == 0x300F || cp == 0x3011 || cp == 0xFF09 || cp == 0x3009 ||
        cp == 0x300B || cp == 0xFF3D || cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C ||
        cp == 0xFF0E || cp == 0x30FB || cp == 0xFF1A || cp == 0xFF01 || cp == 0xFF1F ||
        cp == 0x201D || cp == 0x2019 || cp == 0xFF05)
        return S_CLOSE;
    return S_OTHER;
}

/* Words that end a name inside a long kanji run: a break may follow them. */
static const char *const word_ends[] = {
    "大学院", "大学", "研究科", "研究所", "研究院", "学部", "学院", "学系", "機構", "法人",
    "会社", "銀行", "協会", "財団", "病院", "高校", "学校", "工業", "証券", "保険", "製作所",
    "本部", "支店", "省", "庁", "局", NULL};
/* Words that start a name inside a long kanji run: a break may come before them. */
static const char *const word_starts[] = {
    "大学院", "研究科", "研究所", "研究院", "研究室", "学部", "附属", "付属", "株式会社", NULL};

static bool starts_with(const char *s, const char *end, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(end - s) >= n && memcmp(s, w, n) == 0;
}

/* Does a word of `words` end at p (within [run, run_end))? Its start in *start. */
static bool word_ends_at(const char *run, const char *p, const char *const *words,
                         const char **start)
{
    for (size_t i = 0; words[i]; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(p - run) >= n && memcmp(p - n, words[i], n) == 0) {
            *start = p - n;
            return true;
        }
    }
    return false;
}

/* A break at p inside the kanji run [run, run_end): at a seam of known words, leaving at
 * least two characters on each side, and not inside a longer known word (大学|院). */
static bool kanji_seam(const char *run, const char *run_end, const char *p)
{
    size_t before = zy_utf8_length(run, (size_t)(p - run));
    size_t after = zy_utf8_length(p, (size_t)(run_end - p));
    if (before < 2 || after < 2 || before + after <= 5)
        return false; /* a short compound (北海道, 和歌山県) is never broken */
    const char *start;
    bool seam = false;
    if (word_ends_at(run, p, word_ends, &start)) {
        seam = true;
        /* 大学 at p but 大学院 from the same start: not a seam */
        for (size_t i = 0; word_ends[i] && seam; i++)
            if (strlen(word_ends[i]) > (size_t)(p - start) && starts_with(start, run_end, word_ends[i]) &&
                strncmp(word_ends[i], start, (size_t)(p - start)) == 0)
                seam = false;
    }
    for (size_t i = 0; word_starts[i] && !seam; i++)
        if (starts_with(p, run_end, word_starts[i]))
            seam = true;
    return seam;
}

static int32_t cp_at(const char *s, size_t len, size_t *n)
{
    int32_t cp = 0;
    *n = zy_utf8_next(s, len, &cp);
    return cp;
}

/* The code point ending at byte `at` of text (at > 0). */
static int32_t cp_before(const char *text, size_t at, size_t *start)
{
    size_t i = at - 1;
    while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80)
        i--;
    size_t n;
    *start = i;
    return cp_at(text + i, at - i, &n);
}

/* The run of characters of script s around byte at: [*from, *to). */
static void run_around(const char *text, size_t len, size_t at, script s, size_t *from, size_t *to)
{
    size_t a = at, b = at, start, n;
    while (a > 0 && script_of(cp_before(text, a, &start)) == s)
        a = start;
    while (b < len && script_of(cp_at(text + b, len - b, &n)) == s)
        b += n;
    *from = a;
    *to = b;
}

bool zy_text_break_allowed(const char *text, size_t at)
{
    size_t len = strlen(text), start, n;
    if (at == 0 || at >= len)
        return false;
    script a = script_of(cp_before(text, at, &start));
    script b = script_of(cp_at(text + at, len - at, &n));
    if (a == S_SPACE || b == S_SPACE)
        return true;
    if (a == S_OPEN || b == S_CLOSE)
        return false;
    if (a == S_CLOSE || b == S_OPEN)
        return true;
    if (a == b) {
        if (a != S_KANJI)
            return false; /* one katakana, Latin or hiragana word, one number */
        size_t from, to;
        run_around(text, len, at, S_KANJI, &from, &to);
        return kanji_seam(text + from, text + to, text + at);
    }
    if (a == S_DIGIT || b == S_DIGIT)
        return a == S_DIGIT ? b == S_LATIN : false; /* 2024年, 第3 stay whole */
    if (b == S_HIRAGANA)
        return false; /* okurigana and particles stay with their word */
    if (a == S_OTHER || b == S_OTHER)
        return false;
    return true; /* kanji ↔ katakana ↔ Latin, and after a particle */
}

char *zy_text_join_words(const char *text)
{
    size_t len = strlen(text);
    char *out = malloc(len * 4 + 1);
    if (!out)
        return NULL;
    if (len > 4096) { /* a label that long is cut anyway: Pango's breaks will do */
        memcpy(out, text, len + 1);
        return out;
    }
    size_t o = 0, n;
    for (size_t i = 0; i < len; i += n) {
        cp_at(text + i, len - i, &n);
        if (n == 0)
            n = 1;
        if (i > 0 && !zy_text_break_allowed(text, i)) {
            size_t from;
            int32_t prev = cp_before(text, i, &from);
            size_t m;
            int32_t next = cp_at(text + i, len - i, &m);
            /* only where Pango would break on its own: between CJK characters */
            if (prev >= 0x2E80 || next >= 0x2E80) {
                memcpy(out + o, "\xE2\x81\xA0", 3); /* U+2060 WORD JOINER */
                o += 3;
            }
        }
        memcpy(out + o, text + i, n);
        o += n;
    }
    out[o] = '\0';
    return out;
}
