/*
 * fuzz_wbform.c: wb_data_from_form() for every section of the workbook.
 *
 * The input: byte 0 picks the section (modulo WB__MAX), the rest is the
 * submitted form, urlencoded ("mission=...&objective-1-kind=...").  The
 * form is read against fuzz_plan(), whose lists hold the ids "o1", "o2",
 * "p1"... that references may name.
 *
 * The properties:
 *   - reading succeeds, and the section has its shape (fuzz.c's
 *     fuzz_check_wb_shape(): values there and valid UTF-8, ids well
 *     formed and unique, a list past its maximum only by the few items
 *     wbdata.c reads in order to refuse them, and then with an error);
 *   - every error names a declared field (or the list, for too many
 *     items) with a real error code;
 *   - every value that no error names is within its declaration
 *     (fuzz_check_valid_text()), and a reference names an item of the plan;
 *   - a form read without error is written as JSON, read back by
 *     wb_data_read_json() without error, and written again to the same
 *     bytes; wb_data_prune_refs() finds nothing to prune in it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "http.h"
#include "json.h"
#include "status.h"
#include "workbook.h"

/* How many items past its maximum a list may be read with (wbdata.c). */
#define SCAN_EXTRA 5

/*
 * Non-zero when errs names field f (-1: the list itself) of list l (-1:
 * the section's own fields), item item (of a list, for a field).
 */
static int
has_error(const struct wb_errors *errs, int l, size_t item, int f)
{
	size_t	 i;

	for (i = 0; i < errs->n; i++)
		if (errs->e[i].list == l && errs->e[i].field == f &&
		    (l < 0 || f < 0 || errs->e[i].item == item))
			return 1;
	return 0;
}

/* Non-zero when the list data ld holds an item whose id is id[0..len). */
static int
has_item(const struct wb_list_data *ld, const char *id, size_t len)
{
	size_t	 i;

	for (i = 0; i < ld->n; i++)
		if (strlen(ld->items[i].id) == len &&
		    memcmp(ld->items[i].id, id, len) == 0)
			return 1;
	return 0;
}

/*
 * Checks the value of field fl that no error names: within its
 * declaration, and for a reference, ids of the plan only.
 */
static void
check_field(const struct wb_field *fl, const char *value,
    const struct wb_plan *p, const char *where)
{
	const struct wb_list_data	*ld;
	const char			*seg, *end;

	if (fl->def.kind != FIELD_BOOL)
		fuzz_check_valid_text(&fl->def, value, where);
	if ((fl->widget != WB_REF && fl->widget != WB_REFS) ||
	    value[0] == '\0')
		return;
	ld = &p->s[fl->ref_section].lists[fl->ref_list];
	for (seg = value; ; seg = end + 1) {
		if ((end = strchr(seg, ',')) == NULL)
			end = seg + strlen(seg);
		FUZZ_CHECK(has_item(ld, seg, (size_t)(end - seg)),
		    "%s: \"%.*s\" is no item of the plan", where,
		    (int)(end - seg), seg);
		if (*end == '\0' || fl->widget == WB_REF)
			break;
	}
}

/* Checks the errors of errs against the declarations of section sec. */
static void
check_errors(const struct wb_section_def *sec, const struct wb_errors *errs)
{
	const struct wb_error	*e;
	size_t			 i;

	FUZZ_CHECK(errs->n <= WB_MAX_ERRORS, "%zu errors", errs->n);
	for (i = 0; i < errs->n; i++) {
		e = &errs->e[i];
		FUZZ_CHECK(e->error > FIELD_OK && e->error <= FIELD_ECHOICE,
		    "error %zu: code %d", i, e->error);
		if (e->list < 0) {
			FUZZ_CHECK(e->list == -1 && e->field >= 0 &&
			    (size_t)e->field < sec->nfields,
			    "error %zu: field %d of %zu", i, e->field,
			    sec->nfields);
			continue;
		}
		FUZZ_CHECK((size_t)e->list < sec->nlists && e->item >= 1 &&
		    e->field >= -1 && (e->field < 0 || (size_t)e->field <
		    sec->lists[e->list].nfields), "error %zu: list %d, item "
		    "%zu, field %d", i, e->list, e->item, e->field);
		FUZZ_CHECK(e->field >= 0 || e->error == FIELD_ERANGE,
		    "error %zu: a list error %d", i, e->error);
	}
}

/* Writes d as JSON into out (emptied first), expecting success. */
static void
to_json(const struct wb_data *d, struct buf *out)
{
	struct json_writer	 w;
	int			 rc;

	buf_reset(out);
	jw_init(&w, out);
	wb_data_write_json(d, &w);
	rc = jw_finish(&w);
	FUZZ_CHECK(rc == RT_OK, "section %d cannot be written (%d)",
	    d->section, rc);
}

/*
 * The round trip of a form read without error: JSON, read back, JSON
 * again, the same bytes.
 */
static void
check_round_trip(const struct wb_data *d, const struct wb_plan *p)
{
	struct wb_data	 d2;
	struct json	*j = NULL;
	struct buf	 b1 = { NULL, 0, 0 }, b2 = { NULL, 0, 0 };
	char		 err[512];
	int		 rc;

	to_json(d, &b1);
	rc = json_parse(b1.data, b1.len, JSON_MAX_DEPTH, &j, err, sizeof(err));
	FUZZ_CHECK(rc == RT_OK, "the JSON written does not parse: %s", err);
	FUZZ_CHECK(wb_data_init(&d2, d->section) == RT_OK, "memory");
	rc = wb_data_read_json(&d2, j, err, sizeof(err));
	FUZZ_CHECK(rc == RT_OK, "a form read without error is refused as "
	    "JSON: %s\n%s", err, buf_str(&b1));
	fuzz_check_wb_shape(&d2, 0);
	to_json(&d2, &b2);
	FUZZ_CHECK(b1.len == b2.len && memcmp(b1.data, b2.data, b1.len) == 0,
	    "JSON not stable:\n%s\n---\n%s", buf_str(&b1), buf_str(&b2));
	rc = wb_data_prune_refs(&d2, p);
	FUZZ_CHECK(rc == 0, "references pruned from a valid form (%d)", rc);
	wb_data_free(&d2);
	json_free(j);
	buf_free(&b1);
	buf_free(&b2);
}

/*
 * One input: reads the section from the form against fuzz_plan() and
 * checks the result, its errors and, without error, its round trip.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct wb_plan		*p = fuzz_plan();
	const struct wb_section_def	*sec;
	const struct wb_list		*lst;
	struct fuzz_in			 in = { data, size };
	struct kvlist			 l = { NULL, 0, 0 };
	struct wb_errors		 errs;
	struct wb_data			 d;
	char				*body, where[128];
	size_t				 blen, i, k, f;
	int				 section, rc;

	section = fuzz_u8(&in) % WB__MAX;
	sec = &wb_sections[section];
	body = fuzz_rest(&in, &blen);
	/* A bad pair stops the parse; the pairs before it stay. */
	(void)http_parse_urlencoded(body, blen, &l);
	free(body);

	FUZZ_CHECK(wb_data_init(&d, section) == RT_OK, "memory");
	memset(&errs, 0xa5, sizeof(errs));
	rc = wb_data_from_form(&d, &l, p, &errs);
	FUZZ_CHECK(rc == RT_OK, "wb_data_from_form: %d", rc);
	fuzz_check_wb_shape(&d, SCAN_EXTRA);
	check_errors(sec, &errs);

	/* Errors past WB_MAX_ERRORS are dropped: then nothing more is sure. */
	if (errs.n < WB_MAX_ERRORS) {
		for (f = 0; f < sec->nfields; f++) {
			if (has_error(&errs, -1, 0, (int)f))
				continue;
			snprintf(where, sizeof(where), "%s, field %s",
			    sec->slug, sec->fields[f].def.name);
			check_field(&sec->fields[f], d.values[f], p, where);
		}
		for (i = 0; i < sec->nlists; i++) {
			lst = &sec->lists[i];
			for (k = 0; k < d.lists[i].n; k++)
				for (f = 0; f < lst->nfields; f++) {
					if (has_error(&errs, (int)i, k + 1,
					    (int)f))
						continue;
					snprintf(where, sizeof(where),
					    "%s, %s %zu, field %s", sec->slug,
					    lst->name, k + 1,
					    lst->fields[f].def.name);
					check_field(&lst->fields[f],
					    d.lists[i].items[k].values[f], p,
					    where);
				}
			if (!has_error(&errs, (int)i, 0, -1) &&
			    lst->fixed_ids == NULL)
				FUZZ_CHECK(d.lists[i].n <= (lst->max_items > 0 ?
				    lst->max_items : WB_LIST_MAX),
				    "%s, list %s: %zu items and no error",
				    sec->slug, lst->name, d.lists[i].n);
		}
	}
	if (errs.n == 0)
		check_round_trip(&d, p);
	wb_data_free(&d);
	kvlist_free(&l);
	return 0;
}
