/* Sessions and their lock (session.h). */
#include "session.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../base/path.h"
#include "../base/write.h"

/* ---- who and where ----------------------------------------------------------- */

static void this_host(char *out, size_t len)
{
	char name[256] = "";
	size_t i, n = 0;

	if (gethostname(name, sizeof(name) - 1) < 0 || !name[0])
		snprintf(name, sizeof(name), "localhost");
	name[sizeof(name) - 1] = '\0';
	/* It names files: nothing but what is safe in a name. */
	for (i = 0; name[i] && n + 1 < len; i++) {
		char c = name[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			 c == '.' || c == '-' || c == '_';
		out[n++] = ok ? c : '_';
	}
	out[n] = '\0';
}

void ldr_session_self(struct ldr_session *s)
{
	const struct passwd *pw = getpwuid(geteuid());

	memset(s, 0, sizeof(*s));
	s->pid = (long)getpid();
	this_host(s->host, sizeof(s->host));
	if (pw && pw->pw_name)
		snprintf(s->user, sizeof(s->user), "%.*s", (int)sizeof(s->user) - 1, pw->pw_name);
	else
		snprintf(s->user, sizeof(s->user), "%ld", (long)geteuid());
	s->since = (long long)time(NULL);
}

int ldr_session_same(const struct ldr_session *a, const struct ldr_session *b)
{
	return a->pid == b->pid && a->since == b->since && !strcmp(a->host, b->host);
}

/* A line of a small file under /proc, whole; "" when it cannot be read. */
static void read_small(const char *path, char *out, size_t len)
{
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(out, 1, len - 1, f) : 0;
	out[n] = '\0';
	if (f)
		fclose(f);
}

/* When the process pid began, in seconds since the epoch; -1 when this
 * system does not say (no /proc). */
static long long process_start(long pid)
{
	char path[64], stat[1024], boot[4096];
	const char *p, *b;
	unsigned long long ticks;
	long hz = sysconf(_SC_CLK_TCK);
	int i;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	read_small(path, stat, sizeof(stat));
	read_small("/proc/stat", boot, sizeof(boot));
	p = strrchr(stat, ')'); /* after the command's name, which may hold anything */
	b = strstr(boot, "\nbtime ");
	if (!p || !b || hz <= 0)
		return -1;
	/* The fields after the name begin with the 3rd: the start, the 22nd,
	 * follows the 20th space. */
	for (i = 0; i < 20 && p; i++)
		p = strchr(p + 1, ' ');
	if (!p || sscanf(p, " %llu", &ticks) != 1)
		return -1;
	return atoll(b + 7) + (long long)(ticks / (unsigned long long)hz);
}

int ldr_session_running(const struct ldr_session *s)
{
	char host[LDR_SESSION_HOST_MAX];
	long long start;

	this_host(host, sizeof(host));
	if (strcmp(s->host, host) != 0)
		return 1; /* another host's processes cannot be seen from here */
	if (s->pid <= 0 || (kill((pid_t)s->pid, 0) < 0 && errno == ESRCH))
		return 0;
	/* The pid is there: the session's own process, or one given its pid
	 * since (begun after the session was; a second for rounding). */
	start = process_start(s->pid);
	return start < 0 || start <= s->since + 1;
}

/* ---- tags ------------------------------------------------------------------ */

void ldr_session_tag(const struct ldr_session *s, struct ldr_buf *b)
{
	ldr_buf_addf(b, "%ld-%lld@%s", s->pid, s->since, s->host);
}

/* Digits from *p to *p + n (at least one): their value, or -1. */
static long long number(const char **p, const char *end)
{
	long long v = 0;
	const char *s = *p;
	while (*p < end && **p >= '0' && **p <= '9' && v < 1000000000000LL)
		v = v * 10 + (*(*p)++ - '0');
	return *p > s ? v : -1;
}

int ldr_session_parse_tag(struct ldr_session *s, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	long long pid, since;
	size_t i, hlen;

	memset(s, 0, sizeof(*s));
	if ((pid = number(&p, end)) <= 0 || p >= end || *p++ != '-' ||
	    (since = number(&p, end)) < 0 || p >= end || *p++ != '@')
		return -1;
	hlen = (size_t)(end - p);
	if (!hlen || hlen >= sizeof(s->host))
		return -1;
	for (i = 0; i < hlen; i++)
		if (p[i] == '/' || p[i] == '\0')
			return -1;
	memcpy(s->host, p, hlen);
	s->pid = (long)pid;
	s->since = since;
	return 0;
}

/* ---- the lock file ----------------------------------------------------------- */

int ldr_session_read(const char *path, struct ldr_session *s, struct ldr_buf *err)
{
	char text[1024], key[16], value[256];
	const char *line;
	FILE *f = fopen(path, "r");
	size_t n;

	memset(s, 0, sizeof(*s));
	if (!f) {
		ldr_buf_addf(err, "cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	for (line = text; *line; line += strcspn(line, "\n") + (line[strcspn(line, "\n")] != '\0')) {
		if (sscanf(line, "%15s %255[^\n]", key, value) != 2)
			continue;
		if (!strcmp(key, "pid"))
			s->pid = atol(value);
		else if (!strcmp(key, "since"))
			s->since = atoll(value);
		else if (!strcmp(key, "host"))
			snprintf(s->host, sizeof(s->host), "%.*s", (int)sizeof(s->host) - 1, value);
		else if (!strcmp(key, "user"))
			snprintf(s->user, sizeof(s->user), "%.*s", (int)sizeof(s->user) - 1, value);
	}
	if (s->pid <= 0 || !s->host[0]) {
		ldr_buf_addf(err, "'%s' is not a session lock", path);
		return -1;
	}
	return 0;
}

static int write_lock(const char *path, const struct ldr_session *self, struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	int r;

	ldr_buf_addf(&text, "pid %ld\nhost %s\nuser %s\nsince %lld\n", self->pid, self->host, self->user,
		     self->since);
	r = ldr_write_file(path, text.s, text.len, err);
	ldr_buf_release(&text);
	return r;
}

/* Hold the directory of path (flock), so that the lock's takers take
 * turns; -1 with err when it cannot be opened. */
static int hold_dir(const char *path, struct ldr_buf *err)
{
	char *dir = ldr_path_dir(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		ldr_buf_addf(err, "cannot open '%s': %s", dir, strerror(errno));
	else
		while (flock(fd, LOCK_EX) < 0 && errno == EINTR)
			;
	free(dir);
	return fd;
}

int ldr_session_lock(const char *path, const struct ldr_session *self, struct ldr_session *other,
		     struct ldr_buf *err)
{
	struct ldr_buf why = LDR_BUF_INIT;
	int fd = hold_dir(path, err), r;

	if (fd < 0)
		return LDR_E_IO;
	if (ldr_session_read(path, other, &why) == 0 && !ldr_session_same(other, self) &&
	    ldr_session_running(other))
		r = 1;
	else
		r = write_lock(path, self, err);
	close(fd); /* and the flock with it */
	ldr_buf_release(&why);
	return r;
}

int ldr_session_take(const char *path, const struct ldr_session *self, struct ldr_buf *err)
{
	int fd = hold_dir(path, err), r;

	if (fd < 0)
		return LDR_E_IO;
	r = write_lock(path, self, err);
	close(fd);
	return r;
}

void ldr_session_unlock(const char *path, const struct ldr_session *self)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_session s;
	int fd = hold_dir(path, &err);

	if (fd >= 0 && ldr_session_read(path, &s, &err) == 0 && ldr_session_same(&s, self))
		unlink(path);
	if (fd >= 0)
		close(fd);
	ldr_buf_release(&err);
}

/* ---- the files of sessions that ended ---------------------------------------------- */

static int by_time(const void *a, const void *b)
{
	const struct ldr_ended *x = a, *y = b;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return strcmp(x->tag, y->tag);
}

/* Whether name is BASE SUFFIX or BASE.TAG SUFFIX of a session that ended;
 * the tag (maybe "") in *e. */
static int ended_name(const char *name, const char *base, const char *suffix, struct ldr_ended *e)
{
	size_t bl = strlen(base), sl = strlen(suffix), nl = strlen(name);

	memset(e, 0, sizeof(*e));
	if (nl < bl + sl || strncmp(name, base, bl) != 0 || strcmp(name + nl - sl, suffix) != 0)
		return 0;
	if (nl == bl + sl) {
		e->tag = ldr_strdup("");
		return 1;
	}
	if (name[bl] != '.' || ldr_session_parse_tag(&e->s, name + bl + 1, nl - sl - bl - 1) < 0 ||
	    ldr_session_running(&e->s))
		return 0;
	e->tag = ldr_strndup(name + bl + 1, nl - sl - bl - 1);
	return 1;
}

int ldr_session_ended(const char *dir, const char *base, const char *suffix, struct ldr_ended **v,
		      size_t *n, struct ldr_buf *err)
{
	DIR *d = opendir(dir);
	const struct dirent *de;
	size_t cap = 0;

	*v = NULL;
	*n = 0;
	if (!d) {
		if (errno == ENOENT)
			return 0;
		ldr_buf_addf(err, "cannot read '%s': %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		struct ldr_ended e;
		struct stat st;
		char *path;
		if (!ended_name(de->d_name, base, suffix, &e))
			continue;
		path = ldr_path_join(dir, de->d_name);
		e.time = stat(path, &st) == 0 ? (long long)st.st_mtime : 0;
		free(path);
		ldr_grow((void **)v, &cap, *n + 1, sizeof(**v));
		(*v)[(*n)++] = e;
	}
	closedir(d);
	if (*n > 1)
		qsort(*v, *n, sizeof(**v), by_time);
	return 0;
}

void ldr_ended_free(struct ldr_ended *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(v[i].tag);
	free(v);
}
