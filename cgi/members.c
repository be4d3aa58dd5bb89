/*
 * members.c: "/o/<id>/members", who works on the plan, and invitations.
 *
 * GET: 200.  POST /o/<id>/members/invite (owners): 200, the page with the
 * new one-time link shown once.  POST /o/<id>/members/revoke invite_id
 * (owners): 303 back; 404 for an invitation that is not pending.  A
 * member who is not an owner gets 403 from the dispatcher.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cgi.h"
#include "org.h"

static const struct field_def revoke_fields[] = {
	{ "invite_id", FIELD_INT, 1, 1, INT64_MAX, NULL, NULL },
};

/* Shows the members and pending invitations; new_link is shown once if set. */
static int
members_render(struct req *r, const char *new_link, int status)
{
	struct org_member *mem = NULL;
	struct org_invite *inv = NULL;
	struct tpl_dict *layout, *d, *s;
	size_t i, nmem = 0, ninv = 0;
	char date[64];
	int rc;

	if ((rc = org_members(r->h, r->org_id, &mem, &nmem)) != RT_OK)
		goto out;
	if ((rc = org_invites_pending(r->h, r->org_id, r->now, &inv,
	    &ninv)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "members.tpl",
	    N_("Members"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	for (i = 0; i < nmem; i++) {
		s = tpl_add_section(d, "member");
		tpl_set(s, "NAME", mem[i].name);
		tpl_set(s, "EMAIL", mem[i].email);
		i18n_format_date(r->lang, mem[i].joined, date, sizeof date);
		tpl_set(s, "JOINED", date);
		tpl_set(s, "ROLE", mem[i].role == ORG_ROLE_OWNER ?
		    T(r, "Owner") : T(r, "Member"));
		if (mem[i].user_id == r->sess.user_id)
			tpl_show(s, "you");
	}
	if (r->role == ORG_ROLE_OWNER) {
		struct tpl_dict *o = tpl_add_section(d, "owner");

		if (new_link != NULL) {
			s = tpl_add_section(o, "new_link");
			tpl_set(s, "LINK", new_link);
			i18n_format_date(r->lang, r->now +
			    r->app->cfg.invite_ttl, date, sizeof date);
			tpl_set(s, "EXPIRES", date);
		}
		for (i = 0; i < ninv; i++) {
			s = tpl_add_section(o, "invite");
			tpl_set_int(s, "ID", inv[i].id);
			tpl_set(s, "BY", inv[i].inviter_name);
			i18n_format_date(r->lang, inv[i].created, date,
			    sizeof date);
			tpl_set(s, "CREATED", date);
			i18n_format_date(r->lang, inv[i].expires, date,
			    sizeof date);
			tpl_set(s, "EXPIRES", date);
		}
		if (ninv == 0)
			tpl_show(o, "no_invites");
	}
	if (kvlist_get(&r->query, "revoked") != NULL)
		tpl_show(d, "revoked");
	rc = page_finish(r, layout, status);
out:
	free(mem);
	free(inv);
	return rc;
}

int
members_get(struct req *r)
{
	return members_render(r, NULL, 200);
}

int
members_invite_post(struct req *r)
{
	char token[AUTH_TOKEN_LEN + 1], link[CONFIG_PATH_MAX + 64];
	int rc;

	rc = org_invite_create(r->h, r->org_id, r->sess.user_id, r->now,
	    r->app->cfg.invite_ttl, token);
	if (rc != RT_OK)
		return rc;
	snprintf(link, sizeof link, "%s/invite/%s", r->app->cfg.base_url,
	    token);
	return members_render(r, link, 200);
}

int
members_revoke_post(struct req *r)
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
	rc = org_invite_revoke(r->h, r->org_id, form_get(&f, "invite_id")->num);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This invitation is no longer "
		    "pending."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/o/%lld/members?revoked=1",
	    (long long)r->org_id);
	rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}
