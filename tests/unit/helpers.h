/* Shared by the unit tests: load a roadmap from a string and look at what
 * the loader said. cmocka must be included before this file. */
#ifndef LDR_TEST_HELPERS_H
#define LDR_TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "../../model/base/clock.h"
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

/* No test reads the clock: a test that needs "now" (a lock's age, a
 * commit's date, the month a check is as at) fixes it with
 * ldr_clock_set(test_now), at TEST_NOW, 2016-06-30T12:00:00Z (the date
 * the repository tests commit at, GIT_*_DATE), and gives the files it
 * dates a time of their own with set_mtime. */
#define TEST_NOW 1467288000LL

static inline long long test_now(void)
{
	return TEST_NOW;
}

/* Give path the modification time t (seconds since the epoch). */
static inline int set_mtime(const char *path, long long t)
{
	struct timespec ts[2];
	ts[0].tv_sec = ts[1].tv_sec = (time_t)t;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	return utimensat(AT_FDCWD, path, ts, 0);
}

#endif
