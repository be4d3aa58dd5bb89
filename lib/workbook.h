/*
 * workbook.h: the sections of the workbook, their fields, and their content.
 *
 * The whole workbook is declared once, in workbook.c: each section, its
 * fields (name, kind, bounds, label, hint), its lists of items (personas,
 * accounts, sample posts...), and the guidance it shows.  Forms, storage,
 * completion, the summary and the export all read these declarations; no
 * other file lists the fields of a section.
 *
 * A section's content (struct wb_data) holds one string per field, and for
 * each list its items, each with a stable id and one string per field.
 * Every string is UTF-8, never NULL once loaded ("" when empty).  A
 * FIELD_MULTI value is a comma-separated list of keys or item ids.
 *
 * In a form, a section's own fields keep their names; the fields of the
 * nth item (from 1) of list L are named "L-n-field", with "L-n-id" holding
 * the item's id (empty for a new item) and "L-n-remove" a checkbox that
 * deletes it.
 */
#ifndef RESEAUTER_WORKBOOK_H
#define RESEAUTER_WORKBOOK_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "form.h"
#include "http.h"
#include "json.h"

#define WB_MAX_FIELDS  16   /* fields of a section, or of a list's items */
#define WB_MAX_LISTS   2    /* lists of a section */
#define WB_LIST_MAX    40   /* items of a list, when its own max is 0 */
#define WB_ID_MAX      24   /* bytes of an item id, NUL included */

enum wb_section {
	WB_START = 0,     /* starting point: what the organisation has and can give */
	WB_ACCOUNTS,      /* registry of the organisation's accounts */
	WB_MISSION,       /* mission: three sentences */
	WB_OBJECTIVES,    /* up to three objectives */
	WB_STORY,         /* our story, values, pitches */
	WB_TONE,          /* culture and tone */
	WB_AUDIENCES,     /* audience groups and personas */
	WB_PLATFORMS,     /* the platforms chosen, with hours and posts */
	WB_RESOURCES,     /* passive (curation) to active (creation) */
	WB_PRACTICES,     /* the eight content practices */
	WB_POSTS,         /* sample posts */
	WB_TEAM,          /* who is responsible, listening, rules */
	WB_EVALUATION,    /* the review of each objective */
	WB_EVENTS,        /* event campaigns (optional) */
	WB__MAX
};

/* The kinds of objective, as stable keys stored in plans. */
enum wb_objective_kind {
	OBJ_KIND_ACTIVITY = 0,   /* make our activity known */
	OBJ_KIND_IMPACT,         /* make our impact known */
	OBJ_KIND_AUDIENCES,      /* reach specific audiences */
	OBJ_KIND_NETWORKS,       /* join networks of organisations with the same mission */
	OBJ_KIND_TEST_IDEAS,     /* test ideas, consult */
	OBJ_KIND_EVALUATE,       /* evaluate activities */
	OBJ_KIND_RECRUIT_STAFF,  /* recruit staff */
	OBJ_KIND_DOCUMENT,       /* document experiences, in writing and photos */
	OBJ_KIND_WEBSITE,        /* an alternative to a traditional website */
	OBJ_KIND_SELL,           /* sell products or services */
	OBJ_KIND_EVENTS,         /* promote events and manage registrations */
	OBJ_KIND_MOBILISE,       /* mobilise citizens */
	OBJ_KIND_FUNDRAISE,      /* raise funds */
	OBJ_KIND_VOLUNTEERS,     /* recruit volunteers */
	OBJ_KIND__MAX
};
#define WB_OBJECTIVE_KINDS OBJ_KIND__MAX

/* The keys of the kinds ("activity"...), then NULL. */
extern const char *const wb_objective_kind_keys[WB_OBJECTIVE_KINDS + 1];

/* Their English labels (message ids), then NULL. */
extern const char *const wb_objective_kind_labels[WB_OBJECTIVE_KINDS + 1];

/* How a field is shown in a form. */
enum wb_widget {
	WB_LINE = 0,      /* one-line text input */
	WB_TEXT,          /* a textarea */
	WB_NUMBER,        /* a number input (FIELD_INT or FIELD_DECIMAL) */
	WB_DATE,          /* a date input (FIELD_DATE) */
	WB_SELECT,        /* a menu over def.choices (FIELD_CHOICE) */
	WB_SCALE,         /* radio buttons 1..5 between two poles (FIELD_INT 1..5) */
	WB_CHECKS,        /* checkboxes over def.choices (FIELD_MULTI) */
	WB_CHECKBOX,      /* one checkbox (FIELD_BOOL) */
	WB_REF,           /* a menu over the items of another list (FIELD_LINE holding an id) */
	WB_REFS,          /* checkboxes over the items of another list (FIELD_MULTI, choices NULL) */
	WB_COUNTED        /* a textarea with a live character counter (a pitch, a post) */
};

struct wb_field {
	struct field_def   def;           /* name, kind, required, bounds, choices, label */
	enum wb_widget     widget;
	const char        *hint;          /* message id shown under the label, or NULL */
	const char *const *choice_labels; /* SELECT, CHECKS: message ids parallel to def.choices;
	                                   * SCALE: the two poles' message ids */
	int                ref_section;   /* REF, REFS: the section whose list items are the choices */
	int                ref_list;      /* REF, REFS: the index of that list */
	int                weight;        /* 1 when it counts toward the section's completion */
	int                team_only;     /* 1 when only the team sees it (how to get into the
	                                   * organisation's accounts): never through a share link */
};

struct wb_list {
	const char            *name;         /* "persona": form names "persona-<n>-<field>" */
	const char            *item_title;   /* message id with one %d ("Persona %d") */
	const char            *add_label;    /* message id of the button that adds an item, NULL when fixed */
	const struct wb_field *fields;
	size_t                 nfields;
	size_t                 max_items;    /* 0 means WB_LIST_MAX */
	const char            *name_field;   /* the field that names an item (in menus, cards), or NULL */
	const char *const     *fixed_ids;    /* NULL-terminated ids of fixed items (platforms,
	                                      * practices), or NULL for items people add */
	const char *const     *fixed_titles; /* message ids of the fixed items' titles */
	int                    items_from_section; /* one item per item of that section's list */
	int                    items_from_list;    /* (evaluation: one per objective); -1 if not */
	const char            *title;        /* message id of the list's heading, or NULL */
};

struct wb_section_def {
	const char            *slug;     /* "story": the URL /o/<id>/story and the key in the database */
	const char            *title;    /* message id */
	const char            *summary;  /* message id: what the section is for, in one sentence */
	const char *const     *guide;    /* NULL-terminated message ids of the guidance paragraphs */
	const struct wb_field *fields;
	size_t                 nfields;
	const struct wb_list  *lists;
	size_t                 nlists;
	int                    optional; /* left out of the overall completion */
};

/* The declarations, in the order of the workbook. */
extern const struct wb_section_def wb_sections[WB__MAX];

/* The section whose slug is slug, or -1. */
int wb_section_by_slug(const char *slug);

/* The index of field name in fields[0..n), or -1. */
int wb_field_index(const struct wb_field *fields, size_t n, const char *name);

/* One item of a list: its id and one string per field of the list. */
struct wb_item {
	char  id[WB_ID_MAX];
	char *values[WB_MAX_FIELDS];
};

struct wb_list_data {
	struct wb_item *items;
	size_t          n;
};

/* Who saved a section last, and when; version 0 means never saved. */
struct wb_stamp {
	int64_t version;
	int64_t updated_at;        /* unix time, 0 if never */
	char    updated_by[512];   /* the person's name, "" if never */
};

/* The content of one section. */
struct wb_data {
	int                 section;                 /* enum wb_section */
	char               *values[WB_MAX_FIELDS];   /* one per declared field */
	struct wb_list_data lists[WB_MAX_LISTS];     /* one per declared list */
	struct wb_stamp     stamp;
};

/* The content of every section of a plan. */
struct wb_plan {
	struct wb_data s[WB__MAX];
};

/*
 * Makes d an empty section: every value "", and the fixed items of fixed
 * lists present with empty values.  Returns RT_OK or RT_ENOMEM; free with
 * wb_data_free() in either case.
 */
int wb_data_init(struct wb_data *d, int section);

/* Frees every string and item of d and zeroes it (the section stays). */
void wb_data_free(struct wb_data *d);

/* Frees every section of p. */
void wb_plan_free(struct wb_plan *p);

/*
 * Empties, in place, every value of p whose field is team_only, for the
 * plan file a share link hands out (pages and the PDF leave those fields
 * out as they show the rest).
 */
void wb_plan_hide_team_only(struct wb_plan *p);

/* The value of field name of d's section ("" when the field is not declared). */
const char *wb_value(const struct wb_data *d, const char *name);

/* The value of field name of item it of list (index) of d's section. */
const char *wb_item_value(const struct wb_data *d, size_t list,
    const struct wb_item *it, const char *name);

/* The item of list (index) of d with this id, or NULL. */
const struct wb_item *wb_item_find(const struct wb_data *d, size_t list,
    const char *id);

/*
 * The items that list (index) of section must have, for a list with
 * items_from_section: the ids of the items of that other section in p.
 * Makes d's list match them (adding empty items, dropping items whose
 * source is gone, in the source's order).  Returns RT_OK or RT_ENOMEM.
 */
int wb_data_sync_items(struct wb_data *d, const struct wb_plan *p);

/*
 * Appends a new item with a fresh id and every value "" to list (index) of
 * d, unless the list is fixed, made from another section, or full.
 * Returns RT_OK with *out pointing at the item (owned by d), RT_ETOOBIG
 * when the list is full or cannot grow, or RT_ENOMEM.
 */
int wb_list_append(struct wb_data *d, size_t list, struct wb_item **out);

/*
 * Drops from d's reference fields (REF, REFS) every id that the list they
 * point at no longer holds in p, as when an objective or a persona was
 * removed.  Returns 1 when something was dropped, 0 when nothing was, -1
 * when memory ran out (d is then unchanged or partly pruned, still valid).
 */
int wb_data_prune_refs(struct wb_data *d, const struct wb_plan *p);

/*
 * Returns 1 when wb_data_prune_refs() would drop something from d (a
 * reference to an item that p no longer holds), 0 when not; d is not
 * changed and nothing is allocated.
 */
int wb_data_refs_dangle(const struct wb_data *d, const struct wb_plan *p);

/*
 * Writes d as a JSON object into w:
 *   {"fields": {"<name>": "<value>", ...},
 *    "lists": {"<list>": [{"id": "<id>", "<field>": "<value>", ...}, ...]}}
 * with every declared field, in declaration order, empty ones included.
 */
void wb_data_write_json(const struct wb_data *d, struct json_writer *w);

/*
 * Reads d (initialised for its section) from a JSON object of the form
 * above.  Unknown keys are ignored, missing fields stay "", values longer
 * than declared are refused.  Returns RT_OK, RT_EINVAL with an English
 * line in err (which field of which item is wrong), or RT_ENOMEM.  On
 * failure d holds what was read so far; the caller frees it either way.
 */
int wb_data_read_json(struct wb_data *d, const struct json *j, char *err,
    size_t errlen);

/*
 * Reads d (initialised for its section) from a document this program
 * stored (plan.c), for a page that only shows it: the values were checked
 * and normalised when saved, so they are not checked again, only kept
 * within bounds (see wbdata.c); each string is taken out of j (left
 * holding NULL there) rather than copied.  On what wb_data_write_json()
 * wrote from checked values it gives the same d as wb_data_read_json().
 * Returns and frees as wb_data_read_json(); j is still the caller's to
 * free.
 */
int wb_data_read_stored(struct wb_data *d, struct json *j, char *err,
    size_t errlen);

/* One error found in a form: where, and which enum field_error. */
struct wb_error {
	int    list;     /* -1 for the section's own fields, else the list index */
	size_t item;     /* the item's position in the form (from 1), when list >= 0 */
	int    field;    /* index of the field in its declaration */
	int    error;    /* enum field_error */
};

#define WB_MAX_ERRORS 64

struct wb_errors {
	struct wb_error e[WB_MAX_ERRORS];
	size_t          n;
};

/*
 * Reads a section from a submitted form into d (initialised for its
 * section), validating every field against its declaration.  Items whose
 * remove box is ticked are dropped; a new item with nothing typed is
 * ignored; a new item gets a fresh id not used in the list.  A reference
 * (REF, REFS) to an item that p does not have is refused as FIELD_ECHOICE.
 * Errors go to errs; d keeps every value typed, valid or not, so that the
 * form can be shown again.  Returns RT_OK (look at errs->n) or RT_ENOMEM.
 */
int wb_data_from_form(struct wb_data *d, const struct kvlist *in,
    const struct wb_plan *p, struct wb_errors *errs);

/* An example persona of the workbook (a fictional housing committee). */
struct wb_example_persona {
	const char *name;        /* message ids, in the fields' order of the persona list */
	const char *values[WB_MAX_FIELDS];
};

#define WB_EXAMPLE_PERSONAS 3
extern const struct wb_example_persona wb_example_personas[WB_EXAMPLE_PERSONAS];

#endif
