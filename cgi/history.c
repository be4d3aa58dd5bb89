/*
 * history.c: "/o/<id>/<section>/history", the revisions of a section.
 *
 * GET .../history: 200, every saved version, newest first.
 * GET .../history/<version>: 200, that version read-only, with a button
 * to restore it; 404 for a version that does not exist.
 * A trainer reading the plan sees both pages, without the restore button
 * (restoring is the members' business: cgi/main.c refuses it with 403).
 * POST .../restore version, base_version: 303 to the section with
 * ?restored=1; 404 for an unknown version; 409 when the section changed
 * since the page was shown (nothing restored).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "comments.h"
#include "org.h"
#include "plan.h"
#include "workbook.h"

#define HISTORY_MAX 200

static const struct field_def restore_fields[] = {
	{ "version", FIELD_INT, 1, 1, INT32_MAX, NULL, NULL },
	{ "base_version", FIELD_INT, 1, 0, INT32_MAX, NULL, NULL },
};

int
history_get(struct req *r)
{
	const struct wb_section_def *s = &wb_sections[r->section];
	struct plan_revision *revs = NULL;
	struct tpl_dict *layout, *d, *e;
	char date[64];
	size_t i, n = 0;
	int rc;

	/* A trainer's view goes on with their visit; a failure is logged. */
	(void)comments_visit(r, NULL);
	if ((rc = plan_revisions(r->h, r->org_id, r->section, HISTORY_MAX,
	    &revs, &n)) != RT_OK)
		return rc;
	if ((d = page_begin(r, &layout, "history.tpl",
	    N_("History of a section"))) == NULL) {
		free(revs);
		return RT_ENOMEM;
	}
	tpl_set(d, "TITLE", T(r, s->title));
	tpl_set(d, "SLUG", s->slug);
	tpl_show(d, r->role == ORG_ROLE_TRAINER ? "trainer" : "member");
	for (i = 0; i < n; i++) {
		e = tpl_add_section(d, "revision");
		tpl_set_int(e, "VERSION", revs[i].version);
		i18n_format_date(r->lang, revs[i].created_at, date, sizeof date);
		tpl_set(e, "DATE", date);
		i18n_format_time(r->lang, revs[i].created_at, date, sizeof date);
		tpl_set(e, "TIME", date);
		tpl_set(e, "AUTHOR", revs[i].author[0] ? revs[i].author :
		    T(r, "a former member"));
		if (revs[i].restored_from > 0)
			tpl_set_int(tpl_add_section(e, "restored"), "FROM",
			    revs[i].restored_from);
		if (i == 0)
			tpl_show(e, "current");
	}
	if (n == 0)
		tpl_show(d, "none");
	free(revs);
	return page_finish(r, layout, 200);
}

int
revision_get(struct req *r)
{
	const struct wb_section_def *s = &wb_sections[r->section];
	struct wb_plan p;
	struct wb_data old;
	struct tpl_dict *layout, *d;
	int rc;

	memset(&p, 0, sizeof p);
	memset(&old, 0, sizeof old);
	(void)comments_visit(r, NULL);
	if ((rc = plan_load_all(r->h, r->org_id, &p)) != RT_OK)
		goto out;
	rc = plan_revision_load(r->h, r->org_id, r->section, r->version, &old);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This version does not exist."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "revision.tpl",
	    N_("An earlier version"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	tpl_set(d, "TITLE", T(r, s->title));
	tpl_set(d, "SLUG", s->slug);
	tpl_set_int(d, "VERSION", r->version);
	tpl_set_int(d, "BASE_VERSION", p.s[r->section].stamp.version);
	page_stamp(r, d, old.stamp.updated_at, old.stamp.updated_by);
	if (r->version == p.s[r->section].stamp.version)
		tpl_show(d, "is_current");
	else if (r->role != ORG_ROLE_TRAINER)
		tpl_show(d, "can_restore");
	widget_show_section(r, d, &old, &p);
	rc = page_finish(r, layout, 200);
out:
	wb_data_free(&old);
	wb_plan_free(&p);
	return rc;
}

int
restore_post(struct req *r)
{
	struct form f = { 0 };
	char loc[128];
	int rc;

	if ((rc = form_validate(&f, restore_fields, 2, &r->form, 0)) != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = page_error(r, 400, N_("The request was malformed."));
		goto out;
	}
	rc = plan_restore(r->h, r->org_id, r->sess.user_id, r->section,
	    form_get(&f, "version")->num, form_get(&f, "base_version")->num,
	    r->now);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This version does not exist."));
		goto out;
	}
	if (rc == RT_ECONFLICT) {
		rc = page_error(r, 409, N_("Someone saved this section after "
		    "you opened the history, so nothing was restored. Open "
		    "the history again to see the latest versions."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/o/%lld/%s?restored=1",
	    (long long)r->org_id, wb_sections[r->section].slug);
	rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}
