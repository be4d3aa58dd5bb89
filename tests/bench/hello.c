/*
 * hello.c: the floor of libfcgi for tests/bench/run.sh.  A FastCGI
 * responder that answers every request with the same body of a given size
 * ('x' bytes ending in a newline), served as the program serves: a pool
 * of threads, each with its own FCGX_Request, taking turns at the
 * connections, kept ones included, with the program's own cgi/pool.c
 * (cgi/main.c's worker()), the body written with FCGX_PutStr() after
 * the headers.  It reads no request body, parses
 * nothing and touches no database: what it costs is the cost of libfcgi,
 * of the Unix socket and of nginx's FastCGI module, under which the
 * program cannot go.
 *
 * Usage: hello SOCKET BYTES [THREADS]: listens on the Unix socket SOCKET
 * (replacing a stale one), answers with BYTES bytes, with THREADS threads
 * (4, as the program's RESEAUTER_THREADS).  Runs until SIGTERM or SIGINT.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "pool.h"

#define HELLO_THREADS_MAX 64
#define HELLO_BYTES_MAX   (16 * 1024 * 1024)
#define HELLO_TIMEOUT_MS  15000 /* the program's RESEAUTER_READ_TIMEOUT */

/* What every thread shares: read-only but for the pool. */
struct hello {
	struct pool	 pool;
	const char	*head;
	size_t		 headlen;
	const char	*body;
	size_t		 bodylen;
};

/* One worker: takes requests and answers them until the pool stops. */
static void *
hello_worker(void *arg)
{
	struct hello	*h = arg;
	FCGX_Request	 fr;

	if (FCGX_InitRequest(&fr, h->pool.listen_fd, 0) != 0) {
		fprintf(stderr, "hello: FCGX_InitRequest failed\n");
		return NULL;
	}
	while (pool_accept(&h->pool, &fr) == 0) {
		FCGX_PutStr(h->head, (int)h->headlen, fr.out);
		FCGX_PutStr(h->body, (int)h->bodylen, fr.out);
		pool_finish(&h->pool, &fr);
	}
	return NULL;
}

/*
 * Reads a number from 1 to max from s into *v.  Returns 0, or -1 when s
 * is no such number.
 */
static int
hello_number(const char *s, long max, long *v)
{
	char	*end;

	*v = strtol(s, &end, 10);
	return (*s == '\0' || *end != '\0' || *v < 1 || *v > max) ? -1 : 0;
}

int
main(int argc, char *argv[])
{
	struct hello	 h;
	struct stat	 st;
	pthread_t	 t[HELLO_THREADS_MAX];
	sigset_t	 stop;
	char		 head[128], *body;
	long		 bytes, threads = 4;
	int		 i, n, sig, fd;

	if (argc < 3 || argc > 4 || hello_number(argv[2], HELLO_BYTES_MAX,
	    &bytes) != 0 || (argc == 4 && hello_number(argv[3],
	    HELLO_THREADS_MAX, &threads) != 0)) {
		fprintf(stderr, "usage: hello SOCKET BYTES [THREADS]\n");
		return 2;
	}
	if ((body = malloc((size_t)bytes)) == NULL)
		return 1;
	memset(body, 'x', (size_t)bytes);
	body[bytes - 1] = '\n';
	n = snprintf(head, sizeof head, "Status: 200 OK\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: %ld\r\n\r\n", bytes);
	memset(&h, 0, sizeof h);
	h.head = head;
	h.headlen = (size_t)n;
	h.body = body;
	h.bodylen = (size_t)bytes;

	/* The signals are taken by sigwait() below, in no worker. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (FCGX_Init() != 0) {
		fprintf(stderr, "hello: FCGX_Init failed\n");
		return 1;
	}
	if (lstat(argv[1], &st) == 0 && S_ISSOCK(st.st_mode))
		unlink(argv[1]);
	if ((fd = FCGX_OpenSocket(argv[1], 128)) < 0) {
		fprintf(stderr, "hello: cannot listen on %s\n", argv[1]);
		return 1;
	}
	if (pool_init(&h.pool, fd, HELLO_TIMEOUT_MS) != 0) {
		fprintf(stderr, "hello: cannot make the pool\n");
		return 1;
	}
	for (n = 0; n < threads; n++)
		if (pthread_create(&t[n], NULL, hello_worker, &h) != 0)
			break;
	if (n > 0 && sigwait(&stop, &sig) == 0)
		FCGX_ShutdownPending();
	pool_stop(&h.pool);
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	pool_free(&h.pool);
	close(fd);
	unlink(argv[1]);
	free(body);
	return n > 0 ? 0 : 1;
}
