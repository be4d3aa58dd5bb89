/*
 * coach.h: what the workbook tells a group about its own plan.
 *
 * Pitfalls are the classic mistakes, each checked by one rule on the whole
 * plan; completion says how much of each section is filled; the time
 * budget compares the hours planned per platform with the hours the team
 * can give.  Pure functions of a struct wb_plan: no database, no output.
 */
#ifndef RESEAUTER_COACH_H
#define RESEAUTER_COACH_H

#include <stddef.h>
#include "platform.h"
#include "workbook.h"

enum pitfall_id {
	PIT_ALL_FUNDRAISING = 0,  /* every objective is about raising funds */
	PIT_NO_TARGET,            /* an objective without a measurable target (no number) */
	PIT_TOO_MANY_PLATFORMS,   /* more platforms chosen than the hours allow (see coach.c) */
	PIT_HOURS_OVER,           /* planned hours over the hours the team can give */
	PIT_PLATFORM_NO_PERSONA,  /* a chosen platform that no persona uses */
	PIT_PERSONA_UNREACHED,    /* a persona on no chosen platform */
	PIT_NO_RESPONSIBLE,       /* nobody responsible */
	PIT_NO_BACKUP,            /* nobody to take over */
	PIT_ONLY_PROMOTION,       /* every sample post only promotes (no question, thanks, partner) */
	PIT_SAME_TEXT,            /* the same text planned for every platform */
	PIT__MAX
};

struct pitfall {
	int    id;              /* enum pitfall_id */
	int    section;         /* enum wb_section where it is fixed */
	char   subject[256];    /* what it is about, as typed: an objective, a persona, a platform name; "" if none */
	double planned;         /* PIT_HOURS_OVER, PIT_TOO_MANY_PLATFORMS: hours planned */
	double available;       /* and hours the team can give */
};

/* The title of a pitfall (message id) and its explanation (message id). */
extern const char *const pitfall_titles[PIT__MAX];
extern const char *const pitfall_explanations[PIT__MAX];

/*
 * Checks every rule on p and writes the pitfalls found into out (at most
 * max; a rule about items, such as a persona reached by no platform, gives
 * one pitfall per item).  Returns how many there are in all, which may be
 * more than max.
 */
size_t coach_pitfalls(const struct wb_plan *p, struct pitfall *out,
    size_t max);

/*
 * The sections (bits 1u << enum wb_section) whose content
 * coach_pitfalls() reads, and those coach_budget() and coach_rhythm()
 * read: on a plan whose other sections are empty they answer the same, so
 * a page that shows only these may load only these (plan.h,
 * plan_load_view()).  A rule that reads another section must add it here;
 * tests/unit/test_coach.c checks these on plans filled every way.
 */
#define COACH_PITFALL_SECTIONS ((1u << WB_START) | (1u << WB_OBJECTIVES) | \
    (1u << WB_AUDIENCES) | (1u << WB_PLATFORMS) | (1u << WB_POSTS) | \
    (1u << WB_TEAM))
#define COACH_BUDGET_SECTIONS ((1u << WB_START) | (1u << WB_PLATFORMS))

/* Completion of a plan. */
struct coach_progress {
	int filled[WB__MAX];    /* weighted answers given in each section */
	int total[WB__MAX];     /* weighted answers each section asks for */
	int percent[WB__MAX];   /* 0..100 */
	int overall;            /* 0..100 over the sections that are not optional */
};

/* Computes the completion of every section of p from which fields are filled. */
void coach_progress(const struct wb_plan *p, struct coach_progress *out);

/* The time budget: hours planned per chosen platform against hours available. */
struct coach_budget {
	double available;            /* the team's hours a week (starting point), 0 if not given */
	double planned;              /* total of planned hours */
	size_t n;                    /* chosen platforms */
	struct {
		int    platform;         /* enum platform */
		double planned;          /* hours a week planned (0 if not given) */
		double reference_min;    /* what the platform usually takes (platform.h) */
		double reference_max;
		int    posts;            /* posts a week planned */
	} rows[PF__MAX];
};

/* Computes the time budget of p. */
void coach_budget(const struct wb_plan *p, struct coach_budget *out);

/*
 * The weekly posting rhythm: for each chosen platform with posts a week
 * planned, the days of the week to post on, so that the summary page and
 * the calendar (ics.h) show the same week.  Days are bits, Monday first:
 * bit COACH_MONDAY (0) to COACH_SUNDAY (6).  n posts a week are spread
 * so that no two posting days are neighbours when that can be helped,
 * and they fall on weekdays first:
 *   1: Wednesday            2: Tuesday, Thursday
 *   3: Monday, Wednesday, Friday
 *   4: Monday, Tuesday, Thursday, Friday
 *   5: Monday to Friday     6: Monday to Saturday
 *   7 or more: every day (several posts on some days)
 */
enum coach_day {
	COACH_MONDAY = 0,
	COACH_TUESDAY,
	COACH_WEDNESDAY,
	COACH_THURSDAY,
	COACH_FRIDAY,
	COACH_SATURDAY,
	COACH_SUNDAY,
	COACH_DAYS
};

struct coach_rhythm {
	size_t n;                  /* chosen platforms with posts a week > 0 */
	struct {
		int      platform;     /* enum platform */
		int      posts;        /* posts a week planned, 1..100 */
		unsigned days;         /* bit d set for each posting day d (enum coach_day) */
	} rows[PF__MAX];
};

/* The posting days (bits of enum coach_day) for posts a week; 0 for posts <= 0. */
unsigned coach_rhythm_days(int posts);

/*
 * Computes the rhythm of p: one row per chosen platform whose posts a
 * week is given and more than 0, in the order of platform.h.
 */
void coach_rhythm(const struct wb_plan *p, struct coach_rhythm *out);

#endif
