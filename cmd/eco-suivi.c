/*
 * eco-suivi - the follow-up of the plan's actions (Outil 11): what is
 * due, the sheets to fill, the sheets received, what is late, and what
 * was done against what was planned.
 *
 * eco_suivi_plan reads and checks the plan and suivis/; which date a
 * follow-up answers, what is missing, adjustments and reach are
 * eco_suivi's, money and names eco_budget's.  recois checks each sheet
 * in a project opened for it alone, so that a sheet written into suivis/
 * is not met again as an operand.
 */
#define _GNU_SOURCE	/* vasprintf */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define U_AFAIRE "eco-suivi a-faire [-o yaml|json|texte] [--au DATE] " \
	"[--responsable ID]"
#define U_FEUILLE "eco-suivi feuille [-o yaml|md|html] [--au DATE] " \
	"[--echeance DATE] ACTION"
#define U_FEUILLES "eco-suivi feuilles [-o yaml|md|html] [--au DATE] " \
	"[--responsable ID]"
#define U_RECOIS "eco-suivi recois [-n] [--au DATE] FICHIER..."
#define U_RETARDS "eco-suivi retards [-o texte|md|html|csv|json] [--au DATE]"
#define U_BILAN "eco-suivi bilan [-o texte|md|html|csv|json] [--au DATE]"
#define NEXT "\n        "

enum { O_ECHEANCE = 1, O_DRY };

static struct eco_diags D;
static struct eco_project *P;
static struct eco_plan *PL;
static struct eco_budget *B;
static const struct eco_doc *const *S;	/* the project's follow-ups */
static size_t NS;
static const char *echeance;		/* feuille --echeance */
static int dry;				/* recois -n */

static _Noreturn void
oom(void)
{
	eco_diag_sys(&D, NULL, "%s", strerror(ENOMEM));
	exit(cli_finish(&D));
}

/* Text built with printf, until the 16th next call. */
static const char *
fmt(const char *f, ...)
{
	static char *ring[16];
	static size_t k;
	va_list ap;
	char *s;

	va_start(ap, f);
	if (vasprintf(&s, f, ap) < 0)
		oom();
	va_end(ap);
	k = (k + 1) % 16;
	free(ring[k]);
	return ring[k] = s;
}

static const char *
money(long long cents)
{
	char m[ECO_MONEY_BUFSZ];

	return fmt("%s", eco_money_format(cents, ECO_MONEY_PRINT, m));
}

/* What people call organisation id. */
static const char *
org(const char *id)
{
	const char *t = id ? eco_project_title(P, "organisme", id) : NULL;

	return t ? t : id ? id : _("(no lead organisation)");
}

static const char *
title(const struct eco_action_view *a)
{
	return a->titre ? a->titre : a->id;
}

/* The project, its plan and follow-ups, checked; 0, or -1 (recorded). */
static int
open_plan(void)
{
	const struct eco_node *root;

	if (!(P = eco_project_open(cli_project(), &D)))
		oom();
	if (!(PL = eco_suivi_plan(P, 0, NULL, &root, &D)) ||
	    !(B = eco_budget_new(PL, P, &D)))
		return -1;
	S = eco_project_docs(P, "suivi", &NS);
	return 0;
}

static int
finish(int rc)
{
	int end = cli_finish(&D);

	eco_budget_free(B);
	eco_plan_free(PL);
	eco_project_close(P);
	eco_diags_free(&D);
	return rc > end ? rc : end;
}

static int
write_report(struct eco_report *r)
{
	if (eco_report_failed(r))
		oom();
	eco_report_write(stdout, r, cli.rformat, &D);
	eco_report_free(r);
	return 0;
}

/* The missing follow-ups on the day, in date then plan order. */
static int
by_date(const void *x, const void *y)
{
	const struct eco_due *a = x, *b = y;
	int c = strcmp(a->date, b->date);

	return c ? c : a->action < b->action ? -1 : a->action > b->action;
}

static struct eco_due *
missing(size_t *n, const char *responsable)
{
	struct eco_due *v = eco_suivi_dues(PL, S, NS, cli.au, n);
	size_t i, m = 0;

	if (*n == (size_t)-1)
		oom();
	for (i = 0; i < *n; i++) {
		const char *r = PL->actions[v[i].action].responsable;

		if (!v[i].suivi && (!responsable ||
		    (r && strcmp(r, responsable) == 0)))
			v[m++] = v[i];
	}
	if (m)
		qsort(v, m, sizeof *v, by_date);
	*n = m;
	return v;
}

/* a-faire */

static struct eco_doc *
due_record(const struct eco_due *u)
{
	const struct eco_action_view *a = &PL->actions[u->action];
	struct eco_doc *d = eco_doc_new("-");
	struct eco_node *m = d ? eco_node_map(d) : NULL;

	if (!m || eco_map_put(d, m, "kind", eco_node_str(d, "suivi-attendu")) ||
	    eco_map_put(d, m, "version", eco_node_int(d, 1)) ||
	    eco_map_put(d, m, "id", eco_node_str(d, fmt("%s-%s", a->id,
	    u->date))) ||
	    eco_map_put(d, m, "libelle", eco_node_str(d, fmt(_("Follow-up of "
	    "the action %s, due on %s"), title(a), u->date))) ||
	    eco_map_put(d, m, "action", eco_node_str(d, a->id)) ||
	    eco_map_put(d, m, "echeance", eco_node_str(d, u->date)) ||
	    (a->responsable && eco_map_put(d, m, "responsable",
	    eco_node_str(d, a->responsable))) ||
	    eco_map_put(d, m, "jours_de_retard", eco_node_int(d, u->late)))
		oom();
	d->root = m;
	return d;
}

static int
run_afaire(int argc, char **argv)
{
	struct eco_report *r = NULL;
	struct eco_table *t = NULL;
	struct eco_due *v;
	struct eco_doc *doc;
	size_t i, n;

	(void)argc, (void)argv;
	if (open_plan() < 0)
		return finish(0);
	v = missing(&n, cli.responsable);
	if (cli.format == FMT_TEXTE && n) {
		if (!(r = eco_report_new(NULL, fmt(_("Follow-ups due on %s"),
		    cli.au))))
			oom();
		t = eco_report_table(r, "suivi-attendu", NULL, ECO_SHOW_DOC);
		eco_table_column(t, NULL, _("Due"), ECO_COL_NOWRAP, 0);
		eco_table_column(t, NULL, _("Action"), 0, 34);
		eco_table_column(t, NULL, _("Lead"), 0, 22);
		eco_table_column(t, NULL, _("Days late"), ECO_COL_RIGHT, 0);
	}
	for (i = 0; i < n; i++) {
		const struct eco_action_view *a = &PL->actions[v[i].action];

		if (t) {
			eco_table_row(t);
			eco_table_text(t, 0, v[i].date);
			eco_table_text(t, 1, fmt("%s (%s)", title(a), a->id));
			eco_table_text(t, 2, org(a->responsable));
			eco_table_text(t, 3, fmt("%ld", v[i].late));
			continue;
		}
		doc = due_record(&v[i]);
		if (cli.format == FMT_YAML)
			eco_emit_yaml(stdout, doc->root);
		else
			eco_emit_json(stdout, doc->root, doc->file, &D);
		eco_doc_free(doc);
	}
	if (!n)
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL,
		    _("no follow-up due on %s: every date of the calendars "
		    "passed has its follow-up"), cli.au);
	free(v);
	return finish(r ? write_report(r) : 0);
}

/* feuille, feuilles: the sheet of one action for one date. */

/* What the plan says of the action, for the sheet's head. */
struct facts {
	const char *label[12], *value[12];
	size_t n;
};

static void
fact(struct facts *f, const char *label, const char *value)
{
	if (value && *value && f->n < 12) {
		f->label[f->n] = label;
		if (!(f->value[f->n++] = strdup(value)))
			oom();
	}
}

static void
facts_free(struct facts *f)
{
	while (f->n)
		free((char *)f->value[--f->n]);
}

static const char *
partners(const struct eco_action_view *a)
{
	const char *s = NULL;
	size_t i;

	for (i = 0; i < a->npartenaires; i++)
		s = fmt("%s%s%s", s ? s : "", s ? ", " : "",
		    org(a->partenaires[i]));
	return s;
}

static void
facts_of(const struct eco_action_view *a, struct facts *f)
{
	const struct eco_objectif_view *o = eco_plan_objectif(PL, a->objectif);
	const struct eco_total *sy = eco_budget_total(B, ECO_BY_SYSTEME,
	    a->systeme);
	struct eco_bilan b;

	eco_suivi_bilan(a, S, NS, cli.au, &b);
	memset(f, 0, sizeof *f);
	fact(f, _("Action"), fmt("%s (%s)", title(a), a->id));
	fact(f, _("Objective"), o && o->libelle ? o->libelle : a->objectif);
	fact(f, _("System and transformation"), sy ? fmt("%s — %s", sy->name,
	    a->transformation_libelle ? a->transformation_libelle : "") : NULL);
	fact(f, _("Lead"), org(a->responsable));
	fact(f, _("Partners"), partners(a));
	fact(f, _("Period of the action"), a->debut_eff && a->fin_eff ?
	    fmt(_("from %s to %s"), a->debut_eff, a->fin_eff) : NULL);
	fact(f, _("Planned budget"), fmt(_("%s; spent so far according to "
	    "the follow-ups: %s"), money(b.prevu), money(b.depense)));
	fact(f, _("Planned reach"), b.prevus >= 0 ? b.unite ?
	    fmt(_("%lld (%s)"), b.prevus, b.unite) : fmt("%lld", b.prevus) :
	    NULL);
}

/* The adjustments of action i noted before. */
static struct eco_ajustement *
adjustments(size_t i, size_t *n)
{
	struct eco_ajustement *v = eco_suivi_ajustements(PL, S, NS, cli.au, n);
	size_t k, m = 0;

	if (*n == (size_t)-1)
		oom();
	for (k = 0; k < *n; k++)
		if (v[k].action == i)
			v[m++] = v[k];
	*n = m;
	return v;
}

/* The sheet's id: suivi-<action without act->-<month>, or the day when
 * the action has two dates in the month. */
static const char *
sheet_id(const struct eco_action_view *a, const char *date)
{
	const char *base = strncmp(a->id, "act-", 4) == 0 ? a->id + 4 : a->id;
	size_t k, same = 0;

	for (k = 0; k < a->ncalendrier; k++)
		same += strncmp(a->calendrier[k], date, 7) == 0;
	return fmt("suivi-%s-%.*s", base, same > 1 ? 10 : 7, date);
}

/* The period a sheet covers: from the day after the previous date of
 * the calendar (or the action's start) to the date. */
static const char *
period_start(const struct eco_action_view *a, const char *date)
{
	char buf[ECO_DATE_BUFSZ];
	const char *prev = NULL;
	size_t k;

	for (k = 0; k < a->ncalendrier; k++)
		if (strcmp(a->calendrier[k], date) < 0)
			prev = a->calendrier[k];
	if (prev && eco_date_add(prev, 1, buf))
		return fmt("%s", buf);
	return a->debut_eff ? a->debut_eff : date;
}

/* key: value, as the worksheets write it. */
static void
kv(const char *key, const char *value)
{
	struct eco_doc *d = eco_doc_new("-");
	struct eco_node *m = d ? eco_node_map(d) : NULL;

	if (!m || eco_map_put(d, m, key, eco_node_str(d, value)))
		oom();
	eco_sheet_yaml(stdout, m);
	eco_doc_free(d);
}

static void
comment(const char *text)
{
	printf("# %s\n", text);
}

static void
yaml_sheet(size_t i, const char *date)
{
	const struct eco_action_view *a = &PL->actions[i];
	struct eco_ajustement *aj;
	struct facts f;
	size_t k, n;

	facts_of(a, &f);
	comment(fmt(_("Follow-up of the action (Outil 11), due on %s, to fill "
	    "by %s and send back to the group."), date, org(a->responsable)));
	comment("");
	for (k = 0; k < f.n; k++)
		comment(fmt(_("%s: %s"), f.label[k], f.value[k]));
	aj = adjustments(i, &n);
	for (k = 0; k < n; k++)
		comment(fmt(_("Adjustment noted on %s: %s (%s)"),
		    aj[k].propose_le, aj[k].texte, eco_ajust_label(aj[k].etat,
		    1)));
	comment("");
	comment(_("Fill the empty values; remove the « # » before a key to "
	    "fill it, leave the others as they are."));
	printf("---\nkind: suivi\nversion: 1\n");
	kv("id", sheet_id(a, date));
	kv("action", a->id);
	kv("echeance", date);
	comment(_("The day you fill this follow-up (AAAA-MM-JJ)."));
	printf("date:\nperiode:\n");
	printf("  debut: %s\n  fin: %s\n", period_start(a, date), date);
	comment(_("Where the action stands: a-venir, en-cours, realisee, "
	    "reportee or abandonnee."));
	printf("statut:\n");
	kv("rapporteur", a->responsable ? a->responsable : "");
	comment(_("Your name."));
	printf("# personne:\n");
	comment(_("What was done in the period, one line each."));
	printf("# realisations:\n#   - \n");
	comment(_("People reached in the period; rejoints counts them as the "
	    "plan counts its planned reach."));
	printf("# participation:\n#   rejoints: \n#   enfants: \n"
	    "#   parents: \n#   familles: \n");
	if (a->npartenaires) {
		printf("# partenaires_impliques:\n");
		for (k = 0; k < a->npartenaires; k++)
			printf("#   - %s\n", a->partenaires[k]);
	}
	comment(_("Money spent in the period, in dollars (1250.50)."));
	printf("# depenses: \n# ecarts: \n# facteurs_facilitants:\n#   - \n"
	    "# obstacles:\n#   - \n");
	comment(_("New adjustments as text; earlier ones with their state: "
	    "propose, adopte, applique or ecarte."));
	printf("# ajustements:\n");
	for (k = 0; k < n; k++)
		printf("#   - {ajustement: %s, etat: %s}\n", aj[k].texte,
		    eco_ajust_code(aj[k].etat));
	printf("#   - \n");
	free(aj);
	facts_free(&f);
}

/* The paper form: what the plan says, then the boxes to fill. */
static void
paper_sheet(struct eco_report *r, size_t i, const char *date)
{
	static const char *const asks[] = {
		N_("Date of the follow-up"), N_("Period covered"),
		N_("State: to come, in progress, done, postponed, abandoned"),
		N_("Activities done"), N_("People reached (children, parents, "
		"families)"), N_("Partners involved"), N_("Money spent"),
		N_("Gaps with what was planned"), N_("What helped"),
		N_("Obstacles"), N_("Adjustments proposed"), N_("Filled by"),
	};
	const struct eco_action_view *a = &PL->actions[i];
	struct eco_ajustement *aj;
	struct eco_table *t;
	struct facts f;
	size_t k, n;

	facts_of(a, &f);
	eco_report_heading(r, 1, fmt(_("%s — follow-up due on %s"), title(a),
	    date));
	eco_report_para(r, fmt(_("To fill by %s and send back to the group."),
	    org(a->responsable)));
	t = eco_report_table(r, "plan", _("What the plan says"), ECO_SHOW_DOC);
	eco_table_column(t, NULL, _("Item"), 0, 26);
	eco_table_column(t, NULL, _("Planned"), 0, 50);
	for (k = 0; k < f.n; k++) {
		eco_table_row(t);
		eco_table_text(t, 0, f.label[k]);
		eco_table_text(t, 1, f.value[k]);
	}
	aj = adjustments(i, &n);
	if (n) {
		t = eco_report_table(r, "ajustements", _("Adjustments noted "
		    "before: cross out or confirm their state"), ECO_SHOW_DOC);
		eco_table_column(t, NULL, _("Adjustment"), 0, 50);
		eco_table_column(t, NULL, _("Noted on"), ECO_COL_NOWRAP, 0);
		eco_table_column(t, NULL, _("State"), 0, 12);
	}
	for (k = 0; k < n; k++) {
		eco_table_row(t);
		eco_table_text(t, 0, aj[k].texte);
		eco_table_text(t, 1, aj[k].propose_le);
		eco_table_text(t, 2, eco_ajust_label(aj[k].etat, 1));
	}
	free(aj);
	facts_free(&f);
	t = eco_report_table(r, "suivi", _("To fill"), ECO_SHOW_DOC);
	eco_table_column(t, NULL, _("Item"), 0, 26);
	eco_table_column(t, NULL, _("Answer"), 0, 50);
	for (k = 0; k < sizeof asks / sizeof *asks; k++) {
		eco_table_row(t);
		eco_table_text(t, 0, _(asks[k]));
		eco_table_text(t, 1, "\xc2\xa0");
	}
}

static int
sheets(const struct eco_due *v, size_t n)
{
	struct eco_report *r = NULL;
	size_t i;

	if (cli.format != FMT_YAML) {
		if (!(r = eco_report_new(NULL, _("Follow-up sheets"))))
			oom();
		eco_report_footer(r, eco_project_name(P), cli.au);
	}
	for (i = 0; i < n; i++)
		if (r)
			paper_sheet(r, v[i].action, v[i].date);
		else
			yaml_sheet(v[i].action, v[i].date);
	return r ? write_report(r) : 0;
}

static int
run_feuille(int argc, char **argv)
{
	const struct eco_action_view *a;
	struct eco_due u[64];
	const char *date = echeance;
	size_t k, m;

	if (open_plan() < 0)
		return finish(0);
	if (!(a = eco_suivi_action(PL, argv[argc - 1]))) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("no action « %s » in the plan (eco-plan actions lists "
		    "them)"), argv[argc - 1]);
		return finish(0);
	}
	m = eco_suivi_action_dues(a, S, NS, cli.au, u, 64);
	for (k = 0; !date && k < m && k < 64; k++)
		if (!u[k].suivi)
			date = u[k].date;
	for (k = 0; !date && k < a->ncalendrier; k++)
		if (strcmp(a->calendrier[k], cli.au) > 0)
			date = a->calendrier[k];
	for (k = 0; echeance && k < a->ncalendrier; k++)
		if (strcmp(a->calendrier[k], echeance) == 0)
			break;
	if (!date || (echeance && k == a->ncalendrier)) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL, echeance ?
		    _("%s is not a date of the follow-up calendar of « %s »") :
		    _("no follow-up to fill for « %s »: its calendar has no date "
		    "left"), echeance ? echeance : title(a), title(a));
		return finish(0);
	}
	u[0].action = (size_t)(a - PL->actions);
	u[0].date = date;
	return finish(sheets(u, 1));
}

static int
by_lead(const void *x, const void *y)
{
	const struct eco_due *a = x, *b = y;
	const char *ra = PL->actions[a->action].responsable;
	const char *rb = PL->actions[b->action].responsable;
	int c = strcmp(ra ? ra : "", rb ? rb : "");

	return c ? c : by_date(x, y);
}

static int
run_feuilles(int argc, char **argv)
{
	struct eco_due *v;
	size_t n;
	int rc;

	(void)argc, (void)argv;
	if (open_plan() < 0)
		return finish(0);
	v = missing(&n, cli.responsable);
	if (n)
		qsort(v, n, sizeof *v, by_lead);
	else
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL,
		    _("no follow-up due on %s: no sheet to print"), cli.au);
	rc = n ? sheets(v, n) : 0;
	free(v);
	return finish(rc);
}

/* recois */

static int
render(FILE *fp, const char *id, void *arg)
{
	const struct eco_node *root = arg;

	(void)id;
	fputs("---\n", fp);
	return eco_sheet_yaml(fp, root);
}

static int
render_new(FILE *fp, const char *id, void *arg)
{
	const struct eco_node *root = arg;

	fprintf(fp, "# %s\n", fmt(_("Follow-ups of the action %s (Outil 11)."),
	    eco_map_str(root, "action")));
	return render(fp, id, arg);
}

/* The follow-up of the project with the id of root, or NULL. */
static const struct eco_doc *
known_id(const struct eco_node *root)
{
	const char *id = eco_map_str(root, "id");
	size_t i;

	for (i = 0; id && i < NS; i++)
		if (eco_map_str(S[i]->root, "id") &&
		    strcmp(eco_map_str(S[i]->root, "id"), id) == 0)
			return S[i];
	return NULL;
}

/* Whether the project has a file rel. */
static int
has_file(const char *rel)
{
	size_t i;

	for (i = 0; i < eco_project_nfiles(P); i++)
		if (strcmp(eco_project_file(P, i)->rel, rel) == 0 &&
		    eco_project_file(P, i)->opened)
			return 1;
	return 0;
}

/* The diagnostics of d about file name (or none), into D. */
static size_t
keep_about(const struct eco_diags *d, const char *name, int errors)
{
	size_t i, errs = 0;

	for (i = 0; i < d->n; i++) {
		const struct eco_diag *g = &d->v[i];

		if ((name && g->file && strcmp(g->file, name) != 0) ||
		    (errors && g->sev != ECO_SEV_ERROR))
			continue;
		eco_diag_add(&D, g->file, g->line, g->col, g->sev, g->check,
		    "%s", g->msg);
		errs += g->sev == ECO_SEV_ERROR;
	}
	return errs;
}

/* Write doc into suivis/<action>.yaml; 0, or -1 (recorded). */
static int
write_one(const struct eco_doc *doc, int fresh, unsigned flags,
    struct eco_diags *d)
{
	const char *action = eco_map_str(doc->root, "action");
	struct eco_record rec = { .kind = "suivi", .arg = (void *)doc->root,
	    .flags = flags };
	int rc;

	rec.file = fmt("suivis/%s.yaml", action);
	rec.render = fresh ? render_new : render;
	rc = rec.render == render ? eco_project_append(P, &rec, d) :
	    eco_project_create(P, &rec, d);
	if (rc == 0 && !(flags & ECO_WRITE_DRY))
		eco_diag_add(&D, doc->file, doc->root->line, doc->root->col,
		    ECO_SEV_NOTE, NULL, _("follow-up %s received into %s"),
		    eco_map_str(doc->root, "id"), rec.file);
	free(rec.text);
	return rc;
}

/* One sheet, in a project of its own.  0 received (or already), 1
 * refused, -1 the project is not valid. */
static int
receive(char *file)
{
	const struct eco_doc *const *v;
	const struct eco_doc *k;
	struct eco_diags d;
	size_t i, n = 0, errs = 0, fresh = 0;
	int pass, *isnew = NULL;

	eco_diags_init(&d);
	if (open_plan() < 0) {
		eco_diags_free(&d);
		return -1;
	}
	if (eco_project_inputs(P, 1, &file, &d) < 0)
		oom();
	v = eco_project_input_docs(P, &n);
	for (i = 0; i < n; i++) {
		if ((k = known_id(v[i]->root)) &&
		    eco_node_equal(k->root, v[i]->root))
			eco_diag_add(&D, v[i]->file, v[i]->root->line,
			    v[i]->root->col, ECO_SEV_NOTE, NULL, _("follow-up "
			    "%s already received (%s): not written again"),
			    eco_map_str(v[i]->root, "id"), k->file);
		else if (k)
			eco_diag_add(&d, v[i]->file, v[i]->root->line,
			    v[i]->root->col, ECO_SEV_ERROR, "suivi", _("%s "
			    "already holds a different follow-up %s: to correct "
			    "it, edit that file"), k->file,
			    eco_map_str(v[i]->root, "id"));
		else
			fresh++;
	}
	if (!fresh && !d.nerr)
		goto out;
	/* which files are new, before a dry run makes them seem there */
	if (!(isnew = calloc(n + 1, sizeof *isnew)))
		oom();
	for (i = 0; i < n; i++)
		isnew[i] = !has_file(fmt("suivis/%s.yaml",
		    eco_map_str(v[i]->root, "action")));
	eco_project_check(P, (const char *const[]){ "suivi", NULL }, &d);
	if (!n && !d.nerr)
		eco_diag_add(&d, file, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no follow-up in this sheet"));
	for (i = 0; i < n; i++)
		if (!known_id(v[i]->root))
			eco_suivi_check(PL, v[i], S, NS, cli.au, &d);
	/* a dry run first: the sheet goes in whole or not at all */
	for (pass = 0; pass < 2 && !(errs = keep_about(&d, file, pass));
	    pass++) {
		eco_diags_clear(&d);
		for (i = 0; i < n && !d.nerr; i++)
			if (!known_id(v[i]->root))
				write_one(v[i], isnew[i], pass ? 0 :
				    ECO_WRITE_DRY, &d);
		if (dry && !d.nerr)
			break;
		if (d.nerr) {
			errs = keep_about(&d, NULL, 1);
			break;
		}
	}
out:
	if (errs)
		eco_diag_add(&D, file, 0, 0, ECO_SEV_NOTE, NULL, "%s",
		    _("sheet refused: it stays where it is, nothing was "
		    "written"));
	free(isnew);
	eco_diags_free(&d);
	eco_budget_free(B);
	eco_plan_free(PL);
	eco_project_close(P);
	B = NULL, PL = NULL, P = NULL;
	return errs ? 1 : 0;
}

static int
run_recois(int argc, char **argv)
{
	int i, rc = 0, r;

	if (!argc)
		cli_usage_error(NULL, "%s", _("recois needs the sheets to read"));
	for (i = 0; i < argc; i++) {
		if ((r = receive(argv[i])) < 0)
			return finish(ECO_EXIT_DATA);
		rc |= r;
	}
	return finish(rc ? ECO_EXIT_DATA : 0);
}

/* retards */

static struct eco_table *
late_table(struct eco_report *r, const char *kind, const char *caption,
    const char *const *cols, const unsigned *flags, const size_t *widths)
{
	struct eco_table *t = eco_report_table(r, kind, caption,
	    ECO_SHOW_DOC | ECO_SHOW_DATA);
	size_t k;

	for (k = 0; cols[k]; k += 2)
		eco_table_column(t, cols[k], _(cols[k + 1]), flags[k / 2],
		    widths[k / 2]);
	return t;
}

/* The action's columns of a row: its id (records) or name, its lead. */
static void
action_cells(struct eco_table *t, const struct eco_action_view *a)
{
	int data = cli.format == FMT_JSON;

	eco_table_text(t, 0, data ? a->id : fmt("%s (%s)", title(a), a->id));
	eco_table_text(t, 1, data ? a->responsable : org(a->responsable));
}

static size_t
late_actions(struct eco_report *r)
{
	static const char *const cols[] = { "action", N_("Action"),
	    "responsable", N_("Lead"), "fin", N_("End"), "statut", N_("State"),
	    NULL };
	static const unsigned fl[] = { 0, 0, ECO_COL_NOWRAP, 0 };
	static const size_t w[] = { 34, 22, 0, 12 };
	struct eco_suivi_state st;
	struct eco_table *t = NULL;
	size_t i, n = 0;

	for (i = 0; i < PL->nactions; i++) {
		eco_suivi_state(&PL->actions[i], S, NS, cli.au, &st);
		if (!st.late)
			continue;
		if (!t)
			t = late_table(r, "action-en-retard", _("Actions past "
			    "their end and not done"), cols, fl, w);
		eco_table_row(t);
		action_cells(t, &PL->actions[i]);
		eco_table_text(t, 2, PL->actions[i].fin_eff);
		eco_table_text(t, 3, cli.format == FMT_JSON ? st.statut :
		    eco_etat_label(ECO_ETAT_EN_RETARD, 1));
		n++;
	}
	return n;
}

static size_t
silent(struct eco_report *r)
{
	static const char *const cols[] = { "action", N_("Action"),
	    "responsable", N_("Lead"), "echeance", N_("Due"),
	    "jours_de_retard", N_("Days late"), NULL };
	static const unsigned fl[] = { 0, 0, ECO_COL_NOWRAP, ECO_COL_RIGHT };
	static const size_t w[] = { 34, 22, 0, 0 };
	struct eco_table *t = NULL;
	struct eco_due *v;
	size_t i, n;

	v = missing(&n, NULL);
	for (i = 0; i < n; i++) {
		if (!t)
			t = late_table(r, "suivi-manquant", _("Follow-ups not "
			    "received"), cols, fl, w);
		eco_table_row(t);
		action_cells(t, &PL->actions[v[i].action]);
		eco_table_text(t, 2, v[i].date);
		eco_table_text(t, 3, fmt("%ld", v[i].late));
	}
	free(v);
	return n;
}

static size_t
untaken(struct eco_report *r)
{
	static const char *const cols[] = { "action", N_("Action"),
	    "responsable", N_("Lead"), "ajustement", N_("Adjustment"),
	    "propose_le", N_("Proposed on"), NULL };
	static const unsigned fl[] = { 0, 0, 0, ECO_COL_NOWRAP };
	static const size_t w[] = { 24, 18, 28, 0 };
	struct eco_ajustement *v;
	struct eco_table *t = NULL;
	size_t i, n, m = 0;

	if (!(v = eco_suivi_ajustements(PL, S, NS, cli.au, &n)) &&
	    n == (size_t)-1)
		oom();
	for (i = 0; i < n; i++) {
		if (!v[i].stale)
			continue;
		if (!t)
			t = late_table(r, "ajustement-sans-suite", _("Adjustments "
			    "proposed and never taken up"), cols, fl, w);
		eco_table_row(t);
		action_cells(t, &PL->actions[v[i].action]);
		eco_table_text(t, 2, v[i].texte);
		eco_table_text(t, 3, v[i].propose_le);
		m++;
	}
	free(v);
	return m;
}

static int
run_retards(int argc, char **argv)
{
	struct eco_report *r;
	size_t n;

	(void)argc, (void)argv;
	if (open_plan() < 0)
		return finish(0);
	if (!(r = eco_report_new(NULL, fmt(_("Late and silent actions on %s"),
	    cli.au))))
		oom();
	eco_report_footer(r, eco_project_name(P), cli.au);
	n = late_actions(r);
	n += silent(r);
	n += untaken(r);
	if (!n)
		eco_report_para(r, _("Nothing late: every action past its end "
		    "is done, every follow-up due is received, every "
		    "adjustment proposed was taken up."));
	write_report(r);
	return finish(n ? ECO_EXIT_DATA : 0);
}

/* bilan */

struct sum {
	long long prevu, depense;
	long long prevus, atteints, rejoints[ECO_NREACH];
	size_t realisees, prevues, ajust[ECO_NAJUST];
};

static void
add_reach(long long *to, long long v)
{
	if (v >= 0)
		*to = *to < 0 ? v : *to + v;
}

static void
sum_init(struct sum *s)
{
	size_t k;

	memset(s, 0, sizeof *s);
	s->prevus = s->atteints = -1;
	for (k = 0; k < ECO_NREACH; k++)
		s->rejoints[k] = -1;
}

/* Into s, action i's bilan, its money weighted by share/whole (a
 * funder's part of its budget). */
static void
sum_add(struct sum *s, const struct eco_bilan *b, long long share,
    long long whole, const size_t *aj)
{
	size_t k;

	if (whole > 0 && share != whole) {
		s->prevu += share;
		s->depense += b->depense / whole * share +
		    b->depense % whole * share / whole;
	} else {
		s->prevu += b->prevu;
		s->depense += b->depense;
	}
	add_reach(&s->prevus, b->prevus);
	add_reach(&s->atteints, b->atteints);
	for (k = 0; k < ECO_NREACH; k++)
		add_reach(&s->rejoints[k], b->rejoints[k]);
	s->realisees += b->realisees;
	s->prevues += b->prevues;
	for (k = 0; k < ECO_NAJUST; k++)
		s->ajust[k] += aj[k];
}

/* "48,3 %" of part in whole, or NULL. */
static const char *
share(long long part, long long whole)
{
	long long c;

	if (whole <= 0)
		return NULL;
	c = part / whole * 1000 + ((part % whole) * 1000 + whole / 2) / whole;
	return fmt("%lld,%lld\xc2\xa0%%", c / 10, c % 10);
}

static const char *
count(long long v)
{
	return v >= 0 ? fmt("%lld", v) : NULL;
}

static struct eco_table *
sum_table(struct eco_report *r, const char *kind, const char *caption,
    const char *what)
{
	static const struct { const char *key, *h; unsigned fl; } cols[] = {
		{ "prevu", N_("Budget"), ECO_COL_RIGHT },
		{ "depense", N_("Spent"), ECO_COL_RIGHT },
		{ "part_depensee", N_("Share"), ECO_COL_RIGHT },
		{ "participants_prevus", N_("Aimed"), ECO_COL_RIGHT },
		{ "participants_atteints", N_("Reached"), ECO_COL_RIGHT },
		{ "enfants", N_("Children"), ECO_COL_RIGHT | ECO_COL_NOTEXTE },
		{ "parents", N_("Parents"), ECO_COL_RIGHT | ECO_COL_NOTEXTE },
		{ "familles", N_("Families"), ECO_COL_RIGHT | ECO_COL_NOTEXTE },
		{ "activites_realisees", N_("Activities done"), ECO_COL_RIGHT |
		    ECO_COL_NOTEXTE },
		{ "activites_prevues", N_("planned"), ECO_COL_RIGHT |
		    ECO_COL_NOTEXTE },
		{ "ajustements_proposes", N_("Adjustments proposed"),
		    ECO_COL_RIGHT | ECO_COL_NOTEXTE },
		{ "ajustements_adoptes", N_("adopted"), ECO_COL_RIGHT |
		    ECO_COL_NOTEXTE },
		{ "ajustements_appliques", N_("applied"), ECO_COL_RIGHT |
		    ECO_COL_NOTEXTE },
		{ "ajustements_ecartes", N_("set aside"), ECO_COL_RIGHT |
		    ECO_COL_NOTEXTE },
	};
	struct eco_table *t = eco_report_table(r, kind, caption,
	    ECO_SHOW_DOC | ECO_SHOW_DATA);
	size_t k;

	eco_table_column(t, "cle", _("Key"), ECO_COL_NOTEXTE, 0);
	eco_table_column(t, "nom", what, 0, 26);
	for (k = 0; k < sizeof cols / sizeof *cols; k++)
		eco_table_column(t, cols[k].key, _(cols[k].h), cols[k].fl, 0);
	return t;
}

static void
sum_row(struct eco_table *t, const char *key, const char *name,
    const struct sum *s)
{
	size_t k;

	eco_table_row(t);
	eco_table_text(t, 0, key && *key ? key : NULL);
	eco_table_text(t, 1, name);
	eco_table_money(t, 2, s->prevu);
	eco_table_money(t, 3, s->depense);
	eco_table_text(t, 4, share(s->depense, s->prevu));
	eco_table_text(t, 5, count(s->prevus));
	eco_table_text(t, 6, count(s->atteints));
	for (k = ECO_REACH_ENFANTS; k <= ECO_REACH_FAMILLES; k++)
		eco_table_text(t, 6 + k, count(s->rejoints[k]));
	eco_table_text(t, 10, fmt("%zu", s->realisees));
	eco_table_text(t, 11, fmt("%zu", s->prevues));
	for (k = 0; k < ECO_NAJUST; k++)
		eco_table_text(t, 12 + k, fmt("%zu", s->ajust[k]));
}

/* Per action, what helped, what hindered, the adjustments. */
static void
details(struct eco_report *r, size_t i, const struct eco_ajustement *aj,
    size_t naj)
{
	static const char *const keys[] = { "facteurs_facilitants",
	    "obstacles" };
	static const char *const words[] = { N_("Helped: %s"),
	    N_("Hindered: %s") };
	const struct eco_action_view *a = &PL->actions[i];
	const struct eco_node *seq;
	size_t j, k, q, shown = 0;

	for (k = 0; k < 2; k++)
		for (j = 0; j < NS; j++) {
			if (!eco_map_str(S[j]->root, "action") ||
			    strcmp(eco_map_str(S[j]->root, "action"), a->id) ||
			    strcmp(eco_map_date(S[j]->root, "date"),
			    cli.au) > 0 || !(seq = eco_map_seq(S[j]->root,
			    keys[k])))
				continue;
			for (q = 0; q < seq->len; q++, shown++) {
				if (!shown)
					eco_report_heading(r, 3, fmt("%s (%s)",
					    title(a), a->id));
				if (seq->u.items[q]->type == ECO_STR)
					eco_report_item(r, 0, fmt(_(words[k]),
					    seq->u.items[q]->s));
			}
		}
	for (q = 0; q < naj; q++) {
		if (aj[q].action != i)
			continue;
		if (!shown++)
			eco_report_heading(r, 3, fmt("%s (%s)", title(a), a->id));
		eco_report_item(r, 0, fmt(_("Adjustment: %s (%s, since %s)"),
		    aj[q].texte, eco_ajust_label(aj[q].etat, 1), aj[q].depuis));
	}
}

static void
rollup(struct eco_report *r, enum eco_budget_by k, const char *caption,
    const char *what, const struct eco_bilan *bl, size_t *const *aj)
{
	static const char *const kinds[] = { "bilan-objectif", "bilan-systeme",
	    "bilan-responsable", "bilan-bailleur" };
	struct eco_table *t = sum_table(r, kinds[k], caption, what);
	size_t i, j, l;
	struct sum s;

	for (i = 0; i < B->nby[k]; i++) {
		const struct eco_total *x = &B->by[k][i];

		sum_init(&s);
		for (j = 0; j < PL->nactions; j++) {
			const struct eco_action_view *a = &PL->actions[j];
			long long part = 0;

			if (k == ECO_BY_BAILLEUR) {
				for (l = 0; l < a->nbudget; l++)
					if (a->budget[l].has_amount &&
					    !strcmp(a->budget[l].bailleur ?
					    a->budget[l].bailleur : "", x->key))
						part += a->budget[l].cents;
				if (part)
					sum_add(&s, &bl[j], part,
					    a->budget_cents, aj[j]);
				continue;
			}
			if (!strcmp(k == ECO_BY_OBJECTIF ? a->objectif ?
			    a->objectif : "" : k == ECO_BY_SYSTEME ?
			    a->systeme ? a->systeme : "" : a->responsable ?
			    a->responsable : "", x->key))
				sum_add(&s, &bl[j], 0, 0, aj[j]);
		}
		sum_row(t, x->key, x->name ? x->name : x->key, &s);
	}
}

static int
run_bilan(int argc, char **argv)
{
	struct eco_report *r;
	struct eco_bilan *bl;
	struct eco_ajustement *aj;
	struct eco_table *t;
	struct sum all, one;
	size_t **ajn, i, naj, nd, got;
	struct eco_due *due;

	(void)argc, (void)argv;
	if (open_plan() < 0)
		return finish(0);
	bl = calloc(PL->nactions + 1, sizeof *bl);
	ajn = calloc(PL->nactions + 1, sizeof *ajn);
	aj = eco_suivi_ajustements(PL, S, NS, cli.au, &naj);
	due = eco_suivi_dues(PL, S, NS, cli.au, &nd);
	if (!bl || !ajn || naj == (size_t)-1 || nd == (size_t)-1 ||
	    !(r = eco_report_new(NULL, fmt(_("Follow-up of the plan on %s"),
	    cli.au))))
		oom();
	eco_report_footer(r, eco_project_name(P), cli.au);
	for (i = 0; i < PL->nactions; i++) {
		eco_suivi_bilan(&PL->actions[i], S, NS, cli.au, &bl[i]);
		if (!(ajn[i] = calloc(ECO_NAJUST, sizeof **ajn)))
			oom();
	}
	for (i = 0; i < naj; i++)
		ajn[aj[i].action][aj[i].etat]++;
	sum_init(&all);
	for (i = 0; i < PL->nactions; i++)
		sum_add(&all, &bl[i], 0, 0, ajn[i]);
	for (got = 0, i = 0; i < nd; i++)
		got += due[i].suivi != NULL;
	eco_report_para(r, fmt(_("Budget spent: %s of %s planned (%s). "
	    "Follow-ups received: %zu of %zu due."), money(all.depense),
	    money(all.prevu), share(all.depense, all.prevu) ?
	    share(all.depense, all.prevu) : "—", got, nd));
	eco_report_heading(r, 1, _("By action"));
	t = sum_table(r, "bilan-action", NULL, _("Action"));
	for (i = 0; i < PL->nactions; i++) {
		sum_init(&one);
		sum_add(&one, &bl[i], 0, 0, ajn[i]);
		sum_row(t, PL->actions[i].id, cli.format == FMT_JSON ?
		    title(&PL->actions[i]) : fmt("%s (%s)",
		    title(&PL->actions[i]), PL->actions[i].id), &one);
	}
	eco_report_heading(r, 1, _("Rolled up"));
	rollup(r, ECO_BY_OBJECTIF, _("By objective"), _("Objective"), bl, ajn);
	rollup(r, ECO_BY_SYSTEME, _("By system"), _("System"), bl, ajn);
	rollup(r, ECO_BY_RESPONSABLE, _("By lead organisation"), _("Lead"), bl,
	    ajn);
	rollup(r, ECO_BY_BAILLEUR, _("By funder"), _("Funder"), bl, ajn);
	eco_report_para(r, _("Reach is the largest count of one follow-up of "
	    "an action, added over the actions of a total; an action's "
	    "spending goes to its funders in proportion to their lines."));
	eco_report_heading(r, 1, _("What helped, what hindered"));
	for (i = 0; i < PL->nactions; i++)
		details(r, i, aj, naj);
	for (i = 0; i < PL->nactions; i++)
		free(ajn[i]);
	free(ajn), free(bl), free(aj), free(due);
	write_report(r);
	return finish(0);
}

/* The command. */

static void
option(int key, const char *arg)
{
	if (key == O_ECHEANCE)
		echeance = arg;
	else
		dry = 1;
}

static const struct cli_option feuille_options[] = {
	{ O_ECHEANCE, 0, "echeance", NULL, CLI_DATE, "DATE",
	  N_("the date of the calendar to fill (the first missing one by "
	  "default)"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_option recois_options[] = {
	{ O_DRY, 'n', "dry-run", NULL, CLI_FLAG, NULL,
	  N_("check the sheets, write nothing"), 0, 0 },
	{ .name = NULL }
};

#define SHEETS (1u << FMT_YAML | 1u << FMT_MD | 1u << FMT_HTML)
#define REPORTS (1u << FMT_TEXTE | 1u << FMT_MD | 1u << FMT_HTML | \
	1u << FMT_CSV | 1u << FMT_JSON)

static const struct cli_cmd subs[] = {
	{ .name = "a-faire", .aliases = "due todo", .usage = U_AFAIRE,
	  .summary = N_("the follow-ups due and not received, one record each"),
	  .example = "eco-suivi a-faire --au 2027-03-31",
	  .common = CLI_FORMAT | CLI_AU | CLI_RESPONSABLE,
	  .formats = 1u << FMT_YAML | 1u << FMT_JSON | 1u << FMT_TEXTE,
	  .format = FMT_YAML, .run = run_afaire },
	{ .name = "feuille", .aliases = "sheet", .usage = U_FEUILLE,
	  .summary = N_("the follow-up sheet of an action, pre-filled"),
	  .example = "eco-suivi feuille --au 2027-12-15 act-navette",
	  .common = CLI_FORMAT | CLI_AU, .formats = SHEETS, .format = FMT_YAML,
	  .maxops = 1, .options = feuille_options, .option = option,
	  .run = run_feuille },
	{ .name = "feuilles", .aliases = "sheets", .usage = U_FEUILLES,
	  .summary = N_("the sheets of every follow-up due, by lead"),
	  .example = "eco-suivi feuilles --au 2027-12-15 -o html > suivis.html",
	  .common = CLI_FORMAT | CLI_AU | CLI_RESPONSABLE, .formats = SHEETS,
	  .format = FMT_YAML, .run = run_feuilles },
	{ .name = "recois", .aliases = "reçois receive", .usage = U_RECOIS,
	  .summary = N_("file returned sheets into suivis/, checked"),
	  .example = "eco-suivi recois --au 2028-01-20 retour-navette.yaml",
	  .common = CLI_AU, .maxops = CLI_MANY, .options = recois_options,
	  .option = option, .run = run_recois },
	{ .name = "retards", .aliases = "late", .usage = U_RETARDS,
	  .summary = N_("late actions, missing follow-ups, adjustments left "
	  "waiting; exit 1 when any"),
	  .example = "eco-suivi retards --au 2027-12-15",
	  .common = CLI_FORMAT | CLI_AU, .formats = REPORTS,
	  .format = FMT_TEXTE, .run = run_retards },
	{ .name = "bilan", .aliases = "report", .usage = U_BILAN,
	  .summary = N_("what was done against what was planned"),
	  .example = "eco-suivi bilan --au 2027-12-15 -o html > bilan.html",
	  .common = CLI_FORMAT | CLI_AU, .formats = REPORTS,
	  .format = FMT_TEXTE, .run = run_bilan },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-suivi",
	.usage = U_AFAIRE NEXT U_FEUILLE NEXT U_FEUILLES NEXT U_RECOIS NEXT
	    U_RETARDS NEXT U_BILAN,
	.example = "eco-suivi a-faire --au 2027-03-31",
	.common = CLI_DOSSIER, .subs = subs,
};

int
main(int argc, char *argv[])
{
	eco_diags_init(&D);
	return cli_main(&cmd, argc, argv);
}
