/* The one way ldr writes a file (model/base/write.c): outputs refused behind a
 * link at any hop, over a file read, or inside a git directory; kept files
 * replaced under a lock with their mode, group and owner; and signals that
 * leave neither a temporary file nor a lock behind. */
#define _DEFAULT_SOURCE /* setgroups */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../model/roadmap/file.h"
#include "../../model/base/util.h"
#include "../../model/base/write.h"
#include "helpers.h"

#define NOBODY 65534

static char dir[] = "/tmp/ldr-test-write-XXXXXX";

/* dir/name, in one of a few buffers (a test uses several at once). */
static const char *at(const char *name)
{
	static char bufs[8][512];
	static int next;
	char *b = bufs[next++ % 8];
	snprintf(b, 512, "%s/%s", dir, name);
	return b;
}

static void put(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Read with stdio: ldr_file_read would make it an input, never an output. */
static char *get(const char *name)
{
	struct ldr_buf b = LDR_BUF_INIT;
	FILE *f = fopen(at(name), "r");
	int c;

	if (!f)
		return NULL;
	while ((c = fgetc(f)) != EOF)
		ldr_buf_addch(&b, (char)c);
	fclose(f);
	return ldr_buf_detach(&b);
}

static void assert_holds(const char *name, const char *text)
{
	char *s = get(name);
	assert_non_null(s);
	assert_string_equal(s, text);
	free(s);
}

/* How many names a directory under dir holds (hidden ones too). */
static size_t entries(const char *sub)
{
	char cmd[600];
	FILE *p;
	size_t n = 0;
	int c;

	snprintf(cmd, sizeof(cmd), "ls -A '%s'", at(sub));
	p = popen(cmd, "r");
	while ((c = fgetc(p)) != EOF)
		n += c == '\n';
	pclose(p);
	return n;
}

static int save(const char *name, const char *text, struct ldr_buf *err)
{
	ldr_buf_reset(err);
	return ldr_output_save(at(name), text, strlen(text), err);
}

static int setup(void **state)
{
	(void)state;
	umask(022);
	return mkdtemp(dir) && chmod(dir, 0755) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

/* ---- outputs ---------------------------------------------------------------- */

static void test_output_writes(void **state)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_output o;
	struct stat st;

	(void)state;
	mkdir(at("plain"), 0755);
	assert_int_equal(save("plain/a.csv", "one\n", &err), 0);
	assert_holds("plain/a.csv", "one\n");
	assert_int_equal(stat(at("plain/a.csv"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644); /* the umask's */
	chmod(at("plain/a.csv"), 0640);
	assert_int_equal(save("plain/a.csv", "two\n", &err), 0);
	assert_holds("plain/a.csv", "two\n");
	assert_int_equal(stat(at("plain/a.csv"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640); /* kept */
	assert_int_equal(entries("plain"), 1);

	/* Begun, then abandoned: nothing left. */
	assert_int_equal(ldr_output_begin(&o, at("plain/b.csv"), &err), 0);
	assert_int_equal(strncmp(o.tmp, dir, strlen(dir)), 0);
	assert_int_equal(entries("plain"), 2);
	ldr_output_abort(&o);
	assert_int_equal(entries("plain"), 1);

	/* The rename fails (a directory came in the way): nothing left. */
	assert_int_equal(ldr_output_begin(&o, at("plain/c.csv"), &err), 0);
	mkdir(at("plain/c.csv"), 0755);
	assert_int_equal(ldr_output_commit(&o, &err), LDR_E_IO);
	assert_non_null(strstr(err.s, "cannot replace"));
	assert_int_equal(entries("plain"), 2);
	ldr_buf_release(&err);
}

static void test_output_links(void **state)
{
	struct ldr_buf err = LDR_BUF_INIT;

	(void)state;
	mkdir(at("out"), 0755);
	mkdir(at("out/sub"), 0755);
	put("secret.txt", "secret\n");
	put("victim", "victim\n");
	/* Two hops: a.csv -> hop -> ../secret.txt. */
	assert_int_equal(symlink("../secret.txt", at("out/hop")), 0);
	assert_int_equal(symlink("hop", at("out/a.csv")), 0);
	assert_int_equal(save("out/a.csv", "x\n", &err), LDR_E_LINK);
	assert_non_null(strstr(err.s, "a.csv' is a symbolic link to 'hop', a link to '../secret.txt': "
				      "an output is never written through a link"));
	assert_holds("secret.txt", "secret\n");
	/* Through a directory: d.csv -> sub/x.csv -> ../../victim. */
	assert_int_equal(symlink("sub/x.csv", at("out/d.csv")), 0);
	assert_int_equal(symlink("../../victim", at("out/sub/x.csv")), 0);
	assert_int_equal(save("out/d.csv", "x\n", &err), LDR_E_LINK);
	assert_non_null(strstr(err.s, "to 'sub/x.csv', a link to '../../victim'"));
	assert_int_equal(save("out/sub/x.csv", "x\n", &err), LDR_E_LINK);
	assert_holds("victim", "victim\n");
	/* To a file not there yet, and to one beside it. */
	assert_int_equal(symlink("../later.csv", at("out/new.csv")), 0);
	assert_int_equal(save("out/new.csv", "x\n", &err), LDR_E_LINK);
	assert_int_equal(access(at("later.csv"), F_OK), -1);
	assert_int_equal(symlink("real.csv", at("out/latest.csv")), 0);
	assert_int_equal(save("out/latest.csv", "x\n", &err), LDR_E_LINK);
	assert_int_equal(access(at("out/real.csv"), F_OK), -1);
	/* Nothing was left by any of them. */
	assert_int_equal(entries("out"), 6);
	assert_int_equal(entries("out/sub"), 1);
	/* A link among the directories is where the file goes. */
	assert_int_equal(symlink("out", at("outlink")), 0);
	assert_int_equal(save("outlink/z.csv", "z\n", &err), 0);
	assert_holds("out/z.csv", "z\n");
	ldr_buf_release(&err);
}

static void test_output_inputs(void **state)
{
	struct ldr_buf err = LDR_BUF_INIT, text = LDR_BUF_INIT;

	(void)state;
	put("r.yaml", "ldr: 1\n");
	put("other.yaml", "other\n");
	assert_int_equal(ldr_file_read(at("r.yaml"), &text, &err), 0);
	assert_int_equal(save("r.yaml", "x\n", &err), LDR_E_INPUT);
	assert_non_null(strstr(err.s, "r.yaml' is a file this command reads"));
	assert_int_equal(link(at("r.yaml"), at("hard.csv")), 0);
	assert_int_equal(save("hard.csv", "x\n", &err), LDR_E_INPUT);
	assert_holds("r.yaml", "ldr: 1\n");
	ldr_output_protect(at("other.yaml"));
	assert_int_equal(save("other.yaml", "x\n", &err), LDR_E_INPUT);
	assert_holds("other.yaml", "other\n");
	ldr_buf_release(&err);
	ldr_buf_release(&text);
}

static void test_output_git_dirs(void **state)
{
	struct ldr_buf err = LDR_BUF_INIT;

	(void)state;
	mkdir(at("wt"), 0755);
	mkdir(at("wt/.git"), 0755);
	mkdir(at("wt/.git/hooks"), 0755);
	assert_int_equal(save("wt/.git/x.csv", "x\n", &err), LDR_E_GITDIR);
	assert_non_null(strstr(err.s, "is inside a git directory"));
	assert_int_equal(save("wt/.git/hooks/pre-commit", "x\n", &err), LDR_E_GITDIR);
	assert_int_equal(save("wt/x.csv", "x\n", &err), 0);
	/* A git directory by another name (a bare repository). */
	mkdir(at("bare.git"), 0755);
	mkdir(at("bare.git/objects"), 0755);
	mkdir(at("bare.git/refs"), 0755);
	put("bare.git/HEAD", "ref: refs/heads/main\n");
	assert_int_equal(save("bare.git/refs/x", "x\n", &err), LDR_E_GITDIR);
	assert_int_equal(save("bare.git/config", "x\n", &err), LDR_E_GITDIR);
	assert_int_equal(entries("wt/.git"), 1);
	ldr_buf_release(&err);
}

static void test_output_refusals(void **state)
{
	struct ldr_buf err = LDR_BUF_INIT;

	(void)state;
	put("ro.csv", "kept\n");
	chmod(at("ro.csv"), 0444);
	assert_int_equal(save("ro.csv", "x\n", &err), LDR_E_PERM);
	assert_non_null(strstr(err.s, "ro.csv' is read-only: not replaced"));
	assert_holds("ro.csv", "kept\n");
	assert_int_equal(save("no/such/dir/x.csv", "x\n", &err), LDR_E_IO);
	assert_non_null(strstr(err.s, "no directory"));
	mkdir(at("adir"), 0755);
	assert_int_equal(save("adir", "x\n", &err), LDR_E_IO);
	assert_int_equal(save("adir/", "x\n", &err), LDR_E_IO);
	ldr_buf_release(&err);
}

/* A library writing the temporary file by name finds a link there (someone
 * swapped it): the result is not renamed into place. */
static void test_output_swapped(void **state)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_output o;

	(void)state;
	mkdir(at("swap"), 0755);
	put("swap-victim", "victim\n");
	assert_int_equal(ldr_output_begin(&o, at("swap/w.xlsx"), &err), 0);
	assert_int_equal(unlink(o.tmp), 0);
	assert_int_equal(symlink(at("swap-victim"), o.tmp), 0);
	assert_int_equal(ldr_output_commit(&o, &err), LDR_E_LINK);
	assert_non_null(strstr(err.s, "was replaced while it was written"));
	assert_int_equal(access(at("swap/w.xlsx"), F_OK), -1);
	assert_int_equal(entries("swap"), 0);
	ldr_buf_release(&err);
}

/* ---- kept files -------------------------------------------------------------- */

static void test_kept_lock(void **state)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int fd;

	(void)state;
	put("k.yaml", "old\n");
	fd = open(at("k.yaml.lock"), O_WRONLY | O_CREAT | O_EXCL, 0644);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(set_mtime(at("k.yaml.lock"), test_now() - 1), 0);
	assert_int_equal(ldr_write_file(at("k.yaml"), "new\n", 4, &err), LDR_E_LOCKED);
	assert_non_null(strstr(err.s, "k.yaml.lock' exists (1 second old)"));
	assert_int_equal(access(at("k.yaml.lock"), F_OK), 0); /* someone else's: left alone */
	assert_holds("k.yaml", "old\n");
	unlink(at("k.yaml.lock"));
	ldr_buf_reset(&err);
	assert_int_equal(ldr_write_file(at("k.yaml"), "new\n", 4, &err), 0);
	assert_holds("k.yaml", "new\n");
	assert_int_equal(access(at("k.yaml.lock"), F_OK), -1);
	/* Through a link, to the file it names; the link stays. */
	assert_int_equal(symlink("k.yaml", at("klink.yaml")), 0);
	assert_int_equal(ldr_write_file(at("klink.yaml"), "linked\n", 7, &err), 0);
	assert_holds("k.yaml", "linked\n");
	ldr_buf_release(&err);
}

static void test_kept_mode_and_owners(void **state)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct stat st;

	(void)state;
	put("m.yaml", "old\n");
	chmod(at("m.yaml"), 0664);
	if (geteuid() == 0)
		assert_int_equal(chown(at("m.yaml"), NOBODY, 4242), 0);
	assert_int_equal(ldr_write_file(at("m.yaml"), "new\n", 4, &err), 0);
	assert_int_equal(stat(at("m.yaml"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0664);
	if (geteuid() == 0) { /* as root, ldr may keep both: it does */
		assert_int_equal(st.st_uid, NOBODY);
		assert_int_equal(st.st_gid, 4242);
	}
	chmod(at("m.yaml"), 0444);
	assert_int_equal(ldr_write_file(at("m.yaml"), "x\n", 2, &err), LDR_E_PERM);
	assert_non_null(strstr(err.s, "is read-only"));
	assert_holds("m.yaml", "new\n");
	ldr_buf_release(&err);
}

/* Someone who may write the file but is not in its group: refused, or the
 * group's members would lose it. Needs root, to be that someone. */
static void test_kept_group_not_ours(void **state)
{
	struct ldr_buf err = LDR_BUF_INIT;
	pid_t pid;
	int status;

	(void)state;
	if (geteuid() != 0)
		skip();
	mkdir(at("shared"), 0777);
	chmod(at("shared"), 0777);
	put("shared/g.yaml", "old\n");
	assert_int_equal(chown(at("shared/g.yaml"), NOBODY, 4242), 0);
	chmod(at("shared/g.yaml"), 0666);
	pid = fork();
	if (pid == 0) {
		if (setgroups(0, NULL) < 0 || setgid(NOBODY) < 0 || setuid(NOBODY) < 0)
			_exit(3);
		_exit(ldr_write_file(at("shared/g.yaml"), "new\n", 4, &err) == LDR_E_PERM &&
		      strstr(err.s, "cannot keep the group") ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_holds("shared/g.yaml", "old\n");
	assert_int_equal(entries("shared"), 1);
	ldr_buf_release(&err);
}

/* ---- signals ----------------------------------------------------------------- */

/* Run fn in a child and return how it ended (its wait status). */
static int in_child(void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void killed_while_writing(void)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_output o;

	ldr_signals_install();
	if (ldr_output_begin(&o, at("sig/a.csv"), &err) < 0 || ldr_output_write(&o, "x\n", 2, &err) < 0)
		_exit(2);
	raise(SIGTERM);
	_exit(1); /* not reached */
}

static void killed_while_held(void)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_output o;

	ldr_signals_install();
	ldr_signals_hold();
	if (ldr_output_begin(&o, at("sig/b.csv"), &err) < 0)
		_exit(2);
	raise(SIGINT);
	if (ldr_output_write(&o, "done\n", 5, &err) < 0 || ldr_output_commit(&o, &err) < 0)
		_exit(2);
	ldr_signals_release(); /* the signal acts here */
	_exit(1);
}

static void hangup_ignored(void)
{
	struct ldr_buf err = LDR_BUF_INIT;

	signal(SIGHUP, SIG_IGN);
	ldr_signals_install();
	raise(SIGHUP);
	if (ldr_output_save(at("sig/c.csv"), "nohup\n", 6, &err) < 0)
		_exit(2);
}

static void test_signals(void **state)
{
	int status;

	(void)state;
	mkdir(at("sig"), 0755);
	/* Killed before the rename: the temporary file goes, nothing is written. */
	status = in_child(killed_while_writing);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	assert_int_equal(entries("sig"), 0);
	/* Held: the file is written and renamed, then the signal acts. */
	status = in_child(killed_while_held);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT);
	assert_holds("sig/b.csv", "done\n");
	assert_int_equal(entries("sig"), 1);
	/* An ignored signal stays ignored (nohup). */
	status = in_child(hangup_ignored);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_holds("sig/c.csv", "nohup\n");
}

/* A child made by fork and killed does not remove its parent's files. */
static void test_signal_spares_parent(void **state)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_output o;
	pid_t pid;
	int status;

	(void)state;
	mkdir(at("fork"), 0755);
	assert_int_equal(ldr_output_begin(&o, at("fork/p.csv"), &err), 0);
	pid = fork();
	if (pid == 0) {
		ldr_signals_install();
		raise(SIGTERM);
		_exit(1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(access(o.tmp, F_OK), 0);
	ldr_output_abort(&o);
	assert_int_equal(entries("fork"), 0);
	ldr_buf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output_writes),
		cmocka_unit_test(test_output_links),
		cmocka_unit_test(test_output_inputs),
		cmocka_unit_test(test_output_git_dirs),
		cmocka_unit_test(test_output_refusals),
		cmocka_unit_test(test_output_swapped),
		cmocka_unit_test(test_kept_lock),
		cmocka_unit_test(test_kept_mode_and_owners),
		cmocka_unit_test(test_kept_group_not_ours),
		cmocka_unit_test(test_signals),
		cmocka_unit_test(test_signal_spares_parent),
	};
	ldr_clock_set(test_now);
	return cmocka_run_group_tests(tests, setup, teardown);
}
