/*
 * eco-facteurs - the protective factors (Outils 3 and 4): the table of
 * the factors by system and the fiche of each, as the project's
 * facteurs.yaml changes eco's catalogue, each saying where it comes from.
 *
 * The fiches come from lib/eco_facteurs.c; a project's facteurs.yaml is
 * checked as eco-validate checks it before anything is shown.  People
 * read names and provenance, the ids beside them as they are typed in
 * plan.yaml and the other files; json and yaml give the ids.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define FORMATS "[-o texte|md|html|json|yaml]"
#define LISTE "eco-facteurs liste " FORMATS " [--systeme S] [-C DOSSIER]"
#define FICHE "eco-facteurs fiche " FORMATS " [--systeme S] [-C DOSSIER] [ID]..."

static const char usage[] = LISTE "\n       " FICHE;

static struct {
	struct eco_project *p;
	struct eco_facteurs *f;
	struct eco_diags d;
} S;

/* The fiches of the project around the current folder (-C), or eco's
 * catalogue outside one; 0, or the exit status when they cannot be
 * shown (the diagnostics are in S.d). */
static int
open_fiches(void)
{
	static const char *const kinds[] = { "facteur", NULL };

	if (!(S.p = eco_project_open(NULL, &S.d)))
		return ECO_EXIT_SYS;
	if (eco_project_check(S.p, kinds, &S.d) > 0 || S.d.sys)
		return eco_diags_status(&S.d);
	if (!(S.f = eco_facteurs_of(S.p, &S.d)))
		return ECO_EXIT_SYS;
	return 0;
}

static int
shown(const struct eco_facteur *f)
{
	return !cli.systeme || (f->systeme && strcmp(f->systeme, cli.systeme) == 0);
}

static int
write_report(struct eco_report *r)
{
	int rc = 0;

	eco_report_footer(r, eco_project_name(S.p), NULL);
	if (eco_report_write(stdout, r, cli.rformat, &S.d) < 0 && !S.d.n)
		rc = ECO_EXIT_SYS;
	eco_report_free(r);
	return rc;
}

/* What the words of the provenance column mean, and the fiches the
 * project withdrew. */
static void
legend(struct eco_report *r)
{
	const struct eco_facteur *g;
	char line[512];
	size_t i;

	eco_report_para(r, _("Published: the factor and its sub-factors as "
	    "Avenir d'enfants publishes them on agirtot.org; definitions and "
	    "pistes d'actions are written by eco. eco's proposal: a factor "
	    "eco proposes until the official list can be checked against "
	    "Outils 3 and 4."));
	for (i = 0; (g = eco_facteurs_retired(S.f, i)); i++)
		if (shown(g)) {
			snprintf(line, sizeof line,
			    _("Withdrawn by the group: %s (%s, %s:%d)."),
			    g->nom ? g->nom : g->id, g->id, g->par, g->par_line);
			eco_report_para(r, line);
		}
}

/* The data of one fiche, for json and yaml. */
static void
data_row(struct eco_table *t, const struct eco_facteur *f, int whole)
{
	static const char *const origine[] = {
		"catalogue", "ajoute", "remplace", "retire"
	};
	const char *ids[64];
	size_t i, c = 0;

	eco_table_row(t);
	eco_table_text(t, c++, f->id);
	eco_table_text(t, c++, f->systeme);
	eco_table_text(t, c++, f->nom);
	for (i = 0; i < f->nsous && i < 64; i++)
		ids[i] = f->sous[i].id;
	eco_table_list(t, c++, ids, i);
	eco_table_text(t, c++, f->source);
	eco_table_list(t, c++, f->proposes, f->nproposes);
	eco_table_text(t, c++, origine[f->origine]);
	eco_table_text(t, c++, f->file);
	if (!whole)
		return;
	eco_table_text(t, c++, f->definition);
	eco_table_list(t, c++, f->pistes, f->npistes);
	eco_table_list(t, c++, f->domaines, f->ndomaines);
	eco_table_list(t, c++, f->references, f->nreferences);
}

static struct eco_table *
data_table(struct eco_report *r, int whole)
{
	struct eco_table *t = eco_report_table(r, "facteur", NULL,
	    ECO_SHOW_DATA);

	eco_table_column(t, "id", NULL, 0, 0);
	eco_table_column(t, "systeme", NULL, 0, 0);
	eco_table_column(t, "nom", NULL, 0, 0);
	eco_table_column(t, "sous_facteurs", NULL, 0, 0);
	eco_table_column(t, "source", NULL, 0, 0);
	eco_table_column(t, "textes_proposes", NULL, 0, 0);
	eco_table_column(t, "origine", NULL, 0, 0);
	eco_table_column(t, "fichier", NULL, 0, 0);
	if (whole) {
		eco_table_column(t, "definition", NULL, 0, 0);
		eco_table_column(t, "pistes_actions", NULL, 0, 0);
		eco_table_column(t, "domaines", NULL, 0, 0);
		eco_table_column(t, "references", NULL, 0, 0);
	}
	return t;
}

/* liste: Outil 3, system by system. */
static int
run_liste(int argc, char **argv)
{
	struct eco_report *r;
	struct eco_table *t, *data;
	const struct eco_facteur *f;
	char name[256];
	size_t i, j;
	int s, rc, end;

	(void)argc;
	(void)argv;
	if ((rc = open_fiches()))
		return (end = cli_finish(&S.d)) > rc ? end : rc;
	r = eco_report_new(NULL, _("Protective factors linked to a successful "
	    "start at school"));
	data = data_table(r, 0);
	for (s = 0; s < ECO_NSYS; s++) {
		if (cli.systeme && strcmp(cli.systeme, eco_systemes[s]) != 0)
			continue;
		eco_report_heading(r, 2, eco_systeme_label(eco_systemes[s]));
		t = eco_report_table(r, "facteur", NULL, ECO_SHOW_DOC);
		eco_table_column(t, "nom", _("Factor and its sub-factors"), 0, 38);
		eco_table_column(t, "id", _("Id"), 0, 38);
		for (i = 0; (f = eco_facteurs_at(S.f, i)); i++) {
			if (!f->systeme || strcmp(f->systeme, eco_systemes[s]) != 0)
				continue;
			snprintf(name, sizeof name, "%s (%s)", f->nom ? f->nom :
			    f->id, eco_facteur_provenance(f, 1));
			eco_table_row(t);
			eco_table_text(t, 0, name);
			eco_table_text(t, 1, f->id);
			for (j = 0; j < f->nsous; j++) {
				snprintf(name, sizeof name, "· %s", f->sous[j].nom ?
				    f->sous[j].nom : f->sous[j].id);
				eco_table_row(t);
				eco_table_text(t, 0, name);
				eco_table_text(t, 1, f->sous[j].id);
			}
			data_row(data, f, 0);
		}
	}
	legend(r);
	rc = write_report(r);
	return rc > (end = cli_finish(&S.d)) ? rc : end;
}

/* A heading, marked when eco wrote that text on a published factor. */
static void
part(struct eco_report *r, const struct eco_facteur *f, const char *field,
    const char *title)
{
	char line[256];

	if (strcmp(f->source, "proposition") != 0 &&
	    eco_facteur_propose(f, field)) {
		snprintf(line, sizeof line, _("%s (text proposed by eco)"), title);
		eco_report_heading(r, 2, line);
	} else
		eco_report_heading(r, 2, title);
}

/* One fiche: Outil 4. */
static void
fiche(struct eco_report *r, const struct eco_facteur *f)
{
	char line[512];
	size_t i;

	eco_report_heading(r, 1, f->nom ? f->nom : f->id);
	snprintf(line, sizeof line, _("System: %s. Id: %s."),
	    eco_systeme_label(f->systeme), f->id);
	eco_report_para(r, line);
	if (f->file)
		snprintf(line, sizeof line, _("Provenance: %s (%s:%d)."),
		    eco_facteur_provenance(f, 0), f->file, f->line);
	else
		snprintf(line, sizeof line, _("Provenance: %s."),
		    eco_facteur_provenance(f, 0));
	eco_report_para(r, line);
	if (f->definition) {
		part(r, f, "definition", _("Definition"));
		eco_report_para(r, f->definition);
	}
	if (f->nsous) {
		part(r, f, "sous-facteurs", _("Sub-factors"));
		for (i = 0; i < f->nsous; i++) {
			snprintf(line, sizeof line, "%s (%s)%s%s",
			    f->sous[i].nom ? f->sous[i].nom : f->sous[i].id,
			    f->sous[i].id, f->sous[i].definition ? " : " : "",
			    f->sous[i].definition ? f->sous[i].definition : "");
			eco_report_item(r, 0, line);
		}
	}
	if (f->npistes) {
		part(r, f, "pistes-actions", _("Pistes d'actions"));
		for (i = 0; i < f->npistes; i++)
			eco_report_item(r, 0, f->pistes[i]);
	}
	if (f->ndomaines) {
		part(r, f, "domaines", _("EQDEM domains it touches most"));
		for (i = 0; i < f->ndomaines; i++)
			eco_report_item(r, 0, eco_domaine_label(f->domaines[i]) ?
			    eco_domaine_label(f->domaines[i]) : f->domaines[i]);
	}
	if (f->nreferences) {
		part(r, f, "references", _("References"));
		for (i = 0; i < f->nreferences; i++)
			eco_report_item(r, 0, f->references[i]);
	}
	if (f->notes) {
		eco_report_heading(r, 2, _("Notes"));
		eco_report_para(r, f->notes);
	}
}

/* An operand that names no fiche: said with the closest ids. */
static void
unknown(const char *id)
{
	const struct eco_facteur *g;
	const char *near;
	char buf[256];
	size_t i;

	for (i = 0; (g = eco_facteurs_retired(S.f, i)); i++)
		if (strcmp(g->id, id) == 0) {
			eco_diag_add(&S.d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
			    _("« %s »: the project retires this factor (%s:%d)"),
			    id, g->par, g->par_line);
			return;
		}
	if ((near = eco_facteurs_closest(S.f, id, buf, sizeof buf)))
		eco_diag_add(&S.d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("« %s »: no such %s (did you mean %s?)"), id,
		    _("protective factor"), near);
	else
		eco_diag_add(&S.d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("« %s »: no such %s"), id, _("protective factor"));
}

/* fiche [ID]...: the fiches named, or every one (of --systeme). */
static int
run_fiche(int argc, char **argv)
{
	const struct eco_sous_facteur *u;
	const struct eco_facteur *f;
	struct eco_report *r;
	struct eco_table *data;
	int i, rc, end;
	size_t k;

	if ((rc = open_fiches()))
		return (end = cli_finish(&S.d)) > rc ? end : rc;
	for (i = 0; i < argc; i++)
		if (!(f = eco_facteurs_holder(S.f, argv[i], &u)))
			unknown(argv[i]);
		else if (u)
			eco_diag_add(&S.d, NULL, 0, 0, ECO_SEV_NOTE, NULL,
			    _("« %s » is a sub-factor of « %s »: its fiche is "
			    "that factor's"), argv[i], f->id);
	if (S.d.nerr)
		return cli_finish(&S.d);
	r = eco_report_new(NULL, _("Fiches of the protective factors"));
	data = data_table(r, 1);
	for (i = 0; i < argc; i++) {
		f = eco_facteurs_holder(S.f, argv[i], &u);
		fiche(r, f);
		data_row(data, f, 1);
	}
	for (k = 0; !argc && (f = eco_facteurs_at(S.f, k)); k++)
		if (shown(f)) {
			fiche(r, f);
			data_row(data, f, 1);
		}
	rc = write_report(r);
	return rc > (end = cli_finish(&S.d)) ? rc : end;
}

#define DOCS (1u << FMT_TEXTE | 1u << FMT_MD | 1u << FMT_HTML | \
    1u << FMT_JSON | 1u << FMT_YAML)

static const struct cli_cmd subs[] = {
	{ .name = "liste", .aliases = "list", .usage = LISTE,
	  .summary = N_("the factors by system, with their sub-factors (Outil 3)"),
	  .example = "eco-facteurs liste --systeme famille",
	  .common = CLI_SYSTEME, .maxops = 0, .run = run_liste },
	{ .name = "fiche", .aliases = "show", .usage = FICHE,
	  .summary = N_("the fiche of each factor named, or of all (Outil 4)"),
	  .example = "eco-facteurs fiche pratiques-parentales -o html",
	  .common = CLI_SYSTEME, .maxops = CLI_MANY, .run = run_fiche },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-facteurs", .usage = usage,
	.example = "eco-facteurs liste --systeme famille",
	.common = CLI_DOSSIER | CLI_FORMAT, .formats = DOCS, .format = FMT_TEXTE,
	.subs = subs,
};

int
main(int argc, char *argv[])
{
	int rc;

	eco_diags_init(&S.d);
	rc = cli_main(&cmd, argc, argv);
	eco_facteurs_free(S.f);
	eco_project_close(S.p);
	eco_diags_free(&S.d);
	return rc;
}
