/*
 * test_http.c: unit tests of lib/http.c.
 *
 * lib/http.c and lib/buf.c are compiled into this program with their
 * allocation calls redirected to fault_*() functions that fail on demand,
 * so that every out-of-memory path is exercised.  The http.o and buf.o of
 * libreseauter.a are then not linked in, since this file already defines
 * their symbols.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <setjmp.h>
#include <cmocka.h>

#include "status.h"

/*
 * The number of allocations left before one fails, or -1 for never.  Each
 * test that sets it puts it back to -1.
 */
static long fault_left = -1;

/*
 * Returns non-zero when the allocation about to be made must fail, and
 * counts it down otherwise.
 */
static int
fault_now(void)
{
	if (fault_left == 0)
		return 1;
	if (fault_left > 0)
		fault_left--;
	return 0;
}

/* malloc() that fails on demand. */
static void *
fault_malloc(size_t n)
{
	return fault_now() ? NULL : malloc(n);
}

/* realloc() that fails on demand, leaving p untouched then. */
static void *
fault_realloc(void *p, size_t n)
{
	return fault_now() ? NULL : realloc(p, n);
}

/* strdup() that fails on demand. */
static char *
fault_strdup(const char *s)
{
	return fault_now() ? NULL : strdup(s);
}

/* strndup() that fails on demand. */
static char *
fault_strndup(const char *s, size_t n)
{
	return fault_now() ? NULL : strndup(s, n);
}

#undef malloc
#undef realloc
#undef strdup
#undef strndup
#define malloc(n) fault_malloc(n)
#define realloc(p, n) fault_realloc((p), (n))
#define strdup(s) fault_strdup(s)
#define strndup(s, n) fault_strndup((s), (n))
#include "../../lib/buf.c"
#include "../../lib/http.c"
#undef malloc
#undef realloc
#undef strdup
#undef strndup

/*
 * Decodes the NUL-terminated in and checks that it gives rc and, on
 * success, exactly want (of strlen(want) bytes).
 */
static void
check_decode(const char *in, int plus, int rc, const char *want)
{
	char	*out = (char *)0x1;
	size_t	 outlen = 12345;

	assert_int_equal(http_percent_decode(in, strlen(in), plus, &out,
	    &outlen), rc);
	if (rc != RT_OK) {
		/* Nothing is touched on failure. */
		assert_ptr_equal(out, (char *)0x1);
		assert_int_equal(outlen, 12345);
		return;
	}
	assert_non_null(want);
	assert_string_equal(out, want);
	assert_int_equal(outlen, strlen(want));
	free(out);
}

/* Pairs are added, found by name and counted; values are copies. */
static void
test_kvlist_basic(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };
	char		 v[] = "one";

	(void)state;
	assert_null(kvlist_get(&l, "a"));
	assert_int_equal(kvlist_count(&l, "a"), 0);
	assert_int_equal(kvlist_add(&l, "a", v, 3), RT_OK);
	v[0] = 'X';
	assert_int_equal(kvlist_add(&l, "b", NULL, 0), RT_OK);
	assert_int_equal(kvlist_add(&l, "a", "two!", 3), RT_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(kvlist_get(&l, "a"), "one");
	assert_string_equal(kvlist_get(&l, "b"), "");
	assert_int_equal(l.v[1].vlen, 0);
	assert_string_equal(kvlist_get_nth(&l, "a", 1), "two");
	assert_int_equal(l.v[2].vlen, 3);
	assert_null(kvlist_get_nth(&l, "a", 2));
	assert_null(kvlist_get_nth(&l, "b", 1));
	assert_null(kvlist_get(&l, "A"));
	assert_null(kvlist_get(&l, ""));
	assert_int_equal(kvlist_count(&l, "a"), 2);
	assert_int_equal(kvlist_count(&l, "b"), 1);
	assert_int_equal(kvlist_count(&l, "c"), 0);
	kvlist_free(&l);
	assert_null(l.v);
	assert_int_equal(l.n, 0);
	assert_int_equal(l.cap, 0);
	kvlist_free(&l);
	assert_int_equal(kvlist_add(&l, "again", "1", 1), RT_OK);
	assert_string_equal(kvlist_get(&l, "again"), "1");
	kvlist_free(&l);
}

/* The list grows past its first allocation and keeps its order. */
static void
test_kvlist_growth(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };
	char		 k[32], v[32];
	size_t		 i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		snprintf(k, sizeof(k), "k%zu", i);
		snprintf(v, sizeof(v), "v%zu", i);
		assert_int_equal(kvlist_add(&l, k, v, strlen(v)), RT_OK);
	}
	assert_int_equal(l.n, 1000);
	assert_true(l.cap >= 1000);
	assert_string_equal(kvlist_get(&l, "k0"), "v0");
	assert_string_equal(kvlist_get(&l, "k999"), "v999");
	assert_string_equal(l.v[500].key, "k500");
	kvlist_free(&l);
}

/* Every failed allocation of kvlist_add leaves the list as it was. */
static void
test_kvlist_oom(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };
	long		 k;
	int		 rc;

	(void)state;
	for (k = 0; ; k++) {
		fault_left = k;
		rc = kvlist_add(&l, "key", "value", 5);
		fault_left = -1;
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
		assert_int_equal(l.n, 0);
		assert_null(kvlist_get(&l, "key"));
		kvlist_free(&l);
	}
	/* The array, the key and the value fail in turn. */
	assert_int_equal(k, 3);
	assert_int_equal(l.n, 1);
	assert_string_equal(kvlist_get(&l, "key"), "value");

	/* Growing a full array fails cleanly too. */
	while (l.n < l.cap)
		assert_int_equal(kvlist_add(&l, "f", "", 0), RT_OK);
	fault_left = 0;
	assert_int_equal(kvlist_add(&l, "g", "1", 1), RT_ENOMEM);
	fault_left = -1;
	assert_int_equal(l.n, 8);
	assert_null(kvlist_get(&l, "g"));
	kvlist_free(&l);
}

/* Plain text, escapes and '+' decode as they should. */
static void
test_decode_ok(void **state)
{
	char	*out = NULL;
	size_t	 outlen = 1;

	(void)state;
	check_decode("abc", 1, RT_OK, "abc");
	check_decode("", 1, RT_OK, "");
	check_decode("a%20b", 0, RT_OK, "a b");
	check_decode("a+b", 1, RT_OK, "a b");
	check_decode("a+b", 0, RT_OK, "a+b");
	check_decode("%2B", 1, RT_OK, "+");
	check_decode("%2b%2F%3d", 1, RT_OK, "+/=");
	check_decode("%41%7e", 0, RT_OK, "A~");
	check_decode("%C3%A9t%C3%A9", 1, RT_OK, "\xc3\xa9t\xc3\xa9");
	check_decode("%c3%a9", 1, RT_OK, "\xc3\xa9");
	check_decode("%E2%82%AC", 1, RT_OK, "\xe2\x82\xac");
	check_decode("%F0%9F%98%80", 1, RT_OK, "\xf0\x9f\x98\x80");
	check_decode("\xc3\xa9+%C3%A9", 1, RT_OK, "\xc3\xa9 \xc3\xa9");
	check_decode("%F4%8F%BF%BF", 1, RT_OK, "\xf4\x8f\xbf\xbf");
	check_decode("%25", 1, RT_OK, "%");
	check_decode("%2525", 1, RT_OK, "%25");

	/* NULL input of length 0 is the empty string. */
	assert_int_equal(http_percent_decode(NULL, 0, 1, &out, &outlen),
	    RT_OK);
	assert_string_equal(out, "");
	assert_int_equal(outlen, 0);
	free(out);

	/* Only len bytes are read. */
	assert_int_equal(http_percent_decode("ab%41", 2, 1, &out, &outlen),
	    RT_OK);
	assert_string_equal(out, "ab");
	free(out);
}

/* Truncated, non-hex and NUL escapes are RT_EINVAL. */
static void
test_decode_einval(void **state)
{
	char	*out = (char *)0x1;
	size_t	 outlen = 7;

	(void)state;
	check_decode("%", 1, RT_EINVAL, NULL);
	check_decode("%2", 1, RT_EINVAL, NULL);
	check_decode("abc%2", 1, RT_EINVAL, NULL);
	check_decode("%zz", 1, RT_EINVAL, NULL);
	check_decode("%g0", 1, RT_EINVAL, NULL);
	check_decode("%0g", 1, RT_EINVAL, NULL);
	check_decode("%%41", 1, RT_EINVAL, NULL);
	check_decode("% 41", 1, RT_EINVAL, NULL);
	check_decode("%00", 1, RT_EINVAL, NULL);
	check_decode("a%00b", 1, RT_EINVAL, NULL);
	check_decode("%-1", 1, RT_EINVAL, NULL);

	/* A raw NUL inside the input is refused as well. */
	assert_int_equal(http_percent_decode("a\0b", 3, 1, &out, &outlen),
	    RT_EINVAL);
	assert_ptr_equal(out, (char *)0x1);
	/* "%4" followed by a NUL that len covers is truncated, not "%40". */
	assert_int_equal(http_percent_decode("%4\0", 3, 1, &out, &outlen),
	    RT_EINVAL);
	assert_int_equal(http_percent_decode("%41", 2, 1, &out, &outlen),
	    RT_EINVAL);
	assert_int_equal(outlen, 7);
}

/* Bytes that are not valid UTF-8 once decoded are RT_EUTF8. */
static void
test_decode_eutf8(void **state)
{
	(void)state;
	check_decode("%C0%AF", 1, RT_EUTF8, NULL);       /* overlong '/' */
	check_decode("%C1%BF", 1, RT_EUTF8, NULL);       /* overlong */
	check_decode("%E0%80%AF", 1, RT_EUTF8, NULL);    /* overlong */
	check_decode("%F0%80%80%AF", 1, RT_EUTF8, NULL); /* overlong */
	check_decode("%ED%A0%80", 1, RT_EUTF8, NULL);    /* U+D800 */
	check_decode("%ED%BF%BF", 1, RT_EUTF8, NULL);    /* U+DFFF */
	check_decode("%F4%90%80%80", 1, RT_EUTF8, NULL); /* U+110000 */
	check_decode("%C3", 1, RT_EUTF8, NULL);          /* truncated */
	check_decode("%E2%82", 1, RT_EUTF8, NULL);       /* truncated */
	check_decode("%F0%9F%98", 1, RT_EUTF8, NULL);    /* truncated */
	check_decode("%80", 1, RT_EUTF8, NULL);          /* continuation */
	check_decode("%C3%28", 1, RT_EUTF8, NULL);       /* bad continuation */
	check_decode("%FF", 1, RT_EUTF8, NULL);
	check_decode("%FE%FF", 1, RT_EUTF8, NULL);
	check_decode("%F5%80%80%80", 1, RT_EUTF8, NULL);
	check_decode("\xe9t\xe9", 1, RT_EUTF8, NULL);     /* raw Latin-1 */
	/* An escape error found first wins over a UTF-8 error. */
	check_decode("%FF%zz", 1, RT_EINVAL, NULL);
}

/* A failed allocation is RT_ENOMEM and leaves the outputs alone. */
static void
test_decode_oom(void **state)
{
	char	*out = (char *)0x1;
	size_t	 outlen = 7;

	(void)state;
	fault_left = 0;
	assert_int_equal(http_percent_decode("abc", 3, 1, &out, &outlen),
	    RT_ENOMEM);
	fault_left = -1;
	assert_ptr_equal(out, (char *)0x1);
	assert_int_equal(outlen, 7);
	assert_int_equal(http_percent_decode("x", SIZE_MAX, 1, &out, &outlen),
	    RT_ENOMEM);
}

/* The UTF-8 validator accepts every boundary and refuses the rest. */
static void
test_utf8_valid(void **state)
{
	static const char *const good[] = {
		"", "a", "\x7f", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80",
		"\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf",
		"\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "h\xc3\xa9llo",
		"\xf0\x9f\x98\x80!",
	};
	static const char *const bad[] = {
		"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xc2", "\xc2\x7f",
		"\xc2\xc0", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf",
		"\xe2\x82", "\xe2\x28\xa1", "\xf0\x8f\xbf\xbf",
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80",
		"\xfe", "\xff", "a\xc3", "\xf0\x9f\x98",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(utf8_valid(good[i], strlen(good[i])));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(utf8_valid(bad[i], strlen(bad[i])));
	assert_true(utf8_valid(NULL, 0));
	assert_true(utf8_valid("\0", 1));
	/* A sequence cut by len is invalid even if the bytes go on. */
	assert_false(utf8_valid("\xc3\xa9", 1));
	assert_true(utf8_valid("\xc3\xa9", 2));
}

/* utf8_length counts code points, not bytes. */
static void
test_utf8_length(void **state)
{
	(void)state;
	assert_int_equal(utf8_length("", 0), 0);
	assert_int_equal(utf8_length(NULL, 0), 0);
	assert_int_equal(utf8_length("abc", 3), 3);
	assert_int_equal(utf8_length("h\xc3\xa9llo", 6), 5);
	assert_int_equal(utf8_length("\xe2\x82\xac", 3), 1);
	assert_int_equal(utf8_length("\xf0\x9f\x98\x80" "a", 5), 2);
	assert_int_equal(utf8_length("Qu\xc3\xa9" "bec \xc3\xa9t\xc3\xa9",
	    13), 10);
	assert_int_equal(utf8_length("\0\0", 2), 2);
}

/* Empty input and empty segments give no pair. */
static void
test_urlencoded_empty(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(http_parse_urlencoded(NULL, 0, &l), RT_OK);
	assert_int_equal(http_parse_urlencoded("", 0, &l), RT_OK);
	assert_int_equal(http_parse_urlencoded("&", 1, &l), RT_OK);
	assert_int_equal(http_parse_urlencoded("&&", 2, &l), RT_OK);
	assert_int_equal(http_parse_urlencoded("&&&&&", 5, &l), RT_OK);
	assert_int_equal(l.n, 0);
	kvlist_free(&l);
}

/* Keys without '=', empty values and empty keys. */
static void
test_urlencoded_shapes(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };
	const char	*s = "a&b=&=c&d=1=2&&e=x&";

	(void)state;
	assert_int_equal(http_parse_urlencoded(s, strlen(s), &l), RT_OK);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0].key, "a");
	assert_string_equal(l.v[0].val, "");
	assert_string_equal(l.v[1].key, "b");
	assert_string_equal(l.v[1].val, "");
	assert_string_equal(l.v[2].key, "");
	assert_string_equal(l.v[2].val, "c");
	assert_string_equal(l.v[3].key, "d");
	assert_string_equal(l.v[3].val, "1=2");
	assert_int_equal(l.v[3].vlen, 3);
	assert_string_equal(l.v[4].key, "e");
	assert_string_equal(l.v[4].val, "x");
	kvlist_free(&l);

	assert_int_equal(http_parse_urlencoded("a", 1, &l), RT_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kvlist_get(&l, "a"), "");
	kvlist_free(&l);

	assert_int_equal(http_parse_urlencoded("a=", 2, &l), RT_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kvlist_get(&l, "a"), "");
	kvlist_free(&l);

	assert_int_equal(http_parse_urlencoded("=b", 2, &l), RT_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kvlist_get(&l, ""), "b");
	kvlist_free(&l);

	assert_int_equal(http_parse_urlencoded("=", 1, &l), RT_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kvlist_get(&l, ""), "");
	kvlist_free(&l);
}

/* Keys and values are decoded; repeated keys keep their order. */
static void
test_urlencoded_decode(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };
	const char	*s = "first+name=Marie-%C3%88ve&obj=a+b%2Bc&obj=2"
	    "&obj=%E2%82%AC;x=1";

	(void)state;
	assert_int_equal(http_parse_urlencoded(s, strlen(s), &l), RT_OK);
	assert_int_equal(l.n, 4);
	assert_string_equal(kvlist_get(&l, "first name"),
	    "Marie-\xc3\x88ve");
	assert_int_equal(kvlist_count(&l, "obj"), 3);
	assert_string_equal(kvlist_get_nth(&l, "obj", 0), "a b+c");
	assert_string_equal(kvlist_get_nth(&l, "obj", 1), "2");
	/* ';' is not a separator. */
	assert_string_equal(kvlist_get_nth(&l, "obj", 2), "\xe2\x82\xac;x=1");
	kvlist_free(&l);

	/* Only len bytes are read. */
	assert_int_equal(http_parse_urlencoded("a=1&b=2", 3, &l), RT_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kvlist_get(&l, "a"), "1");
	kvlist_free(&l);
}

/* Parsing stops at a bad pair and keeps those before it. */
static void
test_urlencoded_errors(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };
	const char	*s;

	(void)state;
	s = "a=1&b=%zz&c=3";
	assert_int_equal(http_parse_urlencoded(s, strlen(s), &l), RT_EINVAL);
	assert_int_equal(l.n, 1);
	assert_string_equal(kvlist_get(&l, "a"), "1");
	assert_null(kvlist_get(&l, "c"));
	kvlist_free(&l);

	s = "a=1&b=%C0%AF";
	assert_int_equal(http_parse_urlencoded(s, strlen(s), &l), RT_EUTF8);
	assert_int_equal(l.n, 1);
	kvlist_free(&l);

	s = "%00=1";
	assert_int_equal(http_parse_urlencoded(s, strlen(s), &l), RT_EINVAL);
	assert_int_equal(l.n, 0);

	s = "k%ED%A0%80=1";
	assert_int_equal(http_parse_urlencoded(s, strlen(s), &l), RT_EUTF8);
	assert_int_equal(l.n, 0);

	s = "a=%2";
	assert_int_equal(http_parse_urlencoded(s, strlen(s), &l), RT_EINVAL);
	assert_int_equal(l.n, 0);
	kvlist_free(&l);
}

/* A megabyte value and a hundred thousand pairs parse correctly. */
static void
test_urlencoded_huge(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	(void)state;
	assert_int_equal(buf_puts(&b, "big="), RT_OK);
	for (i = 0; i < 1024 * 1024 / 4; i++)
		assert_int_equal(buf_puts(&b, "x%41"), RT_OK);
	assert_int_equal(http_parse_urlencoded(b.data, b.len, &l), RT_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].vlen, 1024 * 1024 / 2);
	assert_memory_equal(l.v[0].val, "xAxA", 4);
	assert_int_equal(strlen(l.v[0].val), l.v[0].vlen);
	kvlist_free(&l);

	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		assert_int_equal(buf_printf(&b, "k=%zu&", i), RT_OK);
	assert_int_equal(http_parse_urlencoded(b.data, b.len, &l), RT_OK);
	assert_int_equal(l.n, 100000);
	assert_int_equal(kvlist_count(&l, "k"), 100000);
	assert_string_equal(kvlist_get_nth(&l, "k", 99999), "99999");
	kvlist_free(&l);
	buf_free(&b);
}

/* Every failed allocation gives RT_ENOMEM and a list of whole pairs. */
static void
test_urlencoded_oom(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };
	const char	*s = "a=1&b=%C3%A9&c";
	long		 k;
	size_t		 i;
	int		 rc;

	(void)state;
	for (k = 0; ; k++) {
		fault_left = k;
		rc = http_parse_urlencoded(s, strlen(s), &l);
		fault_left = -1;
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
		assert_true(l.n < 3);
		for (i = 0; i < l.n; i++)
			assert_non_null(l.v[i].val);
		if (l.n > 0)
			assert_string_equal(kvlist_get(&l, "a"), "1");
		kvlist_free(&l);
	}
	assert_true(k > 3);
	assert_int_equal(l.n, 3);
	assert_string_equal(kvlist_get(&l, "b"), "\xc3\xa9");
	assert_string_equal(kvlist_get(&l, "c"), "");
	kvlist_free(&l);
}

/* Cookies are split, trimmed and unquoted. */
static void
test_cookies_ok(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(http_parse_cookies("a=1; b=2", &l), RT_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(kvlist_get(&l, "a"), "1");
	assert_string_equal(kvlist_get(&l, "b"), "2");
	kvlist_free(&l);

	assert_int_equal(http_parse_cookies("a=1;b=2", &l), RT_OK);
	assert_int_equal(l.n, 2);
	kvlist_free(&l);

	assert_int_equal(http_parse_cookies("  a = 1 ;\tb=two words\t; ",
	    &l), RT_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].key, "a");
	assert_string_equal(l.v[0].val, "1");
	assert_string_equal(kvlist_get(&l, "b"), "two words");
	kvlist_free(&l);

	assert_int_equal(http_parse_cookies("q=\"xyz\"; e=\"\"; h=\"; "
	    "m=\"a\"b", &l), RT_OK);
	assert_string_equal(kvlist_get(&l, "q"), "xyz");
	assert_string_equal(kvlist_get(&l, "e"), "");
	assert_string_equal(kvlist_get(&l, "h"), "\"");
	assert_string_equal(kvlist_get(&l, "m"), "\"a\"b");
	kvlist_free(&l);

	assert_int_equal(http_parse_cookies("sid=abc==; sid=other; x=", &l),
	    RT_OK);
	assert_int_equal(kvlist_count(&l, "sid"), 2);
	assert_string_equal(kvlist_get(&l, "sid"), "abc==");
	assert_string_equal(kvlist_get_nth(&l, "sid", 1), "other");
	assert_string_equal(kvlist_get(&l, "x"), "");
	kvlist_free(&l);

	assert_int_equal(http_parse_cookies("__Host-sid=A_b-9", &l), RT_OK);
	assert_string_equal(kvlist_get(&l, "__Host-sid"), "A_b-9");
	kvlist_free(&l);
}

/* Malformed segments are skipped; the good ones are kept. */
static void
test_cookies_malformed(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(http_parse_cookies(NULL, &l), RT_OK);
	assert_int_equal(http_parse_cookies("", &l), RT_OK);
	assert_int_equal(http_parse_cookies(";;;", &l), RT_OK);
	assert_int_equal(http_parse_cookies("   ", &l), RT_OK);
	assert_int_equal(http_parse_cookies("junk", &l), RT_OK);
	assert_int_equal(http_parse_cookies("=v", &l), RT_OK);
	assert_int_equal(http_parse_cookies(" = v", &l), RT_OK);
	assert_int_equal(l.n, 0);

	assert_int_equal(http_parse_cookies("junk; a b=1; c\x01=2; "
	    "d=\x01; e=caf\xc3\xa9; f=\x7f; =g; ok=1; g", &l), RT_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kvlist_get(&l, "ok"), "1");
	kvlist_free(&l);
}

/* Every failed allocation gives RT_ENOMEM and whole pairs. */
static void
test_cookies_oom(void **state)
{
	struct kvlist	 l = { NULL, 0, 0 };
	long		 k;
	int		 rc;

	(void)state;
	for (k = 0; ; k++) {
		fault_left = k;
		rc = http_parse_cookies("a=1; junk; b=2", &l);
		fault_left = -1;
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
		assert_true(l.n < 2);
		kvlist_free(&l);
	}
	assert_true(k >= 4);
	assert_int_equal(l.n, 2);
	assert_string_equal(kvlist_get(&l, "b"), "2");
	kvlist_free(&l);
}

/* Accept-Language honours q-values, regions, '*' and order. */
static void
test_accept_language(void **state)
{
	static const char *const sup[] = { "fr", "en" };
	static const char *const sup_ca[] = { "fr-CA", "en" };
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	(void)state;
#define AL(h) http_accept_language((h), sup, 2)
	assert_int_equal(AL(NULL), -1);
	assert_int_equal(AL(""), -1);
	assert_int_equal(AL("de"), -1);
	assert_int_equal(AL("fr"), 0);
	assert_int_equal(AL("en"), 1);
	assert_int_equal(AL("FR-ca"), 0);
	assert_int_equal(AL("en-US,en;q=0.9,fr;q=0.8"), 1);
	assert_int_equal(AL("fr-CA,fr;q=0.9,en-US;q=0.8,en;q=0.7"), 0);
	assert_int_equal(AL("en;q=0.5, fr;q=0.8"), 0);
	assert_int_equal(AL("de;q=1, en;q=0.001"), 1);
	assert_int_equal(AL("fr-CA;q=0.9, en-GB;q=0.95"), 1);
	assert_int_equal(AL("zh-Hant-TW, en;q=0.1"), 1);
	/* Order decides between equal q-values. */
	assert_int_equal(AL("en, fr"), 1);
	assert_int_equal(AL("fr, en"), 0);
	assert_int_equal(AL("en-US, fr"), 1);
	/* The wildcard. */
	assert_int_equal(AL("*"), 0);
	assert_int_equal(AL("de, *;q=0.5"), 0);
	assert_int_equal(AL("*, en"), 1);
	assert_int_equal(AL("fr;q=0, *"), 1);
	assert_int_equal(AL("*;q=0"), -1);
	/* The most specific range counts for a language. */
	assert_int_equal(AL("fr-CA;q=0.9, fr;q=0.1, en;q=0.5"), 1);
	assert_int_equal(AL("fr;q=0.1, fr-CA;q=0.9, en;q=0.5"), 1);
	assert_int_equal(AL("fr-CA, fr;q=0, en;q=0.2"), 1);
	/* Of two equally specific ranges, the first one counts. */
	assert_int_equal(AL("fr;q=0.5, fr;q=0.9, en;q=0.7"), 1);
	assert_int_equal(AL("fr;q=0.9, fr;q=0.5, en;q=0.7"), 0);
	/* q=0 means "not acceptable". */
	assert_int_equal(AL("fr;q=0"), -1);
	assert_int_equal(AL("fr;q=0.000, en;q=0.0"), -1);
	assert_int_equal(AL("en;q=0."), -1);
	assert_int_equal(AL("en;q=1.000"), 1);
	assert_int_equal(AL("en;Q=0.5"), 1);
	/* Bad q-values make the element malformed: it is skipped. */
	assert_int_equal(AL("en;q=1.5, fr;q=0.1"), 0);
	assert_int_equal(AL("en;q=1.001, fr;q=0.1"), 0);
	assert_int_equal(AL("en;q=0.1234, fr;q=0.1"), 0);
	assert_int_equal(AL("en;q=abc"), -1);
	assert_int_equal(AL("en;q="), -1);
	assert_int_equal(AL("en;q=.5"), -1);
	assert_int_equal(AL("en;q=-1"), -1);
	assert_int_equal(AL("en;q = 0.5"), 1);
	/* White space and unknown parameters. */
	assert_int_equal(AL("  en ; q=0.5 , fr ; q=0.4 "), 1);
	assert_int_equal(AL("en;q=0.8;level=1, fr;q=0.7"), 1);
	assert_int_equal(AL(",,,fr,,,"), 0);
	/* Garbage. */
	assert_int_equal(AL("garbage!!"), -1);
	assert_int_equal(AL("fr-"), -1);
	assert_int_equal(AL("-fr"), -1);
	assert_int_equal(AL("fr--CA"), -1);
	assert_int_equal(AL("f_r"), -1);
	assert_int_equal(AL("frx"), -1);
	assert_int_equal(AL("enfr"), -1);
	assert_int_equal(AL("e"), -1);
	assert_int_equal(AL("f;q=1, e"), -1);
	assert_int_equal(AL("toolongprimary"), -1);
	assert_int_equal(AL("1fr"), -1);
	assert_int_equal(AL("fr-CA-toolongsubtag"), -1);
	assert_int_equal(AL(";q=1"), -1);
	assert_int_equal(AL("\xc3\xa9n"), -1);
	assert_int_equal(AL("fr-\xff, en;q=0.3"), 1);
	/* A long header. */
	for (i = 0; i < 10000; i++)
		assert_int_equal(buf_puts(&b, "de;q=0.9,"), RT_OK);
	assert_int_equal(buf_puts(&b, "en;q=0.1"), RT_OK);
	assert_int_equal(AL(buf_str(&b)), 1);
	buf_free(&b);
#undef AL
	/* A supported regional code matches its primary range. */
	assert_int_equal(http_accept_language("fr", sup_ca, 2), 0);
	assert_int_equal(http_accept_language("fr-FR", sup_ca, 2), -1);
	assert_int_equal(http_accept_language("f", sup_ca, 2), -1);
	assert_int_equal(http_accept_language("fr-ca", sup_ca, 2), 0);
	assert_int_equal(http_accept_language("fr", NULL, 0), -1);
}

/* Header lines are added; CR, LF and bad names are refused. */
static void
test_add_header(void **state)
{
	struct http_response	 r;

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(http_add_header(&r, "X-A", "1"), RT_OK);
	assert_int_equal(http_add_header(&r, "X-Frame-Options", "DENY"),
	    RT_OK);
	assert_int_equal(http_add_header(&r, "X-Empty", ""), RT_OK);
	assert_int_equal(http_add_header(&r, "X-Tab", "a\tb"), RT_OK);
	assert_int_equal(http_add_header(&r, "X-U", "\xc3\xa9"), RT_OK);
	assert_string_equal(buf_str(&r.headers), "X-A: 1\r\n"
	    "X-Frame-Options: DENY\r\nX-Empty: \r\nX-Tab: a\tb\r\n"
	    "X-U: \xc3\xa9\r\n");

	buf_reset(&r.headers);
	assert_int_equal(http_add_header(&r, "Location",
	    "/x\r\nSet-Cookie: evil=1"), RT_EINVAL);
	assert_int_equal(http_add_header(&r, "Location", "/x\nevil"),
	    RT_EINVAL);
	assert_int_equal(http_add_header(&r, "Location", "/x\revil"),
	    RT_EINVAL);
	assert_int_equal(http_add_header(&r, "X", "\x01"), RT_EINVAL);
	assert_int_equal(http_add_header(&r, "X", "a\x7f"), RT_EINVAL);
	assert_int_equal(http_add_header(&r, "X\r\nEvil", "1"), RT_EINVAL);
	assert_int_equal(http_add_header(&r, "X-A\n", "1"), RT_EINVAL);
	assert_int_equal(http_add_header(&r, "X:Y", "1"), RT_EINVAL);
	assert_int_equal(http_add_header(&r, "X Y", "1"), RT_EINVAL);
	assert_int_equal(http_add_header(&r, "", "1"), RT_EINVAL);
	assert_int_equal(http_add_header(&r, "X\xc3\xa9", "1"), RT_EINVAL);
	assert_int_equal(r.headers.len, 0);
	assert_string_equal(buf_str(&r.headers), "");

	r.status = 404;
	strcpy(r.content_type, "text/plain");
	assert_int_equal(buf_puts(&r.body, "body"), RT_OK);
	http_response_free(&r);
	assert_int_equal(r.status, 0);
	assert_null(r.headers.data);
	assert_null(r.body.data);
	assert_string_equal(r.content_type, "");
	http_response_free(&r);
}

/* A failed allocation leaves the headers as they were. */
static void
test_add_header_oom(void **state)
{
	struct http_response	 r;
	char			 big[300];

	(void)state;
	memset(&r, 0, sizeof(r));
	fault_left = 0;
	assert_int_equal(http_add_header(&r, "X-A", "1"), RT_ENOMEM);
	fault_left = -1;
	assert_int_equal(r.headers.len, 0);
	assert_int_equal(http_add_header(&r, "X-A", "1"), RT_OK);
	memset(big, 'v', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	fault_left = 0;
	assert_int_equal(http_add_header(&r, "X-B", big), RT_ENOMEM);
	fault_left = -1;
	assert_string_equal(buf_str(&r.headers), "X-A: 1\r\n");
	http_response_free(&r);
}

/* Set-Cookie lines carry exactly the attributes asked for. */
static void
test_set_cookie(void **state)
{
	struct http_response	 r;
	struct http_cookie	 c;

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&c, 0, sizeof(c));
	c.name = "__Host-sid";
	c.value = "Ab_9-z";
	c.max_age = 3600;
	c.http_only = 1;
	c.secure = 1;
	c.same_site = "Strict";
	assert_int_equal(http_set_cookie(&r, &c), RT_OK);
	assert_string_equal(buf_str(&r.headers), "Set-Cookie: __Host-sid="
	    "Ab_9-z; Path=/; Max-Age=3600; HttpOnly; Secure; "
	    "SameSite=Strict\r\n");

	buf_reset(&r.headers);
	c.name = "lang";
	c.value = "fr";
	c.max_age = 0;
	c.http_only = 0;
	c.secure = 0;
	c.same_site = NULL;
	assert_int_equal(http_set_cookie(&r, &c), RT_OK);
	assert_string_equal(buf_str(&r.headers),
	    "Set-Cookie: lang=fr; Path=/; SameSite=Lax\r\n");

	buf_reset(&r.headers);
	c.name = "sid";
	c.value = "";
	c.max_age = -1;
	c.http_only = 1;
	c.same_site = "Lax";
	assert_int_equal(http_set_cookie(&r, &c), RT_OK);
	assert_string_equal(buf_str(&r.headers), "Set-Cookie: sid=; Path=/; "
	    "Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; "
	    "SameSite=Lax\r\n");
	http_response_free(&r);
}

/* Unsafe names, values and attributes are refused; nothing is added. */
static void
test_set_cookie_refused(void **state)
{
	struct http_response	 r;
	struct http_cookie	 c;
	static const char *const badvals[] = {
		"a;b", "a b", "a\r\nSet-Cookie: x=1", "a=b", "\"q\"", "a,b",
		"caf\xc3\xa9", "a\\b", "a\tb",
	};
	size_t			 i;

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&c, 0, sizeof(c));
	c.name = "sid";
	for (i = 0; i < sizeof(badvals) / sizeof(badvals[0]); i++) {
		c.value = badvals[i];
		assert_int_equal(http_set_cookie(&r, &c), RT_EINVAL);
	}
	c.value = "ok";
	c.name = "a=b";
	assert_int_equal(http_set_cookie(&r, &c), RT_EINVAL);
	c.name = "a;b";
	assert_int_equal(http_set_cookie(&r, &c), RT_EINVAL);
	c.name = "";
	assert_int_equal(http_set_cookie(&r, &c), RT_EINVAL);
	c.name = "a\nb";
	assert_int_equal(http_set_cookie(&r, &c), RT_EINVAL);
	c.name = "sid";
	c.same_site = "None";
	assert_int_equal(http_set_cookie(&r, &c), RT_EINVAL);
	c.same_site = "lax; Domain=evil.example";
	assert_int_equal(http_set_cookie(&r, &c), RT_EINVAL);
	c.same_site = "Lax";
	c.name = "__Host-sid";
	assert_int_equal(http_set_cookie(&r, &c), RT_EINVAL);
	c.name = "__Secure-sid";
	assert_int_equal(http_set_cookie(&r, &c), RT_EINVAL);
	c.secure = 1;
	assert_int_equal(r.headers.len, 0);
	assert_int_equal(http_set_cookie(&r, &c), RT_OK);
	assert_true(r.headers.len > 0);
	http_response_free(&r);
}

/* Every failed allocation gives RT_ENOMEM and no partial header. */
static void
test_set_cookie_oom(void **state)
{
	struct http_response	 r;
	struct http_cookie	 c;
	long			 k;
	int			 rc;

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&c, 0, sizeof(c));
	c.name = "sid";
	c.value = "v";
	c.max_age = -1;
	c.http_only = 1;
	c.secure = 1;
	for (k = 0; ; k++) {
		fault_left = k;
		rc = http_set_cookie(&r, &c);
		fault_left = -1;
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
		assert_int_equal(r.headers.len, 0);
	}
	assert_true(k >= 2);
	assert_non_null(strstr(buf_str(&r.headers), "Set-Cookie: sid=v;"));
	http_response_free(&r);
}

/* Reason phrases of known and unknown codes. */
static void
test_reason(void **state)
{
	(void)state;
	assert_string_equal(http_reason(200), "OK");
	assert_string_equal(http_reason(302), "Found");
	assert_string_equal(http_reason(303), "See Other");
	assert_string_equal(http_reason(400), "Bad Request");
	assert_string_equal(http_reason(403), "Forbidden");
	assert_string_equal(http_reason(404), "Not Found");
	assert_string_equal(http_reason(405), "Method Not Allowed");
	assert_string_equal(http_reason(408), "Request Timeout");
	assert_string_equal(http_reason(413), "Content Too Large");
	assert_string_equal(http_reason(429), "Too Many Requests");
	assert_string_equal(http_reason(500), "Internal Server Error");
	assert_string_equal(http_reason(503), "Service Unavailable");
	assert_string_equal(http_reason(0), "Unknown");
	assert_string_equal(http_reason(-1), "Unknown");
	assert_string_equal(http_reason(299), "Unknown");
	assert_string_equal(http_reason(999), "Unknown");
}

/* Only paths of this site pass the redirect check. */
static void
test_local_path(void **state)
{
	(void)state;
	assert_true(http_local_path("/"));
	assert_true(http_local_path("/ok"));
	assert_true(http_local_path("/ok?x=1"));
	assert_true(http_local_path("/plans/3?tab=a&b=%20#top"));
	assert_true(http_local_path("/a//b"));
	assert_true(http_local_path("/%2F%2Fevil"));
	assert_true(http_local_path("/?next=//evil"));

	assert_false(http_local_path(NULL));
	assert_false(http_local_path(""));
	assert_false(http_local_path("ok"));
	assert_false(http_local_path("//evil"));
	assert_false(http_local_path("//evil.example/x"));
	assert_false(http_local_path("///evil"));
	assert_false(http_local_path("/\\evil"));
	assert_false(http_local_path("\\\\evil"));
	assert_false(http_local_path("/a\\b"));
	assert_false(http_local_path("http://x"));
	assert_false(http_local_path("https://evil.example/"));
	assert_false(http_local_path("javascript:alert(1)"));
	assert_false(http_local_path(" /x"));
	assert_false(http_local_path("/\t/evil"));
	assert_false(http_local_path("/\n/evil"));
	assert_false(http_local_path("/x\r\nSet-Cookie: a=b"));
	assert_false(http_local_path("/a b"));
	assert_false(http_local_path("/x\x7f"));
	assert_false(http_local_path("/caf\xc3\xa9"));
}

/* Runs every test of this file; the exit status is the number failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kvlist_basic),
		cmocka_unit_test(test_kvlist_growth),
		cmocka_unit_test(test_kvlist_oom),
		cmocka_unit_test(test_decode_ok),
		cmocka_unit_test(test_decode_einval),
		cmocka_unit_test(test_decode_eutf8),
		cmocka_unit_test(test_decode_oom),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_length),
		cmocka_unit_test(test_urlencoded_empty),
		cmocka_unit_test(test_urlencoded_shapes),
		cmocka_unit_test(test_urlencoded_decode),
		cmocka_unit_test(test_urlencoded_errors),
		cmocka_unit_test(test_urlencoded_huge),
		cmocka_unit_test(test_urlencoded_oom),
		cmocka_unit_test(test_cookies_ok),
		cmocka_unit_test(test_cookies_malformed),
		cmocka_unit_test(test_cookies_oom),
		cmocka_unit_test(test_accept_language),
		cmocka_unit_test(test_add_header),
		cmocka_unit_test(test_add_header_oom),
		cmocka_unit_test(test_set_cookie),
		cmocka_unit_test(test_set_cookie_refused),
		cmocka_unit_test(test_set_cookie_oom),
		cmocka_unit_test(test_reason),
		cmocka_unit_test(test_local_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
