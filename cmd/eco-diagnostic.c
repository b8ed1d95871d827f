/*
 * eco-diagnostic - the partnership diagnostic (Outil 13): the
 * questionnaire on paper or in YAML, the answered sheets received into
 * diagnostics/, a session compiled per item and per condition, two
 * sessions compared.
 *
 * The items, the sessions and their counts and scores are
 * lib/eco_diagnostic.c's; this file holds the options and the
 * composition of the reports.  Every output that shows a score says
 * that the scale (A = 2, B = 1, C = 0) is eco's proposal: in words for
 * people, as bareme: proposition in records.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define U_QUEST "eco-diagnostic questionnaire [-o texte|md|html|yaml] " \
	"[--session ID] [--date DATE] [--mode MODE] [--organisme ID]"
#define U_RECOIS "eco-diagnostic [-C DOSSIER] recois [-n] FICHIER..."
#define U_COMPILE "eco-diagnostic [-C DOSSIER] compile " \
	"[-o texte|md|html|csv|json] [--session ID] [FICHIER|-]..."
#define U_COMPARE "eco-diagnostic [-C DOSSIER] compare " \
	"[-o texte|md|html|csv|json] S1 S2"
#define U_SESSIONS "eco-diagnostic [-C DOSSIER] sessions [-o texte|json]"
#define NEXT "\n        "

static const char *const kinds[] = { "diagnostic", NULL };

static struct eco_diags D;
static struct eco_project *P;
static struct eco_questionnaire *Q;
static struct eco_sessions *S;

static int
finish(void)
{
	int rc = cli_finish(&D);

	eco_sessions_free(S);
	eco_questionnaire_free(Q);
	eco_project_close(P);
	eco_diags_free(&D);
	return rc;
}

static int
write_report(struct eco_report *r)
{
	cli_report(r, cli.rformat, &D);
	return finish();
}

static const char *
score(int h)
{
	char buf[ECO_SCORE_BUFSZ];

	return cli_text("%s", eco_score_text(h, 0, 1, buf));
}

static const char *
delta(int h)
{
	char buf[ECO_SCORE_BUFSZ];

	return cli_text("%s", eco_score_text(h, 1, 1, buf));
}

static const char *
mode_label(const char *m)
{
	if (!m)
		return _("not said");
	if (strcmp(m, "groupe") == 0)
		return _("together, in a group discussion");
	if (strcmp(m, "individuel-discussion") == 0)
		return _("each alone, then a discussion");
	if (strcmp(m, "individuel-compile") == 0)
		return _("each alone, then the answers compiled");
	return m;
}

static const char *
scale_note(void)
{
	return _("The scores are eco's proposal, not a rule of the tool: A "
	    "counts 2 points, B 1 and C 0, and a score is the mean of the "
	    "answers, from 0 (all C) to 2 (all A). The spread is the highest "
	    "respondent's score less the lowest's: 0 when everyone agrees, 2 "
	    "when one answers A and another C.");
}

/* The project around the current folder (any folder with operands),
 * the questionnaire, and the sessions of what the command reads; with
 * check, reports never lie.  0, or -1 (recorded). */
static int
open_all(int argc, char **argv, int check)
{
	const struct eco_doc *const *docs;
	size_t n;

	if (!(P = eco_project_open(argc ? NULL : cli_project(), &D)) ||
	    !(Q = eco_questionnaire_load(&D)))
		return -1;
	if (argc && eco_project_inputs(P, argc, argv, &D) < 0)
		return -1;
	if (check && (eco_project_check(P, argc ? NULL : kinds, &D) > 0 || D.sys))
		return -1;
	docs = argc ? eco_project_input_docs(P, &n) :
	    eco_project_docs(P, "diagnostic", &n);
	if (!docs || !(S = eco_sessions_new(Q, docs, n)))
		cli_oom(&D);
	return 0;
}

/* questionnaire */

enum { O_SESSION = 1, O_DATE, O_MODE, O_ORGANISME, O_DRY };

static struct eco_questionnaire_opts qo;
static int dry;

static void
option(int key, const char *arg)
{
	static const char *const modes[] = { "groupe", "individuel-discussion",
	    "individuel-compile", NULL };
	size_t i;

	switch (key) {
	case O_SESSION: qo.session = arg; break;
	case O_DATE: qo.date = arg; break;
	case O_ORGANISME: qo.organisme = arg; break;
	case O_MODE:
		for (i = 0; modes[i] && strcmp(modes[i], arg) != 0; i++)
			;
		if (!modes[i])
			cli_usage_error(NULL, _("--mode is groupe, "
			    "individuel-discussion or individuel-compile, not « %s »"),
			    arg);
		qo.mode = arg;
		break;
	default: dry = 1;
	}
}

static int
run_questionnaire(int argc, char **argv)
{
	struct eco_report *r;

	(void)argc, (void)argv;
	if (!(Q = eco_questionnaire_load(&D)))
		return finish();
	if (cli.format == FMT_YAML) {
		char id[160];

		if (qo.session && qo.organisme) {
			snprintf(id, sizeof id, "%s-%s", qo.session, qo.organisme);
			qo.id = id;
		}
		if (eco_questionnaire_yaml(stdout, Q, &qo) < 0)
			eco_diag_sys(&D, NULL, "%s", strerror(errno));
		return finish();
	}
	if (!(r = eco_questionnaire_paper(Q)))
		cli_oom(&D);
	return write_report(r);
}

/* recois */

/* What messages call an operand: standard input is <stdin>. */
static const char *
shown(const struct eco_file *f)
{
	return strcmp(f->name, "-") == 0 ? "<stdin>" : f->name;
}

/* Whether the file named name is one of the operands. */
static int
operand(const char *name)
{
	size_t i;

	for (i = 0; name && i < eco_project_nfiles(P); i++)
		if (eco_project_file(P, i)->input &&
		    strcmp(shown(eco_project_file(P, i)), name) == 0)
			return 1;
	return 0;
}

/* Errors d holds about the file named name. */
static size_t
errors_in(const struct eco_diags *d, const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		n += d->v[i].sev == ECO_SEV_ERROR && d->v[i].file &&
		    strcmp(d->v[i].file, name) == 0;
	return n;
}

/* Copy into D the diagnostics of from about the file name, or (NULL)
 * those about no operand. */
static void
copy_diags(const struct eco_diags *from, const char *name)
{
	size_t i;

	for (i = 0; i < from->n; i++) {
		const struct eco_diag *g = &from->v[i];

		if (name ? !g->file || strcmp(g->file, name) != 0 :
		    operand(g->file))
			continue;
		if (g->sys)
			eco_diag_sys(&D, g->file, "%s", g->msg);
		else
			eco_diag_add(&D, g->file, g->line, g->col, g->sev,
			    g->check, "%s", g->msg);
		if (g->path)
			eco_diag_set_path(&D, g->path);
	}
}

struct received {
	const struct eco_doc *doc;
	const char *from;
};

static int
render(FILE *fp, const char *id, void *arg)
{
	const struct received *rv = arg;

	(void)id;
	fprintf(fp, "---\n# %s\n", cli_text(_("Received from %s."), rv->from));
	return eco_sheet_yaml(fp, rv->doc->root);
}

/* The documents received by this run, with where they went. */
static const struct eco_doc **got;
static const char **got_where;
static size_t ngot;

/* Whether doc is here already: 1 the same (a note), 0 not at all, -1
 * another document with its id (an error). */
static int
already(const struct eco_doc *doc, const char *name)
{
	const char *id = eco_map_str(doc->root, "id");
	const struct eco_doc *const *docs, *old;
	const char *where;
	size_t i, n;

	/* an append reads diagnostics/ again: the sessions are rebuilt */
	eco_sessions_free(S);
	if (!(docs = eco_project_docs(P, "diagnostic", &n)) ||
	    !(S = eco_sessions_new(Q, docs, n)))
		cli_oom(&D);
	old = eco_sessions_doc(S, id);
	where = old ? old->file : NULL;
	for (i = 0; !old && id && i < ngot; i++)
		if (strcmp(eco_map_str(got[i]->root, "id"), id) == 0)
			old = got[i], where = got_where[i];
	if (!old)
		return 0;
	if (eco_node_equal(old->root, doc->root)) {
		eco_diag_add(&D, name, doc->root->line, doc->root->col,
		    ECO_SEV_NOTE, NULL, _("« %s » was received already (%s): "
		    "left out"), id, where);
		return 1;
	}
	eco_diag_add(&D, name, doc->root->line, doc->root->col, ECO_SEV_ERROR,
	    "diagnostic", _("another questionnaire has the id « %s » (%s): give "
	    "this one its own id"), id, where);
	return -1;
}

/* Append doc to its session's file, created when there is none. */
static void
receive(const struct eco_doc *doc, const char *name)
{
	struct received rv = { doc, name };
	struct eco_record rec = { .kind = "diagnostic", .render = render,
	    .arg = &rv, .flags = dry ? ECO_WRITE_DRY : 0 };
	const char *key = eco_map_str(doc->root, "session");
	char *file;
	int rc;

	if (already(doc, name))
		return;
	file = strdup(cli_text("diagnostics/%s.yaml", key ? key :
	    eco_map_str(doc->root, "date")));
	if (!file || !(got = realloc(got, (ngot + 1) * sizeof *got)) ||
	    !(got_where = realloc(got_where, (ngot + 1) * sizeof *got_where)))
		cli_oom(&D);
	rec.file = file;
	rc = eco_project_has_file(P, file) ? eco_project_append(P, &rec, &D) :
	    eco_project_create(P, &rec, &D);
	free(rec.text);
	if (rc < 0) {
		free(file);
		return;
	}
	eco_diag_add(&D, name, doc->root->line, doc->root->col, ECO_SEV_NOTE,
	    NULL, dry ? _("« %s » would be received into %s") :
	    _("« %s » received into %s"), eco_map_str(doc->root, "id"), file);
	got[ngot] = doc;
	got_where[ngot++] = file;
}

/* The sheet f: received whole, or not at all. */
static void
sheet(const struct eco_file *f, struct eco_diags *chk)
{
	const char *name = shown(f);
	const struct eco_kind *k;
	size_t i;

	for (i = 0; i < f->ndocs; i++)
		if (!(k = eco_kind_of(f->docs[i]->root)) ||
		    strcmp(k->name, "diagnostic") != 0)
			eco_diag_add(chk, name, f->docs[i]->root->line,
			    f->docs[i]->root->col, ECO_SEV_ERROR, "diagnostic", "%s",
			    _("this is not an answered diagnostic questionnaire"));
	copy_diags(chk, name);
	if (!f->opened)
		return;
	if (errors_in(chk, name) || !f->ndocs) {
		eco_diag_add(&D, name, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("not received: the file stays as it is; correct it, then "
		    "give it again"));
		return;
	}
	for (i = 0; i < f->ndocs; i++)
		receive(f->docs[i], name);
}

static int
run_recois(int argc, char **argv)
{
	struct eco_diags chk;
	size_t i;

	if (!argc)
		cli_usage_error(NULL, "%s", _("recois needs the answered "
		    "questionnaires (files)"));
	if (!(P = eco_project_open(cli_project(), &D)) ||
	    !(Q = eco_questionnaire_load(&D)) ||
	    eco_project_inputs(P, argc, argv, &D) < 0)
		return finish();
	/* each sheet is checked on its own; its id is compared below */
	eco_diags_init(&chk);
	eco_project_check(P, NULL, &chk);
	copy_diags(&chk, NULL);
	if (!D.nerr && !D.sys)
		for (i = 0; i < eco_project_nfiles(P); i++)
			if (eco_project_file(P, i)->input)
				sheet(eco_project_file(P, i), &chk);
	eco_diags_free(&chk);
	for (i = 0; i < ngot; i++)
		free((char *)got_where[i]);
	free(got);
	free(got_where);
	return finish();
}

/* compile */

static const char *session_id;	/* --session */

static const struct eco_session *
session(const char *id)
{
	const struct eco_session *s = id ? eco_sessions_find(S, id) :
	    eco_sessions_latest(S);
	struct eco_buf b = ECO_BUF_INIT;
	size_t i;

	if (s)
		return s;
	for (i = 0; i < S->n; i++)
		eco_buf_printf(&b, i ? ", %s" : "%s", S->v[i].id);
	if (!S->n)
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no answered diagnostic questionnaire to compile"));
	else
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("no diagnostic session « %s » (sessions: %s)"), id,
		    b.s ? b.s : "");
	eco_buf_free(&b);
	return NULL;
}

/* The ids of the sessions but s, comma-separated. */
static const char *
others(const struct eco_session *s)
{
	struct eco_buf b = ECO_BUF_INIT;
	const char *out;
	size_t i;

	for (i = 0; i < S->n; i++)
		if (&S->v[i] != s)
			eco_buf_printf(&b, b.n ? ", %s" : "%s", S->v[i].id);
	if (b.oom)
		cli_oom(&D);
	out = cli_text("%s", b.s ? b.s : "");
	eco_buf_free(&b);
	return out;
}

static const char *
span(const struct eco_session *s)
{
	return strcmp(s->debut, s->fin) == 0 ? s->debut :
	    cli_text(_("%s to %s"), s->debut, s->fin);
}

static int
run_compile(int argc, char **argv)
{
	const struct eco_session *s;
	struct eco_report *r;

	if (open_all(argc, argv, 1) < 0 || !(s = session(session_id)))
		return finish();
	if (!(r = eco_report_new(NULL, cli_text(_("Diagnostic of the partnership — "
	    "session %s"), s->id))))
		cli_oom(&D);
	eco_report_footer(r, eco_project_name(P), s->fin);
	eco_report_para(r, cli_text(ngettext("%zu answered questionnaire, %s; way "
	    "of answering: %s.", "%zu answered questionnaires, %s; way of "
	    "answering: %s.", s->ndocs), s->ndocs, span(s), mode_label(s->mode)));
	if (!session_id && S->n > 1)
		eco_report_para(r, cli_text(_("The latest of %zu sessions; the others: "
		    "%s."), S->n, others(s)));
	eco_report_para(r, scale_note());
	if (eco_session_tables(r, Q, s) < 0 || eco_session_notes(r, Q, s) < 0)
		cli_oom(&D);
	return write_report(r);
}

/* compare */

static const struct eco_session *S1, *S2;

static void
compare_cells(struct eco_table *t, size_t col, const struct eco_tally *a,
    const struct eco_tally *b, int data)
{
	int known = a->score >= 0 && b->score >= 0;

	if (data) {
		eco_score_cell(t, col, a->score, 0);
		eco_score_cell(t, col + 1, b->score, 0);
		if (known)
			eco_score_cell(t, col + 2, b->score - a->score, 1);
		eco_table_text(t, col + 3, "proposition");
		return;
	}
	eco_table_text(t, col, score(a->score));
	eco_table_text(t, col + 1, score(b->score));
	eco_table_text(t, col + 2, known ? delta(b->score - a->score) : "—");
}

static void
compare_columns(struct eco_table *t, int data)
{
	eco_table_column(t, "avant", S1->id, ECO_COL_RIGHT, 0);
	eco_table_column(t, "apres", S2->id, ECO_COL_RIGHT, 0);
	eco_table_column(t, "evolution", _("Change"), ECO_COL_RIGHT, 0);
	if (data)
		eco_table_column(t, "bareme", NULL, 0, 0);
}

static void
compare_conditions(struct eco_report *r, int data)
{
	struct eco_table *t = eco_report_table(r, "diagnostic-evolution-condition",
	    NULL, data ? ECO_SHOW_DATA : ECO_SHOW_DOC);
	size_t i;

	eco_table_column(t, "numero", _("No."), ECO_COL_RIGHT, 0);
	eco_table_column(t, data ? "condition" : "nom", _("Condition"), 0, 40);
	compare_columns(t, data);
	for (i = 0; i < ECO_NCONDITIONS; i++) {
		eco_table_row(t);
		eco_count_cell(t, 0, (unsigned)Q->conditions[i].numero);
		eco_table_text(t, 1, data ? Q->conditions[i].id :
		    Q->conditions[i].nom);
		compare_cells(t, 2, &S1->conditions[i], &S2->conditions[i], data);
	}
	eco_table_total(t);
	eco_table_text(t, 1, _("All 18 items"));
	compare_cells(t, 2, &S1->all, &S2->all, data);
}

/* Items by their change, the largest fall first. */
static int
by_change(const void *a, const void *b)
{
	int x = *(const int *)a - 1, y = *(const int *)b - 1;
	int dx = S2->items[x].score - S1->items[x].score;
	int dy = S2->items[y].score - S1->items[y].score;

	return dx != dy ? (dx < dy ? -1 : 1) : x - y;
}

static void
compare_items(struct eco_report *r, int data)
{
	struct eco_table *t = eco_report_table(r, "diagnostic-evolution-item",
	    NULL, data ? ECO_SHOW_DATA : ECO_SHOW_DOC);
	int order[ECO_NITEMS];
	size_t i;

	for (i = 0; i < ECO_NITEMS; i++)
		order[i] = (int)i + 1;
	qsort(order, ECO_NITEMS, sizeof *order, by_change);
	eco_table_column(t, "item", _("Questionnaire item"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "theme", _("Theme"), 0, 34);
	eco_table_column(t, "condition", _("Cond."), ECO_COL_RIGHT, 0);
	compare_columns(t, data);
	for (i = 0; i < ECO_NITEMS; i++) {
		const struct eco_item *it = &Q->items[order[i] - 1];

		eco_table_row(t);
		eco_count_cell(t, 0, (unsigned)it->numero);
		eco_table_text(t, 1, it->theme);
		if (data)
			eco_table_text(t, 2, it->condition->id);
		else
			eco_count_cell(t, 2, (unsigned)it->condition->numero);
		compare_cells(t, 3, &S1->items[order[i] - 1],
		    &S2->items[order[i] - 1], data);
	}
}

/* A session in a line: its questionnaires, dates, way of answering. */
static const char *
about(const struct eco_session *s)
{
	return cli_text(ngettext("Session %s: %zu questionnaire, %s, %s.",
	    "Session %s: %zu questionnaires, %s, %s.", s->ndocs), s->id,
	    s->ndocs, span(s), mode_label(s->mode));
}

static int
run_compare(int argc, char **argv)
{
	struct eco_report *r;

	if (argc != 2)
		cli_usage_error(NULL, "%s", _("compare needs two sessions: the "
		    "earlier, then the later"));
	if (open_all(0, NULL, 1) < 0 || !(S1 = session(argv[0])) ||
	    !(S2 = session(argv[1])))
		return finish();
	if (!(r = eco_report_new(NULL, cli_text(_("Diagnostic of the partnership — "
	    "from %s to %s"), S1->id, S2->id))))
		cli_oom(&D);
	eco_report_footer(r, eco_project_name(P), S2->fin);
	eco_report_item(r, 0, about(S1));
	eco_report_item(r, 0, about(S2));
	if (S1->mode && S2->mode && strcmp(S1->mode, S2->mode) != 0)
		eco_report_para(r, _("The two sessions were not answered the same "
		    "way: a group's answer and a mean of answers given alone "
		    "compare with care."));
	eco_report_para(r, scale_note());
	eco_report_para(r, _("A change is the later score less the earlier: "
	    "above 0 the item has improved, below 0 it has weakened."));
	eco_report_heading(r, 2, _("By condition"));
	compare_conditions(r, 0);
	compare_conditions(r, 1);
	eco_report_heading(r, 2, _("By item, the largest fall first"));
	compare_items(r, 0);
	compare_items(r, 1);
	return write_report(r);
}

/* sessions */

static int
run_sessions(int argc, char **argv)
{
	struct eco_report *r;
	struct eco_table *t;
	size_t i;

	(void)argc, (void)argv;
	if (open_all(0, NULL, 1) < 0)
		return finish();
	if (!S->n) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL, "%s",
		    _("no answered diagnostic questionnaire in diagnostics/"));
		return finish();
	}
	if (!(r = eco_report_new(NULL, _("Diagnostic sessions"))))
		cli_oom(&D);
	eco_report_para(r, scale_note());
	t = eco_report_table(r, "diagnostic-session", NULL,
	    ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "session", _("Session"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "debut", _("From"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "fin", _("To"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "mode", _("Way of answering"), 0, 26);
	eco_table_column(t, "questionnaires", _("Questionnaires"),
	    ECO_COL_RIGHT, 0);
	eco_table_column(t, "score", _("Score"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "bareme", _("Scale"), ECO_COL_NOTEXTE, 0);
	for (i = 0; i < S->n; i++) {
		eco_table_row(t);
		eco_table_text(t, 0, S->v[i].id);
		eco_table_text(t, 1, S->v[i].debut);
		eco_table_text(t, 2, S->v[i].fin);
		eco_table_text(t, 3, cli.format == FMT_JSON ? S->v[i].mode :
		    mode_label(S->v[i].mode));
		eco_count_cell(t, 4, (unsigned)S->v[i].ndocs);
		eco_score_cell(t, 5, S->v[i].all.score, 0);
		eco_table_text(t, 6, "proposition");
	}
	return write_report(r);
}

/* The command. */

static const struct cli_option quest_options[] = {
	{ O_SESSION, 0, "session", NULL, CLI_ID, "ID",
	  N_("the session to write on the questionnaire"), 0, 0 },
	{ O_DATE, 0, "date", NULL, CLI_DATE, "DATE",
	  N_("the date to write on it"), 0, 0 },
	{ O_MODE, 0, "mode", NULL, CLI_TEXT, "MODE",
	  N_("how the group answers: groupe, individuel-discussion or "
	  "individuel-compile"), 0, 0 },
	{ O_ORGANISME, 0, "organisme", NULL, CLI_ID, "ID",
	  N_("the member who answers (yaml: its id with the session's)"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_option recois_options[] = {
	{ O_DRY, 'n', "dry-run", NULL, CLI_FLAG, NULL,
	  N_("check and say where each would go, write nothing"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_option compile_options[] = {
	{ O_SESSION, 0, "session", NULL, CLI_ID, "ID",
	  N_("the session to compile (the latest by default)"), 0, 0 },
	{ .name = NULL }
};

#define REPORTS (1u << FMT_TEXTE | 1u << FMT_MD | 1u << FMT_HTML | \
	1u << FMT_CSV | 1u << FMT_JSON)

static const struct cli_cmd subs[] = {
	{ .name = "questionnaire", .aliases = "form", .usage = U_QUEST,
	  .summary = N_("the questionnaire, on paper or in YAML to fill"),
	  .example = "eco-diagnostic questionnaire -o html > questionnaire.html",
	  .common = CLI_FORMAT, .formats = 1u << FMT_TEXTE | 1u << FMT_MD |
	  1u << FMT_HTML | 1u << FMT_YAML, .format = FMT_TEXTE,
	  .options = quest_options, .option = option,
	  .run = run_questionnaire },
	{ .name = "recois", .aliases = "receive", .usage = U_RECOIS,
	  .summary = N_("add answered questionnaires to diagnostics/"),
	  .example = "eco-diagnostic recois -n retour-cpe.yaml",
	  .maxops = CLI_MANY, .options = recois_options, .option = option,
	  .run = run_recois },
	{ .name = "compile", .usage = U_COMPILE,
	  .summary = N_("a session's answers per condition and per item"),
	  .example = "eco-diagnostic compile --session diag-2027",
	  .common = CLI_FORMAT, .formats = REPORTS, .format = FMT_TEXTE,
	  .maxops = CLI_MANY, .options = compile_options, .option = option,
	  .run = run_compile },
	{ .name = "compare", .usage = U_COMPARE,
	  .summary = N_("two sessions side by side, the earlier first"),
	  .example = "eco-diagnostic compare diag-2026 diag-2027",
	  .common = CLI_FORMAT, .formats = REPORTS, .format = FMT_TEXTE,
	  .maxops = 2, .run = run_compare },
	{ .name = "sessions", .usage = U_SESSIONS,
	  .summary = N_("the sessions answered, with their ids"),
	  .example = "eco-diagnostic sessions", .common = CLI_FORMAT,
	  .formats = 1u << FMT_TEXTE | 1u << FMT_JSON, .format = FMT_TEXTE,
	  .run = run_sessions },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-diagnostic",
	.usage = U_QUEST NEXT U_RECOIS NEXT U_COMPILE NEXT U_COMPARE NEXT
	    U_SESSIONS,
	.example = "eco-diagnostic compile --session diag-2027",
	.common = CLI_DOSSIER, .subs = subs,
};

int
main(int argc, char *argv[])
{
	eco_diags_init(&D);
	return cli_main(&cmd, argc, argv);
}
