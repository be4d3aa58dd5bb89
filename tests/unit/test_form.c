/*
 * test_form.c: unit tests of lib/form.c, FIELD_DECIMAL, FIELD_MULTI and
 * form_validate_prefix() included.
 *
 * lib/form.c, lib/http.c and lib/buf.c are compiled into this program with
 * their allocation calls redirected to fault_*() functions that fail on
 * demand, so that the out-of-memory paths are exercised.  The form.o,
 * http.o and buf.o of libreseauter.a are then not linked in, since this
 * file already defines their symbols.
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

/* calloc() that fails on demand. */
static void *
fault_calloc(size_t n, size_t size)
{
	return fault_now() ? NULL : calloc(n, size);
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
#undef calloc
#undef realloc
#undef strdup
#undef strndup
#define malloc(n) fault_malloc(n)
#define calloc(n, s) fault_calloc((n), (s))
#define realloc(p, n) fault_realloc((p), (n))
#define strdup(s) fault_strdup(s)
#define strndup(s, n) fault_strndup((s), (n))
#include "../../lib/buf.c"
#include "../../lib/http.c"
#include "../../lib/form.c"
#undef malloc
#undef calloc
#undef realloc
#undef strdup
#undef strndup

/*
 * Validates the single field d against the raw value raw[0..rawlen) (raw
 * NULL: the field is not sent; rawlen SIZE_MAX: strlen(raw)) and checks
 * every part of the result: the error, the normalised text (when text is
 * not NULL), len, num, present and nerrors.  The input list is freed
 * before the checks, which proves that the form owns its texts.  Reports
 * the caller's line on failure.
 */
static void
check_raw(const struct field_def *d, const char *raw, size_t rawlen,
    int error, const char *text, long long num, int present, int line)
{
	struct kvlist		 in = { NULL, 0, 0 };
	struct form		 f;
	const struct field_value *v;

	memset(&f, 0, sizeof(f));
	if (raw != NULL && rawlen == SIZE_MAX)
		rawlen = strlen(raw);
	if (raw != NULL)
		assert_int_equal(kvlist_add(&in, d->name, raw, rawlen), RT_OK);
	assert_int_equal(form_validate(&f, d, 1, &in, 0), RT_OK);
	kvlist_free(&in);
	v = form_get(&f, d->name);
	assert_ptr_equal(v, &f.values[0]);
	if (v->error != error)
		fail_msg("line %d: error %d, expected %d (text \"%s\")", line,
		    v->error, error, v->text);
	if (text != NULL && strcmp(v->text, text) != 0)
		fail_msg("line %d: text \"%s\", expected \"%s\"", line,
		    v->text, text);
	if (v->len != strlen(v->text))
		fail_msg("line %d: len %zu, text of %zu bytes", line, v->len,
		    strlen(v->text));
	if (v->num != num)
		fail_msg("line %d: num %lld, expected %lld", line, v->num, num);
	if (v->present != present)
		fail_msg("line %d: present %d, expected %d", line, v->present,
		    present);
	if (f.nerrors != (error != FIELD_OK))
		fail_msg("line %d: nerrors %d", line, f.nerrors);
	form_free(&f);
}

/* check_raw() on a NUL-terminated raw value, reporting this line. */
#define CHECK(d, raw, error, text, num, present)			\
	check_raw((d), (raw), SIZE_MAX, (error), (text), (num), (present), \
	    __LINE__)

/* A required one-line field of 2 to 10 characters. */
static const struct field_def line_req = {
	.name = "name", .kind = FIELD_LINE, .required = 1, .min = 2,
	.max = 10 };

/* LINE: trimming, emptiness and lengths in code points. */
static void
test_line_basic(void **state)
{
	static const struct field_def opt = {
	    .name = "o", .kind = FIELD_LINE, .min = 2, .max = 5 };
	static const struct field_def nomax = {
	    .name = "n", .kind = FIELD_LINE };
	char	 big[5001];

	(void)state;
	CHECK(&line_req, NULL, FIELD_EMISSING, "", 0, 0);
	CHECK(&line_req, "", FIELD_EMISSING, "", 0, 0);
	CHECK(&line_req, "   \t ", FIELD_EMISSING, "", 0, 0);
	CHECK(&line_req, "ab", FIELD_OK, "ab", 0, 1);
	CHECK(&line_req, "  Ab c \t\r\n", FIELD_OK, "Ab c", 0, 1);
	CHECK(&line_req, "a", FIELD_ETOOSHORT, "a", 0, 1);
	CHECK(&line_req, "  a  ", FIELD_ETOOSHORT, "a", 0, 1);
	CHECK(&line_req, "0123456789", FIELD_OK, "0123456789", 0, 1);
	CHECK(&line_req, "0123456789a", FIELD_ETOOLONG, "0123456789a", 0, 1);
	/* Ten code points of two bytes each are ten characters. */
	CHECK(&line_req, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", FIELD_OK, NULL, 0, 1);
	CHECK(&line_req, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
	    FIELD_ETOOLONG, NULL, 0, 1);
	CHECK(&line_req, "\xf0\x9f\x98\x80\xf0\x9f\x98\x80", FIELD_OK, NULL,
	    0, 1);
	/* A non-breaking space is not ASCII white space: it stays. */
	CHECK(&line_req, "\xc2\xa0x", FIELD_OK, "\xc2\xa0x", 0, 1);

	CHECK(&opt, NULL, FIELD_OK, "", 0, 0);
	CHECK(&opt, "", FIELD_OK, "", 0, 0);
	CHECK(&opt, "  ", FIELD_OK, "", 0, 0);
	CHECK(&opt, "x", FIELD_ETOOSHORT, "x", 0, 1);
	CHECK(&opt, "xyzxyz", FIELD_ETOOLONG, "xyzxyz", 0, 1);

	memset(big, 'b', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK(&nomax, big, FIELD_OK, big, 0, 1);
}

/* LINE: CR, LF, TAB inside and other control characters are refused. */
static void
test_line_controls(void **state)
{
	(void)state;
	CHECK(&line_req, "a\nb", FIELD_EFORMAT, "a\nb", 0, 1);
	CHECK(&line_req, "a\rb", FIELD_EFORMAT, "a\rb", 0, 1);
	CHECK(&line_req, "a\r\nb", FIELD_EFORMAT, "a\r\nb", 0, 1);
	CHECK(&line_req, "a\tb", FIELD_EFORMAT, "a\tb", 0, 1);
	CHECK(&line_req, "a\x01" "b", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&line_req, "a\x1b[0m", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&line_req, "a\x7f" "b", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&line_req, "a\x0b" "b", FIELD_EFORMAT, NULL, 0, 1);
	/* U+0085 (NEL) and U+009F are C1 controls. */
	CHECK(&line_req, "a\xc2\x85" "b", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&line_req, "a\xc2\x9f" "b", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&line_req, "a\xc2\xa9" "b", FIELD_OK, "a\xc2\xa9" "b", 0, 1);
	/* Invalid UTF-8 (only possible from a hand-made list) is emptied. */
	CHECK(&line_req, "ab\xff", FIELD_EFORMAT, "", 0, 1);
	CHECK(&line_req, "\xc0\xaf" "ab", FIELD_EFORMAT, "", 0, 1);
}

/* TEXT: CRLF becomes LF, TAB stays, other controls are refused. */
static void
test_text(void **state)
{
	static const struct field_def d = {
	    .name = "body", .kind = FIELD_TEXT, .required = 1, .max = 20 };

	(void)state;
	CHECK(&d, NULL, FIELD_EMISSING, "", 0, 0);
	CHECK(&d, " \r\n\r\n ", FIELD_EMISSING, "", 0, 0);
	CHECK(&d, "  line1\r\nline2\r\n\r\n", FIELD_OK, "line1\nline2", 0, 1);
	CHECK(&d, "a\r\n\r\nb", FIELD_OK, "a\n\nb", 0, 1);
	CHECK(&d, "a\rb", FIELD_OK, "a\nb", 0, 1);
	CHECK(&d, "a\r\r\nb", FIELD_OK, "a\n\nb", 0, 1);
	CHECK(&d, "a\nb", FIELD_OK, "a\nb", 0, 1);
	CHECK(&d, "a\tb", FIELD_OK, "a\tb", 0, 1);
	CHECK(&d, "a\x01" "b", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&d, "a\x0c" "b", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&d, "a\x7f" "b", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&d, "a\xc2\x80" "b", FIELD_EFORMAT, NULL, 0, 1);
	/* Lengths count after normalising: 29 bytes, 20 characters. */
	CHECK(&d, "a\r\nb\r\nc\r\nd\r\ne\r\nf\r\ng\r\nh\r\ni\r\njj",
	    FIELD_OK, "a\nb\nc\nd\ne\nf\ng\nh\ni\njj", 0, 1);
	CHECK(&d, "a\r\nb\r\nc\r\nd\r\ne\r\nf\r\ng\r\nh\r\ni\r\njjj",
	    FIELD_ETOOLONG, NULL, 0, 1);
	CHECK(&d, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
	    FIELD_ETOOLONG, NULL, 0, 1);
}

/* A required e-mail field. */
static const struct field_def email_req = {
	.name = "email", .kind = FIELD_EMAIL, .required = 1 };

/* EMAIL: good addresses, and the domain is lower-cased. */
static void
test_email_ok(void **state)
{
	static const struct field_def opt = {
	    .name = "e", .kind = FIELD_EMAIL };

	(void)state;
	CHECK(&email_req, "  Marie@Example.ORG ", FIELD_OK,
	    "Marie@example.org", 0, 1);
	CHECK(&email_req, "a.b+tag@sub.example.co", FIELD_OK,
	    "a.b+tag@sub.example.co", 0, 1);
	CHECK(&email_req, "x@y.ca", FIELD_OK, "x@y.ca", 0, 1);
	CHECK(&email_req, "o'brien@example.ie", FIELD_OK, NULL, 0, 1);
	CHECK(&email_req, "user@xn--caf-dma.ca", FIELD_OK, NULL, 0, 1);
	CHECK(&email_req, "u@a-b.c-d.QC.CA", FIELD_OK, "u@a-b.c-d.qc.ca", 0,
	    1);
	CHECK(&email_req, "u@example.123a", FIELD_OK, NULL, 0, 1);
	CHECK(&email_req, NULL, FIELD_EMISSING, "", 0, 0);
	CHECK(&email_req, "   ", FIELD_EMISSING, "", 0, 0);
	CHECK(&opt, NULL, FIELD_OK, "", 0, 0);
	CHECK(&opt, "", FIELD_OK, "", 0, 0);
}

/* EMAIL: malformed addresses are FIELD_EFORMAT and kept as typed. */
static void
test_email_bad(void **state)
{
	static const char *const bad[] = {
		"marie", "@example.org", "marie@", "marie@example",
		"marie@@example.org", "a@b@example.org", "marie @example.org",
		"marie@exa mple.org", "marie@.example.org",
		"marie@example..org", "marie@example.org.",
		".marie@example.org", "marie.@example.org",
		"ma..rie@example.org", "marie@-example.org",
		"marie@example-.org", "marie@example.c", "marie@1.2.3.4",
		"marie@example.123", "a@10.0.0.12",
		"marie@[1.2.3.4]", "mar\"ie@example.org",
		"mari\xc3\xa9@example.org", "marie@ex\xc3\xa4mple.org",
		"marie@exa_mple.org", "marie@example.org\x01", "<m@x.org>",
		"m(x)@example.org", "m,x@example.org", "m;x@example.org",
		"m\\x@example.org", "m@x.org, n@y.org", "m@x.org\nBcc: a@b.cc",
		"@", "a@.", "a@b.",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check_raw(&email_req, bad[i], strlen(bad[i]), FIELD_EFORMAT,
		    NULL, 0, 1, (int)(1000 + i));
	/* The text typed is kept, not lower-cased, for the form. */
	CHECK(&email_req, " Marie@EXAMPLE ", FIELD_EFORMAT, "Marie@EXAMPLE", 0,
	    1);
}

/* EMAIL: the limits of 64 bytes of local part, 63 per label, 254 total. */
static void
test_email_limits(void **state)
{
	char	 s[300];
	size_t	 i;

	(void)state;
	/* 64 + 1 + 63 + 1 + 63 + 1 + 57 + 1 + 3 = 254 bytes. */
	memset(s, 'l', 64);
	s[64] = '@';
	memset(s + 65, 'a', 63);
	s[128] = '.';
	memset(s + 129, 'b', 63);
	s[192] = '.';
	memset(s + 193, 'c', 57);
	memcpy(s + 250, ".org", 5);
	assert_int_equal(strlen(s), 254);
	CHECK(&email_req, s, FIELD_OK, s, 0, 1);

	/* 255 bytes. */
	memcpy(s + 250, "c.org", 6);
	assert_int_equal(strlen(s), 255);
	CHECK(&email_req, s, FIELD_EFORMAT, NULL, 0, 1);

	/* A local part of 65 bytes. */
	memset(s, 'l', 65);
	memcpy(s + 65, "@example.org", 13);
	CHECK(&email_req, s, FIELD_EFORMAT, NULL, 0, 1);

	/* A label of 63 bytes passes; of 64 it does not. */
	memcpy(s, "a@", 2);
	for (i = 0; i < 63; i++)
		s[2 + i] = 'd';
	memcpy(s + 65, ".ca", 4);
	CHECK(&email_req, s, FIELD_OK, s, 0, 1);
	for (i = 0; i < 64; i++)
		s[2 + i] = 'd';
	memcpy(s + 66, ".ca", 4);
	CHECK(&email_req, s, FIELD_EFORMAT, NULL, 0, 1);
}

/* PASSWORD: kept exactly, counted in code points. */
static void
test_password(void **state)
{
	static const struct field_def d = {
	    .name = "password", .kind = FIELD_PASSWORD, .required = 1,
	    .min = 8, .max = 64 };

	(void)state;
	CHECK(&d, NULL, FIELD_EMISSING, "", 0, 0);
	CHECK(&d, "", FIELD_EMISSING, "", 0, 0);
	CHECK(&d, "  secret pass  ", FIELD_OK, "  secret pass  ", 0, 1);
	CHECK(&d, "        ", FIELD_OK, "        ", 0, 1);
	CHECK(&d, "short", FIELD_ETOOSHORT, "short", 0, 1);
	/* Seven code points in fourteen bytes are too short. */
	CHECK(&d, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
	    FIELD_ETOOSHORT, NULL, 0, 1);
	CHECK(&d, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9", FIELD_OK, NULL, 0, 1);
	CHECK(&d, "tab\tand\r\nnewline", FIELD_OK, "tab\tand\r\nnewline", 0, 1);
	CHECK(&d, "0123456789012345678901234567890123456789012345678901234567"
	    "890123", FIELD_OK, NULL, 0, 1);
	CHECK(&d, "0123456789012345678901234567890123456789012345678901234567"
	    "8901234", FIELD_ETOOLONG, NULL, 0, 1);
}

/* INT: strict parsing, bounds and overflow. */
static void
test_int(void **state)
{
	static const struct field_def d = {
	    .name = "n", .kind = FIELD_INT, .required = 1, .min = -5, .max = 100 };
	static const struct field_def all = {
	    .name = "n", .kind = FIELD_INT, .min = LLONG_MIN, .max = LLONG_MAX };
	static const char *const bad[] = {
		"+1", "1.0", "1e3", "0x10", "1 2", "-", "--1", "abc", "12abc",
		"- 1", "1,5", "\xd9\xa1", "\xef\xbc\x91", "1\n2", "0b1",
	};
	size_t	 i;

	(void)state;
	CHECK(&d, NULL, FIELD_EMISSING, "", 0, 0);
	CHECK(&d, "  ", FIELD_EMISSING, "", 0, 0);
	CHECK(&d, "42", FIELD_OK, "42", 42, 1);
	CHECK(&d, " 7 ", FIELD_OK, "7", 7, 1);
	CHECK(&d, "0042", FIELD_OK, "0042", 42, 1);
	CHECK(&d, "0", FIELD_OK, "0", 0, 1);
	CHECK(&d, "-0", FIELD_OK, "-0", 0, 1);
	CHECK(&d, "-5", FIELD_OK, "-5", -5, 1);
	CHECK(&d, "100", FIELD_OK, "100", 100, 1);
	CHECK(&d, "101", FIELD_ERANGE, "101", 0, 1);
	CHECK(&d, "-6", FIELD_ERANGE, "-6", 0, 1);
	CHECK(&d, "99999999999999999999", FIELD_ERANGE, NULL, 0, 1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check_raw(&d, bad[i], strlen(bad[i]), FIELD_EFORMAT, NULL, 0, 1,
		    (int)(1000 + i));

	CHECK(&all, NULL, FIELD_OK, "", 0, 0);
	CHECK(&all, "9223372036854775807", FIELD_OK, NULL, LLONG_MAX, 1);
	CHECK(&all, "-9223372036854775808", FIELD_OK, NULL, LLONG_MIN, 1);
	CHECK(&all, "09223372036854775807", FIELD_OK, NULL, LLONG_MAX, 1);
	CHECK(&all, "9223372036854775808", FIELD_ERANGE, NULL, 0, 1);
	CHECK(&all, "-9223372036854775809", FIELD_ERANGE, NULL, 0, 1);
	CHECK(&all, "18446744073709551616", FIELD_ERANGE, NULL, 0, 1);
	CHECK(&all, "99999999999999999999x", FIELD_EFORMAT, NULL, 0, 1);
}

/* DATE: real calendar dates from 1900 to 2200 only. */
static void
test_date(void **state)
{
	static const struct field_def d = {
	    .name = "start", .kind = FIELD_DATE, .required = 1 };
	static const char *const good[] = {
		"2024-02-29", "2000-02-29", "1900-01-01", "2200-12-31",
		"2024-04-30", "2023-12-31", "2025-01-31", "1904-02-29",
	};
	static const char *const bad[] = {
		"2023-02-29", "1900-02-29", "2100-02-29", "2200-02-29",
		"1899-12-31", "2201-01-01", "0000-01-01", "9999-12-31",
		"2024-13-01", "2024-00-10", "2024-01-00", "2024-04-31",
		"2024-01-32", "2024-1-01", "2024-01-1", "2024/01/01",
		"24-01-01", "2024-01-01T00:00", "2024-0a-01", "20240101",
		"2024--1-01", "+024-01-01", "2024-01-01 x", "today",
		"2024-02-30", "2024-06-31", "2024-09-31", "2024-11-31",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		check_raw(&d, good[i], strlen(good[i]), FIELD_OK, good[i], 0,
		    1, (int)(1000 + i));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check_raw(&d, bad[i], strlen(bad[i]), FIELD_EFORMAT, bad[i], 0,
		    1, (int)(2000 + i));
	CHECK(&d, " 2024-01-15\t", FIELD_OK, "2024-01-15", 0, 1);
	CHECK(&d, NULL, FIELD_EMISSING, "", 0, 0);
}

/* CHOICE: an exact match sets num to its index, else -1. */
static void
test_choice(void **state)
{
	static const char *const nets[] = {
	    "facebook", "instagram", "linkedin", NULL };
	static const struct field_def d = {
	    .name = "net", .kind = FIELD_CHOICE, .required = 1, .choices = nets };
	static const struct field_def opt = {
	    .name = "net", .kind = FIELD_CHOICE, .choices = nets };

	(void)state;
	CHECK(&d, "facebook", FIELD_OK, "facebook", 0, 1);
	CHECK(&d, "instagram", FIELD_OK, "instagram", 1, 1);
	CHECK(&d, "linkedin", FIELD_OK, "linkedin", 2, 1);
	CHECK(&d, "Instagram", FIELD_ECHOICE, "Instagram", -1, 1);
	CHECK(&d, " instagram", FIELD_ECHOICE, " instagram", -1, 1);
	CHECK(&d, "insta", FIELD_ECHOICE, "insta", -1, 1);
	CHECK(&d, "tiktok", FIELD_ECHOICE, "tiktok", -1, 1);
	CHECK(&d, "", FIELD_EMISSING, "", -1, 0);
	CHECK(&d, NULL, FIELD_EMISSING, "", -1, 0);
	CHECK(&opt, NULL, FIELD_OK, "", -1, 0);
	CHECK(&opt, "linkedin", FIELD_OK, "linkedin", 2, 1);
}

/* TOKEN: [A-Za-z0-9_-] only, lengths when declared. */
static void
test_token(void **state)
{
	static const struct field_def d = {
	    .name = "csrf", .kind = FIELD_TOKEN, .required = 1 };
	static const struct field_def sized = {
	    .name = "t", .kind = FIELD_TOKEN, .required = 1, .min = 4, .max = 8 };

	(void)state;
	CHECK(&d, "abc_DEF-123", FIELD_OK, "abc_DEF-123", 0, 1);
	CHECK(&d, NULL, FIELD_EMISSING, "", 0, 0);
	CHECK(&d, "abc def", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&d, " abc", FIELD_EFORMAT, " abc", 0, 1);
	CHECK(&d, "abc=", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&d, "a+b/c", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&d, "\xc3\xa9", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&d, "a\nb", FIELD_EFORMAT, NULL, 0, 1);
	CHECK(&sized, "abc", FIELD_ETOOSHORT, NULL, 0, 1);
	CHECK(&sized, "abcd", FIELD_OK, NULL, 0, 1);
	CHECK(&sized, "abcdefgh", FIELD_OK, NULL, 0, 1);
	CHECK(&sized, "abcdefghi", FIELD_ETOOLONG, NULL, 0, 1);
}

/* BOOL: present with any value is 1, absent is 0. */
static void
test_bool(void **state)
{
	static const struct field_def d = {
	    .name = "ok", .kind = FIELD_BOOL };
	static const struct field_def req = {
	    .name = "terms", .kind = FIELD_BOOL, .required = 1 };

	(void)state;
	CHECK(&d, NULL, FIELD_OK, "", 0, 0);
	CHECK(&d, "on", FIELD_OK, "on", 1, 1);
	CHECK(&d, "", FIELD_OK, "", 1, 1);
	CHECK(&d, "0", FIELD_OK, "0", 1, 1);
	CHECK(&req, NULL, FIELD_EMISSING, "", 0, 0);
	CHECK(&req, "on", FIELD_OK, "on", 1, 1);
}

/* DECIMAL: two decimals at most, '.' or ',', normalised, hundredths. */
static void
test_decimal(void **state)
{
	static const struct field_def d = {
	    .name = "hours", .kind = FIELD_DECIMAL, .min = 0, .max = 80 };
	static const struct field_def req = {
	    .name = "hours", .kind = FIELD_DECIMAL, .required = 1, .min = 0,
	    .max = 80 };
	static const struct field_def neg = {
	    .name = "delta", .kind = FIELD_DECIMAL, .min = -10, .max = 10 };
	static const struct field_def all = {
	    .name = "n", .kind = FIELD_DECIMAL, .min = LLONG_MIN,
	    .max = LLONG_MAX };
	/* Bounds whose hundredths do not fit a long long (found by fuzzing). */
	static const struct field_def above = {
	    .name = "n", .kind = FIELD_DECIMAL, .min = LLONG_MAX / 100 + 1,
	    .max = LLONG_MAX };
	static const struct field_def below = {
	    .name = "n", .kind = FIELD_DECIMAL, .min = LLONG_MIN,
	    .max = LLONG_MIN / 100 - 1 };
	static const char *const bad[] = {
		"2.555", "2.500", "1e3", "1E3", "2 5", "2, 5", "2 ,5", "2.",
		"2,", ".5", ",5", "+2", "-", "--1", "abc", "2.5.1", "1,000.5",
		"1 000", "0x10", "\xd9\xa2", "\xef\xbc\x92", "2.\n5", "2\t5",
		"2..5", "2,,5", "inf", "nan", "1/2", "2.5h", "-,5",
	};
	size_t	 i;

	(void)state;
	CHECK(&d, NULL, FIELD_OK, "", 0, 0);
	CHECK(&d, "  ", FIELD_OK, "", 0, 0);
	CHECK(&req, NULL, FIELD_EMISSING, "", 0, 0);
	CHECK(&req, " ", FIELD_EMISSING, "", 0, 0);
	CHECK(&d, "2", FIELD_OK, "2", 200, 1);
	CHECK(&d, "2.5", FIELD_OK, "2.5", 250, 1);
	CHECK(&d, "2,5", FIELD_OK, "2.5", 250, 1);
	CHECK(&d, "0.25", FIELD_OK, "0.25", 25, 1);
	CHECK(&d, "0,05", FIELD_OK, "0.05", 5, 1);
	CHECK(&d, "2.50", FIELD_OK, "2.5", 250, 1);
	CHECK(&d, "3.0", FIELD_OK, "3", 300, 1);
	CHECK(&d, "3,00", FIELD_OK, "3", 300, 1);
	CHECK(&d, "02,05", FIELD_OK, "2.05", 205, 1);
	CHECK(&d, "000", FIELD_OK, "0", 0, 1);
	CHECK(&d, "-0", FIELD_OK, "0", 0, 1);
	CHECK(&d, "-0.00", FIELD_OK, "0", 0, 1);
	CHECK(&d, " \t7,5 \r\n", FIELD_OK, "7.5", 750, 1);
	CHECK(&d, "80", FIELD_OK, "80", 8000, 1);
	CHECK(&d, "80.00", FIELD_OK, "80", 8000, 1);
	/* Out of range: normalised all the same, num 0. */
	CHECK(&d, "80.01", FIELD_ERANGE, "80.01", 0, 1);
	CHECK(&d, "81", FIELD_ERANGE, "81", 0, 1);
	CHECK(&d, "-1", FIELD_ERANGE, "-1", 0, 1);
	CHECK(&d, "-0.01", FIELD_ERANGE, "-0.01", 0, 1);
	CHECK(&d, "0100,50", FIELD_ERANGE, "100.5", 0, 1);
	CHECK(&d, "99999999999999999999", FIELD_ERANGE,
	    "99999999999999999999", 0, 1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check_raw(&d, bad[i], strlen(bad[i]), FIELD_EFORMAT, NULL, 0,
		    1, (int)(1000 + i));
	/* A malformed number keeps its trimmed text. */
	CHECK(&d, " 2.555 ", FIELD_EFORMAT, "2.555", 0, 1);
	CHECK(&d, "2,", FIELD_EFORMAT, "2,", 0, 1);

	CHECK(&neg, "-2,5", FIELD_OK, "-2.5", -250, 1);
	CHECK(&neg, "-0.5", FIELD_OK, "-0.5", -50, 1);
	CHECK(&neg, "-10", FIELD_OK, "-10", -1000, 1);
	CHECK(&neg, "-10.01", FIELD_ERANGE, "-10.01", 0, 1);
	CHECK(&neg, "10.5", FIELD_ERANGE, "10.5", 0, 1);

	/* The largest hundredths that fit a long long, and one past. */
	CHECK(&all, "92233720368547757.99", FIELD_OK, "92233720368547757.99",
	    9223372036854775799LL, 1);
	CHECK(&all, "-92233720368547757.99", FIELD_OK,
	    "-92233720368547757.99", -9223372036854775799LL, 1);
	CHECK(&all, "92233720368547758", FIELD_ERANGE, "92233720368547758", 0,
	    1);
	CHECK(&all, "000000000000000000000000092233720368547757", FIELD_OK,
	    "92233720368547757", 9223372036854775700LL, 1);

	/* Every number is below a minimum past the largest hundredths... */
	CHECK(&above, "2", FIELD_ERANGE, "2", 0, 1);
	CHECK(&above, "92233720368547757.99", FIELD_ERANGE,
	    "92233720368547757.99", 0, 1);
	/* ...and above a maximum past the smallest. */
	CHECK(&below, "-2", FIELD_ERANGE, "-2", 0, 1);
	CHECK(&below, "-92233720368547757.99", FIELD_ERANGE,
	    "-92233720368547757.99", 0, 1);
}

/*
 * Validates the single FIELD_MULTI (or other) field d against the values
 * vals[0..] (NULL-terminated), each sent under d's name, with a pair of
 * another name between them; checks the error, the text, num and present.
 * Reports the caller's line on failure.
 */
static void
check_multi(const struct field_def *d, const char *const *vals, int error,
    const char *text, long long num, int present, int line)
{
	struct kvlist		 in = { NULL, 0, 0 };
	struct form		 f;
	const struct field_value *v;
	size_t			 i;

	memset(&f, 0, sizeof(f));
	for (i = 0; vals[i] != NULL; i++) {
		assert_int_equal(kvlist_add(&in, d->name, vals[i],
		    strlen(vals[i])), RT_OK);
		assert_int_equal(kvlist_add(&in, "other", "facebook", 8),
		    RT_OK);
	}
	/* The occurrence number does not matter to a FIELD_MULTI. */
	assert_int_equal(form_validate(&f, d, 1, &in, 1), RT_OK);
	kvlist_free(&in);
	v = form_get(&f, d->name);
	if (v->error != error)
		fail_msg("line %d: error %d, expected %d (text \"%s\")", line,
		    v->error, error, v->text);
	if (strcmp(v->text, text) != 0)
		fail_msg("line %d: text \"%s\", expected \"%s\"", line,
		    v->text, text);
	if (v->len != strlen(v->text))
		fail_msg("line %d: len %zu", line, v->len);
	if (v->num != num)
		fail_msg("line %d: num %lld, expected %lld", line, v->num, num);
	if (v->present != present)
		fail_msg("line %d: present %d", line, v->present);
	if (f.nerrors != (error != FIELD_OK))
		fail_msg("line %d: nerrors %d", line, f.nerrors);
	form_free(&f);
}

/* check_multi() on the values that follow, reporting this line. */
#define CHECK_MULTI(d, error, text, num, present, ...) do {		\
	static const char *const vals_[] = { __VA_ARGS__, NULL };	\
	check_multi((d), vals_ + 1, (error), (text), (num), (present), \
	    __LINE__);							\
} while (0)

/* MULTI over choices: order kept, repeats and empty values dropped. */
static void
test_multi_choices(void **state)
{
	static const char *const nets[] = {
	    "facebook", "instagram", "linkedin", NULL };
	static const struct field_def d = {
	    .name = "nets", .kind = FIELD_MULTI, .choices = nets };
	static const struct field_def req = {
	    .name = "nets", .kind = FIELD_MULTI, .required = 1,
	    .choices = nets };
	static const struct field_def two = {
	    .name = "nets", .kind = FIELD_MULTI, .max = 2, .choices = nets };

	(void)state;
	CHECK_MULTI(&d, FIELD_OK, "", 0, 0, "");
	CHECK_MULTI(&d, FIELD_OK, "", 0, 0, "", "");
	CHECK_MULTI(&req, FIELD_EMISSING, "", 0, 0, "");
	CHECK_MULTI(&req, FIELD_EMISSING, "", 0, 0, "", "");
	CHECK_MULTI(&d, FIELD_OK, "linkedin", 1, 1, "", "linkedin");
	CHECK_MULTI(&d, FIELD_OK, "linkedin,facebook", 2, 1, "", "linkedin",
	    "facebook");
	CHECK_MULTI(&d, FIELD_OK, "instagram,facebook,linkedin", 3, 1, "",
	    "instagram", "", "facebook", "instagram", "linkedin", "facebook");
	CHECK_MULTI(&d, FIELD_ECHOICE, "facebook,tiktok", 2, 1, "",
	    "facebook", "tiktok");
	CHECK_MULTI(&d, FIELD_ECHOICE, "Facebook", 1, 1, "", "Facebook");
	CHECK_MULTI(&d, FIELD_ECHOICE, " facebook", 1, 1, "", " facebook");
	CHECK_MULTI(&d, FIELD_ECHOICE, "facebook,linkedin", 1, 1, "",
	    "facebook,linkedin");
	CHECK_MULTI(&two, FIELD_OK, "facebook,linkedin", 2, 1, "", "facebook",
	    "linkedin", "facebook");
	CHECK_MULTI(&two, FIELD_ERANGE, "facebook,linkedin,instagram", 3, 1,
	    "", "facebook", "linkedin", "instagram");
	/* A choice error wins over the count. */
	CHECK_MULTI(&two, FIELD_ECHOICE, "x,y,z", 3, 1, "", "x", "y", "z");
}

/* MULTI without choices: tokens of 1 to 23 bytes, and the limits. */
static void
test_multi_tokens(void **state)
{
	static const struct field_def d = {
	    .name = "refs", .kind = FIELD_MULTI };
	static const struct field_def three = {
	    .name = "refs", .kind = FIELD_MULTI, .max = 3 };
	struct kvlist	 in = { NULL, 0, 0 };
	struct form	 f;
	char		 name[16];
	size_t		 i;

	(void)state;
	CHECK_MULTI(&d, FIELD_OK, "p1,o-2_X", 2, 1, "", "p1", "o-2_X", "p1");
	CHECK_MULTI(&d, FIELD_OK, "abcdefghijklmnopqrstuvw", 1, 1, "",
	    "abcdefghijklmnopqrstuvw");
	CHECK_MULTI(&d, FIELD_EFORMAT, "abcdefghijklmnopqrstuvwx", 1, 1, "",
	    "abcdefghijklmnopqrstuvwx");
	CHECK_MULTI(&d, FIELD_EFORMAT, "p1,a b", 2, 1, "", "p1", "a b");
	CHECK_MULTI(&d, FIELD_EFORMAT, "\xc3\xa9", 1, 1, "", "\xc3\xa9");
	CHECK_MULTI(&d, FIELD_EFORMAT, "a,b", 1, 1, "", "a,b");
	/* Invalid UTF-8 is left out of the text. */
	CHECK_MULTI(&d, FIELD_EFORMAT, "p1,p2", 2, 1, "", "p1", "\xff", "p2");
	CHECK_MULTI(&d, FIELD_EFORMAT, "", 0, 0, "", "\xc0\xaf");
	CHECK_MULTI(&three, FIELD_OK, "a,b,c", 3, 1, "", "a", "b", "c", "a");
	CHECK_MULTI(&three, FIELD_ERANGE, "a,b,c,d", 4, 1, "", "a", "b", "c",
	    "d");

	/* 64 distinct values are kept; the 65th is FIELD_ERANGE. */
	memset(&f, 0, sizeof(f));
	for (i = 0; i < 65; i++) {
		snprintf(name, sizeof(name), "t%zu", i);
		assert_int_equal(kvlist_add(&in, "refs", name, strlen(name)),
		    RT_OK);
		if (i == 63) {
			assert_int_equal(form_validate(&f, &d, 1, &in, 0),
			    RT_OK);
			assert_int_equal(f.values[0].error, FIELD_OK);
			assert_int_equal(f.values[0].num, 64);
			form_free(&f);
		}
	}
	assert_int_equal(form_validate(&f, &d, 1, &in, 0), RT_OK);
	assert_int_equal(f.values[0].error, FIELD_ERANGE);
	assert_int_equal(f.values[0].num, 64);
	assert_int_equal(strncmp(f.values[0].text, "t0,t1,t2,", 9), 0);
	form_free(&f);
	kvlist_free(&in);

	/* Thousands of repeats of long values: one value, arena exact. */
	memset(&f, 0, sizeof(f));
	{
		char	 big[2001];

		memset(big, 'z', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		for (i = 0; i < 3000; i++)
			assert_int_equal(kvlist_add(&in, "refs", big,
			    strlen(big)), RT_OK);
		assert_int_equal(form_validate(&f, &d, 1, &in, 0), RT_OK);
		assert_int_equal(f.values[0].error, FIELD_EFORMAT);
		assert_int_equal(f.values[0].num, 1);
		assert_int_equal(f.values[0].len, 2000);
		form_free(&f);
		kvlist_free(&in);
	}
}

/* Items of a list: fields read under a prefix, MULTI included. */
static void
test_prefix(void **state)
{
	static const struct field_def defs[] = {
		{ .name = "name", .kind = FIELD_LINE, .required = 1,
		  .max = 20 },
		{ .name = "platforms", .kind = FIELD_MULTI },
		{ .name = "age", .kind = FIELD_INT, .min = 0, .max = 120 },
		{ .name = "hours", .kind = FIELD_DECIMAL, .max = 40 },
		{ .name = "ok", .kind = FIELD_BOOL },
	};
	struct kvlist	 in = { NULL, 0, 0 };
	struct form	 f;
	const char	*s = "persona-1-name=Ana&persona-1-platforms=fb"
	    "&persona-10-name=Zed&persona-1-platforms=x&persona-1-name=Second"
	    "&persona-1-age=33&name=plain&persona-1-hours=1,5"
	    "&persona-1-platforms=fb&persona-10-ok=&persona-1-=junk"
	    "&Persona-1-age=1&persona-1-name-x=2&platforms=top&age=x";

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_int_equal(http_parse_urlencoded(s, strlen(s), &in), RT_OK);

	assert_int_equal(form_validate_prefix(&f, defs, 5, &in, "persona-1-"),
	    RT_OK);
	assert_int_equal(f.nerrors, 0);
	assert_string_equal(form_get(&f, "name")->text, "Ana");
	assert_string_equal(form_get(&f, "platforms")->text, "fb,x");
	assert_int_equal(form_get(&f, "platforms")->num, 2);
	assert_int_equal(form_get(&f, "age")->num, 33);
	assert_string_equal(form_get(&f, "hours")->text, "1.5");
	assert_int_equal(form_get(&f, "hours")->num, 150);
	assert_int_equal(form_get(&f, "ok")->num, 0);
	form_free(&f);

	assert_int_equal(form_validate_prefix(&f, defs, 5, &in,
	    "persona-10-"), RT_OK);
	assert_int_equal(f.nerrors, 0);
	assert_string_equal(form_get(&f, "name")->text, "Zed");
	assert_string_equal(form_get(&f, "platforms")->text, "");
	assert_int_equal(form_get(&f, "ok")->num, 1);
	form_free(&f);

	assert_int_equal(form_validate_prefix(&f, defs, 5, &in, "persona-2-"),
	    RT_OK);
	assert_int_equal(f.nerrors, 1);
	assert_int_equal(form_get(&f, "name")->error, FIELD_EMISSING);
	assert_false(form_get(&f, "platforms")->present);
	form_free(&f);

	/* The empty prefix reads the plain names. */
	assert_int_equal(form_validate_prefix(&f, defs, 5, &in, ""), RT_OK);
	assert_string_equal(form_get(&f, "name")->text, "plain");
	assert_string_equal(form_get(&f, "platforms")->text, "top");
	assert_int_equal(form_get(&f, "age")->error, FIELD_EFORMAT);
	assert_int_equal(f.nerrors, 1);
	form_free(&f);

	/* No input, and no field. */
	assert_int_equal(form_validate_prefix(&f, defs, 5, NULL, "p-1-"),
	    RT_OK);
	assert_int_equal(f.nerrors, 1);
	form_free(&f);
	assert_int_equal(form_validate_prefix(&f, defs, 0, &in, "p-1-"),
	    RT_OK);
	assert_null(f.values);
	form_free(&f);
	kvlist_free(&in);
}

/* form_validate_prefix() with a MULTI: the same two allocations. */
static void
test_prefix_oom(void **state)
{
	static const struct field_def defs[] = {
		{ .name = "name", .kind = FIELD_LINE },
		{ .name = "platforms", .kind = FIELD_MULTI },
	};
	struct kvlist	 in = { NULL, 0, 0 };
	struct form	 f;
	long		 k;
	int		 rc;

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_int_equal(kvlist_add(&in, "a-1-platforms", "fb", 2), RT_OK);
	assert_int_equal(kvlist_add(&in, "a-1-platforms", "x", 1), RT_OK);
	for (k = 0; ; k++) {
		fault_left = k;
		rc = form_validate_prefix(&f, defs, 2, &in, "a-1-");
		fault_left = -1;
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
		form_free(&f);
	}
	assert_int_equal(k, 2);
	assert_string_equal(form_get(&f, "platforms")->text, "fb,x");
	form_free(&f);
	kvlist_free(&in);
}

/* The fields of a whole form: nth occurrence, nerrors, form_get. */
static const char *const test_kinds[] = { "reach", "sales", NULL };
static const struct field_def test_defs[] = {
	{ .name = "title", .kind = FIELD_LINE, .required = 1, .min = 1,
	  .max = 80, .label = "Title" },
	{ .name = "kind", .kind = FIELD_CHOICE, .required = 1,
	  .choices = test_kinds },
	{ .name = "budget", .kind = FIELD_INT, .max = 100000 },
	{ .name = "due", .kind = FIELD_DATE },
	{ .name = "public", .kind = FIELD_BOOL },
};
#define TEST_NDEFS (sizeof(test_defs) / sizeof(test_defs[0]))

/* Repeated groups of fields are read by their occurrence number. */
static void
test_form_nth(void **state)
{
	struct kvlist	 in = { NULL, 0, 0 };
	struct form	 f;
	const char	*s = "title=One&kind=reach&budget=10&due=2024-03-01"
	    "&title=Two&kind=sales&budget=abc&due=2024-02-30&public=on"
	    "&title=++";

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_int_equal(http_parse_urlencoded(s, strlen(s), &in), RT_OK);

	assert_int_equal(form_validate(&f, test_defs, TEST_NDEFS, &in, 0),
	    RT_OK);
	assert_int_equal(f.nerrors, 0);
	assert_int_equal(f.n, TEST_NDEFS);
	assert_string_equal(form_get(&f, "title")->text, "One");
	assert_int_equal(form_get(&f, "kind")->num, 0);
	assert_int_equal(form_get(&f, "budget")->num, 10);
	assert_true(form_get(&f, "due")->present);
	assert_string_equal(form_get(&f, "due")->text, "2024-03-01");
	assert_int_equal(form_get(&f, "public")->num, 1);
	form_free(&f);
	assert_null(f.values);
	assert_null(f.arena);
	assert_int_equal(f.n, 0);

	assert_int_equal(form_validate(&f, test_defs, TEST_NDEFS, &in, 1),
	    RT_OK);
	assert_int_equal(f.nerrors, 2);
	assert_string_equal(form_get(&f, "title")->text, "Two");
	assert_int_equal(form_get(&f, "kind")->num, 1);
	assert_int_equal(form_get(&f, "budget")->error, FIELD_EFORMAT);
	assert_string_equal(form_get(&f, "budget")->text, "abc");
	assert_int_equal(form_get(&f, "due")->error, FIELD_EFORMAT);
	/* There is only one "public": the second group does not have it. */
	assert_int_equal(form_get(&f, "public")->num, 0);
	form_free(&f);

	assert_int_equal(form_validate(&f, test_defs, TEST_NDEFS, &in, 2),
	    RT_OK);
	assert_int_equal(f.nerrors, 2);
	assert_int_equal(form_get(&f, "title")->error, FIELD_EMISSING);
	assert_int_equal(form_get(&f, "kind")->error, FIELD_EMISSING);
	assert_int_equal(form_get(&f, "kind")->num, -1);
	form_free(&f);

	assert_int_equal(form_validate(&f, test_defs, TEST_NDEFS, &in, 3),
	    RT_OK);
	assert_int_equal(f.nerrors, 2);
	form_free(&f);
	kvlist_free(&in);

	/* No input at all, as for a first GET. */
	assert_int_equal(form_validate(&f, test_defs, TEST_NDEFS, NULL, 0),
	    RT_OK);
	assert_int_equal(f.nerrors, 2);
	assert_string_equal(form_get(&f, "title")->text, "");
	form_free(&f);

	/* No field at all. */
	assert_int_equal(form_validate(&f, test_defs, 0, NULL, 0), RT_OK);
	assert_int_equal(f.nerrors, 0);
	assert_null(f.values);
	form_free(&f);
	form_free(&f);
}

/* Every failed allocation gives RT_ENOMEM, and form_free cleans up. */
static void
test_form_oom(void **state)
{
	struct kvlist	 in = { NULL, 0, 0 };
	struct form	 f;
	long		 k;
	int		 rc;

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_int_equal(kvlist_add(&in, "title", "T", 1), RT_OK);
	for (k = 0; ; k++) {
		fault_left = k;
		rc = form_validate(&f, test_defs, TEST_NDEFS, &in, 0);
		fault_left = -1;
		form_free(&f);
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
	}
	/* The values, then the arena. */
	assert_int_equal(k, 2);
	kvlist_free(&in);
}

/* The messages of each error, and the kind-specific ones. */
static void
test_messages(void **state)
{
	static const struct field_def line = {
	    .name = "a", .kind = FIELD_LINE, .required = 1 };
	static const struct field_def mail = {
	    .name = "a", .kind = FIELD_EMAIL, .required = 1 };
	static const struct field_def date = {
	    .name = "a", .kind = FIELD_DATE, .required = 1 };
	static const struct field_def num = {
	    .name = "a", .kind = FIELD_INT, .required = 1, .max = 9 };
	static const struct field_def choice = {
	    .name = "a", .kind = FIELD_CHOICE, .required = 1,
	    .choices = test_kinds };
	static const struct field_def box = {
	    .name = "a", .kind = FIELD_BOOL, .required = 1 };
	char	 out[128];

	(void)state;
	assert_string_equal(form_error_msgid(FIELD_OK), "");
	assert_string_equal(form_error_msgid(FIELD_EMISSING),
	    "Please fill in this field.");
	assert_string_equal(form_error_msgid(FIELD_ETOOSHORT),
	    "Please use at least %s characters.");
	assert_string_equal(form_error_msgid(FIELD_ETOOLONG),
	    "Please use at most %s characters.");
	assert_string_equal(form_error_msgid(FIELD_EFORMAT),
	    "This does not look right.");
	assert_string_equal(form_error_msgid(FIELD_ERANGE),
	    "Please enter a number between %s and %s.");
	assert_string_equal(form_error_msgid(FIELD_ECHOICE),
	    "Please choose one of the options.");
	assert_string_equal(form_error_msgid(99), "This does not look right.");
	assert_string_equal(form_error_msgid(-1), "This does not look right.");

	/* The format arguments are those form.h documents. */
	snprintf(out, sizeof(out), form_error_msgid(FIELD_ETOOSHORT), "3");
	assert_string_equal(out, "Please use at least 3 characters.");
	snprintf(out, sizeof(out), form_error_msgid(FIELD_ETOOLONG), "4,000");
	assert_string_equal(out, "Please use at most 4,000 characters.");
	snprintf(out, sizeof(out), form_error_msgid(FIELD_ERANGE), "-1", "9");
	assert_string_equal(out, "Please enter a number between -1 and 9.");

	assert_string_equal(form_error_msgid_for(&mail, FIELD_EFORMAT),
	    "Please enter an e-mail address such as name@example.org.");
	assert_string_equal(form_error_msgid_for(&date, FIELD_EFORMAT),
	    "Please enter a date as YYYY-MM-DD.");
	assert_string_equal(form_error_msgid_for(&num, FIELD_EFORMAT),
	    "Please enter a whole number.");
	assert_string_equal(form_error_msgid_for(&line, FIELD_EFORMAT),
	    "This does not look right.");
	assert_string_equal(form_error_msgid_for(&choice, FIELD_EMISSING),
	    "Please choose one of the options.");
	assert_string_equal(form_error_msgid_for(&box, FIELD_EMISSING),
	    "Please tick this box to continue.");
	assert_string_equal(form_error_msgid_for(&mail, FIELD_EMISSING),
	    "Please fill in this field.");
	assert_string_equal(form_error_msgid_for(&num, FIELD_ERANGE),
	    "Please enter a number between %s and %s.");
	assert_string_equal(form_error_msgid_for(NULL, FIELD_ETOOLONG),
	    "Please use at most %s characters.");
	assert_string_equal(form_error_msgid_for(&line, FIELD_OK), "");
}

/* Runs every test of this file; the exit status is the number failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_basic),
		cmocka_unit_test(test_line_controls),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_email_ok),
		cmocka_unit_test(test_email_bad),
		cmocka_unit_test(test_email_limits),
		cmocka_unit_test(test_password),
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_choice),
		cmocka_unit_test(test_token),
		cmocka_unit_test(test_bool),
		cmocka_unit_test(test_decimal),
		cmocka_unit_test(test_multi_choices),
		cmocka_unit_test(test_multi_tokens),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_prefix_oom),
		cmocka_unit_test(test_form_nth),
		cmocka_unit_test(test_form_oom),
		cmocka_unit_test(test_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
