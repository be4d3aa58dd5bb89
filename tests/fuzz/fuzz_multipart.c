/*
 * fuzz_multipart.c: http_parse_multipart() on any body and Content-Type,
 * as cgi/main.c hands it an upload (the plan file of the import).
 *
 * The input: the Content-Type header up to the first '\n' (cut at a NUL,
 * as a header would be), the rest is the body.  The body is parsed from
 * a copy that is freed before the parts are looked at, so that ASan
 * catches a part that still points into it.
 *
 * The properties:
 *   - the status is RT_OK, RT_EINVAL, RT_EUTF8 or RT_ETOOBIG; on failure
 *     there are no parts; a Content-Type that http_is_multipart() refuses,
 *     or an empty body, is RT_EINVAL;
 *   - on RT_OK there are at most HTTP_MAX_PARTS parts; each has a name
 *     that is not empty, and a name, file name and Content-Type (those
 *     present) that are valid UTF-8 without control characters; its
 *     data is NUL-terminated after len bytes, and those bytes are in the
 *     body as they are; http_part_get() finds the first part of each name;
 *   - the parts written again as a body of our own, with a boundary that
 *     none of their data holds, parse to the same parts (unless a header
 *     block written again is over HTTP_PART_HEADERS_MAX bytes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "http.h"
#include "status.h"

/* Checks a name, file name or Content-Type of part i, named what. */
static void
check_string(const char *s, size_t i, const char *what)
{
	const unsigned char	*p;

	FUZZ_CHECK(fuzz_utf8_ok(s, strlen(s), NULL),
	    "part %zu: %s not valid UTF-8", i, what);
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		FUZZ_CHECK(*p >= 0x20 && *p != 0x7f,
		    "part %zu: byte 0x%02x in the %s", i, *p, what);
}

/* Appends s[0..len) to b; a harness cannot go on without memory. */
static void
put(struct buf *b, const char *s, size_t len)
{
	FUZZ_CHECK(buf_append(b, s, len) == RT_OK, "out of memory");
}

/* Appends the C string s to b. */
static void
puts_b(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/*
 * Appends a header parameter value as http.c reads it back: quoted
 * unless it holds '"' (then it came as a token, which has no ';' or
 * white space and does not start with '"').
 */
static void
put_param(struct buf *b, const char *v)
{
	if (strchr(v, '"') == NULL) {
		put(b, "\"", 1);
		puts_b(b, v);
		put(b, "\"", 1);
	} else
		puts_b(b, v);
}

/*
 * Writes parts[0..n) as a multipart/form-data body into body with a
 * boundary that no part's data holds, and its Content-Type into ct.
 * Returns 0 when a header block would be over HTTP_PART_HEADERS_MAX
 * bytes (no round trip then), else 1.
 */
static int
reencode(const struct http_part *parts, size_t n, struct buf *body,
    char *ct, size_t ctlen)
{
	char	 b[32], delim[40];
	size_t	 i, try, start;

	for (try = 0;; try++) {
		snprintf(b, sizeof(b), "fuzz-%zx", try);
		snprintf(delim, sizeof(delim), "\r\n--%s", b);
		for (i = 0; i < n; i++)
			if (memmem(parts[i].data, parts[i].len, delim,
			    strlen(delim)) != NULL)
				break;
		if (i == n)
			break;
	}
	snprintf(ct, ctlen, "multipart/form-data; boundary=%s", b);
	for (i = 0; i < n; i++) {
		puts_b(body, delim + 2);
		put(body, "\r\n", 2);
		start = body->len;
		puts_b(body, "Content-Disposition: form-data; name=");
		put_param(body, parts[i].name);
		if (parts[i].filename != NULL) {
			puts_b(body, "; filename=");
			put_param(body, parts[i].filename);
		}
		put(body, "\r\n", 2);
		if (parts[i].content_type != NULL) {
			puts_b(body, "Content-Type: ");
			puts_b(body, parts[i].content_type);
			put(body, "\r\n", 2);
		}
		if (body->len - start > HTTP_PART_HEADERS_MAX)
			return 0;
		put(body, "\r\n", 2);
		put(body, parts[i].data, parts[i].len);
		put(body, "\r\n", 2);
	}
	puts_b(body, delim + 2);
	puts_b(body, "--\r\n");
	return 1;
}

/* Non-zero when the strings a and b are both NULL or equal. */
static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* One input: parses the body and checks its parts and their round trip. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in		 in = { data, size };
	struct http_part	*parts = NULL, *again = NULL;
	const struct http_part	*first;
	struct buf		 b = { NULL, 0, 0 };
	char			*ct, *body, *copy, ct2[64];
	size_t			 ctlen, len, n = 0, n2 = 0, i;
	int			 rc;

	ct = fuzz_take(&in, '\n', &ctlen);
	ct[strnlen(ct, ctlen)] = '\0';
	body = fuzz_rest(&in, &len);
	copy = fuzz_dup(body, len);
	rc = http_parse_multipart(copy, len, ct, &parts, &n);
	free(copy);
	FUZZ_CHECK(rc == RT_OK || rc == RT_EINVAL || rc == RT_EUTF8 ||
	    rc == RT_ETOOBIG, "status %d", rc);
	if (!http_is_multipart(ct) || len == 0)
		FUZZ_CHECK(rc == RT_EINVAL, "status %d for \"%s\", %zu bytes",
		    rc, ct, len);
	if (rc != RT_OK) {
		FUZZ_CHECK(parts == NULL && n == 0, "parts after a failure");
		goto done;
	}
	FUZZ_CHECK(n <= HTTP_MAX_PARTS, "%zu parts", n);
	FUZZ_CHECK((n == 0) == (parts == NULL), "%zu parts at %p", n,
	    (void *)parts);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(parts[i].name != NULL && parts[i].name[0] != '\0',
		    "part %zu: no name", i);
		check_string(parts[i].name, i, "name");
		if (parts[i].filename != NULL)
			check_string(parts[i].filename, i, "file name");
		if (parts[i].content_type != NULL) {
			FUZZ_CHECK(parts[i].content_type[0] != '\0',
			    "part %zu: an empty Content-Type", i);
			check_string(parts[i].content_type, i, "Content-Type");
		}
		FUZZ_CHECK(parts[i].data != NULL &&
		    parts[i].data[parts[i].len] == '\0',
		    "part %zu: data not NUL-terminated", i);
		FUZZ_CHECK(parts[i].len <= len && (parts[i].len == 0 ||
		    memmem(body, len, parts[i].data, parts[i].len) != NULL),
		    "part %zu: %zu bytes that are not in the body", i,
		    parts[i].len);
		first = http_part_get(parts, n, parts[i].name);
		FUZZ_CHECK(first != NULL && first <= &parts[i] &&
		    strcmp(first->name, parts[i].name) == 0,
		    "http_part_get misses part %zu", i);
	}
	FUZZ_CHECK(http_part_get(parts, n, "") == NULL, "a part named \"\"");

	if (reencode(parts, n, &b, ct2, sizeof(ct2))) {
		rc = http_parse_multipart(b.data, b.len, ct2, &again, &n2);
		FUZZ_CHECK(rc == RT_OK && n2 == n, "written again: status %d, "
		    "%zu parts instead of %zu\n%s", rc, n2, n, buf_str(&b));
		for (i = 0; i < n; i++)
			FUZZ_CHECK(strcmp(again[i].name, parts[i].name) == 0 &&
			    same(again[i].filename, parts[i].filename) &&
			    same(again[i].content_type,
			    parts[i].content_type) &&
			    again[i].len == parts[i].len &&
			    memcmp(again[i].data, parts[i].data,
			    parts[i].len) == 0,
			    "part %zu changed by writing it again", i);
	}
done:
	http_parts_free(parts, n);
	http_parts_free(again, n2);
	buf_free(&b);
	free(body);
	free(ct);
	return 0;
}
