/*
 * comment.h: comments on the sections of a plan, the trainers' visits, and
 * what changed in a plan since a given time.
 *
 * A trainer reading a group's plan writes a comment on one of its
 * sections; that opens a thread, which the group and the trainers answer
 * (replies) and which anyone who reads the plan marks resolved, or
 * reopens.  A reply to a resolved thread reopens it: a reply means the
 * conversation goes on, and it would otherwise be folded away unread.
 * The table is comments of schema.sql; who may write is the caller's
 * business (cgi/main.c: anyone who reads the plan).
 *
 * A trainer's visit of a plan is a run of page views with no gap over
 * VISIT_GAP seconds (trainer_visits of schema.sql); the plan's overview
 * shows them what was saved since the end of their previous visit, as the
 * differences between each section then and now (changes_since()).
 */
#ifndef RESEAUTER_COMMENT_H
#define RESEAUTER_COMMENT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "auth.h"
#include "db.h"
#include "i18n.h"
#include "workbook.h"

#define COMMENT_BODY_MAX  4000   /* characters (code points) of a comment */
#define VISIT_GAP         3600   /* seconds: a longer pause starts a new visit */
#define CHANGES_MAX       200    /* differences listed by changes_since(), in all */

/* One message of a thread. */
struct comment {
	int64_t  id;
	int64_t  user_id;                /* 0 when the account is gone */
	char     author[AUTH_NAME_MAX];  /* "" when the account is gone */
	int      by_trainer;             /* 1: written by a trainer; 0: by a member */
	int64_t  created_at;             /* unix time */
	char    *body;                   /* UTF-8, owned by the thread's array */
};

/* A thread: the comment that opened it, then its replies, in order. */
struct comment_thread {
	int64_t         id;               /* the id of the opening comment */
	int             section;          /* enum wb_section */
	int64_t         resolved_at;      /* unix time; 0 while open */
	char            resolved_by[AUTH_NAME_MAX]; /* "" while open, or when that
	                                   * account is gone */
	struct comment *msgs;             /* n >= 1 messages; msgs[0] opened it */
	size_t          n;
};

/*
 * Adds a comment by user_id to section of org_id: a new thread when
 * thread_id is 0, else a reply to thread thread_id, which must be the
 * opening comment of a thread of that same organisation and section (a
 * reply to a resolved thread reopens it, in the same transaction).
 * by_trainer says on which side the author writes.  body is valid UTF-8
 * of 1 to COMMENT_BODY_MAX characters (the caller's form checks it; it is
 * checked again here).  Returns RT_OK with *id, RT_EINVAL (body empty,
 * too long or not UTF-8), RT_ENOTFOUND (no such thread there), RT_EBUSY
 * or RT_EDB; nothing is written unless RT_OK.
 */
int comment_add(struct dbh *h, int64_t org_id, int section,
    int64_t thread_id, int64_t user_id, int by_trainer, const char *body,
    time_t now, int64_t *id);

/*
 * Marks the thread of comment_id (its opening comment or any reply) in
 * org_id resolved by user_id at now (resolved 1; a thread already
 * resolved keeps its first date and resolver), or open again (resolved
 * 0).  Returns RT_OK with the thread's id in *thread_id and its section
 * in *section, RT_ENOTFOUND (no such comment in org_id: nothing written),
 * RT_EBUSY or RT_EDB.
 */
int comment_set_resolved(struct dbh *h, int64_t org_id, int64_t comment_id,
    int resolved, int64_t user_id, time_t now, int64_t *thread_id,
    int *section);

/*
 * Lists the threads of section of org_id (section -1: of every section),
 * only the open ones when open_only, each with all its messages in order;
 * threads oldest first.  One query, whatever the number of threads.  A
 * comment on a section this program does not declare is left out.  On
 * RT_OK *out is a malloc'd array of *n threads (NULL when none) that the
 * caller frees with comment_threads_free().  Returns RT_OK, RT_ENOMEM or
 * RT_EDB, and then *out is NULL and *n 0.
 */
int comment_threads(struct dbh *h, int64_t org_id, int section,
    int open_only, struct comment_thread **out, size_t *n);

/* Frees threads v[0..n) and their messages; NULL is allowed. */
void comment_threads_free(struct comment_thread *v, size_t n);

/*
 * Writes into counts the number of open threads of each section of
 * org_id (0 for a section without any).  Returns RT_OK or RT_EDB (counts
 * all 0).
 */
int comment_open_counts(struct dbh *h, int64_t org_id, int counts[WB__MAX]);

/*
 * Records that user_id views a page of org_id's plan at now, in one write
 * transaction, and writes into *since_at the end of their previous visit:
 * 0 on a first visit (and for the whole of it), the time of their last
 * view before a gap of more than VISIT_GAP seconds otherwise, unchanged
 * while views follow each other closer than that.  Returns RT_OK,
 * RT_EBUSY or RT_EDB (*since_at 0).
 */
int visit_record(struct dbh *h, int64_t user_id, int64_t org_id, time_t now,
    int64_t *since_at);

/* What a difference between two versions of a section is about. */
enum change_kind {
	CHANGE_FIELD = 0,     /* a field of the section: label, before, after */
	CHANGE_ITEM_FIELD,    /* a field of an item kept: item, label, before, after */
	CHANGE_ITEM_ADDED,    /* an item added: item; after holds its answers */
	CHANGE_ITEM_REMOVED   /* an item removed: item; before holds its answers */
};

/*
 * One difference, as a person reads it in the language asked for: the
 * field's label, the item's title, and the values as display_text()
 * writes them ("" for an empty one; an item's answers are "label: value"
 * lines).  Every string is malloc'd, never NULL, freed by changes_free().
 */
struct change_diff {
	int   kind;      /* enum change_kind */
	char *item;      /* "" for a field of the section itself */
	char *label;     /* "" for an item added or removed */
	char *before;
	char *after;
};

/* A section saved after the time asked about. */
struct section_change {
	int                 section;     /* enum wb_section */
	int64_t             updated_at;  /* its last save */
	char                updated_by[AUTH_NAME_MAX]; /* "" when the account is gone */
	int64_t             saves;       /* versions saved since (restores included) */
	int                 was_empty;   /* never saved at that time */
	struct change_diff *diffs;       /* ndiffs listed, in the order of the form */
	size_t              ndiffs;
	size_t              more;        /* differences found beyond CHANGES_MAX */
};

/*
 * Lists, in the order of the workbook, every section of org_id saved
 * after since (plan_sections.updated_at > since) with the differences
 * between the section as it was at since (the revision of highest version
 * saved at or before since, or the empty section when there is none) and
 * cur, the current plan the caller loaded (plan_load_all()).  Fields are
 * compared one by one, items by their id; values are written with
 * display_text() in lang through c, references read in the plan of their
 * time.  At most CHANGES_MAX differences are listed in all; the others
 * are only counted, in each section's more.  On RT_OK *out is a malloc'd
 * array of *n entries (NULL when none) that the caller frees with
 * changes_free().  Returns RT_OK, RT_ENOMEM or RT_EDB (also for a stored
 * document that does not read back, logged), and then *out is NULL.
 */
int changes_since(struct dbh *h, int64_t org_id, int64_t since,
    const struct wb_plan *cur, const struct i18n *c, enum lang lang,
    struct section_change **out, size_t *n);

/* Frees v[0..n) and every difference; NULL is allowed. */
void changes_free(struct section_change *v, size_t n);

#endif
