/*
 * pdf.h: the strategy summary as a PDF document, drawn with cairo and pango.
 *
 * The document says what the summary page says (display.h writes every
 * answer, coach.h gives the time budget and the pitfalls): a title page
 * with the organisation's name, the date and the contents, then one part
 * per section of the workbook in its order, the time budget drawn as a
 * chart, and the pitfalls still open in a part of their own at the end.
 * The text is real text (selectable, searchable), in the Noto Sans font
 * of Debian's fonts-noto-core, found through fontconfig.
 *
 * No state is kept between calls: each call makes its own cairo surface
 * and pango context, so calls may run in parallel threads once
 * pdf_init() has returned.
 */
#ifndef RESEAUTER_PDF_H
#define RESEAUTER_PDF_H

#include <time.h>

#include "buf.h"
#include "i18n.h"
#include "workbook.h"

/* The font family the document is set in. */
#define PDF_FONT_FAMILY "Noto Sans"

/*
 * Initialises fontconfig and pango once, in the calling thread, by laying
 * out and drawing a few words: call it from main() before any thread
 * renders a document (fontconfig's first configuration load is not safe
 * to race).  Returns RT_OK; RT_ENOTFOUND when PDF_FONT_FAMILY is not
 * installed (documents are still made, in whatever font fontconfig
 * substitutes: worth a warning, not a reason to stop); RT_ENOMEM.  Calling
 * it again does no harm.
 */
int pdf_init(void);

/* What pdf_plan() is asked for, or'ed together. */
#define PDF_LETTER  0x1  /* US Letter pages, not A4 */
#define PDF_SHARED  0x2  /* for a share link: no field for the team only */

/*
 * Writes plan p of organisation org_name as a PDF document into out (which
 * is emptied first): A4 pages unless flags hold PDF_LETTER, the fields
 * for the team only (wb_field.team_only) left out when they hold
 * PDF_SHARED (the progress and pitfalls are still those of the whole
 * plan), headings and labels translated into lang through c (which may be
 * NULL: English), dated now (the date on the first page and the
 * document's creation date).  Returns RT_OK with out holding the whole
 * document, or RT_ENOMEM or RT_EIO (cairo or pango failed) with out
 * empty.  The caller frees out with buf_free() in either case.
 * Thread-safe.
 */
int pdf_plan(const struct wb_plan *p, const char *org_name,
    const struct i18n *c, enum lang lang, unsigned flags, time_t now,
    struct buf *out);

#endif
