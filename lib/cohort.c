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

#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "cohort.h"
#include "sql.h"

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
