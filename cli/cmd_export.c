/* ldr export: write the Annex 2 and Annex 4 spreadsheets, the dossier, the
 * trajectory and the charts. The writers live in export/ and are found by
 * kind and by the extension of the output file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../export/export.h"
#include "../model/check.h"
#include "../model/date.h"
#include "../model/diag.h"
#include "../model/file.h"
#include "cli.h"
#include "history.h"

struct export_args {
	const char *kind, *out, *roadmap, *as_of, *baseline, *rev;
	int capabilities, page, deps;
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

static int parse_args(int argc, char **argv, struct export_args *a, int *help)
{
	int i;

	memset(a, 0, sizeof(*a));
	*help = 0;
	for (i = 1; i < argc; i++) {
		const char *s = argv[i];
		int has_value = i + 1 < argc;

		if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
			*help = 1;
			return 0;
		} else if (!strcmp(s, "-o") || !strcmp(s, "--output")) {
			if (!has_value)
				return cli_usage_error("export", "'%s' needs a file name", s);
			a->out = argv[++i];
		} else if (!strcmp(s, "--as-of")) {
			if (!has_value)
				return cli_usage_error("export", "'--as-of' needs a time, like 2017-03");
			a->as_of = argv[++i];
		} else if (!strcmp(s, "--baseline")) {
			if (!has_value)
				return cli_usage_error("export", "'--baseline' needs a roadmap file or a revision");
			a->baseline = argv[++i];
		} else if (!strcmp(s, "--rev")) {
			if (!has_value)
				return cli_usage_error("export", "'--rev' needs a revision, like a tag or HEAD~1");
			a->rev = argv[++i];
		} else if (!strcmp(s, "--capabilities")) {
			a->capabilities = 1;
		} else if (!strcmp(s, "--page")) {
			static const char *const pages[] = { "a3", "a4" }; /* enum ldr_page_size */
			if (!has_value || (a->page = one_of(argv[++i], pages, 2)) < 0)
				return cli_usage_error("export", "'--page' needs a3 or a4");
		} else if (!strcmp(s, "--deps")) {
			static const char *const deps[] = { "violations", "none", "all" }; /* enum ldr_deps */
			if (!has_value || (a->deps = one_of(argv[++i], deps, 3)) < 0)
				return cli_usage_error("export", "'--deps' needs none, violations or all");
		} else if (s[0] == '-' && s[1]) {
			struct ldr_buf b = LDR_BUF_INIT;
			cli_usage_error("export", "unknown option '%s'", cli_safe(s, &b));
			ldr_buf_release(&b);
			return LDR_EXIT_USAGE;
		} else if (!a->kind) {
			a->kind = s;
		} else if (!a->roadmap) {
			a->roadmap = s;
		} else {
			return cli_usage_error("export", "one roadmap at a time");
		}
	}
	if (!a->kind)
		return cli_usage_error("export", "no kind of export given (annex2, annex4, ...)");
	if (!a->out)
		return cli_usage_error("export", "no output file given (-o FILE)");
	if (!a->roadmap)
		return cli_usage_error("export", "no roadmap given");
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

/* The directory of a path, resolved; NULL if it does not exist. */
static char *real_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? ldr_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : ldr_strdup(".");
	char *real = realpath(dir, NULL);
	free(dir);
	return real;
}

/* An export never replaces the roadmap it comes from, and never follows a
 * symbolic link out of the directory it is written in (a link planted in a
 * shared folder must not make ldr write over a file elsewhere). */
static int safe_output(const char *out, const char *roadmap, struct ldr_buf *err)
{
	struct stat a, b;
	char *dir = NULL, *target = NULL;
	int r = 0;

	if (roadmap && stat(out, &a) == 0 && stat(roadmap, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino) {
		ldr_buf_addf(err, "%s is the roadmap itself: choose another output", out);
		return -1;
	}
	if (lstat(out, &a) != 0 || !S_ISLNK(a.st_mode))
		return 0;
	dir = real_dir(out);
	{
		char buf[4096];
		ssize_t n = readlink(out, buf, sizeof(buf) - 1);
		if (n > 0) {
			struct ldr_buf t = LDR_BUF_INIT;
			buf[n] = '\0';
			if (buf[0] == '/')
				ldr_buf_addstr(&t, buf);
			else
				ldr_buf_addf(&t, "%s/%s", dir ? dir : ".", buf);
			target = real_dir(t.s);
			ldr_buf_release(&t);
		}
	}
	if (!dir || !target || strncmp(target, dir, strlen(dir)) != 0 ||
	    (target[strlen(dir)] != '\0' && target[strlen(dir)] != '/')) {
		ldr_buf_addf(err, "%s is a symbolic link out of its directory: not followed", out);
		r = -1;
	}
	free(dir);
	free(target);
	return r;
}

static int write_one(const struct ldr_exporter *e, const struct ldr_roadmap *rm,
		     const struct ldr_export_opts *o, const char *out, const char *roadmap)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int r = LDR_EXIT_OK;

	if (safe_output(out, roadmap, &err) < 0) {
		fprintf(stderr, "ldr export: %s\n", err.s);
		ldr_buf_release(&err);
		return LDR_EXIT_USAGE;
	}
	if (e->write(rm, o, out, &err) < 0) {
		fprintf(stderr, "ldr export: %s\n", err.s ? err.s : "failed");
		r = LDR_EXIT_PARSE;
	}
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

static int write_all(const struct ldr_roadmap *rm, const struct ldr_export_opts *o, const char *dir,
		     const char *roadmap)
{
	struct ldr_buf name = LDR_BUF_INIT, stem = LDR_BUF_INIT;
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
	for (i = 0; i < ldr_nexporters; i++) {
		const struct ldr_exporter *e = &ldr_exporters[i];
		int r;
		ldr_buf_reset(&name);
		add_dir(&name, dir);
		ldr_buf_addf(&name, "%s-%s.%s", stem.s, e->kind, e->ext);
		r = write_one(e, rm, o, name.s, roadmap);
		if (r == LDR_EXIT_OK)
			printf("%s\n", name.s);
		if (r > worst)
			worst = r;
	}
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

int cmd_export(int argc, char **argv)
{
	struct export_args a;
	struct ldr_export_opts o;
	struct ldr_roadmap rm, base;
	struct source src;
	const struct ldr_exporter *e = NULL;
	char *path = NULL;
	char err[256];
	int help, r = parse_args(argc, argv, &a, &help);

	if (help) {
		cli_print_help(stdout, cli_find("export"));
		printf("\nKinds:\n");
		list_kinds(stdout);
		return LDR_EXIT_OK;
	}
	if (r)
		return r;
	memset(&o, 0, sizeof(o));
	o.as_of = ldr_date_this_month();
	if (a.as_of && ldr_time_parse(&o.as_of, a.as_of, LDR_TIME_ANY, err, sizeof(err)) < 0)
		return cli_usage_error("export", "--as-of: %s", err);
	o.capabilities = a.capabilities;
	o.page = a.page;
	o.deps = a.deps;
	if (strcmp(a.kind, "all") != 0) {
		e = ldr_exporter_find(a.kind, a.out);
		if (!e) {
			struct ldr_buf b = LDR_BUF_INIT, b2 = LDR_BUF_INIT;
			fprintf(stderr, "ldr export: no '%s' export writes '%s'; the exports are:\n",
				cli_safe(a.kind, &b), cli_safe(a.out, &b2));
			list_kinds(stderr);
			ldr_buf_release(&b);
			ldr_buf_release(&b2);
			return LDR_EXIT_USAGE;
		}
	}
	memset(&src, 0, sizeof(src));
	r = load_source(&a, &rm, &path, &o, &src);
	if (!a.as_of) /* the date the roadmap describes, as for 'ldr check' */
		o.as_of = ldr_check_as_of(&rm);
	if (r == LDR_EXIT_OK && a.baseline) {
		r = load_baseline(&a, &base, &src);
		if (r == LDR_EXIT_OK) {
			o.baseline = &base;
			o.baseline_name = src.baseline_name.s;
		} else {
			ldr_roadmap_release(&base);
		}
	}
	if (r == LDR_EXIT_OK)
		r = e ? write_one(e, &rm, &o, a.out, path) : write_all(&rm, &o, a.out, path);
	if (o.baseline)
		ldr_roadmap_release(&base);
	ldr_roadmap_release(&rm);
	if (src.have_commit)
		ldr_commit_release(&src.commit);
	ldr_buf_release(&src.baseline_name);
	free(path);
	return r;
}
