#include "history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/date.h"
#include "../model/diag.h"
#include "../model/file.h"
#include "../model/timeline.h"
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
	struct ldr_diag diag;
	int r;

	ldr_diag_init(&diag, name);
	r = ldr_roadmap_read(rm, text->s ? text->s : "", text->len, &diag);
	/* Warnings (comments) are the file's business, not the history's. */
	if (r < 0)
		ldr_diag_print(&diag, stderr);
	ldr_diag_release(&diag);
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

void hist_subject(struct ldr_buf *b, const char *message)
{
	size_t n = strcspn(message, "\n");
	char *s = ldr_strndup(message, n);
	ldr_buf_addquoted(b, s, 200);
	free(s);
}

/* A value for one line: quoted text cut short, or "(none)". */
static void value_text(struct ldr_buf *b, const char *v, int quote)
{
	if (!v) {
		ldr_buf_addstr(b, "(none)");
		return;
	}
	if (quote)
		ldr_buf_addch(b, '\'');
	ldr_buf_addquoted(b, v, 60);
	if (quote)
		ldr_buf_addch(b, '\'');
}

/* Text values are quoted; times, ids, names of values are not. */
static int quoted_field(const struct ldr_change *c)
{
	const char *dot = strrchr(c->field, '.');
	const char *name = dot ? dot + 1 : c->field;
	int fi = ldr_kind_field(c->kind, name);
	enum ldr_ftype t;

	if (fi < 0 || strchr(c->field, '['))
		return 1;
	t = c->kind->fields[fi].type;
	return strncmp(c->field, "attributes.", 11) == 0 || strncmp(c->field, "derived.", 8) == 0 ||
	       t == LDR_F_STR || t == LDR_F_TEXT;
}

static void shift_text(struct ldr_buf *b, const struct ldr_change *c)
{
	int q = c->quarters < 0 ? -c->quarters : c->quarters;
	int m = c->months < 0 ? -c->months : c->months;

	if (q)
		ldr_buf_addf(b, " (re-phased %d quarter%s %s)", q, q == 1 ? "" : "s",
			     c->quarters > 0 ? "later" : "earlier");
	else
		ldr_buf_addf(b, " (re-phased %d month%s %s, in the same quarter)", m, m == 1 ? "" : "s",
			     c->months > 0 ? "later" : "earlier");
}

void hist_change_text(struct ldr_buf *b, const struct ldr_change *c)
{
	ldr_buf_addstr(b, c->id);
	if (c->type != LDR_CHANGE_CHANGED) {
		ldr_buf_addf(b, " %s: %s", ldr_change_type_name(c->type), c->kind->name);
		if (c->title) {
			ldr_buf_addstr(b, " '");
			ldr_buf_addquoted(b, c->title, 60);
			ldr_buf_addch(b, '\'');
		}
		return;
	}
	/* The path may hold an attribute's name: untrusted text too. */
	ldr_buf_addch(b, ' ');
	ldr_buf_addquoted(b, c->field, 80);
	ldr_buf_addstr(b, ": ");
	value_text(b, c->from, c->from && quoted_field(c));
	ldr_buf_addstr(b, " -> ");
	value_text(b, c->to, c->to && quoted_field(c));
	if (c->rephased)
		shift_text(b, c);
}

static void json_value(struct ldr_buf *b, const char *v)
{
	if (v)
		cli_json_string(b, v);
	else
		ldr_buf_addstr(b, "null");
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
