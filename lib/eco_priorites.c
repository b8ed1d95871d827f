/*
 * eco_priorites.c - the priorities of Outil 8: the records of
 * priorites.yaml seen flat, the priorities eco proposes from constats,
 * and the objectives they suggest to the plan.
 *
 * A proposal is one per protective factor the constats name, with the
 * constats behind it, ranked by how many of the three analyses and how
 * many constats support it.  The plan's objectives are drafted one per
 * retained factor, in the order of the priorities' ranks; the plan, and
 * nothing else, then carries them (eco_rules_objectif).
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

static const char *
str(const struct eco_node *m, const char *key)
{
	return eco_map_str(m, key);
}

static int
same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The strings of list key of m, as an array to free() (NULL: none). */
static const char **
strings(const struct eco_node *m, const char *key, size_t *n)
{
	const struct eco_node *s = eco_map_seq(m, key);
	const char **v;
	size_t i;

	*n = 0;
	if (!s || !s->len || !(v = calloc(s->len, sizeof *v)))
		return NULL;
	for (i = 0; i < s->len; i++)
		if (s->u.items[i]->type == ECO_STR)
			v[(*n)++] = s->u.items[i]->s;
	return v;
}

static long
rank_of(const struct eco_node *m)
{
	const struct eco_node *r = eco_map_get(m, "rang");

	return r && r->type == ECO_INT && !(r->flags & ECO_F_BIG) &&
	    r->u.i > 0 && r->u.i < LONG_MAX ? (long)r->u.i : 0;
}

static int
by_rank(const void *x, const void *y)
{
	const struct eco_pri *a = x, *b = y;
	long ra = a->rang ? a->rang : LONG_MAX, rb = b->rang ? b->rang : LONG_MAX;

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

struct eco_pris *
eco_pris_new(const struct eco_doc *const *docs, size_t n)
{
	struct eco_pris *s = calloc(1, sizeof *s);
	size_t i;

	if (!s || (n && !(s->v = calloc(n, sizeof *s->v)))) {
		free(s);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		const struct eco_node *m = docs[i]->root;
		struct eco_pri *p = &s->v[s->n];

		if (!same(str(m, "kind"), "priorite") || !str(m, "id"))
			continue;
		p->root = m;
		p->file = docs[i]->file;
		p->id = str(m, "id");
		p->enonce = str(m, "enonce");
		p->systeme = str(m, "systeme");
		p->facteur = str(m, "facteur");
		p->analyse = str(m, "analyse_origine");
		p->justification = str(m, "justification");
		p->rencontre = str(m, "rencontre");
		p->rang = rank_of(m);
		p->seq = s->n++;
		p->constats = strings(m, "constats", &p->nconstats);
		if (p->nconstats && !p->constats) {
			eco_pris_free(s);
			return NULL;
		}
	}
	if (s->n)
		qsort(s->v, s->n, sizeof *s->v, by_rank);
	return s;
}

void
eco_pris_free(struct eco_pris *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++)
		free(s->v[i].constats);
	free(s->v);
	free(s);
}

const struct eco_pri *
eco_pris_find(const struct eco_pris *s, const char *id)
{
	size_t i;

	for (i = 0; s && id && i < s->n; i++)
		if (strcmp(s->v[i].id, id) == 0)
			return &s->v[i];
	return NULL;
}

const char *
eco_pris_closest(const struct eco_pris *s, const char *id, char *buf,
    size_t cap)
{
	const char **v = s && s->n ? calloc(s->n, sizeof *v) : NULL;
	const char *r;
	size_t i;

	if (!v)
		return NULL;
	for (i = 0; i < s->n; i++)
		v[i] = s->v[i].id;
	r = eco_closest_text(id, v, s->n, buf, cap);
	free(v);
	return r;
}

/* The analysis code's index, or -1. */
static int
analysis(const char *code)
{
	int i;

	for (i = 0; code && i < ECO_CT_NANALYSES; i++)
		if (strcmp(eco_ct_analyse_codes[i], code) == 0)
			return i;
	return -1;
}

/* Where a factor or sub-factor comes in the fiches, for a stable order
 * (those the fiches do not know last). */
static size_t
fiche_order(const struct eco_facteurs *fiches, const char *id)
{
	size_t i, j, n = eco_facteurs_count(fiches);

	for (i = 0; i < n; i++) {
		const struct eco_facteur *f = eco_facteurs_at(fiches, i);

		if (strcmp(f->id, id) == 0)
			return i * 64;
		for (j = 0; j < f->nsous && j < 63; j++)
			if (strcmp(f->sous[j].id, id) == 0)
				return i * 64 + j + 1;
	}
	return SIZE_MAX;
}

const char *
eco_facteur_systeme(const struct eco_facteurs *fiches, const char *id)
{
	const struct eco_sous_facteur *sous;
	const struct eco_facteur *f = id ? eco_facteurs_holder(fiches, id,
	    &sous) : NULL;

	return f ? f->systeme : NULL;
}

static const struct eco_facteurs *sort_fiches;

static int
by_support(const void *x, const void *y)
{
	const struct eco_pri_prop *a = x, *b = y;
	size_t oa, ob;

	if (a->nanalyses != b->nanalyses)
		return a->nanalyses > b->nanalyses ? -1 : 1;
	if (a->nconstats != b->nconstats)
		return a->nconstats > b->nconstats ? -1 : 1;
	oa = fiche_order(sort_fiches, a->facteur);
	ob = fiche_order(sort_fiches, b->facteur);
	if (oa != ob)
		return oa < ob ? -1 : 1;
	return strcmp(a->facteur, b->facteur);
}

void
eco_pri_props_free(struct eco_pri_prop *v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		free(v[i].constats);
	free(v);
}

struct eco_pri_prop *
eco_pri_propose(const struct eco_constats *cs, const struct eco_facteurs *fiches,
    const struct eco_pris *have, struct eco_pri_seen *seen, size_t *nout)
{
	struct eco_pri_prop *v = NULL, *p;
	size_t n = 0, i, j, k;
	const struct eco_ct **w;

	memset(seen, 0, sizeof *seen);
	*nout = (size_t)-1;
	for (i = 0; i < cs->n; i++) {
		const struct eco_ct *c = &cs->v[i];
		int a = analysis(c->analyse);

		if (c->kind != ECO_CT_CONSTAT)
			continue;
		seen->constats++;
		if (a >= 0)
			seen->analyses[a]++;
		if (!c->nfacteurs)
			seen->sans_facteur++;
		for (j = 0; j < c->nfacteurs; j++) {
			for (k = 0; k < n && strcmp(v[k].facteur, c->facteurs[j]); k++)
				;
			if (k == n) {
				if (!(p = realloc(v, (n + 1) * sizeof *v)))
					goto oom;
				v = p;
				memset(&v[n], 0, sizeof *v);
				v[n].facteur = c->facteurs[j];
				v[n].systeme = eco_facteur_systeme(fiches,
				    c->facteurs[j]);
				n++;
			}
			p = &v[k];
			for (k = 0; k < p->nconstats && p->constats[k] != c; k++)
				;
			if (k < p->nconstats)
				continue;
			if (!(w = realloc(p->constats, (p->nconstats + 1) *
			    sizeof *w)))
				goto oom;
			p->constats = w;
			w[p->nconstats++] = c;
			if (a >= 0 && !(p->analyses & (1u << a))) {
				p->analyses |= 1u << a;
				p->nanalyses++;
			}
			if (a >= 0)
				p->par_analyse[a]++;
		}
	}
	for (i = 0; i < n; i++) {
		int best = -1;

		for (j = 0; j < ECO_CT_NANALYSES; j++)
			if (v[i].par_analyse[j] &&
			    (best < 0 || v[i].par_analyse[j] > v[i].par_analyse[best]))
				best = (int)j;
		v[i].analyse = best >= 0 ? eco_ct_analyse_codes[best] : NULL;
		for (j = 0; have && j < have->n; j++)
			if (same(have->v[j].facteur, v[i].facteur)) {
				v[i].deja = have->v[j].id;
				break;
			}
	}
	sort_fiches = fiches;
	if (n)
		qsort(v, n, sizeof *v, by_support);
	*nout = n;
	return v;
oom:
	eco_pri_props_free(v, n);
	return NULL;
}

/* The record of a proposal, or of a priority to add. */
struct eco_doc *
eco_pri_new(const struct eco_pri_in *in)
{
	struct eco_doc *d = eco_doc_new(NULL);
	struct eco_node *m = d ? eco_node_map(d) : NULL;
	int rc;

	if (!m) {
		eco_doc_free(d);
		return NULL;
	}
	d->root = m;
	rc = eco_map_put_str(d, m, "kind", "priorite");
	rc |= eco_map_put(d, m, "version", eco_node_int(d, 1));
	rc |= eco_map_put_str(d, m, "id", in->id);
	rc |= eco_map_put_str(d, m, "enonce", in->enonce);
	rc |= eco_map_put_strs(d, m, "constats", in->constats, in->nconstats);
	rc |= eco_map_put_str(d, m, "analyse_origine", in->analyse);
	rc |= eco_map_put_str(d, m, "systeme", in->systeme);
	rc |= eco_map_put_str(d, m, "facteur", in->facteur);
	rc |= eco_map_put_str(d, m, "justification", in->justification);
	if (in->rang > 0)
		rc |= eco_map_put(d, m, "rang", eco_node_int(d, in->rang));
	rc |= eco_map_put_str(d, m, "rencontre", in->rencontre);
	rc |= eco_map_put_str(d, m, "notes", in->notes);
	if (rc == 0)
		return d;
	eco_doc_free(d);
	return NULL;
}

int
eco_pri_render(FILE *f, const char *fresh, void *arg)
{
	struct eco_pri_in *in = arg;
	struct eco_doc *doc;
	int rc = -1;

	if (!in->id)
		in->id = fresh;
	snprintf(in->chosen, sizeof in->chosen, "%s", in->id);
	doc = eco_pri_new(in);
	if (doc && fprintf(f, "---\n# %s\n", in->comment ? in->comment :
	    _("Added by eco-priorites ajoute.")) > 0)
		rc = eco_sheet_yaml(f, doc->root);
	eco_doc_free(doc);
	return rc;
}

void
eco_obj_drafts_free(struct eco_obj_draft *v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		free(v[i].pri);
	free(v);
}

struct eco_obj_draft *
eco_obj_drafts(const struct eco_pris *s, size_t *nout)
{
	struct eco_obj_draft *v = calloc(s->n ? s->n : 1, sizeof *v);
	const struct eco_pri **w;
	size_t n = 0, i, k;

	*nout = (size_t)-1;
	if (!v)
		return NULL;
	for (i = 0; i < s->n; i++) {
		if (!s->v[i].facteur)
			continue;
		for (k = 0; k < n && strcmp(v[k].facteur, s->v[i].facteur); k++)
			;
		if (k == n)
			v[n++].facteur = s->v[i].facteur;
		if (!(w = realloc(v[k].pri, (v[k].npri + 1) * sizeof *w))) {
			eco_obj_drafts_free(v, n);
			return NULL;
		}
		v[k].pri = w;
		w[v[k].npri++] = &s->v[i];
	}
	*nout = n;
	return v;
}
