/*
 * test_i18n.c: the .mo reader, marker expansion, dates and numbers of
 * lib/i18n.c.
 *
 * Each test builds its catalogues with msgfmt (GNU gettext) from a .po
 * text into a fresh temporary directory, then damages copies of them to
 * check that a bad file is refused and never read out of bounds (run under
 * AddressSanitizer to make the latter a failure).
 *
 * The numbers are checked against tests/charcount/numbers.txt too, which
 * the Node tests of static/charcount.js read, so that a counter written by
 * the server and one written by the browser look alike.  The file is found
 * next to this source file (from __FILE__, so the program runs from the
 * top of the tree), or at $NUMBER_CASES.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "i18n.h"
#include "status.h"

#define PO_HEADER(lang, plural) \
	"msgid \"\"\n" \
	"msgstr \"\"\n" \
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n" \
	"\"Language: " lang "\\n\"\n" \
	"\"Plural-Forms: " plural "\\n\"\n\n"

static const char po_fr[] =
	PO_HEADER("fr", "nplurals=2; plural=(n > 1);")
	"msgid \"Save\"\nmsgstr \"Enregistrer\"\n\n"
	"msgid \"Welcome\"\nmsgstr \"Bienvenue\"\n\n"
	"msgid \"Hello {{NAME}}\"\nmsgstr \"Bonjour {{NAME}}\"\n\n"
	"msgid \"Danger\"\n"
	"msgstr \"<script>alert('x')</script> & \\\"co\\\"\"\n\n"
	"msgid \"August\"\nmsgstr \"août\"\n\n"
	"msgid \"%d post\"\nmsgid_plural \"%d posts\"\n"
	"msgstr[0] \"%d publication\"\nmsgstr[1] \"%d publications\"\n\n"
	"msgctxt \"menu\"\nmsgid \"Open\"\nmsgstr \"Ouvrir\"\n\n"
	"msgid \"Zebra\"\nmsgstr \"Zèbre\"\n";

static const char po_en[] =
	PO_HEADER("en", "nplurals=2; plural=(n != 1);")
	"msgid \"Save\"\nmsgstr \"Save\"\n\n"
	"msgid \"Welcome\"\nmsgstr \"Welcome!\"\n";

/* The temporary directory of the current test. */
static char tmpdir[64];

/* Creates a fresh temporary directory for one test. */
static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/reseauter-i18n-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

/* Removes the temporary directory of the test and all it holds. */
static int
teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes len bytes of p into tmpdir/name, or fails the test. */
static void
write_file(const char *name, const void *p, size_t len)
{
	char	 path[256];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(p, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/*
 * Reads tmpdir/name into a malloc'd buffer (freed by the caller) and its
 * size into *len, or fails the test.
 */
static unsigned char *
read_file(const char *name, size_t *len)
{
	char		 path[256];
	struct stat	 st;
	unsigned char	*p;
	FILE		*f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	assert_int_equal(stat(path, &st), 0);
	*len = (size_t)st.st_size;
	assert_non_null(p = malloc(*len + 1));
	assert_non_null(f = fopen(path, "rb"));
	assert_int_equal(fread(p, 1, *len, f), *len);
	fclose(f);
	return p;
}

/*
 * Compiles the .po text po into tmpdir/<lang>.mo with msgfmt and the extra
 * options opts ("" for none), or fails the test.
 */
static void
compile(const char *lang, const char *po, const char *opts)
{
	char	 name[32], cmd[512];

	snprintf(name, sizeof name, "%s.po", lang);
	write_file(name, po, strlen(po));
	snprintf(cmd, sizeof cmd, "msgfmt %s -o '%s/%s.mo' '%s/%s.po'",
	    opts, tmpdir, lang, tmpdir, lang);
	assert_int_equal(system(cmd), 0);
}

/* Builds the two good catalogues in tmpdir. */
static void
compile_both(void)
{
	compile("fr", po_fr, "");
	compile("en", po_en, "");
}

/* Loads the catalogues of tmpdir, expecting success. */
static struct i18n *
load_ok(void)
{
	struct i18n	*c = NULL;
	char		 err[256] = "";

	assert_int_equal(i18n_load(&c, tmpdir, err, sizeof err), RT_OK);
	assert_non_null(c);
	return c;
}

/* Reads the 32-bit little-endian word at off of p. */
static uint32_t
le32(const unsigned char *p, size_t off)
{
	return (uint32_t)p[off] | (uint32_t)p[off + 1] << 8 |
	    (uint32_t)p[off + 2] << 16 | (uint32_t)p[off + 3] << 24;
}

/* Writes the 32-bit little-endian word w at off of p. */
static void
put_le32(unsigned char *p, size_t off, uint32_t w)
{
	p[off] = w & 0xff;
	p[off + 1] = (w >> 8) & 0xff;
	p[off + 2] = (w >> 16) & 0xff;
	p[off + 3] = (w >> 24) & 0xff;
}

/*
 * Writes the len bytes of mo as tmpdir/fr.mo (en.mo being good), loads,
 * and expects RT_EINVAL, no catalogue, and an error naming fr.mo.
 */
static void
expect_refused(const unsigned char *mo, size_t len)
{
	struct i18n	*c = (struct i18n *)1;
	char		 err[256] = "";

	write_file("fr.mo", mo, len);
	assert_int_equal(i18n_load(&c, tmpdir, err, sizeof err), RT_EINVAL);
	assert_null(c);
	assert_non_null(strstr(err, "fr.mo"));
}

/* Translations are found in each language; the others fall back. */
static void
test_lookup(void **state)
{
	struct i18n	*c;

	(void)state;
	compile_both();
	c = load_ok();
	assert_string_equal(i18n_get(c, LANG_FR, "Save"), "Enregistrer");
	assert_string_equal(i18n_get(c, LANG_FR, "Welcome"), "Bienvenue");
	assert_string_equal(i18n_get(c, LANG_FR, "Zebra"), "Zèbre");
	assert_string_equal(i18n_get(c, LANG_EN, "Welcome"), "Welcome!");
	/* Not in the catalogue: the msgid itself, the same pointer. */
	const char *id = "Not translated";
	assert_ptr_equal(i18n_get(c, LANG_FR, id), id);
	assert_ptr_equal(i18n_get(c, LANG_EN, "Hello {{NAME}}"),
	    i18n_get(c, LANG_EN, "Hello {{NAME}}"));
	assert_string_equal(i18n_get(c, LANG_EN, "Danger"), "Danger");
	/* Before, after and between the sorted strings. */
	assert_string_equal(i18n_get(c, LANG_FR, "!"), "!");
	assert_string_equal(i18n_get(c, LANG_FR, "zzz"), "zzz");
	assert_string_equal(i18n_get(c, LANG_FR, "Sav"), "Sav");
	assert_string_equal(i18n_get(c, LANG_FR, "Savee"), "Savee");
	/* The header is never returned for "". */
	assert_string_equal(i18n_get(c, LANG_FR, ""), "");
	assert_string_equal(i18n_get(c, LANG_FR, NULL), "");
	/* A language outside the enum is French. */
	assert_string_equal(i18n_get(c, (enum lang)42, "Save"),
	    "Enregistrer");
	assert_string_equal(i18n_get(c, (enum lang)-1, "Save"),
	    "Enregistrer");
	i18n_free(c);
	/* No catalogue at all. */
	assert_string_equal(i18n_get(NULL, LANG_FR, "Save"), "Save");
	i18n_free(NULL);
}

/* Plural and context entries are read without harm. */
static void
test_plural_context(void **state)
{
	struct i18n	*c;

	(void)state;
	compile_both();
	c = load_ok();
	/* A plural entry: its singular finds the first form. */
	assert_string_equal(i18n_get(c, LANG_FR, "%d post"),
	    "%d publication");
	assert_string_equal(i18n_get(c, LANG_FR, "%d posts"), "%d posts");
	/* A context entry is not found without its context. */
	assert_string_equal(i18n_get(c, LANG_FR, "Open"), "Open");
	assert_string_equal(i18n_get(c, LANG_FR, "menu\004Open"), "Ouvrir");
	i18n_free(c);
}

/* A big-endian catalogue reads as well as a little-endian one. */
static void
test_big_endian(void **state)
{
	struct i18n	*c;
	unsigned char	*mo;
	size_t		 len;

	(void)state;
	compile("fr", po_fr, "--endianness=big");
	compile("en", po_en, "--endianness=little");
	mo = read_file("fr.mo", &len);
	assert_true(len > 4);
	assert_memory_equal(mo, "\x95\x04\x12\xde", 4);
	free(mo);
	mo = read_file("en.mo", &len);
	assert_memory_equal(mo, "\xde\x12\x04\x95", 4);
	free(mo);
	c = load_ok();
	assert_string_equal(i18n_get(c, LANG_FR, "Save"), "Enregistrer");
	assert_string_equal(i18n_get(c, LANG_FR, "Zebra"), "Zèbre");
	assert_string_equal(i18n_get(c, LANG_FR, "%d post"),
	    "%d publication");
	assert_string_equal(i18n_get(c, LANG_EN, "Welcome"), "Welcome!");
	assert_string_equal(i18n_get(c, LANG_FR, "Missing"), "Missing");
	i18n_free(c);
}

/* A missing file is RT_EIO and names the file. */
static void
test_missing_file(void **state)
{
	struct i18n	*c = (struct i18n *)1;
	char		 err[256] = "";

	(void)state;
	compile("fr", po_fr, "");
	assert_int_equal(i18n_load(&c, tmpdir, err, sizeof err), RT_EIO);
	assert_null(c);
	assert_non_null(strstr(err, "en.mo"));
	assert_int_equal(i18n_load(&c, "/nonexistent/dir", NULL, 0), RT_EIO);
	assert_null(c);
}

/* Damaged headers and tables are refused. */
static void
test_corrupt(void **state)
{
	unsigned char	*good, *mo;
	size_t		 len, otab, ttab, off, l;
	uint32_t	 n;

	(void)state;
	compile_both();
	good = read_file("fr.mo", &len);
	assert_int_equal(le32(good, 0), 0x950412de);
	n = le32(good, 8);
	otab = le32(good, 12);
	ttab = le32(good, 16);
	assert_true(n >= 4);
	assert_non_null(mo = malloc(len));

	/* Empty, shorter than the header, cut in the tables, cut in the
	 * strings, cut just before the last NUL. */
	expect_refused(good, 0);
	expect_refused(good, 20);
	expect_refused(good, otab + 4);
	expect_refused(good, len / 2);
	expect_refused(good, len - 1);

	memcpy(mo, good, len);
	mo[0] ^= 0xff;                          /* magic */
	expect_refused(mo, len);

	memcpy(mo, good, len);
	put_le32(mo, 4, 0x00020000);            /* revision 2.0 */
	expect_refused(mo, len);

	memcpy(mo, good, len);
	put_le32(mo, 8, 0x20000000);            /* N: 8 * N overflows 32 bits */
	expect_refused(mo, len);

	memcpy(mo, good, len);
	put_le32(mo, 8, 0xffffffff);            /* N at its maximum */
	expect_refused(mo, len);

	memcpy(mo, good, len);
	put_le32(mo, 12, (uint32_t)len);        /* O at the end of the file */
	expect_refused(mo, len);

	memcpy(mo, good, len);
	put_le32(mo, 16, 0xfffffff0);           /* T far out */
	expect_refused(mo, len);

	memcpy(mo, good, len);
	put_le32(mo, otab + 8 + 4, (uint32_t)len - 2); /* string 1 off */
	expect_refused(mo, len);

	memcpy(mo, good, len);
	put_le32(mo, otab + 8, 0xffffff00);     /* string 1 length */
	expect_refused(mo, len);

	memcpy(mo, good, len);
	put_le32(mo, ttab + 16 + 4, 0xffffffff); /* translation 2 offset */
	expect_refused(mo, len);

	/* The NUL after a translation replaced by a letter. */
	memcpy(mo, good, len);
	l = le32(good, ttab + 8);
	off = le32(good, ttab + 8 + 4);
	assert_true(off + l < len);
	mo[off + l] = 'x';
	expect_refused(mo, len);

	/* Original strings 1 and 2 swapped: no longer sorted. */
	memcpy(mo, good, len);
	memcpy(mo + otab + 8, good + otab + 16, 8);
	memcpy(mo + otab + 16, good + otab + 8, 8);
	expect_refused(mo, len);

	/* And the good file still loads after all this. */
	write_file("fr.mo", good, len);
	i18n_free(load_ok());
	free(mo);
	free(good);
}

/* A catalogue that is not UTF-8 is refused. */
static void
test_charset(void **state)
{
	static const char latin1[] =
	    "msgid \"\"\nmsgstr \"\"\n"
	    "\"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n"
	    "msgid \"Save\"\nmsgstr \"Enregistrer\"\n";
	struct i18n	*c = NULL;
	char		 err[256] = "";

	(void)state;
	compile("fr", latin1, "");
	compile("en", po_en, "");
	assert_int_equal(i18n_load(&c, tmpdir, err, sizeof err), RT_EINVAL);
	assert_null(c);
	assert_non_null(strstr(err, "UTF-8"));
}

/*
 * Random damage: thousands of files with a few bytes changed load or are
 * refused, and those that load answer lookups; AddressSanitizer turns any
 * read out of the file into a failure.
 */
static void
test_mutations(void **state)
{
	static const char *const ids[] = {
		"Save", "Welcome", "Zebra", "%d post", "", "Nope", "August",
	};
	unsigned char	*good, *mo;
	struct i18n	*c;
	size_t		 len, i, k, loaded = 0, refused = 0;
	int		 rc, j;

	(void)state;
	compile_both();
	good = read_file("fr.mo", &len);
	assert_non_null(mo = malloc(len));
	srand(1);
	for (i = 0; i < 3000; i++) {
		memcpy(mo, good, len);
		for (j = 0; j < 1 + rand() % 4; j++) {
			/* Most damage in the header and tables. */
			k = (size_t)rand() % (rand() % 2 ? 80 : len);
			mo[k < len ? k : len - 1] = (unsigned char)rand();
		}
		write_file("fr.mo", mo, len);
		c = NULL;
		rc = i18n_load(&c, tmpdir, NULL, 0);
		assert_true(rc == RT_OK || rc == RT_EINVAL);
		if (rc != RT_OK) {
			assert_null(c);
			refused++;
			continue;
		}
		loaded++;
		for (k = 0; k < sizeof ids / sizeof ids[0]; k++)
			assert_non_null(i18n_get(c, LANG_FR, ids[k]));
		i18n_free(c);
	}
	assert_true(loaded > 0);
	assert_true(refused > 0);
	free(mo);
	free(good);
}

/* Language codes. */
static void
test_lang_from_code(void **state)
{
	(void)state;
	assert_string_equal(lang_codes[LANG_FR], "fr");
	assert_string_equal(lang_codes[LANG_EN], "en");
	assert_int_equal(lang_from_code("fr"), LANG_FR);
	assert_int_equal(lang_from_code("FR"), LANG_FR);
	assert_int_equal(lang_from_code("Fr"), LANG_FR);
	assert_int_equal(lang_from_code("fr-CA"), LANG_FR);
	assert_int_equal(lang_from_code("fr_CA"), LANG_FR);
	assert_int_equal(lang_from_code("fr-Latn-CA"), LANG_FR);
	assert_int_equal(lang_from_code("en"), LANG_EN);
	assert_int_equal(lang_from_code("en-US"), LANG_EN);
	assert_int_equal(lang_from_code("EN-gb"), LANG_EN);
	assert_int_equal(lang_from_code(NULL), -1);
	assert_int_equal(lang_from_code(""), -1);
	assert_int_equal(lang_from_code("f"), -1);
	assert_int_equal(lang_from_code("de"), -1);
	assert_int_equal(lang_from_code("fra"), -1);
	assert_int_equal(lang_from_code("english"), -1);
	assert_int_equal(lang_from_code("fr-"), -1);
	assert_int_equal(lang_from_code("fr--CA"), -1);
	assert_int_equal(lang_from_code("fr CA"), -1);
	assert_int_equal(lang_from_code("fr-CA;q=0.8"), -1);
	assert_int_equal(lang_from_code("fr-abcdefghi"), -1);
}

/*
 * Expands src with the catalogues c in lang and compares with want,
 * checking the reported length too.
 */
static void
expect_expand(const struct i18n *c, enum lang lang, const char *src,
    const char *want)
{
	char	*out = NULL;
	size_t	 outlen = 0;

	assert_int_equal(i18n_expand_markers(c, lang, src, strlen(src), &out,
	    &outlen), RT_OK);
	assert_non_null(out);
	assert_string_equal(out, want);
	assert_int_equal(outlen, strlen(want));
	free(out);
}

/* Markers are translated and escaped; the rest is copied. */
static void
test_expand_markers(void **state)
{
	struct i18n	*c;
	char		*out;
	size_t		 outlen;

	(void)state;
	compile_both();
	c = load_ok();
	expect_expand(c, LANG_FR, "<p>[[Save]]</p>", "<p>Enregistrer</p>");
	expect_expand(c, LANG_EN, "<p>[[Save]]</p>", "<p>Save</p>");
	expect_expand(c, LANG_FR, "[[Save]][[Welcome]]",
	    "EnregistrerBienvenue");
	expect_expand(c, LANG_FR, "a [[Save]] b [[Welcome]] c",
	    "a Enregistrer b Bienvenue c");
	/* Escaping of what the translation holds; braces are kept. */
	expect_expand(c, LANG_FR, "<b>[[Danger]]</b>",
	    "<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
	    "&quot;co&quot;</b>");
	expect_expand(c, LANG_FR, "[[Hello {{NAME}}]]", "Bonjour {{NAME}}");
	/* An untranslated msgid is escaped as well. */
	expect_expand(c, LANG_FR, "[[Tom & <Jerry> \"'\"]]",
	    "Tom &amp; &lt;Jerry&gt; &quot;&#39;&quot;");
	expect_expand(c, LANG_FR, "[[août]]", "août");
	expect_expand(c, LANG_FR, "<i>[[August]]</i>", "<i>août</i>");
	/* Unterminated on its line: copied as is. */
	expect_expand(c, LANG_FR, "a [[Save", "a [[Save");
	expect_expand(c, LANG_FR, "a [[Save\n]] [[Welcome]]",
	    "a [[Save\n]] Bienvenue");
	expect_expand(c, LANG_FR, "[[Save] ]", "[[Save] ]");
	expect_expand(c, LANG_FR, "[", "[");
	expect_expand(c, LANG_FR, "[[", "[[");
	expect_expand(c, LANG_FR, "]]", "]]");
	/* The empty marker is text, and so is what follows it. */
	expect_expand(c, LANG_FR, "[[]]", "[[]]");
	expect_expand(c, LANG_FR, "[[]][[Save]]", "[[]]Enregistrer");
	/* The first "]]" closes; a "[" inside is part of the msgid. */
	expect_expand(c, LANG_FR, "[[[Save]]]", "[Save]");
	expect_expand(c, LANG_FR, "x[[Save]]]]", "xEnregistrer]]");
	/* No marker, empty text. */
	expect_expand(c, LANG_FR, "plain {{VAR}} text", "plain {{VAR}} text");
	expect_expand(c, LANG_FR, "", "");
	/* Without catalogues, msgids are their own translations. */
	expect_expand(NULL, LANG_FR, "[[Save]] & [[<x>]]",
	    "Save & &lt;x&gt;");

	/* Only len bytes are read: the marker is cut, so copied. */
	assert_int_equal(i18n_expand_markers(c, LANG_FR, "[[Save]]", 7, &out,
	    &outlen), RT_OK);
	assert_string_equal(out, "[[Save]");
	assert_int_equal(outlen, 7);
	free(out);
	assert_int_equal(i18n_expand_markers(c, LANG_FR, NULL, 0, &out,
	    NULL), RT_OK);
	assert_string_equal(out, "");
	free(out);
	i18n_free(c);
}

/*
 * A msgid longer than the stack copy is looked up all the same, and only
 * the translation is escaped, not the text around it.
 */
static void
test_expand_long_msgid(void **state)
{
	char	 src[1200], want[1200];

	(void)state;
	memset(src, 'a', sizeof src);
	src[0] = src[1] = '[';
	src[500] = '&';
	memcpy(src + 1000, "]] <", 5);
	memset(want, 'a', 1002);
	memcpy(want + 498, "&amp;", 5);
	memcpy(want + 1002, " <", 3);
	expect_expand(NULL, LANG_EN, src, want);
}

/* Dates in both languages, the first of the month, time zones, bounds. */
static void
test_dates(void **state)
{
	char	 out[64];

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	i18n_format_date(LANG_FR, 1795219200LL, out, sizeof out);
	assert_string_equal(out, "21 novembre 2026");
	i18n_format_date(LANG_EN, 1795219200LL, out, sizeof out);
	assert_string_equal(out, "November 21, 2026");
	/* The process's time zone decides the day: 23:59:59 UTC on the 21st
	 * is already the 22nd in Tokyo, and 03:00 UTC still the 20th in
	 * Montréal. */
	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	i18n_format_date(LANG_FR, 1795219200LL + 86399, out, sizeof out);
	assert_string_equal(out, "22 novembre 2026");
	setenv("TZ", "America/Montreal", 1);
	tzset();
	i18n_format_date(LANG_EN, 1795219200LL + 3 * 3600, out, sizeof out);
	assert_string_equal(out, "November 20, 2026");
	i18n_format_time(LANG_FR, 1795219200LL + 19 * 3600 + 5 * 60, out,
	    sizeof out);
	assert_string_equal(out, "14 h 05");
	i18n_format_time(LANG_EN, 1795219200LL + 19 * 3600 + 5 * 60, out,
	    sizeof out);
	assert_string_equal(out, "2:05 p.m.");
	i18n_format_time(LANG_EN, 1795219200LL + 5 * 3600, out, sizeof out);
	assert_string_equal(out, "12:00 a.m.");
	setenv("TZ", "UTC", 1);
	tzset();
	i18n_format_date(LANG_FR, 1793491200LL, out, sizeof out);
	assert_string_equal(out, "1er novembre 2026");
	i18n_format_date(LANG_EN, 1793491200LL, out, sizeof out);
	assert_string_equal(out, "November 1, 2026");
	i18n_format_date(LANG_FR, 1786752000LL, out, sizeof out);
	assert_string_equal(out, "15 août 2026");
	i18n_format_date(LANG_FR, 0, out, sizeof out);
	assert_string_equal(out, "1er janvier 1970");
	i18n_format_date(LANG_EN, -1, out, sizeof out);
	assert_string_equal(out, "December 31, 1969");
	/* A year that struct tm cannot hold. */
	strcpy(out, "x");
	i18n_format_date(LANG_FR, 0x7fffffffffffffffLL, out, sizeof out);
	assert_string_equal(out, "");
	/* Too small: empty rather than cut. */
	i18n_format_date(LANG_FR, 1795219200LL, out, 16);
	assert_string_equal(out, "");
	i18n_format_date(LANG_FR, 1795219200LL, out, 17);
	assert_string_equal(out, "21 novembre 2026");
	out[0] = 'x';
	i18n_format_date(LANG_FR, 1795219200LL, out, 0);
	assert_int_equal(out[0], 'x');

	i18n_format_iso_date(LANG_FR, "2026-11-21", out, sizeof out);
	assert_string_equal(out, "21 novembre 2026");
	i18n_format_iso_date(LANG_EN, "2026-11-21", out, sizeof out);
	assert_string_equal(out, "November 21, 2026");
	i18n_format_iso_date(LANG_FR, "2026-12-01", out, sizeof out);
	assert_string_equal(out, "1er décembre 2026");
	i18n_format_iso_date(LANG_EN, "2026-02-01", out, sizeof out);
	assert_string_equal(out, "February 1, 2026");
	i18n_format_iso_date(LANG_FR, "2024-02-29", out, sizeof out);
	assert_string_equal(out, "29 février 2024");
	i18n_format_iso_date(LANG_FR, "2000-02-29", out, sizeof out);
	assert_string_equal(out, "29 février 2000");
	/* Malformed or impossible: copied unchanged. */
	static const char *const bad[] = {
		"2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10",
		"2026-04-31", "2026-01-00", "2026-1-05", "2026-01-05x",
		"2026/01/05", "", "hier", "2026-01-0", "+026-01-05",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		i18n_format_iso_date(LANG_FR, bad[i], out, sizeof out);
		assert_string_equal(out, bad[i]);
	}
	i18n_format_iso_date(LANG_FR, NULL, out, sizeof out);
	assert_string_equal(out, "");
	i18n_format_iso_date(LANG_FR, "not a date at all", out, 5);
	assert_string_equal(out, "");
	i18n_format_iso_date(LANG_EN, "2026-11-21", out, 10);
	assert_string_equal(out, "");
}

/* The integers the brief names, in both languages. */
static void
test_format_int(void **state)
{
	char	 out[64];

	(void)state;
	i18n_format_int(LANG_FR, 0, out, sizeof out);
	assert_string_equal(out, "0");
	i18n_format_int(LANG_EN, 0, out, sizeof out);
	assert_string_equal(out, "0");
	i18n_format_int(LANG_FR, 999, out, sizeof out);
	assert_string_equal(out, "999");
	i18n_format_int(LANG_EN, 999, out, sizeof out);
	assert_string_equal(out, "999");
	/* Four digits are grouped too, as the OQLF writes "1 000". */
	i18n_format_int(LANG_FR, 1000, out, sizeof out);
	assert_string_equal(out, "1\xC2\xA0" "000");
	i18n_format_int(LANG_EN, 1000, out, sizeof out);
	assert_string_equal(out, "1,000");
	i18n_format_int(LANG_FR, 63206, out, sizeof out);
	assert_string_equal(out, "63\xC2\xA0" "206");
	i18n_format_int(LANG_EN, 63206, out, sizeof out);
	assert_string_equal(out, "63,206");
	i18n_format_int(LANG_FR, 1234567, out, sizeof out);
	assert_string_equal(out, "1\xC2\xA0" "234\xC2\xA0" "567");
	i18n_format_int(LANG_EN, 1234567, out, sizeof out);
	assert_string_equal(out, "1,234,567");
	i18n_format_int(LANG_FR, -5, out, sizeof out);
	assert_string_equal(out, "-5");
	i18n_format_int(LANG_FR, -1000, out, sizeof out);
	assert_string_equal(out, "-1\xC2\xA0" "000");
	i18n_format_int(LANG_EN, -1234567, out, sizeof out);
	assert_string_equal(out, "-1,234,567");
	/* The ends of a long long, LLONG_MIN having no positive twin. */
	i18n_format_int(LANG_EN, LLONG_MAX, out, sizeof out);
	assert_string_equal(out, "9,223,372,036,854,775,807");
	i18n_format_int(LANG_EN, LLONG_MIN, out, sizeof out);
	assert_string_equal(out, "-9,223,372,036,854,775,808");
	i18n_format_int(LANG_FR, LLONG_MIN, out, sizeof out);
	assert_string_equal(out, "-9\xC2\xA0" "223\xC2\xA0" "372\xC2\xA0"
	    "036\xC2\xA0" "854\xC2\xA0" "775\xC2\xA0" "808");
	assert_int_equal(strlen(out), 32);
	/* A language outside the enum is French, as for dates. */
	i18n_format_int(LANG__MAX, 2200, out, sizeof out);
	assert_string_equal(out, "2\xC2\xA0" "200");
}

/*
 * Too small a buffer gives "", never a number cut short nor half of a
 * NO-BREAK SPACE, and nothing is written past outlen: each size is tried
 * in a heap block of exactly that size, so that AddressSanitizer sees an
 * overflow of even one byte.
 */
static void
test_format_int_small(void **state)
{
	char	*buf, out[64];
	size_t	 size, need;
	int	 lang;

	(void)state;
	for (lang = LANG_FR; lang < LANG__MAX; lang++) {
		i18n_format_int((enum lang)lang, -1234567, out, sizeof out);
		need = strlen(out) + 1;
		assert_int_equal(need, lang == LANG_FR ? 13 : 11);
		for (size = 1; size <= need; size++) {
			buf = malloc(size);
			assert_non_null(buf);
			memset(buf, 'x', size);
			i18n_format_int((enum lang)lang, -1234567, buf, size);
			if (size < need)
				assert_string_equal(buf, "");
			else
				assert_string_equal(buf, out);
			free(buf);
		}
	}
	/* outlen 0 and a NULL out write nothing. */
	out[0] = 'x';
	i18n_format_int(LANG_FR, 1000, out, 0);
	assert_int_equal(out[0], 'x');
	i18n_format_int(LANG_FR, 1000, NULL, 8);
	/* "1 000" needs 6 bytes and 7 with its NUL: 6 is too few. */
	i18n_format_int(LANG_FR, 1000, out, 6);
	assert_string_equal(out, "");
	i18n_format_int(LANG_FR, 1000, out, 7);
	assert_string_equal(out, "1\xC2\xA0" "000");
	i18n_format_int(LANG_EN, 1000, out, 5);
	assert_string_equal(out, "");
	i18n_format_int(LANG_EN, 1000, out, 6);
	assert_string_equal(out, "1,000");
}

/*
 * Copies the EXPECTED field of numbers.txt into out (sized by the
 * caller), with each \u{HEX} written in UTF-8.  A malformed escape fails
 * the test.
 */
static void
number_unescape(const char *raw, char *out, size_t outlen, int lineno)
{
	unsigned long	 c;
	char		*end;
	size_t		 n = 0;

	while (*raw != '\0') {
		assert_true(n + 5 < outlen);
		if (raw[0] != '\\') {
			out[n++] = *raw++;
			continue;
		}
		if (raw[1] != 'u' || raw[2] != '{')
			fail_msg("numbers.txt:%d: unknown escape", lineno);
		c = strtoul(raw + 3, &end, 16);
		if (end == raw + 3 || *end != '}' || c > 0x10FFFF ||
		    (c >= 0xD800 && c <= 0xDFFF))
			fail_msg("numbers.txt:%d: bad \\u{...}", lineno);
		if (c < 0x80)
			out[n++] = (char)c;
		else if (c < 0x800) {
			out[n++] = (char)(0xC0 | (c >> 6));
			out[n++] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			out[n++] = (char)(0xE0 | (c >> 12));
			out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[n++] = (char)(0x80 | (c & 0x3F));
		} else {
			out[n++] = (char)(0xF0 | (c >> 18));
			out[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
			out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[n++] = (char)(0x80 | (c & 0x3F));
		}
		raw = end + 1;
	}
	out[n] = '\0';
}

/*
 * Every line of tests/charcount/numbers.txt, the cases that
 * static/charcount.js's formatInt() must meet as well.
 */
static void
test_format_int_cases(void **state)
{
	const char	*env = getenv("NUMBER_CASES"), *slash;
	char		 path[4096], line[512], want[256], got[64], *f[3], *end;
	FILE		*fp;
	long long	 n;
	int		 lineno = 0, cases = 0, langs = 0, lang, k;
	size_t		 len;

	(void)state;
	if (env != NULL && env[0] != '\0')
		snprintf(path, sizeof path, "%s", env);
	else {
		slash = strrchr(__FILE__, '/');
		snprintf(path, sizeof path, "%.*s../charcount/numbers.txt",
		    slash ? (int)(slash - __FILE__ + 1) : 0, __FILE__);
	}
	if ((fp = fopen(path, "r")) == NULL)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof line, fp) != NULL) {
		lineno++;
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		else if (!feof(fp))
			fail_msg("numbers.txt:%d: line too long", lineno);
		if (len == 0 || line[0] == '#')
			continue;
		f[0] = line;
		for (k = 1; k < 3; k++) {
			f[k] = strchr(f[k - 1], '\t');
			if (f[k] == NULL)
				fail_msg("numbers.txt:%d: needs 3 tab-separated "
				    "fields", lineno);
			*f[k]++ = '\0';
		}
		if (strchr(f[2], '\t') != NULL)
			fail_msg("numbers.txt:%d: more than 3 fields", lineno);
		if ((lang = lang_from_code(f[0])) < 0)
			fail_msg("numbers.txt:%d: unknown language %s", lineno,
			    f[0]);
		errno = 0;
		n = strtoll(f[1], &end, 10);
		if (end == f[1] || *end != '\0' || errno != 0)
			fail_msg("numbers.txt:%d: bad number %s", lineno, f[1]);
		number_unescape(f[2], want, sizeof want, lineno);
		i18n_format_int((enum lang)lang, n, got, sizeof got);
		if (strcmp(got, want) != 0)
			fail_msg("numbers.txt:%d: %s %lld gives \"%s\", not "
			    "\"%s\"", lineno, f[0], n, got, want);
		langs |= 1 << lang;
		cases++;
	}
	fclose(fp);
	assert_true(cases >= 20);
	assert_int_equal(langs, (1 << LANG_FR) | (1 << LANG_EN));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lookup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plural_context, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_big_endian, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_missing_file, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_corrupt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_charset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mutations, setup,
		    teardown),
		cmocka_unit_test(test_lang_from_code),
		cmocka_unit_test_setup_teardown(test_expand_markers, setup,
		    teardown),
		cmocka_unit_test(test_expand_long_msgid),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_format_int),
		cmocka_unit_test(test_format_int_small),
		cmocka_unit_test(test_format_int_cases),
	};

	return cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
}
