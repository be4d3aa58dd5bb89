/*
 * test_markdown.c: the x-markdown modifier of lib/tpl.cc, through
 * tpl_load() and tpl_expand() as the Markdown export uses it.
 *
 * What is typed must come out of a *.md.tpl as text that a Markdown
 * reader shows as typed and that makes nothing (no heading, list, quote,
 * link, image, raw HTML, emphasis, code or table), and the loader must
 * refuse the modifier where ctemplate would not escape after it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "buf.h"
#include "status.h"
#include "tpl.h"

/* One template per mode, each value between [ and ]. */
static const char md_tpl[] =
	"{{%AUTOESCAPE context=\"XML\"}}\n"
	"block=[{{V:x-markdown=block}}]\n"
	"line=[{{V:x-markdown=line}}]\n"
	"item=[{{V:x-markdown=item}}]\n"
	"quote=[{{V:x-markdown=quote}}]\n"
	"raw=[{{V}}]\n";

/* The temporary directory of the current test. */
static char tmpdir[64];

/* Writes text into tmpdir/name, or fails the test. */
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

/* A fresh temporary directory holding the good template in "md". */
static int
setup(void **state)
{
	char	 cmd[256];

	(void)state;
	strcpy(tmpdir, "/tmp/reseauter-md-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(cmd, sizeof cmd, "mkdir '%s/md' '%s/bad'", tmpdir, tmpdir);
	if (system(cmd) != 0)
		return -1;
	write_file("md/doc.md.tpl", md_tpl);
	return 0;
}

/* Removes the temporary directory. */
static int
teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Loads tmpdir/sub (no catalogue: markers are their msgids). */
static int
load(const char *sub, char *err, size_t errlen)
{
	char	 dir[256];

	snprintf(dir, sizeof dir, "%s/%s", tmpdir, sub);
	err[0] = '\0';
	return tpl_load(dir, NULL, err, errlen);
}

/*
 * Expands doc.md.tpl with {{V}} = value and writes into out (size outlen)
 * what the line "<mode>=[...]" holds between its brackets, up to the line
 * of the next mode (a value may span lines).
 */
static void
expand(const char *value, const char *mode, char *out, size_t outlen)
{
	static const char *const order[] = {
		"block", "line", "item", "quote", "raw", NULL
	};
	struct tpl_dict	*d;
	struct buf	 b = { NULL, 0, 0 };
	char		 head[32], tail[32], err[256];
	const char	*s, *start, *end;
	size_t		 i;

	if (load("md", err, sizeof err) != RT_OK)
		fail_msg("tpl_load: %s", err);
	assert_non_null(d = tpl_dict_new());
	tpl_set(d, "V", value);
	assert_int_equal(tpl_expand("fr/doc.md.tpl", d, &b), RT_OK);
	s = buf_str(&b);
	for (i = 0; order[i] != NULL && strcmp(order[i], mode) != 0; i++)
		;
	assert_non_null(order[i]);
	snprintf(head, sizeof head, "%s=[", mode);
	if (order[i + 1] != NULL)
		snprintf(tail, sizeof tail, "]\n%s=[", order[i + 1]);
	else
		snprintf(tail, sizeof tail, "]\n");
	if ((start = strstr(s, head)) == NULL)
		fail_msg("no %s in:\n%s", head, s);
	start += strlen(head);
	if ((end = strstr(start, tail)) == NULL)
		fail_msg("%s never closes in:\n%s", head, s);
	assert_true((size_t)(end - start) < outlen);
	memcpy(out, start, (size_t)(end - start));
	out[end - start] = '\0';
	tpl_dict_free(d);
	buf_free(&b);
}

/* Asserts that value comes out as want in mode. */
static void
check(const char *mode, const char *value, const char *want)
{
	char	 got[1024];

	expand(value, mode, got, sizeof got);
	if (strcmp(got, want) != 0)
		fail_msg("%s of \"%s\":\n got \"%s\"\nwant \"%s\"", mode, value,
		    got, want);
}

/* Inline syntax is escaped anywhere in the text. */
static void
test_inline(void **state)
{
	(void)state;
	check("block", "a*b `c` [l](javascript:x) ![i](u) <b>x</b> |t| ~~s~~",
	    "a\\*b \\`c\\` \\[l\\](javascript:x) !\\[i\\](u) \\<b>x\\</b> "
	    "\\|t\\| \\~\\~s\\~\\~");
	check("block", "back\\slash", "back\\\\slash");
	/* An underscore inside a word starts nothing; elsewhere it is escaped. */
	check("block", "snake_case_name _em_ a_ _b", "snake_case_name \\_em\\_ "
	    "a\\_ \\_b");
	/* & only where it would read as an entity. */
	check("block", "R&D &amp; &#39; &#x41; & fils &;",
	    "R&D \\&amp; \\&#39; \\&#x41; & fils &;");
	/* Text that is not syntax, UTF-8 and tabs, stays as it is. */
	check("block", "Comité « logement », 40 $ : 100 %\tfin",
	    "Comité « logement », 40 $ : 100 %\tfin");
	/* No escaping by ctemplate after ours: < " ' & stay characters. */
	check("block", "l'été \"x\" <", "l'été \"x\" \\<");
}

/* What starts a line is escaped at the start of every line. */
static void
test_line_starts(void **state)
{
	(void)state;
	check("block", "# h\n> q\n- l\n+ p\n= e\n12. n\n3) m\n    indented",
	    "\\# h  \n\\> q  \n\\- l  \n\\+ p  \n\\= e  \n12\\. n  \n3\\) m  \n"
	    "indented");
	/* Only at the start: the same characters inside a line stay. */
	check("block", "a # b > c - d 1. e", "a # b > c - d 1. e");
	check("block", "---", "\\---");
	check("block", "2026 est là", "2026 est là");
}

/* Lines and paragraphs, per mode. */
static void
test_modes(void **state)
{
	(void)state;
	check("block", "\n\n  a\r\nb\n\n\n\nc\n\n", "a  \nb\n\nc");
	check("line", "a\nb # c\n\nd", "a b \\# c d");
	check("item", "a\n- b\n\nc", "a  \n  \\- b  \n  c");
	check("quote", "a\nb\n\n> c", "a  \n> b\n>\n> \\> c");
	check("block", "", "");
	check("line", "\n \t\n", "");
	/* Control characters but tab and newline are dropped. */
	check("block", "a\x01\x1b[31mb\x7f", "a\\[31mb");
	/*
	 * And first: once they are gone, what opens a line is escaped as
	 * if they had never been there (found by fuzzing).
	 */
	check("block", "\x01# h\n\x02 > q\n12\x04) l\n\x7f- m",
	    "\\# h  \n\\> q  \n12\\) l  \n\\- m");
	check("block", "&am\x01p; a\x02_b", "\\&amp; a_b");
	check("line", "\x03#", "\\#");
}

/* A value without the modifier comes out as XML entities: inert. */
static void
test_raw(void **state)
{
	(void)state;
	check("raw", "<script>&", "&lt;script&gt;&amp;");
}

/* The loader keeps x-markdown to *.md.tpl files in the XML context. */
static void
test_refused(void **state)
{
	char	 err[256];

	(void)state;
	/* In an HTML template it would write raw HTML. */
	write_file("bad/page.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "<p>{{V:x-markdown=block}}</p>\n");
	assert_int_equal(load("bad", err, sizeof err), RT_EINVAL);
	assert_non_null(strstr(err, "page.tpl"));
	snprintf(err, sizeof err, "%s/bad/page.tpl", tmpdir);
	assert_int_equal(unlink(err), 0);
	/* A Markdown template must say XML. */
	write_file("bad/doc.md.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
	    "{{V:x-markdown=block}}\n");
	assert_int_equal(load("bad", err, sizeof err), RT_EINVAL);
	assert_non_null(strstr(err, "doc.md.tpl"));
	/* Without its argument ctemplate would not call it. */
	write_file("bad/doc.md.tpl", "{{%AUTOESCAPE context=\"XML\"}}\n"
	    "{{V:x-markdown}}\n");
	assert_int_equal(load("bad", err, sizeof err), RT_EINVAL);
	assert_non_null(strstr(err, "doc.md.tpl"));
	/* As it should be, it loads. */
	write_file("bad/doc.md.tpl", "{{%AUTOESCAPE context=\"XML\"}}\n"
	    "{{V:x-markdown=line}}\n");
	assert_int_equal(load("bad", err, sizeof err), RT_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_inline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_line_starts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_raw, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
	};

	return cmocka_run_group_tests_name("markdown", tests, NULL, NULL);
}
