/*
 * invite.c: "/invite/<token>", joining an organisation by a one-time link.
 *
 * GET: 200 (a form to create one's account, or a button to join for a
 * logged-in person); 404 for a token that never existed or was revoked;
 * 410 for a link already used or expired.  POST: 303 to the plan, logged
 * in; 422 with the form again; 404/410 as for GET.  A new person's
 * password is hashed only once the form is right and the e-mail free, so
 * a link costs one hash per account it makes; a link makes one account,
 * hence no throttling by address here, unlike /signup.
 */
#include <stdio.h>

#include <sodium.h>

#include "cgi.h"
#include "org.h"

static const struct field_def invite_fields[] = {
	{ "name", FIELD_LINE, 1, 1, USER_NAME_MAX, NULL, N_("Your name") },
	{ "email", FIELD_EMAIL, 1, 0, 254, NULL, N_("E-mail address") },
	{ "password", FIELD_PASSWORD, 1, 0, AUTH_PW_MAX, NULL, N_("Password") },
};
#define INVITE_NFIELDS (sizeof invite_fields / sizeof invite_fields[0])

/* Answers 404 or 410 for an invitation lookup that failed with rc. */
static int
invite_gone(struct req *r, int rc)
{
	return page_gone(r, rc, N_("This invitation link does not exist. "
	    "Check that it was copied whole, or ask for a new one."),
	    N_("This invitation link has already been used or has expired. "
	    "Ask a member of the organisation for a new one."));
}

/* Shows the invitation with the join button or the account form. */
static int
invite_render(struct req *r, const struct org_invite *inv,
    const struct form *f, const char *email_msg, const char *pw_msg,
    int status)
{
	struct tpl_dict *layout, *d, *sum = NULL;
	char date[64];
	int role = ORG_ROLE_NONE, rc;

	if ((d = page_begin(r, &layout, "invite.tpl",
	    N_("Join an organisation"))) == NULL)
		return RT_ENOMEM;
	tpl_set(d, "INVITE_ORG", inv->org_name);
	tpl_set(d, "INVITER", inv->inviter_name);
	tpl_set(d, "TOKEN", r->token);
	i18n_format_date(r->lang, inv->expires, date, sizeof date);
	tpl_set(d, "EXPIRES", date);
	if (r->logged_in) {
		rc = org_member_role(r->h, inv->org_id, r->sess.user_id, &role);
		if (rc != RT_OK) {
			tpl_dict_free(layout);
			return rc;
		}
		if (role != ORG_ROLE_NONE)
			tpl_set_int(tpl_add_section(d, "already"), "INVITE_ORG_ID",
			    inv->org_id);
		else
			tpl_show(d, "join");
	} else {
		struct tpl_dict *a = tpl_add_section(d, "account");

		if (f != NULL)
			page_form_fill(r, a, f, &sum);
		if (email_msg != NULL)
			page_field_problem(r, a, &sum, "email",
			    N_("E-mail address"), email_msg);
		if (pw_msg != NULL)
			page_field_problem(r, a, &sum, "password",
			    N_("Password"), pw_msg);
	}
	return page_finish(r, layout, status);
}

int
invite_get(struct req *r)
{
	struct org_invite inv;
	int rc;

	rc = org_invite_lookup(r->h, r->token, r->now, &inv);
	if (rc != RT_OK)
		return invite_gone(r, rc);
	return invite_render(r, &inv, NULL, NULL, NULL, 200);
}

int
invite_post(struct req *r)
{
	struct org_invite inv;
	struct form f = { 0 };
	const struct field_value *pw;
	const char *pw_msg = NULL;
	const char *taken = N_("An account already uses this e-mail "
	    "address. Log in first, then open this invitation link again.");
	char hash[AUTH_HASH_MAX] = "", loc[64];
	int64_t user_id, org_id;
	int rc;

	rc = org_invite_lookup(r->h, r->token, r->now, &inv);
	if (rc != RT_OK)
		return invite_gone(r, rc);
	if (r->logged_in) {
		rc = org_invite_accept_existing(r->h, r->token,
		    r->sess.user_id, r->now, &org_id);
		if (rc != RT_OK)
			return invite_gone(r, rc);
		snprintf(loc, sizeof loc, "/o/%lld/", (long long)org_id);
		return page_redirect(r, 303, loc);
	}
	rc = form_validate(&f, invite_fields, INVITE_NFIELDS, &r->form, 0);
	if (rc != RT_OK)
		goto out;
	pw = form_get(&f, "password");
	pw_msg = signup_password_message(pw);
	if (f.nerrors > 0 || pw_msg != NULL) {
		rc = invite_render(r, &inv, &f, NULL, pw_msg, 422);
		goto out;
	}
	rc = org_email_used(r->h, form_get(&f, "email")->text);
	if (rc == RT_OK) {
		rc = invite_render(r, &inv, &f, taken, NULL, 422);
		goto out;
	}
	if (rc != RT_ENOTFOUND)
		goto out;
	if ((rc = auth_password_hash(r->app->auth, pw->text, pw->len,
	    hash)) != RT_OK)
		goto out;
	rc = org_invite_accept_new(r->h, r->token, form_get(&f, "name")->text,
	    form_get(&f, "email")->text, hash, lang_codes[r->lang], r->now,
	    &user_id, &org_id);
	if (rc == RT_EEXISTS) {
		/* Taken since org_email_used(): a race, answered the same. */
		rc = invite_render(r, &inv, &f, taken, NULL, 422);
		goto out;
	}
	if (rc == RT_ENOTFOUND || rc == RT_EEXPIRED) {
		rc = invite_gone(r, rc);
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	if ((rc = page_session_begin(r, user_id, 0)) != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/o/%lld/", (long long)org_id);
	rc = page_redirect(r, 303, loc);
out:
	sodium_memzero(hash, sizeof hash);
	form_free(&f);
	return rc;
}
