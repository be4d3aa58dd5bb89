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

#endif
