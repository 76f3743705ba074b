/* The rules of a programme plan's commitments: checkpoints after their
 * milestone, open-ended dates that start after the programme ends, and
 * dates to be confirmed for too long. */
#include <stdio.h>

#include "checker.h"
#include "../roadmap/date.h"
#include "../roadmap/schedule.h"

typedef void (*milestone_fn)(struct ldr_checker *c, const struct ldr_project *p,
			     const struct ldr_milestone *m);

static void each_milestone(struct ldr_checker *c, milestone_fn fn)
{
	size_t i, j;
	for (i = 0; i < ldr_check_count(c, &ldr_kind_project); i++) {
		const struct ldr_project *p = ldr_check_rec(c, &ldr_kind_project, i);
		for (j = 0; j < p->milestones.len; j++)
			fn(c, p, LDR_ITEM(p->milestones, struct ldr_milestone, j));
	}
}

static void checkpoint_order(struct ldr_checker *c, const struct ldr_project *p,
			     const struct ldr_milestone *m)
{
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	size_t i;

	(void)p;
	if (!ldr_time_can_be_late(&m->due))
		return; /* from and tbc: no end that a checkpoint could pass */
	for (i = 0; i < m->checkpoints.len; i++) {
		const struct ldr_checkpoint *k = LDR_ITEM(m->checkpoints, struct ldr_checkpoint, i);
		if (!k->when.kind || ldr_time_last(&k->when) <= ldr_time_last(&m->due))
			continue;
		ldr_report_at(c, ldr_field_pos(&ldr_kind_checkpoint, k, "when"), m->id, "checkpoints",
			      ldr_time_format(&k->when, a), "move the checkpoint, or the milestone",
			      "checkpoint %s of milestone %s falls after the milestone is due (%s)",
			      a, ldr_q(c, m->id, 0), ldr_time_format(&m->due, b));
	}
}

void ldr_rule_checkpoint_order(struct ldr_checker *c)
{
	each_milestone(c, checkpoint_order);
}

static void from_late(struct ldr_checker *c, const struct ldr_project *p,
		      const struct ldr_milestone *m)
{
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	const struct ldr_time *end = p->end.kind ? &p->end : &c->rm->footprint.end;

	if (m->due.qual != LDR_QUAL_FROM || !m->due.kind || !end->kind ||
	    ldr_time_first(&m->due) <= ldr_time_last(end))
		return;
	ldr_report_at(c, ldr_field_pos(&ldr_kind_milestone, m, "due"), m->id, "due", p->id,
		      "move the date, or widen the programme",
		      "milestone %s is due %s, after %s ends (%s)", ldr_q(c, m->id, 0),
		      ldr_time_format(&m->due, a),
		      p->end.kind ? ldr_q(c, p->id, 1) : "the plan", ldr_time_format(end, b));
}

void ldr_rule_from_late(struct ldr_checker *c)
{
	each_milestone(c, from_late);
}

/* A "tbc" is as old as the plan that carries it: from its publication
 * (else its as-at date) to the review date, else to this month (the
 * model's clock, ldr_now). */
static void tbc_old(struct ldr_checker *c, const struct ldr_project *p, const struct ldr_milestone *m)
{
	const struct ldr_footprint *f = &c->rm->footprint;
	const struct ldr_time *since = f->published.kind ? &f->published : &f->as_at;
	struct ldr_time now = c->as_of.kind ? c->as_of : ldr_date_this_month();
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	int months = ldr_tbc_months(c->rm), age;

	(void)p;
	if (m->due.qual != LDR_QUAL_TBC || !since->kind ||
	    m->status == LDR_MILESTONE_DONE || m->status == LDR_MILESTONE_DROPPED)
		return;
	age = ldr_time_last(&now) - ldr_time_first(since);
	if (age <= months)
		return;
	ldr_report(c, &ldr_kind_milestone, m, "due", m->id, "set its date, or say why in 'notes'",
		   "milestone %s is still to be confirmed %d months after the plan of %s (as at %s; "
		   "the rules allow %d)", ldr_q(c, m->id, 0), age, ldr_time_format(since, a),
		   ldr_time_format(&now, b), months);
}

void ldr_rule_tbc_old(struct ldr_checker *c)
{
	each_milestone(c, tbc_old);
}
