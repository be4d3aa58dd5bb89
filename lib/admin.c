/*
 * admin.c: the instance's roles and accounts, and password reset links.
 *
 * Reads go through the thread's reader; every change is one write
 * transaction on the shared writer that checks again, inside it, what
 * the change depends on (the account exists, the link is still usable,
 * another administrator remains).  Roles are stored as the words 'admin'
 * and 'trainer' of user_roles, mapped to enum auth_role here.  A reset
 * link's token is shown once; the database keeps only its hash
 * (db_token_hash()), as for invitations.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "auth.h"
#include "admin.h"
#include "sql.h"

/*
 * Returns the stored word of role: "admin" for AUTH_ROLE_ADMIN, "trainer"
 * for AUTH_ROLE_TRAINER.  Any other value is a programming error.
 */
static const char *
admin_role_key(int role)
{
	assert(role == AUTH_ROLE_ADMIN || role == AUTH_ROLE_TRAINER);
	return role == AUTH_ROLE_ADMIN ? "admin" : "trainer";
}

/*
 * Maps the status rc of a step to what a caller of this module may see:
 * RT_OK, RT_EBUSY and RT_ESTORAGE stay, and so do the expected outcomes
 * allowed1 and allowed2 (pass RT_OK for none); anything else is RT_EDB.
 */
static int
admin_status(int rc, int allowed1, int allowed2)
{
	if (rc == RT_OK || rc == RT_EBUSY || rc == RT_ESTORAGE ||
	    rc == allowed1 || rc == allowed2)
		return rc;
	return RT_EDB;
}

/*
 * Binds by_user as parameter col of st: the id, or NULL for 0 (the
 * command-line tool).  Returns the SQLite result code.
 */
static int
admin_bind_by(sqlite3_stmt *st, int col, int64_t by_user)
{
	if (by_user == 0)
		return sqlite3_bind_null(st, col);
	return sqlite3_bind_int64(st, col, by_user);
}

/*
 * Fills u from the current row of st, whose first five columns are those
 * of DB_STMT_ADMIN_USER_BY_ID (id, name, email, created, roles).
 */
static void
admin_user_columns(sqlite3_stmt *st, struct admin_user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, u->name, sizeof(u->name));
	db_column_copy(st, 2, u->email, sizeof(u->email));
	u->created = sqlite3_column_int64(st, 3);
	u->roles = sqlite3_column_int(st, 4) &
	    (AUTH_ROLE_ADMIN | AUTH_ROLE_TRAINER);
}

/*
 * Reads, on connection c (a reader, or the writer inside a transaction),
 * the account that statement id (DB_STMT_ADMIN_USER_BY_ID with the id,
 * or DB_STMT_ADMIN_USER_BY_EMAIL with the e-mail) finds.  Returns RT_OK,
 * RT_ENOTFOUND or RT_EDB; *out is zeroed unless RT_OK.
 */
static int
admin_user_read(struct db_conn *c, enum db_stmt id, int64_t user_id,
    const char *email, struct admin_user *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((st = db_stmt(c, id)) == NULL)
		return RT_EDB;
	if ((email != NULL ? sqlite3_bind_text(st, 1, email, -1,
	    SQLITE_STATIC) : sqlite3_bind_int64(st, 1, user_id)) != SQLITE_OK)
		rc = db_fail(c, "bind user");
	else if ((rc = db_step_row(c, st, "read user")) == RT_OK)
		admin_user_columns(st, out);
	db_stmt_release(st);
	return admin_status(rc, RT_ENOTFOUND, RT_OK);
}

/* See admin.h. */
int
admin_user_get(struct dbh *h, int64_t id, struct admin_user *out)
{
	assert(h != NULL && h->rd != NULL && out != NULL);
	return admin_user_read(h->rd, DB_STMT_ADMIN_USER_BY_ID, id, NULL, out);
}

/* See admin.h. */
int
admin_user_find(struct dbh *h, const char *email, struct admin_user *out)
{
	assert(h != NULL && h->rd != NULL && email != NULL && out != NULL);
	return admin_user_read(h->rd, DB_STMT_ADMIN_USER_BY_EMAIL, 0, email,
	    out);
}

/*
 * On the writer w, gives role to user from by_user at now; a role held
 * already stays as it was granted.  Returns RT_OK or RT_EDB / RT_EBUSY.
 */
static int
admin_role_add(struct db_conn *w, int64_t user, int role, int64_t by_user,
    time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_ADMIN_ROLE_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, user) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, admin_role_key(role), -1,
	    SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, (int64_t)now) != SQLITE_OK ||
	    admin_bind_by(st, 4, by_user) != SQLITE_OK)
		rc = db_fail(w, "bind role");
	else
		rc = db_step_done(w, st, "grant role");
	db_stmt_release(st);
	return admin_status(rc, RT_OK, RT_OK);
}

/*
 * See admin.h.  The account is looked up inside the transaction, so that
 * an unknown id is RT_ENOTFOUND rather than a foreign key failure.
 */
int
admin_role_grant(struct dbh *h, int64_t user_id, int role, int64_t by_user,
    time_t now)
{
	struct db_conn		*w;
	struct admin_user	 u;
	int			 rc;

	assert(h != NULL && h->db != NULL);
	assert(role == AUTH_ROLE_ADMIN || role == AUTH_ROLE_TRAINER);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = admin_user_read(w, DB_STMT_ADMIN_USER_BY_ID, user_id, NULL,
	    &u)) != RT_OK ||
	    (rc = admin_role_add(w, user_id, role, by_user, now)) != RT_OK) {
		db_write_rollback(h->db, w);
		return admin_status(rc, RT_ENOTFOUND, RT_OK);
	}
	return db_write_commit(h->db, w);
}

/*
 * See admin.h.  The count of administrators is read in the same
 * transaction as the deletion, under the writer's lock: two
 * administrators removing each other at the same moment cannot both
 * succeed.
 */
int
admin_role_revoke(struct dbh *h, int64_t user_id, int role)
{
	struct db_conn		*w;
	struct admin_user	 u;
	sqlite3_stmt		*st;
	int64_t			 admins = 0;
	int			 rc;

	assert(h != NULL && h->db != NULL);
	assert(role == AUTH_ROLE_ADMIN || role == AUTH_ROLE_TRAINER);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = admin_user_read(w, DB_STMT_ADMIN_USER_BY_ID, user_id, NULL,
	    &u)) != RT_OK)
		goto fail;
	if (!(u.roles & role)) {
		db_write_rollback(h->db, w);
		return RT_OK;
	}
	if (role == AUTH_ROLE_ADMIN) {
		if ((st = db_stmt(w, DB_STMT_ADMIN_ADMINS)) == NULL) {
			rc = RT_EDB;
			goto fail;
		}
		if ((rc = db_step_row(w, st, "count admins")) == RT_OK)
			admins = sqlite3_column_int64(st, 0);
		db_stmt_release(st);
		if (rc != RT_OK)
			goto fail;
		if (admins <= 1) {
			rc = RT_EDENIED;
			goto fail;
		}
	}
	if ((st = db_stmt(w, DB_STMT_ADMIN_ROLE_DEL)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, admin_role_key(role), -1,
	    SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(w, "bind revoke role");
	else
		rc = db_step_done(w, st, "revoke role");
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	return db_write_commit(h->db, w);
fail:
	db_write_rollback(h->db, w);
	return admin_status(rc, RT_ENOTFOUND, RT_EDENIED);
}

/*
 * See admin.h.  The e-mail's unique index answers RT_EEXISTS (db.c maps
 * the UNIQUE constraint), which rolls everything back.
 */
int
admin_user_create(struct dbh *h, const char *email, const char *name,
    const char *pwhash, int roles, int64_t by_user, time_t now,
    int64_t *user_id)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int64_t		 uid = 0;
	int		 rc;

	assert(h != NULL && h->db != NULL && email != NULL && name != NULL);
	assert(pwhash != NULL && user_id != NULL);
	*user_id = 0;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_USER_ADD)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, pwhash, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, "", -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind user");
	else if ((rc = db_step_row(w, st, "add user")) == RT_OK)
		uid = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	if ((roles & AUTH_ROLE_ADMIN) && (rc = admin_role_add(w, uid,
	    AUTH_ROLE_ADMIN, by_user, now)) != RT_OK)
		goto fail;
	if ((roles & AUTH_ROLE_TRAINER) && (rc = admin_role_add(w, uid,
	    AUTH_ROLE_TRAINER, by_user, now)) != RT_OK)
		goto fail;
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		return rc;
	*user_id = uid;
	return RT_OK;
fail:
	db_write_rollback(h->db, w);
	return admin_status(rc, RT_EEXISTS, RT_OK);
}

/*
 * Fills the struct admin_user at p from the current row of
 * DB_STMT_ADMIN_USERS: the columns of admin_user_columns(), then the
 * number of organisations, the last activity and whether two-factor
 * authentication is on.
 */
static void
admin_users_row(sqlite3_stmt *st, void *p)
{
	struct admin_user	*u = p;

	admin_user_columns(st, u);
	u->orgs = sqlite3_column_int64(st, 5);
	u->last_seen = sqlite3_column_int64(st, 6);
	u->totp = sqlite3_column_int(st, 7);
}

/* See admin.h.  On failure nothing stays allocated. */
int
admin_users(struct dbh *h, struct admin_user **out, size_t *n)
{
	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	return db_rows(h->rd, DB_STMT_ADMIN_USERS, NULL, 0, "list users",
	    sizeof(**out), admin_users_row, (void **)out, n);
}

/* Fills the struct admin_org at p from a row of DB_STMT_ADMIN_ORGS. */
static void
admin_orgs_row(sqlite3_stmt *st, void *p)
{
	struct admin_org	*o = p;

	o->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, o->name, sizeof(o->name));
	o->created = sqlite3_column_int64(st, 2);
	o->members = sqlite3_column_int64(st, 3);
	o->cohorts = sqlite3_column_int64(st, 4);
	o->last_plan = sqlite3_column_int64(st, 5);
}

/* See admin.h.  On failure nothing stays allocated. */
int
admin_orgs(struct dbh *h, struct admin_org **out, size_t *n)
{
	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	return db_rows(h->rd, DB_STMT_ADMIN_ORGS, NULL, 0, "list orgs",
	    sizeof(**out), admin_orgs_row, (void **)out, n);
}

/*
 * On the writer w, marks every unused reset link of user used at now.
 * Returns RT_OK or RT_EDB / RT_EBUSY.
 */
static int
admin_resets_end(struct db_conn *w, int64_t user, time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_ADMIN_RESETS_END)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, user) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind end resets");
	else
		rc = db_step_done(w, st, "end resets");
	db_stmt_release(st);
	return admin_status(rc, RT_OK, RT_OK);
}

/*
 * See admin.h.  The earlier links are ended in the same transaction, so
 * that at most one link per account works at any time: the newest.
 */
int
admin_reset_create(struct dbh *h, int64_t user_id, int64_t by_user,
    time_t now, char token[AUTH_TOKEN_LEN + 1])
{
	struct db_conn		*w;
	struct admin_user	 u;
	sqlite3_stmt		*st;
	unsigned char		 th[DB_TOKEN_HASH_LEN];
	int			 rc;

	assert(h != NULL && h->db != NULL && token != NULL);
	db_token_new(token, th);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		goto out;
	if ((rc = admin_user_read(w, DB_STMT_ADMIN_USER_BY_ID, user_id, NULL,
	    &u)) != RT_OK || (rc = admin_resets_end(w, user_id, now)) != RT_OK)
		goto fail;
	if ((st = db_stmt(w, DB_STMT_ADMIN_RESET_ADD)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_blob(st, 1, th, sizeof(th), SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK ||
	    admin_bind_by(st, 3, by_user) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, (int64_t)now + ADMIN_RESET_TTL) !=
	    SQLITE_OK)
		rc = db_fail(w, "bind reset");
	else
		rc = db_step_done(w, st, "add reset");
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	rc = db_write_commit(h->db, w);
	goto out;
fail:
	db_write_rollback(h->db, w);
	rc = admin_status(rc, RT_ENOTFOUND, RT_OK);
out:
	if (rc != RT_OK)
		token[0] = '\0';
	return rc;
}

/*
 * Finds the reset link of token on connection c (a reader, or the writer
 * inside a transaction) and judges it at now: RT_OK with *out when it can
 * be used, RT_ENOTFOUND when it never existed, RT_EEXPIRED when it was
 * used (or replaced) or its time is past, RT_EDB.  A token of the wrong
 * length is never looked up.  *out is zeroed unless RT_OK.
 */
static int
admin_reset_find(struct db_conn *c, const char *token, time_t now,
    struct admin_reset *out)
{
	sqlite3_stmt	*st;
	int		 rc, used = 0;

	memset(out, 0, sizeof(*out));
	if ((rc = db_token_row(c, DB_STMT_ADMIN_RESET_BY_TOKEN, token,
	    "find reset", &st)) == RT_OK) {
		out->id = sqlite3_column_int64(st, 0);
		out->user_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, out->name, sizeof(out->name));
		db_column_copy(st, 3, out->email, sizeof(out->email));
		out->expires = sqlite3_column_int64(st, 4);
		used = sqlite3_column_int(st, 5);
	}
	db_stmt_release(st);
	if (rc == RT_OK && (used || (int64_t)now >= out->expires))
		rc = RT_EEXPIRED;
	if (rc != RT_OK)
		memset(out, 0, sizeof(*out));
	return admin_status(rc, RT_ENOTFOUND, RT_EEXPIRED);
}

/* See admin.h. */
int
admin_reset_lookup(struct dbh *h, const char *token, time_t now,
    struct admin_reset *out)
{
	assert(h != NULL && h->rd != NULL && token != NULL && out != NULL);
	return admin_reset_find(h->rd, token, now, out);
}

/*
 * On the writer w, deletes every session of user: each browser where they
 * were logged in is logged out at its next request.  Returns RT_OK or
 * RT_EDB / RT_EBUSY.
 */
static int
admin_sessions_end(struct db_conn *w, int64_t user)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_ADMIN_SESSIONS_DEL)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, user) != SQLITE_OK)
		rc = db_fail(w, "bind end sessions");
	else
		rc = db_step_done(w, st, "end sessions");
	db_stmt_release(st);
	return admin_status(rc, RT_OK, RT_OK);
}

/*
 * See admin.h.  The link is found again inside the write transaction:
 * two people sending the same link's form at once cannot both use it,
 * since the second waits on the writer's lock and then finds it used.
 */
int
admin_reset_use(struct dbh *h, const char *token, const char *pwhash,
    time_t now, int64_t *user_id)
{
	struct db_conn		*w;
	struct admin_reset	 rs;
	sqlite3_stmt		*st;
	int			 rc;

	assert(h != NULL && h->db != NULL && token != NULL);
	assert(pwhash != NULL && user_id != NULL);
	*user_id = 0;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = admin_reset_find(w, token, now, &rs)) != RT_OK)
		goto fail;
	if ((st = db_stmt(w, DB_STMT_ADMIN_SET_PWHASH)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_text(st, 1, pwhash, -1, SQLITE_STATIC) !=
	    SQLITE_OK || sqlite3_bind_int64(st, 2, rs.user_id) != SQLITE_OK)
		rc = db_fail(w, "bind password");
	else if ((rc = db_step_done(w, st, "set password")) == RT_OK &&
	    sqlite3_changes(db_conn_handle(w)) != 1)
		rc = RT_EDB;
	db_stmt_release(st);
	if (rc != RT_OK ||
	    (rc = admin_resets_end(w, rs.user_id, now)) != RT_OK ||
	    (rc = admin_sessions_end(w, rs.user_id)) != RT_OK)
		goto fail;
	if ((st = db_stmt(w, DB_STMT_FAILURES_CLEAR)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_text(st, 1, rs.email, -1, SQLITE_STATIC) !=
	    SQLITE_OK)
		rc = db_fail(w, "bind clear failures");
	else
		rc = db_step_done(w, st, "clear failures");
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		return rc;
	*user_id = rs.user_id;
	return RT_OK;
fail:
	db_write_rollback(h->db, w);
	return admin_status(rc, RT_ENOTFOUND, RT_EEXPIRED);
}
