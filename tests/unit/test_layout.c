/* The layout algorithms of the charts: a stable sort, the order of a tube
 * map's tracks, the sides of labels and marks moved apart. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <time.h>

#include "../../export/base/layout.h"
#include "helpers.h"

struct kv {
	int key, seq;
};

static int kv_cmp(const void *a, const void *b, void *ctx)
{
	const struct kv *x = a, *y = b;
	(void)ctx;
	return (x->key > y->key) - (x->key < y->key);
}

static void test_sort_is_stable(void **state)
{
	struct kv v[1000];
	int i;
	(void)state;
	for (i = 0; i < 1000; i++) {
		v[i].key = (i * 7919) % 13;
		v[i].seq = i;
	}
	ldr_sort(v, 1000, sizeof(v[0]), kv_cmp, NULL);
	for (i = 1; i < 1000; i++) {
		assert_true(v[i - 1].key <= v[i].key);
		if (v[i - 1].key == v[i].key)
			assert_true(v[i - 1].seq < v[i].seq);
	}
}

static void assert_permutation(const int *pos, size_t n)
{
	char *seen = calloc(n, 1);
	size_t i;
	for (i = 0; i < n; i++) {
		assert_true(pos[i] >= 0 && (size_t)pos[i] < n);
		assert_false(seen[pos[i]]);
		seen[pos[i]] = 1;
	}
	free(seen);
}

static int gap_between(const int *pos, size_t a, size_t b)
{
	int d = pos[a] - pos[b];
	return d < 0 ? -d : d;
}

static void test_track_order(void **state)
{
	/* Derbyshire's links: decisions-transfers, collaboration-assets,
	 * assets-records, among ten groups in their usual order. */
	const struct ldr_link links[] = { { 1, 4, 1 }, { 6, 8, 1 }, { 0, 6, 1 } };
	int pos[10], i;
	(void)state;

	for (i = 0; i < 10; i++)
		pos[i] = i;
	assert_int_equal(ldr_order_tracks(10, links, 3, pos), 0);
	assert_permutation(pos, 10);
	assert_int_equal(gap_between(pos, 1, 4), 1);
	assert_int_equal(gap_between(pos, 6, 8), 1);
	assert_int_equal(gap_between(pos, 0, 6), 1);

	/* No links: the usual order stays. */
	for (i = 0; i < 10; i++)
		pos[i] = 9 - i;
	assert_int_equal(ldr_order_tracks(10, NULL, 0, pos), 0);
	for (i = 0; i < 10; i++)
		assert_int_equal(pos[i], 9 - i);

	/* A triangle cannot be drawn without a crossing, but one is enough. */
	{
		const struct ldr_link tri[] = { { 0, 5, 1 }, { 5, 9, 1 }, { 0, 9, 1 } };
		for (i = 0; i < 10; i++)
			pos[i] = i;
		assert_int_equal(ldr_order_tracks(10, tri, 3, pos), 2);
	}
}

static void test_track_order_is_bounded(void **state)
{
	/* 20,000 tracks and 100,000 links (a roadmap of as many groups): the
	 * passes are bounded and cost what the links cost, so this is quick
	 * whatever the result. */
	enum { N = 20000, L = 100000 };
	static struct ldr_link links[L];
	static int pos[N];
	unsigned seed = 12345;
	clock_t t0 = clock();
	int i;
	(void)state;

	for (i = 0; i < L; i++) {
		seed = seed * 1103515245u + 12345u;
		links[i].a = (seed >> 8) % N;
		seed = seed * 1103515245u + 12345u;
		links[i].b = (seed >> 8) % N;
		if (links[i].a == links[i].b)
			links[i].b = (links[i].b + 1) % N;
		links[i].w = 1;
	}
	for (i = 0; i < N; i++)
		pos[i] = i;
	ldr_order_tracks(N, links, L, pos);
	assert_permutation(pos, N);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0);
}

static void test_label_sides(void **state)
{
	struct ldr_label v[8];
	int i;
	(void)state;

	/* Dense and free: they take turns, each reaching its next on that side. */
	for (i = 0; i < 8; i++) {
		v[i].x = 10.0 * i;
		v[i].forced = -1;
		v[i].room[0] = v[i].room[1] = 1000;
	}
	ldr_label_sides(v, 8, 40, 1.5);
	for (i = 1; i < 8; i++)
		assert_int_not_equal(v[i].side, v[i - 1].side);
	for (i = 0; i < 6; i++)
		assert_true(v[i].width > 18 && v[i].width <= 18.5 + 1e-9);

	/* A forced label keeps its side; nobody reaches past the next label
	 * on their side, nor past their room. */
	v[3].forced = 0;
	v[4].forced = 0;
	v[5].room[1] = 3;
	ldr_label_sides(v, 8, 40, 1.5);
	assert_int_equal(v[3].side, 0);
	assert_int_equal(v[4].side, 0);
	for (i = 0; i < 8; i++) {
		int j;
		assert_true(v[i].width <= v[i].room[v[i].side]);
		for (j = i + 1; j < 8 && v[j].side != v[i].side; j++)
			;
		if (j < 8)
			assert_true(v[i].x + v[i].width <= v[j].x - 1.5 + 1e-9);
	}
	ldr_label_sides(v, 0, 40, 1.5);
}

static void set_marks(struct ldr_mark *v, const double *want, double half, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		v[i].want = want[i];
		v[i].half = half;
		v[i].x = -1;
	}
}

static void test_spread_marks(void **state)
{
	static const double apart[] = { 10, 14, 20.5, 90 }, same[] = { 50, 50, 50 },
			    chain[] = { 50, 50, 53 }, edge[] = { 100, 100 };
	struct ldr_mark v[4];
	size_t i;
	(void)state;

	/* Touching or apart: exactly where they want to be. */
	set_marks(v, apart, 2, 4);
	ldr_spread_marks(v, 4, 0, 100);
	for (i = 0; i < 4; i++)
		assert_true(v[i].x == apart[i]);
	/* At one place: side by side, a mark's width apart, centred on it. */
	set_marks(v, same, 2, 3);
	ldr_spread_marks(v, 3, 0, 100);
	assert_float_equal(v[0].x, 46, 1e-9);
	assert_float_equal(v[1].x, 50, 1e-9);
	assert_float_equal(v[2].x, 54, 1e-9);
	/* Moved apart, two then cover a third: all three move, as little as
	 * they can (least squares). */
	set_marks(v, chain, 2, 3);
	ldr_spread_marks(v, 3, 0, 100);
	assert_float_equal(v[0].x, 47, 1e-9);
	assert_float_equal(v[1].x, 51, 1e-9);
	assert_float_equal(v[2].x, 55, 1e-9);
	/* Marks of different widths; at the edge they stay within it. */
	set_marks(v, edge, 2, 2);
	v[1].half = 1;
	ldr_spread_marks(v, 2, 0, 100);
	assert_float_equal(v[0].x, 97, 1e-9);
	assert_float_equal(v[1].x, 100, 1e-9);
	ldr_spread_marks(v, 0, 0, 100);
}

static void test_spread_marks_is_bounded(void **state)
{
	enum { N = 200000 };
	struct ldr_mark *v = malloc(N * sizeof(*v));
	clock_t t0 = clock();
	size_t i;
	(void)state;

	/* Clumps everywhere, one of them huge: in order, none covering another. */
	for (i = 0; i < N; i++) {
		v[i].want = i < N / 2 ? 500.0 : 500.0 + (double)(i / 7);
		v[i].half = i % 3 ? 1.0 : 1.5;
	}
	ldr_spread_marks(v, N, 0, 1000);
	for (i = 1; i < N; i++)
		assert_true(v[i].x - v[i - 1].x >= v[i].half + v[i - 1].half - 1e-6);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_is_stable),
		cmocka_unit_test(test_track_order),
		cmocka_unit_test(test_track_order_is_bounded),
		cmocka_unit_test(test_label_sides),
		cmocka_unit_test(test_spread_marks),
		cmocka_unit_test(test_spread_marks_is_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
