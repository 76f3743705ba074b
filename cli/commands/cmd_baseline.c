/* ldr baseline: mark the approved plan with an annotated tag, which reviews
 * and diffs then name ("as submitted, 30 June 2016"); or list the marks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/date.h"
#include "../../model/history/repo.h"
#include "../cli.h"
#include "../history.h"

static int list(struct ldr_repo *repo)
{
	struct ldr_tag *tags;
	struct ldr_buf err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	size_t i, n;

	if (ldr_repo_tags(repo, &tags, &n, &err) < 0) {
		fprintf(stderr, "ldr baseline: %s\n", err.s);
		ldr_buf_release(&err);
		return LDR_EXIT_PARSE;
	}
	for (i = 0; i < n; i++) {
		ldr_buf_reset(&b);
		ldr_buf_addquoted(&b, tags[i].name, 60);
		ldr_buf_addf(&b, "  %.7s  ", tags[i].commit);
		ldr_date_format(&b, tags[i].time, tags[i].offset);
		ldr_buf_addstr(&b, "  ");
		if (tags[i].annotated) {
			ldr_buf_addquoted(&b, tags[i].tagger, 60);
			ldr_buf_addstr(&b, ": ");
			hist_subject(&b, tags[i].message);
		} else {
			ldr_buf_addstr(&b, "(a lightweight tag, not made by ldr baseline)");
		}
		printf("%s\n", b.s);
	}
	ldr_tags_free(tags, n);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return LDR_EXIT_OK;
}

static int mark(struct ldr_repo *repo, const char *name, const char *message)
{
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_commit c;
	struct ldr_buf err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	int r = LDR_EXIT_OK;

	memset(&c, 0, sizeof(c));
	/* A baseline marks a commit: what the file says must be in it. */
	if ((r = hist_load_repo("baseline", repo, &rm, &st)))
		goto out;
	if (ldr_loaded_dirty(&st)) {
		fprintf(stderr, "ldr baseline: %s has changes not committed, which a baseline would "
			"not include: commit them first ('ldr diff' shows them)\n",
			cli_safe(ldr_repo_file(repo), &b));
		r = LDR_EXIT_PARSE; /* refused, as a sync is: not an error of the roadmap */
		goto out;
	}
	if (ldr_repo_tag(repo, name, message, &err) < 0 || ldr_repo_resolve(repo, name, &c, &err) < 0) {
		fprintf(stderr, "ldr baseline: %s\n", err.s);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	ldr_buf_reset(&b);
	ldr_buf_addstr(&b, "baseline '");
	ldr_buf_addquoted(&b, name, 60);
	ldr_buf_addf(&b, "' marks %.7s (", c.id);
	ldr_date_format(&b, c.time, c.offset);
	ldr_buf_addstr(&b, "): ");
	hist_subject(&b, c.message);
	printf("%s\n", b.s);
out:
	ldr_commit_release(&c);
	ldr_roadmap_release(&rm);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return r;
}

int cmd_baseline(int argc, char **argv)
{
	const char *name = NULL, *roadmap = NULL, *message = NULL;
	struct ldr_repo *repo = NULL;
	int i, listing = 0, r;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_print_help(stdout, cli_find("baseline"));
			return LDR_EXIT_OK;
		} else if (!strcmp(a, "--list")) {
			listing = 1;
		} else if (!strcmp(a, "-m") || !strcmp(a, "--message")) {
			if (i + 1 >= argc)
				return cli_usage_error("baseline", "'%s' needs a message", a);
			message = argv[++i];
		} else if (a[0] == '-' && a[1]) {
			struct ldr_buf b = LDR_BUF_INIT;
			cli_usage_error("baseline", "unknown option '%s'", cli_safe(a, &b));
			ldr_buf_release(&b);
			return LDR_EXIT_USAGE;
		} else if (!name) {
			name = a;
		} else if (!roadmap) {
			roadmap = a;
		} else {
			return cli_usage_error("baseline", "too many arguments");
		}
	}
	if (listing && !roadmap) { /* --list ROADMAP */
		roadmap = name;
		name = NULL;
	}
	if (listing && name)
		return cli_usage_error("baseline", "--list takes no name");
	if (!listing && !name)
		return cli_usage_error("baseline", "no name given, as in 'ldr baseline submitted ROADMAP'");
	if (!roadmap)
		return cli_usage_error("baseline", "no roadmap given");
	if ((r = hist_open("baseline", roadmap, &repo)))
		return r;
	r = listing ? list(repo) : mark(repo, name, message);
	ldr_repo_free(repo);
	return r;
}
