/*
 * wbdata.c: the content of the workbook's sections (see workbook.h):
 * making it empty, reading it from a submitted form or from a JSON
 * document, writing it as JSON, and keeping the lists made from another
 * section in step with it.
 *
 * Every value is its own malloc'd string, owned by the struct wb_data and
 * freed by wb_data_free().  A value is what form.c made of the input: the
 * normalised text (trimmed, CRLF turned into LF, "2,50" turned into "2.5",
 * the values of a FIELD_MULTI joined by ','), except a FIELD_BOOL, stored
 * as "1" when ticked and "" when not, whatever value the checkbox sent.
 * Items are calloc'd, so the value slots past a list's fields are NULL,
 * and freeing every slot of every item is always right.
 *
 * A JSON document is checked with the same declarations as a form, through
 * form_validate(), so that nothing can be stored from an import that the
 * form would have refused; only "required" is not enforced there, since a
 * workbook is filled a little at a time.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "http.h"
#include "json.h"
#include "status.h"
#include "workbook.h"

/*
 * How many item numbers past a list's maximum a form may use ("persona-
 * 23-name" for a list of 20): such items are read, so that the list can
 * refuse them with an error and keep what was typed; higher numbers are
 * ignored as absurd.
 */
#define WBD_SCAN_EXTRA 5

/* One item read from a form, before it takes its place in the list. */
struct wbd_pending {
	struct wb_item  it;                  /* its id ("" until given) and values */
	int             err[WB_MAX_FIELDS];  /* enum field_error of each field */
	int             keep;                /* it took a place in the list */
};

/*
 * Returns the number of fixed items of list l, 0 for a list of items that
 * people add.
 */
static size_t
wbd_nfixed(const struct wb_list *l)
{
	size_t	 n = 0;

	if (l->fixed_ids != NULL)
		while (l->fixed_ids[n] != NULL)
			n++;
	return n;
}

/*
 * Returns how many items list l may hold: its fixed items when it has
 * some, else its max_items, else WB_LIST_MAX.
 */
static size_t
wbd_max(const struct wb_list *l)
{
	if (l->fixed_ids != NULL)
		return wbd_nfixed(l);
	return l->max_items > 0 ? l->max_items : WB_LIST_MAX;
}

/*
 * Returns non-zero when s is a well-formed item id: 1 to WB_ID_MAX - 1
 * bytes of [A-Za-z0-9_-].  NULL is not one.
 */
static int
wbd_is_id(const char *s)
{
	size_t	 i;

	if (s == NULL || s[0] == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= WB_ID_MAX - 1)
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return 0;
	}
	return 1;
}

/*
 * Sets the id of it to id, which must be well-formed (asserted), so that
 * it fits with its NUL.
 */
static void
wbd_set_id(struct wb_item *it, const char *id)
{
	assert(wbd_is_id(id));
	memcpy(it->id, id, strlen(id) + 1);
}

/*
 * Frees every value of it (NULL slots are fine) and zeroes it, id
 * included.
 */
static void
wbd_item_clear(struct wb_item *it)
{
	size_t	 i;

	for (i = 0; i < WB_MAX_FIELDS; i++)
		free(it->values[i]);
	memset(it, 0, sizeof(*it));
}

/* Frees the n items of items, then the array; NULL with n 0 is fine. */
static void
wbd_items_free(struct wb_item *items, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		wbd_item_clear(&items[i]);
	free(items);
}

/*
 * Gives the first nfields values of it (which must be NULL) the value "".
 * Returns RT_OK or RT_ENOMEM; on failure the values made are freed again
 * and it keeps its id.
 */
static int
wbd_item_blank(struct wb_item *it, size_t nfields)
{
	size_t	 i;

	assert(nfields <= WB_MAX_FIELDS);
	for (i = 0; i < nfields; i++) {
		assert(it->values[i] == NULL);
		if ((it->values[i] = strdup("")) == NULL) {
			while (i-- > 0) {
				free(it->values[i]);
				it->values[i] = NULL;
			}
			return RT_ENOMEM;
		}
	}
	return RT_OK;
}

/*
 * Replaces the string *slot (NULL or malloc'd) by a copy of s.  Returns
 * RT_OK or RT_ENOMEM, and on failure *slot is unchanged.
 */
static int
wbd_set(char **slot, const char *s)
{
	char	*copy;

	assert(s != NULL);
	if ((copy = strdup(s)) == NULL)
		return RT_ENOMEM;
	free(*slot);
	*slot = copy;
	return RT_OK;
}

/*
 * Looks for the item whose id is id among items[0..n).  Returns non-zero
 * and its index in *at when found; an empty id is never found.
 */
static int
wbd_index(const struct wb_item *items, size_t n, const char *id, size_t *at)
{
	size_t	 i;

	if (id[0] == '\0')
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(items[i].id, id) == 0) {
			if (at != NULL)
				*at = i;
			return 1;
		}
	return 0;
}

/*
 * Copies the field_def of each of fields[0..n) into defs (which has room
 * for WB_MAX_FIELDS), the contiguous table form_validate() wants.  With
 * optional set, no field is required.
 */
static void
wbd_defs(const struct wb_field *fields, size_t n, struct field_def *defs,
    int optional)
{
	size_t	 i;

	assert(n <= WB_MAX_FIELDS);
	for (i = 0; i < n; i++) {
		defs[i] = fields[i].def;
		if (optional)
			defs[i].required = 0;
	}
}

/*
 * Returns the list of p whose items a list with items_from_section >= 0
 * follows (asserted in range).
 */
static const struct wb_list_data *
wbd_source(const struct wb_plan *p, const struct wb_list *l)
{
	assert(l->items_from_section >= 0 && l->items_from_section < WB__MAX);
	assert(l->items_from_list >= 0 && l->items_from_list < WB_MAX_LISTS);
	return &p->s[l->items_from_section].lists[l->items_from_list];
}

/*
 * Returns the text to store for the validated value v of field fl: "1" or
 * "" for a FIELD_BOOL, the normalised text otherwise.
 */
static const char *
wbd_stored(const struct wb_field *fl, const struct field_value *v)
{
	if (fl->def.kind == FIELD_BOOL)
		return v->num ? "1" : "";
	return v->text;
}

/*
 * Checks a valid value text of field fl against p when fl is a reference:
 * a WB_REF must be the id of an item of the list it refers to, and each
 * ','-separated id of a WB_REFS too.  Returns FIELD_OK (also for an empty
 * value and for any other widget) or FIELD_ECHOICE.
 */
static int
wbd_ref_check(const struct wb_field *fl, const char *text,
    const struct wb_plan *p)
{
	const struct wb_list_data	*ld;
	const char			*seg, *end;
	size_t				 i, len;
	int				 found;

	if ((fl->widget != WB_REF && fl->widget != WB_REFS) || text[0] == '\0')
		return FIELD_OK;
	assert(fl->ref_section >= 0 && fl->ref_section < WB__MAX);
	assert(fl->ref_list >= 0 && fl->ref_list < WB_MAX_LISTS);
	ld = &p->s[fl->ref_section].lists[fl->ref_list];
	if (fl->widget == WB_REF)
		return wbd_index(ld->items, ld->n, text, NULL) ? FIELD_OK :
		    FIELD_ECHOICE;
	for (seg = text; ; seg = end + 1) {
		if ((end = strchr(seg, ',')) == NULL)
			end = seg + strlen(seg);
		len = (size_t)(end - seg);
		for (found = 0, i = 0; i < ld->n && !found; i++)
			found = strlen(ld->items[i].id) == len &&
			    memcmp(ld->items[i].id, seg, len) == 0;
		if (!found)
			return FIELD_ECHOICE;
		if (*end == '\0')
			return FIELD_OK;
	}
}

/*
 * Appends an error to errs; past WB_MAX_ERRORS errors the rest are
 * dropped (the form already has plenty to show).
 */
static void
wbd_error(struct wb_errors *errs, int list, size_t item, int field,
    int error)
{
	struct wb_error	*e;

	if (errs->n >= WB_MAX_ERRORS)
		return;
	e = &errs->e[errs->n++];
	e->list = list;
	e->item = item;
	e->field = field;
	e->error = error;
}

/*
 * Makes d the empty content of section: every value of the section's own
 * fields "", every list empty but the fixed ones, which hold their fixed
 * items in order with every value "".  d's earlier content is not freed
 * (d is expected zeroed or freed).  Returns RT_OK or RT_ENOMEM; in both
 * cases the caller frees d with wb_data_free().
 */
int
wb_data_init(struct wb_data *d, int section)
{
	const struct wb_section_def	*sec;
	const struct wb_list		*l;
	struct wb_list_data		*ld;
	size_t				 i, k, n;
	int				 rc;

	assert(d != NULL);
	assert(section >= 0 && section < WB__MAX);
	sec = &wb_sections[section];
	assert(sec->nfields <= WB_MAX_FIELDS);
	assert(sec->nlists <= WB_MAX_LISTS);

	memset(d, 0, sizeof(*d));
	d->section = section;
	for (i = 0; i < sec->nfields; i++)
		if ((d->values[i] = strdup("")) == NULL)
			return RT_ENOMEM;
	for (k = 0; k < sec->nlists; k++) {
		l = &sec->lists[k];
		assert(l->nfields <= WB_MAX_FIELDS);
		assert(l->name != NULL && l->name[0] != '\0');
		if ((n = wbd_nfixed(l)) == 0)
			continue;
		ld = &d->lists[k];
		if ((ld->items = calloc(n, sizeof(*ld->items))) == NULL)
			return RT_ENOMEM;
		ld->n = n;
		for (i = 0; i < n; i++) {
			wbd_set_id(&ld->items[i], l->fixed_ids[i]);
			if ((rc = wbd_item_blank(&ld->items[i], l->nfields)) !=
			    RT_OK)
				return rc;
		}
	}
	return RT_OK;
}

/*
 * Frees every value and item of d and zeroes it, stamp included, keeping
 * only its section.  A zeroed d, or one that a failed wb_data_init() or
 * reading left half-filled, is fine; freeing twice is harmless.
 */
void
wb_data_free(struct wb_data *d)
{
	int	 section;
	size_t	 i;

	assert(d != NULL);
	section = d->section;
	for (i = 0; i < WB_MAX_FIELDS; i++)
		free(d->values[i]);
	for (i = 0; i < WB_MAX_LISTS; i++)
		wbd_items_free(d->lists[i].items, d->lists[i].n);
	memset(d, 0, sizeof(*d));
	d->section = section;
}

/* Frees every section of p, as wb_data_free() does; a zeroed p is fine. */
void
wb_plan_free(struct wb_plan *p)
{
	size_t	 i;

	assert(p != NULL);
	for (i = 0; i < WB__MAX; i++)
		wb_data_free(&p->s[i]);
}

/*
 * Empties the values of fields[0..n) that are team_only in values[] (NULL
 * ones stay NULL).  A value is cut to nothing where it is, so the plan
 * keeps its shape (items, ids) and who frees it does not change.
 */
static void
wbd_hide_team_only(const struct wb_field *fields, size_t n, char **values)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fields[i].team_only && values[i] != NULL)
			values[i][0] = '\0';
}

/* See workbook.h. */
void
wb_plan_hide_team_only(struct wb_plan *p)
{
	const struct wb_section_def *sec;
	struct wb_list_data *ld;
	size_t l, k;
	int s;

	assert(p != NULL);
	for (s = 0; s < WB__MAX; s++) {
		sec = &wb_sections[s];
		wbd_hide_team_only(sec->fields, sec->nfields, p->s[s].values);
		for (l = 0; l < sec->nlists; l++) {
			ld = &p->s[s].lists[l];
			for (k = 0; k < ld->n; k++)
				wbd_hide_team_only(sec->lists[l].fields,
				    sec->lists[l].nfields,
				    ld->items[k].values);
		}
	}
}

/*
 * Returns the value of the section field name of d, or "" when d's
 * section declares no such field or the value is not loaded (NULL).  The
 * string belongs to d.
 */
const char *
wb_value(const struct wb_data *d, const char *name)
{
	const struct wb_section_def	*sec;
	int				 i;

	assert(d != NULL && name != NULL);
	assert(d->section >= 0 && d->section < WB__MAX);
	sec = &wb_sections[d->section];
	i = wb_field_index(sec->fields, sec->nfields, name);
	if (i < 0 || d->values[i] == NULL)
		return "";
	return d->values[i];
}

/*
 * Returns the value of field name of item it of list number list of d's
 * section, or "" when that list or field is not declared or the value is
 * NULL.  it need not belong to d (a copy is fine) but must be an item of
 * that list's shape.  The string belongs to it.
 */
const char *
wb_item_value(const struct wb_data *d, size_t list, const struct wb_item *it,
    const char *name)
{
	const struct wb_section_def	*sec;
	int				 i;

	assert(d != NULL && it != NULL && name != NULL);
	assert(d->section >= 0 && d->section < WB__MAX);
	sec = &wb_sections[d->section];
	if (list >= sec->nlists)
		return "";
	i = wb_field_index(sec->lists[list].fields, sec->lists[list].nfields,
	    name);
	if (i < 0 || it->values[i] == NULL)
		return "";
	return it->values[i];
}

/*
 * Returns the item of list number list of d whose id is id, or NULL when
 * there is none, when list is out of range, or when id is NULL or "".
 */
const struct wb_item *
wb_item_find(const struct wb_data *d, size_t list, const char *id)
{
	size_t	 at;

	assert(d != NULL);
	if (list >= WB_MAX_LISTS || id == NULL)
		return NULL;
	if (!wbd_index(d->lists[list].items, d->lists[list].n, id, &at))
		return NULL;
	return &d->lists[list].items[at];
}

/*
 * Makes list number l of d hold one item per item of src, in src's order:
 * an item of d with the same id keeps its values, an id d lacks gets an
 * empty item, and d's items whose id src lacks are freed.  Ids of src that
 * are malformed or repeated are skipped, and at most wbd_max() items are
 * kept.  The new items are made before anything moves, so on RT_ENOMEM d
 * is unchanged.  Returns RT_OK or RT_ENOMEM.
 */
static int
wbd_sync_list(struct wb_data *d, size_t l, const struct wb_list_data *src)
{
	const struct wb_list	*lst = &wb_sections[d->section].lists[l];
	struct wb_list_data	*ld = &d->lists[l];
	struct wb_item		*items = NULL;
	size_t			 i, at, n = 0, max = wbd_max(lst);
	int			 rc;

	if (src->n > 0 && (items = calloc(src->n < max ? src->n : max,
	    sizeof(*items))) == NULL)
		return RT_ENOMEM;
	for (i = 0; i < src->n && n < max; i++) {
		if (!wbd_is_id(src->items[i].id) ||
		    wbd_index(items, n, src->items[i].id, NULL))
			continue;
		wbd_set_id(&items[n], src->items[i].id);
		if (!wbd_index(ld->items, ld->n, items[n].id, NULL) &&
		    (rc = wbd_item_blank(&items[n], lst->nfields)) != RT_OK) {
			wbd_items_free(items, n + 1);
			return rc;
		}
		n++;
	}
	/* Nothing can fail from here: the kept items move over. */
	for (i = 0; i < n; i++)
		if (wbd_index(ld->items, ld->n, items[i].id, &at)) {
			memcpy(items[i].values, ld->items[at].values,
			    sizeof(items[i].values));
			memset(ld->items[at].values, 0,
			    sizeof(ld->items[at].values));
		}
	wbd_items_free(ld->items, ld->n);
	if (n == 0) {
		free(items);
		items = NULL;
	}
	ld->items = items;
	ld->n = n;
	return RT_OK;
}

/*
 * Brings every list of d made from another section's list (evaluation:
 * one review per objective) in step with that list in p; see
 * wbd_sync_list().  Lists of other kinds are untouched.  Returns RT_OK or
 * RT_ENOMEM; on failure the lists done so far stay done and the failed
 * one is unchanged.
 */
int
wb_data_sync_items(struct wb_data *d, const struct wb_plan *p)
{
	const struct wb_section_def	*sec;
	size_t				 l;
	int				 rc;

	assert(d != NULL && p != NULL);
	assert(d->section >= 0 && d->section < WB__MAX);
	sec = &wb_sections[d->section];
	for (l = 0; l < sec->nlists; l++) {
		if (sec->lists[l].items_from_section < 0)
			continue;
		if ((rc = wbd_sync_list(d, l,
		    wbd_source(p, &sec->lists[l]))) != RT_OK)
			return rc;
	}
	return RT_OK;
}

/*
 * Writes into out the smallest id "<letter><n>" (n from 1) that none of
 * pend[0..np) nor stored[0..nstored) uses.  Avoiding the stored ids too
 * means that an item removed in the same form does not hand its id, and
 * the references to it, to a new one.  pend may be NULL when np is 0.
 */
static void
wbd_fresh_id(char letter, const struct wbd_pending *pend, size_t np,
    const struct wb_list_data *stored, char *out)
{
	char	 id[WB_ID_MAX];
	size_t	 n, i;
	int	 used;

	for (n = 1; ; n++) {
		snprintf(id, sizeof(id), "%c%zu", letter, n);
		used = wbd_index(stored->items, stored->n, id, NULL);
		for (i = 0; i < np && !used; i++)
			used = strcmp(pend[i].it.id, id) == 0;
		if (!used)
			break;
	}
	memcpy(out, id, strlen(id) + 1);
}

/*
 * Appends to list number list of d (declared: asserted) a new item with a
 * fresh id (the smallest "<letter><n>" the list does not use) and every
 * value "".  A fixed list, a list made from another section's list, and a
 * list that already holds wbd_max() items or more cannot grow: RT_ETOOBIG.
 * Returns RT_OK with *out the new item, owned by d and valid until the
 * list changes again (the array may move), or RT_ETOOBIG or RT_ENOMEM
 * with *out NULL and d's content unchanged.
 */
int
wb_list_append(struct wb_data *d, size_t list, struct wb_item **out)
{
	const struct wb_list	*lst;
	struct wb_list_data	*ld;
	struct wb_item		*items, *it;
	int			 rc;

	assert(d != NULL && out != NULL);
	assert(d->section >= 0 && d->section < WB__MAX);
	assert(list < wb_sections[d->section].nlists);
	lst = &wb_sections[d->section].lists[list];
	ld = &d->lists[list];
	*out = NULL;
	if (lst->fixed_ids != NULL || lst->items_from_section >= 0 ||
	    ld->n >= wbd_max(lst))
		return RT_ETOOBIG;
	if ((items = realloc(ld->items, (ld->n + 1) * sizeof(*items))) == NULL)
		return RT_ENOMEM;
	ld->items = items;
	it = &items[ld->n];
	memset(it, 0, sizeof(*it));
	wbd_fresh_id(lst->name[0], NULL, 0, ld, it->id);
	if ((rc = wbd_item_blank(it, lst->nfields)) != RT_OK)
		return rc;
	ld->n++;
	*out = it;
	return RT_OK;
}

/*
 * Writes the values of fields[0..n) of values[] as members of the object
 * being written: each field's name, then its value ("" for a NULL one).
 */
static void
wbd_write_values(struct json_writer *w, const struct wb_field *fields,
    size_t n, char *const *values)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		jw_key(w, fields[i].def.name);
		jw_string(w, values[i] != NULL ? values[i] : "");
	}
}

/*
 * Writes d as the object of workbook.h: "fields" with every declared
 * field, then "lists" with every declared list (an empty one as []), each
 * item's "id" first and then its fields, all in declaration order.  A
 * section without fields or lists writes {} for them.  Errors (a value
 * that is not valid UTF-8, memory) are left in w for jw_finish().
 */
void
wb_data_write_json(const struct wb_data *d, struct json_writer *w)
{
	const struct wb_section_def	*sec;
	const struct wb_list		*lst;
	const struct wb_list_data	*ld;
	size_t				 l, i;

	assert(d != NULL && w != NULL);
	assert(d->section >= 0 && d->section < WB__MAX);
	sec = &wb_sections[d->section];

	jw_object_begin(w);
	jw_key(w, "fields");
	jw_object_begin(w);
	wbd_write_values(w, sec->fields, sec->nfields, d->values);
	jw_object_end(w);
	jw_key(w, "lists");
	jw_object_begin(w);
	for (l = 0; l < sec->nlists; l++) {
		lst = &sec->lists[l];
		ld = &d->lists[l];
		jw_key(w, lst->name);
		jw_array_begin(w);
		for (i = 0; i < ld->n; i++) {
			jw_object_begin(w);
			jw_key(w, "id");
			jw_string(w, ld->items[i].id);
			wbd_write_values(w, lst->fields, lst->nfields,
			    ld->items[i].values);
			jw_object_end(w);
		}
		jw_array_end(w);
	}
	jw_object_end(w);
	jw_object_end(w);
}

/*
 * Writes into out what a field_error means for a value of def, in
 * English, for the messages of wb_data_read_json().
 */
static void
wbd_describe(const struct field_def *def, int error, char *out,
    size_t outlen)
{
	switch (error) {
	case FIELD_ETOOLONG:
		snprintf(out, outlen, "longer than %lld characters", def->max);
		return;
	case FIELD_ETOOSHORT:
		snprintf(out, outlen, "shorter than %lld characters", def->min);
		return;
	case FIELD_ERANGE:
		if (def->kind == FIELD_MULTI)
			snprintf(out, outlen, "too many values");
		else
			snprintf(out, outlen, "not a number from %lld to %lld",
			    def->min, def->max);
		return;
	case FIELD_ECHOICE:
		snprintf(out, outlen, "not one of the choices");
		return;
	case FIELD_EMISSING:
		snprintf(out, outlen, "missing");
		return;
	default:
		break;
	}
	switch (def->kind) {
	case FIELD_LINE:
		snprintf(out, outlen, "holds a line break or a control "
		    "character");
		break;
	case FIELD_TEXT:
		snprintf(out, outlen, "holds a control character");
		break;
	case FIELD_EMAIL:
		snprintf(out, outlen, "not an e-mail address");
		break;
	case FIELD_INT:
		snprintf(out, outlen, "not a whole number");
		break;
	case FIELD_DECIMAL:
		snprintf(out, outlen, "not a number with at most two "
		    "decimals");
		break;
	case FIELD_DATE:
		snprintf(out, outlen, "not a date written YYYY-MM-DD");
		break;
	case FIELD_MULTI:
	case FIELD_TOKEN:
		snprintf(out, outlen, "not a list of well-formed keys");
		break;
	default:
		snprintf(out, outlen, "not a valid value");
		break;
	}
}

/*
 * Writes "<where>, field "<name>": <what>" into err (when errlen > 0) and
 * returns RT_EINVAL.
 */
static int
wbd_bad_field(char *err, size_t errlen, const char *where, const char *name,
    const char *what)
{
	if (errlen > 0)
		snprintf(err, errlen, "%s, field \"%s\": %s", where, name, what);
	return RT_EINVAL;
}

/*
 * Checks the FIELD_MULTI def, whose member v (a string, or NULL when
 * absent) has already been split at ',' without an empty piece, as
 * form_validate() checks the pieces sent as one form field each, and
 * makes *out a malloc'd copy of the normalised value (the distinct pieces
 * joined by ','), or leaves it NULL and sets *error to the field_error.
 * Returns RT_OK (look at *error) or RT_ENOMEM.
 */
static int
wbd_json_multi(const struct field_def *def, const struct json *v,
    char **out, int *error)
{
	struct kvlist		 kv;
	struct form		 f;
	const char		*seg, *end;
	int			 rc = RT_OK;

	memset(&kv, 0, sizeof(kv));
	memset(&f, 0, sizeof(f));
	*out = NULL;
	*error = FIELD_OK;
	for (seg = v != NULL ? v->string : ""; v != NULL && v->len > 0 &&
	    rc == RT_OK; seg = end + 1) {
		if ((end = strchr(seg, ',')) == NULL)
			end = seg + strlen(seg);
		rc = kvlist_add(&kv, def->name, seg, (size_t)(end - seg));
		if (*end == '\0')
			break;
	}
	if (rc == RT_OK && (rc = form_validate(&f, def, 1, &kv, 0)) == RT_OK) {
		if ((*error = f.values[0].error) == FIELD_OK &&
		    (*out = strdup(f.values[0].text)) == NULL)
			rc = RT_ENOMEM;
	}
	form_free(&f);
	kvlist_free(&kv);
	return rc;
}

/*
 * Reads the values of fields[0..n) from the members of the JSON object
 * obj into values[] (each NULL or malloc'd, replaced).  First the form of
 * every member: it must be a string; a FIELD_BOOL must be "1" or "", a
 * FIELD_MULTI is split at ',' (an empty piece is refused), a WB_REF must
 * be empty or a well-formed id.  Then each value is checked as
 * form_validate() checks it in a form where no field is required
 * (form_check_value(), one by one, with no list of pairs to build), and
 * the first field in error, in their order, refuses the whole object.  An
 * absent member gives "".  Members that are not declared are ignored.
 * where names the object for the message ("section "story"").  Returns
 * RT_OK (every value of fields replaced), RT_EINVAL with err filled (no
 * value changed), or RT_ENOMEM (no value changed).
 */
static int
wbd_json_values(const struct wb_field *fields, size_t n,
    const struct json *obj, char **values, const char *where, char *err,
    size_t errlen)
{
	struct field_def	 defs[WB_MAX_FIELDS];
	const struct json	*mem[WB_MAX_FIELDS];
	char			*got[WB_MAX_FIELDS];
	struct field_value	 fv;
	const struct json	*v;
	const char		*seg, *end;
	char			 what[128];
	size_t			 i;
	int			 rc = RT_OK, error;

	assert(n <= WB_MAX_FIELDS);
	memset(got, 0, sizeof(got));
	wbd_defs(fields, n, defs, 1);
	for (i = 0; i < n && rc == RT_OK; i++) {
		if ((v = mem[i] = json_get(obj, defs[i].name)) == NULL)
			continue;
		if (v->type != JSON_STRING) {
			rc = wbd_bad_field(err, errlen, where, defs[i].name,
			    "not a string");
			break;
		}
		if (defs[i].kind == FIELD_BOOL) {
			if (v->len > 0 && strcmp(v->string, "1") != 0)
				rc = wbd_bad_field(err, errlen, where,
				    defs[i].name, "not \"1\" or \"\"");
		} else if (defs[i].kind == FIELD_MULTI) {
			for (seg = v->string; v->len > 0 && rc == RT_OK;
			    seg = end + 1) {
				if ((end = strchr(seg, ',')) == NULL)
					end = seg + strlen(seg);
				if (end == seg)
					rc = wbd_bad_field(err, errlen, where,
					    defs[i].name, "an empty value in "
					    "a list separated by ','");
				if (*end == '\0')
					break;
			}
		} else if (fields[i].widget == WB_REF && v->len > 0 &&
		    !wbd_is_id(v->string))
			rc = wbd_bad_field(err, errlen, where, defs[i].name,
			    "not an item id");
	}
	if (rc != RT_OK)
		return rc;
	for (i = 0; i < n; i++) {
		v = mem[i];
		error = FIELD_OK;
		if (defs[i].kind == FIELD_MULTI) {
			if ((rc = wbd_json_multi(&defs[i], v, &got[i],
			    &error)) != RT_OK)
				goto fail;
		} else if (v == NULL || v->len == 0)
			got[i] = strdup("");
		else if (defs[i].kind == FIELD_BOOL)
			got[i] = strdup("1");
		else if ((got[i] = malloc(v->len + 1)) != NULL) {
			memcpy(got[i], v->string, v->len + 1);
			form_check_value(&defs[i], got[i], v->len, &fv);
			if ((error = fv.error) == FIELD_OK &&
			    fv.text != got[i])
				memmove(got[i], fv.text, fv.len + 1);
		}
		if (error != FIELD_OK) {
			wbd_describe(&defs[i], error, what, sizeof(what));
			rc = wbd_bad_field(err, errlen, where, defs[i].name,
			    what);
			goto fail;
		}
		if (got[i] == NULL) {
			rc = RT_ENOMEM;
			goto fail;
		}
	}
	for (i = 0; i < n; i++) {
		free(values[i]);
		values[i] = got[i];
	}
	return RT_OK;
fail:
	for (i = 0; i < n; i++)
		free(got[i]);
	return rc;
}

/*
 * How a document is read: every value checked and normalised as a form
 * would, and copied (what comes from outside: an imported plan, a
 * revision being restored, a save), or only within the bounds the rest of
 * the program relies on, and taken out of the tree (what plan.c stored,
 * for a page that shows it).  See the comment on reading a stored
 * document below.
 */
enum wbd_mode {
	WBD_CHECK,	/* wbd_json_values() */
	WBD_STORED	/* wbd_stored_values() */
};

static int wbd_stored_values(const struct wb_field *, size_t, struct json *,
    char **, const char *, char *, size_t);

/*
 * Reads list number l of d from the JSON array arr, its values the way
 * mode says.  Each element must be an object with a well-formed "id"
 * that no earlier element has.  A fixed list keeps its fixed items: an
 * element fills the item with its id, and an element with an unknown id
 * is ignored (a platform that left the application does not make old
 * documents unreadable).  Any other list is replaced by the elements, in
 * order, at most wbd_max() of them; one made from another section's list
 * keeps what it reads (wb_data_sync_items() brings it in step later).
 * With WBD_CHECK, arr is not changed.  Returns RT_OK, RT_EINVAL with err
 * filled, or RT_ENOMEM; on failure d's list holds the items read so far.
 */
static int
wbd_read_list(struct wb_data *d, size_t l, struct json *arr,
    enum wbd_mode mode, char *err, size_t errlen)
{
	const struct wb_section_def	*sec = &wb_sections[d->section];
	const struct wb_list		*lst = &sec->lists[l];
	struct wb_list_data		*ld = &d->lists[l];
	struct json			*el;
	struct wb_item			*it;
	const char			*id, *prev;
	char				 where[256];
	size_t				 k, j, at, max = wbd_max(lst);
	int				 fixed = lst->fixed_ids != NULL, rc;

	if (arr->type != JSON_ARRAY) {
		if (errlen > 0)
			snprintf(err, errlen, "section \"%s\", list \"%s\": "
			    "not an array", sec->slug, lst->name);
		return RT_EINVAL;
	}
	if (!fixed) {
		if (arr->n > max) {
			if (errlen > 0)
				snprintf(err, errlen, "section \"%s\", list "
				    "\"%s\": more than %zu items", sec->slug,
				    lst->name, max);
			return RT_EINVAL;
		}
		wbd_items_free(ld->items, ld->n);
		ld->items = NULL;
		ld->n = 0;
		if (arr->n > 0 &&
		    (ld->items = calloc(arr->n, sizeof(*ld->items))) == NULL)
			return RT_ENOMEM;
	}
	for (k = 0; k < arr->n; k++) {
		el = &arr->items[k];
		id = json_get_string(el, "id");
		if (el->type != JSON_OBJECT || !wbd_is_id(id)) {
			if (errlen > 0)
				snprintf(err, errlen, "section \"%s\", list "
				    "\"%s\", item %zu: %s", sec->slug,
				    lst->name, k + 1, el->type != JSON_OBJECT ?
				    "not an object" : "no valid \"id\" (1 to "
				    "23 letters, digits, '_' or '-')");
			return RT_EINVAL;
		}
		for (j = 0; j < k; j++) {
			prev = json_get_string(&arr->items[j], "id");
			if (strcmp(prev, id) == 0) {
				if (errlen > 0)
					snprintf(err, errlen, "section \"%s\", "
					    "list \"%s\", item %zu: the id "
					    "\"%s\" is also item %zu's",
					    sec->slug, lst->name, k + 1, id,
					    j + 1);
				return RT_EINVAL;
			}
		}
		if (fixed) {
			if (!wbd_index(ld->items, ld->n, id, &at))
				continue;
			it = &ld->items[at];
		} else {
			it = &ld->items[ld->n++];
			wbd_set_id(it, id);
		}
		snprintf(where, sizeof(where), "section \"%s\", list \"%s\", "
		    "item %zu (\"%s\")", sec->slug, lst->name, k + 1, id);
		rc = mode == WBD_CHECK ?
		    wbd_json_values(lst->fields, lst->nfields, el, it->values,
		    where, err, errlen) :
		    wbd_stored_values(lst->fields, lst->nfields, el,
		    it->values, where, err, errlen);
		if (rc != RT_OK)
			return rc;
	}
	return RT_OK;
}

/*
 * Reads d, initialised for its section, from the object j of
 * wb_data_write_json(), its values the way mode says.  "fields" and
 * "lists" may be absent (their values stay as they are, "" after
 * wb_data_init()), and so may any field or list; members not declared
 * are ignored.  With WBD_CHECK, j is not changed.  err may be NULL when
 * errlen is 0.  Returns RT_OK, RT_EINVAL with one English line in err
 * naming the section, list, item and field, or RT_ENOMEM; on failure d
 * holds what was read so far, and the caller frees d either way.
 */
static int
wbd_read(struct wb_data *d, struct json *j, enum wbd_mode mode, char *err,
    size_t errlen)
{
	const struct wb_section_def	*sec;
	struct json			*fields, *lists, *arr;
	char				 where[64];
	size_t				 l;
	int				 rc;

	assert(d != NULL);
	assert(d->section >= 0 && d->section < WB__MAX);
	assert(err != NULL || errlen == 0);
	sec = &wb_sections[d->section];
	if (errlen > 0)
		err[0] = '\0';

	if (j == NULL || j->type != JSON_OBJECT) {
		if (errlen > 0)
			snprintf(err, errlen, "section \"%s\": the document "
			    "is not a JSON object", sec->slug);
		return RT_EINVAL;
	}
	fields = (struct json *)json_get(j, "fields");
	lists = (struct json *)json_get(j, "lists");
	if ((fields != NULL && fields->type != JSON_OBJECT) ||
	    (lists != NULL && lists->type != JSON_OBJECT)) {
		if (errlen > 0)
			snprintf(err, errlen, "section \"%s\": \"%s\" is not "
			    "an object", sec->slug, fields != NULL &&
			    fields->type != JSON_OBJECT ? "fields" : "lists");
		return RT_EINVAL;
	}
	if (fields != NULL) {
		snprintf(where, sizeof(where), "section \"%s\"", sec->slug);
		rc = mode == WBD_CHECK ?
		    wbd_json_values(sec->fields, sec->nfields, fields,
		    d->values, where, err, errlen) :
		    wbd_stored_values(sec->fields, sec->nfields, fields,
		    d->values, where, err, errlen);
		if (rc != RT_OK)
			return rc;
	}
	for (l = 0; l < sec->nlists; l++) {
		arr = (struct json *)json_get(lists, sec->lists[l].name);
		if (arr == NULL)
			continue;
		if ((rc = wbd_read_list(d, l, arr, mode, err, errlen)) != RT_OK)
			return rc;
	}
	return RT_OK;
}

/*
 * See workbook.h.  wbd_read() changes nothing in j with WBD_CHECK, which
 * makes casting its const away safe.
 */
int
wb_data_read_json(struct wb_data *d, const struct json *j, char *err,
    size_t errlen)
{
	return wbd_read(d, (struct json *)j, WBD_CHECK, err, errlen);
}

/*
 * Returns the value of the first pair of in named prefix + name, or NULL
 * (also when in is NULL).
 */
static const char *
wbd_lookup(const struct kvlist *in, const char *prefix, const char *name)
{
	size_t	 i, plen = strlen(prefix);

	for (i = 0; in != NULL && i < in->n; i++)
		if (strncmp(in->v[i].key, prefix, plen) == 0 &&
		    strcmp(in->v[i].key + plen, name) == 0)
			return in->v[i].val;
	return NULL;
}

/*
 * Returns the highest item number n (from 1) of the form names
 * "<name>-<n>-..." in in, or 0 when there is none.  n must be written
 * without leading zeros and be at most limit; other names (including
 * "<name>-0-x", "<name>-01-x", "<name>-99999999999999999999-x") are
 * ignored.
 */
static size_t
wbd_highest(const struct kvlist *in, const char *name, size_t limit)
{
	const char	*q;
	size_t		 i, n, hi = 0, nlen = strlen(name);

	for (i = 0; in != NULL && i < in->n; i++) {
		if (strncmp(in->v[i].key, name, nlen) != 0 ||
		    in->v[i].key[nlen] != '-')
			continue;
		q = in->v[i].key + nlen + 1;
		if (*q < '1' || *q > '9')
			continue;
		for (n = 0; *q >= '0' && *q <= '9' && n <= limit; q++)
			n = n * 10 + (size_t)(*q - '0');
		if (n <= limit && *q == '-' && n > hi)
			hi = n;
	}
	return hi;
}

/*
 * Moves the values of the pending item pd into it (whose old values are
 * freed), and marks pd kept; pd keeps its id and errors.
 */
static void
wbd_take(struct wb_item *it, struct wbd_pending *pd)
{
	size_t	 i;

	for (i = 0; i < WB_MAX_FIELDS; i++) {
		free(it->values[i]);
		it->values[i] = pd->it.values[i];
		pd->it.values[i] = NULL;
	}
	pd->keep = 1;
}

/*
 * Reads the item numbered n of list lst from in into pd, unless it is to
 * be left out: its remove box is ticked (for a list people edit), or it
 * is new (empty id) with nothing typed.  Sets *skip then.  The values are
 * validated (with the references checked against p) and stored, valid or
 * not, with their errors.  Returns RT_OK or RT_ENOMEM (pd then holds
 * values that the caller frees).
 */
static int
wbd_form_item(const struct wb_list *lst, size_t n, const struct kvlist *in,
    const struct wb_plan *p, struct wbd_pending *pd, int *skip)
{
	struct field_def	 defs[WB_MAX_FIELDS];
	struct form		 f;
	char			 prefix[128];
	const char		*id;
	size_t			 i;
	int			 rc, any = 0, locked;

	assert(strlen(lst->name) < sizeof(prefix) - 24);
	*skip = 1;
	memset(&f, 0, sizeof(f));
	snprintf(prefix, sizeof(prefix), "%s-%zu-", lst->name, n);
	locked = lst->fixed_ids != NULL || lst->items_from_section >= 0;
	if (!locked && wbd_lookup(in, prefix, "remove") != NULL)
		return RT_OK;
	if ((id = wbd_lookup(in, prefix, "id")) == NULL)
		id = "";
	wbd_defs(lst->fields, lst->nfields, defs, 0);
	if ((rc = form_validate_prefix(&f, defs, lst->nfields, in, prefix)) !=
	    RT_OK)
		goto out;
	for (i = 0; i < lst->nfields; i++)
		any |= f.values[i].present;
	if (!any && id[0] == '\0')
		goto out;
	*skip = 0;
	if (wbd_is_id(id))
		wbd_set_id(&pd->it, id);
	for (i = 0; i < lst->nfields; i++) {
		pd->err[i] = f.values[i].error;
		if (pd->err[i] == FIELD_OK)
			pd->err[i] = wbd_ref_check(&lst->fields[i],
			    f.values[i].text, p);
		if ((rc = wbd_set(&pd->it.values[i],
		    wbd_stored(&lst->fields[i], &f.values[i]))) != RT_OK)
			goto out;
	}
out:
	form_free(&f);
	return rc;
}

/*
 * Reads list number l of d from the form in: the items numbered 1 to the
 * highest number sent (at most wbd_max() + WBD_SCAN_EXTRA), in that order,
 * each as wbd_form_item() reads it.  Then:
 *   - a fixed list gives each item read to the fixed item with its id;
 *     items with another id, or an id already given, are ignored;
 *   - a list made from another section's list keeps the items whose id
 *     that list has, and is brought in step with it (wbd_sync_list());
 *   - any other list keeps every item in form order; an id repeated in
 *     the form, malformed or empty gets a fresh one (wbd_fresh_id()); more
 *     items than wbd_max() is FIELD_ERANGE on the list, with item the
 *     first one too many and field -1, and all the items stay.
 * The field errors of the items kept then go to errs, with item the
 * item's place (from 1) in d's list, which is its place in the form when
 * shown again.  Returns RT_OK or RT_ENOMEM (d's list may then be any
 * mixture of old and new; the caller frees d).
 */
static int
wbd_form_list(struct wb_data *d, size_t l, const struct kvlist *in,
    const struct wb_plan *p, struct wb_errors *errs)
{
	const struct wb_list	*lst = &wb_sections[d->section].lists[l];
	struct wb_list_data	*ld = &d->lists[l];
	const struct wb_list_data *src;
	struct wbd_pending	*pend = NULL, *pd;
	struct wb_item		*items;
	size_t			 max = wbd_max(lst), hi, np = 0, n, i, k, at;
	int			 rc = RT_OK, skip;

	hi = wbd_highest(in, lst->name, max + WBD_SCAN_EXTRA);
	if (hi > 0 && (pend = calloc(hi, sizeof(*pend))) == NULL)
		return RT_ENOMEM;
	for (n = 1; n <= hi; n++) {
		if ((rc = wbd_form_item(lst, n, in, p, &pend[np], &skip)) !=
		    RT_OK) {
			np++;
			goto out;
		}
		if (!skip)
			np++;
	}

	if (lst->fixed_ids != NULL) {
		assert(ld->n == wbd_nfixed(lst));
		for (i = 0; i < np; i++) {
			pd = &pend[i];
			if (!wbd_index(ld->items, ld->n, pd->it.id, &at))
				continue;
			for (k = 0; k < i; k++)
				if (pend[k].keep &&
				    strcmp(pend[k].it.id, pd->it.id) == 0)
					break;
			if (k == i)
				wbd_take(&ld->items[at], pd);
		}
	} else if (lst->items_from_section >= 0) {
		src = wbd_source(p, lst);
		if ((items = calloc(np > 0 ? np : 1, sizeof(*items))) == NULL) {
			rc = RT_ENOMEM;
			goto out;
		}
		wbd_items_free(ld->items, ld->n);
		ld->items = items;
		ld->n = 0;
		for (i = 0; i < np; i++) {
			pd = &pend[i];
			if (!wbd_index(src->items, src->n, pd->it.id, NULL) ||
			    wbd_index(ld->items, ld->n, pd->it.id, NULL))
				continue;
			wbd_set_id(&ld->items[ld->n], pd->it.id);
			wbd_take(&ld->items[ld->n++], pd);
		}
		if ((rc = wbd_sync_list(d, l, src)) != RT_OK)
			goto out;
	} else {
		for (i = 0; i < np; i++)
			for (k = 0; k < i; k++)
				if (strcmp(pend[k].it.id, pend[i].it.id) == 0) {
					pend[i].it.id[0] = '\0';
					break;
				}
		for (i = 0; i < np; i++)
			if (pend[i].it.id[0] == '\0')
				wbd_fresh_id(lst->name[0], pend, np,
				    &p->s[d->section].lists[l], pend[i].it.id);
		if ((items = calloc(np > 0 ? np : 1, sizeof(*items))) == NULL) {
			rc = RT_ENOMEM;
			goto out;
		}
		wbd_items_free(ld->items, ld->n);
		ld->items = items;
		ld->n = np;
		for (i = 0; i < np; i++) {
			wbd_set_id(&items[i], pend[i].it.id);
			wbd_take(&items[i], &pend[i]);
		}
		if (np > max)
			wbd_error(errs, (int)l, max + 1, -1, FIELD_ERANGE);
	}

	for (k = 0; k < ld->n; k++)
		for (i = 0; i < np; i++) {
			if (!pend[i].keep ||
			    strcmp(pend[i].it.id, ld->items[k].id) != 0)
				continue;
			for (n = 0; n < lst->nfields; n++)
				if (pend[i].err[n] != FIELD_OK)
					wbd_error(errs, (int)l, k + 1, (int)n,
					    pend[i].err[n]);
			break;
		}
out:
	for (i = 0; i < np; i++)
		wbd_item_clear(&pend[i].it);
	free(pend);
	return rc;
}

/*
 * Reads d (initialised for its section, so that fixed lists hold their
 * fixed items: asserted) from the submitted form in (NULL: nothing sent):
 * the section's fields by their names, then each list (wbd_form_list()).
 * Every value is kept, valid or not; the references (WB_REF, WB_REFS) are
 * checked against p, which callers always give.  errs is emptied first,
 * then gets the section's field errors (list -1, item 0) in declaration
 * order, then each list's, at most WB_MAX_ERRORS.  Returns RT_OK (look at
 * errs->n) or RT_ENOMEM; the caller frees d either way.
 */
int
wb_data_from_form(struct wb_data *d, const struct kvlist *in,
    const struct wb_plan *p, struct wb_errors *errs)
{
	const struct wb_section_def	*sec;
	struct field_def		 defs[WB_MAX_FIELDS];
	struct form			 f;
	size_t				 i, l;
	int				 rc, error;

	assert(d != NULL && p != NULL && errs != NULL);
	assert(d->section >= 0 && d->section < WB__MAX);
	sec = &wb_sections[d->section];
	errs->n = 0;
	memset(&f, 0, sizeof(f));

	wbd_defs(sec->fields, sec->nfields, defs, 0);
	if ((rc = form_validate(&f, defs, sec->nfields, in, 0)) != RT_OK)
		goto out;
	for (i = 0; i < sec->nfields; i++) {
		error = f.values[i].error;
		if (error == FIELD_OK)
			error = wbd_ref_check(&sec->fields[i],
			    f.values[i].text, p);
		if (error != FIELD_OK)
			wbd_error(errs, -1, 0, (int)i, error);
		if ((rc = wbd_set(&d->values[i], wbd_stored(&sec->fields[i],
		    &f.values[i]))) != RT_OK)
			goto out;
	}
	for (l = 0; l < sec->nlists; l++)
		if ((rc = wbd_form_list(d, l, in, p, errs)) != RT_OK)
			goto out;
out:
	form_free(&f);
	return rc;
}

/*
 * Keeps in the reference value *value (one id, or ids joined by ',') only
 * the ids that the list it points at holds in p.  Returns 1 when the value
 * changed, 0 when not, -1 when memory ran out (the value is then kept).
 */
static int
wbd_prune_value(const struct wb_field *fl, char **value,
    const struct wb_plan *p)
{
	const struct wb_list_data *target;
	char *kept, *copy, *tok, *save = NULL;
	size_t used = 0;
	int changed = 0;

	if (fl->widget != WB_REF && fl->widget != WB_REFS)
		return 0;
	if (*value == NULL || (*value)[0] == '\0')
		return 0;
	if (fl->ref_section < 0 || fl->ref_section >= WB__MAX ||
	    fl->ref_list < 0 || fl->ref_list >= WB_MAX_LISTS)
		return 0;
	target = &p->s[fl->ref_section].lists[fl->ref_list];
	if ((kept = malloc(strlen(*value) + 1)) == NULL)
		return -1;
	if ((copy = strdup(*value)) == NULL) {
		free(kept);
		return -1;
	}
	kept[0] = '\0';
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (!wbd_index(target->items, target->n, tok, NULL)) {
			changed = 1;
			continue;
		}
		used += (size_t)sprintf(kept + used, "%s%s", used ? "," : "",
		    tok);
	}
	free(copy);
	if (!changed) {
		free(kept);
		return 0;
	}
	free(*value);
	*value = kept;
	return 1;
}

/*
 * Returns 1 when the reference value value of field fl holds an id that
 * the list it points at does not hold in p: when wbd_prune_value() would
 * change it.  Returns 0 otherwise, also for a field that is no reference.
 * Nothing is allocated.
 */
static int
wbd_dangles(const struct wb_field *fl, const char *value,
    const struct wb_plan *p)
{
	const struct wb_list_data *target;
	const char *seg, *end;
	size_t i, len;
	int found;

	if (fl->widget != WB_REF && fl->widget != WB_REFS)
		return 0;
	if (value == NULL || value[0] == '\0')
		return 0;
	if (fl->ref_section < 0 || fl->ref_section >= WB__MAX ||
	    fl->ref_list < 0 || fl->ref_list >= WB_MAX_LISTS)
		return 0;
	target = &p->s[fl->ref_section].lists[fl->ref_list];
	/* The ids are separated by ','; empty pieces are skipped, as strtok_r() does. */
	for (seg = value; *seg != '\0'; seg = *end == '\0' ? end : end + 1) {
		if ((end = strchr(seg, ',')) == NULL)
			end = seg + strlen(seg);
		if ((len = (size_t)(end - seg)) == 0)
			continue;
		for (found = 0, i = 0; i < target->n && !found; i++)
			found = strlen(target->items[i].id) == len &&
			    memcmp(target->items[i].id, seg, len) == 0;
		if (!found)
			return 1;
	}
	return 0;
}

/*
 * See workbook.h.  Each reference field of the section's own fields and
 * of every item is looked at with wbd_dangles().
 */
int
wb_data_refs_dangle(const struct wb_data *d, const struct wb_plan *p)
{
	const struct wb_section_def *sec;
	size_t f, l, i;

	assert(d != NULL && p != NULL);
	assert(d->section >= 0 && d->section < WB__MAX);
	sec = &wb_sections[d->section];
	for (f = 0; f < sec->nfields; f++)
		if (wbd_dangles(&sec->fields[f], d->values[f], p))
			return 1;
	for (l = 0; l < sec->nlists; l++)
		for (i = 0; i < d->lists[l].n; i++)
			for (f = 0; f < sec->lists[l].nfields; f++)
				if (wbd_dangles(&sec->lists[l].fields[f],
				    d->lists[l].items[i].values[f], p))
					return 1;
	return 0;
}

/*
 * See workbook.h.  Each reference field of the section's own fields and
 * of every item is filtered with wbd_prune_value().
 */
int
wb_data_prune_refs(struct wb_data *d, const struct wb_plan *p)
{
	const struct wb_section_def *sec;
	size_t f, l, i;
	int changed = 0, rc;

	assert(d != NULL && p != NULL);
	assert(d->section >= 0 && d->section < WB__MAX);
	sec = &wb_sections[d->section];
	for (f = 0; f < sec->nfields; f++) {
		if ((rc = wbd_prune_value(&sec->fields[f], &d->values[f], p)) < 0)
			return -1;
		changed |= rc;
	}
	for (l = 0; l < sec->nlists; l++)
		for (i = 0; i < d->lists[l].n; i++)
			for (f = 0; f < sec->lists[l].nfields; f++) {
				rc = wbd_prune_value(&sec->lists[l].fields[f],
				    &d->lists[l].items[i].values[f], p);
				if (rc < 0)
					return -1;
				changed |= rc;
			}
	return changed;
}

/*
 * Reading a stored document.  What plan.c stored was checked by
 * wbd_json_values() or by a form on its way in, and written by
 * wb_data_write_json() from the normalised values, so checking and
 * normalising it again would give back the very same strings: the pages
 * that only show a plan read it through wb_data_read_stored(), which
 * keeps only the checks that the rest of the program relies on to stay
 * within bounds (every value a string, a text no longer than four bytes
 * per character its field allows, a checkbox "" or "1", a well-formed id
 * per item, unique in a list people add to, no more items than the list
 * takes) and takes each string out of the tree instead of copying it.
 */

/*
 * Takes the values of fields[0..n) out of the members of the JSON object
 * obj into values[] (each NULL or malloc'd, replaced): an absent member
 * leaves the value as it is, or makes it "" when it is NULL (a new
 * item); a present one must be a string, for a FIELD_LINE or FIELD_TEXT
 * with a maximum no longer than four bytes per character allowed, for a
 * FIELD_BOOL "" or "1".  A member taken is left holding NULL.  where
 * names the object for the message.  Returns RT_OK, RT_EINVAL with err
 * filled, or RT_ENOMEM; on failure some values may have been replaced.
 */
static int
wbd_stored_values(const struct wb_field *fields, size_t n, struct json *obj,
    char **values, const char *where, char *err, size_t errlen)
{
	struct json	*v;
	size_t		 i;

	for (i = 0; i < n; i++) {
		v = (struct json *)json_get(obj, fields[i].def.name);
		if (v == NULL) {
			if (values[i] == NULL &&
			    wbd_set(&values[i], "") != RT_OK)
				return RT_ENOMEM;
			continue;
		}
		if (v->type != JSON_STRING || v->string == NULL)
			return wbd_bad_field(err, errlen, where,
			    fields[i].def.name, "not a string");
		if ((fields[i].def.kind == FIELD_LINE ||
		    fields[i].def.kind == FIELD_TEXT) &&
		    fields[i].def.max > 0 && (unsigned long long)v->len >
		    4ULL * (unsigned long long)fields[i].def.max)
			return wbd_bad_field(err, errlen, where,
			    fields[i].def.name, "far too long");
		if (fields[i].def.kind == FIELD_BOOL && v->len > 0 &&
		    strcmp(v->string, "1") != 0)
			return wbd_bad_field(err, errlen, where,
			    fields[i].def.name, "not \"1\" or \"\"");
		free(values[i]);
		values[i] = v->string;
		v->string = NULL;
		v->len = 0;
	}
	return RT_OK;
}

/* See workbook.h, and the comment on reading a stored document above. */
int
wb_data_read_stored(struct wb_data *d, struct json *j, char *err,
    size_t errlen)
{
	return wbd_read(d, j, WBD_STORED, err, errlen);
}
