/*
 * overview.c: "/o/<id>/", the plan's home: every section with how far it
 * is filled, the pitfalls still open, and the time budget.
 *
 * GET: 200.  Owners also get the link to the export and import page.
 */
#include <string.h>

#include "cgi.h"
#include "coach.h"
#include "org.h"
#include "plan.h"

#define OVERVIEW_PITFALLS 64

int
overview_get(struct req *r)
{
	struct wb_plan p;
	struct coach_progress pr;
	struct pitfall pits[OVERVIEW_PITFALLS];
	struct tpl_dict *layout, *d, *s, *list;
	size_t i, n;
	int rc;

	memset(&p, 0, sizeof p);
	if ((rc = plan_load_all(r->h, r->org_id, &p)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "overview.tpl",
	    N_("Our plan"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	coach_progress(&p, &pr);
	tpl_set_int(d, "OVERALL", pr.overall);
	for (i = 0; i < WB__MAX; i++) {
		const struct wb_section_def *sd = &wb_sections[i];

		s = tpl_add_section(d, "section");
		tpl_set_int(s, "NUMBER", (long long)i + 1);
		tpl_set(s, "SLUG", sd->slug);
		tpl_set(s, "TITLE", T(r, sd->title));
		tpl_set(s, "SUMMARY", T(r, sd->summary));
		tpl_set_int(s, "PERCENT", pr.percent[i]);
		if (sd->optional)
			tpl_show(s, "optional");
		if (pr.percent[i] == 0)
			tpl_show(s, "empty");
		else if (pr.percent[i] < 100)
			tpl_show(s, "partial");
		else
			tpl_show(s, "complete");
		page_stamp(r, s, p.s[i].stamp.updated_at,
		    p.s[i].stamp.updated_by);
	}
	n = coach_pitfalls(&p, pits, OVERVIEW_PITFALLS);
	if (n > 0) {
		list = tpl_add_section(d, "pitfalls");
		tpl_set_int(list, "PITFALL_COUNT", (long long)n);
		for (i = 0; i < n && i < OVERVIEW_PITFALLS; i++)
			widget_pitfall(r, list, &pits[i]);
	} else
		tpl_show(d, "no_pitfalls");
	widget_budget(r, d, &p);
	if (r->role == ORG_ROLE_OWNER)
		tpl_show(d, "owner");
	rc = page_finish(r, layout, 200);
out:
	wb_plan_free(&p);
	return rc;
}
