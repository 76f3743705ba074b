/* A parsed YAML document as a tree of nodes, each with its position. The
 * YAML reader (yaml.c, the only file that sees libyaml) builds it; the
 * loader (load.c) turns it into a roadmap. All nodes and strings live in
 * one arena, freed at once. */
#ifndef LDR_NODE_H
#define LDR_NODE_H

#include <stddef.h>

#include "../base/diag.h"
#include "../base/util.h"

/* Limits against hostile files: each bounds time or memory. */
#define LDR_MAX_FILE (64u << 20)     /* bytes in a file */
#define LDR_MAX_SCALAR (1u << 20)    /* bytes in one value */
#define LDR_MAX_DEPTH 24             /* nested mappings and sequences */
#define LDR_MAX_NODES 4000000u       /* values in a file */

enum ldr_node_type {
	LDR_NODE_SCALAR, LDR_NODE_MAP, LDR_NODE_SEQ,
	LDR_NODE_TAKEN, /* an item handed over while reading (ldr_yaml_item_fn): nothing kept */
};
enum ldr_node_style { LDR_NODE_PLAIN, LDR_NODE_QUOTED, LDR_NODE_BLOCK, LDR_NODE_FLOW };

/* 24 bytes: a large file has millions. */
struct ldr_node {
	unsigned char type, style;
	unsigned line, col; /* 1-based */
	unsigned n;         /* scalar: bytes; map: 2 x pairs (key, value, ...); seq: items
			     * (the limits above keep each within 32 bits) */
	union {
		char *str; /* NUL-terminated, contains no NUL */
		struct ldr_node *kids;
	} u;
};

struct ldr_arena_chunk;
struct ldr_arena {
	struct ldr_arena_chunk *head;
};

struct ldr_doc {
	struct ldr_arena arena;
	struct ldr_node root;
	int empty;          /* no document, or only an empty one */
	unsigned comments;  /* how many comments; the first at: */
	unsigned comment_line, comment_col;
};

/* n bytes aligned for any type; ldr_arena_alloc_words: for pointers,
 * sizes, whole numbers and doubles (the roadmap's arrays), which wastes
 * less; ldr_arena_alloc_text: for text, unaligned. */
void *ldr_arena_alloc(struct ldr_arena *a, size_t n);
void *ldr_arena_alloc_words(struct ldr_arena *a, size_t n);
char *ldr_arena_alloc_text(struct ldr_arena *a, size_t n);
/* Free everything but the first chunk, to be filled again. */
void ldr_arena_reset(struct ldr_arena *a);
void ldr_arena_release(struct ldr_arena *a);

/* Parse buf (len bytes, need not be NUL-terminated) into doc. Returns 0, or
 * -1 with the error recorded in diag. doc must be released either way. */
int ldr_yaml_parse(struct ldr_doc *doc, const char *buf, size_t len, struct ldr_diag *diag);
void ldr_doc_release(struct ldr_doc *doc);

/* An item of a list at the top of the document ('capabilities: [...]'),
 * handed over as soon as it has been read, so that a large file need not be
 * held as a tree all at once. */
struct ldr_yaml_item {
	const struct ldr_node *top; /* the top mapping's keys and values read so far */
	size_t ntop;
	const struct ldr_node *key; /* the list's key in it */
	unsigned list_line, list_col;   /* where the list begins */
	const struct ldr_node *item;    /* the item: a mapping */
	size_t index;                   /* its index in the list */
};
/* Return 1 to take the item (its nodes are freed and an LDR_NODE_TAKEN
 * stands in its place in the tree), 0 to leave it in the tree. */
typedef int (*ldr_yaml_item_fn)(const struct ldr_yaml_item *it, void *payload);

/* ldr_yaml_parse, handing each mapping that is an item of a list at the
 * top to fn as it is read. */
int ldr_yaml_parse_items(struct ldr_doc *doc, const char *buf, size_t len, struct ldr_diag *diag,
			 ldr_yaml_item_fn fn, void *payload);

/* ldr_yaml_parse_items, reading the text from rd as libyaml asks for it,
 * so that it is never held whole: rd returns 1 with up to size bytes put in
 * buf and their count in *n (0 at the end of the text), or 0 to stop. With
 * no text to look at, what only the text can place is not found: rd must
 * stop (failing the parse) on a byte-order mark, a '#' (a comment?) or a
 * CR. Returns 0, or -1 when the parse failed: then diag may hold some of
 * the messages, and the caller reads the text whole and parses it again to
 * have them all, placed (ldr_yaml_parse_items). */
typedef int (*ldr_yaml_read_fn)(void *ctx, unsigned char *buf, size_t size, size_t *n);
int ldr_yaml_parse_stream(struct ldr_doc *doc, ldr_yaml_read_fn rd, void *ctx, struct ldr_diag *diag,
			  ldr_yaml_item_fn fn, void *payload);

/* A plain empty, "~" or "null" scalar: YAML's null. */
int ldr_node_is_null(const struct ldr_node *n);
const char *ldr_node_type_name(const struct ldr_node *n);

/* Writing YAML: a thin layer over libyaml's emitter that produces our
 * canonical style (2-space indentation, no line wrapping, UTF-8 as is). */
enum ldr_yw_style {
	LDR_YW_PLAIN,  /* numbers, times, booleans, keys we own */
	LDR_YW_STRING, /* plain unless a YAML reader would take it for a non-string */
	LDR_YW_TEXT,   /* as STRING; a literal block (|) when it has several lines */
};
struct ldr_yaml_writer;
struct ldr_yaml_writer *ldr_yw_new(struct ldr_buf *out);
int ldr_yw_map_start(struct ldr_yaml_writer *w);
int ldr_yw_map_end(struct ldr_yaml_writer *w);
int ldr_yw_seq_start(struct ldr_yaml_writer *w, int flow);
int ldr_yw_seq_end(struct ldr_yaml_writer *w);
int ldr_yw_scalar(struct ldr_yaml_writer *w, const char *s, enum ldr_yw_style style);
/* End the document and flush; returns 0, or -1 if any call failed. */
int ldr_yw_finish(struct ldr_yaml_writer *w);
const char *ldr_yw_error(const struct ldr_yaml_writer *w);
void ldr_yw_free(struct ldr_yaml_writer *w);

/* Whether a YAML reader would resolve this plain scalar to something other
 * than a string (null, boolean, number, timestamp). */
int ldr_yaml_plain_is_special(const char *s);

/* Decode one value node into a field of rec, exactly as the loader does for
 * a file (the same checks and messages; label names the record, as in
 * "project 'P08'"). The field must be empty. Returns 0, or -1 with the
 * errors in diag. Used to set a field from text given elsewhere. */
struct ldr_kind;
struct ldr_field;
int ldr_field_decode(const struct ldr_kind *k, const struct ldr_field *f, void *rec,
		     const struct ldr_node *value, const char *label, struct ldr_diag *diag);

#endif
