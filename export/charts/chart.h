/* What the SVG charts share: the capability groups in one order with one
 * colour each (so that a group looks the same in the Gantt chart, the tube
 * map and the trajectory), a financial-year axis, and the footer that says
 * where a chart came from. */
#ifndef LDR_CHART_H
#define LDR_CHART_H

#include <stddef.h>

#include "../../model/base/hash.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/base/util.h"
#include "../base/export.h"

/* Page sizes, in mm. */
#define LDR_A3_W 420.0
#define LDR_A3_H 297.0
#define LDR_A4_W 297.0
#define LDR_A4_H 210.0

/* One type scale for every chart, in mm at the printed size (one user
 * unit is 1 mm, and the page is printed at its size): nothing a reader
 * must read is under 7 pt (2.47 mm). */
#define LDR_TYPE_TITLE 5.0    /* 14 pt, down to 3.5 mm when long */
#define LDR_TYPE_SUBTITLE 3.0 /* 8.5 pt */
#define LDR_TYPE_BODY 2.6     /* 7.4 pt: labels, names */
#define LDR_TYPE_SMALL 2.5    /* 7.1 pt: the smallest, for the axis, keys and footers */
#define LDR_TYPE_MIN 2.47     /* 7 pt */

/* The page a chart is laid out on: landscape A3 (the default) or A4. A
 * chart keeps the page's width; one with more rows than fit at a readable
 * size makes a taller page rather than smaller type. */
struct ldr_page {
	double w, h;
};
void ldr_chart_page(const struct ldr_export_opts *opts, struct ldr_page *p);

/* Colours: text, rules and the marks of meaning shared by the charts. */
#define LDR_INK "#1a1a1a"
#define LDR_MUTED "#595959"
#define LDR_RULE "#bdbdbd"
#define LDR_SHADE "#f0f0f0"
#define LDR_ALERT "#c0392b" /* violated order; also marked by shape or text */
#define LDR_ASOF "#0072b2"

struct ldr_chart_group {
	const char *id;   /* NULL for records that name no group */
	const char *name; /* the group's name, or its id when unknown */
	const char *colour;
};

/* The groups in chart order: the seven national groups, the local groups in
 * file order, then ids that records use but no group defines (in order of
 * first use), then "No group" if some record has none. */
struct ldr_chart_groups {
	struct ldr_chart_group *v;
	size_t n;
	struct ldr_hash ix; /* id -> index + 1 */
	size_t none;        /* index of "No group", or n if unused */
};

void ldr_chart_groups_init(struct ldr_chart_groups *g, const struct ldr_roadmap *rm);
void ldr_chart_groups_release(struct ldr_chart_groups *g);
/* The index of a group id (NULL: "No group"). */
size_t ldr_chart_group(const struct ldr_chart_groups *g, const char *id);

/* The n-th colour of a palette for lines and groups: Okabe and Ito's eight
 * colour-blind-safe colours (yellow last: it is faint on white), then
 * Paul Tol's muted scheme; it repeats after that, and charts then tell
 * groups apart by name as well as by colour. */
const char *ldr_chart_colour(size_t i);

/* The financial year (its starting calendar year) of a month, and the month
 * a financial year starts. */
int ldr_chart_fy_first_month(int fy);

/* Draw the band of financial years: for years fy0 .. fy0+n-1 with left edges
 * xs[0..n] (xs[n] is the right edge of the last), a header band at y of
 * height h labelled "2016/17" (or "16/17" when narrow), and the columns of
 * alternate years shaded from y + h down to bottom. */
void ldr_chart_years(struct ldr_buf *b, int fy0, int n, const double *xs, double y, double h,
		     double bottom, double font);

/* The footer, the same on every chart: what it is, the footprint and
 * version, the commit, the "as at" date and the baseline (with
 * drew_baseline 0, a baseline given is said not to be drawn), at the
 * bottom of a page of width w and height h. */
void ldr_chart_footer(struct ldr_buf *b, const struct ldr_roadmap *rm,
		      const struct ldr_export_opts *opts, const char *what, int drew_baseline,
		      double w, double h);

/* Lateness, as 'ldr check' (rule overdue) sees it: a record due by due,
 * not delivered (delivered: its status says so; actual: its delivered
 * time, which counts too), not dropped, is overdue when due ends before
 * the month the as-at date begins. */
int ldr_chart_overdue(const struct ldr_time *due, int delivered, int dropped,
		      const struct ldr_time *actual, const struct ldr_time *as_of);

/* How far b is from a, as a chart labels it: "+2Q", "\u22121Q" (quarters,
 * for times given as years or quarters), "+5 mo" (when either is a month);
 * from the last month of each. Appends nothing and returns 0 when the two
 * are the same; else returns the months moved. */
int ldr_chart_shift(struct ldr_buf *out, const struct ldr_time *a, const struct ldr_time *b);

/* How long overdue a record due by due is as at as_of: "5Q", "3 mo". */
void ldr_chart_late_by(struct ldr_buf *out, const struct ldr_time *due, const struct ldr_time *as_of);

/* The title (bold, as large as fits up to 5 mm, down to 3.5 mm, then cut)
 * and the subtitle under it, from the left margin x across width. */
void ldr_chart_heading(struct ldr_buf *b, const char *title, const char *subtitle, double x,
		       double width);

/* "2017-03", or "" when unset; buf needs LDR_TIME_STR_MAX bytes. */
const char *ldr_chart_time(const struct ldr_time *t, char *buf);

/* Whether a record's derived map names a field. */
int ldr_chart_derived(const struct ldr_map *derived, const char *field);

/* Write the SVG in b to path, an output (model/base/write.h): 0, or an
 * LDR_E_* code with err. */
int ldr_chart_write(const char *path, const struct ldr_buf *b, struct ldr_buf *err);

#endif
