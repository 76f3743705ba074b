/* ldr baseline: mark the approved plan with an annotated tag, which reviews
 * and diffs then name ("as submitted, 30 June 2016"); or list the marks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/date.h"
#include "../../model/history/repo.h"
#include "../../model/history/signoff.h"
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
		if (ldr_tag_is_signoff(tags[i].name))
			continue; /* ldr signoff --list */
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

/* A baseline that must be signed off (--signed): HEAD's commit has a
 * sign-off. Refused with a message, else 0. */
static int signed_head(struct ldr_repo *repo)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int r = ldr_signoff_require(repo, "HEAD", &err);

	if (r <= 0)
		fprintf(stderr, "ldr baseline: %s\n", err.s);
	ldr_buf_release(&err);
	return r > 0 ? 0 : r == 0 ? LDR_EXIT_USAGE : LDR_EXIT_PARSE;
}

static int mark(struct ldr_repo *repo, const char *name, const char *message, int signed_only)
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
	if (ldr_tag_is_signoff(name)) {
		fprintf(stderr, "ldr baseline: '%s' names a sign-off (ldr signoff): choose another name\n",
			cli_safe(name, &b));
		r = LDR_EXIT_USAGE;
		goto out;
	}
	if (signed_only && (r = signed_head(repo)))
		goto out;
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

enum { OPT_MESSAGE, OPT_LIST, OPT_SIGNED };

static const struct cli_opt options[] = {
	{ "message", 'm', 1, "MSG", "what the baseline is (default: its name)", OPT_MESSAGE, "a message" },
	{ "list", 0, 0, NULL, "every tag, oldest first: name, commit, date, who, message", OPT_LIST, NULL },
	{ "signed", 0, 0, NULL, "only a plan signed off (ldr signoff)", OPT_SIGNED, NULL },
};
const struct cli_options cli_baseline_options = CLI_OPTIONS(options, 21);

struct baseline_args {
	const char *name, *roadmap, *message;
	int listing, signed_only;
};

static int option(void *ctx, int id, const char *value)
{
	struct baseline_args *a = ctx;

	if (id == OPT_LIST)
		a->listing = 1;
	else if (id == OPT_SIGNED)
		a->signed_only = 1;
	else if (id == OPT_MESSAGE)
		a->message = value;
	else if (!a->name)
		a->name = value;
	else if (!a->roadmap)
		a->roadmap = value;
	else
		return cli_usage_error("baseline", "too many arguments");
	return 0;
}

int cmd_baseline(int argc, char **argv)
{
	struct baseline_args a = { NULL, NULL, NULL, 0, 0 };
	const char *name, *roadmap, *message;
	struct ldr_repo *repo = NULL;
	int listing, r;

	if ((r = cli_parse_options("baseline", argc, argv, option, &a)))
		return r == CLI_HELP ? cli_help("baseline") : r;
	name = a.name;
	roadmap = a.roadmap;
	message = a.message;
	listing = a.listing;
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
	r = listing ? list(repo) : mark(repo, name, message, a.signed_only);
	ldr_repo_free(repo);
	return r;
}
