/*
 * test_eco_communication.c - unit tests of eco_communication.c: the plan
 * part and the activities read from a stream in date order, a second
 * plan part refused at its position, lateness on a day, what the plan
 * part lacks (and that the cycle's plan-communication objective agrees,
 * on projects written into a temporary folder), budgets, the calendar by
 * month and audience, month names, and the record ajoute writes with
 * its fresh id.  Messages are the English msgids (no catalogue is bound).
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
	struct eco_doc *docs[MAXDOCS], *made, *kept;
	size_t ndocs;
	struct eco_communication *c;
	struct eco_com_entry *cal;
	struct eco_cycle *cycle;
	struct eco_state *st;
	struct eco_project *p;
	char *text;
	char dir[64];
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	strcpy(t.dir, "/tmp/eco-communication-XXXXXX");
	return mkdtemp(t.dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	while (t.ndocs)
		eco_doc_free(t.docs[--t.ndocs]);
	eco_doc_free(t.made);
	eco_doc_free(t.kept);
	free(t.cal);
	free(t.text);
	eco_communication_free(t.c);
	eco_state_free(t.st);
	eco_cycle_free(t.cycle);
	eco_project_close(t.p);
	eco_diags_free(&t.d);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t.dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Every document of a YAML stream, kept in t.docs. */
static void
read_docs(const char *yaml)
{
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc;

	eco_limits_default(&lim);
	assert_non_null(r = eco_reader_mem(yaml, strlen(yaml),
	    "communication.yaml", &lim, &t.d));
	while (eco_reader_next(r, &doc) > 0) {
		assert_int_equal(doc->nerr, 0);
		assert_true(t.ndocs < MAXDOCS);
		t.docs[t.ndocs++] = doc;
	}
	eco_reader_close(r);
}

static const struct eco_communication *
plan_of(const char *yaml)
{
	read_docs(yaml);
	assert_non_null(t.c = eco_communication_new(
	    (const struct eco_doc *const *)t.docs, t.ndocs, &t.d));
	return t.c;
}

#define HEAD "kind: communication\nversion: 1\n"
#define PLAN "---\n" HEAD "id: p\ntitre: Plan\nplan:\n" \
	"  objectifs: [Informer]\n" \
	"  publics: [{public: elus}, {public: parents}]\n" \
	"  porte_parole: [{nom: Nadia}]\n" \
	"  messages_cles: [{message: Gratuit}]\n"
#define ACT(id, extra) "---\n" HEAD "id: " id "\ntitre: T " id "\n" extra

static const char demo[] =
    ACT("b", "publics: [parents]\ndate: 2027-03-15\nstatut: realisee\n"
	"budget: 180.50\n")
    PLAN
    ACT("a", "publics: [parents, elus]\ndate: 2027-01-20\n"
	"statut: en-preparation\nbudget: 100\nportee: {visee: 40}\n")
    ACT("nd", "publics: [medias]\n")
    ACT("c", "publics: [elus]\ndate: 2027-03-02\nbudget: 20\n"
	"statut: annulee\n")
    ACT("d", "publics: [parents]\ndate: 2027-03-31\n");

static void
test_read(void **state)
{
	const struct eco_communication *c;
	const struct eco_com_activite *a;

	(void)state;
	c = plan_of(demo);
	assert_int_equal(t.d.n, 0);
	assert_non_null(c->plan);
	assert_int_equal(c->plan->line, 11);
	assert_int_equal(c->n, 5);
	/* by date, the undated last */
	assert_string_equal(c->v[0].id, "a");
	assert_string_equal(c->v[1].id, "c");
	assert_string_equal(c->v[2].id, "b");
	assert_string_equal(c->v[3].id, "d");
	assert_string_equal(c->v[4].id, "nd");
	assert_null(c->v[4].date);
	a = eco_communication_id(c, "a");
	assert_ptr_equal(a, &c->v[0]);
	assert_int_equal(a->statut, ECO_COM_EN_PREPARATION);
	assert_int_equal(a->budget, 10000);
	assert_int_equal(a->visee, 40);
	assert_int_equal(a->atteinte, -1);
	assert_true(eco_com_has_public(a, "elus"));
	assert_false(eco_com_has_public(a, "medias"));
	/* without statut, planned; without budget, -1 */
	assert_int_equal(eco_communication_id(c, "d")->statut, ECO_COM_PREVUE);
	assert_int_equal(eco_communication_id(c, "d")->budget, -1);
	assert_int_equal(eco_communication_id(c, "b")->budget, 18050);
	assert_null(eco_communication_id(c, "zz"));
}

static void
test_second_plan(void **state)
{
	const struct eco_diag *g;

	(void)state;
	plan_of(PLAN "  adopte_le: 2026-11-19\n" PLAN);
	assert_int_equal(t.d.nerr, 1);
	g = said_in(&t.d, "a second plan part");
	assert_int_equal(g->line, 13);
	assert_int_equal(g->col, 1);
	assert_string_equal(g->check, "communication");
	assert_non_null(strstr(g->msg, "communication.yaml:2"));
	assert_int_equal(t.c->plan->line, 2);
}

static void
test_late(void **state)
{
	const struct eco_communication *c;

	(void)state;
	c = plan_of(demo);
	/* the day itself is not late; the day after is */
	assert_false(eco_com_late(eco_communication_id(c, "d"), "2027-03-31"));
	assert_true(eco_com_late(eco_communication_id(c, "d"), "2027-04-01"));
	/* in preparation is not done */
	assert_true(eco_com_late(eco_communication_id(c, "a"), "2027-01-21"));
	assert_false(eco_com_late(eco_communication_id(c, "a"), "2027-01-20"));
	/* done, cancelled and undated never are */
	assert_false(eco_com_late(eco_communication_id(c, "b"), "2030-01-01"));
	assert_false(eco_com_late(eco_communication_id(c, "c"), "2030-01-01"));
	assert_false(eco_com_late(eco_communication_id(c, "nd"), "2030-01-01"));
	assert_false(eco_com_late(eco_communication_id(c, "d"), NULL));
}

static void
test_between(void **state)
{
	const struct eco_communication *c;

	(void)state;
	c = plan_of(demo);
	assert_true(eco_com_between(eco_communication_id(c, "nd"), NULL, NULL));
	assert_false(eco_com_between(eco_communication_id(c, "nd"),
	    "2027-01-01", NULL));
	assert_true(eco_com_between(eco_communication_id(c, "d"), "2027-03-31",
	    "2027-03-31"));
	assert_false(eco_com_between(eco_communication_id(c, "d"), NULL,
	    "2027-03-30"));
}

static void
test_lacks(void **state)
{
	const char *k[8];

	(void)state;
	plan_of(demo);
	assert_int_equal(eco_com_lacks(t.c, k, 8), 0);
	eco_communication_free(t.c);
	while (t.ndocs)
		eco_doc_free(t.docs[--t.ndocs]);
	/* an old file, activities only */
	plan_of(ACT("a", "publics: [parents]\n"));
	assert_int_equal(eco_com_lacks(t.c, k, 8), 1);
	assert_string_equal(k[0], "plan");
	assert_string_equal(eco_com_lack_label("plan"), "the plan part");
	eco_communication_free(t.c);
	while (t.ndocs)
		eco_doc_free(t.docs[--t.ndocs]);
	plan_of("---\n" HEAD "id: p\ntitre: P\nplan:\n  objectifs: [a]\n"
	    "  messages_cles: []\n");
	assert_int_equal(eco_com_lacks(t.c, k, 1), 3);
	assert_string_equal(k[0], "publics");
	assert_int_equal(eco_com_lacks(t.c, k, 8), 3);
	assert_string_equal(k[1], "porte_parole");
	assert_string_equal(k[2], "messages_cles");
	assert_string_equal(eco_com_lack_label(k[1]), "spokespeople");
}

static void
test_budget(void **state)
{
	long long cents;

	(void)state;
	plan_of(demo);
	/* the cancelled 20 left out */
	assert_int_equal(eco_com_budget(t.c, 0, &cents), 0);
	assert_int_equal(cents, 28050);
	assert_int_equal(eco_com_budget(t.c, 1, &cents), 0);
	assert_int_equal(cents, 18050);
}

static int
only_parents(const struct eco_com_activite *a, const char *code, void *arg)
{
	(void)a;
	return strcmp(code, arg) == 0;
}

static void
test_calendar(void **state)
{
	size_t n;

	(void)state;
	plan_of(demo);
	assert_non_null(t.cal = eco_com_calendar(t.c, NULL, NULL, &n, &t.d));
	assert_int_equal(n, 6);
	/* January: a for elus, then parents, in the plan part's order */
	assert_string_equal(t.cal[0].mois, "2027-01");
	assert_string_equal(t.cal[0].public, "elus");
	assert_string_equal(t.cal[1].public, "parents");
	assert_string_equal(t.cal[1].activite->id, "a");
	/* March: elus (c), then parents by date (b, d) */
	assert_string_equal(t.cal[2].mois, "2027-03");
	assert_string_equal(t.cal[2].activite->id, "c");
	assert_string_equal(t.cal[3].activite->id, "b");
	assert_string_equal(t.cal[4].activite->id, "d");
	/* undated last; medias, not in the plan part, after its audiences */
	assert_string_equal(t.cal[5].mois, "");
	assert_string_equal(t.cal[5].public, "medias");
	free(t.cal);
	assert_non_null(t.cal = eco_com_calendar(t.c, only_parents, "parents",
	    &n, &t.d));
	assert_int_equal(n, 3);
	assert_string_equal(t.cal[2].activite->id, "d");
	free(t.cal);
	t.cal = eco_com_calendar(t.c, only_parents, "bailleurs", &n, &t.d);
	assert_non_null(t.cal);
	assert_int_equal(n, 0);
}

static void
test_labels(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(eco_com_month_label("2027-03", buf, sizeof buf),
	    "March 2027");
	assert_string_equal(eco_com_month_label("2027-12", buf, sizeof buf),
	    "December 2027");
	assert_string_equal(eco_com_month_label("", buf, sizeof buf),
	    "date not set");
	assert_string_equal(eco_com_month_label("2027-13", buf, sizeof buf),
	    "date not set");
	assert_string_equal(eco_com_public_label("grand-public"), "general public");
	assert_string_equal(eco_com_public_label("voisins"), "voisins");
	assert_int_equal(eco_com_public_index("medias"), 6);
	assert_int_equal(eco_com_statut_of(NULL), ECO_COM_PREVUE);
	assert_int_equal(eco_com_statut_of("annulee"), ECO_COM_ANNULEE);
	assert_int_equal(eco_com_statut_of("faite"), -1);
	assert_string_equal(eco_com_statut_code(ECO_COM_EN_PREPARATION),
	    "en-preparation");
	assert_string_equal(eco_com_statut_label(ECO_COM_REALISEE), "carried out");
}

static void
test_keep(void **state)
{
	static const char *const pub[] = { "medias", "elus" };
	struct eco_com_filter f = { 0 };
	const struct eco_communication *c;
	size_t i, n;

	(void)state;
	c = plan_of(demo);
	for (i = n = 0; i < c->n; i++)
		n += eco_com_keep(&f, &c->v[i]);
	assert_int_equal(n, 5);
	f.publics = pub, f.npublics = 2;
	assert_true(eco_com_keep(&f, eco_communication_id(c, "nd")));
	assert_true(eco_com_keep(&f, eco_communication_id(c, "a")));
	assert_false(eco_com_keep(&f, eco_communication_id(c, "b")));
	/* an entry for parents of an activity kept for its elus is not */
	assert_false(eco_com_keep_entry(eco_communication_id(c, "a"), "parents",
	    &f));
	assert_true(eco_com_keep_entry(eco_communication_id(c, "a"), "elus", &f));
	f.statut = "annulee";
	assert_true(eco_com_keep(&f, eco_communication_id(c, "c")));
	assert_false(eco_com_keep(&f, eco_communication_id(c, "a")));
	f = (struct eco_com_filter){ .from = "2027-03-01", .to = "2027-03-31" };
	assert_true(eco_com_keep(&f, eco_communication_id(c, "d")));
	assert_false(eco_com_keep(&f, eco_communication_id(c, "nd")));
	f.responsable = "ville-val";
	assert_false(eco_com_keep(&f, eco_communication_id(c, "d")));
}

static void
test_text(void **state)
{
	struct eco_buf b = ECO_BUF_INIT;
	const struct eco_communication *c;
	const struct eco_node *seq;
	char buf[64];

	(void)state;
	c = plan_of(demo);
	seq = eco_communication_id(c, "a")->publics;
	assert_string_equal(eco_com_joined(NULL, seq, "public", &b),
	    "parents and elected officials");
	assert_string_equal(eco_com_joined(NULL, seq, NULL, &b), "parents; elus");
	assert_string_equal(eco_com_joined(NULL, NULL, "action", &b), "");
	assert_string_equal(eco_com_lacks_text(c, &b), "");
	assert_string_equal(eco_com_reach(eco_communication_id(c, "a"), buf,
	    sizeof buf), "aimed at: 40 people");
	assert_null(eco_com_reach(eco_communication_id(c, "b"), buf, sizeof buf));
	eco_buf_free(&b);
}

/* Write text into rel under t.dir. */
static void
put(const char *rel, const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", t.dir, rel);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Whether the cycle finds plan-communication done in t.dir, and whether
 * eco_communication finds the plan part complete with an activity. */
static void
agree(const char *communication, int done)
{
	const struct eco_objective *o;
	const struct eco_doc *const *docs;
	const char *k[8];
	size_t n;

	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\n");
	put("communication.yaml", communication);
	eco_state_free(t.st);
	assert_non_null(t.st = eco_state_read(t.cycle, t.dir, &t.d));
	o = eco_cycle_objective(t.cycle, "plan-communication");
	assert_non_null(o);
	assert_int_equal(t.st->objectives[o->index].progress == ECO_PROGRESS_DONE,
	    done);
	eco_project_close(t.p);
	assert_non_null(t.p = eco_project_at(t.dir, &t.d));
	docs = eco_project_docs(t.p, "communication", &n);
	eco_communication_free(t.c);
	assert_non_null(t.c = eco_communication_new(docs, n, &t.d));
	assert_int_equal(eco_com_lacks(t.c, k, 8) == 0 && t.c->n > 0, done);
}

static void
test_cycle_agrees(void **state)
{
	(void)state;
	assert_non_null(t.cycle = eco_cycle_load(&t.d));
	assert_string_equal(eco_cycle_objective(t.cycle,
	    "plan-communication")->command, "eco-communication plan");
	agree(PLAN ACT("a", "publics: [parents]\ndate: 2027-01-10\n"), 1);
	/* activities only: an old file */
	agree(ACT("a", "publics: [parents]\ndate: 2027-01-10\n"), 0);
	/* no activity */
	agree(PLAN, 0);
	/* a plan part without key messages */
	agree("---\n" HEAD "id: p\ntitre: P\nplan:\n  objectifs: [o]\n"
	    "  publics: [{public: parents}]\n  porte_parole: [{nom: N}]\n"
	    ACT("a", "publics: [parents]\ndate: 2027-01-10\n"), 0);
}

/* ajoute */

static void
test_new(void **state)
{
	static const char *const pub[] = { "parents", "grand-public" };
	static const char *const act[] = { "act-heure-conte" };
	struct eco_com_in in = { .titre = "Kiosque au marché",
	    .folded = "kiosque au marche", .publics = pub, .npublics = 2,
	    .actions = act, .nactions = 1, .date = "2027-06-12",
	    .budget = 7550, .visee = 120 };
	const struct eco_node *r;
	char id[128];

	(void)state;
	assert_string_equal(eco_com_new_id(&in, id, sizeof id),
	    "com-kiosque-marche");
	assert_non_null(t.made = eco_com_new(&in, id, &t.kept));
	r = t.made->root;
	assert_string_equal(eco_map_str(r, "kind"), "communication");
	assert_string_equal(eco_map_str(r, "id"), "com-kiosque-marche");
	assert_string_equal(eco_map_str(r, "statut"), "prevue");
	assert_int_equal(eco_map_get(r, "budget")->type, ECO_FLOAT);
	assert_string_equal(eco_map_get(r, "budget")->s, "75.50");
	assert_int_equal(eco_node_path(r, "portee.visee")->u.i, 120);
	assert_int_equal(eco_map_seq(r, "publics")->len, 2);
	assert_null(eco_map_get(r, "moyens"));
	in.id = "com-autre";
	assert_string_equal(eco_com_new_id(&in, id, sizeof id), "com-autre");
}

/* The fresh id, under the project's lock: -2 when taken. */
static void
test_append(void **state)
{
	static const char *const pub[] = { "parents" };
	struct eco_com_in in = { .titre = "Affiches", .folded = "affiches",
	    .publics = pub, .npublics = 1, .budget = -1, .visee = -1 };
	struct eco_record rec = { .file = "communication.yaml",
	    .kind = "communication", .render = eco_com_render, .arg = &in };

	(void)state;
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n"
	    "territoire: {nom: T}\n");
	put("communication.yaml", "# ours\n" ACT("com-affiches",
	    "publics: [elus]\n"));
	assert_non_null(t.p = eco_project_at(t.dir, &t.d));
	in.project = t.p;
	assert_int_equal(eco_project_append(t.p, &rec, &t.d), 0);
	t.text = rec.text;
	assert_string_equal(in.chosen, "com-affiches-2");
	assert_non_null(strstr(t.text, "id: com-affiches-2\n"));
	assert_non_null(strstr(t.text, "statut: prevue\n"));
	assert_int_equal(t.d.nerr, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_read),
		T(test_second_plan),
		T(test_late),
		T(test_between),
		T(test_lacks),
		T(test_budget),
		T(test_keep),
		T(test_text),
		T(test_calendar),
		T(test_labels),
		T(test_cycle_agrees),
		T(test_new),
		T(test_append),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
