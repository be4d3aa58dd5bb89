/*
 * json.h: reading and writing JSON, for the plan's section documents, the
 * export and the import.
 *
 * The reader builds a tree and refuses anything RFC 8259 refuses, plus a
 * NUL inside a string, invalid UTF-8, lone surrogate escapes, and nesting
 * deeper than asked.  The writer produces one canonical form (keys in the
 * order written, two-space indentation, only the escapes JSON requires),
 * so that writing what was read gives the same bytes.
 */
#ifndef RESEAUTER_JSON_H
#define RESEAUTER_JSON_H

#include <stddef.h>
#include "buf.h"

#define JSON_MAX_DEPTH 32

enum json_type {
	JSON_NULL = 0,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT
};

struct json {
	enum json_type  type;
	int             boolean;  /* JSON_BOOL */
	double          number;   /* JSON_NUMBER */
	char           *string;   /* JSON_STRING: NUL-terminated UTF-8, no NUL inside */
	size_t          len;      /* JSON_STRING: bytes without the NUL */
	struct json    *items;    /* ARRAY: the elements; OBJECT: the values */
	char          **keys;     /* OBJECT: the n keys, in document order */
	size_t          n;        /* ARRAY/OBJECT: number of items */
};

/*
 * Parses s[0..len) whole (only white space may follow the value), nesting
 * at most max_depth (<= JSON_MAX_DEPTH) arrays and objects.  On RT_OK *out
 * is a tree freed with json_free().  On RT_EINVAL or RT_EUTF8 err holds an
 * English line saying where ("line 3, column 14: expected ':'"); RT_ENOMEM
 * when memory ran out.  Nothing is allocated on failure.
 */
int json_parse(const char *s, size_t len, size_t max_depth,
    struct json **out, char *err, size_t errlen);

/* Frees a tree of json_parse(); NULL is allowed. */
void json_free(struct json *j);

/* The value of key in object obj (the first one if repeated), or NULL (also when obj is not an object). */
const struct json *json_get(const struct json *obj, const char *key);

/* The string value of key in obj, or NULL when absent or not a string. */
const char *json_get_string(const struct json *obj, const char *key);

/*
 * A writer appends to a buffer.  Calls nest like the document; a value in
 * an object must follow jw_key().  Errors are remembered and reported once
 * by jw_finish(), so that a caller writes the whole document and checks
 * one status.
 */
struct json_writer {
	struct buf *out;
	int         depth;
	int         count[JSON_MAX_DEPTH + 1];  /* values written at each level */
	int         in_object[JSON_MAX_DEPTH + 1];
	int         after_key;
	int         status;     /* the first error, RT_OK while none */
};

void jw_init(struct json_writer *w, struct buf *out);
void jw_object_begin(struct json_writer *w);
void jw_object_end(struct json_writer *w);
void jw_array_begin(struct json_writer *w);
void jw_array_end(struct json_writer *w);
void jw_key(struct json_writer *w, const char *key);
void jw_string(struct json_writer *w, const char *s);
void jw_int(struct json_writer *w, long long v);
void jw_bool(struct json_writer *w, int v);
void jw_null(struct json_writer *w);

/*
 * Ends the document: appends a final newline.  Returns RT_OK, RT_ENOMEM,
 * or RT_EINVAL when the calls did not nest (a value without a key in an
 * object, an unclosed array, a string that is not valid UTF-8...).
 */
int jw_finish(struct json_writer *w);

#endif
