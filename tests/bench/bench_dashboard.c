/*
 * bench_dashboard.c: how long a trainer's dashboard takes to load, and
 * how many SQL statements it costs, for a cohort of 500 organisations and
 * one of 50.  `make bench` builds and runs it from the repository root
 * (it reads schema.sql); it is no test and asserts nothing about time.
 *
 * The database is a temporary file with a realistic cohort: every
 * organisation with a stored standing (every section's percent, some
 * pitfalls, a last save), but one in fifty that joined and never saved;
 * a few comment threads each (one awaiting the trainer, one answered by
 * the trainer, one resolved), and a visit of the trainer to half of
 * them.  Three measures: what GET /c/<id>?sort=overall&dir=desc does
 * in lib/ (dashboard_load(), then dashboard_sort()); the same with the
 * CSV file (dashboard_csv()); and the whole page, its handler
 * cohort_get() of cgi/cohort.c called as the dispatcher would once the
 * access is checked, filling and expanding the templates (the
 * translations come from build/locale, so `make bench` builds them).
 * Prints, for each, the median, 90th and 99th percentiles in
 * milliseconds and the statements per dashboard.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "status.h"
#include "buf.h"
#include "cgi.h"
#include "dashboard.h"
#include "db.h"
#include "i18n.h"
#include "sql.h"
#include "tpl.h"

#define SCHEMA "schema.sql"
#define T0     1700000000
#define HASH   "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"

/* Runs sql on the writer, in its own transaction; exits on failure. */
static void
exec_or_die(struct db *db, const char *sql)
{
	struct db_conn	*w;
	char		*msg = NULL;

	if (db_write_begin(db, &w) != RT_OK) {
		fprintf(stderr, "bench: cannot begin a write\n");
		exit(1);
	}
	if (sqlite3_exec(db_conn_handle(w), sql, NULL, NULL, &msg) !=
	    SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", msg != NULL ? msg : "?");
		exit(1);
	}
	if (db_write_commit(db, w) != RT_OK) {
		fprintf(stderr, "bench: cannot commit\n");
		exit(1);
	}
}

/*
 * Fills cohort (trained by user 1) with n organisations whose ids start
 * at first, as the top of the file describes.
 */
static void
fill_cohort(struct db *db, int cohort, int first, int n)
{
	static const char *const slugs[] = {
		"start", "accounts", "mission", "objectives", "story", "tone",
		"audiences", "platforms", "resources", "practices", "posts",
		"team", "evaluation", "events",
	};
	struct buf	 sql;
	int		 i, s, id;

	memset(&sql, 0, sizeof(sql));
	buf_printf(&sql, "INSERT INTO cohorts (id, name, join_code, "
	    "created_at) VALUES (%d, 'Cohorte %d', 'CODE%04d', 1);"
	    "INSERT INTO cohort_trainers VALUES (%d, 1, 1);",
	    cohort, cohort, cohort, cohort);
	for (i = 0; i < n; i++) {
		id = first + i;
		buf_printf(&sql, "INSERT INTO orgs (id, name, created_at) "
		    "VALUES (%d, 'Organisme communautaire n° %d de "
		    "l''arrondissement', 1);"
		    "INSERT INTO cohort_orgs (cohort_id, org_id, joined_at) "
		    "VALUES (%d, %d, 1);", id, (i * 7919) % n, cohort, id);
		if (i % 50 != 49) {
			buf_printf(&sql, "INSERT INTO plan_standing VALUES "
			    "(%d, %d, %d, '{", id, (i * 37) % 101, i % 6);
			for (s = 0; s < 14; s++)
				buf_printf(&sql, "%s\"%s\": %d", s ? ", " : "",
				    slugs[s], (i * 13 + s * 29) % 101);
			buf_printf(&sql, "}', %d);", T0 + i * 60);
		}
		buf_printf(&sql,
		    "INSERT INTO comments (id, org_id, section, by_trainer, "
		    "body, created_at) VALUES "
		    "(%d, %d, 'mission', 0, 'Une question ?', %d), "
		    "(%d, %d, 'objectives', 1, 'Un chiffre ?', %d), "
		    "(%d, %d, 'tone', 0, 'Réglé', %d);"
		    "INSERT INTO comments (org_id, section, thread_id, "
		    "by_trainer, body, created_at) VALUES "
		    "(%d, 'objectives', %d, 0, '30 bénévoles', %d), "
		    "(%d, 'objectives', %d, 1, 'Parfait', %d);"
		    "UPDATE comments SET resolved_at = %d WHERE id = %d;",
		    id * 10 + 1, id, T0 + i, id * 10 + 2, id, T0 + i,
		    id * 10 + 3, id, T0 + i,
		    id, id * 10 + 2, T0 + i + 10, id, id * 10 + 2, T0 + i + 20,
		    T0 + i + 30, id * 10 + 3);
		if (i % 2 == 0)
			buf_printf(&sql, "INSERT INTO trainer_visits VALUES "
			    "(1, %d, 0, %d);", id, T0 + 15000);
	}
	if (sql.data == NULL) {
		fprintf(stderr, "bench: out of memory\n");
		exit(1);
	}
	exec_or_die(db, buf_str(&sql));
	buf_free(&sql);
}

/* Seconds of the monotonic clock. */
static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The qsort() order of doubles. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of the sorted v[0..n), nearest rank. */
static double
quantile(const double *v, size_t n, double q)
{
	size_t	 i = (size_t)(q * (double)n + 0.999999);

	if (i == 0)
		i = 1;
	if (i > n)
		i = n;
	return v[i - 1];
}

/* Prints the line of one measure: t[0..runs) sorted in place. */
static void
report(const char *what, size_t rows, unsigned long stmts, double *t,
    int runs)
{
	qsort(t, (size_t)runs, sizeof(*t), cmp_double);
	printf("%-24s %6zu %6lu %6d %9.2f %9.2f %9.2f\n", what, rows, stmts,
	    runs, quantile(t, (size_t)runs, 0.5), quantile(t, (size_t)runs,
	    0.9), quantile(t, (size_t)runs, 0.99));
}

/*
 * Loads the dashboard of cohort runs times (after a few unmeasured runs)
 * and prints one line: its organisations, statements, and the times.
 * With csv, each run also writes the CSV file.
 */
static void
measure(struct dbh *h, int cohort, int runs, int csv, const char *what)
{
	struct dashboard	 d;
	struct dashboard_order	 o;
	struct buf		 out;
	double			*t, t0;
	unsigned long		 before, stmts = 0;
	size_t			 rows = 0;
	int			 i;

	if ((t = calloc((size_t)runs, sizeof(*t))) == NULL)
		exit(1);
	memset(&out, 0, sizeof(out));
	dashboard_order_parse("overall", "desc", &o);
	for (i = -5; i < runs; i++) {
		before = db_conn_statements(h->rd);
		t0 = now_s();
		if (dashboard_load(h, cohort, 1, &d) != RT_OK ||
		    dashboard_sort(&d, &o) != RT_OK) {
			fprintf(stderr, "bench: the dashboard failed\n");
			exit(1);
		}
		if (csv) {
			buf_reset(&out);
			if (dashboard_csv(&d, NULL, LANG_FR, &out) != RT_OK)
				exit(1);
		}
		if (i >= 0)
			t[i] = (now_s() - t0) * 1000;
		stmts = db_conn_statements(h->rd) - before;
		rows = d.n;
		dashboard_free(&d);
	}
	report(what, rows, stmts, t, runs);
	buf_free(&out);
	free(t);
}

/*
 * Answers GET /c/<cohort>?sort=overall&dir=desc runs times through
 * cohort_get(), as trainer 1 in French, and prints one line.
 */
static void
measure_page(struct app *app, struct dbh *h, int cohort, int runs,
    const char *what)
{
	struct req	 r;
	double		*t, t0;
	unsigned long	 before, stmts = 0;
	int		 i;

	if ((t = calloc((size_t)runs, sizeof(*t))) == NULL)
		exit(1);
	memset(&r, 0, sizeof(r));
	r.app = app;
	r.h = h;
	r.method = METHOD_GET;
	snprintf(r.path, sizeof(r.path), "/c/%d", cohort);
	r.item_id = cohort;
	r.section = -1;
	r.lang = LANG_FR;
	r.now = time(NULL);
	r.logged_in = 1;
	r.sess.user_id = 1;
	r.sess.roles = AUTH_ROLE_TRAINER;
	snprintf(r.sess.user_name, sizeof(r.sess.user_name), "Tina");
	snprintf(r.csrf, sizeof(r.csrf), "%s", "bench");
	if (kvlist_add(&r.query, "sort", "overall", 7) != RT_OK ||
	    kvlist_add(&r.query, "dir", "desc", 4) != RT_OK)
		exit(1);
	for (i = -5; i < runs; i++) {
		before = db_conn_statements(h->rd);
		t0 = now_s();
		if (cohort_get(&r) != RT_OK || r.resp.status != 200) {
			fprintf(stderr, "bench: the page failed (%d)\n",
			    r.resp.status);
			exit(1);
		}
		if (i >= 0)
			t[i] = (now_s() - t0) * 1000;
		stmts = db_conn_statements(h->rd) - before;
		http_response_free(&r.resp);
	}
	report(what, (size_t)(cohort == 1 ? 500 : 50), stmts, t, runs);
	req_free(&r);
	free(t);
}

int
main(void)
{
	struct db	*db;
	struct dbh	 h;
	struct app	 app;
	char		 dir[64], path[128], p[160], err[256];

	snprintf(dir, sizeof(dir), "/tmp/reseauter-bench-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("bench: mkdtemp");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/bench.db", dir);
	if (db_open(&db, path, SCHEMA, err, sizeof(err)) != RT_OK) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	h.db = db;
	if (db_reader_open(db, &h.rd) != RT_OK)
		return 1;
	memset(&app, 0, sizeof(app));
	app.db = db;
	if (i18n_load(&app.i18n, "build/locale", err, sizeof(err)) !=
	    RT_OK || tpl_load("templates", app.i18n, err, sizeof(err)) !=
	    RT_OK) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	exec_or_die(db, "INSERT INTO users (id, email, name, pwhash, "
	    "created_at) VALUES (1, 'tina@example.org', 'Tina', '" HASH
	    "', 1); INSERT INTO user_roles VALUES (1, 'trainer', 1, NULL);");
	fill_cohort(db, 1, 1000, 500);
	fill_cohort(db, 2, 5000, 50);
	exec_or_die(db, "ANALYZE");

	printf("The dashboard of a cohort, times in ms\n");
	printf("%-24s %6s %6s %6s %9s %9s %9s\n", "", "orgs", "stmts",
	    "runs", "median", "p90", "p99");
	measure(&h, 1, 200, 0, "lib, 500 orgs");
	measure(&h, 2, 1000, 0, "lib, 50 orgs");
	measure(&h, 1, 200, 1, "lib + CSV, 500 orgs");
	measure(&h, 2, 1000, 1, "lib + CSV, 50 orgs");
	measure_page(&app, &h, 1, 100, "whole page, 500 orgs");
	measure_page(&app, &h, 2, 500, "whole page, 50 orgs");
	i18n_free(app.i18n);

	db_conn_close(h.rd);
	db_close(db);
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
	rmdir(dir);
	return 0;
}
