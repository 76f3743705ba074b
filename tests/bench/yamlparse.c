/* The floor for any loader: libyaml's event loop over files, building
 * nothing. 'make bench' measures ldr's load against it.
 *
 *   yamlparse FILE...   prints the number of events */
#include <stdio.h>
#include <yaml.h>

static int parse(const char *path, unsigned long *events)
{
	yaml_parser_t p;
	yaml_event_t ev;
	FILE *f = fopen(path, "rb");
	int done = 0;

	if (!f || !yaml_parser_initialize(&p)) {
		if (f)
			fclose(f);
		return -1;
	}
	yaml_parser_set_input_file(&p, f);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			done = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		++*events;
	}
	yaml_parser_delete(&p);
	fclose(f);
	return done < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	unsigned long events = 0;
	int i;

	for (i = 1; i < argc; i++)
		if (parse(argv[i], &events) < 0) {
			fprintf(stderr, "yamlparse: %s: cannot parse\n", argv[i]);
			return 2;
		}
	printf("%lu\n", events);
	return 0;
}
