/* 'ldr import': what a programme office already has, read into a roadmap.
 * A workbook or CSV file (sheet.h) is read as one of the kinds ldr exports
 * (annex2, annex4, dossier, trajectory) or as a sheet of milestones, and
 * its records are merged into a roadmap: an empty one for a new roadmap, or
 * one to update, where records are matched by id or, without ids, by who
 * and what (capabilities), name (projects) or provider (trajectories).
 *
 * Only the fields the sheet carries are changed: a record's other fields,
 * and the records the sheet does not name, are kept. A value that changes
 * is no longer derived, unless the sheet's note on the cell (as ldr's
 * exports write) gives the reason it is; a new roadmap's inferred values
 * (the footprint's name, its horizon) are marked derived, with the reason.
 *
 * Every cell that cannot be read is a problem named by file, sheet and cell
 * ("plan.xlsx: Annex 2!C7: 'next year' is not a financial year"): all of
 * them are listed, and then the roadmap must not be used. */
#ifndef LDR_IMPORT_H
#define LDR_IMPORT_H

#include <stddef.h>

#include "../model/roadmap/roadmap.h"
#include "../model/base/util.h"
#include "sheet.h"

struct ldr_import_opts {
	const char *kind;   /* "annex2", "annex4", "dossier", "trajectory" or "milestones" */
	const char *sheet;  /* the sheet to read (--sheet), or NULL: the first that fits */
	const char *source; /* the file as messages and reasons name it */
	int csv;            /* the workbook was read from a CSV file */
	int fresh;          /* rm is new: its footprint is inferred from the sheet */
};

struct ldr_import_result {
	struct ldr_buf errors;   /* one problem a line, at most LDR_IMPORT_MAX_LISTED */
	struct ldr_buf warnings; /* one a line */
	size_t nerrors, nwarnings;
	size_t rows;             /* records read from the sheet */
	size_t added, updated;   /* records of the kind added, matched */
	size_t kept;             /* records of the kind in rm that the sheet does not name */
};

#define LDR_IMPORT_MAX_LISTED 1000

/* The kinds, in the order 'ldr help import' lists them, with what each is. */
struct ldr_import_kind {
	const char *name, *summary;
};
extern const struct ldr_import_kind ldr_import_kinds[];
extern const size_t ldr_import_nkinds;

/* Whether name is a kind. */
int ldr_import_kind_valid(const char *name);

/* Read wb as o->kind into rm. Returns 0, or -1 when a problem was found
 * (res->errors lists them): rm is then half changed and must be thrown
 * away. Warnings (formulas, dates read as years, hidden rows...) go to
 * res->warnings either way. The result is checked as a file is loaded. */
int ldr_import(struct ldr_roadmap *rm, const struct ldr_workbook *wb, const struct ldr_import_opts *o,
	       struct ldr_import_result *res);
void ldr_import_result_release(struct ldr_import_result *res);

/* A new roadmap to import into: version 1, nothing else (ldr_import with
 * o->fresh fills in the footprint). */
void ldr_import_fresh(struct ldr_roadmap *rm);

#endif
