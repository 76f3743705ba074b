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

int cmd_fmt(int argc, char **argv)
{
	int check = 0, drop = 0, commit = 0, help, i, worst = LDR_EXIT_OK;
	const struct cli_flag flags[] = { { "--check", &check }, { "--drop-comments", &drop },
					  { "--commit", &commit } };
	int first = cli_parse_flags("fmt", argc, argv, flags, LDR_ARRAY_SIZE(flags), &help);

	if (first < 0)
		return LDR_EXIT_USAGE;
	if (help) {
		cli_print_help(stdout, cli_find("fmt"));
		return LDR_EXIT_OK;
	}
	if (first >= argc)
		return cli_usage_error("fmt", "no roadmap given");
	if (check && commit)
		return cli_usage_error("fmt", "--check or --commit, not both");
	for (i = first; i < argc; i++) {
		int r = commit ? fmt_commit(argv[i], drop) : fmt_one(argv[i], check, drop);
		if (r > worst)
			worst = r;
	}
	return worst;
}
