/* XLSX workbooks, read with kept libraries: libzip opens the package, expat
 * streams each XML part through handlers as it is inflated, so that a sheet
 * is never held whole. What is read: the sheets' names and order
 * (xl/workbook.xml, its relationships), the shared strings, which cell
 * styles are dates (xl/styles.xml), the document's title, subject and
 * description (docProps/core.xml), and each sheet's cells, hidden rows,
 * merged ranges and the notes on its cells (its comments part). Parts are read within limits (a zip bomb or a gigabyte of
 * XML is refused early), and a part with a DTD is refused (no entity can
 * expand). */
#include "sheet.h"

#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zip.h>

unsigned long ldr_sheet_max_xml = 512ul << 20;

struct xlsx {
	const char *path;
	zip_t *zip;
	struct ldr_buf *err;
	int date1904;
	char **strings;       /* shared strings */
	size_t nstrings, capstrings;
	unsigned char *date_style; /* date_style[s]: cell style s shows a date */
	size_t nstyles;
	unsigned cells;       /* read so far, all sheets */
	unsigned formulas;
};

/* ---- parts ---------------------------------------------------------------- */

struct part {
	struct xlsx *x;
	const char *name;
	XML_Parser parser;
	int failed;
	/* The handlers, called through depth_start and depth_end, which
	 * count how deep the elements are nested. */
	XML_StartElementHandler start;
	XML_EndElementHandler end;
	unsigned depth;
};

/* No part of a workbook nests elements more than a dozen deep; expat keeps
 * every open element, so a part nested millions deep would take gigabytes. */
#define MAX_DEPTH 256

/* The local name of an element or attribute ("row" of "...main|row"). */
static const char *local(const char *name)
{
	const char *bar = strrchr(name, '|');
	return bar ? bar + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	size_t i;
	for (i = 0; atts[i]; i += 2)
		if (!strcmp(local(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

static void fail(struct part *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(struct part *p, const char *fmt, ...)
{
	va_list ap;

	if (!p->failed) {
		ldr_buf_addf(p->x->err, "%s: %s: ", p->x->path, p->name);
		va_start(ap, fmt);
		ldr_buf_vaddf(p->x->err, fmt, ap);
		va_end(ap);
		ldr_buf_addch(p->x->err, '\n');
	}
	p->failed = 1;
	XML_StopParser(p->parser, XML_FALSE);
}

static void XMLCALL no_dtd(void *ud, const XML_Char *name, const XML_Char *sys, const XML_Char *pub, int internal)
{
	(void)name, (void)sys, (void)pub, (void)internal;
	fail(ud, "has a document type declaration: refused (no workbook needs one)");
}

/* Each part's handlers take the part (its first member) as user data. */
static void XMLCALL depth_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct part *p = ud;

	if (++p->depth > MAX_DEPTH)
		fail(p, "elements nested more than %d deep: refused", MAX_DEPTH);
	else
		p->start(ud, name, atts);
}

static void XMLCALL depth_end(void *ud, const XML_Char *name)
{
	struct part *p = ud;

	p->depth--;
	p->end(ud, name);
}

/* Stream a part of the package through the handlers: 0; 1 when it is not
 * there (and not required); -1 (err) when it cannot be read. */
static int read_part(struct xlsx *x, const char *name, int required, XML_StartElementHandler start,
		     XML_EndElementHandler end, XML_CharacterDataHandler text, struct part *p)
{
	zip_stat_t st;
	zip_file_t *f;
	char buf[65536];
	zip_int64_t n = 0;
	zip_uint64_t total = 0;

	p->x = x;
	p->name = name;
	p->failed = 0;
	p->start = start;
	p->end = end;
	p->depth = 0;
	if (zip_stat(x->zip, name, 0, &st) < 0) {
		if (required)
			ldr_buf_addf(x->err, "%s: not a workbook: it has no %s\n", x->path, name);
		return required ? -1 : 1;
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > ldr_sheet_max_xml) {
		ldr_buf_addf(x->err, "%s: %s: %llu bytes unpacked, more than the %lu a part may have: refused\n",
			     x->path, name, (unsigned long long)st.size, ldr_sheet_max_xml);
		return -1;
	}
	if (!(f = zip_fopen(x->zip, name, 0))) {
		ldr_buf_addf(x->err, "%s: %s: %s\n", x->path, name, zip_strerror(x->zip));
		return -1;
	}
	p->parser = XML_ParserCreateNS(NULL, '|');
	XML_SetUserData(p->parser, p);
	XML_SetElementHandler(p->parser, depth_start, depth_end);
	XML_SetCharacterDataHandler(p->parser, text);
	XML_SetStartDoctypeDeclHandler(p->parser, no_dtd);
	while (!p->failed && (n = zip_fread(f, buf, sizeof(buf))) > 0) {
		total += (zip_uint64_t)n;
		if (total > ldr_sheet_max_xml) {
			fail(p, "more than %lu bytes unpacked: refused", ldr_sheet_max_xml);
			break;
		}
		if (XML_Parse(p->parser, buf, (int)n, 0) == XML_STATUS_ERROR && !p->failed)
			break;
	}
	if (!p->failed && n < 0)
		fail(p, "cannot be unpacked: %s", zip_file_strerror(f));
	else if (!p->failed && XML_Parse(p->parser, "", 0, 1) == XML_STATUS_ERROR)
		p->failed = 2;
	if (p->failed == 2 || (!p->failed && XML_GetErrorCode(p->parser) != XML_ERROR_NONE)) {
		ldr_buf_addf(x->err, "%s: %s:%lu:%lu: not well-formed XML: %s\n", x->path, name,
			     (unsigned long)XML_GetCurrentLineNumber(p->parser),
			     (unsigned long)XML_GetCurrentColumnNumber(p->parser) + 1,
			     XML_ErrorString(XML_GetErrorCode(p->parser)));
		p->failed = 1;
	}
	XML_ParserFree(p->parser);
	zip_fclose(f);
	return p->failed ? -1 : 0;
}

/* ---- the workbook: sheets, their parts, the date system ------------------- */

struct book {
	struct part p;
	struct ldr_workbook *wb;
	char **rids; /* the relationship id of each sheet */
	struct ldr_buf targets; /* "rId1\0xl/worksheets/sheet1.xml\0..." */
};

static void XMLCALL book_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct book *b = ud;
	const char *n = local(name);

	if (!strcmp(n, "workbookPr")) {
		const char *d = attr(atts, "date1904");
		b->p.x->date1904 = d && (!strcmp(d, "1") || !strcmp(d, "true"));
	} else if (!strcmp(n, "sheet")) {
		const char *sname = attr(atts, "name"), *rid = attr(atts, "id"), *state = attr(atts, "state");
		struct ldr_workbook *wb = b->wb;
		wb->sheets = ldr_realloc(wb->sheets, (wb->n + 1) * sizeof(*wb->sheets));
		b->rids = ldr_realloc(b->rids, (wb->n + 1) * sizeof(*b->rids));
		memset(&wb->sheets[wb->n], 0, sizeof(*wb->sheets));
		wb->sheets[wb->n].name = ldr_strdup(sname ? sname : "");
		wb->sheets[wb->n].hidden = state && strcmp(state, "visible") != 0;
		b->rids[wb->n++] = ldr_strdup(rid ? rid : "");
	}
}

static void XMLCALL ignore_end(void *ud, const XML_Char *name)
{
	(void)ud, (void)name;
}

static void XMLCALL ignore_text(void *ud, const XML_Char *s, int len)
{
	(void)ud, (void)s, (void)len;
}

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct book *b = ud;
	const char *id = attr(atts, "Id"), *target = attr(atts, "Target");

	if (strcmp(local(name), "Relationship") || !id || !target)
		return;
	ldr_buf_add(&b->targets, id, strlen(id) + 1);
	if (target[0] == '/')
		ldr_buf_add(&b->targets, target + 1, strlen(target));
	else {
		ldr_buf_addf(&b->targets, "xl/%s", target);
		ldr_buf_addch(&b->targets, '\0');
	}
}

/* The part of the sheet whose relationship id is rid, or NULL. */
static const char *target_of(const struct book *b, const char *rid)
{
	const char *p = b->targets.s, *end = p ? p + b->targets.len : NULL;

	while (p && p < end) {
		const char *t = p + strlen(p) + 1;
		if (!strcmp(p, rid))
			return t;
		p = t + strlen(t) + 1;
	}
	return NULL;
}

/* ---- shared strings --------------------------------------------------------- */

struct strings {
	struct part p;
	struct ldr_buf text;
	int in_t, in_phonetic;
};

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct strings *s = ud;
	const char *n = local(name);

	(void)atts;
	if (!strcmp(n, "si"))
		ldr_buf_reset(&s->text);
	else if (!strcmp(n, "rPh"))
		s->in_phonetic = 1;
	else if (!strcmp(n, "t"))
		s->in_t = !s->in_phonetic;
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
	struct strings *s = ud;
	struct xlsx *x = s->p.x;
	const char *n = local(name);

	if (!strcmp(n, "t")) {
		s->in_t = 0;
	} else if (!strcmp(n, "rPh")) {
		s->in_phonetic = 0;
	} else if (!strcmp(n, "si")) {
		if (x->nstrings >= LDR_SHEET_MAX_CELLS) {
			fail(&s->p, "more than %u strings: refused", LDR_SHEET_MAX_CELLS);
			return;
		}
		ldr_grow((void **)&x->strings, &x->capstrings, x->nstrings + 1, sizeof(*x->strings));
		x->strings[x->nstrings++] = ldr_strndup(s->text.s ? s->text.s : "", s->text.len);
	}
}

static void XMLCALL sst_text(void *ud, const XML_Char *t, int len)
{
	struct strings *s = ud;

	if (!s->in_t)
		return;
	if (s->text.len + (size_t)len > LDR_SHEET_MAX_TEXT)
		fail(&s->p, "a string longer than %u bytes: refused", LDR_SHEET_MAX_TEXT);
	else
		ldr_buf_add(&s->text, t, (size_t)len);
}

/* ---- styles: which are dates ------------------------------------------------- */

struct styles {
	struct part p;
	int in_xfs;
	unsigned *date_fmt; /* custom number formats that show dates */
	size_t ndate_fmt;
};

/* Whether a number format's code shows a date: it has d, m or y outside
 * quotes, brackets and escapes (and is not only a time). */
static int date_code(const char *code)
{
	int quoted = 0, date = 0;
	const char *p;

	for (p = code; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*p == '\\' && p[1])
			p++;
		else if (*p == '[')
			p += strcspn(p, "]") - (p[strcspn(p, "]")] ? 0 : 1);
		else if (strchr("dDyY", *p) || (strchr("mM", *p) && date))
			date = 1;
	}
	return date;
}

static int builtin_date(unsigned id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static void XMLCALL styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct styles *s = ud;
	struct xlsx *x = s->p.x;
	const char *n = local(name), *id = attr(atts, "numFmtId");
	unsigned fmt = id ? (unsigned)strtoul(id, NULL, 10) : 0;
	size_t i;
	int date;

	if (!strcmp(n, "cellXfs")) {
		s->in_xfs = 1;
	} else if (!strcmp(n, "numFmt") && id && date_code(attr(atts, "formatCode") ? attr(atts, "formatCode") : "")) {
		s->date_fmt = ldr_realloc(s->date_fmt, (s->ndate_fmt + 1) * sizeof(*s->date_fmt));
		s->date_fmt[s->ndate_fmt++] = fmt;
	} else if (!strcmp(n, "xf") && s->in_xfs) {
		date = builtin_date(fmt);
		for (i = 0; i < s->ndate_fmt; i++)
			date |= s->date_fmt[i] == fmt;
		x->date_style = ldr_realloc(x->date_style, x->nstyles + 1);
		x->date_style[x->nstyles++] = (unsigned char)date;
	}
}

static void XMLCALL styles_end(void *ud, const XML_Char *name)
{
	struct styles *s = ud;
	if (!strcmp(local(name), "cellXfs"))
		s->in_xfs = 0;
}

/* ---- a sheet ---------------------------------------------------------------------- */

struct sheet_read {
	struct part p;
	struct ldr_sheet *s;
	unsigned row, col;     /* of the cell being read */
	unsigned next_row;
	char type[12];         /* its t attribute */
	int style, formula, in_v, in_t;
	struct ldr_buf v;
};

/* "C7" -> row 6, col 2; 0, or -1 when it is not a cell reference. */
static int parse_ref(const char *ref, unsigned *row, unsigned *col)
{
	unsigned c = 0, r = 0;
	const char *p = ref;

	while (*p >= 'A' && *p <= 'Z' && c < 100000)
		c = c * 26 + (unsigned)(*p++ - 'A' + 1);
	while (*p >= '0' && *p <= '9' && r < 100000000)
		r = r * 10 + (unsigned)(*p++ - '0');
	if (!c || !r || (*p && *p != ':'))
		return -1;
	*row = r - 1;
	*col = c - 1;
	return 0;
}

static void start_cell(struct sheet_read *r, const char **atts)
{
	const char *ref = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");

	if (!ref || parse_ref(ref, &r->row, &r->col) < 0)
		r->col = r->s->n && r->s->cells[r->s->n - 1].row == r->row ? r->s->cells[r->s->n - 1].col + 1 : 0;
	snprintf(r->type, sizeof(r->type), "%s", t ? t : "n");
	r->style = s ? atoi(s) : 0;
	r->formula = 0;
	ldr_buf_reset(&r->v);
}

static void start_row(struct sheet_read *r, const char **atts)
{
	const char *n = attr(atts, "r"), *h = attr(atts, "hidden");
	struct ldr_sheet *s = r->s;

	r->row = n ? (unsigned)strtoul(n, NULL, 10) - 1 : r->next_row;
	r->next_row = r->row + 1;
	if (h && (!strcmp(h, "1") || !strcmp(h, "true")) && r->row < LDR_SHEET_MAX_CELLS) {
		if (r->row >= s->nhidden_rows) {
			s->hidden_rows = ldr_realloc(s->hidden_rows, r->row + 1);
			memset(s->hidden_rows + s->nhidden_rows, 0, r->row + 1 - s->nhidden_rows);
			s->nhidden_rows = r->row + 1;
		}
		s->hidden_rows[r->row] = 1;
	}
}

static void merge(struct sheet_read *r, const char *ref)
{
	struct ldr_merge m;
	const char *colon = ref ? strchr(ref, ':') : NULL;
	struct ldr_sheet *s = r->s;

	if (!colon || parse_ref(ref, &m.row0, &m.col0) < 0 || parse_ref(colon + 1, &m.row1, &m.col1) < 0)
		return;
	s->merges = ldr_realloc(s->merges, (s->nmerges + 1) * sizeof(*s->merges));
	s->merges[s->nmerges++] = m;
}

static void XMLCALL sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sheet_read *r = ud;
	const char *n = local(name);

	if (!strcmp(n, "row"))
		start_row(r, atts);
	else if (!strcmp(n, "c"))
		start_cell(r, atts);
	else if (!strcmp(n, "v"))
		r->in_v = 1;
	else if (!strcmp(n, "t"))
		r->in_t = 1;
	else if (!strcmp(n, "f"))
		r->formula = 1;
	else if (!strcmp(n, "mergeCell"))
		merge(r, attr(atts, "ref"));
}

/* A serial day number as a date: "2016-07-01". In the 1900 system day 1 is
 * 1900-01-01 and day 60 is 1900-02-29, which never was (Lotus's bug, kept
 * by Excel); in the 1904 system day 0 is 1904-01-01. */
static void serial_date(char *buf, size_t len, double serial, int date1904)
{
	long n, z, era, doe, yoe, doy, mp, d, m;

	/* Days since 1899-12-30, then since 1970-01-01 (within years 0-9999). */
	serial = serial < 0 ? 0 : serial > 2958465 ? 2958465 : serial;
	n = (long)serial; /* not negative: truncation is floor */
	n = date1904 ? n + 1462 : n < 61 ? n + 1 : n;
	z = n - 25569 + 719468;
	/* Howard Hinnant's civil_from_days. */
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, len, "%04d-%02d-%02d", (int)(yoe + era * 400 + (m <= 2)) % 100000, (int)m % 100,
		 (int)d % 100);
}

static void end_cell(struct sheet_read *r)
{
	struct xlsx *x = r->p.x;
	const char *v = r->v.s ? r->v.s : "";
	enum ldr_cell_type type = LDR_CELL_TEXT;
	char date[48];
	struct ldr_cell *c;

	if (!strcmp(r->type, "s")) {
		unsigned long i = strtoul(v, NULL, 10);
		if (!r->v.len || i >= x->nstrings) {
			fail(&r->p, "a cell names shared string %s, which is not there", v);
			return;
		}
		v = x->strings[i];
	} else if (!strcmp(r->type, "b")) {
		type = LDR_CELL_BOOL;
		v = strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ? "TRUE" : "FALSE";
	} else if (!strcmp(r->type, "e")) {
		type = LDR_CELL_ERROR;
	} else if (!strcmp(r->type, "n") && r->v.len) {
		type = LDR_CELL_NUMBER;
		if (r->style >= 0 && (size_t)r->style < x->nstyles && x->date_style[r->style]) {
			serial_date(date, sizeof(date), strtod(v, NULL), x->date1904);
			v = date, type = LDR_CELL_DATE;
		}
	} else if (!strcmp(r->type, "d")) {
		type = LDR_CELL_DATE;
	}
	if (!*v)
		return;
	if (++x->cells > LDR_SHEET_MAX_CELLS) {
		fail(&r->p, "more than %u cells: refused", LDR_SHEET_MAX_CELLS);
		return;
	}
	c = ldr_sheet_add(r->s, r->row, r->col, type, v, strlen(v));
	c->formula = r->formula;
	x->formulas += (unsigned)r->formula;
}

static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
	struct sheet_read *r = ud;
	const char *n = local(name);

	if (!strcmp(n, "c"))
		end_cell(r);
	else if (!strcmp(n, "v"))
		r->in_v = 0;
	else if (!strcmp(n, "t"))
		r->in_t = 0;
}

static void XMLCALL sheet_text(void *ud, const XML_Char *t, int len)
{
	struct sheet_read *r = ud;

	if (!r->in_v && !r->in_t)
		return;
	if (r->v.len + (size_t)len > LDR_SHEET_MAX_TEXT)
		fail(&r->p, "a cell longer than %u bytes: refused", LDR_SHEET_MAX_TEXT);
	else
		ldr_buf_add(&r->v, t, (size_t)len);
}

/* ---- a sheet's notes (comments) -------------------------------------------------- */

/* The comments part of a sheet, from the sheet's relationships. */
struct sheet_rels {
	struct part p;
	struct ldr_buf target;
};

static void XMLCALL sheet_rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sheet_rels *r = ud;
	const char *type = attr(atts, "Type"), *target = attr(atts, "Target");
	size_t n = type ? strlen(type) : 0;

	if (!strcmp(local(name), "Relationship") && target && n >= 9 && !strcmp(type + n - 9, "/comments")) {
		ldr_buf_reset(&r->target);
		ldr_buf_addstr(&r->target, target);
	}
}

/* A relationship's target, relative to the directory of the part dir_of
 * names ("../comments1.xml" from "xl/worksheets/sheet1.xml"), as a part's
 * name in the package. */
static void resolve(struct ldr_buf *out, const char *dir_of, const char *target)
{
	const char *slash = strrchr(dir_of, '/');

	ldr_buf_reset(out);
	if (target[0] == '/') {
		ldr_buf_addstr(out, target + 1);
		return;
	}
	if (slash)
		ldr_buf_add(out, dir_of, (size_t)(slash - dir_of) + 1);
	while (!strncmp(target, "../", 3)) {
		target += 3;
		while (out->len && out->s[out->len - 1] == '/')
			out->s[--out->len] = '\0';
		while (out->len && out->s[out->len - 1] != '/')
			out->s[--out->len] = '\0';
	}
	ldr_buf_addstr(out, target);
}

struct comments {
	struct part p;
	struct ldr_sheet *s;
	unsigned row, col;
	int in_comment, in_t, in_phonetic;
	struct ldr_buf text;
};

static void XMLCALL comments_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct comments *c = ud;
	const char *n = local(name), *ref = attr(atts, "ref");

	if (!strcmp(n, "comment")) {
		c->in_comment = ref && parse_ref(ref, &c->row, &c->col) == 0;
		ldr_buf_reset(&c->text);
	} else if (!strcmp(n, "rPh")) {
		c->in_phonetic = 1;
	} else if (!strcmp(n, "t")) {
		c->in_t = c->in_comment && !c->in_phonetic;
	}
}

static void XMLCALL comments_end(void *ud, const XML_Char *name)
{
	struct comments *c = ud;
	struct ldr_sheet *s = c->s;
	const char *n = local(name);

	if (!strcmp(n, "t")) {
		c->in_t = 0;
	} else if (!strcmp(n, "rPh")) {
		c->in_phonetic = 0;
	} else if (!strcmp(n, "comment") && c->in_comment) {
		c->in_comment = 0;
		if (++c->p.x->cells > LDR_SHEET_MAX_CELLS) {
			fail(&c->p, "more than %u cells and notes: refused", LDR_SHEET_MAX_CELLS);
			return;
		}
		s->notes = ldr_realloc(s->notes, (s->nnotes + 1) * sizeof(*s->notes));
		s->notes[s->nnotes].row = c->row;
		s->notes[s->nnotes].col = c->col;
		s->notes[s->nnotes++].text = ldr_strndup(c->text.s ? c->text.s : "", c->text.len);
	}
}

static void XMLCALL comments_text(void *ud, const XML_Char *t, int len)
{
	struct comments *c = ud;

	if (!c->in_t)
		return;
	if (c->text.len + (size_t)len > LDR_SHEET_MAX_TEXT)
		fail(&c->p, "a note longer than %u bytes: refused", LDR_SHEET_MAX_TEXT);
	else
		ldr_buf_add(&c->text, t, (size_t)len);
}

static int note_by_place(const void *a, const void *b)
{
	const struct ldr_note *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

/* The notes on the cells of the sheet in part, if it has any. */
static int read_notes(struct xlsx *x, struct ldr_sheet *s, const char *part)
{
	struct sheet_rels r;
	struct comments c;
	struct ldr_buf rels = LDR_BUF_INIT, target = LDR_BUF_INIT;
	const char *slash = strrchr(part, '/');
	int rc;

	memset(&r, 0, sizeof(r));
	memset(&c, 0, sizeof(c));
	c.s = s;
	if (slash)
		ldr_buf_add(&rels, part, (size_t)(slash - part) + 1);
	ldr_buf_addf(&rels, "_rels/%s.rels", slash ? slash + 1 : part);
	rc = read_part(x, rels.s, 0, sheet_rels_start, ignore_end, ignore_text, &r.p);
	if (rc == 0 && r.target.len) {
		resolve(&target, part, r.target.s);
		rc = read_part(x, target.s, 0, comments_start, comments_end, comments_text, &c.p);
	}
	if (s->nnotes)
		qsort(s->notes, s->nnotes, sizeof(*s->notes), note_by_place);
	ldr_buf_release(&rels);
	ldr_buf_release(&target);
	ldr_buf_release(&r.target);
	ldr_buf_release(&c.text);
	return rc < 0 ? -1 : 0;
}

/* ---- the document's properties --------------------------------------------------- */

struct props {
	struct part p;
	struct ldr_workbook *wb;
	char **into; /* the property being read */
	struct ldr_buf text;
};

static void XMLCALL props_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct props *p = ud;
	const char *n = local(name);

	(void)atts;
	p->into = !strcmp(n, "title") ? &p->wb->title : !strcmp(n, "subject") ? &p->wb->subject
		: !strcmp(n, "description") ? &p->wb->description : NULL;
	ldr_buf_reset(&p->text);
}

static void XMLCALL props_end(void *ud, const XML_Char *name)
{
	struct props *p = ud;

	(void)name;
	if (p->into && p->text.len && !*p->into)
		*p->into = ldr_strndup(p->text.s, p->text.len);
	p->into = NULL;
}

static void XMLCALL props_text(void *ud, const XML_Char *t, int len)
{
	struct props *p = ud;

	if (!p->into)
		return;
	if (p->text.len + (size_t)len > LDR_SHEET_MAX_TEXT)
		fail(&p->p, "a property longer than %u bytes: refused", LDR_SHEET_MAX_TEXT);
	else
		ldr_buf_add(&p->text, t, (size_t)len);
}

static int read_props(struct xlsx *x, struct ldr_workbook *wb)
{
	struct props p;
	int rc;

	memset(&p, 0, sizeof(p));
	p.wb = wb;
	rc = read_part(x, "docProps/core.xml", 0, props_start, props_end, props_text, &p.p);
	ldr_buf_release(&p.text);
	return rc < 0 ? -1 : 0;
}

static int by_place(const void *a, const void *b)
{
	const struct ldr_cell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

static int read_sheet(struct xlsx *x, struct ldr_sheet *s, const char *part)
{
	struct sheet_read r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.s = s;
	rc = read_part(x, part, 1, sheet_start, sheet_end, sheet_text, &r.p);
	ldr_buf_release(&r.v);
	if (s->n)
		qsort(s->cells, s->n, sizeof(*s->cells), by_place);
	return rc < 0 ? rc : read_notes(x, s, part);
}

/* ---- the whole -------------------------------------------------------------------- */

/* Bytes that are not a zip: say what they are, if it can be told. */
static void not_a_zip(struct xlsx *x, const unsigned char *head, size_t n, zip_error_t *ze)
{
	static const char enc[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o";
	size_t i;

	if (n >= 8 && !memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
		for (i = 0; i + sizeof(enc) - 1 <= n; i++)
			if (!memcmp(head + i, enc, sizeof(enc) - 1)) {
				ldr_buf_addf(x->err, "%s: the workbook is protected by a password: open it, remove the "
					     "password and save it again\n", x->path);
				return;
			}
		ldr_buf_addf(x->err, "%s: an old .xls workbook (Excel 97-2003): open it and save it as .xlsx\n",
			     x->path);
		return;
	}
	ldr_buf_addf(x->err, "%s: not an .xlsx workbook: %s\n", x->path, zip_error_strerror(ze));
}

static int read_book(struct xlsx *x, struct ldr_workbook *wb, const char *only)
{
	struct book b;
	struct strings s;
	struct styles st;
	size_t i;
	int rc = -1;

	memset(&b, 0, sizeof(b));
	memset(&s, 0, sizeof(s));
	memset(&st, 0, sizeof(st));
	b.wb = wb;
	if (read_part(x, "xl/workbook.xml", 1, book_start, ignore_end, ignore_text, &b.p) < 0 ||
	    read_part(x, "xl/_rels/workbook.xml.rels", 1, rels_start, ignore_end, ignore_text, &b.p) < 0 ||
	    read_part(x, "xl/sharedStrings.xml", 0, sst_start, sst_end, sst_text, &s.p) < 0 ||
	    read_part(x, "xl/styles.xml", 0, styles_start, styles_end, ignore_text, &st.p) < 0 ||
	    read_props(x, wb) < 0)
		goto out;
	if (only && !ldr_workbook_sheet(wb, only)) {
		ldr_buf_addf(x->err, "%s: no sheet '%s' (the sheets:", x->path, only);
		for (i = 0; i < wb->n; i++)
			ldr_buf_addf(x->err, "%s '%s'", i ? "," : "", wb->sheets[i].name);
		ldr_buf_addstr(x->err, ")\n");
		goto out;
	}
	rc = 0;
	for (i = 0; i < wb->n && rc == 0; i++) {
		const char *part = target_of(&b, b.rids[i]);
		if (only && strcmp(only, wb->sheets[i].name))
			continue;
		if (!part) {
			ldr_buf_addf(x->err, "%s: sheet '%s' has no part in the workbook\n", x->path, wb->sheets[i].name);
			rc = -1;
		} else {
			rc = read_sheet(x, &wb->sheets[i], part);
		}
	}
out:
	for (i = 0; i < wb->n; i++)
		free(b.rids ? b.rids[i] : NULL);
	free(b.rids);
	ldr_buf_release(&b.targets);
	ldr_buf_release(&s.text);
	free(st.date_fmt);
	return rc;
}

/* Read the workbook in src (which is freed); head holds its first bytes,
 * to say what it is when it is not a zip. */
static int read_source(struct ldr_workbook *wb, const char *path, zip_source_t *src, const unsigned char *head,
		       size_t nhead, const char *only, struct ldr_buf *err)
{
	struct xlsx x;
	zip_error_t ze;
	size_t i;
	int rc;

	memset(wb, 0, sizeof(*wb));
	memset(&x, 0, sizeof(x));
	wb->path = ldr_strdup(path);
	x.path = path;
	x.err = err;
	zip_error_init(&ze);
	if (!src || !(x.zip = zip_open_from_source(src, ZIP_RDONLY, &ze))) {
		not_a_zip(&x, head, nhead, &ze);
		zip_error_fini(&ze);
		zip_source_free(src);
		return -1;
	}
	zip_error_fini(&ze);
	rc = read_book(&x, wb, only);
	wb->formulas = x.formulas;
	zip_discard(x.zip);
	for (i = 0; i < x.nstrings; i++)
		free(x.strings[i]);
	free(x.strings);
	free(x.date_style);
	return rc;
}

int ldr_xlsx_read(struct ldr_workbook *wb, const char *path, const char *only, struct ldr_buf *err)
{
	unsigned char head[4096];
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(head, 1, sizeof(head), f) : 0;
	zip_error_t ze;
	zip_source_t *src;
	struct stat st;

	if (f)
		fclose(f);
	if (!f || stat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
		memset(wb, 0, sizeof(*wb));
		ldr_buf_addf(err, "%s: cannot open: %s\n", path, !f ? strerror(errno) : "not a file");
		return -1;
	}
	zip_error_init(&ze);
	src = zip_source_file_create(path, 0, -1, &ze);
	zip_error_fini(&ze);
	return read_source(wb, path, src, head, n, only, err);
}

int ldr_xlsx_read_mem(struct ldr_workbook *wb, const char *name, const void *data, size_t len, const char *only,
		      struct ldr_buf *err)
{
	zip_error_t ze;
	zip_source_t *src;

	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	zip_error_fini(&ze);
	return read_source(wb, name, src, data, len < 4096 ? len : 4096, only, err);
}
