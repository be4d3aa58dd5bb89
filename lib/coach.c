/*
 * coach.c: what the workbook tells a group about its own plan (coach.h).
 *
 * Everything here reads a struct wb_plan by field name (the names are
 * declared in workbook.c) and writes only into the caller's structs: no
 * allocation, no database, no output, so nothing can fail.
 *
 * Reading values.  A text value is "given" when it holds something other
 * than white space.  A checkbox (FIELD_BOOL) is ticked when its value is
 * given and is not "0".  A number (hours, posts) is digits with at most
 * one "." or "," and two decimals (as FIELD_DECIMAL stores it, "2.5");
 * anything else is "not given".  Hours are added and compared in
 * hundredths, so that 2.1 + 2.2 is exactly 4.3.  An objective, a persona
 * or a post exists when it is an item of its list (forms drop the new
 * items left blank); a post takes part in the post rules only when its
 * text is given.  A platform is chosen when its fixed item of the
 * platforms list has "chosen" ticked; the item's id is the platform's
 * key.
 *
 * The pitfalls, one rule each; each is silent unless its condition holds:
 *
 *   ALL_FUNDRAISING  at least one objective, and every objective is about
 *       money: its kind is "fundraise", or it has no kind and its text
 *       holds one of the words "don", "dons", "fonds", "fund", "funds", or
 *       a word starting with "collecte", "fundrais", "donat" or "donor"
 *       (ASCII letters compared without case; a word is a run of letters,
 *       accented ones included, so "données" and "London" are not "don").
 *       An objective whose kind is anything else is not about money, even
 *       if its text speaks of donations.
 *   NO_TARGET  one per objective whose target holds no digit (an empty
 *       target included); the subject is the objective's text on one
 *       line, cut at a character boundary with "…" when it is too long.
 *   TOO_MANY_PLATFORMS  more than three platforms chosen; or, when the
 *       team's hours are given (more than 0) and two platforms or more are
 *       chosen, the sum of their reference minimums (platform.h hours_min)
 *       is above those hours.  planned is that sum, available the team's
 *       hours (0 when not given).  One platform alone is never "too many":
 *       HOURS_OVER speaks of its hours.
 *   HOURS_OVER  the team's hours are given (more than 0) and the hours
 *       planned for the chosen platforms add up to more; planned and
 *       available say how much.
 *   PLATFORM_NO_PERSONA  only when there is a persona: one per chosen
 *       platform that no persona has in its "platforms"; the subject is
 *       the platform's name.
 *   PERSONA_UNREACHED  only when a platform is chosen: one per persona
 *       none of whose platforms is chosen (a persona who lists none
 *       included); the subject is the persona's name.  It is fixed in the
 *       audiences section when the persona lists no platform, in the
 *       platforms section otherwise.
 *   NO_RESPONSIBLE  "responsible" of the team is not given, once the team
 *       section or the platforms section holds anything (before, the plan
 *       is too young to nag about it).
 *   NO_BACKUP  a responsible person is given, and the back-up is not, or
 *       is the same name (compared without surrounding spaces or ASCII
 *       case).
 *   ONLY_PROMOTION  two posts or more, and not one of them asks a question
 *       (holds "?"), thanks or congratulates (holds "merci", "thank",
 *       "bravo", "felicitation", "congrat" or "gratitude", compared without
 *       ASCII case and with "é"/"É" read as "e", so "Félicitations" and
 *       "remercier" count), or mentions someone ("@" followed by a
 *       letter, digit or "_", at the start or after a character that is
 *       not one: an e-mail address is no mention).
 *   SAME_TEXT  two posts or more, on two platforms or more, and every
 *       post has the same text once surrounding white space is taken off
 *       and ASCII letters are compared without case.
 *
 * Completion.  Each section counts weighted answers: "total" is what it
 * asks for, "filled" what is given; percent is 100 * filled / total
 * rounded down (0 when total is 0), so a section is at 100 only when all
 * of it is done.  The units:
 *   - each own field whose declaration has weight 1: one unit, filled when
 *     given (a scale counts once a point is picked, a checkbox once
 *     ticked);
 *   - a list of items people add (accounts, objectives, values, personas,
 *     posts, events): one unit for having at least one item, plus one unit
 *     per weighted field of each item;
 *   - the platforms: one unit for having chosen at least one, plus, for
 *     each chosen platform, one unit per weighted field other than
 *     "chosen" (objectives, personas, hours, posts, purpose);
 *   - another fixed list (the eight practices): one unit per item, filled
 *     when any of its fields is given (the box ticked, or a word on how);
 *   - a list made from another section's items (the review of each
 *     objective): the weighted fields of one item per source item, and of
 *     one item when the source has none (so an empty plan still has
 *     something to do there).
 * Overall is 100 * (sum of filled) / (sum of totals) over the sections
 * that are not optional, rounded down: every weighted answer weighs the
 * same wherever it is.  An empty plan is at 0 everywhere; a plan with
 * every weighted answer given is at 100.
 *
 * The budget lists the chosen platforms in the order of platform.h, with
 * the hours and posts a week planned (0 when not given) and the platform's
 * reference hours.
 *
 * The rhythm lists the same platforms, but only those with posts a week
 * given and above 0 (a value that is no whole number reads as not given),
 * each with the days of coach_rhythm_days() (coach.h gives the table).
 */
#include <assert.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "coach.h"
#include "form.h"
#include "i18n.h"
#include "platform.h"
#include "workbook.h"

/* More platforms than this are too many, whatever the hours. */
#define COACH_MAX_PLATFORMS 3

const char *const pitfall_titles[PIT__MAX] = {
	[PIT_ALL_FUNDRAISING] =
	    N_("All your objectives are about raising money"),
	[PIT_NO_TARGET] = N_("This objective has no number to aim for"),
	[PIT_TOO_MANY_PLATFORMS] = N_("More platforms than your time allows"),
	[PIT_HOURS_OVER] =
	    N_("Planned hours are above what the team can give"),
	[PIT_PLATFORM_NO_PERSONA] =
	    N_("None of your personas uses this platform"),
	[PIT_PERSONA_UNREACHED] =
	    N_("This persona is on none of your platforms"),
	[PIT_NO_RESPONSIBLE] = N_("Nobody is responsible yet"),
	[PIT_NO_BACKUP] = N_("Nobody can take over"),
	[PIT_ONLY_PROMOTION] = N_("Your sample posts only talk about you"),
	[PIT_SAME_TEXT] = N_("The same text on every platform"),
};

const char *const pitfall_explanations[PIT__MAX] = {
	[PIT_ALL_FUNDRAISING] =
	    N_("People seldom give to a group they have only just met. Add an "
	       "objective about your mission or your community, such as "
	       "making your work known or bringing in volunteers: donations "
	       "tend to follow the trust you build."),
	[PIT_NO_TARGET] =
	    N_("Without a number, you cannot tell later whether it worked. "
	       "Give a target you can count, with a date: 30 new volunteers "
	       "by June, 200 people at the general assembly."),
	[PIT_TOO_MANY_PLATFORMS] =
	    N_("Every platform takes hours each week, and a thin presence in "
	       "many places does less than steady work in one or two. Keep "
	       "the platforms where your people already are, and add another "
	       "once the first runs smoothly."),
	[PIT_HOURS_OVER] =
	    N_("A plan that needs more time than you have tends to stall "
	       "after a few weeks. Lower the hours of some platforms, drop "
	       "one, or find more hands before you start."),
	[PIT_PLATFORM_NO_PERSONA] =
	    N_("A platform earns its hours when the people you want to reach "
	       "are there. Check whether one of your personas uses it; if "
	       "none does, those hours may serve you better elsewhere."),
	[PIT_PERSONA_UNREACHED] =
	    N_("If you are not where this person spends time online, your "
	       "posts will not reach them. Note the platforms they use, "
	       "choose one of them, or plan another way to reach them: "
	       "e-mail, phone or in person."),
	[PIT_NO_RESPONSIBLE] =
	    N_("When everyone is a little responsible, posts and answers slip "
	       "through the cracks. Name one person who looks after your "
	       "accounts and keeps the plan moving."),
	[PIT_NO_BACKUP] =
	    N_("If the person responsible leaves or falls ill, access to your "
	       "accounts can leave with them. Name a second person who knows "
	       "the plan and can get into every account."),
	[PIT_ONLY_PROMOTION] =
	    N_("Social media are a conversation, not a billboard. Mix in "
	       "posts that ask a question, thank volunteers or partners, "
	       "celebrate someone else's success, or tag a partner "
	       "organisation."),
	[PIT_SAME_TEXT] =
	    N_("Many people follow you in more than one place, and each "
	       "platform has its own ways. Adapt each post: shorter here, a "
	       "photo there, a question elsewhere."),
};

/* The words that make an objective with no kind about money. */
static const char *const coach_money_words[] = {
	"don", "dons", "fonds", "fund", "funds", NULL
};
static const char *const coach_money_prefixes[] = {
	"collecte", "fundrais", "donat", "donor", NULL
};

/* The words that make a post a thanks or a congratulation. */
static const char *const coach_thanks_words[] = {
	"merci", "thank", "bravo", "felicitation", "congrat", "gratitude", NULL
};

/*
 * Returns non-zero when s (NULL counts as empty) holds something other
 * than ASCII white space.  UTF-8 bytes count as something.
 */
static int
coach_given(const char *s)
{
	if (s == NULL)
		return 0;
	for (; *s != '\0'; s++)
		if (strchr(" \t\r\n\f\v", *s) == NULL)
			return 1;
	return 0;
}

/* Returns non-zero when a checkbox's value s is ticked: given and not "0". */
static int
coach_ticked(const char *s)
{
	return coach_given(s) && strcmp(s, "0") != 0;
}

/*
 * Reads a non-negative number of s ("3", "2.5", "2,5", "0.25", with spaces
 * around allowed) as a count of hundredths, so that sums and comparisons
 * are exact ("2.1" + "2.2" is not above "4.3").  Returns -1 when s is
 * NULL, empty or anything else: a sign, letters, two separators, more
 * than two decimals, or more than nine digits before the separator.
 */
static long long
coach_hundredths(const char *s)
{
	long long	 v = 0;
	int		 digits = 0, decimals = 0;

	if (s == NULL)
		return -1;
	while (*s == ' ' || *s == '\t')
		s++;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 9)
			return -1;
		v = v * 10 + (*s - '0');
	}
	v *= 100;
	if (*s == '.' || *s == ',') {
		for (s++; *s >= '0' && *s <= '9'; s++, digits++)
			if (++decimals > 2)
				return -1;
			else
				v += (*s - '0') * (decimals == 1 ? 10 : 1);
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0' || digits == 0)
		return -1;
	return v;
}

/* Returns hours_min of platform pf in hundredths, rounded. */
static long long
coach_reference_min(int pf)
{
	assert(pf >= 0 && pf < PF__MAX);
	return (long long)(platforms[pf].hours_min * 100 + 0.5);
}

/* Returns the ASCII lower case of c, any other byte unchanged. */
static char
coach_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/*
 * Returns non-zero when text holds word (lower-case ASCII) with ASCII
 * letters compared without case and "é"/"É" (UTF-8) read as "e", so that
 * "Félicitations" holds "felicitation".  Anywhere in text: "remercier"
 * holds "merci".
 */
static int
coach_holds_folded(const char *text, const char *word)
{
	const unsigned char	*t;
	const char		*w;

	assert(text != NULL && word != NULL && word[0] != '\0');
	for (; *text != '\0'; text++) {
		t = (const unsigned char *)text;
		for (w = word; *w != '\0' && *t != '\0'; w++) {
			if (t[0] == 0xC3 && (t[1] == 0xA9 || t[1] == 0x89)) {
				if (*w != 'e')
					break;
				t += 2;
			} else if (coach_lower((char)*t) == *w)
				t++;
			else
				break;
		}
		if (*w == '\0')
			return 1;
	}
	return 0;
}

/*
 * Returns non-zero when byte c belongs to a word for the money words: an
 * ASCII letter or any byte of a UTF-8 sequence (accented letters), so
 * that "données" is one word and not "donn" + "es".
 */
static int
coach_word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (unsigned char)c >= 0x80;
}

/*
 * Returns non-zero when text holds one of the money words as a whole word,
 * or a word that starts with one of the money prefixes (see the top of the
 * file).  ASCII case does not matter.
 */
static int
coach_about_money(const char *text)
{
	const char	*w, *e;
	size_t		 len, k, plen;

	assert(text != NULL);
	for (w = text; *w != '\0'; w = e) {
		while (*w != '\0' && !coach_word_byte(*w))
			w++;
		for (e = w; *e != '\0' && coach_word_byte(*e); e++)
			;
		len = (size_t)(e - w);
		if (len == 0)
			break;
		for (k = 0; coach_money_words[k] != NULL; k++)
			if (strlen(coach_money_words[k]) == len &&
			    strncasecmp(w, coach_money_words[k], len) == 0)
				return 1;
		for (k = 0; coach_money_prefixes[k] != NULL; k++) {
			plen = strlen(coach_money_prefixes[k]);
			if (len >= plen &&
			    strncasecmp(w, coach_money_prefixes[k], plen) == 0)
				return 1;
		}
	}
	return 0;
}

/*
 * Returns non-zero when the comma-separated list csv (as FIELD_MULTI
 * stores it, NULL counting as empty) holds key exactly.
 */
static int
coach_csv_has(const char *csv, const char *key)
{
	size_t	 klen;
	const char *p, *comma;

	assert(key != NULL);
	if (csv == NULL || key[0] == '\0')
		return 0;
	klen = strlen(key);
	for (p = csv; ; p = comma + 1) {
		comma = strchr(p, ',');
		if ((size_t)((comma ? comma : p + strlen(p)) - p) == klen &&
		    strncmp(p, key, klen) == 0)
			return 1;
		if (comma == NULL)
			return 0;
	}
}

/*
 * Compares a and b once surrounding white space is taken off, ASCII
 * letters without case.  Returns non-zero when they are the same.
 */
static int
coach_same_text(const char *a, const char *b)
{
	const char	*ea, *eb;

	assert(a != NULL && b != NULL);
	while (*a != '\0' && strchr(" \t\r\n\f\v", *a) != NULL)
		a++;
	while (*b != '\0' && strchr(" \t\r\n\f\v", *b) != NULL)
		b++;
	ea = a + strlen(a);
	eb = b + strlen(b);
	while (ea > a && strchr(" \t\r\n\f\v", ea[-1]) != NULL)
		ea--;
	while (eb > b && strchr(" \t\r\n\f\v", eb[-1]) != NULL)
		eb--;
	if (ea - a != eb - b)
		return 0;
	for (; a < ea; a++, b++)
		if (coach_lower(*a) != coach_lower(*b))
			return 0;
	return 1;
}

/*
 * Copies text into subject (struct pitfall's, 256 bytes) on one line
 * (CR, LF and tabs become spaces).  Text that does not fit is cut at a
 * UTF-8 character boundary and ends with "…".  NULL gives "".
 */
static void
coach_subject(char subject[256], const char *text)
{
	size_t	 len, cut, i;

	subject[0] = '\0';
	if (text == NULL)
		return;
	len = strlen(text);
	if (len < 256)
		cut = len;
	else {
		cut = 256 - 4;	/* room for "…" (3 bytes) and the NUL */
		while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--;
	}
	memcpy(subject, text, cut);
	for (i = 0; i < cut; i++)
		if (subject[i] == '\r' || subject[i] == '\n' ||
		    subject[i] == '\t')
			subject[i] = ' ';
	if (cut < len) {
		memcpy(subject + cut, "\xE2\x80\xA6", 3);
		cut += 3;
	}
	subject[cut] = '\0';
}

/*
 * Adds a pitfall to out[*n] when there is room (n < max), and counts it in
 * *n either way, so that the caller learns how many there are in all.
 */
static void
coach_add(struct pitfall *out, size_t max, size_t *n, int id, int section,
    const char *subject, double planned, double available)
{
	struct pitfall	*pf;

	assert(n != NULL);
	assert(id >= 0 && id < PIT__MAX);
	if (*n < max) {
		assert(out != NULL);
		pf = &out[*n];
		memset(pf, 0, sizeof *pf);
		pf->id = id;
		pf->section = section;
		coach_subject(pf->subject, subject);
		pf->planned = planned;
		pf->available = available;
	}
	(*n)++;
}

/*
 * Returns the item of the platforms list for platform pf (its id is the
 * platform's key), or NULL when the plan does not have it.
 */
static const struct wb_item *
coach_platform_item(const struct wb_plan *p, int pf)
{
	assert(pf >= 0 && pf < PF__MAX);
	return wb_item_find(&p->s[WB_PLATFORMS], 0, platforms[pf].key);
}

/* Returns non-zero when platform pf is chosen in p. */
static int
coach_chosen(const struct wb_plan *p, int pf)
{
	const struct wb_item *it = coach_platform_item(p, pf);

	return it != NULL && coach_ticked(wb_item_value(&p->s[WB_PLATFORMS], 0,
	    it, "chosen"));
}

/*
 * Returns the team's hours a week (section start, "hours") in hundredths,
 * 0 when not given or not a number.
 */
static long long
coach_available(const struct wb_plan *p)
{
	long long h = coach_hundredths(wb_value(&p->s[WB_START], "hours"));

	return h < 0 ? 0 : h;
}

/*
 * Returns the hours a week planned for platform pf (chosen or not) in
 * hundredths, 0 when not given or not a number.
 */
static long long
coach_planned(const struct wb_plan *p, int pf)
{
	const struct wb_item	*it = coach_platform_item(p, pf);
	long long		 h;

	if (it == NULL)
		return 0;
	h = coach_hundredths(wb_item_value(&p->s[WB_PLATFORMS], 0, it,
	    "hours"));
	return h < 0 ? 0 : h;
}

/*
 * Returns non-zero when d holds any given value, own or of an item (the
 * fixed items of an untouched section hold only empty values).
 */
static int
coach_has_content(const struct wb_data *d)
{
	const struct wb_section_def *def;
	size_t	 i, l, k;

	assert(d->section >= 0 && d->section < WB__MAX);
	def = &wb_sections[d->section];
	for (i = 0; i < def->nfields; i++)
		if (coach_given(wb_value(d, def->fields[i].def.name)))
			return 1;
	for (l = 0; l < def->nlists; l++)
		for (k = 0; k < d->lists[l].n; k++)
			for (i = 0; i < def->lists[l].nfields; i++)
				if (coach_given(wb_item_value(d, l,
				    &d->lists[l].items[k],
				    def->lists[l].fields[i].def.name)))
					return 1;
	return 0;
}

/*
 * Returns non-zero when byte c may be part of a name after "@": an ASCII
 * letter or digit, "_", or any byte of a UTF-8 sequence (accented
 * letters).  NUL is not.
 */
static int
coach_name_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || (unsigned char)c >= 0x80;
}

/*
 * Returns non-zero when text counts as a conversation rather than
 * promotion: a question mark, a thanks word, or a mention (see the top of
 * the file).
 */
static int
coach_converses(const char *text)
{
	const char	*at;
	size_t		 k;

	assert(text != NULL);
	if (strchr(text, '?') != NULL)
		return 1;
	for (k = 0; coach_thanks_words[k] != NULL; k++)
		if (coach_holds_folded(text, coach_thanks_words[k]))
			return 1;
	for (at = strchr(text, '@'); at != NULL; at = strchr(at + 1, '@'))
		if (coach_name_byte(at[1]) &&
		    (at == text || !coach_name_byte(at[-1])))
			return 1;
	return 0;
}

/* The rules on objectives: ALL_FUNDRAISING and NO_TARGET. */
static void
coach_rules_objectives(const struct wb_plan *p, struct pitfall *out,
    size_t max, size_t *n)
{
	const struct wb_data	*d = &p->s[WB_OBJECTIVES];
	const struct wb_item	*it;
	const char		*kind, *text;
	size_t			 k, money = 0;

	for (k = 0; k < d->lists[0].n; k++) {
		it = &d->lists[0].items[k];
		kind = wb_item_value(d, 0, it, "kind");
		text = wb_item_value(d, 0, it, "text");
		if (coach_given(kind) ? strcmp(kind,
		    wb_objective_kind_keys[OBJ_KIND_FUNDRAISE]) == 0 :
		    coach_about_money(text))
			money++;
	}
	if (d->lists[0].n > 0 && money == d->lists[0].n)
		coach_add(out, max, n, PIT_ALL_FUNDRAISING, WB_OBJECTIVES, NULL,
		    0, 0);
	for (k = 0; k < d->lists[0].n; k++) {
		it = &d->lists[0].items[k];
		if (strpbrk(wb_item_value(d, 0, it, "target"), "0123456789") ==
		    NULL)
			coach_add(out, max, n, PIT_NO_TARGET, WB_OBJECTIVES,
			    wb_item_value(d, 0, it, "text"), 0, 0);
	}
}

/*
 * The rules on time: TOO_MANY_PLATFORMS and HOURS_OVER.  Hours are summed
 * and compared in hundredths, so that they are exact.
 */
static void
coach_rules_time(const struct wb_plan *p, struct pitfall *out, size_t max,
    size_t *n)
{
	long long	 available = coach_available(p);
	long long	 reference = 0, planned = 0;
	int		 pf, nchosen = 0;

	for (pf = 0; pf < PF__MAX; pf++) {
		if (!coach_chosen(p, pf))
			continue;
		nchosen++;
		reference += coach_reference_min(pf);
		planned += coach_planned(p, pf);
	}
	if (nchosen > COACH_MAX_PLATFORMS ||
	    (available > 0 && nchosen >= 2 && reference > available))
		coach_add(out, max, n, PIT_TOO_MANY_PLATFORMS, WB_PLATFORMS,
		    NULL, reference / 100.0, available / 100.0);
	if (available > 0 && planned > available)
		coach_add(out, max, n, PIT_HOURS_OVER, WB_PLATFORMS, NULL,
		    planned / 100.0, available / 100.0);
}

/* The rules between personas and platforms. */
static void
coach_rules_personas(const struct wb_plan *p, struct pitfall *out,
    size_t max, size_t *n)
{
	const struct wb_data	*d = &p->s[WB_AUDIENCES];
	const struct wb_item	*it;
	const char		*uses;
	size_t			 k, nchosen = 0;
	int			 pf, reached, listed;

	for (pf = 0; pf < PF__MAX; pf++)
		nchosen += coach_chosen(p, pf) ? 1 : 0;
	if (d->lists[0].n > 0)
		for (pf = 0; pf < PF__MAX; pf++) {
			if (!coach_chosen(p, pf))
				continue;
			reached = 0;
			for (k = 0; k < d->lists[0].n && !reached; k++)
				reached = coach_csv_has(wb_item_value(d, 0,
				    &d->lists[0].items[k], "platforms"),
				    platforms[pf].key);
			if (!reached)
				coach_add(out, max, n, PIT_PLATFORM_NO_PERSONA,
				    WB_PLATFORMS, platforms[pf].name, 0, 0);
		}
	if (nchosen == 0)
		return;
	for (k = 0; k < d->lists[0].n; k++) {
		it = &d->lists[0].items[k];
		uses = wb_item_value(d, 0, it, "platforms");
		reached = listed = 0;
		for (pf = 0; pf < PF__MAX && !reached; pf++)
			if (coach_csv_has(uses, platforms[pf].key)) {
				listed = 1;
				reached = coach_chosen(p, pf);
			}
		if (!reached)
			coach_add(out, max, n, PIT_PERSONA_UNREACHED,
			    listed ? WB_PLATFORMS : WB_AUDIENCES,
			    wb_item_value(d, 0, it, "name"), 0, 0);
	}
}

/* The rules on the team: NO_RESPONSIBLE and NO_BACKUP. */
static void
coach_rules_team(const struct wb_plan *p, struct pitfall *out, size_t max,
    size_t *n)
{
	const struct wb_data	*t = &p->s[WB_TEAM];
	const char		*resp = wb_value(t, "responsible");
	const char		*backup = wb_value(t, "backup");

	if (!coach_given(resp)) {
		if (coach_has_content(t) ||
		    coach_has_content(&p->s[WB_PLATFORMS]))
			coach_add(out, max, n, PIT_NO_RESPONSIBLE, WB_TEAM,
			    NULL, 0, 0);
		return;
	}
	if (!coach_given(backup) || coach_same_text(resp, backup))
		coach_add(out, max, n, PIT_NO_BACKUP, WB_TEAM, NULL, 0, 0);
}

/* The rules on sample posts: ONLY_PROMOTION and SAME_TEXT. */
static void
coach_rules_posts(const struct wb_plan *p, struct pitfall *out, size_t max,
    size_t *n)
{
	const struct wb_data	*d = &p->s[WB_POSTS];
	const struct wb_item	*it;
	const char		*text, *first = NULL, *first_pf = NULL, *pfk;
	size_t			 k, nposts = 0;
	int			 converses = 0, same = 1, platforms2 = 0;

	for (k = 0; k < d->lists[0].n; k++) {
		it = &d->lists[0].items[k];
		text = wb_item_value(d, 0, it, "text");
		if (!coach_given(text))
			continue;
		nposts++;
		pfk = wb_item_value(d, 0, it, "platform");
		if (first == NULL) {
			first = text;
			first_pf = pfk;
		} else {
			if (!coach_same_text(first, text))
				same = 0;
			if (strcmp(first_pf, pfk) != 0)
				platforms2 = 1;
		}
		if (coach_converses(text))
			converses = 1;
	}
	if (nposts >= 2 && !converses)
		coach_add(out, max, n, PIT_ONLY_PROMOTION, WB_POSTS, NULL, 0,
		    0);
	if (nposts >= 2 && platforms2 && same)
		coach_add(out, max, n, PIT_SAME_TEXT, WB_POSTS, NULL, 0, 0);
}

/*
 * Checks every rule, in the order of enum pitfall_id (see the top of the
 * file).  out may be NULL when max is 0, to count only.
 */
size_t
coach_pitfalls(const struct wb_plan *p, struct pitfall *out, size_t max)
{
	size_t	 n = 0;

	assert(p != NULL);
	assert(out != NULL || max == 0);
	coach_rules_objectives(p, out, max, &n);
	coach_rules_time(p, out, max, &n);
	coach_rules_personas(p, out, max, &n);
	coach_rules_team(p, out, max, &n);
	coach_rules_posts(p, out, max, &n);
	return n;
}

/*
 * Returns non-zero when value v of field f counts as given: a ticked box
 * for FIELD_BOOL, something other than white space for any other kind.
 */
static int
coach_field_given(const struct wb_field *f, const char *v)
{
	return f->def.kind == FIELD_BOOL ? coach_ticked(v) : coach_given(v);
}

/*
 * Adds to *filled and *total the weighted fields of item it (NULL: an
 * item not made yet, all empty) of list li of d, leaving out the field
 * named skip (or none when skip is NULL).
 */
static void
coach_count_item(const struct wb_data *d, size_t li,
    const struct wb_item *it, const char *skip, int *filled, int *total)
{
	const struct wb_list	*l = &wb_sections[d->section].lists[li];
	size_t			 i;

	for (i = 0; i < l->nfields; i++) {
		if (l->fields[i].weight != 1)
			continue;
		if (skip != NULL && strcmp(l->fields[i].def.name, skip) == 0)
			continue;
		(*total)++;
		if (it != NULL && coach_field_given(&l->fields[i],
		    wb_item_value(d, li, it, l->fields[i].def.name)))
			(*filled)++;
	}
}

/*
 * Counts list li of section s of p into *filled and *total, by the kind
 * of list (see the top of the file).
 */
static void
coach_count_list(const struct wb_plan *p, int s, size_t li, int *filled,
    int *total)
{
	const struct wb_list	*l = &wb_sections[s].lists[li];
	const struct wb_data	*d = &p->s[s];
	const struct wb_data	*src;
	const struct wb_item	*it;
	size_t			 k, i;
	int			 pf, nchosen = 0, any;

	if (s == WB_PLATFORMS) {
		for (pf = 0; pf < PF__MAX; pf++) {
			if (!coach_chosen(p, pf))
				continue;
			nchosen++;
			coach_count_item(d, li, coach_platform_item(p, pf),
			    "chosen", filled, total);
		}
		(*total)++;
		*filled += nchosen > 0;
		return;
	}
	if (l->fixed_ids != NULL) {
		for (k = 0; l->fixed_ids[k] != NULL; k++) {
			(*total)++;
			it = wb_item_find(d, li, l->fixed_ids[k]);
			any = 0;
			for (i = 0; it != NULL && i < l->nfields && !any; i++)
				any = coach_field_given(&l->fields[i],
				    wb_item_value(d, li, it,
				    l->fields[i].def.name));
			*filled += any;
		}
		return;
	}
	if (l->items_from_section >= 0) {
		src = &p->s[l->items_from_section];
		assert(l->items_from_list >= 0);
		if (src->lists[l->items_from_list].n == 0) {
			coach_count_item(d, li, NULL, NULL, filled, total);
			return;
		}
		for (k = 0; k < src->lists[l->items_from_list].n; k++)
			coach_count_item(d, li, wb_item_find(d, li,
			    src->lists[l->items_from_list].items[k].id), NULL,
			    filled, total);
		return;
	}
	(*total)++;
	*filled += d->lists[li].n > 0;
	for (k = 0; k < d->lists[li].n; k++)
		coach_count_item(d, li, &d->lists[li].items[k], NULL, filled,
		    total);
}

/*
 * Computes the completion of every section (see the top of the file).
 * Every entry of out is written.
 */
void
coach_progress(const struct wb_plan *p, struct coach_progress *out)
{
	const struct wb_section_def *def;
	long	 sum_filled = 0, sum_total = 0;
	size_t	 i, li;
	int	 s;

	assert(p != NULL && out != NULL);
	memset(out, 0, sizeof *out);
	for (s = 0; s < WB__MAX; s++) {
		def = &wb_sections[s];
		for (i = 0; i < def->nfields; i++) {
			if (def->fields[i].weight != 1)
				continue;
			out->total[s]++;
			if (coach_field_given(&def->fields[i],
			    wb_value(&p->s[s], def->fields[i].def.name)))
				out->filled[s]++;
		}
		for (li = 0; li < def->nlists; li++)
			coach_count_list(p, s, li, &out->filled[s],
			    &out->total[s]);
		assert(out->filled[s] <= out->total[s]);
		out->percent[s] = out->total[s] > 0 ?
		    (int)(100L * out->filled[s] / out->total[s]) : 0;
		if (!def->optional) {
			sum_filled += out->filled[s];
			sum_total += out->total[s];
		}
	}
	out->overall = sum_total > 0 ? (int)(100 * sum_filled / sum_total) : 0;
}

/*
 * Computes the time budget: the chosen platforms in platform order, with
 * what is planned for each (0 when not given).  Every entry of out is
 * written (rows past n are zero).
 */
void
coach_budget(const struct wb_plan *p, struct coach_budget *out)
{
	const struct wb_data	*d;
	const struct wb_item	*it;
	long long		 h, planned = 0;
	int			 pf;

	assert(p != NULL && out != NULL);
	memset(out, 0, sizeof *out);
	d = &p->s[WB_PLATFORMS];
	out->available = coach_available(p) / 100.0;
	for (pf = 0; pf < PF__MAX; pf++) {
		if (!coach_chosen(p, pf))
			continue;
		it = coach_platform_item(p, pf);
		h = coach_planned(p, pf);
		planned += h;
		out->rows[out->n].platform = pf;
		out->rows[out->n].planned = h / 100.0;
		out->rows[out->n].reference_min = platforms[pf].hours_min;
		out->rows[out->n].reference_max = platforms[pf].hours_max;
		h = coach_hundredths(wb_item_value(d, 0, it, "posts"));
		out->rows[out->n].posts = h < 0 ? 0 : (int)(h / 100);
		out->n++;
	}
	out->planned = planned / 100.0;
}

/*
 * See coach.h.  The table puts the posting days as far apart as a week
 * allows and keeps the weekend for 6 posts or more, when groups of
 * volunteers post on weekends too.
 */
unsigned
coach_rhythm_days(int posts)
{
	static const unsigned	 days[COACH_DAYS + 1] = {
		0,
		1u << COACH_WEDNESDAY,
		1u << COACH_TUESDAY | 1u << COACH_THURSDAY,
		1u << COACH_MONDAY | 1u << COACH_WEDNESDAY | 1u << COACH_FRIDAY,
		1u << COACH_MONDAY | 1u << COACH_TUESDAY | 1u << COACH_THURSDAY |
		    1u << COACH_FRIDAY,
		0x1fu,		/* Monday to Friday */
		0x3fu,		/* Monday to Saturday */
		0x7fu,		/* every day */
	};

	if (posts <= 0)
		return 0;
	return days[posts > COACH_DAYS ? COACH_DAYS : posts];
}

/*
 * See coach.h.  Posts a week are read like the budget reads them, in
 * hundredths of the stored value: a FIELD_INT holds a whole number, so
 * anything else (which no form lets through) reads as not given.
 */
void
coach_rhythm(const struct wb_plan *p, struct coach_rhythm *out)
{
	const struct wb_item	*it;
	long long		 h;
	int			 pf;

	assert(p != NULL && out != NULL);
	memset(out, 0, sizeof *out);
	for (pf = 0; pf < PF__MAX; pf++) {
		if (!coach_chosen(p, pf) ||
		    (it = coach_platform_item(p, pf)) == NULL)
			continue;
		h = coach_hundredths(wb_item_value(&p->s[WB_PLATFORMS], 0, it,
		    "posts"));
		if (h < 100 || h % 100 != 0)
			continue;
		out->rows[out->n].platform = pf;
		out->rows[out->n].posts = h / 100 > 100 ? 100 : (int)(h / 100);
		out->rows[out->n].days = coach_rhythm_days(
		    out->rows[out->n].posts);
		out->n++;
	}
}
