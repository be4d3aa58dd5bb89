/*
 * join.c: "/join", how an owner puts their organisation in a trainer's
 * cohort with the code the trainer handed out.
 *
 * GET /join (logged in): 200, a form to type the code; with ?code=... it
 * answers as GET /join/<code>.
 * GET /join/<code> (logged in; the link a trainer hands out): the
 * confirmation page, as POST /join without confirm.
 * POST /join code (logged in), without confirm: the code is read with
 * case, spaces and hyphens ignored; 422 with the form when it cannot be a
 * code (or is empty), 404 with the form when no cohort has it, 409 with
 * the form when the cohort takes no new groups; else 200, the
 * confirmation page: the cohort, its dates and trainers, what they will
 * see and do, and a choice among the organisations the person owns; 403
 * when they own none, saying whom to ask.
 * POST /join code, org, confirm=1: the same checks, then 403 unless the
 * person owns org, then 303 to /o/<org>/cohorts?joined=<cohort>, or
 * ?already=<cohort> when the organisation was in it already; 422 with the
 * confirmation page when no organisation was chosen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "cohort.h"
#include "org.h"

static const struct field_def join_fields[] = {
	{ "code", FIELD_LINE, 1, 0, 40, NULL, N_("Join code") },
	{ "org", FIELD_INT, 0, 1, INT64_MAX, NULL,
	    N_("Organisation that joins") },
	{ "confirm", FIELD_BOOL, 0, 0, 0, NULL, NULL },
};

/*
 * Appends name to the ", "-separated list list (of size bytes), when it
 * fits whole.
 */
static void
join_list_add(char *list, size_t size, const char *name)
{
	size_t len = strlen(list);

	if (len + strlen(name) + 3 > size)
		return;
	snprintf(list + len, size - len, "%s%s", len > 0 ? ", " : "", name);
}

/*
 * Shows the form to type a code, with typed in it and, when msgid is not
 * NULL, that message as the field's error.
 */
static int
join_form(struct req *r, const char *typed, const char *msgid, int status)
{
	struct tpl_dict *layout, *d, *sum = NULL;

	if ((d = page_begin(r, &layout, "join.tpl",
	    N_("Join a cohort"))) == NULL)
		return RT_ENOMEM;
	tpl_set(d, "code", typed);
	if (msgid != NULL)
		page_field_problem(r, d, &sum, "code", N_("Join code"), msgid);
	return page_finish(r, layout, status);
}

/*
 * Finds the open cohort of the code typed, or answers with the form: 422
 * (cannot be a code), 404 (no cohort has it), 409 (it takes no new
 * groups).  Returns RT_OK with *answered set when it answered.
 */
static int
join_find(struct req *r, const char *typed, struct cohort *c, int *answered)
{
	char code[COHORT_CODE_LEN + 1];
	int rc;

	*answered = 1;
	if (*typed == '\0')
		return join_form(r, typed, N_("Type the code your trainer "
		    "gave you."), 422);
	if (cohort_code_normalise(typed, code) != RT_OK)
		return join_form(r, typed, N_("A join code has 8 letters and "
		    "digits, such as ABCD-EFGH. Check it with your trainer."),
		    422);
	rc = cohort_load_by_code(r->h, code, c);
	if (rc == RT_ENOTFOUND)
		return join_form(r, typed, N_("No cohort has this code. "
		    "Check it with your trainer."), 404);
	if (rc != RT_OK)
		return rc;
	if (c->state != COHORT_OPEN)
		return join_form(r, typed, N_("This cohort no longer takes "
		    "new groups. Ask your trainer whether it should."), 409);
	*answered = 0;
	return RT_OK;
}

/*
 * Answers 403 to a person who owns none of the organisations orgs[0..n):
 * only an owner can join, and here are the owners of each of theirs.
 */
static int
join_not_owner(struct req *r, const struct cohort *c,
    const struct org_ref *orgs, size_t n)
{
	struct tpl_dict *layout, *d, *list = NULL, *s;
	struct org_member *m = NULL;
	char code[COHORT_CODE_LEN + 2], owners[AUTH_NAME_MAX];
	size_t i, j, nm;
	int rc;

	if ((d = page_begin(r, &layout, "join_owner.tpl",
	    N_("Only an owner can join a cohort"))) == NULL)
		return RT_ENOMEM;
	tpl_set(d, "NAME", c->name);
	cohort_code_format(c->code, code);
	tpl_set(d, "CODE", code);
	for (i = 0; i < n; i++) {
		if ((rc = org_members(r->h, orgs[i].id, &m, &nm)) != RT_OK) {
			tpl_dict_free(layout);
			return rc;
		}
		owners[0] = '\0';
		for (j = 0; j < nm; j++)
			if (m[j].role == ORG_ROLE_OWNER)
				join_list_add(owners, sizeof owners, m[j].name);
		free(m);
		if (list == NULL)
			list = tpl_add_section(d, "orgs");
		s = tpl_add_section(list, "org");
		tpl_set(s, "ORG", orgs[i].name);
		tpl_set(s, "OWNERS", owners);
	}
	if (n == 0)
		tpl_show(d, "no_org");
	return page_finish(r, layout, 403);
}

/*
 * Shows the confirmation page of cohort c: what it is, who trains it,
 * what they will see, and the organisations the person owns (org_id
 * selected, or the first; org_msgid an error on that choice, or NULL).
 * Answers 403 instead when the person owns none.
 */
static int
join_confirm(struct req *r, const struct cohort *c, int64_t org_id,
    const char *org_msgid, int status)
{
	struct tpl_dict *layout, *d, *s, *sum = NULL;
	struct org_ref *orgs = NULL;
	struct cohort_trainer *tr = NULL;
	char code[COHORT_CODE_LEN + 2], names[AUTH_NAME_MAX];
	size_t i, n = 0, ntr = 0, owned = 0;
	int rc;

	if ((rc = org_list_for_user(r->h, r->sess.user_id, &orgs, &n)) !=
	    RT_OK)
		return rc;
	for (i = 0; i < n; i++)
		if (orgs[i].role == ORG_ROLE_OWNER)
			owned++;
	if (owned == 0) {
		rc = join_not_owner(r, c, orgs, n);
		goto out;
	}
	if ((rc = cohort_trainers(r->h, c->id, &tr, &ntr)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "join_confirm.tpl",
	    N_("Join a cohort"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	tpl_set(d, "NAME", c->name);
	cohort_dates_fill(r, d, c->starts_on, c->ends_on);
	names[0] = '\0';
	for (i = 0; i < ntr; i++)
		if (tr[i].active)
			join_list_add(names, sizeof names, tr[i].name);
	tpl_set(d, "TRAINERS", names);
	page_include(r, d, "TRAINER_SEES", "trainer_sees.tpl");
	cohort_code_format(c->code, code);
	tpl_set(d, "CODE", code);
	for (i = 0; i < n; i++) {
		if (orgs[i].role != ORG_ROLE_OWNER)
			continue;
		s = tpl_add_section(d, "org");
		tpl_set_int(s, "ID", orgs[i].id);
		tpl_set(s, "ORG", orgs[i].name);
		if (orgs[i].id == org_id)
			tpl_show(s, "selected");
	}
	if (org_msgid != NULL)
		page_field_problem(r, d, &sum, "org",
		    N_("Organisation that joins"), org_msgid);
	rc = page_finish(r, layout, status);
out:
	free(orgs);
	free(tr);
	return rc;
}

/* Answers for the code typed: the form with its error, or the confirmation. */
static int
join_show(struct req *r, const char *typed)
{
	struct cohort *c;
	int rc, answered;

	if ((c = malloc(sizeof(*c))) == NULL)
		return RT_ENOMEM;
	rc = join_find(r, typed, c, &answered);
	if (rc == RT_OK && !answered)
		rc = join_confirm(r, c, 0, NULL, 200);
	free(c);
	return rc;
}

int
join_get(struct req *r)
{
	const char *q;

	if (r->token[0] != '\0')
		return join_show(r, r->token);
	if ((q = kvlist_get(&r->query, "code")) != NULL && *q != '\0')
		return join_show(r, q);
	return join_form(r, "", NULL, 200);
}

/* Puts the organisation of f in cohort c, once its owner confirmed. */
static int
join_accept(struct req *r, const struct cohort *c, const struct form *f)
{
	const struct field_value *org = form_get(f, "org");
	char loc[96];
	int rc, role = ORG_ROLE_NONE;

	if (!org->present || org->error != FIELD_OK)
		return join_confirm(r, c, 0, N_("Choose the organisation "
		    "that joins."), 422);
	if ((rc = org_member_role(r->h, org->num, r->sess.user_id, &role)) !=
	    RT_OK)
		return rc;
	if (role != ORG_ROLE_OWNER)
		return page_error(r, 403, N_("Only an owner of the "
		    "organisation can join it to a cohort."));
	rc = cohort_join(r->h, c->id, org->num, r->sess.user_id, r->now);
	if (rc == RT_OK || rc == RT_EEXISTS) {
		snprintf(loc, sizeof loc, "/o/%lld/cohorts?%s=%lld",
		    (long long)org->num, rc == RT_OK ? "joined" : "already",
		    (long long)c->id);
		return page_redirect(r, 303, loc);
	}
	if (rc == RT_EEXPIRED)
		return join_form(r, form_get(f, "code")->text,
		    N_("This cohort no longer takes new groups. Ask your "
		    "trainer whether it should."), 409);
	if (rc == RT_ENOTFOUND)
		return join_form(r, form_get(f, "code")->text,
		    N_("No cohort has this code. Check it with your "
		    "trainer."), 404);
	return rc;
}

int
join_post(struct req *r)
{
	struct form f = { 0 };
	struct cohort *c = NULL;
	int rc, answered;

	if ((rc = form_validate(&f, join_fields, 3, &r->form, 0)) != RT_OK)
		goto out;
	if ((c = malloc(sizeof(*c))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	/* A code too long to be one reads as a code that cannot be one. */
	rc = join_find(r, form_get(&f, "code")->text, c, &answered);
	if (rc != RT_OK || answered)
		goto out;
	if (form_get(&f, "confirm")->num)
		rc = join_accept(r, c, &f);
	else
		rc = join_confirm(r, c, 0, NULL, 200);
out:
	free(c);
	form_free(&f);
	return rc;
}
