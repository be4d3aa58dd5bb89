/*
 * db.h: the SQLite database, its connections and its statements.
 *
 * There is exactly one write connection, shared by every thread under a
 * mutex (Debian 12's SQLite can corrupt a WAL database when several
 * connections write or checkpoint at once).  Each thread also opens its own
 * read-only connection, with automatic checkpoints off: only the writer
 * checkpoints.  Every SQL statement of the program is declared in one table
 * in db.c, named by enum db_stmt, and prepared once per connection.
 *
 * Wherever a function of lib/ says it returns RT_EDB, it may also return
 * RT_EBUSY: the database stayed locked past the busy timeout (5 s), for
 * instance while a backup held it.  Nothing was written then, and trying
 * again later may work.  Likewise RT_ESTORAGE: the database cannot be
 * written at all, because the disk is full (or a file would pass the
 * process's size limit) or the file or its file system is read-only.
 * The transaction was rolled back and nothing of it was written; reading
 * goes on, and writing works again, without a restart, once space is
 * freed (a read-only file needs a restart once it is writable again).
 */
#ifndef RESEAUTER_DB_H
#define RESEAUTER_DB_H

#include <stdint.h>
#include <sqlite3.h>

struct db;       /* the shared handle: the write connection and its mutex */
struct db_conn;  /* one connection with its cache of prepared statements */

/* What lib/ functions take: the shared handle and this thread's reader. */
struct dbh {
	struct db      *db;
	struct db_conn *rd;
};

/*
 * Opens (creating if needed) the database at path in WAL mode with
 * foreign_keys=ON and a busy_timeout, then brings its schema to the current
 * version: an empty database gets schema_path's SQL, an older one is
 * migrated step by step in one transaction.  A database newer than this
 * program is refused.  Returns RT_OK and *out (freed with db_close), or
 * RT_EDB / RT_EIO with a line for the operator in err; nothing is left open
 * on failure.
 */
int db_open(struct db **out, const char *path, const char *schema_path,
    char *err, size_t errlen);

/* Checkpoints and closes the write connection.  Readers must be closed first. */
void db_close(struct db *db);

/* Opens a read-only connection for one thread.  Returns RT_OK or RT_EDB. */
int db_reader_open(struct db *db, struct db_conn **out);

/* Closes a reader and finalizes its statements; NULL is allowed. */
void db_conn_close(struct db_conn *c);

/*
 * Locks the write mutex and starts BEGIN IMMEDIATE; *w is the writer.
 * On RT_OK the caller must end with db_write_commit() or
 * db_write_rollback().  On failure (RT_EDB, RT_EBUSY or RT_ESTORAGE) the
 * mutex is not held.
 */
int db_write_begin(struct db *db, struct db_conn **w);

/*
 * Commits and unlocks.  On failure it rolls back, unlocks and returns
 * RT_ESTORAGE (no room, read-only: see above) or RT_EDB.
 */
int db_write_commit(struct db *db, struct db_conn *w);

/* Rolls back and unlocks. */
void db_write_rollback(struct db *db, struct db_conn *w);

/* The schema version this program expects (PRAGMA user_version). */
int db_schema_version(void);

/*
 * Makes a consistent copy of the database at dest_path while the program
 * goes on reading and writing it: SQLite's online backup, from a
 * read-only connection of its own, in one read transaction, so the copy
 * is the database as one commit left it.  The copy is written to a
 * temporary file in dest_path's directory, turned into an ordinary
 * one-file database (journal_mode DELETE), checked with PRAGMA
 * integrity_check, then renamed over dest_path; on failure dest_path is
 * left as it was and the temporary file removed.  Returns RT_OK, or
 * RT_EIO (a file could not be written), RT_EBUSY or RT_EDB with one line
 * for the operator in err.
 */
int db_backup(struct db *db, const char *dest_path, char *err,
    size_t errlen);

/*
 * For a second process that writes while the program runs
 * (reseauter-admin): the write connection of db stops checkpointing,
 * automatically and in db_close(), so that only the program's writer
 * ever checkpoints.  Returns RT_OK or RT_EDB.
 */
int db_no_checkpoint(struct db *db);

#endif
