/* ldr export: write the Annex 2 and Annex 4 spreadsheets, the dossier, the
 * trajectory and the charts. The writers live in export/ and are found by
 * kind and by the extension of the output file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../export/base/export.h"
#include "../../model/rules/check.h"
#include "../../model/roadmap/date.h"
#include "../../model/base/diag.h"
#include "../../model/roadmap/file.h"
#include "../cli.h"
#include "../history.h"
#include "../report.h"

struct export_args {
	const char *cmd; /* "export", or "report" (the report's kind given) */
	const char *kind, *out, *roadmap, *as_of, *baseline, *rev, *year, *quarter;
	int capabilities;
	int no_bom, no_id, no_status, page, deps;
};

/* The value of an option that takes one of a few words: its index, or -1. */
static int one_of(const char *s, const char *const *words, int n)
{
	int i;
	for (i = 0; i < n; i++)
		if (!strcmp(s, words[i]))
			return i;
	return -1;
}

enum { OPT_OUTPUT, OPT_REV, OPT_AS_OF, OPT_CAPABILITIES, OPT_BASELINE, OPT_PAGE, OPT_DEPS, OPT_NO_BOM,
       OPT_NO_ID, OPT_NO_STATUS, OPT_YEAR, OPT_QUARTER };

#define NEEDS_FILE "a file name"
#define NEEDS_AS_OF "a time, like 2017-03"
#define NEEDS_BASELINE "a roadmap file or a revision"
#define NEEDS_REV "a revision, like a tag or HEAD~1"
#define NEEDS_PERIOD "a time, like 16/17 or '16/17 Q2'"
#define NEEDS_PAGE "a3 or a4"
#define NEEDS_DEPS "none, violations or all"

static const struct cli_opt export_options[] = {
	{ "output", 'o', 1, "OUT", "the file to write (replaced atomically)", OPT_OUTPUT, NEEDS_FILE },
	{ "rev", 0, 1, "REV", "the roadmap as it was at a revision (a tag, a commit)", OPT_REV, NEEDS_REV },
	{ "as-of", 0, 1, "TIME", "the date of the 'as at' line (default: the roadmap's\n"
	  "as_at, else this month)", OPT_AS_OF, NEEDS_AS_OF },
	{ "capabilities", 0, 0, NULL, "gantt: draw capabilities rather than projects", OPT_CAPABILITIES, NULL },
	{ "baseline", 0, 1, "FILE|REV", "gantt: draw this earlier plan as a ghost under the\n"
	  "current one, each move labelled (+2Q): a file, or else\n"
	  "a revision of the roadmap's repository", OPT_BASELINE, NEEDS_BASELINE },
	{ "page", 0, 1, "a3|a4", "charts: the page, landscape (default a3); text stays\n"
	  "at 7 pt or more, so a long chart makes a taller page", OPT_PAGE, NEEDS_PAGE },
	{ "deps", 0, 1, "WHICH", "gantt: the dependency arrows drawn: violations (the\n"
	  "default: those out of order, in red), all, or none", OPT_DEPS, NEEDS_DEPS },
	{ "no-bom", 0, 0, NULL, "CSV: no UTF-8 byte-order mark (for scripts; Excel needs it)", OPT_NO_BOM, NULL },
	{ "no-id", 0, 0, NULL, "", OPT_NO_ID, NULL },
	{ "no-status", 0, 0, NULL, "annex2: leave out the Id or Status column", OPT_NO_STATUS, NULL },
	{ "year", 0, 1, "Y", "", OPT_YEAR, NEEDS_PERIOD },
	{ "quarter", 0, 1, "Q", "report, all: the period the board report reviews", OPT_QUARTER, NEEDS_PERIOD },
};
const struct cli_options cli_export_options = CLI_OPTIONS(export_options, 20);

/* 'ldr report' is 'ldr export report': it takes the same options, and
 * lists those that the report uses. */
static const struct cli_opt report_options[] = {
	{ "output", 'o', 1, "FILE", "the file to write (replaced atomically)", OPT_OUTPUT, NEEDS_FILE },
	{ "baseline", 0, 1, "REV", "the approved plan (default: the newest baseline tag;\n"
	  "without one, the report has no review)", OPT_BASELINE, NEEDS_BASELINE },
	{ "year", 0, 1, "Y", "", OPT_YEAR, NEEDS_PERIOD },
	{ "quarter", 0, 1, "Q", "the period reviewed (default: the year of the\n"
	  "review date)", OPT_QUARTER, NEEDS_PERIOD },
	{ "as-of", 0, 1, "TIME", "the review date (default: the roadmap's as_at, else\n"
	  "this month)", OPT_AS_OF, NEEDS_AS_OF },
	{ "rev", 0, 1, "REV", "the roadmap as it was at a revision", OPT_REV, NEEDS_REV },
	{ "capabilities", 0, 0, NULL, NULL, OPT_CAPABILITIES, NULL },
	{ "page", 0, 1, "a3|a4", NULL, OPT_PAGE, NEEDS_PAGE },
	{ "deps", 0, 1, "WHICH", NULL, OPT_DEPS, NEEDS_DEPS },
	{ "no-bom", 0, 0, NULL, NULL, OPT_NO_BOM, NULL },
	{ "no-id", 0, 0, NULL, NULL, OPT_NO_ID, NULL },
	{ "no-status", 0, 0, NULL, NULL, OPT_NO_STATUS, NULL },
};
const struct cli_options cli_report_options = CLI_OPTIONS(report_options, 21);

static int option(void *ctx, int id, const char *value)
{
	static const char *const pages[] = { "a3", "a4" };                 /* enum ldr_page_size */
	static const char *const deps[] = { "violations", "none", "all" }; /* enum ldr_deps */
	struct export_args *a = ctx;

	switch (id) {
	case OPT_OUTPUT: a->out = value; break;
	case OPT_REV: a->rev = value; break;
	case OPT_AS_OF: a->as_of = value; break;
	case OPT_CAPABILITIES: a->capabilities = 1; break;
	case OPT_BASELINE: a->baseline = value; break;
	case OPT_PAGE:
		if ((a->page = one_of(value, pages, 2)) < 0)
			return cli_usage_error(a->cmd, "'--page' needs " NEEDS_PAGE);
		break;
	case OPT_DEPS:
		if ((a->deps = one_of(value, deps, 3)) < 0)
			return cli_usage_error(a->cmd, "'--deps' needs " NEEDS_DEPS);
		break;
	case OPT_NO_BOM: a->no_bom = 1; break;
	case OPT_NO_ID: a->no_id = 1; break;
	case OPT_NO_STATUS: a->no_status = 1; break;
	case OPT_YEAR: a->year = value; break;
	case OPT_QUARTER: a->quarter = value; break;
	default:
		if (!a->kind)
			a->kind = value;
		else if (!a->roadmap)
			a->roadmap = value;
		else
			return cli_usage_error(a->cmd, "one roadmap at a time");
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct export_args *a, int *help)
{
	int r = cli_parse_options(a->cmd, argc, argv, option, a);

	*help = r == CLI_HELP;
	if (r)
		return *help ? 0 : r;
	if (!a->kind)
		return cli_usage_error(a->cmd, "no kind of export given (annex2, annex4, ...)");
	if (!a->out)
		return cli_usage_error(a->cmd, "no output file given (-o FILE)");
	if (!a->roadmap)
		return cli_usage_error(a->cmd, "no roadmap given");
	return 0;
}

/* Where the exported roadmap comes from: the commit its footers name. */
struct source {
	struct ldr_commit commit;
	int have_commit;
	char head[LDR_OID_HEX + 1];
	struct ldr_buf baseline_name;
};

/* The roadmap to export: its file, or (--rev) a version in its repository;
 * o receives the commit it is, or has changed from. */
static int load_source(const struct export_args *a, struct ldr_roadmap *rm, char **path,
		       struct ldr_export_opts *o, struct source *src)
{
	struct ldr_repo *repo = NULL;
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	int r;

	if (a->rev) {
		*path = NULL;
		ldr_roadmap_init(rm);
		if ((r = hist_open("export", a->roadmap, &repo)) == 0 &&
		    (r = hist_load_rev("export", repo, a->rev, rm, &src->commit)) == 0)
			src->have_commit = 1;
		else
			ldr_commit_release(&src->commit); /* read, but not a roadmap */
	} else {
		r = cli_load(a->roadmap, rm, path, &text, NULL);
		/* Not in a repository, or not in its HEAD: no commit to name. */
		if (r == LDR_EXIT_OK && strcmp(*path, "-") != 0 && ldr_repo_open(&repo, *path, &err) == 0) {
			int k = ldr_repo_committed_as(repo, text.s ? text.s : "", text.len, &src->commit,
						      src->head, &err);
			if (k == 1)
				src->have_commit = 1;
			else
				ldr_commit_release(&src->commit);
			if (k == 2)
				o->commit = src->head, o->uncommitted = 1;
			else if (k < 0)
				fprintf(stderr, "ldr export: warning: the footers name no commit: %s\n", err.s);
		}
	}
	if (src->have_commit) {
		o->commit = src->commit.id;
		o->time = src->commit.time;
	}
	ldr_repo_free(repo);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	return r;
}

static int ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && strcmp(s + n - m, end) == 0;
}

/* --baseline: a file (one that exists, or is named *.yaml), or else a
 * revision of the roadmap's repository. */
static int load_baseline(const struct export_args *a, struct ldr_roadmap *rm, struct source *src)
{
	struct ldr_repo *repo = NULL;
	struct ldr_buf err = LDR_BUF_INIT, q = LDR_BUF_INIT;
	struct ldr_commit c;
	char *path = NULL;
	int r;

	if (!strcmp(a->baseline, "-") || access(a->baseline, F_OK) == 0 || ends_with(a->baseline, ".yaml") ||
	    ends_with(a->baseline, ".yml") || (a->rev == NULL && strcmp(a->roadmap, "-") == 0)) {
		r = cli_load(a->baseline, rm, &path, NULL, NULL);
		free(path);
		ldr_buf_addstr(&src->baseline_name, a->baseline);
		return r;
	}
	ldr_roadmap_init(rm);
	memset(&c, 0, sizeof(c));
	if (ldr_repo_open(&repo, a->roadmap, &err) < 0) {
		ldr_buf_addquoted(&q, a->baseline, 60);
		fprintf(stderr, "ldr export: --baseline %s is not a file, nor a revision: %s\n", q.s, err.s);
		r = LDR_EXIT_PARSE;
	} else if ((r = hist_load_rev("export", repo, a->baseline, rm, &c)) == 0) {
		ldr_buf_addstr(&src->baseline_name, a->baseline);
		if (strncmp(a->baseline, c.id, strlen(a->baseline)) != 0)
			ldr_buf_addf(&src->baseline_name, " (%.7s)", c.id);
	}
	ldr_commit_release(&c);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
	ldr_buf_release(&q);
	return r;
}

/* Every export is an output (model/base/write.h): never written through a
 * link, over the roadmap it comes from, or into a git directory. */
static int write_one(const struct ldr_exporter *e, const struct ldr_roadmap *rm,
		     const struct ldr_export_opts *o, const char *out)
{
	struct ldr_buf err = LDR_BUF_INIT;
	const char *why = ldr_export_not_offered(e, rm);
	int r;

	if (why) {
		fprintf(stderr, "ldr export: %s: nothing written: %s\n", e->kind, why);
		return LDR_EXIT_USAGE;
	}
	r = ldr_export_run(e, rm, o, out, &err);
	if (r < 0)
		r = cli_fail("export", r, err.s);
	ldr_buf_release(&err);
	return r;
}

/* 'ldr export all -o DIR': every export, named after the footprint. */
/* dir, without the slashes it may end with ("all/", but "/" stays): the
 * files' names are "dir/file", not "all//file". */
static void add_dir(struct ldr_buf *b, const char *dir)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	ldr_buf_add(b, dir, n);
	if (!n || dir[n - 1] != '/')
		ldr_buf_addch(b, '/');
}

/* A file of the export all writes: "dir/stem-what.ext". */
static void all_name(struct ldr_buf *name, const char *dir, const char *stem, const char *what, const char *ext)
{
	ldr_buf_reset(name);
	add_dir(name, dir);
	ldr_buf_addf(name, "%s-%s.%s", stem, what, ext);
}

/* What every reader of a footprint's exports wants beside them: the
 * capabilities' Gantt chart, the projects' against the newest baseline
 * (when the repository has one) and the board report. */
static int write_extras(const struct ldr_roadmap *rm, const struct ldr_export_opts *o, const char *dir,
			const char *stem, const struct export_args *a, const char *path)
{
	const struct ldr_exporter *gantt = ldr_exporter_find("gantt", "x.svg");
	struct ldr_export_opts caps = *o;
	struct ldr_buf name = LDR_BUF_INIT;
	struct ldr_time period = { LDR_TIME_NONE, 0, 0 };
	int worst = LDR_EXIT_OK, r;

	caps.capabilities = 1;
	caps.baseline = NULL;
	/* A programme plan without capabilities: no chart of none. */
	if (!ldr_roadmap_is_programme(rm) || rm->capabilities.len) {
		all_name(&name, dir, stem, "gantt-capabilities", "svg");
		if ((r = write_one(gantt, rm, &caps, name.s)) == LDR_EXIT_OK)
			printf("%s\n", name.s);
		worst = r > worst ? r : worst;
	}
	if (o->baseline) {
		all_name(&name, dir, stem, "gantt-baseline", "svg");
		if ((r = write_one(gantt, rm, o, name.s)) == LDR_EXIT_OK)
			printf("%s\n", name.s);
		worst = r > worst ? r : worst;
	}
	all_name(&name, dir, stem, "report", "html");
	if ((r = cli_report_write(a->cmd, rm, o, path, a->roadmap, a->baseline, period, name.s)) == LDR_EXIT_OK)
		printf("%s\n", name.s);
	worst = r > worst ? r : worst;
	ldr_buf_release(&name);
	return worst;
}

static int write_all(const struct ldr_roadmap *rm, const struct ldr_export_opts *o, const char *dir,
		     const struct export_args *a, const char *roadmap)
{
	struct ldr_buf name = LDR_BUF_INIT, stem = LDR_BUF_INIT;
	struct ldr_export_opts plain = *o;
	const char *s;
	size_t i;
	int worst = LDR_EXIT_OK;

	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		fprintf(stderr, "ldr export: %s: cannot create: %s\n", dir, strerror(errno));
		return LDR_EXIT_PARSE;
	}
	/* A file name from the footprint's name: letters and digits only. */
	for (s = rm->footprint.name; s && *s; s++) {
		char c = *s;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			ldr_buf_addch(&stem, c);
		else if (c >= 'A' && c <= 'Z')
			ldr_buf_addch(&stem, (char)(c - 'A' + 'a'));
		else if (stem.len && stem.s[stem.len - 1] != '-')
			ldr_buf_addch(&stem, '-');
	}
	while (stem.len && stem.s[stem.len - 1] == '-')
		stem.s[--stem.len] = '\0';
	if (!stem.len)
		ldr_buf_addstr(&stem, "roadmap");
	if (o->commit && !o->uncommitted)
		ldr_buf_addf(&stem, "-%.7s", o->commit);
	/* The plain Gantt chart is the plan as it is; the baseline's has a
	 * file of its own. */
	plain.baseline = NULL;
	for (i = 0; i < ldr_nexporters; i++) {
		const struct ldr_exporter *e = &ldr_exporters[i];
		int r;
		if (ldr_export_not_offered(e, rm))
			continue; /* not for this kind of document: not an error here */
		all_name(&name, dir, stem.s, e->kind, e->ext);
		r = write_one(e, rm, &plain, name.s);
		if (r == LDR_EXIT_OK)
			printf("%s\n", name.s);
		if (r > worst)
			worst = r;
	}
	i = (size_t)write_extras(rm, o, dir, stem.s, a, roadmap);
	worst = (int)i > worst ? (int)i : worst;
	ldr_buf_release(&name);
	ldr_buf_release(&stem);
	return worst;
}

static void list_kinds(FILE *out)
{
	size_t i;
	for (i = 0; i < ldr_nexporters; i++)
		fprintf(out, "  %-10s .%-5s %s\n", ldr_exporters[i].kind, ldr_exporters[i].ext,
			ldr_exporters[i].summary);
}

/* The baseline of the Gantt chart export all draws, when none is given:
 * the newest baseline tag of the roadmap's repository, if any. */
static const char *default_baseline(const struct export_args *a, const char *path, char **owned)
{
	struct ldr_repo *repo = NULL;
	struct ldr_buf err = LDR_BUF_INIT;

	*owned = NULL;
	if (!a->baseline && path && strcmp(path, "-") != 0 && ldr_repo_open(&repo, path, &err) == 0)
		*owned = ldr_repo_newest_baseline(repo);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
	return a->baseline ? a->baseline : *owned;
}

/* The period a report reviews (unset: the year of the review date). */
static int report_period(const struct export_args *a, struct ldr_time *period)
{
	char err[256];

	period->kind = LDR_TIME_NONE;
	if (a->year && ldr_time_parse(period, a->year, LDR_TIME_YEAR, err, sizeof(err)) < 0)
		return cli_usage_error(a->cmd, "--year: %s", err);
	if (a->quarter && ldr_time_parse(period, a->quarter, LDR_TIME_QUARTER, err, sizeof(err)) < 0)
		return cli_usage_error(a->cmd, "--quarter: %s", err);
	return 0;
}

/* Write what a is for, from the loaded roadmap. */
static int write_kind(const struct export_args *a, const struct ldr_exporter *e, const struct ldr_roadmap *rm,
		      struct ldr_export_opts *o, const char *path, struct source *src)
{
	struct ldr_roadmap base;
	struct ldr_export_opts with = *o;
	struct ldr_time period;
	struct export_args b = *a;
	char *owned = NULL;
	int r;

	if (!strcmp(a->kind, "report"))
		return (r = report_period(a, &period)) ? r
							: cli_report_write(a->cmd, rm, o, path, a->roadmap, a->baseline,
									   period, a->out);
	if (!e)
		b.baseline = default_baseline(a, path, &owned);
	if (b.baseline && (r = load_baseline(&b, &base, src)) != LDR_EXIT_OK) {
		ldr_roadmap_release(&base);
		free(owned);
		return r;
	}
	if (b.baseline) {
		with.baseline = &base;
		with.baseline_name = src->baseline_name.s;
	}
	r = e ? write_one(e, rm, &with, a->out) : write_all(rm, &with, a->out, a, path);
	if (b.baseline)
		ldr_roadmap_release(&base);
	free(owned);
	return r;
}

static int run_export(struct export_args *a)
{
	struct ldr_export_opts o;
	struct ldr_roadmap rm;
	struct source src;
	const struct ldr_exporter *e = NULL;
	char *path = NULL;
	char err[256];
	int r;

	memset(&o, 0, sizeof(o));
	o.as_of = ldr_date_this_month();
	if (a->as_of && ldr_time_parse(&o.as_of, a->as_of, LDR_TIME_ANY, err, sizeof(err)) < 0)
		return cli_usage_error(a->cmd, "--as-of: %s", err);
	o.capabilities = a->capabilities;
	o.no_bom = a->no_bom;
	o.no_id = a->no_id;
	o.no_status = a->no_status;
	o.page = a->page;
	o.deps = a->deps;
	if (strcmp(a->kind, "all") != 0 && strcmp(a->kind, "report") != 0) {
		e = ldr_exporter_find(a->kind, a->out);
		if (!e) {
			struct ldr_buf b = LDR_BUF_INIT, b2 = LDR_BUF_INIT;
			fprintf(stderr, "ldr export: no '%s' export writes '%s'; the exports are:\n",
				cli_safe(a->kind, &b), cli_safe(a->out, &b2));
			list_kinds(stderr);
			ldr_buf_release(&b);
			ldr_buf_release(&b2);
			return LDR_EXIT_USAGE;
		}
	}
	memset(&src, 0, sizeof(src));
	r = load_source(a, &rm, &path, &o, &src);
	if (!a->as_of) /* the date the roadmap describes, as for 'ldr check' */
		o.as_of = ldr_check_as_of(&rm);
	if (r == LDR_EXIT_OK)
		r = write_kind(a, e, &rm, &o, path, &src);
	ldr_roadmap_release(&rm);
	if (src.have_commit)
		ldr_commit_release(&src.commit);
	ldr_buf_release(&src.baseline_name);
	free(path);
	return r;
}

int cmd_export(int argc, char **argv)
{
	struct export_args a;
	int help, r;

	memset(&a, 0, sizeof(a));
	a.cmd = "export";
	r = parse_args(argc, argv, &a, &help);
	if (help) {
		cli_print_help(stdout, cli_find("export"));
		printf("\nKinds:\n");
		list_kinds(stdout);
		printf("  %-10s .%-5s %s\n", "report", "html", "the board report (as 'ldr report')");
		return LDR_EXIT_OK;
	}
	return r ? r : run_export(&a);
}

/* 'ldr report -o FILE.html ...' is 'ldr export report -o FILE.html ...'. */
int cmd_report(int argc, char **argv)
{
	struct export_args a;
	int help, r;

	memset(&a, 0, sizeof(a));
	a.cmd = "report";
	a.kind = "report";
	r = parse_args(argc, argv, &a, &help);
	if (help) {
		cli_print_help(stdout, cli_find("report"));
		return LDR_EXIT_OK;
	}
	return r ? r : run_export(&a);
}
