/* The floor for any loader: libyaml's event loop over a file, building
 * nothing. 'make bench' measures ldr's load against it. */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv)
{
	yaml_parser_t p;
	yaml_event_t ev;
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
	unsigned long events = 0;
	int done = 0;

	if (!f || !yaml_parser_initialize(&p))
		return 2;
	yaml_parser_set_input_file(&p, f);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev))
			return 2;
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		events++;
	}
	yaml_parser_delete(&p);
	fclose(f);
	printf("%lu\n", events);
	return 0;
}
