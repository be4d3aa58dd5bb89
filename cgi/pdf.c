/*
 * pdf.c: the strategy summary as a PDF document to print or send.
 *
 * GET /o/<id>/summary.pdf, /s/<token>/summary.pdf: 200, the summary of
 * the plan as PDF (application/pdf, lib/pdf.h) in the reader's language,
 * on A4 paper, or US Letter with ?paper=letter (any other value is A4),
 * with a Content-Disposition that names the file after the organisation
 * and the day (page_download_name()).  For a share link, share_source()
 * answers 404 for a token that never existed and 410 for one revoked or
 * expired; for /o/<id>/ the dispatcher has already answered 404 to
 * whoever is no member.  A document that cannot be made is a 500
 * (cgi/main.c), with nothing of it sent.
 */
#include <stdio.h>
#include <string.h>

#include "cgi.h"
#include "pdf.h"
#include "plan.h"

int
summary_pdf_get(struct req *r)
{
	struct wb_plan p;
	struct buf doc = { 0 };
	const char *paper;
	unsigned flags = 0;
	int answered = 0, rc;

	memset(&p, 0, sizeof p);
	if ((rc = share_source(r, &answered)) != RT_OK || answered)
		return rc;
	if ((rc = plan_load_all(r->h, r->org_id, &p)) != RT_OK)
		goto out;
	if (r->shared)
		flags |= PDF_SHARED;
	paper = kvlist_get(&r->query, "paper");
	if (paper != NULL && strcmp(paper, "letter") == 0)
		flags |= PDF_LETTER;
	if ((rc = pdf_plan(&p, r->org_name, r->app->i18n, r->lang, flags,
	    r->now, &doc)) != RT_OK)
		goto out;
	if ((rc = page_download_name(r, "pdf")) != RT_OK)
		goto out;
	/* The document becomes the body: no copy of a few hundred kilobytes. */
	buf_free(&r->resp.body);
	r->resp.body = doc;
	memset(&doc, 0, sizeof doc);
	snprintf(r->resp.content_type, sizeof r->resp.content_type, "%s",
	    "application/pdf");
	r->resp.status = 200;
out:
	buf_free(&doc);
	wb_plan_free(&p);
	return rc;
}
