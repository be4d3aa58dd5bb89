/*
 * charcount.c: counting a post's characters the way each platform does
 * (see charcount.h).
 *
 * static/charcount.js is a line-by-line port of this file: the same
 * tables and the same functions, named in camelCase without the cc_
 * prefix (cc_url_bare is urlBare).
 * tests/charcount/cases.txt is read by both test suites, so a change here
 * that is not made there fails a test.
 *
 * What is counted, platform by platform (platform.h, enum platform_count):
 *
 *   PF_COUNT_CODEPOINTS  one per Unicode code point.
 *   PF_COUNT_X           twitter-text v3 weights: a code point in
 *                        U+0000-U+10FF, U+2000-U+200D, U+2010-U+201F or
 *                        U+2032-U+2037 weighs 1, any other weighs 2; a URL
 *                        weighs 23 however long it is; an emoji sequence of
 *                        several code points weighs 2 in all.
 *   PF_COUNT_MASTODON    grapheme clusters (as Mastodon's own server checks
 *                        a post), a URL with http:// or https:// counts 23,
 *                        and a remote mention "@name@server" counts only as
 *                        "@name".
 *   PF_COUNT_GRAPHEMES   grapheme clusters (Bluesky); URLs count as typed.
 *
 * In every mode a CR LF pair counts as one character, like the single line
 * break that a browser's text box holds and that the platform's own
 * composer would see.  Text is not normalised (twitter-text applies NFC
 * first): a letter typed as a base and a combining accent is two code
 * points; browsers send precomposed letters, so this rarely shows.
 *
 * URLs (used by X and Mastodon for the count, and by every platform so
 * that "#" inside a link is no hashtag):
 *   - A URL may start at the beginning of the text, or after a code point
 *     that is neither a word character (below) nor one of @ # $ & . / - _
 *     = ~ + %.
 *   - "http://" or "https://" (any case) followed by at least one code
 *     point that is not white space: the URL runs to the next white space.
 *   - A bare domain (X only for the count): labels of ASCII letters, digits
 *     and inner hyphens joined by dots, at least two of them, the last one
 *     a top-level domain of cc_tlds[] (any case); it must not be followed
 *     by a word character or "@" (so e-mail addresses and "info.ca2" are
 *     not URLs).  An optional ":port" and a path starting with "/" that runs
 *     to the next white space may follow.
 *   - Trailing punctuation is not part of a URL: . , ; : ! ? ' " * and
 *     U+00BB, U+2019, U+201D, U+2026, and a closing ) ] } that has no
 *     matching opening one inside the URL.  A URL with a scheme and nothing
 *     left after "://" is not a URL.
 *
 * Emoji (X):
 *   - Two regional indicators (a flag) are one emoji.
 *   - A pictograph (cc_pict[]) followed by emoji modifiers (U+FE0E, U+FE0F,
 *     skin tones U+1F3FB-U+1F3FF, U+20E3, tags U+E0020-U+E007F), and by
 *     any number of ZWJ (U+200D) + pictograph + modifiers, is one emoji.
 *   - A keycap: 0-9, # or * followed by U+20E3, or by U+FE0F then U+20E3.
 *   - An emoji made of several code points weighs 2; a lone code point
 *     keeps its own weight (so a lone U+00A9 weighs 1, U+00A9 U+FE0F
 *     weighs 2, a lone U+2764 weighs 2).
 *
 * Grapheme clusters (Bluesky, Mastodon), an approximation of Unicode
 * UAX #29 without its tables:
 *   - CR LF is one cluster; any other control character is a cluster alone.
 *   - Two regional indicators are one cluster.
 *   - Hangul conjoining jamo join as UAX #29 says (L, V, T, LV, LVT).
 *   - A cluster takes every following extending code point (cc_extend[]:
 *     the common combining marks of Latin, Greek, Cyrillic, Hebrew,
 *     Arabic, Devanagari and Thai, the variation selectors, U+200C, the
 *     emoji modifiers above) and ZWJ; after a ZWJ, a pictograph joins the
 *     cluster when the cluster started with a pictograph.
 *   - Spacing marks of Indic scripts other than Devanagari and Thai, and
 *     prepended characters, are counted apart (the approximation's limit).
 *
 * Hashtags: a "#" at the start of the text or after a code point that is
 * neither a word character nor "&", followed by word characters of which
 * at least one is not a digit or "_", outside any URL (as twitter-text
 * says: "#1" and "#2026" are not hashtags, "#2026Québec" is).  The hashtag
 * runs over the word characters that follow.  A word character is an
 * ASCII letter, digit or "_", or any code point from U+00C0 up that is not
 * white space, punctuation, a symbol or an emoji of cc_nonword[] (so
 * "#Montréal", "#логement" and "#住宅" are whole hashtags).
 *
 * Lines: lines end at LF, CR LF or a lone CR; a line counts when it holds
 * something other than white space.
 *
 * White space: U+0009-U+000D, U+0020, U+0085, U+00A0, U+1680,
 * U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
 *
 * Invalid UTF-8 (which callers are asked not to pass) decodes as one
 * U+FFFD per bad byte, so that counting never reads past len.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "charcount.h"
#include "platform.h"

#define NRANGES(a) (sizeof(a) / sizeof((a)[0]))

#define CC_URL_WEIGHT 23   /* what X and Mastodon count for any URL */
#define CC_NONE       0xFFFFFFFFu  /* "no code point": before the start */

/* An inclusive range of code points. */
struct cc_range {
	uint32_t lo;
	uint32_t hi;
};

/* The code points that weigh 1 on X (twitter-text v3); all others weigh 2. */
static const struct cc_range cc_x_light[] = {
	{ 0x0000, 0x10FF }, { 0x2000, 0x200D }, { 0x2010, 0x201F },
	{ 0x2032, 0x2037 },
};

/* White space: where URLs end, and what an empty line holds. */
static const struct cc_range cc_space[] = {
	{ 0x0009, 0x000D }, { 0x0020, 0x0020 }, { 0x0085, 0x0085 },
	{ 0x00A0, 0x00A0 }, { 0x1680, 0x1680 }, { 0x2000, 0x200A },
	{ 0x2028, 0x2029 }, { 0x202F, 0x202F }, { 0x205F, 0x205F },
	{ 0x3000, 0x3000 },
};

/* Pictographs: the code points that start an emoji. */
static const struct cc_range cc_pict[] = {
	{ 0x00A9, 0x00A9 }, { 0x00AE, 0x00AE }, { 0x203C, 0x203C },
	{ 0x2049, 0x2049 }, { 0x2122, 0x2122 }, { 0x2139, 0x2139 },
	{ 0x2194, 0x21AA }, { 0x2300, 0x23FF }, { 0x24C2, 0x24C2 },
	{ 0x25A0, 0x25FF }, { 0x2600, 0x27BF }, { 0x2934, 0x2935 },
	{ 0x2B00, 0x2BFF }, { 0x3030, 0x3030 }, { 0x303D, 0x303D },
	{ 0x3297, 0x3297 }, { 0x3299, 0x3299 }, { 0x1F000, 0x1F1E5 },
	{ 0x1F200, 0x1F3FA }, { 0x1F400, 0x1FAFF },
};

/* Emoji modifiers: presentation selectors, skin tones, keycap, tags. */
static const struct cc_range cc_emoji_mod[] = {
	{ 0x20E3, 0x20E3 }, { 0xFE0E, 0xFE0F }, { 0x1F3FB, 0x1F3FF },
	{ 0xE0020, 0xE007F },
};

/* Code points that extend the cluster before them (combining marks...). */
static const struct cc_range cc_extend[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x064B, 0x065F },
	{ 0x0670, 0x0670 }, { 0x06D6, 0x06DC }, { 0x06DF, 0x06E4 },
	{ 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED }, { 0x0900, 0x0903 },
	{ 0x093A, 0x093C }, { 0x093E, 0x094F }, { 0x0951, 0x0957 },
	{ 0x0962, 0x0963 }, { 0x0E31, 0x0E31 }, { 0x0E33, 0x0E3A },
	{ 0x0E47, 0x0E4E }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF },
	{ 0x200C, 0x200C }, { 0x20D0, 0x20FF }, { 0x302A, 0x302F },
	{ 0x3099, 0x309A }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0x1F3FB, 0x1F3FF }, { 0xE0020, 0xE007F }, { 0xE0100, 0xE01EF },
};

/* From U+00C0 up, the code points that are not word characters. */
static const struct cc_range cc_nonword[] = {
	{ 0x00D7, 0x00D7 }, { 0x00F7, 0x00F7 }, { 0x037E, 0x037E },
	{ 0x0387, 0x0387 }, { 0x055A, 0x055F }, { 0x0589, 0x058A },
	{ 0x05BE, 0x05BE }, { 0x05C0, 0x05C0 }, { 0x05C3, 0x05C3 },
	{ 0x05C6, 0x05C6 }, { 0x05F3, 0x05F4 }, { 0x0600, 0x060F },
	{ 0x061B, 0x061F }, { 0x066A, 0x066D }, { 0x06D4, 0x06D4 },
	{ 0x0964, 0x0965 }, { 0x0970, 0x0970 }, { 0x0E3F, 0x0E3F },
	{ 0x0E4F, 0x0E4F }, { 0x0E5A, 0x0E5B }, { 0x1680, 0x1680 },
	{ 0x2000, 0x2BFF }, { 0x2E00, 0x2E7F }, { 0x3000, 0x303F },
	{ 0xD800, 0xF8FF }, { 0xFE00, 0xFE6F }, { 0xFEFF, 0xFEFF },
	{ 0xFF00, 0xFF0F }, { 0xFF1A, 0xFF20 }, { 0xFF3B, 0xFF40 },
	{ 0xFF5B, 0xFF65 }, { 0xFFF0, 0xFFFF }, { 0x1F000, 0x1FAFF },
	{ 0xE0000, 0xE007F },
};

/* The top-level domains that make a bare domain a URL, lower case. */
static const char *const cc_tlds[] = {
	"com", "org", "net", "edu", "gov", "int", "info", "biz", "coop",
	"ngo", "ong", "museum", "news", "media", "art", "social", "online",
	"site", "xyz", "app", "dev", "io", "co", "me", "ly", "tv", "ai",
	"quebec", "ca", "us", "uk", "fr", "be", "ch", "lu", "eu", "de", "es",
	"it", "nl", "pt", "ie", "ht", "ma", "sn", "tn", "dz", "ci", "cm",
	"mx", "br", "au", "nz", "jp", "cn", "in", NULL
};

/* Characters trimmed from the end of a URL (ASCII ones). */
static const char cc_url_trail[] = ".,;:!?'\"*";

/*
 * Returns non-zero when c lies in one of the n sorted or unsorted ranges
 * of r.  n may be 0 (never true).  A linear scan: the tables are short.
 */
static int
cc_in(uint32_t c, const struct cc_range *r, size_t n)
{
	size_t	 i;

	assert(r != NULL || n == 0);
	for (i = 0; i < n; i++)
		if (c >= r[i].lo && c <= r[i].hi)
			return 1;
	return 0;
}

/*
 * Decodes the code point at byte i of s[0..len) (i < len, asserted) and
 * sets *next to the byte after it.  A byte that does not start a valid,
 * shortest-form UTF-8 sequence of a scalar value (no surrogates, nothing
 * past U+10FFFF), or a sequence cut by len, gives U+FFFD and *next = i + 1,
 * so that every byte is consumed exactly once.
 */
static uint32_t
cc_get(const char *s, size_t len, size_t i, size_t *next)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 c, min;
	size_t			 n, k;

	assert(s != NULL && next != NULL);
	assert(i < len);
	c = u[i];
	*next = i + 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 1;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 2;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 3;
		c &= 0x07;
		min = 0x10000;
	} else
		return 0xFFFD;
	if (len - i - 1 < n)
		return 0xFFFD;
	for (k = 1; k <= n; k++) {
		if ((u[i + k] & 0xC0) != 0x80)
			return 0xFFFD;
		c = (c << 6) | (u[i + k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0xFFFD;
	*next = i + 1 + n;
	return c;
}

/*
 * Returns the code point at byte i, or CC_NONE when i is len (the end),
 * without telling where the next one starts.
 */
static uint32_t
cc_peek(const char *s, size_t len, size_t i)
{
	size_t	 next;

	assert(i <= len);
	return i < len ? cc_get(s, len, i, &next) : CC_NONE;
}

/*
 * Returns the code point that ends just before byte i, or CC_NONE when i
 * is 0.  It steps back over at most three continuation bytes and decodes
 * forward from there; when that does not land exactly on i (the bytes were
 * invalid), the previous code point is taken as the U+FFFD that cc_get()
 * gave the last byte.
 */
static uint32_t
cc_before(const char *s, size_t len, size_t i)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 j, next;
	uint32_t		 c;

	assert(i <= len);
	if (i == 0)
		return CC_NONE;
	j = i - 1;
	while (j > 0 && i - j < 4 && (u[j] & 0xC0) == 0x80)
		j--;
	c = cc_get(s, len, j, &next);
	return next == i ? c : 0xFFFD;
}

/* Returns non-zero for white space (see the top of the file). */
static int
cc_is_space(uint32_t c)
{
	return cc_in(c, cc_space, NRANGES(cc_space));
}

/* Returns non-zero for an ASCII letter or digit; CC_NONE is neither. */
static int
cc_is_alnum(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/*
 * Returns non-zero for a word character: ASCII letters, digits and "_",
 * and from U+00C0 up anything that cc_nonword[] and white space leave.
 * CC_NONE (before the start) and the rest of ASCII and Latin-1 are not.
 */
static int
cc_is_word(uint32_t c)
{
	if (c == CC_NONE)
		return 0;
	if (c < 0xC0)
		return cc_is_alnum(c) || c == '_';
	if (c > 0x10FFFF)
		return 0;
	return !cc_in(c, cc_nonword, NRANGES(cc_nonword)) && !cc_is_space(c);
}

/* Returns non-zero for a regional indicator (half a flag). */
static int
cc_is_ri(uint32_t c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/*
 * Returns the weight of one code point on X: 1 in the light ranges, 2
 * elsewhere (CC_NONE is never passed: asserted).
 */
static size_t
cc_x_weight(uint32_t c)
{
	assert(c != CC_NONE);
	return cc_in(c, cc_x_light, NRANGES(cc_x_light)) ? 1 : 2;
}

/*
 * Returns non-zero when the code point c (CC_NONE at the start) lets a
 * URL start right after it: not a word character, and none of
 * @ # $ & . / - _ = ~ + %.
 */
static int
cc_url_may_follow(uint32_t c)
{
	if (c == CC_NONE)
		return 1;
	if (cc_is_word(c))
		return 0;
	return c >= 0x80 || strchr("@#$&./-_=~+%", (int)c) == NULL;
}

/*
 * Returns non-zero when s[a..b) (ASCII bytes of a label) is a top-level
 * domain of cc_tlds[], in any case.  An empty or long label is not.
 */
static int
cc_is_tld(const char *s, size_t a, size_t b)
{
	char	 low[8];
	size_t	 i;

	if (b <= a || b - a >= sizeof low)
		return 0;
	for (i = a; i < b; i++) {
		char ch = s[i];

		low[i - a] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') :
		    ch;
	}
	low[b - a] = '\0';
	for (i = 0; cc_tlds[i] != NULL; i++)
		if (strcmp(cc_tlds[i], low) == 0)
			return 1;
	return 0;
}

/*
 * Counts the bytes c in s[a..b) (c is ASCII: a bracket), for the balance
 * of brackets in a URL.
 */
static size_t
cc_count_byte(const char *s, size_t a, size_t b, char c)
{
	size_t	 i, n = 0;

	for (i = a; i < b; i++)
		if (s[i] == c)
			n++;
	return n;
}

/*
 * Returns where a URL that starts at byte start and may run up to byte end
 * (the next white space) really ends, once trailing punctuation is taken
 * off (see the top of the file).  Never returns less than keep, the end
 * of what must stay (the domain of a bare URL, the scheme of the other).
 */
static size_t
cc_url_trim(const char *s, size_t len, size_t start, size_t keep, size_t end)
{
	size_t	 j;
	uint32_t c;

	assert(start <= keep && keep <= end && end <= len);
	while (end > keep) {
		c = cc_before(s, len, end);
		j = end - 1;	/* back to the start of that code point */
		while (j > keep && ((unsigned char)s[j] & 0xC0) == 0x80)
			j--;
		if ((c < 0x80 && strchr(cc_url_trail, (int)c) != NULL) ||
		    c == 0x00BB || c == 0x2019 || c == 0x201D || c == 0x2026)
			end = j;
		else if (c == ')' && cc_count_byte(s, start, end, '(') <
		    cc_count_byte(s, start, end, ')'))
			end = j;
		else if (c == ']' && cc_count_byte(s, start, end, '[') <
		    cc_count_byte(s, start, end, ']'))
			end = j;
		else if (c == '}' && cc_count_byte(s, start, end, '{') <
		    cc_count_byte(s, start, end, '}'))
			end = j;
		else
			break;
	}
	return end;
}

/*
 * Returns the first byte from byte i where white space starts (where a
 * URL's run stops), or len when there is none.
 */
static size_t
cc_run_end(const char *s, size_t len, size_t i)
{
	size_t	 next;

	while (i < len) {
		if (cc_is_space(cc_get(s, len, i, &next)))
			break;
		i = next;
	}
	return i;
}

/*
 * Returns the end of a URL with a scheme at byte i (http:// or https://,
 * any case), or i when there is none there.  The caller has checked what
 * precedes i.
 */
static size_t
cc_url_scheme(const char *s, size_t len, size_t i)
{
	size_t	 k, end;

	if (len - i >= 8 && strncasecmp(s + i, "https://", 8) == 0)
		k = i + 8;
	else if (len - i >= 7 && strncasecmp(s + i, "http://", 7) == 0)
		k = i + 7;
	else
		return i;
	end = cc_url_trim(s, len, i, k, cc_run_end(s, len, k));
	return end > k ? end : i;
}

/*
 * Returns the end of a bare domain URL at byte i ("example.org",
 * "www.coco-net.org:8080/outils"), or i when there is none there.  The
 * caller has checked what precedes i.
 */
static size_t
cc_url_bare(const char *s, size_t len, size_t i)
{
	size_t	 j, end, label, nlabels = 0;
	uint32_t after;

	if (!cc_is_alnum((unsigned char)s[i]))
		return i;
	j = i;
	while (j < len && (cc_is_alnum((unsigned char)s[j]) || s[j] == '.' ||
	    s[j] == '-'))
		j++;
	while (j > i && (s[j - 1] == '.' || s[j - 1] == '-'))
		j--;
	/* Every label non-empty, no hyphen at either end. */
	label = i;
	for (end = i; end <= j; end++) {
		if (end < j && s[end] != '.')
			continue;
		if (end == label || s[label] == '-' || s[end - 1] == '-')
			return i;
		nlabels++;
		if (end < j)
			label = end + 1;
	}
	if (nlabels < 2 || !cc_is_tld(s, label, j))
		return i;
	after = cc_peek(s, len, j);
	if (cc_is_word(after) || after == '@')
		return i;
	end = j;
	if (end + 1 < len && s[end] == ':' && s[end + 1] >= '0' &&
	    s[end + 1] <= '9') {
		end++;
		while (end < len && s[end] >= '0' && s[end] <= '9')
			end++;
	}
	if (end < len && s[end] == '/')
		end = cc_url_trim(s, len, i, end + 1, cc_run_end(s, len, end));
	return end;
}

/*
 * Returns the end of the URL that starts at byte i, or i when none starts
 * there.  bare allows bare domains; prev is the code point before i
 * (CC_NONE at the start).
 */
static size_t
cc_url(const char *s, size_t len, size_t i, int bare, uint32_t prev)
{
	size_t	 end;

	assert(i < len);
	if (!cc_is_alnum((unsigned char)s[i]) || !cc_url_may_follow(prev))
		return i;
	if ((end = cc_url_scheme(s, len, i)) > i)
		return end;
	return bare ? cc_url_bare(s, len, i) : i;
}

/* Returns non-zero for an ASCII letter, digit or "_" (a mention's letters). */
static int
cc_is_mention_char(char c)
{
	return cc_is_alnum((unsigned char)c) || c == '_';
}

/*
 * Mastodon counts a remote mention "@name@server.example" as "@name".  At
 * byte i holding "@", with prev the code point before it, returns the end
 * of the name (just before the second "@") and sets *skip to the end of
 * the server's name; returns i when there is no remote mention there.
 * The name is ASCII letters, digits and "_", with "." and "-" inside; the
 * server, the same characters ending with a letter, digit or "_", two at
 * least.  Nothing is a mention after a word character, "=" or "/".
 */
static size_t
cc_mention(const char *s, size_t len, size_t i, uint32_t prev, size_t *skip)
{
	size_t	 j, name_end, k, server_end;

	assert(skip != NULL);
	if (s[i] != '@' || cc_is_word(prev) || prev == '=' || prev == '/')
		return i;
	j = i + 1;
	if (j >= len || !cc_is_mention_char(s[j]))
		return i;
	while (j < len && (cc_is_mention_char(s[j]) || s[j] == '.' ||
	    s[j] == '-'))
		j++;
	name_end = j;
	while (!cc_is_mention_char(s[name_end - 1]))
		name_end--;
	if (name_end >= len || s[name_end] != '@')
		return i;
	k = name_end + 1;
	while (k < len && (cc_is_mention_char(s[k]) || s[k] == '.' ||
	    s[k] == '-'))
		k++;
	server_end = k;
	while (server_end > name_end + 1 &&
	    !cc_is_mention_char(s[server_end - 1]))
		server_end--;
	if (server_end - (name_end + 1) < 2)
		return i;
	*skip = server_end;
	return name_end;
}

/*
 * Hangul syllable type of c for the jamo rules: 'L', 'V', 'T', 'P' (an LV
 * syllable), 'Q' (an LVT syllable), or 0 for anything else.
 */
static int
cc_hangul(uint32_t c)
{
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C))
		return 'L';
	if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6))
		return 'V';
	if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB))
		return 'T';
	if (c >= 0xAC00 && c <= 0xD7A3)
		return (c - 0xAC00) % 28 == 0 ? 'P' : 'Q';
	return 0;
}

/*
 * Returns non-zero when Hangul type b may follow type a inside one
 * syllable: L before L, V, LV or LVT; LV or V before V or T; LVT or T
 * before T.
 */
static int
cc_hangul_joins(int a, int b)
{
	switch (a) {
	case 'L':
		return b == 'L' || b == 'V' || b == 'P' || b == 'Q';
	case 'V':
	case 'P':
		return b == 'V' || b == 'T';
	case 'T':
	case 'Q':
		return b == 'T';
	default:
		return 0;
	}
}

/*
 * Returns the byte where the grapheme cluster that starts at byte i ends
 * (see the top of the file for the approximation).  i < len, asserted.
 */
static size_t
cc_grapheme(const char *s, size_t len, size_t i)
{
	uint32_t c, n;
	size_t	 j, k;
	int	 pict, h, hn;

	assert(i < len);
	c = cc_get(s, len, i, &j);
	if (c == '\r')
		return cc_peek(s, len, j) == '\n' ? j + 1 : j;
	if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
		return j;
	if (cc_is_ri(c) && j < len && cc_is_ri(cc_peek(s, len, j)))
		cc_get(s, len, j, &j);
	h = cc_hangul(c);
	while (h != 0 && j < len) {
		hn = cc_hangul(cc_get(s, len, j, &k));
		if (!cc_hangul_joins(h, hn))
			break;
		h = hn;
		j = k;
	}
	pict = cc_in(c, cc_pict, NRANGES(cc_pict));
	while (j < len) {
		n = cc_get(s, len, j, &k);
		if (cc_in(n, cc_extend, NRANGES(cc_extend))) {
			j = k;
			continue;
		}
		if (n != 0x200D)
			break;
		j = k;
		if (pict && j < len && cc_in(cc_peek(s, len, j), cc_pict,
		    NRANGES(cc_pict)))
			cc_get(s, len, j, &j);
	}
	return j;
}

/*
 * Returns the byte after the emoji modifiers (cc_emoji_mod[]) that follow
 * byte j, or j when none does.
 */
static size_t
cc_skip_mods(const char *s, size_t len, size_t j)
{
	size_t	 k;

	while (j < len && cc_in(cc_get(s, len, j, &k), cc_emoji_mod,
	    NRANGES(cc_emoji_mod)))
		j = k;
	return j;
}

/*
 * Reads one unit of X's count at byte i (i < len): a CR LF pair, an emoji
 * (see the top of the file) or one code point.  Sets *weight to what X
 * counts for it and returns the byte after it.
 */
static size_t
cc_x_unit(const char *s, size_t len, size_t i, size_t *weight)
{
	uint32_t c, n;
	size_t	 j, k, first;

	assert(i < len && weight != NULL);
	c = cc_get(s, len, i, &first);
	j = first;
	n = cc_peek(s, len, j);
	if (c == '\r' && n == '\n') {
		*weight = 1;
		return j + 1;
	}
	if (cc_is_ri(c) && cc_is_ri(n)) {
		cc_get(s, len, j, &j);
		*weight = 2;
		return cc_skip_mods(s, len, j);
	}
	if ((c >= '0' && c <= '9') || c == '#' || c == '*') {
		k = j;
		if (n == 0xFE0F)
			cc_get(s, len, j, &k);
		if (cc_peek(s, len, k) == 0x20E3) {
			cc_get(s, len, k, &k);
			*weight = 2;
			return k;
		}
	}
	if (cc_in(c, cc_pict, NRANGES(cc_pict))) {
		j = cc_skip_mods(s, len, j);
		while (j < len && cc_peek(s, len, j) == 0x200D) {
			cc_get(s, len, j, &k);
			if (k >= len || !cc_in(cc_peek(s, len, k), cc_pict,
			    NRANGES(cc_pict)))
				break;
			cc_get(s, len, k, &k);
			j = cc_skip_mods(s, len, k);
		}
		if (j > first) {
			*weight = 2;
			return j;
		}
	}
	*weight = cc_x_weight(c);
	return first;
}

/*
 * Counts s[0..len) in mode (enum platform_count; anything else counts code
 * points).  Every mode counts CR LF as one.
 */
static size_t
cc_count(int mode, const char *s, size_t len)
{
	size_t	 i = 0, j, w, skip, n = 0;
	uint32_t prev = CC_NONE, c;

	assert(s != NULL || len == 0);
	while (i < len) {
		if (mode == PF_COUNT_X || mode == PF_COUNT_MASTODON) {
			j = cc_url(s, len, i, mode == PF_COUNT_X, prev);
			if (j > i) {
				n += CC_URL_WEIGHT;
				prev = cc_before(s, len, j);
				i = j;
				continue;
			}
		}
		if (mode == PF_COUNT_MASTODON &&
		    (j = cc_mention(s, len, i, prev, &skip)) > i) {
			n += j - i;    /* "@" and an ASCII name: one each */
			prev = cc_before(s, len, skip);
			i = skip;
			continue;
		}
		switch (mode) {
		case PF_COUNT_X:
			j = cc_x_unit(s, len, i, &w);
			n += w;
			break;
		case PF_COUNT_MASTODON:
		case PF_COUNT_GRAPHEMES:
			j = cc_grapheme(s, len, i);
			n++;
			break;
		default:
			c = cc_get(s, len, i, &j);
			if (c == '\r' && cc_peek(s, len, j) == '\n')
				j++;
			n++;
			break;
		}
		prev = cc_before(s, len, j);
		i = j;
	}
	return n;
}

/*
 * Counts the hashtags of s[0..len) (see the top of the file); s may be
 * NULL when len is 0.
 */
static size_t
cc_hashtags(const char *s, size_t len)
{
	size_t	 i = 0, j, n = 0;
	uint32_t prev = CC_NONE, c, w;

	assert(s != NULL || len == 0);
	while (i < len) {
		if ((j = cc_url(s, len, i, 1, prev)) > i) {
			prev = cc_before(s, len, j);
			i = j;
			continue;
		}
		c = cc_get(s, len, i, &j);
		if (c == '#' && !cc_is_word(prev) && prev != '&') {
			int	 letter = 0;

			while (j < len && cc_is_word(w = cc_peek(s, len, j))) {
				if (w != '_' && (w < '0' || w > '9'))
					letter = 1;
				cc_get(s, len, j, &j);
			}
			n += (size_t)letter;
		}
		prev = cc_before(s, len, j);
		i = j;
	}
	return n;
}

/*
 * Counts the lines of s[0..len) that hold something other than white
 * space; lines end at LF, CR LF or a lone CR.
 */
static size_t
cc_lines(const char *s, size_t len)
{
	size_t	 i = 0, j, n = 0;
	int	 filled = 0;
	uint32_t c;

	assert(s != NULL || len == 0);
	while (i < len) {
		c = cc_get(s, len, i, &j);
		if (c == '\n' || c == '\r') {
			n += filled;
			filled = 0;
		} else if (!cc_is_space(c))
			filled = 1;
		i = j;
	}
	return n + (size_t)filled;
}

/*
 * Measures text for platform (see charcount.h).  A platform outside the
 * table counts code points with no limits.  hashtags NULL counts as "".
 */
void
charcount_measure(int platform, const char *text, size_t len,
    const char *hashtags, struct charcount *out)
{
	int	 mode = PF_COUNT_CODEPOINTS, soft = 0;

	assert(out != NULL);
	assert(text != NULL || len == 0);
	memset(out, 0, sizeof *out);
	if (platform >= 0 && platform < PF__MAX) {
		mode = (int)platforms[platform].count;
		out->limit = platforms[platform].text_limit;
		out->hashtag_limit = platforms[platform].hashtag_limit;
		soft = platforms[platform].soft_lines;
	}
	out->count = cc_count(mode, text, len);
	out->over = out->limit > 0 && out->count > out->limit;
	out->hashtags = cc_hashtags(text, len);
	if (hashtags != NULL)
		out->hashtags += cc_hashtags(hashtags, strlen(hashtags));
	out->too_many_hashtags = out->hashtag_limit > 0 &&
	    out->hashtags > out->hashtag_limit;
	out->lines = cc_lines(text, len);
	out->long_text = soft > 0 && out->lines > (size_t)soft;
}

/* X's weighted length of text[0..len) (see the top of the file). */
size_t
charcount_x(const char *text, size_t len)
{
	assert(text != NULL || len == 0);
	return cc_count(PF_COUNT_X, text, len);
}

/* See charcount.h: the first lines of charcount_measure(). */
void
charcount_length(int platform, const char *text, size_t len, size_t *count,
    size_t *limit)
{
	int	 mode = PF_COUNT_CODEPOINTS;

	assert(text != NULL || len == 0);
	assert(count != NULL && limit != NULL);
	*limit = 0;
	if (platform >= 0 && platform < PF__MAX) {
		mode = (int)platforms[platform].count;
		*limit = platforms[platform].text_limit;
	}
	*count = cc_count(mode, text, len);
}
