/*
 * breaks.h: where a Japanese label may break across lines. Pango alone breaks between any two
 * ideographs (研究/科, 和歌/山県); these phrase rules keep words whole: never inside a kanji
 * compound, a katakana word, a Latin word or a number with its counter; a line may break at
 * spaces, at a change of script (kanji ↔ katakana, Latin ↔ kana), after a particle (hiragana
 * before a new word), and inside a long kanji run only at the seams of known words
 * (…大学|大学院|…学系|研究科). The result is the label with U+2060 WORD JOINER between the
 * characters that must stay together, for Pango's word wrapping (which falls back to
 * character breaks only when one word is wider than the line).
 * May call: util (utf8), libc.
 */
#ifndef ZY_TEXT_BREAKS_H
#define ZY_TEXT_BREAKS_H

#include <stdbool.h>
#include <stddef.h>

/* text (UTF-8) with word joiners where a break is not allowed; malloc'd, NULL when out of
 * memory. */
char *zy_text_join_words(const char *text);

/* May a line break between the character ending at byte `at` and the one starting there?
 * (for tests; at is a character boundary inside text) */
bool zy_text_break_allowed(const char *text, size_t at);

#endif
