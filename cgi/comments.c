/*
 * comments.c: "/o/<id>/<section>/comments" and
 * "/o/<id>/comments/<comment id>/resolve", the comments on a section of a
 * plan, and what the section page and the overview show of them.
 *
 * Whoever reads the plan (a member, or a trainer of a cohort it is in;
 * cgi/main.c checks) may answer a thread and resolve or reopen it; only a
 * trainer starts one.
 *
 * POST .../<section>/comments body, thread (optional): 303 to
 * /o/<id>/<section>#c<new comment id>; 422, the section page with the
 * message next to the text kept, for a body empty or too long; 404 for a
 * thread that is not one of this section of this organisation; 403 for a
 * member starting a thread; 400 for a malformed thread id.
 * POST /o/<id>/comments/<comment id>/resolve action=resolve|reopen: 303
 * back to the section at #c<thread id>; 404 for a comment of another
 * organisation, or none; 400 for another action.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "comment.h"
#include "comments.h"
#include "org.h"
#include "workbook.h"

/* The characters of a message shown on the overview before "…". */
#define COMMENT_EXCERPT 160

static const struct field_def comment_fields[] = {
	{ "body", FIELD_TEXT, 1, 1, COMMENT_BODY_MAX, NULL, N_("Comment") },
	{ "thread", FIELD_INT, 0, 1, INT64_MAX, NULL, NULL },
};
#define COMMENT_NFIELDS (sizeof comment_fields / sizeof comment_fields[0])

static const char *const resolve_actions[] = { "resolve", "reopen", NULL };

static const struct field_def resolve_fields[] = {
	{ "action", FIELD_CHOICE, 1, 0, 0, resolve_actions, NULL },
};

/*
 * Writes into out (outlen bytes) the first COMMENT_EXCERPT characters of
 * s, line breaks turned into spaces, with "…" when something was cut.
 */
static void
comment_excerpt(const char *s, char *out, size_t outlen)
{
	size_t	 used = 0, chars = 0, len;

	while (*s != '\0' && chars < COMMENT_EXCERPT) {
		len = 1;
		while ((((unsigned char)s[len]) & 0xc0) == 0x80)
			len++;
		if (used + len + 4 > outlen)
			break;
		if (*s == '\n' || *s == '\r' || *s == '\t')
			out[used++] = ' ';
		else {
			memcpy(out + used, s, len);
			used += len;
		}
		s += len;
		chars++;
	}
	if (*s != '\0' && used + 4 <= outlen) {
		memcpy(out + used, "\xE2\x80\xA6", 3);
		used += 3;
	}
	out[used] = '\0';
}

/* The name of a message's author, or "a former member" when the account is gone. */
static const char *
comment_author(struct req *r, const struct comment *m)
{
	if (m->author[0] != '\0')
		return m->author;
	return m->by_trainer ? T(r, "a former trainer") :
	    T(r, "a former member");
}

/* Adds one {{#msg}} to d: author, side, date and text of m. */
static void
comment_msg(struct req *r, struct tpl_dict *d, const struct comment *m)
{
	struct tpl_dict	*e = tpl_add_section(d, "msg");
	char		 date[64], hour[32];

	tpl_set_int(e, "ID", m->id);
	tpl_set(e, "AUTHOR", comment_author(r, m));
	tpl_show(e, m->by_trainer ? "trainer" : "group");
	i18n_format_date(r->lang, m->created_at, date, sizeof date);
	i18n_format_time(r->lang, m->created_at, hour, sizeof hour);
	tpl_set(e, "DATE", date);
	tpl_set(e, "TIME", hour);
	tpl_set(e, "BODY", m->body);
}

/*
 * Adds one {{#thread}} to d for t: its messages, and for an open thread
 * (or one with a refused reply in typed) the reply form, then the button
 * that resolves or reopens it.  first_resolved marks the first resolved
 * thread, under which the page puts its heading.
 */
static void
comment_thread(struct req *r, struct tpl_dict *d,
    const struct comment_thread *t, const struct comment_typed *typed,
    int first_resolved)
{
	struct tpl_dict	*e = tpl_add_section(d, "thread"), *f;
	char		 date[64], start[COMMENT_EXCERPT * 4 + 8];
	int		 mine = typed != NULL && typed->thread == t->id;
	size_t		 i;

	tpl_set_int(e, "THREAD_ID", t->id);
	if (t->resolved_at == 0)
		tpl_show(e, "unfolded");
	else {
		f = tpl_add_section(e, "folded");
		if (first_resolved)
			tpl_show(f, "first_resolved");
		if (mine)
			tpl_show(f, "open");
		i18n_format_date(r->lang, t->resolved_at, date, sizeof date);
		tpl_set(f, "RESOLVED_ON", date);
		if (t->resolved_by[0] != '\0')
			tpl_set(tpl_add_section(f, "by"), "BY", t->resolved_by);
		comment_excerpt(t->msgs[0].body, start, sizeof start);
		tpl_set(f, "START", start);
	}
	for (i = 0; i < t->n; i++)
		comment_msg(r, e, &t->msgs[i]);
	if (t->resolved_at == 0 || mine) {
		f = tpl_add_section(e, "reply");
		if (mine) {
			tpl_set(f, "REPLY", typed->body);
			tpl_set(tpl_add_section(f, "reply_error"), "MESSAGE",
			    typed->message);
		}
	}
}

int
comments_fill(struct req *r, struct tpl_dict *d,
    const struct comment_typed *typed)
{
	struct comment_thread	*v = NULL;
	struct tpl_dict		*c, *f;
	size_t			 i, n = 0, open = 0;
	int			 rc, trainer = r->role == ORG_ROLE_TRAINER;
	int			 resolved = 0;

	if ((rc = comment_threads(r->h, r->org_id, r->section, 0, &v, &n)) !=
	    RT_OK)
		return rc;
	if (n == 0 && !trainer) {
		comment_threads_free(v, n);
		return RT_OK;
	}
	c = tpl_add_section(d, "comments");
	tpl_show(c, trainer ? "for_trainer" : "for_group");
	if (n == 0)
		tpl_show(c, "no_comments");
	/* Open threads first, then the resolved ones, each oldest first. */
	for (i = 0; i < n; i++)
		if (v[i].resolved_at == 0) {
			comment_thread(r, c, &v[i], typed, 0);
			open++;
		}
	/* The comments come after the form: the top of the page says so. */
	if (open > 0)
		tpl_set_int(tpl_add_section(d, "comments_notice"), "OPEN",
		    (long long)open);
	for (i = 0; i < n; i++)
		if (v[i].resolved_at != 0)
			comment_thread(r, c, &v[i], typed, resolved++ == 0);
	if (trainer) {
		f = tpl_add_section(c, "new_comment");
		if (typed != NULL && typed->thread == 0) {
			tpl_set(f, "BODY", typed->body);
			tpl_set(tpl_add_section(f, "body_error"), "MESSAGE",
			    typed->message);
		}
	}
	comment_threads_free(v, n);
	return RT_OK;
}

size_t
comments_to_answer(struct req *r, struct tpl_dict *d,
    const struct comment_thread *v, size_t n)
{
	const struct comment	*last;
	struct tpl_dict		*e, *list = NULL;
	char			 date[64], start[COMMENT_EXCERPT * 4 + 8];
	size_t			 i, added = 0;
	int			 trainer = r->role == ORG_ROLE_TRAINER;

	for (i = 0; i < n; i++) {
		if (v[i].resolved_at != 0 || v[i].n == 0)
			continue;
		last = &v[i].msgs[v[i].n - 1];
		/* Waiting for the reader: the other side spoke last. */
		if (last->by_trainer == trainer)
			continue;
		if (list == NULL)
			list = tpl_add_section(d, "to_answer");
		e = tpl_add_section(list, "open_thread");
		tpl_set(e, "SLUG", wb_sections[v[i].section].slug);
		tpl_set(e, "SECTION", T(r, wb_sections[v[i].section].title));
		tpl_set_int(e, "ID", last->id);
		tpl_set(e, "AUTHOR", comment_author(r, last));
		i18n_format_date(r->lang, last->created_at, date, sizeof date);
		tpl_set(e, "DATE", date);
		comment_excerpt(last->body, start, sizeof start);
		tpl_set(e, "START", start);
		added++;
	}
	return added;
}

int
comments_visit(struct req *r, int64_t *since_at)
{
	int64_t	 since = 0;
	int	 rc = RT_OK;

	if (r->role == ORG_ROLE_TRAINER)
		rc = visit_record(r->h, r->sess.user_id, r->org_id, r->now,
		    &since);
	if (since_at != NULL)
		*since_at = since;
	return rc;
}

/*
 * Answers a comment refused for its body: the section page with the text
 * kept in the form it was typed in and message beside it (422).  A reply
 * to a thread this section does not have is answered 404 instead, as
 * comment_add() would.
 */
static int
comment_refused(struct req *r, int64_t thread, const char *body,
    const char *message)
{
	struct comment_thread	*v = NULL;
	struct comment_typed	 typed = { thread, body, message };
	size_t			 i, n = 0;
	int			 rc, found = thread == 0;

	if (thread != 0) {
		if ((rc = comment_threads(r->h, r->org_id, r->section, 0, &v,
		    &n)) != RT_OK)
			return rc;
		for (i = 0; i < n && !found; i++)
			found = v[i].id == thread;
		comment_threads_free(v, n);
	}
	if (!found)
		return page_error(r, 404, N_("This conversation does not "
		    "exist."));
	return section_show(r, &typed, 422);
}

int
comment_add_post(struct req *r)
{
	struct form			 f = { 0 };
	const struct field_value	*body, *thread;
	char				 msg[256], loc[160];
	int64_t				 id = 0, tid;
	int				 rc;

	if ((rc = form_validate(&f, comment_fields, COMMENT_NFIELDS,
	    &r->form, 0)) != RT_OK)
		goto out;
	body = form_get(&f, "body");
	thread = form_get(&f, "thread");
	if (thread->error != FIELD_OK) {
		rc = page_error(r, 400, N_("The request was malformed."));
		goto out;
	}
	tid = thread->present ? (int64_t)thread->num : 0;
	if (tid == 0 && r->role != ORG_ROLE_TRAINER) {
		rc = page_error(r, 403, N_("A trainer starts the "
		    "conversations about a section; you can answer each of "
		    "them."));
		goto out;
	}
	if (body->error != FIELD_OK) {
		page_field_message(r, &comment_fields[0], body->error, msg,
		    sizeof msg);
		rc = comment_refused(r, tid, body->text, msg);
		goto out;
	}
	rc = comment_add(r->h, r->org_id, r->section, tid, r->sess.user_id,
	    r->role == ORG_ROLE_TRAINER, body->text, r->now, &id);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This conversation does not "
		    "exist."));
		goto out;
	}
	if (rc == RT_EINVAL) {
		/* The form allowed it: only invalid UTF-8 gets here. */
		page_field_message(r, &comment_fields[0], FIELD_EFORMAT, msg,
		    sizeof msg);
		rc = comment_refused(r, tid, "", msg);
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	snprintf(loc, sizeof loc, "/o/%lld/%s#c%lld", (long long)r->org_id,
	    wb_sections[r->section].slug, (long long)id);
	rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}

int
comment_resolve_post(struct req *r)
{
	struct form	 f = { 0 };
	char		 loc[160];
	int64_t		 thread = 0;
	int		 rc, section = -1;

	if ((rc = form_validate(&f, resolve_fields, 1, &r->form, 0)) != RT_OK)
		goto out;
	if (f.nerrors > 0) {
		rc = page_error(r, 400, N_("The request was malformed."));
		goto out;
	}
	rc = comment_set_resolved(r->h, r->org_id, r->item_id,
	    form_get(&f, "action")->num == 0, r->sess.user_id, r->now,
	    &thread, &section);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This conversation does not "
		    "exist."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	if (section >= 0)
		snprintf(loc, sizeof loc, "/o/%lld/%s#c%lld",
		    (long long)r->org_id, wb_sections[section].slug,
		    (long long)thread);
	else
		snprintf(loc, sizeof loc, "/o/%lld/", (long long)r->org_id);
	rc = page_redirect(r, 303, loc);
out:
	form_free(&f);
	return rc;
}
