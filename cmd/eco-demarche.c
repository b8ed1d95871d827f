/*
 * eco-demarche - the cycle of the method (Outils 1 and 2), and where the
 * project stands in it.
 *
 * Without an operand it prints the cycle of data/demarche.yaml: stages,
 * meetings, objectives, outils.  "etat" judges the project's files
 * against the 29 objectives (lib/eco_cycle.c holds the rules), names the
 * stage the group is in and the next three steps, each with the command
 * that serves it.  Text for people, md to paste, json for scripts.
 * "nouveau-cycle" closes a complete cycle: its files go to historique/
 * (eco_project_new_cycle) and the project starts the next one.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "eco-demarche [-o texte|md|json] [-C DOSSIER] [etat]\n"
    "       eco-demarche [-C DOSSIER] nouveau-cycle [-n] [--nom NOM] "
    "[--avant-la-fin]";

#define NEW_CYCLE "eco-demarche nouveau-cycle"

/* of text output: 78 columns, or the terminal's when it has fewer */
#define WIDTH (eco_term_width() < 80 ? eco_term_width() - 2 : 78)
#define NSTEPS 3

/* Text. */

static void
pad(const char *s, size_t w)
{
	size_t n = eco_text_width(s, strlen(s));

	printf("%s%*s", s, n < w ? (int)(w - n) : 0, "");
}

/* "1, 2" */
static void
numbers(char *buf, size_t cap, const int *v, size_t n)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && len < cap; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%s%d",
		    i ? ", " : "", v[i]);
}

/* "plan.yaml, interventions.yaml" */
static void
files(char *buf, size_t cap, const struct eco_objective *o)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < o->nfiles && len < cap; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%s%s",
		    i ? ", " : "", o->files[i]);
}

static size_t
id_width(const struct eco_cycle *c)
{
	size_t i, w = 0;

	for (i = 0; i < c->nobjectives; i++)
		if (strlen(c->objectives[i].id) > w)
			w = strlen(c->objectives[i].id);
	return w;
}

/* The cycle. */

static void
cycle_objective_text(const struct eco_objective *o, size_t col)
{
	char tl[64], fl[256];

	printf("    %-*s", (int)(col - 4), o->id);
	eco_wrap_write(stdout, o->label, col, col, WIDTH, "");
	printf("%*s", (int)col, "");
	files(fl, sizeof fl, o);
	if (o->ntools) {
		numbers(tl, sizeof tl, o->tools, o->ntools);
		printf(ngettext("tool %s", "tools %s", o->ntools), tl);
		fputs(" · ", stdout);
	}
	printf("%s · %s\n", o->command, fl);
}

static void
cycle_text(const struct eco_cycle *c)
{
	size_t col = 4 + id_width(c) + 2, i, j, k;
	char tl[64];

	for (i = 0; i < c->nstages; i++) {
		const struct eco_stage *s = &c->stages[i];

		printf("%d. %s\n  ", s->number, s->name);
		eco_wrap_write(stdout, s->summary, 2, 2, WIDTH, "");
		for (j = s->first; j < s->first + s->nmeetings; j++) {
			const struct eco_meeting *m = &c->meetings[j];

			printf("\n  %s", m->name);
			if (m->ntools) {
				numbers(tl, sizeof tl, m->tools, m->ntools);
				fputs(" — ", stdout);
				printf(ngettext("tool %s", "tools %s", m->ntools), tl);
			}
			fputs("\n  ", stdout);
			eco_wrap_write(stdout, m->rule, 2, 2, WIDTH, "");
			for (k = m->first; k < m->first + m->nobjectives; k++)
				cycle_objective_text(&c->objectives[k], col);
		}
		putchar('\n');
	}
	printf("%s\n", _("Tools"));
	for (i = 0; i < c->ntools; i++) {
		printf("  %2d  ", c->tools[i].number);
		eco_wrap_write(stdout, c->tools[i].name, 6, 6, WIDTH, "");
		printf("      %s\n", c->tools[i].command);
	}
}

static void
cycle_md(const struct eco_cycle *c)
{
	size_t i, j, k;
	char tl[64], fl[256];

	printf("# %s\n", _("The cycle of the approach"));
	for (i = 0; i < c->nstages; i++) {
		const struct eco_stage *s = &c->stages[i];

		printf("\n## %d. ", s->number);
		eco_md_text(stdout, s->name);
		fputs("\n\n", stdout);
		eco_md_text(stdout, s->summary);
		putchar('\n');
		for (j = s->first; j < s->first + s->nmeetings; j++) {
			const struct eco_meeting *m = &c->meetings[j];

			fputs("\n### ", stdout);
			eco_md_text(stdout, m->name);
			fputs("\n\n", stdout);
			eco_md_text(stdout, m->rule);
			if (m->ntools) {
				numbers(tl, sizeof tl, m->tools, m->ntools);
				putchar(' ');
				printf(ngettext("Tool: %s.", "Tools: %s.", m->ntools), tl);
			}
			printf("\n\n| %s | %s | %s | %s | %s | %s |\n",
			    _("Objective"), _("Label"), _("Tools"), _("Command"),
			    _("Files"), _("Done when"));
			puts("| --- | --- | --- | --- | --- | --- |");
			for (k = m->first; k < m->first + m->nobjectives; k++) {
				const struct eco_objective *o = &c->objectives[k];

				numbers(tl, sizeof tl, o->tools, o->ntools);
				files(fl, sizeof fl, o);
				printf("| `%s` | ", o->id);
				eco_md_text(stdout, o->label);
				printf(" | %s | `%s` | `%s` | ", tl, o->command, fl);
				eco_md_text(stdout, o->done_when);
				puts(" |");
			}
		}
	}
	printf("\n## %s\n\n| %s | %s | %s |\n| --- | --- | --- |\n",
	    _("Tools"), _("No."), _("Tool"), _("Command"));
	for (i = 0; i < c->ntools; i++) {
		printf("| %d | ", c->tools[i].number);
		eco_md_text(stdout, c->tools[i].name);
		printf(" | `%s` |\n", c->tools[i].command);
	}
}

/* The project's state. */

/* By enum eco_progress: for people, and in json. */
static const char *const progress_words[] = {
	N_("not started"), N_("under way"), N_("met")
};
static const char *const progress_codes[] = { "a-faire", "commence", "fait" };

static int
planning_meetings(const struct eco_state *st)
{
	const struct eco_meeting *m = eco_cycle_meeting(st->cycle, "planification");

	return m ? eco_meeting_count(m, st->nfactors, st->nyears) : 0;
}

/* The summary lines, each after prefix ("- " in md). */
static void
state_head(const struct eco_state *st, const char *prefix)
{
	fputs(prefix, stdout);
	printf(_("Current stage: %d. %s\n"), st->stage->number, st->stage->name);
	fputs(prefix, stdout);
	printf(_("Objectives done: %zu of %zu\n"), st->ndone,
	    st->cycle->nobjectives);
	fputs(prefix, stdout);
	printf(_("Retained protective factors: %zu (planning meetings: %d)\n"),
	    st->nfactors, planning_meetings(st));
	if (st->nyears) {
		fputs(prefix, stdout);
		printf(_("Years of the plan: %zu\n"), st->nyears);
	}
}

static void
state_text(const struct eco_state *st, const struct eco_objective **next,
    size_t nnext)
{
	const struct eco_cycle *c = st->cycle;
	size_t w = 0, idw = id_width(c), i, j;
	enum eco_progress p;

	for (p = ECO_PROGRESS_MISSING; p <= ECO_PROGRESS_DONE; p++)
		if (eco_text_width(_(progress_words[p]), SIZE_MAX) > w)
			w = eco_text_width(_(progress_words[p]), SIZE_MAX);
	state_head(st, "");
	for (i = 0; i < c->nstages; i++) {
		printf("\n%d. %s\n", c->stages[i].number, c->stages[i].name);
		for (j = 0; j < c->nobjectives; j++) {
			const struct eco_objective_state *s = &st->objectives[j];

			if (s->objective->stage != &c->stages[i])
				continue;
			fputs("  ", stdout);
			pad(_(progress_words[s->progress]), w + 2);
			if (s->missing) {
				pad(s->objective->id, idw + 2);
				puts(s->missing);
			} else
				puts(s->objective->id);
		}
	}
	putchar('\n');
	if (st->complete) {
		puts(_("Every objective of the cycle is done: the evaluation "
		    "starts the next cycle.  Its files then go to historique/, "
		    "and the project starts again from the intention:"));
		printf("     $ %s\n", NEW_CYCLE);
		return;
	}
	puts(_("Next steps:"));
	for (i = 0; i < nnext; i++) {
		printf("  %zu. ", i + 1);
		eco_wrap_write(stdout, next[i]->label, 5, 5, WIDTH, "");
		printf("     $ %s\n", next[i]->command);
	}
}

static void
state_md(const struct eco_state *st, const struct eco_objective **next,
    size_t nnext)
{
	const struct eco_cycle *c = st->cycle;
	size_t i, j;

	printf("# %s\n\n", _("Where the project stands"));
	state_head(st, "- ");
	for (i = 0; i < c->nstages; i++) {
		printf("\n## %d. ", c->stages[i].number);
		eco_md_text(stdout, c->stages[i].name);
		printf("\n\n| %s | %s | %s |\n| --- | --- | --- |\n",
		    _("Progress"), _("Objective"), _("Missing"));
		for (j = 0; j < c->nobjectives; j++) {
			const struct eco_objective_state *s = &st->objectives[j];

			if (s->objective->stage != &c->stages[i])
				continue;
			printf("| %s | `%s` | ", _(progress_words[s->progress]),
			    s->objective->id);
			if (s->missing)
				eco_md_text(stdout, s->missing);
			puts(" |");
		}
	}
	if (st->complete) {
		printf("\n%s `%s`\n", _("Every objective of the cycle is done: the "
		    "evaluation starts the next cycle.  Its files then go to "
		    "historique/, and the project starts again from the "
		    "intention:"), NEW_CYCLE);
		return;
	}
	printf("\n## %s\n\n", _("Next steps"));
	for (i = 0; i < nnext; i++) {
		printf("%zu. ", i + 1);
		eco_md_text(stdout, next[i]->label);
		printf(" (`%s`): `%s`\n", next[i]->id, next[i]->command);
	}
}

static void
jstr(const char *key, const char *val, int comma)
{
	printf("%s\"%s\":", comma ? "," : "", key);
	if (val)
		eco_json_string(stdout, val, strlen(val));
	else
		fputs("null", stdout);
}

static void
json_files(const struct eco_objective *o)
{
	size_t i;

	fputs(",\"fichiers\":[", stdout);
	for (i = 0; i < o->nfiles; i++) {
		if (i)
			putchar(',');
		eco_json_string(stdout, o->files[i], strlen(o->files[i]));
	}
	putchar(']');
}

static void
state_json(const struct eco_state *st, const struct eco_objective **next,
    size_t nnext)
{
	const struct eco_cycle *c = st->cycle;
	size_t i;

	putchar('{');
	jstr("etape", st->stage->id, 0);
	printf(",\"faits\":%zu,\"total\":%zu,\"complet\":%s", st->ndone,
	    c->nobjectives, st->complete ? "true" : "false");
	printf(",\"facteurs_retenus\":%zu,\"rencontres_planification\":%d"
	    ",\"annees_plan\":%zu,\"objectifs\":[", st->nfactors,
	    planning_meetings(st), st->nyears);
	for (i = 0; i < c->nobjectives; i++) {
		const struct eco_objective_state *s = &st->objectives[i];

		printf("%s{", i ? "," : "");
		jstr("id", s->objective->id, 0);
		jstr("etape", s->objective->stage->id, 1);
		jstr("rencontre", s->objective->meeting->id, 1);
		jstr("etat", progress_codes[s->progress], 1);
		jstr("commande", s->objective->command, 1);
		json_files(s->objective);
		jstr("manque", s->missing, 1);
		putchar('}');
	}
	fputs("],\"prochaines_etapes\":[", stdout);
	for (i = 0; i < nnext; i++) {
		printf("%s{", i ? "," : "");
		jstr("objectif", next[i]->id, 0);
		jstr("commande", next[i]->command, 1);
		putchar('}');
	}
	puts("]}");
}

/* The cycle, or with root (etat) where the project there stands, judged
 * on every kind it holds, all checked first (reports never lie). */
static int
with_cycle(const char *root)
{
	const struct eco_objective *next[NSTEPS];
	struct eco_project *p = NULL;
	struct eco_state *st = NULL;
	struct eco_cycle *c;
	struct eco_diags d;
	size_t n = 0;
	int rc = 0, end;

	eco_diags_init(&d);
	if (!(c = eco_cycle_load(&d)))
		rc = ECO_EXIT_SYS;
	else if (root && (!(p = eco_project_at(root, &d)) ||
	    eco_project_check(p, eco_project_kinds(), &d) > 0 || d.sys))
		rc = ECO_EXIT_DATA;	/* the diagnostics, not the report */
	else if (root && !(st = eco_state_of(c, p, &d)))
		rc = ECO_EXIT_SYS;
	else if (st)
		n = eco_state_next(st, next, NSTEPS);
	if (rc)
		;
	else if (st && cli.format == FMT_JSON)
		state_json(st, next, n);
	else if (st)
		(cli.format == FMT_MD ? state_md : state_text)(st, next, n);
	else if (cli.format == FMT_JSON)
		rc = eco_emit_json(stdout, eco_cycle_root(c), "demarche.yaml",
		    &d) < 0 ? ECO_EXIT_SYS : 0;
	else
		(cli.format == FMT_MD ? cycle_md : cycle_text)(c);
	eco_state_free(st);
	eco_project_close(p);
	eco_cycle_free(c);
	end = cli_finish(&d);
	eco_diags_free(&d);
	return rc > end ? rc : end;
}

static int
run_cycle(int argc, char **argv)
{
	(void)argc, (void)argv;
	return with_cycle(NULL);
}

static int
run_etat(int argc, char **argv)
{
	(void)argc, (void)argv;
	return with_cycle(cli_project());
}

/* nouveau-cycle */

static int dry, early;
static const char *cycle_name;

enum { O_DRY = 1, O_NOM, O_EARLY };

static void
option(int key, const char *arg)
{
	switch (key) {
	case O_NOM: cycle_name = arg; break;
	case O_EARLY: early = 1; break;
	default: dry = 1;
	}
}

/* The past cycle's name: the years of its plan ("2026-2029"), else
 * "cycle-" and today. */
static const char *
name_of(struct eco_project *p, char *buf, size_t cap)
{
	const struct eco_doc *const *v;
	const struct eco_node *per = NULL;
	const char *a, *b;
	size_t n;

	if ((v = eco_project_docs(p, "plan", &n)) && n)
		per = eco_map_mapping(v[0]->root, "periode");
	a = per ? eco_map_date(per, "debut") : NULL;
	b = per ? eco_map_date(per, "fin") : NULL;
	if (a && b)
		snprintf(buf, cap, "%.4s-%.4s", a, b);
	else if (eco_date_today(buf + 6) && cap > 6 + ECO_DATE_BUFSZ)
		memcpy(buf, "cycle-", 6);
	else
		return NULL;
	return buf;
}

static int
run_new_cycle(int argc, char **argv)
{
	struct eco_project *p = NULL;
	struct eco_state *st = NULL;
	struct eco_cycle *c;
	struct eco_diags d;
	char buf[64];
	const char *name = cycle_name;
	int rc = 0, end;

	(void)argc, (void)argv;
	eco_diags_init(&d);
	if (!(c = eco_cycle_load(&d)))
		rc = ECO_EXIT_SYS;
	else if (!(p = eco_project_at(cli_project(), &d)) ||
	    eco_project_check(p, eco_project_kinds(), &d) > 0 || d.sys)
		rc = ECO_EXIT_DATA;
	else if (!(st = eco_state_of(c, p, &d)))
		rc = ECO_EXIT_SYS;
	else if (!st->complete && !early) {
		eco_diag_add(&d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("the cycle is not over: %zu of its %zu objectives are done (eco-demarche etat says what is left); --avant-la-fin closes it all the same"),
		    st->ndone, c->nobjectives);
		rc = ECO_EXIT_DATA;
	} else if (!name && !(name = name_of(p, buf, sizeof buf)))
		rc = ECO_EXIT_SYS;
	else if (eco_project_new_cycle(p, name, dry, &d) < 0)
		rc = d.sys ? ECO_EXIT_SYS : ECO_EXIT_DATA;
	else if (!dry)
		eco_diag_add(&d, NULL, 0, 0, ECO_SEV_NOTE, NULL,
		    _("the next cycle starts: eco.yaml and facteurs.yaml stay, the past cycle is in historique/%s/"),
		    name);
	eco_state_free(st);
	eco_project_close(p);
	eco_cycle_free(c);
	end = cli_finish(&d);
	eco_diags_free(&d);
	return rc > end ? rc : end;
}

static const struct cli_option new_cycle_options[] = {
	{ O_NOM, 0, "nom", "name", CLI_TEXT, "NOM",
	  N_("the name of the past cycle's folder in historique/ (the plan's years otherwise)"),
	  0, 0 },
	{ O_EARLY, 0, "avant-la-fin", "early", CLI_FLAG, NULL,
	  N_("close the cycle although some of its objectives are not done"),
	  0, 0 },
	{ O_DRY, 'n', "dry-run", NULL, CLI_FLAG, NULL,
	  N_("say what would move, move nothing"), 0, 0 },
	{ .name = NULL }
};

static const struct cli_cmd subs[] = {
	{ .name = "etat", .aliases = "status",
	  .summary = N_("where the project stands, what is missing, what comes next"),
	  .example = "eco-demarche etat -o md", .run = run_etat },
	{ .name = "nouveau-cycle", .aliases = "new-cycle",
	  .summary = N_("close the cycle: its files to historique/, the next one begins"),
	  .example = "eco-demarche nouveau-cycle -n --avant-la-fin",
	  .options = new_cycle_options, .option = option,
	  .run = run_new_cycle },
	{ NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-demarche", .usage = usage, .example = "eco-demarche etat",
	.common = CLI_DOSSIER | CLI_FORMAT,
	.formats = 1u << FMT_TEXTE | 1u << FMT_MD | 1u << FMT_JSON,
	.format = FMT_TEXTE, .run = run_cycle, .subs = subs,
};

int
main(int argc, char *argv[])
{
	return cli_main(&cmd, argc, argv);
}
