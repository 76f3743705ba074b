/* The financial time line. A time is a financial year (16/17 = April 2016 to
 * March 2017), a quarter of one (16/17 Q3 = October to December 2016) or a
 * calendar month (2016-10); all three sit on one line of months so that they
 * compare, sort and overlap with each other. Nothing here knows which years a
 * roadmap covers: that comes from the file. */
#ifndef LDR_TIMELINE_H
#define LDR_TIMELINE_H

#include <stddef.h>

enum ldr_time_kind {
	LDR_TIME_NONE = 0,
	LDR_TIME_YEAR = 1,
	LDR_TIME_QUARTER = 2,
	LDR_TIME_MONTH = 4,
};
#define LDR_TIME_ANY (LDR_TIME_YEAR | LDR_TIME_QUARTER | LDR_TIME_MONTH)
/* In an accept mask only: the commitment forms of a milestone's due are
 * taken too, "by TIME", "from TIME" and "tbc" (enum ldr_time_qual). */
#define LDR_TIME_COMMIT 8

/* How a commitment's date is written: at a time (or "by" it, which means
 * the same and is kept as written), open-ended "from" a time (due from
 * then, never overdue), or "tbc" (no date yet: the time is unset). */
enum ldr_time_qual { LDR_QUAL_AT = 0, LDR_QUAL_BY, LDR_QUAL_FROM, LDR_QUAL_TBC };

/* Financial years that the canonical two-digit form can name. */
#define LDR_FY_FIRST 2000
#define LDR_FY_LAST 2099
/* Calendar years a month may be in. */
#define LDR_MONTH_YEAR_FIRST 1900
#define LDR_MONTH_YEAR_LAST 2199

struct ldr_time {
	int kind;  /* enum ldr_time_kind; LDR_TIME_NONE when unset */
	int month; /* first month: calendar year * 12 + month - 1 */
	int qual;  /* enum ldr_time_qual: LDR_QUAL_AT but for a commitment */
};

#define LDR_TIME_STR_MAX 16

/* Parse s (any accepted form, surrounding blanks ignored). accept is a mask
 * of the kinds the caller takes. On error returns -1 and writes a one-line
 * explanation (no position) to err. */
int ldr_time_parse(struct ldr_time *t, const char *s, int accept, char *err, size_t errlen);

/* The canonical form: "16/17", "16/17 Q3" or "2016-10", after "by " or
 * "from " for those commitments, "tbc" for one to be confirmed. buf needs
 * LDR_TIME_STR_MAX bytes; an unset time is "". Returns buf. */
char *ldr_time_format(const struct ldr_time *t, char *buf);

/* Months covered: [first, last], inclusive, on the month line. */
int ldr_time_first(const struct ldr_time *t);
int ldr_time_last(const struct ldr_time *t);

/* Order on the time line: by first month, then the longer span first, so
 * 16/17 < 16/17 Q1 < 2016-04 < 16/17 Q2. Unset times sort first. */
int ldr_time_cmp(const struct ldr_time *a, const struct ldr_time *b);

/* The financial year (its starting calendar year) containing a month. */
int ldr_time_fy_of_month(int month);

/* Constructors. */
struct ldr_time ldr_time_year(int fy_start_year);
struct ldr_time ldr_time_quarter(int fy_start_year, int q);
struct ldr_time ldr_time_month(int year, int month1);

const char *ldr_time_kind_name(int kind);

/* Whether a time is set or is a commitment "tbc" (a field holding either
 * is written); whether it may ever be overdue (not "from", not "tbc"). */
int ldr_time_given(const struct ldr_time *t);
int ldr_time_can_be_late(const struct ldr_time *t);

#endif
