/* ldr import: a workbook or CSV file a programme office already has, read
 * into a new roadmap (-o) or merged into one (--into) as one change: the
 * semantic diff 'ldr diff' prints, then a commit when the roadmap is in a
 * repository, as 'ldr set' makes. Nothing is written when a cell cannot be
 * read: every such cell is listed, by sheet and cell. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../import/import.h"
#include "../../model/base/diag.h"
#include "../../model/roadmap/diff.h"
#include "../../model/roadmap/file.h"
#include "../../model/history/repo.h"
#include "../../model/roadmap/schema.h"
#include "../../model/base/write.h"
#include "../cli.h"
#include "../history.h"

struct import_args {
	const char *kind, *file, *out, *into, *sheet, *message;
	int dry_run;
};

enum { OPT_OUTPUT, OPT_INTO, OPT_SHEET, OPT_DRY_RUN, OPT_MESSAGE };

static const struct cli_opt options[] = {
	{ "output", 'o', 1, "NEW.yaml", "write a new roadmap (never replacing a file; - for\n"
	  "standard output); the footprint's name and horizon are\n"
	  "inferred, marked derived", OPT_OUTPUT, NULL },
	{ "into", 0, 1, "ROADMAP", "merge into a roadmap: records matched by id, else by who\n"
	  "and what (capabilities), name (projects) or provider\n"
	  "(trajectories); only the fields the sheet has are changed,\n"
	  "and records it does not name are kept. The changes are\n"
	  "printed as 'ldr diff' prints them, then committed as one\n"
	  "change when ROADMAP is committed in a repository (refused\n"
	  "while it has changes not committed), else written", OPT_INTO, NULL },
	/* (One space more: the help has always been so aligned.) */
	{ "sheet", 0, 1, "NAME", " read this sheet (default: the first that fits KIND)", OPT_SHEET, NULL },
	{ "dry-run", 0, 0, NULL, " print what would change; write nothing", OPT_DRY_RUN, NULL },
	{ "message", 'm', 1, "MSG", "the commit's message (default: what was imported)", OPT_MESSAGE, NULL },
};
const struct cli_options cli_import_options = CLI_OPTIONS(options, 17);

static int option(void *ctx, int id, const char *value)
{
	struct import_args *a = ctx;

	switch (id) {
	case OPT_OUTPUT: a->out = value; break;
	case OPT_INTO: a->into = value; break;
	case OPT_SHEET: a->sheet = value; break;
	case OPT_DRY_RUN: a->dry_run = 1; break;
	case OPT_MESSAGE: a->message = value; break;
	default:
		if (!a->kind)
			a->kind = value;
		else if (!a->file)
			a->file = value;
		else
			return cli_usage_error("import", "too many arguments: KIND and FILE, then options");
	}
	return 0;
}

static int check_args(const struct import_args *a)
{
	struct ldr_buf b = LDR_BUF_INIT;
	int r = 0;

	if (!a->kind)
		return cli_usage_error("import", "no kind given (annex2, annex4, dossier, trajectory or milestones)");
	if (!ldr_import_kind_valid(a->kind)) {
		const char *s = ldr_suggest(a->kind, ldr_import_kinds, ldr_import_nkinds, sizeof(*ldr_import_kinds));
		r = cli_usage_error("import", "no kind '%s' (annex2, annex4, dossier, trajectory or milestones)%s%s%s",
				    cli_safe(a->kind, &b), s ? "; did you mean '" : "", s ? s : "", s ? "'?" : "");
	} else if (!a->file) {
		r = cli_usage_error("import", "no file given");
	} else if (!a->out == !a->into) {
		r = cli_usage_error("import", "give -o NEW.yaml (a new roadmap) or --into ROADMAP (merge into one)");
	} else if (a->message && !a->into) {
		r = cli_usage_error("import", "-m is the message of the commit --into makes");
	}
	ldr_buf_release(&b);
	return r;
}

static int parse_args(int argc, char **argv, struct import_args *a, int *help)
{
	int r;

	memset(a, 0, sizeof(*a));
	r = cli_parse_options("import", argc, argv, option, a);
	*help = r == CLI_HELP;
	if (r)
		return *help ? 0 : r;
	return check_args(a);
}

/* ---- output ---------------------------------------------------------------------- */

static void print_lines(const char *text)
{
	if (text)
		fputs(text, stderr);
}

static void print_diff(const struct ldr_diff *d, const char *roadmap, const char *file)
{
	struct ldr_buf out = LDR_BUF_INIT;

	ldr_buf_addstr(&out, "from the file ");
	ldr_buf_addquoted(&out, roadmap, 200);
	ldr_buf_addstr(&out, " to the import of ");
	ldr_buf_addquoted(&out, file, 200);
	ldr_buf_addstr(&out, ":\n");
	hist_changes_text(&out, d);
	fputs(out.s, stdout);
	ldr_buf_release(&out);
}

/* "40 rows read (annex2): 2 added, 38 matched; 3 in the roadmap but not in the sheet, kept". */
static void print_counts(FILE *out, const struct ldr_import_result *res, const char *kind, int fresh)
{
	fprintf(out, "%zu row%s read (%s): %zu added", res->rows, res->rows == 1 ? "" : "s", kind, res->added);
	if (!fresh)
		fprintf(out, ", %zu matched; %zu in the roadmap but not in the sheet, kept", res->updated, res->kept);
	fprintf(out, "\n");
}

/* ---- reading ----------------------------------------------------------------------- */

static int read_and_import(const struct import_args *a, struct ldr_roadmap *rm, int fresh,
			   struct ldr_import_result *res)
{
	struct ldr_workbook wb;
	struct ldr_import_opts o;
	struct ldr_buf err = LDR_BUF_INIT;
	int csv = 0, r = LDR_EXIT_OK;

	memset(&o, 0, sizeof(o));
	if (ldr_sheet_read_path(&wb, a->file, a->sheet, &csv, &err) < 0) {
		print_lines(err.s);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	o.kind = a->kind;
	o.sheet = csv ? NULL : a->sheet;
	o.source = a->file;
	o.csv = csv;
	o.fresh = fresh;
	if (ldr_import(rm, &wb, &o, res) < 0)
		r = LDR_EXIT_PARSE;
	print_lines(res->warnings.s);
	print_lines(res->errors.s);
	if (r)
		fprintf(stderr, "ldr import: nothing written: %zu problem%s in %s\n", res->nerrors,
			res->nerrors == 1 ? "" : "s", a->file);
out:
	ldr_workbook_release(&wb);
	ldr_buf_release(&err);
	return r;
}

/* ---- -o: a new roadmap --------------------------------------------------------------- */

/* Write text to path, which must not exist: it is created first, empty and
 * exclusively, so that no file is ever replaced. */
static int write_new(const char *path, const struct ldr_buf *text, struct ldr_buf *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);

	if (fd < 0) {
		ldr_buf_addstr(err, "cannot create ");
		ldr_buf_addquoted(err, path, 200);
		ldr_buf_addf(err, ": %s%s", strerror(errno), errno == EEXIST ? " (-o makes a new roadmap: "
			     "--into merges into one)" : "");
		return -1;
	}
	close(fd);
	if (ldr_write_file(path, text->s, text->len, err) < 0) {
		unlink(path);
		return -1;
	}
	return 0;
}

/* -o -: the new roadmap on standard output, what was read on standard error. */
static int import_to_stdout(const struct import_args *a)
{
	struct ldr_roadmap rm;
	struct ldr_import_result res;
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	int r;

	memset(&res, 0, sizeof(res));
	ldr_import_fresh(&rm);
	if ((r = read_and_import(a, &rm, 1, &res)) == 0) {
		print_counts(stderr, &res, a->kind, 1);
		if (a->dry_run) {
			fprintf(stderr, "dry run: nothing written\n");
		} else if (ldr_roadmap_write(&rm, &text, &err) < 0) {
			fprintf(stderr, "ldr import: %s\n", err.s);
			r = LDR_EXIT_PARSE;
		} else {
			fwrite(text.s, 1, text.len, stdout);
		}
	}
	ldr_roadmap_release(&rm);
	ldr_import_result_release(&res);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	return r;
}

static int import_new(const struct import_args *a)
{
	struct ldr_roadmap rm;
	struct ldr_import_result res;
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	struct stat st;
	int r;

	memset(&res, 0, sizeof(res));
	ldr_import_fresh(&rm);
	if (lstat(a->out, &st) == 0) {
		fprintf(stderr, "ldr import: %s exists: -o makes a new roadmap (--into merges into one)\n",
			cli_safe(a->out, &b));
		r = LDR_EXIT_PARSE;
		goto out;
	}
	if ((r = read_and_import(a, &rm, 1, &res)))
		goto out;
	print_counts(stdout, &res, a->kind, 1);
	if (a->dry_run) {
		printf("dry run: %s not written\n", cli_safe(a->out, &b));
		goto out;
	}
	if (ldr_roadmap_write(&rm, &text, &err) < 0 || write_new(a->out, &text, &err) < 0) {
		fprintf(stderr, "ldr import: %s\n", err.s);
		r = LDR_EXIT_PARSE;
		goto out;
	}
	printf("wrote %s: the footprint's name and horizon are inferred (marked derived); "
	       "'ldr set' corrects them\n", cli_safe(a->out, &b));
out:
	ldr_roadmap_release(&rm);
	ldr_import_result_release(&res);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return r;
}

/* ---- --into: merged into a roadmap ----------------------------------------------------- */

struct target {
	struct ldr_repo *repo; /* NULL: a file not committed in a repository */
	struct ldr_loaded st;
	char *path;
	struct ldr_buf text;  /* the file as read */
	struct ldr_roadmap rm;
};

/* The roadmap to merge into, from its repository when it is committed in
 * one (with changes not committed, refused: the import is a change of its
 * own), else from its file. */
static int load_target(const char *arg, struct target *t)
{
	struct ldr_buf err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	int r = LDR_EXIT_OK;

	memset(t, 0, sizeof(*t));
	ldr_roadmap_init(&t->rm);
	if (ldr_repo_open(&t->repo, arg, &err) < 0) {
		t->repo = NULL; /* not in a repository: the file is written */
		ldr_roadmap_release(&t->rm);
		r = cli_load(arg, &t->rm, &t->path, &t->text, NULL);
	} else if ((r = hist_load_repo("import", t->repo, &t->rm, &t->st)) == 0) {
		t->path = ldr_strdup(ldr_repo_file(t->repo));
		if (!t->st.committed[0]) {
			/* Not committed: a commit would surprise. The file is written,
			 * unless it changes meanwhile. */
			ldr_repo_free(t->repo);
			t->repo = NULL;
			if (ldr_file_read(t->path, &t->text, &err) < 0) {
				fprintf(stderr, "ldr import: %s\n", err.s);
				r = LDR_EXIT_PARSE;
			}
		} else if (ldr_loaded_dirty(&t->st)) {
			fprintf(stderr, "ldr import: %s has changes not committed: commit them first ('ldr diff' "
				"shows them), so that the import is a change of its own\n", cli_safe(t->path, &b));
			r = LDR_EXIT_PARSE;
		}
	}
	ldr_buf_release(&err);
	ldr_buf_release(&b);
	return r;
}

static void release_target(struct target *t)
{
	ldr_repo_free(t->repo);
	free(t->path);
	ldr_buf_release(&t->text);
	ldr_roadmap_release(&t->rm);
}

static void default_message(struct ldr_buf *m, const struct import_args *a, const struct ldr_diff *d)
{
	ldr_buf_addf(m, "Import %s from ", a->kind);
	ldr_buf_addquoted(m, a->file, 60);
	ldr_buf_addstr(m, "\n\n");
	ldr_diff_subject(m, d, 200);
	ldr_buf_addch(m, '\n');
}

/* Save as 'ldr set' does (a commit), or write the file when it is not in a
 * repository, unless it changed since it was read. */
static int save(struct target *t, const struct ldr_roadmap *rm, const struct import_args *a,
		const struct ldr_diff *d)
{
	struct ldr_buf msg = LDR_BUF_INIT, id = LDR_BUF_INIT, err = LDR_BUF_INIT, text = LDR_BUF_INIT;
	int r = LDR_EXIT_OK;

	if (t->repo) {
		if (a->message)
			ldr_buf_addstr(&msg, a->message);
		else
			default_message(&msg, a, d);
		if (ldr_repo_save(t->repo, rm, &t->st, msg.s, &id, &err) < 0)
			r = LDR_EXIT_PARSE;
		else
			printf("committed %.7s\n", id.s ? id.s : "");
	} else if (ldr_file_read(t->path, &text, &err) < 0 || text.len != t->text.len ||
		   memcmp(text.s, t->text.s, text.len)) {
		if (!err.len)
			ldr_buf_addstr(&err, "the file changed since it was read: nothing written");
		r = LDR_EXIT_PARSE;
	} else {
		ldr_buf_reset(&text);
		if (ldr_roadmap_write(rm, &text, &err) < 0 || ldr_write_file(t->path, text.s, text.len, &err) < 0)
			r = LDR_EXIT_PARSE;
		else
			printf("wrote %s (not committed in a repository: the file only)\n", cli_safe(t->path, &id));
	}
	if (r)
		fprintf(stderr, "ldr import: %s\n", err.s);
	ldr_buf_release(&msg);
	ldr_buf_release(&id);
	ldr_buf_release(&err);
	ldr_buf_release(&text);
	return r;
}

static int import_into(const struct import_args *a)
{
	struct target t;
	struct ldr_roadmap rm;
	struct ldr_import_result res;
	struct ldr_diff d;
	struct ldr_buf b = LDR_BUF_INIT, c = LDR_BUF_INIT;
	int r;

	memset(&res, 0, sizeof(res));
	memset(&d, 0, sizeof(d));
	ldr_roadmap_init(&rm);
	if ((r = load_target(a->into, &t)))
		goto out;
	ldr_rec_copy(&ldr_kind_roadmap, &rm, &t.rm);
	if ((r = read_and_import(a, &rm, 0, &res)))
		goto out;
	print_counts(stdout, &res, a->kind, 0);
	ldr_diff_roadmaps(&d, &t.rm, &rm);
	if (!d.n) {
		printf("nothing to change: %s holds what %s gives\n", cli_safe(t.path, &b), cli_safe(a->file, &c));
		goto out;
	}
	print_diff(&d, t.path, a->file);
	if (a->dry_run)
		printf("dry run: %s not written\n", cli_safe(t.path, &b));
	else
		r = save(&t, &rm, a, &d);
out:
	ldr_diff_release(&d);
	release_target(&t);
	ldr_roadmap_release(&rm);
	ldr_import_result_release(&res);
	ldr_buf_release(&b);
	ldr_buf_release(&c);
	return r;
}

int cmd_import(int argc, char **argv)
{
	struct import_args a;
	int help, r = parse_args(argc, argv, &a, &help);

	if (help) {
		cli_print_help(stdout, cli_find("import"));
		return LDR_EXIT_OK;
	}
	if (r)
		return r;
	if (a.out && !strcmp(a.out, "-"))
		return import_to_stdout(&a);
	return a.out ? import_new(&a) : import_into(&a);
}
