/* ldr init: a new roadmap repository, with the roadmap in canonical form as
 * its first commit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../../model/roadmap/file.h"
#include "../../model/history/repo.h"
#include "../../model/base/clock.h"
#include "../../model/base/write.h"
#include "../cli.h"

struct init_args {
	const char *dir, *from, *message;
	int force;
};

enum { OPT_FROM, OPT_FORCE, OPT_MESSAGE };

static const struct cli_opt options[] = {
	{ "from", 0, 1, "FILE", "the roadmap to start from (it is copied, not moved)", OPT_FROM, NULL },
	{ "force", 0, 0, NULL, "replace DIR/roadmap.yaml all the same, after committing it as\n"
	  "it is, so that it stays in the history", OPT_FORCE, NULL },
	{ NULL, 'm', 1, "MSG", "the first commit's message", OPT_MESSAGE, NULL },
};
const struct cli_options cli_init_options = CLI_OPTIONS(options, 15);

static int option(void *ctx, int id, const char *value)
{
	struct init_args *a = ctx;

	switch (id) {
	case OPT_FROM: a->from = value; break;
	case OPT_FORCE: a->force = 1; break;
	case OPT_MESSAGE: a->message = value; break;
	default:
		if (a->dir)
			return cli_usage_error("init", "one directory at a time");
		a->dir = value;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct init_args *a, int *help)
{
	int r;

	memset(a, 0, sizeof(*a));
	r = cli_parse_options("init", argc, argv, option, a);
	*help = r == CLI_HELP;
	if (r)
		return *help ? 0 : r;
	if (!a->dir)
		return cli_usage_error("init", "no directory given");
	return 0;
}

/* Whether two names are one file. */
static int same_file(const char *a, const char *b)
{
	struct stat x, y;
	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

static const char *base_name(const char *path)
{
	const char *end = path + strlen(path), *p;
	while (end > path + 1 && end[-1] == '/')
		end--;
	for (p = end; p > path && p[-1] != '/'; p--)
		;
	return p;
}

/* A roadmap to start from: the footprint named after the directory, five
 * financial years from this one (the guidance's horizon). */
static void template(struct ldr_roadmap *rm, const char *dir)
{
	const char *name = base_name(dir);
	time_t now = (time_t)ldr_now();
	struct tm tm;
	int fy;

	gmtime_r(&now, &tm);
	fy = ldr_time_fy_of_month(ldr_time_month(tm.tm_year + 1900, tm.tm_mon + 1).month);
	ldr_roadmap_init(rm);
	rm->format.v = LDR_FORMAT_VERSION;
	rm->format.set = 1;
	rm->footprint.name = ldr_strndup(name, strcspn(name, "/"));
	if (!*rm->footprint.name) {
		free(rm->footprint.name);
		rm->footprint.name = ldr_strdup("New footprint");
	}
	rm->footprint.start = ldr_time_year(fy);
	rm->footprint.end = ldr_time_year(fy + 4);
}

int cmd_init(int argc, char **argv)
{
	struct init_args a;
	struct ldr_roadmap rm;
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT, id = LDR_BUF_INIT, msg = LDR_BUF_INIT;
	struct ldr_buf b = LDR_BUF_INIT;
	struct ldr_repo *repo = NULL;
	struct stat st;
	char *path = NULL, *existing = NULL;
	int help, r = parse_args(argc, argv, &a, &help);

	if (help) {
		cli_print_help(stdout, cli_find("init"));
		return LDR_EXIT_OK;
	}
	if (r)
		return r;
	ldr_roadmap_init(&rm);
	existing = ldr_roadmap_path(a.dir);
	if (!a.from && stat(a.dir, &st) == 0 && S_ISDIR(st.st_mode) && stat(existing, &st) == 0)
		a.from = existing; /* the directory has a roadmap already: keep it */
	if (a.from) {
		size_t warnings = 0;
		r = cli_load(a.from, &rm, &path, NULL, &warnings);
		if (r)
			goto out;
		if (warnings && a.from == existing) {
			fprintf(stderr, "ldr init: %s: not rewritten, so that its comments are not lost: "
				"move them into 'notes' fields first\n", cli_safe(path, &b));
			r = LDR_EXIT_ERRORS;
			goto out;
		}
		ldr_buf_addf(&msg, "Start the roadmap from %s", base_name(path));
	} else {
		template(&rm, a.dir);
		ldr_buf_addstr(&msg, "Start the roadmap");
	}
	/* The roadmap there already is kept in the history when it is the one
	 * started from (its bytes, before the canonical form), or with --force. */
	if (ldr_roadmap_write(&rm, &text, &err) < 0 ||
	    (r = ldr_repo_init(&repo, a.dir, text.s, text.len, a.message ? a.message : msg.s,
			       a.force || (a.from && same_file(a.from, existing)), &id, &err)) < 0) {
		if (r == LDR_E_EXISTS)
			ldr_buf_addstr(&err, " (with --force it is committed first, so that it stays in the "
				       "history, then replaced)");
		r = cli_fail("init", r < 0 ? r : LDR_E_IO, err.s);
		goto out;
	}
	if (r > 0)
		fprintf(stderr, "ldr init: warning: %s\n", err.s);
	r = LDR_EXIT_OK;
	printf("%s/%s: committed %.7s\n", cli_safe(a.dir, &b), LDR_ROADMAP_FILE, id.s);
out:
	ldr_repo_free(repo);
	ldr_roadmap_release(&rm);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	ldr_buf_release(&id);
	ldr_buf_release(&msg);
	ldr_buf_release(&b);
	free(path);
	free(existing);
	return r;
}
