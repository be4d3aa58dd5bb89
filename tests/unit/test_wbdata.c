/*
 * test_wbdata.c: unit tests of lib/wbdata.c, on the real declarations of
 * lib/workbook.c.
 *
 * lib/wbdata.c and what it calls that allocates (lib/json.c, lib/form.c,
 * lib/http.c, lib/buf.c) are compiled into this program with their
 * allocation calls redirected to fault_*() functions that fail on demand,
 * so that the out-of-memory paths are exercised.  The matching objects of
 * libreseauter.a are then not linked in, since this file already defines
 * their symbols; workbook.o (the declarations) and platform.o are.
 *
 * Field and list positions are looked up by name (field_at()), never
 * written as numbers, so that adding a field to a section does not break
 * these tests.
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

/*
 * The number of allocations left before one fails, or -1 for never.  Each
 * test that sets it puts it back to -1.
 */
static long fault_left = -1;

/*
 * Returns non-zero when the allocation about to be made must fail, and
 * counts it down otherwise.
 */
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

/* calloc() that fails on demand. */
static void *
fault_calloc(size_t n, size_t size)
{
	return fault_now() ? NULL : calloc(n, size);
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
#undef calloc
#undef realloc
#undef strdup
#undef strndup
#define malloc(n) fault_malloc(n)
#define calloc(n, s) fault_calloc((n), (s))
#define realloc(p, n) fault_realloc((p), (n))
#define strdup(s) fault_strdup(s)
#define strndup(s, n) fault_strndup((s), (n))
#include "../../lib/buf.c"
#include "../../lib/http.c"
#include "../../lib/form.c"
#include "../../lib/json.c"
#include "../../lib/wbdata.c"
#undef malloc
#undef calloc
#undef realloc
#undef strdup
#undef strndup

#include "platform.h"

/*
 * Returns the index of field name of the section's own fields (list -1)
 * or of list number list of section; fails the test when there is none.
 */
static int
field_at(int section, int list, const char *name)
{
	const struct wb_section_def	*sec = &wb_sections[section];
	int				 i;

	if (list < 0)
		i = wb_field_index(sec->fields, sec->nfields, name);
	else
		i = wb_field_index(sec->lists[list].fields,
		    sec->lists[list].nfields, name);
	if (i < 0)
		fail_msg("no field %s in section %d list %d", name, section,
		    list);
	return i;
}

/*
 * Reads section from the urlencoded form s into d (initialised here),
 * against plan p, and returns the number of errors (in *errs).  The input
 * list is freed before returning, which proves that d owns its values.
 */
static size_t
from_form(struct wb_data *d, int section, const char *s,
    const struct wb_plan *p, struct wb_errors *errs)
{
	struct kvlist	 in = { NULL, 0, 0 };

	assert_int_equal(wb_data_init(d, section), RT_OK);
	assert_int_equal(http_parse_urlencoded(s, strlen(s), &in), RT_OK);
	assert_int_equal(wb_data_from_form(d, &in, p, errs), RT_OK);
	kvlist_free(&in);
	return errs->n;
}

/*
 * Replaces section of p with what the form s gives (read against p
 * itself), expecting no error.
 */
static void
plan_set(struct wb_plan *p, int section, const char *s)
{
	struct wb_data		 d;
	struct wb_errors	 errs;

	if (from_form(&d, section, s, p, &errs) != 0)
		fail_msg("section %d: %zu errors, the first on field %d", section,
		    errs.n, errs.e[0].field);
	wb_data_free(&p->s[section]);
	p->s[section] = d;
}

/* Initialises every section of p, empty. */
static void
plan_init(struct wb_plan *p)
{
	int	 i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < WB__MAX; i++)
		assert_int_equal(wb_data_init(&p->s[i], i), RT_OK);
}

/* Writes d as JSON into out (emptied first), expecting success. */
static void
to_json(const struct wb_data *d, struct buf *out)
{
	struct json_writer	 w;

	buf_reset(out);
	jw_init(&w, out);
	wb_data_write_json(d, &w);
	assert_int_equal(jw_finish(&w), RT_OK);
}

/*
 * Parses the JSON text s and reads it into d (initialised here for
 * section); returns the status of wb_data_read_json(), with its message in
 * err.  d is the caller's to free.
 */
static int
from_json(struct wb_data *d, int section, const char *s, char *err,
    size_t errlen)
{
	struct json	*j;
	char		 perr[128];
	int		 rc;

	assert_int_equal(wb_data_init(d, section), RT_OK);
	if (json_parse(s, strlen(s), JSON_MAX_DEPTH, &j, perr,
	    sizeof(perr)) != RT_OK)
		fail_msg("test JSON does not parse: %s: %s", perr, s);
	rc = wb_data_read_json(d, j, err, errlen);
	json_free(j);
	return rc;
}

/* Checks that error number i of errs is { list, item, field, error }. */
static void
check_error_at(const struct wb_errors *errs, size_t i, int list,
    size_t item, int field, int error, int line)
{
	const struct wb_error	*e;

	if (i >= errs->n)
		fail_msg("line %d: no error %zu (%zu errors)", line, i,
		    errs->n);
	e = &errs->e[i];
	if (e->list != list || e->item != item || e->field != field ||
	    e->error != error)
		fail_msg("line %d: error %zu is {%d, %zu, %d, %d}, expected "
		    "{%d, %zu, %d, %d}", line, i, e->list, e->item, e->field,
		    e->error, list, item, field, error);
}
#define CHECK_ERROR(errs, i, list, item, field, error) \
	check_error_at((errs), (i), (list), (item), (field), (error), __LINE__)

/* Every section starts empty; fixed lists hold their fixed items. */
static void
test_init(void **state)
{
	const struct wb_section_def	*sec;
	struct wb_data			 d;
	size_t				 i, l, k, n;
	int				 s;

	(void)state;
	for (s = 0; s < WB__MAX; s++) {
		sec = &wb_sections[s];
		assert_int_equal(wb_data_init(&d, s), RT_OK);
		assert_int_equal(d.section, s);
		assert_int_equal(d.stamp.version, 0);
		for (i = 0; i < WB_MAX_FIELDS; i++) {
			if (i < sec->nfields) {
				assert_non_null(d.values[i]);
				assert_string_equal(d.values[i], "");
			} else
				assert_null(d.values[i]);
		}
		for (l = 0; l < WB_MAX_LISTS; l++) {
			if (l >= sec->nlists || sec->lists[l].fixed_ids == NULL) {
				assert_int_equal(d.lists[l].n, 0);
				assert_null(d.lists[l].items);
				continue;
			}
			for (n = 0; sec->lists[l].fixed_ids[n] != NULL; n++)
				;
			assert_int_equal(d.lists[l].n, n);
			for (k = 0; k < n; k++) {
				assert_string_equal(d.lists[l].items[k].id,
				    sec->lists[l].fixed_ids[k]);
				for (i = 0; i < sec->lists[l].nfields; i++)
					assert_string_equal(
					    d.lists[l].items[k].values[i], "");
				assert_null(d.lists[l].items[k].values[
				    sec->lists[l].nfields]);
			}
		}
		wb_data_free(&d);
		assert_int_equal(d.section, s);
		assert_null(d.values[0]);
		wb_data_free(&d);
	}

	/* The platforms are those of platform.h, in order. */
	assert_int_equal(wb_data_init(&d, WB_PLATFORMS), RT_OK);
	assert_int_equal(d.lists[0].n, PF__MAX);
	for (k = 0; k < PF__MAX; k++)
		assert_string_equal(d.lists[0].items[k].id, platform_keys[k]);
	assert_ptr_equal(wb_item_find(&d, 0, "instagram"),
	    &d.lists[0].items[PF_INSTAGRAM]);
	assert_null(wb_item_find(&d, 0, "myspace"));
	assert_null(wb_item_find(&d, 0, ""));
	assert_null(wb_item_find(&d, 0, NULL));
	assert_null(wb_item_find(&d, 1, "instagram"));
	assert_null(wb_item_find(&d, 99, "instagram"));
	wb_data_free(&d);

	assert_int_equal(wb_data_init(&d, WB_PRACTICES), RT_OK);
	assert_int_equal(d.lists[0].n, 8);
	assert_string_equal(d.lists[0].items[0].id, "photos");
	wb_data_free(&d);
}

/* The accessors, on declared and undeclared names. */
static void
test_accessors(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;
	const struct wb_item	*it;

	(void)state;
	plan_init(&p);
	assert_int_equal(from_form(&d, WB_AUDIENCES, "other_groups=Elders"
	    "&persona-1-id=p4&persona-1-name=Ana&persona-1-age=40", &p, &errs),
	    0);
	assert_string_equal(wb_value(&d, "other_groups"), "Elders");
	assert_string_equal(wb_value(&d, "groups"), "");
	assert_string_equal(wb_value(&d, "nonesuch"), "");
	it = wb_item_find(&d, 0, "p4");
	assert_non_null(it);
	assert_string_equal(wb_item_value(&d, 0, it, "name"), "Ana");
	assert_string_equal(wb_item_value(&d, 0, it, "age"), "40");
	assert_string_equal(wb_item_value(&d, 0, it, "role"), "");
	assert_string_equal(wb_item_value(&d, 0, it, "nonesuch"), "");
	assert_string_equal(wb_item_value(&d, 1, it, "name"), "");
	wb_data_free(&d);
	wb_plan_free(&p);
	/* Freeing twice, and a zeroed plan, are harmless. */
	wb_plan_free(&p);
	memset(&p, 0, sizeof(p));
	wb_plan_free(&p);
}

/* A section's own fields: normalised, errors kept with their values. */
static void
test_form_section(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;
	int			 hours = field_at(WB_START, -1, "hours");

	(void)state;
	plan_init(&p);
	assert_int_equal(from_form(&d, WB_START, "website=+https%3A%2F%2Fex"
	    ".org+&hours=2%2C50&existing=a%0D%0Ab%0D%0A&unknown=1", &p, &errs),
	    0);
	assert_string_equal(wb_value(&d, "website"), "https://ex.org");
	assert_string_equal(wb_value(&d, "hours"), "2.5");
	assert_string_equal(wb_value(&d, "existing"), "a\nb");
	assert_string_equal(wb_value(&d, "blog"), "");
	wb_data_free(&d);

	assert_int_equal(from_form(&d, WB_START, "hours=abc&blog=a%0Ab",
	    &p, &errs), 2);
	CHECK_ERROR(&errs, 0, -1, 0, field_at(WB_START, -1, "blog"),
	    FIELD_EFORMAT);
	CHECK_ERROR(&errs, 1, -1, 0, hours, FIELD_EFORMAT);
	assert_string_equal(wb_value(&d, "hours"), "abc");
	assert_string_equal(wb_value(&d, "blog"), "a\nb");
	wb_data_free(&d);

	assert_int_equal(from_form(&d, WB_START, "hours=81", &p, &errs), 1);
	CHECK_ERROR(&errs, 0, -1, 0, hours, FIELD_ERANGE);
	assert_string_equal(wb_value(&d, "hours"), "81");
	wb_data_free(&d);
	assert_int_equal(from_form(&d, WB_START, "hours=2.555", &p, &errs),
	    1);
	wb_data_free(&d);

	/* Tone: scales are integers 1..5. */
	assert_int_equal(from_form(&d, WB_TONE, "warmth=4&formality=6",
	    &p, &errs), 1);
	CHECK_ERROR(&errs, 0, -1, 0, field_at(WB_TONE, -1, "formality"),
	    FIELD_ERANGE);
	assert_string_equal(wb_value(&d, "warmth"), "4");
	wb_data_free(&d);

	/* Nothing sent at all: every value "". */
	{
		struct wb_data	 e;

		assert_int_equal(wb_data_init(&e, WB_STORY), RT_OK);
		assert_int_equal(wb_data_from_form(&e, NULL, &p, &errs), RT_OK);
		assert_int_equal(errs.n, 0);
		assert_string_equal(wb_value(&e, "pitch_short"), "");
		assert_int_equal(e.lists[0].n, 0);
		wb_data_free(&e);
	}
	wb_plan_free(&p);
}

/*
 * Items people add: removed ones dropped, new empty ones ignored, new
 * ones given fresh ids, errors by final position, values kept.
 */
static void
test_form_items(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;
	const struct wb_list_data *ld;

	(void)state;
	plan_init(&p);
	assert_int_equal(from_form(&d, WB_AUDIENCES,
	    "groups=donors&groups=media&groups=donors&other_groups=Elders"
	    "&persona-1-id=&persona-1-name=Ana&persona-1-platforms=facebook"
	    "&persona-1-platforms=tiktok&persona-1-platforms=facebook"
	    "&persona-2-id=p7&persona-2-name=Bob&persona-2-age=40"
	    "&persona-3-id=&persona-3-name=&persona-3-role=++&persona-3-age="
	    "&persona-4-id=p2&persona-4-name=Gone&persona-4-remove=on"
	    "&persona-5-id=p9&persona-5-name="
	    "&persona-6-name=Cy&persona-6-platforms=myspace",
	    &p, &errs), 2);
	assert_string_equal(wb_value(&d, "groups"), "donors,media");
	assert_string_equal(wb_value(&d, "other_groups"), "Elders");
	ld = &d.lists[0];
	assert_int_equal(ld->n, 4);
	assert_string_equal(ld->items[0].id, "p1");
	assert_string_equal(ld->items[1].id, "p7");
	assert_string_equal(ld->items[2].id, "p9");
	assert_string_equal(ld->items[3].id, "p2");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[0], "name"), "Ana");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[0], "platforms"),
	    "facebook,tiktok");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[1], "age"), "40");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[2], "name"), "");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[3], "platforms"),
	    "myspace");
	CHECK_ERROR(&errs, 0, 0, 3, field_at(WB_AUDIENCES, 0, "name"),
	    FIELD_EMISSING);
	CHECK_ERROR(&errs, 1, 0, 4, field_at(WB_AUDIENCES, 0, "platforms"),
	    FIELD_ECHOICE);
	wb_data_free(&d);

	/* A wrong group is an error on the section's field. */
	assert_int_equal(from_form(&d, WB_AUDIENCES, "groups=donors"
	    "&groups=pirates", &p, &errs), 1);
	CHECK_ERROR(&errs, 0, -1, 0, field_at(WB_AUDIENCES, -1, "groups"),
	    FIELD_ECHOICE);
	assert_string_equal(wb_value(&d, "groups"), "donors,pirates");
	wb_data_free(&d);

	/* Only empty new items: an empty list. */
	assert_int_equal(from_form(&d, WB_AUDIENCES, "persona-1-id="
	    "&persona-1-name=&persona-2-details=%0D%0A", &p, &errs), 0);
	assert_int_equal(d.lists[0].n, 0);
	wb_data_free(&d);
	wb_plan_free(&p);
}

/*
 * Ids: a repeated, malformed or too long id gets a fresh one; fresh ids
 * avoid the ids of the form and of the stored list.
 */
static void
test_form_ids(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;
	const struct wb_list_data *ld;

	(void)state;
	plan_init(&p);
	assert_int_equal(from_form(&d, WB_AUDIENCES,
	    "persona-1-id=p5&persona-1-name=A"
	    "&persona-2-id=p5&persona-2-name=B"
	    "&persona-3-id=p+1&persona-3-name=C"
	    "&persona-4-id=abcdefghijklmnopqrstuvw&persona-4-name=D"
	    "&persona-5-id=abcdefghijklmnopqrstuvwx&persona-5-name=E"
	    "&persona-6-id=%C3%A9&persona-6-name=F"
	    "&persona-7-id=p1&persona-7-name=G", &p, &errs), 0);
	ld = &d.lists[0];
	assert_int_equal(ld->n, 7);
	assert_string_equal(ld->items[0].id, "p5");
	assert_string_equal(ld->items[1].id, "p2");
	assert_string_equal(ld->items[2].id, "p3");
	assert_string_equal(ld->items[3].id, "abcdefghijklmnopqrstuvw");
	assert_string_equal(ld->items[4].id, "p4");
	assert_string_equal(ld->items[5].id, "p6");
	assert_string_equal(ld->items[6].id, "p1");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[1], "name"), "B");
	wb_data_free(&d);

	/*
	 * The stored list has p1 and p3; the form removes p1 and adds two:
	 * the new ones get p2 and p4, so nothing that pointed at p1 now
	 * points at a new persona.
	 */
	plan_set(&p, WB_AUDIENCES, "persona-1-id=p1&persona-1-name=Old"
	    "&persona-2-id=p3&persona-2-name=Kept");
	assert_int_equal(from_form(&d, WB_AUDIENCES,
	    "persona-1-id=p1&persona-1-name=Old&persona-1-remove=on"
	    "&persona-2-id=p3&persona-2-name=Kept"
	    "&persona-3-name=New1&persona-4-name=New2", &p, &errs), 0);
	ld = &d.lists[0];
	assert_int_equal(ld->n, 3);
	assert_string_equal(ld->items[0].id, "p3");
	assert_string_equal(ld->items[1].id, "p2");
	assert_string_equal(ld->items[2].id, "p4");
	wb_data_free(&d);

	/* Each list names its ids by its first letter. */
	assert_int_equal(from_form(&d, WB_POSTS, "post-1-platform=x"
	    "&post-1-text=Hi", &p, &errs), 0);
	assert_string_equal(d.lists[0].items[0].id, "p1");
	wb_data_free(&d);
	assert_int_equal(from_form(&d, WB_EVENTS, "event-1-name=Fair",
	    &p, &errs), 0);
	assert_string_equal(d.lists[0].items[0].id, "e1");
	wb_data_free(&d);
	wb_plan_free(&p);
}

/* A list's maximum, and the item numbers a form may use. */
static void
test_form_max(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;

	(void)state;
	plan_init(&p);
	/* Four objectives for three places: refused, all four kept. */
	assert_int_equal(from_form(&d, WB_OBJECTIVES,
	    "objective-1-text=A&objective-2-text=B&objective-3-text=C"
	    "&objective-4-text=D&objective-4-due=2024-13-01", &p, &errs), 2);
	CHECK_ERROR(&errs, 0, 0, 4, -1, FIELD_ERANGE);
	CHECK_ERROR(&errs, 1, 0, 4, field_at(WB_OBJECTIVES, 0, "due"),
	    FIELD_EFORMAT);
	assert_int_equal(d.lists[0].n, 4);
	assert_string_equal(wb_item_value(&d, 0, &d.lists[0].items[3], "text"),
	    "D");
	assert_string_equal(d.lists[0].items[3].id, "o4");
	wb_data_free(&d);

	/*
	 * Numbers up to 3 + 5 are read; higher, zero, padded or malformed
	 * ones are ignored.
	 */
	assert_int_equal(from_form(&d, WB_OBJECTIVES,
	    "objective-1-text=a&objective-8-text=b&objective-9-text=c"
	    "&objective-01-text=d&objective-0-text=e&objective-x-text=f"
	    "&objective-2text=g&objective-99999999999999999999999-text=h"
	    "&objective--1-text=i&objectiv-2-text=j&objective-3=k",
	    &p, &errs), 0);
	assert_int_equal(d.lists[0].n, 2);
	assert_string_equal(wb_item_value(&d, 0, &d.lists[0].items[0], "text"),
	    "a");
	assert_string_equal(wb_item_value(&d, 0, &d.lists[0].items[1], "text"),
	    "b");
	wb_data_free(&d);

	/* Nine objectives: the ninth is not even read. */
	assert_int_equal(from_form(&d, WB_OBJECTIVES,
	    "objective-1-text=1&objective-2-text=2&objective-3-text=3"
	    "&objective-4-text=4&objective-5-text=5&objective-6-text=6"
	    "&objective-7-text=7&objective-8-text=8&objective-9-text=9",
	    &p, &errs), 1);
	CHECK_ERROR(&errs, 0, 0, 4, -1, FIELD_ERANGE);
	assert_int_equal(d.lists[0].n, 8);
	wb_data_free(&d);
	wb_plan_free(&p);
}

/*
 * A fixed list: items placed by id, unknown and repeated ids ignored,
 * remove boxes ignored, references checked, BOOL stored as "1".
 */
static void
test_form_fixed(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;
	const struct wb_item	*ig, *fb, *x, *yt;

	(void)state;
	plan_init(&p);
	plan_set(&p, WB_OBJECTIVES, "objective-1-id=o1&objective-1-text=A"
	    "&objective-2-id=o2&objective-2-text=B");
	plan_set(&p, WB_AUDIENCES, "persona-1-id=p1&persona-1-name=Ana");
	assert_int_equal(from_form(&d, WB_PLATFORMS,
	    "platform-1-id=instagram&platform-1-chosen=on"
	    "&platform-1-hours=2%2C50&platform-1-objectives=o1"
	    "&platform-1-objectives=o2&platform-1-personas=p9"
	    "&platform-1-posts=3"
	    "&platform-2-id=bogus&platform-2-chosen=on"
	    "&platform-3-id=instagram&platform-3-purpose=dup"
	    "&platform-4-id=facebook&platform-4-remove=on"
	    "&platform-4-purpose=Stay"
	    "&platform-5-purpose=no+id"
	    "&platform-6-id=x&platform-6-hours=99&platform-6-objectives=o1"
	    "&platform-6-objectives=o2&platform-6-objectives=o3"
	    "&platform-7-id=youtube&platform-7-chosen="
	    "&platform-7-personas=p1",
	    &p, &errs), 3);
	assert_int_equal(d.lists[0].n, PF__MAX);
	ig = &d.lists[0].items[PF_INSTAGRAM];
	fb = &d.lists[0].items[PF_FACEBOOK];
	x = &d.lists[0].items[PF_X];
	yt = &d.lists[0].items[PF_YOUTUBE];
	assert_string_equal(ig->id, "instagram");
	assert_string_equal(wb_item_value(&d, 0, ig, "chosen"), "1");
	assert_string_equal(wb_item_value(&d, 0, ig, "hours"), "2.5");
	assert_string_equal(wb_item_value(&d, 0, ig, "objectives"), "o1,o2");
	assert_string_equal(wb_item_value(&d, 0, ig, "personas"), "p9");
	assert_string_equal(wb_item_value(&d, 0, ig, "posts"), "3");
	assert_string_equal(wb_item_value(&d, 0, ig, "purpose"), "");
	assert_string_equal(wb_item_value(&d, 0, fb, "purpose"), "Stay");
	assert_string_equal(wb_item_value(&d, 0, x, "hours"), "99");
	assert_string_equal(wb_item_value(&d, 0, x, "objectives"), "o1,o2,o3");
	/* A checkbox sent with an empty value is ticked all the same. */
	assert_string_equal(wb_item_value(&d, 0, yt, "chosen"), "1");
	assert_string_equal(wb_item_value(&d, 0, yt, "personas"), "p1");
	assert_string_equal(wb_item_value(&d, 0,
	    &d.lists[0].items[PF_LINKEDIN], "chosen"), "");
	CHECK_ERROR(&errs, 0, 0, PF_INSTAGRAM + 1,
	    field_at(WB_PLATFORMS, 0, "personas"), FIELD_ECHOICE);
	CHECK_ERROR(&errs, 1, 0, PF_X + 1,
	    field_at(WB_PLATFORMS, 0, "objectives"), FIELD_ECHOICE);
	CHECK_ERROR(&errs, 2, 0, PF_X + 1, field_at(WB_PLATFORMS, 0, "hours"),
	    FIELD_ERANGE);
	wb_data_free(&d);
	wb_plan_free(&p);
}

/* References of sample posts, and a required CHOICE. */
static void
test_form_refs(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;
	const struct wb_list_data *ld;

	(void)state;
	plan_init(&p);
	plan_set(&p, WB_OBJECTIVES, "objective-1-id=o1&objective-1-text=A");
	plan_set(&p, WB_AUDIENCES, "persona-1-id=p1&persona-1-name=Ana");
	assert_int_equal(from_form(&d, WB_POSTS,
	    "post-1-platform=facebook&post-1-text=Hello&post-1-objective=o1"
	    "&post-1-persona=zz"
	    "&post-2-platform=myspace&post-2-text=x&post-2-persona=p1"
	    "&post-3-platform=x&post-3-text=y&post-3-objective=a+b"
	    "&post-4-platform=&post-4-text=&post-4-objective="
	    "&post-5-text=hi&post-5-objective=p1",
	    &p, &errs), 5);
	ld = &d.lists[0];
	assert_int_equal(ld->n, 4);
	CHECK_ERROR(&errs, 0, 0, 1, field_at(WB_POSTS, 0, "persona"),
	    FIELD_ECHOICE);
	CHECK_ERROR(&errs, 1, 0, 2, field_at(WB_POSTS, 0, "platform"),
	    FIELD_ECHOICE);
	CHECK_ERROR(&errs, 2, 0, 3, field_at(WB_POSTS, 0, "objective"),
	    FIELD_ECHOICE);
	CHECK_ERROR(&errs, 3, 0, 4, field_at(WB_POSTS, 0, "platform"),
	    FIELD_EMISSING);
	/* An id of the wrong list is not a reference to this one. */
	CHECK_ERROR(&errs, 4, 0, 4, field_at(WB_POSTS, 0, "objective"),
	    FIELD_ECHOICE);
	assert_string_equal(wb_item_value(&d, 0, &ld->items[0], "objective"),
	    "o1");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[0], "persona"),
	    "zz");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[2], "objective"),
	    "a b");
	wb_data_free(&d);

	/* Valid references: no error. */
	assert_int_equal(from_form(&d, WB_POSTS, "post-1-platform=facebook"
	    "&post-1-text=Hello&post-1-objective=o1&post-1-persona=p1",
	    &p, &errs), 0);
	wb_data_free(&d);
	wb_plan_free(&p);
}

/* Evaluation: one review per objective, whatever the form says. */
static void
test_form_evaluation(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;
	const struct wb_list_data *ld;

	(void)state;
	plan_init(&p);
	plan_set(&p, WB_OBJECTIVES, "objective-1-id=o1&objective-1-text=A"
	    "&objective-2-id=o2&objective-2-text=B"
	    "&objective-3-id=o3&objective-3-text=C");
	assert_int_equal(from_form(&d, WB_EVALUATION,
	    "review-1-id=o2&review-1-worked=Yes&review-1-reviewed_on=2024-02-30"
	    "&review-2-id=o9&review-2-worked=x"
	    "&review-3-worked=new"
	    "&review-4-id=o1&review-4-remove=on&review-4-next=Keep"
	    "&review-5-id=o2&review-5-worked=second",
	    &p, &errs), 1);
	ld = &d.lists[0];
	assert_int_equal(ld->n, 3);
	assert_string_equal(ld->items[0].id, "o1");
	assert_string_equal(ld->items[1].id, "o2");
	assert_string_equal(ld->items[2].id, "o3");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[0], "next"),
	    "Keep");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[1], "worked"),
	    "Yes");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[1],
	    "reviewed_on"), "2024-02-30");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[2], "worked"), "");
	CHECK_ERROR(&errs, 0, 0, 2, field_at(WB_EVALUATION, 0, "reviewed_on"),
	    FIELD_EFORMAT);
	wb_data_free(&d);

	/* No objective: no review. */
	plan_set(&p, WB_OBJECTIVES, "");
	assert_int_equal(from_form(&d, WB_EVALUATION, "review-1-id=o1"
	    "&review-1-worked=x", &p, &errs), 0);
	assert_int_equal(d.lists[0].n, 0);
	wb_data_free(&d);
	wb_plan_free(&p);
}

/*
 * wb_list_append(): fresh ids in lists people edit, RT_ETOOBIG for fixed,
 * derived and full lists, d unchanged when memory runs out.
 */
static void
test_list_append(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;
	struct wb_item		*it;
	long			 k;
	int			 rc;

	(void)state;
	plan_init(&p);
	assert_int_equal(from_form(&d, WB_AUDIENCES, "persona-1-id=p1"
	    "&persona-1-name=A&persona-2-id=p3&persona-2-name=C", &p, &errs),
	    0);
	assert_int_equal(wb_list_append(&d, 0, &it), RT_OK);
	assert_ptr_equal(it, &d.lists[0].items[2]);
	assert_string_equal(it->id, "p2");
	assert_string_equal(wb_item_value(&d, 0, it, "name"), "");
	assert_string_equal(wb_item_value(&d, 0, it, "details"), "");
	assert_int_equal(wb_list_append(&d, 0, &it), RT_OK);
	assert_string_equal(it->id, "p4");
	assert_int_equal(d.lists[0].n, 4);
	/* The earlier items are intact after the array moved. */
	assert_string_equal(wb_item_value(&d, 0, &d.lists[0].items[1],
	    "name"), "C");

	for (k = 0; ; k++) {
		fault_left = k;
		rc = wb_list_append(&d, 0, &it);
		fault_left = -1;
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
		assert_null(it);
		assert_int_equal(d.lists[0].n, 4);
	}
	assert_true(k > 2);
	assert_string_equal(it->id, "p5");
	wb_data_free(&d);

	/* An empty list starts at 1; a full one refuses. */
	assert_int_equal(wb_data_init(&d, WB_OBJECTIVES), RT_OK);
	for (k = 1; k <= 3; k++) {
		assert_int_equal(wb_list_append(&d, 0, &it), RT_OK);
		assert_int_equal(it->id[0], 'o');
		assert_int_equal(it->id[1], '0' + k);
	}
	assert_int_equal(wb_list_append(&d, 0, &it), RT_ETOOBIG);
	assert_null(it);
	assert_int_equal(d.lists[0].n, 3);
	wb_data_free(&d);

	/* Fixed lists and lists made from another section cannot grow. */
	assert_int_equal(wb_data_init(&d, WB_PLATFORMS), RT_OK);
	assert_int_equal(wb_list_append(&d, 0, &it), RT_ETOOBIG);
	assert_int_equal(d.lists[0].n, PF__MAX);
	wb_data_free(&d);
	assert_int_equal(wb_data_init(&d, WB_EVALUATION), RT_OK);
	assert_int_equal(wb_list_append(&d, 0, &it), RT_ETOOBIG);
	assert_int_equal(d.lists[0].n, 0);
	wb_data_free(&d);
	wb_plan_free(&p);
}

/* Builds the list of n objectives of ids ids[0..n) in p by hand. */
static void
set_objectives(struct wb_plan *p, const char *const *ids, size_t n)
{
	struct wb_list_data	*ld = &p->s[WB_OBJECTIVES].lists[0];
	size_t			 i;

	wb_data_free(&p->s[WB_OBJECTIVES]);
	assert_int_equal(wb_data_init(&p->s[WB_OBJECTIVES], WB_OBJECTIVES),
	    RT_OK);
	if (n == 0)
		return;
	ld->items = calloc(n, sizeof(*ld->items));
	assert_non_null(ld->items);
	ld->n = n;
	for (i = 0; i < n; i++)
		snprintf(ld->items[i].id, sizeof(ld->items[i].id), "%s",
		    ids[i]);
}

/* wb_data_sync_items(): the source's ids, in its order, values kept. */
static void
test_sync_items(void **state)
{
	static const char *const three[] = { "o1", "o2", "o3" };
	static const char *const messy[] = {
	    "o3", "", "o3", "bad id", "o1", "o2", "o4", "o5" };
	static const char *const only2[] = { "o2" };
	struct wb_plan		 p;
	struct wb_data		 d;
	const struct wb_list_data *ld = &d.lists[0];
	char			 err[256];
	struct buf		 before = { NULL, 0, 0 }, after = { NULL, 0, 0 };
	long			 k;
	int			 rc;

	(void)state;
	plan_init(&p);
	assert_int_equal(from_json(&d, WB_EVALUATION, "{\"lists\": {\"review\""
	    ": [{\"id\": \"zz\", \"worked\": \"z\"}, {\"id\": \"o3\", "
	    "\"worked\": \"x\"}, {\"id\": \"o1\", \"worked\": \"y\"}]}}", err,
	    sizeof(err)), RT_OK);
	assert_int_equal(ld->n, 3);

	set_objectives(&p, three, 3);
	assert_int_equal(wb_data_sync_items(&d, &p), RT_OK);
	assert_int_equal(ld->n, 3);
	assert_string_equal(ld->items[0].id, "o1");
	assert_string_equal(ld->items[1].id, "o2");
	assert_string_equal(ld->items[2].id, "o3");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[0], "worked"), "y");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[1], "worked"), "");
	assert_non_null(ld->items[1].values[0]);
	assert_string_equal(wb_item_value(&d, 0, &ld->items[2], "worked"), "x");

	/* Repeated, malformed ids skipped; at most three reviews. */
	set_objectives(&p, messy, 8);
	assert_int_equal(wb_data_sync_items(&d, &p), RT_OK);
	assert_int_equal(ld->n, 3);
	assert_string_equal(ld->items[0].id, "o3");
	assert_string_equal(ld->items[1].id, "o1");
	assert_string_equal(ld->items[2].id, "o2");
	assert_string_equal(wb_item_value(&d, 0, &ld->items[0], "worked"), "x");

	/* Running out of memory leaves the list as it was. */
	set_objectives(&p, three, 3);
	{
		struct wb_data	 e;

		assert_int_equal(from_json(&e, WB_EVALUATION, "{\"lists\": "
		    "{\"review\": [{\"id\": \"o9\"}, {\"id\": \"o2\", "
		    "\"next\": \"n\"}]}}", err, sizeof(err)), RT_OK);
		to_json(&e, &before);
		for (k = 0; ; k++) {
			fault_left = k;
			rc = wb_data_sync_items(&e, &p);
			fault_left = -1;
			if (rc == RT_OK)
				break;
			assert_int_equal(rc, RT_ENOMEM);
			to_json(&e, &after);
			assert_string_equal(buf_str(&after), buf_str(&before));
		}
		assert_true(k >= 2);
		assert_int_equal(e.lists[0].n, 3);
		assert_string_equal(wb_item_value(&e, 0, &e.lists[0].items[1],
		    "next"), "n");
		wb_data_free(&e);
	}

	/* Down to one objective, then none. */
	set_objectives(&p, only2, 1);
	assert_int_equal(wb_data_sync_items(&d, &p), RT_OK);
	assert_int_equal(ld->n, 1);
	assert_string_equal(ld->items[0].id, "o2");
	set_objectives(&p, NULL, 0);
	assert_int_equal(wb_data_sync_items(&d, &p), RT_OK);
	assert_int_equal(ld->n, 0);
	assert_null(ld->items);
	wb_data_free(&d);

	/* Sections without such a list are untouched. */
	assert_int_equal(wb_data_init(&d, WB_PLATFORMS), RT_OK);
	assert_int_equal(wb_data_sync_items(&d, &p), RT_OK);
	assert_int_equal(d.lists[0].n, PF__MAX);
	wb_data_free(&d);
	buf_free(&before);
	buf_free(&after);
	wb_plan_free(&p);
}

/* The exact JSON of an empty section and of a small list. */
static void
test_json_exact(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;
	struct buf		 out = { NULL, 0, 0 };

	(void)state;
	plan_init(&p);
	to_json(&p.s[WB_MISSION], &out);
	assert_string_equal(buf_str(&out),
	    "{\n"
	    "  \"fields\": {\n"
	    "    \"mission\": \"\",\n"
	    "    \"means\": \"\",\n"
	    "    \"strategy\": \"\"\n"
	    "  },\n"
	    "  \"lists\": {}\n"
	    "}\n");
	to_json(&p.s[WB_EVENTS], &out);
	assert_string_equal(buf_str(&out),
	    "{\n"
	    "  \"fields\": {},\n"
	    "  \"lists\": {\n"
	    "    \"event\": []\n"
	    "  }\n"
	    "}\n");
	assert_int_equal(from_form(&d, WB_STORY, "pitch_short=%22Hi%22%0D%0A"
	    "%09tab&value-1-value=Care&value-1-example=We+%5Clisten", &p, &errs),
	    0);
	to_json(&d, &out);
	assert_non_null(strstr(buf_str(&out),
	    "    \"pitch_short\": \"\\\"Hi\\\"\\n\\ttab\",\n"));
	assert_non_null(strstr(buf_str(&out),
	    "  \"lists\": {\n"
	    "    \"value\": [\n"
	    "      {\n"
	    "        \"id\": \"v1\",\n"
	    "        \"value\": \"Care\",\n"
	    "        \"example\": \"We \\\\listen\"\n"
	    "      }\n"
	    "    ]\n"
	    "  }\n"
	    "}\n"));
	wb_data_free(&d);
	buf_free(&out);
	wb_plan_free(&p);
}

/*
 * A filled form of every section; its references point at the objectives
 * o1 and o2 and the persona p1 of the forms of those sections.
 */
static const char *const filled_forms[WB__MAX] = {
	[WB_START] = "website=ex.org&hours=12%2C5&people=Ana%0D%0ABob",
	[WB_ACCOUNTS] = "account-1-platform=facebook"
	    "&account-1-handle=%40us&account-2-platform=other"
	    "&account-2-notes=%C3%A9t%C3%A9+%F0%9F%98%80",
	[WB_MISSION] = "mission=Help&means=Meals&strategy=Tell",
	[WB_OBJECTIVES] = "objective-1-id=o1&objective-1-text=Grow"
	    "&objective-1-kind=volunteers&objective-1-due=2026-06-30"
	    "&objective-2-id=o2&objective-2-text=Tell&objective-2-target=10",
	[WB_STORY] = "problem=Rents&pitch_short=Short"
	    "&value-1-value=Care&value-2-value=Joy",
	[WB_TONE] = "warmth=4&formality=2&adjective_1=warm&sample=Hi",
	[WB_AUDIENCES] = "groups=media&groups=donors"
	    "&persona-1-id=p1&persona-1-name=Ana"
	    "&persona-1-platforms=instagram&persona-1-platforms=facebook",
	[WB_PLATFORMS] = "platform-1-id=facebook&platform-1-chosen=on"
	    "&platform-1-objectives=o2&platform-1-objectives=o1"
	    "&platform-1-personas=p1&platform-1-hours=1.25"
	    "&platform-1-posts=3&platform-2-id=x&platform-2-purpose=News",
	[WB_RESOURCES] = "position=3&content_kinds=Photos",
	[WB_PRACTICES] = "practice-1-id=positive&practice-1-adopt=on"
	    "&practice-1-how=Smile",
	[WB_POSTS] = "post-1-platform=x&post-1-text=Hello%0D%0Aworld"
	    "&post-1-objective=o1&post-1-persona=p1&post-1-hashtags=%23qc",
	[WB_TEAM] = "responsible=Ana&responsible_stays=unsure"
	    "&check_mentions=daily",
	[WB_EVALUATION] = "review-1-id=o2&review-1-worked=Much",
	[WB_EVENTS] = "event-1-name=Fair&event-1-date=2026-09-12"
	    "&event-1-platforms=facebook&event-1-platforms=x",
};

/*
 * Form, data, JSON, data, JSON: the two JSON texts are the same bytes,
 * for every section, filled.
 */
static void
test_json_roundtrip(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d, back;
	struct wb_errors	 errs;
	struct buf		 one = { NULL, 0, 0 }, two = { NULL, 0, 0 };
	char			 err[256];
	int			 s;

	(void)state;
	plan_init(&p);
	plan_set(&p, WB_OBJECTIVES, filled_forms[WB_OBJECTIVES]);
	plan_set(&p, WB_AUDIENCES, filled_forms[WB_AUDIENCES]);
	for (s = 0; s < WB__MAX; s++) {
		assert_non_null(filled_forms[s]);
		if (from_form(&d, s, filled_forms[s], &p, &errs) != 0)
			fail_msg("section %d: %zu errors", s, errs.n);
		to_json(&d, &one);
		if (from_json(&back, s, buf_str(&one), err, sizeof(err)) !=
		    RT_OK)
			fail_msg("section %d: %s", s, err);
		to_json(&back, &two);
		if (strcmp(buf_str(&one), buf_str(&two)) != 0)
			fail_msg("section %d differs:\n%s\n%s", s,
			    buf_str(&one), buf_str(&two));
		/* And writing the same data twice gives the same bytes. */
		to_json(&back, &one);
		assert_string_equal(buf_str(&one), buf_str(&two));
		wb_data_free(&d);
		wb_data_free(&back);
	}
	/* The evaluation read back keeps its review; sync completes it. */
	assert_int_equal(from_json(&back, WB_EVALUATION, "{\"lists\": "
	    "{\"review\": [{\"id\": \"o2\", \"worked\": \"Much\"}]}}", err,
	    sizeof(err)), RT_OK);
	assert_int_equal(back.lists[0].n, 1);
	assert_int_equal(wb_data_sync_items(&back, &p), RT_OK);
	assert_int_equal(back.lists[0].n, 2);
	assert_string_equal(back.lists[0].items[0].id, "o1");
	wb_data_free(&back);
	buf_free(&one);
	buf_free(&two);
	wb_plan_free(&p);
}

/*
 * Reads the JSON text s for section and expects RT_EINVAL with exactly
 * the message msg; reports the caller's line.
 */
static void
json_bad_at(int section, const char *s, const char *msg, int line)
{
	struct wb_data	 d;
	char		 err[512];
	int		 rc;

	rc = from_json(&d, section, s, err, sizeof(err));
	wb_data_free(&d);
	if (rc != RT_EINVAL)
		fail_msg("line %d: rc %d, expected RT_EINVAL", line, rc);
	if (strcmp(err, msg) != 0)
		fail_msg("line %d: message \"%s\", expected \"%s\"", line,
		    err, msg);
}
#define JSON_BAD(section, s, msg) json_bad_at((section), (s), (msg), __LINE__)

/* What wb_data_read_json() refuses, and the line that says why. */
static void
test_json_refused(void **state)
{
	char	 doc[1024];
	size_t	 i;
	int	 n;

	(void)state;
	JSON_BAD(WB_AUDIENCES, "[]",
	    "section \"audiences\": the document is not a JSON object");
	JSON_BAD(WB_AUDIENCES, "{\"fields\": []}",
	    "section \"audiences\": \"fields\" is not an object");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": 1}",
	    "section \"audiences\": \"lists\" is not an object");
	JSON_BAD(WB_AUDIENCES, "{\"fields\": {\"other_groups\": 5}}",
	    "section \"audiences\", field \"other_groups\": not a string");
	JSON_BAD(WB_AUDIENCES, "{\"fields\": {\"other_groups\": null}}",
	    "section \"audiences\", field \"other_groups\": not a string");
	JSON_BAD(WB_AUDIENCES, "{\"fields\": {\"other_groups\": \"a\\nb\"}}",
	    "section \"audiences\", field \"other_groups\": holds a line "
	    "break or a control character");
	JSON_BAD(WB_AUDIENCES, "{\"fields\": {\"groups\": \"donors,,media\"}}",
	    "section \"audiences\", field \"groups\": an empty value in a list "
	    "separated by ','");
	JSON_BAD(WB_AUDIENCES, "{\"fields\": {\"groups\": \"donors,\"}}",
	    "section \"audiences\", field \"groups\": an empty value in a list "
	    "separated by ','");
	JSON_BAD(WB_AUDIENCES, "{\"fields\": {\"groups\": \",donors\"}}",
	    "section \"audiences\", field \"groups\": an empty value in a list "
	    "separated by ','");
	JSON_BAD(WB_AUDIENCES, "{\"fields\": {\"groups\": \"donors,pirates\"}}",
	    "section \"audiences\", field \"groups\": not one of the choices");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": {}}}",
	    "section \"audiences\", list \"persona\": not an array");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [1]}}",
	    "section \"audiences\", list \"persona\", item 1: not an object");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [{\"id\": \"p1\"}, "
	    "{\"name\": \"A\"}]}}",
	    "section \"audiences\", list \"persona\", item 2: no valid \"id\" "
	    "(1 to 23 letters, digits, '_' or '-')");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [{\"id\": 7}]}}",
	    "section \"audiences\", list \"persona\", item 1: no valid \"id\" "
	    "(1 to 23 letters, digits, '_' or '-')");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [{\"id\": \"a b\"}]}}",
	    "section \"audiences\", list \"persona\", item 1: no valid \"id\" "
	    "(1 to 23 letters, digits, '_' or '-')");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [{\"id\": \"\"}]}}",
	    "section \"audiences\", list \"persona\", item 1: no valid \"id\" "
	    "(1 to 23 letters, digits, '_' or '-')");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [{\"id\": "
	    "\"abcdefghijklmnopqrstuvwx\"}]}}",
	    "section \"audiences\", list \"persona\", item 1: no valid \"id\" "
	    "(1 to 23 letters, digits, '_' or '-')");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [{\"id\": \"p1\"}, "
	    "{\"id\": \"p2\"}, {\"id\": \"p1\"}]}}",
	    "section \"audiences\", list \"persona\", item 3: the id \"p1\" is "
	    "also item 1's");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [{\"id\": \"p1\", "
	    "\"age\": \"12345678901234567890123456789012345678901\"}]}}",
	    "section \"audiences\", list \"persona\", item 1 (\"p1\"), field "
	    "\"age\": longer than 40 characters");
	JSON_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [{\"id\": \"p1\", "
	    "\"platforms\": \"facebook,myspace\"}]}}",
	    "section \"audiences\", list \"persona\", item 1 (\"p1\"), field "
	    "\"platforms\": not one of the choices");

	/* Too many items. */
	n = snprintf(doc, sizeof(doc), "{\"lists\": {\"persona\": [");
	for (i = 0; i < 21; i++)
		n += snprintf(doc + n, sizeof(doc) - (size_t)n,
		    "%s{\"id\": \"p%zu\"}", i ? ", " : "", i + 1);
	snprintf(doc + n, sizeof(doc) - (size_t)n, "]}}");
	JSON_BAD(WB_AUDIENCES, doc, "section \"audiences\", list \"persona\": "
	    "more than 20 items");

	/* Each kind, on the platforms. */
	JSON_BAD(WB_PLATFORMS, "{\"lists\": {\"platform\": [{\"id\": "
	    "\"facebook\", \"chosen\": \"yes\"}]}}",
	    "section \"platforms\", list \"platform\", item 1 (\"facebook\"), "
	    "field \"chosen\": not \"1\" or \"\"");
	JSON_BAD(WB_PLATFORMS, "{\"lists\": {\"platform\": [{\"id\": "
	    "\"facebook\", \"hours\": \"2.555\"}]}}",
	    "section \"platforms\", list \"platform\", item 1 (\"facebook\"), "
	    "field \"hours\": not a number with at most two decimals");
	JSON_BAD(WB_PLATFORMS, "{\"lists\": {\"platform\": [{\"id\": "
	    "\"facebook\", \"hours\": \"41\"}]}}",
	    "section \"platforms\", list \"platform\", item 1 (\"facebook\"), "
	    "field \"hours\": not a number from 0 to 40");
	JSON_BAD(WB_PLATFORMS, "{\"lists\": {\"platform\": [{\"id\": "
	    "\"facebook\", \"posts\": \"1.5\"}]}}",
	    "section \"platforms\", list \"platform\", item 1 (\"facebook\"), "
	    "field \"posts\": not a whole number");
	JSON_BAD(WB_PLATFORMS, "{\"lists\": {\"platform\": [{\"id\": "
	    "\"youtube\", \"objectives\": \"o1,a b\"}]}}",
	    "section \"platforms\", list \"platform\", item 1 (\"youtube\"), "
	    "field \"objectives\": not a list of well-formed keys");
	JSON_BAD(WB_PLATFORMS, "{\"lists\": {\"platform\": [{\"id\": "
	    "\"mars\"}, {\"id\": \"x\", \"objectives\": \"o1,o2,o3,o4\"}]}}",
	    "section \"platforms\", list \"platform\", item 2 (\"x\"), "
	    "field \"objectives\": too many values");
	JSON_BAD(WB_PLATFORMS, "{\"lists\": {\"platform\": [{\"id\": "
	    "\"x\"}, {\"id\": \"mars\"}, {\"id\": \"x\"}]}}",
	    "section \"platforms\", list \"platform\", item 3: the id \"x\" is "
	    "also item 1's");
	JSON_BAD(WB_POSTS, "{\"lists\": {\"post\": [{\"id\": \"p1\", "
	    "\"objective\": \"a b\"}]}}",
	    "section \"posts\", list \"post\", item 1 (\"p1\"), field "
	    "\"objective\": not an item id");
	JSON_BAD(WB_POSTS, "{\"lists\": {\"post\": [{\"id\": \"p1\", "
	    "\"platform\": \"myspace\"}]}}",
	    "section \"posts\", list \"post\", item 1 (\"p1\"), field "
	    "\"platform\": not one of the choices");
	JSON_BAD(WB_OBJECTIVES, "{\"lists\": {\"objective\": [{\"id\": \"o1\", "
	    "\"due\": \"2024-02-30\"}]}}",
	    "section \"objectives\", list \"objective\", item 1 (\"o1\"), "
	    "field \"due\": not a date written YYYY-MM-DD");
	JSON_BAD(WB_TONE, "{\"fields\": {\"warmth\": \"6\"}}",
	    "section \"tone\", field \"warmth\": not a number from 1 to 5");
	JSON_BAD(WB_STORY, "{\"fields\": {\"problem\": \"a\\u0001b\"}}",
	    "section \"story\", field \"problem\": holds a control character");

	/* No room for the message: nothing is written. */
	{
		struct wb_data	 d;

		assert_int_equal(from_json(&d, WB_TONE, "{\"fields\": "
		    "{\"warmth\": 6}}", NULL, 0), RT_EINVAL);
		wb_data_free(&d);
	}
}

/* What wb_data_read_json() accepts, and how it normalises it. */
static void
test_json_accepted(void **state)
{
	struct wb_data		 d;
	const struct wb_item	*it;
	char			 err[256];

	(void)state;
	/* Unknown keys ignored, missing fields "", values normalised. */
	assert_int_equal(from_json(&d, WB_AUDIENCES, "{\"version\": 3, "
	    "\"fields\": {\"groups\": \"media,donors,media\", \"other\": 1, "
	    "\"other_groups\": \"  Elders \"}, \"lists\": {\"persona\": ["
	    "{\"id\": \"p2\", \"details\": \"a\\r\\nb\", \"extra\": [1]}, "
	    "{\"id\": \"p1\"}], \"nonesuch\": 5}}", err, sizeof(err)), RT_OK);
	assert_string_equal(wb_value(&d, "groups"), "media,donors");
	assert_string_equal(wb_value(&d, "other_groups"), "Elders");
	assert_int_equal(d.lists[0].n, 2);
	it = &d.lists[0].items[0];
	assert_string_equal(it->id, "p2");
	assert_string_equal(wb_item_value(&d, 0, it, "details"), "a\nb");
	/* A required field may be empty in a stored document. */
	assert_string_equal(wb_item_value(&d, 0, it, "name"), "");
	assert_non_null(it->values[0]);
	wb_data_free(&d);

	/* A fixed list ignores unknown ids and keeps its order. */
	assert_int_equal(from_json(&d, WB_PLATFORMS, "{\"lists\": "
	    "{\"platform\": [{\"id\": \"x\", \"chosen\": \"1\", \"hours\": "
	    "\"2,50\"}, {\"id\": \"myspace\", \"chosen\": \"1\"}, "
	    "{\"id\": \"facebook\", \"chosen\": \"\"}]}}", err, sizeof(err)),
	    RT_OK);
	assert_int_equal(d.lists[0].n, PF__MAX);
	it = wb_item_find(&d, 0, "x");
	assert_ptr_equal(it, &d.lists[0].items[PF_X]);
	assert_string_equal(wb_item_value(&d, 0, it, "chosen"), "1");
	assert_string_equal(wb_item_value(&d, 0, it, "hours"), "2.5");
	assert_string_equal(wb_item_value(&d, 0, &d.lists[0].items[0],
	    "chosen"), "");
	wb_data_free(&d);

	/* Empty document: everything stays as initialised. */
	assert_int_equal(from_json(&d, WB_PRACTICES, "{}", err, sizeof(err)),
	    RT_OK);
	assert_int_equal(d.lists[0].n, 8);
	wb_data_free(&d);

	/* An empty list replaces what was there. */
	assert_int_equal(from_json(&d, WB_EVENTS, "{\"lists\": {\"event\": "
	    "[]}}", err, sizeof(err)), RT_OK);
	assert_int_equal(d.lists[0].n, 0);
	wb_data_free(&d);
}

/*
 * Every allocation of wb_data_init(), wb_data_from_form() and
 * wb_data_read_json() may fail: RT_ENOMEM, and nothing leaks once the
 * caller frees d (ASan's leak check proves it).
 */
static void
test_oom(void **state)
{
	static const char form[] =
	    "platform-1-id=instagram&platform-1-chosen=on"
	    "&platform-1-objectives=o1&platform-1-hours=2%2C5"
	    "&platform-2-id=x&platform-2-purpose=News";
	static const char aud[] =
	    "groups=media&persona-1-name=Ana&persona-1-platforms=x"
	    "&persona-2-id=p4&persona-2-name=Bo&persona-3-name=Cy";
	static const char eval[] =
	    "review-1-id=o1&review-1-worked=Yes&review-2-id=o2";
	struct wb_plan		 p;
	struct wb_data		 d;
	struct wb_errors	 errs;
	struct kvlist		 in = { NULL, 0, 0 };
	struct buf		 out = { NULL, 0, 0 };
	struct json		*j;
	char			 err[256];
	const char		*forms[3] = { form, aud, eval };
	const int		 secs[3] = { WB_PLATFORMS, WB_AUDIENCES,
				    WB_EVALUATION };
	long			 k;
	size_t			 f;
	int			 rc;

	(void)state;
	plan_init(&p);
	plan_set(&p, WB_OBJECTIVES, "objective-1-id=o1&objective-1-text=A"
	    "&objective-2-id=o2&objective-2-text=B");

	for (k = 0; ; k++) {
		fault_left = k;
		rc = wb_data_init(&d, WB_PLATFORMS);
		fault_left = -1;
		wb_data_free(&d);
		if (rc == RT_OK)
			break;
		assert_int_equal(rc, RT_ENOMEM);
	}
	assert_true(k > PF__MAX);

	for (f = 0; f < 3; f++) {
		assert_int_equal(http_parse_urlencoded(forms[f],
		    strlen(forms[f]), &in), RT_OK);
		for (k = 0; ; k++) {
			assert_int_equal(wb_data_init(&d, secs[f]), RT_OK);
			fault_left = k;
			rc = wb_data_from_form(&d, &in, &p, &errs);
			fault_left = -1;
			if (rc == RT_OK)
				break;
			assert_int_equal(rc, RT_ENOMEM);
			wb_data_free(&d);
		}
		assert_true(k > 3);
		assert_int_equal(errs.n, 0);
		kvlist_free(&in);

		to_json(&d, &out);
		wb_data_free(&d);
		assert_int_equal(json_parse(out.data, out.len, JSON_MAX_DEPTH,
		    &j, err, sizeof(err)), RT_OK);
		for (k = 0; ; k++) {
			assert_int_equal(wb_data_init(&d, secs[f]), RT_OK);
			fault_left = k;
			rc = wb_data_read_json(&d, j, err, sizeof(err));
			fault_left = -1;
			wb_data_free(&d);
			if (rc == RT_OK)
				break;
			assert_int_equal(rc, RT_ENOMEM);
		}
		assert_true(k > 3);
		json_free(j);
	}
	buf_free(&out);
	wb_plan_free(&p);
}

/*
 * Parses the JSON text s and reads it with wb_data_read_stored() into d
 * (initialised here for section); returns its status, with its message
 * in err.  d is the caller's to free.
 */
static int
from_stored(struct wb_data *d, int section, const char *s, char *err,
    size_t errlen)
{
	struct json	*j;
	char		 perr[128];
	int		 rc;

	assert_int_equal(wb_data_init(d, section), RT_OK);
	if (json_parse(s, strlen(s), JSON_MAX_DEPTH, &j, perr,
	    sizeof(perr)) != RT_OK)
		fail_msg("test JSON does not parse: %s: %s", perr, s);
	rc = wb_data_read_stored(d, j, err, errlen);
	json_free(j);
	return rc;
}

/* Checks that a and b (same section) hold the same values and items. */
static void
same_data(const struct wb_data *a, const struct wb_data *b)
{
	const struct wb_section_def	*sd = &wb_sections[a->section];
	size_t				 i, l, k;

	assert_int_equal(a->section, b->section);
	for (i = 0; i < WB_MAX_FIELDS; i++)
		if (i < sd->nfields)
			assert_string_equal(a->values[i], b->values[i]);
		else
			assert_true(a->values[i] == NULL &&
			    b->values[i] == NULL);
	for (l = 0; l < WB_MAX_LISTS; l++) {
		assert_int_equal(a->lists[l].n, b->lists[l].n);
		for (k = 0; k < a->lists[l].n; k++) {
			assert_string_equal(a->lists[l].items[k].id,
			    b->lists[l].items[k].id);
			for (i = 0; i < WB_MAX_FIELDS; i++)
				if (i < sd->lists[l].nfields)
					assert_string_equal(
					    a->lists[l].items[k].values[i],
					    b->lists[l].items[k].values[i]);
				else
					assert_null(
					    a->lists[l].items[k].values[i]);
		}
	}
}

/*
 * What the forms store, wb_data_read_stored() reads back as
 * wb_data_read_json() does, for every section filled, empty, and written
 * with fields or lists left out.
 */
static void
test_stored_same(void **state)
{
	static const char *const partial[] = {
		"{}", "{\"fields\": {}}", "{\"lists\": {}}",
		"{\"fields\": {\"mission\": \"M\"}, \"other\": [1]}",
	};
	struct wb_plan		 p;
	struct wb_data		 d, a, b;
	struct wb_errors	 errs;
	struct buf		 out = { NULL, 0, 0 };
	char			 err[256];
	size_t			 i;
	int			 s;

	(void)state;
	plan_init(&p);
	plan_set(&p, WB_OBJECTIVES, filled_forms[WB_OBJECTIVES]);
	plan_set(&p, WB_AUDIENCES, filled_forms[WB_AUDIENCES]);
	for (s = 0; s < WB__MAX; s++) {
		if (from_form(&d, s, filled_forms[s], &p, &errs) != 0)
			fail_msg("section %d: %zu errors", s, errs.n);
		to_json(&d, &out);
		assert_int_equal(from_json(&a, s, buf_str(&out), err,
		    sizeof(err)), RT_OK);
		assert_int_equal(from_stored(&b, s, buf_str(&out), err,
		    sizeof(err)), RT_OK);
		same_data(&a, &b);
		same_data(&d, &b);
		wb_data_free(&a);
		wb_data_free(&b);
		wb_data_free(&d);
		to_json(&p.s[s], &out);
		assert_int_equal(from_json(&a, s, buf_str(&out), err,
		    sizeof(err)), RT_OK);
		assert_int_equal(from_stored(&b, s, buf_str(&out), err,
		    sizeof(err)), RT_OK);
		same_data(&a, &b);
		wb_data_free(&a);
		wb_data_free(&b);
	}
	for (i = 0; i < sizeof(partial) / sizeof(partial[0]); i++) {
		assert_int_equal(from_json(&a, WB_MISSION, partial[i], err,
		    sizeof(err)), RT_OK);
		assert_int_equal(from_stored(&b, WB_MISSION, partial[i], err,
		    sizeof(err)), RT_OK);
		same_data(&a, &b);
		wb_data_free(&a);
		wb_data_free(&b);
	}
	/* A new item without some fields gets "" for them; fixed ones stay. */
	assert_int_equal(from_stored(&b, WB_AUDIENCES, "{\"lists\": "
	    "{\"persona\": [{\"id\": \"p1\", \"name\": \"Ana\"}]}}", err,
	    sizeof(err)), RT_OK);
	assert_string_equal(wb_item_value(&b, 0, &b.lists[0].items[0],
	    "name"), "Ana");
	assert_string_equal(wb_item_value(&b, 0, &b.lists[0].items[0],
	    "role"), "");
	assert_non_null(b.lists[0].items[0].values[field_at(WB_AUDIENCES, 0,
	    "role")]);
	wb_data_free(&b);
	assert_int_equal(from_stored(&b, WB_PLATFORMS, "{\"lists\": "
	    "{\"platform\": [{\"id\": \"x\", \"chosen\": \"1\"}, "
	    "{\"id\": \"myspace\", \"chosen\": \"1\"}]}}", err, sizeof(err)),
	    RT_OK);
	assert_int_equal(b.lists[0].n, PF__MAX);
	assert_string_equal(wb_item_value(&b, 0, wb_item_find(&b, 0, "x"),
	    "chosen"), "1");
	wb_data_free(&b);
	buf_free(&out);
	wb_plan_free(&p);
}

/*
 * Reads the JSON text s for section with wb_data_read_stored() and
 * expects RT_EINVAL with exactly the message msg.
 */
static void
stored_bad_at(int section, const char *s, const char *msg, int line)
{
	struct wb_data	 d;
	char		 err[512];
	int		 rc;

	rc = from_stored(&d, section, s, err, sizeof(err));
	wb_data_free(&d);
	if (rc != RT_EINVAL)
		fail_msg("line %d: rc %d, expected RT_EINVAL", line, rc);
	if (strcmp(err, msg) != 0)
		fail_msg("line %d: message \"%s\", expected \"%s\"", line,
		    err, msg);
}
#define STORED_BAD(section, s, msg) \
	stored_bad_at((section), (s), (msg), __LINE__)

/*
 * What wb_data_read_stored() still refuses: what would take the program
 * out of its bounds (a value that is no string, an id that does not fit
 * or repeats, more items than the list takes, a text far longer than its
 * field, a checkbox that is neither "" nor "1").  What only the forms'
 * checks refuse, it takes as stored.
 */
static void
test_stored_refused(void **state)
{
	struct wb_data	 d;
	char		 doc[1024], err[256];
	size_t		 i;
	int		 n;

	(void)state;
	STORED_BAD(WB_AUDIENCES, "[]",
	    "section \"audiences\": the document is not a JSON object");
	STORED_BAD(WB_AUDIENCES, "{\"lists\": 1}",
	    "section \"audiences\": \"lists\" is not an object");
	STORED_BAD(WB_AUDIENCES, "{\"fields\": {\"other_groups\": null}}",
	    "section \"audiences\", field \"other_groups\": not a string");
	STORED_BAD(WB_PLATFORMS, "{\"lists\": {\"platform\": [{\"id\": \"x\", "
	    "\"chosen\": \"on\"}]}}",
	    "section \"platforms\", list \"platform\", item 1 (\"x\"), "
	    "field \"chosen\": not \"1\" or \"\"");
	STORED_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": {}}}",
	    "section \"audiences\", list \"persona\": not an array");
	STORED_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [{\"id\": "
	    "\"abcdefghijklmnopqrstuvwx\"}]}}",
	    "section \"audiences\", list \"persona\", item 1: no valid "
	    "\"id\" (1 to 23 letters, digits, '_' or '-')");
	STORED_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [{\"id\": \"p1\"}, "
	    "{\"id\": \"p1\"}]}}",
	    "section \"audiences\", list \"persona\", item 2: the id \"p1\" "
	    "is also item 1's");
	STORED_BAD(WB_AUDIENCES, "{\"lists\": {\"persona\": [\"p1\"]}}",
	    "section \"audiences\", list \"persona\", item 1: not an "
	    "object");
	/* "age" takes 40 characters: 161 bytes are more than any 40 can be. */
	n = snprintf(doc, sizeof(doc), "{\"lists\": {\"persona\": [{\"id\": "
	    "\"p1\", \"age\": \"");
	for (i = 0; i < 161; i++)
		doc[n++] = 'a';
	snprintf(doc + n, sizeof(doc) - (size_t)n, "\"}]}}");
	STORED_BAD(WB_AUDIENCES, doc, "section \"audiences\", list "
	    "\"persona\", item 1 (\"p1\"), field \"age\": far too long");
	n = snprintf(doc, sizeof(doc), "{\"lists\": {\"objective\": [");
	for (i = 0; i < 50; i++)
		n += snprintf(doc + n, sizeof(doc) - (size_t)n, "%s{\"id\": "
		    "\"o%zu\"}", i > 0 ? ", " : "", i + 1);
	snprintf(doc + n, sizeof(doc) - (size_t)n, "]}}");
	STORED_BAD(WB_OBJECTIVES, doc, "section \"objectives\", list "
	    "\"objective\": more than 3 items");

	/*
	 * Taken as stored: a choice this program does not know, 41
	 * characters in a field of 40.
	 */
	assert_int_equal(from_stored(&d, WB_AUDIENCES, "{\"fields\": "
	    "{\"groups\": \"donors,pirates\"}, \"lists\": {\"persona\": [{\"id\": "
	    "\"p1\", \"age\": \"12345678901234567890123456789012345678901\"}]}}",
	    err, sizeof(err)), RT_OK);
	assert_string_equal(wb_value(&d, "groups"), "donors,pirates");
	wb_data_free(&d);
}

/*
 * Every allocation of wb_data_read_stored() may fail: RT_ENOMEM, and
 * nothing leaks once the caller frees d and the tree (ASan's leak check
 * proves it).
 */
static void
test_stored_oom(void **state)
{
	struct wb_plan		 p;
	struct wb_data		 d, full;
	struct wb_errors	 errs;
	struct buf		 out = { NULL, 0, 0 };
	struct json		*j;
	char			 err[256];
	long			 k;
	int			 rc, s;

	(void)state;
	plan_init(&p);
	plan_set(&p, WB_OBJECTIVES, filled_forms[WB_OBJECTIVES]);
	plan_set(&p, WB_AUDIENCES, filled_forms[WB_AUDIENCES]);
	for (s = 0; s < WB__MAX; s++) {
		assert_int_equal(from_form(&full, s, filled_forms[s], &p,
		    &errs), 0);
		to_json(&full, &out);
		for (k = 0; ; k++) {
			assert_int_equal(json_parse(buf_str(&out), out.len,
			    JSON_MAX_DEPTH, &j, err, sizeof(err)), RT_OK);
			assert_int_equal(wb_data_init(&d, s), RT_OK);
			fault_left = k;
			rc = wb_data_read_stored(&d, j, err, sizeof(err));
			fault_left = -1;
			json_free(j);
			if (rc == RT_OK)
				break;
			assert_int_equal(rc, RT_ENOMEM);
			wb_data_free(&d);
		}
		same_data(&full, &d);
		wb_data_free(&d);
		wb_data_free(&full);
	}
	buf_free(&out);
	wb_plan_free(&p);
}

/* Runs every test of this file; the exit status is the number failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_accessors),
		cmocka_unit_test(test_form_section),
		cmocka_unit_test(test_form_items),
		cmocka_unit_test(test_form_ids),
		cmocka_unit_test(test_form_max),
		cmocka_unit_test(test_form_fixed),
		cmocka_unit_test(test_form_refs),
		cmocka_unit_test(test_form_evaluation),
		cmocka_unit_test(test_list_append),
		cmocka_unit_test(test_sync_items),
		cmocka_unit_test(test_json_exact),
		cmocka_unit_test(test_json_roundtrip),
		cmocka_unit_test(test_json_refused),
		cmocka_unit_test(test_json_accepted),
		cmocka_unit_test(test_oom),
		cmocka_unit_test(test_stored_same),
		cmocka_unit_test(test_stored_refused),
		cmocka_unit_test(test_stored_oom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
