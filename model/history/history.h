/* Reading a record's history fast. Parsing every version of a roadmap to see
 * whether one record changed costs milliseconds a version; comparing the
 * record's own lines costs microseconds. In the canonical form (and any block
 * style YAML) a record in a list is the line "- id: ID" and the lines below it
 * indented deeper: if those lines are the same in two versions, so is the
 * record, with everything nested in it. The test says "maybe changed" whenever
 * it cannot be sure (a record in flow style, an id written twice), and then
 * the caller parses both versions and compares them properly. */
#ifndef LDR_HISTORY_H
#define LDR_HISTORY_H

#include <stddef.h>

#include "../base/hash.h"
#include "../base/util.h"

/* Where the record with this id is written in text: [*start, *end). Returns
 * 1 if it is written once as a block list item, 0 if it is not found that
 * way (absent, in flow style, or found more than once). */
int ldr_record_span(const char *text, size_t len, const char *id, size_t *start, size_t *end);

/* Whether the record is certainly the same in both texts: 1 when its lines
 * are identical, or when its id appears in neither text at all; 0 when it
 * may differ. */
int ldr_record_unchanged(const char *a, size_t alen, const char *b, size_t blen, const char *id);

/* Read only the record written at [start, end) of text (a span found by
 * ldr_record_span) as a roadmap holding that one record in its top-level
 * list (list is the list's name, as "capabilities"). Comparing two such
 * roadmaps gives the record's changes at the cost of its own lines. Returns
 * 0, or -1 if the lines do not make a valid roadmap that way (the caller
 * then reads the whole file); rm must be released either way. */
struct ldr_roadmap;
int ldr_record_read(struct ldr_roadmap *rm, const char *text, size_t start, size_t end,
		    const char *list);

/* The records of some top-level lists, found by their lines, so that two
 * versions of a file can be compared record by record at the cost of a
 * memcmp, and only the records that differ read (as ldr_records_read
 * does). Each is written from its "- id: ID" line to the next item of its
 * list, or the next top-level key. */
struct ldr_record_span {
	unsigned list;      /* the index of its list in the names given */
	size_t id;          /* its id, as written: an offset in ids */
	size_t start, end;  /* [start, end) in the text */
};

struct ldr_record_table {
	struct ldr_record_span *v;
	size_t n, cap;
	struct ldr_buf ids; /* the ids, each ending in a NUL */
	struct ldr_hash by_id; /* id -> span index + 1 */
};

/* Find the records of the named top-level lists (lists: NULL-terminated) in
 * text. Returns 0, or -1 when the text is not written in a way this can be
 * sure of (a list in flow style, an item that does not begin with its id, an
 * id written twice, document markers, a key it cannot read): compare the
 * whole files then. The table is to be released either way. */
int ldr_record_table_build(struct ldr_record_table *t, const char *text, size_t len, const char *const *lists);
void ldr_record_table_release(struct ldr_record_table *t);
/* The span of the record with this id, or NULL. */
const struct ldr_record_span *ldr_record_table_find(const struct ldr_record_table *t, const char *id);
const char *ldr_record_table_id(const struct ldr_record_table *t, const struct ldr_record_span *s);

/* Read the records whose indexes are given (sel, n of them) from text, as a
 * roadmap holding just those in their lists. Returns 0, or -1 if they do
 * not make a valid roadmap that way; rm must be released either way. */
int ldr_records_read(struct ldr_roadmap *rm, const char *text, const struct ldr_record_table *t,
		     const size_t *sel, size_t n, const char *const *lists);

#endif
