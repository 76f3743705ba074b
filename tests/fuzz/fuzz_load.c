/* Fuzz target: load any bytes as a roadmap; if they load, check them, save
 * them, and load the saved text again: it must load without a complaint and
 * be the same roadmap, and saving it again must give the same bytes. Then
 * a scripted series of edits, each checked again incrementally, must give
 * what a full check gives (tests/recheck/edits.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/rules/check.h"
#include "../../model/base/diag.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/base/util.h"
#include "../recheck/edits.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ldr_roadmap rm, back;
	struct ldr_diag d, d2;
	struct ldr_buf out = LDR_BUF_INIT, out2 = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_findings f;
	struct ldr_check_opts o;

	ldr_diag_init(&d, "fuzz.yaml");
	if (ldr_roadmap_read(&rm, (const char *)data, size, &d) == 0) {
		memset(&o, 0, sizeof(o));
		o.as_of = ldr_time_month(2017, 3);
		ldr_check(&rm, &o, &f);
		ldr_findings_release(&f);
		if (ldr_roadmap_write(&rm, &out, &err) != 0) {
			fprintf(stderr, "a loaded roadmap could not be saved: %s\n", err.s);
			abort();
		}
		ldr_diag_init(&d2, "saved.yaml");
		if (ldr_roadmap_read(&back, out.s, out.len, &d2) != 0 || d2.n) {
			ldr_diag_print(&d2, stderr);
			fprintf(stderr, "the saved text does not load cleanly:\n%s\n", out.s);
			abort();
		}
		if (!ldr_roadmap_equal(&rm, &back)) {
			fprintf(stderr, "the saved roadmap differs from the loaded one:\n%s\n", out.s);
			abort();
		}
		if (ldr_roadmap_write(&back, &out2, &err) != 0 || out.len != out2.len ||
		    memcmp(out.s, out2.s, out.len) != 0) {
			fprintf(stderr, "saving is not idempotent:\n%s\n---\n%s\n", out.s, out2.s);
			abort();
		}
		ldr_roadmap_release(&back);
		ldr_diag_release(&d2);
		/* About a dozen records of each list: enough to reach every
		 * rule, quick enough to fuzz. */
		if (recheck_edits(&rm, &o, rm.capabilities.len / 12 + rm.projects.len / 12 + 1, stderr) < 0)
			abort();
	}
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	ldr_buf_release(&out);
	ldr_buf_release(&out2);
	ldr_buf_release(&err);
	return 0;
}
