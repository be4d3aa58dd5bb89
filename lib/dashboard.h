/*
 * dashboard.h: a trainer's view of a whole cohort, and its debrief.
 *
 * The dashboard has one row per organisation of a cohort: its progress
 * (overall and per section), its open pitfalls, its last save, the comment
 * threads waiting for an answer on either side, and whether it changed
 * since the trainer last read it.  It is read from plan_standing in a fixed
 * number of statements, whatever the number of organisations: no
 * statement runs once per row.  The debrief adds up the plans of a cohort
 * (platforms, hours, pitfalls, kinds of objectives) for a workshop's
 * wrap-up, from one statement that reads every plan.
 */
#ifndef RESEAUTER_DASHBOARD_H
#define RESEAUTER_DASHBOARD_H

#include <stddef.h>
#include <stdint.h>
#include "auth.h"
#include "buf.h"
#include "coach.h"
#include "cohort.h"
#include "db.h"
#include "i18n.h"
#include "platform.h"
#include "workbook.h"

/* One organisation of a cohort, as the dashboard shows it. */
struct dashboard_row {
	int64_t org_id;
	char    name[AUTH_NAME_MAX];
	int     demo;                 /* the cohort's demonstration plan */
	int     overall;              /* 0..100 */
	int     percent[WB__MAX];     /* 0..100 per section */
	int     pitfalls;             /* pitfalls open */
	int64_t last_activity;        /* last save of any section, 0: never */
	int     awaiting_trainer;     /* open threads whose newest message is the group's */
	int     awaiting_group;       /* open threads whose newest message is a trainer's */
	int     changed;              /* saved since this trainer's last visit (or never
	                               * visited and saved at least once) */
};

/* A cohort's dashboard: the cohort, then its organisations. */
struct dashboard {
	struct cohort         cohort;
	int                   demo_orgs;   /* demonstration organisations among cohort.orgs */
	struct dashboard_row *rows;        /* malloc'd, n of them (NULL when none) */
	size_t                n;
};

/*
 * Loads the cohort and every organisation in it, as trainer_id sees them
 * (the "changed" marker is theirs), ordered by organisation id, in one
 * read snapshot and a fixed number of statements.  A plan without a
 * stored standing (never saved, or migrated from schema 1 and not saved
 * since) gets it computed from its sections as plan_standing() does, all
 * of them through one more statement.  The caller frees out with
 * dashboard_free(), whatever the result.  Returns RT_OK, RT_ENOTFOUND (no
 * such cohort), RT_ENOMEM, RT_EBUSY or RT_EDB.
 */
int dashboard_load(struct dbh *h, int64_t cohort_id, int64_t trainer_id,
    struct dashboard *out);

/* Frees the rows of d and empties it; a zeroed d is allowed. */
void dashboard_free(struct dashboard *d);

/* What the dashboard can be sorted by. */
enum dashboard_key {
	DASH_BY_NAME = 0,
	DASH_BY_OVERALL,
	DASH_BY_SECTION,     /* the percent of one section */
	DASH_BY_PITFALLS,
	DASH_BY_ACTIVITY,
	DASH_BY_REPLIES,     /* threads awaiting the trainer, then the group */
	DASH_BY__MAX
};

/* An order of the rows. */
struct dashboard_order {
	int key;       /* enum dashboard_key */
	int section;   /* enum wb_section, for DASH_BY_SECTION */
	int desc;      /* 1: largest (or Z) first */
};

/*
 * Reads the order of the page's query: sort is "name", "overall",
 * "pitfalls", "activity", "replies" or a section's slug, dir "asc" or
 * "desc" (NULL or anything else: the key's usual direction, as
 * dashboard_order_default_desc() says).  An unknown or missing sort gives
 * the default order, by name from A to Z.  Returns 1 when sort was valid,
 * 0 when the default was taken.
 */
int dashboard_order_parse(const char *sort, const char *dir,
    struct dashboard_order *out);

/*
 * The direction a key first sorts in: descending for pitfalls, activity
 * and replies (what needs attention first), ascending for the others.
 */
int dashboard_order_default_desc(int key);

/* The sort parameter that names key ("overall", or the slug of section). */
const char *dashboard_order_name(int key, int section);

/*
 * Sorts the rows of d by o.  Ties go by name (accents and case folded,
 * from A to Z whatever the direction, except for the name itself), then
 * by organisation id, so that the order is the same at every load.
 * Returns RT_OK or RT_ENOMEM (d unchanged).
 */
int dashboard_sort(struct dashboard *d, const struct dashboard_order *o);

/*
 * Keeps only the rows that have not finished section (percent under 100),
 * in their order.  Returns how many rows were left out.
 */
size_t dashboard_filter(struct dashboard *d, int section);

/*
 * Appends the rows of d, in their order, to out as a CSV file for
 * spreadsheets: a UTF-8 byte order mark, a header row in lang (c
 * translates it; NULL leaves it in English), one row per organisation
 * (name, overall progress, one column per section, open pitfalls, last
 * activity as YYYY-MM-DD in the process's time zone or empty when never,
 * threads awaiting the trainer), CRLF line ends, fields quoted as RFC 4180
 * says when they hold the separator, a quote, CR or LF.  The separator is
 * ';' in French and ',' in English (what Excel expects in each).  A text
 * cell starting with = + - @ TAB or CR gets an apostrophe before it, so
 * that no spreadsheet runs it as a formula.  Returns RT_OK or RT_ENOMEM.
 */
int dashboard_csv(const struct dashboard *d, const struct i18n *c,
    enum lang lang, struct buf *out);

/*
 * Appends one CSV field to out: text (NUL-terminated UTF-8) protected
 * against formulas and quoted as dashboard_csv() says, for separator sep.
 * Returns RT_OK or RT_ENOMEM.
 */
int dashboard_csv_field(struct buf *out, const char *text, char sep);

/* How a group's planned hours compare with the hours it has. */
enum debrief_hours {
	DEBRIEF_HOURS_WITHIN = 0,   /* planned <= available */
	DEBRIEF_HOURS_OVER_25,      /* up to 25 % over */
	DEBRIEF_HOURS_OVER_MORE,    /* more than 25 % over */
	DEBRIEF_HOURS_UNKNOWN,      /* hours available not stated */
	DEBRIEF_HOURS__MAX
};

/* The figures of a cohort's debrief, over its organisations but the demonstration ones. */
struct debrief {
	struct cohort cohort;
	int           demo_orgs;        /* left out */
	size_t        groups;           /* counted */
	struct {
		int    platform;        /* enum platform */
		size_t groups;          /* that chose it */
	} platforms[PF__MAX];           /* most chosen first, then platform.h's order */
	size_t        hours[DEBRIEF_HOURS__MAX];  /* groups in each case */
	double        median_planned;   /* hours a week, over the groups that chose a platform */
	size_t        planned_groups;   /* how many those are */
	double        median_available; /* hours a week, over the groups that said */
	size_t        available_groups;
	struct {
		int    pitfall;         /* enum pitfall_id */
		size_t plans;           /* plans where it is open */
	} pitfalls[PIT__MAX];           /* most frequent first, then coach.h's order */
	struct {
		int    kind;            /* enum wb_objective_kind */
		size_t objectives;      /* objectives of that kind */
	} kinds[WB_OBJECTIVE_KINDS];    /* most chosen first, then workbook.h's order */
	size_t        kind_unset;       /* objectives without a kind */
	size_t        objectives;       /* all objectives */
};

/*
 * Loads the cohort and computes its debrief: every plan of its
 * organisations that are not demonstrations is read in one statement and
 * built as plan_load_all() builds one, one organisation at a time.
 * Returns RT_OK, RT_ENOTFOUND (no such cohort), RT_ENOMEM, RT_EBUSY or
 * RT_EDB (also for a stored document that does not read back).
 */
int debrief_load(struct dbh *h, int64_t cohort_id, struct debrief *out);

#endif
