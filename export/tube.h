/* The tube map's parts, shared by tubemap.c (stations, links, the order
 * of the tracks, geometry, labels, the document) and tubedraw.c (lines,
 * stations, labels and the key as SVG). Not a public interface:
 * svgcharts.h is. */
#ifndef LDR_TUBE_H
#define LDR_TUBE_H

#include <stddef.h>

#include "../model/hash.h"
#include "../model/roadmap.h"
#include "../model/util.h"
#include "chart.h"
#include "export.h"

#define MARGIN 8.0
#define NAME_W 34.0      /* line names at both ends, wrapped */
#define NAME_FONT 2.6
#define FONT 2.5         /* station labels: 7.1 pt */
#define LEAD 2.9         /* their line spacing */
#define TOP 24.0         /* title and subtitle above the year band */
#define YEAR_BAND 5.0
#define LINE_W 1.3
#define STATION_R 1.5
#define SIDE_SEP 1.7     /* lines running side by side through an interchange */
#define PITCH_MIN 10.0
#define PITCH_MAX 60.0
#define LABEL_GAP 1.5
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
	size_t labels[2];     /* the number of labels on each side */
};

struct station {
	const struct ldr_capability *c;
	size_t home;          /* line */
	size_t *lines;        /* member lines, home first, then by first link */
	size_t nlines;
	struct ldr_buf why;   /* why it is an interchange */
	size_t more;          /* links beyond those said in why */
	int fy, due;
	size_t order;
	double x, y, dy;      /* dy: the largest diagonal a member needs */
	int label_line, side; /* which line labels it, and where */
	double label_w;
};

/* An x range of the space between two tracks taken by a diagonal. */
struct block {
	double x0, x1;
};
struct gap {
	struct block *v;
	double *reach; /* reach[i]: the furthest x1 of v[0..i] */
	size_t n, cap;
};

struct tube {
	const struct ldr_roadmap *rm;
	const struct ldr_export_opts *opts;
	struct ldr_chart_groups groups;
	struct ldr_hash projects, caps; /* id -> record */
	struct line *lines;
	size_t nlines, lines_cap, *line_of_group; /* group -> line + 1, 0 if none */
	struct station *st;
	size_t nst, undated;
	size_t *order;                  /* stations in time order */
	long crossings;
	int fy0, nfy;
	double *col;                    /* left edges of the year columns, nfy + 1 */
	double pitch, spacing, map_x0, map_x1, map_y0, map_y1, width, height, names_w;
	int label_lines;
	struct gap *gaps;               /* gaps[i]: between tracks i - 1 and i */
	struct ldr_buf *b;
};

/* Where line j of a station's lines (in track order) runs through it. */
static inline double tube_member_y(const struct tube *t, const struct station *s, size_t j)
{
	(void)t;
	return s->y + ((double)j - (double)(s->nlines - 1) / 2) * SIDE_SEP;
}

/* tubedraw.c */
void ldr_tube_draw_line(struct tube *t, const struct line *l);
void ldr_tube_draw_station(struct tube *t, const struct station *s, struct ldr_buf *tmp);
void ldr_tube_draw_label(struct tube *t, const struct station *s);
void ldr_tube_draw_names(struct tube *t, const struct line *l);
void ldr_tube_legend(struct tube *t, double y);
double ldr_tube_legend_height(const struct tube *t);

#endif
