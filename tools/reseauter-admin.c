/*
 * reseauter-admin: the administration of a reseauter instance from the
 * command line, for whoever runs the server.
 *
 * It reads the program's configuration (lib/config.h: RESEAUTER_DB,
 * RESEAUTER_BASE_URL, RESEAUTER_SCHEMA...) and works on the same
 * database, safely while the program runs: every change is one write
 * transaction, and this process never checkpoints the WAL (only the
 * program's writer does; see db.h).  It creates the first administrator,
 * grants and removes roles, makes one-time password reset links, lists
 * accounts and organisations, and makes online backups.
 *
 * Exit status: 0 done, 1 refused or failed (the message says why), 2 a
 * command line it does not understand.  Results (links, lists) go to
 * standard output, messages to standard error.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "status.h"
#include "config.h"
#include "db.h"
#include "auth.h"
#include "form.h"
#include "http.h"
#include "org.h"
#include "account.h"
#include "admin.h"

#define PROG "reseauter-admin"

/* The exit statuses. */
#define EXIT_DONE   0
#define EXIT_FAILED 1
#define EXIT_USAGE  2

/* What every command works with. */
struct tool {
	struct config   cfg;
	struct db      *db;
	struct dbh      h;
	struct auth    *auth;   /* only for the commands that hash a password */
};

/* The arguments an account is named by, checked as the sign-up form checks them. */
static const struct field_def tool_fields[] = {
	{ "email", FIELD_EMAIL, 1, 0, 254, NULL, NULL },
	{ "name", FIELD_LINE, 1, 1, USER_NAME_MAX, NULL, NULL },
};
#define TOOL_NFIELDS (sizeof tool_fields / sizeof tool_fields[0])

/* Prints how to use the tool on f. */
static void
usage(FILE *f)
{
	fprintf(f,
"usage: " PROG " [-d DATABASE] COMMAND [ARGUMENTS]\n"
"\n"
"Commands:\n"
"  create-admin [--reset-link] EMAIL NAME\n"
"        Creates an administrator's account (no organisation).  The password\n"
"        is read from standard input (asked twice, without echo, on a\n"
"        terminal); with --reset-link none is asked and a one-time link to\n"
"        choose it is printed instead.  When EMAIL already has an account,\n"
"        it becomes an administrator (its password is left as it is).\n"
"  grant ROLE EMAIL      Gives ROLE (admin or trainer) to the account of EMAIL.\n"
"  revoke ROLE EMAIL     Takes ROLE away; the last administrator stays one.\n"
"  reset-password EMAIL  Prints a one-time link, valid 24 hours, with which\n"
"                        the person chooses a new password; using it ends\n"
"                        every session of the account.\n"
"  disable-2fa EMAIL     Turns two-factor authentication off for the account\n"
"                        of EMAIL (a person who lost both their phone and\n"
"                        their recovery codes), and ends its sessions.  Make\n"
"                        sure first that the request comes from that person.\n"
"  users                 Lists the accounts (tab-separated).\n"
"  orgs                  Lists the organisations (tab-separated).\n"
"  backup FILE           Writes a consistent copy of the database to FILE\n"
"                        (replacing it), safe while the program runs.\n"
"\n"
"Options:\n"
"  -d DATABASE  The database (default: RESEAUTER_DB, else var/reseauter.db).\n"
"  -h, --help   This text.\n"
"\n"
"The configuration is the program's: RESEAUTER_DB, RESEAUTER_BASE_URL (the\n"
"start of the links printed), RESEAUTER_SCHEMA (to create a database that\n"
"does not exist yet, with create-admin only).  Run it as the user that owns\n"
"the database.  Exit status: 0 done, 1 refused or failed, 2 bad usage.\n");
}

/*
 * Prints how to use the tool on standard error, for a command line it
 * does not understand.  Returns EXIT_USAGE.
 */
static int
bad_usage(void)
{
	usage(stderr);
	return EXIT_USAGE;
}

/* Prints a message prefixed with the tool's name on standard error. */
__attribute__((format(printf, 1, 2))) static void
say(const char *fmt, ...)
{
	va_list	 ap;

	fputs(PROG ": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/*
 * Flushes standard output, where the results go, saying so when what
 * (a link, the list) could not be written.  Returns EXIT_DONE or
 * EXIT_FAILED.
 */
static int
flushed(const char *what)
{
	if (fflush(stdout) != 0) {
		say("cannot write %s: %s", what, strerror(errno));
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

/* Says what a failed call of lib/ means for the operator, and returns EXIT_FAILED. */
static int
fail(const char *what, int rc)
{
	if (rc == RT_EBUSY)
		say("%s: the database stayed locked (a backup or a long "
		    "write?); try again", what);
	else
		say("%s: %s", what, rt_status_name(rc));
	return EXIT_FAILED;
}

/*
 * Maps a role's name on the command line to enum auth_role; returns 0 for
 * anything else.
 */
static int
role_of(const char *name)
{
	if (strcmp(name, "admin") == 0)
		return AUTH_ROLE_ADMIN;
	if (strcmp(name, "trainer") == 0)
		return AUTH_ROLE_TRAINER;
	return 0;
}

/*
 * Opens the database of t->cfg.  Only create may make a database that
 * does not exist yet (from RESEAUTER_SCHEMA): for the other commands a
 * missing file is a mistyped path.  Refuses to run as root on a database
 * that another user owns, since files SQLite creates (the WAL) would
 * then belong to root and the program could no longer open them.
 * Returns EXIT_DONE or EXIT_FAILED (said).
 */
static int
tool_open(struct tool *t, int create)
{
	struct stat	 st;
	char		 err[512];

	if (stat(t->cfg.db_path, &st) != 0) {
		if (errno != ENOENT || !create) {
			say("%s: %s (set RESEAUTER_DB or use -d)",
			    t->cfg.db_path, strerror(errno));
			return EXIT_FAILED;
		}
	} else if (geteuid() == 0 && st.st_uid != 0) {
		say("%s belongs to user %lu: run " PROG " as that user (for "
		    "example with sudo -u), not as root", t->cfg.db_path,
		    (unsigned long)st.st_uid);
		return EXIT_FAILED;
	}
	if (db_open(&t->db, t->cfg.db_path, t->cfg.schema_path, err,
	    sizeof err) != RT_OK) {
		say("%s", err);
		return EXIT_FAILED;
	}
	t->h.db = t->db;
	if (db_no_checkpoint(t->db) != RT_OK ||
	    db_reader_open(t->db, &t->h.rd) != RT_OK) {
		say("%s: cannot set up the connections", t->cfg.db_path);
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

/*
 * Finds the account of email into *u, saying so when there is none.
 * Returns EXIT_DONE or EXIT_FAILED.
 */
static int
tool_find(struct tool *t, const char *email, struct admin_user *u)
{
	int	 rc;

	if ((rc = admin_user_find(&t->h, email, u)) == RT_ENOTFOUND) {
		say("no account has the e-mail address %s (see: " PROG
		    " users)", email);
		return EXIT_FAILED;
	}
	if (rc != RT_OK)
		return fail("finding the account", rc);
	return EXIT_DONE;
}

/* Makes a reset link for user and prints it on standard output.  Returns an exit status. */
static int
tool_print_link(struct tool *t, const struct admin_user *u)
{
	char	 token[AUTH_TOKEN_LEN + 1];
	int	 rc;

	if ((rc = admin_reset_create(&t->h, u->id, 0, time(NULL), token)) !=
	    RT_OK)
		return fail("making the link", rc);
	printf("%s/reset/%s\n", t->cfg.base_url, token);
	sodium_memzero(token, sizeof token);
	if (flushed("the link") != EXIT_DONE)
		return EXIT_FAILED;
	say("give this link to %s <%s> privately; it works once, within 24 "
	    "hours, and ends their other sessions", u->name, u->email);
	return EXIT_DONE;
}

/*
 * Reads one line of at most len - 1 bytes from f into buf, without its
 * line end.  Returns 0, or -1 at end of file before anything, or -2 for
 * a line too long (the rest of it is left unread).
 */
static int
read_line(FILE *f, char *buf, size_t len)
{
	size_t	 n;

	if (fgets(buf, (int)len, f) == NULL)
		return -1;
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (n == len - 1 && !feof(f))
		return -2;
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return 0;
}

/*
 * Reads one line typed on the terminal of fd into buf (len bytes), without
 * its end, byte by byte so that nothing after it is read ahead: the line
 * ends with a newline, or with Ctrl-C (kept in buf, so that the caller
 * sees a control character and cancels).  Returns as read_line().
 */
static int
read_tty_line(int fd, char *buf, size_t len)
{
	size_t	 n = 0;
	ssize_t	 got;
	char	 c;

	for (;;) {
		if ((got = read(fd, &c, 1)) < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		if (c == '\n')
			break;
		if (n + 1 >= len) {
			buf[n] = '\0';
			return -2;
		}
		buf[n++] = c;
		if (c == 0x03)
			break;
	}
	buf[n] = '\0';
	if (got <= 0 && n == 0)
		return -1;
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return 0;
}

/*
 * Returns 1 when s holds no control character (on a terminal, Ctrl-C
 * arrives as one: see read_password()), else 0.
 */
static int
printable(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/*
 * Reads a password from standard input into buf.  On a terminal, asks
 * twice with echo off; the terminal's signals are off too, and Ctrl-C
 * ends the line (VEOL), so that it arrives as a character and cancels at
 * once instead of killing the tool with the echo still off.  Otherwise
 * reads one line.  Returns 0, or -1 (said).
 */
static int
read_password(const char *email, char *buf, size_t len)
{
	struct termios	 old, quiet;
	char		*again = NULL;
	int		 tty, rc = -1, r;

	tty = isatty(STDIN_FILENO);
	if (tty) {
		if ((again = malloc(len)) == NULL) {
			say("out of memory");
			return -1;
		}
		if (tcgetattr(STDIN_FILENO, &old) != 0) {
			say("cannot read the terminal's settings: %s",
			    strerror(errno));
			free(again);
			return -1;
		}
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ISIG);
		quiet.c_lflag |= ECHONL;
		quiet.c_cc[VEOL] = 0x03;
		if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0) {
			say("cannot turn the echo off: %s", strerror(errno));
			free(again);
			return -1;
		}
		fprintf(stderr, "Password for %s: ", email);
		fflush(stderr);
	}
	r = tty ? read_tty_line(STDIN_FILENO, buf, len) :
	    read_line(stdin, buf, len);
	if (r == 0 && tty && !printable(buf)) {
		fputc('\n', stderr);
		say("cancelled; nothing was changed");
		goto out;
	}
	if (r == 0 && tty) {
		fprintf(stderr, "The same password again: ");
		fflush(stderr);
		r = read_tty_line(STDIN_FILENO, again, len);
		if (r == 0 && !printable(again)) {
			fputc('\n', stderr);
			say("cancelled; nothing was changed");
			goto out;
		}
		if (r == 0 && strcmp(buf, again) != 0) {
			say("the two passwords are not the same; nothing "
			    "was changed");
			goto out;
		}
	}
	if (r != 0 && tty)
		fputc('\n', stderr);
	if (r == -1) {
		say("no password was given; nothing was changed");
		goto out;
	}
	if (r == -2) {
		say("the password is longer than %d characters; nothing was "
		    "changed", AUTH_PW_MAX);
		goto out;
	}
	if (!printable(buf)) {
		say("the password holds a control character; nothing was "
		    "changed");
		goto out;
	}
	rc = 0;
out:
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		sodium_memzero(again, len);
		free(again);
	}
	return rc;
}

/*
 * Hashes the password pw of len bytes into hash, with the auth context
 * made on first use.  Returns EXIT_DONE or EXIT_FAILED (said).
 */
static int
tool_hash(struct tool *t, const char *pw, size_t len,
    char hash[AUTH_HASH_MAX])
{
	if ((t->auth == NULL && auth_new(&t->auth, &t->cfg) != RT_OK) ||
	    auth_password_hash(t->auth, pw, len, hash) != RT_OK) {
		say("cannot hash the password: out of memory");
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

/*
 * Reads a password for email, checks it against the policy of the
 * sign-up form and hashes it into hash.  Returns EXIT_DONE or
 * EXIT_FAILED (said).
 */
static int
tool_new_password(struct tool *t, const char *email, char hash[AUTH_HASH_MAX])
{
	char	 pw[AUTH_PW_MAX * 4 + 2];
	size_t	 len;
	int	 rc = EXIT_FAILED;

	if (read_password(email, pw, sizeof pw) != 0)
		goto out;
	len = strlen(pw);
	if (!utf8_valid(pw, len)) {
		say("the password is not valid UTF-8; nothing was changed");
		goto out;
	}
	switch (auth_password_problem(pw, len)) {
	case AUTH_PW_OK:
		break;
	case AUTH_PW_SHORT:
		say("the password is too short: use at least %d characters "
		    "(a short sentence is easy to remember and hard to "
		    "guess)", AUTH_PW_MIN);
		goto out;
	case AUTH_PW_LONG:
		say("the password is too long: use at most %d characters",
		    AUTH_PW_MAX);
		goto out;
	default:
		say("this password is among the most common ones; choose "
		    "another");
		goto out;
	}
	rc = tool_hash(t, pw, len, hash);
out:
	sodium_memzero(pw, sizeof pw);
	return rc;
}

/*
 * create-admin [--reset-link] EMAIL NAME.  An existing account is made an
 * administrator (and given a link when asked); a new one gets the
 * password read, or a password nobody knows and a link to choose one.
 */
static int
cmd_create_admin(struct tool *t, int argc, char **argv)
{
	struct kvlist		 in = { 0 };
	struct form		 f = { 0 };
	struct admin_user	 u;
	const char		*email, *name;
	char			 hash[AUTH_HASH_MAX] = "";
	char			 secret[AUTH_TOKEN_LEN + 1];
	int			 link = 0, rc, ex = EXIT_FAILED;
	int64_t			 id;

	if (argc > 0 && strcmp(argv[0], "--reset-link") == 0) {
		link = 1;
		argc--, argv++;
	}
	if (argc != 2)
		return bad_usage();
	if (!utf8_valid(argv[0], strlen(argv[0])) ||
	    !utf8_valid(argv[1], strlen(argv[1]))) {
		say("the e-mail address and the name must be UTF-8 text");
		return EXIT_USAGE;
	}
	if (kvlist_add(&in, "email", argv[0], strlen(argv[0])) != RT_OK ||
	    kvlist_add(&in, "name", argv[1], strlen(argv[1])) != RT_OK ||
	    form_validate(&f, tool_fields, TOOL_NFIELDS, &in, 0) != RT_OK) {
		say("out of memory");
		goto out;
	}
	email = form_get(&f, "email")->text;
	name = form_get(&f, "name")->text;
	if (form_get(&f, "email")->error != FIELD_OK) {
		say("%s is not an e-mail address", argv[0]);
		ex = EXIT_USAGE;
		goto out;
	}
	if (form_get(&f, "name")->error != FIELD_OK) {
		say("the name must be one line of 1 to %d characters",
		    USER_NAME_MAX);
		ex = EXIT_USAGE;
		goto out;
	}
	if ((ex = tool_open(t, 1)) != EXIT_DONE)
		goto out;
	ex = EXIT_FAILED;
	rc = admin_user_find(&t->h, email, &u);
	if (rc == RT_OK) {
		if ((rc = admin_role_grant(&t->h, u.id, AUTH_ROLE_ADMIN, 0,
		    time(NULL))) != RT_OK) {
			ex = fail("granting the role", rc);
			goto out;
		}
		say("%s <%s> already had an account: it is now an "
		    "administrator (its password is unchanged)", u.name,
		    u.email);
		ex = link ? tool_print_link(t, &u) : EXIT_DONE;
		goto out;
	}
	if (rc != RT_ENOTFOUND) {
		ex = fail("finding the account", rc);
		goto out;
	}
	if (link) {
		/* A password nobody knows, until the link sets one. */
		auth_token_new(secret);
		if (tool_hash(t, secret, strlen(secret), hash) != EXIT_DONE) {
			sodium_memzero(secret, sizeof secret);
			goto out;
		}
		sodium_memzero(secret, sizeof secret);
	} else if (tool_new_password(t, email, hash) != EXIT_DONE)
		goto out;
	rc = admin_user_create(&t->h, email, name, hash, AUTH_ROLE_ADMIN, 0,
	    time(NULL), &id);
	if (rc == RT_EEXISTS) {
		say("%s got an account meanwhile; run the command again",
		    email);
		goto out;
	}
	if (rc != RT_OK) {
		ex = fail("creating the account", rc);
		goto out;
	}
	say("created the administrator %s <%s>", name, email);
	ex = EXIT_DONE;
	if (link && (rc = admin_user_get(&t->h, id, &u)) == RT_OK)
		ex = tool_print_link(t, &u);
	else if (link)
		ex = fail("reading the new account", rc);
out:
	sodium_memzero(hash, sizeof hash);
	form_free(&f);
	kvlist_free(&in);
	return ex;
}

/* grant ROLE EMAIL, revoke ROLE EMAIL (grant is 1 or 0). */
static int
cmd_role(struct tool *t, int grant, int argc, char **argv)
{
	struct admin_user	 u;
	const char		*as;
	int			 role, rc, ex;

	if (argc != 2)
		return bad_usage();
	if ((role = role_of(argv[0])) == 0) {
		say("unknown role %s: admin or trainer", argv[0]);
		return EXIT_USAGE;
	}
	as = role == AUTH_ROLE_ADMIN ? "an administrator" : "a trainer";
	if ((ex = tool_open(t, 0)) != EXIT_DONE ||
	    (ex = tool_find(t, argv[1], &u)) != EXIT_DONE)
		return ex;
	if (grant)
		rc = admin_role_grant(&t->h, u.id, role, 0, time(NULL));
	else
		rc = admin_role_revoke(&t->h, u.id, role);
	if (rc == RT_EDENIED) {
		say("%s is the last administrator: make someone else an "
		    "administrator first", u.email);
		return EXIT_FAILED;
	}
	if (rc != RT_OK)
		return fail(grant ? "granting the role" : "removing the role",
		    rc);
	if (grant && (u.roles & role))
		say("%s was already %s", u.email, as);
	else if (grant)
		say("%s is now %s", u.email, as);
	else if (!(u.roles & role))
		say("%s was not %s", u.email, as);
	else
		say("%s is no longer %s", u.email, as);
	return EXIT_DONE;
}

/* reset-password EMAIL */
static int
cmd_reset(struct tool *t, int argc, char **argv)
{
	struct admin_user	 u;
	int			 ex;

	if (argc != 1)
		return bad_usage();
	if ((ex = tool_open(t, 0)) != EXIT_DONE ||
	    (ex = tool_find(t, argv[0], &u)) != EXIT_DONE)
		return ex;
	return tool_print_link(t, &u);
}

/* disable-2fa EMAIL */
static int
cmd_disable_2fa(struct tool *t, int argc, char **argv)
{
	struct admin_user	 u;
	int			 rc, ex;

	if (argc != 1)
		return bad_usage();
	if ((ex = tool_open(t, 0)) != EXIT_DONE ||
	    (ex = tool_find(t, argv[0], &u)) != EXIT_DONE)
		return ex;
	rc = account_totp_remove(&t->h, u.id);
	if (rc == RT_ENOTFOUND) {
		say("%s has no two-factor authentication: nothing to do",
		    u.email);
		return EXIT_FAILED;
	}
	if (rc != RT_OK)
		return fail("turning two-factor authentication off", rc);
	say("two-factor authentication is off for %s; their sessions ended",
	    u.email);
	return EXIT_DONE;
}

/* Writes unix time v as "YYYY-MM-DD HH:MM" in local time, or "-" for 0. */
static void
when(long long v, char *out, size_t outlen)
{
	struct tm	 tm;
	time_t		 tt = (time_t)v;

	if (v == 0 || localtime_r(&tt, &tm) == NULL ||
	    strftime(out, outlen, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, outlen, "-");
}

/* users */
static int
cmd_users(struct tool *t, int argc, char **argv)
{
	struct admin_user	*v = NULL;
	size_t			 n = 0, i;
	char			 created[32], seen[32];
	int			 rc, ex;

	if (argc != 0)
		return bad_usage();
	if ((ex = tool_open(t, 0)) != EXIT_DONE)
		return ex;
	if ((rc = admin_users(&t->h, &v, &n)) != RT_OK)
		return fail("listing the accounts", rc);
	printf("ID\tE-MAIL\tNAME\tROLES\tORGANISATIONS\tCREATED\tLAST SEEN\t2FA\n");
	for (i = 0; i < n; i++) {
		when(v[i].created, created, sizeof created);
		when(v[i].last_seen, seen, sizeof seen);
		printf("%lld\t%s\t%s\t%s\t%lld\t%s\t%s\t%s\n", (long long)v[i].id,
		    v[i].email, v[i].name,
		    v[i].roles == (AUTH_ROLE_ADMIN | AUTH_ROLE_TRAINER) ?
		    "admin,trainer" : v[i].roles == AUTH_ROLE_ADMIN ? "admin" :
		    v[i].roles == AUTH_ROLE_TRAINER ? "trainer" : "-",
		    (long long)v[i].orgs, created, seen, v[i].totp ? "on" : "off");
	}
	free(v);
	return flushed("the list");
}

/* orgs */
static int
cmd_orgs(struct tool *t, int argc, char **argv)
{
	struct admin_org	*v = NULL;
	size_t			 n = 0, i;
	char			 created[32], saved[32];
	int			 rc, ex;

	if (argc != 0)
		return bad_usage();
	if ((ex = tool_open(t, 0)) != EXIT_DONE)
		return ex;
	if ((rc = admin_orgs(&t->h, &v, &n)) != RT_OK)
		return fail("listing the organisations", rc);
	printf("ID\tNAME\tCREATED\tMEMBERS\tCOHORTS\tLAST PLAN SAVE\n");
	for (i = 0; i < n; i++) {
		when(v[i].created, created, sizeof created);
		when(v[i].last_plan, saved, sizeof saved);
		printf("%lld\t%s\t%s\t%lld\t%lld\t%s\n", (long long)v[i].id,
		    v[i].name, created, (long long)v[i].members,
		    (long long)v[i].cohorts, saved);
	}
	free(v);
	return flushed("the list");
}

/* backup FILE */
static int
cmd_backup(struct tool *t, int argc, char **argv)
{
	struct stat	 st;
	char		 err[512];
	int		 ex;

	if (argc != 1 || argv[0][0] == '\0')
		return bad_usage();
	if ((ex = tool_open(t, 0)) != EXIT_DONE)
		return ex;
	if (db_backup(t->db, argv[0], err, sizeof err) != RT_OK) {
		say("%s", err);
		return EXIT_FAILED;
	}
	if (stat(argv[0], &st) == 0)
		say("wrote a backup of %s to %s (%lld bytes)", t->cfg.db_path,
		    argv[0], (long long)st.st_size);
	return EXIT_DONE;
}

/* grant ROLE EMAIL */
static int
cmd_grant(struct tool *t, int argc, char **argv)
{
	return cmd_role(t, 1, argc, argv);
}

/* revoke ROLE EMAIL */
static int
cmd_revoke(struct tool *t, int argc, char **argv)
{
	return cmd_role(t, 0, argc, argv);
}

/* The commands, under the names the command line gives them. */
static const struct command {
	const char	*name;
	int		(*run)(struct tool *, int, char **);
} commands[] = {
	{ "create-admin", cmd_create_admin },
	{ "grant", cmd_grant },
	{ "revoke", cmd_revoke },
	{ "reset-password", cmd_reset },
	{ "disable-2fa", cmd_disable_2fa },
	{ "users", cmd_users },
	{ "orgs", cmd_orgs },
	{ "backup", cmd_backup },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

int
main(int argc, char *argv[])
{
	struct tool		 t;
	const struct command	*cmd = NULL;
	const char		*db_path = NULL;
	char			 err[512];
	size_t			 i;
	int			 ex;

	memset(&t, 0, sizeof t);
	argc--, argv++;
	while (argc > 0 && argv[0][0] == '-') {
		if (strcmp(argv[0], "-h") == 0 ||
		    strcmp(argv[0], "--help") == 0) {
			usage(stdout);
			return EXIT_DONE;
		}
		if (strcmp(argv[0], "-d") == 0 && argc > 1 &&
		    argv[1][0] != '\0') {
			db_path = argv[1];
			argc -= 2, argv += 2;
			continue;
		}
		return bad_usage();
	}
	if (argc == 0)
		return bad_usage();
	if (strcmp(argv[0], "help") == 0) {
		usage(stdout);
		return EXIT_DONE;
	}
	for (i = 0; i < NCOMMANDS && cmd == NULL; i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		say("unknown command %s", argv[0]);
		return bad_usage();
	}
	argc--, argv++;
	if (config_from_env(&t.cfg, err, sizeof err) != RT_OK) {
		say("%s", err);
		return EXIT_FAILED;
	}
	if (db_path != NULL) {
		if (strlen(db_path) >= sizeof t.cfg.db_path) {
			say("the database path is too long");
			return EXIT_USAGE;
		}
		snprintf(t.cfg.db_path, sizeof t.cfg.db_path, "%s", db_path);
	}
	if (sodium_init() < 0) {
		say("libsodium failed to start");
		return EXIT_FAILED;
	}
	ex = cmd->run(&t, argc, argv);
	auth_free(t.auth);
	db_conn_close(t.h.rd);
	db_close(t.db);
	return ex;
}
