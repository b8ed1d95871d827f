/*
 * eco_diagnostic.c - the partnership diagnostic (Outil 13): its
 * questionnaire, and the answers compiled by session.
 *
 * The questionnaire is data: data/diagnostic.yaml, six condition
 * documents compiled into the library, each with the items that measure
 * it.  Reading it checks what the compilation of answers relies on: six
 * conditions numbered 1 to 6, eighteen items numbered 1 to 18, each in
 * exactly one condition, each with its statement and what A, B and C
 * mean.
 *
 * Answers are diagnostic documents, grouped into sessions by their
 * session key (by their date without one).  A session counts, per item
 * and per condition, the A, B and C given, and scores them by eco's
 * proposal (A = 2, B = 1, C = 0; the method gives no score): the mean in
 * hundredths of a point, and the spread between respondents, the
 * highest respondent's score less the lowest.  Readers are lenient: an
 * answer that is not A, B or C is left out (validation says why), so a
 * session is computed from any documents without failing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

/* The questionnaire. */

static int
bad(struct eco_diags *d, const char *file, const struct eco_node *at,
    const char *why)
{
	eco_diag_add(d, file, at ? at->line : 0, at ? at->col : 0,
	    ECO_SEV_ERROR, "diagnostic", "%s", why);
	return -1;
}

/* The integer at key when it is from 1 to max, else 0. */
static int
number(const struct eco_node *m, const char *key, int max)
{
	const struct eco_node *n = m && m->type == ECO_MAP ? eco_map_get(m, key) :
	    NULL;

	return n && n->type == ECO_INT && !(n->flags & ECO_F_BIG) &&
	    n->u.i >= 1 && n->u.i <= max ? (int)n->u.i : 0;
}

static int
read_item(struct eco_questionnaire *q, struct eco_condition *c,
    const struct eco_node *n, const char *file, struct eco_diags *d)
{
	struct eco_item *it;
	int k = number(n, "numero", ECO_NITEMS);

	if (!k)
		return bad(d, file, n, _("an item needs a numero from 1 to 18"));
	it = &q->items[k - 1];
	if (it->numero)
		return bad(d, file, n, _("this item number is given twice"));
	it->numero = k;
	it->theme = eco_map_str(n, "theme");
	it->enonce = eco_map_str(n, "enonce");
	it->meaning[0] = eco_map_str(n, "a");
	it->meaning[1] = eco_map_str(n, "b");
	it->meaning[2] = eco_map_str(n, "c");
	it->source = eco_map_str(n, "source");
	it->condition = c;
	if (!it->theme || !it->enonce || !it->meaning[0] || !it->meaning[1] ||
	    !it->meaning[2] || !it->source)
		return bad(d, file, n, _("an item needs its theme, its statement, "
		    "what A, B and C mean, and its source"));
	c->items[c->nitems++] = k;
	return 0;
}

static int
read_condition(struct eco_questionnaire *q, const struct eco_node *n,
    const char *file, struct eco_diags *d)
{
	const struct eco_node *items = eco_map_seq(n, "items");
	struct eco_condition *c;
	int k = number(n, "numero", ECO_NCONDITIONS), rc = 0;
	size_t i;

	if (!k || !eco_map_str(n, "kind") ||
	    strcmp(eco_map_str(n, "kind"), "condition") != 0)
		return bad(d, file, n, _("a condition document needs kind: "
		    "condition and a numero from 1 to 6"));
	c = &q->conditions[k - 1];
	if (c->numero)
		return bad(d, file, n, _("this condition number is given twice"));
	c->numero = k;
	c->id = eco_map_str(n, "id");
	c->nom = eco_map_str(n, "nom");
	c->description = eco_map_str(n, "description");
	if (!c->id || !c->nom || !items || !items->len)
		return bad(d, file, n, _("a condition needs its id, its name and "
		    "its items"));
	for (i = 0; i < items->len; i++)
		if (read_item(q, c, items->u.items[i], file, d) < 0)
			rc = -1;
	return rc;
}

struct eco_questionnaire *
eco_questionnaire_read(struct eco_doc *doc, struct eco_diags *d)
{
	struct eco_questionnaire *q;
	const struct eco_node *root = doc ? doc->root : NULL;
	size_t i;
	int rc = 0;

	if (!doc)
		return NULL;
	if (!(q = calloc(1, sizeof *q))) {
		eco_diag_sys(d, doc->file, "%s", strerror(ENOMEM));
		eco_doc_free(doc);
		return NULL;
	}
	q->doc = doc;
	if (!root || root->type != ECO_SEQ)
		rc = bad(d, doc->file, root, _("the questionnaire is a sequence "
		    "of condition documents"));
	for (i = 0; rc == 0 && i < root->len; i++)
		if (read_condition(q, root->u.items[i], doc->file, d) < 0)
			rc = -1;
	for (i = 0; rc == 0 && i < ECO_NCONDITIONS; i++)
		if (!q->conditions[i].numero) {
			eco_diag_add(d, doc->file, 0, 0, ECO_SEV_ERROR, "diagnostic",
			    _("condition %zu is missing"), i + 1);
			rc = -1;
		}
	for (i = 0; rc == 0 && i < ECO_NITEMS; i++)
		if (!q->items[i].numero) {
			eco_diag_add(d, doc->file, 0, 0, ECO_SEV_ERROR, "diagnostic",
			    _("item %zu is in no condition"), i + 1);
			rc = -1;
		}
	if (rc < 0) {
		eco_questionnaire_free(q);
		return NULL;
	}
	return q;
}

struct eco_questionnaire *
eco_questionnaire_load(struct eco_diags *d)
{
	return eco_questionnaire_read(eco_embedded_doc("diagnostic", d), d);
}

void
eco_questionnaire_free(struct eco_questionnaire *q)
{
	if (!q)
		return;
	eco_doc_free(q->doc);
	free(q);
}

/* Sessions. */

/* 0 for A, 1 for B, 2 for C; -1 for anything else. */
static int
answer(const struct eco_node *reponses, int item)
{
	char key[16];
	const char *s;

	snprintf(key, sizeof key, "%d", item);
	s = eco_map_str(reponses, key);
	if (!s || !s[0] || s[1] || s[0] < 'A' || s[0] > 'C')
		return -1;
	return s[0] - 'A';
}

/* The mean of sum points over n answers, in hundredths, rounded. */
static int
mean(long sum, long n)
{
	return n ? (int)((sum * 100 + n / 2) / n) : -1;
}

/* A respondent's points and answers, one per item and condition. */
struct marks {
	long sum, n;
};

static void
spread(int *lo, int *hi, int score)
{
	if (score < 0)
		return;
	if (*lo < 0 || score < *lo)
		*lo = score;
	if (*hi < 0 || score > *hi)
		*hi = score;
}


/* The counts and scores of s, from its documents. */
static void
compile(const struct eco_questionnaire *q, struct eco_session *s)
{
	int ilo[ECO_NITEMS], ihi[ECO_NITEMS], clo[ECO_NCONDITIONS],
	    chi[ECO_NCONDITIONS];
	size_t k, i;

	memset(ilo, -1, sizeof ilo), memset(ihi, -1, sizeof ihi);
	memset(clo, -1, sizeof clo), memset(chi, -1, sizeof chi);
	for (k = 0; k < s->ndocs; k++) {
		const struct eco_node *r = eco_map_mapping(s->docs[k]->root,
		    "reponses");
		struct marks im[ECO_NITEMS] = { { 0, 0 } },
		    cm[ECO_NCONDITIONS] = { { 0, 0 } };

		for (i = 0; i < ECO_NITEMS; i++) {
			int a = answer(r, (int)i + 1);
			int c = q->items[i].condition->numero - 1;

			if (a < 0)
				continue;
			s->items[i].n[a]++, s->items[i].total++;
			s->conditions[c].n[a]++, s->conditions[c].total++;
			s->all.n[a]++, s->all.total++;
			im[i].sum = 2 - a, im[i].n = 1;
			cm[c].sum += 2 - a, cm[c].n++;
		}
		for (i = 0; i < ECO_NITEMS; i++)
			spread(&ilo[i], &ihi[i], mean(im[i].sum, im[i].n));
		for (i = 0; i < ECO_NCONDITIONS; i++)
			spread(&clo[i], &chi[i], mean(cm[i].sum, cm[i].n));
	}
	for (i = 0; i < ECO_NITEMS; i++) {
		s->items[i].score = mean(2L * s->items[i].n[0] + s->items[i].n[1],
		    (long)s->items[i].total);
		s->items[i].spread = s->ndocs > 1 && ilo[i] >= 0 ?
		    ihi[i] - ilo[i] : -1;
	}
	for (i = 0; i < ECO_NCONDITIONS; i++) {
		s->conditions[i].score = mean(2L * s->conditions[i].n[0] +
		    s->conditions[i].n[1], (long)s->conditions[i].total);
		s->conditions[i].spread = s->ndocs > 1 && clo[i] >= 0 ?
		    chi[i] - clo[i] : -1;
	}
	s->all.score = mean(2L * s->all.n[0] + s->all.n[1], (long)s->all.total);
	s->all.spread = -1;
}

/* The weakest first: the lowest score, then the most C, then the wider
 * spread; by number at last.  Unanswered items come last. */
static const struct eco_session *sorting;

static int
weaker(const void *a, const void *b)
{
	const struct eco_tally *x = &sorting->items[*(const int *)a - 1];
	const struct eco_tally *y = &sorting->items[*(const int *)b - 1];

	if ((x->score < 0) != (y->score < 0))
		return x->score < 0 ? 1 : -1;
	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	if (x->n[2] != y->n[2])
		return x->n[2] > y->n[2] ? -1 : 1;
	if (x->spread != y->spread)
		return x->spread > y->spread ? -1 : 1;
	return *(const int *)a - *(const int *)b;
}

static void
rank(struct eco_session *s)
{
	int i;

	for (i = 0; i < ECO_NITEMS; i++)
		s->order[i] = i + 1;
	sorting = s;
	qsort(s->order, ECO_NITEMS, sizeof *s->order, weaker);
	sorting = NULL;
}

/* The session a document belongs to: its session key, else its date. */
static const char *
key_of(const struct eco_node *root)
{
	const char *k = eco_map_str(root, "session");

	return k ? k : eco_map_str(root, "date");
}

static int
by_dates(const void *a, const void *b)
{
	const struct eco_session *x = a, *y = b;
	int c = strcmp(x->debut, y->debut);

	return c ? c : strcmp(x->id, y->id);
}

/* The session of key in v, made when there is none; NULL when memory
 * runs out. */
static struct eco_session *
session_of(struct eco_sessions *v, const char *key)
{
	struct eco_session *s;
	size_t i;

	for (i = 0; i < v->n; i++)
		if (strcmp(v->v[i].id, key) == 0)
			return &v->v[i];
	if (!(s = realloc(v->v, (v->n + 1) * sizeof *s)))
		return NULL;
	v->v = s;
	s = &v->v[v->n++];
	memset(s, 0, sizeof *s);
	s->id = key;
	return s;
}

static int
add_doc(struct eco_sessions *v, const struct eco_doc *doc)
{
	const char *key = key_of(doc->root), *date = eco_map_date(doc->root,
	    "date");
	struct eco_session *s;
	const struct eco_doc **docs;

	if (!key || !date)
		return 0;	/* no date: validation says so */
	if (!(s = session_of(v, key)) ||
	    !(docs = realloc(s->docs, (s->ndocs + 1) * sizeof *docs)))
		return -1;
	s->docs = docs;
	s->docs[s->ndocs++] = doc;
	if (!s->debut || strcmp(date, s->debut) < 0)
		s->debut = date;
	if (!s->fin || strcmp(date, s->fin) > 0)
		s->fin = date;
	if (!s->mode)
		s->mode = eco_map_str(doc->root, "mode");
	return 0;
}

struct eco_sessions *
eco_sessions_new(const struct eco_questionnaire *q,
    const struct eco_doc *const *docs, size_t n)
{
	struct eco_sessions *v = calloc(1, sizeof *v);
	const struct eco_kind *k;
	size_t i;

	if (!v)
		return NULL;
	for (i = 0; i < n; i++)
		if ((k = eco_kind_of(docs[i]->root)) &&
		    strcmp(k->name, "diagnostic") == 0 && add_doc(v, docs[i]) < 0) {
			eco_sessions_free(v);
			return NULL;
		}
	if (v->n)
		qsort(v->v, v->n, sizeof *v->v, by_dates);
	for (i = 0; i < v->n; i++) {
		compile(q, &v->v[i]);
		rank(&v->v[i]);
	}
	return v;
}

void
eco_sessions_free(struct eco_sessions *v)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; i < v->n; i++)
		free(v->v[i].docs);
	free(v->v);
	free(v);
}

const struct eco_session *
eco_sessions_find(const struct eco_sessions *v, const char *id)
{
	size_t i;

	for (i = 0; id && i < v->n; i++)
		if (strcmp(v->v[i].id, id) == 0)
			return &v->v[i];
	return NULL;
}

const struct eco_session *
eco_sessions_latest(const struct eco_sessions *v)
{
	const struct eco_session *best = NULL;
	size_t i;

	for (i = 0; i < v->n; i++)
		if (!best || strcmp(v->v[i].fin, best->fin) >= 0)
			best = &v->v[i];
	return best;
}

const struct eco_doc *
eco_sessions_doc(const struct eco_sessions *v, const char *id)
{
	size_t i, k;

	for (i = 0; id && i < v->n; i++)
		for (k = 0; k < v->v[i].ndocs; k++)
			if (eco_map_str(v->v[i].docs[k]->root, "id") &&
			    strcmp(eco_map_str(v->v[i].docs[k]->root, "id"), id) == 0)
				return v->v[i].docs[k];
	return NULL;
}

char *
eco_score_text(int hundredths, int sign, int people, char *buf)
{
	int h = hundredths < 0 ? -hundredths : hundredths;
	const char *minus = people ? "\u2212" : "-";

	if (!sign && hundredths < 0)
		snprintf(buf, ECO_SCORE_BUFSZ, "%s", people ? "\u2014" : "");
	else
		snprintf(buf, ECO_SCORE_BUFSZ, "%s%d%c%02d", hundredths < 0 ? minus :
		    sign && hundredths > 0 ? "+" : "", h / 100, people ? ',' : '.',
		    h % 100);
	return buf;
}

/* The questionnaire to fill in YAML. */

static void
comment(FILE *fp, const char *lead, const char *text)
{
	fputs(lead, fp);
	eco_wrap_write(fp, text, eco_text_width(lead, strlen(lead)), 0, 78, lead);
}

static void
item_yaml(FILE *fp, const struct eco_item *it)
{
	static const char *const abc[] = { "A", "B", "C" };
	char lead[64];
	int k;

	fputs("\n  # ", fp);
	fprintf(fp, _("Item %d: %s"), it->numero, it->theme);
	fputc('\n', fp);
	comment(fp, "  #   ", it->enonce);
	for (k = 0; k < 3; k++) {
		snprintf(lead, sizeof lead, "  #   %s : ", abc[k]);
		fputs(lead, fp);
		eco_wrap_write(fp, it->meaning[k], strlen(lead), 0, 78, "  #       ");
	}
	fprintf(fp, "  \"%d\":\n", it->numero);
}

int
eco_questionnaire_yaml(FILE *fp, const struct eco_questionnaire *q,
    const struct eco_questionnaire_opts *o)
{
	const struct eco_condition *c;
	char line[ECO_MODELINE_BUFSZ];
	size_t i, k;

	fprintf(fp, "%s\n#\n", eco_schema_modeline("diagnostic", line,
	    sizeof line));
	comment(fp, "# ", _("Outil 13 — Diagnostic of the partnership: the "
	    "questionnaire to fill in."));
	fputs("#\n", fp);
	comment(fp, "# ", _("For each item, read the statement and what A, B "
	    "and C mean, then write A, B or C after the colon of its line: A "
	    "for the most favourable situation, C for the least favourable, B "
	    "in between. Every item needs an answer. About twenty minutes."));
	comment(fp, "# ", _("The statements and what A, B and C mean are "
	    "written for eco (our proposal); only the six conditions and the "
	    "place of each item among them come from the published tool."));
	fputs("\nkind: diagnostic\nversion: 1\n", fp);
	comment(fp, "# ", _("Identifier of this answered questionnaire: the "
	    "session, then your organisation or your initials."));
	if (o && o->id)
		fprintf(fp, "id: %s\n", o->id);
	else
		fputs("id:\n", fp);
	comment(fp, "# ", _("The session: the same for every questionnaire of "
	    "this exercise."));
	fprintf(fp, "session:%s%s\n", o && o->session ? " " : "",
	    o && o->session ? o->session : "");
	comment(fp, "# ", _("The date of your answers (YYYY-MM-DD)."));
	fprintf(fp, "date:%s%s\n", o && o->date ? " " : "",
	    o && o->date ? o->date : "");
	comment(fp, "# ", _("How the group answers: groupe (together), "
	    "individuel-discussion (alone, then a discussion), "
	    "individuel-compile (alone, then the answers compiled)."));
	fprintf(fp, "mode:%s%s\n", o && o->mode ? " " : "",
	    o && o->mode ? o->mode : "");
	comment(fp, "# ", _("Who answers (leave it out to stay anonymous): "
	    "remove the « # » of the lines you fill."));
	if (o && o->organisme)
		fprintf(fp, "repondant:\n  # nom:\n  organisme: %s\n", o->organisme);
	else
		fputs("# repondant:\n#   nom:\n#   organisme:\n", fp);
	fputs("reponses:\n", fp);
	for (i = 0; i < ECO_NCONDITIONS; i++) {
		c = &q->conditions[i];
		fputs("\n  # ---- ", fp);
		fprintf(fp, _("Condition %d: %s"), c->numero, c->nom);
		fputc('\n', fp);
		for (k = 0; k < c->nitems; k++)
			item_yaml(fp, &q->items[c->items[k] - 1]);
	}
	fputs("\n", fp);
	comment(fp, "# ", _("Optional: a remark on an item, by its number; what "
	    "works well; what to improve. Remove the « # » of the lines you "
	    "fill."));
	fputs("# commentaires:\n#   \"5\": \n# forces:\n#   - \n"
	    "# pistes_amelioration:\n#   - \n", fp);
	return ferror(fp) ? -1 : 0;
}

/* Reports for people. */

static void
blank(struct eco_report *r, struct eco_buf *b, const char *label)
{
	eco_report_para(r, buf_say(b, _("%s: ______________________________"), label));
}

static void
paper_item(struct eco_report *r, struct eco_buf *b, const struct eco_item *it)
{
	static const char *const abc[] = { "A", "B", "C" };
	int k;

	eco_report_heading(r, 3, buf_say(b, _("Item %d: %s"), it->numero, it->theme));
	eco_report_para(r, it->enonce);
	for (k = 0; k < 3; k++)
		eco_report_item(r, 0, buf_say(b, "☐ %s — %s", abc[k], it->meaning[k]));
}

static void
paper_intro(struct eco_report *r, struct eco_buf *b)
{
	eco_report_para(r, _("This questionnaire helps the members of a "
	    "partnership look together at how they work: it is a "
	    "self-evaluation, not an account to a funder. It has 18 items "
	    "grouped under the six conditions of an effective partnership. "
	    "For each item, tick the answer closest to your situation: A is "
	    "the most favourable, C the least favourable, B in between. It "
	    "takes about twenty minutes."));
	eco_report_para(r, _("Three ways to use it: answer the 18 items "
	    "together, in a group discussion; or each answer alone, then "
	    "discuss the answers to reach a common diagnosis; or each answer "
	    "alone, have the answers compiled, then discuss the results. The "
	    "weakest items are the first to talk about."));
	eco_report_para(r, _("The statements and what A, B and C mean are "
	    "written for eco (our proposal); only the six conditions and the "
	    "place of each item among them come from the published tool."));
	eco_report_heading(r, 2, _("About you"));
	blank(r, b, _("Session"));
	blank(r, b, _("Date"));
	blank(r, b, _("Name (optional)"));
	blank(r, b, _("Organisation"));
	eco_report_para(r, _("Way of answering: ☐ together ☐ alone, then a "
	    "discussion ☐ alone, then the answers compiled"));
}

struct eco_report *
eco_questionnaire_paper(const struct eco_questionnaire *q)
{
	struct eco_report *r = eco_report_new(NULL, _("Diagnostic of the "
	    "partnership (Outil 13)"));
	struct eco_buf b = ECO_BUF_INIT;
	const struct eco_condition *c;
	size_t i, k;

	if (!r)
		return NULL;
	paper_intro(r, &b);
	for (i = 0; i < ECO_NCONDITIONS; i++) {
		c = &q->conditions[i];
		eco_report_heading(r, 2, buf_say(&b, _("Condition %d: %s"), c->numero,
		    c->nom));
		if (c->description)
			eco_report_para(r, c->description);
		for (k = 0; k < c->nitems; k++)
			paper_item(r, &b, &q->items[c->items[k] - 1]);
	}
	eco_report_heading(r, 2, _("Your remarks"));
	blank(r, &b, _("On an item (its number)"));
	blank(r, &b, _("What works well"));
	blank(r, &b, _("What to improve first"));
	if (b.oom) {
		eco_report_free(r);
		r = NULL;
	}
	eco_buf_free(&b);
	return r;
}

/* What to talk about first: the items below 1, those where respondents
 * are furthest apart. */
static void
first_points(struct eco_report *r, struct eco_buf *b,
    const struct eco_questionnaire *q, const struct eco_session *s)
{
	char sc[ECO_SCORE_BUFSZ];
	size_t i, n = 0;

	eco_report_heading(r, 2, _("To talk about first"));
	for (i = 0; i < ECO_NITEMS; i++) {
		const struct eco_item *it = &q->items[s->order[i] - 1];
		const struct eco_tally *y = &s->items[it->numero - 1];

		if (y->score >= 0 && y->score < 100 && ++n)
			eco_report_item(r, 0, buf_say(b, _("Item %d, %s: score %s, "
			    "below 1"), it->numero, it->theme,
			    eco_score_text(y->score, 0, 1, sc)));
		else if (y->spread >= 200 && ++n)
			eco_report_item(r, 0, buf_say(b, _("Item %d, %s: the respondents "
			    "disagree (from A to C)"), it->numero, it->theme));
	}
	if (!n)
		eco_report_para(r, _("No item scores below 1 and no item has "
		    "answers from A to C: start with the first items of the list."));
}

static void
written(struct eco_report *r, struct eco_buf *b, const struct eco_session *s)
{
	static const char *const lists[] = { "forces", "pistes_amelioration" };
	const char *titles[2];
	const struct eco_node *m, *v;
	char it[16];
	size_t i, k, j, n = 0;

	titles[0] = _("What works well");
	titles[1] = _("What to improve");
	eco_report_heading(r, 2, _("What the respondents wrote"));
	for (i = 0; i < ECO_NITEMS; i++)
		for (k = 0; k < s->ndocs; k++) {
			snprintf(it, sizeof it, "%d", s->order[i]);
			m = eco_map_mapping(s->docs[k]->root, "commentaires");
			if (eco_map_str(m, it) && ++n)
				eco_report_item(r, 0, buf_say(b, _("Item %s: %s"), it,
				    eco_map_str(m, it)));
		}
	for (j = 0; j < 2; j++)
		for (k = 0; k < s->ndocs; k++) {
			v = eco_map_seq(s->docs[k]->root, lists[j]);
			for (i = 0; v && i < v->len; i++)
				if (v->u.items[i]->type == ECO_STR && ++n)
					eco_report_item(r, 0, buf_say(b, _("%s: %s"), titles[j],
					    v->u.items[i]->s));
		}
	if (!n)
		eco_report_para(r, _("Nothing."));
}

int
eco_session_notes(struct eco_report *r, const struct eco_questionnaire *q,
    const struct eco_session *s)
{
	struct eco_buf b = ECO_BUF_INIT;
	int oom;

	first_points(r, &b, q, s);
	written(r, &b, s);
	oom = b.oom;
	eco_buf_free(&b);
	return oom ? -1 : 0;
}

/* Tables of a session. */

void
eco_score_cell(struct eco_table *t, size_t col, int h, int sign)
{
	char buf[ECO_SCORE_BUFSZ];
	struct eco_node n = { .type = ECO_FLOAT };

	if (h < 0 && !sign)
		return;
	n.s = eco_score_text(h, sign, 0, buf);
	n.len = strlen(n.s);
	n.u.f = n.num = h / 100.0;
	eco_table_value(t, col, &n);
}

void
eco_count_cell(struct eco_table *t, size_t col, unsigned v)
{
	eco_table_int(t, col, v);
}

static void
tally_cells(struct eco_table *t, size_t col, const struct eco_tally *y,
    int data)
{
	char buf[ECO_SCORE_BUFSZ];

	eco_count_cell(t, col, y->n[0]);
	eco_count_cell(t, col + 1, y->n[1]);
	eco_count_cell(t, col + 2, y->n[2]);
	if (data) {
		eco_count_cell(t, col + 3, y->total);
		eco_score_cell(t, col + 4, y->score, 0);
		eco_score_cell(t, col + 5, y->spread, 0);
		eco_table_text(t, col + 6, "proposition");
	} else {
		eco_table_text(t, col + 3, eco_score_text(y->score, 0, 1, buf));
		eco_table_text(t, col + 4, eco_score_text(y->spread, 0, 1, buf));
	}
}

static void
tally_columns(struct eco_table *t, int data)
{
	eco_table_column(t, "a", "A", ECO_COL_RIGHT, 0);
	eco_table_column(t, "b", "B", ECO_COL_RIGHT, 0);
	eco_table_column(t, "c", "C", ECO_COL_RIGHT, 0);
	if (data)
		eco_table_column(t, "reponses", NULL, 0, 0);
	eco_table_column(t, "score", _("Score"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "ecart", _("Spread"), ECO_COL_RIGHT, 0);
	if (data)
		eco_table_column(t, "bareme", NULL, 0, 0);
}

static void
condition_table(struct eco_report *r, struct eco_buf *b,
    const struct eco_questionnaire *q, const struct eco_session *s, int data)
{
	struct eco_table *t = eco_report_table(r, "diagnostic-condition", NULL,
	    data ? ECO_SHOW_DATA : ECO_SHOW_DOC);
	size_t i, k, d = (size_t)data;

	if (data)
		eco_table_column(t, "session", NULL, 0, 0);
	eco_table_column(t, "numero", _("No."), ECO_COL_RIGHT, 0);
	eco_table_column(t, data ? "condition" : "nom", _("Condition"), 0, 34);
	eco_table_column(t, "items", _("Items"), 0, 12);
	tally_columns(t, data);
	for (i = 0; i < ECO_NCONDITIONS; i++) {
		const struct eco_condition *c = &q->conditions[i];

		eco_table_row(t);
		if (data)
			eco_table_text(t, 0, s->id);
		eco_count_cell(t, d, (unsigned)c->numero);
		eco_table_text(t, d + 1, data ? c->id : c->nom);
		eco_buf_clear(b);
		for (k = 0; k < c->nitems; k++)
			eco_buf_printf(b, k ? ", %d" : "%d", c->items[k]);
		eco_table_text(t, d + 2, b->s);
		tally_cells(t, d + 3, &s->conditions[i], data);
	}
	eco_table_total(t);
	eco_table_text(t, d + 1, _("All 18 items"));
	tally_cells(t, d + 3, &s->all, data);
}

static void
item_table(struct eco_report *r, const struct eco_questionnaire *q,
    const struct eco_session *s, int data)
{
	struct eco_table *t = eco_report_table(r, "diagnostic-item", NULL,
	    data ? ECO_SHOW_DATA : ECO_SHOW_DOC);
	size_t i, d = (size_t)data;

	if (data)
		eco_table_column(t, "session", NULL, 0, 0);
	eco_table_column(t, "rang", _("Rank"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "item", _("Questionnaire item"), ECO_COL_RIGHT, 0);
	eco_table_column(t, "theme", _("Theme"), 0, 30);
	eco_table_column(t, "condition", _("Cond."), ECO_COL_RIGHT, 0);
	tally_columns(t, data);
	for (i = 0; i < ECO_NITEMS; i++) {
		const struct eco_item *it = &q->items[s->order[i] - 1];

		eco_table_row(t);
		if (data)
			eco_table_text(t, 0, s->id);
		eco_count_cell(t, d, (unsigned)i + 1);
		eco_count_cell(t, d + 1, (unsigned)it->numero);
		eco_table_text(t, d + 2, it->theme);
		if (data)
			eco_table_text(t, d + 3, it->condition->id);
		else
			eco_count_cell(t, d + 3, (unsigned)it->condition->numero);
		tally_cells(t, d + 4, &s->items[it->numero - 1], data);
	}
}

int
eco_session_tables(struct eco_report *r, const struct eco_questionnaire *q,
    const struct eco_session *s)
{
	struct eco_buf b = ECO_BUF_INIT;
	int oom;

	eco_report_heading(r, 2, _("By condition"));
	condition_table(r, &b, q, s, 0);
	condition_table(r, &b, q, s, 1);
	eco_report_heading(r, 2, _("By item, the weakest first"));
	item_table(r, q, s, 0);
	item_table(r, q, s, 1);
	oom = b.oom || eco_report_failed(r);
	eco_buf_free(&b);
	return oom ? -1 : 0;
}
