/* ldr stat: how many of each kind of record a roadmap holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/field.h"
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

/* One derived value: which record, which field, its value and the reason
 * it was inferred rather than read from the source. */
struct derived_list {
	struct ldr_buf out;
	size_t n, records;
	int json;
};

static void derived_entry(struct derived_list *d, const char *rec, const char *field,
			  const char *value, const char *why)
{
	struct ldr_buf b = LDR_BUF_INIT, b2 = LDR_BUF_INIT;

	if (d->json) {
		ldr_buf_addstr(&d->out, d->n ? ",\n    {\"record\": " : "\n    {\"record\": ");
		cli_json_string(&d->out, rec);
		ldr_buf_addstr(&d->out, ", \"field\": ");
		cli_json_string(&d->out, field);
		ldr_buf_addstr(&d->out, ", \"value\": ");
		cli_json_string(&d->out, value);
		ldr_buf_addstr(&d->out, ", \"reason\": ");
		cli_json_string(&d->out, why);
		ldr_buf_addstr(&d->out, "}");
	} else {
		ldr_buf_addf(&d->out, "  %s %s", cli_safe(rec, &b), cli_safe(field, &b2));
		ldr_buf_addf(&d->out, " = %s\n", cli_safe(value, &b));
		ldr_buf_addf(&d->out, "      %s\n", cli_safe(why, &b));
	}
	ldr_buf_release(&b);
	ldr_buf_release(&b2);
	d->n++;
}

/* The record as the listing names it: its id, else its kind (the
 * footprint), after the record it is nested in ("UC03 ambition 17/18"). */
static void derived_name(struct ldr_buf *b, const struct ldr_kind *k, const void *rec,
			 const struct ldr_kind *pk, const void *parent)
{
	char key[LDR_TIME_STR_MAX];
	const char *id = ldr_rec_id(k, rec), *kv;

	if (id) {
		ldr_buf_addstr(b, id);
		return;
	}
	if (pk && pk != &ldr_kind_roadmap && ldr_rec_id(pk, parent))
		ldr_buf_addf(b, "%s ", ldr_rec_id(pk, parent));
	ldr_buf_addstr(b, k->name);
	kv = ldr_rec_key(k, rec, key, sizeof(key));
	if (kv)
		ldr_buf_addf(b, " %s", kv);
}

static int list_derived(const struct ldr_kind *k, void *rec, const struct ldr_kind *pk, void *parent,
			void *payload)
{
	struct derived_list *d = payload;
	int fi = ldr_kind_field(k, "derived");
	const struct ldr_map *m;
	struct ldr_buf name = LDR_BUF_INIT;
	size_t i;

	if (fi < 0 || k->fields[fi].type != LDR_F_DERIVED)
		return 0;
	m = LDR_CFIELD(rec, &k->fields[fi]);
	if (!m->n)
		return 0;
	derived_name(&name, k, rec, pk, parent);
	for (i = 0; i < m->n; i++) {
		int f = ldr_kind_field(k, m->v[i].key);
		char *v = f >= 0 ? ldr_field_text(&k->fields[f], rec) : NULL;

		derived_entry(d, name.s, m->v[i].key, v ? v : "", m->v[i].value ? m->v[i].value : "");
		free(v);
	}
	d->records++;
	ldr_buf_release(&name);
	return 0;
}

/* ldr stat --derived: every inferred value with its reason, so a reader can
 * tell the source's figures from the file's inferences. */
static void print_derived(struct ldr_roadmap *rm, const char *path, int json)
{
	struct derived_list d = { LDR_BUF_INIT, 0, 0, json };
	struct ldr_buf b = LDR_BUF_INIT;

	ldr_walk(&ldr_kind_roadmap, rm, list_derived, &d);
	if (json) {
		ldr_buf_addstr(&b, "{\n  \"file\": ");
		cli_json_string(&b, path);
		ldr_buf_addf(&b, ",\n  \"records\": %zu,\n  \"derived\": [%s%s]\n}\n", d.records,
			     d.out.s ? d.out.s : "", d.n ? "\n  " : "");
		fputs(b.s, stdout);
	} else {
		printf("%s: %zu derived value%s in %zu record%s\n", cli_safe(path, &b), d.n,
		       d.n == 1 ? "" : "s", d.records, d.records == 1 ? "" : "s");
		if (d.out.s)
			fputs(d.out.s, stdout);
	}
	ldr_buf_release(&b);
	ldr_buf_release(&d.out);
}

enum { OPT_JSON, OPT_DERIVED };

static const struct cli_opt options[] = {
	{ "json", 0, 0, NULL, "print a JSON object whose keys are the format's list names\n"
	  "(projects, capabilities, ...) and dependencies, the number of\n"
	  "depends_on links", OPT_JSON, NULL },
	{ "derived", 0, 0, NULL, "list every value the file marks as derived (inferred\n"
	  "rather than read from the source), with its reason", OPT_DERIVED, NULL },
};
const struct cli_options cli_stat_options = CLI_OPTIONS(options, 11);

struct stat_args {
	const char *roadmap;
	int json, derived;
};

static int option(void *ctx, int id, const char *value)
{
	struct stat_args *a = ctx;

	if (id == OPT_JSON)
		a->json = 1;
	else if (id == OPT_DERIVED)
		a->derived = 1;
	else if (a->roadmap)
		return cli_usage_error("stat", "one roadmap at a time");
	else
		a->roadmap = value;
	return 0;
}

int cmd_stat(int argc, char **argv)
{
	struct stat_args a = { NULL, 0, 0 };
	int r = cli_parse_options("stat", argc, argv, option, &a);
	struct ldr_roadmap rm;
	struct tally t;
	char *path = NULL;

	if (r)
		return r == CLI_HELP ? cli_help("stat") : r;
	if (!a.roadmap)
		return cli_usage_error("stat", "no roadmap given");
	r = cli_load_frozen(a.roadmap, &rm, &path, NULL); /* only read */
	if (r == LDR_EXIT_OK) {
		memset(&t, 0, sizeof(t));
		ldr_walk(&ldr_kind_roadmap, &rm, count, &t);
		if (a.derived)
			print_derived(&rm, path, a.json);
		else if (a.json)
			print_json(&rm, path, &t);
		else
			print_text(&rm, path, &t);
	}
	ldr_roadmap_release(&rm);
	free(path);
	return r;
}
