/*
 * cohort.h: cohorts of organisations followed by trainers.
 *
 * A trainer (a person with the trainer role of user_roles) creates a
 * cohort for a workshop or a series and hands out its join code; an owner
 * of an organisation types the code, reads what the trainers will see,
 * and accepts.  From then on, and until the organisation leaves, every
 * trainer of the cohort reads the plan (org_access() in org.h says
 * ORG_ROLE_TRAINER) and comments on it.  The tables are cohorts,
 * cohort_trainers and cohort_orgs of schema.sql.
 */
#ifndef RESEAUTER_COHORT_H
#define RESEAUTER_COHORT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "auth.h"
#include "db.h"

#define COHORT_NAME_MAX   120    /* characters of a cohort's name */
#define COHORT_NOTES_MAX  2000   /* characters of its notes */
#define COHORT_CODE_LEN   8      /* characters of a join code, without the hyphen */

/*
 * The characters of a join code: capitals and digits without the ones
 * that look or sound alike when read aloud or copied by hand (0 O, 1 I L,
 * U V).  29 characters, so 8 of them make 5e11 codes.
 */
#define COHORT_CODE_ALPHABET "ABCDEFGHJKMNPQRSTWXYZ23456789"

enum cohort_state {
	COHORT_OPEN = 0,     /* takes new organisations */
	COHORT_CLOSED,       /* takes none; its trainers go on reading */
	COHORT_ARCHIVED      /* closed, and out of the trainers' current list */
};

/* The state's name in the database ("open", "closed", "archived"). */
const char *cohort_state_name(int state);

/* A cohort, as its pages show it. */
struct cohort {
	int64_t id;
	char    name[AUTH_NAME_MAX];
	char    starts_on[11];            /* YYYY-MM-DD, or "" */
	char    ends_on[11];              /* YYYY-MM-DD, or "" */
	char    notes[COHORT_NOTES_MAX * 4 + 1];
	char    code[COHORT_CODE_LEN + 1]; /* without the hyphen */
	int     state;                    /* enum cohort_state */
	int64_t created_at;
	int     orgs;                     /* organisations in it, demonstration included */
};

/*
 * Reads a join code as a person typed it: case, spaces and hyphens do not
 * matter.  Writes the stored form (8 characters of the alphabet) into out.
 * Returns RT_OK, or RT_EINVAL when it cannot be a code.
 */
int cohort_code_normalise(const char *in, char out[COHORT_CODE_LEN + 1]);

/* Writes code as it is shown and read aloud: "ABCD-EFGH". */
void cohort_code_format(const char *code, char out[COHORT_CODE_LEN + 2]);

/*
 * Draws a new join code (stored form) with randombytes_uniform(); it may
 * already be taken: cohort_create() draws again then.
 */
void cohort_code_new(char out[COHORT_CODE_LEN + 1]);

/*
 * Sets *yes to 1 when user_id is a trainer of cohort_id (whatever its
 * state), else 0.  It does not look at the trainer role: the caller checks
 * that too.  Returns RT_OK or RT_EDB.
 */
int cohort_trainer_check(struct dbh *h, int64_t cohort_id, int64_t user_id,
    int *yes);

/*
 * Creates an open cohort with a new random join code (another is drawn
 * when one is taken) whose first trainer is user_id, in one transaction.
 * name (1 to COHORT_NAME_MAX characters), starts_on and ends_on ("" or
 * YYYY-MM-DD, the end not before the start) and notes (at most
 * COHORT_NOTES_MAX characters) were validated by the caller; what breaks
 * these bounds gives RT_EINVAL.  Returns RT_OK with *id, RT_EINVAL or
 * RT_EDB.
 */
int cohort_create(struct dbh *h, int64_t user_id, const char *name,
    const char *starts_on, const char *ends_on, const char *notes,
    time_t now, int64_t *id);

/*
 * Changes a cohort's name, dates and notes (bounds as cohort_create()).
 * Returns RT_OK, RT_EINVAL, RT_ENOTFOUND or RT_EDB.
 */
int cohort_update(struct dbh *h, int64_t id, const char *name,
    const char *starts_on, const char *ends_on, const char *notes);

/* Sets a cohort's state (enum cohort_state).  Returns RT_OK, RT_ENOTFOUND or RT_EDB. */
int cohort_set_state(struct dbh *h, int64_t id, int state);

/* Reads one cohort.  Returns RT_OK, RT_ENOTFOUND or RT_EDB. */
int cohort_load(struct dbh *h, int64_t id, struct cohort *out);

/* Finds a cohort by its join code (stored form).  Returns RT_OK, RT_ENOTFOUND or RT_EDB. */
int cohort_load_by_code(struct dbh *h, const char *code,
    struct cohort *out);

/*
 * Lists the cohorts user_id trains, newest first: the archived ones only
 * when archived is 1, the others when it is 0.  On RT_OK *out is a
 * malloc'd array of *n entries (NULL when none) that the caller frees with
 * free().  Returns RT_OK, RT_ENOMEM or RT_EDB.
 */
int cohort_list_for_trainer(struct dbh *h, int64_t user_id, int archived,
    struct cohort **out, size_t *n);

/* A trainer of a cohort. */
struct cohort_trainer {
	int64_t user_id;
	char    name[AUTH_NAME_MAX];
	char    email[AUTH_NAME_MAX];
	int64_t added_at;
	int     active;                   /* 1 while they hold the trainer role */
};

/* Lists a cohort's trainers by name.  Ownership as cohort_list_for_trainer(). */
int cohort_trainers(struct dbh *h, int64_t cohort_id,
    struct cohort_trainer **out, size_t *n);

/*
 * Adds the person of that e-mail (any case) as a trainer of the cohort.
 * Returns RT_OK, RT_ENOTFOUND (no account), RT_EDENIED (the account has
 * no trainer role), RT_EEXISTS (already a trainer of it) or RT_EDB; with
 * RT_OK, RT_EDENIED and RT_EEXISTS, *user_id is the account's id.
 */
int cohort_trainer_add(struct dbh *h, int64_t cohort_id, const char *email,
    time_t now, int64_t *user_id);

/*
 * Removes a trainer from the cohort.  Returns RT_OK, RT_ENOTFOUND (not a
 * trainer of it), RT_EDENIED (no other trainer of it holds the trainer
 * role: a cohort always keeps someone who can open it) or RT_EDB.
 */
int cohort_trainer_remove(struct dbh *h, int64_t cohort_id, int64_t user_id);

/*
 * Puts org_id in the cohort, at the request of user_id (an owner; the
 * caller checked it).  Returns RT_OK, RT_ENOTFOUND (no such cohort),
 * RT_EEXISTS (already in it, whatever the cohort's state), RT_EEXPIRED
 * (the cohort is closed or archived) or RT_EDB.
 */
int cohort_join(struct dbh *h, int64_t cohort_id, int64_t org_id,
    int64_t user_id, time_t now);

/*
 * Takes org_id out of the cohort: its trainers stop reading the plan at
 * once.  Their visits to the plan (trainer_visits) are forgotten in the
 * same transaction, except a trainer's whom another cohort still lets
 * read it; the comments stay with the plan.  Returns RT_OK, RT_ENOTFOUND
 * (not in it) or RT_EDB.
 */
int cohort_leave(struct dbh *h, int64_t cohort_id, int64_t org_id);

/* A cohort an organisation is in, as the organisation's page shows it. */
struct cohort_of_org {
	int64_t id;
	char    name[AUTH_NAME_MAX];
	char    trainers[AUTH_NAME_MAX];  /* the names of the trainers who hold the
	                                   * trainer role, ", "-separated */
	int     state;
	int64_t joined_at;
};

/* Lists the cohorts org_id is in, newest joined first.  Ownership as above. */
int cohort_list_for_org(struct dbh *h, int64_t org_id,
    struct cohort_of_org **out, size_t *n);

#endif
