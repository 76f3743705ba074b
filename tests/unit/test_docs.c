/* The documentation follows the schema: every key and every value of every
 * enumeration is in ldr-format(5), in the section of its record. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/roadmap/national.h"
#include "helpers.h"

static char *manual;

static const struct {
	const struct ldr_kind *kind;
	const char *section;
} sections[] = {
	{ &ldr_kind_roadmap, "TOP LEVEL" },
	{ &ldr_kind_footprint, "FOOTPRINT" },
	{ &ldr_kind_org, "FOOTPRINT" },
	{ &ldr_kind_group, "GROUPS" },
	{ &ldr_kind_priority, "PRIORITIES" },
	{ &ldr_kind_project, "PROJECTS" },
	{ &ldr_kind_milestone, "PROJECTS" },
	{ &ldr_kind_checkpoint, "PROJECTS" },
	{ &ldr_kind_capability, "CAPABILITIES" },
	{ &ldr_kind_uc, "UNIVERSAL CAPABILITIES" },
	{ &ldr_kind_ambition, "UNIVERSAL CAPABILITIES" },
	{ &ldr_kind_activity, "UNIVERSAL CAPABILITIES" },
	{ &ldr_kind_trajectory, "TRAJECTORY" },
	{ &ldr_kind_score, "TRAJECTORY" },
	{ &ldr_kind_target, "TRAJECTORY" },
	{ &ldr_kind_risk, "RISKS" },
	{ &ldr_kind_funding, "FUNDING" },
	{ &ldr_kind_response, "CHECKLIST" },
	{ &ldr_kind_conflict, "CONFLICTS" },
	{ &ldr_kind_rule_setting, "RULES" },
};

/* The bold words of a section: the arguments of its .B and .BR lines. */
static int section_has(const char *section, const char *word)
{
	char head[64];
	const char *start, *end, *line;
	size_t wl = strlen(word);

	snprintf(head, sizeof(head), "\n.SH %s\n", section);
	start = strstr(manual, head);
	if (!start)
		fail_msg("no section %s in man/ldr-format.5", section);
	start += strlen(head);
	end = strstr(start, "\n.SH ");
	if (!end)
		end = start + strlen(start);
	for (line = start; line && line < end; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		const char *p, *eol = strchr(line, '\n');
		if (strncmp(line, ".B ", 3) != 0 && strncmp(line, ".BR ", 4) != 0)
			continue;
		for (p = line + 2; p + wl <= eol; p++) {
			/* A whole word: bounded by blanks, quotes or roff's line end. */
			if (memcmp(p, word, wl) == 0 && strchr(" \"", p[-1]) && strchr(" \",\n", p[wl]))
				return 1;
		}
	}
	return 0;
}

static void test_every_key_is_documented(void **state)
{
	size_t i, j, k;
	(void)state;
	for (i = 0; i < sizeof(sections) / sizeof(*sections); i++) {
		const struct ldr_kind *kind = sections[i].kind;
		for (j = 0; j < kind->nfields; j++) {
			const struct ldr_field *f = &kind->fields[j];
			if (!section_has(sections[i].section, f->name))
				fail_msg("'%s' of a %s is not in section %s of ldr-format(5)", f->name,
					 kind->name, sections[i].section);
			for (k = 0; f->values && f->values[k]; k++)
				if (!section_has(sections[i].section, f->values[k]))
					fail_msg("'%s', a value of '%s' of a %s, is not in section %s of "
						 "ldr-format(5)", f->values[k], f->name, kind->name,
						 sections[i].section);
		}
	}
}

static void test_built_in_ids_are_documented(void **state)
{
	size_t i;
	(void)state;
	for (i = 0; i < LDR_NATIONAL_GROUPS; i++)
		assert_non_null(strstr(manual, ldr_national_groups[i].name));
	for (i = 0; i < LDR_NATIONAL_UCS; i++)
		assert_non_null(strstr(manual, ldr_national_ucs[i].id));
}

static int setup(void **state)
{
	size_t len;
	(void)state;
	manual = slurp("man/ldr-format.5", &len);
	return manual ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(manual);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key_is_documented),
		cmocka_unit_test(test_built_in_ids_are_documented),
	};
	return cmocka_run_group_tests_name("docs", tests, setup, teardown);
}
