/* ldr scenario: what-ifs kept as branches, scenario/NAME, beside the plan
 * (model/history/scenario.h): made from the plan's commit, listed with
 * where they stand, compared with the plan, dropped. 'ldr impact --apply
 * --scenario' commits on one; 'ldr merge scenario/NAME' brings one into
 * the plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/base/diag.h"
#include "../../model/roadmap/date.h"
#include "../../model/roadmap/diff.h"
#include "../../model/history/scenario.h"
#include "../cli.h"
#include "../history.h"

enum { OPT_FORCE, OPT_JSON };

static const struct cli_opt options[] = {
	{ "force", 0, 0, NULL, "drop: even a scenario with commits the plan does not have", OPT_FORCE, NULL },
	{ "json", 0, 0, NULL, "list: [{name, branch, commit, date, age_days, base, ahead,\n"
	  "behind, subject}]", OPT_JSON, NULL },
};
const struct cli_options cli_scenario_options = CLI_OPTIONS(options, 10);

struct scenario_args {
	const char *pos[3]; /* ACTION [NAME] [ROADMAP] */
	int n, force, json;
};

static int option(void *ctx, int id, const char *value)
{
	struct scenario_args *a = ctx;

	if (id == OPT_FORCE)
		a->force = 1;
	else if (id == OPT_JSON)
		a->json = 1;
	else if (a->n < 3)
		a->pos[a->n++] = value;
	else
		return cli_usage_error("scenario", "too many arguments");
	return 0;
}

/* "ldr scenario: MESSAGE" for a failure of the model: its exit status. */
static int failed(int code, const struct ldr_buf *err)
{
	return cli_fail("scenario", code, err->s);
}

static void plural(struct ldr_buf *b, size_t n, const char *what)
{
	ldr_buf_addf(b, "%zu %s%s", n, what, n == 1 ? "" : "s");
}

/* "p12-slips  1a2b3c4  2016-06-02 (3 days ago)  1 commit ahead of the plan, 0 behind: 'subject'" */
static void list_line(struct ldr_buf *b, const struct ldr_scenario *s)
{
	long age = ldr_scenario_age_days(s);
	size_t day;

	ldr_buf_addquoted(b, s->name, 80);
	ldr_buf_addf(b, "  %.7s  ", s->tip);
	day = b->len;
	ldr_date_format(b, s->time, s->offset);
	b->len = day + 10; /* the day only */
	b->s[b->len] = '\0';
	ldr_buf_addf(b, " (%ld day%s ago)  ", age, age == 1 ? "" : "s");
	if (!s->base[0]) {
		ldr_buf_addstr(b, "no history in common with the plan");
	} else {
		plural(b, s->ahead, "commit");
		ldr_buf_addf(b, " ahead of the plan, %zu behind", s->behind);
	}
	ldr_buf_addstr(b, ": ");
	hist_subject(b, s->subject);
	ldr_buf_addch(b, '\n');
}

static void list_json(struct ldr_buf *b, const struct ldr_scenario *v, size_t n)
{
	struct ldr_buf branch = LDR_BUF_INIT;
	size_t i;

	ldr_buf_addch(b, '[');
	for (i = 0; i < n; i++) {
		ldr_buf_addstr(b, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
		cli_json_string(b, v[i].name);
		ldr_buf_reset(&branch);
		ldr_buf_addf(&branch, LDR_SCENARIO_BRANCH "%s", v[i].name);
		ldr_buf_addstr(b, ", \"branch\": ");
		cli_json_string(b, branch.s);
		ldr_buf_addf(b, ", \"commit\": \"%s\", \"date\": \"", v[i].tip);
		ldr_date_iso(b, v[i].time, v[i].offset);
		ldr_buf_addf(b, "\", \"age_days\": %ld, \"base\": ", ldr_scenario_age_days(&v[i]));
		if (v[i].base[0])
			ldr_buf_addf(b, "\"%s\"", v[i].base);
		else
			ldr_buf_addstr(b, "null");
		ldr_buf_addf(b, ", \"ahead\": %zu, \"behind\": %zu, \"subject\": ", v[i].ahead, v[i].behind);
		cli_json_string(b, v[i].subject);
		ldr_buf_addch(b, '}');
	}
	ldr_buf_addstr(b, n ? "\n]\n" : "]\n");
	ldr_buf_release(&branch);
}

static int do_list(struct ldr_repo *repo, int json)
{
	struct ldr_scenario *v = NULL;
	struct ldr_buf b = LDR_BUF_INIT, err = LDR_BUF_INIT;
	size_t i, n = 0;
	int r = LDR_EXIT_OK;

	if (ldr_scenario_list(repo, &v, &n, &err) < 0) {
		r = failed(-1, &err);
	} else {
		if (json)
			list_json(&b, v, n);
		for (i = 0; !json && i < n; i++)
			list_line(&b, &v[i]);
		fputs(n || json ? b.s : "no scenarios: 'ldr scenario new NAME' makes one\n", stdout);
	}
	ldr_scenarios_free(v, n);
	ldr_buf_release(&b);
	ldr_buf_release(&err);
	return r;
}

/* Changes not committed stay in the file: said, since the scenario is the
 * plan as committed. */
static void note_dirty(struct ldr_repo *repo)
{
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_diag diag;
	struct ldr_buf err = LDR_BUF_INIT, b = LDR_BUF_INIT;

	ldr_diag_init(&diag, ldr_repo_file(repo));
	if (ldr_repo_load(repo, &rm, &st, &diag, &err) == 0 && ldr_loaded_dirty(&st))
		fprintf(stderr, "ldr scenario: note: %s has changes not committed; the scenario is the plan "
			"as committed, without them\n", cli_safe(ldr_repo_file(repo), &b));
	ldr_roadmap_release(&rm);
	ldr_diag_release(&diag);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
}

static int do_new(struct ldr_repo *repo, const char *name)
{
	struct ldr_scenario s;
	struct ldr_buf err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	int r = ldr_scenario_new(repo, name, &s, &err);

	if (r < 0) {
		r = failed(r, &err);
	} else {
		printf("made scenario '%s' (branch " LDR_SCENARIO_BRANCH "%s) at the plan's commit %.7s: "
		       "'ldr impact --apply --scenario %s' changes it, the plan stays as it is\n",
		       name, name, s.tip, name);
		note_dirty(repo);
		r = LDR_EXIT_OK;
	}
	ldr_scenario_release(&s);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return r;
}

static int do_drop(struct ldr_repo *repo, const char *name, int force)
{
	struct ldr_scenario s;
	struct ldr_buf err = LDR_BUF_INIT;
	int r = ldr_scenario_drop(repo, name, force, &s, &err);

	if (r < 0) {
		r = failed(r, &err);
	} else if (s.ahead) {
		printf("dropped scenario '%s' at %.7s, and its %zu commit%s the plan does not have "
		       "('git branch " LDR_SCENARIO_BRANCH "%s %.7s' brings it back while git keeps them)\n",
		       name, s.tip, s.ahead, s.ahead == 1 ? "" : "s", name, s.tip);
	} else {
		printf("dropped scenario '%s' at %.7s (the plan has all its commits)\n", name, s.tip);
	}
	ldr_scenario_release(&s);
	ldr_buf_release(&err);
	return r;
}

/* What the scenario changes: from where it left the plan to its tip. */
static int do_diff(struct ldr_repo *repo, const char *name)
{
	struct ldr_scenario s;
	struct ldr_roadmap from, to;
	struct ldr_commit cf, ct;
	struct ldr_buf err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	struct ldr_diff d;
	int r;

	memset(&cf, 0, sizeof(cf));
	memset(&ct, 0, sizeof(ct));
	ldr_roadmap_init(&from);
	ldr_roadmap_init(&to);
	if ((r = ldr_scenario_find(repo, name, &s, &err)) < 0) {
		r = failed(r, &err);
		goto out;
	}
	if (!s.base[0]) {
		r = cli_fail("scenario", -1, "the scenario has no history in common with the plan: "
			     "'ldr diff REV " LDR_SCENARIO_BRANCH "NAME ROADMAP' compares any two");
		goto out;
	}
	if ((r = hist_load_rev("scenario", repo, s.base, &from, &cf)) ||
	    (r = hist_load_rev("scenario", repo, s.tip, &to, &ct)))
		goto out;
	ldr_diff_roadmaps(&d, &from, &to);
	ldr_buf_addf(&b, "scenario '%s' (%.7s) against the plan where it began (%.7s):\n", name, s.tip, s.base);
	if (d.n)
		hist_changes_text(&b, &d);
	else
		ldr_buf_addstr(&b, "  no change: the scenario is the plan as it was\n");
	if (s.behind) {
		ldr_buf_addstr(&b, "the plan has ");
		plural(&b, s.behind, "commit");
		ldr_buf_addf(&b, " since: 'ldr diff --scenario %s ROADMAP' compares with the plan as it is\n", name);
	}
	fputs(b.s, stdout);
	ldr_diff_release(&d);
out:
	ldr_scenario_release(&s);
	ldr_commit_release(&cf);
	ldr_commit_release(&ct);
	ldr_roadmap_release(&from);
	ldr_roadmap_release(&to);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return r;
}

/* The actions, and how many operands each takes before the roadmap. */
static const struct {
	const char *name;
	int names;
} actions[] = { { "new", 1 }, { "list", 0 }, { "diff", 1 }, { "drop", 1 } };

static int check_args(const struct scenario_args *a, int *action)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;
	int r = 0;

	if (!a->n)
		return cli_usage_error("scenario", "no action given: new, list, diff or drop");
	for (i = 0; i < LDR_ARRAY_SIZE(actions) && strcmp(actions[i].name, a->pos[0]); i++)
		;
	if (i == LDR_ARRAY_SIZE(actions))
		r = cli_usage_error("scenario", "unknown action '%s': new, list, diff or drop", cli_safe(a->pos[0], &b));
	else if (a->n < 1 + actions[i].names)
		r = cli_usage_error("scenario", "%s: no scenario named, as in 'ldr scenario %s p12-slips'",
				    actions[i].name, actions[i].name);
	else if (a->n > 2 + actions[i].names)
		r = cli_usage_error("scenario", "%s: too many arguments", actions[i].name);
	else if (a->force && strcmp(actions[i].name, "drop"))
		r = cli_usage_error("scenario", "--force is for drop");
	else if (a->json && strcmp(actions[i].name, "list"))
		r = cli_usage_error("scenario", "--json is for list");
	else if (actions[i].names)
		r = hist_scenario_name("scenario", a->pos[1]);
	*action = (int)i;
	ldr_buf_release(&b);
	return r;
}

int cmd_scenario(int argc, char **argv)
{
	struct scenario_args a;
	struct ldr_repo *repo = NULL;
	const char *name, *roadmap;
	int action = 0, r;

	memset(&a, 0, sizeof(a));
	if ((r = cli_parse_options("scenario", argc, argv, option, &a)))
		return r == CLI_HELP ? cli_help("scenario") : r;
	if ((r = check_args(&a, &action)))
		return r;
	name = actions[action].names ? a.pos[1] : NULL;
	roadmap = a.n > 1 + actions[action].names ? a.pos[1 + actions[action].names] : ".";
	if ((r = hist_open("scenario", roadmap, &repo)))
		return r;
	switch (action) {
	case 0: r = do_new(repo, name); break;
	case 1: r = do_list(repo, a.json); break;
	case 2: r = do_diff(repo, name); break;
	default: r = do_drop(repo, name, a.force); break;
	}
	ldr_repo_free(repo);
	return r;
}
