/*
 * pending.c: TEMPORARY, never on main.  The handlers of issue #5 that are
 * still being written, each answering 404, so that the program links while
 * they are.  Whoever writes a handler deletes its line here.
 */
#include "cgi.h"

#define PENDING(name) int name(struct req *r) { return page_error(r, 404, N_("This page does not exist.")); }

/* comments (helper V3) */
PENDING(comment_add_post)
PENDING(comment_resolve_post)
/* cohorts, joining and settings (helper V2a) */
PENDING(org_cohorts_get)
PENDING(org_cohorts_leave_post)
PENDING(join_get)
PENDING(join_post)
PENDING(cohorts_get)
PENDING(cohorts_new_get)
PENDING(cohorts_new_post)
PENDING(cohort_edit_get)
PENDING(cohort_edit_post)
PENDING(cohort_state_post)
PENDING(cohort_trainers_post)
/* dashboard, CSV and debrief (helper V2b) */
PENDING(cohort_get)
PENDING(cohort_csv_get)
PENDING(cohort_debrief_get)
/* demonstration plan (helper V5) */
PENDING(cohort_demo_post)
