/* A three-way merge of roadmaps, record by record: the footprint, and each
 * record of the top-level lists, matched by id. What one side changed from
 * the base and the other did not is taken; what both changed differently
 * is a conflict, left as the other side has it and reported. This is what
 * keeps an editor's unsaved changes when the file moved under it (someone
 * saved, a git pull): they are merged onto the new version, never written
 * over it. (A field-by-field merge can refine this without changing its
 * callers.) */
#ifndef LDR_MERGE_H
#define LDR_MERGE_H

#include <stddef.h>

#include "roadmap.h"
#include "schema.h"

struct ldr_merge_conflict {
	const struct ldr_kind *kind;
	char *id;
	const char *what; /* "changed on both sides", ... */
};

struct ldr_merge {
	struct ldr_merge_conflict *v;
	size_t n, cap;
	size_t taken; /* records taken from ours: added, changed or removed */
};

/* result = theirs, with what ours changed from base where theirs did not.
 * result is initialised here; release it, and m, with their functions. */
void ldr_merge_roadmaps(struct ldr_roadmap *result, const struct ldr_roadmap *base,
			const struct ldr_roadmap *ours, const struct ldr_roadmap *theirs,
			struct ldr_merge *m);
void ldr_merge_release(struct ldr_merge *m);

#endif
