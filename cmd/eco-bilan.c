/*
 * eco-bilan - a regroupement's year for its funders and partners
 * (annee), and a region's roll-up across regroupements (region).
 *
 * The figures are the other modules' (lib/eco_bilan.c gathers them):
 * this file holds the options and the composition of the reports.  In
 * the year, every line names the file and line it comes from; the
 * region lists each project, the invalid ones with their error count
 * and out of the sums, one project open at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define U_ANNEE "eco-bilan [-C DOSSIER] annee [-o md|html|json] " \
	"[--du DATE] [--au DATE]"
#define U_REGION "eco-bilan region [-o texte|html|csv|json] [--au DATE] " \
	"DOSSIER..."
#define NEXT "\n       "

enum { O_DU = 1 };

static struct eco_diags D;
static struct eco_project *P;
static struct eco_annee *A;
static const char *du;

#define DATA (cli.format == FMT_CSV || cli.format == FMT_JSON)
#define JSON (cli.format == FMT_JSON)

/* Who a column is for: every format (names, which people read), people
 * only, records only (ids and codes, headed by their key), all but json
 * (translated labels); the report's writers leave out the others. */
enum { BOTH = 0, DOC = ECO_COL_DOC, REC = ECO_COL_DATA, NOJSON = ECO_COL_NOJSON };

static struct eco_table *
table(struct eco_report *r, const char *kind, const char *caption)
{
	return eco_report_table(r, kind, DATA ? NULL : caption,
	    DATA ? ECO_SHOW_DATA : ECO_SHOW_DOC);
}

static void
col(struct eco_table *t, const char *key, const char *header, unsigned flags,
    size_t width, int who)
{
	eco_table_column(t, key, who == REC ? key : header,
	    flags | (unsigned)who, width);
}

/* A count, left empty when unknown (-1). */
static void
num(struct eco_table *t, size_t i, long long v)
{
	if (v >= 0)
		eco_table_int(t, i, v);
}

static void
list(struct eco_table *t, size_t i, char *const *v, size_t n)
{
	eco_table_list(t, i, (const char *const *)v, n);
}

/* Where a figure comes from: "plan.yaml:12", or the file alone. */
static const char *
src(const char *file, const struct eco_node *at)
{
	if (!file)
		return NULL;
	return at && at->line ? cli_text("%s:%d", file, at->line) :
	    cli_text("%s", file);
}

/* The file of the project's document of kind whose root is root. */
static const char *
doc_file(const char *kind, const struct eco_node *root)
{
	const struct eco_doc *const *v;
	size_t n, i;

	v = eco_project_docs(P, kind, &n);
	for (i = 0; v && i < n; i++)
		if (v[i]->root == root)
			return v[i]->file;
	return NULL;
}

static const char *
org(const char *id)
{
	const char *t = id ? eco_project_title(P, "organisme", id) : NULL;

	return t ? t : id;
}

static const char *
either(const char *a, const char *b)
{
	return a ? a : b;
}

static int
finish(int rc)
{
	int end = cli_finish(&D);

	eco_annee_free(A);
	eco_project_close(P);
	eco_diags_free(&D);
	return rc > end ? rc : end;
}

/* annee */

static const char *const parts[] = {
	N_("Meetings held and their decisions"),
	N_("The plan: objectives and transformations"),
	N_("What was done"),
	N_("Money planned and spent, by funder"),
	N_("Indicators and their progress"),
	N_("The evaluation's decisions"),
	N_("The partnership diagnostic"),
	N_("What changes next year"),
	N_("Sources"),
};
#define NPARTS (sizeof parts / sizeof *parts)

static void
part(struct eco_report *r, size_t i)
{
	eco_report_heading(r, 1, cli_text("%zu. %s", i + 1, _(parts[i])));
}

static size_t
meetings(struct eco_report *r)
{
	const struct eco_rencontres *rs = A->rencontres;
	struct eco_buf b = ECO_BUF_INIT;
	struct eco_table *m, *x;
	size_t i, j, k, held = 0;

	part(r, 0);
	m = table(r, "bilan-rencontre", _("Meetings held"));
	col(m, "numero", _("No."), ECO_COL_RIGHT, 0, BOTH);
	col(m, "date", _("Date"), ECO_COL_NOWRAP, 0, BOTH);
	col(m, "titre", _("Meeting"), 0, 36, BOTH);
	col(m, "statut", _("Status"), 0, 0, REC);
	col(m, "statut_nom", _("Status"), 0, 0, NOJSON);
	col(m, "decisions", _("Decisions"), ECO_COL_RIGHT, 0, BOTH);
	col(m, "source", _("Source"), 0, 0, BOTH);
	for (i = 0; i < rs->n; i++) {
		const struct eco_rencontre *v = &rs->v[i];
		const char *day = eco_map_date(v->root, "date");
		const struct eco_node *dv;
		size_t nd;

		if (!v->held || !eco_annee_in(A, day))
			continue;
		held++;
		dv = eco_map_seq(v->root, "decisions");
		nd = dv ? dv->len : 0;
		for (k = 0; k < v->nnotes; k++)
			if ((dv = eco_map_seq(v->notes[k], "decisions")))
				nd += dv->len;
		eco_table_row(m);
		num(m, 0, v->numero);
		eco_table_text(m, 1, day);
		eco_table_text(m, 2, eco_map_str(v->root, "titre"));
		eco_table_text(m, 3, eco_map_str(v->root, "statut"));
		eco_table_text(m, 4, eco_rencontre_status(eco_map_str(v->root, "statut")));
		num(m, 5, (long long)nd);
		eco_table_text(m, 6, src(v->file, v->root));
	}
	if (!held) {
		eco_report_para(r, _("No meeting was held in the period."));
		return 0;
	}
	x = table(r, "bilan-decision", _("Decisions"));
	col(x, "rencontre", _("No."), ECO_COL_RIGHT, 0, BOTH);
	col(x, "id", _("Id"), 0, 0, REC);
	col(x, "decision", _("Decision"), 0, 56, BOTH);
	col(x, "source", _("Source"), 0, 0, BOTH);
	for (i = 0; i < rs->n; i++) {
		const struct eco_rencontre *v = &rs->v[i];

		if (!v->held || !eco_annee_in(A, eco_map_date(v->root, "date")))
			continue;
		for (k = 0; k <= v->nnotes; k++) {
			const struct eco_node *root = k ? v->notes[k - 1] : v->root;
			const struct eco_node *dv = eco_map_seq(root, "decisions");
			const char *file = k ? doc_file("note", root) : v->file;

			for (j = 0; dv && j < dv->len; j++) {
				if (!eco_decision_text(P, dv->u.items[j], &b))
					continue;
				eco_table_row(x);
				num(x, 0, v->numero);
				eco_table_text(x, 1, eco_map_str(dv->u.items[j], "id"));
				eco_table_text(x, 2, b.s);
				eco_table_text(x, 3, src(file, dv->u.items[j]));
			}
		}
	}
	if (b.oom)
		cli_oom(&D);
	eco_buf_free(&b);
	return held;
}

static void
plan_part(struct eco_report *r)
{
	const struct eco_plan *pl = A->plan;
	struct eco_table *t;
	size_t i;

	part(r, 1);
	if (!pl->nobjectifs) {
		eco_report_para(r, _("The project has no plan yet."));
		return;
	}
	eco_report_para(r, cli_text(_("%s, from %s to %s."), either(pl->titre,
	    pl->id), either(pl->debut, "?"), either(pl->fin, "?")));
	t = table(r, "bilan-transformation", NULL);
	col(t, "objectif", _("Objective"), 0, 0, REC);
	col(t, "objectif_libelle", _("Objective"), 0, 30, BOTH);
	col(t, "facteur", _("Protective factor"), 0, 0, REC);
	col(t, "facteur_nom", _("Protective factor"), 0, 24, BOTH);
	col(t, "systeme", _("System"), 0, 0, REC);
	col(t, "systeme_nom", _("System"), 0, 0, NOJSON);
	col(t, "transformation", _("Desired transformation"), 0, 40, BOTH);
	col(t, "source", _("Source"), 0, 0, BOTH);
	for (i = 0; i < pl->ntransformations; i++) {
		const struct eco_transformation_view *x = &pl->transformations[i];
		const struct eco_objectif_view *o = eco_plan_objectif(pl,
		    x->objectif);
		const struct eco_facteur *fi;
		const char *fn = x->facteur ? eco_ct_facteur(A->facteurs,
		    x->facteur, &fi) : NULL;

		eco_table_row(t);
		eco_table_text(t, 0, x->objectif);
		eco_table_text(t, 1, o ? either(o->libelle, o->id) : x->objectif);
		eco_table_text(t, 2, x->facteur);
		eco_table_text(t, 3, either(fn, x->facteur));
		eco_table_text(t, 4, x->systeme);
		eco_table_text(t, 5, eco_systeme_label(x->systeme));
		eco_table_text(t, 6, x->libelle);
		eco_table_text(t, 7, src(x->v.file, x->v.node));
	}
}

static void
done_part(struct eco_report *r)
{
	const struct eco_plan *pl = A->plan;
	struct eco_table *t;
	size_t i;

	part(r, 2);
	if (!pl->nactions) {
		eco_report_para(r, _("The plan has no action yet."));
		return;
	}
	t = table(r, "bilan-action", NULL);
	col(t, "action", _("Action"), 0, 0, REC);
	col(t, "titre", _("Action"), 0, 30, BOTH);
	col(t, "responsable", _("Lead"), 0, 0, REC);
	col(t, "responsable_nom", _("Lead"), 0, 18, BOTH);
	col(t, "statut", _("State"), 0, 0, REC);
	col(t, "statut_nom", _("State"), 0, 0, NOJSON);
	col(t, "suivis", _("Follow-ups"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "dernier_suivi", _("Last"), ECO_COL_NOWRAP, 0, BOTH);
	col(t, "depense_periode", _("Spent"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "participants_atteints", _("Reached"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "source", _("Source"), 0, 0, BOTH);
	for (i = 0; i < pl->nactions; i++) {
		const struct eco_action_view *a = &pl->actions[i];
		struct eco_annee_fait f;

		eco_annee_action(A, i, &f);
		eco_table_row(t);
		eco_table_text(t, 0, a->id);
		eco_table_text(t, 1, either(a->titre, a->id));
		eco_table_text(t, 2, a->responsable);
		eco_table_text(t, 3, org(a->responsable));
		eco_table_text(t, 4, A->states[i].statut);
		eco_table_text(t, 5, eco_etat_label(A->states[i].etat, 1));
		num(t, 6, (long long)f.nsuivis);
		eco_table_text(t, 7, f.dernier ? eco_map_date(f.dernier->root, "date") :
		    NULL);
		eco_table_money(t, 8, f.depense);
		num(t, 9, f.bilan.atteints);
		eco_table_text(t, 10, f.dernier ? src(f.dernier->file, f.dernier->root) :
		    src(a->v.file, a->v.node));
	}
	if (!DATA)
		eco_report_para(r, _("Spent is what the follow-ups of the period "
		    "say; reached is the largest count of one follow-up; the "
		    "source is the latest follow-up of the period, else the "
		    "action in the plan."));
}

static void
money_part(struct eco_report *r)
{
	struct eco_annee_sum *v;
	struct eco_table *t;
	size_t i, n;

	part(r, 3);
	if (!A->budget) {
		eco_report_para(r, _("The project has no plan yet."));
		return;
	}
	if (!(v = eco_annee_sums(A, ECO_BY_BAILLEUR, &n)))
		cli_oom(&D);
	t = table(r, "bilan-bailleur", NULL);
	col(t, "bailleur", _("Funder"), 0, 0, REC);
	col(t, "nom", _("Funder"), 0, 30, BOTH);
	col(t, "prevu", _("Planned"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "depense_avant", _("Spent before"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "depense_periode", _("Spent in the period"), ECO_COL_RIGHT, 0,
	    BOTH);
	col(t, "depense", _("Spent in all"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "source", _("Source"), 0, 0, BOTH);
	for (i = 0; i <= n; i++) {
		const struct eco_bailleur_view *b = i < n ?
		    eco_plan_bailleur(A->plan, v[i].key) : NULL;

		if (i < n && !v[i].prevu && !v[i].depense)
			continue;
		if (i == n)
			eco_table_total(t);
		else
			eco_table_row(t);
		eco_table_text(t, 0, i < n && *v[i].key ? v[i].key : NULL);
		eco_table_text(t, 1, i == n ? (DATA ? NULL : _("Total")) :
		    either(v[i].name, v[i].key));
		eco_table_money(t, 2, v[i].prevu);
		eco_table_money(t, 3, v[i].avant);
		eco_table_money(t, 4, v[i].periode);
		eco_table_money(t, 5, v[i].depense);
		eco_table_text(t, 6, b ? src(A->plan->file, b->node) : A->plan->file);
	}
	free(v);
	if (!DATA)
		eco_report_para(r, cli_text(_("Planned is the plan's budget for "
		    "its whole period; spent comes from the follow-ups (files "
		    "of suivis/), before %s and from %s to %s; an action's "
		    "spending goes to its funders in proportion to their "
		    "lines."), A->du, A->du, A->au));
}

static void
indicators(struct eco_report *r)
{
	const struct eco_resultats *R = A->resultats;
	struct eco_table *t;
	size_t i;

	part(r, 4);
	if (!R->n) {
		eco_report_para(r, _("The plan has no indicator yet."));
		return;
	}
	t = table(r, "bilan-indicateur", NULL);
	col(t, "indicateur", _("Indicator"), 0, 0, REC);
	col(t, "libelle", _("Indicator"), 0, 30, BOTH);
	col(t, "valeur_depart", _("Baseline"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "cible", _("Target"), ECO_COL_RIGHT, 0, BOTH);
	/* a measure may be words: left, so that they wrap */
	col(t, "derniere_valeur", _("Latest"), 0, 14, BOTH);
	col(t, "date", _("Measured"), ECO_COL_NOWRAP, 0, BOTH);
	col(t, "progres", _("Progress"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "lecture", _("Reading"), 0, 0, REC);
	col(t, "lecture_nom", _("Reading"), 0, 0, NOJSON);
	col(t, "mesures_periode", _("Measures in the period"), ECO_COL_RIGHT, 0,
	    BOTH);
	col(t, "source", _("Source"), 0, 0, BOTH);
	for (i = 0; i < R->n; i++) {
		const struct eco_resultat *x = &R->v[i];
		const struct eco_mesure *m = x->derniere;

		eco_table_row(t);
		eco_table_text(t, 0, x->x->id);
		eco_table_text(t, 1, either(x->x->libelle, x->x->id));
		eco_table_value(t, 2, x->x->valeur_depart);
		eco_table_value(t, 3, x->x->cible);
		eco_table_value(t, 4, m ? m->valeur : NULL);
		eco_table_text(t, 5, m ? m->date : NULL);
		if (x->has_progres && m && JSON)
			num(t, 6, x->progres);
		else if (x->has_progres && m)
			eco_table_text(t, 6, cli_text("%ld\xc2\xa0%%", x->progres));
		eco_table_text(t, 7, m ? eco_lecture_code(x->lecture) : NULL);
		eco_table_text(t, 8, m ? eco_lecture_label(x->lecture) : NULL);
		num(t, 9, (long long)eco_annee_mesures(A, x));
		eco_table_text(t, 10, m ? src(m->eval->file, m->node) :
		    src(x->x->v.file, x->x->v.node));
	}
	if (!DATA)
		eco_report_para(r, _("Progress is the share of the way from the "
		    "baseline to the target; the source is the latest measure, "
		    "else the indicator in the plan."));
}

static void
decisions(struct eco_report *r)
{
	struct eco_decision *v;
	struct eco_table *t;
	size_t i, n, shown = 0;

	part(r, 5);
	v = eco_evaluation_decisions(A->plan, A->evals, A->nevals, A->au, &n);
	if (n == (size_t)-1)
		cli_oom(&D);
	t = table(r, "bilan-decision-evaluation", NULL);
	col(t, "action", _("Action"), 0, 0, REC);
	col(t, "titre", _("Action"), 0, 36, BOTH);
	col(t, "decision", _("Decision"), 0, 0, REC);
	col(t, "decision_nom", _("Decision"), 0, 0, NOJSON);
	col(t, "date", _("Date"), ECO_COL_NOWRAP, 0, BOTH);
	col(t, "motif", _("Why"), 0, 40, BOTH);
	col(t, "source", _("Source"), 0, 0, BOTH);
	for (i = 0; i < n; i++) {
		const struct eco_action_view *a = &A->plan->actions[v[i].action];

		if (!eco_annee_in(A, v[i].date))
			continue;
		shown++;
		eco_table_row(t);
		eco_table_text(t, 0, a->id);
		eco_table_text(t, 1, either(a->titre, a->id));
		eco_table_text(t, 2, v[i].decision);
		eco_table_text(t, 3, eco_decision_label(v[i].decision));
		eco_table_text(t, 4, v[i].date);
		eco_table_text(t, 5, either(eco_map_str(v[i].node, "justification"),
		    eco_map_str(v[i].node, "motif")));
		eco_table_text(t, 6, src(v[i].eval->file, v[i].node));
	}
	free(v);
	if (!shown && !DATA)
		eco_report_para(r, _("No evaluation decided on an action in the "
		    "period."));
}

static void
diagnostic(struct eco_report *r)
{
	const struct eco_sessions *ss = A->sessions;
	const struct eco_session *s = NULL;
	size_t i;

	part(r, 6);
	for (i = 0; i < ss->n; i++)
		if (eco_annee_in(A, ss->v[i].fin))
			s = &ss->v[i];
	if (!s) {
		eco_report_para(r, _("No partnership diagnostic was answered in "
		    "the period."));
		return;
	}
	eco_report_para(r, cli_text(ngettext("Session %s, from %s to %s: %zu "
	    "questionnaire.", "Session %s, from %s to %s: %zu questionnaires.",
	    s->ndocs), s->id, s->debut, s->fin, s->ndocs));
	if (eco_session_tables(r, A->questionnaire, s) < 0)
		cli_oom(&D);
	if (!DATA) {
		eco_report_para(r, _("The scores are eco's proposal (A = 2, "
		    "B = 1, C = 0). Sources:"));
		for (i = 0; i < s->ndocs; i++)
			eco_report_item(r, 0, s->docs[i]->file);
	}
}

static void
changes(struct eco_report *r)
{
	struct eco_ajustement *aj;
	struct eco_diags rev;
	struct eco_table *t;
	size_t i, n;

	part(r, 7);
	t = table(r, "bilan-changement", NULL);
	col(t, "sorte", _("What"), 0, 0, REC);
	col(t, "sorte_nom", _("What"), 0, 0, NOJSON);
	col(t, "texte", _("Change"), 0, 56, BOTH);
	col(t, "source", _("Source"), 0, 0, BOTH);
	eco_diags_init(&rev);
	eco_evaluation_revision(A->plan, A->evals, A->nevals, A->au, &rev);
	eco_diags_sort(&rev);
	for (i = 0; i < rev.n; i++) {
		eco_table_row(t);
		eco_table_text(t, 0, "revision");
		eco_table_text(t, 1, _("The plan to revise"));
		eco_table_text(t, 2, rev.v[i].msg);
		eco_table_text(t, 3, rev.v[i].file ? cli_text("%s:%d", rev.v[i].file,
		    rev.v[i].line) : NULL);
	}
	eco_diags_free(&rev);
	aj = eco_suivi_ajustements(A->plan, A->suivis, A->nsuivis, A->au, &n);
	if (n == (size_t)-1)
		cli_oom(&D);
	for (i = 0; i < n; i++) {
		const struct eco_action_view *a = &A->plan->actions[aj[i].action];

		if (aj[i].etat != ECO_AJ_PROPOSE && aj[i].etat != ECO_AJ_ADOPTE)
			continue;
		eco_table_row(t);
		eco_table_text(t, 0, cli_text("ajustement-%s", eco_ajust_code(aj[i].etat)));
		eco_table_text(t, 1, cli_text(_("Adjustment %s"),
		    eco_ajust_label(aj[i].etat, 1)));
		eco_table_text(t, 2, cli_text(_("%s: %s"), either(a->titre, a->id),
		    aj[i].texte));
		eco_table_text(t, 3, src(doc_file("suivi", aj[i].suivi), aj[i].item));
	}
	free(aj);
	for (i = 0; i < A->rencontres->ntaches; i++) {
		const struct eco_tache *k = &A->rencontres->taches[i];

		if (k->done)
			continue;
		eco_table_row(t);
		eco_table_text(t, 0, "a-faire");
		eco_table_text(t, 1, _("To do"));
		eco_table_text(t, 2, eco_map_str(k->node, "description"));
		eco_table_text(t, 3, src(k->rencontre->file, k->node));
	}
	if (!DATA)
		eco_report_para(r, _("What the evaluations ask the plan to change "
		    "and it has not, the adjustments proposed or adopted and not "
		    "applied yet, and the meetings' to-dos still open."));
}

static void
sources(struct eco_report *r)
{
	struct eco_table *t;
	size_t i, n = eco_project_nfiles(P);

	part(r, 8);
	t = table(r, "bilan-fichier", NULL);
	col(t, "fichier", _("File"), 0, 0, BOTH);
	col(t, "documents", _("Documents"), ECO_COL_RIGHT, 0, BOTH);
	for (i = 0; i < n; i++) {
		const struct eco_file *f = eco_project_file(P, i);

		if (!f->opened || !f->ndocs)
			continue;
		eco_table_row(t);
		eco_table_text(t, 0, f->name);
		num(t, 1, (long long)f->ndocs);
	}
	if (!DATA)
		eco_report_para(r, _("Every line of this report names, under "
		    "Source, the file and the line it comes from; these are the "
		    "files read, each checked as eco-validate checks it."));
}

static int
run_annee(int argc, char **argv)
{
	struct eco_annee_sum *all;
	struct eco_report *r;
	const char *name;
	size_t i, n, held;

	(void)argc, (void)argv;
	if (!(P = eco_project_open(cli_project(), &D)))
		cli_oom(&D);
	if (!(A = eco_annee_open(P, du, cli.given & CLI_AU ? cli.au : NULL,
	    &D)))
		return finish(ECO_EXIT_DATA);
	name = eco_project_name(P);
	if (!(r = eco_report_new(NULL, cli_text(_("%s: the year from %s to %s"),
	    either(name, _("The regroupement")), A->du, A->au))))
		cli_oom(&D);
	eco_report_footer(r, name, A->au);
	if (!(all = eco_annee_sums(A, ECO_BY_BAILLEUR, &n)))
		cli_oom(&D);
	for (held = 0, i = 0; i < A->rencontres->n; i++)
		held += A->rencontres->v[i].held &&
		    eco_annee_in(A, eco_map_date(A->rencontres->v[i].root, "date"));
	if (!DATA) {
		char m1[ECO_MONEY_BUFSZ], m2[ECO_MONEY_BUFSZ];

		if (!A->budget)
			eco_report_para(r, cli_text(_("Stage of the cycle: %s (%zu "
			    "of %zu objectives of the method done). Meetings held: "
			    "%zu. No plan yet."), A->state->stage->name,
			    A->state->ndone, A->cycle->nobjectives, held));
		else
			eco_report_para(r, cli_text(_("Stage of the cycle: %s (%zu "
			    "of %zu objectives of the method done). Meetings held: "
			    "%zu. Spent in the period: %s, of %s planned for the "
			    "whole plan."), A->state->stage->name,
			    A->state->ndone, A->cycle->nobjectives, held,
			    eco_money_format(all[n].periode, ECO_MONEY_PRINT, m1),
			    eco_money_format(all[n].prevu, ECO_MONEY_PRINT, m2)));
		eco_report_heading(r, 2, _("Contents"));
		for (i = 0; i < NPARTS; i++)
			eco_report_item(r, 1, _(parts[i]));
	} else {
		struct eco_table *t;

		t = table(r, "bilan", NULL);
		col(t, "du", "du", 0, 0, REC);
		col(t, "au", "au", 0, 0, REC);
		col(t, "nom", "nom", 0, 0, REC);
		col(t, "etape", "etape", 0, 0, REC);
		col(t, "objectifs_faits", "objectifs_faits", 0, 0, REC);
		col(t, "rencontres_tenues", "rencontres_tenues", 0, 0, REC);
		col(t, "prevu", "prevu", 0, 0, REC);
		col(t, "depense_periode", "depense_periode", 0, 0, REC);
		eco_table_row(t);
		eco_table_text(t, 0, A->du);
		eco_table_text(t, 1, A->au);
		eco_table_text(t, 2, name);
		eco_table_text(t, 3, A->state->stage->id);
		num(t, 4, (long long)A->state->ndone);
		num(t, 5, (long long)held);
		eco_table_money(t, 6, all[n].prevu);
		eco_table_money(t, 7, all[n].periode);
	}
	free(all);
	meetings(r);
	plan_part(r);
	done_part(r);
	money_part(r);
	indicators(r);
	decisions(r);
	diagnostic(r);
	changes(r);
	sources(r);
	cli_report(r, cli.rformat, &D);
	return finish(0);
}

/* region */

static struct eco_region *G;

static const char *
validity(const struct eco_region_row *w)
{
	return !w->nerr ? _("yes") : cli_text(ngettext("no (%zu error)",
	    "no (%zu errors)", w->nerr), w->nerr);
}

static const char *
who(const struct eco_region_row *w)
{
	return w->nom ? w->nom : w->dir;
}

static void
region_rows(struct eco_table *g, struct eco_table *l, struct eco_table *x,
    const struct eco_region_row *w)
{
	eco_table_row(g);
	eco_table_text(g, 0, w->dir);
	eco_table_text(g, 1, w->nom);
	eco_table_bool(g, 2, !w->nerr);
	eco_table_text(g, 3, validity(w));
	num(g, 4, (long long)w->nerr);
	if (w->nerr)
		return;
	eco_table_text(g, 5, w->etape);
	eco_table_text(g, 6, w->etape_nom);
	num(g, 7, (long long)w->ndone);
	eco_table_text(g, 8, cli_text(_("%zu of %zu"), w->ndone, w->ncycle));
	list(g, 9, w->facteurs, w->nfacteurs);
	list(g, 10, w->facteurs_noms, w->nfacteurs);
	list(g, 11, w->objectifs, w->nobjectifs);
	list(g, 12, w->objectifs_libelles, w->nobjectifs);
	eco_table_text(g, 13, w->au);
	if (!w->has_plan)
		return;
	eco_table_row(l);
	eco_table_text(l, 0, w->dir);
	eco_table_text(l, 1, who(w));
	num(l, 2, (long long)w->nactions);
	num(l, 3, (long long)w->late);
	num(l, 4, (long long)w->silent);
	eco_table_money(l, 5, w->budget);
	eco_table_money(l, 6, w->depense);
	eco_table_row(x);
	eco_table_text(x, 0, w->dir);
	eco_table_text(x, 1, who(w));
	num(x, 2, (long long)w->nindicateurs);
	num(x, 3, (long long)w->mesures);
	num(x, 4, (long long)w->atteints);
}

static void
region_money(struct eco_report *r)
{
	struct eco_table *t;
	size_t i;

	eco_report_heading(r, 1, _("Budget by funder and by system"));
	t = table(r, "region-bailleur", _("By funder"));
	col(t, "bailleur", _("Funder"), 0, 0, REC);
	col(t, "nom", _("Funder"), 0, 34, BOTH);
	col(t, "groupes", _("Groups"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "prevu", _("Planned"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "depense", _("Spent"), ECO_COL_RIGHT, 0, BOTH);
	for (i = 0; i <= G->nbailleurs; i++) {
		const struct eco_region_total *b = &G->bailleurs[i];

		if (i == G->nbailleurs) {
			eco_table_total(t);
			eco_table_text(t, 1, DATA ? NULL : _("Total"));
			num(t, 2, (long long)G->avec_plan);
			eco_table_money(t, 3, G->prevu);
			eco_table_money(t, 4, G->depense);
			break;
		}
		eco_table_row(t);
		eco_table_text(t, 0, *b->key ? b->key : NULL);
		eco_table_text(t, 1, !*b->key ? (JSON ? NULL : _("(no funder)")) :
		    either(b->name, b->key));
		num(t, 2, (long long)b->ngroupes);
		eco_table_money(t, 3, b->prevu);
		eco_table_money(t, 4, b->depense);
	}
	t = table(r, "region-systeme", _("By system"));
	col(t, "systeme", _("System"), 0, 0, REC);
	col(t, "systeme_nom", _("System"), 0, 0, NOJSON);
	col(t, "groupes", _("Groups"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "prevu", _("Planned"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "depense", _("Spent"), ECO_COL_RIGHT, 0, BOTH);
	for (i = 0; i < ECO_NSYS; i++) {
		eco_table_row(t);
		eco_table_text(t, 0, eco_systemes[i]);
		eco_table_text(t, 1, eco_systeme_label(eco_systemes[i]));
		num(t, 2, (long long)G->systemes[i].ngroupes);
		eco_table_money(t, 3, G->systemes[i].prevu);
		eco_table_money(t, 4, G->systemes[i].depense);
	}
	eco_table_total(t);
	eco_table_text(t, 1, DATA ? NULL : _("Total"));
	eco_table_money(t, 3, G->prevu);
	eco_table_money(t, 4, G->depense);
	if (!DATA)
		eco_report_para(r, _("Each group's budget is its plan's, for the "
		    "plan's whole period; spent is what its follow-ups say on "
		    "its day. Funders are matched by their id."));
}

static void
region_factors(struct eco_report *r)
{
	struct eco_table *t;
	size_t i;

	eco_report_heading(r, 1, _("Factors retained"));
	eco_region_sort(G);
	if (!G->nfacteurs && !DATA) {
		eco_report_para(r, _("No group has retained a factor yet."));
		return;
	}
	t = table(r, "region-facteur", NULL);
	col(t, "facteur", _("Protective factor"), 0, 0, REC);
	col(t, "nom", _("Protective factor"), 0, 40, BOTH);
	col(t, "systeme", _("System"), 0, 0, REC);
	col(t, "systeme_nom", _("System"), 0, 0, NOJSON);
	col(t, "groupes", _("Groups"), ECO_COL_RIGHT, 0, BOTH);
	for (i = 0; i < G->nfacteurs; i++) {
		const struct eco_region_total *f = &G->facteurs[i];
		const char *sys = eco_facteur_systeme(G->catalogue, f->key);

		eco_table_row(t);
		eco_table_text(t, 0, f->key);
		eco_table_text(t, 1, either(f->name, f->key));
		eco_table_text(t, 2, sys);
		eco_table_text(t, 3, eco_systeme_label(sys));
		num(t, 4, (long long)f->ngroupes);
	}
}

static void
region_conditions(struct eco_report *r)
{
	int order[ECO_NCONDITIONS];
	struct eco_table *t;
	size_t i, n = eco_region_weakest(G, order);

	eco_report_heading(r, 1, _("Conditions of the partnership, weakest "
	    "first"));
	if (!n && !DATA) {
		eco_report_para(r, _("No group has answered the partnership "
		    "diagnostic yet."));
		return;
	}
	t = table(r, "region-condition", NULL);
	col(t, "condition", _("Condition"), 0, 0, REC);
	col(t, "nom", _("Condition"), 0, 40, BOTH);
	col(t, "moyenne", _("Mean"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "minimum", _("Lowest"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "sous_un", _("Groups below 1"), ECO_COL_RIGHT, 0, BOTH);
	col(t, "groupes", _("Groups"), ECO_COL_RIGHT, 0, BOTH);
	for (i = 0; i < n; i++) {
		const struct eco_condition *c =
		    &G->questionnaire->conditions[order[i]];
		const struct eco_region_condition *x = &G->conditions[order[i]];

		eco_table_row(t);
		eco_table_text(t, 0, c->id);
		eco_table_text(t, 1, c->nom);
		eco_score_cell(t, 2,
		    eco_region_condition_score(x), 0);
		eco_score_cell(t, 3, x->min, 0);
		num(t, 4, (long long)x->faibles);
		num(t, 5, (long long)x->n);
	}
	if (!DATA)
		eco_report_para(r, _("Each group's scores are those of its latest "
		    "diagnostic session (eco's proposal: A = 2, B = 1, C = 0); "
		    "the mean is over the groups that answered."));
}

static int
run_region(int argc, char **argv)
{
	struct eco_region_row w;
	struct eco_report *r;
	struct eco_table *g, *l, *x;
	size_t bad = 0;
	int i;

	if (!argc)
		cli_usage_error(U_REGION, _("name the folders of the projects"));
	if (!(G = eco_region_new(&D)))
		return finish(ECO_EXIT_SYS);
	if (!(r = eco_report_new(NULL, cli_text(ngettext("The region: %d "
	    "regroupement", "The region: %d regroupements", argc), argc))))
		cli_oom(&D);
	eco_report_footer(r, NULL, cli.given & CLI_AU ? cli.au : NULL);
	eco_report_heading(r, 1, _("Regroupements"));
	g = table(r, "region-projet", NULL);
	col(g, "dossier", _("Folder"), 0, 0, BOTH);
	col(g, "nom", _("Regroupement"), 0, 28, BOTH);
	col(g, "valide", _("Valid"), 0, 0, REC);
	col(g, "valide", _("Valid"), 0, 0, DOC);
	col(g, "erreurs", _("Errors"), ECO_COL_RIGHT, 0, REC);
	col(g, "etape", _("Stage"), 0, 0, REC);
	col(g, "etape_nom", _("Stage"), 0, 0, BOTH);
	col(g, "objectifs_faits", _("Objectives done"), ECO_COL_RIGHT, 0, REC);
	col(g, "objectifs_faits", _("Objectives of the cycle"), ECO_COL_RIGHT,
	    0, DOC);
	col(g, "facteurs", _("Factors retained"), 0, 0, REC);
	col(g, "facteurs_noms", _("Factors retained"), ECO_COL_NOTEXTE, 30,
	    BOTH);
	col(g, "objectifs", _("Objectives of the plan"), 0, 0, REC);
	col(g, "objectifs_libelles", _("Objectives of the plan"),
	    ECO_COL_NOTEXTE, 36, BOTH);
	col(g, "au", _("Figures on"), ECO_COL_NOWRAP, 0, BOTH);
	eco_report_heading(r, 1, _("Actions late or silent"));
	l = table(r, "region-actions", NULL);
	col(l, "dossier", _("Folder"), 0, 0, REC);
	col(l, "nom", _("Regroupement"), 0, 30, BOTH);
	col(l, "actions", _("Actions"), ECO_COL_RIGHT, 0, BOTH);
	col(l, "en_retard", _("Late"), ECO_COL_RIGHT, 0, BOTH);
	col(l, "silencieuses", _("Follow-up missing"), ECO_COL_RIGHT, 0, BOTH);
	col(l, "prevu", _("Planned"), ECO_COL_RIGHT, 0, BOTH);
	col(l, "depense", _("Spent"), ECO_COL_RIGHT, 0, BOTH);
	if (!DATA)
		eco_report_para(r, _("Late: planned or in progress after its end. "
		    "Silent: a date of its follow-up calendar passed without a "
		    "follow-up."));
	eco_report_heading(r, 1, _("Indicators reached"));
	x = table(r, "region-indicateurs", NULL);
	col(x, "dossier", _("Folder"), 0, 0, REC);
	col(x, "nom", _("Regroupement"), 0, 30, BOTH);
	col(x, "indicateurs", _("Indicators"), ECO_COL_RIGHT, 0, BOTH);
	col(x, "mesures", _("Indicators measured"), ECO_COL_RIGHT, 0, BOTH);
	col(x, "atteints", _("Targets reached"), ECO_COL_RIGHT, 0, BOTH);
	for (i = 0; i < argc; i++) {
		if (eco_region_add(G, argv[i], cli.given & CLI_AU ? cli.au : NULL,
		    &w, &D) < 0)
			cli_oom(&D);
		bad += w.nerr > 0;
		region_rows(g, l, x, &w);
		eco_region_row_free(&w);
		/* said as they come: nothing of a project is kept */
		cli_print_diags(&D);
	}
	eco_table_total(l);
	eco_table_text(l, 1, DATA ? NULL : _("Total"));
	num(l, 2, (long long)G->nactions);
	num(l, 3, (long long)G->late);
	num(l, 4, (long long)G->silent);
	eco_table_money(l, 5, G->prevu);
	eco_table_money(l, 6, G->depense);
	eco_table_total(x);
	eco_table_text(x, 1, DATA ? NULL : _("Total"));
	num(x, 2, (long long)G->nindicateurs);
	num(x, 3, (long long)G->mesures);
	num(x, 4, (long long)G->atteints);
	region_factors(r);
	region_money(r);
	region_conditions(r);
	if (!DATA)
		eco_report_para(r, cli_text(ngettext("%zu regroupement is not "
		    "valid: it is listed, and left out of every sum.",
		    "%zu regroupements are not valid: they are listed, and left "
		    "out of every sum.", bad), bad));
	cli_report(r, cli.rformat, &D);
	eco_region_free(G);
	return finish(bad ? ECO_EXIT_DATA : 0);
}

/* The command. */

static void
option(int key, const char *arg)
{
	if (key == O_DU)
		du = arg;
}

static const struct cli_option annee_options[] = {
	{ O_DU, 0, "du", "from", CLI_DATE, "DATE",
	  N_("the first day of the period (the start of the plan's year)"),
	  0, 0 },
	{ .name = NULL }
};

#define FM(f) (1u << FMT_##f)

static const struct cli_cmd subs[] = {
	{ .name = "annee", .aliases = "année year", .usage = U_ANNEE,
	  .summary = N_("the regroupement's year, for its funders and "
	  "partners"),
	  .example = "eco-bilan annee --du 2026-09-01 --au 2027-08-31 -o html "
	  "> bilan.html",
	  .common = CLI_FORMAT | CLI_AU,
	  .formats = FM(MD) | FM(HTML) | FM(JSON),
	  .format = FMT_MD, .options = annee_options, .option = option,
	  .run = run_annee },
	{ .name = "region", .aliases = "région", .usage = U_REGION,
	  .summary = N_("many regroupements side by side, and their sums"),
	  .example = "eco-bilan region -o html regroupements/*/ > region.html",
	  .common = CLI_FORMAT | CLI_AU,
	  .formats = FM(TEXTE) | FM(HTML) | FM(CSV) | FM(JSON),
	  .format = FMT_TEXTE, .maxops = CLI_MANY, .run = run_region },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-bilan",
	.usage = U_ANNEE NEXT U_REGION,
	.example = "eco-bilan annee -o html > bilan.html",
	.common = CLI_DOSSIER, .subs = subs,
};

int
main(int argc, char *argv[])
{
	eco_diags_init(&D);
	return cli_main(&cmd, argc, argv);
}
