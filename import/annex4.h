/* Annex 4 (not for use outside import/): what annex4.c reads from the sheets
 * of the universal capabilities, and annex4_plan.c makes of it. */
#ifndef LDR_IMPORT_ANNEX4_H
#define LDR_IMPORT_ANNEX4_H

#include "../model/roadmap/national.h"
#include "imp.h"

/* A row of a capability's sheet: its cells in columns A and B. */
struct a4_line {
	unsigned row;
	const struct ldr_cell *a, *b;
};

/* An activity, as a bullet of a quarter's cell. */
struct a4_bullet {
	struct ldr_time quarter;
	char *what;
	int done;
	struct ldr_time delivered;
	char *id;                /* the id its quarter's note gives it, when it can be told */
	struct imp_at at;        /* its quarter's cell */
	long match;              /* the activity it is, in the roadmap; -1: new */
};

/* A line of a quarter's note: "UC01-A3 quarter: the reason". */
struct a4_reason {
	char *id, *field, *reason;
	struct imp_at at;
	int used;
};

/* A row of a grid (the ambition's years, the activities' quarters). */
struct a4_row {
	struct ldr_time t;
	int empty;
};

#define A4_MAX_FIELDS 16

struct a4_uc {
	const struct ldr_uc_def *def;
	const struct ldr_sheet *sheet; /* its own sheet; NULL: the summary's row only */
	struct ldr_uc src;             /* the values read */
	unsigned carried;              /* bit i: the sheet gives field i of the kind */
	const char *reason[A4_MAX_FIELDS];
	struct a4_bullet *bullets;
	size_t nbullets;
	struct a4_reason *reasons;
	size_t nreasons;
	char *other;                   /* what the sheet has that no field takes */
	struct a4_row *years, *quarters;
	size_t nyears, nquarters;
	char grid;                     /* 'B' or 'C' while in a grid */
	int grid_head;                 /* its header row was read */
};

struct a4 {
	struct imp *im;
	struct a4_uc *v;
	size_t n;
};

void a4_init(struct a4 *a, struct imp *im);
void a4_release(struct a4 *a);
/* The capability's entry (made when new); sheet: its own sheet, if this is. */
struct a4_uc *a4_uc(struct a4 *a, const struct ldr_uc_def *d, const struct ldr_sheet *sheet);
/* Whether a label (a cell of column A) is name (a normalised heading). */
int a4_label_is(const char *label, const char *name);

void a4_enabled(struct a4 *a, struct a4_uc *u, const struct imp_at *at);
void a4_text_field(struct a4 *a, struct a4_uc *u, const char *field, const struct imp_at *at);
void a4_projects(struct a4 *a, struct a4_uc *u, const struct imp_at *at);
void a4_solution(struct a4 *a, struct a4_uc *u, const struct imp_at *at);
/* A line no field takes, for the notes. */
void a4_other(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct a4_line *l);
void a4_stray(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct ldr_cell *c);
/* A section begins: grid 'B' (ambition), 'C' (activities) or 0. */
void a4_section(struct a4 *a, struct a4_uc *u, char grid);
/* A section without a grid is there: 'A', 'D' or 'E'. */
void a4_seen(struct a4_uc *u, char section);
/* The text of a section (the baseline, the evidence), read. */
void a4_text_done(struct a4 *a, struct a4_uc *u, const char *field, const struct ldr_buf *text,
		  const char *reason);
void a4_ambition_line(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct a4_line *l);
void a4_activity_line(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct a4_line *l);

/* Bullets of a quarter's cell, and its note's reasons (annex4_cell.c). */
void a4_bullets(struct a4 *a, struct a4_uc *u, const struct imp_at *at, const struct ldr_time *quarter);

/* Merge what was read into the roadmap (annex4_apply.c). */
void a4_apply(struct a4 *a);

#endif
