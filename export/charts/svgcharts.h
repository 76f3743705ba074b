/* The SVG charts: the Gantt chart, the tube map and the trajectory. Each
 * builds the whole document in memory (so that tests and benchmarks can
 * look at it); the registry (export/registry.c) writes it atomically. */
#ifndef LDR_SVGCHARTS_H
#define LDR_SVGCHARTS_H

#include "../../model/roadmap/roadmap.h"
#include "../../model/base/util.h"
#include "../base/export.h"

int ldr_gantt_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *out);
int ldr_tubemap_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *out);
int ldr_trajectory_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *out);

#endif
