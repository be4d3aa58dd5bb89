/*
 * cohort_edit.c: "/c/<id>/edit", the settings of one cohort: its join
 * code and link, its name, dates and notes, who may join it, and its
 * trainers.  Only a trainer of the cohort (holding the trainer role)
 * reaches these routes; anyone else gets 404 from the dispatcher.
 *
 * GET /c/<id>/edit: 200.  Notices after a change come from the query:
 * created=1, saved=1, state=<open|closed|archived>, added=<user id>,
 * removed=1.
 * POST /c/<id>/edit name, starts_on, ends_on, notes: 303 back with
 * saved=1; 422 with the page and everything typed kept (as /cohorts/new).
 * POST /c/<id>/state state=open|closed|archived: 303 back with state=...;
 * 400 for another value.
 * POST /c/<id>/trainers action=add email: 303 back with added=<id>; 422
 * with the address kept when it is malformed, has no account, or its
 * account lacks the trainer role; 200 with a notice when that person
 * already is a trainer of the cohort.
 * POST /c/<id>/trainers action=remove user: 303 back with removed=1, or
 * to /cohorts?left=1 when trainers remove themselves; 404 when the user
 * is not a trainer of this cohort; 409 with the page when no other
 * trainer holding the role would remain.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "cohort.h"

static const char *const state_choices[] = {
	"open", "closed", "archived", NULL
};

static const struct field_def state_fields[] = {
	{ "state", FIELD_CHOICE, 1, 0, 0, state_choices, NULL },
};

static const char *const action_choices[] = { "add", "remove", NULL };

static const struct field_def trainer_fields[] = {
	{ "action", FIELD_CHOICE, 1, 0, 0, action_choices, NULL },
	{ "email", FIELD_EMAIL, 0, 0, 0, NULL,
	    N_("E-mail address of the co-trainer") },
	{ "user", FIELD_INT, 0, 1, INT64_MAX, NULL, NULL },
};

/* What a failed or half-done change shows on the settings page. */
struct edit_view {
	const struct form *settings;  /* the settings typed, or NULL */
	int                bad_order; /* their last day is before the first */
	const char        *email;     /* the co-trainer's address typed, or NULL */
	const char        *email_msg; /* its error, translated, or NULL */
	const char        *already;   /* the name of a trainer added twice, or NULL */
	const char        *remove_msg; /* why a trainer stays, translated, or NULL */
};

/*
 * Fills the trainers' table of d from v[0..n) and returns the name of the
 * trainer whose id is the query's added=, or NULL.
 */
static const char *
edit_trainers_fill(struct req *r, struct tpl_dict *d,
    const struct cohort_trainer *v, size_t n)
{
	const char *q = kvlist_get(&r->query, "added"), *added = NULL;
	struct tpl_dict *s, *b;
	char date[64];
	size_t i;

	for (i = 0; i < n; i++) {
		s = tpl_add_section(d, "trainer");
		tpl_set_int(s, "USER_ID", v[i].user_id);
		tpl_set(s, "NAME", v[i].name);
		tpl_set(s, "EMAIL", v[i].email);
		i18n_format_date(r->lang, v[i].added_at, date, sizeof date);
		tpl_set(s, "ADDED", date);
		if (v[i].user_id == r->sess.user_id)
			tpl_show(s, "you");
		if (!v[i].active)
			tpl_show(s, "inactive");
		if (n > 1) {
			b = tpl_add_section(s, "can_remove");
			tpl_show(b, v[i].user_id == r->sess.user_id ? "self" :
			    "other");
		}
		if (q != NULL && strtoll(q, NULL, 10) == v[i].user_id)
			added = v[i].name;
	}
	return added;
}

/* Shows the settings page of the cohort r->item_id with what v holds. */
static int
edit_render(struct req *r, const struct edit_view *v, int status)
{
	struct cohort *c = NULL;
	struct cohort_trainer *tr = NULL;
	struct tpl_dict *layout, *d, *s;
	const char *q, *added;
	char code[COHORT_CODE_LEN + 2], link[CONFIG_PATH_MAX + 32];
	size_t ntr = 0;
	int rc;

	if ((c = malloc(sizeof(*c))) == NULL)
		return RT_ENOMEM;
	if ((rc = cohort_load(r->h, r->item_id, c)) == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This page does not exist."));
		goto out;
	}
	if (rc != RT_OK ||
	    (rc = cohort_trainers(r->h, r->item_id, &tr, &ntr)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "cohort_edit.tpl",
	    N_("Cohort settings"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	tpl_set_int(d, "COHORT_ID", c->id);
	tpl_set(d, "NAME", c->name);
	cohort_dates_fill(r, d, c->starts_on, c->ends_on);
	tpl_set_int(d, "ORGS", c->orgs);
	cohort_code_format(c->code, code);
	tpl_set(d, "CODE", code);
	snprintf(link, sizeof link, "%s/join", r->app->cfg.base_url);
	tpl_set(d, "JOIN_PAGE", link);
	snprintf(link, sizeof link, "%s/join/%s", r->app->cfg.base_url, code);
	tpl_set(d, "JOIN_LINK", link);

	/* Who may join, and the buttons to change it. */
	tpl_set(d, "STATE", cohort_state_label(r, c->state));
	tpl_show(d, c->state == COHORT_OPEN ? "taking" : "not_taking");
	if (c->state != COHORT_OPEN)
		tpl_show(d, "to_open");
	if (c->state == COHORT_OPEN)
		tpl_show(d, "to_closed");
	if (c->state == COHORT_ARCHIVED)
		tpl_show(d, "unarchive");
	else
		tpl_show(d, "to_archived");

	/* What the last change did. */
	if (kvlist_get(&r->query, "created") != NULL)
		tpl_show(d, "created");
	if (kvlist_get(&r->query, "saved") != NULL)
		tpl_show(d, "saved");
	if (kvlist_get(&r->query, "removed") != NULL)
		tpl_show(d, "removed");
	if ((q = kvlist_get(&r->query, "state")) != NULL &&
	    strcmp(q, cohort_state_name(c->state)) == 0)
		tpl_show(d, c->state == COHORT_OPEN ? "now_open" :
		    c->state == COHORT_CLOSED ? "now_closed" : "now_archived");

	cohort_form_fill(r, d, v->settings, v->bad_order,
	    v->settings == NULL ? c : NULL);

	added = edit_trainers_fill(r, d, tr, ntr);
	if (added != NULL)
		tpl_set(tpl_add_section(d, "added"), "ADDED", added);
	if (v->remove_msg != NULL)
		tpl_set(tpl_add_section(d, "remove_error"), "MESSAGE",
		    v->remove_msg);
	if (v->already != NULL)
		tpl_set(tpl_add_section(d, "already"), "ALREADY", v->already);
	if (v->email != NULL)
		tpl_set(d, "email", v->email);
	if (v->email_msg != NULL) {
		page_field_error(r, d, "email", v->email_msg);
		s = tpl_add_section(d, "form_errors");
		s = tpl_add_section(s, "error");
		tpl_set(s, "FIELD", "email");
		tpl_set(s, "LABEL", T(r, "E-mail address of the co-trainer"));
		tpl_set(s, "MESSAGE", v->email_msg);
	}
	rc = page_finish(r, layout, status);
out:
	free(c);
	free(tr);
	return rc;
}

int
cohort_edit_get(struct req *r)
{
	struct edit_view v = { 0 };

	return edit_render(r, &v, 200);
}

int
cohort_edit_post(struct req *r)
{
	struct edit_view v = { 0 };
	struct form f = { 0 };
	char loc[64];
	int rc, bad_order;

	if ((rc = cohort_form_validate(r, &f, &bad_order)) != RT_OK)
		goto out;
	if (f.nerrors > 0 || bad_order) {
		v.settings = &f;
		v.bad_order = bad_order;
		rc = edit_render(r, &v, 422);
		goto out;
	}
	rc = cohort_update(r->h, r->item_id, form_get(&f, "name")->text,
	    form_get(&f, "starts_on")->text, form_get(&f, "ends_on")->text,
	    form_get(&f, "notes")->text);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This page does not exist."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/c/%lld/edit?saved=1",
	    (long long)r->item_id);
	rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}

int
cohort_state_post(struct req *r)
{
	struct form f = { 0 };
	const struct field_value *st;
	char loc[80];
	int rc;

	if ((rc = form_validate(&f, state_fields, 1, &r->form, 0)) != RT_OK)
		goto out;
	st = form_get(&f, "state");
	if (f.nerrors > 0) {
		rc = page_error(r, 400, N_("The request was malformed."));
		goto out;
	}
	/* The choices are in the order of enum cohort_state. */
	rc = cohort_set_state(r->h, r->item_id, (int)st->num);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This page does not exist."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/c/%lld/edit?state=%s",
	    (long long)r->item_id, state_choices[st->num]);
	rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}

/* Adds the co-trainer of the address in f (action=add). */
static int
trainers_add(struct req *r, const struct form *f)
{
	struct edit_view v = { 0 };
	const struct field_value *email = form_get(f, "email");
	struct cohort_trainer *tr = NULL;
	char msg[256], loc[96];
	size_t i, n = 0;
	int64_t uid = 0;
	int rc;

	v.email = email->text;
	if (!email->present || email->error != FIELD_OK) {
		page_field_message(r, &trainer_fields[1], email->present ?
		    email->error : FIELD_EMISSING, msg, sizeof msg);
		v.email_msg = msg;
		return edit_render(r, &v, 422);
	}
	rc = cohort_trainer_add(r->h, r->item_id, email->text, r->now, &uid);
	switch (rc) {
	case RT_OK:
		snprintf(loc, sizeof loc, "/c/%lld/edit?added=%lld",
		    (long long)r->item_id, (long long)uid);
		return page_redirect(r, 303, loc);
	case RT_ENOTFOUND:
		v.email_msg = T(r, N_("No account uses this address. Check "
		    "it with your co-trainer: they need an account on this "
		    "site, with the address they log in with."));
		return edit_render(r, &v, 422);
	case RT_EDENIED:
		v.email_msg = T(r, N_("This person has an account, but not "
		    "the trainer role. An administrator of this site must "
		    "give it to them first; then add them again."));
		return edit_render(r, &v, 422);
	case RT_EEXISTS:
		if ((rc = cohort_trainers(r->h, r->item_id, &tr, &n)) !=
		    RT_OK)
			return rc;
		for (i = 0; i < n; i++)
			if (tr[i].user_id == uid)
				v.already = tr[i].name;
		if (v.already == NULL)
			v.already = email->text;
		v.email = NULL;
		rc = edit_render(r, &v, 200);
		free(tr);
		return rc;
	default:
		return rc;
	}
}

/* Removes the trainer of the id in f (action=remove). */
static int
trainers_remove(struct req *r, const struct form *f)
{
	struct edit_view v = { 0 };
	const struct field_value *user = form_get(f, "user");
	char loc[96];
	int rc;

	if (!user->present || user->error != FIELD_OK)
		return page_error(r, 400, N_("The request was malformed."));
	rc = cohort_trainer_remove(r->h, r->item_id, user->num);
	if (rc == RT_ENOTFOUND)
		return page_error(r, 404, N_("This person is not a trainer "
		    "of this cohort."));
	if (rc == RT_EDENIED) {
		v.remove_msg = T(r, N_("A cohort always keeps at least one "
		    "trainer who holds the trainer role, so that someone can "
		    "follow its groups. Add a co-trainer first, then remove "
		    "this one."));
		return edit_render(r, &v, 409);
	}
	if (rc != RT_OK)
		return rc;
	if (user->num == r->sess.user_id)
		return page_redirect(r, 303, "/cohorts?left=1");
	snprintf(loc, sizeof loc, "/c/%lld/edit?removed=1",
	    (long long)r->item_id);
	return page_redirect(r, 303, loc);
}

int
cohort_trainers_post(struct req *r)
{
	struct form f = { 0 };
	int rc;

	if ((rc = form_validate(&f, trainer_fields, 3, &r->form, 0)) != RT_OK)
		goto out;
	if (form_get(&f, "action")->error != FIELD_OK) {
		rc = page_error(r, 400, N_("The request was malformed."));
		goto out;
	}
	if (form_get(&f, "action")->num == 0)
		rc = trainers_add(r, &f);
	else
		rc = trainers_remove(r, &f);
out:
	form_free(&f);
	return rc;
}
