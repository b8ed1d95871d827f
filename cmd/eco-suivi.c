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
#define _DEFAULT_SOURCE
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
#define NBSP8 "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0"
#define NBSP48 NBSP8 NBSP8 NBSP8 NBSP8 NBSP8 NBSP8

enum { O_ECHEANCE = 1, O_DRY };

static struct eco_diags D;
static struct eco_project *P;
static struct eco_plan *PL;
static struct eco_budget *B;
static const struct eco_doc *const *S;	/* the project's follow-ups */
static size_t NS;
static const char *echeance;		/* feuille --echeance */
static int dry;				/* recois -n */

static const char *
money(long long cents)
{
	char m[ECO_MONEY_BUFSZ];

	return cli_text("%s", eco_money_format(cents, ECO_MONEY_PRINT, m));
}

/* A whole number, a number in records too; nothing when below 0. */
static void
number(struct eco_table *t, size_t col, long long v)
{
	if (v >= 0)
		eco_table_int(t, col, v);
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
		cli_oom(&D);
	if (!(PL = eco_suivi_plan(P, 0, NULL, cli.au, &root, &D)) ||
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
	cli_report(r, cli.rformat, &D);
	return 0;
}

/* The missing follow-ups on the day, by date, or by lead first. */
static struct eco_due *
missing(size_t *n, const char *responsable, int by_lead)
{
	struct eco_due *v = eco_suivi_missing(PL, S, NS, cli.au, responsable,
	    by_lead, n);

	if (*n == (size_t)-1)
		cli_oom(&D);
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
	    eco_map_put(d, m, "id", eco_node_str(d, cli_text("%s-%s", a->id,
	    u->date))) ||
	    eco_map_put(d, m, "libelle", eco_node_str(d, cli_text(_("Follow-up of "
	    "the action %s, due on %s"), title(a), u->date))) ||
	    eco_map_put(d, m, "action", eco_node_str(d, a->id)) ||
	    eco_map_put(d, m, "echeance", eco_node_str(d, u->date)) ||
	    (a->responsable && eco_map_put(d, m, "responsable",
	    eco_node_str(d, a->responsable))) ||
	    eco_map_put(d, m, "jours_de_retard", eco_node_int(d, u->late)))
		cli_oom(&D);
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
	v = missing(&n, cli.responsable, 0);
	if (cli.format == FMT_TEXTE && n) {
		if (!(r = eco_report_new(NULL, cli_text(_("Follow-ups due on %s"),
		    cli.au))))
			cli_oom(&D);
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
			eco_table_text(t, 1, cli_text("%s (%s)", title(a), a->id));
			eco_table_text(t, 2, org(a->responsable));
			number(t, 3, v[i].late);
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
	struct eco_suivi_facts f;
	struct eco_table *t;
	size_t k, n;

	if (eco_suivi_facts(P, PL, B, i, S, NS, cli.au, &f) < 0)
		cli_oom(&D);
	eco_report_heading(r, 1, cli_text(_("%s — follow-up due on %s"), title(a),
	    date));
	eco_report_para(r, cli_text(_("To fill by %s and send back to the group."),
	    org(a->responsable)));
	t = eco_report_table(r, "plan", _("What the plan says"), ECO_SHOW_DOC);
	eco_table_column(t, NULL, _("Item"), 0, 26);
	eco_table_column(t, NULL, _("Planned"), 0, 50);
	for (k = 0; k < f.n; k++) {
		eco_table_row(t);
		eco_table_text(t, 0, f.label[k]);
		eco_table_text(t, 1, f.value[k]);
	}
	if (!(aj = eco_suivi_ajustements(PL, S, NS, cli.au, &n)) &&
	    n == (size_t)-1)
		cli_oom(&D);
	for (t = NULL, k = 0; k < n; k++) {
		if (aj[k].action != i)
			continue;
		if (!t) {
			t = eco_report_table(r, "ajustements", _("Adjustments "
			    "noted before: cross out or confirm their state"),
			    ECO_SHOW_DOC);
			eco_table_column(t, NULL, _("Adjustment"), 0, 50);
			eco_table_column(t, NULL, _("Noted on"), ECO_COL_NOWRAP,
			    0);
			eco_table_column(t, NULL, _("State"), 0, 12);
		}
		eco_table_row(t);
		eco_table_text(t, 0, aj[k].texte);
		eco_table_text(t, 1, aj[k].propose_le);
		eco_table_text(t, 2, eco_ajust_label(aj[k].etat, 1));
	}
	free(aj);
	eco_suivi_facts_free(&f);
	t = eco_report_table(r, "suivi", _("To fill"), ECO_SHOW_DOC);
	eco_table_column(t, NULL, _("Item"), 0, 26);
	eco_table_column(t, NULL, _("Answer"), 0, 50);
	/* room to write by hand: two lines for what takes sentences */
	for (k = 0, n = 0; k < sizeof asks / sizeof *asks; n = 0, k++)
		do {
			eco_table_row(t);
			eco_table_text(t, 0, n ? NULL : _(asks[k]));
			eco_table_text(t, 1, NBSP48);
		} while ((k == 3 || (k >= 7 && k <= 10)) && ++n < 2);
}

static int
sheets(const struct eco_due *v, size_t n)
{
	struct eco_report *r = NULL;
	size_t i;

	if (cli.format != FMT_YAML) {
		if (!(r = eco_report_new(NULL, _("Follow-up sheets"))))
			cli_oom(&D);
		eco_report_footer(r, eco_project_name(P), cli.au);
	}
	for (i = 0; i < n; i++)
		if (r)
			paper_sheet(r, v[i].action, v[i].date);
		else if (eco_suivi_sheet_yaml(stdout, P, PL, B, v[i].action,
		    v[i].date, S, NS, cli.au) < 0 && !ferror(stdout))
			cli_oom(&D);
	return r ? write_report(r) : 0;
}

static int
run_feuille(int argc, char **argv)
{
	const struct eco_action_view *a;
	struct eco_due u[64];
	const char *date = echeance;
	size_t k, m;

	if (!argc)
		cli_usage_error(NULL, "%s", _("feuille needs the action's id"));
	if (open_plan() < 0)
		return finish(0);
	if (!(a = eco_suivi_action(PL, argv[0]))) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("no action « %s » in the plan (eco-plan actions lists "
		    "them)"), argv[0]);
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
run_feuilles(int argc, char **argv)
{
	struct eco_due *v;
	size_t n;
	int rc;

	(void)argc, (void)argv;
	if (open_plan() < 0)
		return finish(0);
	if (!(v = missing(&n, cli.responsable, 1)) || !n)
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL,
		    _("no follow-up due on %s: no sheet to print"), cli.au);
	rc = n ? sheets(v, n) : 0;
	free(v);
	return finish(rc);
}

/* recois */

static int
run_recois(int argc, char **argv)
{
	int i, rc = 0, r;

	if (!argc)
		cli_usage_error(NULL, "%s", _("recois needs the sheets to read"));
	for (i = 0; i < argc; i++) {
		if ((r = eco_suivi_receive(cli_project(), argv[i], cli.au, dry,
		    &D)) < 0)
			return finish(ECO_EXIT_DATA);
		rc |= r;
	}
	return finish(rc ? ECO_EXIT_DATA : 0);
}

/* retards */

static struct eco_table *
late_table(struct eco_report *r, const char *kind, const char *caption,
    const char *k1, const char *h1, const char *k2, const char *h2,
    unsigned f2)
{
	struct eco_table *t = eco_report_table(r, kind, caption,
	    ECO_SHOW_DOC | ECO_SHOW_DATA);

	eco_table_column(t, "action", _("Action"), 0, 24);
	eco_table_column(t, "responsable", _("Lead"), 0, 16);
	eco_table_column(t, k1, _(h1), k2 ? ECO_COL_NOWRAP : 0, 22);
	eco_table_column(t, k2 ? k2 : "propose_le", _(h2), f2, 0);
	return t;
}

/* The action's columns of a row: its id (records) or name, its lead. */
static void
action_cells(struct eco_table *t, const struct eco_action_view *a)
{
	int data = cli.format == FMT_JSON;

	eco_table_text(t, 0, data ? a->id : cli_text("%s (%s)", title(a), a->id));
	eco_table_text(t, 1, data ? a->responsable : org(a->responsable));
}

static size_t
late_actions(struct eco_report *r)
{
	struct eco_suivi_state st;
	struct eco_table *t = NULL;
	size_t i, n = 0;

	for (i = 0; i < PL->nactions; i++) {
		eco_suivi_state(&PL->actions[i], S, NS, cli.au, &st);
		if (!st.late)
			continue;
		if (!t)
			t = late_table(r, "action-en-retard", _("Actions past "
			    "their end and not done"), "fin", N_("End"),
			    "statut", N_("State"), 0);
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
	struct eco_table *t = NULL;
	struct eco_due *v;
	size_t i, n;

	v = missing(&n, NULL, 0);
	for (i = 0; i < n; i++) {
		if (!t)
			t = late_table(r, "suivi-manquant", _("Follow-ups not "
			    "received"), "echeance", N_("Due"),
			    "jours_de_retard", N_("Days late"), ECO_COL_RIGHT);
		eco_table_row(t);
		action_cells(t, &PL->actions[v[i].action]);
		eco_table_text(t, 2, v[i].date);
		number(t, 3, v[i].late);
	}
	free(v);
	return n;
}

static size_t
untaken(struct eco_report *r)
{
	struct eco_ajustement *v;
	struct eco_table *t = NULL;
	size_t i, n, m = 0;

	if (!(v = eco_suivi_ajustements(PL, S, NS, cli.au, &n)) &&
	    n == (size_t)-1)
		cli_oom(&D);
	for (i = 0; i < n; i++) {
		if (!v[i].stale)
			continue;
		if (!t)
			t = late_table(r, "ajustement-sans-suite", _("Adjustments "
			    "proposed and never taken up"), "ajustement",
			    N_("Adjustment"), NULL, N_("Proposed on"),
			    ECO_COL_NOWRAP);
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
	if (!(r = eco_report_new(NULL, cli_text(_("Late and silent actions on %s"),
	    cli.au))))
		cli_oom(&D);
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

/* The share of part in whole, "56,8 %" for people, 56.8 in json. */
static const char *
share(long long part, long long whole, int data)
{
	long long c;

	if (whole <= 0)
		return NULL;
	c = part / whole * 1000 + ((part % whole) * 1000 + whole / 2) / whole;
	return cli_text(data ? "%lld.%lld" : "%lld,%lld\xc2\xa0%%", c / 10, c % 10);
}

/* For people, the money and reach (children, parents and families
 * hidden from text); in records, the key and every count. */
#define DATA (cli.format == FMT_CSV || cli.format == FMT_JSON)

static struct eco_table *
sum_table(struct eco_report *r, const char *kind, const char *caption,
    const char *what)
{
	static const struct { const char *key, *h; } cols[] = {
		{ "prevu", N_("Budget") }, { "depense", N_("Spent") },
		{ "part_depensee", N_("Share") },
		{ "participants_prevus", N_("Aimed") },
		{ "participants_atteints", N_("Reached") },
		{ "enfants", N_("Children") }, { "parents", N_("Parents") },
		{ "familles", N_("Families") },
		{ "activites_realisees", N_("Activities done") },
		{ "activites_prevues", N_("Activities planned") },
		{ "ajustements_proposes", N_("Adjustments proposed") },
		{ "ajustements_adoptes", N_("Adjustments adopted") },
		{ "ajustements_appliques", N_("Adjustments applied") },
		{ "ajustements_ecartes", N_("Adjustments set aside") },
	};
	struct eco_table *t = eco_report_table(r, kind, DATA ? NULL : caption,
	    DATA ? ECO_SHOW_DATA : ECO_SHOW_DOC);
	size_t k;

	if (DATA)
		eco_table_column(t, "cle", _("Key"), 0, 0);
	eco_table_column(t, "nom", what, 0, 26);
	for (k = 0; k < (DATA ? sizeof cols / sizeof *cols : 8); k++)
		eco_table_column(t, cols[k].key, _(cols[k].h), ECO_COL_RIGHT |
		    (k < 5 ? 0 : ECO_COL_NOTEXTE), 0);
	return t;
}

static void
sum_row(struct eco_table *t, const struct eco_suivi_sum *s, int action)
{
	const char *name = s->name ? s->name : *s->key ? s->key : NULL;
	size_t k, o = DATA;

	eco_table_row(t);
	if (DATA)
		eco_table_text(t, 0, *s->key ? s->key : NULL);
	eco_table_text(t, o, action && cli.format != FMT_JSON ?
	    cli_text("%s (%s)", name, s->key) : name);
	eco_table_money(t, o + 1, s->prevu);
	eco_table_money(t, o + 2, s->depense);
	if (cli.format == FMT_JSON && share(s->depense, s->prevu, 1))
		eco_table_value(t, o + 3, &(struct eco_node){ .type = ECO_FLOAT,
		    .s = share(s->depense, s->prevu, 1) });
	else
		eco_table_text(t, o + 3, share(s->depense, s->prevu, 0));
	number(t, o + 4, s->prevus);
	number(t, o + 5, s->atteints);
	for (k = ECO_REACH_ENFANTS; k <= ECO_REACH_FAMILLES; k++)
		number(t, o + 5 + k, s->rejoints[k]);
	if (!DATA)
		return;
	number(t, 10, (long long)s->realisees);
	number(t, 11, (long long)s->prevues);
	for (k = 0; k < ECO_NAJUST; k++)
		number(t, 12 + k, (long long)s->ajust[k]);
}

/* Per action, what helped, what hindered, the adjustments. */
static void
details(struct eco_report *r, size_t i, const struct eco_ajustement *aj,
    size_t naj)
{
	static const char *const keys[] = { "facteurs_facilitants", "obstacles" };
	static const char *const words[] = { N_("Helped: %s"),
	    N_("Hindered: %s") };
	const struct eco_action_view *a = &PL->actions[i];
	const char *v[64];
	size_t k, q, m, shown = 0;

	for (k = 0; k < 2; k++) {
		if ((m = eco_suivi_texts(a, S, NS, cli.au, keys[k], v, 64)) ==
		    (size_t)-1)
			cli_oom(&D);
		for (q = 0; q < m && q < 64; q++) {
			if (!shown++)
				eco_report_heading(r, 3, cli_text("%s (%s)", title(a),
				    a->id));
			eco_report_item(r, 0, cli_text(_(words[k]), v[q]));
		}
	}
	for (q = 0; q < naj; q++) {
		if (aj[q].action != i)
			continue;
		if (!shown++)
			eco_report_heading(r, 3, cli_text("%s (%s)", title(a), a->id));
		eco_report_item(r, 0, cli_text(_("Adjustment: %s (%s, since %s)"),
		    aj[q].texte, eco_ajust_label(aj[q].etat, 1), aj[q].depuis));
	}
}

static void
sums(struct eco_report *r, int k, const char *kind, const char *caption,
    const char *what)
{
	struct eco_table *t = sum_table(r, kind, caption, what);
	struct eco_suivi_sum *v;
	size_t i, n;

	if (!(v = eco_suivi_sums(PL, B, k, S, NS, cli.au, &n)))
		cli_oom(&D);
	for (i = 0; i < n; i++)
		sum_row(t, &v[i], k == ECO_NBY);
	free(v);
}

static int
run_bilan(int argc, char **argv)
{
	static const struct { int by; const char *kind, *caption, *what; } by[] = {
		{ ECO_BY_OBJECTIF, "bilan-objectif", N_("By objective"),
		  N_("Objective") },
		{ ECO_BY_SYSTEME, "bilan-systeme", N_("By system"), N_("System") },
		{ ECO_BY_RESPONSABLE, "bilan-responsable",
		  N_("By lead organisation"), N_("Lead") },
		{ ECO_BY_BAILLEUR, "bilan-bailleur", N_("By funder"),
		  N_("Funder") },
	};
	struct eco_suivi_sum *all;
	struct eco_ajustement *aj;
	struct eco_report *r;
	struct eco_due *due;
	size_t i, n, naj, nd, got;

	(void)argc, (void)argv;
	if (open_plan() < 0)
		return finish(0);
	aj = eco_suivi_ajustements(PL, S, NS, cli.au, &naj);
	due = eco_suivi_dues(PL, S, NS, cli.au, &nd);
	if (naj == (size_t)-1 || nd == (size_t)-1 ||
	    !(all = eco_suivi_sums(PL, B, ECO_NBY, S, NS, cli.au, &n)) ||
	    !(r = eco_report_new(NULL, cli_text(_("Follow-up of the plan on %s"),
	    cli.au))))
		cli_oom(&D);
	eco_report_footer(r, eco_project_name(P), cli.au);
	for (got = 0, i = 0; i < nd; i++)
		got += due[i].suivi != NULL;
	eco_report_para(r, cli_text(_("Budget spent: %s of %s planned (%s). "
	    "Follow-ups received: %zu of %zu due."), money(all[n].depense),
	    money(all[n].prevu), share(all[n].depense, all[n].prevu, 0) ?
	    share(all[n].depense, all[n].prevu, 0) : "—", got, nd));
	eco_report_heading(r, 1, _("By action"));
	sums(r, ECO_NBY, "bilan-action", NULL, _("Action"));
	eco_report_heading(r, 1, _("Rolled up"));
	for (i = 0; i < sizeof by / sizeof *by; i++)
		sums(r, by[i].by, by[i].kind, _(by[i].caption), _(by[i].what));
	eco_report_para(r, _("Reach is the largest count of one follow-up of "
	    "an action, added over the actions of a total; an action's "
	    "spending goes to its funders in proportion to their lines."));
	eco_report_heading(r, 1, _("What helped, what hindered"));
	for (i = 0; i < PL->nactions; i++)
		details(r, i, aj, naj);
	free(all), free(aj), free(due);
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
