/* Scenarios: names, what a scenario is made from, commits on one that touch
 * nothing of the plan, the refusals, and the merge of a local branch by
 * meaning. Every test works in a throw-away repository under /tmp, which
 * plain git must accept afterwards. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>

#include "../../model/roadmap/edit.h"
#include "../../model/history/repo.h"
#include "../../model/history/scenario.h"
#include "../../model/history/sync.h"
#include "../../model/base/write.h"
#include "helpers.h"

#define ROADMAP HEAD "projects:\n- id: P1\n  name: First\n  start: 16/17 Q1\n  end: 16/17 Q4\n" \
	"- id: P2\n  name: Second\n  start: 17/18 Q1\n  end: 17/18 Q4\n  depends_on: [P1]\n"

struct sandbox {
	char dir[64];
	char file[96];
	struct ldr_repo *repo;
	struct ldr_roadmap rm;
	struct ldr_loaded st;
};

static int sandbox_up(void **state)
{
	struct sandbox *s = calloc(1, sizeof(*s));
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_diag d;

	strcpy(s->dir, "/tmp/ldr-test-scen-XXXXXX");
	assert_non_null(mkdtemp(s->dir));
	snprintf(s->file, sizeof(s->file), "%s/roadmap.yaml", s->dir);
	setenv("HOME", s->dir, 1);
	assert_int_equal(ldr_repo_init(&s->repo, s->dir, ROADMAP, strlen(ROADMAP), "First", 0, NULL, &err), 0);
	ldr_diag_init(&d, "t");
	assert_int_equal(ldr_repo_load(s->repo, &s->rm, &s->st, &d, &err), 0);
	ldr_diag_release(&d);
	ldr_buf_release(&err);
	*state = s;
	return 0;
}

static int sandbox_down(void **state)
{
	struct sandbox *s = *state;
	char cmd[256];

	ldr_roadmap_release(&s->rm);
	ldr_repo_free(s->repo);
	snprintf(cmd, sizeof(cmd), "git -C '%s' fsck --strict --no-dangling --no-progress && "
		 "git -C '%s' log --all --oneline >/dev/null", s->dir, s->dir);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", s->dir);
	assert_int_equal(system(cmd), 0);
	free(s);
	return 0;
}

static void set(struct ldr_roadmap *rm, const char *assignment)
{
	struct ldr_buf err = LDR_BUF_INIT;
	assert_int_equal(ldr_edit_assign(rm, assignment, &err), 0);
	ldr_buf_release(&err);
}

static void test_names(void **state)
{
	static const char *const good[] = { "p12-slips", "A", "v1.2_b", "9" };
	static const char *const bad[] = { "", "-x", ".x", "a b", "a/b", "a..b", "x.", "x.lock", "é",
					   "a:b", "a~1", "a^", "a*", "a?", "a[", "a\\b", "a\n" };
	struct ldr_buf err = LDR_BUF_INIT;
	char longest[LDR_SCENARIO_NAME_MAX + 2];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(*good); i++)
		assert_int_equal(ldr_scenario_name_check(good[i], &err), 0);
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		ldr_buf_reset(&err);
		assert_int_equal(ldr_scenario_name_check(bad[i], &err), -1);
		assert_non_null(strstr(err.s, "scenario name"));
	}
	memset(longest, 'a', sizeof(longest));
	longest[LDR_SCENARIO_NAME_MAX] = '\0';
	assert_int_equal(ldr_scenario_name_check(longest, &err), 0);
	longest[LDR_SCENARIO_NAME_MAX] = 'a';
	longest[LDR_SCENARIO_NAME_MAX + 1] = '\0';
	assert_int_equal(ldr_scenario_name_check(longest, &err), -1);
	ldr_buf_release(&err);
}

static void test_age(void **state)
{
	struct ldr_scenario s;

	(void)state;
	memset(&s, 0, sizeof(s));
	ldr_clock_set(test_now);
	s.time = TEST_NOW - 3 * 86400 - 5;
	assert_int_equal(ldr_scenario_age_days(&s), 3);
	s.time = TEST_NOW - 86399;
	assert_int_equal(ldr_scenario_age_days(&s), 0);
	s.time = TEST_NOW + 86400 * 2; /* a clock behind the commit's */
	assert_int_equal(ldr_scenario_age_days(&s), 0);
}

/* A scenario is made at HEAD, listed by name, and refused twice. */
static void test_new_list_find(void **state)
{
	struct sandbox *s = *state;
	struct ldr_scenario a, b, *v = NULL;
	struct ldr_buf err = LDR_BUF_INIT;
	size_t n = 0;

	assert_int_equal(ldr_scenario_list(s->repo, &v, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(ldr_scenario_new(s->repo, "zeta", &a, &err), 0);
	assert_string_equal(a.tip, s->st.head);
	assert_string_equal(a.base, s->st.head);
	assert_int_equal(a.ahead, 0);
	assert_int_equal(a.behind, 0);
	assert_string_equal(a.subject, "First");
	assert_int_equal(ldr_scenario_new(s->repo, "alpha", &b, &err), 0);
	ldr_scenario_release(&b);
	assert_int_equal(ldr_scenario_new(s->repo, "zeta", &b, &err), LDR_E_EXISTS);
	assert_non_null(strstr(err.s, "exists already"));
	ldr_buf_reset(&err);
	assert_int_equal(ldr_scenario_new(s->repo, "no good", &b, &err), -1);
	assert_int_equal(ldr_scenario_list(s->repo, &v, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].name, "alpha");
	assert_string_equal(v[1].name, "zeta");
	ldr_scenarios_free(v, n);
	ldr_buf_reset(&err);
	assert_int_equal(ldr_scenario_find(s->repo, "zeda", &b, &err), -1);
	assert_string_equal(err.s, "no scenario 'zeda' (did you mean 'zeta'?)");
	ldr_buf_reset(&err);
	assert_int_equal(ldr_scenario_find(s->repo, "zeta", &b, &err), 0);
	assert_string_equal(b.tip, a.tip);
	ldr_scenario_release(&a);
	ldr_scenario_release(&b);
	ldr_buf_release(&err);
}

/* A commit on a scenario moves its branch alone: HEAD, the file and the
 * index are as they were. */
static void test_save_touches_nothing_of_the_plan(void **state)
{
	struct sandbox *s = *state;
	struct ldr_scenario a, now;
	struct ldr_buf err = LDR_BUF_INIT, id = LDR_BUF_INIT, text = LDR_BUF_INIT;
	struct ldr_commit c;
	size_t len;
	char *before = slurp(s->file, &len), *after;
	char cmd[200];

	assert_int_equal(ldr_scenario_new(s->repo, "late", &a, &err), 0);
	set(&s->rm, "P1.end=17/18 Q1");
	assert_int_equal(ldr_scenario_save(s->repo, "late", a.tip, &s->rm, "P1 slips", &id, &err), 0);
	assert_int_equal(id.len, LDR_OID_HEX);
	after = slurp(s->file, &len);
	assert_string_equal(before, after);
	assert_int_equal(ldr_repo_changed(s->repo, &s->st, &err), 0);
	snprintf(cmd, sizeof(cmd), "test -z \"$(git -C '%s' status --porcelain)\"", s->dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(ldr_scenario_find(s->repo, "late", &now, &err), 0);
	assert_string_equal(now.tip, id.s);
	assert_int_equal(now.ahead, 1);
	assert_string_equal(now.subject, "P1 slips");
	assert_int_equal(ldr_repo_read_rev(s->repo, "scenario/late", &text, &c, &err), 0);
	assert_non_null(strstr(text.s, "end: 17/18 Q1"));
	assert_int_equal(c.parents, 1);
	ldr_commit_release(&c);
	/* The same roadmap again: no commit. */
	ldr_buf_reset(&id);
	assert_int_equal(ldr_scenario_save(s->repo, "late", now.tip, &s->rm, "again", &id, &err), 0);
	assert_int_equal(id.len, 0);
	/* A tip that moved since it was read: refused. */
	set(&s->rm, "P1.end=17/18 Q2");
	assert_int_equal(ldr_scenario_save(s->repo, "late", a.tip, &s->rm, "stale", &id, &err), LDR_E_CHANGED);
	free(before);
	free(after);
	ldr_scenario_release(&a);
	ldr_scenario_release(&now);
	ldr_buf_release(&err);
	ldr_buf_release(&id);
	ldr_buf_release(&text);
}

static void test_save_refuses_an_invalid_roadmap(void **state)
{
	struct sandbox *s = *state;
	struct ldr_scenario a;
	struct ldr_buf err = LDR_BUF_INIT;

	assert_int_equal(ldr_scenario_new(s->repo, "bad", &a, &err), 0);
	/* A duplicate id, which no field check can see. */
	free(((struct ldr_project *)s->rm.projects.items)[1].id);
	((struct ldr_project *)s->rm.projects.items)[1].id = ldr_strdup("P1");
	assert_int_equal(ldr_scenario_save(s->repo, "bad", a.tip, &s->rm, "no", NULL, &err), LDR_E_INVALID);
	assert_non_null(strstr(err.s, "not committed: the roadmap would have errors"));
	ldr_scenario_release(&a);
	ldr_buf_release(&err);
}

static void test_drop(void **state)
{
	struct sandbox *s = *state;
	struct ldr_scenario a, d;
	struct ldr_buf err = LDR_BUF_INIT;

	assert_int_equal(ldr_scenario_new(s->repo, "empty", &a, &err), 0);
	ldr_scenario_release(&a);
	assert_int_equal(ldr_scenario_drop(s->repo, "empty", 0, &d, &err), 0);
	ldr_scenario_release(&d);
	assert_int_equal(ldr_scenario_find(s->repo, "empty", &d, &err), -1);
	ldr_buf_reset(&err);
	assert_int_equal(ldr_scenario_new(s->repo, "work", &a, &err), 0);
	set(&s->rm, "P2.end=18/19 Q1");
	assert_int_equal(ldr_scenario_save(s->repo, "work", a.tip, &s->rm, "P2 slips", NULL, &err), 0);
	assert_int_equal(ldr_scenario_drop(s->repo, "work", 0, &d, &err), -1);
	assert_non_null(strstr(err.s, "1 commit the plan does not"));
	ldr_scenario_release(&d);
	assert_int_equal(ldr_scenario_drop(s->repo, "work", 1, &d, &err), 0);
	assert_int_equal(d.ahead, 1);
	ldr_scenario_release(&d);
	ldr_scenario_release(&a);
	ldr_buf_release(&err);
}

/* ldr merge: a fast-forward when the plan has not moved, a merge by
 * meaning with two parents when it has, nothing when it has it all. */
static void test_merge(void **state)
{
	struct sandbox *s = *state;
	struct ldr_scenario a;
	struct ldr_check_opts o;
	struct ldr_sync m;
	struct ldr_buf err = LDR_BUF_INIT, id = LDR_BUF_INIT;
	struct ldr_commit c;
	char base[LDR_OID_HEX + 1];

	memset(&o, 0, sizeof(o));
	assert_int_equal(ldr_scenario_new(s->repo, "one", &a, &err), 0);
	set(&s->rm, "P2.name=Second, renamed");
	assert_int_equal(ldr_scenario_save(s->repo, "one", a.tip, &s->rm, "rename P2", NULL, &err), 0);
	set(&s->rm, "P2.name=Second");
	assert_int_equal(ldr_merge_rev(s->repo, "scenario/one", &s->rm, &s->st, &o, &m, &err), 0);
	assert_int_equal(m.how, LDR_SYNC_FAST_FORWARD);
	assert_int_equal(m.taken.n, 1);
	ldr_sync_release(&m);
	assert_int_equal(ldr_merge_rev(s->repo, "scenario/one", &s->rm, &s->st, &o, &m, &err), 0);
	assert_int_equal(m.how, LDR_SYNC_UP_TO_DATE);
	ldr_sync_release(&m);
	ldr_scenario_release(&a);
	/* Both move: the scenario P1's end, the plan P1's name. */
	ldr_roadmap_release(&s->rm);
	{
		struct ldr_diag d;
		ldr_diag_init(&d, "t");
		assert_int_equal(ldr_repo_load(s->repo, &s->rm, &s->st, &d, &err), 0);
		ldr_diag_release(&d);
	}
	assert_int_equal(ldr_scenario_new(s->repo, "two", &a, &err), 0);
	set(&s->rm, "P1.end=16/17 Q3");
	assert_int_equal(ldr_scenario_save(s->repo, "two", a.tip, &s->rm, "P1 early", NULL, &err), 0);
	set(&s->rm, "P1.end=16/17 Q4");
	set(&s->rm, "P1.name=Premier");
	assert_int_equal(ldr_repo_save(s->repo, &s->rm, &s->st, "rename P1", NULL, &err), 0);
	assert_int_equal(ldr_repo_merge_base(s->repo, s->st.head, a.tip, base, &err), 0);
	assert_string_equal(base, a.tip);
	assert_int_equal(ldr_merge_rev(s->repo, "scenario/two", &s->rm, &s->st, &o, &m, &err), 0);
	assert_int_equal(m.how, LDR_SYNC_MERGED);
	ldr_sync_release(&m);
	assert_int_equal(ldr_repo_resolve(s->repo, "HEAD", &c, &err), 0);
	assert_int_equal(c.parents, 2);
	assert_non_null(strstr(c.message, "Merge scenario/two"));
	ldr_commit_release(&c);
	assert_int_equal(ldr_repo_read_rev(s->repo, "HEAD", &id, &c, &err), 0);
	assert_non_null(strstr(id.s, "name: Premier"));
	assert_non_null(strstr(id.s, "end: 16/17 Q3"));
	ldr_commit_release(&c);
	ldr_scenario_release(&a);
	ldr_buf_release(&err);
	ldr_buf_release(&id);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_age),
		cmocka_unit_test_setup_teardown(test_new_list_find, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_save_touches_nothing_of_the_plan, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_save_refuses_an_invalid_roadmap, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_drop, sandbox_up, sandbox_down),
		cmocka_unit_test_setup_teardown(test_merge, sandbox_up, sandbox_down),
	};
	setenv("GIT_AUTHOR_NAME", "Test", 1);
	setenv("GIT_AUTHOR_EMAIL", "test@example.org", 1);
	setenv("GIT_AUTHOR_DATE", "2016-06-30T12:00:00Z", 1);
	setenv("GIT_COMMITTER_NAME", "Test", 1);
	setenv("GIT_COMMITTER_EMAIL", "test@example.org", 1);
	setenv("GIT_COMMITTER_DATE", "2016-06-30T12:00:00Z", 1);
	unsetenv("GIT_DIR");
	ldr_clock_set(test_now);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
