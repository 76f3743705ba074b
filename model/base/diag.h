/* Diagnostics: the errors and warnings found while reading or checking a
 * roadmap, each with its position. Messages follow git's style: lowercase,
 * no full stop, quoted subjects. */
#ifndef LDR_DIAG_H
#define LDR_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum ldr_severity { LDR_ERROR, LDR_WARNING };

struct ldr_msg {
	enum ldr_severity severity;
	unsigned line, col; /* 1-based; 0 when the message is about the whole file */
	char *text;
};

struct ldr_diag {
	char *file; /* the name messages give, e.g. "roadmaps/derbyshire.yaml" */
	struct ldr_msg *v;
	size_t n, cap;
	size_t errors, warnings;
	size_t max_errors; /* stop recording errors past this many (0: no limit) */
};

void ldr_diag_init(struct ldr_diag *d, const char *file);
void ldr_diag_release(struct ldr_diag *d);
void ldr_diag_add(struct ldr_diag *d, enum ldr_severity sev, unsigned line, unsigned col,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Whether more errors would be dropped (the limit is reached). */
int ldr_diag_full(const struct ldr_diag *d);
/* One line per message, in file order: "file:line:col: text" or
 * "file:line:col: warning: text". */
void ldr_diag_print(const struct ldr_diag *d, FILE *out);
/* The same lines, appended to a buffer. */
struct ldr_buf;
void ldr_diag_format(const struct ldr_diag *d, struct ldr_buf *out);

#endif
