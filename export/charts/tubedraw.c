/* The tube map drawn: the grid of years and quarters and the as-at line;
 * each line as runs of horizontal and 45-degree segments (dashed where they
 * lead to an aspirational, deferred or dropped station); the stations and
 * interchanges with their titles; the names; the lines' names at both ends;
 * and the key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "../base/svg.h"
#include "tube.h"

/* ---- drawing ------------------------------------------------------------- */

static int dashed_status(int status)
{
	return status == LDR_CAP_ASPIRATIONAL || status == LDR_CAP_DEFERRED || status == LDR_CAP_DROPPED;
}

/* The path from one stop to the next: a horizontal run and diagonals,
 * leaving and rejoining the line's own track; 45 degrees, or steeper where
 * the climb is more than the map's reach. */
static void route(struct ldr_buf *p, double reach, double home, double x0, double y0, double x1, double y1)
{
	double a = y0 > home ? y0 - home : home - y0, c = y1 > home ? y1 - home : home - y1;
	double d = y1 > y0 ? y1 - y0 : y0 - y1;

	a = a < reach ? a : reach;
	c = c < reach ? c : reach;
	d = d < reach ? d : reach;
	if (y0 != home && y1 != home && x1 - x0 >= a + c + 0.5) {
		ldr_svg_addf(p, "L%.1f %.1fH%.1fL%.1f %.1f", ldr_svg_r(x0 + a), ldr_svg_r(home),
			     ldr_svg_r(x1 - c), ldr_svg_r(x1), ldr_svg_r(y1));
	} else if (y0 != home && x1 - x0 >= d) {
		ldr_svg_addf(p, "L%.1f %.1fH%.1f", ldr_svg_r(x0 + d), ldr_svg_r(y1), ldr_svg_r(x1));
	} else if (x1 - x0 >= d) {
		ldr_svg_addf(p, "H%.1fL%.1f %.1f", ldr_svg_r(x1 - d), ldr_svg_r(x1), ldr_svg_r(y1));
	} else {
		ldr_svg_addf(p, "L%.1f %.1f", ldr_svg_r(x1), ldr_svg_r(y1));
	}
}

static void flush_run(struct tube *t, const struct line *l, struct ldr_buf *p, int dashed)
{
	if (!p->len)
		return;
	ldr_svg_addf(t->b, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\"%s/>\n",
		     p->s, t->groups.v[l->group].colour, LINE_W, dashed ? " stroke-dasharray=\"2.4 1.3\"" : "");
	ldr_buf_reset(p);
}

void ldr_tube_draw_line(struct tube *t, const struct line *l)
{
	struct ldr_buf p = LDR_BUF_INIT;
	double x = t->map_x0 - 1.5, y = l->y;
	int dashed = 0;
	size_t j;

	ldr_svg_addf(&p, "M%.1f %.1f", ldr_svg_r(x), ldr_svg_r(y));
	for (j = 0; j < l->nstops; j++) {
		const struct station *s = &t->st[l->stops[j].station];
		int d = dashed_status(s->c->status);
		if (d != dashed) {
			flush_run(t, l, &p, dashed);
			ldr_svg_addf(&p, "M%.1f %.1f", ldr_svg_r(x), ldr_svg_r(y));
			dashed = d;
		}
		route(&p, t->reach, l->y, x, y, s->x, l->stops[j].y);
		x = s->x;
		y = l->stops[j].y;
	}
	if (dashed) { /* beyond the last station: the line's own style */
		flush_run(t, l, &p, dashed);
		ldr_svg_addf(&p, "M%.1f %.1f", ldr_svg_r(x), ldr_svg_r(y));
	}
	route(&p, t->reach, l->y, x, y, t->map_x1 + 1.5, l->y);
	flush_run(t, l, &p, 0);
	ldr_buf_release(&p);
}

static void station_title(const struct tube *t, const struct station *s, struct ldr_buf *out)
{
	static const char *const names[] = { "no status", "firm", "aspirational", "in progress",
					     "delivered", "deferred", "dropped" };
	const struct ldr_capability *c = s->c;
	char y[LDR_TIME_STR_MAX];

	ldr_buf_reset(out);
	ldr_svg_addf(out, "%s %s: %s: by the end of %s, %s", c->id ? c->id : "", c->who ? c->who : "",
		     c->what ? c->what : "", ldr_time_format(&c->year, y), names[c->status]);
	if (c->delivered.kind)
		ldr_svg_addf(out, ", delivered %s%s", ldr_time_format(&c->delivered, y),
			     s->done ? "" : " (after the as-at date)");
	if (s->overdue) {
		ldr_buf_addstr(out, "; overdue by ");
		ldr_chart_late_by(out, &c->year, &t->opts->as_of);
		ldr_svg_addf(out, " as at %s", ldr_time_format(&t->opts->as_of, y));
	}
	if (ldr_chart_derived(&c->derived, "year"))
		ldr_buf_addstr(out, "; the year is derived (not from the source)");
	if (ldr_chart_derived(&c->derived, "status"))
		ldr_buf_addstr(out, "; the status is derived (not from the source)");
	ldr_svg_addf(out, "; %s", t->groups.v[t->lines[s->home].group].name);
	if (s->nlines > 1)
		ldr_svg_addf(out, "; interchange: %s", s->why.s);
	if (s->more)
		ldr_svg_addf(out, "; and %zu more link%s", s->more, s->more == 1 ? "" : "s");
}

void ldr_tube_draw_station(struct tube *t, const struct station *s, struct ldr_buf *tmp)
{
	struct ldr_buf *b = t->b;
	int grey = s->c->status == LDR_CAP_DEFERRED || s->c->status == LDR_CAP_DROPPED;
	const char *fill = s->done ? LDR_INK : "#ffffff";
	const char *stroke = s->overdue ? LDR_ALERT : grey ? "#8c8c8c" : LDR_INK;
	const char *width = s->overdue ? "0.9" : "0.6";

	station_title(t, s, tmp);
	ldr_buf_addstr(b, "<g");
	if (s->c->id) {
		ldr_buf_addstr(b, " id=\"");
		ldr_svg_id(b, "station-", s->c->id);
		ldr_buf_addch(b, '"');
	}
	if (s->overdue)
		ldr_buf_addstr(b, " class=\"overdue\"");
	ldr_buf_addstr(b, ">");
	ldr_svg_title(b, tmp->s);
	if (s->nlines > 1) {
		double top = tube_member_y(t, s, 0), bot = tube_member_y(t, s, s->nlines - 1);
		ldr_svg_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
			     ldr_svg_r(s->x - STATION_R), ldr_svg_r(top - STATION_R), 2 * STATION_R,
			     ldr_svg_r(bot - top + 2 * STATION_R), STATION_R, fill, stroke, width);
	} else {
		ldr_svg_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
			     ldr_svg_r(s->x), ldr_svg_r(s->y), STATION_R, fill, stroke, width);
	}
	if (s->c->status == LDR_CAP_DROPPED) {
		double d = STATION_R * 0.6;
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"#8c8c8c\" stroke-width=\"0.4\"/>",
			     ldr_svg_r(s->x - d), ldr_svg_r(s->y - d), ldr_svg_r(s->x + d), ldr_svg_r(s->y + d),
			     ldr_svg_r(s->x - d), ldr_svg_r(s->y + d), ldr_svg_r(s->x + d), ldr_svg_r(s->y - d));
	}
	ldr_buf_addstr(b, "</g>\n");
}

/* A station's name: the id in bold and who, on one line or two; a leader
 * to its station when it is not next to it. */
void ldr_tube_draw_label(struct tube *t, const struct station *s)
{
	struct ldr_buf *b = t->b;
	const char *id = s->c->id ? s->c->id : "", *who = s->c->who ? s->c->who : "";

	if (s->lw <= 0)
		return; /* no room even for the id: its title says it all */
	if (s->leader0 != s->leader1)
		ldr_svg_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.25\"/>",
			     ldr_svg_r(s->x), ldr_svg_r(s->leader0), ldr_svg_r(s->x), ldr_svg_r(s->leader1), LDR_MUTED);
	ldr_svg_addf(b, "<text class=\"name\" x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\"><tspan font-weight=\"bold\">",
		     ldr_svg_r(s->lx), ldr_svg_r(s->ly), FONT);
	ldr_svg_esc(b, id);
	if (ldr_chart_derived(&s->c->derived, "year"))
		ldr_buf_addstr(b, "*");
	ldr_buf_addstr(b, "</tspan>");
	if (!s->id_only && who[0]) {
		ldr_buf_addch(b, ' ');
		ldr_svg_esc_n(b, who, s->nrows == 2 ? s->split : strlen(who), 0);
	}
	ldr_buf_addstr(b, "</text>\n");
	if (s->nrows == 2 && !s->id_only) {
		ldr_svg_addf(b, "<text class=\"name\" x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\">", ldr_svg_r(s->lx),
			     ldr_svg_r(s->ly + LEAD), FONT);
		ldr_svg_esc(b, who + s->split + 1);
		ldr_buf_addstr(b, "</text>\n");
	}
}

/* The grid of financial years and quarters, and the as-at line. */
void ldr_tube_draw_grid(struct tube *t)
{
	struct ldr_buf *b = t->b;
	double *xs = ldr_calloc((size_t)t->nfy + 1, sizeof(double)), x;
	char s[LDR_TIME_STR_MAX], text[48];
	int i;

	for (i = 0; i <= t->nfy; i++)
		xs[i] = tube_x(t, t->m0 + 12 * i);
	ldr_chart_years(b, t->fy0, t->nfy, xs, TOP, YEAR_BAND, t->map_y1, NAME_FONT);
	ldr_buf_addstr(b, "<g class=\"grid\">\n");
	for (i = 0; i < 4 * t->nfy; i++) {
		x = tube_x(t, t->m0 + 3 * i);
		ldr_svg_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>\n",
			     ldr_svg_r(x), ldr_svg_r(TOP + (i % 4 ? YEAR_BAND : 0)), ldr_svg_r(x), ldr_svg_r(t->map_y1),
			     i % 4 ? "#e4e4e4" : "#9a9a9a", i % 4 ? "0.15" : "0.25");
	}
	ldr_buf_addstr(b, "</g>\n");
	free(xs);
	if ((x = ldr_tube_as_at_x(t)) < 0)
		return;
	snprintf(text, sizeof(text), "as at %s", ldr_time_format(&t->opts->as_of, s));
	ldr_svg_addf(b, "<g class=\"as-at\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.5\"/>",
		     ldr_svg_r(x), ldr_svg_r(TOP - 2.5), ldr_svg_r(x), ldr_svg_r(t->map_y1), LDR_ASOF);
	ldr_svg_text(b, x + 0.8, TOP - 0.8, LDR_TYPE_SMALL, "font-weight=\"bold\" fill=\"" LDR_ASOF "\"", text, 0);
	ldr_buf_addstr(b, "</g>\n");
}

/* The line's name at both ends, wrapped into at most three lines. */
void ldr_tube_draw_names(struct tube *t, const struct line *l)
{
	const struct ldr_chart_group *g = &t->groups.v[l->group];
	const char *name = g->name;
	size_t off, next, len;
	int n = 0, i, end;
	double lw = NAME_FONT * 1.15;

	for (off = 0; name[off] && n < 3; n++) {
		ldr_svg_wrap(name + off, NAME_FONT, 1, t->names_w, &next);
		off += next ? next : strlen(name + off);
	}
	for (end = 0; end < 2; end++) {
		double y = l->y - (n - 1) * lw / 2 + NAME_FONT * 0.35;
		double x = end ? t->map_x1 + 3 : t->map_x0 - 3;
		off = 0;
		ldr_svg_addf(t->b, "<g fill=\"%s\">", g->colour);
		if (n == 3 && name[off])
			ldr_svg_title(t->b, name);
		for (i = 0; i < n && name[off]; i++) {
			len = ldr_svg_wrap(name + off, NAME_FONT, 1, t->names_w, &next);
			ldr_svg_addf(t->b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\" font-weight=\"bold\"%s>",
				     ldr_svg_r(x), ldr_svg_r(y + i * lw), NAME_FONT, end ? "" : " text-anchor=\"end\"");
			if (i == n - 1 && next && name[off + next])
				ldr_svg_add_fit(t->b, name + off, NAME_FONT, 1, t->names_w);
			else
				ldr_svg_esc_n(t->b, name + off, len, 0);
			ldr_buf_addstr(t->b, "</text>");
			off += next ? next : strlen(name + off);
		}
		ldr_buf_addstr(t->b, "</g>\n");
	}
}

/* ---- legend -------------------------------------------------------------- */

/* The key: a sample of each kind of mark the map draws, and nothing else;
 * then the lines; then how to read the map. */
struct flow {
	struct ldr_buf *b;
	double x, y, x0, x1;
};

static double place(struct flow *f, double sw, const char *text)
{
	double w = sw + ldr_svg_width(text, FONT, 0) + 6, x;
	if (f->x + w > f->x1 && f->x > f->x0) {
		f->x = f->x0;
		f->y += 4.2;
	}
	x = f->x;
	f->x += w;
	return x;
}

static void sample(struct flow *f, const char *what, const char *text)
{
	struct ldr_buf *b = f->b;
	double x = place(f, 9.5, text), y = f->y;

	if (strcmp(what, "delivered") == 0 || strcmp(what, "planned") == 0 || strcmp(what, "overdue") == 0) {
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>", ldr_svg_r(x),
			     ldr_svg_r(y), ldr_svg_r(x + 8), LDR_MUTED, LINE_W);
		ldr_svg_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
			     ldr_svg_r(x + 4), ldr_svg_r(y), STATION_R, what[0] == 'd' ? LDR_INK : "#ffffff",
			     what[0] == 'o' ? LDR_ALERT : LDR_INK, what[0] == 'o' ? "0.9" : "0.6");
	} else if (strcmp(what, "aspirational") == 0 || strcmp(what, "dropped") == 0) {
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-dasharray=\"2.4 1.3\"/>",
			     ldr_svg_r(x), ldr_svg_r(y), ldr_svg_r(x + 6), LDR_MUTED, LINE_W);
		ldr_svg_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"0.6\"/>",
			     ldr_svg_r(x + 6.5), ldr_svg_r(y), STATION_R, what[0] == 'd' ? "#8c8c8c" : LDR_INK);
	} else if (strcmp(what, "interchange") == 0) {
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
			     ldr_svg_r(x), ldr_svg_r(y - SIDE_SEP / 2), ldr_svg_r(x + 8), ldr_svg_r(x),
			     ldr_svg_r(y + SIDE_SEP / 2), ldr_svg_r(x + 8), LDR_MUTED, LINE_W);
		ldr_svg_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"0.6\"/>",
			     ldr_svg_r(x + 4 - STATION_R), ldr_svg_r(y - SIDE_SEP / 2 - STATION_R), 2 * STATION_R,
			     ldr_svg_r(SIDE_SEP + 2 * STATION_R), STATION_R, LDR_INK);
	} else if (strcmp(what, "as at") == 0) {
		ldr_svg_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.5\"/>",
			     ldr_svg_r(x + 4), ldr_svg_r(y - 1.5), ldr_svg_r(x + 4), ldr_svg_r(y + 1.5), LDR_ASOF);
	}
	ldr_svg_text(b, x + 9.5, y + FONT * 0.36, FONT, NULL, text, 0);
}

/* What the map shows, for a key of that and nothing else. */
struct shown {
	int done, planned, overdue, dashed, grey, inter, derived;
};

static void survey(const struct tube *t, struct shown *w)
{
	size_t i;

	memset(w, 0, sizeof(*w));
	for (i = 0; i < t->nst; i++) {
		const struct station *s = &t->st[i];
		int st = s->c->status;
		w->done |= s->done;
		w->overdue |= s->overdue;
		w->planned |= !s->done && !s->overdue;
		w->dashed |= st == LDR_CAP_ASPIRATIONAL;
		w->grey |= st == LDR_CAP_DEFERRED || st == LDR_CAP_DROPPED;
		w->inter |= s->nlines > 1;
		w->derived |= ldr_chart_derived(&s->c->derived, "year");
	}
}

static void samples(const struct tube *t, struct flow *f)
{
	struct shown w;

	survey(t, &w);
	if (w.done)
		sample(f, "delivered", "delivered (filled)");
	if (w.planned)
		sample(f, "planned", "not yet delivered (hollow)");
	if (w.overdue)
		sample(f, "overdue", "overdue: due before the as-at date, not delivered (red ring)");
	if (w.dashed)
		sample(f, "aspirational", "aspirational: dashed line leading to it");
	if (w.grey)
		sample(f, "dropped", "deferred or dropped (grey)");
	if (w.inter)
		sample(f, "interchange", "interchange: a project or dependency links the groups");
	if (ldr_tube_as_at_x(t) >= 0)
		sample(f, "as at", "as at");
	if (w.derived)
		sample(f, "", "C01* the year is derived, not stated in the source");
}

static void line_names(const struct tube *t, struct flow *f)
{
	double indent = ldr_svg_width("Lines:", FONT, 1) + 3;
	size_t i;

	f->y += 5;
	f->x = MARGIN;
	ldr_svg_text(f->b, f->x, f->y + FONT * 0.36, FONT, "font-weight=\"bold\"", "Lines:", 0);
	f->x += indent;
	for (i = 0; i < t->nlines; i++) {
		const struct ldr_chart_group *g = &t->groups.v[t->lines[i].group];
		double w = 9.5 + ldr_svg_width(g->name, FONT, 0) + 6;
		if (w > LEGEND_NAME_MAX + 15.5)
			w = LEGEND_NAME_MAX + 15.5;
		if (f->x + w > f->x1) {
			f->x = MARGIN + indent;
			f->y += 4.2;
		}
		ldr_svg_addf(f->b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>", ldr_svg_r(f->x),
			     ldr_svg_r(f->y), ldr_svg_r(f->x + 8), g->colour, LINE_W);
		ldr_svg_text(f->b, f->x + 9.5, f->y + FONT * 0.36, FONT, NULL, g->name, LEGEND_NAME_MAX);
		f->x += w;
	}
}

static double legend(const struct tube *t, double y, int draw)
{
	static const char note[] =
		"Left to right is time, to scale. A station stands at the end of the year, quarter or month "
		"it is due in (or was delivered in); stations due together stand side by side just before "
		"it. Names are id and who; what each can do is in its tooltip and in the capability Gantt chart.";
	struct ldr_buf scratch = LDR_BUF_INIT;
	struct flow f = { draw ? t->b : &scratch, MARGIN, y, MARGIN, t->width - MARGIN };
	size_t off = 0, next, n;

	ldr_buf_addstr(f.b, "<g class=\"legend\">\n");
	ldr_svg_text(f.b, f.x, f.y + FONT * 0.36, FONT, "font-weight=\"bold\"", "Key:", 0);
	f.x += ldr_svg_width("Key:", FONT, 1) + 3;
	samples(t, &f);
	if (t->nlines)
		line_names(t, &f);
	f.y += 5;
	while (note[off]) { /* the note, wrapped to the page */
		n = ldr_svg_wrap(note + off, FONT, 0, f.x1 - MARGIN, &next);
		ldr_svg_addf(f.b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\" fill=\"" LDR_MUTED "\">", MARGIN,
			     ldr_svg_r(f.y + FONT * 0.36), FONT);
		ldr_svg_esc_n(f.b, note + off, n, 0);
		ldr_buf_addstr(f.b, "</text>\n");
		off += next ? next : strlen(note + off);
		if (note[off])
			f.y += 3.6;
	}
	ldr_buf_addstr(f.b, "</g>\n");
	ldr_buf_release(&scratch);
	return f.y + 3 - y;
}

void ldr_tube_legend(struct tube *t, double y)
{
	legend(t, y, 1);
}

double ldr_tube_legend_height(const struct tube *t)
{
	return legend(t, 0, 0);
}
