/* Run a command and write the CPU time it took (user and system, its
 * children's included, in milliseconds to the microsecond) to FILE: on a
 * machine shared with other work, CPU time varies much less from run to
 * run than the time on the clock does. Then, after a space, the time on
 * the clock (for the few measures that are of it). Exits as the command did.
 *
 *   cputime FILE COMMAND [ARG...] */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double ms(const struct timeval *t)
{
	return (double)t->tv_sec * 1000.0 + (double)t->tv_usec / 1000.0;
}

int main(int argc, char **argv)
{
	struct rusage ru;
	struct timespec t0, t1;
	FILE *out;
	pid_t pid;
	int status;

	if (argc < 3) {
		fprintf(stderr, "usage: cputime FILE COMMAND [ARG...]\n");
		return 64;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("cputime: fork");
		return 71;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0 || getrusage(RUSAGE_CHILDREN, &ru) < 0) {
		perror("cputime");
		return 71;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	out = fopen(argv[1], "w");
	if (!out || fprintf(out, "%.3f %.3f\n", ms(&ru.ru_utime) + ms(&ru.ru_stime),
				(double)(t1.tv_sec - t0.tv_sec) * 1000.0 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6) < 0 || fclose(out)) {
		perror(argv[1]);
		return 74;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
