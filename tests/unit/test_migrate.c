/*
 * test_migrate.c: the real migrations of lib/db.c, run on databases made
 * with the old schemas kept in tests/unit/fixtures/ (schema-v1.sql to
 * schema-v5.sql are schema.sql as versions 1 to 5 shipped it).  Each test
 * builds an old database by hand, as the old program would have left it,
 * opens it with db_open(), which brings it to the current version, and
 * reads it back through lib/plan.c and lib/share.c.  Run from the
 * repository root (it reads schema.sql and the fixtures).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "db.h"
#include "auth.h"
#include "coach.h"
#include "org.h"
#include "plan.h"
#include "share.h"
#include "sql.h"
#include "workbook.h"
#include "tdb.h"

#define SCHEMA_V1 "tests/unit/fixtures/schema-v1.sql"
#define SCHEMA_V2 "tests/unit/fixtures/schema-v2.sql"
#define SCHEMA_V3 "tests/unit/fixtures/schema-v3.sql"
#define SCHEMA_V4 "tests/unit/fixtures/schema-v4.sql"
#define SCHEMA_V5 "tests/unit/fixtures/schema-v5.sql"
#define T0        1700000000

/* Reads the whole file at path into a malloc'd string (the test fails if it cannot). */
static char *
slurp(const char *path)
{
	FILE	*fp;
	char	*s;
	long	 n;

	assert_non_null(fp = fopen(path, "r"));
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	assert_true((n = ftell(fp)) > 0);
	rewind(fp);
	assert_non_null(s = malloc((size_t)n + 1));
	assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
	s[n] = '\0';
	fclose(fp);
	return s;
}

/*
 * Makes a fresh directory and in it a database built from the old schema
 * of file schema_path, then runs sql on it (the old program's rows).
 * Returns nothing open: the database is only a file, as a stopped old
 * program leaves it.
 */
static void
old_make(struct tdb *t, const char *schema_path, const char *sql)
{
	sqlite3	*s;
	char	*schema;

	tdb_mkdir(t, "mig");
	schema = slurp(schema_path);
	assert_int_equal(sqlite3_open(t->path, &s), SQLITE_OK);
	assert_int_equal(sqlite3_exec(s, "PRAGMA journal_mode = WAL; "
	    "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(s, schema, NULL, NULL, NULL),
	    SQLITE_OK);
	if (sql != NULL)
		assert_int_equal(sqlite3_exec(s, sql, NULL, NULL, NULL),
		    SQLITE_OK);
	sqlite3_close(s);
	free(schema);
}

/* A database as version 1 left it, with the rows of sql. */
static void
v1_make(struct tdb *t, const char *sql)
{
	old_make(t, SCHEMA_V1, sql);
}

/*
 * Appends to out (outlen bytes) the schema of the database handle s, one
 * line per object (type, name, table, SQL), with each SQL text's comments
 * dropped and its white space collapsed, so that two schemas compare equal
 * when they declare the same thing.
 */
static void
schema_text(sqlite3 *s, char *out, size_t outlen)
{
	sqlite3_stmt	*st;
	const char	*q;
	size_t		 n = 0;
	int		 space;

	assert_int_equal(sqlite3_prepare_v2(s, "SELECT type, name, tbl_name, "
	    "coalesce(sql, '') FROM sqlite_master "
	    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", -1,
	    &st, NULL), SQLITE_OK);
	out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW) {
		n += (size_t)snprintf(out + n, outlen - n, "%s %s %s: ",
		    sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
		    sqlite3_column_text(st, 2));
		assert_true(n < outlen);
		space = 0;
		for (q = (const char *)sqlite3_column_text(st, 3); *q != '\0';
		    q++) {
			if (q[0] == '-' && q[1] == '-') {
				while (*q != '\0' && *q != '\n')
					q++;
				if (*q == '\0')
					break;
			}
			if (isspace((unsigned char)*q)) {
				space = 1;
				continue;
			}
			assert_true(n + 3 < outlen);
			if (space && n > 0 && out[n - 1] != ' ')
				out[n++] = ' ';
			space = 0;
			out[n++] = *q;
		}
		assert_true(n + 2 < outlen);
		out[n++] = '\n';
		out[n] = '\0';
	}
	sqlite3_finalize(st);
}

/*
 * Checks the migrated database of t as every migration must leave it: no
 * foreign key broken, PRAGMA integrity_check ok, and the schema exactly
 * the one schema.sql creates (a fresh database's).  Returns that schema as
 * schema_text() writes it, malloc'd (the caller frees it), for the test's
 * own checks of what the migration added.
 */
static char *
migrated_schema(struct tdb *t)
{
	struct tdb	 fresh;
	char		*a, *b;

	assert_int_equal(q_int(t, "SELECT count(*) FROM "
	    "pragma_foreign_key_check"), 0);
	assert_int_equal(q_int(t, "SELECT count(*) FROM "
	    "pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
	assert_non_null(a = malloc(65536));
	assert_non_null(b = malloc(65536));
	schema_text(db_conn_handle(t->h.rd), a, 65536);
	tdb_open(&fresh, "mig");
	schema_text(db_conn_handle(fresh.h.rd), b, 65536);
	assert_string_equal(a, b);
	tdb_close(&fresh);
	free(b);
	return a;
}

/* The rows of a plan as version 1 stored them: three organisations, two authors. */
static const char v1_rows[] =
    "INSERT INTO users (id, email, name, pwhash, created_at) VALUES "
    "  (1, 'alice@example.org', 'Alice', '$argon2id$x', 1),"
    "  (2, 'bob@example.org', 'Bob', '$argon2id$x', 1);"
    "INSERT INTO orgs (id, name, created_at, created_by) VALUES "
    "  (1, 'Le Cercle', 1, 1), (2, 'Chez Bob', 1, 2), (3, 'Vide', 1, 2);"
    "INSERT INTO memberships VALUES (1, 1, 'owner', 1), (2, 2, 'owner', 1),"
    "  (3, 2, 'owner', 1);"
    "INSERT INTO plan_sections VALUES "
    "  (1, 'mission', 3, 1700000100, 1),"
    "  (1, 'objectives', 2, 1700000200, 2),"
    "  (2, 'objectives', 4, 1700000300, 2);"
    "INSERT INTO plan_mission VALUES (1, "
    "  'Défendre le \"droit\" au logement' || char(10) || 'des locataires',"
    "  'Des ateliers, des campagnes \\ et 100 % d''écoute',"
    "  '');"
    /* Positions out of order: the documents follow the positions. */
    "INSERT INTO plan_objectives VALUES "
    "  (1, 3, 'Troisième', 'fundraise', 's3', 'i3', '1 000 $', "
    "   '2025-12-31'),"
    "  (1, 1, 'Premier ☃', NULL, 'sert' || char(10) || 'la mission', "
    "   'Abonnés', '500', ''),"
    "  (1, 2, 'Deuxième', 'volunteers', '', '', '', '2026-02-28');";

/* Checks objective k of d: its id and every field. */
static void
check_objective(const struct wb_data *d, size_t k, const char *id,
    const char *text, const char *kind, const char *serves,
    const char *indicator, const char *target, const char *due)
{
	const struct wb_item	*it;

	assert_true(k < d->lists[0].n);
	it = &d->lists[0].items[k];
	assert_string_equal(it->id, id);
	assert_string_equal(wb_item_value(d, 0, it, "text"), text);
	assert_string_equal(wb_item_value(d, 0, it, "kind"), kind);
	assert_string_equal(wb_item_value(d, 0, it, "serves"), serves);
	assert_string_equal(wb_item_value(d, 0, it, "indicator"), indicator);
	assert_string_equal(wb_item_value(d, 0, it, "target"), target);
	assert_string_equal(wb_item_value(d, 0, it, "due"), due);
}

/* Version 1's mission and objectives come back through plan_load() with the same content. */
static void
test_v1_to_v2_content(void **state)
{
	struct tdb	 t;
	struct wb_data	 d;

	(void)state;
	v1_make(&t, v1_rows);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "PRAGMA user_version"),
	    db_schema_version());
	assert_int_equal(db_schema_version(), 6);

	assert_int_equal(plan_load(&t.h, 1, WB_MISSION, &d), RT_OK);
	assert_string_equal(wb_value(&d, "mission"),
	    "Défendre le \"droit\" au logement\ndes locataires");
	assert_string_equal(wb_value(&d, "means"),
	    "Des ateliers, des campagnes \\ et 100 % d'écoute");
	assert_string_equal(wb_value(&d, "strategy"), "");
	assert_int_equal(d.stamp.version, 3);
	assert_int_equal(d.stamp.updated_at, 1700000100);
	assert_string_equal(d.stamp.updated_by, "Alice");
	wb_data_free(&d);

	assert_int_equal(plan_load(&t.h, 1, WB_OBJECTIVES, &d), RT_OK);
	assert_int_equal(d.lists[0].n, 3);
	check_objective(&d, 0, "o1", "Premier ☃", "", "sert\nla mission",
	    "Abonnés", "500", "");
	check_objective(&d, 1, "o2", "Deuxième", "volunteers", "", "", "",
	    "2026-02-28");
	check_objective(&d, 2, "o3", "Troisième", "fundraise", "s3", "i3",
	    "1 000 $", "2025-12-31");
	assert_int_equal(d.stamp.version, 2);
	assert_int_equal(d.stamp.updated_at, 1700000200);
	assert_string_equal(d.stamp.updated_by, "Bob");
	wb_data_free(&d);

	/* Saved with every objective removed: an empty list, its version kept. */
	assert_int_equal(plan_load(&t.h, 2, WB_OBJECTIVES, &d), RT_OK);
	assert_int_equal(d.lists[0].n, 0);
	assert_int_equal(d.stamp.version, 4);
	wb_data_free(&d);
	assert_int_equal(plan_load(&t.h, 2, WB_MISSION, &d), RT_OK);
	assert_int_equal(d.stamp.version, 0);
	wb_data_free(&d);

	/* Never saved: nothing at all. */
	assert_int_equal(plan_load(&t.h, 3, WB_MISSION, &d), RT_OK);
	assert_int_equal(d.stamp.version, 0);
	assert_string_equal(wb_value(&d, "mission"), "");
	wb_data_free(&d);
	tdb_close(&t);
}

/* Each migrated section has one revision, its current content at its current version. */
static void
test_v1_to_v2_revisions(void **state)
{
	struct tdb		 t;
	struct plan_revision	*r = NULL;
	struct wb_data		 d;
	size_t			 n;

	(void)state;
	v1_make(&t, v1_rows);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM plan_revisions"), 3);
	assert_int_equal(plan_revisions(&t.h, 1, WB_OBJECTIVES, 10, &r, &n),
	    RT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].version, 2);
	assert_int_equal(r[0].created_at, 1700000200);
	assert_string_equal(r[0].author, "Bob");
	assert_int_equal(r[0].restored_from, 0);
	free(r);
	assert_int_equal(plan_revision_load(&t.h, 1, WB_OBJECTIVES, 2, &d),
	    RT_OK);
	check_objective(&d, 2, "o3", "Troisième", "fundraise", "s3", "i3",
	    "1 000 $", "2025-12-31");
	wb_data_free(&d);

	/* Work goes on from the migrated version. */
	assert_int_equal(plan_load(&t.h, 1, WB_MISSION, &d), RT_OK);
	assert_int_equal(plan_save(&t.h, 1, 2, &d, 2, T0), RT_ECONFLICT);
	assert_int_equal(plan_save(&t.h, 1, 2, &d, 3, T0), RT_OK);
	assert_int_equal(d.stamp.version, 4);
	wb_data_free(&d);
	assert_int_equal(plan_restore(&t.h, 1, 1, WB_MISSION, 3, 4, T0 + 1),
	    RT_OK);
	assert_int_equal(plan_revisions(&t.h, 1, WB_MISSION, 10, &r, &n),
	    RT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(r[0].version, 5);
	assert_int_equal(r[0].restored_from, 3);
	free(r);
	tdb_close(&t);
}

/*
 * The migrated plans' standing is computed from their sections until
 * their next save, by plan_standing() and by the plan page's
 * plan_load_view() alike.
 */
static void
test_v1_to_v2_standing(void **state)
{
	struct tdb		 t;
	struct plan_standing	 s, v;
	struct wb_plan		 p;
	int			 i;

	(void)state;
	v1_make(&t, v1_rows);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM plan_standing"), 0);
	assert_int_equal(plan_standing(&t.h, 1, &s), RT_OK);
	assert_true(s.percent[WB_MISSION] > 0);
	assert_true(s.percent[WB_OBJECTIVES] > 0);
	assert_true(s.overall > 0);
	assert_int_equal(s.updated_at, 1700000200);
	assert_int_equal(plan_load_view(&t.h, 1, COACH_BUDGET_SECTIONS,
	    COACH_PITFALL_SECTIONS, &p, &v), RT_OK);
	for (i = 0; i < WB__MAX; i++)
		assert_int_equal(v.percent[i], s.percent[i]);
	assert_int_equal(v.overall, s.overall);
	assert_int_equal(v.pitfalls, s.pitfalls);
	assert_int_equal(v.updated_at, s.updated_at);
	wb_plan_free(&p);
	assert_int_equal(plan_standing(&t.h, 3, &s), RT_OK);
	assert_int_equal(s.overall, 0);
	assert_int_equal(s.updated_at, 0);
	assert_int_equal(plan_load_view(&t.h, 3, COACH_BUDGET_SECTIONS,
	    COACH_PITFALL_SECTIONS, &p, &v), RT_OK);
	assert_int_equal(v.overall, 0);
	assert_int_equal(v.pitfalls, 0);
	assert_int_equal(v.updated_at, 0);
	wb_plan_free(&p);
	tdb_close(&t);
}

/* The old tables are gone, and the schema is exactly the one schema.sql creates. */
static void
test_v1_to_v2_schema(void **state)
{
	struct tdb	 t;
	char		*a;

	(void)state;
	v1_make(&t, v1_rows);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM sqlite_master WHERE "
	    "name IN ('plan_mission', 'plan_objectives', "
	    "'plan_sections_v1')"), 0);
	a = migrated_schema(&t);
	assert_non_null(strstr(a, "table plan_revisions plan_revisions"));
	tdb_close(&t);
	free(a);
}

/* A version 1 database without any plan migrates to empty plan tables, and opens again. */
static void
test_v1_to_v2_empty(void **state)
{
	struct tdb	 t;

	(void)state;
	v1_make(&t, "INSERT INTO orgs (name, created_at) VALUES ('O', 1)");
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "PRAGMA user_version"),
	    db_schema_version());
	assert_int_equal(q_int(&t, "SELECT count(*) FROM plan_sections"), 0);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM plan_revisions"), 0);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM orgs"), 1);
	db_conn_close(t.h.rd);
	db_close(t.db);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "PRAGMA user_version"),
	    db_schema_version());
	tdb_close(&t);
}

/*
 * The longest values version 1's forms accepted (4000 characters of
 * mission, 500 of objective) still read back after the migration.
 */
static void
test_v1_to_v2_longest(void **state)
{
	struct tdb	 t;
	struct wb_data	 d;

	(void)state;
	v1_make(&t, "INSERT INTO orgs (id, name, created_at) VALUES (1, 'O', 1);"
	    "INSERT INTO plan_sections VALUES (1, 'mission', 1, 5, NULL),"
	    "  (1, 'objectives', 1, 6, NULL);"
	    "INSERT INTO plan_mission VALUES (1, printf('%.4000c', 'e'),"
	    "  replace(printf('%.4000c', 'x'), 'x', 'é'), '');"
	    "INSERT INTO plan_objectives VALUES (1, 1, printf('%.500c', 'o'),"
	    "  'activity', printf('%.1000c', 's'), printf('%.300c', 'i'),"
	    "  printf('%.200c', 't'), '2026-01-01');");
	tdb_db_open(&t);
	assert_int_equal(plan_load(&t.h, 1, WB_MISSION, &d), RT_OK);
	assert_int_equal(strlen(wb_value(&d, "mission")), 4000);
	assert_int_equal(strlen(wb_value(&d, "means")), 8000);
	assert_string_equal(d.stamp.updated_by, "");
	wb_data_free(&d);
	assert_int_equal(plan_load(&t.h, 1, WB_OBJECTIVES, &d), RT_OK);
	assert_int_equal(d.lists[0].n, 1);
	assert_int_equal(strlen(wb_item_value(&d, 0, &d.lists[0].items[0],
	    "text")), 500);
	wb_data_free(&d);
	tdb_close(&t);
}

/*
 * The rows of version 2: two organisations with members, a session, an
 * invitation, a login failure, and a plan with its revision and standing.
 */
static const char v2_rows[] =
    "INSERT INTO users (id, email, name, pwhash, lang, created_at) VALUES "
    "  (1, 'alice@example.org', 'Alice', '$argon2id$x', 'fr', 1),"
    "  (2, 'bob@example.org', 'Bob', '$argon2id$x', 'en', 1);"
    "INSERT INTO orgs (id, name, created_at, created_by) VALUES "
    "  (1, 'Le Cercle', 1, 1), (2, 'Chez Bob', 1, 2);"
    "INSERT INTO memberships VALUES (1, 1, 'owner', 1), (2, 2, 'owner', 1),"
    "  (1, 2, 'member', 2);"
    "INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen) "
    "  VALUES (zeroblob(32), 1, printf('%.43c', 'c'), 5, 6);"
    "INSERT INTO invitations (token_hash, org_id, created_by, created_at, "
    "  expires_at) VALUES (randomblob(32), 1, 1, 5, 100);"
    "INSERT INTO login_failures VALUES ('bob@example.org', '::1', 7);"
    "INSERT INTO plan_sections VALUES (1, 'mission', 2, "
    "  json_object('fields', json_object('mission', 'Loger « tout le monde »',"
    "    'means', 'Des bénévoles', 'strategy', ''), 'lists', json_object()),"
    "  1700000100, 2);"
    "INSERT INTO plan_revisions (org_id, section, version, data, user_id, "
    "  created_at) SELECT org_id, section, version, data, updated_by, "
    "  updated_at FROM plan_sections;"
    "INSERT INTO plan_standing VALUES (1, 10, 3, '{\"mission\": 80}', "
    "  1700000100);";

/*
 * A version 2 database keeps every row, its plans read back the same, and
 * it gets an empty table of share links that works at once.
 */
static void
test_v2_to_v3_content(void **state)
{
	struct tdb		 t;
	struct wb_data		 d;
	struct share_link	*v = NULL;
	char			 tok[AUTH_TOKEN_LEN + 1];
	int64_t			 org = 0;
	size_t			 n;

	(void)state;
	old_make(&t, SCHEMA_V2, v2_rows);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "PRAGMA user_version"),
	    db_schema_version());
	assert_int_equal(q_int(&t, "SELECT count(*) FROM users"), 2);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM orgs"), 2);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM memberships"), 3);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM sessions"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM invitations"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM login_failures"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM plan_revisions"), 1);
	assert_int_equal(q_int(&t, "SELECT overall FROM plan_standing"), 10);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM share_links"), 0);

	assert_int_equal(plan_load(&t.h, 1, WB_MISSION, &d), RT_OK);
	assert_string_equal(wb_value(&d, "mission"), "Loger « tout le monde »");
	assert_string_equal(wb_value(&d, "means"), "Des bénévoles");
	assert_int_equal(d.stamp.version, 2);
	assert_string_equal(d.stamp.updated_by, "Bob");
	wb_data_free(&d);

	assert_int_equal(share_create(&t.h, 1, 2, "CA", 0, T0, tok), RT_OK);
	assert_int_equal(share_resolve(&t.h, tok, T0 + 1, &org), RT_OK);
	assert_int_equal(org, 1);
	assert_int_equal(share_list(&t.h, 1, T0 + 1, &v, &n), RT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].creator, "Bob");
	free(v);

	/* Opened again, nothing more happens. */
	db_conn_close(t.h.rd);
	db_close(t.db);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "PRAGMA user_version"),
	    db_schema_version());
	assert_int_equal(q_int(&t, "SELECT count(*) FROM share_links"), 1);
	tdb_close(&t);
}

/* The migrated schema is exactly the one schema.sql creates, and sound. */
static void
test_v2_to_v3_schema(void **state)
{
	struct tdb	 t;
	char		*a;

	(void)state;
	old_make(&t, SCHEMA_V2, v2_rows);
	tdb_db_open(&t);
	a = migrated_schema(&t);
	assert_non_null(strstr(a, "table share_links share_links"));
	assert_non_null(strstr(a, "index share_links_org share_links"));
	assert_non_null(strstr(a, "index share_links_user share_links"));
	tdb_close(&t);
	free(a);
}

/* A version 2 database without a single row migrates too. */
static void
test_v2_to_v3_empty(void **state)
{
	struct tdb	 t;

	(void)state;
	old_make(&t, SCHEMA_V2, NULL);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "PRAGMA user_version"),
	    db_schema_version());
	assert_int_equal(q_int(&t, "SELECT count(*) FROM share_links"), 0);
	tdb_close(&t);
}

/* The rows of version 3: those of version 2 and a share link. */
static const char v3_rows[] =
    "INSERT INTO share_links (org_id, token_hash, label, created_by, "
    "  created_at) VALUES (1, randomblob(32), 'CA', 1, 5);";

/*
 * A version 3 database keeps every row and gets the empty tables of
 * trainers and cohorts; the migrated schema is exactly schema.sql's.
 */
static void
test_v3_to_v4(void **state)
{
	struct tdb	 t;
	char		*a, rows[4096];

	(void)state;
	snprintf(rows, sizeof(rows), "%s%s", v2_rows, v3_rows);
	old_make(&t, SCHEMA_V3, rows);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "PRAGMA user_version"),
	    db_schema_version());
	assert_int_equal(q_int(&t, "SELECT count(*) FROM users"), 2);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM memberships"), 3);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM share_links"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM plan_revisions"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM cohorts"), 0);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM comments"), 0);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM user_roles"), 0);
	a = migrated_schema(&t);
	assert_non_null(strstr(a, "table cohort_orgs cohort_orgs"));
	assert_non_null(strstr(a, "index comments_thread comments"));
	tdb_close(&t);
	free(a);
}

/*
 * The rows of version 4: those of version 3, an administrator, a cohort
 * with its trainer, and a comment.
 */
static const char v4_rows[] =
    "INSERT INTO user_roles VALUES (1, 'admin', 5, NULL),"
    "  (2, 'trainer', 5, 1);"
    "INSERT INTO cohorts (id, name, join_code, created_by, created_at) "
    "  VALUES (1, 'Atelier', 'ABCD2345', 2, 5);"
    "INSERT INTO cohort_trainers VALUES (1, 2, 5);"
    "INSERT INTO cohort_orgs (cohort_id, org_id, joined_at, joined_by) "
    "  VALUES (1, 1, 6, 1);"
    "INSERT INTO comments (org_id, section, user_id, by_trainer, body, "
    "  created_at) VALUES (1, 'mission', 2, 1, 'Bravo', 7);";

/*
 * A version 4 database keeps every row, its session included, and gets
 * the empty tables of accounts: the session opened before two-factor
 * existed has no session_info row and still works as a complete one; the
 * migrated schema is exactly schema.sql's.
 */
static void
test_v4_to_v5(void **state)
{
	struct tdb	 t;
	char		*a, rows[8192];

	(void)state;
	snprintf(rows, sizeof(rows), "%s%s%s", v2_rows, v3_rows, v4_rows);
	old_make(&t, SCHEMA_V4, rows);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "PRAGMA user_version"),
	    db_schema_version());
	assert_int_equal(db_schema_version(), 6);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM users"), 2);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM sessions"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM user_roles"), 2);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM cohort_orgs"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM comments"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM share_links"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM session_info"), 0);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM user_totp"), 0);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM "
	    "user_recovery_codes"), 0);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM settings"), 0);
	a = migrated_schema(&t);
	assert_non_null(strstr(a, "table session_info session_info"));
	assert_non_null(strstr(a, "table user_totp user_totp"));
	assert_non_null(strstr(a, "index user_recovery_codes_user "
	    "user_recovery_codes"));
	assert_non_null(strstr(a, "table settings settings"));
	/* The sessions table keeps the text version 4 gave it. */
	assert_non_null(strstr(a, "table sessions sessions: CREATE TABLE "
	    "sessions ( id INTEGER PRIMARY KEY, token_hash BLOB"));
	tdb_close(&t);
	free(a);
}

/*
 * The rows of version 5: those of version 4 (a failed login among them),
 * what the session was opened from, a key of two-factor authentication
 * and a recovery code, and a setting.
 */
static const char v5_rows[] =
    "INSERT INTO session_info VALUES (1, 'Firefox, Linux', '192.0.2.1', 0);"
    "INSERT INTO user_totp VALUES (1, zeroblob(20), 8, 9, 0);"
    "INSERT INTO user_recovery_codes (user_id, salt, code_hash, created_at) "
    "  VALUES (1, zeroblob(16), zeroblob(32), 9);"
    "INSERT INTO settings VALUES ('require_2fa_staff', '1', 9, 1);";

/*
 * A version 5 database keeps every row and gets the empty table of the
 * sign-ups' throttling; the migrated schema is exactly schema.sql's, and
 * a sign-up from an address is then recorded.
 */
static void
test_v5_to_v6(void **state)
{
	struct tdb	 t;
	char		*a, rows[8192];
	int64_t		 uid, oid;

	(void)state;
	snprintf(rows, sizeof(rows), "%s%s%s%s", v2_rows, v3_rows, v4_rows,
	    v5_rows);
	old_make(&t, SCHEMA_V5, rows);
	tdb_db_open(&t);
	assert_int_equal(q_int(&t, "PRAGMA user_version"),
	    db_schema_version());
	assert_int_equal(db_schema_version(), 6);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM users"), 2);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM sessions"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM session_info"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM user_totp"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM "
	    "user_recovery_codes"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM settings"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM login_failures"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM comments"), 1);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM signups"), 0);
	a = migrated_schema(&t);
	assert_non_null(strstr(a, "table signups signups"));
	assert_non_null(strstr(a, "index signups_addr signups"));
	assert_non_null(strstr(a, "index signups_at signups"));

	assert_int_equal(org_signup(&t.h, "192.0.2.1", "Nouveau", "Nadia",
	    "nadia@example.org", TDB_HASH, "fr", T0, &uid, &oid), RT_OK);
	assert_int_equal(q_int(&t, "SELECT count(*) FROM signups"), 1);
	tdb_close(&t);
	free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v1_to_v2_content),
		cmocka_unit_test(test_v1_to_v2_revisions),
		cmocka_unit_test(test_v1_to_v2_standing),
		cmocka_unit_test(test_v1_to_v2_schema),
		cmocka_unit_test(test_v1_to_v2_empty),
		cmocka_unit_test(test_v1_to_v2_longest),
		cmocka_unit_test(test_v2_to_v3_content),
		cmocka_unit_test(test_v2_to_v3_schema),
		cmocka_unit_test(test_v2_to_v3_empty),
		cmocka_unit_test(test_v3_to_v4),
		cmocka_unit_test(test_v4_to_v5),
		cmocka_unit_test(test_v5_to_v6),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
