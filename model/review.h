/* The year-end (or quarter-end) review: what a baseline planned for a period
 * against what happened (guidance §11.4-11.5), and how the plan drifted on
 * the way (§12.2). Pure model code: it is fed versions of the roadmap in
 * order, the baseline first and the current plan last, each with the month
 * it was recorded; 'ldr review' reads them from the repository.
 *
 * What is reviewed: capabilities, projects, milestones and universal
 * capability activities whose planned time (schedule.h: a capability's
 * year, a project's end, a milestone's due, an activity's quarter) falls due
 * in the period, at the baseline. Each has one outcome:
 *
 *   delivered on time  delivered within its planned time (at the baseline)
 *   delivered early    delivered before its planned time began
 *   delivered late     delivered after it, by so many quarters
 *   slipped            not delivered, and re-planned to a later quarter
 *   dropped            removed from the roadmap, or its status is dropped
 *   open               not delivered, still planned as it was (overdue if
 *                      the review's date is past its planned time)
 *
 * Delivered means a status of delivered (done for a milestone, done: true
 * for an activity) or a delivered time, by the review's date. When is the
 * delivered time if there is one, else the month of the version in which it
 * was first recorded as delivered (for a record delivered already at the
 * baseline, the baseline's month). Items planned in the period now but not
 * at the baseline (new, or brought forward) are "added", outside the
 * baseline's totals. Drift: how many times each item's planned time moved
 * from one version to the next between the baseline and now. */
#ifndef LDR_REVIEW_H
#define LDR_REVIEW_H

#include <stddef.h>

#include "hash.h"
#include "roadmap.h"
#include "schema.h"

enum ldr_outcome {
	LDR_OUT_ON_TIME,
	LDR_OUT_EARLY,
	LDR_OUT_LATE,
	LDR_OUT_SLIPPED,
	LDR_OUT_DROPPED,
	LDR_OUT_OPEN,
	LDR_OUTCOMES
};

const char *ldr_outcome_name(enum ldr_outcome o); /* "on time", "slipped", ... */
const char *ldr_outcome_key(enum ldr_outcome o);  /* "on_time", "slipped", ... */

struct ldr_review_item {
	const struct ldr_kind *kind; /* capability, project, milestone or activity */
	char *id, *parent, *title;
	char *group, *group_name;    /* capability group (id, name); NULL if none */
	struct ldr_time planned;     /* its planned time at the baseline (unset: not there) */
	struct ldr_time now;         /* in the current plan (unset: removed, or no time) */
	int in_baseline;             /* planned in the period at the baseline */
	int added;                   /* planned in the period now, not at the baseline */
	enum ldr_outcome outcome;    /* for in_baseline and added items */
	int delivered;               /* the month delivered, by the review's date; 0 if not */
	int delivered_recorded;      /* 1: from its delivered time; 0: when first recorded so */
	int quarters;                /* late by, or slipped by */
	int overdue;                 /* open, and its planned time is past */
	unsigned rephased;           /* moves of its planned time between the baseline and now */
	struct ldr_time *path;       /* its planned times, the first seen first, one per move */
	size_t npath;

	/* While versions are fed: */
	unsigned seen;               /* the last version it was in (1-based) */
	int done, dropped, since;    /* in the last version; since: month it became done */
	struct ldr_time last;        /* its last planned time seen */
	struct ldr_time delivered_at;
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
	unsigned versions;      /* versions fed: the baseline, the commits after it, ... */
	int baseline_month, now_month;
	struct ldr_review_item *items; /* every record with a planned time ever seen */
	size_t n, cap;
	struct ldr_review_total *totals; /* per group: the national ones in their order, then the others */
	size_t ntotals;
	struct ldr_review_total all;
	struct ldr_hash ids;
};

void ldr_review_init(struct ldr_review *rv, struct ldr_time period, int as_of);
/* Feed the next version: the baseline first, the current plan last. */
void ldr_review_add(struct ldr_review *rv, struct ldr_roadmap *rm, int month);
/* Work out the outcomes and the totals, once every version is fed. */
void ldr_review_finish(struct ldr_review *rv);
void ldr_review_release(struct ldr_review *rv);

/* Whether a month is within the period. */
int ldr_review_in_period(const struct ldr_review *rv, const struct ldr_time *t);

/* Percentages of a total's planned items, rounded to the nearest whole:
 * delivered (on time, early or late) and on time (on time or early). */
int ldr_review_percent_delivered(const struct ldr_review_total *t);
int ldr_review_percent_on_time(const struct ldr_review_total *t);

/* When an item was delivered: its delivered time as the file gives it (a
 * year, a quarter or a month), else the month it was first recorded so. */
struct ldr_time ldr_review_delivered_time(const struct ldr_review_item *it);

/* What an item's outcome came to, briefly: "2017-02, 1 quarter late", "16/17 Q3",
 * "2017-03 (recorded)" (the month it was first recorded as delivered), "to 17/18, 2
 * quarters" (slipped), "overdue", or nothing. */
struct ldr_buf;
void ldr_review_item_text(struct ldr_buf *b, const struct ldr_review_item *it);

#endif
