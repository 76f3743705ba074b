/* The tube map's parts, shared by tubemap.c (stations, links, the order
 * of the tracks, geometry, the document), tubelabels.c (where each
 * station's name goes) and tubedraw.c (lines, stations, labels and the key
 * as SVG). Not a public interface: svgcharts.h is. */
#ifndef LDR_TUBE_H
#define LDR_TUBE_H

#include <stddef.h>

#include "../../model/base/hash.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/base/util.h"
#include "chart.h"
#include "../base/export.h"

#define MARGIN 8.0
#define NAME_W 34.0      /* line names at both ends, wrapped */
#define NAME_FONT LDR_TYPE_BODY
#define FONT LDR_TYPE_SMALL /* station names */
#define LEAD 2.9         /* their line spacing: a row of labels */
#define TOP 26.0         /* title, subtitle and the as-at label above the year band */
#define YEAR_BAND 5.0
#define LINE_W 1.3
#define STATION_R 1.5
#define SIDE_SEP 1.7     /* lines running side by side through an interchange */
#define DIAG_MAX 12.0    /* the most x a line's diagonal takes: steeper than 45 degrees beyond */
#define DIAG_MIN 4.0     /* ... and when the map is crowded, as little as this */
#define PITCH_MIN 4.2    /* stations due together, side by side */
#define PITCH_MAX 9.0
#define CLEAR 2.3        /* from a track to the first row of labels */
#define LABEL_GAP 1.2    /* between labels on a row */
#define ROWS_MAX 16       /* rows between a name and its track, at most */
#define ONE_LINE_MAX 48.0 /* a name wider than this is set on two lines */
#define LEGEND_NAME_MAX 90.0

enum { ABOVE, BELOW };

struct stop {
	size_t station;
	double y;
};

struct line {
	size_t group;
	int pos;              /* track, from the top */
	double y;
	struct stop *stops;   /* in x order */
	size_t nstops, cap;
};

struct station {
	const struct ldr_capability *c;
	size_t home;          /* line */
	size_t *lines;        /* member lines, home first, then by first link; by track once placed */
	size_t nlines;
	struct ldr_buf why;   /* why it is an interchange */
	size_t more;          /* links beyond those said in why */
	int due;              /* the month it is due by */
	int done, overdue;    /* delivered as at the as-at date; or overdue then */
	int first, last;      /* the months its place stands for: delivered, or due */
	size_t order;
	double want, lo;      /* where it wants to be on x, and the least it may take */
	double x, y, dy;      /* dy: the largest diagonal a member needs */
	/* Its label (tubelabels.c): where and how. */
	int side, dist, nrows;   /* side of the home track; rows between; 1 or 2 lines */
	size_t split;            /* the second line begins at who + split (2 lines) */
	int id_only;             /* no room for its name: the id alone */
	double lx, ly, lw;       /* the label's left edge, first baseline, width */
	double leader0, leader1; /* a leader from y leader0 to leader1, or none if equal */
};

/* An x range of the space between two tracks taken by a diagonal. */
struct block {
	double x0, x1;
};
struct gap {
	struct block *v;
	size_t n, cap;
	double y0, y1;  /* the space: between its tracks, or outside the outer ones */
	int rows;       /* rows of labels that fit in it */
	double *front;  /* per row: labels may not reach this x (placed right to left) */
	int used[2];    /* rows its names take from the top (BELOW the track above) and bottom */
};

struct tube {
	const struct ldr_roadmap *rm;
	const struct ldr_export_opts *opts;
	struct ldr_page page;
	struct ldr_chart_groups groups;
	struct ldr_hash projects, caps; /* id -> record */
	struct line *lines;
	size_t nlines, lines_cap, *line_of_group; /* group -> line + 1, 0 if none */
	struct station *st;
	size_t nst, undated, unnamed;
	size_t *order;                  /* stations left to right */
	long crossings;
	int fy0, nfy, m0, m1;           /* the horizon: years, months [m0, m1) */
	double pitch, reach, map_x0, map_x1, map_y0, map_y1, width, height, names_w;
	double *track_y;                /* by position, from the top */
	int *rows_want;                 /* rows of names each gap should hold (NULL: share the page) */
	int virtual_rows;               /* a trial: every gap as deep as need be */
	struct gap *gaps;               /* gaps[i]: above track i (gaps[nlines]: below the last) */
	struct ldr_buf *b;
};

/* Where a month begins on the map: x is time. */
static inline double tube_x(const struct tube *t, int month)
{
	return t->map_x0 + (t->map_x1 - t->map_x0) * (double)(month - t->m0) / (double)(t->m1 - t->m0);
}

/* How far either side of an interchange its lines' diagonals reach: as far
 * as they climb (45 degrees), but never more of the time line than the
 * map's reach (DIAG_MAX, less when crowded: steeper); none for a station of
 * one line. */
static inline double tube_reach(const struct tube *t, const struct station *s)
{
	return s->nlines < 2 ? 0 : s->dy < t->reach ? s->dy : t->reach;
}

/* Where line j of a station's lines (in track order) runs through it. */
static inline double tube_member_y(const struct tube *t, const struct station *s, size_t j)
{
	(void)t;
	return s->y + ((double)j - (double)(s->nlines - 1) / 2) * SIDE_SEP;
}

/* The x of the as-at line, or a negative number if it is not on the map. */
double ldr_tube_as_at_x(const struct tube *t);

/* tubeplace.c: the tracks and stations' y; the stations' x (and the map's
 * pitch and reach); each line's stops, left to right; the spaces between
 * tracks, their rows of names and the stretches diagonals take. */
void ldr_tube_place_y(struct tube *t);
void ldr_tube_place_x(struct tube *t);
void ldr_tube_make_stops(struct tube *t);
void ldr_tube_gaps(struct tube *t);

/* tubelabels.c: place every station's label; returns how many have no
 * room for their name (they show the id alone). */
size_t ldr_tube_place_labels(struct tube *t);

/* tubedraw.c */
void ldr_tube_draw_line(struct tube *t, const struct line *l);
void ldr_tube_draw_station(struct tube *t, const struct station *s, struct ldr_buf *tmp);
void ldr_tube_draw_label(struct tube *t, const struct station *s);
void ldr_tube_draw_names(struct tube *t, const struct line *l);
void ldr_tube_draw_grid(struct tube *t);
void ldr_tube_legend(struct tube *t, double y);
double ldr_tube_legend_height(const struct tube *t);

#endif
