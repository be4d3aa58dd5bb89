/*
 * test_auth.c: unit tests of lib/auth.c: tokens, the password policy and
 * hashing, login with its throttling, the throttling of sign-ups,
 * sessions.  Run from the repository root (it reads schema.sql).  Time is
 * passed in, so the 15-minute and one-hour windows and the session
 * timeouts are tested without waiting.
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

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "config.h"
#include "db.h"
#include "auth.h"
#include "org.h"
#include "sql.h"
#include "tdb.h"

#define T0     1700000000       /* an arbitrary "now" */
#define PW     "correct horse battery staple"

extern const char *const common_passwords[];
extern const size_t common_passwords_count;

/* What every test of this file works with. */
struct fx {
	struct tdb     t;
	struct config  cfg;
	struct auth   *auth;
	int64_t        uid;     /* alice@example.org, password PW */
};

/* The hash of PW, computed once for the whole file (argon2 is slow on purpose). */
static char pw_hash[AUTH_HASH_MAX];

/* Computes pw_hash once for all tests. */
static int
group_setup(void **state)
{
	(void)state;
	if (crypto_pwhash_str(pw_hash, PW, strlen(PW),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return -1;
	return 0;
}

/*
 * Opens a fresh database with one account (alice@example.org / PW) and an
 * auth context with a small throttle: 3 failures per account, 5 per
 * address, 3 sign-ups per address; sessions idle after 2 hours and die
 * after 12.
 */
static int
setup(void **state)
{
	struct fx	*f;
	int64_t		 oid;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	f->cfg.hash_slots = 2;
	f->cfg.session_idle = 7200;
	f->cfg.session_max = 43200;
	f->cfg.login_max_per_account = 3;
	f->cfg.login_max_per_addr = 5;
	f->cfg.signup_max_per_addr = 3;
	tdb_open(&f->t, "auth");
	if (auth_new(&f->auth, &f->cfg) != RT_OK)
		return -1;
	if (org_signup(&f->t.h, NULL, "Le Cercle", "Alice", "alice@example.org",
	    pw_hash, "fr", T0, &f->uid, &oid) != RT_OK)
		return -1;
	*state = f;
	return 0;
}

/* Closes and removes everything setup() made. */
static int
teardown(void **state)
{
	struct fx	*f = *state;

	auth_free(f->auth);
	return tdb_teardown(state);
}

/* Logs in as email with pw from addr at now, discarding the user id. */
static int
login(struct fx *f, const char *email, const char *pw, const char *addr,
    time_t now)
{
	int64_t	 id = -1;
	int	 rc;

	rc = auth_login(f->auth, &f->t.h, email, pw, strlen(pw), addr, now,
	    &id);
	if (rc == RT_OK)
		assert_int_equal(id, f->uid);
	else
		assert_int_equal(id, 0);
	return rc;
}

/* Tokens are 43 characters of base64url, all different. */
static void
test_tokens(void **state)
{
	char	 tok[64][AUTH_TOKEN_LEN + 1];
	size_t	 i, j;

	(void)state;
	for (i = 0; i < 64; i++) {
		auth_token_new(tok[i]);
		assert_int_equal(strlen(tok[i]), AUTH_TOKEN_LEN);
		assert_int_equal(strspn(tok[i], "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789-_"), AUTH_TOKEN_LEN);
		for (j = 0; j < i; j++)
			assert_string_not_equal(tok[i], tok[j]);
	}
}

/* Token comparison: equal only for two real tokens with the same text. */
static void
test_token_equal(void **state)
{
	char	 a[AUTH_TOKEN_LEN + 1], b[AUTH_TOKEN_LEN + 1];
	char	 longer[AUTH_TOKEN_LEN + 2];

	(void)state;
	auth_token_new(a);
	auth_token_new(b);
	memcpy(longer, a, AUTH_TOKEN_LEN);
	longer[AUTH_TOKEN_LEN] = 'x';
	longer[AUTH_TOKEN_LEN + 1] = '\0';
	assert_true(auth_token_equal(a, a));
	assert_false(auth_token_equal(a, b));
	assert_false(auth_token_equal(a, longer));
	assert_false(auth_token_equal(longer, longer));
	assert_false(auth_token_equal("", ""));
	assert_false(auth_token_equal(a, ""));
	assert_false(auth_token_equal(NULL, a));
	assert_false(auth_token_equal(a, NULL));
}

/* Returns auth_password_problem() of the NUL-terminated s. */
static int
problem(const char *s)
{
	return auth_password_problem(s, strlen(s));
}

/* Returns a malloc'd string of n copies of unit. */
static char *
repeat(const char *unit, size_t n)
{
	size_t	 ul = strlen(unit), i;
	char	*s = malloc(ul * n + 1);

	assert_non_null(s);
	for (i = 0; i < n; i++)
		memcpy(s + i * ul, unit, ul);
	s[ul * n] = '\0';
	return s;
}

/* The policy counts characters, not bytes, at both ends. */
static void
test_password_length(void **state)
{
	char	*s;

	(void)state;
	assert_int_equal(problem(""), AUTH_PW_SHORT);
	assert_int_equal(problem("xK9#mQ2"), AUTH_PW_SHORT);
	assert_int_equal(problem("xK9#mQ2v"), AUTH_PW_OK);
	/* 8 characters but 16 bytes: long enough. */
	s = repeat("é", 8);
	assert_int_equal(problem(s), AUTH_PW_OK);
	free(s);
	/* 7 characters but 14 bytes: too short. */
	s = repeat("é", 7);
	assert_int_equal(problem(s), AUTH_PW_SHORT);
	free(s);
	s = repeat("🍁", 4);   /* 4 characters, 16 bytes */
	assert_int_equal(problem(s), AUTH_PW_SHORT);
	free(s);
	s = repeat("x", AUTH_PW_MAX);
	assert_int_equal(problem(s), AUTH_PW_OK);
	free(s);
	s = repeat("x", AUTH_PW_MAX + 1);
	assert_int_equal(problem(s), AUTH_PW_LONG);
	free(s);
	/* 256 characters of 4 bytes are allowed; 257 are not. */
	s = repeat("🍁", AUTH_PW_MAX);
	assert_int_equal(problem(s), AUTH_PW_OK);
	free(s);
	s = repeat("é", AUTH_PW_MAX + 1);
	assert_int_equal(problem(s), AUTH_PW_LONG);
	free(s);
}

/* The common passwords, English and French, in any case, are refused; near misses are not. */
static void
test_password_common(void **state)
{
	static const char *const common[] = {
		"azertyuiop", "motdepasse", "123456789", "password1",
		"bonjour123", "soleil123", "qwertyuiop", "canadiens",
		"montreal1", "iloveyou1", "12345678", "MotDePasse1",
		"AZERTYUIOP", "Password123", "québec123", "1q2w3e4r",
		"jetaime123", "Canadiens1", "sunshine",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(common) / sizeof(common[0]); i++)
		assert_int_equal(problem(common[i]), AUTH_PW_COMMON);
	assert_int_equal(problem("azertyuiopX9"), AUTH_PW_OK);
	assert_int_equal(problem("password0"), AUTH_PW_OK);
	assert_int_equal(problem(PW), AUTH_PW_OK);
	assert_int_equal(problem("Le plateau est à nous"), AUTH_PW_OK);
	/* A NUL inside does not make a prefix match. */
	assert_int_equal(auth_password_problem("password\0xyz", 12),
	    AUTH_PW_OK);
}

/* The compiled list is big, lower-cased, sorted as bsearch needs, and only 8+ characters. */
static void
test_password_list(void **state)
{
	size_t	 i;
	const char *p;

	(void)state;
	assert_true(common_passwords_count >= 500);
	for (i = 0; i < common_passwords_count; i++) {
		for (p = common_passwords[i]; *p != '\0'; p++)
			assert_false(*p >= 'A' && *p <= 'Z');
		assert_int_not_equal(problem(common_passwords[i]),
		    AUTH_PW_SHORT);
		if (i > 0)
			assert_true(strcmp(common_passwords[i - 1],
			    common_passwords[i]) < 0);
	}
}

/* A hash is argon2id, salted, and verifies only its password. */
static void
test_password_hash(void **state)
{
	struct fx	*f = *state;
	char		 a[AUTH_HASH_MAX], b[AUTH_HASH_MAX];

	assert_int_equal(auth_password_hash(f->auth, PW, strlen(PW), a),
	    RT_OK);
	assert_int_equal(auth_password_hash(f->auth, PW, strlen(PW), b),
	    RT_OK);
	assert_int_equal(strncmp(a, "$argon2id$", 10), 0);
	assert_string_not_equal(a, b);
	assert_int_equal(crypto_pwhash_str_verify(a, PW, strlen(PW)), 0);
	assert_int_not_equal(crypto_pwhash_str_verify(a, "wrong", 5), 0);
	assert_int_equal(crypto_pwhash_str_needs_rehash(a,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE), 0);
}

/* The right password logs in, whatever the case of the e-mail. */
static void
test_login_ok(void **state)
{
	struct fx	*f = *state;

	assert_int_equal(login(f, "alice@example.org", PW, "10.0.0.1", T0),
	    RT_OK);
	assert_int_equal(login(f, "Alice@Example.ORG", PW, "10.0.0.1", T0),
	    RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures"),
	    0);
}

/* A wrong password and an unknown e-mail are both denied, and both recorded. */
static void
test_login_denied(void **state)
{
	struct fx	*f = *state;

	assert_int_equal(login(f, "alice@example.org", "wrong password",
	    "10.0.0.1", T0), RT_EDENIED);
	assert_int_equal(login(f, "nobody@example.org", PW, "10.0.0.1", T0),
	    RT_EDENIED);
	assert_int_equal(login(f, "alice@example.org", "", "10.0.0.1", T0),
	    RT_EDENIED);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures "
	    "WHERE addr = '10.0.0.1'"), 3);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures "
	    "WHERE email = 'nobody@example.org'"), 1);
}

/*
 * Three failures on an account lock it for 15 minutes, from any address
 * and even with the right password; other accounts are not affected; a
 * throttled attempt records nothing; the window slides with time.
 */
static void
test_throttle_account(void **state)
{
	struct fx	*f = *state;
	int64_t		 bob, oid;

	assert_int_equal(org_signup(&f->t.h, NULL, "Autre", "Bob", "bob@example.org",
	    pw_hash, "en", T0, &bob, &oid), RT_OK);
	assert_int_equal(login(f, "alice@example.org", "bad1", "10.0.0.1", T0),
	    RT_EDENIED);
	assert_int_equal(login(f, "ALICE@example.org", "bad2", "10.0.0.2",
	    T0 + 1), RT_EDENIED);
	assert_int_equal(login(f, "alice@example.org", "bad3", "10.0.0.3",
	    T0 + 2), RT_EDENIED);
	assert_int_equal(login(f, "alice@example.org", PW, "10.0.0.4",
	    T0 + 3), RT_ETHROTTLED);
	assert_int_equal(login(f, "alice@example.org", "bad4", "10.0.0.4",
	    T0 + 4), RT_ETHROTTLED);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures"),
	    3);
	assert_int_equal(auth_login(f->auth, &f->t.h, "bob@example.org", PW,
	    strlen(PW), "10.0.0.4", T0 + 5, &oid), RT_OK);
	assert_int_equal(oid, bob);
	/* T0 + 899: the failure at T0 is still inside the window. */
	assert_int_equal(login(f, "alice@example.org", PW, "10.0.0.4",
	    T0 + AUTH_THROTTLE_WINDOW - 1), RT_ETHROTTLED);
	/* T0 + 900: it has left the window; two failures remain. */
	assert_int_equal(login(f, "alice@example.org", PW, "10.0.0.4",
	    T0 + AUTH_THROTTLE_WINDOW), RT_OK);
}

/* Five failures from one address lock that address out, for every account, and only it. */
static void
test_throttle_address(void **state)
{
	struct fx	*f = *state;
	char		 email[64];
	int		 i;

	for (i = 0; i < 5; i++) {
		snprintf(email, sizeof(email), "guess%d@example.org", i);
		assert_int_equal(login(f, email, "guess", "192.0.2.7", T0 + i),
		    RT_EDENIED);
	}
	assert_int_equal(login(f, "alice@example.org", PW, "192.0.2.7",
	    T0 + 10), RT_ETHROTTLED);
	assert_int_equal(login(f, "alice@example.org", PW, "192.0.2.8",
	    T0 + 10), RT_OK);
	assert_int_equal(login(f, "alice@example.org", PW, "192.0.2.7",
	    T0 + AUTH_THROTTLE_WINDOW + 1), RT_OK);
	/* A missing address is one more address, not a way around the count. */
	for (i = 0; i < 5; i++) {
		snprintf(email, sizeof(email), "anon%d@example.org", i);
		assert_int_equal(auth_login(f->auth, &f->t.h, email, "x", 1,
		    NULL, T0 + 2000, &(int64_t){0}), RT_EDENIED);
	}
	assert_int_equal(auth_login(f->auth, &f->t.h, "alice@example.org", PW,
	    strlen(PW), NULL, T0 + 2000, &(int64_t){0}), RT_ETHROTTLED);
}

/*
 * An unknown e-mail costs what a wrong password costs, one argon2
 * verification, so that the time of an answer does not tell whether an
 * account exists; a throttled attempt costs none.  Counted, not timed:
 * speed belongs to the benchmarks.
 */
static void
test_login_hash_work(void **state)
{
	struct fx	*f = *state;
	unsigned long	 n;

	n = auth_hash_count(f->auth);
	assert_int_equal(login(f, "alice@example.org", "bad", "10.0.0.1", T0), RT_EDENIED);
	assert_int_equal(auth_hash_count(f->auth), n + 1);
	assert_int_equal(login(f, "ghost@example.org", "bad", "10.0.0.2", T0), RT_EDENIED);
	assert_int_equal(auth_hash_count(f->auth), n + 2);
	for (int i = 0; i < 10; i++)
		login(f, "alice@example.org", "bad", "10.0.0.3", T0 + 1 + i);
	n = auth_hash_count(f->auth);
	assert_int_equal(login(f, "alice@example.org", PW, "10.0.0.3", T0 + 20), RT_ETHROTTLED);
	assert_int_equal(auth_hash_count(f->auth), n);
}

/* A successful login clears the account's failures, so the count starts again. */
static void
test_success_clears_failures(void **state)
{
	struct fx	*f = *state;

	assert_int_equal(login(f, "alice@example.org", "bad", "10.0.0.1", T0),
	    RT_EDENIED);
	assert_int_equal(login(f, "alice@example.org", "bad", "10.0.0.1",
	    T0 + 1), RT_EDENIED);
	assert_int_equal(login(f, "alice@example.org", PW, "10.0.0.1", T0 + 2),
	    RT_OK);
	assert_int_equal(q_int_text(&f->t, "SELECT count(*) FROM "
	    "login_failures WHERE email = ?1", "alice@example.org"), 0);
	assert_int_equal(login(f, "alice@example.org", "bad", "10.0.0.1",
	    T0 + 3), RT_EDENIED);
	assert_int_equal(login(f, "alice@example.org", "bad", "10.0.0.1",
	    T0 + 4), RT_EDENIED);
	assert_int_equal(login(f, "alice@example.org", PW, "10.0.0.1", T0 + 5),
	    RT_OK);
}

/* Failures older than the window are deleted by the next login. */
static void
test_failures_pruned(void **state)
{
	struct fx	*f = *state;

	assert_int_equal(login(f, "x@example.org", "bad", "10.0.0.1", T0),
	    RT_EDENIED);
	assert_int_equal(login(f, "y@example.org", "bad", "10.0.0.2", T0 + 10),
	    RT_EDENIED);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures"),
	    2);
	assert_int_equal(login(f, "z@example.org", "bad", "10.0.0.3",
	    T0 + AUTH_THROTTLE_WINDOW + 5), RT_EDENIED);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures"),
	    2);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures "
	    "WHERE email = 'x@example.org'"), 0);
}

/*
 * Signs up person n (n@example.org, organisation "Groupe n") from addr at
 * now, as /signup does once the check has let it through; returns what
 * org_signup() returns.
 */
static int
signup(struct fx *f, int n, const char *addr, time_t now)
{
	char	 email[64], org[64];
	int64_t	 uid, oid;

	snprintf(email, sizeof(email), "%d@example.org", n);
	snprintf(org, sizeof(org), "Groupe %d", n);
	return org_signup(&f->t.h, addr, org, "Personne", email, pw_hash,
	    "fr", now, &uid, &oid);
}

/* Checks a sign-up from addr at now; returns the status, *retry set. */
static int
signup_check(struct fx *f, const char *addr, time_t now, long *retry)
{
	*retry = -1;
	return auth_signup_check(f->auth, &f->t.h, addr, now, retry);
}

/*
 * Three accounts made from one address in the hour refuse the fourth from
 * it, and only from it, until the oldest of the three is an hour old;
 * Retry-After is the time until then.  The check hashes nothing.
 */
static void
test_signup_throttle_address(void **state)
{
	struct fx	*f = *state;
	unsigned long	 n;
	long		 retry;
	int		 i;

	n = auth_hash_count(f->auth);
	for (i = 0; i < 3; i++) {
		assert_int_equal(signup_check(f, "192.0.2.7", T0 + 10 * i,
		    &retry), RT_OK);
		assert_int_equal(retry, 0);
		assert_int_equal(signup(f, i, "192.0.2.7", T0 + 10 * i), RT_OK);
	}
	assert_int_equal(signup_check(f, "192.0.2.7", T0 + 30, &retry),
	    RT_ETHROTTLED);
	assert_int_equal(retry, AUTH_SIGNUP_WINDOW - 30);
	assert_int_equal(auth_hash_count(f->auth), n);
	/* Another address, and no address, are not held back. */
	assert_int_equal(signup_check(f, "192.0.2.8", T0 + 30, &retry), RT_OK);
	assert_int_equal(signup_check(f, NULL, T0 + 30, &retry), RT_OK);
	/* One second before the oldest leaves the window, still refused. */
	assert_int_equal(signup_check(f, "192.0.2.7",
	    T0 + AUTH_SIGNUP_WINDOW - 1, &retry), RT_ETHROTTLED);
	assert_int_equal(retry, 1);
	/* Then one more may come, and the next waits for the second oldest. */
	assert_int_equal(signup_check(f, "192.0.2.7", T0 + AUTH_SIGNUP_WINDOW,
	    &retry), RT_OK);
	assert_int_equal(signup(f, 3, "192.0.2.7", T0 + AUTH_SIGNUP_WINDOW),
	    RT_OK);
	assert_int_equal(signup_check(f, "192.0.2.7",
	    T0 + AUTH_SIGNUP_WINDOW + 1, &retry), RT_ETHROTTLED);
	assert_int_equal(retry, 10 - 1);
}

/*
 * No address (REMOTE_ADDR unset: "" from cgi/main.c, NULL taken as "") is
 * one more address, not a way around the count.
 */
static void
test_signup_throttle_no_address(void **state)
{
	struct fx	*f = *state;
	long		 retry;
	int		 i;

	for (i = 0; i < 3; i++)
		assert_int_equal(signup(f, i, "", T0 + i), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM signups "
	    "WHERE addr = ''"), 3);
	assert_int_equal(signup_check(f, NULL, T0 + 5, &retry),
	    RT_ETHROTTLED);
	assert_int_equal(signup_check(f, "", T0 + 5, &retry), RT_ETHROTTLED);
	assert_int_equal(signup_check(f, "10.0.0.1", T0 + 5, &retry), RT_OK);
}

/*
 * Only an account made is recorded, in its own transaction: a taken
 * e-mail (refused, nothing written) leaves no row, nor does org_signup()
 * without an address (the fixtures), so refused forms never count.
 */
static void
test_signup_records_creations(void **state)
{
	struct fx	*f = *state;
	int64_t		 uid, oid;

	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM signups"), 0);
	assert_int_equal(org_signup(&f->t.h, "192.0.2.7", "Autre",
	    "Alice", "ALICE@example.org", pw_hash, "fr", T0, &uid, &oid),
	    RT_EEXISTS);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM signups"), 0);
	assert_int_equal(org_signup(&f->t.h, NULL, "Chez Bob", "Bob",
	    "bob@example.org", pw_hash, "fr", T0, &uid, &oid), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM signups"), 0);
	assert_int_equal(signup(f, 1, "192.0.2.7", T0 + 5), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM signups"), 1);
	assert_int_equal(q_int_text(&f->t, "SELECT at FROM signups "
	    "WHERE addr = ?1", "192.0.2.7"), T0 + 5);
}

/* Records older than the window are deleted by the next sign-up, whatever its address. */
static void
test_signups_pruned(void **state)
{
	struct fx	*f = *state;

	assert_int_equal(signup(f, 1, "10.0.0.1", T0), RT_OK);
	assert_int_equal(signup(f, 2, "10.0.0.2", T0 + 10), RT_OK);
	assert_int_equal(signup(f, 3, "10.0.0.3", T0 + AUTH_SIGNUP_WINDOW + 5),
	    RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM signups"), 2);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM signups "
	    "WHERE addr = '10.0.0.1'"), 0);
}

/* A hash made with weaker settings is replaced at the next login. */
static void
test_rehash(void **state)
{
	struct fx	*f = *state;
	struct db_conn	*w;
	sqlite3_stmt	*st;
	char		 weak[crypto_pwhash_STRBYTES], now[AUTH_HASH_MAX];

	assert_int_equal(crypto_pwhash_str(weak, PW, strlen(PW), 1,
	    crypto_pwhash_MEMLIMIT_MIN), 0);
	assert_int_not_equal(crypto_pwhash_str_needs_rehash(weak,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE), 0);
	assert_int_equal(db_write_begin(f->t.db, &w), RT_OK);
	assert_int_equal(sqlite3_prepare_v2(db_conn_handle(w),
	    "UPDATE users SET pwhash = ?1 WHERE id = ?2", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, weak, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, f->uid);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	assert_int_equal(db_write_commit(f->t.db, w), RT_OK);

	assert_int_equal(login(f, "alice@example.org", PW, "10.0.0.1", T0),
	    RT_OK);
	assert_int_equal(sqlite3_prepare_v2(db_conn_handle(f->t.h.rd),
	    "SELECT pwhash FROM users WHERE id = ?1", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(st, 1, f->uid);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(now, sizeof(now), "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_string_not_equal(now, weak);
	assert_int_equal(crypto_pwhash_str_needs_rehash(now,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE), 0);
	assert_int_equal(login(f, "alice@example.org", PW, "10.0.0.1", T0 + 1),
	    RT_OK);
}

/* A session starts, is found by its token with its user, and keeps only the token's hash. */
static void
test_session_start_get(void **state)
{
	struct fx	*f = *state;
	struct session	 s, s2;
	char		 tok[AUTH_TOKEN_LEN + 1], tok2[AUTH_TOKEN_LEN + 1];

	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid, T0, tok),
	    RT_OK);
	assert_int_equal(strlen(tok), AUTH_TOKEN_LEN);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0 + 5, &s),
	    RT_OK);
	assert_int_equal(s.user_id, f->uid);
	assert_string_equal(s.user_name, "Alice");
	assert_string_equal(s.user_email, "alice@example.org");
	assert_string_equal(s.lang, "fr");
	assert_int_equal(strlen(s.csrf), AUTH_TOKEN_LEN);
	assert_string_not_equal(s.csrf, tok);
	assert_int_equal(s.created, T0);
	assert_int_equal(s.last_seen, T0);
	assert_int_equal(q_int_text(&f->t, "SELECT count(*) FROM sessions "
	    "WHERE token_hash = ?1 OR csrf = ?1", tok), 0);

	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid, T0, tok2),
	    RT_OK);
	assert_string_not_equal(tok, tok2);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok2, T0, &s2),
	    RT_OK);
	assert_string_not_equal(s.csrf, s2.csrf);
	assert_int_not_equal(s.id, s2.id);
}

/* Unknown, empty and malformed tokens find nothing. */
static void
test_session_unknown(void **state)
{
	struct fx	*f = *state;
	struct session	 s;
	char		 tok[AUTH_TOKEN_LEN + 1];

	auth_token_new(tok);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0, &s),
	    RT_ENOTFOUND);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, "", T0, &s),
	    RT_ENOTFOUND);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, "short", T0, &s),
	    RT_ENOTFOUND);
	assert_int_equal(s.user_id, 0);
}

/* last_seen is written at most once a minute. */
static void
test_session_touch(void **state)
{
	struct fx	*f = *state;
	struct session	 s;
	char		 tok[AUTH_TOKEN_LEN + 1];

	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid, T0, tok),
	    RT_OK);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0 + 59, &s),
	    RT_OK);
	assert_int_equal(s.last_seen, T0);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0 + 60, &s),
	    RT_OK);
	assert_int_equal(s.last_seen, T0 + 60);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0 + 100, &s),
	    RT_OK);
	assert_int_equal(s.last_seen, T0 + 60);
	assert_int_equal(q_int(&f->t, "SELECT last_seen FROM sessions"),
	    T0 + 60);
}

/* A session idle past the timeout expires and is deleted; at the limit it lives. */
static void
test_session_idle_expired(void **state)
{
	struct fx	*f = *state;
	struct session	 s;
	char		 tok[AUTH_TOKEN_LEN + 1];

	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid, T0, tok),
	    RT_OK);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0 + 7200, &s),
	    RT_OK);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok,
	    T0 + 7200 + 7201, &s), RT_EEXPIRED);
	assert_int_equal(s.user_id, 0);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok,
	    T0 + 7200 + 7202, &s), RT_ENOTFOUND);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM sessions"), 0);
}

/* A session kept busy still dies after its absolute lifetime. */
static void
test_session_absolute_expired(void **state)
{
	struct fx	*f = *state;
	struct session	 s;
	char		 tok[AUTH_TOKEN_LEN + 1];
	time_t		 t;

	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid, T0, tok),
	    RT_OK);
	for (t = T0 + 3600; t <= T0 + 43200; t += 3600)
		assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, t, &s),
		    RT_OK);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0 + 43201,
	    &s), RT_EEXPIRED);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0 + 43202,
	    &s), RT_ENOTFOUND);
}

/* Logging out deletes the session; logging out twice is fine. */
static void
test_session_end(void **state)
{
	struct fx	*f = *state;
	struct session	 s;
	char		 tok[AUTH_TOKEN_LEN + 1], other[AUTH_TOKEN_LEN + 1];

	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid, T0, tok),
	    RT_OK);
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid, T0,
	    other), RT_OK);
	assert_int_equal(auth_session_end(&f->t.h, tok), RT_OK);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0, &s),
	    RT_ENOTFOUND);
	assert_int_equal(auth_session_end(&f->t.h, tok), RT_OK);
	assert_int_equal(auth_session_end(&f->t.h, "garbage"), RT_OK);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, other, T0, &s),
	    RT_OK);
}

/* Starting a session deletes the sessions of anyone that have expired. */
static void
test_session_prune(void **state)
{
	struct fx	*f = *state;
	char		 old[AUTH_TOKEN_LEN + 1], tok[AUTH_TOKEN_LEN + 1];

	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid, T0, old),
	    RT_OK);
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid, T0 + 100,
	    tok), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM sessions"), 2);
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid,
	    T0 + 7201, tok), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM sessions"), 2);
	assert_int_equal(q_int(&f->t, "SELECT min(created_at) FROM sessions"),
	    T0 + 100);
}

/* The language is stored for "fr" and "en" only. */
static void
test_user_lang(void **state)
{
	struct fx	*f = *state;
	struct session	 s;
	char		 tok[AUTH_TOKEN_LEN + 1];

	assert_int_equal(auth_user_set_lang(&f->t.h, f->uid, "en"), RT_OK);
	assert_int_equal(auth_user_set_lang(&f->t.h, f->uid, "de"), RT_EINVAL);
	assert_int_equal(auth_user_set_lang(&f->t.h, f->uid, ""), RT_EINVAL);
	assert_int_equal(auth_session_start(f->auth, &f->t.h, f->uid, T0, tok),
	    RT_OK);
	assert_int_equal(auth_session_get(f->auth, &f->t.h, tok, T0, &s),
	    RT_OK);
	assert_string_equal(s.lang, "en");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_token_equal),
		cmocka_unit_test(test_password_length),
		cmocka_unit_test(test_password_common),
		cmocka_unit_test(test_password_list),
		cmocka_unit_test_setup_teardown(test_password_hash, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_login_ok, setup, teardown),
		cmocka_unit_test_setup_teardown(test_login_denied, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_throttle_account, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_throttle_address, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_login_hash_work, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_success_clears_failures,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_failures_pruned, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_signup_throttle_address,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_signup_throttle_no_address,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_signup_records_creations,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_signups_pruned, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rehash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_start_get, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_session_unknown, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_session_touch, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_session_idle_expired,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_absolute_expired,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_end, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_session_prune, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_user_lang, setup,
		    teardown),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, group_setup, NULL);
}
