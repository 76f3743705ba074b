/* The YAML reader and writer: the only file that uses libyaml.
 *
 * Reading walks libyaml's event stream (not its document API, which takes 13
 * times the memory and links aliases into cycles) and builds our own node
 * tree, enforcing the limits of node.h as it goes: libyaml 0.2.5 has no
 * depth limit and takes quadratic time in nesting depth, so we stop at the
 * first event past LDR_MAX_DEPTH. Anchors, aliases, tags and second
 * documents are refused. libyaml returns 1 for success; nothing outside this
 * file sees that convention. */
#include "node.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* ---- arena ---------------------------------------------------------- */

struct ldr_arena_chunk {
	struct ldr_arena_chunk *next;
	size_t used, size;
	max_align_t data[];
};

#define CHUNK_SIZE (256u << 10)

static void *arena_alloc(struct ldr_arena *a, size_t n, size_t align)
{
	struct ldr_arena_chunk *c = a->head;
	size_t at = c ? (c->used + align - 1) / align * align : 0;

	if (align > 1)
		n = (n + align - 1) / align * align;
	if (!c || at > c->size || c->size - at < n) {
		size_t size = n > CHUNK_SIZE / 4 ? n : CHUNK_SIZE;
		c = ldr_malloc(sizeof(*c) + size);
		c->used = 0;
		c->size = size;
		if (a->head && n > CHUNK_SIZE / 4) {
			/* Keep filling the current chunk: link the big one behind it. */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
		at = 0;
	}
	c->used = at + n;
	return (char *)c->data + at;
}

void *ldr_arena_alloc(struct ldr_arena *a, size_t n)
{
	return arena_alloc(a, n, sizeof(max_align_t));
}

/* What the model's arrays hold; not long double, as max_align_t may be. */
union word {
	void *p;
	long long ll;
	size_t z;
	double d;
};

void *ldr_arena_alloc_words(struct ldr_arena *a, size_t n)
{
	return arena_alloc(a, n, _Alignof(union word));
}

char *ldr_arena_alloc_text(struct ldr_arena *a, size_t n)
{
	return arena_alloc(a, n, 1);
}

/* Where an arena was, to go back to: what it allocated since is freed. */
struct arena_mark {
	struct ldr_arena_chunk *head, *next;
	size_t used;
};

static void arena_mark(const struct ldr_arena *a, struct arena_mark *m)
{
	m->head = a->head;
	m->next = a->head ? a->head->next : NULL;
	m->used = a->head ? a->head->used : 0;
}

/* Free what was allocated since the mark: the chunks pushed in front of
 * the marked one (but the newest of the usual size, kept empty to be
 * filled next, so that a run of marks and rewinds does not allocate a chunk
 * each time), the big ones linked behind it, and its own tail. */
static void arena_rewind(struct ldr_arena *a, const struct arena_mark *m)
{
	struct ldr_arena_chunk *c, *next, *keep = NULL;

	for (c = a->head; c && c != m->head; c = next) {
		next = c->next;
		if (!keep && c->size == CHUNK_SIZE)
			keep = c;
		else
			free(c);
	}
	if (m->head) {
		for (c = m->head->next; c && c != m->next; c = next) {
			next = c->next;
			free(c);
		}
		m->head->next = m->next;
		m->head->used = m->used;
	}
	a->head = m->head;
	if (keep) {
		keep->used = 0;
		keep->next = m->head;
		a->head = keep;
	}
}

void ldr_arena_reset(struct ldr_arena *a)
{
	struct arena_mark none = { NULL, NULL, 0 };
	arena_rewind(a, &none);
}

void ldr_arena_release(struct ldr_arena *a)
{
	while (a->head) {
		struct ldr_arena_chunk *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}

void ldr_doc_release(struct ldr_doc *doc)
{
	ldr_arena_release(&doc->arena);
	memset(doc, 0, sizeof(*doc));
}

int ldr_node_is_null(const struct ldr_node *n)
{
	const char *s;
	if (n->type != LDR_NODE_SCALAR || n->style != LDR_NODE_PLAIN)
		return 0;
	s = n->u.str;
	switch (s[0]) {
	case '\0': return 1;
	case '~': return !s[1];
	case 'n': return strcmp(s, "null") == 0;
	case 'N': return strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
	default: return 0; /* most values: asked of every one */
	}
}

const char *ldr_node_type_name(const struct ldr_node *n)
{
	switch (n->type) {
	case LDR_NODE_MAP: return "a mapping";
	case LDR_NODE_SEQ: return "a list";
	case LDR_NODE_TAKEN: return "a record";
	}
	return ldr_node_is_null(n) ? "nothing" : "a single value";
}

/* ---- positions ------------------------------------------------------ */

/* Walk the text as libyaml counts it: lines and columns of characters from
 * 0, line breaks being LF, CR LF, CR, NEL, LS and PS; a leading byte order
 * mark does not count. */
struct cursor {
	const char *buf;
	size_t len, off;
	unsigned line, col;
};

static void cursor_init(struct cursor *c, const char *buf, size_t len)
{
	c->buf = buf;
	c->len = len;
	c->off = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	c->line = c->col = 0;
}

/* Advance one character; returns its code point (0xFFFD for a bad byte). */
static unsigned cursor_next(struct cursor *c)
{
	unsigned cp = 0xFFFD;
	size_t n = ldr_utf8_decode(c->buf + c->off, c->len - c->off, &cp);

	if (n == 0)
		n = 1, cp = 0xFFFD;
	c->off += n;
	if (cp == '\r' && c->off < c->len && c->buf[c->off] == '\n')
		c->off++, cp = '\n';
	if (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
		c->line++;
		c->col = 0;
	} else {
		c->col++;
	}
	return cp;
}

/* The 1-based line and column of a byte offset. */
static void offset_position(const char *buf, size_t len, size_t off, unsigned *line, unsigned *col)
{
	struct cursor c;
	cursor_init(&c, buf, len);
	while (c.off < off && c.off < len)
		cursor_next(&c);
	*line = c.line + 1;
	*col = c.col + 1;
}

/* The byte at a 0-based libyaml mark, or -1 past the end. */
static int byte_at_mark(const char *buf, size_t len, const yaml_mark_t *m)
{
	struct cursor c;
	cursor_init(&c, buf, len);
	while (c.off < len && (c.line < m->line || (c.line == m->line && c.col < m->column)))
		cursor_next(&c);
	return c.off < len ? (unsigned char)buf[c.off] : -1;
}

/* ---- comments ------------------------------------------------------- */

/* Scalars' spans in document order, so that a '#' outside all of them,
 * after a blank or at the start of a line, is known to begin a comment. */
struct span {
	unsigned l0, c0, l1, c1;
};

static int before(unsigned l, unsigned c, unsigned l2, unsigned c2)
{
	return l < l2 || (l == l2 && c < c2);
}

/* The same, fast, for the common case: a '#' is rare, and where the text
 * has only LF line breaks the line and column of each can be found by
 * counting line feeds and UTF-8 lead bytes. */
static int simple_breaks(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;

	if (memchr(buf, '\r', len))
		return 0;
	/* NEL (C2 85), LS (E2 80 A8) and PS (E2 80 A9) break lines too. */
	while ((p = memchr(p, '\x85', (size_t)(end - p))) != NULL) {
		if ((p > buf && p[-1] == '\xC2'))
			return 0;
		p++;
	}
	for (p = buf; (p = memchr(p, '\xE2', (size_t)(end - p))) != NULL; p++)
		if (end - p >= 3 && p[1] == '\x80' && (p[2] == '\xA8' || p[2] == '\xA9'))
			return 0;
	return 1;
}

static void find_comments(struct ldr_doc *doc, const char *buf, size_t len,
			  const struct span *spans, size_t nspans)
{
	struct cursor c;
	size_t s = 0;
	unsigned prev = '\n';

	if (!memchr(buf, '#', len))
		return;
	if (simple_breaks(buf, len)) {
		const char *p = buf, *end = buf + len, *line_start = buf, *hash;
		unsigned line = 0;
		if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
			p = line_start = buf + 3;
		while ((hash = memchr(p, '#', (size_t)(end - p))) != NULL) {
			const char *q;
			unsigned col = 0;
			for (q = memchr(line_start, '\n', (size_t)(hash - line_start)); q;
			     q = memchr(line_start, '\n', (size_t)(hash - line_start))) {
				line++;
				line_start = q + 1;
			}
			for (q = line_start; q < hash; q++)
				col += ((unsigned char)*q & 0xC0) != 0x80;
			while (s < nspans && !before(line, col, spans[s].l1, spans[s].c1))
				s++;
			p = hash + 1;
			if (s < nspans && !before(line, col, spans[s].l0, spans[s].c0))
				continue; /* inside a scalar */
			if (hash != line_start && hash[-1] != ' ' && hash[-1] != '\t')
				continue;
			if (!doc->comments++) {
				doc->comment_line = line + 1;
				doc->comment_col = col + 1;
			}
			q = memchr(p, '\n', (size_t)(end - p)); /* the rest of the line */
			p = q ? q : end;
		}
		return;
	}
	cursor_init(&c, buf, len);
	while (c.off < len) {
		unsigned line = c.line, col = c.col, cp;

		while (s < nspans && !before(line, col, spans[s].l1, spans[s].c1))
			s++;
		cp = cursor_next(&c);
		if (s < nspans && !before(line, col, spans[s].l0, spans[s].c0)) {
			prev = cp;
			continue; /* inside a scalar */
		}
		if (cp == '#' && (prev == ' ' || prev == '\t' || prev == '\n' || prev == '\r' ||
				  line != c.line || col == 0)) {
			if (!doc->comments++) {
				doc->comment_line = line + 1;
				doc->comment_col = col + 1;
			}
			/* Skip to the end of the line. */
			while (c.off < len && c.line == line)
				cp = cursor_next(&c);
		}
		prev = cp;
	}
}

/* ---- the event loop ------------------------------------------------- */

struct frame {
	size_t base; /* where this container's children start on the stack */
	unsigned char type, style;
	unsigned line, col;
};

struct builder {
	struct ldr_doc *doc;
	struct ldr_diag *diag;
	const char *buf;
	size_t len;
	struct ldr_node *stack;
	size_t n, cap;
	struct frame *frames;
	size_t nframes, fcap;
	size_t nodes;
	struct span *spans;
	size_t nspans, scap;
	/* Items of the top lists handed over as they are read. */
	ldr_yaml_item_fn item_fn;
	void *payload;
	int in_item;
	struct arena_mark item_start;
};

static int fail(struct builder *b, const yaml_mark_t *m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct builder *b, const yaml_mark_t *m, const char *fmt, ...)
{
	struct ldr_buf msg = LDR_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ldr_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	ldr_diag_add(b->diag, LDR_ERROR, (unsigned)m->line + 1, (unsigned)m->column + 1, "%s", msg.s);
	ldr_buf_release(&msg);
	return -1;
}

static int push(struct builder *b, const struct ldr_node *n, const yaml_mark_t *m)
{
	if (++b->nodes > LDR_MAX_NODES)
		return fail(b, m, "too many values: the limit is %u in one file", LDR_MAX_NODES);
	ldr_grow((void **)&b->stack, &b->cap, b->n + 1, sizeof(*b->stack));
	b->stack[b->n++] = *n;
	return 0;
}

/* Refuse what the format never needs: anchors and tags. */
static int plain_node(struct builder *b, const yaml_char_t *anchor, const yaml_char_t *tag,
		      const yaml_mark_t *m)
{
	struct ldr_buf q = LDR_BUF_INIT;
	int r = 0;

	if (anchor) {
		ldr_buf_addquoted(&q, (const char *)anchor, 40);
		r = fail(b, m, "anchor '&%s' is not supported: a roadmap needs no anchors or aliases", q.s);
	} else if (tag) {
		ldr_buf_addquoted(&q, (const char *)tag, 40);
		r = fail(b, m, "tag '%s' is not supported: a roadmap needs no tags", q.s);
	}
	ldr_buf_release(&q);
	return r;
}

/* libyaml has checked that the text is UTF-8; what an escape in a quoted
 * value can still bring in is a control character: C0 but tab and newline,
 * DEL, and C1 (U+0080 to U+009F, encoded C2 80 to C2 9F). */
static int check_scalar_text(struct builder *b, const char *s, size_t n, const yaml_mark_t *m)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	char cp_text[16];

	if (n > LDR_MAX_SCALAR)
		return fail(b, m, "a value of %zu bytes: the limit is 1 MiB", n);
	for (; p < end; p++) {
		unsigned cp;
		if (*p >= 0x20 && *p != 0x7F && *p != 0xC2)
			continue;
		if (*p == '\t' || *p == '\n')
			continue;
		if (*p == 0xC2) {
			if (p + 1 >= end || p[1] >= 0xA0)
				continue;
			cp = p[1];
		} else {
			cp = *p;
		}
		snprintf(cp_text, sizeof(cp_text), "U+%04X", cp);
		return fail(b, m, "control character %s in a value: only tab and newline are allowed",
			    cp_text);
	}
	return 0;
}

static int on_scalar(struct builder *b, const yaml_event_t *ev)
{
	const yaml_mark_t *m = &ev->start_mark;
	struct ldr_node n;
	size_t len = ev->data.scalar.length;
	yaml_scalar_style_t st = ev->data.scalar.style;

	if (plain_node(b, ev->data.scalar.anchor, ev->data.scalar.tag, m) ||
	    check_scalar_text(b, (const char *)ev->data.scalar.value, len, m))
		return -1;
	memset(&n, 0, sizeof(n));
	n.type = LDR_NODE_SCALAR;
	n.style = st == YAML_PLAIN_SCALAR_STYLE ? LDR_NODE_PLAIN
		: st == YAML_LITERAL_SCALAR_STYLE || st == YAML_FOLDED_SCALAR_STYLE ? LDR_NODE_BLOCK
		: LDR_NODE_QUOTED;
	n.line = (unsigned)m->line + 1;
	n.col = (unsigned)m->column + 1;
	n.n = (unsigned)len; /* at most LDR_MAX_SCALAR */
	n.u.str = ldr_arena_alloc_text(&b->doc->arena, len + 1);
	memcpy(n.u.str, ev->data.scalar.value, len);
	n.u.str[len] = '\0';

	/* A '#' in the text inside a scalar is in its value too: only such
	 * scalars can hide a '#' from the search for comments. */
	if (!memchr(n.u.str, '#', len))
		return push(b, &n, m);
	ldr_grow((void **)&b->spans, &b->scap, b->nspans + 1, sizeof(*b->spans));
	b->spans[b->nspans].l0 = (unsigned)m->line + (n.style == LDR_NODE_BLOCK);
	b->spans[b->nspans].c0 = n.style == LDR_NODE_BLOCK ? 0 : (unsigned)m->column;
	b->spans[b->nspans].l1 = (unsigned)ev->end_mark.line;
	b->spans[b->nspans].c1 = (unsigned)ev->end_mark.column;
	b->nspans++;
	return push(b, &n, m);
}

/* Whether a mapping starting now is an item of a list at the top: a list
 * that is the value of a key of the top mapping. */
static int starts_item(const struct builder *b)
{
	const struct frame *top = &b->frames[0], *list = &b->frames[1];
	return top->type == LDR_NODE_MAP && list->type == LDR_NODE_SEQ &&
	       (list->base - top->base) % 2 == 1 && b->stack[list->base - 1].type == LDR_NODE_SCALAR;
}

/* Hand an item of a top list to the caller; if taken, free its nodes and
 * leave a TAKEN node in its place. */
static void hand_over(struct builder *b, struct ldr_node *n)
{
	const struct frame *top = &b->frames[0], *list = &b->frames[1];
	struct ldr_yaml_item it;

	it.top = b->stack + top->base;
	it.ntop = list->base - top->base;
	it.key = &b->stack[list->base - 1];
	it.list_line = list->line;
	it.list_col = list->col;
	it.item = n;
	it.index = b->n - list->base;
	if (!b->item_fn(&it, b->payload))
		return;
	arena_rewind(&b->doc->arena, &b->item_start);
	n->type = LDR_NODE_TAKEN;
	n->n = 0;
	n->u.kids = NULL;
}

static int on_start(struct builder *b, const yaml_event_t *ev, int is_map)
{
	const yaml_mark_t *m = &ev->start_mark;
	struct frame *f;
	const yaml_char_t *anchor = is_map ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
	const yaml_char_t *tag = is_map ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
	int flow = is_map ? ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
			  : ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;

	if (plain_node(b, anchor, tag, m))
		return -1;
	if (b->nframes >= LDR_MAX_DEPTH)
		return fail(b, m, "nesting deeper than %d levels: a roadmap needs about 7", LDR_MAX_DEPTH);
	if (b->item_fn && is_map && b->nframes == 2 && starts_item(b)) {
		b->in_item = 1;
		arena_mark(&b->doc->arena, &b->item_start);
	}
	ldr_grow((void **)&b->frames, &b->fcap, b->nframes + 1, sizeof(*b->frames));
	f = &b->frames[b->nframes++];
	f->base = b->n;
	f->type = is_map ? LDR_NODE_MAP : LDR_NODE_SEQ;
	f->style = flow ? LDR_NODE_FLOW : LDR_NODE_BLOCK;
	f->line = (unsigned)m->line + 1;
	f->col = (unsigned)m->column + 1;
	return 0;
}

static int on_end(struct builder *b, const yaml_event_t *ev)
{
	struct frame *f = &b->frames[--b->nframes];
	struct ldr_node n;
	size_t count = b->n - f->base;

	memset(&n, 0, sizeof(n));
	n.type = f->type;
	n.style = f->style;
	n.line = f->line;
	n.col = f->col;
	n.n = (unsigned)count; /* at most LDR_MAX_NODES */
	if (count) {
		n.u.kids = ldr_arena_alloc(&b->doc->arena, count * sizeof(*n.u.kids));
		memcpy(n.u.kids, b->stack + f->base, count * sizeof(*n.u.kids));
	}
	b->n = f->base;
	if (b->in_item && b->nframes == 2) {
		b->in_item = 0;
		hand_over(b, &n);
	}
	return push(b, &n, &ev->start_mark);
}

static int on_event(struct builder *b, const yaml_event_t *ev, int *docs)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1)
			return fail(b, &ev->start_mark,
				    "a second YAML document: a roadmap file holds one");
		if (ev->data.document_start.tag_directives.start !=
		    ev->data.document_start.tag_directives.end)
			return fail(b, &ev->start_mark, "%%TAG directives are not supported");
		return 0;
	case YAML_ALIAS_EVENT: {
		struct ldr_buf q = LDR_BUF_INIT;
		int r;
		ldr_buf_addquoted(&q, (const char *)ev->data.alias.anchor, 40);
		r = fail(b, &ev->start_mark,
			 "alias '*%s' is not supported: a roadmap needs no anchors or aliases", q.s);
		ldr_buf_release(&q);
		return r;
	}
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(b, ev, 0);
	case YAML_MAPPING_START_EVENT:
		return on_start(b, ev, 1);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return on_end(b, ev);
	default:
		return 0;
	}
}

/* The offset of the first byte that does not begin valid UTF-8, or len. */
static size_t first_invalid_utf8(const char *buf, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned cp;
		size_t n = ldr_utf8_decode(buf + i, len - i, &cp);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}

/* What libyaml's messages most often mean in a hand-edited roadmap. */
static const char *hint_for(const char *problem, const char *context)
{
	static const struct {
		const char *problem, *context, *hint;
	} hints[] = {
		{ "mapping values are not allowed", NULL,
		  "a key indented deeper than the line above allows, or a value holding ': ' "
		  "that needs quotes" },
		{ "did not find expected key", NULL, "is this line indented like the keys beside it?" },
		{ "could not find expected ':'", NULL,
		  "a key without its ':', or a value over several lines that needs quotes" },
		{ "found unexpected end of stream", "quoted scalar", "a quote is not closed" },
		{ "did not find expected ',' or ']'", NULL, "a [list] is not closed" },
		{ "did not find expected ',' or '}'", NULL, "a {mapping} is not closed" },
		{ "cannot start any", NULL, "quote the value (with \x27 or \")" },
		{ "did not find expected '-' indicator", NULL,
		  "is this item indented like the items beside it?" },
	};
	size_t i;

	for (i = 0; i < sizeof(hints) / sizeof(hints[0]); i++)
		if (strstr(problem, hints[i].problem) &&
		    (!hints[i].context || (context && strstr(context, hints[i].context))))
			return hints[i].hint;
	return NULL;
}

static void parser_error(struct builder *b, const yaml_parser_t *p)
{
	unsigned line, col;
	const char *problem = p->problem ? p->problem : "unknown error";

	if (p->error == YAML_MEMORY_ERROR) {
		ldr_diag_add(b->diag, LDR_ERROR, 0, 0, "out of memory while reading YAML");
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		size_t bad = first_invalid_utf8(b->buf, b->len);
		if (bad < b->len && bad <= p->problem_offset) {
			offset_position(b->buf, b->len, bad, &line, &col);
			ldr_diag_add(b->diag, LDR_ERROR, line, col,
				     "invalid UTF-8 (byte 0x%02X): a roadmap is UTF-8 text",
				     (unsigned)(unsigned char)b->buf[bad]);
			return;
		}
		offset_position(b->buf, b->len, p->problem_offset, &line, &col);
		if (p->problem_value == 0)
			ldr_diag_add(b->diag, LDR_ERROR, line, col,
				     "NUL byte in the file: a roadmap is UTF-8 text");
		else
			ldr_diag_add(b->diag, LDR_ERROR, line, col,
				     "control character U+%04X in the file: only tab and newline are allowed",
				     (unsigned)p->problem_value);
		return;
	}
	line = (unsigned)p->problem_mark.line + 1;
	col = (unsigned)p->problem_mark.column + 1;
	if (strstr(problem, "tab") || byte_at_mark(b->buf, b->len, &p->problem_mark) == '\t') {
		ldr_diag_add(b->diag, LDR_ERROR, line, col,
			     "tab character: YAML indents with spaces only");
	} else {
		const char *hint = hint_for(problem, p->context);
		char where[160] = "";
		if (p->context)
			snprintf(where, sizeof(where), " (%s at %u:%u)", p->context,
				 (unsigned)p->context_mark.line + 1, (unsigned)p->context_mark.column + 1);
		ldr_diag_add(b->diag, LDR_ERROR, line, col, "invalid YAML: %s%s%s%s", problem, where,
			     hint ? ": " : "", hint ? hint : "");
	}
}

static int check_encoding(struct ldr_diag *diag, const unsigned char *s, size_t len)
{
	if ((len >= 2 && ((s[0] == 0xFE && s[1] == 0xFF) || (s[0] == 0xFF && s[1] == 0xFE))) ||
	    (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF)) {
		ldr_diag_add(diag, LDR_ERROR, 1, 1,
			     "the file is UTF-16 or UTF-32: ldr reads UTF-8 only "
			     "(convert it with iconv -t UTF-8)");
		return -1;
	}
	return 0;
}

int ldr_yaml_parse(struct ldr_doc *doc, const char *buf, size_t len, struct ldr_diag *diag)
{
	return ldr_yaml_parse_items(doc, buf, len, diag, NULL, NULL);
}

/* The event loop over a parser whose input is set: 0, or -1 with the
 * error in diag (b->buf, when the text is held, places a reader's error). */
static int parse_events(struct builder *b, yaml_parser_t *parser)
{
	yaml_event_t ev;
	int docs = 0, r = 0, done = 0;

	yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING);
	while (!done && r == 0) {
		if (!yaml_parser_parse(parser, &ev)) {
			if (b->buf)
				parser_error(b, parser);
			r = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		r = on_event(b, &ev, &docs);
		yaml_event_delete(&ev);
	}
	if (r == 0) {
		if (b->n == 1)
			b->doc->root = b->stack[0];
		b->doc->empty = b->n == 0 || (b->n == 1 && ldr_node_is_null(&b->doc->root));
		if (b->buf)
			find_comments(b->doc, b->buf, b->len, b->spans, b->nspans);
	}
	free(b->stack);
	free(b->frames);
	free(b->spans);
	return r;
}

static void builder_init(struct builder *b, struct ldr_doc *doc, struct ldr_diag *diag,
			 ldr_yaml_item_fn fn, void *payload)
{
	memset(doc, 0, sizeof(*doc));
	memset(b, 0, sizeof(*b));
	b->item_fn = fn;
	b->payload = payload;
	b->doc = doc;
	b->diag = diag;
}

int ldr_yaml_parse_items(struct ldr_doc *doc, const char *buf, size_t len, struct ldr_diag *diag,
			 ldr_yaml_item_fn fn, void *payload)
{
	yaml_parser_t parser;
	struct builder b;
	int r;

	/* A UTF-8 byte-order mark, as Windows editors write: not part of the
	 * text (libyaml, told the encoding, would take it for content). The
	 * canonical form has none. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		buf += 3, len -= 3;
	builder_init(&b, doc, diag, fn, payload);
	b.buf = buf;
	b.len = len;
	if (len > LDR_MAX_FILE) {
		ldr_diag_add(diag, LDR_ERROR, 0, 0, "the file is too large (%zu bytes): the limit is 64 MiB", len);
		return -1;
	}
	if (check_encoding(diag, (const unsigned char *)buf, len))
		return -1;
	if (!yaml_parser_initialize(&parser)) {
		ldr_diag_add(diag, LDR_ERROR, 0, 0, "out of memory while reading YAML");
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	r = parse_events(&b, &parser);
	yaml_parser_delete(&parser);
	return r;
}

int ldr_yaml_parse_stream(struct ldr_doc *doc, ldr_yaml_read_fn rd, void *rctx, struct ldr_diag *diag,
			  ldr_yaml_item_fn fn, void *payload)
{
	yaml_parser_t parser;
	struct builder b;
	int r;

	builder_init(&b, doc, diag, fn, payload);
	if (!yaml_parser_initialize(&parser))
		return -1;
	yaml_parser_set_input(&parser, rd, rctx);
	r = parse_events(&b, &parser);
	yaml_parser_delete(&parser);
	return r;
}

/* ---- writing -------------------------------------------------------- */

struct ldr_yaml_writer {
	yaml_emitter_t emitter;
	struct ldr_buf *out;
	size_t start;      /* where this document begins in out */
	struct ldr_buf tmp, astral;
	int encoded;       /* a scalar held characters beyond U+FFFF */
	int failed;
};

/* libyaml (0.2) takes every character beyond U+FFFF (an emoji) for one it
 * cannot print: a text holding one came out double-quoted, "\U0001F680"
 * escapes and all, rather than as a literal block. Such characters go to
 * the emitter as three of the private use area, which it prints as they
 * are, and are put back in its output: MARK, then 0xE000 + the high ten
 * bits of (c - 0x10000), then 0xE400 + the low ten; a MARK of the text is
 * written MARK MARK. The output holds no MARK but these. */
#define ASTRAL_MARK 0xF8FFu

/* s, encoded so, in w->astral; NULL when it needs no encoding. */
static const char *astral_encode(struct ldr_yaml_writer *w, const char *s)
{
	size_t i = 0, n = strlen(s), len;
	unsigned cp;
	char u[4];
	int any = 0;

	for (i = 0; i < n; i += len ? len : 1) {
		len = ldr_utf8_decode(s + i, n - i, &cp);
		if (len && (cp > 0xFFFF || cp == ASTRAL_MARK))
			any = 1;
	}
	if (!any)
		return NULL;
	ldr_buf_reset(&w->astral);
	for (i = 0; i < n; i += len ? len : 1) {
		len = ldr_utf8_decode(s + i, n - i, &cp);
		if (!len) {
			ldr_buf_addch(&w->astral, s[i]); /* not UTF-8: the emitter says so */
		} else if (cp == ASTRAL_MARK) {
			ldr_buf_add(&w->astral, u, ldr_utf8_encode(cp, u));
			ldr_buf_add(&w->astral, u, ldr_utf8_encode(cp, u));
		} else if (cp > 0xFFFF) {
			ldr_buf_add(&w->astral, u, ldr_utf8_encode(ASTRAL_MARK, u));
			ldr_buf_add(&w->astral, u, ldr_utf8_encode(0xE000 + ((cp - 0x10000) >> 10), u));
			ldr_buf_add(&w->astral, u, ldr_utf8_encode(0xE400 + ((cp - 0x10000) & 0x3FF), u));
		} else {
			ldr_buf_add(&w->astral, s + i, len);
		}
	}
	w->encoded = 1;
	return w->astral.s;
}

/* Put the characters back in the output, from start on. */
static void astral_decode(struct ldr_buf *out, size_t start)
{
	size_t r = start, o = start, len;
	unsigned cp, hi, lo;
	char u[4];

	while (r < out->len) {
		len = ldr_utf8_decode(out->s + r, out->len - r, &cp);
		if (len != 3 || cp != ASTRAL_MARK) {
			len = len ? len : 1;
			memmove(out->s + o, out->s + r, len);
			o += len, r += len;
			continue;
		}
		r += 3;
		if (ldr_utf8_decode(out->s + r, out->len - r, &hi) == 3 && hi == ASTRAL_MARK) {
			r += 3;
			o += ldr_utf8_encode(ASTRAL_MARK, out->s + o);
		} else if (ldr_utf8_decode(out->s + r, out->len - r, &hi) == 3 && hi >= 0xE000 && hi < 0xE400 &&
			   ldr_utf8_decode(out->s + r + 3, out->len - r - 3, &lo) == 3 && lo >= 0xE400 &&
			   lo < 0xE800) {
			r += 6;
			cp = 0x10000 + ((hi - 0xE000) << 10) + (lo - 0xE400);
			len = ldr_utf8_encode(cp, u); /* 4 bytes, from 9: fits where they were */
			memcpy(out->s + o, u, len);
			o += len;
		} else {
			o += ldr_utf8_encode(ASTRAL_MARK, out->s + o); /* never written so */
		}
	}
	out->len = o;
	out->s[o] = '\0';
}

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	struct ldr_yaml_writer *w = data;
	ldr_buf_add(w->out, buffer, size);
	return 1;
}

static int emit(struct ldr_yaml_writer *w, yaml_event_t *ev, int initialised)
{
	if (w->failed)
		return -1;
	if (!initialised || !yaml_emitter_emit(&w->emitter, ev)) {
		w->failed = 1;
		return -1;
	}
	return 0;
}

struct ldr_yaml_writer *ldr_yw_new(struct ldr_buf *out)
{
	struct ldr_yaml_writer *w = ldr_calloc(1, sizeof(*w));
	yaml_event_t ev;

	w->out = out;
	w->start = out->len;
	if (!yaml_emitter_initialize(&w->emitter)) {
		free(w);
		return NULL;
	}
	yaml_emitter_set_output(&w->emitter, write_handler, w);
	yaml_emitter_set_width(&w->emitter, -1);
	yaml_emitter_set_indent(&w->emitter, 2);
	yaml_emitter_set_unicode(&w->emitter, 1);
	yaml_emitter_set_break(&w->emitter, YAML_LN_BREAK);
	emit(w, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	return w;
}

int ldr_yw_map_start(struct ldr_yaml_writer *w)
{
	yaml_event_t ev;
	return emit(w, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
								YAML_BLOCK_MAPPING_STYLE));
}

int ldr_yw_map_end(struct ldr_yaml_writer *w)
{
	yaml_event_t ev;
	return emit(w, &ev, yaml_mapping_end_event_initialize(&ev));
}

int ldr_yw_seq_start(struct ldr_yaml_writer *w, int flow)
{
	yaml_event_t ev;
	return emit(w, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
}

int ldr_yw_seq_end(struct ldr_yaml_writer *w)
{
	yaml_event_t ev;
	return emit(w, &ev, yaml_sequence_end_event_initialize(&ev));
}

static int all_in(const char *s, const char *set)
{
	for (; *s; s++)
		if (!strchr(set, *s))
			return 0;
	return 1;
}

int ldr_yaml_plain_is_special(const char *s)
{
	static const char *const words[] = {
		"", "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no",
		"No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON",
		"off", "Off", "OFF", ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf",
		"+.Inf", "+.INF", ".nan", ".NaN", ".NAN", "<<", "=",
	};
	const char *p = s;
	size_t i;

	/* Each word begins with one of these (a writer asks for every scalar). */
	if (!*s || strchr("~nNyYtTfFoO.-+<=", *s))
		for (i = 0; i < LDR_ARRAY_SIZE(words); i++)
			if (strcmp(s, words[i]) == 0)
				return 1;
	if (*p == '-' || *p == '+')
		p++;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'o' || p[1] == 'b') && p[2] &&
	    all_in(p + 2, "0123456789abcdefABCDEF_"))
		return 1;
	/* Integers, floats, sexagesimal numbers and YAML 1.1 timestamps. */
	if ((isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1]))) &&
	    all_in(p, "0123456789_.:eE+-"))
		return 1;
	if (strlen(s) >= 8 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3]) &&
	    s[4] == '-' && isdigit((unsigned char)s[5]) && strchr(s + 6, '-') &&
	    all_in(s, "0123456789-:. TtZz+"))
		return 1;
	return 0;
}

int ldr_yw_scalar(struct ldr_yaml_writer *w, const char *s, enum ldr_yw_style style)
{
	yaml_event_t ev;
	yaml_scalar_style_t st = YAML_PLAIN_SCALAR_STYLE;
	const char *text, *enc = astral_encode(w, s);

	s = enc ? enc : s;
	text = s;

	if (style != LDR_YW_PLAIN && ldr_yaml_plain_is_special(s))
		st = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	if (style == LDR_YW_TEXT && strchr(s, '\n')) {
		/* A literal block that keeps its final line break reads best (|
		 * rather than |-); the loader drops that break again. */
		st = YAML_LITERAL_SCALAR_STYLE;
		ldr_buf_reset(&w->tmp);
		ldr_buf_addstr(&w->tmp, s);
		ldr_buf_addch(&w->tmp, '\n');
		text = w->tmp.s;
	}
	return emit(w, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)text,
						       (int)strlen(text), 1, 1, st));
}

int ldr_yw_finish(struct ldr_yaml_writer *w)
{
	yaml_event_t ev;
	emit(w, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(w, &ev, yaml_stream_end_event_initialize(&ev));
	if (!w->failed && !yaml_emitter_flush(&w->emitter))
		w->failed = 1;
	if (!w->failed && w->encoded)
		astral_decode(w->out, w->start);
	return w->failed ? -1 : 0;
}

const char *ldr_yw_error(const struct ldr_yaml_writer *w)
{
	return w->emitter.problem ? w->emitter.problem : "cannot write YAML";
}

void ldr_yw_free(struct ldr_yaml_writer *w)
{
	if (!w)
		return;
	yaml_emitter_delete(&w->emitter);
	ldr_buf_release(&w->tmp);
	ldr_buf_release(&w->astral);
	free(w);
}
