/* The fast path of 'ldr log --record': a record's own lines, found in the
 * text, say "certainly unchanged" only when they can. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/roadmap/diff.h"
#include "../../model/history/history.h"
#include "../../model/history/versions.h"
#include "helpers.h"

#define DOC HEAD "projects:\n" \
	"- id: P1\n  name: First\n  notes: |\n    - id: P2\n    text\n\n    more text\n" \
	"  milestones:\n  - id: P1-M1\n    what: Go live\n" \
	"# a comment\n  end: 16/17\n" \
	"- id: P2\n  name: Second\n" \
	"- id: '01'\n  name: Quoted\n" \
	"capabilities:\n- {id: C1, who: a, what: b}\n"

static const char *span(const char *text, const char *id)
{
	static char buf[512];
	size_t s, e;
	if (!ldr_record_span(text, strlen(text), id, &s, &e))
		return NULL;
	snprintf(buf, sizeof(buf), "%.*s", (int)(e - s), text + s);
	return buf;
}

static void test_spans(void **state)
{
	(void)state;
	/* Blank lines, deeper lines and comments belong to the record. */
	assert_string_equal(span(DOC, "P1"), "- id: P1\n  name: First\n  notes: |\n    - id: P2\n    text\n\n"
			    "    more text\n  milestones:\n  - id: P1-M1\n    what: Go live\n# a comment\n  end: 16/17\n");
	assert_string_equal(span(DOC, "P1-M1"), "  - id: P1-M1\n    what: Go live\n# a comment\n");
	assert_string_equal(span(DOC, "01"), "- id: '01'\n  name: Quoted\n");
	/* Written twice (once inside a text): not sure, so not found. */
	assert_null(span(DOC, "P2"));
	/* Flow style, or absent: not found this way. */
	assert_null(span(DOC, "C1"));
	assert_null(span(DOC, "P3"));
	assert_null(span(DOC, "P"));
}

static void test_unchanged(void **state)
{
	const char *a = HEAD "projects:\n- id: P1\n  name: a\n- id: P2\n  name: b\n";
	const char *b = HEAD "projects:\n- id: P2\n  name: b\n- id: P1\n  name: a\n  end: 16/17\n";
	(void)state;
	assert_true(ldr_record_unchanged(a, strlen(a), b, strlen(b), "P2"));  /* moved: same lines */
	assert_false(ldr_record_unchanged(a, strlen(a), b, strlen(b), "P1"));
	assert_true(ldr_record_unchanged(a, strlen(a), b, strlen(b), "Q7")); /* in neither */
	assert_false(ldr_record_unchanged(a, strlen(a), "", 0, "P1"));        /* removed */
	assert_false(ldr_record_unchanged(DOC, strlen(DOC), DOC, strlen(DOC), "C1")); /* flow: not sure */
}

static void test_record_alone_gives_the_same_changes(void **state)
{
	const char *a = HEAD "projects:\n- id: P1\n  name: a\n  milestones:\n  - {id: P1-M1, what: m, due: 2016-10}\n- id: P2\n  name: b\n";
	const char *b = HEAD "projects:\n- id: P1\n  name: A\n  milestones:\n  - {id: P1-M1, what: m, due: 2016-12}\n- id: P2\n  name: c\n";
	struct ldr_roadmap x, y;
	struct ldr_diff d;
	size_t as, ae, bs, be;
	(void)state;

	assert_true(ldr_record_span(a, strlen(a), "P1", &as, &ae));
	assert_true(ldr_record_span(b, strlen(b), "P1", &bs, &be));
	assert_int_equal(ldr_record_read(&x, a, as, ae, "projects"), 0);
	assert_int_equal(ldr_record_read(&y, b, bs, be, "projects"), 0);
	ldr_diff_roadmaps(&d, &x, &y);
	assert_int_equal(d.n, 2); /* P1's name and its milestone's due; nothing of P2 */
	assert_string_equal(d.v[0].field, "name");
	assert_string_equal(d.v[1].id, "P1-M1");
	assert_int_equal(d.v[1].months, 2);
	ldr_diff_release(&d);
	ldr_roadmap_release(&x);
	ldr_roadmap_release(&y);
	/* Lines that do not make a record of that list: refused, not guessed. */
	assert_int_equal(ldr_record_read(&x, a, as, ae, "capabilities"), -1);
	ldr_roadmap_release(&x);
}

/* The Log's count: records added, removed and changed, a record with several
 * fields changed (or a milestone of it) counted once each. */
static void test_diff_count(void **state)
{
	const char *a = HEAD "projects:\n- id: P1\n  name: a\n  end: 16/17\n  milestones:\n"
			"  - {id: P1-M1, what: m, due: 2016-10}\n- id: P2\n  name: b\n";
	const char *b = HEAD "projects:\n- id: P1\n  name: A\n  end: 17/18\n  milestones:\n"
			"  - {id: P1-M1, what: m, due: 2016-12}\n- id: P3\n  name: c\n";
	struct ldr_roadmap x, y;
	struct ldr_buf text = LDR_BUF_INIT, errors = LDR_BUF_INIT;
	struct ldr_diff d;
	unsigned added, removed, changed;
	(void)state;

	ldr_buf_addstr(&text, a);
	assert_int_equal(ldr_version_parse(&x, "a", &text, &errors), 0);
	ldr_buf_reset(&text);
	ldr_buf_addstr(&text, b);
	assert_int_equal(ldr_version_parse(&y, "b", &text, &errors), 0);
	assert_int_equal(errors.len, 0);
	ldr_diff_roadmaps(&d, &x, &y);
	ldr_diff_count(&d, &added, &removed, &changed);
	assert_int_equal(added, 1);   /* P3 */
	assert_int_equal(removed, 1); /* P2 */
	assert_int_equal(changed, 2); /* P1 (name and end), P1-M1 */
	ldr_diff_release(&d);
	ldr_roadmap_release(&x);
	ldr_roadmap_release(&y);
	/* A version that does not parse says where, under its name. */
	ldr_buf_reset(&text);
	ldr_buf_addstr(&text, HEAD "projects: [\n");
	assert_int_equal(ldr_version_parse(&x, "abc1234:roadmap.yaml", &text, &errors), -1);
	assert_non_null(strstr(errors.s, "abc1234:roadmap.yaml:"));
	ldr_roadmap_release(&x);
	ldr_buf_release(&text);
	ldr_buf_release(&errors);
}

static const char *const lists[] = { "projects", "capabilities", "universal_capabilities", NULL };

static int table(const char *text, struct ldr_record_table *t)
{
	return ldr_record_table_build(t, text, strlen(text), lists);
}

/* A record of the table, as text. */
static const char *table_span(const char *text, const struct ldr_record_table *t, const char *id)
{
	static char buf[512];
	const struct ldr_record_span *s = ldr_record_table_find(t, id);
	if (!s)
		return NULL;
	snprintf(buf, sizeof(buf), "%.*s", (int)(s->end - s->start), text + s->start);
	return buf;
}

static void test_record_table(void **state)
{
	const char *doc = HEAD "groups:\n- id: g1\n  name: G\n"
			  "projects:\n- id: P1\n  name: First\n  notes: |\n    - id: P9\n\n  milestones:\n"
			  "  - id: P1-M1\n    what: Go\n# a comment\n- id: 'P 2'\n  name: Second\n"
			  "capabilities:\n  - id: C1\n    who: a\n  - id: C2\n    who: b\n"
			  "risks:\n- id: R1\n";
	struct ldr_record_table t;
	(void)state;

	assert_int_equal(table(doc, &t), 0);
	assert_int_equal(t.n, 4); /* P1, 'P 2', C1, C2: not g1 or R1, not the milestone */
	assert_string_equal(table_span(doc, &t, "P1"), "- id: P1\n  name: First\n  notes: |\n    - id: P9\n\n"
			    "  milestones:\n  - id: P1-M1\n    what: Go\n# a comment\n");
	assert_string_equal(table_span(doc, &t, "'P 2'"), "- id: 'P 2'\n  name: Second\n");
	assert_string_equal(table_span(doc, &t, "C1"), "  - id: C1\n    who: a\n"); /* indented items */
	assert_string_equal(table_span(doc, &t, "C2"), "  - id: C2\n    who: b\n");
	assert_int_equal(ldr_record_table_find(&t, "C2")->list, 1);
	assert_null(ldr_record_table_find(&t, "R1"));
	ldr_record_table_release(&t);
}

static void test_record_table_unsure(void **state)
{
	struct ldr_record_table t;
	(void)state;

	/* Each of these is valid YAML the table cannot be sure of: the whole
	 * files are compared instead. */
	assert_int_equal(table(HEAD "capabilities:\n- {id: C1, who: a, what: b}\n", &t), -1);
	ldr_record_table_release(&t);
	assert_int_equal(table(HEAD "capabilities: [{id: C1, who: a, what: b}]\n", &t), -1);
	ldr_record_table_release(&t);
	assert_int_equal(table(HEAD "capabilities:\n- who: a\n  id: C1\n", &t), -1);
	ldr_record_table_release(&t);
	assert_int_equal(table(HEAD "capabilities:\n- id: C1\n- id: C1\n", &t), -1);
	ldr_record_table_release(&t);
	assert_int_equal(table("---\n" HEAD, &t), -1);
	ldr_record_table_release(&t);
	assert_int_equal(table(HEAD "'capabilities':\n- id: C1\n", &t), -1);
	ldr_record_table_release(&t);
	/* Other lists may be written as they like. */
	assert_int_equal(table(HEAD "risks: [{id: R1}]\ncapabilities:\n- id: C1\n  who: a\n", &t), 0);
	assert_int_equal(t.n, 1);
	ldr_record_table_release(&t);
}

/* The records read from their lines alone make a roadmap of just them. */
static void test_records_read(void **state)
{
	const char *doc = HEAD "projects:\n- id: P1\n  name: First\n  end: 16/17\n- id: P2\n  name: Second\n"
			  "capabilities:\n- id: C1\n  who: a\n  what: b\n  year: 17/18\n";
	struct ldr_record_table t;
	struct ldr_roadmap rm;
	size_t sel[2];
	(void)state;

	assert_int_equal(table(doc, &t), 0);
	sel[0] = (size_t)(ldr_record_table_find(&t, "C1") - t.v);
	sel[1] = (size_t)(ldr_record_table_find(&t, "P2") - t.v);
	assert_int_equal(ldr_records_read(&rm, doc, &t, sel, 2, lists), 0);
	assert_int_equal(rm.projects.len, 1);
	assert_string_equal(LDR_ITEM(rm.projects, struct ldr_project, 0)->id, "P2");
	assert_int_equal(rm.capabilities.len, 1);
	assert_int_equal(LDR_ITEM(rm.capabilities, struct ldr_capability, 0)->year.kind, LDR_TIME_YEAR);
	ldr_roadmap_release(&rm);
	assert_int_equal(ldr_records_read(&rm, doc, &t, sel, 0, lists), 0); /* none: an empty roadmap */
	assert_int_equal(rm.projects.len + rm.capabilities.len, 0);
	ldr_roadmap_release(&rm);
	ldr_record_table_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_unchanged),
		cmocka_unit_test(test_record_alone_gives_the_same_changes),
		cmocka_unit_test(test_diff_count),
		cmocka_unit_test(test_record_table),
		cmocka_unit_test(test_record_table_unsure),
		cmocka_unit_test(test_records_read),
	};
	return cmocka_run_group_tests_name("history", tests, NULL, NULL);
}
