/*
 * cohort.c: "/c/<id>", a trainer's dashboard of one cohort, its CSV file
 * and the cohort's debrief.
 *
 * GET /c/<id>?sort=&dir=&only= (trainers of the cohort): 200, the cohort
 * (name, dates, state, join code) and one row per organisation: overall
 * progress, a grid of the sections, open pitfalls, last activity, comment
 * threads awaiting an answer on each side, "changed since your last
 * visit", the demonstration badge.  sort is name, overall, pitfalls,
 * activity, replies or a section's slug, dir asc or desc; only=<slug>
 * keeps the groups that have not finished that section.  A value that
 * means nothing falls back to the default (by name, every group) rather
 * than failing.  An empty cohort says so and shows its code.
 * GET /c/<id>/dashboard.csv (same parameters): 200, the same rows as a
 * CSV file (dashboard_csv()), text/csv, named after the cohort and the day.
 * GET /c/<id>/debrief (trainers of the cohort): 200, the debrief's
 * figures over every organisation but the demonstration, made to print.
 *
 * Whoever is no trainer of the cohort gets 404 from the dispatcher; a
 * cohort deleted in between gets 404 here.
 */
#include <stdio.h>
#include <string.h>

#include "cgi.h"
#include "coach.h"
#include "cohort.h"
#include "dashboard.h"
#include "display.h"
#include "platform.h"

/* Percent levels of the section grid: 0, under a third, under two thirds, under 100, 100. */
static int
cohort_level(int percent)
{
	if (percent <= 0)
		return 0;
	if (percent < 34)
		return 1;
	if (percent < 67)
		return 2;
	if (percent < 100)
		return 3;
	return 4;
}

/*
 * Sets the cohort's part of a page into d: its id, name, dates, state and
 * join code as shown and read aloud.
 */
static void
cohort_fill_header(struct req *r, struct tpl_dict *d, const struct cohort *c)
{
	char	 start[64], end[64], code[COHORT_CODE_LEN + 2];
	struct tpl_dict *s;

	tpl_set_int(d, "COHORT_ID", c->id);
	tpl_set(d, "COHORT_NAME", c->name);
	if (strlen(c->code) == COHORT_CODE_LEN) {
		cohort_code_format(c->code, code);
		tpl_set(d, "CODE", code);
	} else
		tpl_set(d, "CODE", c->code);
	i18n_format_iso_date(r->lang, c->starts_on, start, sizeof start);
	i18n_format_iso_date(r->lang, c->ends_on, end, sizeof end);
	if (c->starts_on[0] != '\0' && c->ends_on[0] != '\0')
		s = tpl_add_section(d, "dates_both");
	else if (c->starts_on[0] != '\0')
		s = tpl_add_section(d, "date_start");
	else if (c->ends_on[0] != '\0')
		s = tpl_add_section(d, "date_end");
	else
		s = NULL;
	tpl_set(s, "START", start);
	tpl_set(s, "END", end);
	switch (c->state) {
	case COHORT_CLOSED:
		tpl_show(d, "state_closed");
		break;
	case COHORT_ARCHIVED:
		tpl_show(d, "state_archived");
		break;
	default:
		tpl_show(d, "state_open");
		break;
	}
}

/* What the page was asked for: its order and its filter. */
struct cohort_view {
	struct dashboard_order order;
	int                    only;   /* the section of ?only=, or -1 */
};

/* Reads ?sort, ?dir and ?only; what means nothing gives the default. */
static void
cohort_view_read(struct req *r, struct cohort_view *v)
{
	const char *only = kvlist_get(&r->query, "only");

	dashboard_order_parse(kvlist_get(&r->query, "sort"),
	    kvlist_get(&r->query, "dir"), &v->order);
	v->only = only != NULL ? wb_section_by_slug(only) : -1;
}

/*
 * Loads the dashboard of the request's cohort for the person asking, with
 * v's filter and order.  *total is the number of organisations before
 * the filter.  Returns RT_OK, RT_ENOTFOUND, or an error status; d is the
 * caller's to free either way.
 */
static int
cohort_dashboard(struct req *r, const struct cohort_view *v,
    struct dashboard *d, size_t *total)
{
	int	 rc;

	if ((rc = dashboard_load(r->h, r->item_id, r->sess.user_id, d)) !=
	    RT_OK)
		return rc;
	*total = d->n;
	if (v->only >= 0)
		dashboard_filter(d, v->only);
	return dashboard_sort(d, &v->order);
}

/*
 * Writes into out the address of the dashboard (or, with path_suffix,
 * of its CSV file) in the order key/section/desc and v's filter.
 */
static void
cohort_href(struct req *r, const struct cohort_view *v,
    const char *path_suffix, int key, int section, int desc, char *out,
    size_t outlen)
{
	snprintf(out, outlen, "/c/%lld%s?sort=%s&dir=%s%s%s",
	    (long long)r->item_id, path_suffix,
	    dashboard_order_name(key, section), desc ? "desc" : "asc",
	    v->only >= 0 ? "&only=" : "",
	    v->only >= 0 ? wb_sections[v->only].slug : "");
}

/*
 * Fills the sort link of one column header (dictionary h): the address
 * that sorts by the column (the other way round when the page is already
 * sorted by it) and, on the current column, its aria-sort.
 */
static void
cohort_sort_head(struct req *r, struct tpl_dict *h,
    const struct cohort_view *v, int key, int section)
{
	const struct dashboard_order *o = &v->order;
	char	 href[160];
	int	 current, desc;

	current = o->key == key && (key != DASH_BY_SECTION ||
	    o->section == section);
	desc = current ? !o->desc : dashboard_order_default_desc(key);
	cohort_href(r, v, "", key, section, desc, href, sizeof href);
	tpl_set(h, "HREF", href);
	if (current)
		tpl_show(h, o->desc ? "sorted_desc" : "sorted_asc");
}

/* Fills one row of the table (dictionary s) from row. */
static void
cohort_fill_row(struct req *r, struct tpl_dict *s,
    const struct dashboard_row *row)
{
	struct tpl_dict	*c;
	char		 date[64];
	int		 i;

	tpl_set_int(s, "ORG_ID", row->org_id);
	tpl_set(s, "NAME", row->name);
	if (row->demo)
		tpl_show(s, "demo");
	if (row->changed)
		tpl_show(s, "changed");
	tpl_set_int(s, "OVERALL", row->overall);
	for (i = 0; i < WB__MAX; i++) {
		c = tpl_add_section(s, "cell");
		tpl_set_int(c, "PERCENT", row->percent[i]);
		tpl_set_int(c, "LEVEL", cohort_level(row->percent[i]));
	}
	page_set_number(r, s, "PITFALLS", row->pitfalls);
	if (row->last_activity > 0) {
		i18n_format_date(r->lang, row->last_activity, date,
		    sizeof date);
		tpl_set(tpl_add_section(s, "active"), "DATE", date);
	} else
		tpl_show(s, "never");
	if (row->awaiting_trainer > 0)
		page_set_number(r, tpl_add_section(s, "await_trainer"), "N",
		    row->awaiting_trainer);
	if (row->awaiting_group > 0)
		page_set_number(r, tpl_add_section(s, "await_group"), "N",
		    row->awaiting_group);
	if (row->awaiting_trainer == 0 && row->awaiting_group == 0)
		tpl_show(s, "no_await");
}

/* Fills the table, its headers, its filter and its legend into d. */
static void
cohort_fill_table(struct req *r, struct tpl_dict *d,
    const struct dashboard *dash, const struct cohort_view *v, size_t total)
{
	static const struct {
		const char *name;     /* the header's dictionary */
		int         key;
	} heads[] = {
		{ "head_name", DASH_BY_NAME },
		{ "head_overall", DASH_BY_OVERALL },
		{ "head_pitfalls", DASH_BY_PITFALLS },
		{ "head_activity", DASH_BY_ACTIVITY },
		{ "head_replies", DASH_BY_REPLIES },
	};
	struct tpl_dict	*t, *s;
	char		 href[160];
	size_t		 i;
	int		 k;

	t = tpl_add_section(d, "table");
	page_set_number(r, t, "SHOWN", (long long)dash->n);
	page_set_number(r, t, "TOTAL", (long long)total);
	for (i = 0; i < sizeof heads / sizeof heads[0]; i++)
		cohort_sort_head(r, tpl_add_section(t, heads[i].name), v,
		    heads[i].key, 0);
	for (k = 0; k < WB__MAX; k++) {
		s = tpl_add_section(t, "head_section");
		tpl_set_int(s, "NUMBER", k + 1);
		tpl_set(s, "TITLE", T(r, wb_sections[k].title));
		cohort_sort_head(r, s, v, DASH_BY_SECTION, k);
		s = tpl_add_section(t, "legend_section");
		tpl_set_int(s, "NUMBER", k + 1);
		tpl_set(s, "TITLE", T(r, wb_sections[k].title));
		s = tpl_add_section(t, "only_option");
		tpl_set(s, "SLUG", wb_sections[k].slug);
		tpl_set_int(s, "NUMBER", k + 1);
		tpl_set(s, "TITLE", T(r, wb_sections[k].title));
		if (v->only == k)
			tpl_show(s, "selected");
	}
	tpl_set(t, "SORT", dashboard_order_name(v->order.key,
	    v->order.section));
	tpl_set(t, "DIR", v->order.desc ? "desc" : "asc");
	if (v->only >= 0) {
		s = tpl_add_section(t, "filtered");
		tpl_set(s, "ONLY_TITLE", T(r, wb_sections[v->only].title));
		/* The same order, every group. */
		snprintf(href, sizeof href, "/c/%lld?sort=%s&dir=%s",
		    (long long)r->item_id, dashboard_order_name(v->order.key,
		    v->order.section), v->order.desc ? "desc" : "asc");
		tpl_set(s, "ALL_HREF", href);
		if (dash->n == 0)
			tpl_show(t, "all_done");
	}
	cohort_href(r, v, "/dashboard.csv", v->order.key, v->order.section,
	    v->order.desc, href, sizeof href);
	tpl_set(d, "CSV_HREF", href);
	if (dash->n > 0) {
		s = tpl_add_section(t, "rows");
		for (i = 0; i < dash->n; i++)
			cohort_fill_row(r, tpl_add_section(s, "row"),
			    &dash->rows[i]);
	}
}

int
cohort_get(struct req *r)
{
	struct dashboard dash;
	struct cohort_view v;
	struct tpl_dict *layout, *d;
	char title[AUTH_NAME_MAX + 64], href[160];
	size_t total = 0;
	int rc;

	memset(&dash, 0, sizeof dash);
	cohort_view_read(r, &v);
	rc = cohort_dashboard(r, &v, &dash, &total);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This page does not exist."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	if ((d = page_begin(r, &layout, "cohort.tpl",
	    N_("Cohort dashboard"))) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	snprintf(title, sizeof title, "%s \xE2\x80\x94 %s", dash.cohort.name,
	    T(r, N_("Cohort dashboard")));
	tpl_set(layout, "TITLE", title);
	cohort_fill_header(r, d, &dash.cohort);
	if (total == 0) {
		tpl_show(d, "empty");
		snprintf(href, sizeof href, "/c/%lld/dashboard.csv",
		    (long long)r->item_id);
		tpl_set(d, "CSV_HREF", href);
	} else
		cohort_fill_table(r, d, &dash, &v, total);
	rc = page_finish(r, layout, 200);
out:
	dashboard_free(&dash);
	return rc;
}

int
cohort_csv_get(struct req *r)
{
	struct dashboard dash;
	struct cohort_view v;
	size_t total = 0;
	int rc;

	memset(&dash, 0, sizeof dash);
	cohort_view_read(r, &v);
	rc = cohort_dashboard(r, &v, &dash, &total);
	if (rc == RT_ENOTFOUND) {
		rc = page_error(r, 404, N_("This page does not exist."));
		goto out;
	}
	if (rc != RT_OK)
		goto out;
	buf_reset(&r->resp.body);
	if ((rc = dashboard_csv(&dash, r->app->i18n, r->lang,
	    &r->resp.body)) != RT_OK)
		goto out;
	/* TRANSLATORS: the start of a downloaded file's name; letters only. */
	if ((rc = page_download_name_as(r, T(r, N_("cohort")),
	    dash.cohort.name, "csv")) != RT_OK)
		goto out;
	snprintf(r->resp.content_type, sizeof r->resp.content_type, "%s",
	    "text/csv; charset=utf-8");
	r->resp.status = 200;
out:
	dashboard_free(&dash);
	return rc;
}

/* The geometry of the debrief's bar chart, in SVG user units. */
enum {
	DEBRIEF_LABEL_W = 120,
	DEBRIEF_BAR_W = 380,
	DEBRIEF_VALUE_W = 60,
	DEBRIEF_ROW_H = 28
};

/*
 * Fills the platforms of the debrief: a bar per platform chosen by at
 * least one group, longest for the most chosen, with the count and the
 * share of the groups also as text.
 */
static void
debrief_fill_platforms(struct req *r, struct tpl_dict *d,
    const struct debrief *db)
{
	struct tpl_dict	*p, *b;
	char		 geo[32];
	size_t		 i, n = 0, most;
	double		 w;

	most = db->platforms[0].groups;
	if (most == 0) {
		tpl_show(d, "no_platforms");
		return;
	}
	p = tpl_add_section(d, "platforms");
	for (i = 0; i < PF__MAX && db->platforms[i].groups > 0; i++) {
		b = tpl_add_section(p, "bar");
		tpl_set(b, "NAME", platforms[db->platforms[i].platform].name);
		page_set_number(r, b, "COUNT",
		    (long long)db->platforms[i].groups);
		tpl_set_int(b, "SHARE", (long long)((db->platforms[i].groups *
		    100 + db->groups / 2) / db->groups));
		tpl_set_int(b, "Y", (long long)i * DEBRIEF_ROW_H);
		w = (double)db->platforms[i].groups / (double)most *
		    DEBRIEF_BAR_W;
		snprintf(geo, sizeof geo, "%.1f", w);
		tpl_set(b, "W", geo);
		snprintf(geo, sizeof geo, "%.1f", DEBRIEF_LABEL_W + w + 6);
		tpl_set(b, "TX", geo);
		n++;
	}
	tpl_set_int(p, "X0", DEBRIEF_LABEL_W);
	tpl_set_int(p, "VIEW_W", DEBRIEF_LABEL_W + DEBRIEF_BAR_W +
	    DEBRIEF_VALUE_W);
	tpl_set_int(p, "VIEW_H", (long long)n * DEBRIEF_ROW_H + 4);
}

/* Fills the hours of the debrief: the four cases and the two medians. */
static void
debrief_fill_hours(struct req *r, struct tpl_dict *d,
    const struct debrief *db)
{
	static const char *const keys[DEBRIEF_HOURS__MAX] = {
		[DEBRIEF_HOURS_WITHIN] = "h_within",
		[DEBRIEF_HOURS_OVER_25] = "h_over25",
		[DEBRIEF_HOURS_OVER_MORE] = "h_overmore",
		[DEBRIEF_HOURS_UNKNOWN] = "h_unknown",
	};
	struct tpl_dict	*s;
	char		 num[32];
	int		 i;

	for (i = 0; i < DEBRIEF_HOURS__MAX; i++) {
		s = tpl_add_section(d, keys[i]);
		page_set_number(r, s, "N", (long long)db->hours[i]);
		tpl_set_int(s, "SHARE", (long long)((db->hours[i] * 100 +
		    db->groups / 2) / db->groups));
	}
	if (db->planned_groups > 0) {
		s = tpl_add_section(d, "median_planned");
		display_hours(r->lang, db->median_planned, num, sizeof num);
		tpl_set(s, "HOURS", num);
		page_set_number(r, s, "N", (long long)db->planned_groups);
	}
	if (db->available_groups > 0) {
		s = tpl_add_section(d, "median_available");
		display_hours(r->lang, db->median_available, num, sizeof num);
		tpl_set(s, "HOURS", num);
		page_set_number(r, s, "N", (long long)db->available_groups);
	}
}

/* Fills the pitfalls and the kinds of objectives of the debrief. */
static void
debrief_fill_lists(struct req *r, struct tpl_dict *d,
    const struct debrief *db)
{
	struct tpl_dict	*l, *s;
	size_t		 i;

	if (db->pitfalls[0].plans == 0)
		tpl_show(d, "no_pitfalls");
	else {
		l = tpl_add_section(d, "pitfalls");
		for (i = 0; i < PIT__MAX && db->pitfalls[i].plans > 0; i++) {
			s = tpl_add_section(l, "pitfall");
			tpl_set(s, "TITLE", T(r,
			    pitfall_titles[db->pitfalls[i].pitfall]));
			tpl_set(s, "TEXT", T(r,
			    pitfall_explanations[db->pitfalls[i].pitfall]));
			page_set_number(r, s, "PLANS",
			    (long long)db->pitfalls[i].plans);
			page_set_number(r, s, "GROUPS", (long long)db->groups);
		}
	}
	if (db->objectives == 0) {
		tpl_show(d, "no_objectives");
		return;
	}
	l = tpl_add_section(d, "kinds");
	page_set_number(r, l, "TOTAL", (long long)db->objectives);
	for (i = 0; i < WB_OBJECTIVE_KINDS && db->kinds[i].objectives > 0;
	    i++) {
		s = tpl_add_section(l, "kind");
		tpl_set(s, "LABEL", T(r,
		    wb_objective_kind_labels[db->kinds[i].kind]));
		page_set_number(r, s, "COUNT",
		    (long long)db->kinds[i].objectives);
	}
	if (db->kind_unset > 0)
		page_set_number(r, tpl_add_section(l, "unset"), "COUNT",
		    (long long)db->kind_unset);
}

int
cohort_debrief_get(struct req *r)
{
	struct debrief db;
	struct tpl_dict *layout, *d, *f;
	char title[AUTH_NAME_MAX + 64], date[64];
	int rc;

	rc = debrief_load(r->h, r->item_id, &db);
	if (rc == RT_ENOTFOUND)
		return page_error(r, 404, N_("This page does not exist."));
	if (rc != RT_OK)
		return rc;
	if ((d = page_begin(r, &layout, "debrief.tpl",
	    N_("Cohort debrief"))) == NULL)
		return RT_ENOMEM;
	snprintf(title, sizeof title, "%s \xE2\x80\x94 %s", db.cohort.name,
	    T(r, N_("Cohort debrief")));
	tpl_set(layout, "TITLE", title);
	cohort_fill_header(r, d, &db.cohort);
	i18n_format_date(r->lang, r->now, date, sizeof date);
	tpl_set(d, "TODAY", date);
	page_set_number(r, d, "GROUPS", (long long)db.groups);
	if (db.demo_orgs > 0)
		tpl_show(d, "demo_left_out");
	if (db.groups == 0)
		tpl_show(d, "empty");
	else {
		f = tpl_add_section(d, "figures");
		page_set_number(r, f, "GROUPS", (long long)db.groups);
		debrief_fill_platforms(r, f, &db);
		debrief_fill_hours(r, f, &db);
		debrief_fill_lists(r, f, &db);
	}
	return page_finish(r, layout, 200);
}
