/*
 * org.h: organisations, their members, and invitations to join them.
 *
 * The access rule of the whole program lives here: a user sees an
 * organisation's plan only if org_member_role() finds them in it.
 */
#ifndef RESEAUTER_ORG_H
#define RESEAUTER_ORG_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "auth.h"
#include "db.h"

enum org_role {
	ORG_ROLE_NONE = 0,
	ORG_ROLE_MEMBER = 1,
	ORG_ROLE_OWNER = 2,
	ORG_ROLE_TRAINER = 3    /* no member, but a trainer of a cohort it is in:
	                         * reads the plan and comments, changes nothing */
};

#define ORG_NAME_MAX 120   /* characters of an organisation's name */
#define USER_NAME_MAX 100  /* characters of a person's name */

/*
 * Creates an account and its organisation in one transaction; the new user
 * owns it.  pwhash comes from auth_password_hash().  A sign-up from the
 * client address addr is recorded for its throttling
 * (auth_signup_record_in()) in the same transaction; addr NULL (an
 * account made otherwise) records nothing.  Returns RT_OK with *user_id
 * and *org_id, RT_EEXISTS when the e-mail already has an account (nothing
 * is created), or RT_EDB.
 */
int org_signup(struct dbh *h, const char *addr, const char *org_name,
    const char *user_name, const char *email, const char *pwhash,
    const char *lang, time_t now, int64_t *user_id, int64_t *org_id);

/*
 * Whether an account uses email (any case), read before hashing a new
 * password so that a form refused for its e-mail costs no hash.  Returns
 * RT_OK when one does, RT_ENOTFOUND when none does, or RT_EDB.
 */
int org_email_used(struct dbh *h, const char *email);

/* The role of user_id in org_id; ORG_ROLE_NONE (with RT_OK) when not a member. */
int org_member_role(struct dbh *h, int64_t org_id, int64_t user_id, int *role);

/*
 * The access of user_id to org_id: their role when a member; else
 * ORG_ROLE_TRAINER when they hold the trainer role (user_roles) and are a
 * trainer of a cohort (in any state) that the organisation is in; else
 * ORG_ROLE_NONE (with RT_OK).  This is the access rule of every page of
 * a plan.  Returns RT_OK or RT_EDB.
 */
int org_access(struct dbh *h, int64_t org_id, int64_t user_id, int *role);

/* An organisation a user belongs to. */
struct org_ref {
	int64_t id;
	char    name[AUTH_NAME_MAX];
	int     role;
};

/*
 * Lists the organisations of user_id, by name.  On RT_OK *out is a
 * malloc'd array of *n entries (NULL when none) that the caller frees
 * with free().  Returns RT_OK, RT_ENOMEM or RT_EDB.
 */
int org_list_for_user(struct dbh *h, int64_t user_id, struct org_ref **out,
    size_t *n);

/* Reads an organisation's name into name.  Returns RT_OK, RT_ENOTFOUND or RT_EDB. */
int org_name(struct dbh *h, int64_t org_id, char name[AUTH_NAME_MAX]);

struct org_member {
	int64_t user_id;
	char    name[AUTH_NAME_MAX];
	char    email[AUTH_NAME_MAX];
	int     role;
	int64_t joined;
};

/* Lists members, owners first then by name.  Ownership as org_list_for_user(). */
int org_members(struct dbh *h, int64_t org_id, struct org_member **out,
    size_t *n);

/*
 * Creates a one-time invitation to org_id, valid ttl seconds, and writes
 * its token (shown once, only its hash is kept).  Returns RT_OK or RT_EDB.
 */
int org_invite_create(struct dbh *h, int64_t org_id, int64_t by_user,
    time_t now, long ttl, char token[AUTH_TOKEN_LEN + 1]);

struct org_invite {
	int64_t id;
	int64_t org_id;
	char    org_name[AUTH_NAME_MAX];
	char    inviter_name[AUTH_NAME_MAX];
	int64_t created;
	int64_t expires;
};

/*
 * Finds a live invitation by token.  Returns RT_OK, RT_ENOTFOUND (never
 * existed or revoked), RT_EEXPIRED (expired or already used) or RT_EDB.
 */
int org_invite_lookup(struct dbh *h, const char *token, time_t now,
    struct org_invite *out);

/* Lists the pending (unused, unexpired) invitations of an organisation. */
int org_invites_pending(struct dbh *h, int64_t org_id, time_t now,
    struct org_invite **out, size_t *n);

/* Revokes a pending invitation of org_id.  Returns RT_OK, RT_ENOTFOUND or RT_EDB. */
int org_invite_revoke(struct dbh *h, int64_t org_id, int64_t invite_id);

/*
 * Uses an invitation to create a new account that joins its organisation,
 * in one transaction that first re-checks the invitation.  Returns RT_OK
 * with *user_id and *org_id, RT_ENOTFOUND / RT_EEXPIRED (invitation gone),
 * RT_EEXISTS (e-mail taken) or RT_EDB; nothing is written on failure.
 */
int org_invite_accept_new(struct dbh *h, const char *token,
    const char *user_name, const char *email, const char *pwhash,
    const char *lang, time_t now, int64_t *user_id, int64_t *org_id);

/*
 * Uses an invitation for an existing account.  Returns RT_OK with *org_id
 * (also when already a member: the invitation is then used up all the
 * same), RT_ENOTFOUND, RT_EEXPIRED or RT_EDB.
 */
int org_invite_accept_existing(struct dbh *h, const char *token,
    int64_t user_id, time_t now, int64_t *org_id);

#endif
