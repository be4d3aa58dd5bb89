/*
 * mission.c: "/o/<id>/mission", the three sentences that open the plan.
 *
 * GET: 200.  POST mission, means, strategy, version: 303 back with
 * ?saved=1; 422 with every value kept when a field is too long; 409 when
 * someone saved in between, with both versions shown and nothing lost.
 */
#include <stdio.h>

#include "cgi.h"
#include "plan.h"

static const struct field_def mission_fields[] = {
	{ "mission", FIELD_TEXT, 0, 0, PLAN_TEXT_MAX, NULL,
	  N_("The mission of our organisation is to…") },
	{ "means", FIELD_TEXT, 0, 0, PLAN_TEXT_MAX, NULL,
	  N_("We do this through…") },
	{ "strategy", FIELD_TEXT, 0, 0, PLAN_TEXT_MAX, NULL,
	  N_("Our social-media strategy will support these objectives by…") },
	{ "version", FIELD_INT, 1, 0, INT32_MAX, NULL, NULL },
};
#define MISSION_NFIELDS (sizeof mission_fields / sizeof mission_fields[0])

/*
 * Shows the form.  With f NULL it shows what is saved (cur); otherwise what
 * the person typed, with its errors, and when conflict is set the saved
 * version beside it.
 */
static int
mission_render(struct req *r, const struct plan_mission *cur,
    const struct form *f, int conflict, int status)
{
	struct tpl_dict *layout, *d, *sum = NULL, *c;

	if ((d = page_begin(r, &layout, "mission.tpl",
	    N_("Mission"))) == NULL)
		return RT_ENOMEM;
	if (f == NULL) {
		tpl_set(d, "mission", cur->mission);
		tpl_set(d, "means", cur->means);
		tpl_set(d, "strategy", cur->strategy);
	} else
		page_form_fill(r, d, f, &sum);
	/*
	 * The form carries the version it is based on: the saved one, except
	 * after a validation error, where it keeps the one the person started
	 * from (so that a save by someone else in between is still caught).
	 * After a conflict the person has seen the other version: the next
	 * save is based on it.
	 */
	if (f == NULL || conflict)
		tpl_set_int(d, "version", cur->stamp.version);
	page_stamp(r, d, cur->stamp.updated_at, cur->stamp.updated_by);
	if (conflict) {
		c = tpl_add_section(d, "conflict");
		tpl_set(c, "CUR_MISSION", cur->mission);
		tpl_set(c, "CUR_MEANS", cur->means);
		tpl_set(c, "CUR_STRATEGY", cur->strategy);
		tpl_set(c, "CUR_BY", cur->stamp.updated_by);
	}
	if (f == NULL && kvlist_get(&r->query, "saved") != NULL)
		tpl_show(d, "saved");
	return page_finish(r, layout, status);
}

int
mission_get(struct req *r)
{
	struct plan_mission m = { 0 };
	int rc;

	if ((rc = plan_mission_load(r->h, r->org_id, &m)) != RT_OK)
		return rc;
	rc = mission_render(r, &m, NULL, 0, 200);
	plan_mission_free(&m);
	return rc;
}

int
mission_post(struct req *r)
{
	struct form f = { 0 };
	struct plan_mission cur = { 0 }, m = { 0 };
	char loc[64];
	int rc;

	rc = form_validate(&f, mission_fields, MISSION_NFIELDS, &r->form, 0);
	if (rc != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		if ((rc = plan_mission_load(r->h, r->org_id, &cur)) == RT_OK)
			rc = mission_render(r, &cur, &f, 0, 422);
		goto out;
	}
	m.mission = (char *)form_get(&f, "mission")->text;
	m.means = (char *)form_get(&f, "means")->text;
	m.strategy = (char *)form_get(&f, "strategy")->text;
	rc = plan_mission_save(r->h, r->org_id, r->sess.user_id, &m,
	    form_get(&f, "version")->num, r->now);
	if (rc == RT_ECONFLICT) {
		if ((rc = plan_mission_load(r->h, r->org_id, &cur)) == RT_OK)
			rc = mission_render(r, &cur, &f, 1, 409);
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/o/%lld/mission?saved=1",
	    (long long)r->org_id);
	rc = page_redirect(r, 303, loc);
out:
	plan_mission_free(&cur);
	form_free(&f);
	return rc;
}
