/* The national view on standard output: tables for a terminal, or JSON. */
#include "aggregate.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define NAME_WIDTH 24

/* ---- text ------------------------------------------------------------------------ */

/* Append s to line in a column width characters wide: cut with an ellipsis
 * when longer, padded with spaces (before it when right). s is safe text. */
static void cell(struct ldr_buf *line, const char *s, size_t width, int right)
{
	size_t chars = 0, i, keep = 0, len = strlen(s);

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars == width)
			keep = i; /* the byte where the last character that fits begins */
	if (chars > width) {
		ldr_buf_add(line, s, keep);
		ldr_buf_addstr(line, "\xE2\x80\xA6");
		return;
	}
	for (i = chars; right && i < width; i++)
		ldr_buf_addch(line, ' ');
	ldr_buf_addstr(line, s);
	for (i = chars; !right && i < width; i++)
		ldr_buf_addch(line, ' ');
}

static void num(struct ldr_buf *line, size_t v, size_t width)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%zu", v);
	ldr_buf_addch(line, ' ');
	cell(line, buf, width, 1);
}

/* Roadmap text in a column, escaped for the terminal. */
static void text_cell(struct ldr_buf *line, const char *s, size_t width)
{
	struct ldr_buf b = LDR_BUF_INIT;
	cell(line, cli_safe(s ? s : "", &b), width, 0);
	ldr_buf_release(&b);
}

/* Print the line without its trailing blanks, and empty it. */
static void put(struct ldr_buf *line, FILE *out)
{
	while (line->len && line->s[line->len - 1] == ' ')
		line->s[--line->len] = '\0';
	fprintf(out, "%s\n", line->s ? line->s : "");
	ldr_buf_reset(line);
}

static void footprints_text(const struct ldr_aggregate *a, struct ldr_buf *l, FILE *out)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char when[LDR_TIME_STR_MAX];
	size_t i, errors = 0, warnings = 0, caps = 0, projects = 0;

	fprintf(out, "\nFootprints: the checks of 'ldr check', as at each one's review date\n");
	ldr_buf_addstr(l, "  ");
	cell(l, "Footprint", NAME_WIDTH, 0);
	ldr_buf_addstr(l, " As at     Errors Warnings Capabilities Projects  UCs  File");
	put(l, out);
	for (i = 0; i < a->n; i++) {
		const struct ldr_agg_footprint *f = &a->v[i];
		if (f->skipped)
			continue;
		ldr_buf_addstr(l, "  ");
		text_cell(l, f->name, NAME_WIDTH);
		ldr_buf_addch(l, ' ');
		cell(l, ldr_time_format(&f->as_of, when), 8, 0);
		num(l, f->errors, 7);
		num(l, f->warnings, 8);
		num(l, f->capabilities, 12);
		num(l, f->projects, 8);
		num(l, f->ucs_planned, 4);
		ldr_buf_addstr(l, "  ");
		ldr_buf_addstr(l, cli_safe(f->file, &b));
		put(l, out);
		errors += f->errors;
		warnings += f->warnings;
		caps += f->capabilities;
		projects += f->projects;
	}
	ldr_buf_addstr(l, "  ");
	cell(l, "Total", NAME_WIDTH + 9, 0);
	num(l, errors, 7);
	num(l, warnings, 8);
	num(l, caps, 12);
	num(l, projects, 8);
	put(l, out);
	for (i = 0; i < a->n; i++) {
		const struct ldr_agg_footprint *f = &a->v[i];
		if (!f->skipped)
			continue;
		fprintf(out, "  skipped: %s: ", cli_safe(f->file, &b));
		fprintf(out, "%s", cli_safe(f->skipped, &b));
		/* A directory with no roadmap in it has no errors to count. */
		if (f->load_errors)
			fprintf(out, " (%zu error%s)", f->load_errors, f->load_errors == 1 ? "" : "s");
		fputc('\n', out);
	}
	ldr_buf_release(&b);
}

static void capabilities_text(const struct ldr_aggregate *a, struct ldr_buf *l, FILE *out)
{
	size_t ny, i;
	int *years = ldr_aggregate_years(a, &ny);
	char buf[LDR_TIME_STR_MAX];
	int g;

	fprintf(out, "\nCapabilities by group and the year they are due (not dropped), and in how many "
		"footprints\n");
	ldr_buf_addstr(l, "  ");
	cell(l, "Group", 36, 0);
	for (i = 0; i < ny; i++) {
		ldr_buf_addch(l, ' ');
		cell(l, years[i] == LDR_AGG_UNSCHEDULED ? "no year" : ldr_agg_year_text(years[i], buf), 7, 1);
	}
	ldr_buf_addstr(l, "   Total  Footprints");
	put(l, out);
	for (g = 0; g < LDR_AGG_GROUPS; g++) {
		struct ldr_agg_cell all = ldr_aggregate_cell(a, g, LDR_AGG_ALL_YEARS);
		ldr_buf_addstr(l, "  ");
		cell(l, ldr_agg_group_name(g), 36, 0);
		for (i = 0; i < ny; i++)
			num(l, ldr_aggregate_cell(a, g, years[i]).capabilities, 7);
		num(l, all.capabilities, 7);
		num(l, all.footprints, 11);
		put(l, out);
	}
	ldr_buf_addstr(l, "  ");
	cell(l, "Total", 36, 0);
	for (i = 0; i <= ny; i++) {
		size_t n = 0;
		for (g = 0; g < LDR_AGG_GROUPS; g++)
			n += ldr_aggregate_cell(a, g, i < ny ? years[i] : LDR_AGG_ALL_YEARS).capabilities;
		num(l, n, 7);
	}
	put(l, out);
	free(years);
}

static void ucs_text(const struct ldr_aggregate *a, struct ldr_buf *l, FILE *out)
{
	size_t ny, i, u;
	int *years = ldr_aggregate_ambition_years(a, &ny);
	char buf[LDR_TIME_STR_MAX];

	fprintf(out, "\nUniversal capabilities: how many footprints plan each, how far enabled, and the "
		"year of their last ambition\n");
	ldr_buf_addstr(l, "  UC    Planned Complete In-progress Initiatives Not-started Not-said |");
	for (i = 0; i < ny; i++) {
		ldr_buf_addch(l, ' ');
		cell(l, ldr_agg_year_text(years[i], buf), 6, 1);
	}
	put(l, out);
	for (u = 0; u < LDR_NATIONAL_UCS; u++) {
		struct ldr_agg_uc_summary s;
		ldr_aggregate_uc_summary(a, u, &s);
		ldr_buf_addstr(l, "  ");
		cell(l, ldr_national_ucs[u].id, 5, 0);
		num(l, s.planned, 7);
		num(l, s.enabled[LDR_UC_COMPLETE], 8);
		num(l, s.enabled[LDR_UC_IN_PROGRESS], 11);
		num(l, s.enabled[LDR_UC_INITIATIVES_IDENTIFIED], 11);
		num(l, s.enabled[LDR_UC_NOT_STARTED], 11);
		num(l, s.enabled[0], 8);
		ldr_buf_addstr(l, " |");
		for (i = 0; i < ny; i++)
			num(l, ldr_aggregate_ambition_by(a, u, years[i]), 6);
		put(l, out);
	}
	free(years);
}

/* Each footprint's plans: the year of its last ambition for each. */
static void ucs_by_footprint_text(const struct ldr_aggregate *a, struct ldr_buf *l, FILE *out)
{
	char buf[LDR_TIME_STR_MAX + 2];
	size_t i, u;

	fprintf(out, "\nUniversal capabilities by footprint: the year of the last ambition "
		"(* enabled: complete; ? no ambition; - no plan)\n");
	ldr_buf_addstr(l, "  ");
	cell(l, "Footprint", NAME_WIDTH, 0);
	for (u = 0; u < LDR_NATIONAL_UCS; u++) {
		ldr_buf_addch(l, ' ');
		cell(l, ldr_national_ucs[u].id, 6, 0);
	}
	put(l, out);
	for (i = 0; i < a->n; i++) {
		const struct ldr_agg_footprint *f = &a->v[i];
		if (f->skipped)
			continue;
		ldr_buf_addstr(l, "  ");
		text_cell(l, f->name, NAME_WIDTH);
		for (u = 0; u < LDR_NATIONAL_UCS; u++) {
			const struct ldr_agg_uc *p = &f->ucs[u];
			if (!p->planned)
				strcpy(buf, "-");
			else if (!p->last.kind)
				strcpy(buf, "?");
			else
				ldr_time_format(&p->last, buf);
			if (p->planned && p->enabled == LDR_UC_COMPLETE)
				strcat(buf, "*");
			ldr_buf_addch(l, ' ');
			cell(l, buf, 6, 0);
		}
		put(l, out);
	}
}

static void target_cell(struct ldr_buf *l, const struct ldr_agg_uc *u)
{
	char fig[16], year[LDR_TIME_STR_MAX], buf[64];

	if (u->position == LDR_AGG_MEETS || u->position == LDR_AGG_BELOW)
		snprintf(buf, sizeof(buf), "%s%% %s %s", ldr_permille_format(u->stated, fig),
			 ldr_time_format(&u->stated_year, year),
			 u->position == LDR_AGG_MEETS ? "meets" : "below");
	else
		snprintf(buf, sizeof(buf), "%s", u->position == LDR_AGG_NO_FIGURE ? "no figure" : "no plan");
	ldr_buf_addstr(l, "  ");
	cell(l, buf, 18, 0);
}

static void targets_text(const struct ldr_aggregate *a, struct ldr_buf *l, FILE *out)
{
	char lo[16], hi[16];
	size_t i, u;

	fprintf(out, "\nNational targets: the figure of each footprint's latest ambition up to the "
		"target's year\n");
	for (u = 0; u < LDR_NATIONAL_UCS; u++) {
		const struct ldr_uc_def *d = &ldr_national_ucs[u];
		struct ldr_agg_uc_summary s;
		if (!d->target.percent)
			continue;
		ldr_aggregate_uc_summary(a, u, &s);
		fprintf(out, "  %s  %d%% of %s by %04d-%02d: %zu meet it, %zu below, %zu give no figure, "
			"%zu no plan", d->id, d->target.percent, d->target.measure, d->target.year,
			d->target.month, s.positions[LDR_AGG_MEETS], s.positions[LDR_AGG_BELOW],
			s.positions[LDR_AGG_NO_FIGURE], s.positions[LDR_AGG_NO_PLAN]);
		if (s.lowest >= 0)
			fprintf(out, "; figures %s%% to %s%%", ldr_permille_format(s.lowest, lo),
				ldr_permille_format(s.highest, hi));
		fputc('\n', out);
	}
	ldr_buf_addstr(l, "  ");
	cell(l, "Footprint", NAME_WIDTH, 0);
	for (u = 0; u < LDR_NATIONAL_UCS; u++) {
		if (!ldr_national_ucs[u].target.percent)
			continue;
		ldr_buf_addstr(l, "  ");
		cell(l, ldr_national_ucs[u].id, 18, 0);
	}
	put(l, out);
	for (i = 0; i < a->n; i++) {
		const struct ldr_agg_footprint *f = &a->v[i];
		if (f->skipped)
			continue;
		ldr_buf_addstr(l, "  ");
		text_cell(l, f->name, NAME_WIDTH);
		for (u = 0; u < LDR_NATIONAL_UCS; u++)
			if (ldr_national_ucs[u].target.percent)
				target_cell(l, &f->ucs[u]);
		put(l, out);
	}
}

static void checks_text(const struct ldr_aggregate *a, struct ldr_buf *l, FILE *out)
{
	size_t i, fps, n;

	fprintf(out, "\nChecks: the footprints each rule finds something in, and how much\n");
	ldr_buf_addstr(l, "  Rule           Severity  Footprints  Findings");
	put(l, out);
	for (i = 0; i < ldr_nrules; i++) {
		ldr_aggregate_rule(a, i, &fps, &n);
		ldr_buf_addstr(l, "  ");
		cell(l, ldr_rules[i].id, 14, 0);
		ldr_buf_addch(l, ' ');
		cell(l, ldr_rules[i].severity == LDR_CHECK_ERROR ? "error" : "warning", 8, 0);
		num(l, fps, 11);
		num(l, n, 9);
		put(l, out);
	}
}

void cli_aggregate_text(const struct ldr_aggregate *a, FILE *out)
{
	struct ldr_buf line = LDR_BUF_INIT;

	fprintf(out, "National view of %zu roadmap%s: %zu checked, %zu skipped\n", a->n,
		a->n == 1 ? "" : "s", a->checked, a->skipped);
	footprints_text(a, &line, out);
	capabilities_text(a, &line, out);
	ucs_text(a, &line, out);
	ucs_by_footprint_text(a, &line, out);
	targets_text(a, &line, out);
	checks_text(a, &line, out);
	ldr_buf_release(&line);
}

/* ---- JSON ---------------------------------------------------------------------------- */

static void json_str(struct ldr_buf *b, const char *s)
{
	if (s)
		cli_json_string(b, s);
	else
		ldr_buf_addstr(b, "null");
}

static void json_figure(struct ldr_buf *b, ldr_permille v)
{
	char buf[16];
	ldr_buf_addstr(b, v >= 0 ? ldr_permille_format(v, buf) : "null");
}

static void json_footprint_head(struct ldr_buf *b, const struct ldr_agg_footprint *f)
{
	ldr_buf_addstr(b, "{\"file\": ");
	json_str(b, f->file);
	ldr_buf_addstr(b, ", \"footprint\": ");
	json_str(b, f->name);
}

static void json_footprints(struct ldr_buf *b, const struct ldr_aggregate *a)
{
	size_t i;

	ldr_buf_addstr(b, "  \"footprints\": [");
	for (i = 0; i < a->n; i++) {
		const struct ldr_agg_footprint *f = &a->v[i];
		ldr_buf_addstr(b, i ? ",\n    " : "\n    ");
		json_footprint_head(b, f);
		ldr_buf_addf(b, ", \"status\": \"%s\", \"as_of\": ", f->skipped ? "skipped" : "checked");
		cli_json_time(b, &f->as_of);
		ldr_buf_addf(b, ", \"errors\": %zu, \"warnings\": %zu, \"capabilities\": %zu, "
			     "\"dropped\": %zu, \"projects\": %zu, \"dependencies\": %zu, "
			     "\"ucs_planned\": %zu, \"load_errors\": %zu, \"skipped\": ",
			     f->errors, f->warnings, f->capabilities, f->dropped, f->projects,
			     f->dependencies, f->ucs_planned, f->load_errors);
		json_str(b, f->skipped);
		ldr_buf_addch(b, '}');
	}
	ldr_buf_addstr(b, a->n ? "\n  ],\n" : "],\n");
}

static void json_capabilities(struct ldr_buf *b, const struct ldr_aggregate *a)
{
	size_t ny, i;
	int *years = ldr_aggregate_years(a, &ny);
	char buf[LDR_TIME_STR_MAX];
	int g;

	ldr_buf_addstr(b, "  \"years\": [");
	for (i = 0; i < ny; i++)
		ldr_buf_addf(b, "%s\"%s\"", i ? ", " : "", ldr_agg_year_text(years[i], buf));
	ldr_buf_addstr(b, "],\n  \"capabilities\": [");
	for (g = 0; g < LDR_AGG_GROUPS; g++) {
		struct ldr_agg_cell all = ldr_aggregate_cell(a, g, LDR_AGG_ALL_YEARS);
		ldr_buf_addf(b, "%s\n    {\"group\": \"%s\", \"name\": ", g ? "," : "", ldr_agg_group_id(g));
		json_str(b, ldr_agg_group_name(g));
		ldr_buf_addstr(b, ", \"by_year\": {");
		for (i = 0; i < ny; i++)
			ldr_buf_addf(b, "%s\"%s\": %zu", i ? ", " : "", ldr_agg_year_text(years[i], buf),
				     ldr_aggregate_cell(a, g, years[i]).capabilities);
		ldr_buf_addf(b, "}, \"total\": %zu, \"footprints\": %zu}", all.capabilities, all.footprints);
	}
	ldr_buf_addstr(b, "\n  ],\n");
	free(years);
}

static void json_plan(struct ldr_buf *b, const struct ldr_agg_footprint *f, const struct ldr_agg_uc *p)
{
	json_footprint_head(b, f);
	ldr_buf_addf(b, ", \"planned\": %s, \"enabled\": ", p->planned ? "true" : "false");
	json_str(b, ldr_agg_enabled_name(p->enabled));
	ldr_buf_addstr(b, ", \"first_ambition\": ");
	cli_json_time(b, &p->first);
	ldr_buf_addstr(b, ", \"last_ambition\": ");
	cli_json_time(b, &p->last);
	ldr_buf_addf(b, ", \"activities\": %zu, \"done\": %zu, \"last_activity\": ", p->activities,
		     p->done);
	cli_json_time(b, &p->last_activity);
	ldr_buf_addch(b, '}');
}

static void json_ucs(struct ldr_buf *b, const struct ldr_aggregate *a)
{
	static const char *const enabled[] = { "not_said", "not_started", "in_progress",
					       "initiatives_identified", "complete" };
	size_t ny, i, u, e, k;
	int *years = ldr_aggregate_ambition_years(a, &ny);
	char buf[LDR_TIME_STR_MAX];

	ldr_buf_addstr(b, "  \"universal_capabilities\": [");
	for (u = 0; u < LDR_NATIONAL_UCS; u++) {
		struct ldr_agg_uc_summary s;
		ldr_aggregate_uc_summary(a, u, &s);
		ldr_buf_addf(b, "%s\n    {\"uc\": \"%s\", \"title\": ", u ? "," : "", ldr_national_ucs[u].id);
		json_str(b, ldr_national_ucs[u].title);
		ldr_buf_addf(b, ", \"planned\": %zu, \"enabled\": {", s.planned);
		for (e = 0; e < LDR_ARRAY_SIZE(enabled); e++)
			ldr_buf_addf(b, "%s\"%s\": %zu", e ? ", " : "", enabled[e], s.enabled[e]);
		ldr_buf_addstr(b, "}, \"last_ambition\": {");
		for (i = 0; i < ny; i++)
			ldr_buf_addf(b, "%s\"%s\": %zu", i ? ", " : "", ldr_agg_year_text(years[i], buf),
				     ldr_aggregate_ambition_by(a, u, years[i]));
		ldr_buf_addstr(b, "}, \"footprints\": [");
		for (i = 0, k = 0; i < a->n; i++) {
			if (a->v[i].skipped)
				continue;
			ldr_buf_addstr(b, k++ ? ",\n      " : "\n      ");
			json_plan(b, &a->v[i], &a->v[i].ucs[u]);
		}
		ldr_buf_addstr(b, k ? "\n    ]}" : "]}");
	}
	ldr_buf_addstr(b, "\n  ],\n");
	free(years);
}

static void json_targets(struct ldr_buf *b, const struct ldr_aggregate *a)
{
	size_t i, u, k, n = 0;

	ldr_buf_addstr(b, "  \"targets\": [");
	for (u = 0; u < LDR_NATIONAL_UCS; u++) {
		const struct ldr_uc_def *d = &ldr_national_ucs[u];
		struct ldr_agg_uc_summary s;
		if (!d->target.percent)
			continue;
		ldr_aggregate_uc_summary(a, u, &s);
		ldr_buf_addf(b, "%s\n    {\"uc\": \"%s\", \"measure\": ", n++ ? "," : "", d->id);
		json_str(b, d->target.measure);
		ldr_buf_addf(b, ", \"percent\": %d, \"by\": \"%04d-%02d\", \"at_or_above\": %zu, "
			     "\"below\": %zu, \"no_figure\": %zu, \"no_plan\": %zu, \"lowest\": ",
			     d->target.percent, d->target.year, d->target.month, s.positions[LDR_AGG_MEETS],
			     s.positions[LDR_AGG_BELOW], s.positions[LDR_AGG_NO_FIGURE],
			     s.positions[LDR_AGG_NO_PLAN]);
		json_figure(b, s.lowest);
		ldr_buf_addstr(b, ", \"highest\": ");
		json_figure(b, s.highest);
		ldr_buf_addstr(b, ", \"footprints\": [");
		for (i = 0, k = 0; i < a->n; i++) {
			const struct ldr_agg_uc *p = &a->v[i].ucs[u];
			if (a->v[i].skipped)
				continue;
			ldr_buf_addstr(b, k++ ? ",\n      " : "\n      ");
			json_footprint_head(b, &a->v[i]);
			ldr_buf_addf(b, ", \"position\": \"%s\", \"stated\": ", ldr_agg_position_name(p->position));
			json_figure(b, p->stated);
			ldr_buf_addstr(b, ", \"year\": ");
			cli_json_time(b, &p->stated_year);
			ldr_buf_addstr(b, ", \"baseline\": ");
			json_figure(b, p->baseline);
			ldr_buf_addch(b, '}');
		}
		ldr_buf_addstr(b, k ? "\n    ]}" : "]}");
	}
	ldr_buf_addstr(b, "\n  ],\n");
}

static void json_rules(struct ldr_buf *b, const struct ldr_aggregate *a)
{
	size_t i, fps, n, errors = 0, warnings = 0;

	ldr_buf_addstr(b, "  \"rules\": [");
	for (i = 0; i < ldr_nrules; i++) {
		ldr_aggregate_rule(a, i, &fps, &n);
		ldr_buf_addf(b, "%s\n    {\"rule\": \"%s\", \"severity\": \"%s\", \"footprints\": %zu, "
			     "\"findings\": %zu}", i ? "," : "", ldr_rules[i].id,
			     ldr_rules[i].severity == LDR_CHECK_ERROR ? "error" : "warning", fps, n);
	}
	for (i = 0; i < a->n; i++) {
		errors += a->v[i].errors;
		warnings += a->v[i].warnings;
	}
	ldr_buf_addf(b, "\n  ],\n  \"errors\": %zu,\n  \"warnings\": %zu\n", errors, warnings);
}

void cli_aggregate_json(const struct ldr_aggregate *a, FILE *out)
{
	struct ldr_buf b = LDR_BUF_INIT;

	ldr_buf_addf(&b, "{\n  \"roadmaps\": %zu,\n  \"checked\": %zu,\n  \"skipped\": %zu,\n", a->n,
		     a->checked, a->skipped);
	json_footprints(&b, a);
	json_capabilities(&b, a);
	json_ucs(&b, a);
	json_targets(&b, a);
	json_rules(&b, a);
	ldr_buf_addstr(&b, "}\n");
	fputs(b.s, out);
	ldr_buf_release(&b);
}
