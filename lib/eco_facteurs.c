/*
 * eco_facteurs.c - the protective factors a project works with (Outils
 * 3 and 4): eco's catalogue as the project's facteurs.yaml changes it,
 * fiche by fiche, with where each fiche and each text comes from.
 *
 * The catalogue is data/facteurs.yaml, compiled in.  A fiche of the
 * project's facteurs.yaml whose id is new is added; one whose id is a
 * catalogue fiche's replaces it; one with « retire: true » withdraws it.
 * Provenance is never lost on the way: a fiche says whether its factor
 * is published (source agirtot), eco's proposal or the group's own, and
 * which of its texts eco wrote on a published factor.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

static const struct {
	const char *id, *label;
} domaines[] = {
	{ "sante-physique-bien-etre", N_("Physical health and well-being") },
	{ "competences-sociales", N_("Social competence") },
	{ "maturite-affective", N_("Emotional maturity") },
	{ "developpement-cognitif-langagier",
	    N_("Cognitive and language development") },
	{ "communication-connaissances-generales",
	    N_("Communication skills and general knowledge") },
};

const char *
eco_domaine_label(const char *id)
{
	size_t i;

	for (i = 0; id && i < sizeof domaines / sizeof *domaines; i++)
		if (strcmp(domaines[i].id, id) == 0)
			return _(domaines[i].label);
	return NULL;
}

/* The strings of the sequence at key (NULL-terminated, in the arena of
 * the set), *n of them; items that are no string are left out. */
static const char **
strings(struct eco_arena *a, const struct eco_node *m, const char *key,
    size_t *n)
{
	const struct eco_node *seq = eco_map_seq(m, key);
	const char **v;
	size_t i;

	*n = 0;
	if (!seq || seq->type != ECO_SEQ)
		return NULL;
	if (!(v = eco_arena_alloc(a, (seq->len + 1) * sizeof *v)))
		return NULL;
	for (i = 0; i < seq->len; i++)
		if (seq->u.items[i]->type == ECO_STR)
			v[(*n)++] = seq->u.items[i]->s;
	v[*n] = NULL;
	return v;
}

struct eco_facteurs {
	struct eco_arena *arena;
	struct eco_facteur *v;
	size_t n, cap;
	struct eco_facteur *retired;	/* the catalogue's, withdrawn */
	size_t nretired, rcap;
	int oom;
};

static struct eco_facteur *
slot(struct eco_facteurs *s, int retired)
{
	struct eco_facteur **v = retired ? &s->retired : &s->v, *w;
	size_t *n = retired ? &s->nretired : &s->n;
	size_t *cap = retired ? &s->rcap : &s->cap;

	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;

		if (!(w = realloc(*v, c * sizeof *w))) {
			s->oom = 1;
			return NULL;
		}
		*v = w;
		*cap = c;
	}
	w = &(*v)[(*n)++];
	memset(w, 0, sizeof *w);
	return w;
}

/* The view of fiche m, from file (NULL: the catalogue). */
static void
view(struct eco_facteurs *s, struct eco_facteur *f, const struct eco_node *m,
    const char *file)
{
	const struct eco_node *sous = eco_map_seq(m, "sous_facteurs");
	const char *src = eco_map_str(m, "source");
	size_t i;

	memset(f, 0, sizeof *f);
	f->node = m;
	f->file = file;
	f->line = eco_map_get(m, "id") ? eco_map_get(m, "id")->line : m->line;
	f->id = eco_map_str(m, "id");
	f->systeme = eco_map_str(m, "systeme");
	f->nom = eco_map_str(m, "nom");
	f->definition = eco_map_str(m, "definition");
	f->notes = eco_map_str(m, "notes");
	f->source = src ? src : "regroupement";
	f->pistes = strings(s->arena, m, "pistes_actions", &f->npistes);
	f->domaines = strings(s->arena, m, "domaines", &f->ndomaines);
	f->references = strings(s->arena, m, "references", &f->nreferences);
	f->proposes = strings(s->arena, m, "textes_proposes", &f->nproposes);
	if (sous && sous->type == ECO_SEQ && (f->sous = eco_arena_alloc(s->arena,
	    (sous->len + 1) * sizeof *f->sous))) {
		for (i = 0; i < sous->len; i++) {
			const struct eco_node *it = sous->u.items[i];

			if (it->type != ECO_MAP || !eco_map_str(it, "id"))
				continue;
			f->sous[f->nsous].id = eco_map_str(it, "id");
			f->sous[f->nsous].nom = eco_map_str(it, "nom");
			f->sous[f->nsous].definition = eco_map_str(it, "definition");
			f->nsous++;
		}
	}
}

static struct eco_facteur *
find(struct eco_facteur *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; id && i < n; i++)
		if (v[i].id && strcmp(v[i].id, id) == 0)
			return &v[i];
	return NULL;
}

/* The catalogue's fiches of a system come together, in its order; a
 * fiche the project adds goes after the last of its system. */
static void
insert_in_system(struct eco_facteurs *s)
{
	struct eco_facteur f = s->v[s->n - 1];
	size_t at = s->n - 1, i;

	for (i = 0; i + 1 < s->n; i++)
		if (s->v[i].systeme && f.systeme &&
		    strcmp(s->v[i].systeme, f.systeme) == 0)
			at = i + 1;
	memmove(s->v + at + 1, s->v + at, (s->n - 1 - at) * sizeof *s->v);
	s->v[at] = f;
}

struct eco_facteurs *
eco_facteurs_of(struct eco_project *p, struct eco_diags *d)
{
	const struct eco_node *cat = eco_rules_catalogue();
	const struct eco_doc *const *docs;
	struct eco_facteurs *s = calloc(1, sizeof *s);
	struct eco_facteur *f, *old;
	size_t i, n = 0;

	if (!s || !(s->arena = eco_arena_new())) {
		free(s);
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	for (i = 0; cat && cat->type == ECO_SEQ && i < cat->len; i++)
		if ((f = slot(s, 0)))
			view(s, f, cat->u.items[i], NULL);
	docs = p ? eco_project_docs(p, "facteur", &n) : NULL;
	for (i = 0; i < n && !s->oom; i++) {
		const struct eco_node *m = docs[i]->root;
		const char *id = eco_map_str(m, "id");

		if (!(old = find(s->v, s->n, id))) {
			if (eco_map_bool(m, "retire", 0) || !(f = slot(s, 0)))
				continue;	/* withdraws nothing eco has */
			view(s, f, m, docs[i]->file);
			f->origine = ECO_FACTEUR_AJOUTE;
			insert_in_system(s);
		} else if (eco_map_bool(m, "retire", 0)) {
			if (old->file || !(f = slot(s, 1)))
				continue;	/* the project's own, twice */
			*f = *old;
			f->origine = ECO_FACTEUR_RETIRE;
			f->par = docs[i]->file;
			f->par_line = eco_map_get(m, "id")->line;
			memmove(old, old + 1, (size_t)(s->v + s->n - old - 1) *
			    sizeof *old);
			s->n--;
		} else if (!old->file) {
			view(s, old, m, docs[i]->file);
			old->origine = ECO_FACTEUR_REMPLACE;
		}
	}
	if (s->oom) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		eco_facteurs_free(s);
		return NULL;
	}
	return s;
}

void
eco_facteurs_free(struct eco_facteurs *s)
{
	if (!s)
		return;
	eco_arena_free(s->arena);
	free(s->v);
	free(s->retired);
	free(s);
}

size_t
eco_facteurs_count(const struct eco_facteurs *s)
{
	return s ? s->n : 0;
}

const struct eco_facteur *
eco_facteurs_at(const struct eco_facteurs *s, size_t i)
{
	return s && i < s->n ? &s->v[i] : NULL;
}

const struct eco_facteur *
eco_facteurs_find(const struct eco_facteurs *s, const char *id)
{
	return s ? find(s->v, s->n, id) : NULL;
}

const struct eco_facteur *
eco_facteurs_holder(const struct eco_facteurs *s, const char *id,
    const struct eco_sous_facteur **sous)
{
	size_t i, j;

	*sous = NULL;
	for (i = 0; s && id && i < s->n; i++) {
		if (s->v[i].id && strcmp(s->v[i].id, id) == 0)
			return &s->v[i];
		for (j = 0; j < s->v[i].nsous; j++)
			if (s->v[i].sous[j].id &&
			    strcmp(s->v[i].sous[j].id, id) == 0) {
				*sous = &s->v[i].sous[j];
				return &s->v[i];
			}
	}
	return NULL;
}

const char *
eco_facteurs_label(const struct eco_facteurs *s, const char *id, char *buf,
    size_t cap)
{
	const struct eco_sous_facteur *u;
	const struct eco_facteur *f = eco_facteurs_holder(s, id, &u);

	if (!f)
		return id;
	if (u)
		snprintf(buf, cap, _("%s, in %s (%s)"), u->nom ? u->nom : id,
		    f->nom ? f->nom : f->id, eco_facteur_provenance(f, 1));
	else
		snprintf(buf, cap, "%s (%s)", f->nom ? f->nom : id,
		    eco_facteur_provenance(f, 1));
	return buf;
}

int
eco_facteurs_known(const struct eco_facteurs *s, const char *id,
    struct eco_diags *d)
{
	char buf[256];
	const char *near;

	if (!id || eco_facteurs_label(s, id, buf, sizeof buf) != id)
		return 0;
	if ((near = eco_facteurs_closest(s, id, buf, sizeof buf)))
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("« %s »: no such %s (did you mean %s?)"), id,
		    _("protective factor"), near);
	else
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("« %s »: no such %s"), id, _("protective factor"));
	return -1;
}

const struct eco_facteur *
eco_facteurs_retired(const struct eco_facteurs *s, size_t i)
{
	return s && i < s->nretired ? &s->retired[i] : NULL;
}

const char *
eco_facteurs_closest(const struct eco_facteurs *s, const char *id,
    char *buf, size_t cap)
{
	const char *words[256];
	size_t n = 0, i, j;

	for (i = 0; s && i < s->n && n < 256; i++) {
		words[n++] = s->v[i].id;
		for (j = 0; j < s->v[i].nsous && n < 256; j++)
			words[n++] = s->v[i].sous[j].id;
	}
	return eco_closest_text(id, words, n, buf, cap);
}

int
eco_facteur_propose(const struct eco_facteur *f, const char *field)
{
	size_t i;

	if (strcmp(f->source, "proposition") == 0)
		return 1;
	for (i = 0; i < f->nproposes; i++)
		if (strcmp(f->proposes[i], field) == 0)
			return 1;
	return 0;
}

const char *
eco_facteur_provenance(const struct eco_facteur *f, int brief)
{
	if (f->origine == ECO_FACTEUR_AJOUTE)
		return _("added by the group");
	if (f->origine == ECO_FACTEUR_REMPLACE)
		return brief ? _("rewritten by the group") :
		    _("fiche rewritten by the group");
	if (strcmp(f->source, "agirtot") == 0)
		return brief ? _("published") :
		    _("published by Avenir d'enfants (agirtot.org)");
	if (strcmp(f->source, "proposition") == 0)
		return brief ? _("eco's proposal") :
		    _("proposal of eco, to check against Outils 3 and 4");
	return _("the group's own");
}
