/*
 * pending.c: TEMPORARY, never on main.  The handlers of issue #5 that are
 * still being written, each answering 404, so that the program links while
 * they are.  Whoever writes a handler deletes its line here.
 */
#include "cgi.h"

#define PENDING(name) int name(struct req *r) { return page_error(r, 404, N_("This page does not exist.")); }

/* cohorts, joining and settings (helper V2a) */
/* dashboard, CSV and debrief (helper V2b) */
/* demonstration plan (helper V5) */
/* administration (helper V1) */
PENDING(admin_get)
PENDING(admin_roles_post)
PENDING(admin_reset_post)
PENDING(admin_backup_post)
PENDING(reset_get)
PENDING(reset_post)
