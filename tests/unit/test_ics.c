/*
 * test_ics.c: unit tests of lib/ics.c (a plan's dates as an iCalendar
 * file) and of coach_rhythm() in lib/coach.c (the weekly posting days it
 * uses).
 *
 * Each calendar is read back the way a client reads it: physical lines
 * end in CRLF and hold at most 75 octets, valid UTF-8 each (a fold never
 * cuts a character); unfolded, BEGIN and END pair up, every VEVENT has
 * one UID, DTSTAMP and DTSTART, and the plan's dates, texts (escaped) and
 * weekly rhythm are there.  The time zone is UTC (set by main()).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "status.h"
#include "buf.h"
#include "coach.h"
#include "http.h"
#include "ics.h"
#include "platform.h"
#include "workbook.h"

/* Wednesday 2026-01-07, 12:34:56 UTC. */
#define WEDNESDAY ((time_t)1767789296)
#define DAY       86400

#define HOST "reseauter.example"

/* The calendar read back: its unfolded content lines. */
struct cal {
	char   **lines;
	size_t   n;
};

/* Replaces the string *slot (malloc'd) with a copy of v. */
static void
put(char **slot, const char *v)
{
	char	*s;

	assert_non_null(s = strdup(v));
	free(*slot);
	*slot = s;
}

/* Sets field name of item it of list 0 of d. */
static void
item_set(struct wb_data *d, struct wb_item *it, const char *name,
    const char *v)
{
	const struct wb_list	*l = &wb_sections[d->section].lists[0];
	int			 i;

	i = wb_field_index(l->fields, l->nfields, name);
	assert_true(i >= 0);
	put(&it->values[i], v);
}

/* Appends an item to list 0 of section s of p and returns it. */
static struct wb_item *
add(struct wb_plan *p, int s)
{
	struct wb_item	*it;

	assert_int_equal(wb_list_append(&p->s[s], 0, &it), RT_OK);
	return it;
}

/* The platform item pf of p. */
static struct wb_item *
platform(struct wb_plan *p, int pf)
{
	struct wb_list_data	*ld = &p->s[WB_PLATFORMS].lists[0];
	size_t			 i;

	for (i = 0; i < ld->n; i++)
		if (strcmp(ld->items[i].id, platforms[pf].key) == 0)
			return &ld->items[i];
	fail_msg("no platform %s", platforms[pf].key);
	return NULL;
}

/* Chooses platform pf with posts a week (NULL: not given). */
static void
choose(struct wb_plan *p, int pf, int chosen, const char *posts)
{
	struct wb_item	*it = platform(p, pf);

	item_set(&p->s[WB_PLATFORMS], it, "chosen", chosen ? "1" : "");
	if (posts != NULL)
		item_set(&p->s[WB_PLATFORMS], it, "posts", posts);
}

/* An empty plan. */
static void
empty_plan(struct wb_plan *p)
{
	int	 s;

	memset(p, 0, sizeof(*p));
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(wb_data_init(&p->s[s], s), RT_OK);
}

/*
 * The plan of most tests: two objectives (one with a due date, one
 * without), a review dated for the first, two events (one dated), and
 * three platforms chosen with 3, 1 and 2 posts a week, one chosen with
 * none, one with posts but not chosen.
 */
static void
sample_plan(struct wb_plan *p)
{
	struct wb_data	*d;
	struct wb_item	*it;
	int		 s;

	empty_plan(p);
	d = &p->s[WB_OBJECTIVES];
	it = add(p, WB_OBJECTIVES);
	item_set(d, it, "text", "Recruter 10 bénévoles; pour l'automne, "
	    "enfin\nDeuxième ligne");
	item_set(d, it, "indicator", "Inscriptions, par courriel");
	item_set(d, it, "target", "10 \\ 12");
	item_set(d, it, "due", "2026-03-15");
	it = add(p, WB_OBJECTIVES);
	item_set(d, it, "text", "Sans date");
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(wb_data_sync_items(&p->s[s], p), RT_OK);
	d = &p->s[WB_EVALUATION];
	item_set(d, &d->lists[0].items[0], "reviewed_on", "2026-04-01");
	item_set(d, &d->lists[0].items[0], "worked", "Les photos");
	d = &p->s[WB_EVENTS];
	it = add(p, WB_EVENTS);
	item_set(d, it, "name", "Assemblée générale « 2026 »");
	item_set(d, it, "date", "2026-02-28");
	item_set(d, it, "before", "Trois publications");
	item_set(d, it, "platforms", "facebook,instagram");
	it = add(p, WB_EVENTS);
	item_set(d, it, "name", "Souper-bénéfice sans date");
	choose(p, PF_FACEBOOK, 1, "3");
	item_set(&p->s[WB_PLATFORMS], platform(p, PF_FACEBOOK), "purpose",
	    "Annoncer les cliniques");
	choose(p, PF_INSTAGRAM, 1, "1");
	choose(p, PF_LINKEDIN, 1, "2");
	choose(p, PF_X, 1, "");
	choose(p, PF_YOUTUBE, 0, "5");
}

/* Frees what cal holds. */
static void
cal_free(struct cal *c)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		free(c->lines[i]);
	free(c->lines);
	memset(c, 0, sizeof(*c));
}

/* Appends a copy of line to c. */
static void
cal_push(struct cal *c, const char *line)
{
	assert_non_null(c->lines = realloc(c->lines, (c->n + 1) *
	    sizeof(*c->lines)));
	assert_non_null(c->lines[c->n++] = strdup(line));
}

/*
 * Checks the physical form of the calendar s (len bytes) and unfolds it
 * into c: every line ends in CRLF, holds at most 75 octets and is valid
 * UTF-8 (so no fold cut a character), no bare CR or LF, a continuation
 * line starts with one space.
 */
static void
cal_read(const char *s, size_t len, struct cal *c)
{
	struct buf	 cur;
	const char	*end = s + len, *eol;
	size_t		 plen;
	int		 first = 1;

	memset(c, 0, sizeof(*c));
	memset(&cur, 0, sizeof(cur));
	assert_true(len >= 2);
	assert_memory_equal(end - 2, "\r\n", 2);
	while (s < end) {
		assert_non_null(eol = memchr(s, '\n', (size_t)(end - s)));
		assert_true(eol > s && eol[-1] == '\r');
		plen = (size_t)(eol - 1 - s);
		if (plen > 75)
			fail_msg("a line of %zu octets: %.*s", plen, (int)plen,
			    s);
		assert_null(memchr(s, '\r', plen));
		assert_true(utf8_valid(s, plen));
		if (s[0] == ' ') {
			/* A continuation of the line before. */
			assert_true(first == 0);
			assert_int_equal(buf_append(&cur, s + 1, plen - 1),
			    RT_OK);
		} else {
			if (!first)
				cal_push(c, buf_str(&cur));
			first = 0;
			buf_reset(&cur);
			assert_int_equal(buf_append(&cur, s, plen), RT_OK);
		}
		s = eol + 1;
	}
	cal_push(c, buf_str(&cur));
	buf_free(&cur);
}

/* Makes the calendar of p and reads it back into c; returns the raw text. */
static struct buf
cal_of(const struct wb_plan *p, const char *org, time_t now, struct cal *c)
{
	struct buf	 b;

	memset(&b, 0, sizeof(b));
	assert_int_equal(ics_plan(p, org, NULL, LANG_EN, HOST, now, &b),
	    RT_OK);
	cal_read(b.data, b.len, c);
	return b;
}

/* The number of unfolded lines of c that equal line. */
static size_t
cal_count(const struct cal *c, const char *line)
{
	size_t	 i, n = 0;

	for (i = 0; i < c->n; i++)
		n += strcmp(c->lines[i], line) == 0;
	return n;
}

/* Non-zero when some unfolded line of c starts with prefix. */
static int
cal_has_prefix(const struct cal *c, const char *prefix)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		if (strncmp(c->lines[i], prefix, strlen(prefix)) == 0)
			return 1;
	return 0;
}

/*
 * Returns the index of the VEVENT (0-based, in order) that holds the
 * line want, or -1; *start receives the index of its BEGIN line.
 */
static int
cal_event_with(const struct cal *c, const char *want, size_t *start)
{
	size_t	 i, begin = 0;
	int	 ev = -1, in = 0;

	for (i = 0; i < c->n; i++) {
		if (strcmp(c->lines[i], "BEGIN:VEVENT") == 0) {
			in = 1;
			ev++;
			begin = i;
		} else if (strcmp(c->lines[i], "END:VEVENT") == 0)
			in = 0;
		else if (in && strcmp(c->lines[i], want) == 0) {
			if (start != NULL)
				*start = begin;
			return ev;
		}
	}
	return -1;
}

/* The value of property name (unfolded, "NAME:" or "NAME;...:") in the event starting at line i. */
static const char *
cal_prop(const struct cal *c, size_t i, const char *name)
{
	size_t	 nlen = strlen(name);

	for (; i < c->n && strcmp(c->lines[i], "END:VEVENT") != 0; i++)
		if (strncmp(c->lines[i], name, nlen) == 0 &&
		    (c->lines[i][nlen] == ':' || c->lines[i][nlen] == ';'))
			return strchr(c->lines[i], ':') + 1;
	return NULL;
}

/* coach_rhythm_days(): the table of coach.h. */
static void
test_rhythm_days(void **state)
{
	(void)state;
	assert_int_equal(coach_rhythm_days(-3), 0);
	assert_int_equal(coach_rhythm_days(0), 0);
	assert_int_equal(coach_rhythm_days(1), 1u << COACH_WEDNESDAY);
	assert_int_equal(coach_rhythm_days(2),
	    1u << COACH_TUESDAY | 1u << COACH_THURSDAY);
	assert_int_equal(coach_rhythm_days(3), 1u << COACH_MONDAY |
	    1u << COACH_WEDNESDAY | 1u << COACH_FRIDAY);
	assert_int_equal(coach_rhythm_days(4), 1u << COACH_MONDAY |
	    1u << COACH_TUESDAY | 1u << COACH_THURSDAY | 1u << COACH_FRIDAY);
	assert_int_equal(coach_rhythm_days(5), 0x1f);
	assert_int_equal(coach_rhythm_days(6), 0x3f);
	assert_int_equal(coach_rhythm_days(7), 0x7f);
	assert_int_equal(coach_rhythm_days(100), 0x7f);
	/* Each count but 7+ gives that many days. */
	{
		int	 n, k, bits;

		for (n = 1; n <= 7; n++) {
			for (bits = 0, k = 0; k < COACH_DAYS; k++)
				bits += (coach_rhythm_days(n) >> k) & 1;
			assert_int_equal(bits, n);
		}
	}
}

/*
 * coach_rhythm(): only chosen platforms with posts a week above 0, in the
 * order of platform.h.
 */
static void
test_coach_rhythm(void **state)
{
	struct wb_plan		 p;
	struct coach_rhythm	 r;

	(void)state;
	empty_plan(&p);
	coach_rhythm(&p, &r);
	assert_int_equal(r.n, 0);
	wb_plan_free(&p);
	sample_plan(&p);
	choose(&p, PF_MASTODON, 1, "100");
	choose(&p, PF_REDDIT, 1, "0");
	coach_rhythm(&p, &r);
	assert_int_equal(r.n, 4);
	assert_int_equal(r.rows[0].platform, PF_FACEBOOK);
	assert_int_equal(r.rows[0].posts, 3);
	assert_int_equal(r.rows[0].days, coach_rhythm_days(3));
	assert_int_equal(r.rows[1].platform, PF_INSTAGRAM);
	assert_int_equal(r.rows[1].days, 1u << COACH_WEDNESDAY);
	assert_int_equal(r.rows[2].platform, PF_LINKEDIN);
	assert_int_equal(r.rows[3].platform, PF_MASTODON);
	assert_int_equal(r.rows[3].posts, 100);
	assert_int_equal(r.rows[3].days, 0x7f);
	wb_plan_free(&p);
}

/*
 * The structure: the calendar's properties, BEGIN and END paired, every
 * VEVENT with one UID, DTSTAMP (now, UTC), DTSTART and DTEND as dates,
 * the UIDs all different.
 */
static void
test_structure(void **state)
{
	struct wb_plan	 p;
	struct cal	 c;
	struct buf	 b;
	const char	*stack[8];
	char		*uids[32];
	size_t		 depth = 0, i, k, events = 0, nuid = 0;
	int		 uid = 0, stamp = 0, start = 0, end = 0;

	(void)state;
	sample_plan(&p);
	b = cal_of(&p, "Comité d'été", WEDNESDAY, &c);
	assert_string_equal(c.lines[0], "BEGIN:VCALENDAR");
	assert_string_equal(c.lines[c.n - 1], "END:VCALENDAR");
	assert_int_equal(cal_count(&c, "VERSION:2.0"), 1);
	assert_int_equal(cal_count(&c, "CALSCALE:GREGORIAN"), 1);
	assert_int_equal(cal_count(&c, "METHOD:PUBLISH"), 1);
	assert_true(cal_has_prefix(&c, "PRODID:-//reseauter//"));
	assert_int_equal(cal_count(&c,
	    "X-WR-CALNAME:Social-media plan: Comité d'été"), 1);
	for (i = 0; i < c.n; i++) {
		const char *l = c.lines[i];

		if (strncmp(l, "BEGIN:", 6) == 0) {
			assert_true(depth < 8);
			stack[depth++] = l + 6;
			if (strcmp(l + 6, "VEVENT") == 0) {
				events++;
				uid = stamp = start = end = 0;
			}
		} else if (strncmp(l, "END:", 4) == 0) {
			assert_true(depth > 0);
			assert_string_equal(stack[--depth], l + 4);
			if (strcmp(l + 4, "VEVENT") == 0) {
				assert_int_equal(uid, 1);
				assert_int_equal(stamp, 1);
				assert_int_equal(start, 1);
				assert_int_equal(end, 1);
			}
		} else if (strncmp(l, "UID:", 4) == 0) {
			uid++;
			assert_true(strlen(l + 4) == 32 + 1 + strlen(HOST));
			assert_string_equal(l + 4 + 32, "@" HOST);
			for (k = 0; k < nuid; k++)
				assert_string_not_equal(uids[k], l + 4);
			uids[nuid++] = c.lines[i] + 4;
		} else if (strncmp(l, "DTSTAMP:", 8) == 0) {
			stamp++;
			assert_string_equal(l + 8, "20260107T123456Z");
		} else if (strncmp(l, "DTSTART;VALUE=DATE:", 19) == 0) {
			start++;
			assert_int_equal(strlen(l + 19), 8);
		} else if (strncmp(l, "DTEND;VALUE=DATE:", 17) == 0)
			end++;
	}
	assert_int_equal(depth, 0);
	/* One objective, one review, one event with dates; three rhythms. */
	assert_int_equal(events, 6);
	assert_int_equal(cal_count(&c, "BEGIN:VEVENT"), 6);
	cal_free(&c);
	buf_free(&b);

	/* An empty plan: a calendar without events. */
	wb_plan_free(&p);
	empty_plan(&p);
	b = cal_of(&p, "Vide", WEDNESDAY, &c);
	assert_int_equal(cal_count(&c, "BEGIN:VEVENT"), 0);
	assert_int_equal(c.n, 7);
	cal_free(&c);
	buf_free(&b);
	wb_plan_free(&p);
}

/* The plan's dates are there, each on its day, with a one-day DTEND. */
static void
test_dates(void **state)
{
	struct wb_plan	 p;
	struct cal	 c;
	struct buf	 b;
	size_t		 at;

	(void)state;
	sample_plan(&p);
	b = cal_of(&p, "Org", WEDNESDAY, &c);
	assert_true(cal_event_with(&c, "DTSTART;VALUE=DATE:20260315", &at) >=
	    0);
	assert_string_equal(cal_prop(&c, at, "DTEND"), "20260316");
	assert_non_null(strstr(cal_prop(&c, at, "SUMMARY"),
	    "Check the objective: Recruter 10 bénévoles\\; pour l'automne\\, "
	    "enfin"));
	assert_null(strstr(cal_prop(&c, at, "SUMMARY"), "Deuxième"));
	assert_null(cal_prop(&c, at, "RRULE"));
	assert_true(cal_event_with(&c, "DTSTART;VALUE=DATE:20260401", &at) >=
	    0);
	assert_string_equal(cal_prop(&c, at, "SUMMARY"), "Review of the "
	    "objective: Recruter 10 bénévoles\\; pour l'automne\\, enfin");
	assert_string_equal(cal_prop(&c, at, "DESCRIPTION"),
	    "What worked: Les photos");
	assert_true(cal_event_with(&c, "DTSTART;VALUE=DATE:20260228", &at) >=
	    0);
	assert_string_equal(cal_prop(&c, at, "DTEND"), "20260301");
	assert_string_equal(cal_prop(&c, at, "SUMMARY"),
	    "Event: Assemblée générale « 2026 »");
	assert_string_equal(cal_prop(&c, at, "DESCRIPTION"),
	    "Objectives before the event: Trois publications\\n"
	    "Platforms: Facebook\\, Instagram");
	/* Items without a date are not there. */
	assert_null(strstr(b.data, "Sans date"));
	assert_null(strstr(b.data, "Souper"));
	cal_free(&c);
	buf_free(&b);

	/* A date that is no calendar date is left out too. */
	put(&p.s[WB_OBJECTIVES].lists[0].items[0].values[5], "2026-02-30");
	b = cal_of(&p, "Org", WEDNESDAY, &c);
	assert_int_equal(cal_count(&c, "BEGIN:VEVENT"), 5);
	cal_free(&c);
	buf_free(&b);
	wb_plan_free(&p);
}

/*
 * The weekly rhythm: RRULE:FREQ=WEEKLY with the days of coach_rhythm(),
 * starting on the first posting day of the week after now.
 */
static void
test_rhythm(void **state)
{
	struct wb_plan	 p;
	struct cal	 c;
	struct buf	 b;
	size_t		 at;
	int		 ev;

	(void)state;
	sample_plan(&p);
	b = cal_of(&p, "Org", WEDNESDAY, &c);
	ev = cal_event_with(&c, "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR", &at);
	assert_true(ev >= 0);
	assert_string_equal(cal_prop(&c, at, "SUMMARY"), "Post on Facebook");
	assert_string_equal(cal_prop(&c, at, "DTSTART"), "20260112");
	assert_string_equal(cal_prop(&c, at, "DTEND"), "20260113");
	assert_string_equal(cal_prop(&c, at, "DESCRIPTION"),
	    "Posts a week planned: 3\\nWhat we will do there: Annoncer les "
	    "cliniques");
	assert_true(cal_event_with(&c, "RRULE:FREQ=WEEKLY;BYDAY=WE", &at) >=
	    0);
	assert_string_equal(cal_prop(&c, at, "SUMMARY"), "Post on Instagram");
	assert_string_equal(cal_prop(&c, at, "DTSTART"), "20260114");
	assert_true(cal_event_with(&c, "RRULE:FREQ=WEEKLY;BYDAY=TU,TH", &at) >=
	    0);
	assert_string_equal(cal_prop(&c, at, "SUMMARY"), "Post on LinkedIn");
	assert_string_equal(cal_prop(&c, at, "DTSTART"), "20260113");
	assert_null(strstr(b.data, "YouTube"));
	assert_null(strstr(b.data, "Post on X"));
	cal_free(&c);
	buf_free(&b);

	/* 7 posts: every day.  On a Monday, the next Monday is a week on. */
	choose(&p, PF_FACEBOOK, 1, "7");
	b = cal_of(&p, "Org", WEDNESDAY + 5 * DAY, &c);
	assert_true(cal_event_with(&c,
	    "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", &at) >= 0);
	assert_string_equal(cal_prop(&c, at, "DTSTART"), "20260119");
	cal_free(&c);
	buf_free(&b);
	/* On a Sunday, it is the next day. */
	b = cal_of(&p, "Org", WEDNESDAY + 4 * DAY, &c);
	assert_true(cal_event_with(&c,
	    "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", &at) >= 0);
	assert_string_equal(cal_prop(&c, at, "DTSTART"), "20260112");
	cal_free(&c);
	buf_free(&b);
	wb_plan_free(&p);
}

/*
 * Folding: long values of multi-byte characters fold at 75 octets
 * without cutting a character (cal_read() checks each line), and unfold
 * to the whole value; escaping: \ ; , and line breaks.
 */
static void
test_folding_escaping(void **state)
{
	struct wb_plan	 p;
	struct cal	 c;
	struct buf	 b, text, want;
	size_t		 at, i;

	(void)state;
	empty_plan(&p);
	memset(&text, 0, sizeof(text));
	memset(&want, 0, sizeof(want));
	for (i = 0; i < 60; i++) {
		assert_int_equal(buf_puts(&text, i % 3 ? "é" : "🎉a"), RT_OK);
		assert_int_equal(buf_puts(&want, i % 3 ? "é" : "🎉a"), RT_OK);
	}
	assert_int_equal(buf_puts(&text, " a;b,c\\d\ne\tf"), RT_OK);
	assert_int_equal(buf_puts(&want, " a\\;b\\,c\\\\d\\ne\tf"), RT_OK);
	{
		struct wb_item	*it = add(&p, WB_EVENTS);

		item_set(&p.s[WB_EVENTS], it, "name", "Fête");
		item_set(&p.s[WB_EVENTS], it, "date", "2026-06-24");
		item_set(&p.s[WB_EVENTS], it, "notes", buf_str(&text));
	}
	b = cal_of(&p, "Org", WEDNESDAY, &c);
	assert_true(cal_event_with(&c, "SUMMARY:Event: Fête", &at) >= 0);
	assert_non_null(cal_prop(&c, at, "DESCRIPTION"));
	assert_true(strncmp(cal_prop(&c, at, "DESCRIPTION"), "Notes: ", 7) ==
	    0);
	assert_string_equal(cal_prop(&c, at, "DESCRIPTION") + 7,
	    buf_str(&want));
	/* It did fold: the raw text has continuation lines. */
	assert_non_null(strstr(b.data, "\r\n "));
	cal_free(&c);
	buf_free(&b);

	/* An organisation name with everything to escape, in X-WR-CALNAME. */
	b = cal_of(&p, "A;B,C\\D", WEDNESDAY, &c);
	assert_int_equal(cal_count(&c,
	    "X-WR-CALNAME:Social-media plan: A\\;B\\,C\\\\D"), 1);
	cal_free(&c);
	buf_free(&b);
	buf_free(&text);
	buf_free(&want);
	wb_plan_free(&p);
}

/*
 * UIDs are stable: the same plan downloaded at another time gives the
 * same UIDs (and only DTSTAMP and the rhythm's start change); another
 * organisation's gives others.
 */
static void
test_stable_uids(void **state)
{
	struct wb_plan	 p;
	struct cal	 c1, c2, c3;
	struct buf	 b1, b2, b3;
	size_t		 i, n1 = 0, same = 0;

	(void)state;
	sample_plan(&p);
	b1 = cal_of(&p, "Org", WEDNESDAY, &c1);
	b2 = cal_of(&p, "Org", WEDNESDAY + 30 * DAY, &c2);
	b3 = cal_of(&p, "Autre org", WEDNESDAY, &c3);
	assert_int_equal(c1.n, c2.n);
	for (i = 0; i < c1.n; i++) {
		if (strncmp(c1.lines[i], "UID:", 4) != 0)
			continue;
		n1++;
		assert_string_equal(c1.lines[i], c2.lines[i]);
		same += strcmp(c1.lines[i], c3.lines[i]) == 0;
	}
	assert_int_equal(n1, 6);
	assert_int_equal(same, 0);
	/* The same call twice: the same bytes. */
	buf_free(&b2);
	cal_free(&c2);
	b2 = cal_of(&p, "Org", WEDNESDAY, &c2);
	assert_int_equal(b1.len, b2.len);
	assert_memory_equal(b1.data, b2.data, b1.len);
	cal_free(&c1);
	cal_free(&c2);
	cal_free(&c3);
	buf_free(&b1);
	buf_free(&b2);
	buf_free(&b3);
	wb_plan_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rhythm_days),
		cmocka_unit_test(test_coach_rhythm),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_rhythm),
		cmocka_unit_test(test_folding_escaping),
		cmocka_unit_test(test_stable_uids),
	};

	setenv("TZ", "UTC", 1);
	tzset();
	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
