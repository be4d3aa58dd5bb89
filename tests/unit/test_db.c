/*
 * test_db.c: unit tests of lib/db.c, the connections, the statement cache
 * and the migrations.  Run from the repository root (it reads schema.sql).
 * Every test works in a fresh directory made by mkdtemp() and removes it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "sql.h"

#define SCHEMA "schema.sql"

/* A temporary directory holding the database of one test. */
struct tdb {
	char            dir[64];
	char            path[128];
	struct db      *db;
	struct db_conn *rd;
};

/*
 * Makes a fresh directory, and in it opens the database with the real
 * schema and one reader.  Fails the test on any error.
 */
static void
tdb_open(struct tdb *t)
{
	char	 err[256];

	memset(t, 0, sizeof(*t));
	snprintf(t->dir, sizeof(t->dir), "/tmp/reseauter-db-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof(t->path), "%s/test.db", t->dir);
	assert_int_equal(db_open(&t->db, t->path, SCHEMA, err, sizeof(err)),
	    RT_OK);
	assert_int_equal(db_reader_open(t->db, &t->rd), RT_OK);
}

/* Removes the files SQLite may leave next to the database, then the directory. */
static void
tdb_remove_files(struct tdb *t)
{
	char	 p[160];

	unlink(t->path);
	snprintf(p, sizeof(p), "%s-wal", t->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", t->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-journal", t->path);
	unlink(p);
	rmdir(t->dir);
}

/* Closes what tdb_open() opened (either may already be closed) and removes the files. */
static void
tdb_close(struct tdb *t)
{
	db_conn_close(t->rd);
	t->rd = NULL;
	db_close(t->db);
	t->db = NULL;
	tdb_remove_files(t);
}

/* Runs one statement of test SQL on s and returns its first column as an integer (-1 if no row). */
static long long
q_int(sqlite3 *s, const char *sql)
{
	sqlite3_stmt	*st;
	long long	 v = -1;

	assert_int_equal(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Runs one statement of test SQL on s and copies its first text column into out. */
static void
q_text(sqlite3 *s, const char *sql, char *out, size_t outlen)
{
	sqlite3_stmt	*st;

	assert_int_equal(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
	out[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, outlen, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Opens the file of t directly, as the sqlite3 shell would, without foreign keys. */
static sqlite3 *
raw_open(const struct tdb *t)
{
	sqlite3	*s;

	assert_int_equal(sqlite3_open(t->path, &s), SQLITE_OK);
	return s;
}

/* An empty directory gets a database at the current version with every table. */
static void
test_open_creates(void **state)
{
	struct tdb	 t;
	sqlite3		*s;

	(void)state;
	tdb_open(&t);
	s = db_conn_handle(t.rd);
	assert_int_equal(db_schema_version(), 6);
	assert_int_equal(q_int(s, "PRAGMA user_version"), 6);
	assert_int_equal(q_int(s, "SELECT count(*) FROM sqlite_master WHERE "
	    "type = 'table' AND name IN ('users', 'orgs', 'memberships', "
	    "'sessions', 'invitations', 'login_failures', 'plan_sections', "
	    "'plan_revisions', 'plan_standing', 'share_links')"), 10);
	assert_int_equal(q_int(s, "SELECT count(*) FROM sqlite_master WHERE "
	    "type = 'table' AND name IN ('session_info', 'user_totp', "
	    "'user_recovery_codes', 'settings', 'signups')"), 5);
	assert_int_equal(q_int(s, "SELECT count(*) FROM sqlite_master WHERE "
	    "name IN ('plan_mission', 'plan_objectives')"), 0);
	tdb_close(&t);
}

/* Opening again keeps the data and the version and runs nothing twice. */
static void
test_reopen_idempotent(void **state)
{
	struct tdb	 t;
	struct db_conn	*w;
	char		 err[256];
	int		 i;

	(void)state;
	tdb_open(&t);
	assert_int_equal(db_write_begin(t.db, &w), RT_OK);
	assert_int_equal(sqlite3_exec(db_conn_handle(w), "INSERT INTO orgs "
	    "(name, created_at) VALUES ('Le Cercle', 1)", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(db_write_commit(t.db, w), RT_OK);
	for (i = 0; i < 3; i++) {
		db_conn_close(t.rd);
		t.rd = NULL;
		db_close(t.db);
		t.db = NULL;
		assert_int_equal(db_open(&t.db, t.path, SCHEMA, err,
		    sizeof(err)), RT_OK);
		assert_int_equal(db_reader_open(t.db, &t.rd), RT_OK);
		assert_int_equal(q_int(db_conn_handle(t.rd),
		    "PRAGMA user_version"), db_schema_version());
		assert_int_equal(q_int(db_conn_handle(t.rd),
		    "SELECT count(*) FROM orgs WHERE name = 'Le Cercle'"), 1);
	}
	tdb_close(&t);
}

/* An existing database opens even when the schema file is gone; an empty one does not. */
static void
test_schema_file_needed_only_when_empty(void **state)
{
	struct tdb	 t;
	struct db	*db = NULL;
	char		 err[256], path2[160];

	(void)state;
	tdb_open(&t);
	db_conn_close(t.rd);
	t.rd = NULL;
	db_close(t.db);
	t.db = NULL;
	assert_int_equal(db_open(&db, t.path, "/nonexistent/schema.sql", err,
	    sizeof(err)), RT_OK);
	db_close(db);
	db = NULL;

	snprintf(path2, sizeof(path2), "%s/empty.db", t.dir);
	err[0] = '\0';
	assert_int_equal(db_open(&db, path2, "/nonexistent/schema.sql", err,
	    sizeof(err)), RT_EIO);
	assert_null(db);
	assert_non_null(strstr(err, "/nonexistent/schema.sql"));
	unlink(path2);
	snprintf(path2, sizeof(path2), "%s/empty.db-wal", t.dir);
	unlink(path2);
	snprintf(path2, sizeof(path2), "%s/empty.db-shm", t.dir);
	unlink(path2);
	tdb_close(&t);
}

/* A database from a newer program is refused, and left as it was. */
static void
test_refuses_newer(void **state)
{
	struct tdb	 t;
	struct db	*db = NULL;
	sqlite3		*s;
	char		 err[256], q[64];

	(void)state;
	tdb_open(&t);
	db_conn_close(t.rd);
	t.rd = NULL;
	db_close(t.db);
	t.db = NULL;
	s = raw_open(&t);
	snprintf(q, sizeof(q), "PRAGMA user_version = %d",
	    db_schema_version() + 1);
	assert_int_equal(sqlite3_exec(s, q, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(s);

	err[0] = '\0';
	assert_int_equal(db_open(&db, t.path, SCHEMA, err, sizeof(err)),
	    RT_EDB);
	assert_null(db);
	assert_non_null(strstr(err, "newer"));
	s = raw_open(&t);
	assert_int_equal(q_int(s, "PRAGMA user_version"),
	    db_schema_version() + 1);
	sqlite3_close(s);
	tdb_remove_files(&t);
}

/* A database that has tables but no version is not ours: refused, untouched. */
static void
test_refuses_foreign_database(void **state)
{
	struct tdb	 t;
	struct db	*db = NULL;
	sqlite3		*s;
	char		 err[256];

	(void)state;
	memset(&t, 0, sizeof(t));
	snprintf(t.dir, sizeof(t.dir), "/tmp/reseauter-db-XXXXXX");
	assert_non_null(mkdtemp(t.dir));
	snprintf(t.path, sizeof(t.path), "%s/other.db", t.dir);
	s = raw_open(&t);
	assert_int_equal(sqlite3_exec(s, "CREATE TABLE accounts (x)", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(s);
	assert_int_equal(db_open(&db, t.path, SCHEMA, err, sizeof(err)),
	    RT_EDB);
	assert_null(db);
	assert_non_null(strstr(err, "not a reseauter database"));
	s = raw_open(&t);
	assert_int_equal(q_int(s, "SELECT count(*) FROM sqlite_master"), 1);
	sqlite3_close(s);
	tdb_remove_files(&t);
}

/* The writer is in WAL mode, with foreign keys on and synchronous FULL. */
static void
test_pragmas(void **state)
{
	struct tdb	 t;
	struct db_conn	*w;
	char		 mode[16];
	int		 rc;

	(void)state;
	tdb_open(&t);
	q_text(db_conn_handle(t.rd), "PRAGMA journal_mode", mode,
	    sizeof(mode));
	assert_string_equal(mode, "wal");
	assert_int_equal(q_int(db_conn_handle(t.rd), "PRAGMA query_only"), 1);
	assert_int_equal(q_int(db_conn_handle(t.rd),
	    "PRAGMA wal_autocheckpoint"), 0);
	assert_int_equal(db_write_begin(t.db, &w), RT_OK);
	assert_int_equal(q_int(db_conn_handle(w), "PRAGMA foreign_keys"), 1);
	assert_int_equal(q_int(db_conn_handle(w), "PRAGMA synchronous"), 2);
	assert_true(q_int(db_conn_handle(w), "PRAGMA wal_autocheckpoint") > 0);
	/* A membership of an organisation that does not exist is refused. */
	rc = sqlite3_exec(db_conn_handle(w), "INSERT INTO memberships "
	    "(org_id, user_id, role, created_at) VALUES (42, 42, 'owner', 1)",
	    NULL, NULL, NULL);
	assert_int_equal(rc & 0xff, SQLITE_CONSTRAINT);
	assert_int_equal(sqlite3_extended_errcode(db_conn_handle(w)),
	    SQLITE_CONSTRAINT_FOREIGNKEY);
	db_write_rollback(t.db, w);
	tdb_close(&t);
}

/* A reader cannot write, even by mistake. */
static void
test_reader_is_read_only(void **state)
{
	struct tdb	 t;

	(void)state;
	tdb_open(&t);
	assert_int_not_equal(sqlite3_exec(db_conn_handle(t.rd),
	    "INSERT INTO orgs (name, created_at) VALUES ('x', 1)", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(q_int(db_conn_handle(t.rd),
	    "SELECT count(*) FROM orgs"), 0);
	tdb_close(&t);
}

/* Rollback drops the transaction's writes, commit keeps them, and both free the writer. */
static void
test_write_commit_rollback(void **state)
{
	struct tdb	 t;
	struct db_conn	*w;

	(void)state;
	tdb_open(&t);
	assert_int_equal(db_write_begin(t.db, &w), RT_OK);
	assert_int_equal(sqlite3_exec(db_conn_handle(w), "INSERT INTO orgs "
	    "(name, created_at) VALUES ('gone', 1)", NULL, NULL, NULL),
	    SQLITE_OK);
	db_write_rollback(t.db, w);
	assert_int_equal(db_write_begin(t.db, &w), RT_OK);
	assert_int_equal(sqlite3_exec(db_conn_handle(w), "INSERT INTO orgs "
	    "(name, created_at) VALUES ('kept', 1)", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(db_write_commit(t.db, w), RT_OK);
	assert_int_equal(q_int(db_conn_handle(t.rd),
	    "SELECT count(*) FROM orgs WHERE name = 'gone'"), 0);
	assert_int_equal(q_int(db_conn_handle(t.rd),
	    "SELECT count(*) FROM orgs WHERE name = 'kept'"), 1);
	tdb_close(&t);
}

/* A failed commit (a deferred foreign key left dangling) rolls back and frees the writer. */
static void
test_write_commit_failure(void **state)
{
	struct tdb	 t;
	struct db_conn	*w;

	(void)state;
	tdb_open(&t);
	assert_int_equal(db_write_begin(t.db, &w), RT_OK);
	assert_int_equal(sqlite3_exec(db_conn_handle(w),
	    "PRAGMA defer_foreign_keys = ON; INSERT INTO memberships "
	    "(org_id, user_id, role, created_at) VALUES (7, 7, 'member', 1)",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_write_commit(t.db, w), RT_EDB);
	assert_int_equal(db_write_begin(t.db, &w), RT_OK);
	assert_int_equal(q_int(db_conn_handle(w),
	    "SELECT count(*) FROM memberships"), 0);
	db_write_rollback(t.db, w);
	tdb_close(&t);
}

/*
 * A database that cannot grow (max_page_count stands for a full disk:
 * SQLITE_FULL) or cannot be written (a read-only connection:
 * SQLITE_READONLY) gives RT_ESTORAGE, not RT_EDB; nothing of the failed
 * transaction stays, and once there is room again the same writer works,
 * without reopening anything.
 */
static void
test_storage_errors(void **state)
{
	struct tdb	 t;
	struct db_conn	*w;
	long long	 pages;
	char		 sql[64];

	(void)state;
	tdb_open(&t);
	assert_int_equal(db_write_begin(t.db, &w), RT_OK);
	pages = q_int(db_conn_handle(w), "PRAGMA page_count");
	assert_true(pages > 0);
	snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %lld", pages);
	assert_int_equal(q_int(db_conn_handle(w), sql), pages);
	assert_int_not_equal(sqlite3_exec(db_conn_handle(w), "WITH RECURSIVE "
	    "n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
	    "INSERT INTO orgs (name, created_at) SELECT 'full ' || i, 1 "
	    "FROM n", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_fail(w, "test full"), RT_ESTORAGE);
	db_write_rollback(t.db, w);
	assert_int_equal(q_int(db_conn_handle(t.rd),
	    "SELECT count(*) FROM orgs"), 0);

	assert_int_equal(db_write_begin(t.db, &w), RT_OK);
	(void)q_int(db_conn_handle(w), "PRAGMA max_page_count = 1000000");
	assert_int_equal(sqlite3_exec(db_conn_handle(w), "INSERT INTO orgs "
	    "(name, created_at) VALUES ('room again', 1)", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(db_write_commit(t.db, w), RT_OK);
	assert_int_equal(q_int(db_conn_handle(t.rd),
	    "SELECT count(*) FROM orgs"), 1);

	assert_int_not_equal(sqlite3_exec(db_conn_handle(t.rd),
	    "INSERT INTO orgs (name, created_at) VALUES ('x', 1)", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(db_fail(t.rd, "test read-only"), RT_ESTORAGE);
	tdb_close(&t);
}

/* A statement is prepared once, and comes back reset with no bindings. */
static void
test_stmt_cache(void **state)
{
	struct tdb	 t;
	struct db_conn	*w;
	sqlite3_stmt	*a, *b;
	char		 name[16];

	(void)state;
	tdb_open(&t);
	assert_int_equal(db_write_begin(t.db, &w), RT_OK);
	assert_int_equal(sqlite3_exec(db_conn_handle(w), "INSERT INTO orgs "
	    "(id, name, created_at) VALUES (5, 'Cinq', 1)", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(db_write_commit(t.db, w), RT_OK);

	a = db_stmt(t.rd, DB_STMT_ORG_NAME);
	assert_non_null(a);
	assert_int_equal(sqlite3_bind_int64(a, 1, 5), SQLITE_OK);
	assert_int_equal(db_step_row(t.rd, a, "test"), RT_OK);
	db_column_copy(a, 0, name, sizeof(name));
	assert_string_equal(name, "Cinq");
	/* Fetched again without release: reset, and the binding is gone. */
	b = db_stmt(t.rd, DB_STMT_ORG_NAME);
	assert_ptr_equal(a, b);
	assert_int_equal(sqlite3_stmt_busy(b), 0);
	assert_int_equal(db_step_row(t.rd, b, "test"), RT_ENOTFOUND);
	db_stmt_release(b);
	db_stmt_release(NULL);
	tdb_close(&t);
}

/* Text copied into a small buffer is cut at a character boundary. */
static void
test_column_copy_utf8(void **state)
{
	struct tdb	 t;
	sqlite3_stmt	*st;
	char		 small[4], big[32], *dup;

	(void)state;
	tdb_open(&t);
	assert_int_equal(sqlite3_prepare_v2(db_conn_handle(t.rd),
	    "SELECT 'aéé', NULL", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	db_column_copy(st, 0, small, sizeof(small));
	assert_string_equal(small, "a\xc3\xa9");
	db_column_copy(st, 0, big, sizeof(big));
	assert_string_equal(big, "aéé");
	db_column_copy(st, 1, big, sizeof(big));
	assert_string_equal(big, "");
	dup = db_column_dup(st, 1);
	assert_non_null(dup);
	assert_string_equal(dup, "");
	free(dup);
	dup = db_column_dup(st, 0);
	assert_string_equal(dup, "aéé");
	free(dup);
	sqlite3_finalize(st);
	tdb_close(&t);
}

/* The hash of a token is BLAKE2b-256 of its text, and not the token. */
static void
test_token_hash(void **state)
{
	unsigned char	 a[DB_TOKEN_HASH_LEN], b[DB_TOKEN_HASH_LEN];
	unsigned char	 ref[DB_TOKEN_HASH_LEN];

	(void)state;
	db_token_hash("abc", a);
	db_token_hash("abd", b);
	crypto_generichash(ref, sizeof(ref), (const unsigned char *)"abc", 3,
	    NULL, 0);
	assert_memory_equal(a, ref, sizeof(a));
	assert_memory_not_equal(a, b, sizeof(a));
}

/*
 * Makes a database at the current version in t and returns a raw handle on
 * it (foreign keys off).  The synthetic steps below start from there, so
 * that they keep testing db_migrate() whatever the current version is.
 */
static sqlite3 *
cur_raw(struct tdb *t)
{
	tdb_open(t);
	db_conn_close(t->rd);
	t->rd = NULL;
	db_close(t->db);
	t->db = NULL;
	return raw_open(t);
}

/* A synthetic step takes version v to v + 1, and the program then refuses the newer database. */
static void
test_migrate_one_step(void **state)
{
	struct tdb			 t;
	struct db			*db = NULL;
	sqlite3				*s;
	char				 err[256];
	const int			 v = db_schema_version();
	const struct db_migration	 steps[] = {
		{ v, "ALTER TABLE orgs ADD COLUMN city TEXT NOT NULL "
		    "DEFAULT 'Montréal'" },
	};

	(void)state;
	s = cur_raw(&t);
	assert_int_equal(sqlite3_exec(s, "INSERT INTO orgs (name, created_at) "
	    "VALUES ('A', 1)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_migrate(s, NULL, steps, 1, v + 1, err,
	    sizeof(err)), RT_OK);
	assert_int_equal(q_int(s, "PRAGMA user_version"), v + 1);
	assert_int_equal(q_int(s, "SELECT count(*) FROM orgs "
	    "WHERE city = 'Montréal'"), 1);
	/* Running it again is a no-op. */
	assert_int_equal(db_migrate(s, NULL, steps, 1, v + 1, err,
	    sizeof(err)), RT_OK);
	assert_int_equal(q_int(s, "PRAGMA user_version"), v + 1);
	sqlite3_close(s);
	assert_int_equal(db_open(&db, t.path, SCHEMA, err, sizeof(err)),
	    RT_EDB);
	assert_non_null(strstr(err, "newer"));
	tdb_remove_files(&t);
}

/* Steps are applied in the order of their versions, whatever their order in the array. */
static void
test_migrate_steps_in_order(void **state)
{
	struct tdb			 t;
	sqlite3				*s;
	char				 err[256];
	const int			 v = db_schema_version();
	const struct db_migration	 steps[] = {
		{ v + 1, "INSERT INTO t2 VALUES ('second')" },
		{ v, "CREATE TABLE t2 (x TEXT); INSERT INTO t2 VALUES "
		    "('first')" },
	};

	(void)state;
	s = cur_raw(&t);
	assert_int_equal(db_migrate(s, NULL, steps, 2, v + 2, err,
	    sizeof(err)), RT_OK);
	assert_int_equal(q_int(s, "PRAGMA user_version"), v + 2);
	assert_int_equal(q_int(s, "SELECT count(*) FROM t2"), 2);
	assert_int_equal(q_int(s, "SELECT rowid FROM t2 WHERE x = 'second'"),
	    2);
	sqlite3_close(s);
	tdb_remove_files(&t);
}

/* A failing step, or a missing one, leaves the database exactly as it was. */
static void
test_migrate_failure_rolls_back(void **state)
{
	struct tdb			 t;
	sqlite3				*s;
	char				 err[256], want[64];
	const int			 v = db_schema_version();
	const struct db_migration	 bad[] = {
		{ v, "CREATE TABLE t2 (x); INSERT INTO nosuch VALUES (1)" },
	};
	const struct db_migration	 gap[] = {
		{ v, "CREATE TABLE t2 (x)" },
	};

	(void)state;
	s = cur_raw(&t);
	err[0] = '\0';
	assert_int_equal(db_migrate(s, NULL, bad, 1, v + 1, err, sizeof(err)),
	    RT_EDB);
	assert_non_null(strstr(err, "nosuch"));
	assert_int_equal(q_int(s, "PRAGMA user_version"), v);
	assert_int_equal(q_int(s, "SELECT count(*) FROM sqlite_master "
	    "WHERE name = 't2'"), 0);

	err[0] = '\0';
	assert_int_equal(db_migrate(s, NULL, gap, 1, v + 2, err, sizeof(err)),
	    RT_EDB);
	snprintf(want, sizeof(want), "no migration from schema version %d",
	    v + 1);
	assert_non_null(strstr(err, want));
	assert_int_equal(q_int(s, "PRAGMA user_version"), v);
	assert_int_equal(q_int(s, "SELECT count(*) FROM sqlite_master "
	    "WHERE name = 't2'"), 0);
	assert_int_equal(sqlite3_get_autocommit(s), 1);
	sqlite3_close(s);
	tdb_remove_files(&t);
}

/* A step that leaves rows pointing nowhere is caught by the foreign key check. */
static void
test_migrate_foreign_key_check(void **state)
{
	struct tdb			 t;
	sqlite3				*s;
	char				 err[256];
	const int			 v = db_schema_version();
	const struct db_migration	 steps[] = {
		{ v, "DELETE FROM orgs" },
	};

	(void)state;
	s = cur_raw(&t);
	assert_int_equal(sqlite3_exec(s,
	    "INSERT INTO users (id, email, name, pwhash, created_at) VALUES "
	    "(1, 'a@b.ca', 'A', '$argon2id$x', 1);"
	    "INSERT INTO orgs (id, name, created_at) VALUES (1, 'O', 1);"
	    "INSERT INTO memberships VALUES (1, 1, 'owner', 1);",
	    NULL, NULL, NULL), SQLITE_OK);
	err[0] = '\0';
	assert_int_equal(db_migrate(s, NULL, steps, 1, v + 1, err,
	    sizeof(err)), RT_EDB);
	assert_non_null(strstr(err, "memberships"));
	assert_int_equal(q_int(s, "PRAGMA user_version"), v);
	assert_int_equal(q_int(s, "SELECT count(*) FROM orgs"), 1);
	sqlite3_close(s);
	tdb_remove_files(&t);
}

/* On an empty database the schema text runs, and must set the version it promises. */
static void
test_migrate_empty(void **state)
{
	sqlite3	*s;
	char	 err[256];

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &s), SQLITE_OK);
	assert_int_equal(db_migrate(s, NULL, NULL, 0, 1, err, sizeof(err)),
	    RT_EIO);
	assert_int_equal(db_migrate(s, "CREATE TABLE a (x);", NULL, 0, 1, err,
	    sizeof(err)), RT_EDB);
	assert_non_null(strstr(err, "sets version 0"));
	assert_int_equal(q_int(s, "SELECT count(*) FROM sqlite_master"), 0);
	assert_int_equal(db_migrate(s, "CREATE TABLE a (x); "
	    "PRAGMA user_version = 4;", NULL, 0, 4, err, sizeof(err)), RT_OK);
	assert_int_equal(q_int(s, "PRAGMA user_version"), 4);
	assert_int_equal(q_int(s, "SELECT count(*) FROM sqlite_master"), 1);
	sqlite3_close(s);
	assert_int_equal(sqlite3_open(":memory:", &s), SQLITE_OK);
	assert_int_equal(db_migrate(s, "CREATE TABLE a (x); syntax error;",
	    NULL, 0, 1, err, sizeof(err)), RT_EDB);
	assert_non_null(strstr(err, "the schema failed"));
	assert_int_equal(q_int(s, "SELECT count(*) FROM sqlite_master"), 0);
	sqlite3_close(s);
}

/* One worker of the concurrency test: its own reader, writes through the shared writer. */
struct worker {
	struct db *db;
	int        id;
	int        rounds;
	int        committed;
	int        errors;
};

/*
 * Inserts rounds organisations, rolling back one round in five, and after
 * each commit checks through its own reader that its rows are visible.
 * Counts errors instead of failing (cmocka asserts only in the main
 * thread).
 */
static void *
worker_run(void *arg)
{
	struct worker	*wk = arg;
	struct db_conn	*rd = NULL, *w;
	sqlite3_stmt	*ins = NULL, *cnt = NULL;
	int		 i;

	if (db_reader_open(wk->db, &rd) != RT_OK) {
		wk->errors++;
		return NULL;
	}
	if (sqlite3_prepare_v2(db_conn_handle(rd), "SELECT count(*) FROM orgs "
	    "WHERE created_at = ?1", -1, &cnt, NULL) != SQLITE_OK) {
		wk->errors++;
		goto out;
	}
	for (i = 0; i < wk->rounds; i++) {
		if (db_write_begin(wk->db, &w) != RT_OK) {
			wk->errors++;
			continue;
		}
		if (ins == NULL)
			if (sqlite3_prepare_v2(db_conn_handle(w), "INSERT INTO "
			    "orgs (name, created_at) VALUES ('w', ?1)", -1,
			    &ins, NULL) != SQLITE_OK) {
				wk->errors++;
				db_write_rollback(wk->db, w);
				continue;
			}
		sqlite3_bind_int(ins, 1, wk->id);
		if (sqlite3_step(ins) != SQLITE_DONE)
			wk->errors++;
		sqlite3_reset(ins);
		if (i % 5 == 4) {
			db_write_rollback(wk->db, w);
			continue;
		}
		if (db_write_commit(wk->db, w) != RT_OK) {
			wk->errors++;
			continue;
		}
		wk->committed++;
		sqlite3_bind_int(cnt, 1, wk->id);
		if (sqlite3_step(cnt) != SQLITE_ROW ||
		    sqlite3_column_int(cnt, 0) != wk->committed)
			wk->errors++;
		sqlite3_reset(cnt);
	}
out:
	/* ins belongs to the writer, shared: finalize it under the mutex. */
	if (ins != NULL && db_write_begin(wk->db, &w) == RT_OK) {
		sqlite3_finalize(ins);
		db_write_rollback(wk->db, w);
	}
	sqlite3_finalize(cnt);
	db_conn_close(rd);
	return NULL;
}

/* Four threads writing at once lose nothing and leave a sound database. */
static void
test_concurrency_smoke(void **state)
{
	struct tdb	 t;
	struct worker	 wk[4];
	pthread_t	 th[4];
	char		 ok[32];
	int		 i, total = 0;

	(void)state;
	tdb_open(&t);
	for (i = 0; i < 4; i++) {
		memset(&wk[i], 0, sizeof(wk[i]));
		wk[i].db = t.db;
		wk[i].id = 100 + i;
		wk[i].rounds = 100;
		assert_int_equal(pthread_create(&th[i], NULL, worker_run,
		    &wk[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_int_equal(wk[i].errors, 0);
		assert_int_equal(wk[i].committed, 80);
		total += wk[i].committed;
	}
	assert_int_equal(q_int(db_conn_handle(t.rd),
	    "SELECT count(*) FROM orgs"), total);
	q_text(db_conn_handle(t.rd), "PRAGMA integrity_check", ok, sizeof(ok));
	assert_string_equal(ok, "ok");
	tdb_close(&t);
}

/* After db_close() the WAL is checkpointed into the file, which the sqlite3 shell reads. */
static void
test_close_checkpoints(void **state)
{
	struct tdb	 t;
	struct db_conn	*w;
	sqlite3		*s;
	char		 ok[32];

	(void)state;
	tdb_open(&t);
	assert_int_equal(db_write_begin(t.db, &w), RT_OK);
	assert_int_equal(sqlite3_exec(db_conn_handle(w), "INSERT INTO orgs "
	    "(name, created_at) VALUES ('ckpt', 1)", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(db_write_commit(t.db, w), RT_OK);
	db_conn_close(t.rd);
	t.rd = NULL;
	db_close(t.db);
	t.db = NULL;
	assert_int_equal(sqlite3_open_v2(t.path, &s, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(q_int(s, "SELECT count(*) FROM orgs "
	    "WHERE name = 'ckpt'"), 1);
	q_text(s, "PRAGMA integrity_check", ok, sizeof(ok));
	assert_string_equal(ok, "ok");
	sqlite3_close(s);
	tdb_remove_files(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_creates),
		cmocka_unit_test(test_reopen_idempotent),
		cmocka_unit_test(test_schema_file_needed_only_when_empty),
		cmocka_unit_test(test_refuses_newer),
		cmocka_unit_test(test_refuses_foreign_database),
		cmocka_unit_test(test_pragmas),
		cmocka_unit_test(test_reader_is_read_only),
		cmocka_unit_test(test_write_commit_rollback),
		cmocka_unit_test(test_write_commit_failure),
		cmocka_unit_test(test_storage_errors),
		cmocka_unit_test(test_stmt_cache),
		cmocka_unit_test(test_column_copy_utf8),
		cmocka_unit_test(test_token_hash),
		cmocka_unit_test(test_migrate_one_step),
		cmocka_unit_test(test_migrate_steps_in_order),
		cmocka_unit_test(test_migrate_failure_rolls_back),
		cmocka_unit_test(test_migrate_foreign_key_check),
		cmocka_unit_test(test_migrate_empty),
		cmocka_unit_test(test_concurrency_smoke),
		cmocka_unit_test(test_close_checkpoints),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
