/*
 * test_share.c: unit tests of lib/share.c: making, listing, revoking and
 * opening share links.  Run from the repository root (it reads
 * schema.sql).  The password hashes stored here are fixed strings:
 * share.c and org.c never look inside them.
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
#include "share.h"
#include "sql.h"
#include "tdb.h"

#define T0     1700000000

/* What every test of this file works with. */
struct fx {
	struct tdb  t;
	int64_t     alice;   /* owner of org */
	int64_t     org;     /* "Le Cercle" */
	int64_t     bob;     /* owner of org2 */
	int64_t     org2;    /* "Chez Bob" */
};

/* Opens a fresh database with two organisations, each with its owner. */
static int
setup(void **state)
{
	struct fx	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	tdb_open(&f->t, "share");
	if (org_signup(&f->t.h, NULL, "Le Cercle", "Alice", "alice@example.org",
	    TDB_HASH, "fr", T0, &f->alice, &f->org) != RT_OK ||
	    org_signup(&f->t.h, NULL, "Chez Bob", "Bob", "bob@example.org", TDB_HASH,
	    "en", T0, &f->bob, &f->org2) != RT_OK)
		return -1;
	*state = f;
	return 0;
}

/* Returns the stored last access of link id (0 when never, -1 when no such link). */
static long long
last_access(struct fx *f, int64_t id)
{
	char	 q[128];

	snprintf(q, sizeof(q), "SELECT coalesce(last_access_at, 0) FROM "
	    "share_links WHERE id = %lld", (long long)id);
	return q_int(&f->t, q);
}

/* Makes a link of f->org by Alice and returns its id (the newest row). */
static int64_t
make_link(struct fx *f, const char *label, time_t expires, time_t now,
    char token[AUTH_TOKEN_LEN + 1])
{
	assert_int_equal(share_create(&f->t.h, f->org, f->alice, label, expires,
	    now, token), RT_OK);
	return q_int(&f->t, "SELECT max(id) FROM share_links");
}

/* A new link opens its organisation; only the hash of its token is stored. */
static void
test_create_resolve(void **state)
{
	struct fx	*f = *state;
	char		 tok[AUTH_TOKEN_LEN + 1], tok2[AUTH_TOKEN_LEN + 1];
	int64_t		 org = -1;
	size_t		 i;

	make_link(f, "Pour le CA", 0, T0, tok);
	assert_int_equal(strlen(tok), AUTH_TOKEN_LEN);
	for (i = 0; i < AUTH_TOKEN_LEN; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
		    "opqrstuvwxyz0123456789-_", tok[i]));
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 1, &org), RT_OK);
	assert_int_equal(org, f->org);

	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM share_links WHERE "
	    "length(token_hash) = 32 AND typeof(token_hash) = 'blob' AND "
	    "label = 'Pour le CA' AND created_at = 1700000000 AND "
	    "expires_at IS NULL AND revoked_at IS NULL"), 1);
	/* The token itself is nowhere in the row. */
	{
		char	 q[256];

		snprintf(q, sizeof(q), "SELECT count(*) FROM share_links WHERE "
		    "instr(CAST(token_hash AS TEXT), '%.20s') > 0 OR "
		    "instr(label, '%.20s') > 0", tok, tok);
		assert_int_equal(q_int(&f->t, q), 0);
	}

	/* Two links, two tokens. */
	make_link(f, NULL, 0, T0, tok2);
	assert_string_not_equal(tok, tok2);
	assert_int_equal(share_resolve(&f->t.h, tok2, T0, &org), RT_OK);
	assert_int_equal(org, f->org);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM share_links WHERE "
	    "label = ''"), 1);
}

/* A token that never existed, or is malformed, is not found. */
static void
test_resolve_unknown(void **state)
{
	struct fx	*f = *state;
	char		 tok[AUTH_TOKEN_LEN + 1], other[AUTH_TOKEN_LEN + 1];
	int64_t		 org = -1;

	make_link(f, "", 0, T0, tok);
	auth_token_new(other);
	assert_int_equal(share_resolve(&f->t.h, other, T0, &org), RT_ENOTFOUND);
	assert_int_equal(org, 0);
	assert_int_equal(share_resolve(&f->t.h, "", T0, &org), RT_ENOTFOUND);
	assert_int_equal(share_resolve(&f->t.h, "short", T0, &org),
	    RT_ENOTFOUND);
	/* A prefix of a live token, and the token with one more character. */
	memcpy(other, tok, AUTH_TOKEN_LEN);
	other[AUTH_TOKEN_LEN - 1] = '\0';
	assert_int_equal(share_resolve(&f->t.h, other, T0, &org), RT_ENOTFOUND);
	{
		char	 longer[AUTH_TOKEN_LEN + 2];

		snprintf(longer, sizeof(longer), "%sA", tok);
		assert_int_equal(share_resolve(&f->t.h, longer, T0, &org),
		    RT_ENOTFOUND);
	}
	/* The same token with one character changed. */
	memcpy(other, tok, AUTH_TOKEN_LEN + 1);
	other[10] = other[10] == 'A' ? 'B' : 'A';
	assert_int_equal(share_resolve(&f->t.h, other, T0, &org), RT_ENOTFOUND);
	assert_int_equal(share_resolve(&f->t.h, tok, T0, &org), RT_OK);
}

/* A link works until the second before its expiry, then never again. */
static void
test_expiry(void **state)
{
	struct fx	*f = *state;
	char		 tok[AUTH_TOKEN_LEN + 1];
	int64_t		 org = -1, id;

	id = make_link(f, "", T0 + 100, T0, tok);
	assert_int_equal(q_int(&f->t, "SELECT expires_at FROM share_links"),
	    T0 + 100);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 99, &org), RT_OK);
	assert_int_equal(org, f->org);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 100, &org),
	    RT_EEXPIRED);
	assert_int_equal(org, 0);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 1000000, &org),
	    RT_EEXPIRED);
	/* An expired link is not touched. */
	assert_int_equal(last_access(f, id), T0 + 99);
}

/* What share_create() refuses writes nothing. */
static void
test_create_invalid(void **state)
{
	struct fx	*f = *state;
	char		 tok[AUTH_TOKEN_LEN + 1], label[512];
	size_t		 i;

	/* 100 characters of two bytes each: accepted. */
	for (i = 0; i < SHARE_LABEL_MAX; i++)
		memcpy(label + 2 * i, "é", 2);
	label[2 * SHARE_LABEL_MAX] = '\0';
	assert_int_equal(share_create(&f->t.h, f->org, f->alice, label, 0, T0,
	    tok), RT_OK);
	/* 101 characters: refused. */
	snprintf(label + 2 * SHARE_LABEL_MAX, 3, "x");
	memset(tok, 'x', sizeof(tok) - 1);
	assert_int_equal(share_create(&f->t.h, f->org, f->alice, label, 0, T0,
	    tok), RT_EINVAL);
	assert_string_equal(tok, "");
	/* An expiry not after now: refused. */
	assert_int_equal(share_create(&f->t.h, f->org, f->alice, "", T0, T0,
	    tok), RT_EINVAL);
	assert_int_equal(share_create(&f->t.h, f->org, f->alice, "", T0 - 1, T0,
	    tok), RT_EINVAL);
	assert_string_equal(tok, "");
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM share_links"), 1);
	/* The schema holds the same line for whoever writes by hand. */
	assert_int_equal(q_int(&f->t, "SELECT length(label) FROM share_links"),
	    SHARE_LABEL_MAX);
}

/* The last access is written at the first view, then at most once a minute. */
static void
test_last_access(void **state)
{
	struct fx	*f = *state;
	char		 tok[AUTH_TOKEN_LEN + 1];
	int64_t		 org, id;

	id = make_link(f, "", 0, T0, tok);
	assert_int_equal(last_access(f, id), 0);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 10, &org), RT_OK);
	assert_int_equal(last_access(f, id), T0 + 10);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 69, &org), RT_OK);
	assert_int_equal(last_access(f, id), T0 + 10);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 70, &org), RT_OK);
	assert_int_equal(last_access(f, id), T0 + 70);
	/* A clock gone back never moves it back. */
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 20, &org), RT_OK);
	assert_int_equal(last_access(f, id), T0 + 70);
	/* A revoked link is not touched. */
	assert_int_equal(share_revoke(&f->t.h, f->org, id, T0 + 200), RT_OK);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 300, &org),
	    RT_EEXPIRED);
	assert_int_equal(last_access(f, id), T0 + 70);
}

/* Revoking is for good, only within the organisation, and only once. */
static void
test_revoke(void **state)
{
	struct fx	*f = *state;
	char		 tok[AUTH_TOKEN_LEN + 1];
	int64_t		 org, id;

	id = make_link(f, "", 0, T0, tok);
	/* Bob, owner of another organisation, cannot revoke it. */
	assert_int_equal(share_revoke(&f->t.h, f->org2, id, T0 + 1),
	    RT_ENOTFOUND);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 2, &org), RT_OK);
	assert_int_equal(share_revoke(&f->t.h, f->org, id + 1000, T0 + 1),
	    RT_ENOTFOUND);
	assert_int_equal(share_revoke(&f->t.h, f->org, id, T0 + 3), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT revoked_at FROM share_links"),
	    T0 + 3);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 4, &org),
	    RT_EEXPIRED);
	assert_int_equal(org, 0);
	assert_int_equal(share_revoke(&f->t.h, f->org, id, T0 + 5),
	    RT_ENOTFOUND);
	assert_int_equal(q_int(&f->t, "SELECT revoked_at FROM share_links"),
	    T0 + 3);
}

/* The list holds the working links of one organisation, newest first. */
static void
test_list(void **state)
{
	struct fx		*f = *state;
	struct share_link	*v = NULL;
	char			 tok[AUTH_TOKEN_LEN + 1];
	int64_t			 org, a, b, c, d;
	size_t			 n = 99;

	assert_int_equal(share_list(&f->t.h, f->org, T0, &v, &n), RT_OK);
	assert_null(v);
	assert_int_equal(n, 0);

	a = make_link(f, "Conseil d'administration", 0, T0, tok);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 50, &org), RT_OK);
	b = make_link(f, "Bailleur", T0 + 1000, T0 + 1, tok);
	c = make_link(f, "Retiré", 0, T0 + 2, tok);
	d = make_link(f, "Court", T0 + 10, T0 + 3, tok);
	assert_int_equal(share_revoke(&f->t.h, f->org, c, T0 + 4), RT_OK);
	assert_int_equal(share_create(&f->t.h, f->org2, f->bob, "Bob's", 0,
	    T0 + 5, tok), RT_OK);

	assert_int_equal(share_list(&f->t.h, f->org, T0 + 9, &v, &n), RT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].id, d);
	assert_int_equal(v[1].id, b);
	assert_string_equal(v[1].label, "Bailleur");
	assert_string_equal(v[1].creator, "Alice");
	assert_int_equal(v[1].created, T0 + 1);
	assert_int_equal(v[1].expires, T0 + 1000);
	assert_int_equal(v[1].last_access, 0);
	assert_int_equal(v[2].id, a);
	assert_string_equal(v[2].label, "Conseil d'administration");
	assert_int_equal(v[2].expires, 0);
	assert_int_equal(v[2].last_access, T0 + 50);
	free(v);

	/* At its expiry, d leaves the list. */
	assert_int_equal(share_list(&f->t.h, f->org, T0 + 10, &v, &n), RT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, b);
	free(v);

	/* Bob's organisation sees only its own. */
	assert_int_equal(share_list(&f->t.h, f->org2, T0 + 10, &v, &n), RT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].label, "Bob's");
	assert_string_equal(v[0].creator, "Bob");
	free(v);
}

/*
 * A link outlives the account of whoever made it (its creator is then
 * forgotten), and goes away with its organisation.
 */
static void
test_deletions(void **state)
{
	struct fx		*f = *state;
	struct share_link	*v = NULL;
	char			 tok[AUTH_TOKEN_LEN + 1], q[128];
	int64_t			 org;
	size_t			 n;

	assert_int_equal(share_create(&f->t.h, f->org2, f->bob, "", 0, T0, tok),
	    RT_OK);
	snprintf(q, sizeof(q), "DELETE FROM users WHERE id = %lld",
	    (long long)f->bob);
	q_exec(&f->t, q);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 1, &org), RT_OK);
	assert_int_equal(org, f->org2);
	assert_int_equal(share_list(&f->t.h, f->org2, T0 + 1, &v, &n), RT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].creator, "");
	free(v);

	snprintf(q, sizeof(q), "DELETE FROM orgs WHERE id = %lld",
	    (long long)f->org2);
	q_exec(&f->t, q);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM share_links"), 0);
	assert_int_equal(share_resolve(&f->t.h, tok, T0 + 2, &org),
	    RT_ENOTFOUND);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_resolve, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_resolve_unknown, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_expiry, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_create_invalid, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_last_access, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_revoke, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_deletions, setup,
		    tdb_teardown),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
