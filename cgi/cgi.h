/*
 * cgi.h: what every handler of cgi/ shares.
 *
 * cgi/main.c reads a request (FastCGI or plain CGI), checks method, route,
 * body size, encoding, session, CSRF token and the organisation's access
 * rule, then calls one handler of the route table.  A handler reads the
 * already-parsed input of struct req, calls lib/, and fills a template
 * through the helpers of cgi/page.c.  It never writes to the network.
 */
#ifndef RESEAUTER_CGI_H
#define RESEAUTER_CGI_H

#include <stdint.h>
#include <pthread.h>
#include <time.h>

#include "account.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "i18n.h"
#include "status.h"
#include "tpl.h"
#include "workbook.h"

/* What the process opened at start; read-only while requests run. */
struct app {
	struct config   cfg;
	struct db      *db;
	struct auth    *auth;
	struct i18n    *i18n;
};

enum method {
	METHOD_GET = 0,
	METHOD_HEAD,
	METHOD_POST,
	METHOD_OTHER
};

/*
 * Who may reach a route, for each method.  Not logged in, a person is sent
 * to the login page; logged in, what they may not know exists gets 404
 * (another organisation's plan, a cohort they do not train) and what they
 * may not do gets 403.  cgi/main.c applies the rule before any handler.
 */
enum access {
	ACCESS_ANYONE = 0,   /* logged in or not */
	ACCESS_LOGIN,        /* any logged-in user */
	ACCESS_MEMBER,       /* a member of the organisation in the path */
	ACCESS_OWNER,        /* an owner of the organisation in the path */
	ACCESS_READER,       /* a member, or a trainer of a cohort the organisation
	                      * is in (r->role is then ORG_ROLE_TRAINER: read only) */
	ACCESS_TRAINER,      /* a person with the trainer role */
	ACCESS_COHORT,       /* a trainer of the cohort of /c/<id> (r->item_id) */
	ACCESS_ADMIN         /* an administrator of the instance */
};

/* Everything about one request; freed by req_free() at the end of each turn. */
struct req {
	const struct app *app;
	struct dbh       *h;          /* this thread's database handles */
	enum method       method;
	char              path[512];  /* the path, without the query string */
	int               route;      /* enum route, set by the dispatcher */
	int64_t           org_id;     /* the <id> of /o/<id>/..., 0 if none */
	char              token[AUTH_TOKEN_LEN + 1]; /* the <token> of /invite/<token> */
	int               section;    /* the enum wb_section of /o/<id>/<slug>, -1 if none */
	int64_t           version;    /* the <version> of .../history/<version>, 0 if none */
	int64_t           item_id;    /* the <id> of /c/<id>, .../comments/<id>/ and
	                               * /admin/users/<id>/, 0 if none */
	int               shared;     /* the page is read through a share link */
	struct kvlist     query;
	struct kvlist     form;       /* the POST body's fields (urlencoded, or the plain
	                               * fields of a multipart body) */
	struct http_part *parts;      /* every part of a multipart/form-data body, files
	                               * included (routes that take one), or NULL */
	size_t            nparts;
	struct kvlist     cookies;
	char              addr[64];   /* REMOTE_ADDR */
	enum lang         lang;
	time_t            now;
	int               logged_in;
	struct session    sess;       /* valid when logged_in */
	char              session_token[AUTH_TOKEN_LEN + 1];
	char              csrf[AUTH_TOKEN_LEN + 1]; /* the token forms carry */
	int               role;       /* enum org_role in org_id: a member's role, or
	                               * ORG_ROLE_TRAINER for a trainer reading it */
	char              org_name[AUTH_NAME_MAX];
	int               mfa_pending; /* a session waits for its second factor: the
	                               * person is not logged in (logged_in 0), but
	                               * sess and session_token are those of it */
	int               totp_on;    /* the person logged in has two-factor on */
	int               hold_2fa;   /* a trainer or administrator without it, on an
	                               * instance that requires it: held on its set-up */
	char              agent[ACCOUNT_AGENT_MAX + 1]; /* the browser, as
	                               * account_agent_summary() says */
	struct http_response resp;
};

/* Translates an English message id into the request's language. */
#define T(r, msgid) i18n_get((r)->app->i18n, (r)->lang, (msgid))

/*
 * The Retry-After (seconds) of a 503 when the database cannot be written
 * (RT_ESTORAGE: someone must free space first) and when it stayed locked
 * (RT_EBUSY: a backup, gone in a moment).
 */
#define PAGE_RETRY_STORAGE "60"
#define PAGE_RETRY_BUSY    "5"


/* Frees what a request holds and zeroes it (but app and h). */
void req_free(struct req *r);

/*
 * Starts a page: a layout dictionary for template "layout.tpl" whose BODY
 * includes the template file tpl (e.g. "mission.tpl") in the request's
 * language, with the title title_msgid translated.  Returns the body's
 * dictionary (owned by *layout) or NULL on ENOMEM; the caller passes
 * *layout to page_finish(), which frees it.
 */
struct tpl_dict *page_begin(struct req *r, struct tpl_dict **layout,
    const char *tpl, const char *title_msgid);

/*
 * Makes {{>name}} of d include template tpl ("field.tpl") in the request's
 * language, and returns the include's dictionary (owned by d), or NULL.
 */
struct tpl_dict *page_include(struct req *r, struct tpl_dict *d,
    const char *name, const char *tpl);

/*
 * Expands the layout into r->resp with the given status and frees layout.
 * Returns RT_OK, RT_ENOMEM or RT_ENOTFOUND (no such template).
 */
int page_finish(struct req *r, struct tpl_dict *layout, int status);

/*
 * Answers with an error page: status and a message (an English message id,
 * translated here).  Returns RT_OK or an error of page_finish().
 */
int page_error(struct req *r, int status, const char *msgid);

/*
 * The same with a heading of its own (an English message id) instead of
 * the one page_error() gives the status.
 */
int page_error_titled(struct req *r, int status, const char *title,
    const char *msgid);

/* Answers with a redirection (302 or 303) to a local path.  Returns RT_OK or RT_ENOMEM. */
int page_redirect(struct req *r, int status, const char *path);

/*
 * Shows section {{#signed_in}} of d, with {{USER_NAME}}, when someone is
 * logged in: the login and sign-up forms then say whose session a new
 * one would end.
 */
void page_signed_in(struct req *r, struct tpl_dict *d);

/*
 * Sets, for each field of f, {{<name>}} to the text typed (never for a
 * password) and, when the field has an error, shows {{#<name>_error}} with
 * {{MESSAGE}} and adds the error to the summary at the top of the form
 * (section {{#form_errors}}, one {{#error}} each, created in *sum on the
 * first error: pass a pointer to NULL).
 */
void page_form_fill(struct req *r, struct tpl_dict *d, const struct form *f,
    struct tpl_dict **sum);

/*
 * Sets the value and error of one field like page_form_fill(), but under
 * another name (for repeated groups such as the three objectives), and
 * without adding to the summary.
 */
void page_field_fill(struct req *r, struct tpl_dict *d, const char *key,
    const struct field_def *def, const struct field_value *v);

/* Writes the translated message of a field error, with its bounds, into out. */
void page_field_message(struct req *r, const struct field_def *def,
    int error, char *out, size_t outlen);

/* Shows {{#<key>_error}} with {{MESSAGE}} set to message (already translated). */
void page_field_error(struct req *r, struct tpl_dict *d, const char *key,
    const char *message);

/*
 * Adds one entry to the error summary of d (created in *sum when NULL):
 * anchor is the id of the field without its "f-" prefix; label and message
 * are already translated.
 */
void page_summary_add(struct req *r, struct tpl_dict *d, struct tpl_dict **sum,
    const char *anchor, const char *label, const char *message);

/*
 * Marks field key of d as refused for a reason beyond its declared
 * checks: page_field_error() next to it and page_summary_add() under its
 * label.  label and msgid are English message ids, translated here.
 */
void page_field_problem(struct req *r, struct tpl_dict *d,
    struct tpl_dict **sum, const char *key, const char *label,
    const char *msgid);

/* Sets {{saved_by}} and {{saved_on}} and shows {{#stamp}} when the section was ever saved. */
void page_stamp(struct req *r, struct tpl_dict *d, int64_t updated_at,
    const char *updated_by);

/*
 * Sets {{key}} to the quantity n as the person's language writes it,
 * "63 206" or "63,206" (i18n_format_int): for text that a person reads,
 * never for an attribute, a URL or a form's value, which keep the digits.
 */
void page_set_number(struct req *r, struct tpl_dict *d, const char *key,
    long long n);

/* Sets a session cookie (rt_session, or __Host-rt_session when secure). */
int page_set_session_cookie(struct req *r, const char *token, int remove);

/*
 * Logs user_id in in this browser, the one way every page does: ends the
 * session the browser had, starts one with the browser's summary and
 * address (account_session_start()), whose second factor is still to
 * come when mfa_pending, and sets its cookie.  Returns RT_OK or an error
 * of the session's end, its start or the cookie.
 */
int page_session_begin(struct req *r, int64_t user_id, int mfa_pending);

/*
 * Answers the failed lookup rc of a one-time link: 404 with msg404 for
 * RT_ENOTFOUND, 410 with msg410 for RT_EEXPIRED (English message ids);
 * any other status is returned as it is.
 */
int page_gone(struct req *r, int rc, const char *msg404, const char *msg410);

/*
 * The message id for the new password of field pw that the policy refuses
 * (enum auth_pw_problem), or NULL when it is acceptable or the field has
 * an error of its own.  In signup.c, shared with the invitation and reset
 * forms.
 */
const char *signup_password_message(const struct field_value *pw);

/*
 * Writes into out where a logged-in person starts: their organisation's
 * plan, or the list of their organisations when they have several (or
 * none).  In home.c.  Returns RT_OK or RT_EDB.
 */
int home_path(struct req *r, int64_t user_id, char *out, size_t outlen);

/* widget.c: the workbook's fields as form controls and as read-only text. */

/*
 * Adds to d one {{#field}} whose {{>FIELD}} shows field f as a form
 * control: its id and form name, the value as typed, an error (enum
 * field_error, FIELD_OK for none) with its message, the choices of a
 * reference from p, and for counted text the platform its item is for
 * (enum platform, or -1 to count against the field's own maximum) and the
 * hashtags typed apart (or NULL).
 */
void widget_input(struct req *r, struct tpl_dict *d, const struct wb_field *f,
    const char *id, const char *name, const char *value, int error,
    const struct wb_plan *p, int platform, const char *hashtags);

/*
 * Adds to d one {{#show}} whose {{>SHOW}} lists every answered field and
 * item of data, read-only, or says it is still to complete.  Returns the
 * number of fields and items shown.
 */
int widget_show_section(struct req *r, struct tpl_dict *d,
    const struct wb_data *data, const struct wb_plan *p);

struct pitfall;

/* Adds to list one {{#pitfall}} describing pit, with a link to its section. */
void widget_pitfall(struct req *r, struct tpl_dict *list,
    const struct pitfall *pit);

/*
 * Adds to d a {{#budget}} whose {{>BUDGET}} draws the time budget of p as
 * an SVG bar chart with the same figures in a table; nothing when no
 * platform is chosen and no hours are given.
 */
void widget_budget(struct req *r, struct tpl_dict *d, const struct wb_plan *p);

/*
 * summary.c: the plan as one document.  Both fill d, the dictionary of
 * templates/summary.tpl (the page's body, or of the standalone file) and
 * of templates/summary.md.tpl, with everything the plan of p says, in the
 * order of the workbook, for r's language; for a share link (r->shared)
 * the accounts' recovery details are left out.  summary_fill() makes the
 * page (with links to the downloads, under /s/<r->token> when r->shared,
 * else /o/<r->org_id>); summary_fill_download() the same content for a
 * downloaded file.  They set {{ORG_NAME}} from r->org_name and {{TODAY}}
 * from r->now.  Return RT_OK or RT_ENOMEM; d is the caller's either way.
 */
int summary_fill(struct req *r, struct tpl_dict *d, const struct wb_plan *p);
int summary_fill_download(struct req *r, struct tpl_dict *d,
    const struct wb_plan *p);

/*
 * Finds the plan a summary or a download is about: for /s/<token>/...
 * the organisation of a live share link (r->org_id and r->org_name are
 * set, r->shared becomes 1, and the answer gets the headers of a shared
 * page), for /o/<id>/... the organisation the dispatcher already checked.
 * Returns RT_OK, or RT_OK with *answered set after answering 404 (a token
 * that never existed) or 410 (revoked or expired, the same page for both);
 * or an error status.  In share.c.
 */
int share_source(struct req *r, int *answered);

/*
 * Adds a Content-Disposition header that downloads the answer as
 * "plan-<organisation>-<YYYY-MM-DD>.<ext>", the name made safe for every
 * system and also given in UTF-8 (RFC 6266).  In page.c.
 */
int page_download_name(struct req *r, const char *ext);

/*
 * The same for any file: "<prefix>-<name>-<YYYY-MM-DD>.<ext>", prefix
 * and name made safe the same way ("cohorte-Atelier-d-automne-...csv").
 */
int page_download_name_as(struct req *r, const char *prefix,
    const char *name, const char *ext);

/*
 * The handlers, one per route and method, in the file named after the URL
 * they serve.  Each returns RT_OK once r->resp holds the answer, or an
 * error status that cgi/main.c answers with a 500 page (and logs).
 */
int home_get(struct req *r);
int signup_get(struct req *r);
int signup_post(struct req *r);
int login_get(struct req *r);
int login_post(struct req *r);
int logout_post(struct req *r);
int lang_post(struct req *r);
int orgs_get(struct req *r);
int overview_get(struct req *r);
int summary_pdf_get(struct req *r);
int summary_md_get(struct req *r);
int summary_html_get(struct req *r);
int plan_json_get(struct req *r);
int plan_ics_get(struct req *r);
int share_get(struct req *r);
int share_post(struct req *r);
int share_revoke_post(struct req *r);
int import_get(struct req *r);
int import_post(struct req *r);
int import_confirm_post(struct req *r);
int orgs_new_get(struct req *r);
int orgs_new_post(struct req *r);
int shared_get(struct req *r);
int section_get(struct req *r);
int section_post(struct req *r);
int history_get(struct req *r);
int revision_get(struct req *r);
int restore_post(struct req *r);
int summary_get(struct req *r);
int members_get(struct req *r);
int members_invite_post(struct req *r);
int members_revoke_post(struct req *r);
int invite_get(struct req *r);
int invite_post(struct req *r);

/* Comments (comments.c). */
int comment_add_post(struct req *r);
int comment_resolve_post(struct req *r);

/* The cohorts an organisation is in, and joining one (org_cohorts.c, join.c). */
int org_cohorts_get(struct req *r);
int org_cohorts_leave_post(struct req *r);
int join_get(struct req *r);
int join_post(struct req *r);

/* The trainer's cohorts (cohorts.c) and one cohort (cohort.c). */
struct cohort;

/*
 * cohorts.c, for the pages of one cohort.  cohort_form_validate() reads
 * the fields of a cohort's settings (name, starts_on, ends_on, notes) from
 * r->form into f, which the caller frees with form_free(), and sets
 * *bad_order when both dates are valid but the end is before the start.
 * Returns RT_OK (look at f->nerrors and *bad_order) or RT_ENOMEM.
 */
int cohort_form_validate(struct req *r, struct form *f, int *bad_order);

/*
 * Makes {{>COHORT_FIELDS}} of d show the settings' fields and their error
 * summary: what was typed when f is not NULL (with its errors, and
 * bad_order's), else the values of c when it is not NULL, else nothing.
 */
void cohort_form_fill(struct req *r, struct tpl_dict *d, const struct form *f,
    int bad_order, const struct cohort *c);

/*
 * Makes {{>DATES}} of d show a cohort's dates (each "" or YYYY-MM-DD) in
 * words: one day, a span, from, until, or no dates.
 */
void cohort_dates_fill(struct req *r, struct tpl_dict *d,
    const char *starts_on, const char *ends_on);

/* The name of a cohort's state (enum cohort_state) as a person reads it, translated. */
const char *cohort_state_label(struct req *r, int state);

int cohorts_get(struct req *r);
int cohorts_new_get(struct req *r);
int cohorts_new_post(struct req *r);
int cohort_get(struct req *r);
int cohort_csv_get(struct req *r);
int cohort_debrief_get(struct req *r);
int cohort_edit_get(struct req *r);
int cohort_edit_post(struct req *r);
int cohort_state_post(struct req *r);
int cohort_trainers_post(struct req *r);
int cohort_demo_post(struct req *r);

/* The instance's administration (admin.c) and password reset links (reset.c). */
int admin_get(struct req *r);
int admin_roles_post(struct req *r);
int admin_reset_post(struct req *r);
int admin_backup_post(struct req *r);
int reset_get(struct req *r);
int reset_post(struct req *r);

/* The second step of a login (login.c) and a person's own account (account.c). */
int login_2fa_get(struct req *r);
int login_2fa_post(struct req *r);
int account_get(struct req *r);
int account_name_post(struct req *r);
int account_password_post(struct req *r);
int account_2fa_get(struct req *r);
int account_2fa_post(struct req *r);
int account_2fa_off_post(struct req *r);
int account_2fa_codes_post(struct req *r);
int account_session_end_post(struct req *r);
int account_sessions_others_post(struct req *r);
int admin_settings_post(struct req *r);

/*
 * Starts a session for user_id after their password was checked: a
 * complete one, or, when they have two-factor on, one whose second factor
 * is pending.  Ends the session this browser had, sets the cookie, and
 * answers 303: to the second step (with next kept) when pending, else to
 * next when it is a local path, else to the person's home.  The session
 * starts through page_session_begin().  In login.c, shared with the
 * password reset link.  Returns RT_OK or an error status.
 */
int login_session_start(struct req *r, int64_t user_id, const char *next);

#endif
