/*
 * login.c: "/login", its second step "/login/2fa", and "/logout".
 *
 * GET /login: 200.  POST /login email, password, next: 303 to next (or
 * to the person's plan) with a new session; for a person with two-factor
 * on, 303 to /login/2fa (next kept) with a session whose second factor
 * is pending, which opens nothing else (cgi/main.c); 422 when the e-mail
 * or the password is wrong; 429 (with Retry-After) after too many
 * failures.
 * GET /login/2fa: 200, the form for a code of the app or a recovery code,
 * to a pending session; 303 to /login for anyone else (home when logged
 * in).  POST /login/2fa code, next: 303 to next or home with a new,
 * complete session (after a recovery code, to /account, which says how
 * many remain); 422 for a wrong or reused code; 429 (Retry-After) after
 * too many; cancel=1 ends the pending session, 303 to /login.
 * POST /logout: 303 to "/", the session ended.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

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
	page_signed_in(r, d);
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
	rc = login_session_start(r, user_id, next->present ? next->text : NULL);
out:
	form_free(&f);
	return rc;
}

/* See cgi.h. */
int
login_session_start(struct req *r, int64_t user_id, const char *next)
{
	struct account_totp t;
	char loc[1200], qs[1100];
	int rc;

	if ((rc = account_totp_get(r->h, user_id, &t)) != RT_OK)
		return rc;
	if ((rc = page_session_begin(r, user_id, t.enabled)) != RT_OK)
		return rc;
	if (next != NULL && !http_local_path(next))
		next = NULL;
	if (t.enabled) {
		if (next != NULL) {
			http_query_escape(next, qs, sizeof qs);
			snprintf(loc, sizeof loc, "/login/2fa?next=%s", qs);
		} else
			snprintf(loc, sizeof loc, "/login/2fa");
		rc = page_redirect(r, 303, loc);
	} else if (next != NULL)
		rc = page_redirect(r, 303, next);
	else if ((rc = home_path(r, user_id, loc, sizeof loc)) == RT_OK)
		rc = page_redirect(r, 303, loc);
	return rc;
}

static const struct field_def login_2fa_fields[] = {
	{ "code", FIELD_LINE, 1, 0, 40, NULL, N_("Code") },
	{ "next", FIELD_LINE, 0, 0, 500, NULL, NULL },
	{ "cancel", FIELD_BOOL, 0, 0, 0, NULL, NULL },
};
#define LOGIN_2FA_NFIELDS (sizeof login_2fa_fields / sizeof login_2fa_fields[0])

/*
 * Shows the second step's form, never with the code typed; message is an
 * English message id shown as the code's error (NULL for none), or the
 * errors of f when it is not NULL; next the page to go to after.
 */
static int
login_2fa_render(struct req *r, const struct form *f, const char *next,
    const char *message, int status)
{
	struct tpl_dict *layout, *d, *sum = NULL;
	char msg[256];

	if ((d = page_begin(r, &layout, "login_2fa.tpl",
	    N_("Two-step verification"))) == NULL)
		return RT_ENOMEM;
	if (f != NULL && f->nerrors > 0 && message == NULL) {
		const struct field_value *code = form_get(f, "code");

		page_field_message(r, &login_2fa_fields[0], code->error, msg,
		    sizeof msg);
		page_field_error(r, d, "code", msg);
		page_summary_add(r, d, &sum, "code", T(r, "Code"), msg);
	}
	if (next != NULL && http_local_path(next))
		tpl_set(d, "next", next);
	if (message != NULL)
		page_field_problem(r, d, &sum, "code", N_("Code"), message);
	return page_finish(r, layout, status);
}

/*
 * Sends whoever has no pending session away from the second step: a
 * person logged in to their home, anyone else to the login page.  Sets
 * *answered when it did.
 */
static int
login_2fa_away(struct req *r, int *answered)
{
	char loc[64];
	int rc;

	*answered = 0;
	if (r->mfa_pending)
		return RT_OK;
	*answered = 1;
	if (r->logged_in && (rc = home_path(r, r->sess.user_id, loc,
	    sizeof loc)) == RT_OK)
		return page_redirect(r, 303, loc);
	return page_redirect(r, 303, "/login");
}

int
login_2fa_get(struct req *r)
{
	int rc, answered;

	if ((rc = login_2fa_away(r, &answered)) != RT_OK || answered)
		return rc;
	return login_2fa_render(r, NULL, kvlist_get(&r->query, "next"), NULL,
	    200);
}

int
login_2fa_post(struct req *r)
{
	struct form f = { 0 };
	const struct field_value *code, *next, *cancel;
	char token[AUTH_TOKEN_LEN + 1] = "", loc[64];
	int rc, answered, recovery = 0, left = 0;

	if ((rc = login_2fa_away(r, &answered)) != RT_OK || answered)
		return rc;
	if ((rc = form_validate(&f, login_2fa_fields, LOGIN_2FA_NFIELDS,
	    &r->form, 0)) != RT_OK)
		goto out;
	code = form_get(&f, "code");
	next = form_get(&f, "next");
	cancel = form_get(&f, "cancel");
	if (cancel->num) {
		if ((rc = auth_session_end(r->h, r->session_token)) == RT_OK &&
		    (rc = page_set_session_cookie(r, NULL, 1)) == RT_OK)
			rc = page_redirect(r, 303, "/login");
		goto out;
	}
	if (f.nerrors > 0) {
		rc = login_2fa_render(r, &f, next->text, NULL, 422);
		goto out;
	}
	rc = account_second_factor(r->app->auth, r->h, r->sess.id,
	    r->sess.user_id, code->text, r->addr, r->now, token, &recovery,
	    &left);
	if (rc == RT_ETHROTTLED) {
		if ((rc = http_add_header(&r->resp, "Retry-After", "900")) ==
		    RT_OK)
			rc = login_2fa_render(r, &f, next->text, N_("Too many "
			    "wrong codes. For your security, please wait 15 "
			    "minutes before trying again."), 429);
		goto out;
	}
	if (rc == RT_EDENIED) {
		rc = login_2fa_render(r, &f, next->text, N_("This code is "
		    "not right, or was already used. Type the code your app "
		    "shows now, or one of your recovery codes."), 422);
		goto out;
	}
	if (rc == RT_ENOTFOUND) {
		/* Two-factor was turned off, or the session ended meanwhile. */
		if ((rc = page_set_session_cookie(r, NULL, 1)) == RT_OK)
			rc = page_redirect(r, 303, "/login");
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	if ((rc = page_set_session_cookie(r, token, 0)) != RT_OK)
		goto out;
	if (recovery)
		rc = page_redirect(r, 303, "/account?recovery=1");
	else if (next->present && http_local_path(next->text))
		rc = page_redirect(r, 303, next->text);
	else if ((rc = home_path(r, r->sess.user_id, loc, sizeof loc)) ==
	    RT_OK)
		rc = page_redirect(r, 303, loc);
out:
	sodium_memzero(token, sizeof token);
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
