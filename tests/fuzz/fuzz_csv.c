/* Fuzz target: the CSV reader of 'ldr import'. Any bytes are read as rows
 * of fields of valid UTF-8, or refused with a message naming the line and
 * column. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../import/sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ldr_workbook wb;
	struct ldr_buf err = LDR_BUF_INIT;
	size_t j;

	if (ldr_csv_read(&wb, "fuzz.csv", (const char *)data, size, &err) == 0) {
		for (j = 0; j < wb.sheets[0].n; j++) {
			const char *t = wb.sheets[0].cells[j].text;
			size_t n = strlen(t), k = 0;
			unsigned cp;
			while (k < n) {
				size_t len = ldr_utf8_decode(t + k, n - k, &cp);
				if (!len)
					abort(); /* a field that is not UTF-8 was let through */
				k += len;
			}
		}
	} else if (!err.len || !strstr(err.s, "fuzz.csv:")) {
		abort();
	}
	ldr_workbook_release(&wb);
	ldr_buf_release(&err);
	return 0;
}
