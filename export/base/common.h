/* What the writers share: the order reports list things in, the footprint's
 * plan years, text made safe for a spreadsheet cell, and CSV cells. Nothing
 * here knows a file format beyond CSV, so the chart writers can use it too.
 * Files are written through model/base/write.h, as every output is. */
#ifndef LDR_EXPORT_COMMON_H
#define LDR_EXPORT_COMMON_H

#include <stddef.h>
#include <time.h>

#include "../../model/base/hash.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/roadmap/schema.h"
#include "../../model/base/util.h"
#include "export.h"

/* ---- warnings ------------------------------------------------------------ */

/* Report something a writer had to change (text cut to a cell's limit...):
 * through opts->warn, or on stderr when it is NULL. Never silent. */
void ldr_export_warn(const struct ldr_export_opts *opts, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- order ----------------------------------------------------------------- */

/* What the document is called in titles: footprint.title, else its name
 * and its kind ("Derbyshire Local Digital Roadmap", "North Delivery plan"). */
void ldr_export_title(struct ldr_buf *out, const struct ldr_roadmap *rm);

/* Ids compared as people number them: "C2" before "C10" (runs of digits by
 * value), otherwise byte by byte; a total order ("C01" before "C1"). */
int ldr_idcmp(const char *a, const char *b);

/* The name of a capability group, national or the roadmap's own; NULL if
 * the id names no group. */
const char *ldr_export_group_name(const struct ldr_roadmap *rm, const char *id);

/* Where a group comes in reports: the seven national groups in their fixed
 * order (0-6), then the roadmap's own groups in file order; an unknown or
 * missing group after them all. */
size_t ldr_group_rank(const struct ldr_roadmap *rm, const char *id);

/* Every group name in that order: national, then local. *n receives the
 * count; free the array (not the names). */
const char **ldr_group_names(const struct ldr_roadmap *rm, size_t *n);

/* The same for many lookups: the groups by id in a table, so that a
 * roadmap with many groups does not cost records times groups. */
struct ldr_group_table {
	const struct ldr_roadmap *rm;
	struct ldr_hash local; /* a local group's id -> 1 + its index in rm->groups */
};
void ldr_group_table_init(struct ldr_group_table *t, const struct ldr_roadmap *rm);
void ldr_group_table_release(struct ldr_group_table *t);
size_t ldr_group_table_rank(const struct ldr_group_table *t, const char *id);
const char *ldr_group_table_name(const struct ldr_group_table *t, const char *id);

/* The capabilities in schedule order: by financial year (the unscheduled
 * last), then group rank, then time within the year (the whole year
 * first), then id. Returns an array of *n pointers; free it. */
const struct ldr_capability **ldr_caps_sorted(const struct ldr_roadmap *rm, size_t *n);

/* The projects in dossier order: by ref (those without one last), then id. */
const struct ldr_project **ldr_projects_sorted(const struct ldr_roadmap *rm, size_t *n);

/* A table from project id to project. */
void ldr_project_table(struct ldr_hash *h, const struct ldr_roadmap *rm);

/* ---- time ------------------------------------------------------------------ */

/* The footprint's financial years, from its start to its schedule_end when
 * to_schedule_end is set and it has one, else to its end. Returns an array
 * of *n years (NULL and 0 when the footprint has no start); free it. */
struct ldr_time *ldr_plan_years(const struct ldr_footprint *fp, int to_schedule_end, size_t *n);

/* The time a file is said to have been created, so that the same input
 * gives the same bytes: opts->time when set (the commit's time), else the
 * first day of the footprint's published month, else of its start, else
 * 2000-01-01; never the clock. */
time_t ldr_export_created(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts);

/* An enumeration's value as people write it: "in-progress" -> "In progress";
 * "" when unset. field names an LDR_F_ENUM field of kind. */
const char *ldr_enum_label(const struct ldr_kind *kind, const char *field, int value, char *buf,
			   size_t len);

/* ---- text ------------------------------------------------------------------ */

/* The most a spreadsheet cell holds, in UTF-16 code units (Excel's limit). */
#define LDR_CELL_MAX 32767

enum {
	LDR_TEXT_REPLACED = 1 << 0, /* invalid UTF-8 or a non-character became U+FFFD */
	LDR_TEXT_CUT = 1 << 1,      /* longer than the limit: cut, with a note */
};

/* Append s to out, made fit for a cell or an XML text node: invalid UTF-8,
 * the non-characters U+FFFE and U+FFFF and the control characters XML 1.0
 * forbids (all but tab, newline and carriage return) become U+FFFD; text
 * longer than limit UTF-16 units (0: no limit) is cut, ending with a note
 * that says so. Returns a mask of what was done (LDR_TEXT_*). */
unsigned ldr_text_clean(struct ldr_buf *out, const char *s, size_t limit);

/* The number of UTF-16 code units in s (valid UTF-8 assumed). */
size_t ldr_utf16_len(const char *s);

/* ---- CSV ------------------------------------------------------------------- */

/* A CSV document (RFC 4180): UTF-8, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break. */
struct ldr_csv {
	struct ldr_buf buf;
	size_t col;
};
#define LDR_CSV_INIT { LDR_BUF_INIT, 0 }

/* Begin the document: a UTF-8 byte-order mark, so that Excel reads the
 * file as UTF-8 ("£", not "Â£"), unless opts->no_bom. Call it first. */
void ldr_csv_start(struct ldr_csv *c, const struct ldr_export_opts *opts);

/* Whether a spreadsheet opening the CSV could read text s as a formula
 * or a number, so that it needs a leading ' (CWE-1236). After any
 * leading spaces (U+0020, U+00A0: LibreOffice can trim them): =, tab and
 * carriage return always; +, - and @ unless what follows them, past any
 * more + and - signs and spaces, is nothing or one of ) ; * / ^ & = < > %
 * ? ] } | ~ ` -- characters no formula operand can begin with, and no
 * number either (Excel reads "-item", and "- item", as the formula =-item). */
int ldr_csv_formula_risk(const char *s);

/* A text cell; one at risk (above) gets a leading ' so that no
 * spreadsheet runs it as a formula. NULL is an empty cell. */
void ldr_csv_text(struct ldr_csv *c, const char *s);
/* A number, left as it is. */
void ldr_csv_number(struct ldr_csv *c, long long v);
void ldr_csv_end_row(struct ldr_csv *c);
void ldr_csv_release(struct ldr_csv *c);
/* Write the document to path, an output (model/base/write.h). Returns 0 or an
 * LDR_E_* code with err. */
int ldr_csv_save(struct ldr_csv *c, const char *path, struct ldr_buf *err);

#endif
