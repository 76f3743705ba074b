/* ldr sync: fetch from the shared remote, merge by meaning, commit, push
 * (model/history/sync.h). Changes nothing here unless all of it succeeds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../model/history/sync.h"
#include "../cli.h"
#include "../history.h"

static void print_changes(const struct ldr_diff *d)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;
	for (i = 0; i < d->n; i++) {
		ldr_buf_reset(&b);
		ldr_change_text(&b, &d->v[i]);
		printf("  %s\n", b.s);
	}
	ldr_buf_release(&b);
}

static void print_conflicts(FILE *out, const struct ldr_merge *m)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;
	for (i = 0; i < m->n; i++) {
		ldr_buf_reset(&b);
		ldr_merge_conflict_text(&b, &m->v[i]);
		fprintf(out, "  %s\n", b.s);
	}
	ldr_buf_release(&b);
}

static int report(const struct ldr_sync *s, const char *path)
{
	const struct ldr_remote *r = &s->remote;
	size_t i;

	switch (s->how) {
	case LDR_SYNC_UP_TO_DATE:
		printf("up to date with %s/%s (%.7s)\n", r->name, r->branch, r->head);
		return LDR_EXIT_OK;
	case LDR_SYNC_PUSHED:
		printf("pushed %.7s to %s/%s (nothing new there)\n", r->head, r->name, r->branch);
		return LDR_EXIT_OK;
	case LDR_SYNC_FAST_FORWARD:
		printf("took %s/%s (%.7s, nothing new here): %zu change%s\n", r->name, r->branch, r->theirs,
		       s->taken.n, s->taken.n == 1 ? "" : "s");
		print_changes(&s->taken);
		return LDR_EXIT_OK;
	case LDR_SYNC_MERGED:
		printf("merged %s/%s into %s: committed %.7s and pushed it; %zu change%s from %s:\n", r->name,
		       r->branch, r->branch, s->commit, s->taken.n, s->taken.n == 1 ? "" : "s", r->name);
		print_changes(&s->taken);
		if (!s->broken.n)
			return LDR_EXIT_OK;
		printf("the merge breaks the schedule (each side alone did not):\n");
		for (i = 0; i < s->broken.n; i++)
			cli_print_finding(stdout, path, &s->broken.v[i]);
		return LDR_EXIT_ERRORS;
	case LDR_SYNC_CONFLICTS:
		printf("%zu conflict%s with %s/%s; nothing changed:\n", s->merge.n, s->merge.n == 1 ? "" : "s",
		       r->name, r->branch);
		print_conflicts(stdout, &s->merge);
		printf("resolve them in the interface ('ldr %s', then sync: P), or with git ('ldr setup', "
		       "then 'git pull')\n", path);
		return LDR_EXIT_ERRORS;
	}
	return LDR_EXIT_OK;
}

/* [REMOTE] [ROADMAP]: it has no options but --help. */
struct operands {
	const char *v[2];
	int n;
};

static int operand(void *ctx, int id, const char *value)
{
	struct operands *op = ctx;

	(void)id;
	if (op->n == 2)
		return cli_usage_error("sync", "too many operands");
	op->v[op->n++] = value;
	return 0;
}

int cmd_sync(int argc, char **argv)
{
	const char *remote = NULL, *roadmap = ".";
	struct ldr_repo *repo = NULL;
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_check_opts o;
	struct ldr_sync s;
	struct ldr_buf err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	struct operands op = { { NULL, NULL }, 0 };
	int r = cli_parse_options("sync", argc, argv, operand, &op);

	memset(&s, 0, sizeof(s));
	ldr_roadmap_init(&rm);
	ldr_roadmap_init(&s.result);
	if (r) {
		r = r == CLI_HELP ? cli_help("sync") : r;
		goto out;
	}
	if (op.n == 2) {
		remote = op.v[0];
		roadmap = op.v[1];
	} else if (op.n == 1) {
		/* One operand: the roadmap if there is such a file or directory. */
		if (strchr(op.v[0], '/') || access(op.v[0], F_OK) == 0)
			roadmap = op.v[0];
		else
			remote = op.v[0];
	}
	if ((r = hist_open("sync", roadmap, &repo)) || (r = hist_load_repo("sync", repo, &rm, &st)))
		goto out;
	memset(&o, 0, sizeof(o));
	o.as_of = ldr_check_as_of(&rm);
	if (ldr_sync(repo, remote, &rm, &st, &o, &s, &err) < 0) {
		fprintf(stderr, "ldr sync: %s\n", err.s);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	if (err.len)
		fprintf(stderr, "ldr sync: warning: %s\n", err.s);
	r = report(&s, cli_safe(ldr_repo_file(repo), &b));
out:
	ldr_sync_release(&s);
	ldr_repo_free(repo);
	ldr_roadmap_release(&rm);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return r;
}
