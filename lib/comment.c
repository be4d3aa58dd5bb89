/*
 * comment.c: comments on the sections of a plan, the trainers' visits,
 * and the differences between a plan then and now.
 *
 * Writes (a comment, a resolution, a visit) are each one write
 * transaction on the shared writer; lists are single queries on the
 * thread's reader, so a page with fifty threads costs one query, not
 * fifty.  The differences read the documents of the sections saved since
 * a time in one query too, and compare them in C with the current plan
 * the caller already loaded: SQLite never parses a document here.
 *
 * Who frees: comment_threads() hands out an array that
 * comment_threads_free() frees with every message; changes_since() one
 * that changes_free() frees with every difference.  On failure nothing is
 * handed out.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "status.h"
#include "buf.h"
#include "comment.h"
#include "db.h"
#include "display.h"
#include "i18n.h"
#include "json.h"
#include "sql.h"
#include "workbook.h"

/* The deepest nesting of a section's document, as plan.c reads it. */
#define COMMENT_JSON_DEPTH 8

/* The most bytes of one value as display_text() writes it here. */
#define CHANGE_TEXT_MAX 16384

/*
 * Maps the status rc of a database call to what this module answers:
 * RT_OK, RT_EBUSY, RT_ESTORAGE and RT_ENOMEM stay, and so does allowed
 * (pass RT_OK for none); anything else is RT_EDB.
 */
static int
comment_status(int rc, int allowed)
{
	if (rc == RT_OK || rc == RT_EBUSY || rc == RT_ESTORAGE ||
	    rc == RT_ENOMEM || rc == allowed)
		return rc;
	return RT_EDB;
}

/*
 * Counts the characters (code points) of s, or returns (size_t)-1 when s
 * is not valid UTF-8 (a stray continuation byte, a truncated sequence, an
 * overlong form, a surrogate, a code point past U+10FFFF).
 */
static size_t
comment_chars(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned long		 cp;
	size_t			 n = 0, len, i;

	while (*p != '\0') {
		if (*p < 0x80) {
			p++;
			n++;
			continue;
		}
		if ((*p & 0xe0) == 0xc0) {
			len = 2;
			cp = *p & 0x1f;
		} else if ((*p & 0xf0) == 0xe0) {
			len = 3;
			cp = *p & 0x0f;
		} else if ((*p & 0xf8) == 0xf0) {
			len = 4;
			cp = *p & 0x07;
		} else
			return (size_t)-1;
		for (i = 1; i < len; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return (size_t)-1;
			cp = cp << 6 | (p[i] & 0x3f);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return (size_t)-1;
		p += len;
		n++;
	}
	return n;
}

/* See comment.h. */
int
comment_add(struct dbh *h, int64_t org_id, int section,
    int64_t thread_id, int64_t user_id, int by_trainer, const char *body,
    time_t now, int64_t *id)
{
	struct db_conn	*w;
	sqlite3_stmt	*st = NULL;
	const char	*slug;
	size_t		 chars;
	int		 rc, resolved = 0;

	assert(h != NULL && h->db != NULL && body != NULL && id != NULL);
	*id = 0;
	if (section < 0 || section >= WB__MAX)
		return RT_ENOTFOUND;
	slug = wb_sections[section].slug;
	chars = comment_chars(body);
	if (chars == 0 || chars == (size_t)-1 || chars > COMMENT_BODY_MAX)
		return RT_EINVAL;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if (thread_id != 0) {
		if ((st = db_stmt(w, DB_STMT_COMMENT_THREAD)) == NULL) {
			rc = RT_EDB;
			goto fail;
		}
		if (sqlite3_bind_int64(st, 1, thread_id) != SQLITE_OK ||
		    sqlite3_bind_int64(st, 2, org_id) != SQLITE_OK ||
		    sqlite3_bind_text(st, 3, slug, -1, SQLITE_STATIC) !=
		    SQLITE_OK) {
			rc = db_fail(w, "bind comment thread");
			goto fail;
		}
		if ((rc = db_step_row(w, st, "comment thread")) != RT_OK)
			goto fail;
		resolved = sqlite3_column_int(st, 0);
		db_stmt_release(st);
		st = NULL;
	}
	if ((st = db_stmt(w, DB_STMT_COMMENT_ADD)) == NULL) {
		rc = RT_EDB;
		goto fail;
	}
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, slug, -1, SQLITE_STATIC) != SQLITE_OK ||
	    (thread_id != 0 ? sqlite3_bind_int64(st, 3, thread_id) :
	    sqlite3_bind_null(st, 3)) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, user_id) != SQLITE_OK ||
	    sqlite3_bind_int(st, 5, by_trainer ? 1 : 0) != SQLITE_OK ||
	    sqlite3_bind_text(st, 6, body, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 7, (int64_t)now) != SQLITE_OK) {
		rc = db_fail(w, "bind comment");
		goto fail;
	}
	if ((rc = db_step_row(w, st, "add comment")) != RT_OK)
		goto fail;
	/* The first step of an INSERT ... RETURNING has made the change. */
	*id = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	st = NULL;
	if (resolved) {
		if ((st = db_stmt(w, DB_STMT_COMMENT_REOPEN)) == NULL) {
			rc = RT_EDB;
			goto fail;
		}
		if (sqlite3_bind_int64(st, 1, thread_id) != SQLITE_OK) {
			rc = db_fail(w, "bind reopen");
			goto fail;
		}
		if ((rc = db_step_done(w, st, "reopen thread")) != RT_OK)
			goto fail;
		db_stmt_release(st);
		st = NULL;
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		*id = 0;
	return rc;
fail:
	db_stmt_release(st);
	db_write_rollback(h->db, w);
	*id = 0;
	return comment_status(rc, RT_ENOTFOUND);
}

/* See comment.h. */
int
comment_set_resolved(struct dbh *h, int64_t org_id, int64_t comment_id,
    int resolved, int64_t user_id, time_t now, int64_t *thread_id,
    int *section)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	const char	*slug;
	int		 rc;

	assert(h != NULL && h->db != NULL && thread_id != NULL &&
	    section != NULL);
	*thread_id = 0;
	*section = -1;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_COMMENT_RESOLVE)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, comment_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, org_id) != SQLITE_OK ||
	    sqlite3_bind_int(st, 3, resolved ? 1 : 0) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, user_id) != SQLITE_OK)
		rc = db_fail(w, "bind resolve");
	else if ((rc = db_step_row(w, st, "resolve thread")) == RT_OK) {
		*thread_id = sqlite3_column_int64(st, 0);
		slug = (const char *)sqlite3_column_text(st, 1);
		*section = slug != NULL ? wb_section_by_slug(slug) : -1;
	}
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		*thread_id = 0;
		*section = -1;
		return comment_status(rc, RT_ENOTFOUND);
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK) {
		*thread_id = 0;
		*section = -1;
	}
	return rc;
}

/* See comment.h. */
void
comment_threads_free(struct comment_thread *v, size_t n)
{
	size_t	 i, k;

	for (i = 0; v != NULL && i < n; i++) {
		for (k = 0; k < v[i].n; k++)
			free(v[i].msgs[k].body);
		free(v[i].msgs);
	}
	free(v);
}

/*
 * See comment.h.  The rows come thread after thread, the opening comment
 * first, so a new thread starts whenever the thread column changes.  The
 * messages of the thread being read grow in their own array; *cap of each
 * finished thread is not kept (realloc() does not need it).
 */
int
comment_threads(struct dbh *h, int64_t org_id, int section,
    int open_only, struct comment_thread **out, size_t *n)
{
	sqlite3_stmt		*st;
	struct comment_thread	*v = NULL, *t = NULL;
	struct comment		*m;
	const char		*slug;
	size_t			 nv = 0, cap = 0, mcap = 0;
	int64_t			 tid;
	int			 rc, sec;

	assert(h != NULL && h->rd != NULL && out != NULL && n != NULL);
	*out = NULL;
	*n = 0;
	if (section >= WB__MAX)
		return RT_OK;
	if ((st = db_stmt(h->rd, DB_STMT_COMMENTS_OF_ORG)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK ||
	    (section >= 0 ? sqlite3_bind_text(st, 2, wb_sections[section].slug,
	    -1, SQLITE_STATIC) : sqlite3_bind_null(st, 2)) != SQLITE_OK ||
	    sqlite3_bind_int(st, 3, open_only ? 1 : 0) != SQLITE_OK) {
		rc = db_fail(h->rd, "bind comments");
		goto out;
	}
	while ((rc = db_step_row(h->rd, st, "comments")) == RT_OK) {
		tid = sqlite3_column_int64(st, 1);
		slug = (const char *)sqlite3_column_text(st, 2);
		if (slug == NULL || (sec = wb_section_by_slug(slug)) < 0)
			continue;
		if (t == NULL || t->id != tid) {
			t = db_array_add((void **)&v, &nv, &cap, sizeof(*v));
			if (t == NULL) {
				rc = RT_ENOMEM;
				goto out;
			}
			t->id = tid;
			t->section = sec;
			t->resolved_at = sqlite3_column_int64(st, 8);
			if (t->resolved_at != 0)
				db_column_copy(st, 9, t->resolved_by,
				    sizeof(t->resolved_by));
			mcap = 0;
		}
		m = db_array_add((void **)&t->msgs, &t->n, &mcap, sizeof(*m));
		if (m == NULL) {
			rc = RT_ENOMEM;
			goto out;
		}
		m->id = sqlite3_column_int64(st, 0);
		m->user_id = sqlite3_column_int64(st, 3);
		db_column_copy(st, 4, m->author, sizeof(m->author));
		m->by_trainer = sqlite3_column_int(st, 5) != 0;
		m->created_at = sqlite3_column_int64(st, 7);
		if ((m->body = db_column_dup(st, 6)) == NULL) {
			rc = RT_ENOMEM;
			goto out;
		}
	}
	if (rc == RT_ENOTFOUND)
		rc = RT_OK;
out:
	db_stmt_release(st);
	if (rc != RT_OK) {
		comment_threads_free(v, nv);
		return rc == RT_ENOMEM ? RT_ENOMEM : RT_EDB;
	}
	if (nv == 0) {
		free(v);
		v = NULL;
	}
	*out = v;
	*n = nv;
	return RT_OK;
}

/* See comment.h. */
int
comment_open_counts(struct dbh *h, int64_t org_id, int counts[WB__MAX])
{
	sqlite3_stmt	*st;
	const char	*slug;
	int		 rc, sec;

	assert(h != NULL && h->rd != NULL && counts != NULL);
	memset(counts, 0, sizeof(int) * WB__MAX);
	if ((st = db_stmt(h->rd, DB_STMT_COMMENT_OPEN_COUNTS)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK)
		rc = db_fail(h->rd, "bind open counts");
	else {
		while ((rc = db_step_row(h->rd, st, "open counts")) == RT_OK) {
			slug = (const char *)sqlite3_column_text(st, 0);
			if (slug != NULL && (sec = wb_section_by_slug(slug)) >= 0)
				counts[sec] = sqlite3_column_int(st, 1);
		}
		if (rc == RT_ENOTFOUND)
			rc = RT_OK;
	}
	db_stmt_release(st);
	if (rc != RT_OK) {
		memset(counts, 0, sizeof(int) * WB__MAX);
		return RT_EDB;
	}
	return RT_OK;
}

/*
 * See comment.h.  One statement does it all (an upsert that returns the
 * new since_at): a first view inserts since_at 0; a later one moves
 * since_at to the previous last view when more than VISIT_GAP seconds
 * passed since it, and last_seen_at never goes back in time.
 */
int
visit_record(struct dbh *h, int64_t user_id, int64_t org_id, time_t now,
    int64_t *since_at)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->db != NULL && since_at != NULL);
	*since_at = 0;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_VISIT_RECORD)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, org_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, (int64_t)now) != SQLITE_OK ||
	    sqlite3_bind_int(st, 4, VISIT_GAP) != SQLITE_OK)
		rc = db_fail(w, "bind visit");
	else if ((rc = db_step_row(w, st, "record visit")) == RT_OK)
		*since_at = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		*since_at = 0;
		return comment_status(rc, RT_OK);
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		*since_at = 0;
	return rc;
}

/* See comment.h. */
void
changes_free(struct section_change *v, size_t n)
{
	size_t	 i, k;

	for (i = 0; v != NULL && i < n; i++) {
		for (k = 0; k < v[i].ndiffs; k++) {
			free(v[i].diffs[k].item);
			free(v[i].diffs[k].label);
			free(v[i].diffs[k].before);
			free(v[i].diffs[k].after);
		}
		free(v[i].diffs);
	}
	free(v);
}

/* What the comparison of one section works with. */
struct diff_ctx {
	const struct i18n	*c;
	enum lang		 lang;
	const struct wb_plan	*oldp;     /* the plan at since */
	const struct wb_plan	*newp;     /* the plan now */
	struct section_change	*sc;       /* where differences go */
	size_t			 cap;      /* room of sc->diffs */
	size_t			*listed;   /* differences listed so far, in all sections */
	char			*a, *b;    /* two CHANGE_TEXT_MAX buffers */
};

/*
 * Records one difference in x->sc: listed while fewer than CHANGES_MAX
 * have been in all, else only counted in sc->more.  Copies every string
 * (NULL reads as "").  Returns RT_OK or RT_ENOMEM.
 */
static int
diff_add(struct diff_ctx *x, int kind, const char *item, const char *label,
    const char *before, const char *after)
{
	struct change_diff	*d;

	if (*x->listed >= CHANGES_MAX) {
		x->sc->more++;
		return RT_OK;
	}
	d = db_array_add((void **)&x->sc->diffs, &x->sc->ndiffs, &x->cap,
	    sizeof(*d));
	if (d == NULL)
		return RT_ENOMEM;
	d->kind = kind;
	d->item = strdup(item != NULL ? item : "");
	d->label = strdup(label != NULL ? label : "");
	d->before = strdup(before != NULL ? before : "");
	d->after = strdup(after != NULL ? after : "");
	if (d->item == NULL || d->label == NULL || d->before == NULL ||
	    d->after == NULL)
		return RT_ENOMEM;
	(*x->listed)++;
	return RT_OK;
}

/*
 * Compares the values of fields[0..n) in ov (at since, read in x->oldp)
 * and nv (now, in x->newp), and records each field whose text as a
 * person reads it differs, under item (NULL for the section's own
 * fields).  Two stored values that read the same (a reference to an item
 * that is gone reads as nothing either way) are no difference.  Returns
 * RT_OK or RT_ENOMEM.
 */
static int
diff_fields(struct diff_ctx *x, const struct wb_field *fields, size_t n,
    char *const *ov, char *const *nv, const char *item)
{
	const char	*o, *v;
	size_t		 i;
	int		 rc;

	for (i = 0; i < n; i++) {
		o = ov[i] != NULL ? ov[i] : "";
		v = nv[i] != NULL ? nv[i] : "";
		if (strcmp(o, v) == 0)
			continue;
		display_text(x->c, x->lang, &fields[i], o, x->oldp, x->a,
		    CHANGE_TEXT_MAX);
		display_text(x->c, x->lang, &fields[i], v, x->newp, x->b,
		    CHANGE_TEXT_MAX);
		if (strcmp(x->a, x->b) == 0)
			continue;
		if ((rc = diff_add(x, item != NULL ? CHANGE_ITEM_FIELD :
		    CHANGE_FIELD, item, i18n_get(x->c, x->lang,
		    fields[i].def.label), x->a, x->b)) != RT_OK)
			return rc;
	}
	return RT_OK;
}

/*
 * Writes into out (CHANGE_TEXT_MAX bytes) the answered fields of item it
 * of list l, one "label: value" line each, read in plan p; "" when none
 * is answered.  tmp is a CHANGE_TEXT_MAX scratch buffer.
 */
static void
diff_item_text(struct diff_ctx *x, const struct wb_list *l,
    const struct wb_item *it, const struct wb_plan *p, char *out, char *tmp)
{
	size_t	 used = 0, f;
	int	 k;

	out[0] = '\0';
	for (f = 0; f < l->nfields; f++) {
		display_text(x->c, x->lang, &l->fields[f], it->values[f], p,
		    tmp, CHANGE_TEXT_MAX);
		if (tmp[0] == '\0')
			continue;
		k = snprintf(out + used, CHANGE_TEXT_MAX - used, "%s%s%s %s",
		    used > 0 ? "\n" : "",
		    i18n_get(x->c, x->lang, l->fields[f].def.label),
		    x->lang == LANG_FR ? "\xC2\xA0:" : ":", tmp);
		if (k < 0 || (size_t)k >= CHANGE_TEXT_MAX - used) {
			/* Cut at a character boundary. */
			used = CHANGE_TEXT_MAX - 1;
			while (used > 0 &&
			    ((unsigned char)out[used] & 0xc0) == 0x80)
				used--;
			out[used] = '\0';
			return;
		}
		used += (size_t)k;
	}
}

/*
 * Compares list l of od (at since) and nd (now): items removed (in od,
 * not in nd by id), then, in nd's order, items added and the fields of
 * the items kept.  Returns RT_OK or RT_ENOMEM.
 */
static int
diff_list(struct diff_ctx *x, size_t l, const struct wb_data *od,
    const struct wb_data *nd)
{
	const struct wb_list		*ldef = &wb_sections[nd->section].lists[l];
	const struct wb_list_data	*ol = &od->lists[l], *nl = &nd->lists[l];
	const struct wb_item		*it, *was;
	char				 title[256];
	char				*tmp;
	size_t				 i, k;
	int				 rc = RT_OK;

	if ((tmp = malloc(CHANGE_TEXT_MAX)) == NULL)
		return RT_ENOMEM;
	for (i = 0; i < ol->n; i++) {
		it = &ol->items[i];
		if (wb_item_find(nd, l, it->id) != NULL)
			continue;
		display_item_title(x->c, x->lang, ldef, i, it, title,
		    sizeof(title));
		diff_item_text(x, ldef, it, x->oldp, x->a, tmp);
		if ((rc = diff_add(x, CHANGE_ITEM_REMOVED, title, NULL, x->a,
		    NULL)) != RT_OK)
			goto out;
	}
	for (i = 0; i < nl->n; i++) {
		it = &nl->items[i];
		display_item_title(x->c, x->lang, ldef, i, it, title,
		    sizeof(title));
		was = NULL;
		for (k = 0; k < ol->n && was == NULL; k++)
			if (strcmp(ol->items[k].id, it->id) == 0)
				was = &ol->items[k];
		if (was == NULL) {
			diff_item_text(x, ldef, it, x->newp, x->b, tmp);
			rc = diff_add(x, CHANGE_ITEM_ADDED, title, NULL, NULL,
			    x->b);
		} else
			rc = diff_fields(x, ldef->fields, ldef->nfields,
			    was->values, it->values, title);
		if (rc != RT_OK)
			goto out;
	}
out:
	free(tmp);
	return rc;
}

/*
 * Reads the document text (len bytes) of section into d, made empty
 * first.  A document that does not read is logged with org and version.
 * Returns RT_OK, RT_ENOMEM or RT_EDB; d is the caller's to free either
 * way.
 */
static int
changes_read_doc(const char *text, size_t len, int64_t org, int section,
    int64_t version, struct wb_data *d)
{
	struct json	*j = NULL;
	char		 err[256];
	int		 rc;

	if (wb_data_init(d, section) != RT_OK)
		return RT_ENOMEM;
	err[0] = '\0';
	if ((rc = json_parse(text, len, COMMENT_JSON_DEPTH, &j, err,
	    sizeof(err))) == RT_OK)
		rc = wb_data_read_json(d, j, err, sizeof(err));
	json_free(j);
	if (rc == RT_OK || rc == RT_ENOMEM)
		return rc;
	fprintf(stderr, "reseauter: changes: org %lld, section %s, version "
	    "%lld: the stored document does not read: %s\n", (long long)org,
	    wb_sections[section].slug, (long long)version, err);
	return RT_EDB;
}

/*
 * See comment.h.  The plan at since is the current plan with every
 * section saved since replaced by its document of then: only those can
 * differ.  It borrows the current plan's other sections (a shallow copy,
 * never freed as such); the old documents it owns are in old[].
 */
int
changes_since(struct dbh *h, int64_t org_id, int64_t since,
    const struct wb_plan *cur, const struct i18n *c, enum lang lang,
    struct section_change **out, size_t *n)
{
	sqlite3_stmt		*st;
	struct wb_plan		*oldp = NULL;
	struct wb_data		*old = NULL;
	struct section_change	*v = NULL;
	struct diff_ctx		 x;
	int			 changed[WB__MAX];
	int64_t			 version[WB__MAX], updated[WB__MAX];
	int64_t			 oldver[WB__MAX];
	char			 who[WB__MAX][AUTH_NAME_MAX];
	const char		*slug, *text;
	size_t			 nv = 0, listed = 0, l;
	int			 rc, sec, i, owned[WB__MAX];

	assert(h != NULL && h->rd != NULL && cur != NULL && out != NULL &&
	    n != NULL);
	*out = NULL;
	*n = 0;
	memset(changed, 0, sizeof(changed));
	memset(owned, 0, sizeof(owned));
	memset(version, 0, sizeof(version));
	memset(updated, 0, sizeof(updated));
	memset(oldver, 0, sizeof(oldver));
	memset(&x, 0, sizeof(x));
	if ((oldp = malloc(sizeof(*oldp))) == NULL ||
	    (old = calloc(WB__MAX, sizeof(*old))) == NULL) {
		free(oldp);
		return RT_ENOMEM;
	}
	memcpy(oldp, cur, sizeof(*oldp));
	if ((st = db_stmt(h->rd, DB_STMT_CHANGES_SINCE)) == NULL) {
		rc = RT_EDB;
		goto out;
	}
	if (sqlite3_bind_int64(st, 1, org_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, since) != SQLITE_OK) {
		rc = db_fail(h->rd, "bind changes");
		goto out;
	}
	while ((rc = db_step_row(h->rd, st, "changes")) == RT_OK) {
		slug = (const char *)sqlite3_column_text(st, 0);
		if (slug == NULL || (sec = wb_section_by_slug(slug)) < 0 ||
		    changed[sec])
			continue;
		changed[sec] = 1;
		version[sec] = sqlite3_column_int64(st, 1);
		updated[sec] = sqlite3_column_int64(st, 2);
		db_column_copy(st, 3, who[sec], sizeof(who[sec]));
		oldver[sec] = sqlite3_column_int64(st, 4);
		owned[sec] = 1;
		text = (const char *)sqlite3_column_text(st, 5);
		if (text == NULL) {
			/* Never saved at since: the empty section. */
			if (wb_data_init(&old[sec], sec) != RT_OK) {
				rc = RT_ENOMEM;
				goto out;
			}
			oldver[sec] = 0;
		} else if ((rc = changes_read_doc(text,
		    (size_t)sqlite3_column_bytes(st, 5), org_id, sec,
		    oldver[sec], &old[sec])) != RT_OK)
			goto out;
		oldp->s[sec] = old[sec];
	}
	if (rc != RT_ENOTFOUND)
		goto out;
	db_stmt_release(st);
	st = NULL;
	/* Lists made from another section's items, as plan_load_all() does. */
	for (i = 0; i < WB__MAX; i++) {
		if (!changed[i])
			continue;
		if ((rc = wb_data_sync_items(&old[i], oldp)) != RT_OK)
			goto out;
		oldp->s[i] = old[i];
	}
	if ((v = calloc(WB__MAX, sizeof(*v))) == NULL ||
	    (x.a = malloc(CHANGE_TEXT_MAX)) == NULL ||
	    (x.b = malloc(CHANGE_TEXT_MAX)) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	x.c = c;
	x.lang = lang;
	x.oldp = oldp;
	x.newp = cur;
	x.listed = &listed;
	for (i = 0; i < WB__MAX; i++) {
		const struct wb_section_def *s = &wb_sections[i];

		if (!changed[i])
			continue;
		x.sc = &v[nv++];
		x.cap = 0;
		x.sc->section = i;
		x.sc->updated_at = updated[i];
		memcpy(x.sc->updated_by, who[i], sizeof(x.sc->updated_by));
		x.sc->saves = version[i] - oldver[i];
		x.sc->was_empty = oldver[i] == 0;
		if ((rc = diff_fields(&x, s->fields, s->nfields,
		    old[i].values, cur->s[i].values, NULL)) != RT_OK)
			goto out;
		for (l = 0; l < s->nlists; l++)
			if ((rc = diff_list(&x, l, &old[i], &cur->s[i])) !=
			    RT_OK)
				goto out;
	}
	rc = RT_OK;
out:
	db_stmt_release(st);
	for (i = 0; i < WB__MAX; i++)
		if (owned[i])
			wb_data_free(&old[i]);
	free(old);
	free(oldp);
	free(x.a);
	free(x.b);
	if (rc != RT_OK) {
		changes_free(v, nv);
		return rc == RT_ENOMEM ? RT_ENOMEM : RT_EDB;
	}
	if (nv == 0) {
		free(v);
		v = NULL;
	}
	*out = v;
	*n = nv;
	return RT_OK;
}
