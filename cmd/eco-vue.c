/*
 * eco-vue - the overview of the action plan (Outil 10): objectives and
 * systems, partners' commitments, funders, a timeline and the budget, as
 * texte, md, html, csv, json or yaml.
 *
 * The plan is the project's plan.yaml, or the operands (a plan, or the
 * records eco-plan prints); the follow-ups are suivis/.  The project
 * layer checks them all first: no report from a document that fails.
 * States are eco_suivi's, money eco_budget's; this file composes views.
 * A table is columns naming the field each shows: a table for people (no
 * keys) shows names, one of records ids and codes, but names in csv.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "eco-vue [-o texte|md|html|csv|json|yaml] [--vue VUE]... [--au DATE] "
    "[-C DOSSIER] [FICHIER|-]...";

enum { V_OBJECTIFS, V_PARTENAIRES, V_BAILLEURS, V_CALENDRIER, V_BUDGET, NVUES };
static const char *const vue_names[NVUES] = {
	"objectifs", "partenaires", "bailleurs", "calendrier", "budget"
};

static struct {
	unsigned vues;			/* bit per view; 0: all */
	struct eco_project *p;
	struct eco_plan *plan;
	const struct eco_node *root;	/* the plan document, if any */
	struct eco_budget *b;
	struct eco_suivi_state *st;	/* one per plan->actions */
	const char *debut, *fin;	/* the timeline: the plan's period, or
					 * the span of the actions */
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

static void
para(struct eco_report *r, char *s)
{
	if (s)
		eco_report_para(r, s);
	free(s);
}

/* What people call id of kind (organisme, bailleur, facteur), or NULL. */
static const char *
known(const char *kind, const char *id)
{
	const struct eco_bailleur_view *b;

	if (!id || !*id)
		return NULL;
	if (strcmp(kind, "bailleur") == 0 &&
	    (b = eco_plan_bailleur(V.plan, id)) && b->nom)
		return b->nom;
	return eco_project_title(V.p, kind, id);
}

/* Its name for people; in records, the id but in csv. */
static const char *
name(const char *kind, const char *id, int people)
{
	const char *t = people || cli.format == FMT_CSV ? known(kind, id) : NULL;

	return t ? t : id;
}

static const char *
sys_name(const char *sys, int people)
{
	static const char *const v[ECO_NSYS] = {
		N_("Child"), N_("Family"), N_("Community")
	};
	int s = eco_systeme_index(sys);

	return s >= 0 && (people || cli.format == FMT_CSV) ? _(v[s]) : sys;
}

/* "Title (id)", or either alone. */
static char *
labelled(const char *text, const char *id)
{
	return text && id ? fmt("%s (%s)", text, id) :
	    fmt("%s", text ? text : id ? id : "");
}

static const char *
objective_libelle(const char *id)
{
	const struct eco_objectif_view *o = eco_plan_objectif(V.plan, id);

	return o ? o->libelle : NULL;
}

/* A share of the total, "23,4 %". */
static char *
share(long long part, long long total)
{
	long long pm;

	if (total <= 0)
		return fmt("%s", "");
	pm = part / total * 1000 + ((part % total) * 1000 + total / 2) / total;
	return fmt("%lld,%lld\xc2\xa0%%", pm / 10, pm % 10);
}

/* Columns and what they show. */

enum field {
	/* the place of an indicator or an action */
	F_OBJECTIF, F_SYSTEME, F_TRANSFORMATION, F_ELEMENT, F_ID, F_LIBELLE,
	/* an indicator's */
	F_INDICATEUR, F_UNITE, F_DEPART, F_CIBLE, F_ECHEANCE,
	/* an action's */
	F_ACTION, F_TITRE, F_RESPONSABLE, F_PARTENAIRES, F_PLACE, F_DEBUT,
	F_FIN, F_BUDGET, F_ETAT, F_RETARD, F_DERNIER, F_PROCHAIN,
	/* a partner's, a funder's */
	F_ROLE, F_ORGANISME, F_NOM, F_APPORT, F_BAILLEUR, F_POSTE,
	F_FINANCEMENT, F_MONTANT
};

struct coldef {
	const char *key, *header;	/* key NULL: a table for people */
	unsigned flags;
	size_t width;
	enum field f;
};
#define NCOLS(a) (sizeof (a) / sizeof *(a))
#define RIGHT ECO_COL_RIGHT
#define NOWRAP ECO_COL_NOWRAP

/* What a row is about. */
struct line {
	size_t i;			/* the action, if a is set */
	const struct eco_action_view *a;
	const struct eco_indicateur_view *x;
	const char *obj, *libelle;	/* objective, transformation */
	const char *org;		/* partners: the organisation, */
	int lead;			/* and whether it leads */
	const struct eco_budget_line *l;	/* funders: a line, */
	const char *bailleur;		/* and its funder ("": none) */
};

static const char *
funding(const char *statut, int people)
{
	static const char *const v[ECO_NFUNDING] = {
		N_("confirmed"), N_("requested"), N_("to solicit"), N_("not stated")
	};

	return !people ? statut : statut ? _(v[eco_funding_of(statut)]) :
	    _(v[ECO_FUND_NONE]);
}

static void
partners(struct eco_table *t, size_t col, const struct eco_action_view *a,
    int people)
{
	const char **v = calloc(a->npartenaires + 1, sizeof *v);
	size_t i;

	if (!v)
		oom();
	for (i = 0; i < a->npartenaires; i++)
		v[i] = name("organisme", a->partenaires[i], people);
	eco_table_list(t, col, v, a->npartenaires);
	free(v);
}

static void
cell(struct eco_table *t, size_t col, const struct coldef *c,
    const struct line *w)
{
	const struct eco_action_view *a = w->a;
	const struct eco_suivi_state *u = a ? &V.st[w->i] : NULL;
	const char *s = NULL, *obj = a ? a->objectif : w->obj;
	int people = !c->key;
	char *own = NULL;

	/* the columns of the other element stay empty */
	if ((c->f >= F_INDICATEUR && c->f < F_ACTION && !w->x) ||
	    (c->f >= F_ACTION && c->f < F_ROLE && !a))
		return;
	switch (c->f) {
	case F_ACTION: s = people ? own = labelled(a->titre, a->id) : a->id; break;
	case F_TITRE: s = a->titre; break;
	case F_RESPONSABLE: s = name("organisme", a->responsable, people); break;
	case F_PARTENAIRES: partners(t, col, a, people); break;
	case F_OBJECTIF: s = obj && *obj ? obj : NULL; break;
	case F_SYSTEME: s = sys_name(a ? a->systeme : w->x->systeme, people); break;
	case F_PLACE:
		s = own = a->systeme ? fmt("%s, %s", a->objectif ? a->objectif :
		    "", sys_name(a->systeme, 1)) : fmt("%s", a->objectif ? a->objectif : "");
		break;
	case F_DEBUT: s = a->debut_eff; break;
	case F_FIN: s = a->fin_eff; break;
	case F_BUDGET:
		if (!w->org || w->lead)
			eco_table_money(t, col, V.b->actions[w->i]);
		break;
	case F_ETAT: s = people ? eco_etat_label(u->etat) : u->statut; break;
	case F_RETARD: eco_table_bool(t, col, u->late); break;
	case F_DERNIER: s = u->dernier; break;
	case F_PROCHAIN: s = u->prochain; break;
	case F_TRANSFORMATION: s = w->libelle; break;
	case F_ELEMENT: s = a ? "action" : "indicateur"; break;
	case F_ID: s = a ? a->id : w->x->id; break;
	case F_LIBELLE: s = a ? a->titre : w->x->libelle; break;
	case F_INDICATEUR: s = own = labelled(w->x->libelle, w->x->id); break;
	case F_UNITE: s = w->x->unite; break;
	case F_DEPART: eco_table_value(t, col, w->x->valeur_depart); break;
	case F_CIBLE: eco_table_value(t, col, w->x->cible); break;
	case F_ECHEANCE: s = w->x->echeance_eff; break;
	case F_ROLE:
		s = people ? (w->lead ? _("lead") : _("partner")) :
		    w->lead ? "responsable" : "partenaire";
		break;
	case F_ORGANISME: s = w->org; break;
	case F_NOM: s = known(w->org ? "organisme" : "bailleur",
	    w->org ? w->org : w->bailleur); break;
	case F_APPORT: s = eco_budget_apport(a, w->org); break;
	case F_BAILLEUR: s = *w->bailleur ? w->bailleur : NULL; break;
	case F_POSTE: s = w->l->poste; break;
	case F_FINANCEMENT: s = funding(w->l->statut, people); break;
	case F_MONTANT:
		if (w->l->has_amount)
			eco_table_money(t, col, w->l->cents);
		break;
	}
	if (s)
		eco_table_text(t, col, s);
	free(own);
}

static struct eco_table *
table(struct eco_report *r, const char *kind, const char *caption,
    const struct coldef *c, size_t n)
{
	struct eco_table *t = eco_report_table(r, kind, caption,
	    c[0].key ? ECO_SHOW_DATA : ECO_SHOW_DOC);
	size_t i;

	for (i = 0; i < n; i++)
		eco_table_column(t, c[i].key, _(c[i].header), c[i].flags,
		    c[i].width);
	return t;
}

static void
row(struct eco_table *t, const struct coldef *c, size_t n,
    const struct line *w)
{
	size_t i;

	eco_table_row(t);
	for (i = 0; i < n; i++)
		cell(t, i, &c[i], w);
}

/* A total row: label in column 0, cents in column col. */
static void
total(struct eco_table *t, size_t col, long long cents)
{
	eco_table_total(t);
	eco_table_text(t, 0, _("Total"));
	eco_table_money(t, col, cents);
}

/* The introduction: period, dates of the plan, counts. */

/* s, the space after its leading number made a no-break one, so that
 * "2 abandonnées" stays on one line; s is freed. */
static void
add_count(struct eco_buf *b, const char *sep, char *s)
{
	size_t n = strspn(s, "0123456789");

	if (n && s[n] == ' ')
		eco_buf_printf(b, "%s%.*s\xc2\xa0%s", sep, (int)n, s, s + n + 1);
	else
		eco_buf_printf(b, "%s%s", sep, s);
	free(s);
}

/* "3 planned", with the plural of its state. */
static char *
etat_count(enum eco_etat e, size_t n)
{
	switch (e) {
	case ECO_ETAT_PREVUE:
		return fmt(ngettext("%zu planned", "%zu planned", n), n);
	case ECO_ETAT_EN_COURS:
		return fmt(ngettext("%zu in progress", "%zu in progress", n), n);
	case ECO_ETAT_EN_RETARD:
		return fmt(ngettext("%zu late", "%zu late", n), n);
	case ECO_ETAT_REALISEE:
		return fmt(ngettext("%zu done", "%zu done", n), n);
	case ECO_ETAT_REPORTEE:
		return fmt(ngettext("%zu postponed", "%zu postponed", n), n);
	default:
		return fmt(ngettext("%zu abandoned", "%zu abandoned", n), n);
	}
}

static void
intro(struct eco_report *r)
{
	const char *adopte = eco_map_date(V.root, "adopte_le");
	const char *revise = eco_map_date(V.root, "revise_le");
	size_t n[ECO_NETATS] = { 0 }, i, k = 0, no = V.b->nby[ECO_BY_OBJECTIF];
	size_t ni = V.plan->nindicateurs, na = V.plan->nactions;
	struct eco_buf b[4] = { ECO_BUF_INIT, ECO_BUF_INIT, ECO_BUF_INIT,
	    ECO_BUF_INIT };
	char m[ECO_MONEY_BUFSZ];

	if (V.debut && V.fin)
		para(r, fmt(V.plan->debut ? _("Period: from %s to %s.") :
		    _("Actions from %s to %s."), V.debut, V.fin));
	para(r, adopte && revise ? fmt(_("Adopted on %s, revised on %s."),
	    adopte, revise) : adopte ? fmt(_("Adopted on %s."), adopte) : NULL);
	add_count(&b[0], "", fmt(ngettext("%zu objective", "%zu objectives",
	    no), no));
	add_count(&b[1], "", fmt(ngettext("%zu indicator", "%zu indicators",
	    ni), ni));
	add_count(&b[2], "", fmt(ngettext("%zu action", "%zu actions", na), na));
	for (i = 0; i < na; i++)
		n[V.st[i].etat]++;
	eco_buf_adds(&b[3], _("Actions:"));
	for (i = 0; i < ECO_NETATS; i++)
		if (n[i])
			add_count(&b[3], k++ ? ", " : " ",
			    etat_count((enum eco_etat)i, n[i]));
	eco_buf_adds(&b[3], ".");
	if (b[0].oom || b[1].oom || b[2].oom || b[3].oom)
		oom();
	para(r, fmt(_("State on %s: %s, %s, %s; total budget %s."), cli.au,
	    b[0].s, b[1].s, b[2].s, eco_money_format(V.b->total,
	    ECO_MONEY_PRINT, m)));
	if (k)
		eco_report_para(r, b[3].s);
	for (i = 0; i < 4; i++)
		eco_buf_free(&b[i]);
}

/* The objectives view. */

static const struct coldef data_objectifs[] = {
	{ "objectif", N_("Objective"), 0, 0, F_OBJECTIF },
	{ "systeme", N_("System"), 0, 0, F_SYSTEME },
	{ "transformation", N_("Transformation"), 0, 0, F_TRANSFORMATION },
	{ "element", N_("Element"), 0, 0, F_ELEMENT },
	{ "id", N_("Id"), 0, 0, F_ID },
	{ "libelle", N_("Label"), 0, 0, F_LIBELLE },
	{ "unite", N_("Unit"), 0, 0, F_UNITE },
	{ "valeur_depart", N_("Baseline"), RIGHT, 0, F_DEPART },
	{ "cible", N_("Target"), RIGHT, 0, F_CIBLE },
	{ "echeance", N_("Due"), NOWRAP, 0, F_ECHEANCE },
	{ "responsable", N_("Lead"), 0, 0, F_RESPONSABLE },
	{ "partenaires", N_("Partners"), 0, 0, F_PARTENAIRES },
	{ "debut", N_("Start"), NOWRAP, 0, F_DEBUT },
	{ "fin", N_("End"), NOWRAP, 0, F_FIN },
	{ "budget", N_("Budget"), RIGHT, 0, F_BUDGET },
	{ "statut", N_("State"), 0, 0, F_ETAT },
	{ "en_retard", N_("Late"), 0, 0, F_RETARD },
	{ "dernier_suivi", N_("Last follow-up"), NOWRAP, 0, F_DERNIER },
	{ "prochain_suivi", N_("Next follow-up"), NOWRAP, 0, F_PROCHAIN },
};
static const struct coldef doc_indicateurs[] = {
	{ NULL, N_("Indicator"), 0, 44, F_INDICATEUR },
	{ NULL, N_("Unit"), 0, 12, F_UNITE },
	{ NULL, N_("Baseline"), RIGHT, 0, F_DEPART },
	{ NULL, N_("Target"), RIGHT, 0, F_CIBLE },
	{ NULL, N_("Due"), NOWRAP, 0, F_ECHEANCE },
};
static const struct coldef doc_actions[] = {
	{ NULL, N_("Action"), 0, 28, F_ACTION },
	{ NULL, N_("Lead"), 0, 18, F_RESPONSABLE },
	{ NULL, N_("Partners"), 0, 20, F_PARTENAIRES },
	{ NULL, N_("Start"), NOWRAP, 0, F_DEBUT },
	{ NULL, N_("End"), NOWRAP, 0, F_FIN },
	{ NULL, N_("Budget"), RIGHT, 0, F_BUDGET },
	{ NULL, N_("State"), 0, 0, F_ETAT },
};

/* The indicators and actions of objective obj in system s. */
static void
elements(struct eco_report *r, struct eco_table *data, const char *obj,
    int s, const char *libelle)
{
	struct line w = { .obj = obj, .libelle = libelle };
	struct eco_table *t = NULL;
	long long sum = 0;
	size_t i;

	for (i = 0; i < V.plan->nindicateurs; i++) {
		w.x = &V.plan->indicateurs[i];
		if (!same(w.x->objectif, obj) ||
		    eco_systeme_index(w.x->systeme) != s)
			continue;
		if (!t)
			t = table(r, "indicateurs", _("Indicators"),
			    doc_indicateurs, NCOLS(doc_indicateurs));
		row(t, doc_indicateurs, NCOLS(doc_indicateurs), &w);
		row(data, data_objectifs, NCOLS(data_objectifs), &w);
	}
	for (w.x = NULL, t = NULL, i = 0; i < V.plan->nactions; i++) {
		w.a = &V.plan->actions[w.i = i];
		if (!same(w.a->objectif, obj) ||
		    eco_systeme_index(w.a->systeme) != s)
			continue;
		if (!t)
			t = table(r, "actions", _("Actions"), doc_actions,
			    NCOLS(doc_actions));
		row(t, doc_actions, NCOLS(doc_actions), &w);
		row(data, data_objectifs, NCOLS(data_objectifs), &w);
		sum += V.b->actions[i];		/* within the plan's total */
	}
	if (t)
		total(t, 5, sum);
}

/* Whether objective obj has anything in system s; its libelle. */
static int
system_of(const char *obj, int s, const char **libelle)
{
	const struct eco_transformation_view *t =
	    eco_plan_transformation(V.plan, *obj ? obj : NULL, eco_systemes[s]);
	size_t i, n = V.plan->nindicateurs + V.plan->nactions;
	int any = t != NULL;

	*libelle = t ? t->libelle : NULL;
	for (i = 0; i < n; i++) {
		const struct eco_indicateur_view *x = i < V.plan->nindicateurs ?
		    &V.plan->indicateurs[i] : NULL;
		const struct eco_action_view *a = x ? NULL :
		    &V.plan->actions[i - V.plan->nindicateurs];

		if (same(x ? x->objectif : a->objectif, obj) &&
		    eco_systeme_index(x ? x->systeme : a->systeme) == s) {
			any = 1;
			if (!*libelle)
				*libelle = x ? x->transformation_libelle :
				    a->transformation_libelle;
		}
	}
	return any;
}

static void
vue_objectifs(struct eco_report *r)
{
	struct eco_table *data;
	const char *libelle;
	char m[ECO_MONEY_BUFSZ];
	size_t i;
	int k;

	eco_report_heading(r, 1, _("Objectives and systems"));
	data = table(r, "vue-objectifs", NULL, data_objectifs,
	    NCOLS(data_objectifs));
	for (i = 0; i < V.b->nby[ECO_BY_OBJECTIF]; i++) {
		const struct eco_total *tot = &V.b->by[ECO_BY_OBJECTIF][i];
		const char *obj = tot->key, *id = *obj ? obj : _("(no id)");
		const struct eco_objectif_view *o =
		    eco_plan_objectif(V.plan, *obj ? obj : NULL);
		char *s = o && o->libelle ? fmt(_("Objective %s: %s"), id,
		    o->libelle) : fmt(_("Objective %s"), id);

		eco_report_heading(r, 2, s);
		free(s);
		eco_money_format(tot->cents, ECO_MONEY_PRINT, m);
		para(r, o && o->facteur ? fmt(_("Protective factor: %s. Budget: %s."),
		    name("facteur", o->facteur, 1), m) : fmt(_("Budget: %s."), m));
		for (k = 0; k < ECO_NSYS; k++) {
			if (!system_of(obj, k, &libelle))
				continue;
			/* TRANSLATORS: a system and its desired transformation. */
			s = libelle ? fmt(_("%s: %s"), sys_name(eco_systemes[k], 1),
			    libelle) : fmt("%s", sys_name(eco_systemes[k], 1));
			eco_report_heading(r, 3, s);
			free(s);
			elements(r, data, obj, k, libelle);
		}
	}
}


/* The partners view. */

static const struct coldef data_partenaires[] = {
	{ "organisme", N_("Organisation"), 0, 0, F_ORGANISME },
	{ "nom", N_("Name"), 0, 0, F_NOM },
	{ "role", N_("Role"), 0, 0, F_ROLE },
	{ "action", N_("Action"), 0, 0, F_ACTION },
	{ "titre", N_("Title"), 0, 0, F_TITRE },
	{ "objectif", N_("Objective"), 0, 0, F_OBJECTIF },
	{ "systeme", N_("System"), 0, 0, F_SYSTEME },
	{ "debut", N_("Start"), NOWRAP, 0, F_DEBUT },
	{ "fin", N_("End"), NOWRAP, 0, F_FIN },
	{ "budget", N_("Budget"), RIGHT, 0, F_BUDGET },
	{ "statut", N_("State"), 0, 0, F_ETAT },
	{ "en_retard", N_("Late"), 0, 0, F_RETARD },
	{ "apport", N_("Contribution"), 0, 0, F_APPORT },
};
static const struct coldef doc_partenaires[] = {
	{ NULL, N_("Role"), 0, 0, F_ROLE },
	{ NULL, N_("Action"), 0, 30, F_ACTION },
	{ NULL, N_("Objective, system"), 0, 16, F_PLACE },
	{ NULL, N_("Budget"), RIGHT, 0, F_BUDGET },
	{ NULL, N_("State"), 0, 0, F_ETAT },
	{ NULL, N_("Contribution"), 0, 28, F_APPORT },
};

static void
partner(struct eco_report *r, struct eco_table *data, const struct eco_total *o)
{
	struct line w = { .org = o->key };
	char m[ECO_MONEY_BUFSZ], *a, *b;
	struct eco_table *t;
	size_t i;
	int how;

	eco_report_heading(r, 2, a = labelled(known("organisme", o->key), o->key));
	free(a);
	a = fmt(ngettext("Leads %zu action (budget %s)",
	    "Leads %zu actions (budget %s)", o->nlead), o->nlead,
	    eco_money_format(o->cents, ECO_MONEY_PRINT, m));
	b = fmt(ngettext("takes part in %zu other", "takes part in %zu others",
	    o->npartner), o->npartner);
	para(r, o->nlead && o->npartner ? fmt(_("%s; %s."), a, b) : o->nlead ?
	    fmt("%s.", a) : fmt(ngettext("Partner in %zu action.",
	    "Partner in %zu actions.", o->npartner), o->npartner));
	free(a);
	free(b);
	t = table(r, "partenaire", NULL, doc_partenaires, NCOLS(doc_partenaires));
	for (how = 1; how <= 2; how++)
		for (i = 0; i < V.plan->nactions; i++)
			if (eco_budget_role(&V.plan->actions[i], o->key) == how) {
				w.a = &V.plan->actions[w.i = i];
				w.lead = how == 1;
				row(t, doc_partenaires, NCOLS(doc_partenaires), &w);
				row(data, data_partenaires, NCOLS(data_partenaires), &w);
			}
}

static void
vue_partenaires(struct eco_report *r)
{
	struct eco_table *data;
	size_t i;

	eco_report_heading(r, 1, _("Partners' commitments"));
	data = table(r, "vue-partenaires", NULL, data_partenaires,
	    NCOLS(data_partenaires));
	if (!V.b->nby[ECO_BY_ORGANISME])
		eco_report_para(r, _("No action names an organisation."));
	for (i = 0; i < V.b->nby[ECO_BY_ORGANISME]; i++)
		partner(r, data, &V.b->by[ECO_BY_ORGANISME][i]);
}

/* The funders view. */

static const struct coldef data_bailleurs[] = {
	{ "bailleur", N_("Funder"), 0, 0, F_BAILLEUR },
	{ "nom", N_("Name"), 0, 0, F_NOM },
	{ "action", N_("Action"), 0, 0, F_ACTION },
	{ "titre", N_("Title"), 0, 0, F_TITRE },
	{ "objectif", N_("Objective"), 0, 0, F_OBJECTIF },
	{ "systeme", N_("System"), 0, 0, F_SYSTEME },
	{ "poste", N_("Item"), 0, 0, F_POSTE },
	{ "financement", N_("Funding"), 0, 0, F_FINANCEMENT },
	{ "montant", N_("Amount"), RIGHT, 0, F_MONTANT },
};
static const struct coldef doc_lignes[] = {
	{ NULL, N_("Action"), 0, 34, F_ACTION },
	{ NULL, N_("Item"), 0, 34, F_POSTE },
	{ NULL, N_("Funding"), 0, 0, F_FINANCEMENT },
	{ NULL, N_("Amount"), RIGHT, 0, F_MONTANT },
};

static char *
funder_label(const char *id)
{
	return *id ? labelled(known("bailleur", id), id) :
	    fmt("%s", _("(no funder)"));
}

/* Each funder's lines by their state; "not stated" when some is. */
static void
funding_summary(struct eco_report *r)
{
	static const char *const heads[] = { N_("Funder"), N_("Confirmed"),
	    N_("Requested"), N_("To solicit"), N_("Not stated") };
	size_t i, j, n = V.b->funding[ECO_FUND_NONE] ? 4 : 3;
	struct eco_table *t = eco_report_table(r, "financement",
	    _("Funding by funder"), ECO_SHOW_DOC);

	for (j = 0; j <= n; j++)
		eco_table_column(t, NULL, _(heads[j]), j ? RIGHT : 0, j ? 0 : 40);
	eco_table_column(t, NULL, _("Total"), RIGHT, 0);
	for (i = 0; i < V.b->nby[ECO_BY_BAILLEUR]; i++) {
		const struct eco_total *x = &V.b->by[ECO_BY_BAILLEUR][i];
		char *s = funder_label(x->key);

		eco_table_row(t);
		eco_table_text(t, 0, s);
		free(s);
		for (j = 0; j < n; j++)
			eco_table_money(t, j + 1, x->funding[j]);
		eco_table_money(t, n + 1, x->cents);
	}
	total(t, n + 1, V.b->total);
	for (j = 0; j < n; j++)
		eco_table_money(t, j + 1, V.b->funding[j]);
}

/* A funder's heading, type and program, and a table of its lines. */
static void
funder(struct eco_report *r, struct eco_table *data, const char *id)
{
	static const char *const types[][2] = {
		{ "public", N_("public") }, { "municipal", N_("municipal") },
		{ "philanthropique", N_("philanthropic") },
		{ "prive", N_("private") }, { "autre", N_("other") },
	};
	const struct eco_bailleur_view *b = eco_plan_bailleur(V.plan, id);
	const char *ty = b ? b->type : NULL, *pr = b ? b->programme : NULL;
	struct line w = { .bailleur = id };
	struct eco_table *t = NULL;
	long long sum = 0;
	size_t i, k;

	for (k = 0; ty && k < NCOLS(types); k++)
		if (strcmp(ty, types[k][0]) == 0)
			ty = _(types[k][1]);
	for (i = 0; i < V.plan->nactions; i++)
		for (k = 0; k < V.plan->actions[i].nbudget; k++) {
			w.a = &V.plan->actions[w.i = i];
			if (!same((w.l = &w.a->budget[k])->bailleur, id))
				continue;
			if (!t) {
				eco_report_heading(r, 2, w.org = funder_label(id));
				free((char *)w.org);
				w.org = NULL;
				para(r, ty && pr ? fmt(_("Type: %s. Program: %s."), ty,
				    pr) : ty ? fmt(_("Type: %s."), ty) : pr ?
				    fmt(_("Program: %s."), pr) : NULL);
				t = table(r, "lignes", NULL, doc_lignes,
				    NCOLS(doc_lignes));
			}
			row(t, doc_lignes, NCOLS(doc_lignes), &w);
			row(data, data_bailleurs, NCOLS(data_bailleurs), &w);
			sum += w.l->has_amount ? w.l->cents : 0;
		}
	if (t)
		total(t, 3, sum);
}

static void
vue_bailleurs(struct eco_report *r)
{
	struct eco_table *data;
	size_t i;

	eco_report_heading(r, 1, _("Funders"));
	if (!V.b->nby[ECO_BY_BAILLEUR])
		eco_report_para(r, _("The plan has no funder and no budget line."));
	else
		funding_summary(r);
	data = table(r, "vue-bailleurs", NULL, data_bailleurs,
	    NCOLS(data_bailleurs));
	for (i = 0; i < V.b->nby[ECO_BY_BAILLEUR]; i++)
		funder(r, data, V.b->by[ECO_BY_BAILLEUR][i].key);
}

/* The timeline view. */

static const struct coldef doc_calendrier[] = {
	{ NULL, N_("Action"), 0, 0, F_ID },
	{ NULL, N_("Title"), ECO_COL_NOTEXTE, 0, F_TITRE },
	{ NULL, N_("Lead"), ECO_COL_NOTEXTE, 0, F_RESPONSABLE },
	{ NULL, N_("Start"), NOWRAP, 0, F_DEBUT },
	{ NULL, N_("End"), NOWRAP, 0, F_FIN },
	{ NULL, N_("State"), 0, 0, F_ETAT },
};
static const struct coldef data_calendrier[] = {
	{ "action", N_("Action"), 0, 0, F_ID },
	{ "titre", N_("Title"), 0, 0, F_TITRE },
	{ "responsable", N_("Lead"), 0, 0, F_RESPONSABLE },
	{ "objectif", N_("Objective"), 0, 0, F_OBJECTIF },
	{ "systeme", N_("System"), 0, 0, F_SYSTEME },
	{ "debut", N_("Start"), NOWRAP, 0, F_DEBUT },
	{ "fin", N_("End"), NOWRAP, 0, F_FIN },
	{ "statut", N_("State"), 0, 0, F_ETAT },
	{ "en_retard", N_("Late"), 0, 0, F_RETARD },
};

/* Actions by start, then end, then their order in the plan. */
static int
by_dates(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	const struct eco_action_view *a = &V.plan->actions[i];
	const struct eco_action_view *b = &V.plan->actions[j];
	int c = strcmp(a->debut_eff ? a->debut_eff : "",
	    b->debut_eff ? b->debut_eff : "");

	if (c == 0)
		c = strcmp(a->fin_eff ? a->fin_eff : "", b->fin_eff ? b->fin_eff : "");
	return c ? c : (i > j) - (i < j);
}

static void
vue_calendrier(struct eco_report *r)
{
	size_t n = V.plan->nactions, i, *order = calloc(n + 1, sizeof *order);
	struct eco_table *t, *data;
	struct line w = { 0 };

	if (!order)
		oom();
	eco_report_heading(r, 1, _("Timeline"));
	if (V.debut && V.fin)
		para(r, fmt(_("One column per month from %.7s to %.7s; %s marks the months of each action."),
		    V.debut, V.fin, cli.format == FMT_TEXTE ? "#" : "\xe2\x96\xa0"));
	t = table(r, "calendrier", NULL, doc_calendrier, NCOLS(doc_calendrier));
	data = table(r, "vue-calendrier", NULL, data_calendrier,
	    NCOLS(data_calendrier));
	eco_table_months(t, V.debut, V.fin);
	eco_table_months(data, V.debut, V.fin);
	for (i = 0; i < n; i++)
		order[i] = i;
	qsort(order, n, sizeof *order, by_dates);
	for (i = 0; i < n; i++) {
		w.a = &V.plan->actions[w.i = order[i]];
		row(t, doc_calendrier, NCOLS(doc_calendrier), &w);
		eco_table_span(t, w.a->debut_eff, w.a->fin_eff);
		row(data, data_calendrier, NCOLS(data_calendrier), &w);
		eco_table_span(data, w.a->debut_eff, w.a->fin_eff);
	}
	free(order);
}

/* The budget view: totals by objective, system, lead, funder, year. */

static void
totals(struct eco_report *r, struct eco_table *data, enum eco_budget_by k)
{
	static const struct { const char *par, *caption, *what, *none; } by[] = {
		{ "objectif", N_("By objective"), N_("Objective"), N_("(no id)") },
		{ "systeme", N_("By system"), N_("System"), NULL },
		{ "responsable", N_("By lead organisation"), N_("Lead"),
		    N_("(no lead organisation)") },
		{ "bailleur", N_("By funder"), N_("Funder"), N_("(no funder)") },
		{ "annee", N_("By year"), N_("Year"), N_("(no dates)") },
	};
	struct eco_table *t = eco_report_table(r, "totaux", _(by[k].caption),
	    ECO_SHOW_DOC);
	size_t i;
	char *s;

	eco_table_column(t, NULL, _(by[k].what), 0, 50);
	eco_table_column(t, NULL, _("Budget"), RIGHT, 0);
	eco_table_column(t, NULL, _("Share"), RIGHT, 0);
	for (i = 0; i < V.b->nby[k]; i++) {
		const struct eco_total *x = &V.b->by[k][i];
		const char *nm = !*x->key ? _(by[k].none) :
		    k == ECO_BY_OBJECTIF ? objective_libelle(x->key) :
		    k == ECO_BY_SYSTEME ? sys_name(x->key, 1) :
		    k == ECO_BY_RESPONSABLE ? known("organisme", x->key) :
		    k == ECO_BY_BAILLEUR ? known("bailleur", x->key) : x->key;

		s = k != ECO_BY_SYSTEME && k != ECO_BY_ANNEE && *x->key ?
		    labelled(nm, x->key) : fmt("%s", nm ? nm : x->key);
		eco_table_row(t);
		eco_table_text(t, 0, s);
		free(s);
		eco_table_money(t, 1, x->cents);
		eco_table_text(t, 2, s = share(x->cents, V.b->total));
		free(s);
		eco_table_row(data);
		eco_table_text(data, 0, by[k].par);
		eco_table_text(data, 1, *x->key ? x->key : NULL);
		eco_table_text(data, 2, nm);
		eco_table_money(data, 3, x->cents);
	}
	total(t, 1, V.b->total);
	eco_table_text(t, 2, s = share(V.b->total, V.b->total));
	free(s);
}

static void
vue_budget(struct eco_report *r)
{
	static const char *const heads[][2] = { { "par", N_("By") },
	    { "cle", N_("Key") }, { "libelle", N_("Label") },
	    { "montant", N_("Amount") } };
	char m[ECO_MONEY_BUFSZ];
	struct eco_table *data;
	int k;

	eco_report_heading(r, 1, _("Budget"));
	para(r, fmt(_("Total budget of the plan: %s."),
	    eco_money_format(V.b->total, ECO_MONEY_PRINT, m)));
	data = eco_report_table(r, "vue-budget", NULL, ECO_SHOW_DATA);
	for (k = 0; k < 4; k++)
		eco_table_column(data, heads[k][0], _(heads[k][1]),
		    k == 3 ? RIGHT : 0, 0);
	for (k = 0; k < ECO_BY_ORGANISME; k++)
		totals(r, data, (enum eco_budget_by)k);
	eco_report_para(r, _("An action's budget is split between calendar "
	    "years in proportion to its days in each year, to the cent; the "
	    "cents left over go to the years with the largest remainders."));
	eco_table_row(data);
	eco_table_text(data, 0, "total");
	eco_table_money(data, 3, V.b->total);
}

/* Input and the report. */

static void
option(int key, const char *arg)
{
	int i;

	(void)key;
	for (i = 0; i < NVUES; i++)
		if (strcmp(arg, vue_names[i]) == 0) {
			V.vues |= 1u << i;
			return;
		}
	cli_usage_error(NULL, _("unknown view « %s » (expected: %s)"), arg,
	    "objectifs, partenaires, bailleurs, calendrier, budget");
}

/* Add doc to the plan when it is one or holds its records: owned
 * (the plan frees it), else freed.  eco-vue shows one plan. */
static void
take(struct eco_doc *doc, struct eco_diags *d)
{
	const struct eco_node *k = eco_map_get(doc->root, "kind");
	const char *kind = eco_map_str(doc->root, "kind");

	if (kind && strcmp(kind, "plan") == 0 && V.root) {
		eco_diag_add(d, doc->file, k->line, k->col, ECO_SEV_ERROR, "plan", "%s",
		    _("a second plan: eco-vue shows one plan at a time"));
		kind = NULL;
	} else if (kind && strcmp(kind, "plan") == 0)
		V.root = doc->root;
	if (!doc->nerr && eco_plan_kind(kind)) {
		if (eco_plan_add(V.plan, doc) < 0)
			oom();
	} else
		eco_doc_free(doc);
}

/* Documents of the project: the plan takes a document that shares
 * their tree, which the project keeps until the end. */
static void
take_shared(const struct eco_doc *const *v, size_t from, size_t n,
    struct eco_diags *d)
{
	struct eco_doc *w;

	for (; v && from < n; from++) {
		if (!(w = eco_doc_new(v[from]->file)))
			oom();
		w->root = v[from]->root;
		take(w, d);
	}
}

/*
 * Standard input is a stream, not a file of the project: it is checked
 * alone, as eco-validate checks it, so that a plan piped from the
 * project's own files is no duplicate of them.
 */
static void
take_stdin(struct eco_diags *d)
{
	static char dash[] = "-";
	char *one[] = { dash, NULL };
	struct eco_index *x = eco_index_new();
	struct eco_limits lim;
	struct eco_input *in;
	struct eco_doc *doc;

	eco_limits_default(&lim);
	if (!x || !(in = eco_input_open(one, &lim, d)))
		oom();
	while (eco_input_next(in, &doc) > 0) {
		eco_kind_check(doc, x, d);
		take(doc, d);
	}
	eco_input_close(in);
	eco_rules_project(x, d);
	eco_index_free(x);
}

/* The plan of the operands, or of plan.yaml. */
static void
read_plan(int argc, char **argv, struct eco_diags *d)
{
	const struct eco_doc *const *v;
	size_t n, before = 0;
	int i;

	if (!(V.plan = eco_plan_new()))
		oom();
	if (argc == 0) {
		v = eco_project_docs(V.p, "plan", &n);
		take_shared(v, 0, n, d);
	}
	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			take_stdin(d);
		else if (eco_project_inputs(V.p, 1, argv + i, d) == 0) {
			v = eco_project_input_docs(V.p, &n);
			take_shared(v, before, n, d);
			before = n;
		}
}

/* The timeline's period: the plan's, or from the first start to the
 * last end of the actions. */
static void
period(void)
{
	size_t i;

	V.debut = V.plan->debut;
	V.fin = V.plan->fin;
	for (i = 0; i < V.plan->nactions; i++) {
		const struct eco_action_view *a = &V.plan->actions[i];

		if (!V.plan->debut && a->debut_eff &&
		    (!V.debut || strcmp(a->debut_eff, V.debut) < 0))
			V.debut = a->debut_eff;
		if (!V.plan->fin && a->fin_eff &&
		    (!V.fin || strcmp(a->fin_eff, V.fin) > 0))
			V.fin = a->fin_eff;
	}
}

static void
report(struct eco_diags *d)
{
	static void (*const vues[NVUES])(struct eco_report *) = {
		vue_objectifs, vue_partenaires, vue_bailleurs, vue_calendrier,
		vue_budget
	};
	static const enum eco_rformat rformat[] = {
		[FMT_YAML] = ECO_R_YAML, [FMT_JSON] = ECO_R_JSON,
		[FMT_TEXTE] = ECO_R_TEXTE, [FMT_MD] = ECO_R_MD,
		[FMT_HTML] = ECO_R_HTML, [FMT_CSV] = ECO_R_CSV
	};
	struct eco_report *r;
	int i;

	if (!(V.st = eco_suivi_states(V.p, V.plan, cli.au)) ||
	    !(r = eco_report_new(NULL, V.plan->titre ? V.plan->titre :
	    _("Overview of the action plan"))))
		oom();
	period();
	eco_report_footer(r, eco_project_name(V.p), cli.au);
	intro(r);
	for (i = 0; i < NVUES; i++)
		if (!V.vues || (V.vues & 1u << i))
			vues[i](r);
	eco_report_write(stdout, r, rformat[cli.format], d);
	eco_report_free(r);
}

static int
run(int argc, char **argv)
{
	static const char *const kinds[] = { "plan", "suivi", NULL };
	struct eco_diags d;
	int i, rc;

	eco_diags_init(&d);
	/* the project of the first file or folder named, or of here */
	for (i = 0; i < argc && strcmp(argv[i], "-") == 0; i++)
		;
	if (!(V.p = eco_project_open(i < argc ? argv[i] : NULL, &d)))
		oom();
	if (argc == 0 && !eco_project_dir(V.p))
		cli_usage_error(NULL, "%s",
		    _("no eco project here (no eco.yaml in this folder or above); "
		    "name a plan file, or - for standard input"));
	read_plan(argc, argv, &d);
	if (eco_project_check(V.p, kinds, &d) == 0 &&
	    d.nerr == 0 && !V.plan->nplans && !V.plan->nobjectifs &&
	    !V.plan->ntransformations && !V.plan->nindicateurs &&
	    !V.plan->nactions)
		eco_diag_add(&d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no plan in the input (kind: plan, or the records of eco-plan)"));
	if (d.nerr == 0 && (V.b = eco_budget_new(V.plan, &d)))
		report(&d);
	eco_budget_free(V.b);
	free(V.st);
	eco_plan_free(V.plan);
	eco_project_close(V.p);
	rc = cli_finish(&d);
	eco_diags_free(&d);
	return rc;
}

static const struct cli_option options[] = {
	{ .key = 'v', .name = "vue", .arg = CLI_TEXT, .metavar = "VUE",
	  .help = N_("only this view (objectifs, partenaires, bailleurs, "
	  "calendrier, budget); repeated, several") },
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
