/* Sharing a roadmap's repository, through libgit2: fetching, pushing (over
 * file://, SSH or HTTPS; SSH keys from the agent or ~/.ssh, never a
 * password prompt), and setting up git to merge the roadmap with ldr. The
 * merges themselves are model/history/sync.c's; saves are repo.c's. */
#include "repo_git.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../roadmap/file.h"
#include "../base/path.h"
#include "../base/write.h"

/* ---- sharing: fetch, push --------------------------------------------------- */

/* What the transport callbacks need, and what they found out. */
struct transport {
	unsigned tries;     /* SSH keys offered so far */
	int no_key;         /* no key left to offer */
	char *rejected;     /* why the remote refused an update */
};

/* An SSH key for the remote: the agent's, then ~/.ssh/id_ed25519, then
 * ~/.ssh/id_rsa, each once. ldr asks for no passwords: it may be running
 * without a terminal (a merge driver, a script). */
static int credentials(git_credential **out, const char *url, const char *user, unsigned allowed,
		       void *payload)
{
	static const char *const keys[] = { "id_ed25519", "id_rsa" };
	struct transport *t = payload;
	const char *home = getenv("HOME"), *name = user && *user ? user : getenv("USER");

	(void)url;
	if (!name)
		name = "git";
	if (allowed & GIT_CREDENTIAL_USERNAME)
		return git_credential_username_new(out, name);
	if (allowed & GIT_CREDENTIAL_SSH_KEY) {
		while (t->tries < 1 + LDR_ARRAY_SIZE(keys)) {
			unsigned i = t->tries++;
			struct ldr_buf key = LDR_BUF_INIT, pub = LDR_BUF_INIT;
			int r = 1;
			if (i == 0) {
				if (getenv("SSH_AUTH_SOCK"))
					return git_credential_ssh_key_from_agent(out, name);
				continue;
			}
			ldr_buf_addf(&key, "%s/.ssh/%s", home ? home : "", keys[i - 1]);
			ldr_buf_addf(&pub, "%s.pub", key.s);
			if (home && access(key.s, R_OK) == 0)
				r = git_credential_ssh_key_new(out, name, access(pub.s, R_OK) == 0 ? pub.s : NULL,
							       key.s, NULL);
			ldr_buf_release(&key);
			ldr_buf_release(&pub);
			if (r <= 0)
				return r;
		}
	}
	t->no_key = 1;
	git_error_set_str(GIT_ERROR_SSH, "no SSH key was accepted");
	return GIT_EAUTH;
}

static int update_status(const char *refname, const char *status, void *payload)
{
	struct transport *t = payload;
	if (status && !t->rejected) {
		struct ldr_buf b = LDR_BUF_INIT;
		size_t n = strlen(status);
		char *s;
		while (n && strchr(": .\n", status[n - 1]))
			n--; /* libgit2's "...: " with no reason after it */
		s = ldr_strndup(status, n);
		ldr_buf_addquoted(&b, refname, 100);
		ldr_buf_addstr(&b, ": ");
		ldr_buf_addquoted(&b, s, 200);
		t->rejected = ldr_buf_detach(&b);
		free(s);
	}
	return 0;
}

static void callbacks_init(git_remote_callbacks *cb, struct transport *t)
{
	memset(t, 0, sizeof(*t));
	git_remote_init_callbacks(cb, GIT_REMOTE_CALLBACKS_VERSION);
	cb->credentials = credentials;
	cb->push_update_reference = update_status;
	cb->payload = t;
}

/* One line for what went wrong talking to the remote: authentication, the
 * network (or a remote that is not there), a refusal. */
static int remote_fail(struct ldr_buf *err, const struct ldr_remote *r, const char *doing, int code,
		       const struct transport *t)
{
	const git_error *e = git_error_last();
	const char *m = e && e->message ? e->message : "";

	if (code == GIT_EAUTH || t->no_key || strstr(m, "authentication") || strstr(m, "Authentication") ||
	    strstr(m, "publickey")) {
		ldr_buf_addf(err, "authentication to '%s' (", r->name);
		ldr_buf_addquoted(err, r->url, 200);
		ldr_buf_addstr(err, ") failed: ");
		repo_add_git_error(err);
		ldr_buf_addstr(err, "; ldr offers your ssh-agent's keys, then ~/.ssh/id_ed25519 and "
			       "~/.ssh/id_rsa, and asks for no passwords");
	} else if (strstr(m, "hostkey") || strstr(m, "host key")) {
		ldr_buf_addf(err, "cannot %s '%s' (", doing, r->name);
		ldr_buf_addquoted(err, r->url, 200);
		ldr_buf_addstr(err, "): the server's host key is not in ~/.ssh/known_hosts, or differs from "
			       "it: connect once with ssh to check it and add it");
	} else if (code == GIT_ENONFASTFORWARD) {
		ldr_buf_addf(err, "'%s' refused the push: its '%s' moved since the fetch (someone "
			     "pushed meanwhile); nothing changed here: run 'ldr sync' again", r->name,
			     r->branch);
	} else {
		ldr_buf_addf(err, "cannot %s '%s' (", doing, r->name);
		ldr_buf_addquoted(err, r->url, 200);
		ldr_buf_addstr(err, "): ");
		repo_add_git_error(err);
	}
	return -1;
}

void ldr_remote_release(struct ldr_remote *r)
{
	free(r->name);
	free(r->url);
	free(r->branch);
	memset(r, 0, sizeof(*r));
}

/* A branch's setting (branch.BRANCH.key), or NULL. */
static char *branch_config(const git_config *cfg, const char *branch, const char *key)
{
	struct ldr_buf name = LDR_BUF_INIT;
	git_buf v = { NULL, 0, 0 };
	char *out = NULL;

	ldr_buf_addf(&name, "branch.%s.%s", branch, key);
	if (git_config_get_string_buf(&v, cfg, name.s) == 0)
		out = ldr_strdup(v.ptr);
	git_buf_dispose(&v);
	ldr_buf_release(&name);
	return out;
}

/* The remote: the one named, else the branch's (branch.B.remote), else
 * origin. Its branch: the upstream (branch.B.merge) when that remote is the
 * branch's, else the branch of the same name. */
static int pick_remote(struct ldr_repo *repo, const char *name, const char *branch, struct ldr_remote *r,
		       struct ldr_buf *err)
{
	git_config *cfg = NULL;
	char *remote, *merge;

	if (git_repository_config_snapshot(&cfg, repo->git) < 0)
		return repo_git_fail(err, "cannot read the repository's configuration");
	remote = branch_config(cfg, branch, "remote");
	merge = branch_config(cfg, branch, "merge");
	git_config_free(cfg);
	r->name = ldr_strdup(name ? name : remote ? remote : "origin");
	if (remote && merge && !strcmp(remote, r->name) && !strncmp(merge, "refs/heads/", 11))
		r->branch = ldr_strdup(merge + 11);
	else
		r->branch = ldr_strdup(branch);
	free(remote);
	free(merge);
	return 0;
}

static int open_remote(struct ldr_repo *repo, const struct ldr_remote *r, git_remote **out,
		       struct ldr_buf *err)
{
	int code = git_remote_lookup(out, repo->git, r->name);
	if (code == GIT_ENOTFOUND || code == GIT_EINVALIDSPEC) {
		ldr_buf_addstr(err, "no remote ");
		repo_add_quoted(err, r->name);
		ldr_buf_addstr(err, " in the repository: add it with 'git remote add NAME URL'");
		return -1;
	}
	return code < 0 ? repo_git_fail(err, "cannot read remote '%s'", r->name) : 0;
}

/* refs/heads/BRANCH of the remote, as the fetch keeps it here. */
static char *tracking_ref(git_remote *remote, const char *branch)
{
	struct ldr_buf src = LDR_BUF_INIT;
	char *out = NULL;
	size_t i;

	ldr_buf_addf(&src, "refs/heads/%s", branch);
	for (i = 0; i < git_remote_refspec_count(remote) && !out; i++) {
		const git_refspec *spec = git_remote_get_refspec(remote, i);
		git_buf dst = { NULL, 0, 0 };
		if (git_refspec_direction(spec) == GIT_DIRECTION_FETCH && git_refspec_src_matches(spec, src.s) &&
		    git_refspec_transform(&dst, spec, src.s) == 0)
			out = ldr_strdup(dst.ptr);
		git_buf_dispose(&dst);
	}
	ldr_buf_release(&src);
	return out;
}

int ldr_repo_fetch(struct ldr_repo *repo, const char *name, struct ldr_remote *r, struct ldr_buf *err)
{
	git_remote *remote = NULL;
	git_fetch_options o;
	struct transport t;
	git_oid head, theirs, base;
	char *refname = NULL, *tracking = NULL;
	int unborn, code, ret = -1;

	memset(r, 0, sizeof(*r));
	memset(&t, 0, sizeof(t));
	refname = repo_head_target(repo, err);
	if (!refname)
		goto out;
	if (strncmp(refname, "refs/heads/", 11) != 0) {
		repo_fail(err, "HEAD is detached: sync works on a branch ('git switch BRANCH')");
		goto out;
	}
	if (pick_remote(repo, name, refname + 11, r, err) < 0 || open_remote(repo, r, &remote, err) < 0)
		goto out;
	r->url = ldr_strdup(git_remote_url(remote) ? git_remote_url(remote) : "");
	git_fetch_options_init(&o, GIT_FETCH_OPTIONS_VERSION);
	callbacks_init(&o.callbacks, &t);
	code = git_remote_fetch(remote, NULL, &o, "ldr sync: fetch");
	if (code < 0) {
		remote_fail(err, r, "fetch from", code, &t);
		goto out;
	}
	if (repo_head_oid(repo, &head, &unborn, err) < 0)
		goto out;
	if (unborn) {
		repo_fail(err, "the branch has no commit yet: nothing to sync");
		goto out;
	}
	repo_oid_hex(r->head, &head);
	tracking = tracking_ref(remote, r->branch);
	if (tracking && git_reference_name_to_id(&theirs, repo->git, tracking) == 0) {
		repo_oid_hex(r->theirs, &theirs);
		code = git_merge_base(&base, repo->git, &head, &theirs);
		if (code == 0)
			repo_oid_hex(r->base, &base);
		else if (code != GIT_ENOTFOUND) {
			repo_git_fail(err, "cannot find where %.7s and %.7s part", r->head, r->theirs);
			goto out;
		}
	}
	ret = 0;
out:
	git_remote_free(remote);
	free(refname);
	free(tracking);
	free(t.rejected);
	if (ret < 0)
		ldr_remote_release(r);
	return ret;
}

#define SYNC_REF "refs/ldr/sync"

/* Push a commit to the remote's branch, through a reference of our own
 * (the branch here does not name it yet); removed again either way. */
int repo_push_commit(struct ldr_repo *repo, const struct ldr_remote *r, const git_oid *commit,
		     struct ldr_buf *err)
{
	git_remote *remote = NULL;
	git_reference *ref = NULL;
	git_push_options o;
	struct transport t;
	struct ldr_buf spec = LDR_BUF_INIT;
	char *specs[1];
	git_strarray refspecs = { specs, 1 };
	int code, ret = -1;

	memset(&t, 0, sizeof(t));
	if (open_remote(repo, r, &remote, err) < 0)
		goto out;
	if (git_reference_create(&ref, repo->git, SYNC_REF, commit, 1, "ldr sync: push") < 0) {
		repo_git_fail(err, "cannot make the reference '%s'", SYNC_REF);
		goto out;
	}
	ldr_buf_addf(&spec, "%s:refs/heads/%s", SYNC_REF, r->branch);
	specs[0] = spec.s;
	git_push_options_init(&o, GIT_PUSH_OPTIONS_VERSION);
	callbacks_init(&o.callbacks, &t);
	code = git_remote_push(remote, &refspecs, &o);
	if (code < 0) {
		remote_fail(err, r, "push to", code, &t);
		goto out;
	}
	if (t.rejected) {
		ldr_buf_addf(err, "'%s' refused the push: %s; nothing changed here", r->name, t.rejected);
		goto out;
	}
	ret = 0;
out:
	if (ref)
		git_reference_delete(ref);
	git_reference_free(ref);
	git_remote_free(remote);
	ldr_buf_release(&spec);
	free(t.rejected);
	return ret;
}

int ldr_repo_push(struct ldr_repo *repo, const struct ldr_remote *r, struct ldr_buf *err)
{
	git_oid head;
	int unborn;

	if (repo_head_oid(repo, &head, &unborn, err) < 0)
		return -1;
	if (unborn)
		return repo_fail(err, "the branch has no commit yet: nothing to push");
	return repo_push_commit(repo, r, &head, err);
}

int ldr_repo_fast_forward(struct ldr_repo *repo, struct ldr_loaded *st, const struct ldr_remote *r,
			  struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	struct ldr_commit c;
	struct save_plan plan;
	git_oid target;
	int ret;

	if (ldr_repo_read_rev(repo, r->theirs, &text, &c, err) < 0)
		return -1;
	ldr_commit_release(&c);
	git_oid_fromstr(&target, r->theirs);
	memset(&plan, 0, sizeof(plan));
	plan.text = text.s ? text.s : "";
	plan.len = text.len;
	plan.message = r->name ? "fast-forward (ldr sync)" : "fast-forward (ldr merge)";
	plan.target = &target;
	ret = repo_save_text(repo, &plan, st, NULL, err);
	ldr_buf_release(&text);
	return ret;
}

int ldr_repo_save_pushed(struct ldr_repo *repo, const struct ldr_roadmap *rm, struct ldr_loaded *st,
			 const struct ldr_remote *r, const char *message, struct ldr_buf *commit_id,
			 struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	struct save_plan plan;
	int ret;

	if (ldr_roadmap_write(rm, &text, err) < 0)
		return -1;
	memcpy(st->merging, r->theirs, sizeof(st->merging));
	st->merging_git = 0;
	memset(&plan, 0, sizeof(plan));
	plan.text = text.s;
	plan.len = text.len;
	plan.must_be_tracked = 1;
	plan.message = message;
	plan.push = r;
	ret = repo_save_text(repo, &plan, st, commit_id, err);
	if (ret < 0)
		st->merging[0] = '\0';
	ldr_buf_release(&text);
	return ret;
}

/* ---- set-up: the merge driver ----------------------------------------------- */

/* A .gitattributes pattern for exactly this path: anchored at the top, with
 * the characters a pattern would take otherwise matched by '?'. */
static void attr_pattern(struct ldr_buf *b, const char *relpath)
{
	const char *p;
	ldr_buf_addch(b, '/');
	for (p = relpath; *p; p++)
		ldr_buf_addch(b, strchr(" \t\\\"#*?[]!", *p) || (unsigned char)*p < 0x20 ? '?' : *p);
}

static int setup_attributes(struct ldr_repo *repo, struct ldr_buf *done, struct ldr_buf *err)
{
	const char *value = NULL;
	char *path = ldr_path_join(git_repository_workdir(repo->git), ".gitattributes");
	struct ldr_buf text = LDR_BUF_INIT, e = LDR_BUF_INIT;
	int r = -1;

	git_attr_cache_flush(repo->git);
	if (git_attr_get(&value, repo->git, 0, repo->relpath, "merge") < 0) {
		repo_git_fail(err, "cannot read the attributes of '%s'", repo->relpath);
		goto out;
	}
	if (value && git_attr_value(value) == GIT_ATTR_VALUE_STRING && !strcmp(value, "ldr")) {
		repo_add_quoted(done, repo->relpath);
		ldr_buf_addstr(done, " is merged by ldr already (.gitattributes)\n");
		r = 0;
		goto out;
	}
	if (access(path, F_OK) == 0 && ldr_file_read(path, &text, err) < 0)
		goto out;
	if (text.len && text.s[text.len - 1] != '\n')
		ldr_buf_addch(&text, '\n');
	ldr_buf_reset(&e);
	attr_pattern(&e, repo->relpath);
	ldr_buf_addstr(&e, " merge=ldr\n");
	ldr_buf_addstr(&text, e.s);
	if (ldr_write_file(path, text.s, text.len, err) < 0)
		goto out;
	git_attr_cache_flush(repo->git);
	ldr_buf_addf(done, ".gitattributes: added '%.*s' (commit it, so that every clone has it)\n",
		     (int)e.len - 1, e.s);
	r = 0;
out:
	free(path);
	ldr_buf_release(&text);
	ldr_buf_release(&e);
	return r;
}

static int setup_config(struct ldr_repo *repo, const char *driver, struct ldr_buf *done, struct ldr_buf *err)
{
	static const char name[] = "ldr: a roadmap, merged record by record and field by field";
	const char *keys[2] = { "merge.ldr.name", "merge.ldr.driver" }, *values[2];
	git_config *all = NULL, *local = NULL;
	int i, r = -1;

	values[0] = name;
	values[1] = driver;
	if (git_repository_config(&all, repo->git) < 0 ||
	    git_config_open_level(&local, all, GIT_CONFIG_LEVEL_LOCAL) < 0) {
		repo_git_fail(err, "cannot open the repository's configuration");
		goto out;
	}
	for (i = 0; i < 2; i++) {
		git_buf v = { NULL, 0, 0 };
		int same = git_config_get_string_buf(&v, local, keys[i]) == 0 && !strcmp(v.ptr, values[i]);
		git_buf_dispose(&v);
		if (same)
			continue;
		if (git_config_set_string(local, keys[i], values[i]) < 0) {
			repo_git_fail(err, "cannot set %s", keys[i]);
			goto out;
		}
		ldr_buf_addf(done, ".git/config: %s set\n", keys[i]);
	}
	r = 0;
out:
	git_config_free(local);
	git_config_free(all);
	return r;
}

int ldr_repo_setup(struct ldr_repo *repo, const char *driver, struct ldr_buf *done, struct ldr_buf *err)
{
	if (setup_attributes(repo, done, err) < 0 || setup_config(repo, driver, done, err) < 0)
		return -1;
	return 0;
}
