/*
 * eco_suivi.c - the follow-up of actions (Outil 11): an action's state on
 * a day, from its follow-ups, else from its dates; its next follow-up.
 *
 * This is the one definition of an action's state: eco-vue shows it,
 * eco-suivi lists and judges it.  Follow-ups are read as the plan's views
 * are, leniently: one without an action, a date of the calendar or a
 * known statut does not decide (the schema says what is wrong with it;
 * a caller checks the documents before it trusts a state).
 */
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
	return strcmp(code, "a-venir") == 0 ? ECO_ETAT_PREVUE : ECO_ETAT_EN_COURS;
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
		st->statut = deb && strcmp(au, deb) < 0 ? "a-venir" : "en-cours";
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
eco_etat_label(enum eco_etat e)
{
	switch (e) {
	case ECO_ETAT_PREVUE: return _("planned");
	case ECO_ETAT_EN_COURS: return _("in progress");
	case ECO_ETAT_EN_RETARD: return _("late");
	case ECO_ETAT_REALISEE: return _("done");
	case ECO_ETAT_REPORTEE: return _("postponed");
	case ECO_ETAT_ABANDONNEE: return _("abandoned");
	}
	return "?";
}
