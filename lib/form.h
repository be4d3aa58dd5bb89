/*
 * form.h: every input field is declared once, and checked here.
 *
 * A handler declares its fields in a static table of struct field_def, calls
 * form_validate() once on the parsed body (or query), and from then on reads
 * only the typed values in struct field_value.  A field that is missing or
 * invalid carries an error code that the handler shows next to the field;
 * the raw text typed is always kept so that the form can be shown again
 * with nothing lost.
 */
#ifndef RESEAUTER_FORM_H
#define RESEAUTER_FORM_H

#include <stddef.h>
#include "http.h"

enum field_kind {
	FIELD_LINE,     /* one line of text: no CR/LF, no control chars; trimmed */
	FIELD_TEXT,     /* free text: CR LF allowed (CRLF normalised to LF); trimmed */
	FIELD_EMAIL,    /* local@domain, lower-cased domain, <= 254 bytes */
	FIELD_PASSWORD, /* kept exactly as typed (no trimming) */
	FIELD_INT,      /* decimal integer within [min, max] */
	FIELD_DATE,     /* YYYY-MM-DD, a real calendar date */
	FIELD_CHOICE,   /* one of the strings in choices */
	FIELD_TOKEN,    /* [A-Za-z0-9_-], e.g. a CSRF token */
	FIELD_BOOL,     /* a checkbox: present (any value) = 1, absent = 0 */
	FIELD_MULTI,    /* checkboxes: every occurrence of the name, each one of
	                 * choices (or, with choices NULL, a token of
	                 * [A-Za-z0-9_-], at most 23 bytes), without repeats,
	                 * joined by ',' in text in the order sent; num = count;
	                 * max (when > 0) bounds the count */
	FIELD_DECIMAL   /* a number with at most two decimals, "2.5" or "2,5"
	                 * (as French writes it), within [min, max] whole units;
	                 * text is normalised ("2.5", "3"), num = hundredths */
};

enum field_error {
	FIELD_OK = 0,
	FIELD_EMISSING,   /* required and empty */
	FIELD_ETOOSHORT,  /* fewer than min characters (code points) */
	FIELD_ETOOLONG,   /* more than max characters (code points) */
	FIELD_EFORMAT,    /* not an e-mail, not a date, not a number, bad chars */
	FIELD_ERANGE,     /* a number outside [min, max] */
	FIELD_ECHOICE     /* not one of the choices */
};

struct field_def {
	const char         *name;     /* form field name */
	enum field_kind     kind;
	int                 required;
	long long           min;      /* LINE/TEXT/PASSWORD/TOKEN: min chars (<= 0: none); INT: min value;
	                               * DECIMAL: min whole units */
	long long           max;      /* LINE/TEXT/PASSWORD/TOKEN: max chars (<= 0: none); INT: max value;
	                               * DECIMAL: max whole units; MULTI: max count (<= 0: none) */
	const char *const  *choices;  /* CHOICE, MULTI: NULL-terminated list */
	const char         *label;    /* English message id of the field's label, for error summaries */
};

struct field_value {
	const char *text;    /* normalised value ("" when absent); owned by the form */
	size_t      len;     /* strlen(text) */
	long long   num;     /* INT: the value; DECIMAL: hundredths; BOOL: 0/1;
	                      * CHOICE: index, -1 when none; MULTI: count */
	int         present; /* the field was sent and not empty */
	int         error;   /* enum field_error */
};

/* The values of one validated form; a zeroed struct is empty. */
struct form {
	const struct field_def *defs;
	size_t                  n;
	struct field_value     *values;  /* n entries */
	char                   *arena;   /* normalised texts */
	int                     nerrors;
};

/*
 * Validates the fields of defs[0..n) taken from in, using the nth (0-based)
 * occurrence of each name (so repeated groups of fields, such as three
 * objectives, share one declaration); a FIELD_MULTI reads every occurrence
 * of its name, whatever nth.  Returns RT_OK when validation ran
 * (look at f->nerrors) or RT_ENOMEM.  The caller frees f with form_free()
 * in either case.
 */
int form_validate(struct form *f, const struct field_def *defs, size_t n,
    const struct kvlist *in, size_t nth);

/*
 * Like form_validate(), but each field is read under the name prefix +
 * def->name (the first occurrence; all of them for FIELD_MULTI), so that
 * the items of a list ("persona-2-name") share one declaration.  The
 * values keep the declared names for form_get().
 */
int form_validate_prefix(struct form *f, const struct field_def *defs,
    size_t n, const struct kvlist *in, const char *prefix);

/*
 * Checks one value of d, of any kind but FIELD_MULTI, exactly as
 * form_validate() checks a field sent once with it: text, len bytes and
 * NUL-terminated, the caller's, is normalised in place (never longer),
 * and v->text points into it.  For a caller that has its values one by
 * one rather than in a kvlist (wbdata.c reading a document).
 */
void form_check_value(const struct field_def *d, char *text, size_t len,
    struct field_value *v);

/* Frees what form_validate() allocated and zeroes f. */
void form_free(struct form *f);

/* The value of the field named name (which must be declared: asserted). */
const struct field_value *form_get(const struct form *f, const char *name);

/*
 * The English message id of a field error, to translate with i18n_get().
 * The messages of FIELD_ETOOSHORT and FIELD_ETOOLONG hold one "%s" (the
 * declared min or max, as i18n_format_int() writes it in the language of
 * the page); FIELD_ERANGE's holds two (min, then max).
 */
const char *form_error_msgid(int error);

/*
 * The same message id, but naming what a field of kind d->kind expects
 * where that helps: a FIELD_EFORMAT of an EMAIL, DATE or INT field, a
 * FIELD_EMISSING of a CHOICE or BOOL field.  Same format arguments as
 * form_error_msgid(); d NULL gives form_error_msgid(error).
 */
const char *form_error_msgid_for(const struct field_def *d, int error);

#endif
