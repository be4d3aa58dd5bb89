/*
 * platform.h: what we know of each social platform, in one place.
 *
 * The hours a week and posting rhythm come from the source workbook where
 * it gives them, and are our own careful estimate (said so in the note)
 * where it does not.  Text limits are the platforms' own, as of 2026.
 * Templates and handlers read this table; no other file lists platforms.
 */
#ifndef RESEAUTER_PLATFORM_H
#define RESEAUTER_PLATFORM_H

#include <stddef.h>

enum platform {
	PF_FACEBOOK = 0,
	PF_INSTAGRAM,
	PF_LINKEDIN,
	PF_X,
	PF_YOUTUBE,
	PF_TIKTOK,
	PF_PINTEREST,
	PF_SNAPCHAT,
	PF_THREADS,
	PF_BLUESKY,
	PF_MASTODON,
	PF_FLICKR,
	PF_REDDIT,
	PF__MAX
};

/* How a platform counts the characters of a post. */
enum platform_count {
	PF_COUNT_CODEPOINTS = 0, /* one per Unicode code point */
	PF_COUNT_X,              /* X: weighted (most non-Latin scripts and emoji count 2), any URL counts 23 */
	PF_COUNT_MASTODON,       /* graphemes (as Mastodon's server checks), a URL counts 23, "@a@server" counts as "@a" */
	PF_COUNT_GRAPHEMES       /* Bluesky: user-perceived characters (an emoji sequence counts 1) */
};

struct platform_info {
	const char *key;          /* stable key stored in plans: "facebook" */
	const char *name;         /* the brand name, not translated: "Facebook" */
	double      hours_min;    /* hours a week a group should plan, low end (0 if unknown) */
	double      hours_max;    /* high end (0 if unknown; equal to min when one figure) */
	const char *hours_note;   /* message id: where the figure comes from or what it assumes */
	const char *rhythm;       /* message id: how often to post ("Once or twice a day") */
	const char *audience;     /* message id: who is there */
	const char *cost;         /* message id: what it costs */
	const char *good_for;     /* message id: what it serves best for a community group */
	enum platform_count count;
	size_t      text_limit;   /* characters of a post (0: no practical limit) */
	size_t      hashtag_limit;/* hashtags a post may carry (0: no limit) */
	int         soft_lines;   /* lines past which we warn that the text is long (0: none) */
};

extern const struct platform_info platforms[PF__MAX];

/* The platform whose key is key, or -1. */
int platform_by_key(const char *key);

/* The platform keys, PF__MAX of them then NULL, for FIELD_CHOICE/FIELD_MULTI declarations. */
extern const char *const platform_keys[PF__MAX + 1];

/* The platform names, parallel to platform_keys (brand names are the same in every language). */
extern const char *const platform_names[PF__MAX + 1];

#endif
