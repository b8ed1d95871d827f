/*
 * floor - the floor of make bench: libyaml's event parse alone.
 *
 *     floor FILE|DIR...
 *
 * Reads each file whole into memory, as eco's loader does, and pulls every
 * event out of libyaml's parser (yaml_parser_parse, yaml_event_delete),
 * building nothing.  Folders are walked for .yaml and .yml files.  No
 * validator can read YAML faster than this with libyaml, so every tool of
 * the bench is given as a ratio to it.  Exit 0 when every file parsed.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static size_t nfiles, nbytes, nevents;
static int failed;
static char *buf;
static size_t cap;

static void
parse(const char *path)
{
	yaml_parser_t p;
	yaml_event_t ev;
	size_t len = 0;
	ssize_t r;
	int fd, done = 0;

	if ((fd = open(path, O_RDONLY)) < 0) {
		fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
		failed = 1;
		return;
	}
	for (;;) {
		if (len == cap) {
			size_t c = cap ? cap * 2 : 1 << 20;
			char *nb = realloc(buf, c);

			if (!nb) {
				perror("floor");
				exit(3);
			}
			buf = nb;
			cap = c;
		}
		if ((r = read(fd, buf + len, cap - len)) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
			failed = 1;
			close(fd);
			return;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	if (!yaml_parser_initialize(&p)) {
		perror("floor");
		exit(3);
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "floor: %s:%lu:%lu: %s\n", path,
			    (unsigned long)p.problem_mark.line + 1,
			    (unsigned long)p.problem_mark.column + 1,
			    p.problem ? p.problem : "parse error");
			failed = 1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		nevents++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	nfiles++;
	nbytes += len;
}

static int
is_yaml(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
walk(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, ncap = 0, i;

	if (!d) {
		fprintf(stderr, "floor: %s: %s\n", dir, strerror(errno));
		failed = 1;
		return;
	}
	while ((e = readdir(d))) {
		struct stat st;
		char *path;

		if (e->d_name[0] == '.')
			continue;
		if (!(path = malloc(strlen(dir) + strlen(e->d_name) + 2))) {
			perror("floor");
			exit(3);
		}
		sprintf(path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) < 0 ||
		    (!S_ISDIR(st.st_mode) && !is_yaml(e->d_name))) {
			free(path);
			continue;
		}
		if (n == ncap) {
			ncap = ncap ? ncap * 2 : 256;
			if (!(names = realloc(names, ncap * sizeof *names))) {
				perror("floor");
				exit(3);
			}
		}
		names[n++] = path;
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		struct stat st;

		if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
			walk(names[i]);
		else
			parse(names[i]);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char *argv[])
{
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: floor FILE|DIR...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			walk(argv[i]);
		else
			parse(argv[i]);
	}
	free(buf);
	fprintf(stderr, "floor: %zu files, %zu bytes, %zu events\n", nfiles,
	    nbytes, nevents);
	return failed;
}
