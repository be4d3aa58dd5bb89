/*
 * fuzz_tpl.c: the real templates of templates/, expanded with any values.
 *
 * At start (LLVMFuzzerInitialize) every *.tpl is registered with
 * tpl_load() (without catalogue: markers show their English text), and
 * each file is read once more here to learn its variables ({{NAME}} and
 * {{NAME:modifier}}), its sections ({{#name}}, nested as in the file) and
 * its includes ({{>NAME}}, which name the file name.tpl in lower case
 * when there is one).  Each page is then expanded with every variable set
 * to "x", every section shown once and every include filled the same way,
 * down to three levels: that is the page's baseline.
 *
 * The input: byte 0 picks the page (in French or English), byte 1 shifts
 * which value goes to which variable, and the rest is cut at each NUL into
 * the values; variable k of the page gets value (k + shift) mod count.
 *
 * The property: values reach the page only escaped.  So an HTML page
 * holds exactly as many '<', '>', '"' and '\'' as its baseline (no
 * escaping emits them: HTML text and attributes get entities, JavaScript
 * gets \x3c...), and as many '&' that do not start an entity (&name;
 * &#10; &#x1F;).  A Markdown page (*.md.tpl, whose values go through
 * tpl.cc's x-markdown modifier) holds exactly as many of what a Markdown
 * reader takes for syntax as its baseline: the characters ` * [ ] < | ~
 * and '_' at the edge of a word, and '&' starting an entity, when no
 * backslash escapes them; and the lines that open a block (a heading, a
 * list item, a setext underline, a quote that starts).  In a Markdown
 * page a variable without x-markdown holds a number or a date that
 * cgi/summary.c computes, never a person's text: it gets the length of
 * its value, written as a number.  Expanding must succeed, and an
 * unknown page is RT_ENOTFOUND.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "i18n.h"
#include "status.h"
#include "tpl.h"

#ifndef FUZZ_TEMPLATES
#define FUZZ_TEMPLATES "templates"
#endif

#define MAX_FILES   64
#define MAX_NAME    64
#define MAX_DEPTH   3    /* includes followed below a page */

/* A section of a template, or the template itself (the root). */
struct tnode {
	char		  name[MAX_NAME];
	struct tnode	**kids;       /* sections opened inside it */
	size_t		  nkids;
	char		(*incl)[MAX_NAME];  /* includes inside it */
	size_t		  nincl;
};

/* One template file and what it holds. */
struct tfile {
	char		  file[MAX_NAME];     /* "field.tpl" */
	struct tnode	  root;
	char		(*vars)[MAX_NAME];
	size_t		  nvars;
	unsigned char	 *plain;   /* per variable: used without x-markdown */
	int		  md;      /* a Markdown page (*.md.tpl) */
};

/* What a page looks like with harmless values. */
struct tcount {
	size_t	 lt, gt, dq, sq, bare_amp;	/* an HTML page */
	size_t	 md[8];		/* a Markdown page: each of MD_INLINE */
	size_t	 md_entity, md_block;
};

/* What Markdown reads as inline syntax, unless a backslash escapes it. */
#define MD_INLINE "`*[]<|~_"

static struct tfile	 files[MAX_FILES];
static size_t		 nfiles;
static struct tcount	 baseline[MAX_FILES][LANG__MAX];

/* realloc() that cannot fail (a harness cannot go on without memory). */
static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL) {
		fputs("fuzz_tpl: out of memory\n", stderr);
		abort();
	}
	return p;
}

/* The kid of n named name, made when missing (same names merge). */
static struct tnode *
node_kid(struct tnode *n, const char *name)
{
	struct tnode	*k;
	size_t		 i;

	for (i = 0; i < n->nkids; i++)
		if (strcmp(n->kids[i]->name, name) == 0)
			return n->kids[i];
	k = xrealloc(NULL, sizeof(*k));
	memset(k, 0, sizeof(*k));
	snprintf(k->name, sizeof(k->name), "%s", name);
	n->kids = xrealloc(n->kids, (n->nkids + 1) * sizeof(*n->kids));
	n->kids[n->nkids++] = k;
	return k;
}

/*
 * Adds name to a list of names unless it is there.  Returns its index in
 * the list.
 */
static size_t
names_add(char (**list)[MAX_NAME], size_t *n, const char *name)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strcmp((*list)[i], name) == 0)
			return i;
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	snprintf((*list)[*n], MAX_NAME, "%s", name);
	return (*n)++;
}

/*
 * Reads the markers of text into f: "{{#s}}" opens section s inside the
 * current one, "{{/s}}" closes it, "{{>N}}" is an include, "{{NAME}}" or
 * "{{NAME:mods}}" a variable; comments, pragmas and the built-in BI_
 * variables are left alone.
 */
static void
parse_template(struct tfile *f, const char *text)
{
	struct tnode	*stack[32];
	const char	*p = text, *end, *mods;
	char		 name[MAX_NAME];
	size_t		 depth = 0, n, i;

	stack[0] = &f->root;
	while ((p = strstr(p, "{{")) != NULL) {
		p += 2;
		if ((end = strstr(p, "}}")) == NULL)
			break;
		n = strcspn(p + (*p == '#' || *p == '/' || *p == '>'),
		    ":}");
		if (n >= MAX_NAME)
			n = MAX_NAME - 1;
		snprintf(name, sizeof(name), "%.*s", (int)n,
		    p + (*p == '#' || *p == '/' || *p == '>'));
		switch (*p) {
		case '#':
			if (depth + 1 < 32) {
				stack[depth + 1] = node_kid(stack[depth], name);
				depth++;
			}
			break;
		case '/':
			if (depth > 0)
				depth--;
			break;
		case '>':
			names_add(&stack[depth]->incl, &stack[depth]->nincl,
			    name);
			break;
		case '!':
		case '%':
		case '=':
			break;
		default:
			if (strncmp(name, "BI_", 3) == 0 || name[0] == '\0')
				break;
			n = f->nvars;
			i = names_add(&f->vars, &f->nvars, name);
			if (f->nvars > n) {
				f->plain = xrealloc(f->plain, f->nvars);
				f->plain[i] = 0;
			}
			mods = p + strlen(name);
			if (!(mods < end && memmem(mods, (size_t)(end - mods),
			    ":x-markdown", 11) != NULL))
				f->plain[i] = 1;
			break;
		}
		p = end + 2;
	}
}

/* The index of the template file whose include name is name, or -1. */
static int
file_of_include(const char *name)
{
	char	 want[MAX_NAME + 8];
	size_t	 i;

	snprintf(want, sizeof(want), "%s.tpl", name);
	for (i = 0; want[i] != '\0'; i++)
		want[i] = (char)tolower((unsigned char)want[i]);
	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i].file, want) == 0)
			return (int)i;
	return -1;
}

static void fill(struct tpl_dict *, size_t, int, char *const *, size_t,
    size_t, int);

/*
 * Adds to d the sections under node n (each shown once) and the includes,
 * which are filled as pages of their own one level deeper.
 */
static void
fill_node(struct tpl_dict *d, const struct tnode *n, int lang,
    char *const *vals, size_t nvals, size_t shift, int depth)
{
	char	 file[MAX_NAME + 8];
	size_t	 i;
	int	 fi;

	for (i = 0; i < n->nkids; i++)
		fill_node(tpl_add_section(d, n->kids[i]->name), n->kids[i],
		    lang, vals, nvals, shift, depth);
	for (i = 0; i < n->nincl; i++) {
		if (depth >= MAX_DEPTH || (fi = file_of_include(n->incl[i])) < 0)
			continue;
		snprintf(file, sizeof(file), "%s/%s", lang_codes[lang],
		    files[fi].file);
		fill(tpl_add_include(d, n->incl[i], file), (size_t)fi, lang,
		    vals, nvals, shift, depth + 1);
	}
}

/*
 * Fills d for template fi: variable k gets vals[(k + shift) % nvals]
 * (nvals > 0), then its sections and includes.
 */
static void
fill(struct tpl_dict *d, size_t fi, int lang, char *const *vals,
    size_t nvals, size_t shift, int depth)
{
	const struct tfile	*f = &files[fi];
	const char		*v;
	char			 num[32];
	size_t			 k;

	if (d == NULL)
		return;
	for (k = 0; k < f->nvars; k++) {
		v = vals[(k + shift) % nvals];
		if (f->md && f->plain[k]) {
			snprintf(num, sizeof(num), "%zu", strlen(v));
			v = num;
		}
		tpl_set(d, f->vars[k], v);
	}
	fill_node(d, &f->root, lang, vals, nvals, shift, depth);
}

/* Counts what the property compares in the page s. */
static void
count(const char *s, size_t len, struct tcount *c)
{
	size_t	 i, j;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '<':
			c->lt++;
			break;
		case '>':
			c->gt++;
			break;
		case '"':
			c->dq++;
			break;
		case '\'':
			c->sq++;
			break;
		case '&':
			j = i + 1;
			if (j < len && s[j] == '#') {
				j++;
				if (j < len && (s[j] == 'x' || s[j] == 'X')) {
					j++;
					while (j < len && isxdigit(
					    (unsigned char)s[j]))
						j++;
				} else
					while (j < len && isdigit(
					    (unsigned char)s[j]))
						j++;
			} else
				while (j < len && isalnum((unsigned char)s[j]))
					j++;
			if (j == i + 1 || (j == i + 2 && s[i + 1] == '#') ||
			    j >= len || s[j] != ';')
				c->bare_amp++;
			break;
		default:
			break;
		}
	}
}

/* Non-zero for an ASCII letter or digit, or a byte of a UTF-8 sequence. */
static int
md_word(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/*
 * Non-zero when the '&' at s[0] of s[0..len) starts what a Markdown
 * reader takes for an entity: "&name;", "&#123;" or "&#x1F;".
 */
static int
md_entity(const char *s, size_t len)
{
	size_t	 j = 1, start;
	int	 hex = 0;

	if (j < len && s[j] == '#') {
		j++;
		if (j < len && (s[j] == 'x' || s[j] == 'X')) {
			j++;
			hex = 1;
		}
	}
	start = j;
	while (j < len && (hex ? isxdigit((unsigned char)s[j]) :
	    s[1] == '#' ? isdigit((unsigned char)s[j]) :
	    isalnum((unsigned char)s[j])))
		j++;
	return j > start && j < len && s[j] == ';';
}

/*
 * Counts what a Markdown reader takes for syntax in the page s: the
 * characters of MD_INLINE ('_' only at the edge of a word) and the '&'
 * that start an entity, when no backslash escapes them (a backslash
 * escapes the ASCII punctuation that follows it); and the lines that
 * open a block: after the blanks, "#", "-", "+", "=" or digits then "."
 * or ")" (the quote markers "> " of a line skipped), or a quote that
 * starts (a line opening with '>' after one that does not).
 */
static void
count_md(const char *s, size_t len, struct tcount *c)
{
	const char	*m;
	size_t		 i, j;
	int		 quote, prev_quote = 0;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < len; i++) {
		if (i == 0 || s[i - 1] == '\n') {
			for (j = i, quote = 0; j < len; j++) {
				if (s[j] == '>')
					quote = 1;
				else if (s[j] != ' ' && s[j] != '\t')
					break;
			}
			if (quote && !prev_quote)
				c->md_block++;
			prev_quote = quote;
			if (j < len && strchr("#-+=", s[j]) != NULL &&
			    s[j] != '\0')
				c->md_block++;
			else if (j < len && isdigit((unsigned char)s[j])) {
				while (j < len && isdigit((unsigned char)s[j]))
					j++;
				if (j < len && (s[j] == '.' || s[j] == ')'))
					c->md_block++;
			}
		}
		if (s[i] == '\\' && i + 1 < len &&
		    ispunct((unsigned char)s[i + 1])) {
			i++;
			continue;
		}
		if (s[i] == '&' && md_entity(s + i, len - i))
			c->md_entity++;
		if (s[i] == '\0' || (m = strchr(MD_INLINE, s[i])) == NULL)
			continue;
		if (s[i] == '_' && i > 0 && i + 1 < len &&
		    md_word((unsigned char)s[i - 1]) &&
		    md_word((unsigned char)s[i + 1]))
			continue;
		c->md[m - MD_INLINE]++;
	}
}

/* Expands page fi in lang with vals and counts it; expanding must work. */
static void
expand(size_t fi, int lang, char *const *vals, size_t nvals, size_t shift,
    struct tcount *c, struct buf *out)
{
	struct tpl_dict	*d;
	char		 page[MAX_NAME + 8];
	int		 rc;

	snprintf(page, sizeof(page), "%s/%s", lang_codes[lang],
	    files[fi].file);
	FUZZ_CHECK((d = tpl_dict_new()) != NULL, "memory");
	fill(d, fi, lang, vals, nvals, shift, 0);
	buf_reset(out);
	rc = tpl_expand(page, d, out);
	FUZZ_CHECK(rc == RT_OK, "%s does not expand (%d)", page, rc);
	if (files[fi].md)
		count_md(buf_str(out), out->len, c);
	else
		count(buf_str(out), out->len, c);
	tpl_dict_free(d);
}

/* Reads the whole file path into a malloc'd NUL-terminated string. */
static char *
slurp(const char *path)
{
	FILE	*fp;
	char	*s = NULL;
	size_t	 n = 0, r;
	char	 chunk[4096];

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	while ((r = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		s = xrealloc(s, n + r + 1);
		memcpy(s + n, chunk, r);
		n += r;
	}
	fclose(fp);
	if (s == NULL)
		s = xrealloc(NULL, 1);
	s[n] = '\0';
	return s;
}

/* Orders file names, for a stable numbering of the pages. */
static int
name_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tfile *)a)->file,
	    ((const struct tfile *)b)->file);
}

/*
 * Registers the templates, learns their variables, sections and includes,
 * and expands each page once with harmless values for its baseline.
 * Exits with status 2 when the templates cannot be read or loaded.
 */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static char	 x[] = "x";
	char		*vals[1] = { x }, err[512], path[4096], *text;
	const char	*dir = getenv("FUZZ_TEMPLATES");
	struct buf	 out = { NULL, 0, 0 };
	struct dirent	*e;
	DIR		*dp;
	size_t		 i, l;
	int		 lang;

	(void)argc;
	(void)argv;
	if (dir == NULL)
		dir = FUZZ_TEMPLATES;
	if (tpl_load(dir, NULL, err, sizeof(err)) != RT_OK) {
		fprintf(stderr, "fuzz_tpl: %s (set FUZZ_TEMPLATES)\n", err);
		exit(2);
	}
	if ((dp = opendir(dir)) == NULL) {
		fprintf(stderr, "fuzz_tpl: %s: cannot read\n", dir);
		exit(2);
	}
	while ((e = readdir(dp)) != NULL && nfiles < MAX_FILES) {
		l = strlen(e->d_name);
		if (e->d_name[0] == '.' || l < 5 || l >= MAX_NAME ||
		    strcmp(e->d_name + l - 4, ".tpl") != 0)
			continue;
		memcpy(files[nfiles].file, e->d_name, l + 1);
		files[nfiles].md = l > 7 &&
		    strcmp(e->d_name + l - 7, ".md.tpl") == 0;
		nfiles++;
	}
	closedir(dp);
	qsort(files, nfiles, sizeof(files[0]), name_cmp);
	for (i = 0; i < nfiles; i++) {
		if (snprintf(path, sizeof(path), "%s/%s", dir,
		    files[i].file) >= (int)sizeof(path) ||
		    (text = slurp(path)) == NULL) {
			fprintf(stderr, "fuzz_tpl: %s: cannot read\n", path);
			exit(2);
		}
		parse_template(&files[i], text);
		free(text);
	}
	for (i = 0; i < nfiles; i++)
		for (lang = 0; lang < LANG__MAX; lang++)
			expand(i, lang, vals, 1, 0, &baseline[i][lang], &out);
	buf_free(&out);
	return 0;
}

/*
 * One input: expands the page it picks with its values and compares the
 * page with its baseline.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct buf	 out = { NULL, 0, 0 };
	struct tcount	 c;
	const struct tcount *base;
	struct tpl_dict	*d;
	char		**vals = NULL;
	size_t		 nvals = 0, i, fi, shift, len;
	int		 lang;
	uint8_t		 b;

	if (nfiles == 0)
		return 0;
	b = fuzz_u8(&in);
	fi = (b >> 1) % nfiles;
	lang = b & 1;
	shift = fuzz_u8(&in);
	do {
		vals = xrealloc(vals, (nvals + 1) * sizeof(*vals));
		vals[nvals++] = fuzz_take(&in, 0, &len);
	} while (in.n > 0);

	expand(fi, lang, vals, nvals, shift, &c, &out);
	base = &baseline[fi][lang];
	FUZZ_CHECK(c.lt == base->lt && c.gt == base->gt && c.dq == base->dq &&
	    c.sq == base->sq && c.bare_amp == base->bare_amp,
	    "%s/%s: < %zu/%zu, > %zu/%zu, \" %zu/%zu, ' %zu/%zu, bare & "
	    "%zu/%zu (page/baseline)\n%s", lang_codes[lang], files[fi].file,
	    c.lt, base->lt, c.gt, base->gt, c.dq, base->dq, c.sq, base->sq,
	    c.bare_amp, base->bare_amp, buf_str(&out));
	for (i = 0; i < sizeof(c.md) / sizeof(c.md[0]); i++)
		FUZZ_CHECK(c.md[i] == base->md[i], "%s/%s: %zu '%c' that "
		    "Markdown reads as syntax, %zu in the baseline\n%s",
		    lang_codes[lang], files[fi].file, c.md[i], MD_INLINE[i],
		    base->md[i], buf_str(&out));
	FUZZ_CHECK(c.md_entity == base->md_entity && c.md_block ==
	    base->md_block, "%s/%s: %zu entities and %zu block openings, "
	    "%zu and %zu in the baseline\n%s", lang_codes[lang],
	    files[fi].file, c.md_entity, c.md_block, base->md_entity,
	    base->md_block, buf_str(&out));
	FUZZ_CHECK((d = tpl_dict_new()) != NULL, "memory");
	tpl_set(d, "X", vals[0]);
	FUZZ_CHECK(tpl_expand("fr/no-such-page.tpl", d, &out) ==
	    RT_ENOTFOUND, "an unknown page");
	tpl_dict_free(d);

	for (i = 0; i < nvals; i++)
		free(vals[i]);
	free(vals);
	buf_free(&out);
	return 0;
}
