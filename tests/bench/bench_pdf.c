/*
 * bench_pdf.c: how long the PDF of a full plan takes to make, without
 * HTTP: pdf_plan() on the demonstration plan (lib/demo/housing.<lang>.json),
 * A4, in French then in English, as GET /o/<id>/summary.pdf makes it once
 * the plan is loaded.  `make bench` builds and runs it from the
 * repository root (the translations come from build/locale); it is no
 * test and asserts nothing about time.
 *
 * Prints, per language, the document's size and the median, 90th and
 * 99th percentiles in milliseconds of runs documents (after two
 * unmeasured ones), then the median of the CPU time the thread spent on
 * each, which moves less than the others on a busy machine.  `bench_pdf N` makes N documents per language instead
 * of 20; `bench_pdf 1` makes one of each, unmeasured twice, which is what
 * to run under callgrind to count a document's instructions:
 *
 *   valgrind --tool=callgrind --toggle-collect=pdf_plan build/bench/bench_pdf 1
 *
 * counts only inside pdf_plan() (four documents: two per language).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "demo.h"
#include "i18n.h"
#include "pdf.h"
#include "status.h"
#include "workbook.h"

/* 2026-05-14 15:00 UTC: the date of the documents. */
#define NOW ((time_t)1778770800)

/* Seconds of the clock clk (CLOCK_MONOTONIC, CLOCK_THREAD_CPUTIME_ID). */
static double
now_s(clockid_t clk)
{
	struct timespec	 ts;

	clock_gettime(clk, &ts);
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

/*
 * Makes the demonstration plan's PDF in lang runs times (after two
 * unmeasured ones) and prints one line; exits on failure.
 */
static void
measure(const struct i18n *c, enum lang lang, int runs, const char *what)
{
	struct wb_plan	 p;
	struct buf	 out = { 0 };
	char		 name[200];
	double		*t, *cpu, t0, c0;
	int		 i, measured = runs > 1;

	if ((t = calloc((size_t)runs, sizeof(*t))) == NULL ||
	    (cpu = calloc((size_t)runs, sizeof(*cpu))) == NULL)
		exit(1);
	memset(&p, 0, sizeof(p));
	if (demo_plan(lang, &p) != RT_OK ||
	    demo_org_name(lang, name, sizeof(name)) != RT_OK) {
		fprintf(stderr, "bench: the demonstration plan does not read\n");
		exit(1);
	}
	for (i = measured ? -2 : 0; i < (measured ? runs : 2); i++) {
		t0 = now_s(CLOCK_MONOTONIC);
		c0 = now_s(CLOCK_THREAD_CPUTIME_ID);
		if (pdf_plan(&p, name, c, lang, 0, NOW, &out) != RT_OK) {
			fprintf(stderr, "bench: pdf_plan failed\n");
			exit(1);
		}
		if (i >= 0 && measured) {
			t[i] = (now_s(CLOCK_MONOTONIC) - t0) * 1000;
			cpu[i] = (now_s(CLOCK_THREAD_CPUTIME_ID) - c0) * 1000;
		}
	}
	if (measured) {
		qsort(t, (size_t)runs, sizeof(*t), cmp_double);
		qsort(cpu, (size_t)runs, sizeof(*cpu), cmp_double);
		printf("%-24s %9zu %6d %9.2f %9.2f %9.2f %9.2f\n", what,
		    out.len, runs, quantile(t, (size_t)runs, 0.5),
		    quantile(t, (size_t)runs, 0.9),
		    quantile(t, (size_t)runs, 0.99),
		    quantile(cpu, (size_t)runs, 0.5));
	} else
		printf("%-24s %9zu\n", what, out.len);
	buf_free(&out);
	wb_plan_free(&p);
	free(t);
	free(cpu);
}

int
main(int argc, char *argv[])
{
	struct i18n	*c;
	char		 err[256];
	int		 runs = 20;

	if (argc > 1 && (runs = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: bench_pdf [runs]\n");
		return 1;
	}
	if (i18n_load(&c, "build/locale", err, sizeof(err)) != RT_OK) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	if (pdf_init() != RT_OK)
		fprintf(stderr, "bench: warning: font %s not found\n",
		    PDF_FONT_FAMILY);
	printf("The PDF of the demonstration plan (A4), times in ms\n");
	printf("%-24s %9s %6s %9s %9s %9s %9s\n", "", "bytes", "runs",
	    "median", "p90", "p99", "cpu p50");
	measure(c, LANG_FR, runs, "pdf_plan(), French");
	measure(c, LANG_EN, runs, "pdf_plan(), English");
	i18n_free(c);
	return 0;
}
