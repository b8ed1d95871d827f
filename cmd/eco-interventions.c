/*
 * eco-interventions - how the organisations act on the protective
 * factors (Outil 7): a worksheet per organisation, returned sheets
 * received into interventions.yaml, and the matrix organisations ×
 * factors with its totals, the factors nobody acts on first.
 *
 * The matrix and the worksheets are lib/eco_interventions.c's;
 * receiving a sheet is eco_offre_receive's, as for the offer.  This file
 * holds the options and the composition of the reports.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define U_FEUILLE "eco-interventions [-C DOSSIER] feuille [-o yaml|md|html] " \
	"ORGANISME"
#define U_FEUILLES "eco-interventions [-C DOSSIER] feuilles [-o yaml|md|html]"
#define U_RECOIS "eco-interventions [-C DOSSIER] recois [-n] FICHIER..."
#define U_MATRICE "eco-interventions [-C DOSSIER] matrice " \
	"[-o texte|md|html|csv|json] [FICHIER|-]..."
#define NEXT "\n       "

static struct eco_diags D;
static struct eco_project *P;
static struct eco_facteurs *F;
static struct eco_offre *O;
static const struct eco_doc *const *IV;	/* the interventions */
static size_t NIV;
static const struct eco_node *REG;	/* eco.yaml */

static int
finish(void)
{
	int rc = cli_finish(&D);

	eco_offre_free(O);
	eco_facteurs_free(F);
	eco_project_close(P);
	eco_diags_free(&D);
	return rc;
}

/* The project, the interventions (the operands, or interventions.yaml),
 * the offer and the factors' fiches, checked as eco-validate checks
 * them.  0, or -1 (the reasons are in D). */
static int
open_all(int argc, char **argv)
{
	static const char *const own[] = { "intervention", "service",
	    "facteur", NULL };
	static const char *const ops[] = { "service", "facteur", NULL };
	const struct eco_doc *const *v;
	size_t n;

	if (cli_open_records(&P, &F, argc, argv, own, ops, &D) < 0)
		return -1;
	IV = argc ? eco_project_input_docs(P, &NIV) :
	    eco_project_docs(P, "intervention", &NIV);
	if (!IV || !(v = eco_project_docs(P, "service", &n)) ||
	    !(O = eco_offre_new(v, n)))
		cli_oom(&D);
	if ((v = eco_project_docs(P, "regroupement", &n)) && n)
		REG = v[0]->root;
	return 0;
}

static int
write_report(struct eco_report *r)
{
	eco_report_footer(r, eco_project_name(P), cli.au);
	cli_report(r, cli.rformat, &D);
	return finish();
}

/* The members, in eco.yaml's order. */
static size_t
members(const char **ids, size_t cap)
{
	const struct eco_node *m = REG ? eco_map_seq(REG, "membres") : NULL;
	size_t i, n = 0;

	for (i = 0; m && m->type == ECO_SEQ && i < m->len && n < cap; i++)
		if (eco_map_str(m->u.items[i], "id"))
			ids[n++] = eco_map_str(m->u.items[i], "id");
	return n;
}

static const char *
org_name(const char *id)
{
	const char *nom = eco_project_title(P, "organisme", id);

	return nom ? nom : id;
}

static const char *
level_text(int lv)
{
	return lv < 0 ? "—" : cli_text("%d", lv);
}

/* The sub-factors of factor f acted on, by name or id. */
static void
sous_cell(struct eco_table *t, size_t col, const struct eco_matrice *m,
    size_t f, int ids)
{
	const struct eco_facteur *fi = m->facteurs[f];
	const char *v[64];
	size_t i, n = 0;

	for (i = 0; i < fi->nsous && i < 64 && i < 8 * sizeof(unsigned long);
	    i++)
		if (m->sous[f] & (1ul << i))
			v[n++] = ids ? fi->sous[i].id : fi->sous[i].nom;
	eco_table_list(t, col, v, n);
}

static void
people_table(struct eco_report *r, const struct eco_matrice *m)
{
	struct eco_table *t;
	size_t o, k, f;

	struct eco_buf b = ECO_BUF_INIT;

	/* the organisations by their number, said above the table */
	for (o = 0; o < m->norgs; o++)
		eco_buf_printf(&b, "%s%zu\u00a0: %s", o ? " ; " : "", o + 1,
		    org_name(m->orgs[o]));
	if (b.oom)
		cli_oom(&D);
	eco_report_para(r, cli_text(_("Organisations: %s."), b.n ? b.s : ""));
	eco_buf_free(&b);
	t = eco_report_table(r, "matrice", NULL, ECO_SHOW_DOC);
	eco_table_column(t, "facteur", _("Protective factor"), 0, 28);
	for (o = 0; o < m->norgs; o++)
		eco_table_column(t, m->orgs[o], cli_text("%zu", o + 1),
		    ECO_COL_RIGHT, 0);
	eco_table_column(t, "total", _("Total"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "actifs", _("Acting"), ECO_COL_RIGHT, 0);
	for (k = 0; k < m->nf; k++) {
		f = m->order[k];
		eco_table_row(t);
		eco_table_text(t, 0, m->facteurs[f]->nom);
		for (o = 0; o < m->norgs; o++)
			eco_table_text(t, 1 + o, level_text(m->niveau[o * m->nf +
			    f]));
		eco_table_int(t, 1 + m->norgs, m->total_f[f]);
		eco_table_int(t, 2 + m->norgs, (long long)m->actifs[f]);
	}
	eco_table_total(t);
	eco_table_text(t, 0, _("Total of the organisation"));
	for (o = 0; o < m->norgs; o++)
		eco_table_int(t, 1 + o, m->total_o[o]);
}

static void
data_tables(struct eco_report *r, const struct eco_matrice *m)
{
	int json = cli.format == FMT_JSON;
	struct eco_table *c = eco_report_table(r, "intervention-cellule", NULL,
	    ECO_SHOW_DATA), *t = eco_report_table(r, "intervention-facteur",
	    NULL, ECO_SHOW_DATA);
	size_t o, k, f;

	eco_table_column(c, "organisme", _("Organisation"), 0, 0);
	eco_table_column(c, "facteur", _("Protective factor"), 0, 0);
	eco_table_column(c, "niveau", _("Level"), 0, 0);
	eco_table_column(t, "facteur", _("Protective factor"), 0, 0);
	eco_table_column(t, "systeme", _("System"), 0, 0);
	eco_table_column(t, "total", _("Total"), 0, 0);
	eco_table_column(t, "organismes_actifs", _("Organisations acting"), 0,
	    0);
	eco_table_column(t, "sous_facteurs", _("Sub-factors acted on"), 0, 0);
	for (k = 0; k < m->nf; k++) {
		f = m->order[k];
		for (o = 0; o < m->norgs; o++) {
			eco_table_row(c);
			eco_table_text(c, 0, json ? m->orgs[o] : org_name(m->orgs[o]));
			eco_table_text(c, 1, json ? m->facteurs[f]->id :
			    m->facteurs[f]->nom);
			if (m->niveau[o * m->nf + f] >= 0)
				eco_table_int(c, 2, m->niveau[o * m->nf + f]);
		}
		eco_table_row(t);
		eco_table_text(t, 0, json ? m->facteurs[f]->id :
		    m->facteurs[f]->nom);
		eco_table_text(t, 1, json ? m->facteurs[f]->systeme :
		    eco_systeme_label(m->facteurs[f]->systeme));
		eco_table_int(t, 2, m->total_f[f]);
		eco_table_int(t, 3, (long long)m->actifs[f]);
		sous_cell(t, 4, m, f, json);
	}
}

/* matrice */

static int
run_matrice(int argc, char **argv)
{
	const char *ids[512], *v[512];
	struct eco_matrice *m;
	struct eco_report *r;
	size_t n, i, nsans = 0, nobody = 0;

	if (open_all(argc, argv) < 0)
		return finish();
	n = members(ids, 512);
	if (!(m = eco_matrice_new(IV, NIV, F, ids, n)))
		cli_oom(&D);
	/* the members without a sheet are left out of the columns */
	for (i = n = 0; i < m->norgs; i++)
		if (m->records[i])
			ids[n++] = m->orgs[i];
		else
			v[nsans++] = org_name(m->orgs[i]);
	eco_matrice_free(m);
	if (!(m = eco_matrice_new(IV, NIV, F, ids, n)))
		cli_oom(&D);
	for (i = 0; i < m->nf; i++)
		nobody += !m->actifs[i];
	r = eco_report_new(NULL, _("Action of the organisations on the "
	    "protective factors (Outil 7)"));
	eco_report_para(r, _("Level 0: the organisation does not act on the "
	    "factor; 1: indirectly or now and then; 2: directly and "
	    "regularly; —: its sheet does not say. A record on a sub-factor "
	    "counts for its factor; the records give the sub-factors."));
	eco_report_para(r, nobody ? cli_text(ngettext("%zu factor has no "
	    "organisation acting on it: it comes first.", "%zu factors have "
	    "no organisation acting on them: they come first.", nobody),
	    nobody) : _("Every factor has at least one organisation acting on "
	    "it."));
	if (nsans) {
		struct eco_buf b = ECO_BUF_INIT;

		for (i = 0; i < nsans; i++)
			eco_buf_printf(&b, "%s%s", i ? ", " : "", v[i]);
		eco_report_para(r, cli_text(_("No sheet from: %s."), b.oom ? "" :
		    b.s));
		eco_buf_free(&b);
	}
	if (m->norgs)
		people_table(r, m);
	else
		eco_report_para(r, _("No organisation has returned its sheet "
		    "yet."));
	data_tables(r, m);
	eco_matrice_free(m);
	return write_report(r);
}

/* feuille, feuilles */

static int
sheets(const char *const *ids, size_t n)
{
	struct eco_report *r;
	size_t i;

	if (cli.format == FMT_YAML) {
		for (i = 0; i < n; i++)
			if (eco_interventions_sheet_yaml(stdout, IV, NIV, O, F,
			    ids[i]) < 0)
				eco_diag_sys(&D, NULL, "%s", strerror(errno));
		return finish();
	}
	r = eco_report_new(NULL, _("Action on the protective factors (Outil "
	    "7)"));
	for (i = 0; i < n; i++)
		if (eco_interventions_sheet_paper(r, IV, NIV, O, F, ids[i],
		    org_name(ids[i])) < 0)
			cli_oom(&D);
	return write_report(r);
}

static int
run_feuille(int argc, char **argv)
{
	const char *ids[512], *org = argv[0], *c;
	char near[256];
	size_t n, i;

	if (!argc)
		cli_usage_error(NULL, "%s", _("feuille needs the organisation "
		    "(its id in eco.yaml)"));
	if (open_all(0, NULL) < 0)
		return finish();
	n = members(ids, 512);
	for (i = 0; i < n && strcmp(ids[i], org); i++)
		;
	if (i == n) {
		c = eco_closest_text(org, ids, n, near, sizeof near);
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL, c ?
		    _("« %s » is not a member of the regroupement (did you mean "
		    "%s?)") : _("« %s » is not a member of the regroupement%s"),
		    org, c ? c : "");
		return finish();
	}
	return sheets(&org, 1);
}

static int
run_feuilles(int argc, char **argv)
{
	const char *ids[512];

	(void)argc;
	(void)argv;
	if (open_all(0, NULL) < 0)
		return finish();
	return sheets(ids, members(ids, 512));
}

/* recois */

static int
run_recois(int argc, char **argv)
{
	cli_recois("intervention", argc, argv, &D);
	return finish();
}

#define FM(x) (1u << FMT_##x)
#define SHEETS (FM(YAML) | FM(MD) | FM(HTML))

static const struct cli_cmd subs[] = {
	{ .name = "feuille", .aliases = "sheet", .usage = U_FEUILLE,
	  .summary = N_("the worksheet of one organisation: every factor, a "
	  "level to tick"),
	  .example = "eco-interventions feuille -o html cpe-soleil > "
	  "/tmp/interventions-cpe-soleil.html",
	  .common = CLI_FORMAT, .formats = SHEETS, .format = FMT_YAML,
	  .maxops = 1, .run = run_feuille },
	{ .name = "feuilles", .aliases = "sheets", .usage = U_FEUILLES,
	  .summary = N_("the worksheets of every member"),
	  .example = "eco-interventions feuilles -o html > "
	  "/tmp/interventions-feuilles.html",
	  .common = CLI_FORMAT, .formats = SHEETS, .format = FMT_YAML,
	  .maxops = 0, .run = run_feuilles },
	{ .name = "recois", .aliases = "reçois receive", .usage = U_RECOIS,
	  .summary = N_("returned sheets into interventions.yaml, each whole or "
	  "not at all"),
	  .example = "eco-interventions recois -n retour-cpe-soleil.yaml",
	  .maxops = CLI_MANY, .options = cli_recois_options,
	  .option = cli_recois_option,
	  .run = run_recois },
	{ .name = "matrice", .aliases = "matrix", .usage = U_MATRICE,
	  .summary = N_("organisations × factors with levels and totals, the "
	  "factors nobody acts on first"),
	  .example = "eco-interventions matrice -o html > /tmp/matrice.html",
	  .common = CLI_FORMAT,
	  .formats = FM(TEXTE) | FM(MD) | FM(HTML) | FM(CSV) | FM(JSON),
	  .format = FMT_TEXTE, .maxops = CLI_MANY, .run = run_matrice },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-interventions",
	.usage = U_FEUILLE NEXT U_FEUILLES NEXT U_RECOIS NEXT U_MATRICE,
	.example = "eco-interventions matrice",
	.common = CLI_DOSSIER, .subs = subs,
};

int
main(int argc, char *argv[])
{
	eco_diags_init(&D);
	return cli_main(&cmd, argc, argv);
}
