/*
 * tpl.cc: the C face of ctemplate (see tpl.h), the only C++ of reseauter.
 *
 * What ctemplate 2.4 does, as its reference documentation says and
 * tests/unit/test_tpl.c checks:
 *
 *  - An include dictionary does not see the SetValue() values of its
 *    parent, only the SetTemplateGlobalValue() ones; a section dictionary
 *    sees its parents' values.
 *  - SetValue() copies the value into the dictionary's arena.  The key is
 *    hashed, and its text is kept forever in a process-wide table (copied
 *    unless it lies in the program's read-only segment): this is why keys
 *    must be literals, never text that varies without bound.
 *  - A template given to StringToTemplateCache() under a key is found by
 *    {{>INCLUDE}} when the include dictionary's SetFilename() is that key,
 *    within the same TemplateCache.
 *  - StringToTemplateCache() refuses (returns false) a template that does
 *    not parse, and a key already present.
 *
 * We register into a TemplateCache of our own, not into the default one:
 * once loaded it is frozen, so that expansion never reads a file from disk
 * (the default cache loads an unknown name as a path, relative to the
 * working directory), and a second tpl_load() (the tests do it) can build
 * a new cache instead of colliding with the keys of the first.
 *
 * No C++ exception leaves this file: every function with C linkage catches
 * them all (std::bad_alloc is RT_ENOMEM).
 *
 * Markdown.  ctemplate knows no Markdown context (its contexts are HTML,
 * JAVASCRIPT, CSS, JSON and XML; "NONE" is refused), so a Markdown
 * template, named *.md.tpl, declares context="XML": a value left without
 * a modifier comes out as XML entities, which Markdown shows as plain
 * text.  Values meant to be read use {{NAME:x-markdown=block}} (or
 * =line, =item, =quote), a modifier of ours that escapes Markdown's syntax
 * instead (below).  ctemplate adds no escaping after it, which would be
 * unsafe in HTML, so tpl_load() refuses it anywhere but in a *.md.tpl.
 * The [[markers]] of a *.md.tpl are still translated HTML-escaped
 * (i18n_expand_markers()), so their texts avoid ' " & < >.
 */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <new>
#include <set>
#include <string>
#include <vector>

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>
#include <ctemplate/template_modifiers.h>

/* The C headers of lib/ have no extern "C" of their own. */
extern "C" {
#include "buf.h"
#include "i18n.h"
#include "status.h"
}
#include "tpl.h"

#define TPL_STRIP     ctemplate::STRIP_BLANK_LINES   /* one mode, everywhere */
#define TPL_FILE_MAX  (4L * 1024 * 1024)             /* bytes of one .tpl */

/*
 * A dictionary as C sees it.  The root wrapper owns its TemplateDictionary
 * and a list of the wrappers of every section and include dictionary made
 * under it (ctemplate owns those dictionaries themselves, in the root's
 * arena).  When an allocation fails anywhere in the tree, the root is
 * marked failed and tpl_expand() refuses it with RT_ENOMEM, so a caller
 * may fill a whole page and check once.
 */
struct tpl_dict {
	ctemplate::TemplateDictionary *td;   /* the dictionary */
	struct tpl_dict *root;               /* the top-level wrapper */
	struct tpl_dict *next;               /* root: 1st child; child: next */
	bool             failed;             /* root only: allocation failed */
};

/* The registered templates: built by tpl_load(), read-only afterwards. */
struct tpl_registry {
	ctemplate::TemplateCache cache;      /* frozen once filled */
	std::set<std::string>    names;      /* "fr/home.tpl"... */
};

/* The registry of the last successful tpl_load(), or NULL before. */
static struct tpl_registry *tpl_current;

/*
 * The x-markdown modifier: writes a value as Markdown text that reads as
 * typed and does nothing else, whatever it holds (CommonMark with GitHub's
 * tables and strikethrough).  Everything that could start a construct is
 * backslash-escaped: \ ` * [ ] < | ~ anywhere (so no link, image, raw HTML,
 * autolink, code span, emphasis, table cell or strikethrough), _ unless it
 * lies inside a word (where it starts no emphasis), & before what would
 * read as an entity ("&amp;"), and at the start of a line # > + - = and the
 * "." or ")" after a number (no heading, quote, list or rule).  CR, DEL
 * and the other control characters but tab are dropped before anything
 * else is decided, and so are the spaces opening a line (no code block).
 * The argument, which ctemplate requires
 * (only one of "x-markdown" and "x-markdown=" can be registered), says
 * where the value goes:
 *
 *   x-markdown=block  a block of its own: a line break is kept (two spaces
 *                     and a newline), an empty line separates paragraphs;
 *   x-markdown=line   one line (a heading, a table cell, a list item's
 *                     first words): line breaks become spaces, and # is
 *                     escaped anywhere;
 *   x-markdown=item   inside a list item: line breaks are kept, the next
 *                     lines indented by two spaces, empty lines dropped;
 *   x-markdown=quote  inside a "> " quote: the next lines start with "> ".
 */
enum tpl_md_mode {
	TPL_MD_BLOCK = 0,
	TPL_MD_LINE,
	TPL_MD_ITEM,
	TPL_MD_QUOTE
};

/* Whether c is an ASCII letter or digit, or a byte of a UTF-8 sequence. */
static bool
tpl_md_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z') || c >= 0x80;
}

/*
 * Whether the '&' at p[0] (of p[0..n)) starts something a Markdown reader
 * would take for an entity: "&name;", "&#123;" or "&#x1F;".
 */
static bool
tpl_md_entity(const char *p, size_t n)
{
	size_t i = 1;

	if (i < n && p[i] == '#')
		i++;
	if (i < n && (p[i] == 'x' || p[i] == 'X') && p[1] == '#')
		i++;
	if (i >= n || !tpl_md_word((unsigned char)p[i]))
		return false;
	while (i < n && tpl_md_word((unsigned char)p[i]) &&
	    (unsigned char)p[i] < 0x80)
		i++;
	return i < n && p[i] == ';';
}

/*
 * Appends one line p[0..n) (no newline and no control character but tab
 * in it, leading blanks already dropped) to out, escaped; start says
 * whether it opens a Markdown line.
 */
static void
tpl_md_line(const char *p, size_t n, bool start, enum tpl_md_mode mode,
    std::string *out)
{
	size_t i, d;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		switch (c) {
		case '\\': case '`': case '*': case '[': case ']': case '<':
		case '|': case '~':
			out->push_back('\\');
			break;
		case '_':
			if (i == 0 || i + 1 >= n ||
			    !tpl_md_word((unsigned char)p[i - 1]) ||
			    !tpl_md_word((unsigned char)p[i + 1]))
				out->push_back('\\');
			break;
		case '&':
			if (tpl_md_entity(p + i, n - i))
				out->push_back('\\');
			break;
		case '#':
			if ((i == 0 && start) || mode == TPL_MD_LINE)
				out->push_back('\\');
			break;
		case '>': case '+': case '-': case '=':
			if (i == 0 && start)
				out->push_back('\\');
			break;
		case '.': case ')':
			/* "1." or "12)" opening a line starts a list. */
			for (d = 0; d < i && p[d] >= '0' && p[d] <= '9'; d++)
				;
			if (start && i > 0 && d == i)
				out->push_back('\\');
			break;
		default:
			break;
		}
		out->push_back((char)c);
	}
}

/*
 * Writes in[0..len) into *out as mode says (see above).  Separators go
 * between lines only: nothing is added before the first or after the
 * last, and empty lines at either end are dropped.  The control
 * characters are dropped first, so that what is escaped is decided on the
 * text as a reader gets it: "\x01# x" or "12\x04) x" must not open a
 * heading or a list once the control character is gone.
 */
static void
tpl_md_escape(const char *raw, size_t rawlen, enum tpl_md_mode mode,
    std::string *out)
{
	std::string text;
	const char *in;
	size_t i = 0, b, e, t, len;
	bool first = true, blank = false;

	text.reserve(rawlen);
	for (i = 0; i < rawlen; i++) {
		unsigned char c = (unsigned char)raw[i];

		if ((c >= 0x20 && c != 0x7f) || c == '\t' || c == '\n')
			text.push_back((char)c);
	}
	in = text.data();
	len = text.size();
	i = 0;

	while (i <= len) {
		for (e = i; e < len && in[e] != '\n'; e++)
			;
		/* The line in[i..e), without its opening and closing blanks. */
		for (b = i; b < e && (in[b] == ' ' || in[b] == '\t'); b++)
			;
		for (t = e; t > b && (in[t - 1] == ' ' || in[t - 1] == '\t');
		    t--)
			;
		if (t == b) {
			if (!first)
				blank = true;
		} else {
			if (!first) {
				switch (mode) {
				case TPL_MD_LINE:
					out->push_back(' ');
					break;
				case TPL_MD_ITEM:
					out->append("  \n  ");
					break;
				case TPL_MD_QUOTE:
					out->append(blank ? "\n>\n> " : "  \n> ");
					break;
				case TPL_MD_BLOCK:
				default:
					out->append(blank ? "\n\n" : "  \n");
					break;
				}
			}
			tpl_md_line(in + b, t - b, mode != TPL_MD_LINE || first,
			    mode, out);
			first = false;
			blank = false;
		}
		i = e + 1;
	}
}

/*
 * The modifier object ctemplate calls, its argument ("=line") as the mode;
 * an argument it does not know is "=block".
 */
class TplMarkdownModifier : public ctemplate::TemplateModifier {
public:
	void Modify(const char *in, size_t inlen,
	    const ctemplate::PerExpandData *data,
	    ctemplate::ExpandEmitter *outbuf, const std::string &arg) const
	{
		enum tpl_md_mode	 mode = TPL_MD_BLOCK;
		std::string		 out;

		(void)data;
		if (arg == "=line")
			mode = TPL_MD_LINE;
		else if (arg == "=item")
			mode = TPL_MD_ITEM;
		else if (arg == "=quote")
			mode = TPL_MD_QUOTE;
		tpl_md_escape(in, inlen, mode, &out);
		outbuf->Emit(out);
	}
};

static TplMarkdownModifier tpl_markdown;

/*
 * Registers x-markdown once per process (ctemplate's table of modifiers
 * is global).  Returns false when ctemplate refuses it.
 */
static bool
tpl_register_modifiers(void)
{
	static bool done;

	if (!done)
		done = ctemplate::AddXssSafeModifier("x-markdown=",
		    &tpl_markdown);
	return done;
}

/*
 * Whether template name (its text already read) may use what it uses:
 * only a *.md.tpl may hold ":x-markdown", always with its argument (else
 * ctemplate would silently not call it), and a *.md.tpl declares
 * context="XML" on its first line.
 */
static bool
tpl_markdown_ok(const std::string &name, const std::string &text)
{
	static const char	 ext[] = ".md.tpl", mod[] = ":x-markdown";
	std::string::size_type	 at;
	bool			 md;

	md = name.size() > sizeof ext - 1 && name.compare(name.size() -
	    (sizeof ext - 1), sizeof ext - 1, ext) == 0;
	at = text.find(mod);
	if (!md)
		return at == std::string::npos;
	for (; at != std::string::npos; at = text.find(mod, at + 1))
		if (text.compare(at + sizeof mod - 1, 1, "=") != 0)
			return false;
	return text.substr(0, text.find('\n')).find(" context=\"XML\"") !=
	    std::string::npos;
}

/*
 * Writes a printf-style line for the operator into err, when err is not
 * NULL and errlen is not zero; a longer message is cut.
 */
static void __attribute__((format(printf, 3, 4)))
tpl_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list	 ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/*
 * Whether the first line of a template (up to the first newline, a
 * trailing carriage return and blanks left aside) is an auto-escape
 * pragma: {{%AUTOESCAPE context="..."}}, possibly with more attributes
 * (state="IN_TAG").  A byte-order mark or a blank line before it is
 * refused.  Whether the context is one ctemplate knows is left to
 * ctemplate's parser, which refuses the others.
 */
static bool
tpl_has_pragma(const std::string &text)
{
	static const char	 head[] = "{{%AUTOESCAPE ";
	std::string		 line;
	std::string::size_type	 nl, close;

	nl = text.find('\n');
	line = text.substr(0, nl);
	while (!line.empty() && (line[line.size() - 1] == '\r' ||
	    line[line.size() - 1] == ' ' || line[line.size() - 1] == '\t'))
		line.erase(line.size() - 1);
	if (line.compare(0, sizeof head - 1, head) != 0)
		return false;
	close = line.find("}}");
	if (close == std::string::npos || close != line.size() - 2)
		return false;
	return line.find(" context=\"") != std::string::npos;
}

/*
 * Reads the whole regular file path into *text.  Returns RT_OK, RT_EIO
 * (cannot open or read, or not a regular file) or RT_EINVAL (larger than
 * TPL_FILE_MAX), with the reason in err.  May throw std::bad_alloc.
 */
static int
tpl_read_file(const std::string &path, std::string *text, char *err,
    size_t errlen)
{
	struct stat	 st;
	char		 chunk[8192];
	ssize_t		 r;
	int		 fd, rc = RT_OK;

	text->clear();
	if ((fd = open(path.c_str(), O_RDONLY | O_CLOEXEC)) == -1) {
		tpl_err(err, errlen, "%s: %s", path.c_str(), strerror(errno));
		return RT_EIO;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		tpl_err(err, errlen, "%s: not a regular file", path.c_str());
		rc = RT_EIO;
		goto out;
	}
	if (st.st_size > TPL_FILE_MAX) {
		tpl_err(err, errlen, "%s: larger than %ld bytes", path.c_str(),
		    TPL_FILE_MAX);
		rc = RT_EINVAL;
		goto out;
	}
	for (;;) {
		r = read(fd, chunk, sizeof chunk);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			tpl_err(err, errlen, "%s: %s", path.c_str(),
			    strerror(errno));
			rc = RT_EIO;
			goto out;
		}
		if (r == 0)
			break;
		if ((long)text->size() + r > TPL_FILE_MAX) {
			tpl_err(err, errlen, "%s: larger than %ld bytes",
			    path.c_str(), TPL_FILE_MAX);
			rc = RT_EINVAL;
			goto out;
		}
		text->append(chunk, (size_t)r);
	}
out:
	close(fd);
	return rc;
}

/*
 * The names of the *.tpl files of dir, sorted, hidden files (".x.tpl")
 * left out.  Returns RT_OK, or RT_EIO when dir cannot be read or holds no
 * template, with the reason in err.  May throw std::bad_alloc.
 */
static int
tpl_list(const char *dir, std::vector<std::string> *names, char *err,
    size_t errlen)
{
	DIR		*d;
	struct dirent	*e;
	size_t		 l;

	names->clear();
	if ((d = opendir(dir)) == NULL) {
		tpl_err(err, errlen, "%s: %s", dir, strerror(errno));
		return RT_EIO;
	}
	try {
		while ((e = readdir(d)) != NULL) {
			l = strlen(e->d_name);
			if (e->d_name[0] == '.' || l < 5 ||
			    strcmp(e->d_name + l - 4, ".tpl") != 0)
				continue;
			names->push_back(e->d_name);
		}
	} catch (...) {
		closedir(d);
		throw;
	}
	closedir(d);
	if (names->empty()) {
		tpl_err(err, errlen, "%s: no *.tpl file", dir);
		return RT_EIO;
	}
	std::sort(names->begin(), names->end());
	return RT_OK;
}

/*
 * Registers one template file, whose text is already read and checked,
 * once per language into reg, with its markers translated.  Returns
 * RT_OK, RT_ENOMEM, or RT_EINVAL when ctemplate refuses it (a syntax
 * error, an unknown AUTOESCAPE context), with the file and language in
 * err.  May throw std::bad_alloc.
 */
static int
tpl_register(struct tpl_registry *reg, const struct i18n *c,
    const std::string &name, const std::string &text, char *err,
    size_t errlen)
{
	std::string	 key;
	char		*exp;
	size_t		 explen, l;
	bool		 ok;
	int		 rc;

	for (l = 0; l < LANG__MAX; l++) {
		rc = i18n_expand_markers(c, (enum lang)l, text.data(),
		    text.size(), &exp, &explen);
		if (rc != RT_OK) {
			tpl_err(err, errlen, "%s: out of memory", name.c_str());
			return rc;
		}
		key = std::string(lang_codes[l]) + "/" + name;
		try {
			ok = reg->cache.StringToTemplateCache(key, exp, explen,
			    TPL_STRIP);
		} catch (...) {
			free(exp);
			throw;
		}
		free(exp);
		if (!ok) {
			tpl_err(err, errlen, "%s: does not parse as a template "
			    "(%s)", name.c_str(), lang_codes[l]);
			return RT_EINVAL;
		}
		reg->names.insert(key);
	}
	return RT_OK;
}

/*
 * Builds a new registry from every *.tpl of dir: each must open with an
 * AUTOESCAPE pragma, parse, and expand with an empty dictionary.  Only
 * when all do is the new registry put in place of the previous one (which
 * is freed: no expansion may run meanwhile); on failure the previous one
 * stays.  c may be NULL (markers then show their msgids).
 */
int
tpl_load(const char *dir, const struct i18n *c, char *err, size_t errlen)
{
	struct tpl_registry		*reg = NULL;
	std::vector<std::string>	 names;
	std::string			 text, out;
	std::set<std::string>::const_iterator it;
	int				 rc;

	if (dir == NULL) {
		tpl_err(err, errlen, "tpl: no template directory");
		return RT_EIO;
	}
	try {
		if ((rc = tpl_list(dir, &names, err, errlen)) != RT_OK)
			goto out;
		if (!tpl_register_modifiers()) {
			tpl_err(err, errlen, "tpl: ctemplate refused the "
			    "x-markdown modifier");
			rc = RT_EINVAL;
			goto out;
		}
		reg = new struct tpl_registry;
		for (size_t i = 0; i < names.size(); i++) {
			rc = tpl_read_file(std::string(dir) + "/" + names[i],
			    &text, err, errlen);
			if (rc != RT_OK)
				goto out;
			if (!tpl_has_pragma(text)) {
				tpl_err(err, errlen, "%s: the first line is "
				    "not {{%%AUTOESCAPE context=\"...\"}}",
				    names[i].c_str());
				rc = RT_EINVAL;
				goto out;
			}
			if (!tpl_markdown_ok(names[i], text)) {
				tpl_err(err, errlen, "%s: x-markdown=... is only "
				    "for a *.md.tpl, whose context is \"XML\"",
				    names[i].c_str());
				rc = RT_EINVAL;
				goto out;
			}
			rc = tpl_register(reg, c, names[i], text, err, errlen);
			if (rc != RT_OK)
				goto out;
		}
		reg->cache.Freeze();
		ctemplate::TemplateDictionary empty("tpl_load");
		for (it = reg->names.begin(); it != reg->names.end(); ++it) {
			out.clear();
			if (!reg->cache.ExpandNoLoad(*it, TPL_STRIP, &empty,
			    NULL, &out)) {
				tpl_err(err, errlen, "%s: does not expand",
				    it->c_str());
				rc = RT_EINVAL;
				goto out;
			}
		}
		delete tpl_current;
		tpl_current = reg;
		reg = NULL;
		rc = RT_OK;
	} catch (const std::bad_alloc &) {
		tpl_err(err, errlen, "%s: out of memory", dir);
		rc = RT_ENOMEM;
	} catch (const std::exception &e) {
		tpl_err(err, errlen, "%s: %s", dir, e.what());
		rc = RT_EINVAL;
	} catch (...) {
		tpl_err(err, errlen, "%s: unknown C++ exception", dir);
		rc = RT_EINVAL;
	}
out:
	delete reg;
	return rc;
}

/*
 * A new top-level dictionary named "page" (the name only shows in
 * ctemplate's dumps).  Returns NULL when an allocation fails; every
 * function of tpl.h accepts that NULL.
 */
struct tpl_dict *
tpl_dict_new(void)
{
	struct tpl_dict	*d;

	if ((d = new (std::nothrow) struct tpl_dict) == NULL)
		return NULL;
	d->root = d;
	d->next = NULL;
	d->failed = false;
	try {
		d->td = new ctemplate::TemplateDictionary("page");
	} catch (...) {
		delete d;
		return NULL;
	}
	return d;
}

/*
 * Frees a top-level dictionary, the wrappers of its sub-dictionaries and,
 * through ctemplate's arena, the sub-dictionaries themselves.  NULL is
 * allowed; a sub-dictionary (not a root) is left alone, since its root
 * owns it.
 */
void
tpl_dict_free(struct tpl_dict *d)
{
	struct tpl_dict	*ch, *next;

	if (d == NULL || d->root != d)
		return;
	for (ch = d->next; ch != NULL; ch = next) {
		next = ch->next;
		delete ch;
	}
	delete d->td;
	delete d;
}

/*
 * Wraps the sub-dictionary td of d and links the wrapper into the root's
 * list.  Returns NULL, and marks the root failed, when td is NULL or the
 * wrapper cannot be allocated.
 */
static struct tpl_dict *
tpl_child(struct tpl_dict *d, ctemplate::TemplateDictionary *td)
{
	struct tpl_dict	*ch;

	if (td == NULL || (ch = new (std::nothrow) struct tpl_dict) == NULL) {
		d->root->failed = true;
		return NULL;
	}
	ch->td = td;
	ch->root = d->root;
	ch->failed = false;
	ch->next = d->root->next;
	d->root->next = ch;
	return ch;
}

/*
 * Sets key to a copy of value.  A NULL d (a failed allocation upstream)
 * or key does nothing; a NULL value is "".  A failed allocation marks the
 * root failed.
 */
void
tpl_set(struct tpl_dict *d, const char *key, const char *value)
{
	if (d == NULL || key == NULL)
		return;
	try {
		d->td->SetValue(key, value != NULL ? value : "");
	} catch (...) {
		d->root->failed = true;
	}
}

/*
 * Sets key for the whole expansion, included templates too.  NULL d or
 * key does nothing; a NULL value is "".  A failed allocation marks the
 * root failed.
 */
void
tpl_set_global(struct tpl_dict *d, const char *key, const char *value)
{
	if (d == NULL || key == NULL)
		return;
	try {
		d->td->SetTemplateGlobalValue(key, value != NULL ? value : "");
	} catch (...) {
		d->root->failed = true;
	}
}

/*
 * Sets key to value written in decimal, with a '-' when negative (the
 * whole range of long long).  NULL d or key does nothing.
 */
void
tpl_set_int(struct tpl_dict *d, const char *key, long long value)
{
	char	 num[32];

	snprintf(num, sizeof num, "%lld", value);
	tpl_set(d, key, num);
}

/*
 * Shows section name once, with d's values.  NULL d or name does
 * nothing; calling it twice shows the section twice.
 */
void
tpl_show(struct tpl_dict *d, const char *name)
{
	if (d == NULL || name == NULL)
		return;
	try {
		d->td->ShowSection(name);
	} catch (...) {
		d->root->failed = true;
	}
}

/*
 * Adds one expansion of section name and returns its dictionary, owned
 * by d's root.  Returns NULL when d or name is NULL, or when an
 * allocation fails (the root is then marked failed, and the setters
 * accept the NULL).
 */
struct tpl_dict *
tpl_add_section(struct tpl_dict *d, const char *name)
{
	if (d == NULL || name == NULL)
		return NULL;
	try {
		return tpl_child(d, d->td->AddSectionDictionary(name));
	} catch (...) {
		d->root->failed = true;
		return NULL;
	}
}

/*
 * Makes {{>name}} include the registered template file and returns the
 * include's dictionary, owned by d's root.  The included template sees
 * only that dictionary and the template-global values.  Returns NULL as
 * tpl_add_section() does; a file that is not registered is only noticed
 * by tpl_expand().
 */
struct tpl_dict *
tpl_add_include(struct tpl_dict *d, const char *name, const char *file)
{
	ctemplate::TemplateDictionary	*td;

	if (d == NULL || name == NULL || file == NULL)
		return NULL;
	try {
		td = d->td->AddIncludeDictionary(name);
		td->SetFilename(file);
		return tpl_child(d, td);
	} catch (...) {
		d->root->failed = true;
		return NULL;
	}
}

/*
 * Expands the registered template file with d and appends the result to
 * out; nothing is appended on failure.  Returns RT_OK; RT_ENOMEM when d is
 * NULL, when an allocation failed while d was filled, or during the
 * expansion; RT_ENOTFOUND when file (NULL included) or a template it
 * includes is not registered, or before any tpl_load().  out must not be
 * NULL.  Thread-safe once tpl_load() has returned.
 */
int
tpl_expand(const char *file, const struct tpl_dict *d, struct buf *out)
{
	const struct tpl_registry	*reg = tpl_current;

	assert(out != NULL);
	if (d == NULL || d->root->failed)
		return RT_ENOMEM;
	if (file == NULL || reg == NULL)
		return RT_ENOTFOUND;
	try {
		std::string	 s;

		if (reg->names.find(file) == reg->names.end())
			return RT_ENOTFOUND;
		if (!reg->cache.ExpandNoLoad(file, TPL_STRIP, d->td, NULL, &s))
			return RT_ENOTFOUND;
		return buf_append(out, s.data(), s.size());
	} catch (...) {
		/* std::bad_alloc: ctemplate throws nothing else here. */
		return RT_ENOMEM;
	}
}
