/*
 * eco-vue - the overview of the action plan (Outil 10): objectives and
 * systems, partners' commitments, funders, a timeline and the budget.
 *
 * eco_suivi_plan reads and checks the plan and its follow-ups; states
 * are eco_suivi's, money and names eco_budget's: this file composes.
 * For people a view is groups with their tables; in records (csv, json,
 * yaml) one flat table of ids, but names in csv, which people read.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "eco-vue [-o texte|md|html|csv|json|yaml] [--vue VUE]... [--au DATE] "
    "[-C DOSSIER] [FICHIER|-]...";

#define NVUES 5
static const char *const vue_names[NVUES] = { "objectifs", "partenaires",
	"bailleurs", "calendrier", "budget" };

static struct {
	unsigned vues;			/* bit per view; 0: all */
	int data;			/* records: csv, json, yaml */
	struct eco_project *p;
	struct eco_plan *plan;
	const struct eco_node *root;	/* the plan document, if any */
	struct eco_budget *b;
	struct eco_suivi_state *st;	/* one per plan->actions */
	struct eco_facteurs *f;		/* the project's protective factors */
	struct eco_table *flat;		/* records: the view's one table */
} V;

static _Noreturn void
oom(void)
{
	perror(cli_prog);
	exit(ECO_EXIT_SYS);
}

static int
same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Text built with printf, owned by the caller. */
static char *
fmt(const char *f, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, f);
	n = vsnprintf(NULL, 0, f, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		oom();
	va_start(ap, f);
	vsnprintf(s, (size_t)n + 1, f, ap);
	va_end(ap);
	return s;
}

/* A paragraph, or a heading of level > 0, of text s (freed; NULL: none). */
static void
put(struct eco_report *r, int level, char *s)
{
	if (s && level)
		eco_report_heading(r, level, s);
	else if (s)
		eco_report_para(r, s);
	free(s);
}

static const char *
money(long long cents, char *buf)
{
	return eco_money_format(cents, ECO_MONEY_PRINT, buf);
}

/* What people call organisation or funder id (list k), or NULL. */
static const char *
known(enum eco_budget_by k, const char *id)
{
	const struct eco_total *t = id && *id ? eco_budget_total(V.b, k, id) :
	    NULL;

	return t ? t->name : NULL;
}

/* Its name for people, and in csv; else the id (a system's key). */
static const char *
name(enum eco_budget_by k, const char *id)
{
	const char *t = !V.data || cli.format == FMT_CSV ? known(k, id) : NULL;

	return t ? t : id;
}

/* "Title (id)", or either alone. */
static char *
labelled(const char *text, const char *id)
{
	return text && id ? fmt("%s (%s)", text, id) :
	    fmt("%s", text ? text : id ? id : "");
}

/* A total's name and key, or what stands for none. */
static char *
label(const struct eco_total *x)
{
	return labelled(x->name, *x->key ? x->key : NULL);
}

/* Columns: the fields rows show, their keys in records, headers and
 * flags.  Indicators' fields, then actions', stay empty in the rows of
 * the other element. */
#define RIGHT ECO_COL_RIGHT
#define NOWRAP ECO_COL_NOWRAP
#define FIELDS \
	X(OBJECTIF, "objectif", N_("Objective"), 0) \
	X(SYSTEME, "systeme", N_("System"), 0) \
	X(TRANSFORMATION, "transformation", N_("Transformation"), 0) \
	X(ELEMENT, "element", N_("Element"), 0) \
	X(ID, "id", N_("Id"), 0) \
	X(LIBELLE, "libelle", N_("Label"), 0) \
	X(INDICATEUR, NULL, N_("Indicator"), 0) \
	X(UNITE, "unite", N_("Unit"), 0) \
	X(DEPART, "valeur_depart", N_("Baseline"), RIGHT) \
	X(CIBLE, "cible", N_("Target"), RIGHT) \
	X(ECHEANCE, "echeance", N_("Due"), NOWRAP) \
	X(ACTION, NULL, N_("Action"), 0) \
	X(ACTION_ID, "action", N_("Action"), 0) \
	X(TITRE, "titre", N_("Title"), 0) \
	X(RESPONSABLE, "responsable", N_("Lead"), 0) \
	X(PARTENAIRES, "partenaires", N_("Partners"), 0) \
	X(PLACE, NULL, N_("Objective, system"), 0) \
	X(DEBUT, "debut", N_("Start"), NOWRAP) \
	X(FIN, "fin", N_("End"), NOWRAP) \
	X(BUDGET, "budget", N_("Budget"), RIGHT) \
	X(ETAT, "statut", N_("State"), 0) \
	X(RETARD, "en_retard", N_("Late"), 0) \
	X(DERNIER, "dernier_suivi", N_("Last follow-up"), NOWRAP) \
	X(PROCHAIN, "prochain_suivi", N_("Next follow-up"), NOWRAP) \
	X(MANQUANTS, "suivis_manquants", N_("Follow-ups missing"), RIGHT) \
	X(DEPENSE, "depense", N_("Spent"), RIGHT) \
	X(ROLE, "role", N_("Role"), 0) \
	X(ORGANISME, "organisme", N_("Organisation"), 0) \
	X(NOM, "nom", N_("Name"), 0) \
	X(APPORT, "apport", N_("Contribution"), 0) \
	X(BAILLEUR, "bailleur", N_("Funder"), 0) \
	X(POSTE, "poste", N_("Item"), 0) \
	X(FINANCEMENT, "financement", N_("Funding"), 0) \
	X(MONTANT, "montant", N_("Amount"), RIGHT) \
	X(PAR, "par", N_("By"), 0) \
	X(CLE, "cle", N_("Key"), 0)

#define X(f, key, header, flags) F_##f,
enum field { FIELDS F_END };
#undef X
#define X(f, key, header, flags) { key, header, flags },
static const struct {
	const char *key, *header;
	unsigned flags;
} fields[] = { FIELDS };
#undef X

/* A column is a field, where its text wraps for people (W), and whether
 * it is for people only (DOC), in records only (DATA) or hidden from
 * text (NOTEXTE). */
#define W(n) ((unsigned)(n) << 8)
#define DOC (1u << 16)
#define DATA (1u << 17)
#define NOTEXTE (1u << 18)
#define SHOWN(c) (((c) & (V.data ? DOC : DATA)) == 0)

/* What a row is about. */
struct line {
	size_t i;				/* the action, when a is set */
	const struct eco_action_view *a;
	const struct eco_indicateur_view *x;
	const char *obj, *libelle;		/* objective, transformation */
	const char *org;			/* partners: the organisation */
	int lead;				/* it leads the action */
	const struct eco_budget_line *l;	/* funders: a line, */
	const char *bailleur;			/* its funder ("": none) */
	const struct eco_total *t;		/* budget: a total, */
	const char *par;			/* what it totals */
};

static void
partners(struct eco_table *t, size_t col, const struct eco_action_view *a)
{
	const char **v = calloc(a->npartenaires + 1, sizeof *v);
	size_t i;

	if (!v)
		oom();
	for (i = 0; i < a->npartenaires; i++)
		v[i] = name(ECO_BY_ORGANISME, a->partenaires[i]);
	eco_table_list(t, col, v, a->npartenaires);
	free(v);
}

static void
cell(struct eco_table *t, size_t col, enum field f, const struct line *w)
{
	const struct eco_action_view *a = w->a;
	const struct eco_indicateur_view *x = w->x;
	const struct eco_suivi_state *u = a ? &V.st[w->i] : NULL;
	const char *s = NULL;
	char *own = NULL;

	/* the other element's columns stay empty */
	if ((f >= F_INDICATEUR && f < F_ACTION && !x) ||
	    (f >= F_ACTION && f < F_ROLE && !a))
		return;
	switch (f) {
	case F_OBJECTIF:
		s = a ? a->objectif : w->obj;
		s = s && *s ? s : NULL;
		break;
	case F_SYSTEME:
		s = name(ECO_BY_SYSTEME, a ? a->systeme : x->systeme);
		break;
	case F_TRANSFORMATION: s = w->libelle; break;
	case F_ELEMENT: s = a ? "action" : "indicateur"; break;
	case F_ID: case F_ACTION_ID: s = a ? a->id : x->id; break;
	case F_LIBELLE:
		s = w->t ? w->t->name : a ? a->titre : x->libelle;
		break;
	case F_INDICATEUR: s = own = labelled(x->libelle, x->id); break;
	case F_UNITE: s = x->unite; break;
	case F_DEPART: eco_table_value(t, col, x->valeur_depart); break;
	case F_CIBLE: eco_table_value(t, col, x->cible); break;
	case F_ECHEANCE: s = x->echeance_eff; break;
	case F_ACTION: s = own = labelled(a->titre, a->id); break;
	case F_TITRE: s = a->titre; break;
	case F_RESPONSABLE: s = name(ECO_BY_ORGANISME, a->responsable); break;
	case F_PARTENAIRES: partners(t, col, a); break;
	case F_PLACE:
		s = own = fmt("%s%s%s", a->objectif ? a->objectif : "",
		    a->systeme ? ", " : "", a->systeme ?
		    name(ECO_BY_SYSTEME, a->systeme) : "");
		break;
	case F_DEBUT: s = a->debut_eff; break;
	case F_FIN: s = a->fin_eff; break;
	case F_BUDGET:
		if (!w->org || w->lead)
			eco_table_money(t, col, V.b->actions[w->i]);
		break;
	case F_ETAT:
		s = V.data ? u->statut : eco_etat_label(u->etat, 1);
		/* an adapted action says so, beside its state */
		if (!V.data && a->decision && strcmp(a->decision, "adaptation") == 0)
			s = own = fmt(_("%s, adapted on %s"), s, a->decision_le);
		break;
	case F_RETARD: eco_table_bool(t, col, u->late); break;
	case F_DERNIER: s = u->dernier; break;
	case F_PROCHAIN: s = u->prochain; break;
	case F_MANQUANTS: s = own = fmt("%zu", u->manquants); break;
	case F_DEPENSE:
		if (!w->org || w->lead)
			eco_table_money(t, col, u->depense);
		break;
	case F_ROLE:
		s = V.data ? (w->lead ? "responsable" : "partenaire") :
		    w->lead ? _("lead") : _("partner");
		break;
	case F_ORGANISME: s = w->org; break;
	case F_NOM: s = w->org ? known(ECO_BY_ORGANISME, w->org) :
	    known(ECO_BY_BAILLEUR, w->bailleur); break;
	case F_APPORT: s = eco_budget_apport(a, w->org); break;
	case F_BAILLEUR: s = *w->bailleur ? w->bailleur : NULL; break;
	case F_POSTE: s = w->l->poste; break;
	case F_FINANCEMENT: s = V.data ? w->l->statut :
	    eco_funding_label(eco_funding_of(w->l->statut)); break;
	case F_MONTANT:
		if (w->t || w->l->has_amount)
			eco_table_money(t, col, w->t ? w->t->cents :
			    w->l->cents);
		break;
	case F_PAR: s = w->par; break;
	case F_CLE: s = *w->t->key ? w->t->key : NULL; break;
	case F_END: break;
	}
	if (s)
		eco_table_text(t, col, s);
	free(own);
}

/* A table of the columns c shown in this format; in records, the view's
 * one table once made (flat). */
static struct eco_table *
table(struct eco_report *r, const char *kind, const char *caption,
    const unsigned *c)
{
	struct eco_table *t = V.data && V.flat ? V.flat : eco_report_table(r,
	    kind, V.data ? NULL : caption,
	    V.data ? ECO_SHOW_DATA : ECO_SHOW_DOC);
	unsigned f;

	if (t == V.flat)
		return t;
	if (V.data)
		V.flat = t;
	for (; (f = *c & 0xff) != F_END; c++)
		if (SHOWN(*c))
			eco_table_column(t, V.data ? fields[f].key : NULL,
			    _(fields[f].header), fields[f].flags |
			    (*c & NOTEXTE ? ECO_COL_NOTEXTE : 0),
			    *c >> 8 & 0xff);
	return t;
}

/* A view starts: in records, its one table (even empty, a csv header). */
static void
flat(struct eco_report *r, const char *kind, const unsigned *c)
{
	V.flat = NULL;
	if (V.data)
		table(r, kind, NULL, c);
}

static void
row(struct eco_table *t, const unsigned *c, const struct line *w)
{
	size_t i = 0;

	eco_table_row(t);
	for (; (*c & 0xff) != F_END; c++)
		if (SHOWN(*c))
			cell(t, i++, (enum field)(*c & 0xff), w);
}

/* For people, a total row: the word in column 0, cents in column col. */
static void
total(struct eco_table *t, size_t col, long long cents)
{
	if (V.data)
		return;
	eco_table_total(t);
	eco_table_text(t, 0, _("Total"));
	eco_table_money(t, col, cents);
}

/* What the follow-ups say: spending so far, the follow-ups missing. */
static void
follow_ups(struct eco_report *r, long long spent, size_t n)
{
	struct eco_buf b = ECO_BUF_INIT;
	char m[ECO_MONEY_BUFSZ];
	size_t i;

	put(r, 0, fmt(_("Spent so far according to the follow-ups: %s, "
	    "%lld\xc2\xa0%% of the budget."), money(spent, m), (spent * 100 +
	    V.b->total / 2) / (V.b->total > 0 ? V.b->total : 1)));
	eco_buf_printf(&b, ngettext("%zu\xc2\xa0" "follow-up missing on %s:",
	    "%zu\xc2\xa0" "follow-ups missing on %s:", n), n, cli.au);
	for (n = 0, i = 0; i < V.plan->nactions; i++)
		if (V.st[i].manquants)
			eco_buf_printf(&b, "%s%s (%s)", n++ ? "; " : " ",
			    V.plan->actions[i].titre ? V.plan->actions[i].titre :
			    V.plan->actions[i].id, V.st[i].manquant);
	eco_buf_adds(&b, ".");
	if (b.oom)
		oom();
	if (n)
		eco_report_para(r, b.s);
	eco_buf_free(&b);
}

/* The introduction: period, dates of the plan, counts. */

static void
intro(struct eco_report *r)
{
	const char *ad = eco_map_date(V.root, "adopte_le");
	const char *rv = eco_map_date(V.root, "revise_le");
	size_t n[ECO_NETATS] = { 0 }, i, k = 0, no = V.b->nby[ECO_BY_OBJECTIF];
	size_t ni = V.plan->nindicateurs, na = V.plan->nactions, missing = 0;
	long long spent = 0;
	struct eco_buf b = ECO_BUF_INIT;
	char m[ECO_MONEY_BUFSZ], *x, *y, *z;

	if (V.b->debut && V.b->fin)
		put(r, 0, fmt(V.plan->debut ? _("Period: from %s to %s.") :
		    _("Actions from %s to %s."), V.b->debut, V.b->fin));
	put(r, 0, ad && rv ? fmt(_("Adopted on %s, revised on %s."), ad, rv) :
	    ad ? fmt(_("Adopted on %s."), ad) : NULL);
	/* a no-break space after a number keeps it on the line of its noun */
	x = fmt(ngettext("%zu\xc2\xa0objective", "%zu\xc2\xa0objectives", no),
	    no);
	y = fmt(ngettext("%zu\xc2\xa0indicator", "%zu\xc2\xa0indicators", ni),
	    ni);
	z = fmt(ngettext("%zu\xc2\xa0" "action", "%zu\xc2\xa0" "actions", na),
	    na);
	put(r, 0, fmt(_("State on %s: %s, %s, %s; total budget %s."), cli.au,
	    x, y, z, money(V.b->total, m)));
	free(x), free(y), free(z);
	for (i = 0; i < na; i++) {
		n[V.st[i].etat]++;
		spent += V.st[i].depense;
		missing += V.st[i].manquants;
	}
	eco_buf_adds(&b, _("Actions:"));
	for (i = 0; i < ECO_NETATS; i++)
		if (n[i])
			eco_buf_printf(&b, "%s%zu\xc2\xa0%s", k++ ? ", " : " ",
			    n[i], eco_etat_label((enum eco_etat)i, n[i]));
	eco_buf_adds(&b, ".");
	if (b.oom)
		oom();
	if (k)
		eco_report_para(r, b.s);
	eco_buf_free(&b);
	follow_ups(r, spent, missing);
}

/* The objectives view: per objective and system, indicators, actions. */

static const unsigned data_objectifs[] = {
	F_OBJECTIF, F_SYSTEME, F_TRANSFORMATION, F_ELEMENT, F_ID, F_LIBELLE,
	F_UNITE, F_DEPART, F_CIBLE, F_ECHEANCE, F_RESPONSABLE, F_PARTENAIRES,
	F_DEBUT, F_FIN, F_BUDGET, F_DEPENSE, F_ETAT, F_RETARD, F_DERNIER,
	F_PROCHAIN, F_MANQUANTS, F_END
};
static const unsigned doc_indicateurs[] = {
	F_INDICATEUR | W(44), F_UNITE | W(12), F_DEPART, F_CIBLE, F_ECHEANCE,
	F_END
};
static const unsigned doc_actions[] = {
	F_ACTION | W(28), F_RESPONSABLE | W(18), F_PARTENAIRES | W(20), F_DEBUT,
	F_FIN, F_BUDGET, F_ETAT, F_END
};

/* A transformation: its heading, its indicators and actions. */
/* Under the table of a transformation, what the evaluations decided
 * to change in its adapted actions (for people). */
static void
adjustments(struct eco_report *r, const struct eco_total *p)
{
	const struct eco_action_view *a;
	const struct eco_node *aj;
	size_t i, k, said = 0;

	for (i = 0; !V.data && i < V.plan->nactions; i++) {
		a = &V.plan->actions[i];
		if (!same(a->objectif, p->objectif) ||
		    eco_systeme_index(a->systeme) != p->systeme || !a->decision ||
		    strcmp(a->decision, "adaptation") != 0 ||
		    !(aj = eco_map_seq(a->decision_node, "ajustements")))
			continue;
		if (!said++)
			put(r, 0, fmt("%s", _("Adjustments decided by the "
			    "evaluation:")));
		for (k = 0; k < aj->len; k++)
			if (aj->u.items[k]->type == ECO_STR)
				eco_report_item(r, 0, cli_text(_("%s, on %s: %s"),
				    a->titre ? a->titre : a->id, a->decision_le,
				    aj->u.items[k]->s));
	}
}

static void
place(struct eco_report *r, const struct eco_total *p)
{
	const char *sys = known(ECO_BY_SYSTEME, eco_systemes[p->systeme]);
	struct line w = { .obj = p->objectif, .libelle = p->name };
	size_t i, ni = V.plan->nindicateurs, n = ni + V.plan->nactions;
	struct eco_table *ti = NULL, *ta = NULL;

	/* TRANSLATORS: a system and its desired transformation. */
	put(r, 3, p->name ? fmt(_("%s: %s"), sys, p->name) : fmt("%s", sys));
	for (i = 0; i < n; i++) {
		w.x = i < ni ? &V.plan->indicateurs[i] : NULL;
		w.a = w.x ? NULL : &V.plan->actions[w.i = i - ni];
		if (!same(w.x ? w.x->objectif : w.a->objectif, p->objectif) ||
		    eco_systeme_index(w.x ? w.x->systeme : w.a->systeme) !=
		    p->systeme)
			continue;
		if (w.x && !ti)
			ti = table(r, "indicateurs", _("Indicators"),
			    doc_indicateurs);
		if (w.a && !ta)
			ta = table(r, "actions", _("Actions"), doc_actions);
		row(w.x ? ti : ta, V.data ? data_objectifs : w.x ?
		    doc_indicateurs : doc_actions, &w);
	}
	if (ta)
		total(ta, 5, p->cents);
	adjustments(r, p);
}

static void
vue_objectifs(struct eco_report *r)
{
	const struct eco_total *tr = V.b->by[ECO_BY_TRANSFORMATION];
	char m[ECO_MONEY_BUFSZ], fb[512];
	size_t i, k;

	flat(r, "vue-objectifs", data_objectifs);
	eco_report_heading(r, 1, _("Objectives and systems"));
	for (i = 0; i < V.b->nby[ECO_BY_OBJECTIF]; i++) {
		const struct eco_total *o = &V.b->by[ECO_BY_OBJECTIF][i];
		const struct eco_objectif_view *v =
		    eco_plan_objectif(V.plan, *o->key ? o->key : NULL);
		const char *f = v ? v->facteur : NULL, *ft;

		put(r, 2, *o->key && o->name ? fmt(_("Objective %s: %s"),
		    o->key, o->name) : fmt(_("Objective %s"), *o->key ?
		    o->key : o->name));
		ft = f ? eco_facteurs_label(V.f, f, fb, sizeof fb) : NULL;
		put(r, 0, f ? fmt(_("Protective factor: %s. Budget: %s."),
		    ft, money(o->cents, m)) :
		    fmt(_("Budget: %s."), money(o->cents, m)));
		for (k = 0; k < V.b->nby[ECO_BY_TRANSFORMATION]; k++)
			if (same(tr[k].objectif, o->key))
				place(r, &tr[k]);
	}
}

/* The partners view: what each organisation leads, then joins. */

static const unsigned partenaires[] = {
	F_ORGANISME | DATA, F_NOM | DATA, F_ROLE, F_ACTION | DOC | W(30),
	F_ACTION_ID | DATA, F_TITRE | DATA, F_PLACE | DOC | W(16),
	F_OBJECTIF | DATA, F_SYSTEME | DATA, F_DEBUT | DATA, F_FIN | DATA,
	F_BUDGET, F_ETAT, F_RETARD | DATA, F_APPORT | W(28), F_END
};

static void
partner(struct eco_report *r, const struct eco_total *o)
{
	struct line w = { .org = o->key };
	char m[ECO_MONEY_BUFSZ], *a, *b;
	struct eco_table *t;
	size_t i;

	put(r, 2, label(o));
	a = fmt(ngettext("Leads %zu action (budget %s)",
	    "Leads %zu actions (budget %s)", o->nlead), o->nlead,
	    money(o->cents, m));
	b = fmt(ngettext("takes part in %zu other", "takes part in %zu others",
	    o->npartner), o->npartner);
	put(r, 0, o->nlead && o->npartner ? fmt(_("%s; %s."), a, b) :
	    o->nlead ? fmt("%s.", a) : fmt(ngettext("Partner in %zu action.",
	    "Partner in %zu actions.", o->npartner), o->npartner));
	free(a), free(b);
	t = table(r, "partenaire", NULL, partenaires);
	for (w.lead = 1; w.lead >= 0; w.lead--)
		for (i = 0; i < V.plan->nactions; i++) {
			w.a = &V.plan->actions[w.i = i];
			if (eco_budget_role(w.a, o->key) == 2 - w.lead)
				row(t, partenaires, &w);
		}
}

static void
vue_partenaires(struct eco_report *r)
{
	size_t i;

	flat(r, "vue-partenaires", partenaires);
	eco_report_heading(r, 1, _("Partners' commitments"));
	if (!V.b->nby[ECO_BY_ORGANISME])
		eco_report_para(r, _("No action names an organisation."));
	for (i = 0; i < V.b->nby[ECO_BY_ORGANISME]; i++)
		partner(r, &V.b->by[ECO_BY_ORGANISME][i]);
}

/* For people, a table of the totals by k: each one's budget and share
 * of the plan's, or its lines by funding state ("not stated" when some
 * line is). */
static void
sums(struct eco_report *r, enum eco_budget_by k, const char *caption,
    const char *what, int funding)
{
	static const char *const states[] = { N_("Confirmed"), N_("Requested"),
	    N_("To solicit"), N_("Not stated") };
	struct eco_table *t = eco_report_table(r, funding ? "financement" :
	    "totaux", caption, ECO_SHOW_DOC);
	size_t i, j, n = !funding ? 0 : V.b->funding[ECO_FUND_NONE] ? 4 : 3;
	long long c, T = V.b->total;
	char *s;

	eco_table_column(t, NULL, what, 0, funding ? 40 : 50);
	for (j = 0; j < n; j++)
		eco_table_column(t, NULL, _(states[j]), RIGHT, 0);
	eco_table_column(t, NULL, funding ? _("Total") : _("Budget"), RIGHT, 0);
	if (!funding)
		eco_table_column(t, NULL, _("Share"), RIGHT, 0);
	for (i = 0; !V.data && i <= V.b->nby[k]; i++) {
		const struct eco_total *x = i < V.b->nby[k] ? &V.b->by[k][i] :
		    NULL;

		if (x) {
			eco_table_row(t);
			eco_table_text(t, 0, s = k == ECO_BY_SYSTEME ||
			    k == ECO_BY_ANNEE ? fmt("%s", x->name) : label(x));
			free(s);
		} else
			total(t, n + 1, T);
		for (j = 0; j < n; j++)
			eco_table_money(t, j + 1, x ? x->funding[j] :
			    V.b->funding[j]);
		eco_table_money(t, n + 1, c = x ? x->cents : T);
		if (funding || T <= 0)
			continue;
		/* a share of the total, "23,4 %" */
		c = c / T * 1000 + ((c % T) * 1000 + T / 2) / T;
		eco_table_text(t, n + 2, s = fmt("%lld,%lld\xc2\xa0%%", c / 10,
		    c % 10));
		free(s);
	}
}

/* The funders view: the funding by state, then each funder's lines. */

static const unsigned lignes[] = {
	F_BAILLEUR | DATA, F_NOM | DATA, F_ACTION | DOC | W(34),
	F_ACTION_ID | DATA, F_TITRE | DATA, F_OBJECTIF | DATA, F_SYSTEME | DATA,
	F_POSTE | W(34), F_FINANCEMENT, F_MONTANT, F_END
};

/* A funder's heading, type and program, and its lines. */
static void
funder(struct eco_report *r, const struct eco_total *x)
{
	const char *id = x->key;
	const struct eco_bailleur_view *b = eco_plan_bailleur(V.plan, id);
	const char *ty = eco_budget_funder_type(b ? b->type : NULL);
	const char *pr = b ? b->programme : NULL;
	struct line w = { .bailleur = id };
	struct eco_table *t = NULL;
	size_t i, k;

	for (i = 0; i < V.plan->nactions; i++)
		for (k = 0; k < V.plan->actions[i].nbudget; k++) {
			w.a = &V.plan->actions[w.i = i];
			if (!same((w.l = &w.a->budget[k])->bailleur, id))
				continue;
			if (!t) {
				put(r, 2, label(x));
				put(r, 0, ty && pr ? fmt(_("Type: %s. "
				    "Program: %s."), ty, pr) : ty ?
				    fmt(_("Type: %s."), ty) : pr ?
				    fmt(_("Program: %s."), pr) : NULL);
				t = table(r, "lignes", NULL, lignes);
			}
			row(t, lignes, &w);
		}
	if (t)
		total(t, 3, x->cents);
}

static void
vue_bailleurs(struct eco_report *r)
{
	size_t i;

	eco_report_heading(r, 1, _("Funders"));
	if (!V.b->nby[ECO_BY_BAILLEUR])
		eco_report_para(r,
		    _("The plan has no funder and no budget line."));
	else
		sums(r, ECO_BY_BAILLEUR, _("Funding by funder"), _("Funder"),
		    1);
	flat(r, "vue-bailleurs", lignes);
	for (i = 0; i < V.b->nby[ECO_BY_BAILLEUR]; i++)
		funder(r, &V.b->by[ECO_BY_BAILLEUR][i]);
}

/* The timeline view. */

static const unsigned calendrier[] = {
	F_ACTION_ID, F_TITRE | NOTEXTE, F_RESPONSABLE | NOTEXTE,
	F_OBJECTIF | DATA, F_SYSTEME | DATA, F_DEBUT, F_FIN, F_ETAT,
	F_RETARD | DATA, F_END
};

static void
vue_calendrier(struct eco_report *r)
{
	struct line w = { 0 };
	struct eco_table *t;
	size_t i;

	eco_report_heading(r, 1, _("Timeline"));
	if (V.b->debut && V.b->fin)
		put(r, 0, fmt(_("One column per month from %.7s to %.7s; %s "
		    "marks the months of each action."), V.b->debut, V.b->fin,
		    cli.format == FMT_TEXTE ? "#" : "\xe2\x96\xa0"));
	flat(r, "vue-calendrier", calendrier);
	t = table(r, "calendrier", NULL, calendrier);
	eco_table_months(t, V.b->debut, V.b->fin);
	for (i = 0; i < V.plan->nactions; i++) {
		w.a = &V.plan->actions[w.i = V.b->dated[i]];
		row(t, calendrier, &w);
		/* an abandoned action's months end on the day it stopped */
		eco_table_span(t, w.a->debut_eff, w.a->arret &&
		    (!w.a->fin_eff || strcmp(w.a->arret, w.a->fin_eff) < 0) ?
		    w.a->arret : w.a->fin_eff);
	}
}

/* The budget view: totals by objective, system, lead, funder, year. */

static const unsigned totaux[] = { F_PAR, F_CLE, F_LIBELLE, F_MONTANT, F_END };

static void
vue_budget(struct eco_report *r)
{
	static const struct { const char *par, *caption, *what; } by[] = {
		{ "objectif", N_("By objective"), N_("Objective") },
		{ "systeme", N_("By system"), N_("System") },
		{ "responsable", N_("By lead organisation"), N_("Lead") },
		{ "bailleur", N_("By funder"), N_("Funder") },
		{ "annee", N_("By year"), N_("Year") },
	};
	struct eco_total all = { .key = "", .cents = V.b->total };
	struct line w = { 0 };
	char m[ECO_MONEY_BUFSZ];
	size_t i;
	int k;

	flat(r, "vue-budget", totaux);
	eco_report_heading(r, 1, _("Budget"));
	put(r, 0, fmt(_("Total budget of the plan: %s."),
	    money(V.b->total, m)));
	for (k = 0; k < ECO_BY_ORGANISME; k++) {
		sums(r, (enum eco_budget_by)k, _(by[k].caption),
		    _(by[k].what), 0);
		for (w.par = by[k].par, i = 0; V.data && i < V.b->nby[k]; i++) {
			w.t = &V.b->by[k][i];
			row(V.flat, totaux, &w);
		}
	}
	eco_report_para(r, _("An action's budget is split between calendar "
	    "years in proportion to its days in each year, to the cent; the "
	    "cents left over go to the years with the largest remainders."));
	w.par = "total";
	w.t = &all;
	if (V.data)
		row(V.flat, totaux, &w);
}

/* The report. */

static int
run(int argc, char **argv)
{
	static void (*const vues[NVUES])(struct eco_report *) = {
		vue_objectifs, vue_partenaires, vue_bailleurs, vue_calendrier,
		vue_budget
	};
	struct eco_report *r = NULL;
	struct eco_diags d;
	int i;

	eco_diags_init(&d);
	V.data = cli.format == FMT_CSV || cli.format == FMT_JSON ||
	    cli.format == FMT_YAML;
	/* the project of the first file or folder named, or of here */
	for (i = 0; i < argc && strcmp(argv[i], "-") == 0; i++)
		;
	if (!(V.p = eco_project_open(i < argc ? argv[i] : NULL, &d)))
		oom();
	if (argc == 0 && !eco_project_dir(V.p))
		cli_usage_error(NULL, "%s",
		    _("no eco project here (no eco.yaml in this folder or "
		    "above); name a plan file, or - for standard input"));
	if ((V.plan = eco_suivi_plan(V.p, argc, argv, cli.au, &V.root, &d)) &&
	    (V.b = eco_budget_new(V.plan, V.p, &d))) {
		if (!(V.st = eco_suivi_states(V.p, V.plan, cli.au)) ||
		    !(V.f = eco_facteurs_of(V.p, &d)) ||
		    !(r = eco_report_new(NULL, V.plan->titre ? V.plan->titre :
		    _("Overview of the action plan"))))
			oom();
		eco_report_footer(r, eco_project_name(V.p), cli.au);
		intro(r);
		for (i = 0; i < NVUES; i++)
			if (!V.vues || (V.vues & 1u << i))
				vues[i](r);
		eco_report_write(stdout, r, cli.rformat, &d);
	}
	eco_report_free(r);
	eco_budget_free(V.b);
	free(V.st);
	eco_facteurs_free(V.f);
	eco_plan_free(V.plan);
	eco_project_close(V.p);
	i = cli_finish(&d);
	eco_diags_free(&d);
	return i;
}

static void
option(int key, const char *arg)
{
	int i;

	for (i = 0; key == 'v' && i < NVUES; i++)
		if (strcmp(arg, vue_names[i]) == 0) {
			V.vues |= 1u << i;
			return;
		}
	cli_usage_error(NULL, _("unknown view « %s » (expected: %s)"), arg,
	    "objectifs, partenaires, bailleurs, calendrier, budget");
}

static const struct cli_option options[] = {
	{ .key = 'v', .name = "vue", .arg = CLI_TEXT, .metavar = "VUE",
	  .help = N_("only this view (repeat for several): objectifs, "
	  "partenaires, bailleurs, calendrier, budget") },
	{ .name = NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-vue", .usage = usage,
	.example = "eco-vue --vue budget -o html > vue.html",
	.common = CLI_DOSSIER | CLI_FORMAT | CLI_AU,
	.formats = 1u << FMT_TEXTE | 1u << FMT_MD | 1u << FMT_HTML |
	    1u << FMT_CSV | 1u << FMT_JSON | 1u << FMT_YAML,
	.format = FMT_TEXTE, .maxops = CLI_MANY, .options = options,
	.option = option, .run = run,
};

int
main(int argc, char *argv[])
{
	return cli_main(&cmd, argc, argv);
}
