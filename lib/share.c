/*
 * share.c: read-only links to an organisation's summary.
 *
 * Reads go through the thread's reader; making, revoking and touching a
 * link are each one write transaction on the shared writer.  The token is
 * never stored: a link is found by the BLAKE2b hash of its token, so the
 * comparison is an index lookup on a hash, which tells an attacker who
 * times it nothing about any live token.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "auth.h"
#include "share.h"
#include "sql.h"

/*
 * Maps the status rc of a step to what a caller of this module may see:
 * RT_OK, RT_EBUSY, RT_ESTORAGE and the expected outcome allowed stay
 * (pass RT_OK for none); anything else is RT_EDB.
 */
static int
share_status(int rc, int allowed)
{
	if (rc == RT_OK || rc == RT_EBUSY || rc == RT_ESTORAGE ||
	    rc == allowed)
		return rc;
	return RT_EDB;
}

/*
 * Counts the characters (code points) of the UTF-8 string s: every byte
 * but the continuation bytes (10xxxxxx).  s is valid UTF-8, as every text
 * that went through lib/form.c is.
 */
static size_t
share_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* See share.h. */
int
share_create(struct dbh *h, int64_t org_id, int64_t by_user,
    const char *label, time_t expires, time_t now,
    char token[AUTH_TOKEN_LEN + 1])
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	unsigned char	 th[DB_TOKEN_HASH_LEN];
	int		 rc;

	assert(h != NULL && h->db != NULL && token != NULL);
	token[0] = '\0';
	if (label == NULL)
		label = "";
	if (share_chars(label) > SHARE_LABEL_MAX ||
	    (expires != 0 && expires <= now))
		return RT_EINVAL;
	db_token_new(token, th);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		goto out;
	if ((st = db_stmt(w, DB_STMT_SHARE_ADD)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_blob(st, 1, th, sizeof(th), SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, org_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, by_user) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, label, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, (int64_t)now) != SQLITE_OK ||
	    (expires != 0 ?
	    sqlite3_bind_int64(st, 6, (int64_t)expires) :
	    sqlite3_bind_null(st, 6)) != SQLITE_OK)
		rc = db_fail(w, "bind share");
	else
		rc = db_step_done(w, st, "add share");
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		rc = share_status(rc, RT_OK);
		goto out;
	}
	rc = db_write_commit(h->db, w);
out:
	if (rc != RT_OK)
		memset(token, 0, AUTH_TOKEN_LEN + 1);
	return rc;
}

/*
 * Fills the struct share_link at p from the current row of
 * DB_STMT_SHARES_ACTIVE.  A NULL expiry or last access reads as 0.
 */
static void
share_link_row(sqlite3_stmt *st, void *p)
{
	struct share_link	*l = p;

	l->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, l->label, sizeof(l->label));
	db_column_copy(st, 2, l->creator, sizeof(l->creator));
	l->created = sqlite3_column_int64(st, 3);
	l->expires = sqlite3_column_int64(st, 4);
	l->last_access = sqlite3_column_int64(st, 5);
}

/* See share.h. */
int
share_list(struct dbh *h, int64_t org_id, time_t now,
    struct share_link **out, size_t *n)
{
	const int64_t	 args[] = { org_id, (int64_t)now };

	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	return db_rows(h->rd, DB_STMT_SHARES_ACTIVE, args, 2, "active shares",
	    sizeof(**out), share_link_row, (void **)out, n);
}

/*
 * See share.h.  The org_id in the statement is what keeps a member of one
 * organisation from revoking another's links.
 */
int
share_revoke(struct dbh *h, int64_t org_id, int64_t link_id, time_t now)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->db != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_SHARE_REVOKE)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, link_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, org_id) != SQLITE_OK)
		rc = db_fail(w, "bind revoke share");
	else if ((rc = db_step_done(w, st, "revoke share")) == RT_OK &&
	    sqlite3_changes(db_conn_handle(w)) == 0)
		rc = RT_ENOTFOUND;
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return share_status(rc, RT_ENOTFOUND);
	}
	return db_write_commit(h->db, w);
}

/*
 * Writes now as the last access of link id, unless it was written less
 * than SHARE_TOUCH_EVERY seconds ago (the statement checks again, so two
 * readers at once write once).  A failure is logged by db.c and ignored:
 * a reader who cannot be counted still reads.
 */
static void
share_touch(struct dbh *h, int64_t id, time_t now)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	if (db_write_begin(h->db, &w) != RT_OK)
		return;
	if ((st = db_stmt(w, DB_STMT_SHARE_TOUCH)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, (int64_t)now - SHARE_TOUCH_EVERY) !=
	    SQLITE_OK)
		rc = db_fail(w, "bind touch share");
	else
		rc = db_step_done(w, st, "touch share");
	db_stmt_release(st);
	if (rc != RT_OK)
		db_write_rollback(h->db, w);
	else
		(void)db_write_commit(h->db, w);
}

/*
 * See share.h.  A token of the wrong length is never looked up.  The
 * expiry is the first second the link no longer works, as for
 * invitations.  The last access is read first on the reader, so that most
 * views of a link take no write lock at all.
 */
int
share_resolve(struct dbh *h, const char *token, time_t now,
    int64_t *org_id)
{
	sqlite3_stmt	*st;
	int64_t		 id = 0, org = 0, expires = 0, last = 0;
	int		 rc, revoked = 0, never = 0;

	assert(h != NULL && h->rd != NULL && token != NULL && org_id != NULL);
	*org_id = 0;
	if ((rc = db_token_row(h->rd, DB_STMT_SHARE_BY_TOKEN, token,
	    "find share", &st)) == RT_OK) {
		id = sqlite3_column_int64(st, 0);
		org = sqlite3_column_int64(st, 1);
		expires = sqlite3_column_int64(st, 2);
		revoked = sqlite3_column_type(st, 3) != SQLITE_NULL;
		never = sqlite3_column_type(st, 4) == SQLITE_NULL;
		last = sqlite3_column_int64(st, 4);
	}
	db_stmt_release(st);
	if (rc != RT_OK)
		return share_status(rc, RT_ENOTFOUND);
	if (revoked || (expires != 0 && (int64_t)now >= expires))
		return RT_EEXPIRED;
	if (never || (int64_t)now - last >= SHARE_TOUCH_EVERY)
		share_touch(h, id, now);
	*org_id = org;
	return RT_OK;
}
