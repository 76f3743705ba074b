/* Fuzz target: the importers of 'ldr import'. Any bytes are read as a
 * workbook (when they begin as a zip does) or as CSV, then imported as
 * each kind, into a new roadmap and into a small one: the import succeeds
 * with a roadmap that saves and loads again (ldr_import checks that it
 * does, and a problem there would be listed), or lists its problems; never
 * a crash, a leak or a hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../import/import.h"
#include "../../model/base/diag.h"
#include "../../model/roadmap/roadmap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char base[] = "ldr: 1\nfootprint: {name: F, start: 16/17, end: 18/19}\n"
			   "groups:\n- {id: mobile, name: Mobile working}\n"
			   "projects:\n- {id: P01, name: MIG, milestones: [{id: P01-M1, what: Live}]}\n"
			   "capabilities:\n- {id: C01, who: GPs, what: Can refer, year: 16/17, group: records}\n"
			   "universal_capabilities:\n- {id: UC04, activities: [{id: UC04-A1, quarter: 16/17 Q1, "
			   "what: Audit, done: false}]}\n"
			   "trajectory:\n- {id: T-a, provider: a, scores: [{group: records, baseline: 1}]}\n";

static void one(const struct ldr_workbook *wb, const char *kind, int fresh, int csv)
{
	struct ldr_roadmap rm;
	struct ldr_import_opts o;
	struct ldr_import_result res;
	struct ldr_diag d;

	memset(&o, 0, sizeof(o));
	memset(&res, 0, sizeof(res));
	o.kind = kind;
	o.source = csv ? "fuzz.csv" : "fuzz.xlsx";
	o.csv = csv;
	o.fresh = fresh;
	ldr_diag_init(&d, "base.yaml");
	if (fresh)
		ldr_import_fresh(&rm);
	else if (ldr_roadmap_read(&rm, base, sizeof(base) - 1, &d) < 0)
		abort();
	if (ldr_import(&rm, wb, &o, &res) < 0 && !res.errors.len)
		abort(); /* refused without a word */
	ldr_import_result_release(&res);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ldr_workbook wb;
	struct ldr_buf err = LDR_BUF_INIT;
	int csv = !(size >= 2 && data[0] == 'P' && data[1] == 'K'), r;
	size_t i;

	ldr_sheet_max_xml = 8u << 20; /* a fuzzer's zip bombs stay small */
	r = csv ? ldr_csv_read(&wb, "fuzz.csv", (const char *)data, size, &err)
		: ldr_xlsx_read_mem(&wb, "fuzz.xlsx", data, size, NULL, &err);
	for (i = 0; r == 0 && i < ldr_import_nkinds; i++) {
		one(&wb, ldr_import_kinds[i].name, 1, csv);
		one(&wb, ldr_import_kinds[i].name, 0, csv);
	}
	ldr_workbook_release(&wb);
	ldr_buf_release(&err);
	return 0;
}
