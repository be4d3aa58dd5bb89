/*
 * overview.c: "/o/<id>/", the plan's home: every section with how far it
 * is filled and its open comments, the pitfalls still open, and the time
 * budget.
 *
 * A member also sees the comments waiting for the group's answer (open
 * threads whose newest message is a trainer's).  A trainer reads the same
 * progress, without anything that changes the plan, the group's replies
 * waiting for them, and what was saved since the end of their previous
 * visit, section by section, as differences (lib/comment.h); this page
 * records their visit.
 *
 * What the page shows of the plan is read without loading all of it
 * (plan_load_view()): the completion and the number of pitfalls from the
 * standing every save stores, the content only of the sections that the
 * time budget reads, and of those the pitfall rules read when there are
 * pitfalls to list (coach.h); a trainer back for another visit gets the
 * whole plan, which the differences are told against.
 *
 * GET: 200.  Owners also get the link to the export and import page.
 */
#include <string.h>

#include "cgi.h"
#include "coach.h"
#include "comment.h"
#include "comments.h"
#include "org.h"
#include "plan.h"

#define OVERVIEW_PITFALLS 64

/* Adds one {{#diff}} to list for difference x. */
static void
overview_diff(struct req *r, struct tpl_dict *list,
    const struct change_diff *x)
{
	struct tpl_dict	*e = tpl_add_section(list, "diff"), *w;
	int		 both = x->kind == CHANGE_FIELD ||
	    x->kind == CHANGE_ITEM_FIELD;

	switch (x->kind) {
	case CHANGE_FIELD:
		tpl_set(tpl_add_section(e, "field"), "LABEL", x->label);
		break;
	case CHANGE_ITEM_FIELD:
		w = tpl_add_section(e, "item_field");
		tpl_set(w, "ITEM", x->item);
		tpl_set(w, "LABEL", x->label);
		break;
	case CHANGE_ITEM_ADDED:
		tpl_set(tpl_add_section(e, "added"), "ITEM", x->item);
		break;
	default:
		tpl_set(tpl_add_section(e, "removed"), "ITEM", x->item);
		break;
	}
	if (x->before[0] != '\0')
		tpl_set(tpl_add_section(e, "before"), "BEFORE", x->before);
	else if (both)
		tpl_show(e, "was_empty");
	if (x->after[0] != '\0')
		tpl_set(tpl_add_section(e, "after"), "AFTER", x->after);
	else if (both)
		tpl_show(e, "now_empty");
}

/*
 * Adds to d, for a trainer, what changed in p since since (the end of
 * their previous visit; 0 on a first visit).  Returns RT_OK, RT_ENOMEM or
 * RT_EDB.
 */
static int
overview_changes(struct req *r, struct tpl_dict *d, const struct wb_plan *p,
    int64_t since)
{
	struct section_change	*v = NULL;
	struct tpl_dict		*s, *e, *list;
	char			 date[64], hour[32];
	size_t			 i, k, n = 0;
	int			 rc;

	if (since == 0) {
		tpl_show(d, "first_visit");
		return RT_OK;
	}
	if ((rc = changes_since(r->h, r->org_id, since, p, r->app->i18n,
	    r->lang, &v, &n)) != RT_OK)
		return rc;
	s = tpl_add_section(d, "since");
	i18n_format_date(r->lang, since, date, sizeof date);
	i18n_format_time(r->lang, since, hour, sizeof hour);
	tpl_set(s, "SINCE_DATE", date);
	tpl_set(s, "SINCE_TIME", hour);
	if (n == 0)
		tpl_show(s, "nothing");
	for (i = 0; i < n; i++) {
		const struct section_change *c = &v[i];

		e = tpl_add_section(s, "change");
		tpl_set(e, "SLUG", wb_sections[c->section].slug);
		tpl_set(e, "TITLE", T(r, wb_sections[c->section].title));
		tpl_set(e, "BY", c->updated_by[0] != '\0' ? c->updated_by :
		    T(r, "a former member"));
		i18n_format_date(r->lang, c->updated_at, date, sizeof date);
		i18n_format_time(r->lang, c->updated_at, hour, sizeof hour);
		tpl_set(e, "DATE", date);
		tpl_set(e, "TIME", hour);
		if (c->saves > 1)
			tpl_set_int(tpl_add_section(e, "saves"), "SAVES",
			    c->saves);
		if (c->was_empty)
			tpl_show(e, "new_section");
		if (c->ndiffs == 0 && c->more == 0)
			tpl_show(e, "same");
		if (c->ndiffs > 0) {
			list = tpl_add_section(e, "diffs");
			for (k = 0; k < c->ndiffs; k++)
				overview_diff(r, list, &c->diffs[k]);
		}
		if (c->more > 0)
			tpl_set_int(tpl_add_section(e, "more"), "MORE",
			    (long long)c->more);
	}
	changes_free(v, n);
	return RT_OK;
}

/*
 * Adds to d the open conversations: their count, and those waiting for
 * the reader's answer.  Returns RT_OK, RT_ENOMEM or RT_EDB.
 */
static int
overview_comments(struct req *r, struct tpl_dict *d)
{
	struct comment_thread	*v = NULL;
	struct tpl_dict		*c;
	size_t			 n = 0;
	int			 rc;

	if ((rc = comment_threads(r->h, r->org_id, -1, 1, &v, &n)) != RT_OK)
		return rc;
	if (n > 0) {
		c = tpl_add_section(d, "conversations");
		tpl_show(c, r->role == ORG_ROLE_TRAINER ? "for_trainer" :
		    "for_group");
		tpl_set_int(c, "OPEN_COUNT", (long long)n);
		if (comments_to_answer(r, c, v, n) == 0)
			tpl_show(c, "none_to_answer");
	}
	comment_threads_free(v, n);
	return RT_OK;
}

int
overview_get(struct req *r)
{
	struct wb_plan p;
	struct plan_standing st;
	struct pitfall pits[OVERVIEW_PITFALLS];
	struct tpl_dict *layout = NULL, *d, *s, *list;
	int counts[WB__MAX];
	int64_t since = 0;
	size_t i, n;
	unsigned need = COACH_BUDGET_SECTIONS;
	int rc, trainer = r->role == ORG_ROLE_TRAINER;

	memset(&p, 0, sizeof p);
	/* The visit is recorded first: it says since when to show changes. */
	if (trainer && (rc = comments_visit(r, &since)) != RT_OK)
		goto out;
	/* What changed since a trainer's visit is told against the whole plan. */
	if (trainer && since != 0)
		need = PLAN_ALL_SECTIONS;
	if ((rc = plan_load_view(r->h, r->org_id, need, COACH_PITFALL_SECTIONS,
	    &p, &st)) != RT_OK)
		goto out;
	if ((rc = comment_open_counts(r->h, r->org_id, counts)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "overview.tpl",
	    trainer ? N_("The plan") : N_("Our plan"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	tpl_show(d, trainer ? "trainer" : "member");
	tpl_set_int(d, "OVERALL", st.overall);
	for (i = 0; i < WB__MAX; i++) {
		const struct wb_section_def *sd = &wb_sections[i];

		s = tpl_add_section(d, "section");
		tpl_set_int(s, "NUMBER", (long long)i + 1);
		tpl_set(s, "SLUG", sd->slug);
		tpl_set(s, "TITLE", T(r, sd->title));
		tpl_set(s, "SUMMARY", T(r, sd->summary));
		tpl_set_int(s, "PERCENT", st.percent[i]);
		if (sd->optional)
			tpl_show(s, "optional");
		if (st.percent[i] == 0)
			tpl_show(s, "empty");
		else if (st.percent[i] < 100)
			tpl_show(s, "partial");
		else
			tpl_show(s, "complete");
		if (counts[i] > 0)
			tpl_set_int(tpl_add_section(s, "open_comments"),
			    "OPEN", counts[i]);
		page_stamp(r, s, p.s[i].stamp.updated_at,
		    p.s[i].stamp.updated_by);
	}
	if ((rc = overview_comments(r, d)) != RT_OK)
		goto out;
	if (trainer && (rc = overview_changes(r, d, &p, since)) != RT_OK)
		goto out;
	n = st.pitfalls > 0 ? coach_pitfalls(&p, pits, OVERVIEW_PITFALLS) : 0;
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
	layout = NULL;
out:
	tpl_dict_free(layout);
	wb_plan_free(&p);
	return rc;
}
