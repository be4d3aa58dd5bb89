/*
 * admin.h: the instance's roles and accounts, as its administrators and
 * the command-line tool reseauter-admin see them.
 *
 * Besides their memberships, a person may hold instance roles (table
 * user_roles): administrator (AUTH_ROLE_ADMIN) and trainer
 * (AUTH_ROLE_TRAINER), in any combination with membership in any number
 * of organisations.  The instance always keeps at least one administrator
 * once it has one.  A password reset link is a one-time token (only its
 * hash is stored) that lets whoever holds it choose a new password for
 * one account, within ADMIN_RESET_TTL; using it ends every session of
 * that account.  Passing 0 as the person who acts ("by") means the
 * command-line tool (stored as NULL).
 */
#ifndef RESEAUTER_ADMIN_H
#define RESEAUTER_ADMIN_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "auth.h"
#include "db.h"

/* Seconds a password reset link stays valid: one day. */
#define ADMIN_RESET_TTL (24L * 3600)

/* An account, as the lists of the administration show it. */
struct admin_user {
	int64_t id;
	char    name[AUTH_NAME_MAX];
	char    email[AUTH_NAME_MAX];
	int64_t created;
	int     roles;       /* enum auth_role bits */
	int64_t orgs;        /* organisations they are a member of */
	int64_t last_seen;   /* the newest request of a live session; 0: none */
	int     totp;        /* two-factor authentication is on (admin_users() only) */
};

/* An organisation, as the administration lists it. */
struct admin_org {
	int64_t id;
	char    name[AUTH_NAME_MAX];
	int64_t created;
	int64_t members;
	int64_t cohorts;     /* cohorts it is in */
	int64_t last_plan;   /* the last save of its plan; 0: never saved */
};

/*
 * Gives role (AUTH_ROLE_ADMIN or AUTH_ROLE_TRAINER) to user_id, granted
 * by by_user (0: the command-line tool) at now.  Holding it already
 * changes nothing.  Returns RT_OK, RT_ENOTFOUND (no such account) or
 * RT_EDB.
 */
int admin_role_grant(struct dbh *h, int64_t user_id, int role,
    int64_t by_user, time_t now);

/*
 * Takes role away from user_id; not holding it changes nothing.  Refuses
 * with RT_EDENIED to take the administrator role from the last
 * administrator.  Returns RT_OK, RT_ENOTFOUND (no such account),
 * RT_EDENIED or RT_EDB; nothing is written unless RT_OK.
 */
int admin_role_revoke(struct dbh *h, int64_t user_id, int role);

/* Reads the account of id (orgs and last_seen left 0).  Returns RT_OK, RT_ENOTFOUND or RT_EDB. */
int admin_user_get(struct dbh *h, int64_t id, struct admin_user *out);

/* Finds the account of email, whatever its case, as admin_user_get(). */
int admin_user_find(struct dbh *h, const char *email, struct admin_user *out);

/*
 * Creates an account that belongs to no organisation, holding the roles
 * of roles (enum auth_role bits, granted by by_user), in one
 * transaction.  pwhash comes from auth_password_hash() of a password the
 * policy accepts (auth_password_problem()).  Returns RT_OK with
 * *user_id, RT_EEXISTS when the e-mail already has an account (nothing
 * is written) or RT_EDB.
 */
int admin_user_create(struct dbh *h, const char *email, const char *name,
    const char *pwhash, int roles, int64_t by_user, time_t now,
    int64_t *user_id);

/*
 * Lists every account by name, in one query.  On RT_OK *out is a malloc'd
 * array of *n entries (NULL when none) that the caller frees with free().
 * Returns RT_OK, RT_ENOMEM or RT_EDB, and then *out is NULL and *n 0.
 */
int admin_users(struct dbh *h, struct admin_user **out, size_t *n);

/* Lists every organisation by name, in one query; ownership as admin_users(). */
int admin_orgs(struct dbh *h, struct admin_org **out, size_t *n);

/*
 * Makes a password reset link for user_id, by by_user (0: the
 * command-line tool), valid ADMIN_RESET_TTL seconds from now, and writes
 * its token (to show once; only its hash is kept).  The person's earlier
 * links that were not used stop working.  Returns RT_OK, RT_ENOTFOUND
 * (no such account) or RT_EDB; token is "" unless RT_OK.
 */
int admin_reset_create(struct dbh *h, int64_t user_id, int64_t by_user,
    time_t now, char token[AUTH_TOKEN_LEN + 1]);

/* A password reset link that can still be used. */
struct admin_reset {
	int64_t id;
	int64_t user_id;
	char    name[AUTH_NAME_MAX];
	char    email[AUTH_NAME_MAX];
	int64_t expires;   /* the first second it no longer works */
};

/*
 * Finds the reset link of token at now.  Returns RT_OK with *out,
 * RT_ENOTFOUND (no such link), RT_EEXPIRED (used, replaced or past its
 * time) or RT_EDB; *out is zeroed unless RT_OK.
 */
int admin_reset_lookup(struct dbh *h, const char *token, time_t now,
    struct admin_reset *out);

/*
 * Uses the reset link of token: in one write transaction that first
 * checks it again, sets the account's password hash to pwhash (from
 * auth_password_hash()), marks the link and every other unused link of
 * the account used, deletes every session of the account and forgets the
 * failed logins of its e-mail (the throttling of auth_login()).  Returns
 * RT_OK with *user_id, RT_ENOTFOUND, RT_EEXPIRED or RT_EDB; nothing is
 * written unless RT_OK.
 */
int admin_reset_use(struct dbh *h, const char *token, const char *pwhash,
    time_t now, int64_t *user_id);

#endif
