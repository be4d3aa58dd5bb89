/*
 * signup.c: "/signup", a group creates its account and its workbook.
 *
 * GET: 200 (the form; ?next= a local path to go to afterwards, as for the
 * login page: a join link opened before having an account).  POST
 * org_name, name, email, password, next: 303 to next, or to the new plan,
 * with a session; 422 with the form again (values kept but the
 * password) when a field is wrong or the e-mail already has an account;
 * 429 with Retry-After and the form again when the client address made
 * its limit of accounts in the last hour (auth_signup_check()).  Only a
 * sign-up that makes an account hashes its password: a throttled one, a
 * wrong form and a taken e-mail are answered before.
 */
#include <stdio.h>

#include <sodium.h>

#include "cgi.h"
#include "org.h"

static const struct field_def signup_fields[] = {
	{ "org_name", FIELD_LINE, 1, 2, ORG_NAME_MAX, NULL,
	  N_("Name of the organisation") },
	{ "name", FIELD_LINE, 1, 1, USER_NAME_MAX, NULL, N_("Your name") },
	{ "email", FIELD_EMAIL, 1, 0, 254, NULL, N_("E-mail address") },
	{ "password", FIELD_PASSWORD, 1, 0, AUTH_PW_MAX, NULL, N_("Password") },
	{ "next", FIELD_LINE, 0, 0, 500, NULL, NULL },
};
#define SIGNUP_NFIELDS (sizeof signup_fields / sizeof signup_fields[0])

const char *
signup_password_message(const struct field_value *pw)
{
	if (pw->error != FIELD_OK)
		return NULL;
	switch (auth_password_problem(pw->text, pw->len)) {
	case AUTH_PW_SHORT:
		return N_("Use at least 8 characters. A short sentence is "
		    "easy to remember and hard to guess.");
	case AUTH_PW_LONG:
		return N_("Use at most 256 characters.");
	case AUTH_PW_COMMON:
		return N_("This password is among the most common ones, so "
		    "it would be guessed quickly. Please choose another.");
	default:
		return NULL;
	}
}

/*
 * Shows the form, empty (f NULL) or with what was typed and its errors;
 * retry_at not 0 is the time from which a throttled sign-up may come
 * again, said on top.
 */
static int
signup_render(struct req *r, const struct form *f, const char *email_msg,
    const char *pw_msg, time_t retry_at, int status)
{
	struct tpl_dict *layout, *d, *sum = NULL;
	const char *next;
	char when[64];

	if ((d = page_begin(r, &layout, "signup.tpl",
	    N_("Create your workbook"))) == NULL)
		return RT_ENOMEM;
	page_signed_in(r, d);
	if (f != NULL)
		page_form_fill(r, d, f, &sum);
	else if ((next = kvlist_get(&r->query, "next")) != NULL &&
	    http_local_path(next))
		tpl_set(d, "next", next);
	if (email_msg != NULL)
		page_field_problem(r, d, &sum, "email", N_("E-mail address"),
		    email_msg);
	if (pw_msg != NULL)
		page_field_problem(r, d, &sum, "password", N_("Password"),
		    pw_msg);
	if (retry_at != 0) {
		/* The minute shown is one at which the sign-up may come. */
		i18n_format_time(r->lang, ((long long)retry_at + 59) / 60 * 60,
		    when, sizeof when);
		tpl_set(tpl_add_section(d, "throttled"), "RETRY_TIME", when);
	}
	return page_finish(r, layout, status);
}

int
signup_get(struct req *r)
{
	return signup_render(r, NULL, NULL, NULL, 0, 200);
}

/*
 * Answers a sign-up refused by its throttling: 429, Retry-After in
 * seconds, and the form with what was typed (f) but the password.
 */
static int
signup_throttled(struct req *r, const struct form *f, long retry_after)
{
	char secs[32];
	int rc;

	snprintf(secs, sizeof secs, "%ld", retry_after);
	if ((rc = http_add_header(&r->resp, "Retry-After", secs)) != RT_OK)
		return rc;
	return signup_render(r, f, NULL, NULL, r->now + retry_after, 429);
}

int
signup_post(struct req *r)
{
	struct form f = { 0 };
	const struct field_value *pw, *next;
	const char *pw_msg = NULL;
	const char *taken = N_("An account already uses this e-mail "
	    "address. Log in instead, or use another address.");
	char hash[AUTH_HASH_MAX] = "", loc[64];
	int64_t user_id, org_id;
	long retry_after;
	int rc;

	rc = form_validate(&f, signup_fields, SIGNUP_NFIELDS, &r->form, 0);
	if (rc != RT_OK)
		goto out;
	rc = auth_signup_check(r->app->auth, r->h, r->addr, r->now,
	    &retry_after);
	if (rc == RT_ETHROTTLED) {
		rc = signup_throttled(r, &f, retry_after);
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	pw = form_get(&f, "password");
	pw_msg = signup_password_message(pw);
	if (f.nerrors > 0 || pw_msg != NULL) {
		rc = signup_render(r, &f, NULL, pw_msg, 0, 422);
		goto out;
	}
	rc = org_email_used(r->h, form_get(&f, "email")->text);
	if (rc == RT_OK) {
		rc = signup_render(r, &f, taken, NULL, 0, 422);
		goto out;
	}
	if (rc != RT_ENOTFOUND)
		goto out;
	if ((rc = auth_password_hash(r->app->auth, pw->text, pw->len,
	    hash)) != RT_OK)
		goto out;
	rc = org_signup(r->h, r->addr, form_get(&f, "org_name")->text,
	    form_get(&f, "name")->text, form_get(&f, "email")->text, hash,
	    lang_codes[r->lang], r->now, &user_id, &org_id);
	if (rc == RT_EEXISTS) {
		/* Taken since org_email_used(): a race, answered the same. */
		rc = signup_render(r, &f, taken, NULL, 0, 422);
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	if ((rc = page_session_begin(r, user_id, 0)) != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/o/%lld/", (long long)org_id);
	next = form_get(&f, "next");
	rc = page_redirect(r, 303, next->present &&
	    http_local_path(next->text) ? next->text : loc);
out:
	sodium_memzero(hash, sizeof hash);
	form_free(&f);
	return rc;
}
