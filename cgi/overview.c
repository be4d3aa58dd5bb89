/*
 * overview.c: "/o/<id>/", the plan's home: every section and its state.
 *
 * GET: 200.
 */
#include "cgi.h"
#include "plan.h"

/* Adds one section line: its path, title and how much of it is filled. */
static void
overview_section(struct req *r, struct tpl_dict *d, const char *slug,
    const char *title, int filled, int total, int64_t updated_at,
    const char *updated_by)
{
	struct tpl_dict *s = tpl_add_section(d, "section");

	tpl_set(s, "SLUG", slug);
	tpl_set(s, "TITLE", T(r, title));
	tpl_set_int(s, "FILLED", filled);
	tpl_set_int(s, "TOTAL", total);
	tpl_set_int(s, "PERCENT", total > 0 ? filled * 100 / total : 0);
	if (filled == 0)
		tpl_show(s, "empty");
	else if (filled < total)
		tpl_show(s, "partial");
	else
		tpl_show(s, "complete");
	page_stamp(r, s, updated_at, updated_by);
}

int
overview_get(struct req *r)
{
	struct plan_mission m = { 0 };
	struct plan_objectives o = { 0 };
	struct tpl_dict *layout, *d;
	int rc, filled;

	if ((rc = plan_mission_load(r->h, r->org_id, &m)) != RT_OK)
		goto out;
	if ((rc = plan_objectives_load(r->h, r->org_id, &o)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "overview.tpl",
	    N_("Our plan"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	filled = (m.mission[0] != '\0') + (m.means[0] != '\0') +
	    (m.strategy[0] != '\0');
	overview_section(r, d, "mission", N_("Mission"), filled, 3,
	    m.stamp.updated_at, m.stamp.updated_by);
	overview_section(r, d, "objectives", N_("Objectives"), (int)o.n,
	    PLAN_MAX_OBJECTIVES, o.stamp.updated_at, o.stamp.updated_by);
	rc = page_finish(r, layout, 200);
out:
	plan_mission_free(&m);
	plan_objectives_free(&o);
	return rc;
}
