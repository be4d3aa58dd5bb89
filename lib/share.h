/*
 * share.h: read-only links to an organisation's summary.
 *
 * A share link lets whoever holds it read the summary of one plan and
 * download it, without an account; it opens nothing else.  Its token is
 * 256 random bits (auth_token_new()), shown once when the link is made;
 * the database keeps only its hash (db_token_hash()), so a copy of the
 * database holds no usable link.  A link works until it is revoked or its
 * expiry passes, and after that never again.
 */
#ifndef RESEAUTER_SHARE_H
#define RESEAUTER_SHARE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "auth.h"
#include "db.h"

#define SHARE_LABEL_MAX   100   /* characters (code points) of a label */
#define SHARE_TOUCH_EVERY 60    /* seconds between two writes of the last access */

/* An active link, as the share page lists it. */
struct share_link {
	int64_t id;
	char    label[SHARE_LABEL_MAX * 4 + 1]; /* UTF-8, "" when none */
	char    creator[AUTH_NAME_MAX];  /* who made it, "" when their account is gone */
	int64_t created;                 /* unix time */
	int64_t expires;                 /* the first second it no longer works; 0: never */
	int64_t last_access;             /* unix time; 0: never opened */
};

/*
 * Makes a link to org_id's summary, by by_user, with label (NULL or "" for
 * none, at most SHARE_LABEL_MAX characters of valid UTF-8), working until
 * expires (the first second it no longer works, after now; 0 for no
 * expiry), and writes its token, to show once.  Returns RT_OK, RT_EINVAL
 * (a label too long, an expiry not after now: nothing written) or RT_EDB;
 * token is "" unless RT_OK.
 */
int share_create(struct dbh *h, int64_t org_id, int64_t by_user,
    const char *label, time_t expires, time_t now,
    char token[AUTH_TOKEN_LEN + 1]);

/*
 * Lists the links of org_id still working at now (neither revoked nor
 * expired), newest first.  On RT_OK *out is a malloc'd array of *n
 * entries (NULL when none) that the caller frees with free().  Returns
 * RT_OK, RT_ENOMEM or RT_EDB, and then *out is NULL and *n is 0.
 */
int share_list(struct dbh *h, int64_t org_id, time_t now,
    struct share_link **out, size_t *n);

/*
 * Revokes link_id of org_id at now, for good.  Returns RT_OK, RT_ENOTFOUND
 * (no such link in org_id, or already revoked: nothing written) or RT_EDB.
 */
int share_revoke(struct dbh *h, int64_t org_id, int64_t link_id, time_t now);

/*
 * Finds the organisation a link's token opens at now.  Returns RT_OK with
 * *org_id, RT_ENOTFOUND (no link ever had this token, or it is malformed),
 * RT_EEXPIRED (revoked, or past its expiry) or RT_EDB; *org_id is 0
 * unless RT_OK.  On RT_OK the link's last access becomes now, written
 * through the writer at most once every SHARE_TOUCH_EVERY seconds; a
 * failure of that write is logged and does not change the answer.
 */
int share_resolve(struct dbh *h, const char *token, time_t now,
    int64_t *org_id);

#endif
