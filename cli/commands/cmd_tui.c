/* ldr [ROADMAP]: the terminal interface. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../model/roadmap/file.h"
#include "../../tui/app.h"
#include "../../tui/keymap.h"
#include "../cli.h"

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
	tui_keymap_release(&km);
	ldr_buf_release(&err);
	return r;
}

int cmd_tui(int argc, char **argv)
{
	struct tui_opts o;
	const char *roadmap = NULL;
	char err[200];
	char *path;
	struct stat st;
	int i, r, keys = 0, roff = 0;

	memset(&o, 0, sizeof(o));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--read-only")) {
			o.read_only = 1;
		} else if (!strcmp(a, "--keys")) {
			keys = 1;
		} else if (!strcmp(a, "--roff")) {
			roff = keys = 1;
		} else if ((!strcmp(a, "--as-of") || !strcmp(a, "--config")) && i + 1 < argc) {
			if (!strcmp(a, "--config"))
				o.config = argv[++i];
			else if (ldr_time_parse(&o.as_of, argv[++i], LDR_TIME_ANY, err, sizeof(err)) < 0)
				return cli_usage_error("tui", "--as-of: %s", err);
		} else if (a[0] == '-' && a[1]) {
			struct ldr_buf b = LDR_BUF_INIT;
			cli_usage_error("tui", "unknown option '%s'", cli_safe(a, &b));
			ldr_buf_release(&b);
			return LDR_EXIT_USAGE;
		} else if (!roadmap) {
			roadmap = a;
		} else {
			return cli_usage_error("tui", "one roadmap at a time");
		}
	}
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
	r = tui_run(path, &o);
	free(path);
	return r;
}
