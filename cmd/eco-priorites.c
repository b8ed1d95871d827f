/*
 * eco-priorites - the priorities (Outil 8): priorities proposed from the
 * constats of the three analyses, the project's priorities listed and
 * shown with the constats behind them and the plan ahead, the factors
 * retained per system, a printable page of the priorities and their
 * justification, and a priority appended under the lock.
 *
 * The priorities, proposals and objective drafts are
 * lib/eco_priorites.c's; the constats lib/eco_constats.c's; the factors'
 * names and provenance lib/eco_facteurs.c's.  This file holds the
 * options and the composition of the reports.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define U_PROPOSE "eco-priorites [-C DOSSIER] propose [-o yaml|json|texte|md] " \
	"[--nature N] [FICHIER|-]..."
#define U_LISTE "eco-priorites [-C DOSSIER] liste " \
	"[-o texte|md|html|csv|json|yaml] [--systeme S] [--facteur ID] " \
	"[FICHIER|-]..."
#define U_MONTRE "eco-priorites [-C DOSSIER] montre [-o texte|md|html|json] ID"
#define U_FACTEURS "eco-priorites [-C DOSSIER] facteurs " \
	"[-o texte|md|html|csv|json]"
#define U_PAGE "eco-priorites [-C DOSSIER] page [-o html|md|texte]"
#define U_AJOUTE "eco-priorites [-C DOSSIER] ajoute [-n] --systeme S " \
	"--constats IDS [--facteur ID] [--id ID] [CHAMPS]..."
#define NEXT "\n       "

static struct eco_diags D;
static struct eco_project *P;
static struct eco_facteurs *F;
static struct eco_constats *CS;
static struct eco_pris *PR;
static struct eco_plan *PLAN;
static const struct eco_doc **OWN;
static size_t NOWN;

static struct eco_pri_in in;
static const char **constats;
static size_t nconstats;
static const char *nature;
static int dry;

static int
finish(void)
{
	int rc = cli_finish(&D);

	eco_plan_free(PLAN);
	eco_pris_free(PR);
	eco_constats_free(CS);
	eco_facteurs_free(F);
	free(OWN);
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

/* The project's documents of kind, added to OWN. */
static void
add_docs(const char *kind)
{
	cli_add_docs(P, kind, &OWN, &NOWN, &D);
}

/*
 * The project around the current folder (any folder with operands),
 * everything checked as eco-validate checks it: the operands (constats
 * for propose, priorities for liste) or the project's constats,
 * priorities and plan; the factors' fiches.  0, or -1 (why is in D).
 */
static int
open_all(int argc, char **argv)
{
	static const char *const own[] = { "constat", "priorite", "facteur",
	    "plan", NULL };
	static const char *const ops[] = { "facteur", NULL };
	const struct eco_doc *const *v;
	size_t n, i;

	if (cli_open_records(&P, &F, argc, argv, own, ops, &D) < 0)
		return -1;
	if (argc) {
		v = eco_project_input_docs(P, &n);
		if (!(OWN = calloc(n ? n : 1, sizeof *OWN)))
			cli_oom(&D);
		for (i = 0; i < n; i++)
			OWN[i] = v[i];
		NOWN = n;
	} else {
		add_docs("constat");
		add_docs("priorite");
	}
	/* propose --nature: the constats of that nature only */
	for (i = n = 0; nature && i < NOWN; i++)
		if (!eco_map_str(OWN[i]->root, "nature") ||
		    strcmp(eco_map_str(OWN[i]->root, "nature"), nature) == 0 ||
		    !eco_map_str(OWN[i]->root, "kind") ||
		    strcmp(eco_map_str(OWN[i]->root, "kind"), "constat") != 0)
			OWN[n++] = OWN[i];
	if (nature)
		NOWN = n;
	if (!(CS = eco_constats_new(OWN, NOWN)) ||
	    !(PR = eco_pris_new(OWN, NOWN)) || !(PLAN = eco_plan_new()))
		cli_oom(&D);
	if (!(v = eco_project_docs(P, "plan", &n)))
		cli_oom(&D);
	for (i = 0; !argc && i < n; i++)
		if (eco_plan_add_doc(PLAN, v[i]) < 0)
			cli_oom(&D);
	return eco_facteurs_known(F, cli.facteur, &D);
}

/* Names for people. */

static const char *
factor(const char *id)
{
	return id ? cli_factor(F, id) : _("no factor retained yet");
}

static const char *
system_name(const char *s)
{
	return s && eco_systeme_label(s) ? eco_systeme_label(s) :
	    _("no system stated");
}

static const char *
analyses_text(unsigned bits)
{
	struct eco_buf b = ECO_BUF_INIT;
	const char *out;
	int i;

	for (i = 0; i < ECO_CT_NANALYSES; i++)
		if (bits & (1u << i))
			eco_buf_printf(&b, "%s%s", b.n ? ", " : "",
			    eco_ct_analyse_label(eco_ct_analyse_codes[i]));
	if (b.oom)
		cli_oom(&D);
	out = cli_text("%s", b.n ? b.s : "");
	eco_buf_free(&b);
	return out;
}

/* The plan's objectives that carry priority id. */
static size_t
objectives_of(const char *id, const struct eco_objectif_view **out, size_t cap)
{
	size_t i, j, n = 0;

	for (i = 0; i < PLAN->nobjectifs; i++) {
		const struct eco_objectif_view *o = &PLAN->objectifs[i];

		for (j = 0; j < o->npriorites; j++)
			if (strcmp(o->priorites[j], id) == 0)
				break;
		if (j < o->npriorites && n < cap)
			out[n++] = o;
	}
	return n;
}

static void
objective_cell(struct eco_table *t, size_t col, const struct eco_pri *p)
{
	const struct eco_objectif_view *o[16];
	const char *v[16];
	size_t i, n = objectives_of(p->id, o, 16);

	for (i = 0; i < n; i++)
		v[i] = cli.format == FMT_JSON || cli.format == FMT_CSV ||
		    !o[i]->libelle ? o[i]->id : o[i]->libelle;
	eco_table_list(t, col, v, n);
}

/* propose */

static void
say_unseen(const struct eco_pri_seen *seen)
{
	int i;

	if (!seen->constats) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL, "%s",
		    _("no constat to propose priorities from yet: the three analyses give them (Outil 5, eco-constats)"));
		return;
	}
	for (i = 0; i < ECO_CT_NANALYSES; i++)
		if (!seen->analyses[i])
			eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL,
			    _("no constat comes from the analysis « %s » yet: no priority can draw on it"),
			    eco_ct_analyse_label(eco_ct_analyse_codes[i]));
	if (seen->sans_facteur)
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL,
		    ngettext(
		    "%zu constat names no protective factor: it is in no proposal",
		    "%zu constats name no protective factor: they are in no proposal",
		    seen->sans_facteur), seen->sans_facteur);
}

static const char *
support_text(const struct eco_pri_prop *p)
{
	return cli_text(ngettext(
	    "Proposed by eco: %zu constat, from %s.",
	    "Proposed by eco: %zu constats, from %s.", p->nconstats),
	    p->nconstats, analyses_text(p->analyses));
}

static void
propose_record(const struct eco_pri_prop *p, long rang)
{
	struct eco_pri_in r = { 0 };
	const char *ids[256];
	const char *comment = support_text(p);
	struct eco_doc *doc;
	size_t i;

	for (i = 0; i < p->nconstats && i < 256; i++)
		ids[i] = p->constats[i]->id;
	r.id = cli_text("pri-%s", p->facteur);
	r.constats = ids;
	r.nconstats = i;
	r.analyse = p->analyse;
	r.systeme = p->systeme ? p->systeme : p->constats[0]->systeme;
	r.facteur = p->facteur;
	r.rang = rang;
	if (p->deja)
		comment = cli_text(_("%s Already retained by priority %s."),
		    comment, p->deja);
	if (!(doc = eco_pri_new(&r)))
		cli_oom(&D);
	if (printf("---\n# %s\n", comment) < 0 || eco_sheet_yaml(stdout,
	    doc->root) < 0)
		eco_diag_sys(&D, NULL, "%s", strerror(errno));
	eco_doc_free(doc);
}

static int
run_propose(int argc, char **argv)
{
	struct eco_pri_seen seen;
	struct eco_pri_prop *v;
	struct eco_report *r;
	struct eco_table *t;
	size_t n, i, j;

	static const char *const prio[] = { "priorite", NULL };
	struct eco_pris *have = NULL;
	const struct eco_doc *const *docs;

	if (open_all(argc, argv) < 0)
		return finish();
	/* piped constats: the project's priorities say what is retained */
	if (argc && eco_project_dir(P)) {
		if (eco_project_check(P, prio, &D) > 0 || D.sys)
			return finish();
		if (!(docs = eco_project_docs(P, "priorite", &n)) ||
		    !(have = eco_pris_new(docs, n)))
			cli_oom(&D);
	}
	v = eco_pri_propose(CS, F, have ? have : PR, &seen, &n);
	eco_pris_free(have);
	if (!v && n == (size_t)-1)
		cli_oom(&D);
	say_unseen(&seen);
	if (cli.format == FMT_YAML) {
		for (i = 0; i < n; i++)
			propose_record(&v[i], (long)i + 1);
		eco_pri_props_free(v, n);
		return finish();
	}
	r = eco_report_new(NULL, _("Priorities proposed from the constats"));
	eco_report_para(r, _("One proposal per protective factor the constats name, ranked by how many of the three analyses and how many constats support it: eco's proposal, for the group to keep, join or leave."));
	t = eco_report_table(r, "proposition", NULL, ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "rang", _("Rank"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "facteur", _("Protective factor"), 0, 34);
	eco_table_column(t, "systeme", _("System"), 0, 0);
	eco_table_column(t, "analyses", _("Analyses"), 0, 24);
	eco_table_column(t, "constats", _("Constats"), 0, 30);
	eco_table_column(t, "deja", _("Already retained by"), 0, 0);
	for (i = 0; i < n; i++) {
		const char *ids[256];

		for (j = 0; j < v[i].nconstats && j < 256; j++)
			ids[j] = v[i].constats[j]->id;
		eco_table_row(t);
		eco_table_int(t, 0, (long long)i + 1);
		eco_table_text(t, 1, cli.format == FMT_JSON ? v[i].facteur :
		    factor(v[i].facteur));
		eco_table_text(t, 2, cli.format == FMT_JSON ? v[i].systeme :
		    system_name(v[i].systeme));
		eco_table_text(t, 3, analyses_text(v[i].analyses));
		eco_table_list(t, 4, ids, j);
		eco_table_text(t, 5, v[i].deja);
	}
	if (!n)
		eco_report_para(r, _("No constat names a protective factor: nothing to propose."));
	eco_pri_props_free(v, n);
	return write_report(r);
}

/* liste */

static int
keep(const struct eco_pri *p)
{
	return (!cli.systeme || (p->systeme && strcmp(p->systeme,
	    cli.systeme) == 0)) && (!cli.facteur || (p->facteur &&
	    strcmp(p->facteur, cli.facteur) == 0));
}

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
	size_t i, j, kept = 0;

	if (open_all(argc, argv) < 0)
		return finish();
	if (cli.format == FMT_YAML) {
		/* records as written; other kinds pass through */
		for (i = 0; i < NOWN; i++) {
			const struct eco_pri *p = NULL;

			for (j = 0; j < PR->n; j++)
				if (PR->v[j].root == OWN[i]->root)
					p = &PR->v[j];
			if (argc ? !p || keep(p) : p && keep(p))
				emit(OWN[i]);
		}
		return finish();
	}
	r = eco_report_new(NULL, _("Our priorities"));
	t = eco_report_table(r, "priorite", NULL, ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "rang", _("Rank"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "id", _("Id"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "enonce", _("Priority"), 0, 34);
	eco_table_column(t, "systeme", _("System"), 0, 0);
	eco_table_column(t, "facteur", _("Protective factor"), 0, 26);
	eco_table_column(t, "analyse", _("Analysis"), 0, 0);
	eco_table_column(t, "constats", _("Constats"), ECO_COL_NOTEXTE, 0);
	eco_table_column(t, "objectifs", _("Objective of the plan"), 0, 26);
	for (i = 0; i < PR->n; i++) {
		const struct eco_pri *p = &PR->v[i];
		int data = cli.format == FMT_JSON || cli.format == FMT_CSV;

		if (!keep(p))
			continue;
		kept++;
		eco_table_row(t);
		if (p->rang)
			eco_table_int(t, 0, p->rang);
		eco_table_text(t, 1, p->id);
		eco_table_text(t, 2, p->enonce);
		eco_table_text(t, 3, data ? p->systeme : system_name(p->systeme));
		eco_table_text(t, 4, data ? p->facteur : factor(p->facteur));
		eco_table_text(t, 5, data ? p->analyse : p->analyse ?
		    eco_ct_analyse_label(p->analyse) : NULL);
		eco_table_list(t, 6, p->constats, p->nconstats);
		objective_cell(t, 7, p);
	}
	if (!kept)
		eco_report_para(r, PR->n ? _("No priority matches.") :
		    _("No priority yet: eco-priorites propose drafts them from the constats."));
	return write_report(r);
}

/* montre */

static void
constats_table(struct eco_report *r, const struct eco_pri *p, int people)
{
	struct eco_table *t;
	size_t i;

	if (!p->nconstats)
		return;
	eco_report_heading(r, 2, _("The constats behind it"));
	t = eco_report_table(r, "constat", NULL, ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "id", _("Id"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "enonce", _("Constat"), 0, 44);
	eco_table_column(t, "analyse", _("Analysis"), 0, 0);
	eco_table_column(t, "nature", _("Nature"), 0, 0);
	for (i = 0; i < p->nconstats; i++) {
		const struct eco_ct *c = eco_constats_find(CS, ECO_CT_CONSTAT,
		    p->constats[i]);

		eco_table_row(t);
		eco_table_text(t, 0, p->constats[i]);
		if (!c)
			continue;
		eco_table_text(t, 1, c->titre);
		eco_table_text(t, 2, !people ? c->analyse : c->analyse ?
		    eco_ct_analyse_label(c->analyse) : NULL);
		eco_table_text(t, 3, !people ? c->nature : c->nature ?
		    eco_ct_nature_label(c->nature) : NULL);
	}
}

static void
plan_ahead(struct eco_report *r, const struct eco_pri *p, int people)
{
	const struct eco_objectif_view *o[16];
	struct eco_table *t;
	size_t n = objectives_of(p->id, o, 16), i, j, k;

	eco_report_heading(r, 2, _("Ahead in the plan"));
	if (!n) {
		eco_report_para(r, _("No objective of the plan carries this priority yet."));
		return;
	}
	t = eco_report_table(r, "suite", NULL, ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "objectif", _("Objective"), 0, 30);
	eco_table_column(t, "systeme", _("System"), 0, 0);
	eco_table_column(t, "transformation", _("Desired transformation"), 0, 30);
	eco_table_column(t, "actions", _("Actions"), 0, 30);
	for (i = 0; i < n; i++)
		for (j = 0; j < PLAN->ntransformations; j++) {
			const struct eco_transformation_view *tr =
			    &PLAN->transformations[j];
			const char *titles[64];
			size_t m = 0;

			if (!tr->objectif || strcmp(tr->objectif, o[i]->id) != 0)
				continue;
			for (k = 0; k < tr->nactions && m < 64; k++)
				if (tr->actions[k]) {
					const char *tt = eco_project_title(P,
					    "action", tr->actions[k]);

					titles[m++] = people && tt ? tt :
					    tr->actions[k];
				}
			eco_table_row(t);
			eco_table_text(t, 0, people && o[i]->libelle ?
			    o[i]->libelle : o[i]->id);
			eco_table_text(t, 1, people ? system_name(tr->systeme) :
			    tr->systeme);
			eco_table_text(t, 2, tr->libelle);
			eco_table_list(t, 3, titles, m);
		}
}

static int
run_montre(int argc, char **argv)
{
	const struct eco_pri *p;
	struct eco_report *r;
	char near[512];
	const char *c;
	int people;

	if (argc != 1)
		cli_usage_error(NULL, "%s", _("montre needs the id of a priority"));
	if (open_all(0, NULL) < 0)
		return finish();
	if (!(p = eco_pris_find(PR, argv[0]))) {
		if ((c = eco_pris_closest(PR, argv[0], near, sizeof near)))
			eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
			    _("« %s »: no such priority (did you mean %s?)"),
			    argv[0], c);
		else
			eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
			    _("« %s »: no such priority"), argv[0]);
		return finish();
	}
	people = cli.format != FMT_JSON;
	r = eco_report_new(NULL, p->enonce ? p->enonce :
	    cli_text(_("Priority %s"), p->id));
	eco_report_para(r, cli_text(_("Id: %s (%s:%d)."), p->id, p->file,
	    p->root->line));
	eco_report_item(r, 0, cli_text(_("System: %s"), system_name(p->systeme)));
	eco_report_item(r, 0, cli_text(_("Protective factor retained: %s"),
	    factor(p->facteur)));
	if (p->analyse)
		eco_report_item(r, 0, cli_text(_("Analysis: %s"),
		    eco_ct_analyse_label(p->analyse)));
	if (p->rang)
		eco_report_item(r, 0, cli_text(_("Rank: %ld"), p->rang));
	if (p->rencontre)
		eco_report_item(r, 0, cli_text(_("Chosen at: %s"),
		    eco_project_title(P, "rencontre", p->rencontre) ?
		    eco_project_title(P, "rencontre", p->rencontre) : p->rencontre));
	if (p->justification)
		eco_report_item(r, 0, cli_text(_("Justification: %s"),
		    p->justification));
	constats_table(r, p, people);
	plan_ahead(r, p, people);
	return write_report(r);
}

/* facteurs */

static int
run_facteurs(int argc, char **argv)
{
	struct eco_report *r;
	struct eco_table *t;
	size_t i, k, n;
	int s, data = cli.format == FMT_JSON || cli.format == FMT_CSV;

	(void)argc, (void)argv;
	if (open_all(0, NULL) < 0)
		return finish();
	r = eco_report_new(NULL, _("Protective factors retained, by system"));
	t = eco_report_table(r, "facteur-retenu", NULL,
	    ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "systeme", _("System"), 0, 0);
	eco_table_column(t, "facteur", _("Protective factor"), 0, 34);
	eco_table_column(t, "priorites", _("Priorities"), 0, 24);
	eco_table_column(t, "objectifs", _("Objective of the plan"), 0, 30);
	for (s = 0; s < ECO_NSYS; s++) {
		const char *sys = eco_systemes[s], *done[64];
		size_t nd = 0;

		for (n = 0, i = 0; i < PR->n; i++) {
			const struct eco_pri *p = &PR->v[i];
			const char *ids[64], *obj[64];
			size_t np = 0, no = 0, j;

			if (!p->facteur || !p->systeme || strcmp(p->systeme, sys))
				continue;
			for (k = 0; k < nd && strcmp(done[k], p->facteur); k++)
				;
			if (k < nd || nd == 64)
				continue;
			done[nd++] = p->facteur;
			n++;
			for (j = i; j < PR->n; j++) {
				const struct eco_objectif_view *o[16];
				size_t m, x;

				if (!PR->v[j].facteur || strcmp(PR->v[j].facteur,
				    p->facteur) || np == 64)
					continue;
				ids[np++] = PR->v[j].id;
				m = objectives_of(PR->v[j].id, o, 16);
				for (x = 0; x < m && no < 64; x++)
					obj[no++] = data || !o[x]->libelle ?
					    o[x]->id : o[x]->libelle;
			}
			eco_table_row(t);
			eco_table_text(t, 0, data ? sys : system_name(sys));
			eco_table_text(t, 1, data ? p->facteur : factor(p->facteur));
			eco_table_list(t, 2, ids, np);
			eco_table_list(t, 3, obj, no);
		}
		if (!n) {
			eco_table_row(t);
			eco_table_text(t, 0, data ? sys : system_name(sys));
			if (!data)
				eco_table_text(t, 1, _("none retained yet"));
		}
	}
	return write_report(r);
}

/* page: "nos priorités", for the meeting that adopts them */

static int
run_page(int argc, char **argv)
{
	struct eco_report *r;
	size_t i, j;

	(void)argc, (void)argv;
	if (open_all(0, NULL) < 0)
		return finish();
	r = eco_report_new(NULL, _("Our priorities"));
	if (eco_project_name(P))
		eco_report_para(r, eco_project_name(P));
	if (!PR->n)
		eco_report_para(r, _("The group has chosen no priority yet."));
	for (i = 0; i < PR->n; i++) {
		const struct eco_pri *p = &PR->v[i];

		eco_report_heading(r, 2, cli_text("%zu. %s", i + 1, p->enonce ?
		    p->enonce : factor(p->facteur)));
		eco_report_item(r, 0, cli_text(_("System: %s"),
		    system_name(p->systeme)));
		eco_report_item(r, 0, cli_text(_("Protective factor retained: %s"),
		    factor(p->facteur)));
		if (p->analyse)
			eco_report_item(r, 0, cli_text(_("Drawn from the analysis: %s"),
			    eco_ct_analyse_label(p->analyse)));
		if (p->nconstats)
			eco_report_para(r, _("What the analyses found:"));
		for (j = 0; j < p->nconstats; j++) {
			const struct eco_ct *c = eco_constats_find(CS,
			    ECO_CT_CONSTAT, p->constats[j]);

			eco_report_item(r, 0, c && c->titre ? c->titre :
			    p->constats[j]);
		}
		eco_report_para(r, p->justification ?
		    cli_text(_("Why: %s"), p->justification) :
		    _("Why: the justification is still to be written."));
	}
	return write_report(r);
}

/* ajoute */

static int
run_ajoute(int argc, char **argv)
{
	struct eco_record rec = { .file = "priorites.yaml", .kind = "priorite",
	    .prefix = "pri-", .render = eco_pri_render, .arg = &in };
	size_t i;
	int there = 0;

	(void)argc, (void)argv;
	if (!cli.systeme)
		cli_usage_error(NULL, "%s", _("ajoute needs --systeme (enfant, famille or communaute)"));
	if (!nconstats)
		cli_usage_error(NULL, "%s", _("ajoute needs --constats (the constats the priority is drawn from)"));
	in.systeme = cli.systeme;
	in.facteur = cli.facteur;
	in.constats = constats;
	in.nconstats = nconstats;
	if (!(P = eco_project_open(cli_project(), &D)) ||
	    eco_project_read(P, rec.file, &D) < 0)
		return finish();
	for (i = 0; i < eco_project_nfiles(P); i++)
		if (strcmp(eco_project_file(P, i)->rel, rec.file) == 0)
			there = eco_project_file(P, i)->opened;
	rec.flags = dry ? ECO_WRITE_DRY : 0;
	if ((there ? eco_project_append(P, &rec, &D) :
	    eco_project_create(P, &rec, &D)) == 0) {
		fputs(rec.text, stdout);
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL, dry ?
		    _("checked, not written (-n): priority %s") :
		    _("added to priorites.yaml: priority %s"), in.chosen);
	}
	free(rec.text);
	return finish();
}

/* Options */

enum { O_ID = 1, O_ENONCE, O_CONSTATS, O_ANALYSE, O_JUSTIFICATION, O_RANG,
	O_RENCONTRE, O_NOTES, O_NATURE, O_DRY };

static void
option(int key, const char *arg)
{
	switch (key) {
	case O_ID: in.id = arg; break;
	case O_ENONCE: in.enonce = arg; break;
	case O_CONSTATS:
		cli_push_list(&constats, &nconstats, arg, "constats", NULL, 0);
		break;
	case O_ANALYSE:
		in.analyse = cli_code(arg, "analyse", eco_ct_analyse_codes,
		    ECO_CT_NANALYSES);
		break;
	case O_JUSTIFICATION: in.justification = arg; break;
	case O_RANG: in.rang = strtol(arg, NULL, 10); break;
	case O_RENCONTRE: in.rencontre = arg; break;
	case O_NOTES: in.notes = arg; break;
	case O_NATURE:
		nature = cli_code(arg, "nature", eco_ct_nature_codes,
		    ECO_CT_NNATURES);
		break;
	default: dry = 1;
	}
}

static const struct cli_option propose_options[] = {
	{ O_NATURE, 0, "nature", NULL, CLI_TEXT, "NATURE",
	  N_("only the constats of this nature: force or enjeu"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_option ajoute_options[] = {
	{ O_ID, 0, "id", NULL, CLI_ID, "ID",
	  N_("its id (pri- and a number otherwise)"), 0, 0 },
	{ O_ENONCE, 0, "enonce", NULL, CLI_TEXT, "TEXTE",
	  N_("the priority in one sentence"), 0, 0 },
	{ O_CONSTATS, 0, "constats", NULL, CLI_TEXT, "IDS",
	  N_("the constats it is drawn from (comma-separated)"), 0, 0 },
	{ O_ANALYSE, 0, "analyse", NULL, CLI_TEXT, "ANALYSE",
	  N_("the analysis its constats come from: situation, offre-services or "
	  "interventions"), 0, 0 },
	{ O_JUSTIFICATION, 0, "justification", NULL, CLI_TEXT, "TEXTE",
	  N_("why the group chose it"), 0, 0 },
	{ O_RANG, 0, "rang", NULL, CLI_INT, "N", N_("its rank"), 1, 999 },
	{ O_RENCONTRE, 0, "rencontre", NULL, CLI_ID, "ID",
	  N_("the meeting that chose it"), 0, 0 },
	{ O_NOTES, 0, "notes", NULL, CLI_TEXT, "TEXTE", N_("notes"), 0, 0 },
	{ O_DRY, 'n', "dry-run", NULL, CLI_FLAG, NULL,
	  N_("check and print the record, write nothing"), 0, 0 },
	{ .name = NULL }
};

#define FM(x) (1u << FMT_##x)

static const struct cli_cmd subs[] = {
	{ .name = "propose", .aliases = "suggest", .usage = U_PROPOSE,
	  .summary = N_("priorities proposed from the constats, as records to edit"),
	  .example = "eco-constats liste --nature enjeu | eco-priorites propose -",
	  .common = CLI_FORMAT,
	  .formats = FM(YAML) | FM(JSON) | FM(TEXTE) | FM(MD),
	  .format = FMT_YAML, .maxops = CLI_MANY, .options = propose_options,
	  .option = option, .run = run_propose },
	{ .name = "liste", .aliases = "list", .usage = U_LISTE,
	  .summary = N_("the priorities, with the objectives that carry them"),
	  .example = "eco-priorites liste --systeme communaute",
	  .common = CLI_FORMAT | CLI_SYSTEME | CLI_FACTEUR,
	  .formats = FM(TEXTE) | FM(MD) | FM(HTML) | FM(CSV) | FM(JSON) |
	  FM(YAML), .format = FMT_TEXTE, .maxops = CLI_MANY, .run = run_liste },
	{ .name = "montre", .aliases = "show", .usage = U_MONTRE,
	  .summary = N_("one priority: the constats behind it, the plan ahead"),
	  .example = "eco-priorites montre pri-langage", .common = CLI_FORMAT,
	  .formats = FM(TEXTE) | FM(MD) | FM(HTML) | FM(JSON), .format = FMT_TEXTE,
	  .maxops = 1, .run = run_montre },
	{ .name = "facteurs", .aliases = "factors", .usage = U_FACTEURS,
	  .summary = N_("the protective factors retained, system by system"),
	  .example = "eco-priorites facteurs", .common = CLI_FORMAT,
	  .formats = FM(TEXTE) | FM(MD) | FM(HTML) | FM(CSV) | FM(JSON),
	  .format = FMT_TEXTE, .run = run_facteurs },
	{ .name = "page", .usage = U_PAGE,
	  .summary = N_("our priorities and why, on paper"),
	  .example = "eco-priorites page -o html > /tmp/priorites.html",
	  .common = CLI_FORMAT, .formats = FM(HTML) | FM(MD) | FM(TEXTE),
	  .format = FMT_HTML, .run = run_page },
	{ .name = "ajoute", .aliases = "add", .usage = U_AJOUTE,
	  .summary = N_("append a priority to priorites.yaml"),
	  .example = "eco-priorites ajoute -n --systeme enfant "
	  "--facteur habiletes-langagieres --constats const-vocabulaire "
	  "--analyse situation",
	  .common = CLI_SYSTEME | CLI_FACTEUR, .options = ajoute_options,
	  .option = option, .run = run_ajoute },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-priorites",
	.usage = U_PROPOSE NEXT U_LISTE NEXT U_MONTRE NEXT U_FACTEURS NEXT
	    U_PAGE NEXT U_AJOUTE,
	.example = "eco-priorites propose --nature enjeu",
	.common = CLI_DOSSIER, .subs = subs,
};

int
main(int argc, char *argv[])
{
	eco_diags_init(&D);
	return cli_main(&cmd, argc, argv);
}
