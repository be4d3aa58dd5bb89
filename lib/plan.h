/*
 * plan.h: storing the sections of an organisation's plan, with their history.
 *
 * Each section is one JSON document (workbook.h says its form) with a
 * version number.  A save names the version the person started from; if
 * someone else saved in between, it is refused with RT_ECONFLICT and
 * nothing is written, so nobody's work is overwritten silently.  Every
 * save also writes a revision (who, when, the whole document), so any
 * earlier version can be read again and restored; restoring is itself a
 * new revision.  A save is one transaction: all of it is written, or none.
 *
 * With each save, the plan's standing (the completion of every section
 * and the number of open pitfalls, coach.h) is recomputed and stored, so
 * that lists of many plans read it without loading them.
 */
#ifndef RESEAUTER_PLAN_H
#define RESEAUTER_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "db.h"
#include "workbook.h"

/*
 * Loads section of org_id into d (which the caller frees with
 * wb_data_free()); a section never saved comes back empty at version 0.
 * Returns RT_OK, RT_ENOMEM or RT_EDB (also for a stored document that does
 * not read back, which is logged).
 */
int plan_load(struct dbh *h, int64_t org_id, int section, struct wb_data *d);

/*
 * Loads every section of org_id into p, in one read transaction, and
 * brings lists made from other sections up to date (wb_data_sync_items).
 * The caller frees p with wb_plan_free().  Returns as plan_load().
 */
int plan_load_all(struct dbh *h, int64_t org_id, struct wb_plan *p);

/*
 * Saves d as its section of org_id if the section is still at
 * base_version, writes a revision, and updates the plan's standing.
 * Returns RT_OK (and d->stamp holds the new version), RT_ECONFLICT
 * (nothing written) or RT_EDB.
 */
int plan_save(struct dbh *h, int64_t org_id, int64_t user_id,
    struct wb_data *d, int64_t base_version, time_t now);

/*
 * The same as plan_save(), for a caller that has just read the whole plan
 * with plan_load_all(h, org_id, seen) (and not changed it): the standing
 * is worked out from seen before the write transaction, which then only
 * checks that no section moved on since and writes, so that it holds the
 * single writer for as short a time as it can.  Should a section have
 * moved on, the transaction reads the plan again itself: the outcome is
 * always that of plan_save().  seen NULL reads the plan here.  Returns as
 * plan_save().
 */
int plan_save_seen(struct dbh *h, int64_t org_id, int64_t user_id,
    struct wb_data *d, int64_t base_version, time_t now,
    const struct wb_plan *seen);

/*
 * Replaces the whole plan of org_id by in (an import, export.h): in ONE
 * write transaction, every section of in is saved as the next version of
 * its section, with its revision, whatever version it was at (so the
 * content it replaces stays in each section's history, and can be
 * restored), then the standing is recomputed.  user_id <= 0 records no
 * author.  in's sections must be in order (in->s[i].section == i); their
 * stamps are not read nor changed.  Returns RT_OK, or RT_EINVAL (a value
 * that is not valid UTF-8), RT_ENOMEM, RT_EBUSY or RT_EDB with nothing
 * written.
 */
int plan_replace_all(struct dbh *h, int64_t org_id, int64_t user_id,
    const struct wb_plan *in, time_t now);

/*
 * Creates an organisation named name (1 to ORG_NAME_MAX characters,
 * org.h) owned by user_id and, when in is not NULL, its plan: every
 * section of in at version 1 with its revision, and the standing; all in
 * one write transaction.  Returns RT_OK with *org_id, or RT_EINVAL,
 * RT_ENOMEM, RT_EBUSY or RT_EDB (also for a user that does not exist, or
 * a name the schema refuses) with nothing written and *org_id 0.
 */
int plan_org_create(struct dbh *h, const char *name, int64_t user_id,
    const struct wb_plan *in, time_t now, int64_t *org_id);

/*
 * The same as plan_org_create(), on the writer w inside a transaction the
 * caller holds (db_write_begin()), so that it can write more in the same
 * transaction: the caller commits, or rolls back on failure.  Returns
 * RT_OK with *org_id, or RT_EINVAL, RT_ENOMEM, RT_EBUSY or RT_EDB with
 * *org_id 0.
 */
int plan_org_create_on(struct db_conn *w, const char *name, int64_t user_id,
    const struct wb_plan *in, time_t now, int64_t *org_id);

/* One revision of a section, for the history page. */
struct plan_revision {
	int64_t id;
	int64_t version;
	int64_t created_at;
	char    author[512];     /* the person's name, "" if their account is gone */
	int64_t restored_from;   /* the version it restored, 0 for an ordinary save */
};

/*
 * Lists the revisions of section of org_id, newest first, at most max.
 * On RT_OK *out is malloc'd (*n entries, NULL when none) and the caller
 * frees it.  Returns RT_OK, RT_ENOMEM or RT_EDB.
 */
int plan_revisions(struct dbh *h, int64_t org_id, int section, size_t max,
    struct plan_revision **out, size_t *n);

/*
 * Loads the content of the revision with this version into d.  Returns
 * RT_OK, RT_ENOTFOUND, RT_ENOMEM or RT_EDB.
 */
int plan_revision_load(struct dbh *h, int64_t org_id, int section,
    int64_t version, struct wb_data *d);

/*
 * Makes the content of an earlier version the current one, as a new
 * revision, if the section is still at base_version.  Returns RT_OK,
 * RT_ENOTFOUND, RT_ECONFLICT or RT_EDB.
 */
int plan_restore(struct dbh *h, int64_t org_id, int64_t user_id,
    int section, int64_t version, int64_t base_version, time_t now);

/* The stored standing of a plan (see coach.h for how it is computed). */
struct plan_standing {
	int     percent[WB__MAX];  /* completion of each section, 0..100 */
	int     overall;           /* completion of the whole plan, 0..100 */
	int     pitfalls;          /* pitfalls open */
	int64_t updated_at;        /* last save of any section, 0 if none */
};

/* Reads the standing of org_id (all zero for a plan never saved).  Returns RT_OK or RT_EDB. */
int plan_standing(struct dbh *h, int64_t org_id, struct plan_standing *out);

/* Every section, as a set of bits 1u << enum wb_section. */
#define PLAN_ALL_SECTIONS ((1u << WB__MAX) - 1)

/*
 * For a page that only shows the plan: loads in one read transaction the
 * stamp (version, time, author) of every section of org_id into p, but
 * the content only of the sections in need (bits 1u << section, and
 * those whose items a list of them follows); the others come back empty,
 * as wb_data_init() makes them.  Documents are read as stored
 * (wb_data_read_stored()), not checked again.  With s not NULL, also
 * reads the stored standing into s and, when it counts pitfalls, loads
 * the sections in pitfall_need too.  A plan never saved stands at zero.
 * A standing that cannot be trusted (no row for a plan with sections, one
 * saved before plan_standing existed; a section saved after it; a
 * section it does not know, the program being newer than the row;
 * percents that do not read, which is logged) is computed from the whole
 * plan, loaded for it, as a save computes it, with updated_at the last
 * save of any section.
 * The caller frees p with wb_plan_free().  Returns RT_OK, RT_ENOMEM,
 * RT_EBUSY or RT_EDB; on failure p is emptied and s zeroed.
 */
int plan_load_view(struct dbh *h, int64_t org_id, unsigned need,
    unsigned pitfall_need, struct wb_plan *p, struct plan_standing *s);

#endif
