#include "schedule.h"

#include <string.h>

#include "schema.h"

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

const struct ldr_time *ldr_planned_time(const struct ldr_kind *k, const void *rec)
{
	const struct ldr_time *t = NULL;

	if (k == &ldr_kind_capability) {
		t = &((const struct ldr_capability *)rec)->year;
	} else if (k == &ldr_kind_project) {
		const struct ldr_project *p = rec;
		t = p->end.kind != LDR_TIME_NONE ? &p->end : &p->start;
	} else if (k == &ldr_kind_milestone) {
		t = &((const struct ldr_milestone *)rec)->due;
	} else if (k == &ldr_kind_checkpoint) {
		t = &((const struct ldr_checkpoint *)rec)->when;
	} else if (k == &ldr_kind_activity) {
		t = &((const struct ldr_activity *)rec)->quarter;
	}
	return t && t->kind != LDR_TIME_NONE ? t : NULL;
}

int ldr_planned_field(const struct ldr_kind *k, const struct ldr_field *f)
{
	const char *n = f->name;

	if (f->type != LDR_F_TIME)
		return 0;
	return (k == &ldr_kind_capability && strcmp(n, "year") == 0) ||
	       (k == &ldr_kind_project && (strcmp(n, "start") == 0 || strcmp(n, "end") == 0)) ||
	       (k == &ldr_kind_milestone && strcmp(n, "due") == 0) ||
	       (k == &ldr_kind_checkpoint && strcmp(n, "when") == 0) ||
	       (k == &ldr_kind_activity && strcmp(n, "quarter") == 0);
}

int ldr_quarter_index(int month)
{
	int m = month - 3; /* quarters begin in April, July, October and January */
	return m >= 0 ? m / 3 : -((-m + 2) / 3);
}

void ldr_planned_shift(const struct ldr_field *f, const struct ldr_time *a, const struct ldr_time *b,
		       int *months, int *quarters)
{
	int start = strcmp(f->name, "start") == 0;
	int x = start ? ldr_time_first(a) : ldr_time_last(a);
	int y = start ? ldr_time_first(b) : ldr_time_last(b);

	*months = y - x;
	*quarters = ldr_quarter_index(y) - ldr_quarter_index(x);
}
