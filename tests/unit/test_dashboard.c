/*
 * test_dashboard.c: unit tests of lib/dashboard.c: a cohort's dashboard
 * (its rows, the threads awaiting an answer on each side, the "changed"
 * marker, the standing of plans without a stored one), its order and
 * filter, its CSV file, the statements it costs, and the cohort's
 * debrief.  Run from the repository root (it reads schema.sql).
 *
 * The dashboard's fixtures are written by SQL straight into the tables
 * of schema 4, on a connection of the test's own (as the sqlite3 shell
 * would), with the ids the tests then name; the debrief's plans are
 * saved with plan_save().
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "status.h"
#include "buf.h"
#include "coach.h"
#include "cohort.h"
#include "dashboard.h"
#include "db.h"
#include "plan.h"
#include "sql.h"
#include "workbook.h"
#include "tdb.h"

#define T0     1700000000

/* What every test of this file works with. */
struct fx {
	struct tdb  t;
};

/*
 * Opens a fresh database with: users 1 (Tina, trainer), 2 (Tom, trainer)
 * and 3 (Olga, member of the organisations); cohort 1 "Atelier d'automne"
 * trained by Tina, cohort 2 trained by Tom.
 */
static int
setup(void **state)
{
	struct fx	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	tdb_open(&f->t, "dash");
	*state = f;
	q_exec(&f->t,
	    "INSERT INTO users (id, email, name, pwhash, created_at) VALUES "
	    "(1, 'tina@example.org', 'Tina', '" TDB_HASH "', 1), "
	    "(2, 'tom@example.org', 'Tom', '" TDB_HASH "', 1), "
	    "(3, 'olga@example.org', 'Olga', '" TDB_HASH "', 1);"
	    "INSERT INTO user_roles (user_id, role, granted_at) VALUES "
	    "(1, 'trainer', 1), (2, 'trainer', 1);"
	    "INSERT INTO cohorts (id, name, starts_on, ends_on, join_code, "
	    "state, created_by, created_at) VALUES "
	    "(1, 'Atelier d''automne', '2026-09-01', '2026-11-30', "
	    "'ABCDEFGH', 'closed', 1, 1), "
	    "(2, 'Autre', '', '', 'HGFEDCBA', 'open', 2, 1);"
	    "INSERT INTO cohort_trainers VALUES (1, 1, 1), (2, 2, 1);");
	return 0;
}

/* Returns the row of org in d (it must be there). */
static const struct dashboard_row *
row_of(const struct dashboard *d, int64_t org)
{
	size_t	 i;

	for (i = 0; i < d->n; i++)
		if (d->rows[i].org_id == org)
			return &d->rows[i];
	fail_msg("organisation %lld is not on the dashboard", (long long)org);
	return NULL;
}

/*
 * The rows, their standing, the demonstration flag, the threads awaiting
 * each side (resolved ones and other cohorts' left out, the newest
 * message deciding, ties of time going by id), and the "changed" marker
 * from this trainer's visits only.
 */
static void
test_rows(void **state)
{
	struct fx			*f = *state;
	struct dashboard		 d;
	const struct dashboard_row	*r;
	int				 s;

	q_exec(&f->t,
	    "INSERT INTO orgs (id, name, created_at) VALUES "
	    "(10, 'Bravo', 1), (11, 'alpha', 1), (12, 'Charlie', 1), "
	    "(13, 'Démo', 1), (20, 'Ailleurs', 1);"
	    "INSERT INTO memberships VALUES (10, 3, 'owner', 1);"
	    "INSERT INTO cohort_orgs (cohort_id, org_id, joined_at, demo) "
	    "VALUES (1, 10, 1, 0), (1, 11, 1, 0), (1, 12, 1, 0), "
	    "(1, 13, 1, 1), (2, 20, 1, 0), (2, 10, 1, 0);"
	    "INSERT INTO plan_standing VALUES "
	    "(10, 40, 2, '{\"start\": 100, \"mission\": 50, "
	    "\"nosuch\": 7, \"tone\": \"x\"}', 1700000100), "
	    "(11, 75, 0, '{\"platforms\": 150}', 1700000010), "
	    "(13, 100, 0, '{}', 1700000020), "
	    "(20, 5, 9, '{}', 1700000030);"
	    /* Bravo: 1 opened by the group, no answer: awaits Tina. */
	    "INSERT INTO comments (id, org_id, section, thread_id, user_id, "
	    "by_trainer, body, created_at) VALUES "
	    "(1, 10, 'mission', NULL, 3, 0, 'Une question', 100);"
	    /* 2 opened by Tina, the group answered: awaits Tina. */
	    "INSERT INTO comments (id, org_id, section, thread_id, user_id, "
	    "by_trainer, body, created_at) VALUES "
	    "(2, 10, 'mission', NULL, 1, 1, 'Précisez', 100), "
	    "(3, 10, 'mission', 2, 3, 0, 'Voilà', 200);"
	    /* 4 opened by the group, Tina answered: awaits the group. */
	    "INSERT INTO comments (id, org_id, section, thread_id, user_id, "
	    "by_trainer, body, created_at) VALUES "
	    "(4, 10, 'tone', NULL, 3, 0, 'Le ton ?', 100), "
	    "(5, 10, 'tone', 4, 1, 1, 'Plus simple', 300);"
	    /* 6: answered by the group and Tina in the same second: the
	     * later id (Tina's) is the newest, so it awaits the group. */
	    "INSERT INTO comments (id, org_id, section, thread_id, user_id, "
	    "by_trainer, body, created_at) VALUES "
	    "(6, 10, 'team', NULL, 3, 0, 'Qui ?', 100), "
	    "(7, 10, 'team', 6, 3, 0, 'Et ?', 400), "
	    "(8, 10, 'team', 6, 1, 1, 'Marie', 400);"
	    /* 9: resolved, awaits nobody. */
	    "INSERT INTO comments (id, org_id, section, thread_id, user_id, "
	    "by_trainer, body, created_at, resolved_at, resolved_by) VALUES "
	    "(9, 10, 'posts', NULL, 3, 0, 'Réglé', 100, 500, 3);"
	    /* Another cohort's organisation: never on this dashboard. */
	    "INSERT INTO comments (id, org_id, section, thread_id, user_id, "
	    "by_trainer, body, created_at) VALUES "
	    "(10, 20, 'mission', NULL, NULL, 0, 'Ailleurs', 100);"
	    /* Tina saw Bravo before its last save and alpha after its; Tom
	     * saw Bravo after it (his visit is not Tina's). */
	    "INSERT INTO trainer_visits VALUES "
	    "(1, 10, 0, 1700000050), (1, 11, 0, 1700000050), "
	    "(2, 10, 0, 1700009999);");

	assert_int_equal(dashboard_load(&f->t.h, 1, 1, &d), RT_OK);
	assert_int_equal(d.cohort.id, 1);
	assert_string_equal(d.cohort.name, "Atelier d'automne");
	assert_string_equal(d.cohort.starts_on, "2026-09-01");
	assert_string_equal(d.cohort.ends_on, "2026-11-30");
	assert_string_equal(d.cohort.code, "ABCDEFGH");
	assert_int_equal(d.cohort.state, COHORT_CLOSED);
	assert_int_equal(d.cohort.orgs, 4);
	assert_int_equal(d.demo_orgs, 1);
	assert_int_equal(d.n, 4);
	/* Loaded by organisation id. */
	assert_int_equal(d.rows[0].org_id, 10);
	assert_int_equal(d.rows[3].org_id, 13);

	r = row_of(&d, 10);
	assert_string_equal(r->name, "Bravo");
	assert_int_equal(r->demo, 0);
	assert_int_equal(r->overall, 40);
	assert_int_equal(r->pitfalls, 2);
	assert_int_equal(r->percent[WB_START], 100);
	assert_int_equal(r->percent[WB_MISSION], 50);
	assert_int_equal(r->percent[WB_TONE], 0);
	assert_int_equal(r->percent[WB_EVENTS], 0);
	assert_int_equal(r->last_activity, 1700000100);
	assert_int_equal(r->awaiting_trainer, 2);
	assert_int_equal(r->awaiting_group, 2);
	assert_int_equal(r->changed, 1);

	r = row_of(&d, 11);
	assert_int_equal(r->overall, 75);
	assert_int_equal(r->percent[WB_PLATFORMS], 100);
	assert_int_equal(r->awaiting_trainer, 0);
	assert_int_equal(r->awaiting_group, 0);
	assert_int_equal(r->changed, 0);

	/* Never saved: zero everywhere, and not "changed". */
	r = row_of(&d, 12);
	assert_int_equal(r->overall, 0);
	assert_int_equal(r->pitfalls, 0);
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(r->percent[s], 0);
	assert_int_equal(r->last_activity, 0);
	assert_int_equal(r->changed, 0);

	/* Saved and never visited: changed. */
	r = row_of(&d, 13);
	assert_int_equal(r->demo, 1);
	assert_string_equal(r->name, "Démo");
	assert_int_equal(r->changed, 1);
	dashboard_free(&d);

	/* Tom's dashboard of his cohort: Bravo is in it too, unchanged for him. */
	assert_int_equal(dashboard_load(&f->t.h, 2, 2, &d), RT_OK);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.cohort.state, COHORT_OPEN);
	r = row_of(&d, 10);
	assert_int_equal(r->changed, 0);
	assert_int_equal(r->awaiting_trainer, 2);
	r = row_of(&d, 20);
	assert_int_equal(r->awaiting_trainer, 1);
	assert_int_equal(r->pitfalls, 9);
	dashboard_free(&d);

	/* A cohort that does not exist. */
	assert_int_equal(dashboard_load(&f->t.h, 99, 1, &d), RT_ENOTFOUND);
	assert_int_equal(d.n, 0);
	assert_null(d.rows);
}

/* An empty cohort loads with no row. */
static void
test_empty(void **state)
{
	struct fx		*f = *state;
	struct dashboard	 d;

	assert_int_equal(dashboard_load(&f->t.h, 1, 1, &d), RT_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.cohort.orgs, 0);
	dashboard_free(&d);
}

/* Returns the fixed item id of list l of d (it must be there). */
static struct wb_item *
fixed_item(struct wb_data *d, size_t l, const char *id)
{
	size_t	 i;

	for (i = 0; i < d->lists[l].n; i++)
		if (strcmp(d->lists[l].items[i].id, id) == 0)
			return &d->lists[l].items[i];
	fail_msg("no item %s", id);
	return NULL;
}

/* Saves the team's hours a week (starting point) of org. */
static void
save_hours(struct fx *f, int64_t org, const char *hours, time_t now)
{
	struct wb_data	 d;

	assert_int_equal(wb_data_init(&d, WB_START), RT_OK);
	set(&d, "hours", hours);
	assert_int_equal(plan_save(&f->t.h, org, 3, &d, 0, now), RT_OK);
	wb_data_free(&d);
}

/*
 * Saves the platforms of org: keys[i] chosen with hours[i] a week, up to
 * a NULL key.
 */
static void
save_platforms(struct fx *f, int64_t org, const char *const *keys,
    const char *const *hours, time_t now)
{
	struct wb_data	 d;
	struct wb_item	*it;
	size_t		 i;

	assert_int_equal(wb_data_init(&d, WB_PLATFORMS), RT_OK);
	for (i = 0; keys[i] != NULL; i++) {
		it = fixed_item(&d, 0, keys[i]);
		set_item(&d, 0, it, "chosen", "1");
		set_item(&d, 0, it, "hours", hours[i]);
	}
	assert_int_equal(plan_save(&f->t.h, org, 3, &d, 0, now), RT_OK);
	wb_data_free(&d);
}

/*
 * Saves the objectives of org: one per kinds[i] (up to NULL; "" for no
 * kind) with target targets[i].
 */
static void
save_objectives(struct fx *f, int64_t org, const char *const *kinds,
    const char *const *targets, time_t now)
{
	struct wb_data	 d;
	struct wb_item	*it;
	size_t		 i;

	assert_int_equal(wb_data_init(&d, WB_OBJECTIVES), RT_OK);
	for (i = 0; kinds[i] != NULL; i++) {
		it = add_item(&d, 0);
		set_item(&d, 0, it, "text", "Se faire connaître du quartier");
		set_item(&d, 0, it, "kind", kinds[i]);
		set_item(&d, 0, it, "target", targets[i]);
	}
	assert_int_equal(plan_save(&f->t.h, org, 3, &d, 0, now), RT_OK);
	wb_data_free(&d);
}

/*
 * A plan with sections but no stored standing (migrated from schema 1,
 * not saved since) gets the standing plan_standing() computes, activity
 * included; a plan never saved stays at zero and costs nothing more.
 */
static void
test_migrated(void **state)
{
	static const char *const keys[] = { "facebook", NULL };
	static const char *const hours[] = { "9", NULL };
	static const char *const kinds[] = { "fundraise", NULL };
	static const char *const targets[] = { "beaucoup", NULL };
	struct fx			*f = *state;
	struct dashboard		 d;
	struct plan_standing		 ps;
	const struct dashboard_row	*r;
	int				 s;

	q_exec(&f->t,
	    "INSERT INTO orgs (id, name, created_at) VALUES "
	    "(10, 'Migré', 1), (11, 'Neuf', 1), (12, 'Suivi', 1);"
	    "INSERT INTO cohort_orgs (cohort_id, org_id, joined_at) VALUES "
	    "(1, 10, 1), (1, 11, 1), (1, 12, 1);"
	    "INSERT INTO trainer_visits VALUES (1, 12, 0, 1700000500);");
	save_hours(f, 10, "4", T0 + 10);
	save_platforms(f, 10, keys, hours, T0 + 30);
	save_objectives(f, 10, kinds, targets, T0 + 20);
	save_hours(f, 12, "3", T0 + 40);
	q_exec(&f->t, "DELETE FROM plan_standing WHERE org_id IN (10, 12)");
	assert_int_equal(plan_standing(&f->t.h, 10, &ps), RT_OK);
	assert_true(ps.pitfalls > 0);
	assert_true(ps.overall > 0);

	assert_int_equal(dashboard_load(&f->t.h, 1, 1, &d), RT_OK);
	assert_int_equal(d.n, 3);
	r = row_of(&d, 10);
	assert_int_equal(r->overall, ps.overall);
	assert_int_equal(r->pitfalls, ps.pitfalls);
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(r->percent[s], ps.percent[s]);
	assert_int_equal(r->last_activity, T0 + 30);
	assert_int_equal(r->last_activity, ps.updated_at);
	assert_int_equal(r->changed, 1);
	r = row_of(&d, 11);
	assert_int_equal(r->overall, 0);
	assert_int_equal(r->last_activity, 0);
	assert_int_equal(r->changed, 0);
	/* Visited after its last save: not changed. */
	r = row_of(&d, 12);
	assert_int_equal(r->last_activity, T0 + 40);
	assert_true(r->percent[WB_START] > 0);
	assert_int_equal(r->changed, 0);
	dashboard_free(&d);
}

/* Fills d with the rows of the sorting tests (no database). */
static void
sort_rows(struct dashboard *d)
{
	static const struct {
		int64_t     id;
		const char *name;
		int         overall, mission, pitfalls, at, await_t, await_g;
	} v[] = {
		{ 1, "Zoé", 50, 100, 3, 300, 0, 2 },
		{ 2, "école", 50, 0, 1, 0, 1, 0 },
		{ 3, "Eden", 10, 50, 3, 200, 1, 1 },
		{ 4, "Même", 90, 50, 0, 100, 0, 0 },
		{ 5, "Même", 90, 50, 0, 100, 0, 0 },
		{ 6, "alpha", 10, 100, 1, 300, 2, 0 },
	};
	size_t	 i;

	memset(d, 0, sizeof(*d));
	d->n = sizeof(v) / sizeof(v[0]);
	assert_non_null(d->rows = calloc(d->n, sizeof(*d->rows)));
	/* Loaded in an order that is none of the sorted ones. */
	for (i = 0; i < d->n; i++) {
		struct dashboard_row *r = &d->rows[(i * 5) % d->n];

		r->org_id = v[i].id;
		snprintf(r->name, sizeof(r->name), "%s", v[i].name);
		r->overall = v[i].overall;
		r->percent[WB_MISSION] = v[i].mission;
		r->pitfalls = v[i].pitfalls;
		r->last_activity = v[i].at;
		r->awaiting_trainer = v[i].await_t;
		r->awaiting_group = v[i].await_g;
	}
}

/* Sorts a fresh set of rows by sort/dir and checks the ids in order. */
static void
check_order(const char *sort, const char *dir, const int64_t want[6])
{
	struct dashboard	 d;
	struct dashboard_order	 o;
	size_t			 i;

	sort_rows(&d);
	dashboard_order_parse(sort, dir, &o);
	assert_int_equal(dashboard_sort(&d, &o), RT_OK);
	for (i = 0; i < 6; i++)
		if (d.rows[i].org_id != want[i])
			fail_msg("sort=%s dir=%s: position %zu holds %lld, "
			    "expected %lld", sort, dir ? dir : "(none)", i,
			    (long long)d.rows[i].org_id, (long long)want[i]);
	dashboard_free(&d);
}

/*
 * Every key in both directions; ties go by folded name from A to Z, then
 * id (the two "Même" keep their id order in both directions).
 */
static void
test_sort(void **state)
{
	/* Names folded: alpha, ecole, eden, meme(4), meme(5), zoe. */
	static const int64_t name_asc[] = { 6, 2, 3, 4, 5, 1 };
	static const int64_t name_desc[] = { 1, 4, 5, 3, 2, 6 };
	static const int64_t overall_asc[] = { 6, 3, 2, 1, 4, 5 };
	static const int64_t overall_desc[] = { 4, 5, 2, 1, 6, 3 };
	static const int64_t mission_asc[] = { 2, 3, 4, 5, 6, 1 };
	static const int64_t mission_desc[] = { 6, 1, 3, 4, 5, 2 };
	static const int64_t pitfalls_asc[] = { 4, 5, 6, 2, 3, 1 };
	static const int64_t pitfalls_desc[] = { 3, 1, 6, 2, 4, 5 };
	static const int64_t activity_asc[] = { 2, 4, 5, 3, 6, 1 };
	static const int64_t activity_desc[] = { 6, 1, 3, 4, 5, 2 };
	static const int64_t replies_asc[] = { 4, 5, 1, 2, 3, 6 };
	static const int64_t replies_desc[] = { 6, 3, 2, 1, 4, 5 };

	(void)state;
	check_order("name", "asc", name_asc);
	check_order("name", "desc", name_desc);
	check_order("overall", "asc", overall_asc);
	check_order("overall", "desc", overall_desc);
	check_order("mission", "asc", mission_asc);
	check_order("mission", "desc", mission_desc);
	check_order("pitfalls", "asc", pitfalls_asc);
	check_order("pitfalls", "desc", pitfalls_desc);
	check_order("activity", "asc", activity_asc);
	check_order("activity", "desc", activity_desc);
	check_order("replies", "asc", replies_asc);
	check_order("replies", "desc", replies_desc);
	/* Without a direction, each key's usual one. */
	check_order("name", NULL, name_asc);
	check_order("pitfalls", NULL, pitfalls_desc);
	check_order("overall", "sideways", overall_asc);
	/* A bogus key is the default order: by name from A to Z. */
	check_order("nosuch", "desc", name_desc);
	check_order(NULL, NULL, name_asc);
	check_order("", NULL, name_asc);
}

/* What dashboard_order_parse() accepts and names. */
static void
test_order_parse(void **state)
{
	struct dashboard_order	 o;

	(void)state;
	assert_int_equal(dashboard_order_parse("audiences", "desc", &o), 1);
	assert_int_equal(o.key, DASH_BY_SECTION);
	assert_int_equal(o.section, WB_AUDIENCES);
	assert_int_equal(o.desc, 1);
	assert_string_equal(dashboard_order_name(o.key, o.section),
	    "audiences");
	assert_int_equal(dashboard_order_parse("replies", NULL, &o), 1);
	assert_int_equal(o.key, DASH_BY_REPLIES);
	assert_int_equal(o.desc, 1);
	assert_string_equal(dashboard_order_name(o.key, 0), "replies");
	assert_int_equal(dashboard_order_parse("Overall", "asc", &o), 0);
	assert_int_equal(o.key, DASH_BY_NAME);
	assert_int_equal(o.desc, 0);
	assert_int_equal(dashboard_order_parse("name'--", NULL, &o), 0);
	assert_int_equal(o.key, DASH_BY_NAME);
	assert_string_equal(dashboard_order_name(DASH_BY_NAME, 0), "name");
}

/* The filter keeps the rows that have not finished a section, in order. */
static void
test_filter(void **state)
{
	struct dashboard	 d;
	struct dashboard_order	 o;

	(void)state;
	sort_rows(&d);
	dashboard_order_parse("name", "asc", &o);
	assert_int_equal(dashboard_sort(&d, &o), RT_OK);
	assert_int_equal(dashboard_filter(&d, WB_MISSION), 2);
	assert_int_equal(d.n, 4);
	assert_int_equal(d.rows[0].org_id, 2);
	assert_int_equal(d.rows[1].org_id, 3);
	assert_int_equal(d.rows[2].org_id, 4);
	assert_int_equal(d.rows[3].org_id, 5);
	/* Nobody finished the events: nothing is left out. */
	assert_int_equal(dashboard_filter(&d, WB_EVENTS), 0);
	assert_int_equal(d.n, 4);
	dashboard_free(&d);
}

/* The CSV field: quoting, doubled quotes, and the formula guard. */
static void
test_csv_field(void **state)
{
	static const struct {
		const char *in;
		char        sep;
		const char *out;
	} v[] = {
		{ "Le Cercle", ',', "Le Cercle" },
		{ "a,b", ',', "\"a,b\"" },
		{ "a,b", ';', "a,b" },
		{ "a;b", ';', "\"a;b\"" },
		{ "dit \"oui\"", ',', "\"dit \"\"oui\"\"\"" },
		{ "deux\nlignes", ',', "\"deux\nlignes\"" },
		{ "=SUM(A1:A9)", ',', "'=SUM(A1:A9)" },
		{ "+1", ';', "'+1" },
		{ "-2", ';', "'-2" },
		{ "@cmd", ';', "'@cmd" },
		{ "\tx", ';', "'\tx" },
		{ "\rx", ';', "\"'\rx\"" },
		{ "=1,2", ',', "\"'=1,2\"" },
		{ "a=b", ',', "a=b" },
		{ "", ',', "" },
		{ "Comité é", ';', "Comité é" },
	};
	struct buf	 b;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		memset(&b, 0, sizeof(b));
		assert_int_equal(dashboard_csv_field(&b, v[i].in, v[i].sep),
		    RT_OK);
		assert_string_equal(buf_str(&b), v[i].out);
		buf_free(&b);
	}
}

/* Non-zero when s starts with prefix. */
static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * The whole file: byte order mark, header, one row per organisation in
 * the rows' order, separators per language, CRLF, dates, formula guard.
 */
static void
test_csv(void **state)
{
	struct dashboard	 d;
	struct buf		 b;
	struct tm		 tm;
	time_t			 t;
	char			 want[512], date[16];
	const char		*s, *line2;

	(void)state;
	memset(&d, 0, sizeof(d));
	d.n = 2;
	assert_non_null(d.rows = calloc(2, sizeof(*d.rows)));
	snprintf(d.rows[0].name, sizeof(d.rows[0].name), "=HYPERLINK(\"x\")");
	d.rows[0].overall = 42;
	d.rows[0].percent[WB_START] = 100;
	d.rows[0].percent[WB_EVENTS] = 7;
	d.rows[0].pitfalls = 3;
	d.rows[0].last_activity = T0;
	d.rows[0].awaiting_trainer = 2;
	snprintf(d.rows[1].name, sizeof(d.rows[1].name), "Café; et cie");

	memset(&b, 0, sizeof(b));
	assert_int_equal(dashboard_csv(&d, NULL, LANG_EN, &b), RT_OK);
	s = buf_str(&b);
	assert_true(starts(s, "\xEF\xBB\xBF" "Organisation,Overall progress "
	    "(%),Starting point,Account registry,"));
	assert_non_null(strstr(s, ",Event campaigns,Open pitfalls,Last "
	    "activity,Replies awaiting you\r\n"));
	assert_non_null(line2 = strstr(s, "\r\n"));
	line2 += 2;
	t = T0;
	assert_non_null(localtime_r(&t, &tm));
	assert_true(strftime(date, sizeof(date), "%Y-%m-%d", &tm) > 0);
	snprintf(want, sizeof(want), "\"'=HYPERLINK(\"\"x\"\")\",42,100,"
	    "0,0,0,0,0,0,0,0,0,0,0,0,7,3,%s,2\r\n"
	    "Café; et cie,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,0\r\n", date);
	assert_string_equal(line2, want);
	buf_free(&b);

	memset(&b, 0, sizeof(b));
	assert_int_equal(dashboard_csv(&d, NULL, LANG_FR, &b), RT_OK);
	s = buf_str(&b);
	assert_true(starts(s, "\xEF\xBB\xBF" "Organisation;Overall progress "
	    "(%);Starting point;"));
	assert_non_null(line2 = strstr(s, "\r\n"));
	line2 += 2;
	snprintf(want, sizeof(want), "\"'=HYPERLINK(\"\"x\"\")\";42;100;"
	    "0;0;0;0;0;0;0;0;0;0;0;0;7;3;%s;2\r\n"
	    "\"Café; et cie\";0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;;0\r\n", date);
	assert_string_equal(line2, want);
	buf_free(&b);
	dashboard_free(&d);
}

/*
 * Adds n organisations (ids from first) to cohort: every third without a
 * stored standing (half of those with a section saved, as a migrated
 * plan), each with a thread awaiting the trainer and one awaiting the
 * group, and a visit of trainer 1 to every other.
 */
static void
add_orgs(struct fx *f, int cohort, int first, int n)
{
	char	 sql[2048];
	int	 i, id;

	for (i = 0; i < n; i++) {
		id = first + i;
		snprintf(sql, sizeof(sql),
		    "INSERT INTO orgs (id, name, created_at) VALUES "
		    "(%d, 'Groupe %d', 1);"
		    "INSERT INTO cohort_orgs (cohort_id, org_id, joined_at) "
		    "VALUES (%d, %d, 1);"
		    "INSERT INTO comments (org_id, section, by_trainer, body, "
		    "created_at) VALUES (%d, 'mission', 0, 'q', 10), "
		    "(%d, 'tone', 1, 'r', 20);"
		    "INSERT INTO comments (org_id, section, thread_id, "
		    "by_trainer, body, created_at) SELECT %d, 'tone', max(id), "
		    "1, 's', 30 FROM comments;",
		    id, id, cohort, id, id, id, id);
		q_exec(&f->t, sql);
		if (i % 3 != 0) {
			snprintf(sql, sizeof(sql),
			    "INSERT INTO plan_standing VALUES (%d, %d, %d, "
			    "'{\"start\": %d, \"mission\": 100}', %d);",
			    id, i % 100, i % 4, (i * 7) % 100, T0 + i);
			q_exec(&f->t, sql);
		} else if (i % 2 == 0) {
			snprintf(sql, sizeof(sql),
			    "INSERT INTO plan_sections (org_id, section, "
			    "version, data, updated_at) VALUES (%d, 'start', "
			    "1, '{\"fields\": {\"hours\": \"3\"}, "
			    "\"lists\": {}}', %d);", id, T0 + i);
			q_exec(&f->t, sql);
		}
		if (i % 2 == 0) {
			snprintf(sql, sizeof(sql), "INSERT INTO trainer_visits "
			    "VALUES (1, %d, 0, %d);", id, T0 + 10);
			q_exec(&f->t, sql);
		}
	}
}

/*
 * The dashboard of 50 organisations costs as many statements as the one
 * of 5: no statement runs once per row.
 */
static void
test_statements_fixed(void **state)
{
	struct fx		*f = *state;
	struct dashboard	 d;
	unsigned long		 before, small, large;
	size_t			 i;

	add_orgs(f, 1, 100, 5);
	add_orgs(f, 2, 200, 50);
	q_exec(&f->t, "INSERT INTO cohort_trainers VALUES (2, 1, 1)");

	before = db_conn_statements(f->t.h.rd);
	assert_int_equal(dashboard_load(&f->t.h, 1, 1, &d), RT_OK);
	small = db_conn_statements(f->t.h.rd) - before;
	assert_int_equal(d.n, 5);
	/* The migrated plans got a standing computed. */
	assert_true(row_of(&d, 100)->percent[WB_START] > 0);
	dashboard_free(&d);

	before = db_conn_statements(f->t.h.rd);
	assert_int_equal(dashboard_load(&f->t.h, 2, 1, &d), RT_OK);
	large = db_conn_statements(f->t.h.rd) - before;
	assert_int_equal(d.n, 50);
	for (i = 0; i < d.n; i++) {
		assert_int_equal(d.rows[i].awaiting_trainer, 1);
		assert_int_equal(d.rows[i].awaiting_group, 1);
	}
	dashboard_free(&d);

	assert_true(small > 0);
	assert_int_equal(small, large);
	/* BEGIN, the cohort, the rows, the sections without a standing, the end. */
	assert_true(large <= 5);
}

/*
 * The debrief over three real plans and a demonstration left out:
 * groups, platforms most chosen first, hours against hours available,
 * medians, pitfalls per plan, kinds of objectives.
 */
static void
test_debrief(void **state)
{
	static const char *const keys_a[] = { "instagram", "facebook", NULL };
	static const char *const hours_a[] = { "2", "3", NULL };
	static const char *const keys_b[] = { "facebook", NULL };
	static const char *const hours_b[] = { "2", NULL };
	static const char *const keys_d[] = { "tiktok", "x", NULL };
	static const char *const hours_d[] = { "1", "1", NULL };
	static const char *const kinds_a[] = { "fundraise", NULL };
	static const char *const targets_a[] = { "beaucoup", NULL };
	static const char *const kinds_b[] = { "activity", "", NULL };
	static const char *const targets_b[] = { "100 abonnés", "plus", NULL };
	struct fx		*f = *state;
	struct debrief		 db;
	struct wb_plan		 p;
	size_t			 want[PIT__MAX], n, i;
	struct pitfall		 pits[64];
	int			 seen[PIT__MAX], k;
	int64_t			 org;

	q_exec(&f->t,
	    "INSERT INTO orgs (id, name, created_at) VALUES "
	    "(10, 'A', 1), (11, 'B', 1), (12, 'C', 1), (13, 'Démo', 1), "
	    "(20, 'Ailleurs', 1);"
	    "INSERT INTO cohort_orgs (cohort_id, org_id, joined_at, demo) "
	    "VALUES (1, 10, 1, 0), (1, 11, 1, 0), (1, 12, 1, 0), "
	    "(1, 13, 1, 1), (2, 20, 1, 0);");
	/* A: 5 h planned for 4 h available (25 % over at most). */
	save_hours(f, 10, "4", T0);
	save_platforms(f, 10, keys_a, hours_a, T0);
	save_objectives(f, 10, kinds_a, targets_a, T0);
	/* B: 2 h planned for 10 h. */
	save_hours(f, 11, "10", T0);
	save_platforms(f, 11, keys_b, hours_b, T0);
	save_objectives(f, 11, kinds_b, targets_b, T0);
	/* C: never saved.  The demonstration and the other cohort's group
	 * choose other platforms, which must not count. */
	save_platforms(f, 13, keys_d, hours_d, T0);
	save_platforms(f, 20, keys_d, hours_d, T0);
	save_hours(f, 20, "1", T0);

	assert_int_equal(debrief_load(&f->t.h, 1, &db), RT_OK);
	assert_string_equal(db.cohort.name, "Atelier d'automne");
	assert_int_equal(db.groups, 3);
	assert_int_equal(db.demo_orgs, 1);
	assert_int_equal(db.platforms[0].platform, PF_FACEBOOK);
	assert_int_equal(db.platforms[0].groups, 2);
	assert_int_equal(db.platforms[1].platform, PF_INSTAGRAM);
	assert_int_equal(db.platforms[1].groups, 1);
	for (i = 2; i < PF__MAX; i++)
		assert_int_equal(db.platforms[i].groups, 0);
	/* Equal counts keep platform.h's order. */
	assert_int_equal(db.platforms[2].platform, PF_LINKEDIN);
	assert_int_equal(db.hours[DEBRIEF_HOURS_WITHIN], 1);
	assert_int_equal(db.hours[DEBRIEF_HOURS_OVER_25], 1);
	assert_int_equal(db.hours[DEBRIEF_HOURS_OVER_MORE], 0);
	assert_int_equal(db.hours[DEBRIEF_HOURS_UNKNOWN], 1);
	assert_int_equal(db.planned_groups, 2);
	assert_true(db.median_planned > 3.49 && db.median_planned < 3.51);
	assert_int_equal(db.available_groups, 2);
	assert_true(db.median_available > 6.99 && db.median_available < 7.01);
	assert_int_equal(db.objectives, 3);
	assert_int_equal(db.kind_unset, 1);
	for (i = 0; i < WB_OBJECTIVE_KINDS; i++) {
		if (db.kinds[i].kind == OBJ_KIND_FUNDRAISE ||
		    db.kinds[i].kind == OBJ_KIND_ACTIVITY) {
			assert_true(i < 2);
			assert_int_equal(db.kinds[i].objectives, 1);
		} else
			assert_int_equal(db.kinds[i].objectives, 0);
	}
	/* Equal counts keep workbook.h's order: activity before fundraise. */
	assert_int_equal(db.kinds[0].kind, OBJ_KIND_ACTIVITY);
	assert_int_equal(db.kinds[1].kind, OBJ_KIND_FUNDRAISE);

	/* Pitfalls: as many plans as the coach finds each in. */
	memset(want, 0, sizeof(want));
	for (org = 10; org <= 12; org++) {
		assert_int_equal(plan_load_all(&f->t.h, org, &p), RT_OK);
		n = coach_pitfalls(&p, pits, 64);
		assert_true(n <= 64);
		memset(seen, 0, sizeof(seen));
		for (i = 0; i < n; i++)
			seen[pits[i].id] = 1;
		for (k = 0; k < PIT__MAX; k++)
			want[k] += (size_t)seen[k];
		wb_plan_free(&p);
	}
	assert_int_equal(want[PIT_NO_TARGET], 2);
	assert_int_equal(want[PIT_HOURS_OVER], 1);
	for (i = 0; i < PIT__MAX; i++) {
		assert_int_equal(db.pitfalls[i].plans,
		    want[db.pitfalls[i].pitfall]);
		if (i > 0)
			assert_true(db.pitfalls[i - 1].plans >=
			    db.pitfalls[i].plans);
	}
	assert_int_equal(db.pitfalls[0].plans, 2);

	/* An empty cohort, and one that does not exist. */
	q_exec(&f->t, "INSERT INTO cohorts (id, name, join_code, created_at) "
	    "VALUES (3, 'Vide', 'KKKKKKKK', 1)");
	assert_int_equal(debrief_load(&f->t.h, 3, &db), RT_OK);
	assert_int_equal(db.groups, 0);
	assert_int_equal(db.planned_groups, 0);
	assert_true(db.median_planned == 0);
	assert_int_equal(debrief_load(&f->t.h, 99, &db), RT_ENOTFOUND);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rows, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_empty, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_migrated, setup,
		    tdb_teardown),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_order_parse),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_csv_field),
		cmocka_unit_test(test_csv),
		cmocka_unit_test_setup_teardown(test_statements_fixed, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_debrief, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
