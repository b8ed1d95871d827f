/*
 * eco-vue - the overview of the action plan (Outil 10): per objective and
 * system, each partner's commitments, the funders, a timeline by month
 * and the budget totals, as text, Markdown, HTML, CSV, JSON or YAML.
 *
 * The plan comes from the project's plan.yaml, or from files and pipes:
 * a plan document, or the records eco-plan prints (kind: objectif,
 * transformation, indicateur, action); other kinds are skipped.  Follow-
 * ups come from the project's suivis/ folder.  Nothing is printed unless
 * everything the overview needs was read: a wrong amount would make
 * every total wrong, so it is an error, not a blank.
 *
 * An action's state on --au (today by default) is its latest follow-up's,
 * else its dates'; eco-vue(1) gives the rules.  Money is integer cents
 * from the amounts' text; an action's budget is split between calendar
 * years in proportion to its days in each.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "eco-vue [-o texte|md|html|csv|json|yaml] [--vue VUE]... [--au DATE] "
    "[-C DOSSIER] [FICHIER|-]...";

enum { V_OBJECTIFS, V_PARTENAIRES, V_BAILLEURS, V_CALENDRIER, V_BUDGET, NVUES };
static const char *const vue_names[NVUES] = {
	"objectifs", "partenaires", "bailleurs", "calendrier", "budget"
};

/* An action's state, as people read it. */
enum etat { E_PREVUE, E_EN_COURS, E_EN_RETARD, E_REALISEE, E_REPORTEE,
	E_ABANDONNEE, NETATS };

static struct {
	enum cli_format fmt;
	unsigned vues;			/* bit per view; 0: all */
	char au[11];
	const char *dir;
} opt = { FMT_TEXTE, 0, "", NULL };

/* What eco-vue adds to each action of the plan. */
struct suite {
	long long budget;		/* its lines with an amount, exact */
	enum etat etat;
	const char *statut;		/* statut_action code: a-venir... */
	int late;
	const char *dernier;		/* date of the follow-up used */
	const char *prochain;		/* next date of its follow-up calendar */
};

/* A member's name from eco.yaml. */
struct membre {
	const char *id, *nom;
};

static struct {
	struct eco_plan *plan;
	struct suite *suites;		/* one per plan->actions */
	const char **objs;		/* objective ids, in order, "" for none */
	size_t nobjs;
	const char *debut, *fin;	/* the timeline: the plan's period, or
					 * the span of the actions */
	const char *adopte, *revise;
	const struct eco_node *root;	/* the plan document, if any */
	struct eco_doc **kept;		/* documents whose strings we use */
	size_t nkept;
	struct membre *membres;
	size_t nmembres;
	long long total;
} V;

static void *
xrealloc(void *p, size_t n)
{
	if (!(p = realloc(p, n ? n : 1))) {
		perror(cli_prog);
		exit(ECO_EXIT_SYS);
	}
	return p;
}

static void
keep(struct eco_doc *doc)
{
	V.kept = xrealloc(V.kept, (V.nkept + 1) * sizeof *V.kept);
	V.kept[V.nkept++] = doc;
}

static const char *
str(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = eco_map_get(m, key);

	return n && n->type == ECO_STR ? n->s : NULL;
}

static const char *
key(const char *s)
{
	return s ? s : "";
}

static int
same(const char *a, const char *b)
{
	return strcmp(key(a), key(b)) == 0;
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
	s = xrealloc(NULL, (size_t)n + 1);
	va_start(ap, f);
	vsnprintf(s, (size_t)n + 1, f, ap);
	va_end(ap);
	return s;
}

/* An amount in running text: no-break spaces keep it on one line (text
 * output prints them as plain spaces). */
static const char *
money(long long cents, char *buf)
{
	return eco_money_format(cents, ECO_MONEY_PRINT, buf);
}

/* Input. */

/* The project of the first operand that is not "-" (a folder, or the
 * folder of a file), or of the current folder. */
static const char *
project(int argc, char **argv)
{
	static char root[PATH_MAX], rel[PATH_MAX];
	char dir[PATH_MAX], *slash;
	struct stat sb;
	int i;

	strcpy(dir, ".");
	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], "-") != 0) {
			snprintf(dir, sizeof dir, "%s", argv[i]);
			if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
				break;
			if ((slash = strrchr(dir, '/')))
				*(slash == dir ? slash + 1 : slash) = '\0';
			else
				strcpy(dir, ".");
			break;
		}
	if (eco_project_root(dir, root, sizeof root) < 0)
		return NULL;
	return cli_relative(root, rel, sizeof rel);
}

static char *
path_in(const char *root, const char *name)
{
	return strcmp(root, ".") == 0 ? fmt("%s", name) :
	    fmt("%s%s%s", root, root[strlen(root) - 1] == '/' ? "" : "/", name);
}

/* One document of the input: a plan or one of its records, kept. */
static void
take(struct eco_doc *doc, struct eco_diags *d)
{
	const struct eco_node *root = doc->root, *kind;
	int rc;

	if (doc->nerr) {		/* the loader said why */
		eco_doc_free(doc);
		return;
	}
	kind = root && root->type == ECO_MAP ? eco_map_get(root, "kind") : NULL;
	if (kind && kind->type == ECO_STR && strcmp(kind->s, "plan") == 0) {
		if (V.plan->nplans > 0) {
			eco_diag_add(d, doc->file, kind->line, kind->col,
			    ECO_SEV_ERROR, "plan", "%s",
			    _("a second plan: eco-vue shows one plan at a time"));
			eco_doc_free(doc);
			return;
		}
		V.root = root;
		V.adopte = str(root, "adopte_le");
		V.revise = str(root, "revise_le");
	}
	if ((rc = eco_plan_add(V.plan, doc)) < 0) {
		perror(cli_prog);
		exit(ECO_EXIT_SYS);
	}
	if (rc == 0)
		eco_doc_free(doc);	/* another kind: not for the overview */
}

static void
read_inputs(char **paths, struct eco_diags *d)
{
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc;
	char **p;

	eco_limits_default(&lim);
	for (p = paths; p && *p; p++) {
		if (!(r = eco_reader_open(*p, &lim, d)))
			continue;
		while (eco_reader_next(r, &doc) > 0)
			take(doc, d);
		eco_reader_close(r);
	}
}

/* The members' names, from eco.yaml: a nicety, so a problem there only
 * costs the names (eco-validate reports it). */
static void
read_membres(const char *root, struct eco_diags *d)
{
	char *path = path_in(root, "eco.yaml");
	const struct eco_node *m;
	struct eco_limits lim;
	struct eco_diags quiet;
	struct eco_reader *r;
	struct eco_doc *doc;
	size_t i;

	eco_limits_default(&lim);
	eco_diags_init(&quiet);
	if ((r = eco_reader_open(path, &lim, &quiet))) {
		if (eco_reader_next(r, &doc) > 0) {
			m = doc->nerr ? NULL : eco_map_get(doc->root, "membres");
			for (i = 0; m && m->type == ECO_SEQ && i < m->len; i++) {
				const struct eco_node *x = m->u.items[i];

				if (x->type != ECO_MAP || !str(x, "id") || !str(x, "nom"))
					continue;
				V.membres = xrealloc(V.membres,
				    (V.nmembres + 1) * sizeof *V.membres);
				V.membres[V.nmembres].id = str(x, "id");
				V.membres[V.nmembres++].nom = str(x, "nom");
			}
			keep(doc);
		}
		eco_reader_close(r);
	}
	if (quiet.nerr)
		eco_diag_add(d, path, 0, 0, ECO_SEV_WARNING, NULL, "%s",
		    _("cannot be read: organisations are shown by their ids"));
	eco_diags_free(&quiet);
	free(path);
}

static const char *
nom_membre(const char *id)
{
	size_t i;

	for (i = 0; id && i < V.nmembres; i++)
		if (strcmp(V.membres[i].id, id) == 0)
			return V.membres[i].nom;
	return NULL;
}

/* Checks of what the overview needs. */

static void
bad_amount(const struct eco_node *n, const char *file, struct eco_diags *d)
{
	const char *s = n->s ? n->s : "", *dot = strchr(s, '.');

	if (n->type == ECO_STR || n->type == ECO_BOOL)
		eco_diag_add(d, file, n->line, n->col, ECO_SEV_ERROR, "schema",
		    _("« %s » is not an amount in dollars (a number like 1250.50)"), s);
	else if (n->type != ECO_INT && n->type != ECO_FLOAT)
		eco_diag_add(d, file, n->line, n->col, ECO_SEV_ERROR, "schema",
		    "%s", _("an amount is a number, like 1250.50"));
	else if (s[0] == '-' && n->num != 0)
		eco_diag_add(d, file, n->line, n->col, ECO_SEV_ERROR, "schema",
		    _("« %s » is negative: an amount is never negative"), s);
	else if (dot && !strpbrk(s, "eE") && strspn(dot + 1, "0123456789") > 2 &&
	    strspn(dot + 3, "0") < strspn(dot + 3, "0123456789"))
		eco_diag_add(d, file, n->line, n->col, ECO_SEV_ERROR, "schema",
		    _("« %s » has more than two decimals"), s);
	else if (n->num >= 1e15 || (n->flags & ECO_F_BIG))
		eco_diag_add(d, file, n->line, n->col, ECO_SEV_ERROR, "schema",
		    _("« %s » is too large for an amount"), s);
	else
		eco_diag_add(d, file, n->line, n->col, ECO_SEV_ERROR, "schema",
		    _("« %s » is not an amount in dollars (a number like 1250.50)"), s);
}

static void
bad_date(const struct eco_node *m, const char *k, const char *file,
    struct eco_diags *d)
{
	const struct eco_node *n = eco_map_get(m, k);

	if (!n || n->type == ECO_NULL)
		return;
	if (n->type == ECO_STR && eco_format_date(n->s, n->len))
		return;
	eco_diag_add(d, file, n->line, n->col, ECO_SEV_ERROR, "schema",
	    _("« %s » is not %s"), n->type == ECO_STR ? n->s : eco_type_name(n->type),
	    _("a date AAAA-MM-JJ that exists in the calendar"));
}

/* Amounts, dates and ids of one action; its exact budget. */
static void
check_action(size_t i, struct eco_diags *d)
{
	const struct eco_action_view *a = &V.plan->actions[i];
	const struct eco_node *n = a->v.node;
	size_t k;

	if (!a->id)
		eco_diag_add(d, a->v.file, n->line, n->col, ECO_SEV_ERROR,
		    "schema", "%s", _("an action without « id »"));
	for (k = 0; a->id && k < i; k++)
		if (same(V.plan->actions[k].id, a->id)) {
			eco_diag_add(d, a->v.file, n->line, n->col, ECO_SEV_ERROR,
			    "ids", _("action « %s » appears twice"), a->id);
			break;
		}
	bad_date(n, "debut", a->v.file, d);
	bad_date(n, "fin", a->v.file, d);
	if (a->debut && a->fin && strcmp(a->fin, a->debut) < 0) {
		const struct eco_node *f = eco_map_get(n, "fin");

		eco_diag_add(d, a->v.file, f->line, f->col, ECO_SEV_ERROR, "plan",
		    _("action « %s » ends (%s) before it begins (%s)"),
		    a->id, a->fin, a->debut);
	}
	for (k = 0; k < a->nbudget; k++) {
		const struct eco_node *m = eco_map_get(a->budget[k].node, "montant");

		if (a->budget[k].has_amount) {
			if (eco_money_add(&V.suites[i].budget, a->budget[k].cents) < 0 ||
			    eco_money_add(&V.total, a->budget[k].cents) < 0)
				eco_diag_add(d, a->v.file, m->line, m->col,
				    ECO_SEV_ERROR, "plan", "%s",
				    _("the budget adds up to more than eco can count"));
		} else if (m && m->type != ECO_NULL)
			bad_amount(m, a->v.file, d);
	}
}

/* The plan's period, which places every undated action. */
static void
check_period(struct eco_diags *d)
{
	const struct eco_node *per = eco_map_get(V.root, "periode"), *f;
	const char *deb = str(per, "debut"), *fin = str(per, "fin");

	if (!per || per->type != ECO_MAP)
		return;
	bad_date(per, "debut", V.plan->file, d);
	bad_date(per, "fin", V.plan->file, d);
	if (deb && fin && eco_format_date(deb, strlen(deb)) &&
	    eco_format_date(fin, strlen(fin)) && strcmp(fin, deb) < 0) {
		f = eco_map_get(per, "fin");
		eco_diag_add(d, V.plan->file, f->line, f->col, ECO_SEV_ERROR,
		    "plan", _("the plan's period ends (%s) before it begins (%s)"),
		    fin, deb);
	}
}

static void
check_plan(struct eco_diags *d)
{
	size_t i;

	if (V.root)
		check_period(d);
	V.suites = xrealloc(NULL, (V.plan->nactions + 1) * sizeof *V.suites);
	memset(V.suites, 0, (V.plan->nactions + 1) * sizeof *V.suites);
	for (i = 0; i < V.plan->nactions; i++)
		check_action(i, d);
	for (i = 0; i < V.plan->nindicateurs; i++) {
		const struct eco_indicateur_view *x = &V.plan->indicateurs[i];

		bad_date(x->v.node, "echeance", x->v.file, d);
	}
}

/* Follow-ups and states. */

static const char *const statuts[] = {
	"a-venir", "en-cours", "realisee", "reportee", "abandonnee"
};

static int
statut_index(const char *s)
{
	size_t i;

	for (i = 0; s && i < sizeof statuts / sizeof *statuts; i++)
		if (strcmp(s, statuts[i]) == 0)
			return (int)i;
	return -1;
}

/* One follow-up: the latest dated on or before --au wins, and among
 * those of one date the last read. */
static void
take_suivi(const struct eco_doc *doc, struct eco_diags *d)
{
	const struct eco_node *r = doc->root, *st;
	const char *action = str(r, "action"), *date = str(r, "date");
	size_t i;

	bad_date(r, "date", doc->file, d);
	st = eco_map_get(r, "statut");
	if (st && (st->type != ECO_STR || statut_index(st->s) < 0))
		eco_diag_add(d, doc->file, st->line, st->col, ECO_SEV_ERROR,
		    "schema", _("unknown state « %s » (expected: %s)"),
		    st->type == ECO_STR ? st->s : eco_type_name(st->type),
		    "a-venir, en-cours, realisee, reportee, abandonnee");
	if (!action || !date || !eco_format_date(date, strlen(date)) ||
	    strcmp(date, opt.au) > 0 || !st || statut_index(st->s) < 0)
		return;
	for (i = 0; i < V.plan->nactions; i++) {
		struct suite *s = &V.suites[i];

		if (!same(V.plan->actions[i].id, action))
			continue;
		if (!s->dernier || strcmp(date, s->dernier) >= 0) {
			s->dernier = date;
			s->statut = st->s;
		}
	}
}

static void
read_suivis(const char *root, struct eco_diags *d)
{
	char *dir = path_in(root, "suivis"), **paths, **p;
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc;
	struct stat sb;

	if (stat(dir, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		free(dir);
		return;
	}
	eco_limits_default(&lim);
	paths = cli_expand(1, &dir, d);
	for (p = paths; p && *p; p++) {
		if (!(r = eco_reader_open(*p, &lim, d)))
			continue;
		while (eco_reader_next(r, &doc) > 0) {
			const char *kind = doc->nerr ? NULL : str(doc->root, "kind");

			if (kind && strcmp(kind, "suivi") == 0) {
				take_suivi(doc, d);
				keep(doc);
			} else
				eco_doc_free(doc);
		}
		eco_reader_close(r);
	}
	cli_free_paths(paths);
	free(dir);
}

/*
 * The state of action i on opt.au: the follow-up's, unless the action
 * should be over and is neither done, postponed nor abandoned: then it
 * is late.  Without a follow-up (nor a statut carried by a record), the
 * dates decide: planned before debut, in progress until fin, late after.
 */
static void
judge(size_t i)
{
	const struct eco_action_view *a = &V.plan->actions[i];
	struct suite *s = &V.suites[i];
	const char *deb = a->debut_eff, *fin = a->fin_eff;
	size_t k;

	if (!s->statut && statut_index(a->statut) >= 0)
		s->statut = a->statut;	/* a record eco-suivi printed */
	if (!s->statut)
		s->statut = deb && strcmp(opt.au, deb) < 0 ? "a-venir" : "en-cours";
	switch (statut_index(s->statut)) {
	case 2: s->etat = E_REALISEE; break;
	case 3: s->etat = E_REPORTEE; break;
	case 4: s->etat = E_ABANDONNEE; break;
	default:
		s->late = fin && strcmp(opt.au, fin) > 0;
		s->etat = s->late ? E_EN_RETARD :
		    statut_index(s->statut) == 0 ? E_PREVUE : E_EN_COURS;
	}
	if (s->etat == E_REALISEE || s->etat == E_ABANDONNEE)
		return;
	for (k = 0; k < a->ncalendrier && !s->prochain; k++)
		if (strcmp(a->calendrier[k], opt.au) >= 0)
			s->prochain = a->calendrier[k];
}

static const char *
etat_name(enum etat e)
{
	switch (e) {
	case E_PREVUE: return _("planned");
	case E_EN_COURS: return _("in progress");
	case E_EN_RETARD: return _("late");
	case E_REALISEE: return _("done");
	case E_REPORTEE: return _("postponed");
	case E_ABANDONNEE: return _("abandoned");
	default: return "?";
	}
}

/* The objectives in order: the plan's, then those only named by records. */
static void
add_obj(const char *id)
{
	size_t i;

	for (i = 0; i < V.nobjs; i++)
		if (same(V.objs[i], id))
			return;
	V.objs = xrealloc(V.objs, (V.nobjs + 1) * sizeof *V.objs);
	V.objs[V.nobjs++] = key(id);
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
model(void)
{
	size_t i;

	for (i = 0; i < V.plan->nobjectifs; i++)
		add_obj(V.plan->objectifs[i].id);
	for (i = 0; i < V.plan->ntransformations; i++)
		add_obj(V.plan->transformations[i].objectif);
	for (i = 0; i < V.plan->nindicateurs; i++)
		add_obj(V.plan->indicateurs[i].objectif);
	for (i = 0; i < V.plan->nactions; i++) {
		add_obj(V.plan->actions[i].objectif);
		judge(i);
	}
	period();
}

/* Shared pieces of the views. */

static const char *const sys_keys[ECO_NSYS] = { "enfant", "famille", "communaute" };

static const char *
sys_name(int s)
{
	switch (s) {
	case 0: return _("Child");
	case 1: return _("Family");
	default: return _("Community");
	}
}

static int
sys_of(const char *s)
{
	return eco_systeme_index(s);
}

/* "Title (id)", or either alone. */
static char *
labelled(const char *text, const char *id)
{
	if (text && id)
		return fmt("%s (%s)", text, id);
	return fmt("%s", text ? text : id ? id : "");
}

static char *
org_label(const char *id)
{
	return id ? labelled(nom_membre(id), id) : fmt("%s", _("(no lead organisation)"));
}

static const char *
objective_libelle(const char *id)
{
	const struct eco_objectif_view *o = eco_plan_objectif(V.plan, *id ? id : NULL);

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

static void
set_owned(struct eco_table *t, size_t col, char *s)
{
	eco_table_text(t, col, s);
	free(s);
}


/* s followed by t, s reallocated. */
static char *
cat(char *s, const char *t)
{
	size_t n = s ? strlen(s) : 0;

	s = xrealloc(s, n + strlen(t) + 1);
	strcpy(s + n, t);
	return s;
}

/* The introduction: period, dates of the plan, counts. */

/* s, with the space after its leading number made a no-break one, so
 * that "2 abandonnées" stays on one line; s is reallocated. */
static char *
keep_number(char *s)
{
	size_t n = strspn(s, "0123456789");
	char *t;

	if (n == 0 || s[n] != ' ')
		return s;
	t = fmt("%.*s\xc2\xa0%s", (int)n, s, s + n + 1);
	free(s);
	return t;
}

/* "3 planned", with the plural of its state. */
static char *
etat_count(enum etat e, size_t n)
{
	switch (e) {
	case E_PREVUE:
		return fmt(ngettext("%zu planned", "%zu planned", n), n);
	case E_EN_COURS:
		return fmt(ngettext("%zu in progress", "%zu in progress", n), n);
	case E_EN_RETARD:
		return fmt(ngettext("%zu late", "%zu late", n), n);
	case E_REALISEE:
		return fmt(ngettext("%zu done", "%zu done", n), n);
	case E_REPORTEE:
		return fmt(ngettext("%zu postponed", "%zu postponed", n), n);
	default:
		return fmt(ngettext("%zu abandoned", "%zu abandoned", n), n);
	}
}

static void
intro_counts(struct eco_report *r)
{
	size_t n[NETATS] = { 0 }, i, k = 0;
	char m[ECO_MONEY_BUFSZ], *s, *a, *b, *c;

	a = keep_number(fmt(ngettext("%zu objective", "%zu objectives",
	    V.nobjs), V.nobjs));
	b = keep_number(fmt(ngettext("%zu indicator", "%zu indicators",
	    V.plan->nindicateurs), V.plan->nindicateurs));
	c = keep_number(fmt(ngettext("%zu action", "%zu actions",
	    V.plan->nactions), V.plan->nactions));
	s = fmt(_("State on %s: %s, %s, %s; total budget %s."), opt.au, a, b,
	    c, money(V.total, m));
	eco_report_para(r, s);
	free(s);
	free(a);
	free(b);
	free(c);
	for (i = 0; i < V.plan->nactions; i++)
		n[V.suites[i].etat]++;
	s = fmt("%s", _("Actions:"));
	for (i = 0; i < NETATS; i++) {
		if (!n[i])
			continue;
		a = keep_number(etat_count((enum etat)i, n[i]));
		s = cat(cat(s, k++ ? ", " : " "), a);
		free(a);
	}
	s = cat(s, ".");
	if (k)
		eco_report_para(r, s);
	free(s);
}

static void
intro(struct eco_report *r)
{
	char *s = NULL;

	if (V.debut && V.fin)
		s = fmt(V.plan->debut ? _("Period: from %s to %s.") :
		    _("Actions from %s to %s."), V.debut, V.fin);
	if (s)
		eco_report_para(r, s);
	free(s);
	s = NULL;
	if (V.adopte && V.revise)
		s = fmt(_("Adopted on %s, revised on %s."), V.adopte, V.revise);
	else if (V.adopte)
		s = fmt(_("Adopted on %s."), V.adopte);
	if (s)
		eco_report_para(r, s);
	free(s);
	intro_counts(r);
}

/* Columns, declared from tables of these. */
struct coldef {
	const char *key, *header;
	unsigned flags;
	size_t width;
};

static struct eco_table *
table(struct eco_report *r, const char *kind, const char *caption,
    unsigned show, const struct coldef *c, size_t n)
{
	struct eco_table *t = eco_report_table(r, kind, caption, show);
	size_t i;

	for (i = 0; i < n; i++)
		eco_table_column(t, c[i].key, _(c[i].header), c[i].flags,
		    c[i].width);
	return t;
}

#define NCOLS(a) (sizeof (a) / sizeof *(a))

/* The objectives view. */

enum { DO_OBJECTIF, DO_SYSTEME, DO_TRANSFORMATION, DO_ELEMENT, DO_ID,
	DO_LIBELLE, DO_UNITE, DO_DEPART, DO_CIBLE, DO_ECHEANCE, DO_RESPONSABLE,
	DO_PARTENAIRES, DO_DEBUT, DO_FIN, DO_BUDGET, DO_STATUT, DO_RETARD,
	DO_DERNIER, DO_PROCHAIN };

static const struct coldef data_objectifs[] = {
	{ "objectif", N_("Objective"), 0, 0 },
	{ "systeme", N_("System"), 0, 0 },
	{ "transformation", N_("Transformation"), 0, 0 },
	{ "element", N_("Element"), 0, 0 },
	{ "id", N_("Id"), 0, 0 },
	{ "libelle", N_("Label"), 0, 0 },
	{ "unite", N_("Unit"), 0, 0 },
	{ "valeur_depart", N_("Baseline"), ECO_COL_RIGHT, 0 },
	{ "cible", N_("Target"), ECO_COL_RIGHT, 0 },
	{ "echeance", N_("Due"), ECO_COL_NOWRAP, 0 },
	{ "responsable", N_("Lead"), 0, 0 },
	{ "partenaires", N_("Partners"), 0, 0 },
	{ "debut", N_("Start"), ECO_COL_NOWRAP, 0 },
	{ "fin", N_("End"), ECO_COL_NOWRAP, 0 },
	{ "budget", N_("Budget"), ECO_COL_RIGHT, 0 },
	{ "statut", N_("State"), 0, 0 },
	{ "en_retard", N_("Late"), 0, 0 },
	{ "dernier_suivi", N_("Last follow-up"), ECO_COL_NOWRAP, 0 },
	{ "prochain_suivi", N_("Next follow-up"), ECO_COL_NOWRAP, 0 },
};

enum { IN_LIBELLE, IN_UNITE, IN_DEPART, IN_CIBLE, IN_ECHEANCE };
static const struct coldef doc_indicateurs[] = {
	{ NULL, N_("Indicator"), 0, 44 },
	{ NULL, N_("Unit"), 0, 12 },
	{ NULL, N_("Baseline"), ECO_COL_RIGHT, 0 },
	{ NULL, N_("Target"), ECO_COL_RIGHT, 0 },
	{ NULL, N_("Due"), ECO_COL_NOWRAP, 0 },
};

enum { AC_ACTION, AC_RESPONSABLE, AC_PARTENAIRES, AC_DEBUT, AC_FIN,
	AC_BUDGET, AC_ETAT };
static const struct coldef doc_actions[] = {
	{ NULL, N_("Action"), 0, 28 },
	{ NULL, N_("Lead"), 0, 0 },
	{ NULL, N_("Partners"), 0, 18 },
	{ NULL, N_("Start"), ECO_COL_NOWRAP, 0 },
	{ NULL, N_("End"), ECO_COL_NOWRAP, 0 },
	{ NULL, N_("Budget"), ECO_COL_RIGHT, 0 },
	{ NULL, N_("State"), 0, 0 },
};

static void
data_place(struct eco_table *t, const char *obj, int s, const char *libelle,
    const char *element, const char *id)
{
	eco_table_row(t);
	eco_table_text(t, DO_OBJECTIF, *obj ? obj : NULL);
	eco_table_text(t, DO_SYSTEME, sys_keys[s]);
	eco_table_text(t, DO_TRANSFORMATION, libelle);
	eco_table_text(t, DO_ELEMENT, element);
	eco_table_text(t, DO_ID, id);
}

static void
indicators(struct eco_report *r, struct eco_table *data, const char *obj,
    int s, const char *libelle)
{
	struct eco_table *t = NULL;
	size_t i;

	for (i = 0; i < V.plan->nindicateurs; i++) {
		const struct eco_indicateur_view *x = &V.plan->indicateurs[i];

		if (!same(x->objectif, obj) || sys_of(x->systeme) != s)
			continue;
		if (!t)
			t = table(r, "indicateurs", _("Indicators"), ECO_SHOW_DOC,
			    doc_indicateurs, NCOLS(doc_indicateurs));
		eco_table_row(t);
		set_owned(t, IN_LIBELLE, labelled(x->libelle, x->id));
		eco_table_text(t, IN_UNITE, x->unite);
		eco_table_value(t, IN_DEPART, x->valeur_depart);
		eco_table_value(t, IN_CIBLE, x->cible);
		eco_table_text(t, IN_ECHEANCE, x->echeance_eff);
		data_place(data, obj, s, libelle, "indicateur", x->id);
		eco_table_text(data, DO_LIBELLE, x->libelle);
		eco_table_text(data, DO_UNITE, x->unite);
		eco_table_value(data, DO_DEPART, x->valeur_depart);
		eco_table_value(data, DO_CIBLE, x->cible);
		eco_table_text(data, DO_ECHEANCE, x->echeance_eff);
	}
}

static void
actions(struct eco_report *r, struct eco_table *data, const char *obj,
    int s, const char *libelle)
{
	struct eco_table *t = NULL;
	long long sum = 0;
	size_t i;

	for (i = 0; i < V.plan->nactions; i++) {
		const struct eco_action_view *a = &V.plan->actions[i];
		const struct suite *u = &V.suites[i];

		if (!same(a->objectif, obj) || sys_of(a->systeme) != s)
			continue;
		if (!t)
			t = table(r, "actions", _("Actions"), ECO_SHOW_DOC,
			    doc_actions, NCOLS(doc_actions));
		eco_table_row(t);
		set_owned(t, AC_ACTION, labelled(a->titre, a->id));
		eco_table_text(t, AC_RESPONSABLE, a->responsable);
		eco_table_list(t, AC_PARTENAIRES, a->partenaires, a->npartenaires);
		eco_table_text(t, AC_DEBUT, a->debut_eff);
		eco_table_text(t, AC_FIN, a->fin_eff);
		eco_table_money(t, AC_BUDGET, u->budget);
		eco_table_text(t, AC_ETAT, etat_name(u->etat));
		sum += u->budget;
		data_place(data, obj, s, libelle, "action", a->id);
		eco_table_text(data, DO_LIBELLE, a->titre);
		eco_table_text(data, DO_RESPONSABLE, a->responsable);
		eco_table_list(data, DO_PARTENAIRES, a->partenaires, a->npartenaires);
		eco_table_text(data, DO_DEBUT, a->debut_eff);
		eco_table_text(data, DO_FIN, a->fin_eff);
		eco_table_money(data, DO_BUDGET, u->budget);
		eco_table_text(data, DO_STATUT, u->statut);
		eco_table_bool(data, DO_RETARD, u->late);
		eco_table_text(data, DO_DERNIER, u->dernier);
		eco_table_text(data, DO_PROCHAIN, u->prochain);
	}
	if (t) {
		eco_table_total(t);
		eco_table_text(t, AC_ACTION, _("Total"));
		eco_table_money(t, AC_BUDGET, sum);
	}
}

/* Whether objective obj has anything in system s; its libelle. */
static int
system_of(const char *obj, int s, const char **libelle)
{
	const struct eco_transformation_view *t =
	    eco_plan_transformation(V.plan, *obj ? obj : NULL, sys_keys[s]);
	size_t i;
	int any = t != NULL;

	*libelle = t ? t->libelle : NULL;
	for (i = 0; i < V.plan->nindicateurs; i++) {
		const struct eco_indicateur_view *x = &V.plan->indicateurs[i];

		if (same(x->objectif, obj) && sys_of(x->systeme) == s) {
			any = 1;
			if (!*libelle)
				*libelle = x->transformation_libelle;
		}
	}
	for (i = 0; i < V.plan->nactions; i++) {
		const struct eco_action_view *a = &V.plan->actions[i];

		if (same(a->objectif, obj) && sys_of(a->systeme) == s) {
			any = 1;
			if (!*libelle)
				*libelle = a->transformation_libelle;
		}
	}
	return any;
}

static long long
objective_budget(const char *obj)
{
	long long sum = 0;
	size_t i;

	for (i = 0; i < V.plan->nactions; i++)
		if (same(V.plan->actions[i].objectif, obj))
			sum += V.suites[i].budget;	/* within V.total */
	return sum;
}

static void
objective(struct eco_report *r, struct eco_table *data, const char *obj)
{
	const struct eco_objectif_view *o = eco_plan_objectif(V.plan,
	    *obj ? obj : NULL);
	const char *id = *obj ? obj : _("(no id)"), *libelle;
	char m[ECO_MONEY_BUFSZ], *s;
	int k;

	s = o && o->libelle ? fmt(_("Objective %s: %s"), id, o->libelle) :
	    fmt(_("Objective %s"), id);
	eco_report_heading(r, 2, s);
	free(s);
	money(objective_budget(obj), m);
	s = o && o->facteur ? fmt(_("Protective factor: %s. Budget: %s."),
	    o->facteur, m) : fmt(_("Budget: %s."), m);
	eco_report_para(r, s);
	free(s);
	for (k = 0; k < ECO_NSYS; k++) {
		if (!system_of(obj, k, &libelle))
			continue;
		/* TRANSLATORS: a system and its desired transformation. */
		s = libelle ? fmt(_("%s: %s"), sys_name(k), libelle) :
		    fmt("%s", sys_name(k));
		eco_report_heading(r, 3, s);
		free(s);
		indicators(r, data, obj, k, libelle);
		actions(r, data, obj, k, libelle);
	}
}

static void
vue_objectifs(struct eco_report *r)
{
	struct eco_table *data;
	size_t i;

	eco_report_heading(r, 1, _("Objectives and systems"));
	data = table(r, "vue-objectifs", NULL, ECO_SHOW_DATA, data_objectifs,
	    NCOLS(data_objectifs));
	for (i = 0; i < V.nobjs; i++)
		objective(r, data, V.objs[i]);
}

/* The partners view. */

enum { DP_ORGANISME, DP_NOM, DP_ROLE, DP_ACTION, DP_TITRE, DP_OBJECTIF,
	DP_SYSTEME, DP_DEBUT, DP_FIN, DP_BUDGET, DP_STATUT, DP_RETARD, DP_APPORT };
static const struct coldef data_partenaires[] = {
	{ "organisme", N_("Organisation"), 0, 0 },
	{ "nom", N_("Name"), 0, 0 },
	{ "role", N_("Role"), 0, 0 },
	{ "action", N_("Action"), 0, 0 },
	{ "titre", N_("Title"), 0, 0 },
	{ "objectif", N_("Objective"), 0, 0 },
	{ "systeme", N_("System"), 0, 0 },
	{ "debut", N_("Start"), ECO_COL_NOWRAP, 0 },
	{ "fin", N_("End"), ECO_COL_NOWRAP, 0 },
	{ "budget", N_("Budget"), ECO_COL_RIGHT, 0 },
	{ "statut", N_("State"), 0, 0 },
	{ "en_retard", N_("Late"), 0, 0 },
	{ "apport", N_("Contribution"), 0, 0 },
};

enum { PA_ROLE, PA_ACTION, PA_PLACE, PA_BUDGET, PA_ETAT, PA_APPORT };
static const struct coldef doc_partenaires[] = {
	{ NULL, N_("Role"), 0, 0 },
	{ NULL, N_("Action"), 0, 30 },
	{ NULL, N_("Objective, system"), 0, 16 },
	{ NULL, N_("Budget"), ECO_COL_RIGHT, 0 },
	{ NULL, N_("State"), 0, 0 },
	{ NULL, N_("Contribution"), 0, 28 },
};

/* What org brings to action a, from its contributions. */
static const char *
apport(const struct eco_action_view *a, const char *org)
{
	const struct eco_node *c = eco_map_get(a->v.node, "contributions");
	size_t i;

	for (i = 0; c && c->type == ECO_SEQ && i < c->len; i++) {
		const struct eco_node *x = c->u.items[i];
		const char *o = x->type == ECO_MAP ? str(x, "organisme") : NULL;

		if (o && strcmp(o, org) == 0)
			return str(x, "apport");
	}
	return NULL;
}

/* 0: org has no part in a; 1: it leads it; 2: it is a partner. */
static int
role(const struct eco_action_view *a, const char *org)
{
	if (a->responsable && strcmp(a->responsable, org) == 0)
		return 1;
	if (eco_action_has_partner(a, org) || apport(a, org))
		return 2;
	return 0;
}

static void
add_org(const char ***v, size_t *n, const char *org)
{
	size_t i;

	if (!org)
		return;
	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], org) == 0)
			return;
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = org;
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every organisation that leads or takes part in an action, by id. */
static const char **
organisations(size_t *n)
{
	const char **v = NULL;
	size_t i, k;

	*n = 0;
	for (i = 0; i < V.plan->nactions; i++) {
		const struct eco_action_view *a = &V.plan->actions[i];
		const struct eco_node *c = eco_map_get(a->v.node, "contributions");

		add_org(&v, n, a->responsable);
		for (k = 0; k < a->npartenaires; k++)
			add_org(&v, n, a->partenaires[k]);
		for (k = 0; c && c->type == ECO_SEQ && k < c->len; k++)
			if (c->u.items[k]->type == ECO_MAP)
				add_org(&v, n, str(c->u.items[k], "organisme"));
	}
	if (*n)
		qsort(v, *n, sizeof *v, by_string);
	return v;
}

static void
commitment(struct eco_table *t, struct eco_table *data, const char *org,
    size_t i, int how)
{
	const struct eco_action_view *a = &V.plan->actions[i];
	const struct suite *u = &V.suites[i];
	const char *obj = a->objectif ? a->objectif : "";
	const char *what = how == 1 ? "responsable" : "partenaire";

	eco_table_row(t);
	eco_table_text(t, PA_ROLE, how == 1 ? _("lead") : _("partner"));
	set_owned(t, PA_ACTION, labelled(a->titre, a->id));
	set_owned(t, PA_PLACE, a->systeme ? fmt("%s, %s", obj, a->systeme) :
	    fmt("%s", obj));
	if (how == 1)
		eco_table_money(t, PA_BUDGET, u->budget);
	eco_table_text(t, PA_ETAT, etat_name(u->etat));
	eco_table_text(t, PA_APPORT, apport(a, org));
	eco_table_row(data);
	eco_table_text(data, DP_ORGANISME, org);
	eco_table_text(data, DP_NOM, nom_membre(org));
	eco_table_text(data, DP_ROLE, what);
	eco_table_text(data, DP_ACTION, a->id);
	eco_table_text(data, DP_TITRE, a->titre);
	eco_table_text(data, DP_OBJECTIF, a->objectif);
	eco_table_text(data, DP_SYSTEME, a->systeme);
	eco_table_text(data, DP_DEBUT, a->debut_eff);
	eco_table_text(data, DP_FIN, a->fin_eff);
	if (how == 1)
		eco_table_money(data, DP_BUDGET, u->budget);
	eco_table_text(data, DP_STATUT, u->statut);
	eco_table_bool(data, DP_RETARD, u->late);
	eco_table_text(data, DP_APPORT, apport(a, org));
}

static void
partner(struct eco_report *r, struct eco_table *data, const char *org)
{
	size_t i, leads = 0, joins = 0;
	long long budget = 0;
	char m[ECO_MONEY_BUFSZ], *s, *a, *b;
	struct eco_table *t;
	int how;

	for (i = 0; i < V.plan->nactions; i++)
		if ((how = role(&V.plan->actions[i], org)) == 1) {
			leads++;
			budget += V.suites[i].budget;	/* within V.total */
		} else if (how == 2)
			joins++;
	s = org_label(org);
	eco_report_heading(r, 2, s);
	free(s);
	a = fmt(ngettext("Leads %zu action (budget %s)",
	    "Leads %zu actions (budget %s)", leads), leads, money(budget, m));
	b = fmt(ngettext("takes part in %zu other", "takes part in %zu others",
	    joins), joins);
	if (leads && joins)
		s = fmt(_("%s; %s."), a, b);
	else if (leads)
		s = fmt("%s.", a);
	else
		s = fmt(ngettext("Partner in %zu action.", "Partner in %zu actions.",
		    joins), joins);
	eco_report_para(r, s);
	free(s);
	free(a);
	free(b);
	t = table(r, "partenaire", NULL, ECO_SHOW_DOC, doc_partenaires,
	    NCOLS(doc_partenaires));
	for (how = 1; how <= 2; how++)
		for (i = 0; i < V.plan->nactions; i++)
			if (role(&V.plan->actions[i], org) == how)
				commitment(t, data, org, i, how);
}

static void
vue_partenaires(struct eco_report *r)
{
	struct eco_table *data;
	const char **orgs;
	size_t i, n;

	eco_report_heading(r, 1, _("Partners' commitments"));
	data = table(r, "vue-partenaires", NULL, ECO_SHOW_DATA,
	    data_partenaires, NCOLS(data_partenaires));
	orgs = organisations(&n);
	if (!n)
		eco_report_para(r, _("No action names an organisation."));
	for (i = 0; i < n; i++)
		partner(r, data, orgs[i]);
	free(orgs);
}

/* The funders view. */

enum { DB_BAILLEUR, DB_NOM, DB_ACTION, DB_TITRE, DB_OBJECTIF, DB_SYSTEME,
	DB_POSTE, DB_FINANCEMENT, DB_MONTANT };
static const struct coldef data_bailleurs[] = {
	{ "bailleur", N_("Funder"), 0, 0 },
	{ "nom", N_("Name"), 0, 0 },
	{ "action", N_("Action"), 0, 0 },
	{ "titre", N_("Title"), 0, 0 },
	{ "objectif", N_("Objective"), 0, 0 },
	{ "systeme", N_("System"), 0, 0 },
	{ "poste", N_("Item"), 0, 0 },
	{ "financement", N_("Funding"), 0, 0 },
	{ "montant", N_("Amount"), ECO_COL_RIGHT, 0 },
};

enum { LI_ACTION, LI_POSTE, LI_FINANCEMENT, LI_MONTANT };
static const struct coldef doc_lignes[] = {
	{ NULL, N_("Action"), 0, 34 },
	{ NULL, N_("Item"), 0, 34 },
	{ NULL, N_("Funding"), 0, 0 },
	{ NULL, N_("Amount"), ECO_COL_RIGHT, 0 },
};

static const struct coldef doc_financement[] = {
	{ NULL, N_("Funder"), 0, 40 },
	{ NULL, N_("Confirmed"), ECO_COL_RIGHT, 0 },
	{ NULL, N_("Requested"), ECO_COL_RIGHT, 0 },
	{ NULL, N_("To solicit"), ECO_COL_RIGHT, 0 },
	{ NULL, N_("Not stated"), ECO_COL_RIGHT, 0 },
};

/* 0 confirme, 1 demande, 2 a-solliciter, 3 anything else. */
static int
funding_index(const char *s)
{
	static const char *const v[] = { "confirme", "demande", "a-solliciter" };
	int i;

	for (i = 0; s && i < 3; i++)
		if (strcmp(s, v[i]) == 0)
			return i;
	return 3;
}

static const char *
funding_name(const char *s)
{
	switch (funding_index(s)) {
	case 0: return _("confirmed");
	case 1: return _("requested");
	case 2: return _("to solicit");
	default: return s ? s : _("not stated");
	}
}

/* A funder's type in words; other values as written. */
static const char *
funder_type(const char *t)
{
	static const char *const v[][2] = {
		{ "public", N_("public") },
		{ "municipal", N_("municipal") },
		{ "philanthropique", N_("philanthropic") },
		{ "prive", N_("private") },
		{ "autre", N_("other") },
	};
	size_t i;

	for (i = 0; t && i < sizeof v / sizeof *v; i++)
		if (strcmp(t, v[i][0]) == 0)
			return _(v[i][1]);
	return t;
}

/* The funders: the plan's, then those only named by budget lines, then
 * "" for lines without a funder. */
static const char **
funders(size_t *n)
{
	const char **v = NULL;
	size_t i, k, none = 0;

	*n = 0;
	for (i = 0; i < V.plan->nbailleurs; i++)
		add_org(&v, n, V.plan->bailleurs[i].id);
	for (i = 0; i < V.plan->nactions; i++)
		for (k = 0; k < V.plan->actions[i].nbudget; k++) {
			const char *b = V.plan->actions[i].budget[k].bailleur;

			add_org(&v, n, b);
			none |= !b;
		}
	if (none)
		add_org(&v, n, "");
	return v;
}

/* A funder's name, owned; NULL when the plan does not say. */
static char *
funder_name(const char *id)
{
	const struct eco_bailleur_view *b = *id ? eco_plan_bailleur(V.plan, id) : NULL;

	if (!*id)
		return fmt("%s", _("(no funder)"));
	return b && b->nom ? fmt("%s", b->nom) : NULL;
}

static char *
funder_label(const char *id)
{
	const struct eco_bailleur_view *b;

	if (!*id)
		return fmt("%s", _("(no funder)"));
	b = eco_plan_bailleur(V.plan, id);
	return labelled(b ? b->nom : NULL, id);
}

/* Sums by funding state for funder id ("" : none); 1 when some line
 * is neither confirmed, requested nor to solicit. */
static int
funder_sums(const char *id, long long sum[4])
{
	size_t i, k;
	int other = 0;

	memset(sum, 0, 4 * sizeof *sum);
	for (i = 0; i < V.plan->nactions; i++)
		for (k = 0; k < V.plan->actions[i].nbudget; k++) {
			const struct eco_budget_line *l = &V.plan->actions[i].budget[k];

			if (!same(l->bailleur, id))
				continue;
			if (l->has_amount)
				sum[funding_index(l->statut)] += l->cents;
			other |= funding_index(l->statut) == 3;
		}
	return other;
}

static void
funding_summary(struct eco_report *r, const char **v, size_t n)
{
	long long sum[4], all[4] = { 0 };
	struct eco_table *t;
	size_t i, j, cols = 4;
	int other = 0;

	for (i = 0; i < n; i++)
		other |= funder_sums(v[i], sum);
	if (other)
		cols = 5;
	t = table(r, "financement", _("Funding by funder"), ECO_SHOW_DOC,
	    doc_financement, cols);
	eco_table_column(t, NULL, _("Total"), ECO_COL_RIGHT, 0);
	for (i = 0; i < n; i++) {
		long long tot = 0;

		funder_sums(v[i], sum);
		eco_table_row(t);
		set_owned(t, 0, funder_label(v[i]));
		for (j = 0; j < cols - 1; j++) {
			eco_table_money(t, j + 1, sum[j]);
			all[j] += sum[j];
		}
		for (j = 0; j < 4; j++)
			tot += sum[j];
		eco_table_money(t, cols, tot);
	}
	eco_table_total(t);
	eco_table_text(t, 0, _("Total"));
	for (j = 0; j < cols - 1; j++)
		eco_table_money(t, j + 1, all[j]);
	eco_table_money(t, cols, V.total);
}

/* A funder's heading, type and program; the table of its lines. */
static struct eco_table *
funder_head(struct eco_report *r, const char *id,
    const struct eco_bailleur_view *b)
{
	const char *ty = b ? funder_type(b->type) : NULL;
	const char *pr = b ? b->programme : NULL;
	char *s = funder_label(id);

	eco_report_heading(r, 2, s);
	free(s);
	s = ty && pr ? fmt(_("Type: %s. Program: %s."), ty, pr) :
	    ty ? fmt(_("Type: %s."), ty) : pr ? fmt(_("Program: %s."), pr) : NULL;
	if (s)
		eco_report_para(r, s);
	free(s);
	return table(r, "lignes", NULL, ECO_SHOW_DOC, doc_lignes,
	    NCOLS(doc_lignes));
}

static void
funder(struct eco_report *r, struct eco_table *data, const char *id)
{
	const struct eco_bailleur_view *b = *id ? eco_plan_bailleur(V.plan, id) : NULL;
	struct eco_table *t = NULL;
	long long sum = 0;
	size_t i, k;

	for (i = 0; i < V.plan->nactions; i++) {
		const struct eco_action_view *a = &V.plan->actions[i];

		for (k = 0; k < a->nbudget; k++) {
			const struct eco_budget_line *l = &a->budget[k];

			if (!same(l->bailleur, id))
				continue;
			if (!t)
				t = funder_head(r, id, b);
			eco_table_row(t);
			set_owned(t, LI_ACTION, labelled(a->titre, a->id));
			eco_table_text(t, LI_POSTE, l->poste);
			eco_table_text(t, LI_FINANCEMENT, funding_name(l->statut));
			eco_table_row(data);
			eco_table_text(data, DB_BAILLEUR, *id ? id : NULL);
			eco_table_text(data, DB_NOM, b ? b->nom : NULL);
			eco_table_text(data, DB_ACTION, a->id);
			eco_table_text(data, DB_TITRE, a->titre);
			eco_table_text(data, DB_OBJECTIF, a->objectif);
			eco_table_text(data, DB_SYSTEME, a->systeme);
			eco_table_text(data, DB_POSTE, l->poste);
			eco_table_text(data, DB_FINANCEMENT, l->statut);
			if (l->has_amount) {
				eco_table_money(t, LI_MONTANT, l->cents);
				eco_table_money(data, DB_MONTANT, l->cents);
				sum += l->cents;	/* within V.total */
			}
		}
	}
	if (t) {
		eco_table_total(t);
		eco_table_text(t, LI_ACTION, _("Total"));
		eco_table_money(t, LI_MONTANT, sum);
	}
}

static void
vue_bailleurs(struct eco_report *r)
{
	struct eco_table *data;
	const char **v;
	size_t i, n;

	eco_report_heading(r, 1, _("Funders"));
	v = funders(&n);
	if (!n)
		eco_report_para(r, _("The plan has no funder and no budget line."));
	else
		funding_summary(r, v, n);
	data = table(r, "vue-bailleurs", NULL, ECO_SHOW_DATA, data_bailleurs,
	    NCOLS(data_bailleurs));
	for (i = 0; i < n; i++)
		funder(r, data, v[i]);
	free(v);
}

/* The timeline view. */

enum { CA_ACTION, CA_TITRE, CA_RESPONSABLE, CA_DEBUT, CA_FIN, CA_ETAT };
static const struct coldef doc_calendrier[] = {
	{ NULL, N_("Action"), 0, 0 },
	{ NULL, N_("Title"), ECO_COL_NOTEXTE, 0 },
	{ NULL, N_("Lead"), ECO_COL_NOTEXTE, 0 },
	{ NULL, N_("Start"), ECO_COL_NOWRAP, 0 },
	{ NULL, N_("End"), ECO_COL_NOWRAP, 0 },
	{ NULL, N_("State"), 0, 0 },
};

enum { DC_ACTION, DC_TITRE, DC_RESPONSABLE, DC_OBJECTIF, DC_SYSTEME,
	DC_DEBUT, DC_FIN, DC_STATUT, DC_RETARD };
static const struct coldef data_calendrier[] = {
	{ "action", N_("Action"), 0, 0 },
	{ "titre", N_("Title"), 0, 0 },
	{ "responsable", N_("Lead"), 0, 0 },
	{ "objectif", N_("Objective"), 0, 0 },
	{ "systeme", N_("System"), 0, 0 },
	{ "debut", N_("Start"), ECO_COL_NOWRAP, 0 },
	{ "fin", N_("End"), ECO_COL_NOWRAP, 0 },
	{ "statut", N_("State"), 0, 0 },
	{ "en_retard", N_("Late"), 0, 0 },
};

/* Actions by start, then end, then their order in the plan. */
static int
by_dates(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	const struct eco_action_view *a = &V.plan->actions[i];
	const struct eco_action_view *b = &V.plan->actions[j];
	int c = strcmp(key(a->debut_eff), key(b->debut_eff));

	if (c == 0)
		c = strcmp(key(a->fin_eff), key(b->fin_eff));
	return c ? c : (i > j) - (i < j);
}

static void
vue_calendrier(struct eco_report *r)
{
	size_t n = V.plan->nactions, i, *order;
	struct eco_table *t, *data;
	char *s;

	eco_report_heading(r, 1, _("Timeline"));
	if (V.debut && V.fin) {
		s = fmt(_("One column per month from %.7s to %.7s; %s marks the months of each action."),
		    V.debut, V.fin, opt.fmt == FMT_TEXTE ? "#" : "\xe2\x96\xa0");
		eco_report_para(r, s);
		free(s);
	}
	t = table(r, "calendrier", NULL, ECO_SHOW_DOC, doc_calendrier,
	    NCOLS(doc_calendrier));
	data = table(r, "vue-calendrier", NULL, ECO_SHOW_DATA, data_calendrier,
	    NCOLS(data_calendrier));
	eco_table_months(t, V.debut, V.fin);
	eco_table_months(data, V.debut, V.fin);
	order = xrealloc(NULL, (n + 1) * sizeof *order);
	for (i = 0; i < n; i++)
		order[i] = i;
	qsort(order, n, sizeof *order, by_dates);
	for (i = 0; i < n; i++) {
		const struct eco_action_view *a = &V.plan->actions[order[i]];
		const struct suite *u = &V.suites[order[i]];

		eco_table_row(t);
		eco_table_text(t, CA_ACTION, a->id);
		eco_table_text(t, CA_TITRE, a->titre);
		eco_table_text(t, CA_RESPONSABLE, a->responsable);
		eco_table_text(t, CA_DEBUT, a->debut_eff);
		eco_table_text(t, CA_FIN, a->fin_eff);
		eco_table_text(t, CA_ETAT, etat_name(u->etat));
		eco_table_span(t, a->debut_eff, a->fin_eff);
		eco_table_row(data);
		eco_table_text(data, DC_ACTION, a->id);
		eco_table_text(data, DC_TITRE, a->titre);
		eco_table_text(data, DC_RESPONSABLE, a->responsable);
		eco_table_text(data, DC_OBJECTIF, a->objectif);
		eco_table_text(data, DC_SYSTEME, a->systeme);
		eco_table_text(data, DC_DEBUT, a->debut_eff);
		eco_table_text(data, DC_FIN, a->fin_eff);
		eco_table_text(data, DC_STATUT, u->statut);
		eco_table_bool(data, DC_RETARD, u->late);
		eco_table_span(data, a->debut_eff, a->fin_eff);
	}
	free(order);
}

/* The budget view: totals by objective, system, lead, funder, year. */

struct total {
	char *key;		/* in records; "" for none */
	char *name;		/* for people, without the key */
	long long cents;
};

struct totals {
	struct total *v;
	size_t n;
};

/* Add cents to the total of k; a new one takes name (else freed). */
static void
tally(struct totals *t, const char *k, char *name, long long cents)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].key, k) == 0) {
			t->v[i].cents += cents;		/* within V.total */
			free(name);
			return;
		}
	t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
	t->v[t->n].key = fmt("%s", k);
	t->v[t->n].name = name;
	t->v[t->n++].cents = cents;
}

enum { DG_PAR, DG_CLE, DG_LIBELLE, DG_MONTANT };
static const struct coldef data_budget[] = {
	{ "par", N_("By"), 0, 0 },
	{ "cle", N_("Key"), 0, 0 },
	{ "libelle", N_("Label"), 0, 0 },
	{ "montant", N_("Amount"), ECO_COL_RIGHT, 0 },
};

/*
 * One table of totals, and its rows in the data; t is emptied.  People
 * read "name (key)" when with_key, the name alone otherwise.
 */
static void
totals_table(struct eco_report *r, struct eco_table *data, const char *par,
    const char *caption, const char *what, struct totals *t, int with_key)
{
	struct eco_table *d = eco_report_table(r, "totaux", caption, ECO_SHOW_DOC);
	size_t i;

	eco_table_column(d, NULL, what, 0, 50);
	eco_table_column(d, NULL, _("Budget"), ECO_COL_RIGHT, 0);
	eco_table_column(d, NULL, _("Share"), ECO_COL_RIGHT, 0);
	for (i = 0; i < t->n; i++) {
		const struct total *x = &t->v[i];

		eco_table_row(d);
		if (with_key && *x->key)
			set_owned(d, 0, labelled(x->name, x->key));
		else
			eco_table_text(d, 0, x->name ? x->name : x->key);
		eco_table_money(d, 1, x->cents);
		set_owned(d, 2, share(x->cents, V.total));
		eco_table_row(data);
		eco_table_text(data, DG_PAR, par);
		eco_table_text(data, DG_CLE, *x->key ? x->key : NULL);
		eco_table_text(data, DG_LIBELLE, x->name);
		eco_table_money(data, DG_MONTANT, x->cents);
		free(x->key);
		free(x->name);
	}
	eco_table_total(d);
	eco_table_text(d, 0, _("Total"));
	eco_table_money(d, 1, V.total);
	set_owned(d, 2, share(V.total, V.total));
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

/* A name or NULL, as an owned copy. */
static char *
xdup(const char *s)
{
	return s ? fmt("%s", s) : NULL;
}

static void
by_objective(struct totals *t)
{
	size_t i, k;

	for (i = 0; i < V.nobjs; i++) {
		const char *o = V.objs[i];

		tally(t, o, *o ? xdup(objective_libelle(o)) : xdup(_("(no id)")), 0);
		for (k = 0; k < V.plan->nactions; k++)
			if (same(V.plan->actions[k].objectif, o))
				tally(t, o, NULL, V.suites[k].budget);
	}
}

static void
by_system(struct totals *t)
{
	size_t i;
	int s;

	for (s = 0; s < ECO_NSYS; s++)
		tally(t, sys_keys[s], fmt("%s", sys_name(s)), 0);
	for (i = 0; i < V.plan->nactions; i++)
		if ((s = sys_of(V.plan->actions[i].systeme)) >= 0)
			tally(t, sys_keys[s], NULL, V.suites[i].budget);
}

static void
by_lead(struct totals *t)
{
	const char **orgs = NULL;
	size_t i, n = 0;

	for (i = 0; i < V.plan->nactions; i++)
		add_org(&orgs, &n, key(V.plan->actions[i].responsable));
	if (n)
		qsort(orgs, n, sizeof *orgs, by_string);
	for (i = 0; i < n; i++)
		tally(t, orgs[i], *orgs[i] ? xdup(nom_membre(orgs[i])) :
		    xdup(_("(no lead organisation)")), 0);
	for (i = 0; i < V.plan->nactions; i++)
		tally(t, key(V.plan->actions[i].responsable), NULL,
		    V.suites[i].budget);
	free(orgs);
}

static void
by_funder(struct totals *t)
{
	const char **v;
	long long sum[4];
	size_t i, j, n;

	v = funders(&n);
	for (i = 0; i < n; i++) {
		long long tot = 0;

		funder_sums(v[i], sum);
		for (j = 0; j < 4; j++)
			tot += sum[j];
		tally(t, v[i], funder_name(v[i]), tot);
	}
	free(v);
}

/* Whether action i has dates to spread its budget over. */
static int
dated(size_t i)
{
	const struct eco_action_view *a = &V.plan->actions[i];

	return a->debut_eff && a->fin_eff && strcmp(a->fin_eff, a->debut_eff) >= 0;
}

/* Each action's budget over calendar years, pro rata of its days;
 * actions without dates go to a line of their own. */
static void
by_year(struct totals *t)
{
	int y0 = INT_MAX, y1 = INT_MIN, y, k, ny;
	long long *part;
	char year[16];
	size_t i, span;

	for (i = 0; i < V.plan->nactions; i++)
		if (dated(i)) {
			if ((y = atoi(V.plan->actions[i].debut_eff)) < y0)
				y0 = y;
			if ((y = atoi(V.plan->actions[i].fin_eff)) > y1)
				y1 = y;
		}
	for (y = y0; y <= y1; y++) {
		snprintf(year, sizeof year, "%d", y);
		tally(t, year, xdup(year), 0);
	}
	span = y1 >= y0 ? (size_t)(y1 - y0) + 1 : 0;
	part = xrealloc(NULL, (span + 1) * sizeof *part);
	for (i = 0; i < V.plan->nactions; i++) {
		const struct eco_action_view *a = &V.plan->actions[i];

		if (!dated(i) || (ny = eco_money_split_years(V.suites[i].budget,
		    a->debut_eff, a->fin_eff, part, span)) < 0) {
			tally(t, "", xdup(_("(no dates)")), V.suites[i].budget);
			continue;
		}
		for (k = 0; k < ny; k++) {
			snprintf(year, sizeof year, "%d", atoi(a->debut_eff) + k);
			tally(t, year, NULL, part[k]);
		}
	}
	free(part);
}

static void
vue_budget(struct eco_report *r)
{
	struct totals t = { NULL, 0 };
	struct eco_table *data;
	char m[ECO_MONEY_BUFSZ], *s;

	eco_report_heading(r, 1, _("Budget"));
	s = fmt(_("Total budget of the plan: %s."), money(V.total, m));
	eco_report_para(r, s);
	free(s);
	data = table(r, "vue-budget", NULL, ECO_SHOW_DATA, data_budget,
	    NCOLS(data_budget));
	by_objective(&t);
	totals_table(r, data, "objectif", _("By objective"), _("Objective"),
	    &t, 1);
	by_system(&t);
	totals_table(r, data, "systeme", _("By system"), _("System"), &t, 0);
	by_lead(&t);
	totals_table(r, data, "responsable", _("By lead organisation"),
	    _("Lead"), &t, 1);
	by_funder(&t);
	totals_table(r, data, "bailleur", _("By funder"), _("Funder"), &t, 1);
	by_year(&t);
	totals_table(r, data, "annee", _("By year"), _("Year"), &t, 0);
	eco_report_para(r, _("An action's budget is split between calendar "
	    "years in proportion to its days in each year, to the cent; the "
	    "cents left over go to the years with the largest remainders."));
	eco_table_row(data);
	eco_table_text(data, DG_PAR, "total");
	eco_table_money(data, DG_MONTANT, V.total);
}

/* Main. */

static unsigned
parse_vue(const char *arg)
{
	int i;

	for (i = 0; i < NVUES; i++)
		if (strcmp(arg, vue_names[i]) == 0)
			return 1u << i;
	cli_usage_error(usage, _("unknown view « %s » (expected: %s)"), arg,
	    "objectifs, partenaires, bailleurs, calendrier, budget");
}

static enum eco_rformat
rformat(enum cli_format f)
{
	switch (f) {
	case FMT_MD: return ECO_R_MD;
	case FMT_HTML: return ECO_R_HTML;
	case FMT_CSV: return ECO_R_CSV;
	case FMT_JSON: return ECO_R_JSON;
	case FMT_YAML: return ECO_R_YAML;
	default: return ECO_R_TEXTE;
	}
}

/* Operands, or the project's plan.yaml. */
static char **
inputs(int argc, char **argv, const char *root, struct eco_diags *d)
{
	char *one[1];
	char **paths;

	if (argc > 0)
		return cli_expand(argc, argv, d);
	if (!root)
		cli_usage_error(usage, "%s",
		    _("no eco project here (no eco.yaml in this folder or above); "
		    "name a plan file, or - for standard input"));
	one[0] = path_in(root, "plan.yaml");
	paths = cli_expand(1, one, d);
	free(one[0]);
	return paths;
}

static void (*const vues[NVUES])(struct eco_report *) = {
	vue_objectifs, vue_partenaires, vue_bailleurs, vue_calendrier, vue_budget
};

static void
report(struct eco_diags *d)
{
	struct eco_report *r;
	int i;

	/* TRANSLATORS: the language tag of the HTML page ("fr-CA"). */
	r = eco_report_new(_("en"), V.plan->titre ? V.plan->titre :
	    _("Overview of the action plan"));
	if (!r) {
		perror(cli_prog);
		exit(ECO_EXIT_SYS);
	}
	intro(r);
	for (i = 0; i < NVUES; i++)
		if (!opt.vues || (opt.vues & 1u << i))
			vues[i](r);
	eco_report_write(stdout, r, rformat(opt.fmt), d);
	eco_report_free(r);
}

static void
au_date(const char *arg)
{
	time_t now;
	struct tm tm;

	if (arg) {
		if (!eco_format_date(arg, strlen(arg)))
			cli_usage_error(usage,
			    _("--au expects a date AAAA-MM-JJ, not « %s »"), arg);
		snprintf(opt.au, sizeof opt.au, "%s", arg);
		return;
	}
	now = time(NULL);
	if (!localtime_r(&now, &tm) ||
	    strftime(opt.au, sizeof opt.au, "%Y-%m-%d", &tm) != 10)
		strcpy(opt.au, "1970-01-01");
}

static void
cleanup(void)
{
	size_t i;

	eco_plan_free(V.plan);
	for (i = 0; i < V.nkept; i++)
		eco_doc_free(V.kept[i]);
	free(V.kept);
	free(V.suites);
	free(V.objs);
	free(V.membres);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'o' },
		{ "vue", required_argument, NULL, 'v' },
		{ "au", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *au = NULL, *root;
	struct eco_diags d;
	char **paths;
	int c;

	cli_init("eco-vue");
	while ((c = getopt_long(argc, argv, "C:ho:V", longopts, NULL)) != -1)
		switch (c) {
		case 'C': opt.dir = optarg; break;
		case 'a': au = optarg; break;
		case 'o':
			opt.fmt = cli_format(optarg, 1u << FMT_TEXTE | 1u << FMT_MD |
			    1u << FMT_HTML | 1u << FMT_CSV | 1u << FMT_JSON |
			    1u << FMT_YAML, usage);
			break;
		case 'v': opt.vues |= parse_vue(optarg); break;
		case 'h':
			cli_help(usage, "eco-vue --vue budget -o html > vue.html");
		case 'V':
			cli_version();
		default:
			cli_usage_error(usage, NULL);
		}
	au_date(au);
	if (opt.dir && chdir(opt.dir) < 0) {
		fprintf(stderr, "%s: %s: %s\n", cli_prog, opt.dir, strerror(errno));
		return ECO_EXIT_SYS;
	}
	eco_diags_init(&d);
	root = project(argc - optind, argv + optind);
	paths = inputs(argc - optind, argv + optind, root, &d);
	if (!(V.plan = eco_plan_new())) {
		perror(cli_prog);
		return ECO_EXIT_SYS;
	}
	read_inputs(paths, &d);
	cli_free_paths(paths);
	if (d.nerr == 0 && !d.sys && V.plan->nplans + V.plan->nobjectifs +
	    V.plan->ntransformations + V.plan->nindicateurs +
	    V.plan->nactions == 0)
		eco_diag_add(&d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no plan in the input (kind: plan, or the records of eco-plan)"));
	check_plan(&d);
	if (root) {
		read_suivis(root, &d);
		read_membres(root, &d);
	}
	if (d.nerr == 0 && !d.sys) {
		model();
		report(&d);
	}
	cleanup();
	c = cli_finish(&d);
	eco_diags_free(&d);
	return c;
}
