/* The national view: many footprints' roadmaps summed into the tables of
 * NHS England's "aggregate-level analysis of the roadmaps" (guidance 9.3):
 * capabilities by group and financial year, which footprints plan each
 * universal capability and by when, where each stands against the national
 * numeric targets, and every footprint's check summary.
 *
 * Roadmaps are added one at a time and not kept: memory is bounded by the
 * largest roadmap, not by their sum. Nothing here reads a file; a file that
 * could not be loaded is added as skipped, with the reason. */
#ifndef LDR_AGGREGATE_H
#define LDR_AGGREGATE_H

#include <stddef.h>

#include "../rules/check.h"
#include "../roadmap/national.h"
#include "../roadmap/roadmap.h"

/* Rows of the capabilities table: the seven national groups (0-6) in their
 * order, then every footprint's own groups together, then capabilities
 * whose group is unset or names no group. */
enum {
	LDR_AGG_LOCAL = LDR_NATIONAL_GROUPS,
	LDR_AGG_NO_GROUP,
	LDR_AGG_GROUPS
};

/* The financial year a capability is due in, when it has none. */
#define LDR_AGG_UNSCHEDULED (-1)

/* Where a footprint stands against a universal capability's numeric target. */
enum ldr_agg_position {
	LDR_AGG_NO_PLAN,   /* no plan for the universal capability */
	LDR_AGG_NO_FIGURE, /* a plan, but no ambition up to the target's year gives a figure */
	LDR_AGG_BELOW,     /* the figure is below the national target */
	LDR_AGG_MEETS,     /* the figure is the national target or more */
};

/* A figure stated in text: tenths of a percent ("80%" is 800), -1 none. */
typedef int ldr_permille;

/* One footprint's plan for one universal capability. */
struct ldr_agg_uc {
	int planned;                    /* it has a plan */
	int enabled;                    /* enum ldr_uc_enabled, 0 unset */
	struct ldr_time first, last;    /* the years of its first and last ambition */
	struct ldr_time last_activity;  /* the quarter of its last activity */
	size_t activities, done;
	/* Against the national numeric target (for the capabilities that have one): */
	int position;                   /* enum ldr_agg_position */
	ldr_permille stated;            /* the figure of the latest ambition up to the target's year */
	struct ldr_time stated_year;    /* that ambition's year */
	ldr_permille baseline;          /* the first figure in its baseline */
};

/* Capabilities of one footprint in one group row and financial year. */
struct ldr_agg_count {
	int group; /* a row: 0 to LDR_AGG_GROUPS - 1 */
	int fy;    /* the financial year (its first calendar year), or LDR_AGG_UNSCHEDULED */
	size_t n;
};

struct ldr_agg_footprint {
	char *file;     /* as given */
	char *name;     /* the footprint's name (NULL when skipped or unnamed) */
	char *skipped;  /* why it was not loaded (its first error), or NULL */
	size_t load_errors;
	struct ldr_time as_of; /* the review date of its checks */
	size_t errors, warnings;
	size_t per_rule[64];   /* findings by rule, by index in ldr_rules */
	size_t capabilities;   /* not dropped */
	size_t dropped;
	size_t projects, dependencies;
	size_t ucs_planned;
	struct ldr_agg_uc ucs[LDR_NATIONAL_UCS];
	struct ldr_agg_count *counts; /* by group row, then year */
	size_t ncounts;
};

struct ldr_aggregate {
	struct ldr_agg_footprint *v; /* in the order added */
	size_t n, cap;
	size_t checked, skipped;
};

void ldr_aggregate_init(struct ldr_aggregate *a);
void ldr_aggregate_release(struct ldr_aggregate *a);

/* Add a footprint: count its capabilities, read its universal capability
 * plans and run the checks on it, as of opts->as_of or, when that is unset,
 * its footprint's as_at (opts may be NULL). rm is not kept. Returns 0. */
int ldr_aggregate_add(struct ldr_aggregate *a, const char *file, const struct ldr_roadmap *rm,
		      const struct ldr_check_opts *opts);

/* Add a file that could not be loaded: why (one line), and how many errors
 * it had. Returns 0. */
int ldr_aggregate_skip(struct ldr_aggregate *a, const char *file, const char *why, size_t errors);

/* ---- the national tables, summed over the footprints ---------------------- */

/* The name of a row of the capabilities table. */
const char *ldr_agg_group_name(int group);
/* Its id: a national group's, or "local", or "none". */
const char *ldr_agg_group_id(int group);
/* A financial year as written ("2025/26"), into buf (LDR_TIME_STR_MAX bytes);
 * "none" for LDR_AGG_UNSCHEDULED. Returns the text. */
const char *ldr_agg_year_text(int fy, char *buf);

/* The financial years the capabilities are due in, in order, unscheduled
 * (LDR_AGG_UNSCHEDULED) last if any is; *n receives the count. Free it. */
int *ldr_aggregate_years(const struct ldr_aggregate *a, size_t *n);

/* Capabilities in a group row and year (LDR_AGG_UNSCHEDULED, or any other
 * value below it for every year), and in how many footprints. */
struct ldr_agg_cell {
	size_t capabilities, footprints;
};
struct ldr_agg_cell ldr_aggregate_cell(const struct ldr_aggregate *a, int group, int fy);
#define LDR_AGG_ALL_YEARS (-2)

/* A universal capability across the footprints. */
struct ldr_agg_uc_summary {
	size_t planned;
	size_t enabled[5];  /* by enum ldr_uc_enabled; [0]: not said */
	size_t positions[4]; /* by enum ldr_agg_position (the ten with a target) */
	ldr_permille lowest, highest; /* of the figures stated against the target, -1 none */
};
void ldr_aggregate_uc_summary(const struct ldr_aggregate *a, size_t uc,
			      struct ldr_agg_uc_summary *out);

/* The years of the footprints' last ambitions for any universal capability,
 * in order: the columns of "ambition by". *n receives the count. Free it. */
int *ldr_aggregate_ambition_years(const struct ldr_aggregate *a, size_t *n);
/* How many footprints' last ambition for a universal capability is in fy. */
size_t ldr_aggregate_ambition_by(const struct ldr_aggregate *a, size_t uc, int fy);

/* A rule across the footprints: how many have findings, and how many. */
void ldr_aggregate_rule(const struct ldr_aggregate *a, size_t rule, size_t *footprints,
			size_t *findings);

/* ---- helpers for the writers ---------------------------------------------- */

/* The first figure in text ("80% by March 2017" -> 800), or -1. */
ldr_permille ldr_permille_parse(const char *text);
/* A figure as people write it: "80", "99.5"; "" for -1. buf: 16 bytes. */
const char *ldr_permille_format(ldr_permille v, char *buf);
/* The format's name of an 'enabled' value ("in-progress"), or NULL when
 * unset. */
const char *ldr_agg_enabled_name(int enabled);
/* "at-or-above", "below", "no-figure", "no-plan". */
const char *ldr_agg_position_name(int position);

#endif
