/* The repository: init, load, save as a commit, the checks that refuse a
 * save over someone else's, history, revisions and tags. Every test works in
 * a throw-away repository under /tmp, never the project's own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../model/roadmap/edit.h"
#include "../../model/roadmap/file.h"
#include "../../model/history/repo.h"
#include "../../model/base/write.h"
#include "helpers.h"

#define ROADMAP HEAD "projects:\n- id: P1\n  name: First\n  start: 16/17 Q1\n  end: 16/17 Q4\n"

struct sandbox {
	char dir[64];
	char file[96];
};

static int sandbox_up(void **state)
{
	struct sandbox *s = calloc(1, sizeof(*s));
	strcpy(s->dir, "/tmp/ldr-test-repo-XXXXXX");
	assert_non_null(mkdtemp(s->dir));
	snprintf(s->file, sizeof(s->file), "%s/roadmap.yaml", s->dir);
	setenv("HOME", s->dir, 1);
	*state = s;
	return 0;
}

static int sandbox_down(void **state)
{
	struct sandbox *s = *state;
	char cmd[256];

	/* Plain git must accept every repository ldr wrote. */
	snprintf(cmd, sizeof(cmd), "cd '%s' && for g in $(find . -name .git -type d); do "
		 "git -C \"$g/..\" fsck --strict --no-dangling --no-progress && "
		 "git -C \"$g/..\" log --oneline >/dev/null || exit 1; done", s->dir);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", s->dir);
	assert_int_equal(system(cmd), 0);
	free(s);
	return 0;
}

static struct ldr_repo *init_repo(struct sandbox *s, const char *yaml)
{
	struct ldr_repo *repo = NULL;
	struct ldr_buf err = LDR_BUF_INIT, id = LDR_BUF_INIT;
	int r = ldr_repo_init(&repo, s->dir, yaml, strlen(yaml), "First", 0, &id, &err);
	if (r)
		fprintf(stderr, "%s\n", err.s);
	assert_int_equal(r, 0);
	assert_int_equal(strlen(id.s), LDR_OID_HEX);
	ldr_buf_release(&err);
	ldr_buf_release(&id);
	return repo;
}

static void load_ok(struct ldr_repo *repo, struct ldr_roadmap *rm, struct ldr_loaded *st)
{
	struct ldr_diag d;
	struct ldr_buf err = LDR_BUF_INIT;
	ldr_diag_init(&d, "t");
	assert_int_equal(ldr_repo_load(repo, rm, st, &d, &err), 0);
	ldr_diag_release(&d);
	ldr_buf_release(&err);
}

static void set(struct ldr_roadmap *rm, const char *assignment)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int r = ldr_edit_assign(rm, assignment, &err);
	if (r)
		fprintf(stderr, "%s\n", err.s);
	assert_int_equal(r, 0);
	ldr_buf_release(&err);
}

/* Save and return 0, or the error's text in err. */
static int save(struct ldr_repo *repo, struct ldr_roadmap *rm, struct ldr_loaded *st,
		const char *msg, struct ldr_buf *err)
{
	struct ldr_buf id = LDR_BUF_INIT;
	int r = ldr_repo_save(repo, rm, st, msg, &id, err);
	ldr_buf_release(&id);
	return r;
}

static char *file_text(const char *path)
{
	size_t n;
	return slurp(path, &n);
}

static void test_init_load_save(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = init_repo(s, ROADMAP);
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_commit c;
	struct ldr_buf err = LDR_BUF_INIT, text = LDR_BUF_INIT, id = LDR_BUF_INIT;
	char first[LDR_OID_HEX + 1];
	char *now;

	load_ok(repo, &rm, &st);
	assert_false(ldr_loaded_dirty(&st));
	assert_string_equal(ldr_repo_relpath(repo), "roadmap.yaml");
	strcpy(first, st.head);

	/* Saving what is there already makes no commit. */
	assert_int_equal(ldr_repo_save(repo, &rm, &st, "nothing", &id, &err), 0);
	assert_int_equal(id.len, 0);
	assert_string_equal(st.head, first);

	set(&rm, "P1.end=17/18 Q2");
	assert_int_equal(ldr_repo_save(repo, &rm, &st, "Re-phase P1", &id, &err), 0);
	assert_string_equal(id.s, st.head);
	assert_string_not_equal(st.head, first);
	now = file_text(s->file);
	assert_non_null(strstr(now, "end: 17/18 Q2"));

	/* The commit holds the file; its parent is the first. */
	assert_int_equal(ldr_repo_read_rev(repo, "HEAD", &text, &c, &err), 0);
	assert_string_equal(text.s, now);
	assert_string_equal(c.message, "Re-phase P1\n");
	assert_int_equal(c.parents, 1);
	assert_string_equal(c.blob, st.file);
	ldr_commit_release(&c);
	ldr_buf_reset(&text);
	assert_int_equal(ldr_repo_read_rev(repo, "HEAD~1", &text, &c, &err), 0);
	assert_string_equal(c.id, first);
	assert_non_null(strstr(text.s, "end: 16/17 Q4"));
	ldr_commit_release(&c);

	free(now);
	ldr_roadmap_release(&rm);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
	ldr_buf_release(&text);
	ldr_buf_release(&id);
}

static void test_changed_since_loaded(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = init_repo(s, ROADMAP), *other = NULL;
	struct ldr_roadmap a, b;
	struct ldr_loaded sa, sb;
	struct ldr_buf err = LDR_BUF_INIT;
	char *before;

	assert_int_equal(ldr_repo_open(&other, s->dir, &err), 0);
	load_ok(repo, &a, &sa);
	load_ok(other, &b, &sb);
	set(&a, "P1.name=Saved first");
	set(&b, "P1.name=Saved second");
	assert_int_equal(save(repo, &a, &sa, "first", &err), 0);

	/* The second editor loaded the same version: refused, nothing lost. */
	before = file_text(s->file);
	assert_int_equal(save(other, &b, &sb, "second", &err), LDR_E_CHANGED);
	assert_non_null(strstr(err.s, "changed since loaded"));
	assert_int_equal(ldr_repo_changed(other, &sb, &err), 1);
	{
		char *after = file_text(s->file);
		assert_string_equal(before, after);
		assert_non_null(strstr(after, "Saved first"));
		free(after);
	}
	free(before);
	ldr_roadmap_release(&b);

	/* Loaded again, it saves. */
	load_ok(other, &b, &sb);
	assert_int_equal(ldr_repo_changed(other, &sb, &err), 0);
	set(&b, "P1.name=Saved second");
	ldr_buf_reset(&err);
	assert_int_equal(save(other, &b, &sb, "second", &err), 0);

	ldr_roadmap_release(&a);
	ldr_roadmap_release(&b);
	ldr_repo_free(repo);
	ldr_repo_free(other);
	ldr_buf_release(&err);
}

static void test_file_changed_outside(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = init_repo(s, ROADMAP);
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_buf err = LDR_BUF_INIT;
	const char *edited = ROADMAP "  notes: edited by hand\n";
	char *after;

	load_ok(repo, &rm, &st);
	assert_int_equal(ldr_write_file(s->file, edited, strlen(edited), &err), 0);
	set(&rm, "P1.name=Mine");
	assert_int_equal(save(repo, &rm, &st, "mine", &err), LDR_E_CHANGED);
	assert_non_null(strstr(err.s, "changed since loaded"));
	after = file_text(s->file);
	assert_string_equal(after, edited);
	free(after);
	ldr_roadmap_release(&rm);

	/* Reloaded, the hand edit is not committed yet: the save commits both. */
	load_ok(repo, &rm, &st);
	assert_true(ldr_loaded_dirty(&st));
	set(&rm, "P1.name=Mine");
	assert_int_equal(save(repo, &rm, &st, "mine", &err), 0);
	assert_false(ldr_loaded_dirty(&st));
	after = file_text(s->file);
	assert_non_null(strstr(after, "edited by hand"));
	assert_non_null(strstr(after, "name: Mine"));
	free(after);

	ldr_roadmap_release(&rm);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
}

static void test_index_lock_reported_and_kept(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = init_repo(s, ROADMAP);
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_buf err = LDR_BUF_INIT;
	char lock[128], *before, *after;
	int fd;

	snprintf(lock, sizeof(lock), "%s/.git/index.lock", s->dir);
	fd = open(lock, O_WRONLY | O_CREAT | O_EXCL, 0644);
	assert_true(fd >= 0);
	close(fd);
	/* Left there three seconds before the save, on the tests' clock. */
	assert_int_equal(set_mtime(lock, TEST_NOW - 3), 0);
	load_ok(repo, &rm, &st);
	set(&rm, "P1.name=Blocked");
	before = file_text(s->file);
	assert_int_equal(save(repo, &rm, &st, "blocked", &err), LDR_E_LOCKED);
	assert_non_null(strstr(err.s, "index.lock' exists (3 seconds old)"));
	assert_int_equal(access(lock, F_OK), 0); /* never removed by ldr */
	after = file_text(s->file);
	assert_string_equal(before, after); /* and nothing written */
	assert_int_equal(ldr_repo_changed(repo, &st, &err), 0);

	unlink(lock);
	assert_int_equal(save(repo, &rm, &st, "unblocked", &err), 0);
	free(before);
	free(after);
	ldr_roadmap_release(&rm);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
}

static void test_identity_and_dates_from_environment(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo;
	struct ldr_commit c;
	struct ldr_buf err = LDR_BUF_INIT;
	char fresh[128];

	setenv("GIT_AUTHOR_NAME", "Pat Office", 1);
	setenv("GIT_AUTHOR_DATE", "2016-06-30T12:00:00+01:00", 1);
	repo = init_repo(s, ROADMAP);
	assert_int_equal(ldr_repo_resolve(repo, "HEAD", &c, &err), 0);
	assert_string_equal(c.author, "Pat Office");
	assert_string_equal(c.email, "test@example.org");
	assert_int_equal(c.time, 1467284400);
	assert_int_equal(c.offset, 60);
	ldr_commit_release(&c);
	ldr_repo_free(repo);

	snprintf(fresh, sizeof(fresh), "%s/fresh", s->dir);
	setenv("GIT_AUTHOR_DATE", "not a date", 1);
	assert_int_equal(ldr_repo_init(&repo, fresh, ROADMAP, strlen(ROADMAP), "x", 0, NULL, &err), -1);
	assert_non_null(strstr(err.s, "GIT_AUTHOR_DATE: cannot read 'not a date'"));
	setenv("GIT_AUTHOR_DATE", "@1467284400 -0500", 1);
	ldr_buf_reset(&err);
	assert_int_equal(ldr_repo_init(&repo, fresh, ROADMAP, strlen(ROADMAP), "x", 0, NULL, &err), 0);
	assert_int_equal(ldr_repo_resolve(repo, "HEAD", &c, &err), 0);
	assert_int_equal(c.time, 1467284400);
	assert_int_equal(c.offset, -300);
	ldr_commit_release(&c);
	ldr_repo_free(repo);

	setenv("GIT_AUTHOR_DATE", "2016-06-30T12:00:00Z", 1);
	setenv("GIT_AUTHOR_NAME", "Test", 1);
	ldr_buf_release(&err);
}

static void test_untracked_file_not_committed(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = init_repo(s, ROADMAP), *stray = NULL;
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_buf err = LDR_BUF_INIT;
	char sub[128], path[160];

	/* A roadmap the repository does not track, in a subdirectory of it. */
	snprintf(sub, sizeof(sub), "%s/elsewhere", s->dir);
	assert_int_equal(mkdir(sub, 0777), 0);
	snprintf(path, sizeof(path), "%s/other.yaml", sub);
	assert_int_equal(ldr_write_file(path, ROADMAP, strlen(ROADMAP), &err), 0);
	assert_int_equal(ldr_repo_open(&stray, path, &err), 0);
	assert_string_equal(ldr_repo_relpath(stray), "elsewhere/other.yaml");
	load_ok(stray, &rm, &st);
	set(&rm, "P1.name=Stray");
	assert_int_equal(save(stray, &rm, &st, "stray", &err), -1);
	assert_non_null(strstr(err.s, "'elsewhere/other.yaml' is not tracked by the repository"));

	ldr_roadmap_release(&rm);
	ldr_repo_free(stray);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
}

/* What commit an export names: HEAD's when the text is HEAD's version of
 * the file; HEAD (as changed from) when it differs; none when the file is
 * not in HEAD; and a ceiling directory hides the repository, as from git. */
static void test_committed_as(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = init_repo(s, ROADMAP), *stray = NULL;
	struct ldr_commit head, c;
	struct ldr_buf err = LDR_BUF_INIT;
	char id[LDR_OID_HEX + 1], path[160];
	const char *edited = ROADMAP "  notes: edited\n";

	assert_int_equal(ldr_repo_resolve(repo, "HEAD", &head, &err), 0);
	memset(&c, 0, sizeof(c));
	assert_int_equal(ldr_repo_committed_as(repo, ROADMAP, strlen(ROADMAP), &c, id, &err), 1);
	assert_string_equal(c.id, head.id);
	assert_true(c.time == head.time);
	ldr_commit_release(&c);
	assert_int_equal(ldr_repo_committed_as(repo, edited, strlen(edited), &c, id, &err), 2);
	assert_string_equal(id, head.id);

	snprintf(path, sizeof(path), "%s/other.yaml", s->dir);
	assert_int_equal(ldr_write_file(path, ROADMAP, strlen(ROADMAP), &err), 0);
	assert_int_equal(ldr_repo_open(&stray, path, &err), 0);
	assert_int_equal(ldr_repo_committed_as(stray, ROADMAP, strlen(ROADMAP), &c, id, &err), 0);
	ldr_repo_free(stray);

	snprintf(path, sizeof(path), "%s/sub", s->dir);
	assert_int_equal(mkdir(path, 0777), 0);
	setenv("GIT_CEILING_DIRECTORIES", s->dir, 1);
	snprintf(path, sizeof(path), "%s/sub/roadmap.yaml", s->dir);
	assert_int_equal(ldr_repo_open(&stray, path, &err), LDR_E_NOREPO);
	assert_non_null(strstr(err.s, "not in a git repository"));
	unsetenv("GIT_CEILING_DIRECTORIES");
	ldr_buf_reset(&err);
	assert_int_equal(ldr_repo_open(&stray, path, &err), 0);
	ldr_repo_free(stray);

	ldr_commit_release(&head);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
}

/* The state of bytes already read is the state of the file as loaded, of
 * those bytes and not of the file read again: the interface reads the
 * file, draws its first screen, and opens the repository after. */
static void test_state_of_bytes_read(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = init_repo(s, ROADMAP);
	struct ldr_roadmap rm;
	struct ldr_loaded loaded, st;
	struct ldr_buf err = LDR_BUF_INIT;
	const char *edited = ROADMAP "  notes: edited\n";

	load_ok(repo, &rm, &loaded);
	ldr_roadmap_release(&rm);
	assert_int_equal(ldr_repo_state(repo, ROADMAP, strlen(ROADMAP), &st, &err), 0);
	assert_memory_equal(&st, &loaded, sizeof(st));
	assert_false(ldr_loaded_dirty(&st));

	/* The file changes after it was read: the bytes read are hashed. */
	assert_int_equal(ldr_write_file(s->file, edited, strlen(edited), &err), 0);
	assert_int_equal(ldr_repo_state(repo, ROADMAP, strlen(ROADMAP), &st, &err), 0);
	assert_string_equal(st.file, loaded.file);
	assert_int_equal(ldr_repo_changed(repo, &st, &err), 1);
	ldr_buf_reset(&err);

	assert_int_equal(ldr_repo_state(repo, edited, strlen(edited), &st, &err), 0);
	assert_string_equal(st.head, loaded.head);
	assert_string_equal(st.committed, loaded.committed);
	assert_string_not_equal(st.file, loaded.file);
	assert_true(ldr_loaded_dirty(&st));
	assert_int_equal(ldr_repo_changed(repo, &st, &err), 0);

	ldr_repo_free(repo);
	ldr_buf_release(&err);
}

/* Run a shell command in the sandbox; its exit status. */
static int sh_in(const struct sandbox *s, const char *command)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "cd '%s' && { %s; } >/dev/null 2>&1", s->dir, command);
	return system(cmd);
}

/* Someone else pushed between our fetch and our push: the push is refused,
 * and nothing changes, neither on the remote nor here (a sync's merge is
 * pushed before it is committed here, so the next sync starts afresh). */
static void test_push_refused_when_the_remote_moved(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *seed = init_repo(s, ROADMAP), *a = NULL;
	struct ldr_roadmap rm;
	struct ldr_loaded st, before;
	struct ldr_remote r;
	struct ldr_buf err = LDR_BUF_INIT, id = LDR_BUF_INIT;
	char path[160], *text;

	assert_int_equal(sh_in(s, "git clone -q --bare . shared.git && git clone -q file://$PWD/shared.git a && "
			      "git clone -q file://$PWD/shared.git b"), 0);
	snprintf(path, sizeof(path), "%s/a/roadmap.yaml", s->dir);
	assert_int_equal(ldr_repo_open(&a, path, &err), 0);
	load_ok(a, &rm, &st);
	set(&rm, "P1.name=Ours");
	assert_int_equal(save(a, &rm, &st, "ours", &err), 0);
	memset(&r, 0, sizeof(r));
	assert_int_equal(ldr_repo_fetch(a, NULL, &r, &err), 0);

	/* b pushes meanwhile. */
	assert_int_equal(sh_in(s, "cd b && sed -i 's/name: First/name: Theirs/' roadmap.yaml && "
			      "git -c user.name=B -c user.email=b@example.org commit -qam theirs && "
			      "git push -q origin HEAD"), 0);

	assert_int_equal(ldr_repo_push(a, &r, &err), -1);
	assert_non_null(strstr(err.s, "nothing changed here"));
	assert_int_equal(sh_in(s, "test \"$(git -C shared.git rev-parse HEAD)\" = \"$(git -C b rev-parse HEAD)\""), 0);

	/* A merge saved with the stale fetch: refused before anything here moves. */
	ldr_buf_reset(&err);
	before = st;
	set(&rm, "P1.name=Merged");
	assert_int_equal(ldr_repo_save_pushed(a, &rm, &st, &r, "merge", &id, &err), -1);
	assert_non_null(strstr(err.s, "nothing changed here"));
	assert_string_equal(st.head, before.head);
	text = file_text(path);
	assert_non_null(strstr(text, "name: Ours"));
	free(text);
	assert_int_equal(sh_in(s, "test \"$(git -C shared.git rev-parse HEAD)\" = \"$(git -C b rev-parse HEAD)\" && "
			      "git -C a diff --quiet HEAD && git -C a log -1 --format=%s | grep -qx ours"), 0);

	ldr_remote_release(&r);
	ldr_roadmap_release(&rm);
	ldr_repo_free(a);
	ldr_repo_free(seed);
	ldr_buf_release(&err);
	ldr_buf_release(&id);
}

/* A roadmap.yaml there before 'ldr init': refused unless kept, and then
 * committed first, as it was, with the new one on top. */
static void test_init_over_a_roadmap_keeps_it(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = NULL;
	struct ldr_buf err = LDR_BUF_INIT, text = LDR_BUF_INIT, id = LDR_BUF_INIT;
	struct ldr_commit c;
	const char *old = ROADMAP "  notes: there first\n";

	assert_int_equal(ldr_write_file(s->file, old, strlen(old), &err), 0);
	assert_int_equal(ldr_repo_init(&repo, s->dir, ROADMAP, strlen(ROADMAP), "New", 0, NULL, &err),
			 LDR_E_EXISTS);
	assert_null(repo);
	ldr_buf_reset(&err);
	assert_int_equal(ldr_repo_init(&repo, s->dir, ROADMAP, strlen(ROADMAP), "New", 1, &id, &err), 0);
	assert_int_equal(ldr_repo_read_rev(repo, "HEAD", &text, &c, &err), 0);
	assert_string_equal(c.message, "New\n");
	assert_string_equal(c.id, id.s);
	assert_string_equal(text.s, ROADMAP);
	assert_int_equal(c.parents, 1);
	ldr_commit_release(&c);
	ldr_buf_reset(&text);
	assert_int_equal(ldr_repo_read_rev(repo, "HEAD~1", &text, &c, &err), 0);
	assert_non_null(strstr(c.message, "Keep roadmap.yaml as it was"));
	assert_string_equal(text.s, old);
	ldr_commit_release(&c);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
	ldr_buf_release(&text);
	ldr_buf_release(&id);
}

static void test_open_errors(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = NULL;
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_commit c;

	assert_int_equal(ldr_repo_open(&repo, s->dir, &err), LDR_E_NOREPO);
	assert_non_null(strstr(err.s, "is not in a git repository ('ldr init DIR' makes one)"));
	ldr_buf_reset(&err);
	repo = init_repo(s, ROADMAP);
	assert_int_equal(ldr_repo_resolve(repo, "nope", &c, &err), -1);
	assert_string_equal(err.s, "unknown revision 'nope'");
	ldr_repo_free(repo);
	ldr_buf_reset(&err);
	assert_int_equal(ldr_repo_init(&repo, s->dir, ROADMAP, strlen(ROADMAP), "again", 0, NULL, &err), -1);
	assert_non_null(strstr(err.s, "is a repository with commits already"));
	ldr_buf_release(&err);
}

/* A repository owned by another user: libgit2 1.5 will not open it (git's
 * safe.directory), and says so with GIT_ENOTFOUND; ldr says it as git does,
 * with the command that trusts it, as a code of its own (the interface
 * then opens read-only, never writing around the repository). As root
 * only: no one else can give a directory away. */
static void test_open_owned_by_someone_else(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = NULL;
	struct ldr_buf err = LDR_BUF_INIT, want = LDR_BUF_INIT;
	char cmd[256], *real;

	if (geteuid() != 0)
		skip();
	repo = init_repo(s, ROADMAP);
	ldr_repo_free(repo);
	repo = NULL;
	snprintf(cmd, sizeof(cmd), "chown -R 65534 '%s'", s->dir);
	assert_int_equal(system(cmd), 0);
	real = realpath(s->dir, NULL);
	ldr_buf_addf(&want, "the repository at '%s' is owned by someone else; if you trust it: "
		     "git config --global --add safe.directory %s", real, real);
	assert_int_equal(ldr_repo_open(&repo, s->file, &err), LDR_E_OWNER);
	assert_null(repo);
	assert_string_equal(err.s, want.s);
	snprintf(cmd, sizeof(cmd), "chown -R 0 '%s'", s->dir);
	assert_int_equal(system(cmd), 0);
	free(real);
	ldr_buf_release(&err);
	ldr_buf_release(&want);
}

struct seen {
	char subjects[8][32];
	int n;
};

static int note(const struct ldr_commit *c, void *payload)
{
	struct seen *s = payload;
	snprintf(s->subjects[s->n++], sizeof(s->subjects[0]), "%.*s", (int)strcspn(c->message, "\n"),
		 c->message);
	return 0;
}

static void test_history_and_baselines(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = init_repo(s, ROADMAP);
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_tag *tags;
	struct seen seen;
	size_t n;

	assert_int_equal(ldr_repo_tag(repo, "submitted", "As submitted", &err), 0);
	assert_int_equal(ldr_repo_tag(repo, "submitted", "Again", &err), -1);
	assert_non_null(strstr(err.s, "baseline 'submitted' exists already"));
	ldr_buf_reset(&err);
	assert_int_equal(ldr_repo_tag(repo, "two words", NULL, &err), -1);
	assert_non_null(strstr(err.s, "is not a valid tag name"));
	ldr_buf_reset(&err);

	load_ok(repo, &rm, &st);
	set(&rm, "P1.end=17/18");
	assert_int_equal(save(repo, &rm, &st, "Second", &err), 0);
	set(&rm, "P1.end=18/19");
	assert_int_equal(save(repo, &rm, &st, "Third", &err), 0);

	memset(&seen, 0, sizeof(seen));
	assert_int_equal(ldr_repo_walk(repo, NULL, NULL, 0, note, &seen, &err), 0);
	assert_int_equal(seen.n, 3);
	assert_string_equal(seen.subjects[0], "Third");
	assert_string_equal(seen.subjects[2], "First");
	memset(&seen, 0, sizeof(seen));
	assert_int_equal(ldr_repo_walk(repo, NULL, "submitted", 1, note, &seen, &err), 0);
	assert_int_equal(seen.n, 2);
	assert_string_equal(seen.subjects[0], "Second");

	assert_int_equal(ldr_repo_tags(repo, &tags, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(tags[0].name, "submitted");
	assert_true(tags[0].annotated);
	assert_string_equal(tags[0].message, "As submitted\n");
	ldr_tags_free(tags, n);

	ldr_roadmap_release(&rm);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
}

static void test_save_refuses_an_invalid_roadmap(void **state)
{
	struct sandbox *s = *state;
	struct ldr_repo *repo = init_repo(s, ROADMAP);
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_buf err = LDR_BUF_INIT;

	load_ok(repo, &rm, &st);
	/* A duplicate id, which no field check can see. */
	free(((struct ldr_project *)rm.projects.items)[0].id);
	((struct ldr_project *)rm.projects.items)[0].id = ldr_strdup("UC01");
	assert_int_equal(save(repo, &rm, &st, "bad", &err), LDR_E_INVALID);
	assert_non_null(strstr(err.s, "not saved: the roadmap would have errors"));
	ldr_roadmap_release(&rm);
	ldr_repo_free(repo);
	ldr_buf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_init_load_save, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_changed_since_loaded, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_file_changed_outside, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_index_lock_reported_and_kept, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_identity_and_dates_from_environment, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_untracked_file_not_committed, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_committed_as, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_state_of_bytes_read, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_push_refused_when_the_remote_moved, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_init_over_a_roadmap_keeps_it, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_open_errors, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_open_owned_by_someone_else, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_history_and_baselines, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_save_refuses_an_invalid_roadmap, sandbox_up, sandbox_down),
	};
	setenv("GIT_AUTHOR_NAME", "Test", 1);
	setenv("GIT_AUTHOR_EMAIL", "test@example.org", 1);
	setenv("GIT_AUTHOR_DATE", "2016-06-30T12:00:00Z", 1);
	setenv("GIT_COMMITTER_NAME", "Test", 1);
	setenv("GIT_COMMITTER_EMAIL", "test@example.org", 1);
	setenv("GIT_COMMITTER_DATE", "2016-06-30T12:00:00Z", 1);
	ldr_clock_set(test_now);
	return cmocka_run_group_tests_name("repo", tests, NULL, NULL);
}
