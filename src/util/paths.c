/*
 * paths.c: where zuhyo's fonts and data are (see paths.h). The folders are looked for once,
 * from the running program's own place: /proc/self/exe for the executable, dladdr for the
 * shared library this code sits in. Calls only libc.
 */
#define _GNU_SOURCE /* dladdr */
#include "util/paths.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Set by CMake; the fallbacks keep a hand-made build compiling. */
#ifndef ZUHYO_BUILD_DIR
#define ZUHYO_BUILD_DIR ""
#endif
#ifndef ZUHYO_BIN_TO_DATA
#define ZUHYO_BIN_TO_DATA "../share" /* bindir → datadir, relative */
#endif
#ifndef ZUHYO_LIB_TO_DATA
#define ZUHYO_LIB_TO_DATA "../share" /* libdir → datadir, relative */
#endif

/* One kind of folder: the file that marks it, where it sits in the source tree and below
 * datadir, the environment variable that overrides it, and what was found. */
typedef struct {
    const char *marker;     /* "fonts.conf" */
    const char *source_dir; /* the source tree's folder (absolute) */
    const char *share_sub;  /* below datadir: "zuhyo/fonts" */
    const char *install_dir; /* datadir/zuhyo/fonts as configured (absolute) */
    char found[PATH_MAX];   /* the folder chosen when the environment says nothing */
} zy_data_place;

static zy_data_place font_place = {"fonts.conf", ZUHYO_SOURCE_FONT_DIR, "zuhyo/fonts",
                                   ZUHYO_INSTALL_FONT_DIR, ""};
static zy_data_place data_place = {"entities.tsv", ZUHYO_SOURCE_DATA_DIR, "zuhyo/data",
                                   ZUHYO_INSTALL_DATA_DIR, ""};
static pthread_once_t places_once = PTHREAD_ONCE_INIT;

static bool dir_has(const char *dir, const char *name)
{
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/%s", dir, name);
    return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

/* The folder part of an absolute file name, into out (PATH_MAX bytes). */
static bool folder_of(const char *file, char *out)
{
    char resolved[PATH_MAX];
    if (!realpath(file, resolved))
        return false;
    char *slash = strrchr(resolved, '/');
    if (!slash)
        return false;
    *slash = '\0';
    snprintf(out, PATH_MAX, "%s", *resolved ? resolved : "/");
    return true;
}

static bool executable_folder(char *out)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    return folder_of(exe, out);
}

/* The folder of the file holding this code: libzuhyo.so, or the executable when linked
 * statically. */
static bool library_folder(char *out)
{
    Dl_info info;
    if (!dladdr((void *)&zy_paths_font_dir, &info) || !info.dli_fname || info.dli_fname[0] != '/')
        return false;
    return folder_of(info.dli_fname, out);
}

/* Is this the build folder the program (or libzuhyo.so) was built in: not installed, not copied? */
static bool in_build_tree(const char *exe_dir)
{
    char build[PATH_MAX];
    return *ZUHYO_BUILD_DIR && realpath(ZUHYO_BUILD_DIR, build) && strcmp(build, exe_dir) == 0;
}

/* base/rel/place->share_sub, when it holds the marker: the absolute folder into place. */
static bool try_share(zy_data_place *place, const char *base, const char *rel)
{
    char dir[PATH_MAX];
    int n = snprintf(dir, sizeof dir, "%s/%s/%s", base, rel, place->share_sub);
    if (n <= 0 || (size_t)n >= sizeof dir || !dir_has(dir, place->marker))
        return false;
    return realpath(dir, place->found) != NULL;
}

static void find_place(zy_data_place *place, const char *exe_dir, const char *lib_dir)
{
    bool from_build = (*exe_dir && in_build_tree(exe_dir)) || (*lib_dir && in_build_tree(lib_dir));
    if (from_build && dir_has(place->source_dir, place->marker)) {
        snprintf(place->found, sizeof place->found, "%s", place->source_dir);
        return;
    }
    if (*exe_dir && try_share(place, exe_dir, ZUHYO_BIN_TO_DATA))
        return;
    if (*lib_dir && strcmp(lib_dir, exe_dir) != 0 && try_share(place, lib_dir, ZUHYO_LIB_TO_DATA))
        return;
    snprintf(place->found, sizeof place->found, "%s", place->install_dir);
}

static void find_places(void)
{
    char exe_dir[PATH_MAX] = "", lib_dir[PATH_MAX] = "";
    if (!executable_folder(exe_dir))
        exe_dir[0] = '\0';
    if (!library_folder(lib_dir))
        lib_dir[0] = '\0';
    find_place(&font_place, exe_dir, lib_dir);
    find_place(&data_place, exe_dir, lib_dir);
}

const char *zy_paths_font_dir(void)
{
    const char *env = getenv("ZUHYO_FONT_DIR");
    static char absolute[PATH_MAX];
    /* fontconfig wants absolute folders */
    if (env && *env && dir_has(env, font_place.marker) && realpath(env, absolute))
        return absolute;
    pthread_once(&places_once, find_places);
    return font_place.found;
}

const char *zy_paths_data_dir(void)
{
    const char *env = getenv("ZUHYO_DATA_DIR");
    if (env && *env)
        return env;
    pthread_once(&places_once, find_places);
    return data_place.found;
}
