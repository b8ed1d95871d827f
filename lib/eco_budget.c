/*
 * eco_budget.c - the plan's money facts (Outil 10): each action's budget
 * to the cent, the plan's, and its totals by objective, system, lead
 * organisation, funder and calendar year.
 *
 * Money is integer cents read from the amounts as written (eco_value.c),
 * never a double, so 0.10 + 0.20 is 0.30.  Only the plan's total is
 * checked for overflow: every other total adds a part of the same
 * non-negative terms.  An action's budget is split between the calendar
 * years of its dates in proportion to its days in each, the cents left
 * over going to the largest remainders (eco_money_split_years), so the
 * years always add up to the total.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

#define YEARS_MAX 10000		/* from year 0 to 9999 */

static const char *const fundings[] = { "confirme", "demande", "a-solliciter" };

const char *
eco_funding_label(enum eco_funding f)
{
	switch (f) {
	case ECO_FUND_CONFIRME: return _("confirmed");
	case ECO_FUND_DEMANDE: return _("requested");
	case ECO_FUND_A_SOLLICITER: return _("to solicit");
	default: return _("not stated");
	}
}

enum eco_funding
eco_funding_of(const char *statut)
{
	int i;

	for (i = 0; statut && i < ECO_FUND_NONE; i++)
		if (strcmp(statut, fundings[i]) == 0)
			return (enum eco_funding)i;
	return ECO_FUND_NONE;
}

static const char *
key(const char *s)
{
	return s ? s : "";
}

/* The total of key in list by, added when new: its index, or -1 when
 * memory runs out. */
static long
slot(struct eco_budget *b, enum eco_budget_by by, const char *k)
{
	struct eco_total *v;
	size_t i;

	for (i = 0; i < b->nby[by]; i++)
		if (strcmp(b->by[by][i].key, k) == 0)
			return (long)i;
	if (!(v = realloc(b->by[by], (b->nby[by] + 1) * sizeof *v)))
		return -1;
	b->by[by] = v;
	memset(&v[i], 0, sizeof v[i]);
	v[i].key = k;
	b->nby[by]++;
	return (long)i;
}

/* Action i's lines, and its budget, into the total of k. */
static int
tally(struct eco_budget *b, enum eco_budget_by by, const char *k,
    const struct eco_action_view *a, size_t i)
{
	long t = slot(b, by, k);
	size_t j;

	if (t < 0)
		return -1;
	b->by[by][t].cents += b->actions[i];
	for (j = 0; a && j < a->nbudget; j++)
		if (a->budget[j].has_amount)
			b->by[by][t].funding[eco_funding_of(
			    a->budget[j].statut)] += a->budget[j].cents;
	return 0;
}

/* 1 when action i has the id of an earlier one (recorded): its budget
 * would be counted twice. */
static int
twice(const struct eco_plan *p, size_t i, struct eco_diags *d)
{
	const struct eco_action_view *a = &p->actions[i];
	size_t k;

	for (k = 0; a->id && k < i; k++)
		if (p->actions[k].id && strcmp(p->actions[k].id, a->id) == 0) {
			eco_diag_add(d, a->v.file, a->v.node->line,
			    a->v.node->col, ECO_SEV_ERROR, "ids",
			    _("action « %s » appears twice"), a->id);
			return 1;
		}
	return 0;
}

/* Line l of action i into its budget and the plan's; -1 when it cannot
 * be counted in cents (recorded). */
static int
add_line(struct eco_budget *b, size_t i, const struct eco_action_view *a,
    const struct eco_budget_line *l, struct eco_diags *d)
{
	const struct eco_node *m = eco_map_get(l->node, "montant");

	if (l->has_amount && eco_money_add(&b->actions[i], l->cents) == 0 &&
	    eco_money_add(&b->total, l->cents) == 0) {
		b->funding[eco_funding_of(l->statut)] += l->cents;
		return 0;
	}
	/* no amount, or a number the schema takes but eco cannot count */
	if (!l->has_amount &&
	    (!m || (m->type != ECO_INT && m->type != ECO_FLOAT)))
		return 0;
	eco_diag_add(d, a->v.file, m->line, m->col, ECO_SEV_ERROR, "plan", "%s",
	    _("the budget adds up to more than eco can count"));
	return -1;
}

/* Each action's budget and the plan's, exact.  0, or -1 when something
 * cannot be counted (recorded). */
static int
count(struct eco_budget *b, const struct eco_plan *p, struct eco_diags *d)
{
	size_t i, j;
	int rc = 0;

	for (i = 0; i < p->nactions; i++) {
		rc |= -twice(p, i, d);
		for (j = 0; j < p->actions[i].nbudget; j++)
			rc |= add_line(b, i, &p->actions[i],
			    &p->actions[i].budget[j], d);
	}
	return rc ? -1 : 0;
}

/* The plan's objectives, then those only its records name. */
static int
by_objective(struct eco_budget *b, const struct eco_plan *p)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < p->nobjectifs; i++)
		rc |= slot(b, ECO_BY_OBJECTIF, key(p->objectifs[i].id)) < 0;
	for (i = 0; i < p->ntransformations; i++)
		rc |= slot(b, ECO_BY_OBJECTIF,
		    key(p->transformations[i].objectif)) < 0;
	for (i = 0; i < p->nindicateurs; i++)
		rc |= slot(b, ECO_BY_OBJECTIF,
		    key(p->indicateurs[i].objectif)) < 0;
	for (i = 0; i < p->nactions; i++)
		rc |= tally(b, ECO_BY_OBJECTIF, key(p->actions[i].objectif),
		    &p->actions[i], i);
	return rc ? -1 : 0;
}

static int
by_system(struct eco_budget *b, const struct eco_plan *p)
{
	size_t i;
	int s, rc = 0;

	for (s = 0; s < ECO_NSYS; s++)
		rc |= slot(b, ECO_BY_SYSTEME, eco_systemes[s]) < 0;
	for (i = 0; i < p->nactions; i++)
		if ((s = eco_systeme_index(p->actions[i].systeme)) >= 0)
			rc |= tally(b, ECO_BY_SYSTEME, eco_systemes[s],
			    &p->actions[i], i);
	return rc ? -1 : 0;
}

static int
by_key(const void *x, const void *y)
{
	return strcmp(((const struct eco_total *)x)->key,
	    ((const struct eco_total *)y)->key);
}

static int
by_lead(struct eco_budget *b, const struct eco_plan *p)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < p->nactions; i++)
		rc |= tally(b, ECO_BY_RESPONSABLE,
		    key(p->actions[i].responsable),
		    &p->actions[i], i);
	if (b->nby[ECO_BY_RESPONSABLE])
		qsort(b->by[ECO_BY_RESPONSABLE], b->nby[ECO_BY_RESPONSABLE],
		    sizeof *b->by[ECO_BY_RESPONSABLE], by_key);
	return rc ? -1 : 0;
}

/* Line l into total x: its amount, by its funding state. */
static void
fund(struct eco_total *x, const struct eco_budget_line *l)
{
	if (!l->has_amount)
		return;
	x->cents += l->cents;
	x->funding[eco_funding_of(l->statut)] += l->cents;
}

/* The plan's funders, then those only its lines name, then "" for the
 * lines without one. */
static int
by_funder(struct eco_budget *b, const struct eco_plan *p)
{
	const struct eco_budget_line *l;
	size_t i, j, none = 0;
	long t;

	for (i = 0; i < p->nbailleurs; i++)
		if (slot(b, ECO_BY_BAILLEUR, key(p->bailleurs[i].id)) < 0)
			return -1;
	for (i = 0; i < p->nactions; i++)
		for (j = 0; j < p->actions[i].nbudget; j++) {
			l = &p->actions[i].budget[j];
			if (!l->bailleur) {
				none++;
				continue;
			}
			if ((t = slot(b, ECO_BY_BAILLEUR, l->bailleur)) < 0)
				return -1;
			fund(&b->by[ECO_BY_BAILLEUR][t], l);
		}
	if (none && (t = slot(b, ECO_BY_BAILLEUR, "")) < 0)
		return -1;
	for (i = 0; none && i < p->nactions; i++)
		for (j = 0; j < p->actions[i].nbudget; j++)
			if (!(l = &p->actions[i].budget[j])->bailleur)
				fund(&b->by[ECO_BY_BAILLEUR][t], l);
	return 0;
}

const char *
eco_budget_apport(const struct eco_action_view *a, const char *org)
{
	const struct eco_node *c = eco_map_seq(a->v.node, "contributions");
	const char *o;
	size_t i;

	for (i = 0; c && org && i < c->len; i++)
		if ((o = eco_map_str(c->u.items[i], "organisme")) &&
		    strcmp(o, org) == 0)
			return eco_map_str(c->u.items[i], "apport");
	return NULL;
}

int
eco_budget_role(const struct eco_action_view *a, const char *org)
{
	if (!org)
		return 0;
	if (a->responsable && strcmp(a->responsable, org) == 0)
		return 1;
	return eco_action_has_partner(a, org) ||
	    eco_budget_apport(a, org) ? 2 : 0;
}

/* Organisation org's part in action i, once per action. */
static int
take_part(struct eco_budget *b, const struct eco_plan *p, size_t i,
    const char *org, size_t *seen)
{
	long t = slot(b, ECO_BY_ORGANISME, org);
	struct eco_total *x;

	if (t < 0)
		return -1;
	x = &b->by[ECO_BY_ORGANISME][t];
	if (seen[t] == i + 1)
		return 0;
	seen[t] = i + 1;
	if (eco_budget_role(&p->actions[i], org) == 1) {
		x->nlead++;
		x->cents += b->actions[i];
	} else
		x->npartner++;
	return 0;
}

/* Every organisation with a part in an action, by id. */
static int
by_organisation(struct eco_budget *b, const struct eco_plan *p)
{
	size_t i, k, cap = 0, *seen;
	const struct eco_node *c;
	const char *o;
	int rc = 0;

	for (i = 0; i < p->nactions; i++) {
		c = eco_map_seq(p->actions[i].v.node, "contributions");
		cap += 1 + p->actions[i].npartenaires + (c ? c->len : 0);
	}
	if (!(seen = calloc(cap + 1, sizeof *seen)))
		return -1;
	for (i = 0; i < p->nactions && !rc; i++) {
		const struct eco_action_view *a = &p->actions[i];

		c = eco_map_seq(a->v.node, "contributions");
		if (a->responsable)
			rc |= take_part(b, p, i, a->responsable, seen);
		for (k = 0; k < a->npartenaires; k++)
			rc |= take_part(b, p, i, a->partenaires[k], seen);
		for (k = 0; c && k < c->len; k++)
			if ((o = eco_map_str(c->u.items[k], "organisme")))
				rc |= take_part(b, p, i, o, seen);
	}
	free(seen);
	if (b->nby[ECO_BY_ORGANISME])
		qsort(b->by[ECO_BY_ORGANISME], b->nby[ECO_BY_ORGANISME],
		    sizeof *b->by[ECO_BY_ORGANISME], by_key);
	return rc ? -1 : 0;
}

/* Whether element i of p (its indicators, then its actions) is in
 * objective obj, system s. */
static int
in_place(const struct eco_plan *p, size_t i, const char *obj, int s)
{
	const struct eco_indicateur_view *x = i < p->nindicateurs ?
	    &p->indicateurs[i] : NULL;
	const struct eco_action_view *a = x ? NULL :
	    &p->actions[i - p->nindicateurs];

	return strcmp(key(x ? x->objectif : a->objectif), obj) == 0 &&
	    eco_systeme_index(x ? x->systeme : a->systeme) == s;
}

/* Objective obj's system s, when it has a transformation, an indicator
 * or an action: its id and libelle, its own or its elements'. */
static int
place(struct eco_budget *b, const struct eco_plan *p, const char *obj, int s)
{
	const struct eco_transformation_view *t =
	    eco_plan_transformation(p, *obj ? obj : NULL, eco_systemes[s]);
	struct eco_total x = { t ? t->id : NULL, t ? t->libelle : NULL, 0,
	    { 0 }, 0, 0, obj, s };
	size_t i, ni = p->nindicateurs;
	int any = t != NULL;
	struct eco_total *v;

	for (i = 0; i < ni + p->nactions; i++) {
		const struct eco_indicateur_view *e = i < ni ?
		    &p->indicateurs[i] : NULL;
		const struct eco_action_view *a = e ? NULL :
		    &p->actions[i - ni];

		if (!in_place(p, i, obj, s))
			continue;
		any = 1;
		if (!x.name)
			x.name = e ? e->transformation_libelle :
			    a->transformation_libelle;
		if (!x.key)
			x.key = e ? e->transformation : a->transformation;
		x.cents += a ? b->actions[i - ni] : 0;
	}
	if (!any)
		return 0;
	x.key = key(x.key);
	if (!(v = realloc(b->by[ECO_BY_TRANSFORMATION],
	    (b->nby[ECO_BY_TRANSFORMATION] + 1) * sizeof *v)))
		return -1;
	b->by[ECO_BY_TRANSFORMATION] = v;
	v[b->nby[ECO_BY_TRANSFORMATION]++] = x;
	return 0;
}

static int
by_transformation(struct eco_budget *b, const struct eco_plan *p)
{
	size_t o;
	int s;

	for (o = 0; o < b->nby[ECO_BY_OBJECTIF]; o++)
		for (s = 0; s < ECO_NSYS; s++)
			if (place(b, p, b->by[ECO_BY_OBJECTIF][o].key, s) < 0)
				return -1;
	return 0;
}

/* The first and last years of the dated actions; 0 when none is. */
static int
years(const struct eco_plan *p, int *y0, int *y1)
{
	int m, d, a, z;
	size_t i;

	*y0 = INT_MAX;
	*y1 = INT_MIN;
	for (i = 0; i < p->nactions; i++) {
		const struct eco_action_view *v = &p->actions[i];

		if (!v->debut_eff || !v->fin_eff ||
		    strcmp(v->fin_eff, v->debut_eff) < 0 ||
		    eco_date_ymd(v->debut_eff, &a, &m, &d) < 0 ||
		    eco_date_ymd(v->fin_eff, &z, &m, &d) < 0)
			continue;
		if (a < *y0)
			*y0 = a;
		if (z > *y1)
			*y1 = z;
	}
	return *y1 >= *y0 && *y1 - *y0 < YEARS_MAX;
}

/* Each year from the first to the last, then "" for the actions
 * without dates. */
static int
by_year(struct eco_budget *b, const struct eco_plan *p)
{
	long long *part = NULL;
	int y0, y1, y, n, k, rc = 0;
	size_t i, span = 0;

	if (years(p, &y0, &y1)) {
		span = (size_t)(y1 - y0 + 1);
		if (!(b->years = calloc(span, 8)) ||
		    !(part = calloc(span, sizeof *part)))
			return -1;
		for (y = y0; y <= y1; y++) {
			snprintf(b->years + 8 * (y - y0), 8, "%d", y);
			rc |= slot(b, ECO_BY_ANNEE,
			    b->years + 8 * (y - y0)) < 0;
		}
	}
	for (i = 0; i < p->nactions && !rc; i++) {
		const struct eco_action_view *a = &p->actions[i];

		n = part ? eco_money_split_years(b->actions[i], a->debut_eff,
		    a->fin_eff, part, span) : -1;
		if (n < 0 || !a->debut_eff || !a->fin_eff) {
			rc |= tally(b, ECO_BY_ANNEE, "", NULL, i);
			continue;
		}
		/* the years' totals are the first, from y0 on */
		for (k = 0; k < n; k++)
			b->by[ECO_BY_ANNEE][atoi(a->debut_eff) - y0 + k].cents
			    += part[k];
	}
	free(part);
	return rc ? -1 : 0;
}

/* The plan's period, else from the first start to the last end of its
 * actions. */
static void
span(struct eco_budget *b, const struct eco_plan *p)
{
	size_t i;

	b->debut = p->debut;
	b->fin = p->fin;
	for (i = 0; i < p->nactions; i++) {
		const struct eco_action_view *a = &p->actions[i];

		if (!p->debut && a->debut_eff &&
		    (!b->debut || strcmp(a->debut_eff, b->debut) < 0))
			b->debut = a->debut_eff;
		if (!p->fin && a->fin_eff &&
		    (!b->fin || strcmp(a->fin_eff, b->fin) > 0))
			b->fin = a->fin_eff;
	}
}

const char *
eco_budget_funder_type(const char *type)
{
	static const char *const v[][2] = {
		{ "public", N_("public") }, { "municipal", N_("municipal") },
		{ "philanthropique", N_("philanthropic") },
		{ "prive", N_("private") }, { "autre", N_("other") },
	};
	size_t i;

	for (i = 0; type && i < sizeof v / sizeof *v; i++)
		if (strcmp(type, v[i][0]) == 0)
			return _(v[i][1]);
	return type;
}

/* What people call each key: the objective's libelle, the system, the
 * organisation's or funder's name, the year; what stands for none. */
static void
names(struct eco_budget *b, const struct eco_plan *p, struct eco_project *pr)
{
	static const char *const none[ECO_NBY] = {
		N_("(no id)"), NULL, N_("(no lead organisation)"),
		N_("(no funder)"), N_("(no dates)"), NULL, NULL
	};
	const struct eco_objectif_view *o;
	const struct eco_bailleur_view *f;
	struct eco_total *x;
	size_t i;
	int k;

	for (k = 0; k < ECO_BY_TRANSFORMATION; k++)
		for (i = 0; i < b->nby[k]; i++) {
			if (!*(x = &b->by[k][i])->key)
				x->name = none[k] ? _(none[k]) : NULL;
			else if (k == ECO_BY_OBJECTIF)
				x->name = (o = eco_plan_objectif(p, x->key)) ?
				    o->libelle : NULL;
			else if (k == ECO_BY_SYSTEME)
				x->name = eco_systeme_label(x->key);
			else if (k == ECO_BY_ANNEE)
				x->name = x->key;
			else if (k == ECO_BY_BAILLEUR &&
			    (f = eco_plan_bailleur(p, x->key)) && f->nom)
				x->name = f->nom;
			else if (pr)
				x->name = eco_project_title(pr, k ==
				    ECO_BY_BAILLEUR ? "bailleur" : "organisme",
				    x->key);
		}
}

/* An action in the timeline: by start, then end, then plan order. */
struct when {
	const char *debut, *fin;
	size_t i;
};

static int
by_dates(const void *x, const void *y)
{
	const struct when *a = x, *b = y;
	int c = strcmp(key(a->debut), key(b->debut));

	if (c == 0)
		c = strcmp(key(a->fin), key(b->fin));
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

static int
dated(struct eco_budget *b, const struct eco_plan *p)
{
	struct when *w = calloc(p->nactions + 1, sizeof *w);
	size_t i;

	if (!w || !(b->dated = calloc(p->nactions + 1, sizeof *b->dated))) {
		free(w);
		return -1;
	}
	for (i = 0; i < p->nactions; i++) {
		w[i].debut = p->actions[i].debut_eff;
		w[i].fin = p->actions[i].fin_eff;
		w[i].i = i;
	}
	qsort(w, p->nactions, sizeof *w, by_dates);
	for (i = 0; i < p->nactions; i++)
		b->dated[i] = w[i].i;
	free(w);
	return 0;
}

struct eco_budget *
eco_budget_new(const struct eco_plan *p, struct eco_project *pr,
    struct eco_diags *d)
{
	struct eco_budget *b = calloc(1, sizeof *b);

	if (!b || !(b->actions = calloc(p->nactions + 1, sizeof *b->actions)))
		goto oom;
	if (count(b, p, d) < 0) {
		eco_budget_free(b);
		return NULL;
	}
	span(b, p);
	if (by_objective(b, p) < 0 || by_system(b, p) < 0 ||
	    by_lead(b, p) < 0 || by_funder(b, p) < 0 || by_year(b, p) < 0 ||
	    by_organisation(b, p) < 0 || by_transformation(b, p) < 0 ||
	    dated(b, p) < 0)
		goto oom;
	names(b, p, pr);
	return b;
oom:
	eco_budget_free(b);
	eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	return NULL;
}

void
eco_budget_free(struct eco_budget *b)
{
	int i;

	if (!b)
		return;
	for (i = 0; i < ECO_NBY; i++)
		free(b->by[i]);
	free(b->actions);
	free(b->dated);
	free(b->years);
	free(b);
}

const struct eco_total *
eco_budget_total(const struct eco_budget *b, enum eco_budget_by by,
    const char *k)
{
	size_t i;

	for (i = 0; i < b->nby[by]; i++)
		if (strcmp(b->by[by][i].key, key(k)) == 0)
			return &b->by[by][i];
	return NULL;
}
