/*
 * source.c: text files read as UTF-8, transcoding UTF-16, EUC-JP and Shift_JIS with iconv
 * (see source.h).
 */
#include "util/source.h"

#include <errno.h>
#include <iconv.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/file.h"

#define SAMPLE ((size_t)64 << 10)

struct zy_source {
    zy_diag *diag;
    const char *path;
    volatile const int *interrupted;
    int fd;
    bool regular;        /* a regular file: reads never wait */
    bool eof;
    const char *encoding;/* NULL: bytes passed on */
    iconv_t cd;
    size_t invalid;      /* sequences iconv could not read, skipped */
    char in[SAMPLE];     /* raw bytes not handed on yet */
    size_t in_start, in_len;
    char pending[8];     /* converted bytes not handed on yet (a read of less than a character) */
    size_t pending_start, pending_len;
};

/* ---- guessing the encoding ---- */

/* Counts of well-formed multi-byte UTF-8 sequences and of bytes that start none. */
static void utf8_counts(const unsigned char *s, size_t len, size_t *valid, size_t *invalid)
{
    *valid = *invalid = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 1) {
            i++;
            continue;
        }
        if (n == 0) {
            (*invalid)++;
            i++;
            continue;
        }
        if (i + n > len) /* cut by the end of the sample */
            break;
        size_t k = 1;
        while (k < n && (s[i + k] & 0xC0) == 0x80)
            k++;
        if (k == n) {
            (*valid)++;
            i += n;
        } else {
            (*invalid)++;
            i++;
        }
    }
}

/* Does bytes[0..len) read as Japanese in encoding: no invalid sequence (one cut by the end of
 * the sample is fine), and kana among the characters beyond ASCII (at least two, and one in
 * twenty), as any Japanese text has; a stray Latin-1 letter that happens to pair with the next
 * byte does not. */
static bool japanese_in(const char *encoding, const char *bytes, size_t len)
{
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1)
        return false;
    char out[4096];
    char *in = (char *)bytes;
    size_t left = len, kana = 0, wide = 0;
    bool ok = true;
    while (left && ok) {
        char *o = out;
        size_t room = sizeof out;
        if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) {
            ok = errno == EINVAL; /* incomplete at the end */
            left = 0;
        }
        for (const unsigned char *p = (const unsigned char *)out; p < (const unsigned char *)o; p++) {
            if (*p < 0xC0)
                continue; /* ASCII or a continuation byte */
            wide++;
            /* U+3040..U+30FF: E3 81 80 .. E3 83 BF */
            kana += *p == 0xE3 && p + 1 < (const unsigned char *)o && p[1] >= 0x81 && p[1] <= 0x83;
        }
    }
    iconv_close(cd);
    return ok && kana >= 2 && kana * 20 >= wide;
}

/* UTF-16 without a mark: NULs in one byte of most pairs that hold ASCII, never in the other. */
static const char *utf16_by_nuls(const unsigned char *s, size_t len)
{
    size_t even = 0, odd = 0;
    for (size_t i = 0; i + 1 < len; i += 2) {
        even += s[i] == 0;
        odd += s[i + 1] == 0;
    }
    size_t pairs = len / 2;
    if (pairs == 0)
        return NULL;
    if (odd >= 4 && odd * 8 >= pairs && even * 50 <= odd) /* a stray NUL or two is no pattern */
        return "UTF-16LE";
    if (even >= 4 && even * 8 >= pairs && odd * 50 <= even)
        return "UTF-16BE";
    return NULL;
}

/* Is a 16-bit unit what Japanese text in UTF-16 is mostly made of: ASCII text, CJK
 * punctuation, kana and ideographs, full-width forms? */
static bool plausible_unit(unsigned u)
{
    return (u >= 0x20 && u <= 0x7E) || u == '\n' || u == '\r' || u == '\t' ||
           (u >= 0x3000 && u <= 0x9FFF) || (u >= 0xFF00 && u <= 0xFFEF);
}

static bool kana_unit(unsigned u)
{
    return u >= 0x3000 && u <= 0x30FF; /* CJK punctuation, hiragana, katakana */
}

/* UTF-16 with few ASCII characters (so few NULs): nine units in ten plausible one way, and a
 * fifth of them kana or 、。 as Japanese has (ASCII pairs misread as units seldom are). */
static const char *utf16_by_units(const unsigned char *s, size_t len)
{
    size_t pairs = len / 2, le = 0, be = 0, le_kana = 0, be_kana = 0;
    if (pairs < 8)
        return NULL;
    for (size_t i = 0; i + 1 < len; i += 2) {
        unsigned l = (unsigned)s[i] | (unsigned)s[i + 1] << 8, b = (unsigned)s[i] << 8 | s[i + 1];
        le += plausible_unit(l);
        be += plausible_unit(b);
        le_kana += kana_unit(l);
        be_kana += kana_unit(b);
    }
    if (le * 10 >= pairs * 9 && le_kana * 5 >= pairs && le_kana > be_kana)
        return "UTF-16LE";
    if (be * 10 >= pairs * 9 && be_kana * 5 >= pairs && be_kana > le_kana)
        return "UTF-16BE";
    return NULL;
}

const char *zy_encoding_guess(const char *bytes, size_t len, size_t *bom_len)
{
    const unsigned char *s = (const unsigned char *)bytes;
    *bom_len = 0;
    if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        *bom_len = 2;
        return "UTF-16LE";
    }
    if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        *bom_len = 2;
        return "UTF-16BE";
    }
    const char *utf16 = utf16_by_nuls(s, len);
    if (utf16)
        return utf16;
    size_t valid, invalid;
    utf8_counts(s, len, &valid, &invalid);
    /* UTF-8 with a few stray bytes stays UTF-8 (they are skipped with a warning) */
    if (invalid == 0 || valid > invalid * 4)
        return NULL;
    const char *units = utf16_by_units(s, len);
    if (units)
        return units;
    /* EUC-JP first: its kana also read as Shift_JIS half-width katakana, not the reverse */
    if (japanese_in("EUC-JP", bytes, len))
        return "EUC-JP";
    if (japanese_in("CP932", bytes, len))
        return "Shift_JIS";
    return NULL;
}

/* iconv's name for an encoding named in messages. */
static const char *iconv_name(const char *encoding)
{
    return strcmp(encoding, "Shift_JIS") == 0 ? "CP932" : encoding;
}

char *zy_encoding_to_utf8(const char *bytes, size_t len, const char **encoding, size_t *out_len,
                          bool *failed)
{
    *failed = false;
    *out_len = 0;
    size_t bom;
    *encoding = zy_encoding_guess(bytes, len < SAMPLE ? len : SAMPLE, &bom);
    if (!*encoding)
        return NULL;
    iconv_t cd = iconv_open("UTF-8", iconv_name(*encoding));
    size_t cap = len * 2 + 16; /* UTF-16 → at most 1.5x, two-byte Japanese → 1.5x */
    char *out = cd == (iconv_t)-1 ? NULL : malloc(cap + 1);
    char *in = (char *)bytes + bom, *o = out;
    size_t left = len - bom, room = cap;
    if (!out || iconv(cd, &in, &left, &o, &room) == (size_t)-1) {
        free(out);
        out = NULL;
        *failed = true;
    } else {
        *out_len = (size_t)(o - out);
        out[*out_len] = '\0';
    }
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    return out;
}

/* ---- reading ---- */

/* Wait until fd can be read, giving up when interrupted; false then (the message set). */
static bool wait_readable(zy_source *src)
{
    for (;;) {
        if (src->interrupted && *src->interrupted) {
            zy_diag_fail(src->diag, ZY_ERR_IO, "%s: interrupted", src->path);
            return false;
        }
        struct pollfd p = {.fd = src->fd, .events = POLLIN};
        int n = poll(&p, 1, 100);
        if (n > 0 || (n < 0 && errno != EINTR))
            return true; /* the read tells what happened */
    }
}

/* Read raw bytes into src->in after what it holds; sets eof. */
static zy_status fill_raw(zy_source *src)
{
    if (src->in_start) {
        memmove(src->in, src->in + src->in_start, src->in_len);
        src->in_start = 0;
    }
    while (!src->eof && src->in_len < sizeof src->in) {
        if (!src->regular && !wait_readable(src))
            return ZY_ERR_IO;
        ssize_t n = read(src->fd, src->in + src->in_len, sizeof src->in - src->in_len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            continue;
        if (n < 0)
            return zy_diag_fail(src->diag, ZY_ERR_IO, "%s: cannot read: %s", src->path,
                                strerror(errno));
        if (n == 0)
            src->eof = true;
        src->in_len += (size_t)n;
        if (!src->regular && n > 0)
            break; /* hand on what a pipe gave; the sample is filled by the caller */
    }
    return ZY_OK;
}

/* Look at the first bytes and set up the transcoding they need. */
static zy_status sniff(zy_source *src)
{
    while (!src->eof && src->in_len < sizeof src->in) {
        zy_status st = fill_raw(src);
        if (st)
            return st;
    }
    size_t bom;
    src->encoding = zy_encoding_guess(src->in, src->in_len, &bom);
    if (!src->encoding)
        return ZY_OK;
    src->cd = iconv_open("UTF-8", iconv_name(src->encoding));
    if (src->cd == (iconv_t)-1)
        return zy_diag_fail(src->diag, ZY_ERR_IO, "%s: written in %s, which cannot be read here",
                            src->path, src->encoding);
    src->in_start = bom;
    src->in_len -= bom;
    zy_diag_warn(src->diag, "%s: written in %s, not UTF-8; converted to UTF-8 to read it "
                 "(offsets count the UTF-8 bytes)", src->path, src->encoding);
    return ZY_OK;
}

zy_status zy_source_open(zy_diag *diag, const char *path, volatile const int *interrupted,
                         zy_source **out)
{
    *out = NULL;
    int fd;
    zy_status st = zy_file_open_regular(diag, path, &fd);
    if (st)
        return st;
    zy_source *src = calloc(1, sizeof *src);
    if (!src) {
        if (fd != STDIN_FILENO)
            close(fd);
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    }
    src->diag = diag;
    src->path = path;
    src->interrupted = interrupted;
    src->fd = fd;
    src->cd = (iconv_t)-1;
    struct stat sb;
    src->regular = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode);
    st = sniff(src);
    if (st) {
        zy_source_close(src);
        return st;
    }
    *out = src;
    return ZY_OK;
}

/* Transcode what src->in holds into out; reads more when a sequence is cut. */
static zy_status read_converted(zy_source *src, char *out, size_t cap, size_t *got)
{
    char *o = out;
    size_t room = cap;
    while (room == cap) {
        if (src->in_len == 0 || (src->in_len < 8 && !src->eof)) {
            zy_status st = fill_raw(src);
            if (st)
                return st;
            if (src->in_len == 0)
                break;
        }
        char *in = src->in + src->in_start;
        size_t left = src->in_len;
        size_t r = iconv(src->cd, &in, &left, &o, &room);
        int err = errno;
        src->in_start += src->in_len - left;
        src->in_len = left;
        if (r != (size_t)-1 || err == E2BIG)
            continue;
        if (err == EINVAL && !src->eof) { /* cut at the end of what was read */
            zy_status st = fill_raw(src);
            if (st)
                return st;
            continue;
        }
        /* an invalid sequence (or one cut by the end of the file): skip a byte */
        if (src->invalid++ < 5)
            zy_diag_warn(src->diag, "%s: a byte that is not %s skipped", src->path, src->encoding);
        src->in_start++;
        src->in_len--;
    }
    *got = cap - room;
    return ZY_OK;
}

/* Hand on up to cap converted bytes, going through src->pending when cap is too small for a
 * whole character. */
static zy_status read_converted_any(zy_source *src, char *out, size_t cap, size_t *got)
{
    if (src->pending_len == 0 && cap >= sizeof src->pending)
        return read_converted(src, out, cap, got);
    if (src->pending_len == 0) {
        src->pending_start = 0;
        zy_status st = read_converted(src, src->pending, sizeof src->pending, &src->pending_len);
        if (st)
            return st;
    }
    size_t n = src->pending_len < cap ? src->pending_len : cap;
    memcpy(out, src->pending + src->pending_start, n);
    src->pending_start += n;
    src->pending_len -= n;
    *got = n;
    return ZY_OK;
}

zy_status zy_source_read(zy_source *src, char *out, size_t cap, size_t *got)
{
    *got = 0;
    if (cap == 0)
        return ZY_OK;
    if (src->encoding)
        return read_converted_any(src, out, cap, got);
    while (src->in_len == 0 && !src->eof) {
        zy_status st = fill_raw(src);
        if (st)
            return st;
    }
    size_t n = src->in_len < cap ? src->in_len : cap;
    memcpy(out, src->in + src->in_start, n);
    src->in_start += n;
    src->in_len -= n;
    if (src->in_len == 0)
        src->in_start = 0;
    if (n < cap && src->regular && !src->eof) { /* go on straight into out */
        while (n < cap) {
            ssize_t r = read(src->fd, out + n, cap - n);
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0)
                return zy_diag_fail(src->diag, ZY_ERR_IO, "%s: cannot read: %s", src->path,
                                    strerror(errno));
            if (r == 0) {
                src->eof = true;
                break;
            }
            n += (size_t)r;
        }
    }
    *got = n;
    return ZY_OK;
}

const char *zy_source_encoding(const zy_source *src)
{
    return src->encoding;
}

void zy_source_close(zy_source *src)
{
    if (!src)
        return;
    if (src->cd != (iconv_t)-1)
        iconv_close(src->cd);
    if (src->fd >= 0 && src->fd != STDIN_FILENO)
        close(src->fd);
    free(src);
}
