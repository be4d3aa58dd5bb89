/*
 * summary.c: "/o/<id>/summary", the plan as one read-only document.
 *
 * GET: 200.  Sections are in the order of the workbook; a section with
 * nothing answered says it is still to complete instead of showing a blank
 * heading; the optional event campaigns are left out when empty.  The
 * pitfalls still open come last, clearly apart.
 */
#include <string.h>

#include "cgi.h"
#include "coach.h"
#include "plan.h"

#define SUMMARY_PITFALLS 64

int
summary_get(struct req *r)
{
	struct wb_plan p;
	struct pitfall pits[SUMMARY_PITFALLS];
	struct tpl_dict *layout, *d, *s, *list;
	char date[64];
	size_t i, n;
	int rc;

	memset(&p, 0, sizeof p);
	if ((rc = plan_load_all(r->h, r->org_id, &p)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "summary.tpl",
	    N_("Strategy summary"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	i18n_format_date(r->lang, r->now, date, sizeof date);
	tpl_set(d, "TODAY", date);
	for (i = 0; i < WB__MAX; i++) {
		struct tpl_dict *tmp;
		int shown;

		/* An optional section with nothing in it is left out. */
		if (wb_sections[i].optional) {
			tmp = tpl_dict_new();
			shown = tmp ? widget_show_section(r, tmp, &p.s[i], &p) : 0;
			tpl_dict_free(tmp);
			if (shown == 0)
				continue;
		}
		s = tpl_add_section(d, "part");
		tpl_set(s, "SLUG", wb_sections[i].slug);
		tpl_set(s, "PART_TITLE", T(r, wb_sections[i].title));
		widget_show_section(r, s, &p.s[i], &p);
		if (i == WB_PLATFORMS)
			widget_budget(r, s, &p);
	}
	n = coach_pitfalls(&p, pits, SUMMARY_PITFALLS);
	if (n > 0) {
		list = tpl_add_section(d, "pitfalls");
		for (i = 0; i < n && i < SUMMARY_PITFALLS; i++)
			widget_pitfall(r, list, &pits[i]);
	}
	rc = page_finish(r, layout, 200);
out:
	wb_plan_free(&p);
	return rc;
}
