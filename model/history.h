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

#endif
