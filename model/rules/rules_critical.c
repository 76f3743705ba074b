/* The rule that needs the critical path: a firm capability whose delivering
 * projects cannot end in time once their predecessors' durations are kept,
 * though the plan says they do (when the plan itself says they end late,
 * dep-order reports it). */
#include "checker.h"
#include "critical.h"
#include "../roadmap/schedule.h"

static void check_capability(struct ldr_checker *c, const struct ldr_critical *cr, const struct ldr_capability *k)
{
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	struct ldr_time t = { LDR_TIME_MONTH, 0, 0 };
	int due;
	size_t j;

	if (k->status != LDR_CAP_FIRM || !ldr_capability_due(k, &due))
		return;
	for (j = 0; j < k->projects.n; j++) {
		const struct ldr_slack *s = ldr_critical_find(cr, k->projects.v[j]);
		if (!s || s->end > due || s->earliest_end <= due)
			continue;
		t.month = s->earliest_end;
		ldr_report_at(c, k->projects.pos[j], k->id, "projects", s->p->id,
			      "re-phase the capability, or shorten the chain ('ldr critical --to' shows it)",
			      "capability %s is firm for %s, but project %s, which delivers it, cannot end before "
			      "%s: the projects it depends on take until then", ldr_q(c, k->id, 0),
			      ldr_time_format(&k->year, a), ldr_q(c, s->p->id, 1), ldr_time_format(&t, b));
	}
}

void ldr_rule_cannot_finish(struct ldr_checker *c)
{
	struct ldr_critical cr;
	struct ldr_buf err = LDR_BUF_INIT;
	size_t i;

	/* A cycle has no earliest end: the cycle rule reports it. */
	if (ldr_critical_run(&cr, c->rm, NULL, &err) == 0)
		for (i = 0; i < ldr_check_count(c, &ldr_kind_capability); i++)
			check_capability(c, &cr, ldr_check_rec(c, &ldr_kind_capability, i));
	ldr_critical_release(&cr);
	ldr_buf_release(&err);
}
