/*
 * pdf.c: the strategy summary as a PDF document (pdf.h).
 *
 * The document is laid out twice by the same code.  The first pass draws
 * nothing: it only finds where every page breaks, so that the second pass
 * knows how many pages there are ("Page 2 of 7") and on which page each
 * part begins (the contents of the first page).  Both passes measure text
 * with the same pango context, on the same surface, with hinting off, so
 * they break at the same places.  Shaping text (HarfBuzz, through pango)
 * is most of what a document costs, and the same paragraph is laid out
 * up to six times (measured as part of its block, then drawn, in each
 * pass): every layout is therefore made once and kept until the document
 * is done (pdf_layout_kept()), up to a bound on the text kept.
 *
 * Layout.  A vertical cursor (y) moves down the page.  Text flows line by
 * line: a line that does not fit below the cursor goes to the next page,
 * with at least two lines of a paragraph kept together at the foot of a
 * page and at its head.  A heading is kept with the start of what follows
 * it.  A block that must not be split (a persona card, a pitfall, the
 * time budget chart, a short item) is first measured, by running its
 * drawing code in "measure" mode (no drawing, no page break), and a new
 * page starts before it when it does not fit in what is left of the page.
 * A block taller than a whole page flows all the same: its frame is then
 * drawn in pieces, one per page.
 *
 * Every answer is written by display.h, as on the summary page; an item
 * with nothing answered is left out, a section with nothing answered says
 * "To complete", and the optional section of event campaigns is left out
 * when empty.  Text is never rasterised: pango lays it out and cairo
 * writes it as PDF text with its fonts embedded.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "coach.h"
#include "display.h"
#include "i18n.h"
#include "pdf.h"
#include "platform.h"
#include "status.h"
#include "workbook.h"

/* Page sizes, in PostScript points. */
#define A4_W        595.2756   /* 210 mm */
#define A4_H        841.8898   /* 297 mm */
#define LETTER_W    612.0      /* 8.5 in */
#define LETTER_H    792.0      /* 11 in */

/* The page's margins; the footer sits in the bottom one. */
#define MARGIN_SIDE   66.0
#define MARGIN_TOP    62.0
#define MARGIN_BOTTOM 74.0
#define FOOTER_RULE   48.0     /* height of the footer's rule above the page's edge */

#define LABEL_FRAC  0.29      /* share of a column the labels of answers take */
#define COL_GAP     14.0      /* between a label and its answer */
#define ROW_GAP     6.5       /* between two answers */
#define CARD_PAD    10.0      /* inside a persona card */
#define BAR_PAD     12.0      /* between an item's bar and its text */
#define TEXT_MAX    65536     /* bytes of an answer as display.h writes it */
#define PITFALLS    64        /* pitfalls listed at most */
#define KEEP_MAX    (128 * 1024)   /* bytes of text whose layouts are kept (pdf_layout_kept) */
#define PARTS       (WB__MAX + 1)   /* the sections, then the pitfalls */

/* Colours, those of static/style.css. */
struct pdf_rgb {
	double r, g, b;
};
#define RGB(x) { ((x) >> 16 & 0xff) / 255.0, ((x) >> 8 & 0xff) / 255.0, \
	((x) & 0xff) / 255.0 }
static const struct pdf_rgb INK = RGB(0x1d2430);
static const struct pdf_rgb MUTED = RGB(0x4d5868);
static const struct pdf_rgb ACCENT = RGB(0x0b5f59);
static const struct pdf_rgb ACCENT_SOFT = RGB(0xe3f1ef);
static const struct pdf_rgb ACCENT_LINE = RGB(0x9cc7c1);
static const struct pdf_rgb LINE = RGB(0xd9d4c7);
static const struct pdf_rgb BAND = RGB(0xcfe3e0);
static const struct pdf_rgb TOTAL = RGB(0x2f4858);
static const struct pdf_rgb WARN = RGB(0x8a4b00);
static const struct pdf_rgb WARN_SOFT = RGB(0xfff3e0);
static const struct pdf_rgb ERROR = RGB(0xa3122a);
static const struct pdf_rgb GRID = RGB(0xe6e2d8);

/* The styles of text. */
enum pdf_font {
	FONT_BODY = 0,   /* answers, paragraphs */
	FONT_BOLD,       /* a pitfall's title, the total of the budget */
	FONT_LABEL,      /* the label of an answer */
	FONT_KICKER,     /* the line above the organisation's name */
	FONT_TITLE,      /* the organisation's name */
	FONT_DATE,       /* the date under it */
	FONT_PART,       /* a section's heading */
	FONT_ITEM,       /* an item's heading (a persona, a post) */
	FONT_SMALL,      /* footer, legend, contents' figures */
	FONT_PENDING,    /* "To complete" */
	FONT_TOC,        /* a line of the contents */
	FONT__MAX
};

static const struct {
	const char *style;    /* appended to the family */
	double      size;     /* points */
	double      spacing;  /* line spacing, as a factor of the font's height */
} pdf_fonts[FONT__MAX] = {
	[FONT_BODY]   = { "",       10.0, 1.22 },
	[FONT_BOLD]   = { "Bold",   10.0, 1.22 },
	[FONT_LABEL]  = { "Bold",    8.5, 1.15 },
	[FONT_KICKER] = { "Bold",    9.5, 1.0 },
	[FONT_TITLE]  = { "Bold",   27.0, 1.05 },
	[FONT_DATE]   = { "",       11.5, 1.2 },
	[FONT_PART]   = { "Bold",   16.0, 1.1 },
	[FONT_ITEM]   = { "Bold",   11.0, 1.15 },
	[FONT_SMALL]  = { "",        8.0, 1.2 },
	[FONT_PENDING] = { "Italic", 10.0, 1.2 },
	[FONT_TOC]    = { "",       10.5, 1.15 },
};

/* The kinds of frame drawn around a block. */
enum pdf_frame_kind {
	FRAME_NONE = 0,
	FRAME_CARD,      /* a persona: a rounded border */
	FRAME_BAR,       /* an item: a bar on its left */
	FRAME_PITFALL    /* a pitfall: a tinted box with a bar */
};

/* The frame of the block being drawn, if any. */
struct pdf_frame {
	int    kind;     /* enum pdf_frame_kind */
	double x0, x1;   /* its left and right edges */
	double top;      /* where its piece on this page begins */
	double pad;      /* space between its edge and the text, above and below */
};

/* Everything one document needs while it is laid out. */
struct pdf_doc {
	cairo_surface_t      *surface;
	cairo_t              *cr;
	PangoContext         *pc;
	PangoFontDescription *font[FONT__MAX];
	GHashTable           *layouts;       /* pdf_layout_kept()'s: key -> PangoLayout */
	size_t                kept;          /* bytes of the keys of layouts */
	const struct i18n    *c;
	enum lang             lang;
	const struct wb_plan *p;
	int                   shared;        /* PDF_SHARED: no field for the team only */
	char                 *org_name;      /* valid UTF-8, g_free'd */
	char                  date[64];
	char                 *text;          /* TEXT_MAX bytes for display_text() */
	double                w, h;          /* the page */
	double                left, right;   /* the text column */
	double                top, bottom;   /* where text may go */
	double                y;             /* the cursor */
	double                ystart;        /* the cursor at the top of this page */
	int                   page;          /* from 1 */
	int                   pages;         /* the total, known in the second pass (else 0) */
	int                   draw;          /* second pass, not measuring: draw */
	int                   measure;       /* measuring a block: no page break */
	struct pdf_frame      frame;
	int                   part_page[PARTS];  /* where each part begins (0: left out) */
	double                part_y[PARTS];
	int                   toc_page[PARTS];   /* the same, from the first pass */
	double                toc_y[PARTS];
	struct pitfall        pits[PITFALLS];
	size_t                npits;
	int                   status;        /* the first error met, RT_OK if none */
};

/* Translates a message id into the document's language. */
static const char *
pdf_t(const struct pdf_doc *d, const char *msgid)
{
	return i18n_get(d->c, d->lang, msgid);
}

/* Sets the colour of what is drawn next. */
static void
pdf_color(struct pdf_doc *d, const struct pdf_rgb *c)
{
	cairo_set_source_rgb(d->cr, c->r, c->g, c->b);
}

/* How a layout is made, beside its font, width and text. */
enum pdf_layout_flag {
	LAYOUT_MARKUP = 1 << 0,     /* the text is pango markup */
	LAYOUT_ELLIPSIZE = 1 << 1   /* cut with an ellipsis when too wide */
};

/*
 * Makes a new layout of text (UTF-8; invalid bytes are replaced rather
 * than refused; pango markup with LAYOUT_MARKUP) in font, wrapped at
 * width points (no wrapping when width <= 0), with flags (enum
 * pdf_layout_flag).  The caller unrefs it with g_object_unref().
 */
static PangoLayout *
pdf_layout_new(struct pdf_doc *d, int font, const char *text, double width,
    int flags)
{
	PangoLayout *l = pango_layout_new(d->pc);
	char *valid = NULL;

	pango_layout_set_font_description(l, d->font[font]);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_line_spacing(l, (float)pdf_fonts[font].spacing);
	if (flags & LAYOUT_ELLIPSIZE)
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	if (flags & LAYOUT_MARKUP)
		pango_layout_set_markup(l, text, -1);
	else {
		if (!g_utf8_validate(text, -1, NULL))
			text = valid = g_utf8_make_valid(text, -1);
		pango_layout_set_text(l, text, -1);
	}
	g_free(valid);
	return l;
}

/*
 * Like pdf_layout_new(), but a layout made once is kept in d->layouts
 * for the rest of the document: the same text, in the same font, width
 * and flags, is then the same layout, already shaped and broken into
 * lines, in both passes and in every measure of a block, instead of being
 * shaped again each time (most of what a document costs).  A kept layout
 * must not be changed.  Layouts take about 50 bytes per byte of their
 * text: once the keys hold KEEP_MAX bytes (four times the demonstration
 * plan's), further layouts are made anew at each call, as they all were
 * before, so that a plan of megabytes does not hold hundreds of megabytes
 * of layouts.  The layouts are the same either way, and so is the
 * document.  The caller unrefs what it is given with g_object_unref().
 */
static PangoLayout *
pdf_layout_kept(struct pdf_doc *d, int font, const char *text, double width,
    int flags)
{
	PangoLayout *l;
	char *key;
	size_t len;

	/* The width as pango_layout_set_width() takes it: what the layout depends on. */
	key = g_strdup_printf("%d %d %d %s", font,
	    width > 0 ? (int)(width * PANGO_SCALE) : 0, flags, text);
	if ((l = g_hash_table_lookup(d->layouts, key)) != NULL) {
		g_free(key);
		return g_object_ref(l);
	}
	l = pdf_layout_new(d, font, text, width, flags);
	len = strlen(key);
	if (d->kept + len <= KEEP_MAX) {
		d->kept += len;
		g_hash_table_insert(d->layouts, key, g_object_ref(l));
	} else
		g_free(key);
	return l;
}

/* A kept layout of text (pdf_layout_kept()), with no flag. */
static PangoLayout *
pdf_layout(struct pdf_doc *d, int font, const char *text, double width)
{
	return pdf_layout_kept(d, font, text, width, 0);
}

/* Like pdf_layout(), for pango markup made with g_markup_printf_escaped(). */
static PangoLayout *
pdf_layout_markup(struct pdf_doc *d, int font, const char *markup,
    double width)
{
	return pdf_layout_kept(d, font, markup, width, LAYOUT_MARKUP);
}

/* Like pdf_layout(), on one line cut with an ellipsis when too long. */
static PangoLayout *
pdf_layout_ellipsized(struct pdf_doc *d, int font, const char *text,
    double width)
{
	return pdf_layout_kept(d, font, text, width, LAYOUT_ELLIPSIZE);
}

/* The height of a layout, in points. */
static double
pdf_height(PangoLayout *l)
{
	PangoRectangle r;

	pango_layout_get_extents(l, NULL, &r);
	return (double)r.height / PANGO_SCALE;
}

/* The width of a layout's text, in points. */
static double
pdf_width(PangoLayout *l)
{
	PangoRectangle r;

	pango_layout_get_extents(l, NULL, &r);
	return (double)r.width / PANGO_SCALE;
}

/* The distance from a layout's top to its first baseline, in points. */
static double
pdf_baseline(PangoLayout *l)
{
	return (double)pango_layout_get_baseline(l) / PANGO_SCALE;
}

/* The height of the first n lines of a layout (all of them if fewer). */
static double
pdf_lines_height(PangoLayout *l, int n)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle r;
	double h = 0;
	int i = 0;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		h = (double)(r.y + r.height) / PANGO_SCALE;
	} while (++i < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return h;
}

/* Draws a layout with its top-left corner at (x, y), in the second pass only. */
static void
pdf_show(struct pdf_doc *d, PangoLayout *l, double x, double y,
    const struct pdf_rgb *c)
{
	if (!d->draw)
		return;
	pdf_color(d, c);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
}

/* A rectangle with rounded corners of radius r, as the current path. */
static void
pdf_rounded(cairo_t *cr, double x, double y, double w, double h, double r)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
	cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
	cairo_close_path(cr);
}

/* Draws the piece of the open frame that runs from top to bottom of this page. */
static void
pdf_frame_draw(struct pdf_doc *d, double top, double bottom)
{
	const struct pdf_frame *f = &d->frame;
	cairo_t *cr = d->cr;

	if (!d->draw || f->kind == FRAME_NONE || bottom <= top)
		return;
	cairo_save(cr);
	switch (f->kind) {
	case FRAME_CARD:
		pdf_rounded(cr, f->x0, top, f->x1 - f->x0, bottom - top, 5);
		pdf_color(d, &ACCENT_LINE);
		cairo_set_line_width(cr, 0.9);
		cairo_stroke(cr);
		break;
	case FRAME_BAR:
		cairo_rectangle(cr, f->x0, top, 2.5, bottom - top);
		pdf_color(d, &ACCENT_LINE);
		cairo_fill(cr);
		break;
	case FRAME_PITFALL:
		cairo_rectangle(cr, f->x0, top, 3, bottom - top);
		pdf_color(d, &WARN);
		cairo_fill(cr);
		break;
	default:
		break;
	}
	cairo_restore(cr);
}

/* Draws the footer of the current page: who, and "Page 2 of 7". */
static void
pdf_footer(struct pdf_doc *d)
{
	PangoLayout *l;
	char text[600];
	double y = d->h - FOOTER_RULE, pw;

	if (!d->draw)
		return;
	cairo_save(d->cr);
	pdf_color(d, &LINE);
	cairo_set_line_width(d->cr, 0.6);
	cairo_move_to(d->cr, d->left, y);
	cairo_line_to(d->cr, d->right, y);
	cairo_stroke(d->cr);
	snprintf(text, sizeof text, pdf_t(d, N_("Page %d of %d")), d->page,
	    d->pages);
	l = pdf_layout(d, FONT_SMALL, text, 0);
	pw = pdf_width(l);
	pdf_show(d, l, d->right - pw, y + 6, &MUTED);
	g_object_unref(l);
	if (d->org_name[0] != '\0')
		snprintf(text, sizeof text, "%s \xC2\xB7 %s", d->org_name,
		    pdf_t(d, N_("Social-media strategy")));
	else
		snprintf(text, sizeof text, "%s",
		    pdf_t(d, N_("Social-media strategy")));
	l = pdf_layout_ellipsized(d, FONT_SMALL, text,
	    d->right - d->left - pw - 24);
	pdf_show(d, l, d->left, y + 6, &MUTED);
	g_object_unref(l);
	cairo_restore(d->cr);
}

/*
 * Ends the current page (its piece of frame, its footer) and starts the
 * next one.  Does nothing while measuring.
 */
static void
pdf_new_page(struct pdf_doc *d)
{
	if (d->measure)
		return;
	if (d->frame.kind != FRAME_NONE)
		pdf_frame_draw(d, d->frame.top, d->y + d->frame.pad);
	pdf_footer(d);
	if (d->draw)
		cairo_show_page(d->cr);
	d->page++;
	d->y = d->ystart = d->top;
	if (d->frame.kind != FRAME_NONE) {
		d->frame.top = d->top;
		d->y = d->ystart = d->top + d->frame.pad;
	}
}

/* Non-zero when nothing has been placed on this page yet. */
static int
pdf_at_top(const struct pdf_doc *d)
{
	return d->y <= d->ystart + 0.5;
}

/* Starts a new page unless h points fit below the cursor (or the page is still empty). */
static void
pdf_room(struct pdf_doc *d, double h)
{
	if (!d->measure && d->y + h > d->bottom && !pdf_at_top(d))
		pdf_new_page(d);
}

/* Moves the cursor down by h, except at the top of a page. */
static void
pdf_space(struct pdf_doc *d, double h)
{
	if (!pdf_at_top(d))
		d->y += h;
}

/* Opens a frame of kind around what follows, from the cursor down. */
static void
pdf_frame_open(struct pdf_doc *d, int kind, double x0, double x1, double pad)
{
	d->frame.kind = kind;
	d->frame.x0 = x0;
	d->frame.x1 = x1;
	d->frame.top = d->y;
	d->frame.pad = pad;
	d->y += pad;
}

/* Closes the frame: draws its last piece and moves below it. */
static void
pdf_frame_close(struct pdf_doc *d)
{
	d->y += d->frame.pad;
	pdf_frame_draw(d, d->frame.top, d->y);
	memset(&d->frame, 0, sizeof d->frame);
}

/* One line of a layout, placed. */
struct pdf_line {
	PangoLayoutLine *line;
	double x;       /* from the layout's left */
	double top;     /* from the layout's top */
	double bottom;
	double base;    /* the baseline */
};

/*
 * Draws layout l at x from the cursor down, line by line, going to the
 * next page when a line does not fit; leaves the cursor under its last
 * line.  At least two lines of a paragraph stay together at the foot of
 * a page (no orphan) and at the head of the next (no widow), when the
 * layout has enough of them.
 */
static void
pdf_flow(struct pdf_doc *d, PangoLayout *l, double x, const struct pdf_rgb *c)
{
	PangoLayoutIter *it;
	PangoRectangle r;
	struct pdf_line *ln;
	double off = d->y;
	int n = pango_layout_get_line_count(l), i;

	if (n <= 0)
		return;
	if ((ln = calloc((size_t)n, sizeof *ln)) == NULL) {
		d->status = RT_ENOMEM;
		return;
	}
	it = pango_layout_get_iter(l);
	i = 0;
	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		ln[i].line = pango_layout_iter_get_line_readonly(it);
		ln[i].x = (double)r.x / PANGO_SCALE;
		ln[i].top = (double)r.y / PANGO_SCALE;
		ln[i].bottom = (double)(r.y + r.height) / PANGO_SCALE;
		ln[i].base = (double)pango_layout_iter_get_baseline(it) /
		    PANGO_SCALE;
	} while (++i < n && pango_layout_iter_next_line(it));
	n = i;
	for (i = 0; i < n; i++) {
#define FITS(k) (off + ln[(k)].bottom <= d->bottom)
		int brk = !FITS(i);

		if (!brk && i == 0 && n >= 2 && !FITS(1))
			brk = 1;
		if (!brk && i >= 2 && i == n - 2 && !FITS(i + 1))
			brk = 1;
#undef FITS
		if (brk && !d->measure && off + ln[i].top > d->ystart + 0.5) {
			d->y = off + ln[i].top;
			pdf_new_page(d);
			off = d->y - ln[i].top;
		}
		if (d->draw) {
			pdf_color(d, c);
			cairo_move_to(d->cr, x + ln[i].x, off + ln[i].base);
			pango_cairo_show_layout_line(d->cr, ln[i].line);
		}
		d->y = off + ln[i].bottom;
	}
	pango_layout_iter_free(it);
	free(ln);
}

/* Flows text in font across the column from x0 to x1, then adds after points. */
static void
pdf_para(struct pdf_doc *d, int font, const char *text, double x0, double x1,
    const struct pdf_rgb *c, double after)
{
	PangoLayout *l = pdf_layout(d, font, text, x1 - x0);

	pdf_flow(d, l, x0, c);
	g_object_unref(l);
	d->y += after;
}

/*
 * Draws one answer: its label on the left, the answer beside it (flowing
 * across pages when long), their first baselines aligned.  Answers start
 * at the same distance from the page's margin everywhere, inside an item
 * or a card too, unless the column is too narrow for that.
 */
static void
pdf_row(struct pdf_doc *d, const char *label, const char *value, double x0,
    double x1)
{
	PangoLayout *ll, *vl;
	double vx, lh, first, top;
	int page;

	vx = d->left + floor((d->right - d->left) * LABEL_FRAC) + COL_GAP;
	if (vx - COL_GAP - x0 < 60)
		vx = x0 + floor((x1 - x0) * LABEL_FRAC) + COL_GAP;
	ll = pdf_layout(d, FONT_LABEL, label, vx - COL_GAP - x0);
	vl = pdf_layout(d, FONT_BODY, value, x1 - vx);
	lh = pdf_height(ll);
	first = pdf_lines_height(vl, 2);
	pdf_room(d, lh > first ? lh : first);
	top = d->y;
	page = d->page;
	pdf_show(d, ll, x0, top + pdf_baseline(vl) - pdf_baseline(ll), &MUTED);
	pdf_flow(d, vl, vx, &INK);
	if (d->page == page && d->y < top + lh)
		d->y = top + lh;
	d->y += ROW_GAP;
	g_object_unref(ll);
	g_object_unref(vl);
}

/*
 * Draws one row per answered field of fields[0..n) with values, from x0
 * to x1, but for the fields for the team only in a shared document;
 * returns how many (in measure mode too).
 */
static int
pdf_rows(struct pdf_doc *d, const struct wb_field *fields, size_t n,
    char *const *values, double x0, double x1)
{
	size_t i;
	int shown = 0;

	for (i = 0; i < n; i++) {
		if (d->shared && fields[i].team_only)
			continue;
		display_text(d->c, d->lang, &fields[i], values[i], d->p,
		    d->text, TEXT_MAX);
		if (d->text[0] == '\0')
			continue;
		shown++;
		if (x1 > x0) {
			/* The row's own layout copies the text: d->text is reused. */
			char *value = strdup(d->text);

			if (value == NULL) {
				d->status = RT_ENOMEM;
				return shown;
			}
			pdf_row(d, pdf_t(d, fields[i].def.label), value, x0, x1);
			free(value);
		}
	}
	return shown;
}

/* How many fields of fields[0..n) with values are answered. */
static int
pdf_answered(struct pdf_doc *d, const struct wb_field *fields, size_t n,
    char *const *values)
{
	return pdf_rows(d, fields, n, values, 0, 0);
}

/* What a function that draws a block is given. */
struct pdf_item_arg {
	const struct wb_list *l;
	const struct wb_item *it;
	size_t                index;
};

typedef void (*pdf_block_fn)(struct pdf_doc *, const void *);

/*
 * Measures the height of the block that fn draws, by running it in
 * measure mode from a cursor at 0; nothing is drawn and the document's
 * state is left as it was.
 */
static double
pdf_measure(struct pdf_doc *d, pdf_block_fn fn, const void *arg)
{
	struct pdf_frame frame = d->frame;
	double y = d->y, ystart = d->ystart, h;
	int draw = d->draw, measure = d->measure, page = d->page;

	d->draw = 0;
	d->measure = 1;
	d->y = 0;
	d->ystart = -1e9;    /* spacing is counted, as if not at the top */
	memset(&d->frame, 0, sizeof d->frame);
	fn(d, arg);
	h = d->y;
	d->frame = frame;
	d->y = y;
	d->ystart = ystart;
	d->draw = draw;
	d->measure = measure;
	d->page = page;
	return h;
}

/* Draws a persona as a framed card: a tinted band with its name, then its answers. */
static void
pdf_card(struct pdf_doc *d, const void *arg)
{
	const struct pdf_item_arg *a = arg;
	PangoLayout *tl;
	char title[300];
	double x0 = d->left, x1 = d->right, th, top;

	display_item_title(d->c, d->lang, a->l, a->index, a->it, title,
	    sizeof title);
	tl = pdf_layout(d, FONT_ITEM, title, x1 - x0 - 2 * CARD_PAD);
	th = pdf_height(tl);
	pdf_room(d, th + 2 * CARD_PAD + 40);
	top = d->y;
	pdf_frame_open(d, FRAME_CARD, x0, x1, 0);
	if (d->draw) {
		cairo_save(d->cr);
		cairo_new_path(d->cr);
		cairo_move_to(d->cr, x0, top + th + 2 * CARD_PAD - 2);
		cairo_arc(d->cr, x0 + 5, top + 5, 5, M_PI, 3 * M_PI / 2);
		cairo_arc(d->cr, x1 - 5, top + 5, 5, 3 * M_PI / 2, 2 * M_PI);
		cairo_line_to(d->cr, x1, top + th + 2 * CARD_PAD - 2);
		cairo_close_path(d->cr);
		pdf_color(d, &ACCENT_SOFT);
		cairo_fill(d->cr);
		cairo_restore(d->cr);
	}
	pdf_show(d, tl, x0 + CARD_PAD, top + CARD_PAD - 1, &ACCENT);
	g_object_unref(tl);
	d->y = top + th + 2 * CARD_PAD + 6;
	d->frame.pad = CARD_PAD - 4;
	pdf_rows(d, a->l->fields, a->l->nfields, a->it->values,
	    x0 + CARD_PAD, x1 - CARD_PAD);
	pdf_frame_close(d);
}

/* Draws an item (an objective, a post...): a heading, then its answers beside a bar. */
static void
pdf_item(struct pdf_doc *d, const void *arg)
{
	const struct pdf_item_arg *a = arg;
	PangoLayout *tl;
	char title[300];
	double x0 = d->left + BAR_PAD, x1 = d->right, th;

	display_item_title(d->c, d->lang, a->l, a->index, a->it, title,
	    sizeof title);
	tl = pdf_layout(d, FONT_ITEM, title, x1 - x0);
	th = pdf_height(tl);
	pdf_room(d, th + 40);
	pdf_frame_open(d, FRAME_BAR, d->left, d->right, 1);
	pdf_show(d, tl, x0, d->y, &INK);
	d->y += th + 5;
	g_object_unref(tl);
	pdf_rows(d, a->l->fields, a->l->nfields, a->it->values, x0, x1);
	d->y -= ROW_GAP;
	pdf_frame_close(d);
}

/*
 * Draws a section's heading, numbered num (none when 0), with a rule
 * under it, on the page where the first need points of what follows it
 * fit too; the heading is also an entry of the document's outline.
 */
static void
pdf_part_heading(struct pdf_doc *d, int part, int num, const char *title,
    const struct pdf_rgb *c, double need)
{
	PangoLayout *nl = NULL, *l;
	char text[300];
	double h, nw = 0;

	if (num > 0) {
		snprintf(text, sizeof text, "%d", num);
		nl = pdf_layout(d, FONT_PART, text, 0);
		nw = pdf_width(nl) + 9;
	}
	l = pdf_layout(d, FONT_PART, title, d->right - d->left - nw);
	h = pdf_height(l);
	pdf_space(d, 24);
	pdf_room(d, h + 15 + need);
	d->part_page[part] = d->page;
	d->part_y[part] = d->y;
	if (d->draw) {
		char dest[80];

		snprintf(dest, sizeof dest, "page=%d pos=[%.1f %.1f]",
		    d->page, d->left, d->y > 12 ? d->y - 12 : 0);
		if (num > 0)
			snprintf(text, sizeof text, "%d. %s", num, title);
		else
			snprintf(text, sizeof text, "%s", title);
		cairo_pdf_surface_add_outline(d->surface,
		    CAIRO_PDF_OUTLINE_ROOT, text, dest, 0);
	}
	if (nl != NULL) {
		pdf_show(d, nl, d->left, d->y, &ACCENT_LINE);
		g_object_unref(nl);
	}
	pdf_show(d, l, d->left + nw, d->y, c);
	d->y += h + 4;
	if (d->draw) {
		cairo_save(d->cr);
		pdf_color(d, c);
		cairo_set_line_width(d->cr, 1.2);
		cairo_move_to(d->cr, d->left, d->y);
		cairo_line_to(d->cr, d->right, d->y);
		cairo_stroke(d->cr);
		cairo_restore(d->cr);
	}
	d->y += 11;
	g_object_unref(l);
}

/* Formats hours for the chart: "3,5 h". */
static void
pdf_hours(const struct pdf_doc *d, double h, char *out, size_t outlen)
{
	char num[32];

	display_hours(d->lang, h, num, sizeof num);
	snprintf(out, outlen, "%s\xC2\xA0h", num);
}

/* A step between grid lines that gives at most about eight of them up to max. */
static double
pdf_grid_step(double max)
{
	static const double steps[] = { 1, 2, 5, 10, 20, 50, 100 };
	size_t i;

	for (i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (max / steps[i] <= 8)
			return steps[i];
	return 100;
}

/*
 * Draws the time budget (coach_budget) as a bar chart: per chosen
 * platform, the band of hours it usually takes and a bar of the hours
 * planned; then the total, against a dashed line at the hours the team
 * can give; a legend, and a warning when the plan asks too much.
 */
static void
pdf_budget(struct pdf_doc *d, const void *arg)
{
	const struct coach_budget *b = arg;
	enum { ROW_H = 27 };
	double name_w = 86, val_w = 104, bx0, bx1, scale = 1, step, gx, top,
	    chart_h;
	char num[64], num2[80], text[400];
	PangoLayout *l;
	size_t i;

#define PX(h) (bx0 + (h) / scale * (bx1 - bx0))
	bx0 = d->left + name_w + 8;
	bx1 = d->right - val_w;
	if (b->available > scale)
		scale = b->available;
	if (b->planned > scale)
		scale = b->planned;
	for (i = 0; i < b->n; i++)
		if (b->rows[i].reference_max > scale)
			scale = b->rows[i].reference_max;
	step = pdf_grid_step(scale);
	scale = ceil(scale / step) * step;

	pdf_space(d, 8);
	l = pdf_layout(d, FONT_ITEM, pdf_t(d, N_("Time budget, in hours a week")),
	    d->right - d->left);
	pdf_show(d, l, d->left, d->y, &INK);
	d->y += pdf_height(l) + 6;
	g_object_unref(l);

	/* The line of the hours available is labelled above the chart. */
	if (b->available > 0) {
		pdf_hours(d, b->available, num, sizeof num);
		snprintf(text, sizeof text, pdf_t(d, N_("available: %s")), num);
		l = pdf_layout(d, FONT_SMALL, text, 0);
		gx = PX(b->available) - pdf_width(l) / 2;
		if (gx + pdf_width(l) > d->right)
			gx = d->right - pdf_width(l);
		pdf_show(d, l, gx, d->y, &WARN);
		d->y += pdf_height(l) + 2;
		g_object_unref(l);
	}
	top = d->y;
	chart_h = (double)(b->n + 1) * ROW_H + 6;

	if (d->draw) {
		cairo_save(d->cr);
		cairo_set_line_width(d->cr, 0.5);
		pdf_color(d, &GRID);
		for (gx = 0; gx <= scale + 1e-9; gx += step) {
			cairo_move_to(d->cr, PX(gx), top);
			cairo_line_to(d->cr, PX(gx), top + chart_h);
		}
		cairo_stroke(d->cr);
		cairo_restore(d->cr);
	}
	for (i = 0; i <= b->n; i++) {
		int total = i == b->n;
		double y = top + (double)i * ROW_H + (total ? 6 : 0), mid = y + ROW_H / 2.0;
		double planned = total ? b->planned : b->rows[i].planned;

		if (total && d->draw) {
			cairo_save(d->cr);
			pdf_color(d, &LINE);
			cairo_set_line_width(d->cr, 0.6);
			cairo_move_to(d->cr, d->left, y - 3);
			cairo_line_to(d->cr, d->right, y - 3);
			cairo_stroke(d->cr);
			cairo_restore(d->cr);
		}
		l = pdf_layout_ellipsized(d, total ? FONT_BOLD : FONT_BODY,
		    total ? pdf_t(d, N_("Total")) :
		    platforms[b->rows[i].platform].name, name_w);
		pdf_show(d, l, d->left, mid - pdf_height(l) / 2, &INK);
		g_object_unref(l);
		if (d->draw) {
			cairo_save(d->cr);
			if (!total && b->rows[i].reference_max > 0) {
				double lo = b->rows[i].reference_min;
				double w = PX(b->rows[i].reference_max) - PX(lo);

				cairo_rectangle(d->cr, PX(lo), mid - 7,
				    w < 2 ? 2 : w, 14);
				pdf_color(d, &BAND);
				cairo_fill(d->cr);
			}
			cairo_rectangle(d->cr, bx0, mid - (total ? 5 : 3.5),
			    PX(planned) - bx0, total ? 10 : 7);
			pdf_color(d, !total ? &ACCENT : b->available > 0 &&
			    b->planned > b->available ? &ERROR : &TOTAL);
			cairo_fill(d->cr);
			cairo_restore(d->cr);
		}
		pdf_hours(d, planned, num, sizeof num);
		l = pdf_layout(d, total ? FONT_BOLD : FONT_BODY, num, 0);
		if (!total && b->rows[i].reference_max > 0) {
			PangoLayout *u;
			char lo[32], hi[32];

			display_hours(d->lang, b->rows[i].reference_min, lo,
			    sizeof lo);
			display_hours(d->lang, b->rows[i].reference_max, hi,
			    sizeof hi);
			if (b->rows[i].reference_min == b->rows[i].reference_max)
				snprintf(num2, sizeof num2, "%s", hi);
			else
				snprintf(num2, sizeof num2, "%s\xE2\x80\x93%s",
				    lo, hi);
			snprintf(text, sizeof text, pdf_t(d,
			    N_("usually %s")), num2);
			u = pdf_layout_ellipsized(d, FONT_SMALL, text,
			    val_w - 8);
			pdf_show(d, l, bx1 + 8, mid - (pdf_height(l) +
			    pdf_height(u)) / 2, &INK);
			pdf_show(d, u, bx1 + 8, mid - (pdf_height(l) +
			    pdf_height(u)) / 2 + pdf_height(l), &MUTED);
			g_object_unref(u);
		} else
			pdf_show(d, l, bx1 + 8, mid - pdf_height(l) / 2, &INK);
		g_object_unref(l);
	}
	if (b->available > 0 && d->draw) {
		static const double dash[] = { 3.5, 2.5 };

		cairo_save(d->cr);
		pdf_color(d, &WARN);
		cairo_set_line_width(d->cr, 1.6);
		cairo_set_dash(d->cr, dash, 2, 0);
		cairo_move_to(d->cr, PX(b->available), top - 1);
		cairo_line_to(d->cr, PX(b->available), top + chart_h + 1);
		cairo_stroke(d->cr);
		cairo_restore(d->cr);
	}
	d->y = top + chart_h + 6;

	/* The scale, under the grid. */
	for (gx = 0; gx <= scale + 1e-9; gx += step) {
		display_hours(d->lang, gx, num, sizeof num);
		l = pdf_layout(d, FONT_SMALL, num, 0);
		pdf_show(d, l, PX(gx) - pdf_width(l) / 2, d->y, &MUTED);
		if (gx + step > scale + 1e-9)
			d->y += pdf_height(l);
		g_object_unref(l);
	}
	d->y += 8;

	/* The legend: a swatch, then what it means. */
	{
		const char *what[3];
		double x = d->left, y = d->y;
		int k, nk = b->available > 0 ? 3 : 2;

		what[0] = pdf_t(d, N_("the time a platform usually takes"));
		what[1] = pdf_t(d, N_("what you plan"));
		what[2] = pdf_t(d, N_("the hours your team can give"));
		for (k = 0; k < nk; k++) {
			l = pdf_layout(d, FONT_SMALL, what[k], 0);
			if (x + 18 + pdf_width(l) > d->right && x > d->left) {
				x = d->left;
				y += pdf_height(l) + 3;
			}
			if (d->draw) {
				double sy = y + pdf_height(l) / 2;

				cairo_save(d->cr);
				if (k == 0) {
					cairo_rectangle(d->cr, x, sy - 5, 12, 10);
					pdf_color(d, &BAND);
					cairo_fill(d->cr);
				} else if (k == 1) {
					cairo_rectangle(d->cr, x, sy - 3.5, 12, 7);
					pdf_color(d, &ACCENT);
					cairo_fill(d->cr);
				} else {
					static const double dash[] = { 3.5, 2.5 };

					cairo_set_dash(d->cr, dash, 2, 0);
					cairo_set_line_width(d->cr, 1.6);
					cairo_move_to(d->cr, x + 6, sy - 6);
					cairo_line_to(d->cr, x + 6, sy + 6);
					pdf_color(d, &WARN);
					cairo_stroke(d->cr);
				}
				cairo_restore(d->cr);
			}
			pdf_show(d, l, x + 16, y, &MUTED);
			x += 16 + pdf_width(l) + 16;
			if (k == nk - 1)
				d->y = y + pdf_height(l);
			g_object_unref(l);
		}
	}
	d->y += 6;
	if (b->available > 0 && b->planned > b->available) {
		pdf_hours(d, b->planned, num, sizeof num);
		pdf_hours(d, b->available, num2, sizeof num2);
		snprintf(text, sizeof text, pdf_t(d, N_("You plan more hours "
		    "than your team can give: %s against %s a week.")), num,
		    num2);
		pdf_para(d, FONT_BOLD, text, d->left, d->right, &ERROR, 0);
	} else if (b->available <= 0)
		pdf_para(d, FONT_SMALL, pdf_t(d, N_("Say in the starting point "
		    "how many hours a week your team can really give, to "
		    "compare.")), d->left, d->right, &MUTED, 0);
#undef PX
}

/* How many answers and items of a section the summary shows (as widget_show_section). */
static int
pdf_section_count(struct pdf_doc *d, const struct wb_data *data)
{
	const struct wb_section_def *s = &wb_sections[data->section];
	size_t l, i;
	int n = 0;

	n += pdf_answered(d, s->fields, s->nfields, data->values);
	for (l = 0; l < s->nlists; l++)
		for (i = 0; i < data->lists[l].n; i++)
			if (pdf_answered(d, s->lists[l].fields,
			    s->lists[l].nfields, data->lists[l].items[i].values) > 0)
				n++;
	return n;
}

/*
 * The height an item must find on its page: the whole of it when it is
 * kept in one piece (a card, unless taller than a page; a short item),
 * else its heading and the start of its first answer.  *fn is set to the
 * function that draws it.
 */
static double
pdf_item_need(struct pdf_doc *d, const struct pdf_item_arg *a, int card,
    pdf_block_fn *fn)
{
	double body = d->bottom - d->top, h;

	*fn = card ? pdf_card : pdf_item;
	h = pdf_measure(d, *fn, a);
	if (h <= body && (card || h <= body / 3))
		return h;
	return 60;
}

/* Non-zero when list l of section s holds personas, drawn as cards. */
static int
pdf_is_card(int s, const struct wb_list *l)
{
	return s == WB_AUDIENCES && strcmp(l->name, "persona") == 0;
}

/* Draws one section of the workbook: its heading, its answers, its items. */
static void
pdf_section(struct pdf_doc *d, int section)
{
	const struct wb_section_def *s = &wb_sections[section];
	const struct wb_data *data = &d->p->s[section];
	double need = 44;      /* two lines of an answer */
	pdf_block_fn fn;
	size_t l, i;
	int first = 1, empty = pdf_section_count(d, data) == 0;

	if (empty)
		need = 20;
	else if (pdf_answered(d, s->fields, s->nfields, data->values) == 0) {
		/* The first item comes right under the heading. */
		for (l = 0; l < s->nlists && first; l++)
			for (i = 0; i < data->lists[l].n && first; i++) {
				struct pdf_item_arg a;

				if (pdf_answered(d, s->lists[l].fields,
				    s->lists[l].nfields,
				    data->lists[l].items[i].values) == 0)
					continue;
				a.l = &s->lists[l];
				a.it = &data->lists[l].items[i];
				a.index = i;
				need = pdf_item_need(d, &a,
				    pdf_is_card(section, a.l), &fn);
				first = 0;
			}
	}
	pdf_part_heading(d, section, section + 1, pdf_t(d, s->title), &ACCENT,
	    need);
	if (empty)
		pdf_para(d, FONT_PENDING, pdf_t(d, N_("To complete")), d->left,
		    d->right, &MUTED, 0);
	else if (s->nfields > 0)
		pdf_rows(d, s->fields, s->nfields, data->values, d->left,
		    d->right);
	for (l = 0; l < s->nlists && !empty; l++) {
		const struct wb_list *ldef = &s->lists[l];
		int card = pdf_is_card(section, ldef);

		for (i = 0; i < data->lists[l].n; i++) {
			struct pdf_item_arg a;

			if (pdf_answered(d, ldef->fields, ldef->nfields,
			    data->lists[l].items[i].values) == 0)
				continue;
			a.l = ldef;
			a.it = &data->lists[l].items[i];
			a.index = i;
			pdf_space(d, card ? 12 : 10);
			pdf_room(d, pdf_item_need(d, &a, card, &fn));
			fn(d, &a);
		}
	}
	/* The time budget, even before any platform is described (as the summary page). */
	if (section == WB_PLATFORMS) {
		struct coach_budget b;

		coach_budget(d->p, &b);
		if (b.n > 0 || b.available > 0) {
			double h = pdf_measure(d, pdf_budget, &b);

			pdf_space(d, 10);
			pdf_room(d, h);
			pdf_budget(d, &b);
		}
	}
}

/* Draws one pitfall: a tinted box with its title, what it means, where to fix it. */
static void
pdf_pitfall(struct pdf_doc *d, const void *arg)
{
	const struct pitfall *pit = arg;
	double x0 = d->left + 14, x1 = d->right - 12, top = d->y, h;
	char text[400], a[48], b[48], *m;
	PangoLayout *l;

	if (d->draw && !d->measure) {
		h = pdf_measure(d, pdf_pitfall, arg);
		cairo_save(d->cr);
		cairo_rectangle(d->cr, d->left, top, d->right - d->left,
		    h < d->bottom - top ? h : d->bottom - top);
		pdf_color(d, &WARN_SOFT);
		cairo_fill(d->cr);
		cairo_restore(d->cr);
	}
	pdf_frame_open(d, FRAME_PITFALL, d->left, d->right, 8);
	if (pit->subject[0] != '\0')
		m = g_markup_printf_escaped("<b>%s</b> (%s)",
		    pdf_t(d, pitfall_titles[pit->id]), pit->subject);
	else
		m = g_markup_printf_escaped("<b>%s</b>",
		    pdf_t(d, pitfall_titles[pit->id]));
	l = pdf_layout_markup(d, FONT_BODY, m, x1 - x0);
	g_free(m);
	pdf_flow(d, l, x0, &INK);
	g_object_unref(l);
	d->y += 3;
	pdf_para(d, FONT_BODY, pdf_t(d, pitfall_explanations[pit->id]), x0, x1,
	    &INK, 0);
	if ((pit->id == PIT_HOURS_OVER || pit->id == PIT_TOO_MANY_PLATFORMS) &&
	    (pit->planned > 0 || pit->available > 0)) {
		display_hours(d->lang, pit->planned, a, sizeof a);
		display_hours(d->lang, pit->available, b, sizeof b);
		snprintf(text, sizeof text, pdf_t(d, N_("Planned: %s h a week; "
		    "available: %s h.")), a, b);
		d->y += 3;
		pdf_para(d, FONT_BODY, text, x0, x1, &INK, 0);
	}
	snprintf(text, sizeof text, pdf_t(d, N_("To fix in: %s")),
	    pdf_t(d, wb_sections[pit->section].title));
	d->y += 4;
	pdf_para(d, FONT_SMALL, text, x0, x1, &WARN, 0);
	pdf_frame_close(d);
}

/* Draws the part of the pitfalls still open, on a page of its own. */
static void
pdf_pitfalls(struct pdf_doc *d)
{
	size_t i, n = d->npits < PITFALLS ? d->npits : PITFALLS;

	if (n == 0)
		return;
	if (!pdf_at_top(d))
		pdf_new_page(d);
	pdf_part_heading(d, WB__MAX, 0, pdf_t(d, N_("Pitfalls still open")),
	    &WARN, 40);
	pdf_para(d, FONT_BODY, pdf_t(d, N_("The classic mistakes that the "
	    "workbook still finds in this plan. Each one says which section "
	    "to revise.")), d->left, d->right, &MUTED, 10);
	for (i = 0; i < n; i++) {
		double h = pdf_measure(d, pdf_pitfall, &d->pits[i]);

		if (i > 0)
			pdf_space(d, 8);
		pdf_room(d, h);
		pdf_pitfall(d, &d->pits[i]);
	}
}

/* Non-zero when the section is in the document (an empty optional one is not). */
static int
pdf_section_shown(struct pdf_doc *d, int section)
{
	return !wb_sections[section].optional ||
	    pdf_section_count(d, &d->p->s[section]) > 0;
}

/*
 * Draws the first page's title: a band of colour, "Social-media
 * strategy", the organisation's name, the date; then the contents, with
 * each part's page (from the first pass) and each section's completion.
 */
static void
pdf_title_page(struct pdf_doc *d)
{
	PangoLayout *l;
	PangoAttrList *attrs;
	struct coach_progress pr;
	char text[300];
	double w = d->right - d->left;
	int i;

	if (d->draw) {
		cairo_rectangle(d->cr, 0, 0, d->w, 10);
		pdf_color(d, &ACCENT);
		cairo_fill(d->cr);
	}
	d->y += 30;
	/* Its own layout, not kept: attributes change it after it is made. */
	l = pdf_layout_new(d, FONT_KICKER, pdf_t(d, N_("Social-media strategy")),
	    w, 0);
	attrs = pango_attr_list_new();
	pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
	    (int)(0.6 * PANGO_SCALE)));
	pango_attr_list_insert(attrs, pango_attr_text_transform_new(
	    PANGO_TEXT_TRANSFORM_UPPERCASE));
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	pdf_show(d, l, d->left, d->y, &ACCENT);
	d->y += pdf_height(l) + 8;
	g_object_unref(l);
	pdf_para(d, FONT_TITLE, d->org_name[0] ? d->org_name : "\xE2\x80\x94",
	    d->left, d->right, &INK, 10);
	coach_progress(d->p, &pr);
	snprintf(text, sizeof text, pdf_t(d, N_("As of %s")), d->date);
	snprintf(text + strlen(text), sizeof text - strlen(text),
	    " \xC2\xB7 ");
	snprintf(text + strlen(text), sizeof text - strlen(text),
	    pdf_t(d, N_("The plan is %d%% complete.")), pr.overall);
	pdf_para(d, FONT_DATE, text, d->left, d->right, &MUTED, 0);
	d->y += 26;
	if (d->draw) {
		cairo_save(d->cr);
		pdf_color(d, &ACCENT);
		cairo_set_line_width(d->cr, 2.5);
		cairo_move_to(d->cr, d->left, d->y);
		cairo_line_to(d->cr, d->left + 48, d->y);
		cairo_stroke(d->cr);
		cairo_restore(d->cr);
	}
	d->y += 22;

	l = pdf_layout(d, FONT_ITEM, pdf_t(d, N_("Contents")), w);
	pdf_show(d, l, d->left, d->y, &INK);
	d->y += pdf_height(l) + 10;
	g_object_unref(l);
	for (i = 0; i < PARTS; i++) {
		const char *title;
		double rowh, bar_x = d->right - 150, mid;
		int pitfalls = i == WB__MAX;

		if (pitfalls ? d->npits == 0 : !pdf_section_shown(d, i))
			continue;
		title = pdf_t(d, pitfalls ? N_("Pitfalls still open") :
		    wb_sections[i].title);
		l = pdf_layout(d, FONT_TOC, title, bar_x - d->left - 34);
		rowh = pdf_height(l);
		mid = d->y + rowh / 2;
		if (d->draw && d->toc_page[i] > 0) {
			char link[80];

			snprintf(link, sizeof link, "page=%d pos=[%.1f %.1f]",
			    d->toc_page[i], d->left,
			    d->toc_y[i] > 12 ? d->toc_y[i] - 12 : 0);
			cairo_tag_begin(d->cr, CAIRO_TAG_LINK, link);
		}
		pdf_show(d, l, d->left + 22, d->y, pitfalls ? &WARN : &INK);
		g_object_unref(l);
		if (!pitfalls) {
			snprintf(text, sizeof text, "%d", i + 1);
			l = pdf_layout(d, FONT_TOC, text, 0);
			pdf_show(d, l, d->left, d->y, &ACCENT);
			g_object_unref(l);
		}
		if (!pitfalls) {
			/* The section's completion: a small bar and its figure. */
			if (d->draw) {
				cairo_save(d->cr);
				cairo_rectangle(d->cr, bar_x, mid - 2.5, 70, 5);
				pdf_color(d, &GRID);
				cairo_fill(d->cr);
				cairo_rectangle(d->cr, bar_x, mid - 2.5,
				    70 * pr.percent[i] / 100.0, 5);
				pdf_color(d, &ACCENT);
				cairo_fill(d->cr);
				cairo_restore(d->cr);
			}
			snprintf(text, sizeof text, pdf_t(d, N_("%d%%")),
			    pr.percent[i]);
			l = pdf_layout(d, FONT_SMALL, text, 0);
			pdf_show(d, l, bar_x + 78, mid - pdf_height(l) / 2,
			    &MUTED);
			g_object_unref(l);
		} else {
			snprintf(text, sizeof text, "%zu", d->npits);
			l = pdf_layout(d, FONT_SMALL, text, 0);
			pdf_show(d, l, bar_x + 78, mid - pdf_height(l) / 2,
			    &WARN);
			g_object_unref(l);
		}
		snprintf(text, sizeof text, "%d", d->toc_page[i]);
		l = pdf_layout(d, FONT_TOC, text, 0);
		pdf_show(d, l, d->right - pdf_width(l), d->y, &MUTED);
		g_object_unref(l);
		if (d->draw && d->toc_page[i] > 0)
			cairo_tag_end(d->cr, CAIRO_TAG_LINK);
		d->y += rowh + 3;
		if (d->draw) {
			cairo_save(d->cr);
			pdf_color(d, &GRID);
			cairo_set_line_width(d->cr, 0.5);
			cairo_move_to(d->cr, d->left, d->y);
			cairo_line_to(d->cr, d->right, d->y);
			cairo_stroke(d->cr);
			cairo_restore(d->cr);
		}
		d->y += 4;
	}
}

/* Lays out the whole document once: drawing it when d->draw is set. */
static void
pdf_document(struct pdf_doc *d)
{
	int i;

	d->page = 1;
	d->y = d->ystart = d->top;
	memset(&d->frame, 0, sizeof d->frame);
	memset(d->part_page, 0, sizeof d->part_page);
	pdf_title_page(d);
	pdf_new_page(d);
	for (i = 0; i < WB__MAX && d->status == RT_OK; i++)
		if (pdf_section_shown(d, i))
			pdf_section(d, i);
	pdf_pitfalls(d);
	pdf_footer(d);
	if (d->draw)
		cairo_show_page(d->cr);
}

/* Appends what cairo writes to the struct buf given as closure. */
static cairo_status_t
pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
	return buf_append(closure, data, len) == RT_OK ?
	    CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Throws away what cairo writes (pdf_init draws for nothing). */
static cairo_status_t
pdf_discard(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

/* Our status for a cairo status. */
static int
pdf_cairo_status(cairo_status_t st)
{
	if (st == CAIRO_STATUS_SUCCESS)
		return RT_OK;
	if (st == CAIRO_STATUS_NO_MEMORY || st == CAIRO_STATUS_WRITE_ERROR)
		return RT_ENOMEM;
	return RT_EIO;
}

/*
 * Makes d's cairo context and pango context on surface, with the fonts
 * and with hinting off (a PDF is scaled by whoever reads it, and both
 * passes must measure alike).  Returns RT_OK or an error; pdf_doc_free()
 * frees what was made either way.
 */
static int
pdf_doc_open(struct pdf_doc *d, cairo_surface_t *surface)
{
	cairo_font_options_t *fo;
	int i;

	d->surface = surface;
	d->cr = cairo_create(surface);
	if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
		return pdf_cairo_status(cairo_status(d->cr));
	d->pc = pango_cairo_create_context(d->cr);
	if (d->pc == NULL)
		return RT_ENOMEM;
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(d->pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(d->pc, 72);
	d->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_object_unref);
	for (i = 0; i < FONT__MAX; i++) {
		char desc[80];

		snprintf(desc, sizeof desc, "%s %s", PDF_FONT_FAMILY,
		    pdf_fonts[i].style);
		d->font[i] = pango_font_description_from_string(desc);
		if (d->font[i] == NULL)
			return RT_ENOMEM;
		pango_font_description_set_absolute_size(d->font[i],
		    pdf_fonts[i].size * PANGO_SCALE);
	}
	return RT_OK;
}

/* Frees what pdf_doc_open() made and d's text buffer (not the surface). */
static void
pdf_doc_free(struct pdf_doc *d)
{
	int i;

	if (d->layouts != NULL)
		g_hash_table_destroy(d->layouts);
	for (i = 0; i < FONT__MAX; i++)
		if (d->font[i] != NULL)
			pango_font_description_free(d->font[i]);
	if (d->pc != NULL)
		g_object_unref(d->pc);
	if (d->cr != NULL)
		cairo_destroy(d->cr);
	free(d->text);
	g_free(d->org_name);
}

int
pdf_init(void)
{
	cairo_surface_t *s;
	struct pdf_doc *d;
	PangoFontFamily **fam = NULL;
	PangoLayout *l;
	int i, nfam = 0, rc, found = 0;

	if ((d = calloc(1, sizeof *d)) == NULL)
		return RT_ENOMEM;
	s = cairo_pdf_surface_create_for_stream(pdf_discard, NULL, A4_W, A4_H);
	if ((rc = pdf_doc_open(d, s)) == RT_OK) {
		d->draw = 1;
		l = pdf_layout(d, FONT_BODY, "\xC3\x89t\xC3\xA9 \xC2\xAB "
		    "Comit\xC3\xA9 \xC2\xBB d\xE2\x80\x99" "abord", 200);
		pdf_show(d, l, 10, 10, &INK);
		g_object_unref(l);
		pango_font_map_list_families(pango_context_get_font_map(d->pc),
		    &fam, &nfam);
		for (i = 0; i < nfam; i++)
			if (g_ascii_strcasecmp(pango_font_family_get_name(fam[i]),
			    PDF_FONT_FAMILY) == 0)
				found = 1;
		g_free(fam);
		if (!found)
			rc = RT_ENOTFOUND;
	}
	pdf_doc_free(d);
	free(d);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	return rc;
}

/* Sets the document's title, author, creator and creation date. */
static void
pdf_metadata(struct pdf_doc *d, time_t now)
{
	char title[600], date[32];
	struct tm tm;

	snprintf(title, sizeof title, "%s \xE2\x80\x94 %s",
	    pdf_t(d, N_("Social-media strategy")), d->org_name);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE,
	    title);
	if (d->org_name[0] != '\0')
		cairo_pdf_surface_set_metadata(d->surface,
		    CAIRO_PDF_METADATA_AUTHOR, d->org_name);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_SUBJECT,
	    pdf_t(d, N_("Social-media strategy")));
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR,
	    "reseauter");
	if (gmtime_r(&now, &tm) != NULL &&
	    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0) {
		cairo_pdf_surface_set_metadata(d->surface,
		    CAIRO_PDF_METADATA_CREATE_DATE, date);
		cairo_pdf_surface_set_metadata(d->surface,
		    CAIRO_PDF_METADATA_MOD_DATE, date);
	}
}

int
pdf_plan(const struct wb_plan *p, const char *org_name,
    const struct i18n *c, enum lang lang, unsigned flags, time_t now,
    struct buf *out)
{
	cairo_surface_t *s = NULL;
	struct pdf_doc *d;
	int rc;

	buf_reset(out);
	if ((d = calloc(1, sizeof *d)) == NULL)
		return RT_ENOMEM;
	d->c = c;
	d->lang = lang;
	d->p = p;
	/* Cairo refuses metadata that is not UTF-8: mend the name first. */
	d->org_name = g_utf8_make_valid(org_name != NULL ? org_name : "", -1);
	d->shared = (flags & PDF_SHARED) != 0;
	d->w = flags & PDF_LETTER ? LETTER_W : A4_W;
	d->h = flags & PDF_LETTER ? LETTER_H : A4_H;
	d->left = MARGIN_SIDE;
	d->right = d->w - MARGIN_SIDE;
	d->top = MARGIN_TOP;
	d->bottom = d->h - MARGIN_BOTTOM;
	i18n_format_date(lang, (long long)now, d->date, sizeof d->date);
	if ((d->text = malloc(TEXT_MAX)) == NULL) {
		rc = RT_ENOMEM;
		goto out;
	}
	d->npits = coach_pitfalls(p, d->pits, PITFALLS);
	s = cairo_pdf_surface_create_for_stream(pdf_write, out, d->w, d->h);
	if ((rc = pdf_cairo_status(cairo_surface_status(s))) != RT_OK)
		goto out;
	if ((rc = pdf_doc_open(d, s)) != RT_OK)
		goto out;
	pdf_metadata(d, now);

	/* First pass: where the pages break and where each part begins. */
	pdf_document(d);
	if ((rc = d->status) != RT_OK)
		goto out;
	d->pages = d->page;
	memcpy(d->toc_page, d->part_page, sizeof d->toc_page);
	memcpy(d->toc_y, d->part_y, sizeof d->toc_y);

	/* Second pass: the same, drawn. */
	d->draw = 1;
	pdf_document(d);
	if ((rc = d->status) != RT_OK)
		goto out;
	rc = pdf_cairo_status(cairo_status(d->cr));
out:
	pdf_doc_free(d);
	if (s != NULL) {
		cairo_surface_finish(s);
		if (rc == RT_OK)
			rc = pdf_cairo_status(cairo_surface_status(s));
		cairo_surface_destroy(s);
	}
	free(d);
	if (rc != RT_OK)
		buf_free(out);
	return rc;
}
