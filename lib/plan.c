/*
 * plan.c: the sections of an organisation's plan, their revisions and the
 * plan's standing, stored as JSON documents.
 *
 * A section lives in one row of plan_sections (keyed by its slug, as
 * wb_sections[] declares it) holding its document, as wb_data_write_json()
 * writes it, and its version.  A save is one write transaction on the
 * shared writer: it reads the version, refuses with RT_ECONFLICT when it
 * is not the one the person started from (nothing is written then), writes
 * the document and its revision at the next version, stores the plan's
 * standing as it is with that document, and commits.  Since every save
 * holds the write lock from the version check to the commit, two saves
 * based on the same version cannot both succeed: no update is lost.
 *
 * The writer is one for every thread, so a save keeps its work inside the
 * transaction small: the standing is worked out beforehand from the plan
 * the person's page was made from (plan_prepare()), and the transaction
 * checks that every section is still at the version it was worked out
 * from before writing it (plan_save_write()).  When one moved on, the
 * transaction works the standing out itself from the plan as the writer
 * sees it (plan_after_write()), as restores and imports always do.
 *
 * A load is a single SELECT, so the version handed back is the version of
 * the document handed back.  A stored document that does not read back
 * (which a correct program never writes) is logged and answered RT_EDB
 * rather than shown half-read.
 *
 * Who frees: every function that fills a struct wb_data or wb_plan leaves
 * it, on success and on failure alike, in a state that wb_data_free() or
 * wb_plan_free() accepts; on failure it has already been emptied.
 */
#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "status.h"
#include "buf.h"
#include "coach.h"
#include "db.h"
#include "json.h"
#include "plan.h"
#include "sql.h"
#include "workbook.h"

/*
 * The deepest nesting a section's document has is 3 (the document, its
 * "lists" object, a list's array, an item); the standing's percents have
 * 1.  A little room is left, never more than JSON_MAX_DEPTH.
 */
#define PLAN_JSON_DEPTH 8

/* The room for a reader's error message about a stored document. */
#define PLAN_ERR_LEN 256

/*
 * Returns the slug under which section is stored ("mission").  An out of
 * range section is a programming error, asserted.
 */
static const char *
plan_slug(int section)
{
	assert(section >= 0 && section < WB__MAX);
	return wb_sections[section].slug;
}

/*
 * Maps the status rc of a database call to what this module answers:
 * RT_OK, RT_EBUSY, RT_ESTORAGE and RT_ENOMEM stay, and so does allowed
 * (pass RT_OK for none); anything else (a RT_EEXISTS no caller
 * expects...) is RT_EDB.
 */
static int
plan_status(int rc, int allowed)
{
	if (rc == RT_OK || rc == RT_EBUSY || rc == RT_ESTORAGE ||
	    rc == RT_ENOMEM || rc == allowed)
		return rc;
	return RT_EDB;
}

/*
 * Makes d the empty content of section at version 0, as a section never
 * saved reads.  Returns RT_OK or RT_ENOMEM; on RT_ENOMEM d has been freed
 * (wb_data_free()), so the caller may free it again or not at all.
 */
static int
plan_data_empty(struct wb_data *d, int section)
{
	if (wb_data_init(d, section) != RT_OK) {
		wb_data_free(d);
		return RT_ENOMEM;
	}
	memset(&d->stamp, 0, sizeof(d->stamp));
	return RT_OK;
}

/*
 * Fills d, for section of org, from the stored document text (len bytes)
 * of that section at version (which only names it in the log).  The
 * document is parsed and read with wb_data_read_json(); one that does not
 * parse or read is logged (with org, section and what is wrong) and gives
 * RT_EDB.  d's stamp is left at zero.  Returns RT_OK, RT_ENOMEM or RT_EDB;
 * on failure d has been freed.
 */
static int
plan_data_read(const char *text, size_t len, int64_t org, int section,
    int64_t version, struct wb_data *d)
{
	struct json	*j = NULL;
	char		 err[PLAN_ERR_LEN];
	int		 rc;

	if ((rc = plan_data_empty(d, section)) != RT_OK)
		return rc;
	err[0] = '\0';
	if ((rc = json_parse(text, len, PLAN_JSON_DEPTH, &j, err,
	    sizeof(err))) == RT_OK)
		rc = wb_data_read_json(d, j, err, sizeof(err));
	json_free(j);
	if (rc == RT_OK)
		return RT_OK;
	if (rc != RT_ENOMEM) {
		fprintf(stderr, "reseauter: plan: org %lld, section %s, version "
		    "%lld: the stored document does not read: %s\n",
		    (long long)org, plan_slug(section), (long long)version, err);
		rc = RT_EDB;
	}
	wb_data_free(d);
	return rc;
}

/*
 * Fills d, for section of org, from the current row of st whose columns
 * from col are: version, time, author's name, document, with
 * plan_data_read().  Returns RT_OK, RT_ENOMEM or RT_EDB; on failure d has
 * been freed.
 */
static int
plan_data_from_row(sqlite3_stmt *st, int col, int64_t org, int section,
    struct wb_data *d)
{
	const char	*text;
	int64_t		 version = sqlite3_column_int64(st, col);
	int		 rc;

	text = (const char *)sqlite3_column_text(st, col + 3);
	if (text == NULL) {
		memset(d, 0, sizeof(*d));
		d->section = section;
		if (sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM)
			return RT_ENOMEM;
		fprintf(stderr, "reseauter: plan: org %lld, section %s, version "
		    "%lld: the stored document does not read: no document\n",
		    (long long)org, plan_slug(section), (long long)version);
		return RT_EDB;
	}
	if ((rc = plan_data_read(text, (size_t)sqlite3_column_bytes(st,
	    col + 3), org, section, version, d)) != RT_OK)
		return rc;
	d->stamp.version = version;
	d->stamp.updated_at = sqlite3_column_int64(st, col + 1);
	db_column_copy(st, col + 2, d->stamp.updated_by,
	    sizeof(d->stamp.updated_by));
	return RT_OK;
}

/*
 * Loads section of org through connection c (a reader, or the writer
 * inside its transaction) into d; no row gives the empty section at
 * version 0.  Returns RT_OK, RT_ENOMEM, RT_EBUSY or RT_EDB; on failure d
 * has been freed.
 */
static int
plan_load_on(struct db_conn *c, int64_t org, int section, struct wb_data *d)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(c, DB_STMT_SECTION_GET)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, plan_slug(section), -1, SQLITE_STATIC) !=
	    SQLITE_OK) {
		rc = db_fail(c, "bind section");
		goto fail;
	}
	rc = db_step_row(c, st, "get section");
	if (rc == RT_OK)
		rc = plan_data_from_row(st, 0, org, section, d);
	else if (rc == RT_ENOTFOUND)
		rc = plan_data_empty(d, section);
	db_stmt_release(st);
	return plan_status(rc, RT_OK);
fail:
	db_stmt_release(st);
	memset(d, 0, sizeof(*d));
	d->section = section;
	return plan_status(rc, RT_OK);
}

/*
 * Returns 1 when section has a list made from another section's items
 * (the evaluation's reviews, one per objective), 0 when not.
 */
static int
plan_has_synced_list(int section)
{
	size_t	 l;

	for (l = 0; l < wb_sections[section].nlists; l++)
		if (wb_sections[section].lists[l].items_from_section >= 0)
			return 1;
	return 0;
}

/*
 * Brings every list of the sections of p in need (bits of section
 * numbers) made from another section's items in step with that section
 * (wb_data_sync_items()), as a plan is read.  Only the sections that
 * plan_has_synced_list() names are changed.  Returns RT_OK or RT_ENOMEM.
 */
static int
plan_sync_lists(struct wb_plan *p, unsigned need)
{
	int	 i, rc;

	for (i = 0; i < WB__MAX; i++)
		if ((need & (1u << i)) && plan_has_synced_list(i) &&
		    (rc = wb_data_sync_items(&p->s[i], p)) != RT_OK)
			return rc;
	return RT_OK;
}

/*
 * Fills d, for section of org, from the current row of st whose columns
 * from col are: version, time, author's name, document; as
 * plan_data_from_row() does, but with wb_data_read_stored().  Returns
 * RT_OK, RT_ENOMEM or RT_EDB (logged); on failure d has been freed.
 */
static int
plan_view_from_row(sqlite3_stmt *st, int col, int64_t org, int section,
    struct wb_data *d)
{
	struct json	*j = NULL;
	const char	*text;
	char		 err[PLAN_ERR_LEN];
	size_t		 len;
	int		 rc;

	if ((rc = plan_data_empty(d, section)) != RT_OK)
		return rc;
	err[0] = '\0';
	text = (const char *)sqlite3_column_text(st, col + 3);
	len = (size_t)sqlite3_column_bytes(st, col + 3);
	if (text == NULL) {
		rc = sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM ?
		    RT_ENOMEM : RT_EINVAL;
		snprintf(err, sizeof(err), "no document");
	} else if ((rc = json_parse(text, len, PLAN_JSON_DEPTH, &j, err,
	    sizeof(err))) == RT_OK)
		rc = wb_data_read_stored(d, j, err, sizeof(err));
	json_free(j);
	if (rc != RT_OK) {
		if (rc != RT_ENOMEM) {
			fprintf(stderr, "reseauter: plan: org %lld, section "
			    "%s, version %lld: the stored document does not "
			    "read: %s\n", (long long)org, plan_slug(section),
			    (long long)sqlite3_column_int64(st, col), err);
			rc = RT_EDB;
		}
		wb_data_free(d);
		return rc;
	}
	d->stamp.version = sqlite3_column_int64(st, col);
	d->stamp.updated_at = sqlite3_column_int64(st, col + 1);
	db_column_copy(st, col + 2, d->stamp.updated_by,
	    sizeof(d->stamp.updated_by));
	return RT_OK;
}

/*
 * Loads the sections of org through connection c into p: for the sections
 * in need (bits of section numbers), their content, read as a save
 * validates it (plan_data_from_row()) or, with stored, as stored
 * (plan_view_from_row(), for a page that only shows it); for the others,
 * their stamp only; the sections with no row empty.  Then the lists of
 * the sections in need made from another section's items (the
 * evaluation's reviews, one per objective) are brought up to date with
 * wb_data_sync_items().  A row whose slug this program does not declare
 * is skipped.  The caller holds a transaction on c when it needs the
 * sections to agree with each other.  Returns RT_OK, RT_ENOMEM, RT_EBUSY
 * or RT_EDB; on failure p has been freed.
 */
static int
plan_sections_on(struct db_conn *c, int64_t org, unsigned need, int stored,
    struct wb_plan *p)
{
	sqlite3_stmt	*st;
	const char	*slug;
	struct wb_data	*d;
	int		 loaded[WB__MAX];
	int		 rc, i, section;

	memset(p, 0, sizeof(*p));
	memset(loaded, 0, sizeof(loaded));
	for (i = 0; i < WB__MAX; i++)
		p->s[i].section = i;
	if ((st = db_stmt(c, DB_STMT_SECTIONS_OF_ORG)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK) {
		rc = db_fail(c, "bind sections");
		goto fail;
	}
	while ((rc = db_step_row(c, st, "get sections")) == RT_OK) {
		slug = (const char *)sqlite3_column_text(st, 0);
		if (slug == NULL || (section = wb_section_by_slug(slug)) < 0 ||
		    loaded[section])
			continue;
		d = &p->s[section];
		if (!(need & (1u << section))) {
			if ((rc = plan_data_empty(d, section)) == RT_OK) {
				d->stamp.version = sqlite3_column_int64(st, 1);
				d->stamp.updated_at =
				    sqlite3_column_int64(st, 2);
				db_column_copy(st, 3, d->stamp.updated_by,
				    sizeof(d->stamp.updated_by));
			}
		} else if (stored)
			rc = plan_view_from_row(st, 1, org, section, d);
		else
			rc = plan_data_from_row(st, 1, org, section, d);
		if (rc != RT_OK)
			goto fail;
		loaded[section] = 1;
	}
	if (rc != RT_ENOTFOUND)
		goto fail;
	db_stmt_release(st);
	st = NULL;
	for (i = 0; i < WB__MAX; i++)
		if (!loaded[i] && (rc = plan_data_empty(&p->s[i], i)) != RT_OK)
			goto fail;
	if ((rc = plan_sync_lists(p, need)) != RT_OK)
		goto fail;
	return RT_OK;
fail:
	db_stmt_release(st);
	wb_plan_free(p);
	return plan_status(rc, RT_OK);
}

/* Loads every section of org through c into p, as plan_sections_on() does. */
static int
plan_load_all_on(struct db_conn *c, int64_t org, struct wb_plan *p)
{
	return plan_sections_on(c, org, PLAN_ALL_SECTIONS, 0, p);
}

/*
 * Computes the standing of p into out: coach_progress() for the
 * completion, coach_pitfalls() for the count of pitfalls (asked to count
 * only, with no room for them).  updated_at is left at 0 for the caller.
 */
static void
plan_standing_compute(const struct wb_plan *p, struct plan_standing *out)
{
	struct coach_progress	 prog;
	size_t			 n;
	int			 i;

	memset(out, 0, sizeof(*out));
	coach_progress(p, &prog);
	for (i = 0; i < WB__MAX; i++)
		out->percent[i] = prog.percent[i];
	out->overall = prog.overall;
	n = coach_pitfalls(p, NULL, 0);
	out->pitfalls = n > INT_MAX ? INT_MAX : (int)n;
}

/*
 * On the writer w, inside its transaction, reads the version of section
 * of org into *version (0 when never saved).  Returns RT_OK, RT_EBUSY or
 * RT_EDB.
 */
static int
plan_version_on(struct db_conn *w, int64_t org, int section,
    int64_t *version)
{
	sqlite3_stmt	*st;
	int		 rc;

	*version = 0;
	if ((st = db_stmt(w, DB_STMT_SECTION_VERSION)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, plan_slug(section), -1, SQLITE_STATIC) !=
	    SQLITE_OK)
		rc = db_fail(w, "bind version");
	else if ((rc = db_step_row(w, st, "section version")) == RT_OK)
		*version = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	if (rc == RT_ENOTFOUND)
		rc = RT_OK;
	return plan_status(rc, RT_OK);
}

/*
 * Binds user as parameter i of st: the id, or NULL when user <= 0 (a
 * change made by no person, such as an import).  Returns the SQLite
 * result code.
 */
static int
plan_bind_user(sqlite3_stmt *st, int i, int64_t user)
{
	return user > 0 ? sqlite3_bind_int64(st, i, user) :
	    sqlite3_bind_null(st, i);
}

/*
 * On the writer w, inside its transaction, writes doc (a document of
 * wb_data_write_json(), len bytes) as the document of section of org at
 * version, then the revision of that version (restored_from is 0 for an
 * ordinary save).  The caller has checked that the section is at version
 * - 1; the statement checks it again, and a row that moved on anyway gives
 * RT_ECONFLICT.  Returns RT_OK, RT_ECONFLICT, RT_ENOMEM, RT_EBUSY or
 * RT_EDB (an org or user that does not exist fails on its foreign key).
 */
static int
plan_put_doc(struct db_conn *w, int64_t org, int64_t user, int section,
    const char *doc, size_t len, int64_t version, int64_t restored_from,
    time_t now)
{
	sqlite3_stmt		*st = NULL;
	const char		*slug = plan_slug(section);
	int			 rc;

	if ((st = db_stmt(w, DB_STMT_SECTION_PUT)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, slug, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, version) != SQLITE_OK ||
	    sqlite3_bind_text64(st, 4, doc, len, SQLITE_STATIC,
	    SQLITE_UTF8) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, (int64_t)now) != SQLITE_OK ||
	    plan_bind_user(st, 6, user) != SQLITE_OK) {
		rc = db_fail(w, "bind section");
		goto out;
	}
	if ((rc = db_step_done(w, st, "put section")) != RT_OK)
		goto out;
	if (sqlite3_changes(db_conn_handle(w)) != 1) {
		rc = RT_ECONFLICT;
		goto out;
	}
	db_stmt_release(st);
	if ((st = db_stmt(w, DB_STMT_REVISION_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, slug, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, version) != SQLITE_OK ||
	    sqlite3_bind_text64(st, 4, doc, len, SQLITE_STATIC,
	    SQLITE_UTF8) != SQLITE_OK ||
	    plan_bind_user(st, 5, user) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 6, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 7, restored_from) != SQLITE_OK) {
		rc = db_fail(w, "bind revision");
		goto out;
	}
	rc = db_step_done(w, st, "add revision");
out:
	db_stmt_release(st);
	if (rc == RT_ECONFLICT)
		return rc;
	return plan_status(rc, RT_OK);
}

/*
 * Writes d as JSON into out (emptied first), as plan_put() stores it.  A
 * document that cannot be written (a value that is not valid UTF-8) is
 * logged and gives RT_EINVAL.  Returns RT_OK, RT_EINVAL or RT_ENOMEM.
 */
static int
plan_doc_stored(int64_t org, const struct wb_data *d, struct buf *out)
{
	struct json_writer	 jw;
	int			 rc;

	buf_reset(out);
	jw_init(&jw, out);
	wb_data_write_json(d, &jw);
	if ((rc = jw_finish(&jw)) == RT_OK)
		return RT_OK;
	fprintf(stderr, "reseauter: plan: org %lld, section %s: the document "
	    "cannot be written (%s)\n", (long long)org, plan_slug(d->section),
	    rt_status_name(rc));
	return rc == RT_ENOMEM ? RT_ENOMEM : RT_EINVAL;
}

/*
 * On the writer w, inside its transaction, writes d as the document of its
 * section of org at version, with its revision: plan_put_doc() of what
 * plan_doc_stored() makes of d.  Returns RT_OK, RT_ECONFLICT, RT_EINVAL
 * (a document that cannot be written), RT_ENOMEM, RT_EBUSY or RT_EDB.
 */
static int
plan_put(struct db_conn *w, int64_t org, int64_t user,
    const struct wb_data *d, int64_t version, int64_t restored_from,
    time_t now)
{
	struct buf	 doc;
	int		 rc;

	memset(&doc, 0, sizeof(doc));
	if ((rc = plan_doc_stored(org, d, &doc)) == RT_OK)
		rc = plan_put_doc(w, org, user, d->section, buf_str(&doc),
		    doc.len, version, restored_from, now);
	buf_free(&doc);
	return rc;
}

/*
 * Writes the percents of s as the JSON object that plan_standing.percents
 * holds, {"<slug>": <percent>, ...} over every section, into out.
 * Returns jw_finish()'s status: RT_OK or RT_ENOMEM (the slugs are ASCII).
 */
static int
plan_percents_json(const struct plan_standing *s, struct buf *out)
{
	struct json_writer	 jw;
	int			 i;

	jw_init(&jw, out);
	jw_object_begin(&jw);
	for (i = 0; i < WB__MAX; i++) {
		jw_key(&jw, plan_slug(i));
		jw_int(&jw, s->percent[i]);
	}
	jw_object_end(&jw);
	return jw_finish(&jw);
}

/*
 * Writes d as JSON into out (emptied first).  Returns jw_finish()'s status.
 */
static int
plan_doc(const struct wb_data *d, struct buf *out)
{
	struct json_writer	 jw;

	buf_reset(out);
	jw_init(&jw, out);
	wb_data_write_json(d, &jw);
	return jw_finish(&jw);
}

/*
 * On the writer w, after section of org was written: the other sections
 * that point at items of it which are gone (a post's objective, a
 * platform's personas, the review of a removed objective) are saved again
 * without those references, as new versions by user, so that an id given
 * later to a new item never inherits what pointed at an old one.  p is the
 * plan as w sees it now (its lists made from other sections already in
 * step).  Sets *changed when anything was written.  Returns RT_OK,
 * RT_ENOMEM, RT_EBUSY or RT_EDB.
 */
static int
plan_cascade(struct db_conn *w, int64_t org, int64_t user, int section,
    const struct wb_plan *p, time_t now, int *changed)
{
	struct wb_data	 raw;
	struct buf	 before, after;
	int		 i, rc = RT_OK, pr;

	memset(&before, 0, sizeof(before));
	memset(&after, 0, sizeof(after));
	*changed = 0;
	for (i = 0; i < WB__MAX && rc == RT_OK; i++) {
		if (i == section)
			continue;
		if ((rc = plan_load_on(w, org, i, &raw)) != RT_OK)
			break;
		if (raw.stamp.version == 0 ||
		    (rc = plan_doc(&raw, &before)) != RT_OK)
			goto next;
		if ((rc = wb_data_sync_items(&raw, p)) != RT_OK)
			goto next;
		if ((pr = wb_data_prune_refs(&raw, p)) < 0) {
			rc = RT_ENOMEM;
			goto next;
		}
		if ((rc = plan_doc(&raw, &after)) != RT_OK)
			goto next;
		if (before.len == after.len &&
		    memcmp(buf_str(&before), buf_str(&after), before.len) == 0)
			goto next;
		rc = plan_put(w, org, user, &raw, raw.stamp.version + 1, 0, now);
		*changed = 1;
next:
		wb_data_free(&raw);
	}
	buf_free(&before);
	buf_free(&after);
	return rc == RT_EINVAL ? RT_EDB : rc;
}

/*
 * On the writer w, inside its transaction, stores s as the standing of
 * org at time now, with percents, the JSON object plan_percents_json()
 * made of s.  Returns RT_OK, RT_ENOMEM, RT_EBUSY or RT_EDB.
 */
static int
plan_standing_put(struct db_conn *w, int64_t org,
    const struct plan_standing *s, const struct buf *percents, time_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_STANDING_PUT)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_int(st, 2, s->overall) != SQLITE_OK ||
	    sqlite3_bind_int(st, 3, s->pitfalls) != SQLITE_OK ||
	    sqlite3_bind_text64(st, 4, buf_str(percents), percents->len,
	    SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind standing");
	else
		rc = db_step_done(w, st, "put standing");
	db_stmt_release(st);
	return plan_status(rc, RT_OK);
}

/*
 * On the writer w, after a section of org was written inside its
 * transaction: brings the sections that pointed at removed items in step
 * (plan_cascade), loads the whole plan as w sees it (so the other
 * sections and the one just written agree), computes the standing and
 * stores it at time now, and copies the new stamp of section into *stamp
 * (section -1: every section was written, none is skipped by the cascade,
 * and *stamp is left alone).  Returns RT_OK, RT_ENOMEM, RT_EBUSY or RT_EDB.
 */
static int
plan_after_write(struct db_conn *w, int64_t org, int64_t user, int section,
    time_t now, struct wb_stamp *stamp)
{
	struct wb_plan		 p;
	struct plan_standing	 s;
	struct buf		 percents;
	int			 rc, changed;

	memset(&percents, 0, sizeof(percents));
	if ((rc = plan_load_all_on(w, org, &p)) != RT_OK)
		return rc;
	rc = plan_cascade(w, org, user, section, &p, now, &changed);
	if (rc == RT_OK && changed) {
		wb_plan_free(&p);
		rc = plan_load_all_on(w, org, &p);
		if (rc != RT_OK)
			return rc;
	} else if (rc != RT_OK) {
		wb_plan_free(&p);
		return rc;
	}
	plan_standing_compute(&p, &s);
	if (section >= 0)
		*stamp = p.s[section].stamp;
	wb_plan_free(&p);
	if ((rc = plan_percents_json(&s, &percents)) == RT_OK)
		rc = plan_standing_put(w, org, &s, &percents, now);
	buf_free(&percents);
	return plan_status(rc, RT_OK);
}

/*
 * See plan.h.  A single statement reads the row, so no transaction is
 * needed.  Also returns RT_EBUSY (db.h).  On failure d is emptied.
 */
int
plan_load(struct dbh *h, int64_t org_id, int section, struct wb_data *d)
{
	assert(h != NULL && h->rd != NULL && d != NULL);
	assert(section >= 0 && section < WB__MAX);
	return plan_load_on(h->rd, org_id, section, d);
}

/*
 * See plan.h.  The one statement that reads every row already sees one
 * snapshot; the read transaction states it, and keeps it so should the
 * loading ever take several statements.  On failure p is emptied.
 */
int
plan_load_all(struct dbh *h, int64_t org_id, struct wb_plan *p)
{
	int	 rc;

	assert(h != NULL && h->rd != NULL && p != NULL);
	if ((rc = db_read_begin(h->rd)) != RT_OK) {
		memset(p, 0, sizeof(*p));
		return RT_EDB;
	}
	rc = plan_load_all_on(h->rd, org_id, p);
	db_read_end(h->rd);
	return rc;
}

/*
 * Returns 1 when a save of another section can make plan_cascade() write
 * section again: it has a list made from another section's items, or a
 * reference to another section's items (REF, REFS); 0 when not.
 */
static int
plan_may_cascade(int section)
{
	const struct wb_section_def	*sec = &wb_sections[section];
	size_t				 f, l;

	if (plan_has_synced_list(section))
		return 1;
	for (f = 0; f < sec->nfields; f++)
		if (sec->fields[f].widget == WB_REF ||
		    sec->fields[f].widget == WB_REFS)
			return 1;
	for (l = 0; l < sec->nlists; l++)
		for (f = 0; f < sec->lists[l].nfields; f++)
			if (sec->lists[l].fields[f].widget == WB_REF ||
			    sec->lists[l].fields[f].widget == WB_REFS)
				return 1;
	return 0;
}

/*
 * A save worked out before its write transaction (plan_prepare()): what
 * plan_after_write() would find once the section is written, provided
 * that every section is still at the version it was read at.
 */
struct plan_prep {
	struct wb_plan		 q;		  /* the plan after the save */
	int			 owned[WB__MAX];  /* q.s[i] is this struct's; else the caller's plan's */
	int64_t			 based[WB__MAX];  /* each section's version q was made from */
	struct buf		 doc;		  /* the saved section's document */
	struct plan_standing	 standing;	  /* of q */
	struct buf		 percents;	  /* standing's percents, as stored */
	int			 cascade;	  /* plan_cascade() would write: not worked out */
};

/* Frees what pp owns; pp can be prepared again. */
static void
plan_prep_free(struct plan_prep *pp)
{
	int	 i;

	for (i = 0; i < WB__MAX; i++)
		if (pp->owned[i])
			wb_data_free(&pp->q.s[i]);
	buf_free(&pp->doc);
	buf_free(&pp->percents);
	memset(pp, 0, sizeof(*pp));
}

/*
 * Works out, outside the write transaction, the save of d as its section
 * of org at base_version + 1, from seen, the plan as plan_load_all() read
 * it (not changed): the document to write, and the plan as the writer
 * would read it right after (the saved section as its document reads
 * back, the lists made from other sections read as stored through h's
 * reader and brought in step, every other section as in seen), with its
 * standing.  When a cascade would write another section (a reference to
 * a removed item, a list out of step with its source), pp->cascade is set
 * and the rest is left to plan_after_write().  Returns RT_OK, or RT_EINVAL
 * (a document that cannot be written), RT_ENOMEM, RT_EBUSY or RT_EDB (a
 * document that does not read back, a reader's failure); on failure pp is
 * freed.  Kept out of line, as plan_save_write() is, for the profiles.
 */
static int __attribute__((noinline))
plan_prepare(struct dbh *h, int64_t org, const struct wb_plan *seen,
    const struct wb_data *d, int64_t base_version, struct plan_prep *pp)
{
	struct buf	 before, after;
	int		 i, rc, section = d->section;

	memset(pp, 0, sizeof(*pp));
	memset(&before, 0, sizeof(before));
	memset(&after, 0, sizeof(after));
	for (i = 0; i < WB__MAX; i++) {
		pp->q.s[i] = seen->s[i];
		pp->based[i] = seen->s[i].stamp.version;
	}
	/* The saved section, as the writer will read it back. */
	pp->based[section] = base_version;
	pp->owned[section] = 1;
	memset(&pp->q.s[section], 0, sizeof(pp->q.s[section]));
	if ((rc = plan_doc_stored(org, d, &pp->doc)) != RT_OK ||
	    (rc = plan_data_read(buf_str(&pp->doc), pp->doc.len, org, section,
	    base_version + 1, &pp->q.s[section])) != RT_OK)
		goto fail;
	/*
	 * A list made from another section is stored as it was last
	 * written, and seen holds it brought in step with seen: read it as
	 * stored, at whatever version it now is.
	 */
	for (i = 0; i < WB__MAX; i++) {
		if (i == section || !plan_has_synced_list(i))
			continue;
		pp->owned[i] = 1;
		memset(&pp->q.s[i], 0, sizeof(pp->q.s[i]));
		if (seen->s[i].stamp.version == 0)
			rc = plan_data_empty(&pp->q.s[i], i);
		else
			rc = plan_load_on(h->rd, org, i, &pp->q.s[i]);
		if (rc != RT_OK)
			goto fail;
		pp->based[i] = pp->q.s[i].stamp.version;
	}
	/*
	 * plan_cascade() writes a section again when bringing its lists in
	 * step, or dropping its references to removed items, changes its
	 * document.  Lists first, as the stored documents are.
	 */
	for (i = 0; i < WB__MAX && !pp->cascade; i++) {
		if (i == section || pp->based[i] == 0 ||
		    !plan_has_synced_list(i))
			continue;
		if ((rc = plan_doc(&pp->q.s[i], &before)) != RT_OK ||
		    (rc = wb_data_sync_items(&pp->q.s[i], &pp->q)) != RT_OK ||
		    (rc = plan_doc(&pp->q.s[i], &after)) != RT_OK)
			goto fail;
		pp->cascade = before.len != after.len ||
		    memcmp(buf_str(&before), buf_str(&after), before.len) != 0;
	}
	if (!pp->cascade &&
	    (rc = plan_sync_lists(&pp->q, PLAN_ALL_SECTIONS)) != RT_OK)
		goto fail;
	for (i = 0; i < WB__MAX && !pp->cascade; i++)
		if (i != section && pp->based[i] != 0 && plan_may_cascade(i))
			pp->cascade = wb_data_refs_dangle(&pp->q.s[i], &pp->q);
	if (!pp->cascade) {
		plan_standing_compute(&pp->q, &pp->standing);
		if ((rc = plan_percents_json(&pp->standing, &pp->percents)) !=
		    RT_OK)
			goto fail;
	}
	buf_free(&before);
	buf_free(&after);
	return RT_OK;
fail:
	buf_free(&before);
	buf_free(&after);
	plan_prep_free(pp);
	return rc;
}

/*
 * On the writer w, inside its transaction: compares the version of every
 * section of org with pp->based.  Returns RT_ECONFLICT when section is
 * not at pp->based[section] (someone saved it in between); else RT_OK,
 * with *moved set when another section is not at its version in
 * pp->based (pp no longer tells what the writer has) and cleared when
 * they all agree; or RT_EBUSY or RT_EDB.  A row whose slug this program
 * does not declare is not looked at.
 */
static int
plan_check_versions(struct db_conn *w, int64_t org, int section,
    const struct plan_prep *pp, int *moved)
{
	sqlite3_stmt	*st;
	const char	*slug;
	int64_t		 now[WB__MAX];
	int		 rc, i;

	memset(now, 0, sizeof(now));
	*moved = 0;
	if ((st = db_stmt(w, DB_STMT_SECTION_VERSIONS)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK) {
		rc = db_fail(w, "bind versions");
		goto out;
	}
	while ((rc = db_step_row(w, st, "section versions")) == RT_OK) {
		slug = (const char *)sqlite3_column_text(st, 0);
		if (slug != NULL && (i = wb_section_by_slug(slug)) >= 0)
			now[i] = sqlite3_column_int64(st, 1);
	}
	if (rc != RT_ENOTFOUND)
		goto out;
	rc = RT_OK;
	if (now[section] != pp->based[section]) {
		rc = RT_ECONFLICT;
		goto out;
	}
	for (i = 0; i < WB__MAX; i++)
		if (now[i] != pp->based[i])
			*moved = 1;
out:
	db_stmt_release(st);
	if (rc == RT_ECONFLICT)
		return rc;
	return plan_status(rc, RT_OK);
}

/*
 * On the writer w, inside its transaction, reads the stamp of section of
 * org into *stamp.  Returns RT_OK, RT_EBUSY or RT_EDB (also when there is
 * no such row).
 */
static int
plan_stamp_on(struct db_conn *w, int64_t org, int section,
    struct wb_stamp *stamp)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_SECTION_STAMP)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, plan_slug(section), -1, SQLITE_STATIC) !=
	    SQLITE_OK)
		rc = db_fail(w, "bind stamp");
	else if ((rc = db_step_row(w, st, "section stamp")) == RT_OK) {
		memset(stamp, 0, sizeof(*stamp));
		stamp->version = sqlite3_column_int64(st, 0);
		stamp->updated_at = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, stamp->updated_by,
		    sizeof(stamp->updated_by));
	}
	db_stmt_release(st);
	return plan_status(rc, RT_OK);
}

/*
 * The write transaction of a save of d at base_version + 1 by user_id at
 * now: when pp is not NULL (plan_prepare() worked it out) and every
 * section is still at the version pp was based on, it writes the section
 * and its revision and stores the standing as pp has them; else it writes
 * the section and plan_after_write() works the rest out inside.  On
 * RT_OK, d->stamp is the new one.  Returns as plan_save_seen().  Kept out
 * of line, so that a profile (tests/bench/cg-save.sh) counts what runs
 * under the writer's mutex on its own.
 */
static int __attribute__((noinline))
plan_save_write(struct dbh *h, int64_t org_id, int64_t user_id,
    struct wb_data *d, int64_t base_version, time_t now,
    const struct plan_prep *pp)
{
	struct db_conn	*w;
	struct wb_stamp	 stamp;
	int64_t		 version;
	int		 rc, moved = 0;

	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if (pp != NULL)
		rc = plan_check_versions(w, org_id, d->section, pp, &moved);
	else if ((rc = plan_version_on(w, org_id, d->section, &version)) ==
	    RT_OK && version != base_version)
		rc = RT_ECONFLICT;
	if (rc != RT_OK)
		goto fail;
	if (pp != NULL && !moved) {
		if ((rc = plan_put_doc(w, org_id, user_id, d->section,
		    buf_str(&pp->doc), pp->doc.len, base_version + 1, 0,
		    now)) != RT_OK ||
		    (rc = plan_standing_put(w, org_id, &pp->standing,
		    &pp->percents, now)) != RT_OK ||
		    (rc = plan_stamp_on(w, org_id, d->section, &stamp)) != RT_OK)
			goto fail;
	} else if ((rc = plan_put(w, org_id, user_id, d, base_version + 1, 0,
	    now)) != RT_OK ||
	    (rc = plan_after_write(w, org_id, user_id, d->section, now,
	    &stamp)) != RT_OK)
		goto fail;
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		return rc;
	d->stamp = stamp;
	return RT_OK;
fail:
	db_write_rollback(h->db, w);
	return rc;
}

/* See plan.h: plan_save_seen() that reads the plan itself. */
int
plan_save(struct dbh *h, int64_t org_id, int64_t user_id,
    struct wb_data *d, int64_t base_version, time_t now)
{
	return plan_save_seen(h, org_id, user_id, d, base_version, now, NULL);
}

/*
 * See plan.h.  d->section says which section; d->stamp is only changed on
 * RT_OK.  user_id <= 0 records no author.  Besides the statuses of
 * plan.h, RT_EBUSY (db.h), RT_ENOMEM, and RT_EINVAL for a d holding text
 * that is not valid UTF-8 (the forms never let one through) may come back,
 * always with nothing written.
 *
 * The work is done before the write transaction as far as it can be
 * (plan_prepare(), from seen); inside it (plan_save_write()), the
 * versions are compared with those the work was based on, and when they
 * agree the section, its revision and the standing are written as worked
 * out.  When another section moved on in between, or the save cascades,
 * or the preparation failed (but for memory), the transaction does it all
 * itself as it always did: writes the section, then plan_after_write()
 * reads the plan again as the writer sees it.  Either way the outcome is
 * the same.
 */
int
plan_save_seen(struct dbh *h, int64_t org_id, int64_t user_id,
    struct wb_data *d, int64_t base_version, time_t now,
    const struct wb_plan *seen)
{
	struct wb_plan		 own;
	struct plan_prep	 pp;
	int			 rc = RT_OK;

	assert(h != NULL && h->db != NULL && d != NULL);
	assert(d->section >= 0 && d->section < WB__MAX);
	memset(&own, 0, sizeof(own));
	memset(&pp, 0, sizeof(pp));
	if (seen == NULL && (rc = plan_load_all(h, org_id, &own)) == RT_OK)
		seen = &own;
	if (rc == RT_OK)
		rc = plan_prepare(h, org_id, seen, d, base_version, &pp);
	if (rc != RT_ENOMEM)
		rc = plan_save_write(h, org_id, user_id, d, base_version, now,
		    rc == RT_OK && !pp.cascade ? &pp : NULL);
	plan_prep_free(&pp);
	wb_plan_free(&own);
	return rc;
}

/*
 * See plan.h.  max larger than what SQLite's LIMIT takes is the same as
 * no limit; max 0 reads nothing.  The array grows by doubling.  On
 * failure *out is NULL and *n 0.  Also returns RT_EBUSY (db.h).
 */
int
plan_revisions(struct dbh *h, int64_t org_id, int section, size_t max,
    struct plan_revision **out, size_t *n)
{
	struct plan_revision	*v = NULL, *nv, *r;
	sqlite3_stmt		*st = NULL;
	size_t			 cap = 0, ncap;
	int			 rc = RT_OK;

	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	assert(section >= 0 && section < WB__MAX);
	*out = NULL;
	*n = 0;
	if (max == 0)
		return RT_OK;
	if ((st = db_stmt(h->rd, DB_STMT_REVISIONS)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, plan_slug(section), -1, SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, max > INT64_MAX ? INT64_MAX :
	    (int64_t)max) != SQLITE_OK) {
		rc = db_fail(h->rd, "bind revisions");
		goto fail;
	}
	while (*n < max && (rc = db_step_row(h->rd, st, "revisions")) ==
	    RT_OK) {
		if (*n == cap) {
			ncap = cap == 0 ? 8 : cap * 2;
			if (ncap > max)
				ncap = max;
			if (ncap > SIZE_MAX / sizeof(*v) ||
			    (nv = realloc(v, ncap * sizeof(*v))) == NULL) {
				rc = RT_ENOMEM;
				goto fail;
			}
			v = nv;
			cap = ncap;
		}
		r = &v[(*n)++];
		memset(r, 0, sizeof(*r));
		r->id = sqlite3_column_int64(st, 0);
		r->version = sqlite3_column_int64(st, 1);
		r->created_at = sqlite3_column_int64(st, 2);
		db_column_copy(st, 3, r->author, sizeof(r->author));
		r->restored_from = sqlite3_column_int64(st, 4);
	}
	if (rc != RT_OK && rc != RT_ENOTFOUND)
		goto fail;
	db_stmt_release(st);
	*out = v;
	return RT_OK;
fail:
	db_stmt_release(st);
	free(v);
	*n = 0;
	return plan_status(rc, RT_OK);
}

/*
 * Reads the revision at version of section of org through connection c
 * into d, whose stamp becomes that revision's (its version, time and
 * author).  Returns RT_OK, RT_ENOTFOUND, RT_ENOMEM, RT_EBUSY or RT_EDB; on
 * failure d is emptied.
 */
static int
plan_revision_on(struct db_conn *c, int64_t org, int section,
    int64_t version, struct wb_data *d)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(d, 0, sizeof(*d));
	d->section = section;
	if ((st = db_stmt(c, DB_STMT_REVISION_GET)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, plan_slug(section), -1, SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, version) != SQLITE_OK)
		rc = db_fail(c, "bind revision");
	else if ((rc = db_step_row(c, st, "get revision")) == RT_OK)
		rc = plan_data_from_row(st, 0, org, section, d);
	db_stmt_release(st);
	return plan_status(rc, RT_ENOTFOUND);
}

/* See plan.h.  Also returns RT_EBUSY (db.h).  On failure d is emptied. */
int
plan_revision_load(struct dbh *h, int64_t org_id, int section,
    int64_t version, struct wb_data *d)
{
	assert(h != NULL && h->rd != NULL && d != NULL);
	assert(section >= 0 && section < WB__MAX);
	return plan_revision_on(h->rd, org_id, section, version, d);
}

/*
 * See plan.h.  The version check comes first: a restore based on an
 * outdated page is a conflict even when the version asked for does not
 * exist.  The revision is read through the writer, inside the
 * transaction, and written back as read (so its document is checked by
 * wb_data_read_json() on the way).  user_id <= 0 records no author.  Also
 * returns RT_EBUSY (db.h) and RT_ENOMEM, with nothing written.
 */
int
plan_restore(struct dbh *h, int64_t org_id, int64_t user_id,
    int section, int64_t version, int64_t base_version, time_t now)
{
	struct db_conn	*w;
	struct wb_data	 d;
	struct wb_stamp	 stamp;
	int64_t		 current;
	int		 rc;

	assert(h != NULL && h->db != NULL);
	assert(section >= 0 && section < WB__MAX);
	memset(&d, 0, sizeof(d));
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = plan_version_on(w, org_id, section, &current)) != RT_OK)
		goto fail;
	if (current != base_version) {
		rc = RT_ECONFLICT;
		goto fail;
	}
	if ((rc = plan_revision_on(w, org_id, section, version, &d)) != RT_OK)
		goto fail;
	if ((rc = plan_put(w, org_id, user_id, &d, current + 1, version,
	    now)) != RT_OK)
		goto fail;
	if ((rc = plan_after_write(w, org_id, user_id, section, now, &stamp)) != RT_OK)
		goto fail;
	wb_data_free(&d);
	return db_write_commit(h->db, w);
fail:
	db_write_rollback(h->db, w);
	wb_data_free(&d);
	return rc;
}

/*
 * On the writer w, inside its transaction, saves every section of in as
 * the next version of its section of org (version 1 for a section never
 * saved), each with its revision, then stores the plan's standing.  A
 * section that moved on between the version read and the write cannot
 * happen under the write lock; should it, it is RT_EDB.  Returns RT_OK,
 * RT_EINVAL, RT_ENOMEM, RT_EBUSY or RT_EDB; the caller rolls back on
 * failure.
 */
static int
plan_put_all(struct db_conn *w, int64_t org, int64_t user,
    const struct wb_plan *in, time_t now)
{
	struct wb_stamp	 stamp;
	int64_t		 version;
	int		 i, rc;

	for (i = 0; i < WB__MAX; i++) {
		assert(in->s[i].section == i);
		if ((rc = plan_version_on(w, org, i, &version)) != RT_OK)
			return rc;
		rc = plan_put(w, org, user, &in->s[i], version + 1, 0, now);
		if (rc == RT_ECONFLICT)
			rc = RT_EDB;
		if (rc != RT_OK)
			return rc;
	}
	return plan_after_write(w, org, user, -1, now, &stamp);
}

/*
 * See plan.h.  Every section gets a new version, even one whose content
 * does not change, so that the history shows the import in each section
 * at the same time.
 */
int
plan_replace_all(struct dbh *h, int64_t org_id, int64_t user_id,
    const struct wb_plan *in, time_t now)
{
	struct db_conn	*w;
	int		 rc;

	assert(h != NULL && h->db != NULL && in != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = plan_put_all(w, org_id, user_id, in, now)) != RT_OK) {
		db_write_rollback(h->db, w);
		return rc;
	}
	return db_write_commit(h->db, w);
}

/*
 * See plan.h.  The organisation and its first owner are written with the
 * statements org.c uses for a sign-up (the owner's role is written by the
 * statement itself), then the plan.  On failure the caller rolls back.
 */
int
plan_org_create_on(struct db_conn *w, const char *name, int64_t user_id,
    const struct wb_plan *in, time_t now, int64_t *org_id)
{
	sqlite3_stmt	*st;
	int64_t		 oid = 0;
	int		 rc;

	assert(w != NULL && name != NULL && org_id != NULL);
	*org_id = 0;
	if ((st = db_stmt(w, DB_STMT_ORG_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, user_id) != SQLITE_OK)
		rc = db_fail(w, "bind org");
	else if ((rc = db_step_row(w, st, "add org")) == RT_OK)
		oid = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	if ((rc = plan_status(rc, RT_OK)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_IMPORT_OWNER_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, oid) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind owner");
	else
		rc = db_step_done(w, st, "add owner");
	db_stmt_release(st);
	if ((rc = plan_status(rc, RT_OK)) != RT_OK)
		return rc;
	if (in != NULL && (rc = plan_put_all(w, oid, user_id, in, now)) !=
	    RT_OK)
		return rc;
	*org_id = oid;
	return RT_OK;
}

/* See plan.h: plan_org_create_on() in a write transaction of its own. */
int
plan_org_create(struct dbh *h, const char *name, int64_t user_id,
    const struct wb_plan *in, time_t now, int64_t *org_id)
{
	struct db_conn	*w;
	int64_t		 oid;
	int		 rc;

	assert(h != NULL && h->db != NULL && name != NULL && org_id != NULL);
	*org_id = 0;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = plan_org_create_on(w, name, user_id, in, now, &oid)) !=
	    RT_OK) {
		db_write_rollback(h->db, w);
		return rc;
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		return rc;
	*org_id = oid;
	return RT_OK;
}

/*
 * Reads the JSON object of plan_standing.percents (text, len bytes) into
 * out->percent: a slug that is absent or not a number reads as 0, a number
 * is clamped to 0..100, a key this program does not know is ignored.
 * When complete is not NULL, sets *complete when the object holds a number
 * for every section this program declares.  Returns RT_OK, RT_ENOMEM, or
 * RT_EDB (logged) when it is not a JSON object.
 */
static int
plan_percents_read(const char *text, size_t len, int64_t org,
    struct plan_standing *out, int *complete)
{
	struct json		*j = NULL;
	const struct json	*v;
	char			 err[PLAN_ERR_LEN];
	int			 rc, i, all = 0;

	err[0] = '\0';
	rc = json_parse(text, len, PLAN_JSON_DEPTH, &j, err, sizeof(err));
	if (rc == RT_ENOMEM)
		goto out;
	if (rc != RT_OK || j->type != JSON_OBJECT) {
		fprintf(stderr, "reseauter: plan: org %lld: the stored "
		    "percents do not read: %s\n", (long long)org,
		    rc != RT_OK ? err : "not an object");
		rc = RT_EDB;
		goto out;
	}
	all = 1;
	for (i = 0; i < WB__MAX; i++) {
		v = json_get(j, plan_slug(i));
		if (v == NULL || v->type != JSON_NUMBER) {
			all = 0;
			out->percent[i] = 0;
		} else if (!(v->number > 0))
			out->percent[i] = 0;
		else if (v->number >= 100)
			out->percent[i] = 100;
		else
			out->percent[i] = (int)v->number;
	}
out:
	json_free(j);
	if (complete != NULL)
		*complete = rc == RT_OK && all;
	return rc;
}

/*
 * See plan.h.  A plan with sections but no stored standing (one migrated
 * from schema version 1 and not saved since) gets its standing computed
 * from its sections, read in the same snapshot; updated_at is then the
 * last save of any section.  A plan never saved reads as all zero.  Also
 * returns RT_EBUSY (db.h) and RT_ENOMEM; on failure *out is zeroed.
 */
int
plan_standing(struct dbh *h, int64_t org_id, struct plan_standing *out)
{
	struct wb_plan	 p;
	sqlite3_stmt	*st = NULL;
	const char	*text;
	int		 rc, i;

	assert(h != NULL && h->rd != NULL && out != NULL);
	memset(out, 0, sizeof(*out));
	if (db_read_begin(h->rd) != RT_OK)
		return RT_EDB;
	if ((st = db_stmt(h->rd, DB_STMT_STANDING_GET)) == NULL) {
		rc = RT_EDB;
		goto out;
	}
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK) {
		rc = db_fail(h->rd, "bind standing");
		goto out;
	}
	if ((rc = db_step_row(h->rd, st, "get standing")) == RT_OK) {
		out->overall = sqlite3_column_int(st, 0);
		out->pitfalls = sqlite3_column_int(st, 1);
		out->updated_at = sqlite3_column_int64(st, 3);
		if ((text = (const char *)sqlite3_column_text(st, 2)) == NULL)
			rc = RT_EDB;
		else
			rc = plan_percents_read(text,
			    (size_t)sqlite3_column_bytes(st, 2), org_id, out, NULL);
		goto out;
	}
	if (rc != RT_ENOTFOUND)
		goto out;
	db_stmt_release(st);
	st = NULL;
	if ((rc = plan_load_all_on(h->rd, org_id, &p)) != RT_OK)
		goto out;
	for (i = 0; i < WB__MAX && p.s[i].stamp.version == 0; i++)
		continue;
	if (i < WB__MAX)
		plan_standing_compute(&p, out);
	for (i = 0; i < WB__MAX; i++)
		if (p.s[i].stamp.updated_at > out->updated_at)
			out->updated_at = p.s[i].stamp.updated_at;
	wb_plan_free(&p);
	rc = RT_OK;
out:
	db_stmt_release(st);
	db_read_end(h->rd);
	if (rc != RT_OK)
		memset(out, 0, sizeof(*out));
	return plan_status(rc, RT_OK);
}

/* The sets of sections of plan_load_view() are bits of an unsigned. */
_Static_assert(WB__MAX < 32, "more sections than bits of an unsigned");

/*
 * Loading a plan for a page that only shows it (plan_load_view()).  The
 * documents are read as stored, without the checks they passed when
 * saved, and only those the page needs; the standing comes from
 * plan_standing when it can be trusted.  The save path above does not
 * use any of this: what it writes is always checked.
 */

/*
 * Returns need with the sections added whose items a list of a section in
 * need follows (the evaluation follows the objectives), so that
 * wb_data_sync_items() finds its source loaded.
 */
static unsigned
plan_view_sources(unsigned need)
{
	size_t	 l;
	int	 i;

	for (i = 0; i < WB__MAX; i++) {
		if (!(need & (1u << i)))
			continue;
		for (l = 0; l < wb_sections[i].nlists; l++)
			if (wb_sections[i].lists[l].items_from_section >= 0)
				need |= 1u << wb_sections[i].lists[l].
				    items_from_section;
	}
	return need;
}

/*
 * Through connection c, inside the caller's read transaction, reads the
 * stored standing of org into s and sets *fresh when it can be trusted
 * (see plan_load_view() in plan.h; percents that do not read are not),
 * and *newest to the last save of any section (0 when none).  A plan
 * with no section saved is fresh at zero, without a row: the coach finds
 * nothing in an empty plan.  Returns RT_OK, RT_ENOMEM, RT_EBUSY or
 * RT_EDB.
 */
static int
plan_view_standing_on(struct db_conn *c, int64_t org,
    struct plan_standing *s, int *fresh, int64_t *newest)
{
	sqlite3_stmt	*st;
	const char	*text;
	int		 rc, complete = 0;

	*fresh = 0;
	*newest = 0;
	if ((st = db_stmt(c, DB_STMT_STANDING_VIEW)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org) != SQLITE_OK) {
		rc = db_fail(c, "bind standing");
		goto out;
	}
	if ((rc = db_step_row(c, st, "standing view")) != RT_OK)
		goto out;
	/* A plan never saved stands at zero, as the coach says of it. */
	if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
		*fresh = 1;
		goto out;
	}
	*newest = sqlite3_column_int64(st, 0);
	if (sqlite3_column_type(st, 4) == SQLITE_NULL)
		goto out;
	s->overall = sqlite3_column_int(st, 1);
	s->pitfalls = sqlite3_column_int(st, 2);
	s->updated_at = sqlite3_column_int64(st, 4);
	if ((text = (const char *)sqlite3_column_text(st, 3)) == NULL) {
		rc = sqlite3_errcode(db_conn_handle(c)) == SQLITE_NOMEM ?
		    RT_ENOMEM : RT_EDB;
		goto out;
	}
	/* Percents that do not read (logged) are computed again. */
	if ((rc = plan_percents_read(text, (size_t)sqlite3_column_bytes(st,
	    3), org, s, &complete)) == RT_EDB)
		rc = RT_OK;
	else if (rc != RT_OK)
		goto out;
	*fresh = complete && s->updated_at >= *newest;
out:
	db_stmt_release(st);
	return plan_status(rc, RT_OK);
}

/* See plan.h. */
int
plan_load_view(struct dbh *h, int64_t org_id, unsigned need,
    unsigned pitfall_need, struct wb_plan *p, struct plan_standing *s)
{
	int64_t	 newest = 0;
	int	 rc, fresh = 0;

	assert(h != NULL && h->rd != NULL && p != NULL);
	memset(p, 0, sizeof(*p));
	if (s != NULL)
		memset(s, 0, sizeof(*s));
	if (db_read_begin(h->rd) != RT_OK)
		return RT_EDB;
	if (s != NULL) {
		if ((rc = plan_view_standing_on(h->rd, org_id, s, &fresh,
		    &newest)) != RT_OK)
			goto out;
		if (!fresh)
			need = PLAN_ALL_SECTIONS;
		else if (s->pitfalls > 0)
			need |= pitfall_need;
	}
	if ((rc = plan_sections_on(h->rd, org_id, plan_view_sources(need &
	    PLAN_ALL_SECTIONS), 1, p)) != RT_OK)
		goto out;
	if (s != NULL && !fresh) {
		plan_standing_compute(p, s);
		s->updated_at = newest;
	}
out:
	db_read_end(h->rd);
	if (rc != RT_OK && s != NULL)
		memset(s, 0, sizeof(*s));
	return rc;
}
