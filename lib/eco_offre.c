/*
 * eco_offre.c - the service offer (Outil 6): typed views of the
 * services, the offer counted by clientèle, system, factor, sector, age
 * and access, the gaps; the worksheets an organisation fills; and the
 * one way a returned sheet of records (services, interventions) comes
 * into the project.
 *
 * A service without ages_mois takes the ages of its clientèle codes
 * (enfants-0-2: 0 to 35 months, enfants-3-5: 36 to 71); a service that
 * names a sub-factor counts for the factor that holds it.  Waiting lists
 * are counted in their services' units, never added across units.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

const char *const eco_clienteles[ECO_NCLIENTELES] = {
	"femmes-enceintes", "enfants-0-2", "enfants-3-5", "parents",
	"familles", "intervenants", "communaute"
};

static const char *const clientele_names[ECO_NCLIENTELES] = {
	N_("Pregnant women"), N_("Children 0 to 2"), N_("Children 3 to 5"),
	N_("Parents"), N_("Families (parents and children together)"),
	N_("Practitioners"), N_("The community at large")
};

const char *
eco_clientele_label(const char *code)
{
	size_t i;

	for (i = 0; code && i < ECO_NCLIENTELES; i++)
		if (strcmp(code, eco_clienteles[i]) == 0)
			return _(clientele_names[i]);
	return NULL;
}

static const char *const unit_codes[] = {
	"enfants", "parents", "familles", "femmes-enceintes", "intervenants",
	"personnes"
};
static const char *const unit_names[] = {
	N_("children"), N_("parents"), N_("families"), N_("pregnant women"),
	N_("practitioners"), N_("people")
};
#define NUNITS (sizeof unit_codes / sizeof *unit_codes)

const char *
eco_offre_unit_label(const char *code)
{
	size_t i;

	for (i = 0; code && i < NUNITS; i++)
		if (strcmp(code, unit_codes[i]) == 0)
			return _(unit_names[i]);
	return code;
}

/* Views */

static long long
whole(const struct eco_node *v)
{
	return v && v->type == ECO_INT && !(v->flags & ECO_F_BIG) &&
	    v->u.i >= 0 ? v->u.i : -1;
}

static int
flag(const struct eco_node *m, const char *key)
{
	const struct eco_node *v = eco_map_get(m, key);

	return v && v->type == ECO_BOOL ? v->u.b : -1;
}

/* Evenings (a slot ending after 17:00) and weekends, from the slots. */
static void
slots(struct eco_service *s, const struct eco_node *h)
{
	size_t i, j;

	for (i = 0; h && h->type == ECO_SEQ && i < h->len; i++) {
		const struct eco_node *sl = h->u.items[i];
		const char *a = eco_map_str(sl, "a"), *de = eco_map_str(sl, "de");
		const struct eco_node *jours = eco_map_seq(sl, "jours");

		if ((a && strcmp(a, "17:00") > 0) || (de && strcmp(de, "17:00") >= 0))
			s->soir = 1;
		for (j = 0; jours && jours->type == ECO_SEQ && j < jours->len; j++)
			if (jours->u.items[j]->type == ECO_STR &&
			    (strcmp(jours->u.items[j]->s, "samedi") == 0 ||
			    strcmp(jours->u.items[j]->s, "dimanche") == 0))
				s->fin_semaine = 1;
	}
}

static void
view(struct eco_service *s, const struct eco_doc *doc)
{
	const struct eco_node *r = doc->root, *acc = eco_map_mapping(r, "acces");
	const struct eco_node *cl = eco_map_seq(r, "clientele"), *v;
	size_t i, j;

	memset(s, 0, sizeof *s);
	s->doc = doc;
	s->id = eco_map_str(r, "id");
	s->organisme = eco_map_str(r, "organisme");
	s->externe = eco_map_str(r, "organisme_nom");
	s->nom = eco_map_str(r, "nom");
	s->facteurs = eco_map_seq(r, "facteurs");
	s->secteurs = eco_map_seq(r, "secteurs");
	s->langues = acc ? eco_map_seq(acc, "langues") : NULL;
	for (i = 0; cl && cl->type == ECO_SEQ && i < cl->len; i++)
		for (j = 0; j < ECO_NCLIENTELES; j++)
			if (cl->u.items[i]->type == ECO_STR &&
			    strcmp(cl->u.items[i]->s, eco_clienteles[j]) == 0)
				s->clienteles |= 1u << j;
	v = eco_map_seq(r, "systemes");
	for (i = 0; v && v->type == ECO_SEQ && i < v->len; i++)
		if (v->u.items[i]->type == ECO_STR &&
		    eco_systeme_index(v->u.items[i]->s) >= 0)
			s->systemes |= 1u << eco_systeme_index(v->u.items[i]->s);
	s->age_de = s->age_a = -1;
	if ((v = eco_map_mapping(r, "ages_mois"))) {
		s->age_de = (int)whole(eco_map_get(v, "de"));
		s->age_a = (int)whole(eco_map_get(v, "a"));
	} else if (s->clienteles & (ECO_CL_0_2 | ECO_CL_3_5)) {
		s->age_de = s->clienteles & ECO_CL_0_2 ? 0 : 36;
		s->age_a = s->clienteles & ECO_CL_3_5 ? 71 : 35;
	}
	v = eco_map_mapping(r, "participants");
	s->participants = v ? whole(eco_map_get(v, "nombre")) : -1;
	s->unite = v ? eco_map_str(v, "unite") : NULL;
	s->places = whole(eco_map_get(r, "places"));
	s->attente = whole(eco_map_get(r, "liste_attente"));
	s->cout = acc ? eco_map_str(acc, "cout") : NULL;
	s->inscription = acc ? eco_map_str(acc, "inscription") : NULL;
	s->transport = acc ? flag(acc, "transport") : -1;
	s->halte = acc ? flag(acc, "halte_garderie") : -1;
	slots(s, acc ? eco_map_seq(acc, "horaires") : NULL);
}

struct eco_offre *
eco_offre_new(const struct eco_doc *const *v, size_t n)
{
	struct eco_offre *o = calloc(1, sizeof *o);
	size_t i;

	if (!o || !(o->v = calloc(n + 1, sizeof *o->v))) {
		free(o);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (v[i]->root && eco_map_str(v[i]->root, "kind") &&
		    strcmp(eco_map_str(v[i]->root, "kind"), "service") == 0)
			view(&o->v[o->n++], v[i]);
	return o;
}

void
eco_offre_free(struct eco_offre *o)
{
	size_t i;

	if (!o)
		return;
	for (i = 0; i < o->nrows; i++)
		free(o->rows[i].services);
	free(o->rows);
	free(o->v);
	free(o);
}

/* Counting */

static const char *const axis_codes[ECO_NAXES] = {
	"clientele", "systeme", "facteur", "secteur", "age", "acces"
};

const char *
eco_offre_axis_code(enum eco_axe a)
{
	return axis_codes[a];
}

static struct eco_offre_row *
new_row(struct eco_offre *o, enum eco_axe axe, const char *key,
    const char *name)
{
	struct eco_offre_row *r;

	if (o->nrows == o->caprows) {
		size_t c = o->caprows ? o->caprows * 2 : 64;

		if (!(r = realloc(o->rows, c * sizeof *r)))
			return NULL;
		o->rows = r;
		o->caprows = c;
	}
	r = &o->rows[o->nrows++];
	memset(r, 0, sizeof *r);
	r->axe = axe;
	r->key = key;
	r->name = name;
	return r;
}

static int
count(struct eco_offre_row *r, const struct eco_offre *o, size_t i)
{
	size_t *s;

	if (r->nservices && r->services[r->nservices - 1] == i)
		return 0;
	if (!(s = realloc(r->services, (r->nservices + 1) * sizeof *s)))
		return -1;
	r->services = s;
	s[r->nservices++] = i;
	if (o->v[i].attente > 0)
		r->nattente++;
	return 0;
}

/* Row by row of one axis: fn says whether service i counts in row. */
typedef int in_fn(const struct eco_service *, const struct eco_offre_row *,
    const void *arg);

static int
tally(struct eco_offre *o, struct eco_offre_row *r, in_fn *in, const void *arg)
{
	size_t i;

	if (!r)
		return -1;
	for (i = 0; i < o->n; i++)
		if (in(&o->v[i], r, arg) && count(r, o, i) < 0)
			return -1;
	return 0;
}

static int
in_clientele(const struct eco_service *s, const struct eco_offre_row *r,
    const void *arg)
{
	(void)arg;
	return (s->clienteles >> r->index) & 1;
}

static int
in_systeme(const struct eco_service *s, const struct eco_offre_row *r,
    const void *arg)
{
	(void)arg;
	return (s->systemes >> r->index) & 1;
}

static int
in_facteur(const struct eco_service *s, const struct eco_offre_row *r,
    const void *arg)
{
	const struct eco_facteurs *F = arg;
	const struct eco_facteur *h;
	const struct eco_sous_facteur *sous;
	size_t i;

	for (i = 0; s->facteurs && i < s->facteurs->len; i++)
		if (s->facteurs->u.items[i]->type == ECO_STR &&
		    (h = eco_facteurs_holder(F, s->facteurs->u.items[i]->s,
		    &sous)) && strcmp(h->id, r->key) == 0)
			return 1;
	return 0;
}

static int
in_secteur(const struct eco_service *s, const struct eco_offre_row *r,
    const void *arg)
{
	(void)arg;
	if (!*r->key)
		return !s->secteurs;
	return s->secteurs && eco_seq_has(s->secteurs, r->key);
}

static int
in_age(const struct eco_service *s, const struct eco_offre_row *r,
    const void *arg)
{
	int y = (int)r->index;

	(void)arg;
	return s->age_de >= 0 && s->age_a >= 0 && s->age_de <= 12 * y + 11 &&
	    s->age_a >= 12 * y;
}

static int
in_acces(const struct eco_service *s, const struct eco_offre_row *r,
    const void *arg)
{
	const char *k = r->key;

	(void)arg;
	if (strncmp(k, "cout-", 5) == 0)
		return s->cout && strcmp(s->cout, k + 5) == 0;
	if (strncmp(k, "inscription-", 12) == 0)
		return s->inscription && strcmp(s->inscription, k + 12) == 0;
	if (strcmp(k, "transport") == 0)
		return s->transport == 1;
	if (strcmp(k, "halte-garderie") == 0)
		return s->halte == 1;
	if (strcmp(k, "liste-attente") == 0)
		return s->attente > 0;
	if (strcmp(k, "soir") == 0)
		return s->soir;
	if (strcmp(k, "fin-de-semaine") == 0)
		return s->fin_semaine;
	if (r->langue)
		return s->langues && eco_seq_has(s->langues, r->name);
	return 0;
}

static const char *const acces_codes[] = {
	"cout-gratuit", "cout-contribution-volontaire", "cout-payant",
	"inscription-libre", "inscription-inscription", "inscription-reference",
	"transport", "halte-garderie", "soir", "fin-de-semaine", "liste-attente"
};
static const char *const acces_names[] = {
	N_("Free"), N_("Voluntary contribution"), N_("Fee"),
	N_("Open to all (no registration)"), N_("Registration"),
	N_("Referral by a practitioner"), N_("Transport offered"),
	N_("Childcare on site"), N_("Evenings (after 5 p.m.)"),
	N_("Weekends"), N_("Waiting list")
};
#define NACCES (sizeof acces_codes / sizeof *acces_codes)

static const char *const age_keys[6] = { "0", "1", "2", "3", "4", "5" };
static const char *const age_names[6] = {
	N_("Under 1 year"), N_("1 year"), N_("2 years"), N_("3 years"),
	N_("4 years"), N_("5 years")
};

/* The languages of the services, each once, in order of first use. */
static int
languages(struct eco_offre *o)
{
	size_t i, j, k;

	for (i = 0; i < o->n; i++)
		for (j = 0; o->v[i].langues && j < o->v[i].langues->len; j++) {
			const struct eco_node *l = o->v[i].langues->u.items[j];
			struct eco_offre_row *r;

			if (l->type != ECO_STR)
				continue;
			for (k = 0; k < o->nrows; k++)
				if (o->rows[k].langue &&
				    strcmp(o->rows[k].name, l->s) == 0)
					break;
			if (k < o->nrows)
				continue;
			if (!(r = new_row(o, ECO_AXE_ACCES, "langue", l->s)))
				return -1;
			r->langue = 1;
			if (tally(o, r, in_acces, NULL) < 0)
				return -1;
		}
	return 0;
}

int
eco_offre_count(struct eco_offre *o, const struct eco_facteurs *F,
    const struct eco_node *secteurs)
{
	struct eco_offre_row *r;
	size_t i;

	for (i = 0; i < ECO_NCLIENTELES; i++)
		if (!(r = new_row(o, ECO_AXE_CLIENTELE, eco_clienteles[i],
		    _(clientele_names[i]))) || (r->index = i,
		    tally(o, r, in_clientele, NULL) < 0))
			return -1;
	for (i = 0; i < ECO_NSYS; i++)
		if (!(r = new_row(o, ECO_AXE_SYSTEME, eco_systemes[i],
		    eco_systeme_label(eco_systemes[i]))) || (r->index = i,
		    tally(o, r, in_systeme, NULL) < 0))
			return -1;
	for (i = 0; F && i < eco_facteurs_count(F); i++) {
		const struct eco_facteur *f = eco_facteurs_at(F, i);

		if (!(r = new_row(o, ECO_AXE_FACTEUR, f->id, f->nom)) ||
		    tally(o, r, in_facteur, F) < 0)
			return -1;
		r->systeme = f->systeme;
	}
	for (i = 0; secteurs && secteurs->type == ECO_SEQ && i < secteurs->len;
	    i++) {
		const struct eco_node *m = secteurs->u.items[i];
		const char *id = eco_map_str(m, "id"), *nom = eco_map_str(m, "nom");

		if (id && (!(r = new_row(o, ECO_AXE_SECTEUR, id, nom ? nom : id)) ||
		    tally(o, r, in_secteur, NULL) < 0))
			return -1;
	}
	if (!(r = new_row(o, ECO_AXE_SECTEUR, "", _("No sector stated (the "
	    "whole territory)"))) || tally(o, r, in_secteur, NULL) < 0)
		return -1;
	for (i = 0; i < 6; i++)
		if (!(r = new_row(o, ECO_AXE_AGE, age_keys[i], _(age_names[i]))) ||
		    (r->index = i, tally(o, r, in_age, NULL) < 0))
			return -1;
	for (i = 0; i < NACCES; i++)
		if (!(r = new_row(o, ECO_AXE_ACCES, acces_codes[i],
		    _(acces_names[i]))) || tally(o, r, in_acces, NULL) < 0)
			return -1;
	return languages(o);
}

enum eco_lacune
eco_offre_lacune(const struct eco_offre_row *r)
{
	if (r->axe == ECO_AXE_SYSTEME || r->axe == ECO_AXE_ACCES ||
	    (r->axe == ECO_AXE_SECTEUR && !*r->key))
		return ECO_LACUNE_AUCUNE;
	if (!r->nservices)
		return ECO_LACUNE_SANS_SERVICE;
	return r->nattente ? ECO_LACUNE_ATTENTE : ECO_LACUNE_AUCUNE;
}

/* Worksheets */

/* The services of organisation org, in offer order, into idx (cap). */
static size_t
of_org(const struct eco_offre *o, const char *org, size_t *idx, size_t cap)
{
	size_t i, n = 0;

	for (i = 0; i < o->n; i++)
		if (o->v[i].organisme && strcmp(o->v[i].organisme, org) == 0) {
			if (n < cap)
				idx[n] = i;
			n++;
		}
	return n;
}

#define PER_TABLE 5
#define MAXSERV 64

struct paper {
	struct eco_report *r;
	const struct eco_offre *o;
	const size_t *idx;	/* the services of this table (n of ncols) */
	size_t n, ncols;
	struct eco_buf b;
};

static struct eco_table *
paper_table(struct paper *p, const char *caption, const char *first)
{
	struct eco_table *t = eco_report_table(p->r, "fiche", caption,
	    ECO_SHOW_DOC);
	char key[32];
	size_t c;

	eco_table_column(t, "question", first, 0, 30);
	for (c = 0; c < p->ncols; c++) {
		snprintf(key, sizeof key, "s%zu", c + 1);
		eco_table_column(t, key, buf_say(&p->b, _("Service %zu"), c + 1), 0,
		    16);
	}
	return t;
}

/* A row of boxes: on(service) ticks it for the services of the table. */
typedef int on_fn(const struct eco_service *, const void *arg);

static void
box_row(struct paper *p, struct eco_table *t, const char *label, on_fn *on,
    const void *arg)
{
	size_t c;

	eco_table_row(t);
	eco_table_text(t, 0, label);
	for (c = 0; c < p->ncols; c++)
		eco_table_text(t, c + 1, c < p->n && on(&p->o->v[p->idx[c]], arg) ?
		    "☒" : "☐");
}

/* A row to write in: what each service says already, or blank. */
typedef const char *text_fn(const struct eco_service *, struct eco_buf *);

static void
text_row(struct paper *p, struct eco_table *t, const char *label, text_fn *fn)
{
	struct eco_buf b = ECO_BUF_INIT;
	size_t c;

	eco_table_row(t);
	eco_table_text(t, 0, label);
	for (c = 0; c < p->n && c < p->ncols; c++)
		eco_table_text(t, c + 1, fn(&p->o->v[p->idx[c]], &b));
	eco_buf_free(&b);
}

static const char *
t_nom(const struct eco_service *s, struct eco_buf *b)
{
	(void)b;
	return s->nom;
}

static const char *
t_lieu(const struct eco_service *s, struct eco_buf *b)
{
	(void)b;
	return eco_map_str(s->doc->root, "lieu");
}

static const char *
t_frequence(const struct eco_service *s, struct eco_buf *b)
{
	(void)b;
	return eco_map_str(s->doc->root, "frequence");
}

static const char *
t_ages(const struct eco_service *s, struct eco_buf *b)
{
	if (!eco_map_mapping(s->doc->root, "ages_mois"))
		return NULL;
	return buf_say(b, _("%d to %d months"), s->age_de, s->age_a);
}

static const char *
t_count(long long v, const char *unite, struct eco_buf *b)
{
	if (v < 0)
		return NULL;
	return unite ? buf_say(b, "%lld %s", v, eco_offre_unit_label(unite)) :
	    buf_say(b, "%lld", v);
}

static const char *
t_places(const struct eco_service *s, struct eco_buf *b)
{
	return t_count(s->places, s->unite, b);
}

static const char *
t_participants(const struct eco_service *s, struct eco_buf *b)
{
	return t_count(s->participants, s->unite, b);
}

static const char *
t_attente(const struct eco_service *s, struct eco_buf *b)
{
	return t_count(s->attente, s->unite, b);
}

static const char *
t_langues(const struct eco_service *s, struct eco_buf *b)
{
	size_t i;

	eco_buf_clear(b);
	for (i = 0; s->langues && i < s->langues->len; i++)
		if (s->langues->u.items[i]->type == ECO_STR)
			eco_buf_printf(b, "%s%s", b->n ? ", " : "",
			    s->langues->u.items[i]->s);
	return b->n && !b->oom ? b->s : NULL;
}

static const char *
t_horaires(const struct eco_service *s, struct eco_buf *b)
{
	const struct eco_node *acc = eco_map_mapping(s->doc->root, "acces");
	const struct eco_node *h = acc ? eco_map_seq(acc, "horaires") : NULL;
	size_t i, j;

	eco_buf_clear(b);
	for (i = 0; h && i < h->len; i++) {
		const struct eco_node *sl = h->u.items[i], *jours;
		const char *de = eco_map_str(sl, "de"), *a = eco_map_str(sl, "a");

		eco_buf_adds(b, b->n ? "; " : "");
		for (j = 0; (jours = eco_map_seq(sl, "jours")) && j < jours->len;
		    j++)
			if (jours->u.items[j]->type == ECO_STR)
				eco_buf_printf(b, "%s%s", j ? ", " : "",
				    jours->u.items[j]->s);
		if (de && a)
			eco_buf_printf(b, _(", %s to %s"), de, a);
	}
	return b->n && !b->oom ? b->s : NULL;
}

static int
on_clientele(const struct eco_service *s, const void *arg)
{
	return (s->clienteles >> *(const size_t *)arg) & 1;
}

static int
on_systeme(const struct eco_service *s, const void *arg)
{
	return (s->systemes >> *(const size_t *)arg) & 1;
}

struct on_factor {
	const struct eco_facteurs *F;
	const char *id;
};

static int
on_facteur(const struct eco_service *s, const void *arg)
{
	const struct on_factor *x = arg;
	struct eco_offre_row r;

	memset(&r, 0, sizeof r);
	r.key = x->id;
	return in_facteur(s, &r, x->F);
}

static int
on_secteur(const struct eco_service *s, const void *arg)
{
	struct eco_offre_row r;

	memset(&r, 0, sizeof r);
	r.key = arg;
	return in_secteur(s, &r, NULL);
}

static int
on_acces(const struct eco_service *s, const void *arg)
{
	struct eco_offre_row r;

	memset(&r, 0, sizeof r);
	r.key = arg;
	return in_acces(s, &r, NULL);
}

static const char *
t_unite(const struct eco_service *s, struct eco_buf *b)
{
	(void)b;
	return s->unite ? eco_offre_unit_label(s->unite) : NULL;
}

static void
paper_group(struct paper *p, const struct eco_facteurs *F,
    const struct eco_node *secteurs)
{
	struct eco_table *t;
	struct on_factor of = { F, NULL };
	size_t i, sys;

	t = paper_table(p, _("The service"), "");
	text_row(p, t, _("Name of the service"), t_nom);
	text_row(p, t, _("Where it is given"), t_lieu);
	text_row(p, t, _("How often"), t_frequence);
	text_row(p, t, _("Days and hours"), t_horaires);
	text_row(p, t, _("Languages"), t_langues);
	text_row(p, t, _("Places at a time"), t_places);
	text_row(p, t, _("Reached in the year"), t_participants);
	text_row(p, t, _("Waiting today"), t_attente);
	text_row(p, t, _("Counted in (children, parents, families, pregnant "
	    "women, practitioners, people)"), t_unite);
	t = paper_table(p, _("For whom: tick every box that applies"), "");
	for (i = 0; i < ECO_NCLIENTELES; i++)
		box_row(p, t, _(clientele_names[i]), on_clientele, &i);
	text_row(p, t, _("Children's ages (from … to … months)"), t_ages);
	for (i = 0; i < ECO_NSYS; i++)
		box_row(p, t, buf_say(&p->b, _("Acts on the system: %s"),
		    eco_systeme_label(eco_systemes[i])), on_systeme, &i);
	t = paper_table(p, _("Protective factors it supports: tick every box "
	    "that applies"), "");
	for (sys = 0; sys < ECO_NSYS; sys++)
		for (i = 0; F && i < eco_facteurs_count(F); i++) {
			const struct eco_facteur *f = eco_facteurs_at(F, i);

			if (!f->systeme || strcmp(f->systeme, eco_systemes[sys]))
				continue;
			of.id = f->id;
			box_row(p, t, f->nom, on_facteur, &of);
		}
	t = paper_table(p, _("Where and how to get it: tick every box that "
	    "applies"), "");
	for (i = 0; secteurs && secteurs->type == ECO_SEQ && i < secteurs->len;
	    i++) {
		const char *id = eco_map_str(secteurs->u.items[i], "id");
		const char *nom = eco_map_str(secteurs->u.items[i], "nom");

		if (id)
			box_row(p, t, buf_say(&p->b, _("Given in: %s"), nom ? nom : id),
			    on_secteur, id);
	}
	box_row(p, t, _("Given everywhere on the territory"), on_secteur, "");
	for (i = 0; i < NACCES; i++)
		if (strcmp(acces_codes[i], "soir") && strcmp(acces_codes[i],
		    "fin-de-semaine") && strcmp(acces_codes[i], "liste-attente"))
			box_row(p, t, _(acces_names[i]), on_acces, acces_codes[i]);
}

int
eco_offre_sheet_paper(struct eco_report *r, const struct eco_offre *o,
    const struct eco_facteurs *F, const struct eco_node *secteurs,
    const char *org, const char *org_name, int part)
{
	struct paper p = { r, o, NULL, 0, 0, ECO_BUF_INIT };
	size_t idx[MAXSERV], n = of_org(o, org, idx, MAXSERV), g, cols;

	if (n > MAXSERV)
		n = MAXSERV;
	if (part)
		eco_report_heading(r, 1, buf_say(&p.b, _("Service offer of %s "
		    "(Outil 6)"), org_name ? org_name : org));
	eco_report_para(r, _("One column per service your organisation offers "
	    "to young children, their families or the practitioners of the "
	    "territory. Correct what the filled columns say; tick the boxes "
	    "that apply; leave blank what you do not know."));
	/* a blank column for a new service, unless it would start a table
	 * of its own */
	cols = n % PER_TABLE ? n + 1 : n ? n : 1;
	for (g = 0; g < cols; g += PER_TABLE) {
		p.idx = idx + (g < n ? g : n);
		p.n = g < n ? (n - g < PER_TABLE ? n - g : PER_TABLE) : 0;
		p.ncols = cols - g < PER_TABLE ? cols - g : PER_TABLE;
		if (p.ncols < 3)
			p.ncols = 3;
		if (g)
			eco_report_heading(r, 2, buf_say(&p.b, _("Services %zu to "
			    "%zu"), g + 1, g + p.ncols));
		paper_group(&p, F, secteurs);
	}
	eco_report_heading(r, 2, _("Contact"));
	eco_report_para(r, _("Person who filled this sheet, e-mail or "
	    "telephone, date:"));
	eco_buf_free(&p.b);
	return eco_report_failed(r) ? -1 : 0;
}

/* The YAML sheet: the organisation's services as the project holds
 * them, then one to fill; each document starts with "---", so that
 * sheets concatenate. */
int
eco_offre_sheet_yaml(FILE *out, struct eco_schemaset *set,
    const struct eco_offre *o, const char *org, struct eco_diags *d)
{
	struct eco_sheet_opts so = { ECO_SHEET_YAML, org, 0 };
	size_t idx[MAXSERV], n = of_org(o, org, idx, MAXSERV), i;

	for (i = 0; i < n && i < MAXSERV; i++) {
		fprintf(out, "---\n# ");
		fputs(_("Service known to the regroupement: correct what "
		    "changed, or leave it as it is."), out);
		fputc('\n', out);
		if (eco_sheet_yaml(out, o->v[idx[i]].doc->root) < 0)
			break;
	}
	/* the blank sheet starts its own document, after its guidance */
	if (eco_sheet_write(out, set, "service", &so, d) < 0)
		return -1;
	if (ferror(out)) {
		eco_diag_sys(d, NULL, "%s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Receiving returned sheets */

struct receipt {
	struct eco_project *p;
	const struct eco_kind *k;
	const struct eco_doc *const *own;	/* the project's records */
	size_t nown;
	struct eco_diags *out;
	const struct eco_doc *const *v;		/* the sheet's */
	size_t n;
};

/* A document of the sheet left as it was printed: nothing but what the
 * worksheet gave (the blank service; a factor whose level is not
 * ticked). */
static int
blank(const struct eco_node *root)
{
	static const char *const given[] = { "kind", "version", "organisme",
	    "organisme_nom", NULL };
	static const char *const given_iv[] = { "kind", "version", "id",
	    "organisme", "facteur", NULL };
	const char *kind = eco_map_str(root, "kind");
	const char *const *g = kind && strcmp(kind, "intervention") == 0 ?
	    given_iv : given;
	size_t i, j;

	for (i = 0; root && root->type == ECO_MAP && i < root->len; i++) {
		const char *k = root->u.pairs[i].key->s;

		for (j = 0; g[j] && strcmp(k, g[j]); j++)
			;
		if (!g[j] && root->u.pairs[i].val->type != ECO_NULL)
			return 0;
	}
	return 1;
}

/* Whether diagnostic x is about a blank document of v. */
static int
in_blank(const struct eco_diag *x, const struct eco_doc *const *v, size_t n)
{
	size_t i;

	for (i = 0; x->file && i < n; i++)
		if (blank(v[i]->root) && strcmp(v[i]->file, x->file) == 0 &&
		    x->line >= v[i]->root->line && (i + 1 == n ||
		    x->line < v[i + 1]->root->line))
			return 1;
	return 0;
}

static size_t
filled(const struct eco_doc *const *v, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += !blank(v[i]->root);
	return k;
}

static const struct eco_doc *
known_id(const struct receipt *g, const struct eco_node *root)
{
	return eco_docs_with_id(g->own, g->nown, eco_map_str(root, "id"));
}

static int
render(FILE *fp, const char *id, void *arg)
{
	(void)id;
	fputs("---\n", fp);
	return eco_sheet_yaml(fp, arg);
}

static int
render_new(FILE *fp, const char *id, void *arg)
{
	const char *kind = eco_map_str(arg, "kind");

	fputs("# ", fp);
	fputs(kind && strcmp(kind, "service") == 0 ? _("Service offer (Outil "
	    "6): the sheets the organisations returned, one document per "
	    "service.") : _("Action of the organisations on the protective "
	    "factors (Outil 7): the sheets they returned, one document per "
	    "organisation and factor."), fp);
	fputc('\n', fp);
	return render(fp, id, arg);
}

/* Whether x is the clash of ids a project file reports with a document
 * of the sheet: known() said it (sent twice, or refused). */
static int
known_clash(const struct receipt *g, const struct eco_diag *x)
{
	size_t i;

	for (i = 0; x->check && strcmp(x->check, "ids") == 0 && x->file &&
	    i < g->nown; i++)
		if (strcmp(g->own[i]->file, x->file) == 0)
			return 1;
	return 0;
}

/* The diagnostics of d about file name (NULL: any), the errors only or
 * all, into out: the errors. */
/* What the checks of the project say that receiving says otherwise. */
static int
said(const struct eco_diag *x, const void *arg)
{
	const struct receipt *g = arg;

	return in_blank(x, g->v, g->n) || known_clash(g, x);
}

static size_t
keep_about(const struct receipt *g, const struct eco_diags *d,
    const char *name, int errors, struct eco_diags *out)
{
	return eco_diags_copy(d, name, errors, said, g, out);
}

/* What receiving adds to the checks of eco-validate: a sheet holds
 * records of its kind; sectors must be the regroupement's (a sheet's
 * free text could not be grouped); an organisation outside it is said. */
static void
check_doc(struct receipt *g, const struct eco_doc *doc, struct eco_diags *d)
{
	const struct eco_node *r = doc->root, *s;
	const struct eco_kind *k = eco_kind_of(r);
	size_t i;

	if (k != g->k) {
		eco_diag_add(d, doc->file, r->line, r->col, ECO_SEV_ERROR,
		    g->k->name, _("this sheet is for %s records: a document of "
		    "another kind has no place in it"), g->k->name);
		return;
	}
	s = eco_map_seq(r, "secteurs");
	for (i = 0; s && s->type == ECO_SEQ && i < s->len; i++)
		if (s->u.items[i]->type == ECO_STR &&
		    !eco_project_has(g->p, "secteur", s->u.items[i]->s))
			eco_diag_add(d, doc->file, s->u.items[i]->line,
			    s->u.items[i]->col, ECO_SEV_ERROR, g->k->name,
			    _("« %s » is not a sector of eco.yaml: the offer by "
			    "sector could not count it"), s->u.items[i]->s);
	if (eco_map_str(r, "organisme_nom") && eco_map_str(r, "organisme") &&
	    eco_project_has(g->p, "organisme", eco_map_str(r, "organisme")))
		eco_diag_add(d, doc->file, r->line, r->col, ECO_SEV_ERROR,
		    g->k->name, _("%s is a member of the regroupement: "
		    "organisme_nom is for organisations outside it"),
		    eco_map_str(r, "organisme"));
}

static void
note_outside(struct receipt *g, const struct eco_doc *doc)
{
	const char *nom = eco_map_str(doc->root, "organisme_nom");

	if (nom)
		eco_diag_add(g->out, doc->file, doc->root->line, doc->root->col,
		    ECO_SEV_NOTE, NULL, _("%s %s: from %s, outside the "
		    "regroupement, marked so in the analyses"),
		    eco_kind_label(g->k), eco_map_str(doc->root, "id"), nom);
}

/* The sheet's documents known already: the same ones said, a different
 * one with a known id refused into d.  The number of new ones. */
static size_t
known(struct receipt *g, const struct eco_doc *const *v, size_t n,
    struct eco_diags *d)
{
	const struct eco_doc *k;
	size_t i, fresh = 0;

	for (i = 0; i < n; i++) {
		const struct eco_node *r = v[i]->root;

		if (blank(r))
			continue;
		if ((k = known_id(g, r)) && eco_node_equal(k->root, r))
			eco_diag_add(g->out, v[i]->file, r->line, r->col,
			    ECO_SEV_NOTE, NULL, _("%s %s already received (%s): "
			    "not written again"), eco_kind_label(g->k),
			    eco_map_str(r, "id"), k->file);
		else if (k)
			eco_diag_add(d, v[i]->file, r->line, r->col,
			    ECO_SEV_ERROR, g->k->name, _("%s already holds a "
			    "different %s %s: to correct it, edit that file"),
			    k->file, eco_kind_label(g->k), eco_map_str(r, "id"));
		else
			fresh++;
	}
	return fresh;
}

/* Write the new documents: a dry run of all first, so that the sheet
 * goes in whole or not at all.  The errors. */
static size_t
write_all(struct receipt *g, const struct eco_doc *const *v, size_t n,
    int dry, struct eco_diags *d)
{
	int fresh = !eco_project_has_file(g->p, g->k->home), pass;
	size_t i, made;

	for (pass = 0; pass < 2; pass++) {
		for (i = made = 0; i < n && !d->nerr; i++) {
			struct eco_record rec = { .file = g->k->home,
			    .kind = g->k->name, .arg = (void *)v[i]->root,
			    .flags = pass ? 0 : ECO_WRITE_DRY };

			if (known_id(g, v[i]->root) || blank(v[i]->root))
				continue;
			/* a dry run cannot append to a file it did not make */
			if (fresh && made && !pass)
				continue;
			rec.render = fresh && !made ? render_new : render;
			if (fresh && !made)
				eco_project_create(g->p, &rec, d);
			else
				eco_project_append(g->p, &rec, d);
			made++;
			if (!d->nerr && pass) {
				eco_diag_add(g->out, v[i]->file, v[i]->root->line,
				    v[i]->root->col, ECO_SEV_NOTE, NULL,
				    _("%s %s received into %s"), eco_kind_label(g->k),
				    eco_map_str(v[i]->root, "id"), rec.file);
				note_outside(g, v[i]);
			} else if (!d->nerr && dry) {
				eco_diag_add(g->out, v[i]->file, v[i]->root->line,
				    v[i]->root->col, ECO_SEV_NOTE, NULL,
				    _("%s %s checked: it would go into %s"),
				    eco_kind_label(g->k), eco_map_str(v[i]->root,
				    "id"), rec.file);
				note_outside(g, v[i]);
			}
			free(rec.text);
		}
		if (d->nerr)
			return keep_about(g, d, NULL, 1, g->out);
		if (dry)
			break;
	}
	return 0;
}

static size_t
take_in(struct receipt *g, const char *file, const struct eco_doc *const *v,
    size_t n, int dry, struct eco_diags *d)
{
	static const char *const kinds[] = { "service", "intervention",
	    "facteur", NULL };
	struct eco_diags w;
	size_t i, errs;

	if (strcmp(file, "-") == 0)
		file = "<stdin>";
	eco_project_check(g->p, kinds, d);
	if (!filled(v, n))
		eco_diag_add(d, file, 0, 0, ECO_SEV_ERROR, NULL,
		    _("nothing to receive: no « %s » document filled in this "
		    "sheet"), g->k->name);
	for (i = 0; i < n; i++)
		if (!known_id(g, v[i]->root) && !blank(v[i]->root))
			check_doc(g, v[i], d);
	/* the sheet's diagnostics, then the project's errors */
	errs = keep_about(g, d, file, 0, g->out);
	for (i = 0; i < d->n; i++)
		if (d->v[i].file && strcmp(d->v[i].file, file) == 0)
			d->v[i].sev = ECO_SEV_NOTE;	/* said already */
	if ((errs += keep_about(g, d, NULL, 1, g->out)))
		return errs;
	/* the counters of d count what the blank documents got */
	eco_diags_init(&w);
	errs = write_all(g, v, n, dry, &w);
	eco_diags_free(&w);
	return errs;
}

int
eco_offre_receive(const char *dir, const char *kind, char *file, int dry,
    struct eco_diags *out)
{
	struct receipt g = { NULL, eco_kind_find(kind), NULL, 0, out, NULL, 0 };
	const struct eco_doc *const *v;
	struct eco_diags d;
	size_t n = 0, errs = 0;
	int rc = -1;

	eco_diags_init(&d);
	if (!g.k || !g.k->home || !(g.p = eco_project_open(dir, out)))
		goto done;
	if (!eco_project_dir(g.p)) {
		eco_diag_add(out, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no project here: a sheet is received into a project "
		    "(a folder with an eco.yaml)"));
		goto done;
	}
	g.own = eco_project_docs(g.p, kind, &g.nown);
	if (eco_project_inputs(g.p, 1, &file, &d) < 0 ||
	    !(v = eco_project_input_docs(g.p, &n)))
		errs = keep_about(&g, &d, NULL, 0, out) + 1;
	else if ((g.v = v, g.n = n, 0))
		;
	else if (known(&g, v, n, &d) || d.nerr || !filled(v, n))
		errs = take_in(&g, file, v, n, dry, &d);
	else
		eco_diag_add(out, strcmp(file, "-") ? file : "<stdin>", 0, 0,
		    ECO_SEV_NOTE, NULL, "%s", _("this sheet was received "
		    "already: nothing to write"));
	if (errs)
		eco_diag_add(out, strcmp(file, "-") ? file : "<stdin>", 0, 0,
		    ECO_SEV_NOTE, NULL, "%s",
		    _("sheet refused: it stays where it is, nothing was "
		    "written"));
	rc = errs ? 1 : 0;
done:
	eco_diags_free(&d);
	eco_project_close(g.p);
	return rc;
}
