/*
 * home.c: "/", what reseauter is, for a visitor; a logged-in person goes
 * straight to their organisation's plan.
 *
 * GET: 200 (the presentation), or 302 to /o/<id>/ or /orgs.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cgi.h"
#include "org.h"

int
home_path(struct req *r, int64_t user_id, char *out, size_t outlen)
{
	struct org_ref *orgs = NULL;
	size_t n = 0;
	int rc;

	if ((rc = org_list_for_user(r->h, user_id, &orgs, &n)) != RT_OK)
		return rc;
	if (n == 1)
		snprintf(out, outlen, "/o/%lld/", (long long)orgs[0].id);
	else
		snprintf(out, outlen, "/orgs");
	free(orgs);
	return RT_OK;
}

int
home_get(struct req *r)
{
	struct tpl_dict *layout, *d;
	char loc[64];
	int rc;

	if (r->logged_in) {
		if ((rc = home_path(r, r->sess.user_id, loc, sizeof loc)) != RT_OK)
			return rc;
		return page_redirect(r, 302, loc);
	}
	if ((d = page_begin(r, &layout, "home.tpl",
	    N_("A social-media strategy that serves your mission"))) == NULL)
		return RT_ENOMEM;
	return page_finish(r, layout, 200);
}
