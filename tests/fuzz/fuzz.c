/*
 * fuzz.c: the helpers every harness links with (see fuzz.h).
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "fuzz.h"
#include "status.h"
#include "workbook.h"

/*
 * Prints where a property failed and what it was, then aborts: libFuzzer
 * keeps the input as a crash, replay.c counts the file as failed.
 */
void
fuzz_fail(const char *file, int line, const char *expr, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "fuzz: property failed at %s:%d: %s: ", file, line,
	    expr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	abort();
}

/* The next byte of the input, or 0 when it is used up. */
uint8_t
fuzz_u8(struct fuzz_in *in)
{
	uint8_t	 b;

	if (in->n == 0)
		return 0;
	b = in->p[0];
	in->p++;
	in->n--;
	return b;
}

/*
 * A malloc'd copy of s[0..len) with a NUL after it.  Out of memory is not
 * something a harness can report as a property of lib/, so it aborts.
 */
char *
fuzz_dup(const void *s, size_t len)
{
	char	*c;

	if ((c = malloc(len + 1)) == NULL) {
		fputs("fuzz: out of memory\n", stderr);
		abort();
	}
	if (len > 0)
		memcpy(c, s, len);
	c[len] = '\0';
	return c;
}

/*
 * Takes the bytes up to the next sep (consumed, not copied) or the end of
 * the input, as a copy of exactly their length plus a NUL.
 */
char *
fuzz_take(struct fuzz_in *in, uint8_t sep, size_t *len)
{
	const uint8_t	*end;
	size_t		 n;
	char		*s;

	end = in->n > 0 ? memchr(in->p, sep, in->n) : NULL;
	n = end != NULL ? (size_t)(end - in->p) : in->n;
	s = fuzz_dup(in->p, n);
	in->p += n;
	in->n -= n;
	if (end != NULL) {
		in->p++;
		in->n--;
	}
	*len = n;
	return s;
}

/* The rest of the input, copied as fuzz_take() does. */
char *
fuzz_rest(struct fuzz_in *in, size_t *len)
{
	char	*s = fuzz_dup(in->p, in->n);

	*len = in->n;
	in->p += in->n;
	in->n = 0;
	return s;
}

/*
 * Decodes s[0..len) code point by code point, the long way: the lead byte
 * gives the length and the first bits, each continuation byte must be
 * 10xxxxxx, and the code point must need that many bytes (no overlong
 * form), must not be a surrogate and must not pass U+10FFFF.
 */
int
fuzz_utf8_ok(const char *s, size_t len, size_t *ncp)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, k, n, count = 0;
	unsigned long		 cp;

	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			count++;
			continue;
		}
		if ((u[i] & 0xe0) == 0xc0) {
			n = 2;
			cp = u[i] & 0x1f;
		} else if ((u[i] & 0xf0) == 0xe0) {
			n = 3;
			cp = u[i] & 0x0f;
		} else if ((u[i] & 0xf8) == 0xf0) {
			n = 4;
			cp = u[i] & 0x07;
		} else
			return 0;
		if (len - i < n)
			return 0;
		for (k = 1; k < n; k++) {
			if ((u[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (u[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
		    (n == 4 && cp < 0x10000))
			return 0;
		if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return 0;
		i += n;
		count++;
	}
	if (ncp != NULL)
		*ncp = count;
	return 1;
}

/* How many bytes of s[0..len) are c. */
size_t
fuzz_count(const char *s, size_t len, char c)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (s[i] == c)
			n++;
	return n;
}

/* Non-zero for the ASCII white space that form.c trims. */
static int
fuzz_is_trimmed_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* Non-zero for [A-Za-z0-9_-]. */
static int
fuzz_is_token_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Checks the code point count ncp against the declared bounds of d. */
static void
fuzz_check_length(const struct field_def *d, size_t ncp, const char *where)
{
	FUZZ_CHECK(d->min <= 0 || (unsigned long long)ncp >=
	    (unsigned long long)d->min, "%s: %zu characters, min %lld",
	    where, ncp, d->min);
	FUZZ_CHECK(d->max <= 0 || (unsigned long long)ncp <=
	    (unsigned long long)d->max, "%s: %zu characters, max %lld",
	    where, ncp, d->max);
}

/*
 * Reads the normalised decimal text (as form.c writes it) into hundredths,
 * checking its shape: no '+', no leading zero but a lone "0", '.' and one
 * or two decimals of which the last is not 0, no "-0".  Returns 0 when the
 * shape or the size is wrong.
 */
static int
fuzz_decimal(const char *t, long long *hund)
{
	const char	*p = t;
	long long	 units = 0;
	int		 neg = 0, frac = 0, nfrac = 0;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (*p < '0' || *p > '9' || (p[0] == '0' && p[1] >= '0' &&
	    p[1] <= '9'))
		return 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (units > ((LLONG_MAX - 99) / 100 - (*p - '0')) / 10)
			return 0;
		units = units * 10 + (*p - '0');
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			if (++nfrac > 2)
				return 0;
			frac = frac * 10 + (*p - '0');
		}
		if (nfrac == 0 || p[-1] == '0')
			return 0;
		if (nfrac == 1)
			frac *= 10;
	}
	if (*p != '\0')
		return 0;
	*hund = units * 100 + frac;
	if (neg) {
		if (*hund == 0)
			return 0;
		*hund = -*hund;
	}
	return 1;
}

/* Non-zero when s (exactly ten bytes) is a real YYYY-MM-DD date, 1900-2200. */
static int
fuzz_date(const char *s)
{
	static const int mdays[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 y, m, d, i, leap;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= mdays[m - 1] + (m == 2 && leap);
}

/*
 * Checks one piece of a FIELD_MULTI value: one of d->choices, or without
 * choices a token of 1 to 23 bytes.
 */
static void
fuzz_check_multi_piece(const struct field_def *d, const char *s, size_t len,
    const char *where)
{
	size_t	 i;
	int	 found = 0;

	FUZZ_CHECK(len > 0, "%s: an empty piece in a FIELD_MULTI", where);
	if (d->choices == NULL) {
		FUZZ_CHECK(len <= 23, "%s: a key of %zu bytes", where, len);
		for (i = 0; i < len; i++)
			FUZZ_CHECK(fuzz_is_token_char(s[i]),
			    "%s: byte 0x%02x in a key", where,
			    (unsigned char)s[i]);
		return;
	}
	for (i = 0; d->choices[i] != NULL && !found; i++)
		found = strlen(d->choices[i]) == len &&
		    memcmp(d->choices[i], s, len) == 0;
	FUZZ_CHECK(found, "%s: \"%.*s\" is no choice", where, (int)len, s);
}

/* See fuzz.h: the checks of each kind follow form.h's declarations. */
void
fuzz_check_valid_text(const struct field_def *d, const char *text,
    const char *where)
{
	const unsigned char	*u = (const unsigned char *)text;
	const char		*at, *seg, *end, *q;
	size_t			 len, ncp, i, pieces, k;
	long long		 v, hund;
	char			*endp;
	int			 found;

	len = strlen(text);
	FUZZ_CHECK(fuzz_utf8_ok(text, len, &ncp), "%s: not valid UTF-8",
	    where);
	if (len == 0)
		return;
	switch (d->kind) {
	case FIELD_LINE:
	case FIELD_TEXT:
		FUZZ_CHECK(!fuzz_is_trimmed_space(text[0]) &&
		    !fuzz_is_trimmed_space(text[len - 1]),
		    "%s: white space at an end", where);
		for (i = 0; i < len; i++) {
			if (d->kind == FIELD_TEXT &&
			    (u[i] == '\n' || u[i] == '\t'))
				continue;
			FUZZ_CHECK(u[i] >= 0x20 && u[i] != 0x7f,
			    "%s: control byte 0x%02x", where, u[i]);
			FUZZ_CHECK(!(u[i] == 0xc2 && i + 1 < len &&
			    u[i + 1] <= 0x9f), "%s: a C1 control", where);
		}
		fuzz_check_length(d, ncp, where);
		break;
	case FIELD_PASSWORD:
		fuzz_check_length(d, ncp, where);
		break;
	case FIELD_TOKEN:
		for (i = 0; i < len; i++)
			FUZZ_CHECK(fuzz_is_token_char(text[i]),
			    "%s: byte 0x%02x in a token", where, u[i]);
		fuzz_check_length(d, ncp, where);
		break;
	case FIELD_EMAIL:
		FUZZ_CHECK(len <= 254, "%s: an e-mail of %zu bytes", where,
		    len);
		at = strchr(text, '@');
		FUZZ_CHECK(at != NULL && strchr(at + 1, '@') == NULL &&
		    at > text && at - text <= 64 && strchr(at, '.') != NULL,
		    "%s: \"%s\" is no e-mail address", where, text);
		for (q = at + 1; *q != '\0'; q++)
			FUZZ_CHECK(!(*q >= 'A' && *q <= 'Z'),
			    "%s: upper case in the domain", where);
		break;
	case FIELD_INT:
		FUZZ_CHECK(text[0] == '-' || (text[0] >= '0' &&
		    text[0] <= '9'), "%s: \"%s\" is no integer", where, text);
		v = strtoll(text, &endp, 10);
		FUZZ_CHECK(*endp == '\0' && v >= d->min && v <= d->max,
		    "%s: \"%s\" is not an integer in [%lld, %lld]", where,
		    text, d->min, d->max);
		break;
	case FIELD_DECIMAL:
		FUZZ_CHECK(fuzz_decimal(text, &hund),
		    "%s: \"%s\" is not a normalised decimal", where, text);
		FUZZ_CHECK((d->min < LLONG_MIN / 100 ||
		    (d->min <= LLONG_MAX / 100 && hund >= d->min * 100)) &&
		    (d->max > LLONG_MAX / 100 ||
		    (d->max >= LLONG_MIN / 100 && hund <= d->max * 100)),
		    "%s: %s is outside [%lld, %lld]", where, text, d->min,
		    d->max);
		break;
	case FIELD_DATE:
		FUZZ_CHECK(fuzz_date(text), "%s: \"%s\" is no date", where,
		    text);
		break;
	case FIELD_CHOICE:
		for (found = 0, i = 0; d->choices[i] != NULL && !found; i++)
			found = strcmp(d->choices[i], text) == 0;
		FUZZ_CHECK(found, "%s: \"%s\" is no choice", where, text);
		break;
	case FIELD_MULTI:
		pieces = 0;
		for (seg = text; ; seg = end + 1) {
			if ((end = strchr(seg, ',')) == NULL)
				end = text + len;
			fuzz_check_multi_piece(d, seg, (size_t)(end - seg),
			    where);
			/* No piece repeats an earlier one. */
			for (q = text, k = 0; k < pieces; k++) {
				const char *qe = strchr(q, ',');

				FUZZ_CHECK(!((size_t)(qe - q) ==
				    (size_t)(end - seg) &&
				    memcmp(q, seg, (size_t)(end - seg)) == 0),
				    "%s: \"%.*s\" repeated", where,
				    (int)(end - seg), seg);
				q = qe + 1;
			}
			pieces++;
			if (*end == '\0')
				break;
		}
		FUZZ_CHECK(pieces <= 64 && (d->max <= 0 ||
		    (unsigned long long)pieces <= (unsigned long long)d->max),
		    "%s: %zu values, max %lld", where, pieces, d->max);
		break;
	case FIELD_BOOL:
	default:
		break;
	}
}

/*
 * Builds the plan of fuzz_plan() into p: every section initialised, two
 * items appended to each list that people fill (wb_list_append() refuses
 * the others and stops at a list's maximum), then the lists made from
 * another section brought in step.
 */
static void
fuzz_plan_build(struct wb_plan *p)
{
	struct wb_item	*it;
	size_t		 l, k;
	int		 s, rc;

	for (s = 0; s < WB__MAX; s++)
		FUZZ_CHECK(wb_data_init(&p->s[s], s) == RT_OK, "memory");
	for (s = 0; s < WB__MAX; s++)
		for (l = 0; l < wb_sections[s].nlists; l++)
			for (k = 0; k < 2; k++) {
				rc = wb_list_append(&p->s[s], l, &it);
				FUZZ_CHECK(rc == RT_OK || rc == RT_ETOOBIG,
				    "wb_list_append: %d", rc);
			}
	for (s = 0; s < WB__MAX; s++)
		FUZZ_CHECK(wb_data_sync_items(&p->s[s], p) == RT_OK, "memory");
}

/* Builds the plan on the first call; see fuzz.h. */
const struct wb_plan *
fuzz_plan(void)
{
	static struct wb_plan	 plan;
	static int		 made;

	if (!made) {
		fuzz_plan_build(&plan);
		made = 1;
	}
	return &plan;
}

/* Non-zero when id is 1 to WB_ID_MAX - 1 bytes of [A-Za-z0-9_-]. */
static int
fuzz_is_id(const char *id)
{
	size_t	 i, n = strlen(id);

	if (n == 0 || n >= WB_ID_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (!fuzz_is_token_char(id[i]))
			return 0;
	return 1;
}

/* Checks values[0..n) of fields, and that the slots past them are NULL. */
static void
fuzz_check_values(const struct wb_field *fields, size_t n,
    char *const *values, const char *where)
{
	size_t	 i;

	for (i = 0; i < WB_MAX_FIELDS; i++) {
		if (i >= n) {
			FUZZ_CHECK(values[i] == NULL, "%s: a value in slot %zu "
			    "of %zu", where, i, n);
			continue;
		}
		FUZZ_CHECK(values[i] != NULL, "%s, field %s: NULL", where,
		    fields[i].def.name);
		FUZZ_CHECK(fuzz_utf8_ok(values[i], strlen(values[i]), NULL),
		    "%s, field %s: invalid UTF-8", where, fields[i].def.name);
		if (fields[i].def.kind == FIELD_BOOL)
			FUZZ_CHECK(strcmp(values[i], "") == 0 ||
			    strcmp(values[i], "1") == 0,
			    "%s, field %s: a box holding \"%s\"", where,
			    fields[i].def.name, values[i]);
	}
}

/* See fuzz.h. */
void
fuzz_check_wb_shape(const struct wb_data *d, size_t extra)
{
	const struct wb_section_def	*sec;
	const struct wb_list		*lst;
	const struct wb_list_data	*ld;
	size_t				 l, i, k, nfixed, max;
	char				 where[96];

	FUZZ_CHECK(d->section >= 0 && d->section < WB__MAX, "section %d",
	    d->section);
	sec = &wb_sections[d->section];
	fuzz_check_values(sec->fields, sec->nfields, d->values, sec->slug);
	for (l = 0; l < WB_MAX_LISTS; l++) {
		ld = &d->lists[l];
		if (l >= sec->nlists) {
			FUZZ_CHECK(ld->n == 0 && ld->items == NULL,
			    "%s: items in undeclared list %zu", sec->slug, l);
			continue;
		}
		lst = &sec->lists[l];
		for (nfixed = 0; lst->fixed_ids != NULL &&
		    lst->fixed_ids[nfixed] != NULL; nfixed++)
			continue;
		max = lst->fixed_ids != NULL ? nfixed : lst->max_items > 0 ?
		    lst->max_items : WB_LIST_MAX;
		if (lst->fixed_ids != NULL)
			FUZZ_CHECK(ld->n == nfixed, "%s, list %s: %zu items, "
			    "%zu fixed", sec->slug, lst->name, ld->n, nfixed);
		else
			FUZZ_CHECK(ld->n <= max + extra, "%s, list %s: %zu "
			    "items, max %zu", sec->slug, lst->name, ld->n, max);
		for (i = 0; i < ld->n; i++) {
			snprintf(where, sizeof(where), "%s, list %s, item %zu",
			    sec->slug, lst->name, i + 1);
			FUZZ_CHECK(memchr(ld->items[i].id, '\0', WB_ID_MAX) !=
			    NULL && fuzz_is_id(ld->items[i].id),
			    "%s: a malformed id", where);
			if (lst->fixed_ids != NULL)
				FUZZ_CHECK(strcmp(ld->items[i].id,
				    lst->fixed_ids[i]) == 0,
				    "%s: fixed item \"%s\" out of place", where,
				    ld->items[i].id);
			for (k = 0; k < i; k++)
				FUZZ_CHECK(strcmp(ld->items[k].id,
				    ld->items[i].id) != 0,
				    "%s: id \"%s\" also item %zu's", where,
				    ld->items[i].id, k + 1);
			fuzz_check_values(lst->fields, lst->nfields,
			    ld->items[i].values, where);
		}
	}
}

/*
 * Checks every value of fields[0..n) of values, named where, as
 * fuzz_check_wb_data() says.
 */
static void
fuzz_check_wb_texts(const struct wb_field *fields, size_t n,
    char *const *values, const char *where)
{
	char	 w[160];
	size_t	 i;

	for (i = 0; i < n; i++) {
		snprintf(w, sizeof(w), "%s, field %s", where,
		    fields[i].def.name);
		if (fields[i].def.kind != FIELD_BOOL)
			fuzz_check_valid_text(&fields[i].def, values[i], w);
		if (fields[i].widget == WB_REF && values[i][0] != '\0')
			FUZZ_CHECK(strlen(values[i]) < WB_ID_MAX &&
			    fuzz_is_id(values[i]), "%s: \"%s\" is no id", w,
			    values[i]);
	}
}

/* See fuzz.h. */
void
fuzz_check_wb_data(const struct wb_data *d)
{
	const struct wb_section_def	*sec;
	char				 where[96];
	size_t				 l, i;

	fuzz_check_wb_shape(d, 0);
	sec = &wb_sections[d->section];
	fuzz_check_wb_texts(sec->fields, sec->nfields, d->values, sec->slug);
	for (l = 0; l < sec->nlists; l++)
		for (i = 0; i < d->lists[l].n; i++) {
			snprintf(where, sizeof(where), "%s, %s %zu", sec->slug,
			    sec->lists[l].name, i + 1);
			fuzz_check_wb_texts(sec->lists[l].fields,
			    sec->lists[l].nfields, d->lists[l].items[i].values,
			    where);
		}
}
