/*
 * test_comment.c: unit tests of lib/comment.c: threads of comments and
 * their replies, resolving and reopening, the lists and their one query,
 * the counts of open threads, the trainers' visits, and the differences
 * of a plan since a time.  Run from the repository root (it reads
 * schema.sql).  The password hashes stored here are fixed strings.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "auth.h"
#include "comment.h"
#include "org.h"
#include "plan.h"
#include "sql.h"
#include "workbook.h"
#include "tdb.h"

#define T0     1700000000

/* What every test of this file works with. */
struct fx {
	struct tdb  t;
	int64_t     alice;   /* owner of org */
	int64_t     org;     /* "Le Cercle" */
	int64_t     bob;     /* owner of org2 */
	int64_t     org2;    /* "Chez Bob" */
	int64_t     carol;   /* a trainer (the role itself is not comment.c's business) */
};

/*
 * Opens a fresh database with two organisations, each with its owner,
 * and Carol, who owns a third one and writes as a trainer.
 */
static int
setup(void **state)
{
	struct fx	*f;
	int64_t		 org3;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	tdb_open(&f->t, "comment");
	if (org_signup(&f->t.h, NULL, "Le Cercle", "Alice", "alice@example.org",
	    TDB_HASH, "fr", T0, &f->alice, &f->org) != RT_OK ||
	    org_signup(&f->t.h, NULL, "Chez Bob", "Bob", "bob@example.org", TDB_HASH,
	    "en", T0, &f->bob, &f->org2) != RT_OK ||
	    org_signup(&f->t.h, NULL, "Formation", "Carol", "carol@example.org",
	    TDB_HASH, "fr", T0, &f->carol, &org3) != RT_OK)
		return -1;
	*state = f;
	return 0;
}

/* Adds a comment that must succeed and returns its id. */
static int64_t
add(struct fx *f, int64_t org, int section, int64_t thread, int64_t user,
    int by_trainer, const char *body, time_t now)
{
	int64_t	 id = -1;

	assert_int_equal(comment_add(&f->t.h, org, section, thread, user,
	    by_trainer, body, now, &id), RT_OK);
	assert_true(id > 0);
	return id;
}

/* A thread by Carol on the mission, a reply by Alice, a thread on objectives. */
static void
test_threads_in_order(void **state)
{
	struct fx		*f = *state;
	struct comment_thread	*v = NULL;
	size_t			 n = 99;
	int64_t			 t1, r1, r2, t2;

	t1 = add(f, f->org, WB_MISSION, 0, f->carol, 1, "Trop vague ?", T0 + 10);
	t2 = add(f, f->org, WB_OBJECTIVES, 0, f->carol, 1, "Combien ?", T0 + 20);
	r1 = add(f, f->org, WB_MISSION, t1, f->alice, 0, "On précise.", T0 + 30);
	r2 = add(f, f->org, WB_MISSION, t1, f->carol, 1, "Merci !", T0 + 30);

	assert_int_equal(comment_threads(&f->t.h, f->org, WB_MISSION, 0, &v,
	    &n), RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, t1);
	assert_int_equal(v[0].section, WB_MISSION);
	assert_int_equal(v[0].resolved_at, 0);
	assert_int_equal(v[0].n, 3);
	assert_int_equal(v[0].msgs[0].id, t1);
	assert_string_equal(v[0].msgs[0].author, "Carol");
	assert_int_equal(v[0].msgs[0].by_trainer, 1);
	assert_int_equal(v[0].msgs[0].user_id, f->carol);
	assert_string_equal(v[0].msgs[0].body, "Trop vague ?");
	assert_int_equal(v[0].msgs[0].created_at, T0 + 10);
	assert_int_equal(v[0].msgs[1].id, r1);
	assert_string_equal(v[0].msgs[1].author, "Alice");
	assert_int_equal(v[0].msgs[1].by_trainer, 0);
	assert_string_equal(v[0].msgs[1].body, "On précise.");
	/* Two replies in the same second keep the order they were written. */
	assert_int_equal(v[0].msgs[2].id, r2);
	comment_threads_free(v, n);

	assert_int_equal(comment_threads(&f->t.h, f->org, -1, 0, &v, &n),
	    RT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, t1);
	assert_int_equal(v[0].n, 3);
	assert_int_equal(v[1].id, t2);
	assert_int_equal(v[1].section, WB_OBJECTIVES);
	assert_int_equal(v[1].n, 1);
	comment_threads_free(v, n);

	/* Another organisation sees none of them. */
	assert_int_equal(comment_threads(&f->t.h, f->org2, -1, 0, &v, &n),
	    RT_OK);
	assert_int_equal(n, 0);
	assert_null(v);
	/* Nor does a section without comments. */
	assert_int_equal(comment_threads(&f->t.h, f->org, WB_STORY, 0, &v, &n),
	    RT_OK);
	assert_int_equal(n, 0);
	assert_null(v);
}

/* A reply only goes to an opening comment of the same org and section. */
static void
test_reply_checks(void **state)
{
	struct fx	*f = *state;
	char		*big;
	int64_t		 t1, r1, other, id = 7;
	long long	 before;
	size_t		 i;

	t1 = add(f, f->org, WB_MISSION, 0, f->carol, 1, "Une question", T0);
	r1 = add(f, f->org, WB_MISSION, t1, f->alice, 0, "Une réponse", T0 + 1);
	other = add(f, f->org2, WB_MISSION, 0, f->carol, 1, "Ailleurs", T0 + 2);
	before = q_int(&f->t, "SELECT count(*) FROM comments");

	/* The same thread, but another section. */
	assert_int_equal(comment_add(&f->t.h, f->org, WB_STORY, t1, f->alice, 0,
	    "x", T0 + 3, &id), RT_ENOTFOUND);
	assert_int_equal(id, 0);
	/* A thread of another organisation. */
	assert_int_equal(comment_add(&f->t.h, f->org, WB_MISSION, other,
	    f->alice, 0, "x", T0 + 3, &id), RT_ENOTFOUND);
	/* A reply is no thread. */
	assert_int_equal(comment_add(&f->t.h, f->org, WB_MISSION, r1, f->alice,
	    0, "x", T0 + 3, &id), RT_ENOTFOUND);
	/* No such comment at all. */
	assert_int_equal(comment_add(&f->t.h, f->org, WB_MISSION, 999999,
	    f->alice, 0, "x", T0 + 3, &id), RT_ENOTFOUND);
	/* Bodies: empty, one character too many, not UTF-8. */
	assert_int_equal(comment_add(&f->t.h, f->org, WB_MISSION, 0, f->carol,
	    1, "", T0 + 3, &id), RT_EINVAL);
	assert_non_null(big = malloc(COMMENT_BODY_MAX * 2 + 3));
	for (i = 0; i < COMMENT_BODY_MAX; i++)
		memcpy(big + 2 * i, "\xC3\xA9", 2);   /* é, two bytes */
	big[2 * COMMENT_BODY_MAX] = '\0';
	strcat(big, "e");
	assert_int_equal(comment_add(&f->t.h, f->org, WB_MISSION, 0, f->carol,
	    1, big, T0 + 3, &id), RT_EINVAL);
	assert_int_equal(comment_add(&f->t.h, f->org, WB_MISSION, 0, f->carol,
	    1, "caf\xC3", T0 + 3, &id), RT_EINVAL);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM comments"), before);
	/* 4000 characters of two bytes each are allowed. */
	big[2 * COMMENT_BODY_MAX] = '\0';
	assert_int_equal(comment_add(&f->t.h, f->org, WB_MISSION, t1, f->carol,
	    1, big, T0 + 3, &id), RT_OK);
	assert_true(id > r1);
	free(big);
}

/* Resolving, resolving again, reopening, and a reply that reopens. */
static void
test_resolve_reopen(void **state)
{
	struct fx		*f = *state;
	struct comment_thread	*v = NULL;
	size_t			 n;
	int64_t			 t1, r1, t2, thread = -1;
	int			 section = -5;
	char			 sql[256];

	t1 = add(f, f->org, WB_MISSION, 0, f->carol, 1, "A", T0);
	r1 = add(f, f->org, WB_MISSION, t1, f->alice, 0, "B", T0 + 1);
	t2 = add(f, f->org, WB_STORY, 0, f->carol, 1, "C", T0 + 2);

	assert_int_equal(comment_set_resolved(&f->t.h, f->org, t1, 1, f->alice,
	    T0 + 10, &thread, &section), RT_OK);
	assert_int_equal(thread, t1);
	assert_int_equal(section, WB_MISSION);
	/* Again, later, by someone else: the first resolution stays. */
	assert_int_equal(comment_set_resolved(&f->t.h, f->org, r1, 1, f->carol,
	    T0 + 20, &thread, &section), RT_OK);
	assert_int_equal(thread, t1);
	snprintf(sql, sizeof(sql), "SELECT resolved_at * 1000 + (resolved_by "
	    "= %lld) FROM comments WHERE id = %lld", (long long)f->alice,
	    (long long)t1);
	assert_int_equal(q_int(&f->t, sql), (T0 + 10) * 1000LL + 1);

	assert_int_equal(comment_threads(&f->t.h, f->org, -1, 1, &v, &n),
	    RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, t2);
	comment_threads_free(v, n);
	assert_int_equal(comment_threads(&f->t.h, f->org, -1, 0, &v, &n),
	    RT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].resolved_at, T0 + 10);
	assert_string_equal(v[0].resolved_by, "Alice");
	assert_int_equal(v[0].n, 2);
	assert_int_equal(v[1].resolved_at, 0);
	assert_string_equal(v[1].resolved_by, "");
	comment_threads_free(v, n);

	/* Another organisation's path cannot touch it. */
	assert_int_equal(comment_set_resolved(&f->t.h, f->org2, t1, 0, f->bob,
	    T0 + 30, &thread, &section), RT_ENOTFOUND);
	assert_int_equal(thread, 0);
	assert_int_equal(section, -1);
	assert_int_equal(comment_set_resolved(&f->t.h, f->org, 999999, 1,
	    f->alice, T0 + 30, &thread, &section), RT_ENOTFOUND);

	assert_int_equal(comment_set_resolved(&f->t.h, f->org, t1, 0, f->carol,
	    T0 + 40, &thread, &section), RT_OK);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM comments WHERE "
	    "id = %lld AND resolved_at IS NULL AND resolved_by IS NULL",
	    (long long)t1);
	assert_int_equal(q_int(&f->t, sql), 1);

	/* A reply to a resolved thread reopens it. */
	assert_int_equal(comment_set_resolved(&f->t.h, f->org, t2, 1, f->alice,
	    T0 + 50, &thread, &section), RT_OK);
	assert_int_equal(section, WB_STORY);
	add(f, f->org, WB_STORY, t2, f->carol, 1, "Pas tout à fait", T0 + 60);
	snprintf(sql, sizeof(sql), "SELECT resolved_at IS NULL FROM comments "
	    "WHERE id = %lld", (long long)t2);
	assert_int_equal(q_int(&f->t, sql), 1);
}

/* Counts of open threads, and an author whose account is gone. */
static void
test_counts_and_former_member(void **state)
{
	struct fx		*f = *state;
	struct comment_thread	*v = NULL;
	int			 counts[WB__MAX];
	size_t			 n;
	int64_t			 t1, t2, thread;
	int			 section, i;
	char			 sql[128];

	t1 = add(f, f->org, WB_MISSION, 0, f->carol, 1, "A", T0);
	add(f, f->org, WB_MISSION, 0, f->carol, 1, "B", T0 + 1);
	t2 = add(f, f->org, WB_POSTS, 0, f->carol, 1, "C", T0 + 2);
	add(f, f->org, WB_POSTS, t2, f->alice, 0, "D", T0 + 3);
	add(f, f->org2, WB_TEAM, 0, f->carol, 1, "E", T0 + 4);
	assert_int_equal(comment_set_resolved(&f->t.h, f->org, t1, 1, f->alice,
	    T0 + 5, &thread, &section), RT_OK);

	assert_int_equal(comment_open_counts(&f->t.h, f->org, counts), RT_OK);
	for (i = 0; i < WB__MAX; i++)
		assert_int_equal(counts[i], i == WB_MISSION ? 1 :
		    i == WB_POSTS ? 1 : 0);

	/* Alice's account goes: her reply stays, without a name. */
	snprintf(sql, sizeof(sql), "DELETE FROM users WHERE id = %lld",
	    (long long)f->alice);
	q_exec(&f->t, sql);
	assert_int_equal(comment_threads(&f->t.h, f->org, WB_POSTS, 0, &v, &n),
	    RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].n, 2);
	assert_string_equal(v[0].msgs[1].author, "");
	assert_int_equal(v[0].msgs[1].user_id, 0);
	assert_int_equal(v[0].msgs[1].by_trainer, 0);
	assert_string_equal(v[0].msgs[1].body, "D");
	comment_threads_free(v, n);
	/* The mission thread she resolved: resolved, by nobody known. */
	assert_int_equal(comment_threads(&f->t.h, f->org, WB_MISSION, 0, &v,
	    &n), RT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].resolved_at, T0 + 5);
	assert_string_equal(v[0].resolved_by, "");
	comment_threads_free(v, n);
}

/* Counts the statements a connection starts (sqlite3_trace_v2). */
static int
count_stmt(unsigned type, void *ctx, void *p, void *x)
{
	const char	*sql = x;

	(void)p;
	/* Triggers and sub-programs report "-- ..." lines: not statements. */
	if (type == SQLITE_TRACE_STMT && sql != NULL && strncmp(sql, "--", 2))
		(*(int *)ctx)++;
	return 0;
}

/* Forty threads of several messages each are read in one query. */
static void
test_one_query(void **state)
{
	struct fx		*f = *state;
	struct comment_thread	*v = NULL;
	size_t			 n, i;
	int64_t			 t;
	int			 count = 0, k;

	for (i = 0; i < 40; i++) {
		t = add(f, f->org, (int)(i % WB__MAX), 0, f->carol, 1, "Q",
		    T0 + (time_t)i);
		for (k = 0; k < 3; k++)
			add(f, f->org, (int)(i % WB__MAX), t, k % 2 ? f->carol :
			    f->alice, k % 2, "R", T0 + 100 + (time_t)k);
	}
	assert_int_equal(sqlite3_trace_v2(db_conn_handle(f->t.h.rd),
	    SQLITE_TRACE_STMT, count_stmt, &count), SQLITE_OK);
	assert_int_equal(comment_threads(&f->t.h, f->org, -1, 0, &v, &n),
	    RT_OK);
	sqlite3_trace_v2(db_conn_handle(f->t.h.rd), 0, NULL, NULL);
	assert_int_equal(count, 1);
	assert_int_equal(n, 40);
	for (i = 0; i < n; i++) {
		assert_int_equal(v[i].n, 4);
		assert_int_equal(v[i].section, (int)(i % WB__MAX));
		assert_int_equal(v[i].msgs[0].id, v[i].id);
		if (i > 0)
			assert_true(v[i].id > v[i - 1].id);
	}
	comment_threads_free(v, n);
}

/* A first visit, views within the hour, then a view after a gap. */
static void
test_visits(void **state)
{
	struct fx	*f = *state;
	int64_t		 since = -1;
	char		 sql[160];

	assert_int_equal(visit_record(&f->t.h, f->carol, f->org, T0, &since),
	    RT_OK);
	assert_int_equal(since, 0);
	/* Views closer than an hour apart: the same visit, for hours. */
	assert_int_equal(visit_record(&f->t.h, f->carol, f->org, T0 + 3000,
	    &since), RT_OK);
	assert_int_equal(since, 0);
	assert_int_equal(visit_record(&f->t.h, f->carol, f->org, T0 + 6000,
	    &since), RT_OK);
	assert_int_equal(since, 0);
	/* Exactly an hour later is still no gap over an hour. */
	assert_int_equal(visit_record(&f->t.h, f->carol, f->org,
	    T0 + 6000 + VISIT_GAP, &since), RT_OK);
	assert_int_equal(since, 0);
	/* A gap: the previous visit ended at its last view. */
	assert_int_equal(visit_record(&f->t.h, f->carol, f->org,
	    T0 + 6000 + 3 * VISIT_GAP, &since), RT_OK);
	assert_int_equal(since, T0 + 6000 + VISIT_GAP);
	assert_int_equal(visit_record(&f->t.h, f->carol, f->org,
	    T0 + 6000 + 3 * VISIT_GAP + 60, &since), RT_OK);
	assert_int_equal(since, T0 + 6000 + VISIT_GAP);
	snprintf(sql, sizeof(sql), "SELECT last_seen_at FROM trainer_visits "
	    "WHERE user_id = %lld AND org_id = %lld", (long long)f->carol,
	    (long long)f->org);
	assert_int_equal(q_int(&f->t, sql), T0 + 6000 + 3 * VISIT_GAP + 60);
	/* A view dated earlier (a clock set back) never moves time back. */
	assert_int_equal(visit_record(&f->t.h, f->carol, f->org, T0, &since),
	    RT_OK);
	assert_int_equal(since, T0 + 6000 + VISIT_GAP);
	assert_int_equal(q_int(&f->t, sql), T0 + 6000 + 3 * VISIT_GAP + 60);
	/* Another plan, or another trainer: a first visit of its own. */
	assert_int_equal(visit_record(&f->t.h, f->carol, f->org2, T0 + 99999,
	    &since), RT_OK);
	assert_int_equal(since, 0);
	assert_int_equal(visit_record(&f->t.h, f->bob, f->org, T0 + 99999,
	    &since), RT_OK);
	assert_int_equal(since, 0);
}

/* Saves d over whatever version its section is at. */
static void
save(struct fx *f, struct wb_data *d, int64_t user, time_t now)
{
	struct wb_data	 cur;

	memset(&cur, 0, sizeof(cur));
	assert_int_equal(plan_load(&f->t.h, f->org, d->section, &cur), RT_OK);
	assert_int_equal(plan_save(&f->t.h, f->org, user, d, cur.stamp.version,
	    now), RT_OK);
	wb_data_free(&cur);
}

/* Finds the difference of kind, item and label in sc, or fails. */
static const struct change_diff *
find_diff(const struct section_change *sc, int kind, const char *item,
    const char *label)
{
	size_t	 i;

	for (i = 0; i < sc->ndiffs; i++)
		if (sc->diffs[i].kind == kind &&
		    strcmp(sc->diffs[i].item, item) == 0 &&
		    strcmp(sc->diffs[i].label, label) == 0)
			return &sc->diffs[i];
	fail_msg("no difference %d \"%s\" \"%s\"", kind, item, label);
	return NULL;
}

/*
 * Before since: the mission, two objectives, the start.  After: the
 * mission changed, an objective removed, one changed, one added, and the
 * personas, never saved before, saved for the first time.
 */
static void
test_changes(void **state)
{
	struct fx			*f = *state;
	struct wb_data			 d;
	struct wb_item			*it;
	struct wb_plan			 p;
	struct section_change		*v = NULL;
	const struct change_diff	*x;
	size_t				 n = 9;
	const int64_t			 since = T0 + 100;
	char				 id2[WB_ID_MAX];

	assert_int_equal(wb_data_init(&d, WB_MISSION), RT_OK);
	set(&d, "mission", "Loger tout le monde");
	set(&d, "means", "Des assemblées");
	save(f, &d, f->alice, T0);
	set(&d, "mission", "Loger tout le quartier");
	save(f, &d, f->alice, T0 + 50);
	wb_data_free(&d);

	assert_int_equal(wb_data_init(&d, WB_OBJECTIVES), RT_OK);
	it = add_item(&d, 0);
	set_item(&d, 0, it, "text", "Vingt locataires");
	it = add_item(&d, 0);
	set_item(&d, 0, it, "text", "Un bulletin");
	save(f, &d, f->alice, T0 + 60);
	wb_data_free(&d);

	assert_int_equal(wb_data_init(&d, WB_START), RT_OK);
	set(&d, "hours", "3");
	save(f, &d, f->alice, T0 + 70);
	wb_data_free(&d);

	/* After since. */
	assert_int_equal(plan_load(&f->t.h, f->org, WB_MISSION, &d), RT_OK);
	set(&d, "mission", "Loger toute la ville");
	save(f, &d, f->bob, T0 + 200);
	set(&d, "strategy", "Par des vidéos");
	save(f, &d, f->bob, T0 + 210);
	wb_data_free(&d);

	/* The first objective goes, the second changes, a third comes. */
	assert_int_equal(plan_load(&f->t.h, f->org, WB_OBJECTIVES, &d), RT_OK);
	assert_int_equal(d.lists[0].n, 2);
	snprintf(id2, sizeof(id2), "%s", d.lists[0].items[1].id);
	wb_data_free(&d);
	assert_int_equal(wb_data_init(&d, WB_OBJECTIVES), RT_OK);
	it = add_item(&d, 0);
	snprintf(it->id, sizeof(it->id), "%s", id2);
	set_item(&d, 0, it, "text", "Un bulletin mensuel");
	it = add_item(&d, 0);
	snprintf(it->id, sizeof(it->id), "o9");
	set_item(&d, 0, it, "text", "Trois vidéos");
	save(f, &d, f->alice, T0 + 220);
	wb_data_free(&d);

	assert_int_equal(wb_data_init(&d, WB_AUDIENCES), RT_OK);
	it = add_item(&d, 0);
	set_item(&d, 0, it, "name", "Rosa");
	set_item(&d, 0, it, "age", "65");
	save(f, &d, f->alice, T0 + 230);
	wb_data_free(&d);

	memset(&p, 0, sizeof(p));
	assert_int_equal(plan_load_all(&f->t.h, f->org, &p), RT_OK);
	assert_int_equal(changes_since(&f->t.h, f->org, since, &p, NULL,
	    LANG_EN, &v, &n), RT_OK);
	/* The start, saved before since only, is not there. */
	assert_int_equal(n, 3);

	assert_int_equal(v[0].section, WB_MISSION);
	assert_string_equal(v[0].updated_by, "Bob");
	assert_int_equal(v[0].updated_at, T0 + 210);
	assert_int_equal(v[0].saves, 2);
	assert_int_equal(v[0].was_empty, 0);
	assert_int_equal(v[0].ndiffs, 2);
	assert_int_equal(v[0].more, 0);
	x = &v[0].diffs[0];
	assert_int_equal(x->kind, CHANGE_FIELD);
	assert_string_equal(x->item, "");
	assert_string_equal(x->label, "The mission of our organisation is to…");
	/* Before is the version of T0 + 50, the last one before since. */
	assert_string_equal(x->before, "Loger tout le quartier");
	assert_string_equal(x->after, "Loger toute la ville");
	x = find_diff(&v[0], CHANGE_FIELD, "",
	    "Our social-media strategy will support these objectives by…");
	assert_string_equal(x->before, "");
	assert_string_equal(x->after, "Par des vidéos");

	assert_int_equal(v[1].section, WB_OBJECTIVES);
	assert_string_equal(v[1].updated_by, "Alice");
	assert_int_equal(v[1].saves, 1);
	assert_int_equal(v[1].ndiffs, 3);
	assert_int_equal(v[1].diffs[0].kind, CHANGE_ITEM_REMOVED);
	assert_string_equal(v[1].diffs[0].item, "Objective 1: Vingt locataires");
	assert_string_equal(v[1].diffs[0].before, "Objective: Vingt locataires");
	assert_string_equal(v[1].diffs[0].after, "");
	x = &v[1].diffs[1];
	assert_int_equal(x->kind, CHANGE_ITEM_FIELD);
	assert_string_equal(x->item, "Objective 1: Un bulletin mensuel");
	assert_string_equal(x->label, "Objective");
	assert_string_equal(x->before, "Un bulletin");
	assert_string_equal(x->after, "Un bulletin mensuel");
	x = &v[1].diffs[2];
	assert_int_equal(x->kind, CHANGE_ITEM_ADDED);
	assert_string_equal(x->item, "Objective 2: Trois vidéos");
	assert_string_equal(x->before, "");
	assert_string_equal(x->after, "Objective: Trois vidéos");

	assert_int_equal(v[2].section, WB_AUDIENCES);
	assert_int_equal(v[2].was_empty, 1);
	assert_int_equal(v[2].saves, 1);
	x = find_diff(&v[2], CHANGE_ITEM_ADDED, "Persona 1: Rosa", "");
	assert_string_equal(x->after, "Name: Rosa\nAge: 65");
	changes_free(v, n);

	/* Nothing saved after the last save: nothing listed. */
	assert_int_equal(changes_since(&f->t.h, f->org, T0 + 230, &p, NULL,
	    LANG_EN, &v, &n), RT_OK);
	assert_int_equal(n, 0);
	assert_null(v);
	/* Since 0, every section ever saved is new. */
	assert_int_equal(changes_since(&f->t.h, f->org, 0, &p, NULL, LANG_EN,
	    &v, &n), RT_OK);
	assert_int_equal(n, 4);
	assert_int_equal(v[0].section, WB_START);
	assert_int_equal(v[0].was_empty, 1);
	changes_free(v, n);
	/* Another organisation's plan has no changes of this one. */
	assert_int_equal(changes_since(&f->t.h, f->org2, 0, &p, NULL, LANG_EN,
	    &v, &n), RT_OK);
	assert_int_equal(n, 0);
	wb_plan_free(&p);
}

/* More than CHANGES_MAX differences: CHANGES_MAX listed, the rest counted. */
static void
test_changes_bounded(void **state)
{
	struct fx		*f = *state;
	struct wb_data		 a, b;
	struct wb_item		*it;
	struct wb_plan		 p;
	struct section_change	*v = NULL;
	static const char *const pf[] = { "name", "role", "age", "languages",
	    "cares", "words", "worries", "reach", "details" };
	size_t			 n, i, k;

	assert_int_equal(wb_data_init(&a, WB_AUDIENCES), RT_OK);
	for (i = 0; i < 20; i++) {
		it = add_item(&a, 0);
		for (k = 0; k < 9; k++)
			set_item(&a, 0, it, pf[k], "avant");
	}
	save(f, &a, f->alice, T0);
	assert_int_equal(wb_data_init(&b, WB_POSTS), RT_OK);
	for (i = 0; i < 40; i++) {
		it = add_item(&b, 0);
		set_item(&b, 0, it, "platform", "facebook");
		set_item(&b, 0, it, "text", "avant");
		set_item(&b, 0, it, "hashtags", "#avant");
		set_item(&b, 0, it, "image", "avant");
	}
	save(f, &b, f->alice, T0);
	/* 180 differences in the personas, 120 in the posts. */
	for (i = 0; i < 20; i++)
		for (k = 0; k < 9; k++)
			set_item(&a, 0, &a.lists[0].items[i], pf[k], "après");
	save(f, &a, f->alice, T0 + 10);
	for (i = 0; i < 40; i++) {
		set_item(&b, 0, &b.lists[0].items[i], "text", "après");
		set_item(&b, 0, &b.lists[0].items[i], "hashtags", "#apres");
		set_item(&b, 0, &b.lists[0].items[i], "image", "après");
	}
	save(f, &b, f->alice, T0 + 10);
	wb_data_free(&a);
	wb_data_free(&b);

	memset(&p, 0, sizeof(p));
	assert_int_equal(plan_load_all(&f->t.h, f->org, &p), RT_OK);
	assert_int_equal(changes_since(&f->t.h, f->org, T0 + 5, &p, NULL,
	    LANG_EN, &v, &n), RT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].section, WB_AUDIENCES);
	assert_int_equal(v[0].ndiffs, 180);
	assert_int_equal(v[0].more, 0);
	assert_int_equal(v[1].section, WB_POSTS);
	assert_int_equal(v[1].ndiffs, CHANGES_MAX - 180);
	assert_int_equal(v[1].more, 120 - (CHANGES_MAX - 180));
	assert_string_equal(v[1].diffs[0].item, "Post 1");
	assert_string_equal(v[1].diffs[0].label, "Text of the post");
	changes_free(v, n);
	wb_plan_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_threads_in_order, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_reply_checks, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_resolve_reopen, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_counts_and_former_member,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_one_query, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_visits, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_changes, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_changes_bounded, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
