/*
 * login.c: "/login" and "/logout".
 *
 * GET /login: 200.  POST /login email, password, next: 303 to next (or
 * to the person's plan) with a new session; 422 when the e-mail or the
 * password is wrong; 429 (with Retry-After) after too many failures.
 * POST /logout: 303 to "/", the session ended.
 */
#include "cgi.h"

static const struct field_def login_fields[] = {
	{ "email", FIELD_LINE, 1, 0, 254, NULL, N_("E-mail address") },
	{ "password", FIELD_PASSWORD, 1, 0, 4096, NULL, N_("Password") },
	{ "next", FIELD_LINE, 0, 0, 500, NULL, NULL },
};
#define LOGIN_NFIELDS (sizeof login_fields / sizeof login_fields[0])

/* Shows the login form; message is an English message id shown on top. */
static int
login_render(struct req *r, const struct form *f, const char *message,
    int status)
{
	struct tpl_dict *layout, *d, *sum = NULL;
	const char *next;

	if ((d = page_begin(r, &layout, "login.tpl", N_("Log in"))) == NULL)
		return RT_ENOMEM;
	if (f != NULL)
		page_form_fill(r, d, f, &sum);
	else if ((next = kvlist_get(&r->query, "next")) != NULL &&
	    http_local_path(next)) {
		char qs[1600];

		tpl_set(d, "next", next);
		/* Who has no account yet signs up and still gets there. */
		http_query_escape(next, qs, sizeof qs);
		tpl_set(tpl_add_section(d, "signup_next"), "NEXT_QS", qs);
	}
	if (message != NULL) {
		struct tpl_dict *m = tpl_add_section(d, "message");

		tpl_set(m, "MESSAGE", T(r, message));
	}
	return page_finish(r, layout, status);
}

int
login_get(struct req *r)
{
	return login_render(r, NULL, NULL, 200);
}

int
login_post(struct req *r)
{
	struct form f = { 0 };
	const struct field_value *email, *pw, *next;
	char loc[64];
	int64_t user_id;
	int rc;

	rc = form_validate(&f, login_fields, LOGIN_NFIELDS, &r->form, 0);
	if (rc != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = login_render(r, &f, NULL, 422);
		goto out;
	}
	email = form_get(&f, "email");
	pw = form_get(&f, "password");
	next = form_get(&f, "next");
	rc = auth_login(r->app->auth, r->h, email->text, pw->text, pw->len,
	    r->addr, r->now, &user_id);
	if (rc == RT_ETHROTTLED) {
		if ((rc = http_add_header(&r->resp, "Retry-After", "900")) ==
		    RT_OK)
			rc = login_render(r, &f, N_("Too many unsuccessful "
			    "attempts. For your security, please wait 15 "
			    "minutes before trying again."), 429);
		goto out;
	}
	if (rc == RT_EDENIED) {
		rc = login_render(r, &f, N_("The e-mail address or the "
		    "password is not right."), 422);
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	if (r->logged_in)
		auth_session_end(r->h, r->session_token);
	if ((rc = page_session_begin(r, user_id)) != RT_OK)
		goto out;
	if (next->present && http_local_path(next->text))
		rc = page_redirect(r, 303, next->text);
	else if ((rc = home_path(r, user_id, loc, sizeof loc)) == RT_OK)
		rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}

int
logout_post(struct req *r)
{
	int rc;

	if ((rc = auth_session_end(r->h, r->session_token)) != RT_OK)
		return rc;
	if ((rc = page_set_session_cookie(r, NULL, 1)) != RT_OK)
		return rc;
	return page_redirect(r, 303, "/");
}
