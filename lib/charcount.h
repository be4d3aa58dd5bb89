/*
 * charcount.h: counting a post's characters the way each platform does.
 *
 * The server counts with these functions and warns, but always saves;
 * static/charcount.js counts the same way while the person types (the C
 * and Node tests both run tests/charcount/cases.txt, so they cannot drift
 * apart).  charcount.c's opening comment says exactly what is counted.
 */
#ifndef RESEAUTER_CHARCOUNT_H
#define RESEAUTER_CHARCOUNT_H

#include <stddef.h>

struct charcount {
	size_t count;       /* characters as the platform counts them */
	size_t limit;       /* the platform's limit (0: none) */
	int    over;        /* count > limit */
	size_t hashtags;    /* "#word" occurrences (text and the hashtags field together) */
	size_t hashtag_limit;
	int    too_many_hashtags;
	size_t lines;       /* non-empty lines of text */
	int    long_text;   /* more lines than the platform's soft_lines advice */
};

/*
 * Measures text[0..len) (valid UTF-8) for platform (enum platform) with
 * the hashtags typed apart (may be NULL).  A platform outside the table is
 * counted in code points with no limit.
 */
void charcount_measure(int platform, const char *text, size_t len,
    const char *hashtags, struct charcount *out);

/* X's weighted length of text (URLs as 23, weight-2 characters as 2). */
size_t charcount_x(const char *text, size_t len);

/*
 * The count and the limit of charcount_measure() alone, into *count and
 * *limit, for a page that shows only those: the hashtags and the lines
 * are not counted.
 */
void charcount_length(int platform, const char *text, size_t len,
    size_t *count, size_t *limit);

#endif
