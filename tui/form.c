/* The form: a view (so moving, search, resizing and the detail pane are
 * the engine's) of a record's fields, edited with a prompt, a picker or the
 * text editor (modal.c). */
#include "form.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/field.h"
#include "../model/roadmap/national.h"
#include "edit.h"
#include "modal.h"
#include "text.h"
#include "session.h"

/* ---- the form ------------------------------------------------------------------------- */

enum frame_type { FR_RECORD, FR_LIST, FR_MAP };

/* One level of the form: a record's fields, one of its lists, or one of its
 * mappings (attributes, derived). */
struct frame {
	struct tui_locator loc;
	enum frame_type type;
	const struct ldr_field *field; /* FR_LIST, FR_MAP */
	size_t sel;                    /* the selection to come back to */
};

#define FORM_DEPTH (2 * TUI_LOC_DEPTH + 2)

struct form {
	struct frame fr[FORM_DEPTH];
	int n;
	enum tui_view_id from; /* where Esc returns */
	/* The frame's record, as last loaded. */
	const struct ldr_kind *kind;
	void *rec;
	char heading[256];
};

static struct tui_column form_columns[] = {
	{ "Field", 13, 0 }, { "Value", 20, 1 },
};

static struct form *form_of(struct tui_app *app)
{
	struct tui_view *v = &app->views[TUI_V_FORM];
	if (!v->priv)
		v->priv = ldr_calloc(1, sizeof(struct form));
	return v->priv;
}

/* A list shown one item a line, on one line: the items separated by "; "
 * (a line break would show as a bare space, running names together). */
static void one_line(struct ldr_buf *b, size_t from)
{
	struct ldr_buf t = LDR_BUF_INIT;
	size_t i;

	for (i = from; i < b->len; i++) {
		if (b->s[i] == '\n')
			ldr_buf_addstr(&t, "; ");
		else
			ldr_buf_addch(&t, b->s[i]);
	}
	b->len = from;
	ldr_buf_add(b, t.s ? t.s : "", t.len);
	ldr_buf_release(&t);
}

static void label_of(struct ldr_buf *b, const struct ldr_kind *k, const void *rec)
{
	char key[LDR_TIME_STR_MAX];
	const char *id = ldr_rec_id(k, rec), *kv = id ? NULL : ldr_rec_key(k, rec, key, sizeof(key));
	ldr_buf_addf(b, "%s%s%s", k->name, id || kv ? " " : "", id ? id : kv ? kv : "");
}

static void form_load(struct tui_view *v)
{
	struct form *fm = form_of(v->app);
	struct frame *fr;
	const struct ldr_kind *k = NULL;
	void *rec = NULL;

	/* A record undone or deleted: back up to what is still there. */
	while (fm->n > 0 && !(rec = tui_locator_get(v->app, &fm->fr[fm->n - 1].loc, &k)))
		fm->n--;
	fm->kind = k;
	fm->rec = rec;
	v->nitems = 0;
	if (!fm->n) {
		snprintf(fm->heading, sizeof(fm->heading), "the record is no longer in the roadmap");
		form_columns[1].title = fm->heading;
		return;
	}
	fr = &fm->fr[fm->n - 1];
	{
		struct ldr_buf h = LDR_BUF_INIT;
		label_of(&h, k, rec);
		if (fr->type == FR_RECORD) {
			form_columns[0].title = "Field";
			ldr_buf_addstr(&h, ": Enter edits a field, x clears it, Esc goes back");
			v->nitems = k->nfields;
		} else if (fr->type == FR_LIST) {
			const struct ldr_list *l = LDR_CFIELD(rec, fr->field);
			form_columns[0].title = fr->field->kind->fields[0].type == LDR_F_ID ? "Id" : "Key";
			ldr_buf_addf(&h, ", %s: Enter opens, a adds, x removes", fr->field->name);
			v->nitems = l->len;
		} else {
			const struct ldr_map *m = LDR_CFIELD(rec, fr->field);
			form_columns[0].title = "Name";
			ldr_buf_addf(&h, ", %s: Enter edits, a adds, x removes", fr->field->name);
			v->nitems = m->n;
		}
		snprintf(fm->heading, sizeof(fm->heading), "%s", h.s);
		form_columns[1].title = fm->heading;
		ldr_buf_release(&h);
	}
}

static void form_cell(struct tui_view *v, size_t item, size_t col, struct ldr_buf *out,
		      enum tui_role *role)
{
	struct form *fm = form_of(v->app);
	struct frame *fr = &fm->fr[fm->n - 1];

	if (!fm->rec)
		return;
	if (fr->type == FR_RECORD) {
		const struct ldr_field *f = &fm->kind->fields[item];
		if (col == 0) {
			ldr_buf_addstr(out, f->name);
			*role = TUI_ROLE_LABEL;
		} else if (f->type == LDR_F_LIST) {
			const struct ldr_list *l = LDR_CFIELD(fm->rec, f);
			ldr_buf_addf(out, "%zu %s (Enter opens)", l->len, l->len == 1 ? "item" : "items");
			*role = TUI_ROLE_DIM;
		} else if (f->type == LDR_F_ATTRS || f->type == LDR_F_DERIVED) {
			const struct ldr_map *m = LDR_CFIELD(fm->rec, f);
			size_t i;
			for (i = 0; i < m->n; i++)
				ldr_buf_addf(out, "%s%s", i ? ", " : "", m->v[i].key);
			if (!m->n) {
				ldr_buf_addstr(out, "none (Enter opens)");
				*role = TUI_ROLE_DIM;
			}
		} else if (ldr_field_present(f, fm->rec)) {
			size_t from = out->len;
			tui_field_value(v->app, f, LDR_CFIELD(fm->rec, f), out);
			if (f->type == LDR_F_STRS || f->type == LDR_F_REFS)
				one_line(out, from);
		} else {
			ldr_buf_addstr(out, f->flags & LDR_FL_REQUIRED ? "(required)" : "-");
			*role = f->flags & LDR_FL_REQUIRED ? TUI_ROLE_ERROR : TUI_ROLE_DIM;
		}
	} else if (fr->type == FR_LIST) {
		const struct ldr_list *l = LDR_CFIELD(fm->rec, fr->field);
		const struct ldr_kind *ik = fr->field->kind;
		const void *it = ldr_list_at(l, ik, item);
		char key[LDR_TIME_STR_MAX];
		const char *id = ldr_rec_id(ik, it);
		if (col == 0) {
			const char *kv = id ? id : ldr_rec_key(ik, it, key, sizeof(key));
			ldr_buf_addstr(out, kv ? kv : "-");
			*role = TUI_ROLE_LABEL;
		} else {
			struct ldr_buf t = LDR_BUF_INIT;
			const char *title = ldr_rec_title(ik, it, &t);
			size_t j;
			if (title) {
				ldr_buf_addstr(out, title);
			} else {
				/* Its one-line fields, as the record view lists them. */
				for (j = 0; j < ik->nfields; j++) {
					const struct ldr_field *g = &ik->fields[j];
					if (g->type == LDR_F_ID || (g->flags & LDR_FL_KEY) ||
					    g->type == LDR_F_DERIVED || g->type == LDR_F_LIST ||
					    !ldr_field_present(g, it))
						continue;
					ldr_buf_addf(out, "%s%s: ", out->len ? "  " : "", g->name);
					tui_field_value(v->app, g, LDR_CFIELD(it, g), out);
				}
			}
			ldr_buf_release(&t);
		}
	} else {
		const struct ldr_map *m = LDR_CFIELD(fm->rec, fr->field);
		if (col == 0) {
			ldr_buf_addstr(out, m->v[item].key);
			*role = TUI_ROLE_LABEL;
		} else {
			ldr_buf_addstr(out, m->v[item].value);
		}
	}
}

/* "activities", "projects", "universal capabilities". */
static void plural(struct ldr_buf *b, const char *noun)
{
	size_t n = strlen(noun);
	if (n > 1 && noun[n - 1] == 'y' && !strchr("aeiou", noun[n - 2]))
		ldr_buf_addf(b, "%.*sies", (int)(n - 1), noun);
	else
		ldr_buf_addf(b, "%ss", noun);
}

/* What a field expects, for the detail pane. */
static void expects(const struct ldr_field *f, struct ldr_buf *b)
{
	size_t i;
	switch (f->type) {
	case LDR_F_ID: ldr_buf_addstr(b, "an id: letters, digits, - and _, unique in the roadmap"); break;
	case LDR_F_STR: ldr_buf_addstr(b, "one line of text"); break;
	case LDR_F_TEXT: ldr_buf_addstr(b, "text, of as many lines as it needs (Ctrl-S keeps it)"); break;
	case LDR_F_REF: ldr_buf_addf(b, "a %s, chosen from a list", f->kind->name); break;
	case LDR_F_REFS: plural(b, f->kind->name); ldr_buf_addstr(b, ", marked in a list with Space"); break;
	case LDR_F_STRS: ldr_buf_addstr(b, "names, separated by commas"); break;
	case LDR_F_ENUM: case LDR_F_ENUMS:
		ldr_buf_addstr(b, f->type == LDR_F_ENUM ? "one of " : "any of ");
		for (i = 0; f->values[i]; i++)
			ldr_buf_addf(b, "%s%s", i ? ", " : "", f->values[i]);
		break;
	case LDR_F_TIME:
		ldr_buf_addstr(b, f->time_kinds == LDR_TIME_YEAR ? "a financial year: 17/18"
				  : f->time_kinds == LDR_TIME_QUARTER ? "a quarter: 17/18 Q2"
								      : "a financial year (17/18), a quarter "
									"(17/18 Q2) or a month (2017-09)");
		if (f->time_kinds & LDR_TIME_COMMIT)
			ldr_buf_addstr(b, "; or by or from one (by 2022-03, from 2023-03), or tbc");
		break;
	case LDR_F_BOOL: ldr_buf_addstr(b, "yes or no: Enter switches it"); break;
	case LDR_F_INT: ldr_buf_addf(b, "a whole number from %lld to %lld", f->min, f->max); break;
	case LDR_F_ATTRS: ldr_buf_addstr(b, "named values of the footprint's own (Enter opens)"); break;
	case LDR_F_DERIVED: ldr_buf_addstr(b, "which fields were inferred, and from what (Enter opens)"); break;
	case LDR_F_LIST: plural(b, f->kind->name); ldr_buf_addstr(b, " (Enter opens)"); break;
	default: break;
	}
	if (f->flags & LDR_FL_REQUIRED)
		ldr_buf_addstr(b, "; required");
}

static void form_detail(struct tui_view *v, size_t item, struct ldr_buf *lines)
{
	struct tui_app *app = v->app;
	struct form *fm = form_of(app);
	struct frame *fr = &fm->fr[fm->n - 1];
	struct ldr_buf b = LDR_BUF_INIT;
	const char *id;
	size_t i;

	if (!fm->rec)
		return;
	if (fr->type == FR_RECORD) {
		const struct ldr_field *f = &fm->kind->fields[item];
		if (f->type != LDR_F_LIST && ldr_field_present(f, fm->rec)) {
			tui_field_value(app, f, LDR_CFIELD(fm->rec, f), &b);
			tui_detail_line(lines, f->name, b.s, 0);
			ldr_buf_reset(&b);
		}
		expects(f, &b);
		tui_detail_line(lines, "expects", b.s, 1);
	} else if (fr->type == FR_LIST) {
		const struct ldr_list *l = LDR_CFIELD(fm->rec, fr->field);
		tui_record_lines(app, fr->field->kind, ldr_list_at(l, fr->field->kind, item), lines);
	} else {
		const struct ldr_map *m = LDR_CFIELD(fm->rec, fr->field);
		tui_detail_line(lines, m->v[item].key, m->v[item].value, 0);
	}
	/* What the checks say about this record. */
	id = ldr_rec_id(fm->kind, fm->rec);
	for (i = 0; id && i < app->findings.n; i++) {
		const struct ldr_finding *x = &app->findings.v[i];
		if (x->id && !strcmp(x->id, id))
			tui_detail_line(lines, x->rule->severity == LDR_CHECK_ERROR ? "error" : "warning",
					x->message, 0);
	}
	ldr_buf_release(&b);
}

static struct frame *push(struct tui_app *app, enum frame_type type)
{
	struct form *fm = form_of(app);
	struct tui_view *v = &app->views[TUI_V_FORM];
	struct frame *fr;
	if (fm->n == FORM_DEPTH)
		return NULL;
	if (fm->n)
		fm->fr[fm->n - 1].sel = v->sel;
	fr = &fm->fr[fm->n++];
	memset(fr, 0, sizeof(*fr));
	fr->type = type;
	if (fm->n > 1)
		fr->loc = fm->fr[fm->n - 2].loc;
	return fr;
}

static void reload(struct tui_app *app, size_t sel)
{
	struct tui_view *v = &app->views[TUI_V_FORM];
	v->ops->load(v);
	tui_view_refilter(v);
	v->sel = 0;
	v->top = 0;
	tui_view_select_item(v, sel);
}

static void open_frame(struct tui_app *app, struct tui_locator *loc)
{
	struct form *fm = form_of(app);
	if (app->current != TUI_V_FORM) {
		fm->n = 0;
		fm->from = app->current;
	}
	push(app, FR_RECORD)->loc = *loc;
	if (app->current != TUI_V_FORM)
		tui_app_show(app, TUI_V_FORM);
	reload(app, 0);
}

void tui_form_edit(struct tui_app *app, const struct ldr_kind *k, void *rec)
{
	struct tui_locator loc;
	if (tui_locate_record(app, k, rec, &loc) < 0) {
		tui_app_say(app, TUI_ROLE_WARNING, "this %s cannot be edited here", k->name);
		return;
	}
	open_frame(app, &loc);
}

void tui_form_footprint(struct tui_app *app)
{
	struct tui_locator loc;
	memset(&loc, 0, sizeof(loc));
	loc.top_kind = &ldr_kind_footprint;
	open_frame(app, &loc);
}

static int back(struct tui_app *app)
{
	struct form *fm = form_of(app);
	if (fm->n > 1) {
		fm->n--;
		reload(app, fm->fr[fm->n - 1].sel);
	} else {
		fm->n = 0;
		tui_app_show(app, fm->from);
	}
	return 1;
}

/* After a change of id: every level of the form follows it. */
static void renamed(struct tui_app *app, const char *from, const char *to)
{
	struct form *fm = form_of(app);
	int i;
	for (i = 0; i < fm->n; i++)
		if (!strcmp(fm->fr[i].loc.top_id, from))
			snprintf(fm->fr[i].loc.top_id, sizeof(fm->fr[i].loc.top_id), "%s", to);
}

/* Ask for a field's value on the prompt line until it is valid, or Esc.
 * What was typed is offered again after a mistake, with what was wrong. */
static void prompt_field(struct tui_app *app, const struct tui_locator *loc,
			 const struct ldr_field *f, const char *key, const char *current)
{
	struct ldr_buf q = LDR_BUF_INIT, err = LDR_BUF_INIT;
	char *typed = ldr_strdup(current ? current : "");
	char old_id[80] = "";

	if (f->type == LDR_F_ID)
		snprintf(old_id, sizeof(old_id), "%s", current ? current : "");
	for (;;) {
		char *value;
		ldr_buf_reset(&q);
		if (err.len)
			ldr_buf_addf(&q, "%s; ", err.s);
		ldr_buf_addf(&q, "%s: ", key ? key : f->name);
		value = tui_app_prompt_value(app, q.s, typed);
		free(typed);
		typed = value;
		if (!value)
			break;
		if (f->type == LDR_F_ID && loc->depth == 0 && strcmp(value, old_id) != 0 &&
		    ldr_index_find(&app->ix, value)) {
			if (tui_hangup)
				break; /* a taken id cannot be kept */
			ldr_buf_reset(&err);
			ldr_buf_addf(&err, "'%s' is taken", value);
			continue;
		}
		ldr_buf_reset(&err);
		if (tui_set_field(app, loc, f, key, value, &err) == 0) {
			if (f->type == LDR_F_ID && loc->depth == 0 && strcmp(value, old_id) != 0) {
				renamed(app, old_id, value);
				tui_app_say(app, TUI_ROLE_WARNING, "%s is now %s: what refers to %s is not "
					    "changed (the checks list it)", old_id, value, old_id);
			}
			break;
		}
		if (tui_hangup)
			break; /* the connection dropped on a value that is not valid: lost */
	}
	free(typed);
	ldr_buf_release(&q);
	ldr_buf_release(&err);
}

struct candidates {
	const struct ldr_kind *kind;
	struct tui_pick *items;
	char **ids;
	size_t n, cap;
};

/* Add a choice: what is shown (taken), and the value it sets. */
static void candidate(struct candidates *c, char *label, const char *value, int on)
{
	ldr_grow((void **)&c->items, &c->cap, c->n + 1, sizeof(*c->items));
	c->ids = ldr_realloc(c->ids, c->cap * sizeof(*c->ids));
	c->items[c->n].label = label;
	c->items[c->n].on = on;
	c->ids[c->n++] = ldr_strdup(value);
}

static int collect(const struct ldr_kind *k, void *rec, const struct ldr_kind *pk, void *parent,
		   void *payload)
{
	struct candidates *c = payload;
	struct ldr_buf b = LDR_BUF_INIT, t = LDR_BUF_INIT;
	const char *id, *title;

	(void)pk, (void)parent;
	if (k != c->kind || !(id = ldr_rec_id(k, rec)))
		return 0;
	title = ldr_rec_title(k, rec, &t);
	ldr_buf_addf(&b, "%-8s %s", id, title ? title : "");
	candidate(c, ldr_buf_detach(&b), id, 0);
	ldr_buf_release(&t);
	return 0;
}

/* The titles in a column after the longest id ("transfers" is longer than
 * the eight characters most ids fit in). */
static void align_ids(struct candidates *c)
{
	size_t i, w = 0;
	for (i = 0; i < c->n; i++)
		if (strlen(c->ids[i]) > w)
			w = strlen(c->ids[i]);
	for (i = 0; i < c->n; i++) {
		struct ldr_buf b = LDR_BUF_INIT;
		const char *rest = c->items[i].label;
		size_t n = strlen(c->ids[i]);
		if (strncmp(rest, c->ids[i], n) != 0)
			continue;
		rest += n;
		rest += strspn(rest, " ");
		ldr_buf_addf(&b, "%-*s %s", (int)w, c->ids[i], rest);
		free((char *)c->items[i].label);
		c->items[i].label = ldr_buf_detach(&b);
	}
}

static void candidates_release(struct candidates *c)
{
	size_t i;
	for (i = 0; i < c->n; i++) {
		free((char *)c->items[i].label);
		free(c->ids[i]);
	}
	free(c->items);
	free(c->ids);
}

/* Choose a value (or values) from a list: an enumeration, or the records a
 * reference may name. */
/* An enum's names as candidates, marked as rec has them; the index of the
 * one rec has. */
static size_t enum_candidates(struct candidates *c, const struct ldr_field *f, const void *rec)
{
	size_t i, initial = 0;

	for (i = 0; f->values[i]; i++) {
		if (f->type == LDR_F_ENUM && *(const int *)LDR_CFIELD(rec, f) == (int)i + 1)
			initial = c->n;
		candidate(c, ldr_strdup(f->values[i]), f->values[i],
			  f->type == LDR_F_ENUMS && (*(const unsigned *)LDR_CFIELD(rec, f) >> i & 1u));
	}
	return initial;
}

/* The records a reference may name (for a group, the national groups
 * first), marked as rec names them; the index of the one rec names. */
static size_t record_candidates(struct tui_app *app, struct candidates *c, const struct ldr_field *f,
				const void *rec)
{
	size_t i, j, initial = 0;

	c->kind = f->kind;
	if (f->kind == &ldr_kind_group)
		for (i = 0; i < LDR_NATIONAL_GROUPS; i++) {
			struct ldr_buf b = LDR_BUF_INIT;
			ldr_buf_addf(&b, "%-8s %s", ldr_national_groups[i].id, ldr_national_groups[i].name);
			candidate(c, ldr_buf_detach(&b), ldr_national_groups[i].id, 0);
		}
	ldr_walk(&ldr_kind_roadmap, &app->rm, collect, c);
	align_ids(c);
	for (i = 0; i < c->n; i++) {
		if (f->type == LDR_F_REF) {
			const char *cur = *(char *const *)LDR_CFIELD(rec, f);
			if (cur && !strcmp(cur, c->ids[i]))
				initial = i;
		} else {
			const struct ldr_strv *s = LDR_CFIELD(rec, f);
			for (j = 0; j < s->n; j++)
				if (!strcmp(s->v[j], c->ids[i]))
					c->items[i].on = 1;
		}
	}
	return initial;
}

/* The marked candidates as a list: the order of what was there, then the
 * new ones. */
static void marked_value(struct candidates *c, const struct ldr_field *f, const void *rec,
			 struct ldr_buf *value)
{
	size_t i, j;

	if (f->type == LDR_F_REFS) {
		const struct ldr_strv *s = LDR_CFIELD(rec, f);
		for (j = 0; j < s->n; j++)
			for (i = 0; i < c->n; i++)
				if (c->items[i].on && !strcmp(s->v[j], c->ids[i])) {
					ldr_buf_addf(value, "%s%s", value->len ? ", " : "", c->ids[i]);
					c->items[i].on = 0;
				}
	}
	for (i = 0; i < c->n; i++)
		if (c->items[i].on)
			ldr_buf_addf(value, "%s%s", value->len ? ", " : "", c->ids[i]);
}

static void pick_field(struct tui_app *app, const struct tui_locator *loc, const struct ldr_field *f,
		       const void *rec)
{
	struct candidates c;
	struct ldr_buf value = LDR_BUF_INIT, err = LDR_BUF_INIT, title = LDR_BUF_INIT;
	size_t initial;
	int multi = f->type == LDR_F_REFS || f->type == LDR_F_ENUMS;
	long r;

	memset(&c, 0, sizeof(c));
	if (f->type == LDR_F_ENUM || f->type == LDR_F_ENUMS)
		initial = enum_candidates(&c, f, rec);
	else
		initial = record_candidates(app, &c, f, rec);
	if (!multi && !(f->flags & LDR_FL_REQUIRED)) {
		/* The last line unsets it. */
		candidate(&c, ldr_strdup("(none)"), "", 0);
		if (!ldr_field_present(f, rec))
			initial = c.n - 1;
	}
	if (!c.n) {
		tui_app_say(app, TUI_ROLE_WARNING, "there is no %s to choose from", f->kind ? f->kind->name : "value");
		goto out;
	}
	ldr_buf_addf(&title, "%s:", f->name);
	r = tui_pick(app, title.s, c.items, c.n, initial, multi, NULL);
	if (r < 0)
		goto out;
	if (multi)
		marked_value(&c, f, rec, &value);
	else
		ldr_buf_addstr(&value, c.ids[r]);
	if (tui_set_field(app, loc, f, NULL, value.s ? value.s : "", &err) < 0)
		tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
out:
	candidates_release(&c);
	ldr_buf_release(&value);
	ldr_buf_release(&err);
	ldr_buf_release(&title);
}

/* The next free id for an item of a nested list: after the highest number
 * among its items' ids ("P08-M2" -> "P08-M3"), else PARENT-M1. */
static char *next_item_id(struct tui_app *app, const struct ldr_list *l, const struct ldr_kind *k,
			  const char *parent)
{
	struct ldr_buf prefix = LDR_BUF_INIT, b = LDR_BUF_INIT;
	long best = 0;
	size_t i;

	for (i = 0; i < l->len; i++) {
		const char *id = ldr_rec_id(k, ldr_list_at(l, k, i));
		size_t n = id ? strlen(id) : 0;
		while (n && id[n - 1] >= '0' && id[n - 1] <= '9')
			n--;
		if (!id || !id[n])
			continue;
		if (!prefix.len)
			ldr_buf_add(&prefix, id, n);
		if (strlen(prefix.s) == n && !strncmp(id, prefix.s, n) && atol(id + n) > best)
			best = atol(id + n);
	}
	if (!prefix.len)
		ldr_buf_addf(&prefix, "%s-%c", parent ? parent : "X", k->name[0] - 'a' + 'A');
	do {
		ldr_buf_reset(&b);
		ldr_buf_addf(&b, "%s%ld", prefix.s, ++best);
	} while (ldr_index_find(&app->ix, b.s));
	ldr_buf_release(&prefix);
	return ldr_buf_detach(&b);
}

/* A time: the years and quarters of the roadmap's horizon to choose from
 * (and a year either side), or any time typed (a month: 2017-09). */
static void pick_time(struct tui_app *app, const struct tui_locator *loc, const struct ldr_field *f,
		      const void *rec)
{
	const struct ldr_footprint *fp = &app->rm.footprint;
	const struct ldr_time *cur = LDR_CFIELD(rec, f);
	struct candidates c;
	struct ldr_buf title = LDR_BUF_INIT, err = LDR_BUF_INIT;
	char t[LDR_TIME_STR_MAX], *typed = NULL;
	int first = fp->start.kind ? ldr_time_fy_of_month(ldr_time_first(&fp->start)) : 2016;
	int last = fp->end.kind ? ldr_time_fy_of_month(ldr_time_first(&fp->end)) : first + 4;
	int y, q;
	size_t initial = 0;
	long r;

	memset(&c, 0, sizeof(c));
	if (cur->kind) {
		/* Its own year is always in the list. */
		int own = ldr_time_fy_of_month(ldr_time_first(cur));
		if (own < first) first = own;
		if (own > last) last = own;
	}
	for (y = first - 1; y <= last + 1; y++)
		for (q = 0; q <= 4; q++) {
			struct ldr_time x = q ? ldr_time_quarter(y, q) : ldr_time_year(y);
			if (!(f->time_kinds & x.kind))
				continue;
			if (cur->kind && !ldr_time_cmp(&x, cur))
				initial = c.n;
			candidate(&c, ldr_strdup(ldr_time_format(&x, t)), t, 0);
		}
	if (cur->kind == LDR_TIME_MONTH) {
		/* A month is kept as it is unless another is chosen. */
		initial = c.n;
		candidate(&c, ldr_strdup(ldr_time_format(cur, t)), t, 0);
	}
	if (!(f->flags & LDR_FL_REQUIRED)) {
		if (!cur->kind)
			initial = c.n;
		candidate(&c, ldr_strdup("(none)"), "", 0);
	}
	ldr_buf_addf(&title, "%s:", f->name);
	for (;;) {
		r = tui_pick(app, title.s, c.items, c.n, initial, 0, &typed);
		if (r == -1)
			break;
		ldr_buf_reset(&err);
		if (tui_set_field(app, loc, f, NULL, r >= 0 ? c.ids[r] : typed, &err) == 0 || tui_hangup)
			break;
		/* Not a time: say why, and offer what was typed again. */
		tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
	}
	free(typed);
	candidates_release(&c);
	ldr_buf_release(&title);
	ldr_buf_release(&err);
}

static void edit_field(struct tui_app *app, struct form *fm, const struct ldr_field *f)
{
	struct frame *fr = &fm->fr[fm->n - 1];
	struct tui_locator loc = fr->loc;
	struct ldr_buf cur = LDR_BUF_INIT, err = LDR_BUF_INIT;
	const void *rec = fm->rec;

	if (app->read_only && f->type != LDR_F_LIST && f->type != LDR_F_ATTRS &&
	    f->type != LDR_F_DERIVED) {
		tui_read_only_say(app, "nothing can be changed");
		return;
	}

	switch (f->type) {
	case LDR_F_LIST: {
		struct frame *n = push(app, FR_LIST);
		if (n) {
			n->field = f;
			reload(app, 0);
		}
		break;
	}
	case LDR_F_ATTRS:
	case LDR_F_DERIVED: {
		struct frame *n = push(app, FR_MAP);
		if (n) {
			n->field = f;
			reload(app, 0);
		}
		break;
	}
	case LDR_F_ENUM: case LDR_F_ENUMS: case LDR_F_REF: case LDR_F_REFS:
		pick_field(app, &loc, f, rec);
		break;
	case LDR_F_TIME:
		pick_time(app, &loc, f, rec);
		break;
	case LDR_F_BOOL:
		if (tui_set_field(app, &loc, f, NULL, *(const int *)LDR_CFIELD(rec, f) ? "false" : "true",
				  &err) < 0)
			tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
		break;
	case LDR_F_TEXT: {
		struct ldr_buf title = LDR_BUF_INIT;
		const char *text = *(char *const *)LDR_CFIELD(rec, f);
		char *edited;
		label_of(&title, fm->kind, rec);
		ldr_buf_addf(&title, ": %s", f->name);
		edited = tui_edit_text(app, title.s, text);
		if (edited && strcmp(edited, text ? text : "") != 0 &&
		    tui_set_field(app, &loc, f, NULL, edited, &err) < 0)
			tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
		free(edited);
		ldr_buf_release(&title);
		break;
	}
	case LDR_F_RECORD:
		break;
	default:
		if (f->type == LDR_F_STRS) {
			const struct ldr_strv *s = LDR_CFIELD(rec, f);
			size_t i;
			for (i = 0; i < s->n; i++)
				ldr_buf_addf(&cur, "%s%s", i ? ", " : "", s->v[i]);
		} else {
			ldr_field_format(&cur, f, rec);
		}
		prompt_field(app, &loc, f, NULL, cur.s);
	}
	ldr_buf_release(&cur);
	ldr_buf_release(&err);
}

int tui_form_fill(struct tui_app *app)
{
	struct form *fm = form_of(app);
	size_t i;

	for (i = 0; fm->n && fm->rec && i < fm->kind->nfields; i++) {
		const struct ldr_field *f = &fm->kind->fields[i];
		if (!(f->flags & (LDR_FL_REQUIRED | LDR_FL_PLANNED)) || f->type == LDR_F_LIST ||
		    ldr_field_present(f, fm->rec))
			continue;
		tui_view_select_item(&app->views[TUI_V_FORM], i);
		edit_field(app, fm, f);
		if (tui_hangup)
			return 0; /* what was typed is kept, for the recovery file */
		if (!fm->rec || !ldr_field_present(f, fm->rec))
			return 1;
	}
	return 0;
}

static int back(struct tui_app *app);

int tui_form_depth(struct tui_app *app)
{
	return app->current == TUI_V_FORM ? form_of(app)->n : 0;
}

void tui_form_cancel_add(struct tui_app *app, size_t mark, int depth, const char *what)
{
	while (app->undo.done > mark)
		tui_undo_last(app);
	/* Not to be redone: a record without what it requires cannot be saved. */
	tui_undo_forget_undone(app);
	/* (The undo may have emptied the form already: depth 0 leaves it.) */
	while (app->current == TUI_V_FORM && (form_of(app)->n > depth || depth == 0))
		back(app);
	tui_app_say(app, TUI_ROLE_NORMAL, "%s not added: it needs every field asked for", what);
}

static void form_enter(struct tui_app *app, struct form *fm, size_t item)
{
	struct frame *fr = &fm->fr[fm->n - 1];

	if (fr->type == FR_RECORD) {
		edit_field(app, fm, &fm->kind->fields[item]);
	} else if (fr->type == FR_LIST) {
		struct frame *n;
		const struct ldr_field *lf = fr->field;
		if (fr->loc.depth >= TUI_LOC_DEPTH || !(n = push(app, FR_RECORD)))
			return;
		n->loc.field[n->loc.depth] = lf;
		n->loc.index[n->loc.depth++] = item;
		reload(app, 0);
	} else {
		const struct ldr_map *m = LDR_CFIELD(fm->rec, fr->field);
		char *key = ldr_strdup(m->v[item].key);
		struct tui_locator loc = fr->loc;
		prompt_field(app, &loc, fr->field, key, m->v[item].value);
		free(key);
	}
}

static void form_add(struct tui_app *app, struct form *fm)
{
	struct frame *fr = &fm->fr[fm->n - 1];
	struct tui_locator loc = fr->loc;

	if (fr->type == FR_LIST) {
		const struct ldr_list *l = LDR_CFIELD(fm->rec, fr->field);
		const struct ldr_kind *ik = fr->field->kind;
		char *id = ik->fields[0].type == LDR_F_ID
				   ? next_item_id(app, l, ik, ldr_rec_id(fm->kind, fm->rec))
				   : NULL;
		size_t at = l->len, mark = app->undo.done;
		int depth = fm->n;
		if (tui_list_add(app, &loc, fr->field, id) == 0) {
			/* Straight into the new item, asking for what it needs. */
			tui_view_select_item(&app->views[TUI_V_FORM], at);
			form_enter(app, fm, at);
			if (tui_form_fill(app)) {
				struct ldr_buf what = LDR_BUF_INIT;
				ldr_buf_addf(&what, "%s%s%s", ik->name, id ? " " : "", id ? id : "");
				tui_form_cancel_add(app, mark, depth, what.s);
				ldr_buf_release(&what);
			}
		}
		free(id);
	} else if (fr->type == FR_MAP) {
		char *key = tui_app_prompt(app, fr->field->type == LDR_F_DERIVED
							? "the field that was inferred: "
							: "the attribute's name: ",
					   "");
		if (key && *key)
			prompt_field(app, &loc, fr->field, key, "");
		free(key);
	} else {
		tui_app_say(app, TUI_ROLE_NORMAL, "fields are set with Enter; 'a' adds to a list");
	}
}

static void form_delete(struct tui_app *app, struct form *fm, size_t item)
{
	struct frame *fr = &fm->fr[fm->n - 1];
	struct tui_locator loc = fr->loc;
	struct ldr_buf err = LDR_BUF_INIT, q = LDR_BUF_INIT;

	if (fr->type == FR_RECORD) {
		const struct ldr_field *f = &fm->kind->fields[item];
		if (f->type == LDR_F_LIST || f->type == LDR_F_ATTRS || f->type == LDR_F_DERIVED) {
			tui_app_say(app, TUI_ROLE_NORMAL, "open it (Enter) to remove its items");
		} else if (f->type == LDR_F_ID) {
			tui_app_say(app, TUI_ROLE_NORMAL, "an id cannot be cleared");
		} else if (ldr_field_present(f, fm->rec)) {
			if (tui_set_field(app, &loc, f, NULL, "", &err) < 0)
				tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
		}
	} else if (fr->type == FR_LIST) {
		const struct ldr_list *l = LDR_CFIELD(fm->rec, fr->field);
		label_of(&q, fr->field->kind, ldr_list_at(l, fr->field->kind, item));
		if (tui_app_choose(app, "remove ", q.s, "(y)es, (n)o", "yn") == 'y')
			tui_list_remove(app, &loc, fr->field, item);
	} else {
		const struct ldr_map *m = LDR_CFIELD(fm->rec, fr->field);
		char *key = ldr_strdup(m->v[item].key);
		if (tui_set_field(app, &loc, fr->field, key, "", &err) < 0)
			tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
		free(key);
	}
	ldr_buf_release(&err);
	ldr_buf_release(&q);
}

static int form_handle(struct tui_view *v, enum tui_action a)
{
	struct tui_app *app = v->app;
	struct form *fm = form_of(app);
	size_t item = tui_view_item(v);

	switch (a) {
	case TUI_BACK:
	case TUI_QUIT:
		return back(app);
	case TUI_ENTER:
	case TUI_EDIT:
		if (fm->rec && item != (size_t)-1)
			form_enter(app, fm, item);
		return 1;
	case TUI_TOGGLE:
		if (fm->rec && item != (size_t)-1 && fm->fr[fm->n - 1].type == FR_RECORD &&
		    fm->kind->fields[item].type == LDR_F_BOOL)
			edit_field(app, fm, &fm->kind->fields[item]);
		return 1;
	case TUI_ADD:
		if (fm->rec)
			form_add(app, fm);
		return 1;
	case TUI_DELETE:
		if (fm->rec && item != (size_t)-1)
			form_delete(app, fm, item);
		return 1;
	case TUI_DUPLICATE:
		tui_app_say(app, TUI_ROLE_NORMAL, "records are duplicated in their view ('c')");
		return 1;
	default:
		return 0;
	}
}

static void form_release(struct tui_view *v)
{
	free(v->priv);
	v->priv = NULL;
}

const struct tui_view_ops tui_form_ops = {
	.name = "form", .title = "Edit", .key = TUI_NONE,
	.columns = form_columns, .ncolumns = LDR_ARRAY_SIZE(form_columns),
	.load = form_load, .cell = form_cell, .detail = form_detail, .handle = form_handle,
	.release = form_release,
};
