/* ldr diff: what changed between two versions of a roadmap, by record and
 * field: added, removed, changed, re-phased. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/date.h"
#include "../../model/roadmap/diff.h"
#include "../../model/history/repo.h"
#include "../../model/history/scenario.h"
#include "../cli.h"
#include "../history.h"

/* One side of the comparison: a revision, or the file when rev is NULL. */
struct side {
	const char *rev;
	const char *label; /* how rev is said, when not as given */
	struct ldr_commit commit;
	struct ldr_roadmap rm;
};

static int load_side(struct ldr_repo *repo, struct side *s)
{
	if (s->rev)
		return hist_load_rev("diff", repo, s->rev, &s->rm, &s->commit);
	return hist_load_file("diff", repo, &s->rm);
}

static void side_text(struct ldr_buf *b, struct ldr_repo *repo, const struct side *s)
{
	if (!s->rev) {
		ldr_buf_addstr(b, "the file ");
		ldr_buf_addquoted(b, ldr_repo_file(repo), 200);
		return;
	}
	ldr_buf_addf(b, "%.7s", s->commit.id);
	if (strncmp(s->commit.id, s->rev, strlen(s->rev)) != 0) {
		ldr_buf_addstr(b, " (");
		ldr_buf_addquoted(b, s->label ? s->label : s->rev, 60);
		ldr_buf_addch(b, ')');
	}
}

static void side_json(struct ldr_buf *b, struct ldr_repo *repo, const struct side *s)
{
	if (!s->rev) {
		ldr_buf_addstr(b, "{\"file\": ");
		cli_json_string(b, ldr_repo_file(repo));
		ldr_buf_addch(b, '}');
		return;
	}
	ldr_buf_addstr(b, "{\"rev\": ");
	cli_json_string(b, s->label ? s->label : s->rev);
	ldr_buf_addf(b, ", \"commit\": \"%s\", \"date\": \"", s->commit.id);
	ldr_date_iso(b, s->commit.time, s->commit.offset);
	ldr_buf_addstr(b, "\"}");
}

static void print_text(struct ldr_repo *repo, const struct side *a, const struct side *b,
		       const struct ldr_diff *d)
{
	struct ldr_buf out = LDR_BUF_INIT;

	if (!d->n)
		return;
	ldr_buf_addstr(&out, "from ");
	side_text(&out, repo, a);
	ldr_buf_addstr(&out, " to ");
	side_text(&out, repo, b);
	ldr_buf_addstr(&out, ":\n");
	hist_changes_text(&out, d);
	fputs(out.s, stdout);
	ldr_buf_release(&out);
}

static void print_json(struct ldr_repo *repo, const struct side *a, const struct side *b,
		       const struct ldr_diff *d)
{
	struct ldr_buf out = LDR_BUF_INIT;
	size_t i;

	ldr_buf_addstr(&out, "{\n  \"from\": ");
	side_json(&out, repo, a);
	ldr_buf_addstr(&out, ",\n  \"to\": ");
	side_json(&out, repo, b);
	ldr_buf_addstr(&out, ",\n  \"changes\": [");
	for (i = 0; i < d->n; i++) {
		ldr_buf_addstr(&out, i ? ",\n    " : "\n    ");
		hist_change_json(&out, &d->v[i]);
	}
	ldr_buf_addstr(&out, d->n ? "\n  ]\n}\n" : "]\n}\n");
	fputs(out.s, stdout);
	ldr_buf_release(&out);
}

/* The scenario's side: its branch, said as scenario/NAME (rev holds it). */
static int scenario_side(struct ldr_repo *repo, const char *name, struct side *s, struct ldr_buf *rev)
{
	struct ldr_scenario sc;
	struct ldr_buf err = LDR_BUF_INIT;
	int r = 0;

	if (ldr_scenario_find(repo, name, &sc, &err) < 0)
		r = cli_fail("diff", -1, err.s);
	ldr_scenario_release(&sc);
	ldr_buf_release(&err);
	ldr_buf_addf(rev, "refs/heads/" LDR_SCENARIO_BRANCH "%s", name);
	s->rev = rev->s;
	s->label = rev->s + strlen("refs/heads/");
	return r;
}

enum { OPT_JSON, OPT_SCENARIO };

static const struct cli_opt options[] = {
	{ "json", 0, 0, NULL, "{from, to, changes: [{change, id, kind, parent, title, field,\n"
	  "from, to, rephased: {months, quarters}}]}", OPT_JSON, NULL },
	{ "scenario", 0, 1, "NAME", "the scenario's commit as REV2 (ldr scenario)", OPT_SCENARIO,
	  "a scenario's name" },
};
const struct cli_options cli_diff_options = CLI_OPTIONS(options, 19);

struct diff_args {
	const char *pos[3]; /* [REV1 [REV2]] ROADMAP */
	const char *scenario;
	int n, json;
};

static int option(void *ctx, int id, const char *value)
{
	struct diff_args *a = ctx;

	if (id == OPT_JSON)
		a->json = 1;
	else if (id == OPT_SCENARIO)
		a->scenario = value;
	else if (a->n < 3)
		a->pos[a->n++] = value;
	else
		return cli_usage_error("diff", "too many arguments: at most two revisions and a roadmap");
	return 0;
}

int cmd_diff(int argc, char **argv)
{
	struct diff_args args;
	const char **pos = args.pos;
	struct side a, b;
	struct ldr_repo *repo = NULL;
	struct ldr_diff d;
	struct ldr_buf rev2 = LDR_BUF_INIT;
	int n, json, r;

	memset(&args, 0, sizeof(args));
	if ((r = cli_parse_options("diff", argc, argv, option, &args)))
		return r == CLI_HELP ? cli_help("diff") : r;
	n = args.n;
	json = args.json;
	if (!n)
		return cli_usage_error("diff", "no roadmap given");
	if (args.scenario && n > 2)
		return cli_usage_error("diff", "--scenario is the second side: give at most REV1 and the roadmap");
	if (args.scenario && (r = hist_scenario_name("diff", args.scenario)))
		return r;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	ldr_roadmap_init(&a.rm);
	ldr_roadmap_init(&b.rm);
	/* ROADMAP last; before it, REV1 (default HEAD) and REV2 (default the file). */
	a.rev = n > 1 ? pos[0] : "HEAD";
	b.rev = n > 2 ? pos[1] : NULL;
	if ((r = hist_open("diff", pos[n - 1], &repo)) ||
	    (args.scenario && (r = scenario_side(repo, args.scenario, &b, &rev2))) || (r = load_side(repo, &a)) ||
	    (r = load_side(repo, &b)))
		goto out;
	ldr_diff_roadmaps(&d, &a.rm, &b.rm);
	if (json)
		print_json(repo, &a, &b, &d);
	else
		print_text(repo, &a, &b, &d);
	ldr_diff_release(&d);
out:
	ldr_commit_release(&a.commit);
	ldr_commit_release(&b.commit);
	ldr_roadmap_release(&a.rm);
	ldr_roadmap_release(&b.rm);
	ldr_repo_free(repo);
	ldr_buf_release(&rev2);
	return r;
}
