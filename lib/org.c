/*
 * org.c: organisations, their members, and invitations to join them.
 *
 * Reads go through the thread's reader; every change is one write
 * transaction on the shared writer, so an account, its organisation and
 * its membership appear together or not at all.  Roles are stored as the
 * words 'owner' and 'member' (readable with the sqlite3 shell) and mapped
 * to enum org_role here.  An invitation's token is shown once; the
 * database keeps only its hash (db_token_hash()).
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "auth.h"
#include "org.h"
#include "sql.h"

/*
 * Returns the stored word for role: "owner" for ORG_ROLE_OWNER,
 * "member" for ORG_ROLE_MEMBER.  Any other role is a programming error.
 */
static const char *
org_role_key(int role)
{
	assert(role == ORG_ROLE_OWNER || role == ORG_ROLE_MEMBER);
	return role == ORG_ROLE_OWNER ? "owner" : "member";
}

/*
 * Returns the enum org_role of the stored word in column col of st:
 * ORG_ROLE_OWNER, ORG_ROLE_MEMBER, or ORG_ROLE_NONE for anything else
 * (NULL included; the schema's CHECK makes that impossible), so an odd
 * value never grants a right.
 */
static int
org_role_column(sqlite3_stmt *st, int col)
{
	const unsigned char	*v = sqlite3_column_text(st, col);

	if (v == NULL)
		return ORG_ROLE_NONE;
	if (strcmp((const char *)v, "owner") == 0)
		return ORG_ROLE_OWNER;
	if (strcmp((const char *)v, "member") == 0)
		return ORG_ROLE_MEMBER;
	if (strcmp((const char *)v, "trainer") == 0)
		return ORG_ROLE_TRAINER;
	return ORG_ROLE_NONE;
}

/*
 * Maps the status rc of a step to what a caller of this module may see:
 * RT_OK, RT_EBUSY and RT_ESTORAGE stay, and so do the expected outcomes
 * allowed1 and allowed2 (RT_EEXISTS, RT_ENOTFOUND...; pass RT_OK for
 * none); anything else (RT_EEXISTS where no unique value was at
 * stake...) is RT_EDB.
 */
static int
org_status(int rc, int allowed1, int allowed2)
{
	if (rc == RT_OK || rc == RT_EBUSY || rc == RT_ESTORAGE ||
	    rc == allowed1 || rc == allowed2)
		return rc;
	return RT_EDB;
}

/*
 * Looks up the account of email (case-insensitive) on c.  Returns RT_OK
 * when one exists, RT_ENOTFOUND when none does, or RT_EDB.
 */
static int
org_email_taken(struct db_conn *c, const char *email)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(c, DB_STMT_USER_BY_EMAIL)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(c, "bind email");
	else
		rc = db_step_row(c, st, "find email");
	db_stmt_release(st);
	return org_status(rc, RT_ENOTFOUND, RT_OK);
}

/*
 * Inserts an account on the writer w and writes its id into *id.  lang
 * NULL is stored as "".  Returns RT_OK, RT_EEXISTS (e-mail taken) or
 * RT_EDB.
 */
static int
org_user_add(struct db_conn *w, const char *email, const char *name,
    const char *pwhash, const char *lang, time_t now, int64_t *id)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_USER_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, pwhash, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, lang != NULL ? lang : "", -1,
	    SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind user");
	else if ((rc = db_step_row(w, st, "add user")) == RT_OK)
		*id = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	return org_status(rc, RT_EEXISTS, RT_OK);
}

/*
 * Makes user a member of org with role on the writer w; when they already
 * are, nothing changes (their role stays).  Returns RT_OK or RT_EDB.
 */
static int
org_member_add(struct db_conn *w, int64_t org, int64_t user, int role,
    time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_MEMBER_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, org_role_key(role), -1, SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind member");
	else
		rc = db_step_done(w, st, "add member");
	db_stmt_release(st);
	return org_status(rc, RT_OK, RT_OK);
}

/* See org.h: the e-mail looked up on this thread's reader. */
int
org_email_used(struct dbh *h, const char *email)
{
	assert(h != NULL && h->rd != NULL && email != NULL);
	return org_email_taken(h->rd, email);
}

/*
 * See org.h.  The e-mail is checked first inside the transaction, so the
 * answer RT_EEXISTS is certain and nothing has been written; the unique
 * index would catch a race anyway (and give RT_EEXISTS too).  The record
 * of the sign-up (addr not NULL) is written last, in the same
 * transaction: an account is never made without it.
 */
int
org_signup(struct dbh *h, const char *addr, const char *org_name,
    const char *user_name, const char *email, const char *pwhash,
    const char *lang, time_t now, int64_t *user_id, int64_t *org_id)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int64_t		 uid = 0, oid = 0;
	int		 rc;

	assert(h != NULL && h->db != NULL && org_name != NULL);
	assert(user_name != NULL && email != NULL && pwhash != NULL);
	assert(user_id != NULL && org_id != NULL);
	*user_id = *org_id = 0;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = org_email_taken(w, email)) == RT_OK) {
		rc = RT_EEXISTS;
		goto fail;
	}
	if (rc != RT_ENOTFOUND)
		goto fail;
	if ((rc = org_user_add(w, email, user_name, pwhash, lang, now,
	    &uid)) != RT_OK)
		goto fail;
	if ((st = db_stmt(w, DB_STMT_ORG_ADD)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_text(st, 1, org_name, -1, SQLITE_STATIC) !=
	    SQLITE_OK || sqlite3_bind_int64(st, 2, (int64_t)now) !=
	    SQLITE_OK || sqlite3_bind_int64(st, 3, uid) != SQLITE_OK)
		rc = db_fail(w, "bind org");
	else if ((rc = db_step_row(w, st, "add org")) == RT_OK)
		oid = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	if ((rc = org_member_add(w, oid, uid, ORG_ROLE_OWNER, now)) != RT_OK)
		goto fail;
	if (addr != NULL && (rc = auth_signup_record_in(w, addr, now)) != RT_OK)
		goto fail;
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		return rc;
	*user_id = uid;
	*org_id = oid;
	return RT_OK;
fail:
	db_write_rollback(h->db, w);
	return org_status(rc, RT_EEXISTS, RT_OK);
}

/* See org.h.  *role is ORG_ROLE_NONE on any failure too. */
int
org_member_role(struct dbh *h, int64_t org_id, int64_t user_id, int *role)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->rd != NULL && role != NULL);
	*role = ORG_ROLE_NONE;
	if ((st = db_stmt(h->rd, DB_STMT_MEMBER_ROLE)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK)
		rc = db_fail(h->rd, "bind role");
	else if ((rc = db_step_row(h->rd, st, "member role")) == RT_OK)
		*role = org_role_column(st, 0);
	db_stmt_release(st);
	if (rc == RT_ENOTFOUND)
		return RT_OK;
	return rc == RT_OK ? RT_OK : RT_EDB;
}

/* See org.h.  One statement answers both questions. */
int
org_access(struct dbh *h, int64_t org_id, int64_t user_id, int *role)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->rd != NULL && role != NULL);
	*role = ORG_ROLE_NONE;
	if ((st = db_stmt(h->rd, DB_STMT_ORG_ACCESS)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK)
		rc = db_fail(h->rd, "bind access");
	else if ((rc = db_step_row(h->rd, st, "org access")) == RT_OK)
		*role = org_role_column(st, 0);
	db_stmt_release(st);
	if (rc == RT_ENOTFOUND)
		return RT_OK;
	return rc == RT_OK ? RT_OK : RT_EDB;
}

/* Fills the struct org_ref at p from a row of DB_STMT_ORGS_OF_USER. */
static void
org_ref_row(sqlite3_stmt *st, void *p)
{
	struct org_ref	*r = p;

	r->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, r->name, sizeof(r->name));
	r->role = org_role_column(st, 2);
}

/*
 * See org.h.  On failure *out is NULL, *n is 0 and nothing stays
 * allocated.
 */
int
org_list_for_user(struct dbh *h, int64_t user_id, struct org_ref **out,
    size_t *n)
{
	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	return db_rows(h->rd, DB_STMT_ORGS_OF_USER, &user_id, 1, "orgs of user",
	    sizeof(**out), org_ref_row, (void **)out, n);
}

/* See org.h.  name is "" on failure. */
int
org_name(struct dbh *h, int64_t org_id, char name[AUTH_NAME_MAX])
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->rd != NULL && name != NULL);
	name[0] = '\0';
	if ((st = db_stmt(h->rd, DB_STMT_ORG_NAME)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK)
		rc = db_fail(h->rd, "bind org name");
	else if ((rc = db_step_row(h->rd, st, "org name")) == RT_OK)
		db_column_copy(st, 0, name, AUTH_NAME_MAX);
	db_stmt_release(st);
	return org_status(rc, RT_ENOTFOUND, RT_OK);
}

/* Fills the struct org_member at p from a row of DB_STMT_ORG_MEMBERS. */
static void
org_member_row(sqlite3_stmt *st, void *p)
{
	struct org_member	*m = p;

	m->user_id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, m->name, sizeof(m->name));
	db_column_copy(st, 2, m->email, sizeof(m->email));
	m->role = org_role_column(st, 3);
	m->joined = sqlite3_column_int64(st, 4);
}

/* See org.h.  On failure *out is NULL and *n is 0. */
int
org_members(struct dbh *h, int64_t org_id, struct org_member **out,
    size_t *n)
{
	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	return db_rows(h->rd, DB_STMT_ORG_MEMBERS, &org_id, 1, "members",
	    sizeof(**out), org_member_row, (void **)out, n);
}

/*
 * See org.h.  ttl must be positive (the schema requires expires_at after
 * created_at).  token is "" on failure.
 */
int
org_invite_create(struct dbh *h, int64_t org_id, int64_t by_user,
    time_t now, long ttl, char token[AUTH_TOKEN_LEN + 1])
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	unsigned char	 th[DB_TOKEN_HASH_LEN];
	int		 rc;

	assert(h != NULL && h->db != NULL && token != NULL && ttl > 0);
	db_token_new(token, th);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		goto out;
	if ((st = db_stmt(w, DB_STMT_INVITE_ADD)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_blob(st, 1, th, sizeof(th), SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, org_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, by_user) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, (int64_t)now + ttl) != SQLITE_OK)
		rc = db_fail(w, "bind invite");
	else
		rc = db_step_done(w, st, "add invite");
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		rc = org_status(rc, RT_OK, RT_OK);
		goto out;
	}
	rc = db_write_commit(h->db, w);
out:
	if (rc != RT_OK)
		token[0] = '\0';
	return rc;
}

/*
 * Fills the struct org_invite at p from the current row of st, whose
 * first six columns are those of DB_STMT_INVITE_BY_TOKEN and
 * DB_STMT_INVITES_PENDING.
 */
static void
org_invite_columns(sqlite3_stmt *st, void *p)
{
	struct org_invite	*inv = p;

	memset(inv, 0, sizeof(*inv));
	inv->id = sqlite3_column_int64(st, 0);
	inv->org_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, inv->org_name, sizeof(inv->org_name));
	db_column_copy(st, 3, inv->inviter_name, sizeof(inv->inviter_name));
	inv->created = sqlite3_column_int64(st, 4);
	inv->expires = sqlite3_column_int64(st, 5);
}

/*
 * Finds the invitation of token on connection c (a reader, or the writer
 * inside a transaction) and judges it at time now: RT_OK with *out when
 * it can be used, RT_ENOTFOUND when it never existed or was revoked,
 * RT_EEXPIRED when it was used or its time is past (expires is the first
 * second it no longer works), RT_EDB.  A token of the wrong length is
 * never looked up.  *out is zeroed unless RT_OK.
 */
static int
org_invite_find(struct db_conn *c, const char *token, time_t now,
    struct org_invite *out)
{
	sqlite3_stmt	*st;
	int		 rc, used = 0, revoked = 0;

	memset(out, 0, sizeof(*out));
	if ((rc = db_token_row(c, DB_STMT_INVITE_BY_TOKEN, token,
	    "find invite", &st)) == RT_OK) {
		org_invite_columns(st, out);
		used = sqlite3_column_int(st, 6);
		revoked = sqlite3_column_int(st, 7);
	}
	db_stmt_release(st);
	if (rc == RT_OK) {
		if (revoked)
			rc = RT_ENOTFOUND;
		else if (used || (int64_t)now >= out->expires)
			rc = RT_EEXPIRED;
	}
	if (rc != RT_OK)
		memset(out, 0, sizeof(*out));
	return org_status(rc, RT_ENOTFOUND, RT_EEXPIRED);
}

/* See org.h. */
int
org_invite_lookup(struct dbh *h, const char *token, time_t now,
    struct org_invite *out)
{
	assert(h != NULL && h->rd != NULL && token != NULL && out != NULL);
	return org_invite_find(h->rd, token, now, out);
}

/* See org.h.  Ownership as org_list_for_user(); oldest first. */
int
org_invites_pending(struct dbh *h, int64_t org_id, time_t now,
    struct org_invite **out, size_t *n)
{
	const int64_t	 args[] = { org_id, (int64_t)now };

	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	return db_rows(h->rd, DB_STMT_INVITES_PENDING, args, 2,
	    "pending invites", sizeof(**out), org_invite_columns,
	    (void **)out, n);
}

/*
 * See org.h.  An invitation of another organisation, one already used or
 * already revoked, is RT_ENOTFOUND: the org_id in the statement is what
 * keeps an owner of one organisation from revoking another's invitations.
 */
int
org_invite_revoke(struct dbh *h, int64_t org_id, int64_t invite_id)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->db != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_INVITE_REVOKE)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, invite_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, org_id) != SQLITE_OK)
		rc = db_fail(w, "bind revoke");
	else if ((rc = db_step_done(w, st, "revoke invite")) == RT_OK &&
	    sqlite3_changes(db_conn_handle(w)) == 0)
		rc = RT_ENOTFOUND;
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return org_status(rc, RT_ENOTFOUND, RT_OK);
	}
	return db_write_commit(h->db, w);
}

/*
 * Marks invitation id used by user at now, on the writer w.  Exactly one
 * row must change: the caller has just checked, in the same transaction,
 * that it is usable.  Returns RT_OK or RT_EDB.
 */
static int
org_invite_use(struct db_conn *w, int64_t id, int64_t user, time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_INVITE_USE)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, id) != SQLITE_OK)
		rc = db_fail(w, "bind use invite");
	else if ((rc = db_step_done(w, st, "use invite")) == RT_OK &&
	    sqlite3_changes(db_conn_handle(w)) != 1)
		rc = RT_EDB;
	db_stmt_release(st);
	return org_status(rc, RT_OK, RT_OK);
}

/*
 * See org.h.  The invitation is re-read inside the write transaction: two
 * people clicking the same link at once cannot both use it, since the
 * second waits on the writer's mutex and then finds it used.
 */
int
org_invite_accept_new(struct dbh *h, const char *token,
    const char *user_name, const char *email, const char *pwhash,
    const char *lang, time_t now, int64_t *user_id, int64_t *org_id)
{
	struct db_conn		*w;
	struct org_invite	 inv;
	int64_t			 uid = 0;
	int			 rc;

	assert(h != NULL && h->db != NULL && token != NULL);
	assert(user_name != NULL && email != NULL && pwhash != NULL);
	assert(user_id != NULL && org_id != NULL);
	*user_id = *org_id = 0;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = org_invite_find(w, token, now, &inv)) != RT_OK)
		goto fail;
	if ((rc = org_email_taken(w, email)) == RT_OK) {
		rc = RT_EEXISTS;
		goto fail;
	}
	if (rc != RT_ENOTFOUND)
		goto fail;
	if ((rc = org_user_add(w, email, user_name, pwhash, lang, now,
	    &uid)) != RT_OK ||
	    (rc = org_member_add(w, inv.org_id, uid, ORG_ROLE_MEMBER,
	    now)) != RT_OK ||
	    (rc = org_invite_use(w, inv.id, uid, now)) != RT_OK)
		goto fail;
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		return rc;
	*user_id = uid;
	*org_id = inv.org_id;
	return RT_OK;
fail:
	db_write_rollback(h->db, w);
	if (rc == RT_ENOTFOUND || rc == RT_EEXPIRED || rc == RT_EEXISTS ||
	    rc == RT_EBUSY || rc == RT_ESTORAGE)
		return rc;
	return RT_EDB;
}

/*
 * See org.h.  A member who follows a link again keeps their role (an
 * owner is not demoted); the invitation is used up either way, so that a
 * link forwarded after use does not let someone else in.
 */
int
org_invite_accept_existing(struct dbh *h, const char *token,
    int64_t user_id, time_t now, int64_t *org_id)
{
	struct db_conn		*w;
	struct org_invite	 inv;
	int			 rc;

	assert(h != NULL && h->db != NULL && token != NULL && org_id != NULL);
	*org_id = 0;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = org_invite_find(w, token, now, &inv)) != RT_OK ||
	    (rc = org_member_add(w, inv.org_id, user_id, ORG_ROLE_MEMBER,
	    now)) != RT_OK ||
	    (rc = org_invite_use(w, inv.id, user_id, now)) != RT_OK) {
		db_write_rollback(h->db, w);
		if (rc == RT_ENOTFOUND || rc == RT_EEXPIRED ||
		    rc == RT_EBUSY || rc == RT_ESTORAGE)
			return rc;
		return RT_EDB;
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		return rc;
	*org_id = inv.org_id;
	return RT_OK;
}
