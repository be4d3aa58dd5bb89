/*
 * demo.c: the demonstration plan (demo.h).
 *
 * The plan files of lib/demo/ are compiled into the program as C strings
 * by the Makefile (build/lib/demo_plans.c, one per file, named after it:
 * housing.fr.json gives demo_housing_fr and demo_housing_fr_len).  They
 * are read here with import_plan_json(), each time they are needed: a
 * trainer makes a demonstration a few times a season, and reading 30 KB
 * of JSON costs less than keeping a parsed copy safe across threads.
 *
 * Creating a demonstration is one write transaction on the shared writer:
 * the cohort's state is read, the organisation and its plan are written
 * by plan_org_create_on() (plan.h), then the organisation's row in the
 * cohort, marked demo = 1 so that the debrief leaves it out.  Any failure
 * rolls all of it back.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "demo.h"
#include "export.h"
#include "i18n.h"
#include "plan.h"
#include "sql.h"
#include "workbook.h"

/* The room for import_plan_json()'s message. */
#define DEMO_ERR_LEN 512

/* The room for the organisation's name (ORG_NAME_MAX characters of UTF-8). */
#define DEMO_NAME_LEN 512

/* The compiled plan files (build/lib/demo_plans.c, made by the Makefile). */
extern const char demo_housing_fr[];
extern const size_t demo_housing_fr_len;
extern const char demo_housing_en[];
extern const size_t demo_housing_en_len;

/* See demo.h. */
const char *
demo_plan_json(enum lang lang, size_t *len)
{
	assert(len != NULL);
	if (lang == LANG_EN) {
		*len = demo_housing_en_len;
		return demo_housing_en;
	}
	*len = demo_housing_fr_len;
	return demo_housing_fr;
}

/*
 * See demo.h.  A compiled file that does not read is a mistake of the
 * build (the unit tests read both), so it is logged for the operator.
 */
int
demo_plan(enum lang lang, struct wb_plan *out)
{
	const char	*data;
	char		 err[DEMO_ERR_LEN];
	size_t		 len;
	int		 rc;

	assert(out != NULL);
	data = demo_plan_json(lang, &len);
	err[0] = '\0';
	rc = import_plan_json(data, len, out, err, sizeof(err));
	if (rc != RT_OK && rc != RT_ENOMEM) {
		fprintf(stderr, "reseauter: demo: the %s demonstration plan "
		    "does not read: %s\n", lang_codes[lang == LANG_EN ?
		    LANG_EN : LANG_FR], err);
		rc = RT_EINVAL;
	}
	return rc;
}

/* See demo.h. */
int
demo_org_name(enum lang lang, char *out, size_t outlen)
{
	const char	*data;
	size_t		 len;
	int		 rc;

	assert(out != NULL && outlen > 0);
	data = demo_plan_json(lang, &len);
	if ((rc = export_org_name(data, len, out, outlen)) != RT_OK)
		return rc;
	return out[0] == '\0' ? RT_EINVAL : RT_OK;
}

/*
 * On the writer w, inside its transaction, checks that cohort exists and
 * is not archived.  Returns RT_OK, RT_ENOTFOUND, RT_EEXPIRED, RT_EBUSY or
 * RT_EDB.
 */
static int
demo_cohort_check(struct db_conn *w, int64_t cohort)
{
	sqlite3_stmt	*st;
	const char	*state;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_DEMO_COHORT_STATE)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, cohort) != SQLITE_OK)
		rc = db_fail(w, "bind demo cohort");
	else if ((rc = db_step_row(w, st, "demo cohort")) == RT_OK) {
		state = (const char *)sqlite3_column_text(st, 0);
		if (state != NULL && strcmp(state, "archived") == 0)
			rc = RT_EEXPIRED;
	}
	db_stmt_release(st);
	if (rc == RT_OK || rc == RT_ENOTFOUND || rc == RT_EEXPIRED ||
	    rc == RT_EBUSY || rc == RT_ESTORAGE)
		return rc;
	return RT_EDB;
}

/*
 * On the writer w, inside its transaction, puts org in cohort as a
 * demonstration, joined by trainer at now.  Returns RT_OK, RT_EBUSY or
 * RT_EDB.
 */
static int
demo_cohort_add(struct db_conn *w, int64_t cohort, int64_t org,
    int64_t trainer, time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_DEMO_COHORT_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, cohort) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, org) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, trainer) != SQLITE_OK)
		rc = db_fail(w, "bind demo join");
	else
		rc = db_step_done(w, st, "demo join");
	db_stmt_release(st);
	return rc == RT_OK || rc == RT_EBUSY || rc == RT_ESTORAGE ? rc :
	    RT_EDB;
}

/*
 * See demo.h.  The plan is read before the write lock is taken, so that
 * the other writers do not wait for the JSON to be parsed.
 */
int
demo_org_create(struct dbh *h, int64_t cohort_id, int64_t trainer_id,
    enum lang lang, time_t now, int64_t *org_id)
{
	struct db_conn	*w;
	struct wb_plan	 p;
	char		 name[DEMO_NAME_LEN];
	int64_t		 oid = 0;
	int		 rc;

	assert(h != NULL && h->db != NULL && org_id != NULL);
	*org_id = 0;
	memset(&p, 0, sizeof(p));
	if ((rc = demo_org_name(lang, name, sizeof(name))) != RT_OK ||
	    (rc = demo_plan(lang, &p)) != RT_OK)
		goto out;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		goto out;
	if ((rc = demo_cohort_check(w, cohort_id)) != RT_OK ||
	    (rc = plan_org_create_on(w, name, trainer_id, &p, now, &oid)) !=
	    RT_OK ||
	    (rc = demo_cohort_add(w, cohort_id, oid, trainer_id, now)) !=
	    RT_OK) {
		db_write_rollback(h->db, w);
		goto out;
	}
	if ((rc = db_write_commit(h->db, w)) == RT_OK)
		*org_id = oid;
out:
	wb_plan_free(&p);
	return rc;
}
