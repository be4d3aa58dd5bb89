/*
 * export.h: a plan as one JSON file, to keep, move or start another
 * organisation from, and reading such a file back.
 *
 * The format is documented field by field in docs/plan-format.md:
 *   {"format": "reseauter-plan", "version": 1,
 *    "organisation": "<the organisation's name>",
 *    "sections": {"<slug>": <the section's document>, ...}}
 * with every section of the workbook, in workbook order, each written as
 * wb_data_write_json() writes it (workbook.h).  The file holds the plan's
 * content only: no revision history, no stamps (who saved when), no
 * accounts, members, invitations or sessions; and nothing that changes
 * from one download to the next, so that the same plan always gives the
 * same bytes.  The writer is json.h's canonical one, so reading a file
 * and writing it again gives the same bytes too.
 */
#ifndef RESEAUTER_EXPORT_H
#define RESEAUTER_EXPORT_H

#include <stddef.h>
#include "buf.h"
#include "workbook.h"

/* The value of "format". */
#define EXPORT_FORMAT "reseauter-plan"

/* The version of the format this program writes, and the only one it reads. */
#define EXPORT_VERSION 1

/* The largest file import_plan_json() reads: 1 MiB. */
#define EXPORT_MAX_BYTES (1024 * 1024)

/*
 * Appends the JSON file of plan p (every section loaded, as
 * plan_load_all() gives it) and organisation org_name to out, ending with
 * a newline.  Returns RT_OK, RT_ENOMEM, or RT_EINVAL when a value is not
 * valid UTF-8 (which nothing stored can be); on failure out may hold part
 * of the file, for the caller to free.
 */
int export_plan_json(const struct wb_plan *p, const char *org_name,
    struct buf *out);

/*
 * Reads the JSON file data[0..len) into out: a UTF-8 byte order mark at
 * the start is skipped; then the file must be JSON (at most
 * EXPORT_MAX_BYTES bytes), an object with "format" "reseauter-plan",
 * "version" 1, "organisation" a string, "sections" an object holding each
 * section of the workbook exactly once and nothing else, and no other
 * member; each section is read and checked by wb_data_read_json() (the
 * same checks as the forms, but "required"), then the lists made from
 * another section (the reviews of the objectives) are brought in step
 * with it.  On RT_OK out holds the plan, every stamp zero, and the
 * caller frees it with wb_plan_free().  On failure out is emptied (and
 * may be freed again), and err holds one English line for a person
 * saying what is wrong ("not JSON: line 3, column 14: expected ':'", "this
 * file was made by a newer version of reseauter (format version 2; this
 * one reads version 1)", "section \"story\", field \"pitch_short\":
 * longer than 280 characters"...): RT_ETOOBIG for a file over
 * EXPORT_MAX_BYTES, RT_EINVAL for anything else wrong, RT_ENOMEM.  err
 * may be NULL when errlen is 0.
 */
int import_plan_json(const char *data, size_t len, struct wb_plan *out,
    char *err, size_t errlen);

/*
 * Copies into out (outlen > 0 bytes, cut at a character boundary) the
 * "organisation" of the plan file data[0..len), for a person to check
 * that the file is the one they meant; "" when the file has none or does
 * not read (import_plan_json() says why).  Returns RT_OK or RT_ENOMEM.
 */
int export_org_name(const char *data, size_t len, char *out, size_t outlen);

#endif
