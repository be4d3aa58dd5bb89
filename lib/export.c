/*
 * export.c: a plan as one JSON file, and reading such a file back (see
 * export.h; docs/plan-format.md describes the format for people).
 *
 * Writing is the canonical writer of json.h over the sections'
 * wb_data_write_json(), so it is deterministic.  Reading is strict where a
 * mistake would be silent otherwise: a member or section this version
 * does not know, a section given twice or missing, another format or
 * version, are all refused with a line saying which; inside a section
 * wb_data_read_json() decides (it checks every value with the forms'
 * rules and ignores members it does not declare).  Nothing is kept from a
 * file that fails: the caller gets an empty plan.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "export.h"
#include "json.h"
#include "status.h"
#include "workbook.h"

/*
 * The deepest nesting of a file: the file, "sections", a section, its
 * "lists", a list, an item (6), with a little room.
 */
#define EXPORT_DEPTH 8

/* The room for the reader's messages before they are prefixed. */
#define EXPORT_ERR_LEN 512

/* The members of the file's top-level object, in the order written. */
static const char *const export_members[] = {
	"format", "version", "organisation", "sections", NULL
};

/* See export.h. */
int
export_plan_json(const struct wb_plan *p, const char *org_name,
    struct buf *out)
{
	struct json_writer	 w;
	int			 i;

	assert(p != NULL && org_name != NULL && out != NULL);
	jw_init(&w, out);
	jw_object_begin(&w);
	jw_key(&w, "format");
	jw_string(&w, EXPORT_FORMAT);
	jw_key(&w, "version");
	jw_int(&w, EXPORT_VERSION);
	jw_key(&w, "organisation");
	jw_string(&w, org_name);
	jw_key(&w, "sections");
	jw_object_begin(&w);
	for (i = 0; i < WB__MAX; i++) {
		assert(p->s[i].section == i);
		jw_key(&w, wb_sections[i].slug);
		wb_data_write_json(&p->s[i], &w);
	}
	jw_object_end(&w);
	jw_object_end(&w);
	return jw_finish(&w);
}

/*
 * Writes printf-style text into err (when errlen > 0) and returns rc.
 */
static int
export_fail(char *err, size_t errlen, int rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
export_fail(char *err, size_t errlen, int rc, const char *fmt, ...)
{
	va_list	 ap;

	if (errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return rc;
}

/* The most bytes of a key of the file quoted in a message. */
#define EXPORT_KEY_SHOWN 64

/*
 * Copies key into out, cut at a character boundary when longer than
 * EXPORT_KEY_SHOWN bytes, for a message that quotes it.
 */
static void
export_key_shown(const char *key, char out[EXPORT_KEY_SHOWN + 1])
{
	size_t	 n = strlen(key);

	if (n > EXPORT_KEY_SHOWN) {
		n = EXPORT_KEY_SHOWN;
		while (n > 0 && ((unsigned char)key[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, key, n);
	out[n] = '\0';
}

/* The name of a JSON type, for messages: "a string", "an array"... */
static const char *
export_type_name(const struct json *j)
{
	switch (j->type) {
	case JSON_NULL:
		return "null";
	case JSON_BOOL:
		return "a boolean";
	case JSON_NUMBER:
		return "a number";
	case JSON_STRING:
		return "a string";
	case JSON_ARRAY:
		return "an array";
	default:
		return "an object";
	}
}

/*
 * Checks the top-level object top of a file: only known members, each
 * once; "format", "version", "organisation" and "sections" as export.h
 * says.  Returns RT_OK or RT_EINVAL with err filled.
 */
static int
export_check_top(const struct json *top, char *err, size_t errlen)
{
	const struct json	*v;
	const char		*fmt;
	char			 shown[EXPORT_KEY_SHOWN + 1];
	size_t			 i, k;

	if (top->type != JSON_OBJECT)
		return export_fail(err, errlen, RT_EINVAL, "not a reseauter "
		    "plan: the file holds %s, not an object with \"format\": "
		    "\"%s\"", export_type_name(top), EXPORT_FORMAT);
	fmt = json_get_string(top, "format");
	if (fmt == NULL || strcmp(fmt, EXPORT_FORMAT) != 0)
		return export_fail(err, errlen, RT_EINVAL, "not a reseauter "
		    "plan: the file has no \"format\": \"%s\" (it may come "
		    "from another application)", EXPORT_FORMAT);
	if ((v = json_get(top, "version")) == NULL)
		return export_fail(err, errlen, RT_EINVAL, "the file has no "
		    "\"version\" (this program reads version %d)",
		    EXPORT_VERSION);
	if (v->type != JSON_NUMBER)
		return export_fail(err, errlen, RT_EINVAL, "\"version\" is "
		    "%s, not a number (this program reads version %d)",
		    export_type_name(v), EXPORT_VERSION);
	if (v->number > EXPORT_VERSION)
		return export_fail(err, errlen, RT_EINVAL, "this file was "
		    "made by a newer version of reseauter (format version %g; "
		    "this one reads version %d): update reseauter, or export "
		    "the plan again from the version that made it", v->number,
		    EXPORT_VERSION);
	if (v->number < EXPORT_VERSION)
		return export_fail(err, errlen, RT_EINVAL, "this file has an "
		    "older format version (%g) than any this program reads "
		    "(it reads version %d)", v->number, EXPORT_VERSION);
	if ((v = json_get(top, "organisation")) == NULL ||
	    v->type != JSON_STRING)
		return export_fail(err, errlen, RT_EINVAL, "\"organisation\" "
		    "is %s, not a string", v == NULL ? "missing" :
		    export_type_name(v));
	if ((v = json_get(top, "sections")) == NULL ||
	    v->type != JSON_OBJECT)
		return export_fail(err, errlen, RT_EINVAL, "\"sections\" is "
		    "%s, not an object", v == NULL ? "missing" :
		    export_type_name(v));
	for (i = 0; i < top->n; i++) {
		for (k = 0; export_members[k] != NULL; k++)
			if (strcmp(top->keys[i], export_members[k]) == 0)
				break;
		if (export_members[k] == NULL) {
			export_key_shown(top->keys[i], shown);
			return export_fail(err, errlen, RT_EINVAL, "the file "
			    "has a member \"%s\" that format version %d "
			    "does not have", shown, EXPORT_VERSION);
		}
		for (k = 0; k < i; k++)
			if (strcmp(top->keys[i], top->keys[k]) == 0)
				return export_fail(err, errlen, RT_EINVAL,
				    "the file has \"%s\" twice", top->keys[i]);
	}
	return RT_OK;
}

/*
 * Checks the keys of the "sections" object: each a section of the
 * workbook, none twice, none missing.  Returns RT_OK or RT_EINVAL with
 * err filled.
 */
static int
export_check_sections(const struct json *sections, char *err, size_t errlen)
{
	char	 shown[EXPORT_KEY_SHOWN + 1];
	int	 seen[WB__MAX];
	int	 s, i;
	size_t	 k;

	memset(seen, 0, sizeof(seen));
	for (k = 0; k < sections->n; k++) {
		if ((s = wb_section_by_slug(sections->keys[k])) < 0) {
			export_key_shown(sections->keys[k], shown);
			return export_fail(err, errlen, RT_EINVAL, "unknown "
			    "section \"%s\" (format version %d has only the "
			    "sections of the workbook)", shown, EXPORT_VERSION);
		}
		if (seen[s]++)
			return export_fail(err, errlen, RT_EINVAL, "section "
			    "\"%s\" is in the file twice", wb_sections[s].slug);
	}
	for (i = 0; i < WB__MAX; i++)
		if (!seen[i])
			return export_fail(err, errlen, RT_EINVAL, "section "
			    "\"%s\" is missing", wb_sections[i].slug);
	return RT_OK;
}

/*
 * Reads every section of the checked sections object into out (zeroed),
 * then brings the lists made from another section in step.  Returns
 * RT_OK, RT_EINVAL with err filled, or RT_ENOMEM; out is left for the
 * caller to free either way.
 */
static int
export_read_sections(const struct json *sections, struct wb_plan *out,
    char *err, size_t errlen)
{
	int	 i, rc;

	for (i = 0; i < WB__MAX; i++) {
		out->s[i].section = i;
		if ((rc = wb_data_init(&out->s[i], i)) != RT_OK)
			return rc;
	}
	for (i = 0; i < WB__MAX; i++)
		if ((rc = wb_data_read_json(&out->s[i], json_get(sections,
		    wb_sections[i].slug), err, errlen)) != RT_OK)
			return rc;
	for (i = 0; i < WB__MAX; i++)
		if ((rc = wb_data_sync_items(&out->s[i], out)) != RT_OK)
			return rc;
	return RT_OK;
}

/*
 * Skips a UTF-8 byte order mark at the start of *data (*len bytes).
 */
static void
export_skip_bom(const char **data, size_t *len)
{
	if (*len >= 3 && memcmp(*data, "\xEF\xBB\xBF", 3) == 0) {
		*data += 3;
		*len -= 3;
	}
}

/* See export.h.  Only a file within EXPORT_MAX_BYTES is parsed. */
int
export_org_name(const char *data, size_t len, char *out, size_t outlen)
{
	struct json	*j = NULL;
	const char	*name;
	size_t		 n;
	int		 rc;

	assert(data != NULL || len == 0);
	assert(out != NULL && outlen > 0);
	out[0] = '\0';
	if (len > EXPORT_MAX_BYTES)
		return RT_OK;
	export_skip_bom(&data, &len);
	rc = json_parse(data, len, EXPORT_DEPTH, &j, NULL, 0);
	if (rc == RT_ENOMEM)
		return rc;
	if (rc == RT_OK && (name = json_get_string(j, "organisation")) !=
	    NULL) {
		n = strlen(name);
		if (n >= outlen) {
			n = outlen - 1;
			while (n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80)
				n--;
		}
		memcpy(out, name, n);
		out[n] = '\0';
	}
	json_free(j);
	return RT_OK;
}

/*
 * See export.h.  The size is checked first, on the bytes as given, so
 * that no larger file is ever parsed.
 */
int
import_plan_json(const char *data, size_t len, struct wb_plan *out,
    char *err, size_t errlen)
{
	struct json	*j = NULL;
	char		 perr[EXPORT_ERR_LEN];
	int		 rc, i;

	assert(data != NULL || len == 0);
	assert(out != NULL);
	assert(err != NULL || errlen == 0);
	memset(out, 0, sizeof(*out));
	for (i = 0; i < WB__MAX; i++)
		out->s[i].section = i;
	if (errlen > 0)
		err[0] = '\0';
	if (len > EXPORT_MAX_BYTES)
		return export_fail(err, errlen, RT_ETOOBIG, "the file is "
		    "larger than %d MiB (%zu bytes)",
		    EXPORT_MAX_BYTES / (1024 * 1024), len);
	export_skip_bom(&data, &len);
	if (len == 0)
		return export_fail(err, errlen, RT_EINVAL, "the file is empty");
	perr[0] = '\0';
	rc = json_parse(data, len, EXPORT_DEPTH, &j, perr, sizeof(perr));
	if (rc == RT_ENOMEM)
		return rc;
	if (rc != RT_OK)
		return export_fail(err, errlen, RT_EINVAL, "not a JSON file "
		    "(%s)", perr);
	if ((rc = export_check_top(j, err, errlen)) != RT_OK ||
	    (rc = export_check_sections(json_get(j, "sections"), err,
	    errlen)) != RT_OK)
		goto out;
	rc = export_read_sections(json_get(j, "sections"), out, err, errlen);
out:
	json_free(j);
	if (rc != RT_OK)
		wb_plan_free(out);
	return rc;
}
