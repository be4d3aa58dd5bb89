/*
 * tdb.h: what the unit tests share (tests/unit/tdb.c, linked into each of
 * them): a database made from schema.sql in a temporary directory with a
 * reader on it, test SQL run on it, rows made by direct SQL for fixtures
 * (as the sqlite3 shell or an administrator's tool would make them), and
 * the values of a plan filled in by hand.  Every function fails the
 * running test (or its setup) on an error.  Include it after <cmocka.h>;
 * run the tests from the repository root (they read schema.sql).
 */
#ifndef RESEAUTER_TDB_H
#define RESEAUTER_TDB_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "db.h"
#include "workbook.h"

/* A fixed password hash: what stores it never looks inside, and argon2 is slow. */
#define TDB_HASH "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"

/* A temporary directory with the database of one test and its reader. */
struct tdb {
	char        dir[64];
	char        path[128];   /* dir/test.db */
	struct db  *db;
	struct dbh  h;           /* h.db is db; h.rd a reader */
};

/* Clears t and makes the directory /tmp/reseauter-NAME-XXXXXX; nothing is opened. */
void tdb_mkdir(struct tdb *t, const char *name);

/* Opens (creating or migrating) the database at t->path with schema.sql, and a reader. */
void tdb_db_open(struct tdb *t);

/* tdb_mkdir() then tdb_db_open(): a fresh database with the current schema. */
void tdb_open(struct tdb *t, const char *name);

/* Closes what is open of t and removes every file of its directory, then the directory. */
void tdb_close(struct tdb *t);

/*
 * The cmocka teardown of a fixture that a setup calloc'd with its struct
 * tdb as first member: tdb_close() on it, then free().  Returns 0.
 */
int tdb_teardown(void **state);

/* Runs one statement of test SQL on the reader and returns its first column (-1 if no row). */
long long q_int(struct tdb *t, const char *sql);

/* q_int() with the text param bound to ?1 (NULL binds nothing). */
long long q_int_text(struct tdb *t, const char *sql, const char *param);

/*
 * Runs test SQL that writes (one or more statements) on a connection of
 * its own, with foreign keys on, as the sqlite3 shell would while the
 * program runs.
 */
void q_exec(struct tdb *t, const char *sql);

/* Gives user the role ("admin" or "trainer"), granted at at by no one. */
void tdb_role(struct tdb *t, int64_t user, const char *role, time_t at);

/* Makes user a member of org with role ("owner" or "member"), since at. */
void tdb_member(struct tdb *t, int64_t org, int64_t user, const char *role,
    time_t at);

/*
 * Makes cohort id (0: the next free id) named name, with join code code
 * and state ("open", "closed", "archived"), created at at by trainer, who
 * trains it (0: created by no one, trained by no one), with the
 * organisations of orgs (a list ending with 0; NULL for none) joined at
 * at.  Returns its id.
 */
int64_t tdb_cohort(struct tdb *t, int64_t id, const char *name,
    const char *code, const char *state, int64_t trainer,
    const int64_t *orgs, time_t at);

/* Replaces the string *slot (malloc'd, owned by a wb_data) with a copy of v. */
void put(char **slot, const char *v);

/* Sets the field name of the section of d (it must exist) to v. */
void set(struct wb_data *d, const char *name, const char *v);

/* Sets the field name of item it of list l of the section of d to v. */
void set_item(struct wb_data *d, size_t l, struct wb_item *it,
    const char *name, const char *v);

/* Appends an empty item to list l of d and returns it. */
struct wb_item *add_item(struct wb_data *d, size_t l);

#endif
