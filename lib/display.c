/*
 * display.c: a plan's answers as a person reads them.
 *
 * The pages, the summary, the PDF and the Markdown export all show a
 * field's value the same way: a choice by its label, a reference by the
 * name of the item it points at, a date and a decimal as the language
 * writes them.  This is the one place that knows how.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "i18n.h"
#include "workbook.h"

void
display_decimal(enum lang lang, const char *value, char *out, size_t outlen)
{
	size_t i;

	snprintf(out, outlen, "%s", value);
	if (lang != LANG_FR)
		return;
	for (i = 0; out[i] != '\0'; i++)
		if (out[i] == '.')
			out[i] = ',';
}

/*
 * A number here is what FIELD_DECIMAL and FIELD_INT store: an optional
 * "-", one to 18 digits (so that they fit in a long long), then
 * optionally "." and digits.  Its whole part is written by
 * i18n_format_int(), so that the pages, the PDF and the Markdown group
 * digits as the character counters do; the sign is kept apart, so that
 * "-0.5" keeps it.  A number that does not fit in outlen gives "", as
 * i18n_format_int() does, rather than a number cut short.
 */
void
display_number(enum lang lang, const char *value, char *out, size_t outlen)
{
	const char	*p, *digits, *frac = NULL;
	char		 whole[48];
	long long	 n = 0;
	size_t		 nd;
	int		 len;

	if (out == NULL || outlen == 0)
		return;
	if (value == NULL) {
		out[0] = '\0';
		return;
	}
	p = value[0] == '-' ? value + 1 : value;
	digits = p;
	while (*p >= '0' && *p <= '9')
		p++;
	nd = (size_t)(p - digits);
	if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
		frac = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (nd == 0 || nd > 18 || *p != '\0') {
		display_decimal(lang, value, out, outlen);
		return;
	}
	for (p = digits; p < digits + nd; p++)
		n = n * 10 + (*p - '0');
	i18n_format_int(lang, n, whole, sizeof whole);
	if (frac == NULL)
		len = snprintf(out, outlen, "%s%s", value[0] == '-' ? "-" : "",
		    whole);
	else
		len = snprintf(out, outlen, "%s%s%c%s", value[0] == '-' ?
		    "-" : "", whole, lang == LANG_EN ? '.' : ',', frac);
	if (len < 0 || (size_t)len >= outlen)
		out[0] = '\0';
}

/*
 * Cuts the UTF-8 string s to at most max bytes at a character boundary,
 * adding "…" when something was cut (max must leave room for its three
 * bytes).
 */
static void
display_truncate(char *s, size_t max)
{
	size_t len = strlen(s);

	if (len <= max)
		return;
	len = max - 3;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	memcpy(s + len, "\xE2\x80\xA6", 4);
}

void
display_item_title(const struct i18n *c, enum lang lang, const struct wb_list *l, size_t index,
    const struct wb_item *it, char *out, size_t outlen)
{
	char name[128];
	int nf;

	if (l->fixed_titles != NULL) {
		snprintf(out, outlen, "%s", i18n_get(c, lang, l->fixed_titles[index]));
		return;
	}
	snprintf(out, outlen, i18n_get(c, lang, l->item_title), (int)index + 1);
	if (l->name_field == NULL || it == NULL)
		return;
	nf = wb_field_index(l->fields, l->nfields, l->name_field);
	if (nf < 0 || it->values[nf] == NULL || it->values[nf][0] == '\0')
		return;
	snprintf(name, sizeof name, "%s", it->values[nf]);
	display_truncate(name, 80);
	/* French puts a space before a colon; English does not. */
	snprintf(out + strlen(out), outlen - strlen(out), "%s %s",
	    lang == LANG_FR ? "\xC2\xA0:" : ":", name);
}

/* Non-zero when key is one of the comma-separated values of list. */
int
display_listed(const char *list, const char *key)
{
	size_t klen = strlen(key);
	const char *p = list;

	while (p != NULL && *p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len == klen && memcmp(p, key, len) == 0)
			return 1;
		p = end ? end + 1 : NULL;
	}
	return 0;
}

/* The list that a REF or REFS field takes its choices from, or NULL. */
const struct wb_list_data *
display_ref_items(const struct wb_field *f, const struct wb_plan *p,
    const struct wb_list **def)
{
	const struct wb_section_def *s;

	if (p == NULL || f->ref_section < 0 || f->ref_section >= WB__MAX)
		return NULL;
	s = &wb_sections[f->ref_section];
	if (f->ref_list < 0 || (size_t)f->ref_list >= s->nlists)
		return NULL;
	*def = &s->lists[f->ref_list];
	return &p->s[f->ref_section].lists[f->ref_list];
}

void
display_text(const struct i18n *c, enum lang lang, const struct wb_field *f, const char *value,
    const struct wb_plan *p, char *out, size_t outlen)
{
	size_t i, used = 0;

	out[0] = '\0';
	if (value == NULL || value[0] == '\0')
		return;
	switch (f->widget) {
	case WB_SELECT:
		for (i = 0; f->def.choices && f->def.choices[i]; i++)
			if (strcmp(value, f->def.choices[i]) == 0) {
				snprintf(out, outlen, "%s", f->choice_labels ?
				    i18n_get(c, lang, f->choice_labels[i]) : value);
				return;
			}
		snprintf(out, outlen, "%s", value);
		return;
	case WB_CHECKS:
		for (i = 0; f->def.choices && f->def.choices[i]; i++) {
			if (!display_listed(value, f->def.choices[i]))
				continue;
			used += (size_t)snprintf(out + used, outlen - used,
			    "%s%s", used ? ", " : "", f->choice_labels ?
			    i18n_get(c, lang, f->choice_labels[i]) : f->def.choices[i]);
			if (used >= outlen)
				return;
		}
		return;
	case WB_REF:
	case WB_REFS: {
		const struct wb_list *l = NULL;
		const struct wb_list_data *items = display_ref_items(f, p, &l);
		char title[256];

		for (i = 0; items != NULL && i < items->n; i++) {
			if (!display_listed(value, items->items[i].id))
				continue;
			display_item_title(c, lang, l, i, &items->items[i], title,
			    sizeof title);
			used += (size_t)snprintf(out + used, outlen - used,
			    "%s%s", used ? "; " : "", title);
			if (used >= outlen)
				return;
		}
		return;
	}
	case WB_SCALE:
		snprintf(out, outlen, "%s / 5 (%s %s %s)", value,
		    i18n_get(c, lang, f->choice_labels[0]), "\xE2\x86\x94",
		    i18n_get(c, lang, f->choice_labels[1]));
		return;
	case WB_CHECKBOX:
		snprintf(out, outlen, "%s", strcmp(value, "1") == 0 ?
		    i18n_get(c, lang, "Yes") : "");
		return;
	case WB_DATE:
		i18n_format_iso_date(lang, value, out, outlen);
		return;
	case WB_NUMBER:
		display_number(lang, value, out, outlen);
		return;
	default:
		snprintf(out, outlen, "%s", value);
		return;
	}
}

/*
 * Formats hours as the language writes them ("3,5" or "3.5", "1 234,5"),
 * no unit: at most two decimals, without trailing zeros.  What rounds to
 * zero is "0", never "-0".
 */
void
display_hours(enum lang lang, double h, char *out, size_t outlen)
{
	char tmp[400], *dot, *end;

	if (h > -0.005 && h < 0.005)
		h = 0;
	snprintf(tmp, sizeof tmp, "%.2f", h);
	if ((dot = strchr(tmp, '.')) != NULL) {
		end = tmp + strlen(tmp) - 1;
		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
	display_number(lang, tmp, out, outlen);
}
