/*
 * test_workbook.c: unit tests of the declarations of lib/workbook.c and
 * lib/platform.c.
 *
 * The workbook is data: sections, fields, lists, guidance, the platform
 * table and the example personas.  Forms, storage and templates trust
 * that data blindly, so these tests check what they rely on: names that
 * are safe in a form, choices with a label each, references that lead
 * somewhere, the platforms known in every place that lists them, and
 * guidance for every section.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "form.h"
#include "platform.h"
#include "workbook.h"

/* Returns 1 when s is a non-empty string of [a-z0-9_], else 0. */
static int
form_safe(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return 0;
	return 1;
}

/* Returns the number of entries of a NULL-terminated array (0 for NULL). */
static size_t
count_strings(const char *const *a)
{
	size_t n = 0;

	if (a == NULL)
		return 0;
	while (a[n] != NULL)
		n++;
	return n;
}

/* Returns the number of UTF-8 code points of s. */
static size_t
utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * Fails unless msg is a tidy message id: not NULL, not empty, no space at
 * either end, no double space (a sign of a badly joined string literal).
 */
static void
check_message(const char *msg, const char *where)
{
	size_t len;

	if (msg == NULL || *msg == '\0')
		fail_msg("%s: empty message", where);
	len = strlen(msg);
	if (msg[0] == ' ' || msg[len - 1] == ' ')
		fail_msg("%s: space at an end of \"%s\"", where, msg);
	if (strstr(msg, "  ") != NULL)
		fail_msg("%s: double space in \"%s\"", where, msg);
}

/* Fails unless a and b hold the same strings, in the same order. */
static void
check_same_strings(const char *const *a, const char *const *b,
    const char *where)
{
	size_t i;

	assert_non_null(a);
	assert_non_null(b);
	for (i = 0; a[i] != NULL || b[i] != NULL; i++) {
		if (a[i] == NULL || b[i] == NULL)
			fail_msg("%s: lengths differ at %zu", where, i);
		if (strcmp(a[i], b[i]) != 0)
			fail_msg("%s: \"%s\" is not \"%s\"", where, a[i], b[i]);
	}
}

/* Fails unless the strings of a NULL-terminated array are distinct. */
static void
check_unique(const char *const *a, const char *where)
{
	size_t i, j;

	for (i = 0; a[i] != NULL; i++)
		for (j = i + 1; a[j] != NULL; j++)
			if (strcmp(a[i], a[j]) == 0)
				fail_msg("%s: \"%s\" twice", where, a[i]);
}

/*
 * Checks one declaration of fields: names form-safe and unique, labels
 * and hints tidy, widget and kind in agreement, choices labelled one for
 * one, references to a list that exists.
 */
static void
check_fields(const struct wb_field *f, size_t n, const char *where)
{
	char w[256];
	size_t i, j;

	assert_true(n <= WB_MAX_FIELDS);
	for (i = 0; i < n; i++) {
		const struct field_def *d = &f[i].def;

		snprintf(w, sizeof w, "%s.%s", where,
		    d->name != NULL ? d->name : "(null)");
		if (!form_safe(d->name))
			fail_msg("%s: name is not [a-z0-9_]", w);
		for (j = 0; j < i; j++)
			if (strcmp(f[j].def.name, d->name) == 0)
				fail_msg("%s: declared twice", w);
		check_message(d->label, w);
		if (f[i].hint != NULL)
			check_message(f[i].hint, w);
		if (f[i].weight != 0 && f[i].weight != 1)
			fail_msg("%s: weight %d", w, f[i].weight);

		switch (f[i].widget) {
		case WB_SELECT:
		case WB_CHECKS:
			if (f[i].widget == WB_SELECT && d->kind != FIELD_CHOICE)
				fail_msg("%s: a menu must be FIELD_CHOICE", w);
			if (f[i].widget == WB_CHECKS && d->kind != FIELD_MULTI)
				fail_msg("%s: checkboxes must be FIELD_MULTI",
				    w);
			if (d->choices == NULL || f[i].choice_labels == NULL)
				fail_msg("%s: choices without labels", w);
			if (count_strings(d->choices) == 0)
				fail_msg("%s: no choice", w);
			if (count_strings(d->choices) !=
			    count_strings(f[i].choice_labels))
				fail_msg("%s: %zu choices but %zu labels", w,
				    count_strings(d->choices),
				    count_strings(f[i].choice_labels));
			for (j = 0; d->choices[j] != NULL; j++) {
				if (!form_safe(d->choices[j]))
					fail_msg("%s: choice \"%s\"", w,
					    d->choices[j]);
				check_message(f[i].choice_labels[j], w);
			}
			check_unique(d->choices, w);
			break;
		case WB_SCALE:
			if (d->kind != FIELD_INT || d->min != 1 || d->max != 5)
				fail_msg("%s: a scale is FIELD_INT 1..5", w);
			if (f[i].choice_labels == NULL)
				fail_msg("%s: a scale needs two poles", w);
			check_message(f[i].choice_labels[0], w);
			check_message(f[i].choice_labels[1], w);
			break;
		case WB_CHECKBOX:
			if (d->kind != FIELD_BOOL)
				fail_msg("%s: a checkbox is FIELD_BOOL", w);
			break;
		case WB_NUMBER:
			if (d->kind != FIELD_INT && d->kind != FIELD_DECIMAL)
				fail_msg("%s: a number is INT or DECIMAL", w);
			if (d->max <= d->min)
				fail_msg("%s: empty range", w);
			break;
		case WB_DATE:
			if (d->kind != FIELD_DATE)
				fail_msg("%s: a date is FIELD_DATE", w);
			break;
		case WB_LINE:
			if (d->kind != FIELD_LINE || d->max <= 0)
				fail_msg("%s: a line is a bounded FIELD_LINE",
				    w);
			break;
		case WB_TEXT:
		case WB_COUNTED:
			if (d->kind != FIELD_TEXT || d->max <= 0)
				fail_msg("%s: a text is a bounded FIELD_TEXT",
				    w);
			break;
		case WB_REF:
		case WB_REFS:
			if (f[i].widget == WB_REF && d->kind != FIELD_LINE)
				fail_msg("%s: a reference is FIELD_LINE", w);
			if (f[i].widget == WB_REFS && d->kind != FIELD_MULTI)
				fail_msg("%s: references are FIELD_MULTI", w);
			if (d->choices != NULL)
				fail_msg("%s: references take no choices", w);
			if (f[i].ref_section < 0 || f[i].ref_section >= WB__MAX)
				fail_msg("%s: no such section %d", w,
				    f[i].ref_section);
			if (f[i].ref_list < 0 || (size_t)f[i].ref_list >=
			    wb_sections[f[i].ref_section].nlists)
				fail_msg("%s: section %s has no list %d", w,
				    wb_sections[f[i].ref_section].slug,
				    f[i].ref_list);
			if (wb_sections[f[i].ref_section]
			    .lists[f[i].ref_list].name_field == NULL)
				fail_msg("%s: the list referred to names no "
				    "item", w);
			break;
		default:
			fail_msg("%s: unknown widget %d", w, (int)f[i].widget);
		}
		if (f[i].widget != WB_REF && f[i].widget != WB_REFS &&
		    (f[i].ref_section != -1 || f[i].ref_list != -1))
			fail_msg("%s: a reference on a %d widget", w,
			    (int)f[i].widget);
	}
}

/*
 * Every section has a slug, a title, a summary and two to four paragraphs
 * of guidance.
 */
static void
test_sections_described(void **state)
{
	size_t i, j, n;

	(void)state;
	for (i = 0; i < WB__MAX; i++) {
		const struct wb_section_def *s = &wb_sections[i];

		if (!form_safe(s->slug))
			fail_msg("section %zu: slug \"%s\"", i,
			    s->slug != NULL ? s->slug : "(null)");
		for (j = 0; j < i; j++)
			assert_string_not_equal(wb_sections[j].slug, s->slug);
		check_message(s->title, s->slug);
		check_message(s->summary, s->slug);
		assert_non_null(s->guide);
		n = count_strings(s->guide);
		if (n < 2 || n > 4)
			fail_msg("%s: %zu paragraphs of guidance", s->slug, n);
		for (j = 0; j < n; j++)
			check_message(s->guide[j], s->slug);
		assert_true(s->nfields > 0 || s->nlists > 0);
		assert_true((s->fields != NULL) == (s->nfields > 0));
		assert_true((s->lists != NULL) == (s->nlists > 0));
		assert_true(s->nlists <= WB_MAX_LISTS);
	}
	/* Only the event campaigns are optional. */
	for (i = 0; i < WB__MAX; i++)
		assert_int_equal(wb_sections[i].optional, i == WB_EVENTS);
}

/* Every field of every section and list is well declared. */
static void
test_fields_declared(void **state)
{
	char w[128];
	size_t i, l, j, hints = 0, fields = 0;

	(void)state;
	for (i = 0; i < WB__MAX; i++) {
		const struct wb_section_def *s = &wb_sections[i];

		check_fields(s->fields, s->nfields, s->slug);
		for (j = 0; j < s->nfields; j++, fields++)
			hints += s->fields[j].hint != NULL;
		for (l = 0; l < s->nlists; l++) {
			const struct wb_list *li = &s->lists[l];

			snprintf(w, sizeof w, "%s/%s", s->slug,
			    li->name != NULL ? li->name : "(null)");
			if (!form_safe(li->name))
				fail_msg("%s: list name is not [a-z0-9_]", w);
			for (j = 0; j < l; j++)
				assert_string_not_equal(s->lists[j].name,
				    li->name);
			check_message(li->item_title, w);
			/* Below a section's own fields, a list has a heading. */
			if (li->title != NULL)
				check_message(li->title, w);
			else if (s->nfields > 0)
				fail_msg("%s: a list after fields needs a "
				    "title", w);
			assert_non_null(strstr(li->item_title, "%d"));
			assert_non_null(li->fields);
			assert_true(li->nfields > 0);
			check_fields(li->fields, li->nfields, w);
			for (j = 0; j < li->nfields; j++, fields++)
				hints += li->fields[j].hint != NULL;
			assert_true(li->max_items <= WB_LIST_MAX);
			if (li->name_field != NULL &&
			    wb_field_index(li->fields, li->nfields,
			    li->name_field) < 0)
				fail_msg("%s: name field \"%s\" is not a field",
				    w, li->name_field);
		}
	}
	/* Most fields come with a hint. */
	assert_true(hints * 3 >= fields * 2);
}

/*
 * A list of fixed items has one title per item; a list with one item per
 * item of another list points at a list that exists.
 */
static void
test_lists_fixed_and_derived(void **state)
{
	size_t i, l, n;

	(void)state;
	for (i = 0; i < WB__MAX; i++) {
		for (l = 0; l < wb_sections[i].nlists; l++) {
			const struct wb_list *li = &wb_sections[i].lists[l];

			if (li->fixed_ids != NULL) {
				n = count_strings(li->fixed_ids);
				assert_true(n > 0);
				assert_int_equal(
				    count_strings(li->fixed_titles), n);
				assert_null(li->add_label);
				assert_true(li->max_items >= n);
				check_unique(li->fixed_ids, li->name);
				for (n = 0; li->fixed_ids[n] != NULL; n++) {
					assert_true(
					    form_safe(li->fixed_ids[n]));
					assert_true(strlen(li->fixed_ids[n]) <
					    WB_ID_MAX);
					check_message(li->fixed_titles[n],
					    li->name);
				}
			} else
				assert_null(li->fixed_titles);
			if (li->items_from_section >= 0) {
				assert_true(li->items_from_section < WB__MAX);
				assert_true(li->items_from_list >= 0);
				assert_true((size_t)li->items_from_list <
				    wb_sections[li->items_from_section].nlists);
				assert_null(li->fixed_ids);
				assert_null(li->add_label);
			} else {
				assert_int_equal(li->items_from_section, -1);
				assert_int_equal(li->items_from_list, -1);
				if (li->fixed_ids == NULL)
					check_message(li->add_label, li->name);
			}
		}
	}
	/* The evaluation has one review per objective. */
	assert_int_equal(wb_sections[WB_EVALUATION].lists[0].items_from_section,
	    WB_OBJECTIVES);
	assert_int_equal(wb_sections[WB_EVALUATION].lists[0].max_items,
	    wb_sections[WB_OBJECTIVES].lists[0].max_items);
}

/* Returns the field named name of the list of section, or fails. */
static const struct wb_field *
list_field(int section, size_t list, const char *name)
{
	const struct wb_list *l;
	int k;

	assert_true(list < wb_sections[section].nlists);
	l = &wb_sections[section].lists[list];
	k = wb_field_index(l->fields, l->nfields, name);
	if (k < 0)
		fail_msg("%s has no field %s", l->name, name);
	return &l->fields[k];
}

/* The platforms of the table are the platforms of every list and menu. */
static void
test_platform_keys_everywhere(void **state)
{
	const struct wb_list *pl = &wb_sections[WB_PLATFORMS].lists[0];
	const struct wb_field *f;
	size_t i;

	(void)state;
	assert_int_equal(count_strings(platform_keys), PF__MAX);
	assert_int_equal(count_strings(platform_names), PF__MAX);
	check_unique(platform_keys, "platform_keys");

	check_same_strings(pl->fixed_ids, platform_keys, "platforms list");
	check_same_strings(pl->fixed_titles, platform_names,
	    "platforms list titles");
	assert_int_equal(pl->max_items, PF__MAX);

	/* The registry of accounts: every platform, then "other". */
	f = list_field(WB_ACCOUNTS, 0, "platform");
	assert_int_equal(count_strings(f->def.choices), PF__MAX + 1);
	assert_string_equal(f->def.choices[PF__MAX], "other");
	assert_null(f->def.choices[PF__MAX + 1]);
	for (i = 0; i < PF__MAX; i++) {
		assert_string_equal(f->def.choices[i], platform_keys[i]);
		assert_string_equal(f->choice_labels[i], platform_names[i]);
	}

	f = list_field(WB_POSTS, 0, "platform");
	check_same_strings(f->def.choices, platform_keys, "post platform");
	check_same_strings(f->choice_labels, platform_names,
	    "post platform labels");
	f = list_field(WB_AUDIENCES, 0, "platforms");
	check_same_strings(f->def.choices, platform_keys, "persona platforms");
	f = list_field(WB_EVENTS, 0, "platforms");
	check_same_strings(f->def.choices, platform_keys, "event platforms");
}

/* What we expect of each platform's limits, as of 2026. */
static const struct {
	int                 platform;
	enum platform_count count;
	size_t              text_limit;
	size_t              hashtag_limit;
	int                 soft_lines;
	int                 estimate;   /* the hours are our own estimate */
} expected[PF__MAX] = {
	{ PF_FACEBOOK,  PF_COUNT_CODEPOINTS, 63206, 0, 2, 0 },
	{ PF_INSTAGRAM, PF_COUNT_CODEPOINTS,  2200, 5, 0, 0 },
	{ PF_LINKEDIN,  PF_COUNT_CODEPOINTS,  3000, 0, 0, 0 },
	{ PF_X,         PF_COUNT_X,            280, 0, 0, 0 },
	{ PF_YOUTUBE,   PF_COUNT_CODEPOINTS,  5000, 0, 0, 1 },
	{ PF_TIKTOK,    PF_COUNT_CODEPOINTS,  4000, 0, 0, 1 },
	{ PF_PINTEREST, PF_COUNT_CODEPOINTS,   500, 0, 0, 1 },
	{ PF_SNAPCHAT,  PF_COUNT_CODEPOINTS,   250, 0, 0, 1 },
	{ PF_THREADS,   PF_COUNT_CODEPOINTS,   500, 1, 0, 1 },
	{ PF_BLUESKY,   PF_COUNT_GRAPHEMES,    300, 0, 0, 1 },
	{ PF_MASTODON,  PF_COUNT_MASTODON,     500, 0, 0, 1 },
	{ PF_FLICKR,    PF_COUNT_CODEPOINTS,     0, 0, 0, 1 },
	{ PF_REDDIT,    PF_COUNT_CODEPOINTS, 40000, 0, 0, 1 },
};

/* Every platform has its limits, its hours and its texts. */
static void
test_platform_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < PF__MAX; i++) {
		const struct platform_info *p =
		    &platforms[expected[i].platform];

		assert_int_equal(expected[i].platform, i);
		assert_string_equal(p->key, platform_keys[i]);
		assert_string_equal(p->name, platform_names[i]);
		assert_int_equal(platform_by_key(p->key), i);

		check_message(p->hours_note, p->key);
		check_message(p->rhythm, p->key);
		check_message(p->audience, p->key);
		check_message(p->cost, p->key);
		check_message(p->good_for, p->key);

		if (!(p->hours_min > 0 && p->hours_min <= p->hours_max &&
		    p->hours_max <= 40))
			fail_msg("%s: hours %g to %g", p->key, p->hours_min,
			    p->hours_max);
		/* An estimate of ours says so. */
		if ((strstr(p->hours_note, "Our estimate") != NULL) !=
		    expected[i].estimate)
			fail_msg("%s: the note does not say whose figure it is",
			    p->key);

		assert_int_equal(p->count, expected[i].count);
		assert_int_equal(p->text_limit, expected[i].text_limit);
		assert_int_equal(p->hashtag_limit, expected[i].hashtag_limit);
		assert_int_equal(p->soft_lines, expected[i].soft_lines);
	}
	/* The figures of the source workbook. */
	assert_true(platforms[PF_FACEBOOK].hours_min == 1 &&
	    platforms[PF_FACEBOOK].hours_max == 5);
	assert_true(platforms[PF_INSTAGRAM].hours_min == 2 &&
	    platforms[PF_INSTAGRAM].hours_max == 5);
	assert_true(platforms[PF_LINKEDIN].hours_min == 3 &&
	    platforms[PF_LINKEDIN].hours_max == 4);
	assert_true(platforms[PF_X].hours_min == 5);
}

/* platform_by_key() knows every key, exactly, and nothing else. */
static void
test_platform_by_key(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < PF__MAX; i++)
		assert_int_equal(platform_by_key(platform_keys[i]), i);
	assert_int_equal(platform_by_key("Facebook"), -1);
	assert_int_equal(platform_by_key("facebook "), -1);
	assert_int_equal(platform_by_key("other"), -1);
	assert_int_equal(platform_by_key("twitter"), -1);
	assert_int_equal(platform_by_key(""), -1);
	assert_int_equal(platform_by_key(NULL), -1);
}

/* The example personas fill the persona list's fields, within bounds. */
static void
test_example_personas(void **state)
{
	const struct wb_list *pl = &wb_sections[WB_AUDIENCES].lists[0];
	char keys[256], *k, *save;
	size_t i, j, f, n;
	int pfield, seen[PF__MAX];

	(void)state;
	assert_string_equal(pl->name, "persona");
	assert_true(pl->nfields <= WB_MAX_FIELDS);
	pfield = wb_field_index(pl->fields, pl->nfields, "platforms");
	assert_true(pfield >= 0);
	/* The order the values are written in. */
	assert_int_equal(wb_field_index(pl->fields, pl->nfields, "name"), 0);
	assert_int_equal(wb_field_index(pl->fields, pl->nfields, "age"), 2);
	assert_int_equal(pfield, 4);

	for (i = 0; i < WB_EXAMPLE_PERSONAS; i++) {
		const struct wb_example_persona *e = &wb_example_personas[i];

		check_message(e->name, "example persona");
		assert_non_null(e->values[0]);
		assert_string_equal(e->values[0], e->name);
		for (j = 0; j < i; j++)
			assert_string_not_equal(wb_example_personas[j].name,
			    e->name);
		for (f = 0; f < pl->nfields; f++) {
			const struct field_def *d = &pl->fields[f].def;

			if (e->values[f] == NULL)
				fail_msg("%s: no %s", e->name, d->name);
			check_message(e->values[f], e->name);
			if (d->max > 0 && (d->kind == FIELD_LINE ||
			    d->kind == FIELD_TEXT) &&
			    utf8_len(e->values[f]) > (size_t)d->max)
				fail_msg("%s: %s is too long", e->name,
				    d->name);
			if (d->kind == FIELD_LINE)
				assert_null(strchr(e->values[f], '\n'));
		}
		for (; f < WB_MAX_FIELDS; f++)
			assert_null(e->values[f]);

		/* The age is a number. */
		assert_true(strspn(e->values[2], "0123456789") ==
		    strlen(e->values[2]));

		/* Platforms: known keys, comma-separated, no repeat. */
		assert_true(strlen(e->values[pfield]) < sizeof keys);
		strcpy(keys, e->values[pfield]);
		memset(seen, 0, sizeof seen);
		n = 0;
		for (k = strtok_r(keys, ",", &save); k != NULL;
		    k = strtok_r(NULL, ",", &save)) {
			int p = platform_by_key(k);

			if (p < 0)
				fail_msg("%s: unknown platform \"%s\"",
				    e->name, k);
			assert_int_equal(seen[p], 0);
			seen[p] = 1;
			n++;
		}
		assert_true(n > 0);
		assert_null(strstr(e->values[pfield], ",,"));
		assert_true(e->values[pfield][0] != ',');
		assert_true(e->values[pfield][strlen(e->values[pfield]) - 1] !=
		    ',');
	}
	/* The activist is on X and Facebook; the professional on LinkedIn. */
	assert_string_equal(wb_example_personas[0].values[pfield],
	    "x,facebook");
	assert_non_null(strstr(wb_example_personas[2].values[pfield],
	    "linkedin"));
}

/* wb_section_by_slug() finds every section by its slug, and nothing else. */
static void
test_section_by_slug(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < WB__MAX; i++)
		assert_int_equal(wb_section_by_slug(wb_sections[i].slug), i);
	assert_int_equal(wb_section_by_slug("Story"), -1);
	assert_int_equal(wb_section_by_slug("stor"), -1);
	assert_int_equal(wb_section_by_slug("story/"), -1);
	assert_int_equal(wb_section_by_slug(""), -1);
	assert_int_equal(wb_section_by_slug("o"), -1);
}

/* wb_field_index() finds every field of a declaration, and nothing else. */
static void
test_field_index(void **state)
{
	const struct wb_section_def *s = &wb_sections[WB_STORY];
	size_t i;

	(void)state;
	for (i = 0; i < s->nfields; i++)
		assert_int_equal(wb_field_index(s->fields, s->nfields,
		    s->fields[i].def.name), i);
	assert_int_equal(wb_field_index(s->fields, s->nfields, "value"), -1);
	assert_int_equal(wb_field_index(s->fields, s->nfields, ""), -1);
	assert_int_equal(wb_field_index(s->fields, 0, "what_we_do"), -1);
}

/* The kinds of objective: keys and labels, one for one. */
static void
test_objective_kinds(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(count_strings(wb_objective_kind_keys),
	    WB_OBJECTIVE_KINDS);
	assert_int_equal(count_strings(wb_objective_kind_labels),
	    WB_OBJECTIVE_KINDS);
	check_unique(wb_objective_kind_keys, "objective kinds");
	for (i = 0; i < WB_OBJECTIVE_KINDS; i++) {
		assert_true(form_safe(wb_objective_kind_keys[i]));
		check_message(wb_objective_kind_labels[i], "objective kind");
	}
	assert_string_equal(wb_objective_kind_keys[OBJ_KIND_FUNDRAISE],
	    "fundraise");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections_described),
		cmocka_unit_test(test_fields_declared),
		cmocka_unit_test(test_lists_fixed_and_derived),
		cmocka_unit_test(test_platform_keys_everywhere),
		cmocka_unit_test(test_platform_table),
		cmocka_unit_test(test_platform_by_key),
		cmocka_unit_test(test_example_personas),
		cmocka_unit_test(test_section_by_slug),
		cmocka_unit_test(test_field_index),
		cmocka_unit_test(test_objective_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
