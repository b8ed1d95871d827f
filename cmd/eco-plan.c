/*
 * eco-plan - the concerted action plan (Outil 9): a skeleton from the
 * priorities, what a planning meeting still has to fill, the plan
 * flattened into records for pipes, and its follow-up calendar.
 *
 * The plan is read into the views of eco_model.c, whether it comes as
 * plan.yaml or as records from an earlier eco-plan in a pipe, so every
 * subcommand works on both.  Subcommands that print records pass the
 * documents they do not handle through untouched, in stream order.
 * Nothing here rewrites a file: the skeleton is written only where no
 * plan.yaml exists yet.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "eco-plan squelette [-e] [-C DOSSIER] [-f FICHIER] [FICHIER|-]\n"
    "       eco-plan verifie [-o texte|json] [-C DOSSIER] [-f FICHIER] "
    "[FICHIER|-]...\n"
    "       eco-plan objectifs|transformations|indicateurs|actions "
    "[-o yaml|json] [--systeme S] [--responsable ID] [--partenaire ID] "
    "[--bailleur ID] [--entre DATE DATE] [-C DOSSIER] [-f FICHIER] "
    "[FICHIER|-]...\n"
    "       eco-plan calendrier [-o texte|json|csv|md|html] [--systeme S] "
    "[--responsable ID] [--partenaire ID] [--bailleur ID] "
    "[--entre DATE DATE] [-C DOSSIER] [-f FICHIER] [FICHIER|-]...";

enum sub { SQUELETTE, VERIFIE, OBJECTIFS, TRANSFORMATIONS, INDICATEURS,
	ACTIONS, CALENDRIER };

static const struct {
	const char *name, *alias;
	enum sub sub;
} subs[] = {
	{ "squelette", "skeleton", SQUELETTE },
	{ "verifie", "check", VERIFIE },
	{ "objectifs", "objectives", OBJECTIFS },
	{ "transformations", NULL, TRANSFORMATIONS },
	{ "indicateurs", "indicators", INDICATEURS },
	{ "actions", NULL, ACTIONS },
	{ "calendrier", "calendar", CALENDRIER },
};

static struct {
	enum sub sub;
	enum cli_format fmt;
	int fmt_set, write;
	const char *dir;
	char **files;		/* -f and operands */
	size_t nfiles;
	/* filters */
	const char *systeme, *responsable, *partenaire, *bailleur;
	const char *from, *to;
} opt;

static struct eco_limits lim;
static int write_failed;

static int
any_action_filter(void)
{
	return opt.responsable || opt.partenaire || opt.bailleur || opt.from;
}

static int
any_filter(void)
{
	return opt.systeme || any_action_filter();
}

/* Input. */

/*
 * The inputs: -f and the operands, or else the project's own file
 * (plan.yaml, or priorites.yaml for a skeleton).  A project without
 * that file is told what comes first; no project at all is a usage
 * error, as stdin must be asked for with "-".
 */
static char **
inputs(const char *own, const char *missing, struct eco_diags *d)
{
	char root[PATH_MAX], rel[PATH_MAX], path[PATH_MAX + 32];
	char *one[1];

	if (opt.nfiles)
		return cli_expand((int)opt.nfiles, opt.files, d);
	if (eco_project_root(".", root, sizeof root) < 0)
		cli_usage_error(usage,
		    _("no eco project here (no eco.yaml in this folder or above); name a file, or - for standard input"));
	snprintf(path, sizeof path, "%s/%s", cli_relative(root, rel, sizeof rel), own);
	one[0] = strncmp(path, "./", 2) == 0 ? path + 2 : path;
	if (access(one[0], F_OK) < 0 && errno == ENOENT) {
		fprintf(stderr, "%s: %s: %s: ", cli_prog, one[0],
		    eco_sev_name(ECO_SEV_ERROR));
		fprintf(stderr, missing, own);
		putc('\n', stderr);
		exit(ECO_EXIT_DATA);
	}
	return cli_expand(1, one, d);
}

/* Output of one record or passed-through document. */

static void
emit(const struct eco_node *n, const char *file, struct eco_diags *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int rc;

	if (write_failed)
		return;
	if (opt.fmt != FMT_JSON) {
		if (eco_emit_yaml(stdout, n) < 0)
			write_failed = 1;
		return;
	}
	/* whole or not at all: a value JSON cannot carry leaves nothing */
	if (!(mem = open_memstream(&buf, &len))) {
		eco_diag_sys(d, NULL, "%s", strerror(errno));
		write_failed = 1;
		return;
	}
	rc = eco_emit_json(mem, n, file, d);
	if (fclose(mem) != 0)
		rc = -1;
	if (rc == 0 && fwrite(buf, 1, len, stdout) != len)
		write_failed = 1;
	else if (rc == -1)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	free(buf);
}

/* Reading: each document of each input, loader errors recorded. */
static void
each_doc(char **paths, void (*fn)(struct eco_doc *, struct eco_diags *),
    struct eco_diags *d, int print)
{
	struct eco_reader *r;
	struct eco_doc *doc;
	char **p;

	for (p = paths; p && *p && !write_failed; p++) {
		if (!(r = eco_reader_open(*p, &lim, d)))
			continue;
		while (!write_failed && eco_reader_next(r, &doc) > 0) {
			if (doc->nerr)
				eco_doc_free(doc);	/* the loader said why */
			else
				fn(doc, d);
		}
		eco_reader_close(r);
		if (print)
			cli_print_diags(d);
	}
}

static const char *
kind_of(const struct eco_doc *doc)
{
	const struct eco_node *k;

	if (!doc->root || doc->root->type != ECO_MAP ||
	    !(k = eco_map_get(doc->root, "kind")) || k->type != ECO_STR)
		return NULL;
	return k->s;
}

static int
eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Filters. */

static struct eco_plan *P;

static int
keep_action(const struct eco_action_view *a, int dates)
{
	return (!opt.systeme || eq(a->systeme, opt.systeme)) &&
	    (!opt.responsable || eq(a->responsable, opt.responsable)) &&
	    (!opt.partenaire || eco_action_has_partner(a, opt.partenaire)) &&
	    (!opt.bailleur || eco_action_funded_by(a, opt.bailleur)) &&
	    (!dates || !opt.from || eco_action_between(a, opt.from, opt.to));
}

/* Indicators have neither partners nor funders: those filters keep none. */
static int
keep_indicateur(const struct eco_indicateur_view *x, int dates)
{
	const char *e = x->echeance_eff;

	return (!opt.systeme || eq(x->systeme, opt.systeme)) &&
	    (!opt.responsable || eq(x->responsable_mesure, opt.responsable)) &&
	    !opt.partenaire && !opt.bailleur &&
	    (!dates || !opt.from ||
	    (e && strcmp(e, opt.from) >= 0 && strcmp(e, opt.to) <= 0));
}

/* A transformation by its system, then by its actions. */
static int
keep_transformation(const struct eco_transformation_view *t)
{
	size_t i;

	if (opt.systeme && !eq(t->systeme, opt.systeme))
		return 0;
	if (!any_action_filter())
		return 1;
	for (i = 0; i < P->nactions; i++)
		if (eq(P->actions[i].objectif, t->objectif) &&
		    eq(P->actions[i].systeme, t->systeme) &&
		    keep_action(&P->actions[i], 1))
			return 1;
	return 0;
}

/* An objective by its actions. */
static int
keep_objectif(const struct eco_objectif_view *o)
{
	size_t i;

	if (!any_filter())
		return 1;
	for (i = 0; i < P->nactions; i++)
		if (eq(P->actions[i].objectif, o->id) &&
		    keep_action(&P->actions[i], 1))
			return 1;
	return 0;
}

static int
keep(enum eco_view_kind k, size_t i)
{
	switch (k) {
	case ECO_VIEW_OBJECTIF:
		return keep_objectif(&P->objectifs[i]);
	case ECO_VIEW_TRANSFORMATION:
		return keep_transformation(&P->transformations[i]);
	case ECO_VIEW_INDICATEUR:
		return keep_indicateur(&P->indicateurs[i], 1);
	case ECO_VIEW_ACTION:
		return keep_action(&P->actions[i], 1);
	}
	return 0;
}

/* Records: objectifs, transformations, indicateurs, actions. */

static enum eco_view_kind
wanted(void)
{
	return opt.sub == OBJECTIFS ? ECO_VIEW_OBJECTIF :
	    opt.sub == TRANSFORMATIONS ? ECO_VIEW_TRANSFORMATION :
	    opt.sub == INDICATEURS ? ECO_VIEW_INDICATEUR : ECO_VIEW_ACTION;
}

static size_t
nviews(enum eco_view_kind k)
{
	return k == ECO_VIEW_OBJECTIF ? P->nobjectifs :
	    k == ECO_VIEW_TRANSFORMATION ? P->ntransformations :
	    k == ECO_VIEW_INDICATEUR ? P->nindicateurs : P->nactions;
}

static const char *
view_file(enum eco_view_kind k, size_t i)
{
	return k == ECO_VIEW_OBJECTIF ? P->objectifs[i].v.file :
	    k == ECO_VIEW_TRANSFORMATION ? P->transformations[i].v.file :
	    k == ECO_VIEW_INDICATEUR ? P->indicateurs[i].v.file :
	    P->actions[i].v.file;
}

static void
out_of_memory(struct eco_diags *d)
{
	eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	write_failed = 1;
}

static void
take_record(struct eco_doc *doc, struct eco_diags *d)
{
	enum eco_view_kind k = wanted();
	const char *kind = kind_of(doc);
	const struct eco_node *rec;
	size_t i, before = nviews(k);

	if (!kind || (strcmp(kind, "plan") != 0 &&
	    strcmp(kind, eco_view_kinds[k]) != 0)) {
		emit(doc->root, doc->file, d);	/* passed through */
		eco_doc_free(doc);
		return;
	}
	if (eco_plan_add(P, doc) < 0) {
		out_of_memory(d);
		return;
	}
	for (i = before; i < nviews(k) && !write_failed; i++) {
		if (!keep(k, i))
			continue;
		if (!(rec = eco_plan_record(P, k, i)))
			out_of_memory(d);
		else
			emit(rec, view_file(k, i), d);
	}
}

/* verifie: the schema, the plan rules, then what is left to fill. */

static struct {
	struct eco_schemaset *set;
	struct eco_index *index;
	struct eco_diags found;		/* schema and rules */
	size_t docs;
} V;

static void
take_checked(struct eco_doc *doc, struct eco_diags *d)
{
	const char *kind = kind_of(doc);

	if (!eco_plan_kind(kind)) {
		eco_doc_free(doc);	/* not part of a plan: not ours */
		return;
	}
	V.docs++;
	eco_schema_check(eco_schemaset_kind(V.set, kind), doc->root, doc->file,
	    &V.found);
	eco_rules_doc(V.index, doc, &V.found);
	if (eco_plan_add(P, doc) < 0)
		out_of_memory(d);
}

/* The project around the first named file, or "" for none. */
static void
project_of(char **paths, char *root, size_t cap)
{
	char dir[PATH_MAX], *slash;

	root[0] = '\0';
	if (!paths || !paths[0] || strcmp(paths[0], "-") == 0)
		return;
	snprintf(dir, sizeof dir, "%s", paths[0]);
	if ((slash = strrchr(dir, '/')))
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	if (eco_project_root(dir, root, cap) < 0)
		root[0] = '\0';
}

static int
named(char **paths, const char *path)
{
	char a[PATH_MAX], b[PATH_MAX];

	if (!realpath(path, a))
		return 0;
	for (; *paths; paths++)
		if (strcmp(*paths, "-") != 0 && realpath(*paths, b) &&
		    strcmp(a, b) == 0)
			return 1;
	return 0;
}

/* The ids of the rest of the project, so references resolve (members,
 * priorities), as eco-validate does for part of a project. */
static void
read_context(const char *root, char **paths)
{
	struct eco_diags quiet;
	struct eco_reader *r;
	struct eco_doc *doc;
	char *one = (char *)(uintptr_t)root, **all, **f;

	eco_diags_init(&quiet);
	all = cli_expand(1, &one, &quiet);
	eco_index_context(V.index);
	for (f = all; f && *f; f++) {
		if (named(paths, *f) || !(r = eco_reader_open(*f, &lim, &quiet)))
			continue;
		while (eco_reader_next(r, &doc) > 0) {
			eco_rules_doc(V.index, doc, &quiet);
			eco_doc_free(doc);
		}
		eco_reader_close(r);
	}
	cli_free_paths(all);
	eco_diags_free(&quiet);
}

/*
 * A schema failure the gaps say better: at a value left empty (the same
 * JSON pointer), or a required key missing from the mapping a gap points
 * at for that very key (its message names it « key »).
 */
static int
told_by_gap(const struct eco_diag *s, const struct eco_diags *gaps)
{
	const struct eco_diag *g;
	const char *key, *base;
	char quoted[128];
	size_t i, n;

	if (!s->check || strcmp(s->check, "schema") != 0 || !s->path)
		return 0;
	base = strcmp(s->path, "/") == 0 ? "" : s->path;	/* the root */
	for (i = 0; i < gaps->n; i++) {
		g = &gaps->v[i];
		if (!g->path || !eq(g->file, s->file))
			continue;
		if (strcmp(g->path, s->path) == 0)
			return 1;
		n = strlen(base);
		if (g->line != s->line || g->col != s->col ||
		    strncmp(g->path, base, n) != 0 || g->path[n] != '/')
			continue;
		key = g->path + n + 1;
		snprintf(quoted, sizeof quoted, "« %s »", key);
		if (!strchr(key, '/') && strstr(s->msg, quoted))
			return 1;
	}
	return 0;
}

static void
copy_diag(struct eco_diags *to, const struct eco_diag *g)
{
	if (g->sys) {
		eco_diag_sys(to, g->file, "%s", g->msg);
		return;
	}
	eco_diag_add(to, g->file, g->line, g->col, g->sev, g->check, "%s",
	    g->msg);
	if (g->path)
		eco_diag_set_path(to, g->path);
}

static void
summary_text(const struct eco_plan_counts *c, size_t left)
{
	const size_t *k = c->complete, *n = c->total;

	printf(ngettext("%zu of %zu objective complete",
	    "%zu of %zu objectives complete", k[0]), k[0], n[0]);
	putchar('\n');
	printf(ngettext("%zu of %zu transformation complete",
	    "%zu of %zu transformations complete", k[1]), k[1], n[1]);
	putchar('\n');
	printf(ngettext("%zu of %zu indicator complete",
	    "%zu of %zu indicators complete", k[2]), k[2], n[2]);
	putchar('\n');
	printf(ngettext("%zu of %zu action complete",
	    "%zu of %zu actions complete", k[3]), k[3], n[3]);
	putchar('\n');
	if (left == 0)
		puts(_("The plan is complete."));
	else {
		printf(ngettext("%zu thing to fill or fix before the plan is complete.",
		    "%zu things to fill or fix before the plan is complete.", left),
		    left);
		putchar('\n');
	}
}

static void
json_str(const char *key, const char *val, int comma)
{
	printf("%s\"%s\":", comma ? "," : "", key);
	if (val)
		eco_json_string(stdout, val, strlen(val));
	else
		fputs("null", stdout);
}

static int
by_place(const void *x, const void *y)
{
	const struct eco_diag *a = *(const struct eco_diag *const *)x;
	const struct eco_diag *b = *(const struct eco_diag *const *)y;
	int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* One JSON object: completeness, counts and every diagnostic. */
static void
summary_json(const struct eco_plan_counts *c, struct eco_diags *d,
    size_t left)
{
	static const char *const sev[] = { "error", "warning", "note" };
	const struct eco_diag **o = malloc((d->n ? d->n : 1) * sizeof *o);
	size_t i;
	int k;

	printf("{\"complete\":%s,\"left\":%zu,\"counts\":{",
	    left ? "false" : "true", left);
	for (k = 0; k < ECO_NVIEW; k++)
		printf("%s\"%s\":{\"complete\":%zu,\"total\":%zu}", k ? "," : "",
		    eco_view_kinds[k], c->complete[k], c->total[k]);
	fputs("},\"diagnostics\":[", stdout);
	for (i = 0; o && i < d->n; i++)
		o[i] = &d->v[i];
	if (o)
		qsort(o, d->n, sizeof *o, by_place);
	for (i = 0; o && i < d->n; i++) {
		printf("%s{", i ? "," : "");
		json_str("file", o[i]->file, 0);
		printf(",\"line\":%d,\"column\":%d", o[i]->line, o[i]->col);
		json_str("path", o[i]->path, 1);
		json_str("check", o[i]->check, 1);
		json_str("severity", sev[o[i]->sev], 1);
		json_str("message", o[i]->msg, 1);
		putchar('}');
	}
	puts("]}");
	if (!o)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	free(o);
}

static int
verifie(char **paths, struct eco_diags *d)
{
	struct eco_plan_counts c;
	struct eco_diags gaps;
	char root[PATH_MAX];
	size_t i, left = 0;
	int rc;

	if (!(V.set = eco_schemaset_new()) || !(V.index = eco_index_new()) ||
	    eco_schemaset_add_eco(V.set, d) < 0 ||
	    eco_schemaset_resolve(V.set, d) < 0) {
		eco_diag_sys(d, NULL, "%s", _("eco's schemas cannot be read"));
		eco_schemaset_free(V.set);
		eco_index_free(V.index);
		return ECO_EXIT_SYS;
	}
	eco_diags_init(&V.found);
	eco_diags_init(&gaps);
	project_of(paths, root, sizeof root);
	if (root[0])
		eco_index_project(V.index);
	each_doc(paths, take_checked, d, 0);
	if (root[0])
		read_context(root, paths);
	eco_rules_project(V.index, &V.found);
	if (V.docs == 0 && !d->nerr && !d->sys)
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no plan in the input (kind: plan, or records from eco-plan)"));
	eco_plan_gaps(P, &gaps, &c);
	for (i = 0; i < V.found.n; i++)
		if (!told_by_gap(&V.found.v[i], &gaps))
			copy_diag(d, &V.found.v[i]);
	for (i = 0; i < gaps.n; i++)
		copy_diag(d, &gaps.v[i]);
	for (i = 0; i < d->n; i++)
		left += d->v[i].sev != ECO_SEV_NOTE;
	/* JSON: one object whatever happened, for the script reading it */
	if (opt.fmt == FMT_JSON) {
		summary_json(&c, d, left);
		eco_diags_clear(d);
	} else {
		if (V.docs)
			summary_text(&c, left);
		cli_print_diags(d);
	}
	rc = cli_finish(d);
	eco_diags_free(&gaps);
	eco_diags_free(&V.found);
	eco_schemaset_free(V.set);
	eco_index_free(V.index);
	if (rc == ECO_EXIT_SYS || d->sys)
		return ECO_EXIT_SYS;
	return left || d->nerr ? ECO_EXIT_DATA : ECO_EXIT_OK;
}

/* calendrier: every follow-up date, in date order. */

static void
take_plan(struct eco_doc *doc, struct eco_diags *d)
{
	if (!eco_plan_kind(kind_of(doc)))
		eco_doc_free(doc);
	else if (eco_plan_add(P, doc) < 0)
		out_of_memory(d);
}

/* Whether a calendar entry is kept: --entre on its date, the other
 * filters on its action or indicator; the plan's own reviews concern
 * everyone, so they go when another filter is given. */
static int
keep_entry(const struct eco_echeance *e)
{
	if (opt.from && (strcmp(e->date, opt.from) < 0 ||
	    strcmp(e->date, opt.to) > 0))
		return 0;
	switch (e->what) {
	case ECO_ECH_PLAN:
		return !opt.systeme && !opt.responsable && !opt.partenaire &&
		    !opt.bailleur;
	case ECO_ECH_ACTION:
		return keep_action(&P->actions[e->index], 0);
	case ECO_ECH_INDICATEUR:
		return keep_indicateur(&P->indicateurs[e->index], 0);
	}
	return 0;
}

static void
entry_row(struct eco_table *t, const struct eco_echeance *e)
{
	const struct eco_action_view *a = &P->actions[e->index];
	const struct eco_indicateur_view *x = &P->indicateurs[e->index];

	eco_table_row(t);
	eco_table_text(t, 0, e->date);
	/* JSON is for programs: a code there, words for people elsewhere */
	switch (e->what) {
	case ECO_ECH_PLAN:
		eco_table_text(t, 1, opt.fmt == FMT_JSON ? "plan" : _("plan review"));
		eco_table_text(t, 2, P->id);
		eco_table_text(t, 5, P->titre);
		break;
	case ECO_ECH_ACTION:
		eco_table_text(t, 1, opt.fmt == FMT_JSON ? "action" :
		    _("action follow-up"));
		eco_table_text(t, 2, a->id);
		eco_table_text(t, 3, a->responsable);
		eco_table_text(t, 4, a->objectif);
		eco_table_text(t, 5, a->titre);
		break;
	case ECO_ECH_INDICATEUR:
		eco_table_text(t, 1, opt.fmt == FMT_JSON ? "indicateur" :
		    _("indicator deadline"));
		eco_table_text(t, 2, x->id);
		eco_table_text(t, 3, x->responsable_mesure);
		eco_table_text(t, 4, x->objectif);
		eco_table_text(t, 5, x->libelle);
		break;
	}
}

static enum eco_rformat
rformat(void)
{
	switch (opt.fmt) {
	case FMT_JSON: return ECO_R_JSON;
	case FMT_CSV: return ECO_R_CSV;
	case FMT_MD: return ECO_R_MD;
	case FMT_HTML: return ECO_R_HTML;
	default: return ECO_R_TEXTE;
	}
}

static int
calendrier(char **paths, struct eco_diags *d)
{
	struct eco_echeance *v;
	struct eco_report *r;
	struct eco_table *t;
	size_t n, i;

	each_doc(paths, take_plan, d, 1);
	if (write_failed || d->nerr)
		return cli_finish(d);
	v = eco_plan_calendar(P, &n);
	if (n == (size_t)-1 || !(r = eco_report_new("fr",
	    _("Follow-up calendar")))) {
		free(v);
		out_of_memory(d);
		return cli_finish(d);
	}
	t = eco_report_table(r, "echeance", P->titre, ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "date", _("Date"), 0, 0);
	eco_table_column(t, "quoi", _("What"), 0, 0);
	eco_table_column(t, "id", _("Id"), 0, 0);
	eco_table_column(t, "responsable", _("Responsable"), 0, 0);
	eco_table_column(t, "objectif", _("Objective"), ECO_COL_NOTEXTE, 0);
	eco_table_column(t, "libelle", _("Label"), ECO_COL_TRUNC, 44);
	for (i = 0; i < n; i++)
		if (keep_entry(&v[i]))
			entry_row(t, &v[i]);
	free(v);
	if (eco_report_write(stdout, r, rformat(), d) < 0 && !d->n)
		out_of_memory(d);
	eco_report_free(r);
	return cli_finish(d);
}

/*
 * squelette: a plan to fill, from priorites.yaml.  The guidance is the
 * schema's own (titles, descriptions, examples), as comments.  Slots
 * are the values a planning meeting must give, written empty, so that
 * eco-plan verifie lists them; other fields are commented out.
 */

/* The slots: what eco_plan_gaps asks of each. */
static const char *const ind_slots[] = { "id", "libelle", "cible",
	"outil_suivi", NULL };
static const char *const act_slots[] = { "id", "titre", "responsable",
	"partenaires", "debut", "fin", "budget", "calendrier_suivi", NULL };
static const char *const tr_slots[] = { "libelle", "indicateurs", "actions",
	NULL };

static struct {
	struct eco_schemaset *set;
	const struct eco_node *plan, *defs;	/* schema trees */
	struct eco_doc **prio;		/* the priorite records */
	size_t nprio;
	FILE *out;
	int dash;		/* the next key starts an item of a list */
	int told_ind, told_act, told_tr;	/* descriptions given once */
} S;

/* Indentation of a key at column indent, or "- " before the first key
 * of a list item. */
static void
lead(int indent)
{
	fprintf(S.out, "%*s%s", S.dash ? indent - 2 : indent, "",
	    S.dash ? "- " : "");
	S.dash = 0;
}

static void
take_priorities(struct eco_doc *doc, struct eco_diags *d)
{
	const char *kind = kind_of(doc);
	struct eco_doc **v;

	if (eq(kind, "objectif")) {
		if (eco_plan_add(P, doc) < 0)
			out_of_memory(d);
		return;
	}
	if (eq(kind, "priorite") &&
	    (v = realloc(S.prio, (S.nprio + 1) * sizeof *v))) {
		S.prio = v;
		S.prio[S.nprio++] = doc;
		return;
	}
	if (eq(kind, "priorite"))
		out_of_memory(d);
	eco_doc_free(doc);
}

static const char *
sstr(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = eco_map_get(m, key);

	return n && n->type == ECO_STR ? n->s : NULL;
}

/* The schema of a property: of the plan (def NULL) or of $defs/def. */
static const struct eco_node *
prop(const char *def, const char *key)
{
	const struct eco_node *m = def ?
	    eco_map_get(eco_map_get(S.plan, "$defs"), def) : S.plan;

	return eco_map_get(eco_map_get(m, "properties"), key);
}

/* "# text", wrapped at 78 columns, continuation lines indented. */
static void
comment(int indent, const char *text)
{
	const char *p = text, *sp;
	size_t col, w, first = 1;

	while (*p) {
		fprintf(S.out, "%*s#%s", indent, "", first ? " " : "   ");
		col = (size_t)indent + (first ? 2 : 4);
		first = 0;
		do {
			sp = strchr(p, ' ');
			w = sp ? (size_t)(sp - p) : strlen(p);
			fwrite(p, 1, w, S.out);
			col += w;
			p += w;
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			sp = strchr(p, ' ');
			w = sp ? (size_t)(sp - p) : strlen(p);
			if (col + 1 + w > 78)
				break;
			putc(' ', S.out);
			col++;
		} while (*p);
		putc('\n', S.out);
	}
}

/* "# Title : description" of a schema node. */
static void
guide(int indent, const struct eco_node *schema)
{
	const char *t = sstr(schema, "title"), *d = sstr(schema, "description");
	char buf[2048];

	/* the schemas speak French: French punctuation, whatever the locale */
	if (t && d)
		snprintf(buf, sizeof buf, "%s : %s", t, d);
	else
		snprintf(buf, sizeof buf, "%s", t ? t : d ? d : "");
	if (buf[0])
		comment(indent, buf);
}

/* Text YAML reads back as the same string without quotes. */
static int
plain_ok(const char *s, size_t n, int flow)
{
	size_t i;

	if (n == 0 || eco_str_needs_quotes(s, n) ||
	    strchr("-?:,[]{}#&*!|>'\"%@` ", s[0]) || s[n - 1] == ' ' ||
	    s[n - 1] == ':')
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f || (c == ':' && s[i + 1] == ' ') ||
		    (c == '#' && s[i - 1] == ' ') ||
		    (flow && strchr(",[]{}", c)))
			return 0;
	}
	return 1;
}

static void
scalar(const struct eco_node *n, int flow)
{
	if (n->type == ECO_STR && !plain_ok(n->s, n->len, flow))
		eco_json_string(S.out, n->s, n->len);	/* valid YAML too */
	else
		fputs(n->s, S.out);
}

/* A value as the priorities wrote it: scalar or flow sequence. */
static void
value_line(int indent, const char *key, const struct eco_node *v)
{
	size_t i;

	lead(indent);
	fprintf(S.out, "%s: ", key);
	if (v->type == ECO_SEQ) {
		putc('[', S.out);
		for (i = 0; i < v->len; i++) {
			if (i)
				fputs(", ", S.out);
			if (v->u.items[i]->type != ECO_SEQ &&
			    v->u.items[i]->type != ECO_MAP)
				scalar(v->u.items[i], 1);
		}
		putc(']', S.out);
	} else if (v->type != ECO_MAP)
		scalar(v, 0);
	putc('\n', S.out);
}

static int
in(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* "key:", padded to width, and its description; commented out when
 * optional (uncommented, it still reads as an empty value). */
static void
slot(int indent, const char *key, int width, const struct eco_node *schema,
    int optional)
{
	const char *d = sstr(schema, "description");
	int n = (optional ? 2 : 0) + (int)strlen(key) + 1;

	lead(indent);
	fprintf(S.out, "%s%s:", optional ? "# " : "", key);
	if (d)
		fprintf(S.out, "%*s# %s", width > n ? width - n + 1 : 1, "", d);
	putc('\n', S.out);
}

static const struct eco_node *
def_props(const char *def)
{
	return eco_map_get(eco_map_get(eco_map_get(S.plan, "$defs"), def),
	    "properties");
}

/* An example of a budget line, from the schema's examples. */
static void
budget_example(int indent)
{
	const struct eco_node *props = def_props("ligne_budget"), *ex;
	size_t i, n = 0;

	fprintf(S.out, "%*s#   - {", indent, "");
	for (i = 0; props && i < props->len; i++) {
		ex = eco_map_get(props->u.pairs[i].val, "examples");
		if (!ex || ex->type != ECO_SEQ || !ex->len ||
		    ex->u.items[0]->type == ECO_SEQ || ex->u.items[0]->type == ECO_MAP)
			continue;
		fprintf(S.out, "%s%s: ", n++ ? ", " : "", props->u.pairs[i].key->s);
		scalar(ex->u.items[0], 1);
	}
	fputs("}\n", S.out);
}

/* The fields of $defs/def: the slots first, in their order, then the
 * other properties commented out, in the schema's order. */
static void
fields(int indent, const char *def, const char *const *slots, int *told)
{
	const struct eco_node *props = def_props(def);
	size_t i, w = 0;
	const char *const *sl;
	int tell = !*told;

	for (i = 0; props && i < props->len; i++)
		if (props->u.pairs[i].key->len > w)
			w = props->u.pairs[i].key->len;
	w += 3;		/* "# " and ":" */
	*told = 1;
	for (sl = slots; *sl; sl++) {
		slot(indent, *sl, (int)w, tell ? prop(def, *sl) : NULL, 0);
		if (strcmp(*sl, "budget") == 0 && tell)
			budget_example(indent);
	}
	for (i = 0; props && i < props->len; i++)
		if (!in(slots, props->u.pairs[i].key->s))
			slot(indent, props->u.pairs[i].key->s, (int)w,
			    tell ? props->u.pairs[i].val : NULL, 1);
}

/* The priorities of an objective in one system, as reminders. */
static void
priorities_of(int indent, const struct eco_objectif_view *o, const char *sys)
{
	char buf[2048];
	size_t i, j;

	for (i = 0; i < S.nprio; i++) {
		const struct eco_node *r = S.prio[i]->root;
		const char *id = sstr(r, "id"), *what = sstr(r, "enonce");

		if (!id || !eq(sstr(r, "systeme"), sys))
			continue;
		for (j = 0; j < o->npriorites && strcmp(o->priorites[j], id); j++)
			;
		if (j == o->npriorites)
			continue;
		if (!what)
			what = sstr(r, "justification");
		snprintf(buf, sizeof buf, _("Priority %s: %s"), id, what ? what : "");
		comment(indent, buf);
	}
}

static void
transformation(int indent, const struct eco_objectif_view *o, int s)
{
	const char *sys = eco_systemes[s];
	const struct eco_node *props = def_props("transformation");
	size_t i, w = 0;
	int tell = !S.told_tr;

	S.told_tr = 1;
	guide(indent, eco_map_get(def_props("transformations"), sys));
	priorities_of(indent, o, sys);
	fprintf(S.out, "%*s%s:\n", indent, "", sys);
	for (i = 0; props && i < props->len; i++)
		if (props->u.pairs[i].key->len > w)
			w = props->u.pairs[i].key->len;
	w += 3;
	indent += 2;
	slot(indent, "libelle", (int)w,
	    tell ? prop("transformation", "libelle") : NULL, 0);
	slot(indent, "indicateurs", (int)w,
	    tell ? prop("transformation", "indicateurs") : NULL, 0);
	S.dash = 1;
	fields(indent + 4, "indicateur", ind_slots, &S.told_ind);
	slot(indent, "actions", (int)w,
	    tell ? prop("transformation", "actions") : NULL, 0);
	S.dash = 1;
	fields(indent + 4, "action", act_slots, &S.told_act);
	for (i = 0; props && i < props->len; i++)
		if (!in(tr_slots, props->u.pairs[i].key->s))
			slot(indent, props->u.pairs[i].key->s, (int)w,
			    tell ? props->u.pairs[i].val : NULL, 1);
}

static int
required(const char *def, const char *key)
{
	const struct eco_node *r = eco_map_get(eco_map_get(eco_map_get(
	    S.plan, "$defs"), def), "required");
	size_t i;

	for (i = 0; r && r->type == ECO_SEQ && i < r->len; i++)
		if (r->u.items[i]->type == ECO_STR &&
		    strcmp(r->u.items[i]->s, key) == 0)
			return 1;
	return 0;
}

/* An objective: what the priorities said, then its three systems. */
static void
objective(const struct eco_objectif_view *o)
{
	const struct eco_node *props = def_props("objectif"), *v;
	size_t i;
	int s;

	S.dash = 1;
	for (i = 0; props && i < props->len; i++) {
		const char *k = props->u.pairs[i].key->s;

		if (strcmp(k, "transformations") == 0) {
			guide(4, prop("objectif", k));
			fprintf(S.out, "    %s:\n", k);
			for (s = 0; s < ECO_NSYS; s++)
				transformation(6, o, s);
		} else if ((v = eco_map_get(o->v.node, k)) && v->type != ECO_NULL)
			value_line(4, k, v);
		else
			slot(4, k, 16, props->u.pairs[i].val, !required("objectif", k));
	}
}

static int
rank(const struct eco_objectif_view *o)
{
	const struct eco_node *r = eco_map_get(o->v.node, "rang");

	return r && r->type == ECO_INT && !(r->flags & ECO_F_BIG) &&
	    r->u.i > 0 && r->u.i < INT_MAX ? (int)r->u.i : INT_MAX;
}

static int
by_rank(const void *x, const void *y)
{
	const struct eco_objectif_view *a =
	    *(const struct eco_objectif_view *const *)x;
	const struct eco_objectif_view *b =
	    *(const struct eco_objectif_view *const *)y;

	if (rank(a) != rank(b))
		return rank(a) < rank(b) ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int
write_skeleton(void)
{
	const struct eco_node *props = eco_map_get(S.plan, "properties");
	const struct eco_node *per = eco_map_get(eco_map_get(eco_map_get(
	    S.defs, "$defs"), "periode"), "properties");
	const struct eco_objectif_view **o;
	size_t i, j;

	if (!(o = malloc(P->nobjectifs * sizeof *o)))
		return -1;
	for (i = 0; i < P->nobjectifs; i++)
		o[i] = &P->objectifs[i];
	qsort(o, P->nobjectifs, sizeof *o, by_rank);
	fprintf(S.out, "# yaml-language-server: $schema=%s\n#\n",
	    sstr(S.plan, "$id"));
	guide(0, S.plan);
	fputs("#\n", S.out);
	comment(0, _("Skeleton printed by eco-plan squelette from the priorities: incomplete by design.  Fill every empty value; uncomment the other fields you need.  eco-plan verifie says what is left to fill."));
	fputs("kind: plan\nversion: 1\n", S.out);
	for (i = 0; props && i < props->len; i++) {
		const char *k = props->u.pairs[i].key->s;
		const struct eco_node *sch = props->u.pairs[i].val;

		if (strcmp(k, "kind") == 0 || strcmp(k, "version") == 0)
			continue;
		if (strcmp(k, "periode") == 0) {
			guide(0, sch);
			fputs("periode:\n", S.out);
			for (j = 0; per && j < per->len; j++)
				slot(2, per->u.pairs[j].key->s, 8, per->u.pairs[j].val, 0);
		} else if (strcmp(k, "objectifs") == 0) {
			guide(0, sch);
			fputs("objectifs:\n", S.out);
			for (j = 0; j < P->nobjectifs; j++) {
				fputs("\n", S.out);
				objective(o[j]);
			}
		} else
			slot(0, k, 20, sch, 1);
	}
	free(o);
	return ferror(S.out) ? -1 : 0;
}

/* -e: plan.yaml in the project, never over an existing one. */
static void
write_plan(const char *buf, size_t len, struct eco_diags *d)
{
	char root[PATH_MAX], path[PATH_MAX + 16], rel[PATH_MAX];
	char shown[PATH_MAX + 16];
	int lock, rc, err;

	if (eco_project_root(".", root, sizeof root) < 0)
		cli_usage_error(usage, "%s",
		    _("-e writes plan.yaml in the project, but there is no eco project here (no eco.yaml in this folder or above)"));
	snprintf(path, sizeof path, "%s/plan.yaml", root);
	snprintf(shown, sizeof shown, "%s/plan.yaml",
	    cli_relative(root, rel, sizeof rel));
	/* a plan already there is refused without touching the project;
	 * must_be_new, under the lock, settles a race with another writer */
	if (access(path, F_OK) == 0) {
		rc = -1;
		err = EEXIST;
	} else if ((lock = eco_project_lock(root)) < 0) {
		eco_diag_sys(d, root, _("cannot lock the project: %s"),
		    strerror(errno));
		return;
	} else {
		rc = eco_write_atomic(path, buf, len, NULL, 0, 1);
		err = errno;
		eco_project_unlock(lock);
	}
	if (rc < 0 && err == EEXIST)
		eco_diag_add(d, strncmp(shown, "./", 2) == 0 ? shown + 2 : shown,
		    0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("the project has a plan already; eco-plan never overwrites it (without -e, the skeleton goes to standard output)"));
	else if (rc < 0)
		eco_diag_sys(d, path, "%s", strerror(err));
}

static int
load_schemas(struct eco_diags *d)
{
	if (!(S.set = eco_schemaset_new()) || eco_schemaset_add_eco(S.set, d) < 0 ||
	    eco_schemaset_resolve(S.set, d) < 0 ||
	    !(S.plan = eco_schema_node(eco_schemaset_kind(S.set, "plan"))) ||
	    !(S.defs = eco_schema_node(eco_schemaset_get(S.set,
	    "https://eco.quebec/schemas/defs.schema.json")))) {
		eco_diag_sys(d, NULL, "%s", _("eco's schemas cannot be read"));
		return -1;
	}
	return 0;
}

static void
skeleton(struct eco_diags *d)
{
	char *buf = NULL;
	size_t len = 0;
	int bad;

	if (!(S.out = open_memstream(&buf, &len))) {
		out_of_memory(d);
		return;
	}
	bad = write_skeleton() < 0;
	if (fclose(S.out) != 0 || bad)
		out_of_memory(d);
	else if (opt.write)
		write_plan(buf, len, d);
	else if (fwrite(buf, 1, len, stdout) != len)
		write_failed = 1;
	free(buf);
}

static int
squelette(char **paths, struct eco_diags *d)
{
	size_t i;

	if (load_schemas(d) == 0)
		each_doc(paths, take_priorities, d, 1);
	if (!d->nerr && !d->sys && !write_failed && P->nobjectifs == 0)
		eco_diag_add(d, paths && paths[0] && strcmp(paths[0], "-") ?
		    paths[0] : "<stdin>", 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no objective (kind: objectif) here: the plan's objectives come from the priorities (eco-priorites, Outil 8)"));
	if (!d->nerr && !d->sys && !write_failed)
		skeleton(d);
	for (i = 0; i < S.nprio; i++)
		eco_doc_free(S.prio[i]);
	free(S.prio);
	eco_schemaset_free(S.set);
	return cli_finish(d);
}

/* Options and subcommands. */

enum { O_SYSTEME = 256, O_RESPONSABLE, O_PARTENAIRE, O_BAILLEUR, O_ENTRE };

static void
add_file(char *s)
{
	char **v = realloc(opt.files, (opt.nfiles + 1) * sizeof *v);

	if (!v) {
		perror(cli_prog);
		exit(ECO_EXIT_SYS);
	}
	v[opt.nfiles++] = s;
	opt.files = v;
}

static enum sub
subcommand(const char *s)
{
	const char *names[2 * sizeof subs / sizeof *subs], *close;
	size_t i, n = 0;

	for (i = 0; i < sizeof subs / sizeof *subs; i++) {
		if (strcmp(s, subs[i].name) == 0 ||
		    (subs[i].alias && strcmp(s, subs[i].alias) == 0))
			return subs[i].sub;
		names[n++] = subs[i].name;
	}
	if ((close = eco_closest(s, names, n)))
		cli_usage_error(usage, _("unknown subcommand « %s » (did you mean %s?)"),
		    s, close);
	cli_usage_error(usage, _("unknown subcommand « %s »"), s);
}

/* --entre DATE DATE: the second date is the next argument. */
static void
between(int argc, char **argv)
{
	const char *a = optarg, *b = optind < argc ? argv[optind] : NULL;

	if (!b || !eco_format_date(a, strlen(a)) || !eco_format_date(b, strlen(b)))
		cli_usage_error(usage,
		    _("--entre expects two dates AAAA-MM-JJ, the first and the last day"));
	if (strcmp(a, b) > 0)
		cli_usage_error(usage, _("--entre: %s comes after %s"), a, b);
	optind++;
	opt.from = a;
	opt.to = b;
}

static void
check_options(const char *fmt)
{
	static const unsigned allowed[] = {
		[SQUELETTE] = 1u << FMT_YAML,
		[VERIFIE] = 1u << FMT_TEXTE | 1u << FMT_JSON,
		[OBJECTIFS] = 1u << FMT_YAML | 1u << FMT_JSON,
		[TRANSFORMATIONS] = 1u << FMT_YAML | 1u << FMT_JSON,
		[INDICATEURS] = 1u << FMT_YAML | 1u << FMT_JSON,
		[ACTIONS] = 1u << FMT_YAML | 1u << FMT_JSON,
		[CALENDRIER] = 1u << FMT_TEXTE | 1u << FMT_JSON | 1u << FMT_CSV |
		    1u << FMT_MD | 1u << FMT_HTML,
	};
	const char *names[ECO_NSYS + 1], *close;
	int i;

	opt.fmt = opt.sub == VERIFIE || opt.sub == CALENDRIER ? FMT_TEXTE :
	    FMT_YAML;
	if (fmt)
		opt.fmt = cli_format(fmt, allowed[opt.sub], usage);
	if (opt.write && opt.sub != SQUELETTE)
		cli_usage_error(usage, "%s", _("-e applies to squelette only"));
	if (any_filter() && (opt.sub == SQUELETTE || opt.sub == VERIFIE))
		cli_usage_error(usage, "%s",
		    _("--systeme, --responsable, --partenaire, --bailleur and --entre apply to records and to the calendar"));
	if (opt.systeme && eco_systeme_index(opt.systeme) < 0) {
		for (i = 0; i < ECO_NSYS; i++)
			names[i] = eco_systemes[i];
		if ((close = eco_closest(opt.systeme, names, ECO_NSYS)))
			cli_usage_error(usage,
			    _("unknown system « %s » (did you mean %s?)"),
			    opt.systeme, close);
		cli_usage_error(usage,
		    _("unknown system « %s » (expected: enfant, famille or communaute)"),
		    opt.systeme);
	}
}

static int
run(struct eco_diags *d)
{
	char **paths;
	int rc;

	paths = inputs(opt.sub == SQUELETTE ? "priorites.yaml" : "plan.yaml",
	    opt.sub == SQUELETTE ?
	    _("this project has no %s yet: choose the priorities and objectives first (eco-priorites)") :
	    _("this project has no %s yet: eco-plan squelette -e writes one from the priorities"),
	    d);
	cli_print_diags(d);
	if (!(P = eco_plan_new())) {
		cli_free_paths(paths);
		perror(cli_prog);
		return ECO_EXIT_SYS;
	}
	switch (opt.sub) {
	case SQUELETTE:
		rc = squelette(paths, d);
		break;
	case VERIFIE:
		rc = verifie(paths, d);
		break;
	case CALENDRIER:
		rc = calendrier(paths, d);
		break;
	default:
		each_doc(paths, take_record, d, 1);
		rc = cli_finish(d);
	}
	eco_plan_free(P);
	cli_free_paths(paths);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'o' },
		{ "ecrire", no_argument, NULL, 'e' },
		{ "write", no_argument, NULL, 'e' },
		{ "fichier", required_argument, NULL, 'f' },
		{ "file", required_argument, NULL, 'f' },
		{ "systeme", required_argument, NULL, O_SYSTEME },
		{ "system", required_argument, NULL, O_SYSTEME },
		{ "responsable", required_argument, NULL, O_RESPONSABLE },
		{ "partenaire", required_argument, NULL, O_PARTENAIRE },
		{ "partner", required_argument, NULL, O_PARTENAIRE },
		{ "bailleur", required_argument, NULL, O_BAILLEUR },
		{ "funder", required_argument, NULL, O_BAILLEUR },
		{ "entre", required_argument, NULL, O_ENTRE },
		{ "between", required_argument, NULL, O_ENTRE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *fmt = NULL;
	struct eco_diags d;
	int c, rc;

	cli_init("eco-plan");
	while ((c = getopt_long(argc, argv, "C:ef:ho:V", longopts, NULL)) != -1)
		switch (c) {
		case 'C': opt.dir = optarg; break;
		case 'e': opt.write = 1; break;
		case 'f': add_file(optarg); break;
		case 'o': fmt = optarg; break;
		case O_SYSTEME: opt.systeme = optarg; break;
		case O_RESPONSABLE: opt.responsable = optarg; break;
		case O_PARTENAIRE: opt.partenaire = optarg; break;
		case O_BAILLEUR: opt.bailleur = optarg; break;
		case O_ENTRE: between(argc, argv); break;
		case 'h':
			cli_help(usage,
			    "eco-plan actions --bailleur fondation-laurentienne -o json");
		case 'V':
			cli_version();
		default:
			cli_usage_error(usage, NULL);
		}
	if (optind == argc)
		cli_usage_error(usage, "%s",
		    _("which subcommand? squelette, verifie, objectifs, transformations, indicateurs, actions or calendrier"));
	opt.sub = subcommand(argv[optind++]);
	for (; optind < argc; optind++)
		add_file(argv[optind]);
	check_options(fmt);
	if (opt.dir && chdir(opt.dir) < 0) {
		fprintf(stderr, "%s: %s: %s\n", cli_prog, opt.dir, strerror(errno));
		return ECO_EXIT_SYS;
	}
	eco_limits_default(&lim);
	eco_diags_init(&d);
	rc = run(&d);
	eco_diags_free(&d);
	free(opt.files);
	return rc;
}
