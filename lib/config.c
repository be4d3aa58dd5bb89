/*
 * config.c: the configuration, read once from the environment (see
 * config.h and the README, "Configuration").
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "status.h"

/* The bounds of the numeric variables, checked by config_from_env(). */
#define CONFIG_THREADS_MAX	64
#define CONFIG_SECONDS_MIN	60L
#define CONFIG_SECONDS_MAX	(366L * 24 * 3600)
#define CONFIG_BODY_MIN		1024L
#define CONFIG_BODY_MAX		(256L * 1024 * 1024)
#define CONFIG_SLOTS_MAX	256
#define CONFIG_LOGIN_MAX	100000
#define CONFIG_READ_TIMEOUT_MAX	3600
#define CONFIG_MINRATE_MAX	(1024L * 1024 * 1024)

/*
 * Writes the printf-style message into err[0..errlen) when err is not NULL
 * and errlen not 0 (a long message is cut, still NUL-terminated), and
 * returns RT_EINVAL so that callers can "return config_error(...)".
 */
__attribute__((format(printf, 3, 4))) static int
config_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list	 ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return RT_EINVAL;
}

/*
 * Returns the value of the environment variable name, or NULL when it is
 * unset or empty: an empty variable ("RESEAUTER_DB=") means the default,
 * as it does for most programs run by a service manager.
 */
static const char *
config_getenv(const char *name)
{
	const char	*v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/*
 * Copies the variable name (or def when it is unset) into dst, which has
 * CONFIG_PATH_MAX bytes.  A value holding a control character, or too long
 * to fit with its NUL, is refused: returns RT_EINVAL with a message in
 * err, else RT_OK.
 */
static int
config_string(const char *name, const char *def, char *dst, char *err,
    size_t errlen)
{
	const char	*v = config_getenv(name);
	const char	*p;
	size_t		 len;

	if (v == NULL)
		v = def;
	len = strlen(v);
	if (len >= CONFIG_PATH_MAX)
		return config_error(err, errlen, "%s: the value is %zu bytes "
		    "long, but at most %d are allowed.", name, len,
		    CONFIG_PATH_MAX - 1);
	for (p = v; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return config_error(err, errlen, "%s: the value holds "
			    "a control character.", name);
	memcpy(dst, v, len + 1);
	return RT_OK;
}

/*
 * Reads the variable name as a number in base 10 or 8 (digits only: no
 * sign, no space, no "0x"), or takes def when it is unset, and checks that
 * it lies in [min, max].  Returns RT_OK with the number in *out, or
 * RT_EINVAL with a message in err that names the variable, shows the value
 * and states what is expected.
 */
static int
config_number(const char *name, long def, long min, long max, int base,
    long *out, char *err, size_t errlen)
{
	const char	*v = config_getenv(name), *p;
	long		 n = 0;
	int		 digit;

	assert(base == 8 || base == 10);
	assert(min <= def && def <= max);
	if (v == NULL) {
		*out = def;
		return RT_OK;
	}
	for (p = v; *p != '\0'; p++) {
		if (*p < '0' || *p >= '0' + base)
			goto bad;
		digit = *p - '0';
		if (n > (max - digit) / base)
			goto bad;
		n = n * base + digit;
	}
	if (n < min)
		goto bad;
	*out = n;
	return RT_OK;
bad:
	if (base == 8)
		return config_error(err, errlen, "%s: expected an octal mode "
		    "(%lo or %lo), got \"%.64s\".", name, (unsigned long)min,
		    (unsigned long)max, v);
	return config_error(err, errlen, "%s: expected a whole number from "
	    "%ld to %ld, got \"%.64s\".", name, min, max, v);
}

/*
 * Checks base_url and removes its trailing slashes, in place.  It must be
 * "http://" or "https://" (lower case) followed by a non-empty host, and
 * hold no space, control character, byte outside ASCII, '?' or '#'; a path
 * after the host is allowed ("https://example.org/reseauter").  Returns
 * RT_OK or RT_EINVAL with a message in err.
 */
static int
config_base_url(char *url, char *err, size_t errlen)
{
	const char	*host, *p;
	size_t		 len;

	if (strncmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		host = url + 7;
	else
		return config_error(err, errlen, "RESEAUTER_BASE_URL: expected "
		    "an address starting with http:// or https://, got "
		    "\"%.64s\".", url);
	if (*host == '\0' || *host == '/')
		return config_error(err, errlen, "RESEAUTER_BASE_URL: the "
		    "address \"%.64s\" has no host name.", url);
	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f ||
		    *p == '?' || *p == '#')
			return config_error(err, errlen, "RESEAUTER_BASE_URL: "
			    "the address \"%.64s\" holds a space, a '?', a '#' "
			    "or a character that is not plain ASCII.", url);
	len = strlen(url);
	while (len > 0 && url[len - 1] == '/')
		url[--len] = '\0';
	return RT_OK;
}

/*
 * Returns the default number of hashing slots: the number of online
 * processors, 1 when sysconf() cannot tell, at most CONFIG_SLOTS_MAX.
 */
static long
config_default_slots(void)
{
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > CONFIG_SLOTS_MAX ? CONFIG_SLOTS_MAX : n;
}

/*
 * Fills c from the environment.  Every variable is read and checked into a
 * local copy first, so on RT_EINVAL c is left untouched and err holds one
 * English line naming the first bad variable.  Beyond the per-variable
 * bounds, RESEAUTER_SESSION_IDLE may not exceed RESEAUTER_SESSION_MAX.
 * RESEAUTER_SOCKET defaults to "" (serve on fd 0 or as CGI), which an empty
 * variable gives too.  err may be NULL (with any errlen).
 */
int
config_from_env(struct config *c, char *err, size_t errlen)
{
	struct config	 n;
	long		 v;
	int		 rc;
	const char	*sc;

	assert(c != NULL);
	memset(&n, 0, sizeof(n));
	if (err != NULL && errlen > 0)
		err[0] = '\0';

	if ((rc = config_string("RESEAUTER_DB", "var/reseauter.db",
	    n.db_path, err, errlen)) != RT_OK ||
	    (rc = config_string("RESEAUTER_SOCKET", "", n.socket_path, err,
	    errlen)) != RT_OK ||
	    (rc = config_string("RESEAUTER_TEMPLATES", "templates",
	    n.template_dir, err, errlen)) != RT_OK ||
	    (rc = config_string("RESEAUTER_LOCALEDIR", "build/locale",
	    n.locale_dir, err, errlen)) != RT_OK ||
	    (rc = config_string("RESEAUTER_SCHEMA", "schema.sql",
	    n.schema_path, err, errlen)) != RT_OK ||
	    (rc = config_string("RESEAUTER_BASE_URL", "http://127.0.0.1:8080",
	    n.base_url, err, errlen)) != RT_OK ||
	    (rc = config_base_url(n.base_url, err, errlen)) != RT_OK)
		return rc;

	if ((rc = config_number("RESEAUTER_THREADS", 4, 1, CONFIG_THREADS_MAX,
	    10, &v, err, errlen)) != RT_OK)
		return rc;
	n.threads = (int)v;

	if ((rc = config_number("RESEAUTER_SOCKET_MODE", 0660, 0600, 0660, 8,
	    &v, err, errlen)) != RT_OK)
		return rc;
	if (v != 0600 && v != 0660)
		return config_error(err, errlen, "RESEAUTER_SOCKET_MODE: "
		    "expected an octal mode (600 or 660), got \"%.64s\".",
		    getenv("RESEAUTER_SOCKET_MODE"));
	n.socket_mode = (int)v;

	n.secure_cookies = strncmp(n.base_url, "https://", 8) == 0;
	if ((sc = config_getenv("RESEAUTER_SECURE_COOKIES")) != NULL) {
		if (strcmp(sc, "0") != 0 && strcmp(sc, "1") != 0)
			return config_error(err, errlen,
			    "RESEAUTER_SECURE_COOKIES: expected 0 or 1, got "
			    "\"%.64s\".", sc);
		n.secure_cookies = sc[0] == '1';
	}

	if ((rc = config_number("RESEAUTER_SESSION_IDLE", 7200,
	    CONFIG_SECONDS_MIN, CONFIG_SECONDS_MAX, 10, &n.session_idle,
	    err, errlen)) != RT_OK ||
	    (rc = config_number("RESEAUTER_SESSION_MAX", 43200,
	    CONFIG_SECONDS_MIN, CONFIG_SECONDS_MAX, 10, &n.session_max,
	    err, errlen)) != RT_OK ||
	    (rc = config_number("RESEAUTER_INVITE_TTL", 604800,
	    CONFIG_SECONDS_MIN, CONFIG_SECONDS_MAX, 10, &n.invite_ttl,
	    err, errlen)) != RT_OK)
		return rc;
	if (n.session_idle > n.session_max)
		return config_error(err, errlen, "RESEAUTER_SESSION_IDLE (%ld) "
		    "may not exceed RESEAUTER_SESSION_MAX (%ld).",
		    n.session_idle, n.session_max);

	if ((rc = config_number("RESEAUTER_MAX_BODY", 1048576, CONFIG_BODY_MIN,
	    CONFIG_BODY_MAX, 10, &v, err, errlen)) != RT_OK)
		return rc;
	n.max_body = (size_t)v;

	if ((rc = config_number("RESEAUTER_HASH_SLOTS", config_default_slots(),
	    1, CONFIG_SLOTS_MAX, 10, &v, err, errlen)) != RT_OK)
		return rc;
	n.hash_slots = (int)v;

	if ((rc = config_number("RESEAUTER_LOGIN_MAX_ACCOUNT", 5, 1,
	    CONFIG_LOGIN_MAX, 10, &v, err, errlen)) != RT_OK)
		return rc;
	n.login_max_per_account = (int)v;

	if ((rc = config_number("RESEAUTER_LOGIN_MAX_ADDR", 20, 1,
	    CONFIG_LOGIN_MAX, 10, &v, err, errlen)) != RT_OK)
		return rc;
	n.login_max_per_addr = (int)v;

	if ((rc = config_number("RESEAUTER_SIGNUP_MAX_ADDR", 30, 1,
	    CONFIG_LOGIN_MAX, 10, &v, err, errlen)) != RT_OK)
		return rc;
	n.signup_max_per_addr = (int)v;

	if ((rc = config_number("RESEAUTER_READ_TIMEOUT", 15, 1,
	    CONFIG_READ_TIMEOUT_MAX, 10, &v, err, errlen)) != RT_OK)
		return rc;
	n.read_timeout = (int)v;

	if ((rc = config_number("RESEAUTER_READ_MINRATE", 500, 0,
	    CONFIG_MINRATE_MAX, 10, &n.read_minrate, err, errlen)) != RT_OK)
		return rc;

	*c = n;
	return RT_OK;
}

/*
 * Reads LISTEN_PID and LISTEN_FDS as sd_listen_fds(3) does: the variables
 * only count when LISTEN_PID names this very process (a child that
 * inherited them must not take its parent's sockets), and they are unset
 * before returning so that nothing started later inherits them.  A number
 * is digits only, as config_number() reads them.
 */
int
config_listen_fds(long self, int *nfds, char *err, size_t errlen)
{
	const char	*pid = config_getenv("LISTEN_PID");
	const char	*fds = config_getenv("LISTEN_FDS");
	const char	*p;
	long		 n;
	int		 rc = RT_OK;

	assert(nfds != NULL);
	*nfds = 0;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (pid == NULL)
		goto out;
	for (n = 0, p = pid; *p >= '0' && *p <= '9' && n <= 0x7fffffffL; p++)
		n = n * 10 + (*p - '0');
	if (*p != '\0' || n == 0) {
		rc = config_error(err, errlen, "LISTEN_PID: expected a process "
		    "id, got \"%.64s\".", pid);
		goto out;
	}
	if (n != self)
		goto out;
	if (fds == NULL) {
		rc = config_error(err, errlen, "LISTEN_FDS: expected the number "
		    "of sockets passed, since LISTEN_PID is this process.");
		goto out;
	}
	for (n = 0, p = fds; *p >= '0' && *p <= '9' && n <= 0xffffL; p++)
		n = n * 10 + (*p - '0');
	if (*p != '\0' || n > 0xffffL) {
		rc = config_error(err, errlen, "LISTEN_FDS: expected a whole "
		    "number of sockets, got \"%.64s\".", fds);
		goto out;
	}
	*nfds = (int)n;
out:
	unsetenv("LISTEN_PID");
	unsetenv("LISTEN_FDS");
	unsetenv("LISTEN_FDNAMES");
	return rc;
}
