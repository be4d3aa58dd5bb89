/*
 * test_cohort.c: unit tests of lib/cohort.c: join codes, cohorts and
 * their settings, their trainers, and organisations joining and leaving.
 * Run from the repository root (it reads schema.sql).  The trainer role is
 * given with SQL on a connection of the test's own, as an administrator's
 * tool would; password hashes are fixed strings no one looks inside.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

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
#include "cohort.h"
#include "sql.h"
#include "tdb.h"

#define T0     1700000000

/* What every test of this file works with. */
struct fx {
	struct tdb  t;
	int64_t     alice;   /* a trainer */
	int64_t     dan;     /* another trainer */
	int64_t     erin;    /* no role */
	int64_t     bob;     /* owner of org1 */
	int64_t     org1;
	int64_t     carol;   /* owner of org2 */
	int64_t     org2;
	int64_t     spare;   /* the organisations the others signed up with */
};

/* Opens a fresh database with three people, two organisations and two trainers. */
static int
setup(void **state)
{
	struct fx	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	tdb_open(&f->t, "cohort");
	if (org_signup(&f->t.h, NULL, "Atelier Alice", "Alice Trudel",
	    "alice@example.org", TDB_HASH, "fr", T0, &f->alice, &f->spare) !=
	    RT_OK ||
	    org_signup(&f->t.h, NULL, "Atelier Dan", "Dan Ouellet", "dan@example.org",
	    TDB_HASH, "fr", T0, &f->dan, &f->spare) != RT_OK ||
	    org_signup(&f->t.h, NULL, "Chez Erin", "Erin Roy", "erin@example.org",
	    TDB_HASH, "fr", T0, &f->erin, &f->spare) != RT_OK ||
	    org_signup(&f->t.h, NULL, "Comité logement", "Bob Gagnon",
	    "bob@example.org", TDB_HASH, "fr", T0, &f->bob,
	    &f->org1) != RT_OK ||
	    org_signup(&f->t.h, NULL, "Cuisine collective", "Carol Lévesque",
	    "carol@example.org", TDB_HASH, "fr", T0, &f->carol,
	    &f->org2) != RT_OK)
		return -1;
	*state = f;
	tdb_role(&f->t, f->alice, "trainer", T0);
	tdb_role(&f->t, f->dan, "trainer", T0);
	return 0;
}

/* Creates a cohort of Alice's named name and returns its id. */
static int64_t
make_cohort(struct fx *f, const char *name, time_t now)
{
	int64_t	 id = 0;

	assert_int_equal(cohort_create(&f->t.h, f->alice, name, "2026-03-14",
	    "2026-03-14", "Salle 2", now, &id), RT_OK);
	assert_true(id > 0);
	return id;
}

/* The access of user to org, through org_access(). */
static int
access_of(struct fx *f, int64_t org, int64_t user)
{
	int	 role = -1;

	assert_int_equal(org_access(&f->t.h, org, user, &role), RT_OK);
	return role;
}

/* Non-zero when every character of code is one of the alphabet's, and it has 8. */
static int
in_alphabet(const char *code)
{
	size_t	 i;

	if (strlen(code) != COHORT_CODE_LEN)
		return 0;
	for (i = 0; code[i] != '\0'; i++)
		if (strchr(COHORT_CODE_ALPHABET, code[i]) == NULL)
			return 0;
	return 1;
}

/* Case, spaces and hyphens do not matter; anything else breaks a code. */
static void
test_code_normalise(void **state)
{
	static const char *const bad[] = {
		"", "ABCD-EFG", "ABCDEFGHJ", "ABC", "ABCD_EFGH", "ABCD.EFGH",
		"ABCD-EFG0", "ABCD-EFGO", "ABCD-EFG1", "ABCD-EFGI",
		"ABCD-EFGL", "ABCD-EFGU", "ABCD-EFGV", "abcd-efgo",
		"ABCD\xc3\x89" "FGH", "ABCD-EFGH-J",
	};
	char	 out[COHORT_CODE_LEN + 1];
	size_t	 i;

	(void)state;
	assert_int_equal(cohort_code_normalise("ABCD-EFGH", out), RT_OK);
	assert_string_equal(out, "ABCDEFGH");
	assert_int_equal(cohort_code_normalise("abcd efgh", out), RT_OK);
	assert_string_equal(out, "ABCDEFGH");
	assert_int_equal(cohort_code_normalise("  x7k2 - m9pq ", out), RT_OK);
	assert_string_equal(out, "X7K2M9PQ");
	assert_int_equal(cohort_code_normalise("a-b-c-d-2-3-4-5", out), RT_OK);
	assert_string_equal(out, "ABCD2345");
	assert_int_equal(cohort_code_normalise("ZzZz\t9999", out), RT_OK);
	assert_string_equal(out, "ZZZZ9999");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(out, 'x', sizeof(out));
		assert_int_equal(cohort_code_normalise(bad[i], out), RT_EINVAL);
		assert_string_equal(out, "");
	}
}

/* A code is shown in two halves, and what is shown reads back. */
static void
test_code_format(void **state)
{
	char	 shown[COHORT_CODE_LEN + 2], back[COHORT_CODE_LEN + 1];

	(void)state;
	cohort_code_format("ABCDEFGH", shown);
	assert_string_equal(shown, "ABCD-EFGH");
	cohort_code_format("X7K2M9PQ", shown);
	assert_string_equal(shown, "X7K2-M9PQ");
	assert_int_equal(cohort_code_normalise(shown, back), RT_OK);
	assert_string_equal(back, "X7K2M9PQ");
}

/*
 * Every code drawn uses only the alphabet, and the draws cover it (a
 * generator stuck on a few characters would fail: 4000 draws of 8 miss
 * one of 29 characters with a probability far below 1e-100).
 */
static void
test_code_new(void **state)
{
	char	 code[COHORT_CODE_LEN + 1], back[COHORT_CODE_LEN + 1];
	int	 seen[256] = { 0 };
	size_t	 i, j, distinct = 0;

	(void)state;
	for (i = 0; i < 4000; i++) {
		cohort_code_new(code);
		assert_true(in_alphabet(code));
		assert_int_equal(cohort_code_normalise(code, back), RT_OK);
		assert_string_equal(back, code);
		for (j = 0; j < COHORT_CODE_LEN; j++)
			seen[(unsigned char)code[j]] = 1;
	}
	for (i = 0; i < 256; i++)
		distinct += (size_t)seen[i];
	assert_int_equal(distinct, strlen(COHORT_CODE_ALPHABET));
}

/* A new cohort is open, has a code of the alphabet, and its maker trains it. */
static void
test_create_load(void **state)
{
	struct fx	*f = *state;
	struct cohort	 c, byc;
	int64_t		 id, id2;
	char		 lower[COHORT_CODE_LEN + 1];
	size_t		 i;
	int		 yes = -1;

	id = make_cohort(f, "Atelier du 14 mars", T0 + 10);
	assert_int_equal(cohort_load(&f->t.h, id, &c), RT_OK);
	assert_int_equal(c.id, id);
	assert_string_equal(c.name, "Atelier du 14 mars");
	assert_string_equal(c.starts_on, "2026-03-14");
	assert_string_equal(c.ends_on, "2026-03-14");
	assert_string_equal(c.notes, "Salle 2");
	assert_int_equal(c.state, COHORT_OPEN);
	assert_int_equal(c.created_at, T0 + 10);
	assert_int_equal(c.orgs, 0);
	assert_true(in_alphabet(c.code));
	assert_int_equal(cohort_trainer_check(&f->t.h, id, f->alice, &yes),
	    RT_OK);
	assert_int_equal(yes, 1);
	assert_int_equal(cohort_trainer_check(&f->t.h, id, f->dan, &yes),
	    RT_OK);
	assert_int_equal(yes, 0);

	assert_int_equal(cohort_load_by_code(&f->t.h, c.code, &byc), RT_OK);
	assert_int_equal(byc.id, id);
	for (i = 0; i <= COHORT_CODE_LEN; i++)
		lower[i] = (char)(c.code[i] >= 'A' && c.code[i] <= 'Z' ?
		    c.code[i] - 'A' + 'a' : c.code[i]);
	if (strcmp(lower, c.code) != 0)
		assert_int_equal(cohort_load_by_code(&f->t.h, lower, &byc),
		    RT_ENOTFOUND);
	assert_int_equal(cohort_load_by_code(&f->t.h, "ABCD", &byc),
	    RT_ENOTFOUND);
	assert_int_equal(cohort_load(&f->t.h, id + 100, &c), RT_ENOTFOUND);

	/* No dates is fine too, and a second cohort gets another code. */
	assert_int_equal(cohort_create(&f->t.h, f->alice, "Série d'automne", "",
	    "", "", T0 + 20, &id2), RT_OK);
	assert_int_equal(cohort_load(&f->t.h, id2, &byc), RT_OK);
	assert_string_equal(byc.starts_on, "");
	assert_string_equal(byc.ends_on, "");
	assert_string_not_equal(byc.code, c.code);
}

/* What breaks a bound is refused and writes nothing. */
static void
test_create_invalid(void **state)
{
	struct fx	*f = *state;
	char		 name[COHORT_NAME_MAX * 2 + 8], notes[COHORT_NOTES_MAX + 2];
	int64_t		 id = 7;
	size_t		 i;

	assert_int_equal(cohort_create(&f->t.h, f->alice, "", "", "", "", T0,
	    &id), RT_EINVAL);
	assert_int_equal(id, 0);
	assert_int_equal(cohort_create(&f->t.h, f->alice, "A", "2026-03-15",
	    "2026-03-14", "", T0, &id), RT_EINVAL);
	assert_int_equal(cohort_create(&f->t.h, f->alice, "A", "14/03/2026", "",
	    "", T0, &id), RT_EINVAL);
	/* 121 characters, of two bytes each: too long; 120 fit. */
	for (i = 0; i < 121; i++)
		memcpy(name + 2 * i, "\xc3\xa9", 2);
	name[2 * 121] = '\0';
	assert_int_equal(cohort_create(&f->t.h, f->alice, name, "", "", "", T0,
	    &id), RT_EINVAL);
	memset(notes, 'n', COHORT_NOTES_MAX + 1);
	notes[COHORT_NOTES_MAX + 1] = '\0';
	assert_int_equal(cohort_create(&f->t.h, f->alice, "A", "", "", notes,
	    T0, &id), RT_EINVAL);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM cohorts"), 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM cohort_trainers"),
	    0);
	name[2 * 120] = '\0';
	notes[COHORT_NOTES_MAX] = '\0';
	assert_int_equal(cohort_create(&f->t.h, f->alice, name, "", "", notes,
	    T0, &id), RT_OK);
}

/* Name, dates and notes change; the state goes through its three values. */
static void
test_update_state(void **state)
{
	struct fx	*f = *state;
	struct cohort	 c;
	int64_t		 id;
	char		 code[COHORT_CODE_LEN + 1];

	id = make_cohort(f, "Atelier", T0);
	assert_int_equal(cohort_load(&f->t.h, id, &c), RT_OK);
	memcpy(code, c.code, sizeof(code));
	assert_int_equal(cohort_update(&f->t.h, id, "Série du printemps",
	    "2026-04-01", "2026-05-27", "Trois rencontres"), RT_OK);
	assert_int_equal(cohort_load(&f->t.h, id, &c), RT_OK);
	assert_string_equal(c.name, "Série du printemps");
	assert_string_equal(c.starts_on, "2026-04-01");
	assert_string_equal(c.ends_on, "2026-05-27");
	assert_string_equal(c.notes, "Trois rencontres");
	assert_string_equal(c.code, code);
	assert_int_equal(cohort_update(&f->t.h, id, "X", "2026-04-02",
	    "2026-04-01", ""), RT_EINVAL);
	assert_int_equal(cohort_update(&f->t.h, id + 100, "X", "", "", ""),
	    RT_ENOTFOUND);
	assert_int_equal(cohort_load(&f->t.h, id, &c), RT_OK);
	assert_string_equal(c.name, "Série du printemps");

	assert_int_equal(cohort_set_state(&f->t.h, id, COHORT_CLOSED), RT_OK);
	assert_int_equal(cohort_load(&f->t.h, id, &c), RT_OK);
	assert_int_equal(c.state, COHORT_CLOSED);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM cohorts "
	    "WHERE state = 'closed'"), 1);
	assert_int_equal(cohort_set_state(&f->t.h, id, COHORT_ARCHIVED), RT_OK);
	assert_int_equal(cohort_load(&f->t.h, id, &c), RT_OK);
	assert_int_equal(c.state, COHORT_ARCHIVED);
	assert_int_equal(cohort_set_state(&f->t.h, id, COHORT_OPEN), RT_OK);
	assert_int_equal(cohort_load(&f->t.h, id, &c), RT_OK);
	assert_int_equal(c.state, COHORT_OPEN);
	assert_int_equal(cohort_set_state(&f->t.h, id, 7), RT_EINVAL);
	assert_int_equal(cohort_set_state(&f->t.h, id + 100, COHORT_CLOSED),
	    RT_ENOTFOUND);
	assert_string_equal(cohort_state_name(COHORT_ARCHIVED), "archived");
}

/*
 * Joining gives the trainers read access; a closed or archived cohort
 * takes no one new; leaving takes the access away at once.
 */
static void
test_join_leave(void **state)
{
	struct fx	*f = *state;
	struct cohort	 c;
	int64_t		 id;

	id = make_cohort(f, "Atelier", T0);
	assert_int_equal(access_of(f, f->org1, f->alice), ORG_ROLE_NONE);
	assert_int_equal(cohort_join(&f->t.h, id, f->org1, f->bob, T0 + 1),
	    RT_OK);
	assert_int_equal(access_of(f, f->org1, f->alice), ORG_ROLE_TRAINER);
	assert_int_equal(access_of(f, f->org2, f->alice), ORG_ROLE_NONE);
	assert_int_equal(access_of(f, f->org1, f->bob), ORG_ROLE_OWNER);
	assert_int_equal(cohort_join(&f->t.h, id, f->org1, f->bob, T0 + 2),
	    RT_EEXISTS);
	assert_int_equal(cohort_load(&f->t.h, id, &c), RT_OK);
	assert_int_equal(c.orgs, 1);

	assert_int_equal(cohort_set_state(&f->t.h, id, COHORT_CLOSED), RT_OK);
	assert_int_equal(cohort_join(&f->t.h, id, f->org2, f->carol, T0 + 3),
	    RT_EEXPIRED);
	assert_int_equal(cohort_join(&f->t.h, id, f->org1, f->bob, T0 + 3),
	    RT_EEXISTS);
	/* A closed cohort's trainers still read the plans already in it. */
	assert_int_equal(access_of(f, f->org1, f->alice), ORG_ROLE_TRAINER);
	assert_int_equal(cohort_set_state(&f->t.h, id, COHORT_ARCHIVED), RT_OK);
	assert_int_equal(cohort_join(&f->t.h, id, f->org2, f->carol, T0 + 4),
	    RT_EEXPIRED);
	assert_int_equal(access_of(f, f->org1, f->alice), ORG_ROLE_TRAINER);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM cohort_orgs"), 1);
	assert_int_equal(cohort_set_state(&f->t.h, id, COHORT_OPEN), RT_OK);
	assert_int_equal(cohort_join(&f->t.h, id, f->org2, f->carol, T0 + 5),
	    RT_OK);
	assert_int_equal(cohort_join(&f->t.h, id + 100, f->org2, f->carol,
	    T0 + 5), RT_ENOTFOUND);

	assert_int_equal(cohort_leave(&f->t.h, id, f->org1), RT_OK);
	assert_int_equal(access_of(f, f->org1, f->alice), ORG_ROLE_NONE);
	assert_int_equal(access_of(f, f->org2, f->alice), ORG_ROLE_TRAINER);
	assert_int_equal(access_of(f, f->org1, f->bob), ORG_ROLE_OWNER);
	assert_int_equal(cohort_leave(&f->t.h, id, f->org1), RT_ENOTFOUND);
	assert_int_equal(cohort_load(&f->t.h, id, &c), RT_OK);
	assert_int_equal(c.orgs, 1);
}

/*
 * Leaving forgets the visits of the cohort's trainers to the plan, except
 * a trainer's whom another cohort still lets read it; other plans' visits
 * stay.
 */
static void
test_leave_visits(void **state)
{
	struct fx	*f = *state;
	int64_t		 a, b, u;
	char		 q[512];

	a = make_cohort(f, "Atelier A", T0);
	b = make_cohort(f, "Atelier B", T0);
	assert_int_equal(cohort_trainer_add(&f->t.h, a, "dan@example.org", T0,
	    &u), RT_OK);
	assert_int_equal(cohort_trainer_remove(&f->t.h, b, f->alice),
	    RT_EDENIED);
	assert_int_equal(cohort_trainer_add(&f->t.h, b, "dan@example.org", T0,
	    &u), RT_OK);
	assert_int_equal(cohort_trainer_remove(&f->t.h, b, f->alice), RT_OK);
	/* a: Alice and Dan; b: Dan.  org1 is in both, org2 in a. */
	assert_int_equal(cohort_join(&f->t.h, a, f->org1, f->bob, T0), RT_OK);
	assert_int_equal(cohort_join(&f->t.h, b, f->org1, f->bob, T0), RT_OK);
	assert_int_equal(cohort_join(&f->t.h, a, f->org2, f->carol, T0), RT_OK);
	snprintf(q, sizeof(q), "INSERT INTO trainer_visits (user_id, org_id, "
	    "since_at, last_seen_at) VALUES (%lld, %lld, 0, %d), "
	    "(%lld, %lld, 0, %d), (%lld, %lld, 0, %d)",
	    (long long)f->alice, (long long)f->org1, T0,
	    (long long)f->dan, (long long)f->org1, T0,
	    (long long)f->alice, (long long)f->org2, T0);
	q_exec(&f->t, q);
	assert_int_equal(cohort_leave(&f->t.h, a, f->org1), RT_OK);
	snprintf(q, sizeof(q), "SELECT count(*) FROM trainer_visits "
	    "WHERE user_id = %lld AND org_id = %lld", (long long)f->alice,
	    (long long)f->org1);
	assert_int_equal(q_int(&f->t, q), 0);
	snprintf(q, sizeof(q), "SELECT count(*) FROM trainer_visits "
	    "WHERE user_id = %lld AND org_id = %lld", (long long)f->dan,
	    (long long)f->org1);
	assert_int_equal(q_int(&f->t, q), 1);
	snprintf(q, sizeof(q), "SELECT count(*) FROM trainer_visits "
	    "WHERE user_id = %lld AND org_id = %lld", (long long)f->alice,
	    (long long)f->org2);
	assert_int_equal(q_int(&f->t, q), 1);
	assert_int_equal(access_of(f, f->org1, f->dan), ORG_ROLE_TRAINER);
	assert_int_equal(access_of(f, f->org1, f->alice), ORG_ROLE_NONE);
}

/* A trainer whose trainer role is taken away reads nothing any more. */
static void
test_role_removed(void **state)
{
	struct fx	*f = *state;
	int64_t		 id;
	char		 q[160];

	id = make_cohort(f, "Atelier", T0);
	assert_int_equal(cohort_join(&f->t.h, id, f->org1, f->bob, T0), RT_OK);
	assert_int_equal(access_of(f, f->org1, f->alice), ORG_ROLE_TRAINER);
	snprintf(q, sizeof(q), "DELETE FROM user_roles WHERE user_id = %lld",
	    (long long)f->alice);
	q_exec(&f->t, q);
	assert_int_equal(access_of(f, f->org1, f->alice), ORG_ROLE_NONE);
	tdb_role(&f->t, f->alice, "trainer", T0);
	assert_int_equal(access_of(f, f->org1, f->alice), ORG_ROLE_TRAINER);
}

/*
 * Co-trainers are added by e-mail when they hold the trainer role, and
 * removed, but never the last one who holds it.
 */
static void
test_trainers(void **state)
{
	struct fx		*f = *state;
	struct cohort_trainer	*v = NULL;
	size_t			 n = 0;
	int64_t			 id, u = 0;
	char			 q[160];
	int			 yes = 0;

	id = make_cohort(f, "Atelier", T0);
	assert_int_equal(cohort_trainer_add(&f->t.h, id, "DAN@Example.org",
	    T0 + 5, &u), RT_OK);
	assert_int_equal(u, f->dan);
	assert_int_equal(cohort_trainer_check(&f->t.h, id, f->dan, &yes),
	    RT_OK);
	assert_int_equal(yes, 1);
	u = 0;
	assert_int_equal(cohort_trainer_add(&f->t.h, id, "dan@example.org",
	    T0 + 6, &u), RT_EEXISTS);
	assert_int_equal(u, f->dan);
	assert_int_equal(cohort_trainer_add(&f->t.h, id, "erin@example.org",
	    T0 + 6, &u), RT_EDENIED);
	assert_int_equal(u, f->erin);
	assert_int_equal(cohort_trainer_add(&f->t.h, id, "nobody@example.org",
	    T0 + 6, &u), RT_ENOTFOUND);
	assert_int_equal(u, 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM cohort_trainers"),
	    2);

	assert_int_equal(cohort_trainers(&f->t.h, id, &v, &n), RT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].name, "Alice Trudel");
	assert_string_equal(v[0].email, "alice@example.org");
	assert_int_equal(v[0].added_at, T0);
	assert_int_equal(v[0].active, 1);
	assert_string_equal(v[1].name, "Dan Ouellet");
	assert_int_equal(v[1].added_at, T0 + 5);
	free(v);

	assert_int_equal(cohort_trainer_remove(&f->t.h, id, f->erin),
	    RT_ENOTFOUND);
	assert_int_equal(cohort_trainer_remove(&f->t.h, id, f->alice), RT_OK);
	assert_int_equal(cohort_trainer_check(&f->t.h, id, f->alice, &yes),
	    RT_OK);
	assert_int_equal(yes, 0);
	assert_int_equal(cohort_trainer_remove(&f->t.h, id, f->dan),
	    RT_EDENIED);
	assert_int_equal(cohort_trainer_check(&f->t.h, id, f->dan, &yes),
	    RT_OK);
	assert_int_equal(yes, 1);

	/* A co-trainer without the role does not count as one who remains. */
	assert_int_equal(cohort_trainer_add(&f->t.h, id, "alice@example.org",
	    T0 + 7, &u), RT_OK);
	snprintf(q, sizeof(q), "DELETE FROM user_roles WHERE user_id = %lld",
	    (long long)f->alice);
	q_exec(&f->t, q);
	assert_int_equal(cohort_trainers(&f->t.h, id, &v, &n), RT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].active, 0);
	assert_int_equal(v[1].active, 1);
	free(v);
	assert_int_equal(cohort_trainer_remove(&f->t.h, id, f->dan),
	    RT_EDENIED);
	assert_int_equal(cohort_trainer_remove(&f->t.h, id, f->alice), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM cohort_trainers"),
	    1);
}

/* A trainer's cohorts come with their numbers of organisations, newest first. */
static void
test_list_for_trainer(void **state)
{
	struct fx	*f = *state;
	struct cohort	*v = NULL;
	size_t		 n = 9;
	int64_t		 a, b, c;

	a = make_cohort(f, "Premier", T0);
	b = make_cohort(f, "Deuxième", T0 + 10);
	c = make_cohort(f, "Troisième", T0 + 20);
	assert_int_equal(cohort_join(&f->t.h, a, f->org1, f->bob, T0), RT_OK);
	assert_int_equal(cohort_join(&f->t.h, a, f->org2, f->carol, T0), RT_OK);
	assert_int_equal(cohort_join(&f->t.h, b, f->org2, f->carol, T0), RT_OK);
	assert_int_equal(cohort_set_state(&f->t.h, c, COHORT_ARCHIVED), RT_OK);

	assert_int_equal(cohort_list_for_trainer(&f->t.h, f->alice, 0, &v, &n),
	    RT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, b);
	assert_string_equal(v[0].name, "Deuxième");
	assert_int_equal(v[0].orgs, 1);
	assert_int_equal(v[1].id, a);
	assert_int_equal(v[1].orgs, 2);
	assert_true(in_alphabet(v[1].code));
	free(v);
	assert_int_equal(cohort_list_for_trainer(&f->t.h, f->alice, 1, &v, &n),
	    RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, c);
	assert_int_equal(v[0].state, COHORT_ARCHIVED);
	assert_int_equal(v[0].orgs, 0);
	free(v);
	assert_int_equal(cohort_list_for_trainer(&f->t.h, f->dan, 0, &v, &n),
	    RT_OK);
	assert_int_equal(n, 0);
	assert_null(v);
}

/* An organisation's cohorts, with the names of the trainers who read it. */
static void
test_list_for_org(void **state)
{
	struct fx		*f = *state;
	struct cohort_of_org	*v = NULL;
	size_t			 n = 9;
	int64_t			 a, b, u;

	a = make_cohort(f, "Atelier A", T0);
	b = make_cohort(f, "Atelier B", T0);
	assert_int_equal(cohort_trainer_add(&f->t.h, b, "dan@example.org", T0,
	    &u), RT_OK);
	assert_int_equal(cohort_join(&f->t.h, a, f->org1, f->bob, T0 + 1),
	    RT_OK);
	assert_int_equal(cohort_join(&f->t.h, b, f->org1, f->bob, T0 + 2),
	    RT_OK);
	assert_int_equal(cohort_set_state(&f->t.h, a, COHORT_CLOSED), RT_OK);
	assert_int_equal(cohort_list_for_org(&f->t.h, f->org1, &v, &n), RT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, b);
	assert_string_equal(v[0].name, "Atelier B");
	assert_string_equal(v[0].trainers, "Alice Trudel, Dan Ouellet");
	assert_int_equal(v[0].joined_at, T0 + 2);
	assert_int_equal(v[1].id, a);
	assert_string_equal(v[1].trainers, "Alice Trudel");
	assert_int_equal(v[1].state, COHORT_CLOSED);
	free(v);
	assert_int_equal(cohort_list_for_org(&f->t.h, f->org2, &v, &n), RT_OK);
	assert_int_equal(n, 0);
	assert_null(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_code_normalise),
		cmocka_unit_test(test_code_format),
		cmocka_unit_test(test_code_new),
		cmocka_unit_test_setup_teardown(test_create_load, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_create_invalid, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_update_state, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_join_leave, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_leave_visits, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_role_removed, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_trainers, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_list_for_trainer, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_list_for_org, setup,
		    tdb_teardown),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
