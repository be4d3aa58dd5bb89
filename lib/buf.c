/*
 * buf.c: a growable byte buffer, always NUL-terminated (see buf.h).
 */
#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "status.h"

/*
 * Makes room for extra more bytes plus the NUL.  The capacity at least
 * doubles, so n appends cost O(n) in total; the first allocation is 64
 * bytes.  A size that would overflow size_t gives RT_ENOMEM without trying
 * to allocate.  On failure the buffer is untouched.  extra may be 0, which
 * still guarantees that data is allocated (so that it can hold the NUL).
 */
static int
buf_grow(struct buf *b, size_t extra)
{
	size_t	 need, ncap;
	char	*p;

	assert(b != NULL);
	assert(b->len <= b->cap);
	if (extra > SIZE_MAX - 1 - b->len)
		return RT_ENOMEM;
	need = b->len + extra + 1;
	if (b->data != NULL && need <= b->cap)
		return RT_OK;
	ncap = b->cap < 64 ? 64 : b->cap;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2) {
			ncap = need;
			break;
		}
		ncap *= 2;
	}
	if ((p = realloc(b->data, ncap)) == NULL)
		return RT_ENOMEM;
	b->data = p;
	b->cap = ncap;
	return RT_OK;
}

/*
 * Appends len bytes of p, which may hold NUL bytes (buf_str() then shows
 * only the part before the first one).  len 0 is a no-op that allocates
 * nothing; p may then be NULL.  Returns RT_OK or RT_ENOMEM, and on failure
 * the buffer keeps its content.
 */
int
buf_append(struct buf *b, const void *p, size_t len)
{
	int	 rc;

	assert(b != NULL);
	assert(p != NULL || len == 0);
	if (len == 0)
		return RT_OK;
	if ((rc = buf_grow(b, len)) != RT_OK)
		return rc;
	memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
	return RT_OK;
}

/*
 * Appends the NUL-terminated string s (asserted non-NULL).  The empty string
 * is a no-op.  Returns RT_OK or RT_ENOMEM (buffer unchanged).
 */
int
buf_puts(struct buf *b, const char *s)
{
	assert(s != NULL);
	return buf_append(b, s, strlen(s));
}

/*
 * Appends printf-style output.  The output is formatted straight into the
 * free space when it fits; otherwise the buffer grows once to the exact size
 * and the output is formatted again.  An output error of vsnprintf (for
 * instance an invalid wide character) gives RT_ENOMEM too, as the only
 * status buf.h promises; in every failure case the buffer keeps its
 * previous content (the NUL is put back after a partial write).
 */
int
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n, rc;
	size_t	 avail;

	assert(b != NULL);
	assert(fmt != NULL);
	if ((rc = buf_grow(b, 0)) != RT_OK)
		return rc;
	avail = b->cap - b->len;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, avail, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->data[b->len] = '\0';
		return RT_ENOMEM;
	}
	if ((size_t)n >= avail) {
		b->data[b->len] = '\0';
		if ((rc = buf_grow(b, (size_t)n)) != RT_OK)
			return rc;
		va_start(ap, fmt);
		n = vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
		if (n < 0) {
			b->data[b->len] = '\0';
			return RT_ENOMEM;
		}
	}
	b->len += (size_t)n;
	return RT_OK;
}

/*
 * Empties the buffer but keeps its memory for the next appends.  A buffer
 * that was never allocated stays so.
 */
void
buf_reset(struct buf *b)
{
	assert(b != NULL);
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/*
 * Frees the memory and leaves a zeroed, empty buffer that can be used
 * again.  Freeing twice is harmless.
 */
void
buf_free(struct buf *b)
{
	assert(b != NULL);
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

/*
 * Returns the content, or "" (a static string the caller must not modify)
 * when nothing was ever allocated.  The pointer is valid until the next
 * append, reset or free.
 */
const char *
buf_str(const struct buf *b)
{
	assert(b != NULL);
	return b->data != NULL ? b->data : "";
}
