/*
 * dashboard.c: a trainer's dashboard of a cohort, its CSV file, and the
 * cohort's debrief (dashboard.h).
 *
 * The dashboard reads, in one read transaction: the cohort (one
 * statement), then every organisation of it with its stored standing,
 * its threads awaiting an answer and the trainer's last visit (one
 * statement, joins only), then, only when some organisation has no stored
 * standing, the sections of all of those at once (one statement), from
 * which their standing is computed the way lib/plan.c computes it
 * (coach_progress() for the completion, coach_pitfalls() counting only,
 * the last save of any section for the activity).  So a cohort of 5 or of
 * 500 organisations costs the same five statements at most (BEGIN and its
 * end included): nothing runs once per row.
 *
 * A thread is open when its opening comment (thread_id NULL) is not
 * resolved; it awaits the trainer when its newest message (its newest
 * reply, or the opening when it has none) was written by the group
 * (by_trainer = 0), and the group when a trainer wrote it; between
 * messages of the same second, the later id is the newer.  A plan "changed" for a trainer when it was saved
 * after their last visit (trainer_visits.last_seen_at), or, never visited,
 * when it was saved at all.
 *
 * Plans read from several organisations at once (the ones without a
 * standing, and every plan for the debrief) come ordered by organisation
 * from one statement; each is built as plan_load_all() builds one (each
 * stored document parsed and read by wb_data_read_json(), the sections
 * never saved empty, the lists made from another section's items brought
 * up to date), handed to the caller's function, and freed before the
 * next, so that memory holds one plan at a time.  A stored document that
 * does not read back is logged and gives RT_EDB, as in plan.c.
 *
 * Names sort with their case and the accents of Latin letters folded
 * ("École" with the E's), which is how a person reads a list of names in
 * either language; bytes decide between names that fold the same, and
 * the organisation's id between equal names.
 */
#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "status.h"
#include "buf.h"
#include "coach.h"
#include "cohort.h"
#include "dashboard.h"
#include "db.h"
#include "i18n.h"
#include "json.h"
#include "platform.h"
#include "sql.h"
#include "workbook.h"

/* The deepest nesting of a stored document, as plan.c reads them. */
#define DASH_JSON_DEPTH 8

/* The room for a reader's error message about a stored document. */
#define DASH_ERR_LEN 256

/* Pitfalls a plan is first checked with room for; more grow the room. */
#define DASH_PITFALLS 64

/*
 * Maps a status of the database helpers to what this module answers:
 * RT_OK, RT_ENOMEM, RT_EBUSY, RT_ESTORAGE and allowed stay; anything else
 * is RT_EDB.
 */
static int
dash_status(int rc, int allowed)
{
	if (rc == RT_OK || rc == RT_ENOMEM || rc == RT_EBUSY ||
	    rc == RT_ESTORAGE || rc == allowed)
		return rc;
	return RT_EDB;
}

/* Returns the enum cohort_state of a stored state word ("closed"...). */
static int
dash_state(const char *s)
{
	if (s != NULL && strcmp(s, "closed") == 0)
		return COHORT_CLOSED;
	if (s != NULL && strcmp(s, "archived") == 0)
		return COHORT_ARCHIVED;
	return COHORT_OPEN;
}

/*
 * Reads cohort id through c into out, and the number of its
 * demonstration organisations into *demo.  Returns RT_OK, RT_ENOTFOUND,
 * RT_EBUSY or RT_EDB.
 */
static int
dash_cohort_on(struct db_conn *c, int64_t id, struct cohort *out, int *demo)
{
	sqlite3_stmt	*st;
	char		 state[16];
	int		 rc;

	memset(out, 0, sizeof(*out));
	*demo = 0;
	if ((st = db_stmt(c, DB_STMT_DASH_COHORT)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		rc = db_fail(c, "bind dashboard cohort");
	else if ((rc = db_step_row(c, st, "dashboard cohort")) == RT_OK) {
		out->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, out->name, sizeof(out->name));
		db_column_copy(st, 2, out->starts_on, sizeof(out->starts_on));
		db_column_copy(st, 3, out->ends_on, sizeof(out->ends_on));
		db_column_copy(st, 4, out->notes, sizeof(out->notes));
		db_column_copy(st, 5, out->code, sizeof(out->code));
		db_column_copy(st, 6, state, sizeof(state));
		out->state = dash_state(state);
		out->created_at = sqlite3_column_int64(st, 7);
		out->orgs = sqlite3_column_int(st, 8);
		*demo = sqlite3_column_int(st, 9);
	}
	db_stmt_release(st);
	return dash_status(rc, RT_ENOTFOUND);
}

/*
 * Reads the JSON object of plan_standing.percents (text, len bytes) into
 * row->percent as plan.c reads it: a slug absent or not a number is 0, a
 * number is clamped to 0..100, an unknown key is ignored.  Returns RT_OK,
 * RT_ENOMEM, or RT_EDB (logged) when it is no JSON object.
 */
static int
dash_percents(const char *text, size_t len, struct dashboard_row *row)
{
	struct json		*j = NULL;
	const struct json	*v;
	char			 err[DASH_ERR_LEN];
	int			 rc, i;

	err[0] = '\0';
	rc = json_parse(text, len, DASH_JSON_DEPTH, &j, err, sizeof(err));
	if (rc == RT_ENOMEM)
		return RT_ENOMEM;
	if (rc != RT_OK || j->type != JSON_OBJECT) {
		fprintf(stderr, "reseauter: dashboard: org %lld: the stored "
		    "percents do not read: %s\n", (long long)row->org_id,
		    rc != RT_OK ? err : "not an object");
		json_free(j);
		return RT_EDB;
	}
	for (i = 0; i < WB__MAX; i++) {
		v = json_get(j, wb_sections[i].slug);
		if (v == NULL || v->type != JSON_NUMBER || !(v->number > 0))
			row->percent[i] = 0;
		else if (v->number >= 100)
			row->percent[i] = 100;
		else
			row->percent[i] = (int)v->number;
	}
	json_free(j);
	return RT_OK;
}

/*
 * Fills d, section of org, from the current row of st (columns: org,
 * section, version, updated at, document) as plan.c reads a stored
 * section.  Returns RT_OK, RT_ENOMEM or RT_EDB (logged); on failure d
 * has been freed.
 */
static int
dash_data_from_row(sqlite3_stmt *st, int64_t org, int section,
    struct wb_data *d)
{
	struct json	*j = NULL;
	const char	*text;
	char		 err[DASH_ERR_LEN];
	int		 rc;

	if (wb_data_init(d, section) != RT_OK) {
		wb_data_free(d);
		return RT_ENOMEM;
	}
	err[0] = '\0';
	text = (const char *)sqlite3_column_text(st, 4);
	if (text == NULL) {
		rc = sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM ?
		    RT_ENOMEM : RT_EINVAL;
		snprintf(err, sizeof(err), "no document");
	} else if ((rc = json_parse(text, (size_t)sqlite3_column_bytes(st, 4),
	    DASH_JSON_DEPTH, &j, err, sizeof(err))) == RT_OK)
		rc = wb_data_read_json(d, j, err, sizeof(err));
	json_free(j);
	if (rc != RT_OK) {
		if (rc != RT_ENOMEM) {
			fprintf(stderr, "reseauter: dashboard: org %lld, "
			    "section %s, version %lld: the stored document "
			    "does not read: %s\n", (long long)org,
			    wb_sections[section].slug,
			    (long long)sqlite3_column_int64(st, 2), err);
			rc = RT_EDB;
		}
		wb_data_free(d);
		return rc;
	}
	d->stamp.version = sqlite3_column_int64(st, 2);
	d->stamp.updated_at = sqlite3_column_int64(st, 3);
	return RT_OK;
}

/*
 * What is called with each plan that dash_plans() builds: the
 * organisation, its plan (freed after the call) and the last save of any
 * of its sections (0: never).  Returns RT_OK to go on, or a status that
 * stops the reading.
 */
typedef int (*dash_plan_fn)(void *arg, int64_t org, const struct wb_plan *p,
    int64_t updated_at);

/*
 * Ends the plan p of org whose sections loaded[] were read: the others
 * become empty, the lists made from another section's items are brought
 * up to date (as plan_load_all() does), fn is called, and p is freed.
 * Returns RT_OK, RT_ENOMEM, or fn's status.
 */
static int
dash_plan_end(struct wb_plan *p, const int loaded[WB__MAX], int64_t org,
    int64_t updated_at, dash_plan_fn fn, void *arg)
{
	size_t	 l;
	int	 i, rc = RT_OK;

	for (i = 0; i < WB__MAX && rc == RT_OK; i++)
		if (!loaded[i] && wb_data_init(&p->s[i], i) != RT_OK)
			rc = RT_ENOMEM;
	for (i = 0; i < WB__MAX && rc == RT_OK; i++)
		for (l = 0; l < wb_sections[i].nlists; l++)
			if (wb_sections[i].lists[l].items_from_section >= 0) {
				rc = wb_data_sync_items(&p->s[i], p);
				break;
			}
	if (rc == RT_OK)
		rc = fn(arg, org, p, updated_at);
	wb_plan_free(p);
	return rc;
}

/*
 * Steps st, whose rows (org, section slug or NULL, version, updated at,
 * document) come ordered by organisation, and calls fn once per
 * organisation with its plan.  A row whose section is NULL (an
 * organisation with no section saved) or a slug this program does not
 * declare adds nothing to the plan.  Returns RT_OK, RT_ENOMEM, RT_EBUSY,
 * RT_EDB, or fn's status.  st is left to release.
 */
static int
dash_plans(struct db_conn *c, sqlite3_stmt *st, const char *where,
    dash_plan_fn fn, void *arg)
{
	struct wb_plan	 p;
	const char	*slug;
	int64_t		 org = 0, row_org, updated = 0;
	int		 loaded[WB__MAX];
	int		 rc, i, section, open = 0;

	while ((rc = db_step_row(c, st, where)) == RT_OK) {
		row_org = sqlite3_column_int64(st, 0);
		if (open && row_org != org) {
			open = 0;
			if ((rc = dash_plan_end(&p, loaded, org, updated, fn,
			    arg)) != RT_OK)
				return rc;
		}
		if (!open) {
			memset(&p, 0, sizeof(p));
			memset(loaded, 0, sizeof(loaded));
			for (i = 0; i < WB__MAX; i++)
				p.s[i].section = i;
			org = row_org;
			updated = 0;
			open = 1;
		}
		slug = (const char *)sqlite3_column_text(st, 1);
		if (slug == NULL || (section = wb_section_by_slug(slug)) < 0 ||
		    loaded[section])
			continue;
		if ((rc = dash_data_from_row(st, org, section,
		    &p.s[section])) != RT_OK)
			goto fail;
		loaded[section] = 1;
		if (p.s[section].stamp.updated_at > updated)
			updated = p.s[section].stamp.updated_at;
	}
	if (rc != RT_ENOTFOUND)
		goto fail;
	if (open)
		return dash_plan_end(&p, loaded, org, updated, fn, arg);
	return RT_OK;
fail:
	if (open)
		wb_plan_free(&p);
	return rc;
}

/* What the computing of missing standings works on. */
struct dash_unstood {
	struct dashboard *d;
};

/*
 * Returns the row of org in d, whose rows are ordered by organisation id
 * (as loaded), or NULL.
 */
static struct dashboard_row *
dash_find(struct dashboard *d, int64_t org)
{
	size_t	 lo = 0, hi = d->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->rows[mid].org_id == org)
			return &d->rows[mid];
		if (d->rows[mid].org_id < org)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * A dash_plan_fn: sets the standing of org's row from its plan, as
 * plan_standing() computes the standing of a plan without a stored row.
 */
static int
dash_unstood_one(void *arg, int64_t org, const struct wb_plan *p,
    int64_t updated_at)
{
	struct dash_unstood	*u = arg;
	struct dashboard_row	*row;
	struct coach_progress	 prog;
	size_t			 n;
	int			 i;

	if ((row = dash_find(u->d, org)) == NULL)
		return RT_OK;
	coach_progress(p, &prog);
	for (i = 0; i < WB__MAX; i++)
		row->percent[i] = prog.percent[i];
	row->overall = prog.overall;
	n = coach_pitfalls(p, NULL, 0);
	row->pitfalls = n > INT_MAX ? INT_MAX : (int)n;
	row->last_activity = updated_at;
	return RT_OK;
}

/*
 * Reads the rows of the dashboard of cohort for trainer through c, inside
 * the caller's read transaction, into d; the last visit of each row goes
 * to the parallel array *seen (malloc'd, -1 for never; the caller frees
 * it) and the number of rows without a stored standing to *missing.
 * Returns RT_OK, RT_ENOMEM, RT_EBUSY or RT_EDB.
 */
static int
dash_rows_on(struct db_conn *c, int64_t cohort, int64_t trainer,
    struct dashboard *d, int64_t **seen, size_t *missing)
{
	struct dashboard_row	*row;
	sqlite3_stmt		*st;
	int64_t			*ns;
	size_t			 cap = 0, scap = 0;
	const char		*text;
	int			 rc;

	*seen = NULL;
	*missing = 0;
	if ((st = db_stmt(c, DB_STMT_DASH_ROWS)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, cohort) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, trainer) != SQLITE_OK) {
		rc = db_fail(c, "bind dashboard rows");
		goto out;
	}
	while ((rc = db_step_row(c, st, "dashboard rows")) == RT_OK) {
		if ((row = db_array_add((void **)&d->rows, &d->n, &cap,
		    sizeof(*row))) == NULL) {
			rc = RT_ENOMEM;
			goto out;
		}
		if (scap < cap) {
			if ((ns = realloc(*seen, cap * sizeof(*ns))) == NULL) {
				rc = RT_ENOMEM;
				goto out;
			}
			*seen = ns;
			scap = cap;
		}
		row->org_id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, row->name, sizeof(row->name));
		row->demo = sqlite3_column_int(st, 2) != 0;
		if (sqlite3_column_int(st, 3) == 0)
			(*missing)++;
		row->overall = sqlite3_column_int(st, 4);
		row->pitfalls = sqlite3_column_int(st, 5);
		if ((text = (const char *)sqlite3_column_text(st, 6)) == NULL) {
			rc = RT_ENOMEM;
			goto out;
		}
		if ((rc = dash_percents(text, (size_t)sqlite3_column_bytes(st,
		    6), row)) != RT_OK)
			goto out;
		row->last_activity = sqlite3_column_int64(st, 7);
		row->awaiting_trainer = sqlite3_column_int(st, 8);
		row->awaiting_group = sqlite3_column_int(st, 9);
		(*seen)[d->n - 1] = sqlite3_column_type(st, 10) == SQLITE_NULL ?
		    -1 : sqlite3_column_int64(st, 10);
	}
	if (rc == RT_ENOTFOUND)
		rc = RT_OK;
out:
	db_stmt_release(st);
	return dash_status(rc, RT_OK);
}

/*
 * Computes, through c inside the caller's read transaction, the standing
 * of every row of d that has no stored one, from the sections of all of
 * them read by one statement.  Returns RT_OK, RT_ENOMEM, RT_EBUSY or
 * RT_EDB.
 */
static int
dash_unstood_on(struct db_conn *c, int64_t cohort, struct dashboard *d)
{
	struct dash_unstood	 u = { d };
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = db_stmt(c, DB_STMT_DASH_UNSTOOD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, cohort) != SQLITE_OK)
		rc = db_fail(c, "bind dashboard sections");
	else
		rc = dash_plans(c, st, "dashboard sections", dash_unstood_one,
		    &u);
	db_stmt_release(st);
	return dash_status(rc, RT_OK);
}

/* See dashboard.h. */
int
dashboard_load(struct dbh *h, int64_t cohort_id, int64_t trainer_id,
    struct dashboard *out)
{
	int64_t		*seen = NULL;
	size_t		 missing = 0, i;
	int		 rc;

	assert(h != NULL && h->rd != NULL && out != NULL);
	memset(out, 0, sizeof(*out));
	if (db_read_begin(h->rd) != RT_OK)
		return RT_EDB;
	if ((rc = dash_cohort_on(h->rd, cohort_id, &out->cohort,
	    &out->demo_orgs)) != RT_OK)
		goto out;
	if ((rc = dash_rows_on(h->rd, cohort_id, trainer_id, out, &seen,
	    &missing)) != RT_OK)
		goto out;
	if (missing > 0 && (rc = dash_unstood_on(h->rd, cohort_id, out)) !=
	    RT_OK)
		goto out;
	for (i = 0; i < out->n; i++)
		out->rows[i].changed = out->rows[i].last_activity > 0 &&
		    (seen[i] < 0 || out->rows[i].last_activity > seen[i]);
out:
	db_read_end(h->rd);
	free(seen);
	if (rc != RT_OK)
		dashboard_free(out);
	return rc;
}

/* See dashboard.h. */
void
dashboard_free(struct dashboard *d)
{
	if (d == NULL)
		return;
	free(d->rows);
	d->rows = NULL;
	d->n = 0;
}

/* See dashboard.h. */
int
dashboard_order_default_desc(int key)
{
	return key == DASH_BY_PITFALLS || key == DASH_BY_ACTIVITY ||
	    key == DASH_BY_REPLIES;
}

/* The sort parameters of the keys but DASH_BY_SECTION, which is a slug. */
static const char *const dash_key_names[DASH_BY__MAX] = {
	[DASH_BY_NAME] = "name",
	[DASH_BY_OVERALL] = "overall",
	[DASH_BY_SECTION] = NULL,
	[DASH_BY_PITFALLS] = "pitfalls",
	[DASH_BY_ACTIVITY] = "activity",
	[DASH_BY_REPLIES] = "replies",
};

/* See dashboard.h.  No section slug is also a key's name. */
int
dashboard_order_parse(const char *sort, const char *dir,
    struct dashboard_order *out)
{
	int	 k, valid = 0;

	memset(out, 0, sizeof(*out));
	out->key = DASH_BY_NAME;
	if (sort != NULL) {
		for (k = 0; k < DASH_BY__MAX; k++)
			if (dash_key_names[k] != NULL &&
			    strcmp(sort, dash_key_names[k]) == 0) {
				out->key = k;
				valid = 1;
			}
		if (!valid && (out->section = wb_section_by_slug(sort)) >= 0) {
			out->key = DASH_BY_SECTION;
			valid = 1;
		}
		if (!valid)
			out->section = 0;
	}
	if (dir != NULL && strcmp(dir, "asc") == 0)
		out->desc = 0;
	else if (dir != NULL && strcmp(dir, "desc") == 0)
		out->desc = 1;
	else
		out->desc = dashboard_order_default_desc(out->key);
	return valid;
}

/* See dashboard.h. */
const char *
dashboard_order_name(int key, int section)
{
	if (key == DASH_BY_SECTION) {
		assert(section >= 0 && section < WB__MAX);
		return wb_sections[section].slug;
	}
	assert(key >= 0 && key < DASH_BY__MAX);
	return dash_key_names[key];
}

/*
 * Folds the Latin-1 letters of UTF-8 (U+00C0 to U+00FF, lead byte 0xC3)
 * to lower-case ASCII; 0 for the two that are no letters (× and ÷).
 */
static const char dash_fold_c3[64] =
	"aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";

/*
 * Reads one folded unit of the name at *s and moves *s past it: an ASCII
 * letter in lower case, a Latin-1 letter or Œ/œ as its ASCII letter, any
 * other byte as 0x100 plus itself (after every letter).  Returns 0 at the
 * end.
 */
static unsigned
dash_fold_next(const unsigned char **s)
{
	const unsigned char	*p = *s;
	unsigned		 c = p[0];

	if (c == 0)
		return 0;
	if (c >= 'A' && c <= 'Z') {
		*s = p + 1;
		return c - 'A' + 'a';
	}
	if (c < 0x80) {
		*s = p + 1;
		return c;
	}
	if (c == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF &&
	    dash_fold_c3[p[1] - 0x80] != '\0') {
		*s = p + 2;
		return (unsigned char)dash_fold_c3[p[1] - 0x80];
	}
	if (c == 0xC5 && (p[1] == 0x92 || p[1] == 0x93)) {
		*s = p + 2;
		return 'o';
	}
	*s = p + 1;
	return 0x100 + c;
}

/* Compares two names with case and accents folded, then byte by byte. */
static int
dash_name_cmp(const char *a, const char *b)
{
	const unsigned char	*pa = (const unsigned char *)a;
	const unsigned char	*pb = (const unsigned char *)b;
	unsigned		 ca, cb;

	do {
		ca = dash_fold_next(&pa);
		cb = dash_fold_next(&pb);
		if (ca != cb)
			return ca < cb ? -1 : 1;
	} while (ca != 0);
	return strcmp(a, b);
}

/* One row to sort, with its keys computed once. */
struct dash_sortable {
	long long                   k1, k2;   /* the key, then the second key */
	int                         desc;     /* k1 and k2 largest first */
	int                         name_desc; /* the name from Z to A (sorting by name) */
	const struct dashboard_row *row;
};

/* The qsort() order of two struct dash_sortable (see dashboard_sort()). */
static int
dash_sortable_cmp(const void *va, const void *vb)
{
	const struct dash_sortable	*a = va, *b = vb;
	int				 c;

	if (a->k1 != b->k1)
		return (a->k1 < b->k1) == !a->desc ? -1 : 1;
	if (a->k2 != b->k2)
		return (a->k2 < b->k2) == !a->desc ? -1 : 1;
	if ((c = dash_name_cmp(a->row->name, b->row->name)) != 0)
		return a->name_desc ? -c : c;
	if (a->row->org_id != b->row->org_id)
		return a->row->org_id < b->row->org_id ? -1 : 1;
	return 0;
}

/*
 * See dashboard.h.  qsort() is not stable, but no two rows compare equal
 * (the organisation id decides last), so the order is always the same.
 */
int
dashboard_sort(struct dashboard *d, const struct dashboard_order *o)
{
	struct dash_sortable	*v;
	struct dashboard_row	*rows;
	const struct dashboard_row *r;
	size_t			 i;

	assert(d != NULL && o != NULL);
	assert(o->key >= 0 && o->key < DASH_BY__MAX);
	assert(o->key != DASH_BY_SECTION ||
	    (o->section >= 0 && o->section < WB__MAX));
	if (d->n < 2)
		return RT_OK;
	if (d->n > SIZE_MAX / sizeof(*v) ||
	    (v = calloc(d->n, sizeof(*v))) == NULL)
		return RT_ENOMEM;
	if ((rows = malloc(d->n * sizeof(*rows))) == NULL) {
		free(v);
		return RT_ENOMEM;
	}
	for (i = 0; i < d->n; i++) {
		r = &d->rows[i];
		v[i].row = r;
		v[i].desc = o->desc;
		v[i].name_desc = o->key == DASH_BY_NAME && o->desc;
		switch (o->key) {
		case DASH_BY_OVERALL:
			v[i].k1 = r->overall;
			break;
		case DASH_BY_SECTION:
			v[i].k1 = r->percent[o->section];
			break;
		case DASH_BY_PITFALLS:
			v[i].k1 = r->pitfalls;
			break;
		case DASH_BY_ACTIVITY:
			v[i].k1 = r->last_activity;
			break;
		case DASH_BY_REPLIES:
			v[i].k1 = r->awaiting_trainer;
			v[i].k2 = r->awaiting_group;
			break;
		default:
			break;
		}
	}
	qsort(v, d->n, sizeof(*v), dash_sortable_cmp);
	for (i = 0; i < d->n; i++)
		rows[i] = *v[i].row;
	free(d->rows);
	d->rows = rows;
	free(v);
	return RT_OK;
}

/* See dashboard.h. */
size_t
dashboard_filter(struct dashboard *d, int section)
{
	size_t	 i, kept = 0, before;

	assert(d != NULL && section >= 0 && section < WB__MAX);
	before = d->n;
	for (i = 0; i < d->n; i++)
		if (d->rows[i].percent[section] < 100) {
			if (kept != i)
				d->rows[kept] = d->rows[i];
			kept++;
		}
	d->n = kept;
	return before - kept;
}

/* See dashboard.h. */
int
dashboard_csv_field(struct buf *out, const char *text, char sep)
{
	const char	*p;
	int		 quote, rc = RT_OK;

	assert(out != NULL && text != NULL);
	quote = strchr(text, sep) != NULL || strpbrk(text, "\"\r\n") != NULL;
	if (quote)
		rc = buf_append(out, "\"", 1);
	if (rc == RT_OK && text[0] != '\0' && strchr("=+-@\t\r", text[0]) !=
	    NULL)
		rc = buf_append(out, "'", 1);
	for (p = text; rc == RT_OK && *p != '\0'; p++)
		rc = *p == '"' ? buf_append(out, "\"\"", 2) :
		    buf_append(out, p, 1);
	if (rc == RT_OK && quote)
		rc = buf_append(out, "\"", 1);
	return rc;
}

/* See dashboard.h.  The header's cells are text cells like the names. */
int
dashboard_csv(const struct dashboard *d, const struct i18n *c,
    enum lang lang, struct buf *out)
{
	const struct dashboard_row *r;
	char		 sep = lang == LANG_FR ? ';' : ',';
	char		 date[16];
	struct tm	 tm;
	time_t		 t;
	size_t		 i;
	int		 s, rc;

	assert(d != NULL && out != NULL);
	if ((rc = buf_append(out, "\xEF\xBB\xBF", 3)) != RT_OK)
		return rc;
	rc = dashboard_csv_field(out, i18n_get(c, lang, N_("Organisation")),
	    sep);
	if (rc == RT_OK)
		rc = buf_printf(out, "%c", sep);
	if (rc == RT_OK)
		rc = dashboard_csv_field(out, i18n_get(c, lang,
		    N_("Overall progress (%)")), sep);
	for (s = 0; s < WB__MAX && rc == RT_OK; s++) {
		rc = buf_printf(out, "%c", sep);
		if (rc == RT_OK)
			rc = dashboard_csv_field(out, i18n_get(c, lang,
			    wb_sections[s].title), sep);
	}
	if (rc == RT_OK)
		rc = buf_printf(out, "%c", sep);
	if (rc == RT_OK)
		rc = dashboard_csv_field(out, i18n_get(c, lang,
		    N_("Open pitfalls")), sep);
	if (rc == RT_OK)
		rc = buf_printf(out, "%c", sep);
	if (rc == RT_OK)
		rc = dashboard_csv_field(out, i18n_get(c, lang,
		    N_("Last activity")), sep);
	if (rc == RT_OK)
		rc = buf_printf(out, "%c", sep);
	if (rc == RT_OK)
		rc = dashboard_csv_field(out, i18n_get(c, lang,
		    N_("Replies awaiting you")), sep);
	if (rc == RT_OK)
		rc = buf_append(out, "\r\n", 2);
	for (i = 0; i < d->n && rc == RT_OK; i++) {
		r = &d->rows[i];
		rc = dashboard_csv_field(out, r->name, sep);
		if (rc == RT_OK)
			rc = buf_printf(out, "%c%d", sep, r->overall);
		for (s = 0; s < WB__MAX && rc == RT_OK; s++)
			rc = buf_printf(out, "%c%d", sep, r->percent[s]);
		date[0] = '\0';
		t = (time_t)r->last_activity;
		if (r->last_activity > 0 && (localtime_r(&t, &tm) == NULL ||
		    strftime(date, sizeof(date), "%Y-%m-%d", &tm) == 0))
			date[0] = '\0';
		if (rc == RT_OK)
			rc = buf_printf(out, "%c%d%c%s%c%d\r\n", sep,
			    r->pitfalls, sep, date, sep, r->awaiting_trainer);
	}
	return rc;
}

/* The longest list the debrief ranks: platforms, pitfalls or kinds. */
#define DEBRIEF_RANK_MAX 32
_Static_assert(PF__MAX <= DEBRIEF_RANK_MAX && PIT__MAX <= DEBRIEF_RANK_MAX &&
    WB_OBJECTIVE_KINDS <= DEBRIEF_RANK_MAX, "DEBRIEF_RANK_MAX is too small");

/* What the debrief adds up while its plans are read. */
struct debrief_acc {
	struct debrief  *out;
	long long       *planned;    /* hundredths of an hour, one per group that chose a platform */
	long long       *available;  /* one per group that said */
	size_t           cap;        /* room of each of the two */
	struct pitfall  *pits;       /* room for one plan's pitfalls */
	size_t           npits;
	size_t           platforms[PF__MAX];
	size_t           pitfalls[PIT__MAX];
	size_t           kinds[WB_OBJECTIVE_KINDS];
};

/* Hours (a coach_budget() figure) in whole hundredths. */
static long long
debrief_hundredths(double h)
{
	return (long long)llround(h * 100);
}

/*
 * Checks p for pitfalls into a->pits, growing it when the plan has more
 * than there is room for.  Returns RT_OK with *n, or RT_ENOMEM.
 */
static int
debrief_pitfalls(struct debrief_acc *a, const struct wb_plan *p, size_t *n)
{
	struct pitfall	*np;

	*n = coach_pitfalls(p, a->pits, a->npits);
	if (*n <= a->npits)
		return RT_OK;
	if (*n > SIZE_MAX / sizeof(*np) ||
	    (np = realloc(a->pits, *n * sizeof(*np))) == NULL)
		return RT_ENOMEM;
	a->pits = np;
	a->npits = *n;
	*n = coach_pitfalls(p, a->pits, a->npits);
	return RT_OK;
}

/* A dash_plan_fn: adds one group's plan to the debrief. */
static int
debrief_one(void *arg, int64_t org, const struct wb_plan *p,
    int64_t updated_at)
{
	struct debrief_acc	*a = arg;
	struct debrief		*out = a->out;
	struct coach_budget	 b;
	const struct wb_data	*obj = &p->s[WB_OBJECTIVES];
	const char		*kind;
	long long		 planned, avail, *np;
	size_t			 i, n, ncap;
	int			 seen[PIT__MAX], k, rc;

	if (out->groups == a->cap) {
		ncap = a->cap == 0 ? 16 : a->cap * 2;
		if (ncap > SIZE_MAX / sizeof(*np))
			return RT_ENOMEM;
		if ((np = realloc(a->planned, ncap * sizeof(*np))) == NULL)
			return RT_ENOMEM;
		a->planned = np;
		if ((np = realloc(a->available, ncap * sizeof(*np))) == NULL)
			return RT_ENOMEM;
		a->available = np;
		a->cap = ncap;
	}
	out->groups++;
	coach_budget(p, &b);
	for (i = 0; i < b.n; i++)
		a->platforms[b.rows[i].platform]++;
	planned = debrief_hundredths(b.planned);
	avail = debrief_hundredths(b.available);
	if (b.n > 0)
		a->planned[out->planned_groups++] = planned;
	if (avail > 0) {
		a->available[out->available_groups++] = avail;
		if (planned <= avail)
			out->hours[DEBRIEF_HOURS_WITHIN]++;
		else if (planned * 4 <= avail * 5)
			out->hours[DEBRIEF_HOURS_OVER_25]++;
		else
			out->hours[DEBRIEF_HOURS_OVER_MORE]++;
	} else
		out->hours[DEBRIEF_HOURS_UNKNOWN]++;
	if ((rc = debrief_pitfalls(a, p, &n)) != RT_OK)
		return rc;
	memset(seen, 0, sizeof(seen));
	for (i = 0; i < n; i++)
		seen[a->pits[i].id] = 1;
	for (k = 0; k < PIT__MAX; k++)
		a->pitfalls[k] += (size_t)seen[k];
	for (i = 0; i < obj->lists[0].n; i++) {
		out->objectives++;
		kind = wb_item_value(obj, 0, &obj->lists[0].items[i], "kind");
		for (k = 0; k < WB_OBJECTIVE_KINDS; k++)
			if (strcmp(kind, wb_objective_kind_keys[k]) == 0)
				break;
		if (k < WB_OBJECTIVE_KINDS)
			a->kinds[k]++;
		else
			out->kind_unset++;
	}
	(void)org;
	(void)updated_at;
	return RT_OK;
}

/* The qsort() order of hundredths of an hour. */
static int
debrief_ll_cmp(const void *va, const void *vb)
{
	long long a = *(const long long *)va, b = *(const long long *)vb;

	return a < b ? -1 : a > b;
}

/* The median of v[0..n) in hours (sorting v); 0 when n is 0. */
static double
debrief_median(long long *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), debrief_ll_cmp);
	if (n % 2 == 1)
		return v[n / 2] / 100.0;
	return (v[n / 2 - 1] + v[n / 2]) / 200.0;
}

/*
 * Orders the counts[0..n) as indexes into idx, largest count first and
 * by index among equal counts (an insertion sort, stable, for a dozen).
 */
static void
debrief_rank(const size_t *counts, int n, int *idx)
{
	int	 i, j, v;

	for (i = 0; i < n; i++)
		idx[i] = i;
	for (i = 1; i < n; i++) {
		v = idx[i];
		for (j = i; j > 0 && counts[idx[j - 1]] < counts[v]; j--)
			idx[j] = idx[j - 1];
		idx[j] = v;
	}
}

/*
 * Reads every plan of cohort but the demonstrations through c, inside
 * the caller's read transaction, into a.  Returns RT_OK, RT_ENOMEM,
 * RT_EBUSY or RT_EDB.
 */
static int
debrief_plans_on(struct db_conn *c, int64_t cohort, struct debrief_acc *a)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(c, DB_STMT_DEBRIEF_PLANS)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, cohort) != SQLITE_OK)
		rc = db_fail(c, "bind debrief plans");
	else
		rc = dash_plans(c, st, "debrief plans", debrief_one, a);
	db_stmt_release(st);
	return dash_status(rc, RT_OK);
}

/* See dashboard.h. */
int
debrief_load(struct dbh *h, int64_t cohort_id, struct debrief *out)
{
	struct debrief_acc	 a;
	int			 idx[DEBRIEF_RANK_MAX];
	int			 i, rc;

	assert(h != NULL && h->rd != NULL && out != NULL);
	memset(out, 0, sizeof(*out));
	memset(&a, 0, sizeof(a));
	a.out = out;
	if ((a.pits = calloc(DASH_PITFALLS, sizeof(*a.pits))) == NULL)
		return RT_ENOMEM;
	a.npits = DASH_PITFALLS;
	if (db_read_begin(h->rd) != RT_OK) {
		rc = RT_EDB;
		goto out;
	}
	rc = dash_cohort_on(h->rd, cohort_id, &out->cohort, &out->demo_orgs);
	if (rc == RT_OK)
		rc = debrief_plans_on(h->rd, cohort_id, &a);
	db_read_end(h->rd);
	if (rc != RT_OK)
		goto out;
	out->median_planned = debrief_median(a.planned, out->planned_groups);
	out->median_available = debrief_median(a.available,
	    out->available_groups);
	debrief_rank(a.platforms, PF__MAX, idx);
	for (i = 0; i < PF__MAX; i++) {
		out->platforms[i].platform = idx[i];
		out->platforms[i].groups = a.platforms[idx[i]];
	}
	debrief_rank(a.pitfalls, PIT__MAX, idx);
	for (i = 0; i < PIT__MAX; i++) {
		out->pitfalls[i].pitfall = idx[i];
		out->pitfalls[i].plans = a.pitfalls[idx[i]];
	}
	debrief_rank(a.kinds, WB_OBJECTIVE_KINDS, idx);
	for (i = 0; i < WB_OBJECTIVE_KINDS; i++) {
		out->kinds[i].kind = idx[i];
		out->kinds[i].objectives = a.kinds[idx[i]];
	}
out:
	free(a.planned);
	free(a.available);
	free(a.pits);
	if (rc != RT_OK)
		memset(out, 0, sizeof(*out));
	return rc;
}
