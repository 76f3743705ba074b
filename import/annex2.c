/* Annex 2, the capability deployment schedule: a row per capability with
 * Who, What, Year and Capability group, then the footprint's own columns
 * (guidance §6.20), which become the capability's attributes; as ldr exports
 * it (with the delivering projects, and perhaps an Id, a Status and a
 * Detail column with the month or quarter within the year) or as people
 * fill the template in. Capabilities are matched by id, else by who and
 * what. */
#include "imp.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
	K_ID, K_WHO, K_WHAT, K_YEAR, K_DETAIL, K_GROUP, K_STATUS, K_DELIVERED, K_PROJECTS, K_DEPENDS,
	K_NOTES, NKEYS
};

static const struct imp_col cols[] = {
	{ K_ID, "id|capability id", 0 },
	{ K_WHO, "who|professional group|professional group or setting|who professional group or setting|"
		 "setting", 1 },
	{ K_WHAT, "what|capability|what they can do|what capability", 1 },
	{ K_YEAR, "year|financial year|fy|when|year deployed|deployment year|year of deployment", 0 },
	{ K_DETAIL, "detail|month|quarter|month or quarter", 0 },
	{ K_GROUP, "capability group|group|capability grouping|ppoc capability group", 0 },
	{ K_STATUS, "status|capability status", 0 },
	{ K_DELIVERED, "delivered|date delivered|delivered on", 0 },
	{ K_PROJECTS, "delivering projects|delivering project|projects|project|delivered by", 0 },
	{ K_DEPENDS, "depends on|dependencies", 0 },
	{ K_NOTES, "notes|note", 0 },
};

/* The field each key sets. */
static const char *const field_of[NKEYS] = {
	"id", "who", "what", "year", "year", "group", "status", "delivered", "projects", "depends_on", "notes",
};

struct a2 {
	struct imp *im;
	struct imp_table t;
	size_t existing;        /* capabilities before the import: those matched */
	unsigned char *matched;
	struct ldr_hash by_key;  /* who and what, normalised -> 1 + first index */
	size_t *next;           /* the next with the same who and what, 1 + index */
	struct ldr_hash by_id;
	struct imp_seq ids;
	int status_is_attr;     /* the Status column holds something else */
	/* The row read. */
	struct ldr_capability c;
	const char *reason[NKEYS], *attrs_reason;
};

/* ---- matching ----------------------------------------------------------------------- */

static char *who_what(const char *who, const char *what)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char *x = imp_norm(who ? who : ""), *y = imp_norm(what ? what : "");

	ldr_buf_addf(&b, "%s\x1f%s", x, y);
	free(x);
	free(y);
	return ldr_buf_detach(&b);
}

static void index_caps(struct a2 *a)
{
	struct ldr_list *l = &a->im->rm->capabilities;
	size_t i;

	a->existing = l->len;
	a->matched = ldr_calloc(l->len + 1, 1);
	a->next = ldr_calloc(l->len + 1, sizeof(*a->next));
	for (i = l->len; i-- > 0;) {
		struct ldr_capability *c = LDR_ITEM(*l, struct ldr_capability, i);
		const char *key = imp_pool_add(&a->im->pool, who_what(c->who, c->what));
		struct ldr_hash_entry *e = ldr_hash_put(&a->by_key, key, (void *)(uintptr_t)(i + 1));
		if (e) { /* the first of several: the chain goes on from it */
			a->next[i] = (uintptr_t)e->value;
			e->value = (void *)(uintptr_t)(i + 1);
		}
		if (c->id)
			ldr_hash_put(&a->by_id, c->id, (void *)(uintptr_t)(i + 1));
	}
}

/* The capability a row is: by id, else the first not yet matched with the
 * same who and what (one in the same year first); -1 for a new one. */
static long match(struct a2 *a)
{
	struct ldr_list *l = &a->im->rm->capabilities;
	uintptr_t v;
	char *key;
	long first = -1;

	if (a->c.id) {
		v = (uintptr_t)ldr_hash_get(&a->by_id, a->c.id);
		return v ? (long)v - 1 : -1;
	}
	key = who_what(a->c.who, a->c.what);
	v = (uintptr_t)ldr_hash_get(&a->by_key, key);
	free(key);
	for (; v; v = a->next[v - 1]) {
		const struct ldr_capability *c = LDR_ITEM(*l, struct ldr_capability, v - 1);
		if (a->matched[v - 1])
			continue;
		if (first < 0)
			first = (long)v - 1;
		if (ldr_time_cmp(&c->year, &a->c.year) == 0)
			return (long)v - 1;
	}
	return first;
}

/* ---- reading a row ------------------------------------------------------------------ */

static void attrs(struct a2 *a)
{
	struct imp_table *t = &a->t;
	size_t i;

	for (i = 0; i < t->nextra; i++) {
		struct imp_at at = imp_table_at_col(t, t->extra[i]);
		struct ldr_kv *kv;
		char *v;

		if (imp_text(a->im, &at, 0, &v) < 0 || !v)
			continue;
		if (!a->attrs_reason)
			a->attrs_reason = imp_reason(&at);
		a->c.attributes.v = ldr_realloc(a->c.attributes.v, (a->c.attributes.n + 1) * sizeof(*kv));
		kv = &a->c.attributes.v[a->c.attributes.n++];
		memset(kv, 0, sizeof(*kv));
		kv->key = ldr_strdup(t->extra_name[i]);
		kv->value = v;
	}
}

static void projects(struct a2 *a)
{
	struct imp_at at = imp_table_at(&a->t, K_PROJECTS);
	char *text, *p;

	if (imp_text(a->im, &at, 1, &text) < 0 || !text)
		return;
	for (p = text; *p;) {
		size_t n = strcspn(p, "\n;");
		char *piece = ldr_strndup(p, n), *s = piece;
		const char *id;
		while (*s == ' ')
			s++;
		id = imp_project(a->im, &at, s, 1);
		if (id) {
			a->c.projects.v = ldr_realloc(a->c.projects.v, (a->c.projects.n + 1) * sizeof(char *));
			a->c.projects.v[a->c.projects.n++] = ldr_strdup(id);
		}
		free(piece);
		p += n + (p[n] != '\0');
	}
	free(text);
}

/* A detail that names a quarter or month only within its year: "Q2",
 * "July", "Jul". 0 with it in *t, or -1. */
static int within(const char *text, const struct ldr_time *year, struct ldr_time *t)
{
	static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
					      "jul", "aug", "sep", "oct", "nov", "dec" };
	char *n = imp_norm(text);
	int fy = ldr_time_fy_of_month(ldr_time_first(year)), m, r = -1;

	if (year->kind == LDR_TIME_YEAR && n[0] == 'q' && n[1] >= '1' && n[1] <= '4' && !n[2]) {
		*t = ldr_time_quarter(fy, n[1] - '0');
		r = 0;
	}
	for (m = 0; r < 0 && year->kind == LDR_TIME_YEAR && m < 12; m++)
		if (strlen(n) >= 3 && !strncmp(n, months[m], 3)) {
			*t = ldr_time_month(m < 3 ? fy + 1 : fy, m + 1);
			r = 0;
		}
	free(n);
	return r;
}

/* The year, made precise by a Detail column's month or quarter. */
static void year(struct a2 *a)
{
	struct imp_at y = imp_table_at(&a->t, K_YEAR), d = imp_table_at(&a->t, K_DETAIL);
	struct ldr_time detail;
	char buf[LDR_TIME_STR_MAX];

	imp_time(a->im, &y, LDR_TIME_ANY, 1, &a->c.year);
	if (!d.c || (within(d.c->text, &a->c.year, &detail) < 0 &&
		     (imp_time(a->im, &d, LDR_TIME_QUARTER | LDR_TIME_MONTH, 0, &detail) < 0 || !detail.kind)))
		return;
	if (a->c.year.kind && (ldr_time_first(&detail) < ldr_time_first(&a->c.year) ||
			       ldr_time_last(&detail) > ldr_time_last(&a->c.year))) {
		imp_error(a->im, d.s, d.row, d.col, "%s is not in the year %s", imp_q(a->im, d.c->text),
			  ldr_time_format(&a->c.year, buf));
		return;
	}
	a->c.year = detail;
	if (!a->reason[K_YEAR])
		a->reason[K_YEAR] = imp_reason(&d);
}

static void required(struct a2 *a, int key, char **out)
{
	struct imp_at at = imp_table_at(&a->t, key);
	const struct ldr_cell *head = ldr_sheet_cell(a->t.s, a->t.head, at.col);

	if (imp_text(a->im, &at, 0, out) == 0 && !*out)
		imp_error(a->im, at.s, at.row, at.col, "%s is empty: a capability is who can do what",
			  imp_q(a->im, head ? head->text : field_of[key]));
}

static void read_row(struct a2 *a)
{
	struct imp *im = a->im;
	const char *group;
	struct imp_at at;
	int k;

	for (k = 0; k < NKEYS; k++) {
		at = imp_table_at(&a->t, k);
		a->reason[k] = at.c ? imp_reason(&at) : NULL;
	}
	at = imp_table_at(&a->t, K_ID);
	if (imp_text(im, &at, 0, &a->c.id) == 0 && a->c.id && !ldr_id_valid(a->c.id))
		imp_error(im, at.s, at.row, at.col, "%s is not an id", imp_q(im, a->c.id));
	else if (a->c.id && !ldr_hash_get(&a->by_id, a->c.id) && imp_id_taken(im, a->c.id))
		imp_error(im, at.s, at.row, at.col, "%s is the id of another record, or of a row above",
			  imp_q(im, a->c.id));
	required(a, K_WHO, &a->c.who);
	required(a, K_WHAT, &a->c.what);
	year(a);
	at = imp_table_at(&a->t, K_GROUP);
	if (at.c && (group = imp_group(im, &at)))
		a->c.group = ldr_strdup(group);
	at = imp_table_at(&a->t, K_STATUS);
	if (!a->status_is_attr)
		imp_enum(im, &at, &ldr_kind_capability, "status", &a->c.status);
	at = imp_table_at(&a->t, K_DELIVERED);
	imp_time(im, &at, LDR_TIME_ANY, 0, &a->c.delivered);
	projects(a);
	at = imp_table_at(&a->t, K_DEPENDS);
	imp_ids(im, &at, &a->c.depends_on);
	at = imp_table_at(&a->t, K_NOTES);
	imp_text(im, &at, 1, &a->c.notes);
	attrs(a);
}

/* ---- applying a row ---------------------------------------------------------------- */

/* The sheet's attribute columns set or clear the capability's; the others
 * are kept. Returns whether any changed. */
static int update_attrs(struct a2 *a, struct ldr_capability *dst)
{
	size_t i;
	int changed = 0;

	for (i = 0; i < a->t.nextra; i++) {
		const char *key = a->t.extra_name[i];
		changed |= imp_map_set(&dst->attributes, key, ldr_map_get(&a->c.attributes, key));
	}
	if (changed)
		ldr_map_sort(&dst->attributes, &ldr_kind_capability,
			     &ldr_kind_capability.fields[ldr_kind_field(&ldr_kind_capability, "attributes")]);
	return changed;
}

static void comments(struct a2 *a, struct ldr_capability *dst)
{
	size_t c;

	for (c = 0; c < a->t.ncols; c++) {
		struct imp_at at = imp_table_at_col(&a->t, (unsigned)c);
		const char *note = imp_comment(&at), *head;
		if (!note)
			continue;
		head = ldr_sheet_cell(a->t.s, a->t.head, (unsigned)c) ? ldr_sheet_cell(a->t.s, a->t.head, (unsigned)c)->text
								      : NULL;
		imp_add_comment(&dst->notes, head, note);
	}
}

static void apply(struct a2 *a, long i)
{
	struct ldr_list *l = &a->im->rm->capabilities;
	struct ldr_capability *dst;
	int k;

	if (i < 0) {
		dst = ldr_list_push(l, &ldr_kind_capability);
		dst->id = a->c.id ? ldr_strdup(a->c.id) : imp_new_id(a->im, &a->ids, l, &ldr_kind_capability);
		if (a->c.id)
			imp_id_add(a->im, a->c.id);
		a->im->res->added++;
	} else {
		dst = LDR_ITEM(*l, struct ldr_capability, (size_t)i);
		if ((size_t)i < a->existing)
			a->matched[i] = 1;
		a->im->res->updated++;
	}
	for (k = K_WHO; k < NKEYS; k++)
		if (a->t.col[k] >= 0 && !(k == K_STATUS && a->status_is_attr) && !(k == K_DETAIL && a->t.col[K_YEAR] >= 0))
			imp_update(&ldr_kind_capability, dst, &a->c, field_of[k], a->reason[k]);
	if (update_attrs(a, dst) || a->attrs_reason)
		imp_set_reason(&ldr_kind_capability, dst, "attributes", a->attrs_reason);
	comments(a, dst);
}

/* A row: the capability it is, unless a row above was it too (by id). */
static void apply_row(struct a2 *a)
{
	long i = match(a);
	struct imp_at at = imp_table_at(&a->t, K_ID);

	if (a->c.id && i >= 0 && a->matched[i])
		imp_error(a->im, at.s, at.row, at.col, "%s is the id of a row above too", imp_q(a->im, a->c.id));
	else
		apply(a, i);
}

/* ---- the sheet ----------------------------------------------------------------------- */

/* Whether the Status column holds the statuses of ldr-format(5), most of
 * its values being one (the others are then mistakes, each a problem); if
 * not, it is one of the footprint's own columns (a status such as "business
 * case approved", guidance §6.20), kept as an attribute. */
static void status_column(struct a2 *a)
{
	const struct ldr_sheet *s = a->t.s;
	unsigned col = (unsigned)a->t.col[K_STATUS];
	const char *name;
	size_t i, ok = 0, other = 0, first = 0;

	if (a->t.col[K_STATUS] < 0)
		return;
	for (i = 0; i < s->n; i++) {
		if (s->cells[i].row <= a->t.head || s->cells[i].col != col || !*s->cells[i].text)
			continue;
		if (imp_enum_ok(s->cells[i].text, &ldr_kind_capability, "status"))
			ok++;
		else if (!other++)
			first = i;
	}
	if (ok >= other)
		return;
	i = first;
	a->status_is_attr = 1;
	name = ldr_sheet_cell(s, a->t.head, col)->text;
	a->t.extra = ldr_realloc(a->t.extra, (a->t.nextra + 1) * sizeof(*a->t.extra));
	a->t.extra_name = ldr_realloc(a->t.extra_name, (a->t.nextra + 1) * sizeof(*a->t.extra_name));
	a->t.extra[a->t.nextra] = col;
	a->t.extra_name[a->t.nextra++] = name;
	imp_warn(a->im, s, a->t.head, col, "the column %s holds other than the statuses of a capability "
		 "(firm, aspirational, ...), such as %s: kept as an attribute", imp_q(a->im, name),
		 imp_q(a->im, s->cells[i].text));
}

/* The current year's block of rows, and the group of the row in it (for
 * the order of new local groups). */
static void block(struct a2 *a, struct ldr_time *last)
{
	if (ldr_time_cmp(last, &a->c.year) != 0)
		imp_order_block(a->im);
	*last = a->c.year;
	imp_order_group(a->im, a->c.group);
}

static void release_a2(struct a2 *a)
{
	imp_table_release(&a->t);
	ldr_rec_release(&ldr_kind_capability, &a->c);
	free(a->matched);
	free(a->next);
	ldr_hash_clear(&a->by_key);
	ldr_hash_clear(&a->by_id);
}

int imp_annex2(struct imp *im)
{
	struct a2 a;
	struct ldr_time last = { 0, 0, 0 };
	size_t rows = 0;

	memset(&a, 0, sizeof(a));
	a.im = im;
	a.ids.prefix = "C";
	a.ids.width = 2;
	imp_order_block(im);
	imp_lists(im);
	if (imp_find_table(im, cols, LDR_ARRAY_SIZE(cols), "an Annex 2 schedule", &a.t) < 0)
		return -1;
	status_column(&a);
	index_caps(&a);
	if (im->o->fresh)
		for (a.ids.width = 2, rows = a.t.s->rows - a.t.head; rows >= 100; rows /= 10)
			a.ids.width++;
	while (imp_table_next(&a.t)) {
		if (imp_table_row_empty(&a.t))
			continue;
		memset(&a.c, 0, sizeof(a.c));
		a.attrs_reason = NULL;
		read_row(&a);
		block(&a, &last);
		im->res->rows++;
		if (!im->res->nerrors)
			apply_row(&a);
		ldr_rec_release(&ldr_kind_capability, &a.c);
	}
	for (rows = 0; rows < a.existing; rows++)
		im->res->kept += !a.matched[rows];
	release_a2(&a);
	return 0;
}
