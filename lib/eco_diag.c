/*
 * eco_diag.c - the diagnostic list.
 *
 * Every module records what it finds here instead of printing; the
 * commands print the list with one printer and derive the exit status.
 * When memory runs out while recording, the list keeps counting and
 * remembers that something was lost (oom), which is itself exit 3.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

void
eco_diags_init(struct eco_diags *d)
{
	memset(d, 0, sizeof *d);
}

void
eco_diags_clear(struct eco_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
		free(d->v[i].path);
	}
	d->n = 0;
}

/* Whether a comes after b: by file, line, then column. */
static int
after(const struct eco_diag *a, const struct eco_diag *b)
{
	int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");

	return c ? c > 0 : a->line != b->line ? a->line > b->line :
	    a->col > b->col;
}

void
eco_diags_sort(struct eco_diags *d)
{
	struct eco_diag g;
	size_t i, j;

	/* insertion: stable, and the lists are short */
	for (i = 1; i < d->n; i++) {
		g = d->v[i];
		for (j = i; j > 0 && after(&d->v[j - 1], &g); j--)
			d->v[j] = d->v[j - 1];
		d->v[j] = g;
	}
}

void
eco_diags_free(struct eco_diags *d)
{
	eco_diags_clear(d);
	free(d->v);
	d->v = NULL;
	d->cap = 0;
}

static char *
vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	char *s;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static void
add(struct eco_diags *d, const char *file, int line, int col,
    enum eco_sev sev, int sys, const char *check, const char *fmt, va_list ap)
{
	struct eco_diag *g;

	if (sev == ECO_SEV_ERROR)
		d->nerr++;
	else if (sev == ECO_SEV_WARNING)
		d->nwarn++;
	if (sys)
		d->sys = 1;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct eco_diag *v = realloc(d->v, cap * sizeof *v);

		if (!v) {
			d->oom = 1;
			return;
		}
		d->v = v;
		d->cap = cap;
	}
	g = &d->v[d->n];
	g->file = file ? strdup(file) : NULL;
	g->msg = vformat(fmt, ap);
	if ((file && !g->file) || !g->msg) {
		free(g->file);
		free(g->msg);
		d->oom = 1;
		return;
	}
	g->path = NULL;
	g->line = line;
	g->col = col;
	g->sev = sev;
	g->sys = sys;
	g->check = check;
	d->n++;
}

void
eco_diag_vadd(struct eco_diags *d, const char *file, int line, int col,
    enum eco_sev sev, const char *check, const char *fmt, va_list ap)
{
	add(d, file, line, col, sev, 0, check, fmt, ap);
}

void
eco_diag_add(struct eco_diags *d, const char *file, int line, int col,
    enum eco_sev sev, const char *check, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, file, line, col, sev, 0, check, fmt, ap);
	va_end(ap);
}

void
eco_diag_sys(struct eco_diags *d, const char *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, file, 0, 0, ECO_SEV_ERROR, 1, NULL, fmt, ap);
	va_end(ap);
}

void
eco_diag_set_path(struct eco_diags *d, const char *path)
{
	struct eco_diag *g;

	if (d->n == 0 || !path)
		return;
	g = &d->v[d->n - 1];
	free(g->path);
	if (!(g->path = strdup(path)))
		d->oom = 1;
}

void
eco_diag_copy(struct eco_diags *d, const struct eco_diag *g)
{
	size_t n = d->n;

	if (g->sys)
		eco_diag_sys(d, g->file, "%s", g->msg);
	else
		eco_diag_add(d, g->file, g->line, g->col, g->sev, g->check, "%s",
		    g->msg);
	if (g->path && d->n > n)
		eco_diag_set_path(d, g->path);
}

void
eco_diags_append(struct eco_diags *d, const struct eco_diags *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		eco_diag_copy(d, &from->v[i]);
	d->oom |= from->oom;
}

int
eco_diags_status(const struct eco_diags *d)
{
	if (d->sys || d->oom)
		return ECO_EXIT_SYS;
	if (d->nerr)
		return ECO_EXIT_DATA;
	return ECO_EXIT_OK;
}

const char *
eco_sev_name(enum eco_sev s)
{
	switch (s) {
	case ECO_SEV_ERROR: return _("error");
	case ECO_SEV_WARNING: return _("warning");
	case ECO_SEV_NOTE: return _("note");
	}
	return "?";
}

size_t
eco_diags_copy(const struct eco_diags *d, const char *name, int errors,
    int (*skip)(const struct eco_diag *, const void *), const void *arg,
    struct eco_diags *out)
{
	size_t i, errs = 0;

	for (i = 0; i < d->n; i++) {
		const struct eco_diag *x = &d->v[i];

		if ((name && x->file && strcmp(x->file, name) != 0) ||
		    (errors && x->sev != ECO_SEV_ERROR) || (skip && skip(x, arg)))
			continue;
		eco_diag_add(out, x->file, x->line, x->col, x->sev, x->check,
		    "%s", x->msg);
		errs += x->sev == ECO_SEV_ERROR;
	}
	return errs;
}
