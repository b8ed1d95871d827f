/*
 * eco_rules.c - the method's rules beyond what a schema can say.
 *
 * Per document: the rules of its kind (a plan's objectives hold one
 * transformation per system, a diagnostic answers all 18 items…), which
 * the registry of kinds (eco_kind.c) names, and the references its
 * schema marks (eco_schemaset_refs).  Across a project: ids unique per
 * kind, and every reference resolves to an id of the kind it names,
 * with the closest id suggested.  Documents leave behind only a compact
 * index of their ids and references, so a batch of hundreds of projects
 * stays small in memory.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

#define CATALOGUE "<catalogue>"	/* file name of built-in factors */
/* what the references of an intervention to its services are noted as,
 * with its organisation (check_interventions) */
#define OWN_SERVICE "service-de-l-organisme"

struct entry {
	const char *kind, *id, *file;	/* in the index's arenas */
	const char *attr;	/* ids: one fact for project rules (a constat's
				 * analyse, a meeting's date) */
	const char *title;	/* ids, when the index keeps titles */
	const char *path;	/* JSON pointer in its document */
	int line, col;
	int ctx;		/* from a file not being checked: context only */
	size_t seq;		/* order found, for stable messages */
};

struct eco_index {
	struct entry *ids, *refs;	/* refs: kind = the kind referred to */
	size_t nids, idcap, nrefs, refcap;
	size_t seq;
	struct eco_arena **arenas;	/* the entries' strings; [0] is ours */
	size_t narenas;
	const char *kinds[64];		/* interned kind names */
	size_t nkinds;
	const char *file;		/* the last file name's copy */
	const char *unread;		/* a file whose ids are unknown, as it
					 * could not be read whole */
	int project;			/* a real project: check every ref */
	int context;			/* files read for their ids only */
	int titles;			/* keep the ids' titles */
	const char *want[16];		/* with titles: the kinds asked for
					 * (none, or want_all: every kind) */
	size_t nwant;
	int want_all;
	int copies;			/* checked ids may repeat context's */
	int oom;
	const struct entry **slot;	/* ids by kind and id (project rules) */
	size_t mask;
	const char *present[64];	/* the kinds that have ids */
	size_t npresent;
	char path[512];			/* JSON pointer of what is looked at */
	size_t plen;
};

struct eco_index *
eco_index_new(void)
{
	struct eco_index *x = calloc(1, sizeof *x);

	if (x && (!(x->arenas = malloc(sizeof *x->arenas)) ||
	    !(x->arenas[0] = eco_arena_new()))) {
		free(x->arenas);
		free(x);
		return NULL;
	}
	if (x)
		x->narenas = 1;
	return x;
}

void
eco_index_project(struct eco_index *x)
{
	x->project = 1;
}

void
eco_index_context(struct eco_index *x)
{
	x->context = 1;
}

void
eco_index_copies(struct eco_index *x)
{
	x->copies = 1;
}

static char *copy(struct eco_index *, const char *);
static const char *intern_kind(struct eco_index *, const char *);

void
eco_index_unread(struct eco_index *x, const char *file)
{
	if (x && !x->unread && !(x->unread = copy(x, file ? file : "-")))
		x->oom = 1;
}

void
eco_index_titles(struct eco_index *x)
{
	x->titles = 1;
}

int
eco_index_want(struct eco_index *x, const char *kind)
{
	size_t i;

	if (x->want_all)
		return 0;
	for (i = 0; i < x->nwant; i++)
		if (strcmp(x->want[i], kind) == 0)
			return 0;
	if (x->nwant == sizeof x->want / sizeof *x->want) {
		x->want_all = 1;	/* too many to tell: every kind */
		return 1;
	}
	if (!(x->want[x->nwant] = intern_kind(x, kind))) {
		x->oom = 1;
		return 0;
	}
	x->nwant++;
	return 1;
}

void
eco_index_free(struct eco_index *x)
{
	size_t i;

	if (!x)
		return;
	for (i = 0; i < x->narenas; i++)
		eco_arena_free(x->arenas[i]);
	free(x->arenas);
	free(x->ids);
	free(x->refs);
	free(x->slot);
	free(x);
}

size_t
eco_index_enter(struct eco_index *x, const char *key, size_t i)
{
	size_t old = x->plen, room = sizeof x->path - x->plen;
	int n;

	if (key) {
		n = snprintf(x->path + x->plen, room, "/");
		for (; *key && n > 0 && (size_t)n + 3 < room; key++) {
			if (*key == '~' || *key == '/') {
				x->path[x->plen + n++] = '~';
				x->path[x->plen + n++] = *key == '~' ? '0' : '1';
			} else
				x->path[x->plen + n++] = *key;
		}
		if (n > 0 && (size_t)n < room)
			x->path[x->plen + n] = '\0';
	} else
		n = snprintf(x->path + x->plen, room, "/%zu", i);
	if (n > 0 && (size_t)n < room)
		x->plen += (size_t)n;
	return old;
}

void
eco_index_leave(struct eco_index *x, size_t old)
{
	x->plen = old;
	x->path[old] = '\0';
}

static char *
copy(struct eco_index *x, const char *s)
{
	return eco_arena_strndup(x->arenas[0], s, strlen(s));
}

/* Kind names and file names repeat: keep one copy of each. */
static const char *
intern_kind(struct eco_index *x, const char *kind)
{
	size_t i;

	for (i = 0; i < x->nkinds; i++)
		if (x->kinds[i] == kind || strcmp(x->kinds[i], kind) == 0)
			return x->kinds[i];
	if (x->nkinds == sizeof x->kinds / sizeof *x->kinds)
		return copy(x, kind);
	return x->kinds[x->nkinds++] = copy(x, kind);
}

/* The last name's copy, when it is the same name: a name's storage may
 * be another's once its document is freed, so the text is compared. */
static const char *
intern_file(struct eco_index *x, const char *file)
{
	if (!x->file || strcmp(x->file, file) != 0) {
		x->file = copy(x, file);
	}
	return x->file;
}

static struct entry *
push(struct eco_index *x, int ref, const char *kind, const struct eco_node *id,
    const char *file, const char *attr)
{
	struct entry **v = ref ? &x->refs : &x->ids, *e;
	size_t *n = ref ? &x->nrefs : &x->nids, *cap = ref ? &x->refcap : &x->idcap;

	if (ref && x->context)
		return NULL;

	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 32;

		if (!(e = realloc(*v, c * sizeof *e))) {
			x->oom = 1;
			return NULL;
		}
		*v = e;
		*cap = c;
	}
	e = &(*v)[*n];
	memset(e, 0, sizeof *e);
	e->kind = intern_kind(x, kind);
	e->id = eco_arena_strndup(x->arenas[0], id->s, id->len);
	e->file = intern_file(x, file);
	e->attr = attr ? copy(x, attr) : NULL;
	e->path = copy(x, x->plen ? x->path : "/");
	e->line = id->line;
	e->col = id->col;
	e->seq = x->seq++;
	e->ctx = x->context;
	if (!e->kind || !e->id || !e->file || (attr && !e->attr) || !e->path) {
		x->oom = 1;
		return NULL;
	}
	++*n;
	return e;
}

static const char *
str(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = eco_map_get(m, key);

	return n && n->type == ECO_STR ? n->s : NULL;
}

void
eco_index_add_id(struct eco_index *x, const char *kind,
    const struct eco_node *m, const char *file, const char *attr)
{
	const struct eco_node *id = eco_map_get(m, "id");
	const struct eco_kind *k;
	const char *title;
	struct entry *e;
	size_t old;

	if (!id || id->type != ECO_STR)
		return;
	old = eco_index_enter(x, "id", 0);
	if ((e = push(x, 0, kind, id, file, attr)) && x->titles &&
	    (k = eco_kind_find(kind)) && k->title && (title = str(m, k->title)) &&
	    !(e->title = copy(x, title)))
		x->oom = 1;
	eco_index_leave(x, old);
}

/* A reference at v, or one per string of a sequence v. */
static void
add_ref(struct eco_index *x, const char *kind, const struct eco_node *v,
    const char *file)
{
	size_t i;

	for (i = 0; i < (v->type == ECO_SEQ ? v->len : 1); i++) {
		const struct eco_node *it = v->type == ECO_SEQ ? v->u.items[i] : v;
		size_t back = v->type == ECO_SEQ ? eco_index_enter(x, NULL, i) : x->plen;

		if (it->type == ECO_STR)
			push(x, 1, kind, it, file, NULL);
		eco_index_leave(x, back);
	}
}

int
eco_index_merge(struct eco_index *into, struct eco_index *from)
{
	struct entry *e;
	size_t i;

	for (i = 0; i < from->nids; i++) {
		if (into->nids == into->idcap) {
			size_t c = into->idcap ? into->idcap * 2 : 64;

			if (!(e = realloc(into->ids, c * sizeof *e)))
				return -1;
			into->ids = e;
			into->idcap = c;
		}
		into->ids[into->nids] = from->ids[i];
		into->ids[into->nids++].seq = into->seq++;
	}
	for (i = 0; i < from->nrefs; i++) {
		if (into->nrefs == into->refcap) {
			size_t c = into->refcap ? into->refcap * 2 : 64;

			if (!(e = realloc(into->refs, c * sizeof *e)))
				return -1;
			into->refs = e;
			into->refcap = c;
		}
		into->refs[into->nrefs] = from->refs[i];
		into->refs[into->nrefs++].seq = into->seq++;
	}
	/* the strings move with their arenas */
	{
		struct eco_arena **a = realloc(into->arenas,
		    (into->narenas + from->narenas) * sizeof *a), *fresh;

		if (!a)
			return -1;
		into->arenas = a;
		if (!(fresh = eco_arena_new()))
			return -1;
		memcpy(a + into->narenas, from->arenas, from->narenas * sizeof *a);
		into->narenas += from->narenas;
		from->arenas[0] = fresh;
		from->narenas = 1;
		from->nkinds = 0;
		from->file = NULL;
	}
	if (!into->unread)	/* its arena is into's now */
		into->unread = from->unread;
	from->unread = NULL;
	into->oom |= from->oom;
	from->nids = from->nrefs = 0;
	return 0;
}

/* References: the places the kind's schema marks, and nothing else. */

static const struct eco_reftree *
key_child(const struct eco_reftree *t, const struct eco_node *k)
{
	size_t lo = 0, hi = t->nkeys;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct eco_refkey *e = &t->keys[mid];
		int c = memcmp(k->s, e->name, k->len < e->len ? k->len : e->len);

		if (!c)
			c = (k->len > e->len) - (k->len < e->len);
		if (!c)
			return e->t;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static void walk_refs(struct eco_index *, const struct eco_reftree *,
    const struct eco_node *, const char *, int);

static void
walk_key(struct eco_index *x, const struct eco_reftree *t,
    const struct eco_node *k, const struct eco_node *v, const char *file,
    int depth)
{
	size_t old = eco_index_enter(x, k->s, 0);

	walk_refs(x, t, v, file, depth + 1);
	eco_index_leave(x, old);
}

static void
walk_refs(struct eco_index *x, const struct eco_reftree *t,
    const struct eco_node *n, const char *file, int depth)
{
	const struct eco_reftree *c;
	size_t i, j;
	int matched;

	if (depth > 64)
		return;
	if (t->kind)
		add_ref(x, t->kind, n, file);
	if (n->type == ECO_MAP && (t->nkeys || t->npats || t->other))
		for (i = 0; i < n->len; i++) {
			const struct eco_node *k = n->u.pairs[i].key;
			const struct eco_node *v = n->u.pairs[i].val;

			if (k->type != ECO_STR)
				continue;
			if ((matched = (c = key_child(t, k)) != NULL))
				walk_key(x, c, k, v, file, depth);
			for (j = 0; j < t->npats; j++)
				if (eco_refpat_match(&t->pats[j], k->s, k->len)) {
					walk_key(x, t->pats[j].t, k, v, file, depth);
					matched = 1;
				}
			if (!matched && t->other)
				walk_key(x, t->other, k, v, file, depth);
		}
	if (n->type == ECO_SEQ && (t->nprefix || t->items))
		for (i = 0; i < n->len; i++) {
			c = i < t->nprefix ? t->prefix[i] : t->items;
			if (c) {
				size_t old = eco_index_enter(x, NULL, i);

				walk_refs(x, c, n->u.items[i], file, depth + 1);
				eco_index_leave(x, old);
			}
		}
}

/* Per-document rules. */

static const struct eco_node *
get(const struct eco_node *m, const char *key)
{
	return eco_map_get(m, key);
}

void
eco_index_vrule(struct eco_index *x, struct eco_diags *d, const char *file,
    const struct eco_node *at, const char *leaf, enum eco_sev sev,
    const char *check, const char *fmt, va_list ap)
{
	size_t old = leaf ? eco_index_enter(x, leaf, 0) : x->plen;

	eco_diag_vadd(d, file, at ? at->line : 0, at ? at->col : 0, sev, check,
	    fmt, ap);
	eco_diag_set_path(d, x->plen ? x->path : "/");
	eco_index_leave(x, old);
}

static void
rule(struct eco_index *x, struct eco_diags *d, const char *file,
    const struct eco_node *at, const char *leaf, enum eco_sev sev,
    const char *check, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	eco_index_vrule(x, d, file, at, leaf, sev, check, fmt, ap);
	va_end(ap);
}

/* A date string that is valid, or NULL. */
static const char *
date_of(const struct eco_node *m, const char *key)
{
	const char *s = str(m, key);

	return s && eco_format_date(s, strlen(s)) ? s : NULL;
}

void
eco_rules_rencontre(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	const struct eco_node *todo = get(root, "a_faire"), *num = get(root, "numero");
	const char *date = date_of(root, "date");
	char attr[64];
	size_t i;

	/* the meeting's number and date, for the project rules */
	snprintf(attr, sizeof attr, "%lld %s",
	    num && num->type == ECO_INT ? num->u.i : 0LL, date ? date : "");
	eco_index_add_id(x, k->name, root, file, attr);
	for (i = 0; todo && todo->type == ECO_SEQ && i < todo->len; i++) {
		const struct eco_node *t = todo->u.items[i];
		const char *ech = date_of(t, "echeance"), *fait = date_of(t, "fait_le");
		size_t old = eco_index_enter(x, "a_faire", 0);

		eco_index_enter(x, NULL, i);
		eco_index_add_id(x, "tache", t, file, NULL);
		if (date && ech && strcmp(ech, date) < 0)
			rule(x, d, file, get(t, "echeance"), "echeance",
			    ECO_SEV_WARNING, "rencontres",
			    _("to-do due %s, before the meeting itself (%s)"), ech, date);
		if (date && fait && strcmp(fait, date) < 0)
			rule(x, d, file, get(t, "fait_le"), "fait_le",
			    ECO_SEV_WARNING, "rencontres",
			    _("to-do done on %s, before the meeting that set it (%s)"),
			    fait, date);
		eco_index_leave(x, old);
	}
}

void
eco_rules_suivi(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	const struct eco_node *per = get(root, "periode");
	const char *deb = date_of(per, "debut"), *fin = date_of(per, "fin");
	const char *date = date_of(root, "date"), *st = str(root, "statut");

	eco_index_add_id(x, k->name, root, file, NULL);
	if (deb && fin && strcmp(deb, fin) > 0) {
		size_t old = eco_index_enter(x, "periode", 0);

		rule(x, d, file, get(per, "fin"), "fin", ECO_SEV_ERROR, "suivi",
		    _("the period followed ends (%s) before it begins (%s)"), fin, deb);
		eco_index_leave(x, old);
	}
	if (date && deb && strcmp(date, deb) < 0)
		rule(x, d, file, get(root, "date"), "date", ECO_SEV_WARNING, "suivi",
		    _("the follow-up is dated %s, before the period it covers (%s)"),
		    date, deb);
	if (st && (strcmp(st, "abandonnee") == 0 || strcmp(st, "reportee") == 0) &&
	    !get(root, "ecarts") && !get(root, "ajustements") && !get(root, "notes"))
		rule(x, d, file, get(root, "statut"), "statut", ECO_SEV_WARNING,
		    "suivi",
		    _("an action « %s » should say why (ecarts, ajustements or notes)"),
		    st);
}

void
eco_rules_evaluation(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	const struct eco_node *dec = get(root, "decisions");
	size_t i;

	eco_index_add_id(x, k->name, root, file, NULL);
	for (i = 0; dec && dec->type == ECO_SEQ && i < dec->len; i++) {
		const struct eco_node *e = dec->u.items[i];
		const char *what = str(e, "decision");
		size_t old;

		if (!what || strcmp(what, "maintien") == 0 || get(e, "justification"))
			continue;
		old = eco_index_enter(x, "decisions", 0);
		eco_index_enter(x, NULL, i);
		rule(x, d, file, get(e, "decision"), "decision", ECO_SEV_WARNING,
		    "evaluation",
		    _("a decision « %s » should give its justification"), what);
		eco_index_leave(x, old);
	}
}

void
eco_rules_diagnostic(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	const char *se = str(root, "session"), *m = str(root, "mode");
	char attr[256];

	(void)d;
	/* its session and mode, for the project rule */
	snprintf(attr, sizeof attr, "%s %s", se ? se : "", m ? m : "");
	eco_index_add_id(x, k->name, root, file, se && m ? attr : NULL);
}

/* The ids of the items of list, things of kind held in a document. */
static void
add_ids(struct eco_index *x, const char *kind, const struct eco_node *list,
    const char *file)
{
	size_t i;

	for (i = 0; list && list->type == ECO_SEQ && i < list->len; i++)
		eco_index_add_id(x, kind, list->u.items[i], file, NULL);
}

void
eco_rules_regroupement(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	(void)d;
	add_ids(x, "organisme", get(root, "membres"), file);
	add_ids(x, "secteur", get(root, "secteurs"), file);
	eco_index_add_id(x, k->name, root, file, NULL);
}

/* A document's secteur names one of eco.yaml's sectors, or is free text
 * (ECO_KIND_FREE_REFS: a warning when it names none). */
static void
secteur_ref(struct eco_index *x, const struct eco_node *root, const char *file)
{
	const struct eco_node *v = get(root, "secteur");
	size_t old;

	if (!v || v->type != ECO_STR || x->context)
		return;
	old = eco_index_enter(x, "secteur", 0);
	add_ref(x, "secteur", v, file);
	eco_index_leave(x, old);
}

void
eco_rules_secteur(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	(void)d;
	secteur_ref(x, root, file);
	eco_index_add_id(x, k->name, root, file, NULL);
}

/* A meeting's note: its to-dos are to-dos of the project (the ones it
 * marks done, faites, are references its schema marks). */
void
eco_rules_note(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	(void)d;
	add_ids(x, "tache", get(root, "a_faire"), file);
	eco_index_add_id(x, k->name, root, file, NULL);
}

/* A record printed from the plan or a meeting: a copy, whose id is the
 * original's; only copies among themselves clash. */
void
eco_rules_copy(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	char kind[64];

	(void)d;
	snprintf(kind, sizeof kind, "%s-copie", k->name);
	eco_index_add_id(x, kind, root, file, NULL);
}

void
eco_rules_constat(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	(void)d;
	secteur_ref(x, root, file);
	eco_index_add_id(x, k->name, root, file, str(root, "analyse"));
}

/*
 * A fact about the document whose id is idn, for a project rule: an
 * entry of a kind beginning with "@" (never a duplicate id), placed at
 * the value of key.
 */
static void
add_fact(struct eco_index *x, const char *kind, const struct eco_node *root,
    const char *key, const char *file, const char *attr)
{
	const struct eco_node *idn = get(root, "id"), *at = get(root, key);
	struct eco_node id;
	size_t old;

	if (!idn || idn->type != ECO_STR || !at)
		return;
	id = *idn;
	id.line = at->line;
	id.col = at->col;
	old = eco_index_enter(x, key, 0);
	push(x, 0, kind, &id, file, attr);
	eco_index_leave(x, old);
}

/* A priority's factor and analysis, for check_priority_facts. */
void
eco_rules_priorite(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	const char *sys = str(root, "systeme"), *fac = str(root, "facteur");
	const char *an = str(root, "analyse_origine");
	const struct eco_node *c = get(root, "constats");
	char buf[1024];
	size_t i, n;

	(void)d;
	eco_index_add_id(x, k->name, root, file, an);
	if (sys && fac) {
		snprintf(buf, sizeof buf, "%s %s", sys, fac);
		add_fact(x, "@priorite-facteur", root, "facteur", file, buf);
	}
	if (an && c && c->type == ECO_SEQ) {
		n = (size_t)snprintf(buf, sizeof buf, "%s", an);
		for (i = 0; i < c->len && n < sizeof buf; i++)
			if (c->u.items[i]->type == ECO_STR)
				n += (size_t)snprintf(buf + n, sizeof buf - n,
				    " %s", c->u.items[i]->s);
		if (n < sizeof buf)
			add_fact(x, "@priorite-analyse", root,
			    "analyse_origine", file, buf);
	}
}

/*
 * Objectives are the plan's: a document of kind objectif is a record
 * printed from it (eco-plan objectifs).  Kept in a project's file, it
 * is the former layout, when priorites.yaml defined them too.
 */
void
eco_rules_objectif(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	const char *base = strrchr(file, '/');

	if (d && !x->context &&
	    strcmp(base ? base + 1 : file, "priorites.yaml") == 0)
		rule(x, d, file, get(root, "kind"), NULL, ECO_SEV_ERROR,
		    "objectifs",
		    _("objectives are kept in plan.yaml, under « objectifs: », and nowhere else: move objective « %s » there (eco-plan squelette drafts them from the priorities), then remove it from this file"),
		    str(root, "id") ? str(root, "id") : "?");
	eco_rules_copy(x, k, root, file, d);
}

void
eco_rules_facteur(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	static const char *const fiche[] = {
		"systeme", "nom", "definition", "sous_facteurs", "pistes_actions",
		"domaines", "references", "source", "textes_proposes", NULL
	};
	size_t i;

	if (eco_map_bool(root, "retire", 0)) {	/* a project's withdrawal */
		eco_index_add_id(x, "facteur-retire", root, file, NULL);
		for (i = 0; d && fiche[i]; i++)
			if (get(root, fiche[i]))
				rule(x, d, file, get(root, fiche[i]), fiche[i],
				    ECO_SEV_ERROR, "facteur",
				    _("a fiche that retires a factor gives only its id (and notes): « %s » has no place here"),
				    fiche[i]);
		return;
	}
	for (i = 0; d && i < 2; i++)
		if (!get(root, fiche[i]))
			rule(x, d, file, root, NULL, ECO_SEV_ERROR, "facteur",
			    _("missing required key « %s » (or « retire: true » to withdraw the catalogue's fiche)"),
			    fiche[i]);
	eco_index_add_id(x, k->name, root, file, "fiche");
	add_ids(x, k->name, get(root, "sous_facteurs"), file);
	/* the system of the factor and of its sub-factors */
	if (str(root, "systeme")) {
		const struct eco_node *subs = get(root, "sous_facteurs");

		eco_index_add_id(x, "@systeme", root, file, str(root, "systeme"));
		for (i = 0; subs && subs->type == ECO_SEQ && i < subs->len; i++)
			eco_index_add_id(x, "@systeme", subs->u.items[i], file,
			    str(root, "systeme"));
	}
}

void
eco_rules_doc(struct eco_index *x, const struct eco_doc *doc,
    struct eco_diags *d)
{
	const struct eco_node *root = doc->root, *kind;
	const struct eco_reftree *t;
	const struct eco_kind *k;

	if (!root || root->type != ECO_MAP ||
	    !(kind = eco_map_get(root, "kind")) || kind->type != ECO_STR)
		return;
	x->plen = 0;
	x->path[0] = '\0';
	k = eco_kind_find(kind->s);
	/* a project has one of each kind kept in a file of its own (one
	 * eco.yaml, one plan): noted as the id "#kind" */
	if (k && k->home &&
	    (k->flags & (ECO_KIND_DOC | ECO_KIND_RECORD)) == ECO_KIND_DOC) {
		char single[64];

		snprintf(single, sizeof single, "#%s", k->name);
		push(x, 0, single, kind, doc->file, NULL);
	}
	/* a file read for context gives its ids only */
	if (k && !x->context && (t = eco_kind_refs(k, d)))
		walk_refs(x, t, root, doc->file, 0);
	if (k && k->rules)
		k->rules(x, k, root, doc->file, d);
	else
		eco_index_add_id(x, kind->s, root, doc->file, NULL);
}

/* Project rules. */

static const char *kind_label(const char *);

static size_t
hash2(const char *kind, const char *id)
{
	size_t h = 1469598103934665603u;

	for (; *kind; kind++)
		h = (h ^ (unsigned char)*kind) * 1099511628211u;
	h = (h ^ 0xff) * 1099511628211u;
	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 1099511628211u;
	return h;
}

static int
same(const struct entry *e, const char *kind, const char *id)
{
	return (e->kind == kind || strcmp(e->kind, kind) == 0) &&
	    strcmp(e->id, id) == 0;
}

/* The id entry of kind and id, or with id NULL the first of kind. */
static const struct entry *
find(const struct eco_index *x, const char *kind, const char *id)
{
	size_t i;

	if (!id) {
		for (i = 0; i < x->npresent; i++)
			if (strcmp(x->present[i], kind) == 0)
				break;
		if (i == x->npresent && x->npresent < 64)
			return NULL;
		for (i = 0; i < x->nids; i++)
			if (strcmp(x->ids[i].kind, kind) == 0)
				return &x->ids[i];
		return NULL;
	}
	if (!x->mask)
		return NULL;
	for (i = hash2(kind, id) & x->mask; x->slot[i]; i = (i + 1) & x->mask)
		if (same(x->slot[i], kind, id))
			return x->slot[i];
	return NULL;
}

static void
note_kind(struct eco_index *x, const char *kind)
{
	size_t i;

	for (i = 0; i < x->npresent; i++)
		if (x->present[i] == kind || strcmp(x->present[i], kind) == 0)
			return;
	if (x->npresent < 64)
		x->present[x->npresent++] = kind;
}

/*
 * Index the ids by kind and id; the first of two equal ones is kept and
 * the second reported, unless it is a catalogue factor that the project
 * redefines, or both come from files read for context.
 */
static void
build_table(struct eco_index *x, struct eco_diags *d)
{
	size_t size = 16, i, j;

	while (size < x->nids * 2)
		size *= 2;
	free(x->slot);
	x->npresent = 0;
	if (!(x->slot = calloc(size, sizeof *x->slot))) {
		x->mask = 0;
		x->oom = 1;
		return;
	}
	x->mask = size - 1;
	for (i = 0; i < x->nids; i++) {
		const struct entry *b = &x->ids[i], *a;

		for (j = hash2(b->kind, b->id) & x->mask; (a = x->slot[j]);
		    j = (j + 1) & x->mask)
			if (same(a, b->kind, b->id))
				break;
		if (!a) {
			x->slot[j] = b;
			note_kind(x, b->kind);
			continue;
		}
		if (strcmp(a->file, CATALOGUE) == 0 || strcmp(b->file, CATALOGUE) == 0 ||
		    (a->ctx && b->ctx) || b->kind[0] == '@' ||
		    (x->copies && a->ctx != b->ctx))
			continue;
		if (b->ctx) {	/* report it where the user is looking */
			const struct entry *t = a;

			a = b;
			b = t;
		}
		if (b->kind[0] == '#' && !x->project)
			continue;	/* a stream of plans is not a project */
		if (b->kind[0] == '#')
			eco_diag_add(d, b->file, b->line, b->col, ECO_SEV_ERROR,
			    "ids", _("a project holds one %s: this is a second one (the first is at %s:%d)"),
			    kind_label(b->kind + 1), a->file, a->line);
		else
			eco_diag_add(d, b->file, b->line, b->col, ECO_SEV_ERROR,
			    "ids", _("id « %s » is already taken (%s, %s:%d)"),
			    b->id, kind_label(b->kind), a->file, a->line);
		eco_diag_set_path(d, b->path);
	}
}

/* The ids of kind closest to id ("a, b or c") in buf, or NULL. */
static const char *
closest_id(const struct eco_index *x, const char *kind, const char *id,
    char *buf, size_t cap)
{
	const char *words[512];
	size_t n = 0, i;

	for (i = 0; i < x->nids && n < 512; i++)
		if (strcmp(x->ids[i].kind, kind) == 0)
			words[n++] = x->ids[i].id;
	return eco_closest_text(id, words, n, buf, cap);
}

/* Kind names as a person says them in a message: a copy's as its
 * original's, a kind the registry does not know by its name. */
static const char *
kind_label(const char *kind)
{
	const struct eco_kind *k = eco_kind_find(kind);
	size_t n = strlen(kind);
	char base[64];

	if (!k && n > 6 && n - 6 < sizeof base &&
	    strcmp(kind + n - 6, "-copie") == 0) {
		memcpy(base, kind, n - 6);
		base[n - 6] = '\0';
		k = eco_kind_find(base);
	}
	return k ? eco_kind_label(k) : kind;
}

/*
 * Whether a reference to kind can be judged: not when a file could not
 * be read whole and no id of kind is known, as that file may hold them
 * all (a plan with a YAML error: its actions are nowhere else).
 */
static int
judged(const struct eco_index *x, const char *kind, const char *also)
{
	return !x->unread || find(x, kind, NULL) || (also && find(x, also, NULL));
}

/* A reference that may be free text and names no id: a warning that
 * says which ids there are. */
static void
free_ref(const struct eco_index *x, const struct entry *r, const char *kind,
    struct eco_diags *d)
{
	char folded[256], near[512];
	const char *close;

	/* free text is compared as a person typed it: "Secteur des Pins" */
	eco_text_fold(r->id, folded, sizeof folded);
	close = closest_id(x, kind, folded, near, sizeof near);
	if (close)
		eco_diag_add(d, r->file, r->line, r->col, ECO_SEV_WARNING,
		    "refs", _("« %s » is not the id of a %s of eco.yaml (did you mean %s?): kept as text, left out of what is grouped by %s"),
		    r->id, kind_label(kind), close, kind_label(kind));
	else if (find(x, kind, NULL))
		eco_diag_add(d, r->file, r->line, r->col, ECO_SEV_WARNING,
		    "refs", _("« %s » is not the id of a %s of eco.yaml: kept as text, left out of what is grouped by %s"),
		    r->id, kind_label(kind), kind_label(kind));
	else
		eco_diag_add(d, r->file, r->line, r->col, ECO_SEV_WARNING,
		    "refs", _("« %s »: eco.yaml declares no %s: kept as text, left out of what is grouped by %s"),
		    r->id, kind_label(kind), kind_label(kind));
	eco_diag_set_path(d, r->path);
}

static void
check_refs(struct eco_index *x, struct eco_diags *d)
{
	size_t i, unjudged = 0;

	for (i = 0; i < x->nrefs; i++) {	/* refs are in the order found */
		const struct entry *r = &x->refs[i];
		const struct eco_kind *k = eco_kind_find(r->kind);
		const char *kind = r->kind, *also = k ? k->also : NULL, *close;
		const struct entry *e;
		char near[512];

		if (r->attr && strcmp(kind, OWN_SERVICE) == 0)
			continue;	/* check_interventions' */
		if (find(x, kind, r->id) || (also && find(x, also, r->id)))
			continue;
		/* Outside a project, only kinds the files at hand define. */
		if (!x->project && k && (k->flags & ECO_KIND_PROJECT_REFS))
			continue;
		if (!x->project && !find(x, kind, NULL) &&
		    !(also && find(x, also, NULL)))
			continue;
		if (!judged(x, kind, also)) {
			unjudged++;
			continue;
		}
		if (strcmp(kind, "facteur") == 0 &&
		    (e = find(x, "facteur-retire", r->id))) {
			eco_diag_add(d, r->file, r->line, r->col, ECO_SEV_ERROR,
			    "refs", _("« %s »: the project retires this factor (%s:%d)"),
			    r->id, e->file, e->line);
			eco_diag_set_path(d, r->path);
			continue;
		}
		close = closest_id(x, kind, r->id, near, sizeof near);
		if (!close && also)
			close = closest_id(x, also, r->id, near, sizeof near);
		if (k && (k->flags & ECO_KIND_FREE_REFS)) {
			free_ref(x, r, kind, d);
			continue;
		}
		if (close)
			eco_diag_add(d, r->file, r->line, r->col, ECO_SEV_ERROR,
			    "refs", _("« %s »: no such %s (did you mean %s?)"),
			    r->id, kind_label(kind), close);
		else
			eco_diag_add(d, r->file, r->line, r->col, ECO_SEV_ERROR,
			    "refs", _("« %s »: no such %s"), r->id, kind_label(kind));
		eco_diag_set_path(d, r->path);
	}
	if (unjudged)
		eco_diag_add(d, x->unread, 0, 0, ECO_SEV_NOTE, "refs",
		    dngettext(ECO_DOMAIN,
		    "%zu reference not checked: the ids it names may be in this file, which could not be read",
		    "%zu references not checked: the ids they name may be in this file, which could not be read",
		    unjudged), unjudged);
}

/*
 * A priority retains a factor of its own system, and says it comes from
 * the analysis its constats come from (one of them, when they come
 * from several).
 */
static void
check_priority_facts(struct eco_index *x, struct eco_diags *d)
{
	const struct entry *e, *end = x->ids ? x->ids + x->nids : NULL;

	for (e = x->ids; e < end; e++) {
		const char *sp = e->attr ? strchr(e->attr, ' ') : NULL;
		const struct entry *f, *c;
		char an[64], cid[256], first[512] = "", sys[64];
		const char *p;
		int agree = 0, seen = 0;
		size_t n;

		if (e->ctx || !sp || e->kind[0] != '@')
			continue;
		if (strcmp(e->kind, "@priorite-facteur") == 0) {
			if (!(f = find(x, "@systeme", sp + 1)) || !f->attr ||
			    ((size_t)(sp - e->attr) == strlen(f->attr) &&
			    strncmp(f->attr, e->attr, (size_t)(sp - e->attr)) == 0))
				continue;
			snprintf(sys, sizeof sys, "%.*s", (int)(sp - e->attr),
			    e->attr);
			eco_diag_add(d, e->file, e->line, e->col, ECO_SEV_ERROR,
			    "priorites",
			    _("factor « %s » belongs to the system « %s », not to this priority's, « %s »"),
			    sp + 1, eco_systeme_label(f->attr),
			    eco_systeme_label(sys));
			eco_diag_set_path(d, e->path);
			continue;
		}
		if (strcmp(e->kind, "@priorite-analyse") != 0 ||
		    (size_t)(sp - e->attr) >= sizeof an)
			continue;
		memcpy(an, e->attr, (size_t)(sp - e->attr));
		an[sp - e->attr] = '\0';
		for (p = sp; *p == ' '; ) {
			n = strcspn(p + 1, " ");
			if (n >= sizeof cid)
				break;
			memcpy(cid, p + 1, n);
			cid[n] = '\0';
			p += 1 + n;
			if (!(c = find(x, "constat", cid)) || !c->attr)
				continue;
			if (!seen++)
				snprintf(first, sizeof first, "%s: %s", cid, c->attr);
			agree |= strcmp(c->attr, an) == 0;
		}
		if (seen && !agree) {
			eco_diag_add(d, e->file, e->line, e->col, ECO_SEV_ERROR,
			    "priorites",
			    _("analysis « %s » is not that of the priority's constats (%s)"),
			    an, first);
			eco_diag_set_path(d, e->path);
		}
	}
}

/* Priorities are drawn from the constats of the three analyses: each
 * says which (its analyse_origine, one of its constats', see
 * check_priority_facts), the ones of files read for context too. */
static void
check_priorities(struct eco_index *x, struct eco_diags *d)
{
	static const char *const analyses[] = {
		"situation", "offre-services", "interventions"
	};
	int seen[3] = { 0, 0, 0 };
	const struct entry *first = find(x, "priorite", NULL), *e;
	const struct entry *end = x->ids ? x->ids + x->nids : NULL;
	size_t j, n;

	if (!first)
		return;
	for (e = x->ids; e < end; e++) {
		if (strcmp(e->kind, "@priorite-analyse") != 0 || !e->attr)
			continue;
		n = strcspn(e->attr, " ");
		for (j = 0; j < 3; j++)
			if (strlen(analyses[j]) == n &&
			    strncmp(e->attr, analyses[j], n) == 0)
				seen[j] = 1;
	}
	for (j = 0; j < 3 && !first->ctx; j++)
		if (!seen[j])
			eco_diag_add(d, first->file, first->line, first->col,
			    ECO_SEV_WARNING, "priorites",
			    _("no priority draws on a constat of the « %s » analysis"),
			    analyses[j]);
}

/* Meetings: one number each, dates in the order of the numbers. */
static void
check_meetings(struct eco_index *x, struct eco_diags *d)
{
	const struct entry *a, *b, *end = x->ids ? x->ids + x->nids : NULL;

	for (a = x->ids; a < end; a++) {
		long ni = a->attr ? strtol(a->attr, NULL, 10) : 0;
		const char *di = a->attr ? strchr(a->attr, ' ') : NULL;

		if (strcmp(a->kind, "rencontre") != 0 || !ni || a->ctx)
			continue;
		for (b = x->ids; b < end; b++) {
			long nj = b->attr ? strtol(b->attr, NULL, 10) : 0;
			const char *dj = b->attr ? strchr(b->attr, ' ') : NULL;

			if (a == b || !nj || strcmp(b->kind, "rencontre") != 0)
				continue;
			if (ni == nj && b->seq < a->seq)
				eco_diag_add(d, a->file, a->line, a->col,
				    ECO_SEV_ERROR, "rencontres",
				    _("meeting number %ld is already used by « %s »"),
				    ni, b->id);
			else if (ni > nj && di && dj && di[1] && dj[1] &&
			    strcmp(di + 1, dj + 1) < 0)
				eco_diag_add(d, a->file, a->line, a->col,
				    ECO_SEV_WARNING, "rencontres",
				    _("meeting %ld is dated %s, before meeting %ld (%s)"),
				    ni, di + 1, nj, dj + 1);
		}
	}
}

/*
 * The built-in protective factors, unless the project has its own.  The
 * catalogue is read once per process; its ids are then copied into each
 * index that needs them.
 */
static struct eco_doc *catalogue;	/* kept for the process */
static pthread_once_t catalogue_once = PTHREAD_ONCE_INIT;

static void
read_catalogue(void)
{
	struct eco_diags quiet;

	eco_diags_init(&quiet);
	catalogue = eco_embedded_doc("facteurs", &quiet);
	eco_diags_free(&quiet);
}

/* The objectives of the cycle, read once per process. */
static struct eco_cycle *cycle;
static pthread_once_t cycle_once = PTHREAD_ONCE_INIT;

static void
read_cycle(void)
{
	struct eco_diags quiet;

	eco_diags_init(&quiet);
	cycle = eco_cycle_load(&quiet);	/* kept for the process */
	eco_diags_free(&quiet);
}

/* Whether the index needs the ids of kind from eco's data: some
 * reference names one, or names are looked up. */
static int
wanted(const struct eco_index *x, const char *kind)
{
	size_t i;

	if (x->titles && (!x->nwant || x->want_all))
		return 1;
	for (i = 0; x->titles && i < x->nwant; i++)
		if (strcmp(x->want[i], kind) == 0)
			return 1;
	for (i = 0; i < x->nrefs; i++)
		if (strcmp(x->refs[i].kind, kind) == 0)
			return 1;
	return 0;
}

static void
cycle_objectives(struct eco_index *x)
{
	static struct eco_node keys[2] = {
		{ .type = ECO_STR, .s = "id", .len = 2 },
		{ .type = ECO_STR, .s = "libelle", .len = 7 },
	};
	struct eco_node id, label, m;
	struct eco_pair pairs[2] = { { &keys[0], &id }, { &keys[1], &label } };
	size_t i;

	if (!wanted(x, "objectif-cycle"))
		return;
	pthread_once(&cycle_once, read_cycle);
	/* each objective as the mapping {id, libelle} */
	memset(&m, 0, sizeof m);
	m.type = ECO_MAP;
	m.len = 2;
	m.u.pairs = pairs;
	memset(&id, 0, sizeof id);
	memset(&label, 0, sizeof label);
	id.type = label.type = ECO_STR;
	x->plen = 0;
	for (i = 0; cycle && i < cycle->nobjectives; i++) {
		id.s = cycle->objectives[i].id;
		id.len = strlen(id.s);
		label.s = cycle->objectives[i].label;
		label.len = strlen(label.s);
		eco_index_add_id(x, "objectif-cycle", &m, CATALOGUE, NULL);
	}
}

/* Whether the project's files give a fiche of factor id, or retire it. */
static int
project_factor(const struct eco_index *x, size_t nids, const char *id)
{
	size_t i;

	for (i = 0; id && i < nids; i++)
		if (strcmp(x->ids[i].id, id) == 0 &&
		    ((strcmp(x->ids[i].kind, "facteur") == 0 && x->ids[i].attr &&
		    strcmp(x->ids[i].attr, "fiche") == 0) ||
		    strcmp(x->ids[i].kind, "facteur-retire") == 0))
			return 1;
	return 0;
}

/* The catalogue's factors, but those a project's facteurs.yaml gives or
 * retires: its fiches change the catalogue one by one. */
static void
builtin_factors(struct eco_index *x)
{
	const struct eco_node *c;
	size_t i, nids = x->nids;

	if (!wanted(x, "facteur"))
		return;
	pthread_once(&catalogue_once, read_catalogue);
	x->plen = 0;
	for (i = 0; catalogue && i < catalogue->root->len; i++) {
		c = catalogue->root->u.items[i];
		if (!project_factor(x, nids, eco_map_str(c, "id")))
			eco_rules_facteur(x, eco_kind_find("facteur"), c,
			    CATALOGUE, NULL);
	}
}

const struct eco_node *
eco_rules_catalogue(void)
{
	pthread_once(&catalogue_once, read_catalogue);
	return catalogue ? catalogue->root : NULL;
}

/* The answers compiled together in a session are given the same way. */
static void
check_sessions(struct eco_index *x, struct eco_diags *d)
{
	const struct entry *f, *g, *end = x->ids ? x->ids + x->nids : NULL;

	for (f = x->ids; f < end; f++) {
		const char *sp = f->attr ? strchr(f->attr, ' ') : NULL;

		if (!sp || f->ctx || strcmp(f->kind, "diagnostic") != 0)
			continue;
		for (g = x->ids; g < f; g++) {
			const char *gp = g->attr ? strchr(g->attr, ' ') : NULL;

			if (strcmp(g->kind, "diagnostic") != 0)
				continue;

			if (gp && gp - g->attr == sp - f->attr &&
			    strncmp(g->attr, f->attr, (size_t)(sp - f->attr)) == 0 &&
			    strcmp(gp, sp) != 0) {
				eco_diag_add(d, f->file, f->line, f->col,
				    ECO_SEV_WARNING, "diagnostic",
				    _("session « %.*s » mixes ways of answering (%s here, %s in %s)"),
				    (int)(sp - f->attr), f->attr, sp + 1, gp + 1, g->file);
				break;
			}
		}
	}
}

/* One record per organisation and factor; a service an intervention
 * names is one of its organisation's. */
static void
check_interventions(struct eco_index *x, struct eco_diags *d)
{
	const struct entry *f, *g, *sv, *end = x->ids ? x->ids + x->nids : NULL;
	size_t i;

	for (f = x->ids; f < end; f++) {
		if (!f->attr || f->ctx || strcmp(f->kind, "intervention") != 0)
			continue;
		for (g = x->ids; g < f; g++)
			/* the same id twice is the ids rule's */
			if (g->attr && strcmp(g->kind, "intervention") == 0 &&
			    strcmp(g->attr, f->attr) == 0 &&
			    strcmp(g->id, f->id) != 0) {
				eco_diag_add(d, f->file, f->line, f->col,
				    ECO_SEV_ERROR, "intervention", _("%s already "
				    "says how this organisation acts on this factor "
				    "(%s, line %d): one record per organisation and "
				    "factor"), g->id, g->file, g->line);
				break;
			}
	}
	for (i = 0; i < x->nrefs; i++) {
		const struct entry *r = &x->refs[i];

		if (strcmp(r->kind, OWN_SERVICE) != 0 || r->ctx ||
		    !(sv = find(x, "service", r->id)) || !sv->attr ||
		    strcmp(sv->attr, r->attr) == 0)
			continue;
		eco_diag_add(d, r->file, r->line, r->col, ECO_SEV_ERROR,
		    "intervention", _("the service %s is offered by %s, not by "
		    "%s: an intervention names its own organisation's services"),
		    r->id, sv->attr, r->attr);
	}
}

int
eco_index_has(const struct eco_index *x, const char *kind, const char *id)
{
	size_t i;

	if (x->mask)
		return find(x, kind, id) != NULL;
	for (i = 0; i < x->nids; i++)
		if (same(&x->ids[i], kind, id))
			return 1;
	return 0;
}

size_t
eco_index_ids(const struct eco_index *x, const char *kind, const char **out,
    size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < x->nids && n < max; i++) {
		const struct entry *e = &x->ids[i];

		if (strcmp(e->kind, kind) != 0)
			continue;
		for (j = 0; j < n && strcmp(out[j], e->id) != 0; j++)
			;
		if (j == n)
			out[n++] = e->id;
	}
	return n;
}

const char *
eco_index_title(const struct eco_index *x, const char *kind, const char *id)
{
	const struct entry *e = x->mask ? find(x, kind, id) : NULL;

	return e ? e->title : NULL;
}

void
eco_rules_project(struct eco_index *x, struct eco_diags *d)
{
	if (x->oom)
		eco_diag_sys(d, NULL, "%s", _("out of memory while indexing ids"));
	builtin_factors(x);
	cycle_objectives(x);
	build_table(x, d);
	check_refs(x, d);
	check_priority_facts(x, d);
	check_priorities(x, d);
	check_meetings(x, d);
	check_sessions(x, d);
	check_interventions(x, d);
}

/* The service offer (Outil 6). */

/* A whole number zero or more, or -1. */
static long long
whole(const struct eco_node *v)
{
	return v && v->type == ECO_INT && !(v->flags & ECO_F_BIG) &&
	    v->u.i >= 0 ? v->u.i : -1;
}

/* A time "HH:MM" as minutes, or -1. */
static int
minutes(const struct eco_node *v)
{
	const char *s = v && v->type == ECO_STR ? v->s : NULL;

	if (!s || strlen(s) != 5 || s[2] != ':')
		return -1;
	return ((s[0] - '0') * 10 + s[1] - '0') * 60 + (s[3] - '0') * 10 +
	    s[4] - '0';
}

/* The forms of version 1 before the offer could be analysed: each said
 * with what to write instead. */
static void
service_old_forms(struct eco_index *x, const struct eco_node *root,
    const char *file, struct eco_diags *d)
{
	const struct eco_node *acc = get(root, "acces"), *v;

	if ((v = get(root, "secteur")))
		rule(x, d, file, v, "secteur", ECO_SEV_ERROR, "service",
		    "%s", _("« secteur » is now « secteurs », a list of sector "
		    "ids of eco.yaml: write secteurs: [secteur-nord]"));
	if ((v = get(root, "participants")) && v->type == ECO_INT)
		rule(x, d, file, v, "participants", ECO_SEV_ERROR, "service",
		    _("« participants » now states what it counts: write "
		    "participants: {nombre: %s, unite: familles} (or enfants, "
		    "parents, femmes-enceintes, intervenants, personnes)"), v->s);
	if (acc && acc->type == ECO_MAP && (v = get(acc, "horaire"))) {
		size_t old = eco_index_enter(x, "acces", 0);

		rule(x, d, file, v, "horaire", ECO_SEV_ERROR, "service", "%s",
		    _("« horaire » is now « horaires », a list of time slots "
		    "that can be grouped (evenings, weekends): write horaires: "
		    "[{jours: [mardi], de: '09:30', a: '11:30'}]"));
		eco_index_leave(x, old);
	}
}

void
eco_rules_service(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	const struct eco_node *v, *acc = get(root, "acces"), *h;
	size_t i, old;

	if (d && !x->context) {
		service_old_forms(x, root, file, d);
		if ((v = get(root, "ages_mois")) && v->type == ECO_MAP &&
		    whole(get(v, "de")) > whole(get(v, "a")) &&
		    whole(get(v, "a")) >= 0)
			rule(x, d, file, v, "ages_mois", ECO_SEV_ERROR, "service",
			    "%s", _("the youngest age (de) is above the oldest "
			    "(a)"));
		h = acc && acc->type == ECO_MAP ? get(acc, "horaires") : NULL;
		for (i = 0; h && h->type == ECO_SEQ && i < h->len; i++) {
			const struct eco_node *s = h->u.items[i];
			int de = minutes(get(s, "de")), a = minutes(get(s, "a"));

			if (de >= 0 && a >= 0 && de >= a)
				rule(x, d, file, s, NULL, ECO_SEV_ERROR, "service",
				    "%s", _("a time slot ends (a) before it starts "
				    "(de)"));
		}
	}
	/* a member's id is checked; an organisation outside the
	 * regroupement gives its name */
	if ((v = get(root, "organisme")) && !get(root, "organisme_nom")) {
		old = eco_index_enter(x, "organisme", 0);
		add_ref(x, "organisme", v, file);
		eco_index_leave(x, old);
	}
	if ((v = get(root, "secteurs")) && v->type == ECO_SEQ && !x->context) {
		old = eco_index_enter(x, "secteurs", 0);
		add_ref(x, "secteur", v, file);
		eco_index_leave(x, old);
	}
	/* its organisation, for the interventions that name it */
	eco_index_add_id(x, k->name, root, file, str(root, "organisme"));
}

/* Action on a factor (Outil 7). */

/* The factor of the catalogue that holds sub-factor id, or NULL. */
static const char *
catalogue_holder(const char *id)
{
	const struct eco_node *cat = eco_rules_catalogue(), *sous;
	size_t i, j;

	for (i = 0; cat && cat->type == ECO_SEQ && i < cat->len; i++) {
		sous = get(cat->u.items[i], "sous_facteurs");
		for (j = 0; sous && sous->type == ECO_SEQ && j < sous->len; j++)
			if (str(sous->u.items[j], "id") &&
			    strcmp(str(sous->u.items[j], "id"), id) == 0)
				return str(cat->u.items[i], "id");
	}
	return NULL;
}

void
eco_rules_intervention(struct eco_index *x, const struct eco_kind *k,
    const struct eco_node *root, const char *file, struct eco_diags *d)
{
	const char *org = str(root, "organisme"), *fac = str(root, "facteur");
	const char *h;
	const struct eco_node *s = get(root, "sous_facteurs");
	char attr[160];
	size_t i;

	for (i = 0; d && !x->context && fac && s && s->type == ECO_SEQ &&
	    i < s->len; i++)
		if (s->u.items[i]->type == ECO_STR &&
		    (h = catalogue_holder(s->u.items[i]->s)) && strcmp(h, fac)) {
			size_t old = eco_index_enter(x, "sous_facteurs", 0);

			rule(x, d, file, s->u.items[i], NULL, ECO_SEV_ERROR,
			    "intervention", _("« %s » is a sub-factor of %s, not "
			    "of %s: a sub-factor belongs to its factor"),
			    s->u.items[i]->s, h, fac);
			eco_index_leave(x, old);
		}
	/* services and the one record per organisation and factor are
	 * judged with the whole project (check_interventions) */
	if ((s = get(root, "services")) && s->type == ECO_SEQ && org &&
	    !x->context) {
		size_t old = eco_index_enter(x, "services", 0);

		for (i = 0; i < s->len; i++)
			if (s->u.items[i]->type == ECO_STR) {
				size_t back = eco_index_enter(x, NULL, i);

				push(x, 1, OWN_SERVICE, s->u.items[i], file,
				    org);
				eco_index_leave(x, back);
			}
		eco_index_leave(x, old);
	}
	snprintf(attr, sizeof attr, "%s %s", org ? org : "", fac ? fac : "");
	eco_index_add_id(x, k->name, root, file, org && fac ? attr : NULL);
}
