/*
 * orgs.c: "/orgs", the organisations a person belongs to.
 *
 * GET: 200.
 */
#include <stdlib.h>

#include "cgi.h"
#include "org.h"

int
orgs_get(struct req *r)
{
	struct tpl_dict *layout, *d, *o;
	struct org_ref *orgs = NULL;
	size_t i, n = 0;
	int rc;

	if ((rc = org_list_for_user(r->h, r->sess.user_id, &orgs, &n)) != RT_OK)
		return rc;
	if ((d = page_begin(r, &layout, "orgs.tpl",
	    N_("Your organisations"))) == NULL) {
		free(orgs);
		return RT_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		o = tpl_add_section(d, "org");
		tpl_set_int(o, "ID", orgs[i].id);
		tpl_set(o, "NAME", orgs[i].name);
		if (orgs[i].role == ORG_ROLE_OWNER)
			tpl_show(o, "owner");
	}
	if (n == 0)
		tpl_show(d, "none");
	free(orgs);
	return page_finish(r, layout, 200);
}
