/*
 * test_json.c: unit tests of lib/json.c.
 *
 * lib/json.c, lib/http.c and lib/buf.c are compiled into this program with
 * their allocation calls redirected to fault_*() functions that fail on
 * demand, so that the out-of-memory paths of the reader and the writer are
 * exercised.  The json.o, http.o and buf.o of libreseauter.a are then not
 * linked in, since this file already defines their symbols.
 */
#include <float.h>
#include <limits.h>
#include <math.h>
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
#include "../../lib/json.c"
#undef malloc
#undef realloc
#undef strdup
#undef strndup

/*
 * Parses the NUL-terminated s with depth JSON_MAX_DEPTH and expects RT_OK;
 * returns the tree, which the caller frees.  Reports the caller's line
 * and the parser's message on failure.
 */
static struct json *
parse_ok_at(const char *s, int line)
{
	struct json	*j = (struct json *)1;
	char		 err[256];
	int		 rc;

	rc = json_parse(s, strlen(s), JSON_MAX_DEPTH, &j, err, sizeof(err));
	if (rc != RT_OK)
		fail_msg("line %d: %s: rc %d (%s)", line, s, rc, err);
	assert_non_null(j);
	return j;
}
#define PARSE_OK(s) parse_ok_at((s), __LINE__)

/*
 * Parses s[0..len) with depth depth, expects status rc, and, when msg is
 * not NULL, exactly the message msg.  Checks that *out is NULL after a
 * failure.  Reports the caller's line.
 */
static void
parse_bad_at(const char *s, size_t len, size_t depth, int rc,
    const char *msg, int line)
{
	struct json	*j = (struct json *)1;
	char		 err[256];
	int		 got;

	memset(err, 'x', sizeof(err));
	got = json_parse(s, len, depth, &j, err, sizeof(err));
	if (got != rc)
		fail_msg("line %d: rc %d, expected %d (%s)", line, got, rc,
		    got == RT_OK ? "" : err);
	if (j != NULL)
		fail_msg("line %d: *out not NULL after a failure", line);
	if (strncmp(err, "line ", 5) != 0 || strstr(err, ", column ") == NULL)
		fail_msg("line %d: message \"%s\" does not say where", line,
		    err);
	if (msg != NULL && strcmp(err, msg) != 0)
		fail_msg("line %d: message \"%s\", expected \"%s\"", line,
		    err, msg);
}
#define PARSE_BAD(s, rc, msg) \
	parse_bad_at((s), strlen(s), JSON_MAX_DEPTH, (rc), (msg), __LINE__)

/*
 * Writes the tree v with the jw_*() calls (numbers must be integers, as
 * jw_int() only writes those).
 */
static void
write_tree(struct json_writer *w, const struct json *v)
{
	size_t	 i;

	switch (v->type) {
	case JSON_NULL:
		jw_null(w);
		break;
	case JSON_BOOL:
		jw_bool(w, v->boolean);
		break;
	case JSON_NUMBER:
		assert_true(v->number == floor(v->number));
		jw_int(w, (long long)v->number);
		break;
	case JSON_STRING:
		jw_string(w, v->string);
		break;
	case JSON_ARRAY:
		jw_array_begin(w);
		for (i = 0; i < v->n; i++)
			write_tree(w, &v->items[i]);
		jw_array_end(w);
		break;
	case JSON_OBJECT:
		jw_object_begin(w);
		for (i = 0; i < v->n; i++) {
			jw_key(w, v->keys[i]);
			write_tree(w, &v->items[i]);
		}
		jw_object_end(w);
		break;
	}
}

/*
 * Parses s and writes it back into out (emptied first), expecting both to
 * succeed.
 */
static void
rewrite(const char *s, struct buf *out)
{
	struct json		*j;
	struct json_writer	 w;

	buf_reset(out);
	j = PARSE_OK(s);
	jw_init(&w, out);
	write_tree(&w, j);
	assert_int_equal(jw_finish(&w), RT_OK);
	json_free(j);
}

/*
 * A document with every kind of value, escapes, non-ASCII text, a
 * surrogate pair, empty containers, nesting and a long number; no white
 * space after the value, so that every strict prefix is malformed.
 */
static const char sample[] =
    "{\"name\": \"Comit\\u00e9 logement \xc3\xa9t\xc3\xa9\",\n"
    "  \"emoji\": \"\\ud83d\\ude00 \xf0\x9f\x98\x80\",\n"
    "  \"escapes\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u0001\\u001F\",\n"
    "  \"n\": [0, -0, 12, -345, 6789012345, 1000000, -1],\n"
    "  \"flags\": [true, false, null],\n"
    "  \"empty\": {}, \"none\": [],\n"
    "  \"nested\": {\"a\": [{\"b\": [[[\"deep\"]]]}], \"a\": 2},\n"
    "  \"long\": 123456789012345678901234567890123456789012345678901234567890"
    "1234567890e-60\r\n"
    "}";

/* Scalars at the top, with white space around them. */
static void
test_scalars(void **state)
{
	struct json	*j;

	(void)state;
	j = PARSE_OK(" \t\r\n true \n");
	assert_int_equal(j->type, JSON_BOOL);
	assert_int_equal(j->boolean, 1);
	json_free(j);
	j = PARSE_OK("false");
	assert_int_equal(j->type, JSON_BOOL);
	assert_int_equal(j->boolean, 0);
	json_free(j);
	j = PARSE_OK("null");
	assert_int_equal(j->type, JSON_NULL);
	json_free(j);
	j = PARSE_OK("\"\"");
	assert_int_equal(j->type, JSON_STRING);
	assert_string_equal(j->string, "");
	assert_int_equal(j->len, 0);
	json_free(j);
	j = PARSE_OK("42");
	assert_int_equal(j->type, JSON_NUMBER);
	assert_true(j->number == 42.0);
	json_free(j);
	json_free(NULL);
}

/* Numbers of RFC 8259's grammar and their values. */
static void
test_numbers_ok(void **state)
{
	static const struct {
		const char	*s;
		double		 v;
	} ok[] = {
		{ "0", 0.0 }, { "-0", 0.0 }, { "1", 1.0 }, { "-1", -1.0 },
		{ "10", 10.0 }, { "1234567890", 1234567890.0 },
		{ "1.5", 1.5 }, { "-1.5", -1.5 }, { "0.25", 0.25 },
		{ "1e2", 100.0 }, { "1E2", 100.0 }, { "1e+2", 100.0 },
		{ "1e-2", 0.01 }, { "-2.5E-3", -0.0025 }, { "0e0", 0.0 },
		{ "0.0", 0.0 }, { "1e0001", 10.0 },
		{ "9007199254740993", 9007199254740992.0 },
		{ "1e308", 1e308 }, { "-1.7976931348623157e308", -DBL_MAX },
		{ "1e-400", 0.0 }, { "4.9e-324", 4.9e-324 },
	};
	char	 big[400];
	struct json *j;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		j = PARSE_OK(ok[i].s);
		assert_int_equal(j->type, JSON_NUMBER);
		if (j->number != ok[i].v)
			fail_msg("%s: %g, expected %g", ok[i].s, j->number,
			    ok[i].v);
		json_free(j);
	}
	/* "-0" keeps its sign, as strtod() reads it. */
	j = PARSE_OK("-0");
	assert_true(signbit(j->number));
	json_free(j);

	/* A number of 300 digits goes through the heap copy. */
	memset(big, '9', 300);
	big[0] = '1';
	memcpy(big + 300, "e-299", 6);
	j = PARSE_OK(big);
	assert_true(fabs(j->number - 2.0) < 1e-12);
	json_free(j);
}

/* Numbers outside the grammar, or too large for a double. */
static void
test_numbers_bad(void **state)
{
	static const char *const bad[] = {
		"01", "-01", "00", "+1", ".5", "-.5", "1.", "1.e3", "1e",
		"1e+", "1E-", "-", "--1", "0x10", "NaN", "Infinity",
		"-Infinity", "1 2", "1.5.3", "1e2e3", "- 1", "1,5", "[01]",
		"[1.]", "[-]", "\xd9\xa1", "1_000", "0.1.", "1e400",
		"-1e400", "[1e999]",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		parse_bad_at(bad[i], strlen(bad[i]), JSON_MAX_DEPTH,
		    RT_EINVAL, NULL, (int)(1000 + i));
	PARSE_BAD("01", RT_EINVAL,
	    "line 1, column 1: a number must not start with 0");
	PARSE_BAD("[1.]", RT_EINVAL,
	    "line 1, column 4: expected a digit after '.', found ']'");
	PARSE_BAD("1e", RT_EINVAL, "line 1, column 3: unexpected end of "
	    "input, expected a digit in the exponent");
	PARSE_BAD(" 1e400", RT_EINVAL, "line 1, column 2: number too large");
	PARSE_BAD("1 2", RT_EINVAL,
	    "line 1, column 3: unexpected characters after the value");
}

/*
 * Parses the JSON string literal s and checks that it decodes to the
 * len bytes of want.
 */
static void
check_string_at(const char *s, const char *want, size_t len, int line)
{
	struct json	*j = parse_ok_at(s, line);

	if (j->type != JSON_STRING || j->len != len ||
	    memcmp(j->string, want, len) != 0 || j->string[len] != '\0')
		fail_msg("line %d: %s decoded wrong (%zu bytes)", line, s,
		    j->len);
	json_free(j);
}
#define CHECK_STRING(s, want) \
	check_string_at((s), (want), sizeof(want) - 1, __LINE__)

/* Every escape, \u in both cases, surrogate pairs and raw UTF-8. */
static void
test_strings_ok(void **state)
{
	(void)state;
	CHECK_STRING("\"abc\"", "abc");
	CHECK_STRING("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t");
	CHECK_STRING("\"\\u0041\\u00e9\\u00E9\"", "A\xc3\xa9\xc3\xa9");
	CHECK_STRING("\"\\u0001\\u001f\\u007f\"", "\x01\x1f\x7f");
	CHECK_STRING("\"\\u07ff\\u0800\\u20ac\\uffff\"",
	    "\xdf\xbf\xe0\xa0\x80\xe2\x82\xac\xef\xbf\xbf");
	CHECK_STRING("\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80");
	CHECK_STRING("\"\\uD800\\uDC00\"", "\xf0\x90\x80\x80");
	CHECK_STRING("\"\\udbff\\udfff\"", "\xf4\x8f\xbf\xbf");
	CHECK_STRING("\"\xc3\xa9t\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"",
	    "\xc3\xa9t\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
	CHECK_STRING("\"\x7f\"", "\x7f");
	CHECK_STRING("\"\xef\xbb\xbf\"", "\xef\xbb\xbf");
	CHECK_STRING("\"a/b\"", "a/b");
}

/* Malformed strings: each refused with the right status. */
static void
test_strings_bad(void **state)
{
	static const struct {
		const char	*s;
		int		 rc;
	} bad[] = {
		{ "\"abc", RT_EINVAL },
		{ "\"abc\\\"", RT_EINVAL },
		{ "\"abc\\", RT_EINVAL },
		{ "\"a\x01\"", RT_EINVAL },
		{ "\"a\nb\"", RT_EINVAL },
		{ "\"a\tb\"", RT_EINVAL },
		{ "\"a\x1f\"", RT_EINVAL },
		{ "\"\\x\"", RT_EINVAL },
		{ "\"\\a\"", RT_EINVAL },
		{ "\"\\U0041\"", RT_EINVAL },
		{ "\"\\'\"", RT_EINVAL },
		{ "\"\\u12\"", RT_EINVAL },
		{ "\"\\u12G4\"", RT_EINVAL },
		{ "\"\\u\"", RT_EINVAL },
		{ "\"\\u0000\"", RT_EINVAL },
		{ "\"a\\u0000b\"", RT_EINVAL },
		{ "\"\\ud800\"", RT_EINVAL },
		{ "\"\\ud800x\"", RT_EINVAL },
		{ "\"\\ud800\\u0041\"", RT_EINVAL },
		{ "\"\\ud800\\ud800\"", RT_EINVAL },
		{ "\"\\ud800\\n\"", RT_EINVAL },
		{ "\"\\ud800\\udc0\"", RT_EINVAL },
		{ "\"\\udc00\"", RT_EINVAL },
		{ "\"\\udfff\\ud800\"", RT_EINVAL },
		{ "'a'", RT_EINVAL },
		{ "\"\xff\"", RT_EUTF8 },
		{ "\"\x80\"", RT_EUTF8 },
		{ "\"\xc0\xaf\"", RT_EUTF8 },
		{ "\"\xc1\xbf\"", RT_EUTF8 },
		{ "\"\xe0\x80\xaf\"", RT_EUTF8 },
		{ "\"\xed\xa0\x80\"", RT_EUTF8 },
		{ "\"\xf4\x90\x80\x80\"", RT_EUTF8 },
		{ "\"\xf5\x80\x80\x80\"", RT_EUTF8 },
		{ "\"\xe2\x82\"", RT_EUTF8 },
		{ "\"\xc3\"", RT_EUTF8 },
		{ "\"\xf0\x9f\x98\"", RT_EUTF8 },
		{ "\"ok\xc3(\"", RT_EUTF8 },
		{ "[\"a\", \"\xfe\"]", RT_EUTF8 },
		{ "{\"k\xff\": 1}", RT_EUTF8 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		parse_bad_at(bad[i].s, strlen(bad[i].s), JSON_MAX_DEPTH,
		    bad[i].rc, NULL, (int)(1000 + i));
	/* A NUL byte inside a string is a control character. */
	parse_bad_at("\"a\0b\"", 5, JSON_MAX_DEPTH, RT_EINVAL, NULL, __LINE__);
	PARSE_BAD("\"ab\\u0000\"", RT_EINVAL,
	    "line 1, column 4: \\u0000 is not allowed in a string");
	PARSE_BAD("\"\\ud83d\"", RT_EINVAL, "line 1, column 2: high "
	    "surrogate \\ud83d without a low one");
	PARSE_BAD("\"\\ude00\"", RT_EINVAL,
	    "line 1, column 2: lone low surrogate \\ude00");
	PARSE_BAD("\"\\q\"", RT_EINVAL, "line 1, column 2: invalid escape \\q");
	PARSE_BAD("\"\\u00g0\"", RT_EINVAL, "line 1, column 6: expected four "
	    "hexadecimal digits after \\u");
	PARSE_BAD("\"tab\there\"", RT_EINVAL, "line 1, column 5: control "
	    "character 0x09 in a string (it must be escaped)");
	PARSE_BAD("\"open", RT_EINVAL,
	    "line 1, column 6: unexpected end of input in a string");
	PARSE_BAD("\"\xc3\xa9\xff\"", RT_EUTF8,
	    "line 1, column 3: invalid UTF-8 in a string");
}

/* Arrays and objects: shape, order, repeated keys, lookups. */
static void
test_structure(void **state)
{
	struct json		*j;
	const struct json	*v;

	(void)state;
	j = PARSE_OK("[]");
	assert_int_equal(j->type, JSON_ARRAY);
	assert_int_equal(j->n, 0);
	assert_null(j->items);
	json_free(j);
	j = PARSE_OK(" { } ");
	assert_int_equal(j->type, JSON_OBJECT);
	assert_int_equal(j->n, 0);
	assert_null(json_get(j, "a"));
	json_free(j);

	j = PARSE_OK("{\"b\":1,\"a\" : [ 1 , \"x\" , [ ] , { } , null ],"
	    "\"b\":\"second\",\"\":true}");
	assert_int_equal(j->n, 4);
	assert_string_equal(j->keys[0], "b");
	assert_string_equal(j->keys[1], "a");
	assert_string_equal(j->keys[2], "b");
	assert_string_equal(j->keys[3], "");
	v = json_get(j, "b");
	assert_ptr_equal(v, &j->items[0]);
	assert_int_equal(v->type, JSON_NUMBER);
	assert_null(json_get_string(j, "b"));
	assert_null(json_get_string(j, "zz"));
	v = json_get(j, "a");
	assert_int_equal(v->type, JSON_ARRAY);
	assert_int_equal(v->n, 5);
	assert_string_equal(v->items[1].string, "x");
	assert_int_equal(v->items[2].type, JSON_ARRAY);
	assert_int_equal(v->items[3].type, JSON_OBJECT);
	assert_int_equal(v->items[4].type, JSON_NULL);
	assert_null(json_get(v, "x"));
	assert_int_equal(json_get(j, "")->boolean, 1);
	assert_null(json_get(NULL, "a"));
	json_free(j);

	j = PARSE_OK("{\"k\": \"v\", \"k\": \"w\"}");
	assert_string_equal(json_get_string(j, "k"), "v");
	json_free(j);

	/* Keys with escapes are decoded. */
	j = PARSE_OK("{\"\\u00e9t\\u00e9\": \"summer\"}");
	assert_string_equal(json_get_string(j, "\xc3\xa9t\xc3\xa9"), "summer");
	json_free(j);
}

/* Malformed structures and top-level trouble. */
static void
test_structure_bad(void **state)
{
	static const char *const bad[] = {
		"", " ", "\n\t", "[", "]", "{", "}", "[1,]", "[,1]", "[1 2]",
		"[1,,2]", "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "{\"a\"}",
		"{\"a\":}", "{1:2}", "{\"a\":1 \"b\":2}", "{}}", "[]]",
		"[] []", "{} x", "truex", "true false", "nul", "tru",
		"True", "NULL", "nil", "undefined", "\xef\xbb\xbf{}", "{}\x0c",
		"\x0c{}", "[\xc2\xa0]", "/* c */ 1", "1 // c",
		"[1;2]", "{\"a\"=1}", "(1)", "<>", "'x'",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		parse_bad_at(bad[i], strlen(bad[i]), JSON_MAX_DEPTH,
		    RT_EINVAL, NULL, (int)(1000 + i));
	parse_bad_at("[1]\0", 4, JSON_MAX_DEPTH, RT_EINVAL, NULL, __LINE__);
	parse_bad_at("\0", 1, JSON_MAX_DEPTH, RT_EINVAL, NULL, __LINE__);
	parse_bad_at(NULL, 0, JSON_MAX_DEPTH, RT_EINVAL,
	    "line 1, column 1: unexpected end of input, expected a value",
	    __LINE__);
	PARSE_BAD("[1,]", RT_EINVAL,
	    "line 1, column 4: expected a value, found ']'");
	PARSE_BAD("{\"a\":1,}", RT_EINVAL,
	    "line 1, column 8: expected a key in double quotes, found '}'");
	PARSE_BAD("{\"a\" 1}", RT_EINVAL,
	    "line 1, column 6: expected ':', found '1'");
	PARSE_BAD("[1 2]", RT_EINVAL,
	    "line 1, column 4: expected ',' or ']', found '2'");
	PARSE_BAD("{\"a\":1 \"b\":2}", RT_EINVAL,
	    "line 1, column 8: expected ',' or '}', found '\"'");
	PARSE_BAD("[\x01]", RT_EINVAL,
	    "line 1, column 2: expected a value, found byte 0x01");
	PARSE_BAD("{\"a\": [1, 2", RT_EINVAL, "line 1, column 12: unexpected "
	    "end of input, expected ',' or ']'");
}

/* Lines and columns: LF counts lines, code points count columns. */
static void
test_positions(void **state)
{
	(void)state;
	PARSE_BAD("{\n  \"a\": tru\n}", RT_EINVAL,
	    "line 2, column 8: expected a value, found 't'");
	PARSE_BAD("[\"\xc3\xa9\xc3\xa9\", x]", RT_EINVAL,
	    "line 1, column 8: expected a value, found 'x'");
	PARSE_BAD("\n\n\n   [1,\r\n  @]", RT_EINVAL,
	    "line 5, column 3: expected a value, found '@'");
	PARSE_BAD("[\"\xf0\x9f\x98\x80\", 01]", RT_EINVAL,
	    "line 1, column 7: a number must not start with 0");
}

/* Depth: max_depth arrays and objects nest, one more does not. */
static void
test_depth(void **state)
{
	char		 s[2 * (JSON_MAX_DEPTH + 1) + 16];
	char		*huge;
	struct json	*j;
	char		 err[128];
	size_t		 d, i, n;

	(void)state;
	for (d = 0; d <= JSON_MAX_DEPTH; d++) {
		/* d nested arrays nest within d; d + 1 do not. */
		for (n = d; n <= d + 1 && n <= JSON_MAX_DEPTH + 1; n++) {
			for (i = 0; i < n; i++)
				s[i] = '[';
			for (i = 0; i < n; i++)
				s[n + i] = ']';
			s[2 * n] = '\0';
			if (n == 0)
				strcpy(s, "7");
			j = (struct json *)1;
			if (n <= d) {
				assert_int_equal(json_parse(s, strlen(s), d,
				    &j, err, sizeof(err)), RT_OK);
				json_free(j);
			} else {
				assert_int_equal(json_parse(s, strlen(s), d,
				    &j, err, sizeof(err)), RT_EINVAL);
				assert_null(j);
				assert_non_null(strstr(err, "nesting deeper "
				    "than"));
			}
		}
	}
	/* Objects count as arrays do. */
	j = NULL;
	assert_int_equal(json_parse("{\"a\":[{\"b\":1}]}", 15, 3, &j, err,
	    sizeof(err)), RT_OK);
	json_free(j);
	assert_int_equal(json_parse("{\"a\":[{\"b\":1}]}", 15, 2, &j, err,
	    sizeof(err)), RT_EINVAL);
	assert_string_equal(err, "line 1, column 7: nesting deeper than 2 "
	    "levels");
	/* Depth 0 allows a scalar only. */
	assert_int_equal(json_parse("[]", 2, 0, &j, err, sizeof(err)),
	    RT_EINVAL);
	assert_int_equal(json_parse("\"s\"", 3, 0, &j, err, sizeof(err)),
	    RT_OK);
	json_free(j);

	/* A hundred thousand brackets fail at once, without recursing. */
	n = 100000;
	huge = malloc(n);
	assert_non_null(huge);
	memset(huge, '[', n);
	assert_int_equal(json_parse(huge, n, JSON_MAX_DEPTH, &j, err,
	    sizeof(err)), RT_EINVAL);
	assert_string_equal(err, "line 1, column 33: nesting deeper than 32 "
	    "levels");
	free(huge);
}

/* Large inputs: long arrays, long strings, many keys. */
static void
test_big(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	struct json	*j;
	char		 err[128];
	size_t		 i;

	(void)state;
	assert_int_equal(buf_puts(&b, "["), RT_OK);
	for (i = 0; i < 100000; i++)
		assert_int_equal(buf_printf(&b, "%s%zu", i ? "," : "", i),
		    RT_OK);
	assert_int_equal(buf_puts(&b, "]"), RT_OK);
	assert_int_equal(json_parse(b.data, b.len, 1, &j, err, sizeof(err)),
	    RT_OK);
	assert_int_equal(j->n, 100000);
	assert_true(j->items[99999].number == 99999.0);
	json_free(j);

	buf_reset(&b);
	assert_int_equal(buf_puts(&b, "\""), RT_OK);
	for (i = 0; i < 200000; i++)
		assert_int_equal(buf_puts(&b, "\xc3\xa9\\n"), RT_OK);
	assert_int_equal(buf_puts(&b, "\""), RT_OK);
	assert_int_equal(json_parse(b.data, b.len, 1, &j, err, sizeof(err)),
	    RT_OK);
	assert_int_equal(j->len, 600000);
	assert_int_equal(strlen(j->string), 600000);
	json_free(j);

	buf_reset(&b);
	assert_int_equal(buf_puts(&b, "{"), RT_OK);
	for (i = 0; i < 20000; i++)
		assert_int_equal(buf_printf(&b, "%s\"k%zu\": {\"v\": [%zu]}",
		    i ? ", " : "", i, i), RT_OK);
	assert_int_equal(buf_puts(&b, "}"), RT_OK);
	assert_int_equal(json_parse(b.data, b.len, 3, &j, err, sizeof(err)),
	    RT_OK);
	assert_int_equal(j->n, 20000);
	assert_string_equal(j->keys[12345], "k12345");
	assert_true(json_get(json_get(j, "k19999"), "v")->items[0].number ==
	    19999.0);
	json_free(j);
	buf_free(&b);
}

/*
 * Every strict prefix of the sample fails cleanly (no crash, no leak,
 * *out NULL, a message), and so does the sample with any one byte
 * replaced by a stray quote or NUL where that breaks it.
 */
static void
test_truncated(void **state)
{
	struct json	*j;
	char		 err[256];
	char		 copy[sizeof(sample)];
	size_t		 len = sizeof(sample) - 1, i;
	int		 rc;

	(void)state;
	for (i = 0; i < len; i++) {
		j = (struct json *)1;
		err[0] = '\0';
		rc = json_parse(sample, i, JSON_MAX_DEPTH, &j, err,
		    sizeof(err));
		if (rc != RT_EINVAL && rc != RT_EUTF8)
			fail_msg("prefix of %zu bytes: rc %d", i, rc);
		assert_null(j);
		assert_true(strncmp(err, "line ", 5) == 0);
	}
	assert_int_equal(json_parse(sample, len, JSON_MAX_DEPTH, &j, err,
	    sizeof(err)), RT_OK);
	json_free(j);

	/* A NUL byte anywhere is refused: in a string or between tokens. */
	for (i = 0; i < len; i++) {
		memcpy(copy, sample, sizeof(sample));
		copy[i] = '\0';
		j = (struct json *)1;
		rc = json_parse(copy, len, JSON_MAX_DEPTH, &j, err,
		    sizeof(err));
		if (rc == RT_OK)
			fail_msg("NUL at %zu accepted", i);
		assert_null(j);
	}
}

/* The writer's exact layout, which other modules and tests rely on. */
static void
test_writer_format(void **state)
{
	struct buf		 b = { NULL, 0, 0 };
	struct json_writer	 w;

	(void)state;
	jw_init(&w, &b);
	jw_object_begin(&w);
	jw_key(&w, "fields");
	jw_object_begin(&w);
	jw_key(&w, "a");
	jw_string(&w, "x\"y\\z/\n\t\r\b\f\x01\x1f\x7f \xc3\xa9");
	jw_key(&w, "k\"ey");
	jw_int(&w, -42);
	jw_object_end(&w);
	jw_key(&w, "empty");
	jw_object_begin(&w);
	jw_object_end(&w);
	jw_key(&w, "none");
	jw_array_begin(&w);
	jw_array_end(&w);
	jw_key(&w, "list");
	jw_array_begin(&w);
	jw_bool(&w, 1);
	jw_bool(&w, 0);
	jw_null(&w);
	jw_array_begin(&w);
	jw_int(&w, LLONG_MIN);
	jw_int(&w, LLONG_MAX);
	jw_array_end(&w);
	jw_object_begin(&w);
	jw_key(&w, "");
	jw_string(&w, "");
	jw_object_end(&w);
	jw_array_end(&w);
	jw_object_end(&w);
	assert_int_equal(jw_finish(&w), RT_OK);
	assert_string_equal(buf_str(&b),
	    "{\n"
	    "  \"fields\": {\n"
	    "    \"a\": \"x\\\"y\\\\z/\\n\\t\\r\\b\\f\\u0001\\u001f\x7f "
	    "\xc3\xa9\",\n"
	    "    \"k\\\"ey\": -42\n"
	    "  },\n"
	    "  \"empty\": {},\n"
	    "  \"none\": [],\n"
	    "  \"list\": [\n"
	    "    true,\n"
	    "    false,\n"
	    "    null,\n"
	    "    [\n"
	    "      -9223372036854775808,\n"
	    "      9223372036854775807\n"
	    "    ],\n"
	    "    {\n"
	    "      \"\": \"\"\n"
	    "    }\n"
	    "  ]\n"
	    "}\n");

	/* A scalar document, and what was in the buffer stays in front. */
	buf_reset(&b);
	assert_int_equal(buf_puts(&b, "prefix:"), RT_OK);
	jw_init(&w, &b);
	jw_string(&w, "only");
	assert_int_equal(jw_finish(&w), RT_OK);
	assert_string_equal(buf_str(&b), "prefix:\"only\"\n");
	buf_free(&b);
}

/*
 * Runs calls on a fresh writer and expects jw_finish() to give rc.
 * Each case is a small function.
 */
typedef void (*writer_case)(struct json_writer *);

/* A value in an object without a key. */
static void
wc_value_without_key(struct json_writer *w)
{
	jw_object_begin(w);
	jw_int(w, 1);
	jw_object_end(w);
}

/* A key in an array. */
static void
wc_key_in_array(struct json_writer *w)
{
	jw_array_begin(w);
	jw_key(w, "a");
	jw_int(w, 1);
	jw_array_end(w);
}

/* A key at the top. */
static void
wc_key_at_top(struct json_writer *w)
{
	jw_key(w, "a");
}

/* Two keys in a row. */
static void
wc_two_keys(struct json_writer *w)
{
	jw_object_begin(w);
	jw_key(w, "a");
	jw_key(w, "b");
	jw_int(w, 1);
	jw_object_end(w);
}

/* An object closed while a key waits for its value. */
static void
wc_dangling_key(struct json_writer *w)
{
	jw_object_begin(w);
	jw_key(w, "a");
	jw_object_end(w);
}

/* An unclosed array. */
static void
wc_unclosed(struct json_writer *w)
{
	jw_array_begin(w);
	jw_int(w, 1);
}

/* An array closed as an object. */
static void
wc_wrong_close(struct json_writer *w)
{
	jw_array_begin(w);
	jw_object_end(w);
}

/* A close with nothing open. */
static void
wc_close_nothing(struct json_writer *w)
{
	jw_array_end(w);
}

/* Two values at the top. */
static void
wc_two_tops(struct json_writer *w)
{
	jw_int(w, 1);
	jw_int(w, 2);
}

/* Nothing at all. */
static void
wc_nothing(struct json_writer *w)
{
	(void)w;
}

/* A string that is not UTF-8. */
static void
wc_bad_utf8(struct json_writer *w)
{
	jw_array_begin(w);
	jw_string(w, "ok\xff");
	jw_array_end(w);
}

/* A key that is not UTF-8. */
static void
wc_bad_key(struct json_writer *w)
{
	jw_object_begin(w);
	jw_key(w, "\xc0\xaf");
	jw_int(w, 1);
	jw_object_end(w);
}

/* One level deeper than JSON_MAX_DEPTH. */
static void
wc_too_deep(struct json_writer *w)
{
	int	 i;

	for (i = 0; i <= JSON_MAX_DEPTH; i++)
		jw_array_begin(w);
	for (i = 0; i <= JSON_MAX_DEPTH; i++)
		jw_array_end(w);
}

/* Exactly JSON_MAX_DEPTH levels: fine. */
static void
wc_max_deep(struct json_writer *w)
{
	int	 i;

	for (i = 0; i < JSON_MAX_DEPTH; i++)
		jw_array_begin(w);
	for (i = 0; i < JSON_MAX_DEPTH; i++)
		jw_array_end(w);
}

/* Misuse of the writer is reported once, by jw_finish(). */
static void
test_writer_errors(void **state)
{
	static const struct {
		writer_case	 f;
		int		 rc;
	} cases[] = {
		{ wc_value_without_key, RT_EINVAL },
		{ wc_key_in_array, RT_EINVAL },
		{ wc_key_at_top, RT_EINVAL },
		{ wc_two_keys, RT_EINVAL },
		{ wc_dangling_key, RT_EINVAL },
		{ wc_unclosed, RT_EINVAL },
		{ wc_wrong_close, RT_EINVAL },
		{ wc_close_nothing, RT_EINVAL },
		{ wc_two_tops, RT_EINVAL },
		{ wc_nothing, RT_EINVAL },
		{ wc_bad_utf8, RT_EINVAL },
		{ wc_bad_key, RT_EINVAL },
		{ wc_too_deep, RT_EINVAL },
		{ wc_max_deep, RT_OK },
	};
	struct buf		 b = { NULL, 0, 0 };
	struct json_writer	 w;
	struct json		*j;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&b);
		jw_init(&w, &b);
		cases[i].f(&w);
		if (jw_finish(&w) != cases[i].rc)
			fail_msg("case %zu: status %d, expected %d", i,
			    w.status, cases[i].rc);
		if (cases[i].rc == RT_OK) {
			assert_int_equal(json_parse(b.data, b.len,
			    JSON_MAX_DEPTH, &j, NULL, 0), RT_OK);
			json_free(j);
		} else
			assert_false(b.len > 0 && b.data[b.len - 1] == '\n');
	}
	buf_free(&b);
}

/*
 * Parse, write, parse, write: the two writes are byte for byte the same,
 * and equal to the canonical text of the sample (apart from its long
 * non-integer number, left out here since jw_int() writes integers).
 */
static void
test_roundtrip(void **state)
{
	static const char *const docs[] = {
		"{\"name\": \"Comit\\u00e9 \xc3\xa9t\xc3\xa9\", \"emoji\": "
		"\"\\ud83d\\ude00\", \"escapes\": \"q\\\" b\\\\ s\\/ \\b\\f\\n"
		"\\r\\t \\u0001\\u001F\\u007f\", \"n\": [0, -0, 12, -345, "
		"6789012345], \"flags\": [true, false, null], \"empty\": {}, "
		"\"none\": [], \"nested\": {\"a\": [{\"b\": [[[\"deep\"]]]}], "
		"\"a\": 2}}",
		"[]", "{}", "\"x\"", "0", "[[], {}, [[]], [{}]]",
		"{\"fields\": {\"mission\": \"\"}, \"lists\": {}}",
	};
	static const char canonical[] =
	    "{\n"
	    "  \"name\": \"Comit\xc3\xa9 \xc3\xa9t\xc3\xa9\",\n"
	    "  \"emoji\": \"\xf0\x9f\x98\x80\",\n"
	    "  \"escapes\": \"q\\\" b\\\\ s/ \\b\\f\\n\\r\\t \\u0001\\u001f"
	    "\x7f\",\n"
	    "  \"n\": [\n"
	    "    0,\n    0,\n    12,\n    -345,\n    6789012345\n"
	    "  ],\n"
	    "  \"flags\": [\n    true,\n    false,\n    null\n  ],\n"
	    "  \"empty\": {},\n"
	    "  \"none\": [],\n"
	    "  \"nested\": {\n"
	    "    \"a\": [\n"
	    "      {\n"
	    "        \"b\": [\n"
	    "          [\n"
	    "            [\n"
	    "              \"deep\"\n"
	    "            ]\n"
	    "          ]\n"
	    "        ]\n"
	    "      }\n"
	    "    ],\n"
	    "    \"a\": 2\n"
	    "  }\n"
	    "}\n";
	struct buf	 one = { NULL, 0, 0 }, two = { NULL, 0, 0 };
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		rewrite(docs[i], &one);
		rewrite(buf_str(&one), &two);
		if (one.len != two.len || memcmp(one.data, two.data, one.len))
			fail_msg("doc %zu: second write differs:\n%s\n%s", i,
			    buf_str(&one), buf_str(&two));
		if (i == 0)
			assert_string_equal(buf_str(&one), canonical);
	}
	buf_free(&one);
	buf_free(&two);
}

/*
 * Every allocation of json_parse() may fail: each gives RT_ENOMEM and
 * leaves nothing allocated (ASan's leak check proves the second part).
 */
static void
test_parse_oom(void **state)
{
	struct json	*j;
	char		 err[128];
	long		 k;
	int		 rc;

	(void)state;
	for (k = 0; ; k++) {
		j = (struct json *)1;
		fault_left = k;
		rc = json_parse(sample, sizeof(sample) - 1, JSON_MAX_DEPTH,
		    &j, err, sizeof(err));
		fault_left = -1;
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
		assert_null(j);
		assert_non_null(strstr(err, "out of memory"));
	}
	/* Strings, containers growing, the long number and the root. */
	assert_true(k > 20);
	json_free(j);
}

/* A failed append makes the writer's status RT_ENOMEM, and only that. */
static void
test_writer_oom(void **state)
{
	struct buf		 b = { NULL, 0, 0 };
	struct json		*j;
	struct json_writer	 w;
	long			 k;
	int			 rc;

	(void)state;
	j = PARSE_OK("{\"a\": [1, 2, {\"b\": \"" "0123456789012345678901234"
	    "56789012345678901234567890123456789012345678901234567890123456"
	    "789012345678901234567890123456789\"}]}");
	for (k = 0; ; k++) {
		buf_free(&b);
		jw_init(&w, &b);
		fault_left = k;
		write_tree(&w, j);
		rc = jw_finish(&w);
		fault_left = -1;
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
	}
	assert_true(k >= 2);
	json_free(j);
	buf_free(&b);
}

/* Runs every test of this file; the exit status is the number failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_numbers_ok),
		cmocka_unit_test(test_numbers_bad),
		cmocka_unit_test(test_strings_ok),
		cmocka_unit_test(test_strings_bad),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_structure_bad),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_big),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_writer_format),
		cmocka_unit_test(test_writer_errors),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_parse_oom),
		cmocka_unit_test(test_writer_oom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
