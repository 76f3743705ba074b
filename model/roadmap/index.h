/* Looking records up by id. Ids are unique across a roadmap, whatever the
 * kind of record, so one table finds any of them. The index points into the
 * roadmap's lists: rebuild it after the roadmap changes shape. */
#ifndef LDR_INDEX_H
#define LDR_INDEX_H

#include "../base/hash.h"
#include "roadmap.h"
#include "schema.h"

struct ldr_buf;

struct ldr_ref {
	const struct ldr_kind *kind;
	void *rec;
	const struct ldr_kind *parent_kind; /* the kind of record it is nested in */
	void *parent;
};

/* A record that names another in one of its fields. */
struct ldr_referrer {
	const struct ldr_kind *kind;
	void *rec;
	const struct ldr_field *field; /* a REF or REFS field of kind */
};

struct ldr_index {
	struct ldr_roadmap *rm;
	struct ldr_hash ids;
	struct ldr_ref *refs;
	size_t n;
	/* With ldr_index_add_referrers: those of refs[i] are
	 * referrers[first[i]] to referrers[first[i + 1]] (exclusive). */
	struct ldr_referrer *referrers;
	size_t *first;
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

/* Records without ids of their own, named as the checks, the review and
 * the exports name them: a milestone's checkpoint as MILESTONE[WHEN]
 * (FD-03[by 2023-03]). ldr_ref_name writes a record's name into buf
 * (LDR_REF_NAME_MAX bytes) and returns it, or its id; ldr_index_resolve
 * finds the record of a name (an id, or a checkpoint's) and returns 1. */
#define LDR_REF_NAME_MAX (64 + 3 + LDR_TIME_STR_MAX)
const char *ldr_ref_name(const struct ldr_ref *r, char *buf, size_t len);
int ldr_index_resolve(const struct ldr_index *ix, const char *name, struct ldr_ref *out);

/* Index the other way too: for every record, the records that name it
 * (what a project delivers and what depends on it, what depends on a
 * capability...), in one pass over every reference, for the views that ask
 * that of many records. */
void ldr_index_add_referrers(struct ldr_index *ix);
/* The records that name the record with this id, in file order, and how
 * many (*n); NULL and 0 when none, or when they were not indexed. */
const struct ldr_referrer *ldr_index_referrers(const struct ldr_index *ix, const char *id, size_t *n);

/* A record's signature: the ids of it and of every record nested in it
 * ("" for one without), each ended by a NUL, in ids; every id it and they
 * name, in refs, field by field. */
void ldr_rec_signature(const struct ldr_kind *k, const void *rec, struct ldr_buf *ids,
		       struct ldr_buf *refs);
/* Whether an index stays true after a record of kind k, at its place in a
 * top-level list, was changed in place from before to after (copies): set
 * field by field (ldr_field_set), never replaced, with the same records
 * nested in it, the same ids and the same references. Then the index
 * points at the same records and the same id strings. */
int ldr_index_holds(const struct ldr_kind *k, const void *before, const void *after);
/* Whether two indexes of one roadmap are the same, referrers too. */
int ldr_index_equal(const struct ldr_index *a, const struct ldr_index *b);

/* The name of a capability group, national or local; NULL if unknown. */
const char *ldr_group_name(const struct ldr_index *ix, const char *id);

#endif
