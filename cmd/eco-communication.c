/*
 * eco-communication - the communication plan of the implementation
 * stage: its activities listed, by month and audience, late; one added
 * (through eco_project_append: nothing a person wrote is rewritten); the
 * whole plan as a page.  Views, states, lateness and the calendar's order
 * are lib/eco_communication.c's; this file holds options and reports.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define FILTERS "[--public PUBLIC] [--statut STATUT] [--responsable ID] " \
	"[--entre DEBUT:FIN]"
#define U_LISTE "eco-communication [-C DOSSIER] liste " \
	"[-o texte|md|html|csv|yaml|json] " FILTERS " [FICHIER|-]..."
#define U_CAL "eco-communication [-C DOSSIER] calendrier " \
	"[-o texte|md|html|csv|json] [--au DATE] " FILTERS " [FICHIER|-]..."
#define U_RETARDS "eco-communication [-C DOSSIER] retards [--au DATE] " \
	"[-o texte|yaml|json] [--public PUBLIC] [--responsable ID] [FICHIER|-]..."
#define U_PLAN "eco-communication [-C DOSSIER] plan [-o texte|md|html] " \
	"[--au DATE] [FICHIER|-]..."
#define U_AJOUTE "eco-communication [-C DOSSIER] ajoute [-n] --titre TEXTE " \
	"--public PUBLIC... [--date DATE] [--moyen TEXTE]... [--responsable ID] " \
	"[--budget MONTANT] [--action ID]... [--objectif ID]... [--but TEXTE] " \
	"[--message TEXTE] [--frequence TEXTE] [--statut STATUT] [--visee N] " \
	"[--id ID]"
#define NEXT "\n        "

static const char *const kinds[] = { "communication", NULL };

static struct eco_diags D;
static struct eco_project *P;
static struct eco_communication *K;
static const struct eco_doc *const *DOCS;	/* what K was made of */
static size_t ND;

/*
 * The project around the current folder and the communication plan of
 * the operands (without any, of communication.yaml), checked first:
 * reports never lie.  0, or -1 (recorded).
 */
static int
open_plan(int argc, char **argv)
{
	int i;

	/* the project of the first file named, or of here; operands replace
	 * the project's file: only they are checked */
	for (i = 0; i < argc && strcmp(argv[i], "-") == 0; i++)
		;
	if (!(P = eco_project_open(i < argc ? argv[i] : argc ? NULL :
	    cli_project(), &D)) ||
	    (argc && eco_project_inputs(P, argc, argv, &D) < 0) ||
	    eco_project_check(P, argc ? NULL : kinds, &D) > 0 || D.sys)
		return -1;
	DOCS = argc ? eco_project_input_docs(P, &ND) :
	    eco_project_docs(P, "communication", &ND);
	K = eco_communication_new(DOCS, ND, &D);
	return K && !D.nerr ? 0 : -1;
}

static int
finish(void)
{
	int rc = cli_finish(&D);

	eco_communication_free(K);
	eco_project_close(P);
	eco_diags_free(&D);
	return rc;
}

/* Write r, of n rows (0: a note says so). */
static int
write_report(struct eco_report *r, size_t n)
{
	if (!n)
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL, "%s",
		    _("no communication activity"));
	cli_report(r, cli.rformat, &D);
	return finish();
}

static struct eco_report *
new_report(const char *title)
{
	struct eco_report *r = eco_report_new(NULL, title);

	if (!r)
		cli_oom(&D);
	eco_report_footer(r, eco_project_name(P), cli.given & CLI_AU ? cli.au :
	    NULL);
	return r;
}

/* What people call a thing of kind with id: its title, else the id. */
static const char *
title(const char *kind, const char *id)
{
	return id && eco_project_title(P, kind, id) ?
	    eco_project_title(P, kind, id) : id;
}

static void
cell_list(struct eco_table *t, size_t col, const struct eco_node *seq,
    const char *kind)
{
	const char *v[64];

	eco_table_list(t, col, v, eco_com_names(P, seq, kind, v, 64));
}

/* "a, b and c" of the names of seq ("a; b; c" with kind NULL), until
 * the next call. */
static const char *
joined(const struct eco_node *seq, const char *kind)
{
	static struct eco_buf b = ECO_BUF_INIT;
	const char *s = eco_com_joined(P, seq, kind, &b);

	if (!s)
		cli_oom(&D);
	return s;
}

/* The filters */

enum { O_PUBLIC = 1, O_STATUT, O_TITRE, O_DATE, O_MOYEN, O_BUDGET, O_ACTION,
	O_OBJECTIF, O_BUT, O_MESSAGE, O_FREQUENCE, O_VISEE, O_ID, O_RESP, O_DRY };

static const char **publics, **moyens, **actions, **objectifs;
static size_t npub, nmoy, nact, nobj;
static const char *statut;
static struct eco_com_in in = { .budget = -1, .visee = -1 };
static int dry;

/* The filters given. */
static const struct eco_com_filter *
filter(void)
{
	static struct eco_com_filter f;

	f = (struct eco_com_filter){ publics, npub, statut, cli.responsable,
	    cli.from, cli.to };
	return &f;
}

/* liste */

/* A document itself, for pipes. */
static void
emit(const struct eco_node *root, const char *file)
{
	if (cli.format == FMT_YAML)
		eco_emit_yaml(stdout, root);
	else
		eco_emit_json(stdout, root, file, &D);
}

static int
run_liste(int argc, char **argv)
{
	const struct eco_com_activite *a;
	struct eco_report *r;
	struct eco_table *t;
	size_t i, n = 0;

	if (open_plan(argc, argv) < 0)
		return finish();
	if (cli.format == FMT_YAML || cli.format == FMT_JSON) {
		for (i = 0; i < ND; i++)	/* other kinds pass through */
			if (strcmp(eco_map_str(DOCS[i]->root, "kind"), "communication"))
				emit(DOCS[i]->root, DOCS[i]->file);
		for (i = 0; i < K->n; i++)
			if (eco_com_keep(filter(), &K->v[i]))
				emit(K->v[i].root, K->v[i].file);
		return finish();
	}
	r = new_report(_("Communication activities"));
	t = eco_report_table(r, "communication", NULL, ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "date", _("Date"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "titre", _("Activity"), 0, 30);
	eco_table_column(t, "publics", _("Audiences"), 0, 18);
	eco_table_column(t, "responsable", _("Responsible"), 0, 18);
	eco_table_column(t, "budget", _("Budget"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "statut", _("State"), 0, 0);
	eco_table_column(t, "id", _("Id"), ECO_COL_NOWRAP | ECO_COL_NOTEXTE, 0);
	for (i = 0; i < K->n; i++) {
		if (!eco_com_keep(filter(), a = &K->v[i]) || !++n)
			continue;
		eco_table_row(t);
		eco_table_text(t, 0, a->date ? a->date : "—");
		eco_table_text(t, 1, a->titre);
		cell_list(t, 2, a->publics, "public");
		eco_table_text(t, 3, title("organisme", a->responsable));
		if (a->budget >= 0)
			eco_table_money(t, 4, a->budget);
		eco_table_text(t, 5, eco_com_statut_label(a->statut));
		eco_table_text(t, 6, a->id);
	}
	return write_report(r, n);
}

/* calendrier */

static struct eco_table *
month_table(struct eco_report *r, const char *mois)
{
	char label[64];
	struct eco_table *t;

	eco_report_heading(r, 2, eco_com_month_label(mois, label, sizeof label));
	t = eco_report_table(r, "communication-calendrier", NULL, ECO_SHOW_DOC);
	eco_table_column(t, "public", _("Audience"), 0, 18);
	eco_table_column(t, "date", _("Date"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "titre", _("Activity"), 0, 30);
	eco_table_column(t, "responsable", _("Responsible"), 0, 18);
	eco_table_column(t, "statut", _("State"), 0, 0);
	return t;
}

static void
entry_cells(struct eco_table *t, const struct eco_com_entry *e, size_t col)
{
	const struct eco_com_activite *a = e->activite;

	eco_table_row(t);
	eco_table_text(t, col, eco_com_public_label(e->public));
	eco_table_text(t, col + 1, a->date);
	eco_table_text(t, col + 2, a->titre);
	eco_table_text(t, col + 3, title("organisme", a->responsable));
	eco_table_text(t, col + 4, eco_com_statut_label(a->statut));
}

static void
calendar(struct eco_report *r, const struct eco_com_entry *v, size_t n)
{
	struct eco_table *t = NULL, *data;
	size_t i;

	/* for records: one table, the month in each row */
	data = eco_report_table(r, "communication-calendrier", NULL,
	    ECO_SHOW_DATA);
	eco_table_column(data, "mois", _("Month"), ECO_COL_NOWRAP, 0);
	eco_table_column(data, "public", _("Audience"), 0, 0);
	eco_table_column(data, "date", _("Date"), ECO_COL_NOWRAP, 0);
	eco_table_column(data, "titre", _("Activity"), 0, 0);
	eco_table_column(data, "responsable", _("Responsible"), 0, 0);
	eco_table_column(data, "statut", _("State"), 0, 0);
	eco_table_column(data, "id", _("Id"), 0, 0);
	for (i = 0; i < n; i++) {
		if (!i || strcmp(v[i].mois, v[i - 1].mois) != 0)
			t = month_table(r, v[i].mois);
		entry_cells(t, &v[i], 0);
		entry_cells(data, &v[i], 1);
		if (*v[i].mois)
			eco_table_text(data, 0, v[i].mois);
		eco_table_text(data, 6, v[i].activite->id);
		if (cli.format != FMT_JSON)
			continue;
		/* machines read codes and ids */
		eco_table_text(data, 1, v[i].public);
		eco_table_text(data, 4, v[i].activite->responsable);
		eco_table_text(data, 5, eco_com_statut_code(v[i].activite->statut));
	}
}

static int
run_calendrier(int argc, char **argv)
{
	struct eco_com_entry *v;
	struct eco_report *r;
	size_t n;

	if (open_plan(argc, argv) < 0 ||
	    !(v = eco_com_calendar(K, eco_com_keep_entry,
	    (void *)filter(), &n, &D)))
		return finish();
	r = new_report(_("Communication calendar"));
	calendar(r, v, n);
	free(v);
	return write_report(r, n);
}

/* retards */

static int
run_retards(int argc, char **argv)
{
	struct eco_report *r = NULL;
	struct eco_table *t = NULL;
	const struct eco_com_activite *a;
	size_t i, n = 0;

	if (open_plan(argc, argv) < 0)
		return finish();
	if (cli.format == FMT_TEXTE) {
		r = new_report(cli_text(_("Communication activities late on %s"), cli.au));
		t = eco_report_table(r, "communication", NULL, ECO_SHOW_DOC);
		eco_table_column(t, "date", _("Date"), ECO_COL_NOWRAP, 0);
		eco_table_column(t, "retard", _("Days late"), ECO_COL_RIGHT, 0);
		eco_table_column(t, "titre", _("Activity"), 0, 30);
		eco_table_column(t, "responsable", _("Responsible"), 0, 18);
		eco_table_column(t, "statut", _("State"), 0, 0);
		eco_table_column(t, "id", _("Id"), ECO_COL_NOWRAP, 0);
	}
	for (i = 0; i < K->n; i++) {
		a = &K->v[i];
		if (!eco_com_late(a, cli.au) || !eco_com_keep(filter(), a) || !++n)
			continue;
		if (!t) {
			emit(a->root, a->file);
			continue;
		}
		eco_table_row(t);
		eco_table_text(t, 0, a->date);
		eco_table_text(t, 1, cli_text("%ld", eco_date_days(cli.au) -
		    eco_date_days(a->date)));
		eco_table_text(t, 2, a->titre);
		eco_table_text(t, 3, title("organisme", a->responsable));
		eco_table_text(t, 4, eco_com_statut_label(a->statut));
		eco_table_text(t, 5, a->id);
	}
	if (n) {
		/* for scripts: something is late */
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, "retard",
		    ngettext("%zu communication activity late on %s",
		    "%zu communication activities late on %s", n), n, cli.au);
		return r ? write_report(r, n) : finish();
	}
	eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL,
	    _("no communication activity late on %s"), cli.au);
	eco_report_free(r);
	return finish();
}

/* plan */

static void
plan_lacks(struct eco_report *r)
{
	struct eco_buf b = ECO_BUF_INIT;
	const char *lacks = eco_com_lacks_text(K, &b);

	if (!lacks)
		cli_oom(&D);
	if (!K->plan) {
		eco_report_para(r, _("This communication plan has no plan part yet: "
		    "its objectives, audiences, spokespeople and key messages are "
		    "to be written."));
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_WARNING, NULL, "%s",
		    _("no plan part in communication.yaml: add a communication "
		    "document with a plan: mapping (objectifs, publics, porte_parole, "
		    "messages_cles), as eco-formats(5) shows"));
	} else if (*lacks) {
		eco_report_para(r, cli_text(_("Still to write: %s."), lacks));
		eco_diag_add(&D, K->plan_file, K->plan->line, K->plan->col,
		    ECO_SEV_WARNING, NULL, _("the plan part still lacks: %s"), lacks);
	}
	eco_buf_free(&b);
}

static void
plan_publics(struct eco_report *r, const struct eco_node *plan)
{
	const struct eco_node *v = eco_map_seq(plan, "publics"), *m;
	struct eco_table *t;
	size_t i;

	if (!v)
		return;
	eco_report_heading(r, 2, _("Audiences"));
	t = eco_report_table(r, "public", NULL, ECO_SHOW_DOC);
	eco_table_column(t, "public", _("Audience"), 0, 20);
	eco_table_column(t, "attentes", _("What it should know or do"), 0, 52);
	for (i = 0; i < v->len && (m = v->u.items[i]); i++) {
		eco_table_row(t);
		eco_table_text(t, 0, eco_com_public_label(eco_map_str(m, "public")));
		eco_table_text(t, 1, eco_map_str(m, "attentes"));
	}
}

static void
plan_people(struct eco_report *r, const struct eco_node *plan)
{
	const struct eco_node *v = eco_map_seq(plan, "porte_parole"), *m;
	const char *org, *role;
	struct eco_table *t;
	size_t i;

	if (!v)
		return;
	eco_report_heading(r, 2, _("Spokespeople"));
	t = eco_report_table(r, "porte-parole", NULL, ECO_SHOW_DOC);
	eco_table_column(t, "nom", _("Name"), 0, 20);
	eco_table_column(t, "fonction", _("Role"), 0, 22);
	eco_table_column(t, "publics", _("Speaks to"), 0, 26);
	for (i = 0; i < v->len && (m = v->u.items[i]); i++) {
		eco_table_row(t);
		eco_table_text(t, 0, eco_map_str(m, "nom"));
		org = title("organisme", eco_map_str(m, "organisme"));
		eco_table_text(t, 1, (role = eco_map_str(m, "fonction")) && org ?
		    cli_text("%s, %s", role, org) :
		    role ? role : org);
		if (eco_map_seq(m, "publics"))
			cell_list(t, 2, eco_map_seq(m, "publics"), "public");
		else
			eco_table_text(t, 2, _("every audience"));
	}
}

static void
plan_words(struct eco_report *r, const struct eco_node *plan)
{
	const struct eco_node *v = eco_map_seq(plan, "objectifs"), *m;
	size_t i;

	if (v && v->len) {
		eco_report_heading(r, 2, _("Objectives of the communication"));
		for (i = 0; i < v->len; i++)
			if (v->u.items[i]->type == ECO_STR)
				eco_report_item(r, 1, v->u.items[i]->s);
	}
	plan_publics(r, plan);
	plan_people(r, plan);
	if (!(v = eco_map_seq(plan, "messages_cles")) || !v->len)
		return;
	eco_report_heading(r, 2, _("Key messages"));
	for (i = 0; i < v->len && (m = v->u.items[i]); i++)
		eco_report_item(r, 0, eco_map_seq(m, "publics") ?
		    cli_text(_("%s (for %s)"), eco_map_str(m, "message"),
		    joined(eco_map_seq(m, "publics"), "public")) :
		    eco_map_str(m, "message"));
}

static void
plan_activities(struct eco_report *r)
{
	struct eco_table *t;
	long long all, done;
	char m1[ECO_MONEY_BUFSZ], m2[ECO_MONEY_BUFSZ], reach[256];
	size_t i;

	eco_report_heading(r, 2, _("Activities"));
	if (!K->n) {
		eco_report_para(r, _("No activity planned yet."));
		return;
	}
	t = eco_report_table(r, "communication", NULL, ECO_SHOW_DOC);
	eco_table_column(t, "date", _("Date"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "titre", _("Activity"), 0, 24);
	eco_table_column(t, "publics", _("Audiences"), 0, 16);
	eco_table_column(t, "responsable", _("Responsible"), 0, 16);
	eco_table_column(t, "budget", _("Budget"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "statut", _("State"), 0, 0);
	eco_table_column(t, "portee", _("Reach"), ECO_COL_NOTEXTE, 14);
	for (i = 0; i < K->n; i++) {
		const struct eco_com_activite *a = &K->v[i];

		eco_table_row(t);
		eco_table_text(t, 0, a->date ? a->date : "—");
		eco_table_text(t, 1, a->frequence ? cli_text("%s (%s)", a->titre,
		    a->frequence) : a->titre);
		cell_list(t, 2, a->publics, "public");
		eco_table_text(t, 3, title("organisme", a->responsable));
		if (a->budget >= 0)
			eco_table_money(t, 4, a->budget);
		eco_table_text(t, 5, eco_com_statut_label(a->statut));
		eco_table_text(t, 6, eco_com_reach(a, reach, sizeof reach));
	}
	for (i = 0; i < K->n && K->v[i].budget < 0; i++)
		;	/* the total only when some activity has a budget */
	if (i < K->n && eco_com_budget(K, 0, &all) == 0 &&
	    eco_com_budget(K, 1, &done) == 0)
		eco_report_para(r, cli_text(_("Budget planned: %s, of which %s for the "
		    "activities done (cancelled ones left out)."),
		    eco_money_format(all, ECO_MONEY_TEXTE, m1),
		    eco_money_format(done, ECO_MONEY_TEXTE, m2)));
}

/* Each activity in words: its aim, its channels, what it makes known. */
static void
plan_details(struct eco_report *r)
{
	struct eco_buf b = ECO_BUF_INIT;
	const char *but;
	size_t i;

	if (K->n)
		eco_report_heading(r, 2, _("The activities in detail"));
	for (i = 0; i < K->n; i++) {
		const struct eco_com_activite *a = &K->v[i];

		eco_buf_clear(&b);
		if ((but = eco_map_str(a->root, "but")))
			eco_buf_printf(&b, "%s ", but);
		if (a->moyens && a->moyens->len)
			eco_buf_printf(&b, _("Channels: %s. "), joined(a->moyens, NULL));
		if (a->actions && a->actions->len)
			eco_buf_printf(&b, _("Makes known: %s. "),
			    joined(a->actions, "action"));
		if (a->objectifs && a->objectifs->len)
			eco_buf_printf(&b, _("Speaks of: %s. "),
			    joined(a->objectifs, "objectif"));
		if (b.oom)
			cli_oom(&D);
		/* the last blank left out */
		eco_report_item(r, 0, b.n ? cli_text(_("%s: %.*s"), a->titre,
		    (int)b.n - 1, b.s) : a->titre);
	}
	eco_buf_free(&b);
}

static int
run_plan(int argc, char **argv)
{
	const struct eco_node *plan;
	const char *date;
	struct eco_report *r;

	if (open_plan(argc, argv) < 0)
		return finish();
	plan = eco_map_mapping(K->plan, "plan");
	r = new_report(K->plan && eco_map_str(K->plan, "titre") ?
	    eco_map_str(K->plan, "titre") : _("Communication plan"));
	if (eco_project_name(P))
		eco_report_para(r, eco_project_name(P));
	if ((date = eco_map_date(plan, "adopte_le")))
		eco_report_para(r, cli_text(_("Adopted on %s."), date));
	plan_lacks(r);
	plan_words(r, plan);
	plan_activities(r);
	plan_details(r);
	return write_report(r, 1);
}

/* ajoute */

static int
run_ajoute(int argc, char **argv)
{
	struct eco_record rec = { .file = "communication.yaml",
	    .kind = "communication", .render = eco_com_render, .arg = &in };
	char fold[1024];
	size_t i;
	int there = 0;

	(void)argc, (void)argv;
	if (!in.titre || !npub)
		cli_usage_error(NULL, "%s", _("ajoute needs --titre and at least "
		    "one --public"));
	if (!(P = eco_project_open(cli_project(), &D)) ||
	    eco_project_read(P, "communication.yaml", &D) < 0)
		return finish();
	for (i = 0; i < eco_project_nfiles(P); i++)
		if (strcmp(eco_project_file(P, i)->rel, rec.file) == 0)
			there = eco_project_file(P, i)->opened;
	in.project = P;
	in.folded = cli_keep(eco_text_fold(in.titre, fold, sizeof fold));
	in.publics = publics, in.npublics = npub, in.moyens = moyens;
	in.nmoyens = nmoy, in.actions = actions, in.nactions = nact;
	in.objectifs = objectifs, in.nobjectifs = nobj;
	rec.flags = dry ? ECO_WRITE_DRY : 0;
	if ((there ? eco_project_append(P, &rec, &D) :
	    eco_project_create(P, &rec, &D)) == 0) {
		fputs(rec.text, stdout);
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL, dry ?
		    _("activity %s checked, not written (-n)") :
		    _("activity %s added to communication.yaml"), in.chosen);
	}
	free(rec.text);
	return finish();
}

/* Options */

static void
option(int key, const char *arg)
{
	switch (key) {
	case O_PUBLIC:
		cli_push_list(&publics, &npub, arg, "public", eco_com_publics,
		    ECO_COM_NPUBLICS);
		break;
	case O_STATUT:
		in.statut = statut = cli_code(arg, "statut", eco_com_statuts,
		    ECO_COM_NSTATUTS);
		break;
	case O_TITRE: in.titre = arg; break;
	case O_DATE: in.date = arg; break;
	case O_MOYEN: cli_push(&moyens, &nmoy, arg); break;
	case O_ACTION: cli_push_list(&actions, &nact, arg, "action", NULL, 0); break;
	case O_OBJECTIF:
		cli_push_list(&objectifs, &nobj, arg, "objectif", NULL, 0);
		break;
	case O_BUT: in.but = arg; break;
	case O_MESSAGE: in.message = arg; break;
	case O_FREQUENCE: in.frequence = arg; break;
	case O_VISEE: in.visee = strtoll(arg, NULL, 10); break;
	case O_ID: in.id = arg; break;
	case O_RESP: in.responsable = arg; break;
	case O_BUDGET:
		if (eco_money_parse(arg, strlen(arg), &in.budget) < 0)
			cli_usage_error(NULL, _("--budget: « %s » is not an amount "
			    "in dollars (write 180 or 180.50)"), arg);
		break;
	default: dry = 1;
	}
}

#define PUBLIC_OPT { O_PUBLIC, 0, "public", NULL, CLI_TEXT, "PUBLIC", \
	N_("only what is meant for this audience (codes, comma-separated)"), 0, 0 }

static const struct cli_option filter_options[] = {
	PUBLIC_OPT,
	{ O_STATUT, 0, "statut", "state", CLI_TEXT, "STATUT",
	  N_("only the activities in this state"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_option late_options[] = {
	PUBLIC_OPT,
	{ .name = NULL }
};

static const struct cli_option add_options[] = {
	{ O_TITRE, 0, "titre", "title", CLI_TEXT, "TEXTE",
	  N_("the activity's title"), 0, 0 },
	{ O_PUBLIC, 0, "public", NULL, CLI_TEXT, "PUBLIC",
	  N_("an audience (codes, comma-separated)"), 0, 0 },
	{ O_DATE, 0, "date", NULL, CLI_DATE, "DATE",
	  N_("when it goes out"), 0, 0 },
	{ O_MOYEN, 0, "moyen", "channel", CLI_TEXT, "TEXTE",
	  N_("a channel it uses"), 0, 0 },
	{ O_RESP, 0, "responsable", NULL, CLI_ID, "ID",
	  N_("the member that answers for it"), 0, 0 },
	{ O_BUDGET, 0, "budget", NULL, CLI_TEXT, "MONTANT",
	  N_("what it costs, in dollars"), 0, 0 },
	{ O_ACTION, 0, "action", NULL, CLI_TEXT, "ID",
	  N_("an action of the plan it makes known (ids, comma-separated)"), 0, 0 },
	{ O_OBJECTIF, 0, "objectif", "objective", CLI_TEXT, "ID",
	  N_("an objective of the plan it speaks of (ids, comma-separated)"),
	  0, 0 },
	{ O_BUT, 0, "but", "aim", CLI_TEXT, "TEXTE",
	  N_("what it must achieve"), 0, 0 },
	{ O_MESSAGE, 0, "message", NULL, CLI_TEXT, "TEXTE",
	  N_("what it says"), 0, 0 },
	{ O_FREQUENCE, 0, "frequence", "frequency", CLI_TEXT, "TEXTE",
	  N_("how often it comes back"), 0, 0 },
	{ O_STATUT, 0, "statut", "state", CLI_TEXT, "STATUT",
	  N_("its state (prevue by default)"), 0, 0 },
	{ O_VISEE, 0, "visee", "reach", CLI_INT, "N",
	  N_("how many people it aims to reach"), 0, 1000000000 },
	{ O_ID, 0, "id", NULL, CLI_ID, "ID",
	  N_("its id (by default com- and words of its title)"), 0, 0 },
	{ O_DRY, 'n', "dry-run", NULL, CLI_FLAG, NULL,
	  N_("check and print the activity without writing it"), 0, 0 },
	{ .name = NULL }
};

#define DOCS (1u << FMT_TEXTE | 1u << FMT_MD | 1u << FMT_HTML)

static const struct cli_cmd subs[] = {
	{ .name = "liste", .aliases = "list", .usage = U_LISTE,
	  .summary = N_("the activities, by date"),
	  .example = "eco-communication liste --public parents",
	  .common = CLI_FORMAT | CLI_RESPONSABLE | CLI_ENTRE,
	  .formats = DOCS | 1u << FMT_CSV | 1u << FMT_YAML | 1u << FMT_JSON,
	  .format = FMT_TEXTE, .maxops = CLI_MANY, .options = filter_options,
	  .option = option, .run = run_liste },
	{ .name = "calendrier", .aliases = "calendar", .usage = U_CAL,
	  .summary = N_("the activities by month and audience"),
	  .example = "eco-communication calendrier --entre 2027-01-01:2027-06-30",
	  .common = CLI_FORMAT | CLI_AU | CLI_RESPONSABLE | CLI_ENTRE,
	  .formats = DOCS | 1u << FMT_CSV | 1u << FMT_JSON, .format = FMT_TEXTE,
	  .maxops = CLI_MANY, .options = filter_options, .option = option,
	  .run = run_calendrier },
	{ .name = "retards", .aliases = "late", .usage = U_RETARDS,
	  .summary = N_("the activities late on a day (exit 1 when there are)"),
	  .example = "eco-communication retards --au 2027-03-31",
	  .common = CLI_FORMAT | CLI_AU | CLI_RESPONSABLE,
	  .formats = 1u << FMT_TEXTE | 1u << FMT_YAML | 1u << FMT_JSON,
	  .format = FMT_TEXTE, .maxops = CLI_MANY, .options = late_options,
	  .option = option, .run = run_retards },
	{ .name = "plan", .aliases = "show montre", .usage = U_PLAN,
	  .summary = N_("the whole communication plan, to read or print"),
	  .example = "eco-communication plan -o html > communication.html",
	  .common = CLI_FORMAT | CLI_AU, .formats = DOCS, .format = FMT_TEXTE,
	  .maxops = CLI_MANY, .run = run_plan },
	{ .name = "ajoute", .aliases = "add", .usage = U_AJOUTE,
	  .summary = N_("add an activity at the end of communication.yaml"),
	  .example = "eco-communication ajoute -n --titre 'Kiosque au marché' "
	  "--public parents --date 2027-06-12",
	  .options = add_options, .option = option,
	  .run = run_ajoute },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-communication",
	.usage = U_LISTE NEXT U_CAL NEXT U_RETARDS NEXT U_PLAN NEXT U_AJOUTE,
	.example = "eco-communication retards --au 2027-03-31",
	.common = CLI_DOSSIER, .subs = subs,
};

int
main(int argc, char *argv[])
{
	eco_diags_init(&D);
	return cli_main(&cmd, argc, argv);
}
