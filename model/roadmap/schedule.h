/* What the schedule's times mean, in one place, so that the checks, the
 * charts and the review agree:
 *
 * - a project runs from the first month of its start to the last month of
 *   its end (an unset end: to the end of its start);
 * - a capability is deployed by the last month of its year ("from 16/17"
 *   means available by the end of 16/17);
 * - a project may start only after each project it depends on has ended;
 * - a capability may be deployed only once the projects that deliver it
 *   have ended, and not before a capability it depends on. */
#ifndef LDR_SCHEDULE_H
#define LDR_SCHEDULE_H

#include "roadmap.h"

/* The months a project runs, on the month line; 0 if it has no start. */
int ldr_project_span(const struct ldr_project *p, int *first, int *last);

/* The month by which a capability is deployed; 0 if it has no year. */
int ldr_capability_due(const struct ldr_capability *c, int *month);

/* Whether succ starts before pred (which it depends on) ends. Unknown
 * times violate nothing. */
int ldr_project_order_violated(const struct ldr_project *pred, const struct ldr_project *succ);

/* Whether a capability is due before a project that delivers it ends. */
int ldr_delivery_order_violated(const struct ldr_project *delivering, const struct ldr_capability *c);

/* Whether a capability is due before a capability it depends on. */
int ldr_capability_order_violated(const struct ldr_capability *pred, const struct ldr_capability *succ);

/* ---- plans that move --------------------------------------------------
 * A record's planned time is when it is due: a capability's year, a
 * project's end (its start when it has no end), a milestone's due, a
 * universal capability activity's quarter. Re-phasing moves a planned time,
 * or a project's start; a start moves by its first month, anything due by
 * its last. */
struct ldr_kind;
struct ldr_field;

/* The record's planned time, or NULL if it has none (or it is unset). */
const struct ldr_time *ldr_planned_time(const struct ldr_kind *k, const void *rec);

/* Whether the field is one of the kind's planned times (or a project's start). */
int ldr_planned_field(const struct ldr_kind *k, const struct ldr_field *f);

/* How far a planned field moved from a to b: months and quarters (counted
 * as financial quarter boundaries crossed), later positive. */
void ldr_planned_shift(const struct ldr_field *f, const struct ldr_time *a, const struct ldr_time *b,
		       int *months, int *quarters);

/* The financial quarter a month is in, counted on one line (so that the
 * difference of two is the number of quarters between them). */
int ldr_quarter_index(int month);

#endif
