/*
 * eco_constats.c - data, observations and constats (Outil 5): the
 * records of donnees.yaml and constats.yaml seen flat, their filters,
 * the chain that links them (a constat draws on observations, which
 * draw on data; a constat leads to priorities, objectives and actions),
 * the counts by system, factor and nature, and the new record that
 * eco-constats ajoute appends.
 *
 * Views point into the documents, which must outlive the set.  Readers
 * are lenient: a value of another type is absent, so check the
 * documents first (eco_project_check) for figures that never lie.
 */
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

const char *const eco_ct_kinds[ECO_NCT] = { "donnee", "observation", "constat" };

int
eco_ct_kind(const char *kind)
{
	int i;

	for (i = 0; kind && i < ECO_NCT; i++)
		if (strcmp(kind, eco_ct_kinds[i]) == 0)
			return i;
	return -1;
}

/* Codes and what people call them. */

static const char *const natures[] = { "force", "enjeu" };
static const char *const analyses[] = {
	"situation", "offre-services", "interventions"
};
static const char *const sources[] = {
	"eqdem", "recensement", "isq-estimations", "cisss-dsp",
	"indice-defavorisation", "observatoire-tout-petits",
	"donnees-organismes", "autre"
};
const char *const *eco_ct_nature_codes = natures;
const char *const *eco_ct_analyse_codes = analyses;
const char *const *eco_ct_source_codes = sources;

static const char *
label_of(const char *code, const char *const *codes, const char *const *labels,
    size_t n)
{
	size_t i;

	for (i = 0; code && i < n; i++)
		if (strcmp(code, codes[i]) == 0)
			return _(labels[i]);
	return code;
}

const char *
eco_ct_nature_label(const char *code)
{
	static const char *const l[] = { N_("strength"), N_("issue") };

	return label_of(code, natures, l, ECO_CT_NNATURES);
}

const char *
eco_ct_analyse_label(const char *code)
{
	static const char *const l[] = {
		N_("situation of children and families"),
		N_("service offer"),
		N_("organisations' work on the factors")
	};

	return label_of(code, analyses, l, ECO_CT_NANALYSES);
}

const char *
eco_ct_source_label(const char *code)
{
	static const char *const l[] = {
		N_("EQDEM (kindergarten survey)"),
		N_("census (Statistics Canada)"),
		N_("population estimates (ISQ)"),
		N_("public health (CISSS or CIUSSS)"),
		N_("deprivation index"),
		N_("Observatoire des tout-petits"),
		N_("member organisations' data"),
		N_("other source")
	};

	return label_of(code, sources, l, ECO_CT_NSOURCES);
}

const char *
eco_ct_kind_label(enum eco_ct_kind k, size_t n)
{
	switch (k) {
	case ECO_CT_DONNEE:
		return n == 1 ? _("data record") : _("data records");
	case ECO_CT_OBSERVATION:
		return n == 1 ? _("observation") : _("observations");
	default:
		return n == 1 ? _("constat") : _("constats");
	}
}

/* The set. */

static const char *
str(const struct eco_node *m, const char *key)
{
	return eco_map_str(m, key);
}

/* The strings of the sequence at key, *n of them (malloc'd), or NULL. */
static const char **
strings(const struct eco_node *m, const char *key, size_t *n, int *oom)
{
	const struct eco_node *seq = eco_map_seq(m, key);
	const char **v;
	size_t i;

	*n = 0;
	if (!seq || seq->type != ECO_SEQ || !seq->len)
		return NULL;
	if (!(v = malloc(seq->len * sizeof *v))) {
		*oom = 1;
		return NULL;
	}
	for (i = 0; i < seq->len; i++)
		if (seq->u.items[i]->type == ECO_STR)
			v[(*n)++] = seq->u.items[i]->s;
	return v;
}

static void
view(struct eco_ct *c, const struct eco_doc *doc, enum eco_ct_kind k, int *oom)
{
	const struct eco_node *m = doc->root, *a;

	memset(c, 0, sizeof *c);
	c->kind = k;
	c->root = m;
	c->file = doc->file;
	c->id = str(m, "id");
	c->titre = str(m, k == ECO_CT_DONNEE ? "libelle" : "enonce");
	c->systeme = str(m, "systeme");
	c->nature = str(m, "nature");
	c->analyse = str(m, "analyse");
	if (k == ECO_CT_OBSERVATION && !c->analyse)
		c->analyse = "situation";	/* the schema's default */
	if (k == ECO_CT_DONNEE) {
		c->nature = c->analyse = NULL;
		c->source = str(m, "source");
		if ((a = eco_map_get(m, "annee")) && a->type == ECO_INT &&
		    !(a->flags & ECO_F_BIG))
			c->annee = (long)a->u.i;
	}
	c->secteur = str(m, "secteur");
	c->territoire = str(m, "territoire");
	c->facteurs = strings(m, "facteurs", &c->nfacteurs, oom);
	if (k != ECO_CT_DONNEE)
		c->donnees = strings(m, "donnees", &c->ndonnees, oom);
	if (k == ECO_CT_CONSTAT)
		c->observations = strings(m, "observations", &c->nobservations,
		    oom);
}

struct eco_constats *
eco_constats_new(const struct eco_doc *const *docs, size_t n)
{
	struct eco_constats *s = calloc(1, sizeof *s);
	size_t i;
	int k, oom = 0;

	if (!s || (n && !(s->v = calloc(n, sizeof *s->v)))) {
		free(s);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (docs[i]->root && docs[i]->root->type == ECO_MAP &&
		    (k = eco_ct_kind(str(docs[i]->root, "kind"))) >= 0)
			view(&s->v[s->n++], docs[i], (enum eco_ct_kind)k, &oom);
	if (oom) {
		eco_constats_free(s);
		return NULL;
	}
	return s;
}

void
eco_constats_free(struct eco_constats *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->v[i].facteurs);
		free(s->v[i].donnees);
		free(s->v[i].observations);
	}
	free(s->v);
	free(s);
}

const struct eco_ct *
eco_constats_find(const struct eco_constats *s, int kind, const char *id)
{
	size_t i;

	for (i = 0; id && i < s->n; i++)
		if ((kind < 0 || (int)s->v[i].kind == kind) && s->v[i].id &&
		    strcmp(s->v[i].id, id) == 0)
			return &s->v[i];
	return NULL;
}

const char *
eco_constats_closest(const struct eco_constats *s, const char *id, char *buf,
    size_t cap)
{
	const char **ids = malloc((s->n + 1) * sizeof *ids);
	const char *near;
	size_t i, n = 0;

	if (!ids)
		return NULL;
	for (i = 0; i < s->n; i++)
		if (s->v[i].id)
			ids[n++] = s->v[i].id;
	near = eco_closest_text(id, ids, n, buf, cap);
	free(ids);
	return near;
}

/* The chain. */

static int
has(const char *const *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; id && i < n; i++)
		if (strcmp(v[i], id) == 0)
			return 1;
	return 0;
}

/* Mark in seen (one flag per record) what c draws on, and that, again. */
static void
mark_up(const struct eco_constats *s, const struct eco_ct *c, char *seen,
    int depth)
{
	size_t i;

	if (depth > 2)
		return;
	for (i = 0; i < s->n; i++) {
		const struct eco_ct *o = &s->v[i];

		if (seen[i] || !o->id)
			continue;
		if ((o->kind == ECO_CT_DONNEE && has(c->donnees, c->ndonnees, o->id)) ||
		    (o->kind == ECO_CT_OBSERVATION &&
		    has(c->observations, c->nobservations, o->id))) {
			seen[i] = 1;
			mark_up(s, o, seen, depth + 1);
		}
	}
}

/* Mark what draws on c, and what draws on that. */
static void
mark_down(const struct eco_constats *s, const struct eco_ct *c, char *seen,
    int depth)
{
	size_t i;

	if (depth > 2 || !c->id)
		return;
	for (i = 0; i < s->n; i++) {
		const struct eco_ct *o = &s->v[i];

		if (seen[i])
			continue;
		if ((c->kind == ECO_CT_DONNEE && has(o->donnees, o->ndonnees, c->id)) ||
		    (c->kind == ECO_CT_OBSERVATION &&
		    has(o->observations, o->nobservations, c->id))) {
			seen[i] = 1;
			mark_down(s, o, seen, depth + 1);
		}
	}
}

static size_t *
marked(const struct eco_constats *s, const char *seen, size_t *n)
{
	size_t i, *v = malloc((s->n + 1) * sizeof *v);

	*n = 0;
	if (!v) {
		*n = (size_t)-1;
		return NULL;
	}
	for (i = 0; i < s->n; i++)
		if (seen[i])
			v[(*n)++] = i;
	return v;
}

size_t *
eco_ct_sources(const struct eco_constats *s, const struct eco_ct *c, size_t *n)
{
	char *seen = calloc(s->n + 1, 1);
	size_t *v;

	if (!seen) {
		*n = (size_t)-1;
		return NULL;
	}
	mark_up(s, c, seen, 0);
	v = marked(s, seen, n);
	free(seen);
	return v;
}

size_t *
eco_ct_uses(const struct eco_constats *s, const struct eco_ct *c, size_t *n)
{
	char *seen = calloc(s->n + 1, 1);
	size_t *v;

	if (!seen) {
		*n = (size_t)-1;
		return NULL;
	}
	mark_down(s, c, seen, 0);
	v = marked(s, seen, n);
	free(seen);
	return v;
}

/* Whether c or what it draws on satisfies ok. */
static int
drawn(const struct eco_constats *s, const struct eco_ct *c,
    int (*ok)(const struct eco_ct *, const void *), const void *arg)
{
	size_t i, n, *v;
	int yes = 0;

	if (ok(c, arg))
		return 1;
	if (c->kind == ECO_CT_DONNEE)
		return 0;
	v = eco_ct_sources(s, c, &n);
	for (i = 0; v && i < n && !yes; i++)
		yes = ok(&s->v[v[i]], arg);
	free(v);
	return yes;
}

static int
of_source(const struct eco_ct *c, const void *arg)
{
	return c->source && strcmp(c->source, arg) == 0;
}

static int
of_year(const struct eco_ct *c, const void *arg)
{
	return c->kind == ECO_CT_DONNEE && c->annee == *(const long *)arg;
}

/* Whether c touches factor f: by its id, or one of its sub-factors'
 * when fiches know f. */
static int
touches(const struct eco_ct *c, const char *f, const struct eco_facteurs *fiches)
{
	const struct eco_facteur *fi = fiches ? eco_facteurs_find(fiches, f) : NULL;
	size_t i;

	if (has(c->facteurs, c->nfacteurs, f))
		return 1;
	for (i = 0; fi && i < fi->nsous; i++)
		if (has(c->facteurs, c->nfacteurs, fi->sous[i].id))
			return 1;
	return 0;
}

static int
same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

int
eco_ct_keep(const struct eco_constats *s, const struct eco_ct *c,
    const struct eco_ct_filter *f)
{
	if (!f)
		return 1;
	if (f->kinds && !(f->kinds & (1u << c->kind)))
		return 0;
	if ((f->systeme && !same(c->systeme, f->systeme)) ||
	    (f->nature && !same(c->nature, f->nature)) ||
	    (f->analyse && !same(c->analyse, f->analyse)) ||
	    (f->secteur && !same(c->secteur, f->secteur)) ||
	    (f->facteur && !touches(c, f->facteur, f->fiches)))
		return 0;
	if (f->source && !drawn(s, c, of_source, f->source))
		return 0;
	if (f->annee && !drawn(s, c, of_year, &f->annee))
		return 0;
	return 1;
}

/* Factors. */

const char *
eco_ct_facteur(const struct eco_facteurs *fiches, const char *id,
    const struct eco_facteur **fiche)
{
	const struct eco_facteur *f;
	size_t i, j;

	*fiche = NULL;
	if (!fiches || !id)
		return NULL;
	if ((f = eco_facteurs_find(fiches, id))) {
		*fiche = f;
		return f->nom ? f->nom : f->id;
	}
	for (i = 0; (f = eco_facteurs_at(fiches, i)); i++)
		for (j = 0; j < f->nsous; j++)
			if (strcmp(f->sous[j].id, id) == 0) {
				*fiche = f;
				return f->sous[j].nom ? f->sous[j].nom : id;
			}
	return NULL;
}

/* The rank of a factor id in the fiches (a sub-factor just after its
 * fiche), or a large one for an id they do not know. */
static size_t
rank(const struct eco_facteurs *fiches, const char *id)
{
	const struct eco_facteur *f;
	size_t i, j;

	for (i = 0; fiches && (f = eco_facteurs_at(fiches, i)); i++) {
		if (strcmp(f->id, id) == 0)
			return i * 64;
		for (j = 0; j < f->nsous && j < 63; j++)
			if (strcmp(f->sous[j].id, id) == 0)
				return i * 64 + j + 1;
	}
	return (size_t)-1;
}

static int
in_system(const struct eco_ct *c, const char *systeme)
{
	return systeme ? same(c->systeme, systeme) :
	    eco_systeme_index(c->systeme) < 0;
}

/* Whether factor id is f, or one of its sub-factors. */
static int
is_or_under(const char *id, const char *f, const struct eco_facteurs *fiches)
{
	const struct eco_facteur *fi = fiches ? eco_facteurs_find(fiches, f) : NULL;
	size_t i;

	if (strcmp(id, f) == 0)
		return 1;
	for (i = 0; fi && i < fi->nsous; i++)
		if (strcmp(fi->sous[i].id, id) == 0)
			return 1;
	return 0;
}

size_t
eco_ct_factors(const struct eco_constats *s, const struct eco_ct_filter *f,
    const char *systeme, const struct eco_facteurs *fiches, const char **out,
    size_t cap)
{
	size_t i, j, k, r, n = 0;

	for (i = 0; i < s->n; i++) {
		const struct eco_ct *c = &s->v[i];

		if (!in_system(c, systeme) || !eco_ct_keep(s, c, f))
			continue;
		for (j = 0; j < c->nfacteurs && n < cap; j++) {
			const char *id = c->facteurs[j];

			if (f && f->facteur && !is_or_under(id, f->facteur,
			    f->fiches))
				continue;	/* only the factor asked for */
			for (k = 0; k < n && strcmp(out[k], id) != 0; k++)
				;
			if (k < n)
				continue;
			/* in the fiches' order; ids they do not know last,
			 * as found */
			r = rank(fiches, id);
			for (k = n; k > 0 && rank(fiches, out[k - 1]) > r; k--)
				out[k] = out[k - 1];
			out[k] = id;
			n++;
		}
	}
	return n;
}

struct eco_ct_count *
eco_ct_counts(const struct eco_constats *s, const struct eco_ct_filter *f,
    const struct eco_facteurs *fiches, size_t *nout)
{
	struct eco_ct_count *v = NULL, *w;
	const char **ids = malloc((s->n * 8 + 64) * sizeof *ids);
	size_t cap = s->n * 8 + 64, nf, i, j, n = 0;
	int sys;

	*nout = (size_t)-1;
	if (!ids)
		return NULL;
	for (sys = 0; sys <= ECO_NSYS; sys++) {
		const char *systeme = sys < ECO_NSYS ? eco_systemes[sys] : NULL;

		nf = eco_ct_factors(s, f, systeme, fiches, ids, cap);
		for (j = 0; j <= nf; j++) {
			struct eco_ct_count c = { systeme, j < nf ? ids[j] : NULL,
			    0, 0, 0, 0 };

			for (i = 0; i < s->n; i++) {
				const struct eco_ct *r = &s->v[i];

				if (r->kind == ECO_CT_DONNEE ||
				    !in_system(r, systeme) || !eco_ct_keep(s, r, f))
					continue;
				if (c.facteur ? !has(r->facteurs, r->nfacteurs,
				    c.facteur) : r->nfacteurs > 0)
					continue;
				if (same(r->nature, "force"))
					c.force++;
				else if (same(r->nature, "enjeu"))
					c.enjeu++;
				else
					c.sans++;
				c.total++;
			}
			if (!c.total)
				continue;
			if (!(w = realloc(v, (n + 1) * sizeof *v))) {
				free(v);
				free(ids);
				return NULL;
			}
			v = w;
			v[n++] = c;
		}
	}
	free(ids);
	*nout = n;
	return v ? v : calloc(1, sizeof *v);
}

/* What leads from a record: the priorities that name its constats, the
 * objectives that name those priorities, the plan's actions of those
 * objectives. */

static int
push_link(struct eco_ct_link **v, size_t *n, const char *kind, const char *id,
    const char *titre, const char *file, int line)
{
	struct eco_ct_link *w;
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].kind, kind) == 0 && strcmp((*v)[i].id, id) == 0)
			return 0;
	if (!(w = realloc(*v, (*n + 1) * sizeof *w)))
		return -1;
	*v = w;
	w[*n] = (struct eco_ct_link){ kind, id, titre, file, line };
	++*n;
	return 0;
}

static int
lead_constat(const char *constat, const struct eco_doc *const *prio,
    size_t nprio, struct eco_ct_link **v, size_t *n)
{
	size_t i;

	for (i = 0; i < nprio; i++) {
		const struct eco_node *m = prio[i]->root;
		const char *id = str(m, "id");

		if (id && same(str(m, "kind"), "priorite") &&
		    eco_seq_has(eco_map_seq(m, "constats"), constat) &&
		    push_link(v, n, "priorite", id, str(m, "enonce"),
		    prio[i]->file, m->line) < 0)
			return -1;
	}
	return 0;
}

/* Whether priority pri leads to objective o (priorites.yaml's record
 * or the plan's objective of that id). */
static int
names_priority(const struct eco_node *m, const char *pri)
{
	return eco_seq_has(eco_map_seq(m, "priorites"), pri);
}

static int
lead_objectives(const struct eco_doc *const *prio, size_t nprio,
    const struct eco_plan *plan, struct eco_ct_link **v, size_t *n,
    size_t npri)
{
	size_t i, j;

	for (j = 0; j < npri; j++) {
		const char *pri = (*v)[j].id;

		for (i = 0; i < nprio; i++) {
			const struct eco_node *m = prio[i]->root;
			const char *id = str(m, "id");

			if (id && same(str(m, "kind"), "objectif") &&
			    names_priority(m, pri) &&
			    push_link(v, n, "objectif", id, str(m, "libelle"),
			    prio[i]->file, m->line) < 0)
				return -1;
		}
		for (i = 0; plan && i < plan->nobjectifs; i++) {
			const struct eco_objectif_view *o = &plan->objectifs[i];

			if (o->id && has(o->priorites, o->npriorites, pri) &&
			    push_link(v, n, "objectif", o->id, o->libelle,
			    o->v.file, o->v.node->line) < 0)
				return -1;
		}
	}
	return 0;
}

struct eco_ct_link *
eco_ct_leads(const struct eco_constats *s, const struct eco_ct *c,
    const struct eco_doc *const *prio, size_t nprio,
    const struct eco_plan *plan, size_t *nout)
{
	struct eco_ct_link *v = NULL;
	size_t n = 0, i, npri, nobj, nu = 0, *u = NULL;

	*nout = (size_t)-1;
	if (c->kind == ECO_CT_CONSTAT) {
		if (c->id && lead_constat(c->id, prio, nprio, &v, &n) < 0)
			goto fail;
	} else {
		if (!(u = eco_ct_uses(s, c, &nu)) && nu)
			goto fail;
		for (i = 0; i < nu; i++)
			if (s->v[u[i]].kind == ECO_CT_CONSTAT && s->v[u[i]].id &&
			    lead_constat(s->v[u[i]].id, prio, nprio, &v, &n) < 0)
				goto fail;
	}
	npri = n;
	if (lead_objectives(prio, nprio, plan, &v, &n, npri) < 0)
		goto fail;
	nobj = n;
	for (i = 0; plan && i < plan->nactions; i++) {
		const struct eco_action_view *a = &plan->actions[i];
		size_t j;

		for (j = npri; a->id && a->objectif && j < nobj; j++)
			if (strcmp(v[j].id, a->objectif) == 0 &&
			    push_link(&v, &n, "action", a->id, a->titre,
			    a->v.file, a->v.node->line) < 0)
				goto fail;
	}
	free(u);
	*nout = n;
	return v ? v : calloc(1, sizeof *v);
fail:
	free(u);
	free(v);
	return NULL;
}

/* ajoute: a new record. */

static int
taken(const struct eco_ct_in *in, const char *id)
{
	return in->project &&
	    eco_project_has(in->project, eco_ct_kinds[in->kind], id);
}

const char *
eco_ct_new_id(const struct eco_ct_in *in, char *id, size_t cap)
{
	static const char *const prefix[ECO_NCT] = { "", "obs-", "const-" };
	char slug[48], base[80];
	int n = 1;

	if (in->id) {
		snprintf(id, cap, "%s", in->id);
		return id;
	}
	eco_slug(in->folded ? in->folded : "", slug, sizeof slug);
	if (in->kind == ECO_CT_DONNEE && in->annee > 0 && in->annee < 10000)
		snprintf(base, sizeof base, "%s-%ld", slug, in->annee);
	else
		snprintf(base, sizeof base, "%s%s", prefix[in->kind], slug);
	snprintf(id, cap, "%s", base);
	while (taken(in, id))
		snprintf(id, cap, "%s-%d", base, ++n);
	return id;
}

/* A number written as text, as a node of its own document *keep. */
static struct eco_node *
number(const char *text, struct eco_doc **keep)
{
	struct eco_diags quiet;
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_buf b = ECO_BUF_INIT;
	const struct eco_node *v = NULL;
	int rc = -1;

	eco_limits_default(&lim);
	eco_buf_printf(&b, "valeur: %s\n", text);
	eco_diags_init(&quiet);
	if (b.s && (r = eco_reader_mem(b.s, b.n, "valeur", &lim, &quiet))) {
		rc = eco_reader_next(r, keep);
		eco_reader_close(r);
	}
	eco_diags_free(&quiet);
	eco_buf_free(&b);
	if (rc == 1 && *keep && (*keep)->root)
		v = eco_map_get((*keep)->root, "valeur");
	return v && (v->type == ECO_INT || v->type == ECO_FLOAT) ?
	    (struct eco_node *)v : NULL;
}

int
eco_ct_number(const char *text)
{
	struct eco_doc *keep = NULL;
	int ok = strlen(text) < 64 && number(text, &keep) != NULL;

	eco_doc_free(keep);
	return ok;
}

static int
put_donnee(struct eco_doc *d, struct eco_node *m, const struct eco_ct_in *in,
    struct eco_doc **keep)
{
	int rc = eco_map_put_str(d, m, "type", in->type);

	rc |= eco_map_put_str(d, m, "libelle", in->titre);
	if (in->valeur)
		rc |= eco_map_put(d, m, "valeur", number(in->valeur, keep));
	rc |= eco_map_put_str(d, m, "unite", in->unite);
	rc |= eco_map_put_str(d, m, "description", in->description);
	rc |= eco_map_put_str(d, m, "source", in->source);
	rc |= eco_map_put_str(d, m, "source_precision", in->precision);
	rc |= eco_map_put_str(d, m, "organisme", in->organisme);
	if (in->annee > 0)
		rc |= eco_map_put(d, m, "annee", eco_node_int(d, in->annee));
	rc |= eco_map_put_str(d, m, "territoire", in->territoire);
	rc |= eco_map_put_str(d, m, "secteur", in->secteur);
	rc |= eco_map_put_str(d, m, "systeme", in->systeme);
	rc |= eco_map_put_strs(d, m, "facteurs", in->facteurs, in->nfacteurs);
	return rc;
}

static int
put_observation(struct eco_doc *d, struct eco_node *m,
    const struct eco_ct_in *in)
{
	int rc = eco_map_put_str(d, m, "enonce", in->titre);

	rc |= eco_map_put_str(d, m, "analyse", in->analyse);
	rc |= eco_map_put_str(d, m, "systeme", in->systeme);
	rc |= eco_map_put_str(d, m, "nature", in->nature);
	rc |= eco_map_put_strs(d, m, "facteurs", in->facteurs, in->nfacteurs);
	rc |= eco_map_put_strs(d, m, "donnees", in->donnees, in->ndonnees);
	rc |= eco_map_put_strs(d, m, "organismes", in->organismes, in->norganismes);
	rc |= eco_map_put_str(d, m, "territoire", in->territoire);
	rc |= eco_map_put_str(d, m, "secteur", in->secteur);
	rc |= eco_map_put_str(d, m, "date", in->date);
	return rc;
}

static int
put_constat(struct eco_doc *d, struct eco_node *m, const struct eco_ct_in *in)
{
	int rc = eco_map_put_str(d, m, "enonce", in->titre);

	rc |= eco_map_put_str(d, m, "systeme", in->systeme);
	rc |= eco_map_put_str(d, m, "nature", in->nature);
	rc |= eco_map_put_str(d, m, "analyse", in->analyse);
	rc |= eco_map_put_strs(d, m, "facteurs", in->facteurs, in->nfacteurs);
	rc |= eco_map_put_strs(d, m, "observations", in->observations,
	    in->nobservations);
	rc |= eco_map_put_strs(d, m, "donnees", in->donnees, in->ndonnees);
	rc |= eco_map_put_str(d, m, "territoire", in->territoire);
	rc |= eco_map_put_str(d, m, "secteur", in->secteur);
	rc |= eco_map_put_str(d, m, "rencontre", in->rencontre);
	return rc;
}

struct eco_doc *
eco_ct_new(const struct eco_ct_in *in, const char *id, struct eco_doc **keep)
{
	struct eco_doc *d = eco_doc_new(NULL);
	struct eco_node *m = d ? eco_node_map(d) : NULL;
	int rc;

	*keep = NULL;
	if (!m)
		goto fail;
	d->root = m;
	rc = eco_map_put_str(d, m, "kind", eco_ct_kinds[in->kind]);
	rc |= eco_map_put(d, m, "version", eco_node_int(d, 1));
	rc |= eco_map_put_str(d, m, "id", id);
	if (in->kind == ECO_CT_DONNEE)
		rc |= put_donnee(d, m, in, keep);
	else if (in->kind == ECO_CT_OBSERVATION)
		rc |= put_observation(d, m, in);
	else
		rc |= put_constat(d, m, in);
	rc |= eco_map_put_str(d, m, "notes", in->notes);
	if (rc == 0)
		return d;
fail:
	eco_doc_free(d);
	eco_doc_free(*keep);
	*keep = NULL;
	return NULL;
}

int
eco_ct_render(FILE *f, const char *fresh, void *arg)
{
	struct eco_ct_in *in = arg;
	struct eco_doc *doc, *keep;
	int rc = -1;

	(void)fresh;
	eco_ct_new_id(in, in->chosen, sizeof in->chosen);
	doc = eco_ct_new(in, in->chosen, &keep);
	if (doc && fprintf(f, "---\n# %s\n", _("Added by eco-constats ajoute.")) > 0)
		rc = eco_sheet_yaml(f, doc->root);
	eco_doc_free(doc);
	eco_doc_free(keep);
	return rc;
}

const char *
eco_ct_value_text(const struct eco_node *v, const char *unite, char *buf,
    size_t cap)
{
	char num[64];
	size_t i;

	if (!v || (v->type != ECO_INT && v->type != ECO_FLOAT))
		return v && v->type == ECO_STR ? v->s : NULL;
	snprintf(num, sizeof num, "%s", v->s);
	for (i = 0; num[i]; i++)
		if (num[i] == '.')
			num[i] = ',';
	if (!unite)
		snprintf(buf, cap, "%s", num);
	else	/* a non-breaking space before %, a space before a word */
		snprintf(buf, cap, strcmp(unite, "%") == 0 ? "%s\u00a0%s" :
		    "%s %s", num, unite);
	return buf;
}

const char *
eco_ct_comparison_text(const struct eco_ct *c, char *buf, size_t cap)
{
	const struct eco_node *m = eco_map_mapping(c->root, "comparaison");
	const char *an = m ? eco_map_text(m, "annee") : NULL;
	const char *ter = m ? eco_map_str(m, "territoire") : NULL;
	const char *v;
	char num[256];

	if (!m || !(v = eco_ct_value_text(eco_map_get(m, "valeur"),
	    eco_map_str(c->root, "unite"), num, sizeof num)))
		return NULL;
	if (an)
		snprintf(buf, cap, _("%s (%s, %s)"), v, ter ? ter : "", an);
	else
		snprintf(buf, cap, _("%s (%s)"), v, ter ? ter : "");
	return buf;
}

const char *
eco_ct_source_text(const struct eco_ct *c, char *buf, size_t cap)
{
	const char *p = eco_map_str(c->root, "source_precision");

	if (!p)
		return eco_ct_source_label(c->source);
	snprintf(buf, cap, _("%s: %s"), eco_ct_source_label(c->source), p);
	return buf;
}
