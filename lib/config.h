/*
 * config.h: the configuration, read once from the environment at start.
 *
 * This is the only global state of the program, and it is read-only once
 * config_from_env() has returned.  Every variable is documented in the
 * README under "Configuration".
 */
#ifndef RESEAUTER_CONFIG_H
#define RESEAUTER_CONFIG_H

#include <stddef.h>

#define CONFIG_PATH_MAX 1024

struct config {
	char   db_path[CONFIG_PATH_MAX];      /* RESEAUTER_DB, "var/reseauter.db" */
	char   socket_path[CONFIG_PATH_MAX];  /* RESEAUTER_SOCKET, "" = serve on fd 0 (spawned) or as CGI */
	char   template_dir[CONFIG_PATH_MAX]; /* RESEAUTER_TEMPLATES, "templates" */
	char   locale_dir[CONFIG_PATH_MAX];   /* RESEAUTER_LOCALEDIR, "build/locale" (fr.mo, en.mo) */
	char   schema_path[CONFIG_PATH_MAX];  /* RESEAUTER_SCHEMA, "schema.sql" */
	char   base_url[CONFIG_PATH_MAX];     /* RESEAUTER_BASE_URL, "http://127.0.0.1:8080", no trailing slash */
	int    threads;             /* RESEAUTER_THREADS, 4 (1..64) */
	int    socket_mode;         /* RESEAUTER_SOCKET_MODE, octal, 0660 (0600 or 0660) */
	int    secure_cookies;      /* RESEAUTER_SECURE_COOKIES 0/1; default 1 when base_url is https */
	long   session_idle;        /* RESEAUTER_SESSION_IDLE seconds, 7200 */
	long   session_max;         /* RESEAUTER_SESSION_MAX seconds, 43200 */
	long   invite_ttl;          /* RESEAUTER_INVITE_TTL seconds, 604800 (7 days) */
	size_t max_body;            /* RESEAUTER_MAX_BODY bytes, 1048576 */
	int    hash_slots;          /* RESEAUTER_HASH_SLOTS, number of online cores */
	int    login_max_per_account; /* RESEAUTER_LOGIN_MAX_ACCOUNT, 5 failures / 15 min */
	int    login_max_per_addr;  /* RESEAUTER_LOGIN_MAX_ADDR, 20 failures / 15 min */
	int    signup_max_per_addr; /* RESEAUTER_SIGNUP_MAX_ADDR, 30 accounts made / hour */
	int    read_timeout;        /* RESEAUTER_READ_TIMEOUT seconds, 15 (1..3600): the
	                             * longest wait for the next bytes of a request body */
	long   read_minrate;        /* RESEAUTER_READ_MINRATE bytes/s, 500 (0..1073741824):
	                             * a body must come within read_timeout plus one
	                             * second per read_minrate bytes; 0, no such bound */
};

/*
 * Fills c from the environment, with the defaults above for what is unset.
 * Returns RT_OK, or RT_EINVAL with a one-line English explanation in err
 * (for the operator, at start-up) when a variable is malformed.
 */
int config_from_env(struct config *c, char *err, size_t errlen);

/* The first descriptor a service manager passes (systemd's SD_LISTEN_FDS_START). */
#define CONFIG_LISTEN_FDS_START 3

/*
 * Socket activation, as systemd's sd_listen_fds() reads it, without
 * libsystemd: when LISTEN_PID is self and LISTEN_FDS is a number from 1,
 * sets *nfds to that number (the sockets are the descriptors from
 * CONFIG_LISTEN_FDS_START on), else to 0.  LISTEN_PID, LISTEN_FDS and
 * LISTEN_FDNAMES are removed from the environment in every case.  Returns
 * RT_OK, or RT_EINVAL with a one-line message in err when the variables
 * are meant for self but malformed.
 */
int config_listen_fds(long self, int *nfds, char *err, size_t errlen);

#endif
