/*
 * eco - run eco-TOOL as "eco TOOL", as git runs git-TOOL.
 *
 * The tool is looked for first beside this program (so a build tree or
 * a staged install runs its own tools), then on PATH.  Alone, eco lists
 * the tools it can find, once each, in name order, and inside a project
 * the next step of the cycle, as eco-demarche etat would give it first.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] = "eco [--help | --version] [OUTIL [ARGUMENT]...]";

/* Folder of this program, from /proc or argv[0]; NULL when unknown. */
static const char *self;

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
		else if (st->complete)
			printf(_("Next step: %s\n  $ %s\n"),
			    _("The cycle is over: open the next one, its files kept in historique/."),
			    "eco-demarche nouveau-cycle");
		eco_state_free(st);
	}
	eco_cycle_free(c);
	eco_diags_free(&d);	/* eco-demarche etat says what went wrong */
}

/* The tools beside this program and on PATH, once each, sorted. */
static char **
tools(size_t *n)
{
	const char *path = getenv("PATH");
	char **list = NULL, *copy, *dir, *save = NULL;

	*n = 0;
	if (self)
		eco_commands(self, "eco-", &list, n);
	if (path && (copy = strdup(path))) {
		for (dir = strtok_r(copy, ":", &save); dir;
		    dir = strtok_r(NULL, ":", &save))
			eco_commands(*dir ? dir : ".", "eco-", &list, n);
		free(copy);
	}
	if (list)
		qsort(list, *n, sizeof *list, cmp);
	return list;
}

static int
list_tools(void)
{
	size_t n, i;
	char **list = tools(&n);

	printf(_("usage: %s\n"), usage);
	printf("%s\n", _("Commands found:"));
	for (i = 0; i < n; i++)
		printf("  %s\n", list[i]);
	eco_paths_free(list);
	if (n == 0)
		printf("  %s\n", _("(none)"));
	printf("%s\n", _("Each one answers --help; see man eco and man eco.7."));
	next_step();
	return cli_flush();
}

/* Run eco-TOOL with the arguments that follow TOOL: the one beside
 * this program first (a build tree runs its own tools), else PATH's. */
static int
run(int argc, char **argv)
{
	char path[PATH_MAX], name[NAME_MAX + 1], **here = NULL;
	size_t n = 0, i;

	if (argc == 0)
		return list_tools();
	/* eco __complete [TOOL WORD...] CUR: the tools, else the tool's */
	if (strcmp(argv[0], "__complete") == 0 && argc <= 2) {
		size_t n, i;
		char **list = tools(&n);
		const char *cur = argc == 2 ? argv[1] : "";

		for (i = 0; i < n; i++)
			if (strncmp(list[i], cur, strlen(cur)) == 0 &&
			    (i == 0 || strcmp(list[i], list[i - 1]) != 0))
				printf("%s\n", list[i]);
		eco_paths_free(list);
		return cli_flush();
	}
	if (strcmp(argv[0], "__complete") == 0) {	/* TOOL __complete ... */
		char *t = argv[0];

		argv[0] = argv[1];
		argv[1] = t;
	}
	if (strchr(argv[0], '/') ||
	    (size_t)snprintf(name, sizeof name, "eco-%s", argv[0]) >= sizeof name)
		cli_usage_error(NULL, _("« %s » is not an eco command"), argv[0]);
	if (self)
		eco_commands(self, "eco-", &here, &n);
	for (i = 0; i < n && strcmp(here[i], argv[0]) != 0; i++)
		;
	eco_paths_free(here);
	argv[0] = name;
	if (i < n && (size_t)snprintf(path, sizeof path, "%s/%s", self, name) <
	    sizeof path)
		execv(path, argv);
	execvp(name, argv);
	if (errno == ENOENT)
		cli_usage_error(NULL,
		    _("« %s » is not an eco command (run eco alone for the list)"),
		    name + 4);
	fprintf(stderr, "%s: %s: %s: %s\n", cli_prog, name,
	    eco_sev_name(ECO_SEV_ERROR), strerror(errno));
	return ECO_EXIT_SYS;
}

static const struct cli_cmd cmd = {
	.name = "eco", .usage = usage,
	.example = "eco cat --kind constat constats.yaml",
	.maxops = CLI_MANY, .stop = 1, .run = run,
};

int
main(int argc, char *argv[])
{
	self = self_dir(argv[0]);
	return cli_main(&cmd, argc, argv);
}
