/* ldr log: the commits that changed the roadmap, newest first; with --record,
 * only those that changed one record, each with its field changes (who moved
 * C12 from 17/18 to 18/19, when, and why). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/date.h"
#include "../../model/roadmap/diff.h"
#include "../../model/roadmap/index.h"
#include "../../model/history/repo.h"
#include "../../model/history/signoff.h"
#include "../../model/history/versions.h"
#include "../cli.h"
#include "../history.h"

struct log_state {
	struct ldr_repo *repo;
	const char *record;
	const char *list; /* the top-level list the record is in now, or NULL */
	int json;
	struct ldr_tag *tags;
	size_t ntags;
	struct ldr_signoff *signoffs;
	size_t nsignoffs;
	struct ldr_versions versions;
	size_t shown;
	struct ldr_buf out;
};

static void tags_of(struct log_state *s, const char *commit, struct ldr_buf *b, int json)
{
	size_t i;
	int n = 0;

	for (i = 0; i < s->ntags; i++) {
		if (strcmp(s->tags[i].commit, commit) != 0 || (!json && ldr_tag_is_signoff(s->tags[i].name)))
			continue; /* said on a line of their own */
		if (json) {
			ldr_buf_addstr(b, n ? ", " : "");
			cli_json_string(b, s->tags[i].name);
		} else {
			ldr_buf_addstr(b, n ? ", " : " (");
			ldr_buf_addquoted(b, s->tags[i].name, 60);
		}
		n++;
	}
	if (n && !json)
		ldr_buf_addch(b, ')');
}

/* The sign-offs of a commit: a line each, or a JSON array. */
static void signoffs_of(struct log_state *s, const char *commit, struct ldr_buf *b, int json)
{
	size_t i;
	int n = 0;

	for (i = 0; i < s->nsignoffs; i++) {
		const struct ldr_signoff *so = &s->signoffs[i];
		if (strcmp(so->commit, commit) != 0)
			continue;
		if (!json) {
			ldr_buf_addstr(b, "    ");
			ldr_signoff_text(b, so);
			ldr_buf_addch(b, '\n');
			continue;
		}
		ldr_buf_addstr(b, n++ ? ", {\"tag\": " : ", \"signoffs\": [{\"tag\": ");
		cli_json_string(b, so->tag);
		ldr_buf_addstr(b, ", \"name\": ");
		cli_json_string(b, so->name);
		ldr_buf_addstr(b, ", \"email\": ");
		cli_json_string(b, so->email);
		ldr_buf_addstr(b, ", \"role\": ");
		cli_json_string(b, so->role);
		ldr_buf_addstr(b, ", \"date\": \"");
		ldr_date_iso(b, so->time, so->offset);
		ldr_buf_addstr(b, "\", \"message\": ");
		cli_json_string(b, so->message);
		ldr_buf_addch(b, '}');
	}
	if (n)
		ldr_buf_addch(b, ']');
}

static void show_text(struct log_state *s, const struct ldr_commit *c, const struct ldr_diff *d)
{
	struct ldr_buf *b = &s->out;
	size_t i;

	ldr_buf_addf(b, "%.7s", c->id);
	tags_of(s, c->id, b, 0);
	ldr_buf_addch(b, ' ');
	ldr_date_format(b, c->time, c->offset);
	ldr_buf_addch(b, ' ');
	ldr_buf_addquoted(b, c->author, 60);
	ldr_buf_addstr(b, ": ");
	hist_subject(b, c->message);
	ldr_buf_addch(b, '\n');
	signoffs_of(s, c->id, b, 0);
	for (i = 0; d && i < d->n; i++) {
		if (!ldr_change_about(&d->v[i], s->record))
			continue;
		ldr_buf_addstr(b, "    ");
		ldr_change_text(b, &d->v[i]);
		ldr_buf_addch(b, '\n');
	}
}

static void show_json(struct log_state *s, const struct ldr_commit *c, const struct ldr_diff *d)
{
	struct ldr_buf *b = &s->out;
	size_t i;
	int n = 0;

	ldr_buf_addstr(b, s->shown ? ",\n    {" : "\n    {");
	ldr_buf_addf(b, "\"commit\": \"%s\", \"author\": ", c->id);
	cli_json_string(b, c->author);
	ldr_buf_addstr(b, ", \"email\": ");
	cli_json_string(b, c->email);
	ldr_buf_addstr(b, ", \"date\": \"");
	ldr_date_iso(b, c->time, c->offset);
	ldr_buf_addf(b, "\", \"time\": %lld, \"tags\": [", c->time);
	tags_of(s, c->id, b, 1);
	ldr_buf_addstr(b, "]");
	signoffs_of(s, c->id, b, 1);
	ldr_buf_addstr(b, ", \"message\": ");
	cli_json_string(b, c->message);
	if (d) {
		ldr_buf_addstr(b, ", \"changes\": [");
		for (i = 0; i < d->n; i++) {
			if (!ldr_change_about(&d->v[i], s->record))
				continue;
			ldr_buf_addstr(b, n++ ? ",\n        " : "\n        ");
			hist_change_json(b, &d->v[i]);
		}
		ldr_buf_addstr(b, n ? "\n      ]" : "]");
	}
	ldr_buf_addch(b, '}');
}

static void show(struct log_state *s, const struct ldr_commit *c, const struct ldr_diff *d)
{
	if (s->json)
		show_json(s, c, d);
	else
		show_text(s, c, d);
	s->shown++;
	/* Print as we go, so that a long history starts at once. */
	if (s->out.len > 65536 || !s->json) {
		fwrite(s->out.s, 1, s->out.len, stdout);
		ldr_buf_reset(&s->out);
	}
}

static int one_commit(const struct ldr_commit *c, void *payload)
{
	struct log_state *s = payload;
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_diff d;
	int r;

	if (!s->record) {
		show(s, c, NULL);
		return 0;
	}
	r = ldr_versions_changes(&s->versions, c, s->record, s->list, &d, &err);
	if (r == -1)
		fprintf(stderr, "ldr log: %s\n", err.s);
	else if (r == -2 && err.len)
		fprintf(stderr, "%sldr log: %.7s: skipped: the roadmap does not parse there\n", err.s, c->id);
	else if (r == 1)
		show(s, c, &d);
	ldr_diff_release(&d);
	ldr_buf_release(&err);
	return r == -1 ? -1 : 0;
}

/* A gentle word when the record is not in the roadmap now (a typo?). */
static void check_record(struct log_state *s)
{
	struct ldr_roadmap rm;
	struct ldr_index ix;
	const struct ldr_ref *ref;
	struct ldr_buf b = LDR_BUF_INIT;
	const char **ids;
	const char *near;
	size_t i;

	if (hist_load_file("log", s->repo, &rm) != 0) {
		ldr_roadmap_release(&rm);
		return;
	}
	ldr_index_build(&ix, &rm);
	ref = ldr_index_find(&ix, s->record);
	s->list = ldr_record_list(&ix, s->record);
	if (!ref && strcmp(s->record, "footprint") != 0) {
		ids = ldr_calloc(ix.n, sizeof(*ids));
		for (i = 0; i < ix.n; i++)
			ids[i] = ldr_rec_id(ix.refs[i].kind, ix.refs[i].rec);
		near = ldr_suggest(s->record, ids, ix.n, sizeof(*ids));
		fprintf(stderr, "ldr log: no record '%s' in the roadmap now%s%s%s; its history follows, if any\n",
			cli_safe(s->record, &b), near ? " (did you mean '" : "", near ? near : "",
			near ? "'?)" : "");
		free(ids);
	}
	ldr_index_release(&ix);
	ldr_roadmap_release(&rm);
	ldr_buf_release(&b);
}

enum { OPT_RECORD, OPT_JSON };

static const struct cli_opt options[] = {
	{ "record", 0, 1, "ID", "only the commits that changed the record with this id (or a\n"
	  "record nested in it, as a project's milestones), each with\n"
	  "its field changes: old -> new, and how far a planned time\n"
	  "moved", OPT_RECORD, "a record's id, as in C12" },
	{ "json", 0, 0, NULL, "one JSON object: {file, record, commits: [{commit, author,\n"
	  "email, date, time, tags, signoffs (when any: tag, name,\n"
	  "email, role, date, message), message, changes}]}", OPT_JSON, NULL },
};
const struct cli_options cli_log_options = CLI_OPTIONS(options, 15);

struct log_args {
	struct log_state *s;
	const char *roadmap;
};

static int option(void *ctx, int id, const char *value)
{
	struct log_args *a = ctx;

	if (id == OPT_JSON)
		a->s->json = 1;
	else if (id == OPT_RECORD)
		a->s->record = value;
	else if (a->roadmap)
		return cli_usage_error("log", "one roadmap at a time");
	else
		a->roadmap = value;
	return 0;
}

int cmd_log(int argc, char **argv)
{
	struct log_state s;
	struct ldr_buf err = LDR_BUF_INIT;
	struct log_args a;
	const char *roadmap;
	int r;

	memset(&s, 0, sizeof(s));
	a.s = &s;
	a.roadmap = NULL;
	if ((r = cli_parse_options("log", argc, argv, option, &a)))
		return r == CLI_HELP ? cli_help("log") : r;
	if (!(roadmap = a.roadmap))
		return cli_usage_error("log", "no roadmap given");
	if ((r = hist_open("log", roadmap, &s.repo)))
		return r;
	if (ldr_repo_tags(s.repo, &s.tags, &s.ntags, &err) < 0 ||
	    ldr_signoffs(s.repo, &s.signoffs, &s.nsignoffs, &err) < 0) {
		fprintf(stderr, "ldr log: %s\n", err.s);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	if (s.record)
		check_record(&s);
	if (s.json) {
		ldr_buf_addstr(&s.out, "{\n  \"file\": ");
		cli_json_string(&s.out, ldr_repo_relpath(s.repo));
		ldr_buf_addstr(&s.out, ",\n  \"record\": ");
		if (s.record)
			cli_json_string(&s.out, s.record);
		else
			ldr_buf_addstr(&s.out, "null");
		ldr_buf_addstr(&s.out, ",\n  \"commits\": [");
	}
	ldr_versions_init(&s.versions, s.repo);
	if (ldr_repo_walk(s.repo, NULL, NULL, 0, one_commit, &s, &err) != 0) {
		if (err.len)
			fprintf(stderr, "ldr log: %s\n", err.s);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	if (s.json) {
		ldr_buf_addstr(&s.out, s.shown ? "\n  ]\n}\n" : "]\n}\n");
		fwrite(s.out.s, 1, s.out.len, stdout);
	}
	/* Its first commit shows all it holds as added: say why. */
	if (ldr_repo_is_shallow(s.repo)) {
		fflush(stdout);
		fprintf(stderr, "ldr log: note: %s; what it begins with shows as added\n", LDR_SHALLOW_HINT);
	}
out:
	ldr_versions_release(&s.versions);
	ldr_tags_free(s.tags, s.ntags);
	ldr_signoffs_free(s.signoffs, s.nsignoffs);
	ldr_repo_free(s.repo);
	ldr_buf_release(&s.out);
	ldr_buf_release(&err);
	return r;
}
