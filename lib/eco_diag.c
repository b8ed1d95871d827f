/*
 * eco_diag.c - the diagnostic list.
 *
 * Every module records what it finds here instead of printing; the
 * commands print the list with one printer and derive the exit status.
 * When memory runs out while recording, the list keeps counting and
 * remembers that something was lost (oom), which is itself exit 3.
 *
 * Every diagnostic also gets the code of its kind, for scripts: made of
 * its check and its message's msgid, which eco_tr remembers as each
 * message is translated, so that no call site has to name it.
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

/* Messages. */

/* The last messages this thread translated: translation → msgid. */
#define NRECENT 32
static _Thread_local struct {
	const char *tr, *id;
} recent[NRECENT];
static _Thread_local unsigned nrecent;

static const char *
remember(const char *tr, const char *id)
{
	recent[nrecent % NRECENT].tr = tr;
	recent[nrecent % NRECENT].id = id;
	nrecent++;
	return tr;
}

const char *
eco_tr(const char *msgid)
{
	return remember(dgettext(ECO_DOMAIN, msgid), msgid);
}

const char *
eco_trc(const char *key, const char *msgid)
{
	const char *t = dgettext(ECO_DOMAIN, key);

	return remember(t == key ? msgid : t, msgid);
}

const char *
eco_ntr(const char *msgid, const char *plural, unsigned long n)
{
	return remember(dngettext(ECO_DOMAIN, msgid, plural, n), msgid);
}

/* The msgid whose translation is fmt, or NULL. */
static const char *
msgid_of(const char *fmt)
{
	unsigned i;

	for (i = 0; i < NRECENT && i < nrecent; i++) {
		unsigned k = (nrecent - 1 - i) % NRECENT;

		if (recent[k].tr == fmt)
			return recent[k].id;
	}
	return NULL;
}

void
eco_diag_code(const char *check, const char *msgid, char *out, size_t cap)
{
	size_t o, words = 0;
	const char *p;

	if (cap == 0)
		return;
	snprintf(out, cap, "%s", check ? check : "eco");
	o = strlen(out);
	for (p = msgid; p && *p && words < 6; ) {
		if (*p == '%') {	/* a conversion: a value, not a word */
			p++;
			while (*p && strchr("#0- +'.*123456789hlLqjzt", *p))
				p++;
			if (*p)
				p++;
			continue;
		}
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9'))) {
			p++;
			continue;
		}
		if (o + 2 < cap)
			out[o++] = words++ ? '-' : '.';
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9')) {
			if (o + 1 < cap)
				out[o++] = (char)(*p >= 'A' && *p <= 'Z' ?
				    *p - 'A' + 'a' : *p);
			p++;
		}
	}
	out[o < cap ? o : cap - 1] = '\0';
}

/*
 * The msgid of a diagnostic: its format's, or, when the format starts
 * with the text of another message ("%s", "%s (%s, line %d)"), that
 * message's, which says more.
 */
static const char *
diag_msgid(const char *fmt, va_list ap)
{
	const char *id = msgid_of(fmt), *arg, *inner;

	if (strncmp(fmt, "%s", 2) != 0)
		return id;
	arg = va_arg(ap, const char *);
	inner = arg ? msgid_of(arg) : NULL;
	return inner ? inner : id;
}

static void
add(struct eco_diags *d, const char *file, int line, int col,
    enum eco_sev sev, int sys, const char *check, const char *fmt, va_list ap)
{
	struct eco_diag *g;
	char code[sizeof g->code];
	va_list aq;

	va_copy(aq, ap);	/* ap goes on to vformat */
	eco_diag_code(sys && !check ? "systeme" : check, diag_msgid(fmt, aq),
	    code, sizeof code);
	va_end(aq);
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
	memcpy(g->code, code, sizeof code);
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
	if (d->n > n)
		memcpy(d->v[n].code, g->code, sizeof g->code);
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

/* A string node, or null. */
static struct eco_node *
str_or_null(struct eco_doc *doc, const char *s)
{
	return s ? eco_node_str(doc, s) : eco_node_null(doc);
}

struct eco_node *
eco_diag_node(struct eco_doc *doc, const struct eco_diag *g)
{
	/* the words of eco.7, in the machine formats' one language */
	static const char *const sev[] = { "erreur", "avertissement", "note" };
	struct eco_node *m = eco_node_map(doc);

	if (!m || eco_map_put(doc, m, "fichier", str_or_null(doc, g->file)) |
	    eco_map_put(doc, m, "ligne", eco_node_int(doc, g->line)) |
	    eco_map_put(doc, m, "colonne", eco_node_int(doc, g->col)) |
	    eco_map_put(doc, m, "chemin", str_or_null(doc, g->path)) |
	    eco_map_put(doc, m, "verification", str_or_null(doc, g->check)) |
	    eco_map_put(doc, m, "gravite", eco_node_str(doc, sev[g->sev])) |
	    eco_map_put(doc, m, "code", eco_node_str(doc, g->code)) |
	    eco_map_put(doc, m, "message", str_or_null(doc, g->msg)))
		return NULL;
	return m;
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
		eco_diag_copy(out, x);
		errs += x->sev == ECO_SEV_ERROR;
	}
	return errs;
}
