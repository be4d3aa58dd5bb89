/*
 * admin.c: "/admin", the instance's administration (administrators only;
 * the dispatcher answers 403 to anyone else).
 *
 * GET /admin: 200, the accounts with their roles and actions, the
 * organisations, and the backup button.
 * POST /admin/users/<id>/roles role=trainer|admin, grant=1|0: 303 back to
 * /admin (to the person's home when they removed their own administrator
 * role); 400 for another role or grant; 404 for an unknown account; 409
 * with the page and a message when it would remove the last
 * administrator.
 * POST /admin/users/<id>/reset: 200, a page that shows a one-time
 * password reset link once; 404 for an unknown account.
 * POST /admin/backup: 200, a consistent copy of the database as a
 * download (application/vnd.sqlite3, reseauter-YYYY-MM-DD.sqlite).
 * POST /admin/settings require_2fa_staff=1|0: 303 to /admin?settings=1;
 * 400 for another value; 409 with the page and a message when an
 * administrator without two-factor would require it (they set up their
 * own first, and so know what they ask of the others).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgi.h"
#include "account.h"
#include "admin.h"

static const char *const admin_role_choices[] = { "trainer", "admin", NULL };
static const char *const admin_grant_choices[] = { "0", "1", NULL };

static const struct field_def admin_role_fields[] = {
	{ "role", FIELD_CHOICE, 1, 0, 0, admin_role_choices, NULL },
	{ "grant", FIELD_CHOICE, 1, 0, 0, admin_grant_choices, NULL },
};
#define ADMIN_ROLE_NFIELDS (sizeof admin_role_fields / sizeof admin_role_fields[0])

static const struct field_def admin_settings_fields[] = {
	{ "require_2fa_staff", FIELD_CHOICE, 1, 0, 0, admin_grant_choices,
	  NULL },
};

/* The largest backup read into an answer: the whole database, in memory. */
#define ADMIN_BACKUP_MAX ((size_t)1 << 31)

/*
 * Adds one {{#user}} row for u to d: its roles, with the forms that
 * change them, whether two-factor authentication is on (and, when
 * require_2fa holds and u is a trainer or an administrator without it,
 * that it will be asked for), and whether it is the person looking.
 */
static void
admin_user_row(struct req *r, struct tpl_dict *d, const struct admin_user *u,
    int require_2fa)
{
	struct tpl_dict	*s, *seen;
	char		 date[64];

	s = tpl_add_section(d, "user");
	tpl_set_int(s, "ID", u->id);
	tpl_set(s, "NAME", u->name);
	tpl_set(s, "EMAIL", u->email);
	tpl_set_int(s, "ORGS", u->orgs);
	i18n_format_date(r->lang, u->created, date, sizeof date);
	tpl_set(s, "CREATED", date);
	if (u->last_seen != 0) {
		seen = tpl_add_section(s, "seen");
		i18n_format_date(r->lang, u->last_seen, date, sizeof date);
		tpl_set(seen, "SEEN_DATE", date);
		i18n_format_time(r->lang, u->last_seen, date, sizeof date);
		tpl_set(seen, "SEEN_TIME", date);
	} else
		tpl_show(s, "never_seen");
	tpl_show(s, u->roles & AUTH_ROLE_ADMIN ? "is_admin" : "not_admin");
	tpl_show(s, u->roles & AUTH_ROLE_TRAINER ? "is_trainer" :
	    "not_trainer");
	if (u->roles == 0)
		tpl_show(s, "no_role");
	if (u->totp)
		tpl_show(s, "totp_on");
	else if (require_2fa && u->roles != 0)
		tpl_show(s, "totp_required");
	else
		tpl_show(s, "totp_off");
	if (u->id == r->sess.user_id)
		tpl_show(s, "you");
}

/*
 * Shows the administration page with status; problem, when not NULL, is
 * an English message id shown on top (a refusal).  The query's changed=<id>
 * names whose roles were just changed.
 */
static int
admin_render(struct req *r, const char *problem, int status)
{
	struct admin_user	*users = NULL;
	struct admin_org	*orgs = NULL;
	struct tpl_dict		*layout, *d, *t, *s;
	const char		*changed;
	char			 date[64];
	size_t			 nusers = 0, norgs = 0, i;
	long long		 changed_id = 0;
	int			 rc, require = 0;

	if ((rc = admin_users(r->h, &users, &nusers)) != RT_OK ||
	    (rc = admin_orgs(r->h, &orgs, &norgs)) != RT_OK ||
	    (rc = account_require_2fa(r->h, &require)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "admin.tpl",
	    N_("Administration"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	if ((changed = kvlist_get(&r->query, "changed")) != NULL)
		changed_id = strtoll(changed, NULL, 10);
	if (problem != NULL)
		tpl_set(tpl_add_section(d, "problem"), "MESSAGE",
		    T(r, problem));
	tpl_show(d, require ? "require_on" : "require_off");
	if (problem == NULL && kvlist_get(&r->query, "settings") != NULL)
		tpl_show(d, "settings_saved");
	if (nusers == 0)
		tpl_show(d, "no_users");
	else {
		t = tpl_add_section(d, "users");
		for (i = 0; i < nusers; i++) {
			admin_user_row(r, t, &users[i], require);
			if (problem == NULL && users[i].id == changed_id)
				tpl_set(tpl_add_section(d, "changed"), "NAME",
				    users[i].name);
		}
	}
	if (norgs == 0)
		tpl_show(d, "no_orgs");
	else {
		t = tpl_add_section(d, "orgs");
		for (i = 0; i < norgs; i++) {
			s = tpl_add_section(t, "org");
			tpl_set(s, "NAME", orgs[i].name);
			tpl_set_int(s, "MEMBERS", orgs[i].members);
			tpl_set_int(s, "COHORTS", orgs[i].cohorts);
			i18n_format_date(r->lang, orgs[i].created, date,
			    sizeof date);
			tpl_set(s, "CREATED", date);
			if (orgs[i].last_plan != 0) {
				i18n_format_date(r->lang, orgs[i].last_plan,
				    date, sizeof date);
				tpl_set(tpl_add_section(s, "saved"), "SAVED",
				    date);
			} else
				tpl_show(s, "never_saved");
		}
	}
	rc = page_finish(r, layout, status);
out:
	free(users);
	free(orgs);
	return rc;
}

int
admin_get(struct req *r)
{
	return admin_render(r, NULL, 200);
}

int
admin_roles_post(struct req *r)
{
	struct form		 f = { 0 };
	struct admin_user	 u;
	char			 loc[64];
	int			 role, grant, rc;

	if ((rc = form_validate(&f, admin_role_fields, ADMIN_ROLE_NFIELDS,
	    &r->form, 0)) != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = page_error(r, 400, N_("The request was malformed."));
		goto out;
	}
	role = form_get(&f, "role")->num == 1 ? AUTH_ROLE_ADMIN :
	    AUTH_ROLE_TRAINER;
	grant = form_get(&f, "grant")->num == 1;
	if ((rc = admin_user_get(r->h, r->item_id, &u)) == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This account does not exist "
		    "(any more)."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	if (grant)
		rc = admin_role_grant(r->h, u.id, role, r->sess.user_id,
		    r->now);
	else
		rc = admin_role_revoke(r->h, u.id, role);
	if (rc == RT_EDENIED) {
		rc = admin_render(r, N_("The site must keep at least one "
		    "administrator. Make someone else an administrator "
		    "first, then remove this role."), 409);
		goto out;
	}
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This account does not exist "
		    "(any more)."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	/* Whoever just gave up their own administration cannot come back. */
	if (!grant && role == AUTH_ROLE_ADMIN && u.id == r->sess.user_id) {
		if ((rc = home_path(r, r->sess.user_id, loc, sizeof loc)) ==
		    RT_OK)
			rc = page_redirect(r, 303, loc);
		goto out;
	}
	snprintf(loc, sizeof loc, "/admin?changed=%lld", (long long)u.id);
	rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}

int
admin_reset_post(struct req *r)
{
	struct admin_user	 u;
	struct tpl_dict		*layout, *d;
	char			 token[AUTH_TOKEN_LEN + 1], date[64];
	char			 link[CONFIG_PATH_MAX + 64];
	int			 rc;

	rc = admin_reset_create(r->h, r->item_id, r->sess.user_id, r->now,
	    token);
	if (rc == RT_ENOTFOUND)
		return page_error(r, 404, N_("This account does not exist "
		    "(any more)."));
	if (rc != RT_OK)
		return rc;
	if ((rc = admin_user_get(r->h, r->item_id, &u)) != RT_OK)
		return rc == RT_ENOTFOUND ? page_error(r, 404, N_("This "
		    "account does not exist (any more).")) : rc;
	snprintf(link, sizeof link, "%s/reset/%s", r->app->cfg.base_url,
	    token);
	if ((d = page_begin(r, &layout, "admin_reset.tpl",
	    N_("Password reset link"))) == NULL)
		return RT_ENOMEM;
	tpl_set(d, "NAME", u.name);
	tpl_set(d, "EMAIL", u.email);
	tpl_set(d, "LINK", link);
	i18n_format_date(r->lang, r->now + ADMIN_RESET_TTL, date, sizeof date);
	tpl_set(d, "EXPIRES_DATE", date);
	i18n_format_time(r->lang, r->now + ADMIN_RESET_TTL, date, sizeof date);
	tpl_set(d, "EXPIRES_TIME", date);
	return page_finish(r, layout, 200);
}

/*
 * Makes an empty file for the backup in the database's directory (which
 * the program may write, and which holds files that size already; /tmp
 * may be a small tmpfs), and writes its name into path.  Returns RT_OK or
 * RT_EIO (logged).
 */
static int
admin_backup_file(struct req *r, char *path, size_t pathlen)
{
	const char	*db = r->app->cfg.db_path, *slash;
	int		 fd, n;

	slash = strrchr(db, '/');
	if (slash == NULL)
		n = snprintf(path, pathlen, ".reseauter-download-XXXXXX");
	else
		n = snprintf(path, pathlen, "%.*s/.reseauter-download-XXXXXX",
		    (int)(slash - db), db);
	if (n < 0 || (size_t)n >= pathlen || (fd = mkstemp(path)) < 0) {
		fprintf(stderr, "reseauter: backup: cannot create a file "
		    "beside %s: %s\n", db, strerror(errno));
		return RT_EIO;
	}
	close(fd);
	return RT_OK;
}

/*
 * Reads the whole file at path into the answer's body.  Returns RT_OK,
 * RT_EIO, RT_ENOMEM or RT_ETOOBIG (over ADMIN_BACKUP_MAX).
 */
static int
admin_read_into(struct req *r, const char *path)
{
	FILE	*fp;
	char	 chunk[65536];
	size_t	 n;
	int	 rc = RT_OK;

	if ((fp = fopen(path, "rb")) == NULL)
		return RT_EIO;
	buf_reset(&r->resp.body);
	while (rc == RT_OK && (n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (r->resp.body.len + n > ADMIN_BACKUP_MAX)
			rc = RT_ETOOBIG;
		else
			rc = buf_append(&r->resp.body, chunk, n);
	}
	if (rc == RT_OK && ferror(fp))
		rc = RT_EIO;
	fclose(fp);
	if (rc != RT_OK)
		buf_reset(&r->resp.body);
	return rc;
}

int
admin_backup_post(struct req *r)
{
	struct tm	 tm;
	char		 path[CONFIG_PATH_MAX + 64], err[512], date[16];
	char		 disp[96];
	int		 rc;

	if ((rc = admin_backup_file(r, path, sizeof path)) != RT_OK)
		return rc;
	if ((rc = db_backup(r->app->db, path, err, sizeof err)) != RT_OK)
		fprintf(stderr, "reseauter: backup: %s\n", err);
	else
		rc = admin_read_into(r, path);
	unlink(path);
	if (rc != RT_OK)
		return rc;
	if (localtime_r(&r->now, &tm) == NULL ||
	    strftime(date, sizeof date, "%Y-%m-%d", &tm) == 0)
		snprintf(date, sizeof date, "undated");
	snprintf(disp, sizeof disp, "attachment; "
	    "filename=\"reseauter-%s.sqlite\"", date);
	if ((rc = http_add_header(&r->resp, "Content-Disposition", disp)) !=
	    RT_OK)
		return rc;
	snprintf(r->resp.content_type, sizeof r->resp.content_type,
	    "application/vnd.sqlite3");
	r->resp.status = 200;
	return RT_OK;
}

int
admin_settings_post(struct req *r)
{
	struct form	 f = { 0 };
	int		 rc, on;

	if ((rc = form_validate(&f, admin_settings_fields, 1, &r->form, 0)) !=
	    RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = page_error(r, 400, N_("The request was malformed."));
		goto out;
	}
	on = form_get(&f, "require_2fa_staff")->num == 1;
	if (on && !r->totp_on) {
		rc = admin_render(r, N_("Turn on two-factor authentication for "
		    "your own account first (My account), then require it of "
		    "the trainers and administrators."), 409);
		goto out;
	}
	if ((rc = account_require_2fa_set(r->h, on, r->sess.user_id,
	    r->now)) == RT_OK)
		rc = page_redirect(r, 303, "/admin?settings=1");
out:
	form_free(&f);
	return rc;
}
