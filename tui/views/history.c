/* The Log: the commits that changed the roadmap, newest first, each with
 * how many records it added, removed and changed; Enter shows a commit's
 * changes, and record-history (H) narrows the log to the commits that
 * changed one record. The repository is read when the view is shown, and
 * again only when HEAD has moved (a save), not after every edit. */
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/date.h"
#include "../../model/history/signoff.h"
#include "../../model/history/versions.h"
#include "../app.h"

struct log_commit {
	struct ldr_commit c;
	int state;         /* the changes: 0 not read yet, 1 read, -1 cannot be read */
	struct ldr_diff diff;
	unsigned added, removed, changed;
	char *why;         /* state -1: why not */
};

struct log_view {
	int read;                    /* the log was read, at HEAD head */
	char head[LDR_OID_HEX + 1];
	char *error;                 /* the log cannot be read */
	struct log_commit *all;
	size_t n, cap;
	struct ldr_tag *tags;
	size_t ntags;
	struct ldr_signoff *signoffs;
	size_t nsignoffs;
	unsigned tags_made; /* app->tags_made when read */
	struct ldr_versions versions;
	/* One record's history: the commits of all that changed it. */
	char *record;
	int followed;
	size_t *shown, nshown;
};

static struct log_view *log_of(struct tui_view *v)
{
	return v->priv ? v->priv : (v->priv = ldr_calloc(1, sizeof(struct log_view)));
}

static struct log_commit *commit_of(struct tui_view *v, size_t item)
{
	struct log_view *l = v->priv;
	return &l->all[l->record ? l->shown[item] : item];
}

/* Text from git (names, messages) is not the roadmap's: it may hold the
 * detail pane's separators, which become U+FFFD. (Drawing makes every
 * other control character inert.) */
static void add_untrusted(struct ldr_buf *b, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n && s[i]; i++) {
		if (s[i] == '\x1e' || s[i] == '\x1f')
			ldr_buf_addstr(b, "\uFFFD");
		else
			ldr_buf_addch(b, s[i]);
	}
}

static void subject(struct ldr_buf *b, const char *message)
{
	add_untrusted(b, message, strcspn(message, "\n"));
}

static void tags_of(const struct log_view *l, const char *commit, struct ldr_buf *b)
{
	size_t i;
	int n = 0;
	for (i = 0; i < l->ntags; i++)
		if (strcmp(l->tags[i].commit, commit) == 0 && !ldr_tag_is_signoff(l->tags[i].name)) {
			ldr_buf_addstr(b, n++ ? ", " : "(");
			add_untrusted(b, l->tags[i].name, strlen(l->tags[i].name));
		}
	if (n)
		ldr_buf_addstr(b, ") ");
}

/* The roles that signed the commit off: "[signed off: A, B] ", or whole,
 * a line each after prefix. */
static void signoffs_of(const struct log_view *l, const char *commit, const char *prefix,
			struct ldr_buf *b)
{
	size_t i;
	int n = 0;
	for (i = 0; i < l->nsignoffs; i++) {
		const struct ldr_signoff *so = &l->signoffs[i];
		if (strcmp(so->commit, commit) != 0)
			continue;
		if (prefix) {
			ldr_buf_addstr(b, prefix);
			ldr_signoff_text(b, so);
			ldr_buf_addch(b, '\n');
			continue;
		}
		ldr_buf_addstr(b, n++ ? ", " : "[signed off: ");
		add_untrusted(b, so->role, strlen(so->role));
	}
	if (n)
		ldr_buf_addstr(b, "] ");
}

/* ---- reading ---------------------------------------------------------------------- */

static void commit_clear(struct log_commit *lc)
{
	ldr_commit_release(&lc->c);
	ldr_diff_release(&lc->diff);
	free(lc->why);
	memset(lc, 0, sizeof(*lc));
}

static void log_clear(struct log_view *l)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		commit_clear(&l->all[i]);
	l->n = 0;
	ldr_tags_free(l->tags, l->ntags);
	l->tags = NULL;
	l->ntags = 0;
	ldr_signoffs_free(l->signoffs, l->nsignoffs);
	l->signoffs = NULL;
	l->nsignoffs = 0;
	free(l->error);
	l->error = NULL;
	l->read = 0;
	l->followed = 0;
	l->nshown = 0;
}

static int collect(const struct ldr_commit *c, void *payload)
{
	struct log_view *l = payload;
	ldr_grow((void **)&l->all, &l->cap, l->n + 1, sizeof(*l->all));
	memset(&l->all[l->n], 0, sizeof(*l->all));
	ldr_commit_copy(&l->all[l->n++].c, c);
	return 0;
}

/* HEAD's commit id, or "-" when there is none. */
static void head_of(struct ldr_repo *repo, char *head)
{
	struct ldr_commit c;
	struct ldr_buf err = LDR_BUF_INIT;

	strcpy(head, "-");
	if (ldr_repo_resolve(repo, "HEAD", &c, &err) == 0) {
		strcpy(head, c.id);
		ldr_commit_release(&c);
	}
	ldr_buf_release(&err);
}

static void read_log(struct tui_view *v, const char *head)
{
	struct log_view *l = v->priv;
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_repo *repo = v->app->repo;

	log_clear(l);
	ldr_versions_release(&l->versions);
	ldr_versions_init(&l->versions, repo);
	if (ldr_repo_walk(repo, NULL, NULL, 0, collect, l, &err) != 0 ||
	    ldr_repo_tags(repo, &l->tags, &l->ntags, &err) < 0 ||
	    ldr_signoffs(repo, &l->signoffs, &l->nsignoffs, &err) < 0)
		l->error = ldr_strdup(err.len ? err.s : "cannot read the history");
	strcpy(l->head, head);
	l->tags_made = v->app->tags_made;
	l->read = 1;
	ldr_buf_release(&err);
}

/* The commits of the log that changed the record. */
static void follow(struct tui_view *v)
{
	struct log_view *l = v->priv;
	struct ldr_buf err = LDR_BUF_INIT;
	const char *list = ldr_record_list(&v->app->ix, l->record);
	size_t i;

	l->shown = ldr_realloc(l->shown, (l->n ? l->n : 1) * sizeof(*l->shown));
	l->nshown = 0;
	for (i = 0; i < l->n && !l->error; i++) {
		struct ldr_diff d;
		int r = ldr_versions_changes(&l->versions, &l->all[i].c, l->record, list, &d, &err);
		if (r == 1)
			l->shown[l->nshown++] = i;
		else if (r == -1)
			l->error = ldr_strdup(err.s);
		ldr_diff_release(&d);
		ldr_buf_reset(&err);
	}
	l->followed = 1;
	ldr_buf_release(&err);
}

/* The commit's changes against its first parent, read once. */
static struct log_commit *changes(struct tui_view *v, size_t item)
{
	struct log_view *l = v->priv;
	struct log_commit *lc = commit_of(v, item);
	struct ldr_buf err = LDR_BUF_INIT;
	int r;

	if (lc->state)
		return lc;
	r = ldr_versions_changes(&l->versions, &lc->c, NULL, NULL, &lc->diff, &err);
	lc->state = r == 1 ? 1 : -1;
	if (r == 1)
		ldr_diff_count(&lc->diff, &lc->added, &lc->removed, &lc->changed);
	else
		lc->why = ldr_strdup(r == -2 ? "the roadmap does not parse there" : err.s);
	ldr_buf_release(&err);
	return lc;
}

static void log_load(struct tui_view *v)
{
	struct log_view *l = log_of(v);
	char head[LDR_OID_HEX + 1];

	if (v->app->repo && v->app->current == TUI_V_HISTORY) {
		head_of(v->app->repo, head);
		if (!l->read || strcmp(head, l->head) != 0 || l->tags_made != v->app->tags_made)
			read_log(v, head);
		if (l->record && !l->followed)
			follow(v);
	}
	v->nitems = l->record ? l->nshown : l->n;
}

/* ---- the table ---------------------------------------------------------------------- */

static void changes_cell(struct log_commit *lc, struct ldr_buf *out, enum tui_role *role)
{
	if (lc->state < 0) {
		ldr_buf_addstr(out, "?");
		*role = TUI_ROLE_WARNING;
	} else if (!lc->added && !lc->removed && !lc->changed) {
		ldr_buf_addstr(out, "none");
		*role = TUI_ROLE_DIM;
	} else {
		if (lc->added)
			ldr_buf_addf(out, "+%u", lc->added);
		if (lc->changed)
			ldr_buf_addf(out, "%s~%u", out->len ? " " : "", lc->changed);
		if (lc->removed)
			ldr_buf_addf(out, "%s-%u", out->len ? " " : "", lc->removed);
	}
}

static void log_commit_id(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	ldr_buf_addf(out, "%.7s", commit_of(v, item)->c.id);
}

static void log_date(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	struct log_commit *lc = commit_of(v, item);
	struct ldr_buf date = LDR_BUF_INIT;
	(void)role;
	ldr_date_format(&date, lc->c.time, lc->c.offset);
	ldr_buf_add(out, date.s, 10);
	ldr_buf_release(&date);
}

static int log_by_date(struct tui_view *v, size_t a, size_t b)
{
	long long s = commit_of(v, a)->c.time, t = commit_of(v, b)->c.time;
	return (s > t) - (s < t);
}

static void log_author(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	struct log_commit *lc = commit_of(v, item);
	(void)role;
	add_untrusted(out, lc->c.author, strlen(lc->c.author));
}

static void log_changes(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	changes_cell(changes(v, item), out, role);
}

static int log_by_changes(struct tui_view *v, size_t a, size_t b)
{
	struct log_commit *p = changes(v, a), *q = changes(v, b);
	unsigned s = p->added + p->removed + p->changed, t = q->added + q->removed + q->changed;
	return (s > t) - (s < t);
}

static void log_message(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	struct log_commit *lc = commit_of(v, item);
	(void)role;
	tags_of(v->priv, lc->c.id, out);
	signoffs_of(v->priv, lc->c.id, NULL, out);
	subject(out, lc->c.message);
}

static const struct tui_column log_columns[] = {
	{ "Commit", 7, 0, log_commit_id },
	{ "Date", 10, 0, log_date, log_by_date },
	{ "Author", 12, 1, log_author },
	{ "Changes", 9, 0, log_changes, log_by_changes },
	{ "Message", 20, 4, log_message },
};

static void log_heading(struct tui_view *v, struct ldr_buf *out, enum tui_role *role)
{
	struct log_view *l = log_of(v);
	struct tui_app *app = v->app;
	const char *file = app->repo ? ldr_repo_relpath(app->repo) : app->path;

	if (!app->repo) {
		ldr_buf_addstr(out, "The roadmap is not in a git repository: 'ldr init DIR --from FILE' "
			       "makes one");
	} else if (l->error) {
		ldr_buf_addf(out, "the history cannot be read: %s", l->error);
		*role = TUI_ROLE_ERROR;
	} else if (!l->n) {
		ldr_buf_addf(out, "No commit has %s: it is not committed in its repository\n"
			     "('ldr init DIR --from FILE' makes a repository for it)", file);
	} else if (l->record) {
		ldr_buf_addf(out, "The history of %s: %zu of %zu commit%s changed it (Esc: the whole log)",
			     l->record, l->nshown, l->n, l->n == 1 ? "" : "s");
	} else {
		ldr_buf_addf(out, "%zu commit%s changed %s (Enter: the changes; H on a record: its "
			     "history)%s", l->n, l->n == 1 ? "" : "s", file,
			     app->dirty ? "\nthe edits not saved are not in the log" : "");
	}
}

/* ---- a commit's changes --------------------------------------------------------------- */

/* The commit's changes (about the record only, when one is followed), a
 * line each, each line starting with indent. */
static void change_lines(struct log_commit *lc, const char *record, const char *indent,
			 struct ldr_buf *b)
{
	size_t i, n = 0;

	if (lc->state < 0) {
		ldr_buf_addf(b, "%s(cannot tell: %s)\n", indent, lc->why);
		return;
	}
	for (i = 0; i < lc->diff.n; i++) {
		if (record && !ldr_change_about(&lc->diff.v[i], record))
			continue;
		ldr_buf_addstr(b, indent);
		ldr_change_text(b, &lc->diff.v[i]);
		ldr_buf_addch(b, '\n');
		n++;
	}
	if (!n)
		ldr_buf_addf(b, "%s(none: the file changed, the roadmap did not)\n", indent);
}

static void log_detail(struct tui_view *v, size_t item, struct ldr_buf *lines)
{
	struct log_view *l = v->priv;
	struct log_commit *lc = changes(v, item);
	struct ldr_buf b = LDR_BUF_INIT;
	size_t end;

	ldr_buf_addf(lines, "commit\x1f%s\x1f-\x1e", lc->c.id);
	ldr_buf_addstr(lines, "author\x1f");
	add_untrusted(lines, lc->c.author, strlen(lc->c.author));
	ldr_buf_addstr(lines, " <");
	add_untrusted(lines, lc->c.email, strlen(lc->c.email));
	ldr_buf_addstr(lines, ">, ");
	ldr_date_format(lines, lc->c.time, lc->c.offset);
	ldr_buf_addstr(lines, "\x1f-\x1e");
	ldr_buf_reset(&b);
	tags_of(l, lc->c.id, &b);
	if (b.len) {
		b.s[b.len - 2] = '\0'; /* "(a, b) " to "(a, b" */
		ldr_buf_addf(lines, "baseline\x1f%s\x1f-\x1e", b.s + 1);
	}
	ldr_buf_reset(&b);
	signoffs_of(l, lc->c.id, "", &b);
	if (b.len) {
		b.s[--b.len] = '\0';
		ldr_buf_addf(lines, "sign-off\x1f%s\x1f-\x1e", b.s);
	}
	end = strlen(lc->c.message);
	while (end && lc->c.message[end - 1] == '\n')
		end--;
	ldr_buf_addstr(lines, "message\x1f");
	add_untrusted(lines, lc->c.message, end);
	ldr_buf_addstr(lines, "\x1f-\x1e");
	ldr_buf_reset(&b);
	change_lines(lc, l->record, "", &b);
	b.s[--b.len] = '\0';
	ldr_buf_addf(lines, "changes\x1f%s\x1f-\x1e", b.s);
	ldr_buf_release(&b);
}

/* Enter: the commit, whole, in the text view. */
static void show_commit(struct tui_view *v, size_t item)
{
	struct log_view *l = v->priv;
	struct log_commit *lc = changes(v, item);
	struct ldr_buf text = LDR_BUF_INIT, title = LDR_BUF_INIT;
	const char *p, *nl;

	ldr_buf_addf(&title, "Commit %.7s: ", lc->c.id);
	subject(&title, lc->c.message);
	ldr_buf_addf(&text, "commit %s ", lc->c.id);
	tags_of(l, lc->c.id, &text);
	ldr_buf_addstr(&text, "\nAuthor: ");
	add_untrusted(&text, lc->c.author, strlen(lc->c.author));
	ldr_buf_addstr(&text, " <");
	add_untrusted(&text, lc->c.email, strlen(lc->c.email));
	ldr_buf_addstr(&text, ">\nDate:   ");
	ldr_date_format(&text, lc->c.time, lc->c.offset);
	ldr_buf_addch(&text, '\n');
	signoffs_of(l, lc->c.id, "Sign-off: ", &text);
	ldr_buf_addch(&text, '\n');
	for (p = lc->c.message; *p; p = nl ? nl + 1 : p + strlen(p)) {
		nl = strchr(p, '\n');
		ldr_buf_addstr(&text, "    ");
		add_untrusted(&text, p, nl ? (size_t)(nl - p) : strlen(p));
		ldr_buf_addch(&text, '\n');
	}
	if (lc->state > 0)
		ldr_buf_addf(&text, "\nChanges %s (records: %u added, %u changed, %u removed):\n",
			     lc->c.parent_blob[0] ? "against the commit before" : "from no file",
			     lc->added, lc->changed, lc->removed);
	else
		ldr_buf_addstr(&text, "\nChanges:\n");
	change_lines(lc, NULL, "    ", &text);
	tui_text_show(v->app, title.s, text.s);
	ldr_buf_release(&text);
	ldr_buf_release(&title);
}

/* ---- keys -------------------------------------------------------------------------- */

/* Back from one record's history to the whole log, on the same commit. */
static void unfollow(struct tui_view *v)
{
	struct log_view *l = v->priv;
	size_t item = tui_view_item(v), at = item != (size_t)-1 ? l->shown[item] : 0;

	free(l->record);
	l->record = NULL;
	l->followed = 0;
	v->nitems = l->n;
	v->sel = 0;
	tui_view_refilter(v);
	tui_view_select_item(v, at);
}

static int log_handle(struct tui_view *v, enum tui_action a)
{
	struct log_view *l = log_of(v);
	size_t item = tui_view_item(v);

	if (a == TUI_ENTER && item != (size_t)-1) {
		show_commit(v, item);
		return 1;
	}
	if (a == TUI_BACK && l->record) {
		unfollow(v);
		return 1;
	}
	return 0;
}

void tui_history_record(struct tui_app *app)
{
	struct tui_view *cur = &app->views[app->current], *v = &app->views[TUI_V_HISTORY];
	struct log_view *l = log_of(v);
	size_t item = tui_view_item(cur);
	const struct ldr_kind *k;
	void *rec;
	const char *id = NULL;

	if (app->current == TUI_V_RECORD)
		id = app->focus ? app->focus_id : NULL;
	else if (cur->ops->record && item != (size_t)-1 && cur->ops->record(cur, item, &k, &rec))
		id = ldr_rec_id(k, rec);
	if (!id) {
		tui_app_say(app, TUI_ROLE_NORMAL, app->current == TUI_V_HISTORY
			    ? "record-history follows a record: press it in a view of records"
			    : "no record with an id here to follow");
		return;
	}
	free(l->record);
	l->record = ldr_strdup(id);
	l->followed = 0;
	tui_app_show(app, TUI_V_HISTORY);
	v->sel = v->top = 0;
}

static void log_release(struct tui_view *v)
{
	struct log_view *l = v->priv;
	if (l) {
		log_clear(l);
		free(l->all);
		free(l->shown);
		free(l->record);
		ldr_versions_release(&l->versions);
	}
	free(l);
	v->priv = NULL;
}

const struct tui_view_ops tui_history_ops = {
	.name = "history", .title = "Log", .key = TUI_VIEW_HISTORY,
	.columns = log_columns, .ncolumns = LDR_ARRAY_SIZE(log_columns),
	.load = log_load, .compare = tui_view_compare_text, .heading = log_heading,
	.detail = log_detail, .handle = log_handle, .release = log_release,
};
