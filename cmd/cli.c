/*
 * cli.c - start-up, diagnostics, operands and the end of every command.
 */
#define _DEFAULT_SOURCE
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

char **
cli_expand(int argc, char **argv, struct eco_diags *d)
{
	static char *in[] = { "-" };

	return argc ? eco_expand(argc, argv, d) : eco_expand(1, in, d);
}

void
cli_free_paths(char **v)
{
	eco_paths_free(v);
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

/* Wrapping text for people. */

/*
 * Length of the unit of text at s: a word, with the French punctuation
 * that a space separates from it (« word », word :, word —) kept on its
 * line.
 */
static size_t
unit(const char *s)
{
	size_t n = strcspn(s, " \t\n"), sp, m;

	for (;;) {
		sp = strspn(s + n, " \t\n");
		m = strcspn(s + n + sp, " \t\n");
		if (!m)
			return n;
		if (!((n >= 2 && memcmp(s + n - 2, "\xc2\xab", 2) == 0 &&
		    (n == 2 || strchr(" \t\n", s[n - 3]))) ||
		    (m == 1 && strchr(":;!?", s[n + sp])) ||
		    (m == 2 && memcmp(s + n + sp, "\xc2\xbb", 2) == 0) ||
		    (m == 3 && memcmp(s + n + sp, "\xe2\x80\x94", 3) == 0)))
			return n;
		n += sp + m;
	}
}

/* Write the n bytes of a unit with single spaces inside. */
static size_t
put_unit(FILE *f, const char *s, size_t n)
{
	size_t i, w = 0;
	int space = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			space = 1;
			continue;
		}
		if (space) {
			fputc(' ', f);
			w++;
		}
		space = 0;
		fputc(s[i], f);
		w += ((unsigned char)s[i] & 0xc0) != 0x80;
	}
	return w;
}

/* Columns the unit takes. */
static size_t
unit_cols(const char *s, size_t n)
{
	size_t i, w = 0;
	int space = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			space = 1;
			continue;
		}
		w += space + (((unsigned char)s[i] & 0xc0) != 0x80);
		space = 0;
	}
	return w;
}

/*
 * Print s unit by unit from column col, breaking before width to a new
 * line that starts with prefix (may be "") and then indent spaces; ends
 * the line.  Line breaks in s are spaces, as in a folded YAML scalar.
 */
void
cli_wrap(FILE *f, const char *s, size_t col, size_t indent, size_t width,
    const char *prefix)
{
	size_t n, w, k;
	int first = 1;

	for (;;) {
		s += strspn(s, " \t\n");
		if (!*s)
			break;
		n = unit(s);
		w = unit_cols(s, n);
		if (!first && col + 1 + w > width && col > indent) {
			fputc('\n', f);
			fputs(prefix, f);
			for (k = 0; k < indent; k++)
				fputc(' ', f);
			col = indent + unit_cols(prefix, strlen(prefix));
		} else if (!first) {
			fputc(' ', f);
			col++;
		}
		col += put_unit(f, s, n);
		s += n;
		first = 0;
	}
	fputc('\n', f);
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
