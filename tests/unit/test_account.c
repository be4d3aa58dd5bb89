/*
 * test_account.c: unit tests of lib/account.c: TOTP against RFC 6238's
 * test vectors, its window and the refusal of a step used already;
 * recovery codes, hashed and single-use; the second step of a login;
 * the throttling of codes; the setting that requires two-factor of
 * trainers and administrators; sessions listed and ended; a password
 * change that ends the other sessions only.  Run from the repository root
 * (it reads schema.sql).  The password hashes stored here are fixed
 * strings: account.c never looks inside them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "config.h"
#include "db.h"
#include "auth.h"
#include "org.h"
#include "account.h"
#include "admin.h"
#include "sql.h"
#include "tdb.h"

#define T0     1700000000
#define HASH2  "$argon2id$v=19$m=65536,t=2,p=1$bm91dmVhdQ$bm91dmVhdWhhc2g"
#define ADDR   "192.0.2.7"

/* The configuration of every test; auth_new() costs one argon2 hash, made once. */
static struct config	 cfg;
static struct auth	*auth;

/* What every test works with; its database first, for tdb_teardown(). */
struct fx {
	struct tdb     t;
	int64_t        alice;
	int64_t        org;
	int64_t        bob;
	int64_t        org2;
};

/* Makes the auth context of every test. */
static int
group_setup(void **state)
{
	(void)state;
	cfg.hash_slots = 1;
	cfg.session_idle = 7200;
	cfg.session_max = 43200;
	cfg.login_max_per_account = 5;
	cfg.login_max_per_addr = 20;
	if (account_init() != RT_OK)
		return -1;
	return auth_new(&auth, &cfg) == RT_OK ? 0 : -1;
}

static int
group_teardown(void **state)
{
	(void)state;
	auth_free(auth);
	account_done();
	return 0;
}

/* Opens a fresh database with Alice and Bob, each owning an organisation. */
static int
setup(void **state)
{
	struct fx	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	*state = f;
	tdb_open(&f->t, "account");
	if (org_signup(&f->t.h, NULL, "Le Cercle", "Alice", "alice@example.org",
	    TDB_HASH, "fr", T0, &f->alice, &f->org) != RT_OK ||
	    org_signup(&f->t.h, NULL, "Chez Bob", "Bob", "bob@example.org",
	    TDB_HASH, "en", T0, &f->bob, &f->org2) != RT_OK)
		return -1;
	return 0;
}

/* The key of RFC 6238's SHA-1 test vectors. */
static const unsigned char rfc_key[ACCOUNT_TOTP_KEY_LEN] =
    "12345678901234567890";

/*
 * RFC 6238, appendix B, SHA-1: the 8-digit codes cut to the 6 digits
 * that apps show (the last 6 of the same truncated value, RFC 4226).
 */
static void
test_totp_rfc6238(void **state)
{
	static const struct { int64_t t; const char *code; } v[] = {
		{ 59, "287082" },
		{ 1111111109, "081804" },
		{ 1111111111, "050471" },
		{ 1234567890, "005924" },
		{ 2000000000, "279037" },
		{ 20000000000LL, "353130" },
	};
	char	 code[ACCOUNT_TOTP_DIGITS + 1];
	int64_t	 step;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(account_totp_code(rfc_key, v[i].t / 30, code),
		    RT_OK);
		assert_string_equal(code, v[i].code);
		assert_int_equal(account_totp_match(rfc_key, v[i].code,
		    (time_t)v[i].t, 0, &step), RT_OK);
		assert_int_equal(step, v[i].t / 30);
	}
}

/* A code of the step before or after now is accepted; two steps away, refused. */
static void
test_totp_window(void **state)
{
	char	 code[ACCOUNT_TOTP_DIGITS + 1];
	int64_t	 cur = T0 / 30, step;

	(void)state;
	assert_int_equal(account_totp_code(rfc_key, cur - 1, code), RT_OK);
	assert_int_equal(account_totp_match(rfc_key, code, T0, 0, &step),
	    RT_OK);
	assert_int_equal(step, cur - 1);
	assert_int_equal(account_totp_code(rfc_key, cur + 1, code), RT_OK);
	assert_int_equal(account_totp_match(rfc_key, code, T0, 0, &step),
	    RT_OK);
	assert_int_equal(step, cur + 1);
	assert_int_equal(account_totp_code(rfc_key, cur - 2, code), RT_OK);
	assert_int_equal(account_totp_match(rfc_key, code, T0, 0, &step),
	    RT_EDENIED);
	assert_int_equal(account_totp_code(rfc_key, cur + 2, code), RT_OK);
	assert_int_equal(account_totp_match(rfc_key, code, T0, 0, &step),
	    RT_EDENIED);
	/* A step used already, or an earlier one, is refused. */
	assert_int_equal(account_totp_code(rfc_key, cur, code), RT_OK);
	assert_int_equal(account_totp_match(rfc_key, code, T0, cur, &step),
	    RT_EDENIED);
	assert_int_equal(account_totp_match(rfc_key, code, T0, cur + 1,
	    &step), RT_EDENIED);
	assert_int_equal(account_totp_match(rfc_key, code, T0, cur - 1,
	    &step), RT_OK);
	/* Not 6 digits. */
	assert_int_equal(account_totp_match(rfc_key, "12345", T0, 0, &step),
	    RT_EDENIED);
	assert_int_equal(account_totp_match(rfc_key, "12345a", T0, 0, &step),
	    RT_EDENIED);
	assert_int_equal(account_totp_match(rfc_key, "", T0, 0, &step),
	    RT_EDENIED);
}

/* Base32 (RFC 4648), the otpauth URI and the QR code's path. */
static void
test_totp_encodings(void **state)
{
	char	 b32[ACCOUNT_TOTP_B32_LEN + 1], uri[512], *path = NULL;
	int	 size = 0;

	(void)state;
	account_totp_base32(rfc_key, b32);
	assert_string_equal(b32, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	assert_int_equal(account_otpauth_uri("reseauter (a.example)",
	    "alice+x@example.org", b32, uri, sizeof(uri)), RT_OK);
	assert_string_equal(uri, "otpauth://totp/reseauter%20%28a.example%29:"
	    "alice%2Bx%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	    "&issuer=reseauter%20%28a.example%29&algorithm=SHA1&digits=6"
	    "&period=30");
	assert_int_equal(account_otpauth_uri("r", "a@b.c", b32, uri, 20),
	    RT_ETOOBIG);
	assert_int_equal(account_qr_path("otpauth://totp/r:a?secret=GEZDGNBV",
	    &path, &size), RT_OK);
	assert_non_null(path);
	/* Version 2 or more: at least 25 modules and the quiet zone. */
	assert_true(size >= 25 + 8 && size <= 177 + 8);
	/* The top-left finder pattern: 7 dark modules from (4, 4). */
	assert_true(strncmp(path, "M4 4h7v1h-7z", 12) == 0);
	assert_null(strchr(path, '<'));
	free(path);
}

/* Recovery codes read whatever their case, spaces and hyphen. */
static void
test_code_normalise(void **state)
{
	char		 c[ACCOUNT_CODE_LEN + 1];
	account_code	 shown;

	(void)state;
	assert_int_equal(account_code_normalise("abcde-fgh23", c), 1);
	assert_string_equal(c, "ABCDEFGH23");
	assert_int_equal(account_code_normalise(" ABCDE FGH23 ", c), 1);
	assert_string_equal(c, "ABCDEFGH23");
	account_code_format(c, shown);
	assert_string_equal(shown, "ABCDE-FGH23");
	assert_int_equal(account_code_normalise("ABCDE-FGH2", c), 0);
	assert_int_equal(account_code_normalise("ABCDE-FGH234", c), 0);
	assert_int_equal(account_code_normalise("ABCDE-FGH2O", c), 0);
	assert_int_equal(account_code_normalise("123456", c), 0);
	assert_string_equal(c, "");
}

/* The code of user_id's set-up (or enabled key) for the step of t. */
static void
code_at(struct fx *f, int64_t user_id, time_t t,
    char out[ACCOUNT_TOTP_DIGITS + 1])
{
	sqlite3_stmt	*st;

	assert_int_equal(sqlite3_prepare_v2(db_conn_handle(f->t.h.rd),
	    "SELECT secret FROM user_totp WHERE user_id = ?1", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(st, 1, user_id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_bytes(st, 0), ACCOUNT_TOTP_KEY_LEN);
	assert_int_equal(account_totp_code(sqlite3_column_blob(st, 0),
	    (int64_t)t / 30, out), RT_OK);
	sqlite3_finalize(st);
}

/* Starts a session of user_id and returns its id; pending as asked. */
static int64_t
session(struct fx *f, int64_t user_id, int pending,
    char token[AUTH_TOKEN_LEN + 1])
{
	struct session	 s;

	assert_int_equal(account_session_start(auth, &f->t.h, user_id, pending,
	    "Firefox/Linux", ADDR, T0, token), RT_OK);
	assert_int_equal(auth_session_get(auth, &f->t.h, token, T0, &s), RT_OK);
	assert_int_equal(s.user_id, user_id);
	return s.id;
}

/* Turns two-factor on for Alice at T0; writes her recovery codes. */
static void
alice_2fa(struct fx *f, int64_t keep, account_code codes[ACCOUNT_CODES])
{
	unsigned char	 key[ACCOUNT_TOTP_KEY_LEN];
	char		 code[ACCOUNT_TOTP_DIGITS + 1];

	assert_int_equal(account_totp_setup(&f->t.h, f->alice, T0, key), RT_OK);
	code_at(f, f->alice, T0, code);
	assert_int_equal(account_totp_enable(auth, &f->t.h, f->alice, keep,
	    code, ADDR, T0, codes), RT_OK);
}

/*
 * Setting up keeps one secret until it is confirmed; a wrong code turns
 * nothing on; the right one (typed with a space, as the app shows it)
 * does, makes ten recovery codes stored as
 * salted hashes only, and ends the other sessions.
 */
static void
test_totp_enable(void **state)
{
	struct fx		*f = *state;
	struct account_totp	 t;
	struct session		 s;
	unsigned char		 k1[ACCOUNT_TOTP_KEY_LEN], k2[ACCOUNT_TOTP_KEY_LEN];
	char			 tok1[AUTH_TOKEN_LEN + 1], tok2[AUTH_TOKEN_LEN + 1];
	char			 code[ACCOUNT_TOTP_DIGITS + 1], q[256], spaced[16];
	account_code		 codes[ACCOUNT_CODES];
	int64_t			 s1;
	size_t			 i, j;

	s1 = session(f, f->alice, 0, tok1);
	(void)session(f, f->alice, 0, tok2);
	assert_int_equal(account_totp_setup(&f->t.h, f->alice, T0, k1), RT_OK);
	assert_int_equal(account_totp_setup(&f->t.h, f->alice, T0 + 5, k2),
	    RT_OK);
	assert_memory_equal(k1, k2, sizeof(k1));
	assert_int_equal(account_totp_get(&f->t.h, f->alice, &t), RT_OK);
	assert_int_equal(t.enabled, 0);

	code_at(f, f->alice, T0 + 300, code);
	assert_int_equal(account_totp_enable(auth, &f->t.h, f->alice, s1, code,
	    ADDR, T0, codes), RT_EDENIED);
	assert_int_equal(account_totp_get(&f->t.h, f->alice, &t), RT_OK);
	assert_int_equal(t.enabled, 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM user_recovery_codes"),
	    0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures "
	    "WHERE email = 'totp:1'"), 1);

	/* Typed as the app shows it, "123 456", as the login takes it. */
	code_at(f, f->alice, T0, code);
	snprintf(spaced, sizeof(spaced), "%.3s %s", code, code + 3);
	assert_int_equal(account_totp_enable(auth, &f->t.h, f->alice, s1,
	    spaced, ADDR, T0, codes), RT_OK);
	assert_int_equal(account_totp_get(&f->t.h, f->alice, &t), RT_OK);
	assert_int_equal(t.enabled, 1);
	assert_int_equal(t.enabled_at, T0);
	assert_int_equal(t.codes_left, ACCOUNT_CODES);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures"), 0);
	for (i = 0; i < ACCOUNT_CODES; i++) {
		assert_int_equal(strlen(codes[i]), ACCOUNT_CODE_LEN);
		for (j = 0; j < i; j++)
			assert_string_not_equal(codes[i], codes[j]);
		/* Nothing stored holds the code. */
		snprintf(q, sizeof(q), "SELECT count(*) FROM "
		    "user_recovery_codes WHERE instr(code_hash, '%s') OR "
		    "instr(salt, '%s') OR code_hash = CAST('%s' AS BLOB)",
		    codes[i], codes[i], codes[i]);
		assert_int_equal(q_int(&f->t, q), 0);
	}
	assert_int_equal(q_int(&f->t, "SELECT count(DISTINCT salt) FROM "
	    "user_recovery_codes"), ACCOUNT_CODES);
	assert_int_equal(q_int(&f->t, "SELECT length(code_hash) FROM "
	    "user_recovery_codes LIMIT 1"), 32);
	/* The session kept is alive, the other one ended. */
	assert_int_equal(auth_session_get(auth, &f->t.h, tok1, T0, &s), RT_OK);
	assert_int_equal(auth_session_get(auth, &f->t.h, tok2, T0, &s),
	    RT_ENOTFOUND);
	/* Once on, setting up again is refused, and so is enabling. */
	assert_int_equal(account_totp_setup(&f->t.h, f->alice, T0, k1),
	    RT_EEXISTS);
	assert_int_equal(account_totp_enable(auth, &f->t.h, f->alice, s1, code,
	    ADDR, T0 + 30, codes), RT_EEXISTS);
	/* Bob has nothing of it. */
	assert_int_equal(account_totp_get(&f->t.h, f->bob, &t), RT_OK);
	assert_int_equal(t.enabled, 0);
	assert_int_equal(account_totp_enable(auth, &f->t.h, f->bob, 0, code,
	    ADDR, T0, codes), RT_ENOTFOUND);
}

/*
 * The second step: a pending session opens as a complete one under a new
 * token only with a right code; a code of a step used already is refused
 * (even in a new login), a recovery code works once.
 */
static void
test_second_factor(void **state)
{
	struct fx		*f = *state;
	struct account_state	 st;
	struct session		 s;
	account_code		 codes[ACCOUNT_CODES];
	char			 pend[AUTH_TOKEN_LEN + 1], full[AUTH_TOKEN_LEN + 1];
	char			 code[ACCOUNT_TOTP_DIGITS + 1];
	int64_t			 sid;
	int			 recovery, left;

	alice_2fa(f, 0, codes);
	sid = session(f, f->alice, 1, pend);
	assert_int_equal(account_session_state(&f->t.h, sid, f->alice, &st),
	    RT_OK);
	assert_int_equal(st.pending, 1);
	assert_int_equal(st.totp, 1);

	/* The code of T0 was used to turn it on: not again. */
	code_at(f, f->alice, T0, code);
	assert_int_equal(account_second_factor(auth, &f->t.h, sid, f->alice,
	    code, ADDR, T0 + 10, full, &recovery, &left), RT_EDENIED);
	assert_string_equal(full, "");

	code_at(f, f->alice, T0 + 30, code);
	assert_int_equal(account_second_factor(auth, &f->t.h, sid, f->alice,
	    code, ADDR, T0 + 35, full, &recovery, &left), RT_OK);
	assert_int_equal(recovery, 0);
	assert_int_equal(left, ACCOUNT_CODES);
	assert_int_equal(strlen(full), AUTH_TOKEN_LEN);
	assert_string_not_equal(full, pend);
	assert_int_equal(auth_session_get(auth, &f->t.h, pend, T0 + 35, &s),
	    RT_ENOTFOUND);
	assert_int_equal(auth_session_get(auth, &f->t.h, full, T0 + 35, &s),
	    RT_OK);
	assert_int_equal(account_session_state(&f->t.h, s.id, f->alice, &st),
	    RT_OK);
	assert_int_equal(st.pending, 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM session_info WHERE "
	    "mfa_pending = 0 AND user_agent = 'Firefox/Linux' "
	    "AND addr = '" ADDR "'"), 1);
	/* The failures of the code are forgotten after it. */
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures"), 0);

	/* The same code, in another login within its window: refused. */
	sid = session(f, f->alice, 1, pend);
	assert_int_equal(account_second_factor(auth, &f->t.h, sid, f->alice,
	    code, ADDR, T0 + 40, full, &recovery, &left), RT_EDENIED);
	/* The session already complete is not a pending one. */
	assert_int_equal(account_second_factor(auth, &f->t.h, s.id, f->alice,
	    code, ADDR, T0 + 40, full, &recovery, &left), RT_ENOTFOUND);
	/* Nor is Bob's pending session Alice's. */
	{
		char	 bt[AUTH_TOKEN_LEN + 1];
		int64_t	 bsid = session(f, f->bob, 1, bt);

		assert_int_equal(account_second_factor(auth, &f->t.h, bsid,
		    f->alice, codes[0], ADDR, T0 + 40, full, &recovery, &left),
		    RT_ENOTFOUND);
	}

	/* A recovery code, as typed, works once. */
	{
		account_code	 typed;

		account_code_format(codes[3], typed);
		typed[2] = (char)(typed[2] - 'A' + 'a');
		if (typed[2] < 'a' || typed[2] > 'z')
			typed[2] = codes[3][2];
		assert_int_equal(account_second_factor(auth, &f->t.h, sid,
		    f->alice, typed, ADDR, T0 + 45, full, &recovery, &left),
		    RT_OK);
	}
	assert_int_equal(recovery, 1);
	assert_int_equal(left, ACCOUNT_CODES - 1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM user_recovery_codes "
	    "WHERE used_at = 1700000045"), 1);
	sid = session(f, f->alice, 1, pend);
	assert_int_equal(account_second_factor(auth, &f->t.h, sid, f->alice,
	    codes[3], ADDR, T0 + 50, full, &recovery, &left), RT_EDENIED);
	assert_int_equal(account_second_factor(auth, &f->t.h, sid, f->alice,
	    codes[4], ADDR, T0 + 50, full, &recovery, &left), RT_OK);
	assert_int_equal(left, ACCOUNT_CODES - 2);

	/* New codes replace the old ones. */
	{
		account_code	 fresh[ACCOUNT_CODES];
		struct account_totp t;

		assert_int_equal(account_codes_renew(&f->t.h, f->alice, T0 + 60,
		    fresh), RT_OK);
		assert_int_equal(account_totp_get(&f->t.h, f->alice, &t), RT_OK);
		assert_int_equal(t.codes_left, ACCOUNT_CODES);
		sid = session(f, f->alice, 1, pend);
		assert_int_equal(account_second_factor(auth, &f->t.h, sid,
		    f->alice, codes[5], ADDR, T0 + 60, full, &recovery, &left),
		    RT_EDENIED);
		assert_int_equal(account_second_factor(auth, &f->t.h, sid,
		    f->alice, fresh[0], ADDR, T0 + 60, full, &recovery, &left),
		    RT_OK);
		assert_int_equal(account_codes_renew(&f->t.h, f->bob, T0 + 60,
		    fresh), RT_ENOTFOUND);
	}
}

/*
 * Wrong codes are throttled like passwords, under a key of their own: the
 * right code is refused once the limit is reached, and a right password
 * (which clears the e-mail's failures) does not lift it.
 */
static void
test_second_factor_throttled(void **state)
{
	struct fx	*f = *state;
	account_code	 codes[ACCOUNT_CODES];
	char		 pend[AUTH_TOKEN_LEN + 1], full[AUTH_TOKEN_LEN + 1];
	char		 code[ACCOUNT_TOTP_DIGITS + 1], bad[16];
	int64_t		 sid;
	int		 i, recovery, left;

	alice_2fa(f, 0, codes);
	sid = session(f, f->alice, 1, pend);
	code_at(f, f->alice, T0 + 30, code);
	snprintf(bad, sizeof(bad), "%06d", (atoi(code) + 1) % 1000000);
	for (i = 0; i < cfg.login_max_per_account; i++)
		assert_int_equal(account_second_factor(auth, &f->t.h, sid,
		    f->alice, bad, ADDR, T0 + 30, full, &recovery, &left),
		    RT_EDENIED);
	assert_int_equal(account_second_factor(auth, &f->t.h, sid, f->alice,
	    code, ADDR, T0 + 30, full, &recovery, &left), RT_ETHROTTLED);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures "
	    "WHERE email = 'totp:1' AND addr = '" ADDR "'"),
	    cfg.login_max_per_account);
	/* From another address too: the account's budget is spent. */
	assert_int_equal(account_second_factor(auth, &f->t.h, sid, f->alice,
	    code, "198.51.100.1", T0 + 30, full, &recovery, &left),
	    RT_ETHROTTLED);
	/* Turning it off is throttled as well. */
	assert_int_equal(account_totp_disable(auth, &f->t.h, f->alice, code,
	    ADDR, T0 + 30), RT_ETHROTTLED);
	/* Fifteen minutes later the code of that time works. */
	code_at(f, f->alice, T0 + 30 + AUTH_THROTTLE_WINDOW, code);
	assert_int_equal(account_second_factor(auth, &f->t.h, sid, f->alice,
	    code, ADDR, T0 + 30 + AUTH_THROTTLE_WINDOW, full, &recovery,
	    &left), RT_OK);
}

/*
 * Nothing typed at the login spends the budget of the codes: an "e-mail"
 * that is the codes' throttling key ("totp:<id>", user ids being easy to
 * guess) fails as often as the login allows, and the right code still
 * opens the session.
 */
static void
test_second_factor_key_not_typed(void **state)
{
	struct fx	*f = *state;
	account_code	 codes[ACCOUNT_CODES];
	char		 pend[AUTH_TOKEN_LEN + 1], full[AUTH_TOKEN_LEN + 1];
	char		 code[ACCOUNT_TOTP_DIGITS + 1], key[32];
	int64_t		 sid, uid;
	int		 i, recovery, left;

	alice_2fa(f, 0, codes);
	snprintf(key, sizeof(key), "totp:%lld", (long long)f->alice);
	for (i = 0; i < cfg.login_max_per_account; i++)
		assert_int_equal(auth_login(auth, &f->t.h, key, "guess", 5,
		    "198.51.100.9", T0 + 30 + i, &uid), RT_EDENIED);
	assert_int_equal(q_int_text(&f->t, "SELECT count(*) FROM "
	    "login_failures WHERE email = ?1", key), 0);
	/* They still count, for the address and under "@". */
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM login_failures "
	    "WHERE email = '@' AND addr = '198.51.100.9'"),
	    cfg.login_max_per_account);
	sid = session(f, f->alice, 1, pend);
	code_at(f, f->alice, T0 + 60, code);
	assert_int_equal(account_second_factor(auth, &f->t.h, sid, f->alice,
	    code, ADDR, T0 + 60, full, &recovery, &left), RT_OK);
}

/* Turning two-factor off needs a right code, of the app or a recovery one. */
static void
test_totp_disable(void **state)
{
	struct fx		*f = *state;
	struct account_totp	 t;
	account_code		 codes[ACCOUNT_CODES];
	char			 code[ACCOUNT_TOTP_DIGITS + 1], tok[AUTH_TOKEN_LEN + 1];
	struct session		 s;

	alice_2fa(f, 0, codes);
	assert_int_equal(account_totp_disable(auth, &f->t.h, f->alice, "123",
	    ADDR, T0 + 30), RT_EDENIED);
	assert_int_equal(account_totp_disable(auth, &f->t.h, f->alice,
	    "ABCDE-FGH23", ADDR, T0 + 30), RT_EDENIED);
	assert_int_equal(account_totp_get(&f->t.h, f->alice, &t), RT_OK);
	assert_int_equal(t.enabled, 1);
	assert_int_equal(account_totp_disable(auth, &f->t.h, f->alice, codes[0],
	    ADDR, T0 + 30), RT_OK);
	assert_int_equal(account_totp_get(&f->t.h, f->alice, &t), RT_OK);
	assert_int_equal(t.enabled, 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM user_recovery_codes"),
	    0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM user_totp"), 0);
	assert_int_equal(account_totp_disable(auth, &f->t.h, f->alice, codes[1],
	    ADDR, T0 + 30), RT_ENOTFOUND);

	/* With the app's code, after a new set-up. */
	alice_2fa(f, 0, codes);
	code_at(f, f->alice, T0 + 60, code);
	assert_int_equal(account_totp_disable(auth, &f->t.h, f->alice, code,
	    ADDR, T0 + 60), RT_OK);

	/* The administrator's way: no code, every session ends. */
	alice_2fa(f, 0, codes);
	(void)session(f, f->alice, 0, tok);
	assert_int_equal(account_totp_remove(&f->t.h, f->alice), RT_OK);
	assert_int_equal(account_totp_get(&f->t.h, f->alice, &t), RT_OK);
	assert_int_equal(t.enabled, 0);
	assert_int_equal(auth_session_get(auth, &f->t.h, tok, T0, &s),
	    RT_ENOTFOUND);
	assert_int_equal(account_totp_remove(&f->t.h, f->alice), RT_ENOTFOUND);
}

/* The instance's setting: off by default, on, off again. */
static void
test_require_setting(void **state)
{
	struct fx		*f = *state;
	struct account_state	 st;
	char			 tok[AUTH_TOKEN_LEN + 1];
	int64_t			 sid;
	int			 on = -1;

	assert_int_equal(account_require_2fa(&f->t.h, &on), RT_OK);
	assert_int_equal(on, 0);
	sid = session(f, f->bob, 0, tok);
	assert_int_equal(account_session_state(&f->t.h, sid, f->bob, &st),
	    RT_OK);
	assert_int_equal(st.require_staff, 0);
	assert_int_equal(account_require_2fa_set(&f->t.h, 1, f->alice, T0),
	    RT_OK);
	assert_int_equal(account_require_2fa(&f->t.h, &on), RT_OK);
	assert_int_equal(on, 1);
	assert_int_equal(account_session_state(&f->t.h, sid, f->bob, &st),
	    RT_OK);
	assert_int_equal(st.require_staff, 1);
	assert_int_equal(st.totp, 0);
	assert_int_equal(st.pending, 0);
	assert_int_equal(q_int(&f->t, "SELECT updated_by FROM settings"),
	    f->alice);
	assert_int_equal(account_require_2fa_set(&f->t.h, 0, 0, T0 + 1), RT_OK);
	assert_int_equal(account_require_2fa(&f->t.h, &on), RT_OK);
	assert_int_equal(on, 0);
	assert_int_equal(q_int(&f->t, "SELECT updated_by IS NULL FROM settings"),
	    1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM settings"), 1);
}

/*
 * A person's sessions are listed, most recent first, with what opened
 * them; they end one by one (never another person's) or all but this one.
 */
static void
test_sessions(void **state)
{
	struct fx		*f = *state;
	struct account_session	*v = NULL;
	struct session		 s;
	char			 t1[AUTH_TOKEN_LEN + 1], t2[AUTH_TOKEN_LEN + 1];
	char			 t3[AUTH_TOKEN_LEN + 1], tb[AUTH_TOKEN_LEN + 1];
	int64_t			 s1, s2, s3, sb;
	size_t			 n = 0;

	s1 = session(f, f->alice, 0, t1);
	s2 = session(f, f->alice, 0, t2);
	s3 = session(f, f->alice, 1, t3);
	sb = session(f, f->bob, 0, tb);
	assert_int_equal(auth_session_get(auth, &f->t.h, t2, T0 + 120, &s),
	    RT_OK);
	assert_int_equal(account_sessions(auth, &f->t.h, f->alice, T0 + 120, &v,
	    &n), RT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].id, s2);
	assert_int_equal(v[0].last_seen, T0 + 120);
	assert_string_equal(v[0].agent, "Firefox/Linux");
	assert_string_equal(v[0].addr, ADDR);
	assert_int_equal(v[0].pending, 0);
	assert_int_equal(v[1].id, s3);
	assert_int_equal(v[1].pending, 1);
	assert_int_equal(v[2].id, s1);
	free(v);
	v = NULL;
	/* Past the idle time, a session is no longer listed. */
	assert_int_equal(account_sessions(auth, &f->t.h, f->alice,
	    T0 + cfg.session_idle + 60, &v, &n), RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, s2);
	free(v);
	v = NULL;

	assert_int_equal(account_session_end(&f->t.h, f->alice, sb),
	    RT_ENOTFOUND);
	assert_int_equal(auth_session_get(auth, &f->t.h, tb, T0, &s), RT_OK);
	assert_int_equal(account_session_end(&f->t.h, f->alice, s1), RT_OK);
	assert_int_equal(auth_session_get(auth, &f->t.h, t1, T0, &s),
	    RT_ENOTFOUND);
	assert_int_equal(account_session_end(&f->t.h, f->alice, s1),
	    RT_ENOTFOUND);
	assert_int_equal(account_sessions_end_others(&f->t.h, f->alice, s2),
	    RT_OK);
	assert_int_equal(account_sessions(auth, &f->t.h, f->alice, T0, &v, &n),
	    RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, s2);
	free(v);
	assert_int_equal(auth_session_get(auth, &f->t.h, tb, T0, &s), RT_OK);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM session_info"), 2);
	(void)s3;
}

/*
 * A new password ends every other session of the person, not this one nor
 * anyone else's, and cancels the person's reset links, not anyone else's.
 */
static void
test_password_change(void **state)
{
	struct fx		*f = *state;
	struct session		 s;
	struct admin_reset	 rs;
	char			 t1[AUTH_TOKEN_LEN + 1], t2[AUTH_TOKEN_LEN + 1];
	char			 tb[AUTH_TOKEN_LEN + 1], name[AUTH_NAME_MAX];
	char			 ra[AUTH_TOKEN_LEN + 1], rb[AUTH_TOKEN_LEN + 1];
	int64_t			 s1;

	s1 = session(f, f->alice, 0, t1);
	(void)session(f, f->alice, 0, t2);
	(void)session(f, f->bob, 0, tb);
	assert_int_equal(admin_reset_create(&f->t.h, f->alice, 0, T0, ra),
	    RT_OK);
	assert_int_equal(admin_reset_create(&f->t.h, f->bob, 0, T0, rb),
	    RT_OK);
	assert_int_equal(admin_reset_lookup(&f->t.h, ra, T0, &rs), RT_OK);
	assert_int_equal(account_password_set(&f->t.h, f->alice, s1, HASH2,
	    T0 + 60), RT_OK);
	assert_int_equal(admin_reset_lookup(&f->t.h, ra, T0 + 61, &rs),
	    RT_EEXPIRED);
	assert_int_equal(admin_reset_lookup(&f->t.h, rb, T0 + 61, &rs), RT_OK);
	assert_int_equal(rs.user_id, f->bob);
	assert_int_equal(q_int(&f->t, "SELECT pwhash = '" HASH2 "' FROM users "
	    "WHERE email = 'alice@example.org'"), 1);
	assert_int_equal(q_int(&f->t, "SELECT pwhash = '" TDB_HASH "' "
	    "FROM users WHERE email = 'bob@example.org'"), 1);
	assert_int_equal(auth_session_get(auth, &f->t.h, t1, T0, &s), RT_OK);
	assert_int_equal(auth_session_get(auth, &f->t.h, t2, T0, &s),
	    RT_ENOTFOUND);
	assert_int_equal(auth_session_get(auth, &f->t.h, tb, T0, &s), RT_OK);

	assert_int_equal(account_name_set(&f->t.h, f->alice, "Alice Tremblay"),
	    RT_OK);
	assert_int_equal(auth_session_get(auth, &f->t.h, t1, T0, &s), RT_OK);
	snprintf(name, sizeof(name), "%s", s.user_name);
	assert_string_equal(name, "Alice Tremblay");
	assert_int_equal(account_name_set(&f->t.h, f->alice, ""), RT_EDB);
}

/* Browsers and systems are named from a fixed list, never copied from the header. */
static void
test_agent_summary(void **state)
{
	char	 out[ACCOUNT_AGENT_MAX + 1];

	(void)state;
	account_agent_summary("Mozilla/5.0 (X11; Linux x86_64; rv:115.0) "
	    "Gecko/20100101 Firefox/115.0", out);
	assert_string_equal(out, "Firefox/Linux");
	account_agent_summary("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like "
	    "Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 "
	    "Mobile/15E148 Safari/604.1", out);
	assert_string_equal(out, "Safari/iPhone");
	account_agent_summary("Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
	    "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
	    "Safari/537.36 Edg/120.0.0.0", out);
	assert_string_equal(out, "Edge/Windows");
	account_agent_summary("Mozilla/5.0 (Linux; Android 14) AppleWebKit/"
	    "537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
	    out);
	assert_string_equal(out, "Chrome/Android");
	account_agent_summary("curl/7.88.1", out);
	assert_string_equal(out, "curl/");
	account_agent_summary("<script>alert(1)</script>", out);
	assert_string_equal(out, "/");
	account_agent_summary(NULL, out);
	assert_string_equal(out, "/");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_totp_rfc6238),
		cmocka_unit_test(test_totp_window),
		cmocka_unit_test(test_totp_encodings),
		cmocka_unit_test(test_code_normalise),
		cmocka_unit_test_setup_teardown(test_totp_enable, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_second_factor, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_second_factor_throttled,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_second_factor_key_not_typed,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_totp_disable, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_require_setting, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_sessions, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_password_change, setup,
		    tdb_teardown),
		cmocka_unit_test(test_agent_summary),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
