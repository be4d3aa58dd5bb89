/*
 * auth.c: passwords, tokens, sessions and login throttling.
 *
 * Passwords: argon2id through crypto_pwhash_str() with the INTERACTIVE
 * limits (64 MiB, 2 passes).  Since every hash takes 64 MiB, a counting
 * semaphore lets at most cfg->hash_slots of them run at once; the others
 * wait their turn.  The policy for a new password counts characters (code
 * points, not bytes) and refuses the list of common passwords compiled in
 * from lib/common_passwords.txt.
 *
 * Tokens (session cookies, CSRF, invitations): 32 bytes of randombytes_buf()
 * as 43 characters of unpadded base64url.  The database keeps only the
 * BLAKE2b hash of a session or invitation token (db_token_hash()).
 *
 * Throttling: each failed login is a row (e-mail, client address, time) of
 * login_failures.  Before any hashing, a login is refused when the account
 * or the address had too many failures in the last AUTH_THROTTLE_WINDOW
 * seconds; the check and the later write are not one transaction, so a
 * burst of parallel attempts can pass the limit by at most the number of
 * requests served at once (every one may read the count before the first
 * failure is written; the hashing slots only make them queue), which is
 * harmless.
 *
 * Sign-ups are throttled the same way by what they make: each account made
 * by sign-up is a row (client address, time) of signups, written in the
 * transaction that makes the account (auth_signup_record_in()), and a
 * sign-up is refused before any hashing when its address made too many in
 * the last AUTH_SIGNUP_WINDOW seconds (auth_signup_check()).
 */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "config.h"
#include "db.h"
#include "auth.h"
#include "http.h"
#include "sql.h"

/* The generated array of lib/common_passwords.txt, lower-cased and sorted (C locale). */
extern const char *const common_passwords[];
extern const size_t common_passwords_count;

#define AUTH_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define AUTH_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

/* A session's last_seen is written at most once per this many seconds. */
#define AUTH_TOUCH_EVERY 60

/* Bytes of randomness in a token. */
#define AUTH_TOKEN_BYTES 32

_Static_assert(AUTH_HASH_MAX >= crypto_pwhash_STRBYTES,
    "AUTH_HASH_MAX must hold a crypto_pwhash_str() string");
_Static_assert(AUTH_TOKEN_LEN + 1 == sodium_base64_ENCODED_LEN(
    AUTH_TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
    "AUTH_TOKEN_LEN must be the unpadded base64url length of a token");

struct auth {
	pthread_mutex_t mu;          /* guards free_slots */
	pthread_cond_t  cv;          /* signalled when a slot frees up */
	int             free_slots;  /* hashes that may start now */
	unsigned long   hashes;      /* argon2 computations started, under mu */
	long            idle;        /* session idle timeout, seconds */
	long            max;         /* session absolute lifetime, seconds */
	int             max_account; /* failures per e-mail per window */
	int             max_addr;    /* failures per address per window */
	int             max_signup;  /* accounts made per address per sign-up window */
	char            dummy[crypto_pwhash_STRBYTES]; /* verified for unknown e-mails */
};

/*
 * Waits until a hashing slot is free and takes it.  Every call must be
 * paired with auth_slot_release().  pthread_cond_wait() may wake up
 * spuriously, hence the loop.
 */
static void
auth_slot_acquire(struct auth *a)
{
	pthread_mutex_lock(&a->mu);
	while (a->free_slots <= 0)
		pthread_cond_wait(&a->cv, &a->mu);
	a->free_slots--;
	a->hashes++;
	pthread_mutex_unlock(&a->mu);
}

/* See auth.h. */
unsigned long
auth_hash_count(struct auth *a)
{
	unsigned long n;

	pthread_mutex_lock(&a->mu);
	n = a->hashes;
	pthread_mutex_unlock(&a->mu);
	return n;
}

/* Gives back the slot of auth_slot_acquire() and wakes one waiter. */
static void
auth_slot_release(struct auth *a)
{
	pthread_mutex_lock(&a->mu);
	a->free_slots++;
	pthread_cond_signal(&a->cv);
	pthread_mutex_unlock(&a->mu);
}

/*
 * See auth.h.  A hash_slots below 1 (config allows none, but a zeroed
 * config would) is taken as 1.  The dummy hash, of a random password that
 * nobody knows, costs one hash at start-up; its failure can only be
 * argon2's allocation, hence RT_ENOMEM.  Nothing is allocated on failure.
 */
int
auth_new(struct auth **out, const struct config *cfg)
{
	struct auth	*a;
	unsigned char	 secret[32];
	int		 mu = 0;

	assert(out != NULL && cfg != NULL);
	assert(cfg->session_idle > 0 && cfg->session_max > 0);
	*out = NULL;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return RT_ENOMEM;
	if (pthread_mutex_init(&a->mu, NULL) != 0)
		goto fail;
	mu = 1;
	if (pthread_cond_init(&a->cv, NULL) != 0)
		goto fail;
	a->free_slots = cfg->hash_slots > 0 ? cfg->hash_slots : 1;
	a->idle = cfg->session_idle;
	a->max = cfg->session_max;
	a->max_account = cfg->login_max_per_account;
	a->max_addr = cfg->login_max_per_addr;
	a->max_signup = cfg->signup_max_per_addr;
	randombytes_buf(secret, sizeof(secret));
	if (crypto_pwhash_str(a->dummy, (const char *)secret, sizeof(secret),
	    AUTH_OPSLIMIT, AUTH_MEMLIMIT) != 0) {
		pthread_cond_destroy(&a->cv);
		goto fail;
	}
	sodium_memzero(secret, sizeof(secret));
	*out = a;
	return RT_OK;
fail:
	if (mu)
		pthread_mutex_destroy(&a->mu);
	free(a);
	return RT_ENOMEM;
}

/* See auth.h.  NULL is allowed. */
void
auth_free(struct auth *a)
{
	if (a == NULL)
		return;
	pthread_cond_destroy(&a->cv);
	pthread_mutex_destroy(&a->mu);
	free(a);
}

/*
 * See auth.h.  randombytes_buf() cannot fail (it aborts the process if
 * the system's generator is unusable, after sodium_init()).
 */
void
auth_token_new(char out[AUTH_TOKEN_LEN + 1])
{
	unsigned char	 bin[AUTH_TOKEN_BYTES];

	assert(out != NULL);
	randombytes_buf(bin, sizeof(bin));
	sodium_bin2base64(out, AUTH_TOKEN_LEN + 1, bin, sizeof(bin),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(bin, sizeof(bin));
}

/*
 * See auth.h.  Only the lengths leak through timing, and every real token
 * has the same length: a string of any other length (or NULL) is never
 * equal, so an empty CSRF field does not match an empty token.
 */
int
auth_token_equal(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return 0;
	if (strnlen(a, AUTH_TOKEN_LEN + 1) != AUTH_TOKEN_LEN ||
	    strnlen(b, AUTH_TOKEN_LEN + 1) != AUTH_TOKEN_LEN)
		return 0;
	return sodium_memcmp(a, b, AUTH_TOKEN_LEN) == 0;
}

/* The key searched for in common_passwords: bytes that need not end in NUL. */
struct auth_pwkey {
	const char *s;
	size_t      len;
};

/*
 * bsearch() comparison of a struct auth_pwkey with an entry of
 * common_passwords, in the byte order of `LC_ALL=C sort` (unsigned
 * bytes, a prefix first).  A key holding a NUL byte compares as bytes
 * like any other.
 */
static int
auth_pwcmp(const void *key, const void *entry)
{
	const struct auth_pwkey	*k = key;
	const char		*e = *(const char *const *)entry;
	size_t			 elen = strlen(e);
	int			 c;

	c = memcmp(k->s, e, k->len < elen ? k->len : elen);
	if (c != 0)
		return c;
	return (k->len > elen) - (k->len < elen);
}

/*
 * See auth.h.  pw must be valid UTF-8 (the form layer refuses anything
 * else, so this is asserted).  The list is compared with the password
 * lower-cased in ASCII only, as the Makefile lower-cases the list (tr
 * A-Z a-z): "MotDePasse1" matches "motdepasse1"; accented capitals are
 * left as they are.  The length test comes first, so the copy for
 * lower-casing is bounded by AUTH_PW_MAX characters of at most 4 bytes.
 */
int
auth_password_problem(const char *pw, size_t len)
{
	char			 low[AUTH_PW_MAX * 4];
	struct auth_pwkey	 key;
	size_t			 n, i;

	assert(pw != NULL || len == 0);
	assert(len == 0 || utf8_valid(pw, len));
	n = len == 0 ? 0 : utf8_length(pw, len);
	if (n < AUTH_PW_MIN)
		return AUTH_PW_SHORT;
	if (n > AUTH_PW_MAX)
		return AUTH_PW_LONG;
	assert(len <= sizeof(low));
	for (i = 0; i < len; i++)
		low[i] = (pw[i] >= 'A' && pw[i] <= 'Z') ?
		    (char)(pw[i] - 'A' + 'a') : pw[i];
	key.s = low;
	key.len = len;
	if (bsearch(&key, common_passwords, common_passwords_count,
	    sizeof(common_passwords[0]), auth_pwcmp) != NULL)
		return AUTH_PW_COMMON;
	return AUTH_PW_OK;
}

/*
 * See auth.h.  The hash runs in a slot of the limiter.  out is always
 * NUL-terminated, "" on failure.
 */
int
auth_password_hash(struct auth *a, const char *pw, size_t len,
    char out[AUTH_HASH_MAX])
{
	int	 rc;

	assert(a != NULL && out != NULL && (pw != NULL || len == 0));
	out[0] = '\0';
	auth_slot_acquire(a);
	rc = crypto_pwhash_str(out, pw != NULL ? pw : "",
	    (unsigned long long)len, AUTH_OPSLIMIT, AUTH_MEMLIMIT);
	auth_slot_release(a);
	if (rc != 0) {
		out[0] = '\0';
		return RT_ENOMEM;
	}
	return RT_OK;
}

/*
 * Counts into *n the rows of login_failures that statement id (by e-mail
 * or by address) finds for key after since, on connection c.  Returns
 * RT_OK or RT_EDB.
 */
static int
auth_failures(struct db_conn *c, enum db_stmt id, const char *key,
    int64_t since, int64_t *n)
{
	sqlite3_stmt	*st;
	int		 rc;

	*n = 0;
	if ((st = db_stmt(c, id)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, since) != SQLITE_OK)
		rc = db_fail(c, "bind failures");
	else if ((rc = db_step_row(c, st, "count failures")) == RT_OK)
		*n = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : RT_EDB;
}

/*
 * Maps the status of a failed step to what this module returns: RT_EBUSY
 * and RT_ESTORAGE stay (the caller may answer "try again"), anything else
 * is RT_EDB.
 */
static int
auth_dbstatus(int rc)
{
	return rc == RT_EBUSY || rc == RT_ESTORAGE ? rc : RT_EDB;
}

/*
 * On the writer w, deletes the login failures of email (any case).
 * Returns RT_OK or RT_EDB / RT_EBUSY.
 */
static int
auth_failures_clear(struct db_conn *w, const char *email)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_FAILURES_CLEAR)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(w, "bind clear failures");
	else
		rc = db_step_done(w, st, "clear failures");
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : auth_dbstatus(rc);
}

/*
 * On the writer w, records one failed login of email from addr at now.
 * Returns RT_OK or RT_EDB / RT_EBUSY.
 */
static int
auth_failure_add(struct db_conn *w, const char *email, const char *addr,
    time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_FAILURE_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, addr, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind add failure");
	else
		rc = db_step_done(w, st, "add failure");
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : auth_dbstatus(rc);
}

/*
 * On the writer w, deletes the failures that have left the throttling
 * window at now (those at now - AUTH_THROTTLE_WINDOW or before, which
 * the counts no longer see).  Returns RT_OK or RT_EDB / RT_EBUSY.
 */
static int
auth_failures_prune(struct db_conn *w, time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_FAILURES_PRUNE)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, (int64_t)now - AUTH_THROTTLE_WINDOW) !=
	    SQLITE_OK)
		rc = db_fail(w, "bind prune failures");
	else
		rc = db_step_done(w, st, "prune failures");
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : auth_dbstatus(rc);
}

/*
 * On the writer w, replaces the password hash of user_id by newhash, only
 * if it is still oldhash: a password changed since the verification wins.
 * Returns RT_OK (also when nothing changed) or RT_EDB / RT_EBUSY.
 */
static int
auth_pwhash_replace(struct db_conn *w, int64_t user_id, const char *oldhash,
    const char *newhash)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_USER_SET_PWHASH)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, newhash, -1, SQLITE_STATIC) !=
	    SQLITE_OK || sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, oldhash, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(w, "bind rehash");
	else
		rc = db_step_done(w, st, "rehash");
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : auth_dbstatus(rc);
}

/*
 * Writes what a login attempt leaves behind, in one write transaction:
 * on success (ok) the account's failures are cleared and, when newhash is
 * not NULL, the password hash is replaced by it (if still oldhash); on
 * failure one row is added.  Failures older than the window are deleted
 * either way.  Returns RT_OK or RT_EDB / RT_EBUSY; nothing is written on
 * failure.
 */
static int
auth_login_record(struct dbh *h, int ok, const char *email,
    const char *addr, int64_t user_id, const char *oldhash,
    const char *newhash, time_t now)
{
	struct db_conn	*w;
	int		 rc;

	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if (ok) {
		rc = auth_failures_clear(w, email);
		if (rc == RT_OK && newhash != NULL)
			rc = auth_pwhash_replace(w, user_id, oldhash, newhash);
	} else
		rc = auth_failure_add(w, email, addr, now);
	if (rc == RT_OK)
		rc = auth_failures_prune(w, now);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return rc;
	}
	return db_write_commit(h->db, w);
}

/*
 * See auth.h.  addr NULL is taken as "" (all callers without an address
 * then share one budget).  The order of the work is what makes the
 * contract: the throttle is read first and refuses without hashing; then
 * exactly one argon2 verification runs whether or not the e-mail exists
 * (against a dummy hash when it does not), so the time taken does not
 * tell which e-mails have accounts; then the outcome is written.  A
 * rehash whose hashing fails is skipped (the old hash still works).
 */
int
auth_login(struct auth *a, struct dbh *h, const char *email,
    const char *pw, size_t pwlen, const char *addr, time_t now,
    int64_t *user_id)
{
	sqlite3_stmt	*st;
	char		 hash[AUTH_HASH_MAX], newhash[AUTH_HASH_MAX];
	int64_t		 id = 0, nacc, naddr, since;
	int		 rc, found = 0, ok, verified, rehash = 0;

	assert(a != NULL && h != NULL && h->db != NULL && h->rd != NULL);
	assert(email != NULL && (pw != NULL || pwlen == 0) && user_id != NULL);
	*user_id = 0;
	if (addr == NULL)
		addr = "";
	if (pw == NULL)
		pw = "";
	/*
	 * Text without '@' is the e-mail of no account (schema.sql): its
	 * failures all count under "@", so that nothing typed at the login
	 * spends the budget of a key of auth_throttle_record(), which holds
	 * no '@' ("totp:<id>" of lib/account.c).
	 */
	if (strchr(email, '@') == NULL)
		email = "@";
	since = (int64_t)now - AUTH_THROTTLE_WINDOW;
	if ((rc = auth_failures(h->rd, DB_STMT_FAILURES_EMAIL, email, since,
	    &nacc)) != RT_OK ||
	    (rc = auth_failures(h->rd, DB_STMT_FAILURES_ADDR, addr, since,
	    &naddr)) != RT_OK)
		return rc;
	if (nacc >= a->max_account || naddr >= a->max_addr)
		return RT_ETHROTTLED;

	hash[0] = '\0';
	if ((st = db_stmt(h->rd, DB_STMT_USER_LOGIN)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(h->rd, "bind login");
	else
		rc = db_step_row(h->rd, st, "find user");
	if (rc == RT_OK) {
		found = 1;
		id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, hash, sizeof(hash));
	}
	db_stmt_release(st);
	if (rc != RT_OK && rc != RT_ENOTFOUND)
		return RT_EDB;

	auth_slot_acquire(a);
	verified = crypto_pwhash_str_verify(found ? hash : a->dummy, pw,
	    pwlen) == 0;
	auth_slot_release(a);
	ok = found && verified;

	if (ok && crypto_pwhash_str_needs_rehash(hash, AUTH_OPSLIMIT,
	    AUTH_MEMLIMIT) != 0)
		rehash = auth_password_hash(a, pw, pwlen, newhash) == RT_OK;

	rc = auth_login_record(h, ok, email, addr, id, hash,
	    rehash ? newhash : NULL, now);
	sodium_memzero(newhash, sizeof(newhash));
	if (rc != RT_OK)
		return rc;
	if (!ok)
		return RT_EDENIED;
	*user_id = id;
	return RT_OK;
}

/*
 * On the writer w, deletes every session, of any user, that has expired
 * at now: idle since before now - idle, or created before now - max (the
 * same limits as auth_session_get()).  Returns RT_OK or RT_EDB / RT_EBUSY.
 */
static int
auth_sessions_prune(struct db_conn *w, const struct auth *a, time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_SESSIONS_PRUNE)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, (int64_t)now - a->idle) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, (int64_t)now - a->max) != SQLITE_OK)
		rc = db_fail(w, "bind prune sessions");
	else
		rc = db_step_done(w, st, "prune sessions");
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : auth_dbstatus(rc);
}

/*
 * On the writer w, inserts a session of user_id under the token hash th
 * with its csrf token, created and last seen at now.  A user that does
 * not exist fails on the foreign key.  Returns RT_OK or RT_EDB / RT_EBUSY.
 */
static int
auth_session_add(struct db_conn *w, const unsigned char *th,
    int64_t user_id, const char *csrf, time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_SESSION_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_blob(st, 1, th, DB_TOKEN_HASH_LEN, SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind add session");
	else
		rc = db_step_done(w, st, "add session");
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : auth_dbstatus(rc);
}

/*
 * See auth.h.  Sessions past either timeout, of any user, are deleted in
 * the same transaction: a login is a fine moment for that chore.  token
 * is "" on failure.
 */
int
auth_session_start(struct auth *a, struct dbh *h, int64_t user_id,
    time_t now, char token[AUTH_TOKEN_LEN + 1])
{
	struct db_conn	*w;
	unsigned char	 th[DB_TOKEN_HASH_LEN];
	char		 csrf[AUTH_TOKEN_LEN + 1];
	int		 rc;

	assert(a != NULL && h != NULL && h->db != NULL && token != NULL);
	db_token_new(token, th);
	auth_token_new(csrf);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		goto out;
	if ((rc = auth_sessions_prune(w, a, now)) != RT_OK ||
	    (rc = auth_session_add(w, th, user_id, csrf, now)) != RT_OK) {
		db_write_rollback(h->db, w);
		goto out;
	}
	rc = db_write_commit(h->db, w);
out:
	if (rc != RT_OK)
		token[0] = '\0';
	return rc;
}

/*
 * Runs statement id, which takes the int64 v as its only parameter, in a
 * write transaction of its own.  Returns RT_OK, RT_EDB or RT_EBUSY.
 */
static int
auth_write_id(struct dbh *h, enum db_stmt id, int64_t v, const char *where)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, id)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, v) != SQLITE_OK)
		rc = db_fail(w, where);
	else
		rc = db_step_done(w, st, where);
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return auth_dbstatus(rc);
	}
	return db_write_commit(h->db, w);
}

/*
 * See auth.h.  A token that is not AUTH_TOKEN_LEN long cannot be one of
 * ours and is not looked up.  Expiry: idle when now - last_seen is more
 * than the idle timeout, too old when now - created is more than the
 * lifetime (exactly at the limit is still alive).  The session is looked
 * up by the hash of its token through a unique index, so no comparison
 * on the token itself can leak timing.  When the write of last_seen fails
 * (a busy database), the session is still answered: being logged in does
 * not depend on that bookkeeping.  *out is zeroed on any failure.
 */
int
auth_session_get(struct auth *a, struct dbh *h, const char *token,
    time_t now, struct session *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(a != NULL && h != NULL && h->rd != NULL);
	assert(token != NULL && out != NULL);
	memset(out, 0, sizeof(*out));
	rc = db_token_row(h->rd, DB_STMT_SESSION_GET, token, "get session",
	    &st);
	if (rc == RT_OK) {
		out->id = sqlite3_column_int64(st, 0);
		out->user_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, out->csrf, sizeof(out->csrf));
		out->created = sqlite3_column_int64(st, 3);
		out->last_seen = sqlite3_column_int64(st, 4);
		db_column_copy(st, 5, out->lang, sizeof(out->lang));
		db_column_copy(st, 6, out->user_name, sizeof(out->user_name));
		db_column_copy(st, 7, out->user_email,
		    sizeof(out->user_email));
		out->roles = sqlite3_column_int(st, 8);
	}
	db_stmt_release(st);
	if (rc == RT_ENOTFOUND)
		return rc;
	if (rc != RT_OK) {
		memset(out, 0, sizeof(*out));
		return RT_EDB;
	}
	if ((int64_t)now - out->last_seen > a->idle ||
	    (int64_t)now - out->created > a->max) {
		(void)auth_write_id(h, DB_STMT_SESSION_DEL_ID, out->id,
		    "delete expired session");
		memset(out, 0, sizeof(*out));
		return RT_EEXPIRED;
	}
	if ((int64_t)now - out->last_seen >= AUTH_TOUCH_EVERY) {
		struct db_conn	*w;

		if (db_write_begin(h->db, &w) != RT_OK)
			return RT_OK;
		if ((st = db_stmt(w, DB_STMT_SESSION_TOUCH)) == NULL)
			rc = RT_EDB;
		else if (sqlite3_bind_int64(st, 1, (int64_t)now) !=
		    SQLITE_OK || sqlite3_bind_int64(st, 2, out->id) !=
		    SQLITE_OK)
			rc = db_fail(w, "bind touch");
		else
			rc = db_step_done(w, st, "touch session");
		db_stmt_release(st);
		if (rc != RT_OK)
			db_write_rollback(h->db, w);
		else if (db_write_commit(h->db, w) == RT_OK)
			out->last_seen = now;
	}
	return RT_OK;
}

/* See auth.h.  A token of the wrong length matches nothing: RT_OK. */
int
auth_session_end(struct dbh *h, const char *token)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	unsigned char	 th[DB_TOKEN_HASH_LEN];
	int		 rc;

	assert(h != NULL && h->db != NULL && token != NULL);
	if (strnlen(token, AUTH_TOKEN_LEN + 1) != AUTH_TOKEN_LEN)
		return RT_OK;
	db_token_hash(token, th);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_SESSION_DEL_TOKEN)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_blob(st, 1, th, sizeof(th), SQLITE_STATIC) !=
	    SQLITE_OK)
		rc = db_fail(w, "bind end session");
	else
		rc = db_step_done(w, st, "end session");
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return auth_dbstatus(rc);
	}
	return db_write_commit(h->db, w);
}

/*
 * See auth.h.  Only "fr" and "en" are stored; anything else is RT_EINVAL
 * and nothing is written.  An unknown user_id changes nothing and is
 * RT_OK.
 */
int
auth_user_set_lang(struct dbh *h, int64_t user_id, const char *lang)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->db != NULL && lang != NULL);
	if (strcmp(lang, "fr") != 0 && strcmp(lang, "en") != 0)
		return RT_EINVAL;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_USER_SET_LANG)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC) !=
	    SQLITE_OK || sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK)
		rc = db_fail(w, "bind lang");
	else
		rc = db_step_done(w, st, "set lang");
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return auth_dbstatus(rc);
	}
	return db_write_commit(h->db, w);
}

/*
 * See auth.h.  The same counts as auth_login()'s, on this thread's
 * reader; addr NULL is taken as "".
 */
int
auth_throttle_check(struct auth *a, struct dbh *h, const char *key,
    const char *addr, time_t now)
{
	int64_t	 nkey, naddr, since;
	int	 rc;

	assert(a != NULL && h != NULL && h->rd != NULL && key != NULL);
	since = (int64_t)now - AUTH_THROTTLE_WINDOW;
	if ((rc = auth_failures(h->rd, DB_STMT_FAILURES_EMAIL, key, since,
	    &nkey)) != RT_OK ||
	    (rc = auth_failures(h->rd, DB_STMT_FAILURES_ADDR,
	    addr != NULL ? addr : "", since, &naddr)) != RT_OK)
		return rc;
	if (nkey >= a->max_account || naddr >= a->max_addr)
		return RT_ETHROTTLED;
	return RT_OK;
}

/* See auth.h: what auth_login() writes after a verification. */
int
auth_throttle_record(struct dbh *h, int ok, const char *key,
    const char *addr, time_t now)
{
	assert(h != NULL && h->db != NULL && key != NULL);
	return auth_login_record(h, ok, key, addr != NULL ? addr : "", 0,
	    NULL, NULL, now);
}

/*
 * See auth.h.  The one query finds the max_signup-th newest sign-up of
 * addr in the window: if there is one, the address is at its limit, and
 * the sign-up may come again once that row leaves the window, which is
 * what *retry_after says (at least 1 second).  addr NULL is taken as "".
 */
int
auth_signup_check(struct auth *a, struct dbh *h, const char *addr,
    time_t now, long *retry_after)
{
	sqlite3_stmt	*st;
	int64_t		 at;
	int		 rc;

	assert(a != NULL && h != NULL && h->rd != NULL && retry_after != NULL);
	*retry_after = 0;
	if ((st = db_stmt(h->rd, DB_STMT_SIGNUP_NTH)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, addr != NULL ? addr : "", -1,
	    SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, (int64_t)now - AUTH_SIGNUP_WINDOW) !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, a->max_signup > 0 ? a->max_signup - 1 :
	    0) != SQLITE_OK)
		rc = db_fail(h->rd, "bind signup check");
	else
		rc = db_step_row(h->rd, st, "count signups");
	at = rc == RT_OK ? sqlite3_column_int64(st, 0) : 0;
	db_stmt_release(st);
	if (rc == RT_ENOTFOUND)
		return RT_OK;
	if (rc != RT_OK)
		return RT_EDB;
	*retry_after = (long)(at + AUTH_SIGNUP_WINDOW - (int64_t)now);
	if (*retry_after < 1)
		*retry_after = 1;
	return RT_ETHROTTLED;
}

/*
 * See auth.h: one row for the account made, then the rows that have left
 * the window (at now - AUTH_SIGNUP_WINDOW or before) go.
 */
int
auth_signup_record_in(struct db_conn *w, const char *addr, time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(w != NULL);
	if ((st = db_stmt(w, DB_STMT_SIGNUP_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, addr != NULL ? addr : "", -1,
	    SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind add signup");
	else
		rc = db_step_done(w, st, "add signup");
	db_stmt_release(st);
	if (rc != RT_OK)
		return auth_dbstatus(rc);
	if ((st = db_stmt(w, DB_STMT_SIGNUPS_PRUNE)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, (int64_t)now - AUTH_SIGNUP_WINDOW) !=
	    SQLITE_OK)
		rc = db_fail(w, "bind prune signups");
	else
		rc = db_step_done(w, st, "prune signups");
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : auth_dbstatus(rc);
}

/* See auth.h. */
int
auth_sessions_prune_in(struct auth *a, struct db_conn *w, time_t now)
{
	assert(a != NULL && w != NULL);
	return auth_sessions_prune(w, a, now);
}

/* See auth.h. */
void
auth_session_limits(const struct auth *a, long *idle, long *max)
{
	assert(a != NULL && idle != NULL && max != NULL);
	*idle = a->idle;
	*max = a->max;
}
