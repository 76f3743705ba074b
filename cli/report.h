/* ldr report, and the report 'ldr export all' writes: the review against a
 * baseline and the checks, worked out here and handed to the report writer
 * (export/report.h). */
#ifndef LDR_CLI_REPORT_H
#define LDR_CLI_REPORT_H

#include "../export/base/export.h"
#include "../model/roadmap/roadmap.h"

/* Write the board report of rm (read from the file path, NULL for standard
 * input; named roadmap_arg on the command line) to out. opts gives the
 * review date and the commit rm is; baseline is a revision of rm's
 * repository, or NULL for the newest baseline tag; period the year or
 * quarter reviewed (unset: the financial year of the review date). Prints
 * what goes wrong as "ldr CMD: ..."; returns an exit status. */
int cli_report_write(const char *cmd, const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
		     const char *path, const char *roadmap_arg, const char *baseline, struct ldr_time period,
		     const char *out);

#endif
