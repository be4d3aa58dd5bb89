/*
 * summary.c: "/o/<id>/summary", the plan as one read-only document.
 *
 * GET: 200.  Sections are in the order of the workbook; a section with
 * nothing answered says it is still to complete instead of showing a blank
 * heading; the optional event campaigns are left out when empty.  The
 * pitfalls still open come last, clearly apart.
 *
 * What the document says is filled by summary_fill() (below), which the
 * downloads of summary_export.c share through summary_fill_download().
 *
 * The same function renders the document for whoever reads it through a
 * share link ("/s/<token>", share.c, which has set r->shared): the same
 * content, with the downloads under /s/<token>/ instead of /o/<id>/, a
 * line saying it is a shared copy, and no panel about sharing.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "charcount.h"
#include "coach.h"
#include "comments.h"
#include "display.h"
#include "org.h"
#include "plan.h"
#include "platform.h"

#define SUMMARY_PITFALLS 64

/*
 * The document itself: summary_fill() and summary_fill_download() fill
 * the dictionary that templates/summary.tpl (the page, and the body of the
 * standalone file) and templates/summary.md.tpl (Markdown) both expand.
 * One top-level section per section of the workbook, named by its slug
 * ({{#mission}}...), shown once with {{NUM}} and {{TITLE}}; inside, one
 * small section per answer, so that a template never shows a heading or a
 * label over nothing.  A section with nothing answered shows {{#todo}};
 * the optional event campaigns are left out when there are none.
 */

/* Bytes of the text one answer is shown as (choices, references, dates). */
#define SUMMARY_BUF 16384

/* The longest limit of a platform's posts worth showing a count against. */
#define SUMMARY_SHORT_LIMIT 5000

/* What every part of the filling needs. */
struct summary {
	struct req           *r;
	const struct wb_plan *p;
	char                 *buf;   /* SUMMARY_BUF bytes, for display_text() */
};

/* The three scales of the tone, and where a group stands on each, as words. */
static const char *const summary_tone_fields[3] = {
	"warmth", "formality", "playfulness"
};
static const char *const summary_tone_words[3][5] = {
	{ N_("Indignant"), N_("Rather indignant"),
	  N_("Between indignant and warm"), N_("Rather warm"), N_("Warm") },
	{ N_("Formal"), N_("Rather formal"), N_("Between formal and familiar"),
	  N_("Rather familiar"), N_("Familiar") },
	{ N_("Serious"), N_("Rather serious"),
	  N_("Between serious and playful"), N_("Rather playful"),
	  N_("Playful") },
};

/* Between curating (1) and creating (5), as words. */
static const char *const summary_resource_words[5] = {
	N_("Curating what others make"), N_("Mostly curating"),
	N_("As much curating as creating"), N_("Mostly creating"),
	N_("Creating our own content"),
};

/* The platforms whose posts open on a picture or a video. */
static const int summary_visual[] = {
	PF_INSTAGRAM, PF_YOUTUBE, PF_TIKTOK, PF_PINTEREST, PF_SNAPCHAT,
	PF_FLICKR, -1
};

/*
 * The declaration of field name in section sec: among the section's own
 * fields when list is -1, else among the fields of its list number list.
 * NULL when there is no such field (a name mistyped here shows nothing).
 */
static const struct wb_field *
summary_def(int sec, int list, const char *name)
{
	const struct wb_section_def *s = &wb_sections[sec];
	const struct wb_field *fields;
	size_t n;
	int i;

	if (list < 0) {
		fields = s->fields;
		n = s->nfields;
	} else {
		if ((size_t)list >= s->nlists)
			return NULL;
		fields = s->lists[list].fields;
		n = s->lists[list].nfields;
	}
	i = fields != NULL ? wb_field_index(fields, n, name) : -1;
	return i < 0 ? NULL : &fields[i];
}

/*
 * The value of field f (as summary_def() found it) of section sec: the
 * section's own when it is NULL, else item it's (list 0).  Read by the
 * field's place, so that its name is not looked up a second time.  ""
 * when f is NULL or the value is not there, and through a share link
 * when f is for the team only (how to get into the accounts).
 */
static const char *
summary_value(const struct summary *s, int sec, const struct wb_item *it,
    const struct wb_field *f)
{
	const struct wb_section_def *sd = &wb_sections[sec];
	const char *v;

	if (f == NULL || (f->team_only && s->r->shared))
		return "";
	if (it == NULL)
		v = s->p->s[sec].values[f - sd->fields];
	else
		v = it->values[f - sd->lists[0].fields];
	return v != NULL ? v : "";
}

/*
 * A value as a person reads it (display.h): the value itself for text and
 * lines, otherwise written into s->buf (valid until the next call).  Never
 * NULL; "" for an empty value or a field f that is NULL.
 */
static const char *
summary_shown(struct summary *s, const struct wb_field *f, const char *value)
{
	if (f == NULL || value == NULL || value[0] == '\0')
		return "";
	switch (f->widget) {
	case WB_LINE:
	case WB_TEXT:
	case WB_COUNTED:
		return value;
	default:
		display_text(s->r->app->i18n, s->r->lang, f, value, s->p,
		    s->buf, SUMMARY_BUF);
		return s->buf;
	}
}

/*
 * Adds section {{#name}} to d with {{V}} set to text, unless text is
 * empty.  Returns 1 when it was added, 0 otherwise.
 */
static int
summary_put(struct tpl_dict *d, const char *name, const char *text)
{
	if (text == NULL || text[0] == '\0')
		return 0;
	tpl_set(tpl_add_section(d, name), "V", text);
	return 1;
}

/* summary_put() of the section's own field of that name, as a person reads it. */
static int
summary_own(struct summary *s, struct tpl_dict *d, int sec, const char *field)
{
	const struct wb_field *f = summary_def(sec, -1, field);

	return summary_put(d, field, summary_shown(s, f,
	    summary_value(s, sec, NULL, f)));
}

/* summary_put() of a field of item it (list 0 of section sec). */
static int
summary_of(struct summary *s, struct tpl_dict *d, int sec,
    const struct wb_item *it, const char *field)
{
	const struct wb_field *f = summary_def(sec, 0, field);

	return summary_put(d, field, summary_shown(s, f,
	    summary_value(s, sec, it, f)));
}

/*
 * Adds one {{#row}} ({{LABEL}}: the field's label, {{VALUE}}, {{KEY}}) to
 * d per answered field of fields (NULL-terminated names), in that order:
 * the section's own fields when it is NULL, else item it's (list 0); and
 * when there is any, shows {{#rows}} once (the list's wrapper).  Returns
 * how many rows were added; call it once per dictionary.
 */
static int
summary_rows(struct summary *s, struct tpl_dict *d, int sec,
    const struct wb_item *it, const char *const *fields)
{
	const struct wb_field *f;
	const char *text;
	struct tpl_dict *row;
	int added = 0;
	size_t i;

	for (i = 0; fields[i] != NULL; i++) {
		f = summary_def(sec, it == NULL ? -1 : 0, fields[i]);
		text = summary_shown(s, f, summary_value(s, sec, it, f));
		if (text[0] == '\0')
			continue;
		row = tpl_add_section(d, "row");
		tpl_set(row, "LABEL", T(s->r, f->def.label));
		tpl_set(row, "VALUE", text);
		tpl_set(row, "KEY", fields[i]);
		added++;
	}
	if (added > 0)
		tpl_show(d, "rows");
	return added;
}

/*
 * Returns how many rows summary_rows() would add for the same arguments,
 * without adding any.
 */
static int
summary_count_rows(struct summary *s, int sec, const struct wb_item *it,
    const char *const *fields)
{
	const struct wb_field *f;
	int n = 0;
	size_t i;

	for (i = 0; fields[i] != NULL; i++) {
		f = summary_def(sec, it == NULL ? -1 : 0, fields[i]);
		if (summary_shown(s, f, summary_value(s, sec, it, f))[0] !=
		    '\0')
			n++;
	}
	return n;
}

/*
 * Adds one {{#name}} with {{V}} per key of the comma-separated list value
 * that is one of field f's declared choices, with the choice's label, in
 * the declaration's order.  Returns how many were added.
 */
static int
summary_choices(struct summary *s, struct tpl_dict *d, const char *name,
    const struct wb_field *f, const char *value)
{
	int added = 0;
	size_t i;

	if (f == NULL || f->def.choices == NULL)
		return 0;
	for (i = 0; f->def.choices[i] != NULL; i++) {
		if (!display_listed(value, f->def.choices[i]))
			continue;
		tpl_set(tpl_add_section(d, name), "V", f->choice_labels != NULL ?
		    T(s->r, f->choice_labels[i]) : f->def.choices[i]);
		added++;
	}
	return added;
}

/*
 * The name of an item of a list whose items are named (a persona, an
 * objective), or its numbered title ("Objective 2") when it has none;
 * written into out.
 */
static void
summary_item_name(struct summary *s, int sec, size_t index,
    const struct wb_item *it, char *out, size_t outlen)
{
	const struct wb_list *l = &wb_sections[sec].lists[0];
	const char *name = l->name_field != NULL ?
	    wb_item_value(&s->p->s[sec], 0, it, l->name_field) : "";

	if (name[0] != '\0')
		snprintf(out, outlen, "%s", name);
	else
		display_item_title(s->r->app->i18n, s->r->lang, l, index, NULL,
		    out, outlen);
}

/*
 * Adds one {{#name}} with {{V}} (the item's name) and {{N}} (its place,
 * from 1) per item of section sec's list that the comma-separated ids of
 * value point at, in the list's order; numbered says whether {{V}} is the
 * numbered title ("Objective 2") rather than the name, and then the name,
 * when the item has one, is also in {{#named}} {{NAME}} (for the Markdown,
 * where "Objective 2" links to nothing).  Returns how many.
 */
static int
summary_refs(struct summary *s, struct tpl_dict *d, const char *name,
    int sec, const char *value, int numbered)
{
	const struct wb_list_data *items = &s->p->s[sec].lists[0];
	const struct wb_list *l = &wb_sections[sec].lists[0];
	struct tpl_dict *e;
	const char *named;
	char title[256];
	int added = 0;
	size_t i;

	for (i = 0; i < items->n; i++) {
		if (!display_listed(value, items->items[i].id))
			continue;
		if (numbered)
			display_item_title(s->r->app->i18n, s->r->lang,
			    &wb_sections[sec].lists[0], i, NULL, title,
			    sizeof title);
		else
			summary_item_name(s, sec, i, &items->items[i], title,
			    sizeof title);
		e = tpl_add_section(d, name);
		tpl_set(e, "V", title);
		tpl_set_int(e, "N", (long long)i + 1);
		if (numbered && l->name_field != NULL &&
		    (named = wb_item_value(&s->p->s[sec], 0, &items->items[i],
		    l->name_field))[0] != '\0')
			tpl_set(tpl_add_section(e, "named"), "NAME", named);
		added++;
	}
	return added;
}

/*
 * Adds a five-point scale: {{WORD}} (words[v - 1], translated), {{VALUE}}
 * and five {{#dot}} of which the v-th shows {{#on}}.  Nothing when value
 * is not 1..5.  Returns 1 when added.
 */
static int
summary_scale(struct summary *s, struct tpl_dict *d, const char *label,
    const char *value, const char *const words[5])
{
	struct tpl_dict *e, *dot;
	int v, i;

	if (value[0] < '1' || value[0] > '5' || value[1] != '\0')
		return 0;
	v = value[0] - '0';
	e = tpl_add_section(d, "scale");
	tpl_set(e, "AXIS", label);
	tpl_set(e, "WORD", T(s->r, words[v - 1]));
	tpl_set_int(e, "VALUE", v);
	for (i = 1; i <= 5; i++) {
		dot = tpl_add_section(e, "dot");
		if (i == v)
			tpl_show(dot, "on");
	}
	return 1;
}

/*
 * The first character of s (UTF-8), upper-cased when it is an ASCII
 * letter, written into out (at least 5 bytes); "" when s is empty.
 */
static void
summary_initial(const char *s, char *out)
{
	size_t n = 1;
	unsigned char c = (unsigned char)s[0];

	if (c >= 0xF0)
		n = 4;
	else if (c >= 0xE0)
		n = 3;
	else if (c >= 0xC0)
		n = 2;
	if (strnlen(s, n) < n)
		n = strlen(s);
	memcpy(out, s, n);
	out[n] = '\0';
	if (c >= 'a' && c <= 'z')
		out[0] = (char)(c - 'a' + 'A');
}

/* 1. Starting point: what the group has, and the time it can give. */
static int
summary_start(struct summary *s, struct tpl_dict *d)
{
	static const char *const fields[] = {
		"website", "blog", "newsletter", "existing", "does_well",
		"community_use", "people", NULL
	};
	char hours[32];
	int n;

	n = summary_rows(s, d, WB_START, NULL, fields);
	display_number(s->r->lang, wb_value(&s->p->s[WB_START], "hours"),
	    hours, sizeof hours);
	n += summary_put(d, "hours", hours);
	return n;
}

/* 2. Account registry: who can get into each account. */
static int
summary_accounts(struct summary *s, struct tpl_dict *d)
{
	const struct wb_list_data *l = &s->p->s[WB_ACCOUNTS].lists[0];
	struct tpl_dict *e;
	size_t i;
	int n = 0;

	for (i = 0; i < l->n; i++) {
		const struct wb_item *it = &l->items[i];

		e = tpl_add_section(d, "account");
		summary_of(s, e, WB_ACCOUNTS, it, "platform");
		summary_of(s, e, WB_ACCOUNTS, it, "handle");
		summary_of(s, e, WB_ACCOUNTS, it, "holder");
		summary_of(s, e, WB_ACCOUNTS, it, "backup");
		summary_of(s, e, WB_ACCOUNTS, it, "recovery");
		summary_of(s, e, WB_ACCOUNTS, it, "notes");
		n++;
	}
	if (n > 0)
		tpl_show(d, "accounts_table");
	return n;
}

/* 3. Mission: the three sentences, each after the words that start it. */
static int
summary_mission(struct summary *s, struct tpl_dict *d)
{
	static const char *const fields[] = {
		"mission", "means", "strategy", NULL
	};

	return summary_rows(s, d, WB_MISSION, NULL, fields);
}

/* 4. Objectives: what, why, and how each will be measured. */
static int
summary_objectives(struct summary *s, struct tpl_dict *d)
{
	const struct wb_list_data *l = &s->p->s[WB_OBJECTIVES].lists[0];
	struct tpl_dict *e;
	size_t i;
	int n = 0;

	for (i = 0; i < l->n; i++) {
		const struct wb_item *it = &l->items[i];
		int m;

		e = tpl_add_section(d, "objective");
		tpl_set_int(e, "N", (long long)i + 1);
		summary_of(s, e, WB_OBJECTIVES, it, "text");
		summary_of(s, e, WB_OBJECTIVES, it, "kind");
		summary_of(s, e, WB_OBJECTIVES, it, "serves");
		m = summary_of(s, e, WB_OBJECTIVES, it, "indicator");
		m += summary_of(s, e, WB_OBJECTIVES, it, "target");
		m += summary_of(s, e, WB_OBJECTIVES, it, "due");
		if (m > 0)
			tpl_show(e, "measure");
		n++;
	}
	return n;
}

/* 5. Our story: the pitches first, then the answers, then the values. */
static int
summary_story(struct summary *s, struct tpl_dict *d)
{
	static const char *const fields[] = {
		"what_we_do", "problem", "solution", "credibility", "unique",
		"who_we_are", "beginnings", "successes", "back_cover", NULL
	};
	const struct wb_list_data *l = &s->p->s[WB_STORY].lists[0];
	struct tpl_dict *vals = NULL, *e;
	size_t i;
	int n;

	n = summary_own(s, d, WB_STORY, "pitch_short");
	n += summary_own(s, d, WB_STORY, "pitch_long");
	if (n > 0)
		tpl_show(d, "pitches");
	n += summary_rows(s, d, WB_STORY, NULL, fields);
	for (i = 0; i < l->n; i++) {
		const struct wb_item *it = &l->items[i];

		if (vals == NULL)
			vals = tpl_add_section(d, "values");
		e = tpl_add_section(vals, "value_item");
		summary_of(s, e, WB_STORY, it, "value");
		summary_of(s, e, WB_STORY, it, "example");
		n++;
	}
	return n;
}

/* 6. Culture and tone: the scales as words, the adjectives, one sentence. */
static int
summary_tone(struct summary *s, struct tpl_dict *d)
{
	const struct wb_data *data = &s->p->s[WB_TONE];
	struct tpl_dict *adj = NULL;
	char name[32];
	int i, n = 0, scales = 0;

	for (i = 0; i < 3; i++) {
		const struct wb_field *f = summary_def(WB_TONE, -1,
		    summary_tone_fields[i]);

		assert(f != NULL);
		scales += summary_scale(s, d, T(s->r, f->def.label),
		    wb_value(data, summary_tone_fields[i]),
		    summary_tone_words[i]);
	}
	if (scales > 0)
		tpl_show(d, "scales");
	n += scales;
	for (i = 1; i <= 5; i++) {
		const char *v;

		snprintf(name, sizeof name, "adjective_%d", i);
		v = wb_value(data, name);
		if (v[0] == '\0')
			continue;
		if (adj == NULL)
			adj = tpl_add_section(d, "adjectives");
		summary_put(adj, "adjective", v);
		n++;
	}
	n += summary_own(s, d, WB_TONE, "sample");
	return n;
}

/* 7. Audiences and personas: the groups, then one card per persona. */
static int
summary_audiences(struct summary *s, struct tpl_dict *d)
{
	static const char *const rows[] = {
		"cares", "words", "worries", "reach", "details", NULL
	};
	const struct wb_data *data = &s->p->s[WB_AUDIENCES];
	const struct wb_list_data *l = &data->lists[0];
	struct tpl_dict *g, *e, *chips;
	char initial[8];
	size_t i;
	int n = 0;

	if (wb_value(data, "groups")[0] != '\0' ||
	    wb_value(data, "other_groups")[0] != '\0') {
		g = tpl_add_section(d, "groups");
		n += summary_choices(s, g, "group",
		    summary_def(WB_AUDIENCES, -1, "groups"),
		    wb_value(data, "groups"));
		n += summary_own(s, g, WB_AUDIENCES, "other_groups");
	}
	for (i = 0; i < l->n; i++) {
		const struct wb_item *it = &l->items[i];
		const char *pf = wb_item_value(data, 0, it, "platforms");

		e = tpl_add_section(d, "persona");
		tpl_set_int(e, "N", (long long)i + 1);
		summary_initial(wb_item_value(data, 0, it, "name"), initial);
		tpl_set(e, "INITIAL", initial);
		summary_of(s, e, WB_AUDIENCES, it, "name");
		summary_of(s, e, WB_AUDIENCES, it, "role");
		summary_of(s, e, WB_AUDIENCES, it, "age");
		summary_of(s, e, WB_AUDIENCES, it, "languages");
		if (pf[0] != '\0') {
			chips = tpl_add_section(e, "uses");
			summary_choices(s, chips, "platform",
			    summary_def(WB_AUDIENCES, 0, "platforms"), pf);
		}
		summary_rows(s, e, WB_AUDIENCES, it, rows);
		n++;
	}
	if (l->n > 0)
		tpl_show(d, "personas");
	return n;
}

/*
 * 8. Platforms: one card per chosen platform, the time budget, and the
 * week: which platform posts on which days (coach_rhythm(), the days the
 * calendar export uses too).
 */
static int
summary_platforms(struct summary *s, struct tpl_dict *d)
{
	const struct wb_data *data = &s->p->s[WB_PLATFORMS];
	struct coach_budget b;
	struct coach_rhythm rh;
	struct tpl_dict *e, *sub, *week = NULL, *row, *day;
	char num[32], num2[32], range[80];
	size_t i;
	int k;

	coach_budget(s->p, &b);
	for (i = 0; i < b.n; i++) {
		int pf = b.rows[i].platform;
		const struct wb_item *it = wb_item_find(data, 0,
		    platforms[pf].key);

		e = tpl_add_section(d, "platform");
		tpl_set(e, "NAME", platforms[pf].name);
		tpl_set(e, "KEY", platforms[pf].key);
		display_hours(s->r->lang, b.rows[i].planned, num, sizeof num);
		tpl_set(e, "HOURS", num);
		page_set_number(s->r, e, "POSTS", b.rows[i].posts);
		if (it != NULL) {
			const char *v;

			summary_of(s, e, WB_PLATFORMS, it, "purpose");
			v = wb_item_value(data, 0, it, "personas");
			if (v[0] != '\0') {
				sub = tpl_add_section(e, "reached");
				summary_refs(s, sub, "persona", WB_AUDIENCES,
				    v, 0);
			}
			v = wb_item_value(data, 0, it, "objectives");
			if (v[0] != '\0') {
				sub = tpl_add_section(e, "serves");
				summary_refs(s, sub, "objective",
				    WB_OBJECTIVES, v, 1);
			}
		}

		/* The same figures as a table, for the Markdown. */
		row = tpl_add_section(d, "hours_row");
		tpl_set(row, "NAME", platforms[pf].name);
		tpl_set(row, "HOURS", num);
		page_set_number(s->r, row, "POSTS", b.rows[i].posts);
		display_hours(s->r->lang, b.rows[i].reference_min, num,
		    sizeof num);
		display_hours(s->r->lang, b.rows[i].reference_max, num2,
		    sizeof num2);
		if (b.rows[i].reference_max <= 0)
			snprintf(range, sizeof range, "\xE2\x80\x94");
		else if (b.rows[i].reference_min == b.rows[i].reference_max)
			snprintf(range, sizeof range, "%s", num);
		else
			snprintf(range, sizeof range, "%s\xE2\x80\x93%s", num,
			    num2);
		tpl_set(row, "USUAL", range);

	}
	coach_rhythm(s->p, &rh);
	for (i = 0; i < rh.n; i++) {
		int pf = rh.rows[i].platform;

		if (week == NULL)
			week = tpl_add_section(d, "week");
		row = tpl_add_section(week, "week_row");
		tpl_set(row, "NAME", platforms[pf].name);
		tpl_set(row, "KEY", platforms[pf].key);
		page_set_number(s->r, row, "POSTS", rh.rows[i].posts);
		for (k = 0; k < COACH_DAYS; k++) {
			day = tpl_add_section(row, "day");
			tpl_show(day, (rh.rows[i].days & (1u << k)) ? "on" :
			    "off");
		}
	}
	if (b.n == 0)
		return 0;
	tpl_show(d, "chosen");
	display_hours(s->r->lang, b.planned, num, sizeof num);
	tpl_set(d, "PLANNED", num);
	if (b.available > 0) {
		display_hours(s->r->lang, b.available, num, sizeof num);
		tpl_set(tpl_add_section(d, "available"), "AVAILABLE", num);
		if (b.planned > b.available)
			tpl_show(d, "over");
	}
	widget_budget(s->r, d, s->p);
	return (int)b.n;
}

/* 9. Resources: where the group stands between curating and creating. */
static int
summary_resources(struct summary *s, struct tpl_dict *d)
{
	const struct wb_field *f = summary_def(WB_RESOURCES, -1, "position");
	int n;

	assert(f != NULL);
	n = summary_scale(s, d, T(s->r, f->def.label),
	    wb_value(&s->p->s[WB_RESOURCES], "position"),
	    summary_resource_words);
	if (n > 0)
		tpl_show(d, "scales");
	n += summary_own(s, d, WB_RESOURCES, "content_kinds");
	n += summary_own(s, d, WB_RESOURCES, "hours_note");
	return n;
}

/* 10. Content practices: only those the group commits to. */
static int
summary_practices(struct summary *s, struct tpl_dict *d)
{
	const struct wb_data *data = &s->p->s[WB_PRACTICES];
	const struct wb_list *l = &wb_sections[WB_PRACTICES].lists[0];
	struct tpl_dict *e;
	size_t i;
	int n = 0;

	for (i = 0; i < data->lists[0].n; i++) {
		const struct wb_item *it = &data->lists[0].items[i];
		char title[256];

		if (strcmp(wb_item_value(data, 0, it, "adopt"), "1") != 0)
			continue;
		e = tpl_add_section(d, "practice");
		display_item_title(s->r->app->i18n, s->r->lang, l, i, it, title,
		    sizeof title);
		tpl_set(e, "PRACTICE", title);
		summary_of(s, e, WB_PRACTICES, it, "how");
		n++;
	}
	if (n > 0)
		tpl_show(d, "practices_list");
	return n;
}

/* Returns non-zero when platform pf opens its posts on a picture. */
static int
summary_is_visual(int pf)
{
	size_t i;

	for (i = 0; summary_visual[i] >= 0; i++)
		if (summary_visual[i] == pf)
			return 1;
	return 0;
}

/* 11. Sample posts, each as a card in the manner of its platform. */
static int
summary_posts(struct summary *s, struct tpl_dict *d)
{
	const struct wb_data *data = &s->p->s[WB_POSTS];
	struct tpl_dict *e;
	size_t i, count, limit;
	int n = 0;

	for (i = 0; i < data->lists[0].n; i++) {
		const struct wb_item *it = &data->lists[0].items[i];
		const char *text = wb_item_value(data, 0, it, "text");
		const char *tags = wb_item_value(data, 0, it, "hashtags");
		int pf = platform_by_key(wb_item_value(data, 0, it, "platform"));

		if (text[0] == '\0' && tags[0] == '\0')
			continue;
		e = tpl_add_section(d, "post");
		tpl_set_int(e, "N", (long long)i + 1);
		tpl_set(e, "KEY", pf >= 0 ? platforms[pf].key : "other");
		tpl_set(e, "PLATFORM", pf >= 0 ? platforms[pf].name : "");
		if (pf >= 0 && summary_is_visual(pf))
			tpl_show(e, "visual");
		summary_of(s, e, WB_POSTS, it, "text");
		summary_of(s, e, WB_POSTS, it, "hashtags");
		summary_of(s, e, WB_POSTS, it, "image");
		summary_refs(s, e, "for_persona", WB_AUDIENCES,
		    wb_item_value(data, 0, it, "persona"), 0);
		summary_refs(s, e, "for_objective", WB_OBJECTIVES,
		    wb_item_value(data, 0, it, "objective"), 1);
		/*
		 * The count against the limit, where the limit is one a post
		 * can reach (not Facebook's 63,206 characters).
		 */
		charcount_length(pf, text, strlen(text), &count, &limit);
		page_set_number(s->r, e, "COUNT", (long long)count);
		if (limit > 0 && (limit <= SUMMARY_SHORT_LIMIT ||
		    count > limit)) {
			struct tpl_dict *lim = tpl_add_section(e, "limit");

			page_set_number(s->r, lim, "LIMIT", (long long)limit);
			if (count > limit)
				tpl_show(lim, "over");
		}
		n++;
	}
	if (n > 0)
		tpl_show(d, "posts_list");
	return n;
}

/* 12. Team and rules: who, and how the group speaks and listens. */
static int
summary_team(struct summary *s, struct tpl_dict *d)
{
	static const char *const fields[] = {
		"who_may_post", "conditions", "listening", "check_mentions",
		"answer_within", "transparency", NULL
	};
	int n, roles;

	roles = summary_own(s, d, WB_TEAM, "responsible");
	roles += summary_own(s, d, WB_TEAM, "responsible_stays");
	roles += summary_own(s, d, WB_TEAM, "backup");
	roles += summary_own(s, d, WB_TEAM, "crisis");
	if (roles > 0)
		tpl_show(d, "roles");
	n = roles + summary_rows(s, d, WB_TEAM, NULL, fields);
	return n;
}

/* 13. Evaluation: when each objective is checked, then what was learned. */
static int
summary_evaluation(struct summary *s, struct tpl_dict *d)
{
	static const char *const fields[] = {
		"measured", "worked", "not_worked", "next", NULL
	};
	const struct wb_data *obj = &s->p->s[WB_OBJECTIVES];
	const struct wb_data *ev = &s->p->s[WB_EVALUATION];
	struct tpl_dict *cal = NULL, *e;
	size_t i;
	int n = 0;

	for (i = 0; i < obj->lists[0].n; i++) {
		const struct wb_item *it = &obj->lists[0].items[i];
		const struct wb_item *rv = wb_item_find(ev, 0, it->id);
		const char *due = wb_item_value(obj, 0, it, "due");
		const char *done = rv != NULL ?
		    wb_item_value(ev, 0, rv, "reviewed_on") : "";

		if (due[0] != '\0' || done[0] != '\0') {
			if (cal == NULL)
				cal = tpl_add_section(d, "calendar");
			e = tpl_add_section(cal, "check");
			tpl_set_int(e, "N", (long long)i + 1);
			summary_of(s, e, WB_OBJECTIVES, it, "text");
			summary_of(s, e, WB_OBJECTIVES, it, "indicator");
			summary_of(s, e, WB_OBJECTIVES, it, "target");
			summary_of(s, e, WB_OBJECTIVES, it, "due");
			if (rv != NULL)
				summary_of(s, e, WB_EVALUATION, rv,
				    "reviewed_on");
			n++;
		}
		if (rv == NULL)
			continue;
		/* A review with nothing written is not shown. */
		if (summary_count_rows(s, WB_EVALUATION, rv, fields) == 0)
			continue;
		e = tpl_add_section(d, "review");
		tpl_set_int(e, "N", (long long)i + 1);
		summary_of(s, e, WB_OBJECTIVES, it, "text");
		summary_of(s, e, WB_EVALUATION, rv, "reviewed_on");
		summary_rows(s, e, WB_EVALUATION, rv, fields);
		n++;
	}
	return n;
}

/* 14. Event campaigns: before, during and after each event. */
static int
summary_events(struct summary *s, struct tpl_dict *d)
{
	const struct wb_data *data = &s->p->s[WB_EVENTS];
	struct tpl_dict *e, *chips;
	size_t i;
	int n = 0;

	for (i = 0; i < data->lists[0].n; i++) {
		const struct wb_item *it = &data->lists[0].items[i];
		const char *pf = wb_item_value(data, 0, it, "platforms");
		int stages;

		e = tpl_add_section(d, "event");
		tpl_set_int(e, "N", (long long)i + 1);
		summary_of(s, e, WB_EVENTS, it, "name");
		summary_of(s, e, WB_EVENTS, it, "date");
		stages = summary_of(s, e, WB_EVENTS, it, "before");
		stages += summary_of(s, e, WB_EVENTS, it, "during");
		stages += summary_of(s, e, WB_EVENTS, it, "after");
		if (stages > 0)
			tpl_show(e, "stages");
		if (pf[0] != '\0') {
			chips = tpl_add_section(e, "on_platforms");
			summary_choices(s, chips, "platform",
			    summary_def(WB_EVENTS, 0, "platforms"), pf);
		}
		summary_of(s, e, WB_EVENTS, it, "notes");
		n++;
	}
	return n;
}

/* One function per section, in the order of enum wb_section. */
static int (*const summary_parts[WB__MAX])(struct summary *,
    struct tpl_dict *) = {
	[WB_START] = summary_start,
	[WB_ACCOUNTS] = summary_accounts,
	[WB_MISSION] = summary_mission,
	[WB_OBJECTIVES] = summary_objectives,
	[WB_STORY] = summary_story,
	[WB_TONE] = summary_tone,
	[WB_AUDIENCES] = summary_audiences,
	[WB_PLATFORMS] = summary_platforms,
	[WB_RESOURCES] = summary_resources,
	[WB_PRACTICES] = summary_practices,
	[WB_POSTS] = summary_posts,
	[WB_TEAM] = summary_team,
	[WB_EVALUATION] = summary_evaluation,
	[WB_EVENTS] = summary_events,
};

/*
 * Returns non-zero when the part of section sec would show something.
 * The event campaigns show one entry per event; any other section is
 * filled into a dictionary thrown away, to count.
 */
static int
summary_anything(struct summary *s, int sec)
{
	struct tpl_dict *tmp;
	int shown;

	if (sec == WB_EVENTS)
		return s->p->s[WB_EVENTS].lists[0].n > 0;
	if ((tmp = tpl_dict_new()) == NULL)
		return 0;
	shown = summary_parts[sec](s, tmp);
	tpl_dict_free(tmp);
	return shown > 0;
}

/*
 * Fills d with the whole document; page says whether it is the page (with
 * its links to the downloads) or a downloaded file.  Returns RT_OK or
 * RT_ENOMEM (a failed allocation inside the dictionary shows at expansion).
 */
static int
summary_fill_as(struct req *r, struct tpl_dict *d, const struct wb_plan *p,
    int page)
{
	struct summary s = { r, p, NULL };
	struct pitfall *pits;
	struct coach_progress prog;
	struct tpl_dict *part, *toc, *e, *list;
	char date[64], initial[8];
	size_t i, n;

	if ((s.buf = malloc(SUMMARY_BUF)) == NULL)
		return RT_ENOMEM;
	tpl_set(d, "ORG_NAME", r->org_name);
	summary_initial(r->org_name, initial);
	tpl_set(d, "ORG_INITIAL", initial);
	i18n_format_date(r->lang, r->now, date, sizeof date);
	tpl_set(d, "TODAY", date);
	coach_progress(p, &prog);
	tpl_set_int(d, "OVERALL", prog.overall);
	if (page) {
		char base[AUTH_TOKEN_LEN + 32];

		if (r->shared)
			snprintf(base, sizeof base, "/s/%s", r->token);
		else
			snprintf(base, sizeof base, "/o/%lld",
			    (long long)r->org_id);
		tpl_set(tpl_add_section(d, "downloads"), "DOWNLOADS", base);
	} else
		tpl_show(d, "file");
	toc = tpl_add_section(d, "toc");
	for (i = 0; i < WB__MAX; i++) {
		int shown;

		/* An optional section with nothing in it is left out. */
		if (wb_sections[i].optional && !summary_anything(&s, (int)i))
			continue;
		part = tpl_add_section(d, wb_sections[i].slug);
		tpl_set_int(part, "NUM", (long long)i + 1);
		tpl_set(part, "TITLE", T(r, wb_sections[i].title));
		tpl_set(part, "SLUG", wb_sections[i].slug);
		shown = summary_parts[i](&s, part);
		if (shown == 0)
			tpl_show(part, "todo");
		e = tpl_add_section(toc, "entry");
		tpl_set_int(e, "NUM", (long long)i + 1);
		tpl_set(e, "TITLE", T(r, wb_sections[i].title));
		tpl_set(e, "SLUG", wb_sections[i].slug);
		if (shown == 0)
			tpl_show(e, "todo");
	}
	free(s.buf);

	if ((pits = calloc(SUMMARY_PITFALLS, sizeof *pits)) == NULL)
		return RT_ENOMEM;
	n = coach_pitfalls(p, pits, SUMMARY_PITFALLS);
	if (n > 0) {
		list = tpl_add_section(d, "pitfalls");
		tpl_set_int(list, "PITFALL_COUNT", (long long)n);
		for (i = 0; i < n && i < SUMMARY_PITFALLS; i++)
			widget_pitfall(r, list, &pits[i]);
		tpl_show(toc, "toc_pitfalls");
	}
	free(pits);
	return RT_OK;
}

int
summary_fill(struct req *r, struct tpl_dict *d, const struct wb_plan *p)
{
	return summary_fill_as(r, d, p, 1);
}

int
summary_fill_download(struct req *r, struct tpl_dict *d,
    const struct wb_plan *p)
{
	return summary_fill_as(r, d, p, 0);
}

int
summary_get(struct req *r)
{
	struct wb_plan p;
	struct tpl_dict *layout, *d;
	char date[64];
	char base[AUTH_TOKEN_LEN + 32];
	int rc;

	memset(&p, 0, sizeof p);
	/* A trainer's view goes on with their visit; a failure is logged. */
	(void)comments_visit(r, NULL);
	/* The page only shows the plan: its documents are read as stored. */
	if ((rc = plan_load_view(r->h, r->org_id, PLAN_ALL_SECTIONS, 0, &p,
	    NULL)) != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "summary.tpl",
	    N_("Strategy summary"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	i18n_format_date(r->lang, r->now, date, sizeof date);
	tpl_set(d, "TODAY", date);
	if (r->shared) {
		snprintf(base, sizeof base, "/s/%s", r->token);
		tpl_show(d, "shared");
	} else {
		snprintf(base, sizeof base, "/o/%lld", (long long)r->org_id);
		/* Share links are the members' (a trainer would get 403). */
		if (r->role != ORG_ROLE_TRAINER)
			tpl_show(d, "share_panel");
	}
	tpl_set(d, "DOWNLOADS", base);
	if ((rc = summary_fill(r, d, &p)) != RT_OK) {
		tpl_dict_free(layout);
		goto out;
	}
	rc = page_finish(r, layout, 200);
out:
	wb_plan_free(&p);
	return rc;
}
