/*
 * paths.h: where zuhyo's fonts and data are: the folder holding fonts.conf and the folder
 * holding entities.tsv (and the rest of data/). A program run from the build tree it was
 * built in reads the source tree; an installed one reads share/zuhyo beside itself (or
 * beside libzuhyo.so), wherever the prefix was copied to; ZUHYO_FONT_DIR and ZUHYO_DATA_DIR
 * override both. Calls only libc.
 */
#ifndef ZY_PATHS_H
#define ZY_PATHS_H

/* The folder holding fonts.conf, absolute: $ZUHYO_FONT_DIR when it holds one, else the
 * source tree's fonts/ for a program in the build folder, else <exe dir>/../share/zuhyo/fonts
 * (or the same beside the shared library), else the folder chosen at configure time.
 * Never NULL; the text lives until the next call. */
const char *zy_paths_font_dir(void);

/* The folder holding entities.tsv, chosen the same way from $ZUHYO_DATA_DIR, the source
 * tree's data/ and share/zuhyo/data. Never NULL; the text lives until the next call. */
const char *zy_paths_data_dir(void);

#endif
