/*
 * test_plan.c: unit tests of lib/plan.c: the mission and objectives
 * sections, their versions and conflicts, and that a refused save writes
 * nothing.  Run from the repository root (it reads schema.sql).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "auth.h"
#include "org.h"
#include "plan.h"
#include "sql.h"

#define SCHEMA "schema.sql"
#define T0     1700000000
#define HASH   "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"

/* What every test of this file works with. */
struct fx {
	char        dir[64];
	char        path[128];
	struct db  *db;
	struct dbh  h;
	int64_t     alice, org;    /* Alice owns "Le Cercle" */
	int64_t     bob, borg;     /* Bob owns "Chez Bob" */
};

/* Opens a fresh database with two organisations of one owner each. */
static int
setup(void **state)
{
	struct fx	*f;
	char		 err[256];

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/reseauter-plan-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/test.db", f->dir);
	if (db_open(&f->db, f->path, SCHEMA, err, sizeof(err)) != RT_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	f->h.db = f->db;
	if (db_reader_open(f->db, &f->h.rd) != RT_OK)
		return -1;
	if (org_signup(&f->h, "Le Cercle", "Alice", "alice@example.org", HASH,
	    "fr", T0, &f->alice, &f->org) != RT_OK ||
	    org_signup(&f->h, "Chez Bob", "Bob", "bob@example.org", HASH,
	    "en", T0, &f->bob, &f->borg) != RT_OK)
		return -1;
	*state = f;
	return 0;
}

/* Closes and removes everything setup() made. */
static int
teardown(void **state)
{
	struct fx	*f = *state;
	char		 p[160];

	db_conn_close(f->h.rd);
	db_close(f->db);
	unlink(f->path);
	snprintf(p, sizeof(p), "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", f->path);
	unlink(p);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* A mission whose strings point at the given literals (not to be freed). */
static struct plan_mission
mission(const char *a, const char *b, const char *c)
{
	struct plan_mission	 m;

	memset(&m, 0, sizeof(m));
	m.mission = (char *)a;
	m.means = (char *)b;
	m.strategy = (char *)c;
	return m;
}

/* Fills item i of o with literals (not to be freed) and makes n at least i + 1. */
static void
objective(struct plan_objectives *o, size_t i, const char *text, int kind,
    const char *due)
{
	o->items[i].text = (char *)text;
	o->items[i].kind = kind;
	o->items[i].serves = (char *)"serves";
	o->items[i].indicator = (char *)"indicator";
	o->items[i].target = (char *)"target";
	snprintf(o->items[i].due, sizeof(o->items[i].due), "%s", due);
	if (o->n < i + 1)
		o->n = i + 1;
}

/* A plan never saved loads as empty strings at version 0. */
static void
test_mission_empty(void **state)
{
	struct fx		*f = *state;
	struct plan_mission	 m;

	assert_int_equal(plan_mission_load(&f->h, f->org, &m), RT_OK);
	assert_string_equal(m.mission, "");
	assert_string_equal(m.means, "");
	assert_string_equal(m.strategy, "");
	assert_int_equal(m.stamp.version, 0);
	assert_int_equal(m.stamp.updated_at, 0);
	assert_string_equal(m.stamp.updated_by, "");
	plan_mission_free(&m);
	assert_null(m.mission);
	plan_mission_free(&m);
}

/* A save is loaded back with its text, its new version and who saved it. */
static void
test_mission_save_load(void **state)
{
	struct fx		*f = *state;
	struct plan_mission	 in, m;

	in = mission("Briser l'isolement des aînés", "des visites à domicile",
	    "faire connaître nos bénévoles");
	assert_int_equal(plan_mission_save(&f->h, f->org, f->alice, &in, 0,
	    T0 + 10), RT_OK);
	assert_int_equal(plan_mission_load(&f->h, f->org, &m), RT_OK);
	assert_string_equal(m.mission, "Briser l'isolement des aînés");
	assert_string_equal(m.means, "des visites à domicile");
	assert_string_equal(m.strategy, "faire connaître nos bénévoles");
	assert_int_equal(m.stamp.version, 1);
	assert_int_equal(m.stamp.updated_at, T0 + 10);
	assert_string_equal(m.stamp.updated_by, "Alice");
	plan_mission_free(&m);

	in = mission("Nouvelle mission", NULL, "");
	assert_int_equal(plan_mission_save(&f->h, f->org, f->bob, &in, 1,
	    T0 + 20), RT_OK);
	assert_int_equal(plan_mission_load(&f->h, f->org, &m), RT_OK);
	assert_string_equal(m.mission, "Nouvelle mission");
	assert_string_equal(m.means, "");
	assert_int_equal(m.stamp.version, 2);
	assert_string_equal(m.stamp.updated_by, "Bob");
	plan_mission_free(&m);

	/* The other organisation's plan is untouched. */
	assert_int_equal(plan_mission_load(&f->h, f->borg, &m), RT_OK);
	assert_string_equal(m.mission, "");
	assert_int_equal(m.stamp.version, 0);
	plan_mission_free(&m);
}

/* A save based on an old version is refused and writes nothing. */
static void
test_mission_conflict(void **state)
{
	struct fx		*f = *state;
	struct plan_mission	 in, m;

	in = mission("première", "a", "b");
	assert_int_equal(plan_mission_save(&f->h, f->org, f->alice, &in, 0,
	    T0), RT_OK);
	in = mission("seconde", "c", "d");
	assert_int_equal(plan_mission_save(&f->h, f->org, f->bob, &in, 0,
	    T0 + 5), RT_ECONFLICT);
	assert_int_equal(plan_mission_save(&f->h, f->org, f->bob, &in, 2,
	    T0 + 5), RT_ECONFLICT);
	assert_int_equal(plan_mission_load(&f->h, f->org, &m), RT_OK);
	assert_string_equal(m.mission, "première");
	assert_string_equal(m.means, "a");
	assert_int_equal(m.stamp.version, 1);
	assert_int_equal(m.stamp.updated_at, T0);
	assert_string_equal(m.stamp.updated_by, "Alice");
	plan_mission_free(&m);
}

/* A mission for an organisation that does not exist is refused by its foreign key. */
static void
test_mission_unknown_org(void **state)
{
	struct fx		*f = *state;
	struct plan_mission	 in;

	in = mission("x", "y", "z");
	assert_int_equal(plan_mission_save(&f->h, 4242, f->alice, &in, 0, T0),
	    RT_EDB);
}

/* Objectives never saved: none, version 0. */
static void
test_objectives_empty(void **state)
{
	struct fx		*f = *state;
	struct plan_objectives	 o;

	assert_int_equal(plan_objectives_load(&f->h, f->org, &o), RT_OK);
	assert_int_equal(o.n, 0);
	assert_int_equal(o.stamp.version, 0);
	assert_int_equal(o.items[0].kind, -1);
	plan_objectives_free(&o);
}

/* Three objectives come back in order; a save of fewer replaces them all. */
static void
test_objectives_save_replace(void **state)
{
	struct fx		*f = *state;
	struct plan_objectives	 in, o;

	memset(&in, 0, sizeof(in));
	objective(&in, 0, "Faire connaître nos ateliers", OBJ_KIND_ACTIVITY,
	    "2025-06-30");
	objective(&in, 1, "Recruter 10 bénévoles", OBJ_KIND_VOLUNTEERS, "");
	objective(&in, 2, "Tester une infolettre", -1, "2024-02-29");
	assert_int_equal(plan_objectives_save(&f->h, f->org, f->alice, &in, 0,
	    T0), RT_OK);
	assert_int_equal(plan_objectives_load(&f->h, f->org, &o), RT_OK);
	assert_int_equal(o.n, 3);
	assert_int_equal(o.stamp.version, 1);
	assert_string_equal(o.items[0].text, "Faire connaître nos ateliers");
	assert_int_equal(o.items[0].kind, OBJ_KIND_ACTIVITY);
	assert_string_equal(o.items[0].due, "2025-06-30");
	assert_string_equal(o.items[0].serves, "serves");
	assert_string_equal(o.items[0].indicator, "indicator");
	assert_string_equal(o.items[0].target, "target");
	assert_string_equal(o.items[1].text, "Recruter 10 bénévoles");
	assert_int_equal(o.items[1].kind, OBJ_KIND_VOLUNTEERS);
	assert_string_equal(o.items[1].due, "");
	assert_int_equal(o.items[2].kind, -1);
	assert_string_equal(o.items[2].due, "2024-02-29");
	plan_objectives_free(&o);

	memset(&in, 0, sizeof(in));
	objective(&in, 0, "Un seul objectif", OBJ_KIND_FUNDRAISE, "");
	assert_int_equal(plan_objectives_save(&f->h, f->org, f->bob, &in, 1,
	    T0 + 30), RT_OK);
	assert_int_equal(plan_objectives_load(&f->h, f->org, &o), RT_OK);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.stamp.version, 2);
	assert_string_equal(o.stamp.updated_by, "Bob");
	assert_string_equal(o.items[0].text, "Un seul objectif");
	assert_int_equal(o.items[0].kind, OBJ_KIND_FUNDRAISE);
	assert_null(o.items[1].text);
	plan_objectives_free(&o);

	/* None at all is a valid save too. */
	memset(&in, 0, sizeof(in));
	assert_int_equal(plan_objectives_save(&f->h, f->org, f->bob, &in, 2,
	    T0 + 40), RT_OK);
	assert_int_equal(plan_objectives_load(&f->h, f->org, &o), RT_OK);
	assert_int_equal(o.n, 0);
	assert_int_equal(o.stamp.version, 3);
	plan_objectives_free(&o);
}

/* Sections have their own versions: saving one does not move the other. */
static void
test_sections_independent(void **state)
{
	struct fx		*f = *state;
	struct plan_mission	 in, m;
	struct plan_objectives	 oi, o;

	in = mission("m", "n", "s");
	assert_int_equal(plan_mission_save(&f->h, f->org, f->alice, &in, 0,
	    T0), RT_OK);
	memset(&oi, 0, sizeof(oi));
	objective(&oi, 0, "o", OBJ_KIND_EVENTS, "");
	assert_int_equal(plan_objectives_save(&f->h, f->org, f->alice, &oi, 0,
	    T0), RT_OK);
	assert_int_equal(plan_mission_save(&f->h, f->org, f->alice, &in, 1,
	    T0), RT_OK);
	assert_int_equal(plan_mission_load(&f->h, f->org, &m), RT_OK);
	assert_int_equal(plan_objectives_load(&f->h, f->org, &o), RT_OK);
	assert_int_equal(m.stamp.version, 2);
	assert_int_equal(o.stamp.version, 1);
	plan_mission_free(&m);
	plan_objectives_free(&o);
}

/* A conflicting save of objectives leaves the old ones, all of them. */
static void
test_objectives_conflict(void **state)
{
	struct fx		*f = *state;
	struct plan_objectives	 in, o;

	memset(&in, 0, sizeof(in));
	objective(&in, 0, "un", OBJ_KIND_IMPACT, "");
	objective(&in, 1, "deux", OBJ_KIND_SELL, "");
	objective(&in, 2, "trois", OBJ_KIND_WEBSITE, "");
	assert_int_equal(plan_objectives_save(&f->h, f->org, f->alice, &in, 0,
	    T0), RT_OK);
	memset(&in, 0, sizeof(in));
	objective(&in, 0, "remplacé", OBJ_KIND_MOBILISE, "");
	assert_int_equal(plan_objectives_save(&f->h, f->org, f->bob, &in, 0,
	    T0 + 1), RT_ECONFLICT);
	assert_int_equal(plan_objectives_load(&f->h, f->org, &o), RT_OK);
	assert_int_equal(o.n, 3);
	assert_int_equal(o.stamp.version, 1);
	assert_string_equal(o.items[0].text, "un");
	assert_string_equal(o.items[2].text, "trois");
	plan_objectives_free(&o);
}

/*
 * A save that fails in its middle (the second objective's date is not a
 * day of the calendar) writes nothing: neither the deletion of the old
 * objectives, nor the first new one, nor a new version.
 */
static void
test_objectives_failure_atomic(void **state)
{
	struct fx		*f = *state;
	struct plan_objectives	 in, o;

	memset(&in, 0, sizeof(in));
	objective(&in, 0, "ancien", OBJ_KIND_EVALUATE, "");
	objective(&in, 1, "ancien 2", OBJ_KIND_DOCUMENT, "");
	assert_int_equal(plan_objectives_save(&f->h, f->org, f->alice, &in, 0,
	    T0), RT_OK);
	memset(&in, 0, sizeof(in));
	objective(&in, 0, "nouveau", OBJ_KIND_NETWORKS, "2025-01-01");
	objective(&in, 1, "invalide", OBJ_KIND_NETWORKS, "2023-02-29");
	assert_int_equal(plan_objectives_save(&f->h, f->org, f->alice, &in, 1,
	    T0 + 1), RT_EDB);
	assert_int_equal(plan_objectives_load(&f->h, f->org, &o), RT_OK);
	assert_int_equal(o.n, 2);
	assert_int_equal(o.stamp.version, 1);
	assert_string_equal(o.items[0].text, "ancien");
	assert_string_equal(o.items[1].text, "ancien 2");
	plan_objectives_free(&o);
	/* And the writer is free again. */
	objective(&in, 1, "valide", OBJ_KIND_NETWORKS, "2024-02-29");
	assert_int_equal(plan_objectives_save(&f->h, f->org, f->alice, &in, 1,
	    T0 + 2), RT_OK);
}

/* The kinds' keys are all there, distinct, and end with NULL; every kind has a label. */
static void
test_kind_tables(void **state)
{
	int	 i, j;

	(void)state;
	for (i = 0; i < OBJ_KIND__MAX; i++) {
		assert_non_null(plan_objective_kind_keys[i]);
		assert_non_null(plan_objective_kind_msgids[i]);
		for (j = 0; j < i; j++)
			assert_string_not_equal(plan_objective_kind_keys[i],
			    plan_objective_kind_keys[j]);
	}
	assert_null(plan_objective_kind_keys[OBJ_KIND__MAX]);
	assert_string_equal(plan_objective_kind_keys[OBJ_KIND_ACTIVITY],
	    "activity");
	assert_string_equal(plan_objective_kind_keys[OBJ_KIND_VOLUNTEERS],
	    "volunteers");
}

/* One of the editors of the concurrency test. */
struct editor {
	struct fx *f;
	int        id;
	int        saved;
	int        conflicts;
	int        errors;
};

/*
 * Loads then saves the mission 50 times through its own reader, the way
 * a person's browser would, counting successes and conflicts.  Counts
 * errors instead of failing (cmocka asserts only in the main thread).
 */
static void *
editor_run(void *arg)
{
	struct editor		*e = arg;
	struct dbh		 h;
	struct plan_mission	 m, in;
	char			 text[32];
	int			 i, rc;

	h.db = e->f->db;
	if (db_reader_open(h.db, &h.rd) != RT_OK) {
		e->errors++;
		return NULL;
	}
	for (i = 0; i < 50; i++) {
		if (plan_mission_load(&h, e->f->org, &m) != RT_OK) {
			e->errors++;
			continue;
		}
		snprintf(text, sizeof(text), "editor %d round %d", e->id, i);
		in = mission(text, m.means, m.strategy);
		rc = plan_mission_save(&h, e->f->org, e->f->alice, &in,
		    m.stamp.version, T0 + i);
		plan_mission_free(&m);
		if (rc == RT_OK)
			e->saved++;
		else if (rc == RT_ECONFLICT)
			e->conflicts++;
		else
			e->errors++;
	}
	db_conn_close(h.rd);
	return NULL;
}

/* Four editors at once: every successful save is one version, none is lost. */
static void
test_concurrent_saves(void **state)
{
	struct fx		*f = *state;
	struct editor		 e[4];
	struct plan_mission	 m;
	pthread_t		 th[4];
	int			 i, saved = 0;

	for (i = 0; i < 4; i++) {
		memset(&e[i], 0, sizeof(e[i]));
		e[i].f = f;
		e[i].id = i;
		assert_int_equal(pthread_create(&th[i], NULL, editor_run,
		    &e[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_int_equal(e[i].errors, 0);
		assert_int_equal(e[i].saved + e[i].conflicts, 50);
		saved += e[i].saved;
	}
	assert_int_equal(plan_mission_load(&f->h, f->org, &m), RT_OK);
	assert_int_equal(m.stamp.version, saved);
	plan_mission_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_mission_empty, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_mission_save_load, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_mission_conflict, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_mission_unknown_org, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_objectives_empty, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_objectives_save_replace,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_sections_independent,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_objectives_conflict, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_objectives_failure_atomic,
		    setup, teardown),
		cmocka_unit_test(test_kind_tables),
		cmocka_unit_test_setup_teardown(test_concurrent_saves, setup,
		    teardown),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
