/* ldr fmt: rewrite a roadmap in canonical form, or check that it is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/base/diag.h"
#include "../../model/roadmap/file.h"
#include "../../model/history/repo.h"
#include "../../model/base/write.h"
#include "../cli.h"

/* The first line at which two texts differ (1-based). */
static size_t first_difference(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i, line = 1;
	for (i = 0; i < alen && i < blen && a[i] == b[i]; i++)
		if (a[i] == '\n')
			line++;
	return line;
}

static int fmt_one(const char *arg, int check, int drop_comments)
{
	struct ldr_roadmap rm;
	struct ldr_buf text = LDR_BUF_INIT, out = LDR_BUF_INIT, err = LDR_BUF_INIT;
	char *path = NULL;
	size_t warnings = 0;
	int to_stdout = strcmp(arg, "-") == 0;
	int r = cli_load(arg, &rm, &path, &text, &warnings);

	if (r != LDR_EXIT_OK)
		goto out;
	if (ldr_roadmap_write(&rm, &out, &err) < 0) {
		fprintf(stderr, "ldr fmt: %s: %s\n", path, err.s);
		r = LDR_EXIT_ERRORS;
		goto out;
	}
	if (to_stdout) {
		fwrite(out.s, 1, out.len, stdout);
		goto out;
	}
	if (out.len == text.len && memcmp(out.s, text.s, out.len) == 0)
		goto out; /* already canonical: not even touched */
	if (check) {
		fprintf(stderr, "%s: not in canonical form (first difference at line %zu); "
			"'ldr fmt %s' rewrites it\n", path,
			first_difference(out.s, out.len, text.s, text.len), arg);
		r = LDR_EXIT_ERRORS;
		goto out;
	}
	if (warnings && !drop_comments) {
		fprintf(stderr, "%s: not rewritten, so that its comments are not lost: move them into "
			"'notes' fields, or use 'ldr fmt --drop-comments'\n", path);
		r = LDR_EXIT_ERRORS;
		goto out;
	}
	if ((r = ldr_write_file(path, out.s, out.len, &err)) < 0)
		r = cli_fail("fmt", r, err.s);
out:
	ldr_roadmap_release(&rm);
	ldr_buf_release(&text);
	ldr_buf_release(&out);
	ldr_buf_release(&err);
	free(path);
	return r;
}

/* --commit: save through the repository, as a commit of its own. */
static int fmt_commit(const char *arg, int drop_comments)
{
	struct ldr_repo *repo = NULL;
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_diag diag;
	struct ldr_buf err = LDR_BUF_INIT, id = LDR_BUF_INIT, b = LDR_BUF_INIT;
	int r;

	ldr_roadmap_init(&rm);
	ldr_diag_init(&diag, arg);
	if (ldr_repo_open(&repo, arg, &err) < 0) {
		fprintf(stderr, "ldr fmt: %s\n", err.s);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	free(diag.file);
	diag.file = ldr_strdup(ldr_repo_file(repo));
	r = ldr_repo_load(repo, &rm, &st, &diag, &err);
	ldr_diag_print(&diag, stderr);
	if (r < 0) {
		if (err.len)
			fprintf(stderr, "ldr fmt: %s\n", err.s);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	if (diag.warnings && !drop_comments) {
		fprintf(stderr, "%s: not rewritten, so that its comments are not lost: move them into "
			"'notes' fields, or use 'ldr fmt --drop-comments'\n", cli_safe(ldr_repo_file(repo), &b));
		r = LDR_EXIT_ERRORS;
		goto out;
	}
	r = ldr_repo_save(repo, &rm, &st, "Rewrite the roadmap in canonical form (ldr fmt)", &id, &err);
	if (r < 0) {
		r = cli_fail("fmt", r, err.s);
		goto out;
	}
	if (r > 0)
		fprintf(stderr, "ldr fmt: warning: %s\n", err.s);
	if (id.len)
		printf("%s: committed %.7s\n", cli_safe(ldr_repo_file(repo), &b), id.s);
	r = LDR_EXIT_OK;
out:
	ldr_repo_free(repo);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&diag);
	ldr_buf_release(&err);
	ldr_buf_release(&id);
	ldr_buf_release(&b);
	return r;
}

enum { OPT_CHECK, OPT_DROP_COMMENTS, OPT_COMMIT };

static const struct cli_opt options[] = {
	{ "check", 0, 0, NULL, "change nothing; exit 1 if a file is not canonical", OPT_CHECK, NULL },
	{ "drop-comments", 0, 0, NULL, "rewrite even a file with YAML comments, which are lost\n"
	  "(by default such a file is left alone: put what they say\n"
	  "in 'notes' fields)", OPT_DROP_COMMENTS, NULL },
	{ "commit", 0, 0, NULL, "save as 'ldr set' does, as a commit (refused if the file\n"
	  "or HEAD changes meanwhile); nothing if already canonical\n"
	  "and committed", OPT_COMMIT, NULL },
};
const struct cli_options cli_fmt_options = CLI_OPTIONS(options, 19);

struct fmt_args {
	int check, drop, commit;
	const char **roadmaps;
	int n;
};

static int option(void *ctx, int id, const char *value)
{
	struct fmt_args *a = ctx;

	switch (id) {
	case OPT_CHECK: a->check = 1; break;
	case OPT_DROP_COMMENTS: a->drop = 1; break;
	case OPT_COMMIT: a->commit = 1; break;
	default: a->roadmaps[a->n++] = value; break;
	}
	return 0;
}

int cmd_fmt(int argc, char **argv)
{
	struct fmt_args a = { 0, 0, 0, ldr_calloc((size_t)argc, sizeof(char *)), 0 };
	int i, worst = cli_parse_options("fmt", argc, argv, option, &a);

	if (worst)
		a.n = 0, worst = worst == CLI_HELP ? cli_help("fmt") : worst;
	else if (!a.n)
		worst = cli_usage_error("fmt", "no roadmap given");
	else if (a.check && a.commit)
		a.n = 0, worst = cli_usage_error("fmt", "--check or --commit, not both");
	for (i = 0; i < a.n; i++) {
		int r = a.commit ? fmt_commit(a.roadmaps[i], a.drop) : fmt_one(a.roadmaps[i], a.check, a.drop);
		if (r > worst)
			worst = r;
	}
	free(a.roadmaps);
	return worst;
}
