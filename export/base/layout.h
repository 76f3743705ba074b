/* Layout algorithms the charts share, kept apart from drawing so that they
 * can be tested alone: a stable sort, the order of a tube map's tracks
 * (crossing minimisation), the choice of sides for labels along a line and
 * marks moved apart where they would cover each other.
 * Each is bounded so that a roadmap of 50,000 records lays out in well
 * under a second. */
#ifndef LDR_LAYOUT_H
#define LDR_LAYOUT_H

#include <stddef.h>

/* A stable merge sort with a context for the comparison. */
void ldr_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
	      void *ctx);

/* Two tracks linked w times (by interchanges between them). */
struct ldr_link {
	size_t a, b;
	unsigned w;
};

/* Order n tracks so that links cross few others: on entry pos[i] is track
 * i's usual position (a permutation of 0..n-1), on return its chosen one.
 * A link between tracks p and q crosses the |p - q| - 1 tracks between them
 * twice (in and out); a small cost for leaving the usual position keeps the
 * order stable when the links allow several. Barycentre passes, then hill
 * climbing over swaps and moves, then every order of small windows; every
 * pass is bounded. Returns the crossings of the chosen order. */
long ldr_order_tracks(size_t n, const struct ldr_link *links, size_t nlinks, int *pos);

/* Labels along a line, left to right, each above (0) or below (1) it. */
struct ldr_label {
	double x;       /* where it starts */
	int forced;     /* -1: either side; else the side it must take */
	double room[2]; /* the room on each side before an obstacle */
	int side;       /* out */
	double width;   /* out: to the next label on its side, or its room */
};

/* Choose the sides that leave the labels the most room in all (no label
 * needs more than enough); labels on one side are at least gap apart. A
 * dynamic programme remembering the last few labels on the other side:
 * linear in n. */
void ldr_label_sides(struct ldr_label *v, size_t n, double enough, double gap);

/* Marks along a line (a Gantt chart's row), in the order they are to be
 * seen left to right: each wants its centre at want and is half wide. */
struct ldr_mark {
	double want, half;
	double x; /* out: where its centre goes */
};

/* Move marks that would cover each other apart, side by side, as little as
 * possible: each run of marks that touch is centred where its marks want to
 * be (least squares), within [lo, hi] if it fits there. The order is kept; a
 * mark that covers no other stays exactly where it wants to be. Linear in n. */
void ldr_spread_marks(struct ldr_mark *v, size_t n, double lo, double hi);

#endif
