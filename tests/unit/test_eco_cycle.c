/*
 * test_eco_cycle.c - unit tests of eco_cycle.c: the cycle compiled into
 * the library (data/demarche.yaml), cycles read from strings, the
 * meeting counts and the calendar, and the state of small projects
 * written into a temporary folder: the tests of the objectives, what
 * they say is missing, the stage and the next steps.
 *
 * Everything a test makes is kept in the file-global t, which teardown
 * frees and removes even when an assertion fails.
 */
#define _DEFAULT_SOURCE
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

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define MAXPATHS 32

static struct {
	struct eco_diags d;
	struct eco_cycle *c, *mine;
	struct eco_state *st;
	char dir[64];
	char *paths[MAXPATHS];	/* made in dir, removed last first */
	size_t npaths;
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	strcpy(t.dir, "/tmp/eco-cycle-XXXXXX");
	if (!mkdtemp(t.dir))
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	eco_state_free(t.st);
	eco_cycle_free(t.c);
	eco_cycle_free(t.mine);
	eco_diags_free(&t.d);
	while (t.npaths > 0) {
		char *p = t.paths[--t.npaths];

		if (remove(p) < 0)
			rmdir(p);
		free(p);
	}
	rmdir(t.dir);
	return 0;
}

static void
dump_diags(void)
{
	size_t i;

	for (i = 0; i < t.d.n; i++)
		print_message("  diag: %s:%d:%d: %s [%s]\n",
		    t.d.v[i].file ? t.d.v[i].file : "(null)", t.d.v[i].line,
		    t.d.v[i].col, t.d.v[i].msg,
		    t.d.v[i].check ? t.d.v[i].check : "");
}

static void
remember(const char *rel)
{
	char *p = malloc(strlen(t.dir) + strlen(rel) + 2);

	assert_non_null(p);
	sprintf(p, "%s/%s", t.dir, rel);
	assert_true(t.npaths < MAXPATHS);
	t.paths[t.npaths++] = p;
}

/* Write text into the project file rel (its folder is made). */
static void
put(const char *rel, const char *text)
{
	char path[256], *slash;
	FILE *f;
	size_t i;

	snprintf(path, sizeof path, "%s/%s", t.dir, rel);
	if ((slash = strrchr(rel, '/'))) {
		char sub[128];

		snprintf(sub, sizeof sub, "%.*s", (int)(slash - rel), rel);
		snprintf(path, sizeof path, "%s/%s", t.dir, sub);
		if (mkdir(path, 0777) == 0)
			remember(sub);
		snprintf(path, sizeof path, "%s/%s", t.dir, rel);
	}
	for (i = 0; i < t.npaths; i++)
		if (strcmp(t.paths[i], path) == 0)
			break;
	if (i == t.npaths)
		remember(rel);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static const struct eco_cycle *
cycle(void)
{
	if (!t.c)
		t.c = eco_cycle_load(&t.d);
	if (!t.c)
		dump_diags();
	assert_non_null(t.c);
	return t.c;
}

/* The state of the project in t.dir, against cycle c. */
static const struct eco_state *
judge(const struct eco_cycle *c)
{
	eco_state_free(t.st);
	t.st = eco_state_read(c, t.dir, &t.d);
	assert_non_null(t.st);
	return t.st;
}

static const struct eco_objective_state *
obj(const char *id)
{
	const struct eco_objective *o = eco_cycle_objective(t.st->cycle, id);

	assert_non_null(o);
	return &t.st->objectives[o->index];
}

static void
assert_progress(const char *id, enum eco_progress p)
{
	const struct eco_objective_state *s = obj(id);

	if (s->progress != p)
		print_message("  %s: %d, missing: %s\n", id, s->progress,
		    s->missing ? s->missing : "(null)");
	assert_int_equal(s->progress, p);
	if (p == ECO_PROGRESS_DONE)
		assert_null(s->missing);
	else
		assert_non_null(s->missing);
}

static void
assert_missing(const char *id, const char *text)
{
	const struct eco_objective_state *s = obj(id);

	if (!s->missing || !strstr(s->missing, text))
		print_message("  %s: missing: %s\n", id,
		    s->missing ? s->missing : "(null)");
	assert_non_null(s->missing);
	assert_non_null(strstr(s->missing, text));
}

/* The cycle compiled in. */

static void
test_builtin_shape(void **state)
{
	static const char *const stages[] = {
		"intention", "etat-situation-analyse", "planification",
		"mise-en-oeuvre", "evaluation-apprentissage"
	};
	const struct eco_cycle *c = cycle();
	size_t i, j;

	(void)state;
	assert_int_equal(c->nstages, 5);
	for (i = 0; i < 5; i++) {
		assert_string_equal(c->stages[i].id, stages[i]);
		assert_int_equal(c->stages[i].number, (int)i + 1);
		assert_true(c->stages[i].nmeetings >= 1);
		assert_true(*c->stages[i].summary);
	}
	assert_int_equal(c->nobjectives, 29);
	assert_int_equal(c->ntools, 13);
	for (i = 0; i < 13; i++) {
		assert_int_equal(c->tools[i].number, (int)i + 1);
		assert_memory_equal(c->tools[i].command, "eco-", 4);
		assert_ptr_equal(eco_cycle_tool(c, (int)i + 1), &c->tools[i]);
	}
	assert_null(eco_cycle_tool(c, 14));
	for (i = 0; i < c->nobjectives; i++) {
		const struct eco_objective *o = &c->objectives[i];

		assert_int_equal(o->index, i);
		assert_ptr_equal(o->stage, o->meeting->stage);
		assert_true(o->index >= o->meeting->first &&
		    o->index < o->meeting->first + o->meeting->nobjectives);
		assert_memory_equal(o->command, "eco-", 4);
		assert_true(o->nfiles >= 1);
		assert_non_null(o->check);
		assert_true(*o->label && *o->done_when);
		assert_ptr_equal(eco_cycle_objective(c, o->id), o);
		/* an objective's outils are used at its meeting */
		for (j = 0; j < o->ntools; j++) {
			size_t k;

			for (k = 0; k < o->meeting->ntools; k++)
				if (o->meeting->tools[k] == o->tools[j])
					break;
			assert_true(k < o->meeting->ntools);
		}
	}
	assert_null(eco_cycle_objective(c, "inconnu"));
	assert_null(eco_cycle_stage(c, "inconnue"));
	assert_ptr_equal(eco_cycle_stage(c, "planification"), &c->stages[2]);
}

/* The meetings of the seed, with their objectives. */
static void
test_builtin_meetings(void **state)
{
	static const struct {
		const char *id, *stage;
		size_t nobj;
	} want[] = {
		{ "r1", "intention", 3 },
		{ "r2-3", "etat-situation-analyse", 5 },
		{ "r4-5", "etat-situation-analyse", 5 },
		{ "planification", "planification", 8 },
		{ "mise-en-oeuvre", "mise-en-oeuvre", 3 },
		{ "evaluation", "evaluation-apprentissage", 4 },
		{ "fonctionnement", "evaluation-apprentissage", 1 },
	};
	const struct eco_cycle *c = cycle();
	size_t i;

	(void)state;
	assert_int_equal(c->nmeetings, 7);
	for (i = 0; i < 7; i++) {
		const struct eco_meeting *m = eco_cycle_meeting(c, want[i].id);

		assert_ptr_equal(m, &c->meetings[i]);
		assert_string_equal(m->stage->id, want[i].stage);
		assert_int_equal(m->nobjectives, want[i].nobj);
	}
	assert_string_equal(eco_cycle_objective(c, "regles-fonctionnement")->
	    meeting->id, "r1");
	assert_string_equal(eco_cycle_objective(c, "evaluer-fonctionnement")->
	    meeting->id, "fonctionnement");
	assert_string_equal(eco_cycle_root(c)->u.pairs[0].val->s, "demarche");
}

static void
test_meeting_count(void **state)
{
	const struct eco_cycle *c = cycle();
	const struct eco_meeting *r1 = eco_cycle_meeting(c, "r1");
	const struct eco_meeting *r23 = eco_cycle_meeting(c, "r2-3");
	const struct eco_meeting *pl = eco_cycle_meeting(c, "planification");
	const struct eco_meeting *mo = eco_cycle_meeting(c, "mise-en-oeuvre");

	(void)state;
	assert_int_equal(eco_meeting_count(r1, 5, 3), 1);
	assert_int_equal(eco_meeting_count(r23, 0, 0), 2);
	assert_int_equal(eco_meeting_count(pl, 0, 0), 1);	/* minimum */
	assert_int_equal(eco_meeting_count(pl, 3, 0), 3);
	assert_int_equal(eco_meeting_count(pl, 100000, 0), 100);	/* capped */
	assert_int_equal(eco_meeting_count(mo, 0, 0), 2);	/* one year */
	assert_int_equal(eco_meeting_count(mo, 0, 3), 6);
}

static void
test_slots(void **state)
{
	const struct eco_cycle *c = cycle();
	struct eco_slot s[32];
	size_t n = eco_cycle_slots(c, 3, 2, s, 32), i;

	(void)state;
	/* 1 + 2 + 2 + 3 planning, then (2 + 1 + 1) per year for two years */
	assert_int_equal(n, 16);
	for (i = 0; i < n; i++)
		assert_int_equal(s[i].number, (int)i + 1);
	assert_string_equal(s[0].meeting->id, "r1");
	assert_string_equal(s[2].meeting->id, "r2-3");
	assert_int_equal(s[2].nth, 2);
	assert_int_equal(s[2].of, 2);
	assert_string_equal(s[7].meeting->id, "planification");
	assert_int_equal(s[7].nth, 3);
	assert_int_equal(s[7].year, 0);
	assert_string_equal(s[8].meeting->id, "mise-en-oeuvre");
	assert_int_equal(s[8].year, 1);
	assert_string_equal(s[10].meeting->id, "evaluation");
	assert_string_equal(s[11].meeting->id, "fonctionnement");
	assert_string_equal(s[12].meeting->id, "mise-en-oeuvre");
	assert_int_equal(s[12].year, 2);
	/* a short buffer gets what fits, the count stays */
	memset(s, 0, sizeof s);
	assert_int_equal(eco_cycle_slots(c, 3, 2, s, 4), 16);
	assert_int_equal(s[3].number, 4);
	assert_null(s[4].meeting);
}

/* Cycles read from strings. */

#define HEAD "kind: demarche\nversion: 1\noutils:\n" \
	"  - {numero: 1, nom: Un, commande: eco-un}\netapes:\n"
#define STAGE(id, n) "  - id: " id "\n    numero: " #n "\n    nom: " id \
	"\n    resume: r\n    rencontres:\n"
#define MEETING(id) "      - id: " id "\n        nom: " id \
	"\n        nombre: {fixe: 1}\n        regle: r\n        outils: [1]\n" \
	"        objectifs:\n"
#define OBJ(id, test) "          - id: " id "\n            libelle: l\n" \
	"            commande: eco-un\n            fichiers: [a.yaml]\n" \
	"            fait_si: f\n            test:\n" test

static struct eco_cycle *
mine(const char *text)
{
	eco_cycle_free(t.mine);
	t.mine = eco_cycle_read(text, strlen(text), "c.yaml", &t.d);
	return t.mine;
}

static void
test_read_errors(void **state)
{
	(void)state;
	assert_null(mine("kind: plan\nversion: 1\n"));
	assert_int_equal(t.d.n, 1);
	assert_non_null(strstr(t.d.v[0].msg, "kind: demarche"));
	eco_diags_clear(&t.d);
	assert_null(mine(""));
	assert_int_equal(t.d.n, 1);
	eco_diags_clear(&t.d);
	assert_null(mine("kind: [\n"));	/* not YAML: the loader says why */
	assert_true(t.d.n >= 1);
	eco_diags_clear(&t.d);
	/* a missing label, at the objective's line */
	assert_null(mine(HEAD STAGE("intention", 1) MEETING("m")
	    "          - id: x\n            commande: eco-un\n"
	    "            fichiers: [a.yaml]\n            fait_si: f\n"
	    "            test: [{fichier: a.yaml}]\n"));
	assert_int_equal(t.d.n, 1);
	assert_string_equal(t.d.v[0].file, "c.yaml");
	assert_int_equal(t.d.v[0].line, 17);
	assert_non_null(strstr(t.d.v[0].msg, "libelle"));
	eco_diags_clear(&t.d);
	assert_null(mine(HEAD STAGE("intention", 1) MEETING("m")
	    OBJ("x", "              - fichier: a.yaml\n")
	    OBJ("x", "              - fichier: a.yaml\n")));
	assert_int_equal(t.d.n, 1);
	assert_non_null(strstr(t.d.v[0].msg, "« x »"));
	eco_diags_clear(&t.d);
	/* an outil out of 1..13 */
	assert_null(mine(HEAD STAGE("intention", 1)
	    "      - id: m\n        nom: m\n        nombre: {fixe: 1}\n"
	    "        regle: r\n        outils: [14]\n        objectifs:\n"
	    OBJ("x", "              - fichier: a.yaml\n")));
	assert_int_equal(t.d.n, 1);
	eco_diags_clear(&t.d);
	assert_non_null(mine(HEAD STAGE("intention", 1) MEETING("m")
	    OBJ("x", "              - fichier: a.yaml\n")));
	assert_int_equal(t.d.n, 0);
	assert_int_equal(t.mine->nobjectives, 1);
}

/* Conditions: kind, egal (lists contain), champs with "*" over lists
 * and mappings, minimum, ou. */
static void
test_conditions(void **state)
{
	const struct eco_cycle *c;

	(void)state;
	c = mine(HEAD STAGE("intention", 1) MEETING("m")
	    OBJ("deux", "              - {fichier: a.yaml, kind: k, minimum: 2}\n")
	    OBJ("egal", "              - {fichier: a.yaml, egal: {tags: b, n: 7}}\n")
	    OBJ("etoile", "              - fichier: a.yaml\n"
	    "                kind: k\n"
	    "                champs: [m.*.v, l.*.w]\n")
	    OBJ("ou", "              - ou:\n"
	    "                  - {fichier: z.yaml}\n"
	    "                  - {fichier: d/*.yaml, kind: k}\n")
	    OBJ("vide", "              - {fichier: a.yaml, champs: [e]}\n"));
	if (!c)
		dump_diags();
	assert_non_null(c);
	put("a.yaml", "kind: k\nid: un\nm: {x: {v: 1}, y: {v: 2}}\n"
	    "l: [{id: i1, w: a}, {id: i2, w: ''}]\ne: []\n");
	judge(c);
	assert_progress("deux", ECO_PROGRESS_STARTED);
	assert_missing("deux", "a.yaml: 1");
	assert_progress("egal", ECO_PROGRESS_STARTED);
	assert_missing("egal", "tags: b, n: 7");
	assert_progress("etoile", ECO_PROGRESS_STARTED);
	/* the innermost item with an id names what lacks the field */
	assert_missing("etoile", "a.yaml: « w » is missing for « i2 »");
	assert_progress("ou", ECO_PROGRESS_STARTED);
	assert_missing("ou", "z.yaml: no file; or d/*.yaml: no file");
	assert_progress("vide", ECO_PROGRESS_STARTED);
	assert_missing("vide", "« e » is missing for « un »");

	put("a.yaml", "kind: k\nid: un\nm: {x: {v: 1}, y: {v: 2}}\n"
	    "l: [{id: i1, w: a}, {id: i2, w: b}]\ne: [0]\ntags: [a, b]\nn: 007\n"
	    "---\nkind: k\nm: {}\n");
	put("d/x.yaml", "kind: k\n");
	judge(c);
	assert_progress("deux", ECO_PROGRESS_DONE);
	assert_progress("egal", ECO_PROGRESS_DONE);
	assert_progress("etoile", ECO_PROGRESS_DONE);
	assert_progress("ou", ECO_PROGRESS_DONE);
	assert_progress("vide", ECO_PROGRESS_DONE);
	assert_int_equal(t.st->ndone, 5);
	assert_true(t.st->complete);
	assert_int_equal(t.d.n, 0);
}

/* An empty "*" collection names the field that holds it. */
static void
test_condition_empty_list(void **state)
{
	const struct eco_cycle *c;

	(void)state;
	c = mine(HEAD STAGE("intention", 1) MEETING("m")
	    OBJ("x", "              - {fichier: a.yaml, champs: [l.*.w]}\n"));
	assert_non_null(c);
	put("a.yaml", "l: []\n");
	judge(c);
	assert_missing("x", "a.yaml: « l » is missing");
	put("a.yaml", "l: [{w: 1}, {v: 2}]\n");
	judge(c);
	assert_missing("x", "a.yaml: « w » is missing");
}

/* A project of the built-in cycle, from nothing to the second stage. */
static void
test_state_first_stage(void **state)
{
	const struct eco_cycle *c = cycle();
	const struct eco_objective *next[3];

	(void)state;
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\n");
	judge(c);
	assert_string_equal(t.st->stage->id, "intention");
	assert_int_equal(t.st->ndone, 0);
	assert_progress("explorer-demarche", ECO_PROGRESS_MISSING);
	assert_progress("regles-fonctionnement", ECO_PROGRESS_STARTED);
	assert_missing("regles-fonctionnement",
	    "eco.yaml: « regles_fonctionnement » is missing");
	assert_progress("presenter-donnees", ECO_PROGRESS_MISSING);
	assert_missing("presenter-donnees", "donnees.yaml: no file");
	assert_int_equal(eco_state_next(t.st, next, 3), 3);
	assert_string_equal(next[0]->id, "explorer-demarche");
	assert_string_equal(next[2]->id, "regles-fonctionnement");

	/* a file of comments holds nothing */
	put("donnees.yaml", "# rien encore\n");
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\n"
	    "regles_fonctionnement: {adoptees_le: 2026-09-17}\n");
	put("rencontres/r01.yaml", "kind: rencontre\nversion: 1\nid: r01\n"
	    "numero: 1\netape: intention\nstatut: prevue\n");
	judge(c);
	assert_progress("presenter-donnees", ECO_PROGRESS_MISSING);
	assert_missing("presenter-donnees", "no « donnee » document");
	assert_missing("regles-fonctionnement", "« prise_decision »");
	assert_progress("explorer-demarche", ECO_PROGRESS_STARTED);
	assert_missing("explorer-demarche",
	    "rencontres/*.yaml: no meeting held with etape: intention");
	assert_string_equal(t.st->stage->id, "intention");

	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\nregles_fonctionnement:\n"
	    "  adoptees_le: 2026-09-17\n  prise_decision: par consensus\n");
	put("rencontres/r01.yaml", "kind: rencontre\nversion: 1\nid: r01\n"
	    "numero: 1\netape: intention\nstatut: tenue\n");
	put("rencontres/r02.yaml", "kind: rencontre\nversion: 1\nid: r02\n"
	    "numero: 2\netape: etat-situation-analyse\n");
	judge(c);
	assert_int_equal(t.st->ndone, 3);
	assert_string_equal(t.st->stage->id, "etat-situation-analyse");
	assert_int_equal(eco_state_next(t.st, next, 3), 3);
	assert_string_equal(next[0]->id, "presenter-donnees");
	assert_false(t.st->complete);
	assert_int_equal(t.d.n, 0);
}

/* A meeting is held when its statut says so, or when a note of
 * eco-rencontre names it with presences or decisions. */
static void
test_state_held_by_note(void **state)
{
	const struct eco_cycle *c = cycle();

	(void)state;
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\n");
	put("rencontres/r01.yaml", "kind: rencontre\nversion: 1\nid: r01\n"
	    "numero: 1\netape: intention\nstatut: prevue\n---\nkind: note\n"
	    "version: 1\nid: n1\nrencontre: r01\nnotes: rien\n");
	put("rencontres/r02.yaml", "kind: rencontre\nversion: 1\nid: r02\n"
	    "numero: 2\netape: etat-situation-analyse\noutils: [3]\n");
	judge(c);
	assert_progress("explorer-demarche", ECO_PROGRESS_STARTED);
	assert_progress("presenter-facteurs", ECO_PROGRESS_STARTED);
	put("rencontres/r01.yaml", "kind: rencontre\nversion: 1\nid: r01\n"
	    "numero: 1\netape: intention\nstatut: prevue\n---\nkind: note\n"
	    "version: 1\nid: n1\nrencontre: r01\npresences: [{personnes: [A]}]\n");
	put("rencontres/r03.yaml", "kind: note\nversion: 1\nid: n2\n"
	    "rencontre: r02\ndecisions: [{description: d}]\n");
	judge(c);
	assert_progress("explorer-demarche", ECO_PROGRESS_DONE);
	assert_progress("presenter-facteurs", ECO_PROGRESS_DONE);
}

/* A later stage begun: the stage is the latest one with something done,
 * and the gaps behind it come after its own objectives. */
static void
test_state_gaps(void **state)
{
	const struct eco_cycle *c = cycle();
	const struct eco_objective *next[40];
	size_t n, i;

	(void)state;
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\n");
	put("communication.yaml", "kind: communication\nversion: 1\nid: p\n"
	    "titre: P\nplan:\n  objectifs: [o]\n  publics: [{public: parents}]\n"
	    "  porte_parole: [{nom: N}]\n  messages_cles: [{message: m}]\n"
	    "---\nkind: communication\nversion: 1\nid: c\n"
	    "titre: t\npublics: [parents]\ndate: 2027-01-10\n");
	judge(c);
	assert_string_equal(t.st->stage->id, "mise-en-oeuvre");
	n = eco_state_next(t.st, next, 40);
	assert_int_equal(n, 28);
	assert_string_equal(next[0]->id, "suivre-plan");
	assert_string_equal(next[1]->id, "ajuster-actions");
	assert_string_equal(next[2]->id, "explorer-demarche");
	assert_string_equal(next[n - 1]->id, "evaluer-fonctionnement");
	for (i = 0; i < n; i++)
		assert_string_not_equal(next[i]->id, "plan-communication");
}

static void
test_state_plan(void **state)
{
	const struct eco_cycle *c = cycle();

	(void)state;
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\n");
	put("priorites.yaml", "kind: priorite\nversion: 1\nid: p\n"
	    "constats: [c]\nsysteme: enfant\nfacteur: f9\n");
	/* the objectives are the plan's: o1 still has no label */
	put("plan.yaml", "kind: plan\nversion: 1\n"
	    "periode: {debut: 2026-09-01, fin: 2029-06-30}\n"
	    "objectifs:\n  - id: o1\n    facteur: f1\n    transformations:\n"
	    "      enfant:\n        libelle: e\n        indicateurs: [{id: i, cible: 3}]\n"
	    "        actions:\n          - {id: a1, titre: t, responsable: r,"
	    " description: d, debut: 2026-10-01, fin: 2027-06-01}\n"
	    "          - {id: a2, titre: t, responsable: r, debut: 2026-10-01}\n"
	    "      famille: {libelle: f, indicateurs: [], actions: []}\n"
	    "  - {id: o2, libelle: l, facteur: f2}\n"
	    "  - {id: o3, libelle: l, facteur: f1}\n");
	judge(c);
	assert_int_equal(t.st->nfactors, 2);	/* the objectives' f1, f2 */
	assert_int_equal(t.st->nyears, 3);
	assert_progress("definir-objectifs", ECO_PROGRESS_STARTED);
	assert_progress("choisir-facteurs", ECO_PROGRESS_STARTED);
	assert_missing("choisir-facteurs",
	    "priorites.yaml: no « priorite » document with systeme: famille");
	/* the planning objectives are the plan's gaps (eco_plan_lacks) */
	assert_missing("transformations",
	    "plan.yaml: objective « o1 » has no libelle");
	assert_missing("indicateurs-cibles",
	    "plan.yaml: transformation « o1-famille » has no indicator");
	assert_missing("decrire-actions",
	    "plan.yaml: action « a2 » has no description (description)");
	assert_progress("ajuster-plan", ECO_PROGRESS_STARTED);
	/* nothing of the plan is done yet: the group is still choosing */
	assert_string_equal(t.st->stage->id, "etat-situation-analyse");
}

/* A complete plan meets every planning objective; one gap keeps one of
 * them from being met, with what eco-plan verifie says of it. */
static void
test_state_plan_complete(void **state)
{
	static const char action[] =
	    "{id: a%d, titre: t, description: d, responsable: r, partenaires: [p],"
	    " debut: 2026-10-01, fin: 2027-06-01, budget: [{poste: p,"
	    " montant: 1, bailleur: b}], calendrier_suivi: [%s]}";
	const struct eco_cycle *c = cycle();
	char plan[2048], act[3][256];
	const char *sys[] = { "enfant", "famille", "communaute" };
	size_t i, n;

	(void)state;
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\n");
	for (i = 0; i < 3; i++)
		snprintf(act[i], sizeof act[i], action, (int)i,
		    i == 2 ? "2027-01-01" : "2027-02-01");
	n = (size_t)snprintf(plan, sizeof plan, "kind: plan\nversion: 1\n"
	    "periode: {debut: 2026-09-01, fin: 2029-06-30}\n"
	    "bailleurs: [{id: b, nom: B}]\n"
	    "objectifs:\n  - id: o1\n    libelle: l\n    facteur: f\n"
	    "    transformations:\n");
	for (i = 0; i < 3; i++)
		n += (size_t)snprintf(plan + n, sizeof plan - n,
		    "      %s:\n        libelle: e\n"
		    "        indicateurs: [{id: i%d, libelle: l, cible: 3,"
		    " outil_suivi: o}]\n        actions: [%s]\n",
		    sys[i], (int)i, act[i]);
	put("plan.yaml", plan);
	judge(c);
	for (i = 0; eco_plan_objectives[i]; i++)
		assert_progress(eco_plan_objectives[i], ECO_PROGRESS_DONE);
	/* the same plan with a follow-up after the period */
	snprintf(act[2], sizeof act[2], action, 2, "2030-01-01");
	strcpy(strstr(plan, "actions: [{id: a2"), "actions: [");
	strcat(plan, act[2]);
	strcat(plan, "]\n");
	put("plan.yaml", plan);
	judge(c);
	for (i = 0; eco_plan_objectives[i]; i++)
		if (strcmp(eco_plan_objectives[i], "calendrier-suivi") != 0)
			assert_progress(eco_plan_objectives[i], ECO_PROGRESS_DONE);
	assert_progress("calendrier-suivi", ECO_PROGRESS_STARTED);
	assert_missing("calendrier-suivi",
	    "plan.yaml: follow-up date 2030-01-01 of action « a2 » falls outside");
}

/* A file that is not YAML is reported and counts as absent. */
static void
test_state_bad_file(void **state)
{
	const struct eco_cycle *c = cycle();

	(void)state;
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\n");
	put("donnees.yaml", "kind: donnee\n  id: [\n");
	judge(c);
	assert_true(t.d.nerr >= 1);
	assert_non_null(strstr(t.d.v[0].file, "donnees.yaml"));
	assert_progress("presenter-donnees", ECO_PROGRESS_MISSING);
}

/* With the project a command has open: the same state, its files read
 * once for both; a FIFO among the meetings is not waited on. */
static void
test_state_of_an_open_project(void **state)
{
	const struct eco_cycle *c = cycle();
	struct eco_project *p;
	struct eco_state *st;
	char fifo[256];
	size_t n;

	(void)state;
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\n");
	put("rencontres/r01.yaml", "kind: rencontre\nid: r01\nnumero: 1\n"
	    "statut: tenue\netape: intention\nobjectifs: [explorer-demarche]\n");
	snprintf(fifo, sizeof fifo, "%s/rencontres/tube.yaml", t.dir);
	assert_int_equal(mkfifo(fifo, 0644), 0);
	remember("rencontres/tube.yaml");
	judge(c);
	assert_non_null(p = eco_project_at(t.dir, &t.d));
	assert_non_null(st = eco_state_of(c, p, &t.d));
	assert_int_equal(st->ndone, t.st->ndone);
	assert_ptr_equal(st->stage, t.st->stage);
	assert_int_equal(obj("explorer-demarche")->progress, ECO_PROGRESS_DONE);
	n = eco_project_nfiles(p);
	eco_project_docs(p, "rencontre", &n);
	assert_int_equal(n, 1);
	eco_state_free(st);
	eco_project_close(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_builtin_shape),
		T(test_builtin_meetings),
		T(test_meeting_count),
		T(test_slots),
		T(test_read_errors),
		T(test_conditions),
		T(test_condition_empty_list),
		T(test_state_first_stage),
		T(test_state_held_by_note),
		T(test_state_gaps),
		T(test_state_plan),
		T(test_state_plan_complete),
		T(test_state_bad_file),
		T(test_state_of_an_open_project),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
