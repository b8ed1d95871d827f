/*
 * eco_model.c - typed views of the plan: flattening into records, and
 * what a planning meeting still has to fill.
 *
 * The plan is one nested document because the group edits it as a
 * whole; pipes want it flat.  Views are read leniently (a null or absent
 * value is a NULL field, never an error), because the same views serve
 * a finished plan, a skeleton with every slot empty, and a stream of
 * records that eco-plan printed earlier.  The documents are kept whole
 * and the views point into them; what the views add (derived ids, lists,
 * records) lives in one arena freed with the plan.  Money is read from
 * the text as written into integer cents, so sums are exact.
 */
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
	struct eco_doc **docs;
	size_t ndocs, doccap;
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

int
eco_plan_add(struct eco_plan *p, struct eco_doc *doc)
{
	const struct eco_node *root = doc ? doc->root : NULL;
	const char *kind = str(root, "kind");
	struct eco_plan_data *d = p->data;
	struct eco_doc **docs;
	int k;

	if (!root || root->type != ECO_MAP || !eco_plan_kind(kind))
		return 0;
	if (!(docs = grow(d->docs, d->ndocs, &d->doccap, sizeof *d->docs))) {
		eco_doc_free(doc);
		return -1;
	}
	d->docs = docs;
	d->docs[d->ndocs++] = doc;
	d->oom = 0;
	if (strcmp(kind, "plan") == 0) {
		if (p->nplans == 0)
			d->plan_root = root;
		add_plan(p, doc);
	} else {
		for (k = 0; strcmp(kind, eco_view_kinds[k]) != 0; k++)
			;
		add_record(p, doc, (enum eco_view_kind)k);
	}
	return d->oom ? -1 : 1;
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

/* Records: new mappings that share the plan's nodes. */

static struct eco_node *
node_new(struct eco_plan *p, enum eco_type type, const struct eco_node *at)
{
	struct eco_node *n = eco_arena_alloc(p->data->arena, sizeof *n);

	if (!n) {
		p->data->oom = 1;
		return NULL;
	}
	memset(n, 0, sizeof *n);
	n->type = type;
	n->weight = 1;
	if (at) {
		n->line = at->line;
		n->col = at->col;
	}
	return n;
}

static struct eco_node *
mkstr(struct eco_plan *p, const char *s, const struct eco_node *at)
{
	struct eco_node *n = node_new(p, ECO_STR, at);

	if (n) {
		n->s = s;
		n->len = strlen(s);
	}
	return n;
}

/* The emitter and the validator only read nodes: sharing is safe. */
static struct eco_node *
unconst(const struct eco_node *n)
{
	return (struct eco_node *)(uintptr_t)n;
}

struct mapb {
	struct eco_plan *p;
	struct eco_node *m;
	size_t cap;
};

static int
mb_init(struct mapb *b, struct eco_plan *p, size_t cap,
    const struct eco_node *at)
{
	b->p = p;
	b->cap = cap;
	if (!(b->m = node_new(p, ECO_MAP, at)))
		return -1;
	if (!(b->m->u.pairs = eco_arena_alloc(p->data->arena,
	    cap * sizeof *b->m->u.pairs))) {
		p->data->oom = 1;
		return -1;
	}
	return 0;
}

static int
mb_has(const struct mapb *b, const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < b->m->len; i++)
		if (b->m->u.pairs[i].key->len == n &&
		    memcmp(b->m->u.pairs[i].key->s, key, n) == 0)
			return 1;
	return 0;
}

/* Put key: val, unless val is NULL or key is there already. */
static void
mb_put(struct mapb *b, const char *key, const struct eco_node *k,
    const struct eco_node *val)
{
	struct eco_pair *pr;

	if (!val || b->m->len == b->cap || mb_has(b, key, strlen(key)))
		return;
	pr = &b->m->u.pairs[b->m->len];
	if (!(pr->key = k ? unconst(k) : mkstr(b->p, key, val)))
		return;
	pr->val = unconst(val);
	b->m->len++;
	b->m->weight += val->weight + 1;
}

static void
mb_str(struct mapb *b, const char *key, const char *s)
{
	if (s)
		mb_put(b, key, NULL, mkstr(b->p, s, NULL));
}

/* kind: and version: 1 */
static void
mb_head(struct mapb *b, const char *kind)
{
	struct eco_node *v = node_new(b->p, ECO_INT, NULL);

	mb_str(b, "kind", kind);
	if (v) {
		v->s = "1";
		v->len = 1;
		v->u.i = 1;
		v->num = 1;
		mb_put(b, "version", NULL, v);
	}
}

/* The source's pairs in their order, but the key skip. */
static void
mb_rest(struct mapb *b, const struct eco_node *src, const char *skip)
{
	size_t i;

	for (i = 0; src && i < src->len; i++) {
		const struct eco_pair *pr = &src->u.pairs[i];

		if (pr->key->type != ECO_STR || strcmp(pr->key->s, skip) == 0)
			continue;
		mb_put(b, pr->key->s, pr->key, pr->val);
	}
}

/* A sequence of the non-NULL strings of v. */
static struct eco_node *
mkseq(struct eco_plan *p, const char **v, size_t n)
{
	struct eco_node *s = node_new(p, ECO_SEQ, NULL);
	size_t i;

	if (!s || !(s->u.items = eco_arena_alloc(p->data->arena,
	    (n ? n : 1) * sizeof *s->u.items))) {
		p->data->oom = 1;
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (v[i] && (s->u.items[s->len] = mkstr(p, v[i], NULL)))
			s->weight += s->u.items[s->len++]->weight;
	return s;
}

/* Head of a record: kind, version, id, what holds it. */
static int
record_head(struct mapb *b, struct eco_plan *p, const struct eco_node *n,
    const char *kind, size_t extra)
{
	if (mb_init(b, p, n->len + extra, n) < 0)
		return -1;
	mb_head(b, kind);
	mb_put(b, "id", NULL, get(n, "id"));
	return 0;
}

static const struct eco_node *
record(struct eco_plan *p, enum eco_view_kind k, size_t i)
{
	const struct eco_transformation_view *t;
	const struct eco_indicateur_view *x;
	const struct eco_action_view *a;
	const struct eco_node *n;
	struct mapb b;

	switch (k) {
	case ECO_VIEW_OBJECTIF:
		n = p->objectifs[i].v.node;
		if (record_head(&b, p, n, "objectif", 2) < 0)
			return NULL;
		mb_rest(&b, n, "transformations");
		return b.m;
	case ECO_VIEW_TRANSFORMATION:
		t = &p->transformations[i];
		n = t->v.node;
		if (mb_init(&b, p, 10, n) < 0)
			return NULL;
		mb_head(&b, "transformation");
		mb_str(&b, "id", t->id);
		mb_str(&b, "objectif", t->objectif);
		mb_str(&b, "systeme", t->systeme);
		mb_str(&b, "facteur", t->facteur);
		mb_put(&b, "libelle", NULL, get(n, "libelle"));
		mb_put(&b, "indicateurs", NULL, mkseq(p, t->indicateurs,
		    t->nindicateurs));
		mb_put(&b, "actions", NULL, mkseq(p, t->actions, t->nactions));
		mb_put(&b, "notes", NULL, get(n, "notes"));
		return b.m;
	case ECO_VIEW_INDICATEUR:
		x = &p->indicateurs[i];
		if (record_head(&b, p, x->v.node, "indicateur", 7) < 0)
			return NULL;
		mb_str(&b, "objectif", x->objectif);
		mb_str(&b, "systeme", x->systeme);
		mb_str(&b, "facteur", x->facteur);
		mb_str(&b, "transformation", x->transformation_libelle);
		mb_rest(&b, x->v.node, "id");
		return b.m;
	case ECO_VIEW_ACTION:
		a = &p->actions[i];
		if (record_head(&b, p, a->v.node, "action", 7) < 0)
			return NULL;
		mb_str(&b, "objectif", a->objectif);
		mb_str(&b, "systeme", a->systeme);
		mb_str(&b, "facteur", a->facteur);
		mb_str(&b, "transformation", a->transformation_libelle);
		mb_rest(&b, a->v.node, "id");
		return b.m;
	}
	return NULL;
}

const struct eco_node *
eco_plan_record(struct eco_plan *p, enum eco_view_kind k, size_t i)
{
	const struct eco_view *v;
	const struct eco_node *r;

	switch (k) {
	case ECO_VIEW_OBJECTIF:
		v = i < p->nobjectifs ? &p->objectifs[i].v : NULL;
		break;
	case ECO_VIEW_TRANSFORMATION:
		v = i < p->ntransformations ? &p->transformations[i].v : NULL;
		break;
	case ECO_VIEW_INDICATEUR:
		v = i < p->nindicateurs ? &p->indicateurs[i].v : NULL;
		break;
	case ECO_VIEW_ACTION:
		v = i < p->nactions ? &p->actions[i].v : NULL;
		break;
	default:
		return NULL;
	}
	if (!v || v->record)
		return v ? v->node : NULL;
	p->data->oom = 0;
	r = record(p, k, i);
	return p->data->oom ? NULL : r;
}

/* Completeness. */

static int
eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

struct gaps {
	struct eco_plan *p;
	struct eco_diags *d;
	size_t n;
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
 * One gap of view v: what to fill is key (a path below the view's own,
 * or NULL for the view itself), at is where to point (the empty value,
 * or NULL for the view's mapping).  quiet: counted, not recorded (the
 * plan rules say it already).
 */
static void
gap(struct gaps *g, struct eco_view *v, unsigned flag, int quiet,
    const struct eco_node *at, const char *key, const char *fmt, ...)
{
	const struct eco_node *k;
	char path[1024];
	va_list ap;

	v->gaps |= flag;
	g->n++;
	if (!g->d || quiet)
		return;
	if (!at)
		at = v->node;
	else if (at->type == ECO_NULL && (k = key_of(v->node, at, 0)))
		at = k;		/* an empty value: point at its key */
	va_start(ap, fmt);
	eco_diag_vadd(g->d, v->file, at ? at->line : 0, at ? at->col : 0,
	    ECO_SEV_WARNING, "plan", fmt, ap);
	va_end(ap);
	snprintf(path, sizeof path, "%s%s%s", v->path, key ? "/" : "",
	    key ? key : "");
	eco_diag_set_path(g->d, path);
}

/* How to name a view without id: its place ("obj-lecture-famille, n° 2"). */
static const char *
label(struct gaps *g, const char *id, const struct eco_view *v,
    const char *holder)
{
	const char *slash = strrchr(v->path, '/');
	const char *s;

	if (id)
		return id;
	if (!slash || slash[1] < '0' || slash[1] > '9')
		return "?";
	s = afmt(g->p, _("%s, no. %zu"), holder ? holder : "?",
	    (size_t)strtoul(slash + 1, NULL, 10) + 1);
	return s ? s : "?";
}

static void
gaps_objectif(struct gaps *g, size_t i)
{
	struct eco_objectif_view *o = &g->p->objectifs[i];
	const struct eco_node *n = o->v.node, *tr = g->p->data->obj_tr[i], *t = NULL;
	const char *lab = label(g, o->id, &o->v, NULL);
	char key[64];
	int s;

	if (!o->id)
		gap(g, &o->v, ECO_GAP_ID, 0, get(n, "id"), "id", "%s",
		    _("this objective has no id"));
	if (!filled(get(n, "libelle")))
		gap(g, &o->v, ECO_GAP_LIBELLE, 0, get(n, "libelle"), "libelle",
		    _("objective « %s » has no libelle"), lab);
	if (!filled(get(n, "facteur")))
		gap(g, &o->v, ECO_GAP_FACTEUR, 0, get(n, "facteur"), "facteur",
		    _("objective « %s » has no protective factor (facteur)"), lab);
	for (s = 0; s < ECO_NSYS; s++) {
		if (o->v.record ? eco_plan_transformation(g->p, o->id,
		    eco_systemes[s]) != NULL :
		    (t = get(tr, eco_systemes[s])) && t->type == ECO_MAP)
			continue;
		snprintf(key, sizeof key, "transformations/%s", eco_systemes[s]);
		gap(g, &o->v, ECO_GAP_TRANSFORMATION, 0,
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

/* The plan rules' own test: an indicator with a cible key and a date. */
static int
rules_see_target(const struct eco_plan *p, size_t i)
{
	size_t j;

	for (j = 0; j < p->nindicateurs; j++)
		if (p->data->ind_parent[j] == i &&
		    get(p->indicateurs[j].v.node, "cible") &&
		    p->indicateurs[j].echeance_eff)
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
		gap(g, &t->v, ECO_GAP_LIBELLE, 0, get(n, "libelle"), "libelle",
		    _("transformation « %s » has no libelle (the desired change)"),
		    lab);
	if (!nind)
		gap(g, &t->v, ECO_GAP_INDICATEUR, 0, get(n, "indicateurs"),
		    "indicateurs", _("transformation « %s » has no indicator"), lab);
	else if (!ncible)
		gap(g, &t->v, ECO_GAP_CIBLE, !t->v.record && !rules_see_target(p, i),
		    get(n, "indicateurs"), "indicateurs",
		    _("transformation « %s » has no indicator with a target (cible)"),
		    lab);
	if (!nact)
		gap(g, &t->v, ECO_GAP_ACTION, 0, get(n, "actions"), "actions",
		    _("transformation « %s » has no action"), lab);
}

static void
gaps_indicateur(struct gaps *g, size_t i)
{
	struct eco_indicateur_view *x = &g->p->indicateurs[i];
	const struct eco_node *n = x->v.node;
	const char *lab = label(g, x->id, &x->v, x->transformation);
	const char *pdeb = g->p->debut, *pfin = g->p->fin;

	if (!x->id)
		gap(g, &x->v, ECO_GAP_ID, 0, get(n, "id"), "id", "%s",
		    _("this indicator has no id"));
	if (!filled(get(n, "libelle")))
		gap(g, &x->v, ECO_GAP_LIBELLE, 0, get(n, "libelle"), "libelle",
		    _("indicator « %s » has no libelle"), lab);
	if (!filled(get(n, "cible")))
		gap(g, &x->v, ECO_GAP_CIBLE, 0, get(n, "cible"), "cible",
		    _("indicator « %s » has no target (cible)"), lab);
	if (!filled(get(n, "echeance")) && !pfin)
		gap(g, &x->v, ECO_GAP_DATES, 0, get(n, "echeance"), "echeance",
		    _("indicator « %s » has no deadline: give it an echeance, or the plan a period"),
		    lab);
	if (!filled(get(n, "outil_suivi")))
		gap(g, &x->v, ECO_GAP_OUTIL, 0, get(n, "outil_suivi"),
		    "outil_suivi",
		    _("indicator « %s » has no follow-up or evaluation tool (outil_suivi)"),
		    lab);
	if (x->echeance && pfin && strcmp(x->echeance, pfin) > 0)
		gap(g, &x->v, ECO_GAP_PERIODE, !x->v.record, get(n, "echeance"),
		    "echeance",
		    _("the deadline %s of indicator « %s » falls after the plan's period"),
		    x->echeance, lab);
	if (x->echeance && pdeb && strcmp(x->echeance, pdeb) < 0)
		gap(g, &x->v, ECO_GAP_PERIODE, 0, get(n, "echeance"), "echeance",
		    _("the deadline %s of indicator « %s » falls before the plan's period (%s)"),
		    x->echeance, lab, pdeb);
}

/* Dates of an action outside itself or the plan's period. */
static void
action_dates(struct gaps *g, struct eco_action_view *a, const char *lab)
{
	const struct eco_node *n = a->v.node, *cal = get(n, "calendrier_suivi");
	const struct eco_node *jal = get(n, "jalons");
	const char *pdeb = g->p->debut, *pfin = g->p->fin;
	int q = !a->v.record;	/* a plan's: its rules report these */
	char key[64];
	size_t i;

	if (a->debut && a->fin && strcmp(a->debut, a->fin) > 0)
		gap(g, &a->v, ECO_GAP_PERIODE, q, get(n, "fin"), "fin",
		    _("action « %s » ends (%s) before it begins (%s)"), lab,
		    a->fin, a->debut);
	if (a->debut && pdeb && strcmp(a->debut, pdeb) < 0)
		gap(g, &a->v, ECO_GAP_PERIODE, q, get(n, "debut"), "debut",
		    _("action « %s » begins (%s) before the plan's period (%s)"),
		    lab, a->debut, pdeb);
	if (a->fin && pfin && strcmp(a->fin, pfin) > 0)
		gap(g, &a->v, ECO_GAP_PERIODE, q, get(n, "fin"), "fin",
		    _("action « %s » ends (%s) after the plan's period (%s)"),
		    lab, a->fin, pfin);
	for (i = 0; cal && cal->type == ECO_SEQ && i < cal->len; i++) {
		const struct eco_node *c = cal->u.items[i];

		if (c->type != ECO_STR || !eco_format_date(c->s, c->len) ||
		    !((a->debut && strcmp(c->s, a->debut) < 0) ||
		    (pfin && strcmp(c->s, pfin) > 0)))
			continue;
		snprintf(key, sizeof key, "calendrier_suivi/%zu", i);
		gap(g, &a->v, ECO_GAP_PERIODE, q, c, key,
		    _("follow-up date %s of action « %s » falls outside the action or the plan"),
		    c->s, lab);
	}
	for (i = 0; jal && jal->type == ECO_SEQ && i < jal->len; i++) {
		const struct eco_node *dn = get(jal->u.items[i], "date");
		const char *d = date_of(jal->u.items[i], "date");

		if (!d || !((a->debut_eff && strcmp(d, a->debut_eff) < 0) ||
		    (a->fin_eff && strcmp(d, a->fin_eff) > 0) ||
		    (pdeb && strcmp(d, pdeb) < 0) || (pfin && strcmp(d, pfin) > 0)))
			continue;
		snprintf(key, sizeof key, "jalons/%zu/date", i);
		gap(g, &a->v, ECO_GAP_PERIODE, 0, dn, key,
		    _("milestone %s of action « %s » falls outside the action's dates or the plan's period"),
		    d, lab);
	}
}

static void
action_budget(struct gaps *g, struct eco_action_view *a, const char *lab)
{
	const struct eco_node *n = a->v.node, *seq = get(n, "budget");
	char key[64];
	size_t i, amounts = 0;

	for (i = 0; i < a->nbudget; i++)
		amounts += a->budget[i].has_amount;
	if (!amounts) {
		gap(g, &a->v, ECO_GAP_BUDGET, 0, get(n, "budget"), "budget",
		    _("action « %s » has no budget"), lab);
		return;
	}
	for (i = 0; seq && seq->type == ECO_SEQ && i < seq->len; i++) {
		const struct eco_node *l = seq->u.items[i];

		if (l->type != ECO_MAP || filled(get(l, "bailleur")))
			continue;
		snprintf(key, sizeof key, "budget/%zu/bailleur", i);
		if (str(l, "poste"))
			gap(g, &a->v, ECO_GAP_BAILLEUR, 0,
			    get(l, "bailleur") ? get(l, "bailleur") : l, key,
			    _("budget line « %s » of action « %s » has no funder (bailleur)"),
			    str(l, "poste"), lab);
		else
			gap(g, &a->v, ECO_GAP_BAILLEUR, 0,
			    get(l, "bailleur") ? get(l, "bailleur") : l, key,
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

	if (!a->id)
		gap(g, &a->v, ECO_GAP_ID, 0, get(n, "id"), "id", "%s",
		    _("this action has no id"));
	if (!filled(get(n, "titre")))
		gap(g, &a->v, ECO_GAP_LIBELLE, 0, get(n, "titre"), "titre",
		    _("action « %s » has no title (titre)"), lab);
	if (!filled(get(n, "responsable")))
		gap(g, &a->v, ECO_GAP_RESPONSABLE, 0, get(n, "responsable"),
		    "responsable", _("action « %s » has no responsable"), lab);
	/* an individual action is one member's own contribution */
	if (!filled(get(n, "partenaires")) && !eq(a->type, "individuelle"))
		gap(g, &a->v, ECO_GAP_PARTENAIRE, 0, get(n, "partenaires"),
		    "partenaires", _("action « %s » has no partner (partenaires)"),
		    lab);
	if (!filled(get(n, "debut")))
		gap(g, &a->v, ECO_GAP_DATES, 0, get(n, "debut"), "debut",
		    _("action « %s » has no start date (debut)"), lab);
	if (!filled(get(n, "fin")))
		gap(g, &a->v, ECO_GAP_DATES, 0, get(n, "fin"), "fin",
		    _("action « %s » has no end date (fin)"), lab);
	action_budget(g, a, lab);
	if (!filled(get(n, "calendrier_suivi")))
		gap(g, &a->v, ECO_GAP_SUIVI, 0, get(n, "calendrier_suivi"),
		    "calendrier_suivi",
		    _("action « %s » has no follow-up dates (calendrier_suivi)"), lab);
	action_dates(g, a, lab);
}

/* The plan's own: its period, its objectives, its calendar. */
static void
gaps_plan(struct gaps *g)
{
	const struct eco_node *root = g->p->data->plan_root;
	const struct eco_node *per = get(root, "periode"), *cal;
	struct eco_view v;
	char key[64];
	size_t i;

	memset(&v, 0, sizeof v);
	v.node = root;
	v.file = g->p->file;
	v.path = "";
	if (!filled(per))
		gap(g, &v, ECO_GAP_DATES, 0, per, "periode", "%s",
		    _("the plan has no period (periode, with debut and fin)"));
	else if (per->type == ECO_MAP) {
		if (!filled(get(per, "debut")))
			gap(g, &v, ECO_GAP_DATES, 0, get(per, "debut"),
			    "periode/debut", "%s",
			    _("the plan's period has no start date (debut)"));
		if (!filled(get(per, "fin")))
			gap(g, &v, ECO_GAP_DATES, 0, get(per, "fin"),
			    "periode/fin", "%s",
			    _("the plan's period has no end date (fin)"));
	}
	if (!filled(get(root, "objectifs")))
		gap(g, &v, ECO_GAP_TRANSFORMATION, 0, get(root, "objectifs"),
		    "objectifs", "%s", _("the plan has no objective"));
	cal = get(root, "calendrier_suivi");
	for (i = 0; cal && cal->type == ECO_SEQ && g->p->debut && g->p->fin &&
	    i < cal->len; i++) {
		const struct eco_node *c = cal->u.items[i];

		if (c->type != ECO_STR || !eco_format_date(c->s, c->len) ||
		    (strcmp(c->s, g->p->debut) >= 0 && strcmp(c->s, g->p->fin) <= 0))
			continue;
		snprintf(key, sizeof key, "calendrier_suivi/%zu", i);
		gap(g, &v, ECO_GAP_PERIODE, 0, c, key,
		    _("follow-up date %s of the plan falls outside its period (%s to %s)"),
		    c->s, g->p->debut, g->p->fin);
	}
}

size_t
eco_plan_gaps(struct eco_plan *p, struct eco_diags *d,
    struct eco_plan_counts *c)
{
	struct gaps g = { p, d, 0 };
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
		gaps_plan(&g);
	for (i = 0; i < p->nobjectifs; i++)
		gaps_objectif(&g, i);
	for (i = 0; i < p->ntransformations; i++)
		gaps_transformation(&g, i);
	for (i = 0; i < p->nindicateurs; i++)
		gaps_indicateur(&g, i);
	for (i = 0; i < p->nactions; i++)
		gaps_action(&g, i);
	if (c) {
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
		c->gaps = g.n;
	}
	return g.n;
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
