/*
 * i18n.h: the interface in French (the default) and in English.
 *
 * Translations live in gettext catalogues, po/fr.po and po/en.po, compiled
 * by msgfmt into fr.mo and en.mo.  Message ids are English.  We read the
 * .mo files ourselves instead of calling gettext(3), because every request
 * of a threaded process may want another language, and glibc picks the
 * language per process (or per thread locale, which needs locales
 * installed on the machine).
 *
 * Templates mark what a person reads as [[Text]]; i18n_expand_markers()
 * replaces each marker by its translation, HTML-escaped, once at start.
 */
#ifndef RESEAUTER_I18N_H
#define RESEAUTER_I18N_H

#include <stddef.h>

/* Marks a message id for po/extract.sh without translating it there. */
#define N_(msgid) (msgid)

enum lang {
	LANG_FR = 0,     /* the default */
	LANG_EN,
	LANG__MAX
};

/* The codes of the languages, LANG__MAX of them: "fr", "en". */
extern const char *const lang_codes[LANG__MAX];

/* The language of a code ("fr", "en", also "fr-CA"), or -1. */
int lang_from_code(const char *code);

struct i18n;   /* the loaded catalogues, read-only after i18n_load() */

/*
 * Loads dir/fr.mo and dir/en.mo.  Returns RT_OK and *out (freed with
 * i18n_free), RT_EIO when a file is missing or RT_EINVAL when one is not a
 * valid .mo file, with a line for the operator in err.
 */
int i18n_load(struct i18n **out, const char *dir, char *err, size_t errlen);

/* Frees the catalogues; NULL is allowed. */
void i18n_free(struct i18n *c);

/*
 * The translation of msgid in lang, or msgid itself when the catalogue has
 * none (c may be NULL).  The result lives as long as c.  Thread-safe.
 */
const char *i18n_get(const struct i18n *c, enum lang lang, const char *msgid);

/*
 * Copies the template text src[0..len) into *out with every [[msgid]]
 * replaced by its translation in lang, escaped for HTML (& < > " ').
 * A "[[" with no closing "]]" on the same line, and an empty "[[]]", are
 * copied as they are.  *out is malloc'd and NUL-terminated; the caller
 * frees it.  Returns RT_OK or RT_ENOMEM.
 */
int i18n_expand_markers(const struct i18n *c, enum lang lang,
    const char *src, size_t len, char **out, size_t *outlen);

/*
 * Formats a unix time as a date in lang, in the process's time zone (TZ):
 * "21 novembre 2026", "1er novembre 2026" or "November 21, 2026".  Writes
 * at most outlen bytes (NUL included); a date that does not fit gives "".
 */
void i18n_format_date(enum lang lang, long long unix_time, char *out,
    size_t outlen);

/* Formats the time of day of a unix time: "14 h 05" or "2:05 p.m.". */
void i18n_format_time(enum lang lang, long long unix_time, char *out,
    size_t outlen);

/* Formats an ISO date "2026-11-21" the same way; copies it unchanged if malformed. */
void i18n_format_iso_date(enum lang lang, const char *iso, char *out,
    size_t outlen);

/*
 * Formats an integer with its digits in groups of three, as lang writes a
 * quantity: "63 206" (U+00A0 NO-BREAK SPACE) in French, "63,206" in
 * English, "1 000" and "1,000" too.  A result that does not fit in outlen
 * bytes (NUL included) gives "".
 */
void i18n_format_int(enum lang lang, long long n, char *out, size_t outlen);

#endif
