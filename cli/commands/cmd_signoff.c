/* ldr signoff: record who approved which plan (an annotated tag on HEAD,
 * model/history/signoff.h says why a tag), or list the sign-offs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/history/repo.h"
#include "../../model/history/signoff.h"
#include "../cli.h"
#include "../history.h"

static int list(struct ldr_repo *repo)
{
	struct ldr_signoff *v;
	struct ldr_buf err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	size_t i, n;

	if (ldr_signoffs(repo, &v, &n, &err) < 0) {
		fprintf(stderr, "ldr signoff: %s\n", err.s);
		ldr_buf_release(&err);
		return LDR_EXIT_PARSE;
	}
	for (i = 0; i < n; i++) {
		ldr_buf_reset(&b);
		ldr_buf_addf(&b, "%.7s  ", v[i].commit);
		ldr_signoff_text(&b, &v[i]);
		ldr_buf_addstr(&b, "  (");
		ldr_buf_addquoted(&b, v[i].tag, 80);
		ldr_buf_addch(&b, ')');
		printf("%s\n", b.s);
	}
	if (!n)
		printf("no sign-off yet: 'ldr signoff ROADMAP --as ROLE' records one\n");
	ldr_signoffs_free(v, n);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return LDR_EXIT_OK;
}

static int sign(struct ldr_repo *repo, const char *role, const char *message, int flags)
{
	struct ldr_buf tag = LDR_BUF_INIT, err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	struct ldr_commit c;
	size_t errors;
	int r = ldr_signoff_record(repo, role, message, flags, &tag, &errors, &err);

	if (r < 0) {
		ldr_buf_release(&tag);
		r = cli_fail("signoff", r, err.s);
		ldr_buf_release(&err);
		return r;
	}
	memset(&c, 0, sizeof(c));
	if (ldr_repo_resolve(repo, tag.s, &c, &err) == 0) {
		ldr_buf_addstr(&b, "signed off ");
		ldr_buf_addf(&b, "%.7s as '", c.id);
		ldr_buf_addquoted(&b, role, LDR_ROLE_MAX);
		ldr_buf_addstr(&b, "': tag ");
		ldr_buf_addquoted(&b, tag.s, 80);
		printf("%s\n", b.s);
	}
	ldr_commit_release(&c);
	ldr_buf_release(&tag);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return LDR_EXIT_OK;
}

enum { OPT_AS, OPT_MESSAGE, OPT_FORCE, OPT_LIST };

static const struct cli_opt options[] = {
	{ "as", 0, 1, "ROLE", "the role approving, as in 'programme board'", OPT_AS, "a role" },
	{ "message", 'm', 1, "MSG", "what the approval says (a minute, a condition)", OPT_MESSAGE, "a message" },
	{ "force", 0, 0, NULL, "sign off even with changes not committed or errors", OPT_FORCE, NULL },
	{ "list", 0, 0, NULL, "every sign-off, oldest first", OPT_LIST, NULL },
};
const struct cli_options cli_signoff_options = CLI_OPTIONS(options, 18);

struct signoff_args {
	const char *roadmap, *role, *message;
	int flags, listing;
};

static int option(void *ctx, int id, const char *value)
{
	struct signoff_args *a = ctx;

	switch (id) {
	case OPT_AS: a->role = value; break;
	case OPT_MESSAGE: a->message = value; break;
	case OPT_FORCE: a->flags |= LDR_SIGNOFF_FORCE; break;
	case OPT_LIST: a->listing = 1; break;
	default:
		if (a->roadmap)
			return cli_usage_error("signoff", "one roadmap at a time");
		a->roadmap = value;
	}
	return 0;
}

int cmd_signoff(int argc, char **argv)
{
	struct signoff_args a;
	struct ldr_repo *repo = NULL;
	int r;

	memset(&a, 0, sizeof(a));
	if ((r = cli_parse_options("signoff", argc, argv, option, &a)))
		return r == CLI_HELP ? cli_help("signoff") : r;
	if (!a.roadmap)
		return cli_usage_error("signoff", "no roadmap given");
	if (a.listing && (a.role || a.message || a.flags))
		return cli_usage_error("signoff", "--list takes no --as, -m or --force");
	if (!a.listing && !a.role)
		return cli_usage_error("signoff", "who approves? give --as ROLE, as in --as 'programme board'");
	if ((r = hist_open("signoff", a.roadmap, &repo)))
		return r;
	r = a.listing ? list(repo) : sign(repo, a.role, a.message, a.flags);
	ldr_repo_free(repo);
	return r;
}
