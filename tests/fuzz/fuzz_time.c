/* Fuzz target: the time parser. Whatever it accepts formats to a canonical
 * form that parses back to the same time; whatever it refuses leaves the
 * output untouched and says why within its buffer. The same for a
 * commitment's date (by, from, tbc), whose word comes back too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/timeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void commitment(const char *s)
{
	char err[160], buf[LDR_TIME_STR_MAX];
	struct ldr_time t = { LDR_TIME_NONE, 0, 0 }, back;

	if (ldr_time_parse(&t, s, LDR_TIME_ANY | LDR_TIME_COMMIT, err, sizeof(err)) == 0) {
		ldr_time_format(&t, buf);
		if (ldr_time_parse(&back, buf, LDR_TIME_ANY | LDR_TIME_COMMIT, err, sizeof(err)) != 0 ||
		    ldr_time_cmp(&t, &back) != 0 || back.kind != t.kind || back.qual != t.qual ||
		    !ldr_time_given(&t)) {
			fprintf(stderr, "'%s' formats as '%s', which does not parse back\n", s, buf);
			abort();
		}
	} else if (ldr_time_given(&t) || strlen(err) >= sizeof(err)) {
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), err[128], buf[LDR_TIME_STR_MAX];
	struct ldr_time t = { LDR_TIME_NONE, 0, 0 }, back;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (ldr_time_parse(&t, s, LDR_TIME_ANY, err, sizeof(err)) == 0) {
		ldr_time_format(&t, buf);
		if (ldr_time_parse(&back, buf, LDR_TIME_ANY, err, sizeof(err)) != 0 ||
		    ldr_time_cmp(&t, &back) != 0 || back.kind != t.kind) {
			fprintf(stderr, "'%s' formats as '%s', which does not parse back\n", s, buf);
			abort();
		}
		if (ldr_time_last(&t) < ldr_time_first(&t))
			abort();
	} else if (t.kind != LDR_TIME_NONE || strlen(err) >= sizeof(err)) {
		abort();
	}
	commitment(s);
	free(s);
	return 0;
}
