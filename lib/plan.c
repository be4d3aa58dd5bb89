/*
 * plan.c: the sections of an organisation's plan, with their versions.
 *
 * Every section has a row in plan_sections once saved, whose version goes
 * up by one at each save.  A save runs in one write transaction that first
 * reads the version: if it is not the one the person started from, the
 * transaction is rolled back and the save answers RT_ECONFLICT, so nothing
 * of it is written.  A load reads the data and its stamp in one read
 * transaction, so the version handed back is the version of the data
 * handed back (otherwise a save in between could be overwritten by a save
 * based on stale text that carries the newer version).
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "auth.h"
#include "i18n.h"
#include "plan.h"
#include "sql.h"

/* The names of the sections in plan_sections.section. */
#define PLAN_SECTION_MISSION    "mission"
#define PLAN_SECTION_OBJECTIVES "objectives"

/* Stored in plan_objectives.kind: never change one once released. */
const char *const plan_objective_kind_keys[OBJ_KIND__MAX + 1] = {
	[OBJ_KIND_ACTIVITY] = "activity",
	[OBJ_KIND_IMPACT] = "impact",
	[OBJ_KIND_AUDIENCES] = "audiences",
	[OBJ_KIND_NETWORKS] = "networks",
	[OBJ_KIND_TEST_IDEAS] = "test_ideas",
	[OBJ_KIND_EVALUATE] = "evaluate",
	[OBJ_KIND_RECRUIT_STAFF] = "recruit_staff",
	[OBJ_KIND_DOCUMENT] = "document",
	[OBJ_KIND_WEBSITE] = "website",
	[OBJ_KIND_SELL] = "sell",
	[OBJ_KIND_EVENTS] = "events",
	[OBJ_KIND_MOBILISE] = "mobilise",
	[OBJ_KIND_FUNDRAISE] = "fundraise",
	[OBJ_KIND_VOLUNTEERS] = "volunteers",
	[OBJ_KIND__MAX] = NULL
};

/* The message ids of the kinds, translated through po/. */
const char *const plan_objective_kind_msgids[OBJ_KIND__MAX] = {
	[OBJ_KIND_ACTIVITY] = N_("Make our activity known"),
	[OBJ_KIND_IMPACT] = N_("Make our impact known"),
	[OBJ_KIND_AUDIENCES] = N_("Reach specific audiences"),
	[OBJ_KIND_NETWORKS] =
	    N_("Join networks of organisations with the same mission"),
	[OBJ_KIND_TEST_IDEAS] = N_("Test ideas and consult"),
	[OBJ_KIND_EVALUATE] = N_("Evaluate activities"),
	[OBJ_KIND_RECRUIT_STAFF] = N_("Recruit staff"),
	[OBJ_KIND_DOCUMENT] = N_("Document experiences, in writing and photos"),
	[OBJ_KIND_WEBSITE] = N_("An alternative to a traditional website"),
	[OBJ_KIND_SELL] = N_("Sell products or services"),
	[OBJ_KIND_EVENTS] = N_("Promote events and manage registrations"),
	[OBJ_KIND_MOBILISE] = N_("Mobilise citizens"),
	[OBJ_KIND_FUNDRAISE] = N_("Raise funds"),
	[OBJ_KIND_VOLUNTEERS] = N_("Recruit volunteers"),
};

/*
 * Returns the enum plan_objective_kind of the key in column col of st, or
 * -1 for NULL (not chosen) and for a key this program does not know (a
 * newer program's), which then reads as "not chosen" rather than failing.
 */
static int
plan_kind_column(sqlite3_stmt *st, int col)
{
	const unsigned char	*v = sqlite3_column_text(st, col);
	int			 i;

	if (v == NULL)
		return -1;
	for (i = 0; i < OBJ_KIND__MAX; i++)
		if (strcmp((const char *)v, plan_objective_kind_keys[i]) == 0)
			return i;
	return -1;
}

/*
 * Reads the stamp of section of org on c into *stamp, zeroed when the
 * section was never saved.  Returns RT_OK or RT_EDB.
 */
static int
plan_stamp_load(struct db_conn *c, int64_t org, const char *section,
    struct plan_stamp *stamp)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(stamp, 0, sizeof(*stamp));
	if ((st = db_stmt(c, DB_STMT_SECTION_STAMP)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, section, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(c, "bind stamp");
	else if ((rc = db_step_row(c, st, "section stamp")) == RT_OK) {
		stamp->version = sqlite3_column_int64(st, 0);
		stamp->updated_at = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, stamp->updated_by,
		    sizeof(stamp->updated_by));
	}
	db_stmt_release(st);
	if (rc == RT_ENOTFOUND)
		return RT_OK;
	return rc == RT_OK ? RT_OK : RT_EDB;
}

/*
 * On the writer w, inside its transaction, checks that section of org is
 * still at version base (0 when never saved).  Returns RT_OK, RT_ECONFLICT
 * when it moved on, or RT_EDB / RT_EBUSY.
 */
static int
plan_section_check(struct db_conn *w, int64_t org, const char *section,
    int64_t base)
{
	sqlite3_stmt	*st;
	int64_t		 version = 0;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_SECTION_VERSION)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, section, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(w, "bind version");
	else if ((rc = db_step_row(w, st, "section version")) == RT_OK)
		version = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	if (rc == RT_ENOTFOUND)
		rc = RT_OK;
	if (rc != RT_OK)
		return rc == RT_EBUSY ? RT_EBUSY : RT_EDB;
	return version == base ? RT_OK : RT_ECONFLICT;
}

/*
 * On the writer w, raises the version of section of org by one (to 1 when
 * never saved) and records who saved it and when.  A nonexistent org
 * fails on its foreign key.  Returns RT_OK or RT_EDB / RT_EBUSY.
 */
static int
plan_section_bump(struct db_conn *w, int64_t org, const char *section,
    int64_t user, time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_SECTION_BUMP)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, section, -1, SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, user) != SQLITE_OK)
		rc = db_fail(w, "bind bump");
	else
		rc = db_step_done(w, st, "bump section");
	db_stmt_release(st);
	if (rc != RT_OK)
		return rc == RT_EBUSY ? RT_EBUSY : RT_EDB;
	return RT_OK;
}

/* See plan.h.  NULL fields are allowed (a half-filled struct). */
void
plan_mission_free(struct plan_mission *m)
{
	if (m == NULL)
		return;
	free(m->mission);
	free(m->means);
	free(m->strategy);
	memset(m, 0, sizeof(*m));
}

/*
 * See plan.h.  On failure *out is zeroed and holds nothing to free.
 */
int
plan_mission_load(struct dbh *h, int64_t org_id, struct plan_mission *out)
{
	sqlite3_stmt	*st = NULL;
	int		 rc;

	assert(h != NULL && h->rd != NULL && out != NULL);
	memset(out, 0, sizeof(*out));
	if ((rc = db_read_begin(h->rd)) != RT_OK)
		return RT_EDB;
	if ((rc = plan_stamp_load(h->rd, org_id, PLAN_SECTION_MISSION,
	    &out->stamp)) != RT_OK)
		goto out;
	if ((st = db_stmt(h->rd, DB_STMT_MISSION_GET)) == NULL) {
		rc = RT_EDB;
		goto out;
	}
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK) {
		rc = db_fail(h->rd, "bind mission");
		goto out;
	}
	rc = db_step_row(h->rd, st, "get mission");
	if (rc == RT_OK) {
		out->mission = db_column_dup(st, 0);
		out->means = db_column_dup(st, 1);
		out->strategy = db_column_dup(st, 2);
	} else if (rc == RT_ENOTFOUND) {
		out->mission = strdup("");
		out->means = strdup("");
		out->strategy = strdup("");
		rc = RT_OK;
	}
	if (rc == RT_OK && (out->mission == NULL || out->means == NULL ||
	    out->strategy == NULL))
		rc = RT_ENOMEM;
out:
	db_stmt_release(st);
	db_read_end(h->rd);
	if (rc != RT_OK) {
		plan_mission_free(out);
		return rc == RT_ENOMEM ? RT_ENOMEM : RT_EDB;
	}
	return RT_OK;
}

/*
 * See plan.h.  NULL strings in m are saved as "".  A save to an org that
 * does not exist fails on its foreign key (RT_EDB).
 */
int
plan_mission_save(struct dbh *h, int64_t org_id, int64_t user_id,
    const struct plan_mission *m, int64_t base_version, time_t now)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->db != NULL && m != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = plan_section_check(w, org_id, PLAN_SECTION_MISSION,
	    base_version)) != RT_OK)
		goto fail;
	if ((st = db_stmt(w, DB_STMT_MISSION_PUT)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, m->mission != NULL ? m->mission : "",
	    -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, m->means != NULL ? m->means : "",
	    -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, m->strategy != NULL ? m->strategy : "",
	    -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(w, "bind mission");
	else
		rc = db_step_done(w, st, "put mission");
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	if ((rc = plan_section_bump(w, org_id, PLAN_SECTION_MISSION, user_id,
	    now)) != RT_OK)
		goto fail;
	return db_write_commit(h->db, w);
fail:
	db_write_rollback(h->db, w);
	if (rc == RT_ECONFLICT || rc == RT_EBUSY)
		return rc;
	return RT_EDB;
}

/* See plan.h.  NULL strings are allowed; n is reset too. */
void
plan_objectives_free(struct plan_objectives *o)
{
	size_t	 i;

	if (o == NULL)
		return;
	for (i = 0; i < PLAN_MAX_OBJECTIVES; i++) {
		free(o->items[i].text);
		free(o->items[i].serves);
		free(o->items[i].indicator);
		free(o->items[i].target);
	}
	memset(o, 0, sizeof(*o));
}

/*
 * See plan.h.  Items come in the order of their position; a database with
 * more than PLAN_MAX_OBJECTIVES rows (impossible under the schema's
 * CHECK) would only give the first ones.  Unused items are zeroed with
 * kind -1.  On failure *out is zeroed and holds nothing to free.
 */
int
plan_objectives_load(struct dbh *h, int64_t org_id,
    struct plan_objectives *out)
{
	sqlite3_stmt		*st = NULL;
	struct plan_objective	*it;
	size_t			 i;
	int			 rc;

	assert(h != NULL && h->rd != NULL && out != NULL);
	memset(out, 0, sizeof(*out));
	for (i = 0; i < PLAN_MAX_OBJECTIVES; i++)
		out->items[i].kind = -1;
	if ((rc = db_read_begin(h->rd)) != RT_OK)
		return RT_EDB;
	if ((rc = plan_stamp_load(h->rd, org_id, PLAN_SECTION_OBJECTIVES,
	    &out->stamp)) != RT_OK)
		goto out;
	if ((st = db_stmt(h->rd, DB_STMT_OBJECTIVES_GET)) == NULL) {
		rc = RT_EDB;
		goto out;
	}
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK) {
		rc = db_fail(h->rd, "bind objectives");
		goto out;
	}
	while (out->n < PLAN_MAX_OBJECTIVES &&
	    (rc = db_step_row(h->rd, st, "get objectives")) == RT_OK) {
		it = &out->items[out->n++];
		it->text = db_column_dup(st, 0);
		it->kind = plan_kind_column(st, 1);
		it->serves = db_column_dup(st, 2);
		it->indicator = db_column_dup(st, 3);
		it->target = db_column_dup(st, 4);
		db_column_copy(st, 5, it->due, sizeof(it->due));
		if (it->text == NULL || it->serves == NULL ||
		    it->indicator == NULL || it->target == NULL) {
			rc = RT_ENOMEM;
			goto out;
		}
	}
	if (rc == RT_ENOTFOUND || rc == RT_OK)
		rc = RT_OK;
out:
	db_stmt_release(st);
	db_read_end(h->rd);
	if (rc != RT_OK) {
		plan_objectives_free(out);
		return rc == RT_ENOMEM ? RT_ENOMEM : RT_EDB;
	}
	return RT_OK;
}

/*
 * Inserts objective it at position pos (1-based) of org on the writer w.
 * kind -1 is stored as NULL; due "" as "".  Returns RT_OK or RT_EDB /
 * RT_EBUSY (a due that is not a real date fails the schema's CHECK).
 */
static int
plan_objective_add(struct db_conn *w, int64_t org, int pos,
    const struct plan_objective *it)
{
	sqlite3_stmt	*st;
	const char	*kind;
	int		 rc;

	assert(it->kind >= -1 && it->kind < OBJ_KIND__MAX);
	kind = it->kind < 0 ? NULL : plan_objective_kind_keys[it->kind];
	if ((st = db_stmt(w, DB_STMT_OBJECTIVE_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_int(st, 2, pos) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, it->text != NULL ? it->text : "", -1,
	    SQLITE_STATIC) != SQLITE_OK ||
	    (kind != NULL ? sqlite3_bind_text(st, 4, kind, -1,
	    SQLITE_STATIC) : sqlite3_bind_null(st, 4)) != SQLITE_OK ||
	    sqlite3_bind_text(st, 5, it->serves != NULL ? it->serves : "", -1,
	    SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 6, it->indicator != NULL ? it->indicator :
	    "", -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 7, it->target != NULL ? it->target : "", -1,
	    SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 8, it->due, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(w, "bind objective");
	else
		rc = db_step_done(w, st, "add objective");
	db_stmt_release(st);
	if (rc != RT_OK)
		return rc == RT_EBUSY ? RT_EBUSY : RT_EDB;
	return RT_OK;
}

/*
 * See plan.h.  o->n must be at most PLAN_MAX_OBJECTIVES and every kind
 * -1 or a valid enum value (asserted: the form layer checks them).  The
 * old objectives are deleted and the new ones inserted at positions
 * 1..n, all in the one transaction.
 */
int
plan_objectives_save(struct dbh *h, int64_t org_id, int64_t user_id,
    const struct plan_objectives *o, int64_t base_version, time_t now)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	assert(h != NULL && h->db != NULL && o != NULL);
	assert(o->n <= PLAN_MAX_OBJECTIVES);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = plan_section_check(w, org_id, PLAN_SECTION_OBJECTIVES,
	    base_version)) != RT_OK)
		goto fail;
	if ((st = db_stmt(w, DB_STMT_OBJECTIVES_CLEAR)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK)
		rc = db_fail(w, "bind clear objectives");
	else
		rc = db_step_done(w, st, "clear objectives");
	db_stmt_release(st);
	if (rc != RT_OK)
		goto fail;
	for (i = 0; i < o->n; i++)
		if ((rc = plan_objective_add(w, org_id, (int)i + 1,
		    &o->items[i])) != RT_OK)
			goto fail;
	if ((rc = plan_section_bump(w, org_id, PLAN_SECTION_OBJECTIVES,
	    user_id, now)) != RT_OK)
		goto fail;
	return db_write_commit(h->db, w);
fail:
	db_write_rollback(h->db, w);
	if (rc == RT_ECONFLICT || rc == RT_EBUSY)
		return rc;
	return RT_EDB;
}
