#include "history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/date.h"
#include "../model/base/diag.h"
#include "../model/roadmap/file.h"
#include "../model/roadmap/timeline.h"
#include "../model/history/scenario.h"
#include "../model/history/versions.h"
#include "cli.h"

int hist_open(const char *cmd, const char *arg, struct ldr_repo **repo)
{
	struct ldr_buf err = LDR_BUF_INIT;

	if (ldr_repo_open(repo, arg, &err) < 0) {
		fprintf(stderr, "ldr %s: %s\n", cmd, err.s);
		ldr_buf_release(&err);
		return LDR_EXIT_PARSE;
	}
	return 0;
}

int hist_parse(const char *name, const struct ldr_buf *text, struct ldr_roadmap *rm)
{
	struct ldr_buf errors = LDR_BUF_INIT;
	int r = ldr_version_parse(rm, name, text, &errors);

	if (errors.len)
		fputs(errors.s, stderr);
	ldr_buf_release(&errors);
	return r < 0 ? LDR_EXIT_PARSE : 0;
}

int hist_load_rev(const char *cmd, struct ldr_repo *repo, const char *rev, struct ldr_roadmap *rm,
		  struct ldr_commit *c)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT, name = LDR_BUF_INIT;
	int r;

	ldr_roadmap_init(rm);
	if (ldr_repo_read_rev(repo, rev, &text, c, &err) < 0) {
		fprintf(stderr, "ldr %s: %s\n", cmd, err.s);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	ldr_buf_addf(&name, "%.7s:%s", c->id, ldr_repo_relpath(repo));
	r = hist_parse(name.s, &text, rm);
out:
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	ldr_buf_release(&name);
	return r;
}

int hist_load_repo(const char *cmd, struct ldr_repo *repo, struct ldr_roadmap *rm, struct ldr_loaded *st)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_diag diag;
	int r = 0;

	ldr_diag_init(&diag, ldr_repo_file(repo));
	if (ldr_repo_load(repo, rm, st, &diag, &err) < 0) {
		ldr_diag_print(&diag, stderr);
		if (err.len)
			fprintf(stderr, "ldr %s: %s\n", cmd, err.s);
		r = LDR_EXIT_PARSE;
	}
	ldr_diag_release(&diag);
	ldr_buf_release(&err);
	return r;
}

int hist_load_file(const char *cmd, struct ldr_repo *repo, struct ldr_roadmap *rm)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	int r;

	ldr_roadmap_init(rm);
	if (ldr_file_read(ldr_repo_file(repo), &text, &err) < 0) {
		fprintf(stderr, "ldr %s: %s\n", cmd, err.s);
		r = LDR_EXIT_PARSE;
	} else {
		r = hist_parse(ldr_repo_file(repo), &text, rm);
	}
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	return r;
}

int hist_scenario_name(const char *cmd, const char *name)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int r = 0;

	if (ldr_scenario_name_check(name, &err) < 0)
		r = cli_usage_error(cmd, "%s", err.s);
	ldr_buf_release(&err);
	return r;
}

void hist_subject(struct ldr_buf *b, const char *message)
{
	size_t n = strcspn(message, "\n");
	char *s = ldr_strndup(message, n);
	ldr_buf_addquoted(b, s, 200);
	free(s);
}

static void json_value(struct ldr_buf *b, const char *v)
{
	if (v)
		cli_json_string(b, v);
	else
		ldr_buf_addstr(b, "null");
}

void hist_changes_text(struct ldr_buf *out, const struct ldr_diff *d)
{
	size_t i, n[3] = { 0, 0, 0 }, rephased = 0;

	for (i = 0; i < d->n; i++) {
		ldr_buf_addstr(out, "  ");
		ldr_change_text(out, &d->v[i]);
		ldr_buf_addch(out, '\n');
		n[d->v[i].type]++;
		rephased += d->v[i].rephased;
	}
	ldr_buf_addf(out, "%zu change%s: %zu added, %zu removed, %zu changed (%zu re-phased)\n", d->n,
		     d->n == 1 ? "" : "s", n[LDR_CHANGE_ADDED], n[LDR_CHANGE_REMOVED], n[LDR_CHANGE_CHANGED],
		     rephased);
}

void hist_change_json(struct ldr_buf *b, const struct ldr_change *c)
{
	ldr_buf_addstr(b, "{\"change\": ");
	cli_json_string(b, ldr_change_type_name(c->type));
	ldr_buf_addstr(b, ", \"id\": ");
	cli_json_string(b, c->id);
	ldr_buf_addstr(b, ", \"kind\": ");
	cli_json_string(b, c->kind->name);
	ldr_buf_addstr(b, ", \"parent\": ");
	json_value(b, c->parent);
	ldr_buf_addstr(b, ", \"title\": ");
	json_value(b, c->title);
	if (c->type == LDR_CHANGE_CHANGED) {
		ldr_buf_addstr(b, ", \"field\": ");
		cli_json_string(b, c->field);
		ldr_buf_addstr(b, ", \"from\": ");
		json_value(b, c->from);
		ldr_buf_addstr(b, ", \"to\": ");
		json_value(b, c->to);
		if (c->rephased)
			ldr_buf_addf(b, ", \"rephased\": {\"months\": %d, \"quarters\": %d}", c->months,
				     c->quarters);
	}
	ldr_buf_addch(b, '}');
}
