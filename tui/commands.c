/* The ':' command line's commands for the whole day: a baseline, an
 * export, the board report, an import, the review, a sign-off and a sync,
 * beside the editing commands tui/app.c runs; with Tab completing the
 * names (commands, export and import kinds, baselines, files) and Up and Down the
 * lines entered before. What writes goes through the command line's own
 * commands (app->cli: the same checks, the same messages, in this
 * process) or the interface's own (import, sync): never a shell. */
#include "commands.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../import/import.h"
#include "../model/history/signoff.h"
#include "edit.h"
#include "import.h"
#include "session.h"

/* The words of a line: blank-separated, or quoted with ' or " (a quoted
 * word may hold blanks). The last word asked for takes the rest of the
 * line as it is (a message). */
static int words(const char *line, char **w, int max)
{
	const char *p = line;
	int n = 0;

	while (n < max) {
		p += strspn(p, " ");
		if (!*p)
			break;
		if (n == max - 1 && *p != '\'' && *p != '"') {
			size_t len = strlen(p);
			while (len && p[len - 1] == ' ')
				len--;
			w[n++] = ldr_strndup(p, len);
			break;
		}
		if (*p == '\'' || *p == '"') {
			const char *end = strchr(p + 1, *p);
			size_t len = end ? (size_t)(end - p - 1) : strlen(p + 1);
			w[n++] = ldr_strndup(p + 1, len);
			p += 1 + len + (end != NULL);
		} else {
			size_t len = strcspn(p, " ");
			w[n++] = ldr_strndup(p, len);
			p += len;
		}
	}
	return n;
}

static void words_free(char **w, int n)
{
	while (n-- > 0)
		free(w[n]);
}

/* What a command writes is the file as saved, as the command line sees it:
 * refused while there are edits not saved. */
static int saved_first(struct tui_app *app, const char *what, int writes_repo)
{
	if (writes_repo && app->read_only) {
		tui_read_only_say(app, "nothing can be changed");
		return 0;
	}
	if (app->cli.run == NULL) {
		tui_app_say(app, TUI_ROLE_ERROR, "%s: not available here", what);
		return 0;
	}
	if (app->dirty) {
		tui_app_say(app, TUI_ROLE_WARNING, "save first ('w'): %s is of the file as saved", what);
		return 0;
	}
	return 1;
}

/* Run 'ldr argv...' on this roadmap; the status line says done (when it
 * succeeded and printed nothing worth saying) or what it printed last. */
static int run(struct tui_app *app, const char **argv, int argc, const char *operand, const char *done)
{
	struct ldr_buf said = LDR_BUF_INIT;
	char *last;
	int r;

	argv[argc++] = "--";
	if (operand)
		argv[argc++] = operand;
	argv[argc++] = app->path;
	argv[argc] = NULL;
	r = app->cli.run(argc, argv, &said);
	while (said.len && said.s[said.len - 1] == '\n')
		said.s[--said.len] = '\0';
	/* A failure says why first (then, say, the kinds there are); a
	 * success what it did last. */
	last = said.s ? (r ? said.s : strrchr(said.s, '\n')) : NULL;
	if (r && last)
		last[strcspn(last, "\n")] = '\0';
	else
		last = last ? last + 1 : said.s;
	if (r == 0 && (done || !last || !*last))
		tui_app_say(app, TUI_ROLE_DONE, "%s", done ? done : "done");
	else
		tui_app_say(app, r ? TUI_ROLE_ERROR : TUI_ROLE_DONE, "%s", last ? last : "failed");
	ldr_buf_release(&said);
	return r;
}

/* A tag made: the History view shows it at once, if it is the view shown
 * (else when it is next shown). */
static void tag_made(struct tui_app *app)
{
	struct tui_view *v = &app->views[TUI_V_HISTORY];

	app->tags_made++;
	if (app->current == TUI_V_HISTORY) {
		v->ops->load(v);
		tui_view_refilter(v);
	}
}

static void do_baseline(struct tui_app *app, const char *arg)
{
	const char *argv[8];
	char *w[2];
	int n = words(arg, w, 2), argc = 0;

	if (!n) {
		tui_app_say(app, TUI_ROLE_WARNING, "usage: :baseline NAME [MESSAGE]");
		return;
	}
	if (saved_first(app, "a baseline", 1)) {
		argv[argc++] = "baseline";
		if (n > 1) {
			argv[argc++] = "-m";
			argv[argc++] = w[1];
		}
		if (run(app, argv, argc, w[0], NULL) == 0)
			tag_made(app);
	}
	words_free(w, n);
}

static void do_signoff(struct tui_app *app, const char *arg)
{
	const char *argv[10];
	char *w[2];
	int n = words(arg, w, 2), argc = 0;

	if (!n) {
		tui_app_say(app, TUI_ROLE_WARNING, "usage: :signoff ROLE [MESSAGE] (a ROLE with blanks in quotes)");
		return;
	}
	if (!saved_first(app, "a sign-off", 1))
		goto out;
	argv[argc++] = "signoff";
	argv[argc++] = "--as";
	argv[argc++] = w[0];
	if (n > 1) {
		argv[argc++] = "-m";
		argv[argc++] = w[1];
	}
	if (run(app, argv, argc, NULL, NULL) == 0)
		tag_made(app);
out:
	words_free(w, n);
}

static void do_export(struct tui_app *app, const char *arg)
{
	const char *argv[8];
	char *w[2];
	struct ldr_buf done = LDR_BUF_INIT;
	int n = words(arg, w, 2), argc = 0;

	if (n < 2) {
		tui_app_say(app, TUI_ROLE_WARNING, "usage: :export KIND FILE, or :export all DIR (Tab lists the kinds)");
		goto out;
	}
	if (!saved_first(app, "an export", 0))
		goto out;
	argv[argc++] = "export";
	argv[argc++] = w[0];
	argv[argc++] = "-o";
	argv[argc++] = w[1];
	if (strcmp(w[0], "all") == 0)
		ldr_buf_addf(&done, "exported everything to %s/", w[1]);
	else
		ldr_buf_addf(&done, "exported %s to %s", w[0], w[1]);
	run(app, argv, argc, NULL, done.s);
out:
	ldr_buf_release(&done);
	words_free(w, n);
}

static void do_report(struct tui_app *app, const char *arg)
{
	const char *argv[8];
	char *w[1];
	struct ldr_buf done = LDR_BUF_INIT;
	int n = words(arg, w, 1), argc = 0;

	if (!n) {
		tui_app_say(app, TUI_ROLE_WARNING, "usage: :report FILE.html");
		return;
	}
	if (saved_first(app, "the board report", 0)) {
		argv[argc++] = "report";
		argv[argc++] = "-o";
		argv[argc++] = w[0];
		ldr_buf_addf(&done, "wrote the board report to %s", w[0]);
		run(app, argv, argc, NULL, done.s);
	}
	ldr_buf_release(&done);
	words_free(w, n);
}

static void do_review(struct tui_app *app, const char *arg)
{
	struct ldr_buf err = LDR_BUF_INIT;
	char *w[3];
	int n = words(arg, w, 3);
	const char *baseline = n > 0 ? w[0] : NULL, *period = n > 1 ? w[1] : NULL;

	if (n > 2) {
		tui_app_say(app, TUI_ROLE_WARNING, "usage: :review [BASELINE] [YEAR] (a quarter in quotes)");
	} else if (tui_review_choose(app, baseline, period, &err) < 0) {
		tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
	} else {
		tui_app_say(app, TUI_ROLE_NORMAL, "review against %s%s%s", baseline ? baseline : "the newest "
			    "baseline", period ? " for " : "", period ? period : "");
	}
	ldr_buf_release(&err);
	words_free(w, n);
}

static void do_import(struct tui_app *app, const char *arg)
{
	tui_import(app, arg);
}

static void do_sync(struct tui_app *app, const char *arg)
{
	(void)arg;
	tui_sync(app);
}

/* Every command, as help and 'ldr tui --keys' list them; run NULL: run
 * by tui/app.c. */
const struct tui_command tui_commands[] = {
	{ "goto", "ID", "go to the record with this id", NULL },
	{ "w", "[MESSAGE]", "save (commit, with MESSAGE); asks first when the check finds errors", NULL },
	{ "w!", "[MESSAGE]", "save without asking, errors and all", NULL },
	{ "wq", "[MESSAGE]", "save, then quit", NULL },
	{ "q", "", "quit (asks first if there are changes not saved)", NULL },
	{ "q!", "", "quit, leaving the changes not saved to be restored", NULL },
	{ "baseline", "NAME [MESSAGE]", "mark the plan as saved with a baseline (as 'ldr baseline')", do_baseline },
	{ "signoff", "ROLE [MESSAGE]", "record who approved the plan as saved (as 'ldr signoff')", do_signoff },
	{ "export", "KIND FILE", "export the plan as saved (as 'ldr export'); 'all DIR': every kind", do_export },
	{ "report", "FILE", "write the board report (as 'ldr report')", do_report },
	{ "import", "KIND FILE", "merge a workbook or CSV into the roadmap, after showing the changes", do_import },
	{ "review", "[BASELINE] [YEAR]", "the Review against a baseline, for a year or quarter", do_review },
	{ "sync", "", "fetch, merge field by field, commit and push (as 'ldr sync')", do_sync },
	{ "reload", "", "read the file again, merging the changes not saved onto it", NULL },
	{ "footprint", "", "edit the footprint", NULL },
	{ "as-of", "TIME", "the review date of the checks", NULL },
	{ "undo", "", "undo the last change", NULL },
	{ "redo", "", "redo it", NULL },
	{ "help", "", "the keys and these commands", NULL },
};
const size_t tui_ncommands = sizeof(tui_commands) / sizeof(tui_commands[0]);

int tui_command_run(struct tui_app *app, const char *word, const char *arg)
{
	size_t i;

	for (i = 0; i < tui_ncommands; i++)
		if (tui_commands[i].run && strcmp(word, tui_commands[i].name) == 0) {
			tui_commands[i].run(app, arg);
			return 1;
		}
	return 0;
}


/* ---- Tab ------------------------------------------------------------------ */

static void candidate(const char *name, const char *prefix, char ***v, size_t *n, size_t *cap)
{
	if (strncmp(name, prefix, strlen(prefix)) != 0)
		return;
	ldr_grow((void **)v, cap, *n + 1, sizeof(**v));
	(*v)[(*n)++] = ldr_strdup(name);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void baselines(struct tui_app *app, const char *prefix, char ***v, size_t *n, size_t *cap)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_tag *tags;
	size_t i, nt;

	if (app->repo && ldr_repo_tags(app->repo, &tags, &nt, &err) == 0) {
		for (i = nt; i-- > 0;) /* the newest first */
			if (tags[i].annotated && !ldr_tag_is_signoff(tags[i].name))
				candidate(tags[i].name, prefix, v, n, cap);
		ldr_tags_free(tags, nt);
	}
	ldr_buf_release(&err);
}

/* The files and directories (with a '/') whose path begins with prefix;
 * hidden ones only when asked for with a '.'. */
static void files(const char *prefix, char ***v, size_t *n, size_t *cap)
{
	const char *slash = strrchr(prefix, '/'), *base = slash ? slash + 1 : prefix;
	char *dir = slash ? ldr_strndup(prefix, (size_t)(slash - prefix) + 1) : ldr_strdup("");
	struct ldr_buf path = LDR_BUF_INIT;
	struct dirent *e;
	struct stat st;
	DIR *d = opendir(*dir ? dir : ".");

	while (d && (e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || (e->d_name[0] == '.' && *base != '.'))
			continue;
		ldr_buf_reset(&path);
		ldr_buf_addf(&path, "%s%s", dir, e->d_name);
		if (stat(path.s, &st) == 0 && S_ISDIR(st.st_mode))
			ldr_buf_addch(&path, '/');
		candidate(path.s, prefix, v, n, cap);
	}
	if (d)
		closedir(d);
	qsort(*v, *n, sizeof(**v), by_name);
	ldr_buf_release(&path);
	free(dir);
}

/* Which word of the line the cursor is in (0: the command). */
static int word_at(const char *line)
{
	const char *p = line + strspn(line, " ");
	int k = 0;

	while ((p = strchr(p, ' ')) != NULL) {
		p += strspn(p, " ");
		k++;
	}
	return k;
}

/* Whether the line's command (its first word) is name. */
static int is(const char *line, const char *name)
{
	const char *p = line + strspn(line, " ");
	size_t len = strcspn(p, " ");
	return len == strlen(name) && !strncmp(p, name, len);
}

static void complete(struct tui_app *app, const char *line, char ***v, size_t *n)
{
	const char *last = strrchr(line, ' ');
	size_t i, cap = 0;
	int at = word_at(line);

	*v = NULL;
	*n = 0;
	last = last ? last + 1 : line;
	if (at == 0) {
		for (i = 0; i < tui_ncommands; i++)
			candidate(tui_commands[i].name, last, v, n, &cap);
	} else if (at == 1 && is(line, "export")) {
		for (i = 0; app->cli.export_kinds && app->cli.export_kinds[i]; i++)
			candidate(app->cli.export_kinds[i], last, v, n, &cap);
	} else if (at == 1 && is(line, "import")) {
		for (i = 0; i < ldr_import_nkinds; i++)
			candidate(ldr_import_kinds[i].name, last, v, n, &cap);
	} else if (at == 1 && is(line, "review")) {
		baselines(app, last, v, n, &cap);
	} else if ((at == 2 && (is(line, "export") || is(line, "import"))) || (at == 1 && is(line, "report"))) {
		files(last, v, n, &cap);
	}
}

char *tui_command_prompt(struct tui_app *app)
{
	struct tui_prompt_aid aid = { &app->commands, complete };
	return tui_app_prompt_aided(app, ":", &aid);
}

void tui_commands_print(FILE *out)
{
	size_t i;

	fprintf(out, "\nCommands (':' opens the command line; Tab completes, Up and Down recall):\n");
	for (i = 0; i < tui_ncommands; i++) {
		char head[64];
		snprintf(head, sizeof(head), ":%s %s", tui_commands[i].name, tui_commands[i].args);
		fprintf(out, "  %-28s %s\n", head, tui_commands[i].summary);
	}
}
