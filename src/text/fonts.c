/*
 * fonts.c: application fontconfig configuration and Pango context (see fonts.h).
 * The configuration is private to zuhyo: FcConfigParseAndLoad of fonts/fonts.conf, never
 * the user's ~/.config/fontconfig, so the same fonts give the same charts everywhere.
 */
#include "text/fonts.h"

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

/* The family fontconfig really picks for a request, to warn when the face is absent. */
static char *matched_family(FcConfig *config, const char *family, char **file_out,
                            int *version_out)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)family);
    if (!pat)
        return NULL;
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    FcPattern *match = FcFontMatch(config, pat, &result);
    FcPatternDestroy(pat);
    if (!match)
        return NULL;
    FcChar8 *name = NULL, *file = NULL;
    int version = 0;
    char *copy = NULL;
    if (FcPatternGetString(match, FC_FAMILY, 0, &name) == FcResultMatch)
        copy = strdup((const char *)name);
    if (file_out) {
        *file_out = NULL;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
            *file_out = strdup((const char *)file);
    }
    FcPatternGetInteger(match, FC_FONTVERSION, 0, &version);
    if (version_out)
        *version_out = version;
    FcPatternDestroy(match);
    return copy;
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
    char *got = matched_family(f->config, f->family, NULL, NULL);
    if (!got) {
        zy_fonts_destroy(f);
        return zy_diag_fail(diag, ZY_ERR_FONT,
                            "no font found at all; install fonts-morisawa-bizud-gothic and "
                            "fonts-noto-cjk (scripts/demo does)");
    }
    if (strcasecmp(got, f->family) != 0)
        zy_diag_warn(diag, "font family \"%s\" is not installed; using \"%s\"", f->family, got);
    free(got);

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
