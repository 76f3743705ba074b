/* ldr impact: what moves if something slips (model/rules/impact.h says how the
 * knock-on is worked out). It prints every move and why, and what the moves
 * break; --apply commits the whole knock-on as one change, its message
 * listing what moved. Without --apply nothing is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/rules/impact.h"
#include "../../model/history/repo.h"
#include "../../model/history/scenario.h"
#include "../cli.h"
#include "../history.h"

struct impact_args {
	const char *roadmap, *message, *scenario;
	const char **change;
	int n, json, apply;
};

enum { OPT_JSON, OPT_APPLY, OPT_MESSAGE, OPT_SCENARIO };

static const struct cli_opt options[] = {
	{ "json", 0, 0, NULL, "the moves and what they break as one JSON object", OPT_JSON, NULL },
	{ "apply", 0, 0, NULL, "commit the whole knock-on as one change, its message\n"
	  "listing every move", OPT_APPLY, NULL },
	{ "message", 'm', 1, "MSG", "the commit's subject (default: what was asked)", OPT_MESSAGE, "a message" },
	{ "scenario", 0, 1, "NAME", "move the scenario's roadmap instead of the plan's;\n"
	  "--apply commits on its branch (ldr scenario)", OPT_SCENARIO, "a scenario's name" },
};
const struct cli_options cli_impact_options = CLI_OPTIONS(options, 22);

static int option(void *ctx, int id, const char *value)
{
	struct impact_args *a = ctx;

	switch (id) {
	case OPT_JSON: a->json = 1; break;
	case OPT_APPLY: a->apply = 1; break;
	case OPT_MESSAGE: a->message = value; break;
	case OPT_SCENARIO: a->scenario = value; break;
	default:
		if (!a->roadmap)
			a->roadmap = value;
		else
			a->change[a->n++] = value;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct impact_args *a, int *help)
{
	int r;

	memset(a, 0, sizeof(*a));
	a->change = ldr_calloc((size_t)argc, sizeof(*a->change));
	r = cli_parse_options("impact", argc, argv, option, a);
	*help = r == CLI_HELP;
	if (r)
		return *help ? 0 : r;
	if (!a->roadmap)
		return cli_usage_error("impact", "no roadmap given");
	if (!a->n)
		return cli_usage_error("impact", "nothing moves: give ID.FIELD=VALUE, as in P12.end=+2Q");
	if (a->message && !a->apply)
		return cli_usage_error("impact", "-m is the message of --apply's commit");
	return a->scenario ? hist_scenario_name("impact", a->scenario) : 0;
}

/* "  P08 start 17/18 Q3 -> 18/19 Q1: 2 quarters later (depends on P12)". */
static void move_line(struct ldr_buf *b, const struct ldr_impact_move *m)
{
	ldr_buf_addstr(b, "  ");
	ldr_impact_move_line(b, m);
	ldr_buf_addch(b, '\n');
}

/* A note's text, quoted as untrusted text for the terminal. */
static void add_quoted(struct ldr_buf *b, const char *text)
{
	ldr_buf_addquoted(b, text, 300);
}

static void print_text(const struct ldr_impact *im, const struct impact_args *a)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;

	ldr_buf_addf(&b, "%zu move%s:\n", im->nmoves, im->nmoves == 1 ? "" : "s");
	for (i = 0; i < im->nmoves; i++)
		move_line(&b, &im->moves[i]);
	ldr_impact_notes_text(&b, im, add_quoted);
	if (!a->apply)
		ldr_buf_addstr(&b, "nothing written: --apply commits this as one change\n");
	fputs(b.s, stdout);
	ldr_buf_release(&b);
}

static void print_json(const struct ldr_impact *im)
{
	static const char *const why[] = { "asked", "depends_on", "delivered_by", "with" };
	static const char *const kinds[] = { "misses_year", "outside_project", "before_project", "horizon",
					     "delivered", "cycle" };
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;

	ldr_buf_addstr(&b, "{\n  \"moves\": [");
	for (i = 0; i < im->nmoves; i++) {
		const struct ldr_impact_move *m = &im->moves[i];
		ldr_buf_addstr(&b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		cli_json_string(&b, m->id);
		ldr_buf_addf(&b, ", \"kind\": \"%s\", \"field\": \"%s\", \"from\": ", m->kind->name, m->field);
		cli_json_time(&b, &m->from);
		ldr_buf_addstr(&b, ", \"to\": ");
		cli_json_time(&b, &m->to);
		ldr_buf_addf(&b, ", \"months\": %d, \"why\": \"%s\", \"by\": ",
			     ldr_time_last(&m->to) - ldr_time_last(&m->from), why[m->why]);
		if (m->by)
			cli_json_string(&b, m->by);
		else
			ldr_buf_addstr(&b, "null");
		ldr_buf_addch(&b, '}');
	}
	ldr_buf_addstr(&b, im->nmoves ? "\n  ],\n  \"notes\": [" : "],\n  \"notes\": [");
	for (i = 0; i < im->nnotes; i++) {
		ldr_buf_addf(&b, "%s{\"kind\": \"%s\", \"id\": ", i ? ",\n    " : "\n    ", kinds[im->notes[i].kind]);
		cli_json_string(&b, im->notes[i].id);
		ldr_buf_addstr(&b, ", \"text\": ");
		cli_json_string(&b, im->notes[i].text);
		ldr_buf_addch(&b, '}');
	}
	ldr_buf_addstr(&b, im->nnotes ? "\n  ]\n}\n" : "]\n}\n");
	fputs(b.s, stdout);
	ldr_buf_release(&b);
}

/* The commit: its subject, then every move. */
static void message(struct ldr_buf *m, const struct ldr_impact *im, const struct impact_args *a)
{
	int i;
	size_t k;

	if (a->message) {
		ldr_buf_addstr(m, a->message);
	} else {
		ldr_buf_addstr(m, "Impact of ");
		for (i = 0; i < a->n && i < 3; i++)
			ldr_buf_addf(m, "%s%s", i ? ", " : "", a->change[i]);
		ldr_buf_addf(m, "%s: %zu moved", a->n > 3 ? ", ..." : "", im->nmoves);
	}
	ldr_buf_addstr(m, "\n\n");
	for (k = 0; k < im->nmoves; k++)
		move_line(m, &im->moves[k]);
}

static int parse_changes(const struct impact_args *a, struct ldr_impact_change *c)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int i, r = 0;

	for (i = 0; i < a->n; i++)
		if (ldr_impact_change_parse(&c[i], a->change[i], &err) < 0) {
			fprintf(stderr, "ldr impact: %s\n", err.s);
			ldr_buf_reset(&err);
			r = LDR_EXIT_USAGE;
		}
	ldr_buf_release(&err);
	return r;
}

static int commit(struct ldr_repo *repo, struct ldr_roadmap *rm, struct ldr_loaded *st,
		  const struct ldr_scenario *sc, const struct ldr_impact *im, const struct impact_args *a)
{
	struct ldr_buf msg = LDR_BUF_INIT, id = LDR_BUF_INIT, err = LDR_BUF_INIT;
	int r = LDR_EXIT_OK;

	if (!im->nmoves) {
		printf("nothing to commit: nothing moved\n");
		return r;
	}
	message(&msg, im, a);
	if (sc->name)
		r = ldr_scenario_save(repo, sc->name, sc->tip, rm, msg.s, &id, &err);
	else
		r = ldr_repo_save(repo, rm, st, msg.s, &id, &err);
	if (r < 0) {
		r = cli_fail("impact", r, err.s);
	} else {
		r = LDR_EXIT_OK;
		if (sc->name)
			printf("committed %.7s on scenario '%s' (branch " LDR_SCENARIO_BRANCH "%s); the plan is "
			       "as it was\n", id.s, sc->name, sc->name);
		else
			printf("committed %.7s\n", id.s);
	}
	ldr_buf_release(&msg);
	ldr_buf_release(&id);
	ldr_buf_release(&err);
	return r;
}

/* The scenario's roadmap, at its branch's commit. */
static int load_scenario(const struct impact_args *a, struct ldr_repo *repo, struct ldr_roadmap *rm,
			 struct ldr_scenario *sc)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_commit c;
	int r;

	memset(&c, 0, sizeof(c));
	if (ldr_scenario_find(repo, a->scenario, sc, &err) < 0) {
		r = cli_fail("impact", -1, err.s);
		ldr_buf_release(&err);
		return r;
	}
	r = hist_load_rev("impact", repo, sc->tip, rm, &c);
	ldr_commit_release(&c);
	return r;
}

/* The roadmap: from its repository when the knock-on is to be committed,
 * or from the scenario's branch. */
static int load(const struct impact_args *a, struct ldr_repo **repo, struct ldr_roadmap *rm, struct ldr_loaded *st,
		struct ldr_scenario *sc)
{
	char *path = NULL;
	int r;

	if (!a->apply && !a->scenario) {
		r = cli_load(a->roadmap, rm, &path, NULL, NULL);
		free(path);
		return r;
	}
	ldr_roadmap_init(rm);
	if ((r = hist_open("impact", a->roadmap, repo)))
		return r;
	if (a->scenario)
		return load_scenario(a, *repo, rm, sc);
	return hist_load_repo("impact", *repo, rm, st);
}

int cmd_impact(int argc, char **argv)
{
	struct impact_args a;
	struct ldr_impact_change *c = NULL;
	struct ldr_impact im;
	struct ldr_repo *repo = NULL;
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_scenario sc;
	struct ldr_buf err = LDR_BUF_INIT;
	int help, i, r = parse_args(argc, argv, &a, &help);

	memset(&im, 0, sizeof(im));
	memset(&sc, 0, sizeof(sc));
	ldr_roadmap_init(&rm);
	if (help) {
		cli_print_help(stdout, cli_find("impact"));
		goto out;
	}
	c = ldr_calloc((size_t)a.n + 1, sizeof(*c));
	if (r || (r = parse_changes(&a, c)) || (r = load(&a, &repo, &rm, &st, &sc)))
		goto out;
	if (ldr_impact_run(&im, &rm, c, (size_t)a.n, &err) < 0) {
		fprintf(stderr, "ldr impact: %s\n", err.s);
		r = LDR_EXIT_USAGE;
		goto out;
	}
	if (a.json)
		print_json(&im);
	else
		print_text(&im, &a);
	if (a.apply)
		r = commit(repo, &rm, &st, &sc, &im, &a);
out:
	for (i = 0; c && i < a.n; i++)
		free((char *)c[i].id);
	free(c);
	free(a.change);
	ldr_impact_release(&im);
	ldr_roadmap_release(&rm);
	ldr_scenario_release(&sc);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
	return r;
}
