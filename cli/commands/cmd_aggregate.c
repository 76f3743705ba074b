/* ldr aggregate: the national view of many footprints' roadmaps. Each is
 * loaded, added to the aggregate and released before the next, so memory
 * follows the largest file, not the sum. A file that cannot be loaded is
 * reported (its errors on stderr, a line in the report) and the others go
 * on; the exit status says so at the end. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../export/sheets/national_view.h"
#include "../../model/base/diag.h"
#include "../../model/roadmap/file.h"
#include "../../model/base/hash.h"
#include "../../model/base/path.h"
#include "../../model/base/write.h"
#include "../aggregate.h"
#include "../cli.h"

struct aggregate_args {
	const char *csv, *out, *as_of;
	int json, help;
	const char **roadmaps;
	int nroadmaps;
};

enum { OPT_JSON, OPT_CSV, OPT_OUTPUT, OPT_AS_OF };

static const struct cli_opt options[] = {
	{ "json", 0, 0, NULL, "print the tables as one JSON object", OPT_JSON, NULL },
	{ "csv", 0, 1, "FILE", "write every footprint's figures, one a row (table, file,\n"
	  "footprint, group, year, uc, measure, value)", OPT_CSV, NULL },
	{ NULL, 'o', 1, "FILE.xlsx", "write a workbook, one sheet per table", OPT_OUTPUT, NULL },
	{ "output", 0, 1, "FILE.xlsx", NULL, OPT_OUTPUT, NULL }, /* -o, as other commands have it */
	{ "as-of", 0, 1, "TIME", "the review date of every footprint's checks (default: each\n"
	  "one's as_at, else this month)", OPT_AS_OF, NULL },
};
const struct cli_options cli_aggregate_options = CLI_OPTIONS(options, 17);

static int option(void *ctx, int id, const char *value)
{
	struct aggregate_args *a = ctx;

	switch (id) {
	case OPT_JSON: a->json = 1; break;
	case OPT_CSV: a->csv = value; break;
	case OPT_OUTPUT: a->out = value; break;
	case OPT_AS_OF: a->as_of = value; break;
	default: a->roadmaps[a->nroadmaps++] = value; break;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct aggregate_args *a)
{
	int r;

	memset(a, 0, sizeof(*a));
	a->roadmaps = ldr_calloc((size_t)argc + 1, sizeof(*a->roadmaps));
	r = cli_parse_options("aggregate", argc, argv, option, a);
	if (r == CLI_HELP) {
		a->help = 1;
		return 0;
	}
	if (r)
		return r;
	if (a->json + !!a->csv + !!a->out > 1)
		return cli_usage_error("aggregate", "one of --json, --csv and -o at a time");
	if (a->out) {
		size_t n = strlen(a->out);
		if (n < 5 || strcmp(a->out + n - 5, ".xlsx") != 0)
			return cli_usage_error("aggregate", "-o writes a workbook (FILE.xlsx); "
					       "--csv FILE writes CSV");
	}
	if (!a->nroadmaps)
		return cli_usage_error("aggregate", "no roadmaps given");
	return 0;
}

/* ---- which files ----------------------------------------------------------------- */

struct names {
	char **v;
	size_t n, cap;
};

static void add_name(struct names *l, char *s)
{
	ldr_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = s;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* The roadmaps a directory holds, in name order: its roadmap.yaml if it
 * has one (one footprint's repository); else each *.yaml file in it and
 * each directory in it that holds a roadmap.yaml (a directory of
 * footprints). Hidden names are passed over. Returns how many were added. */
static size_t expand_dir(const char *dir, struct names *out)
{
	struct names found = { NULL, 0, 0 };
	char *own = ldr_path_join(dir, LDR_ROADMAP_FILE);
	struct dirent *e;
	DIR *d;
	size_t i;

	if (is_file(own)) {
		add_name(out, own);
		return 1;
	}
	free(own);
	d = opendir(dir);
	while (d && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char *path, *inner;

		if (e->d_name[0] == '.')
			continue;
		path = ldr_path_join(dir, e->d_name);
		if (is_dir(path)) {
			inner = ldr_path_join(path, LDR_ROADMAP_FILE);
			free(path);
			if (is_file(inner))
				add_name(&found, inner);
			else
				free(inner);
		} else if (n > 5 && !strcmp(e->d_name + n - 5, ".yaml")) {
			add_name(&found, path);
		} else {
			free(path);
		}
	}
	if (d)
		closedir(d);
	if (found.n)
		qsort(found.v, found.n, sizeof(*found.v), by_name);
	for (i = 0; i < found.n; i++)
		add_name(out, found.v[i]);
	free(found.v);
	return found.n;
}

/* ---- each roadmap once ---------------------------------------------------------- */

/* The files with each roadmap once, by its real path: the same file given
 * twice, by two names or a link, or given and found in a directory given
 * too, counts once, under its first name; each repeat is dropped and said
 * on stderr. A name that does not resolve is compared as it is. "-" is
 * standard input, never a repeat. */
static void drop_repeats(struct names *files)
{
	struct ldr_hash seen = LDR_HASH_INIT;
	struct names keys = { NULL, 0, 0 };
	struct ldr_buf b1 = LDR_BUF_INIT, b2 = LDR_BUF_INIT;
	size_t i, n = 0;

	for (i = 0; i < files->n; i++) {
		char *name = files->v[i], *real;
		const struct ldr_hash_entry *first;

		if (!strcmp(name, "-")) {
			files->v[n++] = name;
			continue;
		}
		real = realpath(name, NULL);
		add_name(&keys, real ? real : ldr_strdup(name)); /* the table's keys */
		first = ldr_hash_put(&seen, keys.v[keys.n - 1], name);
		if (!first) {
			files->v[n++] = name;
			continue;
		}
		fprintf(stderr, "ldr aggregate: %s: skipped, already counted as '%s'\n",
			cli_safe(name, &b1), cli_safe(first->value, &b2));
		free(name);
	}
	files->n = n;
	ldr_hash_clear(&seen);
	for (i = 0; i < keys.n; i++)
		free(keys.v[i]);
	free(keys.v);
	ldr_buf_release(&b1);
	ldr_buf_release(&b2);
}

/* ---- loading --------------------------------------------------------------------- */

/* The first error by position, as "line:col: text". */
static void first_error(const struct ldr_diag *d, struct ldr_buf *out)
{
	const struct ldr_msg *first = NULL;
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct ldr_msg *m = &d->v[i];
		if (m->severity == LDR_ERROR &&
		    (!first || m->line < first->line || (m->line == first->line && m->col < first->col)))
			first = m;
	}
	if (first && first->line)
		ldr_buf_addf(out, "%u:%u: ", first->line, first->col);
	ldr_buf_addstr(out, first ? first->text : "cannot be loaded");
}

/* Load one file and add it, or add it as skipped. A directory here is one
 * with no roadmap in it. Returns 0, or LDR_EXIT_PARSE when it was skipped. */
static int add_file(struct ldr_aggregate *agg, const char *path, const struct ldr_time *as_of)
{
	struct ldr_buf text = LDR_BUF_INIT, why = LDR_BUF_INIT;
	struct ldr_check_opts o;
	struct ldr_roadmap rm;
	struct ldr_diag d;
	int r = LDR_EXIT_OK;

	ldr_roadmap_init(&rm);
	if (strcmp(path, "-") != 0 && is_dir(path)) {
		fprintf(stderr, "ldr aggregate: %s: no roadmap in it (roadmap.yaml, *.yaml or "
			"*/roadmap.yaml)\n", cli_safe(path, &why));
		ldr_buf_reset(&why);
		ldr_aggregate_skip(agg, path, "a directory with no roadmap in it", 0);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	if (ldr_file_read(path, &text, &why) < 0) {
		fprintf(stderr, "ldr: %s\n", why.s);
		ldr_aggregate_skip(agg, path, why.s, 1);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	ldr_diag_init(&d, strcmp(path, "-") == 0 ? "<stdin>" : path);
	if (ldr_roadmap_read(&rm, text.s, text.len, &d) < 0) {
		first_error(&d, &why);
		ldr_aggregate_skip(agg, path, why.s, d.errors);
		r = LDR_EXIT_PARSE;
	} else {
		memset(&o, 0, sizeof(o));
		o.as_of = as_of->kind ? *as_of : ldr_check_as_of(&rm);
		ldr_aggregate_add(agg, path, &rm, &o);
	}
	ldr_diag_print(&d, stderr);
	ldr_diag_release(&d);
out:
	ldr_roadmap_release(&rm);
	ldr_buf_release(&text);
	ldr_buf_release(&why);
	return r;
}

static int write_file(const struct ldr_aggregate *agg, const struct aggregate_args *a)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int r = a->csv ? ldr_national_view_csv(agg, a->csv, &err)
		       : ldr_national_view_xlsx(agg, NULL, a->out, &err);

	if (r < 0)
		r = cli_fail("aggregate", r, err.s);
	ldr_buf_release(&err);
	return r;
}

int cmd_aggregate(int argc, char **argv)
{
	struct aggregate_args a;
	struct ldr_aggregate agg;
	struct names files = { NULL, 0, 0 };
	struct ldr_time as_of = { LDR_TIME_NONE, 0, 0 };
	char err[256];
	size_t i;
	int r = parse_args(argc, argv, &a), w;

	if (a.help || r) {
		if (a.help)
			cli_print_help(stdout, cli_find("aggregate"));
		free(a.roadmaps);
		return r;
	}
	if (a.as_of && ldr_time_parse(&as_of, a.as_of, LDR_TIME_ANY, err, sizeof(err)) < 0) {
		free(a.roadmaps);
		return cli_usage_error("aggregate", "--as-of: %s", err);
	}
	/* The files first: a directory with none in it stays in the list,
	 * to be reported in its place. */
	for (i = 0; i < (size_t)a.nroadmaps; i++) {
		const char *arg = a.roadmaps[i];
		if (strcmp(arg, "-") == 0 || !is_dir(arg) || !expand_dir(arg, &files))
			add_name(&files, ldr_strdup(arg));
	}
	free(a.roadmaps);
	drop_repeats(&files);
	ldr_aggregate_init(&agg);
	for (i = 0; i < files.n; i++) {
		if (add_file(&agg, files.v[i], &as_of) != LDR_EXIT_OK)
			r = LDR_EXIT_PARSE;
		free(files.v[i]);
	}
	free(files.v);
	if (a.json)
		cli_aggregate_json(&agg, stdout);
	else if (!a.csv && !a.out)
		cli_aggregate_text(&agg, stdout);
	else if ((w = write_file(&agg, &a)) != LDR_EXIT_OK)
		r = w;
	ldr_aggregate_release(&agg);
	return r;
}
