/*
 * eco-validate - check documents against their schema and the method's
 * rules, in batch.
 *
 * Files are read and checked on N threads; results come out in the order
 * of the operands.  A worker may run ahead of the printer by a window of
 * files only, so memory stays bounded by a few documents whatever the
 * size of the batch.  What crosses files (unique ids, references) is
 * gathered in a small per-project index and checked at the end.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <getopt.h>
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
	enum cli_format fmt;
	const char *schema_file;
	const char *dir;
} opt = { 0, 0, 0, FMT_TEXTE, NULL, NULL };

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

static void
check_doc(struct job *j, const struct eco_doc *doc)
{
	const struct eco_node *root = doc->root, *kind;
	const struct eco_schema *s = W.generic;

	if (doc->nerr)
		return;		/* the loader said why */
	if (!s) {
		kind = eco_map_get(root, "kind");
		if (!root || root->type != ECO_MAP) {
			eco_diag_add(&j->diags, doc->file, root->line, root->col,
			    ECO_SEV_ERROR, "schema", "%s",
			    _("an eco document is a mapping with kind: and version:"));
			eco_diag_set_path(&j->diags, "/");
			return;
		}
		if (!kind) {
			eco_diag_add(&j->diags, doc->file, root->line, root->col,
			    ECO_SEV_ERROR, "schema", "%s",
			    _("document without « kind: » (which kind of record is it?)"));
			eco_diag_set_path(&j->diags, "/");
			return;
		}
		if (kind->type != ECO_STR ||
		    !(s = eco_schemaset_kind(W.set, kind->s))) {
			eco_diag_add(&j->diags, doc->file, kind->line, kind->col,
			    ECO_SEV_ERROR, "schema", _("unknown kind « %s »"),
			    kind->type == ECO_STR ? kind->s : "?");
			eco_diag_set_path(&j->diags, "/kind");
			return;
		}
	}
	eco_schema_check(s, root, doc->file, &j->diags);
	if (!W.generic && j->index)
		eco_rules_doc(j->index, doc, &j->diags);
}

/*
 * Check one file.  Its ids and references go to an index of its own,
 * merged into its project's by the printer; a file outside any project is
 * checked alone, here, so that this work too runs on every thread.
 */
static void
run_job(struct job *j)
{
	struct eco_reader *r;
	struct eco_doc *doc;

	if (!W.generic && !(j->index = eco_index_new())) {
		eco_diag_sys(&j->diags, j->path, "%s", strerror(ENOMEM));
		return;
	}
	if ((r = eco_reader_open(j->path, &W.lim, &j->diags))) {
		while (eco_reader_next(r, &doc) > 0) {
			j->docs++;
			check_doc(j, doc);
			eco_doc_free(doc);
		}
		eco_reader_close(r);
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
	if (opt.fmt == FMT_JSON)
		cli_print_diags_json(d);
	else
		cli_print_diags(d);
}

struct project {
	char root[PATH_MAX];
	struct eco_index *index;
	char **named;		/* real paths of the files being checked */
	size_t nnamed;
};

static struct project *projects;
static size_t nprojects;

static int
new_project(const char *root)
{
	struct project *p = realloc(projects, (nprojects + 1) * sizeof *p);

	if (!p)
		return -1;
	projects = p;
	p += nprojects;
	memset(p, 0, sizeof *p);
	snprintf(p->root, sizeof p->root, "%s", root);
	if (!(p->index = eco_index_new()))
		return -1;
	if (*root)
		eco_index_project(p->index);
	return (int)nprojects++;
}

/*
 * Project of a file: the one whose root is above its folder, or -1 for
 * a file outside any project, which is checked alone (a batch of plans
 * from many places is not one project).  The file's real path is noted,
 * so that the rest of the project is read for context.
 */
static int
project_of(const char *path)
{
	char dir[PATH_MAX], root[PATH_MAX], real[PATH_MAX], *slash, **v;
	size_t i;
	int g = -1;

	if (strcmp(path, "-") == 0)
		return -1;
	snprintf(dir, sizeof dir, "%s", path);
	if ((slash = strrchr(dir, '/')))
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	if (eco_project_root(dir, root, sizeof root) < 0)
		return -1;
	for (i = 0; i < nprojects && g < 0; i++)
		if (strcmp(projects[i].root, root) == 0)
			g = (int)i;
	if (g < 0 && (g = new_project(root)) < 0)
		return -1;
	if (root[0] && realpath(path, real) &&
	    (v = realloc(projects[g].named, (projects[g].nnamed + 1) * sizeof *v))) {
		projects[g].named = v;
		if ((v[projects[g].nnamed] = strdup(real)))
			projects[g].nnamed++;
	}
	return g;
}

static int
named(const struct project *p, const char *path)
{
	char real[PATH_MAX];
	size_t i;

	if (!realpath(path, real))
		return 0;
	for (i = 0; i < p->nnamed; i++)
		if (strcmp(p->named[i], real) == 0)
			return 1;
	return 0;
}

/* The ids of the project's other files, so references across files
 * resolve when only some files are checked. */
static void
read_context(struct project *p)
{
	struct eco_diags quiet;
	struct eco_reader *r;
	struct eco_doc *doc;
	char *root = p->root, **all, **f;

	eco_diags_init(&quiet);
	all = cli_expand(1, &root, &quiet);
	eco_index_context(p->index);
	for (f = all; f && *f; f++) {
		if (named(p, *f) || !(r = eco_reader_open(*f, &W.lim, &quiet)))
			continue;
		while (eco_reader_next(r, &doc) > 0) {
			eco_rules_doc(p->index, doc, &quiet);
			eco_doc_free(doc);
		}
		eco_reader_close(r);
	}
	cli_free_paths(all);
	eco_diags_free(&quiet);
}

static int
setup_schemas(struct eco_diags *d)
{
	if (!(W.set = eco_schemaset_new())) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return ECO_EXIT_SYS;
	}
	if (opt.schema_file) {
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
	if (eco_schemaset_add_eco(W.set, d) < 0 ||
	    eco_schemaset_resolve(W.set, d) < 0) {
		eco_diag_sys(d, NULL, "%s", _("eco's schemas cannot be read"));
		return ECO_EXIT_SYS;
	}
	return 0;
}

/* Operands, or the project around the current folder. */
static char **
inputs(int argc, char **argv, struct eco_diags *d)
{
	char root[PATH_MAX], rel[PATH_MAX];
	char *one[1];

	if (argc > 0)
		return cli_expand(argc, argv, d);
	if (eco_project_root(".", root, sizeof root) < 0) {
		cli_print_diags(d);
		cli_usage_error(usage, "%s",
		    _("no eco project here (no eco.yaml in this folder or above); "
		    "name files, folders or - for standard input"));
	}
	one[0] = (char *)cli_relative(root, rel, sizeof rel);
	return cli_expand(1, one, d);
}

static void
run_all(void)
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
		if (j->index) {
			eco_index_merge(projects[j->project].index, j->index);
			eco_index_free(j->index);
			j->index = NULL;
		}
		pthread_mutex_lock(&W.mu);
		W.printed = i + 1;
		pthread_cond_broadcast(&W.cv);
		pthread_mutex_unlock(&W.mu);
	}
	for (i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(th);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'o' },
		{ "strict", no_argument, NULL, 's' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "schema", required_argument, NULL, 'S' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct eco_diags d;
	char **paths;
	size_t i, n;
	long np;
	int c, rc;

	cli_init("eco-validate");
	while ((c = getopt_long(argc, argv, "C:hj:o:qV", longopts, NULL)) != -1)
		switch (c) {
		case 'C': opt.dir = optarg; break;
		case 'j': {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*end || v < 1 || v > 256)
				cli_usage_error(usage,
				    _("-j expects a number of threads from 1 to 256, not « %s »"),
				    optarg);
			opt.jobs = (int)v;
			break;
		}
		case 'o':
			opt.fmt = cli_format(optarg, 1u << FMT_TEXTE | 1u << FMT_JSON,
			    usage);
			break;
		case 'q': opt.quiet = 1; break;
		case 's': opt.strict = 1; break;
		case 'S': opt.schema_file = optarg; break;
		case 'h':
			cli_help(usage, "eco-validate regroupements/*/ ; echo $?");
		case 'V':
			cli_version();
		default:
			cli_usage_error(usage, NULL);
		}
	if (opt.dir && chdir(opt.dir) < 0) {
		fprintf(stderr, "%s: %s: %s\n", cli_prog, opt.dir, strerror(errno));
		return ECO_EXIT_SYS;
	}
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
	paths = inputs(argc - optind, argv + optind, &d);
	report(&d);
	for (n = 0; paths && paths[n]; n++)
		;
	if (!(W.jobs = calloc(n ? n : 1, sizeof *W.jobs))) {
		perror(cli_prog);
		return ECO_EXIT_SYS;
	}
	for (i = 0; i < n; i++) {
		W.jobs[i].path = paths[i];
		W.jobs[i].project = W.generic ? -1 : project_of(paths[i]);
		eco_diags_init(&W.jobs[i].diags);
	}
	W.njobs = n;
	run_all();
	for (i = 0; i < nprojects; i++) {
		size_t k;

		if (projects[i].root[0])
			read_context(&projects[i]);
		eco_rules_project(projects[i].index, &d);
		report(&d);
		eco_index_free(projects[i].index);
		for (k = 0; k < projects[i].nnamed; k++)
			free(projects[i].named[k]);
		free(projects[i].named);
	}
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
	cli_free_paths(paths);
	eco_schemaset_free(W.set);
	rc = cli_finish(&d);
	eco_diags_free(&d);
	if (rc == ECO_EXIT_SYS || sys_failed)
		return ECO_EXIT_SYS;
	return nerr ? ECO_EXIT_DATA : ECO_EXIT_OK;
}
