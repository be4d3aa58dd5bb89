/*
 * buf.h: a growable byte buffer, always NUL-terminated.
 *
 * A zeroed struct buf is a valid empty buffer.  The owner frees it with
 * buf_free(); after a failed append the buffer keeps its previous content.
 */
#ifndef RESEAUTER_BUF_H
#define RESEAUTER_BUF_H

#include <stddef.h>

struct buf {
	char   *data;   /* NUL-terminated content, NULL while empty */
	size_t  len;    /* bytes used, without the NUL */
	size_t  cap;    /* bytes allocated */
};

/* Appends len bytes.  Returns RT_OK or RT_ENOMEM (buffer unchanged). */
int buf_append(struct buf *b, const void *p, size_t len);

/* Appends a NUL-terminated string.  Returns RT_OK or RT_ENOMEM. */
int buf_puts(struct buf *b, const char *s);

/* Appends printf-style output.  Returns RT_OK or RT_ENOMEM. */
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Empties the buffer but keeps its memory. */
void buf_reset(struct buf *b);

/* Frees the memory and leaves an empty buffer. */
void buf_free(struct buf *b);

/* Returns the content (never NULL: "" when empty). */
const char *buf_str(const struct buf *b);

#endif
