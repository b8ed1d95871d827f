/*
 * eco-validate - check documents against their schema and the method's
 * rules, in batch.
 *
 * Files are read and checked on N threads, each document as the library
 * checks one (eco_kind_check); results come out in the order of the
 * operands.  A worker may run ahead of the printer by a window of files
 * only, so memory stays bounded by a few documents whatever the size of
 * the batch.  What crosses files (unique ids, references) is gathered in
 * its project's index; once a project's last file is printed, the
 * project reads the files it was not given for their ids, runs its
 * rules and is freed, so that many projects in one run take the memory
 * of one.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "eco-validate [-q] [--strict] [-j N] [-o texte|json] [--schema FICHIER] "
    "[-C DOSSIER] [FICHIER|DOSSIER|-]...";

static struct {
	int quiet, strict, jobs;
	const char *schema_file;
} opt;

/* One input file and what checking it produced. */
struct job {
	const char *path;
	int project;			/* index into projects, or -1 */
	struct eco_diags diags;
	struct eco_index *index;
	size_t docs;
	int done;
};

static struct {
	struct eco_schemaset *set;
	const struct eco_schema *generic;	/* --schema */
	struct eco_limits lim;
	struct job *jobs;
	size_t njobs, next, printed;
	size_t window;
	pthread_mutex_t mu;
	pthread_cond_t cv;
} W = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

/*
 * Check one file.  Its ids and references go to an index of its own,
 * merged into its project's by the printer; a file outside any project is
 * checked alone, here, so that this work too runs on every thread.
 */
static void
run_job(struct job *j)
{
	char *one[2] = { (char *)j->path, NULL };
	struct eco_input *in;
	struct eco_doc *doc;

	if (!W.generic && !(j->index = eco_index_new())) {
		eco_diag_sys(&j->diags, j->path, "%s", strerror(ENOMEM));
		return;
	}
	if ((in = eco_input_open(one, &W.lim, &j->diags))) {
		while (eco_input_next(in, &doc) > 0) {
			j->docs++;
			if (!W.generic)
				eco_kind_check(doc, j->index, &j->diags);
			else if (!doc->nerr)	/* else the loader said why */
				eco_schema_check(W.generic, doc->root, doc->file,
				    &j->diags);
			eco_doc_free(doc);
		}
		if (j->index && eco_input_unread(in))
			eco_index_unread(j->index, j->path);
		eco_input_close(in);
	}
	if (j->index && j->project < 0) {
		eco_rules_project(j->index, &j->diags);
		eco_index_free(j->index);
		j->index = NULL;
	}
}

static void *
worker(void *arg)
{
	size_t i;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&W.mu);
		while (W.next < W.njobs && W.next >= W.printed + W.window)
			pthread_cond_wait(&W.cv, &W.mu);
		i = W.next < W.njobs ? W.next++ : SIZE_MAX;
		pthread_mutex_unlock(&W.mu);
		if (i == SIZE_MAX)
			return NULL;
		run_job(&W.jobs[i]);
		pthread_mutex_lock(&W.mu);
		W.jobs[i].done = 1;
		pthread_cond_broadcast(&W.cv);
		pthread_mutex_unlock(&W.mu);
	}
}

/* Output. */

static size_t ndocs, nerr, nwarn;
static int sys_failed;

/* Count and print the diagnostics of one job or of the project checks. */
static void
report(struct eco_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		struct eco_diag *g = &d->v[i];

		if (opt.strict && g->sev == ECO_SEV_WARNING)
			g->sev = ECO_SEV_ERROR;
		if (g->sev == ECO_SEV_ERROR)
			nerr++;
		else if (g->sev == ECO_SEV_WARNING)
			nwarn++;
	}
	if (d->sys || d->oom)
		sys_failed = 1;
	if (cli.format == FMT_JSON)
		cli_print_diags_json(d);
	else
		cli_print_diags(d);
}

/* A project of the batch, open until its last file is printed. */
struct project {
	char root[PATH_MAX];		/* real path */
	struct eco_project *p;
	size_t last;			/* its last job */
};

static struct project *projects;
static size_t nprojects;

/*
 * Project of job i: the one whose root is above its file's folder, or
 * -1 for a file outside any project, which is checked alone (a batch of
 * plans from many places is not one project).
 */
static int
project_of(size_t i, struct eco_diags *d)
{
	char dir[PATH_MAX], root[PATH_MAX], *slash;
	struct project *v;
	size_t k;

	static char lastdir[PATH_MAX];
	static int last = -1;

	if (strcmp(W.jobs[i].path, "-") == 0)
		return -1;
	snprintf(dir, sizeof dir, "%s", W.jobs[i].path);
	if ((slash = strrchr(dir, '/')))
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	/* the files of a folder come together: one search for them all */
	if (last >= 0 && strcmp(dir, lastdir) == 0) {
		projects[last].last = i;
		return last;
	}
	if (eco_project_root(dir, root, sizeof root) < 0)
		return -1;
	snprintf(lastdir, sizeof lastdir, "%s", dir);
	last = -1;
	for (k = 0; k < nprojects; k++)
		if (strcmp(projects[k].root, root) == 0) {
			projects[k].last = i;
			return last = (int)k;
		}
	if (!(v = realloc(projects, (nprojects + 1) * sizeof *v)))
		return -1;
	projects = v;
	v += nprojects;
	snprintf(v->root, sizeof v->root, "%s", root);
	v->last = i;
	if (!(v->p = eco_project_open(root, d)))
		return -1;
	return last = (int)nprojects++;
}

/* --schema: that schema for every document; eco's own are compiled
 * when a document of their kind needs them. */
static int
setup_schemas(struct eco_diags *d)
{
	if (!opt.schema_file)
		return 0;
	if (!(W.set = eco_schemaset_new())) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return ECO_EXIT_SYS;
	}
	/* eco's schemas too, so that a schema may refer to them */
	eco_schemaset_add_meta(W.set, d);
	eco_schemaset_add_eco(W.set, d);
	W.generic = eco_schemaset_load(W.set, opt.schema_file, d);
	if (d->sys)
		return ECO_EXIT_SYS;
	if (!W.generic || eco_schemaset_resolve(W.set, d) < 0) {
		eco_diag_add(d, opt.schema_file, 0, 0, ECO_SEV_ERROR,
		    NULL, "%s", _("this schema cannot be used"));
		return ECO_EXIT_USAGE;
	}
	return 0;
}

/* After job i is printed: its index goes to its project, which is
 * finished when this was its last file. */
static void
done_job(size_t i, struct eco_diags *d)
{
	struct job *j = &W.jobs[i];
	struct project *pr = j->project >= 0 ? &projects[j->project] : NULL;

	if (pr && eco_project_checked(pr->p, j->path, j->index) < 0)
		eco_diag_sys(d, j->path, "%s", strerror(ENOMEM));
	eco_index_free(j->index);
	j->index = NULL;
	if (pr && pr->last == i) {
		eco_project_finish(pr->p, d);
		report(d);
		eco_project_close(pr->p);
		pr->p = NULL;
	}
}

static void
run_all(struct eco_diags *d)
{
	pthread_t *th = NULL;
	size_t i, nth = opt.jobs > 1 ? (size_t)opt.jobs - 1 : 0, started = 0;

	W.window = 4 * (nth + 1);
	if (nth && (th = calloc(nth, sizeof *th)))
		for (started = 0; started < nth; started++)
			if (pthread_create(&th[started], NULL, worker, NULL) != 0)
				break;
	for (i = 0; i < W.njobs; i++) {
		struct job *j = &W.jobs[i];

		if (started == 0) {
			W.next = i + 1;
			run_job(j);
		} else {
			/* While job i is not done, the printer works too: on
			 * the next job nobody has taken, within the window. */
			pthread_mutex_lock(&W.mu);
			while (!j->done) {
				if (W.next < W.njobs &&
				    W.next < W.printed + W.window) {
					struct job *k = &W.jobs[W.next++];

					pthread_mutex_unlock(&W.mu);
					run_job(k);
					pthread_mutex_lock(&W.mu);
					k->done = 1;
					pthread_cond_broadcast(&W.cv);
					continue;
				}
				pthread_cond_wait(&W.cv, &W.mu);
			}
			pthread_mutex_unlock(&W.mu);
		}
		ndocs += j->docs;
		report(&j->diags);
		eco_diags_free(&j->diags);
		done_job(i, d);
		pthread_mutex_lock(&W.mu);
		W.printed = i + 1;
		pthread_cond_broadcast(&W.cv);
		pthread_mutex_unlock(&W.mu);
	}
	for (i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(th);
}

enum { O_QUIET, O_STRICT, O_JOBS, O_SCHEMA };

static void
option(int key, const char *arg)
{
	switch (key) {
	case O_QUIET: opt.quiet = 1; break;
	case O_STRICT: opt.strict = 1; break;
	case O_JOBS: opt.jobs = atoi(arg); break;
	case O_SCHEMA: opt.schema_file = arg; break;
	}
}

static int
run(int argc, char **argv)
{
	struct eco_diags d;
	char **paths;
	size_t i, n;
	long np;
	int rc;

	if (opt.jobs == 0)
		opt.jobs = (np = sysconf(_SC_NPROCESSORS_ONLN)) > 0 ?
		    (np > 64 ? 64 : (int)np) : 1;
	eco_limits_default(&W.lim);
	eco_diags_init(&d);
	if ((rc = setup_schemas(&d)) != 0) {
		cli_print_diags(&d);
		eco_diags_free(&d);
		eco_schemaset_free(W.set);
		return rc;
	}
	paths = cli_inputs(argc, argv, ".", NULL, &d);
	report(&d);
	for (n = 0; paths && paths[n]; n++)
		;
	if (!(W.jobs = calloc(n ? n : 1, sizeof *W.jobs))) {
		perror(cli_prog);
		return ECO_EXIT_SYS;
	}
	for (i = 0; i < n; i++) {
		W.jobs[i].path = paths[i];
		eco_diags_init(&W.jobs[i].diags);
		W.jobs[i].project = W.generic ? -1 : project_of(i, &d);
	}
	W.njobs = n;
	report(&d);
	run_all(&d);
	if (!opt.quiet) {
		fprintf(stderr, ngettext("%zu file", "%zu files", n), n);
		fputs(", ", stderr);
		fprintf(stderr, ngettext("%zu document", "%zu documents", ndocs), ndocs);
		fputs(", ", stderr);
		fprintf(stderr, ngettext("%zu error", "%zu errors", nerr), nerr);
		fputs(", ", stderr);
		fprintf(stderr, ngettext("%zu warning", "%zu warnings", nwarn), nwarn);
		fputc('\n', stderr);
	}
	free(projects);
	free(W.jobs);
	eco_paths_free(paths);
	eco_schemaset_free(W.set);
	rc = cli_finish(&d);
	eco_diags_free(&d);
	if (rc == ECO_EXIT_SYS || sys_failed)
		return ECO_EXIT_SYS;
	return nerr ? ECO_EXIT_DATA : ECO_EXIT_OK;
}

static const struct cli_option options[] = {
	{ .key = O_QUIET, .letter = 'q', .name = "quiet",
	  .help = N_("no count of files, documents, errors and warnings at the end") },
	{ .key = O_STRICT, .name = "strict",
	  .help = N_("warnings count as errors") },
	{ .key = O_JOBS, .letter = 'j', .name = "jobs",
	  .arg = CLI_INT, .metavar = "N", .min = 1, .max = 256,
	  .help = N_("check on N threads (default: one per processor, 64 at most)") },
	{ .key = O_SCHEMA, .name = "schema", .arg = CLI_TEXT, .metavar = "FICHIER",
	  .help = N_("check every document against this JSON Schema instead") },
	{ .name = NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-validate", .usage = usage,
	.example = "eco-validate regroupements/*/ ; echo $?",
	.common = CLI_DOSSIER | CLI_FORMAT,
	.formats = 1u << FMT_TEXTE | 1u << FMT_JSON, .format = FMT_TEXTE,
	.maxops = CLI_MANY, .options = options, .option = option, .run = run,
};

int
main(int argc, char *argv[])
{
	return cli_main(&cmd, argc, argv);
}
