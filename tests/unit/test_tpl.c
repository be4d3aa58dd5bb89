/*
 * test_tpl.c: lib/tpl.cc, the C face of ctemplate.
 *
 * Each test writes its templates (and, with msgfmt, its catalogues) into a
 * fresh temporary directory and loads them.  Besides our own code, these
 * tests pin down what we rely on in ctemplate: auto-escaping by context,
 * include dictionaries that see template-global values but not their
 * parent's, templates registered from strings found by {{>INCLUDE}}, and
 * values copied by SetValue().
 */
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "buf.h"
#include "i18n.h"
#include "status.h"
#include "tpl.h"

#define PRAGMA "{{%AUTOESCAPE context=\"HTML\"}}\n"

static const char page_tpl[] =
	PRAGMA
	"<title>[[Welcome]]</title>\n"
	"<p>{{TEXT}}</p>\n"
	"<a href=\"{{URL}}\" title=\"{{TITLE}}\">[[Danger]]</a>\n"
	"<img alt={{ALT}}>\n"
	"\n"
	"<ul>{{#ITEMS}}<li>{{ITEM}}/{{PARENT}}</li>{{/ITEMS}}</ul>\n"
	"{{#SHOWN}}<em>{{TEXT}}</em>{{/SHOWN}}\n"
	"{{#HIDDEN}}<hr>{{/HIDDEN}}\n"
	"<b>[[Hello {{NAME}}]]</b>\n"
	"<i>{{N}}</i>\n"
	"{{>PART}}\n";

static const char part_tpl[] =
	PRAGMA
	"<div>text=[{{TEXT}}] own=[{{OWN}}] csrf=[{{CSRF}}]</div>\n";

static const char po_fr[] =
	"msgid \"\"\nmsgstr \"\"\n"
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	"\"Language: fr\\n\"\n\n"
	"msgid \"Welcome\"\nmsgstr \"Bienvenue\"\n\n"
	"msgid \"Danger\"\nmsgstr \"Le \\\"lien\\\" <b>\"\n\n"
	"msgid \"Hello {{NAME}}\"\nmsgstr \"Bonjour {{NAME}}\"\n";

static const char po_en[] =
	"msgid \"\"\nmsgstr \"\"\n"
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	"\"Language: en\\n\"\n\n"
	"msgid \"Welcome\"\nmsgstr \"Welcome!\"\n";

/* The temporary directory of the current test. */
static char tmpdir[64];

/* The catalogues of the current test. */
static struct i18n *cat;

/* Writes the NUL-terminated text into tmpdir/name, or fails the test. */
static void
write_file(const char *name, const char *text)
{
	char	 path[256];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/*
 * Creates a fresh temporary directory with the catalogues in its
 * subdirectory "locale" and the two good templates in "tpl".
 */
static int
setup(void **state)
{
	char	 cmd[512], err[256];
	int	 rc;

	(void)state;
	strcpy(tmpdir, "/tmp/reseauter-tpl-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(cmd, sizeof cmd, "mkdir '%s/locale' '%s/tpl' '%s/bad' "
	    "'%s/empty'", tmpdir, tmpdir, tmpdir, tmpdir);
	if (system(cmd) != 0)
		return -1;
	write_file("locale/fr.po", po_fr);
	write_file("locale/en.po", po_en);
	snprintf(cmd, sizeof cmd, "msgfmt -o '%s/locale/fr.mo' "
	    "'%s/locale/fr.po' && msgfmt -o '%s/locale/en.mo' "
	    "'%s/locale/en.po'", tmpdir, tmpdir, tmpdir, tmpdir);
	if (system(cmd) != 0)
		return -1;
	snprintf(cmd, sizeof cmd, "%s/locale", tmpdir);
	if ((rc = i18n_load(&cat, cmd, err, sizeof err)) != RT_OK) {
		fprintf(stderr, "i18n_load: %s\n", err);
		return -1;
	}
	write_file("tpl/page.tpl", page_tpl);
	write_file("tpl/part.tpl", part_tpl);
	/* Neither a *.tpl nor visible: both left out (neither would load). */
	write_file("tpl/notes.txt", "no pragma");
	write_file("tpl/.hidden.tpl", "no pragma");
	return 0;
}

/* Removes the temporary directory and frees the catalogues. */
static int
teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	i18n_free(cat);
	cat = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Loads tmpdir/sub and returns the status, with err filled. */
static int
load(const char *sub, char *err, size_t errlen)
{
	char	 dir[256];

	snprintf(dir, sizeof dir, "%s/%s", tmpdir, sub);
	err[0] = '\0';
	return tpl_load(dir, cat, err, errlen);
}

/* Loads the good templates, or fails the test. */
static void
load_good(void)
{
	char	 err[256];
	int	 rc;

	rc = load("tpl", err, sizeof err);
	if (rc != RT_OK)
		fail_msg("tpl_load: %s", err);
}

/* Asserts that hay holds needle, showing hay when it does not. */
static void
assert_has(const char *hay, const char *needle)
{
	if (strstr(hay, needle) == NULL)
		fail_msg("\"%s\" not found in:\n%s", needle, hay);
}

/* Asserts that hay does not hold needle. */
static void
assert_lacks(const char *hay, const char *needle)
{
	if (strstr(hay, needle) != NULL)
		fail_msg("\"%s\" found in:\n%s", needle, hay);
}

/* Values are escaped by context: text, quoted and bare attributes, URLs. */
static void
test_escaping(void **state)
{
	struct tpl_dict	*d;
	struct buf	 out = { NULL, 0, 0 };
	const char	*s;

	(void)state;
	load_good();
	assert_non_null(d = tpl_dict_new());
	tpl_set(d, "TEXT", "<script>alert(1)</script>");
	tpl_set(d, "TITLE", "x\" onmouseover=\"alert(1)");
	tpl_set(d, "URL", "javascript:alert(1)");
	tpl_set(d, "ALT", "a onerror=alert(1)");
	assert_int_equal(tpl_expand("fr/page.tpl", d, &out), RT_OK);
	s = buf_str(&out);
	assert_has(s, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
	assert_lacks(s, "<script>");
	assert_has(s, "title=\"x&quot; onmouseover=&quot;alert(1)\"");
	assert_has(s, "href=\"#\"");
	assert_lacks(s, "javascript:");
	assert_lacks(s, "a onerror");
	/* An http URL passes, escaped for the attribute. */
	buf_reset(&out);
	tpl_set(d, "URL", "https://example.org/?a=1&b=\"2\"");
	assert_int_equal(tpl_expand("fr/page.tpl", d, &out), RT_OK);
	assert_has(buf_str(&out),
	    "href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\"");
	tpl_dict_free(d);
	buf_free(&out);
}

/*
 * Sections see their parent's values; an include sees its own values and
 * the template-global ones only; ShowSection shows once; hidden sections
 * stay hidden.
 */
static void
test_sections_includes_globals(void **state)
{
	struct tpl_dict	*d, *s1, *s2, *inc;
	struct buf	 out = { NULL, 0, 0 };
	const char	*s;

	(void)state;
	load_good();
	assert_non_null(d = tpl_dict_new());
	tpl_set(d, "TEXT", "parent-text");
	tpl_set(d, "PARENT", "P");
	tpl_set_global(d, "CSRF", "tok&en");
	assert_non_null(s1 = tpl_add_section(d, "ITEMS"));
	tpl_set(s1, "ITEM", "one");
	assert_non_null(s2 = tpl_add_section(d, "ITEMS"));
	tpl_set(s2, "ITEM", "two");
	tpl_set(s2, "PARENT", "own");
	tpl_show(d, "SHOWN");
	assert_non_null(inc = tpl_add_include(d, "PART", "fr/part.tpl"));
	tpl_set(inc, "OWN", "mine");
	assert_int_equal(tpl_expand("fr/page.tpl", d, &out), RT_OK);
	s = buf_str(&out);
	assert_has(s, "<ul><li>one/P</li><li>two/own</li></ul>");
	assert_has(s, "<em>parent-text</em>");
	assert_lacks(s, "<hr>");
	/* The include does not see TEXT, sees its OWN and the global CSRF. */
	assert_has(s, "<div>text=[] own=[mine] csrf=[tok&amp;en]</div>");
	tpl_dict_free(d);
	buf_free(&out);
}

/* Markers are translated per language; {{NAME}} inside works. */
static void
test_languages(void **state)
{
	struct tpl_dict	*d;
	struct buf	 out = { NULL, 0, 0 };
	const char	*s;

	(void)state;
	load_good();
	assert_non_null(d = tpl_dict_new());
	tpl_set(d, "NAME", "<Alice>");
	assert_int_equal(tpl_expand("fr/page.tpl", d, &out), RT_OK);
	s = buf_str(&out);
	assert_has(s, "<title>Bienvenue</title>");
	assert_has(s, ">Le &quot;lien&quot; &lt;b&gt;</a>");
	assert_has(s, "<b>Bonjour &lt;Alice&gt;</b>");
	buf_reset(&out);
	assert_int_equal(tpl_expand("en/page.tpl", d, &out), RT_OK);
	s = buf_str(&out);
	assert_has(s, "<title>Welcome!</title>");
	assert_has(s, ">Danger</a>");
	assert_has(s, "<b>Hello &lt;Alice&gt;</b>");
	/* STRIP_BLANK_LINES: the blank line of the template is gone. */
	assert_lacks(s, ">\n\n<");
	tpl_dict_free(d);
	buf_free(&out);
}

/*
 * Values and keys are copied, integers written in full, NULL values
 * empty.
 */
static void
test_values(void **state)
{
	struct tpl_dict	*d;
	struct buf	 out = { NULL, 0, 0 };
	char		 tmp[32], key[8];

	(void)state;
	load_good();
	assert_non_null(d = tpl_dict_new());
	strcpy(tmp, "before");
	tpl_set(d, "TEXT", tmp);
	strcpy(tmp, "after!");
	/* A key that is not a literal is copied too (but see tpl.cc). */
	strcpy(key, "ALT");
	tpl_set(d, key, "alt-value");
	strcpy(key, "XXX");
	tpl_set_int(d, "N", LLONG_MIN);
	tpl_set(d, "NAME", NULL);
	assert_int_equal(buf_puts(&out, "prefix|"), RT_OK);
	assert_int_equal(tpl_expand("en/page.tpl", d, &out), RT_OK);
	assert_true(strncmp(buf_str(&out), "prefix|", 7) == 0);
	assert_has(buf_str(&out), "<p>before</p>");
	assert_has(buf_str(&out), "<img alt=alt-value>");
	assert_has(buf_str(&out), "<i>-9223372036854775808</i>");
	assert_has(buf_str(&out), "<b>Hello </b>");
	buf_reset(&out);
	tpl_set_int(d, "N", 42);
	assert_int_equal(tpl_expand("en/page.tpl", d, &out), RT_OK);
	assert_has(buf_str(&out), "<i>42</i>");
	tpl_dict_free(d);
	buf_free(&out);
}

/*
 * Unknown templates, also files that exist on disk, and includes of them
 * are RT_ENOTFOUND with nothing appended; a NULL dictionary RT_ENOMEM.
 */
static void
test_not_found(void **state)
{
	struct tpl_dict	*d;
	struct buf	 out = { NULL, 0, 0 };
	char		 path[256];

	(void)state;
	load_good();
	assert_non_null(d = tpl_dict_new());
	assert_int_equal(buf_puts(&out, "kept"), RT_OK);
	assert_int_equal(tpl_expand("fr/nope.tpl", d, &out), RT_ENOTFOUND);
	assert_int_equal(tpl_expand("page.tpl", d, &out), RT_ENOTFOUND);
	assert_int_equal(tpl_expand("de/page.tpl", d, &out), RT_ENOTFOUND);
	assert_int_equal(tpl_expand(NULL, d, &out), RT_ENOTFOUND);
	/* A real file, by path: the frozen cache never reads the disk. */
	snprintf(path, sizeof path, "%s/tpl/page.tpl", tmpdir);
	assert_int_equal(tpl_expand(path, d, &out), RT_ENOTFOUND);
	assert_int_equal(tpl_expand("tpl/page.tpl", d, &out), RT_ENOTFOUND);
	assert_string_equal(buf_str(&out), "kept");
	/* An include of an unknown template. */
	assert_non_null(tpl_add_include(d, "PART", "fr/missing.tpl"));
	assert_int_equal(tpl_expand("fr/page.tpl", d, &out), RT_ENOTFOUND);
	assert_string_equal(buf_str(&out), "kept");
	/* A failed tpl_dict_new(), and what the setters make of it. */
	tpl_set(NULL, "TEXT", "x");
	tpl_set_global(NULL, "TEXT", "x");
	tpl_set_int(NULL, "N", 1);
	tpl_show(NULL, "SHOWN");
	assert_null(tpl_add_section(NULL, "ITEMS"));
	assert_null(tpl_add_include(NULL, "PART", "fr/part.tpl"));
	assert_int_equal(tpl_expand("fr/page.tpl", NULL, &out), RT_ENOMEM);
	tpl_dict_free(NULL);
	tpl_dict_free(d);
	buf_free(&out);
}

/* A template without the pragma on its first line is refused. */
static void
test_no_pragma(void **state)
{
	char	 err[256];

	(void)state;
	write_file("bad/a.tpl", part_tpl);
	write_file("bad/b.tpl", "<p>{{TEXT}}</p>\n");
	assert_int_equal(load("bad", err, sizeof err), RT_EINVAL);
	assert_has(err, "b.tpl");
	assert_has(err, "AUTOESCAPE");
	/* A blank line before the pragma. */
	write_file("bad/b.tpl", "\n" PRAGMA "<p>x</p>\n");
	assert_int_equal(load("bad", err, sizeof err), RT_EINVAL);
	assert_has(err, "b.tpl");
	/* Something after the pragma on its line. */
	write_file("bad/b.tpl", "{{%AUTOESCAPE context=\"HTML\"}} <p>\n");
	assert_int_equal(load("bad", err, sizeof err), RT_EINVAL);
	/* An unknown context is refused by ctemplate's parser. */
	write_file("bad/b.tpl", "{{%AUTOESCAPE context=\"NOPE\"}}\n<p>x</p>\n");
	assert_int_equal(load("bad", err, sizeof err), RT_EINVAL);
	assert_has(err, "b.tpl");
	/* With the pragma (and a CRLF line end), it loads. */
	write_file("bad/b.tpl",
	    "{{%AUTOESCAPE context=\"HTML\"}}\r\n<p>x</p>\n");
	assert_int_equal(load("bad", err, sizeof err), RT_OK);
}

/*
 * A template that does not parse is refused with its name, and the
 * previously loaded templates stay in use.
 */
static void
test_parse_error(void **state)
{
	struct tpl_dict	*d;
	struct buf	 out = { NULL, 0, 0 };
	char		 err[256];

	(void)state;
	load_good();
	write_file("bad/fine.tpl", part_tpl);
	write_file("bad/broken.tpl", PRAGMA "<p>{{#OPEN}}never closed</p>\n");
	assert_int_equal(load("bad", err, sizeof err), RT_EINVAL);
	assert_has(err, "broken.tpl");
	write_file("bad/broken.tpl", PRAGMA "<p>{{UNCLOSED</p>\n");
	assert_int_equal(load("bad", err, sizeof err), RT_EINVAL);
	assert_has(err, "broken.tpl");
	/* The good set is still the one expanded. */
	assert_non_null(d = tpl_dict_new());
	assert_int_equal(tpl_expand("fr/page.tpl", d, &out), RT_OK);
	assert_int_equal(tpl_expand("fr/fine.tpl", d, &out), RT_ENOTFOUND);
	tpl_dict_free(d);
	buf_free(&out);
}

/* Missing or empty directories are RT_EIO. */
static void
test_bad_dirs(void **state)
{
	char	 err[256];

	(void)state;
	assert_int_equal(load("absent", err, sizeof err), RT_EIO);
	assert_has(err, "absent");
	assert_int_equal(load("empty", err, sizeof err), RT_EIO);
	assert_has(err, "empty");
	assert_int_equal(tpl_load(NULL, cat, NULL, 0), RT_EIO);
}

/* Expansions from several threads at once give the same page. */
struct worker {
	const char	*want;   /* the expected page */
	int		 bad;    /* expansions that differed or failed */
};

/* Expands fr/page.tpl 200 times with a dictionary of its own. */
static void *
worker_run(void *arg)
{
	struct worker	*w = arg;
	struct tpl_dict	*d;
	struct buf	 out = { NULL, 0, 0 };
	int		 i;

	for (i = 0; i < 200; i++) {
		d = tpl_dict_new();
		tpl_set(d, "TEXT", "<t>");
		tpl_set_global(d, "CSRF", "c");
		tpl_add_include(d, "PART", "fr/part.tpl");
		buf_reset(&out);
		if (tpl_expand("fr/page.tpl", d, &out) != RT_OK ||
		    strcmp(buf_str(&out), w->want) != 0)
			w->bad++;
		tpl_dict_free(d);
	}
	buf_free(&out);
	return NULL;
}

/* Four threads expand concurrently. */
static void
test_threads(void **state)
{
	struct worker	 w[4];
	pthread_t	 t[4];
	struct buf	 want = { NULL, 0, 0 };
	int		 i;

	(void)state;
	load_good();
	w[0].bad = 0;
	w[0].want = NULL;
	{
		struct tpl_dict *d = tpl_dict_new();

		tpl_set(d, "TEXT", "<t>");
		tpl_set_global(d, "CSRF", "c");
		tpl_add_include(d, "PART", "fr/part.tpl");
		assert_int_equal(tpl_expand("fr/page.tpl", d, &want), RT_OK);
		tpl_dict_free(d);
	}
	assert_has(buf_str(&want), "csrf=[c]");
	for (i = 0; i < 4; i++) {
		w[i].want = buf_str(&want);
		w[i].bad = 0;
		assert_int_equal(pthread_create(&t[i], NULL, worker_run, &w[i]),
		    0);
	}
	for (i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(w[i].bad, 0);
	}
	buf_free(&want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_escaping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sections_includes_globals,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_languages, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_found, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_no_pragma, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_parse_error, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bad_dirs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
	};

	return cmocka_run_group_tests_name("tpl", tests, NULL, NULL);
}
