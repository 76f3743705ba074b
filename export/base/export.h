/* Exports: writers that take a model and write one file. Each is listed
 * once in the registry (registry.c) by kind and file extension; 'ldr export'
 * finds them there. A writer never reads the roadmap's file or repository:
 * everything it needs is in the model and the options. */
#ifndef LDR_EXPORT_H
#define LDR_EXPORT_H

#include "../../model/roadmap/roadmap.h"
#include "../../model/base/util.h"

struct ldr_export_opts {
	/* The "as at" date: the now-line of charts, the review date. */
	struct ldr_time as_of;
	/* gantt: draw capabilities instead of projects. */
	int capabilities;
	/* gantt: the baselined plan, drawn under the current one; or NULL. */
	const struct ldr_roadmap *baseline;
	const char *baseline_name;
	/* Charts: the page (enum ldr_page_size; 0 is A3 landscape), and which
	 * dependency arrows a Gantt chart draws (enum ldr_deps; 0 is only those
	 * out of order). */
	int page;
	int deps;
	/* Where the roadmap came from, for footers: the commit id (or NULL when
	 * the file is not in a repository) and its time (seconds since the
	 * epoch), which spreadsheets use as their creation time so that the
	 * same input always gives the same bytes. */
	const char *commit;
	long long time;
	/* The file has changed since commit (which is then HEAD): not the
	 * commit's roadmap, and time is 0. */
	int uncommitted;
	/* CSV: leave out the UTF-8 byte-order mark (for scripts). */
	int no_bom;
	/* annex2: leave out the locally defined Id and Status columns. */
	int no_id, no_status;
	/* Where a writer reports what it had to change to write the file (text
	 * cut to a spreadsheet cell's limit, say): one message a call, without
	 * a newline. NULL: printed on stderr. */
	void (*warn)(void *payload, const char *msg);
	void *warn_payload;
};

enum ldr_page_size { LDR_PAGE_A3 = 0, LDR_PAGE_A4 };
enum ldr_deps { LDR_DEPS_VIOLATIONS = 0, LDR_DEPS_NONE, LDR_DEPS_ALL };

/* Write rm to path. Returns 0, or an LDR_E_* code (model/base/write.h) with a
 * one-line message in err. Writers write through model/base/write.h's outputs:
 * to a temporary file beside path, renamed into place, so that a failed
 * export never leaves half a file; never through a link, over a file read
 * or into a git directory. */
typedef int (*ldr_export_fn)(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			     const char *path, struct ldr_buf *err);

/* A chart: the whole document built into out; 0, or an LDR_E_* code. */
typedef int (*ldr_build_fn)(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			    struct ldr_buf *out);

struct ldr_exporter {
	const char *kind;    /* "annex2" */
	const char *ext;     /* "xlsx", without the dot */
	ldr_export_fn write; /* a spreadsheet, written as it goes; NULL for a chart */
	const char *summary; /* one line for 'ldr help export' */
	ldr_build_fn build;  /* a chart, built whole, then written atomically */
};

extern const struct ldr_exporter ldr_exporters[];
extern const size_t ldr_nexporters;

/* Why an export is not offered for this roadmap, or NULL: a programme
 * plan without capabilities has no tube map and no Annex 2, without
 * universal capabilities no Annex 4, without a trajectory none (each would
 * be an empty page). */
const char *ldr_export_not_offered(const struct ldr_exporter *e, const struct ldr_roadmap *rm);

/* Write rm to path as exporter x does (its writer, or its chart built and
 * saved): what ldr_export_fn returns. */
int ldr_export_run(const struct ldr_exporter *x, const struct ldr_roadmap *rm,
		   const struct ldr_export_opts *opts, const char *path, struct ldr_buf *err);

/* The exporter for kind and the extension of path, or NULL. */
const struct ldr_exporter *ldr_exporter_find(const char *kind, const char *path);

#endif
