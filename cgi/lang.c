/*
 * lang.c: "/lang", the language switch at the top of every page.
 *
 * POST lang=fr|en, next=/path: the choice is kept in a cookie and, for a
 * logged-in person, in their account.  303 back to next; 400 for an
 * unknown language.
 */
#include <stdio.h>

#include "cgi.h"

static const char *const lang_choices[] = { "fr", "en", NULL };

static const struct field_def lang_fields[] = {
	{ "lang", FIELD_CHOICE, 1, 0, 0, lang_choices, NULL },
	{ "next", FIELD_LINE, 0, 0, 500, NULL, NULL },
};

int
lang_post(struct req *r)
{
	struct form f = { 0 };
	const struct field_value *lang, *next;
	char name[32];
	struct http_cookie c = {
		.name = name, .max_age = 365L * 24 * 3600,
		.http_only = 1, .secure = r->app->cfg.secure_cookies,
		.same_site = "Lax",
	};
	int rc;

	/* Over HTTPS, __Host-: as the session's and the CSRF token's. */
	snprintf(name, sizeof name, "%srt_lang",
	    r->app->cfg.secure_cookies ? "__Host-" : "");

	if ((rc = form_validate(&f, lang_fields, 2, &r->form, 0)) != RT_OK)
		goto out;
	lang = form_get(&f, "lang");
	next = form_get(&f, "next");
	if (f.nerrors > 0) {
		rc = page_error(r, 400, N_("This language is not offered."));
		goto out;
	}
	c.value = lang->text;
	r->lang = (enum lang)lang->num;
	if ((rc = http_set_cookie(&r->resp, &c)) != RT_OK)
		goto out;
	if (r->logged_in &&
	    (rc = auth_user_set_lang(r->h, r->sess.user_id, lang->text)) != RT_OK)
		goto out;
	rc = page_redirect(r, 303, next->present &&
	    http_local_path(next->text) ? next->text : "/");
out:
	form_free(&f);
	return rc;
}
