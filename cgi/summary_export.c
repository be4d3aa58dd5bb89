/*
 * summary_export.c: the strategy summary as files to take away.
 *
 * GET /o/<id>/summary.md, /s/<token>/summary.md: 200, the summary as
 * Markdown (text/markdown; charset=utf-8), templates/summary.md.tpl.
 * GET /o/<id>/summary.html, /s/<token>/summary.html: 200, the summary as
 * one HTML file with its stylesheet inside (templates/summary_doc.tpl
 * around summary.tpl, styled by summary_style.tpl), to read offline, print
 * or send; nothing in it is fetched from anywhere.
 *
 * Both carry the content of the page (summary_fill_download(), in
 * summary.c) in the reader's language, and a Content-Disposition that
 * names the file after the organisation and the day
 * (page_download_name()).  For a share link, share_source() answers 404
 * for a token that never existed and 410 for one revoked or expired; for
 * /o/<id>/ the dispatcher has already answered 404 to whoever is no
 * member.
 */
#include <stdio.h>
#include <string.h>

#include "cgi.h"
#include "plan.h"

/* The two kinds of file. */
enum summary_kind {
	SUMMARY_MARKDOWN = 0,
	SUMMARY_HTML
};

/*
 * Answers with the summary of the plan that r is about as a file of the
 * given kind.  Returns RT_OK once r->resp holds the answer (a 404 or 410
 * of share_source() included), or RT_ENOMEM, RT_EDB, RT_ENOTFOUND (a
 * template missing) for cgi/main.c to answer with a 500.
 */
static int
summary_export(struct req *r, enum summary_kind kind)
{
	struct wb_plan p;
	struct tpl_dict *root = NULL, *d;
	char file[64];
	int answered = 0, rc;

	memset(&p, 0, sizeof p);
	if ((rc = share_source(r, &answered)) != RT_OK || answered)
		return rc;
	if ((rc = plan_load_all(r->h, r->org_id, &p)) != RT_OK)
		goto out;
	if ((root = tpl_dict_new()) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	if (kind == SUMMARY_HTML) {
		tpl_set(root, "LANG", lang_codes[r->lang]);
		tpl_set(root, "ORG_NAME", r->org_name);
		page_include(r, root, "STYLE", "summary_style.tpl");
		d = page_include(r, root, "SUMMARY", "summary.tpl");
		snprintf(file, sizeof file, "%s/summary_doc.tpl",
		    lang_codes[r->lang]);
	} else {
		d = root;
		snprintf(file, sizeof file, "%s/summary.md.tpl",
		    lang_codes[r->lang]);
	}
	if ((rc = summary_fill_download(r, d, &p)) != RT_OK)
		goto out;
	buf_reset(&r->resp.body);
	if ((rc = tpl_expand(file, root, &r->resp.body)) != RT_OK)
		goto out;
	if ((rc = page_download_name(r, kind == SUMMARY_HTML ? "html" :
	    "md")) != RT_OK)
		goto out;
	snprintf(r->resp.content_type, sizeof r->resp.content_type, "%s",
	    kind == SUMMARY_HTML ? "text/html; charset=utf-8" :
	    "text/markdown; charset=utf-8");
	r->resp.status = 200;
out:
	tpl_dict_free(root);
	wb_plan_free(&p);
	return rc;
}

int
summary_md_get(struct req *r)
{
	return summary_export(r, SUMMARY_MARKDOWN);
}

int
summary_html_get(struct req *r)
{
	return summary_export(r, SUMMARY_HTML);
}
