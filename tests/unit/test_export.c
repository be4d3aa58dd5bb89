/*
 * test_export.c: unit tests of lib/export.c (the plan as one JSON file,
 * and reading it back), of plan_replace_all() and plan_org_create() in
 * lib/plan.c, and of docs/plan-format.md, which must name every section,
 * list, field, fixed item and choice that lib/workbook.c declares.
 *
 * The plan of these tests fills every field of every section and two
 * items of every list people add, with accents, quotes, backslashes,
 * tabs, line breaks and emoji.  Run from the repository root (it reads
 * schema.sql and docs/plan-format.md).
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

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "buf.h"
#include "db.h"
#include "export.h"
#include "http.h"
#include "json.h"
#include "org.h"
#include "plan.h"
#include "sql.h"
#include "workbook.h"
#include "tdb.h"

#define DOC    "docs/plan-format.md"
#define T0     1700000000

/* Two lines of at most 40 characters (the shortest line field). */
static const char *const line_values[2] = {
	"Comité « d'été » \"q\" \\ 🎉",
	"Deuxième — ligne ✓ l’autre",
};

/* Text with everything JSON must escape, and more. */
static const char *const text_values[2] = {
	"Première ligne, « guillemets » et \"quotes\"\nDeuxième : \\ barre,"
	    " tab\tici 🙂\n\nFin.",
	"Ligne unique, émoji 👩‍👩‍👧 et ∑ / </script>",
};

/*
 * Writes into out a valid value of field f for the kth item (0 or 1),
 * in its normalised form, as a form would store it.
 */
static void
value_for(const struct wb_field *f, int k, char *out, size_t outlen)
{
	const struct field_def	*d = &f->def;
	const char		*a, *b;

	switch (d->kind) {
	case FIELD_LINE:
		if (f->widget == WB_REF)
			snprintf(out, outlen, "%s", f->ref_section ==
			    WB_OBJECTIVES ? (k ? "o2" : "o1") :
			    (k ? "p1" : "p2"));
		else
			snprintf(out, outlen, "%s", line_values[k]);
		break;
	case FIELD_TEXT:
		snprintf(out, outlen, "%s", text_values[k]);
		break;
	case FIELD_INT:
		snprintf(out, outlen, "%d", d->max <= 5 ? 2 + k : 3 + 2 * k);
		break;
	case FIELD_DECIMAL:
		snprintf(out, outlen, "%s", k ? "2" : "3.5");
		break;
	case FIELD_DATE:
		snprintf(out, outlen, "2026-0%d-1%d", 3 + k, 5 + k);
		break;
	case FIELD_CHOICE:
		snprintf(out, outlen, "%s", d->choices[k + 1]);
		break;
	case FIELD_BOOL:
		snprintf(out, outlen, "%s", k ? "" : "1");
		break;
	case FIELD_MULTI:
		if (d->choices != NULL) {
			a = d->choices[k ? 2 : 0];
			b = d->choices[k ? 0 : 3];
		} else if (f->ref_section == WB_OBJECTIVES) {
			a = "o2";
			b = "o1";
		} else {
			a = "p1";
			b = "p2";
		}
		snprintf(out, outlen, "%s,%s", a, b);
		break;
	default:
		fail_msg("field %s: no test value for its kind", d->name);
	}
}

/*
 * Gives every field of fields[0..n) of values[] its test value for the
 * kth item.
 */
static void
fill_values(const struct wb_field *fields, size_t n, char **values, int k)
{
	char	 v[512];
	size_t	 i;

	for (i = 0; i < n; i++) {
		value_for(&fields[i], k, v, sizeof(v));
		put(&values[i], v);
	}
}

/*
 * Makes p a full plan: every field given, two items in each list people
 * add, every fixed item filled, one review per objective.  The stamps
 * are set to something, which no file may show.
 */
static void
full_plan(struct wb_plan *p)
{
	const struct wb_section_def	*sd;
	struct wb_item			*it;
	size_t				 l, i;
	int				 s;

	memset(p, 0, sizeof(*p));
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(wb_data_init(&p->s[s], s), RT_OK);
	for (s = 0; s < WB__MAX; s++) {
		sd = &wb_sections[s];
		fill_values(sd->fields, sd->nfields, p->s[s].values, s % 2);
		for (l = 0; l < sd->nlists; l++) {
			const struct wb_list *lst = &sd->lists[l];

			if (lst->fixed_ids == NULL &&
			    lst->items_from_section < 0)
				for (i = 0; i < 2; i++) {
					assert_int_equal(wb_list_append(
					    &p->s[s], l, &it), RT_OK);
					(void)it;
				}
		}
	}
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(wb_data_sync_items(&p->s[s], p), RT_OK);
	for (s = 0; s < WB__MAX; s++) {
		sd = &wb_sections[s];
		for (l = 0; l < sd->nlists; l++)
			for (i = 0; i < p->s[s].lists[l].n; i++)
				fill_values(sd->lists[l].fields,
				    sd->lists[l].nfields,
				    p->s[s].lists[l].items[i].values,
				    (int)(i % 2));
		p->s[s].stamp.version = 7;
		p->s[s].stamp.updated_at = T0;
		snprintf(p->s[s].stamp.updated_by,
		    sizeof(p->s[s].stamp.updated_by), "Quelqu'un");
	}
	assert_int_equal(p->s[WB_OBJECTIVES].lists[0].n, 2);
	assert_string_equal(p->s[WB_OBJECTIVES].lists[0].items[1].id, "o2");
	assert_int_equal(p->s[WB_EVALUATION].lists[0].n, 2);
}

/* Exports p into a new buffer (freed by the caller) and checks RT_OK. */
static struct buf
export_of(const struct wb_plan *p, const char *org)
{
	struct buf	 b;

	memset(&b, 0, sizeof(b));
	assert_int_equal(export_plan_json(p, org, &b), RT_OK);
	return b;
}

/*
 * Imports s (len bytes) and checks that it is refused with rc, that the
 * message holds want (when not NULL), and that out is empty.  Returns
 * nothing; prints the message on failure.
 */
static void
refused(const char *s, size_t len, int rc, const char *want)
{
	struct wb_plan	 out;
	char		 err[512];
	int		 got, i;

	memset(&out, 0x5a, sizeof(out));
	err[0] = '\0';
	got = import_plan_json(s, len, &out, err, sizeof(err));
	if (got != rc)
		fail_msg("expected status %d, got %d (%s)", rc, got, err);
	if (want != NULL && strstr(err, want) == NULL)
		fail_msg("the message \"%s\" lacks \"%s\"", err, want);
	assert_true(err[0] != '\0');
	for (i = 0; i < WB__MAX; i++) {
		assert_int_equal(out.s[i].section, i);
		assert_null(out.s[i].values[0]);
		assert_int_equal(out.s[i].lists[0].n, 0);
		assert_null(out.s[i].lists[0].items);
	}
	wb_plan_free(&out);
}

/* refused() of a NUL-terminated string. */
static void
refused_s(const char *s, int rc, const char *want)
{
	refused(s, strlen(s), rc, want);
}

/*
 * Returns a copy (to free) of the export of the full plan with the first
 * occurrence of from replaced by to.
 */
static char *
edited(const char *from, const char *to)
{
	struct wb_plan	 p;
	struct buf	 b;
	const char	*at;
	char		*s;
	size_t		 n;

	full_plan(&p);
	b = export_of(&p, "Org");
	wb_plan_free(&p);
	assert_non_null(at = strstr(buf_str(&b), from));
	n = b.len - strlen(from) + strlen(to);
	assert_non_null(s = malloc(n + 1));
	memcpy(s, b.data, (size_t)(at - b.data));
	memcpy(s + (at - b.data), to, strlen(to));
	strcpy(s + (at - b.data) + strlen(to), at + strlen(from));
	buf_free(&b);
	return s;
}

/* The file's shape: the top level, every section in order, no stamps. */
static void
test_export_shape(void **state)
{
	struct wb_plan		 p;
	struct buf		 b, b2;
	struct json		*j;
	const struct json	*sec;
	char			 err[256];
	size_t			 i;

	(void)state;
	full_plan(&p);
	b = export_of(&p, "Comité d'été « 2026 »");
	assert_int_equal(json_parse(b.data, b.len, 8, &j, err, sizeof(err)),
	    RT_OK);
	assert_int_equal(j->type, JSON_OBJECT);
	assert_int_equal(j->n, 4);
	assert_string_equal(j->keys[0], "format");
	assert_string_equal(j->keys[1], "version");
	assert_string_equal(j->keys[2], "organisation");
	assert_string_equal(j->keys[3], "sections");
	assert_string_equal(json_get_string(j, "format"), "reseauter-plan");
	assert_true(json_get(j, "version")->number == 1);
	assert_string_equal(json_get_string(j, "organisation"),
	    "Comité d'été « 2026 »");
	sec = json_get(j, "sections");
	assert_int_equal(sec->n, WB__MAX);
	for (i = 0; i < WB__MAX; i++)
		assert_string_equal(sec->keys[i], wb_sections[i].slug);
	json_free(j);
	/* No stamp, no time: the same plan gives the same bytes. */
	assert_null(strstr(b.data, "Quelqu'un"));
	assert_null(strstr(b.data, "1700000000"));
	assert_null(strstr(b.data, "\"version\": 7"));
	assert_true(b.data[b.len - 1] == '\n');
	p.s[WB_MISSION].stamp.updated_at = T0 + 99;
	b2 = export_of(&p, "Comité d'été « 2026 »");
	assert_int_equal(b.len, b2.len);
	assert_memory_equal(b.data, b2.data, b.len);
	buf_free(&b);
	buf_free(&b2);
	wb_plan_free(&p);
}

/*
 * export -> import -> export gives the same bytes, and the plan read
 * back holds every value as it was.
 */
static void
test_round_trip(void **state)
{
	struct wb_plan	 p, q;
	struct buf	 b1, b2;
	char		 err[256];
	size_t		 s, i, l, k;

	(void)state;
	full_plan(&p);
	b1 = export_of(&p, "Comité d'été");
	err[0] = '\0';
	assert_int_equal(import_plan_json(b1.data, b1.len, &q, err,
	    sizeof(err)), RT_OK);
	assert_string_equal(err, "");
	b2 = export_of(&q, "Comité d'été");
	assert_int_equal(b1.len, b2.len);
	assert_memory_equal(b1.data, b2.data, b1.len);
	for (s = 0; s < WB__MAX; s++) {
		const struct wb_section_def *sd = &wb_sections[s];

		assert_int_equal(q.s[s].stamp.version, 0);
		for (i = 0; i < sd->nfields; i++)
			assert_string_equal(q.s[s].values[i],
			    p.s[s].values[i]);
		for (l = 0; l < sd->nlists; l++) {
			assert_int_equal(q.s[s].lists[l].n, p.s[s].lists[l].n);
			for (k = 0; k < q.s[s].lists[l].n; k++) {
				assert_string_equal(q.s[s].lists[l].items[k].id,
				    p.s[s].lists[l].items[k].id);
				for (i = 0; i < sd->lists[l].nfields; i++)
					assert_string_equal(
					    q.s[s].lists[l].items[k].values[i],
					    p.s[s].lists[l].items[k].values[i]);
			}
		}
	}
	/* The characters that JSON must escape are escaped, the rest is UTF-8. */
	assert_non_null(strstr(b1.data, "\\\"q\\\" \\\\ 🎉"));
	assert_non_null(strstr(b1.data, "guillemets » et \\\"quotes\\\"\\nDeux"));
	assert_non_null(strstr(b1.data, "tab\\tici"));
	wb_plan_free(&q);
	buf_free(&b2);

	/* An empty plan too. */
	wb_plan_free(&p);
	memset(&p, 0, sizeof(p));
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(wb_data_init(&p.s[s], (int)s), RT_OK);
	buf_free(&b1);
	b1 = export_of(&p, "");
	assert_int_equal(import_plan_json(b1.data, b1.len, &q, err,
	    sizeof(err)), RT_OK);
	b2 = export_of(&q, "");
	assert_int_equal(b1.len, b2.len);
	assert_memory_equal(b1.data, b2.data, b1.len);
	wb_plan_free(&p);
	wb_plan_free(&q);
	buf_free(&b1);
	buf_free(&b2);
}

/*
 * Any JSON layout reads the same: the file written on one line with
 * other escapes, and with a byte order mark, gives the canonical bytes.
 */
static void
test_other_layout(void **state)
{
	static const char	 head[] = "\xEF\xBB\xBF {\"version\":1.0,"
	    "\"organisation\":\"Comit\\u00e9\",\"format\":\"reseauter-plan\","
	    "\"sections\":{";
	struct wb_plan		 p, q;
	struct buf		 canon, in, out;
	char			 err[256];
	int			 s;

	(void)state;
	memset(&p, 0, sizeof(p));
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(wb_data_init(&p.s[s], s), RT_OK);
	put(&p.s[WB_MISSION].values[0], "é\n\"x\"");
	canon = export_of(&p, "Comité");
	memset(&in, 0, sizeof(in));
	assert_int_equal(buf_puts(&in, head), RT_OK);
	for (s = WB__MAX - 1; s >= 0; s--)
		assert_int_equal(buf_printf(&in, "\"%s\":%s%s",
		    wb_sections[s].slug, s == WB_MISSION ?
		    "{\"fields\":{\"mission\":\"\\u00e9\\n\\\"x\\\"\","
		    "\"unknown\":\"ignored\"},\"extra\":[]}" : "{}",
		    s > 0 ? "," : ""), RT_OK);
	assert_int_equal(buf_puts(&in, "}}\r\n"), RT_OK);
	assert_int_equal(import_plan_json(in.data, in.len, &q, err,
	    sizeof(err)), RT_OK);
	out = export_of(&q, "Comité");
	assert_int_equal(canon.len, out.len);
	assert_memory_equal(canon.data, out.data, out.len);
	wb_plan_free(&p);
	wb_plan_free(&q);
	buf_free(&canon);
	buf_free(&in);
	buf_free(&out);
}

/* Files that are no JSON, or no plan of ours, are refused and say why. */
static void
test_refused_format(void **state)
{
	char	*s;

	(void)state;
	refused_s("", RT_EINVAL, "empty");
	refused_s("\xEF\xBB\xBF", RT_EINVAL, "empty");
	refused_s("{\n  \"format\": \"reseauter-plan\",\n  \"version\" 1\n}",
	    RT_EINVAL, "not a JSON file (line 3, column");
	refused_s("{\"format\": \"reseauter-plan\", \"version\": 1,", RT_EINVAL,
	    "not a JSON file");
	refused_s("{\"format\": \"reseauter-\xff\"}", RT_EINVAL,
	    "not a JSON file");
	refused_s("PK\x03\x04 a zip file", RT_EINVAL, "not a JSON file");
	refused_s("[1, 2]", RT_EINVAL, "not a reseauter plan: the file holds "
	    "an array");
	refused_s("\"reseauter-plan\"", RT_EINVAL, "not a reseauter plan");
	refused_s("{\"name\": \"my-app\", \"items\": []}", RT_EINVAL,
	    "not a reseauter plan: the file has no \"format\"");
	refused_s("{\"format\": \"other-plan\", \"version\": 1}", RT_EINVAL,
	    "not a reseauter plan");
	refused_s("{\"format\": 1}", RT_EINVAL, "not a reseauter plan");

	/* Versions from the future and from the past say which. */
	s = edited("\"version\": 1", "\"version\": 2");
	refused_s(s, RT_EINVAL, "newer version of reseauter (format version "
	    "2; this one reads version 1)");
	free(s);
	s = edited("\"version\": 1", "\"version\": 0");
	refused_s(s, RT_EINVAL, "older format version (0)");
	free(s);
	s = edited("\"version\": 1", "\"version\": 1.5");
	refused_s(s, RT_EINVAL, "newer version");
	free(s);
	s = edited("\"version\": 1", "\"version\": \"1\"");
	refused_s(s, RT_EINVAL, "\"version\" is a string, not a number");
	free(s);
	s = edited("\"version\": 1,", "");
	refused_s(s, RT_EINVAL, "no \"version\"");
	free(s);
	s = edited("\"organisation\": \"Org\"", "\"organisation\": null");
	refused_s(s, RT_EINVAL, "\"organisation\" is null, not a string");
	free(s);
	s = edited("\"organisation\": \"Org\",", "");
	refused_s(s, RT_EINVAL, "\"organisation\" is missing");
	free(s);
	s = edited("\"organisation\": \"Org\"", "\"organisation\": \"Org\", "
	    "\"history\": []");
	refused_s(s, RT_EINVAL, "a member \"history\"");
	free(s);
	s = edited("\"organisation\": \"Org\"", "\"organisation\": \"Org\", "
	    "\"format\": \"reseauter-plan\"");
	refused_s(s, RT_EINVAL, "\"format\" twice");
	free(s);
	refused_s("{\"format\": \"reseauter-plan\", \"version\": 1, "
	    "\"organisation\": \"x\", \"sections\": []}", RT_EINVAL,
	    "\"sections\" is an array, not an object");
}

/* The sections: unknown, missing, twice; and bad values, named. */
static void
test_refused_sections(void **state)
{
	char	*s;

	(void)state;
	s = edited("\"sections\": {", "\"sections\": {\"budget\": {}, ");
	refused_s(s, RT_EINVAL, "unknown section \"budget\"");
	free(s);
	s = edited("\"sections\": {", "\"sections\": {\"mission\": {}, ");
	refused_s(s, RT_EINVAL, "section \"mission\" is in the file twice");
	free(s);
	s = edited("\"events\": {", "\"events-gone\": {");
	refused_s(s, RT_EINVAL, "unknown section \"events-gone\"");
	free(s);
	s = edited("\"start\": {", "\"start\": 3, \"x-start\": {");
	refused_s(s, RT_EINVAL, "unknown section \"x-start\"");
	free(s);
	{
		/* A section left out: the file ends after "team". */
		struct wb_plan	 p;
		struct buf	 b;
		char		*at;

		full_plan(&p);
		b = export_of(&p, "Org");
		wb_plan_free(&p);
		assert_non_null(at = strstr(b.data, ",\n    \"evaluation\": {"));
		strcpy(at, "\n  }\n}\n");
		refused_s(b.data, RT_EINVAL, "section \"evaluation\" is "
		    "missing");
		buf_free(&b);
	}
	/* A long key is quoted cut, at a character boundary. */
	s = edited("\"sections\": {", "\"sections\": {\"é"
	    "éééééééééééééééééééééééééééééééééééééééééééééé\": {}, ");
	{
		struct wb_plan	 out;
		char		 err[512];

		assert_int_equal(import_plan_json(s, strlen(s), &out, err,
		    sizeof(err)), RT_EINVAL);
		assert_true(utf8_valid(err, strlen(err)));
		assert_non_null(strstr(err, "unknown section \"éé"));
	}
	free(s);
	s = edited("\"mission\": {", "\"mission\": [], \"x\": {");
	refused_s(s, RT_EINVAL, "unknown section \"x\"");
	free(s);
	/* Values: too long, not a date, not a choice, not a string. */
	s = edited("\"pitch_short\": \"", "\"pitch_short\": \""
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "éééééééééééééééééééééééééé");
	refused_s(s, RT_EINVAL, "section \"story\", field \"pitch_short\": "
	    "longer than 280 characters");
	free(s);
	s = edited("\"due\": \"2026-03-15\"", "\"due\": \"2026-02-30\"");
	refused_s(s, RT_EINVAL, "list \"objective\", item 1 (\"o1\"), field "
	    "\"due\": not a date");
	free(s);
	s = edited("\"responsible_stays\": \"", "\"responsible_stays\": \"x");
	refused_s(s, RT_EINVAL, "field \"responsible_stays\"");
	free(s);
	s = edited("\"website\": \"", "\"website\": 12, \"w\": \"");
	refused_s(s, RT_EINVAL, "field \"website\": not a string");
	free(s);
	s = edited("\"adjective_1\": \"", "\"adjective_1\": \"a\\nb");
	refused_s(s, RT_EINVAL, "field \"adjective_1\"");
	free(s);
	s = edited("\"id\": \"o2\"", "\"id\": \"o1\"");
	refused_s(s, RT_EINVAL, "the id \"o1\" is also item 1's");
	free(s);
	s = edited("\"id\": \"o2\"", "\"id\": \"o 2\"");
	refused_s(s, RT_EINVAL, "no valid \"id\"");
	free(s);
}

/*
 * Truncated files, files over 1 MiB, and single-byte damage: refused,
 * never half read.
 */
static void
test_refused_damaged(void **state)
{
	struct wb_plan	 p, q;
	struct buf	 b;
	char		 err[512], *big, *copy;
	size_t		 cut, i;
	int		 rc;

	(void)state;
	full_plan(&p);
	b = export_of(&p, "Org");
	wb_plan_free(&p);
	for (cut = 0; cut + 1 < b.len; cut += 13)
		refused(b.data, cut, RT_EINVAL, NULL);
	/* Without its final newline it is still the same file. */
	assert_int_equal(import_plan_json(b.data, b.len - 1, &q, err,
	    sizeof(err)), RT_OK);
	wb_plan_free(&q);

	/* Damage: whatever the status, never a crash, never half a plan. */
	assert_non_null(copy = malloc(b.len));
	for (i = 0; i < b.len; i += 7) {
		memcpy(copy, b.data, b.len);
		copy[i] = (char)(copy[i] == '"' ? '}' : '"');
		rc = import_plan_json(copy, b.len, &q, err, sizeof(err));
		assert_true(rc == RT_OK || rc == RT_EINVAL);
		if (rc != RT_OK)
			assert_int_equal(q.s[WB_POSTS].lists[0].n, 0);
		wb_plan_free(&q);
	}
	free(copy);

	/* One byte over 1 MiB: RT_ETOOBIG before any parsing. */
	assert_non_null(big = malloc(EXPORT_MAX_BYTES + 2));
	memset(big, ' ', EXPORT_MAX_BYTES + 1);
	memcpy(big, b.data, b.len);
	refused(big, EXPORT_MAX_BYTES + 1, RT_ETOOBIG, "larger than 1 MiB");
	/* Exactly 1 MiB (the file and white space) is read. */
	assert_int_equal(import_plan_json(big, EXPORT_MAX_BYTES, &q, err,
	    sizeof(err)), RT_OK);
	wb_plan_free(&q);
	free(big);
	buf_free(&b);
}

/*
 * The reviews follow the objectives: a review of an objective that is not
 * in the file is dropped, an objective without one gets an empty review;
 * references to items that are gone are kept as they are.
 */
static void
test_lists_in_step(void **state)
{
	struct wb_plan	 q;
	struct buf	 b;
	char		 err[256], *s;

	(void)state;
	s = edited("\"review\": [\n          {\n            \"id\": \"o1\"",
	    "\"review\": [\n          {\n            \"id\": \"o9\"");
	assert_int_equal(import_plan_json(s, strlen(s), &q, err, sizeof(err)),
	    RT_OK);
	assert_int_equal(q.s[WB_EVALUATION].lists[0].n, 2);
	assert_string_equal(q.s[WB_EVALUATION].lists[0].items[0].id, "o1");
	assert_string_equal(q.s[WB_EVALUATION].lists[0].items[0].values[0],
	    "");
	assert_string_equal(q.s[WB_EVALUATION].lists[0].items[1].id, "o2");
	wb_plan_free(&q);
	free(s);

	s = edited("\"objective\": \"o1\"", "\"objective\": \"o9\"");
	assert_int_equal(import_plan_json(s, strlen(s), &q, err, sizeof(err)),
	    RT_OK);
	assert_string_equal(wb_item_value(&q.s[WB_POSTS], 0,
	    &q.s[WB_POSTS].lists[0].items[0], "objective"), "o9");
	b = export_of(&q, "Org");
	assert_non_null(strstr(b.data, "\"objective\": \"o9\""));
	buf_free(&b);
	wb_plan_free(&q);
	free(s);
}

/* What the database tests work with. */
struct fx {
	struct tdb  t;
	int64_t     alice, org;    /* Alice owns "Le Cercle" */
	int64_t     bob, borg;     /* Bob owns "Chez Bob" */
};

/* Opens a fresh database with two organisations of one owner each. */
static int
setup(void **state)
{
	struct fx	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	tdb_open(&f->t, "export");
	if (org_signup(&f->t.h, NULL, "Le Cercle", "Alice", "alice@example.org",
	    TDB_HASH, "fr", T0, &f->alice, &f->org) != RT_OK ||
	    org_signup(&f->t.h, NULL, "Chez Bob", "Bob", "bob@example.org", TDB_HASH,
	    "en", T0, &f->bob, &f->borg) != RT_OK)
		return -1;
	*state = f;
	return 0;
}

/*
 * plan_replace_all(): every section gets the next version with a
 * revision, the previous content stays in the history, the standing is
 * recomputed, and the plan loads back as it was exported.
 */
static void
test_replace_all(void **state)
{
	struct fx		*f = *state;
	struct wb_plan		 in, got, q;
	struct wb_data		 d, old;
	struct plan_standing	 st;
	struct buf		 b1, b2;
	char			 err[256], sql[256];
	int			 s;

	assert_int_equal(plan_load(&f->t.h, f->org, WB_MISSION, &d), RT_OK);
	put(&d.values[0], "L'ancienne mission");
	assert_int_equal(plan_save(&f->t.h, f->org, f->alice, &d, 0, T0),
	    RT_OK);
	wb_data_free(&d);

	full_plan(&in);
	b1 = export_of(&in, "Le Cercle");
	wb_plan_free(&in);
	assert_int_equal(import_plan_json(b1.data, b1.len, &q, err,
	    sizeof(err)), RT_OK);
	assert_int_equal(plan_replace_all(&f->t.h, f->org, f->alice, &q,
	    T0 + 60), RT_OK);
	wb_plan_free(&q);

	assert_int_equal(plan_load_all(&f->t.h, f->org, &got), RT_OK);
	for (s = 0; s < WB__MAX; s++) {
		assert_int_equal(got.s[s].stamp.version, s == WB_MISSION ? 2 :
		    1);
		assert_int_equal(got.s[s].stamp.updated_at, T0 + 60);
		assert_string_equal(got.s[s].stamp.updated_by, "Alice");
	}
	b2 = export_of(&got, "Le Cercle");
	assert_int_equal(b1.len, b2.len);
	assert_memory_equal(b1.data, b2.data, b1.len);
	wb_plan_free(&got);
	buf_free(&b2);

	/* The replaced mission is still in its history. */
	assert_int_equal(plan_revision_load(&f->t.h, f->org, WB_MISSION, 1,
	    &old), RT_OK);
	assert_string_equal(old.values[0], "L'ancienne mission");
	wb_data_free(&old);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM plan_revisions "
	    "WHERE org_id = %lld", (long long)f->org);
	assert_int_equal(q_int(&f->t, sql), WB__MAX + 1);
	assert_int_equal(plan_standing(&f->t.h, f->org, &st), RT_OK);
	assert_true(st.overall > 50);
	assert_int_equal(st.updated_at, T0 + 60);

	/* Bob's plan is untouched. */
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM plan_sections "
	    "WHERE org_id = %lld", (long long)f->borg);
	assert_int_equal(q_int(&f->t, sql), 0);

	/* The same file again: one more version of each section. */
	assert_int_equal(import_plan_json(b1.data, b1.len, &q, err,
	    sizeof(err)), RT_OK);
	assert_int_equal(plan_replace_all(&f->t.h, f->org, 0, &q, T0 + 120),
	    RT_OK);
	wb_plan_free(&q);
	assert_int_equal(plan_load_all(&f->t.h, f->org, &got), RT_OK);
	assert_int_equal(got.s[WB_MISSION].stamp.version, 3);
	assert_int_equal(got.s[WB_EVENTS].stamp.version, 2);
	assert_string_equal(got.s[WB_EVENTS].stamp.updated_by, "");
	wb_plan_free(&got);
	buf_free(&b1);
}

/*
 * plan_replace_all() is one transaction: when the last section cannot be
 * written, nothing is, and every version stays.
 */
static void
test_replace_all_atomic(void **state)
{
	struct fx	*f = *state;
	struct wb_plan	 in, got;
	struct wb_data	 d;
	char		 sql[256];
	long long	 revs;

	assert_int_equal(plan_load(&f->t.h, f->org, WB_MISSION, &d), RT_OK);
	put(&d.values[0], "Avant");
	assert_int_equal(plan_save(&f->t.h, f->org, f->alice, &d, 0, T0),
	    RT_OK);
	wb_data_free(&d);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM plan_revisions "
	    "WHERE org_id = %lld", (long long)f->org);
	revs = q_int(&f->t, sql);

	full_plan(&in);
	put(&in.s[WB_EVENTS].lists[0].items[1].values[0], "bad \xff UTF-8");
	assert_int_equal(plan_replace_all(&f->t.h, f->org, f->alice, &in,
	    T0 + 1), RT_EINVAL);
	wb_plan_free(&in);
	assert_int_equal(q_int(&f->t, sql), revs);
	assert_int_equal(plan_load_all(&f->t.h, f->org, &got), RT_OK);
	assert_int_equal(got.s[WB_MISSION].stamp.version, 1);
	assert_string_equal(got.s[WB_MISSION].values[0], "Avant");
	assert_int_equal(got.s[WB_START].stamp.version, 0);
	wb_plan_free(&got);

	/* An organisation that does not exist: RT_EDB, nothing written. */
	full_plan(&in);
	assert_int_equal(plan_replace_all(&f->t.h, 999999, f->alice, &in, T0),
	    RT_EDB);
	wb_plan_free(&in);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM plan_sections "
	    "WHERE org_id = 999999"), 0);
}

/*
 * plan_org_create(): a new organisation owned by the person, empty or
 * with the plan of a file, in one transaction.
 */
static void
test_org_create(void **state)
{
	struct fx	*f = *state;
	struct wb_plan	 in, got;
	struct buf	 b1, b2;
	char		 name[AUTH_NAME_MAX];
	int64_t		 oid;
	int		 role, s;
	long long	 orgs;

	assert_int_equal(plan_org_create(&f->t.h, "Nouveau « comité »",
	    f->bob, NULL, T0 + 5, &oid), RT_OK);
	assert_true(oid > 0 && oid != f->org && oid != f->borg);
	assert_int_equal(org_member_role(&f->t.h, oid, f->bob, &role), RT_OK);
	assert_int_equal(role, ORG_ROLE_OWNER);
	assert_int_equal(org_member_role(&f->t.h, oid, f->alice, &role), RT_OK);
	assert_int_equal(role, ORG_ROLE_NONE);
	assert_int_equal(org_name(&f->t.h, oid, name), RT_OK);
	assert_string_equal(name, "Nouveau « comité »");
	assert_int_equal(plan_load_all(&f->t.h, oid, &got), RT_OK);
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(got.s[s].stamp.version, 0);
	wb_plan_free(&got);

	full_plan(&in);
	b1 = export_of(&in, "Copie");
	assert_int_equal(plan_org_create(&f->t.h, "Copie", f->alice, &in,
	    T0 + 9, &oid), RT_OK);
	wb_plan_free(&in);
	assert_int_equal(org_member_role(&f->t.h, oid, f->alice, &role), RT_OK);
	assert_int_equal(role, ORG_ROLE_OWNER);
	assert_int_equal(plan_load_all(&f->t.h, oid, &got), RT_OK);
	for (s = 0; s < WB__MAX; s++)
		assert_int_equal(got.s[s].stamp.version, 1);
	b2 = export_of(&got, "Copie");
	assert_int_equal(b1.len, b2.len);
	assert_memory_equal(b1.data, b2.data, b1.len);
	wb_plan_free(&got);
	buf_free(&b1);
	buf_free(&b2);

	/* Refused: nothing of it stays, no organisation without an owner. */
	orgs = q_int(&f->t, "SELECT count(*) FROM orgs");
	full_plan(&in);
	put(&in.s[WB_EVENTS].lists[0].items[0].values[0], "\xc3");
	assert_int_equal(plan_org_create(&f->t.h, "Raté", f->alice, &in, T0,
	    &oid), RT_EINVAL);
	assert_int_equal(oid, 0);
	wb_plan_free(&in);
	assert_int_equal(plan_org_create(&f->t.h, "Fantôme", 999999, NULL, T0,
	    &oid), RT_EDB);
	assert_int_equal(plan_org_create(&f->t.h, "", f->alice, NULL, T0,
	    &oid), RT_EDB);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM orgs"), orgs);
	assert_int_equal(q_int(&f->t, "SELECT count(*) FROM memberships m "
	    "WHERE NOT EXISTS (SELECT 1 FROM orgs o WHERE o.id = m.org_id)"),
	    0);
}

/*
 * Returns the part of doc (NUL-terminated) that documents section slug:
 * from its heading "### `slug`" to the next "### " or "## " heading, in a
 * malloc'd copy; fails the test when there is no such heading.
 */
static char *
doc_section(const char *doc, const char *slug)
{
	char		 head[64];
	const char	*at, *end, *e2;
	char		*s;

	snprintf(head, sizeof(head), "\n### `%s`", slug);
	if ((at = strstr(doc, head)) == NULL)
		fail_msg("%s has no heading ### `%s`", DOC, slug);
	at += 1;
	end = strstr(at + 4, "\n### ");
	e2 = strstr(at + 4, "\n## ");
	if (end == NULL || (e2 != NULL && e2 < end))
		end = e2;
	if (end == NULL)
		end = at + strlen(at);
	assert_non_null(s = strndup(at, (size_t)(end - at)));
	return s;
}

/* Fails unless text (about section slug) names `word`. */
static void
doc_names(const char *text, const char *slug, const char *what,
    const char *word)
{
	char	 q[128];

	snprintf(q, sizeof(q), "`%s`", word);
	if (strstr(text, q) == NULL)
		fail_msg("%s, section `%s`: the %s `%s` is not documented", DOC,
		    slug, what, word);
}

/* Checks that text names every field of fields[0..n) and its choices. */
static void
doc_fields(const char *text, const char *slug, const struct wb_field *fields,
    size_t n)
{
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		doc_names(text, slug, "field", fields[i].def.name);
		for (k = 0; fields[i].def.choices != NULL &&
		    fields[i].def.choices[k] != NULL; k++)
			doc_names(text, slug, "choice",
			    fields[i].def.choices[k]);
	}
}

/*
 * docs/plan-format.md names, under each section's heading and in the
 * workbook's order, every field, list, list field, fixed item and choice
 * that lib/workbook.c declares, and the format and version export.h
 * writes.
 */
static void
test_doc_complete(void **state)
{
	FILE		*fp;
	char		*doc, *text, head[64];
	const char	*prev = NULL, *at;
	long		 size;
	size_t		 l, k;
	int		 s;

	(void)state;
	assert_non_null(fp = fopen(DOC, "rb"));
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	assert_true((size = ftell(fp)) > 0);
	rewind(fp);
	assert_non_null(doc = malloc((size_t)size + 1));
	assert_int_equal(fread(doc, 1, (size_t)size, fp), (size_t)size);
	doc[size] = '\0';
	fclose(fp);

	assert_non_null(strstr(doc, "`" EXPORT_FORMAT "`"));
	assert_non_null(strstr(doc, "# The plan file: `reseauter-plan`, "
	    "version 1"));
	assert_int_equal(EXPORT_VERSION, 1);
	for (s = 0; s < WB__MAX; s++) {
		const struct wb_section_def *sd = &wb_sections[s];

		snprintf(head, sizeof(head), "\n### `%s`", sd->slug);
		at = strstr(doc, head);
		assert_non_null(at);
		if (prev != NULL && at < prev)
			fail_msg("%s: section `%s` is out of the workbook's "
			    "order", DOC, sd->slug);
		prev = at;
		text = doc_section(doc, sd->slug);
		doc_fields(text, sd->slug, sd->fields, sd->nfields);
		for (l = 0; l < sd->nlists; l++) {
			const struct wb_list *lst = &sd->lists[l];

			doc_names(text, sd->slug, "list", lst->name);
			doc_fields(text, sd->slug, lst->fields, lst->nfields);
			for (k = 0; lst->fixed_ids != NULL &&
			    lst->fixed_ids[k] != NULL; k++)
				doc_names(text, sd->slug, "fixed item",
				    lst->fixed_ids[k]);
		}
		free(text);
	}
	free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export_shape),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_other_layout),
		cmocka_unit_test(test_refused_format),
		cmocka_unit_test(test_refused_sections),
		cmocka_unit_test(test_refused_damaged),
		cmocka_unit_test(test_lists_in_step),
		cmocka_unit_test_setup_teardown(test_replace_all, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_replace_all_atomic, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_org_create, setup,
		    tdb_teardown),
		cmocka_unit_test(test_doc_complete),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
