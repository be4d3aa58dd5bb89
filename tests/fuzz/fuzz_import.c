/*
 * fuzz_import.c: the plan file a person uploads (export.h), read by
 * import_plan_json() and export_org_name(), then written again by
 * export_plan_json() and as a calendar by ics_plan().
 *
 * The input is the whole file.
 *
 * The properties:
 *   - import_plan_json() answers RT_OK, RT_EINVAL or RT_ETOOBIG; a refusal
 *     comes with a message, cut (and NUL-terminated) in a buffer too small
 *     for it, and leaves a plan that can be freed (again);
 *   - export_org_name() succeeds, and gives valid UTF-8 that fits its
 *     buffer, also one of a few bytes (cut at a character boundary);
 *   - an accepted plan has every section of the workbook, each of the
 *     right shape with every value within its declaration (fuzz.c's
 *     fuzz_check_wb_data());
 *   - written with export_plan_json() under its organisation's name, it
 *     is read back without error, and written again gives the same bytes;
 *   - its calendar (ics_plan(), in French and English) is valid UTF-8 with
 *     CRLF line ends, lines of at most 75 octets (the next ones of a
 *     folded line starting with a space), as many BEGIN:VEVENT as
 *     END:VEVENT, inside one VCALENDAR; and in the text of SUMMARY,
 *     DESCRIPTION and LOCATION, every ';' and ',' escaped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "export.h"
#include "fuzz.h"
#include "i18n.h"
#include "ics.h"
#include "status.h"
#include "workbook.h"

/* The room for an organisation's name, as cgi/export.c has it. */
#define ORG_MAX 1024

/* A fixed "now" (2027-01-15), so that a calendar depends on its input only. */
#define FUZZ_NOW ((time_t)1800000000)

/*
 * Checks the unfolded content line s[0..len) of a calendar: for SUMMARY,
 * DESCRIPTION and LOCATION, the value (after the first ':') has every ';'
 * and ',' behind a backslash, and every backslash escaping something.
 */
static void
check_ics_text(const char *s, size_t len)
{
	static const char *const names[] = {
		"SUMMARY", "DESCRIPTION", "LOCATION",
	};
	const char	*colon;
	size_t		 i, k, nlen;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		nlen = strlen(names[k]);
		if (len > nlen && memcmp(s, names[k], nlen) == 0 &&
		    (s[nlen] == ':' || s[nlen] == ';'))
			break;
	}
	if (k == sizeof(names) / sizeof(names[0]))
		return;
	if ((colon = memchr(s, ':', len)) == NULL)
		FUZZ_CHECK(0, "\"%.*s\" has no value", (int)len, s);
	for (i = (size_t)(colon - s) + 1; i < len; i++) {
		if (s[i] == '\\') {
			FUZZ_CHECK(i + 1 < len && strchr("\\;,nN", s[i + 1]) !=
			    NULL && s[i + 1] != '\0', "a lone backslash in "
			    "\"%.*s\"", (int)len, s);
			i++;
			continue;
		}
		FUZZ_CHECK(s[i] != ';' && s[i] != ',', "'%c' unescaped in "
		    "\"%.*s\"", s[i], (int)len, s);
	}
}

/* Checks the calendar ics, as the header says. */
static void
check_ics(const struct buf *ics)
{
	const char	*s = buf_str(ics), *p, *eol;
	struct buf	 line = { NULL, 0, 0 };
	size_t		 len = ics->len, begins = 0, ends = 0;

	FUZZ_CHECK(fuzz_utf8_ok(s, len, NULL), "a calendar not in UTF-8");
	FUZZ_CHECK(len >= 17 && strncmp(s, "BEGIN:VCALENDAR\r\n", 17) == 0 &&
	    len >= 15 && strcmp(s + len - 15, "END:VCALENDAR\r\n") == 0,
	    "not one VCALENDAR:\n%s", s);
	for (p = s; p < s + len; p = eol + 2) {
		eol = memchr(p, '\r', (size_t)(s + len - p));
		FUZZ_CHECK(eol != NULL && eol + 1 < s + len && eol[1] == '\n' &&
		    memchr(p, '\n', (size_t)(eol - p)) == NULL,
		    "a line that does not end in CRLF at byte %zu",
		    (size_t)(p - s));
		FUZZ_CHECK(eol - p <= 75, "a line of %zu octets",
		    (size_t)(eol - p));
		if (p[0] == ' ') {
			FUZZ_CHECK(line.len > 0, "a folded first line");
			FUZZ_CHECK(buf_append(&line, p + 1,
			    (size_t)(eol - p - 1)) == RT_OK, "memory");
			continue;
		}
		if (line.len > 0)
			check_ics_text(line.data, line.len);
		buf_reset(&line);
		FUZZ_CHECK(eol > p, "an empty line in the calendar");
		FUZZ_CHECK(buf_append(&line, p, (size_t)(eol - p)) == RT_OK,
		    "memory");
		if (eol - p == 12 && memcmp(p, "BEGIN:VEVENT", 12) == 0)
			begins++;
		if (eol - p == 10 && memcmp(p, "END:VEVENT", 10) == 0)
			ends++;
		FUZZ_CHECK(ends <= begins, "END:VEVENT before its BEGIN");
	}
	if (line.len > 0)
		check_ics_text(line.data, line.len);
	FUZZ_CHECK(begins == ends, "%zu BEGIN:VEVENT, %zu END:VEVENT", begins,
	    ends);
	buf_free(&line);
}

/* export_org_name() with an outlen of size, checked. */
static void
check_org_name(const char *data, size_t len, size_t size)
{
	char	 out[ORG_MAX];

	memset(out, 'x', sizeof(out));
	FUZZ_CHECK(export_org_name(data, len, out, size) == RT_OK,
	    "export_org_name fails");
	FUZZ_CHECK(memchr(out, '\0', size) != NULL, "a name of %zu bytes or "
	    "more in %zu", size, size);
	FUZZ_CHECK(fuzz_utf8_ok(out, strlen(out), NULL),
	    "a name cut inside a character");
}

/* Checks the accepted plan p of organisation org, as the header says. */
static void
check_plan(struct wb_plan *p, const char *org)
{
	struct wb_plan	 p2;
	struct buf	 b1 = { NULL, 0, 0 }, b2 = { NULL, 0, 0 };
	char		 err[512];
	int		 s, rc, lang;

	for (s = 0; s < WB__MAX; s++) {
		FUZZ_CHECK(p->s[s].section == s, "section %d in slot %d",
		    p->s[s].section, s);
		fuzz_check_wb_data(&p->s[s]);
	}
	rc = export_plan_json(p, org, &b1);
	FUZZ_CHECK(rc == RT_OK, "an imported plan is not exported (%d)", rc);
	rc = import_plan_json(b1.data, b1.len, &p2, err, sizeof(err));
	FUZZ_CHECK(rc == RT_OK, "an exported plan is refused: %s\n%s", err,
	    buf_str(&b1));
	rc = export_plan_json(&p2, org, &b2);
	FUZZ_CHECK(rc == RT_OK && b1.len == b2.len &&
	    memcmp(b1.data, b2.data, b1.len) == 0,
	    "exported again, not the same bytes (%d):\n%s\n---\n%s", rc,
	    buf_str(&b1), buf_str(&b2));
	wb_plan_free(&p2);

	for (lang = 0; lang < LANG__MAX; lang++) {
		buf_reset(&b2);
		rc = ics_plan(p, org, NULL, (enum lang)lang, "fuzz.invalid",
		    FUZZ_NOW, &b2);
		FUZZ_CHECK(rc == RT_OK, "no calendar (%d)", rc);
		check_ics(&b2);
	}
	buf_free(&b1);
	buf_free(&b2);
}

/* The calendar's days are taken in the time zone of the people it serves. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("TZ", "America/Montreal", 1);
	tzset();
	return 0;
}

/* One input: the file, imported and checked. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wb_plan	 p;
	char		*file, err[512], tiny[8], org[ORG_MAX];
	size_t		 cut;
	int		 rc;

	file = fuzz_dup(data, size);
	check_org_name(file, size, sizeof(org));
	check_org_name(file, size, 1 + size % 7);

	rc = import_plan_json(file, size, &p, err, sizeof(err));
	FUZZ_CHECK(rc == RT_OK || rc == RT_EINVAL || rc == RT_ETOOBIG,
	    "status %d", rc);
	if (rc != RT_OK) {
		FUZZ_CHECK(err[0] != '\0' && strlen(err) < sizeof(err),
		    "a refusal without a message");
		wb_plan_free(&p);
		wb_plan_free(&p);
		cut = 1 + size % sizeof(tiny);
		memset(tiny, 'x', sizeof(tiny));
		rc = import_plan_json(file, size, &p, tiny, cut);
		FUZZ_CHECK(rc != RT_OK && memchr(tiny, '\0', cut) != NULL,
		    "a message past its buffer of %zu", cut);
		wb_plan_free(&p);
		rc = import_plan_json(file, size, &p, NULL, 0);
		FUZZ_CHECK(rc != RT_OK, "accepted without a message buffer");
		wb_plan_free(&p);
		free(file);
		return 0;
	}
	FUZZ_CHECK(export_org_name(file, size, org, sizeof(org)) == RT_OK,
	    "memory");
	check_plan(&p, org);
	wb_plan_free(&p);
	free(file);
	return 0;
}
