/* The board report (report.h): HTML written by hand, every text from the
 * roadmap or a commit escaped (ldr_svg_esc: XML's rules are HTML's for text
 * and quoted attributes). Printed, each section starts a page, table headers
 * repeat, rows and charts are not split; on a screen it is one page to
 * scroll. Colour is never the only cue: every outcome is also a word. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/date.h"
#include "../model/roadmap/field.h"
#include "../model/roadmap/index.h"
#include "../model/roadmap/schedule.h"
#include "charts/chart.h"
#include "base/common.h"
#include "base/svg.h"
#include "charts/svgcharts.h"

struct out {
	const struct ldr_report *r;
	struct ldr_buf *b;
	struct ldr_index ix;
	char t[LDR_TIME_STR_MAX];
	struct ldr_buf t2;
};

static const char css[] =
	"@page { margin: 14mm 12mm 16mm; @bottom-right { content: \"page \" counter(page) \" of \" counter(pages);"
	" font: 8pt sans-serif; color: #555 } }\n"
	"html { font: 10pt/1.35 \"DejaVu Sans\", Verdana, Arial, sans-serif; color: #1a1a1a }\n"
	"body { margin: 0 auto; max-width: 290mm; padding: 0 4mm }\n"
	"h1 { font-size: 20pt; margin: 0 0 2mm }\n"
	"h2 { font-size: 15pt; margin: 6mm 0 2mm; border-bottom: 0.6mm solid #0072b2 }\n"
	"h3 { font-size: 12pt; margin: 5mm 0 1.5mm }\n"
	"p.meta { color: #444; margin: 0 0 3mm }\n"
	"section + section { break-before: page }\n"
	"h2, h3 { break-after: avoid }\n"
	"table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm }\n"
	"thead { display: table-header-group }\n"
	"tr { break-inside: avoid }\n"
	"th, td { border: 0.3mm solid #bdbdbd; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top }\n"
	"th { background: #e8eef4 }\n"
	"td.n, th.n { text-align: right; white-space: nowrap }\n"
	"td.t { white-space: nowrap }\n"
	".kpis { display: flex; flex-wrap: wrap; gap: 3mm; margin: 2mm 0 4mm }\n"
	".kpi { border: 0.4mm solid #bdbdbd; border-radius: 1.5mm; padding: 2mm 4mm; min-width: 30mm }\n"
	".kpi b { display: block; font-size: 18pt }\n"
	".why { color: #333; font-size: 9pt }\n"
	".late, .overdue, .slipped, .undated { background: #fde9c9 }\n"
	".dropped { background: #f6d0cc }\n"
	".on_time, .early { background: #dcefdc }\n"
	"figure { margin: 2mm 0 6mm; break-inside: avoid }\n"
	"figure img { width: 100%; height: auto; border: 0.3mm solid #bdbdbd }\n"
	"figcaption { font-size: 9pt; color: #444 }\n"
	"footer { margin-top: 6mm; color: #555; font-size: 8.5pt }\n"
	"@media print { body { max-width: none; padding: 0 } figure + figure { break-before: page }"
	" figure img { width: auto; max-width: 100%; max-height: 82vh } }\n";

/* Text as a CSS string: every character but a letter, a digit or a blank
 * as a six-digit escape, so that nothing in it can end the string or the
 * style sheet (roadmap text is untrusted here as anywhere). */
static void css_string(struct ldr_buf *b, const char *s)
{
	size_t n = strlen(s), i = 0;
	int escaped = 0;

	ldr_buf_addch(b, '"');
	while (i < n) {
		unsigned cp;
		size_t len = ldr_utf8_decode(s + i, n - i, &cp);
		if (len == 0 || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || ldr_is_bidi_control(cp))
			cp = 0xFFFD, len = len ? len : 1;
		/* A blank after an escape would be taken as its end. */
		escaped = !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
			    (cp == ' ' && !escaped));
		if (escaped)
			ldr_buf_addf(b, "\\%06X", cp);
		else
			ldr_buf_addch(b, (char)cp);
		i += len;
	}
	ldr_buf_addch(b, '"');
}

static void esc(struct ldr_buf *b, const char *s)
{
	ldr_svg_esc(b, s ? s : "");
}

static const char *tm(struct out *o, const struct ldr_time *t)
{
	return t->kind ? ldr_time_format(t, o->t) : "-";
}

static void cell(struct ldr_buf *b, const char *cls, const char *text)
{
	ldr_buf_addstr(b, "<td");
	if (cls)
		ldr_buf_addf(b, " class=\"%s\"", cls);
	ldr_buf_addch(b, '>');
	esc(b, text);
	ldr_buf_addstr(b, "</td>");
}

/* A table's head: its columns, a class after '|' ("Due|n"). */
static void thead(struct ldr_buf *b, const char *caption, const char *const *cols, size_t n)
{
	size_t i;

	ldr_buf_addstr(b, "<table>");
	if (caption) {
		ldr_buf_addstr(b, "<caption>");
		esc(b, caption);
		ldr_buf_addstr(b, "</caption>");
	}
	ldr_buf_addstr(b, "<thead><tr>");
	for (i = 0; i < n; i++) {
		const char *bar = strchr(cols[i], '|');
		if (bar)
			ldr_buf_addf(b, "<th scope=\"col\" class=\"%s\">%.*s</th>", bar + 1, (int)(bar - cols[i]),
				     cols[i]);
		else
			ldr_buf_addf(b, "<th scope=\"col\">%s</th>", cols[i]);
	}
	ldr_buf_addstr(b, "</tr></thead><tbody>\n");
}

static void commit_line(struct ldr_buf *b, const struct ldr_commit *c)
{
	ldr_buf_addf(b, "commit %.12s, ", c->id);
	ldr_date_format(b, c->time, c->offset);
}

/* ---- the heading ------------------------------------------------------------ */

/* Who signed off the commit (a full id or a prefix), in a sentence. */
static void signed_by(struct out *o, const char *what, const char *commit)
{
	const struct ldr_report *r = o->r;
	size_t i, n = 0;

	ldr_buf_addf(o->b, "<p class=\"meta signoff\">%s ", what);
	for (i = 0; i < r->nsignoffs; i++) {
		const struct ldr_signoff *so = &r->signoffs[i];
		if (strncmp(so->commit, commit, strlen(commit)) != 0)
			continue;
		ldr_buf_addstr(o->b, n++ ? "; " : "signed off by ");
		esc(o->b, so->name);
		ldr_buf_addstr(o->b, " as ");
		esc(o->b, so->role);
		ldr_buf_addstr(o->b, ", ");
		ldr_date_format(o->b, so->time, so->offset);
		if (*so->message) {
			ldr_buf_addstr(o->b, " (");
			esc(o->b, so->message);
			ldr_buf_addch(o->b, ')');
		}
	}
	if (!n)
		ldr_buf_addstr(o->b, "not signed off ('ldr signoff' records who approved it)");
	ldr_buf_addstr(o->b, ".</p>\n");
}

static void signoffs(struct out *o)
{
	const struct ldr_report *r = o->r;

	if (r->opts->commit && !r->opts->uncommitted)
		signed_by(o, "This plan:", r->opts->commit);
	if (r->review)
		signed_by(o, "The baseline:", r->base->id);
}

static void heading(struct out *o)
{
	const struct ldr_report *r = o->r;
	const struct ldr_footprint *fp = &r->rm->footprint;
	struct ldr_buf *b = o->b, title = LDR_BUF_INIT;

	ldr_buf_addstr(b, "<header><h1>");
	ldr_export_title(&title, r->rm);
	esc(b, title.s);
	ldr_buf_release(&title);
	ldr_buf_addstr(b, ": board report</h1>\n<p class=\"meta\">As at ");
	esc(b, tm(o, &r->opts->as_of));
	if (fp->version) {
		ldr_buf_addstr(b, "; version ");
		esc(b, fp->version);
	}
	if (r->opts->commit)
		ldr_buf_addf(b, "; %s %.12s", r->opts->uncommitted ? "changes not committed, on commit" : "commit",
			     r->opts->commit);
	else
		ldr_buf_addstr(b, "; not from a git commit");
	if (r->review) {
		ldr_buf_addstr(b, "; against the baseline '");
		esc(b, r->opts->baseline_name);
		ldr_buf_addstr(b, "' (");
		commit_line(b, r->base);
		ldr_buf_addch(b, ')');
	} else {
		ldr_buf_addstr(b, "; no baseline to review against ('ldr baseline NAME' marks the approved plan)");
	}
	ldr_buf_addstr(b, ".</p>\n");
	signoffs(o);
	ldr_buf_addstr(b, "</header>\n");
}

/* ---- the summary -------------------------------------------------------------- */

static void kpi(struct ldr_buf *b, const char *figure, const char *label)
{
	ldr_buf_addf(b, "<div class=\"kpi\"><b>%s</b>%s</div>", figure, label);
}

static void kpis(struct out *o)
{
	const struct ldr_review *rv = o->r->review;
	const struct ldr_review_total *t = &rv->all;
	char f[64], l[160], p[LDR_TIME_STR_MAX];
	int pd = ldr_review_percent_delivered(t), pt = ldr_review_percent_on_time(t);

	ldr_buf_addstr(o->b, "<div class=\"kpis\">");
	snprintf(f, sizeof(f), "%u", t->planned);
	snprintf(l, sizeof(l), "due in %s at the baseline", ldr_time_format(&rv->period, p));
	kpi(o->b, f, l);
	snprintf(f, sizeof(f), pd < 0 ? "-" : "%d%%", pd);
	kpi(o->b, f, "delivered");
	snprintf(f, sizeof(f), pt < 0 ? "-" : "%d%%", pt);
	kpi(o->b, f, "delivered on time");
	snprintf(f, sizeof(f), "%u", t->n[LDR_OUT_OVERDUE]);
	kpi(o->b, f, "of them overdue");
	snprintf(f, sizeof(f), "%u", t->n[LDR_OUT_SLIPPED]);
	kpi(o->b, f, "of them slipped");
	snprintf(f, sizeof(f), "%u", t->n[LDR_OUT_DROPPED]);
	kpi(o->b, f, "of them dropped");
	snprintf(f, sizeof(f), "%u", t->added);
	kpi(o->b, f, "added since the baseline");
	ldr_buf_addstr(o->b, "</div>\n");
}

/* How many records of a kind have each status. */
static void status_row(struct out *o, const char *what, const struct ldr_kind *k, const struct ldr_list *l)
{
	unsigned n[16] = { 0 };
	char label[64];
	size_t i;
	int f = ldr_kind_field(k, "status"), v;

	for (i = 0; i < l->len; i++) {
		int s = *(const int *)LDR_FIELD(ldr_list_at((struct ldr_list *)l, k, i), &k->fields[f]);
		n[s >= 0 && s < 16 ? s : 0]++;
	}
	ldr_buf_addf(o->b, "<tr><th scope=\"row\">%s (%zu)</th><td>", what, l->len);
	for (v = 1; v < 16; v++)
		if (n[v])
			ldr_buf_addf(o->b, "%s: %u; ", ldr_enum_label(k, "status", v, label, sizeof(label)), n[v]);
	if (n[0])
		ldr_buf_addf(o->b, "no status: %u", n[0]);
	ldr_buf_addstr(o->b, "</td></tr>\n");
}

static void statuses(struct out *o)
{
	static const char *const cols[] = { "Records", "By status" };

	ldr_buf_addstr(o->b, "<h3>Status</h3>\n");
	thead(o->b, NULL, cols, 2);
	status_row(o, "Capabilities", &ldr_kind_capability, &o->r->rm->capabilities);
	status_row(o, "Projects", &ldr_kind_project, &o->r->rm->projects);
	ldr_buf_addstr(o->b, "</tbody></table>\n");
}

/* Overdue: what the checks find due before the review date and not
 * delivered (a checkpoint by its milestone and time), most overdue first. */
struct late {
	struct ldr_ref ref;
	const char *name; /* as the finding names it */
};

static int by_due(const void *x, const void *y)
{
	const struct late *a = x, *b = y;
	const struct ldr_time *ta = ldr_planned_time(a->ref.kind, a->ref.rec);
	const struct ldr_time *tb = ldr_planned_time(b->ref.kind, b->ref.rec);
	int da = ta ? ldr_time_last(ta) : 0, db = tb ? ldr_time_last(tb) : 0;
	return (da > db) - (da < db);
}

static void overdue_row(struct out *o, const struct late *l)
{
	struct ldr_buf title = LDR_BUF_INIT, q = LDR_BUF_INIT;
	const struct ldr_time *due = ldr_planned_time(l->ref.kind, l->ref.rec);
	int late = due ? ldr_quarter_index(ldr_time_last(&o->r->opts->as_of)) -
			 ldr_quarter_index(ldr_time_last(due)) : 0;

	ldr_buf_addstr(o->b, "<tr class=\"overdue\">");
	cell(o->b, "t", l->name);
	cell(o->b, NULL, l->ref.kind->name);
	cell(o->b, NULL, ldr_rec_title(l->ref.kind, l->ref.rec, &title));
	cell(o->b, "t", due ? tm(o, due) : "-");
	ldr_buf_addf(&q, "%d quarter%s", late, late == 1 ? "" : "s");
	cell(o->b, "n", q.s);
	ldr_buf_addstr(o->b, "</tr>\n");
	ldr_buf_release(&title);
	ldr_buf_release(&q);
}

static void overdue(struct out *o)
{
	static const char *const cols[] = { "Id", "Kind", "What", "Due", "Behind|n" };
	const struct ldr_findings *f = o->r->findings;
	struct late *v = ldr_calloc(f->n + 1, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].rule->id, "overdue") && f->v[i].id &&
		    ldr_index_resolve(&o->ix, f->v[i].id, &v[n].ref))
			v[n++].name = f->v[i].id;
	qsort(v, n, sizeof(*v), by_due);
	ldr_buf_addf(o->b, "<h3>Overdue as at %s, whatever year it was due in: %zu</h3>\n",
		     tm(o, &o->r->opts->as_of), n);
	if (n) {
		thead(o->b, NULL, cols, LDR_ARRAY_SIZE(cols));
		for (i = 0; i < n; i++)
			overdue_row(o, &v[i]);
		ldr_buf_addstr(o->b, "</tbody></table>\n");
	} else {
		ldr_buf_addstr(o->b, "<p>Nothing due before the review date is undelivered.</p>\n");
	}
	free(v);
}

/* The reasons for an item's slip, move or drop, from the commits. */
static void why(struct out *o, const struct ldr_review_item *it)
{
	struct ldr_buf lines = LDR_BUF_INIT;
	const char *p, *nl;

	ldr_review_reasons(&lines, o->r->review, it, 0);
	ldr_buf_addstr(o->b, "<td class=\"why\">");
	for (p = lines.s; p && *p; p = nl + 1) {
		nl = strchr(p, '\n');
		ldr_svg_esc_n(o->b, p, (size_t)(nl - p), 0);
		ldr_buf_addstr(o->b, nl[1] ? "<br>" : "");
	}
	ldr_buf_addstr(o->b, "</td>");
	ldr_buf_release(&lines);
}

static int slipped_since(const struct ldr_review_item *it)
{
	return it->in_baseline && (it->outcome == LDR_OUT_SLIPPED || it->outcome == LDR_OUT_DROPPED);
}

static void slip_row(struct out *o, const struct ldr_review_item *it)
{
	struct ldr_buf s = LDR_BUF_INIT;

	ldr_buf_addf(o->b, "<tr class=\"%s\">", ldr_outcome_key(it->outcome));
	cell(o->b, "t", it->id);
	cell(o->b, NULL, it->title);
	cell(o->b, "t", tm(o, &it->planned));
	cell(o->b, "t", tm(o, &it->now));
	ldr_buf_addstr(&s, ldr_outcome_name(it->outcome));
	if (it->outcome == LDR_OUT_SLIPPED) {
		ldr_buf_addstr(&s, " ");
		ldr_review_by_text(&s, it->by, it->unit);
	}
	cell(o->b, "t", s.s);
	why(o, it);
	ldr_buf_addstr(o->b, "</tr>\n");
	ldr_buf_release(&s);
}

static void slips(struct out *o)
{
	static const char *const cols[] = { "Id", "What", "Planned", "Now", "Outcome", "Why: the commits" };
	const struct ldr_review *rv = o->r->review;
	size_t i, n = 0;

	for (i = 0; i < rv->n; i++)
		n += slipped_since(&rv->items[i]);
	ldr_buf_addf(o->b, "<h3>Slipped or dropped since the baseline: %zu</h3>\n", n);
	if (!n) {
		ldr_buf_addstr(o->b, "<p>Nothing due in the period has slipped or been dropped.</p>\n");
		return;
	}
	thead(o->b, NULL, cols, LDR_ARRAY_SIZE(cols));
	for (i = 0; i < rv->n; i++)
		if (slipped_since(&rv->items[i]))
			slip_row(o, &rv->items[i]);
	ldr_buf_addstr(o->b, "</tbody></table>\n");
}

static void summary(struct out *o)
{
	ldr_buf_addstr(o->b, "<section id=\"summary\"><h2>Summary</h2>\n");
	if (o->r->review)
		kpis(o);
	statuses(o);
	overdue(o);
	if (o->r->review)
		slips(o);
	ldr_buf_addstr(o->b, "</section>\n");
}

/* ---- the charts ------------------------------------------------------------------ */

static void base64(struct ldr_buf *b, const unsigned char *s, size_t n)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
		ldr_buf_addf(b, "%c%c%c%c", a[v >> 18], a[v >> 12 & 63], a[v >> 6 & 63], a[v & 63]);
	}
	if (n - i == 1)
		ldr_buf_addf(b, "%c%c==", a[s[i] >> 2], a[(s[i] & 3) << 4]);
	else if (n - i == 2)
		ldr_buf_addf(b, "%c%c%c=", a[s[i] >> 2], a[(s[i] & 3) << 4 | s[i + 1] >> 4],
			     a[(s[i + 1] & 15) << 2]);
}

typedef int (*chart_fn)(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *out);

/* A chart as an image of its own (its ids cannot meet another's, and an
 * image runs no script), with its description as the alternative text. */
static void figure(struct out *o, chart_fn build, const struct ldr_export_opts *opts, const char *caption)
{
	struct ldr_buf svg = LDR_BUF_INIT;

	if (build(o->r->rm, opts, &svg) < 0 || !svg.len) {
		ldr_buf_release(&svg);
		return;
	}
	ldr_buf_addstr(o->b, "<figure><img alt=\"");
	esc(o->b, caption);
	ldr_buf_addstr(o->b, "\" src=\"data:image/svg+xml;base64,");
	base64(o->b, (const unsigned char *)svg.s, svg.len);
	ldr_buf_addstr(o->b, "\"><figcaption>");
	esc(o->b, caption);
	ldr_buf_addstr(o->b, "</figcaption></figure>\n");
	ldr_buf_release(&svg);
}

static void charts(struct out *o)
{
	struct ldr_export_opts opts = *o->r->opts;
	struct ldr_buf c = LDR_BUF_INIT;

	ldr_buf_addstr(o->b, "<section id=\"charts\"><h2>Charts</h2>\n");
	ldr_buf_addstr(&c, "The projects by capability group, as at ");
	ldr_buf_addstr(&c, tm(o, &opts.as_of));
	if (opts.baseline)
		ldr_buf_addf(&c, ", against the baseline '%s' (drawn under each bar)", opts.baseline_name);
	figure(o, ldr_gantt_build, &opts, c.s);
	opts.capabilities = 1;
	opts.baseline = NULL;
	figure(o, ldr_gantt_build, &opts, "The capabilities by group and year: the Annex 2 schedule");
	opts.capabilities = 0;
	figure(o, ldr_tubemap_build, &opts, "The tube map: a line per capability group, capabilities as stations");
	if (o->r->rm->trajectory.len)
		figure(o, ldr_trajectory_build, &opts, "The Digital Maturity trajectory: baseline and target scores");
	ldr_buf_addstr(o->b, "</section>\n");
	ldr_buf_release(&c);
}

/* ---- the review per group --------------------------------------------------------- */

static void outcome_cell(struct out *o, const struct ldr_review_item *it)
{
	struct ldr_buf s = LDR_BUF_INIT;

	ldr_buf_addstr(&s, it->before_plan ? "done before the plan" : ldr_outcome_name(it->outcome));
	if (it->outcome == LDR_OUT_LATE || it->outcome == LDR_OUT_SLIPPED) {
		ldr_buf_addstr(&s, ", ");
		ldr_review_by_text(&s, it->by, it->unit);
	}
	cell(o->b, NULL, s.s);
	ldr_buf_reset(&s);
	ldr_review_item_text(&s, it, 1);
	cell(o->b, NULL, s.len ? s.s : "");
	ldr_buf_release(&s);
}

static void review_row(struct out *o, const struct ldr_review_item *it)
{
	ldr_buf_addf(o->b, "<tr class=\"%s\">", ldr_outcome_key(it->outcome));
	cell(o->b, "t", it->id);
	cell(o->b, NULL, it->kind->name);
	cell(o->b, NULL, it->title);
	cell(o->b, "t", it->added ? "added" : tm(o, &it->planned));
	cell(o->b, "t", tm(o, &it->now));
	outcome_cell(o, it);
	ldr_buf_addstr(o->b, "</tr>\n");
}

static int same_group(const struct ldr_review_total *t, const struct ldr_review_item *it)
{
	return t->group ? it->group && !strcmp(t->group, it->group) : !it->group;
}

static void group_table(struct out *o, const struct ldr_review_total *t)
{
	static const char *const cols[] = { "Id", "Kind", "What", "Planned", "Now", "Outcome", "Detail" };
	const struct ldr_review *rv = o->r->review;
	int pd = ldr_review_percent_delivered(t), pt = ldr_review_percent_on_time(t);
	size_t i;
	int added;

	ldr_buf_addstr(o->b, "<h3>");
	esc(o->b, t->name);
	ldr_buf_addf(o->b, ": %u planned", t->planned);
	if (pd >= 0)
		ldr_buf_addf(o->b, ", %d%% delivered, %d%% on time", pd, pt);
	ldr_buf_addf(o->b, "%s</h3>\n", t->added ? ", and some added since" : "");
	thead(o->b, NULL, cols, LDR_ARRAY_SIZE(cols));
	for (added = 0; added < 2; added++)
		for (i = 0; i < rv->n; i++) {
			const struct ldr_review_item *it = &rv->items[i];
			if (same_group(t, it) && (added ? it->added : it->in_baseline))
				review_row(o, it);
		}
	ldr_buf_addstr(o->b, "</tbody></table>\n");
}

/* Deliveries recorded without a date, and how to record one. */
static void undated(struct out *o)
{
	static const char *const cols[] = { "Id", "What", "Recorded", "To record the date" };
	const struct ldr_review *rv = o->r->review;
	struct ldr_buf s = LDR_BUF_INIT;
	size_t i, n = 0;

	for (i = 0; i < rv->n; i++)
		n += (rv->items[i].in_baseline || rv->items[i].added) && rv->items[i].outcome == LDR_OUT_UNDATED;
	if (!n)
		return;
	ldr_buf_addf(o->b, "<h3>Delivered without a date: %zu</h3>\n<p>Counted as delivered, never as late or "
		     "on time, and never dated from the commit that recorded them.</p>\n", n);
	thead(o->b, NULL, cols, LDR_ARRAY_SIZE(cols));
	for (i = 0; i < rv->n; i++) {
		const struct ldr_review_item *it = &rv->items[i];
		const struct ldr_commit *c = ldr_review_recorded(rv, it);
		if (!(it->in_baseline || it->added) || it->outcome != LDR_OUT_UNDATED)
			continue;
		ldr_buf_addstr(o->b, "<tr class=\"undated\">");
		cell(o->b, "t", it->id);
		cell(o->b, NULL, it->title);
		ldr_buf_reset(&s);
		if (c)
			ldr_review_commit_day(&s, c);
		cell(o->b, "t", s.s ? s.s : "");
		ldr_buf_reset(&s);
		ldr_buf_addf(&s, "ldr set %s %s.delivered=YYYY-MM", o->r->roadmap_arg ? o->r->roadmap_arg : "ROADMAP",
			     it->id);
		ldr_buf_addstr(o->b, "<td><code>");
		esc(o->b, s.s);
		ldr_buf_addstr(o->b, "</code></td></tr>\n");
	}
	ldr_buf_addstr(o->b, "</tbody></table>\n");
	ldr_buf_release(&s);
}

static void review(struct out *o)
{
	const struct ldr_review *rv = o->r->review;
	char p[LDR_TIME_STR_MAX];
	size_t i;

	ldr_buf_addf(o->b, "<section id=\"review\"><h2>Review of %s against the baseline</h2>\n",
		     ldr_time_format(&rv->period, p));
	ldr_buf_addstr(o->b, "<p>What was planned is the baseline's; what happened, the facts recorded in the "
		       "roadmap (a delivery counts when it is dated on or before the review date, whenever it "
		       "was recorded). Delivered: on time, early, late or without a date.</p>\n");
	for (i = 0; i < rv->ntotals; i++)
		group_table(o, &rv->totals[i]);
	undated(o);
	ldr_buf_addstr(o->b, "</section>\n");
}

/* ---- the checks and the end --------------------------------------------------------- */

/* The errors one by one: each must be mended. */
static void errors(struct out *o)
{
	static const char *const cols[] = { "Rule", "Record", "Finding" };
	const struct ldr_findings *f = o->r->findings;
	size_t i;

	if (!f->errors)
		return;
	ldr_buf_addstr(o->b, "<h3>Errors</h3>\n");
	thead(o->b, NULL, cols, LDR_ARRAY_SIZE(cols));
	for (i = 0; i < f->n; i++) {
		const struct ldr_finding *x = &f->v[i];
		if (x->rule->severity != LDR_CHECK_ERROR)
			continue;
		ldr_buf_addstr(o->b, "<tr class=\"dropped\">");
		cell(o->b, "t", x->rule->id);
		cell(o->b, "t", x->id ? x->id : "");
		cell(o->b, NULL, x->message);
		ldr_buf_addstr(o->b, "</tr>\n");
	}
	ldr_buf_addstr(o->b, "</tbody></table>\n");
}

/* The warnings rule by rule: what it finds, how often, in which records. */
static void warnings(struct out *o)
{
	static const char *const cols[] = { "Rule", "What it finds", "Findings|n", "Records" };
	const struct ldr_findings *f = o->r->findings;
	size_t k, i;

	if (!f->warnings)
		return;
	ldr_buf_addstr(o->b, "<h3>Warnings</h3>\n");
	thead(o->b, NULL, cols, LDR_ARRAY_SIZE(cols));
	for (k = 0; k < ldr_nrules; k++) {
		size_t n = 0;
		if (ldr_rules[k].severity != LDR_CHECK_WARNING || !f->per_rule[k])
			continue;
		ldr_buf_addstr(o->b, "<tr>");
		cell(o->b, "t", ldr_rules[k].id);
		cell(o->b, NULL, ldr_rules[k].summary);
		ldr_buf_addf(o->b, "<td class=\"n\">%zu</td><td>", f->per_rule[k]);
		for (i = 0; i < f->n; i++)
			if (f->v[i].rule == &ldr_rules[k] && f->v[i].id) {
				ldr_buf_addstr(o->b, n++ ? ", " : "");
				esc(o->b, f->v[i].id);
			}
		ldr_buf_addstr(o->b, "</td></tr>\n");
	}
	ldr_buf_addstr(o->b, "</tbody></table>\n");
}

static void checks(struct out *o)
{
	const struct ldr_findings *f = o->r->findings;

	ldr_buf_addf(o->b, "<section id=\"checks\"><h2>Checks: %zu error%s, %zu warning%s</h2>\n", f->errors,
		     f->errors == 1 ? "" : "s", f->warnings, f->warnings == 1 ? "" : "s");
	if (!f->n)
		ldr_buf_addstr(o->b, "<p>Every check passes.</p>\n");
	else
		ldr_buf_addstr(o->b, "<p>As 'ldr check' finds them as of the review date; 'ldr check' gives each "
			       "one's place in the file and how to mend it.</p>\n");
	errors(o);
	warnings(o);
	ldr_buf_addstr(o->b, "</section>\n");
}

static void footer(struct out *o)
{
	const struct ldr_report *r = o->r;

	ldr_buf_addstr(o->b, "<footer>Made by ldr from ");
	if (r->opts->commit)
		ldr_buf_addf(o->b, "%s %s", r->opts->uncommitted ? "the file, changed since commit" : "commit",
			     r->opts->commit);
	else
		ldr_buf_addstr(o->b, "a file not in a git repository");
	ldr_buf_addf(o->b, ", as at %s", tm(o, &r->opts->as_of));
	if (r->review) {
		ldr_buf_addstr(o->b, ", against the baseline '");
		esc(o->b, r->opts->baseline_name);
		ldr_buf_addf(o->b, "' (commit %s)", r->base->id);
	}
	ldr_buf_addstr(o->b, ". Every figure comes from the roadmap at that commit, the baseline and the commits "
		       "between them: see 'ldr review' in ldr(1).</footer>\n");
}

int ldr_report_build(const struct ldr_report *r, struct ldr_buf *b, struct ldr_buf *err)
{
	struct out o;

	(void)err;
	memset(&o, 0, sizeof(o));
	o.r = r;
	o.b = b;
	ldr_index_build(&o.ix, (struct ldr_roadmap *)r->rm);
	ldr_buf_addstr(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	esc(b, r->rm->footprint.name ? r->rm->footprint.name : "Roadmap");
	ldr_buf_addf(b, " LDR board report, as at %s</title>\n<style>\n%s", tm(&o, &r->opts->as_of), css);
	/* Every printed page says whose report it is, and as at when. */
	ldr_buf_addstr(b, "@page { @bottom-left { content: ");
	ldr_buf_addstr(&o.t2, r->rm->footprint.name ? r->rm->footprint.name : "Roadmap");
	ldr_buf_addf(&o.t2, " LDR board report, as at %s", tm(&o, &r->opts->as_of));
	css_string(b, o.t2.s);
	ldr_buf_addstr(b, "; font: 8pt sans-serif; color: #555 } }\n</style>\n</head>\n<body>\n");
	heading(&o);
	summary(&o);
	charts(&o);
	if (r->review)
		review(&o);
	checks(&o);
	footer(&o);
	ldr_buf_addstr(b, "</body>\n</html>\n");
	ldr_index_release(&o.ix);
	ldr_buf_release(&o.t2);
	return 0;
}
