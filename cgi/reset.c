/*
 * reset.c: "/reset/<token>", choosing a new password with the one-time
 * link an administrator made (cgi/admin.c or reseauter-admin).
 *
 * GET: 200, the form (new password, and the same again); 404 for a token
 * that never existed; 410 for a link already used, replaced by a newer
 * one, or expired.  POST password, confirm: 303 to the person's home,
 * logged in with a new session, every other session of the account
 * ended (to the second step of the login, /login/2fa, for a person with
 * two-factor on: a reset link does not replace it); 422 with the form
 * again (never the passwords) when the password breaks the sign-up
 * form's rules or the two differ; 404/410 as for GET.
 */
#include <sodium.h>

#include "cgi.h"
#include "admin.h"

static const struct field_def reset_fields[] = {
	{ "password", FIELD_PASSWORD, 1, 0, AUTH_PW_MAX, NULL,
	  N_("New password") },
	{ "confirm", FIELD_PASSWORD, 1, 0, AUTH_PW_MAX, NULL,
	  N_("The same password again") },
};
#define RESET_NFIELDS (sizeof reset_fields / sizeof reset_fields[0])

/* Answers 404 or 410 for a lookup of the link that failed with rc; other statuses are returned. */
static int
reset_gone(struct req *r, int rc)
{
	return page_gone(r, rc, N_("This password reset link does not "
	    "exist. Check that it was copied whole, or ask an administrator "
	    "of this site for a new one."), N_("This password reset link "
	    "has already been used, was replaced by a newer one, was "
	    "cancelled by a change of password, or has expired. Ask an administrator of this site for a new one."));
}

/*
 * Shows the form for the account of rs, empty (f NULL) or with the errors
 * of f; pw_msg and confirm_msg are English message ids of the errors
 * found beyond the fields' own checks (NULL for none).
 */
static int
reset_render(struct req *r, const struct admin_reset *rs,
    const struct form *f, const char *pw_msg, const char *confirm_msg,
    int status)
{
	struct tpl_dict *layout, *d, *sum = NULL;

	if ((d = page_begin(r, &layout, "reset.tpl",
	    N_("Choose a new password"))) == NULL)
		return RT_ENOMEM;
	tpl_set(d, "NAME", rs->name);
	tpl_set(d, "EMAIL", rs->email);
	tpl_set(d, "TOKEN", r->token);
	if (f != NULL)
		page_form_fill(r, d, f, &sum);
	if (pw_msg != NULL)
		page_field_problem(r, d, &sum, "password", N_("New password"),
		    pw_msg);
	if (confirm_msg != NULL)
		page_field_problem(r, d, &sum, "confirm",
		    N_("The same password again"), confirm_msg);
	return page_finish(r, layout, status);
}

int
reset_get(struct req *r)
{
	struct admin_reset rs;
	int rc;

	if ((rc = admin_reset_lookup(r->h, r->token, r->now, &rs)) != RT_OK)
		return reset_gone(r, rc);
	return reset_render(r, &rs, NULL, NULL, NULL, 200);
}

int
reset_post(struct req *r)
{
	struct admin_reset rs;
	struct form f = { 0 };
	const struct field_value *pw, *confirm;
	const char *pw_msg = NULL, *confirm_msg = NULL;
	char hash[AUTH_HASH_MAX] = "";
	int64_t user_id;
	int rc;

	if ((rc = admin_reset_lookup(r->h, r->token, r->now, &rs)) != RT_OK)
		return reset_gone(r, rc);
	if ((rc = form_validate(&f, reset_fields, RESET_NFIELDS, &r->form,
	    0)) != RT_OK)
		goto out;
	pw = form_get(&f, "password");
	confirm = form_get(&f, "confirm");
	pw_msg = signup_password_message(pw);
	if (pw->error == FIELD_OK && pw_msg == NULL &&
	    confirm->error == FIELD_OK && (pw->len != confirm->len ||
	    sodium_memcmp(pw->text, confirm->text, pw->len) != 0))
		confirm_msg = N_("The two passwords are not the same. Type "
		    "the new password again in both fields.");
	if (f.nerrors > 0 || pw_msg != NULL || confirm_msg != NULL) {
		rc = reset_render(r, &rs, &f, pw_msg, confirm_msg, 422);
		goto out;
	}
	if ((rc = auth_password_hash(r->app->auth, pw->text, pw->len,
	    hash)) != RT_OK)
		goto out;
	rc = admin_reset_use(r->h, r->token, hash, r->now, &user_id);
	if (rc == RT_ENOTFOUND || rc == RT_EEXPIRED) {
		rc = reset_gone(r, rc);
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	/* The new password is no second factor: one is still asked for. */
	rc = login_session_start(r, user_id, NULL);
out:
	sodium_memzero(hash, sizeof hash);
	form_free(&f);
	return rc;
}
