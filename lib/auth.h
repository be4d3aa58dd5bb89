/*
 * auth.h: passwords, tokens, sessions, CSRF, login and sign-up throttling.
 *
 * Passwords are hashed with argon2id (crypto_pwhash_str, at least the
 * INTERACTIVE preset); at most cfg->hash_slots hashes run at once, since
 * each costs 64 MiB.  Every token is 256 random bits from randombytes_buf,
 * written as 43 characters of unpadded base64url; the database only keeps
 * a hash of session and invitation tokens.
 */
#ifndef RESEAUTER_AUTH_H
#define RESEAUTER_AUTH_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "config.h"
#include "db.h"

#define AUTH_TOKEN_LEN   43    /* base64url of 32 bytes, without padding */
#define AUTH_HASH_MAX    128   /* >= crypto_pwhash_STRBYTES */
#define AUTH_PW_MIN      8     /* characters (code points) */
#define AUTH_PW_MAX      256   /* characters; longer is refused (cost) */
#define AUTH_NAME_MAX    512   /* bytes, for names copied into a session */
#define AUTH_THROTTLE_WINDOW (15 * 60)
#define AUTH_SIGNUP_WINDOW   (60 * 60)  /* of auth_signup_check() */

struct auth;   /* the hashing limiter and the settings copied from config */

/* Creates the auth context from cfg.  Returns RT_OK or RT_ENOMEM. */
int auth_new(struct auth **out, const struct config *cfg);

/* Frees a, which must not be in use by any thread.  NULL is allowed. */
void auth_free(struct auth *a);

/*
 * How many argon2 computations (hash or verification) have started since
 * auth_new(): lets tests and monitoring see that an unknown e-mail costs a
 * verification and a throttled attempt none.
 */
unsigned long auth_hash_count(struct auth *a);

/* Writes a fresh 256-bit random token into out (NUL-terminated). */
void auth_token_new(char out[AUTH_TOKEN_LEN + 1]);

/* Non-zero when a and b are equal tokens, compared in constant time. */
int auth_token_equal(const char *a, const char *b);

/* Why a new password is refused. */
enum auth_pw_problem {
	AUTH_PW_OK = 0,
	AUTH_PW_SHORT,     /* fewer than AUTH_PW_MIN characters */
	AUTH_PW_LONG,      /* more than AUTH_PW_MAX characters */
	AUTH_PW_COMMON     /* in the list of common passwords shipped with us */
};

/* Checks a new password (valid UTF-8) against the policy; returns enum auth_pw_problem. */
int auth_password_problem(const char *pw, size_t len);

/* Hashes pw into out.  Returns RT_OK or RT_ENOMEM (argon2 could not allocate). */
int auth_password_hash(struct auth *a, const char *pw, size_t len,
    char out[AUTH_HASH_MAX]);

/*
 * Checks an e-mail and password.  Refuses with RT_ETHROTTLED, before any
 * hashing, when the account or the client address had too many failures
 * in the last 15 minutes; records a failure on RT_EDENIED; an unknown
 * e-mail costs the same time as a wrong password.  The failures of any
 * text without '@' count together, under "@".  Rehashes the password
 * when crypto_pwhash_str_needs_rehash says so.  Returns RT_OK with
 * *user_id, RT_EDENIED, RT_ETHROTTLED or RT_EDB.
 */
int auth_login(struct auth *a, struct dbh *h, const char *email,
    const char *pw, size_t pwlen, const char *addr, time_t now,
    int64_t *user_id);

/*
 * The roles a person can hold across the instance (table user_roles), as
 * bits of struct session's roles.
 */
enum auth_role {
	AUTH_ROLE_ADMIN = 1,     /* runs the instance: accounts, roles, backups */
	AUTH_ROLE_TRAINER = 2    /* runs cohorts and reads their plans */
};

/* A live session, with what every page needs to know of its user. */
struct session {
	int64_t id;
	int64_t user_id;
	char    csrf[AUTH_TOKEN_LEN + 1];   /* the token every form carries */
	char    lang[8];                    /* the user's language, "" if none */
	char    user_name[AUTH_NAME_MAX];
	char    user_email[AUTH_NAME_MAX];
	int64_t created;
	int64_t last_seen;
	int     roles;                      /* enum auth_role bits */
};

/*
 * Starts a session for user_id and writes its cookie token into token.
 * Returns RT_OK or RT_EDB.
 */
int auth_session_start(struct auth *a, struct dbh *h, int64_t user_id,
    time_t now, char token[AUTH_TOKEN_LEN + 1]);

/*
 * Finds the session of a cookie token.  A session idle for longer than the
 * idle timeout, or older than the absolute lifetime, is deleted and gives
 * RT_EEXPIRED.  last_seen is written at most once a minute.  Returns RT_OK
 * with *out filled, RT_ENOTFOUND, RT_EEXPIRED or RT_EDB.
 */
int auth_session_get(struct auth *a, struct dbh *h, const char *token,
    time_t now, struct session *out);

/* Ends the session of token (logout).  Returns RT_OK even if none existed, or RT_EDB. */
int auth_session_end(struct dbh *h, const char *token);

/*
 * Stores the user's language ("fr" or "en").  Returns RT_OK, RT_EINVAL
 * for any other string (nothing written) or RT_EDB.
 */
int auth_user_set_lang(struct dbh *h, int64_t user_id, const char *lang);

/*
 * The throttling of auth_login() for another secret typed at login (the
 * codes of two-factor authentication, lib/account.c), under a key of the
 * caller's that holds no '@' ("totp:<user id>"), so that no text typed at
 * the login ever counts under it: the same table, window and limits, the
 * key counting as the account.  auth_throttle_check()
 * returns RT_OK, RT_ETHROTTLED (too many failures of key or of addr in
 * the window) or RT_EDB, and hashes nothing.  auth_throttle_record()
 * records one failure of key from addr (ok 0), or forgets the failures
 * of key (ok 1), in a write transaction of its own.  Returns RT_OK or
 * RT_EDB.
 */
int auth_throttle_check(struct auth *a, struct dbh *h, const char *key,
    const char *addr, time_t now);
int auth_throttle_record(struct dbh *h, int ok, const char *key,
    const char *addr, time_t now);

/*
 * The throttling of sign-ups, by what they make: RT_ETHROTTLED when addr
 * (the client address, NULL taken as "") made the limit of accounts
 * (cfg->signup_max_per_addr) in the last AUTH_SIGNUP_WINDOW seconds, with
 * *retry_after the seconds until one of them leaves the window; else
 * RT_OK (*retry_after 0), or RT_EDB.  Reads only, hashes nothing: call it
 * before hashing the new password.
 */
int auth_signup_check(struct auth *a, struct dbh *h, const char *addr,
    time_t now, long *retry_after);

/*
 * On the writer w, inside the caller's write transaction (the one that
 * makes the account), records one account made from addr at now and
 * deletes the records that have left the window.  Returns RT_OK or
 * RT_EDB / RT_EBUSY.
 */
int auth_signup_record_in(struct db_conn *w, const char *addr, time_t now);

/*
 * On the writer w, inside the caller's write transaction, deletes every
 * session that has expired at now (as auth_session_start() does).
 * Returns RT_OK or RT_EDB / RT_EBUSY.
 */
int auth_sessions_prune_in(struct auth *a, struct db_conn *w, time_t now);

/* The idle timeout and the absolute lifetime of sessions, in seconds. */
void auth_session_limits(const struct auth *a, long *idle, long *max);

#endif
