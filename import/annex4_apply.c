/* Annex 4: what the sheets gave, merged into the roadmap's universal
 * capabilities. Activities are matched by the id a note gives them, else
 * by quarter and what, else by what alone (an activity moved to another
 * quarter); the others are new. A new roadmap's first year is the one the
 * grids begin with: the template shows the first two years of the plan,
 * answered or not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annex4.h"

/* ---- a new roadmap's horizon ------------------------------------------------------------ */

static int has(const struct a4_row *v, size_t n, const struct ldr_time *t)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (ldr_time_cmp(&v[i].t, t) == 0)
			return 1;
	return 0;
}

static int fy(const struct ldr_time *t)
{
	return ldr_time_fy_of_month(ldr_time_first(t));
}

/* Whether every sheet's grids have the rows of years y to y + k - 1, and
 * every empty row is one of them (the template's rows). */
static int template_years(const struct a4 *a, int y, int k)
{
	size_t i, j;
	int q, d;

	for (i = 0; i < a->n; i++) {
		const struct a4_uc *u = &a->v[i];
		for (d = 0; d < k && u->sheet; d++) {
			struct ldr_time year = ldr_time_year(y + d);
			if (u->nyears && !has(u->years, u->nyears, &year))
				return 0;
			for (q = 1; q <= 4; q++) {
				struct ldr_time quarter = ldr_time_quarter(y + d, q);
				if (u->nquarters && !has(u->quarters, u->nquarters, &quarter))
					return 0;
			}
		}
		for (j = 0; j < u->nquarters; j++)
			if (u->quarters[j].empty && (fy(&u->quarters[j].t) < y || fy(&u->quarters[j].t) >= y + k))
				return 0;
		for (j = 0; j < u->nyears; j++)
			if (u->years[j].empty && (fy(&u->years[j].t) < y || fy(&u->years[j].t) >= y + k))
				return 0;
	}
	return 1;
}

static void horizon(struct a4 *a)
{
	struct imp *im = a->im;
	int k, y;

	for (k = 2; k >= 1; k--)
		for (y = im->fy_lo; y <= im->fy_hi; y++)
			if (template_years(a, y, k)) {
				im->fy_lo = y;
				im->fy_hi = k == 2 ? (im->fy_hi > y + 1 ? im->fy_hi : y + 1) : y;
				return;
			}
}

/* ---- the ambition ------------------------------------------------------------------------ */

static const struct ldr_ambition *ambition_of(const struct ldr_list *l, const struct ldr_time *year)
{
	size_t i;
	for (i = 0; i < l->len; i++)
		if (ldr_time_cmp(&LDR_ITEM(*l, struct ldr_ambition, i)->year, year) == 0)
			return LDR_ITEM(*l, struct ldr_ambition, i);
	return NULL;
}

/* The ambition the sheet gives, year by year. Returns whether it changed. */
static int ambition(struct ldr_uc *dst, const struct ldr_uc *src)
{
	size_t i;
	int changed = 0;

	for (i = dst->ambition.len; i-- > 0;) {
		struct ldr_ambition *d = LDR_ITEM(dst->ambition, struct ldr_ambition, i);
		const struct ldr_ambition *s = ambition_of(&src->ambition, &d->year);
		if (!s) {
			ldr_list_remove(&dst->ambition, &ldr_kind_ambition, i);
			changed = 1;
		} else if (strcmp(d->text ? d->text : "", s->text ? s->text : "")) {
			free(d->text);
			d->text = ldr_strdup(s->text);
			changed = 1;
		}
	}
	for (i = 0; i < src->ambition.len; i++) {
		const struct ldr_ambition *s = LDR_ITEM(src->ambition, struct ldr_ambition, i);
		if (!ambition_of(&dst->ambition, &s->year)) {
			ldr_rec_copy(&ldr_kind_ambition, ldr_list_push(&dst->ambition, &ldr_kind_ambition), s);
			changed = 1;
		}
	}
	return changed;
}

/* ---- the activities ---------------------------------------------------------------------- */

static int same_what(const char *a, const char *b)
{
	char *x = imp_norm(a ? a : ""), *y = imp_norm(b ? b : "");
	int same = !strcmp(x, y);

	free(x);
	free(y);
	return same;
}

/* Match each bullet to an activity of dst: pass 0 by id, 1 by quarter and
 * what, 2 by what alone. */
static void match(struct a4_uc *u, const struct ldr_uc *dst, unsigned char *taken, int pass)
{
	size_t i, j;

	for (i = 0; i < u->nbullets; i++) {
		struct a4_bullet *b = &u->bullets[i];
		for (j = 0; j < dst->activities.len && b->match < 0; j++) {
			const struct ldr_activity *act = LDR_ITEM(dst->activities, struct ldr_activity, j);
			int ok = pass == 0 ? b->id && act->id && !strcmp(b->id, act->id)
				 : pass == 1 ? !ldr_time_cmp(&b->quarter, &act->quarter) && same_what(b->what, act->what)
					     : same_what(b->what, act->what);
			if (ok && !taken[j]) {
				taken[j] = 1;
				b->match = (long)j;
			}
		}
	}
}

static const char *reason_for(struct a4_uc *u, const char *id, const char *field)
{
	size_t i;

	for (i = 0; i < u->nreasons; i++)
		if (!strcmp(u->reasons[i].id, id) && !strcmp(u->reasons[i].field, field)) {
			u->reasons[i].used = 1;
			return u->reasons[i].reason;
		}
	return NULL;
}

static void update_activity(struct a4_uc *u, struct ldr_activity *act, const struct a4_bullet *b)
{
	static const char *const fields[] = { "quarter", "what", "done", "delivered" };
	struct ldr_activity src;
	size_t i;

	memset(&src, 0, sizeof(src));
	src.quarter = b->quarter;
	src.what = b->what;
	src.done = b->done;
	src.delivered = b->delivered;
	for (i = 0; i < LDR_ARRAY_SIZE(fields); i++)
		imp_update(&ldr_kind_activity, act, &src, fields[i], reason_for(u, act->id, fields[i]));
}

/* The ids notes give: a bullet's own, when it is new and the id free; and
 * every other id a note names kept from the new ones, so that a reason is
 * never given to an activity it was not written for. */
static void reserve_ids(struct a4 *a, struct a4_uc *u, unsigned char *own)
{
	size_t i;

	for (i = 0; i < u->nbullets; i++) {
		const struct a4_bullet *b = &u->bullets[i];
		own[i] = b->match < 0 && b->id && ldr_id_valid(b->id) && !imp_id_taken(a->im, b->id);
		if (own[i])
			imp_id_add(a->im, b->id);
	}
	for (i = 0; i < u->nreasons; i++)
		if (ldr_id_valid(u->reasons[i].id) && !imp_id_taken(a->im, u->reasons[i].id))
			imp_id_add(a->im, u->reasons[i].id);
}

static void activities(struct a4 *a, struct a4_uc *u, struct ldr_uc *dst)
{
	size_t i, existing = dst->activities.len;
	unsigned char *taken = ldr_calloc(existing + 1, 1), *own = ldr_calloc(u->nbullets + 1, 1);
	struct imp_seq seq;
	char prefix[16];
	int pass;

	for (pass = 0; pass < 3; pass++)
		match(u, dst, taken, pass);
	reserve_ids(a, u, own);
	memset(&seq, 0, sizeof(seq));
	snprintf(prefix, sizeof(prefix), "%s-A", dst->id);
	seq.prefix = prefix;
	seq.width = 1;
	for (i = 0; i < u->nbullets; i++) {
		const struct a4_bullet *b = &u->bullets[i];
		struct ldr_activity *act;
		if (b->match >= 0) {
			act = LDR_ITEM(dst->activities, struct ldr_activity, (size_t)b->match);
		} else {
			act = ldr_list_push(&dst->activities, &ldr_kind_activity);
			act->id = own[i] ? ldr_strdup(b->id) : imp_new_id(a->im, &seq, &dst->activities, &ldr_kind_activity);
		}
		update_activity(u, act, b);
	}
	free(taken);
	free(own);
}

/* The reasons a note gave for activities it could not be told apart from
 * its quarter's others, and the lines no field took: in the notes. */
static void leftovers(struct a4 *a, struct a4_uc *u, struct ldr_uc *dst)
{
	size_t i;

	for (i = 0; i < u->nreasons; i++) {
		struct a4_reason *r = &u->reasons[i];
		struct ldr_buf b = LDR_BUF_INIT;
		if (r->used)
			continue;
		ldr_buf_addf(&b, "%s %s: %s", r->id, r->field, r->reason);
		imp_add_comment(&dst->notes, "Derived, as the note on the quarter's activities says", b.s);
		imp_warn(a->im, r->at.s, r->at.row, r->at.col, "the note gives the reason %s's %s was derived, "
			 "but which activity of the quarter is %s cannot be told: kept in %s's notes",
			 imp_q(a->im, r->id), r->field, imp_q(a->im, r->id), dst->id);
		ldr_buf_release(&b);
	}
	if (u->other)
		imp_add_comment(&dst->notes, NULL, u->other);
}

/* ---- the capabilities ------------------------------------------------------------------- */

static struct ldr_uc *target(struct a4 *a, const struct a4_uc *u)
{
	struct ldr_list *l = &a->im->rm->ucs;
	struct ldr_uc *dst;
	size_t i;

	for (i = 0; i < l->len; i++) {
		dst = LDR_ITEM(*l, struct ldr_uc, i);
		if (dst->id && !strcmp(dst->id, u->def->id)) {
			a->im->res->updated++;
			return dst;
		}
	}
	dst = ldr_list_push(l, &ldr_kind_uc);
	dst->id = ldr_strdup(u->def->id);
	imp_id_add(a->im, dst->id);
	a->im->res->added++;
	return dst;
}

static void apply_uc(struct a4 *a, struct a4_uc *u)
{
	struct ldr_uc *dst = target(a, u);
	size_t fi;

	for (fi = 0; fi < ldr_kind_uc.nfields; fi++) {
		const struct ldr_field *f = &ldr_kind_uc.fields[fi];
		if (!(u->carried & (1u << fi)) || f->type == LDR_F_LIST)
			continue;
		imp_update(&ldr_kind_uc, dst, &u->src, f->name, u->reason[fi]);
	}
	fi = (size_t)ldr_kind_field(&ldr_kind_uc, "ambition");
	if ((u->carried & (1u << fi)) && (ambition(dst, &u->src) || u->reason[fi]))
		imp_set_reason(&ldr_kind_uc, dst, "ambition", u->reason[fi]);
	if (u->carried & (1u << ldr_kind_field(&ldr_kind_uc, "activities")))
		activities(a, u, dst);
	leftovers(a, u, dst);
}

/* Whether a capability's sheet is not answered (the export writes a sheet
 * for each of the ten, answered or not). */
static int unanswered(const struct a4_uc *u)
{
	const struct ldr_uc *s = &u->src;

	return !s->enabled && !s->uptake && !s->baseline && !s->ambition.len && !u->nbullets && !s->solution &&
	       !s->rationale && !s->evidence && !s->projects.n && !u->other;
}

void a4_apply(struct a4 *a)
{
	size_t i;

	if (a->im->o->fresh)
		horizon(a);
	for (i = 0; i < a->n; i++) {
		if (unanswered(&a->v[i]) && !ldr_roadmap_uc(a->im->rm, a->v[i].def->id))
			continue;
		a->im->res->rows++;
		apply_uc(a, &a->v[i]);
	}
	a->im->res->kept = a->im->rm->ucs.len - a->im->res->rows;
}
