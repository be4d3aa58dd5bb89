/*
 * ics.h: the dates of a plan as an iCalendar file (RFC 5545), for a
 * group's shared calendar.
 *
 * The calendar holds, in this order:
 *   - one all-day event on the date of each objective ("due"): the day
 *     to check the objective's indicator;
 *   - one on the date of each review of the evaluation ("reviewed_on");
 *   - one on the date of each event campaign ("date");
 *   - the weekly posting rhythm: one recurring all-day event per chosen
 *     platform with posts a week planned, on the days coach_rhythm()
 *     gives (RRULE:FREQ=WEEKLY;BYDAY=...), from the week that starts on
 *     the Monday after now (its first posting day is DTSTART).
 * Items without a date, or with one that is not a calendar date, are
 * left out.  Summaries and descriptions are in the language asked for.
 *
 * Every UID is stable across downloads, so that a calendar application
 * updates an event rather than adding it twice: the BLAKE2b hash of the
 * organisation's name, the kind of item and the item's id (objective
 * "o1", event "e2", platform "facebook"), then "@" and uid_host.  Renaming
 * the organisation therefore gives new UIDs.  DTSTAMP is now, in UTC;
 * "today" and "next Monday" are taken in the process's time zone (TZ),
 * like every date the application shows.
 */
#ifndef RESEAUTER_ICS_H
#define RESEAUTER_ICS_H

#include <time.h>
#include "buf.h"
#include "i18n.h"
#include "workbook.h"

/*
 * Appends the calendar of p (every section loaded, as plan_load_all()
 * gives it) to out: CRLF line ends, lines folded at 75 octets without
 * cutting a UTF-8 character, TEXT values escaped (\\ \; \, \n).  c may be
 * NULL (English).  Returns RT_OK or RT_ENOMEM; on RT_ENOMEM out may hold
 * part of the calendar, for the caller to free.
 */
int ics_plan(const struct wb_plan *p, const char *org_name,
    const struct i18n *c, enum lang lang, const char *uid_host, time_t now,
    struct buf *out);

#endif
