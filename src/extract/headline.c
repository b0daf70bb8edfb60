/*
 * headline.c: the headline of a page (see headline.h). The first lines are read one by one
 * and each is judged by its shape, never by its words alone:
 *   - navigation: breadcrumbs (items joined by >, ›, »), prev/next links (« … | … »), rows of
 *     short menu items, lines made only of UI words (メニュー, ログイン, シェア, PR);
 *   - boilerplate: a date alone, a photo credit or source note, an advert note, the issuer
 *     or addressee of a release (株式会社X, 報道関係者各位), a line
 *     without kana or kanji (URL pieces, bylines in Latin letters), a short link (…はこちら);
 *   - too short to be a headline (a site or column name: fewer than 8 characters).
 * The first line left is the headline; a `headline | site` title tag gives its headline part.
 * A leading date or a bracketed code (【25-19】) is dropped, a line wholly in 【】 unwrapped,
 * and a long line cut (ZY_HEADLINE_MAX_CHARS). Per-line work on the first lines only.
 */
#include "extract/headline.h"

#include <stdlib.h>
#include <string.h>

#include "extract/charset.h"
#include "util/utf8.h"

#define HEAD_LINES 24          /* non-empty lines looked at */
#define HEAD_BYTES 16384       /* and no further into the text */
#define MIN_HEADLINE_CHARS 8   /* shorter: a site, column or section name */
#define MAX_ITEMS 16
#define LINE_BYTES 1024        /* of a line, judged: a headline is never longer */

typedef struct span {
    size_t a, b; /* bytes [a, b) of the normalised text */
} span;

/* ---- characters ---- */

static bool is_kana_or_kanji(uint32_t cp)
{
    return (cp >= 0x3041 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005;
}

static size_t char_count(const char *t, span s)
{
    size_t n = 0;
    for (size_t i = s.a; i < s.b; n++) {
        size_t len;
        zy_char_at(t + i, &len);
        i += len;
    }
    return n;
}

static size_t kana_kanji_count(const char *t, span s)
{
    size_t n = 0;
    for (size_t i = s.a; i < s.b;) {
        size_t len;
        n += is_kana_or_kanji(zy_char_at(t + i, &len));
        i += len;
    }
    return n;
}

static span trim(const char *t, span s)
{
    while (s.a < s.b && (t[s.a] == ' ' || t[s.a] == '\t'))
        s.a++;
    while (s.b > s.a && (t[s.b - 1] == ' ' || t[s.b - 1] == '\t' || t[s.b - 1] == '\r'))
        s.b--;
    return s;
}

static bool span_is(const char *t, span s, const char *word)
{
    size_t n = strlen(word);
    return s.b - s.a == n && memcmp(t + s.a, word, n) == 0;
}

static bool starts_with(const char *t, span s, const char *word)
{
    size_t n = strlen(word);
    return s.b - s.a >= n && memcmp(t + s.a, word, n) == 0;
}

static bool ends_with(const char *t, span s, const char *word)
{
    size_t n = strlen(word);
    return s.b - s.a >= n && memcmp(t + s.b - n, word, n) == 0;
}

/* Offset of the first word in s, or s.b (memmem is not C17). */
static size_t find(const char *t, span s, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = s.a; i + n <= s.b; i++)
        if (t[i] == word[0] && memcmp(t + i, word, n) == 0)
            return i;
    return s.b;
}

static bool contains(const char *t, span s, const char *word)
{
    return find(t, s, word) < s.b;
}

/* ---- words of page furniture ---- */

/* Words that alone make a menu, a button or a link, never a headline. */
static const char *const ui_words[] = {
    "メインコンテンツへスキップ", "コンテンツへスキップ", "本文へスキップ", "本文へ移動",
    "メインメニュー", "メニュー", "MENU", "Menu", "ログイン", "ログアウト", "会員登録",
    "新規登録", "無料登録", "新規会員登録", "マイページ", "検索", "サイト内検索", "ホーム",
    "トップ", "トップページ", "TOP", "Top", "HOME", "Home", "メイン", "シェア", "ツイート",
    "ポスト", "いいね", "いいね!", "ブックマーク", "はてブ", "はてな", "印刷", "保存",
    "記事を保存", "フォロー", "PR", "AD", "広告", "スポンサーサイト", "スポンサードリンク",
    "スポンサーリンク", "閉じる", "目次", "記事一覧", "一覧", "戻る", "次へ", "前へ",
    "もっと見る", "続きを読む", "お問い合わせ", "サイトマップ", "通知", "コメント",
    "English", "日本語", "Facebook", "Twitter", "X", "LINE", "Pocket", "Instagram",
    "YouTube", "RSS", "会員限定", "有料会員限定", "無料会員限定", "NEW", "New",
};

static bool is_ui_word(const char *t, span s)
{
    for (size_t i = 0; i < sizeof ui_words / sizeof ui_words[0]; i++)
        if (span_is(t, s, ui_words[i]))
            return true;
    return false;
}

/* Is the line only UI words, however they are separated (spaces, |, /, ・, >), or a menu row:
 * three or more short items, one of them a UI word (メニュー 企業情報 IR情報 お問い合わせ)? */
static bool only_ui_words(const char *t, span s)
{
    size_t words = 0, ui = 0, short_words = 0;
    for (size_t i = s.a; i < s.b;) {
        size_t j = i;
        while (j < s.b && !strchr(" |/>,", t[j]) && !starts_with(t, (span){j, s.b}, "・"))
            j++;
        if (j > i) {
            ui += is_ui_word(t, (span){i, j});
            short_words += char_count(t, (span){i, j}) <= 8;
            words++;
        }
        i = j < s.b ? j + (starts_with(t, (span){j, s.b}, "・") ? strlen("・") : 1) : j;
    }
    return words > 0 && (ui == words || (words >= 3 && short_words == words && ui > 0));
}

/* A short line that is a link: 詳しくはこちら, 記事を読む, 一覧を見る (a column's title may end
 * in を読む too, so those links are short ones). */
static bool is_link_text(const char *t, span s)
{
    static const char *const endings[] = {"を見る", "を読む", "を表示"};
    size_t n = char_count(t, s);
    if (n <= 20 && ends_with(t, s, "こちら"))
        return true;
    for (size_t i = 0; n <= 8 && i < sizeof endings / sizeof endings[0]; i++)
        if (ends_with(t, s, endings[i]))
            return true;
    return false;
}

/* A note about adverts: 上記の広告は…表示されています, この記事には広告が含まれています. */
static bool is_advert_note(const char *t, span s)
{
    static const char *const verbs[] = {"表示され", "含まれ", "消せ", "掲載して", "を掲載", "を利用して"};
    if (!contains(t, s, "広告") && !contains(t, s, "アフィリエイト") && !contains(t, s, "スポンサー"))
        return false;
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (contains(t, s, verbs[i]))
            return true;
    return false;
}

/* A credit or a note: (写真:…), 写真=…, 出典:…, 文:…, a line wholly in parentheses, a caption
 * whose last parentheses credit a photo. */
static bool is_credit(const char *t, span s)
{
    static const char *const heads[] = {"写真", "画像", "撮影", "提供", "出典", "出所", "資料",
                                        "文", "筆者", "著者", "記者", "Photo", "Source", "By"};
    span inner = s;
    if (s.b - s.a >= 2 && t[s.a] == '(' && t[s.b - 1] == ')') {
        /* wholly in parentheses: a caption, a credit or a region tag, not a headline */
        size_t depth = 0;
        for (size_t i = s.a; i < s.b; i++) {
            depth += t[i] == '(';
            if (t[i] == ')' && --depth == 0 && i + 1 < s.b)
                break; /* closes before the end: (a) b (c) */
            if (i + 1 == s.b)
                return true;
        }
        inner = (span){s.a + 1, s.b - 1};
    }
    if (ends_with(t, s, ")")) {
        /* a photo caption: …人たち。(3月3日撮影、X=Y) */
        size_t open = s.b;
        while (open > s.a && t[open - 1] != '(')
            open--;
        span last = {open, s.b};
        if (open > s.a && (contains(t, last, "撮影") || contains(t, last, "写真") ||
                           contains(t, last, "提供") || contains(t, last, "Photo")))
            return true;
    }
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        span rest = {inner.a + strlen(heads[i]), inner.b};
        if (starts_with(t, inner, heads[i]) && rest.a < rest.b &&
            (t[rest.a] == ':' || t[rest.a] == '=' || starts_with(t, rest, "/")))
            return true;
    }
    return false;
}

/* The issuer or addressee of a release: 報道関係者各位, 株式会社X, X株式会社, 会社名 X. */
static bool is_issuer_line(const char *t, span s)
{
    static const char *const labels[] = {"会社名", "代表者", "所在地", "問い合わせ先", "問合せ先"};
    static const char *const forms[] = {"株式会社", "有限会社", "合同会社", "(株)"};
    if (ends_with(t, s, "各位") && char_count(t, s) <= 15)
        return true;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (starts_with(t, s, labels[i]) && s.b - s.a > strlen(labels[i]) &&
            strchr(" :", t[s.a + strlen(labels[i])]))
            return true;
    if (char_count(t, s) > 25)
        return false;
    for (size_t i = s.a; i < s.b;) { /* a name has no hiragana (の, を, が …) */
        size_t len;
        uint32_t cp = zy_char_at(t + i, &len);
        if (cp >= 0x3041 && cp <= 0x309F)
            return false;
        i += len;
    }
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (starts_with(t, s, forms[i]) || ends_with(t, s, forms[i]))
            return true;
    return false;
}

/* ---- dates ---- */

/* Length of the date or time written at t[i..b) (2025年7月15日, 2024/01/05 12:00, 2026-01-22,
 * date 2026-01-22, 公開日: …, (火)); 0 when none starts there (no digit). *ndigits gets its
 * digits. */
static size_t date_length(const char *t, size_t i, size_t b, size_t *ndigits)
{
    static const char *const words[] = {"date", "Date", "公開日", "更新日", "投稿日", "配信日",
                                        "掲載日", "最終更新", "更新", "公開", "配信", "掲載",
                                        "投稿", "Updated", "Posted", "午前", "午後", "JST",
                                        "年", "月", "日", "時", "分", "秒", "(", ")", "/", "-",
                                        ".", ":", " ", "火", "水", "木", "金", "土"};
    size_t j = i, digits = 0;
    for (;;) {
        if (j < b && t[j] >= '0' && t[j] <= '9') {
            j++, digits++;
            continue;
        }
        size_t k = 0;
        for (; k < sizeof words / sizeof words[0]; k++)
            if (starts_with(t, (span){j, b}, words[k])) {
                j += strlen(words[k]);
                break;
            }
        if (k == sizeof words / sizeof words[0])
            break;
    }
    *ndigits = digits;
    return digits > 0 ? j - i : 0;
}

/* A date alone: a year at least, or a month and day with a time (2024.05.01, 5月1日 12:00). */
static bool is_date_only(const char *t, span s)
{
    size_t digits;
    return s.a < s.b && date_length(t, s.a, s.b, &digits) == s.b - s.a && digits >= 4;
}

/* ---- separated items ---- */

/* Split s at title separators (|, and " - ", " – ", " — ", " / " with spaces); returns the
 * item count. */
static size_t split_title_items(const char *t, span s, span *items, size_t cap)
{
    static const char *const seps[] = {"|", " - ", " – ", " — ", " / ", " −"};
    size_t n = 0, from = s.a;
    for (size_t i = s.a; i < s.b && n + 1 < cap;) {
        size_t k = 0, len = 0;
        for (; k < sizeof seps / sizeof seps[0]; k++)
            if (starts_with(t, (span){i, s.b}, seps[k])) {
                len = strlen(seps[k]);
                break;
            }
        if (!len) {
            i++;
            continue;
        }
        items[n++] = trim(t, (span){from, i});
        i += len;
        from = i;
    }
    items[n++] = trim(t, (span){from, s.b});
    return n;
}

/* A breadcrumb: short items joined by > › » (ホーム > ニュース > 経済, TOP > 記事); ">>" is a
 * reply anchor and "<…>" a bracket, not separators. */
static bool is_breadcrumb(const char *t, span s)
{
    size_t first_end = s.b;
    bool angle_open = false; /* <決算速報> is a label in angle brackets, not a breadcrumb */
    for (size_t i = s.a; i < s.b; i++) {
        angle_open |= t[i] == '<';
        bool gt = t[i] == '>' && !angle_open && (i + 1 >= s.b || t[i + 1] != '>') &&
                  (i == s.a || t[i - 1] != '>');
        if (gt || starts_with(t, (span){i, s.b}, "›") || starts_with(t, (span){i, s.b}, "»")) {
            first_end = i;
            break;
        }
    }
    if (first_end == s.b)
        return false;
    span first = trim(t, (span){s.a, first_end});
    return first.a < first.b ? char_count(t, first) <= 12 : true;
}

static bool headline_like(const char *t, span s)
{
    return char_count(t, s) >= 12 && kana_kanji_count(t, s) >= 3 && !is_ui_word(t, s);
}

/* A line of items joined by title separators: the headline item of `headline | site`, the
 * whole line when it is not navigation, or an empty span for navigation (a menu row,
 * « previous | メイン | next », a dateline and byline). */
static span title_part(const char *t, span s)
{
    span items[MAX_ITEMS];
    size_t n = split_title_items(t, s, items, MAX_ITEMS);
    if (n < 2)
        return s;
    size_t longest = 0, headlines = 0, short_items = 0, dates = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_ui_word(t, items[i]))
            return (span){s.a, s.a};
        dates += is_date_only(t, items[i]);
        if (headline_like(t, items[i])) {
            headlines++;
            longest = i;
        }
        short_items += char_count(t, items[i]) <= 15;
    }
    if (headlines == 0 && ((n >= 3 && short_items == n) || dates > 0))
        return (span){s.a, s.a}; /* 経済 | 政治 | 国際; 2025.02.14 | 編集部 */
    if (headlines == 1 && short_items >= n - 1)
        return items[longest];
    return s;
}

/* ---- judging a line ---- */

typedef enum line_verdict { LINE_NAVIGATION, LINE_WEAK, LINE_HEADLINE } line_verdict;

/* Drop what leads the headline but is not part of it: a date (date 2026-01-22 …), a code or
 * dateline in 【】 (【25-19】, 【11月5日 X News】; not 【2024年版】 or 【速報】), 【】 around the
 * whole line, a bullet mark (■ ◆ ●). */
static span strip_leads(const char *t, span s)
{
    static const char *const marks[] = {"■", "□", "◆", "◇", "●", "○", "▼", "▽", "▲", "★", "☆", "◎"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (starts_with(t, s, marks[i])) {
            span rest = trim(t, (span){s.a + strlen(marks[i]), s.b});
            if (char_count(t, rest) >= MIN_HEADLINE_CHARS)
                s = rest;
            break;
        }
    size_t digits, d = date_length(t, s.a, s.b, &digits);
    /* a whole date set off by a space, not a headline's own year (2024年上半期の…) */
    if (d > 0 && d < s.b - s.a && digits >= 6 && t[s.a + d - 1] == ' ') {
        span rest = trim(t, (span){s.a + d, s.b});
        if (char_count(t, rest) >= MIN_HEADLINE_CHARS)
            s = rest;
    }
    static const char open[] = "【", close[] = "】";
    if (starts_with(t, s, open)) {
        size_t end = find(t, (span){s.a, s.b}, close);
        if (end + strlen(close) == s.b)
            return trim(t, (span){s.a + strlen(open), end}); /* 【the headline】 */
        if (end == s.b)
            return s;
        span inside = {s.a + strlen(open), end};
        size_t date_digits, date_len = date_length(t, inside.a, inside.b, &date_digits);
        span date = {inside.a, inside.a + date_len};
        bool dateline = date_len > 0 && date_digits >= 2 &&
                        (contains(t, date, "月") || contains(t, date, "/"));
        bool code = kana_kanji_count(t, inside) == 0;
        span rest = trim(t, (span){end + strlen(close), s.b});
        if ((dateline || code) && char_count(t, inside) <= 20 &&
            char_count(t, rest) >= MIN_HEADLINE_CHARS)
            s = rest;
    }
    return s;
}

/* What the line is; *part gets the part of it that would be the headline. */
static line_verdict judge_line(const char *t, span s, span *part)
{
    *part = s;
    if (starts_with(t, s, "«") || starts_with(t, s, "‹") || ends_with(t, s, "»") ||
        ends_with(t, s, "›") || is_breadcrumb(t, s) || only_ui_words(t, s) || is_date_only(t, s) ||
        is_credit(t, s) || is_advert_note(t, s) || is_issuer_line(t, s) || is_link_text(t, s) || starts_with(t, s, "http") ||
        starts_with(t, s, "www.") || kana_kanji_count(t, s) < 3)
        return LINE_NAVIGATION;
    span p = title_part(t, s);
    if (p.a == p.b)
        return LINE_NAVIGATION;
    *part = strip_leads(t, p);
    return char_count(t, *part) >= MIN_HEADLINE_CHARS ? LINE_HEADLINE : LINE_WEAK;
}

/* ---- cutting a headline out of a long line ---- */

/* The byte after `chars` characters from a (or b). */
static size_t advance_chars(const char *t, size_t a, size_t b, size_t chars)
{
    while (a < b && chars-- > 0) {
        size_t len;
        zy_char_at(t + a, &len);
        a += len;
    }
    return a < b ? a : b;
}

static bool latin_before(const char *t, size_t i)
{
    return i > 0 && ((t[i - 1] >= 'A' && t[i - 1] <= 'Z') || (t[i - 1] >= 'a' && t[i - 1] <= 'z'));
}

/* The start of a bracket opened in s and not closed in it (「…, (…, 『…), or s.b. */
static size_t open_bracket(const char *t, span s)
{
    static const char *const opens[] = {"(", "「", "『", "【", "《", "[", "\""};
    static const char *const closes[] = {")", "」", "』", "】", "》", "]", "\""};
    for (size_t i = s.b; i > s.a; i--)
        for (size_t k = 0; k < sizeof opens / sizeof opens[0]; k++)
            if (starts_with(t, (span){i - 1, s.b}, opens[k]) &&
                !contains(t, (span){i, s.b}, closes[k]))
                return i - 1;
    return s.b;
}

/* Where a cut at s.b should go instead so it does not end inside brackets or a Latin word:
 * s.b, or an earlier point not before s.a. */
static size_t clean_cut(const char *t, span whole, span s)
{
    size_t open = open_bracket(t, (span){whole.a, s.b});
    if (open < s.b && open >= s.a)
        return open;
    size_t i = s.b;
    while (i > s.a && latin_before(t, i))
        i--;
    return i > s.a ? i : s.b;
}

/* The headline of a line: its first sentence (a lead's 。 ends it, unless inside quotes),
 * at most ZY_HEADLINE_MAX_CHARS characters: a longer one is cut between a headline and its
 * subheading (a space), after its last comma, or where it reaches the cap; *ellipsis when
 * words were dropped in mid-sentence. */
static span cut_headline(const char *t, span s, bool *ellipsis)
{
    *ellipsis = false;
    size_t min_head = advance_chars(t, s.a, s.b, 10);
    size_t stop = find(t, (span){min_head, s.b}, "。");
    if (stop < s.b && open_bracket(t, (span){s.a, stop}) == stop)
        s.b = stop;
    if (char_count(t, s) <= ZY_HEADLINE_MAX_CHARS)
        return s;
    size_t limit = advance_chars(t, s.a, s.b, ZY_HEADLINE_MAX_CHARS);
    size_t sub_min = advance_chars(t, s.a, s.b, 15);
    for (size_t i = sub_min; i < limit; i++)
        if (t[i] == ' ' && !latin_before(t, i) && open_bracket(t, (span){s.a, i}) == i)
            return trim(t, (span){s.a, i});
    size_t comma_min = advance_chars(t, s.a, s.b, 20), cut = limit;
    for (size_t i = comma_min; i + strlen("、") <= limit; i++)
        if (memcmp(t + i, "、", strlen("、")) == 0 && open_bracket(t, (span){s.a, i}) == i)
            cut = i;
    *ellipsis = true;
    if (cut == limit)
        cut = clean_cut(t, s, (span){comma_min, limit});
    return trim(t, (span){s.a, cut});
}

/* ---- the pick ---- */

static char *copy_original(zy_norm_text *norm, const char *bytes, span s, bool ellipsis)
{
    size_t from = zy_norm_orig(norm, s.a), to = zy_norm_orig(norm, s.b);
    char *clean = zy_utf8_clean_copy(bytes + from, to - from);
    if (!clean || !ellipsis)
        return clean;
    size_t n = strlen(clean);
    char *out = realloc(clean, n + sizeof "…");
    if (!out) {
        free(clean);
        return NULL;
    }
    memcpy(out + n, "…", sizeof "…");
    return out;
}

char *zy_headline_pick(zy_norm_text *norm, const char *bytes)
{
    const char *t = norm->text;
    size_t end = norm->len < HEAD_BYTES ? norm->len : HEAD_BYTES;
    span first = {0, 0}, weak = {0, 0}, best = {0, 0};
    bool have_first = false, have_weak = false, have_best = false;
    size_t lines = 0;
    for (size_t a = 0; a < end && lines < HEAD_LINES && !have_best;) {
        size_t b = a;
        while (b < norm->len && t[b] != '\n')
            b++;
        span line = trim(t, (span){a, b});
        a = b + 1;
        if (line.a == line.b)
            continue;
        if (line.b - line.a > LINE_BYTES) { /* at a character's start */
            line.b = line.a + LINE_BYTES;
            while (line.b > line.a && ((unsigned char)t[line.b] & 0xC0) == 0x80)
                line.b--;
        }
        lines++;
        if (!have_first)
            first = line, have_first = true;
        span part;
        line_verdict v = judge_line(t, line, &part);
        if (v == LINE_HEADLINE)
            best = part, have_best = true;
        else if (v == LINE_WEAK && !have_weak)
            weak = part, have_weak = true;
    }
    span pick = have_best ? best : have_weak ? weak : first;
    bool ellipsis;
    pick = cut_headline(t, pick, &ellipsis);
    return copy_original(norm, bytes, pick, ellipsis);
}
