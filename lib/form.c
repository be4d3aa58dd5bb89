/*
 * form.c: checks every declared field of a form (see form.h).
 *
 * form_validate() copies the value of each field into one arena, where it
 * is normalised in place (trimmed, CRLF turned into LF, domain lower-cased,
 * a decimal rewritten without its extra zeros, the values of a FIELD_MULTI
 * joined by ','): normalising never makes a value longer, so the arena is
 * sized once from the raw lengths.
 */
#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "i18n.h"
#include "http.h"
#include "status.h"

/*
 * The most distinct values a FIELD_MULTI keeps; more is FIELD_ERANGE and
 * the rest of the occurrences are not read, which bounds the work a
 * hostile form can cause (each value is compared with those kept).
 */
#define FORM_MULTI_MAX 64

/* The longest value of a FIELD_MULTI without choices, in bytes. */
#define FORM_MULTI_TOKEN_MAX 23

/*
 * Returns non-zero for the ASCII white space of the WHATWG specifications
 * (space, TAB, LF, FF, CR), the only characters trimming removes; a
 * non-breaking space or any other Unicode space is kept.
 */
static int
form_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/*
 * Removes ASCII white space at both ends of the NUL-terminated s, in place,
 * and returns the new length.  A string of spaces becomes "".
 */
static size_t
form_trim(char *s, size_t len)
{
	size_t	 start = 0;

	while (start < len && form_is_space(s[start]))
		start++;
	while (len > start && form_is_space(s[len - 1]))
		len--;
	len -= start;
	if (start > 0)
		memmove(s, s + start, len);
	s[len] = '\0';
	return len;
}

/*
 * Words of eight bytes: FORM_ONES has 1 in every byte, FORM_HIGH the top
 * bit of every byte.
 */
#define FORM_ONES 0x0101010101010101ULL
#define FORM_HIGH 0x8080808080808080ULL

/*
 * Returns non-zero when the valid UTF-8 string s[0..len) holds a control
 * character: C0 (below 0x20) or DEL, except TAB and LF when allow_tab_lf is
 * set, or a C1 control (U+0080 to U+009F, encoded C2 80 to C2 9F).
 */
static int
form_has_control(const char *s, size_t len, int allow_tab_lf)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint64_t		 w, x;
	size_t			 i;

	for (i = 0; i < len; i++) {
		/*
		 * Eight bytes at a time while they are all printable ASCII
		 * (0x20 to 0x7e: none below 0x20, none from 0x80, no DEL);
		 * without a byte below 0x20 nothing borrows across bytes.
		 */
		for (; i + 8 <= len; i += 8) {
			memcpy(&w, p + i, sizeof(w));
			x = w ^ (FORM_ONES * 0x7f);
			if (((((w - FORM_ONES * 0x20) | w) & FORM_HIGH) |
			    ((x - FORM_ONES) & ~x & FORM_HIGH)) != 0)
				break;
		}
		if (i >= len)
			break;
		if (p[i] == '\t' || p[i] == '\n') {
			if (!allow_tab_lf)
				return 1;
		} else if (p[i] < 0x20 || p[i] == 0x7f)
			return 1;
		else if (p[i] == 0xc2 && i + 1 < len && p[i + 1] <= 0x9f)
			return 1;
	}
	return 0;
}

/*
 * Turns every CRLF pair, and every lone CR, of s[0..len) into one LF, in
 * place (browsers send CRLF for the line breaks of a textarea).  Returns
 * the new length; s stays NUL-terminated.
 */
static size_t
form_newlines(char *s, size_t len)
{
	size_t	 i, j = 0;

	if (memchr(s, '\r', len) == NULL) {
		s[len] = '\0';
		return len;
	}
	for (i = 0; i < len; i++) {
		if (s[i] == '\r') {
			s[j++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else
			s[j++] = s[i];
	}
	s[j] = '\0';
	return j;
}

/*
 * Checks the length of a non-empty text in code points against the
 * declared bounds of d.  A min of 0 or less sets no lower bound and a max
 * of 0 or less no upper bound.  Returns FIELD_OK, FIELD_ETOOSHORT or
 * FIELD_ETOOLONG.
 */
static int
form_check_length(const struct field_def *d, const char *s, size_t len)
{
	size_t	 cp = utf8_length(s, len);

	if (d->min > 0 && (unsigned long long)cp < (unsigned long long)d->min)
		return FIELD_ETOOSHORT;
	if (d->max > 0 && (unsigned long long)cp > (unsigned long long)d->max)
		return FIELD_ETOOLONG;
	return FIELD_OK;
}

/*
 * Returns non-zero for a character of the local part of an e-mail address
 * other than '.': a letter, a digit or one of !#$%&'*+-/=?^_`{|}~ (RFC 5322
 * atext).  Quoted local parts and non-ASCII addresses are not accepted.
 */
static int
form_is_atext(char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

/*
 * Checks the e-mail address s[0..len) and lower-cases its domain in place.
 * It must be at most 254 bytes, hold exactly one '@', a local part of 1 to
 * 64 atext characters and dots (no dot first, last or twice in a row), and
 * a domain of at least two dot-separated labels of 1 to 63 letters, digits
 * and hyphens (no hyphen first or last in a label), the last label having
 * at least two characters and not being all digits ("a@1.2.3.4" fails).
 * Returns FIELD_OK or FIELD_EFORMAT; on failure s is unchanged.
 */
static int
form_check_email(char *s, size_t len)
{
	char	*at, *dom, *p, *label;
	size_t	 llen, dlen, lablen, i;
	int	 nlabels = 0, alldigits;

	if (len > 254 || (at = memchr(s, '@', len)) == NULL ||
	    memchr(at + 1, '@', len - (size_t)(at - s) - 1) != NULL)
		return FIELD_EFORMAT;
	llen = (size_t)(at - s);
	if (llen == 0 || llen > 64 || s[0] == '.' || s[llen - 1] == '.')
		return FIELD_EFORMAT;
	for (i = 0; i < llen; i++) {
		if (s[i] == '.') {
			if (s[i + 1] == '.')
				return FIELD_EFORMAT;
		} else if (!form_is_atext(s[i]))
			return FIELD_EFORMAT;
	}

	dom = at + 1;
	dlen = len - llen - 1;
	label = dom;
	for (p = dom; ; p++) {
		if (p == dom + dlen || *p == '.') {
			lablen = (size_t)(p - label);
			if (lablen == 0 || lablen > 63 || label[0] == '-' ||
			    label[lablen - 1] == '-')
				return FIELD_EFORMAT;
			nlabels++;
			if (p == dom + dlen)
				break;
			label = p + 1;
			continue;
		}
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-'))
			return FIELD_EFORMAT;
	}
	if (nlabels < 2 || dom + dlen - label < 2)
		return FIELD_EFORMAT;
	alldigits = 1;
	for (p = label; p < dom + dlen; p++)
		if (*p < '0' || *p > '9')
			alldigits = 0;
	if (alldigits)
		return FIELD_EFORMAT;

	for (p = dom; p < dom + dlen; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return FIELD_OK;
}

/*
 * Parses the decimal integer s[0..len): an optional '-' and one or more
 * ASCII digits, nothing else ("+1", "1.0", "1e3", "0x10", "1 2" and "-"
 * are FIELD_EFORMAT; leading zeros are fine).  A well-formed number outside
 * [d->min, d->max], including one too large for a long long, is
 * FIELD_ERANGE.  On FIELD_OK the value is in *num.
 */
static int
form_check_int(const struct field_def *d, const char *s, size_t len,
    long long *num)
{
	size_t		 i = 0;
	int		 neg = 0, overflow = 0;
	unsigned long long v = 0, lim;

	if (len > 0 && s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == len)
		return FIELD_EFORMAT;
	lim = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return FIELD_EFORMAT;
		if (overflow)
			continue;
		if (v > (lim - (unsigned long long)(s[i] - '0')) / 10)
			overflow = 1;
		else
			v = v * 10 + (unsigned long long)(s[i] - '0');
	}
	if (overflow)
		return FIELD_ERANGE;
	if (neg)
		*num = v == (unsigned long long)LLONG_MAX + 1 ?
		    LLONG_MIN : -(long long)v;
	else
		*num = (long long)v;
	if (*num < d->min || *num > d->max)
		return FIELD_ERANGE;
	return FIELD_OK;
}

/*
 * Parses the decimal number text[0..*len): an optional '-', one or more
 * ASCII digits, then optionally a '.' or a ',' (as French writes it)
 * followed by one or two digits.  "2", "2.5", "2,5", "0.25", "007" pass;
 * "2.555", "2.", ".5", ",5", "+2", "1e3", "1 000", "2 ,5", "-" are
 * FIELD_EFORMAT (three decimals are refused even when the last is 0).  A
 * well-formed number outside [d->min, d->max] whole units, or whose
 * hundredths do not fit a long long, is FIELD_ERANGE.  A well-formed
 * number is rewritten in place in its normal form, never longer: no
 * leading zeros, '.' as the separator, no trailing zeros in the decimals
 * and no separator when they are all zeros ("02,50" gives "2.5", "3.0"
 * gives "3", "-0" gives "0"), and *len updated; on FIELD_OK its value in
 * hundredths is in *num.  A malformed one is left as it is.
 */
static int
form_check_decimal(const struct field_def *d, char *text, size_t *len,
    long long *num)
{
	const long long	 lim = (LLONG_MAX - 99) / 100;
	long long	 units = 0, hund, lo, hi;
	size_t		 i = 0, n = *len, start, nfrac = 0;
	int		 neg = 0, frac = 0, overflow = 0, w;
	char		 out[32];

	if (n > 0 && text[0] == '-') {
		neg = 1;
		i = 1;
	}
	start = i;
	for (; i < n && text[i] >= '0' && text[i] <= '9'; i++) {
		if (overflow || units > (lim - (text[i] - '0')) / 10)
			overflow = 1;
		else
			units = units * 10 + (text[i] - '0');
	}
	if (i == start)
		return FIELD_EFORMAT;
	if (i < n && (text[i] == '.' || text[i] == ',')) {
		for (i++; i < n && text[i] >= '0' && text[i] <= '9'; i++) {
			if (++nfrac > 2)
				return FIELD_EFORMAT;
			frac = frac * 10 + (text[i] - '0');
		}
		if (nfrac == 0)
			return FIELD_EFORMAT;
		if (nfrac == 1)
			frac *= 10;
	}
	if (i != n)
		return FIELD_EFORMAT;
	if (overflow)
		return FIELD_ERANGE;

	hund = units * 100 + frac;
	if (neg)
		hund = -hund;
	if (hund == 0)
		neg = 0;
	w = frac == 0 ?
	    snprintf(out, sizeof(out), "%s%lld", neg ? "-" : "", units) :
	    frac % 10 == 0 ?
	    snprintf(out, sizeof(out), "%s%lld.%d", neg ? "-" : "", units,
	    frac / 10) :
	    snprintf(out, sizeof(out), "%s%lld.%02d", neg ? "-" : "", units,
	    frac);
	assert(w > 0 && (size_t)w <= n && (size_t)w < sizeof(out));
	memcpy(text, out, (size_t)w + 1);
	*len = (size_t)w;

	lo = d->min < LLONG_MIN / 100 ? LLONG_MIN :
	    d->min > LLONG_MAX / 100 ? LLONG_MAX : d->min * 100;
	hi = d->max > LLONG_MAX / 100 ? LLONG_MAX :
	    d->max < LLONG_MIN / 100 ? LLONG_MIN : d->max * 100;
	if (hund < lo || hund > hi)
		return FIELD_ERANGE;
	*num = hund;
	return FIELD_OK;
}

/*
 * Checks that s[0..len) is a date written YYYY-MM-DD (exactly ten
 * characters, ASCII digits) that exists in the Gregorian calendar, with a
 * year from 1900 to 2200: "2024-02-29" passes, "2023-02-29", "1900-02-29",
 * "2024-13-01", "2024-1-01" and "1899-12-31" do not.  Returns FIELD_OK or
 * FIELD_EFORMAT.
 */
static int
form_check_date(const char *s, size_t len)
{
	static const int mdays[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 y, m, dd, i, leap;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return FIELD_EFORMAT;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return FIELD_EFORMAT;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	dd = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || dd < 1)
		return FIELD_EFORMAT;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (dd > mdays[m - 1] + (m == 2 && leap))
		return FIELD_EFORMAT;
	return FIELD_OK;
}

/*
 * Returns non-zero when s[0..len) is made only of [A-Za-z0-9_-]; the empty
 * string passes (emptiness is checked before).
 */
static int
form_is_token(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/*
 * Normalises and checks one field whose raw text (or "" when the field was
 * not sent) is already copied to the NUL-terminated text[0..len), then
 * fills v.  sent is non-zero when the field was in the input at all (which
 * is all a BOOL looks at).  Text that is not valid UTF-8 (possible only
 * when the kvlist was not filled by http.c) is FIELD_EFORMAT and is emptied
 * so that it cannot reach a page.  A field empty after normalisation is
 * not present, and FIELD_EMISSING when required; an optional empty field is
 * fine and skips every other check.  An invalid field keeps its normalised
 * text for the form to be shown again.  CHOICE sets num to -1 unless a
 * choice matched; INT and DECIMAL set num to 0 unless valid.  A
 * FIELD_MULTI is checked by form_check_multi() instead (asserted).
 */
static void
form_check_one(const struct field_def *d, char *text, size_t len, int sent,
    struct field_value *v)
{
	size_t	 i;

	assert(d->kind != FIELD_MULTI);
	v->num = d->kind == FIELD_CHOICE ? -1 : 0;
	v->error = FIELD_OK;
	if (!utf8_valid(text, len)) {
		text[0] = '\0';
		v->text = text;
		v->len = 0;
		v->present = sent;
		v->error = FIELD_EFORMAT;
		return;
	}

	switch (d->kind) {
	case FIELD_LINE:
	case FIELD_EMAIL:
	case FIELD_INT:
	case FIELD_DECIMAL:
	case FIELD_DATE:
		len = form_trim(text, len);
		break;
	case FIELD_TEXT:
		len = form_newlines(text, form_trim(text, len));
		break;
	default:
		break;
	}
	v->text = text;
	v->len = len;

	if (d->kind == FIELD_BOOL) {
		v->present = sent;
		v->num = sent ? 1 : 0;
		if (!sent && d->required)
			v->error = FIELD_EMISSING;
		return;
	}
	v->present = len > 0;
	if (len == 0) {
		if (d->required)
			v->error = FIELD_EMISSING;
		return;
	}

	switch (d->kind) {
	case FIELD_LINE:
	case FIELD_TEXT:
		if (form_has_control(text, len, d->kind == FIELD_TEXT))
			v->error = FIELD_EFORMAT;
		else
			v->error = form_check_length(d, text, len);
		break;
	case FIELD_PASSWORD:
		v->error = form_check_length(d, text, len);
		break;
	case FIELD_EMAIL:
		v->error = form_check_email(text, len);
		break;
	case FIELD_INT:
		v->error = form_check_int(d, text, len, &v->num);
		if (v->error != FIELD_OK)
			v->num = 0;
		break;
	case FIELD_DECIMAL:
		v->error = form_check_decimal(d, text, &len, &v->num);
		v->len = len;
		if (v->error != FIELD_OK)
			v->num = 0;
		break;
	case FIELD_DATE:
		v->error = form_check_date(text, len);
		break;
	case FIELD_CHOICE:
		assert(d->choices != NULL);
		v->error = FIELD_ECHOICE;
		for (i = 0; d->choices[i] != NULL; i++)
			if (strcmp(d->choices[i], text) == 0) {
				v->num = (long long)i;
				v->error = FIELD_OK;
				break;
			}
		break;
	case FIELD_TOKEN:
		if (!form_is_token(text, len))
			v->error = FIELD_EFORMAT;
		else
			v->error = form_check_length(d, text, len);
		break;
	default:
		/*
		 * FIELD_BOOL was handled above and FIELD_MULTI never comes
		 * here (form_check_multi()); no other kind exists.
		 */
		assert(0);
		v->error = FIELD_EFORMAT;
		break;
	}
}

/*
 * See form.h: form_check_one() of a field sent once with this value.
 */
void
form_check_value(const struct field_def *d, char *text, size_t len,
    struct field_value *v)
{
	assert(d != NULL && text != NULL && v != NULL);
	assert(d->kind != FIELD_MULTI);
	assert(text[len] == '\0');
	form_check_one(d, text, len, 1, v);
}

/*
 * Returns the value of the nth (0-based) pair of in whose key is prefix
 * (of plen bytes) followed by name, or NULL when there are not that many;
 * in NULL is an empty list.  The prefix is compared byte for byte, so
 * "persona-1-" does not match "persona-10-name".
 */
static const char *
form_lookup(const struct kvlist *in, const char *prefix, size_t plen,
    const char *name, size_t nth)
{
	size_t	 i;

	if (in == NULL)
		return NULL;
	for (i = 0; i < in->n; i++)
		if (strncmp(in->v[i].key, prefix, plen) == 0 &&
		    strcmp(in->v[i].key + plen, name) == 0 && nth-- == 0)
			return in->v[i].val;
	return NULL;
}

/*
 * Returns the arena bytes that the field d needs: for a FIELD_MULTI the
 * length of every occurrence of its name plus one (for the ',' or the
 * NUL), at least 1; for any other kind the length of the nth occurrence
 * plus one.  Returns SIZE_MAX when the sum would overflow.
 */
static size_t
form_need(const struct field_def *d, const struct kvlist *in,
    const char *prefix, size_t plen, size_t nth)
{
	const char	*raw;
	size_t		 i, rlen, total = 0;

	if (d->kind != FIELD_MULTI) {
		raw = form_lookup(in, prefix, plen, d->name, nth);
		rlen = raw != NULL ? strlen(raw) : 0;
		return rlen >= SIZE_MAX - 1 ? SIZE_MAX : rlen + 1;
	}
	for (i = 0; in != NULL && i < in->n; i++) {
		if (strncmp(in->v[i].key, prefix, plen) != 0 ||
		    strcmp(in->v[i].key + plen, d->name) != 0)
			continue;
		rlen = strlen(in->v[i].val);
		if (rlen >= SIZE_MAX - 1 - total)
			return SIZE_MAX;
		total += rlen + 1;
	}
	return total > 0 ? total : 1;
}

/*
 * Returns non-zero when the FIELD_MULTI value s[0..len) is acceptable for
 * d: one of d->choices, or with choices NULL a token of 1 to
 * FORM_MULTI_TOKEN_MAX bytes of [A-Za-z0-9_-].
 */
static int
form_multi_ok(const struct field_def *d, const char *s, size_t len)
{
	size_t	 i;

	if (d->choices == NULL)
		return len > 0 && len <= FORM_MULTI_TOKEN_MAX &&
		    form_is_token(s, len);
	for (i = 0; d->choices[i] != NULL; i++)
		if (strcmp(d->choices[i], s) == 0)
			return 1;
	return 0;
}

/*
 * Checks the FIELD_MULTI d from every pair of in named prefix + d->name,
 * joining the distinct values, in the order sent, by ',' into dst (which
 * has the room form_need() gave), and fills v.  Values are taken exactly
 * as sent (no trimming: a checkbox sends its value attribute); empty ones
 * are skipped, so that a form may send "name=" to say the field was shown.
 * A value that is not valid UTF-8 is left out of the text and makes the
 * field FIELD_EFORMAT; a value that is not acceptable (form_multi_ok())
 * is kept in the text and makes it FIELD_ECHOICE (with choices) or
 * FIELD_EFORMAT (without); the first such error wins.  More than
 * FORM_MULTI_MAX distinct values, or more than d->max when it is positive,
 * is FIELD_ERANGE; no value at all when required is FIELD_EMISSING.  num
 * is the number of distinct values kept, present is num > 0.
 */
static void
form_check_multi(const struct field_def *d, const struct kvlist *in,
    const char *prefix, size_t plen, char *dst, struct field_value *v)
{
	size_t		 offs[FORM_MULTI_MAX], lens[FORM_MULTI_MAX];
	size_t		 i, k, count = 0, pos = 0, vlen;
	const char	*val;
	int		 error = FIELD_OK, dup;

	for (i = 0; in != NULL && i < in->n; i++) {
		if (strncmp(in->v[i].key, prefix, plen) != 0 ||
		    strcmp(in->v[i].key + plen, d->name) != 0)
			continue;
		val = in->v[i].val;
		if ((vlen = strlen(val)) == 0)
			continue;
		if (!utf8_valid(val, vlen)) {
			if (error == FIELD_OK)
				error = FIELD_EFORMAT;
			continue;
		}
		for (dup = 0, k = 0; k < count && !dup; k++)
			dup = lens[k] == vlen &&
			    memcmp(dst + offs[k], val, vlen) == 0;
		if (dup)
			continue;
		if (count == FORM_MULTI_MAX) {
			if (error == FIELD_OK)
				error = FIELD_ERANGE;
			break;
		}
		if (count > 0)
			dst[pos++] = ',';
		memcpy(dst + pos, val, vlen);
		offs[count] = pos;
		lens[count] = vlen;
		count++;
		pos += vlen;
		if (error == FIELD_OK && !form_multi_ok(d, val, vlen))
			error = d->choices != NULL ? FIELD_ECHOICE :
			    FIELD_EFORMAT;
	}
	dst[pos] = '\0';
	if (error == FIELD_OK) {
		if (count == 0 && d->required)
			error = FIELD_EMISSING;
		else if (d->max > 0 && (unsigned long long)count >
		    (unsigned long long)d->max)
			error = FIELD_ERANGE;
	}
	v->text = dst;
	v->len = pos;
	v->num = (long long)count;
	v->present = count > 0;
	v->error = error;
}

/*
 * The work of form_validate() and form_validate_prefix(): fills f with
 * the checked value of each of defs[0..n), read under the name prefix +
 * def->name (prefix "" for none), from the nth occurrence of that name,
 * or from all of them for a FIELD_MULTI.  in NULL is an empty input.  f
 * must be zeroed or freed (asserted: no values yet).  n may be 0, which
 * allocates nothing.  Returns RT_OK once every field is checked
 * (f->nerrors counts the fields in error) or RT_ENOMEM, after which f
 * holds no usable value; the caller calls form_free() in both cases.
 */
static int
form_run(struct form *f, const struct field_def *defs, size_t n,
    const struct kvlist *in, const char *prefix, size_t nth)
{
	const char	*raw;
	size_t		 i, total = 0, need, rlen, off = 0, plen;

	assert(f != NULL);
	assert(f->values == NULL && f->arena == NULL);
	assert(defs != NULL || n == 0);
	assert(prefix != NULL);

	f->defs = defs;
	f->n = n;
	f->nerrors = 0;
	if (n == 0)
		return RT_OK;

	plen = strlen(prefix);
	for (i = 0; i < n; i++) {
		assert(defs[i].name != NULL);
		need = form_need(&defs[i], in, prefix, plen, nth);
		if (need == SIZE_MAX || need > SIZE_MAX - total)
			return RT_ENOMEM;
		total += need;
	}
	if ((f->values = calloc(n, sizeof(struct field_value))) == NULL)
		return RT_ENOMEM;
	if ((f->arena = malloc(total)) == NULL)
		return RT_ENOMEM;

	for (i = 0; i < n; i++) {
		need = form_need(&defs[i], in, prefix, plen, nth);
		assert(off + need <= total);
		if (defs[i].kind == FIELD_MULTI)
			form_check_multi(&defs[i], in, prefix, plen,
			    f->arena + off, &f->values[i]);
		else {
			raw = form_lookup(in, prefix, plen, defs[i].name, nth);
			rlen = raw != NULL ? strlen(raw) : 0;
			if (rlen > 0)
				memcpy(f->arena + off, raw, rlen);
			f->arena[off + rlen] = '\0';
			form_check_one(&defs[i], f->arena + off, rlen,
			    raw != NULL, &f->values[i]);
		}
		if (f->values[i].error != FIELD_OK)
			f->nerrors++;
		off += need;
	}
	return RT_OK;
}

/*
 * Fills f with the checked value of each of defs[0..n), taken from the
 * nth occurrence of its name in in (NULL is an empty input); a FIELD_MULTI
 * reads every occurrence of its name, whatever nth.  See form_run() for
 * the rest: f must be zeroed or freed, and the caller calls form_free()
 * after RT_OK and after RT_ENOMEM.
 */
int
form_validate(struct form *f, const struct field_def *defs, size_t n,
    const struct kvlist *in, size_t nth)
{
	return form_run(f, defs, n, in, "", nth);
}

/*
 * Like form_validate() with nth 0, but each field is read under the name
 * prefix + def->name ("persona-2-" + "name"); prefix "" is form_validate()
 * itself.  The values keep the declared names for form_get().
 */
int
form_validate_prefix(struct form *f, const struct field_def *defs,
    size_t n, const struct kvlist *in, const char *prefix)
{
	assert(prefix != NULL);
	return form_run(f, defs, n, in, prefix, 0);
}

/*
 * Frees the values and the arena and zeroes f, which may be used again.
 * A zeroed form, or one that form_validate() left after RT_ENOMEM, is
 * fine.
 */
void
form_free(struct form *f)
{
	assert(f != NULL);
	free(f->values);
	free(f->arena);
	memset(f, 0, sizeof(*f));
}

/*
 * Returns the value of the field declared under name.  Asking for a name
 * that is not declared is a programming error (asserted), and so is asking
 * a form that form_validate() did not fill; without assertions NULL is
 * returned then.
 */
const struct field_value *
form_get(const struct form *f, const char *name)
{
	size_t	 i;

	assert(f != NULL);
	assert(name != NULL);
	assert(f->values != NULL);
	if (f->values == NULL)
		return NULL;
	for (i = 0; i < f->n; i++)
		if (strcmp(f->defs[i].name, name) == 0)
			return &f->values[i];
	assert(!"form_get: field not declared");
	return NULL;
}

/*
 * Returns the English message of a field error, a static string.
 * FIELD_OK gives "", which is not to be translated (an empty message id is
 * the header of a gettext catalogue); a code outside enum field_error gives
 * the message of FIELD_EFORMAT.
 */
const char *
form_error_msgid(int error)
{
	switch (error) {
	case FIELD_OK:
		return "";
	case FIELD_EMISSING:
		return N_("Please fill in this field.");
	case FIELD_ETOOSHORT:
		return N_("Please use at least %s characters.");
	case FIELD_ETOOLONG:
		return N_("Please use at most %s characters.");
	case FIELD_ERANGE:
		return N_("Please enter a number between %s and %s.");
	case FIELD_ECHOICE:
		return N_("Please choose one of the options.");
	case FIELD_EFORMAT:
	default:
		return N_("This does not look right.");
	}
}

/*
 * Returns the English message of error for the field declared by d: the
 * message of form_error_msgid(), except for a FIELD_EFORMAT of an EMAIL,
 * DATE or INT field, and a FIELD_EMISSING of a CHOICE or BOOL field, which
 * say what is expected.  The format arguments are those of
 * form_error_msgid().  d may be NULL, which gives form_error_msgid(error).
 */
const char *
form_error_msgid_for(const struct field_def *d, int error)
{
	if (d != NULL && error == FIELD_EFORMAT)
		switch (d->kind) {
		case FIELD_EMAIL:
			return N_("Please enter an e-mail address such as "
			    "name@example.org.");
		case FIELD_DATE:
			return N_("Please enter a date as YYYY-MM-DD.");
		case FIELD_INT:
			return N_("Please enter a whole number.");
		default:
			break;
		}
	if (d != NULL && error == FIELD_EMISSING)
		switch (d->kind) {
		case FIELD_CHOICE:
			return N_("Please choose one of the options.");
		case FIELD_BOOL:
			return N_("Please tick this box to continue.");
		default:
			break;
		}
	return form_error_msgid(error);
}
