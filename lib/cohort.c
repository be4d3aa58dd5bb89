/*
 * cohort.c: cohorts, their trainers, and the organisations in them.
 *
 * Reads go through the thread's reader; every change is one write
 * transaction on the shared writer.  States are stored as the words of
 * cohort_state_name(), readable with the sqlite3 shell.  A join code is
 * drawn with randombytes_uniform() from COHORT_CODE_ALPHABET.
 */
#include <assert.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "cohort.h"
#include "sql.h"

/* How many codes cohort_create() draws before it gives up (RT_EDB). */
#define COHORT_CODE_TRIES 16

/*
 * Maps the status rc of a step to what a caller of this module may see:
 * RT_OK, RT_EBUSY and RT_ESTORAGE stay, and so do the expected outcomes
 * allowed1 and allowed2 (pass RT_OK for none); anything else is RT_EDB.
 */
static int
cohort_status(int rc, int allowed1, int allowed2)
{
	if (rc == RT_OK || rc == RT_EBUSY || rc == RT_ESTORAGE ||
	    rc == allowed1 || rc == allowed2)
		return rc;
	return RT_EDB;
}

/*
 * Counts the characters (code points) of the UTF-8 string s: every byte
 * but the continuation bytes (10xxxxxx).
 */
static size_t
cohort_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Non-zero when s is "" or has the shape YYYY-MM-DD. */
static int
cohort_date_shape(const char *s)
{
	size_t	 i;

	if (*s == '\0')
		return 1;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/*
 * Checks the bounds that cohort_create() and cohort_update() promise the
 * schema: a name of 1 to COHORT_NAME_MAX characters, dates "" or ISO with
 * the end not before the start, notes of at most COHORT_NOTES_MAX
 * characters.  The schema's CHECK still refuses a date that is no day of
 * the calendar.  Returns RT_OK or RT_EINVAL.
 */
static int
cohort_valid(const char *name, const char *starts_on, const char *ends_on,
    const char *notes)
{
	size_t	 n;

	if (name == NULL || starts_on == NULL || ends_on == NULL ||
	    notes == NULL)
		return RT_EINVAL;
	n = cohort_chars(name);
	if (n == 0 || n > COHORT_NAME_MAX ||
	    cohort_chars(notes) > COHORT_NOTES_MAX ||
	    !cohort_date_shape(starts_on) || !cohort_date_shape(ends_on))
		return RT_EINVAL;
	if (*starts_on != '\0' && *ends_on != '\0' &&
	    strcmp(ends_on, starts_on) < 0)
		return RT_EINVAL;
	return RT_OK;
}

/*
 * Returns the enum cohort_state of the stored word in column col of st;
 * anything unknown reads as COHORT_CLOSED, so that an odd value never lets
 * an organisation in.
 */
static int
cohort_state_column(sqlite3_stmt *st, int col)
{
	const unsigned char	*v = sqlite3_column_text(st, col);

	if (v != NULL && strcmp((const char *)v, "open") == 0)
		return COHORT_OPEN;
	if (v != NULL && strcmp((const char *)v, "archived") == 0)
		return COHORT_ARCHIVED;
	return COHORT_CLOSED;
}

/*
 * Reads the columns of COHORT_GET (id, name, starts, ends, notes, code,
 * state, created, organisations) from the current row of st into the
 * struct cohort at p.
 */
static void
cohort_row(sqlite3_stmt *st, void *p)
{
	struct cohort	*out = p;

	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, out->name, sizeof(out->name));
	db_column_copy(st, 2, out->starts_on, sizeof(out->starts_on));
	db_column_copy(st, 3, out->ends_on, sizeof(out->ends_on));
	db_column_copy(st, 4, out->notes, sizeof(out->notes));
	db_column_copy(st, 5, out->code, sizeof(out->code));
	out->state = cohort_state_column(st, 6);
	out->created_at = sqlite3_column_int64(st, 7);
	out->orgs = sqlite3_column_int(st, 8);
}

/*
 * Runs statement id, which takes two integers ?1 a and ?2 b and returns
 * no row, on connection c.  Sets *changes (when not NULL) to the number of
 * rows it changed.  Returns RT_OK, RT_EEXISTS, RT_EBUSY or RT_EDB.
 */
static int
cohort_exec2(struct db_conn *c, enum db_stmt id, int64_t a, int64_t b,
    const char *where, int *changes)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (changes != NULL)
		*changes = 0;
	if ((st = db_stmt(c, id)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, a) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, b) != SQLITE_OK)
		rc = db_fail(c, where);
	else if ((rc = db_step_done(c, st, where)) == RT_OK &&
	    changes != NULL)
		*changes = sqlite3_changes(db_conn_handle(c));
	db_stmt_release(st);
	return rc;
}

/* See cohort.h. */
const char *
cohort_state_name(int state)
{
	switch (state) {
	case COHORT_CLOSED:
		return "closed";
	case COHORT_ARCHIVED:
		return "archived";
	default:
		return "open";
	}
}

/* See cohort.h.  Anything but the alphabet, a space or a hyphen is refused. */
int
cohort_code_normalise(const char *in, char out[COHORT_CODE_LEN + 1])
{
	size_t n = 0;

	for (; *in != '\0'; in++) {
		int c = (unsigned char)*in;

		if (c == ' ' || c == '-' || c == '\t')
			continue;
		c = toupper(c);
		if (c == '\0' || strchr(COHORT_CODE_ALPHABET, c) == NULL ||
		    n == COHORT_CODE_LEN) {
			out[0] = '\0';
			return RT_EINVAL;
		}
		out[n++] = (char)c;
	}
	out[n] = '\0';
	if (n != COHORT_CODE_LEN) {
		out[0] = '\0';
		return RT_EINVAL;
	}
	return RT_OK;
}

/* See cohort.h. */
void
cohort_code_format(const char *code, char out[COHORT_CODE_LEN + 2])
{
	size_t half = COHORT_CODE_LEN / 2;

	memcpy(out, code, half);
	out[half] = '-';
	memcpy(out + half + 1, code + half, COHORT_CODE_LEN - half);
	out[COHORT_CODE_LEN + 1] = '\0';
}

/* See cohort.h. */
int
cohort_trainer_check(struct dbh *h, int64_t cohort_id, int64_t user_id,
    int *yes)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->rd != NULL && yes != NULL);
	*yes = 0;
	if ((st = db_stmt(h->rd, DB_STMT_COHORT_TRAINER_CHECK)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, cohort_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK)
		rc = db_fail(h->rd, "bind cohort trainer");
	else
		rc = db_step_row(h->rd, st, "cohort trainer");
	db_stmt_release(st);
	if (rc == RT_OK)
		*yes = 1;
	if (rc == RT_ENOTFOUND)
		return RT_OK;
	return rc == RT_OK ? RT_OK : RT_EDB;
}

/* See cohort.h.  randombytes_uniform() draws without modulo bias. */
void
cohort_code_new(char out[COHORT_CODE_LEN + 1])
{
	static const char	 alphabet[] = COHORT_CODE_ALPHABET;
	size_t			 i;

	for (i = 0; i < COHORT_CODE_LEN; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[COHORT_CODE_LEN] = '\0';
}

/*
 * Inserts the cohort on the writer w with the join code code.  Returns
 * RT_OK with *id, RT_EEXISTS (the code is taken), RT_EBUSY or RT_EDB.
 */
static int
cohort_insert(struct db_conn *w, int64_t user_id, const char *name,
    const char *starts_on, const char *ends_on, const char *notes,
    const char *code, time_t now, int64_t *id)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_COHORT_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, starts_on, -1, SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_text(st, 3, ends_on, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, notes, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 5, code, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 6, user_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 7, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind cohort");
	else if ((rc = db_step_row(w, st, "add cohort")) == RT_OK)
		*id = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	return cohort_status(rc, RT_EEXISTS, RT_OK);
}

/*
 * Makes user_id a trainer of cohort_id on the writer w.  Returns RT_OK,
 * RT_EEXISTS (already one), RT_EBUSY or RT_EDB.
 */
static int
cohort_trainer_insert(struct db_conn *w, int64_t cohort_id, int64_t user_id,
    time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_COHORT_TRAINER_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, cohort_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind cohort trainer");
	else
		rc = db_step_done(w, st, "add cohort trainer");
	db_stmt_release(st);
	return cohort_status(rc, RT_EEXISTS, RT_OK);
}

/*
 * Asks on c whether statement id (COHORT_BY_CODE, COHORT_TRAINER_CHECK,
 * COHORT_ORG_CHECK...) finds a row for its parameters: ?1 the text t when
 * t is not NULL, else the integer a; ?2 the integer b (when the statement
 * has one).  Returns RT_OK when it does, RT_ENOTFOUND, RT_EBUSY or RT_EDB.
 */
static int
cohort_exists(struct db_conn *c, enum db_stmt id, const char *t, int64_t a,
    int64_t b, const char *where)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(c, id)) == NULL)
		return RT_EDB;
	if ((t != NULL ? sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC) :
	    sqlite3_bind_int64(st, 1, a)) != SQLITE_OK ||
	    (sqlite3_bind_parameter_count(st) > 1 &&
	    sqlite3_bind_int64(st, 2, b) != SQLITE_OK))
		rc = db_fail(c, where);
	else
		rc = db_step_row(c, st, where);
	db_stmt_release(st);
	return cohort_status(rc, RT_ENOTFOUND, RT_OK);
}

/*
 * See cohort.h.  A code already taken is found before the INSERT, on the
 * writer that holds the only write lock, so no one can take it between
 * the two; the UNIQUE index would refuse it anyway (RT_EEXISTS, another
 * draw).  With 5e11 codes, COHORT_CODE_TRIES taken in a row means
 * something else is wrong.
 */
int
cohort_create(struct dbh *h, int64_t user_id, const char *name,
    const char *starts_on, const char *ends_on, const char *notes,
    time_t now, int64_t *id)
{
	struct db_conn	*w;
	char		 code[COHORT_CODE_LEN + 1];
	int		 rc, tries;

	assert(h != NULL && h->db != NULL && id != NULL);
	*id = 0;
	if (cohort_valid(name, starts_on, ends_on, notes) != RT_OK)
		return RT_EINVAL;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	rc = RT_EEXISTS;
	for (tries = 0; tries < COHORT_CODE_TRIES && rc == RT_EEXISTS;
	    tries++) {
		cohort_code_new(code);
		rc = cohort_exists(w, DB_STMT_COHORT_BY_CODE, code, 0, 0,
		    "cohort code taken");
		if (rc == RT_OK)
			rc = RT_EEXISTS;
		else if (rc == RT_ENOTFOUND)
			rc = cohort_insert(w, user_id, name, starts_on, ends_on,
			    notes, code, now, id);
	}
	if (rc == RT_OK)
		rc = cohort_trainer_insert(w, *id, user_id, now);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		*id = 0;
		return cohort_status(rc, RT_OK, RT_OK);
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		*id = 0;
	return rc;
}

/* See cohort.h. */
int
cohort_update(struct dbh *h, int64_t id, const char *name,
    const char *starts_on, const char *ends_on, const char *notes)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->db != NULL);
	if (cohort_valid(name, starts_on, ends_on, notes) != RT_OK)
		return RT_EINVAL;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_COHORT_UPDATE)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, starts_on, -1, SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_text(st, 4, ends_on, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 5, notes, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(w, "bind cohort update");
	else if ((rc = db_step_done(w, st, "update cohort")) == RT_OK &&
	    sqlite3_changes(db_conn_handle(w)) == 0)
		rc = RT_ENOTFOUND;
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return cohort_status(rc, RT_ENOTFOUND, RT_OK);
	}
	return db_write_commit(h->db, w);
}

/* See cohort.h. */
int
cohort_set_state(struct dbh *h, int64_t id, int state)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->db != NULL);
	if (state != COHORT_OPEN && state != COHORT_CLOSED &&
	    state != COHORT_ARCHIVED)
		return RT_EINVAL;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_COHORT_SET_STATE)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, cohort_state_name(state), -1,
	    SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(w, "bind cohort state");
	else if ((rc = db_step_done(w, st, "set cohort state")) == RT_OK &&
	    sqlite3_changes(db_conn_handle(w)) == 0)
		rc = RT_ENOTFOUND;
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return cohort_status(rc, RT_ENOTFOUND, RT_OK);
	}
	return db_write_commit(h->db, w);
}

/* See cohort.h. */
int
cohort_load(struct dbh *h, int64_t id, struct cohort *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->rd != NULL && out != NULL);
	memset(out, 0, sizeof(*out));
	if ((st = db_stmt(h->rd, DB_STMT_COHORT_GET)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		rc = db_fail(h->rd, "bind cohort");
	else if ((rc = db_step_row(h->rd, st, "load cohort")) == RT_OK)
		cohort_row(st, out);
	db_stmt_release(st);
	return rc == RT_OK || rc == RT_ENOTFOUND ? rc : RT_EDB;
}

/* See cohort.h.  A code of the wrong length is never looked up. */
int
cohort_load_by_code(struct dbh *h, const char *code, struct cohort *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->rd != NULL && code != NULL && out != NULL);
	memset(out, 0, sizeof(*out));
	if (strlen(code) != COHORT_CODE_LEN)
		return RT_ENOTFOUND;
	if ((st = db_stmt(h->rd, DB_STMT_COHORT_BY_CODE)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(h->rd, "bind cohort code");
	else if ((rc = db_step_row(h->rd, st, "find cohort code")) == RT_OK)
		cohort_row(st, out);
	db_stmt_release(st);
	return rc == RT_OK || rc == RT_ENOTFOUND ? rc : RT_EDB;
}

/*
 * See cohort.h.  One statement gives each cohort with the number of its
 * organisations.
 */
int
cohort_list_for_trainer(struct dbh *h, int64_t user_id, int archived,
    struct cohort **out, size_t *n)
{
	const int64_t	 args[] = { user_id, archived ? 1 : 0 };

	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	return db_rows(h->rd, DB_STMT_COHORTS_OF_TRAINER, args, 2,
	    "cohorts of trainer", sizeof(**out), cohort_row, (void **)out, n);
}

/* Fills the struct cohort_trainer at p from a row of COHORT_TRAINERS. */
static void
cohort_trainer_row(sqlite3_stmt *st, void *p)
{
	struct cohort_trainer	*t = p;

	t->user_id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, t->name, sizeof(t->name));
	db_column_copy(st, 2, t->email, sizeof(t->email));
	t->added_at = sqlite3_column_int64(st, 3);
	t->active = sqlite3_column_int(st, 4) != 0;
}

/* See cohort.h. */
int
cohort_trainers(struct dbh *h, int64_t cohort_id,
    struct cohort_trainer **out, size_t *n)
{
	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	return db_rows(h->rd, DB_STMT_COHORT_TRAINERS, &cohort_id, 1,
	    "cohort trainers", sizeof(**out), cohort_trainer_row,
	    (void **)out, n);
}

/*
 * See cohort.h.  The account and its role are read on the writer, inside
 * the transaction that adds the row, so the answer holds at commit.
 */
int
cohort_trainer_add(struct dbh *h, int64_t cohort_id, const char *email,
    time_t now, int64_t *user_id)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int64_t		 uid = 0;
	int		 rc, role = 0;

	assert(h != NULL && h->db != NULL && email != NULL && user_id != NULL);
	*user_id = 0;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_COHORT_TRAINER_FIND)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC) !=
	    SQLITE_OK)
		rc = db_fail(w, "bind trainer e-mail");
	else if ((rc = db_step_row(w, st, "find trainer")) == RT_OK) {
		uid = sqlite3_column_int64(st, 0);
		role = sqlite3_column_int(st, 1);
	}
	db_stmt_release(st);
	if (rc == RT_OK && !role)
		rc = RT_EDENIED;
	if (rc == RT_OK) {
		rc = cohort_exists(w, DB_STMT_COHORT_TRAINER_CHECK, NULL,
		    cohort_id, uid, "cohort trainer");
		if (rc == RT_OK)
			rc = RT_EEXISTS;
		else if (rc == RT_ENOTFOUND)
			rc = cohort_trainer_insert(w, cohort_id, uid, now);
	}
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		if (rc == RT_EDENIED || rc == RT_EEXISTS)
			*user_id = uid;
		return rc == RT_EDENIED ? rc :
		    cohort_status(rc, RT_ENOTFOUND, RT_EEXISTS);
	}
	if ((rc = db_write_commit(h->db, w)) == RT_OK)
		*user_id = uid;
	return rc;
}

/* See cohort.h. */
int
cohort_trainer_remove(struct dbh *h, int64_t cohort_id, int64_t user_id)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc, changes = 0;
	int64_t		 others = 0;

	assert(h != NULL && h->db != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_COHORT_TRAINERS_LEFT)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, cohort_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK)
		rc = db_fail(w, "bind trainers left");
	else if ((rc = db_step_row(w, st, "trainers left")) == RT_OK)
		others = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	if ((rc = cohort_exec2(w, DB_STMT_COHORT_TRAINER_DEL, cohort_id,
	    user_id, "remove cohort trainer", &changes)) != RT_OK)
		goto fail;
	if (changes == 0) {
		rc = RT_ENOTFOUND;
		goto fail;
	}
	if (others == 0) {
		rc = RT_EDENIED;
		goto fail;
	}
	return db_write_commit(h->db, w);
fail:
	db_write_rollback(h->db, w);
	return rc == RT_ENOTFOUND || rc == RT_EDENIED ? rc :
	    cohort_status(rc, RT_OK, RT_OK);
}

/*
 * See cohort.h.  Whether the organisation is in already is asked first,
 * so that a group already in a closed cohort hears that it is in.
 */
int
cohort_join(struct dbh *h, int64_t cohort_id, int64_t org_id,
    int64_t user_id, time_t now)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc, state = COHORT_CLOSED;

	assert(h != NULL && h->db != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_COHORT_STATE)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, cohort_id) != SQLITE_OK)
		rc = db_fail(w, "bind cohort state");
	else if ((rc = db_step_row(w, st, "cohort state")) == RT_OK)
		state = cohort_state_column(st, 0);
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	rc = cohort_exists(w, DB_STMT_COHORT_ORG_CHECK, NULL, cohort_id,
	    org_id, "cohort org");
	if (rc == RT_OK) {
		rc = RT_EEXISTS;
		goto fail;
	}
	if (rc != RT_ENOTFOUND)
		goto fail;
	if (state != COHORT_OPEN) {
		rc = RT_EEXPIRED;
		goto fail;
	}
	if ((st = db_stmt(w, DB_STMT_COHORT_ORG_ADD)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, cohort_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, org_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, user_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind join cohort");
	else
		rc = db_step_done(w, st, "join cohort");
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	return db_write_commit(h->db, w);
fail:
	db_write_rollback(h->db, w);
	if (rc == RT_EEXPIRED)
		return rc;
	return cohort_status(rc, RT_ENOTFOUND, RT_EEXISTS);
}

/* See cohort.h. */
int
cohort_leave(struct dbh *h, int64_t cohort_id, int64_t org_id)
{
	struct db_conn	*w;
	int		 rc, changes = 0;

	assert(h != NULL && h->db != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = cohort_exec2(w, DB_STMT_COHORT_ORG_DEL, cohort_id, org_id,
	    "leave cohort", &changes)) != RT_OK)
		goto fail;
	if (changes == 0) {
		rc = RT_ENOTFOUND;
		goto fail;
	}
	if ((rc = cohort_exec2(w, DB_STMT_COHORT_VISITS_FORGET, cohort_id,
	    org_id, "forget trainer visits", NULL)) != RT_OK)
		goto fail;
	return db_write_commit(h->db, w);
fail:
	db_write_rollback(h->db, w);
	return cohort_status(rc, RT_ENOTFOUND, RT_OK);
}

/* Fills the struct cohort_of_org at p from a row of COHORTS_OF_ORG. */
static void
cohort_of_org_row(sqlite3_stmt *st, void *p)
{
	struct cohort_of_org	*c = p;

	c->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, c->name, sizeof(c->name));
	c->state = cohort_state_column(st, 2);
	c->joined_at = sqlite3_column_int64(st, 3);
	db_column_copy(st, 4, c->trainers, sizeof(c->trainers));
}

/* See cohort.h. */
int
cohort_list_for_org(struct dbh *h, int64_t org_id,
    struct cohort_of_org **out, size_t *n)
{
	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	return db_rows(h->rd, DB_STMT_COHORTS_OF_ORG, &org_id, 1,
	    "cohorts of org", sizeof(**out), cohort_of_org_row, (void **)out,
	    n);
}
