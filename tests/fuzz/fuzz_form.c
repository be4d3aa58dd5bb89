/*
 * fuzz_form.c: form_validate() and form_validate_prefix() over every
 * field kind, with declarations and input both taken from the fuzz input.
 *
 * The input:
 *   byte 0       how many fields are declared (1 to 8) and whether the
 *                input pairs come from http_parse_urlencoded() (as a
 *                browser sends them) or are split raw (bit 7: then keys and
 *                values may be invalid UTF-8, which form.c must also bear);
 *   4 bytes each the kind, required, min and max (from a table of edge
 *                values), choices of each field, named "f0" to "f7";
 *   1 byte       nth (0 to 3), and a prefix ("", "p-1-" or "p-10-");
 *   the rest     "f0=...&f1=..." (or raw: key 0x01 value 0x02 ...).
 *
 * The properties, for every field: the text is there, its length is
 * strlen(text); a field without error holds a value that fuzz.c's
 * fuzz_check_valid_text() accepts for its declaration (valid UTF-8, the
 * characters and bounds of its kind), with num consistent with the text
 * (INT: its value, DECIMAL: its hundredths, CHOICE: its index, MULTI:
 * its count, BOOL: present); an error on INT and DECIMAL leaves num 0 and
 * on CHOICE -1.  Validating a valid normalised text once more gives the
 * same text, num and no error (normalising is idempotent).  A PASSWORD is
 * kept exactly as sent.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "fuzz.h"
#include "http.h"
#include "status.h"

#define NFIELDS_MAX 8

/* Bounds worth trying: none, small, the workbook's, the extremes. */
static const long long bounds[16] = {
	0, 1, 2, 3, 5, 10, 23, 64, 254, 300, 4000, -1, -100,
	LLONG_MAX, LLONG_MIN, LLONG_MAX / 100,
};

static const char *const choices_a[] = { "a", "b", "facebook", "x", NULL };
static const char *const choices_b[] = { "oui", "non", "é", "", NULL };
static const char *const choices_c[] = { "1", "2", "3", "4", "5", NULL };

/* The names of the fields, and as the input sends them with the prefix. */
static const char *const names[NFIELDS_MAX] = {
	"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7",
};

/* Builds the declaration of one field from four bytes of the input. */
static void
make_def(struct field_def *d, size_t i, struct fuzz_in *in)
{
	uint8_t	 k = fuzz_u8(in), lo = fuzz_u8(in), hi = fuzz_u8(in);
	uint8_t	 ch = fuzz_u8(in);

	memset(d, 0, sizeof(*d));
	d->name = names[i];
	d->kind = (enum field_kind)(k % (FIELD_DECIMAL + 1));
	d->required = (k >> 4) & 1;
	d->min = bounds[lo % 16];
	d->max = bounds[hi % 16];
	switch (ch % 4) {
	case 0:
		d->choices = choices_a;
		break;
	case 1:
		d->choices = choices_b;
		break;
	case 2:
		d->choices = choices_c;
		break;
	default:
		d->choices = NULL;
		break;
	}
	/* A CHOICE needs its list (form.c asserts it). */
	if (d->kind == FIELD_CHOICE && d->choices == NULL)
		d->choices = choices_a;
	d->label = "label";
}

/* Splits raw pairs "key 0x01 value 0x02 ..." into l, bytes as they are. */
static void
raw_pairs(struct fuzz_in *in, struct kvlist *l)
{
	char	*k, *v;
	size_t	 klen, vlen;

	while (in->n > 0) {
		k = fuzz_take(in, 0x01, &klen);
		v = fuzz_take(in, 0x02, &vlen);
		/* A kvlist holds C strings: cut at a NUL. */
		FUZZ_CHECK(kvlist_add(l, k, v, strnlen(v, vlen)) == RT_OK,
		    "memory");
		free(k);
		free(v);
	}
}

/* The value the form holds for the nth occurrence of prefix+name, or NULL. */
static const char *
raw_value(const struct kvlist *l, const char *prefix, const char *name,
    size_t nth)
{
	size_t	 i, plen = strlen(prefix);

	for (i = 0; i < l->n; i++)
		if (strncmp(l->v[i].key, prefix, plen) == 0 &&
		    strcmp(l->v[i].key + plen, name) == 0 && nth-- == 0)
			return l->v[i].val;
	return NULL;
}

/* Counts the ','-separated pieces of a non-empty text. */
static long long
pieces(const char *t)
{
	return t[0] == '\0' ? 0 : (long long)fuzz_count(t, strlen(t), ',') + 1;
}

/* Checks num against the valid text of an INT, DECIMAL, CHOICE... */
static void
check_num(const struct field_def *d, const struct field_value *v)
{
	long long	 units, frac = 0;
	const char	*dot;

	switch (d->kind) {
	case FIELD_INT:
		FUZZ_CHECK(!v->present || strtoll(v->text, NULL, 10) == v->num,
		    "%s: num %lld for \"%s\"", d->name, v->num, v->text);
		break;
	case FIELD_DECIMAL:
		if (!v->present)
			break;
		units = strtoll(v->text, NULL, 10);
		if ((dot = strchr(v->text, '.')) != NULL)
			frac = strlen(dot + 1) == 1 ? (dot[1] - '0') * 10 :
			    (dot[1] - '0') * 10 + (dot[2] - '0');
		FUZZ_CHECK(v->num == (v->text[0] == '-' ? units * 100 - frac :
		    units * 100 + frac), "%s: num %lld for \"%s\"", d->name,
		    v->num, v->text);
		break;
	case FIELD_CHOICE:
		FUZZ_CHECK(v->present ? v->num >= 0 &&
		    strcmp(d->choices[v->num], v->text) == 0 : v->num == -1,
		    "%s: num %lld for \"%s\"", d->name, v->num, v->text);
		break;
	case FIELD_MULTI:
		FUZZ_CHECK(v->num == pieces(v->text), "%s: num %lld for \"%s\"",
		    d->name, v->num, v->text);
		break;
	case FIELD_BOOL:
		FUZZ_CHECK(v->num == (v->present ? 1 : 0), "%s: num %lld",
		    d->name, v->num);
		break;
	default:
		break;
	}
}

/*
 * Validates the valid text of v once more, alone, and expects the same
 * text and num, without error.
 */
static void
check_again(const struct field_def *d, const struct field_value *v)
{
	struct kvlist		 l = { NULL, 0, 0 };
	struct form		 f;
	const struct field_value *w;

	if (d->kind == FIELD_MULTI || d->kind == FIELD_BOOL || !v->present)
		return;
	memset(&f, 0, sizeof(f));
	FUZZ_CHECK(kvlist_add(&l, d->name, v->text, v->len) == RT_OK,
	    "memory");
	FUZZ_CHECK(form_validate(&f, d, 1, &l, 0) == RT_OK, "memory");
	w = &f.values[0];
	FUZZ_CHECK(w->error == FIELD_OK && w->len == v->len &&
	    strcmp(w->text, v->text) == 0 && w->num == v->num,
	    "%s: \"%s\" (%lld) validated again gives \"%s\" (%lld), error %d",
	    d->name, v->text, v->num, w->text, w->num, w->error);
	form_free(&f);
	kvlist_free(&l);
}

/* The properties of one validated field (see the top of the file). */
static void
check_value(const struct field_def *d, const struct field_value *v,
    const struct kvlist *l, const char *prefix, size_t nth)
{
	const char	*raw;
	char		 where[64];

	FUZZ_CHECK(v->text != NULL && strlen(v->text) == v->len,
	    "%s: len %zu for a text of %zu bytes", d->name, v->len,
	    v->text != NULL ? strlen(v->text) : 0);
	FUZZ_CHECK(v->error >= FIELD_OK && v->error <= FIELD_ECHOICE,
	    "%s: error %d", d->name, v->error);
	/*
	 * Text that is not valid UTF-8 (raw pairs only) is emptied but was
	 * sent: present with no text, and FIELD_EFORMAT.
	 */
	if (d->kind != FIELD_BOOL && d->kind != FIELD_MULTI &&
	    !(v->error == FIELD_EFORMAT && v->len == 0))
		FUZZ_CHECK((v->present != 0) == (v->len > 0),
		    "%s: present %d with %zu bytes", d->name, v->present,
		    v->len);
	if (d->kind == FIELD_MULTI)
		FUZZ_CHECK((v->present != 0) == (v->num > 0),
		    "%s: present %d with %lld values", d->name, v->present,
		    v->num);
	raw = raw_value(l, prefix, d->name, d->kind == FIELD_MULTI ? 0 : nth);
	if (d->kind == FIELD_BOOL)
		FUZZ_CHECK((v->present != 0) == (raw != NULL),
		    "%s: a box present %d, sent %d", d->name, v->present,
		    raw != NULL);

	if (v->error != FIELD_OK) {
		if (d->kind == FIELD_INT || d->kind == FIELD_DECIMAL)
			FUZZ_CHECK(v->num == 0, "%s: num %lld with error %d",
			    d->name, v->num, v->error);
		if (d->kind == FIELD_CHOICE)
			FUZZ_CHECK(v->num == -1, "%s: num %lld with error %d",
			    d->name, v->num, v->error);
		FUZZ_CHECK(v->error != FIELD_EMISSING || d->required,
		    "%s: missing but not required", d->name);
		return;
	}
	FUZZ_CHECK(v->present || !d->required || d->kind == FIELD_BOOL,
	    "%s: required, absent, and no error", d->name);
	FUZZ_CHECK(d->kind != FIELD_BOOL || v->present || !d->required,
	    "%s: a required box not ticked, and no error", d->name);
	snprintf(where, sizeof(where), "field %s (kind %d)", d->name, d->kind);
	fuzz_check_valid_text(d, v->text, where);
	check_num(d, v);
	if (d->kind == FIELD_PASSWORD && raw != NULL)
		FUZZ_CHECK(strcmp(raw, v->text) == 0,
		    "%s: a password changed", d->name);
	check_again(d, v);
}

/*
 * One input: declares the fields, validates the pairs and checks every
 * value (see the top of the file).
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const prefixes[4] = { "", "p-1-", "p-10-", "" };
	struct fuzz_in		 in = { data, size };
	struct field_def	 defs[NFIELDS_MAX];
	struct kvlist		 l = { NULL, 0, 0 };
	struct form		 f;
	const char		*prefix;
	char			*body;
	size_t			 n, i, nth, blen;
	uint8_t			 head, b;

	head = fuzz_u8(&in);
	n = (size_t)(head & 7) + 1;
	for (i = 0; i < n; i++)
		make_def(&defs[i], i, &in);
	b = fuzz_u8(&in);
	nth = b & 3;
	prefix = prefixes[(b >> 2) & 3];
	if (head & 0x80)
		raw_pairs(&in, &l);
	else {
		body = fuzz_rest(&in, &blen);
		/* A bad pair stops the parse; the pairs before it stay. */
		(void)http_parse_urlencoded(body, blen, &l);
		free(body);
	}

	memset(&f, 0, sizeof(f));
	if (prefix[0] == '\0')
		FUZZ_CHECK(form_validate(&f, defs, n, &l, nth) == RT_OK,
		    "memory");
	else {
		FUZZ_CHECK(form_validate_prefix(&f, defs, n, &l, prefix) ==
		    RT_OK, "memory");
		nth = 0;
	}
	FUZZ_CHECK(f.n == n, "%zu values for %zu fields", f.n, n);
	for (i = 0; i < n; i++) {
		check_value(&defs[i], &f.values[i], &l, prefix, nth);
		FUZZ_CHECK(form_get(&f, defs[i].name) == &f.values[i],
		    "form_get(%s)", defs[i].name);
	}
	b = 0;
	for (i = 0; i < n; i++)
		b += f.values[i].error != FIELD_OK;
	FUZZ_CHECK(f.nerrors == b, "nerrors %d, counted %d", f.nerrors, b);
	form_free(&f);
	kvlist_free(&l);
	return 0;
}
