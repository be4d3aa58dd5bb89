/*
 * objectives.c: "/o/<id>/objectives", up to three objectives tied to the
 * mission.
 *
 * The form has three blocks that repeat the same field names; the nth
 * value of each name belongs to the nth block.  An empty block is no
 * objective; a block with anything in it needs its objective's text.
 *
 * GET: 200.  POST: 303 back with ?saved=1; 422 with every value kept;
 * 409 when someone saved in between.
 */
#include <stdio.h>
#include <string.h>

#include "cgi.h"
#include "plan.h"

static const struct field_def objective_fields[] = {
	{ "objective_text", FIELD_TEXT, 0, 0, 500, NULL, N_("Objective") },
	{ "objective_kind", FIELD_CHOICE, 0, 0, 0, plan_objective_kind_keys,
	  N_("Kind of objective") },
	{ "objective_serves", FIELD_TEXT, 0, 0, 1000, NULL,
	  N_("How it serves the mission") },
	{ "objective_indicator", FIELD_LINE, 0, 0, PLAN_LINE_MAX, NULL,
	  N_("Indicator") },
	{ "objective_target", FIELD_LINE, 0, 0, 200, NULL, N_("Target") },
	{ "objective_due", FIELD_DATE, 0, 0, 0, NULL, N_("Date") },
};
#define OBJECTIVE_NFIELDS (sizeof objective_fields / sizeof objective_fields[0])

static const struct field_def version_fields[] = {
	{ "version", FIELD_INT, 1, 0, INT32_MAX, NULL, NULL },
};

/* The three blocks as typed, validated, and whether each holds anything. */
struct objectives_input {
	struct form blocks[PLAN_MAX_OBJECTIVES];
	int         filled[PLAN_MAX_OBJECTIVES];
	int         missing_text[PLAN_MAX_OBJECTIVES];
	struct form version;
	int         nerrors;
};

static void
objectives_input_free(struct objectives_input *in)
{
	size_t i;

	for (i = 0; i < PLAN_MAX_OBJECTIVES; i++)
		form_free(&in->blocks[i]);
	form_free(&in->version);
}

/* Validates the three blocks and the version.  Returns RT_OK or RT_ENOMEM. */
static int
objectives_read(struct req *r, struct objectives_input *in)
{
	size_t i, j;
	int rc;

	memset(in, 0, sizeof *in);
	if ((rc = form_validate(&in->version, version_fields, 1, &r->form,
	    0)) != RT_OK)
		return rc;
	in->nerrors = in->version.nerrors;
	for (i = 0; i < PLAN_MAX_OBJECTIVES; i++) {
		struct form *b = &in->blocks[i];

		if ((rc = form_validate(b, objective_fields, OBJECTIVE_NFIELDS,
		    &r->form, i)) != RT_OK)
			return rc;
		for (j = 0; j < b->n; j++)
			if (b->values[j].present)
				in->filled[i] = 1;
		if (in->filled[i] && !form_get(b, "objective_text")->present) {
			in->missing_text[i] = 1;
			in->nerrors++;
		}
		in->nerrors += b->nerrors;
	}
	return RT_OK;
}

/* Fills one block's kind menu with kind (an index, or -1) selected. */
static void
objectives_kind_menu(struct req *r, struct tpl_dict *b, int kind)
{
	struct tpl_dict *o;
	int k;

	for (k = 0; k < OBJ_KIND__MAX; k++) {
		o = tpl_add_section(b, "kind_option");
		tpl_set(o, "KEY", plan_objective_kind_keys[k]);
		tpl_set(o, "LABEL", T(r, plan_objective_kind_msgids[k]));
		if (k == kind)
			tpl_show(o, "selected");
	}
}

/*
 * Shows the form: what is saved when in is NULL, otherwise what was typed
 * with its errors (and, on conflict, the saved objectives beside it).
 */
static int
objectives_render(struct req *r, const struct plan_objectives *cur,
    const struct objectives_input *in, int conflict, int status)
{
	struct tpl_dict *layout, *d, *b, *sum = NULL, *c, *co;
	char label[256], anchor[64];
	size_t i, j;

	if ((d = page_begin(r, &layout, "objectives.tpl",
	    N_("Objectives"))) == NULL)
		return RT_ENOMEM;
	for (i = 0; i < PLAN_MAX_OBJECTIVES; i++) {
		b = tpl_add_section(d, "objective");
		tpl_set_int(b, "N", (long long)i + 1);
		if (in == NULL) {
			const struct plan_objective *o = i < cur->n ?
			    &cur->items[i] : NULL;

			if (o != NULL) {
				tpl_set(b, "objective_text", o->text);
				tpl_set(b, "objective_serves", o->serves);
				tpl_set(b, "objective_indicator", o->indicator);
				tpl_set(b, "objective_target", o->target);
				tpl_set(b, "objective_due", o->due);
			}
			objectives_kind_menu(r, b, o != NULL ? o->kind : -1);
			continue;
		}
		const struct form *f = &in->blocks[i];
		for (j = 0; j < f->n; j++) {
			const struct field_value *v = &f->values[j];

			page_field_fill(r, b, f->defs[j].name, &f->defs[j], v);
			if (v->error == FIELD_OK)
				continue;
			snprintf(label, sizeof label, "%s %zu: %s",
			    T(r, "Objective"), i + 1, T(r, f->defs[j].label));
			snprintf(anchor, sizeof anchor, "%s-%zu",
			    f->defs[j].name, i + 1);
			{
				char msg[256];

				page_field_message(r, &f->defs[j], v->error,
				    msg, sizeof msg);
				page_summary_add(r, d, &sum, anchor, label, msg);
			}
		}
		if (in->missing_text[i]) {
			const char *msg = T(r, "Write the objective itself, "
			    "or empty this block to remove it.");

			page_field_error(r, b, "objective_text", msg);
			snprintf(label, sizeof label, "%s %zu", T(r,
			    "Objective"), i + 1);
			snprintf(anchor, sizeof anchor, "objective_text-%zu",
			    i + 1);
			page_summary_add(r, d, &sum, anchor, label, msg);
		}
		objectives_kind_menu(r, b, form_get(f, "objective_kind")->present ?
		    (int)form_get(f, "objective_kind")->num : -1);
	}
	if (in == NULL || conflict)
		tpl_set_int(d, "version", cur->stamp.version);
	else
		tpl_set(d, "version", form_get(&in->version, "version")->text);
	page_stamp(r, d, cur->stamp.updated_at, cur->stamp.updated_by);
	if (conflict) {
		c = tpl_add_section(d, "conflict");
		tpl_set(c, "CUR_BY", cur->stamp.updated_by);
		for (i = 0; i < cur->n; i++) {
			co = tpl_add_section(c, "cur_objective");
			tpl_set_int(co, "N", (long long)i + 1);
			tpl_set(co, "TEXT", cur->items[i].text);
		}
	}
	if (in == NULL && kvlist_get(&r->query, "saved") != NULL)
		tpl_show(d, "saved");
	return page_finish(r, layout, status);
}

int
objectives_get(struct req *r)
{
	struct plan_objectives o = { 0 };
	int rc;

	if ((rc = plan_objectives_load(r->h, r->org_id, &o)) != RT_OK)
		return rc;
	rc = objectives_render(r, &o, NULL, 0, 200);
	plan_objectives_free(&o);
	return rc;
}

int
objectives_post(struct req *r)
{
	struct objectives_input in;
	struct plan_objectives cur = { 0 }, o = { 0 };
	char loc[64];
	size_t i;
	int rc;

	if ((rc = objectives_read(r, &in)) != RT_OK)
		goto out;
	if (in.nerrors > 0) {
		if ((rc = plan_objectives_load(r->h, r->org_id, &cur)) == RT_OK)
			rc = objectives_render(r, &cur, &in, 0, 422);
		goto out;
	}
	for (i = 0; i < PLAN_MAX_OBJECTIVES; i++) {
		const struct form *f = &in.blocks[i];
		struct plan_objective *p;

		if (!in.filled[i])
			continue;
		p = &o.items[o.n++];
		p->text = (char *)form_get(f, "objective_text")->text;
		p->kind = form_get(f, "objective_kind")->present ?
		    (int)form_get(f, "objective_kind")->num : -1;
		p->serves = (char *)form_get(f, "objective_serves")->text;
		p->indicator = (char *)form_get(f, "objective_indicator")->text;
		p->target = (char *)form_get(f, "objective_target")->text;
		snprintf(p->due, sizeof p->due, "%s",
		    form_get(f, "objective_due")->text);
	}
	rc = plan_objectives_save(r->h, r->org_id, r->sess.user_id, &o,
	    form_get(&in.version, "version")->num, r->now);
	if (rc == RT_ECONFLICT) {
		if ((rc = plan_objectives_load(r->h, r->org_id, &cur)) == RT_OK)
			rc = objectives_render(r, &cur, &in, 1, 409);
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/o/%lld/objectives?saved=1",
	    (long long)r->org_id);
	rc = page_redirect(r, 303, loc);
out:
	plan_objectives_free(&cur);
	objectives_input_free(&in);
	return rc;
}
