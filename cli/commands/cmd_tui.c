/* ldr [ROADMAP]: the terminal interface. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../export/base/export.h"
#include "../../model/roadmap/file.h"
#include "../../tui/app.h"
#include "../../tui/commands.h"
#include "../../tui/keymap.h"
#include "../cli.h"

/* The interface's ':export', ':report', ':baseline' and ':signoff': the
 * command's own code, in this process, with what it prints (to standard
 * output and error, where the screen is) put aside in said instead. */
static int run_captured(int argc, const char **argv, struct ldr_buf *said)
{
	const struct cli_command *c = cli_find(argv[0]);
	char **copy, chunk[4096];
	FILE *tmp = tmpfile();
	int out, err, i, r;
	size_t n;

	if (!c || !tmp) {
		ldr_buf_addf(said, "ldr %s: %s", argv[0], c ? "cannot make a temporary file" : "no such command");
		if (tmp)
			fclose(tmp);
		return LDR_EXIT_PARSE;
	}
	copy = ldr_calloc((size_t)argc + 1, sizeof(*copy));
	for (i = 0; i < argc; i++)
		copy[i] = ldr_strdup(argv[i]);
	fflush(stdout);
	fflush(stderr);
	out = dup(1);
	err = dup(2);
	dup2(fileno(tmp), 1);
	dup2(fileno(tmp), 2);
	r = c->run(argc, copy);
	fflush(stdout);
	fflush(stderr);
	dup2(out, 1);
	dup2(err, 2);
	close(out);
	close(err);
	rewind(tmp);
	while ((n = fread(chunk, 1, sizeof(chunk), tmp)) > 0)
		ldr_buf_add(said, chunk, n);
	fclose(tmp);
	for (i = 0; i < argc; i++)
		free(copy[i]);
	free(copy);
	return r;
}

/* The export kinds, once each, then all and report: for Tab. */
static const char **export_kinds(void)
{
	const char **v = ldr_calloc(ldr_nexporters + 3, sizeof(*v));
	size_t i, j, n = 0;

	for (i = 0; i < ldr_nexporters; i++) {
		for (j = 0; j < n && strcmp(v[j], ldr_exporters[i].kind) != 0; j++)
			;
		if (j == n)
			v[n++] = ldr_exporters[i].kind;
	}
	v[n++] = "all";
	v[n++] = "report";
	return v;
}

/* For the headless screen tests: LDR_TUI_SIZE=80x24 and LDR_TUI_KEYS="j j
 * <Dump>" run the interface on no terminal, with these keys, printing the
 * screen on <Dump> and at the end; with LDR_TUI_MARKS=1, each row of the
 * screen begins with "> " where the cursor is and "  " elsewhere
 * (tests/cli/screen_assert.sh reads them). */
static int headless(struct tui_opts *o)
{
	const char *size = getenv("LDR_TUI_SIZE"), *keys = getenv("LDR_TUI_KEYS");
	if (!keys)
		return 0;
	if (!size || sscanf(size, "%dx%d", &o->cols, &o->rows) != 2 || o->rows < 1 || o->cols < 1) {
		o->cols = 80;
		o->rows = 24;
	}
	o->keys = keys;
	o->dump = stdout;
	o->dump_marks = getenv("LDR_TUI_MARKS") != NULL;
	return 1;
}

/* The key bindings in force (with --roff, the defaults, for the man page). */
static int list_keys(const char *config, int roff)
{
	struct tui_keymap km;
	struct ldr_buf err = LDR_BUF_INIT;
	int r = 0;

	memset(&km, 0, sizeof(km));
	if (roff) {
		tui_keymap_defaults(&km);
	} else if (tui_keymap_load(&km, config, &err) < 0) {
		fprintf(stderr, "ldr: %s\n", err.s);
		r = LDR_EXIT_PARSE;
	}
	if (!r)
		tui_keymap_print(&km, stdout, roff);
	if (!r && !roff) {
		tui_commands_print(stdout);
		tui_timeline_key_print(stdout);
	}
	tui_keymap_release(&km);
	ldr_buf_release(&err);
	return r;
}

enum { OPT_READ_ONLY, OPT_AS_OF, OPT_CONFIG, OPT_KEYS, OPT_ROFF };

static const struct cli_opt options[] = {
	{ "read-only", 0, 0, NULL, "change nothing (for reviewers)", OPT_READ_ONLY, NULL },
	{ "as-of", 0, 1, "TIME", "the review date of the checks (default: the roadmap's as_at)", OPT_AS_OF, NULL },
	{ "config", 0, 1, "FILE", "key bindings (default: $XDG_CONFIG_HOME/ldr/config)", OPT_CONFIG, NULL },
	{ "keys", 0, 0, NULL, "list the key bindings in force, and stop", OPT_KEYS, NULL },
	/* The man page's list of keys: see 'make man'. */
	{ "roff", 0, 0, NULL, NULL, OPT_ROFF, NULL },
};
const struct cli_options cli_tui_options = CLI_OPTIONS(options, 18);

struct tui_args {
	struct tui_opts *o;
	const char *roadmap;
	int keys, roff;
};

static int option(void *ctx, int id, const char *value)
{
	struct tui_args *a = ctx;
	char err[200];

	switch (id) {
	case OPT_READ_ONLY: a->o->read_only = 1; break;
	case OPT_KEYS: a->keys = 1; break;
	case OPT_ROFF: a->roff = a->keys = 1; break;
	case OPT_CONFIG: a->o->config = value; break;
	case OPT_AS_OF:
		if (ldr_time_parse(&a->o->as_of, value, LDR_TIME_ANY, err, sizeof(err)) < 0)
			return cli_usage_error("tui", "--as-of: %s", err);
		break;
	default:
		if (a->roadmap)
			return cli_usage_error("tui", "one roadmap at a time");
		a->roadmap = value;
	}
	return 0;
}

int cmd_tui(int argc, char **argv)
{
	struct tui_opts o;
	struct tui_args a = { &o, NULL, 0, 0 };
	const char *roadmap;
	char *path;
	const char **kinds;
	struct stat st;
	int r, keys, roff;

	memset(&o, 0, sizeof(o));
	if ((r = cli_parse_options("tui", argc, argv, option, &a)))
		return r == CLI_HELP ? cli_help("tui") : r;
	roadmap = a.roadmap;
	keys = a.keys;
	roff = a.roff;
	if (keys)
		return list_keys(o.config, roff);
	path = ldr_roadmap_path(roadmap ? roadmap : ".");
	if (stat(path, &st) != 0) {
		fprintf(stderr, roadmap ? "ldr: %s: no such roadmap\n"
				: "ldr: no roadmap.yaml here: 'ldr ROADMAP' opens one, 'ldr --help' lists the commands\n",
			path);
		free(path);
		return LDR_EXIT_PARSE;
	}
	headless(&o);
	o.cli.run = run_captured;
	o.cli.export_kinds = kinds = export_kinds();
	r = tui_run(path, &o);
	free(kinds);
	free(path);
	return r;
}
