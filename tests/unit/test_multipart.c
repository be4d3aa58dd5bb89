/*
 * test_multipart.c: unit tests of the multipart/form-data parser of
 * lib/http.c (http_parse_multipart() and its helpers).
 *
 * As in test_http.c, lib/http.c and lib/buf.c are compiled into this
 * program with their allocation calls redirected to fault_*() functions
 * that fail on demand, so that every out-of-memory path is exercised; the
 * http.o and buf.o of libreseauter.a are then not linked in.
 *
 * The cases: well-formed bodies as browsers and curl send them (fields,
 * files, empty values, empty file inputs), boundaries and near-boundaries
 * inside values, binary values (NUL, CR, LF), CRLF handling, preambles and
 * epilogues, every malformed shape we could think of (no close delimiter,
 * a truncated body at every length, bare LF, broken headers, a bad
 * Content-Type), the limits (parts, header block), invalid UTF-8 in
 * names, a large random file, and every single-byte change of a body
 * (which must never crash nor leak, under ASan).
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

/* The number of allocations left before one fails, or -1 for never. */
static long fault_left = -1;

/* Returns non-zero when the allocation about to be made must fail. */
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

#define CT "multipart/form-data; boundary=XyZ"

/*
 * Parses the NUL-terminated body with content type ct and checks that it
 * gives rc; on failure, that nothing was handed out.  Returns the parts
 * (to free) on success, with their count in *n.
 */
static struct http_part *
parse(const char *body, const char *ct, int rc, size_t *n)
{
	struct http_part	*parts = (struct http_part *)0x1;
	size_t			 count = 99;

	assert_int_equal(http_parse_multipart(body, strlen(body), ct, &parts,
	    &count), rc);
	if (rc != RT_OK) {
		assert_null(parts);
		assert_int_equal(count, 0);
	}
	if (n != NULL)
		*n = count;
	return parts;
}

/* Checks that body with the content type CT is refused with rc. */
static void
refused(const char *body, int rc)
{
	parse(body, CT, rc, NULL);
}

/* A form as a browser sends it: a field, a file, another field. */
static const char browser_body[] =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"csrf\"\r\n"
    "\r\n"
    "tok-123\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"file\"; "
    "filename=\"plan été.json\"\r\n"
    "Content-Type: application/json\r\n"
    "\r\n"
    "{\"a\": 1}\n\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"note\"\r\n"
    "\r\n"
    "deux\r\nlignes\r\n"
    "--XyZ--\r\n";

/* Fields and files come out in order, with their headers and values. */
static void
test_browser_form(void **state)
{
	struct http_part	*p;
	size_t			 n;

	(void)state;
	p = parse(browser_body, CT, RT_OK, &n);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].name, "csrf");
	assert_null(p[0].filename);
	assert_null(p[0].content_type);
	assert_int_equal(p[0].len, 7);
	assert_string_equal(p[0].data, "tok-123");
	assert_string_equal(p[1].name, "file");
	assert_string_equal(p[1].filename, "plan été.json");
	assert_string_equal(p[1].content_type, "application/json");
	assert_string_equal(p[1].data, "{\"a\": 1}\n");
	assert_int_equal(p[1].len, 9);
	/* A value keeps its own CRLFs: only the one before the delimiter goes. */
	assert_string_equal(p[2].data, "deux\r\nlignes");
	assert_ptr_equal(http_part_get(p, n, "file"), &p[1]);
	assert_ptr_equal(http_part_get(p, n, "csrf"), &p[0]);
	assert_null(http_part_get(p, n, "File"));
	assert_null(http_part_get(p, n, "missing"));
	http_parts_free(p, n);
	http_parts_free(NULL, 0);
	assert_null(http_part_get(NULL, 0, "x"));
}

/*
 * The Content-Type: the media type in any case, the boundary parameter
 * in any case, quoted or not, among other parameters; anything else is
 * refused.
 */
static void
test_content_type(void **state)
{
	static const char	 body[] = "--a'b(c)+_,-./:=? d\r\n"
	    "Content-Disposition: form-data; name=x\r\n\r\nv\r\n"
	    "--a'b(c)+_,-./:=? d--";
	struct http_part	*p;
	size_t			 n;
	char			 ct[200];

	(void)state;
	assert_true(http_is_multipart("multipart/form-data"));
	assert_true(http_is_multipart("Multipart/Form-Data; boundary=x"));
	assert_true(http_is_multipart("multipart/form-data ;boundary=x"));
	assert_false(http_is_multipart("multipart/form-datax"));
	assert_false(http_is_multipart("multipart/mixed; boundary=x"));
	assert_false(http_is_multipart("application/x-www-form-urlencoded"));
	assert_false(http_is_multipart(""));
	assert_false(http_is_multipart(NULL));

	p = parse(body, "multipart/form-data; boundary=\"a'b(c)+_,-./:=? d\"",
	    RT_OK, &n);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].name, "x");
	assert_string_equal(p[0].data, "v");
	http_parts_free(p, n);

	p = parse("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	    "1\r\n--XyZ--", "MULTIPART/FORM-DATA; charset=utf-8; "
	    "BOUNDARY=XyZ; x=\"y;z\"", RT_OK, &n);
	assert_int_equal(n, 1);
	http_parts_free(p, n);

	/* Refused: no boundary, an empty or malformed one, another type. */
	parse(browser_body, NULL, RT_EINVAL, NULL);
	parse(browser_body, "multipart/form-data", RT_EINVAL, NULL);
	parse(browser_body, "multipart/form-data; boundary=", RT_EINVAL, NULL);
	parse(browser_body, "multipart/form-data; boundary=\"\"", RT_EINVAL,
	    NULL);
	parse(browser_body, "multipart/form-data; boundary=\"XyZ", RT_EINVAL,
	    NULL);
	parse(browser_body, "multipart/form-data; boundary=\"XyZ \"",
	    RT_EINVAL, NULL);
	parse(browser_body, "multipart/form-data; boundary=Xy<Z", RT_EINVAL,
	    NULL);
	parse(browser_body, "multipart/form-data; boundary=XyZ; =x",
	    RT_EINVAL, NULL);
	parse(browser_body, "multipart/form-data; boundary", RT_EINVAL, NULL);
	parse(browser_body, "multipart/mixed; boundary=XyZ", RT_EINVAL, NULL);
	parse(browser_body, "application/x-www-form-urlencoded", RT_EINVAL,
	    NULL);
	parse(browser_body, "multipart/form-data; boundary=xyz", RT_EINVAL,
	    NULL);

	/* 70 characters is the longest boundary; 71 is refused. */
	memset(ct, 0, sizeof(ct));
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%070d", 7);
	{
		char	 b[300];

		snprintf(b, sizeof(b), "--%070d\r\nContent-Disposition: "
		    "form-data; name=a\r\n\r\n\r\n--%070d--", 7, 7);
		p = parse(b, ct, RT_OK, &n);
		assert_int_equal(n, 1);
		assert_int_equal(p[0].len, 0);
		http_parts_free(p, n);
		snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%071d",
		    7);
		snprintf(b, sizeof(b), "--%071d\r\nContent-Disposition: "
		    "form-data; name=a\r\n\r\n\r\n--%071d--", 7, 7);
		parse(b, ct, RT_EINVAL, NULL);
	}
}

/*
 * The boundary inside a value is data unless it starts a line; a
 * near-delimiter ("\r\n--XyY", "\r\n--Xy") is data too.
 */
static void
test_boundary_in_data(void **state)
{
	static const char	 body[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"v\"\r\n"
	    "\r\n"
	    "a--XyZ b --XyZ--\r\n--XyY\r\n--Xy\r\n-XyZ\r\n\n--XyZ\r--XyZ--x"
	    "\r\n"
	    "--XyZ--";
	struct http_part	*p;
	size_t			 n;

	(void)state;
	p = parse(body, CT, RT_OK, &n);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].data,
	    "a--XyZ b --XyZ--\r\n--XyY\r\n--Xy\r\n-XyZ\r\n\n--XyZ\r--XyZ--x");
	http_parts_free(p, n);

	/* At the start of a line it must be a real delimiter. */
	refused("--XyZ\r\nContent-Disposition: form-data; name=v\r\n\r\n"
	    "a\r\n--XyZabc\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=v\r\n\r\n"
	    "a\r\n--XyZ-\r\n--XyZ--", RT_EINVAL);
}

/*
 * Values are bytes: NUL, CR and LF alone, 8-bit bytes and invalid UTF-8
 * come out as sent, with the right length.
 */
static void
test_binary_values(void **state)
{
	static const char	 head[] = "--XyZ\r\nContent-Disposition: "
	    "form-data; name=\"f\"; filename=\"x.bin\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n";
	static const char	 value[] = "\0\r\n\r\0\xff\xfe\n\r\n-\r\n--";
	static const char	 tail[] = "\r\n--XyZ--\r\n";
	struct http_part	*p = NULL;
	char			 body[256];
	size_t			 n, vlen = sizeof(value) - 1, len = 0;

	(void)state;
	memcpy(body + len, head, sizeof(head) - 1), len += sizeof(head) - 1;
	memcpy(body + len, value, vlen), len += vlen;
	memcpy(body + len, tail, sizeof(tail) - 1), len += sizeof(tail) - 1;
	assert_int_equal(http_parse_multipart(body, len, CT, &p, &n), RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].len, vlen);
	assert_memory_equal(p[0].data, value, vlen);
	assert_int_equal(p[0].data[vlen], '\0');
	http_parts_free(p, n);
}

/*
 * Line ends: CRLF everywhere; a bare LF or CR in the delimiter lines or
 * the headers is refused, so is a body written with LF only.
 */
static void
test_crlf(void **state)
{
	(void)state;
	refused("--XyZ\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	    "--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\n\r\n1\r\n"
	    "--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\n1\r\n"
	    "--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\r\n\r\n1"
	    "\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\n"
	    "--XyZ--", RT_EINVAL);
	refused("--XyZ\nContent-Disposition: form-data; name=a\n\n1\n"
	    "--XyZ--\n", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	    "--XyZ\n", RT_EINVAL);
	/* Transport padding after a delimiter, before its CRLF, is allowed. */
	{
		struct http_part	*p;
		size_t			 n;

		p = parse("--XyZ \t \r\nContent-Disposition: form-data; name=a"
		    "\r\n\r\n1\r\n--XyZ\t\r\nContent-Disposition: form-data; "
		    "name=b\r\n\r\n2\r\n--XyZ--", CT, RT_OK, &n);
		assert_int_equal(n, 2);
		assert_string_equal(p[1].data, "2");
		http_parts_free(p, n);
	}
}

/*
 * A body cut anywhere before its close delimiter is refused, never read
 * as a shorter form: an upload that broke off must not pass for a file.
 */
static void
test_truncated(void **state)
{
	struct http_part	*p;
	size_t			 n, len = strlen(browser_body), cut, closing;

	(void)state;
	closing = (size_t)(strstr(browser_body, "--XyZ--") - browser_body) + 7;
	for (cut = 0; cut < len; cut++) {
		p = (struct http_part *)0x1;
		n = 99;
		assert_int_equal(http_parse_multipart(browser_body, cut, CT, &p,
		    &n), cut < closing ? RT_EINVAL : RT_OK);
		if (cut < closing) {
			assert_null(p);
			assert_int_equal(n, 0);
		} else {
			assert_int_equal(n, 3);
			http_parts_free(p, n);
		}
	}
	refused("", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1",
	    RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	    "--XyZ\r\n", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	    "--XyZ-", RT_EINVAL);
	refused("no delimiter at all", RT_EINVAL);
}

/*
 * A preamble before the first delimiter and an epilogue after the close
 * delimiter are ignored; a body that is only a close delimiter has no
 * parts.
 */
static void
test_preamble_epilogue(void **state)
{
	struct http_part	*p;
	size_t			 n;

	(void)state;
	p = parse("This is a preamble.\r\nStill the preamble --XyZ\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	    "--XyZ--\r\nan epilogue\r\n--XyZ\r\nnot a part", CT, RT_OK, &n);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].data, "1");
	http_parts_free(p, n);

	p = parse("--XyZ--", CT, RT_OK, &n);
	assert_int_equal(n, 0);
	assert_null(p);
	p = parse("\r\n--XyZ--\r\n", CT, RT_OK, &n);
	assert_int_equal(n, 0);
	/*
	 * A delimiter not at the start of a line is preamble: here all of
	 * it up to the close delimiter, so there is no part.
	 */
	p = parse("preamble--XyZ\r\nContent-Disposition: form-data; name=a"
	    "\r\n\r\n1\r\n--XyZ--", CT, RT_OK, &n);
	assert_int_equal(n, 0);
	assert_null(p);
}

/*
 * Content-Disposition: quoted and token names, spaces around ';',
 * parameters in any case and order, an empty file name (a file input
 * left empty), a name holding ';' and '=' when quoted, filename*
 * ignored; other headers ignored.
 */
static void
test_disposition(void **state)
{
	struct http_part	*p;
	size_t			 n;

	(void)state;
	p = parse("--XyZ\r\n"
	    "content-disposition:form-data;name=plain\r\n\r\nA\r\n--XyZ\r\n"
	    "Content-Disposition: form-data ; NAME=\"a b;c=d\" ; "
	    "Filename=\"\"\r\nX-Other: whatever\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n\r\n--XyZ\r\n"
	    "Content-Disposition: form-data; filename*=UTF-8''%C3%A9t%C3%A9; "
	    "name=\"f\"; filename=\"C:\\fake\\x.json\"\r\n\r\nF\r\n--XyZ--",
	    CT, RT_OK, &n);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].name, "plain");
	assert_null(p[0].filename);
	assert_string_equal(p[1].name, "a b;c=d");
	assert_non_null(p[1].filename);
	assert_string_equal(p[1].filename, "");
	assert_string_equal(p[1].content_type, "application/octet-stream");
	assert_int_equal(p[1].len, 0);
	assert_string_equal(p[2].name, "f");
	assert_string_equal(p[2].filename, "C:\\fake\\x.json");
	http_parts_free(p, n);
}

/* Every malformed header block is refused. */
static void
test_bad_headers(void **state)
{
	char	 body[8192];
	size_t	 i;

	(void)state;
	/* No headers, no Content-Disposition, not form-data, no name. */
	refused("--XyZ\r\n\r\n1\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--",
	    RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\n1\r\n"
	    "--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-datax; name=a\r\n\r\n1\r\n"
	    "--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XyZ--",
	    RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; filename=a\r\n\r\n1"
	    "\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1"
	    "\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1"
	    "\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=\r\n\r\n1"
	    "\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name\r\n\r\n1"
	    "\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a b\r\n\r\n1"
	    "\r\n--XyZ--", RT_EINVAL);
	/* Twice the same header. */
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Disposition: form-data; name=b\r\n\r\n1\r\n--XyZ--",
	    RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Type: a/b\r\nContent-Type: a/b\r\n\r\n1\r\n--XyZ--",
	    RT_EINVAL);
	/* A line without ':', an empty name, folding, a control character. */
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\nJunk\r\n"
	    "\r\n1\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n: x\r\n"
	    "\r\n1\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n"
	    "\r\n1\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nX Y: z\r\nContent-Disposition: form-data; name=a"
	    "\r\n\r\n1\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=\"a\x01\"\r\n"
	    "\r\n1\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a; "
	    "filename=\"a\x7f\"\r\n\r\n1\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "X-Other: a\x02\r\n\r\n1\r\n--XyZ--", RT_EINVAL);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Type:\r\n\r\n1\r\n--XyZ--", RT_EINVAL);
	/* Names and file names must be UTF-8. */
	refused("--XyZ\r\nContent-Disposition: form-data; name=\"\xe9t\xe9\"\r\n"
	    "\r\n1\r\n--XyZ--", RT_EUTF8);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a; "
	    "filename=\"\xc3\x28\"\r\n\r\n1\r\n--XyZ--", RT_EUTF8);
	/* A header block past HTTP_PART_HEADERS_MAX bytes. */
	i = (size_t)snprintf(body, sizeof(body), "--XyZ\r\n"
	    "Content-Disposition: form-data; name=a\r\nX-Pad: ");
	memset(body + i, 'p', HTTP_PART_HEADERS_MAX);
	i += HTTP_PART_HEADERS_MAX;
	snprintf(body + i, sizeof(body) - i, "\r\n\r\n1\r\n--XyZ--");
	refused(body, RT_EINVAL);
	/* Headers that never end. */
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n1\r\n"
	    "--XyZ--", RT_EINVAL);
}

/* HTTP_MAX_PARTS parts are read; one more is RT_ETOOBIG. */
static void
test_part_limit(void **state)
{
	struct http_part	*p;
	struct buf		 b;
	size_t			 n, i;

	(void)state;
	memset(&b, 0, sizeof(b));
	for (i = 0; i < HTTP_MAX_PARTS; i++)
		assert_int_equal(buf_printf(&b, "--XyZ\r\nContent-Disposition: "
		    "form-data; name=\"f%zu\"\r\n\r\n%zu\r\n", i, i), RT_OK);
	assert_int_equal(buf_puts(&b, "--XyZ--"), RT_OK);
	p = parse(buf_str(&b), CT, RT_OK, &n);
	assert_int_equal(n, HTTP_MAX_PARTS);
	assert_string_equal(p[HTTP_MAX_PARTS - 1].name, "f15");
	assert_string_equal(p[HTTP_MAX_PARTS - 1].data, "15");
	http_parts_free(p, n);

	buf_reset(&b);
	for (i = 0; i <= HTTP_MAX_PARTS; i++)
		assert_int_equal(buf_printf(&b, "--XyZ\r\nContent-Disposition: "
		    "form-data; name=\"f%zu\"\r\n\r\n%zu\r\n", i, i), RT_OK);
	assert_int_equal(buf_puts(&b, "--XyZ--"), RT_OK);
	parse(buf_str(&b), CT, RT_ETOOBIG, NULL);
	buf_free(&b);
}

/*
 * A large file of random bytes, with the boundary's pieces sprinkled in,
 * comes out byte for byte.
 */
static void
test_large_random(void **state)
{
	static const char	 head[] = "--XyZ\r\nContent-Disposition: "
	    "form-data; name=\"file\"; filename=\"big\"\r\n\r\n";
	static const char	 tail[] = "\r\n--XyZ--";
	struct http_part	*p = NULL;
	unsigned int		 seed = 12345;
	size_t			 vlen = 2 * 1024 * 1024, len, i, n;
	char			*body, *v;

	(void)state;
	len = sizeof(head) - 1 + vlen + sizeof(tail) - 1;
	assert_non_null(body = malloc(len));
	memcpy(body, head, sizeof(head) - 1);
	v = body + sizeof(head) - 1;
	for (i = 0; i < vlen; i++) {
		seed = seed * 1103515245u + 12345u;
		v[i] = (char)(seed >> 16);
	}
	/* Pieces of delimiters that must stay data. */
	for (i = 1000; i + 16 < vlen; i += 65537)
		memcpy(v + i, i % 2 ? "\r\n--XyY" : "--XyZ--\r\n", 7);
	memcpy(body + len - (sizeof(tail) - 1), tail, sizeof(tail) - 1);
	assert_null(memmem(v, vlen, "\r\n--XyZ", 7));
	assert_int_equal(http_parse_multipart(body, len, CT, &p, &n), RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].len, vlen);
	assert_memory_equal(p[0].data, v, vlen);
	http_parts_free(p, n);
	free(body);
}

/*
 * Every single-byte change of a valid body gives a status, never a crash
 * or a leak (this test is worth most under ASan); the parts handed out
 * on success are well formed.
 */
static void
test_mutations(void **state)
{
	static const unsigned char	 bytes[] = { 0, '\r', '\n', '-', '"',
	    ';', '=', ':', ' ', 'X', 0xc3, 0xff };
	struct http_part		*p;
	char				 body[sizeof(browser_body)];
	size_t				 len = sizeof(browser_body) - 1, i, k, n,
					 j;
	int				 rc;

	(void)state;
	for (i = 0; i < len; i++)
		for (k = 0; k < sizeof(bytes); k++) {
			memcpy(body, browser_body, len);
			body[i] = (char)bytes[k];
			p = NULL;
			rc = http_parse_multipart(body, len, CT, &p, &n);
			assert_true(rc == RT_OK || rc == RT_EINVAL ||
			    rc == RT_EUTF8);
			if (rc != RT_OK) {
				assert_null(p);
				continue;
			}
			assert_true(n <= HTTP_MAX_PARTS);
			for (j = 0; j < n; j++) {
				assert_non_null(p[j].name);
				assert_true(p[j].name[0] != '\0');
				assert_int_equal(p[j].data[p[j].len], '\0');
			}
			http_parts_free(p, n);
		}
}

/*
 * Out of memory at every allocation: RT_ENOMEM, nothing handed out and
 * nothing leaked; with memory enough, the same parts.
 */
static void
test_out_of_memory(void **state)
{
	struct http_part	*p;
	size_t			 n;
	long			 k;
	int			 rc;

	(void)state;
	for (k = 0; ; k++) {
		p = (struct http_part *)0x1;
		fault_left = k;
		rc = http_parse_multipart(browser_body, strlen(browser_body),
		    CT, &p, &n);
		fault_left = -1;
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
		assert_null(p);
		assert_int_equal(n, 0);
		assert_true(k < 100);
	}
	assert_true(k > 3);
	assert_int_equal(n, 3);
	assert_string_equal(p[1].filename, "plan été.json");
	http_parts_free(p, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_browser_form),
		cmocka_unit_test(test_content_type),
		cmocka_unit_test(test_boundary_in_data),
		cmocka_unit_test(test_binary_values),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_preamble_epilogue),
		cmocka_unit_test(test_disposition),
		cmocka_unit_test(test_bad_headers),
		cmocka_unit_test(test_part_limit),
		cmocka_unit_test(test_large_random),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
