#include "export.h"

#include <string.h>

#include "svgcharts.h"

/* Every export: a kind, the extension it writes, the writer. Keep in the
 * order 'ldr help export' lists them. */
const struct ldr_exporter ldr_exporters[] = {
	{ "gantt", "svg", ldr_export_gantt_svg,
	  "Gantt chart of projects (or --capabilities) by capability group" },
	{ "tubemap", "svg", ldr_export_tubemap_svg,
	  "tube map: a line per capability group, capabilities as stations" },
	{ "trajectory", "svg", ldr_export_trajectory_svg,
	  "Digital Maturity trajectory, a panel per capability group" },
};
const size_t ldr_nexporters = sizeof(ldr_exporters) / sizeof(ldr_exporters[0]);

const struct ldr_exporter *ldr_exporter_find(const char *kind, const char *path)
{
	const char *dot = strrchr(path, '.');
	size_t i;

	if (!dot || strchr(dot, '/'))
		return NULL;
	for (i = 0; i < ldr_nexporters; i++)
		if (strcmp(ldr_exporters[i].kind, kind) == 0 && strcmp(ldr_exporters[i].ext, dot + 1) == 0)
			return &ldr_exporters[i];
	return NULL;
}
