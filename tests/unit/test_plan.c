/*
 * test_plan.c: unit tests of lib/plan.c: every section saved and loaded as
 * its JSON document, versions and conflicts (a refused save writes
 * nothing), revisions and restores, the stored standing, and saves from
 * several threads at once.  Run from the repository root (it reads
 * schema.sql).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "coach.h"
#include "db.h"
#include "demo.h"
#include "i18n.h"
#include "org.h"
#include "plan.h"
#include "sql.h"
#include "workbook.h"
#include "tdb.h"

#define T0     1700000000

/* What every test of this file works with. */
struct fx {
	struct tdb  t;
	int64_t     alice, org;    /* Alice owns "Le Cercle" */
	int64_t     bob, borg;     /* Bob owns "Chez Bob" */
};

/* Opens a fresh database with two organisations of one owner each. */
static int
setup(void **state)
{
	struct fx	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	tdb_open(&f->t, "plan");
	if (org_signup(&f->t.h, NULL, "Le Cercle", "Alice", "alice@example.org",
	    TDB_HASH, "fr", T0, &f->alice, &f->org) != RT_OK ||
	    org_signup(&f->t.h, NULL, "Chez Bob", "Bob", "bob@example.org", TDB_HASH,
	    "en", T0, &f->bob, &f->borg) != RT_OK)
		return -1;
	*state = f;
	return 0;
}

/*
 * Writes into out a value that field fd accepts, different for each
 * variant: text with accents, quotes and (in free text) a line break;
 * numbers, dates and choices within their declaration.  A reference to
 * another section's items stays "" (there is none to point at here).
 */
static void
sample(const struct wb_field *fd, int variant, char *out, size_t outlen)
{
	const struct field_def	*def = &fd->def;
	size_t			 nc = 0;
	long long		 v;

	if (def->choices != NULL)
		while (def->choices[nc] != NULL)
			nc++;
	switch (def->kind) {
	case FIELD_LINE:
		if (fd->widget == WB_REF)
			snprintf(out, outlen, "%s", "");
		else
			snprintf(out, outlen, "«%s» é \"%d\"", def->name,
			    variant);
		break;
	case FIELD_TEXT:
		snprintf(out, outlen, "Réponse à «%s»,\nvariante \"%d\" – "
		    "100 %%", def->name, variant);
		break;
	case FIELD_INT:
		v = 2 + variant % 3;
		if (v < def->min)
			v = def->min;
		if (v > def->max)
			v = def->max;
		snprintf(out, outlen, "%lld", v);
		break;
	case FIELD_DECIMAL:
		snprintf(out, outlen, "%d.5", 1 + variant % 3);
		break;
	case FIELD_DATE:
		snprintf(out, outlen, "2026-03-%02d", 10 + variant % 10);
		break;
	case FIELD_CHOICE:
		snprintf(out, outlen, "%s", def->choices[variant % nc]);
		break;
	case FIELD_BOOL:
		snprintf(out, outlen, "%s", variant % 2 ? "1" : "");
		break;
	case FIELD_MULTI:
		if (nc >= 2)
			snprintf(out, outlen, "%s,%s", def->choices[0],
			    def->choices[1 + variant % (nc - 1)]);
		else
			snprintf(out, outlen, "%s", "");
		break;
	default:
		snprintf(out, outlen, "%s", "");
		break;
	}
}

/*
 * Fills d (initialised for its section) with sample values: every field,
 * every fixed item, and two new items in each list people add to.  Lists
 * made from another section's items are left as they are.
 */
static void
fill(struct wb_data *d, int variant)
{
	const struct wb_section_def	*sd = &wb_sections[d->section];
	const struct wb_list		*ld;
	struct wb_item			*it;
	char				 v[256];
	size_t				 i, l, k, f;

	for (i = 0; i < sd->nfields; i++) {
		sample(&sd->fields[i], variant, v, sizeof(v));
		put(&d->values[i], v);
	}
	for (l = 0; l < sd->nlists; l++) {
		ld = &sd->lists[l];
		if (ld->items_from_section >= 0)
			continue;
		if (ld->fixed_ids == NULL)
			for (k = 0; k < 2; k++)
				(void)add_item(d, l);
		for (k = 0; k < d->lists[l].n; k++) {
			it = &d->lists[l].items[k];
			for (f = 0; f < ld->nfields; f++) {
				sample(&ld->fields[f], variant + (int)k, v,
				    sizeof(v));
				put(&it->values[f], v);
			}
		}
	}
}

/* Checks that a and b (same section) hold the same values and items, ids included. */
static void
same_content(const struct wb_data *a, const struct wb_data *b)
{
	const struct wb_section_def	*sd = &wb_sections[a->section];
	const struct wb_item		*x, *y;
	size_t				 i, l, k;

	assert_int_equal(a->section, b->section);
	for (i = 0; i < sd->nfields; i++)
		assert_string_equal(a->values[i], b->values[i]);
	for (l = 0; l < sd->nlists; l++) {
		assert_int_equal(a->lists[l].n, b->lists[l].n);
		for (k = 0; k < a->lists[l].n; k++) {
			x = &a->lists[l].items[k];
			y = &b->lists[l].items[k];
			assert_string_equal(x->id, y->id);
			for (i = 0; i < sd->lists[l].nfields; i++)
				assert_string_equal(x->values[i],
				    y->values[i]);
		}
	}
}

/* Saves a mission with these three sentences at base, expecting want. */
static void
save_mission(struct fx *f, int64_t user, const char *a, const char *b,
    const char *c, int64_t base, time_t now, int want)
{
	struct wb_data	 d;

	assert_int_equal(wb_data_init(&d, WB_MISSION), RT_OK);
	set(&d, "mission", a);
	set(&d, "means", b);
	set(&d, "strategy", c);
	assert_int_equal(plan_save(&f->t.h, f->org, user, &d, base, now), want);
	wb_data_free(&d);
}

/* Loads the mission of f's org and checks its first sentence and version. */
static void
check_mission(struct fx *f, const char *a, int64_t version)
{
	struct wb_data	 d;

	assert_int_equal(plan_load(&f->t.h, f->org, WB_MISSION, &d), RT_OK);
	assert_string_equal(wb_value(&d, "mission"), a);
	assert_int_equal(d.stamp.version, version);
	wb_data_free(&d);
}

/* Every section of a plan never saved loads empty at version 0, fixed items present. */
static void
test_load_never_saved(void **state)
{
	struct fx	*f = *state;
	struct wb_data	 d;
	size_t		 i, l;
	int		 s;

	for (s = 0; s < WB__MAX; s++) {
		assert_int_equal(plan_load(&f->t.h, f->org, s, &d), RT_OK);
		assert_int_equal(d.section, s);
		assert_int_equal(d.stamp.version, 0);
		assert_int_equal(d.stamp.updated_at, 0);
		assert_string_equal(d.stamp.updated_by, "");
		for (i = 0; i < wb_sections[s].nfields; i++)
			assert_string_equal(d.values[i], "");
		for (l = 0; l < wb_sections[s].nlists; l++)
			if (wb_sections[s].lists[l].fixed_ids == NULL)
				assert_int_equal(d.lists[l].n, 0);
		wb_data_free(&d);
	}
	assert_int_equal(plan_load(&f->t.h, f->org, WB_PLATFORMS, &d), RT_OK);
	assert_int_equal(d.lists[0].n, PF__MAX);
	assert_string_equal(d.lists[0].items[0].id, platform_keys[0]);
	wb_data_free(&d);
}

/* Every section, whatever its fields and lists, comes back as saved, with its stamp. */
static void
test_save_load_each_section(void **state)
{
	struct fx	*f = *state;
	struct wb_data	 d, back;
	int		 s;

	for (s = 0; s < WB__MAX; s++) {
		assert_int_equal(wb_data_init(&d, s), RT_OK);
		fill(&d, s);
		assert_int_equal(plan_save(&f->t.h, f->org, f->alice, &d, 0,
		    T0 + s), RT_OK);
		assert_int_equal(d.stamp.version, 1);
		assert_int_equal(d.stamp.updated_at, T0 + s);
		assert_string_equal(d.stamp.updated_by, "Alice");
		assert_int_equal(plan_load(&f->t.h, f->org, s, &back), RT_OK);
		same_content(&d, &back);
		assert_int_equal(back.stamp.version, 1);
		assert_int_equal(back.stamp.updated_at, T0 + s);
		assert_string_equal(back.stamp.updated_by, "Alice");
		wb_data_free(&back);

		/* A second save replaces the whole document. */
		wb_data_free(&d);
		assert_int_equal(wb_data_init(&d, s), RT_OK);
		fill(&d, s + 1);
		assert_int_equal(plan_save(&f->t.h, f->org, f->bob, &d, 1,
		    T0 + 100 + s), RT_OK);
		assert_int_equal(d.stamp.version, 2);
		assert_string_equal(d.stamp.updated_by, "Bob");
		assert_int_equal(plan_load(&f->t.h, f->org, s, &back), RT_OK);
		same_content(&d, &back);
		assert_int_equal(back.stamp.version, 2);
		wb_data_free(&back);
		wb_data_free(&d);
	}
	/* The other organisation saw none of it. */
	for (s = 0; s < WB__MAX; s++) {
		assert_int_equal(plan_load(&f->t.h, f->borg, s, &back), RT_OK);
		assert_int_equal(back.stamp.version, 0);
		wb_data_free(&back);
	}
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_sections"),
	    WB__MAX);
	/*
	 * Two revisions a section, and one more for the evaluation: its
	 * reviews must follow the objectives, so the save of a later section
	 * dropped those written for ids no objective has, as a new version
	 * (plan_cascade).
	 */
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_revisions "
	    "WHERE section <> 'evaluation'"), 2 * (WB__MAX - 1));
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_revisions "
	    "WHERE section = 'evaluation'"), 3);
}


/* Sets value name of item it of list 0 of d to v (a copy). */
static void
set_list_value(struct wb_data *d, struct wb_item *it, const char *name,
    const char *v)
{
	const struct wb_list	*l = &wb_sections[d->section].lists[0];
	int			 f = wb_field_index(l->fields, l->nfields, name);

	assert_true(f >= 0);
	free(it->values[f]);
	assert_non_null(it->values[f] = strdup(v));
}

/*
 * Removing an objective drops its review and the references to it in the
 * same transaction, so that an id given later to a new objective starts
 * with nothing attached to it.
 */
static void
test_removed_item_leaves_nothing(void **state)
{
	struct fx	*f = *state;
	struct wb_plan	 p;
	struct wb_data	 o, e, posts;
	struct wb_item	*it;
	const char	*ref;

	assert_int_equal(wb_data_init(&o, WB_OBJECTIVES), RT_OK);
	assert_int_equal(wb_list_append(&o, 0, &it), RT_OK);
	set_list_value(&o, it, "text", "Premier objectif");
	assert_int_equal(wb_list_append(&o, 0, &it), RT_OK);
	set_list_value(&o, it, "text", "Second objectif");
	assert_string_equal(o.lists[0].items[0].id, "o1");
	assert_int_equal(plan_save(&f->t.h, f->org, f->alice, &o, 0, T0),
	    RT_OK);

	memset(&p, 0, sizeof(p));
	assert_int_equal(plan_load_all(&f->t.h, f->org, &p), RT_OK);
	assert_int_equal(wb_data_init(&e, WB_EVALUATION), RT_OK);
	assert_int_equal(wb_data_sync_items(&e, &p), RT_OK);
	assert_int_equal(e.lists[0].n, 2);
	set_list_value(&e, &e.lists[0].items[0], "measured", "Bilan du premier");
	assert_int_equal(plan_save(&f->t.h, f->org, f->alice, &e, 0, T0 + 1),
	    RT_OK);
	assert_int_equal(wb_data_init(&posts, WB_POSTS), RT_OK);
	assert_int_equal(wb_list_append(&posts, 0, &it), RT_OK);
	set_list_value(&posts, it, "platform", "facebook");
	set_list_value(&posts, it, "text", "Venez!");
	set_list_value(&posts, it, "objective", "o1");
	assert_int_equal(plan_save(&f->t.h, f->org, f->alice, &posts, 0,
	    T0 + 2), RT_OK);
	wb_plan_free(&p);

	/* Bob removes the first objective. */
	for (size_t k = 0; k < WB_MAX_FIELDS; k++)
		free(o.lists[0].items[0].values[k]);
	o.lists[0].items[0] = o.lists[0].items[1];
	memset(&o.lists[0].items[1], 0, sizeof(o.lists[0].items[1]));
	o.lists[0].n = 1;
	assert_int_equal(plan_save(&f->t.h, f->org, f->bob, &o, 1, T0 + 3),
	    RT_OK);

	assert_int_equal(plan_load_all(&f->t.h, f->org, &p), RT_OK);
	assert_int_equal(p.s[WB_EVALUATION].lists[0].n, 1);
	assert_string_equal(p.s[WB_EVALUATION].lists[0].items[0].id, "o2");
	ref = wb_item_value(&p.s[WB_POSTS], 0, &p.s[WB_POSTS].lists[0].items[0],
	    "objective");
	assert_string_equal(ref, "");
	/* The stored documents say so too, as new versions by Bob. */
	assert_int_equal(p.s[WB_EVALUATION].stamp.version, 2);
	assert_string_equal(p.s[WB_EVALUATION].stamp.updated_by, "Bob");
	assert_int_equal(p.s[WB_POSTS].stamp.version, 2);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_revisions "
	    "WHERE section = 'evaluation' AND data LIKE '%Bilan du premier%' "
	    "AND version = 2"), 0);
	wb_plan_free(&p);
	wb_data_free(&o);
	wb_data_free(&e);
	wb_data_free(&posts);
}

/* A save based on an outdated version is refused, and nothing of it is written. */
static void
test_conflict(void **state)
{
	struct fx	*f = *state;
	struct wb_data	 d;

	save_mission(f, f->alice, "first", "b", "c", 0, T0, RT_OK);
	save_mission(f, f->bob, "second", "b", "c", 0, T0 + 1, RT_ECONFLICT);
	save_mission(f, f->bob, "ahead", "b", "c", 7, T0 + 1, RT_ECONFLICT);
	check_mission(f, "first", 1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_revisions"),
	    1);
	assert_int_equal(q_int(&f->t, "SELECT updated_at FROM plan_standing"),
	    T0);

	/* The stamp of a refused save is left as it was. */
	assert_int_equal(wb_data_init(&d, WB_MISSION), RT_OK);
	set(&d, "mission", "third");
	d.stamp.version = 42;
	assert_int_equal(plan_save(&f->t.h, f->org, f->bob, &d, 0, T0 + 2),
	    RT_ECONFLICT);
	assert_int_equal(d.stamp.version, 42);
	/* Based on the right version it goes through. */
	assert_int_equal(plan_save(&f->t.h, f->org, f->bob, &d, 1, T0 + 2),
	    RT_OK);
	assert_int_equal(d.stamp.version, 2);
	wb_data_free(&d);
	check_mission(f, "third", 2);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_revisions"),
	    2);
}

/* A save to an organisation that does not exist fails and leaves nothing. */
static void
test_unknown_org(void **state)
{
	struct fx	*f = *state;
	struct wb_data	 d;

	assert_int_equal(wb_data_init(&d, WB_MISSION), RT_OK);
	set(&d, "mission", "nowhere");
	assert_int_equal(plan_save(&f->t.h, 9999, f->alice, &d, 0, T0), RT_EDB);
	wb_data_free(&d);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_sections"), 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_revisions"),
	    0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_standing"), 0);
	/* The writer is free again. */
	save_mission(f, f->alice, "here", "", "", 0, T0, RT_OK);
}

/* Revisions come newest first with their authors, and each one reads back as saved. */
static void
test_revisions(void **state)
{
	struct fx		*f = *state;
	struct plan_revision	*r = NULL;
	struct wb_data		 d;
	size_t			 n;

	assert_int_equal(plan_revisions(&f->t.h, f->org, WB_MISSION, 10, &r,
	    &n), RT_OK);
	assert_null(r);
	assert_int_equal(n, 0);

	save_mission(f, f->alice, "one", "b1", "c1", 0, T0 + 10, RT_OK);
	save_mission(f, f->bob, "two", "b2", "c2", 1, T0 + 20, RT_OK);
	save_mission(f, 0, "three", "b3", "c3", 2, T0 + 30, RT_OK);

	assert_int_equal(plan_revisions(&f->t.h, f->org, WB_MISSION, 10, &r,
	    &n), RT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(r[0].version, 3);
	assert_int_equal(r[0].created_at, T0 + 30);
	assert_string_equal(r[0].author, "");
	assert_int_equal(r[1].version, 2);
	assert_string_equal(r[1].author, "Bob");
	assert_int_equal(r[2].version, 1);
	assert_int_equal(r[2].created_at, T0 + 10);
	assert_string_equal(r[2].author, "Alice");
	assert_int_equal(r[2].restored_from, 0);
	assert_true(r[0].id > r[1].id && r[1].id > r[2].id);
	free(r);

	/* At most max, the newest. */
	assert_int_equal(plan_revisions(&f->t.h, f->org, WB_MISSION, 2, &r, &n),
	    RT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].version, 3);
	assert_int_equal(r[1].version, 2);
	free(r);
	assert_int_equal(plan_revisions(&f->t.h, f->org, WB_MISSION, 0, &r, &n),
	    RT_OK);
	assert_null(r);
	assert_int_equal(n, 0);

	/* Each version's content, stamped with its author. */
	assert_int_equal(plan_revision_load(&f->t.h, f->org, WB_MISSION, 2, &d),
	    RT_OK);
	assert_string_equal(wb_value(&d, "mission"), "two");
	assert_string_equal(wb_value(&d, "means"), "b2");
	assert_int_equal(d.stamp.version, 2);
	assert_int_equal(d.stamp.updated_at, T0 + 20);
	assert_string_equal(d.stamp.updated_by, "Bob");
	wb_data_free(&d);
	assert_int_equal(plan_revision_load(&f->t.h, f->org, WB_MISSION, 1, &d),
	    RT_OK);
	assert_string_equal(wb_value(&d, "strategy"), "c1");
	wb_data_free(&d);
	assert_int_equal(plan_revision_load(&f->t.h, f->org, WB_MISSION, 4, &d),
	    RT_ENOTFOUND);
	wb_data_free(&d);
	assert_int_equal(plan_revision_load(&f->t.h, f->org, WB_OBJECTIVES, 1,
	    &d), RT_ENOTFOUND);
	wb_data_free(&d);

	/* Another organisation's history is its own. */
	assert_int_equal(plan_revisions(&f->t.h, f->borg, WB_MISSION, 10, &r,
	    &n), RT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(plan_revision_load(&f->t.h, f->borg, WB_MISSION, 1,
	    &d), RT_ENOTFOUND);
	wb_data_free(&d);

	/* An author whose account is gone reads as "". */
	q_exec(&f->t, "DELETE FROM users WHERE name = 'Bob'");
	assert_int_equal(plan_revisions(&f->t.h, f->org, WB_MISSION, 10, &r,
	    &n), RT_OK);
	assert_int_equal(n, 3);
	assert_string_equal(r[1].author, "");
	assert_string_equal(r[2].author, "Alice");
	free(r);
}

/* A restore brings back an old content as a new version, and keeps the history. */
static void
test_restore(void **state)
{
	struct fx		*f = *state;
	struct plan_revision	*r = NULL;
	struct wb_data		 d;
	size_t			 n;

	save_mission(f, f->alice, "one", "b1", "c1", 0, T0 + 10, RT_OK);
	save_mission(f, f->alice, "two", "b2", "c2", 1, T0 + 20, RT_OK);
	save_mission(f, f->alice, "three", "b3", "c3", 2, T0 + 30, RT_OK);

	/* Outdated base, unknown version: refused, nothing written. */
	assert_int_equal(plan_restore(&f->t.h, f->org, f->bob, WB_MISSION, 1, 2,
	    T0 + 40), RT_ECONFLICT);
	assert_int_equal(plan_restore(&f->t.h, f->org, f->bob, WB_MISSION, 9, 3,
	    T0 + 40), RT_ENOTFOUND);
	assert_int_equal(plan_restore(&f->t.h, f->org, f->bob, WB_OBJECTIVES, 1,
	    0, T0 + 40), RT_ENOTFOUND);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_revisions"),
	    3);
	check_mission(f, "three", 3);

	assert_int_equal(plan_restore(&f->t.h, f->org, f->bob, WB_MISSION, 1, 3,
	    T0 + 50), RT_OK);
	assert_int_equal(plan_load(&f->t.h, f->org, WB_MISSION, &d), RT_OK);
	assert_string_equal(wb_value(&d, "mission"), "one");
	assert_string_equal(wb_value(&d, "means"), "b1");
	assert_string_equal(wb_value(&d, "strategy"), "c1");
	assert_int_equal(d.stamp.version, 4);
	assert_int_equal(d.stamp.updated_at, T0 + 50);
	assert_string_equal(d.stamp.updated_by, "Bob");
	wb_data_free(&d);

	assert_int_equal(plan_revisions(&f->t.h, f->org, WB_MISSION, 10, &r,
	    &n), RT_OK);
	assert_int_equal(n, 4);
	assert_int_equal(r[0].version, 4);
	assert_int_equal(r[0].restored_from, 1);
	assert_string_equal(r[0].author, "Bob");
	assert_int_equal(r[1].restored_from, 0);
	free(r);
	/* The versions in between are still there, as they were. */
	assert_int_equal(plan_revision_load(&f->t.h, f->org, WB_MISSION, 3, &d),
	    RT_OK);
	assert_string_equal(wb_value(&d, "mission"), "three");
	wb_data_free(&d);

	/* The restore moved the version on: a save based on 3 now conflicts. */
	save_mission(f, f->alice, "late", "", "", 3, T0 + 60, RT_ECONFLICT);
	save_mission(f, f->alice, "five", "", "", 4, T0 + 60, RT_OK);
	check_mission(f, "five", 5);
	assert_int_equal(q_int(&f->t, "SELECT updated_at FROM plan_standing"),
	    T0 + 60);
}

/* Computes with the coach what the standing of f's org should be, from plan_load_all(). */
static void
expected_standing(struct fx *f, struct plan_standing *out)
{
	struct wb_plan		 p;
	struct coach_progress	 prog;
	struct pitfall		 pit[PIT__MAX * 8];
	int			 i;

	assert_int_equal(plan_load_all(&f->t.h, f->org, &p), RT_OK);
	coach_progress(&p, &prog);
	memset(out, 0, sizeof(*out));
	for (i = 0; i < WB__MAX; i++)
		out->percent[i] = prog.percent[i];
	out->overall = prog.overall;
	out->pitfalls = (int)coach_pitfalls(&p, pit, PIT__MAX * 8);
	wb_plan_free(&p);
}

/* Checks that the stored standing of f's org is what the coach says, stamped at. */
static void
check_standing(struct fx *f, struct plan_standing *got, int64_t at)
{
	struct plan_standing	 want;
	int			 i;

	expected_standing(f, &want);
	assert_int_equal(plan_standing(&f->t.h, f->org, got), RT_OK);
	for (i = 0; i < WB__MAX; i++)
		assert_int_equal(got->percent[i], want.percent[i]);
	assert_int_equal(got->overall, want.overall);
	assert_int_equal(got->pitfalls, want.pitfalls);
	assert_int_equal(got->updated_at, at);
}

/* Saves the objectives of f's org: one objective whose target is target. */
static void
save_objective(struct fx *f, const char *target, int64_t base, time_t now)
{
	struct wb_data	 d;
	struct wb_item	*it;

	assert_int_equal(wb_data_init(&d, WB_OBJECTIVES), RT_OK);
	it = add_item(&d, 0);
	set_item(&d, 0, it, "text", "Faire connaître le comité aux locataires");
	set_item(&d, 0, it, "kind", "activity");
	set_item(&d, 0, it, "indicator", "Abonnés de la page");
	set_item(&d, 0, it, "target", target);
	assert_int_equal(plan_save(&f->t.h, f->org, f->alice, &d, base, now),
	    RT_OK);
	wb_data_free(&d);
}

/* Every save stores the plan's standing: completion goes up, pitfalls come and go. */
static void
test_standing(void **state)
{
	struct fx		*f = *state;
	struct plan_standing	 s0, s1, s2, s3;
	int			 i;

	assert_int_equal(plan_standing(&f->t.h, f->org, &s0), RT_OK);
	assert_int_equal(s0.overall, 0);
	assert_int_equal(s0.pitfalls, 0);
	assert_int_equal(s0.updated_at, 0);
	for (i = 0; i < WB__MAX; i++)
		assert_int_equal(s0.percent[i], 0);

	save_mission(f, f->alice, "Défendre le droit au logement",
	    "Des ateliers et des campagnes", "Rejoindre les locataires", 0,
	    T0 + 1, RT_OK);
	check_standing(f, &s1, T0 + 1);
	assert_int_equal(s1.percent[WB_MISSION], 100);
	assert_true(s1.overall > 0);
	assert_int_equal(q_int(&f->t, "SELECT json_extract(percents, "
	    "'$.mission') FROM plan_standing"), 100);

	/* An objective without a number in its target is a pitfall. */
	save_objective(f, "beaucoup plus", 0, T0 + 2);
	check_standing(f, &s2, T0 + 2);
	assert_true(s2.percent[WB_OBJECTIVES] > 0);
	assert_true(s2.overall > s1.overall);
	assert_true(s2.pitfalls > s1.pitfalls);

	/* With a number, that pitfall is gone. */
	save_objective(f, "500 abonnés d'ici juin", 1, T0 + 3);
	check_standing(f, &s3, T0 + 3);
	assert_int_equal(s3.pitfalls, s2.pitfalls - 1);
	assert_true(s3.overall >= s2.overall);

	/* The other organisation's standing did not move. */
	assert_int_equal(plan_standing(&f->t.h, f->borg, &s0), RT_OK);
	assert_int_equal(s0.overall, 0);
	assert_int_equal(s0.updated_at, 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_standing"), 1);
}

/* A plan with sections but no stored standing (migrated) gets it computed. */
static void
test_standing_without_row(void **state)
{
	struct fx		*f = *state;
	struct plan_standing	 s;

	save_mission(f, f->alice, "m", "n", "o", 0, T0 + 5, RT_OK);
	save_objective(f, "10 personnes", 0, T0 + 7);
	q_exec(&f->t, "DELETE FROM plan_standing");
	check_standing(f, &s, T0 + 7);
	assert_int_equal(s.percent[WB_MISSION], 100);
}

/*
 * Points every reference of d (REF, REFS) at the first item of the list it
 * refers to in p, when that list has one: the posts at an objective and a
 * persona, the platforms at personas.
 */
static void
fill_refs(struct wb_data *d, const struct wb_plan *p)
{
	const struct wb_section_def	*sd = &wb_sections[d->section];
	const struct wb_field		*fd;
	const struct wb_list_data	*target;
	size_t				 l, k, f;

	for (l = 0; l < sd->nlists; l++)
		for (k = 0; k < d->lists[l].n; k++)
			for (f = 0; f < sd->lists[l].nfields; f++) {
				fd = &sd->lists[l].fields[f];
				if (fd->widget != WB_REF && fd->widget != WB_REFS)
					continue;
				target = &p->s[fd->ref_section].lists[fd->ref_list];
				if (target->n > 0)
					put(&d->lists[l].items[k].values[f],
					    target->items[0].id);
			}
}

/*
 * Saves section s of f's org by user at now as the section's page does:
 * the plan read first (seen), the content of fill() with variant (empty
 * when variant < 0), its references pointing at items seen has, its lists
 * made from other sections as seen has them, then plan_save_seen() with
 * seen on the version seen has.  Checks the new stamp, and that the
 * stored standing is what the coach computes from the whole plan read
 * again; returns its overall completion.
 */
static int
save_seen_checked(struct fx *f, int64_t user, const char *name, int s,
    int variant, time_t now)
{
	struct wb_plan		 seen;
	struct wb_data		 d;
	struct plan_standing	 got;
	int64_t			 base;

	assert_int_equal(plan_load_all(&f->t.h, f->org, &seen), RT_OK);
	base = seen.s[s].stamp.version;
	assert_int_equal(wb_data_init(&d, s), RT_OK);
	if (variant >= 0) {
		fill(&d, variant);
		fill_refs(&d, &seen);
	}
	assert_int_equal(wb_data_sync_items(&d, &seen), RT_OK);
	assert_int_equal(plan_save_seen(&f->t.h, f->org, user, &d, base, now,
	    &seen), RT_OK);
	assert_int_equal(d.stamp.version, base + 1);
	assert_int_equal(d.stamp.updated_at, now);
	assert_string_equal(d.stamp.updated_by, name);
	check_standing(f, &got, now);
	wb_data_free(&d);
	wb_plan_free(&seen);
	return got.overall;
}

/*
 * The standing a save stores, worked out before its transaction, is what
 * a full recomputation gives: every section saved full, then emptied and
 * filled again, in three orders, the references between sections made and
 * broken on the way (a removed objective cascades to the posts and the
 * evaluation).
 */
static void
test_save_seen_standing(void **state)
{
	struct fx		*f = *state;
	struct plan_standing	 s;
	time_t			 now = T0;
	int			 i, k, sec, overall, prev = 0, changes = 0, last;

	/* In the workbook's order, each section full. */
	for (i = 0; i < WB__MAX; i++) {
		overall = save_seen_checked(f, f->alice, "Alice", i, i, ++now);
		changes += overall != prev;
		prev = overall;
	}
	/* Backwards, another content. */
	for (i = WB__MAX - 1; i >= 0; i--)
		save_seen_checked(f, f->bob, "Bob", i, 100 + i, ++now);
	/* Shuffled (5 is prime to 14), emptied and filled in turn. */
	for (k = 0; k < 2 * WB__MAX; k++) {
		sec = (k * 5) % WB__MAX;
		overall = save_seen_checked(f, f->alice, "Alice", sec,
		    k % 2 ? 7 + k : -1, ++now);
		changes += overall != prev;
		prev = overall;
	}
	/* The standing moved on the way: the checks compared something. */
	assert_true(changes >= WB__MAX);
	check_standing(f, &s, now);
	/* Objectives full, posts pointing at them, then objectives emptied. */
	save_seen_checked(f, f->alice, "Alice", WB_OBJECTIVES, 3, ++now);
	save_seen_checked(f, f->alice, "Alice", WB_AUDIENCES, 4, ++now);
	save_seen_checked(f, f->alice, "Alice", WB_POSTS, 5, ++now);
	save_seen_checked(f, f->alice, "Alice", WB_PLATFORMS, 6, ++now);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_sections "
	    "WHERE section = 'posts' AND data LIKE '%\"objective\": \"o%'"), 1);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_sections "
	    "WHERE section = 'platforms' AND data LIKE '%\"personas\": \"p%'"),
	    1);
	last = q_int(&f->t, "SELECT version FROM plan_sections "
	    "WHERE section = 'posts'");
	save_seen_checked(f, f->bob, "Bob", WB_OBJECTIVES, -1, ++now);
	save_seen_checked(f, f->bob, "Bob", WB_AUDIENCES, -1, ++now);
	/* The cascades wrote the posts and platforms again, without the references. */
	assert_true(q_int(&f->t, "SELECT version FROM plan_sections "
	    "WHERE section = 'posts'") > last);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_sections "
	    "WHERE section = 'posts' AND data LIKE '%\"objective\": \"o%'"), 0);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_sections "
	    "WHERE section = 'platforms' AND data LIKE '%\"personas\": \"p%'"),
	    0);
	check_standing(f, &s, now);
}

/*
 * A save whose plan was read before someone saved another section still
 * stores the standing of the plan as it is: the other section counts as
 * it now is, not as the page saw it.
 */
static void
test_save_seen_other_moved(void **state)
{
	struct fx		*f = *state;
	struct wb_plan		 seen;
	struct wb_data		 d, story;
	struct plan_standing	 before, got;

	save_mission(f, f->alice, "m", "n", "o", 0, T0, RT_OK);
	assert_int_equal(plan_load_all(&f->t.h, f->org, &seen), RT_OK);
	assert_int_equal(plan_standing(&f->t.h, f->org, &before), RT_OK);
	/* Bob fills the story meanwhile. */
	assert_int_equal(wb_data_init(&story, WB_STORY), RT_OK);
	fill(&story, 1);
	assert_int_equal(plan_save(&f->t.h, f->org, f->bob, &story, 0, T0 + 1),
	    RT_OK);
	wb_data_free(&story);
	/* Alice saves the mission from her page, read before. */
	assert_int_equal(wb_data_init(&d, WB_MISSION), RT_OK);
	set(&d, "mission", "Loger tout le monde");
	assert_int_equal(plan_save_seen(&f->t.h, f->org, f->alice, &d, 1,
	    T0 + 2, &seen), RT_OK);
	assert_int_equal(d.stamp.version, 2);
	assert_string_equal(d.stamp.updated_by, "Alice");
	check_standing(f, &got, T0 + 2);
	assert_true(got.percent[WB_STORY] > before.percent[WB_STORY]);
	check_mission(f, "Loger tout le monde", 2);
	wb_data_free(&d);
	wb_plan_free(&seen);
}

/*
 * A save racing another of the same section, its plan read before the
 * other was written, gets the conflict: nothing of it is written, the
 * standing is the other save's, and its stamp is left as it was.
 */
static void
test_save_seen_conflict(void **state)
{
	struct fx		*f = *state;
	struct wb_plan		 seen;
	struct wb_data		 d;
	struct plan_standing	 got;

	save_mission(f, f->alice, "first", "b", "c", 0, T0, RT_OK);
	assert_int_equal(plan_load_all(&f->t.h, f->org, &seen), RT_OK);
	save_mission(f, f->bob, "bob's", "", "", 1, T0 + 1, RT_OK);
	assert_int_equal(wb_data_init(&d, WB_MISSION), RT_OK);
	set(&d, "mission", "alice's");
	set(&d, "means", "b");
	set(&d, "strategy", "c");
	d.stamp.version = 42;
	assert_int_equal(plan_save_seen(&f->t.h, f->org, f->alice, &d, 1,
	    T0 + 2, &seen), RT_ECONFLICT);
	assert_int_equal(d.stamp.version, 42);
	check_mission(f, "bob's", 2);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_revisions"),
	    2);
	check_standing(f, &got, T0 + 1);
	/* On the version the conflict showed, it goes through. */
	wb_plan_free(&seen);
	assert_int_equal(plan_load_all(&f->t.h, f->org, &seen), RT_OK);
	assert_int_equal(plan_save_seen(&f->t.h, f->org, f->alice, &d, 2,
	    T0 + 3, &seen), RT_OK);
	check_mission(f, "alice's", 3);
	check_standing(f, &got, T0 + 3);
	wb_data_free(&d);
	wb_plan_free(&seen);
}

/*
 * The evaluation's reviews follow the objectives: a save of the
 * objectives that adds one writes the evaluation again, as a new version
 * with a review for it, in the same transaction, and the standing counts
 * it; a save of another section leaves the evaluation alone once it is in
 * step.
 */
static void
test_save_seen_reviews_follow(void **state)
{
	struct fx		*f = *state;
	struct wb_plan		 seen;
	struct wb_data		 d;
	struct wb_item		*it;
	struct plan_standing	 got;
	char			 sql[256];

	save_seen_checked(f, f->alice, "Alice", WB_OBJECTIVES, 1, T0 + 1);
	save_seen_checked(f, f->alice, "Alice", WB_EVALUATION, 2, T0 + 2);
	assert_int_equal(q_int(&f->t, "SELECT version FROM plan_sections "
	    "WHERE section = 'evaluation'"), 1);
	assert_int_equal(q_int(&f->t, "SELECT json_array_length(data, "
	    "'$.lists.review') FROM plan_sections "
	    "WHERE section = 'evaluation'"), 2);

	/* A third objective. */
	assert_int_equal(plan_load_all(&f->t.h, f->org, &seen), RT_OK);
	assert_int_equal(wb_data_init(&d, WB_OBJECTIVES), RT_OK);
	fill(&d, 1);
	it = add_item(&d, 0);
	set_item(&d, 0, it, "text", "Un troisième objectif");
	assert_int_equal(plan_save_seen(&f->t.h, f->org, f->bob, &d, 1, T0 + 3,
	    &seen), RT_OK);
	wb_data_free(&d);
	wb_plan_free(&seen);
	check_standing(f, &got, T0 + 3);
	assert_int_equal(q_int(&f->t, "SELECT version FROM plan_sections "
	    "WHERE section = 'evaluation'"), 2);
	assert_int_equal(q_int(&f->t, "SELECT json_array_length(data, "
	    "'$.lists.review') FROM plan_sections "
	    "WHERE section = 'evaluation'"), 3);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM plan_revisions "
	    "WHERE section = 'evaluation' AND user_id = %lld AND version = 2",
	    (long long)f->bob);
	assert_int_equal(q_int(&f->t, sql), 1);

	/* In step now: another save does not touch it. */
	save_seen_checked(f, f->alice, "Alice", WB_MISSION, 3, T0 + 4);
	assert_int_equal(q_int(&f->t, "SELECT version FROM plan_sections "
	    "WHERE section = 'evaluation'"), 2);
}

/* The sections of plan_load_all() are those of plan_load(); reviews follow objectives. */
static void
test_load_all(void **state)
{
	struct fx	*f = *state;
	struct wb_plan	 p;
	struct wb_data	 d, one;
	struct wb_item	*a, *b;
	int		 s;

	assert_int_equal(wb_data_init(&d, WB_OBJECTIVES), RT_OK);
	a = add_item(&d, 0);
	set_item(&d, 0, a, "text", "Premier");
	b = add_item(&d, 0);
	set_item(&d, 0, b, "text", "Second");
	assert_int_equal(plan_save(&f->t.h, f->org, f->alice, &d, 0, T0),
	    RT_OK);
	save_mission(f, f->bob, "m", "n", "o", 0, T0 + 1, RT_OK);

	assert_int_equal(plan_load_all(&f->t.h, f->org, &p), RT_OK);
	for (s = 0; s < WB__MAX; s++) {
		assert_int_equal(p.s[s].section, s);
		if (s == WB_EVALUATION)
			continue;
		assert_int_equal(plan_load(&f->t.h, f->org, s, &one), RT_OK);
		same_content(&p.s[s], &one);
		assert_int_equal(p.s[s].stamp.version, one.stamp.version);
		assert_string_equal(p.s[s].stamp.updated_by,
		    one.stamp.updated_by);
		wb_data_free(&one);
	}
	assert_int_equal(p.s[WB_MISSION].stamp.version, 1);
	assert_string_equal(p.s[WB_MISSION].stamp.updated_by, "Bob");
	assert_int_equal(p.s[WB_TEAM].stamp.version, 0);
	/* One review per objective, under the objective's id, in its order. */
	assert_int_equal(p.s[WB_EVALUATION].lists[0].n, 2);
	assert_string_equal(p.s[WB_EVALUATION].lists[0].items[0].id,
	    d.lists[0].items[0].id);
	assert_string_equal(p.s[WB_EVALUATION].lists[0].items[1].id,
	    d.lists[0].items[1].id);
	wb_plan_free(&p);
	wb_data_free(&d);
}

/* A stored document that does not read back is an error, not a half-read section. */
static void
test_bad_document(void **state)
{
	struct fx	*f = *state;
	struct wb_data	 d;
	struct wb_plan	 p;
	char		 sql[6000];

	save_mission(f, f->alice, "m", "n", "o", 0, T0, RT_OK);
	/* 4001 characters where 4000 are declared. */
	snprintf(sql, sizeof(sql), "UPDATE plan_sections SET data = "
	    "json_object('fields', json_object('mission', "
	    "printf('%%.4001c', 'x')), 'lists', json_object()) "
	    "WHERE section = 'mission'");
	q_exec(&f->t, sql);
	assert_int_equal(plan_load(&f->t.h, f->org, WB_MISSION, &d), RT_EDB);
	wb_data_free(&d);
	assert_int_equal(plan_load_all(&f->t.h, f->org, &p), RT_EDB);
	wb_plan_free(&p);
	q_exec(&f->t, "UPDATE plan_sections SET data = '[1, 2]' "
	    "WHERE section = 'mission'");
	assert_int_equal(plan_load(&f->t.h, f->org, WB_MISSION, &d), RT_EDB);
	wb_data_free(&d);
	/* The other sections still load. */
	assert_int_equal(plan_load(&f->t.h, f->org, WB_STORY, &d), RT_OK);
	wb_data_free(&d);
}

/* Checks that a and b, two whole plans, hold the same sections with the same stamps. */
static void
same_plan(const struct wb_plan *a, const struct wb_plan *b)
{
	int	 s;

	for (s = 0; s < WB__MAX; s++) {
		same_content(&a->s[s], &b->s[s]);
		assert_int_equal(a->s[s].stamp.version, b->s[s].stamp.version);
		assert_int_equal(a->s[s].stamp.updated_at,
		    b->s[s].stamp.updated_at);
		assert_string_equal(a->s[s].stamp.updated_by,
		    b->s[s].stamp.updated_by);
	}
}

/*
 * Loads f's org with plan_load_view() as the plan page does (the budget's
 * sections, the pitfall rules' when there are pitfalls) and checks it
 * against the whole plan of plan_load_all() and what the coach computes
 * from it: the standing (every percent, the overall, the number of
 * pitfalls, the last save), the list of pitfalls and the budget, the
 * stamp of every section, the content of every section loaded, and the
 * others empty.  Returns the standing in *got.
 */
static void
check_view(struct fx *f, struct plan_standing *got)
{
	struct wb_plan		 full, view;
	struct plan_standing	 want;
	struct pitfall		 a[PIT__MAX * 8], b[PIT__MAX * 8];
	struct coach_budget	 ba, bb;
	unsigned		 loaded = COACH_BUDGET_SECTIONS;
	size_t			 na, nb, k;
	int64_t			 last = 0;
	int			 s;

	expected_standing(f, &want);
	assert_int_equal(plan_load_all(&f->t.h, f->org, &full), RT_OK);
	assert_int_equal(plan_load_view(&f->t.h, f->org, COACH_BUDGET_SECTIONS,
	    COACH_PITFALL_SECTIONS, &view, got), RT_OK);
	for (s = 0; s < WB__MAX; s++) {
		assert_int_equal(got->percent[s], want.percent[s]);
		if (full.s[s].stamp.updated_at > last)
			last = full.s[s].stamp.updated_at;
	}
	assert_int_equal(got->overall, want.overall);
	assert_int_equal(got->pitfalls, want.pitfalls);
	assert_int_equal(got->updated_at, last);

	/* The overview lists pitfalls only when the standing counts some. */
	if (got->pitfalls > 0)
		loaded |= COACH_PITFALL_SECTIONS;
	na = coach_pitfalls(&full, a, PIT__MAX * 8);
	nb = got->pitfalls > 0 ? coach_pitfalls(&view, b, PIT__MAX * 8) : 0;
	assert_int_equal(nb, na);
	for (k = 0; k < na; k++) {
		assert_int_equal(b[k].id, a[k].id);
		assert_int_equal(b[k].section, a[k].section);
		assert_string_equal(b[k].subject, a[k].subject);
	}
	coach_budget(&full, &ba);
	coach_budget(&view, &bb);
	assert_memory_equal(&ba, &bb, sizeof(ba));

	for (s = 0; s < WB__MAX; s++) {
		assert_int_equal(view.s[s].section, s);
		assert_int_equal(view.s[s].stamp.version,
		    full.s[s].stamp.version);
		assert_int_equal(view.s[s].stamp.updated_at,
		    full.s[s].stamp.updated_at);
		assert_string_equal(view.s[s].stamp.updated_by,
		    full.s[s].stamp.updated_by);
		if (loaded & (1u << s))
			same_content(&view.s[s], &full.s[s]);
	}
	wb_plan_free(&view);
	wb_plan_free(&full);
}

/*
 * The plan page's figures, read from the stored standing by
 * plan_load_view(), are what coach_progress() and coach_pitfalls()
 * compute from the whole plan: on a plan never saved, on the
 * demonstration plan (every section, no pitfall), and as sections are
 * saved and pitfalls come and go.  The sections it loads read as
 * plan_load_all() reads them, and with every section asked for, the whole
 * plan does.
 */
static void
test_load_view(void **state)
{
	struct fx		*f = *state;
	struct wb_plan		 demo, full, view;
	struct plan_standing	 s;
	int			 i;

	check_view(f, &s);
	assert_int_equal(s.overall, 0);
	assert_int_equal(s.updated_at, 0);

	assert_int_equal(demo_plan(LANG_FR, &demo), RT_OK);
	assert_int_equal(plan_replace_all(&f->t.h, f->org, f->alice, &demo,
	    T0 + 10), RT_OK);
	wb_plan_free(&demo);
	check_view(f, &s);
	assert_int_equal(s.overall, 100);
	assert_int_equal(s.pitfalls, 0);
	/* No pitfall: the sections of the rules alone are not read. */
	assert_int_equal(plan_load_view(&f->t.h, f->org, COACH_BUDGET_SECTIONS,
	    COACH_PITFALL_SECTIONS, &view, &s), RT_OK);
	assert_int_equal(view.s[WB_OBJECTIVES].lists[0].n, 0);
	assert_true(view.s[WB_OBJECTIVES].stamp.version > 0);
	assert_true(view.s[WB_PLATFORMS].lists[0].n > 0);
	wb_plan_free(&view);

	/* Every section asked for: the whole plan, as plan_load_all() has it. */
	assert_int_equal(plan_load_all(&f->t.h, f->org, &full), RT_OK);
	assert_int_equal(plan_load_view(&f->t.h, f->org, PLAN_ALL_SECTIONS, 0,
	    &view, NULL), RT_OK);
	same_plan(&view, &full);
	assert_true(view.s[WB_EVALUATION].lists[0].n > 0);
	wb_plan_free(&view);
	wb_plan_free(&full);

	/* An objective without a number: a pitfall, listed from the view. */
	save_objective(f, "beaucoup plus", 1, T0 + 20);
	check_view(f, &s);
	assert_true(s.pitfalls > 0);
	assert_true(s.overall < 100);
	save_objective(f, "500 abonnés", 2, T0 + 30);
	check_view(f, &s);
	save_mission(f, f->bob, "", "", "", 1, T0 + 40, RT_OK);
	check_view(f, &s);
	assert_int_equal(s.percent[WB_MISSION], 0);

	/* The figures come from the stored row: nothing computes them again. */
	q_exec(&f->t, "UPDATE plan_standing SET overall = 7, pitfalls = 0, "
	    "percents = json_set(percents, '$.team', 3)");
	assert_int_equal(plan_load_view(&f->t.h, f->org, COACH_BUDGET_SECTIONS,
	    COACH_PITFALL_SECTIONS, &view, &s), RT_OK);
	assert_int_equal(s.overall, 7);
	assert_int_equal(s.pitfalls, 0);
	assert_int_equal(s.percent[WB_TEAM], 3);
	assert_int_equal(s.updated_at, T0 + 40);
	for (i = 0; i < WB__MAX; i++)
		assert_true(s.percent[i] >= 0 && s.percent[i] <= 100);
	wb_plan_free(&view);
}

/*
 * A stored standing that cannot be trusted is computed from the whole
 * plan, as a save computes it: no row (a plan saved before plan_standing
 * existed, or migrated and not saved since), a row older than a section's
 * last save, a row that lacks a section (written by an older program),
 * percents that do not read.  Each time the figures are the coach's, not
 * the row's.
 */
static void
test_load_view_fallback(void **state)
{
	static const char *const spoil[] = {
		"DELETE FROM plan_standing",
		"UPDATE plan_standing SET overall = 7, pitfalls = 0, "
		    "updated_at = updated_at - 1",
		"UPDATE plan_standing SET overall = 7, pitfalls = 0, "
		    "percents = json_remove(percents, '$.events')",
		"UPDATE plan_standing SET overall = 7, pitfalls = 0, "
		    "percents = json_set(percents, '$.team', 'x')",
		"UPDATE plan_standing SET overall = 7, pitfalls = 0, "
		    "percents = '[1, 2]'",
	};
	struct fx		*f = *state;
	struct wb_plan		 demo;
	struct plan_standing	 s, want;
	size_t			 i;

	assert_int_equal(demo_plan(LANG_EN, &demo), RT_OK);
	assert_int_equal(plan_replace_all(&f->t.h, f->org, f->alice, &demo,
	    T0 + 10), RT_OK);
	wb_plan_free(&demo);
	save_objective(f, "beaucoup plus", 1, T0 + 20);
	check_view(f, &want);
	assert_true(want.pitfalls > 0 && want.overall != 7);
	for (i = 0; i < sizeof(spoil) / sizeof(spoil[0]); i++) {
		q_exec(&f->t, spoil[i]);
		check_view(f, &s);
		assert_int_equal(s.overall, want.overall);
		assert_int_equal(s.pitfalls, want.pitfalls);
		assert_int_equal(s.updated_at, T0 + 20);
		/* The next save stores a standing to trust again. */
		save_mission(f, f->alice, "m", "n", "o", (int64_t)i + 1,
		    T0 + 20, RT_OK);
		check_view(f, &want);
	}

	/* A section saved by something else than plan.c, after the row. */
	q_exec(&f->t, "UPDATE plan_sections SET updated_at = "
	    "(SELECT updated_at + 5 FROM plan_standing), "
	    "data = json_set(data, '$.fields.responsible', '') "
	    "WHERE section = 'team'");
	check_view(f, &s);
	assert_true(s.pitfalls > want.pitfalls);
	assert_int_equal(s.updated_at, T0 + 25);
}

/* One thread of the concurrency test. */
struct saver {
	struct db  *db;
	int64_t     org, user;
	int         id;
	int         rounds;
	int         saved;
	int         conflicts;
	int         errors;
};

/*
 * Appends rounds tokens "t<id>-<k>," to the mission, one save each: load,
 * append, save on the version loaded, and on a conflict start over from a
 * fresh load.  Counts errors instead of failing (cmocka asserts only in
 * the main thread).
 */
static void *
saver_run(void *arg)
{
	struct saver	*sv = arg;
	struct dbh	 h;
	struct wb_data	 d;
	char		 tok[32], *v;
	size_t		 len;
	int		 k, rc;

	h.db = sv->db;
	if (db_reader_open(sv->db, &h.rd) != RT_OK) {
		sv->errors++;
		return NULL;
	}
	for (k = 0; k < sv->rounds; k++) {
		for (;;) {
			if (plan_load(&h, sv->org, WB_MISSION, &d) != RT_OK) {
				sv->errors++;
				goto out;
			}
			snprintf(tok, sizeof(tok), "t%d-%d,", sv->id, k);
			len = strlen(wb_value(&d, "mission"));
			if ((v = malloc(len + strlen(tok) + 1)) == NULL) {
				sv->errors++;
				wb_data_free(&d);
				goto out;
			}
			memcpy(v, wb_value(&d, "mission"), len);
			strcpy(v + len, tok);
			free(d.values[0]);
			d.values[0] = v;
			sched_yield();
			rc = plan_save(&h, sv->org, sv->user, &d,
			    d.stamp.version, T0 + k);
			wb_data_free(&d);
			if (rc == RT_OK) {
				sv->saved++;
				break;
			}
			if (rc != RT_ECONFLICT) {
				sv->errors++;
				goto out;
			}
			sv->conflicts++;
		}
	}
out:
	db_conn_close(h.rd);
	return NULL;
}

/* Four threads saving the same section at once: conflicts, but no update lost. */
static void
test_concurrent_saves(void **state)
{
	struct fx		*f = *state;
	struct saver		 sv[4];
	struct plan_revision	*r = NULL;
	struct wb_data		 d;
	pthread_t		 th[4];
	const char		*m, *p;
	char			 tok[32];
	size_t			 n;
	int			 i, k, count, total = 0, conflicts = 0;
	int			 rounds = 25;

	assert_string_equal(wb_sections[WB_MISSION].fields[0].def.name,
	    "mission");
	for (i = 0; i < 4; i++) {
		memset(&sv[i], 0, sizeof(sv[i]));
		sv[i].db = f->t.db;
		sv[i].org = f->org;
		sv[i].user = i % 2 ? f->bob : f->alice;
		sv[i].id = i;
		sv[i].rounds = rounds;
		assert_int_equal(pthread_create(&th[i], NULL, saver_run,
		    &sv[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_int_equal(sv[i].errors, 0);
		assert_int_equal(sv[i].saved, rounds);
		total += sv[i].saved;
		conflicts += sv[i].conflicts;
	}
	print_message("%d saves, %d refused as conflicts and retried\n",
	    total, conflicts);
	assert_int_equal(plan_load(&f->t.h, f->org, WB_MISSION, &d), RT_OK);
	assert_int_equal(d.stamp.version, total);
	m = wb_value(&d, "mission");
	for (i = 0; i < 4; i++)
		for (k = 0; k < rounds; k++) {
			snprintf(tok, sizeof(tok), "t%d-%d,", i, k);
			for (count = 0, p = m; (p = strstr(p, tok)) != NULL;
			    p++)
				if (p == m || p[-1] == ',')
					count++;
			assert_int_equal(count, 1);
		}
	wb_data_free(&d);
	assert_int_equal(plan_revisions(&f->t.h, f->org, WB_MISSION, 1000, &r,
	    &n), RT_OK);
	assert_int_equal(n, (size_t)total);
	for (i = 0; i < total; i++)
		assert_int_equal(r[i].version, total - i);
	free(r);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_standing"), 1);
}

/* What the writer of the consistency test does: two sections, one save each per round. */
struct pair_writer {
	struct db  *db;
	int64_t     org, user;
	int         rounds;
	int         errors;
	atomic_int  done;
};

/* Sets field name of a fresh d of section to the number n and saves it on base n - 1. */
static int
save_number(struct dbh *h, const struct pair_writer *pw, int section,
    const char *name, int n)
{
	const struct wb_section_def	*sd = &wb_sections[section];
	struct wb_data			 d;
	char				 v[16];
	int				 rc, i;

	if (wb_data_init(&d, section) != RT_OK) {
		wb_data_free(&d);
		return RT_ENOMEM;
	}
	snprintf(v, sizeof(v), "%d", n);
	i = wb_field_index(sd->fields, sd->nfields, name);
	free(d.values[i]);
	d.values[i] = strdup(v);
	rc = d.values[i] == NULL ? RT_ENOMEM :
	    plan_save(h, pw->org, pw->user, &d, n - 1, T0 + n);
	wb_data_free(&d);
	return rc;
}

/* Saves the mission, then the story, with the same round number, rounds times. */
static void *
pair_writer_run(void *arg)
{
	struct pair_writer	*pw = arg;
	struct dbh		 h;
	int			 n;

	h.db = pw->db;
	if (db_reader_open(pw->db, &h.rd) != RT_OK) {
		pw->errors++;
		atomic_store(&pw->done, 1);
		return NULL;
	}
	for (n = 1; n <= pw->rounds; n++)
		if (save_number(&h, pw, WB_MISSION, "mission", n) != RT_OK ||
		    save_number(&h, pw, WB_STORY, "what_we_do", n) != RT_OK) {
			pw->errors++;
			break;
		}
	db_conn_close(h.rd);
	atomic_store(&pw->done, 1);
	return NULL;
}

/*
 * plan_load_all() sees one moment: while a writer saves the mission then
 * the story with the same number, a reader never sees the story ahead of
 * the mission, nor the mission two saves ahead.
 */
static void
test_load_all_consistent(void **state)
{
	struct fx		*f = *state;
	struct pair_writer	 pw;
	struct wb_plan		 p;
	pthread_t		 th;
	int			 a, b, loads = 0, bad = 0;

	memset(&pw, 0, sizeof(pw));
	atomic_init(&pw.done, 0);
	pw.db = f->t.db;
	pw.org = f->org;
	pw.user = f->alice;
	pw.rounds = 60;
	assert_int_equal(pthread_create(&th, NULL, pair_writer_run, &pw), 0);
	while (!atomic_load(&pw.done) || loads == 0) {
		assert_int_equal(plan_load_all(&f->t.h, f->org, &p), RT_OK);
		a = atoi(wb_value(&p.s[WB_MISSION], "mission"));
		b = atoi(wb_value(&p.s[WB_STORY], "what_we_do"));
		if (a < b || a > b + 1 ||
		    p.s[WB_MISSION].stamp.version != a ||
		    p.s[WB_STORY].stamp.version != b)
			bad++;
		wb_plan_free(&p);
		loads++;
	}
	assert_int_equal(pthread_join(th, NULL), 0);
	assert_int_equal(pw.errors, 0);
	assert_int_equal(bad, 0);
	assert_int_equal(plan_load_all(&f->t.h, f->org, &p), RT_OK);
	assert_int_equal(p.s[WB_MISSION].stamp.version, pw.rounds);
	assert_int_equal(p.s[WB_STORY].stamp.version, pw.rounds);
	wb_plan_free(&p);
}

/* A thread of the concurrent sections' test: its own section, saved again and again. */
struct section_saver {
	struct db  *db;
	int64_t     org, user;
	int         section;
	int         rounds;
	int         errors;
};

/*
 * Saves the first field of its section rounds times, in turn with text and
 * empty, each time as a page does: the whole plan read, then
 * plan_save_seen() with it.  Counts errors (cmocka asserts only in the
 * main thread).
 */
static void *
section_saver_run(void *arg)
{
	struct section_saver	*sv = arg;
	struct dbh		 h;
	struct wb_plan		 seen;
	struct wb_data		 d;
	char			 v[64];
	int			 k, rc;

	h.db = sv->db;
	if (db_reader_open(sv->db, &h.rd) != RT_OK) {
		sv->errors++;
		return NULL;
	}
	for (k = 0; k < sv->rounds; k++) {
		if (plan_load_all(&h, sv->org, &seen) != RT_OK) {
			sv->errors++;
			break;
		}
		snprintf(v, sizeof(v), k % 2 ? "" : "Réponse %d", k);
		rc = wb_data_init(&d, sv->section);
		if (rc == RT_OK) {
			free(d.values[0]);
			rc = (d.values[0] = strdup(v)) == NULL ? RT_ENOMEM :
			    plan_save_seen(&h, sv->org, sv->user, &d,
			    seen.s[sv->section].stamp.version, T0 + k, &seen);
		}
		wb_data_free(&d);
		wb_plan_free(&seen);
		if (rc != RT_OK) {
			sv->errors++;
			break;
		}
		sched_yield();
	}
	db_conn_close(h.rd);
	return NULL;
}

/*
 * Four threads saving four sections at once, each from the plan it has
 * just read, which the others keep making stale: every save goes through,
 * and the standing stored last is that of the plan as it ends.
 */
static void
test_concurrent_sections(void **state)
{
	struct fx		*f = *state;
	struct section_saver	 sv[4];
	struct plan_standing	 want, got;
	pthread_t		 th[4];
	int			 i, s, n = 0, rounds = 30;

	for (s = 0; s < WB__MAX && n < 4; s++) {
		const struct wb_field *fd = &wb_sections[s].fields[0];

		if (wb_sections[s].nfields == 0 || fd->widget == WB_REF ||
		    (fd->def.kind != FIELD_TEXT && fd->def.kind != FIELD_LINE))
			continue;
		memset(&sv[n], 0, sizeof(sv[n]));
		sv[n].db = f->t.db;
		sv[n].org = f->org;
		sv[n].user = n % 2 ? f->bob : f->alice;
		sv[n].section = s;
		/* Each ends on text, so that the standing counts it. */
		sv[n].rounds = rounds + 1;
		n++;
	}
	assert_int_equal(n, 4);
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, section_saver_run,
		    &sv[i]), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_int_equal(sv[i].errors, 0);
		assert_int_equal(q_int_text(&f->t, "SELECT version FROM "
		    "plan_sections WHERE section = ?1",
		    wb_sections[sv[i].section].slug), sv[i].rounds);
	}
	expected_standing(f, &want);
	assert_int_equal(plan_standing(&f->t.h, f->org, &got), RT_OK);
	for (i = 0; i < WB__MAX; i++)
		assert_int_equal(got.percent[i], want.percent[i]);
	assert_int_equal(got.overall, want.overall);
	assert_int_equal(got.pitfalls, want.pitfalls);
	for (i = 0; i < 4; i++)
		assert_true(got.percent[sv[i].section] > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_load_never_saved, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_removed_item_leaves_nothing,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_save_load_each_section,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_conflict, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_org, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_revisions, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_restore, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_standing, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_standing_without_row,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_save_seen_standing,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_save_seen_other_moved,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_save_seen_conflict,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_save_seen_reviews_follow,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_load_view, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_load_view_fallback, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_load_all, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_bad_document, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_saves, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_load_all_consistent,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_sections,
		    setup, tdb_teardown),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
