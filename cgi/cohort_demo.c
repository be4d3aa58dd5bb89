/*
 * cohort_demo.c: "/c/<id>/demo", a demonstration organisation for a
 * cohort.
 *
 * POST (a trainer of the cohort; csrf only): creates an organisation
 * holding the workbook's finished example plan, the fictional
 * "Comité logement Val-des-Tilleuls" (lib/demo.h), in the language of the
 * request, owned by the trainer and put in the cohort as a demonstration
 * (left out of the debrief); 303 to its plan, /o/<new id>/, where the
 * trainer can walk a group through it and edit it live.  409 when the
 * cohort is archived.  Anyone else gets 404 from the dispatcher.
 *
 * Each POST makes a new organisation, even when the cohort already has a
 * demonstration.  A trainer edits the demonstration in front of a group
 * (raising the hours to make a pitfall appear, deleting a persona) and
 * then wants a clean copy for the next group, or one in the other
 * language; refusing a second one would leave them to undo their changes
 * by hand.  Demonstrations are marked in the cohort, so they never count
 * as a group's work.
 */
#include <stdio.h>

#include "cgi.h"
#include "demo.h"

int
cohort_demo_post(struct req *r)
{
	char	 loc[64];
	int64_t	 org_id;
	int	 rc;

	rc = demo_org_create(r->h, r->item_id, r->sess.user_id, r->lang,
	    r->now, &org_id);
	if (rc == RT_ENOTFOUND)
		return page_error(r, 404, N_("This page does not exist."));
	if (rc == RT_EEXPIRED)
		return page_error(r, 409, N_("This cohort is archived, so it "
		    "takes no new organisation, not even a demonstration. "
		    "Make the demonstration in a current cohort."));
	if (rc != RT_OK)
		return rc;
	snprintf(loc, sizeof loc, "/o/%lld/", (long long)org_id);
	return page_redirect(r, 303, loc);
}
