/*
 * cohorts.c: "/cohorts", the cohorts a trainer runs, and "/cohorts/new".
 *
 * GET /cohorts (trainers): 200, the current cohorts (open and closed),
 * newest first, each with its dates, state, number of groups and join
 * code; ?archived=1 lists the archived ones instead.
 * GET /cohorts/new (trainers): 200, the form.
 * POST /cohorts/new name, starts_on, ends_on, notes (trainers): 303 to the
 * new cohort's settings page (/c/<id>/edit?created=1), where its join code
 * is; 422 with everything typed kept when the name is missing or too long,
 * a date malformed, the last day before the first, or the notes too long.
 * A person without the trainer role gets 403 from the dispatcher.
 *
 * The helpers that the cohort's own pages share (its settings' fields, its
 * dates in words, its state's name) are here too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "cohort.h"

/* The settings of a cohort, as /cohorts/new and /c/<id>/edit take them. */
static const struct field_def cohort_fields[] = {
	{ "name", FIELD_LINE, 1, 1, COHORT_NAME_MAX, NULL,
	    N_("Name of the cohort") },
	{ "starts_on", FIELD_DATE, 0, 0, 0, NULL, N_("First day") },
	{ "ends_on", FIELD_DATE, 0, 0, 0, NULL, N_("Last day") },
	{ "notes", FIELD_TEXT, 0, 0, COHORT_NOTES_MAX, NULL, N_("Notes") },
};

#define COHORT_NFIELDS (sizeof(cohort_fields) / sizeof(cohort_fields[0]))

/* See cgi.h. */
int
cohort_form_validate(struct req *r, struct form *f, int *bad_order)
{
	const struct field_value *s, *e;
	int rc;

	*bad_order = 0;
	if ((rc = form_validate(f, cohort_fields, COHORT_NFIELDS, &r->form,
	    0)) != RT_OK)
		return rc;
	s = form_get(f, "starts_on");
	e = form_get(f, "ends_on");
	if (s->present && s->error == FIELD_OK && e->present &&
	    e->error == FIELD_OK && strcmp(e->text, s->text) < 0)
		*bad_order = 1;
	return RT_OK;
}

/* See cgi.h. */
void
cohort_form_fill(struct req *r, struct tpl_dict *d, const struct form *f,
    int bad_order, const struct cohort *c)
{
	struct tpl_dict *inc, *sum = NULL;

	inc = page_include(r, d, "COHORT_FIELDS", "cohort_fields.tpl");
	tpl_set_int(inc, "NAME_MAX", COHORT_NAME_MAX);
	tpl_set_int(inc, "NOTES_MAX", COHORT_NOTES_MAX);
	if (f != NULL) {
		page_form_fill(r, inc, f, &sum);
		if (bad_order)
			page_field_problem(r, inc, &sum, "ends_on",
			    N_("Last day"), N_("The last day cannot come "
			    "before the first."));
	} else if (c != NULL) {
		tpl_set(inc, "name", c->name);
		tpl_set(inc, "starts_on", c->starts_on);
		tpl_set(inc, "ends_on", c->ends_on);
		tpl_set(inc, "notes", c->notes);
	}
}

/* See cgi.h. */
void
cohort_dates_fill(struct req *r, struct tpl_dict *d, const char *starts_on,
    const char *ends_on)
{
	struct tpl_dict *inc, *s;
	char start[64], end[64];

	inc = page_include(r, d, "DATES", "cohort_dates.tpl");
	i18n_format_iso_date(r->lang, starts_on, start, sizeof start);
	i18n_format_iso_date(r->lang, ends_on, end, sizeof end);
	if (*starts_on != '\0' && *ends_on != '\0' &&
	    strcmp(starts_on, ends_on) != 0)
		s = tpl_add_section(inc, "span");
	else if (*starts_on != '\0' && *ends_on != '\0')
		s = tpl_add_section(inc, "day");
	else if (*starts_on != '\0')
		s = tpl_add_section(inc, "from");
	else if (*ends_on != '\0')
		s = tpl_add_section(inc, "until");
	else {
		tpl_show(inc, "none");
		return;
	}
	tpl_set(s, "START", start);
	tpl_set(s, "END", end);
}

/* See cgi.h. */
const char *
cohort_state_label(struct req *r, int state)
{
	switch (state) {
	case COHORT_CLOSED:
		return T(r, N_("Closed to new groups"));
	case COHORT_ARCHIVED:
		return T(r, N_("Archived"));
	default:
		return T(r, N_("Open"));
	}
}

int
cohorts_get(struct req *r)
{
	struct tpl_dict *layout, *d, *list, *s;
	struct cohort *v = NULL;
	const char *a = kvlist_get(&r->query, "archived");
	char code[COHORT_CODE_LEN + 2];
	size_t i, n = 0;
	int rc, archived = a != NULL && strcmp(a, "1") == 0;

	if ((rc = cohort_list_for_trainer(r->h, r->sess.user_id, archived, &v,
	    &n)) != RT_OK)
		return rc;
	if ((d = page_begin(r, &layout, "cohorts.tpl", archived ?
	    N_("Archived cohorts") : N_("My cohorts"))) == NULL) {
		free(v);
		return RT_ENOMEM;
	}
	tpl_show(d, archived ? "archived" : "current");
	if (kvlist_get(&r->query, "left") != NULL)
		tpl_show(d, "left");
	if (n == 0)
		tpl_show(d, archived ? "no_archived" : "no_current");
	else {
		list = tpl_add_section(d, "list");
		for (i = 0; i < n; i++) {
			s = tpl_add_section(list, "cohort");
			tpl_set_int(s, "ID", v[i].id);
			tpl_set(s, "NAME", v[i].name);
			cohort_dates_fill(r, s, v[i].starts_on, v[i].ends_on);
			tpl_set(s, "STATE", cohort_state_label(r,
			    v[i].state));
			tpl_show(s, v[i].state == COHORT_OPEN ? "open" :
			    "not_open");
			tpl_set_int(s, "ORGS", v[i].orgs);
			cohort_code_format(v[i].code, code);
			tpl_set(s, "CODE", code);
		}
	}
	free(v);
	return page_finish(r, layout, 200);
}

/*
 * Shows the form of a new cohort: empty when f is NULL, else with what was
 * typed and its errors.
 */
static int
cohorts_new_render(struct req *r, const struct form *f, int bad_order,
    int status)
{
	struct tpl_dict *layout, *d;

	if ((d = page_begin(r, &layout, "cohorts_new.tpl",
	    N_("New cohort"))) == NULL)
		return RT_ENOMEM;
	cohort_form_fill(r, d, f, bad_order, NULL);
	return page_finish(r, layout, status);
}

int
cohorts_new_get(struct req *r)
{
	return cohorts_new_render(r, NULL, 0, 200);
}

int
cohorts_new_post(struct req *r)
{
	struct form f = { 0 };
	char loc[64];
	int64_t id = 0;
	int rc, bad_order;

	if ((rc = cohort_form_validate(r, &f, &bad_order)) != RT_OK)
		goto out;
	if (f.nerrors > 0 || bad_order) {
		rc = cohorts_new_render(r, &f, bad_order, 422);
		goto out;
	}
	rc = cohort_create(r->h, r->sess.user_id, form_get(&f, "name")->text,
	    form_get(&f, "starts_on")->text, form_get(&f, "ends_on")->text,
	    form_get(&f, "notes")->text, r->now, &id);
	if (rc != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/c/%lld/edit?created=1", (long long)id);
	rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}
