/*
 * ics.c: the dates of a plan as an iCalendar file (see ics.h).
 *
 * Each content line is first built whole in a scratch buffer, then
 * appended to the output folded: a line longer than 75 octets goes on in
 * continuation lines that start with one space (RFC 5545, section 3.1),
 * and a fold never falls inside a UTF-8 character.  TEXT values (SUMMARY,
 * DESCRIPTION, X-WR-CALNAME) are escaped as section 3.3.11 says: '\\',
 * ';' and ',' get a backslash, a line break becomes "\n"; other control
 * characters, which no stored value holds, are dropped.
 *
 * Dates are counted in days since 1970-01-01 with the civil calendar
 * algorithms of Howard Hinnant ("chrono-Compatible Low-Level Date
 * Algorithms"), so that no time zone or mktime() normalisation takes part
 * in "the day after" or "next Monday".
 *
 * Errors: every append goes through the writer, which remembers the first
 * failure (RT_ENOMEM) and skips what follows; ics_plan() returns it.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "buf.h"
#include "coach.h"
#include "display.h"
#include "i18n.h"
#include "ics.h"
#include "platform.h"
#include "status.h"
#include "workbook.h"

/* The longest line, in octets, CRLF not counted (RFC 5545, 3.1). */
#define ICS_LINE_OCTETS 75

/* The most bytes of an item's text in a SUMMARY, "…" included. */
#define ICS_TITLE_MAX 80

/* Bytes of the hash that makes a UID (32 hex digits). */
#define ICS_UID_BYTES 16

/* The two-letter days of RRULE's BYDAY, Monday first (enum coach_day). */
static const char *const ics_days[COACH_DAYS] = {
	"MO", "TU", "WE", "TH", "FR", "SA", "SU"
};

/* The calendar being written, and its first error. */
struct ics {
	struct buf		*out;
	struct buf		 line;     /* the content line being built */
	const struct i18n	*c;
	enum lang		 lang;
	const char		*org;      /* the organisation's name */
	const char		*host;     /* the UIDs' domain */
	char			 stamp[17];/* DTSTAMP: YYYYMMDDTHHMMSSZ */
	long			 monday;   /* the Monday after now, in days */
	int			 rc;       /* RT_OK until an append fails */
};

/* Translates msgid into the calendar's language. */
static const char *
ics_t(const struct ics *x, const char *msgid)
{
	return i18n_get(x->c, x->lang, msgid);
}

/*
 * Returns the days from 1970-01-01 to the civil date y-m-d (m 1..12, d
 * 1..31; negative before 1970).
 */
static long
ics_days_from_civil(long y, int m, int d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Writes the civil date of day z (days from 1970-01-01) into y, m, d. */
static void
ics_civil_from_days(long z, long *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/*
 * Reads an ISO date "YYYY-MM-DD" (years 1 to 9999) into *days.  Returns
 * non-zero when s is one and names a real calendar date ("2026-02-30" is
 * not), 0 otherwise (NULL and "" included).
 */
static int
ics_parse_date(const char *s, long *days)
{
	long	 y, yy;
	int	 m, d, mm, dd, i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000L + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	*days = ics_days_from_civil(y, m, d);
	ics_civil_from_days(*days, &yy, &mm, &dd);
	return yy == y && mm == m && dd == d;
}

/* Writes day (days from 1970-01-01) as YYYYMMDD into out. */
static void
ics_date(long day, char out[9])
{
	long	 y;
	int	 m, d;

	ics_civil_from_days(day, &y, &m, &d);
	snprintf(out, 9, "%04u%02u%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
}

/* Appends len bytes of s to the output, remembering a failure. */
static void
ics_raw(struct ics *x, const char *s, size_t len)
{
	if (x->rc == RT_OK)
		x->rc = buf_append(x->out, s, len);
}

/*
 * Returns how many bytes the UTF-8 character at s[0..len) takes (len >=
 * 1): its sequence length when its continuation bytes are there, else 1,
 * so that even a malformed byte moves on.
 */
static size_t
ics_char_len(const char *s, size_t len)
{
	unsigned char	 b = (unsigned char)s[0];
	size_t		 n, i;

	if (b < 0xc0)
		n = 1;
	else if (b < 0xe0)
		n = 2;
	else if (b < 0xf0)
		n = 3;
	else if (b < 0xf8)
		n = 4;
	else
		n = 1;
	if (n > len)
		return 1;
	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

/*
 * Appends the content line built in x->line to the output, folded at
 * ICS_LINE_OCTETS octets between characters, and ends it with CRLF; then
 * empties x->line.
 */
static void
ics_flush(struct ics *x)
{
	const char	*s = buf_str(&x->line);
	size_t		 len = x->line.len, i = 0, k, col = 0;

	while (i < len) {
		k = ics_char_len(s + i, len - i);
		if (col + k > ICS_LINE_OCTETS) {
			ics_raw(x, "\r\n ", 3);
			col = 1;
		}
		ics_raw(x, s + i, k);
		col += k;
		i += k;
	}
	ics_raw(x, "\r\n", 2);
	buf_reset(&x->line);
}

/* Appends s to the line being built, as it is. */
static void
ics_put(struct ics *x, const char *s)
{
	if (x->rc == RT_OK)
		x->rc = buf_puts(&x->line, s);
}

/*
 * Appends s to the line being built as an RFC 5545 TEXT value: '\\', ';'
 * and ',' escaped, LF written "\n", CR and other control characters but
 * the tab dropped.
 */
static void
ics_put_text(struct ics *x, const char *s)
{
	const char	*run;

	for (run = s; *s != '\0'; s++) {
		unsigned char	 ch = (unsigned char)*s;
		const char	*esc = NULL;

		if (ch == '\\')
			esc = "\\\\";
		else if (ch == ';')
			esc = "\\;";
		else if (ch == ',')
			esc = "\\,";
		else if (ch == '\n')
			esc = "\\n";
		else if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
			esc = "";
		if (esc == NULL)
			continue;
		if (x->rc == RT_OK && s > run)
			x->rc = buf_append(&x->line, run, (size_t)(s - run));
		ics_put(x, esc);
		run = s + 1;
	}
	if (x->rc == RT_OK && s > run)
		x->rc = buf_append(&x->line, run, (size_t)(s - run));
}

/* Writes the content line "name:value", value as it is. */
static void
ics_prop(struct ics *x, const char *name, const char *value)
{
	ics_put(x, name);
	ics_put(x, ":");
	ics_put(x, value);
	ics_flush(x);
}

/* Writes the content line "name:value", value as TEXT. */
static void
ics_prop_text(struct ics *x, const char *name, const char *value)
{
	ics_put(x, name);
	ics_put(x, ":");
	ics_put_text(x, value);
	ics_flush(x);
}

/*
 * Writes into out (ICS_TITLE_MAX bytes at least) the first line of text,
 * without the white space around it, cut at a character boundary with
 * "…" when longer than ICS_TITLE_MAX - 1 bytes.
 */
static void
ics_title(const char *text, char *out, size_t outlen)
{
	size_t	 len;

	assert(outlen >= ICS_TITLE_MAX);
	while (*text == ' ' || *text == '\t' || *text == '\n')
		text++;
	len = strcspn(text, "\n");
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' ||
	    text[len - 1] == '\r'))
		len--;
	if (len < ICS_TITLE_MAX) {
		memcpy(out, text, len);
		out[len] = '\0';
		return;
	}
	len = ICS_TITLE_MAX - 4;
	while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
		len--;
	memcpy(out, text, len);
	memcpy(out + len, "\xE2\x80\xA6", 4);
}

/*
 * Appends to desc one line "<label>: <value>" for the field f of a list
 * (its value as display_text() shows it), when the value is given; a
 * line break first when desc already holds something.
 */
static void
ics_describe(struct ics *x, struct buf *desc, const struct wb_field *f,
    const char *value, const struct wb_plan *p)
{
	char	 shown[4096 * 4 + 64];

	if (value == NULL || value[0] == '\0')
		return;
	display_text(x->c, x->lang, f, value, p, shown, sizeof(shown));
	if (x->rc == RT_OK && desc->len > 0)
		x->rc = buf_puts(desc, "\n");
	if (x->rc == RT_OK)
		x->rc = buf_printf(desc, ics_t(x, N_("%s: %s")),
		    ics_t(x, f->def.label), shown);
}

/*
 * Appends to desc the values of an item's fields named in names (a
 * NULL-terminated list), each as ics_describe() writes it.
 */
static void
ics_describe_item(struct ics *x, struct buf *desc, const struct wb_data *d,
    const struct wb_item *it, const char *const *names,
    const struct wb_plan *p)
{
	const struct wb_list	*l = &wb_sections[d->section].lists[0];
	int			 i;

	for (; *names != NULL; names++) {
		i = wb_field_index(l->fields, l->nfields, *names);
		assert(i >= 0);
		ics_describe(x, desc, &l->fields[i], it->values[i], p);
	}
}

/*
 * Writes into uid the UID of the item id of kind ("objective", "review",
 * "event", "rhythm"): 32 hex digits of the BLAKE2b hash of the
 * organisation's name, kind and id, each followed by a NUL, then "@" and
 * the host.
 */
static void
ics_uid(const struct ics *x, const char *kind, const char *id, char *uid,
    size_t uidlen)
{
	crypto_generichash_state	 st;
	unsigned char			 h[ICS_UID_BYTES];
	char				 hex[2 * ICS_UID_BYTES + 1];

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)x->org,
	    strlen(x->org) + 1);
	crypto_generichash_update(&st, (const unsigned char *)kind,
	    strlen(kind) + 1);
	crypto_generichash_update(&st, (const unsigned char *)id,
	    strlen(id) + 1);
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	snprintf(uid, uidlen, "%s@%s", hex, x->host);
}

/*
 * Writes one all-day VEVENT on day (days from 1970-01-01), repeating with
 * rrule when it is not NULL, with its UID made from kind and id, its
 * summary and, when not empty, its description.
 */
static void
ics_event(struct ics *x, const char *kind, const char *id, long day,
    const char *rrule, const char *summary, const struct buf *desc)
{
	char	 uid[2 * ICS_UID_BYTES + 256], date[9];

	ics_uid(x, kind, id, uid, sizeof(uid));
	ics_prop(x, "BEGIN", "VEVENT");
	ics_prop(x, "UID", uid);
	ics_prop(x, "DTSTAMP", x->stamp);
	ics_date(day, date);
	ics_prop(x, "DTSTART;VALUE=DATE", date);
	ics_date(day + 1, date);
	ics_prop(x, "DTEND;VALUE=DATE", date);
	if (rrule != NULL)
		ics_prop(x, "RRULE", rrule);
	ics_prop_text(x, "SUMMARY", summary);
	if (desc != NULL && desc->len > 0)
		ics_prop_text(x, "DESCRIPTION", buf_str(desc));
	ics_prop(x, "TRANSP", "TRANSPARENT");
	ics_prop(x, "END", "VEVENT");
}

/*
 * Writes into out the title of objective it ("Objective 2" and its first
 * line, as display_item_title() names items), or of the objective whose
 * id is id when it is NULL; "" when there is no such objective.
 */
static void
ics_objective_title(const struct ics *x, const struct wb_plan *p,
    const char *id, char *out, size_t outlen)
{
	const struct wb_data	*d = &p->s[WB_OBJECTIVES];
	const struct wb_list	*l = &wb_sections[WB_OBJECTIVES].lists[0];
	char			 title[ICS_TITLE_MAX];
	size_t			 i;

	out[0] = '\0';
	for (i = 0; i < d->lists[0].n; i++) {
		const struct wb_item *it = &d->lists[0].items[i];

		if (strcmp(it->id, id) != 0)
			continue;
		ics_title(wb_item_value(d, 0, it, "text"), title,
		    sizeof(title));
		if (title[0] != '\0')
			snprintf(out, outlen, "%s", title);
		else
			display_item_title(x->c, x->lang, l, i, NULL, out,
			    outlen);
		return;
	}
}

/* The objectives' check dates. */
static void
ics_objectives(struct ics *x, const struct wb_plan *p)
{
	static const char *const fields[] = { "text", "indicator", "target",
	    NULL };
	const struct wb_data	*d = &p->s[WB_OBJECTIVES];
	struct buf		 desc;
	char			 title[ICS_TITLE_MAX * 2], summary[512];
	size_t			 i;
	long			 day;

	memset(&desc, 0, sizeof(desc));
	for (i = 0; i < d->lists[0].n; i++) {
		const struct wb_item *it = &d->lists[0].items[i];

		if (!ics_parse_date(wb_item_value(d, 0, it, "due"), &day))
			continue;
		ics_objective_title(x, p, it->id, title, sizeof(title));
		snprintf(summary, sizeof(summary),
		    ics_t(x, N_("Check the objective: %s")), title);
		buf_reset(&desc);
		ics_describe_item(x, &desc, d, it, fields, p);
		ics_event(x, "objective", it->id, day, NULL, summary, &desc);
	}
	buf_free(&desc);
}

/* The evaluation's review dates, one per objective reviewed. */
static void
ics_reviews(struct ics *x, const struct wb_plan *p)
{
	static const char *const fields[] = { "measured", "worked",
	    "not_worked", "next", NULL };
	const struct wb_data	*d = &p->s[WB_EVALUATION];
	struct buf		 desc;
	char			 title[ICS_TITLE_MAX * 2], summary[512];
	size_t			 i;
	long			 day;

	memset(&desc, 0, sizeof(desc));
	for (i = 0; i < d->lists[0].n; i++) {
		const struct wb_item *it = &d->lists[0].items[i];

		if (!ics_parse_date(wb_item_value(d, 0, it, "reviewed_on"),
		    &day))
			continue;
		ics_objective_title(x, p, it->id, title, sizeof(title));
		snprintf(summary, sizeof(summary),
		    ics_t(x, N_("Review of the objective: %s")), title);
		buf_reset(&desc);
		ics_describe_item(x, &desc, d, it, fields, p);
		ics_event(x, "review", it->id, day, NULL, summary, &desc);
	}
	buf_free(&desc);
}

/* The event campaigns' dates. */
static void
ics_campaigns(struct ics *x, const struct wb_plan *p)
{
	static const char *const fields[] = { "before", "during", "after",
	    "platforms", "notes", NULL };
	const struct wb_data	*d = &p->s[WB_EVENTS];
	struct buf		 desc;
	char			 title[ICS_TITLE_MAX * 2], summary[512];
	size_t			 i;
	long			 day;

	memset(&desc, 0, sizeof(desc));
	for (i = 0; i < d->lists[0].n; i++) {
		const struct wb_item *it = &d->lists[0].items[i];

		if (!ics_parse_date(wb_item_value(d, 0, it, "date"), &day))
			continue;
		ics_title(wb_item_value(d, 0, it, "name"), title,
		    sizeof(title));
		snprintf(summary, sizeof(summary), ics_t(x, N_("Event: %s")),
		    title);
		buf_reset(&desc);
		ics_describe_item(x, &desc, d, it, fields, p);
		ics_event(x, "event", it->id, day, NULL, summary, &desc);
	}
	buf_free(&desc);
}

/*
 * The weekly rhythm: one recurring event per platform of coach_rhythm(),
 * from its first posting day of the week that starts on x->monday.
 */
static void
ics_rhythm(struct ics *x, const struct wb_plan *p)
{
	static const char *const fields[] = { "purpose", NULL };
	const struct wb_data	*d = &p->s[WB_PLATFORMS];
	struct coach_rhythm	 rh;
	struct buf		 desc;
	char			 rrule[64], summary[512];
	size_t			 i;
	int			 day, first;

	memset(&desc, 0, sizeof(desc));
	coach_rhythm(p, &rh);
	for (i = 0; i < rh.n; i++) {
		const struct platform_info *pf = &platforms[rh.rows[i].platform];
		const struct wb_item *it = wb_item_find(d, 0, pf->key);

		snprintf(rrule, sizeof(rrule), "FREQ=WEEKLY;BYDAY=");
		first = -1;
		for (day = 0; day < COACH_DAYS; day++) {
			if (!(rh.rows[i].days & (1u << day)))
				continue;
			if (first < 0)
				first = day;
			else
				strncat(rrule, ",", sizeof(rrule) -
				    strlen(rrule) - 1);
			strncat(rrule, ics_days[day], sizeof(rrule) -
			    strlen(rrule) - 1);
		}
		assert(first >= 0);
		snprintf(summary, sizeof(summary), ics_t(x, N_("Post on %s")),
		    pf->name);
		buf_reset(&desc);
		if (x->rc == RT_OK)
			x->rc = buf_printf(&desc,
			    ics_t(x, N_("Posts a week planned: %d")),
			    rh.rows[i].posts);
		if (it != NULL)
			ics_describe_item(x, &desc, d, it, fields, p);
		ics_event(x, "rhythm", pf->key, x->monday + first, rrule,
		    summary, &desc);
	}
	buf_free(&desc);
}

/*
 * See ics.h.  The Monday after now: today's day of the week counted from
 * Monday is (days + 3) mod 7, since 1970-01-01 was a Thursday; a Monday
 * gives the one a week later.
 */
int
ics_plan(const struct wb_plan *p, const char *org_name,
    const struct i18n *c, enum lang lang, const char *uid_host, time_t now,
    struct buf *out)
{
	struct ics	 x;
	struct tm	 tm;
	char		 name[512], prodid[64];
	long		 today, wd;

	assert(p != NULL && org_name != NULL && uid_host != NULL);
	assert(out != NULL);
	memset(&x, 0, sizeof(x));
	x.out = out;
	x.c = c;
	x.lang = lang;
	x.org = org_name;
	x.host = uid_host;
	if (gmtime_r(&now, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	snprintf(x.stamp, sizeof(x.stamp), "%04u%02u%02uT%02u%02u%02uZ",
	    (unsigned)(tm.tm_year + 1900) % 10000u,
	    (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u,
	    (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u,
	    (unsigned)tm.tm_sec % 100u);
	if (localtime_r(&now, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	today = ics_days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1,
	    tm.tm_mday);
	wd = ((today + 3) % 7 + 7) % 7;
	x.monday = today + 7 - wd;

	ics_prop(&x, "BEGIN", "VCALENDAR");
	ics_prop(&x, "VERSION", "2.0");
	snprintf(prodid, sizeof(prodid), "-//reseauter//Plan//%s",
	    lang == LANG_FR ? "FR" : "EN");
	ics_prop(&x, "PRODID", prodid);
	ics_prop(&x, "CALSCALE", "GREGORIAN");
	ics_prop(&x, "METHOD", "PUBLISH");
	snprintf(name, sizeof(name), ics_t(&x, N_("Social-media plan: %s")),
	    org_name);
	ics_prop_text(&x, "X-WR-CALNAME", name);
	ics_objectives(&x, p);
	ics_reviews(&x, p);
	ics_campaigns(&x, p);
	ics_rhythm(&x, p);
	ics_prop(&x, "END", "VCALENDAR");
	buf_free(&x.line);
	return x.rc;
}
