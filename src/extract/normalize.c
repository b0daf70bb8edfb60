/*
 * normalize.c: offset-keeping NFKC (see normalize.h). Hiragana, katakana and CJK ideographs
 * are NFKC-stable and copied as they are; other non-ASCII code points go through utf8proc.
 */
#include "extract/normalize.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/utf8.h"

static bool nfkc_stable(int32_t cp)
{
    return (cp >= 0x3041 && cp <= 0x30FF && cp != 0x309B && cp != 0x309C) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           cp == 0x3001 || cp == 0x3002 || (cp >= 0x300C && cp <= 0x300F);
}

zy_status zy_normalize(zy_diag *diag, const char *name, const char *bytes, size_t len,
                       size_t base_offset, zy_norm_text *out)
{
    memset(out, 0, sizeof *out);
    zy_buf text, map;
    zy_buf_init(&text, 0);
    zy_buf_init(&map, 0);
    zy_status st = zy_buf_reserve(&text, len + 16);
    if (st == ZY_OK)
        st = zy_buf_reserve(&map, (len + 16) * sizeof(uint32_t));
    size_t i = 0;
    uint32_t *offs = NULL;
    while (st == ZY_OK && i < len) {
        unsigned char c = (unsigned char)bytes[i];
        /* room for the worst case of one code point; map.len stays 0, its bytes are ours */
        if (text.len + 64 >= text.cap && (st = zy_buf_reserve(&text, 64 + text.len / 2)) != ZY_OK)
            break;
        if ((st = zy_buf_reserve(&map, text.cap * sizeof(uint32_t))) != ZY_OK)
            break;
        offs = (uint32_t *)(void *)map.data;
        if (c < 0x80) {
            if (c == '\r' && i + 1 < len && bytes[i + 1] == '\n') {
                i++;
                continue;
            }
            if (c == '\0' || c == '\r')
                c = c == '\r' ? '\n' : ' ';
            offs[text.len] = (uint32_t)i;
            text.data[text.len++] = (char)c;
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
            for (size_t k = 0; k < n; k++) {
                offs[text.len] = (uint32_t)i;
                text.data[text.len++] = bytes[i + k];
            }
            i += n;
            continue;
        }
        char piece[32];
        size_t plen;
        if (cp == 0x301C || cp == 0xFF5E || cp == 0x223C) {
            piece[0] = '~';
            plen = 1;
        } else if (cp == 0x2212 || cp == 0x2013 || cp == 0x2014 || cp == 0x2010 || cp == 0x2011) {
            piece[0] = '-';
            plen = 1;
        } else {
            utf8proc_uint8_t *mapped = NULL;
            char one[8];
            size_t olen = zy_utf8_encode(cp, one);
            one[olen] = '\0';
            utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)one, (utf8proc_ssize_t)olen,
                                              &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
            if (m > 0 && (size_t)m < sizeof piece) {
                memcpy(piece, mapped, (size_t)m);
                plen = (size_t)m;
            } else {
                memcpy(piece, bytes + i, n);
                plen = n;
            }
            free(mapped);
        }
        for (size_t k = 0; k < plen; k++) {
            offs[text.len] = (uint32_t)i;
            text.data[text.len++] = piece[k];
        }
        i += n;
    }
    if (st == ZY_OK)
        st = zy_buf_reserve(&map, (text.len + 1) * sizeof(uint32_t));
    if (st) {
        zy_buf_free(&text);
        zy_buf_free(&map);
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "%s: out of memory while normalising", name);
    }
    offs = (uint32_t *)(void *)map.data;
    offs[text.len] = (uint32_t)len;
    text.data[text.len] = '\0';
    out->len = text.len;
    out->text = zy_buf_steal(&text, NULL);
    out->orig = (uint32_t *)(void *)zy_buf_steal(&map, NULL);
    return ZY_OK;
}

void zy_norm_text_free(zy_norm_text *t)
{
    free(t->text);
    free(t->orig);
    memset(t, 0, sizeof *t);
}
