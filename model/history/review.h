/* The year-end (or quarter-end) review: what a baseline planned for a period
 * against what happened (guidance §11.4-11.5), and why the plan moved on the
 * way (§12.2). Pure model code: 'ldr review' and the interface read the
 * versions from the repository (versions.c) and feed them here.
 *
 * Where each figure comes from:
 *   - what was planned: the roadmap at the baseline. The items are the
 *     capabilities, projects, milestones and universal capability activities
 *     whose planned time (schedule.h) falls due in the period there;
 *   - what happened: the recorded facts of the newest version (HEAD, or the
 *     file with its changes not committed, or the interface's roadmap with
 *     changes not saved): status, delivered times, an activity's done. A
 *     delivery dated on or before the review's date counts, whenever it was
 *     recorded; one dated after it does not;
 *   - why it moved: the commits between the baseline and the newest
 *     version, each compared with its parent. Commit dates are used only
 *     there and for when a delivery was recorded, never as a delivery date.
 *
 * Each item has one outcome:
 *
 *   on time      delivered within its planned time (compared at the coarser
 *                of the two granularities: delivered 16/17 against planned
 *                16/17 Q3 is on time), or done at the baseline already
 *                ("done before the plan")
 *   early        delivered before its planned time
 *   late         delivered after it: by so many months, quarters or years
 *                (in the delivered time's own unit) after its end
 *   undated      delivered, but the date is not recorded: never late,
 *                never dated from a commit
 *   slipped      not delivered by the review's date and re-planned later
 *                (by so many units of the new time after the old one's end)
 *   dropped      its status is dropped, or it was removed
 *   in progress  not delivered, and its planned time has not ended at the
 *                review's date
 *   overdue      not delivered, not re-planned, its planned time has ended
 *
 * Items planned in the period now but not at the baseline (new, or brought
 * forward) are "added", outside the baseline's totals. A programme plan's
 * commitments due "from" a time, or "tbc", are due in no period: they are
 * listed apart (apart), whatever the baseline said. Milestones' checkpoints
 * are items too, named by their milestone and time (FD-03[by 2023-03]). */
#ifndef LDR_REVIEW_H
#define LDR_REVIEW_H

#include <stddef.h>

#include "../base/hash.h"
#include "repo.h"
#include "../roadmap/roadmap.h"
#include "../roadmap/schema.h"

enum ldr_outcome {
	LDR_OUT_ON_TIME,
	LDR_OUT_EARLY,
	LDR_OUT_LATE,
	LDR_OUT_UNDATED,
	LDR_OUT_SLIPPED,
	LDR_OUT_DROPPED,
	LDR_OUT_IN_PROGRESS,
	LDR_OUT_OVERDUE,
	LDR_OUTCOMES
};

const char *ldr_outcome_name(enum ldr_outcome o); /* "on time", "in progress", ... */
const char *ldr_outcome_key(enum ldr_outcome o);  /* "on_time", "in_progress", ... */
/* Whether the outcome counts as delivered (on time, early, late, undated). */
int ldr_outcome_delivered(enum ldr_outcome o);

/* What one commit did to an item. */
enum ldr_review_change {
	LDR_RC_MOVED,     /* its planned time moved: from, to */
	LDR_RC_DROPPED,   /* its status became dropped */
	LDR_RC_RESTORED,  /* its status is no longer dropped */
	LDR_RC_REMOVED,   /* it was removed from the roadmap */
	LDR_RC_ADDED,     /* it was added (or added back); to: its planned time */
	LDR_RC_DELIVERED, /* it was recorded as delivered (or done) */
	LDR_RC_REOPENED,  /* it is no longer recorded as delivered */
};

struct ldr_review_event {
	enum ldr_review_change type;
	struct ldr_time from, to;
	size_t commit; /* in rv->commits */
};

/* A unit of lateness or of a slip: that of the later time. */
enum ldr_review_unit { LDR_UNIT_MONTH, LDR_UNIT_QUARTER, LDR_UNIT_YEAR };

struct ldr_review_item {
	const struct ldr_kind *kind; /* capability, project, milestone or activity */
	char *id, *parent, *title;
	char *group, *group_name;    /* capability group (id, name); NULL if none */
	struct ldr_time planned;     /* its planned time at the baseline (unset: not there) */
	struct ldr_time now;         /* in the newest version (unset: removed, or no time) */
	int in_baseline;             /* planned in the period at the baseline */
	int added;                   /* planned in the period now, not at the baseline */
	enum ldr_outcome outcome;    /* for in_baseline and added items */
	struct ldr_time delivered;   /* the delivered time recorded (unset: none) */
	int delivered_after;         /* delivered, but dated after the review's date */
	int before_plan;             /* on time: done at the baseline already */
	int by;                      /* late or slipped by so many units */
	enum ldr_review_unit unit;
	int present, done, dropped;  /* in the newest version */
	int apart;                   /* a commitment due "from" a time by the period's end,
				      * or "tbc", in the newest version: listed apart,
				      * never counted (and never overdue) */
	int done_at_baseline;
	unsigned rephased;           /* moves of its planned time after the baseline */
	struct ldr_review_event *events; /* what each commit did to it, oldest first */
	size_t nevents;
	size_t order;
};

/* Counts for one capability group, or for everything (group NULL). */
struct ldr_review_total {
	char *group, *name;
	unsigned planned, added, n[LDR_OUTCOMES];
};

struct ldr_review {
	struct ldr_time period; /* a financial year or a quarter */
	int as_of;              /* the review's date: a month on the time line */
	struct ldr_review_item *items; /* every reviewed record ever seen */
	size_t n, cap;
	struct ldr_commit *commits; /* the commits that changed an item, as events name them */
	size_t ncommits;
	struct ldr_review_total *totals; /* per group: the national ones in their order, then the others */
	size_t ntotals;
	struct ldr_review_total all;
	struct ldr_hash ids;
};

void ldr_review_init(struct ldr_review *rv, struct ldr_time period, int as_of);
/* The plan: the roadmap at the baseline. */
void ldr_review_baseline(struct ldr_review *rv, const struct ldr_roadmap *rm);
/* A commit after the baseline: before holds the records it changed as they
 * were in its (first) parent, after as they are in it (whole roadmaps, or
 * only the top-level records whose text changed: a record in neither is
 * unchanged). For a merge, other holds the same records in its second
 * parent: what the merge took from there is that side's commits' doing,
 * not the merge's (NULL: not a merge). c is copied if anything it did is
 * kept; c->id "" stands for changes not committed. Fed oldest first. */
void ldr_review_changes(struct ldr_review *rv, const struct ldr_commit *c, const struct ldr_roadmap *before,
			const struct ldr_roadmap *after, const struct ldr_roadmap *other);
/* The recorded facts: the newest version, whole. */
void ldr_review_now(struct ldr_review *rv, const struct ldr_roadmap *rm);
/* Work out the outcomes and the totals, once every version is fed. */
void ldr_review_finish(struct ldr_review *rv);
void ldr_review_release(struct ldr_review *rv);

/* Whether a time falls due within the period. */
int ldr_review_in_period(const struct ldr_review *rv, const struct ldr_time *t);

/* Percentages of a total's planned items, rounded to the nearest whole:
 * delivered (on time, early, late or undated) and on time (on time or early). */
int ldr_review_percent_delivered(const struct ldr_review_total *t);
int ldr_review_percent_on_time(const struct ldr_review_total *t);

/* "2 quarters", "1 year", "3 months". */
void ldr_review_by_text(struct ldr_buf *b, int n, enum ldr_review_unit unit);
const char *ldr_review_unit_name(enum ldr_review_unit unit); /* "month", "quarter", "year" */

/* What an item's outcome came to, briefly: "2017-02, 1 quarter late",
 * "done before the plan", "date not recorded", "to 17/18, 2 quarters", or
 * nothing; with_after, also "delivered 2017-06, after the review date"
 * where that is so. */
void ldr_review_item_text(struct ldr_buf *b, const struct ldr_review_item *it, int with_after);

/* The commit that recorded the item's delivery (its last, while it stays
 * delivered), or NULL: delivered at the baseline already, or not delivered. */
const struct ldr_commit *ldr_review_recorded(const struct ldr_review *rv, const struct ldr_review_item *it);

/* Whether an item's history is worth telling: it slipped, was re-phased or dropped. */
int ldr_review_has_reasons(const struct ldr_review_item *it);

/* One event as a line: "2016-09-30 Pat Office 1a2b3c4: 16/17 -> 17/18 Q1
 * (+1 quarter) 'Q2 update: ...'" (the commit's subject, at most width
 * characters of it; 0: whole). */
void ldr_review_event_text(struct ldr_buf *b, const struct ldr_review *rv, const struct ldr_review_event *e,
			   size_t width);

/* Why an item slipped, moved or was dropped, a line each (ending in '\n'):
 * the commits that did it, as ldr_review_event_text gives them (width
 * cuts their subjects); more than LDR_REVIEW_MOVES_SHOWN moves are
 * summarised in a line ending in ':' (how many, from and to, the first and
 * the last commit) followed by the largest move. Nothing when the item has
 * no reasons (ldr_review_has_reasons). */
#define LDR_REVIEW_MOVES_SHOWN 3
void ldr_review_reasons(struct ldr_buf *b, const struct ldr_review *rv, const struct ldr_review_item *it,
			size_t width);

/* "2016-09-30 (1a2b3c4)": the day of a commit and its short id; "not
 * committed" for changes not committed. */
void ldr_review_commit_day(struct ldr_buf *b, const struct ldr_commit *c);

/* The largest move of an item's planned time (NULL if it never moved). */
const struct ldr_review_event *ldr_review_largest_move(const struct ldr_review_item *it);

/* The net move of its planned time, in quarters, from the baseline's (or
 * the first seen) to the last. */
int ldr_review_net_quarters(const struct ldr_review_item *it);

#endif
