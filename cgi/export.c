/*
 * export.c: a plan as files, and a plan from a file.
 *
 * GET /o/<id>/plan.json, /s/<token>/plan.json: 200, the plan file
 *     (lib/export.h, docs/plan-format.md), application/json, downloaded
 *     as plan-<organisation>-<date>.json; 404 or 410 for a share link
 *     that never existed or no longer works (share_source()).
 * GET /o/<id>/plan.ics, /s/<token>/plan.ics: 200, the plan's dates as a
 *     calendar (lib/ics.h), text/calendar; 404 or 410 as above.
 * GET /o/<id>/import (owners): 200, the downloads and the import form;
 *     with ?imported=1, it says the plan was replaced.
 * POST /o/<id>/import (owners; multipart: csrf, file): 200, the
 *     confirmation page, which says what will happen and carries the file
 *     in a hidden field; 422, the form again with what is wrong (no file,
 *     a file refused by import_plan_json()); nothing is changed either way.
 * POST /o/<id>/import/confirm (owners; csrf, plan): the file is read again
 *     (nothing is trusted from the step before), then 303 to
 *     /o/<id>/import?imported=1 once every section was saved as a new
 *     version (plan_replace_all()); 422 when the file no longer reads,
 *     nothing changed.
 * GET /orgs/new (logged in): 200, the form.  POST /orgs/new (multipart:
 *     csrf, name, file optional): 303 to the new organisation's plan, whose
 *     owner the person is, empty or from the file; 422 with the form again
 *     (the name kept) when the name or the file is wrong.
 * A member who is not an owner gets 403 from the dispatcher for import.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "coach.h"
#include "export.h"
#include "ics.h"
#include "org.h"
#include "plan.h"

/* The room for import_plan_json()'s message. */
#define EXPORT_ERR_LEN 512

/* The host for the calendar's UIDs when the base URL has none. */
#define EXPORT_UID_HOST "reseauter.invalid"

static const struct field_def orgs_new_fields[] = {
	{ "name", FIELD_LINE, 1, 2, ORG_NAME_MAX, NULL,
	  N_("Name of the organisation") },
};
#define ORGS_NEW_NFIELDS (sizeof orgs_new_fields / sizeof orgs_new_fields[0])

/*
 * Makes r->resp, whose body is already written, a 200 download of type
 * content_type named for the organisation with extension ext.  Returns
 * RT_OK or an error of page_download_name().
 */
static int
export_answer(struct req *r, const char *content_type, const char *ext)
{
	snprintf(r->resp.content_type, sizeof r->resp.content_type, "%s",
	    content_type);
	r->resp.status = 200;
	return page_download_name(r, ext);
}

int
plan_json_get(struct req *r)
{
	struct wb_plan p;
	int answered, rc;

	if ((rc = share_source(r, &answered)) != RT_OK || answered)
		return rc;
	memset(&p, 0, sizeof p);
	if ((rc = plan_load_all(r->h, r->org_id, &p)) != RT_OK)
		goto out;
	if (r->shared)
		wb_plan_hide_team_only(&p);
	buf_reset(&r->resp.body);
	if ((rc = export_plan_json(&p, r->org_name, &r->resp.body)) != RT_OK)
		goto out;
	rc = export_answer(r, "application/json; charset=utf-8", "json");
out:
	wb_plan_free(&p);
	return rc;
}

/*
 * Writes into out the host of the configured base URL, without scheme,
 * port, user or path ("reseauter.example" for
 * "https://reseauter.example:8443/"), for the calendar's UIDs; a URL
 * without one gives EXPORT_UID_HOST.
 */
static void
export_uid_host(const char *base_url, char *out, size_t outlen)
{
	const char *s = strstr(base_url, "://"), *at;
	size_t len;

	s = s != NULL ? s + 3 : base_url;
	len = strcspn(s, "/?#");
	if ((at = memchr(s, '@', len)) != NULL) {
		len -= (size_t)(at + 1 - s);
		s = at + 1;
	}
	if (len > 0 && s[0] == '[')
		len = strcspn(s, "]") + (s[strcspn(s, "]")] == ']');
	else
		len = strcspn(s, ":/?#");
	if (len == 0 || len >= outlen)
		snprintf(out, outlen, "%s", EXPORT_UID_HOST);
	else
		snprintf(out, outlen, "%.*s", (int)len, s);
}

int
plan_ics_get(struct req *r)
{
	struct wb_plan p;
	char host[256];
	int answered, rc;

	if ((rc = share_source(r, &answered)) != RT_OK || answered)
		return rc;
	memset(&p, 0, sizeof p);
	if ((rc = plan_load_all(r->h, r->org_id, &p)) != RT_OK)
		goto out;
	export_uid_host(r->app->cfg.base_url, host, sizeof host);
	buf_reset(&r->resp.body);
	if ((rc = ics_plan(&p, r->org_name, r->app->i18n, r->lang, host,
	    r->now, &r->resp.body)) != RT_OK)
		goto out;
	rc = export_answer(r, "text/calendar; charset=utf-8", "ics");
out:
	wb_plan_free(&p);
	return rc;
}

/*
 * Shows the import page with status: the downloads and the form, and
 * when msgid is not NULL what went wrong (translated), with the
 * technical detail of import_plan_json() (English) when there is one.
 */
static int
import_render(struct req *r, int status, const char *msgid,
    const char *detail)
{
	struct tpl_dict *layout, *d, *e;

	if ((d = page_begin(r, &layout, "import.tpl",
	    N_("Export and import the plan"))) == NULL)
		return RT_ENOMEM;
	if (status == 200 && kvlist_get(&r->query, "imported") != NULL)
		tpl_show(d, "imported");
	if (msgid != NULL) {
		e = tpl_add_section(d, "import_error");
		tpl_set(e, "MESSAGE", T(r, msgid));
		if (detail != NULL && detail[0] != '\0')
			tpl_set(tpl_add_section(e, "detail"), "DETAIL",
			    detail);
	}
	return page_finish(r, layout, status);
}

int
import_get(struct req *r)
{
	return import_render(r, 200, NULL, NULL);
}

/*
 * The message id that explains a refusal of import_plan_json() with
 * status rc to a person; the detail follows it.
 */
static const char *
import_message(int rc)
{
	if (rc == RT_ETOOBIG)
		return N_("This file is larger than 1 MiB, far more than a "
		    "plan weighs. Check that you chose the plan file (.json) "
		    "downloaded from reseauter. Nothing was changed.");
	return N_("This file cannot be imported: it is not a plan file that "
	    "this version of reseauter can read, or something in it is "
	    "wrong. Nothing was changed.");
}

/*
 * Returns the part "file" of the request, or NULL when the person chose
 * no file (a file input left empty sends an empty part whose file name is
 * empty).
 */
static const struct http_part *
import_file(const struct req *r)
{
	const struct http_part *f = http_part_get(r->parts, r->nparts, "file");

	if (f == NULL || (f->len == 0 && (f->filename == NULL ||
	    f->filename[0] == '\0')))
		return NULL;
	return f;
}

int
import_post(struct req *r)
{
	const struct http_part *f;
	struct plan_standing st;
	struct coach_progress pr;
	struct tpl_dict *layout, *d;
	struct wb_plan p;
	char err[EXPORT_ERR_LEN], name[AUTH_NAME_MAX];
	int rc;

	if ((f = import_file(r)) == NULL)
		return import_render(r, 422, N_("Choose the plan file (.json) "
		    "to import."), NULL);
	rc = import_plan_json(f->data, f->len, &p, err, sizeof err);
	if (rc == RT_EINVAL || rc == RT_ETOOBIG)
		return import_render(r, 422, import_message(rc), err);
	if (rc != RT_OK)
		return rc;
	coach_progress(&p, &pr);
	wb_plan_free(&p);
	if ((rc = plan_standing(r->h, r->org_id, &st)) != RT_OK)
		return rc;
	if ((d = page_begin(r, &layout, "import_confirm.tpl",
	    N_("Replace the plan with this file?"))) == NULL)
		return RT_ENOMEM;
	tpl_set(d, "FILENAME", f->filename != NULL ? f->filename : "");
	tpl_set_int(d, "FILE_PERCENT", pr.overall);
	tpl_set_int(d, "CURRENT_PERCENT", st.overall);
	tpl_set(d, "PLAN", f->data);
	if ((rc = export_org_name(f->data, f->len, name, sizeof name)) !=
	    RT_OK) {
		tpl_dict_free(layout);
		return rc;
	}
	if (name[0] != '\0')
		tpl_set(tpl_add_section(d, "file_org"), "FILE_ORG", name);
	return page_finish(r, layout, 200);
}

int
import_confirm_post(struct req *r)
{
	const char *sent = kvlist_get(&r->form, "plan");
	struct wb_plan p;
	char err[EXPORT_ERR_LEN], loc[64], *text;
	size_t i, n = 0, len;
	int rc;

	if (sent == NULL || sent[0] == '\0')
		return import_render(r, 422, N_("Choose the plan file (.json) "
		    "to import."), NULL);
	/*
	 * A form sends its line breaks as CRLF; in a JSON file CR can only
	 * be white space, so it goes, and the size is the file's again.
	 */
	len = strlen(sent);
	if ((text = malloc(len + 1)) == NULL)
		return RT_ENOMEM;
	for (i = 0; i < len; i++)
		if (sent[i] != '\r')
			text[n++] = sent[i];
	text[n] = '\0';
	rc = import_plan_json(text, n, &p, err, sizeof err);
	free(text);
	if (rc == RT_EINVAL || rc == RT_ETOOBIG)
		return import_render(r, 422, import_message(rc), err);
	if (rc != RT_OK)
		return rc;
	rc = plan_replace_all(r->h, r->org_id, r->sess.user_id, &p, r->now);
	wb_plan_free(&p);
	if (rc != RT_OK)
		return rc;
	snprintf(loc, sizeof loc, "/o/%lld/import?imported=1",
	    (long long)r->org_id);
	return page_redirect(r, 303, loc);
}

/*
 * Shows the form of a new organisation with status: empty (f NULL), or
 * with the name typed and its error, and the file's problem (msgid, with
 * the detail) when there is one.
 */
static int
orgs_new_render(struct req *r, const struct form *f, const char *msgid,
    const char *detail, int status)
{
	struct tpl_dict *layout, *d, *sum = NULL, *e;

	if ((d = page_begin(r, &layout, "orgs_new.tpl",
	    N_("Start a new organisation"))) == NULL)
		return RT_ENOMEM;
	if (f != NULL)
		page_form_fill(r, d, f, &sum);
	if (msgid != NULL) {
		page_field_problem(r, d, &sum, "file", N_("Plan file"), msgid);
		if (detail != NULL && detail[0] != '\0' &&
		    (e = tpl_add_section(d, "file_detail")) != NULL)
			tpl_set(e, "DETAIL", detail);
	}
	return page_finish(r, layout, status);
}

int
orgs_new_get(struct req *r)
{
	return orgs_new_render(r, NULL, NULL, NULL, 200);
}

int
orgs_new_post(struct req *r)
{
	const struct http_part *file;
	struct form f = { 0 };
	struct wb_plan p;
	char err[EXPORT_ERR_LEN], loc[64];
	int64_t org_id;
	int rc, have_plan = 0;

	memset(&p, 0, sizeof p);
	if ((rc = form_validate(&f, orgs_new_fields, ORGS_NEW_NFIELDS,
	    &r->form, 0)) != RT_OK)
		goto out;
	if ((file = import_file(r)) != NULL) {
		rc = import_plan_json(file->data, file->len, &p, err,
		    sizeof err);
		if (rc == RT_EINVAL || rc == RT_ETOOBIG) {
			rc = orgs_new_render(r, &f, import_message(rc), err,
			    422);
			goto out;
		}
		if (rc != RT_OK)
			goto out;
		have_plan = 1;
	}
	if (f.nerrors > 0) {
		rc = orgs_new_render(r, &f, NULL, NULL, 422);
		goto out;
	}
	if ((rc = plan_org_create(r->h, form_get(&f, "name")->text,
	    r->sess.user_id, have_plan ? &p : NULL, r->now, &org_id)) !=
	    RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/o/%lld/", (long long)org_id);
	rc = page_redirect(r, 303, loc);
out:
	wb_plan_free(&p);
	form_free(&f);
	return rc;
}
