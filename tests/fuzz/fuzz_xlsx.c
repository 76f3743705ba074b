/* Fuzz target: the workbook reader of 'ldr import'. Any bytes either read
 * as a workbook whose cells are where the sheet says (in order, with text)
 * or are refused with a message; never a crash, a leak or a hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../import/sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ldr_workbook wb;
	struct ldr_buf err = LDR_BUF_INIT;
	size_t i, j;

	ldr_sheet_max_xml = 8u << 20; /* a fuzzer's zip bombs stay small */
	if (ldr_xlsx_read_mem(&wb, "fuzz.xlsx", data, size, NULL, &err) == 0) {
		for (i = 0; i < wb.n; i++)
			for (j = 0; j < wb.sheets[i].n; j++) {
				const struct ldr_cell *c = &wb.sheets[i].cells[j];
				if (!c->text || ldr_sheet_cell(&wb.sheets[i], c->row, c->col) == NULL)
					abort();
			}
	} else if (!err.len) {
		abort(); /* refused without a word */
	}
	ldr_workbook_release(&wb);
	ldr_buf_release(&err);
	return 0;
}
