/*
 * plan.h: the workbook's sections of an organisation's plan.
 *
 * Each section has a version number.  A save names the version the person
 * started from; if someone else saved in between, the save is refused with
 * RT_ECONFLICT and nothing is written, so that nobody's work is overwritten
 * silently.  A save is one transaction: all of it is written, or none.
 */
#ifndef RESEAUTER_PLAN_H
#define RESEAUTER_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "auth.h"
#include "db.h"

#define PLAN_TEXT_MAX        4000   /* characters of a free-text answer */
#define PLAN_LINE_MAX        300    /* characters of a one-line answer */
#define PLAN_MAX_OBJECTIVES  3

/* Who saved a section last, and when; version 0 means never saved. */
struct plan_stamp {
	int64_t version;
	int64_t updated_at;                  /* unix time, 0 if never */
	char    updated_by[AUTH_NAME_MAX];   /* the person's name, "" if never */
};

/* Section "mission": the three sentences that open the workbook. */
struct plan_mission {
	char *mission;    /* "La mission de notre organisme est de…" */
	char *means;      /* "Nous faisons cela par le biais de…" */
	char *strategy;   /* "Notre stratégie de médias sociaux soutiendra ces objectifs par…" */
	struct plan_stamp stamp;
};

/*
 * Loads the mission of org_id; never-saved fields are "".  On RT_OK the
 * caller frees with plan_mission_free().  Returns RT_OK, RT_ENOMEM or RT_EDB.
 */
int plan_mission_load(struct dbh *h, int64_t org_id, struct plan_mission *out);

/* Frees the strings of m and zeroes it. */
void plan_mission_free(struct plan_mission *m);

/*
 * Saves the mission if the section is still at base_version, and bumps its
 * version.  Returns RT_OK, RT_ECONFLICT (nothing written) or RT_EDB.
 */
int plan_mission_save(struct dbh *h, int64_t org_id, int64_t user_id,
    const struct plan_mission *m, int64_t base_version, time_t now);

/* The kinds of objective, as stable keys stored in the database. */
enum plan_objective_kind {
	OBJ_KIND_ACTIVITY = 0,   /* make our activity known */
	OBJ_KIND_IMPACT,         /* make our impact known */
	OBJ_KIND_AUDIENCES,      /* reach specific audiences */
	OBJ_KIND_NETWORKS,       /* join networks of organisations with the same mission */
	OBJ_KIND_TEST_IDEAS,     /* test ideas, consult */
	OBJ_KIND_EVALUATE,       /* evaluate activities */
	OBJ_KIND_RECRUIT_STAFF,  /* recruit staff */
	OBJ_KIND_DOCUMENT,       /* document experiences, in writing and photos */
	OBJ_KIND_WEBSITE,        /* an alternative to a traditional website */
	OBJ_KIND_SELL,           /* sell products or services */
	OBJ_KIND_EVENTS,         /* promote events and manage registrations */
	OBJ_KIND_MOBILISE,       /* mobilise citizens */
	OBJ_KIND_FUNDRAISE,      /* raise funds */
	OBJ_KIND_VOLUNTEERS,     /* recruit volunteers */
	OBJ_KIND__MAX
};

/* The stable keys of the kinds, OBJ_KIND__MAX of them then NULL ("activity"...). */
extern const char *const plan_objective_kind_keys[OBJ_KIND__MAX + 1];

/* The English label (a message id to translate) of each kind. */
extern const char *const plan_objective_kind_msgids[OBJ_KIND__MAX];

struct plan_objective {
	char *text;       /* the objective itself */
	int   kind;       /* enum plan_objective_kind, -1 when not chosen */
	char *serves;     /* how it serves the mission */
	char *indicator;  /* what will be measured */
	char *target;     /* the target to reach on that indicator */
	char  due[11];    /* YYYY-MM-DD, "" when none */
};

/* Section "objectives": up to three, in the order the group put them. */
struct plan_objectives {
	struct plan_objective items[PLAN_MAX_OBJECTIVES];
	size_t            n;
	struct plan_stamp stamp;
};

/* Loads the objectives of org_id.  Ownership and returns as plan_mission_load(). */
int plan_objectives_load(struct dbh *h, int64_t org_id,
    struct plan_objectives *out);

/* Frees the strings of o and zeroes it. */
void plan_objectives_free(struct plan_objectives *o);

/*
 * Replaces all the objectives of org_id by o->items[0..o->n) if the section
 * is still at base_version.  Returns RT_OK, RT_ECONFLICT or RT_EDB.
 */
int plan_objectives_save(struct dbh *h, int64_t org_id, int64_t user_id,
    const struct plan_objectives *o, int64_t base_version, time_t now);

#endif
