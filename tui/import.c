/* ':import KIND FILE': read a workbook or CSV file as 'ldr import --into'
 * does, show the changes it makes in the text view (or every cell that
 * cannot be read, and then nothing changes), and apply them as one change
 * (one step of undo) when asked to; 'w' saves them. */
#include "import.h"

#include <stdlib.h>
#include <string.h>

#include "../import/import.h"
#include "../model/roadmap/diff.h"
#include "../model/roadmap/schema.h"
#include "edit.h"
#include "session.h"

/* "annex2 plan.xlsx", "annex2 'my plan.xlsx'": the kind and the file. */
static int words(const char *arg, char **kind, char **file)
{
	size_t n = strcspn(arg, " \t"), len;
	const char *f = arg + n;

	while (*f == ' ' || *f == '\t')
		f++;
	len = strlen(f);
	while (len && (f[len - 1] == ' ' || f[len - 1] == '\t'))
		len--;
	if (len >= 2 && (f[0] == '\'' || f[0] == '"') && f[len - 1] == f[0])
		f++, len -= 2;
	if (!n || !len)
		return -1;
	*kind = ldr_strndup(arg, n);
	*file = ldr_strndup(f, len);
	return 0;
}

static void show_problems(struct tui_app *app, const char *file, const struct ldr_import_result *res)
{
	struct ldr_buf title = LDR_BUF_INIT;

	ldr_buf_addf(&title, "import of ");
	ldr_buf_addquoted(&title, file, 60);
	ldr_buf_addf(&title, ": %zu problem%s, nothing changed", res->nerrors, res->nerrors == 1 ? "" : "s");
	tui_text_show(app, title.s, res->errors.s ? res->errors.s : "");
	tui_app_say(app, TUI_ROLE_ERROR, "%s", title.s);
	ldr_buf_release(&title);
}

/* The changes, then the warnings, as the text view shows them. */
static void show_changes(struct tui_app *app, const char *file, const struct ldr_diff *d,
			 const struct ldr_import_result *res)
{
	struct ldr_buf title = LDR_BUF_INIT, text = LDR_BUF_INIT;
	size_t i;

	ldr_buf_addf(&title, "import of ");
	ldr_buf_addquoted(&title, file, 60);
	ldr_buf_addf(&title, ": %zu change%s", d->n, d->n == 1 ? "" : "s");
	for (i = 0; i < d->n; i++) {
		ldr_change_text(&text, &d->v[i]);
		ldr_buf_addch(&text, '\n');
	}
	if (res->warnings.len)
		ldr_buf_addf(&text, "\n%s", res->warnings.s);
	tui_text_show(app, title.s, text.s);
	ldr_buf_release(&title);
	ldr_buf_release(&text);
}

/* Read the file into a copy of the roadmap: 0, or -1 (said). */
static int read_into(struct tui_app *app, const char *kind, const char *file, struct ldr_roadmap *rm,
		     struct ldr_import_result *res)
{
	struct ldr_workbook wb;
	struct ldr_import_opts o;
	struct ldr_buf err = LDR_BUF_INIT;
	int csv = 0, r = 0;

	if (ldr_sheet_read_path(&wb, file, NULL, &csv, &err) < 0) {
		err.s[strcspn(err.s, "\n")] = '\0';
		tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
		r = -1;
	} else {
		memset(&o, 0, sizeof(o));
		o.kind = kind;
		o.source = file;
		o.csv = csv;
		ldr_rec_copy(&ldr_kind_roadmap, rm, &app->rm);
		if ((r = ldr_import(rm, &wb, &o, res)) < 0)
			show_problems(app, file, res);
	}
	ldr_workbook_release(&wb);
	ldr_buf_release(&err);
	return r;
}

static void apply(struct tui_app *app, struct ldr_roadmap *rm, const char *kind, const char *file, size_t n)
{
	struct ldr_roadmap *before = tui_edit_whole_begin(app);
	struct ldr_buf what = LDR_BUF_INIT;

	if (!before)
		return;
	ldr_roadmap_release(&app->rm);
	app->rm = *rm;
	ldr_roadmap_init(rm);
	ldr_buf_addf(&what, "imported %s from ", kind);
	ldr_buf_addquoted(&what, file, 60);
	ldr_buf_addf(&what, ": %zu change%s ('w' saves them, 'u' undoes them)", n, n == 1 ? "" : "s");
	tui_edit_whole_commit(app, before, what.s);
	ldr_buf_release(&what);
}

void tui_import(struct tui_app *app, const char *arg)
{
	struct ldr_import_result res;
	struct ldr_roadmap rm;
	struct ldr_diff d;
	char *kind = NULL, *file = NULL;

	memset(&res, 0, sizeof(res));
	memset(&d, 0, sizeof(d));
	ldr_roadmap_init(&rm);
	if (words(arg, &kind, &file) < 0 || !ldr_import_kind_valid(kind)) {
		tui_app_say(app, TUI_ROLE_WARNING, ":import KIND FILE, KIND one of annex2, annex4, dossier, "
			    "trajectory, milestones");
	} else if (app->read_only) {
		tui_read_only_say(app, "nothing can be changed");
	} else if (read_into(app, kind, file, &rm, &res) == 0) {
		ldr_diff_roadmaps(&d, &app->rm, &rm);
		if (!d.n) {
			tui_app_say(app, TUI_ROLE_NORMAL, "nothing to change: the roadmap holds what the file gives");
		} else {
			show_changes(app, file, &d, &res);
			if (tui_app_choose(app, "apply these changes? ", "", "(y)es, (n)o", "yn") == 'y')
				apply(app, &rm, kind, file, d.n);
			else
				tui_app_say(app, TUI_ROLE_NORMAL, "not imported");
		}
	}
	ldr_diff_release(&d);
	ldr_roadmap_release(&rm);
	ldr_import_result_release(&res);
	free(kind);
	free(file);
}
