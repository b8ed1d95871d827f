/*
 * eco-constats - data, observations and constats (Outil 5): records
 * added under the lock, listed and filtered for pipes, one shown with
 * the chain both ways, the data and the constats presented on paper for
 * meetings 2 and 3, and the counts by system, factor and nature for the
 * meetings that choose priorities.
 *
 * The records, their filters, chains and counts are lib/eco_constats.c's;
 * the factors' names and provenance are lib/eco_facteurs.c's.  This file
 * holds the options and the composition of the reports.  Every output
 * that names a factor for people says where it comes from.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define FILTRES "[--sorte S] [--systeme S] [--facteur ID] [--nature N] " \
	"[--analyse A] [--source S] [--annee AAAA] [--secteur ID]"
#define U_LISTE "eco-constats [-C DOSSIER] liste [-o yaml|json|texte|md|html|csv] " \
	FILTRES " [FICHIER|-]..."
#define U_MONTRE "eco-constats [-C DOSSIER] montre [-o texte|md|html|json] ID"
#define U_PRESENTE "eco-constats [-C DOSSIER] presente [-o texte|md|html|csv] " \
	FILTRES " [FICHIER|-]..."
#define U_COMPTE "eco-constats [-C DOSSIER] compte [-o texte|md|html|csv|json] " \
	FILTRES " [FICHIER|-]..."
#define U_AJOUTE "eco-constats [-C DOSSIER] ajoute [-n] donnee|observation|constat " \
	"--titre TEXTE [--id ID] [CHAMPS]..."
#define NEXT "\n       "

static struct eco_diags D;
static struct eco_project *P;
static struct eco_facteurs *F;
static struct eco_constats *S;
static struct eco_plan *PLAN;
static const struct eco_doc **PRIO;
static size_t NPRIO;
static const struct eco_doc *const *IN;	/* what the command read, in order */
static size_t NIN;
static const struct eco_doc **OWN;	/* the project's own, when no operand */

static struct eco_ct_filter filt;
static struct eco_ct_in in;
static const char **kinds_given, **facteurs, **donnees, **observations,
    **organismes;
static size_t nkinds, nfacteurs, ndonnees, nobservations, norganismes;
static int dry;

static int
finish(void)
{
	int rc = cli_finish(&D);

	eco_plan_free(PLAN);
	free(PRIO);
	free(OWN);
	eco_constats_free(S);
	eco_facteurs_free(F);
	eco_project_close(P);
	eco_diags_free(&D);
	return rc;
}

static int
write_report(struct eco_report *r)
{
	eco_report_footer(r, eco_project_name(P), NULL);
	cli_report(r, cli.rformat, &D);
	return finish();
}

static void
add_docs(const char *kind)
{
	cli_add_docs(P, kind, &OWN, &NIN, &D);
	IN = OWN;
}

/* The plan and the priorities a record leads to. */
static void
open_suite(void)
{
	const struct eco_doc *const *v;
	size_t n, i;
	const char *k[] = { "priorite", "objectif" };
	int j;

	for (j = 0; j < 2; j++) {
		if (!(v = eco_project_docs(P, k[j], &n)))
			cli_oom(&D);
		if (n && !(PRIO = realloc(PRIO, (NPRIO + n) * sizeof *PRIO)))
			cli_oom(&D);
		for (i = 0; i < n; i++)
			PRIO[NPRIO++] = v[i];
	}
	if (!(v = eco_project_docs(P, "plan", &n)) || !(PLAN = eco_plan_new()))
		cli_oom(&D);
	for (i = 0; i < n; i++)
		if (eco_plan_add_doc(PLAN, v[i]) < 0)
			cli_oom(&D);
}

/* 0 when id (NULL: none asked for) is a factor or a sub-factor of the
 * fiches, else -1 and why, with the closest ids. */
static int
known_factor(const char *id)
{
	return eco_facteurs_known(F, id, &D);
}

/*
 * The project around the current folder (any folder with operands), the
 * records the command works on (the operands, or donnees.yaml and
 * constats.yaml) and the factors' fiches, everything checked as
 * eco-validate checks it: with suite, priorites.yaml and the plan too.
 * 0, or -1 (the reasons are in D).
 */
static int
open_all(int argc, char **argv, int suite)
{
	static const char *const own[] = { "donnee", "observation", "constat",
	    "facteur", NULL };
	static const char *const chain[] = { "donnee", "observation", "constat",
	    "facteur", "priorite", "objectif", "plan", NULL };
	static const char *const ops[] = { "facteur", NULL };

	if (cli_open_records(&P, &F, argc, argv, suite ? chain : own, ops,
	    &D) < 0)
		return -1;
	if (argc) {
		IN = eco_project_input_docs(P, &NIN);
	} else {
		add_docs("donnee");
		add_docs("observation");
		add_docs("constat");
	}
	if (!(S = eco_constats_new(IN, NIN)))
		cli_oom(&D);
	if (suite)
		open_suite();
	filt.fiches = F;
	filt.systeme = cli.systeme;
	filt.facteur = cli.facteur;
	return known_factor(filt.facteur);
}

/* Names for people. */

/* A factor by its name and, briefly, where it comes from. */
static const char *
factor(const char *id)
{
	return cli_factor(F, id);
}

static void
factor_cell(struct eco_table *t, size_t col, const struct eco_ct *c)
{
	const char *v[64];
	size_t i;

	for (i = 0; i < c->nfacteurs && i < 64; i++)
		v[i] = factor(c->facteurs[i]);
	eco_table_list(t, col, v, i);
}

static const char *
system_name(const char *s)
{
	return s && eco_systeme_label(s) ? eco_systeme_label(s) :
	    _("no system stated");
}

static const char *
sector(const char *s)
{
	const char *nom = s ? eco_project_title(P, "secteur", s) : NULL;

	return !s ? NULL : nom ? nom : s;
}

/* The record's facts for people (lib/eco_constats.c), in the ring of
 * cli_text. */
static const char *
amount(const struct eco_node *v, const char *unite)
{
	char b[256];
	const char *t = eco_ct_value_text(v, unite, b, sizeof b);

	return t ? cli_text("%s", t) : NULL;
}

static const char *
comparison(const struct eco_ct *c)
{
	char b[512];
	const char *t = eco_ct_comparison_text(c, b, sizeof b);

	return t ? cli_text("%s", t) : NULL;
}

static const char *
source_text(const struct eco_ct *c)
{
	char b[512];

	return cli_text("%s", eco_ct_source_text(c, b, sizeof b));
}

/* What the filters keep, for a report's reader; NULL when none is set. */
static const char *
filters_text(void)
{
	struct eco_buf b = ECO_BUF_INIT;
	size_t i;
	const char *out, *sep = _("; ");

	for (i = 0; i < nkinds; i++)
		eco_buf_printf(&b, "%s%s", b.n ? ", " : "", eco_ct_kind_label(
		    (enum eco_ct_kind)eco_ct_kind(kinds_given[i]), 2));
	if (filt.systeme)
		eco_buf_printf(&b, _("%ssystem: %s"), b.n ? sep : "",
		    eco_systeme_label(filt.systeme));
	if (filt.facteur)
		eco_buf_printf(&b, _("%sfactor: %s"), b.n ? sep : "",
		    factor(filt.facteur));
	if (filt.nature)
		eco_buf_printf(&b, _("%snature: %s"), b.n ? sep : "",
		    eco_ct_nature_label(filt.nature));
	if (filt.analyse)
		eco_buf_printf(&b, _("%sanalysis: %s"), b.n ? sep : "",
		    eco_ct_analyse_label(filt.analyse));
	if (filt.source)
		eco_buf_printf(&b, _("%ssource: %s"), b.n ? sep : "",
		    eco_ct_source_label(filt.source));
	if (filt.annee)
		eco_buf_printf(&b, _("%syear: %ld"), b.n ? sep : "", filt.annee);
	if (filt.secteur)
		eco_buf_printf(&b, _("%ssector: %s"), b.n ? sep : "",
		    sector(filt.secteur));
	if (b.oom)
		cli_oom(&D);
	out = b.n ? cli_text(_("Only: %s."), b.s) : NULL;
	eco_buf_free(&b);
	return out;
}

/* liste */

static void
emit(const struct eco_doc *doc)
{
	if (cli.format == FMT_YAML) {
		if (eco_emit_yaml(stdout, doc->root) < 0)
			eco_diag_sys(&D, NULL, "%s", strerror(errno));
	} else if (eco_emit_json(stdout, doc->root, doc->file, &D) == -1)
		eco_diag_sys(&D, NULL, "%s", strerror(errno));
}

static int
run_liste(int argc, char **argv)
{
	struct eco_report *r;
	struct eco_table *t;
	const struct eco_ct *c;
	size_t i, j, kept = 0;

	if (open_all(argc, argv, 0) < 0)
		return finish();
	if (cli.format == FMT_YAML || cli.format == FMT_JSON) {
		/* records as they are, in order; other kinds pass through */
		for (i = j = 0; i < NIN; i++) {
			c = j < S->n && S->v[j].root == IN[i]->root ? &S->v[j++] : NULL;
			if (!c || eco_ct_keep(S, c, &filt))
				emit(IN[i]);
		}
		return finish();
	}
	r = eco_report_new(NULL, _("Data, observations and constats"));
	if (filters_text())
		eco_report_para(r, filters_text());
	t = eco_report_table(r, "constat", NULL, ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "sorte", _("Kind"), 0, 0);
	eco_table_column(t, "id", _("Id"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "systeme", _("System"), 0, 0);
	eco_table_column(t, "nature", _("Nature"), 0, 0);
	eco_table_column(t, "titre", _("Statement or label"), 0, 44);
	eco_table_column(t, "facteurs", _("Protective factors"), 0, 30);
	eco_table_column(t, "secteur", _("Sector"), ECO_COL_NOTEXTE, 0);
	for (i = 0; i < S->n; i++) {
		if (!eco_ct_keep(S, c = &S->v[i], &filt))
			continue;
		kept++;
		eco_table_row(t);
		eco_table_text(t, 0, eco_ct_kind_label(c->kind, 1));
		eco_table_text(t, 1, c->id);
		eco_table_text(t, 2, c->systeme ? eco_systeme_label(c->systeme) :
		    NULL);
		eco_table_text(t, 3, c->nature ? eco_ct_nature_label(c->nature) :
		    NULL);
		eco_table_text(t, 4, c->titre);
		factor_cell(t, 5, c);
		eco_table_text(t, 6, sector(c->secteur));
	}
	if (!kept)
		eco_report_para(r, _("No record matches."));
	return write_report(r);
}

/* montre */

static const char *
record_line(const struct eco_ct *c)
{
	if (c->kind == ECO_CT_DONNEE)
		return cli_text(_("Data record: %s (%s, %s) [%s]"), c->titre ?
		    c->titre : c->id, eco_ct_source_label(c->source),
		    c->annee ? cli_text("%ld", c->annee) : _("year not stated"),
		    c->id);
	return cli_text(_("%s: %s [%s]"), c->kind == ECO_CT_CONSTAT ?
	    _("Constat") : _("Observation"), c->titre ? c->titre : c->id, c->id);
}

static const char *
link_line(const struct eco_ct_link *l)
{
	const char *what = strcmp(l->kind, "priorite") == 0 ? _("Priority") :
	    strcmp(l->kind, "objectif") == 0 ? _("Objective") : _("Action");

	if (!l->titre)
		return cli_text(_("%s %s"), what, l->id);
	return cli_text(_("%s: %s [%s]"), what, l->titre, l->id);
}

static void
chain_row(struct eco_table *t, const char *sens, const char *kind,
    const char *id, const char *titre, const char *file)
{
	eco_table_row(t);
	eco_table_text(t, 0, sens);
	eco_table_text(t, 1, kind);
	eco_table_text(t, 2, id);
	eco_table_text(t, 3, titre);
	eco_table_text(t, 4, file);
}

static void
facts(struct eco_report *r, const struct eco_ct *c)
{
	const char *s;
	size_t i;

	eco_report_para(r, cli_text(_("Id: %s (%s, %s:%d)."), c->id,
	    eco_ct_kind_label(c->kind, 1), c->file, c->root->line));
	if (c->systeme)
		eco_report_item(r, 0, cli_text(_("System: %s"),
		    eco_systeme_label(c->systeme)));
	if (c->nature)
		eco_report_item(r, 0, cli_text(_("Nature: %s"),
		    eco_ct_nature_label(c->nature)));
	if (c->analyse)
		eco_report_item(r, 0, cli_text(_("Analysis: %s"),
		    eco_ct_analyse_label(c->analyse)));
	if (c->kind == ECO_CT_DONNEE) {
		if ((s = amount(eco_map_get(c->root, "valeur"),
		    eco_map_str(c->root, "unite"))))
			eco_report_item(r, 0, cli_text(_("Value: %s"), s));
		if ((s = comparison(c)))
			eco_report_item(r, 0, cli_text(_("Compared with: %s"), s));
		eco_report_item(r, 0, cli_text(_("Source: %s"), source_text(c)));
		if (c->annee)
			eco_report_item(r, 0, cli_text(_("Year: %ld"), c->annee));
		if ((s = eco_map_str(c->root, "description")))
			eco_report_item(r, 0, cli_text(_("Description: %s"), s));
	}
	if (c->territoire)
		eco_report_item(r, 0, cli_text(_("Territory: %s"), c->territoire));
	if (c->secteur)
		eco_report_item(r, 0, cli_text(_("Sector: %s"), sector(c->secteur)));
	for (i = 0; i < c->nfacteurs; i++)
		eco_report_item(r, 0, cli_text(_("Protective factor: %s"),
		    factor(c->facteurs[i])));
	if ((s = eco_map_str(c->root, "notes")))
		eco_report_item(r, 0, cli_text(_("Notes: %s"), s));
}

/* An id that names no record: said with the closest ids. */
static void
unknown(const char *id)
{
	char buf[512];
	const char *near = eco_constats_closest(S, id, buf, sizeof buf);

	if (near)
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("« %s »: no such data record, observation or constat (did "
		    "you mean %s?)"), id, near);
	else
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("« %s »: no such data record, observation or constat"), id);
}

static int
run_montre(int argc, char **argv)
{
	const struct eco_ct *c;
	struct eco_ct_link *l;
	struct eco_report *r;
	struct eco_table *t;
	size_t *up, *down, nup, ndown, nl, i;

	if (argc != 1)
		cli_usage_error(NULL, "%s", _("montre needs the id of one data "
		    "record, observation or constat"));
	if (open_all(0, NULL, 1) < 0)
		return finish();
	if (!(c = eco_constats_find(S, -1, argv[0]))) {
		unknown(argv[0]);
		return finish();
	}
	up = eco_ct_sources(S, c, &nup);
	down = eco_ct_uses(S, c, &ndown);
	l = eco_ct_leads(S, c, PRIO, NPRIO, PLAN, &nl);
	if (nup == (size_t)-1 || ndown == (size_t)-1 || nl == (size_t)-1)
		cli_oom(&D);
	r = eco_report_new(NULL, c->titre ? c->titre : c->id);
	facts(r, c);
	t = eco_report_table(r, "chaine", NULL, ECO_SHOW_DATA);
	eco_table_column(t, "sens", NULL, 0, 0);
	eco_table_column(t, "sorte", NULL, 0, 0);
	eco_table_column(t, "id", NULL, 0, 0);
	eco_table_column(t, "titre", NULL, 0, 0);
	eco_table_column(t, "fichier", NULL, 0, 0);
	chain_row(t, "lui-meme", eco_ct_kinds[c->kind], c->id, c->titre, c->file);
	eco_report_heading(r, 2, _("What it draws on"));
	for (i = 0; i < nup; i++) {
		eco_report_item(r, 0, record_line(&S->v[up[i]]));
		chain_row(t, "amont", eco_ct_kinds[S->v[up[i]].kind],
		    S->v[up[i]].id, S->v[up[i]].titre, S->v[up[i]].file);
	}
	if (!nup)
		eco_report_para(r, c->kind == ECO_CT_DONNEE ?
		    _("A data record is where the chain starts.") :
		    _("Nothing yet: it names no data record and no observation."));
	eco_report_heading(r, 2, _("What it leads to"));
	for (i = 0; i < ndown; i++) {
		eco_report_item(r, 0, record_line(&S->v[down[i]]));
		chain_row(t, "aval", eco_ct_kinds[S->v[down[i]].kind],
		    S->v[down[i]].id, S->v[down[i]].titre, S->v[down[i]].file);
	}
	for (i = 0; i < nl; i++) {
		eco_report_item(r, 0, link_line(&l[i]));
		chain_row(t, "aval", l[i].kind, l[i].id, l[i].titre, l[i].file);
	}
	if (!ndown && !nl)
		eco_report_para(r, _("Nothing yet: no observation, constat or "
		    "priority draws on it."));
	free(up);
	free(down);
	free(l);
	return write_report(r);
}

/* presente */

static struct eco_table *
data_doc_table(struct eco_report *r)
{
	struct eco_table *t = eco_report_table(r, "donnee", NULL, ECO_SHOW_DOC);

	eco_table_column(t, "donnee", _("Data"), 0, 40);
	eco_table_column(t, "valeur", _("Value"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "comparaison", _("Compared with"), 0, 22);
	eco_table_column(t, "source", _("Source"), 0, 26);
	eco_table_column(t, "annee", _("Year"), 0, 0);
	eco_table_column(t, "territoire", _("Territory"), 0, 22);
	return t;
}

static const char *
data_label(const struct eco_ct *c)
{
	const char *d = eco_map_str(c->root, "description");
	int qual = eco_map_str(c->root, "type") &&
	    strcmp(eco_map_str(c->root, "type"), "qualitative") == 0;

	return qual && d ? cli_text(_("%s: %s"), c->titre, d) : c->titre;
}

static const char *
territory(const struct eco_ct *c)
{
	if (c->secteur && c->territoire)
		return cli_text(_("%s (sector: %s)"), c->territoire,
		    sector(c->secteur));
	if (c->secteur)
		return cli_text(_("sector: %s"), sector(c->secteur));
	return c->territoire;
}

static void
data_row(struct eco_table *t, struct eco_table *all, const struct eco_ct *c,
    const char *sys, const char *fac)
{
	const char *an = c->annee ? cli_text("%ld", c->annee) : NULL;
	const char *v = amount(eco_map_get(c->root, "valeur"),
	    eco_map_str(c->root, "unite"));

	eco_table_row(t);
	eco_table_text(t, 0, data_label(c));
	eco_table_text(t, 1, v ? v : _("qualitative"));
	eco_table_text(t, 2, comparison(c));
	eco_table_text(t, 3, source_text(c));
	eco_table_text(t, 4, an);
	eco_table_text(t, 5, territory(c));
	eco_table_row(all);
	eco_table_text(all, 0, sys);
	eco_table_text(all, 1, fac);
	eco_table_text(all, 2, data_label(c));
	eco_table_text(all, 3, v ? v : _("qualitative"));
	eco_table_text(all, 4, comparison(c));
	eco_table_text(all, 5, source_text(c));
	eco_table_text(all, 6, an);
	eco_table_text(all, 7, territory(c));
	eco_table_text(all, 8, c->id);
}

static int
is_data(const struct eco_ct *c, const char *sys)
{
	return c->kind == ECO_CT_DONNEE && eco_ct_keep(S, c, &filt) &&
	    (sys ? c->systeme && strcmp(c->systeme, sys) == 0 :
	    eco_systeme_index(c->systeme) < 0);
}

/* The data of one system (NULL: none), factor by factor. */
static size_t
data_of_system(struct eco_report *r, struct eco_table *all, const char *sys)
{
	struct eco_ct_filter f = filt;
	const char *ids[256];
	struct eco_table *t;
	size_t i, j, nf, shown = 0, nofactor = 0;

	f.kinds = 1u << ECO_CT_DONNEE;
	nf = eco_ct_factors(S, &f, sys, F, ids, 256);
	for (i = 0; i < S->n; i++)
		if (is_data(&S->v[i], sys)) {
			shown++;
			nofactor += !S->v[i].nfacteurs;
		}
	if (!shown)
		return 0;
	eco_report_heading(r, 2, sys ? eco_systeme_label(sys) :
	    _("Data without a system"));
	for (j = 0; j < nf && j < 256; j++) {
		eco_report_heading(r, 3, factor(ids[j]));
		t = data_doc_table(r);
		for (i = 0; i < S->n; i++) {
			const struct eco_ct *c = &S->v[i];
			size_t k;

			for (k = 0; is_data(c, sys) && k < c->nfacteurs; k++)
				if (strcmp(c->facteurs[k], ids[j]) == 0) {
					data_row(t, all, c, system_name(sys),
					    factor(ids[j]));
					break;
				}
		}
	}
	if (nofactor && !filt.facteur) {
		eco_report_heading(r, 3, _("No protective factor stated"));
		t = data_doc_table(r);
		for (i = 0; i < S->n; i++)
			if (is_data(&S->v[i], sys) && !S->v[i].nfacteurs)
				data_row(t, all, &S->v[i], system_name(sys), NULL);
	}
	return shown;
}

static void
present_data(struct eco_report *r)
{
	struct eco_table *all;
	size_t n = 0;
	int s;

	eco_report_heading(r, 1, _("The data"));
	eco_report_para(r, _("Each data record with its source, its year, the "
	    "territory it covers and a value to compare it with, by system and "
	    "by protective factor; a record that concerns several factors "
	    "appears under each."));
	all = eco_report_table(r, "donnee", NULL, ECO_SHOW_DATA);
	eco_table_column(all, "systeme", _("System"), 0, 0);
	eco_table_column(all, "facteur", _("Protective factor"), 0, 0);
	eco_table_column(all, "donnee", _("Data"), 0, 0);
	eco_table_column(all, "valeur", _("Value"), 0, 0);
	eco_table_column(all, "comparaison", _("Compared with"), 0, 0);
	eco_table_column(all, "source", _("Source"), 0, 0);
	eco_table_column(all, "annee", _("Year"), 0, 0);
	eco_table_column(all, "territoire", _("Territory"), 0, 0);
	eco_table_column(all, "id", _("Id"), 0, 0);
	for (s = 0; s <= ECO_NSYS; s++)
		n += data_of_system(r, all, s < ECO_NSYS ? eco_systemes[s] : NULL);
	if (!n)
		eco_report_para(r, _("No data record yet (donnees.yaml)."));
}

/* The observations of a constat, one after the other: each is a sentence. */
static void
observations_cell(struct eco_table *t, size_t col, const struct eco_ct *c)
{
	struct eco_buf b = ECO_BUF_INIT;
	const struct eco_ct *o;
	size_t i;

	for (i = 0; i < c->nobservations; i++)
		if ((o = eco_constats_find(S, ECO_CT_OBSERVATION,
		    c->observations[i])))
			eco_buf_printf(&b, "%s%s", b.n ? " " : "",
			    o->titre ? o->titre : o->id);
	if (b.oom)
		cli_oom(&D);
	eco_table_text(t, col, b.s);
	eco_buf_free(&b);
}

/* Whether some constat of the set names observation o. */
static int
cited(const struct eco_ct *o)
{
	size_t i, j;

	for (i = 0; i < S->n; i++)
		for (j = 0; o->id && j < S->v[i].nobservations; j++)
			if (strcmp(S->v[i].observations[j], o->id) == 0)
				return 1;
	return 0;
}

static void
present_constats(struct eco_report *r)
{
	struct eco_table *t;
	size_t i, n = 0, left = 0;
	int s;

	eco_report_heading(r, 1, _("Our observations, our constats"));
	t = eco_report_table(r, "constat", NULL, ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "systeme", _("System"), 0, 0);
	eco_table_column(t, "observations", _("What we observed"), 0, 34);
	eco_table_column(t, "constat", _("Constat"), 0, 34);
	eco_table_column(t, "nature", _("Nature"), 0, 0);
	eco_table_column(t, "facteurs", _("Protective factors"), 0, 24);
	eco_table_column(t, "id", _("Id"), ECO_COL_NOTEXTE, 0);
	for (s = 0; s <= ECO_NSYS; s++)
		for (i = 0; i < S->n; i++) {
			const struct eco_ct *c = &S->v[i];

			if (c->kind != ECO_CT_CONSTAT || !eco_ct_keep(S, c, &filt) ||
			    eco_systeme_index(c->systeme) != (s < ECO_NSYS ? s : -1))
				continue;
			n++;
			eco_table_row(t);
			eco_table_text(t, 0, system_name(c->systeme));
			observations_cell(t, 1, c);
			eco_table_text(t, 2, c->titre);
			eco_table_text(t, 3, eco_ct_nature_label(c->nature));
			factor_cell(t, 4, c);
			eco_table_text(t, 5, c->id);
		}
	if (!n)
		eco_report_para(r, _("No constat yet (constats.yaml)."));
	for (i = 0; i < S->n; i++)
		if (S->v[i].kind == ECO_CT_OBSERVATION &&
		    eco_ct_keep(S, &S->v[i], &filt) && !cited(&S->v[i])) {
			if (!left++)
				eco_report_heading(r, 2, _("Observations no constat "
				    "draws on yet"));
			eco_report_item(r, 0, record_line(&S->v[i]));
		}
}

static int
run_presente(int argc, char **argv)
{
	struct eco_report *r;
	unsigned kinds = filt.kinds;

	if (open_all(argc, argv, 0) < 0)
		return finish();
	r = eco_report_new(NULL, _("The situation of children and families: "
	    "data and constats"));
	if (filters_text())
		eco_report_para(r, filters_text());
	eco_report_para(r, _("Factors: « published » means as Avenir d'enfants "
	    "publishes them; « eco's proposal », a factor eco proposes until "
	    "the official list is checked."));
	if (!kinds || kinds & 1u << ECO_CT_DONNEE)
		present_data(r);
	if (!kinds || kinds & (1u << ECO_CT_OBSERVATION | 1u << ECO_CT_CONSTAT))
		present_constats(r);
	return write_report(r);
}

/* compte */

static int
run_compte(int argc, char **argv)
{
	struct eco_ct_count *v;
	struct eco_report *r;
	struct eco_table *t, *d;
	size_t n, i, force = 0, enjeu = 0, sans = 0, total = 0;
	int json = cli.format == FMT_JSON;

	if (open_all(argc, argv, 0) < 0)
		return finish();
	if (!filt.kinds)
		filt.kinds = 1u << ECO_CT_CONSTAT;
	if (!(v = eco_ct_counts(S, &filt, F, &n)))
		cli_oom(&D);
	for (i = 0; i < n; i++)
		sans += v[i].sans;
	r = eco_report_new(NULL, _("Constats by system, protective factor and "
	    "nature"));
	eco_report_para(r, filters_text() ? filters_text() :
	    _("The constats of the three analyses."));
	eco_report_para(r, _("A record that touches several factors counts "
	    "under each: the rows do not add up to the number of records."));
	t = eco_report_table(r, "compte", NULL, ECO_SHOW_DOC);
	eco_table_column(t, "systeme", _("System"), 0, 0);
	eco_table_column(t, "facteur", _("Protective factor"), 0, 44);
	eco_table_column(t, "force", _("Strengths"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "enjeu", _("Issues"), ECO_COL_RIGHT, 0);
	if (sans)
		eco_table_column(t, "sans_nature", _("Nature not stated"),
		    ECO_COL_RIGHT, 0);
	eco_table_column(t, "total", _("Total"), ECO_COL_RIGHT, 0);
	d = eco_report_table(r, "compte", NULL, ECO_SHOW_DATA);
	eco_table_column(d, "systeme", _("System"), 0, 0);
	eco_table_column(d, "facteur", _("Protective factor"), 0, 0);
	eco_table_column(d, "provenance", _("Provenance"), 0, 0);
	eco_table_column(d, "force", _("Strengths"), 0, 0);
	eco_table_column(d, "enjeu", _("Issues"), 0, 0);
	eco_table_column(d, "sans_nature", _("Nature not stated"), 0, 0);
	eco_table_column(d, "total", _("Total"), 0, 0);
	for (i = 0; i < n; i++) {
		const struct eco_facteur *fi = NULL;
		const char *nom = v[i].facteur ?
		    eco_ct_facteur(F, v[i].facteur, &fi) : NULL;
		size_t c = 2;

		eco_table_row(t);
		eco_table_text(t, 0, system_name(v[i].systeme));
		eco_table_text(t, 1, v[i].facteur ? factor(v[i].facteur) :
		    _("no protective factor stated"));
		eco_count_cell(t, c++, (unsigned)v[i].force);
		eco_count_cell(t, c++, (unsigned)v[i].enjeu);
		if (sans)
			eco_count_cell(t, c++, (unsigned)v[i].sans);
		eco_count_cell(t, c, (unsigned)v[i].total);
		eco_table_row(d);
		eco_table_text(d, 0, json ? v[i].systeme :
		    system_name(v[i].systeme));
		eco_table_text(d, 1, json ? v[i].facteur : nom ? nom : v[i].facteur);
		if (fi)
			eco_table_text(d, 2, json ? fi->source :
			    eco_facteur_provenance(fi, 1));
		eco_count_cell(d, 3, (unsigned)v[i].force);
		eco_count_cell(d, 4, (unsigned)v[i].enjeu);
		eco_count_cell(d, 5, (unsigned)v[i].sans);
		eco_count_cell(d, 6, (unsigned)v[i].total);
	}
	for (i = 0; i < S->n; i++)
		if (S->v[i].kind != ECO_CT_DONNEE && eco_ct_keep(S, &S->v[i], &filt)) {
			total++;
			force += S->v[i].nature && !strcmp(S->v[i].nature, "force");
			enjeu += S->v[i].nature && !strcmp(S->v[i].nature, "enjeu");
		}
	if (n) {
		size_t c = 2;

		eco_table_total(t);
		eco_table_text(t, 1, _("Records counted (each once)"));
		eco_count_cell(t, c++, (unsigned)force);
		eco_count_cell(t, c++, (unsigned)enjeu);
		if (sans)
			eco_count_cell(t, c++, (unsigned)(total - force - enjeu));
		eco_count_cell(t, c, (unsigned)total);
	} else
		eco_report_para(r, _("No record matches."));
	free(v);
	return write_report(r);
}

/* ajoute */

static const char *const file_of[ECO_NCT] = {
	"donnees.yaml", "constats.yaml", "constats.yaml"
};

/* What the kind needs before a record can be written. */
static void
required(void)
{
	const char *need = NULL;

	if (in.kind == ECO_CT_DONNEE) {
		if (!in.type || !in.source)
			need = _("a data record needs --type and --source");
		else if (strcmp(in.type, "quantitative") == 0 && !in.valeur)
			need = _("a quantitative data record needs --valeur");
		else if (strcmp(in.type, "qualitative") == 0 && !in.description)
			need = _("a qualitative data record needs --description");
	} else if (in.kind == ECO_CT_CONSTAT &&
	    (!in.systeme || !in.nature || !in.analyse))
		need = _("a constat needs --systeme, --nature and --analyse");
	if (need)
		cli_usage_error(NULL, "%s", need);
}

static int
run_ajoute(int argc, char **argv)
{
	struct eco_record rec = { .render = eco_ct_render, .arg = &in };
	char fold[1024];
	size_t i;
	int k, there = 0;

	if (argc != 1 || (k = eco_ct_kind(argv[0])) < 0)
		cli_usage_error(NULL, "%s", _("ajoute needs what to add: donnee, "
		    "observation or constat"));
	if (!in.titre)
		cli_usage_error(NULL, "%s", _("ajoute needs --titre (the label of "
		    "a data record, the statement of an observation or a constat)"));
	in.kind = (enum eco_ct_kind)k;
	in.systeme = cli.systeme;
	in.annee = filt.annee;
	in.source = filt.source;
	in.nature = filt.nature;
	in.analyse = filt.analyse;
	in.secteur = filt.secteur;
	required();
	rec.file = file_of[in.kind];
	rec.kind = eco_ct_kinds[in.kind];
	if (!(P = eco_project_open(cli_project(), &D)) ||
	    eco_project_read(P, rec.file, &D) < 0)
		return finish();
	for (i = 0; i < eco_project_nfiles(P); i++)
		if (strcmp(eco_project_file(P, i)->rel, rec.file) == 0)
			there = eco_project_file(P, i)->opened;
	in.project = P;
	in.folded = cli_keep(eco_text_fold(in.titre, fold, sizeof fold));
	in.facteurs = facteurs, in.nfacteurs = nfacteurs;
	in.donnees = donnees, in.ndonnees = ndonnees;
	in.observations = observations, in.nobservations = nobservations;
	in.organismes = organismes, in.norganismes = norganismes;
	rec.flags = dry ? ECO_WRITE_DRY : 0;
	if ((there ? eco_project_append(P, &rec, &D) :
	    eco_project_create(P, &rec, &D)) == 0) {
		fputs(rec.text, stdout);
		if (dry)
			eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL,
			    _("checked, not written (-n): %s %s"),
			    eco_ct_kind_label(in.kind, 1), in.chosen);
		else
			eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL,
			    _("added to %s: %s %s"), rec.file,
			    eco_ct_kind_label(in.kind, 1), in.chosen);
	}
	free(rec.text);
	return finish();
}

/* Options */

enum { O_SORTE = 1, O_NATURE, O_ANALYSE, O_SOURCE, O_ANNEE, O_SECTEUR,
	O_TITRE, O_ID, O_TYPE, O_VALEUR, O_UNITE, O_DESCRIPTION, O_PRECISION,
	O_ORGANISME, O_TERRITOIRE, O_DATE, O_RENCONTRE, O_NOTES, O_FACTEURS,
	O_DONNEES, O_OBSERVATIONS, O_ORGANISMES, O_DRY };

static void
option(int key, const char *arg)
{
	static const char *const types[] = { "quantitative", "qualitative" };
	size_t i;

	switch (key) {
	case O_SORTE:
		cli_push_list(&kinds_given, &nkinds, arg, "sorte", eco_ct_kinds,
		    ECO_NCT);
		for (filt.kinds = 0, i = 0; i < nkinds; i++)
			filt.kinds |= 1u << eco_ct_kind(kinds_given[i]);
		break;
	case O_NATURE:
		filt.nature = cli_code(arg, "nature", eco_ct_nature_codes,
		    ECO_CT_NNATURES);
		break;
	case O_ANALYSE:
		filt.analyse = cli_code(arg, "analyse", eco_ct_analyse_codes,
		    ECO_CT_NANALYSES);
		break;
	case O_SOURCE:
		filt.source = cli_code(arg, "source", eco_ct_source_codes,
		    ECO_CT_NSOURCES);
		break;
	case O_ANNEE: filt.annee = strtol(arg, NULL, 10); break;
	case O_SECTEUR: filt.secteur = arg; break;
	case O_TITRE: in.titre = arg; break;
	case O_ID: in.id = arg; break;
	case O_TYPE: in.type = cli_code(arg, "type", types, 2); break;
	case O_VALEUR:
		if (!eco_ct_number(arg))
			cli_usage_error(NULL, _("--valeur expects a number (12 or "
			    "12.5), not « %s »"), arg);
		in.valeur = arg;
		break;
	case O_UNITE: in.unite = arg; break;
	case O_DESCRIPTION: in.description = arg; break;
	case O_PRECISION: in.precision = arg; break;
	case O_ORGANISME: in.organisme = arg; break;
	case O_TERRITOIRE: in.territoire = arg; break;
	case O_DATE: in.date = arg; break;
	case O_RENCONTRE: in.rencontre = arg; break;
	case O_NOTES: in.notes = arg; break;
	case O_FACTEURS:
		cli_push_list(&facteurs, &nfacteurs, arg, "facteurs", NULL, 0);
		break;
	case O_DONNEES:
		cli_push_list(&donnees, &ndonnees, arg, "donnees", NULL, 0);
		break;
	case O_OBSERVATIONS:
		cli_push_list(&observations, &nobservations, arg, "observations",
		    NULL, 0);
		break;
	case O_ORGANISMES:
		cli_push_list(&organismes, &norganismes, arg, "organismes", NULL, 0);
		break;
	default: dry = 1;
	}
}

#define FILTER_OPTIONS \
	{ O_SORTE, 0, "sorte", "kind", CLI_TEXT, "SORTES", \
	  N_("only these kinds: donnee, observation, constat (comma-separated)"), \
	  0, 0 }, \
	{ O_NATURE, 0, "nature", NULL, CLI_TEXT, "NATURE", \
	  N_("force or enjeu"), 0, 0 }, \
	{ O_ANALYSE, 0, "analyse", NULL, CLI_TEXT, "ANALYSE", \
	  N_("situation, offre-services or interventions"), 0, 0 }, \
	{ O_SOURCE, 0, "source", NULL, CLI_TEXT, "SOURCE", \
	  N_("a data source (eqdem, recensement...): the data's own, or those " \
	  "drawn on"), 0, 0 }, \
	{ O_ANNEE, 0, "annee", NULL, CLI_INT, "AAAA", \
	  N_("a year of the data: the data's own, or those drawn on"), \
	  1900, 2200 }, \
	{ O_SECTEUR, 0, "secteur", NULL, CLI_TEXT, "ID", \
	  N_("a sector of eco.yaml"), 0, 0 }

static const struct cli_option filter_options[] = {
	FILTER_OPTIONS,
	{ .name = NULL }
};

static const struct cli_option ajoute_options[] = {
	FILTER_OPTIONS,
	{ O_TITRE, 0, "titre", NULL, CLI_TEXT, "TEXTE",
	  N_("a data record's label, an observation's or constat's statement"),
	  0, 0 },
	{ O_ID, 0, "id", NULL, CLI_ID, "ID",
	  N_("its id (proposed from the title otherwise)"), 0, 0 },
	{ O_TYPE, 0, "type", NULL, CLI_TEXT, "TYPE",
	  N_("a data record's type: quantitative or qualitative"), 0, 0 },
	{ O_VALEUR, 0, "valeur", NULL, CLI_TEXT, "NOMBRE",
	  N_("a quantitative data record's value"), 0, 0 },
	{ O_UNITE, 0, "unite", NULL, CLI_TEXT, "UNITE",
	  N_("the value's unit (%, enfants...)"), 0, 0 },
	{ O_DESCRIPTION, 0, "description", NULL, CLI_TEXT, "TEXTE",
	  N_("what a qualitative data record reports"), 0, 0 },
	{ O_PRECISION, 0, "precision", NULL, CLI_TEXT, "TEXTE",
	  N_("the document or register the data comes from"), 0, 0 },
	{ O_ORGANISME, 0, "organisme", NULL, CLI_ID, "ID",
	  N_("the member that gave the data"), 0, 0 },
	{ O_TERRITOIRE, 0, "territoire", NULL, CLI_TEXT, "TEXTE",
	  N_("the territory it covers"), 0, 0 },
	{ O_DATE, 0, "date", NULL, CLI_DATE, "DATE",
	  N_("the day an observation was noted"), 0, 0 },
	{ O_RENCONTRE, 0, "rencontre", NULL, CLI_ID, "ID",
	  N_("the meeting that adopted a constat"), 0, 0 },
	{ O_NOTES, 0, "notes", NULL, CLI_TEXT, "TEXTE", N_("notes"), 0, 0 },
	{ O_FACTEURS, 0, "facteurs", NULL, CLI_TEXT, "IDS",
	  N_("the protective factors it touches (comma-separated)"), 0, 0 },
	{ O_DONNEES, 0, "donnees", NULL, CLI_TEXT, "IDS",
	  N_("the data records it draws on"), 0, 0 },
	{ O_OBSERVATIONS, 0, "observations", NULL, CLI_TEXT, "IDS",
	  N_("the observations a constat draws on"), 0, 0 },
	{ O_ORGANISMES, 0, "organismes", NULL, CLI_TEXT, "IDS",
	  N_("the members an observation concerns"), 0, 0 },
	{ O_DRY, 'n', "dry-run", NULL, CLI_FLAG, NULL,
	  N_("check and print the record, write nothing"), 0, 0 },
	{ .name = NULL }
};

#define FM(x) (1u << FMT_##x)

static const struct cli_cmd subs[] = {
	{ .name = "liste", .aliases = "list", .usage = U_LISTE,
	  .summary = N_("the records the filters keep, for pipes (yaml) or people"),
	  .example = "eco-constats liste --systeme famille --nature enjeu",
	  .common = CLI_FORMAT | CLI_SYSTEME | CLI_FACTEUR,
	  .formats = FM(YAML) | FM(JSON) | FM(TEXTE) | FM(MD) | FM(HTML) | FM(CSV),
	  .format = FMT_YAML, .maxops = CLI_MANY, .options = filter_options,
	  .option = option, .run = run_liste },
	{ .name = "montre", .aliases = "show", .usage = U_MONTRE,
	  .summary = N_("one record with what it draws on and what it leads to"),
	  .example = "eco-constats montre const-vocabulaire",
	  .common = CLI_FORMAT,
	  .formats = FM(TEXTE) | FM(MD) | FM(HTML) | FM(JSON), .format = FMT_TEXTE,
	  .maxops = 1, .run = run_montre },
	{ .name = "presente", .aliases = "present", .usage = U_PRESENTE,
	  .summary = N_("the data and the constats on paper, for meetings 2 and 3"),
	  .example = "eco-constats presente -o html > /tmp/constats.html",
	  .common = CLI_FORMAT | CLI_SYSTEME | CLI_FACTEUR,
	  .formats = FM(TEXTE) | FM(MD) | FM(HTML) | FM(CSV), .format = FMT_TEXTE,
	  .maxops = CLI_MANY, .options = filter_options, .option = option,
	  .run = run_presente },
	{ .name = "compte", .aliases = "count", .usage = U_COMPTE,
	  .summary = N_("constats counted by system, factor and nature"),
	  .example = "eco-constats compte --analyse situation",
	  .common = CLI_FORMAT | CLI_SYSTEME | CLI_FACTEUR,
	  .formats = FM(TEXTE) | FM(MD) | FM(HTML) | FM(CSV) | FM(JSON),
	  .format = FMT_TEXTE, .maxops = CLI_MANY, .options = filter_options,
	  .option = option, .run = run_compte },
	{ .name = "ajoute", .aliases = "add", .usage = U_AJOUTE,
	  .summary = N_("append a data record, an observation or a constat"),
	  .example = "eco-constats ajoute -n constat --titre 'Les familles "
	  "lisent peu' --systeme famille --nature enjeu --analyse situation",
	  .common = CLI_SYSTEME, .maxops = 1, .options = ajoute_options,
	  .option = option, .run = run_ajoute },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-constats",
	.usage = U_LISTE NEXT U_MONTRE NEXT U_PRESENTE NEXT U_COMPTE NEXT U_AJOUTE,
	.example = "eco-constats liste --systeme famille --nature enjeu",
	.common = CLI_DOSSIER, .subs = subs,
};

int
main(int argc, char *argv[])
{
	eco_diags_init(&D);
	return cli_main(&cmd, argc, argv);
}
