/*
 * eco-plan - the concerted action plan (Outil 9): a skeleton from the
 * priorities, what a planning meeting still has to fill, the plan
 * flattened into records for pipes, and its follow-up calendar.
 *
 * The documents come from the project layer: the operands, or the
 * project's own file (plan.yaml; priorites.yaml for a skeleton), each
 * checked as eco-validate checks it before anything is made of it.
 * They are read into the views of eco_plan.c, whether plan.yaml or
 * records from an earlier eco-plan in a pipe, so every subcommand works
 * on both.  Subcommands that print records pass the documents they do
 * not handle through untouched, in stream order.  Nothing here rewrites
 * a file: the skeleton is written only where no plan.yaml exists yet.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define SQUELETTE "eco-plan squelette [-e] [-C DOSSIER] [-f FICHIER] [FICHIER|-]"
#define VERIFIE "eco-plan verifie [-o texte|json] [-C DOSSIER] [-f FICHIER] " \
    "[FICHIER|-]..."
#define FILTRES "[--systeme S] [--facteur ID] [--responsable ID] " \
    "[--partenaire ID] [--bailleur ID] [--entre DEBUT:FIN] [-C DOSSIER] " \
    "[-f FICHIER] [FICHIER|-]..."
#define RECORDS "eco-plan objectifs|transformations|indicateurs|actions " \
    "[-o yaml|json] " FILTRES
#define CALENDRIER "eco-plan calendrier [-o texte|json|csv|md|html] " FILTRES

static const char usage[] = SQUELETTE "\n       " VERIFIE "\n       "
    RECORDS "\n       " CALENDRIER;

#define NO_PLAN N_("this project has no %s yet: eco-plan squelette -e " \
    "writes one from the priorities")

static struct {
	char **files;			/* -f, then the operands */
	int nfiles;
	int write;			/* -e */
} opt;

/* What a subcommand reads, and what it makes of it. */
static struct {
	struct eco_project *pr;
	const struct eco_doc *const *docs;	/* its documents, in order */
	size_t ndocs;
	int operands;			/* they are the operands' */
	struct eco_plan *plan;
	struct eco_diags d;		/* to print */
	struct eco_plan_filter f;
	int failed;			/* a write failed */
} S;

enum { O_FICHIER = 1, O_ECRIRE };

static void
option(int key, const char *arg)
{
	char **v;

	if (key == O_ECRIRE) {
		opt.write = 1;
		return;
	}
	if (!(v = realloc(opt.files, (size_t)(opt.nfiles + 1) * sizeof *v))) {
		perror(cli_prog);
		exit(ECO_EXIT_SYS);
	}
	v[opt.nfiles++] = (char *)arg;
	opt.files = v;
}

static const char *
kind_of(const struct eco_doc *doc)
{
	const struct eco_kind *k = eco_kind_of(doc->root);

	return k ? k->name : NULL;
}

/* Input. */

/* The project's file that holds kind, read; NULL when there is none. */
static const struct eco_file *
own_file(const char *kind)
{
	const char *home = eco_kind_find(kind)->home;
	const struct eco_file *f;
	size_t i;

	if (eco_project_read(S.pr, home, &S.d) < 0)
		cli_oom(&S.d);
	for (i = 0; (f = eco_project_file(S.pr, i)); i++)
		if (!f->input && strcmp(f->rel, home) == 0)
			return f;
	return NULL;
}

/*
 * The documents of the operands (-f first) or of the project's file
 * that holds kind (missing: what to say when it has none), checked in
 * the project around the first operand, or around the current folder
 * (here).  The check's diagnostics about them are in S.d.
 */
static int with_fiches;	/* inputs: the factors' fiches checked too */

static void
inputs(int argc, char **argv, const char *kind, const char *missing, int here)
{
	const char *const own[] = { kind, with_fiches ? "facteur" : NULL, NULL };
	const char *const ops[] = { "facteur", NULL };
	struct eco_diags check;
	char name[4096];
	int i;

	for (i = 0; i < argc; i++)
		option(O_FICHIER, argv[i]);
	S.operands = opt.nfiles > 0;
	if (!(S.pr = eco_project_open(here || !S.operands ||
	    strcmp(opt.files[0], "-") == 0 ? NULL : opt.files[0], &S.d)) ||
	    !(S.plan = eco_plan_new()))
		cli_oom(&S.d);
	if (S.operands && eco_project_inputs(S.pr, opt.nfiles, opt.files, &S.d) < 0)
		exit(cli_finish(&S.d));
	else if (!S.operands && !eco_project_dir(S.pr))
		cli_usage_error(NULL, "%s",
		    _("no eco project here (no eco.yaml in this folder or above); "
		    "name a file, or - for standard input"));
	else if (!S.operands && !own_file(kind)) {
		snprintf(name, sizeof name, "%s%s%s", strcmp(eco_project_dir(S.pr),
		    ".") ? eco_project_dir(S.pr) : "", strcmp(eco_project_dir(S.pr),
		    ".") ? "/" : "", eco_kind_find(kind)->home);
		eco_diag_add(&S.d, name, 0, 0, ECO_SEV_ERROR, NULL, _(missing),
		    eco_kind_find(kind)->home);
		exit(cli_finish(&S.d));
	}
	S.docs = S.operands ? eco_project_input_docs(S.pr, &S.ndocs) :
	    eco_project_docs(S.pr, kind, &S.ndocs);
	eco_diags_init(&check);
	eco_project_check(S.pr, !S.operands ? own : with_fiches ? ops : NULL,
	    &check);
	eco_plan_diags(&S.d, &check, S.operands ? S.docs : NULL,
	    S.operands ? S.ndocs : 0);
	eco_diags_free(&check);
}

/* A report is made only of valid documents: else the diagnostics. */
static void
valid_or_exit(void)
{
	if (S.d.nerr || S.d.sys)
		exit(cli_finish(&S.d));
	eco_diags_clear(&S.d);
}

/* 1 when doc is the plan's and taken into its views. */
static int
take(const struct eco_doc *doc)
{
	int rc = eco_plan_add_doc(S.plan, doc);

	if (rc < 0)
		cli_oom(&S.d);
	return rc;
}

/* Output. */

static void
emit(const struct eco_node *n, const char *file)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int rc;

	if (S.failed)
		return;
	if (cli.format != FMT_JSON) {
		S.failed = eco_emit_yaml(stdout, n) < 0;
		return;
	}
	/* whole or not at all: a value JSON cannot carry leaves nothing */
	if (!(mem = open_memstream(&buf, &len)))
		cli_oom(&S.d);
	rc = eco_emit_json(mem, n, file, &S.d);
	if (fclose(mem) != 0 || rc == -1)
		cli_oom(&S.d);
	if (rc == 0 && fwrite(buf, 1, len, stdout) != len)
		S.failed = 1;
	free(buf);
}

static void
filters(void)
{
	static const char *const kinds[] = { "facteur", NULL };
	struct eco_facteurs *f;
	int known;

	S.f = (struct eco_plan_filter){ cli.systeme, cli.facteur,
	    cli.responsable, cli.partenaire, cli.bailleur, cli.from, cli.to };
	if (!cli.facteur)
		return;
	/* a factor no fiche has would keep nothing, silently */
	if (eco_project_check(S.pr, kinds, &S.d) > 0 || S.d.sys)
		exit(cli_finish(&S.d));
	if (!(f = eco_facteurs_of(S.pr, &S.d)))
		cli_oom(&S.d);
	known = eco_facteurs_known(f, cli.facteur, &S.d);
	eco_facteurs_free(f);
	if (known < 0)
		exit(cli_finish(&S.d));
}

/* Records: objectifs, transformations, indicateurs, actions. */

static int
records(enum eco_view_kind k, int argc, char **argv)
{
	const struct eco_node *rec;
	size_t i, j, before;
	const char *kind;

	inputs(argc, argv, "plan", NO_PLAN, 0);
	valid_or_exit();
	filters();
	for (i = 0; i < S.ndocs && !S.failed; i++) {
		kind = kind_of(S.docs[i]);
		if (!kind || (strcmp(kind, "plan") != 0 &&
		    strcmp(kind, eco_view_kinds[k]) != 0)) {
			emit(S.docs[i]->root, S.docs[i]->file);	/* passed through */
			continue;
		}
		before = eco_plan_nviews(S.plan, k);
		take(S.docs[i]);
		for (j = before; j < eco_plan_nviews(S.plan, k) && !S.failed; j++) {
			if (!eco_plan_keep(S.plan, k, j, &S.f))
				continue;
			if (!(rec = eco_plan_record(S.plan, k, j)))
				cli_oom(&S.d);
			emit(rec, eco_plan_view(S.plan, k, j)->file);
		}
	}
	return cli_finish(&S.d);
}

static int
run_objectifs(int argc, char **argv)
{
	return records(ECO_VIEW_OBJECTIF, argc, argv);
}

static int
run_transformations(int argc, char **argv)
{
	return records(ECO_VIEW_TRANSFORMATION, argc, argv);
}

static int
run_indicateurs(int argc, char **argv)
{
	return records(ECO_VIEW_INDICATEUR, argc, argv);
}

static int
run_actions(int argc, char **argv)
{
	return records(ECO_VIEW_ACTION, argc, argv);
}

/* verifie: the check, then what is left to fill. */

static void
summary_text(const struct eco_plan_counts *c, size_t left)
{
	const size_t *k = c->complete, *n = c->total;

	printf(ngettext("%zu of %zu objective complete",
	    "%zu of %zu objectives complete", k[0]), k[0], n[0]);
	putchar('\n');
	printf(ngettext("%zu of %zu transformation complete",
	    "%zu of %zu transformations complete", k[1]), k[1], n[1]);
	putchar('\n');
	printf(ngettext("%zu of %zu indicator complete",
	    "%zu of %zu indicators complete", k[2]), k[2], n[2]);
	putchar('\n');
	printf(ngettext("%zu of %zu action complete",
	    "%zu of %zu actions complete", k[3]), k[3], n[3]);
	putchar('\n');
	if (left == 0)
		puts(_("The plan is complete."));
	else {
		printf(ngettext("%zu thing to fill or fix before the plan is complete.",
		    "%zu things to fill or fix before the plan is complete.", left),
		    left);
		putchar('\n');
	}
}

/* The JSON report, whatever happened, for the script reading it. */
static void
verifie_json(const struct eco_plan_counts *c, size_t left)
{
	struct eco_doc *doc = eco_doc_new(NULL);
	const struct eco_node *top;

	if (!doc || !(top = eco_plan_verdict_json(doc, c, left, &S.d)))
		cli_oom(&S.d);
	if (eco_emit_json(stdout, top, NULL, &S.d) == -1)
		S.failed = 1;
	eco_diags_clear(&S.d);
	eco_doc_free(doc);
}

/* What the project's evaluations ask of the plan and it has not done:
 * warnings (eco_evaluation_revision), once the evaluations are checked. */
static void
evaluations(void)
{
	static const char *const kinds[] = { "evaluation", NULL };
	const struct eco_doc *const *ev;
	struct eco_diags check;
	size_t n = 0;

	if (eco_project_read(S.pr, "evaluations/", &S.d) < 0)
		cli_oom(&S.d);
	eco_diags_init(&check);
	if (eco_project_check(S.pr, kinds, &check) == 0 && !check.sys) {
		ev = eco_project_docs(S.pr, "evaluation", &n);
		if (eco_evaluation_apply(S.plan, ev, ev ? n : 0, NULL) < 0)
			cli_oom(&S.d);
		eco_evaluation_revision(S.plan, ev, ev ? n : 0, NULL, &S.d);
	} else
		eco_plan_diags(&S.d, &check, NULL, 0);
	eco_diags_free(&check);
}

static int
run_verifie(int argc, char **argv)
{
	struct eco_plan_counts c;
	struct eco_diags out;
	size_t i, nplans = 0, left;
	int rc;

	inputs(argc, argv, "plan", NO_PLAN, 0);
	for (i = 0; i < S.ndocs; i++)
		nplans += take(S.docs[i]);
	if (nplans == 0 && !S.d.nerr && !S.d.sys)
		eco_diag_add(&S.d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no plan in the input (kind: plan, or records from eco-plan)"));
	if (nplans && eco_project_dir(S.pr))
		evaluations();
	eco_diags_init(&out);
	left = eco_plan_verdict(S.plan, &S.d, &out, &c);
	eco_diags_free(&S.d);
	S.d = out;
	if (cli.format == FMT_JSON)
		verifie_json(&c, left);
	else {
		if (nplans)
			summary_text(&c, left);
		cli_print_diags(&S.d);
	}
	rc = cli_finish(&S.d);
	if (rc == ECO_EXIT_SYS || S.failed)
		return ECO_EXIT_SYS;
	return left || S.d.nerr ? ECO_EXIT_DATA : ECO_EXIT_OK;
}

/* calendrier: every follow-up date, in date order. */

/* An organisation by its name for people, by its id in JSON. */
static const char *
member(const char *id)
{
	const char *nom;

	if (!id || cli.format == FMT_JSON)
		return id;
	return (nom = eco_project_title(S.pr, "organisme", id)) ? nom : id;
}

static void
entry_row(struct eco_table *t, const struct eco_echeance *e)
{
	const struct eco_action_view *a = &S.plan->actions[e->index];
	const struct eco_indicateur_view *x = &S.plan->indicateurs[e->index];
	int json = cli.format == FMT_JSON;

	eco_table_row(t);
	eco_table_text(t, 0, e->date);
	/* JSON is for programs: a code there, words for people elsewhere */
	switch (e->what) {
	case ECO_ECH_PLAN:
		eco_table_text(t, 1, json ? "plan" : _("plan review"));
		eco_table_text(t, 2, S.plan->id);
		eco_table_text(t, 5, S.plan->titre);
		break;
	case ECO_ECH_ACTION:
		eco_table_text(t, 1, json ? "action" : _("action follow-up"));
		eco_table_text(t, 2, a->id);
		eco_table_text(t, 3, member(a->responsable));
		eco_table_text(t, 4, a->objectif);
		eco_table_text(t, 5, a->titre);
		break;
	case ECO_ECH_INDICATEUR:
		eco_table_text(t, 1, json ? "indicateur" : _("indicator deadline"));
		eco_table_text(t, 2, x->id);
		eco_table_text(t, 3, member(x->responsable_mesure));
		eco_table_text(t, 4, x->objectif);
		eco_table_text(t, 5, x->libelle);
		break;
	}
}

static int
run_calendrier(int argc, char **argv)
{
	struct eco_echeance *v;
	struct eco_report *r;
	struct eco_table *t;
	size_t n, i;

	inputs(argc, argv, "plan", NO_PLAN, 0);
	valid_or_exit();
	filters();
	for (i = 0; i < S.ndocs; i++)
		take(S.docs[i]);
	v = eco_plan_calendar(S.plan, &n);
	if (n == (size_t)-1 || !(r = eco_report_new(NULL, _("Follow-up calendar"))))
		cli_oom(&S.d);
	eco_report_footer(r, eco_project_name(S.pr), cli.au);
	t = eco_report_table(r, "echeance", S.plan->titre,
	    ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(t, "date", _("Date"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "quoi", _("What"), 0, 0);
	eco_table_column(t, "id", _("Id"), ECO_COL_NOWRAP, 0);
	eco_table_column(t, "responsable", _("Responsable"), 0, 0);
	eco_table_column(t, "objectif", _("Objective"), ECO_COL_NOTEXTE, 0);
	eco_table_column(t, "libelle", _("Label"), ECO_COL_TRUNC, 44);
	for (i = 0; i < n; i++)
		if (eco_plan_keep_echeance(S.plan, &v[i], &S.f))
			entry_row(t, &v[i]);
	free(v);
	if (eco_report_write(stdout, r, cli.rformat, &S.d) < 0 && !S.d.n)
		cli_oom(&S.d);
	eco_report_free(r);
	return cli_finish(&S.d);
}

/* squelette: a plan to fill, from the priorities. */

static struct eco_schemaset *set;
static struct eco_pris *pris;
static struct eco_facteurs *fiches;

static int
render(FILE *out, const char *id, void *arg)
{
	(void)id, (void)arg;
	return eco_plan_skeleton(out, set, pris, fiches, &S.d);
}

/* -e: plan.yaml in the project, never over an existing one. */
static void
write_plan(void)
{
	struct eco_record rec = { "plan.yaml", "plan", NULL, render, NULL,
	    ECO_WRITE_UNCHECKED, NULL, "" };
	const struct eco_file *f;

	/* a plan already there is refused without touching the project;
	 * eco_project_create, under the lock, settles a race */
	if ((f = own_file("plan"))) {
		eco_diag_add(&S.d, f->name, 0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("the project has a plan already; eco-plan never overwrites it (without -e, the skeleton goes to standard output)"));
		return;
	}
	eco_project_create(S.pr, &rec, &S.d);
	free(rec.text);
}

static int
run_squelette(int argc, char **argv)
{
	size_t i, n = 0;

	with_fiches = 1;
	inputs(argc, argv, "priorite", N_("this project has no %s yet: "
	    "choose the priorities first (eco-priorites propose)"), 1);
	if (opt.write && !eco_project_dir(S.pr))
		cli_usage_error(NULL, "%s",
		    _("-e writes plan.yaml in the project, but there is no eco project here (no eco.yaml in this folder or above)"));
	valid_or_exit();
	if (!(fiches = eco_facteurs_of(S.pr, &S.d)) ||
	    !(pris = eco_pris_new(S.docs, S.ndocs)))
		cli_oom(&S.d);
	for (i = 0; i < pris->n; i++)
		n += pris->v[i].facteur != NULL;
	if (n == 0) {
		eco_diag_add(&S.d, S.operands && strcmp(opt.files[0], "-") ?
		    opt.files[0] : S.operands ? "<stdin>" : own_file("priorite")->name,
		    0, 0, ECO_SEV_ERROR, NULL, "%s",
		    _("no priority here retains a protective factor (facteur): the plan's objectives are drafted from them (eco-priorites, Outil 8)"));
	} else if (!(set = eco_schemaset_new()) ||
	    eco_schemaset_add_eco(set, &S.d) < 0 ||
	    eco_schemaset_resolve(set, &S.d) < 0)
		eco_diag_sys(&S.d, NULL, "%s", _("eco's schemas cannot be read"));
	else if (opt.write)
		write_plan();
	else
		render(stdout, NULL, NULL);
	eco_schemaset_free(set);
	eco_pris_free(pris);
	eco_facteurs_free(fiches);
	return cli_finish(&S.d);
}

/* Options and subcommands. */

static const struct cli_option options[] = {
	{ .key = O_FICHIER, .letter = 'f', .name = "fichier", .alias = "file",
	  .arg = CLI_TEXT, .metavar = "FICHIER",
	  .help = N_("read this file (as an operand would be named)") },
	{ .name = NULL }
};

static const struct cli_option write_option[] = {
	{ .key = O_ECRIRE, .letter = 'e', .name = "ecrire", .alias = "write",
	  .arg = CLI_FLAG,
	  .help = N_("write plan.yaml in the project, which must have none yet") },
	{ .name = NULL }
};

#define RECORD_FORMATS (1u << FMT_YAML | 1u << FMT_JSON)

static const struct cli_cmd subs[] = {
	{ .name = "squelette", .aliases = "skeleton", .usage = SQUELETTE,
	  .summary = N_("a plan to fill, from the priorities"),
	  .example = "eco-plan squelette > plan.yaml", .maxops = 1,
	  .formats = 1u << FMT_YAML, .format = FMT_YAML,
	  .options = write_option, .option = option, .run = run_squelette },
	{ .name = "verifie", .aliases = "check", .usage = VERIFIE,
	  .summary = N_("what the planning meeting still has to fill"),
	  .example = "eco-plan verifie -o json", .maxops = CLI_MANY,
	  .formats = 1u << FMT_TEXTE | 1u << FMT_JSON, .format = FMT_TEXTE,
	  .run = run_verifie },
	{ .name = "objectifs", .aliases = "objectives", .usage = RECORDS,
	  .summary = N_("the objectives, one record each"),
	  .example = "eco-plan objectifs --bailleur fondation-laurentienne",
	  .common = CLI_FILTERS, .maxops = CLI_MANY, .formats = RECORD_FORMATS,
	  .format = FMT_YAML, .run = run_objectifs },
	{ .name = "transformations", .usage = RECORDS,
	  .summary = N_("the desired transformations, one record each"),
	  .example = "eco-plan transformations --systeme famille",
	  .common = CLI_FILTERS, .maxops = CLI_MANY, .formats = RECORD_FORMATS,
	  .format = FMT_YAML, .run = run_transformations },
	{ .name = "indicateurs", .aliases = "indicators", .usage = RECORDS,
	  .summary = N_("the indicators, one record each"),
	  .example = "eco-plan indicateurs --entre 2029-01-01:2029-12-31",
	  .common = CLI_FILTERS, .maxops = CLI_MANY, .formats = RECORD_FORMATS,
	  .format = FMT_YAML, .run = run_indicateurs },
	{ .name = "actions", .usage = RECORDS,
	  .summary = N_("the actions, one record each"),
	  .example = "eco-plan actions --bailleur fondation-laurentienne -o json",
	  .common = CLI_FILTERS, .maxops = CLI_MANY, .formats = RECORD_FORMATS,
	  .format = FMT_YAML, .run = run_actions },
	{ .name = "calendrier", .aliases = "calendar", .usage = CALENDRIER,
	  .summary = N_("every follow-up date, in date order"),
	  .example = "eco-plan calendrier --responsable clsc-val -o csv",
	  .common = CLI_FILTERS, .maxops = CLI_MANY,
	  .formats = 1u << FMT_TEXTE | 1u << FMT_JSON | 1u << FMT_CSV |
	  1u << FMT_MD | 1u << FMT_HTML, .format = FMT_TEXTE,
	  .run = run_calendrier },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-plan", .usage = usage,
	.example = "eco-plan actions --bailleur fondation-laurentienne -o json",
	.common = CLI_DOSSIER | CLI_FORMAT, .options = options, .option = option,
	.formats = 1u << FMT_YAML | 1u << FMT_JSON | 1u << FMT_TEXTE |
	1u << FMT_MD | 1u << FMT_HTML | 1u << FMT_CSV, .format = FMT_YAML,
	.subs = subs,
};

int
main(int argc, char *argv[])
{
	int rc;

	eco_diags_init(&S.d);
	rc = cli_main(&cmd, argc, argv);
	eco_plan_free(S.plan);
	eco_project_close(S.pr);
	eco_diags_free(&S.d);
	free(opt.files);
	return rc;
}
