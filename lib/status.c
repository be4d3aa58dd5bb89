/*
 * status.c: names of the status codes of status.h, for logs.
 */
#include <stddef.h>

#include "status.h"

/*
 * The names, indexed by enum rt_status.  A designated initialiser per code
 * keeps the table right if the enum is reordered.
 */
static const char *const rt_status_names[RT_STATUS__MAX] = {
	[RT_OK] = "ok",
	[RT_ENOMEM] = "enomem",
	[RT_EDB] = "edb",
	[RT_EIO] = "eio",
	[RT_EINVAL] = "einval",
	[RT_EUTF8] = "eutf8",
	[RT_ETOOBIG] = "etoobig",
	[RT_ENOTFOUND] = "enotfound",
	[RT_EEXISTS] = "eexists",
	[RT_ECONFLICT] = "econflict",
	[RT_EDENIED] = "edenied",
	[RT_EEXPIRED] = "eexpired",
	[RT_ETHROTTLED] = "ethrottled",
	[RT_EBUSY] = "ebusy",
	[RT_ESTORAGE] = "estorage",
};

/*
 * Returns the lower-case name of status.  A value outside the enum
 * (negative, RT_STATUS__MAX or beyond) gives "unknown" rather than an
 * out-of-bounds read, so a log line never crashes the program; so does a
 * code someone added to the enum but not to the table.
 */
const char *
rt_status_name(int status)
{
	if (status < 0 || status >= RT_STATUS__MAX ||
	    rt_status_names[status] == NULL)
		return "unknown";
	return rt_status_names[status];
}
