/* The SVG charts: the Gantt chart, the tube map and the trajectory. Each
 * builds the whole document in memory (so that tests and benchmarks can
 * look at it) and the export writes it atomically. */
#ifndef LDR_SVGCHARTS_H
#define LDR_SVGCHARTS_H

#include "../../model/roadmap/roadmap.h"
#include "../../model/base/util.h"
#include "../base/export.h"

int ldr_gantt_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *out);
int ldr_tubemap_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *out);
int ldr_trajectory_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *out);

/* The writers of the registry (ldr_export_fn). */
int ldr_export_gantt_svg(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			 const char *path, struct ldr_buf *err);
int ldr_export_tubemap_svg(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err);
int ldr_export_trajectory_svg(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			      const char *path, struct ldr_buf *err);

#endif
