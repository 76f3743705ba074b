/* Annex 4: the values of a capability's sheet, read into its entry. */
#include <stdlib.h>
#include <string.h>

#include "annex4.h"

void a4_init(struct a4 *a, struct imp *im)
{
	memset(a, 0, sizeof(*a));
	a->im = im;
}

static void uc_release(struct a4_uc *u)
{
	size_t i;

	ldr_rec_release(&ldr_kind_uc, &u->src);
	for (i = 0; i < u->nbullets; i++) {
		free(u->bullets[i].what);
		free(u->bullets[i].id);
	}
	for (i = 0; i < u->nreasons; i++) {
		free(u->reasons[i].id);
		free(u->reasons[i].field);
		free(u->reasons[i].reason);
	}
	free(u->bullets);
	free(u->reasons);
	free(u->other);
	free(u->years);
	free(u->quarters);
}

void a4_release(struct a4 *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		uc_release(&a->v[i]);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

struct a4_uc *a4_uc(struct a4 *a, const struct ldr_uc_def *d, const struct ldr_sheet *sheet)
{
	struct a4_uc *u = NULL;
	size_t i;

	for (i = 0; i < a->n && !u; i++)
		if (a->v[i].def == d)
			u = &a->v[i];
	if (!u) {
		a->v = ldr_realloc(a->v, (a->n + 1) * sizeof(*a->v));
		u = &a->v[a->n++];
		memset(u, 0, sizeof(*u));
		u->def = d;
		u->src.id = ldr_strdup(d->id);
	}
	if (sheet && u->sheet)
		imp_error(a->im, sheet, (unsigned)-1, 0, "a second sheet for %s (the first is %s): read one only",
			  d->id, imp_q(a->im, u->sheet->name));
	else if (sheet)
		u->sheet = sheet;
	return u;
}

int a4_label_is(const char *label, const char *name)
{
	char *h = imp_heading(label);
	int is = !strcmp(h, name);

	free(h);
	return is;
}

/* The field of the kind called name: its index, as a bit of carried. */
static int carry(struct a4_uc *u, const char *name, const char *reason)
{
	int fi = ldr_kind_field(&ldr_kind_uc, name);

	u->carried |= 1u << fi;
	u->reason[fi] = reason;
	return fi;
}

void a4_enabled(struct a4 *a, struct a4_uc *u, const struct imp_at *at)
{
	imp_enum(a->im, at, &ldr_kind_uc, "enabled", &u->src.enabled);
	carry(u, "enabled", at->c ? imp_reason(at) : NULL);
}

void a4_text_field(struct a4 *a, struct a4_uc *u, const char *field, const struct imp_at *at)
{
	int fi = carry(u, field, at->c ? imp_reason(at) : NULL);
	char **p = LDR_FIELD(&u->src, &ldr_kind_uc.fields[fi]);

	free(*p);
	*p = NULL;
	imp_text(a->im, at, 1, p);
}

void a4_projects(struct a4 *a, struct a4_uc *u, const struct imp_at *at)
{
	struct ldr_strv *v = &u->src.projects;
	char *text = NULL, *p;

	carry(u, "projects", at->c ? imp_reason(at) : NULL);
	if (imp_text(a->im, at, 1, &text) < 0 || !text)
		return;
	for (p = strtok(text, "\n;"); p; p = strtok(NULL, "\n;")) {
		const char *id;
		while (*p == ' ')
			p++;
		if (!*p || !(id = imp_project(a->im, at, p, 1)))
			continue;
		v->v = ldr_realloc(v->v, (v->n + 1) * sizeof(*v->v));
		v->v[v->n++] = ldr_strdup(id);
	}
	free(text);
}

void a4_solution(struct a4 *a, struct a4_uc *u, const struct imp_at *at)
{
	char *n = at->c ? imp_norm(at->c->text) : NULL;

	carry(u, "solution", at->c ? imp_reason(at) : NULL);
	if (n && (strstr(n, "alternative") == n || strstr(n, "an alternative") == n))
		u->src.solution = LDR_SOLUTION_ALTERNATIVE;
	else if (n && strstr(n, "national") == n)
		u->src.solution = LDR_SOLUTION_NATIONAL;
	else
		imp_enum(a->im, at, &ldr_kind_uc, "solution", &u->src.solution);
	free(n);
}

static void add_other(struct a4_uc *u, const char *label, const char *text)
{
	imp_add_comment(&u->other, label, text);
}

void a4_other(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct a4_line *l)
{
	char *label = NULL, *text = NULL;
	struct imp_at la = { s, l->row, 0, l->a }, ta = { s, l->row, 1, l->b };

	if (imp_text(a->im, &la, 0, &label) == 0 && imp_text(a->im, &ta, 1, &text) == 0 && (label || text)) {
		add_other(u, label ? label : NULL, text ? text : label);
		if (label && !text)
			imp_warn(a->im, s, l->row, 0, "%s is not a label of the template: kept in %s's notes",
				 imp_q(a->im, label), u->def->id);
	}
	free(label);
	free(text);
}

void a4_stray(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct ldr_cell *c)
{
	struct imp_at at = { s, c->row, c->col, c };
	char *text = NULL, name[16];

	if (imp_text(a->im, &at, 1, &text) < 0 || !text)
		return;
	add_other(u, ldr_cell_name(c->row, c->col, name), text);
	imp_warn(a->im, s, c->row, c->col, "a cell beyond the template's two columns: kept in %s's notes",
		 u->def->id);
	free(text);
}

void a4_section(struct a4 *a, struct a4_uc *u, char grid)
{
	(void)a;
	u->grid = grid;
	u->grid_head = 0;
	if (grid == 'B')
		carry(u, "ambition", NULL);
	else if (grid == 'C')
		carry(u, "activities", NULL);
}

void a4_seen(struct a4_uc *u, char section)
{
	if (section == 'A')
		carry(u, "baseline", NULL);
	else if (section == 'E')
		carry(u, "evidence", NULL);
}

void a4_text_done(struct a4 *a, struct a4_uc *u, const char *field, const struct ldr_buf *text,
		  const char *reason)
{
	int fi = carry(u, field, reason);
	char **p = LDR_FIELD(&u->src, &ldr_kind_uc.fields[fi]);

	(void)a;
	free(*p);
	*p = text->len ? ldr_text_normalise(text->s) : NULL;
}

/* ---- the grids ------------------------------------------------------------------------- */

static void grid_row(struct a4_row **v, size_t *n, const struct ldr_time *t, int empty)
{
	*v = ldr_realloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n].t = *t;
	(*v)[(*n)++].empty = empty;
}

/* The header of a grid ("Year | Ambition"): the ambition's reason is the
 * note on it. 1 when l was the header. */
static int grid_head(struct a4_uc *u, const struct ldr_sheet *s, const struct a4_line *l, const char *label)
{
	struct imp_at at = { s, l->row, 1, l->b };

	if (u->grid_head || !l->a || !a4_label_is(l->a->text, label))
		return 0;
	u->grid_head = 1;
	if (u->grid == 'B')
		u->reason[ldr_kind_field(&ldr_kind_uc, "ambition")] = l->b ? imp_reason(&at) : NULL;
	return 1;
}

void a4_ambition_line(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct a4_line *l)
{
	struct imp_at ya = { s, l->row, 0, l->a }, ta = { s, l->row, 1, l->b };
	struct ldr_ambition *amb;
	struct ldr_time y;
	char *text = NULL;

	if (grid_head(u, s, l, "year"))
		return;
	if (!l->a) {
		a4_other(a, u, s, l);
		return;
	}
	if (imp_time(a->im, &ya, LDR_TIME_YEAR, 1, &y) < 0 || imp_text(a->im, &ta, 1, &text) < 0)
		return;
	grid_row(&u->years, &u->nyears, &y, !text);
	if (!text)
		return;
	amb = ldr_list_push(&u->src.ambition, &ldr_kind_ambition);
	amb->year = y;
	amb->text = text;
}

void a4_activity_line(struct a4 *a, struct a4_uc *u, const struct ldr_sheet *s, const struct a4_line *l)
{
	struct imp_at qa = { s, l->row, 0, l->a }, ta = { s, l->row, 1, l->b };
	struct ldr_time q;
	size_t before = u->nbullets;

	if (grid_head(u, s, l, "quarter"))
		return;
	if (!l->a) {
		a4_other(a, u, s, l);
		return;
	}
	if (imp_time(a->im, &qa, LDR_TIME_QUARTER, 0, &q) < 0)
		return;
	if (ta.c && *ta.c->text)
		a4_bullets(a, u, &ta, &q);
	else
		ta.c = NULL;
	grid_row(&u->quarters, &u->nquarters, &q, u->nbullets == before);
}
