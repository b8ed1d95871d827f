/*
 * eco_kind.c - the registry of kinds: every kind of document, and every
 * kind of thing documents name by id, once.
 *
 * A row says what a person calls the kind, where a project keeps it
 * (DESIGN §3), the key of its title, whether its documents are records
 * and which rules of eco_rules.c check one.  Where its documents name
 * other kinds' ids is not written here: the schemas say it (a $ref to
 * a shared definition of defs.schema.json), and eco_schemaset_refs
 * reads it off them.  A new kind is one row and its schema.
 *
 * The schemas are compiled once per process, each when a document of
 * its kind first needs it, so that a command reading a plan compiles
 * the plan's schema and its definitions only.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

#define DOC	ECO_KIND_DOC
#define REC	(ECO_KIND_DOC | ECO_KIND_RECORD)

static const struct eco_kind kinds[] = {
	/* the documents of a project, in the order of DESIGN §3 */
	{ "regroupement", N_("partnership group"), "eco.yaml", "nom", DOC,
	    NULL, NULL, eco_rules_regroupement },
	{ "rencontre", N_("meeting"), "rencontres/", "titre", REC,
	    NULL, NULL, eco_rules_rencontre },
	{ "note", N_("meeting note"), "rencontres/", NULL, REC,
	    NULL, NULL, eco_rules_note },
	{ "donnee", N_("data record"), "donnees.yaml", "libelle", REC,
	    NULL, NULL, eco_rules_secteur },
	{ "observation", N_("observation"), "constats.yaml", "enonce", REC,
	    NULL, NULL, eco_rules_secteur },
	{ "constat", N_("constat"), "constats.yaml", "enonce", REC,
	    NULL, NULL, eco_rules_constat },
	{ "service", N_("service"), "offre.yaml", "nom", REC,
	    NULL, NULL, eco_rules_service },
	{ "intervention", N_("intervention"), "interventions.yaml",
	    "description", REC, NULL, NULL, eco_rules_intervention },
	{ "priorite", N_("priority"), "priorites.yaml", "enonce", REC,
	    NULL, NULL, eco_rules_priorite },
	{ "plan", N_("action plan"), "plan.yaml", "titre", DOC,
	    NULL, NULL, eco_plan_rules },
	{ "communication", N_("communication activity"), "communication.yaml",
	    "titre", REC, NULL, NULL, NULL },
	{ "suivi", N_("follow-up"), "suivis/", NULL, REC,
	    NULL, NULL, eco_rules_suivi },
	{ "evaluation", N_("evaluation"), "evaluations/", NULL, REC,
	    NULL, NULL, eco_rules_evaluation },
	{ "diagnostic", N_("partnership diagnostic"), "diagnostics/", NULL, REC,
	    NULL, NULL, eco_rules_diagnostic },
	{ "facteur", N_("protective factor"), "facteurs.yaml", "nom", REC,
	    NULL, NULL, eco_rules_facteur },
	/* records printed from the plan and the meetings: copies, whose
	 * ids are the originals' */
	{ "action", N_("action"), NULL, "titre", REC | ECO_KIND_COPY,
	    "plan", NULL, eco_rules_copy },
	{ "indicateur", N_("indicator"), NULL, "libelle", REC | ECO_KIND_COPY,
	    "plan", NULL, eco_rules_copy },
	{ "transformation", N_("desired transformation"), NULL, "libelle",
	    REC | ECO_KIND_COPY, "plan", NULL, eco_rules_copy },
	/* objectives live in the plan only (eco_rules_objectif) */
	{ "objectif", N_("objective"), NULL, "libelle", REC | ECO_KIND_COPY,
	    "plan", "objectif-plan", eco_rules_objectif },
	/* to-dos are set in every meeting and note: only a whole project
	 * knows them all */
	{ "tache", N_("to-do"), NULL, "description",
	    REC | ECO_KIND_COPY | ECO_KIND_PROJECT_REFS, "rencontre", NULL,
	    eco_rules_copy },
	/* follow-ups a plan's calendar asks for (eco-suivi a-faire) */
	{ "suivi-attendu", N_("follow-up due"), NULL, "libelle", REC,
	    NULL, NULL, NULL },
	/* eco's own data */
	{ "demarche", N_("cycle of the method"), NULL, NULL, DOC,
	    NULL, NULL, NULL },
	{ "condition", N_("condition of an effective partnership"), NULL,
	    "nom", REC, NULL, NULL, NULL },
	/* what documents name without being documents */
	{ "organisme", N_("member organisation"), NULL, "nom", 0,
	    "regroupement", NULL, NULL },
	/* a sector may be written as free text: a warning, not an error */
	{ "secteur", N_("sector"), NULL, "nom", ECO_KIND_FREE_REFS,
	    "regroupement", NULL, NULL },
	{ "bailleur", N_("funder"), NULL, "nom", 0, "plan", NULL, NULL },
	{ "objectif-plan", N_("objective of the plan"), NULL, "libelle", 0,
	    "plan", NULL, NULL },
	{ "objectif-cycle", N_("objective of the cycle"), NULL, "libelle", 0,
	    NULL, NULL, NULL },
};
#define NKINDS (sizeof kinds / sizeof *kinds)

const struct eco_kind *
eco_kinds(size_t *n)
{
	*n = NKINDS;
	return kinds;
}

const struct eco_kind *
eco_kind_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < NKINDS; i++)
		if (kinds[i].name[0] == name[0] && strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

const struct eco_kind *
eco_kind_of(const struct eco_node *root)
{
	const struct eco_node *k = root && root->type == ECO_MAP ?
	    eco_map_get(root, "kind") : NULL;

	return k && k->type == ECO_STR ? eco_kind_find(k->s) : NULL;
}

const char *
eco_kind_label(const struct eco_kind *k)
{
	return _(k->label);
}

/* eco's schemas, for the process: compiled when first needed. */
static struct eco_schemaset *set;
static pthread_once_t set_once = PTHREAD_ONCE_INIT;

static void
make_set(void)
{
	struct eco_diags quiet;

	eco_diags_init(&quiet);
	if ((set = eco_schemaset_new()) && eco_schemaset_lazy_eco(set, &quiet) < 0) {
		eco_schemaset_free(set);
		set = NULL;
	}
	eco_diags_free(&quiet);
}

const struct eco_schema *
eco_kind_schema(const struct eco_kind *k, struct eco_diags *d)
{
	if (!k || !(k->flags & ECO_KIND_DOC))
		return NULL;
	pthread_once(&set_once, make_set);
	if (!set) {
		eco_diag_sys(d, NULL, "%s", _("eco's schemas cannot be read"));
		return NULL;
	}
	return eco_schemaset_need(set, k->name, d);
}

const struct eco_reftree *
eco_kind_refs(const struct eco_kind *k, struct eco_diags *d)
{
	if (!eco_kind_schema(k, d))
		return NULL;
	return eco_schemaset_refs(set, k->name, d);
}

/* An error about the whole document, at node at. */
static void
doc_error(struct eco_diags *d, const struct eco_doc *doc,
    const struct eco_node *at, const char *path, const char *fmt,
    const char *arg)
{
	eco_diag_add(d, doc->file, at ? at->line : 0, at ? at->col : 0,
	    ECO_SEV_ERROR, "schema", fmt, arg);
	eco_diag_set_path(d, path);
}

size_t
eco_kind_check(const struct eco_doc *doc, struct eco_index *x,
    struct eco_diags *d)
{
	const struct eco_node *root = doc->root, *kind;
	const struct eco_schema *s;
	const struct eco_kind *k;
	size_t before = d->nerr;

	if (doc->nerr) {	/* the loader said why */
		if (x)
			eco_index_unread(x, doc->file);
		return doc->nerr;
	}
	if (!root || root->type != ECO_MAP) {
		doc_error(d, doc, root, "/", "%s",
		    _("an eco document is a mapping with kind: and version:"));
		return 1;
	}
	if (!(kind = eco_map_get(root, "kind"))) {
		doc_error(d, doc, root, "/", "%s",
		    _("document without « kind: » (which kind of record is it?)"));
		return 1;
	}
	k = kind->type == ECO_STR ? eco_kind_find(kind->s) : NULL;
	if (!k || !(k->flags & ECO_KIND_DOC)) {
		doc_error(d, doc, kind, "/kind", _("unknown kind « %s »"),
		    kind->type == ECO_STR ? kind->s : "?");
		return 1;
	}
	if (!(s = eco_kind_schema(k, d))) {
		eco_diag_sys(d, doc->file, _("eco's schema of « %s » cannot be used"),
		    k->name);
		return 1;
	}
	eco_schema_check(s, root, doc->file, d);
	if (x)
		eco_rules_doc(x, doc, d);
	return d->nerr - before;
}
