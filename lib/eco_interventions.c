/*
 * eco_interventions.c - the organisations' action on the protective
 * factors (Outil 7): the matrix organisations × factors with a level per
 * cell (0 none, 1 some, 2 much), its totals, and the worksheet an
 * organisation fills.  Returned sheets come in by eco_offre_receive.
 *
 * A record on a sub-factor counts for the factor that holds it (the
 * highest level given wins); the sub-factors named are noted on their
 * factor.  The factors nobody acts on come first, then the others from
 * the least to the most acted on.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

static long long
level(const struct eco_node *m)
{
	const struct eco_node *v = eco_map_get(m, "niveau");

	return v && v->type == ECO_INT && !(v->flags & ECO_F_BIG) &&
	    v->u.i >= 0 && v->u.i <= 2 ? v->u.i : -1;
}

static size_t
org_index(const struct eco_matrice *m, const char *org)
{
	size_t i;

	for (i = 0; org && i < m->norgs; i++)
		if (strcmp(m->orgs[i], org) == 0)
			return i;
	return (size_t)-1;
}

/* The sub-factor bit of id in f, or 0. */
static unsigned long
sous_bit(const struct eco_facteur *f, const char *id)
{
	size_t i;

	for (i = 0; id && i < f->nsous && i < 8 * sizeof(unsigned long); i++)
		if (strcmp(f->sous[i].id, id) == 0)
			return 1ul << i;
	return 0;
}

static void
note(struct eco_matrice *m, size_t o, size_t fi, const struct eco_node *r)
{
	const struct eco_facteur *f = m->facteurs[fi];
	const struct eco_node *s = eco_map_seq(r, "sous_facteurs");
	size_t c = o * m->nf + fi, i;
	int lv = (int)level(r);

	if (lv > m->niveau[c])
		m->niveau[c] = lv;
	if (lv > 0) {
		m->sous[fi] |= sous_bit(f, eco_map_str(r, "facteur"));
		for (i = 0; s && s->type == ECO_SEQ && i < s->len; i++)
			if (s->u.items[i]->type == ECO_STR)
				m->sous[fi] |= sous_bit(f, s->u.items[i]->s);
	}
}

static void
totals(struct eco_matrice *m)
{
	size_t o, f;

	for (o = 0; o < m->norgs; o++)
		for (f = 0; f < m->nf; f++) {
			int lv = m->niveau[o * m->nf + f];

			if (lv > 0) {
				m->total_f[f] += lv;
				m->total_o[o] += lv;
				m->actifs[f]++;
			}
		}
}

/* The factors nobody acts on first, then by total (stable). */
static void
order(struct eco_matrice *m)
{
	size_t i, j;

	for (i = 0; i < m->nf; i++)
		m->order[i] = i;
	for (i = 1; i < m->nf; i++) {
		size_t x = m->order[i];

		for (j = i; j > 0 && m->total_f[m->order[j - 1]] > m->total_f[x];
		    j--)
			m->order[j] = m->order[j - 1];
		m->order[j] = x;
	}
}

struct eco_matrice *
eco_matrice_new(const struct eco_doc *const *v, size_t n,
    const struct eco_facteurs *F, const char *const *orgs, size_t norgs)
{
	struct eco_matrice *m = calloc(1, sizeof *m);
	size_t i, nf = F ? eco_facteurs_count(F) : 0, o;

	if (!m || !(m->orgs = calloc(norgs + 1, sizeof *m->orgs)) ||
	    !(m->facteurs = calloc(nf + 1, sizeof *m->facteurs)) ||
	    !(m->niveau = malloc((norgs * nf + 1) * sizeof *m->niveau)) ||
	    !(m->total_f = calloc(nf + 1, sizeof *m->total_f)) ||
	    !(m->total_o = calloc(norgs + 1, sizeof *m->total_o)) ||
	    !(m->actifs = calloc(nf + 1, sizeof *m->actifs)) ||
	    !(m->sous = calloc(nf + 1, sizeof *m->sous)) ||
	    !(m->order = calloc(nf + 1, sizeof *m->order)) ||
	    !(m->records = calloc(norgs + 1, sizeof *m->records))) {
		eco_matrice_free(m);
		return NULL;
	}
	for (i = 0; i < norgs; i++)
		m->orgs[i] = orgs[i];
	m->norgs = norgs;
	for (i = 0; i < nf; i++)
		m->facteurs[i] = eco_facteurs_at(F, i);
	m->nf = nf;
	for (i = 0; i < norgs * nf; i++)
		m->niveau[i] = -1;
	for (i = 0; i < n; i++) {
		const struct eco_node *r = v[i]->root;
		const struct eco_facteur *h;
		const struct eco_sous_facteur *sous;
		const char *kind = eco_map_str(r, "kind");
		size_t f;

		if (!kind || strcmp(kind, "intervention") ||
		    (o = org_index(m, eco_map_str(r, "organisme"))) ==
		    (size_t)-1 || !(h = eco_facteurs_holder(F,
		    eco_map_str(r, "facteur"), &sous)))
			continue;
		for (f = 0; f < nf && m->facteurs[f] != h; f++)
			;
		if (f < nf) {
			note(m, o, f, r);
			m->records[o]++;
		}
	}
	totals(m);
	order(m);
	return m;
}

void
eco_matrice_free(struct eco_matrice *m)
{
	if (!m)
		return;
	free(m->orgs);
	free(m->facteurs);
	free(m->niveau);
	free(m->total_f);
	free(m->total_o);
	free(m->actifs);
	free(m->sous);
	free(m->order);
	free(m->records);
	free(m);
}

/* Worksheets */

/* The record of org on factor or sub-factor id among v, or NULL. */
static const struct eco_node *
record_of(const struct eco_doc *const *v, size_t n, const char *org,
    const char *id)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct eco_node *r = v[i]->root;
		const char *k = eco_map_str(r, "kind");

		if (k && strcmp(k, "intervention") == 0 &&
		    eco_map_str(r, "organisme") && eco_map_str(r, "facteur") &&
		    strcmp(eco_map_str(r, "organisme"), org) == 0 &&
		    strcmp(eco_map_str(r, "facteur"), id) == 0)
			return r;
	}
	return NULL;
}

static const char *
tick(int on)
{
	return on ? "☒" : "☐";
}

/* The services of org as boxes, ticked when r names them. */
static void
services_cell(struct eco_table *t, const struct eco_offre *o, const char *org,
    const struct eco_node *r, struct eco_buf *b)
{
	const struct eco_node *s = r ? eco_map_seq(r, "services") : NULL;
	const char *v[64];
	char *keep[64];
	size_t i, n = 0;

	for (i = 0; i < o->n && n < 64; i++)
		if (o->v[i].organisme && strcmp(o->v[i].organisme, org) == 0 &&
		    o->v[i].nom) {
			keep[n] = NULL;
			eco_buf_clear(b);
			eco_buf_printf(b, "%s %s", tick(s && o->v[i].id &&
			    eco_seq_has(s, o->v[i].id)), o->v[i].nom);
			if (b->oom || !(keep[n] = strdup(b->s)))
				break;
			v[n] = keep[n];
			n++;
		}
	eco_table_list(t, 5, v, n);
	for (i = 0; i < n; i++)
		free(keep[i]);
}

int
eco_interventions_sheet_paper(struct eco_report *r,
    const struct eco_doc *const *v, size_t n, const struct eco_offre *o,
    const struct eco_facteurs *F, const char *org, const char *org_name)
{
	struct eco_buf b = ECO_BUF_INIT;
	struct eco_table *t;
	size_t sys, i, k;

	eco_report_heading(r, 1, buf_say(&b, _("Action of %s on the protective "
	    "factors (Outil 7)"), org_name ? org_name : org));
	eco_report_para(r, _("For each protective factor, tick the level of "
	    "your organisation's action: 0, it does not act on it; 1, it acts "
	    "on it indirectly or now and then; 2, it acts on it directly and "
	    "regularly. Then tick the sub-factors it touches and the services "
	    "through which it acts."));
	for (sys = 0; sys < ECO_NSYS; sys++) {
		t = eco_report_table(r, "fiche", buf_say(&b, _("System: %s"),
		    eco_systeme_label(eco_systemes[sys])), ECO_SHOW_DOC);
		eco_table_column(t, "facteur", _("Factor and its sub-factors"),
		    0, 34);
		eco_table_column(t, "n0", _("0 none"), 0, 0);
		eco_table_column(t, "n1", _("1 some"), 0, 0);
		eco_table_column(t, "n2", _("2 much"), 0, 0);
		eco_table_column(t, "touche", _("Touched"), 0, 0);
		eco_table_column(t, "services", _("Through its services"), 0, 30);
		for (i = 0; F && i < eco_facteurs_count(F); i++) {
			const struct eco_facteur *f = eco_facteurs_at(F, i);
			const struct eco_node *rec = record_of(v, n, org, f->id);
			const struct eco_node *ss = rec ?
			    eco_map_seq(rec, "sous_facteurs") : NULL;
			long long lv = rec ? level(rec) : -1;

			if (!f->systeme || strcmp(f->systeme, eco_systemes[sys]))
				continue;
			eco_table_row(t);
			eco_table_text(t, 0, f->nom);
			for (k = 0; k < 3; k++)
				eco_table_text(t, 1 + k, tick(lv == (long long)k));
			services_cell(t, o, org, rec, &b);
			for (k = 0; k < f->nsous; k++) {
				eco_table_row(t);
				eco_table_text(t, 0, buf_say(&b, "· %s", f->sous[k].nom));
				eco_table_text(t, 4, tick(ss && eco_seq_has(ss,
				    f->sous[k].id)));
			}
		}
	}
	eco_report_heading(r, 2, _("Contact"));
	eco_report_para(r, _("Person who filled this sheet, e-mail or "
	    "telephone, date:"));
	i = b.oom;
	eco_buf_free(&b);
	return eco_report_failed(r) || i ? -1 : 0;
}

/* A comment line of text, wrapped. */
static void
comment(FILE *out, const char *text)
{
	fputs("# ", out);
	eco_wrap_write(out, text, 2, 0, 76, "# ");
}

int
eco_interventions_sheet_yaml(FILE *out, const struct eco_doc *const *v,
    size_t n, const struct eco_offre *o, const struct eco_facteurs *F,
    const char *org)
{
	struct eco_buf b = ECO_BUF_INIT, l = ECO_BUF_INIT;
	size_t i, k;

	for (i = 0; F && i < eco_facteurs_count(F); i++) {
		const struct eco_facteur *f = eco_facteurs_at(F, i);
		const struct eco_node *rec = record_of(v, n, org, f->id);

		fputs("---\n", out);
		comment(out, buf_say(&b, "%s (%s).", f->nom,
		    eco_systeme_label(f->systeme)));
		if (rec) {
			comment(out, _("What the regroupement knows: correct what "
			    "changed, or leave it as it is."));
			eco_sheet_yaml(out, rec);
			continue;
		}
		comment(out, _("niveau: 0, the organisation does not act on this "
		    "factor; 1, it acts on it indirectly or now and then; 2, it "
		    "acts on it directly and regularly."));
		eco_buf_clear(&l);
		for (k = 0; k < f->nsous; k++)
			eco_buf_printf(&l, "%s%s (%s)", k ? ", " : "", f->sous[k].id,
			    f->sous[k].nom);
		if (f->nsous && !l.oom)
			comment(out, buf_say(&b, _("sous_facteurs, those it touches: "
			    "%s."), l.s));
		eco_buf_clear(&l);
		for (k = 0; k < o->n; k++)
			if (o->v[k].organisme && strcmp(o->v[k].organisme, org) == 0)
				eco_buf_printf(&l, "%s%s (%s)", l.n ? ", " : "",
				    o->v[k].id, o->v[k].nom ? o->v[k].nom : "");
		if (l.n && !l.oom)
			comment(out, buf_say(&b, _("services, those through which it "
			    "acts: %s."), l.s));
		fprintf(out, "kind: intervention\nversion: 1\nid: %s-%s\n"
		    "organisme: %s\nfacteur: %s\nniveau:\n#sous_facteurs: []\n"
		    "#services: []\n#description:\n", org, f->id, org, f->id);
	}
	eco_buf_free(&l);
	eco_buf_free(&b);
	return ferror(out) ? -1 : 0;
}
