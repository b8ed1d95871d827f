/*
 * eco-rencontre - the meetings of the cycle (Outil 2): propose their
 * calendar, print a meeting's agenda, record what was decided, list the
 * to-dos still open.
 *
 * A meeting is one file, rencontres/rNN.yaml, holding one rencontre
 * document that a person edits.  eco-rencontre never rewrites it:
 * planifie creates the files of the meetings that have none (a new file
 * or nothing), and note appends a "kind: note" document after the
 * meeting's (presence, decisions, to-dos, to-dos done since), which
 * keeps every byte and comment a person wrote.  Everything that reads
 * meetings here reads a meeting and its notes together: a to-do is open
 * until its own "fait: true", or a note that names it in "faites".
 *
 * The cycle (stages, meetings, objectives, outils) is data/demarche.yaml,
 * read through lib/eco_cycle.c; the number of planning meetings follows
 * the factors retained in priorites.yaml, and the regular meetings the
 * years of plan.yaml, as eco_cycle_slots says.
 */
#define _DEFAULT_SOURCE
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <glob.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "eco-rencontre [-C DOSSIER] planifie --debut DATE [--frequence N] [-n]\n"
    "        eco-rencontre [-C DOSSIER] ordre-du-jour [-o texte|md|html] "
    "[--ajoute FICHIER|-] [N]\n"
    "        eco-rencontre [-C DOSSIER] note [-n] [--presence ID]... "
    "[--absence ID]... [--decision TEXTE]... [--a-faire TEXTE "
    "[--responsable ID] [--personne NOM] [--echeance DATE]]... "
    "[--fait ID]... N\n"
    "        eco-rencontre [-C DOSSIER] suivis [-o yaml|json|texte]";

static struct eco_diags D;
static struct eco_limits L;
static const char *dir_opt;	/* -C */

/* Memory: everything built here lives until exit, and is freed then. */

static void **owned;
static size_t nowned, capowned;

static _Noreturn void
out_of_memory(void)
{
	fprintf(stderr, "%s: %s: %s\n", cli_prog, eco_sev_name(ECO_SEV_ERROR),
	    strerror(ENOMEM));
	exit(ECO_EXIT_SYS);
}

static void *
own(void *p)
{
	if (!p)
		out_of_memory();
	if (nowned == capowned) {
		size_t cap = capowned ? capowned * 2 : 256;
		void **v = realloc(owned, cap * sizeof *v);

		if (!v)
			out_of_memory();
		owned = v;
		capowned = cap;
	}
	return owned[nowned++] = p;
}

static char *
fmt(const char *f, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, f);
	n = vsnprintf(NULL, 0, f, ap);
	va_end(ap);
	if (n < 0)
		out_of_memory();
	s = own(malloc((size_t)n + 1));
	va_start(ap, f);
	vsnprintf(s, (size_t)n + 1, f, ap);
	va_end(ap);
	return s;
}

/* Trees to write (records, notes). */

static struct eco_node *
node(enum eco_type t)
{
	struct eco_node *n = own(calloc(1, sizeof *n));

	n->type = t;
	return n;
}

static struct eco_node *
str_node(const char *s)
{
	struct eco_node *n = node(ECO_STR);

	n->s = own(strdup(s));
	n->len = strlen(s);
	return n;
}

static struct eco_node *
int_node(long long v)
{
	struct eco_node *n = node(ECO_INT);

	n->s = fmt("%lld", v);
	n->len = strlen(n->s);
	n->u.i = v;
	n->num = (double)v;
	return n;
}

static struct eco_node *
bool_node(int b)
{
	struct eco_node *n = node(ECO_BOOL);

	n->s = b ? "true" : "false";
	n->len = strlen(n->s);
	n->u.b = b;
	return n;
}

static struct eco_node *
map_node(size_t cap)
{
	struct eco_node *n = node(ECO_MAP);

	n->u.pairs = own(calloc(cap, sizeof *n->u.pairs));
	return n;
}

static struct eco_node *
seq_node(size_t cap)
{
	struct eco_node *n = node(ECO_SEQ);

	n->u.items = own(calloc(cap ? cap : 1, sizeof *n->u.items));
	return n;
}

/* Add key: v to a map built with room for it; v NULL adds nothing. */
static void
put(struct eco_node *m, const char *key, const struct eco_node *v)
{
	if (!v)
		return;
	m->u.pairs[m->len].key = str_node(key);
	m->u.pairs[m->len++].val = (struct eco_node *)(uintptr_t)v;
}

/* Reading. */

static const struct eco_node *
get(const struct eco_node *m, const char *key)
{
	return m && m->type == ECO_MAP ? eco_map_get(m, key) : NULL;
}

static const char *
str(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = get(m, key);

	return n && n->type == ECO_STR ? n->s : NULL;
}

/* A scalar's text, whatever its type ("180", "13:30"); NULL otherwise. */
static const char *
text(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = get(m, key);

	return n && n->type != ECO_SEQ && n->type != ECO_MAP &&
	    n->type != ECO_NULL ? n->s : NULL;
}

static int
is_true(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = get(m, key);

	return n && n->type == ECO_BOOL && n->u.b;
}

static int
seq_has(const struct eco_node *seq, const char *s)
{
	size_t i;

	for (i = 0; seq && seq->type == ECO_SEQ && i < seq->len; i++)
		if (seq->u.items[i]->type == ECO_STR &&
		    strcmp(seq->u.items[i]->s, s) == 0)
			return 1;
	return 0;
}

/* Dates: days from 1970-01-01 in the proleptic Gregorian calendar. */

static long
days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* iso + days, as AAAA-MM-JJ in out (64 bytes, room for any long). */
static void
add_days(const char *iso, long days, char *out)
{
	long z = days_from_civil(atol(iso), atoi(iso + 5), atoi(iso + 8)) + days;
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(out, 64, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

/* The project. */

struct meeting {
	const struct eco_node *root;
	const char *file;
	long numero;
	const char *id;
};

struct note {
	const struct eco_node *root;
	const char *file;
};

struct todo {
	const struct eco_node *t;	/* the a_faire item */
	const struct meeting *m;	/* the meeting that decided it */
	int done;
};

static struct {
	struct eco_doc **docs;
	size_t ndocs, capdocs;
	char **paths;
	struct meeting *m;
	size_t nm;
	struct note *n;
	size_t nn;
	struct todo *t;
	size_t nt;
	const struct eco_node *members;	/* eco.yaml's membres, or NULL */
	struct eco_cycle *cycle;
	struct eco_state *state;
} P;

static void
keep(struct eco_doc *doc)
{
	if (P.ndocs == P.capdocs) {
		size_t cap = P.capdocs ? P.capdocs * 2 : 32;
		struct eco_doc **v = realloc(P.docs, cap * sizeof *v);

		if (!v)
			out_of_memory();
		P.docs = v;
		P.capdocs = cap;
	}
	P.docs[P.ndocs++] = doc;
}

/* Every readable document of path, kept; errors are recorded. */
static size_t
read_docs(const char *path)
{
	struct eco_reader *r = eco_reader_open(path, &L, &D);
	struct eco_doc *doc;
	size_t first = P.ndocs;

	if (!r)
		return first;
	while (eco_reader_next(r, &doc) > 0) {
		if (doc->nerr || !doc->root || doc->root->type != ECO_MAP)
			eco_doc_free(doc);
		else
			keep(doc);
	}
	eco_reader_close(r);
	return first;
}

/* -C, then the project's root: every file is named from the root. */
static void
enter_dir(void)
{
	if (dir_opt && chdir(dir_opt) < 0) {
		fprintf(stderr, "%s: %s: %s\n", cli_prog, dir_opt, strerror(errno));
		exit(ECO_EXIT_SYS);
	}
}

static void
enter_root(void)
{
	char root[PATH_MAX];

	if (eco_project_root(".", root, sizeof root) < 0)
		cli_usage_error(usage, "%s",
		    _("no eco project here (no eco.yaml in this folder or above); "
		    "use -C DOSSIER or eco-init"));
	if (chdir(root) < 0) {
		fprintf(stderr, "%s: %s: %s\n", cli_prog, root, strerror(errno));
		exit(ECO_EXIT_SYS);
	}
}

static int
by_numero(const void *a, const void *b)
{
	const struct meeting *x = a, *y = b;

	if (x->numero != y->numero)
		return x->numero < y->numero ? -1 : 1;
	return strcmp(x->file, y->file);
}

static const struct meeting *
meeting_numero(long n)
{
	size_t i;

	for (i = 0; i < P.nm; i++)
		if (P.m[i].numero == n)
			return &P.m[i];
	return NULL;
}

static const struct meeting *
meeting_id(const char *id)
{
	size_t i;

	for (i = 0; id && i < P.nm; i++)
		if (P.m[i].id && strcmp(P.m[i].id, id) == 0)
			return &P.m[i];
	return NULL;
}

static void
add_todos(const struct eco_node *list, const struct meeting *m)
{
	size_t i;

	for (i = 0; list && list->type == ECO_SEQ && i < list->len; i++) {
		const struct eco_node *t = list->u.items[i];
		struct todo *v;

		if (t->type != ECO_MAP || !str(t, "id"))
			continue;
		if (!(v = realloc(P.t, (P.nt + 1) * sizeof *v)))
			out_of_memory();
		P.t = v;
		P.t[P.nt++] = (struct todo){ t, m, is_true(t, "fait") };
	}
}

/* The to-dos of the meetings in order, each meeting's notes after it;
 * then what the notes say is done. */
static void
gather_todos(void)
{
	size_t i, j, k;

	for (i = 0; i < P.nm; i++) {
		add_todos(get(P.m[i].root, "a_faire"), &P.m[i]);
		for (j = 0; j < P.nn; j++)
			if (meeting_id(str(P.n[j].root, "rencontre")) == &P.m[i])
				add_todos(get(P.n[j].root, "a_faire"), &P.m[i]);
	}
	for (j = 0; j < P.nn; j++)
		for (k = 0; k < P.nt; k++)
			if (seq_has(get(P.n[j].root, "faites"), str(P.t[k].t, "id")))
				P.t[k].done = 1;
}

static void
load_project(void)
{
	static char *folder[] = { "rencontres" };
	struct stat st;
	size_t i, first;

	first = read_docs("eco.yaml");
	for (i = first; i < P.ndocs; i++)
		if (str(P.docs[i]->root, "kind") &&
		    strcmp(str(P.docs[i]->root, "kind"), "regroupement") == 0)
			P.members = get(P.docs[i]->root, "membres");
	if (stat("rencontres", &st) == 0 && S_ISDIR(st.st_mode))
		P.paths = cli_expand(1, folder, &D);
	for (i = 0; P.paths && P.paths[i]; i++) {
		size_t j;

		for (j = read_docs(P.paths[i]); j < P.ndocs; j++) {
			const struct eco_node *r = P.docs[j]->root;
			const char *kind = str(r, "kind");
			const struct eco_node *num = get(r, "numero");

			if (kind && strcmp(kind, "rencontre") == 0 && num &&
			    num->type == ECO_INT && num->u.i > 0) {
				struct meeting *v = realloc(P.m, (P.nm + 1) * sizeof *v);

				if (!v)
					out_of_memory();
				P.m = v;
				P.m[P.nm++] = (struct meeting){ r, P.docs[j]->file,
				    (long)num->u.i, str(r, "id") };
			} else if (kind && strcmp(kind, "note") == 0) {
				struct note *v = realloc(P.n, (P.nn + 1) * sizeof *v);

				if (!v)
					out_of_memory();
				P.n = v;
				P.n[P.nn++] = (struct note){ r, P.docs[j]->file };
			}
		}
	}
	if (P.nm)
		qsort(P.m, P.nm, sizeof *P.m, by_numero);
	gather_todos();
}

static void
free_project(void)
{
	size_t i;

	for (i = 0; i < P.ndocs; i++)
		eco_doc_free(P.docs[i]);
	free(P.docs);
	cli_free_paths(P.paths);
	free(P.m);
	free(P.n);
	free(P.t);
	eco_state_free(P.state);
	eco_cycle_free(P.cycle);
	for (i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
}

/* The cycle, and where the project stands in it. */
static void
load_cycle(void)
{
	if (!(P.cycle = eco_cycle_load(&D)) ||
	    !(P.state = eco_state_read(P.cycle, ".", &D))) {
		cli_print_diags(&D);
		exit(ECO_EXIT_SYS);
	}
}

/* The numbered meetings of the whole cycle. */
static struct eco_slot *
cycle_slots(size_t *n)
{
	size_t k = eco_cycle_slots(P.cycle, P.state->nfactors, P.state->nyears,
	    NULL, 0);
	struct eco_slot *v = own(calloc(k ? k : 1, sizeof *v));

	*n = eco_cycle_slots(P.cycle, P.state->nfactors, P.state->nyears, v, k);
	return v;
}

static const struct eco_slot *
slot_numero(const struct eco_slot *v, size_t n, long numero)
{
	return numero >= 1 && (size_t)numero <= n ? &v[numero - 1] : NULL;
}

static const char *
slot_title(const struct eco_slot *s)
{
	const char *name = s->meeting->name;

	if (s->year && s->of > 1)
		return fmt(_("%s, year %d (%d of %d)"), name, s->year, s->nth, s->of);
	if (s->year)
		return fmt(_("%s, year %d"), name, s->year);
	if (s->of > 1)
		return fmt(_("%s (%d of %d)"), name, s->nth, s->of);
	return name;
}

static const char *
progress_word(enum eco_progress p)
{
	return p == ECO_PROGRESS_DONE ? _("achieved") :
	    p == ECO_PROGRESS_STARTED ? _("started") : _("not begun");
}

static const struct eco_objective_state *
objective_state(const char *id)
{
	const struct eco_objective *o = eco_cycle_objective(P.cycle, id);

	return o ? &P.state->objectives[o->index] : NULL;
}

/* Output of reports: texte, md or html, every string escaped. */

static enum cli_format ofmt = FMT_TEXTE;
static int list_open;		/* 'u', 'o', or 0 */

/* Columns of UTF-8 text. */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void
esc(const char *s)
{
	if (ofmt == FMT_HTML) {
		for (; *s; s++)
			switch (*s) {
			case '&': fputs("&amp;", stdout); break;
			case '<': fputs("&lt;", stdout); break;
			case '>': fputs("&gt;", stdout); break;
			case '"': fputs("&quot;", stdout); break;
			case '\'': fputs("&#39;", stdout); break;
			default: putchar(*s);
			}
	} else if (ofmt == FMT_MD) {
		for (; *s; s++) {
			if (strchr("\\`*_[]<>|#", *s))
				putchar('\\');
			putchar(*s == '\n' ? ' ' : *s);
		}
	} else
		fputs(s, stdout);
}

static void
close_list(void)
{
	if (list_open && ofmt == FMT_HTML)
		printf("</%cl>\n", list_open);
	list_open = 0;
}

static void
rule_line(const char *s, int c)
{
	size_t n = width(s);

	while (n--)
		putchar(c);
	putchar('\n');
}

static void
page_begin(const char *title)
{
	if (ofmt == FMT_HTML) {
		fputs("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n"
		    "<meta charset=\"utf-8\">\n<title>", stdout);
		esc(title);
		fputs("</title>\n<style>\n"
		    "body{font-family:sans-serif;max-width:48em;margin:2em auto;"
		    "padding:0 1em;line-height:1.4}\n"
		    "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.5em}\n"
		    "p{margin:.2em 0}li{margin:.2em 0}\n"
		    "@media print{body{margin:0;max-width:none}}\n"
		    "</style>\n</head>\n<body>\n<h1>", stdout);
		esc(title);
		fputs("</h1>\n", stdout);
	} else if (ofmt == FMT_MD) {
		fputs("# ", stdout);
		esc(title);
		fputs("\n\n", stdout);
	} else {
		printf("%s\n", title);
		rule_line(title, '=');
	}
}

static void
page_section(const char *title)
{
	close_list();
	if (ofmt == FMT_HTML) {
		fputs("<h2>", stdout);
		esc(title);
		fputs("</h2>\n", stdout);
	} else if (ofmt == FMT_MD) {
		fputs("\n## ", stdout);
		esc(title);
		fputs("\n\n", stdout);
	} else {
		printf("\n%s\n", title);
		rule_line(title, '-');
	}
}

static void
page_line(const char *s)
{
	close_list();
	if (ofmt == FMT_HTML) {
		fputs("<p>", stdout);
		esc(s);
		fputs("</p>\n", stdout);
	} else if (ofmt == FMT_MD) {
		esc(s);
		fputs("  \n", stdout);
	} else
		printf("%s\n", s);
}

static void
page_item(int ordered, int number, const char *s)
{
	int tag = ordered ? 'o' : 'u';

	if (list_open != tag) {
		close_list();
		if (ofmt == FMT_HTML)
			printf("<%cl>\n", tag);
		list_open = tag;
	}
	if (ofmt == FMT_HTML) {
		fputs("<li>", stdout);
		esc(s);
		fputs("</li>\n", stdout);
		return;
	}
	if (ordered)
		printf(ofmt == FMT_MD ? "%d. " : "  %d. ", number);
	else
		fputs(ofmt == FMT_MD ? "- " : "  - ", stdout);
	esc(s);
	putchar('\n');
}

static void
page_end(void)
{
	close_list();
	if (ofmt == FMT_HTML)
		fputs("</body>\n</html>\n", stdout);
}

/* A text table: columns padded to their widest cell, the last one not. */
static void
table(const char *const *head, size_t ncols, const char **cells, size_t nrows)
{
	size_t w[8] = { 0 }, r, c;

	for (c = 0; c < ncols; c++)
		w[c] = width(head[c]);
	for (r = 0; r < nrows; r++)
		for (c = 0; c < ncols; c++)
			if (width(cells[r * ncols + c]) > w[c])
				w[c] = width(cells[r * ncols + c]);
	for (r = 0; r <= nrows; r++)
		for (c = 0; c < ncols; c++) {
			const char *s = r ? cells[(r - 1) * ncols + c] : head[c];

			fputs(s, stdout);
			if (c + 1 < ncols)
				printf("%*s", (int)(w[c] - width(s) + 2), "");
			else
				putchar('\n');
		}
}

/* planifie */

static _Noreturn void
bad_operand(const char *s)
{
	cli_usage_error(usage, _("operand « %s » not expected here"), s);
}

/* The record of a new meeting, as the text of its file. */
static char *
record_text(const struct eco_slot *s, const char *id, const char *date)
{
	const struct eco_meeting *m = s->meeting;
	struct eco_node *r = map_node(10), *obj = seq_node(m->nobjectives);
	struct eco_node *tools = seq_node(m->ntools);
	const char *head, *p;
	char *buf = NULL;
	size_t i, len = 0;
	FILE *f;

	for (i = 0; i < m->nobjectives; i++)
		obj->u.items[obj->len++] =
		    str_node(P.cycle->objectives[m->first + i].id);
	for (i = 0; i < m->ntools; i++)
		tools->u.items[tools->len++] = int_node(m->tools[i]);
	put(r, "kind", str_node("rencontre"));
	put(r, "version", int_node(1));
	put(r, "id", str_node(id));
	put(r, "numero", int_node(s->number));
	put(r, "titre", str_node(slot_title(s)));
	put(r, "etape", str_node(m->stage->id));
	put(r, "statut", str_node("prevue"));
	put(r, "date", str_node(date));
	put(r, "objectifs", obj->len ? obj : NULL);
	put(r, "outils", tools->len ? tools : NULL);
	if (!(f = open_memstream(&buf, &len)))
		out_of_memory();
	head = fmt(_("Meeting %d, stage « %s », proposed by eco-rencontre planifie.\n"
	    "Add the time, the place and the agenda; the objectives and the\n"
	    "outils are those of Outil 2 (eco-demarche)."), s->number,
	    m->stage->name);
	for (p = head; *p; p += strcspn(p, "\n"), p += *p == '\n')
		fprintf(f, "# %.*s\n", (int)strcspn(p, "\n"), p);
	if (eco_sheet_yaml(f, r) < 0 || fclose(f) != 0)
		out_of_memory();
	return own(buf);
}

/* Write a new meeting file; 0, or -1 when it appeared meanwhile. */
static int
write_new(const char *path, const char *text)
{
	if (mkdir("rencontres", 0777) < 0 && errno != EEXIST) {
		eco_diag_sys(&D, "rencontres", "%s", strerror(errno));
		return -1;
	}
	if (eco_write_atomic(path, text, strlen(text), "", 0, 1) == 0)
		return 0;
	if (errno == EEXIST)
		eco_diag_add(&D, path, 0, 0, ECO_SEV_NOTE, NULL, "%s",
		    _("written by someone else meanwhile; left as it is"));
	else
		eco_diag_sys(&D, path, "%s", strerror(errno));
	return -1;
}

/* "1-13, 15": numbers in increasing order, runs joined. */
static const char *
ranges(const int *v, size_t n)
{
	const char *out = "";
	size_t i, j;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && v[j] == v[j - 1] + 1; j++)
			;
		out = j - i > 1 ? fmt("%s%s%d-%d", out, i ? ", " : "", v[i], v[j - 1]) :
		    fmt("%s%s%d", out, i ? ", " : "", v[i]);
	}
	return out;
}

static void
plan_slots(const char *debut, long weeks, int dry, const char ***rows,
    size_t *nrows)
{
	size_t n, i, k = 0, nskipped = 0;
	int *skipped;
	const struct eco_slot *v = cycle_slots(&n);
	const char **cells = own(calloc(n * 6 + 1, sizeof *cells));
	char date[64];
	struct stat st;

	skipped = own(calloc(n + 1, sizeof *skipped));
	for (i = 0; i < n; i++) {
		const struct eco_slot *s = &v[i];
		const struct meeting *m = meeting_numero(s->number);
		const char *path = fmt("rencontres/r%02d.yaml", s->number);
		const char *id = fmt("r%02d", s->number), **row = cells + i * 6;

		row[0] = fmt("%d", s->number);
		row[2] = s->meeting->stage->id;
		if (m || stat(path, &st) == 0 || meeting_id(id)) {
			row[1] = m && text(m->root, "date") ? text(m->root, "date") : "—";
			row[3] = m && str(m->root, "titre") ? str(m->root, "titre") :
			    slot_title(s);
			row[4] = m ? m->file : path;
			row[5] = _("already there");
			if (!m)
				eco_diag_add(&D, path, 0, 0, ECO_SEV_NOTE, NULL,
				    _("the file or the id %s is taken, by no meeting %d; left as it is"),
				    id, s->number);
			if (m)
				skipped[nskipped++] = s->number;
			continue;
		}
		add_days(debut, weeks * 7 * (long)k++, date);
		row[1] = fmt("%s", date);
		row[3] = slot_title(s);
		row[4] = path;
		row[5] = _("written");
		if (dry)
			printf("---\n%s", record_text(s, id, date));
		else if (write_new(path, record_text(s, id, date)) < 0)
			row[5] = _("not written");
	}
	*rows = cells;
	*nrows = n;
	if (nskipped)
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL,
		    ngettext("%zu meeting is already there, left as it is: %s",
		    "%zu meetings are already there, left as they are: %s",
		    nskipped), nskipped, ranges(skipped, nskipped));
}

static int
cmd_planifie(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "debut", required_argument, NULL, 'd' },
		{ "frequence", required_argument, NULL, 'f' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const head[6] = {
		N_("No."), N_("Date"), N_("Stage"), N_("Meeting"), N_("File"),
		N_("State")
	};
	const char *debut = NULL, *h[6], **rows;
	long weeks = 4;
	size_t nrows, i;
	int c, dry = 0, lock = -1;
	char *end;

	while ((c = getopt_long(argc, argv, "C:d:f:n", lo, NULL)) != -1)
		switch (c) {
		case 'C': dir_opt = optarg; break;
		case 'd':
			if (!eco_format_date(optarg, strlen(optarg)))
				cli_usage_error(usage,
				    _("--debut expects a date YYYY-MM-DD, not « %s »"),
				    optarg);
			debut = optarg;
			break;
		case 'f':
			weeks = strtol(optarg, &end, 10);
			if (*end || end == optarg || weeks < 1 || weeks > 52)
				cli_usage_error(usage,
				    _("--frequence expects a number of weeks from 1 to 52, not « %s »"),
				    optarg);
			break;
		case 'n': dry = 1; break;
		default: cli_usage_error(usage, NULL);
		}
	if (optind < argc)
		bad_operand(argv[optind]);
	if (!debut)
		cli_usage_error(usage, "%s",
		    _("planifie needs --debut DATE, the date of the first meeting to write"));
	enter_dir();
	enter_root();
	load_project();
	load_cycle();
	if (!dry && (lock = eco_project_lock(".")) < 0) {
		eco_diag_sys(&D, ".eco.lock", "%s", strerror(errno));
		return cli_finish(&D);
	}
	plan_slots(debut, weeks, dry, &rows, &nrows);
	eco_project_unlock(lock);
	if (!dry) {
		printf(_("The cycle has %zu meetings; the new ones come every %ld weeks from %s (--frequence, 4 by default).\n"),
		    nrows, weeks, debut);
		putchar('\n');
		for (i = 0; i < 6; i++)
			h[i] = _(head[i]);
		table(h, 6, rows, nrows);
	}
	return cli_finish(&D);
}

/* ordre-du-jour */

static struct eco_doc **added;	/* records of --ajoute */
static size_t nadded;

static void
read_added(const char *path)
{
	struct eco_reader *r = eco_reader_open(path, &L, &D);
	struct eco_doc *doc, **v;

	if (!r)
		return;
	while (eco_reader_next(r, &doc) > 0) {
		if (doc->nerr) {
			eco_doc_free(doc);
			continue;
		}
		if (!(v = realloc(added, (nadded + 1) * sizeof *v)))
			out_of_memory();
		added = v;
		added[nadded++] = doc;
	}
	eco_reader_close(r);
}

/* What a record is called, whatever its kind. */
static const char *
record_title(const struct eco_node *r)
{
	static const char *const keys[] = {
		"titre", "libelle", "nom", "sujet", "enonce", "description"
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		if (str(r, keys[i]))
			return str(r, keys[i]);
	return NULL;
}

static int
held(const struct meeting *m)
{
	const char *st = str(m->root, "statut");
	size_t j;

	if (st && (strcmp(st, "tenue") == 0 || strcmp(st, "annulee") == 0))
		return 1;
	for (j = 0; j < P.nn; j++)
		if (meeting_id(str(P.n[j].root, "rencontre")) == m &&
		    (get(P.n[j].root, "presences") || get(P.n[j].root, "decisions")))
			return 1;
	return 0;
}

/* The first meeting not held yet, else the cycle's first number without
 * a meeting; 0 when there is none. */
static long
next_meeting(const struct eco_slot *v, size_t n)
{
	size_t i;

	for (i = 0; i < P.nm; i++)
		if (!held(&P.m[i]))
			return P.m[i].numero;
	for (i = 0; i < n; i++)
		if (!meeting_numero(v[i].number))
			return v[i].number;
	return 0;
}

static void
agenda_head(long num, const struct meeting *m, const struct eco_slot *s)
{
	const struct eco_node *r = m ? m->root : NULL;
	const char *t = str(r, "titre"), *when = text(r, "date"), *sid;
	const struct eco_stage *stage;

	page_begin(fmt(_("Meeting %ld — %s"), num, t ? t : s ? slot_title(s) :
	    _("(no title)")));
	if (when && text(r, "heure"))
		when = fmt("%s, %s", when, text(r, "heure"));
	if (when && text(r, "duree"))
		when = fmt(_("%s, %s minutes"), when, text(r, "duree"));
	page_line(when ? fmt(_("Date: %s"), when) : _("Date: not set yet"));
	if (str(r, "lieu"))
		page_line(fmt(_("Place: %s"), str(r, "lieu")));
	sid = str(r, "etape") ? str(r, "etape") : s ? s->meeting->stage->id : NULL;
	if (sid && (stage = eco_cycle_stage(P.cycle, sid)))
		page_line(fmt(_("Stage: %s (%d of %zu)"), stage->name, stage->number,
		    P.cycle->nstages));
	if (str(r, "statut"))
		page_line(fmt(_("Status: %s"), str(r, "statut")));
	page_line(m ? fmt(_("File: %s"), m->file) :
	    _("File: none yet (eco-rencontre planifie writes it)"));
}

static void
agenda_points(const struct meeting *m)
{
	const struct eco_node *odj = m ? get(m->root, "ordre_du_jour") : NULL;
	size_t i;
	int k = 0;

	page_section(_("Agenda"));
	for (i = 0; odj && odj->type == ECO_SEQ && i < odj->len; i++) {
		const struct eco_node *p = odj->u.items[i];
		const char *s = str(p, "sujet");

		if (!s)
			continue;
		if (text(p, "duree"))
			s = fmt(_("%s (%s min)"), s, text(p, "duree"));
		if (str(p, "anime_par"))
			s = fmt("%s — %s", s, str(p, "anime_par"));
		page_item(1, ++k, s);
	}
	for (i = 0; i < nadded; i++) {
		const struct eco_node *r = added[i]->root;
		const char *kind = str(r, "kind"), *id = str(r, "id");
		const char *t = record_title(r), *s;

		if (kind && id)
			s = fmt(_("%s %s: %s"), kind, id, t ? t : "");
		else if (kind || id)
			s = fmt(_("%s: %s"), kind ? kind : id, t ? t : "");
		else
			s = t ? t : fmt(_("document %d of %s"), added[i]->index,
			    added[i]->file);
		page_item(1, ++k, fmt(_("%s (added)"), s));
	}
	if (!k)
		page_line(_("No point written yet."));
}

/* The objectives of a meeting: those its file names, or its slot's. */
static void
meeting_objectives(const struct meeting *m, const struct eco_slot *s,
    const char ***ids, size_t *n)
{
	const struct eco_node *o = m ? get(m->root, "objectifs") : NULL;
	size_t i;

	*n = 0;
	if (o && o->type == ECO_SEQ) {
		*ids = own(calloc(o->len + 1, sizeof **ids));
		for (i = 0; i < o->len; i++)
			if (o->u.items[i]->type == ECO_STR)
				(*ids)[(*n)++] = o->u.items[i]->s;
		return;
	}
	if (!s) {
		*ids = NULL;
		return;
	}
	*ids = own(calloc(s->meeting->nobjectives + 1, sizeof **ids));
	for (i = 0; i < s->meeting->nobjectives; i++)
		(*ids)[(*n)++] = P.cycle->objectives[s->meeting->first + i].id;
}

static int
file_exists(const char *pattern)
{
	glob_t g;
	int found = glob(pattern, 0, NULL, &g) == 0 && g.gl_pathc > 0;

	globfree(&g);
	return found;
}

static void
agenda_objectives(const struct meeting *m, const char **ids, size_t n)
{
	const struct eco_node *other = m ? get(m->root, "objectifs_autres") : NULL;
	size_t i;

	page_section(_("Objectives"));
	for (i = 0; i < n; i++) {
		const struct eco_objective_state *os = objective_state(ids[i]);

		page_item(0, 0, os ? fmt(_("%s (%s): %s"), ids[i],
		    progress_word(os->progress), os->objective->label) :
		    fmt(_("%s: not an objective of the cycle"), ids[i]));
	}
	for (i = 0; other && other->type == ECO_SEQ && i < other->len; i++)
		if (other->u.items[i]->type == ECO_STR)
			page_item(0, 0, other->u.items[i]->s);
	if (!n && !(other && other->type == ECO_SEQ && other->len))
		page_line(_("None."));
}

static void
agenda_tools(const struct meeting *m, const struct eco_slot *s)
{
	const struct eco_node *o = m ? get(m->root, "outils") : NULL;
	size_t i, n = 0;

	page_section(_("Outils"));
	if (o && o->type == ECO_SEQ)
		n = o->len;
	else if (s)
		n = s->meeting->ntools;
	for (i = 0; i < n; i++) {
		int k = o && o->type == ECO_SEQ ? (o->u.items[i]->type == ECO_INT ?
		    (int)o->u.items[i]->u.i : 0) : s->meeting->tools[i];
		const struct eco_tool *t = eco_cycle_tool(P.cycle, k);

		if (t)
			page_item(0, 0, fmt(_("Outil %d: %s (%s)"), t->number, t->name,
			    t->command));
	}
	if (!n)
		page_line(_("None."));
}

static void
agenda_files(const char **ids, size_t n)
{
	const char **seen = own(calloc(n * 8 + 1, sizeof *seen));
	size_t i, j, k, nseen = 0;

	page_section(_("Files to bring"));
	for (i = 0; i < n; i++) {
		const struct eco_objective *o = eco_cycle_objective(P.cycle, ids[i]);

		for (j = 0; o && j < o->nfiles; j++) {
			for (k = 0; k < nseen && strcmp(seen[k], o->files[j]); k++)
				;
			if (k < nseen || nseen == n * 8)
				continue;
			seen[nseen++] = o->files[j];
			page_item(0, 0, file_exists(o->files[j]) ? o->files[j] :
			    fmt(_("%s (not there yet)"), o->files[j]));
		}
	}
	if (!nseen)
		page_line(_("None."));
}

static const char *
todo_line(const struct todo *t)
{
	const char *id = str(t->t, "id"), *d = str(t->t, "description");
	const char *who = str(t->t, "responsable"), *p = str(t->t, "personne");
	const char *s = fmt(_("%s: %s"), id, d ? d : "");

	if (who && p)
		who = fmt("%s, %s", who, p);
	else if (!who)
		who = p;
	if (who)
		s = fmt("%s — %s", s, who);
	if (text(t->t, "echeance"))
		s = fmt(_("%s, due %s"), s, text(t->t, "echeance"));
	return fmt(_("%s (meeting %ld)"), s, t->m->numero);
}

static void
agenda_todos(long num)
{
	size_t i;
	int any = 0;

	page_section(_("Open to-dos of earlier meetings"));
	for (i = 0; i < P.nt; i++)
		if (!P.t[i].done && P.t[i].m->numero < num) {
			page_item(0, 0, todo_line(&P.t[i]));
			any = 1;
		}
	if (!any)
		page_line(_("None."));
}

static void
agenda_missing(const char **ids, size_t n)
{
	size_t i;
	int any = 0;

	page_section(_("Still missing for its objectives"));
	for (i = 0; i < n; i++) {
		const struct eco_objective_state *os = objective_state(ids[i]);

		if (!os || os->progress == ECO_PROGRESS_DONE)
			continue;
		page_item(0, 0, fmt(_("%s: %s (%s)"), ids[i], os->missing ?
		    os->missing : "", os->objective->command));
		any = 1;
	}
	if (!any)
		page_line(_("Nothing: every objective of this meeting is reached."));
}

/* The options of ordre-du-jour; returns N, or 0 for the next meeting. */
static long
agenda_options(int argc, char **argv, const char **add)
{
	static const struct option lo[] = {
		{ "format", required_argument, NULL, 'o' },
		{ "ajoute", required_argument, NULL, 'a' },
		{ "add", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	long num = 0;
	char *end;
	int c;

	while ((c = getopt_long(argc, argv, "a:C:o:", lo, NULL)) != -1)
		switch (c) {
		case 'a': *add = optarg; break;
		case 'C': dir_opt = optarg; break;
		case 'o':
			ofmt = cli_format(optarg, 1u << FMT_TEXTE | 1u << FMT_MD |
			    1u << FMT_HTML, usage);
			break;
		default: cli_usage_error(usage, NULL);
		}
	if (optind < argc) {
		num = strtol(argv[optind], &end, 10);
		if (*end || end == argv[optind] || num < 1)
			cli_usage_error(usage,
			    _("a meeting is given by its number, not « %s »"),
			    argv[optind]);
		if (++optind < argc)
			bad_operand(argv[optind]);
	}
	return num;
}

static int
cmd_agenda(int argc, char **argv)
{
	const char *add = NULL, **ids;
	const struct eco_slot *v, *s;
	const struct meeting *m;
	long num = agenda_options(argc, argv, &add);
	size_t n, nids, i;

	enter_dir();
	if (add)
		read_added(add);
	if (D.sys)		/* what to add cannot be read: no agenda */
		return cli_finish(&D);
	enter_root();
	load_project();
	load_cycle();
	v = cycle_slots(&n);
	if (!num && !(num = next_meeting(v, n))) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no meeting to come: every meeting of the cycle is held"));
		return cli_finish(&D);
	}
	m = meeting_numero(num);
	s = slot_numero(v, n, num);
	if (!m && !s) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("no meeting %ld: none in rencontres/, and the cycle has %zu"),
		    num, n);
		return cli_finish(&D);
	}
	meeting_objectives(m, s, &ids, &nids);
	agenda_head(num, m, s);
	agenda_points(m);
	agenda_objectives(m, ids, nids);
	agenda_tools(m, s);
	agenda_files(ids, nids);
	agenda_todos(num);
	agenda_missing(ids, nids);
	page_end();
	for (i = 0; i < nadded; i++)
		eco_doc_free(added[i]);
	free(added);
	return cli_finish(&D);
}

/* note */

struct todo_in {
	const char *desc, *resp, *pers, *ech;
};

static struct {
	const char **presences, **absences, **decisions, **faites;
	size_t np, na, nd, nf;
	struct todo_in *todos;
	size_t nt;
	int dry;
} N;

static void
push(const char ***v, size_t *n, const char *s)
{
	const char **nv = own(malloc((*n + 1) * sizeof *nv));

	if (*n)
		memcpy(nv, *v, *n * sizeof *nv);
	nv[(*n)++] = s;
	*v = nv;
}

static int
valid_id(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");

	return *s && *s != '-' && s[n] == '\0' && n <= 64;
}

/* "a,b" adds a and b; each must be an id. */
static void
push_ids(const char ***v, size_t *n, const char *arg, const char *opt)
{
	char *copy = own(strdup(arg)), *tok, *save = NULL;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!valid_id(tok))
			cli_usage_error(usage,
			    _("%s expects identifiers (lowercase letters without accents, digits, hyphens), not « %s »"),
			    opt, tok);
		push(v, n, tok);
	}
}

static struct todo_in *
last_todo(const char *opt)
{
	if (!N.nt)
		cli_usage_error(usage, _("%s goes after the --a-faire it belongs to"),
		    opt);
	return &N.todos[N.nt - 1];
}

static void
note_options(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "presence", required_argument, NULL, 'p' },
		{ "absence", required_argument, NULL, 'b' },
		{ "decision", required_argument, NULL, 'd' },
		{ "a-faire", required_argument, NULL, 'a' },
		{ "responsable", required_argument, NULL, 'r' },
		{ "personne", required_argument, NULL, 'P' },
		{ "echeance", required_argument, NULL, 'e' },
		{ "fait", required_argument, NULL, 'f' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct todo_in *t;
	int c;

	while ((c = getopt_long(argc, argv, "a:b:C:d:e:f:np:P:r:", lo, NULL)) != -1)
		switch (c) {
		case 'p': push_ids(&N.presences, &N.np, optarg, "--presence"); break;
		case 'b': push_ids(&N.absences, &N.na, optarg, "--absence"); break;
		case 'f': push_ids(&N.faites, &N.nf, optarg, "--fait"); break;
		case 'C': dir_opt = optarg; break;
		case 'n': N.dry = 1; break;
		case 'd':
		case 'a':
			if (!*optarg)
				cli_usage_error(usage, _("%s expects a text, not nothing"),
				    c == 'd' ? "--decision" : "--a-faire");
			if (c == 'd')
				push(&N.decisions, &N.nd, optarg);
			else {
				t = own(calloc(N.nt + 1, sizeof *t));
				if (N.nt)
					memcpy(t, N.todos, N.nt * sizeof *t);
				N.todos = t;
				N.todos[N.nt++].desc = optarg;
			}
			break;
		case 'r':
			if (!valid_id(optarg))
				cli_usage_error(usage,
				    _("%s expects identifiers (lowercase letters without accents, digits, hyphens), not « %s »"),
				    "--responsable", optarg);
			last_todo("--responsable")->resp = optarg;
			break;
		case 'P':
			if (!*optarg)
				cli_usage_error(usage, _("%s expects a text, not nothing"),
				    "--personne");
			last_todo("--personne")->pers = optarg;
			break;
		case 'e':
			if (!eco_format_date(optarg, strlen(optarg)))
				cli_usage_error(usage,
				    _("--echeance expects a date YYYY-MM-DD, not « %s »"),
				    optarg);
			last_todo("--echeance")->ech = optarg;
			break;
		default: cli_usage_error(usage, NULL);
		}
	if (!N.np && !N.na && !N.nd && !N.nt && !N.nf)
		cli_usage_error(usage, "%s",
		    _("note needs something to record: --presence, --absence, --decision, --a-faire or --fait"));
}

/* Members of the group, as eco.yaml lists them. */
static void
check_member(const char *id)
{
	const char *ids[256], *close;
	size_t i, n = 0;

	if (!P.members || P.members->type != ECO_SEQ)
		return;		/* nothing to check against */
	for (i = 0; i < P.members->len && n < 256; i++)
		if (str(P.members->u.items[i], "id")) {
			ids[n] = str(P.members->u.items[i], "id");
			if (strcmp(ids[n++], id) == 0)
				return;
		}
	if ((close = eco_closest(id, ids, n)))
		eco_diag_add(&D, "eco.yaml", 0, 0, ECO_SEV_ERROR, "refs",
		    _("« %s » is not a member of the group (did you mean %s?)"),
		    id, close);
	else
		eco_diag_add(&D, "eco.yaml", 0, 0, ECO_SEV_ERROR, "refs",
		    _("« %s » is not a member of the group"), id);
}

static void
check_done(const char *id)
{
	const char **ids = own(calloc(P.nt + 1, sizeof *ids)), *close;
	size_t i;

	for (i = 0; i < P.nt; i++) {
		ids[i] = str(P.t[i].t, "id");
		if (strcmp(ids[i], id) == 0) {
			if (P.t[i].done)
				eco_diag_add(&D, P.t[i].m->file, P.t[i].t->line,
				    P.t[i].t->col, ECO_SEV_WARNING, "rencontres",
				    _("to-do « %s » is already done"), id);
			return;
		}
	}
	if ((close = eco_closest(id, ids, P.nt)))
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, "refs",
		    _("« %s »: no such to-do in rencontres/ (did you mean %s?)"),
		    id, close);
	else
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, "refs",
		    _("« %s »: no such to-do in rencontres/"), id);
}

/* Lowercase ASCII words of s, accents taken off, the small words left
 * out, four words at most: "Envoyer le portrait aux membres" gives
 * "envoyer-portrait-membres". */
static const char *
slug(const char *s)
{
	static const char *const map[][2] = {
		{ "à", "a" }, { "â", "a" }, { "ä", "a" }, { "À", "a" }, { "Â", "a" },
		{ "é", "e" }, { "è", "e" }, { "ê", "e" }, { "ë", "e" }, { "É", "e" },
		{ "È", "e" }, { "Ê", "e" }, { "î", "i" }, { "ï", "i" }, { "Î", "i" },
		{ "ô", "o" }, { "ö", "o" }, { "Ô", "o" }, { "ù", "u" }, { "û", "u" },
		{ "ü", "u" }, { "Û", "u" }, { "ç", "c" }, { "Ç", "c" }, { "œ", "oe" },
		{ "Œ", "oe" }, { "æ", "ae" }, { "ÿ", "y" },
	};
	static const char *const small[] = {
		"a", "au", "aux", "avec", "d", "de", "des", "du", "en", "et", "l",
		"la", "le", "les", "pour", "par", "sur", "un", "une",
	};
	char *flat = own(calloc(2 * strlen(s) + 2, 1)), *out, *w, *save = NULL;
	size_t i, n = 0, words = 0;

	while (*s) {
		unsigned char ch = (unsigned char)*s;

		if (ch < 0x80) {
			flat[n++] = isalnum(ch) ? (char)tolower(ch) : ' ';
			s++;
			continue;
		}
		for (i = 0; i < sizeof map / sizeof *map; i++)
			if (strncmp(s, map[i][0], strlen(map[i][0])) == 0)
				break;
		if (i < sizeof map / sizeof *map) {
			memcpy(flat + n, map[i][1], strlen(map[i][1]));
			n += strlen(map[i][1]);
			s += strlen(map[i][0]);
		} else {
			flat[n++] = ' ';
			for (s++; ((unsigned char)*s & 0xc0) == 0x80; s++)
				;
		}
	}
	out = own(calloc(n + 8, 1));
	for (w = strtok_r(flat, " ", &save); w && words < 4;
	    w = strtok_r(NULL, " ", &save)) {
		for (i = 0; i < sizeof small / sizeof *small && strcmp(w, small[i]);
		    i++)
			;
		if (i < sizeof small / sizeof *small || strlen(out) + strlen(w) > 40)
			continue;
		if (words++)
			strcat(out, "-");
		strcat(out, w);
	}
	return *out ? out : "tache";
}

/* ids already taken: the project's to-dos, the file's, the new ones */
static int
taken(const char *id, const struct eco_node *const *extra, size_t nextra,
    const char **made, size_t nmade)
{
	size_t i;

	for (i = 0; i < P.nt; i++)
		if (strcmp(str(P.t[i].t, "id"), id) == 0)
			return 1;
	for (i = 0; i < nextra; i++)
		if (str(extra[i], "id") && strcmp(str(extra[i], "id"), id) == 0)
			return 1;
	for (i = 0; i < nmade; i++)
		if (strcmp(made[i], id) == 0)
			return 1;
	return 0;
}

static struct eco_node *
str_list(const char **v, size_t n)
{
	struct eco_node *s = seq_node(n);
	size_t i;

	for (i = 0; i < n; i++)
		s->u.items[s->len++] = str_node(v[i]);
	return n ? s : NULL;
}

/* What the meeting's file holds now (read under the lock): its to-dos,
 * for new ids to differ, and the number its next note takes. */
static size_t
file_state(struct eco_doc **fdocs, size_t nf, const struct eco_node ***todos,
    size_t *ntodos)
{
	size_t i, j, k = 1;

	*todos = NULL;
	*ntodos = 0;
	for (i = 0; i < nf; i++) {
		const struct eco_node *a = get(fdocs[i]->root, "a_faire");
		const char *kind = str(fdocs[i]->root, "kind");

		if (kind && strcmp(kind, "note") == 0)
			k++;
		for (j = 0; a && a->type == ECO_SEQ && j < a->len; j++) {
			const struct eco_node **v = own(malloc((*ntodos + 1) * sizeof *v));

			if (*ntodos)
				memcpy(v, *todos, *ntodos * sizeof *v);
			v[(*ntodos)++] = a->u.items[j];
			*todos = v;
		}
	}
	return k;
}

/* A note id nobody has: "r13-note-k", k counting up. */
static const char *
note_id(const struct meeting *m, size_t k)
{
	const char *id;
	size_t i;

	for (;; k++) {
		id = fmt("%s-note-%zu", m->id, k);
		for (i = 0; i < P.nn && strcmp(str(P.n[i].root, "id") ?
		    str(P.n[i].root, "id") : "", id); i++)
			;
		if (i == P.nn)
			return id;
	}
}

/* The new to-dos, each with an id the project does not have yet. */
static struct eco_node *
new_todos(const struct meeting *m, const struct eco_node **extra,
    size_t nextra)
{
	struct eco_node *todo = seq_node(N.nt);
	const char **made = own(calloc(N.nt + 1, sizeof *made));
	size_t i;

	for (i = 0; i < N.nt; i++) {
		struct eco_node *t = map_node(6);
		const char *base = fmt("%s-%s", m->id, slug(N.todos[i].desc));
		int n = 1;

		made[i] = base;
		while (taken(made[i], extra, nextra, made, i))
			made[i] = fmt("%s-%d", base, ++n);
		put(t, "id", str_node(made[i]));
		put(t, "description", str_node(N.todos[i].desc));
		put(t, "responsable", N.todos[i].resp ? str_node(N.todos[i].resp) : NULL);
		put(t, "personne", N.todos[i].pers ? str_node(N.todos[i].pers) : NULL);
		put(t, "echeance", N.todos[i].ech ? str_node(N.todos[i].ech) : NULL);
		put(t, "fait", bool_node(0));
		todo->u.items[todo->len++] = t;
	}
	return N.nt ? todo : NULL;
}

/* The note, given what the meeting's file holds now. */
static struct eco_node *
note_node(const struct meeting *m, struct eco_doc **fdocs, size_t nf)
{
	struct eco_node *r = map_node(10), *pres = seq_node(N.np);
	struct eco_node *dec = seq_node(N.nd);
	const struct eco_node **extra;
	size_t i, nextra, k = file_state(fdocs, nf, &extra, &nextra);

	put(r, "kind", str_node("note"));
	put(r, "version", int_node(1));
	put(r, "id", str_node(note_id(m, k)));
	put(r, "rencontre", str_node(m->id));
	for (i = 0; i < N.np; i++) {
		struct eco_node *p = map_node(1);

		put(p, "organisme", str_node(N.presences[i]));
		pres->u.items[pres->len++] = p;
	}
	put(r, "presences", N.np ? pres : NULL);
	put(r, "absences", str_list(N.absences, N.na));
	for (i = 0; i < N.nd; i++) {
		struct eco_node *d = map_node(1);

		put(d, "description", str_node(N.decisions[i]));
		dec->u.items[dec->len++] = d;
	}
	put(r, "decisions", N.nd ? dec : NULL);
	put(r, "a_faire", new_todos(m, extra, nextra));
	put(r, "faites", str_list(N.faites, N.nf));
	return r;
}

/* The whole of a file, NUL-terminated; NULL and a diagnostic on failure. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (!f) {
		eco_diag_sys(&D, path, "%s", strerror(errno));
		return NULL;
	}
	do {
		if (*len + 4096 + 1 > cap) {
			char *nb = realloc(buf, cap = cap ? cap * 2 : 8192);

			if (!nb) {
				fclose(f);
				free(buf);
				out_of_memory();
			}
			buf = nb;
		}
		n = fread(buf + *len, 1, cap - *len - 1, f);
		*len += n;
	} while (n > 0);
	if (ferror(f)) {
		eco_diag_sys(&D, path, "%s", strerror(errno ? errno : EIO));
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[*len] = '\0';
	return own(buf);
}

/* The note's text, checked against its schema: NULL when it is not valid. */
static char *
note_text(const struct eco_node *note)
{
	struct eco_schemaset *set = eco_schemaset_new();
	struct eco_reader *r;
	struct eco_doc *doc = NULL;
	char *buf = NULL;
	size_t len = 0, nerr = 1;
	FILE *f = open_memstream(&buf, &len);

	if (!f || !set)
		out_of_memory();
	fprintf(f, "---\n# %s\n", _("Added by eco-rencontre note."));
	if (eco_sheet_yaml(f, note) < 0 || fclose(f) != 0)
		out_of_memory();
	own(buf);
	if (eco_schemaset_add_eco(set, &D) == 0 && eco_schemaset_resolve(set, &D) == 0 &&
	    (r = eco_reader_mem(buf, len, "<note>", &L, &D))) {
		if (eco_reader_next(r, &doc) > 0 && !doc->nerr &&
		    eco_schemaset_kind(set, "note"))
			nerr = eco_schema_check(eco_schemaset_kind(set, "note"),
			    doc->root, "<note>", &D);
		eco_doc_free(doc);
		eco_reader_close(r);
	}
	eco_schemaset_free(set);
	return nerr ? NULL : buf;
}

/* Append the note to the meeting's file, under the lock. */
static int
record_note(const struct meeting *m)
{
	struct eco_doc **fdocs = NULL, *doc;
	struct eco_reader *r;
	size_t len, nf = 0, i;
	int lock = -1, rc = -1;
	char *old, *note;

	if (!N.dry && (lock = eco_project_lock(".")) < 0) {
		eco_diag_sys(&D, ".eco.lock", "%s", strerror(errno));
		return -1;
	}
	if (!(old = slurp(m->file, &len)))
		goto out;
	if ((r = eco_reader_mem(old, len, m->file, &L, &D))) {
		while (eco_reader_next(r, &doc) > 0) {
			struct eco_doc **v = realloc(fdocs, (nf + 1) * sizeof *v);

			if (!v)
				out_of_memory();
			fdocs = v;
			fdocs[nf++] = doc;
		}
		eco_reader_close(r);
	}
	if (!(note = note_text(note_node(m, fdocs, nf))))
		goto out;
	if (!N.dry && eco_write_atomic(m->file, old, len,
	    len && old[len - 1] != '\n' ? fmt("\n%s", note) : note,
	    strlen(note) + (len && old[len - 1] != '\n'), 0) < 0) {
		eco_diag_sys(&D, m->file, "%s", strerror(errno));
		goto out;
	}
	fputs(note, stdout);
	rc = 0;
out:
	for (i = 0; i < nf; i++)
		eco_doc_free(fdocs[i]);
	free(fdocs);
	eco_project_unlock(lock);
	return rc;
}

static int
cmd_note(int argc, char **argv)
{
	const struct meeting *m;
	long num;
	size_t i;
	char *end;

	note_options(argc, argv);
	if (optind >= argc)
		cli_usage_error(usage, "%s", _("note needs the meeting's number"));
	num = strtol(argv[optind], &end, 10);
	if (*end || end == argv[optind] || num < 1)
		cli_usage_error(usage, _("a meeting is given by its number, not « %s »"),
		    argv[optind]);
	if (optind + 1 < argc)
		bad_operand(argv[optind + 1]);
	enter_dir();
	enter_root();
	load_project();
	if (!(m = meeting_numero(num)) || !m->id) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("no meeting %ld with an id in rencontres/ (eco-rencontre planifie writes the meetings of the cycle)"),
		    num);
		return cli_finish(&D);
	}
	for (i = 0; i < N.np; i++)
		check_member(N.presences[i]);
	for (i = 0; i < N.na; i++)
		check_member(N.absences[i]);
	for (i = 0; i < N.nt; i++)
		if (N.todos[i].resp)
			check_member(N.todos[i].resp);
	for (i = 0; i < N.nf; i++)
		check_done(N.faites[i]);
	if (D.nerr == 0)
		record_note(m);
	return cli_finish(&D);
}

/* suivis */

static struct eco_node *
todo_record(const struct todo *t)
{
	static const char *const keys[] = {
		"description", "responsable", "personne", "echeance"
	};
	struct eco_node *r = map_node(10);
	size_t i;

	put(r, "kind", str_node("tache"));
	put(r, "version", int_node(1));
	put(r, "id", get(t->t, "id"));
	put(r, "rencontre", t->m->id ? str_node(t->m->id) : NULL);
	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		put(r, keys[i], get(t->t, keys[i]));
	put(r, "fait", bool_node(0));
	return r;
}

static int
cmd_suivis(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "format", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const head[5] = {
		N_("To-do"), N_("Meeting"), N_("Due"), N_("Responsible"),
		N_("Description")
	};
	enum cli_format f = FMT_YAML;
	const char *h[5], **cells;
	size_t i, n = 0;
	int c;

	while ((c = getopt_long(argc, argv, "C:o:", lo, NULL)) != -1)
		switch (c) {
		case 'C': dir_opt = optarg; break;
		case 'o':
			f = cli_format(optarg, 1u << FMT_YAML | 1u << FMT_JSON |
			    1u << FMT_TEXTE, usage);
			break;
		default: cli_usage_error(usage, NULL);
		}
	if (optind < argc)
		bad_operand(argv[optind]);
	enter_dir();
	enter_root();
	load_project();
	cells = own(calloc(P.nt * 5 + 1, sizeof *cells));
	for (i = 0; i < P.nt; i++) {
		const struct todo *t = &P.t[i];
		const char **row = cells + n * 5;

		if (t->done)
			continue;
		if (f == FMT_YAML)
			eco_emit_yaml(stdout, todo_record(t));
		else if (f == FMT_JSON)
			eco_emit_json(stdout, todo_record(t), t->m->file, &D);
		row[0] = str(t->t, "id");
		row[1] = fmt("%ld", t->m->numero);
		row[2] = text(t->t, "echeance") ? text(t->t, "echeance") : "—";
		row[3] = str(t->t, "responsable") ? str(t->t, "responsable") :
		    str(t->t, "personne") ? str(t->t, "personne") : "—";
		row[4] = str(t->t, "description") ? str(t->t, "description") : "";
		n++;
	}
	if (f == FMT_TEXTE) {
		for (i = 0; i < 5; i++)
			h[i] = _(head[i]);
		if (n)
			table(h, 5, cells, n);
		else
			fprintf(stderr, "%s: %s\n", cli_prog, _("no open to-do"));
	}
	return cli_finish(&D);
}

int
main(int argc, char *argv[])
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct {
		const char *name, *alias;
		int (*run)(int, char **);
	} subs[] = {
		{ "planifie", "plan", cmd_planifie },
		{ "ordre-du-jour", "agenda", cmd_agenda },
		{ "note", "record", cmd_note },
		{ "suivis", "todo", cmd_suivis },
	};
	size_t i;
	int c, rc;

	cli_init("eco-rencontre");
	while ((c = getopt_long(argc, argv, "+C:hV", lo, NULL)) != -1)
		switch (c) {
		case 'C': dir_opt = optarg; break;
		case 'h':
			cli_help(usage, "eco-rencontre ordre-du-jour 13 -o html > r13.html");
		case 'V':
			cli_version();
		default:
			cli_usage_error(usage, NULL);
		}
	if (optind >= argc)
		cli_usage_error(usage, "%s",
		    _("which subcommand? planifie, ordre-du-jour, note or suivis"));
	for (i = 0; i < sizeof subs / sizeof *subs; i++)
		if (strcmp(argv[optind], subs[i].name) == 0 ||
		    strcmp(argv[optind], subs[i].alias) == 0)
			break;
	if (i == sizeof subs / sizeof *subs)
		cli_usage_error(usage,
		    _("unknown subcommand « %s » (planifie, ordre-du-jour, note or suivis)"),
		    argv[optind]);
	eco_limits_default(&L);
	eco_diags_init(&D);
	argc -= optind;
	argv += optind;
	argv[0] = (char *)(uintptr_t)cli_prog;	/* getopt's messages name it */
	optind = 0;	/* glibc: start over, on the subcommand's options */
	rc = subs[i].run(argc, argv);
	free_project();
	eco_diags_free(&D);
	return rc;
}
