/*
 * display.h: a plan's answers as a person reads them, in either language.
 *
 * Every function writes into a buffer the caller owns, cutting at a
 * character boundary when it is too small; c may be NULL (no translation).
 */
#ifndef RESEAUTER_DISPLAY_H
#define RESEAUTER_DISPLAY_H

#include <stddef.h>
#include "i18n.h"
#include "workbook.h"

/*
 * Writes a decimal "3.5" with the language's decimal mark, "3,5" in
 * French, and no digit groups: for the value of a form's field, which the
 * person edits and sends back.
 */
void display_decimal(enum lang lang, const char *value, char *out,
    size_t outlen);

/*
 * Writes a number as stored ("1234.5") to be read: digit groups and
 * decimal mark of the language, "1 234,5" or "1,234.5" (i18n_format_int).
 * What is not such a number is written as display_decimal() writes it;
 * a number longer than outlen gives "" rather than a cut one.
 */
void display_number(enum lang lang, const char *value, char *out,
    size_t outlen);

/* Writes hours (no unit) as the language writes them: "3,5", "2", "1 234,5". */
void display_hours(enum lang lang, double h, char *out, size_t outlen);

/* Non-zero when key is one of the comma-separated values of list. */
int display_listed(const char *list, const char *key);

/*
 * The items a REF or REFS field chooses from (in p), with their list's
 * declaration in *def; NULL when the field is no reference or p is NULL.
 */
const struct wb_list_data *display_ref_items(const struct wb_field *f,
    const struct wb_plan *p, const struct wb_list **def);

/*
 * Writes the title of item index of list l: the fixed title of a fixed
 * item, else "Persona 2", followed by the item's name when it has one
 * (it may be NULL).
 */
void display_item_title(const struct i18n *c, enum lang lang,
    const struct wb_list *l, size_t index, const struct wb_item *it,
    char *out, size_t outlen);

/* Writes a field's value as a person reads it ("" when empty). */
void display_text(const struct i18n *c, enum lang lang,
    const struct wb_field *f, const char *value, const struct wb_plan *p,
    char *out, size_t outlen);

#endif
