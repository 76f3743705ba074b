/* The three-way merge of roadmaps, by meaning rather than by line: records
 * are matched by id (ids are unique across the file), and records without
 * ids nested in another (a universal capability's ambition for a year, a
 * trajectory's scores by group and targets by year) by their key; then
 * fields are merged one by one.
 *
 *   - a field one side changed from the base and the other did not takes
 *     the change; the same change on both sides is no conflict;
 *   - lists of ids and names (depends_on, projects, partner_ccgs) and sets
 *     of values (benefits) are merged as sets: what either side added is
 *     added, what either removed is removed; attributes and derived entry
 *     by entry;
 *   - a record added on one side is added, next to where that side put it;
 *     one removed on one side and left alone on the other is removed;
 *   - a field changed differently on both sides is a conflict: the result
 *     keeps ours, and the conflict, with the three values as text, is
 *     listed and recorded in the result's 'conflicts' (ldr-format(5)), so
 *     that a person or the interface can resolve it later. A record
 *     removed on one side and changed on the other is kept, changed, with
 *     a conflict saying so: no edit is lost.
 *
 * The merge decides nothing about the schedule: run the checks on the
 * result (a dependency added on one side and its predecessor moved later
 * on the other merges cleanly and breaks dep-order). */
#ifndef LDR_MERGE_H
#define LDR_MERGE_H

#include <stddef.h>

#include "roadmap.h"
#include "schema.h"

struct ldr_merge_conflict {
	const struct ldr_kind *kind; /* of the record */
	char *id;          /* the record's id; "footprint" for the footprint */
	char *field;       /* the field, or a path: "attributes.Solution",
			    * "ambition[17/18].text"; NULL: the record itself */
	const char *what;  /* "changed on both sides", ... */
	int removed;       /* enum ldr_side: removed there, changed on the other side */
	char *base, *ours, *theirs; /* the values as the file writes them; NULL: unset */
};

struct ldr_merge {
	struct ldr_merge_conflict *v;
	size_t n, cap;
	size_t taken;  /* records (top-level, or the footprint) that took something of theirs */
	size_t fields; /* what was taken, counted by field, record added or removed */
};

/* result = ours, with every change theirs made from base where ours made
 * none; conflicts keep ours, and are listed in m and appended to
 * result->conflicts. result is initialised here; release it, and m, with
 * their functions. */
void ldr_merge(struct ldr_roadmap *result, const struct ldr_roadmap *base,
	       const struct ldr_roadmap *ours, const struct ldr_roadmap *theirs, struct ldr_merge *m);

/* The other way round, for an editor's unsaved changes (ours) and the file
 * as it is now (theirs): result = theirs, with what ours changed. Conflicts
 * keep theirs, the file's version: in m and in the result's conflicts,
 * "ours" names the file's side and "theirs" the editor's. */
void ldr_merge_roadmaps(struct ldr_roadmap *result, const struct ldr_roadmap *base,
			const struct ldr_roadmap *ours, const struct ldr_roadmap *theirs,
			struct ldr_merge *m);
void ldr_merge_release(struct ldr_merge *m);

struct ldr_buf;
/* One line: "P08 start: changed on both sides: base 16/17, ours 17/18 Q2,
 * theirs 18/19" (untrusted text escaped). */
void ldr_merge_conflict_text(struct ldr_buf *b, const struct ldr_merge_conflict *c);

/* Resolving a conflict recorded in rm->conflicts (index i): set the field
 * to the value of one side (LDR_SIDE_OURS, LDR_SIDE_THEIRS, or 0 for the
 * base), checked as 'ldr set' checks a value; for a record removed on one
 * side, the side that removed it deletes it and the other keeps it. The
 * entry is removed. Returns 0, or -1 with one line in err (rm unchanged). */
int ldr_conflict_take(struct ldr_roadmap *rm, size_t i, int side, struct ldr_buf *err);
/* Keep what the record holds now (after an edit by hand): remove entry i. */
void ldr_conflict_drop(struct ldr_roadmap *rm, size_t i);
/* The value a side gives (0 for the base), as text; NULL when unset. */
const char *ldr_conflict_value(const struct ldr_conflict *c, int side);

#endif
