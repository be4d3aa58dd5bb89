/*
 * account.h: what a person does with their own account (name, password,
 * two-factor authentication, sessions) and the instance's setting that
 * requires two-factor authentication of its trainers and administrators.
 *
 * Two-factor authentication is TOTP (RFC 6238) as every authenticator app
 * reads it: HMAC-SHA-1, 30-second steps, 6 digits, computed by liboath; a
 * code of the step before or after the current one is also accepted (a
 * phone's clock a little off, a code typed as it changed), and a code of
 * a step already used, or of an earlier one, is refused.  The key is 20
 * bytes of randombytes_buf(), shown once as base32 text and as an
 * otpauth:// URI in a QR code (account_qr_path()).  Two-factor is on only
 * once the person has typed a valid code with it; they then get
 * ACCOUNT_CODES recovery codes, shown once, of which only keyed hashes
 * are kept (schema.sql, user_recovery_codes), each usable once instead
 * of a code.
 *
 * A login of a person with two-factor is a session whose second factor is
 * pending (session_info.mfa_pending) until account_second_factor()
 * replaces it with a complete one under a new token; cgi/main.c lets such
 * a session open nothing but the second step, for at most
 * ACCOUNT_PENDING_MAX seconds.  The codes of the second step are
 * throttled like passwords (auth_throttle_check()), under a key of their
 * own ("totp:<user id>"), so that typing the right password again does
 * not clear the failed codes.
 */
#ifndef RESEAUTER_ACCOUNT_H
#define RESEAUTER_ACCOUNT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "auth.h"
#include "db.h"

#define ACCOUNT_TOTP_KEY_LEN  20     /* bytes of a TOTP key (RFC 4226's advice) */
#define ACCOUNT_TOTP_B32_LEN  32     /* base32 characters of a key */
#define ACCOUNT_TOTP_STEP     30     /* seconds of one step */
#define ACCOUNT_TOTP_DIGITS   6
#define ACCOUNT_TOTP_WINDOW   1      /* steps accepted on either side of now */
#define ACCOUNT_CODES         10     /* recovery codes made at once */
#define ACCOUNT_CODE_LEN      10     /* characters of one, without its hyphen */
#define ACCOUNT_PENDING_MAX   600    /* seconds a login waits for its second factor */
#define ACCOUNT_AGENT_MAX     100    /* bytes of a browser's summary */
#define ACCOUNT_ADDR_MAX      64     /* bytes of a client address */

/* A recovery code as stored (10 characters) or shown (5, a hyphen, 5). */
typedef char account_code[ACCOUNT_CODE_LEN + 2];

/*
 * Prepares liboath.  Call once at start, before any thread; returns RT_OK
 * or RT_EINVAL.  account_done() undoes it at the end.
 */
int account_init(void);
void account_done(void);

/*
 * Writes into out the 6-digit TOTP code of key for time step step (unix
 * time / 30).  Returns RT_OK, or RT_EINVAL when liboath refuses.
 */
int account_totp_code(const unsigned char key[ACCOUNT_TOTP_KEY_LEN],
    int64_t step, char out[ACCOUNT_TOTP_DIGITS + 1]);

/*
 * Checks the 6-digit code against key at now: the steps from one before
 * to one after now's are tried, each only when it is after after_step
 * (the last step used).  Returns RT_OK with the step that matched in
 * *step, or RT_EDENIED (a wrong code, a code reused, or not 6 digits).
 */
int account_totp_match(const unsigned char key[ACCOUNT_TOTP_KEY_LEN],
    const char *code, time_t now, int64_t after_step, int64_t *step);

/* Writes key as 32 characters of base32 (RFC 4648, no padding). */
void account_totp_base32(const unsigned char key[ACCOUNT_TOTP_KEY_LEN],
    char out[ACCOUNT_TOTP_B32_LEN + 1]);

/*
 * Writes the otpauth:// URI that authenticator apps read for the base32
 * key b32 of the account named account (an e-mail), with issuer as the
 * name the app shows.  Returns RT_OK or RT_ETOOBIG when outlen is short.
 */
int account_otpauth_uri(const char *issuer, const char *account,
    const char *b32, char *out, size_t outlen);

/*
 * Encodes text as a QR code (error correction M) and writes into *path the
 * data of one SVG path that draws its dark modules, in units of one
 * module, with a quiet zone of 4 modules around it; *size is the side of
 * the whole square in modules (the viewBox is "0 0 size size").  *path is
 * malloc'd and freed by the caller.  Returns RT_OK, RT_ETOOBIG (text too
 * long for a QR code) or RT_ENOMEM.
 */
int account_qr_path(const char *text, char **path, int *size);

/*
 * Reads a recovery code as a person types it: case, spaces and hyphens
 * do not matter.  Writes the stored form (ACCOUNT_CODE_LEN characters of
 * the alphabet of join codes) into out and returns 1, or returns 0 for
 * anything else.
 */
int account_code_normalise(const char *in, char out[ACCOUNT_CODE_LEN + 1]);

/* Writes code (the stored form) as a person reads it: "ABCDE-FGH23". */
void account_code_format(const char *code, account_code out);

/* A person's two-factor authentication. */
struct account_totp {
	int     enabled;       /* codes are asked for at login */
	int64_t enabled_at;    /* when it was turned on; 0 when off */
	int     codes_left;    /* recovery codes not used yet */
};

/* Reads the two-factor state of user_id.  Returns RT_OK (all 0 when off) or RT_EDB. */
int account_totp_get(struct dbh *h, int64_t user_id,
    struct account_totp *out);

/*
 * Starts setting up two-factor for user_id: writes into key the secret
 * to show, the one a set-up already started holds or a new one.  Returns
 * RT_OK, RT_EEXISTS when two-factor is already on (key zeroed) or RT_EDB.
 */
int account_totp_setup(struct dbh *h, int64_t user_id, time_t now,
    unsigned char key[ACCOUNT_TOTP_KEY_LEN]);

/*
 * Turns two-factor on for user_id once code (from the app, spaces and
 * tabs left out: "123 456" as the app shows it) matches the secret of
 * the set-up, in one write transaction: the step is marked
 * used, ACCOUNT_CODES new recovery codes replace any older ones and are
 * written into codes (stored form), and every session of the user but
 * keep_session ends (they were opened with the password alone).  The
 * code is throttled like a password, from addr (auth_throttle_check()).
 * Returns RT_OK, RT_EDENIED (wrong code), RT_ETHROTTLED, RT_ENOTFOUND (no
 * set-up started), RT_EEXISTS (already on) or RT_EDB; nothing is
 * written but a failure unless RT_OK.
 */
int account_totp_enable(struct auth *a, struct dbh *h, int64_t user_id,
    int64_t keep_session, const char *code, const char *addr, time_t now,
    account_code codes[ACCOUNT_CODES]);

/*
 * Turns two-factor off for user_id, when code is a code of the app or an
 * unused recovery code: the secret and every recovery code are deleted.
 * Throttled as account_totp_enable().  Returns RT_OK, RT_EDENIED,
 * RT_ETHROTTLED, RT_ENOTFOUND (it was off) or RT_EDB.
 */
int account_totp_disable(struct auth *a, struct dbh *h, int64_t user_id,
    const char *code, const char *addr, time_t now);

/*
 * Turns two-factor off for user_id without any code: for an administrator
 * helping a person who lost both their phone and their recovery codes
 * (reseauter-admin).  Every session of the person ends too.  Returns RT_OK,
 * RT_ENOTFOUND (it was off) or RT_EDB.
 */
int account_totp_remove(struct dbh *h, int64_t user_id);

/*
 * Replaces the recovery codes of user_id by ACCOUNT_CODES new ones,
 * written into codes.  Returns RT_OK, RT_ENOTFOUND (two-factor is off)
 * or RT_EDB.
 */
int account_codes_renew(struct dbh *h, int64_t user_id, time_t now,
    account_code codes[ACCOUNT_CODES]);

/* What cgi/main.c needs to know of a session besides struct session. */
struct account_state {
	int pending;         /* the second factor is still to come */
	int totp;            /* the person has two-factor on */
	int require_staff;   /* the instance requires it of trainers and administrators */
};

/* Reads the state of session_id of user_id.  Returns RT_OK or RT_EDB. */
int account_session_state(struct dbh *h, int64_t session_id,
    int64_t user_id, struct account_state *out);

/*
 * Starts a session for user_id, as auth_session_start() does, recording
 * agent (a summary of account_agent_summary()) and addr, and whether its
 * second factor is pending.  Sessions past their time are deleted in the
 * same transaction.  Writes its cookie token into token ("" on failure).
 * Returns RT_OK or RT_EDB.
 */
int account_session_start(struct auth *a, struct dbh *h, int64_t user_id,
    int pending, const char *agent, const char *addr, time_t now,
    char token[AUTH_TOKEN_LEN + 1]);

/*
 * The second step of a login: session_id is the pending session of
 * user_id, code a code of the app or a recovery code.  Throttled like
 * passwords.  When it matches, in one write transaction, the step (or
 * the recovery code) is marked used and the pending session is replaced
 * by a complete one, whose token is written into token; *recovery is 1
 * when a recovery code was used, and *codes_left says how many remain.
 * Returns RT_OK, RT_EDENIED, RT_ETHROTTLED, RT_ENOTFOUND (the session is
 * no longer a pending one of user_id) or RT_EDB.
 */
int account_second_factor(struct auth *a, struct dbh *h, int64_t session_id,
    int64_t user_id, const char *code, const char *addr, time_t now,
    char token[AUTH_TOKEN_LEN + 1], int *recovery, int *codes_left);

/* One session of a person, as their account page lists it. */
struct account_session {
	int64_t id;
	int64_t created;
	int64_t last_seen;
	char    agent[ACCOUNT_AGENT_MAX + 1];
	char    addr[ACCOUNT_ADDR_MAX + 1];
	int     pending;     /* the password was typed, not the second factor */
};

/*
 * Lists the live sessions of user_id, the most recently seen first.  On
 * RT_OK *out is a malloc'd array of *n entries (NULL when none) that the
 * caller frees with free(); else RT_ENOMEM, RT_EBUSY or RT_EDB, *out
 * NULL, *n 0.
 */
int account_sessions(struct auth *a, struct dbh *h, int64_t user_id,
    time_t now, struct account_session **out, size_t *n);

/* Ends session_id when it is one of user_id's.  Returns RT_OK, RT_ENOTFOUND or RT_EDB. */
int account_session_end(struct dbh *h, int64_t user_id, int64_t session_id);

/* Ends every session of user_id but keep.  Returns RT_OK or RT_EDB. */
int account_sessions_end_others(struct dbh *h, int64_t user_id, int64_t keep);

/*
 * Sets the password hash of user_id to pwhash (auth_password_hash()), ends
 * every other session of the user than keep, and makes every password
 * reset link of the user not yet used unusable (as used at now), in one
 * transaction.  Returns RT_OK or RT_EDB.
 */
int account_password_set(struct dbh *h, int64_t user_id, int64_t keep,
    const char *pwhash, time_t now);

/* Sets the name of user_id (1 to USER_NAME_MAX characters).  Returns RT_OK or RT_EDB. */
int account_name_set(struct dbh *h, int64_t user_id, const char *name);

/* Reads into *on whether trainers and administrators must use two-factor.  RT_OK or RT_EDB. */
int account_require_2fa(struct dbh *h, int *on);

/* Sets it, changed by by_user at now.  Returns RT_OK or RT_EDB. */
int account_require_2fa_set(struct dbh *h, int on, int64_t by_user,
    time_t now);

/*
 * Summarises a User-Agent header (NULL allowed) as "<browser>/<system>",
 * either part "" when not recognised: "Firefox/Linux", "Safari/iPhone",
 * "curl/".  Only names from a fixed list are written, never the header.
 */
void account_agent_summary(const char *ua, char out[ACCOUNT_AGENT_MAX + 1]);

#endif
