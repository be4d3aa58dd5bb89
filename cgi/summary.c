/*
 * summary.c: "/o/<id>/summary", the plan as a clean read-only document.
 *
 * GET: 200.  An empty section says it is still to complete rather than
 * showing a blank heading.
 */
#include "cgi.h"
#include "plan.h"

/* Shows {{#name}} with {{TEXT}} when text is not empty, else {{#name_todo}}. */
static void
summary_text(struct tpl_dict *d, const char *name, const char *todo,
    const char *text)
{
	if (text[0] == '\0') {
		tpl_show(d, todo);
		return;
	}
	tpl_set(tpl_add_section(d, name), "TEXT", text);
}

int
summary_get(struct req *r)
{
	struct plan_mission m = { 0 };
	struct plan_objectives o = { 0 };
	struct tpl_dict *layout, *d, *s;
	char date[64];
	size_t i;
	int rc;

	if ((rc = plan_mission_load(r->h, r->org_id, &m)) != RT_OK)
		goto out;
	if ((rc = plan_objectives_load(r->h, r->org_id, &o)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "summary.tpl",
	    N_("Strategy summary"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	i18n_format_date(r->lang, r->now, date, sizeof date);
	tpl_set(d, "TODAY", date);
	summary_text(d, "mission", "mission_todo", m.mission);
	summary_text(d, "means", "means_todo", m.means);
	summary_text(d, "strategy", "strategy_todo", m.strategy);
	if (o.n == 0)
		tpl_show(d, "objectives_todo");
	for (i = 0; i < o.n; i++) {
		const struct plan_objective *p = &o.items[i];

		s = tpl_add_section(d, "objective");
		tpl_set_int(s, "N", (long long)i + 1);
		tpl_set(s, "TEXT", p->text);
		if (p->kind >= 0 && p->kind < OBJ_KIND__MAX)
			tpl_set(tpl_add_section(s, "kind"), "KIND",
			    T(r, plan_objective_kind_msgids[p->kind]));
		if (p->serves[0] != '\0')
			tpl_set(tpl_add_section(s, "serves"), "SERVES",
			    p->serves);
		if (p->indicator[0] != '\0')
			tpl_set(tpl_add_section(s, "indicator"), "INDICATOR",
			    p->indicator);
		if (p->target[0] != '\0')
			tpl_set(tpl_add_section(s, "target"), "TARGET",
			    p->target);
		if (p->due[0] != '\0') {
			i18n_format_iso_date(r->lang, p->due, date, sizeof date);
			tpl_set(tpl_add_section(s, "due"), "DUE", date);
		}
		if (p->indicator[0] == '\0' || p->target[0] == '\0')
			tpl_show(s, "measure_todo");
	}
	rc = page_finish(r, layout, 200);
out:
	plan_mission_free(&m);
	plan_objectives_free(&o);
	return rc;
}
