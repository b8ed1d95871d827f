/*
 * eco_communication.c - the communication plan of the implementation
 * stage: its plan part (objectives, audiences, spokespeople, key
 * messages) and its activities; an activity's state, what is late on a
 * day, the calendar by month and audience, what the plan part lacks.
 *
 * communication.yaml holds one plan part (the document with a "plan"
 * mapping) and one document per activity; the schema says what each
 * holds.  This is the one definition of a late activity (a date before
 * the day, neither done nor cancelled) and of a complete plan part (its
 * four lists written), which data/demarche.yaml's test of the objective
 * plan-communication repeats in its fields.  Readers are lenient: a
 * value of another type is absent, since the commands check the
 * documents before they trust what is computed from them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

#define CHECK "communication"

/* in the order of the schema's $defs/public */
const char *const eco_com_publics[ECO_COM_NPUBLICS] = {
	"parents", "partenaires", "intervenants", "grand-public", "elus",
	"bailleurs", "medias"
};

static const char *const public_labels[ECO_COM_NPUBLICS] = {
	N_("parents"), N_("partners"), N_("practitioners"), N_("general public"),
	N_("elected officials"), N_("funders"), N_("media")
};

/* in the order of the schema's statut */
const char *const eco_com_statuts[ECO_COM_NSTATUTS] = {
	"prevue", "en-preparation", "realisee", "annulee"
};

static const char *const statut_labels[] = {
	N_("scheduled"), N_("in preparation"), N_("carried out"), N_("cancelled")
};

/* the plan part's lists, in the order of the schema */
static const char *const plan_keys[] = {
	"objectifs", "publics", "porte_parole", "messages_cles"
};
#define NPLANKEYS (sizeof plan_keys / sizeof *plan_keys)

static const char *const plan_labels[] = {
	N_("objectives of the communication"), N_("audiences"),
	N_("spokespeople"), N_("key messages")
};

int
eco_com_public_index(const char *code)
{
	int i;

	for (i = 0; code && i < ECO_COM_NPUBLICS; i++)
		if (strcmp(code, eco_com_publics[i]) == 0)
			return i;
	return -1;
}

const char *
eco_com_public_label(const char *code)
{
	int i = eco_com_public_index(code);

	return i < 0 ? code : _(public_labels[i]);
}

int
eco_com_statut_of(const char *code)
{
	size_t i;

	if (!code)
		return ECO_COM_PREVUE;
	for (i = 0; i < sizeof eco_com_statuts / sizeof *eco_com_statuts; i++)
		if (strcmp(code, eco_com_statuts[i]) == 0)
			return (int)i;
	return -1;
}

const char *
eco_com_statut_code(enum eco_com_statut s)
{
	return eco_com_statuts[s];
}

const char *
eco_com_statut_label(enum eco_com_statut s)
{
	return _(statut_labels[s]);
}

int
eco_com_late(const struct eco_com_activite *a, const char *au)
{
	return a->date && au && strcmp(a->date, au) < 0 &&
	    (a->statut == ECO_COM_PREVUE || a->statut == ECO_COM_EN_PREPARATION);
}

int
eco_com_has_public(const struct eco_com_activite *a, const char *code)
{
	return eco_seq_has(a->publics, code);
}

int
eco_com_between(const struct eco_com_activite *a, const char *from,
    const char *to)
{
	if (!from && !to)
		return 1;
	return a->date && (!from || strcmp(a->date, from) >= 0) &&
	    (!to || strcmp(a->date, to) <= 0);
}

static long long
count(const struct eco_node *m, const char *key)
{
	const struct eco_node *v = eco_map_get(m, key);

	return v && v->type == ECO_INT && !(v->flags & ECO_F_BIG) && v->u.i >= 0 ?
	    v->u.i : -1;
}

static void
read_activite(struct eco_com_activite *a, const struct eco_doc *doc)
{
	const struct eco_node *r = doc->root, *b = eco_map_get(r, "budget");
	const struct eco_node *portee = eco_map_mapping(r, "portee");
	int s = eco_com_statut_of(eco_map_str(r, "statut"));

	memset(a, 0, sizeof *a);
	a->root = r;
	a->file = doc->file;
	a->id = eco_map_str(r, "id");
	a->titre = eco_map_str(r, "titre");
	a->date = eco_map_date(r, "date");
	a->responsable = eco_map_str(r, "responsable");
	a->frequence = eco_map_str(r, "frequence");
	a->statut = s < 0 ? ECO_COM_PREVUE : (enum eco_com_statut)s;
	a->publics = eco_map_seq(r, "publics");
	a->moyens = eco_map_seq(r, "moyens");
	a->actions = eco_map_seq(r, "actions");
	a->objectifs = eco_map_seq(r, "objectifs");
	if (!b || eco_money_node(b, &a->budget) < 0)
		a->budget = -1;
	a->visee = count(portee, "visee");
	a->atteinte = count(portee, "atteinte");
	a->unite = eco_map_str(portee, "unite");
}

/* By date, undated last; on one date, in file order (the sort is made
 * stable by the index). */
static int
by_date(const void *x, const void *y)
{
	const struct eco_com_activite *a = x, *b = y;
	int c;

	if (a->date && b->date && (c = strcmp(a->date, b->date)) != 0)
		return c;
	if (!a->date != !b->date)
		return a->date ? -1 : 1;
	return (a->order > b->order) - (a->order < b->order);
}

struct eco_communication *
eco_communication_new(const struct eco_doc *const *docs, size_t n,
    struct eco_diags *d)
{
	struct eco_communication *c = calloc(1, sizeof *c);
	const struct eco_node *r;
	size_t i;

	if (!c || (n && !(c->v = calloc(n, sizeof *c->v)))) {
		free(c);
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	for (i = 0; i < n; i++) {
		r = docs[i]->root;
		if (!r || r->type != ECO_MAP || !eco_map_str(r, "kind") ||
		    strcmp(eco_map_str(r, "kind"), "communication") != 0)
			continue;
		if (!eco_map_get(r, "plan")) {
			read_activite(&c->v[c->n], docs[i]);
			c->v[c->n].order = c->n;
			c->n++;
		} else if (c->plan)
			eco_diag_add(d, docs[i]->file, r->line, r->col,
			    ECO_SEV_ERROR, CHECK, _("a second plan part: the "
			    "communication plan has one, at %s:%d; write its "
			    "objectives, audiences, spokespeople and key messages "
			    "there"), c->plan_file, c->plan->line);
		else {
			c->plan = r;
			c->plan_file = docs[i]->file;
		}
	}
	if (c->n)
		qsort(c->v, c->n, sizeof *c->v, by_date);
	return c;
}

void
eco_communication_free(struct eco_communication *c)
{
	if (c)
		free(c->v);
	free(c);
}

const struct eco_com_activite *
eco_communication_id(const struct eco_communication *c, const char *id)
{
	size_t i;

	for (i = 0; id && i < c->n; i++)
		if (c->v[i].id && strcmp(c->v[i].id, id) == 0)
			return &c->v[i];
	return NULL;
}

size_t
eco_com_lacks(const struct eco_communication *c, const char **keys,
    size_t cap)
{
	const struct eco_node *plan = eco_map_mapping(c->plan, "plan");
	const struct eco_node *v;
	size_t i, n = 0;

	if (!c->plan) {
		if (cap)
			keys[0] = "plan";
		return 1;
	}
	for (i = 0; i < NPLANKEYS; i++) {
		v = eco_map_get(plan, plan_keys[i]);
		if (v && v->type == ECO_SEQ && v->len)
			continue;
		if (n < cap)
			keys[n] = plan_keys[i];
		n++;
	}
	return n;
}

const char *
eco_com_lack_label(const char *key)
{
	size_t i;

	for (i = 0; i < NPLANKEYS; i++)
		if (strcmp(key, plan_keys[i]) == 0)
			return _(plan_labels[i]);
	return _("the plan part");
}

int
eco_com_budget(const struct eco_communication *c, int done_only,
    long long *cents)
{
	size_t i;

	*cents = 0;
	for (i = 0; i < c->n; i++)
		if (c->v[i].budget >= 0 && c->v[i].statut != ECO_COM_ANNULEE &&
		    (!done_only || c->v[i].statut == ECO_COM_REALISEE) &&
		    eco_money_add(cents, c->v[i].budget) < 0)
			return -1;
	return 0;
}

/* The rank of audience code in the plan part's list (then the schema's
 * order, after it). */
static int
public_rank(const struct eco_communication *c, const char *code)
{
	const struct eco_node *v = eco_map_seq(eco_map_mapping(c->plan, "plan"),
	    "publics");
	size_t i;

	for (i = 0; v && i < v->len; i++)
		if (eco_map_str(v->u.items[i], "public") &&
		    strcmp(eco_map_str(v->u.items[i], "public"), code) == 0)
			return (int)i;
	return (int)(v ? v->len : 0) + eco_com_public_index(code);
}

static int
by_month(const void *x, const void *y)
{
	const struct eco_com_entry *a = x, *b = y;
	int c;

	/* undated ("") after every month */
	if (!*a->mois != !*b->mois)
		return *a->mois ? -1 : 1;
	if ((c = strcmp(a->mois, b->mois)) != 0)
		return c;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return (a->order > b->order) - (a->order < b->order);
}

struct eco_com_entry *
eco_com_calendar(const struct eco_communication *c,
    int (*keep)(const struct eco_com_activite *, const char *public, void *),
    void *arg, size_t *n, struct eco_diags *d)
{
	struct eco_com_entry *v = NULL, *nv;
	const struct eco_com_activite *a;
	const char *code;
	size_t i, j, cap = 0;

	*n = 0;
	for (i = 0; i < c->n; i++) {
		a = &c->v[i];
		for (j = 0; a->publics && j < a->publics->len; j++) {
			if (a->publics->u.items[j]->type != ECO_STR)
				continue;
			code = a->publics->u.items[j]->s;
			if (keep && !keep(a, code, arg))
				continue;
			if (*n == cap) {
				cap = cap ? cap * 2 : 16;
				if (!(nv = realloc(v, cap * sizeof *v))) {
					free(v);
					eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
					return NULL;
				}
				v = nv;
			}
			memset(&v[*n], 0, sizeof *v);
			if (a->date)
				memcpy(v[*n].mois, a->date, 7);
			v[*n].public = code;
			v[*n].rank = public_rank(c, code);
			v[*n].activite = a;
			v[*n].order = *n;
			(*n)++;
		}
	}
	if (!v && !(v = malloc(sizeof *v))) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	qsort(v, *n, sizeof *v, by_month);
	return v;
}

static const char *const months[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
	N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
	N_("November"), N_("December")
};

char *
eco_com_month_label(const char *mois, char *buf, size_t cap)
{
	char iso[ECO_DATE_BUFSZ];
	int y, m, day;

	snprintf(iso, sizeof iso, "%.7s-01", mois ? mois : "");
	if (eco_date_ymd(iso, &y, &m, &day) < 0)
		snprintf(buf, cap, "%s", _("date not set"));
	else
		snprintf(buf, cap, "%s %d", _(months[m - 1]), y);
	return buf;
}

/* ajoute: a new activity. */

static int
id_taken(const struct eco_com_in *in, const char *id)
{
	return in->project && eco_project_has(in->project, "communication", id);
}

const char *
eco_com_new_id(const struct eco_com_in *in, char *id, size_t cap)
{
	char slug[48], base[64];
	int n = 1;

	if (in->id) {
		snprintf(id, cap, "%s", in->id);
		return id;
	}
	snprintf(base, sizeof base, "com-%s",
	    eco_slug(in->folded ? in->folded : "", slug, sizeof slug));
	snprintf(id, cap, "%s", base);
	while (id_taken(in, id))
		snprintf(id, cap, "%s-%d", base, ++n);
	return id;
}

/* The amount as a number node of its own document, *keep, which must
 * outlive the record's. */
static struct eco_node *
amount(long long cents, struct eco_doc **keep)
{
	struct eco_diags quiet;
	struct eco_limits lim;
	struct eco_reader *r;
	char text[64];
	int rc = -1;

	eco_limits_default(&lim);
	snprintf(text, sizeof text, "budget: %lld.%02lld\n", cents / 100,
	    cents % 100);
	eco_diags_init(&quiet);
	if ((r = eco_reader_mem(text, strlen(text), "budget", &lim, &quiet))) {
		rc = eco_reader_next(r, keep);
		eco_reader_close(r);
	}
	eco_diags_free(&quiet);
	if (rc != 1 || !*keep || !(*keep)->root)
		return NULL;
	return (struct eco_node *)eco_map_get((*keep)->root, "budget");
}

struct eco_doc *
eco_com_new(const struct eco_com_in *in, const char *id, struct eco_doc **keep)
{
	struct eco_doc *d = eco_doc_new(NULL);
	struct eco_node *m = d ? eco_node_map(d) : NULL, *portee;
	int rc;

	*keep = NULL;
	if (!m)
		goto fail;
	d->root = m;
	rc = eco_map_put_str(d, m, "kind", "communication");
	rc |= eco_map_put(d, m, "version", eco_node_int(d, 1));
	rc |= eco_map_put_str(d, m, "id", id);
	rc |= eco_map_put_str(d, m, "titre", in->titre);
	rc |= eco_map_put_str(d, m, "but", in->but);
	rc |= eco_map_put_str(d, m, "message", in->message);
	rc |= eco_map_put_strs(d, m, "publics", in->publics, in->npublics);
	rc |= eco_map_put_strs(d, m, "moyens", in->moyens, in->nmoyens);
	rc |= eco_map_put_str(d, m, "responsable", in->responsable);
	rc |= eco_map_put_str(d, m, "date", in->date);
	rc |= eco_map_put_str(d, m, "frequence", in->frequence);
	if (in->budget >= 0)
		rc |= eco_map_put(d, m, "budget", amount(in->budget, keep));
	rc |= eco_map_put_strs(d, m, "objectifs", in->objectifs, in->nobjectifs);
	rc |= eco_map_put_strs(d, m, "actions", in->actions, in->nactions);
	rc |= eco_map_put_str(d, m, "statut", in->statut ? in->statut : "prevue");
	if (in->visee >= 0) {
		rc |= !(portee = eco_node_map(d));
		rc |= eco_map_put(d, portee, "visee", eco_node_int(d, in->visee));
		rc |= eco_map_put(d, m, "portee", portee);
	}
	if (rc == 0)
		return d;
fail:
	eco_doc_free(d);
	eco_doc_free(*keep);
	*keep = NULL;
	return NULL;
}

int
eco_com_render(FILE *f, const char *fresh, void *arg)
{
	struct eco_com_in *in = arg;
	struct eco_doc *doc, *keep;
	int rc = -1;

	(void)fresh;
	eco_com_new_id(in, in->chosen, sizeof in->chosen);
	doc = eco_com_new(in, in->chosen, &keep);
	if (doc && fprintf(f, "---\n# %s\n",
	    _("Added by eco-communication ajoute.")) > 0)
		rc = eco_sheet_yaml(f, doc->root);
	eco_doc_free(doc);
	eco_doc_free(keep);
	return rc;
}

/* Text for people. */

size_t
eco_com_names(struct eco_project *p, const struct eco_node *seq,
    const char *kind, const char **v, size_t cap)
{
	const char *s, *t;
	size_t i, n = 0;

	for (i = 0; seq && seq->type == ECO_SEQ && i < seq->len && n < cap; i++) {
		if (seq->u.items[i]->type != ECO_STR)
			continue;
		s = seq->u.items[i]->s;
		if (kind && strcmp(kind, "public") == 0)
			s = eco_com_public_label(s);
		else if (kind && p && (t = eco_project_title(p, kind, s)))
			s = t;
		v[n++] = s;
	}
	return n;
}

const char *
eco_com_joined(struct eco_project *p, const struct eco_node *seq,
    const char *kind, struct eco_buf *b)
{
	const char *v[64];
	size_t n = eco_com_names(p, seq, kind, v, 64), i;

	eco_buf_clear(b);
	for (i = 0; i < n; i++)
		eco_buf_printf(b, "%s%s", !i ? "" : !kind ? _("; ") :
		    i + 1 < n ? ", " : _(" and "), v[i]);
	eco_buf_adds(b, "");
	return b->oom ? NULL : b->s;
}

const char *
eco_com_lacks_text(const struct eco_communication *c, struct eco_buf *b)
{
	const char *keys[8];
	size_t n = eco_com_lacks(c, keys, 8), i;

	eco_buf_clear(b);
	for (i = 0; i < n && i < 8; i++)
		eco_buf_printf(b, "%s%s", i ? ", " : "", eco_com_lack_label(keys[i]));
	eco_buf_adds(b, "");
	return b->oom ? NULL : b->s;
}

char *
eco_com_reach(const struct eco_com_activite *a, char *buf, size_t cap)
{
	const char *unit = a->unite ? a->unite : _("people");

	if (a->atteinte >= 0 && a->visee >= 0)
		snprintf(buf, cap, _("%lld of %lld %s"), a->atteinte, a->visee, unit);
	else if (a->atteinte >= 0)
		snprintf(buf, cap, "%lld %s", a->atteinte, unit);
	else if (a->visee >= 0)
		snprintf(buf, cap, _("aimed at: %lld %s"), a->visee, unit);
	else
		return NULL;
	return buf;
}

/* Filters. */

int
eco_com_keep(const struct eco_com_filter *f, const struct eco_com_activite *a)
{
	size_t i;

	if (f->statut && strcmp(eco_com_statut_code(a->statut), f->statut) != 0)
		return 0;
	if (f->responsable && (!a->responsable ||
	    strcmp(f->responsable, a->responsable) != 0))
		return 0;
	if (!eco_com_between(a, f->from, f->to))
		return 0;
	for (i = 0; i < f->npublics; i++)
		if (eco_com_has_public(a, f->publics[i]))
			return 1;
	return f->npublics == 0;
}

int
eco_com_keep_entry(const struct eco_com_activite *a, const char *public,
    void *arg)
{
	const struct eco_com_filter *f = arg;
	size_t i;

	if (!eco_com_keep(f, a))
		return 0;
	for (i = 0; i < f->npublics; i++)
		if (strcmp(f->publics[i], public) == 0)
			return 1;
	return f->npublics == 0;
}
