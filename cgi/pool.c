/*
 * pool.c: the threads' turn at the FastCGI connections (pool.h).
 *
 * Why it exists: libfcgi's FCGX_Accept_r() waits on a kept connection
 * (FCGI_KEEP_CONN) for the web server's next request there, so with
 * libfcgi's loop every idle kept connection holds a thread until the
 * read timeout ends the wait, and once nginx keeps as many idle
 * connections as there are threads (it keeps sixteen per worker), a
 * request on any other connection waits that long.
 *
 * One mutex, the turn, is held by the one thread waiting for work; the
 * others wait for the turn or answer a request.  The thread with the
 * turn waits in poll() on the stop pipe, the park pipe, the listening
 * socket and every parked connection.  What is parked only the thread
 * with the turn touches; a thread that has answered a request on a kept
 * connection writes the connection's descriptor to the park pipe, and
 * the thread with the turn parks it.
 *
 * Of what is ready, the thread takes what has waited longest: each
 * connection is stamped with the round (the count of polls) it was
 * first seen ready in, so that requests are taken about in the order
 * they came and none, new or kept, is passed over.  When that is the
 * listening socket (a Unix socket), the thread accepts every connection
 * waiting there and parks each with the socket's stamp, so that the
 * queue of new connections takes its turns one by one among the kept
 * ones.  When it is a parked connection, the thread takes it out, hands
 * the turn on, and FCGX_Accept_r() reads the request on it: a connection
 * that sends its request slowly or sends no FastCGI holds that thread
 * alone, each read bounded by SO_RCVTIMEO, and libfcgi closes it.  On a
 * listening socket of another kind (TCP), FCGX_Accept_r() accepts under
 * the turn instead, with libfcgi's checks of the web server's address,
 * as libfcgi's own threaded example does.
 *
 * A connection is closed once parked for timeout_ms without bringing a
 * request (a new one that sends nothing; a kept one the web server left
 * idle, or forgot), and when the web server closes it (poll() sees it
 * ready, and FCGX_Accept_r() reads its end and closes it).
 *
 * pool_stop() writes a byte to the stop pipe, which nobody reads, and
 * the thread with the turn stops: from then on the listening socket is
 * left alone (with socket activation systemd holds it, and the next
 * process takes what waits there), the requests that wait on parked
 * connections are still answered, and every other connection is closed.
 * Then each thread returns -1 from pool_accept() as it gets the turn.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "pool.h"

/* The most of a body read and thrown away to keep its connection. */
#define POOL_DRAIN_MAX (64 * 1024)

/* The descriptors poll() watches before the parked connections. */
#define POOL_STOP_AT   0
#define POOL_PARK_AT   1
#define POOL_LISTEN_AT 2
#define POOL_FIRST     3

/* What pool_wait() returns besides a parked connection. */
#define POOL_STOPPED (-1)
#define POOL_LISTEN  (-2)

/* The time of CLOCK_MONOTONIC in milliseconds. */
static long long
pool_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* See pool.h. */
int
pool_rcvtimeo(int fd, long long ms)
{
	struct timeval tv;

	if (ms < 1)
		ms = 1;
	tv.tv_sec = (time_t)(ms / 1000);
	tv.tv_usec = (suseconds_t)(ms % 1000) * 1000;
	return setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

/* See pool.h. */
int
pool_init(struct pool *p, int listen_fd, long long timeout_ms)
{
	struct sockaddr_storage sa;
	socklen_t len = sizeof sa;

	memset(p, 0, sizeof *p);
	p->listen_fd = listen_fd;
	p->unix_socket = getsockname(listen_fd, (struct sockaddr *)&sa,
	    &len) == 0 && sa.ss_family == AF_UNIX;
	p->timeout_ms = timeout_ms;
	if (pipe2(p->stop, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(p->park, O_CLOEXEC | O_NONBLOCK) != 0) {
		close(p->stop[0]);
		close(p->stop[1]);
		return -1;
	}
	pthread_mutex_init(&p->turn, NULL);
	return 0;
}

/*
 * With the turn: parks fd, its deadline timeout_ms from now; fresh is the
 * stamp of the listening socket for a connection just accepted, 0 for a
 * kept one.  Closes fd instead when the pool stops or is full.
 */
static void
pool_add(struct pool *p, int fd, unsigned long long fresh, long long now)
{
	struct pool_conn *c;

	if (p->stopping || p->nparked >= POOL_PARKED_MAX) {
		close(fd);
		return;
	}
	c = &p->parked[p->nparked++];
	c->fd = fd;
	c->ready = 0;
	c->fresh = fresh;
	c->deadline = now + p->timeout_ms;
}

/* With the turn: parks the connections written to the park pipe. */
static void
pool_unpipe(struct pool *p, long long now)
{
	int fds[64];
	ssize_t got, i;

	while ((got = read(p->park[0], fds, sizeof fds)) > 0)
		for (i = 0; i < got / (ssize_t)sizeof fds[0]; i++)
			pool_add(p, fds[i], 0, now);
}

/*
 * With the turn: closes the parked connections not seen ready whose
 * deadline has passed.  Returns the milliseconds until the next such
 * deadline, or -1 when there is none.
 */
static int
pool_expire(struct pool *p, long long now)
{
	long long next = -1;
	int i = 0;

	while (i < p->nparked) {
		struct pool_conn *c = &p->parked[i];

		if (c->ready != 0) {
			i++;
			continue;
		}
		if (c->deadline <= now) {
			close(c->fd);
			*c = p->parked[--p->nparked];
			continue;
		}
		if (next < 0 || c->deadline - now < next)
			next = c->deadline - now;
		i++;
	}
	return (int)next;
}

/*
 * With the turn, after a poll() of fds whose parked connections were the
 * first n: stamps what is seen ready for the first time, and returns
 * what has waited longest: the index of its parked connection,
 * POOL_LISTEN for the listening socket, -1 for none.
 */
static int
pool_pick(struct pool *p, const struct pollfd *fds, int n)
{
	unsigned long long best = 0;
	int i, pick = -1;

	p->round++;
	for (i = 0; i < n; i++) {
		struct pool_conn *c = &p->parked[i];

		if (fds[POOL_FIRST + i].revents != 0 && c->ready == 0)
			c->ready = c->fresh != 0 ? c->fresh : p->round;
		if (c->ready != 0 && (best == 0 || c->ready < best)) {
			best = c->ready;
			pick = i;
		}
	}
	if (fds[POOL_LISTEN_AT].fd < 0)
		return pick;
	if (fds[POOL_LISTEN_AT].revents != 0 && p->listen_ready == 0)
		p->listen_ready = p->round;
	if (p->listen_ready != 0 && (best == 0 || p->listen_ready < best))
		pick = POOL_LISTEN;
	return pick;
}

/*
 * With the turn: accepts every connection waiting on the listening
 * socket (a Unix socket: none of libfcgi's checks of addresses apply),
 * while there is room, and parks each with the stamp fresh: a web
 * server opens a connection to send a request on it at once.  Returns
 * 0, or -1 when accept() fails otherwise than for that one connection.
 */
static int
pool_accept_all(struct pool *p, unsigned long long fresh, long long now)
{
	struct pollfd one = { .fd = p->listen_fd, .events = POLLIN };
	int fd;

	while (p->nparked < POOL_PARKED_MAX) {
		fd = accept4(p->listen_fd, NULL, NULL, SOCK_CLOEXEC);
		if (fd >= 0) {
			/* A socket that refuses it (none should) is kept. */
			pool_rcvtimeo(fd, p->timeout_ms);
			pool_add(p, fd, fresh, now);
		} else if (errno != EINTR && errno != ECONNABORTED &&
		    errno != EAGAIN && errno != EWOULDBLOCK) {
			fprintf(stderr, "reseauter: accept: %s\n",
			    strerror(errno));
			return -1;
		}
		if (poll(&one, 1, 0) != 1)
			break;
	}
	return 0;
}

/*
 * With the turn: waits until a parked connection is ready and returns its
 * descriptor, taken out of the pool; or returns POOL_LISTEN when the
 * listening socket, not a Unix socket, has a connection waiting, or
 * POOL_STOPPED once the pool stops and nothing ready is left.
 */
static int
pool_wait(struct pool *p)
{
	struct pollfd fds[POOL_FIRST + POOL_PARKED_MAX];
	unsigned long long fresh;
	long long now;
	int i, n, fd, wait;

	for (;;) {
		now = pool_now();
		wait = pool_expire(p, now);
		n = p->nparked;
		fds[POOL_STOP_AT].fd = p->stopping ? -1 : p->stop[0];
		fds[POOL_PARK_AT].fd = p->park[0];
		fds[POOL_LISTEN_AT].fd = p->stopping ||
		    n >= POOL_PARKED_MAX ? -1 : p->listen_fd;
		for (i = 0; i < n; i++)
			fds[POOL_FIRST + i].fd = p->parked[i].fd;
		for (i = 0; i < POOL_FIRST + n; i++) {
			fds[i].events = POLLIN;
			fds[i].revents = 0;
		}
		if (poll(fds, (nfds_t)(POOL_FIRST + n),
		    p->stopping ? 0 : wait) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "reseauter: poll: %s\n",
			    strerror(errno));
			return POOL_STOPPED;
		}
		if (fds[POOL_STOP_AT].revents != 0) {
			p->stopping = 1;
			continue;
		}
		now = pool_now();
		if ((fds[POOL_LISTEN_AT].revents & ~POLLIN) != 0) {
			fprintf(stderr, "reseauter: the listening socket "
			    "failed (poll events %#x)\n",
			    fds[POOL_LISTEN_AT].revents);
			p->stopping = 1;
			continue;
		}
		fd = -1;
		if ((i = pool_pick(p, fds, n)) >= 0) {
			fd = p->parked[i].fd;
			p->parked[i] = p->parked[--p->nparked];
		}
		if (fds[POOL_PARK_AT].revents != 0)
			pool_unpipe(p, now);
		if (fd >= 0)
			return fd;
		if (i == POOL_LISTEN) {
			fresh = p->listen_ready;
			p->listen_ready = 0;
			if (!p->unix_socket)
				return POOL_LISTEN;
			if (pool_accept_all(p, fresh, now) != 0)
				p->stopping = 1;
		} else if (p->stopping && fds[POOL_PARK_AT].revents == 0)
			return POOL_STOPPED;
	}
}

/* See pool.h and the top of the file. */
int
pool_accept(struct pool *p, FCGX_Request *fr)
{
	int fd, rc;

	for (;;) {
		pthread_mutex_lock(&p->turn);
		fd = pool_wait(p);
		if (fd == POOL_LISTEN) {
			rc = FCGX_Accept_r(fr);
			pthread_mutex_unlock(&p->turn);
			if (rc != 0)
				return -1;
			pool_rcvtimeo(fr->ipcFd, p->timeout_ms);
			return 0;
		}
		pthread_mutex_unlock(&p->turn);
		if (fd < 0)
			return -1;
		/*
		 * The connection is the request's, kept: FCGX_Accept_r()
		 * reads the request on it.  Should it bring no request
		 * (its end, or what is not FastCGI), libfcgi closes it and
		 * goes on to accept() on listen_sock, which must then fail
		 * at once.
		 */
		fr->ipcFd = fd;
		fr->keepConnection = 1;
		fr->listen_sock = -1;
		rc = FCGX_Accept_r(fr);
		fr->listen_sock = p->listen_fd;
		if (rc == 0)
			return 0;
	}
}

/*
 * Reads what is left of the body of fr's request and throws it away, at
 * most POOL_DRAIN_MAX bytes and within timeout_ms.  libfcgi reads only
 * when it holds no byte of the body, and then one byte is asked for, so
 * that each read() is one; the first is bounded by the connection's
 * SO_RCVTIMEO, timeout_ms already, each other by what is left of the
 * time.  Returns non-zero when the body's end was reached.
 */
static int
pool_drain(struct pool *p, FCGX_Request *fr)
{
	FCGX_Stream *in = fr->in;
	long long until = pool_now() + p->timeout_ms, left;
	char buf[4096];
	int n, total = 0, reads = 0, end = 0;

	while (in != NULL && total <= POOL_DRAIN_MAX) {
		n = (int)(in->stop - in->rdNext);
		if (n > (int)sizeof buf)
			n = (int)sizeof buf;
		if (n <= 0 && !in->isClosed) {
			if (reads++ > 0) {
				if ((left = until - pool_now()) <= 0)
					break;
				pool_rcvtimeo(fr->ipcFd, left);
			}
			n = 1;
		}
		if ((n = FCGX_GetStr(buf, n, in)) <= 0) {
			end = n == 0 && FCGX_GetError(in) == 0;
			break;
		}
		total += n;
	}
	if (reads > 1)
		pool_rcvtimeo(fr->ipcFd, p->timeout_ms);
	return end;
}

/* See pool.h and the top of the file. */
void
pool_finish(struct pool *p, FCGX_Request *fr)
{
	int fd;

	if (fr->keepConnection && !pool_drain(p, fr))
		fr->keepConnection = 0;
	FCGX_Finish_r(fr);
	if ((fd = fr->ipcFd) < 0)
		return;
	fr->ipcFd = -1;
	if (write(p->park[1], &fd, sizeof fd) != (ssize_t)sizeof fd)
		close(fd);
}

/* See pool.h. */
void
pool_stop(struct pool *p)
{
	if (write(p->stop[1], "", 1) != 1)
		fprintf(stderr, "reseauter: stop pipe: %s\n", strerror(errno));
}

/* See pool.h. */
void
pool_free(struct pool *p)
{
	int i;

	p->stopping = 1;
	pool_unpipe(p, 0);
	for (i = 0; i < p->nparked; i++)
		close(p->parked[i].fd);
	p->nparked = 0;
	close(p->stop[0]);
	close(p->stop[1]);
	close(p->park[0]);
	close(p->park[1]);
	pthread_mutex_destroy(&p->turn);
}
