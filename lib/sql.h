/*
 * sql.h: the statement table and the helpers that lib/ modules share to
 * run it.  Only the lib/ modules that own statements include this file.
 *
 * Every SQL statement of the program is named here by enum db_stmt; its
 * text lives only in the table of db.c, and no SQL is assembled anywhere
 * else (the one exception, "PRAGMA user_version = N" in db.c, cannot take
 * a bound parameter and is written from an int).  A statement is prepared
 * the first time a connection asks for it and kept until the connection
 * closes.  Every value reaches SQLite through sqlite3_bind_*().
 *
 * The life of a statement: db_stmt() hands it out reset and unbound; the
 * caller binds, steps, reads its columns, then calls db_stmt_release()
 * before returning, so that no statement keeps a read snapshot or a write
 * in progress (a pending write would make COMMIT fail).  Text bound with
 * SQLITE_STATIC must stay alive until that release.
 */
#ifndef RESEAUTER_SQL_H
#define RESEAUTER_SQL_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "db.h"

/* The statements of the program; their SQL is in db.c's db_sql[]. */
enum db_stmt {
	/* Transactions and connection set-up (db.c). */
	DB_STMT_BEGIN = 0,           /* a deferred (read) transaction */
	DB_STMT_BEGIN_IMMEDIATE,     /* the write transaction */
	DB_STMT_COMMIT,
	DB_STMT_ROLLBACK,
	DB_STMT_PRAGMA_WAL,          /* returns the journal mode set */
	DB_STMT_PRAGMA_SYNC,
	DB_STMT_PRAGMA_FK_ON,
	DB_STMT_PRAGMA_FK,           /* returns 1 when foreign keys are on */
	DB_STMT_PRAGMA_QUERY_ONLY,
	DB_STMT_PRAGMA_NO_AUTOCKPT,
	DB_STMT_USER_VERSION,        /* returns PRAGMA user_version */
	DB_STMT_SCHEMA_COUNT,        /* returns the number of schema objects */
	DB_STMT_FK_CHECK,            /* returns one row per dangling reference */
	/* Logins, sign-ups and sessions (auth.c). */
	DB_STMT_FAILURES_EMAIL,      /* ?1 email, ?2 since: count */
	DB_STMT_FAILURES_ADDR,       /* ?1 addr, ?2 since: count */
	DB_STMT_FAILURE_ADD,         /* ?1 email, ?2 addr, ?3 at */
	DB_STMT_FAILURES_CLEAR,      /* ?1 email */
	DB_STMT_FAILURES_PRUNE,      /* ?1 oldest kept, exclusive */
	DB_STMT_SIGNUP_NTH,          /* ?1 addr, ?2 since, ?3 n - 1: the time of the n-th newest */
	DB_STMT_SIGNUP_ADD,          /* ?1 addr, ?2 at */
	DB_STMT_SIGNUPS_PRUNE,       /* ?1 oldest kept, exclusive */
	DB_STMT_USER_LOGIN,          /* ?1 email: id, pwhash */
	DB_STMT_USER_SET_PWHASH,     /* ?1 new, ?2 id, ?3 old */
	DB_STMT_USER_SET_LANG,       /* ?1 lang, ?2 id */
	DB_STMT_SESSION_ADD,         /* ?1 token hash, ?2 user, ?3 csrf, ?4 now */
	DB_STMT_SESSION_GET,         /* ?1 token hash: id, user, csrf, created, last seen, lang, name, email,
	                              * roles (enum auth_role bits) */
	DB_STMT_SESSION_TOUCH,       /* ?1 now, ?2 id */
	DB_STMT_SESSION_DEL_ID,      /* ?1 id */
	DB_STMT_SESSION_DEL_TOKEN,   /* ?1 token hash */
	DB_STMT_SESSIONS_PRUNE,      /* ?1 idle cut-off, ?2 age cut-off */
	/* Accounts, organisations, invitations (org.c). */
	DB_STMT_USER_BY_EMAIL,       /* ?1 email: id */
	DB_STMT_USER_ADD,            /* ?1 email, ?2 name, ?3 pwhash, ?4 lang, ?5 now: id */
	DB_STMT_ORG_ADD,             /* ?1 name, ?2 now, ?3 user: id */
	DB_STMT_MEMBER_ADD,          /* ?1 org, ?2 user, ?3 role, ?4 now; no-op if a member */
	DB_STMT_MEMBER_ROLE,         /* ?1 org, ?2 user: role */
	DB_STMT_ORG_ACCESS,          /* ?1 org, ?2 user: 'owner', 'member' or 'trainer' */
	DB_STMT_ORGS_OF_USER,        /* ?1 user: id, name, role */
	DB_STMT_ORG_NAME,            /* ?1 org: name */
	DB_STMT_ORG_MEMBERS,         /* ?1 org: user, name, email, role, joined */
	DB_STMT_INVITE_ADD,          /* ?1 token hash, ?2 org, ?3 by, ?4 now, ?5 expires */
	DB_STMT_INVITE_BY_TOKEN,     /* ?1 token hash: id, org, org name, inviter, created, expires, used, revoked */
	DB_STMT_INVITES_PENDING,     /* ?1 org, ?2 now: as above */
	DB_STMT_INVITE_REVOKE,       /* ?1 id, ?2 org */
	DB_STMT_INVITE_USE,          /* ?1 now, ?2 user, ?3 id */
	/* The plan (plan.c). */
	DB_STMT_SECTION_GET,         /* ?1 org, ?2 section: version, updated at, by name, data */
	DB_STMT_SECTIONS_OF_ORG,     /* ?1 org: section, version, updated at, by name, data */
	DB_STMT_SECTION_VERSION,     /* ?1 org, ?2 section: version */
	DB_STMT_SECTION_VERSIONS,    /* ?1 org: section, version; one row per section saved */
	DB_STMT_SECTION_STAMP,       /* ?1 org, ?2 section: version, updated at, by name */
	DB_STMT_SECTION_PUT,         /* ?1 org, ?2 section, ?3 version, ?4 data, ?5 now, ?6 user;
	                              * no change when the row is not at version ?3 - 1 */
	DB_STMT_REVISION_ADD,        /* ?1 org, ?2 section, ?3 version, ?4 data, ?5 user, ?6 now, ?7 restored from */
	DB_STMT_REVISIONS,           /* ?1 org, ?2 section, ?3 limit: id, version, created at, by name,
	                              * restored from; newest first */
	DB_STMT_REVISION_GET,        /* ?1 org, ?2 section, ?3 version: version, created at, by name, data */
	DB_STMT_STANDING_PUT,        /* ?1 org, ?2 overall, ?3 pitfalls, ?4 percents (JSON), ?5 now */
	DB_STMT_STANDING_GET,        /* ?1 org: overall, pitfalls, percents (JSON), updated at */
	DB_STMT_STANDING_VIEW,       /* ?1 org: one row: the newest save of a section (NULL: none),
	                              * then overall, pitfalls, percents, updated at (NULL: no standing) */
	/* Share links (share.c). */
	DB_STMT_SHARE_ADD,           /* ?1 token hash, ?2 org, ?3 by, ?4 label, ?5 now, ?6 expires or NULL */
	DB_STMT_SHARE_BY_TOKEN,      /* ?1 token hash: id, org, expires or NULL, revoked at or NULL,
	                              * last access or NULL */
	DB_STMT_SHARES_ACTIVE,       /* ?1 org, ?2 now: id, label, creator name, created, expires or
	                              * NULL, last access or NULL; newest first */
	DB_STMT_SHARE_REVOKE,        /* ?1 now, ?2 id, ?3 org; no change when already revoked */
	DB_STMT_SHARE_TOUCH,         /* ?1 now, ?2 id, ?3 cut-off: only when the last access is
	                              * NULL or not after ?3 */
	/* Import, and organisations started from a file (plan.c). */
	DB_STMT_IMPORT_OWNER_ADD,    /* ?1 org, ?2 user, ?3 now: makes user an owner of org */

	/* Cohorts, their trainers and organisations (cohort.c). */
	DB_STMT_COHORT_TRAINER_CHECK, /* ?1 cohort, ?2 user: 1 when a trainer of it */
	DB_STMT_COHORT_ADD,          /* ?1 name, ?2 starts, ?3 ends, ?4 notes, ?5 code, ?6 user,
	                              * ?7 now: id; RT_EEXISTS when the code is taken */
	DB_STMT_COHORT_TRAINER_ADD,  /* ?1 cohort, ?2 user, ?3 now; RT_EEXISTS when already one */
	DB_STMT_COHORT_UPDATE,       /* ?1 id, ?2 name, ?3 starts, ?4 ends, ?5 notes */
	DB_STMT_COHORT_SET_STATE,    /* ?1 id, ?2 state ('open', 'closed', 'archived') */
	DB_STMT_COHORT_GET,          /* ?1 id: id, name, starts, ends, notes, code, state,
	                              * created, organisations */
	DB_STMT_COHORT_BY_CODE,      /* ?1 code: as COHORT_GET */
	DB_STMT_COHORTS_OF_TRAINER,  /* ?1 user, ?2 archived (0/1): as COHORT_GET; newest first */
	DB_STMT_COHORT_TRAINERS,     /* ?1 cohort: user, name, email, added, holds the trainer
	                              * role (0/1); by name */
	DB_STMT_COHORT_TRAINER_FIND, /* ?1 email: user, holds the trainer role (0/1) */
	DB_STMT_COHORT_TRAINERS_LEFT, /* ?1 cohort, ?2 user: how many other trainers of it
	                              * hold the trainer role */
	DB_STMT_COHORT_TRAINER_DEL,  /* ?1 cohort, ?2 user */
	DB_STMT_COHORT_STATE,        /* ?1 cohort: state */
	DB_STMT_COHORT_ORG_CHECK,    /* ?1 cohort, ?2 org: 1 when the organisation is in it */
	DB_STMT_COHORT_ORG_ADD,      /* ?1 cohort, ?2 org, ?3 user, ?4 now */
	DB_STMT_COHORT_ORG_DEL,      /* ?1 cohort, ?2 org */
	DB_STMT_COHORT_VISITS_FORGET, /* ?1 cohort, ?2 org: the visits of the cohort's trainers
	                              * to org that no other cohort of theirs holds */
	DB_STMT_COHORTS_OF_ORG,      /* ?1 org: id, name, state, joined, trainers' names
	                              * (", "-separated, those holding the role); newest first */

	/* The trainer's dashboard and the cohort's debrief (dashboard.c). */
	DB_STMT_DASH_COHORT,         /* ?1 cohort: id, name, starts on, ends on, notes, join code,
	                              * state, created at, organisations, demonstration ones */
	DB_STMT_DASH_ROWS,           /* ?1 cohort, ?2 trainer: org, name, demo, has a standing,
	                              * overall, pitfalls, percents (JSON), updated at, threads
	                              * awaiting the trainer, awaiting the group, last seen or
	                              * NULL; by org */
	DB_STMT_DASH_UNSTOOD,        /* ?1 cohort: org, section, version, updated at, data of the
	                              * organisations without a standing; by org */
	DB_STMT_DEBRIEF_PLANS,       /* ?1 cohort: org, section or NULL, version, updated at, data
	                              * of every organisation but the demonstrations; by org */

	/* Comments and the trainers' visits (comment.c). */
	DB_STMT_COMMENT_THREAD,      /* ?1 id, ?2 org, ?3 section: resolved (0 or 1), when id opens
	                              * a thread of that org and section */
	DB_STMT_COMMENT_ADD,         /* ?1 org, ?2 section, ?3 thread or NULL, ?4 user, ?5 by trainer,
	                              * ?6 body, ?7 now: id */
	DB_STMT_COMMENT_REOPEN,      /* ?1 thread: clears its resolution */
	DB_STMT_COMMENT_RESOLVE,     /* ?1 comment, ?2 org, ?3 resolved (0 or 1), ?4 now, ?5 user:
	                              * thread id, section; no row when not in org */
	DB_STMT_COMMENTS_OF_ORG,     /* ?1 org, ?2 section or NULL for all, ?3 1 for open threads only:
	                              * id, thread, section, user or NULL, author, by trainer, body,
	                              * created at, thread resolved at or NULL, resolver name;
	                              * threads oldest first, each opening comment then its replies */
	DB_STMT_COMMENT_OPEN_COUNTS, /* ?1 org: section, open threads */
	DB_STMT_VISIT_RECORD,        /* ?1 user, ?2 org, ?3 now, ?4 gap (seconds): since at */
	DB_STMT_CHANGES_SINCE,       /* ?1 org, ?2 since: section, version, updated at, by name,
	                              * version at since or NULL, document at since or NULL;
	                              * the sections saved after since */

	/* The demonstration plan (demo.c). */
	DB_STMT_DEMO_COHORT_STATE,   /* ?1 cohort: state */
	DB_STMT_DEMO_COHORT_ADD,     /* ?1 cohort, ?2 org, ?3 now, ?4 trainer: the org joins as a
	                              * demonstration (demo = 1) */

	/* Roles, accounts and backups of the instance (admin.c). */
	DB_STMT_ADMIN_USER_BY_ID,    /* ?1 user: id, name, email, created, roles (enum auth_role bits) */
	DB_STMT_ADMIN_USER_BY_EMAIL, /* ?1 email: as above */
	DB_STMT_ADMIN_ROLE_ADD,      /* ?1 user, ?2 role, ?3 now, ?4 by or NULL; no-op if held */
	DB_STMT_ADMIN_ROLE_DEL,      /* ?1 user, ?2 role */
	DB_STMT_ADMIN_ADMINS,        /* count of administrators */
	DB_STMT_ADMIN_USERS,         /* id, name, email, created, roles, organisations,
	                              * last activity or NULL, two-factor on; by name */
	DB_STMT_ADMIN_ORGS,          /* id, name, created, members, cohorts, last plan
	                              * activity or NULL; by name */
	DB_STMT_ADMIN_RESET_ADD,     /* ?1 token hash, ?2 user, ?3 by or NULL, ?4 now, ?5 expires */
	DB_STMT_ADMIN_RESET_BY_TOKEN, /* ?1 token hash: id, user, name, email, expires, used */
	DB_STMT_ADMIN_RESETS_END,    /* ?1 user, ?2 now: every unused link of user becomes used */
	DB_STMT_ADMIN_SET_PWHASH,    /* ?1 pwhash, ?2 user */
	DB_STMT_ADMIN_SESSIONS_DEL,  /* ?1 user: every session of user */
	DB_STMT_BACKUP_JOURNAL,      /* returns the journal mode set: "delete" (a copy
	                              * of the database, as one file) */
	DB_STMT_BACKUP_CHECK,        /* PRAGMA integrity_check: one row "ok" when sound */

	/* Accounts: password, two-factor, sessions (account.c). */
	DB_STMT_ACCOUNT_STATE,       /* ?1 session, ?2 user: second factor pending (0/1), two-factor
	                              * on (0/1), required of trainers and administrators (0/1) */
	DB_STMT_ACCOUNT_SESSION_ADD, /* ?1 token hash, ?2 user, ?3 csrf, ?4 now: id */
	DB_STMT_ACCOUNT_INFO_ADD,    /* ?1 session, ?2 agent, ?3 addr, ?4 pending (0/1) */
	DB_STMT_ACCOUNT_INFO_COPY,   /* ?1 new session, ?2 old session: the old one's agent and
	                              * addr, not pending */
	DB_STMT_ACCOUNT_PENDING,     /* ?1 session, ?2 user: a row when it is a pending session
	                              * of user */
	DB_STMT_ACCOUNT_SESSIONS,    /* ?1 user, ?2 idle cut-off, ?3 age cut-off: id, created,
	                              * last seen, agent, addr, pending; most recently seen first */
	DB_STMT_ACCOUNT_SESSION_DEL, /* ?1 session, ?2 user: id when deleted */
	DB_STMT_ACCOUNT_SESSIONS_DEL, /* ?1 user, ?2 session kept (0: none) */
	DB_STMT_ACCOUNT_PWHASH_SET,  /* ?1 user, ?2 pwhash */
	DB_STMT_ACCOUNT_NAME_SET,    /* ?1 user, ?2 name */
	DB_STMT_ACCOUNT_TOTP_GET,    /* ?1 user: secret, enabled at or NULL, last used step,
	                              * unused recovery codes */
	DB_STMT_ACCOUNT_TOTP_ADD,    /* ?1 user, ?2 secret, ?3 now: a set-up not enabled yet */
	DB_STMT_ACCOUNT_TOTP_ENABLE, /* ?1 user, ?2 now, ?3 step: only while not enabled */
	DB_STMT_ACCOUNT_TOTP_STEP,   /* ?1 user, ?2 step: only when after the last one used */
	DB_STMT_ACCOUNT_TOTP_DEL,    /* ?1 user: id when deleted */
	DB_STMT_ACCOUNT_CODES_DEL,   /* ?1 user */
	DB_STMT_ACCOUNT_CODE_ADD,    /* ?1 user, ?2 salt, ?3 hash, ?4 now */
	DB_STMT_ACCOUNT_CODES_UNUSED, /* ?1 user: id, salt, hash */
	DB_STMT_ACCOUNT_CODE_USE,    /* ?1 id, ?2 now: only while unused */
	DB_STMT_ACCOUNT_SETTING_GET, /* ?1 key: value */
	DB_STMT_ACCOUNT_SETTING_PUT, /* ?1 key, ?2 value, ?3 now, ?4 by or NULL */

	DB_STMT__MAX
};

/* Bytes of the hash under which a token is stored (crypto_generichash). */
#define DB_TOKEN_HASH_LEN 32

/* One step of migration: the SQL that takes a database from from_version to from_version + 1. */
struct db_migration {
	int         from_version;
	const char *sql;    /* may hold several statements; no BEGIN/COMMIT */
};

/*
 * Returns statement id of connection c, prepared on first use and then
 * reset with its bindings cleared.  Returns NULL (logged) when it cannot
 * be prepared, which only happens when the schema and the table disagree
 * or memory runs out.  The statement belongs to c: never finalize it.
 */
sqlite3_stmt *db_stmt(struct db_conn *c, enum db_stmt id);

/* Resets st and clears its bindings; NULL is allowed. */
void db_stmt_release(sqlite3_stmt *st);

/*
 * Steps st once and expects the end of its rows.  Returns RT_OK,
 * RT_EEXISTS when a UNIQUE or PRIMARY KEY constraint refused the row
 * (not logged: the caller expected it may happen), RT_EBUSY, or RT_EDB
 * (logged with where).  st is left to release.
 */
int db_step_done(struct db_conn *c, sqlite3_stmt *st, const char *where);

/*
 * Steps st once and expects a row.  Returns RT_OK (columns readable),
 * RT_ENOTFOUND when there was none, RT_EEXISTS as db_step_done(),
 * RT_EBUSY, or RT_EDB (logged).  st is left to release.
 */
int db_step_row(struct db_conn *c, sqlite3_stmt *st, const char *where);

/*
 * Logs the last error of c on stderr, prefixed with where, and returns
 * RT_EBUSY when it was a timeout on a lock, RT_EDB otherwise.
 */
int db_fail(struct db_conn *c, const char *where);

/*
 * Starts a read transaction on a reader, so that several statements see
 * one snapshot.  Returns RT_OK or RT_EDB; on RT_OK the caller ends it with
 * db_read_end().
 */
int db_read_begin(struct db_conn *c);

/* Ends the read transaction of db_read_begin(); nothing can fail there. */
void db_read_end(struct db_conn *c);

/* The SQLite handle of c, for tests and for what sqlite3_*() needs. */
sqlite3 *db_conn_handle(struct db_conn *c);

/*
 * The number of statements db_stmt() has handed out on c since it was
 * opened, so that a test can check that a page runs a fixed number of them.
 */
unsigned long db_conn_statements(const struct db_conn *c);

/*
 * Copies the text of column col into dst (dstlen >= 1 bytes), always
 * NUL-terminated, cutting a value too long at a UTF-8 character boundary.
 * NULL becomes "".
 */
void db_column_copy(sqlite3_stmt *st, int col, char *dst, size_t dstlen);

/*
 * Returns a malloc'd copy of the text of column col ("" for NULL) that the
 * caller frees with free(), or NULL when memory runs out.
 */
char *db_column_dup(sqlite3_stmt *st, int col);

/* Writes the hash under which token (NUL-terminated) is stored. */
void db_token_hash(const char *token, unsigned char out[DB_TOKEN_HASH_LEN]);

/*
 * Draws a new token with auth_token_new() into token (AUTH_TOKEN_LEN + 1
 * bytes) and writes its hash, what the database stores, into hash.
 */
void db_token_new(char *token, unsigned char hash[DB_TOKEN_HASH_LEN]);

/*
 * Looks token up with statement id of c, whose ?1 is a token's hash, and
 * steps to its first row.  Returns RT_OK with the row readable in *st,
 * RT_ENOTFOUND when no row matches or token is not AUTH_TOKEN_LEN long
 * (then it is never looked up), RT_EBUSY or RT_EDB; in every case the
 * caller ends with db_stmt_release(*st).
 */
int db_token_row(struct db_conn *c, enum db_stmt id, const char *token,
    const char *where, sqlite3_stmt **st);

/*
 * Appends a zeroed element of size bytes to the malloc'd array *v of *n
 * elements and room for *cap, doubling the room (from 4) when it is full.
 * Returns the new element, or NULL when memory runs out (the array is
 * then unchanged).
 */
void *db_array_add(void **v, size_t *n, size_t *cap, size_t size);

/*
 * Runs statement id of c with the nargs integers of args bound to ?1,
 * ?2..., and reads every row it gives into a malloc'd array of elements
 * of size bytes, each zeroed and then filled from its row by fill(st,
 * element).  Returns RT_OK with *out (NULL when there is no row; the
 * caller frees it) and *n, or RT_ENOMEM, RT_EBUSY or RT_EDB with *out
 * NULL and *n 0.
 */
int db_rows(struct db_conn *c, enum db_stmt id, const int64_t *args,
    size_t nargs, const char *where, size_t size,
    void (*fill)(sqlite3_stmt *, void *), void **out, size_t *n);

/*
 * Brings the database of conn to version target, in one transaction
 * (BEGIN IMMEDIATE) that re-reads PRAGMA user_version first:
 *   - version 0 and no table: runs schema_sql, which must set
 *     user_version to target itself (RT_EIO when schema_sql is NULL);
 *   - version 0 with tables: refused, this is not our database;
 *   - 0 < version < target: applies, in order, the step of steps[0..nsteps)
 *     whose from_version is the current version, and sets user_version to
 *     from_version + 1 after each; a missing step is an error; then
 *     PRAGMA foreign_key_check must find nothing.  Run it with foreign
 *     keys off, so that a step may rebuild a table;
 *   - version == target: nothing to do;
 *   - version > target: refused, the program is older than the database.
 * Returns RT_OK, or RT_EIO / RT_EDB with one line for the operator in err;
 * on failure the database is left as it was.
 */
int db_migrate(sqlite3 *conn, const char *schema_sql,
    const struct db_migration *steps, size_t nsteps, int target,
    char *err, size_t errlen);

#endif
