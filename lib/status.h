/*
 * status.h: the one status code shared by every lib/ module.
 *
 * Every function of lib/ that can fail returns an int that is RT_OK (zero)
 * on success or one of the codes below.  The caller decides what the user
 * sees: lib/ never writes a message for a person, it only says what went
 * wrong.
 */
#ifndef RESEAUTER_STATUS_H
#define RESEAUTER_STATUS_H

enum rt_status {
	RT_OK = 0,
	RT_ENOMEM,      /* an allocation failed */
	RT_EDB,         /* the database refused or failed (logged by db.c) */
	RT_EIO,         /* a file could not be read or written */
	RT_EINVAL,      /* malformed input (bad percent-encoding, bad value) */
	RT_EUTF8,       /* input is not valid UTF-8 */
	RT_ETOOBIG,     /* input is larger than its limit */
	RT_ENOTFOUND,   /* no such row, token or name */
	RT_EEXISTS,     /* a unique value is already taken (e.g. an e-mail) */
	RT_ECONFLICT,   /* a save was based on an outdated version */
	RT_EDENIED,     /* wrong password, wrong token, not allowed */
	RT_EEXPIRED,    /* a session, invitation or link has expired */
	RT_ETHROTTLED,  /* too many attempts: try again later */
	RT_EBUSY,       /* the database stayed locked past busy_timeout */
	RT_ESTORAGE,    /* the database cannot be written: disk full, over a
	                   size limit, read-only file or file system */
	RT_STATUS__MAX
};

/* A stable lower-case name for a status, for logs ("enomem"...). */
const char *rt_status_name(int status);

#endif
