/*
 * headline.h: the article's headline (zy_document.title, the chart's 出典 line), picked from
 * the head of a page whose first lines are often navigation and boilerplate: breadcrumbs
 * (ホーム > ニュース), lines of UI words (メニュー ログイン シェア), dates alone, photo
 * credits, advert notes, site names, and `headline | site` title tags.
 * May call: util, extract/normalize.
 */
#ifndef ZY_HEADLINE_H
#define ZY_HEADLINE_H

#include "extract/normalize.h"

/* Longest headline kept, in characters; a longer one is cut at a sentence end, between a
 * headline and its subheading, or after a comma, with "…" where words were dropped. */
#define ZY_HEADLINE_MAX_CHARS 60

/* The headline of the text norm was made from (bytes: that original text): the first of the
 * first lines that reads like one, else the first line that is not navigation, else the first
 * non-empty line; as a malloc'd copy of the original bytes (valid UTF-8), "" for a blank text.
 * NULL only when out of memory. */
char *zy_headline_pick(zy_norm_text *norm, const char *bytes);

#endif
