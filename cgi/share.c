/*
 * share.c: "/o/<id>/share", the read-only links to the plan's summary, and
 * "/s/<token>", the summary as whoever holds such a link reads it.
 *
 * GET /o/<id>/share (members): 200, the links still working.
 * POST /o/<id>/share label, expires (members): 200, the page with the new
 * link shown once; 422 with the form kept when the label is too long or
 * the date malformed or past.
 * POST /o/<id>/share/revoke link_id (owners): 303 back; 404 for a link
 * that is not this organisation's or was already withdrawn.  A member who
 * is not an owner gets 403 from the dispatcher.
 * GET /s/<token> (anyone, no account needed): 200, the summary, read-only;
 * 404 for a token that never existed; 410 for a link withdrawn or past
 * its date, the same page for both.  Every answer under /s/ carries
 * Referrer-Policy: no-referrer (the token is in the URL), X-Robots-Tag:
 * noindex and Cache-Control: private, no-store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "cgi.h"
#include "org.h"
#include "share.h"

static const struct field_def share_fields[] = {
	{ "label", FIELD_LINE, 0, 0, SHARE_LABEL_MAX, NULL, N_("Label") },
	{ "expires", FIELD_DATE, 0, 0, 0, NULL, N_("Valid until") },
};

static const struct field_def revoke_fields[] = {
	{ "link_id", FIELD_INT, 1, 1, INT64_MAX, NULL, NULL },
};

/* Writes the date of t in the process's time zone as YYYY-MM-DD. */
static void
share_iso_day(time_t t, char out[16])
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(out, 16, "%Y-%m-%d", &tm) == 0)
		out[0] = '\0';
}

/*
 * Turns a date already validated as YYYY-MM-DD into the first second of
 * the day after it, in the process's time zone: a link valid until that
 * date works through the whole of it.  Returns 0 when the date cannot be
 * represented.
 */
static time_t
share_day_after(const char *iso)
{
	struct tm tm;
	time_t t;
	int y = 0, i;

	for (i = 0; i < 4; i++)
		y = y * 10 + (iso[i] - '0');
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = (iso[5] - '0') * 10 + (iso[6] - '0') - 1;
	tm.tm_mday = (iso[8] - '0') * 10 + (iso[9] - '0') + 1;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	return t == (time_t)-1 ? 0 : t;
}

/*
 * Shows the share page: the links still working, a form to make one (f
 * holds what was typed, or NULL for an empty form; past says that its
 * date is before today), and new_link, the address of a link just made
 * with its expiry new_expires (0: none), shown once when not NULL.
 */
static int
share_render(struct req *r, const struct form *f, int past,
    const char *new_link, time_t new_expires, int status)
{
	struct share_link *v = NULL;
	struct tpl_dict *layout, *d, *s, *sum = NULL;
	char date[64], time_of_day[32], today[16];
	size_t i, n = 0;
	int rc;

	if ((rc = share_list(r->h, r->org_id, r->now, &v, &n)) != RT_OK)
		return rc;
	if ((d = page_begin(r, &layout, "share.tpl",
	    N_("Share the plan"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	if (new_link != NULL) {
		s = tpl_add_section(d, "new_link");
		tpl_set(s, "LINK", new_link);
		if (new_expires != 0) {
			i18n_format_date(r->lang, (long long)new_expires - 1,
			    date, sizeof date);
			tpl_set(tpl_add_section(s, "until"), "EXPIRES", date);
		} else
			tpl_show(s, "no_end");
	}
	if (kvlist_get(&r->query, "revoked") != NULL)
		tpl_show(d, "revoked");
	if (n == 0)
		tpl_show(d, "no_links");
	else {
		struct tpl_dict *t = tpl_add_section(d, "links");

		if (r->role == ORG_ROLE_OWNER)
			tpl_show(t, "owner");
		for (i = 0; i < n; i++) {
			s = tpl_add_section(t, "link");
			tpl_set_int(s, "ID", v[i].id);
			if (v[i].label[0] != '\0')
				tpl_set(tpl_add_section(s, "has_label"), "LABEL",
				    v[i].label);
			else
				tpl_show(s, "no_label");
			i18n_format_date(r->lang, v[i].created, date,
			    sizeof date);
			tpl_set(s, "CREATED", date);
			if (v[i].creator[0] != '\0')
				tpl_set(tpl_add_section(s, "by"), "BY",
				    v[i].creator);
			if (v[i].expires != 0) {
				i18n_format_date(r->lang, v[i].expires - 1,
				    date, sizeof date);
				tpl_set(tpl_add_section(s, "until"),
				    "EXPIRES", date);
			} else
				tpl_show(s, "no_end");
			if (v[i].last_access != 0) {
				struct tpl_dict *a;

				i18n_format_date(r->lang, v[i].last_access,
				    date, sizeof date);
				i18n_format_time(r->lang, v[i].last_access,
				    time_of_day, sizeof time_of_day);
				a = tpl_add_section(s, "seen");
				tpl_set(a, "SEEN_DATE", date);
				tpl_set(a, "SEEN_TIME", time_of_day);
			} else
				tpl_show(s, "never_seen");
			if (r->role == ORG_ROLE_OWNER)
				tpl_show(s, "can_revoke");
		}
	}
	share_iso_day(r->now, today);
	tpl_set(d, "TODAY", today);
	if (f != NULL)
		page_form_fill(r, d, f, &sum);
	if (past)
		page_field_problem(r, d, &sum, "expires", N_("Valid until"),
		    N_("Choose today or a later date."));
	rc = page_finish(r, layout, status);
out:
	free(v);
	return rc;
}

int
share_get(struct req *r)
{
	return share_render(r, NULL, 0, NULL, 0, 200);
}

int
share_post(struct req *r)
{
	struct form f = { 0 };
	const struct field_value *exp;
	char token[AUTH_TOKEN_LEN + 1], link[CONFIG_PATH_MAX + 64];
	char today[16];
	time_t expires = 0;
	int rc, past = 0;

	if ((rc = form_validate(&f, share_fields, 2, &r->form, 0)) != RT_OK)
		goto out;
	exp = form_get(&f, "expires");
	if (exp->error == FIELD_OK && exp->present) {
		share_iso_day(r->now, today);
		expires = share_day_after(exp->text);
		past = strcmp(exp->text, today) < 0 || expires <= r->now;
	}
	if (f.nerrors > 0 || past) {
		rc = share_render(r, &f, past, NULL, 0, 422);
		goto out;
	}
	rc = share_create(r->h, r->org_id, r->sess.user_id,
	    form_get(&f, "label")->text, expires, r->now, token);
	if (rc != RT_OK)
		goto out;
	snprintf(link, sizeof link, "%s/s/%s", r->app->cfg.base_url, token);
	sodium_memzero(token, sizeof token);
	rc = share_render(r, NULL, 0, link, expires, 200);
out:
	form_free(&f);
	return rc;
}

int
share_revoke_post(struct req *r)
{
	struct form f = { 0 };
	char loc[64];
	int rc;

	if ((rc = form_validate(&f, revoke_fields, 1, &r->form, 0)) != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = page_error(r, 400, N_("The request was malformed."));
		goto out;
	}
	rc = share_revoke(r->h, r->org_id, form_get(&f, "link_id")->num,
	    r->now);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This share link does not exist "
		    "or was already withdrawn."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/o/%lld/share?revoked=1",
	    (long long)r->org_id);
	rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}

/*
 * Adds the headers of every answer under /s/: the token is in the URL, so
 * no other site may see it in a Referer, no shared cache may keep the
 * page, and no search engine may list it.  Returns RT_OK or RT_ENOMEM.
 */
static int
share_headers(struct req *r)
{
	int rc;

	if ((rc = http_add_header(&r->resp, "Referrer-Policy",
	    "no-referrer")) != RT_OK ||
	    (rc = http_add_header(&r->resp, "X-Robots-Tag", "noindex")) !=
	    RT_OK ||
	    (rc = http_add_header(&r->resp, "Cache-Control",
	    "private, no-store")) != RT_OK)
		return rc;
	return RT_OK;
}

/*
 * See cgi.h.  A path under /s/ is a share link's; any other path is one
 * the dispatcher already checked for membership.  Whoever reads a link,
 * logged in or not and member or not, reads it as a visitor: r->role
 * stays ORG_ROLE_NONE, which keeps the plan's navigation out of the page.
 */
int
share_source(struct req *r, int *answered)
{
	int64_t org = 0;
	int rc;

	*answered = 0;
	if (strncmp(r->path, "/s/", 3) != 0)
		return RT_OK;
	if ((rc = share_headers(r)) != RT_OK)
		return rc;
	rc = share_resolve(r->h, r->token, r->now, &org);
	if (rc == RT_ENOTFOUND || rc == RT_EEXPIRED) {
		*answered = 1;
		return page_gone(r, rc, N_("This page does not exist."),
		    N_("This share link no longer works: it was withdrawn or "
		    "its time ran out. Ask the organisation for a new link."));
	}
	if (rc != RT_OK)
		return rc;
	if ((rc = org_name(r->h, org, r->org_name)) != RT_OK)
		return rc;
	r->org_id = org;
	r->role = ORG_ROLE_NONE;
	r->shared = 1;
	return RT_OK;
}

int
shared_get(struct req *r)
{
	int answered, rc;

	if ((rc = share_source(r, &answered)) != RT_OK || answered)
		return rc;
	return summary_get(r);
}
