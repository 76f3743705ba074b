/* The critical path and slack of the projects, in months, worked out from
 * the plan's own dates and the finish-to-start dependencies (a project
 * starts after each project it depends on has ended):
 *
 *   total slack  how many months a project can slip before it delays the
 *                end (the latest end of all, or the end of a chosen
 *                record); negative when the plan is already impossible
 *   free slack   how many months it can slip before any project that
 *                depends on it must move
 *   the critical path  the chain that sets the end: from the record that
 *                ends last, back through the predecessor that ends latest,
 *                to a project that depends on nothing
 *
 * And the earliest a project can end, given the chains before it (each
 * keeping its duration): what a plan promises that its dependencies do not
 * allow. */
#ifndef LDR_CRITICAL_H
#define LDR_CRITICAL_H

#include <stddef.h>

#include "../base/hash.h"
#include "../roadmap/roadmap.h"
#include "../base/util.h"

struct ldr_slack {
	const struct ldr_project *p;
	int start, end;         /* its planned months (first, last) */
	int late_end;           /* the latest it can end without delaying the end */
	int total, free;        /* slack, in months */
	int earliest_end;       /* the earliest it can end, after its predecessors */
	int counted;            /* it leads to the end asked about */
};

struct ldr_critical {
	struct ldr_slack *v;    /* each project with a start, in file order */
	size_t n;
	size_t *path, npath;    /* indexes into v, first to last */
	int end;                /* the month the end falls in */
	const char *to;         /* the record asked about, or NULL */
	struct ldr_hash ids;    /* project id -> index in v + 1 */
};

/* Work it out for rm (to: a project's or a capability's id, or NULL for
 * the latest end of all). Returns 0, or -1 with a reason in err (an unknown
 * id, a cycle). */
int ldr_critical_run(struct ldr_critical *cr, const struct ldr_roadmap *rm, const char *to, struct ldr_buf *err);
void ldr_critical_release(struct ldr_critical *cr);

/* The slack of the project with this id, or NULL. */
const struct ldr_slack *ldr_critical_find(const struct ldr_critical *cr, const char *id);

#endif
