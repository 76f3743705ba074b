#include "schedule.h"

int ldr_project_span(const struct ldr_project *p, int *first, int *last)
{
	if (p->start.kind == LDR_TIME_NONE)
		return 0;
	*first = ldr_time_first(&p->start);
	*last = p->end.kind != LDR_TIME_NONE ? ldr_time_last(&p->end) : ldr_time_last(&p->start);
	return 1;
}

int ldr_capability_due(const struct ldr_capability *c, int *month)
{
	if (c->year.kind == LDR_TIME_NONE)
		return 0;
	*month = ldr_time_last(&c->year);
	return 1;
}

/* When a project has ended: its end, else the end of its start. */
static int project_end(const struct ldr_project *p, int *month)
{
	int first;
	return ldr_project_span(p, &first, month) ||
	       (p->end.kind != LDR_TIME_NONE && (*month = ldr_time_last(&p->end), 1));
}

int ldr_project_order_violated(const struct ldr_project *pred, const struct ldr_project *succ)
{
	int end;
	if (succ->start.kind == LDR_TIME_NONE || !project_end(pred, &end))
		return 0;
	return ldr_time_first(&succ->start) <= end;
}

int ldr_delivery_order_violated(const struct ldr_project *delivering, const struct ldr_capability *c)
{
	int end, due;
	if (!ldr_capability_due(c, &due) || !project_end(delivering, &end))
		return 0;
	return due < end;
}

int ldr_capability_order_violated(const struct ldr_capability *pred, const struct ldr_capability *succ)
{
	int a, b;
	if (!ldr_capability_due(pred, &a) || !ldr_capability_due(succ, &b))
		return 0;
	return b < a;
}
