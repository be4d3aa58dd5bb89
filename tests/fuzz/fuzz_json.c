/*
 * fuzz_json.c: json_parse() on any bytes, and the canonical writer on
 * whatever it accepts.
 *
 * The input: byte 0 gives the depth allowed (0 to JSON_MAX_DEPTH), the
 * rest is the document.
 *
 * The properties:
 *   - a refused document gets a message "line L, column C: ...", also
 *     into a buffer too small for it (cut, NUL-terminated);
 *   - an accepted tree nests no deeper than allowed, its strings and keys
 *     are valid UTF-8 without NUL (len is strlen), its numbers finite,
 *     and json_get() finds each key's first member;
 *   - written with jw_*() (json.h's writer has integers only: a number
 *     that is not an integer of at most 2^53 is written as null), it
 *     parses again, and writing that gives the same bytes: parse, write,
 *     parse, write is stable after one round.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "json.h"
#include "status.h"

/* Checks the tree v, at depth (containers open around it) of max. */
static void
check_tree(const struct json *v, size_t depth, size_t max)
{
	size_t	 i;

	switch (v->type) {
	case JSON_NULL:
	case JSON_BOOL:
		break;
	case JSON_NUMBER:
		FUZZ_CHECK(isfinite(v->number), "a number that is not finite");
		break;
	case JSON_STRING:
		FUZZ_CHECK(v->string != NULL && strlen(v->string) == v->len,
		    "a string of %zu bytes with len %zu",
		    v->string != NULL ? strlen(v->string) : 0, v->len);
		FUZZ_CHECK(fuzz_utf8_ok(v->string, v->len, NULL),
		    "a string that is not valid UTF-8");
		break;
	case JSON_ARRAY:
	case JSON_OBJECT:
		FUZZ_CHECK(depth < max, "nesting %zu levels, %zu allowed",
		    depth + 1, max);
		FUZZ_CHECK(v->n == 0 || v->items != NULL, "no items");
		for (i = 0; i < v->n; i++) {
			if (v->type == JSON_OBJECT) {
				const struct json *first;

				FUZZ_CHECK(fuzz_utf8_ok(v->keys[i],
				    strlen(v->keys[i]), NULL),
				    "a key that is not valid UTF-8");
				first = json_get(v, v->keys[i]);
				FUZZ_CHECK(first != NULL && first >= v->items &&
				    first <= &v->items[i] &&
				    strcmp(v->keys[first - v->items],
				    v->keys[i]) == 0,
				    "json_get misses key %zu", i);
			}
			check_tree(&v->items[i], depth + 1, max);
		}
		break;
	default:
		FUZZ_CHECK(0, "type %d", (int)v->type);
	}
}

/* Writes the tree v with the writer of json.h. */
static void
write_tree(struct json_writer *w, const struct json *v)
{
	size_t	 i;

	switch (v->type) {
	case JSON_NULL:
		jw_null(w);
		break;
	case JSON_BOOL:
		jw_bool(w, v->boolean);
		break;
	case JSON_NUMBER:
		if (v->number == floor(v->number) &&
		    fabs(v->number) <= 9007199254740992.0)
			jw_int(w, (long long)v->number);
		else
			jw_null(w);
		break;
	case JSON_STRING:
		jw_string(w, v->string);
		break;
	case JSON_ARRAY:
		jw_array_begin(w);
		for (i = 0; i < v->n; i++)
			write_tree(w, &v->items[i]);
		jw_array_end(w);
		break;
	case JSON_OBJECT:
		jw_object_begin(w);
		for (i = 0; i < v->n; i++) {
			jw_key(w, v->keys[i]);
			write_tree(w, &v->items[i]);
		}
		jw_object_end(w);
		break;
	}
}

/* Writes v into out (emptied first), expecting the writer to accept it. */
static void
write_doc(const struct json *v, struct buf *out)
{
	struct json_writer	 w;
	int			 rc;

	buf_reset(out);
	jw_init(&w, out);
	write_tree(&w, v);
	rc = jw_finish(&w);
	FUZZ_CHECK(rc == RT_OK, "the writer refuses a parsed tree (%d)", rc);
}

/*
 * One input: parses the document and, when it is accepted, checks the
 * tree and the round trip through the writer.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct json	*j = NULL, *j2 = NULL;
	struct buf	 b1 = { NULL, 0, 0 }, b2 = { NULL, 0, 0 };
	char		 err[256], tiny[8], *doc;
	size_t		 max, len;
	int		 rc;

	max = fuzz_u8(&in) % (JSON_MAX_DEPTH + 1);
	doc = fuzz_rest(&in, &len);
	rc = json_parse(doc, len, max, &j, err, sizeof(err));
	FUZZ_CHECK(rc == RT_OK || rc == RT_EINVAL || rc == RT_EUTF8,
	    "status %d", rc);
	if (rc != RT_OK) {
		FUZZ_CHECK(j == NULL, "a tree after a failure");
		FUZZ_CHECK(strncmp(err, "line ", 5) == 0 &&
		    strlen(err) < sizeof(err), "message \"%s\"", err);
		memset(tiny, 'x', sizeof(tiny));
		rc = json_parse(doc, len, max, &j, tiny, 1 + size % 7);
		FUZZ_CHECK(rc != RT_OK && strlen(tiny) < 1 + size % 7,
		    "a short message buffer");
		free(doc);
		return 0;
	}
	FUZZ_CHECK(j != NULL && err[0] == '\0', "no tree, or a message");
	check_tree(j, 0, max);

	write_doc(j, &b1);
	rc = json_parse(b1.data, b1.len, max, &j2, err, sizeof(err));
	FUZZ_CHECK(rc == RT_OK, "the written document does not parse: %s\n%s",
	    err, buf_str(&b1));
	write_doc(j2, &b2);
	FUZZ_CHECK(b1.len == b2.len && memcmp(b1.data, b2.data, b1.len) == 0,
	    "not stable after one round:\n%s\n---\n%s", buf_str(&b1),
	    buf_str(&b2));
	json_free(j);
	json_free(j2);
	buf_free(&b1);
	buf_free(&b2);
	free(doc);
	return 0;
}
