/*
 * account.c: "/account", a person's own account (any person logged in).
 *
 * GET /account: 200, the page: name, password, two-factor authentication
 * and the sessions, with what was just done (done=name, password, 2fa-off,
 * session, others) or, after a login with a recovery code (recovery=1),
 * how many remain.
 * POST /account name: 303 to /account?done=name; 422 with the page.
 * POST /account/password current, password, confirm: 303 to
 * /account?done=password, every other session of the person ended and
 * this one kept; 422 when the current password is wrong, the new one
 * breaks the sign-up form's rules or the two differ; 429 after too many
 * wrong passwords (the login's throttling).
 * GET /account/2fa: 200, the set-up of two-factor: a QR code and the key
 * as text, and the form to confirm it (password and a code of the app);
 * 303 to /account when it is on already.  A trainer or administrator that
 * the instance holds here (cgi/main.c) is told why.
 * POST /account/2fa password, code: 200, two-factor on and the recovery
 * codes shown once, every other session ended; 422 for a wrong password
 * or code; 429 after too many.
 * POST /account/2fa/off off_password, off_code (of the app, or a
 * recovery code): 303 to /account?done=2fa-off; 422, 429 as above.
 * POST /account/2fa/codes codes_password: 200, new recovery codes shown
 * once, the old ones no longer work; 422, 429 as above; 303 to /account
 * when two-factor is off.
 * POST /account/sessions/<id>/end: 303 to /account?done=session (to "/"
 * when it was this session, now logged out); 404 for a session that is
 * not one of the person's (or is over).
 * POST /account/sessions/others: 303 to /account?done=others, every other
 * session of the person ended.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cgi.h"
#include "org.h"

static const struct field_def account_name_fields[] = {
	{ "name", FIELD_LINE, 1, 1, USER_NAME_MAX, NULL, N_("Your name") },
};
static const struct field_def account_pw_fields[] = {
	{ "current", FIELD_PASSWORD, 1, 0, 4096, NULL,
	  N_("Current password") },
	{ "password", FIELD_PASSWORD, 1, 0, AUTH_PW_MAX, NULL,
	  N_("New password") },
	{ "confirm", FIELD_PASSWORD, 1, 0, AUTH_PW_MAX, NULL,
	  N_("The same password again") },
};
static const struct field_def account_setup_fields[] = {
	{ "password", FIELD_PASSWORD, 1, 0, 4096, NULL, N_("Your password") },
	{ "code", FIELD_LINE, 1, 0, 40, NULL, N_("Code from the app") },
};
static const struct field_def account_off_fields[] = {
	{ "off_password", FIELD_PASSWORD, 1, 0, 4096, NULL,
	  N_("Your password") },
	{ "off_code", FIELD_LINE, 1, 0, 40, NULL,
	  N_("A code from the app, or a recovery code") },
};
static const struct field_def account_codes_fields[] = {
	{ "codes_password", FIELD_PASSWORD, 1, 0, 4096, NULL,
	  N_("Your password") },
};
#define NFIELDS(a) (sizeof(a) / sizeof((a)[0]))

/* What a wrong password or code says, and what too many of them say. */
#define MSG_PW_WRONG   N_("This password is not right.")
#define MSG_CODE_WRONG N_("This code is not right, or was already used. " \
    "Type the code your app shows now.")
#define MSG_THROTTLED  N_("Too many unsuccessful attempts. For your " \
    "security, please wait 15 minutes before trying again.")

/* One more error for a page beyond its fields' own: field, label, message (English ids). */
struct account_err {
	const char *field;
	const char *label;
	const char *msg;
};

/*
 * Checks that pw is the password of the person logged in, through the
 * login's own check (auth_login(): throttled, failures counted).  Returns
 * RT_OK, RT_EDENIED, RT_ETHROTTLED or RT_EDB.
 */
static int
account_check_password(struct req *r, const struct field_value *pw)
{
	int64_t	 uid = 0;
	int	 rc;

	rc = auth_login(r->app->auth, r->h, r->sess.user_email, pw->text,
	    pw->len, r->addr, r->now, &uid);
	if (rc == RT_OK && uid != r->sess.user_id)
		rc = RT_EDENIED;
	return rc;
}

/* Sets DATE and TIME of d to t, as the person's language writes them. */
static void
account_when(struct req *r, struct tpl_dict *d, const char *date_key,
    const char *time_key, int64_t t)
{
	char	 s[64];

	i18n_format_date(r->lang, t, s, sizeof s);
	tpl_set(d, date_key, s);
	i18n_format_time(r->lang, t, s, sizeof s);
	tpl_set(d, time_key, s);
}

/* Adds one {{#session}} row for s to d. */
static void
account_session_row(struct req *r, struct tpl_dict *d,
    const struct account_session *s)
{
	struct tpl_dict	*row, *a;
	char		 browser[ACCOUNT_AGENT_MAX + 1];
	const char	*slash, *system;

	row = tpl_add_section(d, "session");
	tpl_set_int(row, "ID", s->id);
	account_when(r, row, "CREATED_DATE", "CREATED_TIME", s->created);
	account_when(r, row, "SEEN_DATE", "SEEN_TIME", s->last_seen);
	snprintf(browser, sizeof browser, "%s", s->agent);
	slash = strchr(s->agent, '/');
	system = slash != NULL ? slash + 1 : "";
	if (slash != NULL)
		browser[slash - s->agent] = '\0';
	if (browser[0] != '\0' && system[0] != '\0') {
		a = tpl_add_section(row, "agent_both");
		tpl_set(a, "BROWSER", browser);
		tpl_set(a, "SYSTEM", system);
	} else if (browser[0] != '\0')
		tpl_set(tpl_add_section(row, "agent_browser"), "BROWSER",
		    browser);
	else if (system[0] != '\0')
		tpl_set(tpl_add_section(row, "agent_system"), "SYSTEM",
		    system);
	else
		tpl_show(row, "agent_unknown");
	if (s->addr[0] != '\0')
		tpl_set(tpl_add_section(row, "addr"), "ADDR", s->addr);
	else
		tpl_show(row, "no_addr");
	if (s->id == r->sess.id)
		tpl_show(row, "current");
	else
		tpl_show(row, "other");
	if (s->pending)
		tpl_show(row, "pending");
}

/*
 * Shows the account page with status: what was typed in f (the form that
 * failed, or NULL) with its errors and the one of err (or NULL).
 */
static int
account_render(struct req *r, const struct form *f,
    const struct account_err *err, int status)
{
	struct account_session	*v = NULL;
	struct account_totp	 t;
	struct tpl_dict		*layout, *d, *s, *sum = NULL;
	const char		*done;
	size_t			 n = 0, i;
	int			 rc, others = 0;

	if ((rc = account_totp_get(r->h, r->sess.user_id, &t)) != RT_OK ||
	    (rc = account_sessions(r->app->auth, r->h, r->sess.user_id,
	    r->now, &v, &n)) != RT_OK)
		return rc;
	if ((d = page_begin(r, &layout, "account.tpl", N_("My account"))) ==
	    NULL) {
		free(v);
		return RT_ENOMEM;
	}
	tpl_set(d, "EMAIL", r->sess.user_email);
	tpl_set(d, "name", r->sess.user_name);
	if (f != NULL)
		page_form_fill(r, d, f, &sum);
	if (err != NULL)
		page_field_problem(r, d, &sum, err->field, err->label,
		    err->msg);
	if (status == 200 && (done = kvlist_get(&r->query, "done")) != NULL) {
		if (strcmp(done, "name") == 0)
			tpl_show(d, "done_name");
		else if (strcmp(done, "password") == 0)
			tpl_show(d, "done_password");
		else if (strcmp(done, "2fa-off") == 0)
			tpl_show(d, "done_2fa_off");
		else if (strcmp(done, "session") == 0)
			tpl_show(d, "done_session");
		else if (strcmp(done, "others") == 0)
			tpl_show(d, "done_others");
	}
	if (t.enabled) {
		char	 date[64];

		s = tpl_add_section(d, "totp_on");
		i18n_format_date(r->lang, t.enabled_at, date, sizeof date);
		tpl_set(s, "ENABLED", date);
		page_set_number(r, s, "CODES_LEFT", t.codes_left);
		if (t.codes_left <= 3)
			tpl_show(s, "codes_low");
		if (status == 200 && kvlist_get(&r->query, "recovery") != NULL)
			page_set_number(r, tpl_add_section(d, "recovered"),
			    "CODES_LEFT", t.codes_left);
	} else
		tpl_show(d, "totp_off");
	s = tpl_add_section(d, "sessions");
	for (i = 0; i < n; i++) {
		account_session_row(r, s, &v[i]);
		if (v[i].id != r->sess.id)
			others = 1;
	}
	if (others)
		tpl_show(d, "has_others");
	free(v);
	return page_finish(r, layout, status);
}

int
account_get(struct req *r)
{
	return account_render(r, NULL, NULL, 200);
}

int
account_name_post(struct req *r)
{
	struct form	 f = { 0 };
	int		 rc;

	if ((rc = form_validate(&f, account_name_fields,
	    NFIELDS(account_name_fields), &r->form, 0)) != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = account_render(r, &f, NULL, 422);
		goto out;
	}
	if ((rc = account_name_set(r->h, r->sess.user_id,
	    form_get(&f, "name")->text)) == RT_OK)
		rc = page_redirect(r, 303, "/account?done=name");
out:
	form_free(&f);
	return rc;
}

/*
 * Answers a refused password or code (rc RT_EDENIED or RT_ETHROTTLED) on
 * the account page, the error next to field (with its label); returns
 * other statuses as they are.  *answered is set when it answered.
 */
static int
account_refused(struct req *r, const struct form *f, int rc,
    const char *field, const char *label, const char *msg, int *answered)
{
	struct account_err	 e = { field, label, msg };

	*answered = 0;
	if (rc == RT_ETHROTTLED) {
		*answered = 1;
		e.msg = MSG_THROTTLED;
		if ((rc = http_add_header(&r->resp, "Retry-After", "900")) !=
		    RT_OK)
			return rc;
		return account_render(r, f, &e, 429);
	}
	if (rc == RT_EDENIED) {
		*answered = 1;
		return account_render(r, f, &e, 422);
	}
	return rc;
}

int
account_password_post(struct req *r)
{
	struct form			 f = { 0 };
	struct account_err		 e = { NULL, NULL, NULL };
	const struct field_value	*cur, *pw, *confirm;
	char				 hash[AUTH_HASH_MAX] = "";
	int				 rc, answered;

	if ((rc = form_validate(&f, account_pw_fields,
	    NFIELDS(account_pw_fields), &r->form, 0)) != RT_OK)
		goto out;
	cur = form_get(&f, "current");
	pw = form_get(&f, "password");
	confirm = form_get(&f, "confirm");
	if ((e.msg = signup_password_message(pw)) != NULL) {
		e.field = "password";
		e.label = N_("New password");
	} else if (pw->error == FIELD_OK && confirm->error == FIELD_OK &&
	    (pw->len != confirm->len ||
	    sodium_memcmp(pw->text, confirm->text, pw->len) != 0)) {
		e.field = "confirm";
		e.label = N_("The same password again");
		e.msg = N_("The two passwords are not the same. Type the new "
		    "password again in both fields.");
	}
	if (f.nerrors > 0 || e.msg != NULL) {
		rc = account_render(r, &f, e.msg != NULL ? &e : NULL, 422);
		goto out;
	}
	rc = account_check_password(r, cur);
	if ((rc = account_refused(r, &f, rc, "current",
	    N_("Current password"), MSG_PW_WRONG, &answered)) != RT_OK ||
	    answered)
		goto out;
	if ((rc = auth_password_hash(r->app->auth, pw->text, pw->len,
	    hash)) != RT_OK)
		goto out;
	if ((rc = account_password_set(r->h, r->sess.user_id, r->sess.id,
	    hash, r->now)) == RT_OK)
		rc = page_redirect(r, 303, "/account?done=password");
out:
	sodium_memzero(hash, sizeof hash);
	form_free(&f);
	return rc;
}

/*
 * Shows the recovery codes of codes, once, under the title title_msgid
 * (two-factor just turned on, or new codes).
 */
static int
account_codes_page(struct req *r, account_code codes[ACCOUNT_CODES],
    const char *title_msgid, int just_on)
{
	struct tpl_dict	*layout, *d, *s;
	account_code	 shown;
	size_t		 i;

	if ((d = page_begin(r, &layout, "account_codes.tpl", title_msgid)) ==
	    NULL)
		return RT_ENOMEM;
	tpl_set(d, "HEADING", T(r, title_msgid));
	tpl_show(d, just_on ? "just_on" : "renewed");
	s = tpl_add_section(d, "codes");
	for (i = 0; i < ACCOUNT_CODES; i++) {
		account_code_format(codes[i], shown);
		tpl_set(tpl_add_section(s, "code"), "CODE", shown);
	}
	sodium_memzero(shown, sizeof shown);
	return page_finish(r, layout, 200);
}

/*
 * The name authenticator apps show for this site: "reseauter (<host>)",
 * the host of BASE_URL, so that two sites are told apart.
 */
static void
account_issuer(struct req *r, char *out, size_t outlen)
{
	const char	*u = r->app->cfg.base_url, *p;
	size_t		 n;

	if ((p = strstr(u, "://")) != NULL)
		u = p + 3;
	n = strcspn(u, "/");
	if (n == 0)
		snprintf(out, outlen, "reseauter");
	else
		snprintf(out, outlen, "reseauter (%.*s)", (int)n, u);
}

/*
 * Shows the set-up of two-factor for the key of the set-up under way
 * (one is started when there is none), with what f holds and err.
 * Answers 303 to /account when two-factor is on already.
 */
static int
account_setup_render(struct req *r, const struct form *f,
    const struct account_err *err, int status)
{
	struct tpl_dict	*layout, *d, *q, *sum = NULL;
	unsigned char	 key[ACCOUNT_TOTP_KEY_LEN];
	char		 b32[ACCOUNT_TOTP_B32_LEN + 1], grouped[48];
	char		 issuer[160], uri[1024], *path = NULL;
	size_t		 i, n = 0;
	int		 rc, size = 0;

	rc = account_totp_setup(r->h, r->sess.user_id, r->now, key);
	if (rc == RT_EEXISTS)
		return page_redirect(r, 303, "/account");
	if (rc != RT_OK)
		return rc;
	account_totp_base32(key, b32);
	sodium_memzero(key, sizeof key);
	for (i = 0; i < ACCOUNT_TOTP_B32_LEN; i++) {
		if (i > 0 && i % 4 == 0)
			grouped[n++] = ' ';
		grouped[n++] = b32[i];
	}
	grouped[n] = '\0';
	account_issuer(r, issuer, sizeof issuer);
	if ((rc = account_otpauth_uri(issuer, r->sess.user_email, b32, uri,
	    sizeof uri)) != RT_OK ||
	    (rc = account_qr_path(uri, &path, &size)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "account_2fa.tpl",
	    N_("Set up two-factor authentication"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	tpl_show(d, r->hold_2fa ? "held" : "not_held");
	q = tpl_add_section(d, "qr");
	tpl_set_int(q, "SIZE", size);
	tpl_set(q, "PATH", path);
	tpl_set(d, "SECRET", grouped);
	tpl_set(d, "ISSUER", issuer);
	tpl_set(d, "EMAIL", r->sess.user_email);
	if (f != NULL)
		page_form_fill(r, d, f, &sum);
	if (err != NULL)
		page_field_problem(r, d, &sum, err->field, err->label,
		    err->msg);
	rc = page_finish(r, layout, status);
out:
	sodium_memzero(b32, sizeof b32);
	sodium_memzero(grouped, sizeof grouped);
	sodium_memzero(uri, sizeof uri);
	free(path);
	return rc;
}

int
account_2fa_get(struct req *r)
{
	if (r->totp_on)
		return page_redirect(r, 303, "/account");
	return account_setup_render(r, NULL, NULL, 200);
}

int
account_2fa_post(struct req *r)
{
	struct form		 f = { 0 };
	struct account_err	 e = { "password", N_("Your password"),
				    MSG_PW_WRONG };
	account_code		 codes[ACCOUNT_CODES];
	int			 rc;

	memset(codes, 0, sizeof codes);
	if (r->totp_on)
		return page_redirect(r, 303, "/account");
	if ((rc = form_validate(&f, account_setup_fields,
	    NFIELDS(account_setup_fields), &r->form, 0)) != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = account_setup_render(r, &f, NULL, 422);
		goto out;
	}
	rc = account_check_password(r, form_get(&f, "password"));
	if (rc == RT_OK) {
		rc = account_totp_enable(r->app->auth, r->h, r->sess.user_id,
		    r->sess.id, form_get(&f, "code")->text, r->addr, r->now,
		    codes);
		e.field = "code";
		e.label = N_("Code from the app");
		e.msg = MSG_CODE_WRONG;
	}
	if (rc == RT_ETHROTTLED) {
		e.msg = MSG_THROTTLED;
		if ((rc = http_add_header(&r->resp, "Retry-After", "900")) ==
		    RT_OK)
			rc = account_setup_render(r, &f, &e, 429);
	} else if (rc == RT_EDENIED)
		rc = account_setup_render(r, &f, &e, 422);
	else if (rc == RT_EEXISTS || rc == RT_ENOTFOUND)
		rc = page_redirect(r, 303, rc == RT_EEXISTS ? "/account" :
		    "/account/2fa");
	else if (rc == RT_OK)
		rc = account_codes_page(r, codes,
		    N_("Two-factor authentication is on"), 1);
out:
	sodium_memzero(codes, sizeof codes);
	form_free(&f);
	return rc;
}

int
account_2fa_off_post(struct req *r)
{
	struct form	 f = { 0 };
	int		 rc, answered;

	if (!r->totp_on)
		return page_redirect(r, 303, "/account");
	if ((rc = form_validate(&f, account_off_fields,
	    NFIELDS(account_off_fields), &r->form, 0)) != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = account_render(r, &f, NULL, 422);
		goto out;
	}
	rc = account_check_password(r, form_get(&f, "off_password"));
	if ((rc = account_refused(r, &f, rc, "off_password",
	    N_("Your password"), MSG_PW_WRONG, &answered)) != RT_OK ||
	    answered)
		goto out;
	rc = account_totp_disable(r->app->auth, r->h, r->sess.user_id,
	    form_get(&f, "off_code")->text, r->addr, r->now);
	if ((rc = account_refused(r, &f, rc, "off_code",
	    N_("A code from the app, or a recovery code"),
	    N_("This code is not right, or was already used."),
	    &answered)) != RT_OK || answered)
		goto out;
	rc = page_redirect(r, 303, "/account?done=2fa-off");
out:
	form_free(&f);
	return rc;
}

int
account_2fa_codes_post(struct req *r)
{
	struct form	 f = { 0 };
	account_code	 codes[ACCOUNT_CODES];
	int		 rc, answered;

	memset(codes, 0, sizeof codes);
	if (!r->totp_on)
		return page_redirect(r, 303, "/account");
	if ((rc = form_validate(&f, account_codes_fields,
	    NFIELDS(account_codes_fields), &r->form, 0)) != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = account_render(r, &f, NULL, 422);
		goto out;
	}
	rc = account_check_password(r, form_get(&f, "codes_password"));
	if ((rc = account_refused(r, &f, rc, "codes_password",
	    N_("Your password"), MSG_PW_WRONG, &answered)) != RT_OK ||
	    answered)
		goto out;
	rc = account_codes_renew(r->h, r->sess.user_id, r->now, codes);
	if (rc == RT_ENOTFOUND)
		rc = page_redirect(r, 303, "/account");
	else if (rc == RT_OK)
		rc = account_codes_page(r, codes, N_("New recovery codes"), 0);
out:
	sodium_memzero(codes, sizeof codes);
	form_free(&f);
	return rc;
}

int
account_session_end_post(struct req *r)
{
	int	 rc;

	rc = account_session_end(r->h, r->sess.user_id, r->item_id);
	if (rc == RT_ENOTFOUND)
		return page_error(r, 404, N_("This session does not exist, "
		    "or has ended already."));
	if (rc != RT_OK)
		return rc;
	if (r->item_id == r->sess.id) {
		if ((rc = page_set_session_cookie(r, NULL, 1)) != RT_OK)
			return rc;
		return page_redirect(r, 303, "/");
	}
	return page_redirect(r, 303, "/account?done=session");
}

int
account_sessions_others_post(struct req *r)
{
	int	 rc;

	if ((rc = account_sessions_end_others(r->h, r->sess.user_id,
	    r->sess.id)) != RT_OK)
		return rc;
	return page_redirect(r, 303, "/account?done=others");
}
