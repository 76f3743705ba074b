/* What the importers share (not for use outside import/): the context of
 * one import, its messages, the tables read from sheets, values read from
 * cells, the lookups of the roadmap's records by id and by name, new ids,
 * and fields updated with their derived reasons. */
#ifndef LDR_IMP_H
#define LDR_IMP_H

#include <stddef.h>

#include "../model/base/hash.h"
#include "../model/roadmap/roadmap.h"
#include "../model/roadmap/schema.h"
#include "../model/base/util.h"
#include "import.h"
#include "sheet.h"

/* The note ldr's exports put on a derived value's cell, before the reason. */
#define IMP_DERIVED_NOTE "Derived, not read from the source:"

/* Strings the context owns, freed with it. */
struct imp_pool {
	char **v;
	size_t n, cap;
};
const char *imp_pool_add(struct imp_pool *p, char *s);
void imp_pool_release(struct imp_pool *p);

/* The ids of a list: prefix then a number. The first new one comes after
 * the highest of the list's ids that have the prefix, in as many digits as
 * they have (at least width). Zero it, then set prefix and width. */
struct imp_seq {
	const char *prefix;
	int width;
	long top;
	int ready;
};

/* Records of one list found by id and by a normalised name (imp_norm). */
struct imp_index {
	struct ldr_hash by_id, by_name; /* -> 1 + the record's index */
};

struct imp {
	struct ldr_roadmap *rm;
	const struct ldr_workbook *wb;
	const struct ldr_import_opts *o;
	struct ldr_import_result *res;
	int by_ldr;          /* written by ldr's exports: notes say what was derived */
	struct ldr_hash ids; /* every id in the roadmap (ids are unique across it) */
	struct imp_index groups, projects, priorities, orgs;
	struct imp_seq project_ids;
	struct imp_pool pool;
	/* For a new roadmap's footprint: the times read, and a title seen
	 * above a table. */
	int fy_lo, fy_hi; /* financial years (their first calendar year); lo > hi: none */
	const char *title;
	const struct ldr_sheet *title_sheet;
	unsigned title_row, title_col;
	/* Local groups made by this import, in the order they were met, and
	 * the order the sheet's rows put them in (imp_groups_order). */
	struct imp_order *order;
};

/* ---- messages ---------------------------------------------------------------- */

/* A problem with the cell at row, col of sheet s ("file: Sheet!C7: ..."):
 * col (unsigned)-1 names the row, row (unsigned)-1 the sheet, s NULL the
 * file. Text from the file must be quoted with imp_q. */
void imp_error(struct imp *im, const struct ldr_sheet *s, unsigned row, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void imp_warn(struct imp *im, const struct ldr_sheet *s, unsigned row, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Untrusted text, quoted for a message: 'text' with control characters
 * escaped and cut at 60 characters. Valid until the context is released. */
const char *imp_q(struct imp *im, const char *s);

/* ---- text ------------------------------------------------------------------- */

/* s normalised for matching names and headings: letters folded to lower
 * case, every run of blanks one space, none at the ends. A new string. */
char *imp_norm(const char *s);
/* A heading normalised: as imp_norm, with what is in brackets, and
 * punctuation, dropped ("Capability Group (PPoC):" -> "capability group"). */
char *imp_heading(const char *s);
/* The id-like first word of s ("P11" of "P11 MIG Phase 1"), if it is a
 * valid id with a digit in it, or one known in ix; its length, else 0. */
size_t imp_leading_id(const char *s, const struct imp_index *ix);

/* ---- cells -------------------------------------------------------------------- */

/* A cell of a sheet, and where it is. c is NULL for an empty cell. */
struct imp_at {
	const struct ldr_sheet *s;
	unsigned row, col;
	const struct ldr_cell *c;
};

/* A cell as text of one line or several (as_text): NULL when it is empty.
 * Line ends become \n; a CSV cell's leading ' before = + - @ (ldr's
 * guard against formulas) goes; control characters are a problem (-1).
 * One line: line breaks become spaces, with a warning. Returns 0 or -1. */
int imp_text(struct imp *im, const struct imp_at *a, int as_text, char **out);
/* A time of the kinds in accept (LDR_TIME_*), in any common spelling
 * (16/17, 2016/17, 2016-17, FY16/17, 16/17 Q3, Oct 2016, 2016-10); a date
 * is read as its financial year (year set) or its month, with a warning.
 * Empty: unset. Returns 0 or -1. */
int imp_time(struct imp *im, const struct imp_at *a, int accept, int year, struct ldr_time *t);
/* Text as a time of the kinds in accept, in those spellings (no dates):
 * 0, or -1. */
int imp_parse_time(const char *s, int accept, struct ldr_time *t);
/* A value of an enumeration of kind k's field, as an id or a label
 * ("in-progress", "In progress"). Returns 0 or -1. */
int imp_enum(struct imp *im, const struct imp_at *a, const struct ldr_kind *k, const char *field, int *v);
/* Whether a value of that enumeration (for a column that may be an
 * attribute instead). */
int imp_enum_ok(const char *text, const struct ldr_kind *k, const char *field);
/* A tick: 1 for ✓, x, yes, y, true, 1; 0 for empty, no, n, false, 0, -. */
int imp_tick(struct imp *im, const struct imp_at *a, int *v);
/* A whole number from lo to hi. */
int imp_int(struct imp *im, const struct imp_at *a, long long lo, long long hi, struct ldr_int *v);
/* Ids separated by commas, semicolons or line breaks. */
int imp_ids(struct imp *im, const struct imp_at *a, struct ldr_strv *v);
/* The reason a note on the cell gives for a derived value, or NULL. */
const char *imp_reason(const struct imp_at *a);
/* A note on the cell that is not ldr's (someone's comment), or NULL. */
const char *imp_comment(const struct imp_at *a);

/* ---- tables ------------------------------------------------------------------- */

/* A column the importer knows: key names it; names are the normalised
 * headings that mean it, separated by '|'. */
struct imp_col {
	int key;
	const char *names;
	int required;
};

#define IMP_HEAD_ROWS 50 /* the header row is looked for in the first 50 rows */
#define IMP_MAX_KEYS 24

struct imp_table {
	struct imp *im;
	const struct ldr_sheet *s;
	unsigned head;          /* the header row */
	int col[IMP_MAX_KEYS];  /* the column of each key, or -1 */
	unsigned *extra;        /* columns with headings that are no key, in order */
	const char **extra_name; /* their headings, as written (one line) */
	size_t nextra;
	size_t ncols;
	/* The row being read: its cells by column, merged ranges filled in. */
	unsigned row;
	const struct ldr_cell **cells;
	size_t next;            /* the sheet's next cell */
	struct ldr_merge *merges; /* those below the header, by first row */
	size_t nmerges, next_merge;
	const struct ldr_merge **active;
	size_t nactive;
	unsigned hidden, first_hidden; /* hidden rows read */
};

/* The key a heading (imp_heading) names, or -1. */
int imp_col_key(const struct imp_col *cols, size_t n, const char *heading);
/* Find the header row of a table in s: the first of its first rows whose
 * headings name every required column. Returns 0, or -1 (nothing said)
 * when there is none. */
int imp_table_find(struct imp *im, const struct ldr_sheet *s, const struct imp_col *cols, size_t n,
		   struct imp_table *t);
/* The next row with a cell in it: 1, or 0 at the end. */
int imp_table_next(struct imp_table *t);
/* The cell of a key (or of column col) in the row read. */
struct imp_at imp_table_at(const struct imp_table *t, int key);
struct imp_at imp_table_at_col(const struct imp_table *t, unsigned col);
/* Whether the row has anything in the key columns and the extra ones. */
int imp_table_row_empty(const struct imp_table *t);
void imp_table_release(struct imp_table *t);
/* Find the table of a kind: in the sheet named by --sheet, or the first
 * visible sheet that has it (a problem naming the headings when none has). */
int imp_find_table(struct imp *im, const struct imp_col *cols, size_t n, const char *what,
		   struct imp_table *t);

/* ---- the roadmap's records ----------------------------------------------------- */

void imp_index_add(struct imp *im, struct imp_index *ix, const char *id, const char *name, size_t i);
/* The index of the record with this id, or with this name; -1. */
long imp_index_id(const struct imp_index *ix, const char *id);
long imp_index_name(const struct imp_index *ix, const char *name);
void imp_index_release(struct imp_index *ix);

/* Whether an id is taken anywhere in the roadmap. */
int imp_id_taken(const struct imp *im, const char *id);
/* A new id of the sequence for list (of kind k), taken note of. */
char *imp_new_id(struct imp *im, struct imp_seq *seq, const struct ldr_list *list, const struct ldr_kind *k);
/* A new id made from a name: "mobile-working-infrastructure". */
char *imp_slug_id(struct imp *im, const char *name, const char *fallback);
/* Take note of an id now in the roadmap. */
void imp_id_add(struct imp *im, const char *id);

/* The group a cell names (by name or id, national or local): its id, the
 * group made when it names none (a local group). NULL when empty; -1 is
 * never returned (a name is always a group). */
const char *imp_group(struct imp *im, const struct imp_at *a);
/* The project "P11" or "P11 MIG Phase 1" or "MIG Phase 1" names: its id,
 * made (with that name) when it is new, renamed (rename) when the name
 * differs. NULL for text that names none. */
const char *imp_project(struct imp *im, const struct imp_at *a, const char *text, int rename);
/* The organisation a provider's name or id names, made when it is new. */
const char *imp_org(struct imp *im, const char *text);
/* Take note of a financial year seen (for a new roadmap's horizon). */
void imp_saw(struct imp *im, const struct ldr_time *t);
/* In a workbook ldr wrote, the hidden sheet of drop-down lists: make the
 * groups of its list "Groups", in its order (so that a new roadmap has them
 * all, in the order the export had them), and note the years of "Years". */
void imp_lists(struct imp *im);

/* ---- fields ------------------------------------------------------------------- */

/* Set field name of dst from src (records of kind k): a value that differs
 * replaces the old one. Its derived reason: reason when the sheet gives one;
 * else kept while the value is the same, dropped when it changes. Returns 1
 * when the value changed. */
int imp_update(const struct ldr_kind *k, void *dst, const void *src, const char *name, const char *reason);
/* Set key of a mapping to value, or remove it (NULL or ""); not sorted.
 * Returns 1 when that changed it. */
int imp_map_set(struct ldr_map *m, const char *key, const char *value);
/* Set or remove (NULL) the derived reason of a field. */
void imp_set_reason(const struct ldr_kind *k, void *rec, const char *field, const char *reason);
/* Add someone's comment on a cell to a record's notes (heading: text),
 * unless they hold it already. */
void imp_add_comment(char **notes, const char *heading, const char *text);

/* ---- the kinds ----------------------------------------------------------------- */

int imp_annex2(struct imp *im);
int imp_annex4(struct imp *im);
int imp_dossier(struct imp *im);
int imp_trajectory(struct imp *im);
int imp_milestones(struct imp *im);

/* Local groups in an order that keeps the rows' (import/order.c): for each
 * block of rows (a year of the schedule, a provider's rows), the local
 * groups in the order the rows give them. */
void imp_order_block(struct imp *im);
void imp_order_group(struct imp *im, const char *id);
/* Reorder the roadmap's new local groups so that the blocks' orders hold
 * (they kept the order they were met in where they cannot all hold). */
void imp_order_apply(struct imp *im);
void imp_order_release(struct imp *im);

#endif
