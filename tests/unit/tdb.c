/*
 * tdb.c: what the unit tests share (see tdb.h): a temporary database and
 * its reader, test SQL, fixture rows by direct SQL, and plan values.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "sql.h"
#include "workbook.h"
#include "tdb.h"

#define TDB_SCHEMA "schema.sql"

/* Clears t and makes its directory, with the database's path in it. */
void
tdb_mkdir(struct tdb *t, const char *name)
{
	memset(t, 0, sizeof(*t));
	snprintf(t->dir, sizeof(t->dir), "/tmp/reseauter-%s-XXXXXX", name);
	if (mkdtemp(t->dir) == NULL)
		fail_msg("mkdtemp %s failed", t->dir);
	snprintf(t->path, sizeof(t->path), "%s/test.db", t->dir);
}

/* Opens the database at t->path as the program does, and one reader. */
void
tdb_db_open(struct tdb *t)
{
	char	 err[256];

	err[0] = '\0';
	if (db_open(&t->db, t->path, TDB_SCHEMA, err, sizeof(err)) != RT_OK)
		fail_msg("db_open: %s", err);
	t->h.db = t->db;
	assert_int_equal(db_reader_open(t->db, &t->h.rd), RT_OK);
}

/* A fresh directory and in it a fresh database with its reader. */
void
tdb_open(struct tdb *t, const char *name)
{
	tdb_mkdir(t, name);
	tdb_db_open(t);
}

/*
 * Closes the reader and the database (either may be closed already), then
 * removes whatever the test left in the directory (the database, its -wal
 * and -shm files, copies) and the directory itself.
 */
void
tdb_close(struct tdb *t)
{
	struct dirent	*e;
	DIR		*d;
	char		 p[400];

	db_conn_close(t->h.rd);
	t->h.rd = NULL;
	db_close(t->db);
	t->db = t->h.db = NULL;
	if ((d = opendir(t->dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(p, sizeof(p), "%s/%s", t->dir, e->d_name);
			unlink(p);
		}
		closedir(d);
	}
	rmdir(t->dir);
}

/* Closes and frees the fixture at *state, which begins with its struct tdb. */
int
tdb_teardown(void **state)
{
	struct tdb	*t = *state;

	tdb_close(t);
	free(t);
	return 0;
}

/* The first column of sql on the reader, with param bound to ?1 unless NULL. */
long long
q_int_text(struct tdb *t, const char *sql, const char *param)
{
	sqlite3_stmt	*st;
	long long	 v = -1;

	assert_int_equal(sqlite3_prepare_v2(db_conn_handle(t->h.rd), sql, -1,
	    &st, NULL), SQLITE_OK);
	if (param != NULL)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The first column of sql on the reader (-1 if no row). */
long long
q_int(struct tdb *t, const char *sql)
{
	return q_int_text(t, sql, NULL);
}

/*
 * Runs sql on a connection of its own with foreign keys on, saying why
 * when it fails, and returns the last rowid that connection inserted.
 */
static int64_t
run(struct tdb *t, const char *sql)
{
	sqlite3	*s;
	char	*msg = NULL;
	int64_t	 id;
	int	 rc;

	assert_int_equal(sqlite3_open(t->path, &s), SQLITE_OK);
	sqlite3_busy_timeout(s, 5000);
	assert_int_equal(sqlite3_exec(s, "PRAGMA foreign_keys = ON", NULL,
	    NULL, NULL), SQLITE_OK);
	rc = sqlite3_exec(s, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "test SQL failed: %s\n", msg ? msg : "?");
	sqlite3_free(msg);
	id = sqlite3_last_insert_rowid(s);
	sqlite3_close(s);
	assert_int_equal(rc, SQLITE_OK);
	return id;
}

/* Runs test SQL that writes, on a connection of its own. */
void
q_exec(struct tdb *t, const char *sql)
{
	run(t, sql);
}

/* Runs the SQL that sqlite3_mprintf() made of fmt (%Q quotes text), and frees it. */
static int64_t
runf(struct tdb *t, const char *fmt, ...)
{
	va_list	 ap;
	char	*sql;
	int64_t	 id;

	va_start(ap, fmt);
	sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	assert_non_null(sql);
	id = run(t, sql);
	sqlite3_free(sql);
	return id;
}

/* Inserts the role of user. */
void
tdb_role(struct tdb *t, int64_t user, const char *role, time_t at)
{
	runf(t, "INSERT INTO user_roles (user_id, role, granted_at) VALUES "
	    "(%lld, %Q, %lld)", (long long)user, role, (long long)at);
}

/* Inserts the membership of user in org. */
void
tdb_member(struct tdb *t, int64_t org, int64_t user, const char *role,
    time_t at)
{
	runf(t, "INSERT INTO memberships (org_id, user_id, role, created_at) "
	    "VALUES (%lld, %lld, %Q, %lld)", (long long)org, (long long)user,
	    role, (long long)at);
}

/* Inserts the cohort, then its trainer and its organisations. */
int64_t
tdb_cohort(struct tdb *t, int64_t id, const char *name, const char *code,
    const char *state, int64_t trainer, const int64_t *orgs, time_t at)
{
	size_t	 i;

	id = runf(t, "INSERT INTO cohorts (id, name, join_code, state, "
	    "created_by, created_at) VALUES (nullif(%lld, 0), %Q, %Q, %Q, "
	    "nullif(%lld, 0), %lld)", (long long)id, name, code, state,
	    (long long)trainer, (long long)at);
	if (trainer != 0)
		runf(t, "INSERT INTO cohort_trainers (cohort_id, user_id, "
		    "added_at) VALUES (%lld, %lld, %lld)", (long long)id,
		    (long long)trainer, (long long)at);
	for (i = 0; orgs != NULL && orgs[i] != 0; i++)
		runf(t, "INSERT INTO cohort_orgs (cohort_id, org_id, "
		    "joined_at) VALUES (%lld, %lld, %lld)", (long long)id,
		    (long long)orgs[i], (long long)at);
	return id;
}

/* Frees *slot and puts a copy of v there. */
void
put(char **slot, const char *v)
{
	char	*s;

	assert_non_null(s = strdup(v));
	free(*slot);
	*slot = s;
}

/* Finds the field by its name among the section's own fields and sets it. */
void
set(struct wb_data *d, const char *name, const char *v)
{
	const struct wb_section_def	*sd = &wb_sections[d->section];
	int				 i;

	i = wb_field_index(sd->fields, sd->nfields, name);
	assert_true(i >= 0);
	put(&d->values[i], v);
}

/* Finds the field by its name among list l's fields and sets it in it. */
void
set_item(struct wb_data *d, size_t l, struct wb_item *it, const char *name,
    const char *v)
{
	const struct wb_list	*ld = &wb_sections[d->section].lists[l];
	int			 i;

	i = wb_field_index(ld->fields, ld->nfields, name);
	assert_true(i >= 0);
	put(&it->values[i], v);
}

/* Appends an item with wb_list_append(), which must succeed. */
struct wb_item *
add_item(struct wb_data *d, size_t l)
{
	struct wb_item	*it = NULL;

	assert_int_equal(wb_list_append(d, l, &it), RT_OK);
	assert_non_null(it);
	return it;
}
