/*
 * fuzz_i18n.c: i18n_expand_markers() on any template text, and the
 * formatting of i18n.h on any date, time and language code.
 *
 * At start the catalogues fr.mo and en.mo are loaded from FUZZ_LOCALEDIR
 * (the environment, else the build's locale directory given at compile
 * time); without them the harness refuses to run, so that the replay
 * never passes by checking less.
 *
 * The input: byte 0 picks the language (French, English, or LANG__MAX,
 * which must act as French) and whether the catalogues are used; byte 1
 * the size of the output buffer of the date functions (1 to 64); 8 bytes
 * a unix time; the rest is the text.
 *
 * The properties:
 *   - i18n_expand_markers() gives exactly what a plain reading of its
 *     contract gives (the model below, written apart: a marker "[[id]]"
 *     closes on its own line, "[[]]" and an unclosed "[[" stay as they
 *     are, the translation is HTML-escaped), so no '<', '>', '"', '\'' or
 *     '&' of a translation or a msgid reaches the page raw;
 *   - the date functions write a NUL-terminated string that fits the
 *     buffer, valid UTF-8 (never cut inside a character) unless an ISO
 *     date that is not one was copied as it came: a formatted date, the
 *     text unchanged, or "";
 *   - lang_from_code() gives -1 or a language.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "i18n.h"
#include "status.h"

#ifndef FUZZ_LOCALEDIR
#define FUZZ_LOCALEDIR "build/locale"
#endif

static struct i18n	*catalogues;

/*
 * Loads the catalogues once, before any input; exits with status 2 when
 * they cannot be read.
 */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char	*dir = getenv("FUZZ_LOCALEDIR");
	char		 err[512];

	(void)argc;
	(void)argv;
	if (dir == NULL)
		dir = FUZZ_LOCALEDIR;
	if (i18n_load(&catalogues, dir, err, sizeof(err)) != RT_OK) {
		fprintf(stderr, "fuzz_i18n: %s (set FUZZ_LOCALEDIR)\n", err);
		exit(2);
	}
	return 0;
}

/* Appends s to b with & < > " ' as entities. */
static void
model_escaped(struct buf *b, const char *s)
{
	int	 rc = RT_OK;

	for (; *s != '\0' && rc == RT_OK; s++)
		switch (*s) {
		case '&':
			rc = buf_puts(b, "&amp;");
			break;
		case '<':
			rc = buf_puts(b, "&lt;");
			break;
		case '>':
			rc = buf_puts(b, "&gt;");
			break;
		case '"':
			rc = buf_puts(b, "&quot;");
			break;
		case '\'':
			rc = buf_puts(b, "&#39;");
			break;
		default:
			rc = buf_append(b, s, 1);
			break;
		}
	FUZZ_CHECK(rc == RT_OK, "memory");
}

/*
 * The model of i18n_expand_markers(): scans for "[[", looks for the first
 * "]]" on the rest of that line with memmem(), and either replaces the
 * marker or copies the "[[" and goes on after it.
 */
static void
model_expand(const struct i18n *c, enum lang lang, const char *s,
    size_t len, struct buf *b)
{
	const char	*nl, *close;
	char		*id;
	size_t		 i = 0, lend;

	while (i < len) {
		if (!(s[i] == '[' && i + 1 < len && s[i + 1] == '[')) {
			FUZZ_CHECK(buf_append(b, s + i, 1) == RT_OK, "memory");
			i++;
			continue;
		}
		nl = memchr(s + i + 2, '\n', len - i - 2);
		lend = nl != NULL ? (size_t)(nl - s) : len;
		close = memmem(s + i + 2, lend - i - 2, "]]", 2);
		if (close == NULL || close == s + i + 2) {
			FUZZ_CHECK(buf_append(b, "[[", 2) == RT_OK, "memory");
			i += 2;
			continue;
		}
		/* A msgid is looked up up to a NUL it may hold. */
		id = strndup(s + i + 2, (size_t)(close - (s + i + 2)));
		FUZZ_CHECK(id != NULL, "memory");
		model_escaped(b, i18n_get(c, lang, id));
		free(id);
		i = (size_t)(close - s) + 2;
	}
}

/*
 * Checks a date function's output in a buffer of outlen bytes: NUL-
 * terminated there, and valid UTF-8 when utf8 is set (a malformed ISO
 * date is copied as it is, valid or not).
 */
static void
check_out(const char *out, size_t outlen, int utf8, const char *what)
{
	size_t	 n = strnlen(out, outlen);

	FUZZ_CHECK(n < outlen, "%s: no NUL within %zu bytes", what, outlen);
	FUZZ_CHECK(!utf8 || fuzz_utf8_ok(out, n, NULL),
	    "%s: \"%s\" is not valid UTF-8", what, out);
}

/* One input: the markers of the text, then the date functions. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	const struct i18n *c;
	struct buf	 want = { NULL, 0, 0 };
	enum lang	 lang;
	char		*text, *got = NULL, out[64];
	size_t		 len, glen = 0, outlen, i;
	long long	 t = 0;
	uint8_t		 b;
	int		 rc, l;

	b = fuzz_u8(&in);
	lang = (b & 3) == 0 ? LANG_FR : (b & 3) == 1 ? LANG_EN : LANG__MAX;
	c = (b & 4) ? NULL : catalogues;
	outlen = (size_t)(fuzz_u8(&in) % sizeof(out)) + 1;
	for (i = 0; i < 8; i++)
		t = (long long)((unsigned long long)t << 8 | fuzz_u8(&in));
	text = fuzz_rest(&in, &len);

	rc = i18n_expand_markers(c, lang, text, len, &got, &glen);
	FUZZ_CHECK(rc == RT_OK, "i18n_expand_markers: %d", rc);
	model_expand(c, lang, text, len, &want);
	FUZZ_CHECK(glen == want.len && memcmp(got, buf_str(&want), glen) == 0 &&
	    got[glen] == '\0', "expanded:\n%s\n--- the model:\n%s", got,
	    buf_str(&want));
	free(got);

	/* The date functions, on the text up to its first NUL. */
	memset(out, 'x', sizeof(out));
	i18n_format_iso_date(lang, text, out, outlen);
	check_out(out, outlen, fuzz_utf8_ok(text, strlen(text), NULL),
	    "i18n_format_iso_date");
	FUZZ_CHECK(out[0] == '\0' || strcmp(out, text) == 0 ||
	    (strlen(text) == 10 && text[4] == '-' && text[7] == '-'),
	    "\"%s\" from \"%s\"", out, text);
	memset(out, 'x', sizeof(out));
	i18n_format_date(lang, t, out, outlen);
	check_out(out, outlen, 1, "i18n_format_date");
	memset(out, 'x', sizeof(out));
	i18n_format_time(lang, t, out, outlen);
	check_out(out, outlen, 1, "i18n_format_time");

	l = lang_from_code(text);
	FUZZ_CHECK(l >= -1 && l < LANG__MAX, "lang_from_code: %d", l);
	free(text);
	buf_free(&want);
	return 0;
}
