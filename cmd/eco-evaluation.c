/*
 * eco-evaluation - the evaluation of the plan (Outil 12): the results of
 * the indicators, the decisions on the actions, the evaluation meeting's
 * document, what the plan still has to revise, and a measure or a
 * decision recorded.
 *
 * Results, decisions and revisions are lib/eco_evaluation.c's; the plan
 * and the evaluations are read and checked by eco_suivi_plan, which
 * applies the decisions of the day.  This file holds the options and the
 * composition of the reports.  Without --au, the day is today, or the
 * latest date of the follow-ups and evaluations when it is later.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define U_MESURES "eco-evaluation mesures [-o texte|md|html|csv|json] " \
	"[--au DATE] [--objectif ID] [--systeme SYSTEME]"
#define U_DECISIONS "eco-evaluation decisions [-o texte|md|html|csv|json] " \
	"[--au DATE] [--objectif ID]"
#define U_BILAN "eco-evaluation bilan [-o texte|md|html|csv|json] " \
	"[--au DATE] [--date DATE]"
#define U_REVISION "eco-evaluation revision [-o texte|json] [--au DATE]"
#define U_AJOUTE "eco-evaluation ajoute [-n] [--date DATE] [--rencontre ID] " \
	"--indicateur ID --valeur VALEUR [--appreciation A] [--commentaire T]" \
	"\n        eco-evaluation ajoute [-n] [--date DATE] [--rencontre ID] " \
	"--action ID --decision D [--justification T] [--ajustement T]..."
#define NEXT "\n        "

static struct eco_diags D;
static struct eco_project *P;
static struct eco_plan *PL;
static struct eco_facteurs *F;
static struct eco_resultats *R;
static const struct eco_doc *const *EV;	/* the project's evaluations */
static size_t NEV;
static const char *day;			/* the day of the reports */
static char daybuf[ECO_DATE_BUFSZ];

/* The options of the subcommands. */
static struct {
	const char *au, *objectif, *date, *rencontre;
	const char *indicateur, *valeur, *appreciation, *commentaire;
	const char *action, *decision, *justification;
	const char **ajustements;
	size_t najustements;
	int dry;
} o;

#define DATA (cli.format == FMT_CSV || cli.format == FMT_JSON)

static int
finish(int rc)
{
	int st = cli_finish(&D);

	eco_resultats_free(R);
	eco_facteurs_free(F);
	eco_plan_free(PL);
	eco_project_close(P);
	eco_diags_free(&D);
	return st ? st : rc;
}

static void
write_report(struct eco_report *r)
{
	cli_report(r, cli.rformat, &D);
}

/* The day: --au, else today or the records' latest date. */
static void
set_day(void)
{
	const struct eco_doc *const *s;
	const struct eco_doc **all;
	size_t ns, i;

	if (o.au) {
		day = o.au;
		return;
	}
	EV = eco_project_docs(P, "evaluation", &NEV);
	s = eco_project_docs(P, "suivi", &ns);
	if (!(all = calloc(NEV + ns + 1, sizeof *all)))
		cli_oom(&D);
	for (i = 0; i < NEV; i++)
		all[i] = EV[i];
	for (i = 0; i < ns; i++)
		all[NEV + i] = s[i];
	day = eco_records_day(all, NEV + ns, daybuf);
	free(all);
	if (!day)
		day = "1970-01-01";	/* no clock: every record is later */
}

/* The project, its plan, evaluations and follow-ups, checked, with the
 * decisions of the day applied: 0, or -1 (recorded). */
static int
open_all(void)
{
	const struct eco_node *root;

	if (!(P = eco_project_open(cli_project(), &D)))
		cli_oom(&D);
	if (eco_project_read(P, "evaluations/", &D) < 0 ||
	    eco_project_read(P, "suivis/", &D) < 0)
		cli_oom(&D);
	set_day();
	if (!(PL = eco_suivi_plan(P, 0, NULL, day, &root, &D)))
		return -1;
	EV = eco_project_docs(P, "evaluation", &NEV);
	if (!EV)
		NEV = 0;
	if (eco_project_check(P, (const char *const[]){ "facteur", NULL },
	    &D) > 0 || !(F = eco_facteurs_of(P, &D)) ||
	    !(R = eco_resultats_new(PL, EV, NEV, day)))
		return D.nerr || D.sys ? -1 : (cli_oom(&D), -1);
	return 0;
}

static const char *
labelled(const char *text, const char *id)
{
	return text && id ? cli_text("%s (%s)", text, id) : text ? text : id;
}

static const char *
factor(const char *id)
{
	char buf[512];

	return cli_text("%s", eco_facteurs_label(F, id, buf, sizeof buf));
}

/* Options. */

enum { O_AU = 1, O_OBJECTIF, O_DATE, O_RENCONTRE, O_INDICATEUR, O_VALEUR,
	O_APPRECIATION, O_COMMENTAIRE, O_ACTION, O_DECISION, O_JUSTIFICATION,
	O_AJUSTEMENT, O_DRY };


static void
option(int key, const char *arg)
{
	static const char *const decisions[] = { "maintien", "adaptation",
	    "abandon" };
	static const char *const lectures[] = { "atteinte", "en-progres",
	    "sans-changement", "en-recul" };

	switch (key) {
	case O_AU: o.au = arg; break;
	case O_OBJECTIF: o.objectif = arg; break;
	case O_DATE: o.date = arg; break;
	case O_RENCONTRE: o.rencontre = arg; break;
	case O_INDICATEUR: o.indicateur = arg; break;
	case O_VALEUR: o.valeur = arg; break;
	case O_APPRECIATION:
		o.appreciation = cli_code(arg, "appreciation", lectures, 4);
		break;
	case O_COMMENTAIRE: o.commentaire = arg; break;
	case O_ACTION: o.action = arg; break;
	case O_DECISION:
		o.decision = cli_code(arg, "decision", decisions, 3);
		break;
	case O_JUSTIFICATION: o.justification = arg; break;
	case O_AJUSTEMENT:
		cli_push(&o.ajustements, &o.najustements, arg);
		break;
	default: o.dry = 1;
	}
}

/* Whether indicator r is kept by --objectif and --systeme. */
static int
kept(const struct eco_indicateur_view *x)
{
	return (!o.objectif || (x->objectif && strcmp(x->objectif,
	    o.objectif) == 0)) && (!cli.systeme || (x->systeme &&
	    strcmp(x->systeme, cli.systeme) == 0));
}

/* An objective of --objectif that the plan lacks is an error. */
static int
known_objective(void)
{
	const char **ids = NULL;
	char near[256];
	size_t i, n = 0;

	if (!o.objectif || eco_plan_objectif(PL, o.objectif))
		return 1;
	for (i = 0; i < PL->nobjectifs; i++)
		if (PL->objectifs[i].id)
			cli_push(&ids, &n, PL->objectifs[i].id);
	if (eco_closest_text(o.objectif, ids, n, near, sizeof near))
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("the plan has no objective « %s » (did you mean %s?)"),
		    o.objectif, near);
	else
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("the plan has no objective « %s »"), o.objectif);
	free(ids);
	return 0;
}

/* mesures */

static void
result_columns(struct eco_table *t)
{
	eco_table_column(t, "indicateur", _("Indicator"), 0, 30);
	if (DATA) {
		eco_table_column(t, "objectif", _("Objective"), 0, 0);
		eco_table_column(t, "systeme", _("System"), 0, 0);
	}
	eco_table_column(t, "sens", _("Aim"), 0, 0);
	eco_table_column(t, "valeur_depart", _("Baseline"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "cible", _("Target"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "echeance", _("Due"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "derniere_valeur", _("Latest"), ECO_COL_RIGHT, 12);
	eco_table_column(t, "derniere_date", _("Measured"), ECO_COL_NOWRAP | ECO_COL_NOTEXTE, 0);
	eco_table_column(t, "progres", _("Progress to target"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "lecture", _("Reading"), 0, 14);
	if (DATA) {
		eco_table_column(t, "donnee_depart", _("Baseline datum"), 0, 0);
		eco_table_column(t, "mesures", _("Measures"), 0, 0);
		eco_table_column(t, "en_retard", _("Late"), 0, 0);
		eco_table_column(t, "manquee", _("Missed"), 0, 0);
	}
}

static const char *
reading(const struct eco_resultat *r)
{
	if (DATA)
		return eco_lecture_code(r->lecture);
	if (r->en_retard)
		return _("late: no measure by the deadline");
	if (!r->nmesures)
		return _("not measured yet");
	if (r->manquee)
		return cli_text(_("%s; deadline passed"),
		    eco_lecture_label(r->lecture));
	return eco_lecture_label(r->lecture);
}

static void
result_row(struct eco_table *t, const struct eco_resultat *r)
{
	const struct eco_indicateur_view *x = r->x;
	size_t c = 0;

	eco_table_row(t);
	eco_table_text(t, c++, DATA ? x->id : labelled(x->libelle, x->id));
	if (DATA) {
		eco_table_text(t, c++, x->objectif);
		eco_table_text(t, c++, x->systeme);
	}
	eco_table_text(t, c++, DATA ? eco_sens_code(r->sens) :
	    cli_text("%s%s", eco_sens_label(r->sens), r->sens_ecrit ||
	    r->sens == ECO_SENS_INCONNU ? "" : "*"));
	eco_table_value(t, c++, x->valeur_depart);
	eco_table_value(t, c++, x->cible);
	eco_table_text(t, c++, x->echeance_eff);
	if (r->derniere) {
		eco_table_value(t, c, r->derniere->valeur);
		eco_table_text(t, c + 1, r->derniere->date);
	}
	c += 2;
	if (r->has_progres) {
		if (DATA)
			eco_table_int(t, c, r->progres);
		else
			eco_table_text(t, c, cli_text("%s%ld\xc2\xa0%%",
			    r->progres < 0 ? "\xe2\x88\x92" : "", labs(r->progres)));
	}
	c++;
	eco_table_text(t, c++, reading(r));
	if (DATA) {
		eco_table_text(t, c++, eco_map_str(x->v.node, "donnee_depart"));
		eco_table_int(t, c++, (long)r->nmesures);
		eco_table_bool(t, c++, r->en_retard);
		eco_table_bool(t, c++, r->manquee);
	}
}

static void
progress_note(struct eco_report *r)
{
	/* xgettext:no-c-format */
	eco_report_para(r, _("Progress is the share of the way from the "
	    "baseline to the target that the latest measure has gone: 100 % "
	    "at the target, below 0 when the value has moved away from it. "
	    "The aim is the plan's (sens); marked * when eco takes it from the "
	    "target against the baseline, a target equal to the baseline "
	    "meaning to keep it. A measure in words is read as the group "
	    "appreciated it."));
}

/* Where the baselines come from, when the plan says (donnee_depart):
 * the datum's title, for people. */
static void
baselines(struct eco_report *r)
{
	const char *id, *title;
	size_t i, said = 0;

	for (i = 0; !DATA && i < R->n; i++) {
		if (!kept(R->v[i].x) ||
		    !(id = eco_map_str(R->v[i].x->v.node, "donnee_depart")))
			continue;
		if (!said++)
			eco_report_heading(r, 2, _("Where the baselines come from"));
		title = eco_project_title(P, "donnee", id);
		eco_report_item(r, 0, cli_text("%s: %s", R->v[i].x->id,
		    labelled(title, id)));
	}
}

static int
run_mesures(int argc, char **argv)
{
	struct eco_report *r;
	struct eco_table *t = NULL, *m;
	const char *obj = NULL;
	size_t i, j, n = 0, got = 0, reached = 0, wrong = 0, late = 0,
	    missed = 0;

	(void)argc, (void)argv;
	if (open_all() < 0 || !known_objective())
		return finish(0);
	for (i = 0; i < R->n; i++) {
		const struct eco_resultat *x = &R->v[i];

		if (!kept(x->x))
			continue;
		n++;
		got += x->nmesures > 0;
		reached += x->nmesures && x->lecture == ECO_LECT_ATTEINTE;
		wrong += x->nmesures && x->lecture == ECO_LECT_RECUL;
		late += x->en_retard;
		missed += x->manquee;
	}
	if (!(r = eco_report_new(NULL, cli_text(_("Results of the indicators on "
	    "%s"), day))))
		cli_oom(&D);
	eco_report_footer(r, eco_project_name(P), day);
	eco_report_para(r, cli_text(_("%zu indicators, %zu measured. Reached: "
	    "%zu; going the wrong way: %zu; late (deadline passed without a "
	    "measure): %zu; missed (deadline passed, target not reached): %zu."),
	    n, got, reached, wrong, late, missed));
	progress_note(r);
	for (i = 0; i < R->n; i++) {
		const struct eco_indicateur_view *x = R->v[i].x;

		if (!kept(x))
			continue;
		if (!t || (!DATA && (!obj || !x->objectif ||
		    strcmp(obj, x->objectif) != 0))) {
			const struct eco_objectif_view *ov =
			    eco_plan_objectif(PL, x->objectif);

			obj = x->objectif;
			if (!DATA)
				eco_report_heading(r, 2, cli_text(_("Objective %s: "
				    "%s"), obj, ov && ov->libelle ? ov->libelle :
				    ""));
			t = eco_report_table(r, "resultat", NULL,
			    DATA ? ECO_SHOW_DATA : ECO_SHOW_DOC);
			result_columns(t);
		}
		result_row(t, &R->v[i]);
	}
	baselines(r);
	eco_report_heading(r, 2, _("Every measure"));
	m = eco_report_table(r, "mesure", NULL, ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(m, "indicateur", _("Indicator"), ECO_COL_NOWRAP, 0);
	eco_table_column(m, "date", _("Date"), ECO_COL_NOWRAP, 0);
	eco_table_column(m, "valeur", _("Value"), ECO_COL_RIGHT, 16);
	eco_table_column(m, "appreciation", _("Appreciation"), 0, 12);
	eco_table_column(m, "evaluation", _("Evaluation"), ECO_COL_NOWRAP, 0);
	eco_table_column(m, "commentaire", _("Comment"), ECO_COL_NOTEXTE, 40);
	for (i = 0; i < R->n; i++) {
		const struct eco_resultat *x = &R->v[i];

		for (j = 0; kept(x->x) && j < x->nmesures; j++) {
			const struct eco_mesure *me = &x->mesures[j];
			enum eco_lecture l = ECO_LECT_INCONNUE;
			size_t k;

			for (k = 0; me->appreciation && k < ECO_LECT_INCONNUE; k++)
				if (strcmp(me->appreciation, eco_lecture_code(k)) == 0)
					l = k;
			eco_table_row(m);
			eco_table_text(m, 0, x->x->id);
			eco_table_text(m, 1, me->date);
			eco_table_value(m, 2, me->valeur);
			eco_table_text(m, 3, !me->appreciation ? NULL : DATA ?
			    me->appreciation : eco_lecture_label(l));
			eco_table_text(m, 4, eco_map_str(me->eval->root, "id"));
			eco_table_text(m, 5, eco_map_str(me->node, "commentaire"));
		}
	}
	write_report(r);
	return finish(0);
}

/* decisions */

/* The columns of a table of decisions; the evaluation's id is left out
 * of the meeting's document (bilan: eval 0), where it is the page's. */
static int with_eval = 1;

static void
decision_columns(struct eco_table *t)
{
	eco_table_column(t, "action", _("Action"), 0, 30);
	if (DATA) {
		eco_table_column(t, "objectif", _("Objective"), 0, 0);
		eco_table_column(t, "systeme", _("System"), 0, 0);
	}
	eco_table_column(t, "decision", _("Decision"), 0, 0);
	eco_table_column(t, "date", _("On"), ECO_COL_NOWRAP, 0);
	if (with_eval || DATA)
		eco_table_column(t, "evaluation", _("Evaluation"),
		    ECO_COL_NOTEXTE, 0);
	eco_table_column(t, "justification", _("Reasons"), 0, 30);
	eco_table_column(t, "ajustements", _("Adjustments"), ECO_COL_NOTEXTE, 30);
	if (DATA)
		eco_table_column(t, "en_vigueur", _("In force"), 0, 0);
}

static void
decision_row(struct eco_table *t, const struct eco_decision *e)
{
	const struct eco_action_view *a = &PL->actions[e->action];
	const struct eco_node *aj = eco_map_seq(e->node, "ajustements");
	const char **v = NULL;
	size_t c = 0, i, nv = 0;

	eco_table_row(t);
	eco_table_text(t, c++, DATA ? a->id : labelled(a->titre, a->id));
	if (DATA) {
		eco_table_text(t, c++, a->objectif);
		eco_table_text(t, c++, a->systeme);
	}
	eco_table_text(t, c++, DATA ? e->decision :
	    e->latest ? eco_decision_label(e->decision) :
	    cli_text(_("%s (since replaced)"), eco_decision_label(e->decision)));
	eco_table_text(t, c++, e->date);
	if (with_eval || DATA)
		eco_table_text(t, c++, eco_map_str(e->eval->root, "id"));
	eco_table_text(t, c++, eco_map_str(e->node, "justification"));
	for (i = 0; aj && i < aj->len; i++)
		if (aj->u.items[i]->type == ECO_STR)
			cli_push(&v, &nv, aj->u.items[i]->s);
	eco_table_list(t, c++, v, nv);
	free(v);
	if (DATA)
		eco_table_bool(t, c, e->latest);
}

/* Whether decision e is kept by --objectif. */
static int
shown(const struct eco_decision *e)
{
	const char *obj = PL->actions[e->action].objectif;

	return !o.objectif || (obj && strcmp(obj, o.objectif) == 0);
}

/* Text has no room for the adjustments column: they follow the table. */
static void
adjustments(struct eco_report *r, const struct eco_decision *v, size_t n)
{
	const struct eco_node *aj;
	size_t i, k, said = 0;

	for (i = 0; cli.format == FMT_TEXTE && i < n; i++) {
		if (!shown(&v[i]) ||
		    !(aj = eco_map_seq(v[i].node, "ajustements")))
			continue;
		if (!said++)
			eco_report_para(r, _("Adjustments decided:"));
		for (k = 0; k < aj->len; k++)
			if (aj->u.items[k]->type == ECO_STR)
				eco_report_item(r, 0, cli_text("%s: %s",
				    PL->actions[v[i].action].id, aj->u.items[k]->s));
	}
}

/* The actions evaluated without a decision, as a paragraph. */
static void
undecided(struct eco_report *r)
{
	size_t *v, n, i;
	struct eco_buf b = ECO_BUF_INIT;

	n = eco_evaluation_undecided(PL, EV, NEV, day, NULL, 0);
	if (!n || DATA)
		return;
	if (!(v = calloc(n, sizeof *v)))
		cli_oom(&D);
	eco_evaluation_undecided(PL, EV, NEV, day, v, n);
	for (i = 0; i < n; i++)
		eco_buf_printf(&b, i ? ", %s" : "%s", PL->actions[v[i]].id);
	free(v);
	if (b.oom)
		cli_oom(&D);
	eco_report_para(r, cli_text(ngettext("No decision yet on %zu action of "
	    "the objectives evaluated: %s.", "No decision yet on %zu actions of "
	    "the objectives evaluated: %s.", n), n, b.s));
	eco_buf_free(&b);
}

static int
run_decisions(int argc, char **argv)
{
	struct eco_decision *v;
	struct eco_report *r;
	struct eco_table *t;
	size_t n, i, kept_n = 0, by[3] = { 0 };

	(void)argc, (void)argv;
	if (open_all() < 0 || !known_objective())
		return finish(0);
	v = eco_evaluation_decisions(PL, EV, NEV, day, &n);
	if (n == (size_t)-1)
		cli_oom(&D);
	if (!(r = eco_report_new(NULL, cli_text(_("Decisions on the actions on "
	    "%s"), day))))
		cli_oom(&D);
	eco_report_footer(r, eco_project_name(P), day);
	for (i = 0; i < n; i++) {
		const char *d = v[i].decision;

		if (!v[i].latest || !shown(&v[i]))
			continue;
		kept_n++;
		by[strcmp(d, "maintien") == 0 ? 0 :
		    strcmp(d, "adaptation") == 0 ? 1 : 2]++;
	}
	if (!kept_n) {
		eco_report_para(r, cli_text(_("No evaluation has decided on an "
		    "action by %s."), day));
		free(v);
		write_report(r);
		return finish(0);
	}
	eco_report_para(r, cli_text(_("Actions with a decision: %zu. "
	    "Maintained: %zu; adapted: %zu; abandoned: %zu. An abandoned action "
	    "stops on the day of the decision: its later follow-ups are no "
	    "longer due."), kept_n, by[0], by[1], by[2]));
	t = eco_report_table(r, "decision", NULL, DATA ? ECO_SHOW_DATA :
	    ECO_SHOW_DOC);
	decision_columns(t);
	for (i = 0; i < n; i++)
		if (shown(&v[i]))
			decision_row(t, &v[i]);
	adjustments(r, v, n);
	free(v);
	undecided(r);
	write_report(r);
	return finish(0);
}

/* bilan */

/* s as a sentence: a full stop at its end when it has none. */
static const char *
sentence(const char *s)
{
	size_t n = strlen(s);

	return n && strchr(".!?", s[n - 1]) ? s : cli_text("%s.", s);
}

static void
question(struct eco_report *r, struct eco_table *t,
    const struct eco_node *ev, const char *key, const char *label)
{
	const struct eco_node *q = eco_map_get(eco_map_get(ev, "questions"), key);
	const char *c = eco_map_str(q, "conclusion");
	const char *com = eco_map_str(q, "commentaire");
	const char *aj = eco_map_str(q, "ajustement");
	const char *word;

	if (DATA) {
		eco_table_row(t);
		eco_table_text(t, 0, eco_map_str(ev, "id"));
		eco_table_text(t, 1, key);
		eco_table_text(t, 2, c);
		eco_table_text(t, 3, com);
		eco_table_text(t, 4, aj);
		return;
	}
	word = !c ? _("not asked") : strcmp(c, "maintenir") == 0 ?
	    _("still the right one") : strcmp(c, "ajuster") == 0 ?
	    _("to adjust") : _("to replace");
	eco_report_item(r, 0, cli_text(_("%s: %s.%s%s%s"), label, word,
	    com ? " " : "", com ? sentence(com) : "", aj ?
	    cli_text(_(" Proposed: « %s »."), aj) : ""));
}

static void
bilan_of(struct eco_report *r, struct eco_table **tabs,
    const struct eco_doc *e)
{
	const struct eco_node *ev = e->root;
	const char *obj = eco_map_str(ev, "objectif");
	const char *sys = eco_map_str(ev, "systeme");
	const struct eco_objectif_view *ov = eco_plan_objectif(PL, obj);
	const struct eco_node *ap = eco_map_seq(ev, "apprentissages");
	struct eco_decision *v;
	size_t i, n;

	if (!DATA) {
		eco_report_heading(r, 1, sys ? cli_text(_("Objective %s, %s: %s"),
		    obj, eco_systeme_label(sys), ov && ov->libelle ? ov->libelle :
		    "") : cli_text(_("Objective %s: %s"), obj, ov && ov->libelle ?
		    ov->libelle : ""));
		if (ov && ov->facteur)
			eco_report_para(r, cli_text(_("Protective factor: %s."),
			    factor(ov->facteur)));
		eco_report_heading(r, 2, _("Indicators"));
		tabs[0] = eco_report_table(r, "bilan-indicateur", NULL,
		    ECO_SHOW_DOC);
		result_columns(tabs[0]);
	}
	for (i = 0; i < R->n; i++)
		if (R->v[i].x->objectif && strcmp(R->v[i].x->objectif, obj) == 0 &&
		    (!sys || (R->v[i].x->systeme && strcmp(R->v[i].x->systeme, sys) == 0)))
			result_row(tabs[0], &R->v[i]);
	if (!DATA && eco_map_str(ev, "analyse")) {
		eco_report_heading(r, 2, _("What the group understands"));
		eco_report_para(r, eco_map_str(ev, "analyse"));
	}
	if (!DATA) {
		eco_report_heading(r, 2, _("Decisions on the actions"));
		tabs[1] = eco_report_table(r, "bilan-decision", NULL,
		    ECO_SHOW_DOC);
		decision_columns(tabs[1]);
	}
	v = eco_evaluation_decisions(PL, &e, 1, NULL, &n);
	if (n == (size_t)-1)
		cli_oom(&D);
	for (i = 0; i < n; i++) {
		v[i].latest = PL->actions[v[i].action].decision_node == v[i].node;
		decision_row(tabs[1], &v[i]);
	}
	adjustments(r, v, n);
	free(v);
	if (!DATA)
		eco_report_heading(r, 2, _("Still the right choices?"));
	question(r, tabs[2], ev, "transformation", sys ?
	    _("The transformation") : _("The transformations"));
	question(r, tabs[2], ev, "facteur", _("The protective factor"));
	question(r, tabs[2], ev, "objectif", _("The objective"));
	if (DATA)
		return;
	if (ap && ap->len) {
		eco_report_heading(r, 2, _("What the group learned"));
		for (i = 0; i < ap->len; i++)
			if (ap->u.items[i]->type == ECO_STR)
				eco_report_item(r, 0, ap->u.items[i]->s);
	}
	if (eco_map_date(ev, "prochaine_evaluation"))
		eco_report_para(r, cli_text(_("Next evaluation: %s."),
		    eco_map_date(ev, "prochaine_evaluation")));
}

static int
run_bilan(int argc, char **argv)
{
	struct eco_table *tabs[3] = { NULL, NULL, NULL };
	struct eco_report *r;
	const char *date = o.date, *d;
	size_t i, n = 0;

	(void)argc, (void)argv;
	with_eval = 0;
	if (open_all() < 0)
		return finish(0);
	for (i = 0; !o.date && i < NEV; i++)
		if ((d = eco_map_date(EV[i]->root, "date")) &&
		    strcmp(d, day) <= 0 && (!date || strcmp(d, date) > 0))
			date = d;
	for (i = 0; date && i < NEV; i++)
		n += (d = eco_map_date(EV[i]->root, "date")) && strcmp(d, date) == 0;
	if (!n) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL, date ?
		    _("no evaluation dated %s in evaluations/") :
		    _("no evaluation in evaluations/ on or before %s"),
		    date ? date : day);
		return finish(0);
	}
	if (!(r = eco_report_new(NULL, cli_text(_("Evaluation of the plan, %s"),
	    date))))
		cli_oom(&D);
	eco_report_footer(r, eco_project_name(P), date);
	eco_report_para(r, cli_text(ngettext("%zu evaluation on that day, "
	    "read with the plan as it stands and the measures known on %s.",
	    "%zu evaluations on that day, read with the plan as it stands "
	    "and the measures known on %s.", n), n, day));
	progress_note(r);
	if (DATA) {
		tabs[0] = eco_report_table(r, "bilan-indicateur", NULL,
		    ECO_SHOW_DATA);
		result_columns(tabs[0]);
		tabs[1] = eco_report_table(r, "bilan-decision", NULL,
		    ECO_SHOW_DATA);
		decision_columns(tabs[1]);
		tabs[2] = eco_report_table(r, "bilan-question", NULL,
		    ECO_SHOW_DATA);
		eco_table_column(tabs[2], "evaluation", _("Evaluation"), 0, 0);
		eco_table_column(tabs[2], "question", _("Question"), 0, 0);
		eco_table_column(tabs[2], "conclusion", _("Conclusion"), 0, 0);
		eco_table_column(tabs[2], "commentaire", _("Comment"), 0, 0);
		eco_table_column(tabs[2], "ajustement", _("Proposal"), 0, 0);
	}
	for (i = 0; i < NEV; i++)
		if ((d = eco_map_date(EV[i]->root, "date")) && strcmp(d, date) == 0)
			bilan_of(r, tabs, EV[i]);
	write_report(r);
	return finish(0);
}

/* revision */

static int
run_revision(int argc, char **argv)
{
	struct eco_diags e;
	size_t n, i;

	(void)argc, (void)argv;
	if (open_all() < 0)
		return finish(0);
	eco_diags_init(&e);
	n = eco_evaluation_revision(PL, EV, NEV, day, &e);
	eco_diags_sort(&e);
	if (cli.format == FMT_JSON)
		cli_print_diags_json(&e);
	else if (!n)
		printf("%s\n", cli_text(_("Nothing to revise on %s: the plan "
		    "follows the decisions and answers of the evaluations."), day));
	for (i = 0; cli.format != FMT_JSON && i < e.n; i++)
		printf("%s:%d:%d: %s\n", e.v[i].file, e.v[i].line, e.v[i].col,
		    e.v[i].msg);
	eco_diags_free(&e);
	return finish(n ? ECO_EXIT_DATA : 0);
}

/* ajoute */

static int
run_ajoute(int argc, char **argv)
{
	struct eco_record rec = { .kind = "evaluation" };
	const struct eco_indicateur_view *x = NULL;
	const struct eco_action_view *a = NULL;
	struct eco_eval_in in = { 0 };
	struct eco_doc *doc;
	char prefix[128], file[160];
	size_t i;
	int rc;

	(void)argc, (void)argv;
	if (!o.indicateur == !o.action)
		cli_usage_error(NULL, "%s", _("ajoute records a measure "
		    "(--indicateur and --valeur) or a decision (--action and "
		    "--decision)"));
	if (o.indicateur && !o.valeur)
		cli_usage_error(NULL, "%s", _("a measure needs --valeur"));
	if (o.action && !o.decision)
		cli_usage_error(NULL, "%s", _("a decision needs --decision"));
	if (open_all() < 0)
		return finish(0);
	for (i = 0; o.indicateur && i < PL->nindicateurs; i++)
		if (PL->indicateurs[i].id &&
		    strcmp(PL->indicateurs[i].id, o.indicateur) == 0)
			x = &PL->indicateurs[i];
	a = o.action ? eco_suivi_action(PL, o.action) : NULL;
	if ((o.indicateur && !x) || (o.action && !a)) {
		const char **ids = NULL, *near;
		char buf[256];
		size_t k, nids = 0;

		for (k = 0; o.indicateur && k < PL->nindicateurs; k++)
			if (PL->indicateurs[k].id)
				cli_push(&ids, &nids, PL->indicateurs[k].id);
		for (k = 0; o.action && k < PL->nactions; k++)
			if (PL->actions[k].id)
				cli_push(&ids, &nids, PL->actions[k].id);
		near = eco_closest_text(o.indicateur ? o.indicateur :
		    o.action, ids, nids, buf, sizeof buf);
		free(ids);
		if (near)
			eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL, o.indicateur ?
			    _("the plan has no indicator « %s » (did you mean %s?)") :
			    _("the plan has no action « %s » (did you mean %s?)"),
			    o.indicateur ? o.indicateur : o.action, near);
		else
			eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL, o.indicateur ?
			    _("the plan has no indicator « %s »") :
			    _("the plan has no action « %s »"), o.indicateur ?
			    o.indicateur : o.action);
		return finish(0);
	}
	in.date = o.date ? o.date : day;
	in.objectif = x ? x->objectif : a->objectif;
	in.systeme = x ? x->systeme : a->systeme;
	in.rencontre = o.rencontre;
	in.indicateur = x ? x->id : NULL;
	in.valeur = o.valeur;
	in.appreciation = o.appreciation;
	in.commentaire = o.commentaire;
	in.action = a ? a->id : NULL;
	in.decision = o.decision;
	in.justification = o.justification;
	in.ajustements = (const char *const *)o.ajustements;
	in.najustements = o.najustements;
	if (!(doc = eco_evaluation_record(&in, file, sizeof file, prefix,
	    sizeof prefix)))
		cli_oom(&D);
	rec.file = file;
	rec.prefix = prefix;
	rec.render = eco_evaluation_render;
	rec.arg = doc;
	rec.flags = o.dry ? ECO_WRITE_DRY : 0;
	rc = eco_project_has_file(P, file) ?
	    eco_project_append(P, &rec, &D) : eco_project_create(P, &rec, &D);
	if (rc == 0)
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL, o.dry ?
		    _("« %s » would be added to %s") : _("« %s » added to %s"),
		    rec.id, file);
	if (rc == 0 && o.dry && rec.text)
		fputs(rec.text, stdout);
	free(rec.text);
	eco_doc_free(doc);
	free(o.ajustements);
	return finish(0);
}

/* The command. */

static const struct cli_option filter_options[] = {
	{ O_AU, 0, "au", NULL, CLI_DATE, "DATE",
	  N_("the day of the reading (default: today, or the latest follow-up "
	  "or evaluation when later)"), 0, 0 },
	{ O_OBJECTIF, 0, "objectif", "objective", CLI_ID, "ID",
	  N_("only this objective of the plan"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_option bilan_options[] = {
	{ O_AU, 0, "au", NULL, CLI_DATE, "DATE",
	  N_("the day of the reading (default: today, or the latest follow-up "
	  "or evaluation when later)"), 0, 0 },
	{ O_DATE, 0, "date", NULL, CLI_DATE, "DATE",
	  N_("the evaluations of that day (the latest by default)"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_option au_options[] = {
	{ O_AU, 0, "au", NULL, CLI_DATE, "DATE",
	  N_("the day of the reading (default: today, or the latest follow-up "
	  "or evaluation when later)"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_option ajoute_options[] = {
	{ O_DRY, 'n', "dry-run", NULL, CLI_FLAG, NULL,
	  N_("check and show the record, write nothing"), 0, 0 },
	{ O_DATE, 0, "date", NULL, CLI_DATE, "DATE",
	  N_("the day of the evaluation, and of the measure (default: the "
	  "day of the records)"), 0, 0 },
	{ O_RENCONTRE, 0, "rencontre", "meeting", CLI_ID, "ID",
	  N_("the meeting where it was decided or presented"), 0, 0 },
	{ O_INDICATEUR, 0, "indicateur", "indicator", CLI_ID, "ID",
	  N_("the indicator measured"), 0, 0 },
	{ O_VALEUR, 0, "valeur", "value", CLI_TEXT, "VALEUR",
	  N_("the value measured, a number or a few words"), 0, 0 },
	{ O_APPRECIATION, 0, "appreciation", NULL, CLI_TEXT, "A",
	  N_("atteinte, en-progres, sans-changement or en-recul"), 0, 0 },
	{ O_COMMENTAIRE, 0, "commentaire", "comment", CLI_TEXT, "TEXTE",
	  N_("what to know to read the value"), 0, 0 },
	{ O_ACTION, 0, "action", NULL, CLI_ID, "ID",
	  N_("the action decided on"), 0, 0 },
	{ O_DECISION, 0, "decision", NULL, CLI_TEXT, "D",
	  N_("maintien, adaptation or abandon"), 0, 0 },
	{ O_JUSTIFICATION, 0, "justification", "reasons", CLI_TEXT, "TEXTE",
	  N_("the results or reasons behind it"), 0, 0 },
	{ O_AJUSTEMENT, 0, "ajustement", "adjustment", CLI_TEXT, "TEXTE",
	  N_("what changes in an adapted action (again for more)"), 0, 0 },
	{ .name = NULL }
};

#define REPORTS (1u << FMT_TEXTE | 1u << FMT_MD | 1u << FMT_HTML | \
	1u << FMT_CSV | 1u << FMT_JSON)

static const struct cli_cmd subs[] = {
	{ .name = "mesures", .aliases = "results", .usage = U_MESURES,
	  .summary = N_("each indicator's measures, progress and reading"),
	  .example = "eco-evaluation mesures --objectif obj-lecture",
	  .common = CLI_FORMAT | CLI_SYSTEME, .formats = REPORTS,
	  .format = FMT_TEXTE, .options = filter_options, .option = option,
	  .run = run_mesures },
	{ .name = "decisions", .usage = U_DECISIONS,
	  .summary = N_("the decisions on the actions, the latest in force"),
	  .example = "eco-evaluation decisions -o csv > decisions.csv",
	  .common = CLI_FORMAT, .formats = REPORTS,
	  .format = FMT_TEXTE, .options = filter_options, .option = option,
	  .run = run_decisions },
	{ .name = "bilan", .aliases = "report", .usage = U_BILAN,
	  .summary = N_("the evaluation meeting's document"),
	  .example = "eco-evaluation bilan -o html > bilan.html",
	  .common = CLI_FORMAT, .formats = REPORTS,
	  .format = FMT_TEXTE, .options = bilan_options, .option = option,
	  .run = run_bilan },
	{ .name = "revision", .usage = U_REVISION,
	  .summary = N_("what the evaluations ask to change in plan.yaml; "
	  "exit 1 when any"),
	  .example = "eco-evaluation revision", .common = CLI_FORMAT,
	  .formats = 1u << FMT_TEXTE | 1u << FMT_JSON, .format = FMT_TEXTE,
	  .options = au_options, .option = option, .run = run_revision },
	{ .name = "ajoute", .aliases = "add", .usage = U_AJOUTE,
	  .summary = N_("record a measure or a decision in evaluations/"),
	  .example = "eco-evaluation ajoute -n --indicateur ind-recit "
	  "--valeur 66 --date 2027-10-20",
	  .options = ajoute_options, .option = option, .run = run_ajoute },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-evaluation",
	.usage = U_MESURES NEXT U_DECISIONS NEXT U_BILAN NEXT U_REVISION NEXT
	    U_AJOUTE,
	.example = "eco-evaluation mesures",
	.common = CLI_DOSSIER, .subs = subs,
};

int
main(int argc, char *argv[])
{
	eco_diags_init(&D);
	return cli_main(&cmd, argc, argv);
}
