/*
 * demo.h: the demonstration plan, a finished plan a trainer can show.
 *
 * The plan is that of a fictional tenants' committee of Montréal, the
 * "Comité logement Val-des-Tilleuls", built on the example personas of
 * the workbook and filled in every section, with no pitfall open.  It is
 * written once per language as a plan file (docs/plan-format.md) in
 * lib/demo/housing.<lang>.json, which the Makefile compiles into the
 * program (build/lib/demo_plans.c): there is no file to find at run time.
 * It is read with import_plan_json() (export.h), so the demonstration
 * passes the very checks a plan file sent by a person passes.
 */
#ifndef RESEAUTER_DEMO_H
#define RESEAUTER_DEMO_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "db.h"
#include "i18n.h"
#include "workbook.h"

/*
 * The plan file of the demonstration in lang, as compiled into the
 * program: *len bytes (a NUL follows them).  Never NULL: a language
 * without its own file gets the French one.
 */
const char *demo_plan_json(enum lang lang, size_t *len);

/*
 * Reads the demonstration plan in lang into out, which the caller frees
 * with wb_plan_free() whatever is returned.  Returns RT_OK, RT_ENOMEM, or
 * RT_EINVAL when the compiled file does not read (a file of lib/demo/
 * broken at build time; logged with import_plan_json()'s reason).
 */
int demo_plan(enum lang lang, struct wb_plan *out);

/*
 * Writes into out (outlen > 0 bytes) the name of the demonstration
 * organisation in lang: the "organisation" of its plan file, which ends
 * with "(démonstration)" or "(demonstration)".  Returns RT_OK, RT_ENOMEM,
 * or RT_EINVAL when the file gives no name.
 */
int demo_org_name(enum lang lang, char *out, size_t outlen);

/*
 * Creates a demonstration organisation in cohort_id for trainer_id, in
 * ONE write transaction: the organisation, named by demo_org_name(),
 * owned by the trainer, its plan (every section at version 1, with its
 * revision and the plan's standing), and its row in the cohort with
 * demo = 1.  The caller checked that trainer_id trains the cohort.
 * Several demonstrations may be in the same cohort: each call makes a new
 * organisation.  Returns RT_OK with *org_id; or, with nothing written and
 * *org_id 0, RT_ENOTFOUND (no such cohort), RT_EEXPIRED (the cohort is
 * archived), RT_EINVAL (the compiled plan does not read), RT_ENOMEM,
 * RT_EBUSY or RT_EDB.
 */
int demo_org_create(struct dbh *h, int64_t cohort_id, int64_t trainer_id,
    enum lang lang, time_t now, int64_t *org_id);

#endif
