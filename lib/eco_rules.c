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
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

#define CATALOGUE "<catalogue>"	/* file name of built-in factors */

struct entry {
	const char *kind, *id, *file;	/* in the index's arenas */
	const char *attr;
	const char *path;	/* JSON pointer in its document, or NULL */		/* ids: one fact for project rules (a constat's
				 * analyse, a meeting's date); refs: the key */
	int line, col;
	int warn;		/* refs: 1 unresolved is only a warning; 2 it
				 * is checked only in a whole project */
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
	const char *file_src, *file;	/* last file name and its copy */
	int project;			/* a real project: check every ref */
	int context;			/* files read for their ids only */
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

/* Descend into key or item i of what is looked at; returns where to go
 * back to with leave(). */
static size_t
enter(struct eco_index *x, const char *key, size_t i)
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

static void
leave(struct eco_index *x, size_t old)
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

static const char *
intern_file(struct eco_index *x, const char *file)
{
	if (x->file_src != file || !x->file) {
		x->file_src = file;
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

/* Note the id of the mapping being looked at (its key is "id"). */
static void
add_id(struct eco_index *x, const char *kind, const struct eco_node *id,
    const char *file, const char *attr)
{
	size_t old;

	if (!id || id->type != ECO_STR)
		return;
	old = enter(x, "id", 0);
	push(x, 0, kind, id, file, attr);
	leave(x, old);
}

static void
add_ref(struct eco_index *x, const char *kind, const struct eco_node *v,
    const char *file, const char *key, int warn)
{
	struct entry *e;
	size_t i;

	size_t old;

	if (!v)
		return;
	old = enter(x, key, 0);
	for (i = 0; i < (v->type == ECO_SEQ ? v->len : 1); i++) {
		const struct eco_node *it = v->type == ECO_SEQ ? v->u.items[i] : v;
		size_t back = v->type == ECO_SEQ ? enter(x, NULL, i) : x->plen;

		if (it->type == ECO_STR && (e = push(x, 1, kind, it, file, key)))
			e->warn = warn;
		leave(x, back);
	}
	leave(x, old);
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
		from->file = from->file_src = NULL;
	}
	into->oom |= from->oom;
	from->nids = from->nrefs = 0;
	return 0;
}

/* References: which keys name an id of which kind, wherever they stand. */
static const struct {
	const char *key, *kind;
} refkeys[] = {
	{ "responsable", "organisme" }, { "responsable_mesure", "organisme" },
	{ "organisme", "organisme" }, { "organismes", "organisme" },
	{ "partenaires", "organisme" }, { "partenaires_impliques", "organisme" },
	{ "rapporteur", "organisme" }, { "fiduciaire", "organisme" },
	{ "absences", "organisme" },
	{ "facteur", "facteur" }, { "facteurs", "facteur" },
	{ "sous_facteurs", "facteur" },
	{ "bailleur", "bailleur" },
	{ "constats", "constat" }, { "observations", "observation" },
	{ "donnees", "donnee" }, { "services", "service" },
	{ "priorites", "priorite" }, { "rencontre", "rencontre" },
	{ "indicateur", "indicateur" }, { "indicateurs", "indicateur" },
	{ "action", "action" }, { "actions", "action" },
	{ "objectif", "objectif" }, { "objectifs", "objectif" },
};

/* refkeys by hash of the key, built once: every key of every document
 * is looked up here. */
#define REFSLOTS 128
static signed char refslot[REFSLOTS];
static pthread_once_t refslot_once = PTHREAD_ONCE_INIT;

static size_t
key_hash(const char *k, size_t n)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 16777619u;
	return h;
}

static void
build_refslots(void)
{
	size_t i, j;

	memset(refslot, -1, sizeof refslot);
	for (i = 0; i < sizeof refkeys / sizeof *refkeys; i++) {
		j = key_hash(refkeys[i].key, strlen(refkeys[i].key)) % REFSLOTS;
		while (refslot[j] >= 0)
			j = (j + 1) % REFSLOTS;
		refslot[j] = (signed char)i;
	}
}

static const char *
ref_kind(const char *doc_kind, const struct eco_node *key)
{
	size_t j;

	pthread_once(&refslot_once, build_refslots);
	for (j = key_hash(key->s, key->len) % REFSLOTS; refslot[j] >= 0;
	    j = (j + 1) % REFSLOTS) {
		const char *k = refkeys[refslot[j]].key;

		if (strncmp(k, key->s, key->len) != 0 || k[key->len])
			continue;
		/* A meeting's objectives are those of the cycle (Outil 2). */
		if (strcmp(doc_kind, "rencontre") == 0 &&
		    strcmp(k, "objectifs") == 0)
			return NULL;
		return refkeys[refslot[j]].kind;
	}
	return NULL;
}

static void
walk_refs(struct eco_index *x, const char *kind, const struct eco_node *n,
    const char *file, int depth)
{
	size_t i;

	if (depth > 64)
		return;
	if (n->type == ECO_SEQ)
		for (i = 0; i < n->len; i++) {
			size_t old = enter(x, NULL, i);

			walk_refs(x, kind, n->u.items[i], file, depth + 1);
			leave(x, old);
		}
	if (n->type != ECO_MAP)
		return;
	for (i = 0; i < n->len; i++) {
		const struct eco_node *k = n->u.pairs[i].key, *v = n->u.pairs[i].val;
		const char *target;
		size_t old;

		if (k->type != ECO_STR)
			continue;
		if ((target = ref_kind(kind, k)))
			add_ref(x, target, v, file, k->s, 0);
		if (v->type == ECO_MAP || v->type == ECO_SEQ) {
			old = enter(x, k->s, 0);
			walk_refs(x, kind, v, file, depth + 1);
			leave(x, old);
		}
	}
}

/* Per-document rules. */

static const struct eco_node *
get(const struct eco_node *m, const char *key)
{
	return eco_map_get(m, key);
}

static const char *
str(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = eco_map_get(m, key);

	return n && n->type == ECO_STR ? n->s : NULL;
}

/* A diagnostic at node at, which is key leaf (or NULL: the item itself)
 * of what x is looking at, with its JSON pointer. */
static void
rule(struct eco_index *x, struct eco_diags *d, const char *file,
    const struct eco_node *at, const char *leaf, enum eco_sev sev,
    const char *check, const char *fmt, ...)
{
	size_t old = leaf ? enter(x, leaf, 0) : x->plen;
	va_list ap;

	va_start(ap, fmt);
	eco_diag_vadd(d, file, at ? at->line : 0, at ? at->col : 0, sev, check,
	    fmt, ap);
	va_end(ap);
	eco_diag_set_path(d, x->plen ? x->path : "/");
	leave(x, old);
}

/* A date string that is valid, or NULL. */
static const char *
date_of(const struct eco_node *m, const char *key)
{
	const char *s = str(m, key);

	return s && eco_format_date(s, strlen(s)) ? s : NULL;
}

static void
check_action(struct eco_index *x, const struct eco_node *a, const char *pdeb,
    const char *pfin, const char *file, struct eco_diags *d)
{
	const char *deb = date_of(a, "debut"), *fin = date_of(a, "fin");
	const char *id = str(a, "id") ? str(a, "id") : "?";
	const struct eco_node *cal = get(a, "calendrier_suivi"), *resp;
	const struct eco_node *parts = get(a, "partenaires");
	size_t i;

	if (deb && fin && strcmp(deb, fin) > 0)
		rule(x, d, file, get(a, "fin"), "fin", ECO_SEV_ERROR, "plan",
		    _("action « %s » ends (%s) before it begins (%s)"), id, fin, deb);
	if (deb && pdeb && strcmp(deb, pdeb) < 0)
		rule(x, d, file, get(a, "debut"), "debut", ECO_SEV_ERROR, "plan",
		    _("action « %s » begins (%s) before the plan's period (%s)"),
		    id, deb, pdeb);
	if (fin && pfin && strcmp(fin, pfin) > 0)
		rule(x, d, file, get(a, "fin"), "fin", ECO_SEV_ERROR, "plan",
		    _("action « %s » ends (%s) after the plan's period (%s)"),
		    id, fin, pfin);
	for (i = 0; cal && cal->type == ECO_SEQ && i < cal->len; i++) {
		const struct eco_node *c = cal->u.items[i];
		size_t old;

		if (c->type != ECO_STR || !eco_format_date(c->s, c->len))
			continue;
		old = enter(x, "calendrier_suivi", 0);
		enter(x, NULL, i);
		if ((deb && strcmp(c->s, deb) < 0) || (pfin && strcmp(c->s, pfin) > 0))
			rule(x, d, file, c, NULL, ECO_SEV_WARNING, "plan",
			    _("follow-up date %s of action « %s » falls outside the action or the plan"),
			    c->s, id);
		leave(x, old);
	}
	resp = get(a, "responsable");
	for (i = 0; resp && resp->type == ECO_STR && parts &&
	    parts->type == ECO_SEQ && i < parts->len; i++)
		if (eco_node_equal(parts->u.items[i], resp)) {
			size_t old = enter(x, "partenaires", 0);

			enter(x, NULL, i);
			rule(x, d, file, parts->u.items[i], NULL, ECO_SEV_WARNING, "plan",
			    _("« %s » is already the responsable of action « %s »"),
			    resp->s, id);
			leave(x, old);
		}
}

static void
check_transformation(const struct eco_node *t, const char *sys,
    const char *obj, const char *pdeb, const char *pfin, const char *file,
    struct eco_diags *d, struct eco_index *x)
{
	const struct eco_node *inds = get(t, "indicateurs");
	const struct eco_node *acts = get(t, "actions");
	size_t i, complete = 0;

	for (i = 0; inds && inds->type == ECO_SEQ && i < inds->len; i++) {
		const struct eco_node *ind = inds->u.items[i];
		const char *ech = date_of(ind, "echeance");
		size_t old = enter(x, "indicateurs", 0);

		enter(x, NULL, i);
		add_id(x, "indicateur", get(ind, "id"), file, NULL);
		/* without echeance, an indicator is due at the plan's end */
		if (get(ind, "cible") && (ech || pfin))
			complete++;
		if (ech && pfin && strcmp(ech, pfin) > 0)
			rule(x, d, file, get(ind, "echeance"), "echeance", ECO_SEV_WARNING, "plan",
			    _("the deadline %s of indicator « %s » falls after the plan's period"),
			    ech, str(ind, "id") ? str(ind, "id") : "?");
		leave(x, old);
	}
	if (inds && inds->type == ECO_SEQ && inds->len && !complete)
		rule(x, d, file, inds, "indicateurs", ECO_SEV_ERROR, "plan",
		    _("transformation « %s » of objective « %s »: no indicator has both a target (cible) and a deadline (echeance)"),
		    sys, obj);
	for (i = 0; acts && acts->type == ECO_SEQ && i < acts->len; i++) {
		size_t old = enter(x, "actions", 0);

		enter(x, NULL, i);
		add_id(x, "action", get(acts->u.items[i], "id"), file, NULL);
		check_action(x, acts->u.items[i], pdeb, pfin, file, d);
		leave(x, old);
	}
}

static void
rules_plan(struct eco_index *x, const struct eco_node *root, const char *file,
    struct eco_diags *d)
{
	static const char *const systems[] = { "enfant", "famille", "communaute" };
	const struct eco_node *per = get(root, "periode"), *objs, *b;
	const char *pdeb = date_of(per, "debut"), *pfin = date_of(per, "fin");
	size_t i, j;

	if (pdeb && pfin && strcmp(pdeb, pfin) > 0) {
		size_t old = enter(x, "periode", 0);

		rule(x, d, file, get(per, "fin"), "fin", ECO_SEV_ERROR, "plan",
		    _("the plan's period ends (%s) before it begins (%s)"), pfin, pdeb);
		leave(x, old);
		pdeb = pfin = NULL;
	}
	b = get(root, "bailleurs");
	for (i = 0; b && b->type == ECO_SEQ && i < b->len; i++) {
		size_t old = enter(x, "bailleurs", 0);

		enter(x, NULL, i);
		add_id(x, "bailleur", get(b->u.items[i], "id"), file, NULL);
		leave(x, old);
	}
	objs = get(root, "objectifs");
	for (i = 0; objs && objs->type == ECO_SEQ && i < objs->len; i++) {
		const struct eco_node *o = objs->u.items[i];
		const struct eco_node *tr = get(o, "transformations");
		const char *oid = str(o, "id") ? str(o, "id") : "?";
		size_t old = enter(x, "objectifs", 0);

		enter(x, NULL, i);
		add_id(x, "objectif-plan", get(o, "id"), file, NULL);
		for (j = 0; j < 3; j++) {
			const struct eco_node *t = get(tr, systems[j]);
			size_t back = enter(x, "transformations", 0);

			enter(x, systems[j], 0);
			if (t && t->type == ECO_MAP) {
				add_id(x, "transformation", get(t, "id"), file, NULL);
				check_transformation(t, systems[j], oid, pdeb, pfin,
				    file, d, x);
			}
			leave(x, back);
		}
		leave(x, old);
	}
}

static void
rules_rencontre(struct eco_index *x, const struct eco_node *root,
    const char *file, struct eco_diags *d)
{
	const struct eco_node *todo = get(root, "a_faire"), *num = get(root, "numero");
	const char *date = date_of(root, "date");
	char attr[64];
	size_t i;

	/* the meeting's number and date, for the project rules */
	snprintf(attr, sizeof attr, "%lld %s",
	    num && num->type == ECO_INT ? num->u.i : 0LL, date ? date : "");
	add_id(x, "rencontre", get(root, "id"), file, attr);
	/* a meeting's objectives are those of the cycle (data/demarche.yaml) */
	add_ref(x, "objectif-cycle", get(root, "objectifs"), file, "objectifs", 0);
	for (i = 0; todo && todo->type == ECO_SEQ && i < todo->len; i++) {
		const struct eco_node *t = todo->u.items[i];
		const char *ech = date_of(t, "echeance"), *fait = date_of(t, "fait_le");
		size_t old = enter(x, "a_faire", 0);

		enter(x, NULL, i);
		add_id(x, "tache", get(t, "id"), file, NULL);
		if (date && ech && strcmp(ech, date) < 0)
			rule(x, d, file, get(t, "echeance"), "echeance",
			    ECO_SEV_WARNING, "rencontres",
			    _("to-do due %s, before the meeting itself (%s)"), ech, date);
		if (date && fait && strcmp(fait, date) < 0)
			rule(x, d, file, get(t, "fait_le"), "fait_le",
			    ECO_SEV_WARNING, "rencontres",
			    _("to-do done on %s, before the meeting that set it (%s)"),
			    fait, date);
		leave(x, old);
	}
}

static void
rules_suivi(struct eco_index *x, const struct eco_node *root, const char *file,
    struct eco_diags *d)
{
	const struct eco_node *per = get(root, "periode");
	const char *deb = date_of(per, "debut"), *fin = date_of(per, "fin");
	const char *date = date_of(root, "date"), *st = str(root, "statut");

	if (deb && fin && strcmp(deb, fin) > 0) {
		size_t old = enter(x, "periode", 0);

		rule(x, d, file, get(per, "fin"), "fin", ECO_SEV_ERROR, "suivi",
		    _("the period followed ends (%s) before it begins (%s)"), fin, deb);
		leave(x, old);
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

static void
rules_evaluation(struct eco_index *x, const struct eco_node *root,
    const char *file, struct eco_diags *d)
{
	const struct eco_node *dec = get(root, "decisions");
	size_t i;

	for (i = 0; dec && dec->type == ECO_SEQ && i < dec->len; i++) {
		const struct eco_node *e = dec->u.items[i];
		const char *what = str(e, "decision");
		size_t old;

		if (!what || strcmp(what, "maintien") == 0 || get(e, "justification"))
			continue;
		old = enter(x, "decisions", 0);
		enter(x, NULL, i);
		rule(x, d, file, get(e, "decision"), "decision", ECO_SEV_WARNING,
		    "evaluation",
		    _("a decision « %s » should give its justification"), what);
		leave(x, old);
	}
}

/* A diagnostic's session and mode, for the project rule. */
static const char *
session_attr(const struct eco_node *root, char *buf, size_t cap)
{
	const char *s = str(root, "session"), *m = str(root, "mode");

	if (!s || !m)
		return NULL;
	snprintf(buf, cap, "%s %s", s, m);
	return buf;
}

void
eco_rules_doc(struct eco_index *x, const struct eco_doc *doc,
    struct eco_diags *d)
{
	const struct eco_node *root = doc->root, *kind, *m;
	const char *file = doc->file, *k;
	char attr[256];
	size_t i;

	if (!root || root->type != ECO_MAP ||
	    !(kind = eco_map_get(root, "kind")) || kind->type != ECO_STR)
		return;
	k = kind->s;
	x->plen = 0;
	x->path[0] = '\0';
	walk_refs(x, k, root, file, 0);
	if (strcmp(k, "regroupement") == 0) {
		m = get(root, "membres");
		for (i = 0; m && m->type == ECO_SEQ && i < m->len; i++)
			add_id(x, "organisme", get(m->u.items[i], "id"), file, NULL);
		add_id(x, k, get(root, "id"), file, NULL);
		return;
	}
	if (strcmp(k, "plan") == 0) {
		add_id(x, k, get(root, "id"), file, NULL);
		rules_plan(x, root, file, d);
		return;
	}
	if (strcmp(k, "rencontre") == 0) {
		rules_rencontre(x, root, file, d);
		return;
	}
	if (strcmp(k, "note") == 0) {
		/* a meeting's note: its to-dos are to-dos of the project,
		 * and the ones it marks done must exist */
		m = get(root, "a_faire");
		for (i = 0; m && m->type == ECO_SEQ && i < m->len; i++)
			add_id(x, "tache", get(m->u.items[i], "id"), file, NULL);
		/* earlier meetings' to-dos: only a whole project knows them */
		add_ref(x, "tache", get(root, "faites"), file, "faites", 2);
		add_id(x, k, get(root, "id"), file, NULL);
		return;
	}
	if (strcmp(k, "action") == 0 || strcmp(k, "indicateur") == 0 ||
	    strcmp(k, "transformation") == 0 || strcmp(k, "tache") == 0) {
		/* a record printed from the plan or a meeting: a copy, whose
		 * id is the original's; only copies among themselves clash */
		snprintf(attr, sizeof attr, "%s-copie", k);
		add_id(x, attr, get(root, "id"), file, NULL);
		return;
	}
	add_id(x, k, get(root, "id"), file,
	    strcmp(k, "constat") == 0 ? str(root, "analyse") :
	    strcmp(k, "priorite") == 0 ? str(root, "analyse_origine") :
	    strcmp(k, "diagnostic") == 0 ? session_attr(root, attr, sizeof attr) :
	    NULL);
	if (strcmp(k, "facteur") == 0) {
		m = get(root, "sous_facteurs");
		for (i = 0; m && m->type == ECO_SEQ && i < m->len; i++)
			add_id(x, "facteur", get(m->u.items[i], "id"), file, NULL);
	} else if (strcmp(k, "suivi") == 0)
		rules_suivi(x, root, file, d);
	else if (strcmp(k, "evaluation") == 0)
		rules_evaluation(x, root, file, d);
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
		    (a->ctx && b->ctx))
			continue;
		if (b->ctx) {	/* report it where the user is looking */
			const struct entry *t = a;

			a = b;
			b = t;
		}
		eco_diag_add(d, b->file, b->line, b->col, ECO_SEV_ERROR,
		    "ids", _("id « %s » is already taken (%s, %s:%d)"),
		    b->id, kind_label(b->kind), a->file, a->line);
		eco_diag_set_path(d, b->path);
	}
}

static const char *
closest_id(const struct eco_index *x, const char *kind, const char *id)
{
	const char *words[512];
	size_t n = 0, i;

	for (i = 0; i < x->nids && n < 512; i++)
		if (strcmp(x->ids[i].kind, kind) == 0)
			words[n++] = x->ids[i].id;
	return eco_closest(id, words, n);
}

/* Kind names as a person says them in a message. */
static const char *
kind_label(const char *kind)
{
	static const struct { const char *k, *label; } t[] = {
		{ "organisme", N_("member organisation") },
		{ "facteur", N_("protective factor") },
		{ "bailleur", N_("funder") },
		{ "constat", N_("constat") },
		{ "observation", N_("observation") },
		{ "donnee", N_("data record") },
		{ "service", N_("service") },
		{ "priorite", N_("priority") },
		{ "rencontre", N_("meeting") },
		{ "indicateur", N_("indicator") },
		{ "action", N_("action") },
		{ "objectif", N_("objective") },
		{ "tache", N_("to-do") },
		{ "objectif-cycle", N_("objective of the cycle") },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof *t; i++)
		if (strcmp(t[i].k, kind) == 0)
			return _(t[i].label);
	return kind;
}

static void
check_refs(struct eco_index *x, struct eco_diags *d)
{
	size_t i;

	for (i = 0; i < x->nrefs; i++) {	/* refs are in the order found */
		const struct entry *r = &x->refs[i];
		const char *kind = r->kind, *close;

		if (find(x, kind, r->id) ||
		    (strcmp(kind, "objectif") == 0 && find(x, "objectif-plan", r->id)))
			continue;
		/* Outside a project, only kinds the files at hand define. */
		if (!x->project && r->warn == 2)
			continue;
		if (!x->project && !find(x, kind, NULL) &&
		    !(strcmp(kind, "objectif") == 0 && find(x, "objectif-plan", NULL)))
			continue;
		close = closest_id(x, kind, r->id);
		if (!close && strcmp(kind, "objectif") == 0)
			close = closest_id(x, "objectif-plan", r->id);
		if (close)
			eco_diag_add(d, r->file, r->line, r->col,
			    r->warn == 1 ? ECO_SEV_WARNING : ECO_SEV_ERROR, "refs",
			    _("« %s »: no such %s (did you mean %s?)"),
			    r->id, kind_label(kind), close);
		else
			eco_diag_add(d, r->file, r->line, r->col,
			    r->warn == 1 ? ECO_SEV_WARNING : ECO_SEV_ERROR, "refs",
			    _("« %s »: no such %s"), r->id, kind_label(kind));
		eco_diag_set_path(d, r->path);
	}
}

/* The plan's objectives come from the priorities' objectives. */
static void
check_plan_objectives(struct eco_index *x, struct eco_diags *d)
{
	const struct entry *e;

	if (!find(x, "objectif", NULL))
		return;
	for (e = x->ids; e < x->ids + x->nids; e++)
		if (strcmp(e->kind, "objectif-plan") == 0 && !e->ctx &&
		    !find(x, "objectif", e->id))
			eco_diag_add(d, e->file, e->line, e->col, ECO_SEV_WARNING,
			    "plan", _("objective « %s » of the plan is not among the objectives chosen with the priorities"),
			    e->id);
}

/* Priorities are drawn from the constats of the three analyses. */
static void
check_priorities(struct eco_index *x, struct eco_diags *d)
{
	static const char *const analyses[] = {
		"situation", "offre-services", "interventions"
	};
	int seen[3] = { 0, 0, 0 };
	const struct entry *first = find(x, "priorite", NULL);
	size_t i, j;

	if (!first)
		return;
	for (i = 0; i < x->nrefs; i++) {
		const struct entry *r = &x->refs[i], *c;

		if (strcmp(r->kind, "constat") != 0 ||
		    !(c = find(x, "constat", r->id)) || !c->attr)
			continue;
		for (j = 0; j < 3; j++)
			if (strcmp(c->attr, analyses[j]) == 0)
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
	const struct entry *a, *b, *end = x->ids + x->nids;

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
static struct eco_doc **catalogue;
static size_t ncatalogue;
static pthread_once_t catalogue_once = PTHREAD_ONCE_INIT;

static void
read_catalogue(void)
{
	struct eco_limits lim;
	struct eco_diags quiet;
	struct eco_reader *r;
	struct eco_doc *doc, **v;
	const char *buf;
	size_t len;

	if (!(buf = eco_embedded("facteurs.yaml", &len)))
		return;
	eco_limits_default(&lim);
	eco_diags_init(&quiet);
	if ((r = eco_reader_mem(buf, len, CATALOGUE, &lim, &quiet))) {
		while (eco_reader_next(r, &doc) > 0) {
			if (!(v = realloc(catalogue, (ncatalogue + 1) * sizeof *v))) {
				eco_doc_free(doc);
				break;
			}
			catalogue = v;
			catalogue[ncatalogue++] = doc;	/* kept for the process */
		}
		eco_reader_close(r);
	}
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

static void
cycle_objectives(struct eco_index *x)
{
	struct eco_node id;
	size_t i;

	pthread_once(&cycle_once, read_cycle);
	memset(&id, 0, sizeof id);
	id.type = ECO_STR;
	for (i = 0; cycle && i < cycle->nobjectives; i++) {
		id.s = cycle->objectives[i].id;
		id.len = strlen(id.s);
		add_id(x, "objectif-cycle", &id, CATALOGUE, NULL);
	}
}

static void
builtin_factors(struct eco_index *x)
{
	size_t i, j;

	for (i = 0; i < x->nids; i++)
		if (strcmp(x->ids[i].kind, "facteur") == 0)
			return;	/* the project's facteurs.yaml replaces it */
	pthread_once(&catalogue_once, read_catalogue);
	for (i = 0; i < ncatalogue; i++) {
		const struct eco_node *root = catalogue[i]->root;
		const struct eco_node *sf = get(root, "sous_facteurs");

		add_id(x, "facteur", get(root, "id"), CATALOGUE, NULL);
		for (j = 0; sf && sf->type == ECO_SEQ && j < sf->len; j++)
			add_id(x, "facteur", get(sf->u.items[j], "id"), CATALOGUE,
			    NULL);
	}
}

/* The answers compiled together in a session are given the same way. */
static void
check_sessions(struct eco_index *x, struct eco_diags *d)
{
	const struct entry *f, *g, *end = x->ids + x->nids;

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

void
eco_rules_project(struct eco_index *x, struct eco_diags *d)
{
	if (x->oom)
		eco_diag_sys(d, NULL, "%s", _("out of memory while indexing ids"));
	builtin_factors(x);
	cycle_objectives(x);
	build_table(x, d);
	check_refs(x, d);
	check_plan_objectives(x, d);
	check_priorities(x, d);
	check_meetings(x, d);
	check_sessions(x, d);
}
