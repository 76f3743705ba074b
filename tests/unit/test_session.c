/* Sessions on one roadmap (model/history/session.c): the lock a second session finds
 * held, a lock left by a session that ended (its pid gone, or given to a
 * process begun later), taking over, and the recovery files that belong to
 * a session by their names. No terminal: the interface's side is in
 * tests/cli/tui-session.t and tests/tmux/run.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../model/history/session.h"
#include "../../model/base/util.h"
#include "../../model/base/write.h"

static char dir[] = "/tmp/ldr-test-session-XXXXXX";

static const char *at(const char *name)
{
	static char bufs[4][512];
	static int next;
	char *b = bufs[next++ % 4];
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

/* A pid that was a process and is no more. */
static long gone_pid(void)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return (long)pid;
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[600];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void self_is_running(void **state)
{
	struct ldr_session me, later, other_host, gone;
	(void)state;
	ldr_session_self(&me);
	assert_int_equal(me.pid, (long)getpid());
	assert_true(me.host[0] != '\0');
	assert_true(me.user[0] != '\0');
	assert_true(ldr_session_running(&me));
	/* Our pid, but a session begun long before this process: the pid was
	 * given to us after that session ended. */
	later = me;
	later.since = 1000;
	assert_false(ldr_session_running(&later));
	/* Another host's cannot be seen: running, for all we know. */
	other_host = me;
	other_host.pid = gone_pid();
	snprintf(other_host.host, sizeof(other_host.host), "elsewhere.example");
	assert_true(ldr_session_running(&other_host));
	gone = me;
	gone.pid = gone_pid();
	assert_false(ldr_session_running(&gone));
}

static void tags(void **state)
{
	struct ldr_session me, back;
	struct ldr_buf b = LDR_BUF_INIT;
	(void)state;
	ldr_session_self(&me);
	ldr_session_tag(&me, &b);
	assert_int_equal(ldr_session_parse_tag(&back, b.s, b.len), 0);
	assert_true(ldr_session_same(&me, &back));
	assert_int_equal(ldr_session_parse_tag(&back, "12-34@h.example", 15), 0);
	assert_int_equal(back.pid, 12);
	assert_int_equal(back.since, 34);
	assert_string_equal(back.host, "h.example");
	assert_int_equal(ldr_session_parse_tag(&back, "x12-34@h", 8), -1);
	assert_int_equal(ldr_session_parse_tag(&back, "12-34@", 6), -1);
	assert_int_equal(ldr_session_parse_tag(&back, "12@h", 4), -1);
	assert_int_equal(ldr_session_parse_tag(&back, "12-34@a/b", 9), -1);
	ldr_buf_release(&b);
}

static void a_second_session_is_told(void **state)
{
	struct ldr_session a, b, seen;
	struct ldr_buf err = LDR_BUF_INIT;
	const char *lock = at("one.session");
	(void)state;
	ldr_session_self(&a);
	b = a;
	b.pid = a.pid + 1; /* another session, told apart by its pid */
	assert_int_equal(ldr_session_lock(lock, &a, &seen, &err), 0);
	/* Taken again by its holder: still its own. */
	assert_int_equal(ldr_session_lock(lock, &a, &seen, &err), 0);
	assert_int_equal(ldr_session_lock(lock, &b, &seen, &err), 1);
	assert_true(ldr_session_same(&seen, &a));
	assert_string_equal(seen.user, a.user);
	/* The second cannot remove it; the first can. */
	ldr_session_unlock(lock, &b);
	assert_int_equal(access(lock, F_OK), 0);
	ldr_session_unlock(lock, &a);
	assert_int_equal(access(lock, F_OK), -1);
	ldr_buf_release(&err);
}

static void a_stale_lock_is_taken(void **state)
{
	struct ldr_session me, seen;
	struct ldr_buf err = LDR_BUF_INIT, text = LDR_BUF_INIT;
	const char *lock = at("two.session");
	(void)state;
	ldr_session_self(&me);
	ldr_buf_addf(&text, "pid %ld\nhost %s\nuser someone\nsince %lld\n", gone_pid(), me.host,
		     me.since - 60);
	put("two.session", text.s);
	assert_int_equal(ldr_session_lock(lock, &me, &seen, &err), 0);
	assert_int_equal(ldr_session_read(lock, &seen, &err), 0);
	assert_true(ldr_session_same(&seen, &me));
	/* Nor is a file that is not a lock in the way. */
	put("two.session", "garbage\n");
	assert_int_equal(ldr_session_lock(lock, &me, &seen, &err), 0);
	ldr_session_unlock(lock, &me);
	ldr_buf_release(&err);
	ldr_buf_release(&text);
}

static void taking_over(void **state)
{
	struct ldr_session a, b, seen;
	struct ldr_buf err = LDR_BUF_INIT;
	const char *lock = at("three.session");
	(void)state;
	ldr_session_self(&a);
	b = a;
	b.pid = a.pid + 1;
	assert_int_equal(ldr_session_lock(lock, &a, &seen, &err), 0);
	assert_int_equal(ldr_session_take(lock, &b, &err), 0);
	assert_int_equal(ldr_session_read(lock, &seen, &err), 0);
	assert_true(ldr_session_same(&seen, &b));
	/* The first, ending, leaves the lock of the one that took it over. */
	ldr_session_unlock(lock, &a);
	assert_int_equal(ldr_session_read(lock, &seen, &err), 0);
	assert_true(ldr_session_same(&seen, &b));
	unlink(lock);
	ldr_buf_release(&err);
}

/* Only the files of sessions that ended are offered, oldest first; a
 * running session's are its own, and those of an ldr before sessions are
 * taken to be ended. */
static void files_of_ended_sessions(void **state)
{
	struct ldr_session me, dead1, dead2;
	struct ldr_buf n1 = LDR_BUF_INIT, n2 = LDR_BUF_INIT, n3 = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_ended *v;
	struct timeval tv[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	size_t n;
	(void)state;
	ldr_session_self(&me);
	dead1 = dead2 = me;
	dead1.pid = gone_pid();
	dead2.since = 1000; /* our pid, long before us */
	ldr_buf_addstr(&n1, "r%2Fmap.yaml.");
	ldr_session_tag(&dead1, &n1);
	ldr_buf_addstr(&n1, ".unsaved");
	ldr_buf_addstr(&n2, "r%2Fmap.yaml.");
	ldr_session_tag(&dead2, &n2);
	ldr_buf_addstr(&n2, ".unsaved");
	ldr_buf_addstr(&n3, "r%2Fmap.yaml.");
	ldr_session_tag(&me, &n3);
	ldr_buf_addstr(&n3, ".unsaved");
	put(n1.s, "x");
	put(n2.s, "x");
	put(n3.s, "x");
	put("r%2Fmap.yaml.unsaved", "x");
	put("r%2Fmap.yaml.base", "x");
	put("other.yaml.unsaved", "x");
	utimes(at(n2.s), tv);
	assert_int_equal(ldr_session_ended(dir, "r%2Fmap.yaml", ".unsaved", &v, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_true(ldr_session_same(&v[0].s, &dead2));
	assert_int_equal(v[0].time, 1000000000);
	assert_true(!strcmp(v[1].tag, "") || !strcmp(v[2].tag, ""));
	assert_true(ldr_session_same(&v[1].s, &dead1) || ldr_session_same(&v[2].s, &dead1));
	ldr_ended_free(v, n);
	assert_int_equal(ldr_session_ended(at("none"), "r", ".unsaved", &v, &n, &err), 0);
	assert_int_equal(n, 0);
	ldr_buf_release(&n1);
	ldr_buf_release(&n2);
	ldr_buf_release(&n3);
	ldr_buf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(self_is_running),
		cmocka_unit_test(tags),
		cmocka_unit_test(a_second_session_is_told),
		cmocka_unit_test(a_stale_lock_is_taken),
		cmocka_unit_test(taking_over),
		cmocka_unit_test(files_of_ended_sessions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
