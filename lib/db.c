/*
 * db.c: the SQLite database, its connections, its statement table and its
 * migrations.
 *
 * One write connection serves every thread under db->mu; each thread also
 * has a read-only connection of its own.  The database is in WAL mode, so
 * readers never wait for the writer nor the writer for readers.  Only the
 * writer checkpoints (automatically, every 1000 pages, and at db_close()):
 * readers are opened read-only, with query_only on and automatic
 * checkpoints off, so no two connections ever checkpoint at once.
 *
 * Durability: the writer runs with synchronous=FULL.  In WAL mode NORMAL is
 * already safe against corruption and keeps every committed transaction
 * across a crash of the process (kill -9), since a commit is in the WAL
 * file, hence in the kernel, before COMMIT returns; but NORMAL can lose the
 * last commits on a power cut or a kernel crash, because the WAL is only
 * synced at checkpoints.  When the program tells someone "saved", an hour
 * of a group's work must not vanish with the power, and writes here are
 * people typing (a few per minute), so one fsync per commit costs nothing
 * that matters.  FULL it is.
 *
 * The file stays an ordinary SQLite database: `sqlite3 var/reseauter.db
 * ".backup copy.db"` is a consistent backup while the program runs (it
 * waits for the writer through the busy timeout like any connection), and
 * db_backup() does the same from the program and from reseauter-admin.
 */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "auth.h"
#include "sql.h"

/* The version of schema.sql this program is written for. */
#define DB_SCHEMA_VERSION 6

/* How long a connection waits for a lock before giving RT_EBUSY (ms). */
#define DB_BUSY_TIMEOUT 5000

/* The largest schema file read (bytes): schema.sql is a few kilobytes. */
#define DB_SCHEMA_MAX (1024 * 1024)

/*
 * Every SQL statement of the program, indexed by enum db_stmt.  Numbered
 * parameters (?1, ?2...) are documented next to the enum in sql.h.
 */
static const char *const db_sql[DB_STMT__MAX] = {
	[DB_STMT_BEGIN] = "BEGIN",
	[DB_STMT_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
	[DB_STMT_COMMIT] = "COMMIT",
	[DB_STMT_ROLLBACK] = "ROLLBACK",
	[DB_STMT_PRAGMA_WAL] = "PRAGMA journal_mode = WAL",
	[DB_STMT_PRAGMA_SYNC] = "PRAGMA synchronous = FULL",
	[DB_STMT_PRAGMA_FK_ON] = "PRAGMA foreign_keys = ON",
	[DB_STMT_PRAGMA_FK] = "PRAGMA foreign_keys",
	[DB_STMT_PRAGMA_QUERY_ONLY] = "PRAGMA query_only = ON",
	[DB_STMT_PRAGMA_NO_AUTOCKPT] = "PRAGMA wal_autocheckpoint = 0",
	[DB_STMT_USER_VERSION] = "PRAGMA user_version",
	[DB_STMT_SCHEMA_COUNT] =
	    "SELECT count(*) FROM sqlite_master "
	    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
	[DB_STMT_FK_CHECK] = "PRAGMA foreign_key_check",

	[DB_STMT_FAILURES_EMAIL] =
	    "SELECT count(*) FROM login_failures WHERE email = ?1 AND at > ?2",
	[DB_STMT_FAILURES_ADDR] =
	    "SELECT count(*) FROM login_failures WHERE addr = ?1 AND at > ?2",
	[DB_STMT_FAILURE_ADD] =
	    "INSERT INTO login_failures (email, addr, at) VALUES (?1, ?2, ?3)",
	[DB_STMT_FAILURES_CLEAR] = "DELETE FROM login_failures WHERE email = ?1",
	[DB_STMT_FAILURES_PRUNE] = "DELETE FROM login_failures WHERE at <= ?1",
	[DB_STMT_SIGNUP_NTH] =
	    "SELECT at FROM signups WHERE addr = ?1 AND at > ?2 "
	    "ORDER BY at DESC LIMIT 1 OFFSET ?3",
	[DB_STMT_SIGNUP_ADD] = "INSERT INTO signups (addr, at) VALUES (?1, ?2)",
	[DB_STMT_SIGNUPS_PRUNE] = "DELETE FROM signups WHERE at <= ?1",
	[DB_STMT_USER_LOGIN] = "SELECT id, pwhash FROM users WHERE email = ?1",
	[DB_STMT_USER_SET_PWHASH] =
	    "UPDATE users SET pwhash = ?1 WHERE id = ?2 AND pwhash = ?3",
	[DB_STMT_USER_SET_LANG] = "UPDATE users SET lang = ?1 WHERE id = ?2",
	[DB_STMT_SESSION_ADD] =
	    "INSERT INTO sessions (token_hash, user_id, csrf, created_at, "
	    "last_seen) VALUES (?1, ?2, ?3, ?4, ?4)",
	[DB_STMT_SESSION_GET] =
	    "SELECT s.id, s.user_id, s.csrf, s.created_at, s.last_seen, "
	    "u.lang, u.name, u.email, (SELECT coalesce(sum(CASE r.role "
	    "WHEN 'admin' THEN 1 WHEN 'trainer' THEN 2 END), 0) "
	    "FROM user_roles r WHERE r.user_id = s.user_id) "
	    "FROM sessions s JOIN users u ON u.id = s.user_id "
	    "WHERE s.token_hash = ?1",
	[DB_STMT_SESSION_TOUCH] =
	    "UPDATE sessions SET last_seen = ?1 WHERE id = ?2 AND last_seen < ?1",
	[DB_STMT_SESSION_DEL_ID] = "DELETE FROM sessions WHERE id = ?1",
	[DB_STMT_SESSION_DEL_TOKEN] = "DELETE FROM sessions WHERE token_hash = ?1",
	[DB_STMT_SESSIONS_PRUNE] =
	    "DELETE FROM sessions WHERE last_seen < ?1 OR created_at < ?2",

	[DB_STMT_USER_BY_EMAIL] = "SELECT id FROM users WHERE email = ?1",
	[DB_STMT_USER_ADD] =
	    "INSERT INTO users (email, name, pwhash, lang, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
	[DB_STMT_ORG_ADD] =
	    "INSERT INTO orgs (name, created_at, created_by) "
	    "VALUES (?1, ?2, ?3) RETURNING id",
	[DB_STMT_MEMBER_ADD] =
	    "INSERT INTO memberships (org_id, user_id, role, created_at) "
	    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (org_id, user_id) DO NOTHING",
	[DB_STMT_MEMBER_ROLE] =
	    "SELECT role FROM memberships WHERE org_id = ?1 AND user_id = ?2",
	[DB_STMT_ORG_ACCESS] =
	    "SELECT role FROM memberships WHERE org_id = ?1 AND user_id = ?2 "
	    "UNION ALL "
	    "SELECT 'trainer' FROM cohort_orgs co "
	    "JOIN cohort_trainers ct ON ct.cohort_id = co.cohort_id "
	    "JOIN user_roles ur ON ur.user_id = ct.user_id "
	    "AND ur.role = 'trainer' "
	    "WHERE co.org_id = ?1 AND ct.user_id = ?2 LIMIT 1",
	[DB_STMT_ORGS_OF_USER] =
	    "SELECT o.id, o.name, m.role "
	    "FROM memberships m JOIN orgs o ON o.id = m.org_id "
	    "WHERE m.user_id = ?1 ORDER BY o.name COLLATE NOCASE, o.id",
	[DB_STMT_ORG_NAME] = "SELECT name FROM orgs WHERE id = ?1",
	[DB_STMT_ORG_MEMBERS] =
	    "SELECT u.id, u.name, u.email, m.role, m.created_at "
	    "FROM memberships m JOIN users u ON u.id = m.user_id "
	    "WHERE m.org_id = ?1 "
	    "ORDER BY m.role = 'owner' DESC, u.name COLLATE NOCASE, u.id",
	[DB_STMT_INVITE_ADD] =
	    "INSERT INTO invitations (token_hash, org_id, created_by, "
	    "created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[DB_STMT_INVITE_BY_TOKEN] =
	    "SELECT i.id, i.org_id, o.name, coalesce(u.name, ''), "
	    "i.created_at, i.expires_at, i.used_at IS NOT NULL, i.revoked "
	    "FROM invitations i JOIN orgs o ON o.id = i.org_id "
	    "LEFT JOIN users u ON u.id = i.created_by "
	    "WHERE i.token_hash = ?1",
	[DB_STMT_INVITES_PENDING] =
	    "SELECT i.id, i.org_id, o.name, coalesce(u.name, ''), "
	    "i.created_at, i.expires_at "
	    "FROM invitations i JOIN orgs o ON o.id = i.org_id "
	    "LEFT JOIN users u ON u.id = i.created_by "
	    "WHERE i.org_id = ?1 AND i.used_at IS NULL AND i.revoked = 0 "
	    "AND i.expires_at > ?2 ORDER BY i.created_at, i.id",
	[DB_STMT_INVITE_REVOKE] =
	    "UPDATE invitations SET revoked = 1 WHERE id = ?1 AND org_id = ?2 "
	    "AND revoked = 0 AND used_at IS NULL",
	[DB_STMT_INVITE_USE] =
	    "UPDATE invitations SET used_at = ?1, used_by = ?2 "
	    "WHERE id = ?3 AND used_at IS NULL AND revoked = 0",

	[DB_STMT_SECTION_GET] =
	    "SELECT s.version, s.updated_at, coalesce(u.name, ''), s.data "
	    "FROM plan_sections s LEFT JOIN users u ON u.id = s.updated_by "
	    "WHERE s.org_id = ?1 AND s.section = ?2",
	[DB_STMT_SECTIONS_OF_ORG] =
	    "SELECT s.section, s.version, s.updated_at, coalesce(u.name, ''), "
	    "s.data FROM plan_sections s "
	    "LEFT JOIN users u ON u.id = s.updated_by WHERE s.org_id = ?1",
	[DB_STMT_SECTION_VERSION] =
	    "SELECT version FROM plan_sections WHERE org_id = ?1 AND section = ?2",
	[DB_STMT_SECTION_VERSIONS] =
	    "SELECT section, version FROM plan_sections WHERE org_id = ?1",
	[DB_STMT_SECTION_STAMP] =
	    "SELECT s.version, s.updated_at, coalesce(u.name, '') "
	    "FROM plan_sections s LEFT JOIN users u ON u.id = s.updated_by "
	    "WHERE s.org_id = ?1 AND s.section = ?2",
	[DB_STMT_SECTION_PUT] =
	    "INSERT INTO plan_sections (org_id, section, version, data, "
	    "updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	    "ON CONFLICT (org_id, section) DO UPDATE SET "
	    "version = excluded.version, data = excluded.data, "
	    "updated_at = excluded.updated_at, updated_by = excluded.updated_by "
	    "WHERE plan_sections.version = excluded.version - 1",
	[DB_STMT_REVISION_ADD] =
	    "INSERT INTO plan_revisions (org_id, section, version, data, "
	    "user_id, created_at, restored_from) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[DB_STMT_REVISIONS] =
	    "SELECT r.id, r.version, r.created_at, coalesce(u.name, ''), "
	    "r.restored_from FROM plan_revisions r "
	    "LEFT JOIN users u ON u.id = r.user_id "
	    "WHERE r.org_id = ?1 AND r.section = ?2 "
	    "ORDER BY r.version DESC LIMIT ?3",
	[DB_STMT_REVISION_GET] =
	    "SELECT r.version, r.created_at, coalesce(u.name, ''), r.data "
	    "FROM plan_revisions r LEFT JOIN users u ON u.id = r.user_id "
	    "WHERE r.org_id = ?1 AND r.section = ?2 AND r.version = ?3",
	[DB_STMT_STANDING_PUT] =
	    "INSERT INTO plan_standing (org_id, overall, pitfalls, percents, "
	    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "ON CONFLICT (org_id) DO UPDATE SET overall = excluded.overall, "
	    "pitfalls = excluded.pitfalls, percents = excluded.percents, "
	    "updated_at = excluded.updated_at",
	[DB_STMT_STANDING_GET] =
	    "SELECT overall, pitfalls, percents, updated_at FROM plan_standing "
	    "WHERE org_id = ?1",
	[DB_STMT_STANDING_VIEW] =
	    "SELECT (SELECT max(updated_at) FROM plan_sections "
	    "WHERE org_id = ?1), s.overall, s.pitfalls, s.percents, "
	    "s.updated_at FROM (SELECT ?1 AS org_id) o "
	    "LEFT JOIN plan_standing s ON s.org_id = o.org_id",

	/* Share links (share.c). */
	[DB_STMT_SHARE_ADD] =
	    "INSERT INTO share_links (token_hash, org_id, created_by, label, "
	    "created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[DB_STMT_SHARE_BY_TOKEN] =
	    "SELECT id, org_id, expires_at, revoked_at, last_access_at "
	    "FROM share_links WHERE token_hash = ?1",
	[DB_STMT_SHARES_ACTIVE] =
	    "SELECT l.id, l.label, coalesce(u.name, ''), l.created_at, "
	    "l.expires_at, l.last_access_at "
	    "FROM share_links l LEFT JOIN users u ON u.id = l.created_by "
	    "WHERE l.org_id = ?1 AND l.revoked_at IS NULL "
	    "AND (l.expires_at IS NULL OR l.expires_at > ?2) "
	    "ORDER BY l.created_at DESC, l.id DESC",
	[DB_STMT_SHARE_REVOKE] =
	    "UPDATE share_links SET revoked_at = ?1 "
	    "WHERE id = ?2 AND org_id = ?3 AND revoked_at IS NULL",
	[DB_STMT_SHARE_TOUCH] =
	    "UPDATE share_links SET last_access_at = ?1 WHERE id = ?2 "
	    "AND (last_access_at IS NULL OR last_access_at <= ?3)",

	/* Import, and organisations started from a file (plan.c). */
	[DB_STMT_IMPORT_OWNER_ADD] =
	    "INSERT INTO memberships (org_id, user_id, role, created_at) "
	    "VALUES (?1, ?2, 'owner', ?3)",

	/* Cohorts, their trainers and organisations (cohort.c). */
	[DB_STMT_COHORT_TRAINER_CHECK] =
	    "SELECT 1 FROM cohort_trainers WHERE cohort_id = ?1 AND user_id = ?2",
	[DB_STMT_COHORT_ADD] =
	    "INSERT INTO cohorts (name, starts_on, ends_on, notes, join_code, "
	    "state, created_by, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, ?7) RETURNING id",
	[DB_STMT_COHORT_TRAINER_ADD] =
	    "INSERT INTO cohort_trainers (cohort_id, user_id, added_at) "
	    "VALUES (?1, ?2, ?3)",
	[DB_STMT_COHORT_UPDATE] =
	    "UPDATE cohorts SET name = ?2, starts_on = ?3, ends_on = ?4, "
	    "notes = ?5 WHERE id = ?1",
	[DB_STMT_COHORT_SET_STATE] = "UPDATE cohorts SET state = ?2 WHERE id = ?1",
	[DB_STMT_COHORT_GET] =
	    "SELECT c.id, c.name, c.starts_on, c.ends_on, c.notes, c.join_code, "
	    "c.state, c.created_at, (SELECT count(*) FROM cohort_orgs co "
	    "WHERE co.cohort_id = c.id) FROM cohorts c WHERE c.id = ?1",
	[DB_STMT_COHORT_BY_CODE] =
	    "SELECT c.id, c.name, c.starts_on, c.ends_on, c.notes, c.join_code, "
	    "c.state, c.created_at, (SELECT count(*) FROM cohort_orgs co "
	    "WHERE co.cohort_id = c.id) FROM cohorts c WHERE c.join_code = ?1",
	[DB_STMT_COHORTS_OF_TRAINER] =
	    "SELECT c.id, c.name, c.starts_on, c.ends_on, c.notes, c.join_code, "
	    "c.state, c.created_at, (SELECT count(*) FROM cohort_orgs co "
	    "WHERE co.cohort_id = c.id) "
	    "FROM cohort_trainers t JOIN cohorts c ON c.id = t.cohort_id "
	    "WHERE t.user_id = ?1 AND (c.state = 'archived') = ?2 "
	    "ORDER BY c.created_at DESC, c.id DESC",
	[DB_STMT_COHORT_TRAINERS] =
	    "SELECT u.id, u.name, u.email, t.added_at, EXISTS (SELECT 1 "
	    "FROM user_roles r WHERE r.user_id = u.id AND r.role = 'trainer') "
	    "FROM cohort_trainers t JOIN users u ON u.id = t.user_id "
	    "WHERE t.cohort_id = ?1 ORDER BY u.name COLLATE NOCASE, u.id",
	[DB_STMT_COHORT_TRAINER_FIND] =
	    "SELECT u.id, EXISTS (SELECT 1 FROM user_roles r "
	    "WHERE r.user_id = u.id AND r.role = 'trainer') "
	    "FROM users u WHERE u.email = ?1",
	[DB_STMT_COHORT_TRAINERS_LEFT] =
	    "SELECT count(*) FROM cohort_trainers t JOIN user_roles r "
	    "ON r.user_id = t.user_id AND r.role = 'trainer' "
	    "WHERE t.cohort_id = ?1 AND t.user_id <> ?2",
	[DB_STMT_COHORT_TRAINER_DEL] =
	    "DELETE FROM cohort_trainers WHERE cohort_id = ?1 AND user_id = ?2",
	[DB_STMT_COHORT_STATE] = "SELECT state FROM cohorts WHERE id = ?1",
	[DB_STMT_COHORT_ORG_CHECK] =
	    "SELECT 1 FROM cohort_orgs WHERE cohort_id = ?1 AND org_id = ?2",
	[DB_STMT_COHORT_ORG_ADD] =
	    "INSERT INTO cohort_orgs (cohort_id, org_id, joined_at, joined_by) "
	    "VALUES (?1, ?2, ?4, ?3)",
	[DB_STMT_COHORT_ORG_DEL] =
	    "DELETE FROM cohort_orgs WHERE cohort_id = ?1 AND org_id = ?2",
	[DB_STMT_COHORT_VISITS_FORGET] =
	    "DELETE FROM trainer_visits WHERE org_id = ?2 AND user_id IN "
	    "(SELECT user_id FROM cohort_trainers WHERE cohort_id = ?1) "
	    "AND NOT EXISTS (SELECT 1 FROM cohort_orgs co "
	    "JOIN cohort_trainers ct ON ct.cohort_id = co.cohort_id "
	    "WHERE co.org_id = ?2 AND ct.user_id = trainer_visits.user_id)",
	[DB_STMT_COHORTS_OF_ORG] =
	    "SELECT c.id, c.name, c.state, co.joined_at, "
	    "(SELECT group_concat(n, ', ') FROM (SELECT u.name AS n "
	    "FROM cohort_trainers t JOIN users u ON u.id = t.user_id "
	    "JOIN user_roles r ON r.user_id = u.id AND r.role = 'trainer' "
	    "WHERE t.cohort_id = c.id ORDER BY u.name COLLATE NOCASE, u.id)) "
	    "FROM cohort_orgs co JOIN cohorts c ON c.id = co.cohort_id "
	    "WHERE co.org_id = ?1 ORDER BY co.joined_at DESC, c.id DESC",

	/* The trainer's dashboard and the cohort's debrief (dashboard.c). */
	[DB_STMT_DASH_COHORT] =
	    "SELECT c.id, c.name, c.starts_on, c.ends_on, c.notes, "
	    "c.join_code, c.state, c.created_at, "
	    "(SELECT count(*) FROM cohort_orgs co WHERE co.cohort_id = c.id), "
	    "(SELECT count(*) FROM cohort_orgs co WHERE co.cohort_id = c.id "
	    "AND co.demo = 1) FROM cohorts c WHERE c.id = ?1",
	/*
	 * The open threads of the cohort's organisations, each with the
	 * side of its newest message (its newest reply, or the opening
	 * when none: a reply is always written after its opening), counted
	 * per organisation in one pass; the rows then join it.  CROSS JOIN
	 * and the "+" keep SQLite going from the cohort to its
	 * organisations' comments (comments_org) rather than through every
	 * opening comment of the database (comments_thread).
	 */
	[DB_STMT_DASH_ROWS] =
	    "SELECT o.id, o.name, co.demo, s.org_id IS NOT NULL, "
	    "coalesce(s.overall, 0), coalesce(s.pitfalls, 0), "
	    "coalesce(s.percents, '{}'), coalesce(s.updated_at, 0), "
	    "coalesce(a.await_trainer, 0), coalesce(a.await_group, 0), "
	    "v.last_seen_at "
	    "FROM cohort_orgs co JOIN orgs o ON o.id = co.org_id "
	    "LEFT JOIN plan_standing s ON s.org_id = co.org_id "
	    "LEFT JOIN trainer_visits v ON v.user_id = ?2 "
	    "AND v.org_id = co.org_id "
	    "LEFT JOIN (SELECT t.org_id AS org_id, "
	    "sum(l.by_trainer = 0) AS await_trainer, "
	    "sum(l.by_trainer = 1) AS await_group "
	    "FROM cohort_orgs c2 CROSS JOIN comments t "
	    "ON t.org_id = c2.org_id "
	    "JOIN comments l ON l.id = coalesce((SELECT m.id FROM comments m "
	    "WHERE m.thread_id = t.id "
	    "ORDER BY m.created_at DESC, m.id DESC LIMIT 1), t.id) "
	    "WHERE c2.cohort_id = ?1 AND +t.thread_id IS NULL "
	    "AND t.resolved_at IS NULL GROUP BY t.org_id) a "
	    "ON a.org_id = co.org_id "
	    "WHERE co.cohort_id = ?1 ORDER BY co.org_id",
	[DB_STMT_DASH_UNSTOOD] =
	    "SELECT ps.org_id, ps.section, ps.version, ps.updated_at, ps.data "
	    "FROM cohort_orgs co JOIN plan_sections ps ON ps.org_id = co.org_id "
	    "WHERE co.cohort_id = ?1 AND NOT EXISTS (SELECT 1 FROM "
	    "plan_standing s WHERE s.org_id = co.org_id) ORDER BY ps.org_id",
	[DB_STMT_DEBRIEF_PLANS] =
	    "SELECT co.org_id, ps.section, ps.version, ps.updated_at, ps.data "
	    "FROM cohort_orgs co "
	    "LEFT JOIN plan_sections ps ON ps.org_id = co.org_id "
	    "WHERE co.cohort_id = ?1 AND co.demo = 0 ORDER BY co.org_id",

	/* Comments and the trainers' visits (comment.c). */
	[DB_STMT_COMMENT_THREAD] =
	    "SELECT resolved_at IS NOT NULL FROM comments WHERE id = ?1 "
	    "AND org_id = ?2 AND section = ?3 AND thread_id IS NULL",
	[DB_STMT_COMMENT_ADD] =
	    "INSERT INTO comments (org_id, section, thread_id, user_id, "
	    "by_trainer, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
	    "RETURNING id",
	[DB_STMT_COMMENT_REOPEN] =
	    "UPDATE comments SET resolved_at = NULL, resolved_by = NULL "
	    "WHERE id = ?1 AND resolved_at IS NOT NULL",
	[DB_STMT_COMMENT_RESOLVE] =
	    "UPDATE comments SET "
	    "resolved_at = CASE WHEN ?3 = 0 THEN NULL "
	    "ELSE coalesce(resolved_at, ?4) END, "
	    "resolved_by = CASE WHEN ?3 = 0 THEN NULL "
	    "WHEN resolved_at IS NULL THEN ?5 ELSE resolved_by END "
	    "WHERE id = (SELECT coalesce(c.thread_id, c.id) FROM comments c "
	    "WHERE c.id = ?1 AND c.org_id = ?2) RETURNING id, section",
	[DB_STMT_COMMENTS_OF_ORG] =
	    "SELECT c.id, t.id, c.section, c.user_id, coalesce(u.name, ''), "
	    "c.by_trainer, c.body, c.created_at, t.resolved_at, "
	    "coalesce(ru.name, '') "
	    "FROM comments c JOIN comments t ON t.id = coalesce(c.thread_id, c.id) "
	    "LEFT JOIN users u ON u.id = c.user_id "
	    "LEFT JOIN users ru ON ru.id = t.resolved_by "
	    "WHERE c.org_id = ?1 AND (?2 IS NULL OR c.section = ?2) "
	    "AND (?3 = 0 OR t.resolved_at IS NULL) "
	    "ORDER BY t.created_at, t.id, c.thread_id IS NOT NULL, "
	    "c.created_at, c.id",
	[DB_STMT_COMMENT_OPEN_COUNTS] =
	    "SELECT section, count(*) FROM comments WHERE org_id = ?1 "
	    "AND thread_id IS NULL AND resolved_at IS NULL GROUP BY section",
	[DB_STMT_VISIT_RECORD] =
	    "INSERT INTO trainer_visits (user_id, org_id, since_at, "
	    "last_seen_at) VALUES (?1, ?2, 0, ?3) "
	    "ON CONFLICT (user_id, org_id) DO UPDATE SET "
	    "since_at = CASE WHEN excluded.last_seen_at - last_seen_at > ?4 "
	    "THEN last_seen_at ELSE since_at END, "
	    "last_seen_at = max(last_seen_at, excluded.last_seen_at) "
	    "RETURNING since_at",
	[DB_STMT_CHANGES_SINCE] =
	    "SELECT s.section, s.version, s.updated_at, coalesce(u.name, ''), "
	    "r.version, r.data FROM plan_sections s "
	    "LEFT JOIN users u ON u.id = s.updated_by "
	    "LEFT JOIN plan_revisions r ON r.org_id = s.org_id "
	    "AND r.section = s.section AND r.version = "
	    "(SELECT max(x.version) FROM plan_revisions x "
	    "WHERE x.org_id = s.org_id AND x.section = s.section "
	    "AND x.created_at <= ?2) "
	    "WHERE s.org_id = ?1 AND s.updated_at > ?2",

	/* The demonstration plan (demo.c). */
	[DB_STMT_DEMO_COHORT_STATE] =
	    "SELECT state FROM cohorts WHERE id = ?1",
	[DB_STMT_DEMO_COHORT_ADD] =
	    "INSERT INTO cohort_orgs (cohort_id, org_id, joined_at, joined_by, "
	    "demo) VALUES (?1, ?2, ?3, ?4, 1)",

	/* Roles, accounts and backups of the instance (admin.c). */
	[DB_STMT_ADMIN_USER_BY_ID] =
	    "SELECT u.id, u.name, u.email, u.created_at, (SELECT "
	    "coalesce(sum(CASE r.role WHEN 'admin' THEN 1 WHEN 'trainer' "
	    "THEN 2 END), 0) FROM user_roles r WHERE r.user_id = u.id) "
	    "FROM users u WHERE u.id = ?1",
	[DB_STMT_ADMIN_USER_BY_EMAIL] =
	    "SELECT u.id, u.name, u.email, u.created_at, (SELECT "
	    "coalesce(sum(CASE r.role WHEN 'admin' THEN 1 WHEN 'trainer' "
	    "THEN 2 END), 0) FROM user_roles r WHERE r.user_id = u.id) "
	    "FROM users u WHERE u.email = ?1",
	[DB_STMT_ADMIN_ROLE_ADD] =
	    "INSERT INTO user_roles (user_id, role, granted_at, granted_by) "
	    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id, role) DO NOTHING",
	[DB_STMT_ADMIN_ROLE_DEL] =
	    "DELETE FROM user_roles WHERE user_id = ?1 AND role = ?2",
	[DB_STMT_ADMIN_ADMINS] =
	    "SELECT count(*) FROM user_roles WHERE role = 'admin'",
	[DB_STMT_ADMIN_USERS] =
	    "SELECT u.id, u.name, u.email, u.created_at, (SELECT "
	    "coalesce(sum(CASE r.role WHEN 'admin' THEN 1 WHEN 'trainer' "
	    "THEN 2 END), 0) FROM user_roles r WHERE r.user_id = u.id), "
	    "(SELECT count(*) FROM memberships m WHERE m.user_id = u.id), "
	    "(SELECT max(s.last_seen) FROM sessions s WHERE s.user_id = u.id), "
	    "EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id "
	    "AND t.enabled_at IS NOT NULL) "
	    "FROM users u ORDER BY u.name COLLATE NOCASE, u.id",
	[DB_STMT_ADMIN_ORGS] =
	    "SELECT o.id, o.name, o.created_at, "
	    "(SELECT count(*) FROM memberships m WHERE m.org_id = o.id), "
	    "(SELECT count(*) FROM cohort_orgs c WHERE c.org_id = o.id), "
	    "s.updated_at FROM orgs o "
	    "LEFT JOIN plan_standing s ON s.org_id = o.id "
	    "ORDER BY o.name COLLATE NOCASE, o.id",
	[DB_STMT_ADMIN_RESET_ADD] =
	    "INSERT INTO password_resets (token_hash, user_id, created_by, "
	    "created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[DB_STMT_ADMIN_RESET_BY_TOKEN] =
	    "SELECT p.id, p.user_id, u.name, u.email, p.expires_at, "
	    "p.used_at IS NOT NULL FROM password_resets p "
	    "JOIN users u ON u.id = p.user_id WHERE p.token_hash = ?1",
	[DB_STMT_ADMIN_RESETS_END] =
	    "UPDATE password_resets SET used_at = ?2 "
	    "WHERE user_id = ?1 AND used_at IS NULL",
	[DB_STMT_ADMIN_SET_PWHASH] = "UPDATE users SET pwhash = ?1 WHERE id = ?2",
	[DB_STMT_ADMIN_SESSIONS_DEL] = "DELETE FROM sessions WHERE user_id = ?1",
	[DB_STMT_BACKUP_JOURNAL] = "PRAGMA journal_mode = DELETE",
	[DB_STMT_BACKUP_CHECK] = "PRAGMA integrity_check",

	/* Accounts: password, two-factor, sessions (account.c). */
	[DB_STMT_ACCOUNT_STATE] =
	    "SELECT coalesce((SELECT mfa_pending FROM session_info "
	    "WHERE session_id = ?1), 0), "
	    "EXISTS (SELECT 1 FROM user_totp WHERE user_id = ?2 "
	    "AND enabled_at IS NOT NULL), "
	    "coalesce((SELECT value = '1' FROM settings "
	    "WHERE key = 'require_2fa_staff'), 0)",
	[DB_STMT_ACCOUNT_SESSION_ADD] =
	    "INSERT INTO sessions (token_hash, user_id, csrf, created_at, "
	    "last_seen) VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
	[DB_STMT_ACCOUNT_INFO_ADD] =
	    "INSERT INTO session_info (session_id, user_agent, addr, "
	    "mfa_pending) VALUES (?1, ?2, ?3, ?4)",
	[DB_STMT_ACCOUNT_INFO_COPY] =
	    "INSERT INTO session_info (session_id, user_agent, addr, "
	    "mfa_pending) SELECT ?1, user_agent, addr, 0 FROM session_info "
	    "WHERE session_id = ?2",
	[DB_STMT_ACCOUNT_PENDING] =
	    "SELECT 1 FROM sessions s JOIN session_info i "
	    "ON i.session_id = s.id WHERE s.id = ?1 AND s.user_id = ?2 "
	    "AND i.mfa_pending = 1",
	[DB_STMT_ACCOUNT_SESSIONS] =
	    "SELECT s.id, s.created_at, s.last_seen, "
	    "coalesce(i.user_agent, ''), coalesce(i.addr, ''), "
	    "coalesce(i.mfa_pending, 0) FROM sessions s "
	    "LEFT JOIN session_info i ON i.session_id = s.id "
	    "WHERE s.user_id = ?1 AND s.last_seen >= ?2 "
	    "AND s.created_at >= ?3 ORDER BY s.last_seen DESC, s.id DESC",
	[DB_STMT_ACCOUNT_SESSION_DEL] =
	    "DELETE FROM sessions WHERE id = ?1 AND user_id = ?2 RETURNING id",
	[DB_STMT_ACCOUNT_SESSIONS_DEL] =
	    "DELETE FROM sessions WHERE user_id = ?1 AND id <> ?2",
	[DB_STMT_ACCOUNT_PWHASH_SET] = "UPDATE users SET pwhash = ?2 WHERE id = ?1",
	[DB_STMT_ACCOUNT_NAME_SET] = "UPDATE users SET name = ?2 WHERE id = ?1",
	[DB_STMT_ACCOUNT_TOTP_GET] =
	    "SELECT t.secret, t.enabled_at, t.last_used_step, "
	    "(SELECT count(*) FROM user_recovery_codes c "
	    "WHERE c.user_id = t.user_id AND c.used_at IS NULL) "
	    "FROM user_totp t WHERE t.user_id = ?1",
	[DB_STMT_ACCOUNT_TOTP_ADD] =
	    "INSERT INTO user_totp (user_id, secret, created_at) "
	    "VALUES (?1, ?2, ?3)",
	[DB_STMT_ACCOUNT_TOTP_ENABLE] =
	    "UPDATE user_totp SET enabled_at = ?2, last_used_step = ?3 "
	    "WHERE user_id = ?1 AND enabled_at IS NULL",
	[DB_STMT_ACCOUNT_TOTP_STEP] =
	    "UPDATE user_totp SET last_used_step = ?2 "
	    "WHERE user_id = ?1 AND last_used_step < ?2",
	[DB_STMT_ACCOUNT_TOTP_DEL] =
	    "DELETE FROM user_totp WHERE user_id = ?1 RETURNING user_id",
	[DB_STMT_ACCOUNT_CODES_DEL] =
	    "DELETE FROM user_recovery_codes WHERE user_id = ?1",
	[DB_STMT_ACCOUNT_CODE_ADD] =
	    "INSERT INTO user_recovery_codes (user_id, salt, code_hash, "
	    "created_at) VALUES (?1, ?2, ?3, ?4)",
	[DB_STMT_ACCOUNT_CODES_UNUSED] =
	    "SELECT id, salt, code_hash FROM user_recovery_codes "
	    "WHERE user_id = ?1 AND used_at IS NULL ORDER BY id",
	[DB_STMT_ACCOUNT_CODE_USE] =
	    "UPDATE user_recovery_codes SET used_at = ?2 "
	    "WHERE id = ?1 AND used_at IS NULL",
	[DB_STMT_ACCOUNT_SETTING_GET] = "SELECT value FROM settings WHERE key = ?1",
	[DB_STMT_ACCOUNT_SETTING_PUT] =
	    "INSERT INTO settings (key, value, updated_at, updated_by) "
	    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key) DO UPDATE SET "
	    "value = excluded.value, updated_at = excluded.updated_at, "
	    "updated_by = excluded.updated_by",
};

/*
 * Version 1 to 2: every section of the plan becomes one JSON document, with
 * its revisions, and the plan's standing gets a table.
 *
 * plan_sections is renamed out of the way first, so that the new table is
 * created under its own name with the very text of schema.sql (a table
 * renamed at the end would keep its name quoted in sqlite_master); the new
 * tables' text must stay identical to schema.sql's, which test_migrate.c
 * checks.  Then each section version 1 stored in typed tables becomes its
 * document, with the keys wb_data_read_json() reads (lib/workbook.h):
 *   mission:    {"fields": {"mission": ..., "means": ..., "strategy": ...},
 *                "lists": {}}
 *   objectives: {"fields": {}, "lists": {"objective": [{"id": "o1",
 *                "text": ..., "kind": ..., "serves": ..., "indicator": ...,
 *                "target": ..., "due": ...}, ...]}}
 * The objectives keep the order of their positions and are numbered o1,
 * o2, o3 in that order; a kind never chosen (NULL) becomes "".  The array
 * is built by a recursive fold (json_insert at '$[#]', one item per step)
 * rather than json_group_array(), whose order SQLite 3.40 does not
 * promise.  A section with a version but no content (objectives all
 * removed) becomes its empty document, and content without a version
 * (which version 1 never wrote) becomes version 1 at time 0.  Version 1
 * saved no other section.  The forms of version 1 bounded every value to
 * the lengths lib/workbook.c declares, so every document reads back.
 *
 * Each section's current document is also its first revision, at its
 * current version, by whoever saved it last: the content of earlier
 * versions was never kept.  plan_standing stays empty: the coach is C
 * code, and lib/plan.c computes the standing of a plan without a row.
 */
static const char db_migration_1_2[] =
	"ALTER TABLE plan_sections RENAME TO plan_sections_v1;\n"
	"CREATE TABLE plan_sections (\n"
	"	org_id     INTEGER NOT NULL REFERENCES orgs(id) "
	"ON DELETE CASCADE,\n"
	"	section    TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 32),\n"
	"	version    INTEGER NOT NULL CHECK (version >= 1),\n"
	"	data       TEXT NOT NULL CHECK (json_valid(data)),\n"
	"	updated_at INTEGER NOT NULL,\n"
	"	updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,\n"
	"	PRIMARY KEY (org_id, section)\n"
	");\n"
	"CREATE TABLE plan_revisions (\n"
	"	id            INTEGER PRIMARY KEY,\n"
	"	org_id        INTEGER NOT NULL REFERENCES orgs(id) "
	"ON DELETE CASCADE,\n"
	"	section       TEXT NOT NULL "
	"CHECK (length(section) BETWEEN 1 AND 32),\n"
	"	version       INTEGER NOT NULL CHECK (version >= 1),\n"
	"	data          TEXT NOT NULL CHECK (json_valid(data)),\n"
	"	user_id       INTEGER REFERENCES users(id) ON DELETE SET NULL,\n"
	"	created_at    INTEGER NOT NULL,\n"
	"	restored_from INTEGER NOT NULL DEFAULT 0\n"
	"	              CHECK (restored_from >= 0 AND "
	"restored_from < version),\n"
	"	UNIQUE (org_id, section, version)\n"
	");\n"
	"CREATE INDEX plan_revisions_user ON plan_revisions(user_id);\n"
	"CREATE TABLE plan_standing (\n"
	"	org_id     INTEGER PRIMARY KEY REFERENCES orgs(id) "
	"ON DELETE CASCADE,\n"
	"	overall    INTEGER NOT NULL CHECK (overall BETWEEN 0 AND 100),\n"
	"	pitfalls   INTEGER NOT NULL CHECK (pitfalls >= 0),\n"
	"	percents   TEXT NOT NULL CHECK (json_valid(percents)),\n"
	"	updated_at INTEGER NOT NULL\n"
	");\n"
	"INSERT INTO plan_sections (org_id, section, version, data, "
	"updated_at, updated_by)\n"
	"SELECT k.org_id, 'mission', coalesce(s.version, 1),\n"
	"    json_object('fields', json_object(\n"
	"        'mission', coalesce(m.mission, ''),\n"
	"        'means', coalesce(m.means, ''),\n"
	"        'strategy', coalesce(m.strategy, '')),\n"
	"      'lists', json_object()),\n"
	"    coalesce(s.updated_at, 0), s.updated_by\n"
	"FROM (SELECT org_id FROM plan_sections_v1 WHERE section = 'mission'\n"
	"      UNION SELECT org_id FROM plan_mission) k\n"
	"LEFT JOIN plan_sections_v1 s\n"
	"    ON s.org_id = k.org_id AND s.section = 'mission'\n"
	"LEFT JOIN plan_mission m ON m.org_id = k.org_id;\n"
	"WITH RECURSIVE\n"
	"  k(org_id) AS (\n"
	"    SELECT org_id FROM plan_sections_v1 WHERE section = 'objectives'\n"
	"    UNION SELECT org_id FROM plan_objectives),\n"
	"  ranked(org_id, n, item) AS (\n"
	"    SELECT org_id, row_number() OVER w,\n"
	"        json_object('id', 'o' || row_number() OVER w,\n"
	"          'text', text, 'kind', coalesce(kind, ''),\n"
	"          'serves', serves, 'indicator', indicator,\n"
	"          'target', target, 'due', due)\n"
	"    FROM plan_objectives\n"
	"    WINDOW w AS (PARTITION BY org_id ORDER BY position)),\n"
	"  fold(org_id, n, items) AS (\n"
	"    SELECT org_id, 0, json_array() FROM k\n"
	"    UNION ALL\n"
	"    SELECT f.org_id, f.n + 1, json_insert(f.items, '$[#]', "
	"json(r.item))\n"
	"    FROM fold f JOIN ranked r ON r.org_id = f.org_id "
	"AND r.n = f.n + 1)\n"
	"INSERT INTO plan_sections (org_id, section, version, data, "
	"updated_at, updated_by)\n"
	"SELECT k.org_id, 'objectives', coalesce(s.version, 1),\n"
	"    json_object('fields', json_object(),\n"
	"      'lists', json_object('objective', json((SELECT f.items\n"
	"        FROM fold f WHERE f.org_id = k.org_id\n"
	"        ORDER BY f.n DESC LIMIT 1)))),\n"
	"    coalesce(s.updated_at, 0), s.updated_by\n"
	"FROM k LEFT JOIN plan_sections_v1 s\n"
	"    ON s.org_id = k.org_id AND s.section = 'objectives';\n"
	"INSERT INTO plan_revisions (org_id, section, version, data, user_id, "
	"created_at, restored_from)\n"
	"SELECT org_id, section, version, data, updated_by, updated_at, 0\n"
	"FROM plan_sections;\n"
	"DROP TABLE plan_objectives;\n"
	"DROP TABLE plan_mission;\n"
	"DROP TABLE plan_sections_v1;\n";

/*
 * Version 2 to 3: share links, a table of its own and nothing else
 * touched.  The text must stay identical to schema.sql's (test_migrate.c
 * checks it).
 */
static const char db_migration_2_3[] =
	"CREATE TABLE share_links (\n"
	"	id             INTEGER PRIMARY KEY,\n"
	"	org_id         INTEGER NOT NULL REFERENCES orgs(id) "
	"ON DELETE CASCADE,\n"
	"	token_hash     BLOB NOT NULL UNIQUE "
	"CHECK (length(token_hash) = 32),\n"
	"	label          TEXT NOT NULL DEFAULT '' "
	"CHECK (length(label) <= 100),\n"
	"	created_by     INTEGER REFERENCES users(id) "
	"ON DELETE SET NULL,\n"
	"	created_at     INTEGER NOT NULL,\n"
	"	expires_at     INTEGER CHECK (expires_at > created_at),\n"
	"	revoked_at     INTEGER,\n"
	"	last_access_at INTEGER\n"
	");\n"
	"CREATE INDEX share_links_org ON share_links(org_id);\n"
	"CREATE INDEX share_links_user ON share_links(created_by);\n";

/*
 * Version 3 to 4: trainers and cohorts.  Instance roles, password reset
 * links, cohorts with their trainers and organisations, comments on
 * sections, and the trainers' visits; nothing older is touched.  The text
 * must stay identical to schema.sql's (test_migrate.c checks it).
 */
static const char db_migration_3_4[] =
	"CREATE TABLE user_roles (\n"
	"	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	"	role       TEXT NOT NULL CHECK (role IN ('admin', 'trainer')),\n"
	"	granted_at INTEGER NOT NULL,\n"
	"	granted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,\n"
	"	PRIMARY KEY (user_id, role)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX user_roles_granted_by ON user_roles(granted_by);\n"
	"CREATE TABLE password_resets (\n"
	"	id         INTEGER PRIMARY KEY,\n"
	"	token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),\n"
	"	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	"	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,\n"
	"	created_at INTEGER NOT NULL,\n"
	"	expires_at INTEGER NOT NULL CHECK (expires_at > created_at),\n"
	"	used_at    INTEGER\n"
	");\n"
	"CREATE INDEX password_resets_user ON password_resets(user_id);\n"
	"CREATE INDEX password_resets_creator ON password_resets(created_by);\n"
	"CREATE TABLE cohorts (\n"
	"	id         INTEGER PRIMARY KEY,\n"
	"	name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),\n"
	"	starts_on  TEXT NOT NULL DEFAULT ''\n"
	"	           CHECK (starts_on = '' OR date(starts_on) IS starts_on),\n"
	"	ends_on    TEXT NOT NULL DEFAULT ''\n"
	"	           CHECK (ends_on = '' OR date(ends_on) IS ends_on),\n"
	"	notes      TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),\n"
	"	join_code  TEXT NOT NULL UNIQUE CHECK (length(join_code) = 8),\n"
	"	state      TEXT NOT NULL DEFAULT 'open'\n"
	"	           CHECK (state IN ('open', 'closed', 'archived')),\n"
	"	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,\n"
	"	created_at INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX cohorts_creator ON cohorts(created_by);\n"
	"CREATE TABLE cohort_trainers (\n"
	"	cohort_id INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,\n"
	"	user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	"	added_at  INTEGER NOT NULL,\n"
	"	PRIMARY KEY (cohort_id, user_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX cohort_trainers_user ON cohort_trainers(user_id);\n"
	"CREATE TABLE cohort_orgs (\n"
	"	cohort_id INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,\n"
	"	org_id    INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,\n"
	"	joined_at INTEGER NOT NULL,\n"
	"	joined_by INTEGER REFERENCES users(id) ON DELETE SET NULL,\n"
	"	demo      INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),\n"
	"	PRIMARY KEY (cohort_id, org_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX cohort_orgs_org ON cohort_orgs(org_id);\n"
	"CREATE INDEX cohort_orgs_user ON cohort_orgs(joined_by);\n"
	"CREATE TABLE comments (\n"
	"	id          INTEGER PRIMARY KEY,\n"
	"	org_id      INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,\n"
	"	section     TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 32),\n"
	"	thread_id   INTEGER REFERENCES comments(id) ON DELETE CASCADE,\n"
	"	user_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,\n"
	"	by_trainer  INTEGER NOT NULL CHECK (by_trainer IN (0, 1)),\n"
	"	body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),\n"
	"	created_at  INTEGER NOT NULL,\n"
	"	resolved_at INTEGER,\n"
	"	resolved_by INTEGER REFERENCES users(id) ON DELETE SET NULL,\n"
	"	CHECK (thread_id IS NULL OR resolved_at IS NULL)\n"
	");\n"
	"CREATE INDEX comments_org ON comments(org_id, section, created_at);\n"
	"CREATE INDEX comments_thread ON comments(thread_id);\n"
	"CREATE INDEX comments_user ON comments(user_id);\n"
	"CREATE INDEX comments_resolver ON comments(resolved_by);\n"
	"CREATE TABLE trainer_visits (\n"
	"	user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	"	org_id       INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,\n"
	"	since_at     INTEGER NOT NULL,\n"
	"	last_seen_at INTEGER NOT NULL CHECK (last_seen_at >= since_at),\n"
	"	PRIMARY KEY (user_id, org_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX trainer_visits_org ON trainer_visits(org_id);\n";

/*
 * Version 4 to 5: accounts.  What each session was opened from and
 * whether its second factor is still to come (session_info, beside
 * sessions so that sessions keeps its text), two-factor authentication
 * (user_totp, user_recovery_codes) and the instance's settings; nothing
 * older is touched.  The text must stay identical to schema.sql's
 * (test_migrate.c checks it).
 */
static const char db_migration_4_5[] =
	"CREATE TABLE session_info (\n"
	"	session_id  INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,\n"
	"	user_agent  TEXT NOT NULL DEFAULT '' CHECK (length(user_agent) <= 100),\n"
	"	addr        TEXT NOT NULL DEFAULT '' CHECK (length(addr) <= 64),\n"
	"	mfa_pending INTEGER NOT NULL DEFAULT 0 CHECK (mfa_pending IN (0, 1))\n"
	");\n"
	"CREATE TABLE user_totp (\n"
	"	user_id        INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,\n"
	"	secret         BLOB NOT NULL CHECK (length(secret) = 20),\n"
	"	created_at     INTEGER NOT NULL,\n"
	"	enabled_at     INTEGER,\n"
	"	last_used_step INTEGER NOT NULL DEFAULT 0 CHECK (last_used_step >= 0)\n"
	");\n"
	"CREATE TABLE user_recovery_codes (\n"
	"	id         INTEGER PRIMARY KEY,\n"
	"	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	"	salt       BLOB NOT NULL CHECK (length(salt) = 16),\n"
	"	code_hash  BLOB NOT NULL CHECK (length(code_hash) = 32),\n"
	"	created_at INTEGER NOT NULL,\n"
	"	used_at    INTEGER\n"
	");\n"
	"CREATE INDEX user_recovery_codes_user ON user_recovery_codes(user_id);\n"
	"CREATE TABLE settings (\n"
	"	key        TEXT PRIMARY KEY CHECK (key IN ('require_2fa_staff')),\n"
	"	value      TEXT NOT NULL CHECK (length(value) <= 100),\n"
	"	updated_at INTEGER NOT NULL,\n"
	"	updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX settings_updated_by ON settings(updated_by);\n";

/*
 * Version 5 to 6: the sign-ups of the last hour, for their throttling
 * (auth_signup_check()), a table of its own that starts empty; nothing
 * older is touched.  The text must stay identical to schema.sql's
 * (test_migrate.c checks it).
 */
static const char db_migration_5_6[] =
	"CREATE TABLE signups (\n"
	"	addr TEXT NOT NULL CHECK (length(addr) <= 64),\n"
	"	at   INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX signups_addr ON signups(addr, at);\n"
	"CREATE INDEX signups_at ON signups(at);\n";

/*
 * The migration steps, in any order: the step whose from_version is N
 * takes a database from version N to N + 1.  The last entry is a sentinel
 * that is never applied (C has no empty arrays); add steps above it, and
 * with each one raise DB_SCHEMA_VERSION and rewrite schema.sql whole.
 */
static const struct db_migration db_migrations[] = {
	{ 1, db_migration_1_2 },
	{ 2, db_migration_2_3 },
	{ 3, db_migration_3_4 },
	{ 4, db_migration_4_5 },
	{ 5, db_migration_5_6 },
	{ 0, NULL }
};
static const size_t db_nmigrations =
    sizeof(db_migrations) / sizeof(db_migrations[0]) - 1;

struct db_conn {
	sqlite3      *sql;                    /* owned, closed by db_conn_close() */
	sqlite3_stmt *stmts[DB_STMT__MAX];    /* prepared on first use, or NULL */
	unsigned long nstmts;                 /* statements handed out (db_conn_statements) */
};

struct db {
	pthread_mutex_t mu;      /* held from db_write_begin() to commit/rollback */
	struct db_conn *w;       /* the one write connection */
	char           *path;    /* the file, for readers (owned) */
	int             no_ckpt; /* db_no_checkpoint(): never checkpoint */
};

/*
 * Writes a formatted line into err (errlen bytes, may be 0 when err is
 * NULL), the way every error message for the operator is made here.
 */
static void
db_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
db_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list	 ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/*
 * Returns the schema version this program expects.  It never changes while
 * the program runs.
 */
int
db_schema_version(void)
{
	return DB_SCHEMA_VERSION;
}

/* Whether errno value e means no room, or no right, to write a file. */
static int
db_errno_storage(int e)
{
	return e == ENOSPC || e == EDQUOT || e == EFBIG || e == EROFS;
}

/*
 * Whether the error code (extended) of the connection s says that the
 * database cannot be written for want of room or of permission:
 * SQLITE_FULL (the disk is full, or a file passed RLIMIT_FSIZE, where
 * SQLite saw a short write), SQLITE_READONLY (a read-only file, file
 * system or connection), or an I/O error from a write that failed
 * outright with ENOSPC, EDQUOT, EFBIG or EROFS (SQLite names only a short
 * write SQLITE_FULL).  For that errno, sqlite3_system_errno() is no help
 * (it reads errno again, later): the last errno of the file itself is
 * asked, the database's and, in WAL mode, the WAL's, where commits write.
 */
static int
db_storage_error(sqlite3 *s, int code)
{
	sqlite3_file	*wal = NULL;
	int		 e = 0;

	switch (code & 0xff) {
	case SQLITE_FULL:
	case SQLITE_READONLY:
		return 1;
	case SQLITE_IOERR:
		if (db_errno_storage(sqlite3_system_errno(s)))
			return 1;
		if (sqlite3_file_control(s, "main", SQLITE_FCNTL_LAST_ERRNO,
		    &e) == SQLITE_OK && db_errno_storage(e))
			return 1;
		e = 0;
		if (sqlite3_file_control(s, "main",
		    SQLITE_FCNTL_JOURNAL_POINTER, &wal) == SQLITE_OK &&
		    wal != NULL && wal->pMethods != NULL &&
		    wal->pMethods->xFileControl(wal, SQLITE_FCNTL_LAST_ERRNO,
		    &e) == SQLITE_OK && db_errno_storage(e))
			return 1;
		return 0;
	default:
		return 0;
	}
}

/*
 * Logs the last error of c with where, and returns RT_EBUSY for a lock
 * held past the busy timeout (SQLITE_BUSY, or SQLITE_LOCKED from a shared
 * cache), RT_ESTORAGE when the database cannot be written (a full disk, a
 * read-only file: db_storage_error()), RT_EDB for anything else.  Logging
 * goes to stderr, which the FastCGI server keeps in its error log.
 */
int
db_fail(struct db_conn *c, const char *where)
{
	int	 code;

	assert(c != NULL && c->sql != NULL);
	code = sqlite3_extended_errcode(c->sql);
	fprintf(stderr, "reseauter: db: %s: %s (%d)\n",
	    where != NULL ? where : "?", sqlite3_errmsg(c->sql), code);
	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return RT_EBUSY;
	if (db_storage_error(c->sql, code))
		return RT_ESTORAGE;
	return RT_EDB;
}

/*
 * Returns statement id of c, preparing it the first time with
 * SQLITE_PREPARE_PERSISTENT (it lives as long as the connection), else
 * resetting it and clearing its bindings.  On a preparation failure the
 * error is logged, nothing is cached, and NULL is returned; the next call
 * tries again.
 */
sqlite3_stmt *
db_stmt(struct db_conn *c, enum db_stmt id)
{
	sqlite3_stmt	*st;

	assert(c != NULL && c->sql != NULL);
	assert(id >= 0 && id < DB_STMT__MAX && db_sql[id] != NULL);
	c->nstmts++;
	if ((st = c->stmts[id]) != NULL) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (sqlite3_prepare_v3(c->sql, db_sql[id], -1,
	    SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(c, db_sql[id]);
		sqlite3_finalize(st);
		return NULL;
	}
	c->stmts[id] = st;
	return st;
}

/*
 * Resets st, which ends the read snapshot or the write it held, and
 * clears its bindings so that no pointer bound with SQLITE_STATIC outlives
 * its caller.  NULL is allowed.  The errors sqlite3_reset() repeats are
 * those of the last step, already handled by whoever stepped.
 */
void
db_stmt_release(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/*
 * Maps the result rc of stepping a statement of c to a status: only
 * called when rc is neither SQLITE_ROW nor SQLITE_DONE.  A unique
 * constraint is an expected outcome (an e-mail already taken) and is not
 * logged; anything else is.  rc may be an extended code (the connections
 * ask for them), hence the mask.
 */
static int
db_step_error(struct db_conn *c, int rc, const char *where)
{
	int	 ext;

	ext = sqlite3_extended_errcode(c->sql);
	if ((rc & 0xff) == SQLITE_CONSTRAINT &&
	    (ext == SQLITE_CONSTRAINT_UNIQUE ||
	    ext == SQLITE_CONSTRAINT_PRIMARYKEY))
		return RT_EEXISTS;
	return db_fail(c, where);
}

/*
 * Steps st once expecting SQLITE_DONE.  A statement that unexpectedly
 * returns a row is a programming error (wrong statement for the job):
 * it is logged and gives RT_EDB.
 */
int
db_step_done(struct db_conn *c, sqlite3_stmt *st, const char *where)
{
	int	 rc;

	assert(c != NULL && st != NULL);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return RT_OK;
	if (rc == SQLITE_ROW) {
		fprintf(stderr, "reseauter: db: %s: unexpected row\n",
		    where != NULL ? where : "?");
		return RT_EDB;
	}
	return db_step_error(c, rc, where);
}

/*
 * Steps st once expecting SQLITE_ROW; SQLITE_DONE means no row and gives
 * RT_ENOTFOUND.  On RT_OK the columns of the row can be read until st is
 * released or stepped again.
 */
int
db_step_row(struct db_conn *c, sqlite3_stmt *st, const char *where)
{
	int	 rc;

	assert(c != NULL && st != NULL);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return RT_OK;
	if (rc == SQLITE_DONE)
		return RT_ENOTFOUND;
	return db_step_error(c, rc, where);
}

/*
 * Runs the statement id of the table on a bare handle, outside any
 * statement cache (db_migrate() and the set-up of a connection work on a
 * handle before its cache exists), and steps it to its end.  When text is
 * not NULL, the first column of the first row is copied into it (textlen
 * bytes, NUL-terminated; "" when there is no row).  Returns the SQLite
 * result code of the failing call, or SQLITE_OK.
 */
static int
db_raw(sqlite3 *s, enum db_stmt id, char *text, size_t textlen)
{
	sqlite3_stmt		*st = NULL;
	const unsigned char	*v;
	int			 rc, first = 1;

	assert(s != NULL && id >= 0 && id < DB_STMT__MAX);
	if (text != NULL && textlen > 0)
		text[0] = '\0';
	if ((rc = sqlite3_prepare_v2(s, db_sql[id], -1, &st, NULL)) !=
	    SQLITE_OK)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (first && text != NULL && textlen > 0) {
			v = sqlite3_column_text(st, 0);
			snprintf(text, textlen, "%s", v != NULL ?
			    (const char *)v : "");
		}
		first = 0;
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
out:
	sqlite3_finalize(st);
	return rc;
}

/*
 * Reads an integer pragma or count (statement id, one row, one column)
 * into *v.  Returns SQLITE_OK, or the failing result code.  A statement
 * without a row (a pragma the library does not know) leaves *v at -1.
 */
static int
db_raw_int(sqlite3 *s, enum db_stmt id, long long *v)
{
	char	 buf[32];
	int	 rc;

	*v = -1;
	if ((rc = db_raw(s, id, buf, sizeof(buf))) != SQLITE_OK)
		return rc;
	if (buf[0] != '\0')
		*v = strtoll(buf, NULL, 10);
	return SQLITE_OK;
}

/*
 * Sets PRAGMA user_version to v.  This is the one statement not in the
 * table: a pragma's value cannot be a bound parameter, so it is written
 * from the int, which never comes from input.
 */
static int
db_set_user_version(sqlite3 *s, int v)
{
	char	 q[64];

	snprintf(q, sizeof(q), "PRAGMA user_version = %d", v);
	return sqlite3_exec(s, q, NULL, NULL, NULL);
}

/*
 * Finds, in steps[0..nsteps), the step whose from_version is from.
 * Returns NULL when there is none (and for the sentinel's NULL SQL).
 */
static const struct db_migration *
db_find_step(const struct db_migration *steps, size_t nsteps, int from)
{
	size_t	 i;

	for (i = 0; i < nsteps; i++)
		if (steps[i].from_version == from && steps[i].sql != NULL)
			return &steps[i];
	return NULL;
}

/*
 * See sql.h.  Every path after BEGIN IMMEDIATE ends in COMMIT or ROLLBACK;
 * a failed ROLLBACK (the transaction may already be gone after certain
 * errors) is harmless and ignored.  Schema and step SQL run through
 * sqlite3_exec(), whose message is copied into err.
 */
int
db_migrate(sqlite3 *conn, const char *schema_sql,
    const struct db_migration *steps, size_t nsteps, int target,
    char *err, size_t errlen)
{
	const struct db_migration	*step;
	char				*msg = NULL, dangling[128];
	long long			 v, objs;
	int				 rc = RT_EDB, version;

	assert(conn != NULL && target > 0);
	assert(steps != NULL || nsteps == 0);
	if (db_raw(conn, DB_STMT_BEGIN_IMMEDIATE, NULL, 0) != SQLITE_OK) {
		db_err(err, errlen, "cannot lock the database to check its "
		    "schema: %s", sqlite3_errmsg(conn));
		return (sqlite3_extended_errcode(conn) & 0xff) == SQLITE_BUSY ?
		    RT_EBUSY : RT_EDB;
	}
	if (db_raw_int(conn, DB_STMT_USER_VERSION, &v) != SQLITE_OK ||
	    db_raw_int(conn, DB_STMT_SCHEMA_COUNT, &objs) != SQLITE_OK) {
		db_err(err, errlen, "cannot read the schema version: %s",
		    sqlite3_errmsg(conn));
		goto out;
	}
	if (v < 0 || v > 1000000) {
		db_err(err, errlen, "the database has an impossible schema "
		    "version %lld", v);
		goto out;
	}
	version = (int)v;
	if (version > target) {
		db_err(err, errlen, "the database has schema version %d, newer "
		    "than this program's %d: refusing to touch it; run a newer "
		    "reseauter", version, target);
		goto out;
	}
	if (version == target) {
		rc = RT_OK;
		goto out;
	}
	if (version == 0) {
		if (objs > 0) {
			db_err(err, errlen, "the database has tables but no "
			    "schema version: not a reseauter database?");
			goto out;
		}
		if (schema_sql == NULL) {
			db_err(err, errlen, "the database is empty and no "
			    "schema was given to create it");
			rc = RT_EIO;
			goto out;
		}
		if (sqlite3_exec(conn, schema_sql, NULL, NULL, &msg) !=
		    SQLITE_OK) {
			db_err(err, errlen, "the schema failed: %s",
			    msg != NULL ? msg : sqlite3_errmsg(conn));
			goto out;
		}
		if (db_raw_int(conn, DB_STMT_USER_VERSION, &v) != SQLITE_OK ||
		    v != target) {
			db_err(err, errlen, "the schema sets version %lld, but "
			    "this program expects %d", v, target);
			goto out;
		}
		rc = RT_OK;
		goto out;
	}
	while (version < target) {
		if ((step = db_find_step(steps, nsteps, version)) == NULL) {
			db_err(err, errlen, "no migration from schema version "
			    "%d (this program expects %d)", version, target);
			goto out;
		}
		if (sqlite3_exec(conn, step->sql, NULL, NULL, &msg) !=
		    SQLITE_OK) {
			db_err(err, errlen, "the migration from schema version "
			    "%d failed: %s", version,
			    msg != NULL ? msg : sqlite3_errmsg(conn));
			goto out;
		}
		version++;
		if (db_set_user_version(conn, version) != SQLITE_OK) {
			db_err(err, errlen, "cannot set the schema version: %s",
			    sqlite3_errmsg(conn));
			goto out;
		}
	}
	if (db_raw(conn, DB_STMT_FK_CHECK, dangling, sizeof(dangling)) !=
	    SQLITE_OK) {
		db_err(err, errlen, "cannot check foreign keys: %s",
		    sqlite3_errmsg(conn));
		goto out;
	}
	if (dangling[0] != '\0') {
		db_err(err, errlen, "after migration to schema version %d, "
		    "rows of table %s refer to rows that do not exist",
		    version, dangling);
		goto out;
	}
	rc = RT_OK;
out:
	sqlite3_free(msg);
	if (rc == RT_OK) {
		if (db_raw(conn, DB_STMT_COMMIT, NULL, 0) == SQLITE_OK)
			return RT_OK;
		db_err(err, errlen, "cannot commit the schema: %s",
		    sqlite3_errmsg(conn));
		rc = RT_EDB;
	}
	db_raw(conn, DB_STMT_ROLLBACK, NULL, 0);
	return rc;
}

/*
 * Reads the whole file at path into a malloc'd NUL-terminated string that
 * the caller frees.  Returns NULL with errno set when the file cannot be
 * read, is larger than DB_SCHEMA_MAX (EFBIG) or holds a NUL byte (EINVAL).
 */
static char *
db_read_file(const char *path)
{
	FILE	*f;
	char	*s = NULL;
	size_t	 n;
	int	 e;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	if ((s = malloc(DB_SCHEMA_MAX + 1)) == NULL)
		goto fail;
	n = fread(s, 1, DB_SCHEMA_MAX + 1, f);
	if (ferror(f))
		goto fail;
	if (n > DB_SCHEMA_MAX) {
		errno = EFBIG;
		goto fail;
	}
	if (memchr(s, '\0', n) != NULL) {
		errno = EINVAL;
		goto fail;
	}
	s[n] = '\0';
	fclose(f);
	return s;
fail:
	e = errno;
	free(s);
	fclose(f);
	errno = e;
	return NULL;
}

/*
 * Allocates a connection around the open handle s, which it then owns.
 * Returns NULL when memory runs out, and then s is still the caller's.
 */
static struct db_conn *
db_conn_new(sqlite3 *s)
{
	struct db_conn	*c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->sql = s;
	return c;
}

/*
 * Finalizes every cached statement of c and closes its handle, then frees
 * c.  NULL is allowed.  sqlite3_close() cannot fail once every statement
 * is finalized (no backup or blob handle is ever opened here).
 */
void
db_conn_close(struct db_conn *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < DB_STMT__MAX; i++)
		sqlite3_finalize(c->stmts[i]);
	sqlite3_close(c->sql);
	free(c);
}

/*
 * See db.h.  The order matters: journal_mode=WAL cannot change inside a
 * transaction, and foreign keys are turned on only after the migration,
 * which runs with them off so that a step can rebuild a table (db_migrate
 * then checks the references itself).  A library built without foreign
 * key support is refused, since the schema relies on ON DELETE CASCADE.
 */
int
db_open(struct db **out, const char *path, const char *schema_path,
    char *err, size_t errlen)
{
	struct db	*db = NULL;
	sqlite3		*s = NULL;
	char		*schema = NULL, mode[16];
	long long	 fk;
	int		 rc = RT_EDB, mu = 0, read_errno = 0;

	assert(out != NULL && path != NULL && schema_path != NULL);
	*out = NULL;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if ((db = calloc(1, sizeof(*db))) == NULL ||
	    (db->path = strdup(path)) == NULL) {
		db_err(err, errlen, "out of memory");
		rc = RT_EDB;
		goto fail;
	}
	if (pthread_mutex_init(&db->mu, NULL) != 0) {
		db_err(err, errlen, "cannot create the database mutex");
		goto fail;
	}
	mu = 1;
	if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		db_err(err, errlen, "cannot open the database %s: %s", path,
		    s != NULL ? sqlite3_errmsg(s) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(s, 1);
	sqlite3_busy_timeout(s, DB_BUSY_TIMEOUT);
	sqlite3_db_config(s, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	if (db_raw(s, DB_STMT_PRAGMA_WAL, mode, sizeof(mode)) != SQLITE_OK ||
	    strcmp(mode, "wal") != 0) {
		db_err(err, errlen, "cannot put the database %s in WAL mode: "
		    "%s", path, sqlite3_errmsg(s));
		goto fail;
	}
	if (db_raw(s, DB_STMT_PRAGMA_SYNC, NULL, 0) != SQLITE_OK) {
		db_err(err, errlen, "cannot set synchronous: %s",
		    sqlite3_errmsg(s));
		goto fail;
	}
	/*
	 * SQLite opens a file it may not write read-only, without a word:
	 * the operator hears it here, and every save will fail (RT_ESTORAGE)
	 * until the file is writable and the program started again.
	 */
	if (sqlite3_db_readonly(s, "main") == 1)
		fprintf(stderr, "reseauter: db: %s is read-only: pages can be "
		    "read, nothing can be saved\n", path);
	if ((schema = db_read_file(schema_path)) == NULL)
		read_errno = errno;
	rc = db_migrate(s, schema, db_migrations, db_nmigrations,
	    DB_SCHEMA_VERSION, err, errlen);
	if (rc == RT_EIO)
		db_err(err, errlen, "the database %s is empty and its schema "
		    "%s cannot be read: %s", path, schema_path,
		    strerror(read_errno));
	if (rc != RT_OK)
		goto fail;
	rc = RT_EDB;
	if (db_raw(s, DB_STMT_PRAGMA_FK_ON, NULL, 0) != SQLITE_OK ||
	    db_raw_int(s, DB_STMT_PRAGMA_FK, &fk) != SQLITE_OK || fk != 1) {
		db_err(err, errlen, "cannot turn foreign keys on (is SQLite "
		    "built without them?)");
		goto fail;
	}
	if ((db->w = db_conn_new(s)) == NULL) {
		db_err(err, errlen, "out of memory");
		goto fail;
	}
	free(schema);
	*out = db;
	return RT_OK;
fail:
	free(schema);
	sqlite3_close(s);
	if (db != NULL) {
		if (mu)
			pthread_mutex_destroy(&db->mu);
		free(db->path);
		free(db);
	}
	return rc;
}

/*
 * See db.h.  The checkpoint (TRUNCATE) copies the WAL into the database
 * and empties it, so that a stopped program leaves one self-contained
 * file; its failure is not fatal (SQLite checkpoints again at the next
 * open) but is logged.  After db_no_checkpoint() there is none (SQLite
 * still checkpoints when this is the last connection to the file, when
 * no one else can be writing).  NULL is allowed.
 */
void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	if (db->w != NULL) {
		if (!db->no_ckpt && sqlite3_wal_checkpoint_v2(db->w->sql, NULL,
		    SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) != SQLITE_OK)
			db_fail(db->w, "checkpoint at close");
		db_conn_close(db->w);
	}
	pthread_mutex_destroy(&db->mu);
	free(db->path);
	free(db);
}

/*
 * See db.h.  The reader is opened read-only on the file of db, which must
 * stay open (it keeps the WAL and its index in place).  query_only makes
 * even an attempt to write through a reader fail, and automatic
 * checkpoints are off as the design requires (only the writer checkpoints).
 */
int
db_reader_open(struct db *db, struct db_conn **out)
{
	sqlite3	*s = NULL;

	assert(db != NULL && out != NULL);
	*out = NULL;
	if (sqlite3_open_v2(db->path, &s, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		fprintf(stderr, "reseauter: db: cannot open a reader on %s: "
		    "%s\n", db->path, s != NULL ? sqlite3_errmsg(s) :
		    "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(s, 1);
	sqlite3_busy_timeout(s, DB_BUSY_TIMEOUT);
	sqlite3_db_config(s, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	if (db_raw(s, DB_STMT_PRAGMA_QUERY_ONLY, NULL, 0) != SQLITE_OK ||
	    db_raw(s, DB_STMT_PRAGMA_NO_AUTOCKPT, NULL, 0) != SQLITE_OK) {
		fprintf(stderr, "reseauter: db: cannot set up a reader: %s\n",
		    sqlite3_errmsg(s));
		goto fail;
	}
	if ((*out = db_conn_new(s)) == NULL) {
		fprintf(stderr, "reseauter: db: out of memory\n");
		goto fail;
	}
	return RT_OK;
fail:
	sqlite3_close(s);
	return RT_EDB;
}

/*
 * See db.h.  A transaction still open on the writer here would mean that
 * an earlier caller neither committed nor rolled back: that is a bug, and
 * asserted.  BEGIN IMMEDIATE takes the write lock at once, so a busy
 * database (a backup holding it past the timeout) fails here and not in
 * the middle of the caller's work.
 */
int
db_write_begin(struct db *db, struct db_conn **w)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(db != NULL && db->w != NULL && w != NULL);
	*w = NULL;
	if (pthread_mutex_lock(&db->mu) != 0) {
		fprintf(stderr, "reseauter: db: cannot lock the writer\n");
		return RT_EDB;
	}
	assert(sqlite3_get_autocommit(db->w->sql));
	if ((st = db_stmt(db->w, DB_STMT_BEGIN_IMMEDIATE)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	rc = db_step_done(db->w, st, "begin immediate");
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	*w = db->w;
	return RT_OK;
fail:
	pthread_mutex_unlock(&db->mu);
	return rc == RT_EBUSY || rc == RT_ESTORAGE ? rc : RT_EDB;
}

/*
 * Rolls back the writer's transaction if one is still open; SQLite may
 * already have rolled it back after an I/O or memory error, in which case
 * there is nothing left to do.  The mutex stays held.
 */
static void
db_write_undo(struct db_conn *w)
{
	sqlite3_stmt	*st;

	if (sqlite3_get_autocommit(w->sql))
		return;
	if ((st = db_stmt(w, DB_STMT_ROLLBACK)) != NULL) {
		if (db_step_done(w, st, "rollback") != RT_OK)
			fprintf(stderr, "reseauter: db: rollback failed\n");
		db_stmt_release(st);
	}
}

/*
 * See db.h.  w must be db's writer, as handed out by db_write_begin().  A
 * commit that cannot write the WAL (a full disk) may leave the
 * transaction open: it is rolled back here, so the next writer starts
 * clean.
 */
int
db_write_commit(struct db *db, struct db_conn *w)
{
	sqlite3_stmt	*st;
	int		 rc = RT_EDB;

	assert(db != NULL && w != NULL && w == db->w);
	if ((st = db_stmt(w, DB_STMT_COMMIT)) != NULL) {
		rc = db_step_done(w, st, "commit");
		db_stmt_release(st);
	}
	if (rc != RT_OK) {
		db_write_undo(w);
		if (rc != RT_ESTORAGE)
			rc = RT_EDB;
	}
	pthread_mutex_unlock(&db->mu);
	return rc;
}

/* See db.h.  w must be db's writer, as handed out by db_write_begin(). */
void
db_write_rollback(struct db *db, struct db_conn *w)
{
	assert(db != NULL && w != NULL && w == db->w);
	db_write_undo(w);
	pthread_mutex_unlock(&db->mu);
}

/*
 * See sql.h.  A deferred BEGIN takes its snapshot at the first read, so
 * every statement until db_read_end() sees the same committed state.
 */
int
db_read_begin(struct db_conn *c)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(c != NULL);
	if ((st = db_stmt(c, DB_STMT_BEGIN)) == NULL)
		return RT_EDB;
	rc = db_step_done(c, st, "begin");
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : RT_EDB;
}

/*
 * See sql.h.  A read transaction has nothing to commit: the end is a
 * rollback, which cannot lose anything; its failure only means the
 * transaction was already gone.
 */
void
db_read_end(struct db_conn *c)
{
	sqlite3_stmt	*st;

	assert(c != NULL);
	if (sqlite3_get_autocommit(c->sql))
		return;
	if ((st = db_stmt(c, DB_STMT_ROLLBACK)) != NULL) {
		(void)sqlite3_step(st);
		db_stmt_release(st);
	}
}

/* See sql.h. */
sqlite3 *
db_conn_handle(struct db_conn *c)
{
	assert(c != NULL);
	return c->sql;
}

/* See sql.h. */
unsigned long
db_conn_statements(const struct db_conn *c)
{
	assert(c != NULL);
	return c->nstmts;
}

/*
 * See sql.h.  When the value does not fit, the cut goes back over UTF-8
 * continuation bytes (10xxxxxx) so that no character is split; text read
 * from the database is valid UTF-8 since every write is checked upstream.
 */
void
db_column_copy(sqlite3_stmt *st, int col, char *dst, size_t dstlen)
{
	const unsigned char	*v;
	size_t			 n;

	assert(st != NULL && dst != NULL && dstlen > 0);
	if ((v = sqlite3_column_text(st, col)) == NULL) {
		dst[0] = '\0';
		return;
	}
	n = (size_t)sqlite3_column_bytes(st, col);
	if (n >= dstlen) {
		n = dstlen - 1;
		while (n > 0 && (v[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, v, n);
	dst[n] = '\0';
}

/*
 * See sql.h.  A NULL column is "" rather than NULL, so that NULL from this
 * function always means out of memory (sqlite3_column_text() itself
 * returns NULL for both, told apart by sqlite3_errcode()).
 */
char *
db_column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char	*v;
	size_t			 n;
	char			*s;

	assert(st != NULL);
	v = sqlite3_column_text(st, col);
	n = v != NULL ? (size_t)sqlite3_column_bytes(st, col) : 0;
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	if (n > 0)
		memcpy(s, v, n);
	s[n] = '\0';
	return s;
}

/*
 * See sql.h.  The hash is unkeyed BLAKE2b-256: a token already holds 256
 * random bits, so no salt or slow hash is needed; the point is only that
 * a copy of the database does not hold usable tokens.
 */
void
db_token_hash(const char *token, unsigned char out[DB_TOKEN_HASH_LEN])
{
	assert(token != NULL);
	crypto_generichash(out, DB_TOKEN_HASH_LEN,
	    (const unsigned char *)token, strlen(token), NULL, 0);
}

/* See sql.h. */
void
db_token_new(char *token, unsigned char hash[DB_TOKEN_HASH_LEN])
{
	auth_token_new(token);
	db_token_hash(token, hash);
}

/*
 * See sql.h.  The hash is bound SQLITE_TRANSIENT: SQLite keeps its own
 * copy, since th does not outlive this call.
 */
int
db_token_row(struct db_conn *c, enum db_stmt id, const char *token,
    const char *where, sqlite3_stmt **st)
{
	unsigned char	 th[DB_TOKEN_HASH_LEN];

	assert(c != NULL && token != NULL && st != NULL);
	*st = NULL;
	if (strnlen(token, AUTH_TOKEN_LEN + 1) != AUTH_TOKEN_LEN)
		return RT_ENOTFOUND;
	db_token_hash(token, th);
	if ((*st = db_stmt(c, id)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_blob(*st, 1, th, sizeof(th), SQLITE_TRANSIENT) !=
	    SQLITE_OK)
		return db_fail(c, where);
	return db_step_row(c, *st, where);
}

/* See sql.h. */
void *
db_array_add(void **v, size_t *n, size_t *cap, size_t size)
{
	void	*nv;
	size_t	 ncap;

	assert(v != NULL && n != NULL && cap != NULL && size > 0);
	if (*n == *cap) {
		ncap = *cap == 0 ? 4 : *cap * 2;
		if (ncap > SIZE_MAX / size ||
		    (nv = realloc(*v, ncap * size)) == NULL)
			return NULL;
		*v = nv;
		*cap = ncap;
	}
	memset((char *)*v + *n * size, 0, size);
	return (char *)*v + (*n)++ * size;
}

/*
 * See sql.h.  An error after some rows frees them; a list without a row
 * is NULL rather than an empty allocation.
 */
int
db_rows(struct db_conn *c, enum db_stmt id, const int64_t *args,
    size_t nargs, const char *where, size_t size,
    void (*fill)(sqlite3_stmt *, void *), void **out, size_t *n)
{
	sqlite3_stmt	*st;
	void		*v = NULL, *e;
	size_t		 nv = 0, cap = 0, i;
	int		 rc;

	assert(c != NULL && (args != NULL || nargs == 0) && fill != NULL &&
	    out != NULL && n != NULL);
	*out = NULL;
	*n = 0;
	if ((st = db_stmt(c, id)) == NULL)
		return RT_EDB;
	for (i = 0; i < nargs; i++)
		if (sqlite3_bind_int64(st, (int)i + 1, args[i]) != SQLITE_OK) {
			rc = db_fail(c, where);
			db_stmt_release(st);
			return rc;
		}
	while ((rc = db_step_row(c, st, where)) == RT_OK) {
		if ((e = db_array_add(&v, &nv, &cap, size)) == NULL) {
			rc = RT_ENOMEM;
			break;
		}
		fill(st, e);
	}
	db_stmt_release(st);
	if (rc != RT_ENOTFOUND) {
		free(v);
		return rc == RT_ENOMEM || rc == RT_EBUSY ? rc : RT_EDB;
	}
	if (nv == 0) {
		free(v);
		v = NULL;
	}
	*out = v;
	*n = nv;
	return RT_OK;
}

/*
 * Removes the unfinished copy at path, with the journal, WAL and shared
 * memory files SQLite may have left beside it; what is not there is no
 * error.
 */
static void
db_backup_remove(const char *path)
{
	static const char *const suffixes[] = { "-journal", "-wal", "-shm" };
	char	 p[4096];
	size_t	 i;

	unlink(path);
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if ((size_t)snprintf(p, sizeof(p), "%s%s", path,
		    suffixes[i]) < sizeof(p))
			unlink(p);
}

/* How many times db_backup() tries again a copy that met a lock, 100 ms apart. */
#define DB_BACKUP_TRIES 50

/*
 * See db.h.  The whole copy is one sqlite3_backup_step(-1): one read
 * transaction on the source, so that a commit of the program during the
 * copy neither shows in it nor restarts it; in WAL mode that read blocks
 * no writer.  A lock met (SQLITE_BUSY or SQLITE_LOCKED, e.g. while the
 * WAL is being recovered) is waited out, DB_BACKUP_TRIES times at most.
 * The pages copied carry the WAL flag of the source's header, which
 * journal_mode = DELETE clears, so that the copy opens as one file even
 * on read-only media.  The data reaches the disk with the copy's own
 * commits (synchronous is FULL in rollback mode by default); the
 * directory is synced after the rename, best effort.
 */
int
db_backup(struct db *db, const char *dest_path, char *err, size_t errlen)
{
	sqlite3		*src = NULL, *dst = NULL;
	sqlite3_backup	*bk;
	const char	*slash, *base;
	char		*tmp = NULL, *name = NULL, *dir = NULL;
	char		 mode[16], check[128];
	size_t		 dirlen, n;
	int		 fd, rc = RT_EIO, step, tries = 0;

	assert(db != NULL && dest_path != NULL);
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	slash = strrchr(dest_path, '/');
	dirlen = slash != NULL ? (size_t)(slash - dest_path) + 1 : 0;
	base = dest_path + dirlen;
	if (*base == '\0') {
		db_err(err, errlen, "%s names a directory, not a file",
		    dest_path);
		return RT_EIO;
	}
	n = dirlen + strlen(base) + sizeof(".") + sizeof(".XXXXXX");
	if ((dir = strndup(dest_path, dirlen > 1 ? dirlen - 1 : dirlen)) ==
	    NULL || (name = malloc(n)) == NULL) {
		db_err(err, errlen, "out of memory");
		goto fail;
	}
	snprintf(name, n, "%.*s.%s.XXXXXX", (int)dirlen, dest_path, base);
	if ((fd = mkstemp(name)) < 0) {
		db_err(err, errlen, "cannot create a file next to %s: %s",
		    dest_path, strerror(errno));
		goto fail;
	}
	close(fd);
	tmp = name;
	name = NULL;
	rc = RT_EDB;
	if (sqlite3_open_v2(db->path, &src, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		db_err(err, errlen, "cannot open the database %s: %s",
		    db->path, src != NULL ? sqlite3_errmsg(src) :
		    "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(src, DB_BUSY_TIMEOUT);
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		db_err(err, errlen, "cannot open the copy %s: %s", tmp,
		    dst != NULL ? sqlite3_errmsg(dst) : "out of memory");
		rc = RT_EIO;
		goto fail;
	}
	sqlite3_busy_timeout(dst, DB_BUSY_TIMEOUT);
	if ((bk = sqlite3_backup_init(dst, "main", src, "main")) == NULL) {
		db_err(err, errlen, "cannot start the backup: %s",
		    sqlite3_errmsg(dst));
		goto fail;
	}
	while ((step = sqlite3_backup_step(bk, -1)) == SQLITE_BUSY ||
	    step == SQLITE_LOCKED) {
		if (++tries >= DB_BACKUP_TRIES)
			break;
		sqlite3_sleep(100);
	}
	sqlite3_backup_finish(bk);
	if (step != SQLITE_DONE) {
		db_err(err, errlen, "the copy of %s failed: %s", db->path,
		    sqlite3_errstr(step));
		if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
			rc = RT_EBUSY;
		else if ((step & 0xff) == SQLITE_IOERR ||
		    (step & 0xff) == SQLITE_FULL ||
		    (step & 0xff) == SQLITE_READONLY)
			rc = RT_EIO;
		goto fail;
	}
	if (db_raw(dst, DB_STMT_BACKUP_JOURNAL, mode, sizeof(mode)) !=
	    SQLITE_OK || strcmp(mode, "delete") != 0) {
		db_err(err, errlen, "cannot make the copy one file: %s",
		    sqlite3_errmsg(dst));
		goto fail;
	}
	if (db_raw(dst, DB_STMT_BACKUP_CHECK, check, sizeof(check)) !=
	    SQLITE_OK || strcmp(check, "ok") != 0) {
		db_err(err, errlen, "the copy fails its integrity check: %s",
		    check[0] != '\0' ? check : sqlite3_errmsg(dst));
		goto fail;
	}
	if (sqlite3_close(dst) != SQLITE_OK) {
		db_err(err, errlen, "cannot close the copy: %s",
		    sqlite3_errmsg(dst));
		goto fail;
	}
	dst = NULL;
	if (rename(tmp, dest_path) != 0) {
		db_err(err, errlen, "cannot put the copy in place as %s: %s",
		    dest_path, strerror(errno));
		rc = RT_EIO;
		goto fail;
	}
	if ((fd = open(dir[0] != '\0' ? dir : ".", O_RDONLY | O_DIRECTORY)) >=
	    0) {
		(void)fsync(fd);
		close(fd);
	}
	rc = RT_OK;
fail:
	sqlite3_close(dst);
	sqlite3_close(src);
	if (rc != RT_OK && tmp != NULL)
		db_backup_remove(tmp);
	free(tmp);
	free(name);
	free(dir);
	return rc;
}

/* See db.h. */
int
db_no_checkpoint(struct db *db)
{
	assert(db != NULL && db->w != NULL);
	if (db_raw(db->w->sql, DB_STMT_PRAGMA_NO_AUTOCKPT, NULL, 0) !=
	    SQLITE_OK)
		return db_fail(db->w, "no checkpoint");
	db->no_ckpt = 1;
	return RT_OK;
}
