/*
 * page.c: the layout every page shares, error pages, redirections, and
 * filling forms back with what a person typed.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "cgi.h"
#include "org.h"

void
req_free(struct req *r)
{
	kvlist_free(&r->query);
	kvlist_free(&r->form);
	http_parts_free(r->parts, r->nparts);
	r->parts = NULL;
	r->nparts = 0;
	kvlist_free(&r->cookies);
	http_response_free(&r->resp);
	sodium_memzero(&r->sess, sizeof r->sess);
	sodium_memzero(r->session_token, sizeof r->session_token);
}

/*
 * Fills the parts of the layout that depend on who is looking: the
 * language switch, the user's name and logout form, and the navigation of
 * the organisation when the page belongs to one.  A page read through a
 * share link (r->shared) keeps only the language switch, whoever reads
 * it, and asks search engines not to index it.
 */
static void
page_layout_fill(struct req *r, struct tpl_dict *layout)
{
	enum lang other = r->lang == LANG_FR ? LANG_EN : LANG_FR;
	struct tpl_dict *d, *sub = NULL;

	tpl_set(layout, "LANG", lang_codes[r->lang]);
	tpl_set(layout, "OTHER_LANG", lang_codes[other]);
	tpl_set(layout, "OTHER_LANG_NAME", other == LANG_EN ? "English" :
	    "Français");
	tpl_set_global(layout, "CSRF", r->csrf);
	tpl_set(layout, "PATH", r->path);
	if (r->shared) {
		tpl_show(layout, "NOINDEX");
		return;
	}
	if (r->logged_in) {
		d = tpl_add_section(layout, "USER");
		tpl_set(d, "USER_NAME", r->sess.user_name);
		if (r->sess.roles & AUTH_ROLE_TRAINER) {
			sub = tpl_add_section(d, "TRAINER");
			if (strcmp(r->path, "/cohorts") == 0 ||
			    strncmp(r->path, "/c/", 3) == 0)
				tpl_show(sub, "nav_cohorts");
		}
		if (r->sess.roles & AUTH_ROLE_ADMIN) {
			sub = tpl_add_section(d, "ADMIN");
			if (strncmp(r->path, "/admin", 6) == 0)
				tpl_show(sub, "nav_admin");
		}
		if (strncmp(r->path, "/account", 8) == 0)
			tpl_show(d, "nav_account");
	} else if (!r->mfa_pending)
		/*
		 * Between the password and the code, the page offers its own
		 * way out (cancel and log in as someone else): no second
		 * "Log in" beside its button.
		 */
		tpl_show(layout, "ANONYMOUS");
	if (r->org_id != 0 && r->role != ORG_ROLE_NONE) {
		d = tpl_add_section(layout, "ORG_NAV");
		tpl_set_int(d, "ORG_ID", r->org_id);
		tpl_set(d, "ORG_NAME", r->org_name);
		/* A trainer reads: no members, sharing or cohorts. */
		sub = NULL;
		if (r->role == ORG_ROLE_TRAINER)
			tpl_show(d, "TRAINER_NAV");
		else
			sub = tpl_add_section(d, "MEMBER_NAV");
		/* The part of the plan this page belongs to. */
		if (strncmp(r->path + strcspn(r->path + 3, "/") + 3,
		    "/summary", 8) == 0)
			tpl_show(d, "nav_summary");
		else if (sub != NULL && strstr(r->path, "/members") != NULL)
			tpl_show(sub, "nav_members");
		else if (sub != NULL && strstr(r->path, "/share") != NULL)
			tpl_show(sub, "nav_share");
		else if (sub != NULL && strstr(r->path, "/cohorts") != NULL)
			tpl_show(sub, "nav_cohorts");
		else
			tpl_show(d, "nav_workbook");
	}
}

struct tpl_dict *
page_begin(struct req *r, struct tpl_dict **layout, const char *tpl,
    const char *title_msgid)
{
	char file[128];
	struct tpl_dict *body;

	if ((*layout = tpl_dict_new()) == NULL)
		return NULL;
	tpl_set(*layout, "TITLE", T(r, title_msgid));
	page_layout_fill(r, *layout);
	snprintf(file, sizeof file, "%s/%s", lang_codes[r->lang], tpl);
	body = tpl_add_include(*layout, "BODY", file);
	if (r->org_id != 0)
		tpl_set_int(body, "ORG_ID", r->org_id);
	tpl_set(body, "ORG_NAME", r->org_name);
	return body;
}

struct tpl_dict *
page_include(struct req *r, struct tpl_dict *d, const char *name,
    const char *tpl)
{
	char file[128];

	if (d == NULL)
		return NULL;
	snprintf(file, sizeof file, "%s/%s", lang_codes[r->lang], tpl);
	return tpl_add_include(d, name, file);
}

int
page_finish(struct req *r, struct tpl_dict *layout, int status)
{
	char file[64];
	int rc;

	snprintf(file, sizeof file, "%s/layout.tpl", lang_codes[r->lang]);
	buf_reset(&r->resp.body);
	rc = tpl_expand(file, layout, &r->resp.body);
	tpl_dict_free(layout);
	if (rc == RT_OK)
		r->resp.status = status;
	return rc;
}

int
page_error(struct req *r, int status, const char *msgid)
{
	const char *title;

	switch (status) {
	case 400: title = N_("The request could not be read"); break;
	case 403: title = N_("Not allowed"); break;
	case 404: title = N_("Page not found"); break;
	case 405: title = N_("Not allowed"); break;
	case 408: title = N_("The request took too long"); break;
	case 410: title = N_("This link is no longer valid"); break;
	case 413: title = N_("Too much at once"); break;
	case 415: title = N_("The request could not be read"); break;
	case 429: title = N_("Too many attempts"); break;
	case 503: title = N_("Busy for a moment"); break;
	default:  title = N_("Something went wrong"); break;
	}
	return page_error_titled(r, status, title, msgid);
}

int
page_error_titled(struct req *r, int status, const char *title,
    const char *msgid)
{
	struct tpl_dict *layout, *d;

	if ((d = page_begin(r, &layout, "error.tpl", title)) == NULL)
		return RT_ENOMEM;
	tpl_set(d, "HEADING", T(r, title));
	tpl_set(d, "MESSAGE", T(r, msgid));
	tpl_set_int(d, "STATUS", status);
	return page_finish(r, layout, status);
}

int
page_redirect(struct req *r, int status, const char *path)
{
	int rc;

	if (!http_local_path(path))
		path = "/";
	if ((rc = http_add_header(&r->resp, "Location", path)) != RT_OK)
		return rc;
	r->resp.status = status;
	buf_reset(&r->resp.body);
	return RT_OK;
}

/*
 * Makes the message of a field error in the request's language, with the
 * field's bounds put in where the message has them.
 */
void
page_field_message(struct req *r, const struct field_def *def, int error,
    char *out, size_t outlen)
{
	const char *fmt = T(r, form_error_msgid_for(def, error));
	char lo[48], hi[48];

	/* The bounds are quantities a person reads: "4 000" in French. */
	i18n_format_int(r->lang, def->min, lo, sizeof lo);
	i18n_format_int(r->lang, def->max, hi, sizeof hi);
	switch (error) {
	case FIELD_ETOOSHORT:
		snprintf(out, outlen, fmt, lo);
		break;
	case FIELD_ETOOLONG:
		snprintf(out, outlen, fmt, hi);
		break;
	case FIELD_ERANGE:
		snprintf(out, outlen, fmt, lo, hi);
		break;
	default:
		snprintf(out, outlen, "%s", fmt);
		break;
	}
}

void
page_field_fill(struct req *r, struct tpl_dict *d, const char *key,
    const struct field_def *def, const struct field_value *v)
{
	char msg[256];

	if (def->kind != FIELD_PASSWORD)
		tpl_set(d, key, v->text);
	if (v->error == FIELD_OK)
		return;
	page_field_message(r, def, v->error, msg, sizeof msg);
	page_field_error(r, d, key, msg);
}

void
page_summary_add(struct req *r, struct tpl_dict *d, struct tpl_dict **sum,
    const char *anchor, const char *label, const char *message)
{
	struct tpl_dict *e;

	if (*sum == NULL)
		*sum = tpl_add_section(d, "form_errors");
	e = tpl_add_section(*sum, "error");
	tpl_set(e, "FIELD", anchor);
	tpl_set(e, "LABEL", label);
	tpl_set(e, "MESSAGE", message);
}

void
page_field_error(struct req *r, struct tpl_dict *d, const char *key,
    const char *message)
{
	char name[96];
	struct tpl_dict *e;

	snprintf(name, sizeof name, "%s_error", key);
	e = tpl_add_section(d, name);
	tpl_set(e, "MESSAGE", message);
}

void
page_signed_in(struct req *r, struct tpl_dict *d)
{
	if (r->logged_in)
		tpl_set(tpl_add_section(d, "signed_in"), "USER_NAME",
		    r->sess.user_name);
}

void
page_form_fill(struct req *r, struct tpl_dict *d, const struct form *f,
    struct tpl_dict **sum)
{
	char msg[256];
	size_t i;

	for (i = 0; i < f->n; i++) {
		const struct field_def *def = &f->defs[i];
		const struct field_value *v = &f->values[i];

		page_field_fill(r, d, def->name, def, v);
		if (v->error == FIELD_OK || def->label == NULL)
			continue;
		page_field_message(r, def, v->error, msg, sizeof msg);
		page_summary_add(r, d, sum, def->name, T(r, def->label), msg);
	}
}

void
page_stamp(struct req *r, struct tpl_dict *d, int64_t updated_at,
    const char *updated_by)
{
	char date[64];
	struct tpl_dict *s;

	if (updated_at == 0)
		return;
	i18n_format_date(r->lang, updated_at, date, sizeof date);
	s = tpl_add_section(d, "stamp");
	tpl_set(s, "SAVED_BY", updated_by);
	tpl_set(s, "SAVED_ON", date);
}

void
page_set_number(struct req *r, struct tpl_dict *d, const char *key,
    long long n)
{
	char num[48];

	i18n_format_int(r->lang, n, num, sizeof num);
	tpl_set(d, key, num);
}

void
page_field_problem(struct req *r, struct tpl_dict *d, struct tpl_dict **sum,
    const char *key, const char *label, const char *msgid)
{
	page_field_error(r, d, key, T(r, msgid));
	page_summary_add(r, d, sum, key, T(r, label), T(r, msgid));
}

int
page_gone(struct req *r, int rc, const char *msg404, const char *msg410)
{
	if (rc == RT_ENOTFOUND)
		return page_error(r, 404, msg404);
	if (rc == RT_EEXPIRED)
		return page_error(r, 410, msg410);
	return rc;
}

int
page_session_begin(struct req *r, int64_t user_id, int mfa_pending)
{
	char token[AUTH_TOKEN_LEN + 1] = "";
	int rc;

	/* Whoever was logged in in this browser is not any more. */
	if ((r->logged_in || r->mfa_pending) &&
	    (rc = auth_session_end(r->h, r->session_token)) != RT_OK)
		return rc;
	rc = account_session_start(r->app->auth, r->h, user_id, mfa_pending,
	    r->agent, r->addr, r->now, token);
	if (rc == RT_OK)
		rc = page_set_session_cookie(r, token, 0);
	sodium_memzero(token, sizeof token);
	return rc;
}

int
page_set_session_cookie(struct req *r, const char *token, int remove)
{
	const struct config *cfg = &r->app->cfg;
	char name[32];
	struct http_cookie c = {
		.name = name, .value = remove ? "" : token,
		.max_age = remove ? -1 : 0, .http_only = 1,
		.secure = cfg->secure_cookies, .same_site = "Lax",
	};

	snprintf(name, sizeof name, "%srt_session",
	    cfg->secure_cookies ? "__Host-" : "");
	return http_set_cookie(&r->resp, &c);
}

/*
 * The Latin letters with diacritics that French and English names use,
 * in UTF-8, with the ASCII letters that stand for them in a file name
 * that must be ASCII.
 */
static const struct {
	const char *utf8;
	const char *ascii;
} page_ascii_letters[] = {
	{ "à", "a" }, { "á", "a" }, { "â", "a" }, { "ã", "a" }, { "ä", "a" },
	{ "å", "a" }, { "æ", "ae" }, { "ç", "c" }, { "è", "e" }, { "é", "e" },
	{ "ê", "e" }, { "ë", "e" }, { "ì", "i" }, { "í", "i" }, { "î", "i" },
	{ "ï", "i" }, { "ñ", "n" }, { "ò", "o" }, { "ó", "o" }, { "ô", "o" },
	{ "õ", "o" }, { "ö", "o" }, { "ø", "o" }, { "œ", "oe" }, { "ù", "u" },
	{ "ú", "u" }, { "û", "u" }, { "ü", "u" }, { "ý", "y" }, { "ÿ", "y" },
	{ "ß", "ss" },
	{ "À", "A" }, { "Á", "A" }, { "Â", "A" }, { "Ã", "A" }, { "Ä", "A" },
	{ "Å", "A" }, { "Æ", "AE" }, { "Ç", "C" }, { "È", "E" }, { "É", "E" },
	{ "Ê", "E" }, { "Ë", "E" }, { "Ì", "I" }, { "Í", "I" }, { "Î", "I" },
	{ "Ï", "I" }, { "Ñ", "N" }, { "Ò", "O" }, { "Ó", "O" }, { "Ô", "O" },
	{ "Õ", "O" }, { "Ö", "O" }, { "Ø", "O" }, { "Œ", "OE" }, { "Ù", "U" },
	{ "Ú", "U" }, { "Û", "U" }, { "Ü", "U" }, { "Ý", "Y" }, { "Ÿ", "Y" },
};

/* The most bytes of the organisation's part of a downloaded file's name. */
#define PAGE_STEM_ASCII 60
#define PAGE_STEM_UTF8  120

/*
 * Returns the code point of the UTF-8 character at s (valid UTF-8, since
 * names are checked when typed) and its length in *len.
 */
static unsigned long
page_code_point(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] < 0xe0 && s[1] != '\0') {
		*len = 2;
		return (s[0] & 0x1fUL) << 6 | (s[1] & 0x3fUL);
	}
	if (s[0] < 0xf0 && s[1] != '\0' && s[2] != '\0') {
		*len = 3;
		return (s[0] & 0x0fUL) << 12 | (s[1] & 0x3fUL) << 6 |
		    (s[2] & 0x3fUL);
	}
	if (s[1] != '\0' && s[2] != '\0' && s[3] != '\0') {
		*len = 4;
		return (s[0] & 0x07UL) << 18 | (s[1] & 0x3fUL) << 12 |
		    (s[2] & 0x3fUL) << 6 | (s[3] & 0x3fUL);
	}
	*len = 1;
	return 0xfffd;
}

/*
 * Non-zero when code point c may stand in a file name as it is: not a
 * control character (C0, DEL, C1), not an invisible or direction-changing
 * format character (which can make "fdp.exe" read as "exe.pdf"), not a
 * line or paragraph separator, not a byte order mark.
 */
static int
page_name_char(unsigned long c)
{
	if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xad)
		return 0;
	if ((c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) ||
	    (c >= 0x2060 && c <= 0x206f) || c == 0xfeff || c == 0xfffd)
		return 0;
	return 1;
}

/*
 * Appends s to the stem out[0..*len) (room for max bytes) unless it would
 * not fit; a "-" is only appended after something that is not one already
 * (so runs of separators become one, and none starts the stem).
 */
static void
page_stem_add(char *out, size_t *len, size_t max, const char *s)
{
	size_t	 n = strlen(s);

	if (strcmp(s, "-") == 0 && (*len == 0 || out[*len - 1] == '-'))
		return;
	if (*len + n > max)
		return;
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = '\0';
}

/*
 * Makes the two stems of a file name from the organisation's name: in
 * ascii, letters and digits only (the accented letters of
 * page_ascii_letters[] turned into ASCII ones) with "-" for everything
 * else; in utf8 the same but every letter kept as it is.  Both without a
 * "-" at either end; either may come out empty.
 */
static void
page_stems(const char *name, char ascii[PAGE_STEM_ASCII + 1],
    char utf8[PAGE_STEM_UTF8 + 1])
{
	const unsigned char	*s = (const unsigned char *)name;
	unsigned long		 c;
	size_t			 alen = 0, ulen = 0, n, i;
	char			 one[5];

	ascii[0] = utf8[0] = '\0';
	while (*s != '\0') {
		c = page_code_point(s, &n);
		memcpy(one, s, n);
		one[n] = '\0';
		s += n;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9')) {
			page_stem_add(ascii, &alen, PAGE_STEM_ASCII, one);
			page_stem_add(utf8, &ulen, PAGE_STEM_UTF8, one);
			continue;
		}
		if (c < 0x80 || !page_name_char(c)) {
			page_stem_add(ascii, &alen, PAGE_STEM_ASCII, "-");
			page_stem_add(utf8, &ulen, PAGE_STEM_UTF8, "-");
			continue;
		}
		page_stem_add(utf8, &ulen, PAGE_STEM_UTF8, one);
		for (i = 0; i < sizeof(page_ascii_letters) /
		    sizeof(page_ascii_letters[0]); i++)
			if (strcmp(page_ascii_letters[i].utf8, one) == 0)
				break;
		page_stem_add(ascii, &alen, PAGE_STEM_ASCII,
		    i < sizeof(page_ascii_letters) /
		    sizeof(page_ascii_letters[0]) ?
		    page_ascii_letters[i].ascii : "-");
	}
	while (alen > 0 && ascii[alen - 1] == '-')
		ascii[--alen] = '\0';
	while (ulen > 0 && utf8[ulen - 1] == '-')
		utf8[--ulen] = '\0';
}

/*
 * See cgi.h.  The name becomes the stems of page_stems(), and so does the
 * prefix (of which only the ASCII stem is kept, "file" when it is empty);
 * the date is today in the process's time zone.  The header reads
 *   attachment; filename="plan-Comite-d-ete-2026-07-01.json";
 *   filename*=UTF-8''plan-Comit%C3%A9-d-%C3%A9t%C3%A9-2026-07-01.json
 * with the UTF-8 name percent-encoded as RFC 8187 wants (everything but
 * letters, digits and "-" and "." is encoded; the stems hold nothing
 * else in ASCII).  ext must be letters and digits (asserted).  An empty
 * stem gives "<prefix>-<date>.<ext>".  Returns RT_OK, RT_EINVAL or
 * RT_ENOMEM (http_add_header()).
 */
int
page_download_name_as(struct req *r, const char *prefix, const char *name,
    const char *ext)
{
	static const char	 hex[] = "0123456789ABCDEF";
	char			 ascii[PAGE_STEM_ASCII + 1];
	char			 utf8[PAGE_STEM_UTF8 + 1], date[16];
	char			 pre[PAGE_STEM_ASCII + 1];
	char			 preu[PAGE_STEM_UTF8 + 1];
	char			 value[1024];
	const unsigned char	*p;
	struct tm		 tm;
	size_t			 o;
	int			 n;

	for (o = 0; ext[o] != '\0'; o++)
		assert((ext[o] >= 'a' && ext[o] <= 'z') ||
		    (ext[o] >= '0' && ext[o] <= '9'));
	if (localtime_r(&r->now, &tm) == NULL ||
	    strftime(date, sizeof date, "%Y-%m-%d", &tm) == 0)
		snprintf(date, sizeof date, "undated");
	page_stems(prefix, pre, preu);
	if (pre[0] == '\0')
		snprintf(pre, sizeof pre, "file");
	page_stems(name, ascii, utf8);
	n = snprintf(value, sizeof value, "attachment; filename=\"%s-%s%s%s."
	    "%s\"; filename*=UTF-8''%s-", pre, ascii, ascii[0] ? "-" : "",
	    date, ext, pre);
	assert(n > 0 && (size_t)n < sizeof value);
	o = (size_t)n;
	for (p = (const unsigned char *)utf8; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-')
			value[o++] = (char)*p;
		else {
			value[o++] = '%';
			value[o++] = hex[*p >> 4];
			value[o++] = hex[*p & 15];
		}
	}
	snprintf(value + o, sizeof value - o, "%s%s.%s", utf8[0] ? "-" : "",
	    date, ext);
	return http_add_header(&r->resp, "Content-Disposition", value);
}

/* See cgi.h: the plan's files are named after the organisation. */
int
page_download_name(struct req *r, const char *ext)
{
	return page_download_name_as(r, "plan", r->org_name, ext);
}
