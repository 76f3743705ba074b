/* ldr aggregate: the national view printed for a terminal or as JSON
 * (aggregate_print.c); the command itself is cmd_aggregate.c. */
#ifndef LDR_CLI_AGGREGATE_H
#define LDR_CLI_AGGREGATE_H

#include <stdio.h>

#include "../model/national/aggregate.h"

/* The tables as text, for a terminal: roadmap text is escaped. */
void cli_aggregate_text(const struct ldr_aggregate *a, FILE *out);

/* The tables as one JSON object, with stable keys. */
void cli_aggregate_json(const struct ldr_aggregate *a, FILE *out);

#endif
