/* The Gantt chart's parts, shared by gantt.c (rows, layout, axis, the
 * document) and ganttmarks.c (bars, milestones, arrows, the key). Not a
 * public interface: svgcharts.h is. */
#ifndef LDR_GANTT_H
#define LDR_GANTT_H

#include <stddef.h>
#include <stdint.h>

#include "../model/hash.h"
#include "../model/roadmap.h"
#include "../model/util.h"
#include "chart.h"
#include "export.h"

#define MARGIN 8.0
#define GROUP_W 36.0     /* the group column */
#define LABEL_MIN 30.0   /* the label column, at least and at most */
#define LABEL_MAX 130.0
#define TOP 33.0         /* title, subtitle and the two axis bands above the rows */
#define YEAR_BAND 5.0
#define QUARTER_BAND 4.0
#define ROW_MAX 6.5
#define ROW_MIN 4.0
#define FONT 2.6         /* 7.4 pt */
#define SMALL 2.5        /* 7.1 pt: the smallest text on the page */
#define STUB 1.5         /* arrows leave bars horizontally for this long */
#define BACK 3.0         /* and enter them for this long when they must turn back */

struct row {
	const struct ldr_project *p;    /* one of p, c */
	const struct ldr_capability *c;
	size_t group, order;
	int has_span, first, last;
	double y; /* the centre of the row */
};

struct lane {
	size_t group, first, n; /* rows [first, first + n) */
	double y, h;
	int lines; /* of the group's name */
};

struct gantt {
	const struct ldr_roadmap *rm;
	const struct ldr_export_opts *opts;
	struct ldr_chart_groups groups;
	struct row *rows;
	size_t nrows;
	struct lane *lanes;
	size_t nlanes;
	struct ldr_hash ids;      /* id -> row index + 1 */
	struct ldr_hash baseline; /* id -> baseline record */
	struct ldr_hash projects; /* id -> project, for the capabilities' delivering projects */
	int fy0, nfy, m0, m1;     /* the horizon: financial years, months [m0, m1) */
	double x0, x1, label_x, label_w, rh, bh, font, top, bottom, height;
	size_t violations; /* dependencies and deliveries out of order */
	struct ldr_buf *b;
};

/* The record a row shows: its id, and where a month starts on the page. */
static inline const char *gantt_row_id(const struct row *r)
{
	return r->p ? r->p->id : r->c->id;
}

static inline const struct row *gantt_find_row(const struct gantt *g, const char *id)
{
	void *v = id ? ldr_hash_get(&g->ids, id) : NULL;
	return v ? &g->rows[(uintptr_t)v - 1] : NULL;
}

static inline double gantt_x(const struct gantt *g, int month)
{
	return g->x0 + (g->x1 - g->x0) * (double)(month - g->m0) / (double)(g->m1 - g->m0);
}

/* The row's label text (without the id), in t. */
void ldr_gantt_row_label(const struct row *r, struct ldr_buf *t);
/* The baselined span of a row's record, if the baseline has it. */
int ldr_gantt_baseline_span(const struct gantt *g, const struct row *r, int *first, int *last);

/* ganttmarks.c */
void ldr_gantt_label(struct gantt *g, const struct row *r, struct ldr_buf *t);
void ldr_gantt_bar(struct gantt *g, const struct row *r, struct ldr_buf *t);
void ldr_gantt_arrows(struct gantt *g);
void ldr_gantt_as_at(struct gantt *g);
void ldr_gantt_legend(struct gantt *g, double y);

#endif
