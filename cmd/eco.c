/*
 * eco - run eco-TOOL as "eco TOOL", as git runs git-TOOL.
 *
 * The tool is looked for first beside this program (so a build tree or
 * a staged install runs its own tools), then on PATH.  Alone, eco lists
 * the tools it can find, once each, in name order, and inside a project
 * the next step of the cycle, as eco-demarche etat would give it first.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] = "eco [--help | --version] [OUTIL [ARGUMENT]...]";

/* Folder of this program, from /proc or argv[0]; NULL when unknown. */
static char *
self_dir(const char *argv0)
{
	static char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	char *slash;

	if (n > 0)
		buf[n] = '\0';
	else if (strchr(argv0, '/') && strlen(argv0) < sizeof buf)
		strcpy(buf, argv0);
	else
		return NULL;
	if (!(slash = strrchr(buf, '/')))
		return NULL;
	*slash = '\0';
	return buf;
}

static int
executable(const char *dir, const char *name, char *out, size_t cap)
{
	struct stat st;

	if ((size_t)snprintf(out, cap, "%s/%s", dir, name) >= cap)
		return 0;
	return stat(out, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(out, X_OK) == 0;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Inside a project: where the group stands and what to do next. */
static void
next_step(void)
{
	char root[PATH_MAX];
	const struct eco_objective *next[1];
	struct eco_cycle *c;
	struct eco_state *st;
	struct eco_diags d;

	if (eco_project_root(".", root, sizeof root) < 0)
		return;
	eco_diags_init(&d);
	if ((c = eco_cycle_load(&d)) && (st = eco_state_read(c, root, &d))) {
		printf("\n");
		printf(_("Project: %s (%zu of %zu objectives of the cycle done)\n"),
		    root, st->ndone, c->nobjectives);
		if (eco_state_next(st, next, 1) == 1)
			printf(_("Next step: %s\n  $ %s\n"), next[0]->label,
			    next[0]->command);
		eco_state_free(st);
	}
	eco_cycle_free(c);
	eco_diags_free(&d);	/* eco-demarche etat says what went wrong */
}

static int
list_tools(const char *self)
{
	const char *path = getenv("PATH");
	char **list = NULL, *copy, *dir, *save = NULL;
	size_t n = 0, i;

	if (self)
		eco_commands(self, "eco-", &list, &n);
	if (path && (copy = strdup(path))) {
		for (dir = strtok_r(copy, ":", &save); dir;
		    dir = strtok_r(NULL, ":", &save))
			eco_commands(*dir ? dir : ".", "eco-", &list, &n);
		free(copy);
	}
	qsort(list, n, sizeof *list, cmp);
	printf(_("usage: %s\n"), usage);
	printf("%s\n", _("Commands found:"));
	for (i = 0; i < n; i++) {
		printf("  %s\n", list[i]);
		free(list[i]);
	}
	free(list);
	if (n == 0)
		printf("  %s\n", _("(none)"));
	printf("%s\n", _("Each one answers --help; see man eco and man eco.7."));
	next_step();
	return cli_flush();
}

int
main(int argc, char *argv[])
{
	char path[PATH_MAX], name[NAME_MAX + 1];
	const char *self;

	cli_init("eco");
	self = self_dir(argv[0]);
	if (argc < 2)
		return list_tools(self);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		cli_help(usage, "eco cat --kind constat constats.yaml");
	if (strcmp(argv[1], "--version") == 0)
		cli_version();
	if (argv[1][0] == '-')
		cli_usage_error(usage, _("unknown option « %s »"), argv[1]);
	if (strchr(argv[1], '/') ||
	    (size_t)snprintf(name, sizeof name, "eco-%s", argv[1]) >= sizeof name)
		cli_usage_error(usage, _("« %s » is not an eco command"), argv[1]);
	argv[1] = name;
	if (self && executable(self, name, path, sizeof path))
		execv(path, argv + 1);
	execvp(name, argv + 1);
	if (errno == ENOENT)
		cli_usage_error(usage,
		    _("« %s » is not an eco command (run eco alone for the list)"),
		    argv[1] + 4);
	fprintf(stderr, "%s: %s: %s: %s\n", cli_prog, name,
	    eco_sev_name(ECO_SEV_ERROR), strerror(errno));
	return ECO_EXIT_SYS;
}
