/* Saving: load -> save -> load gives the same model; a canonical file saves
 * to the same bytes; saving is idempotent; strings that YAML would read as
 * something else are quoted, and every kind of value survives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>

#include "helpers.h"

static char *save(const struct ldr_roadmap *rm)
{
	struct ldr_buf out = LDR_BUF_INIT, err = LDR_BUF_INIT;
	if (ldr_roadmap_write(rm, &out, &err) != 0)
		fail_msg("write failed: %s", err.s);
	ldr_buf_release(&err);
	return ldr_buf_detach(&out);
}

/* text -> model -> text2 -> model2: models equal, text2 saves to itself. */
static char *round_trip(const char *text, size_t len)
{
	struct ldr_roadmap a, b;
	struct ldr_diag d;
	char *once, *twice;

	ldr_diag_init(&d, "t.yaml");
	if (ldr_roadmap_read(&a, text, len, &d) != 0) {
		dump(&d);
		fail_msg("the input does not load");
	}
	ldr_diag_release(&d);
	once = save(&a);
	ldr_diag_init(&d, "saved.yaml");
	if (ldr_roadmap_read(&b, once, strlen(once), &d) != 0) {
		dump(&d);
		fail_msg("the saved text does not load:\n%s", once);
	}
	assert_int_equal(d.n, 0);
	ldr_diag_release(&d);
	assert_true(ldr_roadmap_equal(&a, &b));
	twice = save(&b);
	assert_string_equal(once, twice);
	free(twice);
	ldr_roadmap_release(&a);
	ldr_roadmap_release(&b);
	return once;
}

static const char canonical[] =
	"ldr: 1\n"
	"footprint:\n"
	"  name: Test\n"
	"  version: '3.0'\n"
	"  start: 16/17\n"
	"  end: 20/21\n"
	"  partner_ccgs: [Erewash CCG, Hardwick CCG]\n"
	"groups:\n"
	"- id: mobile\n"
	"  name: Mobile Working Infrastructure\n"
	"projects:\n"
	"- id: P11\n"
	"  ref: 11\n"
	"  name: 'MIG Phase 1: Roll out to GPs'\n"
	"  description: |\n"
	"    Phase 1 implementation\n"
	"    and roll out to GPs\n"
	"  group: records\n"
	"  benefits: [care-quality, efficiency]\n"
	"  start: 2016-06\n"
	"  end: 16/17 Q4\n"
	"  status: in-progress\n"
	"  cost: 250000\n"
	"  milestones:\n"
	"  - id: P11-M1\n"
	"    what: Erewash practices live\n"
	"    due: 16/17 Q2\n"
	"    status: done\n"
	"  derived:\n"
	"    end: 'by end 16/17: UC plan, Table 16'\n"
	"- id: P12\n"
	"  name: MIG Phase 2\n"
	"  depends_on: [P11]\n"
	"capabilities:\n"
	"- id: C01\n"
	"  who: A&E clinicians\n"
	"  what: Can access GP-held information on medication / allergies / adverse reactions\n"
	"  year: 16/17\n"
	"  group: records\n"
	"  projects: [P11]\n"
	"  status: firm\n"
	"  attributes:\n"
	"    Benefit: ''\n"
	"    Solution: MIG\n"
	"universal_capabilities:\n"
	"- id: UC01\n"
	"  enabled: complete\n"
	"  ambition:\n"
	"  - year: 16/17\n"
	"    text: Continue roll out\n"
	"  activities:\n"
	"  - id: UC01-A1\n"
	"    quarter: 16/17 Q1\n"
	"    what: Roll out SCR viewing\n"
	"    done: true\n"
	"  solution: national\n"
	"trajectory:\n"
	"- id: T1\n"
	"  provider: crh\n"
	"  scores:\n"
	"  - group: records\n"
	"    baseline: 29\n"
	"    targets:\n"
	"    - year: 17/18\n"
	"      score: 50\n"
	"risks:\n"
	"- id: R1\n"
	"  factor: Digital literacy of staff\n"
	"  rag: yellow\n"
	"funding:\n"
	"- id: F1\n"
	"  source: Better Care Fund\n"
	"  value: £17,894,000\n"
	"  amount: 17894000\n";

static void test_canonical_text_saves_to_the_same_bytes(void **state)
{
	char *out = round_trip(canonical, strlen(canonical));
	(void)state;
	assert_string_equal(out, canonical);
	free(out);
}

static void test_a_loose_file_becomes_canonical(void **state)
{
	const char *loose =
		"footprint: {end: 2020/21, start: FY16/17, name: \"Test\", version: 3.0}\n"
		"ldr: 1\n"
		"projects:\n"
		"  - name: MIG Phase 2\n"
		"    id: P12\n"
		"    depends_on:\n"
		"      - P11\n"
		"    benefits: [wellbeing, care-quality]\n"
		"    start: Q1 2017/18\n"
		"    description: \"  indented first line\\nsecond   \\n\\n\"\n";
	char *out = round_trip(loose, strlen(loose));
	(void)state;
	assert_string_equal(out,
		"ldr: 1\n"
		"footprint:\n"
		"  name: Test\n"
		"  version: '3.0'\n"
		"  start: 16/17\n"
		"  end: 20/21\n"
		"projects:\n"
		"- id: P12\n"
		"  name: MIG Phase 2\n"
		"  description: |2\n"
		"      indented first line\n"
		"    second\n"
		"  benefits: [care-quality, wellbeing]\n"
		"  start: 17/18 Q1\n"
		"  depends_on: [P11]\n");
	free(out);
}

static void test_strings_yaml_would_misread_are_quoted(void **state)
{
	static const char *const tricky[] = {
		"yes", "No", "on", "OFF", "true", "null", "~", "3.0", "42", "-7", "1e3", "0x1F",
		"0o17", ".inf", "-.inf", ".NaN", "1:20", "2016-10-01", "2016-10-01 12:00:00",
		"@home", "`tick`", "- dash", "? what", ": colon", "a: b", "a #b", "#hash",
		"[brackets]", "{braces}", "'quoted'", "\"double\"", "*star", "&amp", "!bang",
		"%percent", "|pipe", ">fold", " leading", "trailing ", "tab\there", "caf\xc3\xa9",
		"\xe2\x80\x94 dash", "16/17", "=", "<<",
	};
	size_t i;
	(void)state;

	for (i = 0; i < sizeof(tricky) / sizeof(*tricky); i++) {
		struct ldr_roadmap rm, back;
		struct ldr_diag d;
		char *out;

		ldr_roadmap_init(&rm);
		rm.format.v = 1, rm.format.set = 1;
		rm.footprint.name = ldr_strdup(tricky[i]);
		rm.footprint.start = ldr_time_year(2016);
		rm.footprint.end = ldr_time_year(2020);
		out = save(&rm);
		ldr_diag_init(&d, "t.yaml");
		if (ldr_roadmap_read(&back, out, strlen(out), &d) != 0) {
			dump(&d);
			fail_msg("'%s' did not survive:\n%s", tricky[i], out);
		}
		assert_string_equal(back.footprint.name, tricky[i]);
		ldr_diag_release(&d);
		ldr_roadmap_release(&rm);
		ldr_roadmap_release(&back);
		free(out);
	}
}

/* Found by the fuzzer: a derived reason written over several lines was
 * saved as a block with a final line break, which loaded back as another
 * value. Reasons are now texts, normalised as texts are. */
static void test_multi_line_derived_reason(void **state)
{
	const char *yaml = HEAD "  derived:\n    name: 'a reason over\n\n      two lines  \n\n      '\n"
			   "    start: |\n      line one\n      line two\n\n";
	struct ldr_roadmap rm;
	struct ldr_diag d;
	char *out;
	(void)state;

	out = round_trip(yaml, strlen(yaml));
	assert_int_equal(load(yaml, &rm, &d), 0);
	assert_string_equal(rm.footprint.derived.v[0].value, "a reason over\ntwo lines");
	assert_string_equal(rm.footprint.derived.v[1].value, "line one\nline two");
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	free(out);
}

/* libyaml escapes characters beyond U+FFFF ("\U0001F680") and so quotes the
 * text: an emoji must not turn a note into one double-quoted line. A
 * character of the private use area that ldr uses to carry them through
 * libyaml (U+F8FF) survives as well, alone, doubled, and next to one. */
static void test_emoji_stay_readable(void **state)
{
	const char *yaml = HEAD "capabilities:\n- id: C1\n  who: \"Us \\U0001F680 \\uF8FF\\uF8FF\\U0001F600\"\n"
			   "  what: Do it\n  year: 16/17\n"
			   "  notes: \"one \\U0001F600\\nthe \\uF8FF mark\"\n";
	struct ldr_roadmap rm;
	struct ldr_diag d;
	char *out;
	(void)state;

	out = round_trip(yaml, strlen(yaml));
	assert_non_null(strstr(out, "  who: Us \xf0\x9f\x9a\x80 \xef\xa3\xbf\xef\xa3\xbf\xf0\x9f\x98\x80\n"));
	assert_non_null(strstr(out, "  notes: |\n    one \xf0\x9f\x98\x80\n    the \xef\xa3\xbf mark\n"));
	assert_null(strstr(out, "\\U"));
	assert_int_equal(load(yaml, &rm, &d), 0);
	assert_string_equal(rm.capabilities.len ? ((struct ldr_capability *)rm.capabilities.items)[0].who : "",
			    "Us \xf0\x9f\x9a\x80 \xef\xa3\xbf\xef\xa3\xbf\xf0\x9f\x98\x80");
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	free(out);
}

static void test_one_field_changes_one_line(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_project *p;
	char *before, *after, *a, *b;
	int differing = 0;
	(void)state;

	assert_int_equal(load(canonical, &rm, &d), 0);
	before = save(&rm);
	p = LDR_ITEM(rm.projects, struct ldr_project, 0);
	p->end = ldr_time_quarter(2017, 2);
	after = save(&rm);
	for (a = before, b = after; *a && *b;) {
		char *ea = strchr(a, '\n'), *eb = strchr(b, '\n');
		if (ea - a != eb - b || memcmp(a, b, (size_t)(ea - a)) != 0)
			differing++;
		a = ea + 1, b = eb + 1;
	}
	assert_int_equal(differing, 1);
	assert_non_null(strstr(after, "  end: 17/18 Q2\n"));
	free(before);
	free(after);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

static void test_copy_is_deep_and_equal(void **state)
{
	struct ldr_roadmap rm, copy;
	struct ldr_diag d;
	(void)state;
	assert_int_equal(load(canonical, &rm, &d), 0);
	ldr_rec_copy(&ldr_kind_roadmap, &copy, &rm);
	assert_true(ldr_roadmap_equal(&rm, &copy));
	free(LDR_ITEM(copy.projects, struct ldr_project, 0)->name);
	LDR_ITEM(copy.projects, struct ldr_project, 0)->name = ldr_strdup("changed");
	assert_false(ldr_roadmap_equal(&rm, &copy));
	assert_string_equal(LDR_ITEM(rm.projects, struct ldr_project, 0)->name,
			    "MIG Phase 1: Roll out to GPs");
	ldr_roadmap_release(&copy);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

/* Every roadmap shipped in roadmaps/ is canonical and round-trips. */
static void test_shipped_roadmaps(void **state)
{
	DIR *dir = opendir("roadmaps");
	struct dirent *e;
	int seen = 0;
	(void)state;

	assert_non_null(dir);
	while ((e = readdir(dir)) != NULL) {
		char path[512], *text, *out;
		size_t len, n = strlen(e->d_name);
		if (n < 6 || strcmp(e->d_name + n - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof(path), "roadmaps/%s", e->d_name);
		text = slurp(path, &len);
		assert_non_null(text);
		out = round_trip(text, len);
		if (strcmp(out, text) != 0)
			fail_msg("%s is not in canonical form", path);
		free(out);
		free(text);
		seen++;
	}
	closedir(dir);
	assert_true(seen >= 2);
}

static void test_derbyshire_counts(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	size_t len;
	char *text = slurp("roadmaps/derbyshire.yaml", &len);
	(void)state;

	assert_non_null(text);
	ldr_diag_init(&d, "derbyshire.yaml");
	assert_int_equal(ldr_roadmap_read(&rm, text, len, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(rm.projects.len, 51);
	assert_int_equal(rm.priorities.len, 17);
	assert_int_equal(rm.ucs.len, 10);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_text_saves_to_the_same_bytes),
		cmocka_unit_test(test_a_loose_file_becomes_canonical),
		cmocka_unit_test(test_strings_yaml_would_misread_are_quoted),
		cmocka_unit_test(test_multi_line_derived_reason),
		cmocka_unit_test(test_emoji_stay_readable),
		cmocka_unit_test(test_one_field_changes_one_line),
		cmocka_unit_test(test_copy_is_deep_and_equal),
		cmocka_unit_test(test_shipped_roadmaps),
		cmocka_unit_test(test_derbyshire_counts),
	};
	return cmocka_run_group_tests_name("roundtrip", tests, NULL, NULL);
}
