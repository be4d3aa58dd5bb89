/*
 * pool.h: how the program's threads share the FastCGI connections of the
 * web server: new ones on the listening socket, and those the web server
 * keeps open between requests (nginx's fastcgi_keep_conn).
 *
 * libfcgi alone cannot serve kept connections with fewer threads than
 * connections: FCGX_Accept_r() on a request whose connection is kept
 * waits on that one connection for the web server's next request there,
 * however long that takes, so each idle kept connection holds a thread
 * that the others' requests need.  Here no thread ever waits on one
 * connection: a kept connection is parked once its request is answered,
 * and the one thread that holds the turn waits in poll() on the stop
 * pipe, the listening socket and every parked connection at once, takes
 * a connection that has a request, hands the turn on, and only then lets
 * FCGX_Accept_r() read the request.  A parked connection that brings
 * nothing within its deadline is closed.
 *
 * Used by cgi/main.c, and by tests/bench/hello.c, so that the floor the
 * benchmark measures is the same pool.
 */
#ifndef RESEAUTER_POOL_H
#define RESEAUTER_POOL_H

#include <pthread.h>
#include <fcgiapp.h>

/* The most connections parked at once; one more is closed instead. */
#define POOL_PARKED_MAX 256

/* A parked connection, see pool.c. */
struct pool_conn {
	int                fd;
	unsigned long long ready;    /* the round it was first seen ready; 0: not yet */
	unsigned long long fresh;    /* just accepted: the listening socket's round */
	long long          deadline; /* CLOCK_MONOTONIC ms: closed then, if not ready */
};

/*
 * The pool of one listening socket.  What follows turn is read and
 * written only by the thread that holds it.
 */
struct pool {
	int                listen_fd;
	int                unix_socket; /* listen_fd is AF_UNIX: accepted here */
	long long          timeout_ms;  /* the read bound, see pool_init() */
	int                stop[2];     /* a pipe: a byte there stops every thread */
	int                park[2];     /* a pipe: connections to park, an int each */
	pthread_mutex_t    turn;        /* held by the thread waiting for work */
	int                stopping;    /* the stop pipe was seen */
	unsigned long long round;       /* counts the turn holders' polls */
	unsigned long long listen_ready;/* as pool_conn's ready, for listen_fd */
	int                nparked;
	struct pool_conn   parked[POOL_PARKED_MAX];
};

/*
 * Makes p the pool of listen_fd.  timeout_ms bounds every read on a
 * connection (SO_RCVTIMEO), how long a new connection may take to bring
 * its request, and how long a kept one may stay idle.  Returns 0, or -1
 * (errno set) when the pipes cannot be made.
 */
int pool_init(struct pool *p, int listen_fd, long long timeout_ms);

/*
 * Waits for the next request of any connection and reads it into fr (a
 * request of FCGX_InitRequest() on p->listen_fd that holds no
 * connection).  Returns 0, or -1 once the pool stops (or the listening
 * socket fails).
 */
int pool_accept(struct pool *p, FCGX_Request *fr);

/*
 * Ends the request of fr (FCGX_Finish_r()); a connection the web server
 * keeps is parked for pool_accept() once the rest of the request's body
 * is read (within timeout_ms, 64 KiB at most, else it is closed), and fr
 * holds no connection after it.  The connection's SO_RCVTIMEO must be
 * timeout_ms again.
 */
void pool_finish(struct pool *p, FCGX_Request *fr);

/*
 * Makes every pool_accept() return -1 from now on, and wakes the thread
 * waiting.  Called once; the listening socket is left as it is.
 */
void pool_stop(struct pool *p);

/* Closes the parked connections and the pipes, once no thread uses p. */
void pool_free(struct pool *p);

/*
 * Bounds every read() on the socket fd to ms milliseconds (at least one:
 * zero would mean no bound); a read that waits longer fails with EAGAIN.
 * Returns 0, or -1 when the socket refuses the option.
 */
int pool_rcvtimeo(int fd, long long ms);

#endif
