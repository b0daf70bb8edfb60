/*
 * normalize.c: offset-keeping NFKC (see normalize.h). Hiragana, katakana and CJK ideographs
 * are NFKC-stable and copied as they are; other non-ASCII code points go through utf8proc.
 */
#include "extract/normalize.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/utf8.h"

static bool nfkc_stable(int32_t cp)
{
    return (cp >= 0x3041 && cp <= 0x30FE && cp != 0x309B && cp != 0x309C && cp != 0x309F) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           cp == 0x3001 || cp == 0x3002 || (cp >= 0x300C && cp <= 0x300F);
}

/* Room for need normalised bytes (and the NUL). */
static zy_status reserve(zy_norm_text *out, size_t need)
{
    if (need <= out->cap)
        return ZY_OK;
    size_t cap = out->cap ? out->cap : 4096;
    while (cap < need) {
        if (cap > ((size_t)1 << 40))
            return ZY_ERR_NOMEM;
        cap *= 2;
    }
    char *text = realloc(out->text, cap + 1);
    if (!text)
        return ZY_ERR_NOMEM;
    out->text = text;
    out->cap = cap;
    return ZY_OK;
}

/* Record that normalised byte o comes from input byte i (the map said otherwise). */
static zy_status push_edit(zy_norm_text *out, size_t o, size_t i)
{
    if (out->nedits == out->edit_cap) {
        size_t cap = out->edit_cap ? out->edit_cap * 2 : 256;
        zy_norm_edit *grown = realloc(out->edits, cap * sizeof *grown);
        if (!grown)
            return ZY_ERR_NOMEM;
        out->edits = grown;
        out->edit_cap = cap;
    }
    out->edits[out->nedits++] = (zy_norm_edit){(uint32_t)o, (uint32_t)i};
    return ZY_OK;
}

/* Normalised byte o comes from input byte i: an edit unless the map already says so. `shift`
 * is orig - norm of the last edit (input bytes only grow faster than normalised ones by
 * skipping, so it is kept as a signed difference). */
#define MAP_TO(o, i)                                                                          \
    ((ptrdiff_t)(i) - (ptrdiff_t)(o) == shift                                                 \
         ? ZY_OK                                                                              \
         : (shift = (ptrdiff_t)(i) - (ptrdiff_t)(o), push_edit(out, (o), (i))))

size_t zy_norm_orig(zy_norm_text *t, size_t pos)
{
    size_t lo = 0, hi = t->nedits; /* the last edit with norm <= pos */
    size_t h = t->hint < t->nedits ? t->hint : 0;
    if (h > 0 && t->edits[h].norm > pos && t->edits[h - 1].norm <= pos)
        h--; /* just before the hint: a figure's sentence starts a little before it */
    if (t->edits[h].norm <= pos) {
        lo = h; /* usually pos is in this edit's stretch or the next one's */
        if (h + 1 < t->nedits && t->edits[h + 1].norm <= pos) {
            lo = h + 1;
            if (h + 2 >= t->nedits || t->edits[h + 2].norm > pos)
                hi = h + 2;
        } else {
            hi = h + 1;
        }
    }
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->edits[mid].norm <= pos)
            lo = mid;
        else
            hi = mid;
    }
    t->hint = lo;
    return t->edits[lo].orig + (pos - t->edits[lo].norm);
}

/* The NFKC form of a code point that is not stable, into piece (32 bytes); its length. */
static size_t nfkc_piece(int32_t cp, const char *bytes, size_t n, char piece[32])
{
    if (cp == 0x301C || cp == 0xFF5E || cp == 0x223C) {
        piece[0] = '~';
        return 1;
    }
    if (cp == 0x2212 || cp == 0x2013 || cp == 0x2014 || cp == 0x2010 || cp == 0x2011) {
        piece[0] = '-';
        return 1;
    }
    utf8proc_uint8_t *mapped = NULL;
    char one[8];
    size_t olen = zy_utf8_encode(cp, one);
    one[olen] = '\0';
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)one, (utf8proc_ssize_t)olen,
                                      &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    size_t plen;
    if (m > 0 && (size_t)m < 32) {
        memcpy(piece, mapped, (size_t)m);
        plen = (size_t)m;
    } else {
        memcpy(piece, bytes, n);
        plen = n;
    }
    free(mapped);
    return plen;
}

/* Is E3 c1 c2 (U+3000..U+3FFF) left as it is by NFKC (see nfkc_stable)? */
static bool e3_stable(unsigned char c1, unsigned char c2)
{
    if (c1 >= 0x90) /* U+3400.. */
        return true;
    if (c1 == 0x80) /* 、。「」『』 */
        return c2 == 0x81 || c2 == 0x82 || (c2 >= 0x8C && c2 <= 0x8F);
    if (c1 == 0x81) /* U+3040 is not assigned */
        return c2 != 0x80;
    if (c1 == 0x82) /* ゛゜ and ゟ (より) */
        return c2 != 0x9B && c2 != 0x9C && c2 != 0x9F;
    return c1 == 0x83 && c2 != 0xBF; /* ヿ (コト) */
}

/* Length of the longest prefix of in[0..n) that NFKC leaves as it is and that maps byte for
 * byte: ASCII other than CR and NUL, kana and the common ideographs. Most of a Japanese
 * article is such runs, so this loop is the normaliser's hot path. */
static size_t stable_run(const unsigned char *in, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = in[i];
        if (c < 0x80) {
            if (c == '\r' || c == '\0')
                break;
            i++;
            continue;
        }
        if (i + 2 >= n)
            break;
        unsigned c1 = in[i + 1], c2 = in[i + 2];
        if (((c1 ^ 0x80) | (c2 ^ 0x80)) > 0x3F) /* not two continuation bytes */
            break;
        /* E5..E9: U+5000..U+9FFF; E4: U+4000..U+4FFF but for U+4DC0..U+4DFF */
        if ((unsigned)(c - 0xE5) <= 0xE9 - 0xE5 || (c == 0xE4 && c1 != 0xB7) ||
            (c == 0xE3 && e3_stable((unsigned char)c1, (unsigned char)c2))) {
            i += 3;
            continue;
        }
        break;
    }
    return i;
}

/* Worst growth of one input character: NFKC pieces are cut at 31 bytes. */
#define PIECE_MAX 32

zy_status zy_normalize(zy_diag *diag, const char *name, const char *bytes, size_t len,
                       size_t base_offset, zy_norm_text *out)
{
    out->len = 0;
    out->invalid = 0;
    out->nedits = 0;
    out->hint = 0;
    bool nul = false;
    zy_status st = reserve(out, len + PIECE_MAX);
    ptrdiff_t shift = 0;
    if (st == ZY_OK)
        st = push_edit(out, 0, 0);
    size_t i = 0, o = 0;
    while (st == ZY_OK && i < len) {
        if (o + PIECE_MAX + (len - i) > out->cap && (st = reserve(out, o + PIECE_MAX + (len - i))) != ZY_OK)
            break;
        char *text = out->text;
        size_t run = stable_run((const unsigned char *)bytes + i, len - i);
        if (run > 0) { /* copied as it is: one map entry for the whole run */
            if ((st = MAP_TO(o, i)) != ZY_OK)
                break;
            memcpy(text + o, bytes + i, run);
            i += run;
            o += run;
            if (i == len)
                break;
        }
        unsigned char c = (unsigned char)bytes[i];
        if (c < 0x80) {
            if (c == '\r' && i + 1 < len && bytes[i + 1] == '\n') {
                i++;
                continue;
            }
            if (c == '\0' || c == '\r') {
                nul |= c == '\0';
                c = c == '\r' ? '\n' : ' ';
            }
            text[o] = (char)c;
            st = MAP_TO(o, i);
            o++;
            i++;
            continue;
        }
        int32_t cp;
        size_t n;
        unsigned char c1 = i + 1 < len ? (unsigned char)bytes[i + 1] : 0;
        unsigned char c2 = i + 2 < len ? (unsigned char)bytes[i + 2] : 0;
        if (c >= 0xE1 && c <= 0xEC && (c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
            /* the common three-byte case, decoded inline (no surrogates in this range) */
            cp = ((int32_t)(c & 0x0F) << 12) | ((int32_t)(c1 & 0x3F) << 6) | (c2 & 0x3F);
            n = 3;
        } else {
            n = zy_utf8_next(bytes + i, len - i, &cp);
        }
        if (cp == 0xFFFD && n == 1 && !(len - i >= 3 && memcmp(bytes + i, "\xEF\xBF\xBD", 3) == 0)) {
            if (out->invalid++ < 5)
                zy_diag_warn(diag, "%s: invalid UTF-8 byte 0x%02X at offset %zu skipped", name, c,
                             base_offset + i);
            i++;
            continue;
        }
        if (cp == 0xFEFF) { /* BOM, or a zero-width no-break space */
            i += n;
            continue;
        }
        if (nfkc_stable(cp)) {
            for (size_t k = 0; k < n; k++) /* not memcpy: n is 2 to 4 */
                text[o + k] = bytes[i + k];
            st = MAP_TO(o, i);
            o += n;
            i += n;
            continue;
        }
        char piece[PIECE_MAX];
        size_t plen = nfkc_piece(cp, bytes + i, n, piece);
        for (size_t k = 0; k < plen && st == ZY_OK; k++) {
            text[o] = piece[k];
            /* every byte of the piece comes from the one character */
            if (((unsigned char)piece[k] & 0xC0) != 0x80)
                st = MAP_TO(o, i);
            o++;
        }
        i += n;
    }
    if (st == ZY_OK)
        st = MAP_TO(o, len);
    if (st) {
        zy_norm_text_free(out);
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "%s: out of memory while normalising", name);
    }
    out->text[o] = '\0';
    out->len = o;
    out->clean = out->invalid == 0 && !nul;
    return ZY_OK;
}

void zy_norm_text_free(zy_norm_text *t)
{
    free(t->text);
    free(t->edits);
    memset(t, 0, sizeof *t);
}
