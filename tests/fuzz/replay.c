/*
 * replay.c: runs files through a fuzz harness without libFuzzer.
 *
 *   replay_<name> [-q] PATH...
 *
 * Each PATH is a file, or a directory whose regular files (not those whose
 * name starts with '.') are taken in name order; a PATH that does not
 * exist is skipped (a harness may have no regressions yet).  Every file is
 * run in a child process of its own: the child reads the file into a
 * buffer of exactly its size, calls LLVMFuzzerTestOneInput() once and
 * exits, so that LeakSanitizer checks that input alone, and a crash, a
 * sanitizer report, a failed property (fuzz.h) or a time-out fails that
 * file only.  LLVMFuzzerInitialize(), when the harness has one, runs once
 * in the parent before any child, as libFuzzer runs it once.
 *
 * Prints "FAIL <file>: <why>" for each failing file (the child's own report
 * comes before it on stderr), then one line "N passed, N failed".  -q
 * leaves out the line per passing file that is otherwise printed.  Exits 1
 * when a file failed, 2 on a usage or I/O error of its own.
 *
 * The environment: FUZZ_REPLAY_TIMEOUT, seconds a file may take (default
 * 60, as the sanitizers slow things down); FUZZ_REPLAY_NOFORK=1 runs the
 * files in this process instead (for a debugger; the first failure ends
 * the run).
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"

/* libFuzzer's convention: a harness may or may not define it. */
extern int LLVMFuzzerInitialize(int *argc, char ***argv)
	__attribute__((weak));

/* The totals of the run. */
struct replay {
	int	 quiet;      /* -q: no line per passing file */
	int	 nofork;     /* FUZZ_REPLAY_NOFORK */
	unsigned timeout;    /* seconds per file */
	size_t	 passed;
	size_t	 failed;
};

/*
 * Reads the whole file path into a malloc'd buffer of exactly its size
 * (at least one byte allocated, for an empty file).  Returns the buffer
 * and its size in *len, or NULL with errno set.
 */
static uint8_t *
replay_read(const char *path, size_t *len)
{
	FILE		*f;
	uint8_t		*buf = NULL, *nb;
	size_t		 cap = 0, n = 0, r;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap == 0 ? 4096 : cap * 2;
			if ((nb = realloc(buf, cap)) == NULL)
				goto fail;
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	/* Exactly n bytes, so that a read past the input is caught. */
	if ((nb = malloc(n > 0 ? n : 1)) == NULL) {
		free(buf);
		return NULL;
	}
	memcpy(nb, buf, n);
	free(buf);
	*len = n;
	return nb;
fail:
	free(buf);
	fclose(f);
	return NULL;
}

/*
 * Runs one file through the harness in this process.  Returns 0, or 2
 * when the file cannot be read.
 */
static int
replay_run(const char *path)
{
	uint8_t	*data;
	size_t	 len;

	if ((data = replay_read(path, &len)) == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 2;
	}
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

/*
 * Runs one file in a child (or here with nofork) and counts it.  A child
 * that exits with 0 passed; any other status, a signal (abort, a
 * sanitizer, SIGALRM for the time-out) failed.
 */
static void
replay_file(struct replay *r, const char *path)
{
	pid_t	 pid;
	int	 st;

	fflush(stdout);
	fflush(stderr);
	if (r->nofork) {
		if (replay_run(path) != 0) {
			printf("FAIL %s: cannot be read\n", path);
			r->failed++;
			return;
		}
		if (!r->quiet)
			printf("ok %s\n", path);
		r->passed++;
		return;
	}
	if ((pid = fork()) == -1) {
		printf("FAIL %s: fork: %s\n", path, strerror(errno));
		r->failed++;
		return;
	}
	if (pid == 0) {
		alarm(r->timeout);
		/* exit(), not _exit(): LeakSanitizer checks at exit. */
		exit(replay_run(path));
	}
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR) {
			printf("FAIL %s: waitpid: %s\n", path, strerror(errno));
			r->failed++;
			return;
		}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
		if (!r->quiet)
			printf("ok %s\n", path);
		r->passed++;
	} else if (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM) {
		printf("FAIL %s: took more than %u s\n", path, r->timeout);
		r->failed++;
	} else if (WIFSIGNALED(st)) {
		printf("FAIL %s: killed by signal %d\n", path, WTERMSIG(st));
		r->failed++;
	} else {
		printf("FAIL %s: exit status %d\n", path, WEXITSTATUS(st));
		r->failed++;
	}
}

/* Orders directory entries by name, as scandir() wants. */
static int
replay_name_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Skips hidden entries (".", "..", ".gitkeep"...). */
static int
replay_visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/*
 * Runs path: a file, or each regular file of a directory in name order.
 * A path that does not exist adds nothing.  Returns 0, or 2 on an error
 * reading the directory.
 */
static int
replay_path(struct replay *r, const char *path)
{
	struct dirent	**list;
	struct stat	 st;
	char		*full;
	size_t		 flen;
	int		 n, i, rc = 0;

	if (stat(path, &st) == -1) {
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 2;
	}
	if (!S_ISDIR(st.st_mode)) {
		replay_file(r, path);
		return 0;
	}
	if ((n = scandir(path, &list, replay_visible, replay_name_cmp)) < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 2;
	}
	for (i = 0; i < n; i++) {
		flen = strlen(path) + strlen(list[i]->d_name) + 2;
		if ((full = malloc(flen)) == NULL) {
			rc = 2;
			break;
		}
		snprintf(full, flen, "%s/%s", path, list[i]->d_name);
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
			replay_file(r, full);
		free(full);
	}
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
	return rc;
}

/*
 * Initialises the harness, runs every path of the command line, prints
 * the count line and exits with 0, 1 (a file failed) or 2 (an error of
 * its own).
 */
int
main(int argc, char *argv[])
{
	struct replay	 r;
	const char	*t;
	int		 i = 1, rc = 0;

	memset(&r, 0, sizeof(r));
	if (argc > 1 && strcmp(argv[1], "-q") == 0) {
		r.quiet = 1;
		i++;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: %s [-q] FILE-OR-DIRECTORY...\n",
		    argv[0]);
		return 2;
	}
	t = getenv("FUZZ_REPLAY_TIMEOUT");
	r.timeout = t != NULL && atoi(t) > 0 ? (unsigned)atoi(t) : 60;
	t = getenv("FUZZ_REPLAY_NOFORK");
	r.nofork = t != NULL && strcmp(t, "1") == 0;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (; i < argc; i++)
		if (replay_path(&r, argv[i]) != 0)
			rc = 2;
	printf("%zu passed, %zu failed\n", r.passed, r.failed);
	if (rc == 0 && r.failed > 0)
		rc = 1;
	return rc;
}
