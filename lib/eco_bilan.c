/*
 * eco_bilan.c - a regroupement's year for its funders and partners
 * (eco-bilan annee), and a region's roll-up across regroupements
 * (eco-bilan region).
 *
 * Nothing here computes a figure of its own: states, budgets, reach,
 * results, decisions and scores are those of eco_suivi, eco_budget,
 * eco_evaluation, eco_diagnostic and eco_cycle.  The year takes them on
 * its last day and, for money spent, on the day before its first, so
 * that what was spent within the period is the difference.  The region
 * opens one project at a time, checks it whole as eco-validate does,
 * keeps its row and adds it to the sums, then closes it: memory grows
 * with the distinct factors and funders, not with the projects.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

const char *const *
eco_project_kinds(void)
{
	static const char *v[64];
	static size_t m;
	const struct eco_kind *k;
	size_t n, i;

	if (m)
		return v;
	k = eco_kinds(&n);
	for (i = 0; i < n && m + 1 < sizeof v / sizeof *v; i++)
		if (k[i].home)
			v[m++] = k[i].name;
	v[m] = NULL;
	return v;
}

static char *
dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The day of the records of p: today, or its latest follow-up or
 * evaluation when later (eco_records_day). */
static const char *
records_day(struct eco_project *p, char *buf)
{
	const struct eco_doc *const *s, *const *e;
	const struct eco_doc **all;
	const char *day;
	size_t ns, ne, i;

	s = eco_project_docs(p, "suivi", &ns);
	e = eco_project_docs(p, "evaluation", &ne);
	if (!(all = calloc(ns + ne + 1, sizeof *all)))
		return NULL;
	for (i = 0; i < ns; i++)
		all[i] = s[i];
	for (i = 0; i < ne; i++)
		all[ns + i] = e[i];
	day = eco_records_day(all, ns + ne, buf);
	free(all);
	return day;
}

/* Day d of month m of year y, the 28th when the month is shorter. */
static void
day_of(char *out, int y, int m, int d)
{
	char buf[48];

	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	if (!eco_format_date(buf, strlen(buf)))
		snprintf(buf, sizeof buf, "%04d-%02d-28", y, m);
	snprintf(out, ECO_DATE_BUFSZ, "%.10s", buf);
}

const char *
eco_annee_start(const struct eco_plan *plan, const char *au, char *buf)
{
	int y, m, d, py, pm, pd, yy;
	char from[ECO_DATE_BUFSZ];

	if (eco_date_ymd(au, &y, &m, &d) < 0)
		return NULL;
	if (plan && plan->debut && strcmp(plan->debut, au) <= 0 &&
	    eco_date_ymd(plan->debut, &py, &pm, &pd) == 0) {
		/* the plan's years start on the day its period does */
		for (yy = y; yy >= py; yy--) {
			day_of(from, yy, pm, pd);
			if (strcmp(from, au) <= 0 && strcmp(from, plan->debut) >= 0)
				break;
		}
		snprintf(buf, ECO_DATE_BUFSZ, "%s", yy < py ? plan->debut : from);
		return buf;
	}
	/* else the twelve months that end on au */
	day_of(from, y - 1, m, d);
	return eco_date_add(from, 1, buf);
}

int
eco_annee_in(const struct eco_annee *a, const char *date)
{
	return date && strcmp(date, a->du) >= 0 && strcmp(date, a->au) <= 0;
}

struct eco_annee *
eco_annee_open(struct eco_project *p, const char *du, const char *au,
    struct eco_diags *d)
{
	struct eco_annee *a;
	const struct eco_node *root;
	size_t n;

	if (eco_project_check(p, eco_project_kinds(), d) > 0 || d->sys)
		return NULL;
	if (!(a = calloc(1, sizeof *a)))
		goto oom;
	a->project = p;
	if (au)
		snprintf(a->aubuf, sizeof a->aubuf, "%s", au);
	else if (!records_day(p, a->aubuf))
		goto oom;
	a->au = a->aubuf;
	eco_project_docs(p, "plan", &n);
	if (n) {
		if (!(a->plan = eco_suivi_plan(p, 0, NULL, a->au, &root, d)))
			goto fail;
		if (!(a->budget = eco_budget_new(a->plan, p, d)))
			goto fail;
	} else if (!(a->plan = eco_plan_new()))
		goto oom;
	if (du)
		snprintf(a->dubuf, sizeof a->dubuf, "%s", du);
	else if (!eco_annee_start(a->plan, a->au, a->dubuf))
		snprintf(a->dubuf, sizeof a->dubuf, "%s", a->au);
	a->du = a->dubuf;
	if (strcmp(a->du, a->au) > 0) {
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("the period starts on %s, after its end %s"), a->du, a->au);
		goto fail;
	}
	eco_date_add(a->du, -1, a->veille);
	a->suivis = eco_project_docs(p, "suivi", &a->nsuivis);
	a->evals = eco_project_docs(p, "evaluation", &a->nevals);
	if (!a->suivis)
		a->nsuivis = 0;
	if (!a->evals)
		a->nevals = 0;
	if (!(a->cycle = eco_cycle_load(d)) ||
	    !(a->state = eco_state_of(a->cycle, p, d)) ||
	    !(a->rencontres = eco_rencontres_read(p, a->state, d)) ||
	    !(a->facteurs = eco_facteurs_of(p, d)) ||
	    !(a->questionnaire = eco_questionnaire_load(d)))
		goto fail;
	{
		const struct eco_doc *const *dg;

		dg = eco_project_docs(p, "diagnostic", &n);
		if (!(a->sessions = eco_sessions_new(a->questionnaire, dg,
		    dg ? n : 0)))
			goto oom;
	}
	if (a->budget && !(a->states = eco_suivi_states(p, a->plan, a->au)))
		goto oom;
	if (!(a->resultats = eco_resultats_new(a->plan, a->evals, a->nevals,
	    a->au)))
		goto oom;
	return a;
oom:
	eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
fail:
	eco_annee_free(a);
	return NULL;
}

void
eco_annee_free(struct eco_annee *a)
{
	if (!a)
		return;
	eco_resultats_free(a->resultats);
	free(a->states);
	eco_sessions_free(a->sessions);
	eco_questionnaire_free(a->questionnaire);
	eco_facteurs_free(a->facteurs);
	eco_rencontres_free(a->rencontres);
	eco_state_free(a->state);
	eco_cycle_free(a->cycle);
	eco_budget_free(a->budget);
	eco_plan_free(a->plan);
	free(a);
}

void
eco_annee_action(const struct eco_annee *a, size_t i,
    struct eco_annee_fait *out)
{
	const struct eco_action_view *x = &a->plan->actions[i];
	struct eco_bilan before;
	size_t k;

	memset(out, 0, sizeof *out);
	eco_suivi_bilan(x, a->suivis, a->nsuivis, a->au, &out->bilan);
	eco_suivi_bilan(x, a->suivis, a->nsuivis, a->veille, &before);
	out->depense = out->bilan.depense - before.depense;
	for (k = 0; k < a->nsuivis; k++) {
		const struct eco_node *s = a->suivis[k]->root;
		const char *id = eco_map_str(s, "action");
		const char *day = eco_map_date(s, "date");

		if (!id || !x->id || strcmp(id, x->id) != 0 ||
		    !eco_annee_in(a, day))
			continue;
		out->nsuivis++;
		if (!out->dernier || strcmp(day, eco_map_date(out->dernier->root,
		    "date")) >= 0)
			out->dernier = a->suivis[k];
	}
}

struct eco_annee_sum *
eco_annee_sums(const struct eco_annee *a, int k, size_t *nout)
{
	struct eco_suivi_sum *now, *before;
	struct eco_annee_sum *v;
	size_t n, nb, i;

	*nout = 0;
	if (!a->budget)
		return calloc(1, sizeof *v);
	now = eco_suivi_sums(a->plan, a->budget, k, a->suivis, a->nsuivis,
	    a->au, &n);
	before = eco_suivi_sums(a->plan, a->budget, k, a->suivis, a->nsuivis,
	    a->veille, &nb);
	if (!now || !before || nb != n || !(v = calloc(n + 1, sizeof *v))) {
		free(now), free(before);
		*nout = (size_t)-1;
		return NULL;
	}
	for (i = 0; i <= n; i++) {
		v[i].key = now[i].key;
		v[i].name = now[i].name;
		v[i].prevu = now[i].prevu;
		v[i].avant = before[i].depense;
		v[i].periode = now[i].depense - before[i].depense;
		v[i].depense = now[i].depense;
	}
	free(now), free(before);
	*nout = n;
	return v;
}

size_t
eco_annee_mesures(const struct eco_annee *a, const struct eco_resultat *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nmesures; i++)
		n += eco_annee_in(a, r->mesures[i].date);
	return n;
}

/* The region. */

/* The factors a project retained, each once: its plan's objectives',
 * else its priorities' (as eco_state counts them), into *out. */
static int
retained(struct eco_project *p, const struct eco_plan *plan,
    const char ***out, size_t *n)
{
	const struct eco_doc *const *docs;
	struct eco_obj_draft *dr;
	struct eco_pris *pr;
	size_t i, j, nd, m;
	const char **v;

	*n = 0;
	m = plan ? plan->nobjectifs : 0;
	docs = eco_project_docs(p, "priorite", &nd);
	if (!docs)
		nd = 0;
	if (!(pr = eco_pris_new(docs, nd)))
		return -1;
	dr = eco_obj_drafts(pr, &nd);
	if (nd == (size_t)-1 || !(v = calloc(m + nd + 1, sizeof *v))) {
		eco_pris_free(pr);
		return -1;
	}
	for (i = 0; i < m; i++) {
		const char *f = plan->objectifs[i].facteur;

		for (j = 0; f && j < *n && strcmp(v[j], f) != 0; j++)
			;
		if (f && j == *n)
			v[(*n)++] = f;
	}
	/* the priorities' factors live in their documents, which the
	 * project keeps */
	for (i = 0; !*n && i < nd; i++)
		v[(*n)++] = dr[i].facteur;
	eco_obj_drafts_free(dr, nd);
	eco_pris_free(pr);
	*out = v;
	return 0;
}

static struct eco_region_total *
total_of(struct eco_region_total **v, size_t *n, const char *key,
    const char *name)
{
	struct eco_region_total *t;
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].key, key) == 0) {
			if (!(*v)[i].name && name)
				(*v)[i].name = dup(name);
			return &(*v)[i];
		}
	if (!(t = realloc(*v, (*n + 1) * sizeof *t)))
		return NULL;
	*v = t;
	t += (*n)++;
	memset(t, 0, sizeof *t);
	t->key = dup(key);
	t->name = dup(name);
	if (!t->key || (name && !t->name))
		return NULL;
	return t;
}

struct eco_region *
eco_region_new(struct eco_diags *d)
{
	struct eco_region *g = calloc(1, sizeof *g);
	size_t i;

	if (!g) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	if (!(g->cycle = eco_cycle_load(d)) ||
	    !(g->questionnaire = eco_questionnaire_load(d)) ||
	    !(g->catalogue = eco_facteurs_of(NULL, d)) ||
	    !(g->etapes = calloc(g->cycle->nstages + 1, sizeof *g->etapes))) {
		eco_region_free(g);
		return NULL;
	}
	for (i = 0; i < ECO_NCONDITIONS; i++)
		g->conditions[i].min = -1;
	return g;
}

void
eco_region_free(struct eco_region *g)
{
	size_t i;

	if (!g)
		return;
	for (i = 0; i < g->nfacteurs; i++)
		free(g->facteurs[i].key), free(g->facteurs[i].name);
	for (i = 0; i < g->nbailleurs; i++)
		free(g->bailleurs[i].key), free(g->bailleurs[i].name);
	free(g->facteurs);
	free(g->bailleurs);
	free(g->etapes);
	eco_facteurs_free(g->catalogue);
	eco_questionnaire_free(g->questionnaire);
	eco_cycle_free(g->cycle);
	free(g);
}

void
eco_region_row_free(struct eco_region_row *r)
{
	size_t i;

	for (i = 0; i < r->nfacteurs; i++)
		free(r->facteurs[i]), free(r->facteurs_noms[i]);
	for (i = 0; i < r->nobjectifs; i++)
		free(r->objectifs[i]), free(r->objectifs_libelles[i]);
	free(r->facteurs), free(r->facteurs_noms);
	free(r->objectifs), free(r->objectifs_libelles);
	free(r->dir), free(r->nom);
	memset(r, 0, sizeof *r);
}

/* The row's lists: its retained factors and its plan's objectives. */
static int
row_lists(struct eco_region_row *r, struct eco_project *p,
    const struct eco_plan *plan, const struct eco_facteurs *F)
{
	const char **f = NULL;
	size_t nf, i;

	if (retained(p, plan, &f, &nf) < 0)
		return -1;
	r->facteurs = calloc(nf + 1, sizeof *r->facteurs);
	r->facteurs_noms = calloc(nf + 1, sizeof *r->facteurs_noms);
	if (!r->facteurs || !r->facteurs_noms)
		goto oom;
	for (i = 0; i < nf; i++) {
		const struct eco_facteur *x;
		const char *nm = eco_ct_facteur(F, f[i], &x);

		r->facteurs[i] = dup(f[i]);
		r->facteurs_noms[i] = dup(nm ? nm : f[i]);
		r->nfacteurs++;
		if (!r->facteurs[i] || !r->facteurs_noms[i])
			goto oom;
	}
	free(f);
	f = NULL;
	i = plan ? plan->nobjectifs : 0;
	r->objectifs = calloc(i + 1, sizeof *r->objectifs);
	r->objectifs_libelles = calloc(i + 1, sizeof *r->objectifs_libelles);
	if (!r->objectifs || !r->objectifs_libelles)
		goto oom;
	for (i = 0; plan && i < plan->nobjectifs; i++) {
		const struct eco_objectif_view *o = &plan->objectifs[i];

		r->objectifs[i] = dup(o->id ? o->id : "");
		r->objectifs_libelles[i] = dup(o->libelle ? o->libelle :
		    o->id ? o->id : "");
		r->nobjectifs++;
		if (!r->objectifs[i] || !r->objectifs_libelles[i])
			goto oom;
	}
	return 0;
oom:
	free(f);
	return -1;
}

/* What the project's plan gives the row: money, actions, indicators. */
static int
row_plan(struct eco_region_row *r, struct eco_project *p,
    struct eco_plan *plan, struct eco_budget *b)
{
	const struct eco_doc *const *s, *const *e;
	struct eco_suivi_state *st;
	struct eco_resultats *res;
	struct eco_suivi_sum *all;
	size_t ns, ne, i, n;

	s = eco_project_docs(p, "suivi", &ns);
	e = eco_project_docs(p, "evaluation", &ne);
	if (!s)
		ns = 0;
	if (!e)
		ne = 0;
	r->has_plan = 1;
	r->budget = b->total;
	if (!(all = eco_suivi_sums(plan, b, ECO_BY_SYSTEME, s, ns, r->au, &n)))
		return -1;
	r->depense = all[n].depense;
	free(all);
	if (!(st = eco_suivi_states(p, plan, r->au)))
		return -1;
	r->nactions = plan->nactions;
	for (i = 0; i < plan->nactions; i++) {
		r->late += st[i].late;
		r->silent += st[i].manquants > 0;
	}
	free(st);
	if (!(res = eco_resultats_new(plan, e, ne, r->au)))
		return -1;
	r->nindicateurs = res->n;
	for (i = 0; i < res->n; i++) {
		r->mesures += res->v[i].nmesures > 0;
		r->atteints += res->v[i].derniere &&
		    res->v[i].lecture == ECO_LECT_ATTEINTE;
	}
	eco_resultats_free(res);
	return 0;
}

/* The funders' and systems' money of a valid project, added up. */
static int
add_money(struct eco_region *g, struct eco_project *p,
    const struct eco_plan *plan, const struct eco_budget *b,
    const char *au)
{
	const struct eco_doc *const *s;
	struct eco_suivi_sum *v;
	struct eco_region_total *t;
	size_t ns, n, i;

	s = eco_project_docs(p, "suivi", &ns);
	if (!s)
		ns = 0;
	if (!(v = eco_suivi_sums(plan, b, ECO_BY_BAILLEUR, s, ns, au, &n)))
		return -1;
	for (i = 0; i < n; i++) {
		if (!v[i].prevu && !v[i].depense)
			continue;
		if (!(t = total_of(&g->bailleurs, &g->nbailleurs, v[i].key,
		    *v[i].key ? v[i].name : NULL))) {
			free(v);
			return -1;
		}
		if (eco_money_add(&t->prevu, v[i].prevu) < 0 ||
		    eco_money_add(&t->depense, v[i].depense) < 0) {
			free(v);
			return -2;
		}
		t->ngroupes++;
	}
	free(v);
	if (!(v = eco_suivi_sums(plan, b, ECO_BY_SYSTEME, s, ns, au, &n)))
		return -1;
	for (i = 0; i < n && i < ECO_NSYS; i++)
		if (eco_money_add(&g->systemes[i].prevu, v[i].prevu) < 0 ||
		    eco_money_add(&g->systemes[i].depense, v[i].depense) < 0) {
			free(v);
			return -2;
		}
		else
			g->systemes[i].ngroupes += v[i].prevu > 0;
	if (eco_money_add(&g->prevu, v[n].prevu) < 0 ||
	    eco_money_add(&g->depense, v[n].depense) < 0) {
		free(v);
		return -2;
	}
	free(v);
	return 0;
}

/* The row of a valid project added to the sums. */
static int
add_row(struct eco_region *g, const struct eco_region_row *r,
    const struct eco_session *ses)
{
	struct eco_region_total *t;
	size_t i;

	g->nvalides++;
	g->etapes[r->etape_index]++;
	for (i = 0; i < r->nfacteurs; i++) {
		if (!(t = total_of(&g->facteurs, &g->nfacteurs, r->facteurs[i],
		    r->facteurs_noms[i])))
			return -1;
		t->ngroupes++;
	}
	g->nactions += r->nactions;
	g->late += r->late;
	g->silent += r->silent;
	g->nindicateurs += r->nindicateurs;
	g->mesures += r->mesures;
	g->atteints += r->atteints;
	g->nobjectifs += r->nobjectifs;
	g->avec_plan += r->has_plan;
	for (i = 0; ses && i < ECO_NCONDITIONS; i++) {
		struct eco_region_condition *c = &g->conditions[i];
		int s = ses->conditions[i].score;

		if (s < 0)
			continue;
		c->sum += s;
		c->n++;
		if (c->min < 0 || s < c->min)
			c->min = s;
		c->faibles += s < 100;
	}
	g->avec_diagnostic += ses != NULL;
	return 0;
}

int
eco_region_add(struct eco_region *g, const char *dir, const char *au,
    struct eco_region_row *r, struct eco_diags *d)
{
	struct eco_project *p;
	struct eco_plan *plan = NULL;
	struct eco_budget *b = NULL;
	struct eco_facteurs *F = NULL;
	struct eco_state *st = NULL;
	struct eco_sessions *ss = NULL;
	const struct eco_session *ses = NULL;
	const struct eco_doc *const *docs;
	const struct eco_node *root;
	struct eco_diags mine;
	size_t n, i;
	int rc = -1;

	memset(r, 0, sizeof *r);
	for (i = 0; i < ECO_NCONDITIONS; i++)
		r->conditions[i] = -1;
	g->nprojets++;
	eco_diags_init(&mine);
	if (!(r->dir = dup(dir)) || !(p = eco_project_at(dir, &mine))) {
		eco_diags_free(&mine);
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	/* a project is judged whole, as eco-validate judges it */
	r->nerr = eco_project_check(p, eco_project_kinds(), &mine);
	if (!eco_project_name(p) && !r->nerr) {
		struct stat sb;

		eco_diag_add(&mine, dir, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    stat(dir, &sb) < 0 ? strerror(errno) : !S_ISDIR(sb.st_mode) ?
		    _("not a folder: a region's projects are folders") :
		    _("no eco.yaml here: this folder is no project"));
		r->nerr = 1;
	}
	r->nom = dup(eco_project_name(p));
	if (r->nerr || mine.sys) {
		r->nerr += !r->nerr;
		rc = mine.sys ? -1 : 0;
		goto done;
	}
	if (au)
		snprintf(r->au, sizeof r->au, "%s", au);
	else if (!records_day(p, r->au))
		goto done;
	if (!(st = eco_state_of(g->cycle, p, &mine)) ||
	    !(F = eco_facteurs_of(p, &mine)))
		goto done;
	r->etape = st->stage->id;
	r->etape_nom = st->stage->name;
	r->etape_index = (size_t)(st->stage - g->cycle->stages);
	r->ndone = st->ndone;
	r->ncycle = g->cycle->nobjectives;
	docs = eco_project_docs(p, "plan", &n);
	if (docs && n) {
		if (!(plan = eco_suivi_plan(p, 0, NULL, r->au, &root, &mine)) ||
		    !(b = eco_budget_new(plan, p, &mine)))
			goto done;
		if (row_plan(r, p, plan, b) < 0)
			goto oom;
	}
	if (row_lists(r, p, plan, F) < 0)
		goto oom;
	docs = eco_project_docs(p, "diagnostic", &n);
	if (!(ss = eco_sessions_new(g->questionnaire, docs, docs ? n : 0)))
		goto oom;
	if ((ses = eco_sessions_latest(ss)))
		for (i = 0; i < ECO_NCONDITIONS; i++)
			r->conditions[i] = ses->conditions[i].score;
	if (b && (i = (size_t)-add_money(g, p, plan, b, r->au)) != 0) {
		if (i == 1)
			goto oom;
		eco_diag_add(d, dir, 0, 0, ECO_SEV_ERROR, "plan", "%s",
		    _("the region's totals would overflow"));
		goto done;
	}
	if (add_row(g, r, ses) < 0)
		goto oom;
	rc = 0;
	goto done;
oom:
	eco_diag_sys(&mine, NULL, "%s", strerror(ENOMEM));
done:
	if (rc < 0 && !mine.sys && !mine.nerr)
		eco_diag_sys(&mine, NULL, "%s", strerror(ENOMEM));
	eco_diags_append(d, &mine);
	eco_diags_free(&mine);
	eco_sessions_free(ss);
	eco_facteurs_free(F);
	eco_state_free(st);
	eco_budget_free(b);
	eco_plan_free(plan);
	eco_project_close(p);
	return rc;
}

/* Weakest first: the lowest mean, then the most groups below 1, then
 * the method's order. */
size_t
eco_region_weakest(const struct eco_region *g, int *order)
{
	size_t i, j, n = 0;

	for (i = 0; i < ECO_NCONDITIONS; i++)
		if (g->conditions[i].n)
			order[n++] = (int)i;
	for (i = 1; i < n; i++)
		for (j = i; j > 0; j--) {
			const struct eco_region_condition *a =
			    &g->conditions[order[j - 1]];
			const struct eco_region_condition *b =
			    &g->conditions[order[j]];
			long long x = a->sum * (long long)b->n;
			long long y = b->sum * (long long)a->n;
			int t;

			if (x < y || (x == y && a->faibles >= b->faibles))
				break;
			t = order[j - 1], order[j - 1] = order[j], order[j] = t;
		}
	return n;
}

int
eco_region_condition_score(const struct eco_region_condition *c)
{
	return c->n ? (int)((c->sum + (long long)c->n / 2) / (long long)c->n) :
	    -1;
}

/* By number of groups, then the fiches' order as first met. */
void
eco_region_sort(struct eco_region *g)
{
	size_t i, j;

	for (i = 1; i < g->nfacteurs; i++)
		for (j = i; j > 0 && g->facteurs[j - 1].ngroupes <
		    g->facteurs[j].ngroupes; j--) {
			struct eco_region_total t = g->facteurs[j - 1];

			g->facteurs[j - 1] = g->facteurs[j];
			g->facteurs[j] = t;
		}
}
