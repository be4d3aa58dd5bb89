/*
 * tpl.h: the C face of ctemplate (tpl.cc is the only C++ of the project).
 *
 * Every template starts with {{%AUTOESCAPE context="HTML"}} (or the context
 * it needs), so every value set here is escaped by ctemplate when the page
 * is expanded.  There is no call that inserts raw HTML.
 *
 * At start, tpl_load() reads every *.tpl file of a directory and registers
 * one copy per language under the name "<lang>/<file>" (e.g.
 * "fr/signup.tpl"), with its [[markers]] translated (i18n.h).
 */
#ifndef RESEAUTER_TPL_H
#define RESEAUTER_TPL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "buf.h"
#include "i18n.h"

struct tpl_dict;   /* wraps a ctemplate::TemplateDictionary */

/*
 * Loads and registers every *.tpl of dir for every language, and checks
 * that each parses.  Call once at start, before any thread expands.
 * Returns RT_OK, or RT_EIO / RT_EINVAL with a line for the operator in err.
 */
int tpl_load(const char *dir, const struct i18n *c, char *err,
    size_t errlen);

/*
 * A new top-level dictionary, freed with tpl_dict_free(); NULL on ENOMEM.
 * Every function below accepts a NULL dictionary: the setters then do
 * nothing and tpl_expand() answers RT_ENOMEM, as it does for a dictionary
 * in which an allocation failed while it was filled; so a handler checks
 * only the status of tpl_expand().
 */
struct tpl_dict *tpl_dict_new(void);

/* Frees a top-level dictionary and every sub-dictionary; NULL is allowed. */
void tpl_dict_free(struct tpl_dict *d);

/* Sets {{key}} to a copy of value (escaped at expansion).  key: a literal. */
void tpl_set(struct tpl_dict *d, const char *key, const char *value);

/*
 * Sets {{key}} for the whole expansion of d's template, included templates
 * too (ctemplate's template-global values: an include dictionary does not
 * see its parent's values).  For what every part of a page needs, such as
 * the CSRF token.
 */
void tpl_set_global(struct tpl_dict *d, const char *key, const char *value);

/* Sets {{key}} to a decimal integer. */
void tpl_set_int(struct tpl_dict *d, const char *key, long long value);

/* Shows section {{#name}} once, with the values of its parent. */
void tpl_show(struct tpl_dict *d, const char *name);

/*
 * Adds one more expansion of section {{#name}} and returns its dictionary,
 * owned by d (not to be freed), or NULL on ENOMEM.
 */
struct tpl_dict *tpl_add_section(struct tpl_dict *d, const char *name);

/*
 * Makes {{>name}} include the registered template file (e.g. "fr/home.tpl")
 * and returns the dictionary for it, owned by d, or NULL on ENOMEM.
 */
struct tpl_dict *tpl_add_include(struct tpl_dict *d, const char *name,
    const char *file);

/*
 * Expands the registered template file (e.g. "fr/layout.tpl") with d and
 * appends the result to out.  Returns RT_OK, RT_ENOTFOUND (no such
 * template) or RT_ENOMEM.
 */
int tpl_expand(const char *file, const struct tpl_dict *d, struct buf *out);

#ifdef __cplusplus
}
#endif

#endif
