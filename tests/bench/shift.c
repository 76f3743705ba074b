/* The model's work when the interface shifts a record with its knock-on
 * ('>' and its confirmation): the knock-on worked out in the roadmap
 * (ldr_impact_run_touching), each record it changes copied before and
 * after for undo (tui/views/deps.c, tui_edit_commit_many). Beside it, the
 * baseline: a copy of the whole roadmap, what a change kept for undo as
 * the whole roadmap (tui_edit_whole_begin) would cost before any work.
 *
 *   shift ROADMAP ID RUNS
 *
 * prints "SHIFT_MS COPY_MS MOVES": the median CPU time of RUNS of each, in
 * milliseconds, and how many moves the shift makes. Drawing the screen and
 * running the checks again follow any change, and are measured apart
 * (make bench: "tui: a keypress and its redraw"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cpums.h"
#include "../../model/base/diag.h"
#include "../../model/base/hash.h"
#include "../../model/roadmap/file.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/roadmap/schema.h"
#include "../../model/rules/impact.h"
#include "../../model/base/util.h"

/* The records a shift changes, each copied before its first change (as
 * tui/views/deps.c keeps them for undo). */
struct kept {
	const struct ldr_kind **kind;
	void **rec, **before;
	size_t n, cap;
	struct ldr_hash seen;
};

static void touch(void *ctx, const struct ldr_kind *k, void *top)
{
	struct kept *t = ctx;
	const char *id = ldr_rec_id(k, top);

	if (!id || ldr_hash_get(&t->seen, id))
		return;
	ldr_hash_put(&t->seen, id, (void *)1);
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->kind = ldr_realloc(t->kind, t->cap * sizeof(*t->kind));
		t->rec = ldr_realloc(t->rec, t->cap * sizeof(*t->rec));
		t->before = ldr_realloc(t->before, t->cap * sizeof(*t->before));
	}
	t->kind[t->n] = k;
	t->rec[t->n] = top;
	t->before[t->n] = ldr_malloc(k->size);
	ldr_rec_copy(k, t->before[t->n++], top);
}

/* One shift, as the interface makes it (the knock-on in place, a copy of
 * each record before and after, for undo); its time, and its moves. The
 * records are put back afterwards, untimed, for the next run. */
static double shift(struct ldr_roadmap *rm, const struct ldr_impact_change *c, size_t *moves)
{
	struct ldr_impact im;
	struct ldr_buf err = LDR_BUF_INIT;
	struct kept t;
	double t0 = now_ms(), took;
	size_t i;
	void **after;

	memset(&t, 0, sizeof(t));
	if (ldr_impact_run_touching(&im, rm, c, 1, touch, &t, &err) < 0) {
		fprintf(stderr, "shift: %s\n", err.s);
		exit(1);
	}
	after = ldr_calloc(t.n + 1, sizeof(*after));
	for (i = 0; i < t.n; i++) {
		after[i] = ldr_malloc(t.kind[i]->size);
		if (!ldr_rec_equal(t.kind[i], t.before[i], t.rec[i]))
			ldr_rec_copy(t.kind[i], after[i], t.rec[i]);
		else
			ldr_rec_copy(t.kind[i], after[i], t.before[i]);
	}
	took = now_ms() - t0;
	*moves = im.nmoves;
	for (i = 0; i < t.n; i++) {
		ldr_rec_release(t.kind[i], t.rec[i]);
		ldr_rec_copy(t.kind[i], t.rec[i], t.before[i]);
		ldr_rec_release(t.kind[i], t.before[i]);
		ldr_rec_release(t.kind[i], after[i]);
		free(t.before[i]);
		free(after[i]);
	}
	free(after);
	free(t.kind);
	free(t.rec);
	free(t.before);
	ldr_hash_clear(&t.seen);
	ldr_impact_release(&im);
	ldr_buf_release(&err);
	return took;
}

int main(int argc, char **argv)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_impact_change c = { NULL, "start", { 0, 0 }, 3 };
	struct ldr_roadmap rm, copy;
	struct ldr_diag d;
	double *ts, *tc, t0;
	size_t moves = 0;
	int i, n;

	if (argc != 4 || (n = atoi(argv[3])) < 1) {
		fprintf(stderr, "usage: shift ROADMAP ID RUNS\n");
		return 64;
	}
	c.id = argv[2];
	ldr_diag_init(&d, argv[1]);
	if (ldr_file_read(argv[1], &text, &err) < 0 || ldr_roadmap_read(&rm, text.s, text.len, &d) < 0) {
		fprintf(stderr, "shift: cannot read %s\n", argv[1]);
		return 2;
	}
	ts = ldr_calloc((size_t)n, sizeof(*ts));
	tc = ldr_calloc((size_t)n, sizeof(*tc));
	for (i = 0; i < n; i++) {
		ts[i] = shift(&rm, &c, &moves);
		t0 = now_ms();
		ldr_rec_copy(&ldr_kind_roadmap, &copy, &rm);
		ldr_roadmap_release(&copy);
		tc[i] = now_ms() - t0;
	}
	printf("%.2f %.2f %zu\n", median(ts, n), median(tc, n), moves);
	free(ts);
	free(tc);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	return 0;
}
