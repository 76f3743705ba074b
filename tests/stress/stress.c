/* Saving under stress, with the real ldr and the plain git CLI as judges:
 *
 *  kill:  'ldr set' killed with SIGKILL at random moments, again and again.
 *         After every kill roadmap.yaml must parse; every save that reported
 *         success must have its commit; at the end 'git fsck' and 'git log'
 *         accept the repository and an edit interrupted after the file was
 *         written is committed by the next save.
 *  race:  two 'ldr set' started at once on the same roadmap, many times:
 *         one succeeds, the other fails with "changed since loaded" (or
 *         both succeed, one after the other); no edit is lost silently.
 *
 *   stress LDR ROADMAP [kill|race]   (from the top of the tree; both by default)
 *
 * Locks left by a killed process (roadmap.yaml.lock, git's index.lock and
 * ref locks) are reported by ldr, never removed by it: here, as a person
 * would after reading the message, the driver removes them and counts them. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../model/base/diag.h"
#include "../../model/roadmap/file.h"
#include "../../model/roadmap/index.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/base/util.h"

#define KILLS 100
#define RACES 30

static const char *ldr;
static char top[64], repo[96], logfile[96];
static int failures;

__attribute__((format(printf, 1, 2)))
static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "stress: FAILED: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	failures++;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Start ldr with these arguments, its output into the log. */
static pid_t spawn(char *const argv[], const char *log)
{
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
			close(fd);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	return pid;
}

static int finish(pid_t pid, int *killed)
{
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	*killed = WIFSIGNALED(status);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int run_ldr(char *const argv[])
{
	int killed;
	return finish(spawn(argv, logfile), &killed);
}

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
	char cmd[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd);
}

static char *slurp(const char *path)
{
	struct ldr_buf b = LDR_BUF_INIT, err = LDR_BUF_INIT;
	if (ldr_file_read(path, &b, &err) < 0) {
		ldr_buf_release(&err);
		ldr_buf_release(&b);
		return NULL;
	}
	ldr_buf_release(&err);
	return ldr_buf_detach(&b);
}

/* The notes of a capability in the file as it is now; NULL if unparseable. */
static char *notes_of(const char *id, int *parsed)
{
	char path[128];
	char *text, *notes = NULL;
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_index ix;

	snprintf(path, sizeof(path), "%s/roadmap.yaml", repo);
	text = slurp(path);
	*parsed = 0;
	if (!text)
		return NULL;
	ldr_diag_init(&d, path);
	if (ldr_roadmap_read(&rm, text, strlen(text), &d) == 0) {
		struct ldr_capability *c;
		*parsed = 1;
		ldr_index_build(&ix, &rm);
		c = ldr_index_get(&ix, &ldr_kind_capability, id);
		notes = c && c->notes ? ldr_strdup(c->notes) : NULL;
		ldr_index_release(&ix);
	}
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	free(text);
	return notes;
}

/* Remove a lock a killed process left, as a person would; 1 if there was one. */
static int clear_lock(const char *rel)
{
	char path[192];
	snprintf(path, sizeof(path), "%s/%s", repo, rel);
	return unlink(path) == 0;
}

static int clear_locks(void)
{
	return clear_lock("roadmap.yaml.lock") + clear_lock(".git/index.lock") +
	       clear_lock(".git/refs/heads/master.lock") + clear_lock(".git/HEAD.lock");
}

static void make_repo(const char *roadmap)
{
	char *argv[] = { (char *)ldr, (char *)"init", repo, (char *)"--from", (char *)roadmap, NULL };
	sh("rm -rf '%s'", repo);
	if (run_ldr(argv) != 0) {
		fail("ldr init failed");
		sh("cat '%s' >&2", logfile);
		exit(1);
	}
}

static void judge_with_git(const char *what)
{
	if (sh("git -C '%s' fsck --strict --no-dangling >%s 2>&1", repo, logfile) != 0) {
		fail("%s: git fsck refuses the repository", what);
		sh("cat '%s' >&2", logfile);
	}
	if (sh("git -C '%s' log --oneline >/dev/null 2>&1", repo) != 0)
		fail("%s: git log refuses the repository", what);
	if (sh("test -z \"$(git -C '%s' status --porcelain)\"", repo) != 0) {
		fail("%s: the work tree is not clean after the last save", what);
		sh("git -C '%s' status >&2", repo);
	}
}

static int committed(const char *subject)
{
	return sh("git -C '%s' log --format=%%s | grep -qx '%s'", repo, subject) == 0;
}

static void kill_loop(const char *roadmap)
{
	char value[64], msg[64], *done = calloc(KILLS, 1);
	double full = 0;
	int i, ok = 0, killed_n = 0, locks = 0, refused = 0, pending = 0, after_commit = 0, parsed;

	make_repo(roadmap);
	for (i = 0; i < KILLS; i++) {
		char *argv[] = { (char *)ldr, (char *)"set", repo, value, (char *)"-m", msg, NULL };
		double t0 = now_ms();
		pid_t pid;
		int killed, code;

		snprintf(value, sizeof(value), "C01.notes=kill %d", i);
		snprintf(msg, sizeof(msg), "kill %d", i);
		pid = spawn(argv, logfile);
		if (i > 0) {
			/* Anywhere in a save, and now and then just after it. */
			struct timespec ts;
			long us = (long)(rand() % (int)(full * 1500 + 1));
			ts.tv_sec = us / 1000000;
			ts.tv_nsec = us % 1000000 * 1000;
			nanosleep(&ts, NULL);
			kill(pid, SIGKILL);
		}
		code = finish(pid, &killed);
		if (i == 0)
			full = now_ms() - t0;
		if (killed) {
			killed_n++;
			/* Where did the kill land: before the file was replaced,
			 * between that and the commit, or after the commit? */
			char *notes = notes_of("C01", &parsed);
			if (notes && strcmp(notes, value + 10) == 0) {
				if (sh("test \"$(git -C '%s' log -1 --format=%%s)\" = '%s'", repo, msg) == 0)
					after_commit++;
				else
					pending++;
			}
			free(notes);
		} else if (code == 0) {
			done[i] = 1;
			ok++;
		} else if (sh("grep -q 'exists (' '%s'", logfile) == 0) {
			refused++; /* a lock left by an earlier kill: reported, as it should be */
		} else {
			fail("kill %d: ldr set exited %d", i, code);
			sh("cat '%s' >&2", logfile);
		}
		free(notes_of("C01", &parsed));
		if (!parsed)
			fail("kill %d: roadmap.yaml does not parse", i);
		locks += clear_locks();
	}
	/* One save to the end: it commits an edit a kill left uncommitted. */
	{
		char *argv[] = { (char *)ldr, (char *)"set", repo, (char *)"C01.notes=after the kills", (char *)"-m", (char *)"after", NULL };
		if (run_ldr(argv) != 0) {
			fail("the save after the kills failed");
			sh("cat '%s' >&2", logfile);
		}
	}
	for (i = 0; i < KILLS; i++) {
		snprintf(msg, sizeof(msg), "kill %d", i);
		if (done[i] && !committed(msg))
			fail("'ldr set' %d succeeded but its commit is lost", i);
	}
	judge_with_git("kill");
	printf("stress: kill: %d saves: %d completed (the first in %.0f ms), %d killed (%d after the file "
	       "was written and before the commit, %d after the commit), %d refused over a lock left "
	       "behind, %d locks removed by hand\n", KILLS, ok, full, killed_n, pending, after_commit,
	       refused, locks);
	free(done);
}

static void race(void)
{
	int r, wins = 0, conflicts = 0, parsed;
	char *a_notes = NULL, *b_notes = NULL;

	for (r = 0; r < RACES; r++) {
		char va[64], vb[64], loga[128], logb[128];
		char *argv_a[] = { (char *)ldr, (char *)"set", repo, va, NULL };
		char *argv_b[] = { (char *)ldr, (char *)"set", repo, vb, NULL };
		pid_t a, b;
		int ca, cb, ka, kb;

		snprintf(va, sizeof(va), "C02.notes=A %d", r);
		snprintf(vb, sizeof(vb), "C03.notes=B %d", r);
		snprintf(loga, sizeof(loga), "%s/a.log", top);
		snprintf(logb, sizeof(logb), "%s/b.log", top);
		a = spawn(argv_a, loga);
		b = spawn(argv_b, logb);
		ca = finish(a, &ka);
		cb = finish(b, &kb);
		if (ca != 0 && cb != 0)
			fail("race %d: neither save succeeded", r);
		if ((ca && sh("grep -q 'changed since loaded' '%s'", loga)) ||
		    (cb && sh("grep -q 'changed since loaded' '%s'", logb))) {
			fail("race %d: a save failed without saying 'changed since loaded'", r);
			sh("cat '%s' '%s' >&2", loga, logb);
		}
		conflicts += (ca != 0) + (cb != 0);
		wins += (ca == 0) + (cb == 0);
		/* What the file holds is exactly what succeeded. */
		free(a_notes);
		free(b_notes);
		a_notes = notes_of("C02", &parsed);
		b_notes = notes_of("C03", &parsed);
		if (!parsed)
			fail("race %d: roadmap.yaml does not parse", r);
		if ((ca == 0) != (a_notes && strcmp(a_notes, va + 10) == 0))
			fail("race %d: A %s, but the file says '%s'", r, ca ? "failed" : "succeeded",
			     a_notes ? a_notes : "");
		if ((cb == 0) != (b_notes && strcmp(b_notes, vb + 10) == 0))
			fail("race %d: B %s, but the file says '%s'", r, cb ? "failed" : "succeeded",
			     b_notes ? b_notes : "");
		if (sh("test -z \"$(git -C '%s' status --porcelain)\"", repo) != 0)
			fail("race %d: the work tree is not clean", r);
	}
	free(a_notes);
	free(b_notes);
	if (!conflicts)
		fail("race: %d rounds and never two saves at once: the test did not test", RACES);
	judge_with_git("race");
	printf("stress: race: %d rounds of two saves at once: %d saved, %d refused as changed since loaded\n",
	       RACES, wins, conflicts);
}

int main(int argc, char **argv)
{
	const char *what = argc > 3 ? argv[3] : "all";
	unsigned seed = (unsigned)time(NULL);

	if (argc < 3) {
		fprintf(stderr, "usage: stress LDR ROADMAP [kill|race]\n");
		return 64;
	}
	ldr = argv[1];
	if (getenv("LDR_STRESS_SEED"))
		seed = (unsigned)strtoul(getenv("LDR_STRESS_SEED"), NULL, 10);
	srand(seed);
	strcpy(top, "/tmp/ldr-stress-XXXXXX");
	if (!mkdtemp(top)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(repo, sizeof(repo), "%s/repo", top);
	snprintf(logfile, sizeof(logfile), "%s/ldr.log", top);
	setenv("HOME", top, 1);
	setenv("GIT_AUTHOR_NAME", "Stress", 1);
	setenv("GIT_AUTHOR_EMAIL", "stress@example.org", 1);
	setenv("GIT_COMMITTER_NAME", "Stress", 1);
	setenv("GIT_COMMITTER_EMAIL", "stress@example.org", 1);
	if (strcmp(what, "race") != 0)
		kill_loop(argv[2]);
	if (strcmp(what, "kill") != 0) {
		if (strcmp(what, "race") == 0)
			make_repo(argv[2]);
		race();
	}
	if (failures) {
		fprintf(stderr, "stress: %d failure%s (seed %u; the repository is kept in %s)\n", failures,
			failures == 1 ? "" : "s", seed, top);
		return 1;
	}
	sh("rm -rf '%s'", top);
	return 0;
}
