/*
 * widget.c: the workbook's fields as form controls and as read-only text.
 *
 * Every field of every section reaches a page through these functions, so
 * a field declared in lib/workbook.c needs no markup of its own: its
 * widget (enum wb_widget) says which part of templates/field.tpl shows it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "charcount.h"
#include "display.h"
#include "coach.h"
#include "platform.h"
#include "workbook.h"

/* Adds the options of a menu or of checkboxes over the declared choices. */
static void
widget_choices(struct req *r, struct tpl_dict *d, const struct wb_field *f,
    const char *value, int multi)
{
	struct tpl_dict *o;
	size_t i;

	for (i = 0; f->def.choices != NULL && f->def.choices[i] != NULL; i++) {
		o = tpl_add_section(d, "option");
		tpl_set(o, "VALUE", f->def.choices[i]);
		tpl_set(o, "LABEL", f->choice_labels != NULL ?
		    T(r, f->choice_labels[i]) : f->def.choices[i]);
		tpl_set_int(o, "N", (long long)i + 1);
		if (multi ? display_listed(value, f->def.choices[i]) :
		    strcmp(value, f->def.choices[i]) == 0)
			tpl_show(o, multi ? "checked" : "selected");
	}
}

/* Adds the options of a menu or of checkboxes over another list's items. */
static void
widget_refs(struct req *r, struct tpl_dict *d, const struct wb_field *f,
    const char *value, const struct wb_plan *p, int multi)
{
	const struct wb_list *l = NULL;
	const struct wb_list_data *items = display_ref_items(f, p, &l);
	struct tpl_dict *o;
	char title[256];
	size_t i;

	if (items == NULL || items->n == 0) {
		char href[64];

		/* Says which section to fill, with a link to it. */
		if (f->ref_section < 0 || f->ref_section >= WB__MAX)
			return;
		o = tpl_add_section(d, "none");
		snprintf(href, sizeof href, "/o/%lld/%s", (long long)r->org_id,
		    wb_sections[f->ref_section].slug);
		tpl_set(o, "REF_HREF", href);
		tpl_set(o, "REF_TITLE",
		    T(r, wb_sections[f->ref_section].title));
		return;
	}
	for (i = 0; i < items->n; i++) {
		display_item_title(r->app->i18n, r->lang, l, i, &items->items[i], title, sizeof title);
		o = tpl_add_section(d, "option");
		tpl_set(o, "VALUE", items->items[i].id);
		tpl_set(o, "LABEL", title);
		tpl_set_int(o, "N", (long long)i + 1);
		if (multi ? display_listed(value, items->items[i].id) :
		    strcmp(value, items->items[i].id) == 0)
			tpl_show(o, multi ? "checked" : "selected");
	}
}

void
widget_input(struct req *r, struct tpl_dict *d, const struct wb_field *f,
    const char *id, const char *name, const char *value, int error,
    const struct wb_plan *p, int platform, const char *hashtags)
{
	struct tpl_dict *fd, *w, *g;
	char msg[256], describedby[200] = "";
	int grouped = f->widget == WB_SCALE || f->widget == WB_CHECKS ||
	    f->widget == WB_REFS;

	fd = page_include(r, tpl_add_section(d, "field"), "FIELD", "field.tpl");
	if (fd == NULL)
		return;
	tpl_set(fd, "ID", id);
	tpl_set(fd, "NAME", name);
	tpl_set(fd, "VALUE", value);
	tpl_set(fd, "LABEL", T(r, f->def.label));
	if (f->def.max > 0) {
		tpl_set_int(fd, "MAX", f->def.max);
		tpl_show(fd, "has_max");
	}
	if (f->hint != NULL) {
		tpl_set(tpl_add_section(fd, "hint"), "HINT", T(r, f->hint));
		snprintf(describedby, sizeof describedby, "h-%s", id);
	}
	if (error != FIELD_OK) {
		page_field_message(r, &f->def, error, msg, sizeof msg);
		tpl_set(tpl_add_section(fd, "error"), "MESSAGE", msg);
		tpl_show(fd, "invalid");
		snprintf(describedby + strlen(describedby),
		    sizeof describedby - strlen(describedby), "%se-%s",
		    describedby[0] ? " " : "", id);
	}
	if (describedby[0] != '\0')
		tpl_set(tpl_add_section(fd, "described"), "DESCRIBEDBY",
		    describedby);
	if (f->def.required)
		tpl_show(fd, "required");

	if (grouped) {
		g = tpl_add_section(fd, "w_group");
		if (f->widget == WB_SCALE) {
			struct tpl_dict *o;
			int v;

			w = tpl_add_section(g, "scale");
			tpl_set(w, "LEFT", T(r, f->choice_labels[0]));
			tpl_set(w, "RIGHT", T(r, f->choice_labels[1]));
			for (v = 1; v <= 5; v++) {
				o = tpl_add_section(w, "option");
				tpl_set_int(o, "VALUE", v);
				if (value[0] == '0' + v && value[1] == '\0')
					tpl_show(o, "checked");
			}
		} else if (f->widget == WB_CHECKS) {
			widget_choices(r, tpl_add_section(g, "checks"), f, value, 1);
		} else
			widget_refs(r, tpl_add_section(g, "checks"), f, value, p, 1);
		return;
	}
	if (f->widget == WB_CHECKBOX) {
		/* The label follows the box, so it is not "labelled" above it. */
		w = tpl_add_section(fd, "w_checkbox");
		if (strcmp(value, "1") == 0)
			tpl_show(w, "checked");
		return;
	}
	tpl_show(fd, "labelled");
	switch (f->widget) {
	case WB_TEXT:
		tpl_show(fd, "w_text");
		break;
	case WB_NUMBER:
		w = tpl_add_section(fd, "w_number");
		tpl_set(w, "INPUTMODE", f->def.kind == FIELD_INT ? "numeric" :
		    "decimal");
		if (f->def.kind == FIELD_DECIMAL) {
			char shown[64];

			display_decimal(r->lang, value, shown, sizeof shown);
			tpl_set(w, "VALUE", shown);
		}
		break;
	case WB_DATE:
		/*
		 * A date input cannot show an impossible date such as
		 * 2026-02-30: after an error the person sees what they typed
		 * in a text field instead of an empty box.
		 */
		tpl_show(fd, error != FIELD_OK ? "w_line" : "w_date");
		break;
	case WB_SELECT:
		w = tpl_add_section(fd, "w_select");
		if (!f->def.required || value[0] == '\0')
			tpl_show(w, "blank");
		widget_choices(r, w, f, value, 0);
		break;
	case WB_REF:
		w = tpl_add_section(fd, "w_select");
		tpl_show(w, "blank");
		widget_refs(r, w, f, value, p, 0);
		break;
	case WB_COUNTED: {
		struct charcount cc;
		const char *pkey = platform >= 0 && platform < PF__MAX ?
		    platforms[platform].key : "";

		w = tpl_add_section(fd, "w_counted");
		charcount_measure(platform, value, strlen(value), hashtags, &cc);
		tpl_set(w, "PLATFORM", pkey);
		/*
		 * The counter's text is read: "63 206" in French.  MAX, in
		 * maxlength and data-count-max, stays digits for the browser
		 * and static/app.js, which groups them as i18n_format_int().
		 */
		page_set_number(r, w, "COUNT", (long long)cc.count);
		if (platform < 0)
			cc.limit = f->def.max > 0 ? (size_t)f->def.max : 0;
		if (cc.limit > 0)
			page_set_number(r, tpl_add_section(w, "limit"), "LIMIT",
			    (long long)cc.limit);
		else
			tpl_show(w, "nolimit");
		if (cc.limit > 0 && cc.count > cc.limit)
			tpl_show(w, "over");
		if (cc.too_many_hashtags)
			page_set_number(r, tpl_add_section(w, "hashtags_over"),
			    "HASHTAG_LIMIT", (long long)cc.hashtag_limit);
		if (cc.long_text)
			tpl_show(w, "long_text");
		break;
	}
	case WB_LINE:
	default:
		tpl_show(fd, "w_line");
		break;
	}
}

/*
 * Adds one {{#row}} (label, value) to d for each answered field of
 * fields[0..n) with the values given; returns how many were added.
 */
static int
widget_rows(struct req *r, struct tpl_dict *d, const struct wb_field *fields,
    size_t n, char *const *values, const struct wb_plan *p)
{
	char *text;
	size_t i;
	int added = 0;

	if ((text = malloc(16384)) == NULL)
		return 0;
	for (i = 0; i < n; i++) {
		struct tpl_dict *row;

		display_text(r->app->i18n, r->lang, &fields[i], values[i], p, text, 16384);
		if (text[0] == '\0')
			continue;
		row = tpl_add_section(d, "row");
		tpl_set(row, "LABEL", T(r, fields[i].def.label));
		tpl_set(row, "VALUE", text);
		tpl_set(row, "KEY", fields[i].def.name);
		added++;
	}
	free(text);
	return added;
}

int
widget_show_section(struct req *r, struct tpl_dict *d,
    const struct wb_data *data, const struct wb_plan *p)
{
	const struct wb_section_def *s = &wb_sections[data->section];
	struct tpl_dict *show, *fd, *ld, *id;
	char title[256];
	size_t l, i;
	int shown = 0;

	show = page_include(r, tpl_add_section(d, "show"), "SHOW", "show.tpl");
	if (show == NULL)
		return 0;
	if (s->nfields > 0) {
		fd = tpl_add_section(show, "fields");
		shown += widget_rows(r, fd, s->fields, s->nfields,
		    data->values, p);
	}
	for (l = 0; l < s->nlists; l++) {
		const struct wb_list *ldef = &s->lists[l];
		const struct wb_list_data *items = &data->lists[l];

		ld = tpl_add_section(show, "list");
		tpl_set(ld, "LIST", ldef->name);
		for (i = 0; i < items->n; i++) {
			struct tpl_dict *tmp = tpl_dict_new();
			int rows;

			/* An item with nothing answered is not shown. */
			rows = tmp ? widget_rows(r, tmp, ldef->fields,
			    ldef->nfields, items->items[i].values, p) : 0;
			tpl_dict_free(tmp);
			if (rows == 0)
				continue;
			id = tpl_add_section(ld, "item");
			display_item_title(r->app->i18n, r->lang, ldef, i, &items->items[i], title,
			    sizeof title);
			tpl_set(id, "ITEM_TITLE", title);
			tpl_set(id, "ITEM_ID", items->items[i].id);
			widget_rows(r, id, ldef->fields, ldef->nfields,
			    items->items[i].values, p);
			shown++;
		}
	}
	if (shown == 0)
		tpl_show(show, "empty");
	return shown;
}

void
widget_pitfall(struct req *r, struct tpl_dict *list, const struct pitfall *pit)
{
	struct tpl_dict *e = tpl_add_section(list, "pitfall");
	char a[32], b[32];

	tpl_set(e, "PIT_TITLE", T(r, pitfall_titles[pit->id]));
	tpl_set(e, "PIT_TEXT", T(r, pitfall_explanations[pit->id]));
	tpl_set(e, "PIT_SLUG", wb_sections[pit->section].slug);
	tpl_set(e, "PIT_SECTION", T(r, wb_sections[pit->section].title));
	if (pit->subject[0] != '\0')
		tpl_set(tpl_add_section(e, "subject"), "SUBJECT", pit->subject);
	if (pit->id == PIT_HOURS_OVER || pit->id == PIT_TOO_MANY_PLATFORMS) {
		struct tpl_dict *n;

		if (pit->available <= 0 && pit->planned <= 0)
			return;
		n = tpl_add_section(e, "numbers");
		display_hours(r->lang, pit->planned, a, sizeof a);
		display_hours(r->lang, pit->available, b, sizeof b);
		tpl_set(n, "PLANNED", a);
		tpl_set(n, "AVAILABLE", b);
	}
}

/*
 * The time budget as a bar chart: one bar per chosen platform (hours
 * planned, over the band of hours the platform usually takes), then the
 * total against a line at the hours available.  The geometry is computed
 * here; budget.tpl only places it.  Nothing is shown before a platform is
 * chosen or hours are given.
 */
void
widget_budget(struct req *r, struct tpl_dict *d, const struct wb_plan *p)
{
	enum { LABEL_W = 130, BAR_W = 400, ROW_H = 34, VALUE_W = 70 };
	struct coach_budget b;
	struct tpl_dict *inc, *row;
	double scale = 1;
	char num[32], num2[32], geo[32];
	size_t i;

	coach_budget(p, &b);
	if (b.n == 0 && b.available <= 0)
		return;
	inc = page_include(r, tpl_add_section(d, "budget"), "BUDGET",
	    "budget.tpl");
	if (inc == NULL)
		return;
	if (b.available > scale)
		scale = b.available;
	if (b.planned > scale)
		scale = b.planned;
	for (i = 0; i < b.n; i++)
		if (b.rows[i].reference_max > scale)
			scale = b.rows[i].reference_max;
#define PX(h) ((h) / scale * BAR_W)
	tpl_set_int(inc, "VIEW_W", LABEL_W + BAR_W + VALUE_W);
	tpl_set_int(inc, "VIEW_H", (long long)(b.n + 1) * ROW_H + 10);
	tpl_set_int(inc, "X0", LABEL_W);
	for (i = 0; i < b.n; i++) {
		row = tpl_add_section(inc, "row");
		tpl_set_int(row, "Y", (long long)i * ROW_H);
		tpl_set(row, "NAME", platforms[b.rows[i].platform].name);
		snprintf(geo, sizeof geo, "%.1f", PX(b.rows[i].planned));
		tpl_set(row, "BAR_W", geo);
		snprintf(geo, sizeof geo, "%.1f", LABEL_W +
		    PX(b.rows[i].planned) + 6);
		tpl_set(row, "TX", geo);
		display_hours(r->lang, b.rows[i].planned, num, sizeof num);
		tpl_set(row, "HOURS", num);
		page_set_number(r, row, "POSTS", b.rows[i].posts);
		if (b.rows[i].reference_max > 0) {
			struct tpl_dict *ref = tpl_add_section(row, "ref");
			double lo = b.rows[i].reference_min;
			double w = PX(b.rows[i].reference_max - lo);

			snprintf(geo, sizeof geo, "%.1f", LABEL_W + PX(lo));
			tpl_set(ref, "REF_X", geo);
			snprintf(geo, sizeof geo, "%.1f", w < 2 ? 2 : w);
			tpl_set(ref, "REF_W", geo);
			display_hours(r->lang, lo, num, sizeof num);
			display_hours(r->lang, b.rows[i].reference_max, num2,
			    sizeof num2);
			tpl_set(row, "USUAL", lo == b.rows[i].reference_max ?
			    num : num2);
			if (lo != b.rows[i].reference_max) {
				char range[80];

				snprintf(range, sizeof range,
				    "%s\xE2\x80\x93%s", num, num2);
				tpl_set(row, "USUAL", range);
			}
		} else
			tpl_set(row, "USUAL", "\xE2\x80\x94");
	}
	tpl_set_int(inc, "TOTAL_Y", (long long)b.n * ROW_H);
	snprintf(geo, sizeof geo, "%.1f", PX(b.planned));
	tpl_set(inc, "TOTAL_W", geo);
	snprintf(geo, sizeof geo, "%.1f", LABEL_W + PX(b.planned) + 6);
	tpl_set(inc, "TOTAL_TX", geo);
	display_hours(r->lang, b.planned, num, sizeof num);
	tpl_set(inc, "PLANNED", num);
	if (b.available > 0) {
		struct tpl_dict *av = tpl_add_section(inc, "avail");

		snprintf(geo, sizeof geo, "%.1f", LABEL_W + PX(b.available));
		tpl_set(av, "AV_X", geo);
		display_hours(r->lang, b.available, num, sizeof num);
		tpl_set(inc, "AVAILABLE", num);
		tpl_set(av, "AVAILABLE", num);
		if (b.planned > b.available)
			tpl_show(inc, "over");
	} else
		tpl_show(inc, "no_avail");
#undef PX
}
