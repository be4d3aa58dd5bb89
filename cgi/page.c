/*
 * page.c: the layout every page shares, error pages, redirections, and
 * filling forms back with what a person typed.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "cgi.h"
#include "org.h"

void
req_free(struct req *r)
{
	kvlist_free(&r->query);
	kvlist_free(&r->form);
	kvlist_free(&r->cookies);
	http_response_free(&r->resp);
	sodium_memzero(&r->sess, sizeof r->sess);
	sodium_memzero(r->session_token, sizeof r->session_token);
}

/*
 * Fills the parts of the layout that depend on who is looking: the
 * language switch, the user's name and logout form, and the navigation of
 * the organisation when the page belongs to one.
 */
static void
page_layout_fill(struct req *r, struct tpl_dict *layout)
{
	enum lang other = r->lang == LANG_FR ? LANG_EN : LANG_FR;
	struct tpl_dict *d;

	tpl_set(layout, "LANG", lang_codes[r->lang]);
	tpl_set(layout, "OTHER_LANG", lang_codes[other]);
	tpl_set(layout, "OTHER_LANG_NAME", other == LANG_EN ? "English" :
	    "Français");
	tpl_set_global(layout, "CSRF", r->csrf);
	tpl_set(layout, "PATH", r->path);
	if (r->logged_in) {
		d = tpl_add_section(layout, "USER");
		tpl_set(d, "USER_NAME", r->sess.user_name);
	} else
		tpl_show(layout, "ANONYMOUS");
	if (r->org_id != 0 && r->role != ORG_ROLE_NONE) {
		d = tpl_add_section(layout, "ORG_NAV");
		tpl_set_int(d, "ORG_ID", r->org_id);
		tpl_set(d, "ORG_NAME", r->org_name);
		/* The part of the plan this page belongs to. */
		if (strncmp(r->path + strcspn(r->path + 3, "/") + 3,
		    "/summary", 8) == 0)
			tpl_show(d, "nav_summary");
		else if (strstr(r->path, "/members") != NULL)
			tpl_show(d, "nav_members");
		else
			tpl_show(d, "nav_workbook");
	}
}

struct tpl_dict *
page_begin(struct req *r, struct tpl_dict **layout, const char *tpl,
    const char *title_msgid)
{
	char file[128];
	struct tpl_dict *body;

	if ((*layout = tpl_dict_new()) == NULL)
		return NULL;
	tpl_set(*layout, "TITLE", T(r, title_msgid));
	page_layout_fill(r, *layout);
	snprintf(file, sizeof file, "%s/%s", lang_codes[r->lang], tpl);
	body = tpl_add_include(*layout, "BODY", file);
	if (r->org_id != 0)
		tpl_set_int(body, "ORG_ID", r->org_id);
	tpl_set(body, "ORG_NAME", r->org_name);
	return body;
}

struct tpl_dict *
page_include(struct req *r, struct tpl_dict *d, const char *name,
    const char *tpl)
{
	char file[128];

	if (d == NULL)
		return NULL;
	snprintf(file, sizeof file, "%s/%s", lang_codes[r->lang], tpl);
	return tpl_add_include(d, name, file);
}

int
page_finish(struct req *r, struct tpl_dict *layout, int status)
{
	char file[64];
	int rc;

	snprintf(file, sizeof file, "%s/layout.tpl", lang_codes[r->lang]);
	buf_reset(&r->resp.body);
	rc = tpl_expand(file, layout, &r->resp.body);
	tpl_dict_free(layout);
	if (rc == RT_OK)
		r->resp.status = status;
	return rc;
}

int
page_error(struct req *r, int status, const char *msgid)
{
	struct tpl_dict *layout, *d;
	const char *title;

	switch (status) {
	case 400: title = N_("The request could not be read"); break;
	case 403: title = N_("Not allowed"); break;
	case 404: title = N_("Page not found"); break;
	case 405: title = N_("Not allowed"); break;
	case 410: title = N_("This link is no longer valid"); break;
	case 413: title = N_("Too much at once"); break;
	case 415: title = N_("The request could not be read"); break;
	case 429: title = N_("Too many attempts"); break;
	case 503: title = N_("Busy for a moment"); break;
	default:  title = N_("Something went wrong"); break;
	}
	if ((d = page_begin(r, &layout, "error.tpl", title)) == NULL)
		return RT_ENOMEM;
	tpl_set(d, "HEADING", T(r, title));
	tpl_set(d, "MESSAGE", T(r, msgid));
	tpl_set_int(d, "STATUS", status);
	return page_finish(r, layout, status);
}

int
page_redirect(struct req *r, int status, const char *path)
{
	int rc;

	if (!http_local_path(path))
		path = "/";
	if ((rc = http_add_header(&r->resp, "Location", path)) != RT_OK)
		return rc;
	r->resp.status = status;
	buf_reset(&r->resp.body);
	return RT_OK;
}

/*
 * Makes the message of a field error in the request's language, with the
 * field's bounds put in where the message has them.
 */
void
page_field_message(struct req *r, const struct field_def *def, int error,
    char *out, size_t outlen)
{
	const char *fmt = T(r, form_error_msgid_for(def, error));

	switch (error) {
	case FIELD_ETOOSHORT:
		snprintf(out, outlen, fmt, def->min);
		break;
	case FIELD_ETOOLONG:
		snprintf(out, outlen, fmt, def->max);
		break;
	case FIELD_ERANGE:
		snprintf(out, outlen, fmt, def->min, def->max);
		break;
	default:
		snprintf(out, outlen, "%s", fmt);
		break;
	}
}

void
page_field_fill(struct req *r, struct tpl_dict *d, const char *key,
    const struct field_def *def, const struct field_value *v)
{
	char msg[256];

	if (def->kind != FIELD_PASSWORD)
		tpl_set(d, key, v->text);
	if (v->error == FIELD_OK)
		return;
	page_field_message(r, def, v->error, msg, sizeof msg);
	page_field_error(r, d, key, msg);
}

void
page_summary_add(struct req *r, struct tpl_dict *d, struct tpl_dict **sum,
    const char *anchor, const char *label, const char *message)
{
	struct tpl_dict *e;

	if (*sum == NULL)
		*sum = tpl_add_section(d, "form_errors");
	e = tpl_add_section(*sum, "error");
	tpl_set(e, "FIELD", anchor);
	tpl_set(e, "LABEL", label);
	tpl_set(e, "MESSAGE", message);
}

void
page_field_error(struct req *r, struct tpl_dict *d, const char *key,
    const char *message)
{
	char name[96];
	struct tpl_dict *e;

	snprintf(name, sizeof name, "%s_error", key);
	e = tpl_add_section(d, name);
	tpl_set(e, "MESSAGE", message);
}

void
page_form_fill(struct req *r, struct tpl_dict *d, const struct form *f,
    struct tpl_dict **sum)
{
	char msg[256];
	size_t i;

	for (i = 0; i < f->n; i++) {
		const struct field_def *def = &f->defs[i];
		const struct field_value *v = &f->values[i];

		page_field_fill(r, d, def->name, def, v);
		if (v->error == FIELD_OK || def->label == NULL)
			continue;
		page_field_message(r, def, v->error, msg, sizeof msg);
		page_summary_add(r, d, sum, def->name, T(r, def->label), msg);
	}
}

void
page_stamp(struct req *r, struct tpl_dict *d, int64_t updated_at,
    const char *updated_by)
{
	char date[64];
	struct tpl_dict *s;

	if (updated_at == 0)
		return;
	i18n_format_date(r->lang, updated_at, date, sizeof date);
	s = tpl_add_section(d, "stamp");
	tpl_set(s, "SAVED_BY", updated_by);
	tpl_set(s, "SAVED_ON", date);
}

int
page_set_session_cookie(struct req *r, const char *token, int remove)
{
	const struct config *cfg = &r->app->cfg;
	char name[32];
	struct http_cookie c = {
		.name = name, .value = remove ? "" : token,
		.max_age = remove ? -1 : 0, .http_only = 1,
		.secure = cfg->secure_cookies, .same_site = "Lax",
	};

	snprintf(name, sizeof name, "%srt_session",
	    cfg->secure_cookies ? "__Host-" : "");
	return http_set_cookie(&r->resp, &c);
}
