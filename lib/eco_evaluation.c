/*
 * eco_evaluation.c - the evaluation of the plan (Outil 12): what the
 * indicators' measures say against their baseline and target, the
 * decisions on the actions and what they change, what the plan still has
 * to revise.
 *
 * An evaluation (a file of evaluations/) is dated; it covers an objective,
 * or one of its transformations (systeme).  Everything here is judged on
 * a day: only the evaluations dated on or before it count.  Documents
 * are read leniently, as the plan's views are: check them first
 * (eco_project_check), so that what is wrong is said where it is.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

const char *
eco_records_day(const struct eco_doc *const *docs, size_t n, char *buf)
{
	const char *d;
	size_t i;

	if (!eco_date_today(buf))
		return NULL;
	for (i = 0; i < n; i++)
		if ((d = eco_map_date(docs[i]->root, "date")) &&
		    strcmp(d, buf) > 0)
			snprintf(buf, ECO_DATE_BUFSZ, "%s", d);
	return buf;
}

/* Whether evaluation root is dated on or before au (NULL: any day);
 * its date in *date. */
static int
dated(const struct eco_node *root, const char *au, const char **date)
{
	*date = eco_map_date(root, "date");
	return *date && (!au || strcmp(*date, au) <= 0);
}

/* Whether evaluation root covers objective obj and system sys (NULL:
 * any): an evaluation without a system covers all three. */
static int
covers(const struct eco_node *root, const char *obj, const char *sys)
{
	const char *o = eco_map_str(root, "objectif");
	const char *s = eco_map_str(root, "systeme");

	return o && obj && strcmp(o, obj) == 0 &&
	    (!s || !sys || strcmp(s, sys) == 0);
}

const struct eco_doc *
eco_evaluation_latest(const struct eco_doc *const *ev, size_t n,
    const char *obj, const char *sys, const char *with, const char *au)
{
	const struct eco_doc *best = NULL;
	const char *date, *bdate = NULL, *s;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!dated(ev[i]->root, au, &date) ||
		    !covers(ev[i]->root, obj, NULL) ||
		    (with && !eco_map_get(ev[i]->root, with)))
			continue;
		/* the scope is the same: the objective, or that system */
		s = eco_map_str(ev[i]->root, "systeme");
		if ((s == NULL) != (sys == NULL) || (s && strcmp(s, sys) != 0))
			continue;
		if (!bdate || strcmp(date, bdate) >= 0) {
			best = ev[i];
			bdate = date;
		}
	}
	return best;
}

/* Results. */

static int
number(const struct eco_node *n, double *v)
{
	if (!n || (n->type != ECO_INT && n->type != ECO_FLOAT))
		return 0;
	*v = n->num;
	return 1;
}

static const char *const sens_codes[] = { "baisse", "maintien", "hausse" };
static const char *const lecture_codes[] = {
	"atteinte", "en-progres", "sans-changement", "en-recul"
};

const char *
eco_sens_code(enum eco_sens s)
{
	return s == ECO_SENS_INCONNU ? NULL : sens_codes[s + 1];
}

const char *
eco_sens_label(enum eco_sens s)
{
	switch (s) {
	case ECO_SENS_BAISSE: return _("down");
	case ECO_SENS_MAINTIEN: return _("keep");
	case ECO_SENS_HAUSSE: return _("up");
	default: return C_("aim", "not known");		/* le sens : inconnu */
	}
}

const char *
eco_lecture_code(enum eco_lecture l)
{
	return l == ECO_LECT_INCONNUE ? NULL : lecture_codes[l];
}

const char *
eco_lecture_label(enum eco_lecture l)
{
	switch (l) {
	case ECO_LECT_ATTEINTE: return _("reached");
	case ECO_LECT_PROGRES: return _("progressing");
	case ECO_LECT_STABLE: return _("no change");
	case ECO_LECT_RECUL: return _("going the wrong way");
	default: return C_("reading", "not known");	/* la lecture : inconnue */
	}
}

static enum eco_lecture
lecture_of(const char *code)
{
	size_t i;

	for (i = 0; code && i < sizeof lecture_codes / sizeof *lecture_codes;
	    i++)
		if (strcmp(code, lecture_codes[i]) == 0)
			return (enum eco_lecture)i;
	return ECO_LECT_INCONNUE;
}

static enum eco_sens
sens_of(const struct eco_indicateur_view *x, int *written)
{
	const char *s = eco_map_str(x->v.node, "sens");
	double b, t;
	size_t i;

	for (i = 0; s && i < 3; i++)
		if (strcmp(s, sens_codes[i]) == 0) {
			*written = 1;
			return (enum eco_sens)((int)i - 1);
		}
	*written = 0;
	if (!number(x->valeur_depart, &b) || !number(x->cible, &t))
		return ECO_SENS_INCONNU;
	return t > b ? ECO_SENS_HAUSSE : t < b ? ECO_SENS_BAISSE :
	    ECO_SENS_MAINTIEN;
}

/* How the latest measure of r reads, and its progress. */
static void
judge(struct eco_resultat *r)
{
	const struct eco_mesure *m = r->derniere;
	double l, b, t;
	int hasb;

	r->lecture = lecture_of(m->appreciation);
	if (!number(m->valeur, &l) || !number(r->x->cible, &t) ||
	    r->sens == ECO_SENS_INCONNU)
		return;
	hasb = number(r->x->valeur_depart, &b);
	if (hasb && t != b) {
		r->has_progres = 1;
		r->progres = lround((l - b) / (t - b) * 100.0);
	}
	if (r->sens == ECO_SENS_MAINTIEN)
		r->lecture = l == t ? ECO_LECT_ATTEINTE : ECO_LECT_RECUL;
	else if ((l - t) * r->sens >= 0)
		r->lecture = ECO_LECT_ATTEINTE;
	else if (hasb)
		r->lecture = (l - b) * r->sens > 0 ? ECO_LECT_PROGRES :
		    (l - b) * r->sens < 0 ? ECO_LECT_RECUL : ECO_LECT_STABLE;
}

static int
by_date(const void *a, const void *b)
{
	const struct eco_mesure *x = a, *y = b;
	int c = strcmp(x->date, y->date);

	/* qsort is not stable: the order read breaks ties */
	return c ? c : x->node->line != y->node->line ?
	    (x->node->line < y->node->line ? -1 : 1) :
	    strcmp(x->eval->file, y->eval->file);
}

/* The measures of ev on au of indicator id into out (NULL: count). */
static size_t
measures(const struct eco_doc *const *ev, size_t n, const char *au,
    const char *id, struct eco_mesure *out)
{
	const struct eco_node *list, *m;
	const char *date, *md, *ind;
	size_t i, j, k = 0;

	for (i = 0; id && i < n; i++) {
		if (!dated(ev[i]->root, au, &date) ||
		    !(list = eco_map_seq(ev[i]->root, "mesures")))
			continue;
		for (j = 0; j < list->len; j++) {
			m = list->u.items[j];
			md = eco_map_date(m, "date");
			md = md ? md : date;
			if (!(ind = eco_map_str(m, "indicateur")) ||
			    strcmp(ind, id) != 0 || !eco_map_get(m, "valeur") ||
			    (au && strcmp(md, au) > 0))
				continue;
			if (out) {
				out[k].node = m;
				out[k].eval = ev[i];
				out[k].date = md;
				out[k].valeur = eco_map_get(m, "valeur");
				out[k].appreciation = eco_map_str(m,
				    "appreciation");
			}
			k++;
		}
	}
	return k;
}

struct eco_resultats *
eco_resultats_new(const struct eco_plan *p, const struct eco_doc *const *ev,
    size_t n, const char *au)
{
	struct eco_resultats *rs = calloc(1, sizeof *rs);
	size_t i, total = 0;

	if (!rs)
		return NULL;
	for (i = 0; i < p->nindicateurs; i++)
		total += measures(ev, n, au, p->indicateurs[i].id, NULL);
	rs->v = calloc(p->nindicateurs + 1, sizeof *rs->v);
	rs->all = calloc(total + 1, sizeof *rs->all);
	if (!rs->v || !rs->all) {
		eco_resultats_free(rs);
		return NULL;
	}
	rs->n = p->nindicateurs;
	for (i = 0; i < p->nindicateurs; i++) {
		struct eco_resultat *r = &rs->v[i];
		struct eco_mesure *m = rs->all + rs->nall;

		r->x = &p->indicateurs[i];
		r->sens = sens_of(r->x, &r->sens_ecrit);
		r->lecture = ECO_LECT_INCONNUE;
		r->nmesures = measures(ev, n, au, r->x->id, m);
		qsort(m, r->nmesures, sizeof *m, by_date);
		r->mesures = m;
		rs->nall += r->nmesures;
		if (r->nmesures) {
			r->derniere = &m[r->nmesures - 1];
			judge(r);
		}
		r->echue = r->x->echeance_eff && au &&
		    strcmp(r->x->echeance_eff, au) < 0;
		r->en_retard = r->echue && !r->nmesures;
		r->manquee = r->echue && r->nmesures &&
		    r->lecture != ECO_LECT_ATTEINTE;
	}
	return rs;
}

void
eco_resultats_free(struct eco_resultats *rs)
{
	if (!rs)
		return;
	free(rs->v);
	free(rs->all);
	free(rs);
}

/* Decisions. */

const char *
eco_decision_label(const char *code)
{
	if (!code)
		return NULL;
	if (strcmp(code, "maintien") == 0)
		return _("maintained");
	if (strcmp(code, "adaptation") == 0)
		return _("adapted");
	if (strcmp(code, "abandon") == 0)
		return _("abandoned by decision");
	return code;
}

static int
decision_order(const void *a, const void *b)
{
	const struct eco_decision *x = a, *y = b;
	int c;

	if (x->action != y->action)
		return x->action < y->action ? -1 : 1;
	if ((c = strcmp(x->date, y->date)))
		return c;
	return x->node->line != y->node->line ?
	    (x->node->line < y->node->line ? -1 : 1) :
	    strcmp(x->eval->file, y->eval->file);
}

/* The index of the action id in p, or (size_t)-1. */
static size_t
action_index(const struct eco_plan *p, const char *id)
{
	size_t i;

	for (i = 0; id && i < p->nactions; i++)
		if (p->actions[i].id && strcmp(p->actions[i].id, id) == 0)
			return i;
	return (size_t)-1;
}

struct eco_decision *
eco_evaluation_decisions(const struct eco_plan *p,
    const struct eco_doc *const *ev, size_t n, const char *au, size_t *nout)
{
	struct eco_decision *out = NULL, *w;
	const struct eco_node *list, *e;
	const char *date, *what;
	size_t i, j, k, m = 0;

	*nout = 0;
	for (i = 0; i < n; i++)
		if (dated(ev[i]->root, au, &date) &&
		    (list = eco_map_seq(ev[i]->root, "decisions")))
			m += list->len;
	if (!m)
		return NULL;
	if (!(out = calloc(m, sizeof *out))) {
		*nout = (size_t)-1;
		return NULL;
	}
	for (i = 0, m = 0; i < n; i++) {
		if (!dated(ev[i]->root, au, &date) ||
		    !(list = eco_map_seq(ev[i]->root, "decisions")))
			continue;
		for (j = 0; j < list->len; j++) {
			e = list->u.items[j];
			k = action_index(p, eco_map_str(e, "action"));
			if (k == (size_t)-1 ||
			    !(what = eco_map_str(e, "decision")))
				continue;
			w = &out[m++];
			w->action = k;
			w->decision = what;
			w->date = date;
			w->node = e;
			w->eval = ev[i];
		}
	}
	if (!m) {
		free(out);
		return NULL;
	}
	qsort(out, m, sizeof *out, decision_order);
	for (i = 0; i < m; i++)
		out[i].latest = i + 1 == m || out[i + 1].action != out[i].action;
	*nout = m;
	return out;
}

int
eco_evaluation_apply(struct eco_plan *p, const struct eco_doc *const *ev,
    size_t n, const char *au)
{
	struct eco_decision *v;
	struct eco_action_view *a;
	size_t i, j, k, m;

	v = eco_evaluation_decisions(p, ev, n, au, &m);
	if (m == (size_t)-1)
		return -1;
	for (i = 0; i < m; i++) {
		if (!v[i].latest)
			continue;
		a = &p->actions[v[i].action];
		a->decision = v[i].decision;
		a->decision_le = v[i].date;
		a->decision_node = v[i].node;
		if (strcmp(v[i].decision, "abandon") != 0)
			continue;
		a->arret = v[i].date;
		/* the follow-ups of the days after it are no longer due */
		for (j = k = 0; j < a->ncalendrier; j++)
			if (strcmp(a->calendrier[j], a->arret) <= 0)
				a->calendrier[k++] = a->calendrier[j];
		a->ncalendrier = k;
	}
	free(v);
	return 0;
}

/* Revision. */

/* Whether the plan was revised on or after date. */
static int
revised_since(const struct eco_plan *p, const char *date)
{
	return p->revise_le && strcmp(p->revise_le, date) >= 0;
}

/* Whether a and b are the same text, case, accents and spaces aside. */
static int
same_text(const char *a, const char *b)
{
	char x[1024], y[1024];
	size_t i, j;

	if (!a || !b)
		return 0;
	eco_text_fold(a, x, sizeof x);
	eco_text_fold(b, y, sizeof y);
	for (i = j = 0; x[i] || y[j]; i++, j++) {
		while (x[i] == ' ' || x[i] == '\n' || x[i] == '.')
			i++;
		while (y[j] == ' ' || y[j] == '\n' || y[j] == '.')
			j++;
		if (x[i] != y[j])
			return 0;
		if (!x[i])
			break;
	}
	return 1;
}

/* The node to point at: the value of key in map, else map. */
static const struct eco_node *
at(const struct eco_node *map, const char *key)
{
	const struct eco_node *v = eco_map_get(map, key);

	return v ? v : map;
}

struct revision {
	const struct eco_plan *p;
	struct eco_diags *d;
	size_t n;
};

static void
edit(struct revision *rv, const char *file, const struct eco_node *n,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	eco_diag_vadd(rv->d, file, n ? n->line : 0, n ? n->col : 0,
	    ECO_SEV_WARNING, "evaluation", fmt, ap);
	va_end(ap);
	rv->n++;
}

static void
revise_action(struct revision *rv, const struct eco_action_view *a)
{
	const char *fin = a->fin_eff;

	if (!a->decision)
		return;
	if (a->arret) {
		if (fin && strcmp(fin, a->arret) > 0)
			edit(rv, a->v.file, at(a->v.node, "fin"), _("« %s » was "
			    "abandoned on %s, yet the plan runs it until %s: bring "
			    "its end back to that day and drop its follow-up "
			    "dates after it"), a->id, a->arret, fin);
		return;
	}
	if (strcmp(a->decision, "adaptation") == 0 &&
	    !revised_since(rv->p, a->decision_le))
		edit(rv, a->v.file, at(a->v.node, "titre"), _("« %s » was "
		    "adapted on %s and the plan has not been revised since: "
		    "write its adjustments into the action, then the day of "
		    "the revision (revise_le)"), a->id, a->decision_le);
}

/* The question key of the latest evaluation ev asks for a change of
 * what is now now (NULL: compared by the plan's revision only). */
static int
asks_change(const struct revision *rv, const struct eco_node *ev,
    const char *key, const char *now, const char **proposal)
{
	const struct eco_node *q = eco_map_get(eco_map_get(ev, "questions"),
	    key);
	const char *c = eco_map_str(q, "conclusion");
	const char *date = eco_map_date(ev, "date");

	*proposal = eco_map_str(q, "ajustement");
	if (!c || strcmp(c, "maintenir") == 0 || !date)
		return 0;
	if (*proposal && now)
		return !same_text(*proposal, now);
	return !revised_since(rv->p, date);
}

static void
revise_objective(struct revision *rv, const struct eco_objectif_view *o,
    const struct eco_doc *const *ev, size_t n, const char *au)
{
	const struct eco_doc *e;
	const struct eco_transformation_view *t;
	const char *prop, *eid;
	size_t s;

	for (s = 0; s <= ECO_NSYS; s++) {
		e = eco_evaluation_latest(ev, n, o->id, s < ECO_NSYS ?
		    eco_systemes[s] : NULL, "questions", au);
		if (!e)
			continue;
		eid = eco_map_str(e->root, "id");
		t = s < ECO_NSYS ? eco_plan_transformation(rv->p, o->id,
		    eco_systemes[s]) : NULL;
		if (s < ECO_NSYS && t && asks_change(rv, e->root,
		    "transformation", t->libelle, &prop))
			edit(rv, t->v.file, at(t->v.node, "libelle"), prop ?
			    _("evaluation %s proposes another wording for this "
			    "transformation: « %s »") : _("evaluation %s asks to "
			    "rethink this transformation"), eid, prop);
		if (s == ECO_NSYS && asks_change(rv, e->root, "transformation",
		    NULL, &prop))
			edit(rv, o->v.file, at(o->v.node, "transformations"),
			    _("evaluation %s asks to rethink the transformations "
			    "of « %s »"), eid, o->id);
		if (asks_change(rv, e->root, "facteur", o->facteur, &prop))
			edit(rv, o->v.file, at(o->v.node, "facteur"), prop ?
			    _("evaluation %s proposes another protective factor "
			    "for « %s »: %s") : _("evaluation %s asks to rethink "
			    "the protective factor of « %s »"), eid, o->id, prop);
		if (asks_change(rv, e->root, "objectif", o->libelle, &prop))
			edit(rv, o->v.file, at(o->v.node, "libelle"), prop ?
			    _("evaluation %s proposes another wording for « %s »: "
			    "« %s »") : _("evaluation %s asks to rethink the "
			    "objective « %s »"), eid, o->id, prop);
	}
}

size_t
eco_evaluation_revision(const struct eco_plan *p,
    const struct eco_doc *const *ev, size_t n, const char *au,
    struct eco_diags *d)
{
	struct revision rv = { p, d, 0 };
	size_t i;

	for (i = 0; i < p->nactions; i++)
		revise_action(&rv, &p->actions[i]);
	for (i = 0; i < p->nobjectifs; i++)
		revise_objective(&rv, &p->objectifs[i], ev, n, au);
	return rv.n;
}

size_t
eco_evaluation_undecided(const struct eco_plan *p,
    const struct eco_doc *const *ev, size_t n, const char *au,
    size_t *out, size_t cap)
{
	const struct eco_action_view *a;
	size_t i, k = 0;

	for (i = 0; i < p->nactions; i++) {
		a = &p->actions[i];
		if (a->decision || !a->objectif)
			continue;
		if (!eco_evaluation_latest(ev, n, a->objectif, NULL,
		    "decisions", au) && !eco_evaluation_latest(ev, n,
		    a->objectif, a->systeme, "decisions", au))
			continue;
		if (k < cap)
			out[k] = i;
		k++;
	}
	return k;
}

static int
put(struct eco_doc *doc, struct eco_node *m, const char *key, const char *s)
{
	return eco_map_put_str(doc, m, key, s) == 0;
}

struct eco_doc *
eco_evaluation_record(const struct eco_eval_in *in, char *file, size_t fcap,
    char *prefix, size_t pcap)
{
	struct eco_doc *doc = eco_doc_new(NULL);
	struct eco_node *root, *list, *item, *aj;
	const char *obj = in->objectif;
	size_t i;
	int ok;

	snprintf(prefix, pcap, "eval-%s-%s-", strncmp(obj, "obj-", 4) ?
	    obj : obj + 4, in->date);
	snprintf(file, fcap, "evaluations/%.7s-%s.yaml", in->date, obj);
	if (!doc || !(root = eco_node_map(doc)) ||
	    !(list = eco_node_seq(doc)) || !(item = eco_node_map(doc))) {
		eco_doc_free(doc);
		return NULL;
	}
	doc->root = root;
	ok = put(doc, root, "kind", "evaluation") &&
	    eco_map_put(doc, root, "version", eco_node_int(doc, 1)) == 0 &&
	    put(doc, root, "id", "") && put(doc, root, "date", in->date) &&
	    put(doc, root, "objectif", obj) &&
	    put(doc, root, "systeme", in->systeme) &&
	    put(doc, root, "rencontre", in->rencontre);
	if (in->indicateur)
		ok = ok && put(doc, item, "indicateur", in->indicateur) &&
		    eco_map_put(doc, item, "valeur",
		    eco_node_number(doc, in->valeur)) == 0 &&
		    put(doc, item, "appreciation", in->appreciation) &&
		    put(doc, item, "commentaire", in->commentaire);
	else {
		ok = ok && put(doc, item, "action", in->action) &&
		    put(doc, item, "decision", in->decision) &&
		    put(doc, item, "justification", in->justification);
		if (ok && in->najustements) {
			ok = (aj = eco_node_seq(doc)) != NULL;
			for (i = 0; ok && i < in->najustements; i++)
				ok = eco_seq_push(doc, aj,
				    eco_node_str(doc, in->ajustements[i])) == 0;
			ok = ok && eco_map_put(doc, item, "ajustements", aj) == 0;
		}
	}
	ok = ok && eco_seq_push(doc, list, item) == 0 &&
	    eco_map_put(doc, root, in->indicateur ? "mesures" : "decisions",
	    list) == 0;
	if (ok)
		return doc;
	eco_doc_free(doc);
	return NULL;
}

int
eco_evaluation_render(FILE *fp, const char *id, void *arg)
{
	struct eco_doc *doc = arg;
	struct eco_node *root = (struct eco_node *)doc->root;
	size_t i;

	/* the id goes third, after kind and version */
	for (i = 0; i < root->len; i++)
		if (strcmp(root->u.pairs[i].key->s, "id") == 0 &&
		    !(root->u.pairs[i].val = eco_node_str(doc, id)))
			return -1;
	fputs("---\n", fp);
	return eco_sheet_yaml(fp, root);
}

