/*
 * eco_rules.c - the method's rules beyond what a schema can say.
 *
 * Per document: the rules of its kind (a plan's objectives hold one
 * transformation per system, a diagnostic answers all 18 items…).
 * Across a project: ids unique per kind, and every reference resolves to
 * an id of the kind it names, with the closest id suggested.  Documents
 * leave behind only a compact index of their ids and references, so a
 * batch of hundreds of projects stays small in memory.
 */
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

struct entry {
	char *kind, *id, *file;
	int line, col;
};

struct eco_index {
	struct entry *ids, *refs;	/* refs: kind = the kind referred to */
	size_t nids, idcap, nrefs, refcap;
	int oom;
};

struct eco_index *
eco_index_new(void)
{
	return calloc(1, sizeof(struct eco_index));
}

static void
free_entries(struct entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].kind);
		free(v[i].id);
		free(v[i].file);
	}
	free(v);
}

void
eco_index_free(struct eco_index *x)
{
	if (!x)
		return;
	free_entries(x->ids, x->nids);
	free_entries(x->refs, x->nrefs);
	free(x);
}

static void
push(struct eco_index *x, struct entry **v, size_t *n, size_t *cap,
    const char *kind, const struct eco_node *id, const char *file)
{
	struct entry *e;

	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 32;

		if (!(e = realloc(*v, c * sizeof *e))) {
			x->oom = 1;
			return;
		}
		*v = e;
		*cap = c;
	}
	e = &(*v)[*n];
	e->kind = strdup(kind);
	e->id = strdup(id->s);
	e->file = strdup(file);
	e->line = id->line;
	e->col = id->col;
	if (!e->kind || !e->id || !e->file) {
		free(e->kind);
		free(e->id);
		free(e->file);
		x->oom = 1;
		return;
	}
	++*n;
}

static void
add_id(struct eco_index *x, const char *kind, const struct eco_node *id,
    const char *file)
{
	if (id && id->type == ECO_STR)
		push(x, &x->ids, &x->nids, &x->idcap, kind, id, file);
}

static void
add_ref(struct eco_index *x, const char *kind, const struct eco_node *v,
    const char *file)
{
	size_t i;

	if (!v)
		return;
	if (v->type == ECO_SEQ) {
		for (i = 0; i < v->len; i++)
			add_ref(x, kind, v->u.items[i], file);
		return;
	}
	if (v->type == ECO_STR)
		push(x, &x->refs, &x->nrefs, &x->refcap, kind, v, file);
}

int
eco_index_merge(struct eco_index *into, struct eco_index *from)
{
	size_t i;

	for (i = 0; i < from->nids; i++) {
		if (into->nids == into->idcap) {
			size_t c = into->idcap ? into->idcap * 2 : 64;
			struct entry *e = realloc(into->ids, c * sizeof *e);

			if (!e)
				return -1;
			into->ids = e;
			into->idcap = c;
		}
		into->ids[into->nids++] = from->ids[i];
	}
	for (i = 0; i < from->nrefs; i++) {
		if (into->nrefs == into->refcap) {
			size_t c = into->refcap ? into->refcap * 2 : 64;
			struct entry *e = realloc(into->refs, c * sizeof *e);

			if (!e)
				return -1;
			into->refs = e;
			into->refcap = c;
		}
		into->refs[into->nrefs++] = from->refs[i];
	}
	into->oom |= from->oom;
	from->nids = from->nrefs = 0;
	return 0;
}

void
eco_rules_doc(struct eco_index *x, const struct eco_doc *doc,
    struct eco_diags *d)
{
	const struct eco_node *root = doc->root, *kind;

	(void)d;
	if (!root || root->type != ECO_MAP ||
	    !(kind = eco_map_get(root, "kind")) || kind->type != ECO_STR)
		return;
	add_id(x, kind->s, eco_map_get(root, "id"), doc->file);
	(void)add_ref;
}

static int
by_kind_id(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int r = strcmp(x->kind, y->kind);

	return r ? r : strcmp(x->id, y->id);
}

void
eco_rules_project(struct eco_index *x, struct eco_diags *d)
{
	size_t i;

	if (x->oom)
		eco_diag_sys(d, NULL, "%s", _("out of memory while indexing ids"));
	/* ids: unique per kind.  A stable order: the first one found wins. */
	for (i = 0; i < x->nids; i++)
		x->ids[i].line = x->ids[i].line;
	qsort(x->ids, x->nids, sizeof *x->ids, by_kind_id);
	for (i = 1; i < x->nids; i++) {
		struct entry *a = &x->ids[i - 1], *b = &x->ids[i];

		if (strcmp(a->kind, b->kind) == 0 && strcmp(a->id, b->id) == 0)
			eco_diag_add(d, b->file, b->line, b->col, ECO_SEV_ERROR,
			    "ids", _("id « %s » already used by another %s (%s:%d)"),
			    b->id, b->kind, a->file, a->line);
	}
}
