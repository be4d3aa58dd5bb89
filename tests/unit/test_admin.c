/*
 * test_admin.c: unit tests of lib/admin.c (roles, accounts, lists,
 * password reset links) and of db_backup() in lib/db.c.  Run from the
 * repository root (it reads schema.sql).  The password hashes stored
 * here are fixed strings: admin.c never looks inside them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "config.h"
#include "db.h"
#include "auth.h"
#include "org.h"
#include "admin.h"
#include "sql.h"
#include "tdb.h"

#define T0     1700000000
#define HASH2  "$argon2id$v=19$m=65536,t=2,p=1$bm91dmVhdQ$bm91dmVhdWhhc2g"

/* What every test of this file works with. */
struct fx {
	struct tdb     t;
	struct config  cfg;
	struct auth   *auth;
	int64_t        alice;   /* owner of org */
	int64_t        org;     /* "Le Cercle" */
	int64_t        bob;     /* owner of org2 */
	int64_t        org2;    /* "Chez Bob" */
};

/* Opens a fresh database with two organisations, each with its owner. */
static int
setup(void **state)
{
	struct fx	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	f->cfg.hash_slots = 1;
	f->cfg.session_idle = 7200;
	f->cfg.session_max = 43200;
	f->cfg.login_max_per_account = 5;
	f->cfg.login_max_per_addr = 20;
	tdb_open(&f->t, "admin");
	if (auth_new(&f->auth, &f->cfg) != RT_OK)
		return -1;
	if (org_signup(&f->t.h, NULL, "Le Cercle", "Alice", "alice@example.org",
	    TDB_HASH, "fr", T0, &f->alice, &f->org) != RT_OK ||
	    org_signup(&f->t.h, NULL, "Chez Bob", "Bob", "bob@example.org", TDB_HASH,
	    "en", T0, &f->bob, &f->org2) != RT_OK)
		return -1;
	*state = f;
	return 0;
}

/* Closes and removes everything setup() made, whatever a test left in its directory. */
static int
teardown(void **state)
{
	struct fx	*f = *state;

	auth_free(f->auth);
	return tdb_teardown(state);
}

/* Copies the first text of a test query into out ("" when no row or NULL). */
static void
q_text(struct fx *f, const char *sql, char *out, size_t outlen)
{
	sqlite3_stmt		*st;
	const unsigned char	*v;

	out[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(db_conn_handle(f->t.h.rd), sql, -1,
	    &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (v = sqlite3_column_text(st, 0)) != NULL)
		snprintf(out, outlen, "%s", (const char *)v);
	sqlite3_finalize(st);
}

/* Returns the roles (enum auth_role bits) of user, as admin_user_get() reads them. */
static int
roles_of(struct fx *f, int64_t user)
{
	struct admin_user	 u;

	assert_int_equal(admin_user_get(&f->t.h, user, &u), RT_OK);
	return u.roles;
}

/* Granting and removing the trainer role, by a person or by the tool. */
static void
test_roles(void **state)
{
	struct fx	*f = *state;
	struct session	 s;
	char		 tok[AUTH_TOKEN_LEN + 1], q[160];

	assert_int_equal(roles_of(f, f->alice), 0);
	assert_int_equal(admin_role_grant(&f->t.h, f->alice, AUTH_ROLE_TRAINER,
	    0, T0 + 1), RT_OK);
	assert_int_equal(roles_of(f, f->alice), AUTH_ROLE_TRAINER);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM user_roles WHERE "
	    "role = 'trainer' AND granted_by IS NULL AND granted_at = "
	    "1700000001"), 1);
	/* Granting again changes nothing, not even who granted it. */
	assert_int_equal(admin_role_grant(&f->t.h, f->alice, AUTH_ROLE_TRAINER,
	    f->bob, T0 + 2), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM user_roles WHERE "
	    "granted_by IS NULL AND granted_at = 1700000001"), 1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM user_roles"), 1);

	/* A person who grants is remembered; both roles at once. */
	assert_int_equal(admin_role_grant(&f->t.h, f->bob, AUTH_ROLE_ADMIN, 0,
	    T0), RT_OK);
	assert_int_equal(admin_role_grant(&f->t.h, f->bob, AUTH_ROLE_TRAINER,
	    f->bob, T0 + 3), RT_OK);
	assert_int_equal(roles_of(f, f->bob),
	    AUTH_ROLE_ADMIN | AUTH_ROLE_TRAINER);
	snprintf(q, sizeof(q), "SELECT granted_by FROM user_roles WHERE "
	    "user_id = %lld AND role = 'trainer'", (long long)f->bob);
	assert_int_equal(q_int(&f->t, q), f->bob);

	/* The session sees the roles: a member of an organisation and a trainer. */
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->alice, T0 + 5,
	    tok), RT_OK);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0 + 6, &s),
	    RT_OK);
	assert_int_equal(s.roles, AUTH_ROLE_TRAINER);

	assert_int_equal(admin_role_revoke(&f->t.h, f->alice,
	    AUTH_ROLE_TRAINER), RT_OK);
	assert_int_equal(roles_of(f, f->alice), 0);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0 + 7, &s),
	    RT_OK);
	assert_int_equal(s.roles, 0);
	/* Removing a role not held changes nothing. */
	assert_int_equal(admin_role_revoke(&f->t.h, f->alice,
	    AUTH_ROLE_TRAINER), RT_OK);
	assert_int_equal(admin_role_revoke(&f->t.h, f->alice, AUTH_ROLE_ADMIN),
	    RT_OK);
	assert_int_equal(roles_of(f, f->bob),
	    AUTH_ROLE_ADMIN | AUTH_ROLE_TRAINER);

	/* An account that does not exist. */
	assert_int_equal(admin_role_grant(&f->t.h, 999, AUTH_ROLE_TRAINER, 0,
	    T0), RT_ENOTFOUND);
	assert_int_equal(admin_role_revoke(&f->t.h, 999, AUTH_ROLE_TRAINER),
	    RT_ENOTFOUND);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM user_roles"), 2);
}

/* The last administrator keeps the role; with two, either may go. */
static void
test_last_admin(void **state)
{
	struct fx	*f = *state;

	assert_int_equal(admin_role_grant(&f->t.h, f->alice, AUTH_ROLE_ADMIN, 0,
	    T0), RT_OK);
	assert_int_equal(admin_role_revoke(&f->t.h, f->alice, AUTH_ROLE_ADMIN),
	    RT_EDENIED);
	assert_int_equal(roles_of(f, f->alice), AUTH_ROLE_ADMIN);
	/* The trainer role of the last administrator is no administrator's. */
	assert_int_equal(admin_role_grant(&f->t.h, f->alice, AUTH_ROLE_TRAINER,
	    0, T0), RT_OK);
	assert_int_equal(admin_role_revoke(&f->t.h, f->alice,
	    AUTH_ROLE_TRAINER), RT_OK);

	assert_int_equal(admin_role_grant(&f->t.h, f->bob, AUTH_ROLE_ADMIN,
	    f->alice, T0 + 1), RT_OK);
	assert_int_equal(admin_role_revoke(&f->t.h, f->alice, AUTH_ROLE_ADMIN),
	    RT_OK);
	assert_int_equal(roles_of(f, f->alice), 0);
	assert_int_equal(admin_role_revoke(&f->t.h, f->bob, AUTH_ROLE_ADMIN),
	    RT_EDENIED);
	assert_int_equal(roles_of(f, f->bob), AUTH_ROLE_ADMIN);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM user_roles WHERE "
	    "role = 'admin'"), 1);
}

/* Accounts made by the tool, found by e-mail in any case. */
static void
test_create_find(void **state)
{
	struct fx		*f = *state;
	struct admin_user	 u;
	int64_t			 id = 0, id2 = 0;

	assert_int_equal(admin_user_create(&f->t.h, "root@example.org",
	    "Renée Admin", TDB_HASH, AUTH_ROLE_ADMIN, 0, T0 + 9, &id), RT_OK);
	assert_true(id > 0);
	assert_int_equal(admin_user_find(&f->t.h, "ROOT@Example.org", &u),
	    RT_OK);
	assert_int_equal(u.id, id);
	assert_string_equal(u.name, "Renée Admin");
	assert_string_equal(u.email, "root@example.org");
	assert_int_equal(u.created, T0 + 9);
	assert_int_equal(u.roles, AUTH_ROLE_ADMIN);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM memberships m JOIN "
	    "users u ON u.id = m.user_id WHERE u.email = 'root@example.org'"),
	    0);

	/* The same e-mail in another case: refused, nothing written. */
	assert_int_equal(admin_user_create(&f->t.h, "Root@example.org", "Autre",
	    TDB_HASH, AUTH_ROLE_ADMIN | AUTH_ROLE_TRAINER, 0, T0, &id2),
	    RT_EEXISTS);
	assert_int_equal(id2, 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM users"), 3);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM user_roles"), 1);

	assert_int_equal(admin_user_create(&f->t.h, "t@example.org", "T",
	    TDB_HASH, AUTH_ROLE_TRAINER, f->alice, T0, &id2), RT_OK);
	assert_int_equal(roles_of(f, id2), AUTH_ROLE_TRAINER);

	assert_int_equal(admin_user_find(&f->t.h, "nobody@example.org", &u),
	    RT_ENOTFOUND);
	assert_int_equal(u.id, 0);
	assert_int_equal(admin_user_get(&f->t.h, 999, &u), RT_ENOTFOUND);
	assert_int_equal(admin_user_get(&f->t.h, f->alice, &u), RT_OK);
	assert_string_equal(u.name, "Alice");
}

/* The lists: counts, roles and last activity, by name. */
static void
test_lists(void **state)
{
	struct fx		*f = *state;
	struct admin_user	*u = NULL;
	struct admin_org	*o = NULL;
	size_t			 n = 0;
	char			 tok[AUTH_TOKEN_LEN + 1], q[400];
	const int64_t		 in[] = { f->org2, 0 };
	int64_t			 carol, org3;

	assert_int_equal(org_signup(&f->t.h, NULL, "Atelier", "carol",
	    "c@example.org", TDB_HASH, "", T0 + 50, &carol, &org3), RT_OK);
	assert_int_equal(admin_role_grant(&f->t.h, f->bob, AUTH_ROLE_TRAINER, 0,
	    T0), RT_OK);
	tdb_member(&f->t, f->org2, f->alice, "member", 1);
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->alice,
	    T0 + 100, tok), RT_OK);
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->alice,
	    T0 + 300, tok), RT_OK);
	tdb_cohort(&f->t, 1, "A", "ABCDEFGH", "open", 0, in, 1);
	tdb_cohort(&f->t, 2, "B", "BCDEFGHJ", "open", 0, in, 1);
	snprintf(q, sizeof(q), "INSERT INTO plan_standing (org_id, overall, "
	    "pitfalls, percents, updated_at) VALUES (%lld, 10, 0, '{}', %d)",
	    (long long)f->org2, T0 + 77);
	q_exec(&f->t, q);

	assert_int_equal(admin_users(&f->t.h, &u, &n), RT_OK);
	assert_int_equal(n, 3);
	/* By name whatever its case: Alice, Bob, carol. */
	assert_string_equal(u[0].name, "Alice");
	assert_string_equal(u[0].email, "alice@example.org");
	assert_int_equal(u[0].orgs, 2);
	assert_int_equal(u[0].roles, 0);
	assert_int_equal(u[0].last_seen, T0 + 300);
	assert_int_equal(u[0].created, T0);
	assert_string_equal(u[1].name, "Bob");
	assert_int_equal(u[1].roles, AUTH_ROLE_TRAINER);
	assert_int_equal(u[1].orgs, 1);
	assert_int_equal(u[1].last_seen, 0);
	assert_string_equal(u[2].name, "carol");
	assert_int_equal(u[2].id, carol);
	free(u);

	assert_int_equal(admin_orgs(&f->t.h, &o, &n), RT_OK);
	assert_int_equal(n, 3);
	assert_string_equal(o[0].name, "Atelier");
	assert_int_equal(o[0].members, 1);
	assert_int_equal(o[0].cohorts, 0);
	assert_int_equal(o[0].last_plan, 0);
	assert_int_equal(o[0].created, T0 + 50);
	assert_string_equal(o[1].name, "Chez Bob");
	assert_int_equal(o[1].id, f->org2);
	assert_int_equal(o[1].members, 2);
	assert_int_equal(o[1].cohorts, 2);
	assert_int_equal(o[1].last_plan, T0 + 77);
	assert_string_equal(o[2].name, "Le Cercle");
	free(o);
}

/* An empty instance lists nothing, without allocating. */
static void
test_lists_empty(void **state)
{
	struct fx		*f = *state;
	struct admin_user	*u = (struct admin_user *)f;
	struct admin_org	*o = (struct admin_org *)f;
	size_t			 n = 9;

	q_exec(&f->t, "DELETE FROM orgs; DELETE FROM users");
	assert_int_equal(admin_users(&f->t.h, &u, &n), RT_OK);
	assert_null(u);
	assert_int_equal(n, 0);
	n = 9;
	assert_int_equal(admin_orgs(&f->t.h, &o, &n), RT_OK);
	assert_null(o);
	assert_int_equal(n, 0);
}

/* Reads the password hash of user into out. */
static void
pwhash_of(struct fx *f, int64_t user, char *out, size_t outlen)
{
	char	 q[96];

	snprintf(q, sizeof(q), "SELECT pwhash FROM users WHERE id = %lld",
	    (long long)user);
	q_text(f, q, out, outlen);
}

/*
 * A reset link from its making to its use: it names its account, works
 * once, sets the password, ends every session of that account and no
 * other, and forgets the account's failed logins.
 */
static void
test_reset_lifecycle(void **state)
{
	struct fx		*f = *state;
	struct admin_reset	 rs;
	struct session		 s;
	char			 tok[AUTH_TOKEN_LEN + 1];
	char			 sa1[AUTH_TOKEN_LEN + 1], sa2[AUTH_TOKEN_LEN + 1];
	char			 sb[AUTH_TOKEN_LEN + 1], hash[AUTH_HASH_MAX];
	char			 q[200];
	int64_t			 uid = 0;

	assert_int_equal(admin_reset_create(&f->t.h, f->alice, f->bob, T0 + 10,
	    tok), RT_OK);
	assert_int_equal(strlen(tok), AUTH_TOKEN_LEN);
	snprintf(q, sizeof(q), "SELECT count(*) FROM password_resets WHERE "
	    "user_id = %lld AND created_by = %lld AND expires_at = %ld AND "
	    "used_at IS NULL AND instr(token_hash, '%s') = 0",
	    (long long)f->alice, (long long)f->bob, (long)(T0 + 10 +
	    ADMIN_RESET_TTL), tok);
	assert_int_equal(q_int(&f->t, q), 1);

	assert_int_equal(admin_reset_lookup(&f->t.h, tok, T0 + 20, &rs), RT_OK);
	assert_int_equal(rs.user_id, f->alice);
	assert_string_equal(rs.name, "Alice");
	assert_string_equal(rs.email, "alice@example.org");
	assert_int_equal(rs.expires, T0 + 10 + ADMIN_RESET_TTL);

	/* Two sessions of Alice, one of Bob; failed logins of Alice. */
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->alice, T0 + 11,
	    sa1), RT_OK);
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->alice, T0 + 12,
	    sa2), RT_OK);
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->bob, T0 + 13,
	    sb), RT_OK);
	q_exec(&f->t, "INSERT INTO login_failures (email, addr, at) VALUES "
	    "('Alice@example.org', '10.0.0.1', 1700000015), "
	    "('bob@example.org', '10.0.0.1', 1700000015)");

	assert_int_equal(admin_reset_use(&f->t.h, tok, HASH2, T0 + 30, &uid),
	    RT_OK);
	assert_int_equal(uid, f->alice);
	pwhash_of(f, f->alice, hash, sizeof(hash));
	assert_string_equal(hash, HASH2);
	pwhash_of(f, f->bob, hash, sizeof(hash));
	assert_string_equal(hash, TDB_HASH);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, sa1, T0 + 31, &s),
	    RT_ENOTFOUND);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, sa2, T0 + 31, &s),
	    RT_ENOTFOUND);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, sb, T0 + 31, &s),
	    RT_OK);
	assert_int_equal(s.user_id, f->bob);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures"),
	    1);
	assert_int_equal(q_int(&f->t, "SELECT used_at FROM password_resets"),
	    T0 + 30);

	/* Used: never again, and nothing changes. */
	assert_int_equal(admin_reset_lookup(&f->t.h, tok, T0 + 40, &rs),
	    RT_EEXPIRED);
	assert_int_equal(rs.user_id, 0);
	uid = 5;
	assert_int_equal(admin_reset_use(&f->t.h, tok, TDB_HASH, T0 + 40, &uid),
	    RT_EEXPIRED);
	assert_int_equal(uid, 0);
	pwhash_of(f, f->alice, hash, sizeof(hash));
	assert_string_equal(hash, HASH2);
	assert_int_equal(q_int(&f->t, "SELECT used_at FROM password_resets"),
	    T0 + 30);
}

/* A link works until the second before its expiry, and not after. */
static void
test_reset_expiry(void **state)
{
	struct fx		*f = *state;
	struct admin_reset	 rs;
	char			 tok[AUTH_TOKEN_LEN + 1], hash[AUTH_HASH_MAX];
	char			 sa[AUTH_TOKEN_LEN + 1];
	struct session		 s;
	int64_t			 uid;
	time_t			 end = T0 + ADMIN_RESET_TTL;

	assert_int_equal(admin_reset_create(&f->t.h, f->bob, 0, T0, tok),
	    RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM password_resets "
	    "WHERE created_by IS NULL"), 1);
	assert_int_equal(admin_reset_lookup(&f->t.h, tok, end - 1, &rs), RT_OK);
	assert_int_equal(admin_reset_lookup(&f->t.h, tok, end, &rs),
	    RT_EEXPIRED);
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->bob, end - 100,
	    sa), RT_OK);
	assert_int_equal(admin_reset_use(&f->t.h, tok, HASH2, end, &uid),
	    RT_EEXPIRED);
	pwhash_of(f, f->bob, hash, sizeof(hash));
	assert_string_equal(hash, TDB_HASH);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, sa, end, &s),
	    RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM password_resets "
	    "WHERE used_at IS NULL"), 1);
}

/* Unknown and malformed tokens, unknown accounts, and a newer link. */
static void
test_reset_unknown_and_replaced(void **state)
{
	struct fx		*f = *state;
	struct admin_reset	 rs;
	char			 t1[AUTH_TOKEN_LEN + 1], t2[AUTH_TOKEN_LEN + 1];
	char			 other[AUTH_TOKEN_LEN + 1];
	int64_t			 uid;

	auth_token_new(other);
	assert_int_equal(admin_reset_lookup(&f->t.h, other, T0, &rs),
	    RT_ENOTFOUND);
	assert_int_equal(admin_reset_lookup(&f->t.h, "short", T0, &rs),
	    RT_ENOTFOUND);
	assert_int_equal(admin_reset_use(&f->t.h, other, HASH2, T0, &uid),
	    RT_ENOTFOUND);

	assert_int_equal(admin_reset_create(&f->t.h, 999, 0, T0, t1),
	    RT_ENOTFOUND);
	assert_string_equal(t1, "");
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM password_resets"),
	    0);

	/* A second link for the same person replaces the first. */
	assert_int_equal(admin_reset_create(&f->t.h, f->alice, 0, T0, t1),
	    RT_OK);
	assert_int_equal(admin_reset_create(&f->t.h, f->bob, 0, T0, other),
	    RT_OK);
	assert_int_equal(admin_reset_create(&f->t.h, f->alice, 0, T0 + 5, t2),
	    RT_OK);
	assert_string_not_equal(t1, t2);
	assert_int_equal(admin_reset_lookup(&f->t.h, t1, T0 + 6, &rs),
	    RT_EEXPIRED);
	assert_int_equal(admin_reset_lookup(&f->t.h, t2, T0 + 6, &rs), RT_OK);
	assert_int_equal(admin_reset_lookup(&f->t.h, other, T0 + 6, &rs),
	    RT_OK);
	assert_int_equal(rs.user_id, f->bob);

	/* Deleting the account deletes its links. */
	q_exec(&f->t, "DELETE FROM users WHERE email = 'alice@example.org'");
	assert_int_equal(admin_reset_lookup(&f->t.h, t2, T0 + 6, &rs),
	    RT_ENOTFOUND);
}

/* Returns the number of entries of dir (but . and ..). */
static int
dir_entries(const char *dir)
{
	struct dirent	*e;
	DIR		*d;
	int		 n = 0;

	assert_non_null(d = opendir(dir));
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/*
 * Returns the first integer of sql run on the database file path (-1
 * when no row), opened read-only the way a person checks a backup.
 */
static long long
file_int(const char *path, const char *sql)
{
	sqlite3		*s;
	sqlite3_stmt	*st;
	long long	 v = -1;

	assert_int_equal(sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(s);
	return v;
}

/*
 * The backup is the committed database while another connection is in
 * the middle of a write transaction (and while the program's own writer
 * holds one): the same rows, none of the uncommitted ones, sound, one
 * file, and nothing left behind but the copy.
 */
static void
test_backup(void **state)
{
	struct fx	*f = *state;
	struct db_conn	*w;
	sqlite3		*other;
	FILE		*fp;
	unsigned char	 header[100];
	char		 copy[160], err[256];
	int		 before;

	snprintf(copy, sizeof(copy), "%s/copy.sqlite", f->t.dir);
	assert_int_equal(admin_role_grant(&f->t.h, f->alice, AUTH_ROLE_ADMIN, 0,
	    T0), RT_OK);

	assert_int_equal(sqlite3_open(f->t.path, &other), SQLITE_OK);
	sqlite3_busy_timeout(other, 5000);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE; "
	    "INSERT INTO users (email, name, pwhash, created_at) VALUES "
	    "('late@example.org', 'Late', '$argon2id$x', 1)", NULL, NULL,
	    NULL), SQLITE_OK);
	before = dir_entries(f->t.dir);
	err[0] = 'x';
	assert_int_equal(db_backup(f->t.db, copy, err, sizeof(err)), RT_OK);
	assert_string_equal(err, "");
	assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(other);

	assert_int_equal(dir_entries(f->t.dir), before + 1);
	assert_int_equal(file_int(copy, "SELECT count(*) FROM users"), 2);
	assert_int_equal(file_int(copy, "SELECT count(*) FROM users WHERE "
	    "email IN ('alice@example.org', 'bob@example.org')"), 2);
	assert_int_equal(file_int(copy, "SELECT count(*) FROM orgs"), 2);
	assert_int_equal(file_int(copy, "SELECT count(*) FROM user_roles "
	    "WHERE role = 'admin'"), 1);
	assert_int_equal(file_int(copy, "PRAGMA user_version"),
	    db_schema_version());
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM users"), 3);
	/* Bytes 18 and 19 of the header: 1 for a rollback journal, 2 for WAL. */
	assert_non_null(fp = fopen(copy, "rb"));
	assert_int_equal(fread(header, 1, sizeof(header), fp), sizeof(header));
	fclose(fp);
	assert_int_equal(header[18], 1);
	assert_int_equal(header[19], 1);

	/* Again, over the old copy, while the program's writer is busy. */
	assert_int_equal(db_write_begin(f->t.db, &w), RT_OK);
	assert_int_equal(db_backup(f->t.db, copy, err, sizeof(err)), RT_OK);
	db_write_rollback(f->t.db, w);
	assert_int_equal(file_int(copy, "SELECT count(*) FROM users"), 3);
	assert_int_equal(dir_entries(f->t.dir), before + 1);
}

/* A copy that cannot be written leaves nothing and says why. */
static void
test_backup_fails(void **state)
{
	struct fx	*f = *state;
	char		 path[200], err[256];
	int		 before = dir_entries(f->t.dir);

	snprintf(path, sizeof(path), "%s/no/such/dir/copy.sqlite", f->t.dir);
	assert_int_equal(db_backup(f->t.db, path, err, sizeof(err)), RT_EIO);
	assert_non_null(strstr(err, "no/such/dir/copy.sqlite"));
	snprintf(path, sizeof(path), "%s/", f->t.dir);
	assert_int_equal(db_backup(f->t.db, path, err, sizeof(err)), RT_EIO);
	assert_int_equal(dir_entries(f->t.dir), before);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_roles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_last_admin, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_create_find, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lists_empty, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reset_lifecycle, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reset_expiry, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reset_unknown_and_replaced,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_fails, setup,
		    teardown),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
