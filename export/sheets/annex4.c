/* Annex 4, the universal capabilities delivery plan (guidance §6.24-6.30):
 * a summary sheet of the ten capabilities with their groups and defined
 * aims, then one sheet per capability laid out as the template is: the
 * capability, its group and aims; A. baseline; B. the ambition by year;
 * C. the activities by quarter; D. national services or the rationale for
 * an alternative; E. how progress will be evidenced. Every capability gets
 * its sheet, answered or not, as the template has all ten. */
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/national.h"
#include "../base/common.h"
#include "writers.h"
#include "xlsx.h"

#define SUMMARY "Universal capabilities"
#define LABEL_WIDTH 22
#define TEXT_WIDTH 100

/* Short names for the sheet tabs (at most 31 characters with the id). */
static const struct {
	const char *id, *tab;
} tabs[] = {
	{ "UC01", "GP-held medications" },
	{ "UC02", "Key GP info in U&EC" },
	{ "UC03", "Patients access GP record" },
	{ "UC04", "e-Referrals" },
	{ "UC05", "Discharge summaries" },
	{ "UC06", "Social care notices" },
	{ "UC07", "Child protection info" },
	{ "UC08", "End-of-life preferences" },
	{ "UC09", "Electronic prescriptions" },
	{ "UC10", "Online booking & repeats" },
};

struct annex4 {
	struct ldr_xlsx *x;
	const struct ldr_roadmap *rm;
	struct ldr_hash projects;
	struct ldr_time *years; /* the plan years */
	size_t nyears;
	struct ldr_buf b;
};

static void aims(const struct ldr_uc_def *d, struct ldr_buf *b)
{
	size_t i;

	ldr_buf_reset(b);
	for (i = 0; i < LDR_UC_MAX_AIMS && d->aims[i]; i++) {
		if (i)
			ldr_buf_addch(b, '\n');
		ldr_buf_addstr(b, "\xE2\x80\xA2 ");
		ldr_buf_addstr(b, d->aims[i]);
	}
}

static const char *group_name(const struct annex4 *a, const char *id)
{
	const char *name = ldr_export_group_name(a->rm, id);
	return name ? name : id;
}

static const char *derived(const struct ldr_uc *u, const char *field)
{
	return u ? ldr_derived_reason(&u->derived, field) : NULL;
}

/* ---- the summary ----------------------------------------------------------- */

static void summary(struct annex4 *a)
{
	struct ldr_buf aims_head = LDR_BUF_INIT;
	const char *cols[] = { "UC", "Universal capability", "Capability group", NULL,
			       "Capability enabled", "Usage and take-up" };
	char y[LDR_TIME_STR_MAX], enabled[32];
	struct ldr_table t;
	size_t i;

	ldr_buf_addstr(&aims_head, "Aims (in terms of take-up and optimisation) [and specific ");
	if (a->nyears)
		ldr_buf_addf(&aims_head, "%s ", ldr_time_format(&a->years[0], y));
	ldr_buf_addstr(&aims_head, "targets where applicable]");
	cols[3] = aims_head.s;
	ldr_table_begin(&t, a->x, ldr_xlsx_sheet(a->x, SUMMARY), 0, cols, LDR_ARRAY_SIZE(cols));
	for (i = 0; i < LDR_NATIONAL_UCS; i++) {
		const struct ldr_uc_def *d = &ldr_national_ucs[i];
		const struct ldr_uc *u = ldr_roadmap_uc(a->rm, d->id);

		ldr_table_row(&t, d->id);
		ldr_table_text(&t, 0, d->id);
		ldr_table_text(&t, 1, d->title);
		ldr_table_text(&t, 2, group_name(a, d->group));
		aims(d, &a->b);
		ldr_table_text(&t, 3, a->b.s);
		ldr_table_derived(&t, 4, u ? ldr_enum_label(&ldr_kind_uc, "enabled", u->enabled, enabled,
							    sizeof(enabled))
					   : NULL,
				  derived(u, "enabled"));
		ldr_table_derived(&t, 5, u ? u->uptake : NULL, derived(u, "uptake"));
	}
	t.max_width = 70;
	ldr_table_end(&t);
	ldr_buf_release(&aims_head);
}

/* ---- a capability's sheet -------------------------------------------------- */

struct sheet {
	struct annex4 *a;
	lxw_worksheet *ws;
	lxw_row_t row;
	const char *id;
};

static void where(struct sheet *s, const char *what, struct ldr_buf *b)
{
	ldr_buf_reset(b);
	ldr_buf_addf(b, "%s, %s", s->id, what);
}

/* Make the row tall enough for its label and its text. */
static void fit_row(struct sheet *s, const char *label, const char *text)
{
	unsigned a = ldr_text_lines(label, LABEL_WIDTH), b = ldr_text_lines(text, TEXT_WIDTH);
	ldr_xlsx_row_lines(s->a->x, s->ws, s->row, a > b ? a : b);
}

/* A label in column A and text in column B, on a row of its own. */
static void line(struct sheet *s, const char *label, const char *text, const char *reason)
{
	struct ldr_buf w = LDR_BUF_INIT;

	where(s, label ? label : "text", &w);
	if (label)
		ldr_xlsx_text(s->a->x, s->ws, s->row, 0, label, s->a->x->label, w.s);
	ldr_xlsx_maybe_derived(s->a->x, s->ws, s->row, 1, text, reason, w.s);
	fit_row(s, label, text);
	s->row++;
	ldr_buf_release(&w);
}

static void section(struct sheet *s, const char *title)
{
	s->row++;
	ldr_xlsx_text(s->a->x, s->ws, s->row, 0, title, s->a->x->section, title);
	ldr_xlsx_text(s->a->x, s->ws, s->row, 1, NULL, s->a->x->section, title);
	s->row++;
}

static void grid_head(struct sheet *s, const char *left, const char *right, const char *reason)
{
	ldr_xlsx_text(s->a->x, s->ws, s->row, 0, left, s->a->x->header, left);
	ldr_xlsx_text(s->a->x, s->ws, s->row, 1, right, s->a->x->header, right);
	if (reason) {
		struct ldr_buf note = LDR_BUF_INIT;
		ldr_buf_addf(&note, "Derived, not read from the source: %s", reason);
		ldr_xlsx_comment(s->a->x, s->ws, s->row, 1, note.s);
		ldr_buf_release(&note);
	}
	s->row++;
}

static int time_cmp(const void *a, const void *b)
{
	return ldr_time_cmp(a, b);
}

/* The rows of a grid: the template's (the first two plan years, or their
 * quarters), then any other time the answers use, in time order. */
static struct ldr_time *grid_times(struct annex4 *a, const struct ldr_time *used, size_t nused,
				   int quarters, size_t *n)
{
	size_t i, len = 0, k = a->nyears < 2 ? a->nyears : 2;
	struct ldr_time *t = ldr_calloc(k * 4 + nused + 1, sizeof(*t));

	for (i = 0; i < k; i++) {
		int fy = ldr_time_fy_of_month(ldr_time_first(&a->years[i]));
		int q;
		if (!quarters)
			t[len++] = a->years[i];
		else
			for (q = 1; q <= 4; q++)
				t[len++] = ldr_time_quarter(fy, q);
	}
	for (i = 0; i < nused; i++)
		if (used[i].kind != LDR_TIME_NONE)
			t[len++] = used[i];
	qsort(t, len, sizeof(*t), time_cmp);
	*n = 0;
	for (i = 0; i < len; i++)
		if (!*n || ldr_time_cmp(&t[i], &t[*n - 1]) != 0)
			t[(*n)++] = t[i];
	return t;
}

static void ambition(struct sheet *s, const struct ldr_uc *u)
{
	size_t i, j, nused = u ? u->ambition.len : 0, n;
	struct ldr_time *used = ldr_calloc(nused + 1, sizeof(*used));
	struct ldr_time *rows;
	char y[LDR_TIME_STR_MAX];

	for (i = 0; i < nused; i++)
		used[i] = LDR_ITEM(u->ambition, struct ldr_ambition, i)->year;
	rows = grid_times(s->a, used, nused, 0, &n);
	section(s, "B. Ambition");
	grid_head(s, "Year", "Ambition", derived(u, "ambition"));
	for (i = 0; i < n; i++) {
		const char *text = NULL;
		for (j = 0; j < nused; j++)
			if (ldr_time_cmp(&used[j], &rows[i]) == 0)
				text = LDR_ITEM(u->ambition, struct ldr_ambition, j)->text;
		line(s, ldr_time_format(&rows[i], y), text, NULL);
	}
	free(rows);
	free(used);
}

/* One bullet per activity of the quarter; done ones marked, with the date
 * when it is recorded ("✓ done 2016-07"). Notes on the
 * cell say which were derived, and why. */
static void quarter(struct sheet *s, const struct ldr_uc *u, const struct ldr_time *q)
{
	struct ldr_buf text = LDR_BUF_INIT, notes = LDR_BUF_INIT, w = LDR_BUF_INIT;
	char y[LDR_TIME_STR_MAX];
	size_t i, j;

	for (i = 0; u && i < u->activities.len; i++) {
		const struct ldr_activity *act = LDR_ITEM(u->activities, struct ldr_activity, i);
		if (ldr_time_cmp(&act->quarter, q) != 0)
			continue;
		if (text.len)
			ldr_buf_addch(&text, '\n');
		ldr_buf_addf(&text, "\xE2\x80\xA2 %s", act->what ? act->what : "");
		if (act->done || act->delivered.kind)
			ldr_buf_addstr(&text, " \xE2\x9C\x93 done");
		if (act->delivered.kind)
			ldr_buf_addf(&text, " %s", ldr_time_format(&act->delivered, y));
		for (j = 0; j < act->derived.n; j++)
			ldr_buf_addf(&notes, "%s%s %s: %s", notes.len ? "\n" : "", act->id ? act->id : "",
				     act->derived.v[j].key, act->derived.v[j].value ? act->derived.v[j].value : "");
	}
	ldr_time_format(q, y);
	where(s, y, &w);
	ldr_xlsx_text(s->a->x, s->ws, s->row, 0, y, s->a->x->label, w.s);
	ldr_xlsx_text(s->a->x, s->ws, s->row, 1, text.s, notes.len ? s->a->x->derived : s->a->x->text, w.s);
	if (notes.len) {
		ldr_buf_reset(&w);
		ldr_buf_addf(&w, "Derived, not read from the source:\n%s", notes.s);
		ldr_xlsx_comment(s->a->x, s->ws, s->row, 1, w.s);
	}
	fit_row(s, y, text.s);
	s->row++;
	ldr_buf_release(&text);
	ldr_buf_release(&notes);
	ldr_buf_release(&w);
}

static void activities(struct sheet *s, const struct ldr_uc *u)
{
	size_t i, nused = u ? u->activities.len : 0, n;
	struct ldr_time *used = ldr_calloc(nused + 1, sizeof(*used));
	struct ldr_time *rows;

	for (i = 0; i < nused; i++)
		used[i] = LDR_ITEM(u->activities, struct ldr_activity, i)->quarter;
	rows = grid_times(s->a, used, nused, 1, &n);
	section(s, "C. Activities");
	grid_head(s, "Quarter", "Activities", NULL);
	for (i = 0; i < n; i++)
		quarter(s, u, &rows[i]);
	free(rows);
	free(used);
}

static void projects(struct annex4 *a, const struct ldr_uc *u, struct ldr_buf *b)
{
	size_t i;

	ldr_buf_reset(b);
	for (i = 0; u && i < u->projects.n; i++) {
		const struct ldr_project *p = ldr_hash_get(&a->projects, u->projects.v[i]);
		ldr_buf_addf(b, "%s%s", i ? "\n" : "", u->projects.v[i]);
		if (p && p->name)
			ldr_buf_addf(b, " %s", p->name);
	}
}

static void uc_sheet(struct annex4 *a, const struct ldr_uc_def *d, const char *tab)
{
	const struct ldr_uc *u = ldr_roadmap_uc(a->rm, d->id);
	struct ldr_buf name = LDR_BUF_INIT;
	struct sheet s;
	char buf[64];

	ldr_buf_addf(&name, "%s %s", d->id, tab);
	memset(&s, 0, sizeof(s));
	s.a = a;
	s.id = d->id;
	s.ws = ldr_xlsx_sheet(a->x, name.s);
	ldr_buf_release(&name);
	if (!s.ws)
		return;
	worksheet_set_portrait(s.ws);
	worksheet_set_column(s.ws, 0, 0, LABEL_WIDTH, NULL);
	worksheet_set_column(s.ws, 1, 1, TEXT_WIDTH, a->x->text);
	line(&s, "Universal Capability:", d->title, NULL);
	line(&s, "Capability Group:", group_name(a, d->group), NULL);
	aims(d, &a->b);
	line(&s, "Defined Aims:", a->b.s, NULL);
	line(&s, "Capability enabled:",
	     u ? ldr_enum_label(&ldr_kind_uc, "enabled", u->enabled, buf, sizeof(buf)) : NULL,
	     derived(u, "enabled"));
	line(&s, "Usage and take-up:", u ? u->uptake : NULL, derived(u, "uptake"));
	projects(a, u, &a->b);
	line(&s, "Delivering projects:", a->b.s, derived(u, "projects"));

	section(&s, "A. Baseline");
	line(&s, NULL, u ? u->baseline : NULL, derived(u, "baseline"));
	ambition(&s, u);
	activities(&s, u);
	section(&s, "D. National Services / Infrastructure / Standards");
	line(&s, "Solution:",
	     !u || !u->solution ? NULL
	     : u->solution == LDR_SOLUTION_NATIONAL ? "National services, infrastructure and standards"
						    : "An alternative solution",
	     derived(u, "solution"));
	line(&s, "Rationale:", u ? u->rationale : NULL, derived(u, "rationale"));
	section(&s, "E. Evidencing Progress");
	line(&s, NULL, u ? u->evidence : NULL, derived(u, "evidence"));
}

int ldr_export_annex4_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err)
{
	struct ldr_xlsx x;
	struct annex4 a;
	size_t i, j;
	int r;

	if ((r = ldr_xlsx_open(&x, path, rm, opts, "annex4", "Universal capabilities delivery plan (Annex 4)",
			  err)) < 0)
		return r;
	memset(&a, 0, sizeof(a));
	a.x = &x;
	a.rm = rm;
	a.years = ldr_plan_years(&rm->footprint, 1, &a.nyears);
	ldr_project_table(&a.projects, rm);
	summary(&a);
	for (i = 0; i < LDR_NATIONAL_UCS; i++) {
		const char *tab = ldr_national_ucs[i].title;
		for (j = 0; j < LDR_ARRAY_SIZE(tabs); j++)
			if (strcmp(tabs[j].id, ldr_national_ucs[i].id) == 0)
				tab = tabs[j].tab;
		uc_sheet(&a, &ldr_national_ucs[i], tab);
	}
	free(a.years);
	ldr_hash_clear(&a.projects);
	ldr_buf_release(&a.b);
	return ldr_xlsx_close(&x, err);
}
