/*
 * main.c: start-up, the pool of FastCGI workers, plain CGI, and dispatch.
 *
 * At start we read the configuration, load the catalogues and templates,
 * and open (creating or migrating) the database: any failure there is
 * fatal.  Then the program serves FastCGI, on the first of these that
 * applies:
 *
 * - the socket a service manager passed (socket activation, as systemd's
 *   conf/reseauter.socket does): when LISTEN_PID is our process id and
 *   LISTEN_FDS is at least 1, on file descriptor 3 (SD_LISTEN_FDS_START),
 *   read as sd_listen_fds(3) reads it but without linking libsystemd;
 *   LISTEN_PID, LISTEN_FDS and LISTEN_FDNAMES are then unset, and
 *   RESEAUTER_SOCKET is ignored;
 * - RESEAUTER_SOCKET when it is set, a Unix socket the program opens;
 * - file descriptor 0 when a web server or spawn-fcgi started us with a
 *   listening socket there;
 *
 * and otherwise answers one request as plain CGI.  A failed request is
 * answered and logged; it never stops the process.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "cgi.h"
#include "cohort.h"
#include "org.h"
#include "pdf.h"
#include "pool.h"
#include "workbook.h"

extern char **environ;

/*
 * The most name=value pairs a form may send.  The largest form, the sample
 * posts, has about 300; the bound keeps a hostile body from making every
 * field lookup scan a hundred thousand pairs.
 */
#define REQ_MAX_FIELDS 4000

enum route {
	ROUTE_HOME = 0,
	ROUTE_SIGNUP,
	ROUTE_LOGIN,
	ROUTE_LOGOUT,
	ROUTE_LANG,
	ROUTE_ORGS,
	ROUTE_OVERVIEW,
	ROUTE_SUMMARY,
	ROUTE_MEMBERS,
	ROUTE_MEMBERS_INVITE,
	ROUTE_MEMBERS_REVOKE,
	ROUTE_SUMMARY_PDF,
	ROUTE_SUMMARY_MD,
	ROUTE_SUMMARY_HTML,
	ROUTE_PLAN_JSON,
	ROUTE_PLAN_ICS,
	ROUTE_SHARE,
	ROUTE_SHARE_REVOKE,
	ROUTE_IMPORT,
	ROUTE_IMPORT_CONFIRM,
	ROUTE_ORGS_NEW,
	ROUTE_SHARED,
	ROUTE_SHARED_PDF,
	ROUTE_SHARED_MD,
	ROUTE_SHARED_HTML,
	ROUTE_SHARED_JSON,
	ROUTE_SHARED_ICS,
	ROUTE_SECTION,
	ROUTE_HISTORY,
	ROUTE_REVISION,
	ROUTE_RESTORE,
	ROUTE_INVITE,
	ROUTE_COMMENT_ADD,
	ROUTE_COMMENT_RESOLVE,
	ROUTE_ORG_COHORTS,
	ROUTE_ORG_COHORTS_LEAVE,
	ROUTE_JOIN,
	ROUTE_JOIN_CODE,
	ROUTE_COHORTS,
	ROUTE_COHORTS_NEW,
	ROUTE_COHORT,
	ROUTE_COHORT_CSV,
	ROUTE_COHORT_DEBRIEF,
	ROUTE_COHORT_EDIT,
	ROUTE_COHORT_STATE,
	ROUTE_COHORT_TRAINERS,
	ROUTE_COHORT_DEMO,
	ROUTE_ADMIN,
	ROUTE_ADMIN_ROLES,
	ROUTE_ADMIN_RESET,
	ROUTE_ADMIN_BACKUP,
	ROUTE_RESET,
	ROUTE_LOGIN_2FA,
	ROUTE_ACCOUNT,
	ROUTE_ACCOUNT_PASSWORD,
	ROUTE_ACCOUNT_2FA,
	ROUTE_ACCOUNT_2FA_OFF,
	ROUTE_ACCOUNT_2FA_CODES,
	ROUTE_ACCOUNT_SESSION_END,
	ROUTE_ACCOUNT_SESSIONS_OTHERS,
	ROUTE_ADMIN_SETTINGS,
	ROUTE__MAX
};

struct route_def {
	const char  *pattern;   /* "%d" an organisation id, "%t" a token, "%s" a section,
	                         * "%v" a version, "%i" the id of a cohort, comment, user
	                         * or session */
	enum access  get_access;
	int        (*get)(struct req *);
	enum access  post_access;
	int        (*post)(struct req *);
	int          multipart; /* the POST may also be multipart/form-data (a file
	                         * upload), up to twice RESEAUTER_MAX_BODY */
};

/*
 * The route table.  A path matches with or without one trailing slash.
 * Every answer a handler can give is listed in its file; the dispatcher
 * adds 400, 403, 404, 405, 413, 415 and the redirection to the login page.
 * Only the routes that take a plan file accept multipart/form-data (the
 * confirmation carries the file in a field, which multipart sends as it
 * is); every other POST is urlencoded only.
 */
static const struct route_def routes[ROUTE__MAX] = {
#define A_ANY   ACCESS_ANYONE
#define A_LOGIN ACCESS_LOGIN
#define A_MEM   ACCESS_MEMBER
#define A_OWN   ACCESS_OWNER
#define A_READ  ACCESS_READER
#define A_TRN   ACCESS_TRAINER
#define A_COH   ACCESS_COHORT
#define A_ADM   ACCESS_ADMIN
	/* pattern                                        GET                           POST */
	[ROUTE_HOME]           = { "/",                    A_ANY,  home_get,           A_ANY,  NULL },
	[ROUTE_SIGNUP]         = { "/signup",              A_ANY,  signup_get,         A_ANY,  signup_post },
	[ROUTE_LOGIN]          = { "/login",               A_ANY,  login_get,          A_ANY,  login_post },
	[ROUTE_LOGOUT]         = { "/logout",              A_LOGIN, NULL,              A_LOGIN, logout_post },
	[ROUTE_LANG]           = { "/lang",                A_ANY,  NULL,               A_ANY,  lang_post },
	[ROUTE_ORGS]           = { "/orgs",                A_LOGIN, orgs_get,          A_LOGIN, NULL },
	[ROUTE_OVERVIEW]       = { "/o/%d",                A_READ, overview_get,       A_READ, NULL },
	[ROUTE_SUMMARY]        = { "/o/%d/summary",        A_READ, summary_get,        A_READ, NULL },
	[ROUTE_MEMBERS]        = { "/o/%d/members",        A_MEM,  members_get,        A_MEM,  NULL },
	[ROUTE_MEMBERS_INVITE] = { "/o/%d/members/invite", A_OWN,  NULL,               A_OWN,  members_invite_post },
	[ROUTE_MEMBERS_REVOKE] = { "/o/%d/members/revoke", A_OWN,  NULL,               A_OWN,  members_revoke_post },
	[ROUTE_SUMMARY_PDF]    = { "/o/%d/summary.pdf",    A_READ, summary_pdf_get,    A_READ, NULL },
	[ROUTE_SUMMARY_MD]     = { "/o/%d/summary.md",     A_READ, summary_md_get,     A_READ, NULL },
	[ROUTE_SUMMARY_HTML]   = { "/o/%d/summary.html",   A_READ, summary_html_get,   A_READ, NULL },
	[ROUTE_PLAN_JSON]      = { "/o/%d/plan.json",      A_READ, plan_json_get,      A_READ, NULL },
	[ROUTE_PLAN_ICS]       = { "/o/%d/plan.ics",       A_READ, plan_ics_get,       A_READ, NULL },
	[ROUTE_SHARE]          = { "/o/%d/share",          A_MEM,  share_get,          A_MEM,  share_post },
	[ROUTE_SHARE_REVOKE]   = { "/o/%d/share/revoke",   A_OWN,  NULL,               A_OWN,  share_revoke_post },
	[ROUTE_IMPORT]         = { "/o/%d/import",         A_OWN,  import_get,         A_OWN,  import_post, 1 },
	[ROUTE_IMPORT_CONFIRM] = { "/o/%d/import/confirm", A_OWN,  NULL,               A_OWN,  import_confirm_post, 1 },
	[ROUTE_ORGS_NEW]       = { "/orgs/new",            A_LOGIN, orgs_new_get,      A_LOGIN, orgs_new_post, 1 },
	[ROUTE_SHARED]         = { "/s/%t",                A_ANY,  shared_get,         A_ANY,  NULL },
	[ROUTE_SHARED_PDF]     = { "/s/%t/summary.pdf",    A_ANY,  summary_pdf_get,    A_ANY,  NULL },
	[ROUTE_SHARED_MD]      = { "/s/%t/summary.md",     A_ANY,  summary_md_get,     A_ANY,  NULL },
	[ROUTE_SHARED_HTML]    = { "/s/%t/summary.html",   A_ANY,  summary_html_get,   A_ANY,  NULL },
	[ROUTE_SHARED_JSON]    = { "/s/%t/plan.json",      A_ANY,  plan_json_get,      A_ANY,  NULL },
	[ROUTE_SHARED_ICS]     = { "/s/%t/plan.ics",       A_ANY,  plan_ics_get,       A_ANY,  NULL },
	[ROUTE_SECTION]        = { "/o/%d/%s",             A_READ, section_get,        A_MEM,  section_post },
	[ROUTE_HISTORY]        = { "/o/%d/%s/history",     A_READ, history_get,        A_READ, NULL },
	[ROUTE_REVISION]       = { "/o/%d/%s/history/%v",  A_READ, revision_get,       A_READ, NULL },
	[ROUTE_RESTORE]        = { "/o/%d/%s/restore",     A_MEM,  NULL,               A_MEM,  restore_post },
	[ROUTE_INVITE]         = { "/invite/%t",           A_ANY,  invite_get,         A_ANY,  invite_post },
	[ROUTE_COMMENT_ADD]    = { "/o/%d/%s/comments",    A_READ, NULL,               A_READ, comment_add_post },
	[ROUTE_COMMENT_RESOLVE] = { "/o/%d/comments/%i/resolve", A_READ, NULL,         A_READ, comment_resolve_post },
	[ROUTE_ORG_COHORTS]    = { "/o/%d/cohorts",        A_MEM,  org_cohorts_get,    A_MEM,  NULL },
	[ROUTE_ORG_COHORTS_LEAVE] = { "/o/%d/cohorts/leave", A_OWN, NULL,              A_OWN,  org_cohorts_leave_post },
	[ROUTE_JOIN]           = { "/join",                A_LOGIN, join_get,          A_LOGIN, join_post },
	[ROUTE_JOIN_CODE]      = { "/join/%t",             A_LOGIN, join_get,          A_LOGIN, NULL },
	[ROUTE_COHORTS]        = { "/cohorts",             A_TRN,  cohorts_get,        A_TRN,  NULL },
	[ROUTE_COHORTS_NEW]    = { "/cohorts/new",         A_TRN,  cohorts_new_get,    A_TRN,  cohorts_new_post },
	[ROUTE_COHORT]         = { "/c/%i",                A_COH,  cohort_get,         A_COH,  NULL },
	[ROUTE_COHORT_CSV]     = { "/c/%i/dashboard.csv",  A_COH,  cohort_csv_get,     A_COH,  NULL },
	[ROUTE_COHORT_DEBRIEF] = { "/c/%i/debrief",        A_COH,  cohort_debrief_get, A_COH,  NULL },
	[ROUTE_COHORT_EDIT]    = { "/c/%i/edit",           A_COH,  cohort_edit_get,    A_COH,  cohort_edit_post },
	[ROUTE_COHORT_STATE]   = { "/c/%i/state",          A_COH,  NULL,               A_COH,  cohort_state_post },
	[ROUTE_COHORT_TRAINERS] = { "/c/%i/trainers",      A_COH,  NULL,               A_COH,  cohort_trainers_post },
	[ROUTE_COHORT_DEMO]    = { "/c/%i/demo",           A_COH,  NULL,               A_COH,  cohort_demo_post },
	[ROUTE_ADMIN]          = { "/admin",               A_ADM,  admin_get,          A_ADM,  NULL },
	[ROUTE_ADMIN_ROLES]    = { "/admin/users/%i/roles", A_ADM, NULL,               A_ADM,  admin_roles_post },
	[ROUTE_ADMIN_RESET]    = { "/admin/users/%i/reset", A_ADM, NULL,               A_ADM,  admin_reset_post },
	[ROUTE_ADMIN_BACKUP]   = { "/admin/backup",        A_ADM,  NULL,               A_ADM,  admin_backup_post },
	[ROUTE_RESET]          = { "/reset/%t",            A_ANY,  reset_get,          A_ANY,  reset_post },
	[ROUTE_LOGIN_2FA]      = { "/login/2fa",           A_ANY,  login_2fa_get,      A_ANY,  login_2fa_post },
	[ROUTE_ACCOUNT]        = { "/account",             A_LOGIN, account_get,       A_LOGIN, account_name_post },
	[ROUTE_ACCOUNT_PASSWORD] = { "/account/password",  A_LOGIN, NULL,              A_LOGIN, account_password_post },
	[ROUTE_ACCOUNT_2FA]    = { "/account/2fa",         A_LOGIN, account_2fa_get,   A_LOGIN, account_2fa_post },
	[ROUTE_ACCOUNT_2FA_OFF] = { "/account/2fa/off",    A_LOGIN, NULL,              A_LOGIN, account_2fa_off_post },
	[ROUTE_ACCOUNT_2FA_CODES] = { "/account/2fa/codes", A_LOGIN, NULL,             A_LOGIN, account_2fa_codes_post },
	[ROUTE_ACCOUNT_SESSION_END] = { "/account/sessions/%i/end", A_LOGIN, NULL,     A_LOGIN, account_session_end_post },
	[ROUTE_ACCOUNT_SESSIONS_OTHERS] = { "/account/sessions/others", A_LOGIN, NULL, A_LOGIN, account_sessions_others_post },
	[ROUTE_ADMIN_SETTINGS] = { "/admin/settings",      A_ADM,  NULL,               A_ADM,  admin_settings_post },
#undef A_ANY
#undef A_LOGIN
#undef A_MEM
#undef A_OWN
#undef A_READ
#undef A_TRN
#undef A_COH
#undef A_ADM
};

/*
 * How a request's bytes come in and go out: FastCGI streams or stdio.
 * read returns the number of bytes read, 0 at the end of the body, -1 on
 * an error, or IO_EXPIRED when the request's read deadline has passed.
 */
struct io {
	void  *ctx;
	char **envp;
	int  (*read)(void *ctx, char *p, int n);
	int  (*write)(void *ctx, const char *p, int n);
};

/* What io->read returns once the body has taken longer than allowed. */
#define IO_EXPIRED (-2)

/*
 * Reads seg[0..len) as an id: a positive decimal without leading zeros,
 * of at most maxdigits digits.  Returns 1 with *v, or 0.
 */
static int
route_id(const char *seg, size_t len, size_t maxdigits, int64_t *v)
{
	size_t i;

	*v = 0;
	if (len == 0 || len > maxdigits || seg[0] == '0')
		return 0;
	for (i = 0; i < len; i++) {
		if (seg[i] < '0' || seg[i] > '9')
			return 0;
		*v = *v * 10 + (seg[i] - '0');
	}
	return 1;
}

/*
 * Matches one path segment pattern ("%d", "%t", "%s", "%v", "%i" or a
 * literal) against the segment seg[0..len) and stores what a placeholder
 * captured in r.  An id fits in int64 (18 digits; a version, 9); a token
 * is 1 to AUTH_TOKEN_LEN characters of [A-Za-z0-9_-]; a section is the
 * slug of one.
 */
static int
route_segment(const char *pat, size_t plen, const char *seg, size_t len,
    struct req *r)
{
	size_t i;

	if (plen == 2 && pat[0] == '%' && pat[1] == 'd')
		return route_id(seg, len, 18, &r->org_id);
	if (plen == 2 && pat[0] == '%' && pat[1] == 't') {
		if (len == 0 || len > AUTH_TOKEN_LEN)
			return 0;
		for (i = 0; i < len; i++) {
			char c = seg[i];

			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '-' || c == '_'))
				return 0;
		}
		memcpy(r->token, seg, len);
		r->token[len] = '\0';
		return 1;
	}
	if (plen == 2 && pat[0] == '%' && pat[1] == 's') {
		char slug[32];

		if (len == 0 || len >= sizeof slug)
			return 0;
		memcpy(slug, seg, len);
		slug[len] = '\0';
		if ((r->section = wb_section_by_slug(slug)) < 0)
			return 0;
		return 1;
	}
	if (plen == 2 && pat[0] == '%' && pat[1] == 'v')
		return route_id(seg, len, 9, &r->version);
	if (plen == 2 && pat[0] == '%' && pat[1] == 'i')
		return route_id(seg, len, 18, &r->item_id);
	return plen == len && memcmp(pat, seg, len) == 0;
}

/*
 * Finds the route of r->path, comparing segment by segment, and returns its
 * index or -1.  One trailing slash is ignored ("/o/3/" is "/o/3").
 */
static int
route_find(struct req *r)
{
	size_t plen = strlen(r->path);
	int i;

	if (plen > 1 && r->path[plen - 1] == '/')
		plen--;
	for (i = 0; i < ROUTE__MAX; i++) {
		const char *p = routes[i].pattern, *s = r->path;
		const char *pend = p + strlen(p), *send = r->path + plen;
		int ok = 1;

		if (strcmp(p, "/") == 0) {
			if (plen == 1)
				return i;
			continue;
		}
		while (ok && p < pend && s < send) {
			const char *pe, *se;

			if (*p != '/' || *s != '/') {
				ok = 0;
				break;
			}
			p++, s++;
			pe = memchr(p, '/', (size_t)(pend - p));
			se = memchr(s, '/', (size_t)(send - s));
			if (pe == NULL)
				pe = pend;
			if (se == NULL)
				se = send;
			ok = route_segment(p, (size_t)(pe - p), s,
			    (size_t)(se - s), r);
			p = pe, s = se;
		}
		if (ok && p == pend && s == send)
			return i;
		r->org_id = 0;
		r->token[0] = '\0';
		r->section = -1;
		r->version = 0;
		r->item_id = 0;
	}
	return -1;
}

/* The value of a cookie, trying the __Host- name first when cookies are secure. */
static const char *
cookie_get(const struct req *r, const char *name)
{
	char host[64];
	const char *v;

	if (r->app->cfg.secure_cookies) {
		snprintf(host, sizeof host, "__Host-%s", name);
		if ((v = kvlist_get(&r->cookies, host)) != NULL)
			return v;
		return NULL;
	}
	return kvlist_get(&r->cookies, name);
}

/* Non-zero when s is a well-formed token of exactly AUTH_TOKEN_LEN characters. */
static int
token_wellformed(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != AUTH_TOKEN_LEN)
		return 0;
	for (i = 0; i < AUTH_TOKEN_LEN; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return 0;
	}
	return 1;
}

/*
 * Reads the session cookie and, when it names a live session, fills
 * r->sess: a complete session logs the person in (r->logged_in), with
 * what two-factor asks of them (r->totp_on, r->hold_2fa); a session whose
 * second factor is still to come logs nobody in (r->mfa_pending, so that
 * every page but the second step treats the person as a visitor), and
 * ends when it has waited over ACCOUNT_PENDING_MAX seconds.  Then chooses
 * the language: the user's, else the rt_lang cookie, else
 * Accept-Language, else French.  Then the CSRF token: the session's, else
 * the visitor's rt_csrf cookie, else a new one that is sent as a cookie
 * with this answer.
 */
static int
req_identify(struct req *r, const char *accept_language)
{
	const struct config *cfg = &r->app->cfg;
	struct account_state st;
	const char *tok, *c;
	int rc, lang;

	tok = cookie_get(r, "rt_session");
	if (token_wellformed(tok)) {
		rc = auth_session_get(r->app->auth, r->h, tok, r->now, &r->sess);
		if (rc == RT_OK && (rc = account_session_state(r->h, r->sess.id,
		    r->sess.user_id, &st)) == RT_OK && st.pending &&
		    r->now - r->sess.created > ACCOUNT_PENDING_MAX) {
			/* A second step left waiting too long starts over. */
			if ((rc = auth_session_end(r->h, tok)) != RT_OK)
				return rc;
			memset(&r->sess, 0, sizeof r->sess);
			rc = RT_EEXPIRED;
		}
		if (rc == RT_OK) {
			if (st.pending)
				r->mfa_pending = 1;
			else {
				r->logged_in = 1;
				r->totp_on = st.totp;
				r->hold_2fa = st.require_staff && !st.totp &&
				    (r->sess.roles & (AUTH_ROLE_ADMIN |
				    AUTH_ROLE_TRAINER)) != 0;
			}
			snprintf(r->session_token, sizeof r->session_token,
			    "%s", tok);
		} else if (rc == RT_EEXPIRED || rc == RT_ENOTFOUND) {
			if ((rc = page_set_session_cookie(r, NULL, 1)) != RT_OK)
				return rc;
		} else
			return rc;
	}

	lang = -1;
	if ((r->logged_in || r->mfa_pending) && r->sess.lang[0] != '\0')
		lang = lang_from_code(r->sess.lang);
	if (lang < 0 && (c = cookie_get(r, "rt_lang")) != NULL)
		lang = lang_from_code(c);
	if (lang < 0 && accept_language != NULL)
		lang = http_accept_language(accept_language, lang_codes,
		    LANG__MAX);
	r->lang = lang < 0 ? LANG_FR : (enum lang)lang;

	if (r->logged_in || r->mfa_pending) {
		snprintf(r->csrf, sizeof r->csrf, "%s", r->sess.csrf);
		return RT_OK;
	}
	c = cookie_get(r, "rt_csrf");
	if (token_wellformed(c)) {
		snprintf(r->csrf, sizeof r->csrf, "%s", c);
		return RT_OK;
	}
	auth_token_new(r->csrf);
	{
		char name[32];
		struct http_cookie ck = {
			.name = name, .value = r->csrf, .max_age = 0,
			.http_only = 1, .secure = cfg->secure_cookies,
			.same_site = "Lax",
		};

		snprintf(name, sizeof name, "%srt_csrf",
		    cfg->secure_cookies ? "__Host-" : "");
		return http_set_cookie(&r->resp, &ck);
	}
}

/*
 * Parses the multipart/form-data body[0..len) of content type ct: every
 * part goes to r->parts, and the parts that are no file (no filename)
 * also to r->form, where the CSRF token and the other fields are read as
 * for an urlencoded body; such a field must be UTF-8 without NUL.
 * Answers 400 for a malformed body and 413 for too many parts.  Returns
 * RT_OK, with *answered set when an error page was made, or RT_ENOMEM.
 */
static int
req_parse_multipart(struct req *r, const char *body, size_t len,
    const char *ct, int *answered)
{
	const struct http_part *p;
	size_t i;
	int rc;

	rc = http_parse_multipart(body, len, ct, &r->parts, &r->nparts);
	if (rc == RT_ETOOBIG) {
		*answered = 1;
		return page_error(r, 413, N_("What you sent is too large "
		    "for one page. Shorten the longest answers and try "
		    "again."));
	}
	if (rc == RT_EINVAL || rc == RT_EUTF8) {
		*answered = 1;
		return page_error(r, 400, rc == RT_EUTF8 ?
		    N_("Some text sent was not valid UTF-8.") :
		    N_("The request was malformed."));
	}
	if (rc != RT_OK)
		return rc;
	for (i = 0; i < r->nparts; i++) {
		p = &r->parts[i];
		if (p->filename != NULL)
			continue;
		if (memchr(p->data, '\0', p->len) != NULL ||
		    !utf8_valid(p->data, p->len)) {
			*answered = 1;
			return page_error(r, 400, N_("Some text sent was not "
			    "valid UTF-8."));
		}
		if ((rc = kvlist_add(&r->form, p->name, p->data, p->len)) !=
		    RT_OK)
			return rc;
	}
	return RT_OK;
}

/*
 * Writes into out (size outlen) the path of r as the program's log shows
 * it: the secret of a share, invitation, reset or join link (r->token,
 * which the route found in the path) replaced by "<token>", so that the
 * log never holds what opens a plan or an account.
 */
static void
req_log_path(const struct req *r, char *out, size_t outlen)
{
	const char *at = NULL;
	size_t n;

	if (r->token[0] != '\0')
		at = strstr(r->path, r->token);
	if (at == NULL) {
		snprintf(out, outlen, "%s", r->path);
		return;
	}
	n = (size_t)(at - r->path);
	snprintf(out, outlen, "%.*s<token>%s", (int)n, r->path,
	    at + strlen(r->token));
}

/*
 * Reads a POST body of CONTENT_LENGTH bytes and parses it.  Answers 413
 * when the length is over the limit, 415 for another content type, 400 for
 * a body that ends early, is badly encoded or is not UTF-8.  The body is
 * application/x-www-form-urlencoded, or multipart/form-data on the routes
 * that take it, which may send twice as much (a plan file of 1 MiB is
 * more than 1 MiB once in a form).  Returns RT_OK with *answered set when
 * an error page was made instead.
 */
static int
req_read_body(struct req *r, const struct io *io, int *answered)
{
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", io->envp);
	const char *ct = FCGX_GetParam("CONTENT_TYPE", io->envp);
	char *body = NULL, *end, logged[sizeof r->path + 8];
	unsigned long long len = 0, limit = r->app->cfg.max_body;
	size_t got = 0;
	int rc = RT_OK, multipart, expired = 0;

	*answered = 0;
	multipart = routes[r->route].multipart && http_is_multipart(ct);
	if (multipart)
		limit *= 2;
	if (cl != NULL && *cl != '\0') {
		errno = 0;
		len = strtoull(cl, &end, 10);
		if (errno != 0 || *end != '\0' || cl[0] == '-') {
			*answered = 1;
			return page_error(r, 400,
			    N_("The request was malformed."));
		}
	}
	if (len > limit) {
		*answered = 1;
		return page_error(r, 413, N_("What you sent is too large "
		    "for one page. Shorten the longest answers and try "
		    "again."));
	}
	if (len > 0 && !multipart && (ct == NULL || strncasecmp(ct,
	    "application/x-www-form-urlencoded", 33) != 0)) {
		*answered = 1;
		return page_error(r, 415, N_("This kind of content is not "
		    "accepted here."));
	}
	if (len == 0)
		return RT_OK;
	if ((body = malloc(len + 1)) == NULL)
		return RT_ENOMEM;
	while (got < len) {
		int n = io->read(io->ctx, body + got,
		    (int)(len - got > 65536 ? 65536 : len - got));

		if (n == IO_EXPIRED)
			expired = 1;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got != len && expired) {
		/*
		 * The body stopped coming, or came too slowly: the worker
		 * goes back to the pool (RESEAUTER_READ_TIMEOUT).
		 */
		req_log_path(r, logged, sizeof logged);
		fprintf(stderr, "reseauter: POST %s: %zu of %llu bytes of the "
		    "body came before the read deadline; answered 408\n",
		    logged, got, len);
		*answered = 1;
		rc = page_error(r, 408, N_("Your browser took too long to "
		    "send this form, so nothing was saved. Check your "
		    "connection and try again."));
		goto out;
	}
	if (got != len) {
		*answered = 1;
		rc = page_error(r, 400, N_("The request was cut short. "
		    "Please try again."));
		goto out;
	}
	body[len] = '\0';
	if (multipart) {
		rc = req_parse_multipart(r, body, len, ct, answered);
		goto out;
	}
	rc = http_parse_urlencoded(body, len, &r->form);
	if (rc == RT_OK && r->form.n > REQ_MAX_FIELDS) {
		*answered = 1;
		rc = page_error(r, 413, N_("What you sent is too large "
		    "for one page. Shorten the longest answers and try "
		    "again."));
	}
	if (rc == RT_EINVAL || rc == RT_EUTF8) {
		*answered = 1;
		rc = page_error(r, 400, rc == RT_EUTF8 ?
		    N_("Some text sent was not valid UTF-8.") :
		    N_("The request was malformed."));
	}
out:
	free(body);
	return rc;
}

/*
 * Applies the access rule of the route to a logged-in person (enum access
 * in cgi.h): the organisation of /o/<id>/ is found through org_access()
 * and its name read into r->org_name; a cohort of /c/<id>/ through
 * cohort_trainer_check().  What a person may not know exists (another
 * group's plan, another trainer's cohort) is answered 404; what they know
 * of but may not do, 403.  Returns RT_OK with *answered set when an error
 * page was made, or an error status.
 */
static int
req_check_access(struct req *r, enum access access, int *answered)
{
	int rc, ok;

	*answered = 0;
	switch (access) {
	case ACCESS_ANYONE:
	case ACCESS_LOGIN:
		return RT_OK;
	case ACCESS_MEMBER:
	case ACCESS_OWNER:
	case ACCESS_READER:
		rc = org_access(r->h, r->org_id, r->sess.user_id, &r->role);
		if (rc != RT_OK)
			return rc;
		*answered = 1;
		if (r->role == ORG_ROLE_NONE)
			return page_error(r, 404,
			    N_("This page does not exist."));
		if (r->role == ORG_ROLE_TRAINER && access != ACCESS_READER)
			return page_error(r, 403, N_("As a trainer, you read "
			    "this plan and comment on it; only the "
			    "organisation's members can change it."));
		if (access == ACCESS_OWNER && r->role != ORG_ROLE_OWNER)
			return page_error(r, 403, N_("Only an owner of the "
			    "organisation can do this."));
		*answered = 0;
		return org_name(r->h, r->org_id, r->org_name);
	case ACCESS_TRAINER:
		if (r->sess.roles & AUTH_ROLE_TRAINER)
			return RT_OK;
		*answered = 1;
		return page_error(r, 403, N_("This page is for trainers. An "
		    "administrator of this site can give you that role."));
	case ACCESS_COHORT:
		ok = 0;
		if ((r->sess.roles & AUTH_ROLE_TRAINER) &&
		    (rc = cohort_trainer_check(r->h, r->item_id,
		    r->sess.user_id, &ok)) != RT_OK)
			return rc;
		if (ok)
			return RT_OK;
		*answered = 1;
		return page_error(r, 404, N_("This page does not exist."));
	case ACCESS_ADMIN:
		if (r->sess.roles & AUTH_ROLE_ADMIN)
			return RT_OK;
		*answered = 1;
		return page_error(r, 403, N_("Only an administrator of this "
		    "site can do this."));
	}
	return RT_EINVAL;
}

/* The name of an access rule, as --routes prints it. */
static const char *
access_name(enum access a)
{
	switch (a) {
	case ACCESS_ANYONE:  return "anyone";
	case ACCESS_LOGIN:   return "login";
	case ACCESS_MEMBER:  return "member";
	case ACCESS_OWNER:   return "owner";
	case ACCESS_READER:  return "reader";
	case ACCESS_TRAINER: return "trainer";
	case ACCESS_COHORT:  return "cohort";
	case ACCESS_ADMIN:   return "admin";
	}
	return "?";
}

/*
 * Prints the route table, one line per route and method it answers:
 * "GET /o/%d/summary reader".  The authorization test
 * (tests/e2e/authz.sh) reads it, so that a route missing from its matrix
 * fails the test.  Returns the exit status.
 */
static int
routes_print(void)
{
	int i;

	for (i = 0; i < ROUTE__MAX; i++) {
		if (routes[i].get != NULL)
			printf("GET %s %s\n", routes[i].pattern,
			    access_name(routes[i].get_access));
		if (routes[i].post != NULL)
			printf("POST %s %s\n", routes[i].pattern,
			    access_name(routes[i].post_access));
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

/*
 * Runs the fixed checks of every request (method, route, body, session,
 * CSRF token, access to the organisation), then the route's handler.
 * Whatever happens, r->resp holds an answer when this returns RT_OK.
 */
static int
req_dispatch(struct req *r, const struct io *io)
{
	const char *method = FCGX_GetParam("REQUEST_METHOD", io->envp);
	const char *uri = FCGX_GetParam("REQUEST_URI", io->envp);
	const char *qs = FCGX_GetParam("QUERY_STRING", io->envp);
	const char *ra = FCGX_GetParam("REMOTE_ADDR", io->envp);
	const char *ck = FCGX_GetParam("HTTP_COOKIE", io->envp);
	const struct route_def *rd;
	size_t plen;
	enum access access;
	int rc, answered, route;

	if (method == NULL || strcmp(method, "GET") == 0)
		r->method = METHOD_GET;
	else if (strcmp(method, "HEAD") == 0)
		r->method = METHOD_HEAD;
	else if (strcmp(method, "POST") == 0)
		r->method = METHOD_POST;
	else
		r->method = METHOD_OTHER;
	snprintf(r->addr, sizeof r->addr, "%s", ra != NULL ? ra : "");

	if (uri == NULL) {
		const char *sn = FCGX_GetParam("SCRIPT_NAME", io->envp);
		const char *pi = FCGX_GetParam("PATH_INFO", io->envp);

		snprintf(r->path, sizeof r->path, "%s%s", sn ? sn : "",
		    pi ? pi : "");
	} else {
		plen = strcspn(uri, "?");
		if (plen >= sizeof r->path)
			plen = sizeof r->path - 1;
		memcpy(r->path, uri, plen);
		r->path[plen] = '\0';
	}
	if (r->path[0] == '\0')
		snprintf(r->path, sizeof r->path, "/");

	if (ck != NULL && (rc = http_parse_cookies(ck, &r->cookies)) != RT_OK)
		return rc;
	account_agent_summary(FCGX_GetParam("HTTP_USER_AGENT", io->envp),
	    r->agent);
	rc = req_identify(r, FCGX_GetParam("HTTP_ACCEPT_LANGUAGE", io->envp));
	if (rc != RT_OK)
		return rc;

	if (qs != NULL && *qs != '\0') {
		rc = http_parse_urlencoded(qs, strlen(qs), &r->query);
		if (rc == RT_EINVAL || rc == RT_EUTF8)
			return page_error(r, 400, rc == RT_EUTF8 ?
			    N_("Some text sent was not valid UTF-8.") :
			    N_("The request was malformed."));
		if (rc != RT_OK)
			return rc;
	}

	if ((route = route_find(r)) < 0)
		return page_error(r, 404, N_("This page does not exist."));
	r->route = route;
	rd = &routes[route];
	if ((r->method == METHOD_POST && rd->post == NULL) ||
	    (r->method != METHOD_POST && (rd->get == NULL ||
	    r->method == METHOD_OTHER))) {
		const char *allow = rd->get && rd->post ? "GET, HEAD, POST" :
		    rd->get ? "GET, HEAD" : "POST";

		if ((rc = http_add_header(&r->resp, "Allow", allow)) != RT_OK)
			return rc;
		return page_error(r, 405,
		    N_("This page cannot be used that way."));
	}

	if (r->method == METHOD_POST) {
		if ((rc = req_read_body(r, io, &answered)) != RT_OK ||
		    answered)
			return rc;
	}

	access = r->method == METHOD_POST ? rd->post_access : rd->get_access;
	if (access != ACCESS_ANYONE && r->mfa_pending) {
		char next[1024], loc[1200];

		/* Between the password and the code, only the second step. */
		if (r->method == METHOD_POST)
			return page_redirect(r, 303, "/login/2fa");
		http_query_escape(r->path, next, sizeof next);
		snprintf(loc, sizeof loc, "/login/2fa?next=%s", next);
		return page_redirect(r, 302, loc);
	}
	if (access != ACCESS_ANYONE && !r->logged_in) {
		char next[1024], loc[1200];

		if (r->method == METHOD_POST)
			return page_redirect(r, 303, "/login");
		http_query_escape(r->path, next, sizeof next);
		snprintf(loc, sizeof loc, "/login?next=%s", next);
		return page_redirect(r, 302, loc);
	}

	/*
	 * A trainer or administrator whose instance requires two-factor,
	 * without it: its set-up page, logging out and the language only.
	 */
	if (r->hold_2fa && route != ROUTE_ACCOUNT_2FA &&
	    route != ROUTE_LOGOUT && route != ROUTE_LANG)
		return page_redirect(r, r->method == METHOD_POST ? 303 : 302,
		    "/account/2fa");

	if (r->method == METHOD_POST) {
		const char *sent = kvlist_get(&r->form, "csrf");

		if (sent == NULL || !auth_token_equal(sent, r->csrf))
			return page_error(r, 403, N_("This form had expired "
			    "or did not come from this site, so nothing was "
			    "saved. Go back, reload the page and try again."));
	}

	if ((rc = req_check_access(r, access, &answered)) != RT_OK ||
	    answered)
		return rc;

	return r->method == METHOD_POST ? rd->post(r) : rd->get(r);
}

/*
 * Writes r->resp with the headers every answer carries.  HEAD gets the
 * headers only.  Returns 0, or -1 when the client went away.
 */
static int
req_write(const struct req *r, const struct io *io)
{
	const struct http_response *p = &r->resp;
	struct buf h = { 0 };
	int rc = 0;

	buf_printf(&h, "Status: %d %s\r\n", p->status, http_reason(p->status));
	buf_printf(&h, "Content-Type: %s\r\n", p->content_type[0] ?
	    p->content_type : "text/html; charset=utf-8");
	buf_printf(&h, "Content-Length: %zu\r\n", p->body.len);
	buf_puts(&h, "Content-Security-Policy: default-src 'self'; "
	    "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
	    "frame-ancestors 'none'; form-action 'self'\r\n");
	buf_puts(&h, "X-Content-Type-Options: nosniff\r\n");
	buf_puts(&h, "X-Frame-Options: DENY\r\n");
	/*
	 * A path that holds a link's secret (share, invitation, reset, join
	 * code: the route found r->token) is sent in no Referer, not even to
	 * this site, where the web server's access log would keep it.
	 */
	if (strstr(buf_str(&p->headers), "Referrer-Policy:") == NULL)
		buf_printf(&h, "Referrer-Policy: %s\r\n", r->token[0] != '\0' ?
		    "no-referrer" : "same-origin");
	if (strstr(buf_str(&p->headers), "Cache-Control:") == NULL)
		buf_puts(&h, "Cache-Control: no-store\r\n");
	if (strncmp(r->app->cfg.base_url, "https://", 8) == 0)
		buf_puts(&h, "Strict-Transport-Security: max-age=31536000\r\n");
	buf_append(&h, buf_str(&p->headers), p->headers.len);
	if (buf_puts(&h, "\r\n") != RT_OK) {
		rc = -1;
		goto out;
	}
	if (io->write(io->ctx, h.data, (int)h.len) < 0)
		rc = -1;
	else if (r->method != METHOD_HEAD && p->body.len > 0 &&
	    io->write(io->ctx, p->body.data, (int)p->body.len) < 0)
		rc = -1;
out:
	buf_free(&h);
	return rc;
}

/* Answers one request, turning an internal failure into a logged 500. */
static void
serve(const struct app *app, struct dbh *h, const struct io *io)
{
	struct req r;
	char logged[sizeof r.path + 8];
	int rc;

	memset(&r, 0, sizeof r);
	r.section = -1;
	r.app = app;
	r.h = h;
	r.now = time(NULL);
	rc = req_dispatch(&r, io);
	if (rc != RT_OK) {
		req_log_path(&r, logged, sizeof logged);
		fprintf(stderr, "reseauter: %s %s: %s\n",
		    r.method == METHOD_POST ? "POST" : "GET", logged,
		    rt_status_name(rc));
		http_response_free(&r.resp);
		if (rc == RT_EBUSY) {
			rc = page_error(&r, 503, N_("The application is busy. "
			    "Please try again in a moment; nothing was lost."));
			if (rc == RT_OK)
				rc = http_add_header(&r.resp, "Retry-After",
				    PAGE_RETRY_BUSY);
		} else if (rc == RT_ESTORAGE) {
			/*
			 * A full disk or a read-only database: the server's
			 * trouble, for a while, not the request's.  503 with
			 * Retry-After says exactly that to any client (507
			 * is WebDAV's, for a body too large to store).
			 */
			rc = page_error_titled(&r, 503, N_("Saving is not "
			    "possible for now"), N_("The server cannot store "
			    "anything at the moment: its disk is full or its "
			    "data is read-only. Nothing was saved, and nothing "
			    "saved before was changed. Please try again in a "
			    "few minutes; if it keeps failing, tell the person "
			    "who runs this site."));
			if (rc == RT_OK)
				rc = http_add_header(&r.resp, "Retry-After",
				    PAGE_RETRY_STORAGE);
		} else
			rc = page_error(&r, 500, N_("Something went wrong on "
			    "our side and nothing was saved. Please try "
			    "again."));
		if (rc != RT_OK) {
			http_response_free(&r.resp);
			r.resp.status = 500;
			buf_puts(&r.resp.body, "500\n");
			snprintf(r.resp.content_type,
			    sizeof r.resp.content_type, "text/plain");
		}
	}
	req_write(&r, io);
	req_free(&r);
}

/*
 * One FastCGI request of a worker, and what the read deadline of its body
 * needs: when it was accepted, how much of the body has come.
 */
struct fcgi_req {
	FCGX_Request          fr;
	const struct config  *cfg;
	struct timespec       start;    /* when FCGX_Accept_r returned */
	unsigned long long    got;      /* bytes of the body read so far */
	int                   rearmed;  /* SO_RCVTIMEO changed since accept */
};

/* Milliseconds from a to b (CLOCK_MONOTONIC times). */
static long long
ms_between(const struct timespec *a, const struct timespec *b)
{
	return (long long)(b->tv_sec - a->tv_sec) * 1000 +
	    (b->tv_nsec - a->tv_nsec) / 1000000;
}

/*
 * How long the next read of c's body may wait, in milliseconds, or 0 when
 * the deadline has passed.  As mod_reqtimeout's body=T,MinRate=R: the
 * body has T seconds (cfg->read_timeout) from the acceptance of the
 * request, plus one second for every R bytes (cfg->read_minrate) that
 * have come, and no single wait is longer than T.  A body that stops is
 * cut T seconds after its last bytes at the most; one that trickles, once
 * it has fallen below R bytes a second on average.
 */
static long long
fcgi_wait_ms(const struct fcgi_req *c)
{
	long long idle = (long long)c->cfg->read_timeout * 1000, left;
	struct timespec now;

	if (c->cfg->read_minrate == 0)
		return idle;
	clock_gettime(CLOCK_MONOTONIC, &now);
	left = idle + (long long)(c->got * 1000 /
	    (unsigned long long)c->cfg->read_minrate) -
	    ms_between(&c->start, &now);
	if (left <= 0)
		return 0;
	return left < idle ? left : idle;
}

/*
 * Reads up to n bytes of the request body into p, within the request's
 * read deadline.  libfcgi's reads are blocking read()s on the connection
 * (FCGX_GetStr fills its buffer as often as it needs to reach n bytes),
 * so the bound is a receive time-out on the socket: bytes libfcgi holds
 * already are taken without reading (the stop and rdNext of FCGX_Stream,
 * which FCGX_GetStr itself compares); otherwise a single byte is asked
 * for, which costs one buffer fill, after SO_RCVTIMEO is set to what is
 * left of the deadline.  A read that times out fails with EAGAIN, which
 * libfcgi keeps as the stream's error and reports as the end of input.
 * Returns the number of bytes, 0 at the end of the body, -1 on an error,
 * IO_EXPIRED when the deadline has passed.
 */
static int
fcgi_read(void *ctx, char *p, int n)
{
	struct fcgi_req *c = ctx;
	FCGX_Stream *in = c->fr.in;
	long long held = (long long)(in->stop - in->rdNext), wait;
	int got, e;

	if (n <= 0)
		return 0;
	if (held > 0) {
		if (n > held)
			n = (int)held;
	} else if (!in->isClosed) {
		if ((wait = fcgi_wait_ms(c)) == 0)
			return IO_EXPIRED;
		/*
		 * A socket that refuses the option (none should) is read
		 * without a bound rather than refused.
		 */
		pool_rcvtimeo(c->fr.ipcFd, wait);
		c->rearmed = 1;
		n = 1;
	}
	got = FCGX_GetStr(p, n, in);
	if (got > 0) {
		c->got += (unsigned long long)got;
		return got;
	}
	e = FCGX_GetError(in);
	if (e == EAGAIN || e == EWOULDBLOCK)
		return IO_EXPIRED;
	return e == 0 ? 0 : -1;
}

static int
fcgi_write(void *ctx, const char *p, int n)
{
	return FCGX_PutStr(p, n, ((struct fcgi_req *)ctx)->fr.out) == n ?
	    n : -1;
}

static int
stdio_read(void *ctx, char *p, int n)
{
	return (int)fread(p, 1, (size_t)n, stdin);
}

static int
stdio_write(void *ctx, const char *p, int n)
{
	return fwrite(p, 1, (size_t)n, stdout) == (size_t)n ? n : -1;
}

/* What each worker thread shares with the others. */
struct workers {
	const struct app *app;
	struct pool       pool;
};

/*
 * One worker: its own read connection, then takes its turn at the
 * FastCGI connections (pool.h) and serves until the process is to stop.
 *
 * Every read on a connection is bounded by RESEAUTER_READ_TIMEOUT
 * (SO_RCVTIMEO, which the pool sets), and those of a request body by its
 * deadline (fcgi_read), so that a web server passing on a slow client's
 * body as it comes (Apache's mod_proxy_fcgi) cannot keep the worker: the
 * request is answered 408 and the worker takes the next.  A connection
 * the web server keeps open (FCGI_KEEP_CONN) holds no worker between its
 * requests: the pool parks it, and closes it once it has stayed idle as
 * long.
 */
static void *
worker(void *arg)
{
	struct workers *w = arg;
	struct dbh h = { w->app->db, NULL };
	struct fcgi_req c;
	struct io io = { &c, NULL, fcgi_read, fcgi_write };

	memset(&c, 0, sizeof c);
	c.cfg = &w->app->cfg;
	if (db_reader_open(w->app->db, &h.rd) != RT_OK) {
		fprintf(stderr, "reseauter: cannot open a read connection\n");
		return NULL;
	}
	if (FCGX_InitRequest(&c.fr, w->pool.listen_fd, 0) != 0) {
		fprintf(stderr, "reseauter: FCGX_InitRequest failed\n");
		db_conn_close(h.rd);
		return NULL;
	}
	while (pool_accept(&w->pool, &c.fr) == 0) {
		clock_gettime(CLOCK_MONOTONIC, &c.start);
		c.got = 0;
		c.rearmed = 0;
		io.envp = c.fr.envp;
		serve(w->app, &h, &io);
		if (c.rearmed)
			pool_rcvtimeo(c.fr.ipcFd, w->pool.timeout_ms);
		pool_finish(&w->pool, &c.fr);
	}
	db_conn_close(h.rd);
	return NULL;
}

/*
 * Serves FastCGI on listen_fd with cfg.threads workers until SIGTERM,
 * SIGINT or SIGHUP.  libfcgi's own SIGTERM handler only sets a flag while
 * the workers wait, so the signals are blocked in every thread and taken
 * here by sigwait(): then pool_stop() writes a byte to the pool's stop
 * pipe, which wakes the worker waiting; each finishes the request it is
 * answering (and those already waiting on the connections the pool
 * holds), and the caller closes the database once they have all
 * returned.
 *
 * The listening socket is never shut down: with socket activation systemd
 * holds the same socket, and shutdown() would stop it for systemd too
 * (reseauter.socket then fails, "Got POLLHUP on a listening socket", and
 * no request starts the program again until someone restarts the socket;
 * tests/systemd/run.sh checks it).
 */
static int
serve_fastcgi(const struct app *app, int listen_fd)
{
	struct workers w;
	sigset_t stop;
	pthread_t *t = NULL;
	struct timespec until;
	int i, n = app->cfg.threads, sig, joined = 0;

	w.app = app;
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGHUP);
	if (pthread_sigmask(SIG_BLOCK, &stop, NULL) != 0)
		return 1;
	if (pool_init(&w.pool, listen_fd,
	    (long long)app->cfg.read_timeout * 1000) != 0) {
		fprintf(stderr, "reseauter: pipe: %s\n", strerror(errno));
		return 1;
	}
	if ((t = calloc((size_t)n, sizeof *t)) == NULL) {
		pool_free(&w.pool);
		return 1;
	}
	for (i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, worker, &w) != 0) {
			fprintf(stderr, "reseauter: cannot start thread\n");
			n = i;
			break;
		}
	if (n > 0 && sigwait(&stop, &sig) == 0)
		FCGX_ShutdownPending();
	/* Also when sigwait() failed, so that the workers end. */
	pool_stop(&w.pool);
	/*
	 * A worker may still be reading a request, each read bounded by the
	 * read deadline, or, on a listening socket that is not a Unix
	 * socket, be waiting in libfcgi's own accept() should another
	 * process have taken the connection it was woken for: it sees
	 * neither the pipe nor a signal.  The workers are waited for until
	 * the read deadline has passed; one still running then is left to
	 * the process's end, and so is the pool it uses.
	 */
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += app->cfg.read_timeout + 1;
	for (i = 0; i < n; i++) {
		if (pthread_timedjoin_np(t[i], NULL, &until) == 0)
			joined++;
		else
			fprintf(stderr, "reseauter: a worker did not stop in "
			    "time; the process ends without it\n");
	}
	if (joined == n)
		pool_free(&w.pool);
	free(t);
	return n > 0 ? 0 : 1;
}

/* Answers the one request of a plain CGI invocation. */
static int
serve_cgi(const struct app *app)
{
	struct dbh h = { app->db, NULL };
	struct io io = { NULL, environ, stdio_read, stdio_write };

	if (db_reader_open(app->db, &h.rd) != RT_OK)
		return 1;
	serve(app, &h, &io);
	fflush(stdout);
	db_conn_close(h.rd);
	return 0;
}

/*
 * Opens the Unix socket at path for FastCGI with the configured mode.  A
 * stale socket file left by a previous run is removed first.  Returns the
 * descriptor or -1.
 */
static int
listen_unix(const char *path, int mode)
{
	struct stat st;
	int fd;

	if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode))
		unlink(path);
	if ((fd = FCGX_OpenSocket(path, 128)) < 0)
		return -1;
	if (chmod(path, (mode_t)mode) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * Checks the nfds descriptors a service manager passed from
 * CONFIG_LISTEN_FDS_START on: the first must be a stream socket, which we
 * serve; none of them may leak into a child (close-on-exec); any others
 * are closed, since we serve one socket only.  Returns 0, or -1 after
 * saying why on stderr.
 */
static int
listen_activated(int nfds)
{
	int fd = CONFIG_LISTEN_FDS_START, type = 0, flags;
	socklen_t len = sizeof type;
	struct stat st;

	if (fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode) ||
	    getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0 ||
	    type != SOCK_STREAM) {
		fprintf(stderr, "reseauter: LISTEN_FDS is %d, but descriptor %d "
		    "is no stream socket\n", nfds, fd);
		return -1;
	}
	if ((flags = fcntl(fd, F_GETFD)) < 0 ||
	    fcntl(fd, F_SETFD, flags | FD_CLOEXEC) != 0) {
		fprintf(stderr, "reseauter: descriptor %d: %s\n", fd,
		    strerror(errno));
		return -1;
	}
	if (nfds > 1) {
		fprintf(stderr, "reseauter: %d sockets passed: serving the "
		    "first, closing the others\n", nfds);
		for (fd = CONFIG_LISTEN_FDS_START + 1;
		    fd < CONFIG_LISTEN_FDS_START + nfds; fd++)
			close(fd);
	}
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: reseauter [--init-db | --routes]\n"
	    "  Serves FastCGI on the socket systemd passed (LISTEN_FDS), on "
	    "RESEAUTER_SOCKET,\n  or on fd 0 when a web server spawned it; "
	    "otherwise answers one request\n  as plain CGI.  --init-db creates "
	    "or migrates the database and exits;\n  --routes lists the routes "
	    "and who may use them.\n");
}

int
main(int argc, char *argv[])
{
	struct app app;
	char err[512];
	int init_only = 0, rc = 1, nfds = 0;

	memset(&app, 0, sizeof app);
	if (argc == 2 && strcmp(argv[1], "--init-db") == 0)
		init_only = 1;
	else if (argc == 2 && strcmp(argv[1], "--routes") == 0)
		return routes_print();
	else if (argc != 1) {
		usage();
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	/*
	 * A file-size limit (ulimit -f, LimitFSIZE=) must fail a write with
	 * EFBIG, which SQLite reports and the program answers like a full
	 * disk, not kill the whole process.
	 */
	signal(SIGXFSZ, SIG_IGN);
	if (config_from_env(&app.cfg, err, sizeof err) != RT_OK ||
	    config_listen_fds((long)getpid(), &nfds, err, sizeof err) != RT_OK) {
		fprintf(stderr, "reseauter: %s\n", err);
		return 1;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "reseauter: libsodium failed to start\n");
		return 1;
	}
	if (account_init() != RT_OK) {
		fprintf(stderr, "reseauter: liboath failed to start\n");
		return 1;
	}
	if (db_open(&app.db, app.cfg.db_path, app.cfg.schema_path, err,
	    sizeof err) != RT_OK) {
		fprintf(stderr, "reseauter: %s\n", err);
		return 1;
	}
	if (init_only) {
		rc = 0;
		goto out;
	}
	if (i18n_load(&app.i18n, app.cfg.locale_dir, err, sizeof err) != RT_OK ||
	    tpl_load(app.cfg.template_dir, app.i18n, err, sizeof err) != RT_OK) {
		fprintf(stderr, "reseauter: %s\n", err);
		goto out;
	}
	/* Fontconfig and pango set themselves up once, before any thread. */
	switch (pdf_init()) {
	case RT_OK:
		break;
	case RT_ENOTFOUND:
		fprintf(stderr, "reseauter: the font %s is not installed; PDFs "
		    "will use another one\n", PDF_FONT_FAMILY);
		break;
	default:
		fprintf(stderr, "reseauter: cannot prepare PDF rendering\n");
		goto out;
	}
	if (auth_new(&app.auth, &app.cfg) != RT_OK) {
		fprintf(stderr, "reseauter: out of memory\n");
		goto out;
	}
	if (FCGX_Init() != 0) {
		fprintf(stderr, "reseauter: FCGX_Init failed\n");
		goto out;
	}
	if (nfds > 0) {
		if (listen_activated(nfds) != 0)
			goto out;
		rc = serve_fastcgi(&app, CONFIG_LISTEN_FDS_START);
	} else if (app.cfg.socket_path[0] != '\0') {
		int fd = listen_unix(app.cfg.socket_path, app.cfg.socket_mode);

		if (fd < 0) {
			fprintf(stderr, "reseauter: cannot listen on %s: %s\n",
			    app.cfg.socket_path, strerror(errno));
			goto out;
		}
		rc = serve_fastcgi(&app, fd);
	} else if (!FCGX_IsCGI())
		rc = serve_fastcgi(&app, 0);
	else
		rc = serve_cgi(&app);
out:
	auth_free(app.auth);
	i18n_free(app.i18n);
	db_close(app.db);
	account_done();
	return rc;
}
