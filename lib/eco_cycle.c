/*
 * eco_cycle.c - the cycle of the method (Outils 1 and 2), and where a
 * project stands against it.
 *
 * The cycle is data: data/demarche.yaml, compiled into the library and
 * checked against schemas/demarche.schema.json by the tests.  Reading it
 * builds flat arrays of stages, meetings and objectives whose strings
 * point into the document's tree; the arrays come from the document's
 * arena, so one eco_doc_free releases everything.
 *
 * Judging a project runs each objective's test over the project's files,
 * read through eco_project (each once).
 * A condition counts the documents of a file (or of a folder's files)
 * that have the right kind, the right values and the fields filled; it
 * holds when it counts at least its minimum.  The planning objectives,
 * once there is a plan, are its gaps instead (eco_plan_lacks): "complete"
 * has one definition, eco_plan.c's.  The stage rule and the
 * order of the next steps are in eco_state_read and eco_state_next; the
 * man page eco-demarche(1) gives them in words.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

#define CYCLE_FILE "demarche.yaml"

struct project;
/* A computed condition: whether it holds, and if not why (malloc'd). */
struct calcul {
	const char *name;
	int (*holds)(struct project *, char **why);
};
static const struct calcul *calcul_find(const char *name);

/* One condition of a test; a "ou" condition only has any. */
struct cond {
	const char *file, *kind;
	const struct eco_node *egal;	/* mapping of path: value, or NULL */
	const struct eco_node *champs;	/* sequence of paths, or NULL */
	long minimum;
	int held;			/* only meetings held ("tenue") */
	const struct eco_check *any;
	const struct calcul *calcul;	/* a computed condition, or NULL */
};

/* A test: every condition must hold. */
struct eco_check {
	const struct cond *v;
	size_t n;
};

struct eco_cycle_data {
	struct eco_doc *doc;
	const struct eco_node *root;	/* the cycle's document, in doc */
};

/* Reading the cycle. */

struct build {
	struct eco_cycle *c;
	struct eco_arena *a;
	const char *name;
	struct eco_diags *d;
	int bad;
};

static void *
alloc(struct build *b, size_t n)
{
	void *p = eco_arena_alloc(b->a, n ? n : 1);

	if (!p)
		b->bad = -1;
	else
		memset(p, 0, n ? n : 1);
	return p;
}

static void
lacks(struct build *b, const struct eco_node *at, const char *key)
{
	if (b->bad >= 0)
		eco_diag_add(b->d, b->name, at ? at->line : 0, at ? at->col : 0,
		    ECO_SEV_ERROR, "demarche",
		    _("the cycle data lacks « %s » here, or it has the wrong type"),
		    key);
	if (b->bad == 0)
		b->bad = 1;
}

static const char *
text(struct build *b, const struct eco_node *m, const char *key)
{
	const struct eco_node *v = eco_map_get(m, key);

	if (!v || v->type != ECO_STR || !v->len) {
		lacks(b, v ? v : m, key);
		return "";
	}
	return v->s;
}

static long
number(const struct eco_node *m, const char *key)
{
	const struct eco_node *v = eco_map_get(m, key);

	return v && v->type == ECO_INT && v->u.i > 0 && v->u.i < 10000 ?
	    (long)v->u.i : 0;
}

static const struct eco_node *
list(struct build *b, const struct eco_node *m, const char *key, int empty_ok)
{
	const struct eco_node *v = eco_map_get(m, key);

	if (!v || v->type != ECO_SEQ || (!empty_ok && !v->len)) {
		lacks(b, v ? v : m, key);
		return NULL;
	}
	return v;
}

/* The numbers of "outils"; an objective may leave them out. */
static const int *
tools(struct build *b, const struct eco_node *m, size_t *n, int optional)
{
	const struct eco_node *s;
	int *v;
	size_t i;

	*n = 0;
	if (optional && !eco_map_get(m, "outils"))
		return NULL;
	if (!(s = list(b, m, "outils", 1)) ||
	    !(v = alloc(b, s->len * sizeof *v)))
		return NULL;
	for (i = 0; i < s->len; i++) {
		const struct eco_node *x = s->u.items[i];

		if (x->type != ECO_INT || x->u.i < 1 || x->u.i > 13)
			lacks(b, x, "outils");
		else
			v[(*n)++] = (int)x->u.i;
	}
	return v;
}

static const struct eco_check *read_check(struct build *,
    const struct eco_node *);

static void
read_cond(struct build *b, const struct eco_node *m, struct cond *c)
{
	const struct eco_node *ou = eco_map_get(m, "ou"), *v;

	if (m->type != ECO_MAP) {
		lacks(b, m, "fichier");
		return;
	}
	if (ou) {
		if (ou->type != ECO_SEQ || ou->len < 2)
			lacks(b, ou, "ou");
		else
			c->any = read_check(b, ou);
		return;
	}
	if ((v = eco_map_get(m, "calcul"))) {
		if (v->type != ECO_STR || !(c->calcul = calcul_find(v->s)))
			lacks(b, v, "calcul");
		return;
	}
	c->file = text(b, m, "fichier");
	if (eco_map_get(m, "kind"))
		c->kind = text(b, m, "kind");
	if ((c->egal = eco_map_get(m, "egal")) && c->egal->type != ECO_MAP)
		lacks(b, c->egal, "egal");
	if ((c->champs = eco_map_get(m, "champs")) && c->champs->type != ECO_SEQ)
		lacks(b, c->champs, "champs");
	if ((v = eco_map_get(m, "tenue")) && !(c->held = v->type == ECO_BOOL &&
	    v->u.b))
		lacks(b, v, "tenue");
	c->minimum = eco_map_get(m, "minimum") ? number(m, "minimum") : 1;
	if (c->minimum < 1)
		lacks(b, eco_map_get(m, "minimum"), "minimum");
}

static const struct eco_check *
read_check(struct build *b, const struct eco_node *s)
{
	struct eco_check *k = alloc(b, sizeof *k);
	struct cond *v;
	size_t i;

	if (!k || !(v = alloc(b, s->len * sizeof *v)))
		return NULL;
	for (i = 0; i < s->len; i++)
		read_cond(b, s->u.items[i], &v[i]);
	k->v = v;
	k->n = s->len;
	return k;
}

static void
read_objective(struct build *b, const struct eco_node *m,
    struct eco_objective *o)
{
	const struct eco_node *f = list(b, m, "fichiers", 0);
	const struct eco_node *test = list(b, m, "test", 0);
	const char **files;
	size_t i;

	o->id = text(b, m, "id");
	o->label = text(b, m, "libelle");
	o->command = text(b, m, "commande");
	o->done_when = text(b, m, "fait_si");
	o->tools = tools(b, m, &o->ntools, 1);
	if (f && (files = alloc(b, f->len * sizeof *files))) {
		for (i = 0; i < f->len; i++)
			if (f->u.items[i]->type == ECO_STR)
				files[o->nfiles++] = f->u.items[i]->s;
		o->files = files;
	}
	if (test)
		o->check = read_check(b, test);
}

static void
read_meeting(struct build *b, const struct eco_node *m, struct eco_meeting *r)
{
	const struct eco_node *nb = eco_map_get(m, "nombre");

	r->id = text(b, m, "id");
	r->name = text(b, m, "nom");
	r->rule = text(b, m, "regle");
	r->tools = tools(b, m, &r->ntools, 0);
	r->count = (int)number(nb, "fixe");
	r->per_factor = (int)number(nb, "par_facteur");
	r->min = (int)number(nb, "minimum");
	r->per_year = (int)number(nb, "par_annee");
	if (!r->count && !r->per_year && !r->per_factor)
		lacks(b, nb ? nb : m, "nombre");
}

/* Count the meetings and objectives so the arrays are allocated once. */
static void
count(const struct eco_node *etapes, size_t *nm, size_t *no)
{
	size_t i, j;

	*nm = *no = 0;
	for (i = 0; i < etapes->len; i++) {
		const struct eco_node *r = eco_map_get(etapes->u.items[i],
		    "rencontres");

		for (j = 0; r && r->type == ECO_SEQ && j < r->len; j++) {
			const struct eco_node *o = eco_map_get(r->u.items[j],
			    "objectifs");

			(*nm)++;
			if (o && o->type == ECO_SEQ)
				*no += o->len;
		}
	}
}

static void
read_stages(struct build *b, const struct eco_node *etapes)
{
	struct eco_cycle *c = b->c;
	struct eco_stage *st;
	struct eco_meeting *mt;
	struct eco_objective *ob;
	size_t nm, no, i, j, k;

	count(etapes, &nm, &no);
	st = alloc(b, etapes->len * sizeof *st);
	mt = alloc(b, nm * sizeof *mt);
	ob = alloc(b, no * sizeof *ob);
	if (!st || !mt || !ob)
		return;
	c->stages = st, c->meetings = mt, c->objectives = ob;
	for (i = 0; i < etapes->len; i++) {
		const struct eco_node *e = etapes->u.items[i];
		const struct eco_node *rs = list(b, e, "rencontres", 0);
		struct eco_stage *s = &st[c->nstages++];

		s->id = text(b, e, "id");
		s->number = (int)number(e, "numero");
		s->name = text(b, e, "nom");
		s->summary = text(b, e, "resume");
		s->first = c->nmeetings;
		for (j = 0; rs && j < rs->len; j++) {
			const struct eco_node *r = rs->u.items[j];
			const struct eco_node *os = list(b, r, "objectifs", 0);
			struct eco_meeting *m = &mt[c->nmeetings++];

			read_meeting(b, r, m);
			m->stage = s;
			m->first = c->nobjectives;
			for (k = 0; os && k < os->len; k++) {
				struct eco_objective *o = &ob[c->nobjectives];

				read_objective(b, os->u.items[k], o);
				o->meeting = m;
				o->stage = s;
				o->index = c->nobjectives++;
				m->nobjectives++;
			}
			s->nmeetings++;
		}
	}
}

static void
read_tools(struct build *b, const struct eco_node *outils)
{
	struct eco_tool *v = alloc(b, outils->len * sizeof *v);
	size_t i;

	if (!v)
		return;
	for (i = 0; i < outils->len; i++) {
		const struct eco_node *t = outils->u.items[i];

		v[i].number = (int)number(t, "numero");
		v[i].name = text(b, t, "nom");
		v[i].command = text(b, t, "commande");
	}
	b->c->tools = v;
	b->c->ntools = outils->len;
}

/* Ids must be unique: the project's files refer to them. */
static void
check_ids(struct build *b)
{
	const struct eco_cycle *c = b->c;
	size_t i, j;

	for (i = 0; i < c->nobjectives; i++)
		for (j = 0; j < i; j++)
			if (strcmp(c->objectives[i].id, c->objectives[j].id) == 0) {
				eco_diag_add(b->d, b->name, 0, 0, ECO_SEV_ERROR,
				    "demarche",
				    _("objective « %s » is defined twice"),
				    c->objectives[i].id);
				b->bad = 1;
			}
}

/* The cycle whose document is root, in doc (taken over, even on error). */
static struct eco_cycle *
cycle_of(struct eco_doc *doc, const struct eco_node *root, const char *name,
    struct eco_diags *d)
{
	struct eco_cycle *c;
	struct build b;
	const struct eco_node *kind, *etapes, *outils;

	if (!(c = calloc(1, sizeof *c)) ||
	    !(c->data = calloc(1, sizeof *c->data))) {
		free(c);
		eco_doc_free(doc);
		eco_diag_sys(d, name, "%s", strerror(ENOMEM));
		return NULL;
	}
	c->data->doc = doc;
	c->data->root = root;
	memset(&b, 0, sizeof b);
	b.c = c, b.a = doc->arena, b.name = name, b.d = d;
	kind = eco_map_get(root, "kind");
	if (!kind || !eco_scalar_matches(kind, "demarche"))
		lacks(&b, root, "kind: demarche");
	else {
		if ((outils = list(&b, root, "outils", 0)))
			read_tools(&b, outils);
		if ((etapes = list(&b, root, "etapes", 0)))
			read_stages(&b, etapes);
		check_ids(&b);
	}
	if (b.bad) {
		if (b.bad < 0)
			eco_diag_sys(d, name, "%s", strerror(ENOMEM));
		eco_cycle_free(c);
		return NULL;
	}
	return c;
}

struct eco_cycle *
eco_cycle_read(const char *buf, size_t len, const char *name,
    struct eco_diags *d)
{
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc = NULL;
	size_t nerr = d->nerr;

	eco_limits_default(&lim);
	if (!(r = eco_reader_mem(buf, len, name, &lim, d)))
		return NULL;
	if (eco_reader_next(r, &doc) <= 0 || doc->nerr) {
		if (doc || d->nerr == nerr)	/* else the loader said why */
			eco_diag_add(d, name, 0, 0, ECO_SEV_ERROR, "demarche",
			    "%s", _("no cycle in this file"));
		eco_doc_free(doc);
		eco_reader_close(r);
		return NULL;
	}
	eco_reader_close(r);
	return cycle_of(doc, doc->root, name, d);
}

/*
 * The method's own cycle, data/demarche.yaml compiled in (as JSON).
 */
struct eco_cycle *
eco_cycle_load(struct eco_diags *d)
{
	struct eco_doc *doc = eco_embedded_doc("demarche", d);

	if (!doc)
		return NULL;
	if (doc->root->len != 1) {
		eco_doc_free(doc);
		eco_diag_sys(d, CYCLE_FILE, "%s", _("no cycle in this file"));
		return NULL;
	}
	return cycle_of(doc, doc->root->u.items[0], CYCLE_FILE, d);
}

void
eco_cycle_free(struct eco_cycle *c)
{
	if (!c)
		return;
	if (c->data)
		eco_doc_free(c->data->doc);
	free(c->data);
	free(c);
}

const struct eco_node *
eco_cycle_root(const struct eco_cycle *c)
{
	return c->data->root;
}

const struct eco_stage *
eco_cycle_stage(const struct eco_cycle *c, const char *id)
{
	size_t i;

	for (i = 0; id && i < c->nstages; i++)
		if (strcmp(c->stages[i].id, id) == 0)
			return &c->stages[i];
	return NULL;
}

const struct eco_meeting *
eco_cycle_meeting(const struct eco_cycle *c, const char *id)
{
	size_t i;

	for (i = 0; id && i < c->nmeetings; i++)
		if (strcmp(c->meetings[i].id, id) == 0)
			return &c->meetings[i];
	return NULL;
}

const struct eco_objective *
eco_cycle_objective(const struct eco_cycle *c, const char *id)
{
	size_t i;

	for (i = 0; id && i < c->nobjectives; i++)
		if (strcmp(c->objectives[i].id, id) == 0)
			return &c->objectives[i];
	return NULL;
}

const struct eco_tool *
eco_cycle_tool(const struct eco_cycle *c, int number)
{
	size_t i;

	for (i = 0; i < c->ntools; i++)
		if (c->tools[i].number == number)
			return &c->tools[i];
	return NULL;
}

/* Counts beyond these are typing errors, not plans. */
#define MAXFACTORS 100
#define MAXYEARS 20

int
eco_meeting_count(const struct eco_meeting *m, size_t nfactors, size_t nyears)
{
	int n;

	if (nfactors > MAXFACTORS)
		nfactors = MAXFACTORS;
	if (nyears > MAXYEARS)
		nyears = MAXYEARS;
	if (m->count > 0)
		return m->count;
	if (m->per_year > 0)
		return m->per_year * (int)(nyears ? nyears : 1);
	n = m->per_factor * (int)nfactors;
	return n < m->min ? m->min : n;
}

size_t
eco_cycle_slots(const struct eco_cycle *c, size_t nfactors, size_t nyears,
    struct eco_slot *out, size_t cap)
{
	size_t total = 0, i, y;
	int k, n;

	if (nyears > MAXYEARS)
		nyears = MAXYEARS;
	for (i = 0; i < c->nmeetings; i++) {
		const struct eco_meeting *m = &c->meetings[i];

		if (m->per_year)
			continue;
		n = eco_meeting_count(m, nfactors, nyears);
		for (k = 1; k <= n; k++, total++)
			if (total < cap)
				out[total] = (struct eco_slot){ (int)total + 1, m,
				    k, n, 0 };
	}
	/* Regular meetings come year by year, in the order of the cycle. */
	for (y = 1; y <= (nyears ? nyears : 1); y++)
		for (i = 0; i < c->nmeetings; i++) {
			const struct eco_meeting *m = &c->meetings[i];

			for (k = 1; k <= m->per_year; k++, total++)
				if (total < cap)
					out[total] = (struct eco_slot){
					    (int)total + 1, m, k, m->per_year,
					    (int)y };
		}
	return total;
}

/* Where a project stands. */

/* The documents of the files a pattern names, gathered once per state. */
struct files {
	const char *pattern;
	size_t nfiles, ndocs;
	const struct eco_doc **docs;
	const char **rels;		/* each document's file, from the root */
	struct files *next;
};

struct project {
	struct eco_project *p;
	struct files *loaded;
	const struct eco_file **said;	/* files whose problems were told */
	size_t nsaid;
	struct eco_diags *d;
	struct eco_plan *plan;		/* plan.yaml's, once asked for */
	int plan_read;
	int oom;
};

static char *
xprintf(struct project *p, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1))) {
		p->oom = 1;
		return NULL;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* What reading f said goes to the caller, once per file. */
static void
tell(struct project *p, const struct eco_file *f)
{
	const struct eco_file **v;
	size_t i;

	for (i = 0; i < p->nsaid; i++)
		if (p->said[i] == f)
			return;
	if (!(v = realloc(p->said, (p->nsaid + 1) * sizeof *v))) {
		p->oom = 1;
		return;
	}
	p->said = v;
	v[p->nsaid++] = f;
	eco_file_diags(f, p->d);
}

static void
take(struct project *p, struct files *f, const struct eco_file *pf)
{
	const struct eco_doc **v;
	const char **r;
	size_t i;

	f->nfiles++;
	for (i = 0; i < pf->ndocs; i++) {
		if (pf->docs[i]->nerr || !pf->docs[i]->root)
			continue;	/* the loader said why */
		if (!(v = realloc(f->docs, (f->ndocs + 1) * sizeof *v))) {
			p->oom = 1;
			return;
		}
		f->docs = v;
		if (!(r = realloc(f->rels, (f->ndocs + 1) * sizeof *r))) {
			p->oom = 1;
			return;
		}
		f->rels = r;
		f->rels[f->ndocs] = pf->rel;
		f->docs[f->ndocs++] = pf->docs[i];
	}
}

/* The files of pattern ("plan.yaml", "rencontres/r*.yaml"): its folder
 * is read from the project, then matched. */
static struct files *
files_of(struct project *p, const char *pattern)
{
	const char *slash = strrchr(pattern, '/');
	struct files *f;
	char *home;
	size_t i;

	for (f = p->loaded; f; f = f->next)
		if (strcmp(f->pattern, pattern) == 0)
			return f;
	if (!(f = calloc(1, sizeof *f)) ||
	    !(home = slash ? xprintf(p, "%.*s", (int)(slash - pattern + 1),
	    pattern) : xprintf(p, "%s", pattern))) {
		free(f);
		p->oom = 1;
		return NULL;
	}
	f->pattern = pattern;
	f->next = p->loaded;
	p->loaded = f;
	if (eco_project_read(p->p, strpbrk(home, "*?[") ? NULL : home, p->d) < 0)
		p->oom = 1;
	free(home);
	for (i = 0; i < eco_project_nfiles(p->p); i++) {
		const struct eco_file *pf = eco_project_file(p->p, i);

		if (pf->input || fnmatch(pattern, pf->rel, FNM_PATHNAME | FNM_PERIOD))
			continue;
		tell(p, pf);
		if (pf->opened)
			take(p, f, pf);
	}
	return f;
}

static void
free_files(struct files *f)
{
	struct files *next;

	for (; f; f = next) {
		next = f->next;
		free(f->docs);
		free(f->rels);
		free(f);
	}
}

static int
filled(const struct eco_node *n)
{
	if (!n || n->type == ECO_NULL)
		return 0;
	return n->type == ECO_BOOL || n->type == ECO_INT ||
	    n->type == ECO_FLOAT || n->len > 0;
}

static const struct eco_node *
get_n(const struct eco_node *m, const char *key, size_t n)
{
	size_t i;

	if (!m || m->type != ECO_MAP)
		return NULL;
	for (i = 0; i < m->len; i++) {
		const struct eco_node *k = m->u.pairs[i].key;

		if (k->type == ECO_STR && k->len == n && memcmp(k->s, key, n) == 0)
			return m->u.pairs[i].val;
	}
	return NULL;
}

static const char *
id_of(const struct eco_node *n)
{
	const struct eco_node *id = eco_map_get(n, "id");

	return id && id->type == ECO_STR ? id->s : NULL;
}

/* What a field path lacks: the segment, and the innermost item with an
 * id that lacks it (to name it in the message). */
struct miss {
	const char *seg;
	size_t len;
	const struct eco_node *owner;
};

static int
path_filled(const struct eco_node *n, const char *path, const char *prev,
    size_t prevlen, struct miss *m)
{
	const char *dot = strchr(path, '.');
	size_t len = dot ? (size_t)(dot - path) : strlen(path), i;
	const struct eco_node *c, *outer = m->owner;

	if (len == 1 && *path == '*') {
		if (!n || (n->type != ECO_SEQ && n->type != ECO_MAP) || !n->len) {
			m->seg = prev, m->len = prevlen;
			return 0;
		}
		for (i = 0; i < n->len; i++) {
			c = n->type == ECO_SEQ ? n->u.items[i] : n->u.pairs[i].val;
			m->owner = id_of(c) ? c : outer;
			if (dot ? !path_filled(c, dot + 1, prev, prevlen, m) :
			    !filled(c)) {
				if (!dot)
					m->seg = prev, m->len = prevlen;
				return 0;
			}
		}
		m->owner = outer;
		return 1;
	}
	c = get_n(n, path, len);
	if (dot && c)
		return path_filled(c, dot + 1, path, len, m);
	if (!dot && filled(c))
		return 1;
	m->seg = path, m->len = len;
	return 0;
}

static int
value_matches(const struct eco_node *n, const struct eco_node *want)
{
	size_t i;

	if (!n || !want->s)
		return 0;
	if (n->type == ECO_SEQ) {
		for (i = 0; i < n->len; i++)
			if (eco_scalar_matches(n->u.items[i], want->s))
				return 1;
		return 0;
	}
	return eco_scalar_matches(n, want->s);
}

static int
kind_is(const struct eco_node *root, const char *kind)
{
	const struct eco_node *k = eco_map_get(root, "kind");

	return k && k->type == ECO_STR && strcmp(k->s, kind) == 0;
}

/*
 * A meeting was held when its statut says so, or, as eco-rencontre
 * reads it, when a note of the same files names it with presences or
 * decisions (eco-rencontre note appends it to the meeting's file).
 */
static int
held(const struct files *f, const struct eco_node *root)
{
	const struct eco_node *st = eco_map_get(root, "statut");
	const char *id = id_of(root);
	size_t i;

	if (st && eco_scalar_matches(st, "tenue"))
		return 1;
	for (i = 0; id && i < f->ndocs; i++) {
		const struct eco_node *n = f->docs[i]->root;
		const struct eco_node *r = eco_map_get(n, "rencontre");

		if (kind_is(n, "note") && r && r->type == ECO_STR &&
		    strcmp(r->s, id) == 0 && (filled(eco_map_get(n, "presences")) ||
		    filled(eco_map_get(n, "decisions"))))
			return 1;
	}
	return 0;
}

/* The document has the kind and the values the condition asks for. */
static int
selected(const struct cond *c, const struct files *f,
    const struct eco_node *root)
{
	size_t i;

	if (c->kind && !kind_is(root, c->kind))
		return 0;
	if (c->held && !held(f, root))
		return 0;
	for (i = 0; c->egal && i < c->egal->len; i++) {
		const struct eco_pair *pr = &c->egal->u.pairs[i];

		if (pr->key->type != ECO_STR ||
		    !value_matches(eco_node_path(root, pr->key->s), pr->val))
			return 0;
	}
	return 1;
}

/* "statut: tenue, etape: intention" */
static char *
egal_text(struct project *p, const struct eco_node *egal)
{
	char *s = NULL, *t;
	size_t i;

	for (i = 0; i < egal->len; i++) {
		t = xprintf(p, "%s%s%s: %s", s ? s : "", s ? ", " : "",
		    egal->u.pairs[i].key->s, egal->u.pairs[i].val->s);
		free(s);
		if (!(s = t))
			return NULL;
	}
	return s;
}

static char *
lack_text(struct project *p, const char *name, const struct miss *m)
{
	const char *id = id_of(m->owner);

	if (id)
		return xprintf(p, _("%s: « %.*s » is missing for « %s »"), name,
		    (int)m->len, m->seg, id);
	return xprintf(p, _("%s: « %.*s » is missing"), name, (int)m->len,
	    m->seg);
}

static char *
none_text(struct project *p, const struct cond *c)
{
	char *e, *s;

	if (!c->egal || !c->egal->len)
		return c->held ? xprintf(p, _("%s: no meeting held"), c->file) :
		    c->kind ? xprintf(p, _("%s: no « %s » document"), c->file,
		    c->kind) : xprintf(p, _("%s: no document"), c->file);
	if (!(e = egal_text(p, c->egal)))
		return NULL;
	if (c->held)
		s = xprintf(p, _("%s: no meeting held with %s"), c->file, e);
	else if (c->kind)
		s = xprintf(p, _("%s: no « %s » document with %s"), c->file,
		    c->kind, e);
	else
		s = xprintf(p, _("%s: no document with %s"), c->file, e);
	free(e);
	return s;
}

static int cond_holds(struct project *, const struct cond *, char **);

/* One of the alternatives holds; else *why joins what each one lacks. */
static int
any_holds(struct project *p, const struct eco_check *any, char **why)
{
	char *w, *all = NULL, *t;
	size_t i;

	for (i = 0; i < any->n; i++) {
		if (cond_holds(p, &any->v[i], &w)) {
			free(all);
			return 1;
		}
		if (!w || (all && strstr(all, w)))
			free(w);
		else if (!all)
			all = w;
		else {
			t = xprintf(p, _("%s; or %s"), all, w);
			free(all);
			free(w);
			all = t;
		}
	}
	*why = all;
	return 0;
}

/* The first field of c->champs that root lacks, in *m; 0 if none. */
static int
lacks_field(const struct cond *c, const struct eco_node *root, struct miss *m)
{
	size_t j;

	for (j = 0; c->champs && j < c->champs->len; j++) {
		const struct eco_node *path = c->champs->u.items[j];

		memset(m, 0, sizeof *m);
		m->owner = id_of(root) ? root : NULL;
		if (path->type == ECO_STR && !path_filled(root, path->s, "", 0, m))
			return 1;
	}
	return 0;
}

/* Whether c holds; if not, *why says what is missing (malloc'd). */
static int
cond_holds(struct project *p, const struct cond *c, char **why)
{
	struct files *f;
	const char *failed = NULL;
	struct miss m, fm = { NULL, 0, NULL };
	size_t i, n = 0;

	*why = NULL;
	if (c->any)
		return any_holds(p, c->any, why);
	if (c->calcul)
		return c->calcul->holds(p, why);
	if (!(f = files_of(p, c->file)))
		return 0;
	for (i = 0; i < f->ndocs; i++) {
		if (!selected(c, f, f->docs[i]->root))
			continue;
		if (!lacks_field(c, f->docs[i]->root, &m))
			n++;
		else if (!failed) {
			failed = f->rels[i];
			fm = m;
		}
	}
	if (n >= (size_t)c->minimum)
		return 1;
	if (!f->nfiles)
		*why = xprintf(p, _("%s: no file"), c->file);
	else if (!n && failed)
		*why = lack_text(p, failed, &fm);
	else if (!n)
		*why = none_text(p, c);
	else
		*why = xprintf(p, _("%s: %zu documents of kind « %s », %ld wanted"),
		    c->file, n, c->kind ? c->kind : "?", c->minimum);
	return 0;
}

static int
check_holds(struct project *p, const struct eco_check *k, char **why)
{
	size_t i;

	*why = NULL;
	for (i = 0; k && i < k->n; i++)
		if (!cond_holds(p, &k->v[i], why))
			return 0;
	return 1;
}

static int
exists(struct project *p, const struct eco_objective *o)
{
	struct files *f;
	size_t i;

	for (i = 0; i < o->nfiles; i++)
		if ((f = files_of(p, o->files[i])) && f->ndocs)
			return 1;
	return 0;
}

/* Distinct values of key in the project's documents of kind. */
static size_t
distinct(struct project *p, const char *kind, const char *key)
{
	size_t i, j, n = 0, nd;
	const struct eco_doc *const *docs = eco_project_docs(p->p, kind, &nd);

	for (i = 0; docs && i < nd; i++) {
		const struct eco_node *v = eco_map_get(docs[i]->root, key);

		if (!v || v->type != ECO_STR)
			continue;
		for (j = 0; j < i; j++) {
			const struct eco_node *v2 = eco_map_get(docs[j]->root, key);

			if (v2 && v2->type == ECO_STR && strcmp(v->s, v2->s) == 0)
				break;
		}
		n += j == i;
	}
	return n;
}

/* The factors the group retained: those the plan's objectives aim at,
 * or, before it has objectives, those of its priorities. */
static int
eq_str(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static struct eco_plan *plan_of(struct project *);

static size_t
retained_factors(struct project *p)
{
	const struct eco_plan *pl = plan_of(p);
	size_t i, j, n = 0;

	for (i = 0; pl && i < pl->nobjectifs; i++) {
		const char *f = pl->objectifs[i].facteur;

		for (j = 0; f && j < i && !eq_str(pl->objectifs[j].facteur, f); j++)
			;
		n += f && j == i;
	}
	return n ? n : distinct(p, "priorite", "facteur");
}

/* Years the plan covers, a started year counting whole:
 * 2026-09-01 to 2029-06-30 is three years. */
static size_t
plan_years(struct project *p)
{
	size_t i, n;
	const struct eco_doc *const *docs = eco_project_docs(p->p, "plan", &n);
	const struct eco_node *a, *b;
	int y;

	for (i = 0; docs && i < n; i++) {
		a = eco_node_path(docs[i]->root, "periode.debut");
		b = eco_node_path(docs[i]->root, "periode.fin");
		if (!a || !b || a->type != ECO_STR || b->type != ECO_STR ||
		    !eco_format_date(a->s, a->len) ||
		    !eco_format_date(b->s, b->len) || strcmp(a->s, b->s) > 0)
			continue;
		y = atoi(b->s) - atoi(a->s);
		if (strcmp(b->s + 5, a->s + 5) >= 0)
			y++;
		return y > 0 ? (size_t)y : 1;
	}
	return 0;
}

/*
 * The stage: the latest one where some objective is done; once all of
 * its objectives are, the next one.  Nothing done yet: the first.
 */
static void
find_stage(struct eco_state *st)
{
	const struct eco_cycle *c = st->cycle;
	size_t i, last = 0, done = 0, all = 0;
	int any = 0;

	for (i = 0; i < c->nobjectives; i++)
		if (st->objectives[i].progress == ECO_PROGRESS_DONE) {
			last = (size_t)(c->objectives[i].stage - c->stages);
			any = 1;
		}
	st->stage = c->nstages ? &c->stages[0] : NULL;
	if (!any)
		return;
	for (i = 0; i < c->nobjectives; i++)
		if ((size_t)(c->objectives[i].stage - c->stages) == last) {
			all++;
			done += st->objectives[i].progress == ECO_PROGRESS_DONE;
		}
	if (done == all && last + 1 < c->nstages)
		last++;
	st->stage = &c->stages[last];
}

static const char *day_of(struct project *p, char *buf);
static const struct eco_doc *const *evals_of(struct project *p, size_t *n);

/* The decisions of the evaluations on the day, in the plan's actions. */
static void
apply_decisions(struct project *p)
{
	const struct eco_doc *const *ev;
	char buf[ECO_DATE_BUFSZ];
	const char *day;
	size_t n;

	ev = evals_of(p, &n);
	if ((day = day_of(p, buf)) &&
	    eco_evaluation_apply(p->plan, ev, n, day) < 0)
		p->oom = 1;
}

/* The plan of the project's plan.yaml, read once, the evaluations'
 * decisions applied; NULL when it holds no plan document. */
static struct eco_plan *
plan_of(struct project *p)
{
	struct files *f;
	size_t i;

	if (p->plan_read)
		return p->plan;
	p->plan_read = 1;
	if (!(f = files_of(p, eco_kind_find("plan")->home)))
		return NULL;
	for (i = 0; i < f->ndocs && !p->oom; i++) {
		if (!kind_is(f->docs[i]->root, "plan"))
			continue;
		if ((!p->plan && !(p->plan = eco_plan_new())) ||
		    eco_plan_add_doc(p->plan, f->docs[i]) < 0)
			p->oom = 1;
	}
	if (p->plan && !p->oom)
		apply_decisions(p);
	return p->plan;
}

/*
 * Computed conditions: what eco-suivi computes, on the day the state is
 * read (day_of), from plan.yaml and suivis/.  "suivis-recus": at least one
 * follow-up answers a date of the calendars and every date passed has
 * its follow-up; "ajustements-suivis": some follow-up notes an
 * adjustment and none proposed was left without a decision after the
 * action's next follow-up date.
 */
static const struct eco_doc *const *
suivis_of(struct project *p, size_t *n)
{
	struct files *f = files_of(p, "suivis/*.yaml");

	*n = f ? f->ndocs : 0;
	return f ? f->docs : NULL;
}

static const struct eco_doc *const *
evals_of(struct project *p, size_t *n)
{
	struct files *f = files_of(p, "evaluations/*.yaml");

	*n = f ? f->ndocs : 0;
	return f ? f->docs : NULL;
}

/* The day the state is read: today, or the date of the latest
 * follow-up or evaluation when it is later (a project whose records run
 * ahead of the clock, as the demonstration's do), in buf.  NULL when the
 * clock fails. */
static const char *
day_of(struct project *p, char *buf)
{
	const struct eco_doc *const *v;
	char other[ECO_DATE_BUFSZ];
	size_t n;

	v = suivis_of(p, &n);
	if (!eco_records_day(v, n, buf))
		return NULL;
	v = evals_of(p, &n);
	if (eco_records_day(v, n, other) && strcmp(other, buf) > 0)
		memcpy(buf, other, sizeof other);
	return buf;
}

static int
suivis_recus(struct project *p, char **why)
{
	struct eco_plan *pl = plan_of(p);
	const struct eco_doc *const *v;
	struct eco_due *due = NULL;
	char today[ECO_DATE_BUFSZ];
	const char *day;
	size_t n, nd = 0, i, miss = 0, got = 0;

	v = suivis_of(p, &n);
	if (pl && (day = day_of(p, today)))
		due = eco_suivi_dues(pl, v, n, day, &nd);
	if (nd == (size_t)-1) {
		p->oom = 1;
		return 0;
	}
	for (i = 0; i < nd; i++)
		if (due[i].suivi)
			got++;
		else if (!miss++)
			*why = xprintf(p, _("%s: the follow-up of %s due on %s "
			    "is missing (eco-suivi a-faire lists them)"),
			    "suivis/", pl->actions[due[i].action].id,
			    due[i].date);
	free(due);
	if (miss > 1) {
		free(*why);
		*why = xprintf(p, _("%s: %zu follow-ups due are missing "
		    "(eco-suivi a-faire lists them)"), "suivis/", miss);
	}
	if (!miss && !got)
		*why = xprintf(p, pl ? _("%s: no follow-up answers a date of "
		    "the plan's calendars yet") : _("%s: no plan to follow"),
		    "suivis/");
	return !miss && got;
}

static int
ajustements_suivis(struct project *p, char **why)
{
	struct eco_plan *pl = plan_of(p);
	const struct eco_doc *const *v;
	struct eco_ajustement *a = NULL;
	char today[ECO_DATE_BUFSZ];
	const char *day;
	size_t n, na = 0, i, stale = 0;

	v = suivis_of(p, &n);
	if (pl && (day = day_of(p, today)))
		a = eco_suivi_ajustements(pl, v, n, day, &na);
	if (na == (size_t)-1) {
		p->oom = 1;
		return 0;
	}
	for (i = 0; i < na; i++)
		stale += a[i].stale;
	free(a);
	if (!na)
		*why = xprintf(p, _("%s: no follow-up notes an adjustment"),
		    "suivis/");
	else if (stale)
		*why = xprintf(p, dngettext(ECO_DOMAIN, "%s: %zu adjustment "
		    "proposed was "
		    "never taken up (eco-suivi retards lists it)", "%s: %zu "
		    "adjustments proposed were never taken up (eco-suivi "
		    "retards lists them)", stale), "suivis/", stale);
	return na && !stale;
}

/*
 * What eco-evaluation computes, on the same day: "mesures-relevees": an
 * evaluation measures an indicator and none is past its deadline without
 * a measure; "decisions-prises": every action of an objective evaluated
 * has a decision; "pertinence-questionnee": the latest evaluation of each
 * objective evaluated answers the three questions of relevance;
 * "plan-revise": there are evaluations and the plan does everything they
 * ask (eco-evaluation revision finds nothing).
 */
static int
mesures_relevees(struct project *p, char **why)
{
	struct eco_plan *pl = plan_of(p);
	const struct eco_doc *const *ev;
	struct eco_resultats *rs;
	char today[ECO_DATE_BUFSZ];
	const char *day, *first = NULL, *when = NULL;
	size_t n, i, got = 0, late = 0;

	ev = evals_of(p, &n);
	if (!pl || !(day = day_of(p, today))) {
		*why = xprintf(p, _("%s: no plan to evaluate"), "plan.yaml");
		return 0;
	}
	if (!(rs = eco_resultats_new(pl, ev, n, day))) {
		p->oom = 1;
		return 0;
	}
	for (i = 0; i < rs->n; i++) {
		got += rs->v[i].nmesures > 0;
		if (rs->v[i].en_retard && !late++) {
			first = rs->v[i].x->id;
			when = rs->v[i].x->echeance_eff;
		}
	}
	if (late)
		*why = xprintf(p, dngettext(ECO_DOMAIN, "%s: the deadline of %s "
		    "(%s) passed without a measure (eco-evaluation mesures shows "
		    "it)", "%s: the deadline of %s (%s) and %zu more passed "
		    "without a measure (eco-evaluation mesures shows them)", late),
		    "evaluations/", first, when, late - 1);
	else if (!got)
		*why = xprintf(p, _("%s: no evaluation measures an indicator of "
		    "the plan yet"), "evaluations/");
	eco_resultats_free(rs);
	return got && !late;
}

static int
decisions_prises(struct project *p, char **why)
{
	struct eco_plan *pl = plan_of(p);
	const struct eco_doc *const *ev;
	char today[ECO_DATE_BUFSZ];
	const char *day;
	size_t n, i, undecided, decided = 0;

	ev = evals_of(p, &n);
	if (!pl || !(day = day_of(p, today))) {
		*why = xprintf(p, _("%s: no plan to evaluate"), "plan.yaml");
		return 0;
	}
	for (i = 0; i < pl->nactions; i++)
		decided += pl->actions[i].decision != NULL;
	undecided = eco_evaluation_undecided(pl, ev, n, day, NULL, 0);
	if (undecided)
		*why = xprintf(p, dngettext(ECO_DOMAIN, "%s: %zu action of the "
		    "objectives evaluated has no decision (eco-evaluation "
		    "decisions names it)", "%s: %zu actions of the objectives "
		    "evaluated have no decision (eco-evaluation decisions names "
		    "them)", undecided), "evaluations/", undecided);
	else if (!decided)
		*why = xprintf(p, _("%s: no evaluation decides on an action "
		    "yet"), "evaluations/");
	return decided && !undecided;
}

static int
pertinence_questionnee(struct project *p, char **why)
{
	static const char *const keys[] = { "transformation", "facteur",
	    "objectif" };
	struct eco_plan *pl = plan_of(p);
	const struct eco_doc *const *ev;
	const struct eco_doc *e;
	char today[ECO_DATE_BUFSZ];
	const char *day;
	size_t n, i, s, k, seen = 0, open = 0;

	ev = evals_of(p, &n);
	if (!pl || !(day = day_of(p, today))) {
		*why = xprintf(p, _("%s: no plan to evaluate"), "plan.yaml");
		return 0;
	}
	for (i = 0; i < pl->nobjectifs; i++)
		for (s = 0; s <= ECO_NSYS; s++) {
			if (!(e = eco_evaluation_latest(ev, n, pl->objectifs[i].id,
			    s < ECO_NSYS ? eco_systemes[s] : NULL, "questions",
			    day)))
				continue;
			seen++;
			for (k = 0; k < 3; k++)
				if (!eco_map_get(eco_map_get(e->root, "questions"),
				    keys[k]) && !open++)
					*why = xprintf(p, _("%s: evaluation %s does "
					    "not say whether its %s is still the "
					    "right choice (eco-evaluation bilan "
					    "shows the answers)"), e->file,
					    eco_map_str(e->root, "id"), keys[k]);
		}
	if (!seen)
		*why = xprintf(p, _("%s: no evaluation yet"), "evaluations/");
	return seen && !open;
}

static int
plan_revise(struct project *p, char **why)
{
	struct eco_plan *pl = plan_of(p);
	const struct eco_doc *const *ev;
	struct eco_diags d;
	char today[ECO_DATE_BUFSZ];
	const char *day, *d0;
	size_t n, i, left;

	ev = evals_of(p, &n);
	if (!pl || !(day = day_of(p, today))) {
		*why = xprintf(p, _("%s: no plan to evaluate"), "plan.yaml");
		return 0;
	}
	for (i = 0; i < n; i++)
		if ((d0 = eco_map_date(ev[i]->root, "date")) &&
		    strcmp(d0, day) <= 0)
			break;
	if (i == n) {
		*why = xprintf(p, _("%s: no evaluation yet"), "evaluations/");
		return 0;
	}
	eco_diags_init(&d);
	left = eco_evaluation_revision(pl, ev, n, day, &d);
	eco_diags_free(&d);
	if (left)
		*why = xprintf(p, dngettext(ECO_DOMAIN, "%s: %zu change asked by "
		    "the evaluations is not made (eco-evaluation revision says "
		    "where)", "%s: %zu changes asked by the evaluations are not "
		    "made (eco-evaluation revision says where)", left),
		    "plan.yaml", left);
	return !left;
}

static const struct calcul calculs[] = {
	{ "suivis-recus", suivis_recus },
	{ "ajustements-suivis", ajustements_suivis },
	{ "mesures-relevees", mesures_relevees },
	{ "decisions-prises", decisions_prises },
	{ "pertinence-questionnee", pertinence_questionnee },
	{ "plan-revise", plan_revise },
};

static const struct calcul *
calcul_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof calculs / sizeof *calculs; i++)
		if (strcmp(calculs[i].name, name) == 0)
			return &calculs[i];
	return NULL;
}

/* Whether o is an objective the plan's completeness stands for. */
static int
of_the_plan(const struct eco_objective *o)
{
	size_t i;

	for (i = 0; eco_plan_objectives[i]; i++)
		if (strcmp(eco_plan_objectives[i], o->id) == 0)
			return 1;
	return 0;
}

/*
 * The planning objectives are the plan's gaps (eco_plan_lacks), the one
 * judgement eco-plan verifie makes too; before there is a plan, their
 * tests say what is missing.  *why: the first gap, or NULL.
 */
static int
holds(struct project *p, const struct eco_objective *o, char **why)
{
	struct eco_plan *plan;
	struct eco_diags gaps;
	size_t n;

	if (!of_the_plan(o) || !(plan = plan_of(p)))
		return check_holds(p, o->check, why);
	*why = NULL;
	eco_diags_init(&gaps);
	if ((n = eco_plan_lacks(plan, o->id, &gaps)) && gaps.n)
		/* TRANSLATORS: a file, then what is missing in it */
		*why = xprintf(p, _("%s: %s"), eco_kind_find("plan")->home,
		    gaps.v[0].msg);
	eco_diags_free(&gaps);
	return n == 0;
}

static void
judge(struct project *p, struct eco_state *st)
{
	const struct eco_cycle *c = st->cycle;
	size_t i;

	for (i = 0; i < c->nobjectives; i++) {
		struct eco_objective_state *s = &st->objectives[i];
		char *why;

		s->objective = &c->objectives[i];
		if (holds(p, s->objective, &why)) {
			s->progress = ECO_PROGRESS_DONE;
			st->ndone++;
			continue;
		}
		s->progress = exists(p, s->objective) ? ECO_PROGRESS_STARTED :
		    ECO_PROGRESS_MISSING;
		s->missing = why;
		if (!why)
			p->oom = 1;
	}
}

struct eco_state *
eco_state_read(const struct eco_cycle *c, const char *root,
    struct eco_diags *d)
{
	struct eco_project *p = eco_project_at(root, d);
	struct eco_state *st = p ? eco_state_of(c, p, d) : NULL;

	eco_project_close(p);
	return st;
}

struct eco_state *
eco_state_of(const struct eco_cycle *c, struct eco_project *pr,
    struct eco_diags *d)
{
	struct eco_state *st;
	struct project p;

	memset(&p, 0, sizeof p);
	p.p = pr;
	p.d = d;
	if (!(st = calloc(1, sizeof *st)) ||
	    !(st->objectives = calloc(c->nobjectives ? c->nobjectives : 1,
	    sizeof *st->objectives))) {
		free(st);
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	st->cycle = c;
	judge(&p, st);
	st->nfactors = retained_factors(&p);
	st->nyears = plan_years(&p);
	find_stage(st);
	st->complete = st->ndone == c->nobjectives;
	free_files(p.loaded);
	free(p.said);
	eco_plan_free(p.plan);
	if (p.oom) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		eco_state_free(st);
		return NULL;
	}
	return st;
}

void
eco_state_free(struct eco_state *st)
{
	size_t i;

	if (!st)
		return;
	for (i = 0; i < st->cycle->nobjectives; i++)
		free(st->objectives[i].missing);
	free(st->objectives);
	free(st);
}

size_t
eco_state_next(const struct eco_state *st, const struct eco_objective **out,
    size_t n)
{
	const struct eco_cycle *c = st->cycle;
	size_t cur = (size_t)(st->stage - c->stages), i, k = 0;
	int pass;

	/* this stage, then the gaps behind it, then what comes after */
	for (pass = 0; pass < 3; pass++)
		for (i = 0; i < c->nobjectives && k < n; i++) {
			size_t s = (size_t)(c->objectives[i].stage - c->stages);

			if (st->objectives[i].progress == ECO_PROGRESS_DONE ||
			    (pass == 0 && s != cur) || (pass == 1 && s >= cur) ||
			    (pass == 2 && s <= cur))
				continue;
			out[k++] = &c->objectives[i];
		}
	return k;
}
