/* Looking records up by id. Ids are unique across a roadmap, whatever the
 * kind of record, so one table finds any of them. The index points into the
 * roadmap's lists: rebuild it after the roadmap changes shape. */
#ifndef LDR_INDEX_H
#define LDR_INDEX_H

#include "hash.h"
#include "roadmap.h"
#include "schema.h"

struct ldr_ref {
	const struct ldr_kind *kind;
	void *rec;
	const struct ldr_kind *parent_kind; /* the kind of record it is nested in */
	void *parent;
};

struct ldr_index {
	struct ldr_hash ids;
	struct ldr_ref *refs;
	size_t n;
};

/* Index every record with an id. Where an id is used twice (a roadmap the
 * loader refused), the first wins. */
void ldr_index_build(struct ldr_index *ix, struct ldr_roadmap *rm);
void ldr_index_release(struct ldr_index *ix);
/* The record with this id, or NULL. */
const struct ldr_ref *ldr_index_find(const struct ldr_index *ix, const char *id);
/* The record of a kind with this id, or NULL (also when the id names a
 * record of another kind). */
void *ldr_index_get(const struct ldr_index *ix, const struct ldr_kind *kind, const char *id);

/* The name of a capability group, national or local; NULL if unknown. */
const char *ldr_group_name(const struct ldr_index *ix, const char *id);

#endif
