/*
 * test_coach.c: unit tests of lib/coach.c.
 *
 * Each test builds a plan in memory: wb_data_init() for every section,
 * then values copied with strdup() into the slots that the declarations
 * of workbook.c name, and items appended by the helpers below.  Every rule
 * is shown firing on a plan made to trigger it and silent on a plan that
 * avoids it; completion is checked on an empty, a half-filled and a full
 * plan; the budget's numbers are checked one by one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "coach.h"
#include "demo.h"
#include "i18n.h"
#include "platform.h"
#include "status.h"
#include "workbook.h"

#define MAXPIT 64

/* Makes every section of p empty (wb_data_init); the test frees p. */
static void
plan_init(struct wb_plan *p)
{
	int	 s;

	memset(p, 0, sizeof *p);
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(wb_data_init(&p->s[s], s), RT_OK);
}

/* Replaces *slot (malloc'd or NULL) by a copy of value. */
static void
put(char **slot, const char *value)
{
	free(*slot);
	*slot = strdup(value);
	assert_non_null(*slot);
}

/* Sets the own field name of section s of p (declared: asserted). */
static void
set(struct wb_plan *p, int s, const char *name, const char *value)
{
	int	 i = wb_field_index(wb_sections[s].fields,
	    wb_sections[s].nfields, name);

	assert_true(i >= 0);
	put(&p->s[s].values[i], value);
}

/*
 * Appends to list li of section s an item with id id and every value "",
 * and returns it (owned by p; wb_data_free() frees it).
 */
static struct wb_item *
add_item(struct wb_plan *p, int s, size_t li, const char *id)
{
	struct wb_list_data	*ld = &p->s[s].lists[li];
	struct wb_item		*it;
	size_t			 i;

	assert_true(li < wb_sections[s].nlists);
	assert_true(strlen(id) < WB_ID_MAX);
	it = realloc(ld->items, (ld->n + 1) * sizeof *ld->items);
	assert_non_null(it);
	ld->items = it;
	it = &ld->items[ld->n++];
	memset(it, 0, sizeof *it);
	strcpy(it->id, id);
	for (i = 0; i < wb_sections[s].lists[li].nfields; i++)
		put(&it->values[i], "");
	return it;
}

/* Sets the field name of item it of list li of section s. */
static void
item_set(int s, size_t li, struct wb_item *it, const char *name,
    const char *value)
{
	const struct wb_list *l = &wb_sections[s].lists[li];
	int	 i = wb_field_index(l->fields, l->nfields, name);

	assert_true(i >= 0);
	put(&it->values[i], value);
}

/* The fixed item of platform pf in the platforms section of p. */
static struct wb_item *
platform_item(struct wb_plan *p, int pf)
{
	struct wb_list_data	*ld = &p->s[WB_PLATFORMS].lists[0];
	size_t			 k;

	for (k = 0; k < ld->n; k++)
		if (strcmp(ld->items[k].id, platforms[pf].key) == 0)
			return &ld->items[k];
	fail_msg("no item for platform %s", platforms[pf].key);
	return NULL;
}

/* Chooses platform pf with hours and posts a week (NULL: left empty). */
static void
choose(struct wb_plan *p, int pf, const char *hours, const char *posts)
{
	struct wb_item	*it = platform_item(p, pf);

	item_set(WB_PLATFORMS, 0, it, "chosen", "1");
	if (hours != NULL)
		item_set(WB_PLATFORMS, 0, it, "hours", hours);
	if (posts != NULL)
		item_set(WB_PLATFORMS, 0, it, "posts", posts);
}

/* Adds an objective (id "o<n>") with its text, kind and target. */
static struct wb_item *
add_objective(struct wb_plan *p, const char *text, const char *kind,
    const char *target)
{
	char		 id[16];
	struct wb_item	*it;

	snprintf(id, sizeof id, "o%zu", p->s[WB_OBJECTIVES].lists[0].n + 1);
	it = add_item(p, WB_OBJECTIVES, 0, id);
	item_set(WB_OBJECTIVES, 0, it, "text", text);
	item_set(WB_OBJECTIVES, 0, it, "kind", kind);
	item_set(WB_OBJECTIVES, 0, it, "target", target);
	return it;
}

/* Adds a persona with a name and the platforms they use (keys, by ','). */
static void
add_persona(struct wb_plan *p, const char *name, const char *uses)
{
	char		 id[16];
	struct wb_item	*it;

	snprintf(id, sizeof id, "p%zu", p->s[WB_AUDIENCES].lists[0].n + 1);
	it = add_item(p, WB_AUDIENCES, 0, id);
	item_set(WB_AUDIENCES, 0, it, "name", name);
	item_set(WB_AUDIENCES, 0, it, "platforms", uses);
}

/* Adds a sample post for the platform whose key is pfkey. */
static void
add_post(struct wb_plan *p, const char *pfkey, const char *text)
{
	char		 id[16];
	struct wb_item	*it;

	snprintf(id, sizeof id, "s%zu", p->s[WB_POSTS].lists[0].n + 1);
	it = add_item(p, WB_POSTS, 0, id);
	item_set(WB_POSTS, 0, it, "platform", pfkey);
	item_set(WB_POSTS, 0, it, "text", text);
}

/*
 * Runs coach_pitfalls on p into out (MAXPIT) and returns how many of them
 * have id; *first points at the first of them (NULL if none).
 */
static size_t
count_id(const struct wb_plan *p, struct pitfall *out, int id,
    const struct pitfall **first)
{
	size_t	 n, k, found = 0;

	n = coach_pitfalls(p, out, MAXPIT);
	assert_true(n <= MAXPIT);
	if (first != NULL)
		*first = NULL;
	for (k = 0; k < n; k++)
		if (out[k].id == id) {
			if (found++ == 0 && first != NULL)
				*first = &out[k];
		}
	return found;
}

/* An empty plan: no pitfall, nothing filled, nothing chosen. */
static void
test_empty_plan(void **state)
{
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	struct coach_progress	 pr;
	struct coach_budget	 b;
	int			 s;

	(void)state;
	plan_init(&p);
	assert_int_equal(coach_pitfalls(&p, out, MAXPIT), 0);
	assert_int_equal(coach_pitfalls(&p, NULL, 0), 0);
	coach_progress(&p, &pr);
	for (s = 0; s < WB__MAX; s++) {
		assert_int_equal(pr.filled[s], 0);
		assert_true(pr.total[s] > 0);
		assert_int_equal(pr.percent[s], 0);
	}
	assert_int_equal(pr.overall, 0);
	/* One unit for "at least one": objectives, platforms. */
	assert_int_equal(pr.total[WB_OBJECTIVES], 1);
	assert_int_equal(pr.total[WB_PLATFORMS], 1);
	assert_int_equal(pr.total[WB_PRACTICES], 8);
	assert_int_equal(pr.total[WB_MISSION], 3);
	coach_budget(&p, &b);
	assert_int_equal(b.n, 0);
	assert_true(b.available == 0 && b.planned == 0);
	wb_plan_free(&p);
}

/* Every title and explanation is there, and they differ. */
static void
test_messages(void **state)
{
	int	 i, j;

	(void)state;
	for (i = 0; i < PIT__MAX; i++) {
		assert_non_null(pitfall_titles[i]);
		assert_non_null(pitfall_explanations[i]);
		assert_true(strlen(pitfall_titles[i]) < 80);
		assert_true(strlen(pitfall_explanations[i]) > 40);
		for (j = 0; j < i; j++) {
			assert_string_not_equal(pitfall_titles[i],
			    pitfall_titles[j]);
			assert_string_not_equal(pitfall_explanations[i],
			    pitfall_explanations[j]);
		}
	}
}

/* ALL_FUNDRAISING: by kind, or by words when there is no kind. */
static void
test_all_fundraising(void **state)
{
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	const struct pitfall	*pit;
	struct wb_item		*third;

	(void)state;
	plan_init(&p);
	add_objective(&p, "Financer le local", "fundraise", "10 000 $");
	add_objective(&p, "Augmenter les dons mensuels", "", "50 donateurs");
	assert_int_equal(count_id(&p, out, PIT_ALL_FUNDRAISING, &pit), 1);
	assert_int_equal(pit->section, WB_OBJECTIVES);
	assert_string_equal(pit->subject, "");
	/* An objective of another kind: silent, even if it speaks of dons. */
	third = add_objective(&p, "Remercier nos dons en nature", "volunteers",
	    "30 bénévoles");
	assert_int_equal(count_id(&p, out, PIT_ALL_FUNDRAISING, NULL), 0);
	/* With no kind, the words decide. */
	item_set(WB_OBJECTIVES, 0, third, "kind", "");
	item_set(WB_OBJECTIVES, 0, third, "text", "Campagne de COLLECTE");
	assert_int_equal(count_id(&p, out, PIT_ALL_FUNDRAISING, NULL), 1);
	item_set(WB_OBJECTIVES, 0, third, "text", "Fundraising gala");
	assert_int_equal(count_id(&p, out, PIT_ALL_FUNDRAISING, NULL), 1);
	item_set(WB_OBJECTIVES, 0, third, "text", "Partager nos données");
	assert_int_equal(count_id(&p, out, PIT_ALL_FUNDRAISING, NULL), 0);
	item_set(WB_OBJECTIVES, 0, third, "text", "Abandon, London, pardon");
	assert_int_equal(count_id(&p, out, PIT_ALL_FUNDRAISING, NULL), 0);
	item_set(WB_OBJECTIVES, 0, third, "text", "Un fonds d'urgence");
	assert_int_equal(count_id(&p, out, PIT_ALL_FUNDRAISING, NULL), 1);
	wb_plan_free(&p);
}

/* NO_TARGET: one per objective whose target has no digit. */
static void
test_no_target(void **state)
{
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	const struct pitfall	*pit;
	char			 longtext[701];
	size_t			 i, n;

	(void)state;
	plan_init(&p);
	add_objective(&p, "Recruter des bénévoles", "volunteers", "20 d'ici juin");
	assert_int_equal(count_id(&p, out, PIT_NO_TARGET, NULL), 0);
	add_objective(&p, "Faire connaître\nnos ateliers", "activity",
	    "beaucoup plus");
	add_objective(&p, "Mobiliser", "mobilise", "");
	assert_int_equal(count_id(&p, out, PIT_NO_TARGET, &pit), 2);
	assert_int_equal(pit->section, WB_OBJECTIVES);
	assert_string_equal(pit->subject, "Faire connaître nos ateliers");
	assert_string_equal(pit[1].subject, "Mobiliser");

	/* A long text is cut at a character boundary, with "…". */
	for (i = 0; i + 2 <= 700; i += 2)
		memcpy(longtext + i, "\xC3\xA9", 2);
	longtext[700] = '\0';
	item_set(WB_OBJECTIVES, 0, &p.s[WB_OBJECTIVES].lists[0].items[2],
	    "text", longtext);
	assert_int_equal(count_id(&p, out, PIT_NO_TARGET, &pit), 2);
	n = strlen(pit[1].subject);
	assert_true(n < sizeof pit[1].subject);
	assert_true(n > 200);
	assert_memory_equal(pit[1].subject + n - 3, "\xE2\x80\xA6", 3);
	assert_int_equal((n - 3) % 2, 0);   /* whole "é"s only */
	wb_plan_free(&p);
}

/* TOO_MANY_PLATFORMS: more than three, or more than the hours carry. */
static void
test_too_many_platforms(void **state)
{
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	const struct pitfall	*pit;
	double			 mins;

	(void)state;
	plan_init(&p);
	choose(&p, PF_FACEBOOK, NULL, NULL);
	choose(&p, PF_INSTAGRAM, NULL, NULL);
	choose(&p, PF_LINKEDIN, NULL, NULL);
	assert_int_equal(count_id(&p, out, PIT_TOO_MANY_PLATFORMS, NULL), 0);
	choose(&p, PF_MASTODON, NULL, NULL);
	assert_int_equal(count_id(&p, out, PIT_TOO_MANY_PLATFORMS, &pit), 1);
	mins = platforms[PF_FACEBOOK].hours_min +
	    platforms[PF_INSTAGRAM].hours_min +
	    platforms[PF_LINKEDIN].hours_min + platforms[PF_MASTODON].hours_min;
	assert_true(pit->planned == mins);
	assert_true(pit->available == 0);
	assert_int_equal(pit->section, WB_PLATFORMS);
	wb_plan_free(&p);

	/* Two platforms whose minimums are above the team's hours. */
	plan_init(&p);
	choose(&p, PF_X, NULL, NULL);
	choose(&p, PF_LINKEDIN, NULL, NULL);
	mins = platforms[PF_X].hours_min + platforms[PF_LINKEDIN].hours_min;
	assert_true(mins > 1);
	set(&p, WB_START, "hours", "1");
	assert_int_equal(count_id(&p, out, PIT_TOO_MANY_PLATFORMS, &pit), 1);
	assert_true(pit->planned == mins);
	assert_true(pit->available == 1);
	set(&p, WB_START, "hours", "40");
	assert_int_equal(count_id(&p, out, PIT_TOO_MANY_PLATFORMS, NULL), 0);
	/* Hours not given: only the count rule. */
	set(&p, WB_START, "hours", "");
	assert_int_equal(count_id(&p, out, PIT_TOO_MANY_PLATFORMS, NULL), 0);
	wb_plan_free(&p);

	/* One platform alone is never too many. */
	plan_init(&p);
	choose(&p, PF_X, NULL, NULL);
	set(&p, WB_START, "hours", "0.5");
	assert_true(platforms[PF_X].hours_min > 0.5);
	assert_int_equal(count_id(&p, out, PIT_TOO_MANY_PLATFORMS, NULL), 0);
	wb_plan_free(&p);
}

/* HOURS_OVER: planned hours of chosen platforms above the team's. */
static void
test_hours_over(void **state)
{
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	const struct pitfall	*pit;

	(void)state;
	plan_init(&p);
	choose(&p, PF_FACEBOOK, "3", "5");
	choose(&p, PF_INSTAGRAM, "2.5", "3");
	/* Hours not given: silent. */
	assert_int_equal(count_id(&p, out, PIT_HOURS_OVER, NULL), 0);
	set(&p, WB_START, "hours", "4");
	assert_int_equal(count_id(&p, out, PIT_HOURS_OVER, &pit), 1);
	assert_true(pit->planned == 5.5);
	assert_true(pit->available == 4);
	assert_int_equal(pit->section, WB_PLATFORMS);
	set(&p, WB_START, "hours", "5.5");
	assert_int_equal(count_id(&p, out, PIT_HOURS_OVER, NULL), 0);
	/* Hours of a platform not chosen do not count. */
	item_set(WB_PLATFORMS, 0, platform_item(&p, PF_TIKTOK), "hours", "10");
	assert_int_equal(count_id(&p, out, PIT_HOURS_OVER, NULL), 0);
	/* Sums are exact: 2.1 + 2.2 is not above 4.3; 4.31 is above 4.3. */
	item_set(WB_PLATFORMS, 0, platform_item(&p, PF_FACEBOOK), "hours", "2.1");
	item_set(WB_PLATFORMS, 0, platform_item(&p, PF_INSTAGRAM), "hours", "2,2");
	set(&p, WB_START, "hours", "4.3");
	assert_int_equal(count_id(&p, out, PIT_HOURS_OVER, NULL), 0);
	item_set(WB_PLATFORMS, 0, platform_item(&p, PF_INSTAGRAM), "hours",
	    "2.21");
	assert_int_equal(count_id(&p, out, PIT_HOURS_OVER, &pit), 1);
	assert_true(pit->planned == 4.31);
	wb_plan_free(&p);
}

/* PLATFORM_NO_PERSONA: a chosen platform that no persona uses. */
static void
test_platform_no_persona(void **state)
{
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	const struct pitfall	*pit;

	(void)state;
	plan_init(&p);
	choose(&p, PF_FACEBOOK, NULL, NULL);
	choose(&p, PF_LINKEDIN, NULL, NULL);
	/* No persona yet: silent. */
	assert_int_equal(count_id(&p, out, PIT_PLATFORM_NO_PERSONA, NULL), 0);
	add_persona(&p, "Lina", "facebook");
	add_persona(&p, "Mélanie", "x,instagram");
	assert_int_equal(count_id(&p, out, PIT_PLATFORM_NO_PERSONA, &pit), 1);
	assert_string_equal(pit->subject, "LinkedIn");
	assert_int_equal(pit->section, WB_PLATFORMS);
	add_persona(&p, "Pascha", "facebook,linkedin");
	assert_int_equal(count_id(&p, out, PIT_PLATFORM_NO_PERSONA, NULL), 0);
	wb_plan_free(&p);
}

/* PERSONA_UNREACHED: a persona on none of the chosen platforms. */
static void
test_persona_unreached(void **state)
{
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	const struct pitfall	*pit;

	(void)state;
	plan_init(&p);
	add_persona(&p, "Lina", "facebook");
	add_persona(&p, "Mélanie", "x,instagram");
	add_persona(&p, "Jo", "");
	/* No platform chosen yet: silent. */
	assert_int_equal(count_id(&p, out, PIT_PERSONA_UNREACHED, NULL), 0);
	choose(&p, PF_FACEBOOK, NULL, NULL);
	assert_int_equal(count_id(&p, out, PIT_PERSONA_UNREACHED, &pit), 2);
	assert_string_equal(pit[0].subject, "Mélanie");
	assert_int_equal(pit[0].section, WB_PLATFORMS);
	assert_string_equal(pit[1].subject, "Jo");
	assert_int_equal(pit[1].section, WB_AUDIENCES);
	choose(&p, PF_INSTAGRAM, NULL, NULL);
	item_set(WB_AUDIENCES, 0, &p.s[WB_AUDIENCES].lists[0].items[2],
	    "platforms", "facebook");
	assert_int_equal(count_id(&p, out, PIT_PERSONA_UNREACHED, NULL), 0);
	wb_plan_free(&p);
}

/* NO_RESPONSIBLE: once the team or the platforms hold anything. */
static void
test_no_responsible(void **state)
{
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	const struct pitfall	*pit;

	(void)state;
	plan_init(&p);
	set(&p, WB_MISSION, "mission", "Défendre les locataires");
	assert_int_equal(count_id(&p, out, PIT_NO_RESPONSIBLE, NULL), 0);
	set(&p, WB_TEAM, "crisis", "La coordonnatrice");
	assert_int_equal(count_id(&p, out, PIT_NO_RESPONSIBLE, &pit), 1);
	assert_int_equal(pit->section, WB_TEAM);
	set(&p, WB_TEAM, "crisis", "");
	assert_int_equal(count_id(&p, out, PIT_NO_RESPONSIBLE, NULL), 0);
	item_set(WB_PLATFORMS, 0, platform_item(&p, PF_REDDIT), "purpose",
	    "Écouter");
	assert_int_equal(count_id(&p, out, PIT_NO_RESPONSIBLE, NULL), 1);
	set(&p, WB_TEAM, "responsible", "Nadia");
	set(&p, WB_TEAM, "backup", "Samuel");
	assert_int_equal(count_id(&p, out, PIT_NO_RESPONSIBLE, NULL), 0);
	assert_int_equal(count_id(&p, out, PIT_NO_BACKUP, NULL), 0);
	wb_plan_free(&p);
}

/* NO_BACKUP: no back-up, or the same person. */
static void
test_no_backup(void **state)
{
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	const struct pitfall	*pit;

	(void)state;
	plan_init(&p);
	set(&p, WB_TEAM, "responsible", "Nadia Haddad");
	assert_int_equal(count_id(&p, out, PIT_NO_BACKUP, &pit), 1);
	assert_int_equal(pit->section, WB_TEAM);
	assert_int_equal(count_id(&p, out, PIT_NO_RESPONSIBLE, NULL), 0);
	set(&p, WB_TEAM, "backup", "  nadia HADDAD ");
	assert_int_equal(count_id(&p, out, PIT_NO_BACKUP, NULL), 1);
	set(&p, WB_TEAM, "backup", "Samuel");
	assert_int_equal(count_id(&p, out, PIT_NO_BACKUP, NULL), 0);
	wb_plan_free(&p);
}

/* ONLY_PROMOTION: no question, no thanks, no mention in any post. */
static void
test_only_promotion(void **state)
{
	static const char *const conversing[] = {
		"Qui vient samedi?",
		"FÉLICITATIONS à l'équipe du jardin",
		"Nous tenons à remercier nos bénévoles",
		"Thanks to everyone who came",
		"Bravo!",
		"Avec @ComitéLogement et @table_quartier",
		"@voisins: c'est parti",
	};
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	const struct pitfall	*pit;
	size_t			 k;

	(void)state;
	plan_init(&p);
	add_post(&p, "facebook", "Notre assemblée générale a lieu jeudi.");
	assert_int_equal(count_id(&p, out, PIT_ONLY_PROMOTION, NULL), 0);
	add_post(&p, "instagram", "Inscrivez-vous: info@comite.org");
	assert_int_equal(count_id(&p, out, PIT_ONLY_PROMOTION, &pit), 1);
	assert_int_equal(pit->section, WB_POSTS);
	add_post(&p, "x", "");
	for (k = 0; k < sizeof conversing / sizeof conversing[0]; k++) {
		item_set(WB_POSTS, 0, &p.s[WB_POSTS].lists[0].items[2], "text",
		    conversing[k]);
		if (count_id(&p, out, PIT_ONLY_PROMOTION, NULL) != 0)
			fail_msg("\"%s\" should count as conversation",
			    conversing[k]);
	}
	wb_plan_free(&p);
}

/* SAME_TEXT: the same words on two platforms or more. */
static void
test_same_text(void **state)
{
	struct wb_plan		 p;
	struct pitfall		 out[MAXPIT];
	const struct pitfall	*pit;

	(void)state;
	plan_init(&p);
	add_post(&p, "facebook", "Venez nombreux samedi!");
	add_post(&p, "facebook", "venez NOMBREUX samedi!");
	/* One platform only: silent. */
	assert_int_equal(count_id(&p, out, PIT_SAME_TEXT, NULL), 0);
	add_post(&p, "x", "  Venez nombreux samedi!\n");
	assert_int_equal(count_id(&p, out, PIT_SAME_TEXT, &pit), 1);
	assert_int_equal(pit->section, WB_POSTS);
	add_post(&p, "instagram", "Une photo du jardin, venez samedi!");
	assert_int_equal(count_id(&p, out, PIT_SAME_TEXT, NULL), 0);
	wb_plan_free(&p);
}

/* coach_pitfalls counts past max and writes only max. */
static void
test_pitfalls_max(void **state)
{
	struct wb_plan	 p;
	struct pitfall	 out[2];
	size_t		 n;

	(void)state;
	plan_init(&p);
	add_objective(&p, "A", "activity", "");
	add_objective(&p, "B", "activity", "");
	add_objective(&p, "C", "activity", "");
	set(&p, WB_TEAM, "responsible", "Nadia");
	n = coach_pitfalls(&p, NULL, 0);
	assert_int_equal(n, 4);      /* three NO_TARGET and NO_BACKUP */
	memset(out, 0xAA, sizeof out);
	assert_int_equal(coach_pitfalls(&p, out, 1), 4);
	assert_int_equal(out[0].id, PIT_NO_TARGET);
	assert_string_equal(out[0].subject, "A");
	assert_int_equal(((unsigned char *)&out[1])[0], 0xAA);
	wb_plan_free(&p);
}

/*
 * Gives every weighted field of every section a value ("1" for a
 * checkbox): one item in each list people add, one chosen platform, every
 * practice adopted, a review for the objective.
 */
static void
fill_all(struct wb_plan *p)
{
	const struct wb_section_def *def;
	const struct wb_list	*l;
	struct wb_item		*it;
	size_t			 i, li, k;
	int			 s;

	for (s = 0; s < WB__MAX; s++) {
		def = &wb_sections[s];
		for (i = 0; i < def->nfields; i++)
			set(p, s, def->fields[i].def.name,
			    def->fields[i].def.kind == FIELD_BOOL ? "1" : "3");
		for (li = 0; li < def->nlists; li++) {
			l = &def->lists[li];
			if (l->fixed_ids != NULL) {
				for (k = 0; k < p->s[s].lists[li].n; k++)
					for (i = 0; i < l->nfields; i++)
						put(&p->s[s].lists[li].items[k].values[i],
						    l->fields[i].def.kind ==
						    FIELD_BOOL ? "1" : "3");
				continue;
			}
			it = add_item(p, s, li, l->items_from_section >= 0 ?
			    "o1" : "a1");
			for (i = 0; i < l->nfields; i++)
				put(&it->values[i], l->fields[i].def.kind ==
				    FIELD_BOOL ? "1" : "3");
		}
	}
	/* The review above is for objective "o1": give the objective that id. */
	strcpy(p->s[WB_OBJECTIVES].lists[0].items[0].id, "o1");
}

/* Completion: empty 0, full 100, and the halves in between. */
static void
test_progress(void **state)
{
	struct wb_plan		 p;
	struct coach_progress	 pr;
	struct wb_item		*o, *r;
	int			 s, start_total;

	(void)state;
	plan_init(&p);
	fill_all(&p);
	coach_progress(&p, &pr);
	for (s = 0; s < WB__MAX; s++) {
		if (pr.percent[s] != 100)
			fail_msg("section %s at %d%% (%d of %d)",
			    wb_sections[s].slug, pr.percent[s], pr.filled[s],
			    pr.total[s]);
	}
	assert_int_equal(pr.overall, 100);
	wb_plan_free(&p);

	plan_init(&p);
	/* Mission: two sentences of three. */
	set(&p, WB_MISSION, "mission", "Défendre les locataires");
	set(&p, WB_MISSION, "means", "Par l'information et l'entraide");
	/* Practices: four of eight, by the box or by a word on how. */
	put(&p.s[WB_PRACTICES].lists[0].items[0].values[0], "1");
	put(&p.s[WB_PRACTICES].lists[0].items[1].values[0], "1");
	put(&p.s[WB_PRACTICES].lists[0].items[2].values[1], "Chaque semaine");
	put(&p.s[WB_PRACTICES].lists[0].items[3].values[1], "Oui");
	/* Platforms: one chosen (1 unit) with hours and posts given. */
	choose(&p, PF_FACEBOOK, "2", "4");
	/* Tone: an optional adjective does not count, a scale does. */
	set(&p, WB_TONE, "adjective_3", "drôle");
	set(&p, WB_TONE, "warmth", "4");
	/* Start: half of the fields. */
	start_total = 0;
	for (s = 0; s < (int)wb_sections[WB_START].nfields; s++)
		start_total += wb_sections[WB_START].fields[s].weight == 1;
	set(&p, WB_START, "hours", "3");
	/* Objectives: one with three fields of six; its review is half done. */
	o = add_objective(&p, "Recruter", "volunteers", "20");
	r = add_item(&p, WB_EVALUATION, 0, o->id);
	item_set(WB_EVALUATION, 0, r, "measured", "Inscriptions");
	/* A checkbox left "0" or empty is not ticked. */
	put(&p.s[WB_PRACTICES].lists[0].items[4].values[0], "0");

	coach_progress(&p, &pr);
	assert_int_equal(pr.filled[WB_MISSION], 2);
	assert_int_equal(pr.percent[WB_MISSION], 66);
	assert_int_equal(pr.filled[WB_PRACTICES], 4);
	assert_int_equal(pr.percent[WB_PRACTICES], 50);
	assert_int_equal(pr.total[WB_PLATFORMS],
	    1 + 5);   /* objectives, personas, hours, posts, purpose */
	assert_int_equal(pr.filled[WB_PLATFORMS], 3);
	assert_int_equal(pr.percent[WB_PLATFORMS], 50);
	assert_int_equal(pr.filled[WB_TONE], 1);
	assert_int_equal(pr.total[WB_START], start_total);
	assert_int_equal(pr.filled[WB_START], 1);
	assert_int_equal(pr.total[WB_OBJECTIVES], 1 + 6);
	assert_int_equal(pr.filled[WB_OBJECTIVES], 1 + 3);
	assert_int_equal(pr.total[WB_EVALUATION], 5);
	assert_int_equal(pr.filled[WB_EVALUATION], 1);
	assert_int_equal(pr.percent[WB_EVALUATION], 20);
	assert_true(pr.overall > 0 && pr.overall < 50);
	/* A second objective with no review yet: its review counts as empty. */
	add_objective(&p, "Informer", "activity", "");
	coach_progress(&p, &pr);
	assert_int_equal(pr.total[WB_EVALUATION], 10);
	assert_int_equal(pr.filled[WB_EVALUATION], 1);
	wb_plan_free(&p);
}

/* The optional section (events) stays out of the overall figure. */
static void
test_progress_optional(void **state)
{
	struct wb_plan		 p;
	struct coach_progress	 pr, pr2;
	struct wb_item		*e;

	(void)state;
	assert_true(wb_sections[WB_EVENTS].optional);
	plan_init(&p);
	set(&p, WB_MISSION, "mission", "Défendre les locataires");
	coach_progress(&p, &pr);
	e = add_item(&p, WB_EVENTS, 0, "e1");
	item_set(WB_EVENTS, 0, e, "name", "Fête de quartier");
	coach_progress(&p, &pr2);
	assert_true(pr2.percent[WB_EVENTS] > 0);
	assert_int_equal(pr.overall, pr2.overall);
	wb_plan_free(&p);
}

/* The budget: chosen platforms in order, hours and posts as numbers. */
static void
test_budget(void **state)
{
	struct wb_plan		 p;
	struct coach_budget	 b;

	(void)state;
	plan_init(&p);
	set(&p, WB_START, "hours", "6.5");
	choose(&p, PF_X, "2,5", "");
	choose(&p, PF_FACEBOOK, "3", "7");
	choose(&p, PF_MASTODON, "abc", "2");
	choose(&p, PF_REDDIT, "1.255", "-3");
	item_set(WB_PLATFORMS, 0, platform_item(&p, PF_INSTAGRAM), "hours", "4");
	coach_budget(&p, &b);
	assert_true(b.available == 6.5);
	assert_int_equal(b.n, 4);
	assert_true(b.planned == 5.5);
	assert_int_equal(b.rows[0].platform, PF_FACEBOOK);
	assert_true(b.rows[0].planned == 3);
	assert_int_equal(b.rows[0].posts, 7);
	assert_true(b.rows[0].reference_min == platforms[PF_FACEBOOK].hours_min);
	assert_true(b.rows[0].reference_max == platforms[PF_FACEBOOK].hours_max);
	assert_int_equal(b.rows[1].platform, PF_X);
	assert_true(b.rows[1].planned == 2.5);
	assert_int_equal(b.rows[1].posts, 0);
	assert_int_equal(b.rows[2].platform, PF_MASTODON);
	assert_true(b.rows[2].planned == 0);
	assert_int_equal(b.rows[2].posts, 2);
	/* Three decimals and signs are not numbers. */
	assert_int_equal(b.rows[3].platform, PF_REDDIT);
	assert_true(b.rows[3].planned == 0);
	assert_int_equal(b.rows[3].posts, 0);
	assert_true(b.rows[4].planned == 0 && b.rows[4].platform == 0);

	/* Every platform chosen: PF__MAX rows, no overflow. */
	set(&p, WB_START, "hours", "");
	for (int pf = 0; pf < PF__MAX; pf++)
		choose(&p, pf, "1", "1");
	coach_budget(&p, &b);
	assert_int_equal(b.n, PF__MAX);
	assert_true(b.planned == PF__MAX);
	assert_true(b.available == 0);
	wb_plan_free(&p);
}

/* A plan that avoids every pitfall gets none. */
static void
test_good_plan(void **state)
{
	struct wb_plan	 p;
	struct pitfall	 out[MAXPIT];

	(void)state;
	plan_init(&p);
	set(&p, WB_START, "hours", "6");
	add_objective(&p, "Recruter des bénévoles", "volunteers", "20 d'ici juin");
	add_objective(&p, "Collecte de fonds", "fundraise", "5 000 $");
	choose(&p, PF_FACEBOOK, "3", "5");
	choose(&p, PF_INSTAGRAM, "2", "3");
	add_persona(&p, "Lina", "facebook");
	add_persona(&p, "Mélanie", "instagram,x");
	set(&p, WB_TEAM, "responsible", "Nadia");
	set(&p, WB_TEAM, "backup", "Samuel");
	add_post(&p, "facebook", "Merci aux 40 bénévoles de samedi!");
	add_post(&p, "instagram", "Le jardin en photos.");
	assert_int_equal(coach_pitfalls(&p, out, MAXPIT), 0);
	wb_plan_free(&p);
}

/*
 * What coach_pitfalls(), coach_budget() and coach_rhythm() answer on p,
 * for comparing.
 */
struct answers {
	struct pitfall		pits[MAXPIT];
	size_t			npits;
	struct coach_budget	budget;
	struct coach_rhythm	rhythm;
};

/* Fills a with what the coach says of p. */
static void
answers_of(const struct wb_plan *p, struct answers *a)
{
	memset(a, 0, sizeof *a);
	a->npits = coach_pitfalls(p, a->pits, MAXPIT);
	assert_true(a->npits <= MAXPIT);
	coach_budget(p, &a->budget);
	coach_rhythm(p, &a->rhythm);
}

/*
 * Checks on p that the sections outside COACH_PITFALL_SECTIONS can be
 * left empty without changing the pitfalls (every one of them, in order),
 * and those outside COACH_BUDGET_SECTIONS without changing the budget and
 * the rhythm: what a page that loads only these (plan_load_view()) shows
 * is what the whole plan gives.  p is put back as it was.
 */
static void
check_sections_read(struct wb_plan *p, const char *what)
{
	static const unsigned masks[2] = {
		COACH_PITFALL_SECTIONS, COACH_BUDGET_SECTIONS
	};
	struct answers		 full, part;
	struct wb_data		 saved[WB__MAX];
	size_t			 k, m;
	int			 s;

	answers_of(p, &full);
	for (m = 0; m < 2; m++) {
		for (s = 0; s < WB__MAX; s++) {
			if (masks[m] & (1u << s))
				continue;
			saved[s] = p->s[s];
			assert_int_equal(wb_data_init(&p->s[s], s), RT_OK);
		}
		answers_of(p, &part);
		for (s = 0; s < WB__MAX; s++) {
			if (masks[m] & (1u << s))
				continue;
			wb_data_free(&p->s[s]);
			p->s[s] = saved[s];
		}
		if (m == 0) {
			if (part.npits != full.npits)
				fail_msg("%s: %zu pitfalls from the sections "
				    "of COACH_PITFALL_SECTIONS, %zu from the "
				    "whole plan", what, part.npits,
				    full.npits);
			for (k = 0; k < full.npits; k++) {
				assert_int_equal(part.pits[k].id,
				    full.pits[k].id);
				assert_int_equal(part.pits[k].section,
				    full.pits[k].section);
				assert_string_equal(part.pits[k].subject,
				    full.pits[k].subject);
				assert_true(part.pits[k].planned ==
				    full.pits[k].planned);
				assert_true(part.pits[k].available ==
				    full.pits[k].available);
			}
		} else if (memcmp(&part.budget, &full.budget,
		    sizeof full.budget) != 0 || memcmp(&part.rhythm,
		    &full.rhythm, sizeof full.rhythm) != 0)
			fail_msg("%s: the budget or the rhythm differs from "
			    "the sections of COACH_BUDGET_SECTIONS", what);
	}
}

/*
 * The pitfalls, the budget and the rhythm read only the sections that
 * coach.h says: on the demonstration plans (every section filled, no
 * pitfall), on a plan where every rule fires, and on plans where the
 * sections they do not read are full.
 */
static void
test_sections_read(void **state)
{
	struct wb_plan	 p;
	struct pitfall	 out[MAXPIT];
	size_t		 n, k;
	int		 seen[PIT__MAX];

	(void)state;
	assert_int_equal(demo_plan(LANG_FR, &p), RT_OK);
	check_sections_read(&p, "the French demonstration");
	wb_plan_free(&p);
	assert_int_equal(demo_plan(LANG_EN, &p), RT_OK);
	check_sections_read(&p, "the English demonstration");
	wb_plan_free(&p);

	/* Every rule fires. */
	plan_init(&p);
	fill_all(&p);
	set(&p, WB_START, "hours", "2");
	item_set(WB_OBJECTIVES, 0, &p.s[WB_OBJECTIVES].lists[0].items[0],
	    "kind", "fundraise");
	add_objective(&p, "Collecte de fonds", "", "beaucoup");
	for (k = 0; k < 4; k++)
		choose(&p, (int)k, "3", "2");
	add_persona(&p, "Lina", "");
	add_persona(&p, "Mélanie", "tiktok");
	set(&p, WB_TEAM, "backup", wb_value(&p.s[WB_TEAM], "responsible"));
	item_set(WB_POSTS, 0, &p.s[WB_POSTS].lists[0].items[0], "text",
	    "NOTRE journée portes ouvertes");
	add_post(&p, platforms[0].key, "Notre journée portes ouvertes");
	add_post(&p, platforms[1].key, "notre journée portes ouvertes ");
	memset(seen, 0, sizeof seen);
	n = coach_pitfalls(&p, out, MAXPIT);
	for (k = 0; k < n && k < MAXPIT; k++)
		seen[out[k].id] = 1;
	for (k = 0; k < PIT__MAX; k++)
		if (!seen[k] && k != PIT_NO_RESPONSIBLE)
			fail_msg("pitfall %zu does not fire", k);
	check_sections_read(&p, "a plan with every pitfall");
	set(&p, WB_TEAM, "responsible", "");
	assert_int_equal(count_id(&p, out, PIT_NO_RESPONSIBLE, NULL), 1);
	check_sections_read(&p, "a plan with nobody responsible");
	wb_plan_free(&p);

	/* Nobody responsible, and only the platforms say anything. */
	plan_init(&p);
	choose(&p, PF_FACEBOOK, "1", "3");
	fill_all(&p);
	set(&p, WB_TEAM, "responsible", "");
	check_sections_read(&p, "a plan with content outside the rules");
	wb_plan_free(&p);
}

/* Runs every test of this file; the exit status is cmocka's. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_plan),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_all_fundraising),
		cmocka_unit_test(test_no_target),
		cmocka_unit_test(test_too_many_platforms),
		cmocka_unit_test(test_hours_over),
		cmocka_unit_test(test_platform_no_persona),
		cmocka_unit_test(test_persona_unreached),
		cmocka_unit_test(test_no_responsible),
		cmocka_unit_test(test_no_backup),
		cmocka_unit_test(test_only_promotion),
		cmocka_unit_test(test_same_text),
		cmocka_unit_test(test_pitfalls_max),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_progress_optional),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_good_plan),
		cmocka_unit_test(test_sections_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
