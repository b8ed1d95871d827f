/*
 * cli.c - start-up, diagnostics, operands and the end of every command.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

const char *cli_prog = "eco";

void
cli_init(const char *prog)
{
	const char *dir = getenv("ECO_LOCALEDIR");

	cli_prog = prog;
	setlocale(LC_ALL, "");
	/* Numbers in data are read and written the C way, whatever the
	 * locale: a French LC_NUMERIC would turn strtod's '.' into ','. */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain("eco", dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset("eco", "UTF-8");
	textdomain("eco");
}

struct order {
	size_t group, index;
	const struct eco_diag *g;
};

static int
by_position(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->g->line != y->g->line)
		return x->g->line < y->g->line ? -1 : 1;
	if (x->g->col != y->g->col)
		return x->g->col < y->g->col ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Diagnostics of one file come out in line and column order, whatever
 * order the checks found them in; files keep the order they came in.
 */
static struct order *
sorted(const struct eco_diags *d)
{
	struct order *o = malloc((d->n ? d->n : 1) * sizeof *o);
	size_t i, j;

	if (!o)
		return NULL;
	for (i = 0; i < d->n; i++) {
		o[i].g = &d->v[i];
		o[i].index = i;
		o[i].group = i;
		for (j = 0; j < i; j++)
			if (o[j].group == j && ((!d->v[j].file && !d->v[i].file) ||
			    (d->v[j].file && d->v[i].file &&
			    strcmp(d->v[j].file, d->v[i].file) == 0))) {
				o[i].group = j;
				break;
			}
	}
	qsort(o, d->n, sizeof *o, by_position);
	return o;
}

void
cli_print_diags(struct eco_diags *d)
{
	struct order *o = sorted(d);
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct eco_diag *g = o ? o[i].g : &d->v[i];

		fprintf(stderr, "%s: ", cli_prog);
		if (g->file && g->line > 0)
			fprintf(stderr, "%s:%d:%d: ", g->file, g->line, g->col);
		else if (g->file)
			fprintf(stderr, "%s: ", g->file);
		fprintf(stderr, "%s: %s", eco_sev_name(g->sev), g->msg);
		if (g->check)
			fprintf(stderr, " [%s]", g->check);
		putc('\n', stderr);
	}
	free(o);
	if (d->oom)
		fprintf(stderr, "%s: %s: %s\n", cli_prog,
		    eco_sev_name(ECO_SEV_ERROR), strerror(ENOMEM));
	eco_diags_clear(d);
}

static void
json_field(const char *key, const char *val, int comma)
{
	printf("%s\"%s\":", comma ? "," : "", key);
	if (val)
		eco_json_string(stdout, val, strlen(val));
	else
		fputs("null", stdout);
}

void
cli_print_diags_json(struct eco_diags *d)
{
	static const char *const sev[] = { "error", "warning", "note" };
	struct order *o = sorted(d);
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct eco_diag *g = o ? o[i].g : &d->v[i];

		putchar('{');
		json_field("file", g->file, 0);
		printf(",\"line\":%d,\"column\":%d", g->line, g->col);
		json_field("path", g->path, 1);
		json_field("check", g->check, 1);
		json_field("severity", sev[g->sev], 1);
		json_field("message", g->msg, 1);
		puts("}");
	}
	free(o);
	if (d->oom)
		fprintf(stderr, "%s: %s: %s\n", cli_prog,
		    eco_sev_name(ECO_SEV_ERROR), strerror(ENOMEM));
	eco_diags_clear(d);
}

void
cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		fprintf(stderr, "%s: ", cli_prog);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		putc('\n', stderr);
	}
	fprintf(stderr, _("usage: %s\n"), usage);
	exit(ECO_EXIT_USAGE);
}

int
cli_flush(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return ECO_EXIT_OK;
	fprintf(stderr, "%s: %s: ", cli_prog, eco_sev_name(ECO_SEV_ERROR));
	fprintf(stderr, _("cannot write the output: %s"),
	    strerror(errno ? errno : EIO));
	putc('\n', stderr);
	return ECO_EXIT_SYS;
}

void
cli_help(const char *usage, const char *example)
{
	printf(_("usage: %s\n"), usage);
	printf(_("example: %s\n"), example);
	printf(_("See man %s for more.\n"), cli_prog);
	exit(cli_flush());
}

void
cli_version(void)
{
	printf("%s (eco) %s\n", cli_prog, ECO_VERSION);
	exit(cli_flush());
}

enum cli_format
cli_format(const char *arg, unsigned allowed, const char *usage)
{
	static const char *const names[] = {
		"yaml", "json", "texte", "md", "html", "csv"
	};
	char list[64] = "";
	unsigned i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		if ((allowed & 1u << i) && strcmp(arg, names[i]) == 0)
			return (enum cli_format)i;
	if (strcmp(arg, "text") == 0 && (allowed & 1u << FMT_TEXTE))
		return FMT_TEXTE;
	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (allowed & 1u << i) {
			if (*list)
				strcat(list, ", ");
			strcat(list, names[i]);
		}
	cli_usage_error(usage, _("unknown output format « %s » (expected: %s)"),
	    arg, list);
}

/* Paths collected from operands. */
struct paths {
	char **v;
	size_t n, cap;
	int oom;
};

static void
push(struct paths *p, const char *s)
{
	char *c;

	if (p->n + 1 >= p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		char **v = realloc(p->v, cap * sizeof *v);

		if (!v) {
			p->oom = 1;
			return;
		}
		p->v = v;
		p->cap = cap;
	}
	if (!(c = strdup(s))) {
		p->oom = 1;
		return;
	}
	p->v[p->n++] = c;
	p->v[p->n] = NULL;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_yaml_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static void
walk(struct paths *p, const char *dir, struct eco_diags *d, int depth)
{
	struct dirent *e;
	struct stat st;
	size_t first = p->n;
	DIR *dp;

	if (depth > 64 || !(dp = opendir(dir))) {
		eco_diag_sys(d, dir, "%s", depth > 64 ?
		    _("folders nested too deeply") : strerror(errno));
		return;
	}
	while ((e = readdir(dp))) {
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *path;

		if (e->d_name[0] == '.')
			continue;
		if (!(path = malloc(n))) {
			p->oom = 1;
			break;
		}
		if (strcmp(dir, ".") == 0)
			snprintf(path, n, "%s", e->d_name);
		else
			snprintf(path, n, "%s%s%s", dir,
			    dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			walk(p, path, d, depth + 1);
		else if (is_yaml_name(e->d_name))
			push(p, path);
		free(path);
	}
	closedir(dp);
	/* Sort this folder's files; subfolders were inserted in place. */
	if (p->n > first)
		qsort(p->v + first, p->n - first, sizeof *p->v, cmp);
}

char **
cli_expand(int argc, char **argv, struct eco_diags *d)
{
	struct paths p = { NULL, 0, 0, 0 };
	struct stat st;
	int i;

	if (argc == 0)
		push(&p, "-");
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			size_t before = p.n;

			walk(&p, argv[i], d, 0);
			if (p.n == before)
				eco_diag_add(d, argv[i], 0, 0, ECO_SEV_WARNING,
				    NULL, "%s", _("no YAML file in this folder"));
		} else
			push(&p, argv[i]);
	}
	if (!p.v && !(p.v = calloc(1, sizeof *p.v)))
		p.oom = 1;
	if (p.oom)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	return p.v;
}

void
cli_free_paths(char **v)
{
	char **p;

	if (!v)
		return;
	for (p = v; *p; p++)
		free(*p);
	free(v);
}

int
cli_finish(struct eco_diags *d)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		eco_diag_sys(d, NULL, _("cannot write the output: %s"),
		    strerror(errno ? errno : EIO));
	cli_print_diags(d);
	return eco_diags_status(d);
}

/*
 * A project root above the current folder, as a person would type it:
 * ".", "..", "../.."; any other root is returned as it is.
 */
const char *
cli_relative(const char *root, char *buf, size_t cap)
{
	char cwd[PATH_MAX];
	size_t n = strlen(root), levels = 0;
	const char *p;

	if (!getcwd(cwd, sizeof cwd) || strncmp(cwd, root, n) != 0 ||
	    (cwd[n] != '/' && cwd[n] != '\0') || strcmp(root, "/") == 0)
		return root;
	for (p = cwd + n; *p; p++)
		levels += *p == '/';
	snprintf(buf, cap, "%s", levels ? ".." : ".");
	while (levels-- > 1 && strlen(buf) + 4 < cap)
		strcat(buf, "/..");
	return buf;
}
