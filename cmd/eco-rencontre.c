/*
 * eco-rencontre - the meetings of the cycle (Outil 2): propose their
 * calendar, print a meeting's agenda, record what was decided, list the
 * to-dos still open.
 *
 * A meeting is one file, rencontres/rNN.yaml, that a person edits;
 * eco-rencontre never rewrites it.  planifie creates the files of the
 * meetings that have none, and note appends a note after the meeting,
 * both through the project layer (lock, check, atomic write).  The
 * meetings, their notes and to-dos, the cycle's slots and what an agenda
 * holds are lib/eco_rencontre.c's; this file holds the options and the
 * composition of the reports.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define U_PLAN "eco-rencontre [-C DOSSIER] planifie [--debut DATE] " \
	"[--frequence N] [-n]"
#define U_AGENDA "eco-rencontre [-C DOSSIER] ordre-du-jour " \
	"[-o texte|md|html] [--ajoute FICHIER|-] [N]"
#define U_NOTE "eco-rencontre [-C DOSSIER] note [-n] [--presence ID]... " \
	"[--absence ID]... [--decision TEXTE]... [--a-faire TEXTE " \
	"[--responsable ID] [--personne NOM] [--echeance DATE]]... [--fait ID]... N"
#define U_CR "eco-rencontre [-C DOSSIER] compte-rendu [-o texte|md|html] N"
#define U_SUIVIS "eco-rencontre [-C DOSSIER] suivis [-o yaml|json|texte]"
#define NEXT "\n        "

/* What a report reads must be valid: the meetings and their notes. */
static const char *const kinds[] = { "rencontre", "note", NULL };

static struct eco_diags D;
static struct eco_project *P;
static struct eco_cycle *C;
static struct eco_state *S;
static struct eco_rencontres *R;

static void *
grow(void *v, size_t n, size_t size)
{
	if (!(v = realloc(v, (n + 1) * size)))
		cli_oom(&D);
	return v;
}

/*
 * The project around the current folder and its meetings; with check,
 * reports never lie: what they read is checked first; with state, the
 * cycle and where the project stands in it.  0, or -1 (recorded).
 */
static int
open_project(int check, int state)
{
	if (!(P = eco_project_open(cli_project(), &D)) ||
	    (check && (eco_project_check(P, kinds, &D) > 0 || D.sys)))
		return -1;
	if (state && (!(C = eco_cycle_load(&D)) || !(S = eco_state_of(C, P, &D))))
		return -1;
	return (R = eco_rencontres_read(P, S, &D)) ? 0 : -1;
}

static int
finish(void)
{
	int rc = cli_finish(&D);

	eco_rencontres_free(R);
	eco_state_free(S);
	eco_cycle_free(C);
	eco_project_close(P);
	eco_diags_free(&D);
	return rc;
}

static int
write_report(struct eco_report *r, enum eco_rformat f)
{
	cli_report(r, f, &D);
	return finish();
}

/* What a meeting's file is called from the root. */
static const char *
rel_of(const struct eco_rencontre *m)
{
	const char *rel = eco_project_rel(P, m->file);

	return rel ? rel : m->file;
}

/* Who answers for a to-do, members by their names. */
static const char *
who(const struct eco_tache *t)
{
	static char buf[1024];

	return eco_tache_who(t, P, buf, sizeof buf);
}

static long
numero(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*end || end == s || n < 1)
		cli_usage_error(NULL, _("a meeting is given by its number, not « %s »"),
		    s);
	return n;
}

enum { O_DEBUT = 1, O_FREQUENCE, O_DRY, O_AJOUTE, O_PRESENCE, O_ABSENCE,
	O_DECISION, O_AFAIRE, O_RESPONSABLE, O_PERSONNE, O_ECHEANCE, O_FAIT };

/* planifie */

static const char *debut;
static long weeks = 4;
static int dry;

/* Write the meeting of e, or with -n print it; what became of it. */
static const char *
write_meeting(struct eco_schedule *e)
{
	struct eco_record rec = { .file = e->file, .kind = "rencontre",
	    .render = eco_schedule_render, .arg = e,
	    .flags = dry ? ECO_WRITE_DRY : 0 };
	int rc = eco_project_create(P, &rec, &D);

	if (rc == 0 && dry)
		printf("---\n%s", rec.text);
	free(rec.text);
	return rc == 0 ? _("written") : _("not written");
}

static void
plan_row(struct eco_table *t, struct eco_schedule *e)
{
	const struct eco_node *r = e->rencontre ? e->rencontre->root : NULL;
	const char *date = r ? eco_map_text(r, "date") : NULL;
	char title[256];

	eco_slot_title(e->slot, title, sizeof title);
	eco_table_row(t);
	eco_table_text(t, 0, cli_text("%d", e->slot->number));
	eco_table_text(t, 2, e->slot->meeting->stage->name);
	eco_table_text(t, 4, r ? rel_of(e->rencontre) : e->file);
	if (!r && !e->taken) {
		eco_table_text(t, 1, e->date);
		eco_table_text(t, 3, title);
		eco_table_text(t, 5, write_meeting(e));
		return;
	}
	eco_table_text(t, 1, date ? date : "—");
	eco_table_text(t, 3, eco_map_str(r, "titre") ? eco_map_str(r, "titre") :
	    title);
	eco_table_text(t, 5, _("already there"));
}

/* Without --debut: --frequence weeks after the last meeting there, or
 * today when none has a date; NULL when the clock fails. */
static const char *
first_day(void)
{
	static char day[ECO_DATE_BUFSZ];
	const char *d, *last = NULL;
	size_t i;

	for (i = 0; i < R->n; i++)
		if ((d = eco_map_date(R->v[i].root, "date")) &&
		    (!last || strcmp(d, last) > 0))
			last = d;
	if (!last)
		return eco_date_today(day);
	if (!eco_date_add(last, 7L * weeks, day))
		return last;
	return day;
}

static int
run_planifie(int argc, char **argv)
{
	struct eco_report *r;
	struct eco_table *t;
	struct eco_schedule *v;
	size_t n, i;

	(void)argc, (void)argv;
	if (open_project(1, 1) < 0)
		return finish();
	if (!debut && !(debut = first_day())) {
		eco_diag_sys(&D, NULL, "%s", strerror(errno));
		return finish();
	}
	if (!(v = eco_rencontres_schedule(R, P, debut, (int)weeks, &n, &D)))
		return finish();
	if (!(r = eco_report_new(NULL, _("Calendar of the meetings"))))
		cli_oom(&D);
	eco_report_para(r, cli_text(_("The cycle has %zu meetings; the new ones come "
	    "every %ld weeks from %s (--frequence, 4 by default)."), n, weeks,
	    debut));
	t = eco_report_table(r, "rencontre", NULL, ECO_SHOW_DOC);
	eco_table_column(t, "numero", _("No."), ECO_COL_RIGHT, 0);
	eco_table_column(t, "date", _("Date"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "etape", _("Stage"), 0, 0);
	eco_table_column(t, "titre", _("Meeting"), 0, 44);
	eco_table_column(t, "fichier", _("File"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "etat", _("State"), 0, 0);
	for (i = 0; i < n; i++)
		plan_row(t, &v[i]);
	free(v);
	if (!dry)
		return write_report(r, ECO_R_TEXTE);
	eco_report_free(r);	/* -n: the records are the output */
	return finish();
}

/* ordre-du-jour */

static const char *ajoute;		/* --ajoute */

/* The documents of --ajoute, any kind: read, not checked. */
static const struct eco_doc *const *
read_added(size_t *n)
{
	char *one[1] = { (char *)ajoute };
	const struct eco_doc *const *v;
	size_t i;

	if (ajoute && eco_project_inputs(P, 1, one, &D) < 0)
		cli_oom(&D);
	for (i = 0; i < eco_project_nfiles(P); i++)
		if (eco_project_file(P, i)->input)
			eco_file_diags(eco_project_file(P, i), &D);
	if (!(v = eco_project_input_docs(P, n)))
		cli_oom(&D);
	return v;
}

/* An added document as a point: what its kind is called, its title. */
static const char *
added_point(const struct eco_doc *doc)
{
	const struct eco_kind *k = eco_kind_of(doc->root);
	const char *title = k && k->title ? eco_map_str(doc->root, k->title) : NULL;

	if (!title)
		title = eco_map_str(doc->root, "id");
	if (k && title)
		return cli_text(_("%s: %s (added)"), eco_kind_label(k), title);
	return cli_text(_("document %d of %s (added)"), doc->index, doc->file);
}

static void
agenda_facts(struct eco_report *r, const struct eco_agenda *a)
{
	const struct eco_node *m = a->rencontre ? a->rencontre->root : NULL;
	const char *st = eco_rencontre_status(eco_map_str(m, "statut"));

	if (a->rencontre && a->rencontre->held)
		eco_report_para(r, st && strcmp(eco_map_str(m, "statut"),
		    "annulee") == 0 ? _("This meeting was cancelled.") :
		    eco_map_text(m, "date") ? cli_text(_("This meeting was held on %s."),
		    eco_map_text(m, "date")) :
		    _("This meeting was held."));
	eco_report_item(r, 0, *a->when ? cli_text(_("Date: %s"), a->when) :
	    _("Date: not set yet"));
	if (eco_map_str(m, "lieu"))
		eco_report_item(r, 0, cli_text(_("Place: %s"), eco_map_str(m, "lieu")));
	if (a->stage)
		eco_report_item(r, 0, cli_text(_("Stage: %s (%d of %zu)"), a->stage->name,
		    a->stage->number, C->nstages));
	if (st)
		eco_report_item(r, 0, cli_text(_("Status: %s"), st));
	eco_report_item(r, 0, m ? cli_text(_("File: %s"), rel_of(a->rencontre)) :
	    _("File: none yet (eco-rencontre planifie writes it)"));
}

static void
agenda_points(struct eco_report *r, const struct eco_agenda *a,
    const struct eco_doc *const *added, size_t nadded)
{
	const struct eco_node *odj = a->rencontre ?
	    eco_map_seq(a->rencontre->root, "ordre_du_jour") : NULL;
	const struct eco_node *p;
	struct eco_buf b = ECO_BUF_INIT;
	size_t i;

	eco_report_heading(r, 2, _("Agenda"));
	for (i = 0; odj && i < odj->len; i++) {
		p = odj->u.items[i];
		eco_buf_clear(&b);
		eco_buf_adds(&b, eco_map_str(p, "sujet"));
		if (eco_map_text(p, "duree"))
			eco_buf_printf(&b, _(" (%s min)"), eco_map_text(p, "duree"));
		if (eco_map_str(p, "anime_par"))
			eco_buf_printf(&b, " — %s", eco_map_str(p, "anime_par"));
		eco_report_item(r, 1, b.s ? b.s : "");
	}
	eco_buf_free(&b);
	for (i = 0; i < nadded; i++)
		eco_report_item(r, 1, added_point(added[i]));
	if (!nadded && !(odj && odj->len))
		eco_report_para(r, _("No point written yet."));
}

static const char *
progress_word(enum eco_progress p)
{
	return p == ECO_PROGRESS_DONE ? _("achieved") :
	    p == ECO_PROGRESS_STARTED ? _("started") : _("not begun");
}

static void
agenda_objectives(struct eco_report *r, const struct eco_agenda *a)
{
	const struct eco_objective_state *os;
	size_t i;

	eco_report_heading(r, 2, _("Objectives"));
	for (i = 0; i < a->nobjectives; i++)
		if ((os = a->objectives[i].state))
			eco_report_item(r, 0, cli_text(_("%s: %s"),
			    progress_word(os->progress), os->objective->label));
		else
			eco_report_item(r, 0, cli_text(_("%s: not an objective of the "
			    "cycle"), a->objectives[i].id));
	for (i = 0; i < a->nothers; i++)
		eco_report_item(r, 0, a->others[i]);
	if (!a->nobjectives && !a->nothers)
		eco_report_para(r, C_("objectives", "None."));
	eco_report_heading(r, 2, _("Outils"));
	for (i = 0; i < a->ntools; i++)
		eco_report_item(r, 0, cli_text(_("Outil %d: %s (%s)"),
		    a->tools[i]->number, a->tools[i]->name, a->tools[i]->command));
	if (!a->ntools)
		eco_report_para(r, C_("outils", "None."));
	eco_report_heading(r, 2, _("Files to bring"));
	for (i = 0; i < a->nfiles; i++)
		eco_report_item(r, 0, a->files[i].present ? a->files[i].pattern :
		    cli_text(_("%s (not there yet)"), a->files[i].pattern));
	if (!a->nfiles)
		eco_report_para(r, C_("files", "None."));
}

/* The to-dos as a table: their ids are what note --fait takes. */
static struct eco_table *
todo_table(struct eco_report *r)
{
	struct eco_table *t = eco_report_table(r, "tache", NULL, ECO_SHOW_DOC);

	eco_table_column(t, "id", _("To-do"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "rencontre", _("Meeting"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "description", _("Description"), 0, 32);
	eco_table_column(t, "responsable", _("Responsible"), 0, 22);
	eco_table_column(t, "echeance", _("Due"), ECO_COL_NOWRAP, 0);
	return t;
}

static void
todo_row(struct eco_table *t, const struct eco_tache *k)
{
	eco_table_row(t);
	eco_table_text(t, 0, k->id);
	eco_table_text(t, 1, cli_text("%ld", k->rencontre->numero));
	eco_table_text(t, 2, eco_map_str(k->node, "description"));
	eco_table_text(t, 3, who(k));
	eco_table_text(t, 4, eco_map_text(k->node, "echeance"));
}

static void
agenda_todos(struct eco_report *r, const struct eco_agenda *a)
{
	const struct eco_objective_state *os;
	struct eco_table *t;
	size_t i, k = 0;

	eco_report_heading(r, 2, _("Open to-dos of earlier meetings"));
	if (!a->ntaches)
		eco_report_para(r, C_("to-dos", "None."));
	for (i = 0, t = a->ntaches ? todo_table(r) : NULL; i < a->ntaches; i++)
		todo_row(t, a->taches[i]);
	eco_report_heading(r, 2, _("Still missing for its objectives"));
	for (i = 0; i < a->nobjectives; i++)
		if ((os = a->objectives[i].state) &&
		    os->progress != ECO_PROGRESS_DONE && ++k)
			eco_report_item(r, 0, cli_text(_("%s: %s (%s)"),
			    os->objective->label, os->missing ? os->missing : "",
			    os->objective->command));
	if (!k)
		eco_report_para(r, _("Nothing: every objective of this meeting is "
		    "reached."));
}

static struct eco_report *
agenda_report(const struct eco_agenda *a, const struct eco_doc *const *added,
    size_t nadded)
{
	struct eco_report *r = eco_report_new(NULL, cli_text(_("Meeting %ld — %s"),
	    a->numero, a->title ? a->title : _("(no title)")));

	if (!r)
		cli_oom(&D);
	eco_report_footer(r, eco_project_name(P), a->rencontre ?
	    eco_map_date(a->rencontre->root, "date") : NULL);
	agenda_facts(r, a);
	agenda_points(r, a, added, nadded);
	agenda_objectives(r, a);
	agenda_todos(r, a);
	return r;
}

static int
run_agenda(int argc, char **argv)
{
	long num = argc ? numero(argv[0]) : 0;
	const struct eco_doc *const *added;
	struct eco_agenda *a = NULL;
	size_t nadded;
	int rc;

	/* the meetings are not valid, or what to add cannot be read: no
	 * agenda */
	if (open_project(1, 1) < 0 || !(added = read_added(&nadded)) || D.sys)
		rc = finish();
	else if (!num && !(num = eco_rencontres_next(R))) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no meeting to come: every meeting of the cycle is held"));
		rc = finish();
	} else if ((rc = eco_agenda_of(R, S, P, num, &a)) < 0)
		cli_oom(&D);
	else if (!rc) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("no meeting %ld: none in rencontres/, and the cycle has %zu"),
		    num, R->nslots);
		rc = finish();
	} else
		rc = write_report(agenda_report(a, added, nadded), cli.rformat);
	eco_agenda_free(a);
	return rc;
}

/* compte-rendu: the minutes of a held meeting, for people */

static void
minutes_presences(struct eco_report *r, const struct eco_node *m)
{
	const struct eco_node *pr = eco_map_seq(m, "presences");
	const struct eco_node *ab = eco_map_seq(m, "absences");
	struct eco_buf b = ECO_BUF_INIT;
	size_t i, j;

	for (i = 0; pr && i < pr->len; i++) {
		const char *org = eco_map_str(pr->u.items[i], "organisme");
		const struct eco_node *ps = eco_map_seq(pr->u.items[i], "personnes");

		eco_buf_clear(&b);
		if (org)
			eco_buf_adds(&b, eco_project_title(P, "organisme", org) ?
			    eco_project_title(P, "organisme", org) : org);
		for (j = 0; ps && j < ps->len; j++)
			if (ps->u.items[j]->type == ECO_STR)
				eco_buf_printf(&b, "%s%s", j ? ", " : org ? _(": ") :
				    "", ps->u.items[j]->s);
		if (b.n)
			eco_report_item(r, 0, b.s);
	}
	for (i = 0; ab && i < ab->len; i++)
		if (ab->u.items[i]->type == ECO_STR)
			eco_report_item(r, 0, cli_text(_("%s (sent apologies)"),
			    eco_project_title(P, "organisme", ab->u.items[i]->s) ?
			    eco_project_title(P, "organisme", ab->u.items[i]->s) :
			    ab->u.items[i]->s));
	if (b.oom)
		cli_oom(&D);
	eco_buf_free(&b);
}

static size_t
minutes_decisions(struct eco_report *r, const struct eco_node *m)
{
	const struct eco_node *dv = eco_map_seq(m, "decisions");
	struct eco_buf b = ECO_BUF_INIT;
	size_t i, n = 0;

	for (i = 0; dv && i < dv->len; i++)
		if (eco_decision_text(P, dv->u.items[i], &b)) {
			eco_report_item(r, 1, b.s);
			n++;
		}
	if (b.oom)
		cli_oom(&D);
	eco_buf_free(&b);
	return n;
}

static struct eco_report *
minutes_report(const struct eco_rencontre *m)
{
	const struct eco_node *root = m->root, *odj;
	const char *st = eco_map_str(root, "statut"), *s;
	struct eco_report *r;
	struct eco_table *t = NULL;
	size_t i, n;

	r = eco_report_new(NULL, cli_text(_("Minutes of meeting %ld — %s"),
	    m->numero, eco_map_str(root, "titre") ? eco_map_str(root, "titre") :
	    _("(no title)")));
	if (!r)
		cli_oom(&D);
	eco_report_footer(r, eco_project_name(P), eco_map_date(root, "date"));
	if ((s = eco_map_text(root, "date")))
		eco_report_item(r, 0, eco_map_text(root, "heure") ?
		    cli_text(_("Date: %s, %s"), s, eco_map_text(root, "heure")) :
		    cli_text(_("Date: %s"), s));
	if ((s = eco_map_str(root, "lieu")))
		eco_report_item(r, 0, cli_text(_("Place: %s"), s));
	if (st && strcmp(st, "annulee") == 0)
		eco_report_para(r, _("This meeting was cancelled."));
	eco_report_heading(r, 2, _("Present"));
	minutes_presences(r, root);
	for (i = 0; i < m->nnotes; i++)
		minutes_presences(r, m->notes[i]);
	if ((odj = eco_map_seq(root, "ordre_du_jour")) && odj->len) {
		eco_report_heading(r, 2, _("Agenda"));
		for (i = 0; i < odj->len; i++)
			if ((s = eco_map_str(odj->u.items[i], "sujet")))
				eco_report_item(r, 1, s);
	}
	if ((s = eco_map_str(root, "compte_rendu"))) {
		eco_report_heading(r, 2, _("What was said"));
		eco_report_para(r, s);
	}
	eco_report_heading(r, 2, _("Decisions"));
	n = minutes_decisions(r, root);
	for (i = 0; i < m->nnotes; i++)
		n += minutes_decisions(r, m->notes[i]);
	if (!n)
		eco_report_para(r, _("No decision was recorded."));
	eco_report_heading(r, 2, _("To do"));
	for (i = n = 0; i < R->ntaches; i++) {
		const struct eco_tache *k = &R->taches[i];

		if (k->rencontre != m)
			continue;
		if (!t) {
			t = eco_report_table(r, "tache", NULL, ECO_SHOW_DOC);
			eco_table_column(t, "description", _("What"), 0, 40);
			eco_table_column(t, "responsable", _("Who"), 0, 24);
			eco_table_column(t, "echeance", _("Due"), ECO_COL_NOWRAP, 0);
			eco_table_column(t, "fait", _("Done"), ECO_COL_NOWRAP, 0);
		}
		eco_table_row(t);
		eco_table_text(t, 0, eco_map_str(k->node, "description"));
		eco_table_text(t, 1, who(k));
		eco_table_text(t, 2, eco_map_text(k->node, "echeance"));
		eco_table_text(t, 3, !k->done ? NULL :
		    eco_map_text(k->node, "fait_le") ?
		    eco_map_text(k->node, "fait_le") : _("yes"));
		n++;
	}
	if (!n)
		eco_report_para(r, _("No to-do was set."));
	for (i = 0; i < m->nnotes; i++)
		if ((s = eco_map_str(m->notes[i], "notes")))
			eco_report_para(r, s);
	if ((s = eco_map_str(root, "notes")))
		eco_report_para(r, s);
	return r;
}

static int
run_compte_rendu(int argc, char **argv)
{
	const struct eco_rencontre *m;
	long num;

	if (argc != 1)
		cli_usage_error(NULL, "%s", _("compte-rendu needs the number of a held meeting"));
	num = numero(argv[0]);
	if (open_project(1, 1) < 0)
		return finish();
	if (!(m = eco_rencontres_numero(R, num))) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("no meeting %ld in rencontres/"), num);
		return finish();
	}
	if (!m->held) {
		eco_diag_add(&D, m->file, m->root->line, m->root->col,
		    ECO_SEV_ERROR, NULL,
		    _("meeting %ld is not held yet: its minutes come once it is (statut: tenue, or a note with presences or decisions)"),
		    num);
		return finish();
	}
	return write_report(minutes_report(m), cli.rformat);
}

/* note */

static const char **presences, **absences, **decisions, **faites;
static size_t np, na, nd, nf;
static struct eco_todo_in *todos;
static size_t nt;

static struct eco_todo_in *
last_todo(const char *opt)
{
	if (!nt)
		cli_usage_error(NULL, _("%s goes after the --a-faire it belongs to"),
		    opt);
	return &todos[nt - 1];
}

/* Every subcommand's own options, their values checked. */
static void
option(int key, const char *arg)
{
	char fold[1024];

	switch (key) {
	case O_DEBUT: debut = arg; break;
	case O_FREQUENCE: weeks = strtol(arg, NULL, 10); break;
	case O_AJOUTE: ajoute = arg; break;
	case O_PRESENCE: cli_push_list(&presences, &np, arg, "presence", NULL, 0); break;
	case O_ABSENCE: cli_push_list(&absences, &na, arg, "absence", NULL, 0); break;
	case O_FAIT: cli_push_list(&faites, &nf, arg, "fait", NULL, 0); break;
	case O_DECISION: cli_push(&decisions, &nd, arg); break;
	case O_AFAIRE:
		todos = grow(todos, nt, sizeof *todos);
		todos[nt++] = (struct eco_todo_in){ .description = arg,
		    .folded = cli_keep(eco_text_fold(arg, fold, sizeof fold)) };
		break;
	case O_RESPONSABLE: last_todo("--responsable")->responsable = arg; break;
	case O_PERSONNE: last_todo("--personne")->personne = arg; break;
	case O_ECHEANCE: last_todo("--echeance")->echeance = arg; break;
	default: dry = 1;
	}
}

static int
run_note(int argc, char **argv)
{
	const struct eco_rencontre *m;
	struct eco_note_in in;
	struct eco_record rec = { .kind = "note", .render = eco_note_render,
	    .arg = &in };
	char prefix[96];
	long num;

	if (!np && !na && !nd && !nt && !nf)
		cli_usage_error(NULL, "%s", _("note needs something to record: "
		    "--presence, --absence, --decision, --a-faire or --fait"));
	if (!argc)
		cli_usage_error(NULL, "%s", _("note needs the meeting's number"));
	num = numero(argv[0]);
	if (open_project(0, 0) < 0)
		return finish();
	if (!(m = eco_rencontres_numero(R, num)) || !m->id) {
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("no meeting %ld with an id in rencontres/ (eco-rencontre "
		    "planifie writes the meetings of the cycle)"), num);
		return finish();
	}
	in = (struct eco_note_in){ P, m->id, presences, np, absences, na,
	    decisions, nd, todos, nt, faites, nf };
	eco_note_check(R, &in, &D);
	rec.file = rel_of(m);
	snprintf(prefix, sizeof prefix, "%s-note-", m->id);
	rec.prefix = prefix;
	rec.flags = dry ? ECO_WRITE_DRY : 0;
	if (eco_project_append(P, &rec, &D) == 0)
		fputs(rec.text, stdout);
	free(rec.text);
	return finish();
}

/* suivis */

static int
run_suivis(int argc, char **argv)
{
	struct eco_report *r = NULL;
	struct eco_table *t = NULL;
	struct eco_doc *doc;
	size_t i, n = 0;

	(void)argc, (void)argv;
	if (open_project(1, 0) < 0)
		return finish();
	if (cli.format == FMT_TEXTE) {
		if (!(r = eco_report_new(NULL, _("Open to-dos"))))
			cli_oom(&D);
		t = todo_table(r);
	}
	for (i = 0; i < R->ntaches; i++) {
		if (R->taches[i].done)
			continue;
		n++;
		if (t) {
			todo_row(t, &R->taches[i]);
			continue;
		}
		if (!(doc = eco_tache_record(&R->taches[i])))
			cli_oom(&D);
		if (cli.format == FMT_YAML)
			eco_emit_yaml(stdout, doc->root);
		else
			eco_emit_json(stdout, doc->root, doc->file, &D);
		eco_doc_free(doc);
	}
	if (!n)
		eco_diag_add(&D, NULL, 0, 0, ECO_SEV_NOTE, NULL, "%s",
		    _("no open to-do"));
	if (r && n)
		return write_report(r, ECO_R_TEXTE);
	eco_report_free(r);
	return finish();
}

/* The command. */

static const struct cli_option plan_options[] = {
	{ O_DEBUT, 0, "debut", NULL, CLI_DATE, "DATE",
	  N_("the date of the first meeting to write"), 0, 0 },
	{ O_FREQUENCE, 0, "frequence", NULL, CLI_INT, "N",
	  N_("weeks between two meetings written (4 by default)"), 1, 52 },
	{ O_DRY, 'n', "dry-run", NULL, CLI_FLAG, NULL,
	  N_("write nothing: print the meetings instead"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_option agenda_options[] = {
	{ O_AJOUTE, 0, "ajoute", "add", CLI_TEXT, "FICHIER|-",
	  N_("the documents of FICHIER (- for standard input) as points"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_option note_options[] = {
	{ O_PRESENCE, 0, "presence", NULL, CLI_TEXT, "ID",
	  N_("a member was there (ids, comma-separated)"), 0, 0 },
	{ O_ABSENCE, 0, "absence", NULL, CLI_TEXT, "ID",
	  N_("a member sent its apologies (ids, comma-separated)"), 0, 0 },
	{ O_DECISION, 0, "decision", NULL, CLI_TEXT, "TEXTE",
	  N_("a decision taken"), 0, 0 },
	{ O_AFAIRE, 0, "a-faire", NULL, CLI_TEXT, "TEXTE",
	  N_("a to-do decided"), 0, 0 },
	{ O_RESPONSABLE, 0, "responsable", NULL, CLI_ID, "ID",
	  N_("the member that answers for that to-do"), 0, 0 },
	{ O_PERSONNE, 0, "personne", NULL, CLI_TEXT, "NOM",
	  N_("the person who answers for that to-do"), 0, 0 },
	{ O_ECHEANCE, 0, "echeance", NULL, CLI_DATE, "DATE",
	  N_("when that to-do is due"), 0, 0 },
	{ O_FAIT, 0, "fait", NULL, CLI_TEXT, "ID",
	  N_("a to-do is done (ids, comma-separated)"), 0, 0 },
	{ O_DRY, 'n', "dry-run", NULL, CLI_FLAG, NULL,
	  N_("print the note without writing it"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_cmd subs[] = {
	{ .name = "planifie", .aliases = "plan", .usage = U_PLAN,
	  .summary = N_("write the meetings of the cycle that have no file"),
	  .example = "eco-rencontre planifie --debut 2027-10-14 --frequence 6 -n",
	  .options = plan_options, .option = option, .run = run_planifie },
	{ .name = "ordre-du-jour", .aliases = "agenda", .usage = U_AGENDA,
	  .summary = N_("a meeting's agenda, the next one's without N"),
	  .example = "eco-rencontre ordre-du-jour 13 -o html > r13.html",
	  .common = CLI_FORMAT, .formats = 1u << FMT_TEXTE | 1u << FMT_MD |
	  1u << FMT_HTML, .format = FMT_TEXTE, .maxops = 1,
	  .options = agenda_options, .option = option, .run = run_agenda },
	{ .name = "note", .aliases = "record", .usage = U_NOTE,
	  .summary = N_("record what a meeting decided, after its file"),
	  .example = "eco-rencontre note 13 -n --fait r12-lettres-mandat",
	  .maxops = 1, .options = note_options, .option = option,
	  .run = run_note },
	{ .name = "compte-rendu", .aliases = "minutes", .usage = U_CR,
	  .summary = N_("the minutes of a held meeting, as a handout"),
	  .example = "eco-rencontre compte-rendu 5 -o html > /tmp/r05-cr.html",
	  .common = CLI_FORMAT, .formats = 1u << FMT_TEXTE | 1u << FMT_MD |
	  1u << FMT_HTML, .format = FMT_TEXTE, .maxops = 1,
	  .run = run_compte_rendu },
	{ .name = "suivis", .aliases = "todo", .usage = U_SUIVIS,
	  .summary = N_("the open to-dos of every meeting"),
	  .example = "eco-rencontre suivis -o texte", .common = CLI_FORMAT,
	  .formats = 1u << FMT_YAML | 1u << FMT_JSON | 1u << FMT_TEXTE,
	  .format = FMT_YAML, .run = run_suivis },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-rencontre",
	.usage = U_PLAN NEXT U_AGENDA NEXT U_NOTE NEXT U_CR NEXT U_SUIVIS,
	.example = "eco-rencontre ordre-du-jour 13 -o html > r13.html",
	.common = CLI_DOSSIER, .subs = subs,
};

int
main(int argc, char *argv[])
{
	eco_diags_init(&D);
	return cli_main(&cmd, argc, argv);
}
