/*
 * test_config.c: unit tests of lib/config.c.
 *
 * Each test starts from an environment without any RESEAUTER_ variable
 * (see test_setup) and sets those it needs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <setjmp.h>
#include <cmocka.h>

#include "config.h"
#include "status.h"

/* Every variable config_from_env() reads. */
static const char *const test_vars[] = {
	"RESEAUTER_DB", "RESEAUTER_SOCKET", "RESEAUTER_TEMPLATES",
	"RESEAUTER_LOCALEDIR", "RESEAUTER_SCHEMA", "RESEAUTER_BASE_URL",
	"RESEAUTER_THREADS", "RESEAUTER_SOCKET_MODE",
	"RESEAUTER_SECURE_COOKIES", "RESEAUTER_SESSION_IDLE",
	"RESEAUTER_SESSION_MAX", "RESEAUTER_INVITE_TTL", "RESEAUTER_MAX_BODY",
	"RESEAUTER_HASH_SLOTS", "RESEAUTER_LOGIN_MAX_ACCOUNT",
	"RESEAUTER_LOGIN_MAX_ADDR", "RESEAUTER_SIGNUP_MAX_ADDR",
	"RESEAUTER_READ_TIMEOUT", "RESEAUTER_READ_MINRATE",
};

/* Removes every RESEAUTER_ variable before a test.  Always succeeds. */
static int
test_setup(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(test_vars) / sizeof(test_vars[0]); i++)
		unsetenv(test_vars[i]);
	return 0;
}

/* Sets the variable name to value, failing the test if it cannot. */
static void
test_set(const char *name, const char *value)
{
	assert_int_equal(setenv(name, value, 1), 0);
}

/*
 * Sets name to value, expects config_from_env() to refuse it with an error
 * line that names the variable, and checks that the struct was left
 * untouched.  Puts name back to unset afterwards.  Reports the caller's
 * line on failure.
 */
static void
check_bad(const char *name, const char *value, int line)
{
	struct config	 c, before;
	char		 err[256];
	int		 rc;

	memset(&c, 0xab, sizeof(c));
	memcpy(&before, &c, sizeof(c));
	test_set(name, value);
	rc = config_from_env(&c, err, sizeof(err));
	unsetenv(name);
	if (rc != RT_EINVAL)
		fail_msg("line %d: %s=\"%s\" gave %d", line, name, value, rc);
	if (strstr(err, name) == NULL)
		fail_msg("line %d: error \"%s\" does not name %s", line, err,
		    name);
	if (strchr(err, '\n') != NULL || err[strlen(err) - 1] != '.')
		fail_msg("line %d: error \"%s\" is not one sentence", line,
		    err);
	if (memcmp(&c, &before, sizeof(c)) != 0)
		fail_msg("line %d: the struct was modified", line);
}

/* check_bad() reporting this line. */
#define BAD(name, value) check_bad((name), (value), __LINE__)

/* The default of RESEAUTER_HASH_SLOTS, computed as config.c documents. */
static long
test_cores(void)
{
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : n;
}

/* With nothing set, every field has its documented default. */
static void
test_defaults(void **state)
{
	struct config	 c;
	char		 err[128] = "junk";

	(void)state;
	assert_int_equal(config_from_env(&c, err, sizeof(err)), RT_OK);
	assert_string_equal(err, "");
	assert_string_equal(c.db_path, "var/reseauter.db");
	assert_string_equal(c.socket_path, "");
	assert_string_equal(c.template_dir, "templates");
	assert_string_equal(c.locale_dir, "build/locale");
	assert_string_equal(c.schema_path, "schema.sql");
	assert_string_equal(c.base_url, "http://127.0.0.1:8080");
	assert_int_equal(c.threads, 4);
	assert_int_equal(c.socket_mode, 0660);
	assert_int_equal(c.secure_cookies, 0);
	assert_int_equal(c.session_idle, 7200);
	assert_int_equal(c.session_max, 43200);
	assert_int_equal(c.invite_ttl, 604800);
	assert_int_equal(c.max_body, 1048576);
	assert_int_equal(c.hash_slots, test_cores());
	assert_true(c.hash_slots >= 1);
	assert_int_equal(c.login_max_per_account, 5);
	assert_int_equal(c.login_max_per_addr, 20);
	assert_int_equal(c.signup_max_per_addr, 30);
	assert_int_equal(c.read_timeout, 15);
	assert_int_equal(c.read_minrate, 500);

	/* err may be NULL. */
	assert_int_equal(config_from_env(&c, NULL, 0), RT_OK);
}

/* An empty variable means its default. */
static void
test_empty_is_default(void **state)
{
	struct config	 c;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(test_vars) / sizeof(test_vars[0]); i++)
		test_set(test_vars[i], "");
	assert_int_equal(config_from_env(&c, NULL, 0), RT_OK);
	assert_string_equal(c.db_path, "var/reseauter.db");
	assert_string_equal(c.socket_path, "");
	assert_string_equal(c.base_url, "http://127.0.0.1:8080");
	assert_int_equal(c.threads, 4);
	assert_int_equal(c.socket_mode, 0660);
	assert_int_equal(c.max_body, 1048576);
}

/* Every variable, set to a valid value, is read. */
static void
test_overrides(void **state)
{
	struct config	 c;

	(void)state;
	test_set("RESEAUTER_DB", "/srv/rt/db.sqlite");
	test_set("RESEAUTER_SOCKET", "/run/reseauter/sock");
	test_set("RESEAUTER_TEMPLATES", "/usr/share/reseauter/templates");
	test_set("RESEAUTER_LOCALEDIR", "/usr/share/reseauter/locale");
	test_set("RESEAUTER_SCHEMA", "/usr/share/reseauter/schema.sql");
	test_set("RESEAUTER_BASE_URL", "https://reseau.example.org/");
	test_set("RESEAUTER_THREADS", "64");
	test_set("RESEAUTER_SOCKET_MODE", "0600");
	test_set("RESEAUTER_SESSION_IDLE", "60");
	test_set("RESEAUTER_SESSION_MAX", "31622400");
	test_set("RESEAUTER_INVITE_TTL", "3600");
	test_set("RESEAUTER_MAX_BODY", "268435456");
	test_set("RESEAUTER_HASH_SLOTS", "256");
	test_set("RESEAUTER_LOGIN_MAX_ACCOUNT", "1");
	test_set("RESEAUTER_LOGIN_MAX_ADDR", "100000");
	test_set("RESEAUTER_SIGNUP_MAX_ADDR", "1");
	test_set("RESEAUTER_READ_TIMEOUT", "3600");
	test_set("RESEAUTER_READ_MINRATE", "1073741824");
	assert_int_equal(config_from_env(&c, NULL, 0), RT_OK);
	assert_string_equal(c.db_path, "/srv/rt/db.sqlite");
	assert_string_equal(c.socket_path, "/run/reseauter/sock");
	assert_string_equal(c.template_dir, "/usr/share/reseauter/templates");
	assert_string_equal(c.locale_dir, "/usr/share/reseauter/locale");
	assert_string_equal(c.schema_path, "/usr/share/reseauter/schema.sql");
	assert_string_equal(c.base_url, "https://reseau.example.org");
	assert_int_equal(c.threads, 64);
	assert_int_equal(c.socket_mode, 0600);
	assert_int_equal(c.secure_cookies, 1);
	assert_int_equal(c.session_idle, 60);
	assert_int_equal(c.session_max, 31622400);
	assert_int_equal(c.invite_ttl, 3600);
	assert_int_equal(c.max_body, 268435456);
	assert_int_equal(c.hash_slots, 256);
	assert_int_equal(c.login_max_per_account, 1);
	assert_int_equal(c.login_max_per_addr, 100000);
	assert_int_equal(c.signup_max_per_addr, 1);
	assert_int_equal(c.read_timeout, 3600);
	assert_int_equal(c.read_minrate, 1073741824);

	test_set("RESEAUTER_THREADS", "1");
	test_set("RESEAUTER_READ_TIMEOUT", "1");
	test_set("RESEAUTER_READ_MINRATE", "0");
	test_set("RESEAUTER_SOCKET_MODE", "660");
	test_set("RESEAUTER_HASH_SLOTS", "1");
	test_set("RESEAUTER_MAX_BODY", "1024");
	test_set("RESEAUTER_THREADS", "007");
	assert_int_equal(config_from_env(&c, NULL, 0), RT_OK);
	assert_int_equal(c.threads, 7);
	assert_int_equal(c.socket_mode, 0660);
	assert_int_equal(c.hash_slots, 1);
	assert_int_equal(c.max_body, 1024);
	assert_int_equal(c.read_timeout, 1);
	assert_int_equal(c.read_minrate, 0);
}

/* The base URL loses its trailing slashes and sets secure cookies. */
static void
test_base_url(void **state)
{
	struct config	 c;

	(void)state;
	test_set("RESEAUTER_BASE_URL", "https://example.org");
	assert_int_equal(config_from_env(&c, NULL, 0), RT_OK);
	assert_string_equal(c.base_url, "https://example.org");
	assert_int_equal(c.secure_cookies, 1);

	test_set("RESEAUTER_BASE_URL", "https://example.org///");
	assert_int_equal(config_from_env(&c, NULL, 0), RT_OK);
	assert_string_equal(c.base_url, "https://example.org");

	test_set("RESEAUTER_BASE_URL", "http://example.org:8080/app/");
	assert_int_equal(config_from_env(&c, NULL, 0), RT_OK);
	assert_string_equal(c.base_url, "http://example.org:8080/app");
	assert_int_equal(c.secure_cookies, 0);

	/* RESEAUTER_SECURE_COOKIES wins over the default either way. */
	test_set("RESEAUTER_SECURE_COOKIES", "1");
	assert_int_equal(config_from_env(&c, NULL, 0), RT_OK);
	assert_int_equal(c.secure_cookies, 1);
	test_set("RESEAUTER_BASE_URL", "https://example.org");
	test_set("RESEAUTER_SECURE_COOKIES", "0");
	assert_int_equal(config_from_env(&c, NULL, 0), RT_OK);
	assert_int_equal(c.secure_cookies, 0);
	unsetenv("RESEAUTER_SECURE_COOKIES");

	BAD("RESEAUTER_BASE_URL", "ftp://example.org");
	BAD("RESEAUTER_BASE_URL", "example.org");
	BAD("RESEAUTER_BASE_URL", "//example.org");
	BAD("RESEAUTER_BASE_URL", "http://");
	BAD("RESEAUTER_BASE_URL", "https://");
	BAD("RESEAUTER_BASE_URL", "https:///path");
	BAD("RESEAUTER_BASE_URL", "HTTP://example.org");
	BAD("RESEAUTER_BASE_URL", "http://exa mple.org");
	BAD("RESEAUTER_BASE_URL", "http://example.org/?x=1");
	BAD("RESEAUTER_BASE_URL", "http://example.org/#top");
	BAD("RESEAUTER_BASE_URL", "http://caf\xc3\xa9.ca");
	BAD("RESEAUTER_BASE_URL", "http://example.org\t");
}

/* Numbers outside their bounds or not plain digits are refused. */
static void
test_numbers_bad(void **state)
{
	(void)state;
	BAD("RESEAUTER_THREADS", "0");
	BAD("RESEAUTER_THREADS", "65");
	BAD("RESEAUTER_THREADS", "-1");
	BAD("RESEAUTER_THREADS", "+4");
	BAD("RESEAUTER_THREADS", " 4");
	BAD("RESEAUTER_THREADS", "4 ");
	BAD("RESEAUTER_THREADS", "4x");
	BAD("RESEAUTER_THREADS", "0x10");
	BAD("RESEAUTER_THREADS", "four");
	BAD("RESEAUTER_THREADS", "99999999999999999999999999");
	BAD("RESEAUTER_SOCKET_MODE", "0644");
	BAD("RESEAUTER_SOCKET_MODE", "0777");
	BAD("RESEAUTER_SOCKET_MODE", "0610");
	BAD("RESEAUTER_SOCKET_MODE", "0800");
	BAD("RESEAUTER_SOCKET_MODE", "432");
	BAD("RESEAUTER_SOCKET_MODE", "rw");
	BAD("RESEAUTER_SECURE_COOKIES", "yes");
	BAD("RESEAUTER_SECURE_COOKIES", "2");
	BAD("RESEAUTER_SECURE_COOKIES", "01");
	BAD("RESEAUTER_SESSION_IDLE", "59");
	BAD("RESEAUTER_SESSION_IDLE", "1h");
	BAD("RESEAUTER_SESSION_MAX", "31622401");
	BAD("RESEAUTER_INVITE_TTL", "0");
	BAD("RESEAUTER_MAX_BODY", "1023");
	BAD("RESEAUTER_MAX_BODY", "268435457");
	BAD("RESEAUTER_MAX_BODY", "1M");
	BAD("RESEAUTER_HASH_SLOTS", "0");
	BAD("RESEAUTER_HASH_SLOTS", "257");
	BAD("RESEAUTER_LOGIN_MAX_ACCOUNT", "0");
	BAD("RESEAUTER_LOGIN_MAX_ADDR", "100001");
	BAD("RESEAUTER_SIGNUP_MAX_ADDR", "0");
	BAD("RESEAUTER_SIGNUP_MAX_ADDR", "100001");
	BAD("RESEAUTER_SIGNUP_MAX_ADDR", "30/h");
	BAD("RESEAUTER_READ_TIMEOUT", "0");
	BAD("RESEAUTER_READ_TIMEOUT", "3601");
	BAD("RESEAUTER_READ_TIMEOUT", "15s");
	BAD("RESEAUTER_READ_MINRATE", "-1");
	BAD("RESEAUTER_READ_MINRATE", "1073741825");
	BAD("RESEAUTER_READ_MINRATE", "500B");
}

/* The idle timeout may not exceed the absolute one. */
static void
test_session_order(void **state)
{
	struct config	 c;
	char		 err[256];

	(void)state;
	test_set("RESEAUTER_SESSION_IDLE", "7200");
	test_set("RESEAUTER_SESSION_MAX", "7200");
	assert_int_equal(config_from_env(&c, err, sizeof(err)), RT_OK);
	test_set("RESEAUTER_SESSION_MAX", "7199");
	assert_int_equal(config_from_env(&c, err, sizeof(err)), RT_EINVAL);
	assert_string_equal(err, "RESEAUTER_SESSION_IDLE (7200) may not "
	    "exceed RESEAUTER_SESSION_MAX (7199).");
	unsetenv("RESEAUTER_SESSION_MAX");
	test_set("RESEAUTER_SESSION_IDLE", "43201");
	assert_int_equal(config_from_env(&c, err, sizeof(err)), RT_EINVAL);
}

/* Paths too long or holding a control character are refused. */
static void
test_paths_bad(void **state)
{
	struct config	 c;
	char		 p[CONFIG_PATH_MAX + 1];

	(void)state;
	memset(p, 'p', CONFIG_PATH_MAX - 1);
	p[CONFIG_PATH_MAX - 1] = '\0';
	test_set("RESEAUTER_DB", p);
	assert_int_equal(config_from_env(&c, NULL, 0), RT_OK);
	assert_int_equal(strlen(c.db_path), CONFIG_PATH_MAX - 1);
	unsetenv("RESEAUTER_DB");

	p[CONFIG_PATH_MAX - 1] = 'p';
	p[CONFIG_PATH_MAX] = '\0';
	BAD("RESEAUTER_DB", p);
	BAD("RESEAUTER_SOCKET", p);
	BAD("RESEAUTER_TEMPLATES", p);
	BAD("RESEAUTER_LOCALEDIR", p);
	BAD("RESEAUTER_SCHEMA", p);
	BAD("RESEAUTER_BASE_URL", p);
	BAD("RESEAUTER_DB", "var/\x01.db");
	BAD("RESEAUTER_SCHEMA", "schema\n.sql");
	BAD("RESEAUTER_TEMPLATES", "tpl\x7f");
}

/* The error line is exact, and cut short to fit a small buffer. */
static void
test_error_text(void **state)
{
	struct config	 c;
	char		 err[256], small[10];

	(void)state;
	test_set("RESEAUTER_THREADS", "abc");
	assert_int_equal(config_from_env(&c, err, sizeof(err)), RT_EINVAL);
	assert_string_equal(err, "RESEAUTER_THREADS: expected a whole number "
	    "from 1 to 64, got \"abc\".");
	assert_int_equal(config_from_env(&c, small, sizeof(small)), RT_EINVAL);
	assert_string_equal(small, "RESEAUTER");
	assert_int_equal(config_from_env(&c, NULL, 0), RT_EINVAL);
	unsetenv("RESEAUTER_THREADS");

	test_set("RESEAUTER_SOCKET_MODE", "0644");
	assert_int_equal(config_from_env(&c, err, sizeof(err)), RT_EINVAL);
	assert_string_equal(err, "RESEAUTER_SOCKET_MODE: expected an octal "
	    "mode (600 or 660), got \"0644\".");
	unsetenv("RESEAUTER_SOCKET_MODE");

	test_set("RESEAUTER_BASE_URL", "example.org");
	assert_int_equal(config_from_env(&c, err, sizeof(err)), RT_EINVAL);
	assert_string_equal(err, "RESEAUTER_BASE_URL: expected an address "
	    "starting with http:// or https://, got \"example.org\".");
}

/*
 * Socket activation: the variables count only for the process LISTEN_PID
 * names, are unset whatever they say, and malformed ones meant for this
 * process are refused with a sentence naming the variable.
 */
static void
test_listen_fds(void **state)
{
	char	 err[256];
	int	 n;

	(void)state;
	/* Nothing set: no socket, no error. */
	unsetenv("LISTEN_PID");
	unsetenv("LISTEN_FDS");
	n = -1;
	assert_int_equal(config_listen_fds(1234, &n, err, sizeof(err)), RT_OK);
	assert_int_equal(n, 0);
	assert_string_equal(err, "");

	/* For this process: the count, and the variables are gone. */
	test_set("LISTEN_PID", "1234");
	test_set("LISTEN_FDS", "1");
	test_set("LISTEN_FDNAMES", "reseauter.socket");
	assert_int_equal(config_listen_fds(1234, &n, err, sizeof(err)), RT_OK);
	assert_int_equal(n, 1);
	assert_null(getenv("LISTEN_PID"));
	assert_null(getenv("LISTEN_FDS"));
	assert_null(getenv("LISTEN_FDNAMES"));

	test_set("LISTEN_PID", "1234");
	test_set("LISTEN_FDS", "3");
	assert_int_equal(config_listen_fds(1234, &n, err, sizeof(err)), RT_OK);
	assert_int_equal(n, 3);

	/* For another process (a parent's, inherited): ignored, yet unset. */
	test_set("LISTEN_PID", "99");
	test_set("LISTEN_FDS", "1");
	n = -1;
	assert_int_equal(config_listen_fds(1234, &n, err, sizeof(err)), RT_OK);
	assert_int_equal(n, 0);
	assert_null(getenv("LISTEN_PID"));
	assert_null(getenv("LISTEN_FDS"));

	/* LISTEN_FDS=0 for this process: nothing passed. */
	test_set("LISTEN_PID", "1234");
	test_set("LISTEN_FDS", "0");
	assert_int_equal(config_listen_fds(1234, &n, err, sizeof(err)), RT_OK);
	assert_int_equal(n, 0);

	/* Malformed. */
	test_set("LISTEN_PID", "12x");
	test_set("LISTEN_FDS", "1");
	assert_int_equal(config_listen_fds(1234, &n, err, sizeof(err)),
	    RT_EINVAL);
	assert_int_equal(n, 0);
	assert_string_equal(err, "LISTEN_PID: expected a process id, got "
	    "\"12x\".");
	assert_null(getenv("LISTEN_FDS"));
	test_set("LISTEN_PID", "0");
	assert_int_equal(config_listen_fds(1234, &n, err, sizeof(err)),
	    RT_EINVAL);
	test_set("LISTEN_PID", "1234");
	assert_int_equal(config_listen_fds(1234, &n, err, sizeof(err)),
	    RT_EINVAL);
	assert_non_null(strstr(err, "LISTEN_FDS"));
	test_set("LISTEN_PID", "1234");
	test_set("LISTEN_FDS", "-1");
	assert_int_equal(config_listen_fds(1234, &n, err, sizeof(err)),
	    RT_EINVAL);
	assert_string_equal(err, "LISTEN_FDS: expected a whole number of "
	    "sockets, got \"-1\".");
	test_set("LISTEN_PID", "1234");
	test_set("LISTEN_FDS", "99999999999999999999");
	assert_int_equal(config_listen_fds(1234, &n, err, sizeof(err)),
	    RT_EINVAL);
	assert_int_equal(n, 0);
	/* err may be NULL. */
	test_set("LISTEN_PID", "1234");
	test_set("LISTEN_FDS", "x");
	assert_int_equal(config_listen_fds(1234, &n, NULL, 0), RT_EINVAL);
}

/* Runs every test of this file; the exit status is the number failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_defaults, test_setup),
		cmocka_unit_test_setup(test_empty_is_default, test_setup),
		cmocka_unit_test_setup(test_overrides, test_setup),
		cmocka_unit_test_setup(test_base_url, test_setup),
		cmocka_unit_test_setup(test_numbers_bad, test_setup),
		cmocka_unit_test_setup(test_session_order, test_setup),
		cmocka_unit_test_setup(test_paths_bad, test_setup),
		cmocka_unit_test_setup(test_error_text, test_setup),
		cmocka_unit_test_setup(test_listen_fds, test_setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
