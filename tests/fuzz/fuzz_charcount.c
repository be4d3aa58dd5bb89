/*
 * fuzz_charcount.c: charcount_measure() for every platform, on any bytes.
 *
 * The input: byte 0 picks the platform (every one of platform.h, and
 * -1, PF__MAX and 1000, which count code points with no limit); the rest
 * is the post's text, up to a NUL, then the hashtags typed apart.  The
 * text need not be valid UTF-8: charcount.c promises to count a bad byte
 * as one U+FFFD and never to read past len.
 *
 * The properties, with n the text's units (its code points when it is
 * valid UTF-8, else at most its bytes):
 *   - nothing counts 0 only for an empty text; a non-empty text counts
 *     at least 1;
 *   - code points: exactly the code points, less one per CR LF (valid
 *     text);
 *   - graphemes (Bluesky): at most n; Mastodon: at most 3n (a URL of 8
 *     bytes and more counts 23); X: at most 6n (a bare domain of 4 bytes
 *     counts 23, another code point at most 2), and charcount_x() agrees;
 *   - over and the limits are the platform's; hashtags are no more than
 *     the '#' typed; lines no more than the line breaks plus one, and
 *     none in a text of white space only; long_text follows soft_lines.
 */
#include <stdlib.h>
#include <string.h>

#include "charcount.h"
#include "fuzz.h"
#include "platform.h"

/* Counts the line breaks of s[0..len): LF, CR LF and a lone CR, once each. */
static size_t
breaks(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len ||
		    s[i + 1] != '\n')))
			n++;
	return n;
}

/* Non-zero when s[0..len) holds nothing but ASCII white space. */
static int
blank(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (strchr(" \t\n\v\f\r", s[i]) == NULL || s[i] == '\0')
			return 0;
	return 1;
}

/* One input: measures the text for the platform and checks the counts. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in		 in = { data, size };
	struct charcount	 cc;
	const struct platform_info *pf = NULL;
	char			*text, *tags;
	size_t			 len, tlen, units, ncp = 0, crlf;
	int			 platform, valid, mode = PF_COUNT_CODEPOINTS;
	uint8_t			 b;

	b = fuzz_u8(&in);
	platform = b < 0xf0 ? b % PF__MAX : b == 0xf0 ? -1 :
	    b == 0xf1 ? PF__MAX : 1000;
	text = fuzz_take(&in, 0, &len);
	tags = fuzz_rest(&in, &tlen);
	if (platform >= 0 && platform < PF__MAX) {
		pf = &platforms[platform];
		mode = (int)pf->count;
	}
	valid = fuzz_utf8_ok(text, len, &ncp);
	units = valid ? ncp : len;
	crlf = 0;
	for (size_t i = 0; i + 1 < len; i++)
		crlf += text[i] == '\r' && text[i + 1] == '\n';

	/* Both with the hashtags typed apart (cut at a NUL) and without. */
	charcount_measure(platform, text, len, (b & 1) ? NULL : tags, &cc);

	FUZZ_CHECK((cc.count == 0) == (len == 0), "count %zu for %zu bytes",
	    cc.count, len);
	switch (mode) {
	case PF_COUNT_CODEPOINTS:
		FUZZ_CHECK(cc.count <= units, "count %zu, %zu units", cc.count,
		    units);
		if (valid)
			FUZZ_CHECK(cc.count == ncp - crlf, "count %zu for %zu "
			    "code points and %zu CR LF", cc.count, ncp, crlf);
		break;
	case PF_COUNT_GRAPHEMES:
		FUZZ_CHECK(cc.count <= units, "count %zu, %zu units", cc.count,
		    units);
		break;
	case PF_COUNT_MASTODON:
		FUZZ_CHECK(cc.count <= 3 * units, "count %zu, %zu units",
		    cc.count, units);
		break;
	case PF_COUNT_X:
		FUZZ_CHECK(cc.count <= 6 * units, "count %zu, %zu units",
		    cc.count, units);
		FUZZ_CHECK(charcount_x(text, len) == cc.count,
		    "charcount_x %zu, measure %zu", charcount_x(text, len),
		    cc.count);
		break;
	default:
		FUZZ_CHECK(0, "count mode %d", mode);
	}
	FUZZ_CHECK(cc.limit == (pf != NULL ? pf->text_limit : 0) &&
	    cc.hashtag_limit == (pf != NULL ? pf->hashtag_limit : 0),
	    "limits %zu/%zu", cc.limit, cc.hashtag_limit);
	FUZZ_CHECK(cc.over == (cc.limit > 0 && cc.count > cc.limit),
	    "over %d: %zu of %zu", cc.over, cc.count, cc.limit);
	FUZZ_CHECK(cc.hashtags <= fuzz_count(text, len, '#') +
	    ((b & 1) ? 0 : fuzz_count(tags, strlen(tags), '#')),
	    "%zu hashtags", cc.hashtags);
	FUZZ_CHECK(cc.too_many_hashtags == (cc.hashtag_limit > 0 &&
	    cc.hashtags > cc.hashtag_limit), "too_many_hashtags %d",
	    cc.too_many_hashtags);
	FUZZ_CHECK(cc.lines <= breaks(text, len) + 1, "%zu lines, %zu breaks",
	    cc.lines, breaks(text, len));
	if (blank(text, len))
		FUZZ_CHECK(cc.lines == 0, "%zu lines of white space", cc.lines);
	FUZZ_CHECK(cc.long_text == (pf != NULL && pf->soft_lines > 0 &&
	    cc.lines > (size_t)pf->soft_lines), "long_text %d", cc.long_text);
	free(text);
	free(tags);
	return 0;
}
