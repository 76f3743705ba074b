/* ldr set: change fields from the command line, check the result as a file
 * is checked, save and commit it: the scriptable twin of editing in the TUI. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/rules/check.h"
#include "../../model/base/diag.h"
#include "../../model/roadmap/diff.h"
#include "../../model/roadmap/edit.h"
#include "../../model/roadmap/file.h"
#include "../../model/history/repo.h"
#include "../../model/roadmap/schema.h"
#include "../../model/history/sync.h"
#include "../cli.h"
#include "../history.h"

#define SUBJECT_MAX 72

struct set_args {
	const char *roadmap, *message;
	const char **assign;
	int n;
};

enum { OPT_MESSAGE };

static const struct cli_opt options[] = {
	{ "message", 'm', 1, "MSG", "the commit message (default: what was set)", OPT_MESSAGE, "a message" },
};
const struct cli_options cli_set_options = CLI_OPTIONS(options, 21);

static int option(void *ctx, int id, const char *value)
{
	struct set_args *a = ctx;

	if (id == OPT_MESSAGE)
		a->message = value;
	else if (!a->roadmap)
		a->roadmap = value;
	else
		a->assign[a->n++] = value;
	return 0;
}

static int parse_args(int argc, char **argv, struct set_args *a, int *help)
{
	int r;

	memset(a, 0, sizeof(*a));
	a->assign = ldr_calloc((size_t)argc, sizeof(*a->assign));
	r = cli_parse_options("set", argc, argv, option, a);
	*help = r == CLI_HELP;
	if (r)
		return *help ? 0 : r;
	if (!a->roadmap)
		return cli_usage_error("set", "no roadmap given");
	if (!a->n)
		return cli_usage_error("set", "nothing to set: give ID.FIELD=VALUE, as in P08.start=17/18");
	return 0;
}

/* "Set P08.start to 17/18, C12.year to 18/19", kept to one short line. */
static void default_message(struct ldr_buf *m, const struct set_args *a)
{
	struct ldr_buf s = LDR_BUF_INIT;
	int i;

	for (i = 0; i < a->n; i++) {
		const char *eq = strchr(a->assign[i], '=');
		ldr_buf_addstr(&s, i ? ", " : "");
		if (!eq[1]) {
			ldr_buf_addstr(&s, "clear ");
			ldr_buf_add(&s, a->assign[i], (size_t)(eq - a->assign[i]));
		} else {
			ldr_buf_add(&s, a->assign[i], (size_t)(eq - a->assign[i]));
			ldr_buf_addstr(&s, " to ");
			ldr_buf_addquoted(&s, eq + 1, 30);
		}
	}
	if (s.len + 4 > SUBJECT_MAX) {
		ldr_buf_reset(&s);
		for (i = 0; i < a->n; i++) {
			const char *eq = strchr(a->assign[i], '=');
			ldr_buf_addstr(&s, i ? ", " : "");
			ldr_buf_add(&s, a->assign[i], (size_t)(eq - a->assign[i]));
		}
	}
	if (s.len + 4 > SUBJECT_MAX) {
		ldr_buf_reset(&s);
		ldr_buf_addf(&s, "%d fields", a->n);
	}
	ldr_buf_addf(m, "Set %s", s.s);
	if (m->s[4] == 'c' && !strncmp(m->s, "Set clear ", 10)) {
		/* "Set clear X" reads badly: "Clear X". */
		memmove(m->s, m->s + 4, m->len - 3);
		m->len -= 4;
		m->s[0] = 'C';
	}
	ldr_buf_addstr(m, "\n\n");
	for (i = 0; i < a->n; i++) {
		ldr_buf_addquoted(m, a->assign[i], 200);
		ldr_buf_addch(m, '\n');
	}
	ldr_buf_release(&s);
}

static int apply(struct ldr_roadmap *rm, const struct set_args *a)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int i, r = LDR_EXIT_OK;

	for (i = 0; i < a->n; i++) {
		int e;
		ldr_buf_reset(&err);
		e = ldr_edit_assign(rm, a->assign[i], &err);
		if (e == 0)
			continue;
		fprintf(stderr, "ldr set: %s\n", err.s);
		if (e == -2)
			r = LDR_EXIT_USAGE;
		else if (r == LDR_EXIT_OK)
			r = LDR_EXIT_ERRORS;
	}
	ldr_buf_release(&err);
	return r;
}

static void show(const struct ldr_roadmap *before, const struct ldr_roadmap *after, const char *id,
		 const char *message)
{
	struct ldr_diff d;
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;

	printf("%.7s ", id);
	hist_subject(&b, message);
	printf("%s\n", b.s);
	ldr_diff_roadmaps(&d, before, after);
	for (i = 0; i < d.n; i++) {
		ldr_buf_reset(&b);
		ldr_change_text(&b, &d.v[i]);
		printf("  %s\n", b.s);
	}
	ldr_diff_release(&d);
	ldr_buf_release(&b);
}

/* What the change broke: errors of the checks that the roadmap did not have
 * before it (by what they are about, not their words), on standard error.
 * The change is saved all the same, and the exit status stays 0: it did
 * what it was asked, and a script's next 'ldr set' may mend it. */
static void report_breaks(const struct ldr_roadmap *before, const struct ldr_roadmap *after, const char *path)
{
	struct ldr_check_opts o;
	struct ldr_findings f;
	struct ldr_buf b = LDR_BUF_INIT, text = LDR_BUF_INIT;
	struct ldr_roadmap saved;
	struct ldr_diag d;
	size_t i;

	/* The file as saved, read again: its findings have the lines the
	 * changed values are on now. */
	ldr_roadmap_init(&saved);
	ldr_diag_init(&d, path);
	if (ldr_file_read(path, &text, &b) == 0 && ldr_roadmap_read(&saved, text.s, text.len, &d) == 0)
		after = &saved;
	ldr_buf_reset(&b);
	memset(&o, 0, sizeof(o));
	o.as_of = ldr_check_as_of(after);
	ldr_check_new_errors(after, before, before, &o, &f);
	if (f.n) {
		fflush(stdout); /* after the changes, where both go to one place */
		fprintf(stderr, "ldr set: warning: the change breaks the schedule ('ldr check' lists "
			"every problem):\n");
		for (i = 0; i < f.n; i++)
			cli_print_finding(stderr, cli_safe(path, &b), &f.v[i]);
	}
	ldr_findings_release(&f);
	ldr_roadmap_release(&saved);
	ldr_diag_release(&d);
	ldr_buf_release(&text);
	ldr_buf_release(&b);
}

/* The values asked for hold in the file but not in HEAD: a save wrote the
 * file and could not commit it (LDR_E_NOCOMMIT: a branch lock, a full
 * disk). Asked again, ldr commits them, as the first save meant to: before
 * becomes HEAD's roadmap, so that the changes shown are the commit's. */
static int uncommitted_retry(struct ldr_repo *repo, const struct ldr_loaded *st, struct ldr_roadmap *before)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_roadmap head;
	struct ldr_commit c;
	struct ldr_diag d;
	int retry = 0;

	if (st->merging[0] || !st->committed[0] || !ldr_loaded_dirty(st))
		return 0;
	ldr_roadmap_init(&head);
	ldr_diag_init(&d, ldr_repo_file(repo));
	memset(&c, 0, sizeof(c));
	if (ldr_repo_read_rev(repo, "HEAD", &text, &c, &err) == 0 &&
	    ldr_roadmap_read(&head, text.s, text.len, &d) == 0 && !ldr_roadmap_equal(&head, before)) {
		ldr_roadmap_release(before);
		*before = head;
		ldr_roadmap_init(&head);
		retry = 1;
	}
	ldr_commit_release(&c);
	ldr_roadmap_release(&head);
	ldr_diag_release(&d);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	return retry;
}

int cmd_set(int argc, char **argv)
{
	struct set_args a;
	struct ldr_repo *repo = NULL;
	struct ldr_roadmap rm, before;
	struct ldr_loaded st;
	struct ldr_buf err = LDR_BUF_INIT, id = LDR_BUF_INIT, msg = LDR_BUF_INIT, b = LDR_BUF_INIT;
	char merging[sizeof(st.merging)];
	int help, retry = 0, dirty, r = parse_args(argc, argv, &a, &help);

	ldr_roadmap_init(&rm);
	ldr_roadmap_init(&before);
	if (help) {
		cli_print_help(stdout, cli_find("set"));
		goto out;
	}
	if (r || (r = hist_open("set", a.roadmap, &repo)) || (r = hist_load_repo("set", repo, &rm, &st)))
		goto out;
	ldr_rec_copy(&ldr_kind_roadmap, &before, &rm);
	if ((r = apply(&rm, &a)))
		goto out;
	if (ldr_roadmap_equal(&before, &rm) && !(retry = uncommitted_retry(repo, &st, &before))) {
		printf("nothing to change: %s holds these values already\n",
		       cli_safe(ldr_repo_file(repo), &b));
		goto out;
	}
	if (a.message)
		ldr_buf_addstr(&msg, a.message);
	else
		default_message(&msg, &a);
	snprintf(merging, sizeof(merging), "%s", st.merging);
	dirty = ldr_loaded_dirty(&st) && st.committed[0];
	r = ldr_repo_save(repo, &rm, &st, msg.s, &id, &err);
	if (r < 0) {
		r = cli_fail("set", r, err.s);
		goto out;
	}
	/* Said once the commit is made: a refused save commits nothing. */
	if (retry)
		fprintf(stderr, "ldr set: note: %s held these values already, saved but not committed "
			"(a save whose commit failed?): they are committed now\n",
			cli_safe(ldr_repo_file(repo), &b));
	else if (merging[0])
		fprintf(stderr, "ldr set: note: this commit concludes the merge of %.7s\n", merging);
	else if (dirty)
		fprintf(stderr, "ldr set: note: %s had changes not committed; this commit includes them\n",
			cli_safe(ldr_repo_file(repo), &b));
	if (r > 0)
		fprintf(stderr, "ldr set: warning: %s\n", err.s);
	r = LDR_EXIT_OK;
	show(&before, &rm, id.s, msg.s);
	report_breaks(&before, &rm, ldr_repo_file(repo));
out:
	free(a.assign);
	ldr_repo_free(repo);
	ldr_roadmap_release(&rm);
	ldr_roadmap_release(&before);
	ldr_buf_release(&err);
	ldr_buf_release(&id);
	ldr_buf_release(&msg);
	ldr_buf_release(&b);
	return r;
}
