/* The checks run again after one edit, as the interface runs them
 * (ldr_check_update), against a full check of the same roadmap:
 *
 *   recheck ROADMAP CAPABILITY PROJECT RUNS
 *
 * prints "CAP_MS PROJECT_MS FULL_MS INDEX_MS": the median CPU time of RUNS
 * of each, in milliseconds: the checks again after a capability's year
 * moved a year on, after a project's end moved a year on, a full check,
 * and building the index with its referrers, which the interface rebuilds
 * after every change and the update uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cpums.h"
#include "../../model/base/diag.h"
#include "../../model/roadmap/file.h"
#include "../../model/roadmap/index.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/roadmap/schema.h"
#include "../../model/rules/check.h"
#include "../../model/base/util.h"

/* The time moved on a year (or back, every other run), then the checks
 * again; the time of the update alone. */
static double moved(struct ldr_roadmap *rm, struct ldr_index *ix, struct ldr_findings *f,
		    const struct ldr_kind *k, void *rec, struct ldr_time *t, int run)
{
	struct ldr_check_opts o;
	struct ldr_check_change ch;
	void *before = ldr_calloc(1, k->size), *after = ldr_calloc(1, k->size);
	double t0;

	memset(&o, 0, sizeof(o));
	ldr_rec_copy(k, before, rec);
	t->month += run % 2 ? -12 : 12;
	ldr_rec_copy(k, after, rec);
	ch.kind = k;
	ch.before = before;
	ch.after = after;
	t0 = now_ms();
	ldr_check_update(rm, &o, &ch, 1, ix, f);
	t0 = now_ms() - t0;
	ldr_rec_release(k, before);
	ldr_rec_release(k, after);
	free(before);
	free(after);
	return t0;
}

int main(int argc, char **argv)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_index ix;
	struct ldr_findings f;
	struct ldr_check_opts o;
	struct ldr_capability *k;
	struct ldr_project *p;
	double *tc, *tp, *tf, *ti, t0;
	int i, n;

	if (argc != 5 || (n = atoi(argv[4])) < 1) {
		fprintf(stderr, "usage: recheck ROADMAP CAPABILITY PROJECT RUNS\n");
		return 64;
	}
	ldr_diag_init(&d, argv[1]);
	if (ldr_file_read(argv[1], &text, &err) < 0 || ldr_roadmap_read(&rm, text.s, text.len, &d) < 0) {
		fprintf(stderr, "recheck: cannot read %s\n", argv[1]);
		return 2;
	}
	ldr_index_build(&ix, &rm);
	ldr_index_add_referrers(&ix);
	k = ldr_index_get(&ix, &ldr_kind_capability, argv[2]);
	p = ldr_index_get(&ix, &ldr_kind_project, argv[3]);
	if (!k || !p || !k->year.kind || !p->end.kind) {
		fprintf(stderr, "recheck: no capability %s with a year, or project %s with an end\n",
			argv[2], argv[3]);
		return 2;
	}
	memset(&o, 0, sizeof(o));
	ldr_check(&rm, &o, &f);
	tc = ldr_calloc((size_t)n, sizeof(*tc));
	tp = ldr_calloc((size_t)n, sizeof(*tp));
	tf = ldr_calloc((size_t)n, sizeof(*tf));
	ti = ldr_calloc((size_t)n, sizeof(*ti));
	for (i = 0; i < n; i++) {
		struct ldr_findings full;
		struct ldr_index again;
		tc[i] = moved(&rm, &ix, &f, &ldr_kind_capability, k, &k->year, i);
		tp[i] = moved(&rm, &ix, &f, &ldr_kind_project, p, &p->end, i);
		t0 = now_ms();
		ldr_check(&rm, &o, &full);
		tf[i] = now_ms() - t0;
		ldr_findings_release(&full);
		t0 = now_ms();
		ldr_index_build(&again, &rm);
		ldr_index_add_referrers(&again);
		ti[i] = now_ms() - t0;
		ldr_index_release(&again);
	}
	printf("%.2f %.2f %.2f %.2f\n", median(tc, n), median(tp, n), median(tf, n), median(ti, n));
	free(tc);
	free(tp);
	free(tf);
	free(ti);
	ldr_findings_release(&f);
	ldr_index_release(&ix);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	return 0;
}
