/* Shared by the unit tests: load a roadmap from a string and look at what
 * the loader said. cmocka must be included before this file. */
#ifndef LDR_TEST_HELPERS_H
#define LDR_TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/base/diag.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/roadmap/schema.h"
#include "../../model/base/util.h"

/* A minimal valid roadmap header, for tests that add to it. */
#define HEAD "ldr: 1\nfootprint:\n  name: Test\n  start: 16/17\n  end: 20/21\n"

static inline int load(const char *yaml, struct ldr_roadmap *rm, struct ldr_diag *d)
{
	ldr_diag_init(d, "t.yaml");
	return ldr_roadmap_read(rm, yaml, strlen(yaml), d);
}

/* Whether the diagnostics hold a message at line:col containing text. */
static inline int said(const struct ldr_diag *d, enum ldr_severity sev, unsigned line, unsigned col,
		       const char *text)
{
	size_t i;
	for (i = 0; i < d->n; i++)
		if (d->v[i].severity == sev && d->v[i].line == line && d->v[i].col == col &&
		    strstr(d->v[i].text, text))
			return 1;
	return 0;
}

static inline void dump(const struct ldr_diag *d)
{
	ldr_diag_print(d, stderr);
}

/* Load yaml, expect it to fail with exactly one error at line:col whose
 * text contains want. */
#define assert_load_error(yaml, line, col, want)                                  \
	do {                                                                      \
		struct ldr_roadmap rm_;                                           \
		struct ldr_diag d_;                                               \
		int r_ = load((yaml), &rm_, &d_);                                 \
		if (r_ != -1 || d_.errors != 1 || !said(&d_, LDR_ERROR, (line), (col), (want))) \
			dump(&d_);                                                \
		assert_int_equal(r_, -1);                                         \
		assert_int_equal(d_.errors, 1);                                   \
		assert_true(said(&d_, LDR_ERROR, (line), (col), (want)));         \
		ldr_roadmap_release(&rm_);                                        \
		ldr_diag_release(&d_);                                            \
	} while (0)

/* Read a file of the project (tests run from the top of the tree). */
static inline char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct ldr_buf b = LDR_BUF_INIT;
	char chunk[65536];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ldr_buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return ldr_buf_detach(&b);
}

#endif
