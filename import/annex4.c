/* Annex 4, the universal capabilities delivery plan: a sheet per universal
 * capability laid out as the template is (labels in column A, answers in
 * column B): the capability, whether it is enabled, its usage and take-up,
 * the delivering projects; A. the baseline; B. the ambition by year; C. the
 * activities by quarter, one bullet each ("• text ✓ done 2016-07"); D. the
 * solution and the rationale for an alternative; E. how progress will be
 * evidenced. A summary sheet of the ten (enabled, usage and take-up) is read
 * too, the capability's own sheet having the last word. */
#include "imp.h"

#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/national.h"
#include "annex4.h"

enum section { S_HEAD, S_BASELINE, S_AMBITION, S_ACTIVITIES, S_SOLUTION, S_EVIDENCE };

static const char *const section_names[] = {
	NULL, "a baseline|baseline", "b ambition|ambition",
	"c activities|activities", "d national services infrastructure standards|national services infrastructure "
	"standards|d national services|d solution",
	"e evidencing progress|evidencing progress|e evidence",
};

/* ---- the lines of a sheet ----------------------------------------------------------- */

/* Rows with a cell in column A or B. */
static size_t lines_of(const struct ldr_sheet *s, struct a4_line **out)
{
	size_t i, n = 0, cap = 0;
	struct a4_line *v = NULL;

	for (i = 0; i < s->n; i++) {
		const struct ldr_cell *c = &s->cells[i];
		if (c->col > 1)
			continue;
		if (!n || v[n - 1].row != c->row) {
			ldr_grow((void **)&v, &cap, n + 1, sizeof(*v));
			memset(&v[n], 0, sizeof(v[n]));
			v[n++].row = c->row;
		}
		if (c->col == 0)
			v[n - 1].a = c;
		else
			v[n - 1].b = c;
	}
	*out = v;
	return n;
}

/* A cell further right than the template's two columns is kept in the
 * capability's notes: nothing typed is lost. */
static void strays(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->cells[i].col > 1)
			a4_stray(a, u, s, &s->cells[i]);
}

static int names_match(const char *names, const char *h)
{
	size_t len = strlen(h);

	while (names && len) {
		const char *bar = strchr(names, '|');
		size_t k = bar ? (size_t)(bar - names) : strlen(names);
		if (k == len && !memcmp(names, h, len))
			return 1;
		names = bar ? bar + 1 : NULL;
	}
	return 0;
}

/* The section a label starts, or -1. */
static int section_of(const char *label)
{
	char *h = imp_heading(label);
	int i, found = -1;

	for (i = S_BASELINE; i <= S_EVIDENCE && found < 0; i++)
		if (names_match(section_names[i], h))
			found = i;
	free(h);
	return found;
}

/* The universal capability a sheet is for: by its title, else by the
 * "UC04" that begins the sheet's name. */
static const struct ldr_uc_def *uc_of(const struct ldr_sheet *s, const struct a4_line *v, size_t n)
{
	size_t i, j;
	char *want = NULL;
	const struct ldr_uc_def *d = NULL;

	for (i = 0; i < n && !want; i++)
		if (v[i].a && v[i].b && a4_label_is(v[i].a->text, "universal capability"))
			want = imp_norm(v[i].b->text);
	for (j = 0; want && j < LDR_NATIONAL_UCS && !d; j++) {
		char *t = imp_norm(ldr_national_ucs[j].title);
		if (!strcmp(t, want))
			d = &ldr_national_ucs[j];
		free(t);
	}
	free(want);
	for (j = 0; !d && j < LDR_NATIONAL_UCS; j++)
		if (!strncmp(s->name, ldr_national_ucs[j].id, 4) && (s->name[4] == ' ' || !s->name[4]))
			d = &ldr_national_ucs[j];
	return d;
}

/* ---- a sheet --------------------------------------------------------------------------- */

static struct imp_at at_of(const struct ldr_sheet *s, unsigned row, const struct ldr_cell *c)
{
	struct imp_at a;

	a.s = s;
	a.row = row;
	a.col = c ? c->col : 1;
	a.c = c && *c->text ? c : NULL;
	return a;
}

/* Text spread over the rows of a section (the baseline, the evidence). */
static void section_text(struct a4 *a, const struct ldr_sheet *s, const struct a4_line *l, struct ldr_buf *b,
			 const char **reason)
{
	struct imp_at at = at_of(s, l->row, l->b ? l->b : l->a);
	char *t = NULL;

	if (imp_text(a->im, &at, 1, &t) < 0 || !t)
		return;
	ldr_buf_addf(b, "%s%s", b->len ? "\n" : "", t);
	if (!*reason)
		*reason = imp_reason(&at);
	free(t);
}

static void head_line(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct a4_line *l)
{
	struct imp_at at = at_of(s, l->row, l->b);
	const char *label = l->a->text;

	if (a4_label_is(label, "capability enabled"))
		a4_enabled(a, u, &at);
	else if (a4_label_is(label, "usage and take up"))
		a4_text_field(a, u, "uptake", &at);
	else if (a4_label_is(label, "delivering projects"))
		a4_projects(a, u, &at);
	else if (!a4_label_is(label, "universal capability") && !a4_label_is(label, "capability group") &&
		 !a4_label_is(label, "defined aims"))
		a4_other(a, u, s, l);
}

static void solution_line(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct a4_line *l)
{
	struct imp_at at = at_of(s, l->row, l->b);

	if (l->a && a4_label_is(l->a->text, "solution"))
		a4_solution(a, u, &at);
	else if (l->a && a4_label_is(l->a->text, "rationale"))
		a4_text_field(a, u, "rationale", &at);
	else
		a4_other(a, u, s, l);
}

/* One line of a section. */
static void line(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct a4_line *l, int sec,
		 struct ldr_buf *text, const char **reason)
{
	switch (sec) {
	case S_HEAD:
		if (l->a)
			head_line(a, u, s, l);
		else if (l->b)
			a4_other(a, u, s, l);
		break;
	case S_BASELINE:
	case S_EVIDENCE:
		section_text(a, s, l, text, reason);
		break;
	case S_AMBITION:
		a4_ambition_line(a, u, s, l);
		break;
	case S_ACTIVITIES:
		a4_activity_line(a, u, s, l);
		break;
	default:
		solution_line(a, u, s, l);
	}
}

/* A section ends: its text is the field's. */
static void section_end(struct a4 *a, struct a4_uc *u, int sec, struct ldr_buf *text, const char *reason)
{
	if (sec == S_BASELINE || sec == S_EVIDENCE)
		a4_text_done(a, u, sec == S_BASELINE ? "baseline" : "evidence", text, reason);
	ldr_buf_reset(text);
}

static void read_sheet(struct a4 *a, const struct ldr_sheet *s)
{
	struct a4_line *v = NULL;
	size_t n = lines_of(s, &v), i;
	const struct ldr_uc_def *d = uc_of(s, v, n);
	struct ldr_buf text = LDR_BUF_INIT;
	const char *reason = NULL;
	struct a4_uc *u;
	int sec = S_HEAD, next;

	if (!d) {
		free(v);
		return;
	}
	u = a4_uc(a, d, s);
	strays(a, u, s);
	for (i = 0; i < n; i++) {
		next = v[i].a ? section_of(v[i].a->text) : -1;
		if (next >= 0) {
			section_end(a, u, sec, &text, reason);
			reason = NULL;
			sec = next;
			a4_section(a, u, sec == S_AMBITION ? 'B' : sec == S_ACTIVITIES ? 'C' : 0);
			a4_seen(u, sec == S_SOLUTION ? 'D' : sec == S_BASELINE ? 'A' : sec == S_EVIDENCE ? 'E' : 0);
			continue;
		}
		line(a, u, s, &v[i], sec, &text, &reason);
	}
	section_end(a, u, sec, &text, reason);
	ldr_buf_release(&text);
	free(v);
}

/* ---- the summary sheet --------------------------------------------------------------- */

enum { K_UC, K_TITLE, K_ENABLED, K_UPTAKE };

static const struct imp_col summary_cols[] = {
	{ K_UC, "uc|id|uc id", 0 },
	{ K_TITLE, "universal capability", 1 },
	{ K_ENABLED, "capability enabled|enabled", 0 },
	{ K_UPTAKE, "usage and take up|uptake|take up", 0 },
};

static const struct ldr_uc_def *summary_uc(const struct imp_table *t)
{
	struct imp_at id = imp_table_at(t, K_UC), title = imp_table_at(t, K_TITLE);
	const struct ldr_uc_def *d = id.c ? ldr_national_uc(id.c->text) : NULL;
	char *want = title.c ? imp_norm(title.c->text) : NULL;
	size_t j;

	for (j = 0; !d && want && j < LDR_NATIONAL_UCS; j++) {
		char *n = imp_norm(ldr_national_ucs[j].title);
		if (!strcmp(n, want))
			d = &ldr_national_ucs[j];
		free(n);
	}
	free(want);
	return d;
}

static void read_summary(struct a4 *a, const struct ldr_sheet *s)
{
	struct imp_table t;

	if (imp_table_find(a->im, s, summary_cols, LDR_ARRAY_SIZE(summary_cols), &t) < 0)
		return;
	while (imp_table_next(&t)) {
		const struct ldr_uc_def *d = summary_uc(&t);
		struct imp_at at;
		struct a4_uc *u;
		if (!d)
			continue;
		u = a4_uc(a, d, NULL);
		if (u->sheet)
			continue; /* its own sheet says */
		at = imp_table_at(&t, K_ENABLED);
		if (at.col != (unsigned)-1)
			a4_enabled(a, u, &at);
		at = imp_table_at(&t, K_UPTAKE);
		if (at.col != (unsigned)-1)
			a4_text_field(a, u, "uptake", &at);
	}
	imp_table_release(&t);
}

int imp_annex4(struct imp *im)
{
	struct a4 a;
	size_t i;

	a4_init(&a, im);
	for (i = 0; i < im->wb->n; i++) {
		const struct ldr_sheet *s = &im->wb->sheets[i];
		if (!s->hidden || (im->o->sheet && !strcmp(s->name, im->o->sheet)))
			read_sheet(&a, s);
	}
	for (i = 0; i < im->wb->n; i++)
		if (!im->wb->sheets[i].hidden)
			read_summary(&a, &im->wb->sheets[i]);
	if (!a.n)
		imp_error(im, NULL, 0, 0, "no sheet of a universal capability (a sheet with 'Universal Capability:' "
			  "and the capability's title in its first columns, or a name that begins UC01 to UC10)");
	else if (!im->res->nerrors)
		a4_apply(&a);
	a4_release(&a);
	return 0;
}
