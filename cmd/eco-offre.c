/*
 * eco-offre - the service offer of the community (Outil 6): a worksheet
 * per organisation, returned sheets received into offre.yaml, the offer
 * by clientèle, system, factor, sector, age and access, and its gaps.
 *
 * The services, their counts, gaps and worksheets are lib/eco_offre.c's;
 * receiving a sheet is eco_offre_receive's.  This file holds the options
 * and the composition of the reports.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define U_FEUILLE "eco-offre [-C DOSSIER] feuille [-o yaml|md|html] ORGANISME"
#define U_FEUILLES "eco-offre [-C DOSSIER] feuilles [-o yaml|md|html]"
#define U_RECOIS "eco-offre [-C DOSSIER] recois [-n] FICHIER..."
#define U_ANALYSE "eco-offre [-C DOSSIER] analyse " \
	"[-o texte|md|html|csv|json] [FICHIER|-]..."
#define U_LACUNES "eco-offre [-C DOSSIER] lacunes " \
	"[-o texte|md|html|csv|json] [FICHIER|-]..."
#define NEXT "\n       "

static struct eco_diags D;
static struct eco_project *P;
static struct eco_facteurs *F;
static struct eco_offre *O;
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

/*
 * The project, the services the command works on (the operands, or
 * offre.yaml) and the factors' fiches, checked as eco-validate checks
 * them.  0, or -1 (the reasons are in D).
 */
static int
open_all(int argc, char **argv)
{
	static const char *const own[] = { "service", "facteur", NULL };
	static const char *const ops[] = { "facteur", NULL };
	const struct eco_doc *const *v;
	size_t n;

	if (cli_open_records(&P, &F, argc, argv, own, ops, &D) < 0)
		return -1;
	v = argc ? eco_project_input_docs(P, &n) :
	    eco_project_docs(P, "service", &n);
	if (!v || !(O = eco_offre_new(v, n)))
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

/* Names for people. */

static const char *
org_name(const char *id)
{
	const char *nom = id ? eco_project_title(P, "organisme", id) : NULL;
	size_t i;

	for (i = 0; !nom && id && i < O->n; i++)
		if (O->v[i].externe && strcmp(O->v[i].organisme, id) == 0)
			nom = O->v[i].externe;
	return nom ? nom : id;
}

static const char *
service_name(const struct eco_service *s)
{
	if (s->externe)
		return cli_text(_("%s (%s, outside the regroupement)"), s->nom,
		    s->externe);
	return cli_text("%s (%s)", s->nom, org_name(s->organisme));
}

static const char *
counted(long long v, const char *unite)
{
	if (v < 0)
		return NULL;
	return unite ? cli_text("%lld %s", v, eco_offre_unit_label(unite)) :
	    cli_text("%lld", v);
}

/* The names (people) or ids (json) of the services of a row. */
static void
services_cell(struct eco_table *t, size_t col, const struct eco_offre_row *r,
    int waiting, int ids)
{
	const char **v = calloc(r->nservices + 1, sizeof *v);
	size_t i, n = 0;

	if (!v)
		cli_oom(&D);
	for (i = 0; i < r->nservices; i++) {
		const struct eco_service *s = &O->v[r->services[i]];

		if (waiting && s->attente <= 0)
			continue;
		v[n++] = ids ? s->id : waiting ? cli_keep(cli_text(_("%s: %s "
		    "waiting"), s->externe ? service_name(s) : s->nom,
		    counted(s->attente, s->unite))) : cli_keep(service_name(s));
	}
	eco_table_list(t, col, v, n);
	free(v);
}

static const char *const axis_titles[ECO_NAXES] = {
	N_("By clientèle"), N_("By system"), N_("By protective factor"),
	N_("By sector"), N_("By age of the children"), N_("By access")
};
static const char *const axis_heads[ECO_NAXES] = {
	N_("Clientèle"), N_("System"), N_("Protective factor"), N_("Sector"),
	N_("Age"), N_("Access")
};

static void
data_columns(struct eco_table *d, int lacunes)
{
	eco_table_column(d, "axe", _("Axis"), 0, 0);
	eco_table_column(d, "cle", _("Id"), 0, 0);
	eco_table_column(d, "nom", _("Name"), 0, 0);
	if (lacunes)
		eco_table_column(d, "lacune", _("Gap"), 0, 0);
	eco_table_column(d, "services", _("Services"), 0, 0);
	eco_table_column(d, "avec_attente", _("With a waiting list"), 0, 0);
	eco_table_column(d, "ids", _("Services (ids)"), 0, 0);
}

static const char *
gap_code(enum eco_lacune g)
{
	return g == ECO_LACUNE_SANS_SERVICE ? "sans-service" : "liste-attente";
}

static const char *
gap_name(enum eco_lacune g)
{
	return g == ECO_LACUNE_SANS_SERVICE ? _("no service") :
	    _("waiting list");
}

static void
data_row(struct eco_table *d, const struct eco_offre_row *r, int lacunes)
{
	int json = cli.format == FMT_JSON;
	size_t c = 3;

	eco_table_row(d);
	eco_table_text(d, 0, eco_offre_axis_code(r->axe));
	eco_table_text(d, 1, r->key);
	eco_table_text(d, 2, r->name);
	if (lacunes)
		eco_table_text(d, c++, json ? gap_code(eco_offre_lacune(r)) :
		    gap_name(eco_offre_lacune(r)));
	eco_count_cell(d, c++, (unsigned)r->nservices);
	eco_count_cell(d, c++, (unsigned)r->nattente);
	/* a gap for a waiting list names the services with one */
	services_cell(d, c, r, lacunes && eco_offre_lacune(r) ==
	    ECO_LACUNE_ATTENTE, 1);
}

/* The services, one line each. */
static void
services_table(struct eco_report *r)
{
	struct eco_table *t = eco_report_table(r, "service", _("The services"),
	    ECO_SHOW_DOC);
	size_t i;

	eco_table_column(t, "service", _("Service"), 0, 36);
	eco_table_column(t, "organisme", _("Organisation"), 0, 24);
	eco_table_column(t, "participants", _("Reached in the year"),
	    ECO_COL_RIGHT, 0);
	eco_table_column(t, "liste_attente", _("Waiting"), ECO_COL_RIGHT, 0);
	for (i = 0; i < O->n; i++) {
		const struct eco_service *s = &O->v[i];

		eco_table_row(t);
		eco_table_text(t, 0, s->nom);
		eco_table_text(t, 1, s->externe ? cli_text(_("%s (outside the "
		    "regroupement)"), s->externe) : org_name(s->organisme));
		eco_table_text(t, 2, counted(s->participants, s->unite));
		eco_table_text(t, 3, counted(s->attente, s->unite));
	}
}

/* analyse */

static int
run_analyse(int argc, char **argv)
{
	struct eco_report *r;
	struct eco_table *t, *d;
	size_t a, i;

	if (open_all(argc, argv) < 0)
		return finish();
	if (eco_offre_count(O, F, REG ? eco_map_seq(REG, "secteurs") : NULL) < 0)
		cli_oom(&D);
	r = eco_report_new(NULL, _("Analysis of the service offer (Outil 6)"));
	eco_report_para(r, cli_text(ngettext("%zu service.", "%zu services.",
	    O->n), O->n));
	eco_report_para(r, _("A service counts under every value it has: the "
	    "rows of a table do not add up to the number of services."));
	services_table(r);
	for (a = 0; a < ECO_NAXES; a++) {
		eco_report_heading(r, 2, _(axis_titles[a]));
		t = eco_report_table(r, "offre", NULL, ECO_SHOW_DOC);
		eco_table_column(t, "nom", _(axis_heads[a]), 0, 36);
		eco_table_column(t, "services", _("Services"), ECO_COL_RIGHT, 0);
		eco_table_column(t, "avec_attente", _("With a waiting list"),
		    ECO_COL_RIGHT, 0);
		eco_table_column(t, "liste", _("Which"), ECO_COL_NOTEXTE, 40);
		for (i = 0; i < O->nrows; i++) {
			const struct eco_offre_row *w = &O->rows[i];

			if (w->axe != (enum eco_axe)a)
				continue;
			eco_table_row(t);
			eco_table_text(t, 0, w->name);
			eco_count_cell(t, 1, (unsigned)w->nservices);
			eco_count_cell(t, 2, (unsigned)w->nattente);
			services_cell(t, 3, w, 0, 0);
		}
	}
	d = eco_report_table(r, "offre", NULL, ECO_SHOW_DATA);
	data_columns(d, 0);
	for (i = 0; i < O->nrows; i++)
		data_row(d, &O->rows[i], 0);
	return write_report(r);
}

/* lacunes */

static int
run_lacunes(int argc, char **argv)
{
	static const enum eco_axe order[] = { ECO_AXE_CLIENTELE,
	    ECO_AXE_SECTEUR, ECO_AXE_AGE, ECO_AXE_FACTEUR };
	struct eco_report *r;
	struct eco_table *t, *d;
	size_t a, i, n = 0;
	enum eco_lacune g;

	if (open_all(argc, argv) < 0)
		return finish();
	if (eco_offre_count(O, F, REG ? eco_map_seq(REG, "secteurs") : NULL) < 0)
		cli_oom(&D);
	r = eco_report_new(NULL, _("Gaps in the service offer (Outil 6)"));
	eco_report_para(r, _("The clientèles, sectors, ages and protective "
	    "factors that no service reaches, then those whose services have "
	    "a waiting list."));
	d = eco_report_table(r, "lacune", NULL, ECO_SHOW_DATA);
	data_columns(d, 1);
	for (a = 0; a < sizeof order / sizeof *order; a++) {
		t = NULL;
		for (g = ECO_LACUNE_SANS_SERVICE; g <= ECO_LACUNE_ATTENTE; g++)
			for (i = 0; i < O->nrows; i++) {
				const struct eco_offre_row *w = &O->rows[i];

				if (w->axe != order[a] || eco_offre_lacune(w) != g)
					continue;
				if (!t) {
					eco_report_heading(r, 2, _(axis_titles[order[a]]));
					t = eco_report_table(r, "lacune", NULL,
					    ECO_SHOW_DOC);
					eco_table_column(t, "nom", _(axis_heads[order[a]]),
					    0, 36);
					eco_table_column(t, "lacune", _("Gap"), 0, 0);
					eco_table_column(t, "attente", _("Waiting"), 0,
					    40);
				}
				eco_table_row(t);
				eco_table_text(t, 0, w->name);
				eco_table_text(t, 1, gap_name(g));
				services_cell(t, 2, w, 1, 0);
				data_row(d, w, 1);
				n++;
			}
	}
	if (!n)
		eco_report_para(r, _("No gap: every clientèle, sector, age and "
		    "factor has a service without a waiting list."));
	return write_report(r);
}

/* feuille, feuilles */

static struct eco_schemaset *
schemas(void)
{
	struct eco_schemaset *set = eco_schemaset_new();

	if (!set)
		cli_oom(&D);
	if (eco_schemaset_add_eco(set, &D) < 0 ||
	    eco_schemaset_resolve(set, &D) < 0) {
		eco_schemaset_free(set);
		return NULL;
	}
	return set;
}

/* The organisations a sheet may be for: the members, then those
 * outside the regroupement that have services, each once. */
static size_t
organisations(const char **ids, size_t cap)
{
	const struct eco_node *m = REG ? eco_map_seq(REG, "membres") : NULL;
	size_t i, j, n = 0;

	for (i = 0; m && m->type == ECO_SEQ && i < m->len && n < cap; i++)
		if (eco_map_str(m->u.items[i], "id"))
			ids[n++] = eco_map_str(m->u.items[i], "id");
	for (i = 0; i < O->n && n < cap; i++) {
		for (j = 0; j < n && strcmp(ids[j], O->v[i].organisme); j++)
			;
		if (j == n && O->v[i].externe)
			ids[n++] = O->v[i].organisme;
	}
	return n;
}

static int
sheets(const char *const *ids, size_t n)
{
	struct eco_schemaset *set = NULL;
	struct eco_report *r;
	size_t i;

	if (cli.format == FMT_YAML) {
		if (!(set = schemas()))
			return finish();
		for (i = 0; i < n && !D.nerr; i++)
			eco_offre_sheet_yaml(stdout, set, O, ids[i], &D);
		eco_schemaset_free(set);
		return finish();
	}
	r = eco_report_new(NULL, n == 1 ? cli_text(_("Service offer of %s "
	    "(Outil 6)"), org_name(ids[0])) : _("Service offer: the "
	    "organisations' sheets"));
	for (i = 0; i < n; i++)
		if (eco_offre_sheet_paper(r, O, F, REG ? eco_map_seq(REG,
		    "secteurs") : NULL, ids[i], org_name(ids[i]), n > 1) < 0)
			cli_oom(&D);
	return write_report(r);
}

static int
run_feuille(int argc, char **argv)
{
	const char *ids[512], *org = argv[0];
	char near[256];
	size_t n, i;

	if (!argc)
		cli_usage_error(NULL, "%s", _("feuille needs the organisation "
		    "(its id in eco.yaml)"));
	if (open_all(0, NULL) < 0)
		return finish();
	n = organisations(ids, 512);
	for (i = 0; i < n && strcmp(ids[i], org); i++)
		;
	if (i == n) {
		const char *c = eco_closest_text(org, ids, n, near, sizeof near);

		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL, c ?
		    _("« %s » is neither a member of the regroupement nor an "
		    "organisation of the offer (did you mean %s?)") :
		    _("« %s » is neither a member of the regroupement nor an "
		    "organisation of the offer%s"), org, c ? c : "");
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
	return sheets(ids, organisations(ids, 512));
}

/* recois */

static int
run_recois(int argc, char **argv)
{
	cli_recois("service", argc, argv, &D);
	return finish();
}

#define FM(x) (1u << FMT_##x)
#define REPORTS (FM(TEXTE) | FM(MD) | FM(HTML) | FM(CSV) | FM(JSON))
#define SHEETS (FM(YAML) | FM(MD) | FM(HTML))

static const struct cli_cmd subs[] = {
	{ .name = "feuille", .aliases = "sheet", .usage = U_FEUILLE,
	  .summary = N_("the worksheet of one organisation, its services filled"),
	  .example = "eco-offre feuille -o html maison-famille > "
	  "/tmp/offre-maison-famille.html",
	  .common = CLI_FORMAT, .formats = SHEETS, .format = FMT_YAML,
	  .maxops = 1, .run = run_feuille },
	{ .name = "feuilles", .aliases = "sheets", .usage = U_FEUILLES,
	  .summary = N_("the worksheets of every organisation"),
	  .example = "eco-offre feuilles -o html > /tmp/offre-feuilles.html",
	  .common = CLI_FORMAT, .formats = SHEETS, .format = FMT_YAML,
	  .maxops = 0, .run = run_feuilles },
	{ .name = "recois", .aliases = "reçois receive", .usage = U_RECOIS,
	  .summary = N_("returned sheets into offre.yaml, each whole or not at all"),
	  .example = "eco-offre recois -n retour-maison-famille.yaml",
	  .maxops = CLI_MANY, .options = cli_recois_options,
	  .option = cli_recois_option,
	  .run = run_recois },
	{ .name = "analyse", .aliases = "analyze analysis", .usage = U_ANALYSE,
	  .summary = N_("the offer by clientèle, system, factor, sector, age "
	  "and access"),
	  .example = "eco-offre analyse -o md",
	  .common = CLI_FORMAT, .formats = REPORTS, .format = FMT_TEXTE,
	  .maxops = CLI_MANY, .run = run_analyse },
	{ .name = "lacunes", .aliases = "gaps", .usage = U_LACUNES,
	  .summary = N_("clientèles, sectors, ages and factors with no service "
	  "or a waiting list"),
	  .example = "eco-offre lacunes",
	  .common = CLI_FORMAT, .formats = REPORTS, .format = FMT_TEXTE,
	  .maxops = CLI_MANY, .run = run_lacunes },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-offre",
	.usage = U_FEUILLE NEXT U_FEUILLES NEXT U_RECOIS NEXT U_ANALYSE NEXT
	    U_LACUNES,
	.example = "eco-offre lacunes",
	.common = CLI_DOSSIER, .subs = subs,
};

int
main(int argc, char *argv[])
{
	eco_diags_init(&D);
	return cli_main(&cmd, argc, argv);
}
