/*
 * test_org.c: unit tests of lib/org.c: sign-up, roles, member lists and
 * invitations.  Run from the repository root (it reads schema.sql).  The
 * password hashes stored here are fixed strings: org.c never looks inside
 * them, and argon2 would only slow the tests down.
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
#include "sql.h"
#include "tdb.h"

#define T0     1700000000
#define TTL    (7 * 24 * 3600L)

/* What every test of this file works with. */
struct fx {
	struct tdb  t;
	int64_t     alice;   /* owner of org */
	int64_t     org;     /* "Le Cercle" */
};

/* Opens a fresh database where Alice has signed up with "Le Cercle". */
static int
setup(void **state)
{
	struct fx	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	tdb_open(&f->t, "org");
	if (org_signup(&f->t.h, NULL, "Le Cercle", "Alice", "alice@example.org",
	    TDB_HASH, "fr", T0, &f->alice, &f->org) != RT_OK)
		return -1;
	*state = f;
	return 0;
}

/* Returns the role of user in org, failing the test on an error. */
static int
role_of(struct fx *f, int64_t org, int64_t user)
{
	int	 role = -1;

	assert_int_equal(org_member_role(&f->t.h, org, user, &role), RT_OK);
	return role;
}

/* Sign-up makes a user, an organisation and an ownership, all at once. */
static void
test_signup(void **state)
{
	struct fx	*f = *state;
	struct org_ref	*refs;
	char		 name[AUTH_NAME_MAX];
	size_t		 n;

	assert_true(f->alice > 0 && f->org > 0);
	assert_int_equal(role_of(f, f->org, f->alice), ORG_ROLE_OWNER);
	assert_int_equal(org_name(&f->t.h, f->org, name), RT_OK);
	assert_string_equal(name, "Le Cercle");
	assert_int_equal(org_list_for_user(&f->t.h, f->alice, &refs, &n),
	    RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(refs[0].id, f->org);
	assert_string_equal(refs[0].name, "Le Cercle");
	assert_int_equal(refs[0].role, ORG_ROLE_OWNER);
	free(refs);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM users WHERE "
	    "lang = 'fr' AND created_at = 1700000000"), 1);
}

/* An e-mail already taken, in any case, creates nothing at all. */
static void
test_signup_duplicate(void **state)
{
	struct fx	*f = *state;
	int64_t		 uid = -1, oid = -1;

	assert_int_equal(org_signup(&f->t.h, NULL, "Autre", "Alice Bis",
	    "ALICE@Example.org", TDB_HASH, "en", T0, &uid, &oid), RT_EEXISTS);
	assert_int_equal(uid, 0);
	assert_int_equal(oid, 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM users"), 1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM orgs"), 1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM memberships"), 1);
}

/* A value the schema refuses (an empty name) leaves no half-made account behind. */
static void
test_signup_atomic(void **state)
{
	struct fx	*f = *state;
	int64_t		 uid, oid;

	assert_int_equal(org_signup(&f->t.h, NULL, "", "Bob", "bob@example.org",
	    TDB_HASH, "fr", T0, &uid, &oid), RT_EDB);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM users"), 1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM orgs"), 1);
}

/*
 * The record of a sign-up for its throttling is written with the account
 * or not at all: a failed account leaves no record, and a record the
 * schema refuses (an address of 65 characters) leaves no account.
 */
static void
test_signup_from_atomic(void **state)
{
	struct fx	*f = *state;
	char		 addr[66];
	int64_t		 uid, oid;

	assert_int_equal(org_signup(&f->t.h, "192.0.2.1", "", "Bob",
	    "bob@example.org", TDB_HASH, "fr", T0, &uid, &oid), RT_EDB);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM signups"), 0);
	memset(addr, 'a', sizeof(addr) - 1);
	addr[sizeof(addr) - 1] = '\0';
	assert_int_equal(org_signup(&f->t.h, addr, "Chez Bob", "Bob",
	    "bob@example.org", TDB_HASH, "fr", T0, &uid, &oid), RT_EDB);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM users"), 1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM orgs"), 1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM signups"), 0);
	assert_int_equal(org_signup(&f->t.h, "192.0.2.1", "Chez Bob",
	    "Bob", "bob@example.org", TDB_HASH, "fr", T0, &uid, &oid), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM signups "
	    "WHERE addr = '192.0.2.1'"), 1);
}

/* org_email_used() finds an account's e-mail in any case, and only that. */
static void
test_email_used(void **state)
{
	struct fx	*f = *state;

	assert_int_equal(org_email_used(&f->t.h, "alice@example.org"), RT_OK);
	assert_int_equal(org_email_used(&f->t.h, "ALICE@Example.ORG"), RT_OK);
	assert_int_equal(org_email_used(&f->t.h, "bob@example.org"),
	    RT_ENOTFOUND);
	assert_int_equal(org_email_used(&f->t.h, ""), RT_ENOTFOUND);
}

/* Strangers and unknown organisations have no role, without error. */
static void
test_roles_none(void **state)
{
	struct fx	*f = *state;
	int64_t		 bob, borg;

	assert_int_equal(org_signup(&f->t.h, NULL, "Chez Bob", "Bob",
	    "bob@example.org", TDB_HASH, "en", T0, &bob, &borg), RT_OK);
	assert_int_equal(role_of(f, f->org, bob), ORG_ROLE_NONE);
	assert_int_equal(role_of(f, borg, f->alice), ORG_ROLE_NONE);
	assert_int_equal(role_of(f, 9999, f->alice), ORG_ROLE_NONE);
	assert_int_equal(role_of(f, borg, bob), ORG_ROLE_OWNER);
}

/* An unknown organisation has no name. */
static void
test_org_name_missing(void **state)
{
	struct fx	*f = *state;
	char		 name[AUTH_NAME_MAX] = "x";

	assert_int_equal(org_name(&f->t.h, 9999, name), RT_ENOTFOUND);
	assert_string_equal(name, "");
}

/* Makes an invitation to org by Alice at T0 and returns its token in tok. */
static void
invite(struct fx *f, int64_t org, char tok[AUTH_TOKEN_LEN + 1])
{
	assert_int_equal(org_invite_create(&f->t.h, org, f->alice, T0, TTL,
	    tok), RT_OK);
	assert_int_equal(strlen(tok), AUTH_TOKEN_LEN);
}

/* Members are listed owners first, then by name; organisations by name. */
static void
test_members_and_lists(void **state)
{
	struct fx		*f = *state;
	struct org_member	*m;
	struct org_ref		*refs;
	char			 tok[AUTH_TOKEN_LEN + 1];
	int64_t			 zoe, al, oid, borg, bob;
	size_t			 n;

	invite(f, f->org, tok);
	assert_int_equal(org_invite_accept_new(&f->t.h, tok, "Zoé",
	    "zoe@example.org", TDB_HASH, "fr", T0 + 1, &zoe, &oid), RT_OK);
	invite(f, f->org, tok);
	assert_int_equal(org_invite_accept_new(&f->t.h, tok, "Albert",
	    "albert@example.org", TDB_HASH, "", T0 + 2, &al, &oid), RT_OK);
	assert_int_equal(org_members(&f->t.h, f->org, &m, &n), RT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(m[0].user_id, f->alice);
	assert_int_equal(m[0].role, ORG_ROLE_OWNER);
	assert_string_equal(m[0].email, "alice@example.org");
	assert_string_equal(m[1].name, "Albert");
	assert_int_equal(m[1].role, ORG_ROLE_MEMBER);
	assert_int_equal(m[1].joined, T0 + 2);
	assert_string_equal(m[2].name, "Zoé");
	assert_int_equal(m[2].user_id, zoe);
	free(m);

	/* Zoé joins a second organisation, which sorts before the first. */
	assert_int_equal(org_signup(&f->t.h, NULL, "Atelier Bob", "Bob",
	    "bob@example.org", TDB_HASH, "en", T0, &bob, &borg), RT_OK);
	assert_int_equal(org_invite_create(&f->t.h, borg, bob, T0, TTL, tok),
	    RT_OK);
	assert_int_equal(org_invite_accept_existing(&f->t.h, tok, zoe, T0 + 3,
	    &oid), RT_OK);
	assert_int_equal(oid, borg);
	assert_int_equal(org_list_for_user(&f->t.h, zoe, &refs, &n), RT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(refs[0].name, "Atelier Bob");
	assert_int_equal(refs[0].role, ORG_ROLE_MEMBER);
	assert_string_equal(refs[1].name, "Le Cercle");
	free(refs);

	/* Nobody: an empty list is NULL and 0. */
	refs = (struct org_ref *)1;
	assert_int_equal(org_list_for_user(&f->t.h, 9999, &refs, &n), RT_OK);
	assert_null(refs);
	assert_int_equal(n, 0);
	m = (struct org_member *)1;
	assert_int_equal(org_members(&f->t.h, 9999, &m, &n), RT_OK);
	assert_null(m);
	assert_int_equal(n, 0);
}

/* An invitation is found by its token, which is stored only as a hash. */
static void
test_invite_create_lookup(void **state)
{
	struct fx		*f = *state;
	struct org_invite	 inv;
	unsigned char		 th[DB_TOKEN_HASH_LEN];
	sqlite3_stmt		*st;
	char			 tok[AUTH_TOKEN_LEN + 1];

	invite(f, f->org, tok);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0 + 10, &inv), RT_OK);
	assert_int_equal(inv.org_id, f->org);
	assert_string_equal(inv.org_name, "Le Cercle");
	assert_string_equal(inv.inviter_name, "Alice");
	assert_int_equal(inv.created, T0);
	assert_int_equal(inv.expires, T0 + TTL);

	db_token_hash(tok, th);
	assert_int_equal(sqlite3_prepare_v2(db_conn_handle(f->t.h.rd),
	    "SELECT token_hash FROM invitations", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_bytes(st, 0), DB_TOKEN_HASH_LEN);
	assert_memory_equal(sqlite3_column_blob(st, 0), th, sizeof(th));
	sqlite3_finalize(st);

	auth_token_new(tok);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0, &inv),
	    RT_ENOTFOUND);
	assert_int_equal(org_invite_lookup(&f->t.h, "", T0, &inv),
	    RT_ENOTFOUND);
	assert_int_equal(org_invite_lookup(&f->t.h, "nope", T0, &inv),
	    RT_ENOTFOUND);
}

/* An invitation works until the second before it expires. */
static void
test_invite_expired(void **state)
{
	struct fx		*f = *state;
	struct org_invite	 inv;
	char			 tok[AUTH_TOKEN_LEN + 1];
	int64_t			 uid, oid;

	invite(f, f->org, tok);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0 + TTL - 1, &inv),
	    RT_OK);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0 + TTL, &inv),
	    RT_EEXPIRED);
	assert_int_equal(inv.org_id, 0);
	assert_int_equal(org_invite_accept_new(&f->t.h, tok, "Late",
	    "late@example.org", TDB_HASH, "fr", T0 + TTL, &uid, &oid),
	    RT_EEXPIRED);
	assert_int_equal(org_invite_accept_existing(&f->t.h, tok, f->alice,
	    T0 + TTL + 5, &oid), RT_EEXPIRED);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM users"), 1);
}

/* A new account through an invitation joins as a member and uses it up. */
static void
test_invite_accept_new(void **state)
{
	struct fx		*f = *state;
	struct org_invite	 inv;
	char			 tok[AUTH_TOKEN_LEN + 1];
	int64_t			 uid = 0, oid = 0, uid2 = -1, oid2 = -1;

	invite(f, f->org, tok);
	assert_int_equal(org_invite_accept_new(&f->t.h, tok, "Béa",
	    "bea@example.org", TDB_HASH, "fr", T0 + 60, &uid, &oid), RT_OK);
	assert_true(uid > 0);
	assert_int_equal(oid, f->org);
	assert_int_equal(role_of(f, f->org, uid), ORG_ROLE_MEMBER);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0 + 61, &inv),
	    RT_EEXPIRED);
	assert_int_equal(q_int(&f->t, "SELECT used_at FROM invitations"),
	    T0 + 60);
	assert_int_equal(q_int(&f->t, "SELECT used_by FROM invitations"), uid);
	/* Used once: a second person cannot use it. */
	assert_int_equal(org_invite_accept_new(&f->t.h, tok, "Carl",
	    "carl@example.org", TDB_HASH, "fr", T0 + 62, &uid2, &oid2),
	    RT_EEXPIRED);
	assert_int_equal(uid2, 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM users"), 2);
}

/* A taken e-mail refuses the new account and leaves the invitation usable. */
static void
test_invite_accept_new_email_taken(void **state)
{
	struct fx		*f = *state;
	struct org_invite	 inv;
	char			 tok[AUTH_TOKEN_LEN + 1];
	int64_t			 uid, oid;

	invite(f, f->org, tok);
	assert_int_equal(org_invite_accept_new(&f->t.h, tok, "Alice 2",
	    "Alice@EXAMPLE.org", TDB_HASH, "fr", T0 + 1, &uid, &oid),
	    RT_EEXISTS);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0 + 2, &inv), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM users"), 1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM memberships"), 1);
}

/* An existing account joins; an owner following a link keeps ownership. */
static void
test_invite_accept_existing(void **state)
{
	struct fx		*f = *state;
	struct org_invite	 inv;
	char			 tok[AUTH_TOKEN_LEN + 1];
	int64_t			 bob, borg, oid = 0;

	assert_int_equal(org_signup(&f->t.h, NULL, "Chez Bob", "Bob",
	    "bob@example.org", TDB_HASH, "en", T0, &bob, &borg), RT_OK);
	invite(f, f->org, tok);
	assert_int_equal(org_invite_accept_existing(&f->t.h, tok, bob, T0 + 5,
	    &oid), RT_OK);
	assert_int_equal(oid, f->org);
	assert_int_equal(role_of(f, f->org, bob), ORG_ROLE_MEMBER);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0 + 6, &inv),
	    RT_EEXPIRED);
	assert_int_equal(org_invite_accept_existing(&f->t.h, tok, bob, T0 + 7,
	    &oid), RT_EEXPIRED);
	assert_int_equal(oid, 0);

	/* Alice, owner, uses a link to her own organisation. */
	invite(f, f->org, tok);
	assert_int_equal(org_invite_accept_existing(&f->t.h, tok, f->alice,
	    T0 + 8, &oid), RT_OK);
	assert_int_equal(oid, f->org);
	assert_int_equal(role_of(f, f->org, f->alice), ORG_ROLE_OWNER);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0 + 9, &inv),
	    RT_EEXPIRED);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM memberships "
	    "WHERE org_id = (SELECT id FROM orgs WHERE name = 'Le Cercle')"), 2);
}

/* A revoked invitation is gone; only its own organisation may revoke it, once. */
static void
test_invite_revoke(void **state)
{
	struct fx		*f = *state;
	struct org_invite	 inv;
	char			 tok[AUTH_TOKEN_LEN + 1];
	int64_t			 bob, borg, uid, oid, id;

	assert_int_equal(org_signup(&f->t.h, NULL, "Chez Bob", "Bob",
	    "bob@example.org", TDB_HASH, "en", T0, &bob, &borg), RT_OK);
	invite(f, f->org, tok);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0, &inv), RT_OK);
	id = inv.id;
	assert_int_equal(org_invite_revoke(&f->t.h, borg, id), RT_ENOTFOUND);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0, &inv), RT_OK);
	assert_int_equal(org_invite_revoke(&f->t.h, f->org, id), RT_OK);
	assert_int_equal(org_invite_lookup(&f->t.h, tok, T0, &inv),
	    RT_ENOTFOUND);
	assert_int_equal(org_invite_revoke(&f->t.h, f->org, id), RT_ENOTFOUND);
	assert_int_equal(org_invite_accept_new(&f->t.h, tok, "Carl",
	    "carl@example.org", TDB_HASH, "fr", T0, &uid, &oid), RT_ENOTFOUND);
	assert_int_equal(org_invite_accept_existing(&f->t.h, tok, bob, T0,
	    &oid), RT_ENOTFOUND);
	assert_int_equal(role_of(f, f->org, bob), ORG_ROLE_NONE);
	assert_int_equal(org_invite_revoke(&f->t.h, f->org, 4242),
	    RT_ENOTFOUND);
}

/* Pending lists only the unused, unrevoked, unexpired invitations of that org. */
static void
test_invites_pending(void **state)
{
	struct fx		*f = *state;
	struct org_invite	*v, inv;
	char			 a[AUTH_TOKEN_LEN + 1], b[AUTH_TOKEN_LEN + 1];
	char			 c[AUTH_TOKEN_LEN + 1], d[AUTH_TOKEN_LEN + 1];
	int64_t			 bob, borg, uid, oid;
	size_t			 n;

	assert_int_equal(org_signup(&f->t.h, NULL, "Chez Bob", "Bob",
	    "bob@example.org", TDB_HASH, "en", T0, &bob, &borg), RT_OK);
	invite(f, f->org, a);                  /* stays pending */
	invite(f, f->org, b);                  /* revoked */
	invite(f, f->org, c);                  /* used */
	assert_int_equal(org_invite_create(&f->t.h, f->org, f->alice, T0 + 100,
	    60, d), RT_OK);                     /* expires at T0 + 160 */
	assert_int_equal(org_invite_create(&f->t.h, borg, bob, T0, TTL, b),
	    RT_OK);                             /* another org: b reused */
	assert_int_equal(org_invite_lookup(&f->t.h, a, T0, &inv), RT_OK);
	assert_int_equal(org_invites_pending(&f->t.h, f->org, T0 + 200, &v, &n),
	    RT_OK);
	assert_int_equal(n, 3);
	free(v);
	/* Revoke the second of f->org (ids are in creation order). */
	assert_int_equal(org_invite_revoke(&f->t.h, f->org, inv.id + 1), RT_OK);
	assert_int_equal(org_invite_accept_new(&f->t.h, c, "Carl",
	    "carl@example.org", TDB_HASH, "fr", T0 + 1, &uid, &oid), RT_OK);
	assert_int_equal(org_invites_pending(&f->t.h, f->org, T0 + 120, &v, &n),
	    RT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, inv.id);
	assert_string_equal(v[0].inviter_name, "Alice");
	assert_int_equal(v[1].expires, T0 + 160);
	free(v);
	assert_int_equal(org_invites_pending(&f->t.h, f->org, T0 + 160, &v, &n),
	    RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, inv.id);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_signup, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_signup_duplicate, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_signup_atomic, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_signup_from_atomic, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_email_used, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_roles_none, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_org_name_missing, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_members_and_lists, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_invite_create_lookup,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_invite_expired, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_invite_accept_new, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_invite_accept_new_email_taken, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_invite_accept_existing,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_invite_revoke, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_invites_pending, setup,
		    tdb_teardown),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
