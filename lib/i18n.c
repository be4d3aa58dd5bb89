/*
 * i18n.c: the catalogues of the interface, read from GNU .mo files (see
 * i18n.h), marker expansion for templates, and dates written as a person
 * of each language writes them.
 *
 * A .mo file (GNU gettext manual, "The Format of GNU MO Files") starts
 * with seven 32-bit words, in the byte order of the machine that wrote it:
 *
 *	0	magic 0x950412de
 *	4	revision (major in the high 16 bits: 0 or 1)
 *	8	N, the number of strings
 *	12	O, offset of the table of original strings
 *	16	T, offset of the table of translated strings
 *	20	S, size of the hash table
 *	24	H, offset of the hash table
 *
 * Each table holds N pairs (length, offset) of 32-bit words; each string
 * is followed by a NUL that its length does not count.  The original
 * strings are sorted (strcmp), which is what the lookup here relies on: a
 * binary search, so the hash table is never read.  Every offset is
 * checked when the file is loaded, so that lookups never need to.
 */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "status.h"

#define I18N_MO_MAGIC      0x950412deU
#define I18N_MO_HEADER     28                   /* bytes of the seven words */
#define I18N_MO_MAX        (16u * 1024 * 1024)  /* refuse larger files */

const char *const lang_codes[LANG__MAX] = {
	"fr",
	"en",
};

/* One catalogue: a whole .mo file in memory, checked. */
struct i18n_mo {
	unsigned char *data;    /* the file, malloc'd; NULL when not loaded */
	size_t         size;    /* bytes of data */
	uint32_t       n;       /* number of string pairs */
	uint32_t       otab;    /* offset of the original-string table */
	uint32_t       ttab;    /* offset of the translation table */
	int            swap;    /* the file's byte order is not ours */
};

struct i18n {
	struct i18n_mo mo[LANG__MAX];   /* indexed by enum lang */
};

/* The growing output of i18n_expand_markers(). */
struct i18n_out {
	char   *p;      /* malloc'd, NUL-terminated once non-NULL */
	size_t  len;    /* bytes used, without the NUL */
	size_t  cap;    /* bytes allocated */
};

/*
 * Writes a printf-style line for the operator into err, if err is not NULL
 * and errlen is not zero; a message longer than errlen is cut.
 */
static void __attribute__((format(printf, 3, 4)))
i18n_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list	 ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/*
 * Reads the 32-bit word at offset off of the catalogue, in the file's byte
 * order.  The caller guarantees off + 4 <= mo->size (every offset is
 * checked at load); the data need not be aligned.
 */
static uint32_t
i18n_word(const struct i18n_mo *mo, size_t off)
{
	uint32_t	 w;

	assert(off <= mo->size && mo->size - off >= 4);
	memcpy(&w, mo->data + off, sizeof w);
	if (mo->swap)
		w = ((w & 0xffU) << 24) | ((w & 0xff00U) << 8) |
		    ((w >> 8) & 0xff00U) | (w >> 24);
	return w;
}

/*
 * Checks the string described by the pair (length, offset) at byte tab +
 * 8 * i of the file: its bytes and the NUL that must follow them lie
 * inside the file.  The pair itself must already be known to be inside.
 * Returns 1 when the string is sound, 0 otherwise.
 */
static int
i18n_mo_string_ok(const struct i18n_mo *mo, uint32_t tab, uint32_t i)
{
	uint32_t	 len, off;

	len = i18n_word(mo, (size_t)tab + 8 * (size_t)i);
	off = i18n_word(mo, (size_t)tab + 8 * (size_t)i + 4);
	if (off > mo->size || (size_t)len >= mo->size - off)
		return 0;
	return mo->data[(size_t)off + len] == '\0';
}

/*
 * The string number i of the table at tab, and its length in *lenp when
 * lenp is not NULL: the caller guarantees that i < mo->n and that this
 * string passed i18n_mo_string_ok().  The result is NUL-terminated; a
 * plural entry holds more strings separated by NULs (counted in the
 * length), and only the first is seen through the returned pointer.
 */
static const char *
i18n_mo_string(const struct i18n_mo *mo, uint32_t tab, uint32_t i,
    uint32_t *lenp)
{
	uint32_t	 off;

	assert(i < mo->n);
	off = i18n_word(mo, (size_t)tab + 8 * (size_t)i + 4);
	if (lenp != NULL)
		*lenp = i18n_word(mo, (size_t)tab + 8 * (size_t)i);
	return (const char *)mo->data + off;
}

/*
 * Looks up msgid by binary search in the sorted original strings.  Returns
 * the translation, or NULL when there is none or it is empty (msgfmt never
 * writes an empty one, but a hand-made file could).  The empty msgid,
 * whose translation is the catalogue's header, is never looked up.
 */
static const char *
i18n_mo_find(const struct i18n_mo *mo, const char *msgid)
{
	uint32_t	 lo, hi, mid, len;
	int		 cmp;
	const char	*s;

	if (mo->data == NULL || msgid[0] == '\0')
		return NULL;
	lo = 0;
	hi = mo->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		cmp = strcmp(msgid, i18n_mo_string(mo, mo->otab, mid, NULL));
		if (cmp == 0) {
			s = i18n_mo_string(mo, mo->ttab, mid, &len);
			return (len == 0 || s[0] == '\0') ? NULL : s;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/*
 * Checks a .mo file held in mo->data[0..mo->size): magic number in either
 * byte order (which sets mo->swap), a major revision of 0 or 1, both
 * tables inside the file, every string and its NUL inside the file, the
 * original strings strictly increasing (so binary search finds them), and
 * a header, when there is one, that declares UTF-8 (or no charset).  The
 * hash table and the system-dependent strings of revision 1 are not used
 * and so not checked.  Returns RT_OK, or RT_EINVAL with the reason in err.
 */
static int
i18n_mo_check(struct i18n_mo *mo, char *err, size_t errlen)
{
	uint32_t	 magic, rev, i;
	const char	*prev, *cur, *hdr, *cs;

	if (mo->size < I18N_MO_HEADER) {
		i18n_err(err, errlen, "shorter than a .mo header");
		return RT_EINVAL;
	}
	memcpy(&magic, mo->data, sizeof magic);
	if (magic == I18N_MO_MAGIC)
		mo->swap = 0;
	else if (magic == (((I18N_MO_MAGIC & 0xffU) << 24) |
	    ((I18N_MO_MAGIC & 0xff00U) << 8) |
	    ((I18N_MO_MAGIC >> 8) & 0xff00U) | (I18N_MO_MAGIC >> 24)))
		mo->swap = 1;
	else {
		i18n_err(err, errlen, "not a .mo file (bad magic number)");
		return RT_EINVAL;
	}
	rev = i18n_word(mo, 4);
	if ((rev >> 16) > 1) {
		i18n_err(err, errlen, "unknown .mo revision %u.%u",
		    (unsigned)(rev >> 16), (unsigned)(rev & 0xffffU));
		return RT_EINVAL;
	}
	mo->n = i18n_word(mo, 8);
	mo->otab = i18n_word(mo, 12);
	mo->ttab = i18n_word(mo, 16);
	/* Each table: 8 * n bytes from its offset, inside the file. */
	if (mo->n > (mo->size - I18N_MO_HEADER) / 8 ||
	    mo->otab > mo->size || mo->size - mo->otab < 8 * (size_t)mo->n ||
	    mo->ttab > mo->size || mo->size - mo->ttab < 8 * (size_t)mo->n) {
		i18n_err(err, errlen, "string table out of the file");
		return RT_EINVAL;
	}
	prev = NULL;
	for (i = 0; i < mo->n; i++) {
		if (!i18n_mo_string_ok(mo, mo->otab, i) ||
		    !i18n_mo_string_ok(mo, mo->ttab, i)) {
			i18n_err(err, errlen, "string %u out of the file",
			    (unsigned)i);
			return RT_EINVAL;
		}
		cur = i18n_mo_string(mo, mo->otab, i, NULL);
		if (prev != NULL && strcmp(prev, cur) >= 0) {
			i18n_err(err, errlen, "original strings not sorted "
			    "at string %u", (unsigned)i);
			return RT_EINVAL;
		}
		prev = cur;
	}
	/* The header is the translation of "", the first string if any. */
	if (mo->n > 0 && i18n_mo_string(mo, mo->otab, 0, NULL)[0] == '\0') {
		hdr = i18n_mo_string(mo, mo->ttab, 0, NULL);
		if ((cs = strstr(hdr, "charset=")) != NULL) {
			cs += strlen("charset=");
			if (strncasecmp(cs, "UTF-8", 5) != 0 ||
			    (cs[5] != '\0' && cs[5] != '\n' && cs[5] != ' ' &&
			    cs[5] != ';')) {
				i18n_err(err, errlen, "charset is not UTF-8");
				return RT_EINVAL;
			}
		}
	}
	return RT_OK;
}

/*
 * Reads the whole file path into mo and checks it.  A missing or
 * unreadable file gives RT_EIO, a file larger than I18N_MO_MAX or not a
 * valid .mo file RT_EINVAL, a failed allocation RT_ENOMEM; err then says
 * which file and why.  On failure mo is left empty (nothing to free).
 */
static int
i18n_mo_load(struct i18n_mo *mo, const char *path, char *err, size_t errlen)
{
	struct stat	 st;
	int		 fd, rc;
	size_t		 got;
	ssize_t		 r;
	char		 why[128];

	memset(mo, 0, sizeof *mo);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		i18n_err(err, errlen, "%s: %s", path, strerror(errno));
		return RT_EIO;
	}
	if (fstat(fd, &st) == -1) {
		i18n_err(err, errlen, "%s: %s", path, strerror(errno));
		rc = RT_EIO;
		goto out;
	}
	if (!S_ISREG(st.st_mode) || st.st_size < 0 ||
	    (unsigned long long)st.st_size > I18N_MO_MAX) {
		i18n_err(err, errlen, "%s: not a regular file of at most %u "
		    "bytes", path, I18N_MO_MAX);
		rc = RT_EINVAL;
		goto out;
	}
	mo->size = (size_t)st.st_size;
	if ((mo->data = malloc(mo->size > 0 ? mo->size : 1)) == NULL) {
		i18n_err(err, errlen, "%s: out of memory", path);
		rc = RT_ENOMEM;
		goto out;
	}
	for (got = 0; got < mo->size; got += (size_t)r) {
		r = read(fd, mo->data + got, mo->size - got);
		if (r == -1 && errno == EINTR) {
			r = 0;
			continue;
		}
		if (r <= 0) {
			i18n_err(err, errlen, "%s: %s", path,
			    r == 0 ? "file shrank while read" :
			    strerror(errno));
			rc = RT_EIO;
			goto out;
		}
	}
	if ((rc = i18n_mo_check(mo, why, sizeof why)) != RT_OK)
		i18n_err(err, errlen, "%s: %s", path, why);
out:
	close(fd);
	if (rc != RT_OK) {
		free(mo->data);
		memset(mo, 0, sizeof *mo);
	}
	return rc;
}

/*
 * Loads dir/<code>.mo for every language.  On failure nothing stays
 * allocated, *out is NULL, and err names the file at fault.  A directory
 * path that does not fit in PATH_MAX-ish space (4096 bytes) gives RT_EIO.
 */
int
i18n_load(struct i18n **out, const char *dir, char *err, size_t errlen)
{
	struct i18n	*c;
	char		 path[4096];
	int		 rc, n;
	size_t		 l;

	assert(out != NULL);
	assert(dir != NULL);
	*out = NULL;
	if ((c = calloc(1, sizeof *c)) == NULL) {
		i18n_err(err, errlen, "i18n: out of memory");
		return RT_ENOMEM;
	}
	for (l = 0; l < LANG__MAX; l++) {
		n = snprintf(path, sizeof path, "%s/%s.mo", dir, lang_codes[l]);
		if (n < 0 || (size_t)n >= sizeof path) {
			i18n_err(err, errlen, "%s: path too long", dir);
			rc = RT_EIO;
			goto fail;
		}
		if ((rc = i18n_mo_load(&c->mo[l], path, err, errlen)) != RT_OK)
			goto fail;
	}
	*out = c;
	return RT_OK;
fail:
	i18n_free(c);
	return rc;
}

/* Frees every catalogue and c itself; NULL is allowed. */
void
i18n_free(struct i18n *c)
{
	size_t	 l;

	if (c == NULL)
		return;
	for (l = 0; l < LANG__MAX; l++)
		free(c->mo[l].data);
	free(c);
}

/*
 * The language of a code, compared without regard to case: "fr", "FR",
 * "fr-CA", "fr_CA", "en-US", "fr-Latn-CA".  After the two letters of a
 * known language there must be nothing, or subtags of 1 to 8 letters or
 * digits each introduced by '-' or '_'.  NULL, "", "fra", "fr-", "fr--CA"
 * and "fr CA" give -1, as do the codes of other languages.
 */
int
lang_from_code(const char *code)
{
	size_t	 l, run;
	const char *p;

	if (code == NULL)
		return -1;
	for (l = 0; l < LANG__MAX; l++)
		if (strncasecmp(code, lang_codes[l], 2) == 0)
			break;
	if (l == LANG__MAX)
		return -1;
	for (p = code + 2; *p != '\0'; ) {
		if (*p != '-' && *p != '_')
			return -1;
		p++;
		for (run = 0; isalnum((unsigned char)*p); p++)
			run++;
		if (run == 0 || run > 8)
			return -1;
	}
	return (int)l;
}

/*
 * The translation of msgid, or msgid itself when c is NULL, the catalogue
 * has none, or msgid is "" (whose translation would be the catalogue's
 * header).  A lang outside the enum is taken as the default, French.
 * A NULL msgid gives "".
 */
const char *
i18n_get(const struct i18n *c, enum lang lang, const char *msgid)
{
	const char	*s;

	if (msgid == NULL)
		return "";
	if (c == NULL)
		return msgid;
	if ((unsigned)lang >= LANG__MAX)
		lang = LANG_FR;
	s = i18n_mo_find(&c->mo[lang], msgid);
	return s != NULL ? s : msgid;
}

/*
 * Appends len bytes of p to o, growing it by doubling.  Returns RT_OK or
 * RT_ENOMEM (also when the size would overflow); o keeps its content on
 * failure and stays NUL-terminated once allocated.
 */
static int
i18n_out_append(struct i18n_out *o, const char *p, size_t len)
{
	size_t	 ncap;
	char	*np;

	if (len > SIZE_MAX - 1 - o->len)
		return RT_ENOMEM;
	if (o->p == NULL || o->len + len + 1 > o->cap) {
		ncap = o->cap < 256 ? 256 : o->cap;
		while (ncap < o->len + len + 1) {
			if (ncap > SIZE_MAX / 2) {
				ncap = o->len + len + 1;
				break;
			}
			ncap *= 2;
		}
		if ((np = realloc(o->p, ncap)) == NULL)
			return RT_ENOMEM;
		o->p = np;
		o->cap = ncap;
	}
	if (len > 0)
		memcpy(o->p + o->len, p, len);
	o->len += len;
	o->p[o->len] = '\0';
	return RT_OK;
}

/*
 * Appends s escaped for HTML text and quoted attributes: & < > " ' become
 * entities, every other byte (braces included, so that a translation may
 * hold {{VARIABLES}}) is copied.  Returns RT_OK or RT_ENOMEM.
 */
static int
i18n_out_escaped(struct i18n_out *o, const char *s)
{
	const char	*run, *ent;
	int		 rc;

	for (run = s; *s != '\0'; s++) {
		switch (*s) {
		case '&':  ent = "&amp;";  break;
		case '<':  ent = "&lt;";   break;
		case '>':  ent = "&gt;";   break;
		case '"':  ent = "&quot;"; break;
		case '\'': ent = "&#39;";  break;
		default:   continue;
		}
		rc = i18n_out_append(o, run, (size_t)(s - run));
		if (rc != RT_OK ||
		    (rc = i18n_out_append(o, ent, strlen(ent))) != RT_OK)
			return rc;
		run = s + 1;
	}
	return i18n_out_append(o, run, (size_t)(s - run));
}

/*
 * Where the "]]" that closes a marker opened just before p lies, searching
 * p[0..end) up to the first newline; NULL when the line (or the text) ends
 * first.
 */
static const char *
i18n_marker_end(const char *p, const char *end)
{
	for (; p + 1 < end && *p != '\n'; p++)
		if (p[0] == ']' && p[1] == ']')
			return p;
	return NULL;
}

/*
 * Appends to o the translation of the msgid id[0..idlen) (not
 * NUL-terminated, and idlen > 0), HTML-escaped.  A msgid holding a NUL
 * byte is looked up up to the NUL.  Short msgids are copied on the stack,
 * longer ones into a malloc'd copy freed before returning.  Returns RT_OK
 * or RT_ENOMEM, when o may hold part of the translation: the caller then
 * throws o away.
 */
static int
i18n_expand_one(const struct i18n *c, enum lang lang, struct i18n_out *o,
    const char *id, size_t idlen)
{
	char	 small[256], *copy;
	int	 rc;

	if (idlen < sizeof small)
		copy = small;
	else if ((copy = malloc(idlen + 1)) == NULL)
		return RT_ENOMEM;
	memcpy(copy, id, idlen);
	copy[idlen] = '\0';
	rc = i18n_out_escaped(o, i18n_get(c, lang, copy));
	if (copy != small)
		free(copy);
	return rc;
}

/*
 * Copies src[0..len) with every [[msgid]] replaced by its translation,
 * HTML-escaped.  The msgid is the text between "[[" and the first "]]"
 * after it on the same line, taken exactly (no trimming): "[[[x]]" is the
 * msgid "[x".  A "[[" with no "]]" before the end of its line, and the
 * empty marker "[[]]", are copied as they are.  src may be NULL when len
 * is 0; c may be NULL (msgids are then their own translations).  On
 * success *out is malloc'd (at least "") and the caller frees it; on
 * failure *out is NULL and nothing is allocated.  outlen may be NULL.
 */
int
i18n_expand_markers(const struct i18n *c, enum lang lang,
    const char *src, size_t len, char **out, size_t *outlen)
{
	struct i18n_out	 o = { NULL, 0, 0 };
	const char	*p, *end, *run, *close;
	int		 rc;

	assert(out != NULL);
	assert(src != NULL || len == 0);
	*out = NULL;
	if (outlen != NULL)
		*outlen = 0;
	if ((rc = i18n_out_append(&o, "", 0)) != RT_OK || len == 0)
		goto out;
	end = src + len;
	for (p = run = src; p + 1 < end; ) {
		if (p[0] != '[' || p[1] != '[') {
			p++;
			continue;
		}
		close = i18n_marker_end(p + 2, end);
		if (close == NULL || close == p + 2) {
			p += 2;
			continue;
		}
		rc = i18n_out_append(&o, run, (size_t)(p - run));
		if (rc == RT_OK)
			rc = i18n_expand_one(c, lang, &o, p + 2,
			    (size_t)(close - (p + 2)));
		if (rc != RT_OK)
			goto out;
		p = run = close + 2;
	}
	rc = i18n_out_append(&o, run, (size_t)(end - run));
out:
	if (rc != RT_OK) {
		free(o.p);
		return rc;
	}
	*out = o.p;
	if (outlen != NULL)
		*outlen = o.len;
	return RT_OK;
}

/*
 * Writes the date y-m-d (m in 1..12, d in 1..31, already checked) into
 * out in lang: "21 novembre 2026", "1er novembre 2026" (the first day of a
 * month is written "1er" in French), "November 21, 2026".  A lang outside
 * the enum is French.  When out cannot hold the whole date, out is set to
 * "" rather than to a date cut in the middle of a word or a character.
 * outlen 0 writes nothing.
 */
static void
i18n_date(enum lang lang, long long y, int m, int d, char *out,
    size_t outlen)
{
	static const char *const fr[12] = {
		"janvier", "février", "mars", "avril", "mai", "juin",
		"juillet", "août", "septembre", "octobre", "novembre",
		"décembre",
	};
	static const char *const en[12] = {
		"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November",
		"December",
	};
	int	 n;

	assert(m >= 1 && m <= 12);
	if (out == NULL || outlen == 0)
		return;
	if (lang == LANG_EN)
		n = snprintf(out, outlen, "%s %d, %lld", en[m - 1], d, y);
	else if (d == 1)
		n = snprintf(out, outlen, "1er %s %lld", fr[m - 1], y);
	else
		n = snprintf(out, outlen, "%d %s %lld", d, fr[m - 1], y);
	if (n < 0 || (size_t)n >= outlen)
		out[0] = '\0';
}

/*
 * Formats a unix time as a date in lang, in the process's time zone (TZ,
 * read once at start: a Québec server sets TZ=America/Montreal), so that a
 * save late in the evening shows the day the person lived it.  Dates that
 * a person chose are stored as ISO dates and shown by
 * i18n_format_iso_date(), which no time zone touches.  A time that
 * localtime_r() cannot represent, or a result longer than outlen, gives
 * "".  outlen 0 or a NULL out writes nothing.
 */
void
i18n_format_date(enum lang lang, long long unix_time, char *out,
    size_t outlen)
{
	struct tm	 tm;
	time_t		 t;

	if (out == NULL || outlen == 0)
		return;
	t = (time_t)unix_time;
	if ((long long)t != unix_time || localtime_r(&t, &tm) == NULL) {
		out[0] = '\0';
		return;
	}
	i18n_date(lang, (long long)tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday, out, outlen);
}

/*
 * Formats the time of day of a unix time in lang, in the process's time
 * zone: "14 h 05" in French as Québec writes it, "2:05 p.m." in English.
 * A time that cannot be represented, or a result longer than outlen,
 * gives "".
 */
void
i18n_format_time(enum lang lang, long long unix_time, char *out,
    size_t outlen)
{
	struct tm	 tm;
	time_t		 t;
	int		 n, h12;

	if (out == NULL || outlen == 0)
		return;
	t = (time_t)unix_time;
	if ((long long)t != unix_time || localtime_r(&t, &tm) == NULL) {
		out[0] = '\0';
		return;
	}
	if (lang == LANG_EN) {
		h12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
		n = snprintf(out, outlen, "%d:%02d %s", h12, tm.tm_min,
		    tm.tm_hour < 12 ? "a.m." : "p.m.");
	} else
		n = snprintf(out, outlen, "%d h %02d", tm.tm_hour, tm.tm_min);
	if (n < 0 || (size_t)n >= outlen)
		out[0] = '\0';
}

/*
 * Formats the ISO date "YYYY-MM-DD" (exactly four digits, two, two, with
 * a real day of that month in the Gregorian calendar, 29 February only in
 * leap years) as i18n_format_date() does.  Anything else, NULL excepted
 * (which gives ""), is copied unchanged, or gives "" when it does not fit
 * in outlen.  outlen 0 or a NULL out writes nothing.
 */
void
i18n_format_iso_date(enum lang lang, const char *iso, char *out,
    size_t outlen)
{
	static const int mdays[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};
	int	 i, y, m, d, leap;
	size_t	 l;

	if (out == NULL || outlen == 0)
		return;
	if (iso == NULL) {
		out[0] = '\0';
		return;
	}
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (iso[i] != '-')
				break;
		} else if (iso[i] < '0' || iso[i] > '9')
			break;
	}
	if (i == 10 && iso[10] == '\0') {
		y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 +
		    (iso[2] - '0') * 10 + (iso[3] - '0');
		m = (iso[5] - '0') * 10 + (iso[6] - '0');
		d = (iso[8] - '0') * 10 + (iso[9] - '0');
		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		if (m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] &&
		    !(m == 2 && d == 29 && !leap)) {
			i18n_date(lang, y, m, d, out, outlen);
			return;
		}
	}
	l = strlen(iso);
	if (l >= outlen)
		out[0] = '\0';
	else
		memcpy(out, iso, l + 1);
}

/*
 * Formats n with its digits in groups of three from the right: a
 * NO-BREAK SPACE (U+00A0) between groups in French, the espace insécable
 * that the Office québécois de la langue française asks for and that the
 * rest of the interface puts before a colon; a comma in English.  Four
 * digits are grouped too ("1 000", "1,000"), as the OQLF writes them, so
 * that a column of numbers reads alike.  The minus sign is the ASCII
 * hyphen-minus, as static/charcount.js writes it.  A lang outside the
 * enum is French.  The digits are taken from the magnitude as an unsigned
 * long long, so that LLONG_MIN has one too.  A result that does not fit
 * in outlen gives "" rather than a number cut short, which would read as
 * another number; outlen 0 or a NULL out writes nothing.
 */
void
i18n_format_int(enum lang lang, long long n, char *out, size_t outlen)
{
	char			 digits[24], buf[48];
	const char		*sep;
	unsigned long long	 u;
	size_t			 nd = 0, seplen, len = 0, i;

	if (out == NULL || outlen == 0)
		return;
	if (lang == LANG_EN)
		sep = ",";
	else
		sep = "\xC2\xA0";
	seplen = strlen(sep);
	u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	do {
		digits[nd++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (n < 0)
		buf[len++] = '-';
	for (i = nd; i > 0; i--) {
		buf[len++] = digits[i - 1];
		if (i > 1 && (i - 1) % 3 == 0) {
			memcpy(buf + len, sep, seplen);
			len += seplen;
		}
	}
	if (len >= outlen) {
		out[0] = '\0';
		return;
	}
	memcpy(out, buf, len);
	out[len] = '\0';
}
