/* What git stores for the roadmap's bytes: its clean filters
 * (gitattributes(5)). A 'filter' attribute names a driver whose clean
 * command git runs on the way into the repository (git-crypt encrypts
 * there, git-lfs stores a pointer); libgit2 runs none of them, so a commit
 * made with its bytes alone holds the file raw, and plain git then shows
 * it modified, or a secret committed in clear. Here the driver's clean
 * command is run as git runs it (convert.c: through the shell, %f the
 * path, the bytes on its input), then libgit2's own filters (text and eol,
 * ident). A driver ldr cannot run (only a long-running 'process') is
 * refused, never passed by. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "repo_git.h"

/* The shell's quoting of s ('...', with ' as '\''), as git's %f is. */
static void add_shell_quoted(struct ldr_buf *b, const char *s)
{
	ldr_buf_addch(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			ldr_buf_addstr(b, "'\\''");
		else
			ldr_buf_addch(b, *s);
	}
	ldr_buf_addch(b, '\'');
}

/* cmd with each %f the quoted path and %% a %, as git expands it. */
static void expand_command(struct ldr_buf *b, const char *cmd, const char *path)
{
	for (; *cmd; cmd++) {
		if (cmd[0] == '%' && cmd[1] == 'f') {
			add_shell_quoted(b, path);
			cmd++;
		} else if (cmd[0] == '%' && cmd[1] == '%') {
			ldr_buf_addch(b, '%');
			cmd++;
		} else {
			ldr_buf_addch(b, *cmd);
		}
	}
}

/* In the child: cmd through the shell in dir, reading to[0], writing
 * from[1]. */
static void filter_child(const char *cmd, const char *dir, const int to[2], const int from[2])
{
	if (dup2(to[0], 0) < 0 || dup2(from[1], 1) < 0 || (dir && chdir(dir) < 0))
		_exit(127);
	close(to[0]);
	close(to[1]);
	close(from[0]);
	close(from[1]);
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

/* Write in to *to (non-blocking; closed, and -1, when all is written or
 * the filter stops reading) while reading from into out, until the filter
 * closes its output. How many bytes of in were written. */
static size_t filter_pump(int *to, int from, const char *in, size_t len, struct ldr_buf *out)
{
	size_t done = 0;

	for (;;) {
		struct pollfd p[2];
		char buf[65536];
		ssize_t n;
		int np = 0;

		p[np].fd = from;
		p[np++].events = POLLIN;
		if (*to >= 0) {
			p[np].fd = *to;
			p[np++].events = POLLOUT;
		}
		if (poll(p, (nfds_t)np, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (*to >= 0 && p[1].revents) {
			n = done < len ? write(*to, in + done, len - done) : 0;
			if (n > 0)
				done += (size_t)n;
			if (done >= len || (n < 0 && errno != EAGAIN && errno != EINTR)) {
				close(*to);
				*to = -1;
			}
		}
		if (p[0].revents) {
			n = read(from, buf, sizeof(buf));
			if (n > 0)
				ldr_buf_add(out, buf, (size_t)n);
			else if (n == 0 || (errno != EINTR && errno != EAGAIN))
				break;
		}
	}
	return done;
}

static void close_pipe(int fd[2])
{
	if (fd[0] >= 0)
		close(fd[0]);
	if (fd[1] >= 0)
		close(fd[1]);
}

/* Run cmd through the shell in dir, in on its input, its output into out;
 * its errors reach the terminal as git lets them. 0 if it exits 0. */
static int run_filter(const char *cmd, const char *dir, const char *in, size_t len, struct ldr_buf *out,
		      struct ldr_buf *err)
{
	int to[2] = { -1, -1 }, from[2] = { -1, -1 }, status = 0, r = -1;
	struct sigaction ign, old;
	size_t done;
	pid_t pid;

	if (pipe(to) < 0 || pipe(from) < 0 || (pid = fork()) < 0) {
		ldr_buf_addf(err, "cannot run it: %s", strerror(errno));
		goto out;
	}
	if (pid == 0)
		filter_child(cmd, dir, to, from);
	close(to[0]);
	close(from[1]);
	to[0] = from[1] = -1;
	/* A filter that stops reading early must not kill ldr (git ignores
	 * SIGPIPE here too). */
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	fcntl(to[1], F_SETFL, fcntl(to[1], F_GETFL) | O_NONBLOCK);
	done = filter_pump(&to[1], from[0], in, len, out);
	sigaction(SIGPIPE, &old, NULL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && done == len)
		r = 0;
	else if (WIFEXITED(status))
		ldr_buf_addf(err, "it exited with %d", WEXITSTATUS(status));
	else
		ldr_buf_addstr(err, "it was killed by a signal");
out:
	close_pipe(to);
	close_pipe(from);
	return r;
}

/* The driver's clean command into out, or the bytes as they are. 1 with
 * the reason in err when the driver is one ldr cannot run. */
static int clean_driver(struct ldr_repo *repo, const char *text, size_t len, struct ldr_buf *out,
			struct ldr_buf *err)
{
	const char *driver = NULL;
	git_config *cfg = NULL;
	git_buf cmd = { NULL, 0, 0 };
	struct ldr_buf var = LDR_BUF_INIT, line = LDR_BUF_INIT, why = LDR_BUF_INIT;
	int required = 0, r = 0;

	if (git_attr_get(&driver, repo->git, 0, repo->relpath, "filter") < 0)
		return repo_git_fail(err, "cannot read the attributes of '%s'", repo->relpath);
	if (git_attr_value(driver) != GIT_ATTR_VALUE_STRING)
		return 2; /* no driver (or 'filter' alone: none named): the text as it is */
	if (git_repository_config_snapshot(&cfg, repo->git) < 0)
		return repo_git_fail(err, "cannot read the repository's configuration");
	ldr_buf_addf(&var, "filter.%s.clean", driver);
	if (git_config_get_string_buf(&cmd, cfg, var.s) == 0 && cmd.size) {
		expand_command(&line, cmd.ptr, repo->relpath);
		if (run_filter(line.s, git_repository_workdir(repo->git), text, len, out, &why) < 0) {
			ldr_buf_addf(err, "the clean filter '%s' of '%s' (%s) failed: %s", driver, repo->relpath,
				     cmd.ptr, why.s);
			r = 1;
		}
		goto out;
	}
	ldr_buf_reset(&var);
	ldr_buf_addf(&var, "filter.%s.process", driver);
	if (git_config_get_string_buf(&cmd, cfg, var.s) == 0 && cmd.size) {
		ldr_buf_addf(err, "'%s' goes through the filter '%s', which runs only as a long-running "
			     "process (filter.%s.process), and ldr cannot run one: commit with git", repo->relpath,
			     driver, driver);
		r = 1;
		goto out;
	}
	ldr_buf_reset(&var);
	ldr_buf_addf(&var, "filter.%s.required", driver);
	if (git_config_get_bool(&required, cfg, var.s) == 0 && required) {
		ldr_buf_addf(err, "'%s' needs the filter '%s' (filter.%s.required), which is not configured "
			     "here: set filter.%s.clean as its tool says", repo->relpath, driver, driver, driver);
		r = 1;
		goto out;
	}
	ldr_buf_add(out, text, len); /* a driver not configured: git passes the bytes */
out:
	git_buf_dispose(&cmd);
	git_config_free(cfg);
	ldr_buf_release(&var);
	ldr_buf_release(&line);
	ldr_buf_release(&why);
	return r;
}

int repo_clean_view(struct ldr_repo *repo, const char *text, size_t len, struct ldr_buf *store,
		    const char **out, size_t *outlen, struct ldr_buf *err)
{
	git_filter_list *fl = NULL;
	git_buf b = { NULL, 0, 0 };
	const char *src = text;
	size_t n = len;
	int r = 0;

	ldr_buf_reset(store);
	*out = text;
	*outlen = len;
	if (!git_repository_workdir(repo->git))
		return 0;
	r = clean_driver(repo, text, len, store, err);
	if (r == 2) {
		r = 0; /* no driver: the text itself, not a copy of it */
	} else if (r != 0) {
		return r;
	} else {
		src = store->s ? store->s : "";
		n = store->len;
	}
	if (git_filter_list_load(&fl, repo->git, NULL, repo->relpath, GIT_FILTER_TO_ODB, GIT_FILTER_DEFAULT) < 0)
		return repo_git_fail(err, "cannot load the filters of '%s'", repo->relpath);
	if (fl && git_filter_list_apply_to_buffer(&b, fl, src, n) < 0) {
		r = repo_git_fail(err, "cannot apply the filters of '%s'", repo->relpath);
	} else if (fl) {
		ldr_buf_reset(store);
		ldr_buf_add(store, b.ptr, b.size);
		src = store->s ? store->s : "";
		n = store->len;
	}
	*out = src;
	*outlen = n;
	git_buf_dispose(&b);
	git_filter_list_free(fl);
	return r;
}

int repo_clean(struct ldr_repo *repo, const char *text, size_t len, struct ldr_buf *out, struct ldr_buf *err)
{
	struct ldr_buf store = LDR_BUF_INIT;
	const char *p;
	size_t n;
	int r = repo_clean_view(repo, text, len, &store, &p, &n, err);

	ldr_buf_reset(out);
	if (r == 0)
		ldr_buf_add(out, p, n);
	ldr_buf_release(&store);
	return r;
}
