/* Scenarios as branches (scenario.h), through libgit2. Every change of a
 * scenario's branch is made under the repository's lock (repo_lock, as a
 * save is) with signals held, and compared and swapped under git's own
 * lock of the reference: a branch moved meanwhile is never overwritten. */
#include "scenario.h"
#include "repo_git.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/clock.h"
#include "../base/diag.h"
#include "../base/write.h"

#define REFS_HEADS "refs/heads/"

static int ascii_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int ldr_scenario_name_check(const char *name, struct ldr_buf *err)
{
	size_t i, n = strlen(name);
	const char *why = NULL;

	if (!n)
		why = "is empty";
	else if (n > LDR_SCENARIO_NAME_MAX)
		why = "is longer than 64 characters";
	else if (!ascii_alnum((unsigned char)name[0]))
		why = "must begin with a letter or a digit";
	for (i = 0; !why && i < n; i++)
		if (!ascii_alnum((unsigned char)name[i]) && !strchr("._-", name[i]))
			why = "may hold only letters, digits, '.', '_' and '-'";
	if (!why && strstr(name, ".."))
		why = "must not hold '..'";
	if (!why && (name[n - 1] == '.' || (n >= 5 && strcmp(name + n - 5, ".lock") == 0)))
		why = "must not end with '.' or '.lock'";
	if (!why)
		return 0;
	ldr_buf_addstr(err, "scenario name '");
	ldr_buf_addquoted(err, name, 80);
	ldr_buf_addf(err, "' %s (as in p12-slips)", why);
	return -1;
}

void ldr_scenario_release(struct ldr_scenario *s)
{
	free(s->name);
	free(s->subject);
	memset(s, 0, sizeof(*s));
}

void ldr_scenarios_free(struct ldr_scenario *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		ldr_scenario_release(&v[i]);
	free(v);
}

long ldr_scenario_age_days(const struct ldr_scenario *s)
{
	long long d = ldr_now() - s->time;
	return d > 0 ? (long)(d / 86400) : 0;
}

static char *refname_of(const char *name)
{
	struct ldr_buf b = LDR_BUF_INIT;
	ldr_buf_addf(&b, REFS_HEADS LDR_SCENARIO_BRANCH "%s", name);
	return ldr_buf_detach(&b);
}

/* Where it stands against the plan (HEAD; none on an unborn branch). */
static int place(struct ldr_repo *repo, const git_oid *tip, struct ldr_scenario *s, struct ldr_buf *err)
{
	git_oid head, base;
	int unborn, code;

	if (repo_head_oid(repo, &head, &unborn, err) < 0)
		return -1;
	if (unborn)
		return 0;
	code = git_merge_base(&base, repo->git, tip, &head);
	if (code == GIT_ENOTFOUND)
		return 0;
	if (code < 0)
		return repo_git_fail(err, "cannot find where scenario '%s' leaves the plan", s->name);
	repo_oid_hex(s->base, &base);
	if (git_graph_ahead_behind(&s->ahead, &s->behind, repo->git, tip, &head) < 0)
		return repo_git_fail(err, "cannot count the commits of scenario '%s'", s->name);
	return 0;
}

/* s from the scenario's name and its branch's commit. */
static int fill(struct ldr_repo *repo, const char *name, const git_oid *tip, struct ldr_scenario *s,
		struct ldr_buf *err)
{
	git_commit *c = NULL;
	const char *summary;
	int r;

	memset(s, 0, sizeof(*s));
	s->name = ldr_strdup(name);
	repo_oid_hex(s->tip, tip);
	if (git_commit_lookup(&c, repo->git, tip) < 0) {
		repo_git_fail(err, "cannot read the commit of scenario '%s'", name);
		ldr_scenario_release(s);
		return -1;
	}
	s->time = (long long)git_commit_time(c);
	s->offset = git_commit_time_offset(c);
	summary = git_commit_summary(c);
	s->subject = ldr_strdup(summary ? summary : "");
	git_commit_free(c);
	if ((r = place(repo, tip, s, err)) < 0)
		ldr_scenario_release(s);
	return r;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct ldr_scenario *)a)->name, ((const struct ldr_scenario *)b)->name);
}

int ldr_scenario_list(struct ldr_repo *repo, struct ldr_scenario **v, size_t *n, struct ldr_buf *err)
{
	git_reference_iterator *it = NULL;
	git_reference *ref = NULL;
	size_t cap = 0, skip = strlen(REFS_HEADS LDR_SCENARIO_BRANCH);
	int code, r = 0;

	*v = NULL;
	*n = 0;
	if (git_reference_iterator_glob_new(&it, repo->git, REFS_HEADS LDR_SCENARIO_BRANCH "*") < 0)
		return repo_git_fail(err, "cannot list the scenarios");
	while (r == 0 && (code = git_reference_next(&ref, it)) == 0) {
		git_oid tip;
		if (git_reference_name_to_id(&tip, repo->git, git_reference_name(ref)) == 0) {
			ldr_grow((void **)v, &cap, *n + 1, sizeof(**v));
			if ((r = fill(repo, git_reference_name(ref) + skip, &tip, &(*v)[*n], err)) == 0)
				(*n)++;
		}
		git_reference_free(ref);
	}
	if (r == 0 && code != GIT_ITEROVER)
		r = repo_git_fail(err, "cannot list the scenarios");
	git_reference_iterator_free(it);
	if (r < 0) {
		ldr_scenarios_free(*v, *n);
		*v = NULL;
		*n = 0;
		return r;
	}
	if (*n > 1)
		qsort(*v, *n, sizeof(**v), by_name);
	return 0;
}

/* "no scenario 'x'", with the one meant or those there are. */
static int unknown(struct ldr_repo *repo, const char *name, struct ldr_buf *err)
{
	struct ldr_scenario *v = NULL;
	struct ldr_buf ignored = LDR_BUF_INIT;
	const char **names;
	const char *s;
	size_t i, n = 0;

	ldr_buf_addstr(err, "no scenario '");
	ldr_buf_addquoted(err, name, 80);
	ldr_buf_addch(err, '\'');
	ldr_scenario_list(repo, &v, &n, &ignored);
	names = ldr_calloc(n + 1, sizeof(*names));
	for (i = 0; i < n; i++)
		names[i] = v[i].name;
	s = n ? ldr_suggest(name, names, n, sizeof(*names)) : NULL;
	if (s)
		ldr_buf_addf(err, " (did you mean '%s'?)", s);
	else if (n)
		for (i = 0; i < n; i++)
			ldr_buf_addf(err, "%s'%s'", i ? ", " : ": the scenarios are ", names[i]);
	else
		ldr_buf_addstr(err, ": there is none ('ldr scenario new NAME' makes one)");
	free(names);
	ldr_scenarios_free(v, n);
	ldr_buf_release(&ignored);
	return -1;
}

int ldr_scenario_find(struct ldr_repo *repo, const char *name, struct ldr_scenario *s, struct ldr_buf *err)
{
	char *refname;
	git_oid tip;
	int code;

	memset(s, 0, sizeof(*s));
	if (ldr_scenario_name_check(name, err) < 0)
		return -1;
	refname = refname_of(name);
	code = git_reference_name_to_id(&tip, repo->git, refname);
	free(refname);
	if (code == GIT_ENOTFOUND)
		return unknown(repo, name, err);
	if (code < 0)
		return repo_git_fail(err, "cannot read scenario '%s'", name);
	return fill(repo, name, &tip, s, err);
}

/* The reference made: its failures said. */
static int create_ref(struct ldr_repo *repo, const char *name, const git_oid *head, struct ldr_buf *err)
{
	git_reference *ref = NULL;
	char *refname = refname_of(name);
	int code;

	ldr_signals_hold();
	code = git_reference_create(&ref, repo->git, refname, head, 0, "ldr scenario new: from HEAD");
	ldr_signals_release();
	git_reference_free(ref);
	free(refname);
	if (code == GIT_EEXISTS) {
		ldr_buf_addf(err, "scenario '%s' exists already: choose another name, or drop it first "
			     "('ldr scenario drop %s')", name, name);
		return LDR_E_EXISTS;
	}
	if (code < 0)
		return repo_git_fail(err, "cannot make the branch '" LDR_SCENARIO_BRANCH "%s'", name);
	return 0;
}

int ldr_scenario_new(struct ldr_repo *repo, const char *name, struct ldr_scenario *s, struct ldr_buf *err)
{
	git_oid head;
	int unborn, lock = -1, r;

	memset(s, 0, sizeof(*s));
	if (ldr_scenario_name_check(name, err) < 0)
		return -1;
	if (repo_head_oid(repo, &head, &unborn, err) < 0)
		return -1;
	if (unborn)
		return repo_fail(err, "no plan to start from: the branch has no commit yet");
	if ((r = repo_lock(repo, &lock, err)) < 0)
		return r;
	r = create_ref(repo, name, &head, err);
	repo_unlock(lock);
	return r < 0 ? r : fill(repo, name, &head, s, err);
}

/* Whether the scenario's branch is the one checked out. */
static int checked_out(struct ldr_repo *repo, const char *refname)
{
	struct ldr_buf ignored = LDR_BUF_INIT;
	char *head = repo_head_target(repo, &ignored);
	int r = head && strcmp(head, refname) == 0;

	free(head);
	ldr_buf_release(&ignored);
	return r;
}

/* The branch deleted, if it still names the commit s was read at. */
static int delete_ref(struct ldr_repo *repo, const char *refname, const struct ldr_scenario *s,
		      struct ldr_buf *err)
{
	git_reference *ref = NULL;
	char hex[LDR_OID_HEX + 1] = "";
	int code = git_reference_lookup(&ref, repo->git, refname);

	if (code == 0 && git_reference_target(ref))
		repo_oid_hex(hex, git_reference_target(ref));
	if (code == 0 && strcmp(hex, s->tip) != 0) {
		git_reference_free(ref);
		return repo_fail(err, "scenario '%s' moved while it was dropped: nothing dropped", s->name);
	}
	if (code == 0) {
		ldr_signals_hold();
		code = git_branch_delete(ref);
		ldr_signals_release();
	}
	git_reference_free(ref);
	return code < 0 ? repo_git_fail(err, "cannot delete the branch '%s'", refname + strlen(REFS_HEADS)) : 0;
}

int ldr_scenario_drop(struct ldr_repo *repo, const char *name, int force, struct ldr_scenario *s,
		      struct ldr_buf *err)
{
	char *refname;
	int lock = -1, r;

	memset(s, 0, sizeof(*s));
	if ((r = repo_lock(repo, &lock, err)) < 0)
		return r;
	if ((r = ldr_scenario_find(repo, name, s, err)) < 0)
		goto out;
	refname = refname_of(name);
	if (checked_out(repo, refname))
		r = repo_fail(err, "scenario '%s' is the branch checked out: switch to the plan's branch "
			      "first ('git switch BRANCH')", name);
	else if (s->ahead && !force)
		r = repo_fail(err, "scenario '%s' has %zu commit%s the plan does not (its tip is %.7s): "
			      "merge it ('ldr merge " LDR_SCENARIO_BRANCH "%s'), or drop it with --force",
			      name, s->ahead, s->ahead == 1 ? "" : "s", s->tip, name);
	else
		r = delete_ref(repo, refname, s, err);
	free(refname);
out:
	repo_unlock(lock);
	return r;
}

int ldr_repo_merge_base(struct ldr_repo *repo, const char *a, const char *b, char *base, struct ldr_buf *err)
{
	git_oid x, y, m;
	int code;

	base[0] = '\0';
	if (git_oid_fromstr(&x, a) < 0 || git_oid_fromstr(&y, b) < 0)
		return repo_fail(err, "not commit ids: '%s', '%s'", a, b);
	code = git_merge_base(&m, repo->git, &x, &y);
	if (code == GIT_ENOTFOUND)
		return 0;
	if (code < 0)
		return repo_git_fail(err, "cannot find where %.7s and %.7s part", a, b);
	repo_oid_hex(base, &m);
	return 0;
}

/* ---- a commit on a scenario ------------------------------------------------ */

/* The roadmap as git stores it (written canonically, read back the same,
 * through git's clean filters). */
static int scenario_text(struct ldr_repo *repo, const struct ldr_roadmap *rm, struct ldr_buf *clean,
			 struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	struct ldr_roadmap back;
	struct ldr_diag diag;
	int r = -1, e;

	ldr_roadmap_init(&back);
	ldr_diag_init(&diag, ldr_repo_file(repo));
	if (ldr_roadmap_write(rm, &text, err) < 0)
		goto out;
	if (ldr_roadmap_read(&back, text.s, text.len, &diag) < 0) {
		ldr_buf_addstr(err, "not committed: the roadmap would have errors");
		if (diag.n)
			ldr_buf_addf(err, ": %s", diag.v[0].text);
		r = LDR_E_INVALID;
		goto out;
	}
	if (!ldr_roadmap_equal(rm, &back)) {
		repo_fail(err, "not committed: the roadmap would not read back as it is (a bug in ldr)");
		goto out;
	}
	if ((e = repo_clean(repo, text.s, text.len, clean, err)) != 0) {
		r = e > 0 ? LDR_E_FILTER : -1;
		goto out;
	}
	r = 0;
out:
	ldr_roadmap_release(&back);
	ldr_diag_release(&diag);
	ldr_buf_release(&text);
	return r;
}

/* The commit's objects: the tip's tree with the new blob. 1 when the tip
 * holds that blob already (nothing to commit). */
static int scenario_commit(struct ldr_repo *repo, const git_commit *tip, const struct ldr_buf *clean,
			   const char *message, git_oid *out, struct ldr_buf *err)
{
	struct repo_who who;
	git_tree *base = NULL, *tree = NULL;
	git_tree_entry *was = NULL;
	git_tree_update up;
	git_oid tree_oid;
	int r = -1;

	if (repo_who(&who, repo, err) < 0)
		return -1;
	if (git_blob_create_from_buffer(&up.id, repo->git, clean->s ? clean->s : "", clean->len) < 0 ||
	    git_commit_tree(&base, tip) < 0) {
		repo_git_fail(err, "cannot store the roadmap in the repository");
		goto out;
	}
	if (git_tree_entry_bypath(&was, base, ldr_repo_relpath(repo)) == 0 &&
	    git_oid_equal(git_tree_entry_id(was), &up.id)) {
		r = 1;
		goto out;
	}
	up.action = GIT_TREE_UPDATE_UPSERT;
	up.filemode = was ? git_tree_entry_filemode(was) : GIT_FILEMODE_BLOB;
	up.path = ldr_repo_relpath(repo);
	if (git_tree_create_updated(&tree_oid, repo->git, base, 1, &up) < 0 ||
	    git_tree_lookup(&tree, repo->git, &tree_oid) < 0) {
		repo_git_fail(err, "cannot make the commit's tree");
		goto out;
	}
	r = repo_commit_tree(repo, &who, tree, 1, &tip, message, "Change the scenario", out, err);
out:
	repo_who_free(&who);
	git_tree_entry_free(was);
	git_tree_free(base);
	git_tree_free(tree);
	return r;
}

/* The branch moved from the tip read to the commit. */
static int move_scenario(struct ldr_repo *repo, const char *name, const git_oid *from, const git_oid *to,
			 const char *message, struct ldr_buf *err)
{
	git_reference *ref = NULL;
	struct ldr_buf log = LDR_BUF_INIT;
	char *refname = refname_of(name);
	int code;

	ldr_buf_addstr(&log, "commit: ");
	ldr_buf_add(&log, message, strcspn(message, "\n"));
	code = git_reference_create_matching(&ref, repo->git, refname, to, 1, from, log.s);
	git_reference_free(ref);
	ldr_buf_release(&log);
	free(refname);
	if (code == GIT_EMODIFIED || code == GIT_ENOTFOUND) {
		repo_fail(err, "scenario '%s' moved since it was read (another ldr, or git): nothing "
			  "committed; run it again", name);
		return LDR_E_CHANGED;
	}
	if (code == GIT_ELOCKED) {
		repo_fail(err, "the branch '" LDR_SCENARIO_BRANCH "%s' is locked by a git command: nothing "
			  "committed; try again when it is done", name);
		return LDR_E_LOCKED;
	}
	return code < 0 ? repo_git_fail(err, "cannot move scenario '%s'", name) : 0;
}

int ldr_scenario_save(struct ldr_repo *repo, const char *name, const char *tip, const struct ldr_roadmap *rm,
		      const char *message, struct ldr_buf *commit_id, struct ldr_buf *err)
{
	struct ldr_buf clean = LDR_BUF_INIT;
	git_commit *parent = NULL;
	git_oid from, oid;
	int lock = -1, r;

	if (commit_id)
		ldr_buf_reset(commit_id);
	if ((r = ldr_scenario_name_check(name, err)) < 0 || (r = scenario_text(repo, rm, &clean, err)) < 0)
		goto out;
	if (git_oid_fromstr(&from, tip) < 0 || git_commit_lookup(&parent, repo->git, &from) < 0) {
		r = repo_git_fail(err, "cannot read commit %.7s of scenario '%s'", tip, name);
		goto out;
	}
	if ((r = repo_lock(repo, &lock, err)) < 0)
		goto out;
	ldr_signals_hold();
	r = scenario_commit(repo, parent, &clean, message ? message : "", &oid, err);
	if (r == 0)
		r = move_scenario(repo, name, &from, &oid, message && *message ? message : "Change the scenario",
				  err);
	ldr_signals_release();
	if (r == 0 && commit_id) {
		char hex[LDR_OID_HEX + 1];
		repo_oid_hex(hex, &oid);
		ldr_buf_addstr(commit_id, hex);
	}
	r = r > 0 ? 0 : r;
out:
	repo_unlock(lock);
	git_commit_free(parent);
	ldr_buf_release(&clean);
	return r;
}
