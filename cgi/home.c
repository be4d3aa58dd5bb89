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
home_get(struct req *r)
{
	struct tpl_dict *layout, *d;
	struct org_ref *orgs = NULL;
	size_t n = 0;
	char loc[64];
	int rc;

	if (r->logged_in) {
		rc = org_list_for_user(r->h, r->sess.user_id, &orgs, &n);
		if (rc != RT_OK)
			return rc;
		if (n == 1)
			snprintf(loc, sizeof loc, "/o/%lld/",
			    (long long)orgs[0].id);
		else
			snprintf(loc, sizeof loc, "/orgs");
		free(orgs);
		return page_redirect(r, 302, loc);
	}
	if ((d = page_begin(r, &layout, "home.tpl",
	    N_("A social-media strategy that serves your mission"))) == NULL)
		return RT_ENOMEM;
	return page_finish(r, layout, 200);
}
