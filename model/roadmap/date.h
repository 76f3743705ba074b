/* Dates as git keeps them: seconds since the epoch and a time zone offset
 * in minutes east of UTC. Parsing what GIT_AUTHOR_DATE may hold, showing a
 * date in its own zone, and the month it falls in on the time line. */
#ifndef LDR_DATE_H
#define LDR_DATE_H

#include "timeline.h"
#include "../base/util.h"

/* "@SECONDS [+ZZZZ]", "SECONDS +ZZZZ", or ISO 8601 as in
 * "2016-06-30T12:00[:00][Z|+01:00|+0100]" (no zone: UTC). Returns 0, or -1
 * if s is none of these. */
int ldr_date_parse(const char *s, long long *t, int *offset);

/* The offset of local time (TZ) at t. */
int ldr_date_local_offset(long long t);

/* "2016-06-30 12:00 +0100": the date in its own zone. */
void ldr_date_format(struct ldr_buf *b, long long t, int offset);
/* "2016-06-30T12:00:00+01:00". */
void ldr_date_iso(struct ldr_buf *b, long long t, int offset);
/* The month the date falls in, in its own zone, on the time line. */
int ldr_date_month(long long t, int offset);

/* This month (UTC), on the time line: what "today" is to a review. */
struct ldr_time ldr_date_this_month(void);

#endif
