/*
 * eco_report.c - reports: headings, paragraphs, lists and tables
 * rendered as aligned text, Markdown and one printable HTML page (both
 * through the page writer, eco_page.c), CSV for a French-language
 * spreadsheet, JSON lines or YAML records (built with eco_node's
 * builders).
 *
 * A command builds its report once and picks the format at the end, so
 * every format says the same thing.  What is for reading (sections,
 * wrapped tables, lists) and what is data (flat tables, a row per
 * record) are marked apart: a spreadsheet wants one table under one
 * header line, a person wants sections.  Everything a user wrote is
 * escaped for the format it lands in: HTML entities, Markdown
 * backslashes, CSV quotes, and an apostrophe before a CSV cell a
 * spreadsheet would run as a formula.  In every human format control
 * characters become spaces so that a plan cannot drive the terminal;
 * text is measured as it is shown, by Unicode's widths (eco_text.c).
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

#define MONTHS_MAX 1200		/* a timeline of a century at most */
#define PARA_WIDTH 78		/* text paragraphs and headings wrap here,
				 * or at the terminal's width when narrower */

/* Wrapping. */

struct seg {
	const char *p;
	size_t n;
};

/*
 * Split s into lines of at most w columns (0: no limit) by the French
 * rule (eco_wrap_line), inside a word when it does not fit; a newline
 * always breaks.  out holds room for strlen(s) + 1 lines.  Returns the
 * number of lines.
 */
static size_t
wrap(const char *s, size_t w, struct seg *out)
{
	size_t nl = 0, len, k;
	int hard;

	do {
		k = eco_wrap_line(s, w, ECO_WRAP_CUT, &len);
		out[nl].p = s;
		out[nl++].n = len;
		hard = k > 0 && s[k - 1] == '\n';
		s += k;
	} while (*s || hard);
	return nl;
}

/* The report. */

enum btype { B_HEADING, B_PARA, B_ITEM, B_TABLE };
enum ctype { C_NONE, C_TEXT, C_LIST, C_MONEY, C_VALUE, C_BOOL };

struct cell {
	enum ctype type;
	const char *s;		/* TEXT */
	const char **v;		/* LIST */
	size_t n;
	long long x;		/* MONEY: cents; BOOL: 0 or 1 */
	struct eco_node val;	/* VALUE: a copy, its text in the arena */
};

struct row {
	struct row *next;
	int total;
	int m0, m1;		/* timeline: first and last month, or -1 */
	struct cell c[];
};

struct column {
	const char *key, *header;
	unsigned flags;
	size_t width;
};

struct eco_table {
	struct eco_report *r;
	const char *kind, *caption;
	unsigned show;
	struct column *cols;
	size_t ncols, colcap;
	struct row *rows, **tail, *cur;
	size_t nrows;
	int first;		/* timeline: first month (year × 12 + month - 1) */
	int nmonths;
};

struct block {
	struct block *next;
	enum btype type;
	int level;
	const char *text;
	struct eco_table *t;
};

struct eco_report {
	struct eco_arena *a;
	const char *lang, *title;	/* lang NULL: the messages' */
	const char *name, *date;	/* the print footer's */
	struct block *head, **tail;
	int failed;
};

static void *
ralloc(struct eco_report *r, size_t n)
{
	void *p;

	if (r->failed)
		return NULL;
	if (!(p = eco_arena_alloc(r->a, n)))
		r->failed = 1;
	else
		memset(p, 0, n);
	return p;
}

static const char *
rstrdup(struct eco_report *r, const char *s)
{
	char *c;

	if (!s || r->failed)
		return NULL;
	if (!(c = eco_arena_strndup(r->a, s, strlen(s))))
		r->failed = 1;
	return c;
}

struct eco_report *
eco_report_new(const char *lang, const char *title)
{
	struct eco_report *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	if (!(r->a = eco_arena_new())) {
		free(r);
		return NULL;
	}
	r->tail = &r->head;
	r->lang = rstrdup(r, lang);
	r->title = rstrdup(r, title ? title : "");
	return r;
}

void
eco_report_free(struct eco_report *r)
{
	if (!r)
		return;
	eco_arena_free(r->a);
	free(r);
}

int
eco_report_failed(const struct eco_report *r)
{
	return r->failed;
}

static struct block *
add_block(struct eco_report *r, enum btype type)
{
	struct block *b = ralloc(r, sizeof *b);

	if (b) {
		b->type = type;
		*r->tail = b;
		r->tail = &b->next;
	}
	return b;
}

void
eco_report_heading(struct eco_report *r, int level, const char *text)
{
	struct block *b = add_block(r, B_HEADING);

	if (b) {
		b->level = level < 1 ? 1 : level > 3 ? 3 : level;
		b->text = rstrdup(r, text ? text : "");
	}
}

void
eco_report_para(struct eco_report *r, const char *text)
{
	struct block *b = add_block(r, B_PARA);

	if (b)
		b->text = rstrdup(r, text ? text : "");
}

void
eco_report_item(struct eco_report *r, int ordered, const char *text)
{
	struct block *b = add_block(r, B_ITEM);

	if (b) {
		b->level = ordered != 0;
		b->text = rstrdup(r, text ? text : "");
	}
}

void
eco_report_footer(struct eco_report *r, const char *name, const char *date)
{
	r->name = rstrdup(r, name);
	r->date = rstrdup(r, date);
}

struct eco_table *
eco_report_table(struct eco_report *r, const char *kind, const char *caption,
    unsigned show)
{
	struct eco_table *t = ralloc(r, sizeof *t);
	struct block *b;

	if (!t || !(b = add_block(r, B_TABLE)))
		return NULL;
	t->r = r;
	t->kind = rstrdup(r, kind ? kind : "");
	t->caption = rstrdup(r, caption);
	t->show = show;
	t->tail = &t->rows;
	b->t = t;
	return t;
}

void
eco_table_column(struct eco_table *t, const char *key, const char *header,
    unsigned flags, size_t width)
{
	struct column *c;

	if (!t || t->r->failed)
		return;
	if (t->rows) {		/* columns come before rows */
		t->r->failed = 1;
		return;
	}
	if (t->ncols == t->colcap) {
		size_t cap = t->colcap ? t->colcap * 2 : 8;

		if (!(c = ralloc(t->r, cap * sizeof *c)))
			return;
		if (t->ncols)
			memcpy(c, t->cols, t->ncols * sizeof *c);
		t->cols = c;
		t->colcap = cap;
	}
	c = &t->cols[t->ncols++];
	c->key = rstrdup(t->r, key);
	c->header = rstrdup(t->r, header ? header : "");
	c->flags = flags;
	c->width = width;
}

/* year × 12 + month - 1 of an ISO date, or -1 */
static int
month_of(const char *iso)
{
	int y, m, d;

	return eco_date_ymd(iso, &y, &m, &d) == 0 ? y * 12 + m - 1 : -1;
}

void
eco_table_months(struct eco_table *t, const char *debut, const char *fin)
{
	int a = month_of(debut), b = month_of(fin);

	if (!t || a < 0 || b < a)
		return;
	t->first = a;
	t->nmonths = b - a + 1 > MONTHS_MAX ? MONTHS_MAX : b - a + 1;
}

static void
new_row(struct eco_table *t, int total)
{
	struct row *w;

	if (!t || !(w = ralloc(t->r, sizeof *w + t->ncols * sizeof *w->c)))
		return;
	w->total = total;
	w->m0 = w->m1 = -1;
	*t->tail = w;
	t->tail = &w->next;
	t->cur = w;
	t->nrows++;
}

void
eco_table_row(struct eco_table *t)
{
	new_row(t, 0);
}

void
eco_table_total(struct eco_table *t)
{
	new_row(t, 1);
}

static struct cell *
cell(struct eco_table *t, size_t col)
{
	if (!t || t->r->failed || !t->cur || col >= t->ncols)
		return NULL;
	return &t->cur->c[col];
}

void
eco_table_text(struct eco_table *t, size_t col, const char *s)
{
	struct cell *c = cell(t, col);

	if (c && s) {
		c->type = C_TEXT;
		c->s = rstrdup(t->r, s);
	}
}

void
eco_table_list(struct eco_table *t, size_t col, const char *const *v,
    size_t n)
{
	struct cell *c = cell(t, col);
	size_t i;

	if (!c || n == 0 || !(c->v = ralloc(t->r, n * sizeof *c->v)))
		return;		/* an empty list is an empty cell */
	for (i = 0; i < n; i++)
		c->v[i] = rstrdup(t->r, v[i] ? v[i] : "");
	c->n = n;
	c->type = C_LIST;
}

void
eco_table_money(struct eco_table *t, size_t col, long long cents)
{
	struct cell *c = cell(t, col);

	if (c) {
		c->type = C_MONEY;
		c->x = cents;
	}
}

void
eco_table_int(struct eco_table *t, size_t col, long long v)
{
	char buf[24];
	struct eco_node n = { .type = ECO_INT };

	snprintf(buf, sizeof buf, "%lld", v);
	n.s = buf;
	n.len = strlen(buf);
	n.u.i = v;
	n.num = (double)v;
	eco_table_value(t, col, &n);
}

void
eco_table_value(struct eco_table *t, size_t col, const struct eco_node *n)
{
	struct cell *c = cell(t, col);

	if (!c || !n || n->type == ECO_NULL || n->type == ECO_SEQ ||
	    n->type == ECO_MAP)
		return;
	if (n->type != ECO_INT && n->type != ECO_FLOAT) {
		eco_table_text(t, col, n->s);
		return;
	}
	c->type = C_VALUE;
	c->val = *n;
	c->val.s = rstrdup(t->r, n->s);
}

void
eco_table_bool(struct eco_table *t, size_t col, int yes)
{
	struct cell *c = cell(t, col);

	if (c) {
		c->type = C_BOOL;
		c->x = yes != 0;
	}
}

void
eco_table_span(struct eco_table *t, const char *debut, const char *fin)
{
	int a = month_of(debut) - (t ? t->first : 0);
	int b = month_of(fin) - (t ? t->first : 0);

	if (!t || !t->cur || !t->nmonths || month_of(debut) < 0 ||
	    month_of(fin) < 0 || b < 0 || a >= t->nmonths || b < a)
		return;
	t->cur->m0 = a < 0 ? 0 : a;
	t->cur->m1 = b >= t->nmonths ? t->nmonths - 1 : b;
}

/* Rendering, shared. */

/* "2026-09" of month m of a timeline */
static void
month_label(const struct eco_table *t, int m, char *out)
{
	unsigned k = (unsigned)(t->first + m);

	snprintf(out, 8, "%04u-%02u", k / 12 % 10000, k % 12 + 1);
}

/* The translated initials of the months, or the English ones. */
static const char *
initials(void)
{
	/* TRANSLATORS: the initials of January to December, exactly 12
	 * ASCII letters, shown over the months of a timeline. */
	const char *s = _("JFMAMJJASOND");

	return strlen(s) == 12 ? s : "JFMAMJJASOND";
}

/*
 * A cell as people read it in fmt: money in the Quebec way (CSV: with a
 * decimal comma only), numbers with a decimal comma, lists joined by
 * commas, yes and no in words.
 */
static void
cell_str(struct eco_buf *b, const struct cell *c, enum eco_rformat fmt)
{
	char money[ECO_MONEY_BUFSZ];
	size_t i;

	eco_buf_clear(b);
	switch (c->type) {
	case C_NONE:
		break;
	case C_TEXT:
		eco_buf_adds(b, c->s);
		break;
	case C_LIST:
		for (i = 0; i < c->n; i++) {
			if (i)
				eco_buf_adds(b, ", ");
			eco_buf_adds(b, c->v[i]);
		}
		break;
	case C_MONEY:
		eco_buf_adds(b, eco_money_format(c->x, fmt == ECO_R_CSV ?
		    ECO_MONEY_CSV : fmt == ECO_R_TEXTE ? ECO_MONEY_TEXTE :
		    ECO_MONEY_PRINT, money));
		break;
	case C_VALUE:
		for (i = 0; c->val.s[i]; i++)
			eco_buf_addc(b, c->val.s[i] == '.' ? ',' : c->val.s[i], 1);
		break;
	case C_BOOL:
		eco_buf_adds(b, c->x ? _("yes") : _("no"));
		break;
	}
}

static int
shown(const struct column *c, enum eco_rformat fmt)
{
	int data = fmt == ECO_R_CSV || fmt == ECO_R_JSON || fmt == ECO_R_YAML;

	return !(fmt == ECO_R_TEXTE && (c->flags & ECO_COL_NOTEXTE)) &&
	    !(data && (c->flags & ECO_COL_DOC)) &&
	    !(!data && (c->flags & ECO_COL_DATA)) &&
	    !(fmt == ECO_R_JSON && (c->flags & ECO_COL_NOJSON));
}

/* Text. */

struct texte {
	FILE *fp;
	struct eco_buf line;
	struct seg *segs;
	size_t nsegs;
};

static void
put_line(struct texte *x, struct eco_buf *b)
{
	while (b->n > 0 && b->s[b->n - 1] == ' ')
		b->n--;
	if (b->s)
		fwrite(b->s, 1, b->n, x->fp);
	putc('\n', x->fp);
	eco_buf_clear(b);
}

static struct seg *
segs_for(struct texte *x, const char *s)
{
	size_t need = strlen(s) + 2;

	if (need > x->nsegs) {
		struct seg *v = realloc(x->segs, need * sizeof *v);

		if (!v)
			return NULL;
		x->segs = v;
		x->nsegs = need;
	}
	return x->segs;
}

/* A paragraph or a heading, wrapped; under is the underline or 0; mark
 * starts the first line ("  1. " of a list), the others are indented as
 * much. */
static void
texte_wrapped(struct texte *x, const char *text, char under,
    const char *mark)
{
	struct eco_buf clean = ECO_BUF_INIT;
	const char *s;
	struct seg *sg;
	size_t n, i, w = 0, mw = eco_text_width(mark, strlen(mark)), pw;

	/* measured as shown: control characters and tabs as spaces (no-break
	 * spaces too, once the lines are cut) */
	eco_text_clean(&clean, text, strlen(text), ECO_CLEAN_TABS);
	s = clean.s ? clean.s : "";
	if (clean.oom || !(sg = segs_for(x, s))) {
		x->line.oom = 1;
		eco_buf_free(&clean);
		return;
	}
	/* 78 columns, or the terminal's when it has fewer */
	pw = eco_term_width() - 2 < PARA_WIDTH ? eco_term_width() - 2 :
	    PARA_WIDTH;
	n = wrap(s, pw > mw + 10 ? pw - mw : 10, sg);
	for (i = 0; i < n; i++) {
		size_t cw = eco_text_width(sg[i].p, sg[i].n);

		if (cw > w)
			w = cw;
		if (i == 0)
			eco_buf_adds(&x->line, mark);
		else
			eco_buf_addc(&x->line, ' ', mw);
		eco_text_clean(&x->line, sg[i].p, sg[i].n,
	    ECO_CLEAN_TABS | ECO_CLEAN_NBSP);
		put_line(x, &x->line);
	}
	if (under) {
		eco_buf_addc(&x->line, under, w);
		put_line(x, &x->line);
	}
	eco_buf_free(&clean);
}

/* Lines of one cell, wrapped or cut at w; the count is returned. */
static size_t
cell_lines(struct texte *x, char *s, const struct column *c, size_t w,
    struct seg **out)
{
	struct seg *sg = segs_for(x, s);
	char *nl;

	*out = sg;
	if (!sg) {
		x->line.oom = 1;
		return 0;
	}
	if (!(c->flags & ECO_COL_TRUNC))
		return wrap(s, w, sg);
	for (nl = s; (nl = strchr(nl, '\n')); )
		*nl = ' ';
	sg[0].p = s;
	sg[0].n = strlen(s);
	return 1;
}

/* Width a column needs: the widest line of its cells, within its width. */
static size_t
col_width(char **cells, size_t nrows, size_t ncols, size_t col,
    const struct column *c)
{
	size_t k, w = 0;

	for (k = 0; k < nrows; k++) {
		const char *s = cells[k * ncols + col], *e;

		for (; s; s = *e ? e + 1 : NULL) {
			size_t cw;

			e = strchr(s, '\n');
			if (!e || (c->flags & ECO_COL_TRUNC))
				e = s + strlen(s);
			cw = eco_text_width(s, (size_t)(e - s));
			if (cw > w)
				w = cw;
		}
	}
	return c->width && w > c->width ? c->width : w;
}

/*
 * The two header lines over the months: the initials of the months, and
 * above them each year at its January (or at the first month, when the
 * next January is far enough not to run into it).
 */
static void
months_header(const struct eco_table *t, int line, struct eco_buf *b)
{
	char *s;
	int m;

	if (line == 1) {
		for (m = 0; m < t->nmonths; m++)
			eco_buf_addc(b, initials()[(t->first + m) % 12], 1);
		return;
	}
	if (!(s = malloc((size_t)t->nmonths + 8))) {
		b->oom = 1;
		return;
	}
	memset(s, ' ', (size_t)t->nmonths);
	for (m = 0; m + 4 <= t->nmonths; m++) {
		int k = t->first + m, jan = (12 - k % 12) % 12;

		char year[8];

		if (k % 12 != 0 && !(m == 0 && jan >= 5))
			continue;
		snprintf(year, sizeof year, "%04u", (unsigned)k / 12 % 10000);
		memcpy(s + m, year, 4);
	}
	eco_buf_add(b, s, (size_t)t->nmonths);
	free(s);
}

static void
texte_rule(struct texte *x, const struct eco_table *t, const size_t *w)
{
	size_t i;
	int first = 1;

	for (i = 0; i < t->ncols; i++) {
		if (!shown(&t->cols[i], ECO_R_TEXTE))
			continue;
		if (!first)
			eco_buf_adds(&x->line, "  ");
		eco_buf_addc(&x->line, '-', w[i]);
		first = 0;
	}
	if (t->nmonths) {
		eco_buf_adds(&x->line, "  ");
		eco_buf_addc(&x->line, '-', (size_t)t->nmonths);
	}
	put_line(x, &x->line);
}

/* One line of one cell, padded to w; cut with "…" when it is wider. */
static void
texte_cell(struct texte *x, const struct column *c, const char *p,
    size_t len, size_t w)
{
	size_t cw = eco_text_width(p, len);
	int cut = 0;

	if (cw > w) {		/* ECO_COL_TRUNC, or a character wider than w */
		len = eco_text_fit(p, len, w ? w - 1 : 0);
		cw = eco_text_width(p, len) + 1;
		cut = 1;
	}
	if (c->flags & ECO_COL_RIGHT)
		eco_buf_addc(&x->line, ' ', w - cw);
	eco_text_clean(&x->line, p, len,
	    ECO_CLEAN_TABS | ECO_CLEAN_NBSP);
	if (cut)
		eco_buf_adds(&x->line, "\xe2\x80\xa6");	/* … */
	if (!(c->flags & ECO_COL_RIGHT))
		eco_buf_addc(&x->line, ' ', w - cw);
}

/* Line l of the months of a timeline: the header's two, or a row's bar. */
static void
texte_bar(struct texte *x, const struct eco_table *t, const struct row *row,
    size_t l)
{
	int m;

	eco_buf_adds(&x->line, "  ");
	if (!row)
		months_header(t, (int)l, &x->line);
	else
		for (m = 0; m < t->nmonths; m++)
			eco_buf_addc(&x->line, row->m0 >= 0 && m >= row->m0 &&
			    m <= row->m1 ? '#' : '.', 1);
}

/* The lines of each shown cell (copies: segs_for reuses its array); the
 * height of the row, or 0 when out of memory. */
static size_t
row_lines(struct texte *x, const struct eco_table *t, char **cells,
    const size_t *w, struct seg **sg, size_t *n, size_t h)
{
	struct seg *tmp;
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		if (!shown(&t->cols[i], ECO_R_TEXTE))
			continue;
		n[i] = cell_lines(x, cells[i], &t->cols[i], w[i], &tmp);
		if (n[i] && !(sg[i] = malloc(n[i] * sizeof **sg)))
			return 0;
		if (n[i])
			memcpy(sg[i], tmp, n[i] * sizeof **sg);
		if (n[i] > h)
			h = n[i];
	}
	return h;
}

/* One row, or the header when row is NULL, over as many lines as its
 * tallest cell needs. */
static void
texte_row(struct texte *x, const struct eco_table *t, char **cells,
    const size_t *w, const struct row *row)
{
	size_t nc = t->ncols, i, l, h = row ? 1 : (t->nmonths ? 2 : 1);
	struct seg **sg = calloc(nc + 1, sizeof *sg);
	size_t *n = calloc(nc + 1, sizeof *n);

	if (!sg || !n || !(h = row_lines(x, t, cells, w, sg, n, h))) {
		x->line.oom = 1;
		goto out;
	}
	for (l = 0; l < h; l++) {
		int first = 1;

		for (i = 0; i < nc; i++) {
			if (!shown(&t->cols[i], ECO_R_TEXTE))
				continue;
			if (!first)
				eco_buf_adds(&x->line, "  ");
			first = 0;
			texte_cell(x, &t->cols[i], l < n[i] ? sg[i][l].p : "",
			    l < n[i] ? sg[i][l].n : 0, w[i]);
		}
		if (t->nmonths && (!row || l == 0))
			texte_bar(x, t, row, l);
		put_line(x, &x->line);
	}
out:
	for (i = 0; sg && i < nc; i++)
		free(sg[i]);
	free(sg);
	free(n);
}

/* A copy of s for fmt: for a terminal, measured as it is shown. */
static char *
dup_for(const char *s, enum eco_rformat fmt)
{
	struct eco_buf b = ECO_BUF_INIT;

	if (fmt != ECO_R_TEXTE)
		return strdup(s);
	eco_text_clean(&b, s, strlen(s), ECO_CLEAN_TABS);
	return eco_buf_take(&b);
}

/* Every cell of t as a string, the header first; NULL when out of memory. */
static char **
table_strings(const struct eco_table *t, enum eco_rformat fmt)
{
	size_t nc = t->ncols, k = 0, i;
	char **s = calloc((t->nrows + 1) * nc + 1, sizeof *s);
	struct eco_buf b = ECO_BUF_INIT;
	const struct row *w;
	int bad = !s;

	for (i = 0; s && i < nc; i++)
		bad |= !(s[i] = dup_for(t->cols[i].header, fmt));
	for (w = t->rows; s && w; w = w->next) {
		k++;
		for (i = 0; i < nc; i++) {
			cell_str(&b, &w->c[i], fmt);
			bad |= b.oom || !(s[k * nc + i] = dup_for(b.s ? b.s : "", fmt));
		}
	}
	free(b.s);
	if (bad && s) {
		for (i = 0; i < (t->nrows + 1) * nc; i++)
			free(s[i]);
		free(s);
		return NULL;
	}
	return s;
}

static void
free_strings(char **s, const struct eco_table *t)
{
	size_t i;

	for (i = 0; s && i < (t->nrows + 1) * t->ncols; i++)
		free(s[i]);
	free(s);
}

/* The widest word of a column's cells (a date, an id, a long word). */
static size_t
col_word(char **cells, size_t nrows, size_t ncols, size_t col)
{
	size_t k, w = 0;

	for (k = 0; k < nrows; k++) {
		const char *s = cells[k * ncols + col];

		while (s && *s) {
			size_t n = strcspn(s, " \n"), cw = eco_text_width(s, n);

			if (cw > w)
				w = cw;
			s += n;
			s += strspn(s, " \n");
		}
	}
	return w;
}

/*
 * Narrow the columns until the table fits the terminal (eco_term_width):
 * one column at a time, the widest first.  A column whose words are all
 * short (dates, states, ten columns at most) keeps its widest word
 * whole; others go down to the widest word of their header, then, if
 * that is not enough, to eight columns, a longer word then cut over
 * lines (after a hyphen when it has one); a column cut with "…" is
 * narrowed only then.  Amounts and numbers keep their width.  A table
 * that still does not fit overflows.
 */
static void
fit_columns(const struct eco_table *t, char **s, size_t *w)
{
	size_t cols = eco_term_width(), total = 0, nshown = 0, i, best, pass;
	size_t *minw = calloc(3 * t->ncols + 1, sizeof *minw), *word, *head;

	if (!minw)
		return;
	word = minw + t->ncols;
	head = word + t->ncols;
	for (i = 0; i < t->ncols; i++) {
		if (!shown(&t->cols[i], ECO_R_TEXTE))
			continue;
		total += w[i] + (nshown++ ? 2 : 0);
		word[i] = col_word(s, t->nrows + 1, t->ncols, i);
		head[i] = col_word(s + i, 1, t->ncols, 0);	/* the header's */
	}
	if (t->nmonths)
		total += 2 + (size_t)t->nmonths;
	for (pass = 0; pass < 2 && total > cols; pass++) {
		for (i = 0; i < t->ncols; i++) {
			/* words whole first, up to 16 columns (French has long
			 * ones: « fonctionnement »), then cut at 10 */
			size_t m = word[i] <= (pass == 0 ? 16 : 10) ? word[i] :
			    pass == 0 && head[i] > 8 ? head[i] : 8;

			/* a column cut with "…" loses words: last */
			if (pass == 0 && (t->cols[i].flags & ECO_COL_TRUNC))
				m = w[i];
			/* ids, files, dates: whole while the table fits,
			 * then not broken inside a word of up to 24 columns
			 * (rencontres/r01.yaml) */
			if (t->cols[i].flags & ECO_COL_NOWRAP)
				m = pass == 0 ? w[i] : word[i] <= 24 ? word[i] : m;
			minw[i] = t->cols[i].flags & ECO_COL_RIGHT || m > w[i] ?
			    w[i] : m;
		}
		while (total > cols) {
			for (i = 0, best = t->ncols; i < t->ncols; i++)
				if (shown(&t->cols[i], ECO_R_TEXTE) &&
				    w[i] > minw[i] &&
				    (best == t->ncols || w[i] > w[best]))
					best = i;
			if (best == t->ncols)
				break;
			w[best]--;
			total--;
		}
	}
	free(minw);
}

static void
texte_table(struct texte *x, const struct eco_table *t)
{
	char **s = table_strings(t, ECO_R_TEXTE);
	size_t *w = calloc(t->ncols + 1, sizeof *w), i, k;
	const struct row *row;
	int rule = 0;

	if (!s || !w) {
		x->line.oom = 1;
		goto out;
	}
	for (i = 0; i < t->ncols; i++)
		w[i] = col_width(s, t->nrows + 1, t->ncols, i, &t->cols[i]);
	fit_columns(t, s, w);
	if (t->caption) {
		eco_text_clean(&x->line, t->caption, strlen(t->caption),
	    ECO_CLEAN_TABS | ECO_CLEAN_NBSP);
		put_line(x, &x->line);
	}
	texte_row(x, t, s, w, NULL);
	texte_rule(x, t, w);
	for (row = t->rows, k = 1; row; row = row->next, k++) {
		if (row->total && !rule++)
			texte_rule(x, t, w);
		texte_row(x, t, s + k * t->ncols, w, row);
	}
out:
	free_strings(s, t);
	free(w);
}

static int
texte_write(FILE *fp, const struct eco_report *r)
{
	struct texte x = { fp, ECO_BUF_INIT, NULL, 0 };
	const struct block *b, *prev = NULL;
	int oom, nitem = 0;
	char mark[32];

	if (*r->title)
		texte_wrapped(&x, r->title, '=', "");
	for (b = r->head; b; b = b->next) {
		if (b->type == B_TABLE && !(b->t->show & ECO_SHOW_DOC))
			continue;
		/* the items of one list are not set apart */
		if (b->type == B_ITEM && prev && prev->type == B_ITEM &&
		    prev->level == b->level)
			nitem++;
		else {
			putc('\n', fp);
			nitem = 1;
		}
		prev = b;
		if (b->type == B_HEADING)
			texte_wrapped(&x, b->text, b->level == 1 ? '=' :
			    b->level == 2 ? '-' : 0, "");
		else if (b->type == B_PARA)
			texte_wrapped(&x, b->text, 0, "");
		else if (b->type == B_ITEM) {
			snprintf(mark, sizeof mark, b->level ? "  %d. " : "  - ",
			    nitem);
			texte_wrapped(&x, b->text, 0, mark);
		} else
			texte_table(&x, b->t);
	}
	oom = x.line.oom;
	free(x.line.s);
	free(x.segs);
	return oom ? -2 : 0;
}

/* Markdown. */

static int
md_table(FILE *fp, const struct eco_table *t)
{
	char **s = table_strings(t, ECO_R_MD);
	const struct row *row;
	size_t i, k;
	int m;

	if (!s)
		return -2;
	if (t->caption) {
		fputs("**", fp);
		eco_md_text(fp, t->caption);
		fputs("**\n\n", fp);
	}
	for (i = 0; i < t->ncols; i++) {
		if (!shown(&t->cols[i], ECO_R_MD))
			continue;
		fputs("| ", fp);
		eco_md_text(fp, s[i]);
		putc(' ', fp);
	}
	for (m = 0; m < t->nmonths; m++) {
		char lab[8];

		month_label(t, m, lab);
		fprintf(fp, "| %s ", lab);
	}
	fputs("|\n", fp);
	for (i = 0; i < t->ncols; i++)
		if (shown(&t->cols[i], ECO_R_MD))
			fputs(t->cols[i].flags & ECO_COL_RIGHT ? "| ---: " :
			    "| --- ", fp);
	for (m = 0; m < t->nmonths; m++)
		fputs("| :-: ", fp);
	fputs("|\n", fp);
	for (row = t->rows, k = 1; row; row = row->next, k++) {
		for (i = 0; i < t->ncols; i++) {
			const char *c = s[k * t->ncols + i];

			if (!shown(&t->cols[i], ECO_R_MD))
				continue;
			fputs("| ", fp);
			if (row->total && *c)
				fputs("**", fp);
			eco_md_text(fp, c);
			if (row->total && *c)
				fputs("**", fp);
			putc(' ', fp);
		}
		for (m = 0; m < t->nmonths; m++)
			fputs(row->m0 >= 0 && m >= row->m0 && m <= row->m1 ?
			    "| \xe2\x96\xa0 " : "| ", fp);	/* ■ */
		fputs("|\n", fp);
	}
	free_strings(s, t);
	return 0;
}

/* 1 when the part that starts after b holds a timeline. */
static int
part_is_large(const struct block *b)
{
	for (b = b->next; b && !(b->type == B_HEADING && b->level == 1);
	    b = b->next)
		if (b->type == B_TABLE && (b->t->show & ECO_SHOW_DOC) &&
		    b->t->nmonths)
			return 1;
	return 0;
}

/* The page writer's header of r. */
static void
page_begin(struct eco_page *p, FILE *fp, enum eco_page_fmt fmt,
    const struct eco_report *r)
{
	struct eco_page_info info;

	info.title = r->title;
	info.lang = r->lang;
	info.name = r->name;
	info.date = r->date;
	eco_page_begin(p, fp, fmt, &info);
}

/* The blocks of r but its tables, which table() writes. */
static int
page_blocks(struct eco_page *p, const struct eco_report *r,
    int (*table)(FILE *, const struct eco_table *))
{
	const struct block *b;

	for (b = r->head; b; b = b->next) {
		if (b->type == B_TABLE && !(b->t->show & ECO_SHOW_DOC))
			continue;
		if (b->type == B_HEADING && b->level == 1)
			eco_page_part(p, part_is_large(b));
		if (b->type == B_HEADING)
			eco_page_heading(p, b->level + 1, b->text, NULL);
		else if (b->type == B_PARA)
			eco_page_para(p, NULL, b->text);
		else if (b->type == B_ITEM)
			eco_page_item(p, b->level, b->text);
		else {
			eco_page_block(p);
			if (table(p->fp, b->t) < 0)
				return -2;
		}
	}
	return eco_page_end(p);
}

/* HTML. */

/* How a column's cells are escaped: dates and ids kept whole, but in a
 * column that is never broken anyway. */
static unsigned
html_flags(const struct column *c)
{
	return ECO_HTML_BR | (c->flags & (ECO_COL_RIGHT | ECO_COL_NOWRAP) ? 0 :
	    ECO_HTML_NOWRAP);
}

/* The class attribute of a column's cells, or "". */
static const char *
html_class(const struct column *c)
{
	if (c->flags & ECO_COL_RIGHT)
		return " class=\"n\"";
	return c->flags & ECO_COL_NOWRAP ? " class=\"k\"" : "";
}

static void
html_months_head(FILE *fp, const struct eco_table *t)
{
	int m, span;

	for (m = 0; m < t->nmonths; m += span) {
		int k = t->first + m;

		span = 12 - k % 12;
		if (m + span > t->nmonths)
			span = t->nmonths - m;
		fprintf(fp, "<th colspan=\"%d\">%04u</th>", span,
		    (unsigned)k / 12 % 10000);
	}
	fputs("</tr>\n<tr>", fp);
	for (m = 0; m < t->nmonths; m++) {
		char lab[8];

		month_label(t, m, lab);
		fprintf(fp, "<th class=\"m\" title=\"%s\">%c</th>", lab,
		    initials()[(t->first + m) % 12]);
	}
}

static int
html_table(FILE *fp, const struct eco_table *t)
{
	char **s = table_strings(t, ECO_R_HTML);
	const struct row *row;
	size_t i, k;
	int m;

	if (!s)
		return -2;
	fprintf(fp, "<table%s>\n", t->nmonths ? " class=\"mois\"" : "");
	if (t->caption) {
		fputs("<caption>", fp);
		eco_html_text(fp, t->caption, ECO_HTML_BR | ECO_HTML_NOWRAP);
		fputs("</caption>\n", fp);
	}
	fputs("<thead>\n<tr>", fp);
	for (i = 0; i < t->ncols; i++) {
		if (!shown(&t->cols[i], ECO_R_HTML))
			continue;
		fprintf(fp, "<th%s%s>", t->nmonths ? " rowspan=\"2\"" : "",
		    html_class(&t->cols[i]));
		eco_html_text(fp, s[i], html_flags(&t->cols[i]));
		fputs("</th>", fp);
	}
	if (t->nmonths)
		html_months_head(fp, t);
	fputs("</tr>\n</thead>\n<tbody>\n", fp);
	for (row = t->rows, k = 1; row; row = row->next, k++) {
		fputs(row->total ? "<tr class=\"total\">" : "<tr>", fp);
		for (i = 0; i < t->ncols; i++) {
			if (!shown(&t->cols[i], ECO_R_HTML))
				continue;
			fprintf(fp, "<td%s>", html_class(&t->cols[i]));
			eco_html_text(fp, s[k * t->ncols + i],
			    html_flags(&t->cols[i]));
			fputs("</td>", fp);
		}
		for (m = 0; m < t->nmonths; m++)
			fputs(row->m0 >= 0 && m >= row->m0 && m <= row->m1 ?
			    "<td class=\"m on\">\xe2\x96\xa0</td>" :
			    "<td class=\"m\"></td>", fp);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
	free_strings(s, t);
	return 0;
}

/* md or html, through the page writer. */
static int
page_write(FILE *fp, const struct eco_report *r, enum eco_page_fmt fmt)
{
	struct eco_page p;

	page_begin(&p, fp, fmt, r);
	return page_blocks(&p, r, fmt == ECO_PAGE_MD ? md_table : html_table);
}

/* CSV. */

/* One cell: text a spreadsheet would run as a formula gets an
 * apostrophe first; quotes as RFC 4180 says; control characters are
 * spaces. */
static void
csv_cell(FILE *fp, const char *s, int text)
{
	int quote = strpbrk(s, ";\"\r\n") != NULL;
	size_t len;

	if (quote)
		putc('"', fp);
	if (text && *s && strchr("=+-@\t\r", *s))
		putc('\'', fp);
	for (; *s; s += len) {
		unsigned long c = eco_utf8_decode(s, &len);

		if (c == '"')
			putc('"', fp);
		if (eco_char_is_control(c))
			putc(' ', fp);
		else
			fwrite(s, 1, len, fp);
	}
	if (quote)
		putc('"', fp);
}

static int
csv_table(FILE *fp, const struct eco_table *t)
{
	char **s = table_strings(t, ECO_R_CSV);
	const struct row *row;
	size_t i, k, n;
	int m;

	if (!s)
		return -2;
	for (i = 0, n = 0; i < t->ncols; i++) {
		if (!shown(&t->cols[i], ECO_R_CSV))
			continue;
		if (n++)
			putc(';', fp);
		csv_cell(fp, s[i], 1);
	}
	for (m = 0; m < t->nmonths; m++) {
		char lab[8];

		month_label(t, m, lab);
		fprintf(fp, ";%s", lab);
	}
	fputs("\r\n", fp);
	for (row = t->rows, k = 1; row; row = row->next, k++) {
		for (i = 0, n = 0; i < t->ncols; i++) {
			enum ctype ty = row->c[i].type;

			if (!shown(&t->cols[i], ECO_R_CSV))
				continue;
			if (n++)
				putc(';', fp);
			csv_cell(fp, s[k * t->ncols + i],
			    ty == C_TEXT || ty == C_LIST);
		}
		for (m = 0; m < t->nmonths; m++)
			fputs(row->m0 >= 0 && m >= row->m0 && m <= row->m1 ?
			    ";x" : ";", fp);
		fputs("\r\n", fp);
	}
	free_strings(s, t);
	return 0;
}

static int
csv_write(FILE *fp, const struct eco_report *r)
{
	const struct block *b;
	int first = 1;

	for (b = r->head; b; b = b->next) {
		if (b->type != B_TABLE || !(b->t->show & ECO_SHOW_DATA))
			continue;
		fputs(first ? "\xef\xbb\xbf" : "\r\n", fp);	/* BOM */
		first = 0;
		if (csv_table(fp, b->t) < 0)
			return -2;
	}
	return 0;
}

/* Records: JSON lines and YAML documents, through eco_emit. */

/* The value of a cell as a node of d; NULL when out of memory. */
static struct eco_node *
cell_node(struct eco_doc *d, const struct cell *c)
{
	char money[ECO_MONEY_BUFSZ];
	struct eco_node *n;
	size_t i;

	switch (c->type) {
	case C_NONE:
	case C_TEXT:
		return eco_node_str(d, c->s ? c->s : "");
	case C_LIST:
		n = eco_node_seq(d);
		for (i = 0; n && i < c->n; i++)
			if (eco_seq_push(d, n, eco_node_str(d, c->v[i])) < 0)
				return NULL;
		return n;
	case C_MONEY:
		/* a number written with two decimals, read back as such */
		if ((n = eco_node_str(d, eco_money_format(c->x, ECO_MONEY_JSON,
		    money)))) {
			n->type = ECO_FLOAT;
			n->u.f = n->num = (double)c->x / 100;
		}
		return n;
	case C_VALUE:
		return (struct eco_node *)(uintptr_t)&c->val;
	case C_BOOL:
		return eco_node_bool(d, (int)c->x);
	}
	return NULL;
}

/* The months of a row, as a sequence of "2026-09". */
static struct eco_node *
months_node(struct eco_doc *d, const struct eco_table *t,
    const struct row *w)
{
	struct eco_node *n = eco_node_seq(d);
	int m;

	for (m = w->m0; n && m <= w->m1; m++) {
		char lab[8];

		month_label(t, m, lab);
		if (eco_seq_push(d, n, eco_node_str(d, lab)) < 0)
			return NULL;
	}
	return n;
}

/* The record of one row; NULL when out of memory. */
static struct eco_node *
row_node(struct eco_doc *d, const struct eco_table *t, const struct row *w,
    enum eco_rformat fmt)
{
	struct eco_node *map = eco_node_map(d);
	size_t i;

	if (eco_map_put(d, map, "kind", eco_node_str(d, t->kind)) < 0 ||
	    eco_map_put(d, map, "version", eco_node_int(d, 1)) < 0)
		return NULL;
	for (i = 0; i < t->ncols; i++)
		if (w->c[i].type != C_NONE && t->cols[i].key &&
		    shown(&t->cols[i], fmt) &&
		    eco_map_put(d, map, t->cols[i].key, cell_node(d, &w->c[i])) < 0)
			return NULL;
	if (t->nmonths && w->m0 >= 0 &&
	    eco_map_put(d, map, "mois", months_node(d, t, w)) < 0)
		return NULL;
	return map;
}

static int
records_write(FILE *fp, const struct eco_report *r, int json,
    struct eco_diags *diags)
{
	const struct block *b;
	const struct row *w;

	for (b = r->head; b; b = b->next) {
		if (b->type != B_TABLE || !(b->t->show & ECO_SHOW_DATA))
			continue;
		for (w = b->t->rows; w; w = w->next) {
			struct eco_doc *d = eco_doc_new(NULL);
			struct eco_node *n = d ? row_node(d, b->t, w,
			    json ? ECO_R_JSON : ECO_R_YAML) : NULL;
			int rc = 0;

			if (n)
				rc = json ? eco_emit_json(fp, n, NULL, diags) :
				    eco_emit_yaml(fp, n);
			eco_doc_free(d);
			if (!n)
				return -2;
			if (rc == -1)
				return -1;
		}
	}
	return 0;
}

int
eco_report_write(FILE *fp, const struct eco_report *r, enum eco_rformat fmt,
    struct eco_diags *d)
{
	int rc = -2;

	if (!r->failed)
		switch (fmt) {
		case ECO_R_TEXTE: rc = texte_write(fp, r); break;
		case ECO_R_MD: rc = page_write(fp, r, ECO_PAGE_MD); break;
		case ECO_R_HTML: rc = page_write(fp, r, ECO_PAGE_HTML); break;
		case ECO_R_CSV: rc = csv_write(fp, r); break;
		case ECO_R_JSON: rc = records_write(fp, r, 1, d); break;
		case ECO_R_YAML: rc = records_write(fp, r, 0, d); break;
		}
	if (rc == -2) {
		eco_diag_sys(d, NULL, "%s", _("out of memory while writing the report"));
		return -1;
	}
	return rc < 0 || ferror(fp) ? -1 : 0;
}
