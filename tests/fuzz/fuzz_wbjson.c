/*
 * fuzz_wbjson.c: wb_data_read_json() for every section of the workbook,
 * as an import or a stored section document is read, and
 * wb_data_read_stored(), as the pages that only show a plan read it.
 *
 * The input: byte 0 picks the section (modulo WB__MAX), the rest is the
 * JSON document.  A document that json_parse() refuses ends there (the
 * JSON harness covers that part).
 *
 * The properties:
 *   - a refused document gets a message;
 *   - an accepted one gives a section of the right shape, with no item
 *     past a list's maximum, whose every value is within its declaration,
 *     a reference being empty or a well-formed id (fuzz.c's
 *     fuzz_check_wb_data());
 *   - written as JSON, read back and written again, it gives the same
 *     bytes;
 *   - wb_data_sync_items() and wb_data_prune_refs() against fuzz_plan()
 *     keep that shape;
 *   - wb_data_read_stored() of any document either refuses it with a
 *     message or gives a section of the right shape that can be written;
 *     of what was written from an accepted one, it gives the same bytes
 *     again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "json.h"
#include "status.h"
#include "workbook.h"

/* Writes d as JSON into out (emptied first), expecting success. */
static void
to_json(const struct wb_data *d, struct buf *out)
{
	struct json_writer	 w;
	int			 rc;

	buf_reset(out);
	jw_init(&w, out);
	wb_data_write_json(d, &w);
	rc = jw_finish(&w);
	FUZZ_CHECK(rc == RT_OK, "section %d cannot be written (%d)",
	    d->section, rc);
}

/* Reads the JSON text b into d2 (initialised here), expecting success. */
static void
from_json(struct wb_data *d2, int section, const struct buf *b)
{
	struct json	*j = NULL;
	char		 err[512];
	int		 rc;

	rc = json_parse(b->data, b->len, JSON_MAX_DEPTH, &j, err, sizeof(err));
	FUZZ_CHECK(rc == RT_OK, "the JSON written does not parse: %s", err);
	FUZZ_CHECK(wb_data_init(d2, section) == RT_OK, "memory");
	rc = wb_data_read_json(d2, j, err, sizeof(err));
	FUZZ_CHECK(rc == RT_OK, "what was written is refused: %s\n%s", err,
	    buf_str(b));
	json_free(j);
}

/*
 * Reads the JSON text s (len bytes) with wb_data_read_stored() into d
 * (initialised here) and returns its status, after checking that a
 * refusal has a message and a section read has the right shape.
 */
static int
from_stored(struct wb_data *d, int section, const char *s, size_t len)
{
	struct json	*j = NULL;
	char		 err[512];
	int		 rc;

	rc = json_parse(s, len, JSON_MAX_DEPTH, &j, err, sizeof(err));
	FUZZ_CHECK(rc == RT_OK, "the JSON does not parse again: %s", err);
	FUZZ_CHECK(wb_data_init(d, section) == RT_OK, "memory");
	rc = wb_data_read_stored(d, j, err, sizeof(err));
	json_free(j);
	FUZZ_CHECK(rc == RT_OK || rc == RT_EINVAL, "stored: status %d", rc);
	if (rc == RT_OK)
		fuzz_check_wb_shape(d, 0);
	else
		FUZZ_CHECK(err[0] != '\0' && strlen(err) < sizeof(err),
		    "stored: no message");
	return rc;
}

/*
 * One input: reads the section from the document and, when accepted,
 * checks it, its round trip and what sync and prune leave.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct wb_data	 d, d2;
	struct json	*j = NULL;
	struct buf	 b1 = { NULL, 0, 0 }, b2 = { NULL, 0, 0 };
	char		 err[512], *doc;
	size_t		 len;
	int		 section, rc;

	section = fuzz_u8(&in) % WB__MAX;
	doc = fuzz_rest(&in, &len);
	if (json_parse(doc, len, JSON_MAX_DEPTH, &j, NULL, 0) != RT_OK) {
		free(doc);
		return 0;
	}
	if (from_stored(&d2, section, doc, len) == RT_OK)
		to_json(&d2, &b2);
	wb_data_free(&d2);
	free(doc);
	FUZZ_CHECK(wb_data_init(&d, section) == RT_OK, "memory");
	rc = wb_data_read_json(&d, j, err, sizeof(err));
	json_free(j);
	FUZZ_CHECK(rc == RT_OK || rc == RT_EINVAL, "status %d", rc);
	if (rc != RT_OK) {
		FUZZ_CHECK(err[0] != '\0' && strlen(err) < sizeof(err),
		    "no message");
		wb_data_free(&d);
		buf_free(&b2);
		return 0;
	}
	fuzz_check_wb_data(&d);

	to_json(&d, &b1);
	from_json(&d2, section, &b1);
	fuzz_check_wb_data(&d2);
	to_json(&d2, &b2);
	FUZZ_CHECK(b1.len == b2.len && memcmp(b1.data, b2.data, b1.len) == 0,
	    "JSON not stable:\n%s\n---\n%s", buf_str(&b1), buf_str(&b2));
	wb_data_free(&d2);
	FUZZ_CHECK(from_stored(&d2, section, b1.data, b1.len) == RT_OK,
	    "what was written is refused as stored:\n%s", buf_str(&b1));
	to_json(&d2, &b2);
	FUZZ_CHECK(b1.len == b2.len && memcmp(b1.data, b2.data, b1.len) == 0,
	    "stored read not the same:\n%s\n---\n%s", buf_str(&b1),
	    buf_str(&b2));

	FUZZ_CHECK(wb_data_sync_items(&d, fuzz_plan()) == RT_OK, "memory");
	fuzz_check_wb_shape(&d, 0);
	FUZZ_CHECK(wb_data_prune_refs(&d, fuzz_plan()) >= 0, "memory");
	fuzz_check_wb_data(&d);

	wb_data_free(&d);
	wb_data_free(&d2);
	buf_free(&b1);
	buf_free(&b2);
	return 0;
}
