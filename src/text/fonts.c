/*
 * fonts.c: application fontconfig configuration and Pango context (see fonts.h).
 * The configuration is private to zuhyo: FcConfigParseAndLoad of fonts/fonts.conf, never
 * the user's ~/.config/fontconfig, so the same fonts give the same charts everywhere.
 * Families match by any of their names (a face has one per language). Faces are described
 * as JSON with file, version string and SHA-256 (GLib's checksum, FreeType's name table).
 */
#include "text/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/paths.h"
#include "util/utf8.h"

static bool dir_has_conf(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/fonts.conf", dir);
    return access(path, R_OK) == 0;
}

const char *zy_fonts_default_dir(void)
{
    return zy_paths_font_dir();
}

static zy_status add_font_dir(zy_diag *diag, FcConfig *config, const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return zy_diag_fail(diag, ZY_ERR_FONT, "font folder %s does not exist or is not a folder",
                            dir);
    if (!FcConfigAppFontAddDir(config, (const FcChar8 *)dir))
        return zy_diag_fail(diag, ZY_ERR_FONT, "could not read fonts from %s", dir);
    return ZY_OK;
}

/* The font fontconfig really picks for a request (a pattern to destroy), or NULL. */
static FcPattern *match_font(FcConfig *config, const char *request)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)request);
    if (!pat)
        return NULL;
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    FcPattern *match = FcFontMatch(config, pat, &result);
    FcPatternDestroy(pat);
    return match;
}

/* A string property of a pattern as a malloc'd copy, or NULL. */
static char *pattern_string(FcPattern *p, const char *object)
{
    FcChar8 *value = NULL;
    return FcPatternGetString(p, object, 0, &value) == FcResultMatch ? strdup((const char *)value)
                                                                      : NULL;
}

/* The family fontconfig really picks for a request, to warn when the face is absent. */
static char *matched_family(FcConfig *config, const char *family, char **file_out,
                            int *version_out)
{
    FcPattern *match = match_font(config, family);
    if (!match)
        return NULL;
    int version = 0;
    char *copy = pattern_string(match, FC_FAMILY);
    if (file_out)
        *file_out = pattern_string(match, FC_FILE);
    FcPatternGetInteger(match, FC_FONTVERSION, 0, &version);
    if (version_out)
        *version_out = version;
    FcPatternDestroy(match);
    return copy;
}

/* Is family one of the names of the font p (fonts carry one per language: "BIZ UDPGothic"
 * and "BIZ UDPゴシック" are the same face, and the locale decides which comes first)? */
static bool has_family_name(FcPattern *p, const char *family)
{
    FcChar8 *name;
    for (int i = 0; FcPatternGetString(p, FC_FAMILY, i, &name) == FcResultMatch; i++)
        if (strcasecmp((const char *)name, family) == 0)
            return true;
    return false;
}

zy_status zy_fonts_create(zy_diag *diag, const char *font_dir, const char *family,
                          zy_fonts **out)
{
    *out = NULL;
    zy_fonts *f = calloc(1, sizeof *f);
    if (!f)
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    f->family = strdup(family && *family ? family : ZY_DEFAULT_FAMILY);
    const char *env = getenv("ZUHYO_FONT_DIR");
    if (env && *env && !dir_has_conf(env)) { /* said, not silently replaced by another folder */
        zy_fonts_destroy(f);
        return zy_diag_fail(diag, ZY_ERR_FONT, "ZUHYO_FONT_DIR=%s: no readable fonts.conf there; "
                            "it must name the folder holding zuhyo's fonts.conf (or be unset)",
                            env);
    }
    const char *dir = zy_fonts_default_dir();
    size_t n = strlen(dir) + sizeof "/fonts.conf";
    f->conf_path = malloc(n);
    f->config = FcConfigCreate();
    if (!f->family || !f->conf_path || !f->config) {
        zy_fonts_destroy(f);
        return zy_diag_fail(diag, ZY_ERR_NOMEM, "out of memory");
    }
    snprintf(f->conf_path, n, "%s/fonts.conf", dir);
    if (!FcConfigParseAndLoad(f->config, (const FcChar8 *)f->conf_path, FcTrue)) {
        zy_status st = zy_diag_fail(diag, ZY_ERR_FONT,
                                    "%s: cannot load the font configuration (set ZUHYO_FONT_DIR "
                                    "to the folder holding zuhyo's fonts.conf)",
                                    f->conf_path);
        zy_fonts_destroy(f);
        return st;
    }
    zy_status st = add_font_dir(diag, f->config, dir);
    if (st == ZY_OK && font_dir)
        st = add_font_dir(diag, f->config, font_dir);
    if (st == ZY_OK && !FcConfigBuildFonts(f->config))
        st = zy_diag_fail(diag, ZY_ERR_FONT, "fontconfig could not build the font list");
    if (st) {
        zy_fonts_destroy(f);
        return st;
    }

    /* Is the face there at all? */
    FcPattern *got = match_font(f->config, f->family);
    if (!got) {
        zy_fonts_destroy(f);
        return zy_diag_fail(diag, ZY_ERR_FONT,
                            "no font found at all; install fonts-morisawa-bizud-gothic and "
                            "fonts-noto-cjk (scripts/demo does)");
    }
    char *asked = strdup(f->family), *colon = asked ? strchr(asked, ':') : NULL;
    if (colon)
        *colon = '\0'; /* "sans-serif:weight=bold" names the family sans-serif */
    if (asked && *asked && !has_family_name(got, asked)) {
        char *used = pattern_string(got, FC_FAMILY);
        zy_diag_warn(diag, "font family \"%s\" is not installed; using \"%s\"", f->family,
                     used ? used : "?");
        free(used);
    }
    free(asked);
    FcPatternDestroy(got);

    /* Characters the face and its fallbacks can draw. */
    FcPattern *pat = FcNameParse((const FcChar8 *)f->family);
    FcConfigSubstitute(f->config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    FcFontSet *set = FcFontSort(f->config, pat, FcTrue, &f->coverage, &result);
    FcPatternDestroy(pat);
    if (set)
        FcFontSetDestroy(set);

    f->font_map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!f->font_map) {
        zy_fonts_destroy(f);
        return zy_diag_fail(diag, ZY_ERR_FONT, "Pango has no FreeType font map");
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->font_map), f->config);
    f->pango = pango_font_map_create_context(f->font_map);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(f->pango, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(f->pango, FALSE);
    pango_context_set_language(f->pango, pango_language_from_string("ja"));
    *out = f;
    return ZY_OK;
}

void zy_fonts_destroy(zy_fonts *f)
{
    if (!f)
        return;
    if (f->pango)
        g_object_unref(f->pango);
    if (f->font_map)
        g_object_unref(f->font_map);
    if (f->coverage)
        FcCharSetDestroy(f->coverage);
    if (f->config)
        FcConfigDestroy(f->config);
    free(f->family);
    free(f->conf_path);
    free(f);
}

size_t zy_fonts_missing(const zy_fonts *f, const char *text, zy_buf *missing)
{
    size_t count = 0, len = strlen(text);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = zy_utf8_next(text + i, len - i, &cp);
        bool drawable = cp < 0x20 || cp == 0x7F || (cp >= 0x200B && cp <= 0x200F) ||
                        (f->coverage && FcCharSetHasChar(f->coverage, (FcChar32)cp));
        if (!drawable) {
            count++;
            if (missing) {
                zy_status st = zy_buf_printf(missing, "%sU+%04X '%.*s'", missing->len ? ", " : "",
                                             (unsigned)cp, (int)n, text + i);
                (void)st; /* a report cut short by memory is still a report */
            }
        }
        i += n;
    }
    return count;
}

zy_status zy_fonts_describe(const zy_fonts *f, zy_buf *out)
{
    zy_status st = zy_buf_printf(out, "configuration: %s\n", f->conf_path);
    const char *faces[] = {f->family, ZY_FALLBACK_FAMILY, "sans-serif:weight=bold"};
    for (size_t i = 0; st == ZY_OK && i < sizeof faces / sizeof faces[0]; i++) {
        char *file = NULL;
        int version = 0;
        char *family = matched_family(f->config, faces[i], &file, &version);
        st = zy_buf_printf(out, "face \"%s\" -> %s (%s, version %d.%03d)\n", faces[i],
                           family ? family : "NOT FOUND", file ? file : "no file",
                           version >> 16, ((version & 0xFFFF) * 1000) >> 16);
        free(family);
        free(file);
    }
    FcStrList *dirs = FcConfigGetFontDirs(f->config);
    FcChar8 *d;
    while (st == ZY_OK && dirs && (d = FcStrListNext(dirs)))
        st = zy_buf_printf(out, "font folder: %s\n", (const char *)d);
    if (dirs)
        FcStrListDone(dirs);
    const char *probe = "図表 企業価値 33億ドル 清華大学";
    zy_buf miss;
    zy_buf_init(&miss, 0);
    size_t n = zy_fonts_missing(f, probe, &miss);
    if (st == ZY_OK)
        st = zy_buf_printf(out, "Japanese coverage: %s\n",
                           n == 0 ? "ok" : (miss.data ? miss.data : "missing"));
    zy_buf_free(&miss);
    return st;
}

/* ---- Faces as JSON: what `doctor --json` prints and `render` records next to its outputs */

/* s as a JSON string (quotes, backslashes and control characters escaped). */
static zy_status put_json_string(zy_buf *out, const char *s)
{
    zy_status st = zy_buf_putc(out, '"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); st == ZY_OK && *p; p++)
        st = *p == '"' || *p == '\\' ? zy_buf_printf(out, "\\%c", *p)
             : *p < 0x20            ? zy_buf_printf(out, "\\u%04x", *p)
                                    : zy_buf_putc(out, (char)*p);
    return st ? st : zy_buf_putc(out, '"');
}

/* SHA-256 of a file in hex (malloc'd), or NULL when it cannot be read. */
static char *file_sha256(const char *path)
{
    FILE *fp = path ? fopen(path, "rb") : NULL;
    if (!fp)
        return NULL;
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    unsigned char block[1 << 16];
    size_t n;
    while ((n = fread(block, 1, sizeof block, fp)) > 0)
        g_checksum_update(sum, block, (gssize)n);
    bool ok = !ferror(fp);
    fclose(fp);
    char *hex = ok ? strdup(g_checksum_get_string(sum)) : NULL;
    g_checksum_free(sum);
    return hex;
}

/* The font's own version string (name table entry 5, "Version 1.05"), malloc'd, or NULL. */
static char *face_version_string(FT_Library lib, const char *file, int index)
{
    FT_Face face;
    if (!lib || !file || FT_New_Face(lib, file, index, &face) != 0)
        return NULL;
    char *text = NULL;
    FT_UInt count = FT_Get_Sfnt_Name_Count(face);
    for (FT_UInt i = 0; i < count && !text; i++) {
        FT_SfntName name;
        if (FT_Get_Sfnt_Name(face, i, &name) != 0 || name.name_id != TT_NAME_ID_VERSION_STRING)
            continue;
        bool wide = name.platform_id == TT_PLATFORM_MICROSOFT || name.platform_id == TT_PLATFORM_APPLE_UNICODE;
        text = malloc(name.string_len + 1);
        size_t k = 0;
        for (FT_UInt j = wide ? 1 : 0; text && j < name.string_len; j += wide ? 2 : 1)
            if (name.string[j] >= 0x20 && name.string[j] < 0x7F && (!wide || name.string[j - 1] == 0))
                text[k++] = (char)name.string[j]; /* version strings are ASCII */
        if (text)
            text[k] = '\0';
    }
    FT_Done_Face(face);
    return text;
}

/* SHA-256 of files already hashed: a collection (.ttc) holds many faces of one file. */
typedef struct sha_cache {
    char *file[64], *sha[64];
    size_t n;
} sha_cache;

static const char *cached_sha256(sha_cache *cache, const char *file)
{
    for (size_t i = 0; file && i < cache->n; i++)
        if (strcmp(cache->file[i], file) == 0)
            return cache->sha[i];
    char *sha = file_sha256(file);
    if (!sha || cache->n == 64 || !(cache->file[cache->n] = strdup(file))) {
        free(sha);
        return NULL;
    }
    cache->sha[cache->n++] = sha;
    return sha;
}

static void sha_cache_free(sha_cache *cache)
{
    for (size_t i = 0; i < cache->n; i++)
        free(cache->file[i]), free(cache->sha[i]);
}

/* One face as a JSON object: request (NULL: none), family, style, file, version, sha256. */
static zy_status put_face(zy_buf *out, FT_Library lib, sha_cache *cache, const char *request,
                          FcPattern *p)
{
    FcChar8 *family = NULL, *style = NULL, *file = NULL;
    int index = 0, version = 0;
    FcPatternGetString(p, FC_FAMILY, 0, &family);
    FcPatternGetString(p, FC_STYLE, 0, &style);
    FcPatternGetString(p, FC_FILE, 0, &file);
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    FcPatternGetInteger(p, FC_FONTVERSION, 0, &version);
    char *text = face_version_string(lib, (const char *)file, index);
    const char *sha = cached_sha256(cache, (const char *)file);
    char fallback[32];
    snprintf(fallback, sizeof fallback, "%d.%03d", version >> 16, ((version & 0xFFFF) * 1000) >> 16);
    zy_status st = zy_buf_puts(out, "{");
    if (st == ZY_OK && request) {
        st = zy_buf_puts(out, "\"request\": ");
        st = st ? st : put_json_string(out, request);
        st = st ? st : zy_buf_puts(out, ", ");
    }
    const char *keys[] = {"family", "style", "file", "version", "sha256"};
    const char *values[] = {(const char *)family, (const char *)style, (const char *)file,
                            text ? text : fallback, sha};
    for (size_t i = 0; st == ZY_OK && i < 5; i++) {
        st = zy_buf_printf(out, "%s\"%s\": ", i ? ", " : "", keys[i]);
        st = st ? st : values[i] ? put_json_string(out, values[i]) : zy_buf_puts(out, "null");
    }
    if (st == ZY_OK)
        st = zy_buf_printf(out, ", \"index\": %d}", index);
    free(text);
    return st;
}

zy_status zy_fonts_faces_json(const zy_fonts *f, bool every, zy_buf *out)
{
    FT_Library lib = NULL;
    if (FT_Init_FreeType(&lib) != 0)
        lib = NULL;
    sha_cache cache = {.n = 0};
    zy_status st = zy_buf_puts(out, "[");
    const char *requests[] = {f->family, ZY_FALLBACK_FAMILY, "sans-serif:weight=bold"};
    size_t n = 0;
    for (size_t i = 0; st == ZY_OK && !every && i < sizeof requests / sizeof requests[0]; i++) {
        FcPattern *match = match_font(f->config, requests[i]);
        if (!match)
            continue;
        st = zy_buf_puts(out, n++ ? ",\n  " : "\n  ");
        st = st ? st : put_face(out, lib, &cache, requests[i], match);
        FcPatternDestroy(match);
    }
    FcSetName sets[] = {FcSetSystem, FcSetApplication};
    for (size_t s = 0; st == ZY_OK && every && s < 2; s++) {
        FcFontSet *set = FcConfigGetFonts(f->config, sets[s]);
        for (int i = 0; st == ZY_OK && set && i < set->nfont; i++) {
            st = zy_buf_puts(out, n++ ? ",\n  " : "\n  ");
            st = st ? st : put_face(out, lib, &cache, NULL, set->fonts[i]);
        }
    }
    if (st == ZY_OK)
        st = zy_buf_puts(out, n ? "\n]" : "]");
    if (lib)
        FT_Done_FreeType(lib);
    sha_cache_free(&cache);
    return st;
}
