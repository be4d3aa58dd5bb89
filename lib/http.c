/*
 * http.c: parsing what a browser sends, and building what we answer
 * (see http.h).  Nothing here does I/O.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "http.h"
#include "status.h"

/*
 * Frees every key and value of l, then the array, and leaves a zeroed list
 * that can be used again.  Freeing an empty or already freed list is
 * harmless.
 */
void
kvlist_free(struct kvlist *l)
{
	size_t	 i;

	assert(l != NULL);
	for (i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].val);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
	l->cap = 0;
}

/*
 * Appends a copy of key (a NUL-terminated string) and of val[0..vlen),
 * which must hold no NUL byte (asserted).  val may be NULL when vlen is 0:
 * the stored value is then "".  The array grows by doubling from 8 entries;
 * a count that would overflow gives RT_ENOMEM.  Returns RT_OK or RT_ENOMEM,
 * and on failure the list is unchanged and nothing stays allocated.
 */
int
kvlist_add(struct kvlist *l, const char *key, const char *val, size_t vlen)
{
	struct kv	*nv;
	char		*k = NULL, *v = NULL;
	size_t		 ncap;

	assert(l != NULL);
	assert(key != NULL);
	assert(val != NULL || vlen == 0);
	assert(vlen == 0 || memchr(val, '\0', vlen) == NULL);

	if (l->n == l->cap) {
		ncap = l->cap == 0 ? 8 : l->cap;
		if (l->cap != 0) {
			if (ncap > SIZE_MAX / 2 / sizeof(struct kv))
				return RT_ENOMEM;
			ncap *= 2;
		}
		if ((nv = realloc(l->v, ncap * sizeof(struct kv))) == NULL)
			return RT_ENOMEM;
		l->v = nv;
		l->cap = ncap;
	}
	if (vlen == SIZE_MAX)
		return RT_ENOMEM;
	if ((k = strdup(key)) == NULL)
		goto fail;
	if ((v = malloc(vlen + 1)) == NULL)
		goto fail;
	if (vlen > 0)
		memcpy(v, val, vlen);
	v[vlen] = '\0';
	l->v[l->n].key = k;
	l->v[l->n].val = v;
	l->v[l->n].vlen = vlen;
	l->n++;
	return RT_OK;
fail:
	free(k);
	free(v);
	return RT_ENOMEM;
}

/*
 * Returns the value of the nth (0-based) pair whose key equals key exactly
 * (case-sensitive), or NULL when there are not that many.  The pointer is
 * valid until the list is freed.
 */
const char *
kvlist_get_nth(const struct kvlist *l, const char *key, size_t nth)
{
	size_t	 i;

	assert(l != NULL);
	assert(key != NULL);
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0 && nth-- == 0)
			return l->v[i].val;
	return NULL;
}

/*
 * Returns the value of the first pair named key, or NULL when there is
 * none.  A pair with an empty value gives "", not NULL.
 */
const char *
kvlist_get(const struct kvlist *l, const char *key)
{
	return kvlist_get_nth(l, key, 0);
}

/*
 * Returns how many pairs are named key (case-sensitive); 0 for an empty
 * list.
 */
size_t
kvlist_count(const struct kvlist *l, const char *key)
{
	size_t	 i, n = 0;

	assert(l != NULL);
	assert(key != NULL);
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			n++;
	return n;
}

/*
 * Returns the value of the hexadecimal digit c (either case), or -1 when c
 * is not one.
 */
static int
http_hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes in[0..len).  A '%' must be followed by two hexadecimal digits
 * (either case); "%2" at the end, "%zz" or "%%" give RT_EINVAL.  A NUL
 * byte, decoded ("%00") or raw in the input, gives RT_EINVAL too, since the
 * result is a C string.  '+' becomes a space only when plus_is_space;
 * "%2B" is always a '+'.  The decoded bytes must be valid UTF-8 (no
 * overlong forms such as "%C0%AF", no surrogates such as "%ED%A0%80"),
 * else RT_EUTF8.  in may be NULL when len is 0, which gives "".  On failure
 * *out and *outlen are left untouched and nothing is allocated.
 */
int
http_percent_decode(const char *in, size_t len, int plus_is_space,
    char **out, size_t *outlen)
{
	char		*res;
	size_t		 i, j = 0;
	int		 hi, lo, rc;
	unsigned char	 c;

	assert(in != NULL || len == 0);
	assert(out != NULL);
	assert(outlen != NULL);

	if (len == SIZE_MAX)
		return RT_ENOMEM;
	if ((res = malloc(len + 1)) == NULL)
		return RT_ENOMEM;
	for (i = 0; i < len; i++) {
		c = (unsigned char)in[i];
		if (c == '%') {
			if (len - i < 3 ||
			    (hi = http_hexval((unsigned char)in[i + 1])) < 0 ||
			    (lo = http_hexval((unsigned char)in[i + 2])) < 0) {
				rc = RT_EINVAL;
				goto fail;
			}
			c = (unsigned char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_is_space)
			c = ' ';
		if (c == '\0') {
			rc = RT_EINVAL;
			goto fail;
		}
		res[j++] = (char)c;
	}
	res[j] = '\0';
	if (!utf8_valid(res, j)) {
		rc = RT_EUTF8;
		goto fail;
	}
	*out = res;
	*outlen = j;
	return RT_OK;
fail:
	free(res);
	return rc;
}

/*
 * Decodes one segment s[0..len) of urlencoded data ("key=value", or "key"
 * alone for an empty value) and appends the pair to out.  Only the first
 * '=' splits: "a=b=c" is key "a" with value "b=c".  An empty key ("=b") is
 * kept as the key "".  Returns RT_OK, RT_EINVAL, RT_EUTF8 or RT_ENOMEM;
 * nothing is appended and nothing stays allocated on failure.
 */
static int
http_urlencoded_pair(const char *s, size_t len, struct kvlist *out)
{
	const char	*eq;
	char		*key = NULL, *val = NULL;
	size_t		 klen, vlen;
	int		 rc;

	eq = memchr(s, '=', len);
	klen = eq != NULL ? (size_t)(eq - s) : len;
	if ((rc = http_percent_decode(s, klen, 1, &key, &klen)) != RT_OK)
		goto out;
	if (eq != NULL)
		rc = http_percent_decode(eq + 1, len - (size_t)(eq - s) - 1,
		    1, &val, &vlen);
	else
		rc = http_percent_decode("", 0, 1, &val, &vlen);
	if (rc != RT_OK)
		goto out;
	rc = kvlist_add(out, key, val, vlen);
out:
	free(key);
	free(val);
	return rc;
}

/*
 * Splits s[0..len) on '&' and decodes each non-empty segment in order (so
 * "", "&&" and "&" add nothing).  ';' is not a separator (HTML forms never
 * send it).  s may be NULL when len is 0, as for an unset QUERY_STRING.
 * Parsing stops at the first bad segment, whose status is returned; out
 * then holds the pairs before it.  No limit is put on the number of pairs:
 * the caller bounds len (RESEAUTER_MAX_BODY).
 */
int
http_parse_urlencoded(const char *s, size_t len, struct kvlist *out)
{
	const char	*amp;
	size_t		 seg;
	int		 rc;

	assert(s != NULL || len == 0);
	assert(out != NULL);
	while (len > 0) {
		amp = memchr(s, '&', len);
		seg = amp != NULL ? (size_t)(amp - s) : len;
		if (seg > 0 && (rc = http_urlencoded_pair(s, seg, out)) != RT_OK)
			return rc;
		if (amp == NULL)
			break;
		s += seg + 1;
		len -= seg + 1;
	}
	return RT_OK;
}

/*
 * Returns non-zero when c may surround or separate cookie parts as
 * optional white space (a space or a horizontal tab).
 */
static int
http_is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Parses one segment s[0..len) of a Cookie header and appends it to out.
 * White space around the name and the value is removed, and so is one pair
 * of double quotes around the value ("\"x\"" gives x; a lone '"' is kept).
 * A segment without '=', with an empty name, with a name holding anything
 * but visible ASCII, or with a value holding a control character or a byte
 * outside ASCII is malformed: it is skipped and RT_OK returned.  Returns
 * RT_OK or RT_ENOMEM.
 */
static int
http_cookie_pair(const char *s, size_t len, struct kvlist *out)
{
	const char	*eq, *k, *v, *end = s + len;
	char		*key;
	size_t		 klen, vlen, i;
	int		 rc;

	if ((eq = memchr(s, '=', len)) == NULL)
		return RT_OK;
	k = s;
	klen = (size_t)(eq - s);
	while (klen > 0 && http_is_ows(k[0])) {
		k++;
		klen--;
	}
	while (klen > 0 && http_is_ows(k[klen - 1]))
		klen--;
	if (klen == 0)
		return RT_OK;
	for (i = 0; i < klen; i++)
		if ((unsigned char)k[i] <= 0x20 || (unsigned char)k[i] >= 0x7f)
			return RT_OK;

	v = eq + 1;
	vlen = (size_t)(end - v);
	while (vlen > 0 && http_is_ows(v[0])) {
		v++;
		vlen--;
	}
	while (vlen > 0 && http_is_ows(v[vlen - 1]))
		vlen--;
	if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
		v++;
		vlen -= 2;
	}
	for (i = 0; i < vlen; i++)
		if ((unsigned char)v[i] < 0x20 || (unsigned char)v[i] >= 0x7f)
			return RT_OK;

	if ((key = strndup(k, klen)) == NULL)
		return RT_ENOMEM;
	rc = kvlist_add(out, key, v, vlen);
	free(key);
	return rc;
}

/*
 * Splits the Cookie header on ';' and appends each well-formed pair in
 * order; a repeated name is kept as many times as it is sent (browsers send
 * the most specific one first).  A NULL or empty header adds nothing.
 * Returns RT_OK or RT_ENOMEM; on failure out holds the pairs before the
 * one that failed.
 */
int
http_parse_cookies(const char *header, struct kvlist *out)
{
	const char	*semi;
	size_t		 seg;
	int		 rc;

	assert(out != NULL);
	if (header == NULL)
		return RT_OK;
	for (;;) {
		semi = strchr(header, ';');
		seg = semi != NULL ? (size_t)(semi - header) : strlen(header);
		if ((rc = http_cookie_pair(header, seg, out)) != RT_OK)
			return rc;
		if (semi == NULL)
			break;
		header = semi + 1;
	}
	return RT_OK;
}

/*
 * Returns the length of the UTF-8 sequence that starts at s[0..len), or 0
 * when it is not a valid one: a stray continuation byte, 0xC0, 0xC1 or
 * 0xF5..0xFF as a lead byte, a truncated sequence, an overlong form (E0
 * followed by less than A0, F0 followed by less than 90), a surrogate (ED
 * followed by A0 or more) or a code point above U+10FFFF (F4 followed by 90
 * or more).  len is at least 1.  NUL is a valid one-byte sequence.
 */
static size_t
utf8_seqlen(const unsigned char *s, size_t len)
{
	size_t		 n, i;
	unsigned char	 lo = 0x80, hi = 0xbf;

	assert(len > 0);
	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xc2)
		return 0;
	if (s[0] < 0xe0)
		n = 2;
	else if (s[0] < 0xf0) {
		n = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;
		else if (s[0] == 0xed)
			hi = 0x9f;
	} else if (s[0] < 0xf5) {
		n = 4;
		if (s[0] == 0xf0)
			lo = 0x90;
		else if (s[0] == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (len < n)
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

/* The top bit of every byte of a word of eight: set in none of ASCII. */
#define UTF8_HIGH 0x8080808080808080ULL

/* Returns the eight bytes at p as one word (in the machine's order). */
static uint64_t
utf8_word(const unsigned char *p)
{
	uint64_t	 w;

	memcpy(&w, p, sizeof(w));
	return w;
}

/*
 * Returns non-zero when s[0..len) is valid UTF-8 as RFC 3629 defines it
 * (shortest forms only, no surrogates, nothing above U+10FFFF).  NUL bytes
 * are valid.  The empty string is valid, and s may then be NULL.
 */
int
utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n;

	assert(s != NULL || len == 0);
	while (len > 0) {
		/* ASCII, eight bytes at a time, then byte by byte. */
		while (len >= 8 && (utf8_word(p) & UTF8_HIGH) == 0) {
			p += 8;
			len -= 8;
		}
		if (len == 0)
			break;
		if (*p < 0x80) {
			p++;
			len--;
			continue;
		}
		if ((n = utf8_seqlen(p, len)) == 0)
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

/*
 * Returns the number of code points of s[0..len), counting the bytes that
 * are not continuation bytes (10xxxxxx).  For valid UTF-8 this is exact; for
 * invalid input it is merely some number no larger than len.  s may be NULL
 * when len is 0.
 */
size_t
utf8_length(const char *s, size_t len)
{
	size_t	 i, n = 0;

	assert(s != NULL || len == 0);
	for (i = 0; i < len; i++) {
		/* Eight ASCII bytes are eight code points. */
		while (i + 8 <= len && (utf8_word((const unsigned char *)s +
		    i) & UTF8_HIGH) == 0) {
			i += 8;
			n += 8;
		}
		if (i < len && ((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/*
 * Parses the q-value s[0..len) of Accept-Language into thousandths, as RFC
 * 9110 defines it: "0", "0.", "0.5", "0.125", "1", "1.0", "1.000".  Returns
 * the value 0..1000, or -1 for anything else ("1.5", "2", ".5", "0.1234",
 * "", "abc").
 */
static int
http_qvalue(const char *s, size_t len)
{
	size_t	 i;
	int	 q, scale = 100;

	if (len == 0 || (s[0] != '0' && s[0] != '1'))
		return -1;
	q = (s[0] - '0') * 1000;
	if (len == 1)
		return q;
	if (s[1] != '.' || len > 5)
		return -1;
	for (i = 2; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		q += (s[i] - '0') * scale;
		scale /= 10;
	}
	return q > 1000 ? -1 : q;
}

/*
 * Returns non-zero when the language range r[0..rlen) is well-formed:
 * "*", or 1 to 8 letters followed by any number of "-" and 1 to 8 letters
 * or digits (RFC 4647).  "fr", "fr-CA", "zh-Hant-TW" pass; "", "-", "fr-",
 * "f_r", "fr--CA" and "toolongprimary" do not.
 */
static int
http_lang_range_ok(const char *r, size_t rlen)
{
	size_t		 i, sub = 0;
	int		 first = 1;
	unsigned char	 c;

	if (rlen == 1 && r[0] == '*')
		return 1;
	for (i = 0; i < rlen; i++) {
		c = (unsigned char)r[i];
		if (c == '-') {
			if (sub == 0)
				return 0;
			sub = 0;
			first = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (!first && c >= '0' && c <= '9')))
			return 0;
		if (++sub > 8)
			return 0;
	}
	return sub > 0;
}

/*
 * How well the language range r[0..rlen) matches the supported code sup:
 * 3 when they are equal (ignoring case), 2 when one is a prefix of the
 * other up to a '-' ("fr-CA" and "fr", or "fr" and "fr-CA"), 1 when r is
 * "*", 0 when they do not match.
 */
static int
http_lang_match(const char *r, size_t rlen, const char *sup)
{
	size_t	 slen = strlen(sup);

	if (rlen == 1 && r[0] == '*')
		return 1;
	if (rlen == slen && strncasecmp(r, sup, rlen) == 0)
		return 3;
	if (rlen > slen && r[slen] == '-' && strncasecmp(r, sup, slen) == 0)
		return 2;
	if (slen > rlen && sup[rlen] == '-' && strncasecmp(r, sup, rlen) == 0)
		return 2;
	return 0;
}

/*
 * Reads one element e[0..elen) of Accept-Language ("fr-CA;q=0.8") into its
 * range and its q-value in thousandths (1000 when absent).  White space
 * around the parts is ignored; parameters other than q are ignored too.
 * Returns 0 and leaves *range, *rlen and *q undefined for a malformed
 * element (bad range, bad q-value), which the caller skips.
 */
static int
http_lang_element(const char *e, size_t elen, const char **range,
    size_t *rlen, int *q)
{
	const char	*semi, *p, *end = e + elen;
	size_t		 plen;

	while (e < end && http_is_ows(*e))
		e++;
	semi = memchr(e, ';', (size_t)(end - e));
	*range = e;
	*rlen = (size_t)((semi != NULL ? semi : end) - e);
	while (*rlen > 0 && http_is_ows(e[*rlen - 1]))
		(*rlen)--;
	if (!http_lang_range_ok(*range, *rlen))
		return 0;
	*q = 1000;
	while (semi != NULL) {
		p = semi + 1;
		semi = memchr(p, ';', (size_t)(end - p));
		plen = (size_t)((semi != NULL ? semi : end) - p);
		while (plen > 0 && http_is_ows(*p)) {
			p++;
			plen--;
		}
		while (plen > 0 && http_is_ows(p[plen - 1]))
			plen--;
		if (plen >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
			if ((*q = http_qvalue(p + 2, plen - 2)) < 0)
				return 0;
		}
	}
	return 1;
}

/*
 * Scores each supported code against every element of the header.  For
 * each code the most specific matching element counts (an exact match
 * beats a regional one, which beats "*"), so "fr;q=0, *" refuses fr but
 * accepts the rest; among equally specific elements the first one counts.
 * The winner has the highest q; a tie goes to the code matched by a named
 * element rather than "*", then to the element listed first, then to the
 * code listed first in supported.  q=0 means "not acceptable".  Malformed
 * elements are skipped; a NULL, empty or wholly malformed header gives -1.
 * At most 16 supported codes are scored (asserted).
 */
int
http_accept_language(const char *header, const char *const *supported,
    size_t nsupported)
{
	int		 spec[16], q[16], qe, m, best = -1;
	size_t		 pos[16], i, idx, elen, rlen;
	const char	*comma, *range;

	assert(supported != NULL || nsupported == 0);
	assert(nsupported <= 16);
	if (header == NULL)
		return -1;
	for (i = 0; i < nsupported; i++) {
		spec[i] = 0;
		q[i] = 0;
		pos[i] = 0;
	}
	for (idx = 0; ; idx++) {
		comma = strchr(header, ',');
		elen = comma != NULL ? (size_t)(comma - header) : strlen(header);
		if (http_lang_element(header, elen, &range, &rlen, &qe))
			for (i = 0; i < nsupported; i++) {
				m = http_lang_match(range, rlen, supported[i]);
				if (m > spec[i]) {
					spec[i] = m;
					q[i] = qe;
					pos[i] = idx;
				}
			}
		if (comma == NULL)
			break;
		header = comma + 1;
	}
	for (i = 0; i < nsupported; i++) {
		if (spec[i] == 0 || q[i] == 0)
			continue;
		if (best < 0 || q[i] > q[best] ||
		    (q[i] == q[best] && spec[best] == 1 && spec[i] > 1) ||
		    (q[i] == q[best] && (spec[i] > 1) == (spec[best] > 1) &&
		    pos[i] < pos[best]))
			best = (int)i;
	}
	return best;
}

/*
 * Frees both buffers of r and zeroes every field, so that r can be filled
 * again.  Freeing twice is harmless.
 */
void
http_response_free(struct http_response *r)
{
	assert(r != NULL);
	buf_free(&r->headers);
	buf_free(&r->body);
	memset(r, 0, sizeof(*r));
}

/*
 * Returns non-zero when name is a non-empty HTTP token (RFC 9110 tchar:
 * letters, digits and !#$%&'*+-.^_`|~), the only thing a header or cookie
 * name may be.
 */
static int
http_is_token(const char *name)
{
	const char	*p;

	if (*name == '\0')
		return 0;
	for (p = name; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') ||
		    strchr("!#$%&'*+-.^_`|~", *p) != NULL))
			return 0;
	return 1;
}

/*
 * Appends "name: value\r\n" to the headers of r.  The name must be an HTTP
 * token (so no ':', space, CR or LF); the value may hold no CR, LF or
 * other control character but the horizontal tab, so that nothing a user
 * typed can split a header or start a new one.  An empty value is allowed.
 * Returns RT_OK, RT_EINVAL (nothing appended) or RT_ENOMEM (headers
 * unchanged).
 */
int
http_add_header(struct http_response *r, const char *name, const char *value)
{
	const unsigned char	*p;

	assert(r != NULL);
	assert(name != NULL);
	assert(value != NULL);
	if (!http_is_token(name))
		return RT_EINVAL;
	for (p = (const unsigned char *)value; *p != '\0'; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			return RT_EINVAL;
	return buf_printf(&r->headers, "%s: %s\r\n", name, value);
}

/*
 * Adds "Set-Cookie: name=value; Path=/[; Max-Age=n][; HttpOnly][; Secure];
 * SameSite=x".  The name must be an HTTP token and the value only
 * [A-Za-z0-9_-] (empty is allowed, to delete a cookie).  A NULL same_site
 * means "Lax"; anything but "Lax" or "Strict" is refused.  max_age 0 makes a
 * session cookie (no Max-Age); a negative max_age deletes the cookie with
 * "Max-Age=0" and an Expires in 1970 for old browsers.  A name with the
 * "__Host-" or "__Secure-" prefix without secure is refused, since
 * browsers would drop it silently.  Returns RT_OK, RT_EINVAL (nothing
 * added) or RT_ENOMEM (headers unchanged).
 */
int
http_set_cookie(struct http_response *r, const struct http_cookie *c)
{
	struct buf	 line = { NULL, 0, 0 };
	const char	*p, *ss;
	int		 rc;

	assert(r != NULL);
	assert(c != NULL);
	assert(c->name != NULL);
	assert(c->value != NULL);
	if (!http_is_token(c->name))
		return RT_EINVAL;
	for (p = c->value; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return RT_EINVAL;
	ss = c->same_site != NULL ? c->same_site : "Lax";
	if (strcmp(ss, "Lax") != 0 && strcmp(ss, "Strict") != 0)
		return RT_EINVAL;
	if (!c->secure && (strncmp(c->name, "__Host-", 7) == 0 ||
	    strncmp(c->name, "__Secure-", 9) == 0))
		return RT_EINVAL;

	if ((rc = buf_printf(&line, "%s=%s; Path=/", c->name, c->value)) != RT_OK)
		goto out;
	if (c->max_age > 0)
		rc = buf_printf(&line, "; Max-Age=%ld", c->max_age);
	else if (c->max_age < 0)
		rc = buf_puts(&line,
		    "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
	if (rc == RT_OK && c->http_only)
		rc = buf_puts(&line, "; HttpOnly");
	if (rc == RT_OK && c->secure)
		rc = buf_puts(&line, "; Secure");
	if (rc == RT_OK)
		rc = buf_printf(&line, "; SameSite=%s", ss);
	if (rc == RT_OK)
		rc = http_add_header(r, "Set-Cookie", buf_str(&line));
out:
	buf_free(&line);
	return rc;
}

/* A status code and its reason phrase (RFC 9110). */
struct http_reason_entry {
	int		 status;
	const char	*reason;
};

/* The statuses reseauter may answer, sorted by code. */
static const struct http_reason_entry http_reasons[] = {
	{ 200, "OK" },
	{ 201, "Created" },
	{ 204, "No Content" },
	{ 301, "Moved Permanently" },
	{ 302, "Found" },
	{ 303, "See Other" },
	{ 304, "Not Modified" },
	{ 307, "Temporary Redirect" },
	{ 308, "Permanent Redirect" },
	{ 400, "Bad Request" },
	{ 401, "Unauthorized" },
	{ 403, "Forbidden" },
	{ 404, "Not Found" },
	{ 405, "Method Not Allowed" },
	{ 408, "Request Timeout" },
	{ 409, "Conflict" },
	{ 410, "Gone" },
	{ 411, "Length Required" },
	{ 413, "Content Too Large" },
	{ 414, "URI Too Long" },
	{ 415, "Unsupported Media Type" },
	{ 422, "Unprocessable Content" },
	{ 429, "Too Many Requests" },
	{ 500, "Internal Server Error" },
	{ 501, "Not Implemented" },
	{ 502, "Bad Gateway" },
	{ 503, "Service Unavailable" },
	{ 504, "Gateway Timeout" },
};

/*
 * Returns the reason phrase of status, or "Unknown" for a code not in the
 * table (including negative ones).  The string is static.
 */
const char *
http_reason(int status)
{
	size_t	 i;

	for (i = 0; i < sizeof(http_reasons) / sizeof(http_reasons[0]); i++)
		if (http_reasons[i].status == status)
			return http_reasons[i].reason;
	return "Unknown";
}

/*
 * Returns non-zero when path is safe to redirect to: it starts with one
 * '/' not followed by another '/' or a '\' ("//evil" and "/\evil" are
 * other hosts to a browser), and it holds no backslash, no space, no
 * control character (a browser drops a TAB or LF, which would turn
 * "/	/evil" into "//evil") and no byte outside ASCII (a Location must be
 * percent-encoded).  So "http://x", "", "x" and NULL are refused, while
 * "/", "/ok?x=1" and "/a//b" pass.
 */
int
http_local_path(const char *path)
{
	const unsigned char	*p;

	if (path == NULL || path[0] != '/' || path[1] == '/' ||
	    path[1] == '\\')
		return 0;
	for (p = (const unsigned char *)path; *p != '\0'; p++)
		if (*p <= 0x20 || *p >= 0x7f || *p == '\\')
			return 0;
	return 1;
}

/* See http.h. */
void
http_query_escape(const char *s, char *out, size_t outlen)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;

	if (outlen == 0)
		return;
	for (; *s != '\0' && o + 4 <= outlen; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~' || c == '/') {
			out[o++] = (char)c;
		} else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
}

/*
 * Frees the strings of part p and zeroes it; a zeroed part is fine.
 */
static void
http_part_clear(struct http_part *p)
{
	free(p->name);
	free(p->filename);
	free(p->content_type);
	free(p->data);
	memset(p, 0, sizeof(*p));
}

/* See http.h.  parts may be NULL when n is 0. */
void
http_parts_free(struct http_part *parts, size_t n)
{
	size_t	 i;

	assert(parts != NULL || n == 0);
	for (i = 0; i < n; i++)
		http_part_clear(&parts[i]);
	free(parts);
}

/*
 * See http.h.  Names are compared exactly (case-sensitive), as form field
 * names are.
 */
const struct http_part *
http_part_get(const struct http_part *parts, size_t n, const char *name)
{
	size_t	 i;

	assert(parts != NULL || n == 0);
	assert(name != NULL);
	for (i = 0; i < n; i++)
		if (strcmp(parts[i].name, name) == 0)
			return &parts[i];
	return NULL;
}

/*
 * Returns non-zero when s[0..len) is the media type "multipart/form-data"
 * (any case) followed by nothing, by white space or by ';'.
 */
static int
http_multipart_type(const char *s, size_t len)
{
	static const char	 type[] = "multipart/form-data";
	size_t			 tlen = sizeof(type) - 1;

	if (len < tlen || strncasecmp(s, type, tlen) != 0)
		return 0;
	return len == tlen || s[tlen] == ';' || http_is_ows(s[tlen]);
}

/* See http.h. */
int
http_is_multipart(const char *content_type)
{
	if (content_type == NULL)
		return 0;
	return http_multipart_type(content_type, strlen(content_type));
}

/*
 * Returns non-zero when c may be in a boundary (RFC 2046 bchars: letters,
 * digits, '()+_,-./:=? and the space, which may not end it).
 */
static int
http_bchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' &&
	    strchr("'()+_,-./:=? ", c) != NULL);
}

/*
 * Reads the value of one header parameter at s[0..len) (just after its
 * '='): a quoted string, which ends at the next '"' (no backslash escapes,
 * as browsers send them), or a token, which ends at ';', white space or
 * the end.  Sets *val and *vlen to the value (without the quotes) and
 * returns how many bytes were read, or 0 when the value is malformed (an
 * unclosed quote, an empty token).
 */
static size_t
http_param_value(const char *s, size_t len, const char **val, size_t *vlen)
{
	const char	*q;
	size_t		 i;

	if (len > 0 && s[0] == '"') {
		if ((q = memchr(s + 1, '"', len - 1)) == NULL)
			return 0;
		*val = s + 1;
		*vlen = (size_t)(q - s - 1);
		return (size_t)(q - s) + 1;
	}
	for (i = 0; i < len && s[i] != ';' && !http_is_ows(s[i]); i++)
		continue;
	if (i == 0)
		return 0;
	*val = s;
	*vlen = i;
	return i;
}

/*
 * Walks the parameters of a header value h[0..len) that follow its first
 * ';' ("form-data; name="a"; filename="b"", "multipart/form-data;
 * boundary=x"), and sets *val and *vlen to the value of the first one
 * named want (any case).  Parameters are "; name=value" with optional
 * white space around the ';' and nothing around the '='.  Returns 1 when
 * found, 0 when absent, -1 when the parameters are malformed.
 */
static int
http_header_param(const char *h, size_t len, const char *want,
    const char **val, size_t *vlen)
{
	const char	*semi, *name, *v;
	size_t		 i, nlen, used, wlen = strlen(want), l;
	int		 found = 0;

	if ((semi = memchr(h, ';', len)) == NULL)
		return 0;
	i = (size_t)(semi - h);
	while (i < len) {
		if (h[i] != ';')
			return -1;
		for (i++; i < len && http_is_ows(h[i]); i++)
			continue;
		if (i == len)
			return found;     /* a trailing ';' is tolerated */
		name = h + i;
		while (i < len && h[i] != '=' && h[i] != ';' &&
		    !http_is_ows(h[i]))
			i++;
		nlen = (size_t)(h + i - name);
		if (nlen == 0 || i == len || h[i] != '=')
			return -1;
		i++;
		if ((used = http_param_value(h + i, len - i, &v, &l)) == 0)
			return -1;
		if (!found && nlen == wlen && strncasecmp(name, want, wlen) ==
		    0) {
			*val = v;
			*vlen = l;
			found = 1;
		}
		for (i += used; i < len && http_is_ows(h[i]); i++)
			continue;
	}
	return found;
}

/*
 * Reads the boundary of a multipart/form-data content_type into b (room
 * for 71 bytes): 1 to 70 bchars, not ending with a space.  Returns RT_OK
 * or RT_EINVAL (another media type, no boundary, a malformed one).
 */
static int
http_boundary(const char *content_type, char b[71], size_t *blen)
{
	const char	*v;
	size_t		 len, vlen, i;

	if (content_type == NULL)
		return RT_EINVAL;
	len = strlen(content_type);
	if (!http_multipart_type(content_type, len))
		return RT_EINVAL;
	if (http_header_param(content_type, len, "boundary", &v, &vlen) != 1)
		return RT_EINVAL;
	if (vlen == 0 || vlen > 70 || v[vlen - 1] == ' ')
		return RT_EINVAL;
	for (i = 0; i < vlen; i++)
		if (!http_bchar(v[i]))
			return RT_EINVAL;
	memcpy(b, v, vlen);
	b[vlen] = '\0';
	*blen = vlen;
	return RT_OK;
}

/*
 * Copies s[0..len) into a new NUL-terminated string *out after checking
 * it: valid UTF-8 (else RT_EUTF8) with no control character (else
 * RT_EINVAL).  Returns RT_OK, RT_EINVAL, RT_EUTF8 or RT_ENOMEM (*out
 * untouched then).
 */
static int
http_part_string(const char *s, size_t len, char **out)
{
	size_t	 i;
	char	*p;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return RT_EINVAL;
	if (!utf8_valid(s, len))
		return RT_EUTF8;
	if ((p = strndup(s, len)) == NULL)
		return RT_ENOMEM;
	*out = p;
	return RT_OK;
}

/*
 * Reads one header line h[0..len) (without its CRLF) of a part into p:
 * Content-Disposition gives the name and file name, Content-Type is kept
 * as sent; other headers are ignored.  A line without ':', with an empty
 * or spaced name, or starting with white space (obsolete folding) is
 * malformed, and so is a second Content-Disposition or Content-Type.
 * Returns RT_OK, RT_EINVAL, RT_EUTF8 or RT_ENOMEM; on failure p may hold
 * what was read before, for the caller to free.
 */
static int
http_part_header(const char *h, size_t len, struct http_part *p)
{
	const char	*colon, *v, *val;
	size_t		 nlen, vlen, l;
	int		 rc, got;

	if ((colon = memchr(h, ':', len)) == NULL || colon == h ||
	    http_is_ows(h[0]))
		return RT_EINVAL;
	nlen = (size_t)(colon - h);
	for (l = 0; l < nlen; l++)
		if ((unsigned char)h[l] <= 0x20 || h[l] == 0x7f)
			return RT_EINVAL;
	v = colon + 1;
	vlen = len - nlen - 1;
	while (vlen > 0 && http_is_ows(*v))
		v++, vlen--;
	while (vlen > 0 && http_is_ows(v[vlen - 1]))
		vlen--;
	if (nlen == 19 && strncasecmp(h, "Content-Disposition", 19) == 0) {
		if (p->name != NULL)
			return RT_EINVAL;
		if (vlen < 9 || strncasecmp(v, "form-data", 9) != 0 ||
		    (vlen > 9 && v[9] != ';' && !http_is_ows(v[9])))
			return RT_EINVAL;
		if (http_header_param(v, vlen, "name", &val, &l) != 1 ||
		    l == 0)
			return RT_EINVAL;
		if ((rc = http_part_string(val, l, &p->name)) != RT_OK)
			return rc;
		got = http_header_param(v, vlen, "filename", &val, &l);
		if (got < 0)
			return RT_EINVAL;
		if (got == 1 && (rc = http_part_string(val, l,
		    &p->filename)) != RT_OK)
			return rc;
		return RT_OK;
	}
	if (nlen == 12 && strncasecmp(h, "Content-Type", 12) == 0) {
		if (p->content_type != NULL || vlen == 0)
			return RT_EINVAL;
		return http_part_string(v, vlen, &p->content_type);
	}
	for (l = 0; l < vlen; l++)
		if (((unsigned char)v[l] < 0x20 && v[l] != '\t') ||
		    v[l] == 0x7f)
			return RT_EINVAL;
	return RT_OK;
}

/*
 * Reads the header block h[0..len) of a part (lines ending in CRLF; len 0
 * for a part without headers) into p.  A bare CR or LF is malformed, and
 * a part without a Content-Disposition naming it too.  Returns as
 * http_part_header().
 */
static int
http_part_headers(const char *h, size_t len, struct http_part *p)
{
	const char	*end = h + len, *eol;
	int		 rc;

	while (h < end) {
		for (eol = h; eol < end && *eol != '\r' && *eol != '\n'; eol++)
			continue;
		if (eol + 1 >= end || eol[0] != '\r' || eol[1] != '\n')
			return RT_EINVAL;
		if ((rc = http_part_header(h, (size_t)(eol - h), p)) != RT_OK)
			return rc;
		h = eol + 2;
	}
	return p->name != NULL ? RT_OK : RT_EINVAL;
}

/*
 * After a delimiter ("--boundary") that ends just before s[0..len): sets
 * *close when it is the close delimiter ("--" follows), else checks that
 * only spaces and tabs (transport padding) then a CRLF follow, and sets
 * *next to the byte after that CRLF.  Returns RT_OK or RT_EINVAL.
 */
static int
http_after_delimiter(const char *s, size_t len, int *close, size_t *next)
{
	size_t	 i = 0;

	*close = 0;
	if (len >= 2 && s[0] == '-' && s[1] == '-') {
		*close = 1;
		return RT_OK;
	}
	while (i < len && http_is_ows(s[i]))
		i++;
	if (len - i < 2 || s[i] != '\r' || s[i + 1] != '\n')
		return RT_EINVAL;
	*next = i + 2;
	return RT_OK;
}

/*
 * See http.h.  The delimiter searched for is "\r\n--" + boundary, so that
 * a boundary in the middle of a line is data; the first one may also
 * begin the body without its CRLF.  Each part is copied out of the body,
 * so the body need not outlive the parts.
 */
int
http_parse_multipart(const char *body, size_t len, const char *content_type,
    struct http_part **parts, size_t *n)
{
	struct http_part	*v = NULL, *nv, *p;
	char			 delim[4 + 71];
	const char		*s, *end, *hend, *found;
	size_t			 dlen, blen, pos, next, cap = 0, count = 0;
	int			 rc, close;

	assert(body != NULL || len == 0);
	assert(parts != NULL && n != NULL);
	*parts = NULL;
	*n = 0;
	memcpy(delim, "\r\n--", 4);
	if ((rc = http_boundary(content_type, delim + 4, &blen)) != RT_OK)
		return rc;
	dlen = 4 + blen;
	if (len == 0)
		return RT_EINVAL;
	end = body + len;

	/* The first delimiter: at the very start, or after a preamble. */
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		pos = dlen - 2;
	else if ((found = memmem(body, len, delim, dlen)) != NULL)
		pos = (size_t)(found - body) + dlen;
	else
		return RT_EINVAL;

	for (;;) {
		if ((rc = http_after_delimiter(body + pos, len - pos, &close,
		    &next)) != RT_OK)
			goto fail;
		if (close)
			break;
		if (count == HTTP_MAX_PARTS) {
			rc = RT_ETOOBIG;
			goto fail;
		}
		s = body + pos + next;
		/* The header block ends at an empty line. */
		if (end - s >= 2 && s[0] == '\r' && s[1] == '\n')
			hend = s;
		else if ((found = memmem(s, (size_t)(end - s), "\r\n\r\n", 4)) !=
		    NULL)
			hend = found + 2;
		else {
			rc = RT_EINVAL;
			goto fail;
		}
		if ((size_t)(hend - s) > HTTP_PART_HEADERS_MAX) {
			rc = RT_EINVAL;
			goto fail;
		}
		if (count == cap) {
			cap = cap == 0 ? 2 : cap * 2;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
				rc = RT_ENOMEM;
				goto fail;
			}
			v = nv;
		}
		p = &v[count++];
		memset(p, 0, sizeof(*p));
		if ((rc = http_part_headers(s, (size_t)(hend - s), p)) != RT_OK)
			goto fail;
		s = hend + 2;
		/* The value runs to the next delimiter, which must be there. */
		if ((found = memmem(s, (size_t)(end - s), delim, dlen)) ==
		    NULL) {
			rc = RT_EINVAL;
			goto fail;
		}
		p->len = (size_t)(found - s);
		if (p->len == SIZE_MAX || (p->data = malloc(p->len + 1)) ==
		    NULL) {
			rc = RT_ENOMEM;
			goto fail;
		}
		memcpy(p->data, s, p->len);
		p->data[p->len] = '\0';
		pos = (size_t)(found - body) + dlen;
	}
	if (count == 0) {
		free(v);
		v = NULL;
	}
	*parts = v;
	*n = count;
	return RT_OK;
fail:
	http_parts_free(v, count);
	return rc;
}
