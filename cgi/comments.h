/*
 * comments.h: what the pages of a plan share about comments and the
 * trainers' visits (comments.c), and the section page that shows a
 * refused comment again (section.c).
 */
#ifndef RESEAUTER_CGI_COMMENTS_H
#define RESEAUTER_CGI_COMMENTS_H

#include <stdint.h>

#include "cgi.h"
#include "comment.h"

/* A comment that was refused, to show again where it was typed. */
struct comment_typed {
	int64_t     thread;    /* the thread it replies to, 0 for a new comment */
	const char *body;      /* the text as typed */
	const char *message;   /* why it was refused, already translated */
};

/*
 * Adds to d, the dictionary of templates/section.tpl, the comments of
 * r->section: its threads (open ones first, resolved ones folded), a
 * reply form in each open thread and the buttons that resolve or reopen
 * them, and for a trainer the form of a new comment.  A member sees the
 * region only when the section has comments.  typed (or NULL) is a
 * refused comment, shown again in its form with its message.  Returns
 * RT_OK, RT_ENOMEM or RT_EDB.
 */
int comments_fill(struct req *r, struct tpl_dict *d,
    const struct comment_typed *typed);

/*
 * Adds to d, for the overview, a {{#to_answer}} holding one
 * {{#open_thread}} per open thread of v whose newest message is from the
 * other side than the reader (from a trainer for a member, from the group
 * for a trainer): its section with a link to that message, who wrote it,
 * when, and the start of it.  Nothing when there is none.  Returns the
 * number of threads added.
 */
size_t comments_to_answer(struct req *r, struct tpl_dict *d,
    const struct comment_thread *v, size_t n);

/*
 * Records a page view of the plan by a trainer (r->role is
 * ORG_ROLE_TRAINER) with visit_record(), and writes the end of their
 * previous visit into *since_at (may be NULL).  Nothing for a member.
 * Returns what visit_record() returns, RT_OK for a member.
 */
int comments_visit(struct req *r, int64_t *since_at);

/*
 * Shows the page of r->section: the form for a member, the answers
 * read-only for a trainer, with the comments, typed (or NULL) shown again
 * in its form, answered with status.  In section.c.
 */
int section_show(struct req *r, const struct comment_typed *typed,
    int status);

#endif
