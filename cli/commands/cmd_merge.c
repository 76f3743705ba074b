/* ldr merge-driver: git's merge driver for a roadmap; ldr setup: register
 * it for a repository, so that plain 'git merge' and 'git pull' merge the
 * roadmap by meaning (model/roadmap/merge.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../model/roadmap/file.h"
#include "../../model/history/scenario.h"
#include "../../model/history/sync.h"
#include "../../model/history/versions.h"
#include "../../model/base/write.h"
#include "../cli.h"
#include "../history.h"

/* One version git gives the driver: a file, empty when the roadmap did not
 * exist on that side (the base of a file added on both). */
static int read_side(const char *file, const char *name, const char *side, struct ldr_roadmap *rm)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT, label = LDR_BUF_INIT;
	int r = 0;

	ldr_roadmap_init(rm);
	if (ldr_file_read(file, &text, &err) < 0) {
		fprintf(stderr, "ldr merge-driver: %s\n", err.s);
		r = LDR_EXIT_PARSE;
	} else if (text.len) {
		ldr_buf_addf(&label, "%s (%s)", name, side);
		if (ldr_version_parse(rm, label.s, &text, &err) < 0) {
			fputs(err.s, stderr);
			r = LDR_EXIT_PARSE;
		}
	}
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	ldr_buf_release(&label);
	return r;
}

/* What the merge broke, and what it could not decide, on standard error
 * (git shows it to the person merging). */
static void tell(const char *name, const struct ldr_merge *m, const struct ldr_findings *broken)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;

	if (broken->n) {
		fprintf(stderr, "ldr merge-driver: %s: the merge breaks the schedule (each side alone did not):\n",
			name);
		for (i = 0; i < broken->n; i++)
			cli_print_finding(stderr, name, &broken->v[i]);
	}
	if (!m->n)
		return;
	fprintf(stderr, "ldr merge-driver: %s: %zu conflict%s; each record holds ours, and the file's "
		"'conflicts' lists all three values:\n", name, m->n, m->n == 1 ? "" : "s");
	for (i = 0; i < m->n; i++) {
		ldr_buf_reset(&b);
		ldr_merge_conflict_text(&b, &m->v[i]);
		fprintf(stderr, "  %s\n", b.s);
	}
	fprintf(stderr, "ldr merge-driver: resolve them in the interface ('ldr %s', then C) or in an "
		"editor, then 'git add' and commit\n", name);
	ldr_buf_release(&b);
}

/* BASE OURS THEIRS [PATH], as git gives them: no options but --help, and
 * those only first, since a path may begin with '-'. */
const struct cli_options cli_merge_driver_options = { .v = NULL, .options_first = 1 };

struct operands {
	const char *v[4];
	int n;
};

static int driver_operand(void *ctx, int id, const char *value)
{
	struct operands *op = ctx;

	(void)id;
	if (op->n < 4)
		op->v[op->n] = value;
	op->n++;
	return 0;
}

int cmd_merge_driver(int argc, char **argv)
{
	struct ldr_roadmap base, ours, theirs, merged, saved;
	struct ldr_merge m;
	struct ldr_findings broken;
	struct ldr_check_opts o;
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT, name = LDR_BUF_INIT;
	struct operands op = { { NULL, NULL, NULL, NULL }, 0 };
	int r = cli_parse_options("merge-driver", argc, argv, driver_operand, &op);

	memset(&m, 0, sizeof(m));
	memset(&broken, 0, sizeof(broken));
	ldr_roadmap_init(&base);
	ldr_roadmap_init(&ours);
	ldr_roadmap_init(&theirs);
	ldr_roadmap_init(&merged);
	ldr_roadmap_init(&saved);
	if (r) {
		r = r == CLI_HELP ? cli_help("merge-driver") : r;
		goto out;
	}
	if (op.n != 3 && op.n != 4) {
		r = cli_usage_error("merge-driver", "expected BASE OURS THEIRS [PATH], as git gives them: "
				    "%%O %%A %%B %%P");
		goto out;
	}
	cli_safe(op.n == 4 ? op.v[3] : op.v[1], &name);
	if ((r = read_side(op.v[0], name.s, "base", &base)) || (r = read_side(op.v[1], name.s, "ours", &ours)) ||
	    (r = read_side(op.v[2], name.s, "theirs", &theirs)))
		goto out;
	ldr_merge(&merged, &base, &ours, &theirs, &m);
	if (ldr_roadmap_write(&merged, &text, &err) < 0 ||
	    ldr_version_parse(&saved, name.s, &text, &err) < 0 ||
	    ldr_write_file(op.v[1], text.s, text.len, &err) < 0) {
		fprintf(stderr, "ldr merge-driver: %s: %s", name.s, err.s);
		if (!err.len || err.s[err.len - 1] != '\n')
			fputc('\n', stderr);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	memset(&o, 0, sizeof(o));
	o.as_of = ldr_check_as_of(&saved);
	ldr_check_new_errors(&saved, &ours, &theirs, &o, &broken);
	tell(name.s, &m, &broken);
	r = m.n ? LDR_EXIT_ERRORS : LDR_EXIT_OK;
out:
	ldr_merge_release(&m);
	ldr_findings_release(&broken);
	ldr_roadmap_release(&base);
	ldr_roadmap_release(&ours);
	ldr_roadmap_release(&theirs);
	ldr_roadmap_release(&merged);
	ldr_roadmap_release(&saved);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	ldr_buf_release(&name);
	return r;
}

/* ---- ldr setup ---------------------------------------------------------------- */

/* This program, as git should run it: argv[0] made absolute, or found on
 * the PATH. */
static char *self_path(void)
{
	const char *path = getenv("PATH"), *p;
	char *found = NULL;

	if (!cli_argv0 || !*cli_argv0)
		return ldr_strdup("ldr");
	if (strchr(cli_argv0, '/'))
		found = realpath(cli_argv0, NULL);
	for (p = path; !found && p && *p;) {
		size_t n = strcspn(p, ":");
		struct ldr_buf b = LDR_BUF_INIT;
		ldr_buf_addf(&b, "%.*s/%s", (int)n, n ? p : ".", cli_argv0);
		if (access(b.s, X_OK) == 0)
			found = realpath(b.s, NULL);
		ldr_buf_release(&b);
		p += n + (p[n] == ':');
	}
	return found ? found : ldr_strdup(cli_argv0);
}

/* A word for sh, in single quotes. */
static void shell_quote(struct ldr_buf *b, const char *s)
{
	ldr_buf_addch(b, '\'');
	for (; *s; s++)
		if (*s == '\'')
			ldr_buf_addstr(b, "'\\''");
		else
			ldr_buf_addch(b, *s);
	ldr_buf_addch(b, '\'');
}

/* [ROADMAP]: no options but --help. */
static int setup_operand(void *ctx, int id, const char *value)
{
	const char **roadmap = ctx;

	(void)id;
	if (*roadmap)
		return cli_usage_error("setup", "one roadmap at a time");
	*roadmap = value;
	return 0;
}

int cmd_setup(int argc, char **argv)
{
	struct ldr_repo *repo = NULL;
	struct ldr_buf driver = LDR_BUF_INIT, done = LDR_BUF_INIT, err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	char *self = NULL;
	const char *roadmap = NULL;
	int r = cli_parse_options("setup", argc, argv, setup_operand, &roadmap);

	if (r)
		return r == CLI_HELP ? cli_help("setup") : r;
	if ((r = hist_open("setup", roadmap ? roadmap : ".", &repo)))
		return r;
	self = self_path();
	shell_quote(&driver, self);
	ldr_buf_addstr(&driver, " merge-driver %O %A %B %P");
	if (ldr_repo_setup(repo, driver.s, &done, &err) < 0) {
		fprintf(stderr, "ldr setup: %s\n", err.s);
		r = LDR_EXIT_PARSE;
	} else {
		fputs(done.len ? done.s : "", stdout);
		printf("git merges %s with ldr: 'git merge' and 'git pull' merge it field by field\n",
		       cli_safe(ldr_repo_relpath(repo), &b));
	}
	free(self);
	ldr_repo_free(repo);
	ldr_buf_release(&driver);
	ldr_buf_release(&done);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return r;
}

/* ---- ldr merge ------------------------------------------------------------------ */

const struct cli_options cli_merge_options = { .v = NULL };

static int merge_report(const struct ldr_sync *s, const char *path)
{
	struct ldr_buf b = LDR_BUF_INIT, safe = LDR_BUF_INIT;
	const char *rev = cli_safe(s->remote.branch, &safe);
	size_t i;
	int r = LDR_EXIT_OK;

	switch (s->how) {
	case LDR_SYNC_UP_TO_DATE:
	case LDR_SYNC_PUSHED:
		ldr_buf_addf(&b, "nothing to merge: the plan (%.7s) has every commit of '%s' (%.7s)\n", s->remote.head,
			     rev, s->remote.theirs);
		break;
	case LDR_SYNC_FAST_FORWARD:
		ldr_buf_addf(&b, "took '%s' (%.7s; the plan had not moved since they parted):\n", rev, s->remote.theirs);
		hist_changes_text(&b, &s->taken);
		break;
	case LDR_SYNC_MERGED:
		ldr_buf_addf(&b, "merged '%s' into the plan: committed %.7s; from '%s':\n", rev, s->commit, rev);
		hist_changes_text(&b, &s->taken);
		break;
	case LDR_SYNC_CONFLICTS:
		ldr_buf_addf(&b, "%zu conflict%s with '%s'; nothing changed:\n", s->merge.n, s->merge.n == 1 ? "" : "s",
			     rev);
		for (i = 0; i < s->merge.n; i++) {
			ldr_buf_addstr(&b, "  ");
			ldr_merge_conflict_text(&b, &s->merge.v[i]);
			ldr_buf_addch(&b, '\n');
		}
		ldr_buf_addf(&b, "make the two sides agree and merge again, or merge with git ('ldr setup', then "
			     "'git merge %s') and resolve them in the interface ('ldr %s', then C)\n", rev, path);
		r = LDR_EXIT_ERRORS;
		break;
	}
	fputs(b.s, stdout);
	if (s->how == LDR_SYNC_MERGED && s->broken.n) {
		printf("the merge breaks the schedule (each side alone did not):\n");
		for (i = 0; i < s->broken.n; i++)
			cli_print_finding(stdout, path, &s->broken.v[i]);
		r = LDR_EXIT_ERRORS;
	}
	ldr_buf_release(&b);
	ldr_buf_release(&safe);
	return r;
}

/* A scenario's branch that is not there is said as one ("no scenario ..."). */
static int known_scenario(struct ldr_repo *repo, const char *rev)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_scenario s;
	const char *name = rev + strlen(LDR_SCENARIO_BRANCH);
	int r = 0;

	if (strncmp(rev, LDR_SCENARIO_BRANCH, strlen(LDR_SCENARIO_BRANCH)) != 0 ||
	    ldr_scenario_name_check(name, &err) < 0) {
		ldr_buf_release(&err);
		return 0;
	}
	if (ldr_scenario_find(repo, name, &s, &err) < 0)
		r = cli_fail("merge", -1, err.s);
	ldr_scenario_release(&s);
	ldr_buf_release(&err);
	return r;
}

int cmd_merge(int argc, char **argv)
{
	struct operands op = { { NULL, NULL, NULL, NULL }, 0 };
	struct ldr_repo *repo = NULL;
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_check_opts o;
	struct ldr_sync s;
	struct ldr_buf err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	int r = cli_parse_options("merge", argc, argv, driver_operand, &op);

	memset(&s, 0, sizeof(s));
	ldr_roadmap_init(&rm);
	ldr_roadmap_init(&s.result);
	if (r == CLI_HELP)
		r = cli_help("merge");
	else if (!r && op.n > 2)
		r = cli_usage_error("merge", "too many arguments");
	else if (!r && !op.n)
		r = cli_usage_error("merge", "nothing to merge: name a branch, as in 'ldr merge scenario/p12-slips'");
	if (r)
		goto out;
	if ((r = hist_open("merge", op.n == 2 ? op.v[1] : ".", &repo)) || (r = hist_load_repo("merge", repo, &rm, &st)))
		goto out;
	if ((r = known_scenario(repo, op.v[0])))
		goto out;
	memset(&o, 0, sizeof(o));
	o.as_of = ldr_check_as_of(&rm);
	if ((r = ldr_merge_rev(repo, op.v[0], &rm, &st, &o, &s, &err)) < 0) {
		r = cli_fail("merge", r, err.s);
		goto out;
	}
	if (err.len)
		fprintf(stderr, "ldr merge: warning: %s\n", err.s);
	r = merge_report(&s, cli_safe(ldr_repo_file(repo), &b));
out:
	ldr_sync_release(&s);
	ldr_repo_free(repo);
	ldr_roadmap_release(&rm);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return r;
}
