/* ldr stat: how many of each kind of record a roadmap holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/national.h"
#include "../../model/roadmap/schema.h"
#include "../cli.h"

/* The counts, named as the format names its lists. */
static const struct {
	const char *key;
	const struct ldr_kind *kind;
} counted[] = {
	{ "organisations", &ldr_kind_org },
	{ "groups", &ldr_kind_group },
	{ "priorities", &ldr_kind_priority },
	{ "projects", &ldr_kind_project },
	{ "milestones", &ldr_kind_milestone },
	{ "capabilities", &ldr_kind_capability },
	{ "universal_capabilities", &ldr_kind_uc },
	{ "activities", &ldr_kind_activity },
	{ "trajectory", &ldr_kind_trajectory },
	{ "risks", &ldr_kind_risk },
	{ "funding", &ldr_kind_funding },
	{ "checklist", &ldr_kind_response },
};
#define NCOUNTED LDR_ARRAY_SIZE(counted)

struct tally {
	size_t n[NCOUNTED];
	size_t dependencies;
};

static int count(const struct ldr_kind *k, void *rec, const struct ldr_kind *pk, void *parent,
		 void *payload)
{
	struct tally *t = payload;
	size_t i;

	(void)pk;
	(void)parent;
	for (i = 0; i < NCOUNTED; i++)
		if (counted[i].kind == k)
			t->n[i]++;
	if (k == &ldr_kind_project)
		t->dependencies += ((struct ldr_project *)rec)->depends_on.n;
	else if (k == &ldr_kind_capability)
		t->dependencies += ((struct ldr_capability *)rec)->depends_on.n;
	return 0;
}

static void print_json(const struct ldr_roadmap *rm, const char *path, const struct tally *t)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;

	ldr_buf_addstr(&b, "{\n  \"file\": ");
	cli_json_string(&b, path);
	ldr_buf_addstr(&b, ",\n  \"footprint\": ");
	cli_json_string(&b, rm->footprint.name);
	for (i = 0; i < NCOUNTED; i++)
		ldr_buf_addf(&b, ",\n  \"%s\": %zu", counted[i].key, t->n[i]);
	ldr_buf_addf(&b, ",\n  \"dependencies\": %zu\n}\n", t->dependencies);
	fputs(b.s, stdout);
	ldr_buf_release(&b);
}

static void print_text(const struct ldr_roadmap *rm, const char *path, const struct tally *t)
{
	struct ldr_buf b = LDR_BUF_INIT, b2 = LDR_BUF_INIT;
	char from[LDR_TIME_STR_MAX], to[LDR_TIME_STR_MAX];
	size_t i;

	printf("%s", cli_safe(rm->footprint.name, &b));
	if (rm->footprint.version)
		printf(", version %s", cli_safe(rm->footprint.version, &b));
	printf(" (%s to %s): %s\n", ldr_time_format(&rm->footprint.start, from),
	       ldr_time_format(&rm->footprint.end, to), cli_safe(path, &b2));
	for (i = 0; i < NCOUNTED; i++) {
		printf("  %-24s %6zu", counted[i].key, t->n[i]);
		if (counted[i].kind == &ldr_kind_group)
			printf("  local, besides the %d national", LDR_NATIONAL_GROUPS);
		else if (counted[i].kind == &ldr_kind_uc)
			printf("  of %d", LDR_NATIONAL_UCS);
		putchar('\n');
	}
	printf("  %-24s %6zu\n", "dependencies", t->dependencies);
	ldr_buf_release(&b);
	ldr_buf_release(&b2);
}

enum { OPT_JSON };

static const struct cli_opt options[] = {
	{ "json", 0, 0, NULL, "print a JSON object whose keys are the format's list names\n"
	  "(projects, capabilities, ...) and dependencies, the number of\n"
	  "depends_on links", OPT_JSON, NULL },
};
const struct cli_options cli_stat_options = CLI_OPTIONS(options, 10);

struct stat_args {
	const char *roadmap;
	int json;
};

static int option(void *ctx, int id, const char *value)
{
	struct stat_args *a = ctx;

	if (id == OPT_JSON)
		a->json = 1;
	else if (a->roadmap)
		return cli_usage_error("stat", "one roadmap at a time");
	else
		a->roadmap = value;
	return 0;
}

int cmd_stat(int argc, char **argv)
{
	struct stat_args a = { NULL, 0 };
	int r = cli_parse_options("stat", argc, argv, option, &a);
	struct ldr_roadmap rm;
	struct tally t;
	char *path = NULL;

	if (r)
		return r == CLI_HELP ? cli_help("stat") : r;
	if (!a.roadmap)
		return cli_usage_error("stat", "no roadmap given");
	r = cli_load(a.roadmap, &rm, &path, NULL, NULL);
	if (r == LDR_EXIT_OK) {
		memset(&t, 0, sizeof(t));
		ldr_walk(&ldr_kind_roadmap, &rm, count, &t);
		if (a.json)
			print_json(&rm, path, &t);
		else
			print_text(&rm, path, &t);
	}
	ldr_roadmap_release(&rm);
	free(path);
	return r;
}
