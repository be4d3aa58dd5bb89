/*
 * test_sections.c: every section of the workbook, driven by its
 * declarations in lib/workbook.c, along the whole path a form takes.
 *
 * For each section of wb_sections a valid form is generated from the
 * declarations (a plausible value for each kind of field: text with
 * accents, quotes, markup and, in free text, CRLF line breaks and spaces
 * to trim; dates; numbers at their bounds, decimals written the French
 * way; choices; ticked boxes; references to the items of the sections
 * they point at, which are saved first), read with wb_data_from_form(),
 * saved with plan_save() and loaded with plan_load(): every value must
 * come back as the form normalises it.  Then each field that can be
 * refused is given, one at a time, values it must refuse: the error must
 * be reported at that field (own field, or list, item and field) and what
 * was typed kept.  Then revisions (two saves, both listed, the first read
 * back and restored as a new version) and conflicts (a save from a stale
 * version writes nothing).
 *
 * No section, field or value is named here: adding a field or a section
 * to the workbook adds it to these tests.  Run from the repository root
 * (it reads schema.sql).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "org.h"
#include "plan.h"
#include "workbook.h"
#include "tdb.h"

#define T0     1700000000

/* Items generated in a list people add to (at most its maximum). */
#define GEN_ITEMS 2

/* Values a field sends at most (checkboxes); and the room of one value. */
#define GEN_SENT  72
#define GEN_LEN   24000

/* What every test of this file works with. */
struct fx {
	struct tdb   t;
	int64_t      user, org;
	time_t       now;        /* advances with each save */
};

/* One field's generated value: the pairs sent, and what must be stored. */
struct gval {
	char   *sent[GEN_SENT];   /* the values sent under the field's name */
	size_t  nsent;
	char   *stored;           /* the value the section must then hold */
	int     error;            /* FIELD_OK, or the error it must cause */
};

/* An expected item: its id ("" for a new one: any fresh id) and values. */
struct xitem {
	char  id[WB_ID_MAX];
	char *values[WB_MAX_FIELDS];
};

/* What a section must hold after a generated form. */
struct expect {
	int           section;
	char         *values[WB_MAX_FIELDS];
	struct xitem  items[WB_MAX_LISTS][WB_LIST_MAX];
	size_t        n[WB_MAX_LISTS];
};

/*
 * A field to give a bad value instead of its generated one: an own field
 * (list -1) or a field of the first item of a list.
 */
struct bad {
	int          list;
	int          field;
	struct gval *g;
};

/* Opens a fresh database with one organisation and its owner. */
static int
setup(void **state)
{
	struct fx	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	tdb_open(&f->t, "sections");
	if (org_signup(&f->t.h, NULL, "Maison « l'Étincelle »", "Alice Gagnon",
	    "alice@example.org", TDB_HASH, "fr", T0, &f->user,
	    &f->org) != RT_OK)
		return -1;
	f->now = T0;
	*state = f;
	return 0;
}

/* strdup() that cannot fail in a test. */
static char *
xstrdup(const char *s)
{
	char	*c = strdup(s);

	assert_non_null(c);
	return c;
}

/* Frees the strings of g and empties it. */
static void
gval_free(struct gval *g)
{
	size_t	 i;

	for (i = 0; i < g->nsent; i++)
		free(g->sent[i]);
	free(g->stored);
	memset(g, 0, sizeof(*g));
}

/* Adds one value to send under the field's name. */
static void
gval_send(struct gval *g, const char *v)
{
	assert_true(g->nsent < GEN_SENT);
	g->sent[g->nsent++] = xstrdup(v);
}

/* Frees every string of x and empties it. */
static void
expect_free(struct expect *x)
{
	size_t	 i, l, k;

	for (i = 0; i < WB_MAX_FIELDS; i++)
		free(x->values[i]);
	for (l = 0; l < WB_MAX_LISTS; l++)
		for (k = 0; k < x->n[l]; k++)
			for (i = 0; i < WB_MAX_FIELDS; i++)
				free(x->items[l][k].values[i]);
	memset(x, 0, sizeof(*x));
}

/* The number of strings in the NULL-terminated list v (NULL: 0). */
static size_t
count(const char *const *v)
{
	size_t	 n = 0;

	while (v != NULL && v[n] != NULL)
		n++;
	return n;
}

/*
 * Cuts the UTF-8 string s to at most max code points (max <= 0: no
 * limit), then takes off the spaces that end it, which a form trims.
 */
static void
cut(char *s, long long max)
{
	size_t		 i, cp = 0, len;

	if (max > 0)
		for (i = 0; s[i] != '\0'; i++)
			if (((unsigned char)s[i] & 0xC0) != 0x80 &&
			    ++cp > (size_t)max) {
				s[i] = '\0';
				break;
			}
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
}

/*
 * Writes into out (GEN_LEN bytes) n copies of the UTF-8 character c.
 */
static void
repeat(char *out, const char *c, long long n)
{
	size_t	 clen = strlen(c), pos = 0;
	long long i;

	assert_true((n + 1) * (long long)clen < GEN_LEN);
	for (i = 0; i < n; i++, pos += clen)
		memcpy(out + pos, c, clen);
	out[pos] = '\0';
}

/*
 * The list of p that reference field fl points at (asserted declared).
 */
static const struct wb_list_data *
ref_items(const struct wb_field *fl, const struct wb_plan *p)
{
	assert_true(fl->ref_section >= 0 && fl->ref_section < WB__MAX);
	assert_true(fl->ref_list >= 0 &&
	    (size_t)fl->ref_list < wb_sections[fl->ref_section].nlists);
	return &p->s[fl->ref_section].lists[fl->ref_list];
}

/*
 * Generates into g a valid value of field fl for variant v (0 or 1),
 * tagged with tag so that no two fields, items or variants hold the same
 * text: what is sent (with the spaces, CRLF and French decimal comma a
 * person's browser may send) and what must be stored once the form has
 * normalised it.  References point at the items p has.
 */
static void
gen_valid(const struct wb_field *fl, int v, const char *tag,
    const struct wb_plan *p, struct gval *g)
{
	const struct field_def		*d = &fl->def;
	const struct wb_list_data	*items;
	char				*s, *t;
	size_t				 nc = count(d->choices), i, k, n, max;

	memset(g, 0, sizeof(*g));
	assert_non_null(s = calloc(1, GEN_LEN));
	assert_non_null(t = calloc(1, GEN_LEN));
	if (fl->widget == WB_REF) {
		items = ref_items(fl, p);
		assert_true(items->n > 0);
		snprintf(s, GEN_LEN, "%s",
		    items->items[v == 0 ? 0 : items->n - 1].id);
		gval_send(g, s);
	} else if (fl->widget == WB_REFS) {
		items = ref_items(fl, p);
		assert_true(items->n > 0);
		max = d->max > 0 && (size_t)d->max < items->n ?
		    (size_t)d->max : items->n;
		n = max < 2 ? max : 2;
		for (i = 0; i < n; i++) {
			k = v == 0 ? i : items->n - 1 - i;
			gval_send(g, items->items[k].id);
			snprintf(s + strlen(s), GEN_LEN - strlen(s), "%s%s",
			    i > 0 ? "," : "", items->items[k].id);
		}
	} else switch (d->kind) {
	case FIELD_LINE:
		snprintf(s, GEN_LEN, "«%s» Élan d'été \"q\" & <b>ça</b> ",
		    tag);
		cut(s, d->max);
		snprintf(t, GEN_LEN, "  %s \t", s);
		gval_send(g, t);
		break;
	case FIELD_TEXT:
		snprintf(s, GEN_LEN, "«%s» première ligne d'été,\n"
		    "seconde \"ligne\" & <i>fin</i> – 100 %%", tag);
		cut(s, d->max);
		/* Sent with CRLF line breaks and spaces around. */
		t[0] = ' ';
		for (i = 0, k = 1; s[i] != '\0'; i++) {
			if (s[i] == '\n')
				t[k++] = '\r';
			t[k++] = s[i];
		}
		memcpy(t + k, "\r\n ", 4);
		gval_send(g, t);
		break;
	case FIELD_DATE:
		snprintf(s, GEN_LEN, "%s", v == 0 ? "2024-02-29" :
		    "2026-12-31");
		gval_send(g, s);
		break;
	case FIELD_INT:
		snprintf(s, GEN_LEN, "%lld", v == 0 ? d->max : d->min);
		gval_send(g, s);
		break;
	case FIELD_DECIMAL:
		assert_true(d->min <= 2 && d->max >= 8);
		gval_send(g, v == 0 ? "2,75" : " 007.50 ");
		snprintf(s, GEN_LEN, "%s", v == 0 ? "2.75" : "7.5");
		break;
	case FIELD_CHOICE:
		assert_true(nc >= 2);
		snprintf(s, GEN_LEN, "%s", d->choices[nc - 1 - (size_t)v]);
		gval_send(g, s);
		break;
	case FIELD_MULTI:
		assert_true(nc >= 3);
		/* Two choices, sent out of their declared order. */
		gval_send(g, d->choices[v == 0 ? 2 : nc - 1]);
		gval_send(g, d->choices[v == 0 ? 0 : 1]);
		snprintf(s, GEN_LEN, "%s,%s", g->sent[0], g->sent[1]);
		break;
	case FIELD_BOOL:
		/* Ticked (the checkbox's value), or not sent at all. */
		if (v == 0) {
			gval_send(g, "1");
			snprintf(s, GEN_LEN, "1");
		}
		break;
	default:
		fail_msg("field %s: a kind the workbook does not use (%d)",
		    d->name, (int)d->kind);
	}
	g->stored = xstrdup(s);
	g->error = FIELD_OK;
	free(s);
	free(t);
}

/*
 * Generates into g the nth (from 0) value that field fl must refuse, with
 * the error it must cause and what must be kept of it.  Returns 0 when fl
 * has no nth bad value.
 */
static int
gen_invalid(const struct wb_field *fl, int nth, int in_list,
    struct gval *g)
{
	const struct field_def	*d = &fl->def;
	char			*s;
	size_t			 nc = count(d->choices);
	int			 c = 0, err = FIELD_OK;

	memset(g, 0, sizeof(*g));
	assert_non_null(s = calloc(1, GEN_LEN));
	/*
	 * c counts the cases that apply to this field, in order, until
	 * the nth is reached.
	 */
#define CASE(cond) if ((cond) && c++ == nth)
	if (fl->widget == WB_REF) {
		CASE(1) { snprintf(s, GEN_LEN, "zz-no-such-item");
			err = FIELD_ECHOICE; goto sent; }
		CASE(d->max > 0) { repeat(s, "é", d->max + 1);
			err = FIELD_ETOOLONG; goto sent; }
	} else if (fl->widget == WB_REFS) {
		CASE(1) { snprintf(s, GEN_LEN, "nosuchitem");
			err = FIELD_ECHOICE; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "bad id!");
			err = FIELD_EFORMAT; goto sent; }
		CASE(d->max > 0) {
			long long i;

			for (i = 0; i <= d->max; i++) {
				snprintf(s, GEN_LEN, "t%lld", i + 1);
				gval_send(g, s);
			}
			s[0] = '\0';
			for (i = 0; i <= d->max; i++)
				snprintf(s + strlen(s), GEN_LEN - strlen(s),
				    "%st%lld", i > 0 ? "," : "", i + 1);
			err = FIELD_ERANGE;
			goto done;
		}
	} else switch (d->kind) {
	case FIELD_LINE:
		CASE(d->max > 0) { repeat(s, "é", d->max + 1);
			err = FIELD_ETOOLONG; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "deux\nlignes");
			err = FIELD_EFORMAT; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "bip\x07");
			err = FIELD_EFORMAT; goto sent; }
		break;
	case FIELD_TEXT:
		CASE(d->max > 0) { repeat(s, "é", d->max + 1);
			err = FIELD_ETOOLONG; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "bip\x07 bip");
			err = FIELD_EFORMAT; goto sent; }
		break;
	case FIELD_DATE:
		CASE(1) { snprintf(s, GEN_LEN, "2023-02-29");
			err = FIELD_EFORMAT; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "2026-06-31");
			err = FIELD_EFORMAT; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "29/02/2024");
			err = FIELD_EFORMAT; goto sent; }
		break;
	case FIELD_INT:
		CASE(1) { snprintf(s, GEN_LEN, "%lld", d->max + 1);
			err = FIELD_ERANGE; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "%lld", d->min - 1);
			err = FIELD_ERANGE; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "3,5");
			err = FIELD_EFORMAT; goto sent; }
		break;
	case FIELD_DECIMAL:
		CASE(1) { snprintf(s, GEN_LEN, "2,555");
			err = FIELD_EFORMAT; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "%lld.5", d->max);
			err = FIELD_ERANGE; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "-1");
			err = FIELD_ERANGE; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "deux");
			err = FIELD_EFORMAT; goto sent; }
		break;
	case FIELD_CHOICE:
		CASE(1) { snprintf(s, GEN_LEN, "not-a-choice");
			err = FIELD_ECHOICE; goto sent; }
		CASE(1) { snprintf(s, GEN_LEN, "%s ", d->choices[0]);
			err = FIELD_ECHOICE; goto sent; }
		break;
	case FIELD_MULTI:
		CASE(1) {
			gval_send(g, d->choices[nc - 1]);
			gval_send(g, "not-a-choice");
			snprintf(s, GEN_LEN, "%s,not-a-choice",
			    d->choices[nc - 1]);
			err = FIELD_ECHOICE;
			goto done;
		}
		break;
	default:
		break;
	}
	/* A required field left empty, in an item that has other values. */
	CASE(d->required && in_list && d->kind != FIELD_BOOL) {
		gval_send(g, "");
		s[0] = '\0';
		err = FIELD_EMISSING;
		goto done;
	}
#undef CASE
	free(s);
	return 0;
sent:
	gval_send(g, s);
done:
	g->stored = xstrdup(s);
	g->error = err;
	free(s);
	return 1;
}

/* Adds name = every value of g to in. */
static void
kv_put(struct kvlist *in, const char *name, const struct gval *g)
{
	size_t	 i;

	for (i = 0; i < g->nsent; i++)
		assert_int_equal(kvlist_add(in, name, g->sent[i],
		    strlen(g->sent[i])), RT_OK);
}

/*
 * Builds in the form of section that a browser would send for variant v
 * of its content on top of what p holds, and x, what the section must
 * then hold: every own field; every fixed item (by its fixed id); one
 * item per item of the source of a list made from another section; and
 * for a list people add to, GEN_ITEMS items (at most its maximum), the
 * first ones with the ids of the items p has, the others new (an empty
 * id).  b, when not NULL, gives one field a bad value instead.
 */
static void
build(int section, int v, const struct wb_plan *p, const struct bad *b,
    struct kvlist *in, struct expect *x)
{
	const struct wb_section_def	*sd = &wb_sections[section];
	const struct wb_list		*ld;
	const struct wb_list_data	*have, *src;
	struct gval			 g;
	char				 name[160], tag[160];
	size_t				 i, l, k, n;

	memset(in, 0, sizeof(*in));
	memset(x, 0, sizeof(*x));
	x->section = section;
	for (i = 0; i < sd->nfields; i++) {
		if (b != NULL && b->list < 0 && (size_t)b->field == i) {
			kv_put(in, sd->fields[i].def.name, b->g);
			x->values[i] = xstrdup(b->g->stored);
			continue;
		}
		snprintf(tag, sizeof(tag), "%s/%s/v%d", sd->slug,
		    sd->fields[i].def.name, v);
		gen_valid(&sd->fields[i], v, tag, p, &g);
		kv_put(in, sd->fields[i].def.name, &g);
		x->values[i] = xstrdup(g.stored);
		gval_free(&g);
	}
	for (l = 0; l < sd->nlists; l++) {
		ld = &sd->lists[l];
		have = &p->s[section].lists[l];
		src = NULL;
		if (ld->fixed_ids != NULL)
			n = count(ld->fixed_ids);
		else if (ld->items_from_section >= 0) {
			src = &p->s[ld->items_from_section].lists[
			    ld->items_from_list];
			n = src->n;
		} else {
			n = ld->max_items > 0 && ld->max_items < GEN_ITEMS ?
			    ld->max_items : GEN_ITEMS;
		}
		assert_true(n <= WB_LIST_MAX);
		x->n[l] = n;
		for (k = 0; k < n; k++) {
			struct xitem	*it = &x->items[l][k];

			if (ld->fixed_ids != NULL)
				snprintf(it->id, sizeof(it->id), "%s",
				    ld->fixed_ids[k]);
			else if (ld->items_from_section >= 0)
				snprintf(it->id, sizeof(it->id), "%s",
				    src->items[k].id);
			else if (k < have->n)
				snprintf(it->id, sizeof(it->id), "%s",
				    have->items[k].id);
			snprintf(name, sizeof(name), "%s-%zu-id", ld->name,
			    k + 1);
			assert_int_equal(kvlist_add(in, name, it->id,
			    strlen(it->id)), RT_OK);
			for (i = 0; i < ld->nfields; i++) {
				int bad = b != NULL && (size_t)b->list == l &&
				    k == 0 && (size_t)b->field == i;

				snprintf(tag, sizeof(tag), "%s/%s/%zu/%s/v%d",
				    sd->slug, ld->name, k + 1,
				    ld->fields[i].def.name, v);
				snprintf(name, sizeof(name), "%s-%zu-%s",
				    ld->name, k + 1, ld->fields[i].def.name);
				if (bad) {
					kv_put(in, name, b->g);
					it->values[i] = xstrdup(b->g->stored);
					continue;
				}
				gen_valid(&ld->fields[i], v, tag, p, &g);
				kv_put(in, name, &g);
				it->values[i] = xstrdup(g.stored);
				gval_free(&g);
			}
		}
	}
}

/*
 * Checks that d holds what x says, field by field and item by item, and
 * fails naming the first difference.  A new item of x (id "") takes the
 * id d gave it, which must be well-formed and not another item's; x then
 * holds it, so that what is loaded later must have the same.
 */
static void
check(const struct wb_data *d, struct expect *x, const char *when)
{
	const struct wb_section_def	*sd = &wb_sections[x->section];
	const struct wb_list		*ld;
	const struct wb_item		*it;
	size_t				 i, l, k, j;

	assert_int_equal(d->section, x->section);
	for (i = 0; i < sd->nfields; i++) {
		if (d->values[i] == NULL ||
		    strcmp(d->values[i], x->values[i]) != 0)
			fail_msg("%s: section %s, field %s: expected \"%s\", "
			    "got \"%s\"", when, sd->slug,
			    sd->fields[i].def.name, x->values[i],
			    d->values[i] ? d->values[i] : "(null)");
	}
	for (l = 0; l < sd->nlists; l++) {
		ld = &sd->lists[l];
		if (d->lists[l].n != x->n[l])
			fail_msg("%s: section %s, list %s: expected %zu "
			    "items, got %zu", when, sd->slug, ld->name,
			    x->n[l], d->lists[l].n);
		for (k = 0; k < x->n[l]; k++) {
			it = &d->lists[l].items[k];
			if (x->items[l][k].id[0] == '\0') {
				if (it->id[0] == '\0' ||
				    strspn(it->id, "abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") !=
				    strlen(it->id))
					fail_msg("%s: section %s, list %s, item "
					    "%zu: a new item has no valid id "
					    "(\"%s\")", when, sd->slug,
					    ld->name, k + 1, it->id);
				for (j = 0; j < k; j++)
					if (strcmp(d->lists[l].items[j].id,
					    it->id) == 0)
						fail_msg("%s: section %s, list "
						    "%s: items %zu and %zu have "
						    "the same id \"%s\"", when,
						    sd->slug, ld->name, j + 1,
						    k + 1, it->id);
				snprintf(x->items[l][k].id,
				    sizeof(x->items[l][k].id), "%s", it->id);
			} else if (strcmp(it->id, x->items[l][k].id) != 0)
				fail_msg("%s: section %s, list %s, item %zu: "
				    "expected id \"%s\", got \"%s\"", when,
				    sd->slug, ld->name, k + 1,
				    x->items[l][k].id, it->id);
			for (i = 0; i < ld->nfields; i++)
				if (it->values[i] == NULL || strcmp(
				    it->values[i], x->items[l][k].values[i]) !=
				    0)
					fail_msg("%s: section %s, list %s, item "
					    "%zu, field %s: expected \"%s\", "
					    "got \"%s\"", when, sd->slug,
					    ld->name, k + 1,
					    ld->fields[i].def.name,
					    x->items[l][k].values[i],
					    it->values[i] ? it->values[i] :
					    "(null)");
		}
	}
}

/* Non-zero when a and b (same section) hold the same values. */
static int
same(const struct expect *a, const struct expect *b)
{
	const struct wb_section_def	*sd = &wb_sections[a->section];
	size_t				 i, l, k;

	for (i = 0; i < sd->nfields; i++)
		if (strcmp(a->values[i], b->values[i]) != 0)
			return 0;
	for (l = 0; l < sd->nlists; l++) {
		if (a->n[l] != b->n[l])
			return 0;
		for (k = 0; k < a->n[l]; k++)
			for (i = 0; i < sd->lists[l].nfields; i++)
				if (strcmp(a->items[l][k].values[i],
				    b->items[l][k].values[i]) != 0)
					return 0;
	}
	return 1;
}

/* Describes the errors of e into out, for a failure message. */
static void
describe(const struct wb_errors *e, char *out, size_t outlen)
{
	size_t	 i, len;

	out[0] = '\0';
	for (i = 0; i < e->n; i++) {
		len = strlen(out);
		snprintf(out + len, outlen - len, "%s{list %d, item %zu, "
		    "field %d, error %d}", i ? " " : "", e->e[i].list,
		    e->e[i].item, e->e[i].field, e->e[i].error);
	}
}

/* Loads the whole plan of f's organisation into p (freed first). */
static void
reload(struct fx *f, struct wb_plan *p)
{
	wb_plan_free(p);
	assert_int_equal(plan_load_all(&f->t.h, f->org, p), RT_OK);
}

/* The number of revisions of section of f's organisation. */
static size_t
nrevisions(struct fx *f, int section)
{
	struct plan_revision	*r = NULL;
	size_t			 n = 0;

	assert_int_equal(plan_revisions(&f->t.h, f->org, section, 1000, &r,
	    &n), RT_OK);
	free(r);
	return n;
}

/*
 * Generates variant v of section on top of p, reads it as a form
 * (expecting no error), checks what was read, and saves it from version
 * base, expecting want.  On RT_OK, checks the section as loaded again and
 * reloads p.  x is left with what the section must hold (ids included).
 */
static void
save_variant(struct fx *f, struct wb_plan *p, int section, int v,
    int64_t base, int want, struct expect *x)
{
	struct kvlist	 in;
	struct wb_data	 d, got;
	struct wb_errors errs;
	char		 msg[2048], when[128];

	build(section, v, p, NULL, &in, x);
	assert_int_equal(wb_data_init(&d, section), RT_OK);
	assert_int_equal(wb_data_from_form(&d, &in, p, &errs), RT_OK);
	if (errs.n > 0) {
		describe(&errs, msg, sizeof(msg));
		fail_msg("section %s, variant %d: a valid form is refused: %s",
		    wb_sections[section].slug, v, msg);
	}
	snprintf(when, sizeof(when), "variant %d as read from the form", v);
	check(&d, x, when);
	f->now += 60;
	assert_int_equal(plan_save(&f->t.h, f->org, f->user, &d, base, f->now),
	    want);
	if (want == RT_OK) {
		assert_int_equal(d.stamp.version, base + 1);
		assert_int_equal(plan_load(&f->t.h, f->org, section, &got),
		    RT_OK);
		snprintf(when, sizeof(when), "variant %d as loaded", v);
		check(&got, x, when);
		assert_int_equal(got.stamp.version, base + 1);
		assert_int_equal(got.stamp.updated_at, f->now);
		assert_string_equal(got.stamp.updated_by, "Alice Gagnon");
		wb_data_free(&got);
		reload(f, p);
	} else
		assert_int_equal(d.stamp.version, 0);
	wb_data_free(&d);
	kvlist_free(&in);
}

/* The version section of f's organisation is at. */
static int64_t
version_of(struct fx *f, int section)
{
	struct wb_data	 d;
	int64_t		 v;

	assert_int_equal(plan_load(&f->t.h, f->org, section, &d), RT_OK);
	v = d.stamp.version;
	wb_data_free(&d);
	return v;
}

/*
 * Makes sure that every section whose items section refers to (its
 * references, and the list its items are made from) has items in p,
 * saving a generated variant 0 of those that have none.
 */
static void
need_refs(struct fx *f, struct wb_plan *p, int section)
{
	const struct wb_section_def	*sd = &wb_sections[section];
	struct expect			*x;
	int				 refs[2 * WB_MAX_FIELDS * (WB_MAX_LISTS + 1)];
	size_t				 nrefs = 0, i, l;

	for (i = 0; i < sd->nfields; i++)
		if (sd->fields[i].widget == WB_REF ||
		    sd->fields[i].widget == WB_REFS)
			refs[nrefs++] = sd->fields[i].ref_section;
	for (l = 0; l < sd->nlists; l++) {
		if (sd->lists[l].items_from_section >= 0)
			refs[nrefs++] = sd->lists[l].items_from_section;
		for (i = 0; i < sd->lists[l].nfields; i++)
			if (sd->lists[l].fields[i].widget == WB_REF ||
			    sd->lists[l].fields[i].widget == WB_REFS)
				refs[nrefs++] = sd->lists[l].fields[i].
				    ref_section;
	}
	for (i = 0; i < nrefs; i++) {
		const struct wb_data *r = &p->s[refs[i]];
		size_t n = 0;

		assert_true(refs[i] != section);
		for (l = 0; l < wb_sections[refs[i]].nlists; l++)
			n += r->lists[l].n;
		if (n > 0)
			continue;
		need_refs(f, p, refs[i]);
		assert_non_null(x = calloc(1, sizeof(*x)));
		save_variant(f, p, refs[i], 0, version_of(f, refs[i]), RT_OK,
		    x);
		expect_free(x);
		free(x);
	}
}

/*
 * Every section: a generated form saved and loaded gives back every value,
 * as normalised, and every item with its id.
 */
static void
test_every_section_round_trip(void **state)
{
	struct fx	*f = *state;
	struct wb_plan	 p;
	struct expect	*x;
	size_t		 fields = 0, l;
	int		 s;

	memset(&p, 0, sizeof(p));
	reload(f, &p);
	assert_non_null(x = calloc(1, sizeof(*x)));
	for (s = 0; s < WB__MAX; s++) {
		need_refs(f, &p, s);
		save_variant(f, &p, s, 0, version_of(f, s), RT_OK, x);
		fields += wb_sections[s].nfields;
		for (l = 0; l < wb_sections[s].nlists; l++)
			fields += x->n[l] * wb_sections[s].lists[l].nfields;
		expect_free(x);
	}
	/* Every section was saved once, or more when another needed it. */
	for (s = 0; s < WB__MAX; s++)
		assert_true(p.s[s].stamp.version >= 1);
	/* The thirteen platforms and eight practices alone pass a hundred. */
	assert_true(fields > 150);
	free(x);
	wb_plan_free(&p);
}

/*
 * Every field that can be refused, with every bad value gen_invalid()
 * knows for it: the error is reported at that field (its list, the first
 * item, its index) and only there, and what was typed is kept.
 */
static void
test_every_field_refused(void **state)
{
	struct fx			*f = *state;
	const struct wb_section_def	*sd;
	const struct wb_field		*fields;
	struct wb_plan			 p;
	struct expect			*x;
	struct kvlist			 in;
	struct wb_data			 d;
	struct wb_errors		 errs;
	struct gval			 g;
	struct bad			 b;
	char				 msg[2048];
	size_t				 nfields, i, cases = 0, refusable;
	int				 s, l, nth, ok;

	memset(&p, 0, sizeof(p));
	reload(f, &p);
	assert_non_null(x = calloc(1, sizeof(*x)));
	for (s = 0; s < WB__MAX; s++) {
		sd = &wb_sections[s];
		need_refs(f, &p, s);
		refusable = 0;
		for (l = -1; l < (int)sd->nlists; l++) {
			fields = l < 0 ? sd->fields : sd->lists[l].fields;
			nfields = l < 0 ? sd->nfields : sd->lists[l].nfields;
			for (i = 0; i < nfields; i++)
				for (nth = 0; gen_invalid(&fields[i], nth,
				    l >= 0, &g); nth++) {
					b.list = l;
					b.field = (int)i;
					b.g = &g;
					build(s, 0, &p, &b, &in, x);
					assert_int_equal(wb_data_init(&d, s),
					    RT_OK);
					assert_int_equal(wb_data_from_form(&d,
					    &in, &p, &errs), RT_OK);
					ok = errs.n == 1 &&
					    errs.e[0].list == l &&
					    errs.e[0].item ==
					    (l < 0 ? 0 : 1) &&
					    errs.e[0].field == (int)i &&
					    errs.e[0].error == g.error;
					if (!ok) {
						describe(&errs, msg,
						    sizeof(msg));
						fail_msg("section %s, %s%s "
						    "field %s, bad value %d "
						    "(\"%.40s\"): expected one "
						    "error {list %d, item %d, "
						    "field %zu, error %d}, got "
						    "%zu: %s", sd->slug,
						    l < 0 ? "" : "first item "
						    "of list ", l < 0 ? "" :
						    sd->lists[l].name,
						    fields[i].def.name, nth,
						    g.stored, l, l < 0 ? 0 : 1,
						    i, g.error, errs.n, msg);
					}
					/* Every value typed is kept, the bad one too. */
					check(&d, x, "a refused form");
					wb_data_free(&d);
					kvlist_free(&in);
					expect_free(x);
					gval_free(&g);
					cases++;
					refusable += nth == 0;
				}
		}
		/* Every section has something a person can get wrong. */
		if (refusable == 0)
			fail_msg("section %s: no field that can be refused",
			    sd->slug);
	}
	assert_true(cases > 100);
	free(x);
	wb_plan_free(&p);
}

/*
 * Every section: two saves are two revisions, newest first; the first
 * reads back as it was; restoring it makes it current as a new version
 * that says what it restored; the restored content loads as the first.
 */
static void
test_every_section_revisions(void **state)
{
	struct fx		*f = *state;
	struct wb_plan		 p;
	struct expect		*x0, *x1;
	struct plan_revision	*r = NULL;
	struct wb_data		 d;
	size_t			 n, before;
	int64_t			 base;
	int			 s;

	memset(&p, 0, sizeof(p));
	reload(f, &p);
	assert_non_null(x0 = calloc(1, sizeof(*x0)));
	assert_non_null(x1 = calloc(1, sizeof(*x1)));
	for (s = 0; s < WB__MAX; s++) {
		need_refs(f, &p, s);
		base = version_of(f, s);
		before = nrevisions(f, s);
		save_variant(f, &p, s, 0, base, RT_OK, x0);
		save_variant(f, &p, s, 1, base + 1, RT_OK, x1);
		if (same(x0, x1))
			fail_msg("section %s: the two variants are the same",
			    wb_sections[s].slug);

		assert_int_equal(plan_revisions(&f->t.h, f->org, s, 1000, &r,
		    &n), RT_OK);
		assert_int_equal(n, before + 2);
		assert_int_equal(r[0].version, base + 2);
		assert_int_equal(r[1].version, base + 1);
		assert_int_equal(r[0].restored_from, 0);
		assert_int_equal(r[1].restored_from, 0);
		assert_string_equal(r[0].author, "Alice Gagnon");
		assert_true(r[0].created_at > r[1].created_at);
		free(r);
		r = NULL;

		assert_int_equal(plan_revision_load(&f->t.h, f->org, s,
		    base + 1, &d), RT_OK);
		check(&d, x0, "the first revision");
		assert_int_equal(d.stamp.version, base + 1);
		wb_data_free(&d);
		assert_int_equal(plan_revision_load(&f->t.h, f->org, s,
		    base + 2, &d), RT_OK);
		check(&d, x1, "the second revision");
		wb_data_free(&d);
		assert_int_equal(plan_revision_load(&f->t.h, f->org, s,
		    base + 3, &d), RT_ENOTFOUND);
		wb_data_free(&d);

		f->now += 60;
		assert_int_equal(plan_restore(&f->t.h, f->org, f->user, s,
		    base + 1, base + 2, f->now), RT_OK);
		assert_int_equal(plan_load(&f->t.h, f->org, s, &d), RT_OK);
		check(&d, x0, "the first revision, restored");
		assert_int_equal(d.stamp.version, base + 3);
		assert_int_equal(d.stamp.updated_at, f->now);
		wb_data_free(&d);
		assert_int_equal(plan_revisions(&f->t.h, f->org, s, 1000, &r,
		    &n), RT_OK);
		assert_int_equal(n, before + 3);
		assert_int_equal(r[0].version, base + 3);
		assert_int_equal(r[0].restored_from, base + 1);
		free(r);
		r = NULL;
		/* The restore is itself a revision, and can be read. */
		assert_int_equal(plan_revision_load(&f->t.h, f->org, s,
		    base + 3, &d), RT_OK);
		check(&d, x0, "the restoring revision");
		wb_data_free(&d);
		reload(f, &p);
		expect_free(x0);
		expect_free(x1);
	}
	free(x0);
	free(x1);
	wb_plan_free(&p);
}

/*
 * Every section: a save from a stale version, or from one that does not
 * exist yet, and a restore from a stale version, are conflicts that
 * write nothing: no new version, no new revision, the content as it was.
 */
static void
test_every_section_conflict(void **state)
{
	struct fx	*f = *state;
	struct wb_plan	 p;
	struct expect	*x0, *x1;
	struct wb_data	 d;
	size_t		 n;
	int64_t		 base;
	int		 s;

	memset(&p, 0, sizeof(p));
	reload(f, &p);
	assert_non_null(x0 = calloc(1, sizeof(*x0)));
	assert_non_null(x1 = calloc(1, sizeof(*x1)));
	for (s = 0; s < WB__MAX; s++) {
		need_refs(f, &p, s);
		base = version_of(f, s);
		save_variant(f, &p, s, 0, base, RT_OK, x0);
		n = nrevisions(f, s);

		/* Someone else saved base + 1 after the page showed base. */
		save_variant(f, &p, s, 1, base, RT_ECONFLICT, x1);
		expect_free(x1);
		save_variant(f, &p, s, 1, base + 2, RT_ECONFLICT, x1);
		expect_free(x1);
		assert_int_equal(plan_restore(&f->t.h, f->org, f->user, s,
		    base + 1, base, f->now), RT_ECONFLICT);

		assert_int_equal(nrevisions(f, s), n);
		assert_int_equal(plan_load(&f->t.h, f->org, s, &d), RT_OK);
		assert_int_equal(d.stamp.version, base + 1);
		check(&d, x0, "after the refused saves");
		wb_data_free(&d);
		assert_int_equal(plan_revision_load(&f->t.h, f->org, s,
		    base + 2, &d), RT_ENOTFOUND);
		wb_data_free(&d);
		expect_free(x0);
	}
	free(x0);
	free(x1);
	wb_plan_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_section_round_trip,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_every_field_refused,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_every_section_revisions,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_every_section_conflict,
		    setup, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
