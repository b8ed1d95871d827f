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
#include <stdarg.h>
#include <stdio.h>
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

static void missing(const struct eco_action_view *,
    const struct eco_doc *const *, size_t, const char *,
    struct eco_suivi_state *);

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
	/* an evaluation's abandonment holds until a later follow-up */
	if (a->arret && strcmp(a->arret, au) <= 0 &&
	    (!st->dernier || strcmp(st->dernier, a->arret) <= 0))
		st->statut = "abandonnee";
	st->etat = etat_of(st->statut);
	if (st->etat == ECO_ETAT_PREVUE || st->etat == ECO_ETAT_EN_COURS) {
		st->late = fin && strcmp(au, fin) > 0;
		if (st->late)
			st->etat = ECO_ETAT_EN_RETARD;
	}
	missing(a, suivis, n, au, st);
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
    const char *au, const struct eco_node **root, struct eco_diags *d)
{
	static const char *const kinds[] = { "plan", "suivi", "evaluation",
	    "facteur", NULL };
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
	if (!g.oom && !d->nerr && au) {
		v = eco_project_docs(pr, "evaluation", &n);
		g.oom = eco_evaluation_apply(g.plan, v, v ? n : 0, au) < 0;
	}
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

/*
 * The follow-ups of one action on a day: which calendar date each one
 * answers, which dates none answers, what it spent and whom it reached,
 * its adjustments.  A follow-up dated after the day is not received yet.
 */

static int
of_action(const struct eco_node *r, const char *action, const char *au)
{
	const char *a = eco_map_str(r, "action"), *date = eco_map_date(r,
	    "date"), *k = eco_map_str(r, "kind");

	return k && strcmp(k, "suivi") == 0 && a && action &&
	    strcmp(a, action) == 0 && date &&
	    (!au || strcmp(date, au) <= 0);
}

const char *
eco_suivi_answers(const struct eco_action_view *a, const struct eco_node *s)
{
	const char *e = eco_map_date(s, "echeance"), *date = eco_map_date(s,
	    "date"), *best = NULL;
	size_t k;

	if (e) {
		for (k = 0; k < a->ncalendrier; k++)
			if (strcmp(a->calendrier[k], e) == 0)
				return a->calendrier[k];
		return NULL;
	}
	for (k = 0; date && k < a->ncalendrier; k++)
		if (strcmp(a->calendrier[k], date) <= 0)
			best = a->calendrier[k];
	return best ? best : a->ncalendrier && date ? a->calendrier[0] : NULL;
}

/* The date from which no follow-up is due: that of the first follow-up
 * on or before au that says the action is done or abandoned; or NULL. */
static const char *
closed_on(const struct eco_action_view *a, const struct eco_doc *const *v,
    size_t n, const char *au)
{
	const char *best = NULL, *st, *date;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct eco_node *r = v[i]->root;

		if (!of_action(r, a->id, au) || !(st = eco_map_str(r, "statut")))
			continue;
		date = eco_map_date(r, "date");
		if ((strcmp(st, "realisee") == 0 ||
		    strcmp(st, "abandonnee") == 0) &&
		    (!best || strcmp(date, best) < 0))
			best = date;
	}
	return best;
}

/* The follow-up that answers date for action a, the explicit ones
 * (echeance) first, else the last read; or NULL. */
static const struct eco_node *
answer(const struct eco_action_view *a, const char *date,
    const struct eco_doc *const *v, size_t n, const char *au)
{
	const struct eco_node *best = NULL, *r;
	int bexp = 0, exp;
	size_t i;

	for (i = 0; i < n; i++) {
		r = v[i]->root;
		if (!of_action(r, a->id, au) ||
		    !(date == eco_suivi_answers(a, r)))
			continue;
		exp = eco_map_date(r, "echeance") != NULL;
		if (!best || exp >= bexp) {
			best = r;
			bexp = exp;
		}
	}
	return best;
}

size_t
eco_suivi_action_dues(const struct eco_action_view *a,
    const struct eco_doc *const *v, size_t n, const char *au,
    struct eco_due *out, size_t cap)
{
	const char *closed = closed_on(a, v, n, au);
	size_t k, m = 0;

	for (k = 0; k < a->ncalendrier; k++) {
		const char *d = a->calendrier[k];

		if (au && strcmp(d, au) > 0)
			break;
		if (closed && strcmp(d, closed) > 0)
			break;
		if (m < cap) {
			out[m].action = 0;
			out[m].date = d;
			out[m].suivi = answer(a, d, v, n, au);
			out[m].late = au ? eco_date_days(au) -
			    eco_date_days(d) : 0;
		}
		m++;
	}
	return m;
}

struct eco_due *
eco_suivi_dues(const struct eco_plan *p, const struct eco_doc *const *v,
    size_t n, const char *au, size_t *nout)
{
	struct eco_due *out = NULL, *w;
	size_t i, m, total = 0, cap = 0;

	for (i = 0; i < p->nactions; i++)
		cap += p->actions[i].ncalendrier;
	*nout = 0;
	if (!cap)
		return NULL;
	if (!(out = calloc(cap, sizeof *out))) {
		*nout = (size_t)-1;
		return NULL;
	}
	for (i = 0; i < p->nactions; i++) {
		w = out + total;
		m = eco_suivi_action_dues(&p->actions[i], v, n, au, w,
		    cap - total);
		total += m;
		while (m--)
			w[m].action = i;
	}
	if (!total) {
		free(out);
		return NULL;
	}
	*nout = total;
	return out;
}

/* Adjustments. */

static const char *const ajust_codes[ECO_NAJUST] = {
	"propose", "adopte", "applique", "ecarte"
};

const char *
eco_ajust_code(enum eco_ajust e)
{
	return ajust_codes[e];
}

const char *
eco_ajust_label(enum eco_ajust e, size_t n)
{
	switch (e) {
	case ECO_AJ_PROPOSE:
		return dngettext(ECO_DOMAIN, "proposed", "proposed", n);
	case ECO_AJ_ADOPTE:
		return dngettext(ECO_DOMAIN, "adopted", "adopted", n);
	case ECO_AJ_APPLIQUE:
		return dngettext(ECO_DOMAIN, "applied", "applied", n);
	case ECO_AJ_ECARTE:
		return dngettext(ECO_DOMAIN, "set aside", "set aside", n);
	}
	return "?";
}

static enum eco_ajust
ajust_of(const struct eco_node *item, const char **text)
{
	const char *e;
	size_t k;

	if (item->type == ECO_STR) {
		*text = item->s;
		return ECO_AJ_PROPOSE;
	}
	*text = eco_map_str(item, "ajustement");
	e = eco_map_str(item, "etat");
	for (k = 0; e && k < ECO_NAJUST; k++)
		if (strcmp(e, ajust_codes[k]) == 0)
			return (enum eco_ajust)k;
	return ECO_AJ_PROPOSE;
}

static int
same_text(const char *a, const char *b)
{
	char fa[512], fb[512];

	return strcmp(eco_text_fold(a, fa, sizeof fa),
	    eco_text_fold(b, fb, sizeof fb)) == 0;
}

/* Follow-ups of action a on or before au, in date order (stable). */
static size_t
sorted(const struct eco_action_view *a, const struct eco_doc *const *v,
    size_t n, const char *au, const struct eco_node **out)
{
	size_t i, j, m = 0;

	for (i = 0; i < n; i++) {
		const struct eco_node *r = v[i]->root;

		if (!of_action(r, a->id, au))
			continue;
		for (j = m; j > 0 && strcmp(eco_map_date(out[j - 1], "date"),
		    eco_map_date(r, "date")) > 0; j--)
			out[j] = out[j - 1];
		out[j] = r;
		m++;
	}
	return m;
}

/* The first calendar date of a after day, or NULL. */
static const char *
next_date(const struct eco_action_view *a, const char *day)
{
	size_t k;

	for (k = 0; k < a->ncalendrier; k++)
		if (strcmp(a->calendrier[k], day) > 0)
			return a->calendrier[k];
	return NULL;
}

static int
ajust_add(struct eco_ajustement **v, size_t *n, size_t *cap,
    const struct eco_ajustement *x)
{
	struct eco_ajustement *w;

	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 8;
		if (!(w = realloc(*v, *cap * sizeof *w)))
			return -1;
		*v = w;
	}
	(*v)[(*n)++] = *x;
	return 0;
}

/* The adjustments of action i, merged by their text into v. */
static int
action_ajusts(const struct eco_plan *p, size_t i,
    const struct eco_doc *const *docs, size_t n, const char *au,
    struct eco_ajustement **v, size_t *nv, size_t *cap)
{
	const struct eco_action_view *a = &p->actions[i];
	const struct eco_node **s = n ? calloc(n, sizeof *s) : NULL;
	size_t m, j, k, q, first = *nv;
	const char *text, *nd;

	if (n && !s)
		return -1;
	m = sorted(a, docs, n, au, s);
	for (j = 0; j < m; j++) {
		const struct eco_node *seq = eco_map_seq(s[j], "ajustements");

		for (k = 0; seq && k < seq->len; k++) {
			enum eco_ajust e = ajust_of(seq->u.items[k], &text);
			struct eco_ajustement x = { i, text, e, seq->u.items[k],
			    s[j], eco_map_date(s[j], "date"), NULL, NULL, 0 };

			if (!text)
				continue;
			for (q = first; q < *nv; q++)
				if (same_text((*v)[q].texte, text))
					break;
			/* the date of a decision, else of its follow-up */
			if (!(x.depuis = eco_map_date(x.item, "date")))
				x.depuis = x.propose_le;
			if (q < *nv) {
				(*v)[q].etat = e;
				(*v)[q].depuis = x.depuis;
				(*v)[q].dernier = x.item;
				continue;
			}
			x.dernier = x.item;
			if (ajust_add(v, nv, cap, &x) < 0) {
				free(s);
				return -1;
			}
		}
	}
	for (q = first; q < *nv; q++) {
		nd = next_date(a, (*v)[q].propose_le);
		(*v)[q].stale = (*v)[q].etat == ECO_AJ_PROPOSE && nd && au &&
		    strcmp(nd, au) <= 0;
	}
	free(s);
	return 0;
}

struct eco_ajustement *
eco_suivi_ajustements(const struct eco_plan *p,
    const struct eco_doc *const *docs, size_t n, const char *au,
    size_t *nout)
{
	struct eco_ajustement *v = NULL;
	size_t i, cap = 0;

	*nout = 0;
	for (i = 0; i < p->nactions; i++)
		if (action_ajusts(p, i, docs, n, au, &v, nout, &cap) < 0) {
			free(v);
			*nout = (size_t)-1;
			return NULL;
		}
	if (!*nout) {
		free(v);
		return NULL;
	}
	return v;
}

/* What was done against what was planned. */

/* The participation key that counts like the plan's participants_prevus
 * for the action's clientele, when it has one group; else NULL. */
static const char *
plan_unit(const struct eco_action_view *a)
{
	static const struct { const char *clientele, *key; } map[] = {
		{ "enfants-0-2", "enfants" }, { "enfants-3-5", "enfants" },
		{ "femmes-enceintes", "parents" }, { "parents", "parents" },
		{ "familles", "familles" }, { "intervenants", "intervenants" },
		{ "communaute", "autres" },
	};
	const struct eco_node *c = eco_map_seq(a->v.node, "clientele");
	const char *key = NULL, *k;
	size_t i, j;

	for (i = 0; c && i < c->len; i++) {
		for (k = NULL, j = 0; j < sizeof map / sizeof *map; j++)
			if (c->u.items[i]->type == ECO_STR &&
			    strcmp(c->u.items[i]->s, map[j].clientele) == 0)
				k = map[j].key;
		if (!k || (key && strcmp(key, k) != 0))
			return NULL;
		key = k;
	}
	return key;
}

static long long
count_of(const struct eco_node *m, const char *key)
{
	const struct eco_node *v = eco_map_get(m, key);

	return v && v->type == ECO_INT && !(v->flags & ECO_F_BIG) &&
	    v->u.i >= 0 ? v->u.i : -1;
}

static void
reach(long long *best, long long v)
{
	if (v > *best)
		*best = v;
}

void
eco_suivi_bilan(const struct eco_action_view *a,
    const struct eco_doc *const *v, size_t n, const char *au,
    struct eco_bilan *b)
{
	const struct eco_node *r, *part, *seq;
	long long c;
	size_t i, k;

	memset(b, 0, sizeof *b);
	b->prevu = a->budget_cents;
	b->prevus = count_of(a->v.node, "participants_prevus");
	b->unite = plan_unit(a);
	for (k = 0; k < ECO_NREACH; k++)
		b->rejoints[k] = -1;
	for (i = 0; i < n; i++) {
		r = v[i]->root;
		if (!of_action(r, a->id, au))
			continue;
		b->nsuivis++;
		if (eco_map_get(r, "depenses") &&
		    eco_money_node(eco_map_get(r, "depenses"), &c) == 0)
			b->depense += c;
		part = eco_map_mapping(r, "participation");
		for (k = 0; part && k < ECO_NREACH; k++)
			reach(&b->rejoints[k], count_of(part,
			    eco_reach_keys[k]));
		if ((seq = eco_map_seq(r, "realisations")))
			b->realisees += seq->len;
		if ((seq = eco_map_seq(r, "activites_prevues")))
			b->prevues += seq->len;
	}
	b->atteints = b->rejoints[ECO_REACH_PLAN];
	for (k = 0; b->atteints < 0 && b->unite && k < ECO_NREACH; k++)
		if (strcmp(eco_reach_keys[k], b->unite) == 0)
			b->atteints = b->rejoints[k];
}

const char *const eco_reach_keys[ECO_NREACH] = {
	"rejoints", "enfants", "parents", "familles", "intervenants", "autres"
};

/* The follow-ups of a that are missing on au, and what it spent. */
static void
missing(const struct eco_action_view *a, const struct eco_doc *const *v,
    size_t n, const char *au, struct eco_suivi_state *st)
{
	struct eco_due due[64];
	struct eco_bilan b;
	size_t m, k;

	m = eco_suivi_action_dues(a, v, n, au, due, 64);
	for (k = 0; k < m && k < 64; k++)
		if (!due[k].suivi) {
			st->manquants++;
			if (!st->manquant)
				st->manquant = due[k].date;
		}
	eco_suivi_bilan(a, v, n, au, &b);
	st->depense = b.depense;
	st->nsuivis = b.nsuivis;
}

/* A follow-up against the plan it follows. */

static void
at(struct eco_diags *d, const char *file, const struct eco_node *n,
    enum eco_sev sev, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	eco_diag_vadd(d, file, n ? n->line : 0, n ? n->col : 0, sev, "suivi",
	    fmt, ap);
	va_end(ap);
}

const struct eco_action_view *
eco_suivi_action(const struct eco_plan *p, const char *id)
{
	size_t i;

	for (i = 0; id && i < p->nactions; i++)
		if (p->actions[i].id && strcmp(p->actions[i].id, id) == 0)
			return &p->actions[i];
	return NULL;
}

/* The dates of a's calendar, "2027-01-15, 2027-06-01", in buf. */
static const char *
dates_of(const struct eco_action_view *a, char *buf, size_t cap)
{
	size_t k, len = 0;

	*buf = 0;
	for (k = 0; k < a->ncalendrier && len + 14 < cap; k++)
		len += (size_t)snprintf(buf + len, cap - len, "%s%s",
		    k ? ", " : "", a->calendrier[k]);
	return buf;
}

static void
check_dates(const struct eco_action_view *a, const struct eco_node *r,
    const char *file, const char *au, struct eco_diags *d)
{
	const struct eco_node *per = eco_map_mapping(r, "periode");
	const char *date = eco_map_date(r, "date");
	const char *e = eco_map_date(r, "echeance"), *deb, *fin;
	char buf[512];

	if (e && !eco_suivi_answers(a, r))
		at(d, file, eco_map_get(r, "echeance"), ECO_SEV_ERROR,
		    a->ncalendrier ? _("%s is not a date of the follow-up "
		    "calendar of « %s » (%s)") : _("%s: the action « %s » has "
		    "no follow-up calendar%s"), e, a->titre ? a->titre : a->id,
		    dates_of(a, buf, sizeof buf));
	if (date && au && strcmp(date, au) > 0)
		at(d, file, eco_map_get(r, "date"), ECO_SEV_ERROR,
		    _("the follow-up is dated %s, after the day of the report "
		    "(%s): a follow-up tells what was done"), date, au);
	deb = eco_map_date(per, "debut");
	fin = eco_map_date(per, "fin");
	if (deb && a->debut_eff && strcmp(deb, a->debut_eff) < 0)
		at(d, file, eco_map_get(per, "debut"), ECO_SEV_ERROR,
		    _("the period followed begins on %s, before the action "
		    "« %s » (%s)"), deb, a->titre ? a->titre : a->id,
		    a->debut_eff);
	if (fin && a->fin_eff && strcmp(fin, a->fin_eff) > 0)
		at(d, file, eco_map_get(per, "fin"), ECO_SEV_ERROR,
		    _("the period followed ends on %s, after the action "
		    "« %s » (%s)"), fin, a->titre ? a->titre : a->id,
		    a->fin_eff);
	if (fin && date && strcmp(fin, date) > 0)
		at(d, file, eco_map_get(per, "fin"), ECO_SEV_ERROR,
		    _("the period followed ends on %s, after the follow-up's "
		    "date (%s)"), fin, date);
}

size_t
eco_suivi_check(const struct eco_plan *p, const struct eco_doc *doc,
    const struct eco_doc *const *suivis, size_t n, const char *au,
    struct eco_diags *d)
{
	const struct eco_node *r = doc->root;
	const struct eco_action_view *a;
	const char *rap = eco_map_str(r, "rapporteur");
	size_t before = d->nerr;
	struct eco_bilan b;
	long long c = 0;
	char m1[ECO_MONEY_BUFSZ], m2[ECO_MONEY_BUFSZ];

	if (!(a = eco_suivi_action(p, eco_map_str(r, "action"))))
		return 0;	/* the reference check says it */
	check_dates(a, r, doc->file, au, d);
	if (rap && a->responsable && strcmp(rap, a->responsable) != 0 &&
	    !eco_action_has_partner(a, rap))
		at(d, doc->file, eco_map_get(r, "rapporteur"),
		    ECO_SEV_WARNING, _("« %s » neither leads nor joins the "
		    "action « %s »"), rap, a->titre ? a->titre : a->id);
	eco_suivi_bilan(a, suivis, n, au, &b);
	if (eco_map_get(r, "depenses") &&
	    eco_money_node(eco_map_get(r, "depenses"), &c) == 0 &&
	    b.prevu > 0 && b.depense + c > b.prevu)
		at(d, doc->file, eco_map_get(r, "depenses"), ECO_SEV_WARNING,
		    _("with this follow-up the action « %s » has spent %s, more "
		    "than its planned budget (%s)"), a->titre ? a->titre : a->id,
		    eco_money_format(b.depense + c, ECO_MONEY_PRINT, m1),
		    eco_money_format(b.prevu, ECO_MONEY_PRINT, m2));
	return d->nerr - before;
}

/* The follow-up sheet of an action for one date of its calendar. */

static int
fact(struct eco_suivi_facts *f, const char *label, struct eco_buf *b)
{
	if (b->oom)
		return -1;
	if (b->s && *b->s && f->n < ECO_NFACTS) {
		f->label[f->n] = label;
		f->value[f->n++] = eco_buf_take(b);
	}
	eco_buf_clear(b);
	return 0;
}

static const char *
org_name(struct eco_project *pr, const char *id)
{
	const char *t = id && pr ? eco_project_title(pr, "organisme", id) :
	    NULL;

	return t ? t : id ? id : _("(no lead organisation)");
}

int
eco_suivi_facts(struct eco_project *pr, const struct eco_plan *p,
    const struct eco_budget *bu, size_t i, const struct eco_doc *const *v,
    size_t n, const char *au, struct eco_suivi_facts *f)
{
	const struct eco_action_view *a = &p->actions[i];
	const struct eco_objectif_view *o = eco_plan_objectif(p, a->objectif);
	const struct eco_total *sy = eco_budget_total(bu, ECO_BY_SYSTEME,
	    a->systeme);
	struct eco_buf b = ECO_BUF_INIT;
	char m1[ECO_MONEY_BUFSZ], m2[ECO_MONEY_BUFSZ];
	struct eco_bilan bl;
	size_t k;
	int rc = 0;

	memset(f, 0, sizeof *f);
	eco_suivi_bilan(a, v, n, au, &bl);
	eco_buf_printf(&b, a->titre && a->id ? "%s (%s)" : "%s", a->titre ?
	    a->titre : a->id ? a->id : "", a->id);
	rc |= fact(f, _("Action"), &b);
	eco_buf_adds(&b, o && o->libelle ? o->libelle : a->objectif ?
	    a->objectif : "");
	rc |= fact(f, _("Objective"), &b);
	if (sy)
		eco_buf_printf(&b, "%s — %s", sy->name, a->transformation_libelle ?
		    a->transformation_libelle : "");
	rc |= fact(f, _("System and transformation"), &b);
	eco_buf_adds(&b, org_name(pr, a->responsable));
	rc |= fact(f, _("Lead"), &b);
	for (k = 0; k < a->npartenaires; k++)
		eco_buf_printf(&b, "%s%s", k ? ", " : "",
		    org_name(pr, a->partenaires[k]));
	rc |= fact(f, _("Partners"), &b);
	if (a->debut_eff && a->fin_eff)
		eco_buf_printf(&b, _("from %s to %s"), a->debut_eff, a->fin_eff);
	rc |= fact(f, _("Period of the action"), &b);
	eco_buf_printf(&b, _("%s; spent so far according to the follow-ups: "
	    "%s"), eco_money_format(bl.prevu, ECO_MONEY_PRINT, m1),
	    eco_money_format(bl.depense, ECO_MONEY_PRINT, m2));
	rc |= fact(f, _("Planned budget"), &b);
	if (bl.prevus >= 0 && bl.unite)
		eco_buf_printf(&b, _("%lld (%s)"), bl.prevus, bl.unite);
	else if (bl.prevus >= 0)
		eco_buf_printf(&b, "%lld", bl.prevus);
	rc |= fact(f, _("Planned reach"), &b);
	if (a->decision) {
		const struct eco_node *aj = eco_map_seq(a->decision_node,
		    "ajustements");

		eco_buf_printf(&b, _("%s on %s"), eco_decision_label(a->decision),
		    a->decision_le);
		for (k = 0; aj && k < aj->len; k++)
			if (aj->u.items[k]->type == ECO_STR)
				eco_buf_printf(&b, k ? _("; %s") : _(": %s"),
				    aj->u.items[k]->s);
	}
	rc |= fact(f, _("Decision of the evaluation"), &b);
	eco_buf_free(&b);
	return rc;
}

void
eco_suivi_facts_free(struct eco_suivi_facts *f)
{
	while (f->n)
		free(f->value[--f->n]);
}

char *
eco_suivi_sheet_id(const struct eco_action_view *a, const char *date,
    char *buf, size_t cap)
{
	const char *id = a->id ? a->id : "", *base = strncmp(id, "act-", 4) ?
	    id : id + 4;
	size_t k, same = 0;

	for (k = 0; k < a->ncalendrier; k++)
		same += strncmp(a->calendrier[k], date, 7) == 0;
	snprintf(buf, cap, "suivi-%s-%.*s", base, same > 1 ? 10 : 7, date);
	return buf;
}

/* From the day after the previous date of the calendar, or the
 * action's start. */
static const char *
period_start(const struct eco_action_view *a, const char *date, char *buf)
{
	const char *prev = NULL;
	size_t k;

	for (k = 0; k < a->ncalendrier; k++)
		if (strcmp(a->calendrier[k], date) < 0)
			prev = a->calendrier[k];
	if (prev && eco_date_add(prev, 1, buf))
		return buf;
	return a->debut_eff ? a->debut_eff : date;
}

/* key: value, as the worksheets write it. */
static int
kv(FILE *out, const char *key, const char *value)
{
	struct eco_doc *d = eco_doc_new("-");
	struct eco_node *m = d ? eco_node_map(d) : NULL;
	int rc;

	rc = !m || eco_map_put(d, m, key, eco_node_str(d, value)) ? -1 :
	    eco_sheet_yaml(out, m);
	eco_doc_free(d);
	return rc;
}

/* A comment wrapped at 78 columns, the next lines indented. */
static void
comment(FILE *out, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	fputs("# ", out);
	eco_wrap_write(out, buf, 2, 3, 78, "#");
}

static void
sheet_tail(FILE *out, const struct eco_action_view *a,
    const struct eco_ajustement *aj, size_t naj, size_t i)
{
	size_t k;

	comment(out, "%s", _("Your name."));
	fputs("# personne:\n", out);
	comment(out, "%s", _("What was done in the period, one line each."));
	fputs("# realisations:\n#   - \n", out);
	comment(out, "%s", _("People reached in the period; rejoints counts "
	    "them as the plan counts its planned reach."));
	fputs("# participation:\n#   rejoints: \n#   enfants: \n"
	    "#   parents: \n#   familles: \n", out);
	if (a->npartenaires)
		fputs("# partenaires_impliques:\n", out);
	for (k = 0; k < a->npartenaires; k++)
		fprintf(out, "#   - %s\n", a->partenaires[k] ?
		    a->partenaires[k] : "");
	comment(out, "%s", _("Money spent in the period, in dollars "
	    "(1250.50)."));
	fputs("# depenses: \n# ecarts: \n# facteurs_facilitants:\n#   - \n"
	    "# obstacles:\n#   - \n", out);
	comment(out, "%s", _("New adjustments as text; earlier ones with "
	    "their state: propose, adopte, applique or ecarte."));
	fputs("# ajustements:\n", out);
	for (k = 0; k < naj; k++) {
		const char *c;

		if (aj[k].action != i)
			continue;
		fputs("#   - {ajustement: \"", out);
		for (c = aj[k].texte; *c; c++)
			if (*c == '"' || *c == '\\')
				fprintf(out, "\\%c", *c);
			else
				fputc(*c == '\n' ? ' ' : *c, out);
		fprintf(out, "\", etat: %s}\n", eco_ajust_code(aj[k].etat));
	}
	fputs("#   - \n", out);
}

int
eco_suivi_sheet_yaml(FILE *out, struct eco_project *pr,
    const struct eco_plan *p, const struct eco_budget *bu, size_t i,
    const char *date, const struct eco_doc *const *v, size_t n,
    const char *au)
{
	const struct eco_action_view *a = &p->actions[i];
	struct eco_ajustement *aj;
	struct eco_suivi_facts f;
	char buf[128], day[ECO_DATE_BUFSZ];
	size_t k, naj;
	int rc = 0;

	if (eco_suivi_facts(pr, p, bu, i, v, n, au, &f) < 0 ||
	    (!(aj = eco_suivi_ajustements(p, v, n, au, &naj)) &&
	    naj == (size_t)-1)) {
		eco_suivi_facts_free(&f);
		return -1;
	}
	comment(out, _("Follow-up of the action (Outil 11), due on %s, to fill "
	    "by %s and send back to the group."), date,
	    org_name(pr, a->responsable));
	fputs("#\n", out);
	for (k = 0; k < f.n; k++)
		comment(out, _("%s: %s"), f.label[k], f.value[k]);
	for (k = 0; k < naj; k++)
		if (aj[k].action == i)
			comment(out, _("Adjustment noted on %s: %s (%s)"),
			    aj[k].propose_le, aj[k].texte,
			    eco_ajust_label(aj[k].etat, 1));
	fputs("#\n", out);
	comment(out, "%s", _("Fill the empty values; remove the « # » before "
	    "a key to fill it, leave the others as they are."));
	fputs("---\nkind: suivi\nversion: 1\n", out);
	rc |= kv(out, "id", eco_suivi_sheet_id(a, date, buf, sizeof buf));
	rc |= kv(out, "action", a->id ? a->id : "");
	rc |= kv(out, "echeance", date);
	comment(out, "%s", _("The day you fill this follow-up (AAAA-MM-JJ)."));
	fprintf(out, "date:\nperiode:\n  debut: %s\n  fin: %s\n",
	    period_start(a, date, day), date);
	comment(out, "%s", _("Where the action stands: a-venir, en-cours, "
	    "realisee, reportee or abandonnee."));
	fputs("statut:\n", out);
	if (a->responsable)
		rc |= kv(out, "rapporteur", a->responsable);
	sheet_tail(out, a, aj, naj, i);
	free(aj);
	eco_suivi_facts_free(&f);
	return rc || ferror(out) ? -1 : 0;
}

/* Totals of what was done against what was planned. */

static void
add_reach(long long *to, long long v)
{
	if (v >= 0)
		*to = *to < 0 ? v : *to + v;
}

static void
sum_init(struct eco_suivi_sum *s, const char *key, const char *name)
{
	size_t k;

	memset(s, 0, sizeof *s);
	s->key = key;
	s->name = name;
	s->prevus = s->atteints = -1;
	for (k = 0; k < ECO_NREACH; k++)
		s->rejoints[k] = -1;
}

/* Into s, an action's bilan; its money weighted by part/whole (a
 * funder's lines in its budget) when whole > 0. */
static void
sum_add(struct eco_suivi_sum *s, const struct eco_bilan *b, long long part,
    long long whole, const size_t *aj)
{
	size_t k;

	if (whole > 0) {
		s->prevu += part;
		s->depense += b->depense / whole * part +
		    b->depense % whole * part / whole;
	} else {
		s->prevu += b->prevu;
		s->depense += b->depense;
	}
	add_reach(&s->prevus, b->prevus);
	add_reach(&s->atteints, b->atteints);
	for (k = 0; k < ECO_NREACH; k++)
		add_reach(&s->rejoints[k], b->rejoints[k]);
	s->realisees += b->realisees;
	s->prevues += b->prevues;
	for (k = 0; k < ECO_NAJUST; k++)
		s->ajust[k] += aj[k];
}

/* The key of action a in totals by k. */
static const char *
key_of(const struct eco_action_view *a, enum eco_budget_by k)
{
	const char *s = k == ECO_BY_OBJECTIF ? a->objectif :
	    k == ECO_BY_SYSTEME ? a->systeme : a->responsable;

	return s ? s : "";
}

/* The cents of a's lines funded by key. */
static long long
funded(const struct eco_action_view *a, const char *key)
{
	long long c = 0;
	size_t l;

	for (l = 0; l < a->nbudget; l++)
		if (a->budget[l].has_amount && strcmp(a->budget[l].bailleur ?
		    a->budget[l].bailleur : "", key) == 0)
			c += a->budget[l].cents;
	return c;
}

static void
sums_fill(const struct eco_plan *p, const struct eco_budget *bu,
    enum eco_budget_by by, const struct eco_bilan *bl, size_t (*aj)[ECO_NAJUST],
    struct eco_suivi_sum *v, size_t nv)
{
	size_t i, j;
	long long part;

	for (i = 0; i < nv; i++) {
		if (by == ECO_NBY) {
			sum_init(&v[i], p->actions[i].id, p->actions[i].titre);
			sum_add(&v[i], &bl[i], 0, 0, aj[i]);
			continue;
		}
		sum_init(&v[i], bu->by[by][i].key, bu->by[by][i].name);
		for (j = 0; j < p->nactions; j++)
			if (by == ECO_BY_BAILLEUR) {
				if ((part = funded(&p->actions[j], v[i].key)))
					sum_add(&v[i], &bl[j], part,
					    p->actions[j].budget_cents, aj[j]);
			} else if (strcmp(key_of(&p->actions[j], by),
			    v[i].key) == 0)
				sum_add(&v[i], &bl[j], 0, 0, aj[j]);
	}
	sum_init(&v[nv], "", NULL);
	for (j = 0; j < p->nactions; j++)
		sum_add(&v[nv], &bl[j], 0, 0, aj[j]);
}

struct eco_suivi_sum *
eco_suivi_sums(const struct eco_plan *p, const struct eco_budget *bu,
    int k, const struct eco_doc *const *v, size_t n, const char *au,
    size_t *nout)
{
	enum eco_budget_by by = (enum eco_budget_by)k;
	size_t nv = by == ECO_NBY ? p->nactions : bu->nby[by], i, naj;
	struct eco_bilan *bl = calloc(p->nactions + 1, sizeof *bl);
	size_t (*aj)[ECO_NAJUST] = calloc(p->nactions + 1, sizeof *aj);
	struct eco_suivi_sum *out = calloc(nv + 1, sizeof *out);
	struct eco_ajustement *a = NULL;

	*nout = (size_t)-1;
	if (bl && aj && out && (a = eco_suivi_ajustements(p, v, n, au,
	    &naj), naj != (size_t)-1)) {
		for (i = 0; i < p->nactions; i++)
			eco_suivi_bilan(&p->actions[i], v, n, au, &bl[i]);
		for (i = 0; i < naj; i++)
			aj[a[i].action][a[i].etat]++;
		sums_fill(p, bu, by, bl, aj, out, nv);
		*nout = nv;
	} else {
		free(out);
		out = NULL;
	}
	free(a);
	free(aj);
	free(bl);
	return out;
}

/* Receiving sheets. */

static int
render(FILE *fp, const char *id, void *arg)
{
	const struct eco_node *root = arg;

	(void)id;
	fputs("---\n", fp);
	return eco_sheet_yaml(fp, root);
}

static int
render_new(FILE *fp, const char *id, void *arg)
{
	const struct eco_node *root = arg;

	fputs("# ", fp);
	fprintf(fp, _("Follow-ups of the action %s (Outil 11)."),
	    eco_map_str(root, "action"));
	fputc('\n', fp);
	return render(fp, id, arg);
}

struct receipt {
	struct eco_project *p;
	struct eco_plan *plan;
	const struct eco_doc *const *s;	/* the project's follow-ups */
	size_t ns;
	struct eco_diags *out;
};

/* The follow-up of the project with the id of root, or NULL. */
static const struct eco_doc *
known_id(const struct receipt *g, const struct eco_node *root)
{
	return eco_docs_with_id(g->s, g->ns, eco_map_str(root, "id"));
}

static const char *
home_of(const struct eco_node *root, char *buf, size_t cap)
{
	snprintf(buf, cap, "suivis/%s.yaml", eco_map_str(root, "action"));
	return buf;
}

/* Whether the project has a file rel. */
static int
has_file(const struct eco_project *p, const char *rel)
{
	size_t i;

	for (i = 0; i < eco_project_nfiles(p); i++)
		if (strcmp(eco_project_file(p, i)->rel, rel) == 0 &&
		    eco_project_file(p, i)->opened)
			return 1;
	return 0;
}

/* The diagnostics of d about file name (NULL: any), the errors only or
 * all, into out; the errors kept. */
static size_t
keep_about(const struct eco_diags *d, const char *name, int errors,
    struct eco_diags *out)
{
	return eco_diags_copy(d, name, errors, NULL, NULL, out);
}

/* Write doc into suivis/<action>.yaml; 0, or -1 (recorded in d). */
static int
write_one(struct receipt *g, const struct eco_doc *doc, int fresh,
    unsigned flags, struct eco_diags *d)
{
	struct eco_record rec = { .kind = "suivi", .arg = (void *)doc->root,
	    .flags = flags };
	char file[256];
	int rc;

	rec.file = home_of(doc->root, file, sizeof file);
	rec.render = fresh ? render_new : render;
	rc = fresh ? eco_project_create(g->p, &rec, d) :
	    eco_project_append(g->p, &rec, d);
	if (rc == 0 && !(flags & ECO_WRITE_DRY))
		eco_diag_add(g->out, doc->file, doc->root->line, doc->root->col,
		    ECO_SEV_NOTE, NULL, _("follow-up %s received into %s"),
		    eco_map_str(doc->root, "id"), rec.file);
	free(rec.text);
	return rc;
}

/* The sheet's documents known already: the same ones said, others with
 * a known id refused into d.  The number of new ones. */
static size_t
known(struct receipt *g, const struct eco_doc *const *v, size_t n,
    struct eco_diags *d)
{
	const struct eco_doc *k;
	size_t i, fresh = 0;

	for (i = 0; i < n; i++) {
		const struct eco_node *r = v[i]->root;

		if ((k = known_id(g, r)) && eco_node_equal(k->root, r))
			eco_diag_add(g->out, v[i]->file, r->line, r->col,
			    ECO_SEV_NOTE, NULL, _("follow-up %s already "
			    "received (%s): not written again"),
			    eco_map_str(r, "id"), k->file);
		else if (k)
			eco_diag_add(d, v[i]->file, r->line, r->col,
			    ECO_SEV_ERROR, "suivi", _("%s already holds a "
			    "different follow-up %s: to correct it, edit that "
			    "file"), k->file, eco_map_str(r, "id"));
		else
			fresh++;
	}
	return fresh;
}

/* Check the new documents of the sheet, then write them: a dry run
 * first, so that the sheet goes in whole or not at all.  The errors. */
static size_t
take_in(struct receipt *g, const char *file, const struct eco_doc *const *v,
    size_t n, const char *au, int dry, struct eco_diags *d)
{
	char buf[256];
	size_t i, errs;
	int pass, *isnew = calloc(n + 1, sizeof *isnew);

	if (!isnew)
		return 1;
	/* which files are new, before a dry run makes them seem there */
	for (i = 0; i < n; i++)
		isnew[i] = !has_file(g->p, home_of(v[i]->root, buf,
		    sizeof buf));
	eco_project_check(g->p, (const char *const[]){ "suivi", NULL }, d);
	if (!n && !d->nerr)
		eco_diag_add(d, file, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no follow-up in this sheet"));
	for (i = 0; i < n; i++)
		if (!known_id(g, v[i]->root))
			eco_suivi_check(g->plan, v[i], g->s, g->ns, au, d);
	/* what the check says of this sheet, named as the reader names it */
	if (strcmp(file, "-") == 0)
		file = "<stdin>";
	for (pass = 0; pass < 2 && !(errs = keep_about(d, file, pass,
	    g->out)); pass++) {
		eco_diags_clear(d);
		for (i = 0; i < n && !d->nerr; i++)
			if (!known_id(g, v[i]->root))
				write_one(g, v[i], isnew[i], pass ? 0 :
				    ECO_WRITE_DRY, d);
		if (d->nerr) {
			errs = keep_about(d, NULL, 1, g->out);
			break;
		}
		if (dry)
			break;
	}
	for (i = 0; dry && !errs && i < n; i++)
		if (!known_id(g, v[i]->root))
			eco_diag_add(g->out, v[i]->file, v[i]->root->line,
			    v[i]->root->col, ECO_SEV_NOTE, NULL, _("follow-up %s "
			    "checked: it would go into %s"), eco_map_str(v[i]->root,
			    "id"), home_of(v[i]->root, buf, sizeof buf));
	free(isnew);
	return errs;
}

int
eco_suivi_receive(const char *dir, char *file, const char *au, int dry,
    struct eco_diags *out)
{
	struct receipt g = { NULL, NULL, NULL, 0, out };
	const struct eco_node *root;
	const struct eco_doc *const *v;
	struct eco_diags d;
	size_t n = 0, errs = 0;
	int rc = -1;

	eco_diags_init(&d);
	if (!(g.p = eco_project_open(dir, out)) ||
	    !(g.plan = eco_suivi_plan(g.p, 0, NULL, au, &root, out)))
		goto done;
	g.s = eco_project_docs(g.p, "suivi", &g.ns);
	if (eco_project_inputs(g.p, 1, &file, &d) < 0 ||
	    !(v = eco_project_input_docs(g.p, &n)))
		errs = keep_about(&d, NULL, 0, out) + 1;
	else if (known(&g, v, n, &d) || d.nerr || !n)
		errs = take_in(&g, file, v, n, au, dry, &d);
	if (errs)
		eco_diag_add(out, strcmp(file, "-") ? file : "<stdin>", 0, 0,
		    ECO_SEV_NOTE, NULL, "%s",
		    _("sheet refused: it stays where it is, nothing was "
		    "written"));
	rc = errs ? 1 : 0;
done:
	eco_diags_free(&d);
	eco_plan_free(g.plan);
	eco_project_close(g.p);
	return rc;
}

size_t
eco_suivi_texts(const struct eco_action_view *a,
    const struct eco_doc *const *v, size_t n, const char *au,
    const char *key, const char **out, size_t cap)
{
	const struct eco_node **s = n ? calloc(n, sizeof *s) : NULL, *seq;
	size_t m, j, k, got = 0;

	if (n && !s)
		return (size_t)-1;
	m = sorted(a, v, n, au, s);
	for (j = 0; j < m; j++)
		for (k = 0; (seq = eco_map_seq(s[j], key)) && k < seq->len; k++)
			if (seq->u.items[k]->type == ECO_STR) {
				if (got < cap)
					out[got] = seq->u.items[k]->s;
				got++;
			}
	free(s);
	return got;
}

/* a before b: by lead (when by_lead), then date, then plan order. */
static int
due_before(const struct eco_plan *p, const struct eco_due *a,
    const struct eco_due *b, int by_lead)
{
	const char *ra = p->actions[a->action].responsable;
	const char *rb = p->actions[b->action].responsable;
	int c = by_lead ? strcmp(ra ? ra : "", rb ? rb : "") : 0;

	if (!c)
		c = strcmp(a->date, b->date);
	return c ? c < 0 : a->action < b->action;
}

struct eco_due *
eco_suivi_missing(const struct eco_plan *p, const struct eco_doc *const *v,
    size_t n, const char *au, const char *responsable, int by_lead,
    size_t *nout)
{
	struct eco_due *d = eco_suivi_dues(p, v, n, au, nout), x;
	size_t i, j, m = 0;

	for (i = 0; *nout != (size_t)-1 && i < *nout; i++) {
		const char *r = p->actions[d[i].action].responsable;

		if (d[i].suivi || (responsable && (!r ||
		    strcmp(r, responsable) != 0)))
			continue;
		x = d[i];
		for (j = m++; j > 0 && due_before(p, &x, &d[j - 1], by_lead);
		    j--)
			d[j] = d[j - 1];
		d[j] = x;
	}
	if (*nout != (size_t)-1)
		*nout = m;
	return d;
}
