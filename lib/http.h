/*
 * http.h: parsing what a browser sends, and building what we answer.
 *
 * Nothing here knows of FastCGI or CGI: cgi/main.c reads the raw strings
 * (QUERY_STRING, the body, HTTP_COOKIE...) and hands them to these
 * functions; handlers fill a struct http_response that cgi/main.c writes.
 */
#ifndef RESEAUTER_HTTP_H
#define RESEAUTER_HTTP_H

#include <stddef.h>
#include "buf.h"

/* One decoded name=value pair.  Both are NUL-terminated, owned by the list. */
struct kv {
	char   *key;
	char   *val;
	size_t  vlen;   /* length of val without the NUL (val has no NUL inside) */
};

/* An ordered list of pairs; a zeroed struct is an empty list. */
struct kvlist {
	struct kv *v;
	size_t     n;
	size_t     cap;
};

/* Frees every pair and leaves an empty list. */
void kvlist_free(struct kvlist *l);

/* Appends a copy of key and val.  Returns RT_OK or RT_ENOMEM. */
int kvlist_add(struct kvlist *l, const char *key, const char *val, size_t vlen);

/* The value of the first pair named key, or NULL. */
const char *kvlist_get(const struct kvlist *l, const char *key);

/* The value of the nth (0-based) pair named key, or NULL. */
const char *kvlist_get_nth(const struct kvlist *l, const char *key, size_t nth);

/* How many pairs are named key. */
size_t kvlist_count(const struct kvlist *l, const char *key);

/*
 * Decodes %XX escapes (and '+' as a space when plus_is_space) of in[0..len).
 * On RT_OK *out is a malloc'd NUL-terminated string the caller frees and
 * *outlen its length.  A truncated or non-hex escape, or a decoded NUL byte,
 * gives RT_EINVAL; bytes that are not valid UTF-8 give RT_EUTF8.  Nothing is
 * allocated on failure.
 */
int http_percent_decode(const char *in, size_t len, int plus_is_space,
    char **out, size_t *outlen);

/*
 * Parses application/x-www-form-urlencoded data (a query string or a POST
 * body) and appends each pair to out in order.  Empty segments ("a=1&&b=2")
 * are skipped; a segment without '=' is a key with an empty value.  Returns
 * RT_OK, RT_EINVAL, RT_EUTF8 or RT_ENOMEM; on failure out holds the pairs
 * parsed before the bad one, and the caller frees it either way.
 */
int http_parse_urlencoded(const char *s, size_t len, struct kvlist *out);

/* The most parts a multipart/form-data body may have. */
#define HTTP_MAX_PARTS 16

/* The most bytes of the header block of one part (its lines and CRLFs). */
#define HTTP_PART_HEADERS_MAX 4096

/* One part of a multipart/form-data body (RFC 7578). */
struct http_part {
	char   *name;          /* the form field's name: UTF-8, no control character, never "" */
	char   *filename;      /* the file name as the browser sent it, or NULL for a plain field */
	char   *content_type;  /* the part's Content-Type as sent, or NULL when it had none */
	char   *data;          /* the value, len bytes as sent (NUL bytes allowed), plus a NUL */
	size_t  len;           /* bytes of data, the final NUL not counted */
};

/*
 * Parses a multipart/form-data body[0..len) whose Content-Type header is
 * content_type (the boundary comes from its "boundary" parameter).
 * Everything is checked: the media type, the boundary (1 to 70 of the
 * characters RFC 2046 allows), a first delimiter at the start of the body
 * or after a preamble, CRLF line ends, each part's header block (at most
 * HTTP_PART_HEADERS_MAX bytes of "Name: value" lines) with a
 * Content-Disposition "form-data" and a name, and a close delimiter
 * ("--boundary--") at the end; what follows it is ignored.  Values are
 * taken byte for byte: the boundary inside a value is data unless it
 * starts a line ("\r\n--boundary"), and there it must be a delimiter,
 * followed by "--" or by optional spaces and a CRLF (else RT_EINVAL: a
 * sender must choose a boundary its data does not hold).  Names and file
 * names are read quoted ("...", ending at the next '"': browsers
 * percent-encode '"' and never escape with a backslash) or as tokens;
 * filename*= is ignored (RFC 7578, section 4.2).
 * On RT_OK, *parts is a malloc'd array of *n parts in body order (NULL
 * when none) that the caller frees with http_parts_free().  Returns
 * RT_EINVAL when anything is malformed (a missing close delimiter
 * included), RT_EUTF8 when a name or file name is not valid UTF-8,
 * RT_ETOOBIG for more than HTTP_MAX_PARTS parts, or RT_ENOMEM; on failure
 * *parts is NULL, *n 0, and nothing stays allocated.
 */
int http_parse_multipart(const char *body, size_t len,
    const char *content_type, struct http_part **parts, size_t *n);

/* Frees the n parts of parts and the array; NULL with n 0 is fine. */
void http_parts_free(struct http_part *parts, size_t n);

/* The first part named name among parts[0..n), or NULL. */
const struct http_part *http_part_get(const struct http_part *parts,
    size_t n, const char *name);

/*
 * Non-zero when content_type (a request's Content-Type, NULL allowed) is
 * multipart/form-data, whatever its case and parameters.
 */
int http_is_multipart(const char *content_type);

/*
 * Parses a Cookie header ("a=1; b=2") into out.  Cookie values are not
 * percent-decoded; surrounding double quotes are removed.  Malformed
 * segments are skipped, as browsers do.  Returns RT_OK or RT_ENOMEM.
 */
int http_parse_cookies(const char *header, struct kvlist *out);

/* Non-zero when s[0..len) is valid UTF-8 (no overlongs, no surrogates). */
int utf8_valid(const char *s, size_t len);

/* Number of code points in the valid UTF-8 string s[0..len). */
size_t utf8_length(const char *s, size_t len);

/*
 * Picks the best of the supported language codes ("fr", "en") for an
 * Accept-Language header, honouring q-values and regional tags ("fr-CA"
 * matches "fr").  Returns the index into supported, or -1 when none fits
 * (or header is NULL).
 */
int http_accept_language(const char *header, const char *const *supported,
    size_t nsupported);

/* What a handler answers: cgi/main.c writes it out. */
struct http_response {
	int         status;        /* 200, 302, 400, ... */
	struct buf  headers;       /* extra header lines, each ending in "\r\n" */
	struct buf  body;
	char        content_type[64]; /* "text/html; charset=utf-8" when empty */
};

/* Frees the buffers of r and zeroes it. */
void http_response_free(struct http_response *r);

/*
 * Adds a "Name: value\r\n" header line.  Refuses (RT_EINVAL) a name or value
 * holding CR or LF, so no input can split a header.  Returns RT_OK,
 * RT_EINVAL or RT_ENOMEM.
 */
int http_add_header(struct http_response *r, const char *name,
    const char *value);

/* Cookie attributes for http_set_cookie(). */
struct http_cookie {
	const char *name;
	const char *value;     /* must be cookie-safe: [A-Za-z0-9_-] */
	long        max_age;   /* seconds; 0 = session cookie; <0 = delete */
	int         http_only;
	int         secure;    /* adds Secure (the caller adds the __Host- prefix to name) */
	const char *same_site; /* "Lax" or "Strict" */
};

/* Adds a Set-Cookie header with Path=/.  Returns RT_OK, RT_EINVAL or RT_ENOMEM. */
int http_set_cookie(struct http_response *r, const struct http_cookie *c);

/* The reason phrase for a status ("Not Found"), "Unknown" if none. */
const char *http_reason(int status);

/*
 * Checks that a redirect target given by a user is a local path: it starts
 * with a single '/', has no backslash, no control character and no "//" at
 * its start.  Returns non-zero when safe.
 */
int http_local_path(const char *path);

/*
 * Percent-encodes s for a query string value into out (at most outlen
 * bytes, always terminated): every byte but letters, digits, "-_.~/" is
 * written %XX.  A value that does not fit is cut at a whole escape.
 */
void http_query_escape(const char *s, char *out, size_t outlen);

#endif
