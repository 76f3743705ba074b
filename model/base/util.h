/* Small pieces used everywhere: allocation, a growable buffer, safe quoting
 * of untrusted text for messages, and "did you mean" suggestions. */
#ifndef LDR_UTIL_H
#define LDR_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#define LDR_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation that cannot fail: on exhaustion, print and abort. Every size
 * that reaches these is bounded by the loader's limits. */
void *ldr_malloc(size_t n);
void *ldr_calloc(size_t n, size_t size);
void *ldr_realloc(void *p, size_t n);
char *ldr_strdup(const char *s);
char *ldr_strndup(const char *s, size_t n);

/* Grow *v (of *cap elements of size) to hold at least need elements. */
void ldr_grow(void **v, size_t *cap, size_t need, size_t size);

/* A growable NUL-terminated byte buffer. */
struct ldr_buf {
	char *s;
	size_t len, cap;
};
#define LDR_BUF_INIT { NULL, 0, 0 }
void ldr_buf_add(struct ldr_buf *b, const void *data, size_t n);
void ldr_buf_addstr(struct ldr_buf *b, const char *s);
void ldr_buf_addch(struct ldr_buf *b, char c);
void ldr_buf_addf(struct ldr_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ldr_buf_vaddf(struct ldr_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void ldr_buf_reset(struct ldr_buf *b);
void ldr_buf_release(struct ldr_buf *b);
/* Whether two buffers hold the same bytes. */
int ldr_buf_same(const struct ldr_buf *a, const struct ldr_buf *b);
/* Hand the string over (never NULL) and leave the buffer empty. */
char *ldr_buf_detach(struct ldr_buf *b);

/* Append s, quoted for a one-line message: control characters and
 * invalid UTF-8 become \xNN escapes, bidirectional controls \uNNNN (they
 * would reorder what a terminal shows), and text longer than max characters is
 * cut with "...". Roadmap text is untrusted: it goes through here before it
 * reaches a terminal. */
void ldr_buf_addquoted(struct ldr_buf *b, const char *s, size_t max);

/* Text as the file keeps it: blanks at the ends of lines and blank lines at
 * the end removed; NULL when nothing is left. A new string. */
char *ldr_text_normalise(const char *s);

/* Whether a code point is a bidirectional control (U+202A-202E, 2066-2069,
 * 200E, 200F, 061C), which reorders the text a terminal shows. */
int ldr_is_bidi_control(unsigned cp);

/* Length in bytes of the valid UTF-8 sequence at s (1-4), or 0 if the bytes
 * at s are not one; *cp receives the code point. */
size_t ldr_utf8_decode(const char *s, size_t n, unsigned *cp);
/* The UTF-8 bytes of a code point (below 0x110000) into out; their number. */
size_t ldr_utf8_encode(unsigned cp, char out[4]);

/* Edit distance (optimal string alignment), capped: returns cap+1 when the
 * distance is larger than cap. */
unsigned ldr_edit_distance(const char *a, const char *b, unsigned cap);

/* The candidate closest to word, if it is close enough to be what the user
 * meant, else NULL. cands is an array of n strings, or of n structs whose
 * first member is the string when stride is not sizeof(char *). */
const char *ldr_suggest(const char *word, const void *cands, size_t n, size_t stride);

#endif
