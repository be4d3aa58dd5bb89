/*
 * test_charcount.c: unit tests of lib/charcount.c.
 *
 * Most cases live in tests/charcount/cases.txt, which the Node tests of
 * static/charcount.js read too (tests/charcount/charcount.test.js), so
 * that the server and the browser count alike; the file's opening comment
 * says its format.  Each case line becomes one cmocka test, named after
 * its line.  The @platform lines are checked against platforms[] of
 * lib/platform.c, both ways.  The file is found next to this source file
 * (from __FILE__, so the program runs from the top of the tree, as
 * `make check` runs it), or at $CHARCOUNT_CASES.
 *
 * Every text is copied into a buffer of exactly its length, with no NUL
 * after it, so that AddressSanitizer catches any read past len.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "charcount.h"
#include "platform.h"

#define CASES_MAX  400     /* case lines the file may hold */
#define LINE_MAX_  4096    /* bytes of one line of the file */

/* One case line of cases.txt, unescaped. */
struct cc_case {
	int	 lineno;
	char	 key[32];
	char	*text;          /* malloc'd, textlen bytes, no NUL */
	size_t	 textlen;
	char	*hashtags;      /* malloc'd NUL-terminated, or NULL ("-") */
	long	 want[7];       /* expected values, -1 when not checked */
	char	 name[64];      /* the cmocka test's name */
};

/* The names of the expected values, in the order of cc_case.want. */
static const char *const want_names[7] = {
	"count", "limit", "over", "hashtags", "toomany", "lines", "long"
};

/* One @platform line. */
struct cc_platline {
	int	 lineno;
	char	 key[32];
	char	 mode[16];
	long	 limit, hashtag_limit, soft_lines;
	int	 seen;          /* matched by a platform of the table */
};

static struct cc_case		cases[CASES_MAX];
static size_t			ncases;
static struct cc_platline	platlines[PF__MAX + 8];
static size_t			nplatlines;

/*
 * Appends the UTF-8 encoding of code point c to out[*n] (out has room:
 * the caller sized it).  c must be a scalar value (asserted by the test).
 */
static void
put_utf8(char *out, size_t *n, unsigned long c)
{
	assert_true(c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF));
	if (c < 0x80)
		out[(*n)++] = (char)c;
	else if (c < 0x800) {
		out[(*n)++] = (char)(0xC0 | (c >> 6));
		out[(*n)++] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		out[(*n)++] = (char)(0xE0 | (c >> 12));
		out[(*n)++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[(*n)++] = (char)(0x80 | (c & 0x3F));
	} else {
		out[(*n)++] = (char)(0xF0 | (c >> 18));
		out[(*n)++] = (char)(0x80 | ((c >> 12) & 0x3F));
		out[(*n)++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[(*n)++] = (char)(0x80 | (c & 0x3F));
	}
}

/*
 * Expands "{{N*piece}}" repetitions of raw, then its escapes (\n \r \t \\
 * \u{HEX}), into a malloc'd buffer that the caller frees; *len is its
 * length.  The buffer has one byte more, NUL, for the hashtags string.  A
 * malformed escape or repetition fails the test that reads the file.
 */
static char *
unescape(const char *raw, size_t *len)
{
	char		*rep, *out, *end;
	const char	*p, *q, *star;
	size_t		 cap = 64, n = 0, k, times, plen;
	unsigned long	 c;

	/* Repetitions first, into rep. */
	rep = malloc(cap);
	assert_non_null(rep);
	for (p = raw; *p != '\0'; ) {
		if (p[0] == '{' && p[1] == '{' && (q = strstr(p, "}}")) != NULL &&
		    (star = memchr(p, '*', (size_t)(q - p))) != NULL) {
			times = strtoul(p + 2, &end, 10);
			assert_ptr_equal(end, star);
			plen = (size_t)(q - star - 1);
			while (n + times * plen + 1 > cap) {
				cap *= 2;
				rep = realloc(rep, cap);
				assert_non_null(rep);
			}
			for (k = 0; k < times; k++, n += plen)
				memcpy(rep + n, star + 1, plen);
			p = q + 2;
			continue;
		}
		if (n + 2 > cap) {
			cap *= 2;
			rep = realloc(rep, cap);
			assert_non_null(rep);
		}
		rep[n++] = *p++;
	}
	rep[n] = '\0';

	/* Then the escapes, which never make the text longer. */
	out = malloc(n + 1);
	assert_non_null(out);
	*len = 0;
	for (p = rep; *p != '\0'; p++) {
		if (*p != '\\') {
			out[(*len)++] = *p;
			continue;
		}
		p++;
		switch (*p) {
		case 'n':
			out[(*len)++] = '\n';
			break;
		case 'r':
			out[(*len)++] = '\r';
			break;
		case 't':
			out[(*len)++] = '\t';
			break;
		case '\\':
			out[(*len)++] = '\\';
			break;
		case 'u':
			assert_int_equal(p[1], '{');
			c = strtoul(p + 2, &end, 16);
			assert_int_equal(*end, '}');
			put_utf8(out, len, c);
			p = end;
			break;
		default:
			fail_msg("unknown escape \\%c in %s", *p, raw);
		}
	}
	out[*len] = '\0';
	free(rep);
	return out;
}

/*
 * Parses one case line (fields split at tabs) into cases[ncases].  A
 * malformed line fails with its number.
 */
static void
read_case(char *line, int lineno)
{
	struct cc_case	*c;
	char		*f[4], *tok, *save, *eq, *end;
	size_t		 i, k, len;

	assert_true(ncases < CASES_MAX);
	c = &cases[ncases++];
	memset(c, 0, sizeof *c);
	c->lineno = lineno;
	f[0] = line;
	for (i = 1; i < 4; i++) {
		f[i] = strchr(f[i - 1], '\t');
		if (f[i] == NULL)
			fail_msg("cases.txt:%d: needs 4 tab-separated fields", lineno);
		*f[i]++ = '\0';
	}
	if (strchr(f[3], '\t') != NULL)
		fail_msg("cases.txt:%d: more than 4 fields", lineno);
	assert_true(strlen(f[0]) < sizeof c->key);
	strcpy(c->key, f[0]);
	c->text = unescape(f[1], &c->textlen);
	if (strcmp(f[2], "-") != 0)
		c->hashtags = unescape(f[2], &len);
	for (k = 0; k < 7; k++)
		c->want[k] = -1;
	for (tok = strtok_r(f[3], " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		if ((eq = strchr(tok, '=')) == NULL)
			fail_msg("cases.txt:%d: bad expectation %s", lineno, tok);
		*eq = '\0';
		for (k = 0; k < 7; k++)
			if (strcmp(tok, want_names[k]) == 0)
				break;
		if (k == 7)
			fail_msg("cases.txt:%d: unknown name %s", lineno, tok);
		c->want[k] = strtol(eq + 1, &end, 10);
		if (*end != '\0' || end == eq + 1)
			fail_msg("cases.txt:%d: bad number for %s", lineno, tok);
	}
	snprintf(c->name, sizeof c->name, "cases.txt:%d %s", lineno, f[0]);
}

/* Parses one "@platform" line into platlines[]. */
static void
read_platline(const char *line, int lineno)
{
	struct cc_platline *pl;

	assert_true(nplatlines < sizeof platlines / sizeof platlines[0]);
	pl = &platlines[nplatlines++];
	memset(pl, 0, sizeof *pl);
	pl->lineno = lineno;
	if (sscanf(line, "@platform %31s %15s %ld %ld %ld", pl->key, pl->mode,
	    &pl->limit, &pl->hashtag_limit, &pl->soft_lines) != 5)
		fail_msg("cases.txt:%d: bad @platform line", lineno);
}

/*
 * Reads cases.txt from $CHARCOUNT_CASES or next to this file.  Returns 0,
 * or -1 when the file cannot be opened (reported, and main() fails).
 */
static int
read_cases(void)
{
	char		 path[1024], line[LINE_MAX_];
	const char	*env = getenv("CHARCOUNT_CASES"), *slash;
	FILE		*fp;
	size_t		 len;
	int		 lineno = 0;

	if (env != NULL && env[0] != '\0')
		snprintf(path, sizeof path, "%s", env);
	else {
		slash = strrchr(__FILE__, '/');
		snprintf(path, sizeof path, "%.*s../charcount/cases.txt",
		    slash ? (int)(slash - __FILE__ + 1) : 0, __FILE__);
	}
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "test_charcount: cannot open %s\n", path);
		return -1;
	}
	while (fgets(line, sizeof line, fp) != NULL) {
		lineno++;
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		else if (!feof(fp)) {
			fprintf(stderr, "cases.txt:%d: line too long\n", lineno);
			fclose(fp);
			return -1;
		}
		if (len == 0 || line[0] == '#')
			continue;
		if (strncmp(line, "@platform ", 10) == 0)
			read_platline(line, lineno);
		else
			read_case(line, lineno);
	}
	fclose(fp);
	return 0;
}

/* The enum platform_count of a mode name of cases.txt, or -1. */
static int
mode_of(const char *name)
{
	if (strcmp(name, "codepoints") == 0)
		return PF_COUNT_CODEPOINTS;
	if (strcmp(name, "x") == 0)
		return PF_COUNT_X;
	if (strcmp(name, "mastodon") == 0)
		return PF_COUNT_MASTODON;
	if (strcmp(name, "graphemes") == 0)
		return PF_COUNT_GRAPHEMES;
	return -1;
}

/* Runs one case of cases.txt (its struct cc_case is the state). */
static void
test_case(void **state)
{
	const struct cc_case	*c = *state;
	struct charcount	 cc;
	char			*exact;
	long			 got[7];
	size_t			 k, count, limit;
	int			 pf = platform_by_key(c->key);

	/* Exactly textlen bytes: ASan sees any read past the end. */
	exact = malloc(c->textlen > 0 ? c->textlen : 1);
	assert_non_null(exact);
	memcpy(exact, c->text, c->textlen);
	charcount_measure(pf, exact, c->textlen, c->hashtags, &cc);
	got[0] = (long)cc.count;
	got[1] = (long)cc.limit;
	got[2] = cc.over;
	got[3] = (long)cc.hashtags;
	got[4] = cc.too_many_hashtags;
	got[5] = (long)cc.lines;
	got[6] = cc.long_text;
	for (k = 0; k < 7; k++)
		if (c->want[k] >= 0 && got[k] != c->want[k])
			fail_msg("cases.txt:%d: %s is %ld, expected %ld",
			    c->lineno, want_names[k], got[k], c->want[k]);
	if (pf == PF_X)
		assert_int_equal(charcount_x(exact, c->textlen), cc.count);
	/* charcount_length() gives the same count and limit. */
	charcount_length(pf, exact, c->textlen, &count, &limit);
	assert_int_equal(count, cc.count);
	assert_int_equal(limit, cc.limit);
	free(exact);
}

/* cases.txt lists every platform of the table once, with its values. */
static void
test_platform_lines(void **state)
{
	size_t	 i, k;
	int	 found;

	(void)state;
	assert_true(ncases >= 50);
	for (k = 0; k < nplatlines; k++)
		platlines[k].seen = 0;
	for (i = 0; i < PF__MAX; i++) {
		found = 0;
		for (k = 0; k < nplatlines; k++) {
			if (strcmp(platlines[k].key, platforms[i].key) != 0)
				continue;
			found++;
			platlines[k].seen = 1;
			if (mode_of(platlines[k].mode) != (int)platforms[i].count ||
			    platlines[k].limit != (long)platforms[i].text_limit ||
			    platlines[k].hashtag_limit !=
			    (long)platforms[i].hashtag_limit ||
			    platlines[k].soft_lines != platforms[i].soft_lines)
				fail_msg("cases.txt:%d: %s differs from lib/platform.c",
				    platlines[k].lineno, platforms[i].key);
		}
		if (found != 1)
			fail_msg("cases.txt has %d @platform lines for %s", found,
			    platforms[i].key);
	}
	for (k = 0; k < nplatlines; k++)
		if (!platlines[k].seen)
			fail_msg("cases.txt:%d: %s is not in lib/platform.c",
			    platlines[k].lineno, platlines[k].key);
}

/* A platform outside the table counts code points with no limits. */
static void
test_outside_table(void **state)
{
	struct charcount cc;
	const char	*s = "a\xF0\x9F\x87\xA8\xF0\x9F\x87\xA6 #tag";
	size_t		 count, limit;

	(void)state;
	charcount_measure(-1, s, strlen(s), NULL, &cc);
	assert_int_equal(cc.count, 8);
	assert_int_equal(cc.limit, 0);
	assert_int_equal(cc.hashtag_limit, 0);
	assert_int_equal(cc.hashtags, 1);
	assert_false(cc.over);
	charcount_measure(PF__MAX, s, strlen(s), "#b", &cc);
	assert_int_equal(cc.count, 8);
	assert_int_equal(cc.hashtags, 2);
	assert_false(cc.long_text);
	charcount_length(-1, s, strlen(s), &count, &limit);
	assert_int_equal(count, 8);
	assert_int_equal(limit, 0);
}

/* An empty text, as NULL with len 0, gives zeros but the limits. */
static void
test_empty(void **state)
{
	struct charcount cc;

	(void)state;
	charcount_measure(PF_X, NULL, 0, NULL, &cc);
	assert_int_equal(cc.count, 0);
	assert_int_equal(cc.lines, 0);
	assert_int_equal(cc.hashtags, 0);
	assert_int_equal(cc.limit, platforms[PF_X].text_limit);
	assert_int_equal(charcount_x(NULL, 0), 0);
	charcount_measure(PF_INSTAGRAM, NULL, 0, "", &cc);
	assert_int_equal(cc.hashtags, 0);
	assert_false(cc.too_many_hashtags);
}

/* Only len bytes are read: what follows them does not count. */
static void
test_len_bounds(void **state)
{
	struct charcount cc;
	const char	*s = "abc #def https://example.org";

	(void)state;
	charcount_measure(PF_X, s, 3, NULL, &cc);
	assert_int_equal(cc.count, 3);
	assert_int_equal(cc.hashtags, 0);
	charcount_measure(PF_X, s, 6, NULL, &cc);
	assert_int_equal(cc.hashtags, 1);
	/* "https://e" cut by len: still a URL with a scheme. */
	assert_int_equal(charcount_x(s, 18), 9 + 23);
	/* A multi-byte character cut by len is one bad byte each. */
	assert_int_equal(charcount_x("\xC3\xA9", 1), 2);
}

/*
 * Invalid UTF-8 is counted one U+FFFD per bad byte, never read past len:
 * a lone lead byte, a cut sequence, an overlong form, a surrogate, a
 * code point past U+10FFFF, a stray continuation byte.
 */
static void
test_invalid_utf8(void **state)
{
	static const struct {
		const char	*s;
		size_t		 codepoints;
	} bad[] = {
		{ "\xC3", 1 },
		{ "a\xE2\x82", 3 },
		{ "\xC0\xAF", 2 },
		{ "\xED\xA0\x80", 3 },
		{ "\xF4\x90\x80\x80", 4 },
		{ "\x80z", 2 },
		{ "\xF5", 1 },
	};
	struct charcount cc;
	char		*exact;
	size_t		 i, len;
	int		 pf;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		len = strlen(bad[i].s);
		exact = malloc(len);
		assert_non_null(exact);
		memcpy(exact, bad[i].s, len);
		charcount_measure(PF_FACEBOOK, exact, len, NULL, &cc);
		assert_int_equal(cc.count, bad[i].codepoints);
		for (pf = 0; pf < PF__MAX; pf++)
			charcount_measure(pf, exact, len, exact[0] == 'a' ?
			    "#\xC3" : NULL, &cc);
		free(exact);
	}
}

/* Releases what read_cases() allocated. */
static void
free_cases(void)
{
	size_t	 i;

	for (i = 0; i < ncases; i++) {
		free(cases[i].text);
		free(cases[i].hashtags);
	}
	ncases = 0;
}

/*
 * Builds the list of tests, one per case line then the fixed ones, and
 * runs them.  Exits 1 when cases.txt cannot be read.
 */
int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_platform_lines),
		cmocka_unit_test(test_outside_table),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_len_bounds),
		cmocka_unit_test(test_invalid_utf8),
	};
	struct CMUnitTest	*tests;
	size_t			 i, n;
	int			 rc;

	if (read_cases() != 0)
		return 1;
	n = sizeof fixed / sizeof fixed[0];
	tests = calloc(ncases + n, sizeof *tests);
	if (tests == NULL)
		return 1;
	for (i = 0; i < n; i++)
		tests[i] = fixed[i];
	for (i = 0; i < ncases; i++) {
		tests[n + i].name = cases[i].name;
		tests[n + i].test_func = test_case;
		tests[n + i].initial_state = &cases[i];
	}
	rc = _cmocka_run_group_tests("charcount", tests, ncases + n, NULL,
	    NULL);
	free(tests);
	free_cases();
	return rc;
}
