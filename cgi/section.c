/*
 * section.c: "/o/<id>/<section>", one section of the workbook as a form.
 *
 * Every section is served here from its declaration in lib/workbook.c:
 * the guidance, the fields, the lists of items, the pitfalls that concern
 * it, for the platforms the time budget, and the comments on it
 * (comments.c).  A trainer reads the same page without any form: the
 * answers read-only, and the comments.
 *
 * GET: 200.  POST: 303 back with ?saved=1; 422 with every value kept and
 * every error at its field and in the summary; 409 when someone saved in
 * between, the person's input shown beside the saved version; 400 for a
 * form without its version; 503 with Retry-After, every value kept and a
 * message at the top, when the database could not take the save (a full
 * disk, a read-only file: RT_ESTORAGE; locked: RT_EBUSY).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "coach.h"
#include "comment.h"
#include "comments.h"
#include "display.h"
#include "org.h"
#include "plan.h"
#include "platform.h"
#include "workbook.h"

static const struct field_def version_fields[] = {
	{ "version", FIELD_INT, 1, 0, INT32_MAX, NULL, NULL },
	{ "copy_example", FIELD_INT, 0, 1, WB_EXAMPLE_PERSONAS, NULL, NULL },
	{ "add", FIELD_LINE, 0, 0, 32, NULL, NULL },
};
#define VERSION_NFIELDS (sizeof version_fields / sizeof version_fields[0])

/* The error of field (list, item, field) in errs, FIELD_OK when none. */
static int
section_error(const struct wb_errors *errs, int list, size_t item, int field)
{
	size_t i;

	for (i = 0; errs != NULL && i < errs->n; i++)
		if (errs->e[i].list == list && errs->e[i].field == field &&
		    (list < 0 || errs->e[i].item == item))
			return errs->e[i].error;
	return FIELD_OK;
}

/* Adds the error summary at the top of the form, one line per error. */
static void
section_error_summary(struct req *r, struct tpl_dict *d,
    const struct wb_errors *errs)
{
	const struct wb_section_def *s = &wb_sections[r->section];
	struct tpl_dict *sum = NULL;
	char anchor[128], label[512], msg[256];
	size_t i;

	for (i = 0; errs != NULL && i < errs->n; i++) {
		const struct wb_error *e = &errs->e[i];
		const struct wb_field *f;

		if (e->list < 0) {
			if (e->field < 0 || (size_t)e->field >= s->nfields)
				continue;
			f = &s->fields[e->field];
			snprintf(anchor, sizeof anchor, "%s", f->def.name);
			snprintf(label, sizeof label, "%s", T(r, f->def.label));
		} else {
			const struct wb_list *l = &s->lists[e->list];
			char title[256];

			display_item_title(r->app->i18n, r->lang, l, e->item - 1, NULL, title,
			    sizeof title);
			if (e->field < 0 || (size_t)e->field >= l->nfields) {
				snprintf(anchor, sizeof anchor, "%s-%zu",
				    l->name, e->item);
				page_summary_add(r, d, &sum, anchor, title,
				    T(r, "There are more items than this list "
				    "can hold; remove some."));
				continue;
			}
			f = &l->fields[e->field];
			snprintf(anchor, sizeof anchor, "%s-%zu-%s", l->name,
			    e->item, f->def.name);
			snprintf(label, sizeof label, "%s, %s", title,
			    T(r, f->def.label));
		}
		page_field_message(r, &f->def, e->error, msg, sizeof msg);
		page_summary_add(r, d, &sum, anchor, label, msg);
	}
}

/*
 * Adds the steps of the workbook, with their completion and the number of
 * open comments of each (counts), for the side menu.
 */
static void
section_steps(struct req *r, struct tpl_dict *d, const struct wb_plan *p,
    const int counts[WB__MAX])
{
	struct coach_progress pr;
	struct tpl_dict *st;
	int i;

	coach_progress(p, &pr);
	for (i = 0; i < WB__MAX; i++) {
		st = tpl_add_section(d, "step");
		tpl_set(st, "STEP_SLUG", wb_sections[i].slug);
		tpl_set(st, "STEP_TITLE", T(r, wb_sections[i].title));
		tpl_set_int(st, "STEP_PERCENT", pr.percent[i]);
		if (i == r->section)
			tpl_show(st, "current");
		else
			tpl_show(st, "other");
		if (pr.percent[i] >= 100)
			tpl_show(st, "done");
		if (counts[i] > 0)
			tpl_set_int(tpl_add_section(st, "open_comments"),
			    "OPEN", counts[i]);
	}
}

/* Adds the pitfalls of p that this section is where to fix. */
static void
section_pitfalls(struct req *r, struct tpl_dict *d, const struct wb_plan *p)
{
	struct pitfall pits[48];
	size_t i, n;
	struct tpl_dict *list = NULL;

	n = coach_pitfalls(p, pits, 48);
	if (n > 48)
		n = 48;
	for (i = 0; i < n; i++) {
		if (pits[i].section != r->section)
			continue;
		if (list == NULL)
			list = tpl_add_section(d, "pitfalls");
		widget_pitfall(r, list, &pits[i]);
	}
}

/* Adds the information card of fixed item index of the platforms list. */
static void
section_platform_card(struct req *r, struct tpl_dict *item, size_t index)
{
	const struct platform_info *pi;
	struct tpl_dict *c;
	char h[128], lo[48], hi[48];

	if (index >= PF__MAX)
		return;
	pi = &platforms[index];
	c = tpl_add_section(item, "platform_info");
	if (pi->hours_max > 0) {
		display_hours(r->lang, pi->hours_min, lo, sizeof lo);
		display_hours(r->lang, pi->hours_max, hi, sizeof hi);
		if (pi->hours_min == pi->hours_max)
			snprintf(h, sizeof h, "%s", lo);
		else
			snprintf(h, sizeof h, "%s\xE2\x80\x93%s", lo, hi);
		tpl_set(tpl_add_section(c, "hours"), "HOURS", h);
	}
	tpl_set(c, "HOURS_NOTE", T(r, pi->hours_note));
	tpl_set(c, "RHYTHM", T(r, pi->rhythm));
	tpl_set(c, "AUDIENCE", T(r, pi->audience));
	tpl_set(c, "COST", T(r, pi->cost));
	tpl_set(c, "GOOD_FOR", T(r, pi->good_for));
	if (pi->text_limit > 0)
		page_set_number(r, tpl_add_section(c, "limit"), "LIMIT",
		    (long long)pi->text_limit);
}

/* Adds, for a review of the evaluation, the objective it is about. */
static void
section_review_of(struct req *r, struct tpl_dict *item,
    const struct wb_plan *p, const char *id)
{
	const struct wb_data *o = &p->s[WB_OBJECTIVES];
	const struct wb_item *it = wb_item_find(o, 0, id);
	const struct wb_list *l = &wb_sections[WB_OBJECTIVES].lists[0];
	struct tpl_dict *c;
	char text[512];
	size_t f;

	if (it == NULL)
		return;
	c = tpl_add_section(item, "review_of");
	for (f = 0; f < l->nfields; f++) {
		struct tpl_dict *row;

		display_text(r->app->i18n, r->lang, &l->fields[f], it->values[f], p, text,
		    sizeof text);
		if (text[0] == '\0')
			continue;
		row = tpl_add_section(c, "row");
		tpl_set(row, "LABEL", T(r, l->fields[f].def.label));
		tpl_set(row, "VALUE", text);
	}
}

/* Adds the examples a group can copy into its list of personas. */
static void
section_examples(struct req *r, struct tpl_dict *ld)
{
	struct tpl_dict *ex = tpl_add_section(ld, "examples"), *e;
	const struct wb_list *l = &wb_sections[WB_AUDIENCES].lists[0];
	size_t i, f;

	for (i = 0; i < WB_EXAMPLE_PERSONAS; i++) {
		e = tpl_add_section(ex, "example");
		tpl_set_int(e, "EXAMPLE", (long long)i + 1);
		tpl_set(e, "EXAMPLE_NAME", T(r, wb_example_personas[i].name));
		for (f = 0; f < l->nfields; f++) {
			struct tpl_dict *row;
			char text[1024];
			const char *v = wb_example_personas[i].values[f];

			if (v == NULL || v[0] == '\0')
				continue;
			display_text(r->app->i18n, r->lang, &l->fields[f], l->fields[f].widget ==
			    WB_CHECKS ? v : T(r, v), NULL, text, sizeof text);
			row = tpl_add_section(e, "row");
			tpl_set(row, "LABEL", T(r, l->fields[f].def.label));
			tpl_set(row, "VALUE", text);
		}
	}
}

/* Adds one item's block of fields; it is NULL for the empty new item. */
static void
section_item(struct req *r, struct tpl_dict *ld, size_t l, size_t k,
    const struct wb_item *it, const struct wb_plan *p,
    const struct wb_errors *errs)
{
	const struct wb_list *ldef = &wb_sections[r->section].lists[l];
	struct tpl_dict *item = tpl_add_section(ld, "item");
	char title[256], id[128], name[128];
	const char *hashtags = NULL;
	int platform = -1;
	size_t f;

	tpl_set_int(item, "N", (long long)k + 1);
	tpl_set(item, "ITEM_ID", it != NULL ? it->id : "");
	if (it != NULL) {
		display_item_title(r->app->i18n, r->lang, ldef, k, it, title, sizeof title);
		tpl_set(item, "ITEM_TITLE", title);
	} else {
		tpl_set(item, "ITEM_TITLE", T(r, ldef->add_label));
		tpl_show(item, "new");
	}
	if (ldef->fixed_ids == NULL && ldef->items_from_section < 0 &&
	    it != NULL)
		tpl_show(item, "removable");
	if (r->section == WB_PLATFORMS) {
		/*
		 * Thirteen platforms make a long page: the chosen ones stand
		 * open, the others fold (their fields are still sent).
		 */
		struct tpl_dict *fold = tpl_add_section(item, "collapsible");
		int cf = wb_field_index(ldef->fields, ldef->nfields, "chosen");

		if (it != NULL && cf >= 0 && strcmp(it->values[cf], "1") == 0) {
			tpl_show(fold, "open");
			tpl_show(fold, "chosen");
		}
		section_platform_card(r, item, k);
	}
	if (r->section == WB_EVALUATION && it != NULL)
		section_review_of(r, item, p, it->id);
	for (f = 0; f < ldef->nfields; f++) {
		const struct wb_field *fd = &ldef->fields[f];

		snprintf(id, sizeof id, "f-%s-%zu-%s", ldef->name, k + 1,
		    fd->def.name);
		snprintf(name, sizeof name, "%s-%zu-%s", ldef->name, k + 1,
		    fd->def.name);
		if (r->section == WB_POSTS && it != NULL &&
		    strcmp(fd->def.name, "text") == 0) {
			int pf = wb_field_index(ldef->fields, ldef->nfields,
			    "platform");
			int hf = wb_field_index(ldef->fields, ldef->nfields,
			    "hashtags");

			platform = pf >= 0 ? platform_by_key(it->values[pf]) : -1;
			hashtags = hf >= 0 ? it->values[hf] : NULL;
		}
		widget_input(r, item, fd, id, name, it != NULL ?
		    it->values[f] : "", it != NULL ? section_error(errs,
		    (int)l, k + 1, (int)f) : FIELD_OK, p, platform, hashtags);
	}
}

/*
 * Shows r->section: for a member, its form with the content shown (what
 * is saved, or what was typed), the errors of errs, and, after a
 * conflict, the saved version current beside it (version goes in the
 * form); for a trainer, the content read-only and no form at all.  Then
 * the section's comments, with typed (or NULL), a refused comment, kept
 * in its form.  unsaved is RT_OK, or why a save was not made (RT_ESTORAGE,
 * RT_EBUSY), said at the top of the form.
 */
static int
section_render(struct req *r, const struct wb_data *shown,
    const struct wb_plan *p, const struct wb_errors *errs,
    const struct wb_data *current, int64_t version,
    const struct comment_typed *typed, int unsaved, int status)
{
	const struct wb_section_def *s = &wb_sections[r->section];
	struct tpl_dict *layout, *d, *g, *ld;
	int counts[WB__MAX];
	char id[96];
	size_t i, l;
	int rc;

	if ((rc = comment_open_counts(r->h, r->org_id, counts)) != RT_OK)
		return rc;
	if ((d = page_begin(r, &layout, "section.tpl", s->title)) == NULL)
		return RT_ENOMEM;
	tpl_set(d, "TITLE", T(r, s->title));
	tpl_set(d, "SLUG", s->slug);
	tpl_set_int(d, "NUMBER", r->section + 1);
	tpl_set_int(d, "COUNT", WB__MAX);
	tpl_set_int(d, "VERSION", version);
	if (s->optional)
		tpl_show(d, "optional");
	if (s->guide != NULL && s->guide[0] != NULL) {
		g = tpl_add_section(d, "guide");
		for (i = 0; s->guide[i] != NULL; i++)
			tpl_set(tpl_add_section(g, "para"), "TEXT",
			    T(r, s->guide[i]));
	}
	if (status == 200 && kvlist_get(&r->query, "saved") != NULL)
		tpl_show(d, "saved");
	if (status == 200 && kvlist_get(&r->query, "restored") != NULL)
		tpl_show(d, "restored");
	section_steps(r, d, p, counts);
	section_pitfalls(r, d, p);
	if (r->section == WB_PLATFORMS || r->section == WB_START)
		widget_budget(r, d, p);
	if (r->role == ORG_ROLE_TRAINER) {
		/* A trainer reads: the answers, no form, no draft. */
		tpl_show(d, "readonly");
		widget_show_section(r, d, shown, p);
		goto common;
	}
	tpl_show(d, "edit");
	if (unsaved != RT_OK)
		tpl_show(tpl_add_section(d, "unsaved"),
		    unsaved == RT_ESTORAGE ? "storage" : "busy");
	if (current != NULL) {
		struct tpl_dict *c = tpl_add_section(d, "conflict");

		tpl_set(c, "CUR_BY", current->stamp.updated_by);
		widget_show_section(r, c, current, p);
	}
	section_error_summary(r, d, errs);

	for (i = 0; i < s->nfields; i++) {
		snprintf(id, sizeof id, "f-%s", s->fields[i].def.name);
		widget_input(r, d, &s->fields[i], id, s->fields[i].def.name,
		    shown->values[i], section_error(errs, -1, 0, (int)i), p,
		    -1, NULL);
	}
	for (l = 0; l < s->nlists; l++) {
		const struct wb_list *ldef = &s->lists[l];
		const struct wb_list_data *items = &shown->lists[l];
		size_t max = ldef->max_items ? ldef->max_items : WB_LIST_MAX;

		ld = tpl_add_section(d, "list");
		tpl_set(ld, "LIST", ldef->name);
		if (ldef->title != NULL)
			tpl_set(tpl_add_section(ld, "list_title"),
			    "LIST_TITLE", T(r, ldef->title));
		if (r->section == WB_AUDIENCES)
			section_examples(r, ld);
		if (items->n == 0 && ldef->items_from_section >= 0)
			tpl_show(ld, "from_empty");
		for (i = 0; i < items->n; i++)
			section_item(r, ld, l, i, &items->items[i], p, errs);
		if (ldef->fixed_ids == NULL && ldef->items_from_section < 0) {
			if (items->n < max) {
				section_item(r, ld, l, items->n, NULL, p, errs);
				tpl_set(tpl_add_section(ld, "add"), "ADD_LABEL",
				    T(r, "Save, then add another"));
			} else
				tpl_show(ld, "full");
		}
	}
common:
	page_stamp(r, d, shown->stamp.updated_at, shown->stamp.updated_by);
	if ((rc = comments_fill(r, d, typed)) != RT_OK) {
		tpl_dict_free(layout);
		return rc;
	}
	if (r->section + 1 < WB__MAX) {
		g = tpl_add_section(d, "next");
		tpl_set(g, "NEXT_SLUG", wb_sections[r->section + 1].slug);
		tpl_set(g, "NEXT_TITLE", T(r, wb_sections[r->section + 1].title));
	} else {
		tpl_show(d, "last");
	}
	return page_finish(r, layout, status);
}

int
section_show(struct req *r, const struct comment_typed *typed, int status)
{
	struct wb_plan p;
	int rc;

	memset(&p, 0, sizeof p);
	if ((rc = plan_load_all(r->h, r->org_id, &p)) == RT_OK)
		rc = section_render(r, &p.s[r->section], &p, NULL, NULL,
		    p.s[r->section].stamp.version, typed, RT_OK, status);
	wb_plan_free(&p);
	return rc;
}

int
section_get(struct req *r)
{
	/*
	 * A trainer's view goes on with their visit; failing to note it is
	 * no reason not to show the page (db.c has logged it).
	 */
	(void)comments_visit(r, NULL);
	return section_show(r, NULL, 200);
}

/*
 * Adds example persona n (from 1), in the request's language, to the
 * personas of d.  A full list is reported as an error of errs.
 */
static int
section_copy_example(struct req *r, struct wb_data *d, long long n,
    struct wb_errors *errs)
{
	const struct wb_list *l = &wb_sections[WB_AUDIENCES].lists[0];
	const struct wb_example_persona *ex = &wb_example_personas[n - 1];
	struct wb_item *it;
	size_t f;
	int rc;

	rc = wb_list_append(d, 0, &it);
	if (rc == RT_ETOOBIG) {
		if (errs->n < WB_MAX_ERRORS)
			errs->e[errs->n++] = (struct wb_error){ 0,
			    d->lists[0].n, -1, FIELD_ERANGE };
		return RT_OK;
	}
	if (rc != RT_OK)
		return rc;
	for (f = 0; f < l->nfields; f++) {
		const char *v = ex->values[f];
		char *copy;

		if (v == NULL)
			continue;
		if ((copy = strdup(l->fields[f].widget == WB_CHECKS ? v :
		    T(r, v))) == NULL)
			return RT_ENOMEM;
		free(it->values[f]);
		it->values[f] = copy;
	}
	return RT_OK;
}

int
section_post(struct req *r)
{
	struct wb_plan p;
	struct wb_data in;
	struct wb_errors errs;
	struct form vf = { 0 };
	const struct field_value *ex, *add;
	char loc[160];
	int rc;

	memset(&p, 0, sizeof p);
	memset(&in, 0, sizeof in);
	memset(&errs, 0, sizeof errs);
	if ((rc = form_validate(&vf, version_fields, VERSION_NFIELDS,
	    &r->form, 0)) != RT_OK)
		goto out;
	if (vf.nerrors > 0) {
		rc = page_error(r, 400, N_("The request was malformed."));
		goto out;
	}
	if ((rc = plan_load_all(r->h, r->org_id, &p)) != RT_OK)
		goto out;
	if ((rc = wb_data_init(&in, r->section)) != RT_OK)
		goto out;
	if ((rc = wb_data_from_form(&in, &r->form, &p, &errs)) != RT_OK)
		goto out;
	ex = form_get(&vf, "copy_example");
	if (r->section == WB_AUDIENCES && ex->present &&
	    (rc = section_copy_example(r, &in, ex->num, &errs)) != RT_OK)
		goto out;
	if (errs.n > 0) {
		rc = section_render(r, &in, &p, &errs, NULL,
		    form_get(&vf, "version")->num, NULL, RT_OK, 422);
		goto out;
	}
	/* The plan just read is what the save's standing is worked out from. */
	rc = plan_save_seen(r->h, r->org_id, r->sess.user_id, &in,
	    form_get(&vf, "version")->num, r->now, &p);
	if (rc == RT_ECONFLICT) {
		wb_plan_free(&p);
		memset(&p, 0, sizeof p);
		if ((rc = plan_load_all(r->h, r->org_id, &p)) == RT_OK)
			rc = section_render(r, &in, &p, NULL, &p.s[r->section],
			    p.s[r->section].stamp.version, NULL, RT_OK, 409);
		goto out;
	}
	if (rc == RT_ESTORAGE || rc == RT_EBUSY) {
		/* Nothing was written: what was typed comes back as it was. */
		int why = rc;

		rc = section_render(r, &in, &p, NULL, NULL,
		    form_get(&vf, "version")->num, NULL, why, 503);
		if (rc == RT_OK)
			rc = http_add_header(&r->resp, "Retry-After",
			    why == RT_ESTORAGE ? PAGE_RETRY_STORAGE :
			    PAGE_RETRY_BUSY);
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	add = form_get(&vf, "add");
	if (add->present && (wb_sections[r->section].nlists == 0 ||
	    strcmp(add->text, wb_sections[r->section].lists[0].name) != 0))
		add = NULL;
	/* Only the personas copy an example; other sections have no list 0. */
	if (ex->present && r->section == WB_AUDIENCES)
		snprintf(loc, sizeof loc, "/o/%lld/%s?saved=1#list-%s",
		    (long long)r->org_id, wb_sections[r->section].slug,
		    wb_sections[r->section].lists[0].name);
	else if (add != NULL && add->present)
		snprintf(loc, sizeof loc, "/o/%lld/%s?saved=1#new-%s",
		    (long long)r->org_id, wb_sections[r->section].slug,
		    add->text);
	else
		snprintf(loc, sizeof loc, "/o/%lld/%s?saved=1",
		    (long long)r->org_id, wb_sections[r->section].slug);
	rc = page_redirect(r, 303, loc);
out:
	wb_data_free(&in);
	wb_plan_free(&p);
	form_free(&vf);
	return rc;
}
