/* The semantic diff of two roadmaps: by record id and field, not by line.
 * Records are matched by id across the whole file (so moving a record in its
 * list is no change); records without an id inside another (a universal
 * capability's ambition for a year, a trajectory's scores) are matched by
 * their key and shown as paths, as in "ambition[17/18].text". A planned time
 * that moved (schedule.h) is a re-phasing, with how far it moved. */
#ifndef LDR_DIFF_H
#define LDR_DIFF_H

#include <stddef.h>

#include "roadmap.h"
#include "schema.h"

enum ldr_change_type { LDR_CHANGE_ADDED, LDR_CHANGE_REMOVED, LDR_CHANGE_CHANGED };

struct ldr_change {
	enum ldr_change_type type;
	const struct ldr_kind *kind;
	char *id;      /* the record's id; "footprint" for the footprint */
	char *parent;  /* the id of the record it is nested in (a milestone's project), or NULL */
	char *title;   /* what the record is called (field.h), or NULL */
	char *field;   /* CHANGED: the field, or a path: "attributes.Solution", "ambition[17/18].text" */
	char *from, *to; /* CHANGED: the values as the file writes them; NULL when unset */
	int rephased;  /* CHANGED: a planned time moved (both set, and not only made more precise) */
	int months, quarters; /* how far, when rephased: later is positive */
};

struct ldr_diff {
	struct ldr_change *v;
	size_t n, cap;
};

/* The changes from a to b: b's records in file order (a record added with
 * the records nested in it is one change), then those removed. */
void ldr_diff_roadmaps(struct ldr_diff *d, const struct ldr_roadmap *a, const struct ldr_roadmap *b);
void ldr_diff_release(struct ldr_diff *d);

/* Whether a change is to the record with this id or to one nested in it. */
int ldr_change_about(const struct ldr_change *c, const char *id);

const char *ldr_change_type_name(enum ldr_change_type t);

struct ldr_buf;
/* A change as one line of text, untrusted text escaped:
 * "P08 start: 16/17 Q1 -> 17/18 (re-phased 4 quarters later)". */
void ldr_change_text(struct ldr_buf *b, const struct ldr_change *c);
/* A commit subject for d, about max characters at most: "C13 year to 17/18;
 * add capability C42; C41 notes; and 2 more". Changes of derived reasons,
 * which follow from a value set by hand, are not named. Nothing for an
 * empty diff. */
void ldr_diff_subject(struct ldr_buf *b, const struct ldr_diff *d, size_t max);

#endif
