/*
 * eco_suivi.c - the follow-up of actions (Outil 11): an action's state on
 * a day, from its follow-ups, else from its dates; its next follow-up.
 *
 * This is the one definition of an action's state: eco-vue shows it,
 * eco-suivi lists and judges it.  Follow-ups are read as the plan's views
 * are, leniently: one without an action, a date of the calendar or a
 * known statut does not decide (the schema says what is wrong with it;
 * eco_suivi_plan checks the documents before a state is trusted).
 *
 * The plan being followed comes from a command's operands or from the
 * project's plan.yaml.  Standard input is checked alone, as eco-validate
 * checks it: a pipe is no file of the project, and a plan or records
 * printed from the project's own files are no duplicates of them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

/* statut_action, in the order of defs.schema.json */
static const char *const statuts[] = {
	"a-venir", "en-cours", "realisee", "reportee", "abandonnee"
};
#define NSTATUTS (sizeof statuts / sizeof *statuts)

/* The code of statut_action s, from the table (so it outlives any
 * document), or NULL when s is none of them. */
static const char *
statut_code(const char *s)
{
	size_t i;

	for (i = 0; s && i < NSTATUTS; i++)
		if (strcmp(s, statuts[i]) == 0)
			return statuts[i];
	return NULL;
}

const struct eco_node *
eco_suivi_latest(const struct eco_doc *const *suivis, size_t n,
    const char *action, const char *au)
{
	const struct eco_node *best = NULL, *r;
	const char *date, *bdate = NULL;
	size_t i;

	for (i = 0; action && i < n; i++) {
		r = suivis[i]->root;
		if (!eco_map_str(r, "action") ||
		    strcmp(eco_map_str(r, "action"), action) != 0 ||
		    !statut_code(eco_map_str(r, "statut")) ||
		    !(date = eco_map_date(r, "date")) ||
		    (au && strcmp(date, au) > 0))
			continue;
		/* on one date, the last one read */
		if (!bdate || strcmp(date, bdate) >= 0) {
			best = r;
			bdate = date;
		}
	}
	return best;
}

/* The state a statut code gives, before lateness. */
static enum eco_etat
etat_of(const char *code)
{
	if (strcmp(code, "realisee") == 0)
		return ECO_ETAT_REALISEE;
	if (strcmp(code, "reportee") == 0)
		return ECO_ETAT_REPORTEE;
	if (strcmp(code, "abandonnee") == 0)
		return ECO_ETAT_ABANDONNEE;
	return strcmp(code, "a-venir") == 0 ? ECO_ETAT_PREVUE :
	    ECO_ETAT_EN_COURS;
}

void
eco_suivi_state(const struct eco_action_view *a,
    const struct eco_doc *const *suivis, size_t n, const char *au,
    struct eco_suivi_state *st)
{
	const char *deb = a->debut_eff, *fin = a->fin_eff;
	size_t k;

	memset(st, 0, sizeof *st);
	if ((st->suivi = eco_suivi_latest(suivis, n, a->id, au))) {
		st->statut = statut_code(eco_map_str(st->suivi, "statut"));
		st->dernier = eco_map_date(st->suivi, "date");
	} else if (!(st->statut = statut_code(a->statut)))	/* a record's */
		st->statut = deb && strcmp(au, deb) < 0 ? "a-venir" :
		    "en-cours";
	st->etat = etat_of(st->statut);
	if (st->etat == ECO_ETAT_PREVUE || st->etat == ECO_ETAT_EN_COURS) {
		st->late = fin && strcmp(au, fin) > 0;
		if (st->late)
			st->etat = ECO_ETAT_EN_RETARD;
	}
	if (st->etat == ECO_ETAT_REALISEE || st->etat == ECO_ETAT_ABANDONNEE)
		return;
	for (k = 0; k < a->ncalendrier && !st->prochain; k++)
		if (strcmp(a->calendrier[k], au) >= 0)
			st->prochain = a->calendrier[k];
}

/* The plan being read, its document, and what went wrong. */
struct reading {
	struct eco_plan *plan;
	const struct eco_node *root;
	struct eco_diags *d;
	int oom;
};

/* doc to the plan when it is one or holds its records (the plan owns it
 * then), else freed. */
static void
take(struct reading *g, struct eco_doc *doc)
{
	const struct eco_node *k = eco_map_get(doc->root, "kind");
	int plan = k && k->type == ECO_STR && strcmp(k->s, "plan") == 0;

	if (plan && g->root && !doc->nerr) {
		eco_diag_add(g->d, doc->file, k->line, k->col, ECO_SEV_ERROR,
		    "plan", "%s", _("a second plan: one plan at a time"));
		eco_doc_free(doc);
		return;
	}
	if (plan && !doc->nerr)
		g->root = doc->root;
	if (doc->nerr || !eco_plan_kind(k && k->type == ECO_STR ? k->s : NULL))
		eco_doc_free(doc);
	else if (eco_plan_add(g->plan, doc) < 0)
		g->oom = 1;
}

/* The project's documents v[from..n): the plan takes documents that
 * share their trees, which the project keeps until it is closed. */
static void
take_shared(struct reading *g, const struct eco_doc *const *v, size_t from,
    size_t n)
{
	struct eco_doc *w;

	for (; v && from < n && !g->oom; from++) {
		if (!(w = eco_doc_new(v[from]->file))) {
			g->oom = 1;
			break;
		}
		w->root = v[from]->root;
		take(g, w);
	}
}

/* Standard input, checked alone as eco-validate checks it. */
static void
take_stdin(struct reading *g)
{
	static char dash[] = "-";
	char *one[] = { dash, NULL };
	struct eco_index *x = eco_index_new();
	struct eco_input *in = NULL;
	struct eco_limits lim;
	struct eco_doc *doc;

	eco_limits_default(&lim);
	if (!x || !(in = eco_input_open(one, &lim, g->d)))
		g->oom |= !x;
	while (in && eco_input_next(in, &doc) > 0) {
		if (x)
			eco_kind_check(doc, x, g->d);
		take(g, doc);
	}
	eco_input_close(in);
	if (x)
		eco_rules_project(x, g->d);
	eco_index_free(x);
}

struct eco_plan *
eco_suivi_plan(struct eco_project *pr, int argc, char *const *argv,
    const struct eco_node **root, struct eco_diags *d)
{
	static const char *const kinds[] = { "plan", "suivi", NULL };
	struct reading g = { eco_plan_new(), NULL, d, 0 };
	const struct eco_doc *const *v;
	size_t n = 0, from = 0;
	int i;

	g.oom = !g.plan;
	if (argc == 0 && g.plan) {
		v = eco_project_docs(pr, "plan", &n);
		take_shared(&g, v, 0, n);
	}
	for (i = 0; i < argc && !g.oom; i++)
		if (strcmp(argv[i], "-") == 0)
			take_stdin(&g);
		else if (eco_project_inputs(pr, 1, argv + i, d) == 0) {
			v = eco_project_input_docs(pr, &n);
			take_shared(&g, v, from, n);
			from = n;
		}
	if (!g.oom && eco_project_check(pr, kinds, d) == 0 && d->nerr == 0 &&
	    g.plan->nplans + g.plan->nobjectifs + g.plan->ntransformations +
	    g.plan->nindicateurs + g.plan->nactions == 0)
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no plan in the input (kind: plan, or the records of "
		    "eco-plan)"));
	if (g.oom)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	if (g.oom || d->nerr) {
		eco_plan_free(g.plan);
		return NULL;
	}
	*root = g.root;
	return g.plan;
}

struct eco_suivi_state *
eco_suivi_states(struct eco_project *pr, const struct eco_plan *p,
    const char *au)
{
	struct eco_suivi_state *v = calloc(p->nactions + 1, sizeof *v);
	const struct eco_doc *const *s;
	size_t i, n = 0;

	if (!v)
		return NULL;
	s = eco_project_docs(pr, "suivi", &n);
	for (i = 0; i < p->nactions; i++)
		eco_suivi_state(&p->actions[i], s, s ? n : 0, au, &v[i]);
	return v;
}

const char *
eco_etat_label(enum eco_etat e, size_t n)
{
	switch (e) {
	case ECO_ETAT_PREVUE:
		return dngettext(ECO_DOMAIN, "planned", "planned", n);
	case ECO_ETAT_EN_COURS:
		return dngettext(ECO_DOMAIN, "in progress", "in progress", n);
	case ECO_ETAT_EN_RETARD:
		return dngettext(ECO_DOMAIN, "late", "late", n);
	case ECO_ETAT_REALISEE:
		return dngettext(ECO_DOMAIN, "done", "done", n);
	case ECO_ETAT_REPORTEE:
		return dngettext(ECO_DOMAIN, "postponed", "postponed", n);
	case ECO_ETAT_ABANDONNEE:
		return dngettext(ECO_DOMAIN, "abandoned", "abandoned", n);
	}
	return "?";
}
