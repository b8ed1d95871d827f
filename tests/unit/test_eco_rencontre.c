/*
 * test_eco_rencontre.c - unit tests of eco_rencontre.c: meetings read
 * with their notes in number order, the to-dos and when they are done,
 * the next meeting, the cycle's slots and planifie's schedule, the new
 * meeting and note records, agendas of small projects written into a
 * temporary folder, and slugs.  Messages are the English msgids (no
 * catalogue is bound).
 *
 * Everything a test makes is kept in the file-global t, which teardown
 * frees and removes even when an assertion fails.
 */
#define _DEFAULT_SOURCE
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "eco.h"
#include "said.h"

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define MAXDOCS 32

static struct {
	struct eco_diags d;
	struct eco_cycle *c;
	struct eco_doc *docs[MAXDOCS], *made;
	size_t ndocs;
	struct eco_rencontres *rs;
	struct eco_project *p;
	struct eco_state *st;
	struct eco_agenda *a;
	struct eco_schedule *sched;
	char dir[64];
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	strcpy(t.dir, "/tmp/eco-rencontre-XXXXXX");
	return mkdtemp(t.dir) && (t.c = eco_cycle_load(&t.d)) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	while (t.ndocs)
		eco_doc_free(t.docs[--t.ndocs]);
	eco_doc_free(t.made);
	eco_agenda_free(t.a);
	free(t.sched);
	eco_rencontres_free(t.rs);
	eco_state_free(t.st);
	eco_project_close(t.p);
	eco_cycle_free(t.c);
	eco_diags_free(&t.d);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t.dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Every document of a YAML stream, kept in t.docs. */
static void
read_docs(const char *name, const char *yaml)
{
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc;

	eco_limits_default(&lim);
	assert_non_null(r = eco_reader_mem(yaml, strlen(yaml), name, &lim, &t.d));
	while (eco_reader_next(r, &doc) > 0) {
		assert_int_equal(doc->nerr, 0);
		assert_true(t.ndocs < MAXDOCS);
		t.docs[t.ndocs++] = doc;
	}
	eco_reader_close(r);
}

/* The meetings of t.docs, with the cycle's slots for one factor, one
 * year of plan. */
static void
meetings(void)
{
	assert_non_null(t.rs = eco_rencontres_new(t.c,
	    (const struct eco_doc *const *)t.docs, t.ndocs, 1, 1));
}

/* Write text into rel under t.dir, its folders made. */
static void
put(const char *rel, const char *text)
{
	char path[PATH_MAX], *slash;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", t.dir, rel);
	for (slash = strchr(path + strlen(t.dir) + 1, '/'); slash;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0777);
		*slash = '/';
	}
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static const char regroupement[] =
    "kind: regroupement\nversion: 1\nnom: Regroupement du test\n"
    "territoire: {nom: Val-Test}\n"
    "membres:\n"
    "  - {id: ville-val, nom: Ville de Val-Test, type: municipalite}\n"
    "  - {id: cpe-soleil, nom: CPE Soleil, type: cpe}\n";

/* The project in t.dir, its state and its meetings. */
static void
project(void)
{
	assert_non_null(t.p = eco_project_at(t.dir, &t.d));
	assert_non_null(t.st = eco_state_of(t.c, t.p, &t.d));
	assert_non_null(t.rs = eco_rencontres_read(t.p, t.st, &t.d));
}

static void
test_meetings_by_numero_with_notes(void **state)
{
	(void)state;
	read_docs("rencontres/r02.yaml",
	    "kind: rencontre\nversion: 1\nid: r02\nnumero: 2\netape: intention\n"
	    "---\nkind: note\nversion: 1\nid: r02-note-1\nrencontre: r02\n"
	    "faites: [r01-a]\n");
	read_docs("rencontres/r01.yaml",
	    "kind: rencontre\nversion: 1\nid: r01\nnumero: 1\netape: intention\n"
	    "---\nkind: note\nversion: 1\nid: r01-note-1\nrencontre: r01\n"
	    "presences: [{organisme: ville-val}]\n");
	read_docs("x.yaml", "kind: constat\nid: c-1\n---\n"
	    "kind: rencontre\nid: sans-numero\n---\n"
	    "kind: note\nid: n-9\nrencontre: r77\n");
	meetings();
	assert_int_equal(t.rs->n, 2);
	assert_int_equal(t.rs->v[0].numero, 1);
	assert_string_equal(t.rs->v[0].id, "r01");
	assert_string_equal(t.rs->v[0].file, "rencontres/r01.yaml");
	assert_int_equal(t.rs->v[0].nnotes, 1);
	assert_true(t.rs->v[0].held);		/* a note says who was there */
	assert_int_equal(t.rs->v[1].numero, 2);
	assert_int_equal(t.rs->v[1].nnotes, 1);
	assert_false(t.rs->v[1].held);		/* its note has no presences */
	assert_ptr_equal(eco_rencontres_numero(t.rs, 2), &t.rs->v[1]);
	assert_ptr_equal(eco_rencontres_id(t.rs, "r01"), &t.rs->v[0]);
	assert_null(eco_rencontres_numero(t.rs, 3));
	assert_null(eco_rencontres_id(t.rs, "sans-numero"));
	assert_int_equal(eco_rencontres_next(t.rs), 2);
}

static const char with_todos[] =
    "kind: rencontre\nversion: 1\nid: r01\nnumero: 1\netape: intention\n"
    "statut: tenue\n"
    "a_faire:\n"
    "  - {id: r01-a, description: Appeler, responsable: ville-val, fait: false}\n"
    "  - {id: r01-b, description: Écrire, fait: true}\n"
    "  - {description: sans id}\n"
    "---\nkind: note\nversion: 1\nid: r01-note-1\nrencontre: r01\n"
    "a_faire:\n"
    "  - {id: r01-c, description: Réserver, personne: Julie, echeance: 2026-10-01}\n"
    "---\nkind: rencontre\nversion: 1\nid: r02\nnumero: 2\netape: intention\n"
    "statut: annulee\n"
    "---\nkind: note\nversion: 1\nid: r02-note-1\nrencontre: r02\n"
    "faites: [r01-a]\n";

static void
test_todos_open_until_done(void **state)
{
	const struct eco_tache *k;

	(void)state;
	read_docs("rencontres/r01.yaml", with_todos);
	meetings();
	assert_int_equal(t.rs->ntaches, 3);
	assert_string_equal(t.rs->taches[0].id, "r01-a");
	assert_true(t.rs->taches[0].done);	/* a note's faites */
	assert_string_equal(t.rs->taches[1].id, "r01-b");
	assert_true(t.rs->taches[1].done);	/* its own fait: true */
	assert_string_equal(t.rs->taches[2].id, "r01-c");
	assert_false(t.rs->taches[2].done);
	assert_ptr_equal(t.rs->taches[2].rencontre, &t.rs->v[0]);
	assert_non_null(k = eco_rencontres_tache(t.rs, "r01-c"));
	assert_int_equal(k->node->line, 17);
	assert_int_equal(k->node->col, 5);
	assert_null(eco_rencontres_tache(t.rs, "r01-z"));
	/* both are held (tenue, annulee): the first slot without a meeting */
	assert_int_equal(eco_rencontres_next(t.rs), 3);
}

static void
test_next_when_all_held(void **state)
{
	char yaml[4096];
	size_t i, n = 0;

	(void)state;
	for (i = 1; i <= 10; i++)
		n += (size_t)snprintf(yaml + n, sizeof yaml - n,
		    "---\nkind: rencontre\nversion: 1\nid: r%02zu\nnumero: %zu\n"
		    "etape: intention\nstatut: tenue\n", i, i);
	read_docs("r.yaml", yaml);
	meetings();
	assert_int_equal(t.rs->nslots, 10);
	assert_int_equal(eco_rencontres_next(t.rs), 0);
}

static void
test_slots_and_titles(void **state)
{
	const struct eco_slot *s;
	char buf[256];

	(void)state;
	meetings();
	assert_int_equal(t.rs->nslots, 10);
	assert_null(eco_rencontres_slot(t.rs, 0));
	assert_null(eco_rencontres_slot(t.rs, 11));
	assert_non_null(s = eco_rencontres_slot(t.rs, 3));
	assert_int_equal(s->number, 3);
	assert_string_equal(eco_slot_title(s, buf, sizeof buf),
	    "Rencontres 2 et 3 (2 of 2)");
	assert_string_equal(eco_slot_title(eco_rencontres_slot(t.rs, 9), buf,
	    sizeof buf), "Rencontres d'évaluation, year 1");
	assert_string_equal(eco_slot_title(eco_rencontres_slot(t.rs, 8), buf,
	    sizeof buf), "Rencontres de suivi, year 1 (2 of 2)");
	assert_int_equal(eco_rencontres_next(t.rs), 1);
	assert_string_equal(eco_rencontre_status("tenue"), "held");
	assert_string_equal(eco_rencontre_status("reportee"), "postponed");
	assert_string_equal(eco_rencontre_status("autre"), "autre");
	assert_null(eco_rencontre_status(NULL));
}

static void
test_schedule(void **state)
{
	const struct eco_diag *g;
	size_t n;

	(void)state;
	read_docs("rencontres/r01.yaml",
	    "kind: rencontre\nversion: 1\nid: r01\nnumero: 1\netape: intention\n"
	    "---\nkind: rencontre\nversion: 1\nid: r03\nnumero: 3\n"
	    "etape: etat-situation-analyse\n---\n"
	    /* beyond the cycle, but with the id slot 2 would take */
	    "kind: rencontre\nversion: 1\nid: r02\nnumero: 40\netape: intention\n");
	meetings();
	assert_non_null(t.sched = eco_rencontres_schedule(t.rs, NULL,
	    "2026-12-24", 2, &n, &t.d));
	assert_int_equal(n, 10);
	assert_ptr_equal(t.sched[0].rencontre, &t.rs->v[0]);
	assert_string_equal(t.sched[0].date, "");
	assert_true(t.sched[1].taken);
	assert_string_equal(t.sched[1].id, "r02");
	assert_string_equal(t.sched[1].file, "rencontres/r02.yaml");
	assert_ptr_equal(t.sched[2].rencontre, &t.rs->v[1]);
	/* no meeting from December 24 to January 2: a week at a time */
	assert_string_equal(t.sched[3].date, "2027-01-07");
	assert_string_equal(t.sched[4].date, "2027-01-21");	/* 2 weeks on */
	assert_string_equal(t.sched[9].date, "2027-04-01");
	assert_ptr_equal(t.sched[9].cycle, t.c);
	g = said_in(&t.d, "the file or the id r02 is taken, by no meeting 2");
	assert_string_equal(g->file, "rencontres/r02.yaml");
	assert_int_equal(g->sev, ECO_SEV_NOTE);
	said_in(&t.d, "2 meetings are already there, left as they are: 1, 3");
	free(t.sched);
	t.sched = NULL;
	eco_diags_free(&t.d);
	eco_diags_init(&t.d);
	/* nor in July and August, when eco.yaml does not say otherwise */
	assert_non_null(t.sched = eco_rencontres_schedule(t.rs, NULL,
	    "2027-06-24", 2, &n, &t.d));
	assert_string_equal(t.sched[3].date, "2027-06-24");
	assert_string_equal(t.sched[4].date, "2027-09-02");
	assert_string_equal(t.sched[5].date, "2027-09-16");
	free(t.sched);
	t.sched = NULL;
	assert_null(eco_rencontres_schedule(t.rs, NULL, "9999-12-01", 52, &n,
	    &t.d));
	assert_int_equal(said_in(&t.d, "after the year 9999")->sev, ECO_SEV_ERROR);
}

/* The file of a new meeting, as planifie writes it, read back. */
/* The cycle grew under meetings already written: a meeting whose
 * number is now another stage's stops the calendar, with what to do;
 * new meetings never come before one of a lower number. */
static void
test_schedule_after_the_cycle_grew(void **state)
{
	size_t n;

	(void)state;
	read_docs("rencontres/r01.yaml",
	    "kind: rencontre\nversion: 1\nid: r01\nnumero: 1\netape: intention\n"
	    "date: 2027-03-04\n---\nkind: rencontre\nversion: 1\nid: r02\n"
	    "numero: 2\netape: mise-en-oeuvre\nstatut: prevue\n");
	meetings();
	assert_null(eco_rencontres_schedule(t.rs, NULL, "2027-01-07", 4, &n,
	    &t.d));
	assert_int_equal(said_in(&t.d, "meeting 2 is of the stage « Mise en œuvre », but the cycle now has a meeting of the stage « État de situation et analyse » at that number")->sev,
	    ECO_SEV_ERROR);
	assert_non_null(said_in(&t.d, "move it and those after it out of rencontres/"));
	eco_rencontres_free(t.rs);
	t.rs = NULL;
	eco_doc_free(t.docs[--t.ndocs]);
	eco_diags_free(&t.d);
	eco_diags_init(&t.d);
	meetings();
	assert_null(eco_rencontres_schedule(t.rs, NULL, "2027-01-07", 4, &n,
	    &t.d));
	assert_non_null(said_in(&t.d, "meeting 2 would fall on 2027-01-07, not after meeting 1 (2027-03-04): give a --debut after 2027-03-04"));
}

static void
test_new_meeting(void **state)
{
	struct eco_schedule e = { 0 };
	const struct eco_meeting *m;
	const struct eco_node *r, *obj;
	char *text = NULL;
	size_t len = 0, i;
	FILE *f;

	(void)state;
	meetings();
	e.cycle = t.c;
	e.slot = eco_rencontres_slot(t.rs, 5);
	m = e.slot->meeting;
	strcpy(e.id, "r05");
	strcpy(e.date, "2027-10-14");
	assert_non_null(f = open_memstream(&text, &len));
	assert_int_equal(eco_schedule_render(f, "", &e), 0);
	assert_int_equal(fclose(f), 0);
	assert_memory_equal(text, "# Meeting 5, stage « ", 21);
	read_docs("rencontres/r05.yaml", text);
	free(text);
	r = t.docs[0]->root;
	assert_string_equal(eco_map_str(r, "kind"), "rencontre");
	assert_string_equal(eco_map_str(r, "id"), "r05");
	assert_string_equal(eco_map_text(r, "numero"), "5");
	assert_string_equal(eco_map_str(r, "titre"), "Rencontres 4 et 5 (2 of 2)");
	assert_string_equal(eco_map_str(r, "etape"), m->stage->id);
	assert_string_equal(eco_map_str(r, "statut"), "prevue");
	assert_string_equal(eco_map_date(r, "date"), "2027-10-14");
	assert_non_null(obj = eco_map_seq(r, "objectifs"));
	assert_int_equal(obj->len, m->nobjectives);
	for (i = 0; i < m->nobjectives; i++)
		assert_true(eco_seq_has(obj,
		    t.c->objectives[m->first + i].id));
	assert_int_equal(eco_map_seq(r, "outils")->len, m->ntools);
	assert_int_equal(eco_map_seq(r, "outils")->u.items[0]->u.i, m->tools[0]);
	assert_true(eco_schema_valid(eco_kind_schema(eco_kind_find("rencontre"),
	    &t.d), r));
}

static void
test_agenda_from_file(void **state)
{
	const struct eco_objective *o = eco_cycle_objective(t.c, "suivre-plan");
	int rc;

	(void)state;
	put("eco.yaml", regroupement);
	put("rencontres/r01.yaml", with_todos);
	put("rencontres/r03.yaml",
	    "kind: rencontre\nversion: 1\nid: r03\nnumero: 3\netape: intention\n"
	    "titre: La troisième\ndate: 2026-11-05\nheure: '13:30'\nduree: 90\n"
	    "objectifs: [suivre-plan, pas-du-cycle]\nobjectifs_autres: [Fêter]\n"
	    "outils: [10, 99]\n");
	put("suivis/s.yaml", "kind: suivi\n");
	project();
	assert_int_equal(eco_agenda_of(t.rs, t.st, t.p, 99, &t.a), 0);
	assert_null(t.a);
	assert_int_equal(rc = eco_agenda_of(t.rs, t.st, t.p, 3, &t.a), 1);
	assert_ptr_equal(t.a->rencontre, eco_rencontres_numero(t.rs, 3));
	assert_int_equal(t.a->slot->number, 3);
	assert_string_equal(t.a->title, "La troisième");
	assert_string_equal(t.a->when, "2026-11-05, 13:30, 90 minutes");
	assert_string_equal(t.a->stage->id, "intention");
	assert_int_equal(t.a->nobjectives, 2);
	assert_string_equal(t.a->objectives[0].id, "suivre-plan");
	assert_ptr_equal(t.a->objectives[0].state, &t.st->objectives[o->index]);
	assert_string_equal(t.a->objectives[1].id, "pas-du-cycle");
	assert_null(t.a->objectives[1].state);
	assert_int_equal(t.a->nothers, 1);
	assert_string_equal(t.a->others[0], "Fêter");
	assert_int_equal(t.a->ntools, 1);	/* no outil 99 */
	assert_int_equal(t.a->tools[0]->number, 10);
	assert_int_equal(t.a->nfiles, o->nfiles);
	assert_string_equal(t.a->files[0].pattern, o->files[0]);
	/* the open to-dos set before it: r01-c alone */
	assert_int_equal(t.a->ntaches, 1);
	assert_string_equal(t.a->taches[0]->id, "r01-c");
}

static void
test_agenda_from_the_cycle(void **state)
{
	const struct eco_meeting *m;
	size_t i;

	(void)state;
	put("eco.yaml", regroupement);
	put("donnees.yaml", "kind: donnee\nid: d-1\n");
	put("rencontres/r01.yaml", with_todos);
	project();
	assert_int_equal(eco_agenda_of(t.rs, t.st, t.p, 3, &t.a), 1);
	m = t.a->slot->meeting;
	assert_null(t.a->rencontre);
	assert_string_equal(t.a->title, "Rencontres 2 et 3 (2 of 2)");
	assert_string_equal(t.a->when, "");
	assert_ptr_equal(t.a->stage, m->stage);
	assert_int_equal(t.a->nobjectives, m->nobjectives);
	assert_string_equal(t.a->objectives[0].id, t.c->objectives[m->first].id);
	assert_non_null(t.a->objectives[0].state);
	assert_int_equal(t.a->ntools, m->ntools);
	for (i = 0; i < t.a->nfiles; i++)
		if (strcmp(t.a->files[i].pattern, "donnees.yaml") == 0 ||
		    strcmp(t.a->files[i].pattern, "rencontres/*.yaml") == 0)
			assert_true(t.a->files[i].present);
		else if (strcmp(t.a->files[i].pattern, "constats.yaml") == 0)
			assert_false(t.a->files[i].present);
	assert_int_equal(t.a->ntaches, 1);
}

static void
test_tache_record_and_who(void **state)
{
	const struct eco_node *r;
	char buf[128];

	(void)state;
	read_docs("rencontres/r01.yaml", with_todos);
	meetings();
	assert_non_null(t.made = eco_tache_record(&t.rs->taches[2]));
	r = t.made->root;
	assert_int_equal(r->len, 8);
	assert_string_equal(r->u.pairs[0].key->s, "kind");
	assert_string_equal(eco_map_str(r, "kind"), "tache");
	assert_string_equal(eco_map_str(r, "id"), "r01-c");
	assert_string_equal(eco_map_str(r, "rencontre"), "r01");
	assert_string_equal(eco_map_str(r, "description"), "Réserver");
	assert_string_equal(eco_map_str(r, "personne"), "Julie");
	assert_string_equal(eco_map_date(r, "echeance"), "2026-10-01");
	assert_false(eco_map_bool(r, "fait", 1));
	assert_string_equal(r->u.pairs[r->len - 1].key->s, "fait");
	assert_true(eco_schema_valid(eco_kind_schema(eco_kind_find("tache"),
	    &t.d), r));
	assert_string_equal(eco_tache_who(&t.rs->taches[2], NULL, buf,
	    sizeof buf), "Julie");
	assert_string_equal(eco_tache_who(&t.rs->taches[0], NULL, buf,
	    sizeof buf), "ville-val");
	assert_null(eco_tache_who(&t.rs->taches[1], NULL, buf, sizeof buf));
	put("eco.yaml", regroupement);
	assert_non_null(t.p = eco_project_at(t.dir, &t.d));
	assert_string_equal(eco_tache_who(&t.rs->taches[0], t.p, buf,
	    sizeof buf), "Ville de Val-Test");
}

static void
test_slug(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "envoyer le bilan annuel aux elus", "envoyer-bilan-annuel-elus" },
		{ "reserver la salle pour l'hiver", "reserver-salle-hiver" },
		{ "  appeler   la ville, vite !  ", "appeler-ville-vite" },
		{ "le la les des", "tache" },
		{ "", "tache" },
		{ "a1 b2 c3 d4 e5", "a1-b2-c3-d4" },
		{ "un cafe\xc3\xa9t bien", "cafe-t-bien" },	/* not folded: a cut */
		{ "abcdefghijabcdefghijabcdefghij abcdefghijk fin",
		    "abcdefghijabcdefghijabcdefghij-fin" },	/* 40 bytes at most */
	};
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		assert_string_equal(eco_slug(cases[i].in, buf, sizeof buf),
		    cases[i].out);
	assert_string_equal(eco_slug("envoyer le bilan", buf, 8), "envoyer");
}

static void
test_note_new(void **state)
{
	static const char *const pres[] = { "ville-val", "cpe-soleil" };
	static const char *const dec[] = { "On continue." };
	static const char *const done[] = { "r01-a" };
	static const struct eco_todo_in todos[] = {
		{ "Appeler la ville", "appeler la ville", "ville-val", NULL,
		    "2026-10-01" },
		{ "Appeler la Ville", "appeler la ville", NULL, "Julie", NULL },
		{ "Écrire", "ecrire", NULL, NULL, NULL },
	};
	struct eco_note_in in = { NULL, "r01", pres, 2, NULL, 0, dec, 1, todos, 3,
	    done, 1 };
	const struct eco_node *r, *a;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	put("eco.yaml", regroupement);
	put("rencontres/r01.yaml",
	    "kind: rencontre\nversion: 1\nid: r01\nnumero: 1\netape: intention\n"
	    "a_faire: [{id: r01-ecrire, description: Écrire, fait: false}]\n");
	assert_non_null(t.p = eco_project_at(t.dir, &t.d));
	in.project = t.p;
	assert_non_null(t.made = eco_note_new(&in, "r01-note-1"));
	r = t.made->root;
	assert_string_equal(r->u.pairs[0].key->s, "kind");
	assert_string_equal(eco_map_str(r, "kind"), "note");
	assert_string_equal(eco_map_str(r, "id"), "r01-note-1");
	assert_string_equal(eco_map_str(r, "rencontre"), "r01");
	assert_string_equal(eco_map_str(eco_map_seq(r, "presences")->u.items[1],
	    "organisme"), "cpe-soleil");
	assert_null(eco_map_get(r, "absences"));
	assert_string_equal(eco_map_str(eco_map_seq(r, "decisions")->u.items[0],
	    "description"), "On continue.");
	assert_true(eco_seq_has(eco_map_seq(r, "faites"), "r01-a"));
	a = eco_map_seq(r, "a_faire");
	assert_int_equal(a->len, 3);
	assert_string_equal(eco_map_str(a->u.items[0], "id"), "r01-appeler-ville");
	assert_string_equal(eco_map_str(a->u.items[0], "responsable"), "ville-val");
	assert_string_equal(eco_map_text(a->u.items[0], "echeance"), "2026-10-01");
	assert_string_equal(eco_map_str(a->u.items[1], "id"), "r01-appeler-ville-2");
	assert_null(eco_map_get(a->u.items[1], "responsable"));
	/* the project has r01-ecrire already */
	assert_string_equal(eco_map_str(a->u.items[2], "id"), "r01-ecrire-2");
	assert_false(eco_map_bool(a->u.items[2], "fait", 1));
	assert_true(eco_schema_valid(eco_kind_schema(eco_kind_find("note"),
	    &t.d), r));
	assert_non_null(f = open_memstream(&text, &len));
	assert_int_equal(eco_note_render(f, "r01-note-2", &in), 0);
	assert_int_equal(fclose(f), 0);
	assert_memory_equal(text, "---\n# Added by eco-rencontre note.\n"
	    "kind: note\nversion: 1\nid: r01-note-2\n", 55);
	free(text);
}

static void
test_note_check(void **state)
{
	static const char *const faites[] = { "r01-a", "r01-c", "r01-zz" };
	struct eco_note_in in = { 0 };
	const struct eco_diag *g;

	(void)state;
	read_docs("rencontres/r01.yaml", with_todos);
	meetings();
	in.rencontre = "r01";
	in.faites = faites;
	in.nfaites = 3;
	eco_note_check(t.rs, &in, &t.d);
	assert_int_equal(t.d.n, 1);		/* done already: r01-a only */
	g = said_in(&t.d, "to-do « r01-a » is already done");
	assert_int_equal(g->sev, ECO_SEV_WARNING);
	assert_string_equal(g->file, "rencontres/r01.yaml");
	assert_int_equal(g->line, 8);
	assert_int_equal(g->col, 5);
}

static void
test_read_without_state(void **state)
{
	(void)state;
	put("eco.yaml", regroupement);
	put("rencontres/r01.yaml", with_todos);
	put("rencontres/notes.yaml", "kind: note\nversion: 1\nid: n-1\n"
	    "rencontre: r01\nfaites: [r01-c]\n");
	assert_non_null(t.p = eco_project_at(t.dir, &t.d));
	assert_non_null(t.rs = eco_rencontres_read(t.p, NULL, &t.d));
	assert_null(t.rs->cycle);
	assert_int_equal(t.rs->nslots, 0);
	assert_int_equal(t.rs->n, 2);
	assert_int_equal(t.rs->v[0].nnotes, 2);	/* a note in another file */
	assert_true(eco_rencontres_tache(t.rs, "r01-c")->done);
	assert_int_equal(eco_rencontres_next(t.rs), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_meetings_by_numero_with_notes),
		T(test_todos_open_until_done),
		T(test_next_when_all_held),
		T(test_slots_and_titles),
		T(test_schedule),
		T(test_schedule_after_the_cycle_grew),
		T(test_new_meeting),
		T(test_agenda_from_file),
		T(test_agenda_from_the_cycle),
		T(test_tache_record_and_who),
		T(test_slug),
		T(test_note_new),
		T(test_note_check),
		T(test_read_without_state),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
