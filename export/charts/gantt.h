/* The Gantt chart's parts, shared by gantt.c (rows, layout, axis, the
 * document), ganttmarks.c (labels, bars, what moved and what is late),
 * ganttmiles.c (milestones), ganttdeps.c (dependency arrows) and ganttkey.c
 * (the key). Not a public interface: svgcharts.h is. */
#ifndef LDR_GANTT_H
#define LDR_GANTT_H

#include <stddef.h>
#include <stdint.h>

#include "../../model/base/hash.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/base/util.h"
#include "chart.h"
#include "../base/export.h"

#define MARGIN 8.0
#define GROUP_W 36.0     /* the group column */
#define LABEL_MIN 30.0   /* the label column, at least */
#define LABEL_SHARE 0.31 /* and at most this share of the page's width */
#define TOP 33.0         /* title, subtitle and the two axis bands above the rows */
#define YEAR_BAND 5.0
#define QUARTER_BAND 4.0
#define ROW_MAX 6.5
#define ROW_MIN 4.0
#define FONT LDR_TYPE_BODY
#define SMALL LDR_TYPE_SMALL
#define MS_LINE 3.1      /* a line of milestone labels under a bar */
#define MS_LINES 4       /* at most (coincident ones beyond share the last) */
#define STUB 1.2         /* arrows leave bars horizontally for this long */
#define LABEL_LEAD 3.0   /* a label's second line */

/* A row: a record now, or (removed) one the baseline has and the roadmap
 * no longer does. */
struct row {
	const struct ldr_project *p;    /* one of p, c */
	const struct ldr_capability *c;
	size_t group, order;
	int has_span, first, last;      /* the plan now (removed: the baseline's, for order) */
	int removed;                    /* p or c is the baseline's record */
	int overdue;                    /* as at the as-at date */
	int ms_lines;                   /* lines of milestone labels under the bar */
	int label_lines;                /* of its label: 2 when it does not fit on one */
	size_t ms_first, ms_n;          /* its milestones in g->ms */
	double top, h;                  /* its band on the page */
	double y;                       /* the centre of its bar */
};

struct lane {
	size_t group, first, n; /* rows [first, first + n) */
	double y, h;
	int lines; /* of the group's name */
};

/* A milestone placed: on line `line` under its row's bar, its diamond at x
 * and its label from tx, right of it (or, with left, ending left of it). */
struct ms {
	const struct ldr_milestone *m;
	const struct ldr_checkpoint *cp; /* a checkpoint of m (a tick), or NULL */
	char *name;  /* what the label begins with: m's id, or the checkpoint's what (owned) */
	char *what;  /* the milestone's commitment on one line (owned), or NULL */
	const struct ldr_time *due, *delivered;
	int status;
	double x, half, tx, w, room; /* w: the label at its least (name); room: its slot */
	int line, left, overdue;
	char late[16]; /* when overdue, by how much: "2Q", "5 mo" */
};

/* What the chart drew, for a key that shows that and nothing else. */
struct drawn {
	unsigned status;   /* bit per status value (0: no status) */
	unsigned ms_status;
	int checkpoints;
	int overdue, ms_overdue, ghost, moved, added, dropped, removed, derived, delivered;
	int arrows, bad_arrows, ticks, bad_ticks, as_at;
};

struct gantt {
	const struct ldr_roadmap *rm;
	const struct ldr_export_opts *opts;
	struct ldr_page page;
	struct ldr_chart_groups groups;
	struct row *rows;
	size_t nrows;
	struct lane *lanes;
	size_t nlanes;
	struct ms *ms;
	size_t nms;
	struct ldr_hash ids;      /* id -> row index + 1 (rows of the roadmap now) */
	struct ldr_hash baseline; /* id -> baseline record */
	struct ldr_hash projects; /* id -> project, for the capabilities' delivering projects */
	int fy0, nfy, m0, m1;     /* the horizon: financial years, months [m0, m1) */
	double x0, x1, label_x, label_w, rh, bh, top, bottom, height;
	size_t violations;        /* dependencies and deliveries out of order */
	size_t hidden;            /* dependency arrows not drawn (--deps) */
	struct ldr_buf bad;       /* the violations, listed for the key */
	struct drawn d;
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

/* The x of the as-at line (the end of the as-at period), or a negative
 * number when it is not on the chart. */
double ldr_gantt_as_at_x(const struct gantt *g);

/* The row's label text (without the id), in t. */
void ldr_gantt_row_label(const struct row *r, struct ldr_buf *t);
/* Its id as labelled: with '*' when its dates are derived. */
void ldr_gantt_row_id(const struct row *r, struct ldr_buf *t);
/* The height of a row's band for a given height of its bar's part. */
double ldr_gantt_row_height(const struct row *r, double rh);
/* Whether a row's dates are derived (its label carries a '*'). */
int ldr_gantt_derived(const struct row *r);
/* The baselined span of a row's record, if the baseline has it. */
int ldr_gantt_baseline_span(const struct gantt *g, const struct row *r, int *first, int *last);
/* The baseline's record of a row, or NULL. */
const void *ldr_gantt_baseline_rec(const struct gantt *g, const struct row *r);
/* The time a row is due by now and at the baseline (NULL: none). */
const struct ldr_time *ldr_gantt_due(const struct row *r);
const struct ldr_time *ldr_gantt_baseline_due(const struct gantt *g, const struct row *r);
/* Whether the row's record is delivered (as its status or time says), or dropped. */
int ldr_gantt_delivered(const struct row *r);
int ldr_gantt_dropped(const struct row *r);

/* ganttmarks.c */
void ldr_gantt_survey(struct gantt *g);
void ldr_gantt_label(struct gantt *g, const struct row *r, struct ldr_buf *t);
void ldr_gantt_bar(struct gantt *g, const struct row *r, struct ldr_buf *t);
void ldr_gantt_as_at(struct gantt *g);
const char *ldr_gantt_status_name(const struct gantt *g, int status);
void ldr_gantt_status_style(const struct gantt *g, int status, const char **fill, const char **stroke);

/* ganttmiles.c */
void ldr_gantt_place_milestones(struct gantt *g);
void ldr_gantt_free_milestones(struct gantt *g);
void ldr_gantt_tick(struct ldr_buf *b, double x, double y, double d, int status, int overdue);
void ldr_gantt_milestones(struct gantt *g, const struct row *r, struct ldr_buf *t);
void ldr_gantt_diamond(struct ldr_buf *b, double x, double y, double d, int status, int overdue);
const char *ldr_gantt_milestone_name(int status);

/* ganttdeps.c */
void ldr_gantt_count_violations(struct gantt *g);
void ldr_gantt_arrows(struct gantt *g);
void ldr_gantt_arrowhead(struct ldr_buf *b, double x, double y, int down, const char *colour);

/* ganttkey.c: the key at y (with draw 0, nothing is drawn); returns its height. */
double ldr_gantt_legend(struct gantt *g, double y, int draw);

#endif
