/*
 * org_cohorts.c: "/o/<id>/cohorts", the trainers' cohorts an organisation
 * is in, and leaving one.
 *
 * GET /o/<id>/cohorts (members): 200, each cohort with its trainers and
 * the day the organisation joined, what trainers see and do, and for
 * owners a button to leave each cohort and a form to join another (it
 * posts the code to /join); members who are not owners read whom to ask.
 * Notices come from the query: joined=<cohort>, already=<cohort>, left=1.
 * POST /o/<id>/cohorts/leave cohort (owners): 303 back with left=1; the
 * cohort's trainers lose access at once; 404 when the organisation is not
 * in that cohort; 400 for a malformed id.  A member who is not an owner
 * gets 403 from the dispatcher.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "cohort.h"
#include "org.h"

static const struct field_def leave_fields[] = {
	{ "cohort", FIELD_INT, 1, 1, INT64_MAX, NULL, NULL },
};

/*
 * Shows, when the query names one of the cohorts v[0..n) under key
 * (joined=, already=), the notice section of that name with its name.
 */
static void
org_cohorts_notice(struct req *r, struct tpl_dict *d, const char *key,
    const struct cohort_of_org *v, size_t n)
{
	const char *q = kvlist_get(&r->query, key);
	size_t i;

	if (q == NULL)
		return;
	for (i = 0; i < n; i++)
		if (strtoll(q, NULL, 10) == v[i].id) {
			tpl_set(tpl_add_section(d, key), "COHORT", v[i].name);
			return;
		}
}

/*
 * Writes into out (size bytes) the owners' names of the organisation,
 * ", "-separated.  Returns RT_OK or an error of org_members().
 */
static int
org_cohorts_owners(struct req *r, char *out, size_t size)
{
	struct org_member *m = NULL;
	size_t i, n = 0, len = 0;
	int rc;

	out[0] = '\0';
	if ((rc = org_members(r->h, r->org_id, &m, &n)) != RT_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if (m[i].role != ORG_ROLE_OWNER ||
		    len + strlen(m[i].name) + 3 > size)
			continue;
		len += (size_t)snprintf(out + len, size - len, "%s%s",
		    len > 0 ? ", " : "", m[i].name);
	}
	free(m);
	return RT_OK;
}

int
org_cohorts_get(struct req *r)
{
	struct tpl_dict *layout, *d, *list, *s, *t;
	struct cohort_of_org *v = NULL;
	char date[64], owners[AUTH_NAME_MAX];
	size_t i, n = 0;
	int rc;

	if ((rc = cohort_list_for_org(r->h, r->org_id, &v, &n)) != RT_OK)
		return rc;
	if (r->role != ORG_ROLE_OWNER &&
	    (rc = org_cohorts_owners(r, owners, sizeof owners)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "org_cohorts.tpl",
	    N_("Cohorts"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	org_cohorts_notice(r, d, "joined", v, n);
	org_cohorts_notice(r, d, "already", v, n);
	if (kvlist_get(&r->query, "left") != NULL)
		tpl_show(d, "left");
	if (n == 0)
		tpl_show(d, "none");
	else {
		list = tpl_add_section(d, "cohorts");
		for (i = 0; i < n; i++) {
			s = tpl_add_section(list, "cohort");
			tpl_set_int(s, "ID", v[i].id);
			tpl_set(s, "NAME", v[i].name);
			i18n_format_date(r->lang, v[i].joined_at, date,
			    sizeof date);
			tpl_set(s, "JOINED", date);
			if (v[i].trainers[0] != '\0') {
				t = tpl_add_section(s, "trainers");
				tpl_set(t, "TRAINERS", v[i].trainers);
			} else
				tpl_show(s, "no_trainers");
			if (r->role == ORG_ROLE_OWNER)
				tpl_show(s, "can_leave");
		}
	}
	page_include(r, d, "TRAINER_SEES", "trainer_sees.tpl");
	if (r->role == ORG_ROLE_OWNER)
		tpl_show(d, "owner");
	else
		tpl_set(tpl_add_section(d, "member"), "OWNERS", owners);
	rc = page_finish(r, layout, 200);
out:
	free(v);
	return rc;
}

int
org_cohorts_leave_post(struct req *r)
{
	struct form f = { 0 };
	char loc[64];
	int rc;

	if ((rc = form_validate(&f, leave_fields, 1, &r->form, 0)) != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = page_error(r, 400, N_("The request was malformed."));
		goto out;
	}
	rc = cohort_leave(r->h, form_get(&f, "cohort")->num, r->org_id);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("Your organisation is not in this "
		    "cohort."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/o/%lld/cohorts?left=1",
	    (long long)r->org_id);
	rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}
