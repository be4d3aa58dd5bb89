/*
 * json.c: a strict JSON reader into a tree, and a canonical writer (see
 * json.h).
 *
 * The reader is a recursive descent over RFC 8259's grammar, recursing at
 * most max_depth times (JSON_MAX_DEPTH at most), so a hostile document
 * cannot exhaust the stack.  Every string is decoded into its own
 * allocation and checked: raw bytes must be valid UTF-8 (http.c's
 * utf8_valid()), escapes must be the eight short ones or \u and four
 * hex digits, and a \u escape must not be U+0000 nor half of a surrogate
 * pair.
 *
 * The writer appends to a struct buf and remembers the first error, so a
 * caller writes a whole document and checks jw_finish() once.  The form is
 * fixed: two spaces per level, one member or element per line, ": " after
 * a key, "{}" and "[]" for empty containers, and only the escapes JSON
 * requires, so that the same data always gives the same bytes.
 */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "http.h"
#include "json.h"
#include "status.h"

/* The state of one json_parse() call. */
struct json_parser {
	const char	*s;          /* the document, not NUL-terminated */
	size_t		 len;        /* its length in bytes */
	size_t		 pos;        /* the next byte to read */
	size_t		 depth;      /* arrays and objects open around pos */
	size_t		 max_depth;  /* the most that may be open */
	char		*err;        /* where the message goes, or NULL */
	size_t		 errlen;     /* its size (0 when err is NULL) */
};

/*
 * Writes "line L, column C: " and the printf-style message into p->err,
 * where L and C (both from 1) locate byte at of the document: lines are
 * counted by LF, columns in code points (bytes that are not UTF-8
 * continuation bytes), so that an editor shows the same place.  at may be
 * p->len (the end of the input).  A message longer than the buffer is
 * truncated; without a buffer nothing is written.  Returns rc, so that a
 * caller can write "return json_fail(...)".
 */
static int
json_fail(struct json_parser *p, size_t at, int rc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int
json_fail(struct json_parser *p, size_t at, int rc, const char *fmt, ...)
{
	va_list	 ap;
	size_t	 i, line = 1, col = 1;
	int	 n;

	assert(at <= p->len);
	if (p->err == NULL || p->errlen == 0)
		return rc;
	for (i = 0; i < at; i++) {
		if (p->s[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)p->s[i] & 0xc0) != 0x80)
			col++;
	}
	n = snprintf(p->err, p->errlen, "line %zu, column %zu: ", line, col);
	if (n >= 0 && (size_t)n < p->errlen) {
		va_start(ap, fmt);
		vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return rc;
}

/*
 * Fails with RT_EINVAL at p->pos, saying that what was expected there and
 * what was found instead: the end of the input, a printable ASCII
 * character, or the value of any other byte.
 */
static int
json_expected(struct json_parser *p, const char *what)
{
	unsigned char	 c;

	if (p->pos >= p->len)
		return json_fail(p, p->len, RT_EINVAL,
		    "unexpected end of input, expected %s", what);
	c = (unsigned char)p->s[p->pos];
	if (c > 0x20 && c < 0x7f)
		return json_fail(p, p->pos, RT_EINVAL,
		    "expected %s, found '%c'", what, c);
	return json_fail(p, p->pos, RT_EINVAL,
	    "expected %s, found byte 0x%02x", what, c);
}

/*
 * Skips the four white-space characters of JSON (space, TAB, LF, CR);
 * anything else, including a form feed or a non-breaking space, stops it.
 */
static void
json_skip_ws(struct json_parser *p)
{
	while (p->pos < p->len && (p->s[p->pos] == ' ' ||
	    p->s[p->pos] == '\t' || p->s[p->pos] == '\n' ||
	    p->s[p->pos] == '\r'))
		p->pos++;
}

/*
 * Frees what v owns (its string, or its elements, keys and members,
 * recursively) but not v itself, and zeroes it.  A zeroed value is fine.
 */
static void
json_clear(struct json *v)
{
	size_t	 i;

	switch (v->type) {
	case JSON_STRING:
		free(v->string);
		break;
	case JSON_ARRAY:
	case JSON_OBJECT:
		for (i = 0; i < v->n; i++) {
			json_clear(&v->items[i]);
			if (v->keys != NULL)
				free(v->keys[i]);
		}
		free(v->items);
		free(v->keys);
		break;
	default:
		break;
	}
	memset(v, 0, sizeof(*v));
}

/* Returns the value 0..15 of the hexadecimal digit c, or -1. */
static int
json_hexval(char c)
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
 * Reads the four hex digits of a \u escape at s[at..at+4), which must end
 * before end (the closing quote of the string), into *cp.  Returns RT_OK,
 * or RT_EINVAL with the message at the first byte that is not a digit.
 */
static int
json_hex4(struct json_parser *p, size_t at, size_t end, unsigned *cp)
{
	size_t	 i;
	int	 h;

	*cp = 0;
	for (i = 0; i < 4; i++) {
		if (at + i >= end || (h = json_hexval(p->s[at + i])) < 0)
			return json_fail(p, at + i, RT_EINVAL,
			    "expected four hexadecimal digits after \\u");
		*cp = *cp * 16 + (unsigned)h;
	}
	return RT_OK;
}

/*
 * Writes the code point cp (not a surrogate, at most U+10FFFF) as UTF-8
 * at out and returns the number of bytes written, 1 to 4.
 */
static size_t
json_put_utf8(char *out, unsigned cp)
{
	assert(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff));
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * Returns the length of the UTF-8 sequence that the lead byte c announces
 * (2 to 4), or 0 for a byte that cannot start one (a continuation byte,
 * C0, C1, F5 and above).  Whether the sequence is valid is utf8_valid()'s
 * business.
 */
static size_t
json_utf8_seqlen(unsigned char c)
{
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

/*
 * Strings are scanned eight bytes at a time where they hold nothing that
 * needs a look of its own: JSON_ONES has 1 in every byte, JSON_HIGH the
 * top bit of every byte.
 */
#define JSON_ONES 0x0101010101010101ULL
#define JSON_HIGH 0x8080808080808080ULL

/* Returns the eight bytes at s as one word (in the machine's order). */
static uint64_t
json_word(const char *s)
{
	uint64_t	 w;

	memcpy(&w, s, sizeof(w));
	return w;
}

/* Returns non-zero when one of the eight bytes of w is c. */
static uint64_t
json_word_has(uint64_t w, unsigned char c)
{
	uint64_t	 x = w ^ (JSON_ONES * c);

	return (x - JSON_ONES) & ~x & JSON_HIGH;
}

/*
 * Returns non-zero when one of the eight bytes of w is not plain text of a
 * string: a control character (below 0x20), a byte of a UTF-8 sequence
 * (0x80 and above) or a backslash.  Without a byte below 0x20 nothing
 * borrows across bytes, so the test is exact.
 */
static uint64_t
json_word_special(uint64_t w)
{
	return (((w - JSON_ONES * 0x20) | w) & JSON_HIGH) |
	    json_word_has(w, '\\');
}

/*
 * Decodes the string starting at the opening quote at p->pos into a new
 * NUL-terminated allocation *out of *outlen bytes, and moves past the
 * closing quote.  The end is found first (a backslash skips the next
 * byte), so that the decoded text, never longer than the raw one, fits in
 * one allocation.  Refused: no closing quote (RT_EINVAL), a raw control
 * character below 0x20 (RT_EINVAL), an unknown escape, a \u escape without
 * four hex digits, \u0000, a high surrogate not followed by a \u low
 * surrogate, or a lone low surrogate (all RT_EINVAL), and raw bytes that
 * are not valid UTF-8 (RT_EUTF8, with overlongs and encoded surrogates).
 * Returns RT_OK, one of those or RT_ENOMEM; on failure nothing is
 * allocated and *out is NULL.
 */
static int
json_string(struct json_parser *p, char **out, size_t *outlen)
{
	const unsigned char	*u = (const unsigned char *)p->s;
	size_t			 start, end, i, j = 0, n;
	unsigned		 cp, lo;
	char			*res;
	int			 rc;

	assert(p->pos < p->len && p->s[p->pos] == '"');
	*out = NULL;
	*outlen = 0;
	start = p->pos + 1;
	for (end = start; end < p->len; end += p->s[end] == '\\' ? 2 : 1) {
		/* Eight bytes at a time while there is no quote nor backslash. */
		while (end + 8 <= p->len && !json_word_has(json_word(p->s + end),
		    '"') && !json_word_has(json_word(p->s + end), '\\'))
			end += 8;
		if (end >= p->len || p->s[end] == '"')
			break;
	}
	if (end >= p->len)
		return json_fail(p, p->len, RT_EINVAL,
		    "unexpected end of input in a string");
	if ((res = malloc(end - start + 1)) == NULL)
		return json_fail(p, p->pos, RT_ENOMEM, "out of memory");

	for (i = start; i < end; ) {
		/* A run of plain text is copied eight bytes at a time. */
		for (n = i; n + 8 <= end && !json_word_special(json_word(p->s +
		    n)); n += 8)
			continue;
		if (n > i) {
			memcpy(res + j, p->s + i, n - i);
			j += n - i;
			i = n;
			continue;
		}
		if (u[i] < 0x20) {
			rc = json_fail(p, i, RT_EINVAL, "control character "
			    "0x%02x in a string (it must be escaped)", u[i]);
			goto fail;
		}
		if (u[i] >= 0x80) {
			n = json_utf8_seqlen(u[i]);
			if (n == 0 || n > end - i || !utf8_valid(p->s + i, n)) {
				rc = json_fail(p, i, RT_EUTF8,
				    "invalid UTF-8 in a string");
				goto fail;
			}
			memcpy(res + j, p->s + i, n);
			i += n;
			j += n;
			continue;
		}
		if (u[i] != '\\') {
			res[j++] = p->s[i++];
			continue;
		}
		/* An escape; the first loop made sure i + 1 < end. */
		switch (p->s[i + 1]) {
		case '"':
		case '\\':
		case '/':
			res[j++] = p->s[i + 1];
			i += 2;
			continue;
		case 'b':
			res[j++] = '\b';
			i += 2;
			continue;
		case 'f':
			res[j++] = '\f';
			i += 2;
			continue;
		case 'n':
			res[j++] = '\n';
			i += 2;
			continue;
		case 'r':
			res[j++] = '\r';
			i += 2;
			continue;
		case 't':
			res[j++] = '\t';
			i += 2;
			continue;
		case 'u':
			break;
		default:
			rc = (u[i + 1] > 0x20 && u[i + 1] < 0x7f) ?
			    json_fail(p, i, RT_EINVAL, "invalid escape \\%c",
			    p->s[i + 1]) :
			    json_fail(p, i, RT_EINVAL, "invalid escape");
			goto fail;
		}
		if ((rc = json_hex4(p, i + 2, end, &cp)) != RT_OK)
			goto fail;
		if (cp == 0) {
			rc = json_fail(p, i, RT_EINVAL,
			    "\\u0000 is not allowed in a string");
			goto fail;
		}
		if (cp >= 0xdc00 && cp <= 0xdfff) {
			rc = json_fail(p, i, RT_EINVAL,
			    "lone low surrogate \\u%04x", cp);
			goto fail;
		}
		if (cp >= 0xd800 && cp <= 0xdbff) {
			if (i + 7 >= end || p->s[i + 6] != '\\' ||
			    p->s[i + 7] != 'u') {
				rc = json_fail(p, i, RT_EINVAL, "high "
				    "surrogate \\u%04x without a low one", cp);
				goto fail;
			}
			if ((rc = json_hex4(p, i + 8, end, &lo)) != RT_OK)
				goto fail;
			if (lo < 0xdc00 || lo > 0xdfff) {
				rc = json_fail(p, i, RT_EINVAL, "high "
				    "surrogate \\u%04x without a low one", cp);
				goto fail;
			}
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			i += 6;
		}
		j += json_put_utf8(res + j, cp);
		i += 6;
	}
	assert(j <= end - start);
	res[j] = '\0';
	*out = res;
	*outlen = j;
	p->pos = end + 1;
	return RT_OK;
fail:
	free(res);
	return rc;
}

/*
 * Reads a number at p->pos into v, after checking RFC 8259's grammar:
 * an optional '-', then "0" or a digit 1-9 and more digits (leading zeros
 * are refused), an optional fraction ('.' and one or more digits), an
 * optional exponent ('e' or 'E', an optional sign, one or more digits).
 * "+1", ".5", "1.", "01", "1e", "NaN" are refused.  The text is then
 * converted by strtod(), which reads '.' as the decimal point because the
 * program never changes LC_NUMERIC from the "C" locale.  A number too
 * large for a double ("1e400") is refused; one too small becomes 0 or a
 * subnormal.  Returns RT_OK, RT_EINVAL or RT_ENOMEM (for a number of more
 * than 63 characters, which is copied to the heap to be NUL-terminated).
 */
static int
json_number(struct json_parser *p, struct json *v)
{
	char	 tmp[64], *copy = tmp, *endp;
	size_t	 start = p->pos, n;
	double	 d;

#define JSON_DIGIT(k) ((k) < p->len && p->s[k] >= '0' && p->s[k] <= '9')
	if (p->pos < p->len && p->s[p->pos] == '-')
		p->pos++;
	if (!JSON_DIGIT(p->pos))
		return json_expected(p, "a digit");
	if (p->s[p->pos] == '0') {
		p->pos++;
		if (JSON_DIGIT(p->pos))
			return json_fail(p, p->pos - 1, RT_EINVAL,
			    "a number must not start with 0");
	} else
		while (JSON_DIGIT(p->pos))
			p->pos++;
	if (p->pos < p->len && p->s[p->pos] == '.') {
		p->pos++;
		if (!JSON_DIGIT(p->pos))
			return json_expected(p, "a digit after '.'");
		while (JSON_DIGIT(p->pos))
			p->pos++;
	}
	if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
		p->pos++;
		if (p->pos < p->len &&
		    (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
			p->pos++;
		if (!JSON_DIGIT(p->pos))
			return json_expected(p, "a digit in the exponent");
		while (JSON_DIGIT(p->pos))
			p->pos++;
	}
#undef JSON_DIGIT

	n = p->pos - start;
	if (n >= sizeof(tmp) && (copy = malloc(n + 1)) == NULL)
		return json_fail(p, start, RT_ENOMEM, "out of memory");
	memcpy(copy, p->s + start, n);
	copy[n] = '\0';
	d = strtod(copy, &endp);
	assert(endp == copy + n);
	if (copy != tmp)
		free(copy);
	if (isinf(d))
		return json_fail(p, start, RT_EINVAL,
		    "number too large");
	v->type = JSON_NUMBER;
	v->number = d;
	return RT_OK;
}

/*
 * Reads true, false or null at p->pos into v.  A prefix of one of them
 * ("tru") or another word ("True", "nil") is refused as an unexpected
 * value; a word that merely starts with one ("trueish") is read as the
 * literal, and the character after it fails where the caller expects a
 * separator or the end.  Returns RT_OK or RT_EINVAL.
 */
static int
json_literal(struct json_parser *p, struct json *v)
{
	static const struct {
		const char	*word;
		enum json_type	 type;
		int		 boolean;
	} lits[] = {
		{ "true", JSON_BOOL, 1 },
		{ "false", JSON_BOOL, 0 },
		{ "null", JSON_NULL, 0 },
	};
	size_t	 i, n;

	for (i = 0; i < sizeof(lits) / sizeof(lits[0]); i++) {
		n = strlen(lits[i].word);
		if (p->len - p->pos >= n &&
		    memcmp(p->s + p->pos, lits[i].word, n) == 0) {
			v->type = lits[i].type;
			v->boolean = lits[i].boolean;
			p->pos += n;
			return RT_OK;
		}
	}
	return json_expected(p, "a value");
}

/* json_container() and json_value() call each other. */
static int json_value(struct json_parser *, struct json *);

/*
 * Appends the value *item (and, for an object, the key *key) to the
 * container v, growing its arrays by doubling from 4.  On success v owns
 * them (and *item is zeroed, *key NULL); on failure (RT_ENOMEM) v is
 * unchanged and the caller still owns both.
 */
static int
json_append(struct json *v, size_t *cap, struct json *item, char **key)
{
	struct json	*ni;
	char		**nk;
	size_t		 ncap;

	if (v->n == *cap) {
		ncap = *cap == 0 ? 4 : *cap;
		if (*cap != 0) {
			if (ncap > SIZE_MAX / 2 / sizeof(struct json))
				return RT_ENOMEM;
			ncap *= 2;
		}
		if ((ni = realloc(v->items, ncap * sizeof(*ni))) == NULL)
			return RT_ENOMEM;
		v->items = ni;
		if (key != NULL) {
			if ((nk = realloc(v->keys, ncap * sizeof(*nk))) == NULL)
				return RT_ENOMEM;
			v->keys = nk;
		}
		*cap = ncap;
	}
	v->items[v->n] = *item;
	memset(item, 0, sizeof(*item));
	if (key != NULL) {
		v->keys[v->n] = *key;
		*key = NULL;
	}
	v->n++;
	return RT_OK;
}

/*
 * Reads an array or an object (as object says) whose opening bracket is
 * at p->pos into v.  Opening it must not nest deeper than p->max_depth.
 * Elements are separated by exactly one ',' ("[1,]" and "[,1]" fail);
 * an object's members are a string key, ':' and a value; repeated keys are
 * kept, in order.  Returns RT_OK or an error of json_value(); on failure v
 * is zeroed and owns nothing.
 *
 * When json_append() had grown the items array but not the keys array,
 * v->keys is shorter than v->items: json_clear() frees keys[0..n) only,
 * and n is never past the shorter one.
 */
static int
json_container(struct json_parser *p, struct json *v, int object)
{
	struct json	 item;
	char		*key = NULL;
	size_t		 cap = 0, keylen, open = p->pos;
	int		 rc;

	if (p->depth >= p->max_depth)
		return json_fail(p, open, RT_EINVAL,
		    "nesting deeper than %zu levels", p->max_depth);
	p->depth++;
	memset(&item, 0, sizeof(item));
	v->type = object ? JSON_OBJECT : JSON_ARRAY;
	p->pos++;
	json_skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == (object ? '}' : ']')) {
		p->pos++;
		p->depth--;
		return RT_OK;
	}
	for (;;) {
		json_skip_ws(p);
		if (object) {
			if (p->pos >= p->len || p->s[p->pos] != '"') {
				rc = json_expected(p, "a key in double quotes");
				goto fail;
			}
			if ((rc = json_string(p, &key, &keylen)) != RT_OK)
				goto fail;
			json_skip_ws(p);
			if (p->pos >= p->len || p->s[p->pos] != ':') {
				rc = json_expected(p, "':'");
				goto fail;
			}
			p->pos++;
		}
		if ((rc = json_value(p, &item)) != RT_OK)
			goto fail;
		if ((rc = json_append(v, &cap, &item,
		    object ? &key : NULL)) != RT_OK) {
			rc = json_fail(p, p->pos, rc, "out of memory");
			goto fail;
		}
		json_skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == (object ? '}' : ']')) {
			p->pos++;
			break;
		}
		rc = json_expected(p, object ? "',' or '}'" : "',' or ']'");
		goto fail;
	}
	p->depth--;
	return RT_OK;
fail:
	free(key);
	json_clear(&item);
	json_clear(v);
	return rc;
}

/*
 * Reads one value, after optional white space, into v (zeroed by the
 * caller).  Returns RT_OK, RT_EINVAL, RT_EUTF8 or RT_ENOMEM; on failure v
 * owns nothing and p->err says what and where.
 */
static int
json_value(struct json_parser *p, struct json *v)
{
	json_skip_ws(p);
	if (p->pos >= p->len)
		return json_expected(p, "a value");
	switch (p->s[p->pos]) {
	case '{':
		return json_container(p, v, 1);
	case '[':
		return json_container(p, v, 0);
	case '"':
		v->type = JSON_STRING;
		return json_string(p, &v->string, &v->len);
	case '-':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		return json_number(p, v);
	default:
		return json_literal(p, v);
	}
}

/*
 * Parses s[0..len) as one JSON value with nothing but white space around
 * it.  s may hold NUL bytes (refused where they appear) and may be NULL
 * when len is 0 (which fails: a document needs a value).  err may be NULL
 * when errlen is 0; otherwise it always receives a message on failure,
 * also for RT_ENOMEM.  A byte order mark is refused, as RFC 8259 lets a
 * parser do.  On RT_OK *out is the root, freed with json_free(); on
 * failure *out is NULL and nothing is allocated.
 */
int
json_parse(const char *s, size_t len, size_t max_depth, struct json **out,
    char *err, size_t errlen)
{
	struct json_parser	 p;
	struct json		 root;
	int			 rc;

	assert(s != NULL || len == 0);
	assert(out != NULL);
	assert(err != NULL || errlen == 0);
	assert(max_depth <= JSON_MAX_DEPTH);

	*out = NULL;
	if (errlen > 0)
		err[0] = '\0';
	memset(&p, 0, sizeof(p));
	p.s = s != NULL ? s : "";
	p.len = len;
	p.max_depth = max_depth;
	p.err = err;
	p.errlen = errlen;
	memset(&root, 0, sizeof(root));

	if ((rc = json_value(&p, &root)) != RT_OK)
		return rc;
	json_skip_ws(&p);
	if (p.pos < p.len) {
		rc = json_fail(&p, p.pos, RT_EINVAL,
		    "unexpected characters after the value");
		goto fail;
	}
	if ((*out = malloc(sizeof(root))) == NULL) {
		rc = json_fail(&p, 0, RT_ENOMEM, "out of memory");
		goto fail;
	}
	**out = root;
	return RT_OK;
fail:
	json_clear(&root);
	return rc;
}

/* Frees the tree j of json_parse(); NULL is a no-op. */
void
json_free(struct json *j)
{
	if (j == NULL)
		return;
	json_clear(j);
	free(j);
}

/*
 * Returns the value of the first member of obj named key, or NULL when
 * there is none, when obj is NULL or not an object.  Keys are compared
 * byte for byte (no Unicode normalisation).
 */
const struct json *
json_get(const struct json *obj, const char *key)
{
	size_t	 i;

	assert(key != NULL);
	if (obj == NULL || obj->type != JSON_OBJECT)
		return NULL;
	for (i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return &obj->items[i];
	return NULL;
}

/*
 * Returns the string value of member key of obj, or NULL when it is
 * absent, not a string, or obj is not an object.
 */
const char *
json_get_string(const struct json *obj, const char *key)
{
	const struct json	*v = json_get(obj, key);

	return v != NULL && v->type == JSON_STRING ? v->string : NULL;
}

/*
 * Starts a document written to out (which the caller owns and frees;
 * what is there already stays in front).  A writer holds no allocation of
 * its own: there is nothing to free.
 */
void
jw_init(struct json_writer *w, struct buf *out)
{
	assert(w != NULL);
	assert(out != NULL);
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->status = RT_OK;
}

/*
 * Appends s[0..len) unless an error already happened; a failed append
 * becomes the writer's RT_ENOMEM.
 */
static void
jw_put(struct json_writer *w, const char *s, size_t len)
{
	if (w->status == RT_OK && buf_append(w->out, s, len) != RT_OK)
		w->status = RT_ENOMEM;
}

/*
 * Starts a new line indented for level (two spaces a level), after a ','
 * when comma is set.  level is at most JSON_MAX_DEPTH, so 64 spaces do.
 */
static void
jw_newline(struct json_writer *w, int level, int comma)
{
	static const char	 spaces[] = "                                "
	    "                                ";

	assert(level >= 0 && level <= JSON_MAX_DEPTH);
	assert(sizeof(spaces) - 1 >= 2 * JSON_MAX_DEPTH);
	jw_put(w, comma ? ",\n" : "\n", comma ? 2 : 1);
	jw_put(w, spaces, (size_t)level * 2);
}

/*
 * Appends s as a quoted JSON string: '"' and '\' are escaped, LF, TAB,
 * CR, BS and FF get their short escapes, the other bytes below 0x20 get
 * \u00XX (lower-case hex); everything else, DEL and non-ASCII included,
 * is copied, runs of plain bytes in one append.  The callers have
 * checked that s is valid UTF-8.
 */
static void
jw_quoted(struct json_writer *w, const char *s)
{
	static const char	 hex[] = "0123456789abcdef";
	size_t			 len, i, run = 0;
	char			 esc[6];
	unsigned char		 c;

	assert(s != NULL);
	len = strlen(s);
	jw_put(w, "\"", 1);
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		jw_put(w, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"':
			jw_put(w, "\\\"", 2);
			break;
		case '\\':
			jw_put(w, "\\\\", 2);
			break;
		case '\n':
			jw_put(w, "\\n", 2);
			break;
		case '\t':
			jw_put(w, "\\t", 2);
			break;
		case '\r':
			jw_put(w, "\\r", 2);
			break;
		case '\b':
			jw_put(w, "\\b", 2);
			break;
		case '\f':
			jw_put(w, "\\f", 2);
			break;
		default:
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 0xf];
			jw_put(w, esc, sizeof(esc));
			break;
		}
	}
	jw_put(w, s + run, len - run);
	jw_put(w, "\"", 1);
}

/*
 * Checks that a value may be written now and writes what goes before it:
 * nothing at the top (where only one value may be written) or after a key,
 * and a new line (after ',' but for the first element) in an array.  A
 * value in an object without a key first, or a second value at the top,
 * makes the status RT_EINVAL.  Returns non-zero when the value may be
 * written, zero after any error (earlier ones included).
 */
static int
jw_value_begin(struct json_writer *w)
{
	if (w->status != RT_OK)
		return 0;
	if (w->depth == 0) {
		if (w->count[0] > 0) {
			w->status = RT_EINVAL;
			return 0;
		}
		w->count[0]++;
		return 1;
	}
	if (w->in_object[w->depth]) {
		if (!w->after_key) {
			w->status = RT_EINVAL;
			return 0;
		}
		w->after_key = 0;
		return 1;
	}
	jw_newline(w, w->depth, w->count[w->depth] > 0);
	w->count[w->depth]++;
	return w->status == RT_OK;
}

/*
 * Opens an array or an object (as object says) as a value.  Opening more
 * than JSON_MAX_DEPTH levels makes the status RT_EINVAL.
 */
static void
jw_open(struct json_writer *w, int object)
{
	if (!jw_value_begin(w))
		return;
	if (w->depth >= JSON_MAX_DEPTH) {
		w->status = RT_EINVAL;
		return;
	}
	jw_put(w, object ? "{" : "[", 1);
	w->depth++;
	w->count[w->depth] = 0;
	w->in_object[w->depth] = object;
}

/*
 * Closes the innermost container, which must be of the kind object says
 * and must not be waiting for the value of a key (RT_EINVAL otherwise).
 * A container that holds something closes on its own line at its
 * parent's indentation; an empty one closes right after it opened.
 */
static void
jw_close(struct json_writer *w, int object)
{
	if (w->status != RT_OK)
		return;
	if (w->depth == 0 || w->in_object[w->depth] != object ||
	    w->after_key) {
		w->status = RT_EINVAL;
		return;
	}
	if (w->count[w->depth] > 0)
		jw_newline(w, w->depth - 1, 0);
	jw_put(w, object ? "}" : "]", 1);
	w->depth--;
}

/* Opens an object; see jw_open(). */
void
jw_object_begin(struct json_writer *w)
{
	assert(w != NULL);
	jw_open(w, 1);
}

/* Closes an object; see jw_close(). */
void
jw_object_end(struct json_writer *w)
{
	assert(w != NULL);
	jw_close(w, 1);
}

/* Opens an array; see jw_open(). */
void
jw_array_begin(struct json_writer *w)
{
	assert(w != NULL);
	jw_open(w, 0);
}

/* Closes an array; see jw_close(). */
void
jw_array_end(struct json_writer *w)
{
	assert(w != NULL);
	jw_close(w, 0);
}

/*
 * Writes the key of the next member of the innermost object, on its own
 * line, followed by ": ".  Outside an object, or right after another key,
 * the status becomes RT_EINVAL; so does a key that is not valid UTF-8.
 * Keys are written in the order given; repeating one is the caller's
 * choice.
 */
void
jw_key(struct json_writer *w, const char *key)
{
	assert(w != NULL);
	assert(key != NULL);
	if (w->status != RT_OK)
		return;
	if (w->depth == 0 || !w->in_object[w->depth] || w->after_key ||
	    !utf8_valid(key, strlen(key))) {
		w->status = RT_EINVAL;
		return;
	}
	jw_newline(w, w->depth, w->count[w->depth] > 0);
	jw_quoted(w, key);
	jw_put(w, ": ", 2);
	w->count[w->depth]++;
	w->after_key = 1;
}

/*
 * Writes the NUL-terminated UTF-8 string s (asserted non-NULL) as a
 * value; invalid UTF-8 makes the status RT_EINVAL.
 */
void
jw_string(struct json_writer *w, const char *s)
{
	assert(w != NULL);
	assert(s != NULL);
	if (w->status != RT_OK)
		return;
	if (!utf8_valid(s, strlen(s))) {
		w->status = RT_EINVAL;
		return;
	}
	if (jw_value_begin(w))
		jw_quoted(w, s);
}

/* Writes the integer v in decimal, LLONG_MIN included. */
void
jw_int(struct json_writer *w, long long v)
{
	char	 tmp[32];
	int	 n;

	assert(w != NULL);
	if (!jw_value_begin(w))
		return;
	n = snprintf(tmp, sizeof(tmp), "%lld", v);
	assert(n > 0 && (size_t)n < sizeof(tmp));
	jw_put(w, tmp, (size_t)n);
}

/* Writes true when v is non-zero, false otherwise. */
void
jw_bool(struct json_writer *w, int v)
{
	assert(w != NULL);
	if (jw_value_begin(w))
		jw_put(w, v ? "true" : "false", v ? 4 : 5);
}

/* Writes null. */
void
jw_null(struct json_writer *w)
{
	assert(w != NULL);
	if (jw_value_begin(w))
		jw_put(w, "null", 4);
}

/*
 * Ends the document with a newline.  Returns the first error of the
 * writer, or RT_EINVAL when no value was written, a container is still
 * open, or a key waits for its value; the newline is then not written.
 * On failure the buffer holds a partial document that the caller drops.
 */
int
jw_finish(struct json_writer *w)
{
	assert(w != NULL);
	if (w->status == RT_OK &&
	    (w->depth != 0 || w->after_key || w->count[0] == 0))
		w->status = RT_EINVAL;
	jw_put(w, "\n", 1);
	return w->status;
}
