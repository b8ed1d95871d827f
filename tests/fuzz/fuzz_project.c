/*
 * fuzz_project - libFuzzer target for eco-validate's path over a project.
 *
 * An input is a few YAML files separated by lines that begin with "%%".
 * They are written into the target's folder under $TMPDIR (or /tmp),
 * made once per process, with fixed names: the first part is eco.yaml, the next ones plan.yaml,
 * constats.yaml, priorites.yaml, rencontres/r01.yaml… in the order of
 * names[] below; past the last name, separators are text of the last
 * file.  A separator "%%-" makes the next file one read for context
 * only (as when eco-validate is given some files of a project: the
 * others are read for their ids).  An empty first part writes no
 * eco.yaml: the files are then outside any project and each is checked
 * alone, as eco-validate does.
 *
 * Then the library calls eco-validate makes, on one thread: per checked
 * file, in the order eco_expand lists a folder, eco_input over it and
 * eco_kind_check of each document into the file's index, handed to the
 * project (eco_project_checked); last eco_project_finish, which reads
 * the files not checked for their ids and runs the project rules; a
 * file outside any project gets eco_rules_project alone.  On top of
 * what the sanitizers see: eco_schema_valid must agree with the check,
 * eco_project_root must find the folder from every file's folder, and
 * every diagnostic must be well formed.  Everything is freed and the
 * files removed, so that the next input finds the folder empty; the
 * folder itself stays for the process (an input that crashes leaves it
 * behind, with its files: eco-fuzz-project.XXXXXX).
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eco.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {
	"eco.yaml", "plan.yaml", "constats.yaml", "priorites.yaml",
	"rencontres/r01.yaml", "rencontres/r02.yaml", "suivis/s.yaml",
	"diagnostics/d1.yaml", "diagnostics/d2.yaml", "evaluations/e.yaml",
	"facteurs.yaml", "offre.yaml", "donnees.yaml", "interventions.yaml",
	"communication.yaml",
};
#define NNAMES (sizeof names / sizeof *names)

static const char *const subdirs[] = {
	"rencontres", "suivis", "diagnostics", "evaluations"
};
#define NSUBDIRS (sizeof subdirs / sizeof *subdirs)

static struct eco_limits lim;
static char root[PATH_MAX];		/* the project folder, real path */

/* At a normal exit: the folder is empty but for the subfolders. */
static void
remove_folder(void)
{
	char dir[PATH_MAX + 16];
	size_t i;

	for (i = 0; i < NSUBDIRS; i++) {
		snprintf(dir, sizeof dir, "%s/%s", root, subdirs[i]);
		rmdir(dir);
	}
	rmdir(root);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	char tmpl[PATH_MAX], dir[PATH_MAX + 16];
	struct eco_diags d;
	size_t i;

	(void)argc;
	(void)argv;
	snprintf(tmpl, sizeof tmpl, "%s/eco-fuzz-project.XXXXXX",
	    tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(tmpl) || !realpath(tmpl, root)) {
		perror("fuzz_project: mkdtemp");
		abort();
	}
	for (i = 0; i < NSUBDIRS; i++) {
		snprintf(dir, sizeof dir, "%s/%s", root, subdirs[i]);
		if (mkdir(dir, 0755) < 0)
			abort();
	}
	atexit(remove_folder);
	eco_limits_default(&lim);
	eco_diags_init(&d);
	if (!eco_kind_schema(eco_kind_find("plan"), &d) || d.n) {
		fprintf(stderr, "fuzz_project: eco's schemas cannot be read\n");
		abort();
	}
	eco_diags_free(&d);
	return 0;
}

static void
check_diags(const struct eco_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct eco_diag *g = &d->v[i];

		if (!g->msg || !*g->msg || g->line < 0 || g->col < 0 ||
		    (g->line == 0) != (g->col == 0))
			abort();
	}
}

/* The library's check of one document, with its schema's valid and
 * check compared. */
static void
check_doc(struct eco_index *x, const struct eco_doc *doc,
    struct eco_diags *d)
{
	const struct eco_kind *k = eco_kind_of(doc->root);
	const struct eco_schema *s = eco_kind_schema(k, d);
	struct eco_diags alone;
	size_t n;
	int ok;

	eco_kind_check(doc, x, d);
	if (doc->nerr || !s)
		return;
	ok = eco_schema_valid(s, doc->root);
	eco_diags_init(&alone);
	n = eco_schema_check(s, doc->root, doc->file, &alone);
	if (!alone.oom && !alone.sys && (ok != (n == 0) || alone.nerr != n))
		abort();	/* valid and check disagree */
	eco_diags_free(&alone);
}

struct part {
	const char *p;
	size_t n;
	int ctx;		/* read for context only */
	char path[PATH_MAX];
};

/* Split data at lines beginning with "%%"; returns the number of parts. */
static size_t
split(const char *data, size_t size, struct part *parts)
{
	size_t np = 0, i, start = 0;
	int ctx = 0;

	for (i = 0; i < size && np + 1 < NNAMES; i++) {
		size_t e;

		if ((i > 0 && data[i - 1] != '\n') || i + 1 >= size ||
		    data[i] != '%' || data[i + 1] != '%')
			continue;
		parts[np].p = data + start;
		parts[np].n = i - start;
		parts[np++].ctx = ctx;
		ctx = i + 2 < size && data[i + 2] == '-';
		for (e = i; e < size && data[e] != '\n'; e++)
			;
		start = e < size ? e + 1 : size;
		i = start - 1;
	}
	parts[np].p = data + start;
	parts[np].n = size - start;
	parts[np++].ctx = ctx;
	return np;
}

static int
write_file(const char *path, const char *p, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	ssize_t w;

	if (fd < 0)
		return -1;
	while (n > 0) {
		if ((w = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return close(fd);
}

static int
by_path(const void *a, const void *b)
{
	const struct part *x = *(const struct part *const *)a;
	const struct part *y = *(const struct part *const *)b;

	return strcmp(x->path, y->path);
}

/* One file as a job of eco-validate: run_job, then what done_job does
 * with its index. */
static void
run_job(struct part *f, struct eco_project *project)
{
	char *one[2] = { f->path, NULL };
	struct eco_diags d;
	struct eco_index *x = eco_index_new();
	struct eco_input *in;
	struct eco_doc *doc;

	if (!x)
		return;
	eco_diags_init(&d);
	if ((in = eco_input_open(one, &lim, &d))) {
		while (eco_input_next(in, &doc) > 0) {
			check_doc(x, doc, &d);
			eco_doc_free(doc);
		}
		eco_input_close(in);
	}
	check_diags(&d);
	eco_diags_free(&d);
	eco_diags_init(&d);
	if (project) {
		if (eco_project_checked(project, f->path, x) < 0)
			abort();
	} else
		eco_rules_project(x, &d);	/* a file checked alone */
	check_diags(&d);
	eco_diags_free(&d);
	eco_index_free(x);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct part parts[NNAMES], *jobs[NNAMES];
	char found[PATH_MAX], dir[PATH_MAX];
	struct eco_project *project = NULL;
	struct eco_diags d;
	size_t np, nj = 0, i;
	int in_project;

	np = split((const char *)data, size, parts);
	in_project = parts[0].n > 0;
	for (i = 0; i < np; i++) {
		snprintf(parts[i].path, sizeof parts[i].path, "%s/%s", root,
		    names[i]);
		if (i == 0 && !in_project)
			continue;
		if (write_file(parts[i].path, parts[i].p, parts[i].n) < 0)
			abort();
		if (!in_project)
			parts[i].ctx = 0;
		jobs[nj++] = &parts[i];
	}
	/* eco-validate lists a folder sorted by path. */
	qsort(jobs, nj, sizeof *jobs, by_path);
	eco_diags_init(&d);
	if (in_project && !(project = eco_project_open(root, &d)))
		abort();
	for (i = 0; i < nj; i++) {
		if (in_project) {
			char *slash;

			snprintf(dir, sizeof dir, "%s", jobs[i]->path);
			if ((slash = strrchr(dir, '/')))
				*slash = '\0';
			if (eco_project_root(dir, found, sizeof found) < 0 ||
			    strcmp(found, root) != 0)
				abort();	/* the project is not found */
		}
		if (!jobs[i]->ctx)
			run_job(jobs[i], project);
	}
	if (project) {
		/* the files not checked are read for their ids */
		eco_project_finish(project, &d);
		eco_project_close(project);
	}
	check_diags(&d);
	eco_diags_free(&d);
	for (i = 0; i < np; i++)
		if ((i > 0 || in_project) && unlink(parts[i].path) < 0)
			abort();
	return 0;
}
