/*
 * fuzz_http.c: the parsers of http.h on any bytes.
 *
 * The whole input goes to each of them: utf8_valid() and utf8_length()
 * (compared with fuzz.c's own decoder), http_percent_decode() both ways,
 * http_parse_urlencoded(), and, up to the first NUL as a header would
 * stop, http_parse_cookies(), http_accept_language(), http_local_path(),
 * http_add_header() and http_set_cookie().  The properties:
 *
 *   - decoded text is valid UTF-8 without NUL, and decoding is exact:
 *     percent-encoding the result and decoding it again gives it back;
 *     text with no '%' (and no '+' when '+' is a space) decodes to itself;
 *   - the pairs of a query string are valid UTF-8 without NUL, no more
 *     than its '&' allow, and encoding them again parses to the same list;
 *   - a cookie's name is visible ASCII without '=' or ';', its value
 *     printable ASCII without ';';
 *   - a language index is -1 or names a code the header mentions (or
 *     "*");
 *   - a path accepted as local starts with one '/' and holds only visible
 *     ASCII, no backslash;
 *   - a header or cookie line that is accepted cannot be split: no CR or
 *     LF but the one ending each line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz.h"
#include "http.h"
#include "status.h"

/* Non-zero for the bytes that percent-encoding leaves as they are. */
static int
unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~';
}

/* Appends s[0..len) percent-encoded to b (every byte but the unreserved). */
static void
encode(struct buf *b, const char *s, size_t len)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 i;
	char			 e[3];
	int			 rc = RT_OK;

	for (i = 0; i < len && rc == RT_OK; i++) {
		if (unreserved((unsigned char)s[i]))
			rc = buf_append(b, s + i, 1);
		else {
			e[0] = '%';
			e[1] = hex[(unsigned char)s[i] >> 4];
			e[2] = hex[(unsigned char)s[i] & 0xf];
			rc = buf_append(b, e, 3);
		}
	}
	FUZZ_CHECK(rc == RT_OK, "out of memory");
}

/* utf8_valid() and utf8_length() against fuzz.c's decoder. */
static void
check_utf8(const char *s, size_t len)
{
	size_t	 ncp = 0;
	int	 ok = fuzz_utf8_ok(s, len, &ncp);

	FUZZ_CHECK((utf8_valid(s, len) != 0) == ok,
	    "utf8_valid says %d, the reference %d", utf8_valid(s, len), ok);
	if (ok)
		FUZZ_CHECK(utf8_length(s, len) == ncp,
		    "utf8_length %zu, the reference %zu",
		    utf8_length(s, len), ncp);
	FUZZ_CHECK(utf8_length(s, len) <= len, "more code points than bytes");
}

/* http_percent_decode() with '+' as a space or not. */
static void
check_decode(const char *s, size_t len, int plus)
{
	struct buf	 b = { NULL, 0, 0 };
	char		*out = NULL, *again = NULL;
	size_t		 outlen = 0, alen = 0;
	int		 rc;

	rc = http_percent_decode(s, len, plus, &out, &outlen);
	FUZZ_CHECK(rc == RT_OK || rc == RT_EINVAL || rc == RT_EUTF8,
	    "status %d", rc);
	if (rc != RT_OK) {
		/* Text without escapes can only fail on a NUL or bad UTF-8. */
		if (memchr(s, '%', len) == NULL)
			FUZZ_CHECK(memchr(s, '\0', len) != NULL ||
			    !fuzz_utf8_ok(s, len, NULL),
			    "plain text refused (%d)", rc);
		return;
	}
	FUZZ_CHECK(outlen <= len, "decoded %zu bytes from %zu", outlen, len);
	FUZZ_CHECK(strlen(out) == outlen, "a NUL inside the decoded text");
	FUZZ_CHECK(fuzz_utf8_ok(out, outlen, NULL), "decoded invalid UTF-8");
	if (memchr(s, '%', len) == NULL && (!plus ||
	    memchr(s, '+', len) == NULL))
		FUZZ_CHECK(outlen == len && memcmp(out, s, len) == 0,
		    "plain text changed by decoding");

	encode(&b, out, outlen);
	rc = http_percent_decode(buf_str(&b), b.len, plus, &again, &alen);
	FUZZ_CHECK(rc == RT_OK && alen == outlen &&
	    memcmp(again, out, outlen) == 0,
	    "encoding then decoding does not give the text back (%d)", rc);
	free(again);
	free(out);
	buf_free(&b);
}

/* The pairs of a query string, and the same list encoded again. */
static void
check_urlencoded(const char *s, size_t len)
{
	struct kvlist	 l = { NULL, 0, 0 }, l2 = { NULL, 0, 0 };
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i, klen;
	int		 rc, rc2;

	rc = http_parse_urlencoded(s, len, &l);
	FUZZ_CHECK(rc == RT_OK || rc == RT_EINVAL || rc == RT_EUTF8,
	    "status %d", rc);
	FUZZ_CHECK(l.n <= fuzz_count(s, len, '&') + 1,
	    "%zu pairs from %zu '&'", l.n, fuzz_count(s, len, '&'));
	for (i = 0; i < l.n; i++) {
		klen = strlen(l.v[i].key);
		FUZZ_CHECK(fuzz_utf8_ok(l.v[i].key, klen, NULL),
		    "key %zu: invalid UTF-8", i);
		FUZZ_CHECK(strlen(l.v[i].val) == l.v[i].vlen,
		    "value %zu: vlen %zu, strlen %zu", i, l.v[i].vlen,
		    strlen(l.v[i].val));
		FUZZ_CHECK(fuzz_utf8_ok(l.v[i].val, l.v[i].vlen, NULL),
		    "value %zu: invalid UTF-8", i);
		FUZZ_CHECK(kvlist_get_nth(&l, l.v[i].key,
		    kvlist_count(&l, l.v[i].key) - 1) != NULL &&
		    kvlist_get_nth(&l, l.v[i].key,
		    kvlist_count(&l, l.v[i].key)) == NULL,
		    "kvlist_count and kvlist_get_nth disagree");
		if (i > 0)
			FUZZ_CHECK(buf_append(&b, "&", 1) == RT_OK, "memory");
		encode(&b, l.v[i].key, klen);
		FUZZ_CHECK(buf_append(&b, "=", 1) == RT_OK, "memory");
		encode(&b, l.v[i].val, l.v[i].vlen);
	}
	rc2 = http_parse_urlencoded(buf_str(&b), b.len, &l2);
	FUZZ_CHECK(rc2 == RT_OK && l2.n == l.n,
	    "re-encoded list: status %d, %zu pairs instead of %zu", rc2, l2.n,
	    l.n);
	for (i = 0; i < l.n; i++)
		FUZZ_CHECK(strcmp(l.v[i].key, l2.v[i].key) == 0 &&
		    l.v[i].vlen == l2.v[i].vlen &&
		    memcmp(l.v[i].val, l2.v[i].val, l.v[i].vlen) == 0,
		    "pair %zu changed by encoding again", i);
	kvlist_free(&l);
	kvlist_free(&l2);
	buf_free(&b);
}

/* The pairs of a Cookie header. */
static void
check_cookies(const char *h)
{
	struct kvlist	 l = { NULL, 0, 0 };
	const char	*p;
	size_t		 i;

	FUZZ_CHECK(http_parse_cookies(h, &l) == RT_OK, "cookies refused");
	FUZZ_CHECK(l.n <= fuzz_count(h, strlen(h), ';') + 1,
	    "%zu cookies from %zu ';'", l.n, fuzz_count(h, strlen(h), ';'));
	for (i = 0; i < l.n; i++) {
		FUZZ_CHECK(l.v[i].key[0] != '\0', "cookie %zu: empty name", i);
		for (p = l.v[i].key; *p != '\0'; p++)
			FUZZ_CHECK((unsigned char)*p > 0x20 &&
			    (unsigned char)*p < 0x7f && *p != '=' && *p != ';',
			    "cookie %zu: byte 0x%02x in the name", i,
			    (unsigned char)*p);
		FUZZ_CHECK(strlen(l.v[i].val) == l.v[i].vlen,
		    "cookie %zu: vlen", i);
		for (p = l.v[i].val; *p != '\0'; p++)
			FUZZ_CHECK((unsigned char)*p >= 0x20 &&
			    (unsigned char)*p < 0x7f && *p != ';',
			    "cookie %zu: byte 0x%02x in the value", i,
			    (unsigned char)*p);
	}
	kvlist_free(&l);
}

/*
 * http_accept_language() with the two languages of reseauter, and with
 * sixteen codes (the most it scores).
 */
static void
check_language(const char *h)
{
	static const char *const two[] = { "fr", "en" };
	static const char *const many[16] = {
		"fr", "en", "fr-CA", "en-US", "es", "de", "zh-Hant-TW", "pt-BR",
		"it", "nl", "ar", "ht", "iu", "cr", "moe", "x-klingon",
	};
	char	 primary[16];
	size_t	 n;
	int	 i;

	i = http_accept_language(h, two, 2);
	FUZZ_CHECK(i >= -1 && i < 2, "index %d of 2", i);
	if (i >= 0)
		FUZZ_CHECK(strcasestr(h, two[i]) != NULL ||
		    strchr(h, '*') != NULL, "\"%s\" chosen but not asked",
		    two[i]);
	for (n = 0; n <= 16; n++) {
		i = http_accept_language(h, many, n);
		FUZZ_CHECK(i >= -1 && i < (int)n, "index %d of %zu", i, n);
		if (i < 0)
			continue;
		/* The header names the code, a prefix of it, or "*". */
		snprintf(primary, sizeof(primary), "%.*s",
		    (int)strcspn(many[i], "-"), many[i]);
		FUZZ_CHECK(strcasestr(h, primary) != NULL ||
		    strchr(h, '*') != NULL, "\"%s\" chosen but not asked",
		    many[i]);
	}
	FUZZ_CHECK(http_accept_language(NULL, two, 2) == -1, "NULL header");
}

/* A redirect target accepted as local. */
static void
check_local_path(const char *s)
{
	const unsigned char	*p;

	if (!http_local_path(s))
		return;
	FUZZ_CHECK(s[0] == '/' && s[1] != '/' && s[1] != '\\',
	    "\"%s\" accepted as local", s);
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		FUZZ_CHECK(*p > 0x20 && *p < 0x7f && *p != '\\',
		    "byte 0x%02x in an accepted local path", *p);
}

/*
 * Checks that the header lines of r are whole lines: each ends in CR LF,
 * and no CR or LF is anywhere else.
 */
static void
check_lines(const struct http_response *r)
{
	const char	*s = buf_str(&r->headers), *p;

	for (p = s; *p != '\0'; p++) {
		if (*p == '\r') {
			FUZZ_CHECK(p[1] == '\n', "a CR alone in the headers");
			p++;
			continue;
		}
		FUZZ_CHECK(*p != '\n', "an LF alone in the headers");
	}
	FUZZ_CHECK(r->headers.len == 0 || (r->headers.len >= 2 &&
	    s[r->headers.len - 2] == '\r' && s[r->headers.len - 1] == '\n'),
	    "headers do not end with CR LF");
}

/* http_add_header() and http_set_cookie() with a name and value of s. */
static void
check_headers(const char *s)
{
	struct http_response	 r;
	struct http_cookie	 c;
	const char		*eq = strchr(s, '=');
	char			*name;
	size_t			 lines;

	memset(&r, 0, sizeof(r));
	if (http_add_header(&r, "X-Fuzz", s) == RT_OK)
		FUZZ_CHECK(strpbrk(s, "\r\n") == NULL,
		    "a value with CR or LF accepted");
	name = fuzz_dup(s, eq != NULL ? (size_t)(eq - s) : strlen(s));
	if (http_add_header(&r, name, "v") == RT_OK)
		FUZZ_CHECK(name[0] != '\0' && strpbrk(name,
		    ": \t\r\n") == NULL, "header name \"%s\" accepted", name);
	memset(&c, 0, sizeof(c));
	c.name = name;
	c.value = eq != NULL ? eq + 1 : "";
	c.max_age = (long)strlen(s) - 8;
	c.http_only = 1;
	c.secure = s[0] & 1;
	c.same_site = (s[0] & 2) ? "Strict" : NULL;
	lines = fuzz_count(buf_str(&r.headers), r.headers.len, '\n');
	if (http_set_cookie(&r, &c) == RT_OK) {
		FUZZ_CHECK(fuzz_count(buf_str(&r.headers), r.headers.len,
		    '\n') == lines + 1, "a cookie that is not one line");
		FUZZ_CHECK(strspn(c.value, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") ==
		    strlen(c.value), "cookie value \"%s\" accepted", c.value);
	}
	check_lines(&r);
	free(name);
	http_response_free(&r);
}

/* One input: every parser of http.h on the same bytes. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;
	char		*h;

	check_utf8(s, size);
	check_decode(s, size, 0);
	check_decode(s, size, 1);
	check_urlencoded(s, size);

	/* A header value stops at the first NUL. */
	h = fuzz_dup(s, strnlen(s, size));
	check_cookies(h);
	check_language(h);
	check_local_path(h);
	check_headers(h);
	free(h);
	return 0;
}
