/*
 * eco_plan.c - the plan's method module: its typed views (the plan
 * flattened into records), the filters of its records, the rules of a
 * plan document, what a planning meeting still has to fill, the
 * follow-up calendar and the skeleton drawn from the priorities.
 *
 * The plan is one nested document because the group edits it as a
 * whole; pipes want it flat.  Views are read leniently (a null or absent
 * value is a NULL field, never an error), because the same views serve
 * a finished plan, a skeleton with every slot empty, and a stream of
 * records that eco-plan printed earlier.  The documents are kept whole
 * and the views point into them; what the views add (derived ids, lists,
 * records) lives in one arena freed with the plan.  Money is read from
 * the text as written into integer cents, so sums are exact.
 *
 * "Complete" has one definition, eco_plan_gaps: eco-plan verifie says
 * it, and the planning objectives of the cycle (eco_cycle.c) ask it.
 * The plan's date rules are written once, here, and said both by a plan
 * document's rules (eco-validate, every command's check) and by the
 * gaps of records, which no plan document's rules see.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

#define NONE ((size_t)-1)

const char *const eco_systemes[ECO_NSYS] = {
	"enfant", "famille", "communaute"
};
const char *const eco_view_kinds[ECO_NVIEW] = {
	"objectif", "transformation", "indicateur", "action"
};

struct eco_plan_data {
	struct eco_arena *arena;
	struct eco_doc **docs;		/* those the plan owns */
	size_t ndocs, doccap;
	struct eco_doc *out;		/* the records built */
	size_t cap[ECO_NVIEW], pcap[ECO_NVIEW], bcap;
	/* per indicator and action: its transformation when it came from
	 * a plan (records are matched by objectif and systeme) */
	size_t *ind_parent, *act_parent;
	/* per objective: its mapping of transformations, when from a plan */
	const struct eco_node **obj_tr;
	const struct eco_node *plan_root;	/* the first plan's */
	int oom;
};

int
eco_systeme_index(const char *s)
{
	int i;

	for (i = 0; s && i < ECO_NSYS; i++)
		if (strcmp(s, eco_systemes[i]) == 0)
			return i;
	return -1;
}

const char *
eco_systeme_label(const char *s)
{
	static const char *const label[ECO_NSYS] = {
		N_("Child"), N_("Family"), N_("Community")
	};
	int i = eco_systeme_index(s);

	return i < 0 ? NULL : _(label[i]);
}

/* Reading nodes leniently. */

static const struct eco_node *
get(const struct eco_node *m, const char *key)
{
	return eco_map_get(m, key);
}

static const char *
str(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = get(m, key);

	return n && n->type == ECO_STR ? n->s : NULL;
}

static const char *
date_of(const struct eco_node *m, const char *key)
{
	const char *s = str(m, key);

	return s && eco_format_date(s, strlen(s)) ? s : NULL;
}

/* A value that is there: not absent, not null, not an empty text or
 * collection. */
static int
filled(const struct eco_node *n)
{
	return n && n->type != ECO_NULL &&
	    !((n->type == ECO_STR || n->type == ECO_SEQ || n->type == ECO_MAP) &&
	    n->len == 0);
}

static char *
afmt(struct eco_plan *p, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof buf ||
	    !(s = eco_arena_strndup(p->data->arena, buf, (size_t)n))) {
		p->data->oom = 1;
		return NULL;
	}
	return s;
}

/*
 * The texts of a sequence: its string items, or with key the value of key
 * in each mapping item (NULL where a mapping has none); other items are
 * skipped.
 */
static const char **
texts(struct eco_plan *p, const struct eco_node *seq, const char *key,
    size_t *n)
{
	const char **v;
	size_t i;

	*n = 0;
	if (!seq || seq->type != ECO_SEQ || seq->len == 0)
		return NULL;
	if (!(v = eco_arena_alloc(p->data->arena, seq->len * sizeof *v))) {
		p->data->oom = 1;
		return NULL;
	}
	for (i = 0; i < seq->len; i++) {
		const struct eco_node *it = seq->u.items[i];

		if (!key && it->type == ECO_STR)
			v[(*n)++] = it->s;
		else if (key && it->type == ECO_MAP)
			v[(*n)++] = str(it, key);
	}
	return v;
}

/* The strings of a sequence (other items skipped). */
static const char **
strings(struct eco_plan *p, const struct eco_node *seq, size_t *n)
{
	return texts(p, seq, NULL, n);
}

/* The valid dates of a sequence. */
static const char **
dates(struct eco_plan *p, const struct eco_node *seq, size_t *n)
{
	const char **v = strings(p, seq, n);
	size_t i, k = 0;

	for (i = 0; i < *n; i++)
		if (eco_format_date(v[i], strlen(v[i])))
			v[k++] = v[i];
	*n = k;
	return v;
}

/* The id of each item of a sequence of mappings, NULL for none. */
static const char **
ids(struct eco_plan *p, const struct eco_node *seq, size_t *n)
{
	return texts(p, seq, "id", n);
}

/* The plan and its arrays. */

struct eco_plan *
eco_plan_new(void)
{
	struct eco_plan *p = calloc(1, sizeof *p);

	if (!p)
		return NULL;
	if (!(p->data = calloc(1, sizeof *p->data)) ||
	    !(p->data->arena = eco_arena_new())) {
		free(p->data);
		free(p);
		return NULL;
	}
	return p;
}

void
eco_plan_free(struct eco_plan *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->data->ndocs; i++)
		eco_doc_free(p->data->docs[i]);
	free(p->data->docs);
	free(p->data->ind_parent);
	free(p->data->act_parent);
	free(p->data->obj_tr);
	eco_doc_free(p->data->out);
	eco_arena_free(p->data->arena);
	free(p->data);
	free(p->bailleurs);
	free(p->objectifs);
	free(p->transformations);
	free(p->indicateurs);
	free(p->actions);
	free(p);
}

int
eco_plan_kind(const char *kind)
{
	size_t i;

	if (!kind)
		return 0;
	if (strcmp(kind, "plan") == 0)
		return 1;
	for (i = 0; i < ECO_NVIEW; i++)
		if (strcmp(kind, eco_view_kinds[i]) == 0)
			return 1;
	return 0;
}

/* v with room for element n (*cap allocated), or NULL when memory runs
 * out (v is left as it was). */
static void *
grow(void *v, size_t n, size_t *cap, size_t size)
{
	size_t c = *cap ? *cap * 2 : 16;

	if (n < *cap)
		return v;
	if (c > SIZE_MAX / size || !(v = realloc(v, c * size)))
		return NULL;
	*cap = c;
	return v;
}

/* A new zeroed view of kind k, or NULL when memory runs out.  Each
 * array is stored as soon as it has grown, so none is lost. */
static void *
new_view(struct eco_plan *p, enum eco_view_kind k)
{
	struct eco_plan_data *d = p->data;
	void *a;

	switch (k) {
	case ECO_VIEW_OBJECTIF:
		if (!(a = grow(p->objectifs, p->nobjectifs, &d->cap[k],
		    sizeof *p->objectifs)))
			break;
		p->objectifs = a;
		if (!(a = grow(d->obj_tr, p->nobjectifs, &d->pcap[k],
		    sizeof *d->obj_tr)))
			break;
		d->obj_tr = a;
		d->obj_tr[p->nobjectifs] = NULL;
		memset(&p->objectifs[p->nobjectifs], 0, sizeof *p->objectifs);
		return &p->objectifs[p->nobjectifs++];
	case ECO_VIEW_TRANSFORMATION:
		if (!(a = grow(p->transformations, p->ntransformations,
		    &d->cap[k], sizeof *p->transformations)))
			break;
		p->transformations = a;
		memset(&p->transformations[p->ntransformations], 0,
		    sizeof *p->transformations);
		return &p->transformations[p->ntransformations++];
	case ECO_VIEW_INDICATEUR:
		if (!(a = grow(p->indicateurs, p->nindicateurs, &d->cap[k],
		    sizeof *p->indicateurs)))
			break;
		p->indicateurs = a;
		if (!(a = grow(d->ind_parent, p->nindicateurs, &d->pcap[k],
		    sizeof *d->ind_parent)))
			break;
		d->ind_parent = a;
		d->ind_parent[p->nindicateurs] = NONE;
		memset(&p->indicateurs[p->nindicateurs], 0, sizeof *p->indicateurs);
		return &p->indicateurs[p->nindicateurs++];
	case ECO_VIEW_ACTION:
		if (!(a = grow(p->actions, p->nactions, &d->cap[k],
		    sizeof *p->actions)))
			break;
		p->actions = a;
		if (!(a = grow(d->act_parent, p->nactions, &d->pcap[k],
		    sizeof *d->act_parent)))
			break;
		d->act_parent = a;
		d->act_parent[p->nactions] = NONE;
		memset(&p->actions[p->nactions], 0, sizeof *p->actions);
		return &p->actions[p->nactions++];
	}
	d->oom = 1;
	return NULL;
}

/* Filling views. */

static void
set_view(struct eco_view *v, const struct eco_node *n,
    const struct eco_doc *doc, const char *path, int record)
{
	v->node = n;
	v->file = doc->file;
	v->path = path ? path : "";
	v->record = record;
}

/* A value node, or NULL when it is absent or null. */
static const struct eco_node *
value(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = get(m, key);

	return n && n->type != ECO_NULL ? n : NULL;
}

static void
fill_objectif(struct eco_plan *p, struct eco_objectif_view *o,
    const struct eco_node *n)
{
	o->id = str(n, "id");
	o->libelle = str(n, "libelle");
	o->facteur = str(n, "facteur");
	o->priorites = strings(p, get(n, "priorites"), &o->npriorites);
}

static void
fill_indicateur(struct eco_indicateur_view *x, const struct eco_node *n,
    const char *pfin)
{
	x->id = str(n, "id");
	x->libelle = str(n, "libelle");
	x->unite = str(n, "unite");
	x->valeur_depart = value(n, "valeur_depart");
	x->cible = value(n, "cible");
	x->date_depart = date_of(n, "date_depart");
	x->echeance = date_of(n, "echeance");
	/* without echeance, an indicator is due at the plan's end */
	x->echeance_eff = x->echeance ? x->echeance : pfin;
	x->outil_suivi = str(n, "outil_suivi");
	x->responsable_mesure = str(n, "responsable_mesure");
	x->frequence_mesure = str(n, "frequence_mesure");
}

static void
fill_budget(struct eco_plan *p, struct eco_action_view *a,
    const struct eco_node *seq)
{
	struct eco_budget_line *b;
	size_t i;

	if (!seq || seq->type != ECO_SEQ || seq->len == 0)
		return;
	if (!(b = eco_arena_alloc(p->data->arena, seq->len * sizeof *b))) {
		p->data->oom = 1;
		return;
	}
	a->budget = b;
	for (i = 0; i < seq->len; i++) {
		const struct eco_node *l = seq->u.items[i];

		if (l->type != ECO_MAP)
			continue;
		b = &a->budget[a->nbudget++];
		memset(b, 0, sizeof *b);
		b->node = l;
		b->poste = str(l, "poste");
		b->bailleur = str(l, "bailleur");
		b->statut = str(l, "statut");
		b->has_amount = eco_money_node(get(l, "montant"), &b->cents) == 0;
		if (b->has_amount)	/* saturate rather than wrap */
			a->budget_cents = b->cents > LLONG_MAX - a->budget_cents ?
			    LLONG_MAX : a->budget_cents + b->cents;
	}
}

static void
fill_action(struct eco_plan *p, struct eco_action_view *a,
    const struct eco_node *n, const char *pdeb, const char *pfin)
{
	a->id = str(n, "id");
	a->titre = str(n, "titre");
	a->type = str(n, "type");
	a->responsable = str(n, "responsable");
	a->partenaires = strings(p, get(n, "partenaires"), &a->npartenaires);
	a->debut = date_of(n, "debut");
	a->fin = date_of(n, "fin");
	/* without dates, an action spans the plan's period */
	a->debut_eff = a->debut ? a->debut : pdeb;
	a->fin_eff = a->fin ? a->fin : pfin;
	fill_budget(p, a, get(n, "budget"));
	a->calendrier = dates(p, get(n, "calendrier_suivi"), &a->ncalendrier);
	a->statut = str(n, "statut");
}

/* What a plan's indicators and actions inherit from their place. */
struct place {
	const struct eco_doc *doc;
	const char *pdeb, *pfin;
	const char *objectif, *facteur, *systeme;
	const char *transformation, *libelle;
	const char *path;
	size_t parent;
};

static void
add_items(struct eco_plan *p, const struct place *pl, const struct eco_node *t,
    enum eco_view_kind k)
{
	const char *key = k == ECO_VIEW_INDICATEUR ? "indicateurs" : "actions";
	const struct eco_node *seq = get(t, key);
	size_t i;

	for (i = 0; seq && seq->type == ECO_SEQ && i < seq->len; i++) {
		const struct eco_node *n = seq->u.items[i];
		const char *path;

		if (n->type != ECO_MAP)
			continue;
		path = afmt(p, "%s/%s/%zu", pl->path, key, i);
		if (k == ECO_VIEW_INDICATEUR) {
			struct eco_indicateur_view *x = new_view(p, k);

			if (!x)
				return;
			p->data->ind_parent[p->nindicateurs - 1] = pl->parent;
			set_view(&x->v, n, pl->doc, path, 0);
			x->objectif = pl->objectif;
			x->systeme = pl->systeme;
			x->facteur = pl->facteur;
			x->transformation = pl->transformation;
			x->transformation_libelle = pl->libelle;
			fill_indicateur(x, n, pl->pfin);
		} else {
			struct eco_action_view *a = new_view(p, k);

			if (!a)
				return;
			p->data->act_parent[p->nactions - 1] = pl->parent;
			set_view(&a->v, n, pl->doc, path, 0);
			a->objectif = pl->objectif;
			a->systeme = pl->systeme;
			a->facteur = pl->facteur;
			a->transformation = pl->transformation;
			a->transformation_libelle = pl->libelle;
			fill_action(p, a, n, pl->pdeb, pl->pfin);
		}
	}
}

static void
add_transformation(struct eco_plan *p, struct place *pl,
    const struct eco_node *t, int sys)
{
	struct eco_transformation_view *x = new_view(p, ECO_VIEW_TRANSFORMATION);
	const char *opath = pl->path;

	if (!x)
		return;
	pl->path = afmt(p, "%s/transformations/%s", opath, eco_systemes[sys]);
	set_view(&x->v, t, pl->doc, pl->path, 0);
	x->objectif = pl->objectif;
	x->systeme = eco_systemes[sys];
	x->facteur = pl->facteur;
	x->libelle = str(t, "libelle");
	if (!(x->id = str(t, "id")) && pl->objectif)
		x->id = afmt(p, "%s-%s", pl->objectif, eco_systemes[sys]);
	x->indicateurs = ids(p, get(t, "indicateurs"), &x->nindicateurs);
	x->actions = ids(p, get(t, "actions"), &x->nactions);
	pl->systeme = x->systeme;
	pl->transformation = x->id;
	pl->libelle = x->libelle;
	pl->parent = p->ntransformations - 1;
	if (pl->path) {
		add_items(p, pl, t, ECO_VIEW_INDICATEUR);
		add_items(p, pl, t, ECO_VIEW_ACTION);
	}
	pl->path = opath;
}

static void
add_objective(struct eco_plan *p, struct place *pl, const struct eco_node *o,
    size_t i)
{
	struct eco_objectif_view *x = new_view(p, ECO_VIEW_OBJECTIF);
	const struct eco_node *tr = get(o, "transformations"), *t;
	int s;

	if (!x || !(pl->path = afmt(p, "/objectifs/%zu", i)))
		return;
	set_view(&x->v, o, pl->doc, pl->path, 0);
	fill_objectif(p, x, o);
	p->data->obj_tr[p->nobjectifs - 1] = tr;
	pl->objectif = x->id;
	pl->facteur = x->facteur;
	for (s = 0; s < ECO_NSYS; s++)
		if ((t = get(tr, eco_systemes[s])) && t->type == ECO_MAP)
			add_transformation(p, pl, t, s);
}

static void
add_plan(struct eco_plan *p, const struct eco_doc *doc)
{
	const struct eco_node *root = doc->root, *per = get(root, "periode");
	const struct eco_node *objs = get(root, "objectifs"), *b;
	struct place pl;
	size_t i;

	memset(&pl, 0, sizeof pl);
	pl.doc = doc;
	pl.pdeb = date_of(per, "debut");
	pl.pfin = date_of(per, "fin");
	if (pl.pdeb && pl.pfin && strcmp(pl.pdeb, pl.pfin) > 0)
		pl.pdeb = pl.pfin = NULL;	/* the rules report it */
	if (p->nplans++ == 0) {
		p->id = str(root, "id");
		p->titre = str(root, "titre");
		p->debut = pl.pdeb;
		p->fin = pl.pfin;
		p->revise_le = eco_map_date(root, "revise_le");
		p->calendrier = dates(p, get(root, "calendrier_suivi"),
		    &p->ncalendrier);
		p->file = doc->file;
	}
	b = get(root, "bailleurs");
	for (i = 0; b && b->type == ECO_SEQ && i < b->len; i++) {
		const struct eco_node *n = b->u.items[i];
		struct eco_bailleur_view *x;
		void *a;

		if (n->type != ECO_MAP)
			continue;
		if (!(a = grow(p->bailleurs, p->nbailleurs, &p->data->bcap,
		    sizeof *p->bailleurs))) {
			p->data->oom = 1;
			break;
		}
		p->bailleurs = a;
		x = &p->bailleurs[p->nbailleurs++];
		x->node = n;
		x->id = str(n, "id");
		x->nom = str(n, "nom");
		x->type = str(n, "type");
		x->programme = str(n, "programme");
	}
	for (i = 0; objs && objs->type == ECO_SEQ && i < objs->len; i++)
		if (objs->u.items[i]->type == ECO_MAP)
			add_objective(p, &pl, objs->u.items[i], i);
}

/* A record's system, as the constant string when it names one. */
static const char *
systeme_of(const struct eco_node *n)
{
	const char *s = str(n, "systeme");
	int i = eco_systeme_index(s);

	return i >= 0 ? eco_systemes[i] : s;
}

/* The id of the transformation of a record: a transformation record's
 * when one came first, else objectif-systeme. */
static const char *
transformation_of(struct eco_plan *p, const char *obj, const char *sys)
{
	const struct eco_transformation_view *t;

	if (!obj || !sys)
		return NULL;
	if ((t = eco_plan_transformation(p, obj, sys)) && t->id)
		return t->id;
	return afmt(p, "%s-%s", obj, sys);
}

static void
add_record(struct eco_plan *p, const struct eco_doc *doc, enum eco_view_kind k)
{
	const struct eco_node *n = doc->root;
	struct eco_transformation_view *t;
	struct eco_indicateur_view *x;
	struct eco_action_view *a;
	struct eco_objectif_view *o;

	switch (k) {
	case ECO_VIEW_OBJECTIF:
		if (!(o = new_view(p, k)))
			return;
		set_view(&o->v, n, doc, "", 1);
		fill_objectif(p, o, n);
		return;
	case ECO_VIEW_TRANSFORMATION:
		if (!(t = new_view(p, k)))
			return;
		set_view(&t->v, n, doc, "", 1);
		t->id = str(n, "id");
		t->objectif = str(n, "objectif");
		t->systeme = systeme_of(n);
		t->facteur = str(n, "facteur");
		t->libelle = str(n, "libelle");
		t->indicateurs = strings(p, get(n, "indicateurs"), &t->nindicateurs);
		t->actions = strings(p, get(n, "actions"), &t->nactions);
		return;
	case ECO_VIEW_INDICATEUR:
		if (!(x = new_view(p, k)))
			return;
		set_view(&x->v, n, doc, "", 1);
		x->objectif = str(n, "objectif");
		x->systeme = systeme_of(n);
		x->facteur = str(n, "facteur");
		x->transformation_libelle = str(n, "transformation");
		fill_indicateur(x, n, p->fin);
		x->transformation = transformation_of(p, x->objectif, x->systeme);
		return;
	case ECO_VIEW_ACTION:
		if (!(a = new_view(p, k)))
			return;
		set_view(&a->v, n, doc, "", 1);
		a->objectif = str(n, "objectif");
		a->systeme = systeme_of(n);
		a->facteur = str(n, "facteur");
		a->transformation_libelle = str(n, "transformation");
		fill_action(p, a, n, p->debut, p->fin);
		a->transformation = transformation_of(p, a->objectif, a->systeme);
		return;
	}
}

/* The views of doc, a plan or one of its records (kind given). */
static int
add_views(struct eco_plan *p, const struct eco_doc *doc, const char *kind)
{
	struct eco_plan_data *d = p->data;
	int k;

	d->oom = 0;
	if (strcmp(kind, "plan") == 0) {
		if (p->nplans == 0)
			d->plan_root = doc->root;
		add_plan(p, doc);
	} else {
		for (k = 0; strcmp(kind, eco_view_kinds[k]) != 0; k++)
			;
		add_record(p, doc, (enum eco_view_kind)k);
	}
	return d->oom ? -1 : 1;
}

/* The kind of doc when the plan takes it, else NULL. */
static const char *
plan_kind(const struct eco_doc *doc)
{
	const struct eco_node *root = doc ? doc->root : NULL;
	const char *kind = str(root, "kind");

	return root && root->type == ECO_MAP && eco_plan_kind(kind) ? kind : NULL;
}

int
eco_plan_add(struct eco_plan *p, struct eco_doc *doc)
{
	const char *kind = plan_kind(doc);
	struct eco_plan_data *d = p->data;
	struct eco_doc **docs;

	if (!kind)
		return 0;
	if (!(docs = grow(d->docs, d->ndocs, &d->doccap, sizeof *d->docs))) {
		eco_doc_free(doc);
		return -1;
	}
	d->docs = docs;
	d->docs[d->ndocs++] = doc;
	return add_views(p, doc, kind);
}

int
eco_plan_add_doc(struct eco_plan *p, const struct eco_doc *doc)
{
	const char *kind = plan_kind(doc);

	return kind ? add_views(p, doc, kind) : 0;
}

/* Lookups and predicates. */

const struct eco_objectif_view *
eco_plan_objectif(const struct eco_plan *p, const char *id)
{
	size_t i;

	for (i = 0; id && i < p->nobjectifs; i++)
		if (p->objectifs[i].id && strcmp(p->objectifs[i].id, id) == 0)
			return &p->objectifs[i];
	return NULL;
}

const struct eco_transformation_view *
eco_plan_transformation(const struct eco_plan *p, const char *objectif,
    const char *systeme)
{
	size_t i;

	for (i = 0; objectif && systeme && i < p->ntransformations; i++) {
		const struct eco_transformation_view *t = &p->transformations[i];

		if (t->objectif && t->systeme && strcmp(t->objectif, objectif) == 0 &&
		    strcmp(t->systeme, systeme) == 0)
			return t;
	}
	return NULL;
}

const struct eco_bailleur_view *
eco_plan_bailleur(const struct eco_plan *p, const char *id)
{
	size_t i;

	for (i = 0; id && i < p->nbailleurs; i++)
		if (p->bailleurs[i].id && strcmp(p->bailleurs[i].id, id) == 0)
			return &p->bailleurs[i];
	return NULL;
}

int
eco_action_between(const struct eco_action_view *a, const char *from,
    const char *to)
{
	if (from && a->fin_eff && strcmp(a->fin_eff, from) < 0)
		return 0;
	if (to && a->debut_eff && strcmp(a->debut_eff, to) > 0)
		return 0;
	return 1;
}

int
eco_action_has_partner(const struct eco_action_view *a, const char *id)
{
	size_t i;

	for (i = 0; id && i < a->npartenaires; i++)
		if (strcmp(a->partenaires[i], id) == 0)
			return 1;
	return 0;
}

int
eco_action_funded_by(const struct eco_action_view *a, const char *id)
{
	size_t i;

	for (i = 0; id && i < a->nbudget; i++)
		if (a->budget[i].bailleur && strcmp(a->budget[i].bailleur, id) == 0)
			return 1;
	return 0;
}

/* Filters. */

static int
eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* A filter on what concerns an action, beyond its system and factor. */
static int
action_filter(const struct eco_plan_filter *f)
{
	return f->responsable || f->partenaire || f->bailleur || f->from || f->to;
}

/* With dates, --entre on the action's own dates; the calendar filters
 * its entries by their date instead. */
static int
keep_action(const struct eco_action_view *a, const struct eco_plan_filter *f,
    int dates)
{
	return (!f->systeme || eq(a->systeme, f->systeme)) &&
	    (!f->facteur || eq(a->facteur, f->facteur)) &&
	    (!f->responsable || eq(a->responsable, f->responsable)) &&
	    (!f->partenaire || eco_action_has_partner(a, f->partenaire)) &&
	    (!f->bailleur || eco_action_funded_by(a, f->bailleur)) &&
	    (!dates || eco_action_between(a, f->from, f->to));
}

/* Indicators have neither partners nor funders: those filters keep none. */
static int
keep_indicateur(const struct eco_indicateur_view *x,
    const struct eco_plan_filter *f, int dates)
{
	const char *e = x->echeance_eff;

	return (!f->systeme || eq(x->systeme, f->systeme)) &&
	    (!f->facteur || eq(x->facteur, f->facteur)) &&
	    (!f->responsable || eq(x->responsable_mesure, f->responsable)) &&
	    !f->partenaire && !f->bailleur &&
	    (!dates || ((!f->from || (e && strcmp(e, f->from) >= 0)) &&
	    (!f->to || (e && strcmp(e, f->to) <= 0))));
}

/* Whether some action of objective obj (and system sys, when not NULL)
 * is kept. */
static int
some_action(const struct eco_plan *p, const char *obj, const char *sys,
    const struct eco_plan_filter *f)
{
	size_t i;

	for (i = 0; i < p->nactions; i++)
		if (eq(p->actions[i].objectif, obj) &&
		    (!sys || eq(p->actions[i].systeme, sys)) &&
		    keep_action(&p->actions[i], f, 1))
			return 1;
	return 0;
}

int
eco_plan_keep(const struct eco_plan *p, enum eco_view_kind k, size_t i,
    const struct eco_plan_filter *f)
{
	const struct eco_transformation_view *t;
	const struct eco_objectif_view *o;

	switch (k) {
	case ECO_VIEW_OBJECTIF:
		o = &p->objectifs[i];
		if (f->facteur && !eq(o->facteur, f->facteur))
			return 0;
		return (!f->systeme && !action_filter(f)) ||
		    some_action(p, o->id, NULL, f);
	case ECO_VIEW_TRANSFORMATION:
		t = &p->transformations[i];
		if ((f->systeme && !eq(t->systeme, f->systeme)) ||
		    (f->facteur && !eq(t->facteur, f->facteur)))
			return 0;
		return !action_filter(f) || some_action(p, t->objectif, t->systeme, f);
	case ECO_VIEW_INDICATEUR:
		return keep_indicateur(&p->indicateurs[i], f, 1);
	case ECO_VIEW_ACTION:
		return keep_action(&p->actions[i], f, 1);
	}
	return 0;
}

int
eco_plan_keep_echeance(const struct eco_plan *p, const struct eco_echeance *e,
    const struct eco_plan_filter *f)
{
	if ((f->from && strcmp(e->date, f->from) < 0) ||
	    (f->to && strcmp(e->date, f->to) > 0))
		return 0;
	switch (e->what) {
	case ECO_ECH_PLAN:
		return !f->systeme && !f->facteur && !f->responsable &&
		    !f->partenaire && !f->bailleur;
	case ECO_ECH_ACTION:
		return keep_action(&p->actions[e->index], f, 0);
	case ECO_ECH_INDICATEUR:
		return keep_indicateur(&p->indicateurs[e->index], f, 0);
	}
	return 0;
}

/* Records: new mappings that share the plan's nodes, which outlive
 * them (the builders of eco_node.c, in a document the plan owns). */

struct rec {
	struct eco_doc *d;
	struct eco_node *m;
	int oom;
};

/* Put key: val, unless val is NULL or key is there already. */
static void
put(struct rec *r, const char *key, const struct eco_node *val)
{
	if (val && !eco_map_get(r->m, key) && eco_map_put(r->d, r->m, key, val) < 0)
		r->oom = 1;
}

static void
put_str(struct rec *r, const char *key, const char *s)
{
	struct eco_node *n;

	if (!s)
		return;
	if (!(n = eco_node_str(r->d, s)))
		r->oom = 1;
	put(r, key, n);
}

/* The source's pairs in their order, but the key skip. */
static void
put_rest(struct rec *r, const struct eco_node *src, const char *skip)
{
	size_t i;

	for (i = 0; src && i < src->len; i++) {
		const struct eco_pair *pr = &src->u.pairs[i];

		if (pr->key->type == ECO_STR && strcmp(pr->key->s, skip) != 0)
			put(r, pr->key->s, pr->val);
	}
}

/* A sequence of the non-NULL strings of v. */
static struct eco_node *
str_seq(struct rec *r, const char **v, size_t n)
{
	struct eco_node *s = eco_node_seq(r->d);
	size_t i;

	for (i = 0; s && i < n; i++)
		if (v[i] && eco_seq_push(r->d, s, eco_node_str(r->d, v[i])) < 0)
			s = NULL;
	if (!s)
		r->oom = 1;
	return s;
}

/* Head of a record: kind, version, id, at the position of n. */
static int
head(struct rec *r, struct eco_plan *p, const struct eco_node *n,
    const char *kind, const char *id)
{
	struct eco_node *v;

	memset(r, 0, sizeof *r);
	if (!p->data->out && !(p->data->out = eco_doc_new(NULL)))
		return -1;
	r->d = p->data->out;
	if (!(r->m = eco_node_map(r->d)) || !(v = eco_node_int(r->d, 1)))
		return -1;
	r->m->line = n->line;
	r->m->col = n->col;
	put_str(r, "kind", kind);
	put(r, "version", v);
	if (id)
		put_str(r, "id", id);
	else
		put(r, "id", get(n, "id"));
	return r->oom ? -1 : 0;
}

static const struct eco_node *
record(struct eco_plan *p, enum eco_view_kind k, size_t i)
{
	const struct eco_transformation_view *t;
	const struct eco_indicateur_view *x;
	const struct eco_action_view *a;
	const struct eco_node *n;
	struct rec r;

	switch (k) {
	case ECO_VIEW_OBJECTIF:
		n = p->objectifs[i].v.node;
		if (head(&r, p, n, "objectif", NULL) < 0)
			return NULL;
		put_rest(&r, n, "transformations");
		break;
	case ECO_VIEW_TRANSFORMATION:
		t = &p->transformations[i];
		n = t->v.node;
		if (head(&r, p, n, "transformation", t->id) < 0)
			return NULL;
		put_str(&r, "objectif", t->objectif);
		put_str(&r, "systeme", t->systeme);
		put_str(&r, "facteur", t->facteur);
		put(&r, "libelle", get(n, "libelle"));
		put(&r, "indicateurs", str_seq(&r, t->indicateurs, t->nindicateurs));
		put(&r, "actions", str_seq(&r, t->actions, t->nactions));
		put(&r, "notes", get(n, "notes"));
		break;
	case ECO_VIEW_INDICATEUR:
		x = &p->indicateurs[i];
		if (head(&r, p, x->v.node, "indicateur", NULL) < 0)
			return NULL;
		put_str(&r, "objectif", x->objectif);
		put_str(&r, "systeme", x->systeme);
		put_str(&r, "facteur", x->facteur);
		put_str(&r, "transformation", x->transformation_libelle);
		put_rest(&r, x->v.node, "id");
		break;
	case ECO_VIEW_ACTION:
		a = &p->actions[i];
		if (head(&r, p, a->v.node, "action", NULL) < 0)
			return NULL;
		put_str(&r, "objectif", a->objectif);
		put_str(&r, "systeme", a->systeme);
		put_str(&r, "facteur", a->facteur);
		put_str(&r, "transformation", a->transformation_libelle);
		put_rest(&r, a->v.node, "id");
		break;
	default:
		return NULL;
	}
	return r.oom ? NULL : r.m;
}

size_t
eco_plan_nviews(const struct eco_plan *p, enum eco_view_kind k)
{
	return k == ECO_VIEW_OBJECTIF ? p->nobjectifs :
	    k == ECO_VIEW_TRANSFORMATION ? p->ntransformations :
	    k == ECO_VIEW_INDICATEUR ? p->nindicateurs : p->nactions;
}

const struct eco_view *
eco_plan_view(const struct eco_plan *p, enum eco_view_kind k, size_t i)
{
	switch (k) {
	case ECO_VIEW_OBJECTIF:
		return i < p->nobjectifs ? &p->objectifs[i].v : NULL;
	case ECO_VIEW_TRANSFORMATION:
		return i < p->ntransformations ? &p->transformations[i].v : NULL;
	case ECO_VIEW_INDICATEUR:
		return i < p->nindicateurs ? &p->indicateurs[i].v : NULL;
	case ECO_VIEW_ACTION:
		return i < p->nactions ? &p->actions[i].v : NULL;
	}
	return NULL;
}

const struct eco_node *
eco_plan_record(struct eco_plan *p, enum eco_view_kind k, size_t i)
{
	const struct eco_view *v = eco_plan_view(p, k, i);

	if (!v || v->record)
		return v ? v->node : NULL;
	return record(p, k, i);
}

/* Completeness, and the plan's rules. */

/*
 * The objectives of the cycle (data/demarche.yaml) that the plan's
 * gaps stand in the way of, in the cycle's order: each gap keeps one
 * of them from being met.
 */
enum step {
	S_TRANSFORMATIONS, S_INDICATEURS, S_OUTILS, S_ACTIONS, S_RESPONSABLES,
	S_DESCRIPTION, S_RESSOURCES, S_SUIVI, NSTEPS
};
const char *const eco_plan_objectives[NSTEPS + 1] = {
	"transformations", "indicateurs-cibles", "outils-suivi",
	"choisir-actions", "responsables-partenaires", "decrire-actions",
	"ressources-bailleurs", "calendrier-suivi", NULL
};

struct gaps {
	struct eco_plan *p;
	struct eco_diags *d;
	size_t n;
	int only;		/* the gaps of this step, or -1: all */
	int all;		/* record those a plan's rules say too */
};

/* The key whose value is the node at, in m or a little below. */
static const struct eco_node *
key_of(const struct eco_node *m, const struct eco_node *at, int depth)
{
	const struct eco_node *k;
	size_t i;

	if (!m || depth > 3)
		return NULL;
	if (m->type == ECO_SEQ)
		for (i = 0; i < m->len; i++)
			if ((k = key_of(m->u.items[i], at, depth + 1)))
				return k;
	if (m->type != ECO_MAP)
		return NULL;
	for (i = 0; i < m->len; i++)
		if (m->u.pairs[i].val == at)
			return m->u.pairs[i].key;
	for (i = 0; i < m->len; i++)
		if ((k = key_of(m->u.pairs[i].val, at, depth + 1)))
			return k;
	return NULL;
}

/*
 * One gap of view v, in the way of step: what to fill is key (a path
 * below the view's own, or NULL for the view itself), at is where to
 * point (the empty value, or NULL for the view's mapping).  quiet:
 * counted, not recorded (a plan document's rules say it already).
 */
static void
vgap(struct gaps *g, struct eco_view *v, unsigned flag, int step, int quiet,
    const struct eco_node *at, const char *key, const char *fmt, va_list ap)
{
	const struct eco_node *k;
	char path[1024];

	if (g->only >= 0 && step != g->only)
		return;
	v->gaps |= flag;
	g->n++;
	if (!g->d || (quiet && !g->all))
		return;
	if (!at)
		at = v->node;
	else if (at->type == ECO_NULL && (k = key_of(v->node, at, 0)))
		at = k;		/* an empty value: point at its key */
	eco_diag_vadd(g->d, v->file, at ? at->line : 0, at ? at->col : 0,
	    ECO_SEV_WARNING, "plan", fmt, ap);
	snprintf(path, sizeof path, "%s%s%s", v->path, key ? "/" : "",
	    key ? key : "");
	eco_diag_set_path(g->d, path);
}

static void
gap(struct gaps *g, struct eco_view *v, unsigned flag, int step, int quiet,
    const struct eco_node *at, const char *key, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vgap(g, v, flag, step, quiet, at, key, fmt, ap);
	va_end(ap);
}

/* How to name an item without id: by its place, the i-th of holder
 * ("obj-lecture-famille, n° 2"), in buf. */
static const char *
place(char *buf, size_t cap, const char *id, const char *holder, size_t i)
{
	if (id)
		return id;
	snprintf(buf, cap, _("%s, no. %zu"), holder ? holder : "?", i + 1);
	return buf;
}

/* The same for a view: its place from its path; "?" for a record. */
static const char *
label(struct gaps *g, const char *id, const struct eco_view *v,
    const char *holder)
{
	const char *slash = strrchr(v->path, '/');
	char buf[256];
	const char *s;

	if (id)
		return id;
	if (!slash || slash[1] < '0' || slash[1] > '9')
		return "?";
	place(buf, sizeof buf, NULL, holder,
	    (size_t)strtoul(slash + 1, NULL, 10));
	s = eco_arena_strndup(g->p->data->arena, buf, strlen(buf));
	return s ? s : "?";
}

/*
 * Where the date rules say what they find: a plan document's rules, in
 * the index (x), or eco_plan_gaps, as a gap of view v.  key is below
 * what is looked at ("calendrier_suivi/2").
 */
struct say {
	struct eco_index *x;
	struct eco_diags *d;
	const char *file;
	struct gaps *g;
	struct eco_view *v;
	int quiet;
};

static void
say(struct say *s, const struct eco_node *at, const char *key,
    enum eco_sev sev, int step, const char *fmt, ...)
{
	const char *k;
	char seg[64];
	size_t n, old = 0, o;
	va_list ap;

	va_start(ap, fmt);
	if (s->g)
		vgap(s->g, s->v, ECO_GAP_PERIODE, step, s->quiet, at, key, fmt, ap);
	else {
		for (k = key; *k; k += n + (k[n] == '/')) {
			n = strcspn(k, "/");
			snprintf(seg, sizeof seg, "%.*s", (int)n, k);
			o = *seg >= '0' && *seg <= '9' ?
			    eco_index_enter(s->x, NULL, strtoul(seg, NULL, 10)) :
			    eco_index_enter(s->x, seg, 0);
			if (k == key)
				old = o;
		}
		eco_index_vrule(s->x, s->d, s->file, at, NULL, sev, "plan", fmt, ap);
		eco_index_leave(s->x, old);
	}
	va_end(ap);
}

/* The plan's date rules. */

/* An action's dates: in order, within the plan's period; its follow-ups
 * and milestones within its dates and the period. */
static void
action_dates(struct say *s, const struct eco_node *a, const char *lab,
    const char *pdeb, const char *pfin)
{
	const char *deb = date_of(a, "debut"), *fin = date_of(a, "fin");
	const char *from = deb ? deb : pdeb, *to = fin ? fin : pfin, *d;
	const struct eco_node *cal = get(a, "calendrier_suivi");
	const struct eco_node *jal = get(a, "jalons");
	char key[64];
	size_t i;

	if (deb && fin && strcmp(deb, fin) > 0)
		say(s, get(a, "fin"), "fin", ECO_SEV_ERROR, S_DESCRIPTION,
		    _("action « %s » ends (%s) before it begins (%s)"), lab, fin, deb);
	if (deb && pdeb && strcmp(deb, pdeb) < 0)
		say(s, get(a, "debut"), "debut", ECO_SEV_ERROR, S_DESCRIPTION,
		    _("action « %s » begins (%s) before the plan's period (%s)"),
		    lab, deb, pdeb);
	if (fin && pfin && strcmp(fin, pfin) > 0)
		say(s, get(a, "fin"), "fin", ECO_SEV_ERROR, S_DESCRIPTION,
		    _("action « %s » ends (%s) after the plan's period (%s)"),
		    lab, fin, pfin);
	for (i = 0; cal && cal->type == ECO_SEQ && i < cal->len; i++) {
		const struct eco_node *c = cal->u.items[i];

		if (c->type != ECO_STR || !eco_format_date(c->s, c->len) ||
		    !((deb && strcmp(c->s, deb) < 0) || (pfin && strcmp(c->s, pfin) > 0)))
			continue;
		snprintf(key, sizeof key, "calendrier_suivi/%zu", i);
		say(s, c, key, ECO_SEV_WARNING, S_SUIVI,
		    _("follow-up date %s of action « %s » falls outside the action or the plan"),
		    c->s, lab);
	}
	for (i = 0; jal && jal->type == ECO_SEQ && i < jal->len; i++) {
		if (!(d = date_of(jal->u.items[i], "date")) ||
		    !((from && strcmp(d, from) < 0) || (to && strcmp(d, to) > 0) ||
		    (pdeb && strcmp(d, pdeb) < 0) || (pfin && strcmp(d, pfin) > 0)))
			continue;
		snprintf(key, sizeof key, "jalons/%zu/date", i);
		say(s, get(jal->u.items[i], "date"), key, ECO_SEV_WARNING,
		    S_DESCRIPTION,
		    _("milestone %s of action « %s » falls outside the action's dates or the plan's period"),
		    d, lab);
	}
}

/* An indicator's deadline within the plan's period. */
static void
indicator_dates(struct say *s, const struct eco_node *ind, const char *lab,
    const char *pdeb, const char *pfin)
{
	const char *ech = date_of(ind, "echeance");

	if (ech && pfin && strcmp(ech, pfin) > 0)
		say(s, get(ind, "echeance"), "echeance", ECO_SEV_WARNING,
		    S_INDICATEURS,
		    _("the deadline %s of indicator « %s » falls after the plan's period"),
		    ech, lab);
	if (ech && pdeb && strcmp(ech, pdeb) < 0)
		say(s, get(ind, "echeance"), "echeance", ECO_SEV_WARNING,
		    S_INDICATEURS,
		    _("the deadline %s of indicator « %s » falls before the plan's period (%s)"),
		    ech, lab, pdeb);
}

/* The plan's own follow-ups within its period. */
static void
plan_calendar(struct say *s, const struct eco_node *root, const char *pdeb,
    const char *pfin)
{
	const struct eco_node *cal = get(root, "calendrier_suivi");
	char key[64];
	size_t i;

	for (i = 0; cal && cal->type == ECO_SEQ && pdeb && pfin && i < cal->len;
	    i++) {
		const struct eco_node *c = cal->u.items[i];

		if (c->type != ECO_STR || !eco_format_date(c->s, c->len) ||
		    (strcmp(c->s, pdeb) >= 0 && strcmp(c->s, pfin) <= 0))
			continue;
		snprintf(key, sizeof key, "calendrier_suivi/%zu", i);
		say(s, c, key, ECO_SEV_WARNING, S_SUIVI,
		    _("follow-up date %s of the plan falls outside its period (%s to %s)"),
		    c->s, pdeb, pfin);
	}
}

/* What the rules ask of an indicator for its transformation: a target,
 * and a deadline (its echeance, or the plan's end). */
static int
has_target(const struct eco_node *ind, const char *pfin)
{
	return get(ind, "cible") && (date_of(ind, "echeance") || pfin);
}

/* The rules of a plan document (the registry's, eco_kind.c). */

static void
rule(struct eco_index *x, struct eco_diags *d, const char *file,
    const struct eco_node *at, const char *leaf, enum eco_sev sev,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	eco_index_vrule(x, d, file, at, leaf, sev, "plan", fmt, ap);
	va_end(ap);
}

static void
rules_action(struct say *s, const struct eco_node *a, const char *lab,
    const char *pdeb, const char *pfin)
{
	const struct eco_node *parts = get(a, "partenaires");
	const struct eco_node *resp = get(a, "responsable");
	size_t i, old;

	action_dates(s, a, lab, pdeb, pfin);
	for (i = 0; resp && resp->type == ECO_STR && parts &&
	    parts->type == ECO_SEQ && i < parts->len; i++) {
		if (!eco_node_equal(parts->u.items[i], resp))
			continue;
		old = eco_index_enter(s->x, "partenaires", 0);
		eco_index_enter(s->x, NULL, i);
		rule(s->x, s->d, s->file, parts->u.items[i], NULL, ECO_SEV_WARNING,
		    _("« %s » is already the responsable of action « %s »"),
		    resp->s, lab);
		eco_index_leave(s->x, old);
	}
}

/* The indicators or the actions (key) of transformation t, whose id
 * is tid. */
static void
rules_items(struct say *s, const struct eco_node *t, const char *key,
    const char *tid, const char *pdeb, const char *pfin)
{
	const struct eco_node *seq = get(t, key);
	char buf[256];
	const char *lab;
	size_t i, old;

	for (i = 0; seq && seq->type == ECO_SEQ && i < seq->len; i++) {
		const struct eco_node *n = seq->u.items[i];

		old = eco_index_enter(s->x, key, 0);
		eco_index_enter(s->x, NULL, i);
		lab = place(buf, sizeof buf, str(n, "id"), tid, i);
		if (strcmp(key, "indicateurs") == 0) {
			eco_index_add_id(s->x, "indicateur", n, s->file, NULL);
			indicator_dates(s, n, lab, pdeb, pfin);
		} else {
			eco_index_add_id(s->x, "action", n, s->file, NULL);
			rules_action(s, n, lab, pdeb, pfin);
		}
		eco_index_leave(s->x, old);
	}
}

static void
rules_transformation(struct say *s, const struct eco_node *t, const char *sys,
    const char *obj, const char *pdeb, const char *pfin)
{
	const struct eco_node *inds = get(t, "indicateurs");
	char tid[256];
	size_t i, with = 0;

	if (str(t, "id"))
		snprintf(tid, sizeof tid, "%s", str(t, "id"));
	else
		snprintf(tid, sizeof tid, "%s-%s", obj, sys);
	for (i = 0; inds && inds->type == ECO_SEQ && i < inds->len; i++)
		with += has_target(inds->u.items[i], pfin);
	if (inds && inds->type == ECO_SEQ && inds->len && !with)
		rule(s->x, s->d, s->file, inds, "indicateurs", ECO_SEV_ERROR,
		    _("transformation « %s » of objective « %s »: no indicator has both a target (cible) and a deadline (echeance)"),
		    sys, obj);
	rules_items(s, t, "indicateurs", tid, pdeb, pfin);
	rules_items(s, t, "actions", tid, pdeb, pfin);
}

static void
rules_objectives(struct say *s, const struct eco_node *objs, const char *pdeb,
    const char *pfin)
{
	size_t i, j, old, back;

	for (i = 0; objs && objs->type == ECO_SEQ && i < objs->len; i++) {
		const struct eco_node *o = objs->u.items[i];
		const struct eco_node *tr = get(o, "transformations"), *t;
		const char *oid = str(o, "id") ? str(o, "id") : "?";

		old = eco_index_enter(s->x, "objectifs", 0);
		eco_index_enter(s->x, NULL, i);
		eco_index_add_id(s->x, "objectif-plan", o, s->file, NULL);
		for (j = 0; j < ECO_NSYS; j++) {
			back = eco_index_enter(s->x, "transformations", 0);
			eco_index_enter(s->x, eco_systemes[j], 0);
			if ((t = get(tr, eco_systemes[j])) && t->type == ECO_MAP) {
				eco_index_add_id(s->x, "transformation", t, s->file,
				    NULL);
				rules_transformation(s, t, eco_systemes[j], oid, pdeb,
				    pfin);
			}
			eco_index_leave(s->x, back);
		}
		eco_index_leave(s->x, old);
	}
}

void
eco_plan_rules(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	const struct eco_node *per = get(root, "periode"), *b;
	const char *pdeb = date_of(per, "debut"), *pfin = date_of(per, "fin");
	struct say s = { x, d, file, NULL, NULL, 0 };
	size_t i, old;

	eco_index_add_id(x, k->name, root, file, NULL);
	if (pdeb && pfin && strcmp(pdeb, pfin) > 0) {
		old = eco_index_enter(x, "periode", 0);
		rule(x, d, file, get(per, "fin"), "fin", ECO_SEV_ERROR,
		    _("the plan's period ends (%s) before it begins (%s)"), pfin, pdeb);
		eco_index_leave(x, old);
		pdeb = pfin = NULL;
	}
	b = get(root, "bailleurs");
	for (i = 0; b && b->type == ECO_SEQ && i < b->len; i++) {
		old = eco_index_enter(x, "bailleurs", 0);
		eco_index_enter(x, NULL, i);
		eco_index_add_id(x, "bailleur", b->u.items[i], file, NULL);
		eco_index_leave(x, old);
	}
	plan_calendar(&s, root, pdeb, pfin);
	rules_objectives(&s, get(root, "objectifs"), pdeb, pfin);
}

/* The gaps. */

static void
gaps_objectif(struct gaps *g, size_t i)
{
	struct eco_objectif_view *o = &g->p->objectifs[i];
	const struct eco_node *n = o->v.node, *tr = g->p->data->obj_tr[i], *t = NULL;
	const char *lab = label(g, o->id, &o->v, NULL);
	const int S = S_TRANSFORMATIONS;
	char key[64];
	int s;

	if (!o->id)
		gap(g, &o->v, ECO_GAP_ID, S, 0, get(n, "id"), "id", "%s",
		    _("this objective has no id"));
	if (!filled(get(n, "libelle")))
		gap(g, &o->v, ECO_GAP_LIBELLE, S, 0, get(n, "libelle"), "libelle",
		    _("objective « %s » has no libelle"), lab);
	if (!filled(get(n, "facteur")))
		gap(g, &o->v, ECO_GAP_FACTEUR, S, 0, get(n, "facteur"), "facteur",
		    _("objective « %s » has no protective factor (facteur)"), lab);
	for (s = 0; s < ECO_NSYS; s++) {
		if (o->v.record ? eco_plan_transformation(g->p, o->id,
		    eco_systemes[s]) != NULL :
		    (t = get(tr, eco_systemes[s])) && t->type == ECO_MAP)
			continue;
		snprintf(key, sizeof key, "transformations/%s", eco_systemes[s]);
		gap(g, &o->v, ECO_GAP_TRANSFORMATION, S, 0,
		    o->v.record ? NULL : t ? t : tr, o->v.record ? NULL : key,
		    _("objective « %s » has no desired transformation for the system « %s »"),
		    lab, eco_systemes[s]);
	}
}

/* Whether indicator or action j belongs to transformation i. */
static int
belongs(const struct eco_plan *p, size_t i, size_t parent, const char *obj,
    const char *sys)
{
	const struct eco_transformation_view *t = &p->transformations[i];

	if (parent != NONE)
		return parent == i;
	return t->v.record && obj && sys && t->objectif && t->systeme &&
	    strcmp(obj, t->objectif) == 0 && strcmp(sys, t->systeme) == 0;
}

/* Whether the rules see an indicator of transformation i with a target
 * (then a transformation without one is theirs to say). */
static int
rules_see_target(const struct eco_plan *p, size_t i)
{
	size_t j;

	for (j = 0; j < p->nindicateurs; j++)
		if (p->data->ind_parent[j] == i &&
		    has_target(p->indicateurs[j].v.node, p->fin))
			return 1;
	return 0;
}

static void
gaps_transformation(struct gaps *g, size_t i)
{
	struct eco_plan *p = g->p;
	struct eco_transformation_view *t = &p->transformations[i];
	const struct eco_node *n = t->v.node;
	const char *lab = t->id ? t->id : "?";
	size_t j, nind = 0, ncible = 0, nact = 0;

	for (j = 0; j < p->nindicateurs; j++)
		if (belongs(p, i, p->data->ind_parent[j],
		    p->indicateurs[j].objectif, p->indicateurs[j].systeme)) {
			nind++;
			ncible += p->indicateurs[j].cible != NULL;
		}
	for (j = 0; j < p->nactions; j++)
		nact += belongs(p, i, p->data->act_parent[j],
		    p->actions[j].objectif, p->actions[j].systeme);
	if (!filled(get(n, "libelle")))
		gap(g, &t->v, ECO_GAP_LIBELLE, S_TRANSFORMATIONS, 0,
		    get(n, "libelle"), "libelle",
		    _("transformation « %s » has no libelle (the desired change)"),
		    lab);
	if (!nind)
		gap(g, &t->v, ECO_GAP_INDICATEUR, S_INDICATEURS, 0,
		    get(n, "indicateurs"), "indicateurs",
		    _("transformation « %s » has no indicator"), lab);
	else if (!ncible)
		gap(g, &t->v, ECO_GAP_CIBLE, S_INDICATEURS,
		    !t->v.record && !rules_see_target(p, i), get(n, "indicateurs"),
		    "indicateurs",
		    _("transformation « %s » has no indicator with a target (cible)"),
		    lab);
	if (!nact)
		gap(g, &t->v, ECO_GAP_ACTION, S_ACTIONS, 0, get(n, "actions"),
		    "actions", _("transformation « %s » has no action"), lab);
}

static void
gaps_indicateur(struct gaps *g, size_t i)
{
	struct eco_indicateur_view *x = &g->p->indicateurs[i];
	const struct eco_node *n = x->v.node;
	const char *lab = label(g, x->id, &x->v, x->transformation);
	struct say s = { NULL, NULL, NULL, g, &x->v, !x->v.record };
	const int S = S_INDICATEURS;

	if (!x->id)
		gap(g, &x->v, ECO_GAP_ID, S, 0, get(n, "id"), "id", "%s",
		    _("this indicator has no id"));
	if (!filled(get(n, "libelle")))
		gap(g, &x->v, ECO_GAP_LIBELLE, S, 0, get(n, "libelle"), "libelle",
		    _("indicator « %s » has no libelle"), lab);
	if (!filled(get(n, "cible")))
		gap(g, &x->v, ECO_GAP_CIBLE, S, 0, get(n, "cible"), "cible",
		    _("indicator « %s » has no target (cible)"), lab);
	if (!filled(get(n, "echeance")) && !g->p->fin)
		gap(g, &x->v, ECO_GAP_DATES, S, 0, get(n, "echeance"), "echeance",
		    _("indicator « %s » has no deadline: give it an echeance, or the plan a period"),
		    lab);
	if (!filled(get(n, "outil_suivi")))
		gap(g, &x->v, ECO_GAP_OUTIL, S_OUTILS, 0, get(n, "outil_suivi"),
		    "outil_suivi",
		    _("indicator « %s » has no follow-up or evaluation tool (outil_suivi)"),
		    lab);
	indicator_dates(&s, n, lab, g->p->debut, g->p->fin);
}

static void
action_budget(struct gaps *g, struct eco_action_view *a, const char *lab)
{
	const struct eco_node *n = a->v.node, *seq = get(n, "budget");
	const int S = S_RESSOURCES;
	char key[64];
	size_t i, amounts = 0;

	for (i = 0; i < a->nbudget; i++)
		amounts += a->budget[i].has_amount;
	if (!amounts) {
		gap(g, &a->v, ECO_GAP_BUDGET, S, 0, get(n, "budget"), "budget",
		    _("action « %s » has no budget"), lab);
		return;
	}
	for (i = 0; seq && seq->type == ECO_SEQ && i < seq->len; i++) {
		const struct eco_node *l = seq->u.items[i];
		const struct eco_node *at = get(l, "bailleur") ? get(l, "bailleur") : l;

		if (l->type != ECO_MAP || filled(get(l, "bailleur")))
			continue;
		snprintf(key, sizeof key, "budget/%zu/bailleur", i);
		if (str(l, "poste"))
			gap(g, &a->v, ECO_GAP_BAILLEUR, S, 0, at, key,
			    _("budget line « %s » of action « %s » has no funder (bailleur)"),
			    str(l, "poste"), lab);
		else
			gap(g, &a->v, ECO_GAP_BAILLEUR, S, 0, at, key,
			    _("a budget line of action « %s » has no funder (bailleur)"),
			    lab);
	}
}

static void
gaps_action(struct gaps *g, size_t i)
{
	struct eco_action_view *a = &g->p->actions[i];
	const struct eco_node *n = a->v.node;
	const char *lab = label(g, a->id, &a->v, a->transformation);
	struct say s = { NULL, NULL, NULL, g, &a->v, !a->v.record };

	if (!a->id)
		gap(g, &a->v, ECO_GAP_ID, S_ACTIONS, 0, get(n, "id"), "id", "%s",
		    _("this action has no id"));
	if (!filled(get(n, "titre")))
		gap(g, &a->v, ECO_GAP_LIBELLE, S_ACTIONS, 0, get(n, "titre"),
		    "titre", _("action « %s » has no title (titre)"), lab);
	if (!filled(get(n, "responsable")))
		gap(g, &a->v, ECO_GAP_RESPONSABLE, S_RESPONSABLES, 0,
		    get(n, "responsable"), "responsable",
		    _("action « %s » has no responsable"), lab);
	/* an individual action is one member's own contribution */
	if (!filled(get(n, "partenaires")) && !eq(a->type, "individuelle"))
		gap(g, &a->v, ECO_GAP_PARTENAIRE, S_RESPONSABLES, 0,
		    get(n, "partenaires"), "partenaires",
		    _("action « %s » has no partner (partenaires)"), lab);
	/* the method's "contenu": what the action does, for whom, how */
	if (!filled(get(n, "description")))
		gap(g, &a->v, ECO_GAP_DESCRIPTION, S_DESCRIPTION, 0,
		    get(n, "description"), "description",
		    _("action « %s » has no description (description)"), lab);
	if (!filled(get(n, "debut")))
		gap(g, &a->v, ECO_GAP_DATES, S_DESCRIPTION, 0, get(n, "debut"),
		    "debut", _("action « %s » has no start date (debut)"), lab);
	if (!filled(get(n, "fin")))
		gap(g, &a->v, ECO_GAP_DATES, S_DESCRIPTION, 0, get(n, "fin"), "fin",
		    _("action « %s » has no end date (fin)"), lab);
	action_budget(g, a, lab);
	if (!filled(get(n, "calendrier_suivi")))
		gap(g, &a->v, ECO_GAP_SUIVI, S_SUIVI, 0, get(n, "calendrier_suivi"),
		    "calendrier_suivi",
		    _("action « %s » has no follow-up dates (calendrier_suivi)"), lab);
	action_dates(&s, n, lab, g->p->debut, g->p->fin);
}

/* The plan's own: its period, its objectives, its calendar. */
static void
gaps_plan(struct gaps *g)
{
	const struct eco_node *root = g->p->data->plan_root;
	const struct eco_node *per = get(root, "periode");
	const int S = S_DESCRIPTION;
	struct eco_view v;
	struct say s = { NULL, NULL, NULL, g, &v, 1 };

	memset(&v, 0, sizeof v);
	v.node = root;
	v.file = g->p->file;
	v.path = "";
	if (!filled(per))
		gap(g, &v, ECO_GAP_DATES, S, 0, per, "periode", "%s",
		    _("the plan has no period (periode, with debut and fin)"));
	else if (per->type == ECO_MAP) {
		if (!filled(get(per, "debut")))
			gap(g, &v, ECO_GAP_DATES, S, 0, get(per, "debut"),
			    "periode/debut", "%s",
			    _("the plan's period has no start date (debut)"));
		if (!filled(get(per, "fin")))
			gap(g, &v, ECO_GAP_DATES, S, 0, get(per, "fin"),
			    "periode/fin", "%s",
			    _("the plan's period has no end date (fin)"));
	}
	if (!filled(get(root, "objectifs")))
		gap(g, &v, ECO_GAP_TRANSFORMATION, S_TRANSFORMATIONS, 0,
		    get(root, "objectifs"), "objectifs", "%s",
		    _("the plan has no objective"));
	plan_calendar(&s, root, g->p->debut, g->p->fin);
}

static void
count(const struct eco_plan *p, struct eco_plan_counts *c, size_t n)
{
	size_t i;

	memset(c, 0, sizeof *c);
	c->total[ECO_VIEW_OBJECTIF] = p->nobjectifs;
	c->total[ECO_VIEW_TRANSFORMATION] = p->ntransformations;
	c->total[ECO_VIEW_INDICATEUR] = p->nindicateurs;
	c->total[ECO_VIEW_ACTION] = p->nactions;
	for (i = 0; i < p->nobjectifs; i++)
		c->complete[ECO_VIEW_OBJECTIF] += !p->objectifs[i].v.gaps;
	for (i = 0; i < p->ntransformations; i++)
		c->complete[ECO_VIEW_TRANSFORMATION] +=
		    !p->transformations[i].v.gaps;
	for (i = 0; i < p->nindicateurs; i++)
		c->complete[ECO_VIEW_INDICATEUR] += !p->indicateurs[i].v.gaps;
	for (i = 0; i < p->nactions; i++)
		c->complete[ECO_VIEW_ACTION] += !p->actions[i].v.gaps;
	c->gaps = n;
}

static size_t
judge(struct gaps *g, struct eco_plan_counts *c)
{
	struct eco_plan *p = g->p;
	size_t i;

	for (i = 0; i < p->nobjectifs; i++)
		p->objectifs[i].v.gaps = 0;
	for (i = 0; i < p->ntransformations; i++)
		p->transformations[i].v.gaps = 0;
	for (i = 0; i < p->nindicateurs; i++)
		p->indicateurs[i].v.gaps = 0;
	for (i = 0; i < p->nactions; i++)
		p->actions[i].v.gaps = 0;
	if (p->data->plan_root)
		gaps_plan(g);
	for (i = 0; i < p->nobjectifs; i++)
		gaps_objectif(g, i);
	for (i = 0; i < p->ntransformations; i++)
		gaps_transformation(g, i);
	for (i = 0; i < p->nindicateurs; i++)
		gaps_indicateur(g, i);
	for (i = 0; i < p->nactions; i++)
		gaps_action(g, i);
	if (c)
		count(p, c, g->n);
	return g->n;
}

size_t
eco_plan_gaps(struct eco_plan *p, struct eco_diags *d,
    struct eco_plan_counts *c)
{
	struct gaps g = { p, d, 0, -1, 0 };

	return judge(&g, c);
}

size_t
eco_plan_lacks(struct eco_plan *p, const char *objective, struct eco_diags *d)
{
	struct gaps g = { p, d, 0, -1, 1 };

	while (objective && eco_plan_objectives[++g.only] &&
	    strcmp(eco_plan_objectives[g.only], objective) != 0)
		;
	return objective && g.only < NSTEPS ? judge(&g, NULL) : 0;
}

/*
 * A schema failure the gaps say better: at a value left empty (the same
 * JSON pointer), or a required key missing from the mapping a gap points
 * at for that very key (its message names it « key »).
 */
static int
told(const struct eco_diag *s, const struct eco_diags *gaps)
{
	const struct eco_diag *g;
	const char *key, *base;
	char quoted[128];
	size_t i, n;

	if (!s->check || strcmp(s->check, "schema") != 0 || !s->path)
		return 0;
	base = strcmp(s->path, "/") == 0 ? "" : s->path;	/* the root */
	n = strlen(base);
	for (i = 0; i < gaps->n; i++) {
		g = &gaps->v[i];
		if (!g->path || !eq(g->file, s->file))
			continue;
		if (strcmp(g->path, s->path) == 0)
			return 1;
		if (g->line != s->line || g->col != s->col ||
		    strncmp(g->path, base, n) != 0 || g->path[n] != '/')
			continue;
		key = g->path + n + 1;
		snprintf(quoted, sizeof quoted, "« %s »", key);
		if (!strchr(key, '/') && strstr(s->msg, quoted))
			return 1;
	}
	return 0;
}

/* The last line of a tree. */
static int
last_line(const struct eco_node *n)
{
	int l = n->line, m;
	size_t i;

	for (i = 0; (n->type == ECO_SEQ || n->type == ECO_MAP) && i < n->len; i++)
		if ((m = last_line(n->type == ECO_SEQ ? n->u.items[i] :
		    n->u.pairs[i].val)) > l)
			l = m;
	return l;
}

/* Whether g lies in a document of docs that is neither the plan's nor
 * the priorities'. */
static int
elsewhere(const struct eco_diag *g, const struct eco_doc *const *docs,
    size_t n)
{
	const char *kind;
	size_t i;

	for (i = 0; g->file && i < n; i++) {
		kind = str(docs[i]->root, "kind");
		if (!eco_plan_kind(kind) && !eq(kind, "priorite") &&
		    eq(docs[i]->file, g->file) && g->line >= docs[i]->root->line &&
		    g->line <= last_line(docs[i]->root))
			return 1;
	}
	return 0;
}

void
eco_plan_diags(struct eco_diags *out, const struct eco_diags *check,
    const struct eco_doc *const *docs, size_t n)
{
	size_t i;

	for (i = 0; i < check->n; i++)
		if (!elsewhere(&check->v[i], docs, n))
			eco_diag_copy(out, &check->v[i]);
	out->oom |= check->oom;
}

size_t
eco_plan_verdict(struct eco_plan *p, const struct eco_diags *checks,
    struct eco_diags *out, struct eco_plan_counts *c)
{
	struct eco_diags gaps;
	size_t i, left = 0;

	eco_diags_init(&gaps);
	eco_plan_gaps(p, &gaps, c);
	for (i = 0; i < checks->n; i++)
		if (!told(&checks->v[i], &gaps)) {
			eco_diag_copy(out, &checks->v[i]);
			left += checks->v[i].sev != ECO_SEV_NOTE;
		}
	for (i = 0; i < gaps.n; i++)
		eco_diag_copy(out, &gaps.v[i]);
	left += gaps.n;
	out->oom |= gaps.oom;
	eco_diags_free(&gaps);
	return left;
}

static int
by_place(const void *x, const void *y)
{
	const struct eco_diag *a = *(const struct eco_diag *const *)x;
	const struct eco_diag *b = *(const struct eco_diag *const *)y;
	int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int
diag_node(struct eco_doc *doc, struct eco_node *list, const struct eco_diag *g)
{
	struct eco_node *m = eco_diag_node(doc, g);

	return !m || eco_seq_push(doc, list, m);
}

const struct eco_node *
eco_plan_verdict_json(struct eco_doc *doc, const struct eco_plan_counts *c,
    size_t left, const struct eco_diags *d)
{
	struct eco_node *top = eco_node_map(doc), *counts = eco_node_map(doc);
	struct eco_node *list = eco_node_seq(doc), *m;
	const struct eco_diag **o = malloc((d->n ? d->n : 1) * sizeof *o);
	int k, bad = !o;
	size_t i;

	for (k = 0; k < ECO_NVIEW; k++) {
		m = eco_node_map(doc);
		bad |= eco_map_put(doc, m, "complets", eco_node_int(doc,
		    (long long)c->complete[k])) |
		    eco_map_put(doc, m, "total", eco_node_int(doc,
		    (long long)c->total[k])) |
		    eco_map_put(doc, counts, eco_view_kinds[k], m);
	}
	for (i = 0; o && i < d->n; i++)
		o[i] = &d->v[i];
	if (o)
		qsort(o, d->n, sizeof *o, by_place);
	for (i = 0; o && i < d->n; i++)
		bad |= diag_node(doc, list, o[i]);
	bad |= eco_map_put(doc, top, "complet", eco_node_bool(doc, !left)) |
	    eco_map_put(doc, top, "restants", eco_node_int(doc, (long long)left)) |
	    eco_map_put(doc, top, "comptes", counts) |
	    eco_map_put(doc, top, "diagnostics", list);
	free(o);
	return bad ? NULL : top;
}

/* The follow-up calendar. */

static int
by_date(const void *x, const void *y)
{
	const struct eco_echeance *a = x, *b = y;
	int c = strcmp(a->date, b->date);

	if (c)
		return c;
	if (a->what != b->what)
		return a->what < b->what ? -1 : 1;
	if ((c = strcmp(a->id ? a->id : "", b->id ? b->id : "")))
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

struct eco_echeance *
eco_plan_calendar(const struct eco_plan *p, size_t *n)
{
	struct eco_echeance *v, *e;
	size_t i, j, max = p->ncalendrier + p->nindicateurs;

	for (i = 0; i < p->nactions; i++)
		max += p->actions[i].ncalendrier;
	*n = 0;
	if (max == 0)
		return NULL;
	if (!(v = malloc(max * sizeof *v))) {
		*n = (size_t)-1;
		return NULL;
	}
	e = v;
	for (i = 0; i < p->ncalendrier; i++, e++) {
		e->date = p->calendrier[i];
		e->what = ECO_ECH_PLAN;
		e->index = 0;
		e->id = p->id;
	}
	for (i = 0; i < p->nactions; i++)
		for (j = 0; j < p->actions[i].ncalendrier; j++, e++) {
			e->date = p->actions[i].calendrier[j];
			e->what = ECO_ECH_ACTION;
			e->index = i;
			e->id = p->actions[i].id;
		}
	for (i = 0; i < p->nindicateurs; i++)
		if (p->indicateurs[i].echeance_eff) {
			e->date = p->indicateurs[i].echeance_eff;
			e->what = ECO_ECH_INDICATEUR;
			e->index = i;
			e->id = p->indicateurs[i].id;
			e++;
		}
	*n = (size_t)(e - v);
	if (*n == 0) {
		free(v);
		return NULL;
	}
	qsort(v, *n, sizeof *v, by_date);
	return v;
}

/*
 * The skeleton: a plan to fill, from the priorities' objectives.  The
 * guidance is the schema's own (titles, descriptions, examples), as
 * comments.  Slots are the values eco_plan_gaps asks for, written
 * empty, so that eco-plan verifie lists them; other fields are
 * commented out.
 */

static const char *const ind_slots[] = { "id", "libelle", "cible",
	"outil_suivi", NULL };
static const char *const act_slots[] = { "id", "titre", "description",
	"responsable", "partenaires", "debut", "fin", "budget",
	"calendrier_suivi", NULL };
static const char *const tr_slots[] = { "libelle", "indicateurs", "actions",
	NULL };

struct sk {
	FILE *out;
	const struct eco_node *plan, *defs;	/* schema trees */
	const struct eco_facteurs *fiches;	/* for the pistes d'action */
	int dash;		/* the next key starts an item of a list */
	int told_ind, told_act, told_tr;	/* descriptions given once */
};

/* Indentation of a key at column indent, or "- " before the first key
 * of a list item. */
static void
lead(struct sk *k, int indent)
{
	fprintf(k->out, "%*s%s", k->dash ? indent - 2 : indent, "",
	    k->dash ? "- " : "");
	k->dash = 0;
}

/* The schema of a property: of the plan (def NULL) or of $defs/def. */
static const struct eco_node *
prop(const struct sk *k, const char *def, const char *key)
{
	const struct eco_node *m = def ?
	    get(get(k->plan, "$defs"), def) : k->plan;

	return get(get(m, "properties"), key);
}

static const struct eco_node *
def_props(const struct sk *k, const char *def)
{
	return get(get(get(k->plan, "$defs"), def), "properties");
}

/* "# text", wrapped by the French rule at 78 columns. */
static void
comment(struct sk *k, int indent, const char *text)
{
	char prefix[80];

	snprintf(prefix, sizeof prefix, "%*s#", indent, "");
	fprintf(k->out, "%s ", prefix);
	eco_wrap_write(k->out, text, (size_t)indent + 2, 3, 78, prefix);
}

/* "# Title : description" of a schema node. */
static void
guide(struct sk *k, int indent, const struct eco_node *schema)
{
	const char *t = str(schema, "title"), *d = str(schema, "description");
	char buf[2048];

	/* the schemas speak French: French punctuation, whatever the locale */
	if (t && d)
		snprintf(buf, sizeof buf, "%s : %s", t, d);
	else
		snprintf(buf, sizeof buf, "%s", t ? t : d ? d : "");
	if (buf[0])
		comment(k, indent, buf);
}

static void
scalar(struct sk *k, const struct eco_node *n, int flow)
{
	unsigned f = ECO_PLAIN_DATES | (flow ? ECO_PLAIN_FLOW : 0);

	if (n->type == ECO_STR && (!n->len || !eco_str_plain(n->s, n->len, f)))
		eco_json_string(k->out, n->s, n->len);	/* valid YAML too */
	else
		fputs(n->s, k->out);
}

static int
in(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* "key:", padded to width, and its description; commented out when
 * optional (uncommented, it still reads as an empty value). */
static void
slot(struct sk *k, int indent, const char *key, int width,
    const struct eco_node *schema, int optional)
{
	const char *d = str(schema, "description");
	int n = (optional ? 2 : 0) + (int)strlen(key) + 1;

	lead(k, indent);
	fprintf(k->out, "%s%s:", optional ? "# " : "", key);
	if (d)
		fprintf(k->out, "%*s# %s", width > n ? width - n + 1 : 1, "", d);
	putc('\n', k->out);
}

/* An example of a budget line, from the schema's examples. */
static void
budget_example(struct sk *k, int indent)
{
	const struct eco_node *props = def_props(k, "ligne_budget"), *ex;
	size_t i, n = 0;

	fprintf(k->out, "%*s#   - {", indent, "");
	for (i = 0; props && i < props->len; i++) {
		ex = get(props->u.pairs[i].val, "examples");
		if (!ex || ex->type != ECO_SEQ || !ex->len ||
		    ex->u.items[0]->type == ECO_SEQ || ex->u.items[0]->type == ECO_MAP)
			continue;
		fprintf(k->out, "%s%s: ", n++ ? ", " : "", props->u.pairs[i].key->s);
		scalar(k, ex->u.items[0], 1);
	}
	fputs("}\n", k->out);
}

/* The width of the keys of props, "# " and ":" included. */
static int
key_width(const struct eco_node *props)
{
	size_t i, w = 0;

	for (i = 0; props && i < props->len; i++)
		if (props->u.pairs[i].key->len > w)
			w = props->u.pairs[i].key->len;
	return (int)w + 3;
}

/* The fields of $defs/def: the slots first, in their order, then the
 * other properties commented out, in the schema's order. */
static void
fields(struct sk *k, int indent, const char *def, const char *const *slots,
    int *told)
{
	const struct eco_node *props = def_props(k, def);
	const char *const *sl;
	int w = key_width(props), tell = !*told;
	size_t i;

	*told = 1;
	for (sl = slots; *sl; sl++) {
		slot(k, indent, *sl, w, tell ? prop(k, def, *sl) : NULL, 0);
		if (strcmp(*sl, "budget") == 0 && tell)
			budget_example(k, indent);
	}
	for (i = 0; props && i < props->len; i++)
		if (!in(slots, props->u.pairs[i].key->s))
			slot(k, indent, props->u.pairs[i].key->s, w,
			    tell ? props->u.pairs[i].val : NULL, 1);
}

/* The priorities of an objective in one system, as reminders, then the
 * pistes d'action of the fiches of the factors they retain in it. */
static void
priorities_of(struct sk *k, int indent, const struct eco_obj_draft *o,
    const char *sys)
{
	char buf[2048];
	const char *done[16];
	size_t i, j, ndone = 0;

	for (i = 0; i < o->npri; i++) {
		const struct eco_pri *p = o->pri[i];
		const char *what = p->enonce ? p->enonce : p->justification;

		if (!eq(p->systeme, sys))
			continue;
		snprintf(buf, sizeof buf, _("Priority %s: %s"), p->id,
		    what ? what : "");
		comment(k, indent, buf);
	}
	for (i = 0; i < o->npri; i++) {
		const struct eco_sous_facteur *sous;
		const struct eco_facteur *f = o->pri[i]->facteur ?
		    eco_facteurs_holder(k->fiches, o->pri[i]->facteur, &sous) :
		    NULL;

		if (!f || !f->npistes || !eq(f->systeme, sys))
			continue;
		for (j = 0; j < ndone && done[j] != f->id; j++)
			;
		if (j < ndone || ndone == 16)
			continue;
		done[ndone++] = f->id;
		snprintf(buf, sizeof buf, eco_facteur_propose(f, "pistes-actions") ?
		    _("Ideas for action of the fiche « %s » (eco's proposal):") :
		    _("Ideas for action of the fiche « %s »:"), f->nom);
		comment(k, indent, buf);
		for (j = 0; j < f->npistes; j++) {
			snprintf(buf, sizeof buf, "  - %s", f->pistes[j]);
			comment(k, indent, buf);
		}
	}
}

static void
transformation(struct sk *k, int indent, const struct eco_obj_draft *o,
    int s)
{
	const char *sys = eco_systemes[s];
	const struct eco_node *props = def_props(k, "transformation");
	int w = key_width(props), tell = !k->told_tr;
	size_t i;

	k->told_tr = 1;
	guide(k, indent, get(def_props(k, "transformations"), sys));
	priorities_of(k, indent, o, sys);
	fprintf(k->out, "%*s%s:\n", indent, "", sys);
	indent += 2;
	slot(k, indent, "libelle", w,
	    tell ? prop(k, "transformation", "libelle") : NULL, 0);
	slot(k, indent, "indicateurs", w,
	    tell ? prop(k, "transformation", "indicateurs") : NULL, 0);
	k->dash = 1;
	fields(k, indent + 4, "indicateur", ind_slots, &k->told_ind);
	slot(k, indent, "actions", w,
	    tell ? prop(k, "transformation", "actions") : NULL, 0);
	k->dash = 1;
	fields(k, indent + 4, "action", act_slots, &k->told_act);
	for (i = 0; props && i < props->len; i++)
		if (!in(tr_slots, props->u.pairs[i].key->s))
			slot(k, indent, props->u.pairs[i].key->s, w,
			    tell ? props->u.pairs[i].val : NULL, 1);
}

/* An objective drafted from its priorities: its id (obj- and the
 * factor), its factor and priorities written, the rest to fill, then
 * its three systems. */
static void
objective(struct sk *k, const struct eco_obj_draft *o)
{
	const struct eco_node *props = def_props(k, "objectif");
	const struct eco_node *req = get(get(get(k->plan, "$defs"), "objectif"),
	    "required");
	char id[160];
	size_t i, j;
	int s;

	k->dash = 1;
	snprintf(id, sizeof id, "obj-%s", o->facteur);
	for (i = 0; props && i < props->len; i++) {
		const char *key = props->u.pairs[i].key->s;

		if (strcmp(key, "transformations") == 0) {
			guide(k, 4, prop(k, "objectif", key));
			fprintf(k->out, "    %s:\n", key);
			for (s = 0; s < ECO_NSYS; s++)
				transformation(k, 6, o, s);
			continue;
		}
		if (strcmp(key, "id") == 0 || strcmp(key, "facteur") == 0) {
			lead(k, 4);
			fprintf(k->out, "%s: %s\n", key,
			    key[0] == 'i' ? id : o->facteur);
		} else if (strcmp(key, "priorites") == 0) {
			lead(k, 4);
			fputs("priorites: [", k->out);
			for (j = 0; j < o->npri; j++)
				fprintf(k->out, "%s%s", j ? ", " : "", o->pri[j]->id);
			fputs("]\n", k->out);
		} else
			slot(k, 4, key, 16, props->u.pairs[i].val,
			    !eco_seq_has(req, key));
	}
}

/* The plan's own keys: the period's slots, the objectives, the rest
 * commented out. */
static void
skeleton_top(struct sk *k, const struct eco_obj_draft *o, size_t n)
{
	const struct eco_node *props = get(k->plan, "properties");
	const struct eco_node *per = get(get(get(k->defs, "$defs"), "periode"),
	    "properties");
	size_t i, j;

	for (i = 0; props && i < props->len; i++) {
		const char *key = props->u.pairs[i].key->s;
		const struct eco_node *sch = props->u.pairs[i].val;

		if (strcmp(key, "kind") == 0 || strcmp(key, "version") == 0)
			continue;
		if (strcmp(key, "periode") == 0) {
			guide(k, 0, sch);
			fputs("periode:\n", k->out);
			for (j = 0; per && j < per->len; j++)
				slot(k, 2, per->u.pairs[j].key->s, 8,
				    per->u.pairs[j].val, 0);
		} else if (strcmp(key, "objectifs") == 0) {
			guide(k, 0, sch);
			fputs("objectifs:\n", k->out);
			for (j = 0; j < n; j++) {
				fputs("\n", k->out);
				objective(k, &o[j]);
			}
		} else
			slot(k, 0, key, 20, sch, 1);
	}
}

int
eco_plan_skeleton(FILE *out, struct eco_schemaset *set,
    const struct eco_pris *pris, const struct eco_facteurs *fiches,
    struct eco_diags *d)
{
	struct sk k = { out, NULL, NULL, fiches, 0, 0, 0, 0 };
	struct eco_obj_draft *o;
	char line[ECO_MODELINE_BUFSZ];
	size_t n;

	if (!(k.plan = eco_schema_node(eco_schemaset_kind(set, "plan"))) ||
	    !(k.defs = eco_schema_node(eco_schemaset_get(set,
	    "https://eco.quebec/schemas/defs.schema.json")))) {
		eco_diag_sys(d, NULL, "%s", _("eco's schemas cannot be read"));
		return -1;
	}
	if (!(o = eco_obj_drafts(pris, &n)) && n == (size_t)-1) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	fprintf(out, "%s\n#\n", eco_schema_modeline("plan", line, sizeof line));
	guide(&k, 0, k.plan);
	fputs("#\n", out);
	comment(&k, 0, _("Skeleton printed by eco-plan squelette from the priorities: incomplete by design.  One objective per protective factor the priorities retain: give each its label, join or split them as the group decides, fill every empty value, uncomment the other fields you need.  eco-plan verifie says what is left to fill."));
	fputs("kind: plan\nversion: 1\n", out);
	skeleton_top(&k, o, n);
	eco_obj_drafts_free(o, n);
	if (ferror(out)) {
		eco_diag_sys(d, NULL, "%s", strerror(errno ? errno : EIO));
		return -1;
	}
	return 0;
}
