/* The tube map drawn: each line as runs of horizontal and 45-degree
 * segments (dashed where they lead to an aspirational, deferred or dropped
 * station), the stations and interchanges with their titles, the labels,
 * the lines' names at both ends, and the key. */
#include <string.h>

#include "chart.h"
#include "svg.h"
#include "tube.h"

/* ---- drawing ------------------------------------------------------------- */

static int dashed_status(int status)
{
	return status == LDR_CAP_ASPIRATIONAL || status == LDR_CAP_DEFERRED || status == LDR_CAP_DROPPED;
}

/* The path from one stop to the next: a horizontal run and 45 degree
 * diagonals, leaving and rejoining the line's own track. */
static void route(struct ldr_buf *p, double home, double x0, double y0, double x1, double y1)
{
	double a = y0 > home ? y0 - home : home - y0, c = y1 > home ? y1 - home : home - y1;
	double d = y1 > y0 ? y1 - y0 : y0 - y1;

	if (y0 != home && y1 != home && x1 - x0 >= a + c + 0.5) {
		ldr_buf_addf(p, "L%.1f %.1fH%.1fL%.1f %.1f", ldr_svg_r(x0 + a), ldr_svg_r(home),
			     ldr_svg_r(x1 - c), ldr_svg_r(x1), ldr_svg_r(y1));
	} else if (y0 != home && x1 - x0 >= d) {
		ldr_buf_addf(p, "L%.1f %.1fH%.1f", ldr_svg_r(x0 + d), ldr_svg_r(y1), ldr_svg_r(x1));
	} else if (x1 - x0 >= d) {
		ldr_buf_addf(p, "H%.1fL%.1f %.1f", ldr_svg_r(x1 - d), ldr_svg_r(x1), ldr_svg_r(y1));
	} else {
		ldr_buf_addf(p, "L%.1f %.1f", ldr_svg_r(x1), ldr_svg_r(y1));
	}
}

static void flush_run(struct tube *t, const struct line *l, struct ldr_buf *p, int dashed)
{
	if (!p->len)
		return;
	ldr_buf_addf(t->b, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\"%s/>\n",
		     p->s, t->groups.v[l->group].colour, LINE_W, dashed ? " stroke-dasharray=\"2.4 1.3\"" : "");
	ldr_buf_reset(p);
}

void ldr_tube_draw_line(struct tube *t, const struct line *l)
{
	struct ldr_buf p = LDR_BUF_INIT;
	double x = t->map_x0 - 1.5, y = l->y;
	int dashed = 0;
	size_t j;

	ldr_buf_addf(&p, "M%.1f %.1f", ldr_svg_r(x), ldr_svg_r(y));
	for (j = 0; j < l->nstops; j++) {
		const struct station *s = &t->st[l->stops[j].station];
		int d = dashed_status(s->c->status);
		if (d != dashed) {
			flush_run(t, l, &p, dashed);
			ldr_buf_addf(&p, "M%.1f %.1f", ldr_svg_r(x), ldr_svg_r(y));
			dashed = d;
		}
		route(&p, l->y, x, y, s->x, l->stops[j].y);
		x = s->x;
		y = l->stops[j].y;
	}
	if (dashed) { /* beyond the last station: the line's own style */
		flush_run(t, l, &p, dashed);
		ldr_buf_addf(&p, "M%.1f %.1f", ldr_svg_r(x), ldr_svg_r(y));
	}
	route(&p, l->y, x, y, t->map_x1 + 1.5, l->y);
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
	ldr_buf_addf(out, "%s %s: %s: by the end of %s, %s", c->id ? c->id : "", c->who ? c->who : "",
		     c->what ? c->what : "", ldr_time_format(&c->year, y), names[c->status]);
	if (ldr_chart_derived(&c->derived, "year"))
		ldr_buf_addstr(out, "; the year is derived (not from the source)");
	if (ldr_chart_derived(&c->derived, "status"))
		ldr_buf_addstr(out, "; the status is derived (not from the source)");
	ldr_buf_addf(out, "; %s", t->groups.v[t->lines[s->home].group].name);
	if (s->nlines > 1)
		ldr_buf_addf(out, "; interchange: %s", s->why.s);
	if (s->more)
		ldr_buf_addf(out, "; and %zu more link%s", s->more, s->more == 1 ? "" : "s");
}

void ldr_tube_draw_station(struct tube *t, const struct station *s, struct ldr_buf *tmp)
{
	struct ldr_buf *b = t->b;
	int delivered = s->c->status == LDR_CAP_DELIVERED, grey = s->c->status == LDR_CAP_DEFERRED ||
								     s->c->status == LDR_CAP_DROPPED;
	const char *fill = delivered ? LDR_INK : "#ffffff", *stroke = grey ? "#8c8c8c" : LDR_INK;

	station_title(t, s, tmp);
	ldr_buf_addstr(b, "<g");
	if (s->c->id) {
		ldr_buf_addstr(b, " id=\"");
		ldr_svg_id(b, "station-", s->c->id);
		ldr_buf_addch(b, '"');
	}
	ldr_buf_addstr(b, ">");
	ldr_svg_title(b, tmp->s);
	if (s->nlines > 1) {
		double top = tube_member_y(t, s, 0), bot = tube_member_y(t, s, s->nlines - 1);
		ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"0.6\"/>",
			     ldr_svg_r(s->x - STATION_R), ldr_svg_r(top - STATION_R), 2 * STATION_R,
			     ldr_svg_r(bot - top + 2 * STATION_R), STATION_R, fill, stroke);
	} else {
		ldr_buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"0.6\"/>",
			     ldr_svg_r(s->x), ldr_svg_r(s->y), STATION_R, fill, stroke);
	}
	if (s->c->status == LDR_CAP_DROPPED) {
		double d = STATION_R * 0.6;
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"#8c8c8c\" stroke-width=\"0.4\"/>",
			     ldr_svg_r(s->x - d), ldr_svg_r(s->y - d), ldr_svg_r(s->x + d), ldr_svg_r(s->y + d),
			     ldr_svg_r(s->x - d), ldr_svg_r(s->y + d), ldr_svg_r(s->x + d), ldr_svg_r(s->y - d));
	}
	ldr_buf_addstr(b, "</g>\n");
}

/* A station's label: the id in bold and who, then what, wrapped. */
void ldr_tube_draw_label(struct tube *t, const struct station *s)
{
	struct ldr_buf *b = t->b;
	const struct ldr_capability *c = s->c;
	const struct line *l = &t->lines[s->label_line];
	const char *id = c->id ? c->id : "", *who = c->who ? c->who : "", *what = c->what ? c->what : "";
	double w = s->label_w, x = s->x - STATION_R;
	double idw = ldr_svg_width(id, FONT, 1) + (ldr_chart_derived(&c->derived, "year") ? ldr_svg_width("*", FONT, 1) : 0);
	int n = t->label_lines, i, used = 1;
	double y0;
	size_t off = 0, next;

	if (w < idw + 0.5)
		return; /* no room: the station's title still says it all */
	/* How many lines the text takes, to stand an above label on its track. */
	while (used < n && what[off]) {
		ldr_svg_wrap(what + off, FONT, 0, w, &next);
		used++;
		if (!next)
			break;
		off += next;
	}
	off = 0;
	n = used;
	if (s->side == ABOVE)
		y0 = l->y - STATION_R - 1.2 - (n - 1) * LEAD;
	else
		y0 = l->y + STATION_R + 1.0 + FONT * 0.8;
	ldr_buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\"><tspan font-weight=\"bold\">",
		     ldr_svg_r(x), ldr_svg_r(y0), FONT);
	ldr_svg_esc(b, id);
	if (ldr_chart_derived(&c->derived, "year"))
		ldr_buf_addstr(b, "*");
	ldr_buf_addstr(b, "</tspan>");
	if (w > idw + 3) {
		ldr_buf_addch(b, ' ');
		ldr_svg_add_fit(b, who, FONT, 0, w - idw - ldr_svg_width(" ", FONT, 0));
	}
	ldr_buf_addstr(b, "</text>\n");
	for (i = 1; i < n && what[off]; i++) {
		size_t len = ldr_svg_wrap(what + off, FONT, 0, w, &next);
		ldr_buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\" fill=\"#333333\">",
			     ldr_svg_r(x), ldr_svg_r(y0 + i * LEAD), FONT);
		if (i == n - 1 || !next)
			ldr_svg_add_fit(b, what + off, FONT, 0, w);
		else
			ldr_svg_esc_n(b, what + off, len, 0);
		ldr_buf_addstr(b, "</text>\n");
		if (!next)
			break;
		off += next;
	}
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
		ldr_buf_addf(t->b, "<g fill=\"%s\">", g->colour);
		if (n == 3 && name[off])
			ldr_svg_title(t->b, name);
		for (i = 0; i < n && name[off]; i++) {
			len = ldr_svg_wrap(name + off, NAME_FONT, 1, t->names_w, &next);
			ldr_buf_addf(t->b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\" font-weight=\"bold\"%s>",
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

static double key_item(struct ldr_buf *b, double x, double y, const char *what, const char *text)
{
	if (strcmp(what, "delivered") == 0 || strcmp(what, "planned") == 0) {
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>", ldr_svg_r(x),
			     ldr_svg_r(y), ldr_svg_r(x + 8), LDR_MUTED, LINE_W);
		ldr_buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"0.6\"/>",
			     ldr_svg_r(x + 4), ldr_svg_r(y), STATION_R, what[0] == 'd' ? LDR_INK : "#ffffff", LDR_INK);
	} else if (strcmp(what, "aspirational") == 0) {
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-dasharray=\"2.4 1.3\"/>",
			     ldr_svg_r(x), ldr_svg_r(y), ldr_svg_r(x + 6), LDR_MUTED, LINE_W);
		ldr_buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"0.6\"/>",
			     ldr_svg_r(x + 6.5), ldr_svg_r(y), STATION_R, LDR_INK);
	} else if (strcmp(what, "interchange") == 0) {
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
			     ldr_svg_r(x), ldr_svg_r(y - SIDE_SEP / 2), ldr_svg_r(x + 8), ldr_svg_r(x),
			     ldr_svg_r(y + SIDE_SEP / 2), ldr_svg_r(x + 8), LDR_MUTED, LINE_W);
		ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"0.6\"/>",
			     ldr_svg_r(x + 4 - STATION_R), ldr_svg_r(y - SIDE_SEP / 2 - STATION_R), 2 * STATION_R,
			     ldr_svg_r(SIDE_SEP + 2 * STATION_R), STATION_R, LDR_INK);
	} else if (strcmp(what, "dropped") == 0) {
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-dasharray=\"2.4 1.3\"/>",
			     ldr_svg_r(x), ldr_svg_r(y), ldr_svg_r(x + 6), LDR_MUTED, LINE_W);
		ldr_buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#ffffff\" stroke=\"#8c8c8c\" stroke-width=\"0.6\"/>",
			     ldr_svg_r(x + 6.5), ldr_svg_r(y), STATION_R);
	}
	ldr_svg_text(b, x + 9.5, y + FONT * 0.36, FONT, NULL, text, 0);
	return x + 9.5 + ldr_svg_width(text, FONT, 0) + 6;
}

void ldr_tube_legend(struct tube *t, double y)
{
	struct ldr_buf *b = t->b;
	double x = MARGIN, x1 = t->width - MARGIN;
	size_t i;

	ldr_buf_addstr(b, "<g class=\"legend\">\n");
	ldr_svg_text(b, x, y + FONT * 0.36, FONT, "font-weight=\"bold\"", "Key:", 0);
	x += ldr_svg_width("Key:", FONT, 1) + 3;
	x = key_item(b, x, y, "delivered", "delivered (filled)");
	x = key_item(b, x, y, "planned", "firm or in progress (hollow)");
	x = key_item(b, x, y, "aspirational", "aspirational: dashed line leading to it");
	x = key_item(b, x, y, "dropped", "deferred or dropped (grey)");
	x = key_item(b, x, y, "interchange", "interchange: a project or dependency links the groups");
	ldr_svg_text(b, x, y + FONT * 0.36, FONT, NULL, "C01* the year is derived, not stated in the source", 0);
	y += 5;
	x = MARGIN;
	ldr_svg_text(b, x, y + FONT * 0.36, FONT, "font-weight=\"bold\"", "Lines:", 0);
	x += ldr_svg_width("Lines:", FONT, 1) + 3;
	for (i = 0; i < t->nlines; i++) {
		const struct ldr_chart_group *g = &t->groups.v[t->lines[i].group];
		double w = 9.5 + ldr_svg_width(g->name, FONT, 0) + 6;
		if (w > LEGEND_NAME_MAX + 15.5)
			w = LEGEND_NAME_MAX + 15.5;
		if (x + w > x1) {
			x = MARGIN + ldr_svg_width("Lines:", FONT, 1) + 3;
			y += 4.2;
		}
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>", ldr_svg_r(x),
			     ldr_svg_r(y), ldr_svg_r(x + 8), g->colour, LINE_W);
		ldr_svg_text(b, x + 9.5, y + FONT * 0.36, FONT, NULL, g->name, LEGEND_NAME_MAX);
		x += w;
	}
	y += 5;
	ldr_svg_text(b, MARGIN, y + FONT * 0.36, FONT, "fill=\"" LDR_MUTED "\"",
		     "Stations are capabilities (who can do what), placed by the financial year they are "
		     "deployed in; within a year they are in order, not to scale. Hover over a station for "
		     "its full text.", 0);
	ldr_buf_addstr(b, "</g>\n");
}

double ldr_tube_legend_height(const struct tube *t)
{
	double x = MARGIN + 15, h = 5 + 5 + 5;
	size_t i;
	for (i = 0; i < t->nlines; i++) {
		double w = 9.5 + ldr_svg_width(t->groups.v[t->lines[i].group].name, FONT, 0) + 6;
		if (w > LEGEND_NAME_MAX + 15.5)
			w = LEGEND_NAME_MAX + 15.5;
		if (x + w > t->width - MARGIN) {
			x = MARGIN + 15;
			h += 4.2;
		}
		x += w;
	}
	return h;
}
