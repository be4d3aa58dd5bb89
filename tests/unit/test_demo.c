/*
 * test_demo.c: unit tests of lib/demo.c, the demonstration plan, and of
 * the plan files of lib/demo/ it compiles in.
 *
 * The plan is read in both languages and held to what a trainer shows a
 * group: every section filled (100 % complete), no pitfall open, sample
 * posts that fit their platforms, hours within what the team can give and
 * within each platform's usual range, references that all point at
 * something, dates that are dates of 2027, no password in the account
 * registry, and the two languages telling the same plan.  Then
 * demo_org_create() on a temporary database: the trainer owns the new
 * organisation, it is in the cohort with demo = 1, its plan is the file's
 * byte for byte, and its export reads back as the same plan.  Run from
 * the repository root (it reads schema.sql).
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
#include "buf.h"
#include "charcount.h"
#include "coach.h"
#include "db.h"
#include "demo.h"
#include "export.h"
#include "i18n.h"
#include "org.h"
#include "plan.h"
#include "platform.h"
#include "workbook.h"
#include "tdb.h"

#define T0     1800000000

static const enum lang langs[] = { LANG_FR, LANG_EN };
#define NLANGS (sizeof(langs) / sizeof(langs[0]))

/* Reads the demonstration plan in lang into p, failing the test otherwise. */
static void
load(enum lang lang, struct wb_plan *p)
{
	int	 rc = demo_plan(lang, p);

	if (rc != RT_OK)
		fail_msg("the %s demonstration plan does not read (status %d)",
		    lang_codes[lang], rc);
}

/* The number of a field named name in section s's own fields, or fails. */
static size_t
field_of(int s, const char *name)
{
	int	 i = wb_field_index(wb_sections[s].fields,
	    wb_sections[s].nfields, name);

	assert_true(i >= 0);
	return (size_t)i;
}

/*
 * Both plan files read through import_plan_json() (so they pass the
 * checks of every plan file a person sends), with every section of the
 * workbook in place, and the name of the organisation says it is a
 * demonstration.
 */
static void
test_parse(void **state)
{
	struct wb_plan	 p;
	char		 name[512];
	size_t		 k, len;
	int		 s;

	(void)state;
	for (k = 0; k < NLANGS; k++) {
		load(langs[k], &p);
		for (s = 0; s < WB__MAX; s++) {
			assert_int_equal(p.s[s].section, s);
			assert_int_equal(p.s[s].stamp.version, 0);
		}
		wb_plan_free(&p);
		assert_non_null(demo_plan_json(langs[k], &len));
		assert_true(len > 1000 && len < EXPORT_MAX_BYTES);
		assert_int_equal(demo_org_name(langs[k], name, sizeof(name)),
		    RT_OK);
		assert_non_null(strstr(name, "Val-des-Tilleuls"));
		assert_true(strlen(name) <= ORG_NAME_MAX);
	}
	assert_int_equal(demo_org_name(LANG_FR, name, sizeof(name)), RT_OK);
	assert_non_null(strstr(name, "(démonstration)"));
	assert_int_equal(demo_org_name(LANG_EN, name, sizeof(name)), RT_OK);
	assert_non_null(strstr(name, "(demonstration)"));
}

/*
 * Each compiled file is in the canonical form export_plan_json() writes:
 * writing the plan read from it gives its very bytes.  So nothing of the
 * file was ignored on reading (a misspelt field would be), and nothing
 * the program writes is missing from it.
 */
static void
test_canonical(void **state)
{
	struct wb_plan	 p;
	struct buf	 b;
	const char	*data;
	char		 name[512];
	size_t		 k, len, i;

	(void)state;
	for (k = 0; k < NLANGS; k++) {
		load(langs[k], &p);
		data = demo_plan_json(langs[k], &len);
		assert_int_equal(demo_org_name(langs[k], name, sizeof(name)),
		    RT_OK);
		memset(&b, 0, sizeof(b));
		assert_int_equal(export_plan_json(&p, name, &b), RT_OK);
		if (b.len != len || memcmp(b.data, data, len) != 0) {
			for (i = 0; i < len && i < b.len && data[i] ==
			    b.data[i]; i++)
				;
			fail_msg("lib/demo/housing.%s.json is not canonical "
			    "from byte %zu: \"%.60s\" written as \"%.60s\"",
			    lang_codes[langs[k]], i, data + i, b.data + i);
		}
		buf_free(&b);
		wb_plan_free(&p);
	}
}

/* The plan is complete: every section at 100 %, events included. */
static void
test_complete(void **state)
{
	struct coach_progress	 pr;
	struct wb_plan		 p;
	size_t			 k;
	int			 s;

	(void)state;
	for (k = 0; k < NLANGS; k++) {
		load(langs[k], &p);
		coach_progress(&p, &pr);
		for (s = 0; s < WB__MAX; s++)
			if (pr.percent[s] != 100)
				fail_msg("%s: section %s at %d %% (%d of %d)",
				    lang_codes[langs[k]], wb_sections[s].slug,
				    pr.percent[s], pr.filled[s], pr.total[s]);
		assert_int_equal(pr.overall, 100);
		wb_plan_free(&p);
	}
}

/* No pitfall is open. */
static void
test_no_pitfall(void **state)
{
	struct pitfall	 pits[16];
	struct wb_plan	 p;
	size_t		 k, n;

	(void)state;
	for (k = 0; k < NLANGS; k++) {
		load(langs[k], &p);
		n = coach_pitfalls(&p, pits, 16);
		if (n > 0)
			fail_msg("%s: %zu pitfall(s), the first: \"%s\" (%s)",
			    lang_codes[langs[k]], n,
			    pitfall_titles[pits[0].id], pits[0].subject);
		wb_plan_free(&p);
	}
}

/*
 * The time budget holds: 2 or 3 platforms, the hours planned within what
 * the team can give, each platform's hours within its usual range and
 * with posts planned, and the team's hours as the people listed in the
 * starting point add them up (9 hours).
 */
static void
test_hours(void **state)
{
	struct coach_budget	 b;
	struct wb_plan		 p;
	size_t			 k, i;

	(void)state;
	for (k = 0; k < NLANGS; k++) {
		load(langs[k], &p);
		coach_budget(&p, &b);
		assert_true(b.n >= 2 && b.n <= 3);
		assert_true(b.available == 9.0);
		assert_true(b.planned > 0 && b.planned <= b.available);
		for (i = 0; i < b.n; i++) {
			assert_true(b.rows[i].planned >=
			    b.rows[i].reference_min);
			assert_true(b.rows[i].planned <=
			    b.rows[i].reference_max);
			assert_true(b.rows[i].posts > 0);
		}
		wb_plan_free(&p);
	}
}

/*
 * Every sample post is on a chosen platform, for an objective and a
 * persona of the plan, and fits the platform as the counter counts it:
 * within its length, its hashtags and its advice on lines.  Each chosen
 * platform has at least one sample post.
 */
static void
test_posts(void **state)
{
	const struct wb_data	*d;
	const struct wb_item	*it, *pf_item;
	struct charcount	 cc;
	struct wb_plan		 p;
	const char		*text, *pfk;
	size_t			 k, i;
	int			 pf, has[PF__MAX];

	(void)state;
	for (k = 0; k < NLANGS; k++) {
		load(langs[k], &p);
		memset(has, 0, sizeof(has));
		d = &p.s[WB_POSTS];
		assert_true(d->lists[0].n >= 3);
		for (i = 0; i < d->lists[0].n; i++) {
			it = &d->lists[0].items[i];
			pfk = wb_item_value(d, 0, it, "platform");
			assert_true((pf = platform_by_key(pfk)) >= 0);
			has[pf] = 1;
			pf_item = wb_item_find(&p.s[WB_PLATFORMS], 0, pfk);
			assert_non_null(pf_item);
			assert_string_equal(wb_item_value(&p.s[WB_PLATFORMS],
			    0, pf_item, "chosen"), "1");
			assert_non_null(wb_item_find(&p.s[WB_OBJECTIVES], 0,
			    wb_item_value(d, 0, it, "objective")));
			assert_non_null(wb_item_find(&p.s[WB_AUDIENCES], 0,
			    wb_item_value(d, 0, it, "persona")));
			text = wb_item_value(d, 0, it, "text");
			charcount_measure(pf, text, strlen(text),
			    wb_item_value(d, 0, it, "hashtags"), &cc);
			if (cc.over || cc.too_many_hashtags || cc.long_text)
				fail_msg("%s: post %s on %s: %zu of %zu "
				    "characters, %zu hashtags, %zu lines",
				    lang_codes[langs[k]], it->id, pfk,
				    cc.count, cc.limit, cc.hashtags,
				    cc.lines);
		}
		for (pf = 0; pf < PF__MAX; pf++) {
			pf_item = wb_item_find(&p.s[WB_PLATFORMS], 0,
			    platforms[pf].key);
			if (pf_item != NULL && strcmp(wb_item_value(
			    &p.s[WB_PLATFORMS], 0, pf_item, "chosen"), "1") ==
			    0 && !has[pf])
				fail_msg("%s: no sample post on %s",
				    lang_codes[langs[k]], platforms[pf].name);
		}
		wb_plan_free(&p);
	}
}

/*
 * Every reference points at an item of the plan (pruning drops nothing),
 * the evaluation has one review per objective, and the workbook's three
 * example personas are there.
 */
static void
test_references(void **state)
{
	struct wb_plan	 p;
	size_t		 k;
	int		 s;

	(void)state;
	for (k = 0; k < NLANGS; k++) {
		load(langs[k], &p);
		for (s = 0; s < WB__MAX; s++)
			if (wb_data_prune_refs(&p.s[s], &p) != 0)
				fail_msg("%s: section %s points at an item "
				    "the plan does not have",
				    lang_codes[langs[k]], wb_sections[s].slug);
		assert_int_equal(p.s[WB_OBJECTIVES].lists[0].n, 3);
		assert_int_equal(p.s[WB_EVALUATION].lists[0].n, 3);
		assert_int_equal(p.s[WB_AUDIENCES].lists[0].n, 3);
		wb_plan_free(&p);
	}
}

/*
 * Writes into out the lower-case ASCII of s with "é" read as "e" and any
 * other byte above 127 and any white space as one space: enough to find
 * "password" and "mot de passe" followed by ":" or "=".
 */
static void
fold(const char *s, char *out, size_t outlen)
{
	size_t	 n = 0;

	for (; *s != '\0' && n + 1 < outlen; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xC3 && (unsigned char)s[1] == 0xA9) {
			out[n++] = 'e';
			s++;
		} else if (c >= 'A' && c <= 'Z')
			out[n++] = (char)(c - 'A' + 'a');
		else if (c >= 0x80 || c == '\t' || c == '\n')
			out[n++] = ' ';
		else
			out[n++] = (char)c;
	}
	out[n] = '\0';
}

/*
 * The registry describes how to get into each account, never a password:
 * no value says "password:" or "mot de passe :" (or "="), and every
 * account has a holder, a back-up and a recovery.
 */
static void
test_no_password(void **state)
{
	static const char *const words[] = { "password", "mot de passe",
	    "mdp", NULL };
	const struct wb_section_def	*sd = &wb_sections[WB_ACCOUNTS];
	const struct wb_data		*d;
	const struct wb_item		*it;
	struct wb_plan			 p;
	char				 v[8192];
	const char			*at, *c;
	size_t				 k, i, f, w;

	(void)state;
	for (k = 0; k < NLANGS; k++) {
		load(langs[k], &p);
		d = &p.s[WB_ACCOUNTS];
		assert_true(d->lists[0].n >= 2);
		for (i = 0; i < d->lists[0].n; i++) {
			it = &d->lists[0].items[i];
			assert_true(wb_item_value(d, 0, it, "holder")[0]);
			assert_true(wb_item_value(d, 0, it, "backup")[0]);
			assert_true(wb_item_value(d, 0, it, "recovery")[0]);
			for (f = 0; f < sd->lists[0].nfields; f++) {
				fold(it->values[f], v, sizeof(v));
				for (w = 0; words[w] != NULL; w++)
					for (at = strstr(v, words[w]);
					    at != NULL;
					    at = strstr(at + 1, words[w])) {
						c = at + strlen(words[w]);
						while (*c == ' ' || *c == 's')
							c++;
						if (*c == ':' || *c == '=')
							fail_msg("%s: account "
							    "%s gives a "
							    "password",
							    lang_codes[
							    langs[k]],
							    it->id);
					}
			}
		}
		wb_plan_free(&p);
	}
}

/* Fails unless v is a date of 2027 (YYYY-MM-DD; the import checked the rest). */
static void
date_2027(const char *v, const char *where)
{
	if (strlen(v) != 10 || strncmp(v, "2027-", 5) != 0)
		fail_msg("%s: \"%s\" is not a date of 2027", where, v);
}

/*
 * Every date of the plan is given and in 2027, and each objective is
 * reviewed after its date.
 */
static void
test_dates(void **state)
{
	const struct wb_data	*o, *r, *e;
	const struct wb_item	*it, *rev;
	struct wb_plan		 p;
	size_t			 k, i;

	(void)state;
	for (k = 0; k < NLANGS; k++) {
		load(langs[k], &p);
		o = &p.s[WB_OBJECTIVES];
		r = &p.s[WB_EVALUATION];
		e = &p.s[WB_EVENTS];
		for (i = 0; i < o->lists[0].n; i++) {
			it = &o->lists[0].items[i];
			date_2027(wb_item_value(o, 0, it, "due"), it->id);
			assert_non_null(rev = wb_item_find(r, 0, it->id));
			date_2027(wb_item_value(r, 0, rev, "reviewed_on"),
			    rev->id);
			assert_true(strcmp(wb_item_value(r, 0, rev,
			    "reviewed_on"), wb_item_value(o, 0, it, "due")) >
			    0);
		}
		assert_true(e->lists[0].n >= 1);
		for (i = 0; i < e->lists[0].n; i++)
			date_2027(wb_item_value(e, 0, &e->lists[0].items[i],
			    "date"), e->lists[0].items[i].id);
		wb_plan_free(&p);
	}
}

/*
 * The French and English plans tell the same plan: the same items with
 * the same ids in every list, and the same value in every field that is
 * not words (numbers, dates, choices, checkboxes, references).
 */
static void
test_same_plan(void **state)
{
	const struct wb_section_def	*sd;
	const struct wb_field		*fl;
	struct wb_plan			 fr, en;
	size_t				 i, l, n;
	int				 s;

	(void)state;
	load(LANG_FR, &fr);
	load(LANG_EN, &en);
	for (s = 0; s < WB__MAX; s++) {
		sd = &wb_sections[s];
		for (i = 0; i < sd->nfields; i++)
			if (sd->fields[i].def.kind != FIELD_LINE &&
			    sd->fields[i].def.kind != FIELD_TEXT)
				assert_string_equal(fr.s[s].values[i],
				    en.s[s].values[i]);
		for (l = 0; l < sd->nlists; l++) {
			assert_int_equal(fr.s[s].lists[l].n,
			    en.s[s].lists[l].n);
			for (n = 0; n < fr.s[s].lists[l].n; n++) {
				assert_string_equal(fr.s[s].lists[l].items[n].id,
				    en.s[s].lists[l].items[n].id);
				for (i = 0; i < sd->lists[l].nfields; i++) {
					fl = &sd->lists[l].fields[i];
					if ((fl->def.kind != FIELD_LINE &&
					    fl->def.kind != FIELD_TEXT) ||
					    fl->widget == WB_REF)
						assert_string_equal(
						    fr.s[s].lists[l].items[n].values[i],
						    en.s[s].lists[l].items[n].values[i]);
				}
			}
		}
	}
	/* The team's hours, as both say them. */
	assert_string_equal(fr.s[WB_START].values[field_of(WB_START, "hours")],
	    "9");
	wb_plan_free(&fr);
	wb_plan_free(&en);
}

/* What the database tests work with. */
struct fx {
	struct tdb  t;
	int64_t     trainer;  /* a trainer of cohort, with their own organisation */
	int64_t     own_org;
	int64_t     cohort;   /* open */
	int64_t     archived; /* archived, same trainer */
};

/*
 * A fresh database with a trainer (who signed up with an organisation of
 * their own), an open cohort and an archived one that they train, made
 * by direct SQL.
 */
static int
setup(void **state)
{
	struct fx	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	tdb_open(&f->t, "demo");
	if (org_signup(&f->t.h, NULL, "Atelier de Brigitte", "Brigitte",
	    "brigitte@example.org", TDB_HASH, "fr", T0, &f->trainer,
	    &f->own_org) != RT_OK)
		return -1;
	tdb_role(&f->t, f->trainer, "trainer", T0);
	f->cohort = tdb_cohort(&f->t, 7, "Automne", "ABCDEFGH", "open",
	    f->trainer, NULL, T0);
	f->archived = tdb_cohort(&f->t, 8, "Hiver", "HGFEDCBA", "archived",
	    f->trainer, NULL, T0);
	*state = f;
	return 0;
}

/*
 * Checks that org, made by demo_org_create() in lang, is what it should
 * be: named after the plan file, owned by the trainer alone, in the
 * cohort with demo = 1 and joined by the trainer, with its plan at
 * version 1 exported byte for byte as the compiled file, and a stored
 * standing of 100 % and no pitfall.
 */
static void
check_demo_org(struct fx *f, int64_t org, enum lang lang)
{
	struct plan_standing	 st;
	struct wb_plan		 p;
	struct buf		 b;
	const char		*data;
	char			 name[AUTH_NAME_MAX], want[AUTH_NAME_MAX];
	char			 sql[256];
	size_t			 len;
	int			 role, s;

	assert_int_equal(org_name(&f->t.h, org, name), RT_OK);
	assert_int_equal(demo_org_name(lang, want, sizeof(want)), RT_OK);
	assert_string_equal(name, want);
	assert_int_equal(org_member_role(&f->t.h, org, f->trainer, &role),
	    RT_OK);
	assert_int_equal(role, ORG_ROLE_OWNER);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM memberships "
	    "WHERE org_id = %lld", (long long)org);
	assert_int_equal(q_int(&f->t, sql), 1);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM cohort_orgs WHERE "
	    "cohort_id = %lld AND org_id = %lld AND demo = 1 AND joined_by = "
	    "%lld AND joined_at = %d", (long long)f->cohort, (long long)org,
	    (long long)f->trainer, T0 + 60);
	assert_int_equal(q_int(&f->t, sql), 1);

	assert_int_equal(plan_load_all(&f->t.h, org, &p), RT_OK);
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(p.s[s].stamp.version, 1);
	memset(&b, 0, sizeof(b));
	assert_int_equal(export_plan_json(&p, name, &b), RT_OK);
	wb_plan_free(&p);
	data = demo_plan_json(lang, &len);
	assert_int_equal(b.len, len);
	assert_memory_equal(b.data, data, len);
	buf_free(&b);

	assert_int_equal(plan_standing(&f->t.h, org, &st), RT_OK);
	assert_int_equal(st.overall, 100);
	assert_int_equal(st.pitfalls, 0);
}

/*
 * demo_org_create() makes the organisation, owned by the trainer and in
 * the cohort as a demonstration; a second call makes a second one, in
 * the other language; the trainer's own organisation is untouched.
 */
static void
test_org_create(void **state)
{
	struct fx	*f = *state;
	int64_t		 fr, en;
	int		 role;

	assert_int_equal(demo_org_create(&f->t.h, f->cohort, f->trainer,
	    LANG_FR, T0 + 60, &fr), RT_OK);
	assert_true(fr > 0 && fr != f->own_org);
	check_demo_org(f, fr, LANG_FR);

	assert_int_equal(demo_org_create(&f->t.h, f->cohort, f->trainer,
	    LANG_EN, T0 + 60, &en), RT_OK);
	assert_true(en > 0 && en != fr && en != f->own_org);
	check_demo_org(f, en, LANG_EN);

	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM cohort_orgs "
	    "WHERE cohort_id = 7 AND demo = 1"), 2);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM cohort_orgs "
	    "WHERE demo = 0"), 0);
	assert_int_equal(org_member_role(&f->t.h, f->own_org, f->trainer,
	    &role), RT_OK);
	assert_int_equal(role, ORG_ROLE_OWNER);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_sections "
	    "WHERE org_id = (SELECT min(id) FROM orgs)"), 0);
}

/*
 * A cohort that does not exist or is archived gets no demonstration, and
 * nothing at all is written: no organisation, membership, section,
 * revision, standing or cohort row.  A trainer who does not exist (a
 * foreign key refuses it) leaves nothing half-made either.
 */
static void
test_org_create_refused(void **state)
{
	struct fx	*f = *state;
	static const char *const tables[] = { "orgs", "memberships",
	    "plan_sections", "plan_revisions", "plan_standing",
	    "cohort_orgs", NULL };
	long long	 before[8];
	char		 sql[128];
	int64_t		 org = 99;
	size_t		 i;

	for (i = 0; tables[i] != NULL; i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s",
		    tables[i]);
		before[i] = q_int(&f->t, sql);
	}
	assert_int_equal(demo_org_create(&f->t.h, 12345, f->trainer, LANG_FR,
	    T0, &org), RT_ENOTFOUND);
	assert_int_equal(org, 0);
	org = 99;
	assert_int_equal(demo_org_create(&f->t.h, f->archived, f->trainer,
	    LANG_EN, T0, &org), RT_EEXPIRED);
	assert_int_equal(org, 0);
	assert_int_equal(demo_org_create(&f->t.h, f->cohort, 999999, LANG_FR,
	    T0, &org), RT_EDB);
	assert_int_equal(org, 0);
	for (i = 0; tables[i] != NULL; i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s",
		    tables[i]);
		assert_int_equal(q_int(&f->t, sql), before[i]);
	}
}

/*
 * The demonstration organisation's plan, exported then imported, is the
 * same plan: its second export is byte for byte its first, and an
 * organisation started from that file has the same plan again.
 */
static void
test_export_import(void **state)
{
	struct fx	*f = *state;
	struct wb_plan	 p, back;
	struct buf	 b1, b2;
	char		 name[AUTH_NAME_MAX], err[512];
	int64_t		 org, copy;

	assert_int_equal(demo_org_create(&f->t.h, f->cohort, f->trainer,
	    LANG_FR, T0 + 60, &org), RT_OK);
	assert_int_equal(org_name(&f->t.h, org, name), RT_OK);
	assert_int_equal(plan_load_all(&f->t.h, org, &p), RT_OK);
	memset(&b1, 0, sizeof(b1));
	assert_int_equal(export_plan_json(&p, name, &b1), RT_OK);
	wb_plan_free(&p);

	err[0] = '\0';
	if (import_plan_json(b1.data, b1.len, &back, err, sizeof(err)) !=
	    RT_OK)
		fail_msg("the export does not import: %s", err);
	memset(&b2, 0, sizeof(b2));
	assert_int_equal(export_plan_json(&back, name, &b2), RT_OK);
	assert_int_equal(b1.len, b2.len);
	assert_memory_equal(b1.data, b2.data, b1.len);
	buf_free(&b2);

	assert_int_equal(plan_org_create(&f->t.h, "Copie", f->trainer, &back,
	    T0 + 90, &copy), RT_OK);
	wb_plan_free(&back);
	assert_int_equal(plan_load_all(&f->t.h, copy, &p), RT_OK);
	memset(&b2, 0, sizeof(b2));
	assert_int_equal(export_plan_json(&p, name, &b2), RT_OK);
	wb_plan_free(&p);
	assert_int_equal(b1.len, b2.len);
	assert_memory_equal(b1.data, b2.data, b1.len);
	buf_free(&b1);
	buf_free(&b2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_no_pitfall),
		cmocka_unit_test(test_hours),
		cmocka_unit_test(test_posts),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_no_password),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_same_plan),
		cmocka_unit_test_setup_teardown(test_org_create, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_org_create_refused,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_export_import, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
