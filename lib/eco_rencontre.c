/*
 * eco_rencontre.c - the meetings of a project, their notes and to-dos
 * (eco-rencontre).
 *
 * A meeting is a rencontre document a person writes; eco-rencontre adds
 * to it only notes (kind: note), appended after it in its file, which
 * name it by id.  So a meeting is read with its notes: a to-do is
 * decided in either, and is open until its own "fait: true" or a note
 * that names it in faites.  The cycle's slots (eco_cycle_slots) number
 * the meetings a project should have; a meeting without a file still
 * has an agenda, from its slot.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

static int
is_kind(const struct eco_node *root, const char *kind)
{
	const char *k = eco_map_str(root, "kind");

	return k && strcmp(k, kind) == 0;
}

static long
numero_of(const struct eco_node *root)
{
	const struct eco_node *n = eco_map_get(root, "numero");

	return n && n->type == ECO_INT && !(n->flags & ECO_F_BIG) &&
	    n->u.i > 0 && n->u.i <= LONG_MAX ? (long)n->u.i : 0;
}

static int
by_numero(const void *a, const void *b)
{
	const struct eco_rencontre *x = a, *y = b;

	if (x->numero != y->numero)
		return x->numero < y->numero ? -1 : 1;
	return strcmp(x->file, y->file);
}

const struct eco_rencontre *
eco_rencontres_numero(const struct eco_rencontres *rs, long numero)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (rs->v[i].numero == numero)
			return &rs->v[i];
	return NULL;
}

const struct eco_rencontre *
eco_rencontres_id(const struct eco_rencontres *rs, const char *id)
{
	size_t i;

	for (i = 0; id && i < rs->n; i++)
		if (rs->v[i].id && strcmp(rs->v[i].id, id) == 0)
			return &rs->v[i];
	return NULL;
}

const struct eco_slot *
eco_rencontres_slot(const struct eco_rencontres *rs, long numero)
{
	return numero >= 1 && (size_t)numero <= rs->nslots ?
	    &rs->slots[numero - 1] : NULL;
}

const struct eco_tache *
eco_rencontres_tache(const struct eco_rencontres *rs, const char *id)
{
	size_t i;

	for (i = 0; id && i < rs->ntaches; i++)
		if (strcmp(rs->taches[i].id, id) == 0)
			return &rs->taches[i];
	return NULL;
}

/* Reading. */

/* Attach each note to the meeting it names; 0, or -1 out of memory. */
static int
attach_notes(struct eco_rencontres *rs, const struct eco_doc *const *docs,
    size_t n)
{
	struct eco_rencontre *m;
	const struct eco_node **v;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_kind(docs[i]->root, "note") ||
		    !(m = (struct eco_rencontre *)eco_rencontres_id(rs,
		    eco_map_str(docs[i]->root, "rencontre"))))
			continue;
		if (!(v = realloc(m->notes, (m->nnotes + 1) * sizeof *v)))
			return -1;
		m->notes = v;
		v[m->nnotes++] = docs[i]->root;
	}
	return 0;
}

static int
held(const struct eco_rencontre *m)
{
	const char *st = eco_map_str(m->root, "statut");
	size_t i;

	if (st && (strcmp(st, "tenue") == 0 || strcmp(st, "annulee") == 0))
		return 1;
	for (i = 0; i < m->nnotes; i++)
		if (eco_map_get(m->notes[i], "presences") ||
		    eco_map_get(m->notes[i], "decisions"))
			return 1;
	return 0;
}

/* The to-dos of list, set at meeting m; 0, or -1 out of memory. */
static int
add_taches(struct eco_rencontres *rs, const struct eco_node *list,
    const struct eco_rencontre *m)
{
	struct eco_tache *v;
	size_t i;

	for (i = 0; list && list->type == ECO_SEQ && i < list->len; i++) {
		const struct eco_node *t = list->u.items[i];

		if (!eco_map_str(t, "id"))
			continue;
		if (!(v = realloc(rs->taches, (rs->ntaches + 1) * sizeof *v)))
			return -1;
		rs->taches = v;
		v[rs->ntaches++] = (struct eco_tache){ t, eco_map_str(t, "id"), m,
		    eco_map_bool(t, "fait", 0) };
	}
	return 0;
}

/* Every note's faites, whatever meeting it names, marks to-dos done. */
static int
gather_taches(struct eco_rencontres *rs, const struct eco_doc *const *docs,
    size_t n)
{
	size_t i, j;

	for (i = 0; i < rs->n; i++) {
		if (add_taches(rs, eco_map_seq(rs->v[i].root, "a_faire"),
		    &rs->v[i]) < 0)
			return -1;
		for (j = 0; j < rs->v[i].nnotes; j++)
			if (add_taches(rs, eco_map_seq(rs->v[i].notes[j], "a_faire"),
			    &rs->v[i]) < 0)
				return -1;
	}
	for (i = 0; i < n; i++)
		for (j = 0; is_kind(docs[i]->root, "note") && j < rs->ntaches; j++)
			if (eco_seq_has(eco_map_seq(docs[i]->root, "faites"),
			    rs->taches[j].id))
				rs->taches[j].done = 1;
	return 0;
}

static int
make_slots(struct eco_rencontres *rs, size_t nfactors, size_t nyears)
{
	size_t k;

	if (!rs->cycle)
		return 0;
	k = eco_cycle_slots(rs->cycle, nfactors, nyears, NULL, 0);
	if (!(rs->slots = calloc(k ? k : 1, sizeof *rs->slots)))
		return -1;
	rs->nslots = eco_cycle_slots(rs->cycle, nfactors, nyears, rs->slots, k);
	return 0;
}

struct eco_rencontres *
eco_rencontres_new(const struct eco_cycle *c, const struct eco_doc *const *docs,
    size_t n, size_t nfactors, size_t nyears)
{
	struct eco_rencontres *rs = calloc(1, sizeof *rs);
	size_t i;

	if (!rs || !(rs->v = calloc(n ? n : 1, sizeof *rs->v)))
		goto oom;
	rs->cycle = c;
	for (i = 0; i < n; i++)
		if (is_kind(docs[i]->root, "rencontre") && numero_of(docs[i]->root))
			rs->v[rs->n++] = (struct eco_rencontre){ docs[i]->root,
			    docs[i]->file, numero_of(docs[i]->root),
			    eco_map_str(docs[i]->root, "id"), NULL, 0, 0 };
	qsort(rs->v, rs->n, sizeof *rs->v, by_numero);
	if (attach_notes(rs, docs, n) < 0 || gather_taches(rs, docs, n) < 0 ||
	    make_slots(rs, nfactors, nyears) < 0)
		goto oom;
	for (i = 0; i < rs->n; i++)
		rs->v[i].held = held(&rs->v[i]);
	return rs;
oom:
	eco_rencontres_free(rs);
	return NULL;
}

struct eco_rencontres *
eco_rencontres_read(struct eco_project *p, const struct eco_state *st,
    struct eco_diags *d)
{
	const struct eco_doc *const *m, *const *notes;
	const struct eco_doc **all;
	struct eco_rencontres *rs = NULL;
	size_t nm, nn;

	m = eco_project_docs(p, "rencontre", &nm);
	notes = eco_project_docs(p, "note", &nn);
	if (m && notes && (all = calloc(nm + nn + 1, sizeof *all))) {
		memcpy(all, m, nm * sizeof *all);
		memcpy(all + nm, notes, nn * sizeof *all);
		rs = eco_rencontres_new(st ? st->cycle : NULL, all, nm + nn,
		    st ? st->nfactors : 0, st ? st->nyears : 0);
		free(all);
	}
	if (!rs)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	return rs;
}

void
eco_rencontres_free(struct eco_rencontres *rs)
{
	size_t i;

	if (!rs)
		return;
	for (i = 0; rs->v && i < rs->n; i++)
		free(rs->v[i].notes);
	free(rs->v);
	free(rs->taches);
	free(rs->slots);
	free(rs);
}

long
eco_rencontres_next(const struct eco_rencontres *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (!rs->v[i].held)
			return rs->v[i].numero;
	for (i = 0; i < rs->nslots; i++)
		if (!eco_rencontres_numero(rs, rs->slots[i].number))
			return rs->slots[i].number;
	return 0;
}

const char *
eco_rencontre_status(const char *s)
{
	return !s ? NULL : strcmp(s, "prevue") == 0 ? _("planned") :
	    strcmp(s, "tenue") == 0 ? _("held") :
	    strcmp(s, "reportee") == 0 ? _("postponed") :
	    strcmp(s, "annulee") == 0 ? _("cancelled") : s;
}

char *
eco_slot_title(const struct eco_slot *s, char *buf, size_t cap)
{
	const char *name = s->meeting->name;

	if (s->year && s->of > 1)
		snprintf(buf, cap, _("%s, year %d (%d of %d)"), name, s->year,
		    s->nth, s->of);
	else if (s->year)
		snprintf(buf, cap, _("%s, year %d"), name, s->year);
	else if (s->of > 1)
		snprintf(buf, cap, _("%s (%d of %d)"), name, s->nth, s->of);
	else
		snprintf(buf, cap, "%s", name);
	return buf;
}

/* planifie */

/* Whether the project read the file rel (from the root). */
static int
has_file(struct eco_project *p, const char *rel)
{
	size_t i;

	for (i = 0; p && i < eco_project_nfiles(p); i++)
		if (!eco_project_file(p, i)->input &&
		    strcmp(eco_project_file(p, i)->rel, rel) == 0)
			return 1;
	return 0;
}

/* A file from the root as messages name it. */
static const char *
named(struct eco_project *p, const char *rel, char *buf, size_t cap)
{
	const char *dir = p ? eco_project_dir(p) : NULL;

	if (!dir || strcmp(dir, ".") == 0)
		return rel;
	snprintf(buf, cap, "%s/%s", dir, rel);
	return buf;
}

/* "1-13, 15": the meetings of v that are there, in a note. */
static void
say_kept(const struct eco_schedule *v, size_t nv, struct eco_diags *d)
{
	struct eco_buf b = ECO_BUF_INIT;
	size_t i, j, n = 0;

	for (i = 0; i < nv; i = j + 1) {
		for (j = i; j < nv && v[j].rencontre; j++)
			;
		if (j > i)
			eco_buf_printf(&b, j - i > 1 ? "%s%d-%d" : "%s%d",
			    n ? ", " : "", v[i].slot->number, v[j - 1].slot->number);
		n += j - i;
	}
	if (n)
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_NOTE, NULL,
		    dngettext(ECO_DOMAIN,
		    "%zu meeting is already there, left as it is: %s",
		    "%zu meetings are already there, left as they are: %s", n), n,
		    b.s ? b.s : "");
	eco_buf_free(&b);
}

/* The months eco.yaml's rules leave without meetings (bit m for month
 * m): mois_sans_rencontre, July and August when it is not said. */
static unsigned
months_off(struct eco_project *p)
{
	const struct eco_doc *const *v;
	const struct eco_node *r, *m;
	unsigned off = 0;
	size_t n, i;

	v = p ? eco_project_docs(p, "regroupement", &n) : NULL;
	r = v && n ? eco_map_mapping(v[0]->root, "regles_fonctionnement") : NULL;
	if (!(m = r ? eco_map_seq(r, "mois_sans_rencontre") : NULL))
		return 1u << 7 | 1u << 8;
	for (i = 0; i < m->len; i++)
		if (m->u.items[i]->type == ECO_INT && m->u.items[i]->u.i >= 1 &&
		    m->u.items[i]->u.i <= 12)
			off |= 1u << m->u.items[i]->u.i;
	return off;
}

/* Whether a meeting may fall on day: not in a month off, not from
 * December 24 to January 2. */
static int
day_ok(const char *day, unsigned off)
{
	int y, m, d;

	if (eco_date_ymd(day, &y, &m, &d) < 0)
		return 1;
	if ((m == 12 && d >= 24) || (m == 1 && d <= 2))
		return 0;
	return !(off & (1u << m));
}

/* day, or the first day after it, a week at a time, that day_ok takes;
 * 0, or -1 past the year 9999. */
static int
next_ok(char *day, unsigned off)
{
	int k;

	for (k = 0; k < 60 && !day_ok(day, off); k++)
		if (!eco_date_add(day, 7, day))
			return -1;
	return 0;
}

/*
 * The meetings there whose stage is no longer that of their number in
 * the cycle (the cycle grew: the priorities retained more factors than
 * it counted): said, each, with what to do.  How many.
 */
static size_t
say_moved(struct eco_schedule *v, size_t n, struct eco_diags *d)
{
	size_t i, bad = 0;

	for (i = 0; i < n; i++) {
		const char *et = v[i].rencontre ?
		    eco_map_str(v[i].rencontre->root, "etape") : NULL;
		size_t j;

		if (!et || strcmp(et, v[i].slot->meeting->stage->id) == 0)
			continue;
		bad++;
		for (j = 0; j < n; j++)	/* the stage's name */
			if (strcmp(v[j].slot->meeting->stage->id, et) == 0) {
				et = v[j].slot->meeting->stage->name;
				break;
			}
		eco_diag_add(d, v[i].rencontre->file, v[i].rencontre->root->line,
		    v[i].rencontre->root->col, ECO_SEV_ERROR, NULL,
		    v[i].rencontre->held ?
		    _("meeting %d is of the stage « %s », but the cycle now has a meeting of the stage « %s » at that number: it has more meetings than when this one was written (more retained factors); number the later meetings again by hand") :
		    _("meeting %d is of the stage « %s », but the cycle now has a meeting of the stage « %s » at that number: it has more meetings than when this one was written (more retained factors); this meeting is not held yet: move it and those after it out of rencontres/, then plan again"),
		    v[i].slot->number, et, v[i].slot->meeting->stage->name);
	}
	return bad;
}

struct eco_schedule *
eco_rencontres_schedule(const struct eco_rencontres *rs, struct eco_project *p,
    const char *debut, int weeks, size_t *n, struct eco_diags *d)
{
	struct eco_schedule *v = calloc(rs->nslots + 1, sizeof *v), *e;
	char name[PATH_MAX], day[ECO_DATE_BUFSZ] = "", last[ECO_DATE_BUFSZ] = "";
	unsigned off = months_off(p);
	long lastnum = 0;
	size_t i;

	*n = 0;
	if (!v) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	for (i = 0; i < rs->nslots; i++) {
		e = &v[i];
		e->cycle = rs->cycle;
		e->slot = &rs->slots[i];
		snprintf(e->id, sizeof e->id, "r%02d", e->slot->number);
		snprintf(e->file, sizeof e->file, "rencontres/r%02d.yaml",
		    e->slot->number);
		e->rencontre = eco_rencontres_numero(rs, e->slot->number);
	}
	if (say_moved(v, rs->nslots, d)) {
		free(v);
		return NULL;
	}
	for (i = 0; i < rs->nslots; i++) {
		const char *at;

		e = &v[i];
		if (e->rencontre) {
			at = eco_map_text(e->rencontre->root, "date");
			if (at && strlen(at) < sizeof last) {
				snprintf(last, sizeof last, "%s", at);
				lastnum = e->slot->number;
			}
			continue;
		}
		if ((e->taken = has_file(p, e->file) || eco_rencontres_id(rs, e->id))) {
			eco_diag_add(d, named(p, e->file, name, sizeof name), 0, 0,
			    ECO_SEV_NOTE, NULL, _("the file or the id %s is taken, by "
			    "no meeting %d; left as it is"), e->id, e->slot->number);
			continue;
		}
		/* the first new one on debut, then every weeks weeks */
		if (!day[0])
			snprintf(day, sizeof day, "%s", debut);
		else if (!eco_date_add(day, 7L * weeks, day))
			goto late;
		if (next_ok(day, off) < 0)
			goto late;
		if (last[0] && strcmp(day, last) <= 0) {
			eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
			    _("meeting %d would fall on %s, not after meeting %ld (%s): give a --debut after %s"),
			    e->slot->number, day, lastnum, last, last);
			free(v);
			return NULL;
		}
		snprintf(e->date, sizeof e->date, "%s", day);
	}
	*n = rs->nslots;
	say_kept(v, *n, d);
	return v;
late:
	eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
	    _("meeting %d would fall after the year 9999"), e->slot->number);
	free(v);
	return NULL;
}

/* The ids of a meeting's objectives in the cycle, and its outils. */
static struct eco_node *
cycle_lists(struct eco_doc *doc, const struct eco_cycle *c,
    const struct eco_meeting *m, struct eco_node **tools)
{
	struct eco_node *obj = eco_node_seq(doc);
	size_t i;

	*tools = eco_node_seq(doc);
	for (i = 0; obj && i < m->nobjectives; i++)
		if (eco_seq_push(doc, obj,
		    eco_node_str(doc, c->objectives[m->first + i].id)) < 0)
			return NULL;
	for (i = 0; *tools && i < m->ntools; i++)
		if (eco_seq_push(doc, *tools, eco_node_int(doc, m->tools[i])) < 0)
			return NULL;
	return *tools ? obj : NULL;
}

struct eco_doc *
eco_rencontre_new(const struct eco_cycle *c, const struct eco_slot *s,
    const char *id, const char *date)
{
	struct eco_doc *doc = eco_doc_new(NULL);
	struct eco_node *r = doc ? eco_node_map(doc) : NULL, *obj, *tools;
	char title[256];

	if (!r || !(obj = cycle_lists(doc, c, s->meeting, &tools)) ||
	    eco_map_put(doc, r, "kind", eco_node_str(doc, "rencontre")) < 0 ||
	    eco_map_put(doc, r, "version", eco_node_int(doc, 1)) < 0 ||
	    eco_map_put(doc, r, "id", eco_node_str(doc, id)) < 0 ||
	    eco_map_put(doc, r, "numero", eco_node_int(doc, s->number)) < 0 ||
	    eco_map_put(doc, r, "titre", eco_node_str(doc,
	    eco_slot_title(s, title, sizeof title))) < 0 ||
	    eco_map_put(doc, r, "etape", eco_node_str(doc,
	    s->meeting->stage->id)) < 0 ||
	    eco_map_put(doc, r, "statut", eco_node_str(doc, "prevue")) < 0 ||
	    eco_map_put(doc, r, "date", eco_node_str(doc, date)) < 0 ||
	    (obj->len && eco_map_put(doc, r, "objectifs", obj) < 0) ||
	    (tools->len && eco_map_put(doc, r, "outils", tools) < 0)) {
		eco_doc_free(doc);
		return NULL;
	}
	doc->root = r;
	return doc;
}

int
eco_schedule_render(FILE *f, const char *id, void *arg)
{
	const struct eco_schedule *e = arg;
	struct eco_doc *doc = eco_rencontre_new(e->cycle, e->slot, e->id, e->date);
	struct eco_buf head = ECO_BUF_INIT;
	const char *p;
	int rc = -1;

	(void)id;	/* a meeting's id is its number's */
	eco_buf_printf(&head, _("Meeting %d, stage « %s », proposed by "
	    "eco-rencontre planifie.\nAdd the time, the place and the agenda; "
	    "the objectives and the\noutils are those of Outil 2 (eco-demarche)."),
	    e->slot->number, e->slot->meeting->stage->name);
	if (doc && head.s) {
		for (p = head.s; *p; p += strcspn(p, "\n"), p += *p == '\n')
			fprintf(f, "# %.*s\n", (int)strcspn(p, "\n"), p);
		rc = eco_sheet_yaml(f, doc->root);
	}
	eco_buf_free(&head);
	eco_doc_free(doc);
	return rc;
}

/* ordre-du-jour */

/* Whether p has a file pattern names: its folder is read, then matched. */
static int
present(struct eco_project *p, const char *pattern)
{
	const char *slash = strrchr(pattern, '/');
	char home[PATH_MAX];
	struct eco_diags quiet;
	size_t i;
	int found = 0;

	if (!p)
		return 0;
	snprintf(home, sizeof home, "%.*s", slash ? (int)(slash - pattern + 1) :
	    (int)strlen(pattern), pattern);
	eco_diags_init(&quiet);		/* reading is the check's to report */
	eco_project_read(p, strpbrk(home, "*?[") ? NULL : home, &quiet);
	eco_diags_free(&quiet);
	for (i = 0; !found && i < eco_project_nfiles(p); i++) {
		const struct eco_file *f = eco_project_file(p, i);

		found = !f->input && f->opened &&
		    fnmatch(pattern, f->rel, FNM_PATHNAME | FNM_PERIOD) == 0;
	}
	return found;
}

static void
add_objective(struct eco_agenda *a, const struct eco_state *st,
    const char *id)
{
	const struct eco_objective *o = st ? eco_cycle_objective(st->cycle, id) :
	    NULL;

	a->objectives[a->nobjectives].id = id;
	a->objectives[a->nobjectives++].state = o ? &st->objectives[o->index] :
	    NULL;
}

/* Its objectifs (and objectifs_autres), or else its slot's. */
static int
agenda_objectives(struct eco_agenda *a, const struct eco_rencontres *rs,
    const struct eco_state *st)
{
	const struct eco_node *o = a->rencontre ?
	    eco_map_seq(a->rencontre->root, "objectifs") : NULL;
	const struct eco_node *other = a->rencontre ?
	    eco_map_seq(a->rencontre->root, "objectifs_autres") : NULL;
	const struct eco_meeting *m = a->slot ? a->slot->meeting : NULL;
	size_t i, n = o ? o->len : m ? m->nobjectives : 0;

	if (!(a->objectives = calloc(n + 1, sizeof *a->objectives)) ||
	    !(a->others = calloc((other ? other->len : 0) + 1, sizeof *a->others)))
		return -1;
	for (i = 0; i < n; i++)
		if (!o)
			add_objective(a, st, rs->cycle->objectives[m->first + i].id);
		else if (o->u.items[i]->type == ECO_STR)
			add_objective(a, st, o->u.items[i]->s);
	for (i = 0; other && i < other->len; i++)
		if (other->u.items[i]->type == ECO_STR)
			a->others[a->nothers++] = other->u.items[i]->s;
	return 0;
}

/* Its outils, or else its slot's. */
static int
agenda_tools(struct eco_agenda *a, const struct eco_rencontres *rs)
{
	const struct eco_node *o = a->rencontre ?
	    eco_map_seq(a->rencontre->root, "outils") : NULL;
	const struct eco_meeting *m = a->slot ? a->slot->meeting : NULL;
	size_t i, n = o ? o->len : m ? m->ntools : 0;
	const struct eco_tool *t;

	if (!(a->tools = calloc(n + 1, sizeof *a->tools)))
		return -1;
	for (i = 0; i < n; i++) {
		if (o)
			t = o->u.items[i]->type == ECO_INT ?
			    eco_cycle_tool(rs->cycle, (int)o->u.items[i]->u.i) : NULL;
		else
			t = eco_cycle_tool(rs->cycle, m->tools[i]);
		if (t)
			a->tools[a->ntools++] = t;
	}
	return 0;
}

/* The files of its objectives, each once. */
static int
agenda_files(struct eco_agenda *a, struct eco_project *p)
{
	size_t i, j, k, n = 0;

	for (i = 0; i < a->nobjectives; i++)
		if (a->objectives[i].state)
			n += a->objectives[i].state->objective->nfiles;
	if (!(a->files = calloc(n + 1, sizeof *a->files)))
		return -1;
	for (i = 0; i < a->nobjectives; i++) {
		const struct eco_objective *o = a->objectives[i].state ?
		    a->objectives[i].state->objective : NULL;

		for (j = 0; o && j < o->nfiles; j++) {
			for (k = 0; k < a->nfiles &&
			    strcmp(a->files[k].pattern, o->files[j]) != 0; k++)
				;
			if (k < a->nfiles)
				continue;
			a->files[a->nfiles].pattern = o->files[j];
			a->files[a->nfiles++].present = present(p, o->files[j]);
		}
	}
	return 0;
}

static int
agenda_taches(struct eco_agenda *a, const struct eco_rencontres *rs)
{
	size_t i;

	if (!(a->taches = calloc(rs->ntaches + 1, sizeof *a->taches)))
		return -1;
	for (i = 0; i < rs->ntaches; i++)
		if (!rs->taches[i].done && rs->taches[i].rencontre->numero < a->numero)
			a->taches[a->ntaches++] = &rs->taches[i];
	return 0;
}

/* "2027-09-16, 13:30, 180 minutes" */
static void
when(const struct eco_node *m, char *buf, size_t cap)
{
	const char *date = eco_map_text(m, "date"), *h = eco_map_text(m, "heure");
	const char *min = eco_map_text(m, "duree");
	size_t n;

	snprintf(buf, cap, "%s%s%s", date ? date : "", date && h ? ", " : "",
	    date && h ? h : "");
	n = strlen(buf);
	if (date && min && n < cap)
		snprintf(buf + n, cap - n, _(", %s minutes"), min);
}

int
eco_agenda_of(const struct eco_rencontres *rs, const struct eco_state *st,
    struct eco_project *p, long numero, struct eco_agenda **out)
{
	struct eco_agenda *a;
	const char *etape;

	*out = NULL;
	if (!eco_rencontres_numero(rs, numero) && !eco_rencontres_slot(rs, numero))
		return 0;
	if (!(a = calloc(1, sizeof *a)))
		return -1;
	a->numero = numero;
	a->rencontre = eco_rencontres_numero(rs, numero);
	a->slot = eco_rencontres_slot(rs, numero);
	a->title = a->rencontre ? eco_map_str(a->rencontre->root, "titre") : NULL;
	when(a->rencontre ? a->rencontre->root : NULL, a->when, sizeof a->when);
	if (!a->title && a->slot)
		a->title = eco_slot_title(a->slot, a->slot_title,
		    sizeof a->slot_title);
	etape = a->rencontre ? eco_map_str(a->rencontre->root, "etape") : NULL;
	if (etape && rs->cycle)
		a->stage = eco_cycle_stage(rs->cycle, etape);
	else if (a->slot)
		a->stage = a->slot->meeting->stage;
	if (agenda_objectives(a, rs, st) < 0 || agenda_tools(a, rs) < 0 ||
	    agenda_files(a, p) < 0 || agenda_taches(a, rs) < 0) {
		eco_agenda_free(a);
		return -1;
	}
	*out = a;
	return 1;
}

void
eco_agenda_free(struct eco_agenda *a)
{
	if (!a)
		return;
	free(a->objectives);
	free(a->others);
	free(a->tools);
	free(a->files);
	free(a->taches);
	free(a);
}

/* suivis */

struct eco_doc *
eco_tache_record(const struct eco_tache *t)
{
	static const char *const keys[] = {
		"description", "responsable", "personne", "echeance"
	};
	struct eco_doc *doc = eco_doc_new(t->rencontre->file);
	struct eco_node *r = doc ? eco_node_map(doc) : NULL;
	const struct eco_node *v;
	size_t i;

	if (!r || eco_map_put(doc, r, "kind", eco_node_str(doc, "tache")) < 0 ||
	    eco_map_put(doc, r, "version", eco_node_int(doc, 1)) < 0 ||
	    eco_map_put(doc, r, "id", eco_node_str(doc, t->id)) < 0 ||
	    (t->rencontre->id && eco_map_put(doc, r, "rencontre",
	    eco_node_str(doc, t->rencontre->id)) < 0))
		goto oom;
	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		if ((v = eco_map_get(t->node, keys[i])) &&
		    eco_map_put(doc, r, keys[i], v) < 0)
			goto oom;
	if (eco_map_put(doc, r, "fait", eco_node_bool(doc, 0)) < 0)
		goto oom;
	doc->root = r;
	return doc;
oom:
	eco_doc_free(doc);
	return NULL;
}

const char *
eco_tache_who(const struct eco_tache *t, struct eco_project *p, char *buf,
    size_t cap)
{
	const char *id = eco_map_str(t->node, "responsable");
	const char *nom = id && p ? eco_project_title(p, "organisme", id) : NULL;
	const char *who = nom ? nom : id, *pers = eco_map_str(t->node, "personne");

	if (!who && !pers)
		return NULL;
	snprintf(buf, cap, "%s%s%s", who ? who : "", who && pers ? ", " : "",
	    pers ? pers : "");
	return buf;
}

/* note */

char *
eco_slug(const char *folded, char *buf, size_t cap)
{
	static const char *const small[] = {
		"a", "au", "aux", "avec", "d", "de", "des", "du", "en", "et", "l",
		"la", "le", "les", "par", "pour", "sur", "un", "une",
	};
	const char *s = folded, *w;
	size_t n = 0, len, i, words = 0;

	if (!cap)
		return buf;
	buf[0] = '\0';
	while (*s && words < 4) {
		for (; *s && !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'));
		    s++)
			;
		for (w = s; (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'); s++)
			;
		if (!(len = (size_t)(s - w)))
			break;
		for (i = 0; i < sizeof small / sizeof *small &&
		    (strlen(small[i]) != len || strncmp(small[i], w, len)); i++)
			;
		if (i < sizeof small / sizeof *small || n + !!n + len > 40 ||
		    n + !!n + len >= cap)
			continue;
		if (n)
			buf[n++] = '-';
		memcpy(buf + n, w, len);
		buf[n += len] = '\0';
		words++;
	}
	if (!n)
		snprintf(buf, cap, "tache");
	return buf;
}

/* A list of strings: a sequence, or of mappings {key: s} when key. */
static int
put_list(struct eco_doc *doc, struct eco_node *r, const char *name,
    const char *const *v, size_t n, const char *key)
{
	struct eco_node *seq, *m;
	size_t i;

	if (!n)
		return 0;
	if (!(seq = eco_node_seq(doc)))
		return -1;
	for (i = 0; i < n; i++) {
		m = key ? eco_node_map(doc) : NULL;
		if (key && eco_map_put(doc, m, key, eco_node_str(doc, v[i])) < 0)
			return -1;
		if (eco_seq_push(doc, seq, key ? m : eco_node_str(doc, v[i])) < 0)
			return -1;
	}
	return eco_map_put(doc, r, name, seq);
}

static int
id_taken(struct eco_project *p, const struct eco_node *made, const char *id)
{
	size_t i;

	for (i = 0; i < made->len; i++)
		if (strcmp(eco_map_str(made->u.items[i], "id"), id) == 0)
			return 1;
	return p && eco_project_has(p, "tache", id);
}

/* The id of to-do t: neither the project's nor one the note made. */
static char *
todo_id(char *id, size_t cap, struct eco_project *p, const char *rencontre,
    const struct eco_todo_in *t, const struct eco_node *made)
{
	char slug[64], base[128];
	int n = 1;

	snprintf(base, sizeof base, "%s-%s", rencontre,
	    eco_slug(t->folded ? t->folded : "", slug, sizeof slug));
	snprintf(id, cap, "%s", base);
	while (id_taken(p, made, id))
		snprintf(id, cap, "%s-%d", base, ++n);
	return id;
}

static struct eco_node *
todo_node(struct eco_doc *doc, const char *id, const struct eco_todo_in *t)
{
	struct eco_node *m = eco_node_map(doc);

	if (!m || eco_map_put(doc, m, "id", eco_node_str(doc, id)) < 0 ||
	    eco_map_put(doc, m, "description",
	    eco_node_str(doc, t->description)) < 0 ||
	    (t->responsable && eco_map_put(doc, m, "responsable",
	    eco_node_str(doc, t->responsable)) < 0) ||
	    (t->personne && eco_map_put(doc, m, "personne",
	    eco_node_str(doc, t->personne)) < 0) ||
	    (t->echeance && eco_map_put(doc, m, "echeance",
	    eco_node_str(doc, t->echeance)) < 0) ||
	    eco_map_put(doc, m, "fait", eco_node_bool(doc, 0)) < 0)
		return NULL;
	return m;
}

static int
put_todos(struct eco_doc *doc, struct eco_node *r, const struct eco_note_in *in)
{
	struct eco_node *seq;
	char id[160];
	size_t i;

	if (!in->ntodos)
		return 0;
	if (!(seq = eco_node_seq(doc)))
		return -1;
	for (i = 0; i < in->ntodos; i++)
		if (eco_seq_push(doc, seq, todo_node(doc, todo_id(id, sizeof id,
		    in->project, in->rencontre, &in->todos[i], seq), &in->todos[i])) < 0)
			return -1;
	return eco_map_put(doc, r, "a_faire", seq);
}

struct eco_doc *
eco_note_new(const struct eco_note_in *in, const char *id)
{
	struct eco_doc *doc = eco_doc_new(NULL);
	struct eco_node *r = doc ? eco_node_map(doc) : NULL;

	if (!r || eco_map_put(doc, r, "kind", eco_node_str(doc, "note")) < 0 ||
	    eco_map_put(doc, r, "version", eco_node_int(doc, 1)) < 0 ||
	    eco_map_put(doc, r, "id", eco_node_str(doc, id)) < 0 ||
	    eco_map_put(doc, r, "rencontre", eco_node_str(doc, in->rencontre)) < 0 ||
	    put_list(doc, r, "presences", in->presences, in->npresences,
	    "organisme") < 0 ||
	    put_list(doc, r, "absences", in->absences, in->nabsences, NULL) < 0 ||
	    put_list(doc, r, "decisions", in->decisions, in->ndecisions,
	    "description") < 0 ||
	    put_todos(doc, r, in) < 0 ||
	    put_list(doc, r, "faites", in->faites, in->nfaites, NULL) < 0) {
		eco_doc_free(doc);
		return NULL;
	}
	doc->root = r;
	return doc;
}

void
eco_note_check(const struct eco_rencontres *rs, const struct eco_note_in *in,
    struct eco_diags *d)
{
	const struct eco_tache *t;
	size_t i;

	for (i = 0; i < in->nfaites; i++)
		if ((t = eco_rencontres_tache(rs, in->faites[i])) && t->done)
			eco_diag_add(d, t->rencontre->file, t->node->line,
			    t->node->col, ECO_SEV_WARNING, "rencontres",
			    _("to-do « %s » is already done"), t->id);
}

int
eco_note_render(FILE *f, const char *id, void *arg)
{
	struct eco_doc *doc = eco_note_new(arg, id);
	int rc = -1;

	if (doc && fprintf(f, "---\n# %s\n", _("Added by eco-rencontre note.")) > 0)
		rc = eco_sheet_yaml(f, doc->root);
	eco_doc_free(doc);
	return rc;
}

/* What people call the thing id names, whatever its kind, or NULL. */
static const char *
named_thing(struct eco_project *p, const char *id)
{
	static const char *const kinds[] = { "priorite", "objectif", "constat",
	    "action", "facteur", "organisme", "rencontre", "service" };
	const char *t;
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if ((t = eco_project_title(p, kinds[i], id)))
			return t;
	return NULL;
}

const char *
eco_decision_text(struct eco_project *p, const struct eco_node *d,
    struct eco_buf *b)
{
	const struct eco_node *refs = eco_map_seq(d, "references");
	const char *t;
	size_t j, k;

	eco_buf_clear(b);
	eco_buf_adds(b, d->type == ECO_STR ? d->s :
	    eco_map_str(d, "description"));
	for (j = k = 0; refs && j < refs->len; j++)
		if (refs->u.items[j]->type == ECO_STR &&
		    (t = named_thing(p, refs->u.items[j]->s)))
			/* a title's own full stop left out */
			eco_buf_printf(b, "%s%.*s", k++ ? _("; ") :
			    _(" About: "), (int)(strlen(t) -
			    (*t && t[strlen(t) - 1] == '.')), t);
	if (k)
		eco_buf_adds(b, ".");
	return b->n && !b->oom ? b->s : NULL;
}
