/* The time from start to the first screen, as a user sees it: the command
 * runs on a pseudo-terminal of COLSxROWS (TERM=xterm), and the first screen
 * is there when MARKER (text of its last row) has been written to it. Then
 * QUIT is typed, and the command runs to its end. Prints two numbers, in
 * milliseconds on the clock: start to the first screen, start to the end.
 *
 *   firstscreen COLSxROWS MARKER QUIT COMMAND [ARG...]
 *
 * For tests/bench/run.sh: the headless runs (LDR_TUI_KEYS) time the whole
 * run, and the work ldr does after the first screen is drawn (opening the
 * repository) with it. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Whether marker is in the last len bytes seen, kept in a window. */
static int seen(char *win, size_t *n, size_t cap, const char *buf, size_t len, const char *marker)
{
	size_t i;
	for (i = 0; i < len; i++) {
		if (*n == cap - 1) {
			memmove(win, win + cap / 2, *n - cap / 2);
			*n -= cap / 2;
		}
		win[(*n)++] = buf[i];
	}
	win[*n] = '\0';
	return strstr(win, marker) != NULL;
}

int main(int argc, char **argv)
{
	struct winsize ws;
	char buf[4096], win[8192];
	size_t n = 0;
	double t0, first = -1;
	int fd, rows, cols, status;
	pid_t pid;

	if (argc < 5 || sscanf(argv[1], "%dx%d", &cols, &rows) != 2 || strlen(argv[2]) >= sizeof(win) / 4) {
		fprintf(stderr, "usage: firstscreen COLSxROWS MARKER QUIT COMMAND [ARG...]\n");
		return 64;
	}
	memset(&ws, 0, sizeof(ws));
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	t0 = now_ms();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("firstscreen: forkpty");
		return 2;
	}
	if (pid == 0) {
		setenv("TERM", "xterm", 1);
		execvp(argv[4], argv + 4);
		_exit(127);
	}
	for (;;) {
		ssize_t got = read(fd, buf, sizeof(buf));
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break; /* EIO: the command ended, and the terminal with it */
		if (first < 0 && seen(win, &n, sizeof(win), buf, (size_t)got, argv[2])) {
			first = now_ms() - t0;
			if (write(fd, argv[3], strlen(argv[3])) < 0)
				break;
		}
	}
	waitpid(pid, &status, 0);
	close(fd);
	if (first < 0) {
		fprintf(stderr, "firstscreen: '%s' never appeared\n", argv[2]);
		return 1;
	}
	printf("%.3f %.3f\n", first, now_ms() - t0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}
