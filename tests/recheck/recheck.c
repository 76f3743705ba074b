/* The checks run again after an edit against a full check, over a
 * scripted series of edits (edits.c) of each roadmap given:
 *
 *   recheck [-s STRIDE] [--as-of YYYY-MM] ROADMAP...
 *
 * prints, for each, how many edits were compared; exits 1 at the first
 * difference, described. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edits.h"
#include "../../model/base/diag.h"
#include "../../model/roadmap/file.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/base/util.h"

static int one(const char *path, const struct ldr_check_opts *o, size_t stride)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_roadmap rm;
	struct ldr_diag d;
	long n = -1;

	ldr_diag_init(&d, path);
	if (ldr_file_read(path, &text, &err) < 0 || ldr_roadmap_read(&rm, text.s, text.len, &d) < 0) {
		fprintf(stderr, "recheck: cannot read %s\n", path);
		ldr_diag_release(&d);
		ldr_buf_release(&text);
		ldr_buf_release(&err);
		return 2;
	}
	n = recheck_edits(&rm, o, stride, stderr);
	if (n >= 0)
		printf("recheck: %s: %ld edits, each checked again as a full check does\n", path, n);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	return n < 0;
}

int main(int argc, char **argv)
{
	struct ldr_check_opts o;
	size_t stride = 1;
	int i, rc = 0;

	memset(&o, 0, sizeof(o));
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-s") && i + 1 < argc) {
			stride = (size_t)atol(argv[++i]);
		} else if (!strcmp(argv[i], "--as-of") && i + 1 < argc) {
			int y, m;
			if (sscanf(argv[++i], "%d-%d", &y, &m) == 2)
				o.as_of = ldr_time_month(y, m);
		} else {
			rc |= one(argv[i], &o, stride);
			if (rc)
				break;
		}
	}
	return rc;
}
