/*
 * eco_sheet.c - worksheets: a kind's schema made into a form to fill.
 *
 * Everything a worksheet says comes from the schema: each field's title,
 * description, allowed values, default and first example, found through
 * the $ref chain (the nearest keyword wins, as in eco-formats(5), whose
 * sections the worksheet names).  Three renderings share one walk of the
 * schema:
 *
 *  - YAML, to fill in an editor.  The first line points the editor at the
 *    schema.  Each field is preceded by its guidance as comments.  Required
 *    fields are written to be filled; optional ones are commented out by a
 *    "#" put in front of the key line and of every line of its block, at
 *    the key's indentation, so that removing the first "#" of those lines
 *    (an editor's "toggle comment") gives valid YAML again, nested
 *    optional fields still commented out.  Guidance lines start with "# ".
 *  - md and html, printable forms for people who fill by hand.
 *
 * With the example option the worksheet is filled with the kind's example
 * document, whose values hold together (ids, references, dates); a field
 * it leaves out takes its own first example, or, for an object or a list
 * of objects without one, is built from its fields' examples.  Inside an
 * example object nothing is added, so that it stays as its author wrote
 * it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

#define MAXDEPTH 16		/* nesting of fields, and of $ref hops */
#define WIDTH 76		/* of comment text, indentation included */
#define MAXMARKS 16

/* The keywords of a schema location and of its $ref chain. */
struct view {
	const struct eco_node *title, *desc, *examples, *enums, *cnst, *type;
	const struct eco_node *format, *pattern, *min, *max, *decimals;
	const struct eco_node *items, *props, *required, *dflt, *addl;
	const struct eco_node *pnames, *anyof, *allof, *minitems;
	const char *items_base, *props_base, *addl_base, *pnames_base;
	int is_id;		/* the chain goes through defs' id */
	const char *sec_kind;	/* an object of a kind's $defs: its kind */
	const struct eco_node *sec_title;	/* and the def's title */
};

struct ctx {
	struct eco_schemaset *set;
	const struct eco_sheet_opts *o;
	FILE *out;
	struct eco_diags *d;
	const char *kind;
	int marks[MAXMARKS];	/* indentation of each commented-out block */
	size_t nmarks;
	int indent;		/* of the field whose guidance is written */
	int quiet;		/* > 0: no guidance (a list's later items) */
	char *bases[64];	/* URIs without $id, kept for the walk */
	size_t nbases;
	int oom;
	struct eco_page page;	/* md, html */
	const char *name, *date;	/* their print footer */
};

/* Schemas and references. */

static const char *
intern_base(struct ctx *c, const char *uri, size_t n)
{
	size_t i;

	for (i = 0; i < c->nbases; i++)
		if (strlen(c->bases[i]) == n && strncmp(c->bases[i], uri, n) == 0)
			return c->bases[i];
	if (c->nbases == sizeof c->bases / sizeof *c->bases ||
	    !(c->bases[c->nbases] = strndup(uri, n))) {
		c->oom = 1;
		return NULL;
	}
	return c->bases[c->nbases++];
}

/* The root of the schema file at uri, and the base its $refs use. */
static const struct eco_node *
file_root(struct ctx *c, const char *uri, size_t n, const char **base)
{
	char tmp[1024];
	const struct eco_schema *s;
	const struct eco_node *root, *id;

	if (n >= sizeof tmp)
		return NULL;
	memcpy(tmp, uri, n);
	tmp[n] = '\0';
	if (!(s = eco_schemaset_get(c->set, tmp)) || !(root = eco_schema_node(s)))
		return NULL;
	id = eco_map_get(root, "$id");
	*base = id && id->type == ECO_STR ? id->s : intern_base(c, uri, n);
	return *base ? root : NULL;
}

/* Follow a JSON pointer ("/$defs/tache/properties/id") from n. */
static const struct eco_node *
pointer(const struct eco_node *n, const char *p)
{
	char tok[128];

	while (n && *p == '/') {
		size_t k = 0;

		for (p++; *p && *p != '/' && k + 1 < sizeof tok; p++) {
			if (*p == '~' && (p[1] == '0' || p[1] == '1')) {
				tok[k++] = p[1] == '0' ? '~' : '/';
				p++;
			} else
				tok[k++] = *p;
		}
		tok[k] = '\0';
		if (n->type == ECO_MAP)
			n = eco_map_get(n, tok);
		else if (n->type == ECO_SEQ) {
			char *end;
			unsigned long i = strtoul(tok, &end, 10);

			n = *end || i >= n->len ? NULL : n->u.items[i];
		} else
			n = NULL;
	}
	return *p ? NULL : n;
}

/* The kind a schema file describes, or NULL. */
static const char *
kind_of(const struct eco_node *root)
{
	const struct eco_node *k = eco_node_path(eco_map_get(root, "properties"),
	    "kind.const");

	return k && k->type == ECO_STR ? k->s : NULL;
}

/* Target of ref written in the file of base; *tbase its file's base. */
static const struct eco_node *
resolve(struct ctx *c, const char *ref, const char *base, const char **tbase,
    const char **frag, const struct eco_node **troot)
{
	const char *hash = strchr(ref, '#'), *slash;
	size_t flen = hash ? (size_t)(hash - ref) : strlen(ref);
	char uri[1024];
	const struct eco_node *root;

	*frag = hash ? hash + 1 : "";
	if (flen == 0)
		snprintf(uri, sizeof uri, "%.*s", (int)strcspn(base, "#"), base);
	else if (memchr(ref, ':', flen))
		snprintf(uri, sizeof uri, "%.*s", (int)flen, ref);
	else {
		slash = strrchr(base, '/');
		snprintf(uri, sizeof uri, "%.*s%.*s",
		    slash ? (int)(slash - base + 1) : 0, base, (int)flen, ref);
	}
	if (!(root = file_root(c, uri, strlen(uri), tbase)))
		return NULL;
	*troot = root;
	return pointer(root, *frag);
}

#define TAKE(field, key) \
	if (!v->field && (x = eco_map_get(n, key))) v->field = x

static void
view_of(struct ctx *c, const struct eco_node *n, const char *base,
    struct view *v)
{
	const struct eco_node *x, *ref, *root;
	const char *frag;
	int hops;

	memset(v, 0, sizeof *v);
	for (hops = 0; n && n->type == ECO_MAP && hops < MAXDEPTH; hops++) {
		TAKE(title, "title"); TAKE(desc, "description");
		TAKE(examples, "examples"); TAKE(enums, "enum");
		TAKE(cnst, "const"); TAKE(type, "type"); TAKE(format, "format");
		TAKE(pattern, "pattern"); TAKE(min, "minimum");
		TAKE(max, "maximum"); TAKE(decimals, "x-eco-decimales");
		TAKE(required, "required"); TAKE(dflt, "default");
		TAKE(anyof, "anyOf");
		TAKE(allof, "allOf"); TAKE(minitems, "minItems");
		if (!v->items && (x = eco_map_get(n, "items")))
			v->items = x, v->items_base = base;
		if (!v->props && (x = eco_map_get(n, "properties")))
			v->props = x, v->props_base = base;
		if (!v->pnames && (x = eco_map_get(n, "propertyNames")))
			v->pnames = x, v->pnames_base = base;
		if (!v->addl && (x = eco_map_get(n, "additionalProperties")) &&
		    x->type == ECO_MAP)
			v->addl = x, v->addl_base = base;
		if (!(ref = eco_map_get(n, "$ref")) || ref->type != ECO_STR)
			break;
		if (!(n = resolve(c, ref->s, base, &base, &frag, &root)))
			break;
		if (strcmp(frag, "/$defs/id") == 0 && !kind_of(root))
			v->is_id = 1;
		/* an object of a kind's $defs has its own section */
		if (!v->sec_kind && strncmp(frag, "/$defs/", 7) == 0 &&
		    !strchr(frag + 7, '/') && kind_of(root) &&
		    eco_map_get(n, "properties")) {
			v->sec_kind = kind_of(root);
			v->sec_title = eco_map_get(n, "title");
		}
	}
}

static const struct eco_node *
first_example(const struct view *v)
{
	if (v->examples && v->examples->type == ECO_SEQ && v->examples->len)
		return v->examples->u.items[0];
	return NULL;
}

/* A key kept in a schema only to say what replaced it ("deprecated"):
 * no worksheet offers it. */
static int
retired(const struct eco_node *prop)
{
	const struct eco_node *d = eco_map_get(prop, "deprecated");

	return d && d->type == ECO_BOOL && d->u.b;
}

static int
is_required(const struct view *v, const char *key)
{
	size_t i;

	for (i = 0; v->required && v->required->type == ECO_SEQ &&
	    i < v->required->len; i++)
		if (v->required->u.items[i]->type == ECO_STR &&
		    strcmp(v->required->u.items[i]->s, key) == 0)
			return 1;
	return 0;
}

static int
is_object(const struct view *v)
{
	return v->props || v->addl ||
	    (v->type && v->type->type == ECO_STR && strcmp(v->type->s, "object") == 0);
}

static int
is_array(const struct view *v)
{
	return v->items ||
	    (v->type && v->type->type == ECO_STR && strcmp(v->type->s, "array") == 0);
}

/* The view of an array's items (zeroed when there is no items schema). */
static void
items_of(struct ctx *c, const struct view *v, struct view *iv)
{
	if (v->items)
		view_of(c, v->items, v->items_base, iv);
	else
		memset(iv, 0, sizeof *iv);
}

/* Type words. */

enum tw {
	TW_VALUE, TW_CODE, TW_INT, TW_BOOL, TW_TEXT, TW_DATE, TW_DATETIME,
	TW_EMAIL, TW_URI, TW_ID, TW_REF, TW_TIME, TW_NUMBER, TW_AMOUNT,
	TW_MAP, TW_LIST, TW_NUMBER_TEXT
};

/* Each type in words, alone and as the items of a list. */
static const char *const words[][2] = {
	[TW_VALUE] = { N_("value"), N_("list of values") },
	[TW_CODE] = { N_("code"), N_("list of codes") },
	[TW_INT] = { N_("whole number"), N_("list of whole numbers") },
	[TW_BOOL] = { N_("true or false"), N_("list of true or false") },
	[TW_TEXT] = { N_("text"), N_("list of texts") },
	[TW_DATE] = { N_("date YYYY-MM-DD"), N_("list of dates YYYY-MM-DD") },
	[TW_DATETIME] = { N_("date and time"), N_("list of dates and times") },
	[TW_EMAIL] = { N_("email address"), N_("list of email addresses") },
	[TW_URI] = { N_("web address"), N_("list of web addresses") },
	[TW_ID] = { N_("identifier"), N_("list of identifiers") },
	[TW_REF] = { N_("reference"), N_("list of references") },
	[TW_TIME] = { N_("time HH:MM"), N_("list of times HH:MM") },
	[TW_NUMBER] = { N_("number"), N_("list of numbers") },
	[TW_AMOUNT] = { N_("amount in dollars"), N_("list of amounts in dollars") },
	[TW_MAP] = { N_("group of fields"), N_("list of groups of fields") },
	[TW_LIST] = { N_("list"), N_("list of lists") },
	[TW_NUMBER_TEXT] = { N_("number or text"), N_("list of numbers or texts") },
};

static const char *
text_of(const struct eco_node *n)
{
	return n && n->type == ECO_STR ? n->s : "";
}

static int
str_is(const struct eco_node *n, const char *s)
{
	return n && n->type == ECO_STR && strcmp(n->s, s) == 0;
}

static enum tw
one_type(const struct view *v, const char *t)
{
	if (strcmp(t, "string") == 0) {
		if (str_is(v->format, "date"))
			return TW_DATE;
		if (str_is(v->format, "date-time"))
			return TW_DATETIME;
		if (str_is(v->format, "email"))
			return TW_EMAIL;
		if (str_is(v->format, "uri"))
			return TW_URI;
		if (str_is(v->pattern, "^[a-z0-9][a-z0-9-]*$"))
			return v->is_id ? TW_ID : TW_REF;
		if (v->pattern && v->pattern->type == ECO_STR &&
		    strncmp(v->pattern->s, "^([01][0-9]|2[0-3]):", 20) == 0)
			return TW_TIME;
		return TW_TEXT;
	}
	if (strcmp(t, "integer") == 0)
		return TW_INT;
	if (strcmp(t, "number") == 0)
		return v->decimals && v->decimals->type == ECO_INT &&
		    v->decimals->u.i == 2 ? TW_AMOUNT : TW_NUMBER;
	if (strcmp(t, "boolean") == 0)
		return TW_BOOL;
	if (strcmp(t, "object") == 0)
		return TW_MAP;
	if (strcmp(t, "array") == 0)
		return TW_LIST;
	return TW_VALUE;
}

static enum tw
type_of(const struct view *v)
{
	const struct eco_node *vals = v->cnst ? v->cnst : v->enums;

	if (vals) {
		enum eco_type t = vals->type == ECO_SEQ && vals->len ?
		    vals->u.items[0]->type : vals->type;

		return t == ECO_STR ? TW_CODE : t == ECO_INT ? TW_INT :
		    t == ECO_BOOL ? TW_BOOL : TW_VALUE;
	}
	if (v->type && v->type->type == ECO_STR)
		return one_type(v, v->type->s);
	if (v->type && v->type->type == ECO_SEQ && v->type->len == 2 &&
	    str_is(v->type->u.items[0], "number") &&
	    str_is(v->type->u.items[1], "string"))
		return TW_NUMBER_TEXT;
	if (v->props || v->addl)
		return TW_MAP;
	if (v->items)
		return TW_LIST;
	return TW_VALUE;
}

/* "text", "list of dates (YYYY-MM-DD)", translated. */
static const char *
type_words(struct ctx *c, const struct view *v)
{
	struct view iv;
	enum tw t = type_of(v);

	if (t != TW_LIST)
		return _(words[t][0]);
	items_of(c, v, &iv);
	if (!v->items)
		return _(words[TW_LIST][0]);
	return _(words[type_of(&iv)][1]);
}

/* Values as YAML text. */

static void
quoted(struct eco_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	eco_buf_add(b, "\"", 1);
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		char e[7] = "\\u00";

		if (ch == '"' || ch == '\\') {
			eco_buf_add(b, "\\", 1);
			eco_buf_add(b, s + i, 1);
		} else if (ch == '\n')
			eco_buf_add(b, "\\n", 2);
		else if (ch == '\t')
			eco_buf_add(b, "\\t", 2);
		else if (ch < 0x20 || ch == 0x7f) {
			e[4] = hex[ch >> 4];
			e[5] = hex[ch & 15];
			eco_buf_add(b, e, 6);
		} else
			eco_buf_add(b, s + i, 1);
	}
	eco_buf_add(b, "\"", 1);
}

static void
scalar(struct eco_buf *b, const struct eco_node *n, int inflow)
{
	if (n->type != ECO_STR)
		eco_buf_adds(b, n->type == ECO_NULL ? "null" : n->s);
	else if (!eco_str_plain(n->s, n->len, ECO_PLAIN_DATES |
	    (inflow ? ECO_PLAIN_FLOW : 0)))
		quoted(b, n->s, n->len);
	else
		eco_buf_add(b, n->s, n->len);
}

/* n on one line, in flow style. */
static void
flow(struct eco_buf *b, const struct eco_node *n, int depth)
{
	size_t i;

	if (depth > MAXDEPTH) {
		eco_buf_adds(b, "…");
		return;
	}
	if (n->type == ECO_SEQ) {
		eco_buf_adds(b, "[");
		for (i = 0; i < n->len; i++) {
			if (i)
				eco_buf_adds(b, ", ");
			flow(b, n->u.items[i], depth + 1);
		}
		eco_buf_adds(b, "]");
	} else if (n->type == ECO_MAP) {
		eco_buf_adds(b, "{");
		for (i = 0; i < n->len; i++) {
			if (i)
				eco_buf_adds(b, ", ");
			flow(b, n->u.pairs[i].key, depth + 1);
			eco_buf_adds(b, ": ");
			flow(b, n->u.pairs[i].val, depth + 1);
		}
		eco_buf_adds(b, "}");
	} else
		scalar(b, n, depth > 0);
}

/* The list of allowed values of v (or of its items), in flow words. */
static int
allowed(struct ctx *c, const struct view *v, struct eco_buf *b)
{
	struct view iv;
	const struct eco_node *e = v->enums;
	size_t i;

	if (!e && is_array(v)) {
		items_of(c, v, &iv);
		e = iv.enums;
	}
	if (!e || e->type != ECO_SEQ)
		return 0;
	for (i = 0; i < e->len; i++) {
		if (i)
			eco_buf_adds(b, ", ");
		scalar(b, e->u.items[i], 0);
	}
	return 1;
}

/* "whole number, from 1 to 13" and the like. */
static void
type_line(struct ctx *c, const struct view *v, struct eco_buf *b)
{
	eco_buf_adds(b, type_words(c, v));
	if (v->min && v->max)
		eco_buf_printf(b, _(", from %s to %s"), v->min->s, v->max->s);
	else if (v->min)
		eco_buf_printf(b, _(", at least %s"), v->min->s);
	else if (v->max)
		eco_buf_printf(b, _(", at most %s"), v->max->s);
	if (v->minitems && v->minitems->type == ECO_INT && v->minitems->u.i > 0)
		eco_buf_printf(b, ngettext(", at least %lld item", ", at least %lld items",
		    (unsigned long)v->minitems->u.i), v->minitems->u.i);
}

/* Rules between fields (allOf of if/then, anyOf of required), as
 * sentences; 0 when there is none. */
static int
rules(const struct view *v, struct eco_buf *b)
{
	size_t i, j;
	int any = 0;

	for (i = 0; v->allof && v->allof->type == ECO_SEQ && i < v->allof->len; i++) {
		const struct eco_node *r = v->allof->u.items[i];
		const struct eco_node *req = eco_node_path(r, "if.required");
		const struct eco_node *need = eco_node_path(r, "then.required");
		const struct eco_node *val;
		struct eco_buf names = { 0 };

		if (!req || req->type != ECO_SEQ || req->len != 1 ||
		    req->u.items[0]->type != ECO_STR || !need ||
		    need->type != ECO_SEQ)
			continue;
		val = eco_map_get(eco_map_get(eco_node_path(r, "if.properties"),
		    req->u.items[0]->s), "const");
		if (!val)
			continue;
		for (j = 0; j < need->len; j++) {
			if (j)
				eco_buf_adds(&names, ", ");
			if (need->u.items[j]->type == ECO_STR)
				eco_buf_adds(&names, need->u.items[j]->s);
		}
		if (any)
			eco_buf_adds(b, " ");
		eco_buf_printf(b, _("When %s is « %s », also fill %s."),
		    req->u.items[0]->s, val->s, names.s ? names.s : "");
		b->oom |= names.oom;
		free(names.s);
		any = 1;
	}
	if (v->anyof && v->anyof->type == ECO_SEQ) {
		struct eco_buf names = { 0 };

		for (i = 0; i < v->anyof->len; i++) {
			const struct eco_node *r = eco_map_get(v->anyof->u.items[i],
			    "required");

			if (r && r->type == ECO_SEQ && r->len == 1 &&
			    r->u.items[0]->type == ECO_STR) {
				if (names.n)
					eco_buf_adds(&names, ", ");
				eco_buf_adds(&names, r->u.items[0]->s);
			}
		}
		if (names.n && any)
			eco_buf_adds(b, " ");
		if (names.n)
			eco_buf_printf(b, _("Fill at least one of %s."), names.s);
		b->oom |= names.oom;
		free(names.s);
		any = 1;
	}
	return any;
}

/* What fills a field. */

/* 1 when the example option can give f a value. */
static int
fillable(struct ctx *c, const struct view *v, int depth)
{
	struct view cv;
	size_t i;
	int some = 0;

	if (v->cnst || first_example(v))
		return 1;
	if (depth > MAXDEPTH)
		return 0;
	if (v->props && v->props->type == ECO_MAP) {
		for (i = 0; i < v->props->len; i++) {
			const struct eco_node *k = v->props->u.pairs[i].key;
			int f;

			view_of(c, v->props->u.pairs[i].val, v->props_base, &cv);
			f = fillable(c, &cv, depth + 1);
			if (!f && is_required(v, k->s))
				return 0;
			some |= f;
		}
		return some;
	}
	if (v->items) {
		items_of(c, v, &cv);
		return fillable(c, &cv, depth + 1);
	}
	return 0;
}

/* The keys --organisme fills, at the top level. */
static int
organisme_key(const char *key)
{
	return strcmp(key, "organisme") == 0 || strcmp(key, "responsable") == 0 ||
	    strcmp(key, "rapporteur") == 0;
}

/* One field to write: its key, view, and what fills it. */
struct field {
	const char *key;
	struct view v;
	int required;
	const struct eco_node *value;	/* given, from an example, or NULL */
	int fill;		/* the example option applies below */
	int active;		/* written to be read, not commented out */
};

static void
field_init(struct ctx *c, struct field *f, const char *key,
    const struct eco_node *schema, const char *base, int required,
    const struct eco_node *given, int fill, int top, struct eco_node *pre)
{
	memset(f, 0, sizeof *f);
	f->key = key;
	view_of(c, schema, base, &f->v);
	f->required = required;
	f->fill = fill;
	f->value = given;
	if (!f->value && fill)
		f->value = first_example(&f->v);
	if (f->v.cnst)
		f->value = f->v.cnst;
	if (top && c->o->organisme && organisme_key(key)) {
		pre->type = ECO_STR;
		pre->s = c->o->organisme;
		pre->len = strlen(pre->s);
		f->value = pre;
	}
	if (f->value && f->value != f->v.cnst)
		f->fill = 0;	/* an example's content is not added to */
	f->active = f->value || required || (fill && fillable(c, &f->v, 0));
}

/* YAML. */

/* Start a line at indentation indent, with the marks of the commented-out
 * blocks it is in. */
static void
line_start(struct ctx *c, int indent)
{
	int col = 0;
	size_t i;

	for (i = 0; i < c->nmarks; i++) {
		for (; col < c->marks[i]; col++)
			putc(' ', c->out);
		putc('#', c->out);
	}
	for (; col < indent; col++)
		putc(' ', c->out);
}

static void
comment_line(struct ctx *c, int indent, const char *s, size_t n)
{
	line_start(c, indent);
	if (n)
		fprintf(c->out, "# %.*s\n", (int)n, s);
	else
		fputs("#\n", c->out);
}

/* text as "# " comment lines at indent, each of its lines wrapped by
 * the French rule (eco_wrap_line). */
static void
comment(struct ctx *c, int indent, const char *text)
{
	int w = WIDTH - indent - 2 - (int)c->nmarks;
	size_t width = w < 30 ? 30 : (size_t)w, len, k;
	const char *p = text + strspn(text, " ");
	int hard;

	do {
		k = eco_wrap_line(p, width, ECO_WRAP_SQUEEZE, &len);
		comment_line(c, indent, p, len);
		hard = k > 0 && p[k - 1] == '\n';
		p += k;
		p += strspn(p, " ");
	} while (*p || hard);
}

static void
push_mark(struct ctx *c, int indent)
{
	if (c->nmarks < MAXMARKS)
		c->marks[c->nmarks] = indent;
	c->nmarks++;
}

static void
pop_mark(struct ctx *c)
{
	c->nmarks--;
}

static void
key_text(struct eco_buf *b, const char *key)
{
	struct eco_node k;

	memset(&k, 0, sizeof k);
	k.type = ECO_STR;
	k.s = key;
	k.len = strlen(key);
	scalar(b, &k, 0);
}

static void guidance(struct ctx *, const struct field *, int indent);
static void yaml_field(struct ctx *, struct field *, int indent, int depth);

/* The fields of object view v at indent, values from map val. */
static void
yaml_fields(struct ctx *c, const struct view *v, const struct eco_node *val,
    int fill, int indent, int depth, int top)
{
	size_t i, j;
	struct field f;
	struct eco_node pre;

	for (i = 0; v->props && v->props->type == ECO_MAP && i < v->props->len; i++) {
		const char *key = v->props->u.pairs[i].key->s;

		if (retired(v->props->u.pairs[i].val))
			continue;
		field_init(c, &f, key, v->props->u.pairs[i].val, v->props_base,
		    is_required(v, key), val && val->type == ECO_MAP ?
		    eco_map_get(val, key) : NULL, fill && (!val || top), top, &pre);
		if (top && i > 0)
			putc('\n', c->out);
		yaml_field(c, &f, indent, depth + 1);
	}
	/* keys of the value the schema does not list (additionalProperties) */
	for (j = 0; val && val->type == ECO_MAP && j < val->len; j++) {
		const struct eco_node *k = val->u.pairs[j].key;
		struct eco_buf b = { 0 };

		if (k->type != ECO_STR || (v->props && eco_map_get(v->props, k->s)))
			continue;
		scalar(&b, k, 0);
		eco_buf_adds(&b, ": ");
		flow(&b, val->u.pairs[j].val, 0);
		line_start(c, indent);
		fprintf(c->out, "%s\n", b.s ? b.s : "");
		c->oom |= b.oom;
		free(b.s);
	}
}

/* One item of a list of objects: "- # Title", then its fields. */
static void
yaml_item(struct ctx *c, const struct view *iv, const struct eco_node *val,
    int fill, int indent, int depth)
{
	struct eco_buf b = { 0 };

	line_start(c, indent);
	if (c->quiet)
		fputs("-\n", c->out);
	else
		fprintf(c->out, "- # %s\n", text_of(iv->title));
	if (!c->quiet && rules(iv, &b))
		comment(c, indent + 2, b.s);
	c->oom |= b.oom;
	free(b.s);
	yaml_fields(c, iv, val, fill, indent + 2, depth, 0);
}

static void
yaml_field(struct ctx *c, struct field *f, int indent, int depth)
{
	struct eco_buf b = { 0 };
	struct view iv;
	size_t i;

	if (c->quiet && !f->active)
		return;		/* a later item: only what it holds */
	guidance(c, f, indent);
	if (!f->active)
		push_mark(c, indent);
	key_text(&b, f->key);
	eco_buf_adds(&b, ":");
	items_of(c, &f->v, &iv);
	if (depth > MAXDEPTH) {
		/* too deep to describe: the value alone */
	} else if (is_object(&f->v) && (!f->value || f->value->type == ECO_MAP) &&
	    !f->v.cnst) {
		line_start(c, indent);
		fprintf(c->out, "%s\n", b.s ? b.s : "");
		yaml_fields(c, &f->v, f->value, f->fill, indent + 2, depth, 0);
		goto done;
	} else if (is_array(&f->v) && is_object(&iv) &&
	    (!f->value || (f->value->type == ECO_SEQ && f->value->len))) {
		line_start(c, indent);
		fprintf(c->out, "%s\n", b.s ? b.s : "");
		if (!f->value)
			yaml_item(c, &iv, NULL, f->fill, indent + 2, depth + 1);
		for (i = 0; f->value && i < f->value->len; i++) {
			/* the first item says it all */
			c->quiet += i > 0;
			yaml_item(c, &iv, f->value->u.items[i], 0, indent + 2,
			    depth + 1);
			c->quiet -= i > 0;
		}
		goto done;
	}
	if (f->value) {
		eco_buf_adds(&b, " ");
		flow(&b, f->value, 0);
	}
	line_start(c, indent);
	fprintf(c->out, "%s\n", b.s ? b.s : "");
done:
	if (!f->active)
		pop_mark(c);
	c->oom |= b.oom;
	free(b.s);
}

/* The section of eco-formats(5) that describes an object of a kind's $defs. */
static void
section_of(const struct view *v, struct eco_buf *b)
{
	eco_buf_printf(b, "%s — %s", v->sec_kind, v->sec_title &&
	    v->sec_title->type == ECO_STR ? v->sec_title->s : "");
}

/* The lines that explain a field, after its title: description,
 * allowed values (with boxes, forms tick them instead), allowed keys,
 * default, section, rules between fields, example.  Each goes to line()
 * with a class for html ("desc", or "ex" for the example). */
typedef void line_fn(struct ctx *, const char *cls, const char *text);

static void
explain(struct ctx *c, const struct field *f, int boxes, line_fn *line)
{
	const struct view *v = &f->v;
	const struct eco_node *ex = first_example(v);
	struct eco_buf b = { 0 }, a = { 0 };
	struct view iv, pv;

	if (v->desc && v->desc->type == ECO_STR)
		line(c, "desc", v->desc->s);
	if (!boxes && allowed(c, v, &a)) {
		eco_buf_printf(&b, "%s %s.", _("Allowed values:"), a.s);
		line(c, "desc", b.s);
	}
	eco_buf_clear(&b);
	eco_buf_clear(&a);
	if (v->pnames && v->pnames->type == ECO_MAP) {
		view_of(c, v->pnames, v->pnames_base, &pv);
		if (allowed(c, &pv, &a)) {
			eco_buf_printf(&b, "%s %s.", _("Allowed keys:"), a.s);
			line(c, "desc", b.s);
		}
	}
	eco_buf_clear(&b);
	if (v->dflt) {
		eco_buf_printf(&b, "%s ", _("Default:"));
		flow(&b, v->dflt, 0);
		line(c, "desc", b.s);
	}
	eco_buf_clear(&b);
	items_of(c, v, &iv);
	if (v->sec_kind || (is_array(v) && iv.sec_kind)) {
		eco_buf_printf(&b, "%s «\u00a0", v->sec_kind ?
		    _("Explained in eco-formats(5), section") :
		    _("Each item is explained in eco-formats(5), section"));
		section_of(v->sec_kind ? v : &iv, &b);
		eco_buf_adds(&b, "\u00a0».");
		line(c, "desc", b.s);
	}
	eco_buf_clear(&b);
	if (is_object(v) && rules(v, &b))
		line(c, "desc", b.s);
	eco_buf_clear(&b);
	/* objects and lists of objects show their fields' examples */
	if (ex && !(is_object(v) && v->props) && !(is_array(v) && is_object(&iv))) {
		eco_buf_printf(&b, "%s ", _("Example:"));
		flow(&b, ex, 0);
		line(c, "ex", b.s);
	}
	c->oom |= b.oom | a.oom;
	free(b.s);
	free(a.s);
}

/* "required, text, at least 1 item" */
static void
status_line(struct ctx *c, const struct field *f, const char *sep,
    struct eco_buf *b)
{
	eco_buf_printf(b, "%s%s", f->required ? _("required") : _("optional"), sep);
	type_line(c, &f->v, b);
}

/* YAML: one more comment, at the indentation of the field being written. */
static void
comment_more(struct ctx *c, const char *cls, const char *text)
{
	(void)cls;
	comment(c, c->indent, text);
}

/* The comments before a field. */
static void
guidance(struct ctx *c, const struct field *f, int indent)
{
	const struct view *v = &f->v;
	struct eco_buf b = { 0 };

	if (c->quiet)
		return;
	eco_buf_adds(&b, v->title && v->title->type == ECO_STR ? v->title->s : f->key);
	if (v->cnst)
		eco_buf_printf(&b, " (%s)", _("required, do not change this line"));
	else {
		eco_buf_adds(&b, " (");
		status_line(c, f, ", ", &b);
		eco_buf_adds(&b, ")");
	}
	comment(c, indent, b.s ? b.s : "");
	c->oom |= b.oom;
	free(b.s);
	if (!v->cnst) {
		c->indent = indent;
		explain(c, f, 0, comment_more);
	}
}

/* The section of eco-formats(5) for a kind's schema root. */
static void
kind_section(const char *kind, const struct eco_node *root, struct eco_buf *b)
{
	const struct eco_node *t = eco_map_get(root, "title");

	eco_buf_printf(b, "%s — %s", kind, t && t->type == ECO_STR ? t->s : kind);
}


static void
yaml_sheet(struct ctx *c, const struct eco_node *root, const char *base)
{
	struct view v;
	struct eco_buf b = { 0 };
	char line[ECO_MODELINE_BUFSZ];

	view_of(c, root, base, &v);
	fprintf(c->out, "%s\n#\n", eco_schema_modeline(c->kind, line,
	    sizeof line));
	eco_buf_printf(&b, c->o->example ?
	    _("%s — worksheet filled with the examples (eco-gabarit --exemple %s)") :
	    _("%s — worksheet to fill (eco-gabarit %s)"),
	    v.title ? text_of(v.title) : c->kind, c->kind);
	if (v.desc)
		eco_buf_printf(&b, "\n\n%s", text_of(v.desc));
	eco_buf_adds(&b, "\n\n");
	if (rules(&v, &b))
		eco_buf_adds(&b, "\n\n");
	eco_buf_adds(&b, _("How to fill it: write each value after the colon of its line. "
	    "An optional field is commented out: a « # » starts its key line and "
	    "each line of its block; remove that first « # » to fill it, or leave "
	    "the lines as they are. Check the worksheet with « eco-validate FILE »."));
	eco_buf_adds(&b, "\n\n");
	eco_buf_adds(&b, _("Each field is explained in eco-formats(5), section"));
	eco_buf_adds(&b, " «\u00a0");
	kind_section(c->kind, root, &b);
	eco_buf_adds(&b, "\u00a0».");
	comment(c, 0, b.s ? b.s : "");
	c->oom |= b.oom;
	free(b.s);
	/* a document of its own: returned sheets concatenate */
	fputs("\n---\n", c->out);
	yaml_fields(c, &v, c->o->example ? first_example(&v) : NULL,
	    c->o->example, 0, 0, 1);
}

/* Printable forms: md and html share the walk, not the markup. */

static void
text(struct ctx *c, const char *s)
{
	eco_page_text(&c->page, s);
}

/* A paragraph; cls is the style sheet's (md writes em for "meta"). */
static void
para(struct ctx *c, const char *cls, const char *s)
{
	if (s && *s)
		eco_page_para(&c->page, cls, s);
}

/* Boxes to tick, the value's ticked. */
static void
boxes(struct ctx *c, const struct eco_node *vals, const struct eco_node *value)
{
	size_t i, j;

	eco_page_block(&c->page);
	fputs(c->o->format == ECO_SHEET_HTML ? "<p class=\"cases\">" : "", c->out);
	for (i = 0; i < vals->len; i++) {
		const struct eco_node *e = vals->u.items[i];
		int on = 0;

		if (value && value->type == ECO_SEQ) {
			for (j = 0; j < value->len; j++)
				on |= eco_node_equal(value->u.items[j], e);
		} else if (value)
			on = eco_node_equal(value, e);
		/* html: a box never apart from its word */
		fprintf(c->out, "%s%s%s ", i ? "  " : "", c->o->format ==
		    ECO_SHEET_HTML ? "<span class=\"k\">" : "", on ? "☒" : "☐");
		text(c, e->s);
		fputs(c->o->format == ECO_SHEET_HTML ? "</span>" : "", c->out);
	}
	fputs(c->o->format == ECO_SHEET_HTML ? "</p>\n" : "\n", c->out);
}

static const struct eco_node bool_vals[] = {
	{ .type = ECO_BOOL, .s = "true", .len = 4, .u.b = 1 },
	{ .type = ECO_BOOL, .s = "false", .len = 5, .u.b = 0 },
};

/* The place to write the answer, or the value already there. */
static void
answer(struct ctx *c, const struct view *v, const struct eco_node *value)
{
	static const struct eco_node *const bptr[] = { &bool_vals[0], &bool_vals[1] };
	static const struct eco_node bseq = { .type = ECO_SEQ, .len = 2,
	    .u.items = (struct eco_node **)(uintptr_t)bptr };
	struct view iv;
	const struct eco_node *vals = v->enums;
	struct eco_buf b = { 0 };

	items_of(c, v, &iv);
	if (!vals && is_array(v))
		vals = iv.enums;
	if (!vals && type_of(v) == TW_BOOL)
		vals = &bseq;
	if (vals && vals->type == ECO_SEQ) {
		boxes(c, vals, value);
		return;
	}
	if (value) {
		flow(&b, value, 0);
		if (c->o->format == ECO_SHEET_HTML)
			para(c, "rempli", b.s);
		else {
			eco_page_block(&c->page);
			fputs("> ", c->out);
			text(c, b.s ? b.s : "");
			fputs("\n", c->out);
		}
	} else if ((eco_page_block(&c->page), c->o->format == ECO_SHEET_HTML))
		fprintf(c->out, "%s", is_array(v) ? "<div class=\"ligne\"></div>"
		    "<div class=\"ligne\"></div><div class=\"ligne\"></div>\n" :
		    "<div class=\"ligne\"></div>\n");
	else
		fprintf(c->out, "%s\n", is_array(v) ?
		    "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  \n"
		    "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  \n"
		    "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_" :
		    "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_");
	c->oom |= b.oom;
	free(b.s);
}

static void form_field(struct ctx *, struct field *, int level, int depth);

static void
form_fields(struct ctx *c, const struct view *v, const struct eco_node *val,
    int fill, int level, int depth, int top)
{
	struct field f;
	struct eco_node pre;
	size_t i, j;

	for (i = 0; v->props && v->props->type == ECO_MAP && i < v->props->len; i++) {
		const char *key = v->props->u.pairs[i].key->s;

		if (retired(v->props->u.pairs[i].val))
			continue;
		field_init(c, &f, key, v->props->u.pairs[i].val, v->props_base,
		    is_required(v, key), val && val->type == ECO_MAP ?
		    eco_map_get(val, key) : NULL, fill && (!val || top), top, &pre);
		if (!f.v.cnst)	/* kind and version: said at the top */
			form_field(c, &f, level, depth + 1);
	}
	for (j = 0; val && val->type == ECO_MAP && j < val->len; j++) {
		const struct eco_node *k = val->u.pairs[j].key;
		struct eco_buf b = { 0 };

		if (k->type != ECO_STR || (v->props && eco_map_get(v->props, k->s)))
			continue;
		scalar(&b, k, 0);
		eco_buf_adds(&b, ": ");
		flow(&b, val->u.pairs[j].val, 0);
		para(c, "rempli", b.s);
		c->oom |= b.oom;
		free(b.s);
	}
}

/* Title, requirement and type, then the explanations. */
static void
form_guidance(struct ctx *c, const struct field *f, int level)
{
	struct eco_buf b = { 0 };

	eco_page_heading(&c->page, level, f->v.title ? text_of(f->v.title) :
	    f->key, f->key);
	status_line(c, f, " — ", &b);
	para(c, "meta", b.s);
	c->oom |= b.oom;
	free(b.s);
	explain(c, f, 1, para);
}

static void
form_field(struct ctx *c, struct field *f, int level, int depth)
{
	struct view iv;
	size_t i;
	int html = c->o->format == ECO_SHEET_HTML;

	if (html)
		fputs("<div class=\"champ\">\n", c->out);
	form_guidance(c, f, level);
	items_of(c, &f->v, &iv);
	if (depth > MAXDEPTH)
		answer(c, &f->v, f->value);
	else if (is_object(&f->v) && f->v.props &&
	    (!f->value || f->value->type == ECO_MAP)) {
		fputs(html ? "<div class=\"groupe\">\n" : "", c->out);
		form_fields(c, &f->v, f->value, f->fill, level + 1, depth, 0);
		fputs(html ? "</div>\n" : "", c->out);
	} else if (is_array(&f->v) && is_object(&iv) && iv.props &&
	    (!f->value || (f->value->type == ECO_SEQ && f->value->len))) {
		struct eco_buf b = { 0 };

		fputs(html ? "<div class=\"groupe\">\n" : "", c->out);
		if (!f->value) {
			para(c, "desc", _("For each item (copy this block as many times as needed):"));
			form_fields(c, &iv, NULL, f->fill, level + 1, depth, 0);
		}
		for (i = 0; f->value && i < f->value->len; i++) {
			eco_buf_clear(&b);
			eco_buf_printf(&b, _("Item %zu"), i + 1);
			para(c, "item", b.s);
			form_fields(c, &iv, f->value->u.items[i], 0, level + 1,
			    depth, 0);
		}
		fputs(html ? "</div>\n" : "", c->out);
		c->oom |= b.oom;
		free(b.s);
	} else
		answer(c, &f->v, f->value);
	if (html)
		fputs("</div>\n", c->out);
}

static void
form_sheet(struct ctx *c, const struct eco_node *root, const char *base)
{
	struct view v;
	struct eco_buf b = { 0 };
	const char *title;
	struct eco_page_info info;

	view_of(c, root, base, &v);
	title = v.title ? text_of(v.title) : c->kind;
	info.title = title;
	info.lang = NULL;
	info.name = c->name;
	info.date = c->date;
	eco_page_begin(&c->page, c->out, c->o->format == ECO_SHEET_HTML ?
	    ECO_PAGE_HTML : ECO_PAGE_MD, &info);
	para(c, "desc", text_of(v.desc));
	if (rules(&v, &b))
		para(c, "desc", b.s);
	eco_buf_clear(&b);
	eco_buf_printf(&b, _("To type it in: « eco-gabarit %s > FILE », fill the same "
	    "fields, then « eco-validate FILE »; the file starts with kind: %s "
	    "and version: 1."), c->kind, c->kind);
	para(c, "meta", b.s);
	eco_buf_clear(&b);
	eco_buf_printf(&b, "%s «\u00a0", _("Each field is explained in eco-formats(5), section"));
	kind_section(c->kind, root, &b);
	eco_buf_adds(&b, "\u00a0».");
	para(c, "meta", b.s);
	c->oom |= b.oom;
	free(b.s);
	form_fields(c, &v, c->o->example ? first_example(&v) : NULL,
	    c->o->example, 2, 0, 1);
	eco_page_end(&c->page);
}

/* The kinds. */

struct eco_embedded {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct eco_embedded eco_embedded_files[];

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t
eco_sheet_kinds(struct eco_schemaset *set, const char **names, size_t cap)
{
	const struct eco_embedded *e;
	size_t n = 0;

	for (e = eco_embedded_files; e->name; e++) {
		size_t len = strlen(e->name);
		const struct eco_schema *s;
		const char *k;
		char stem[64];

		if (len <= 12 || len - 12 >= sizeof stem ||
		    strcmp(e->name + len - 12, ".schema.json") != 0)
			continue;
		snprintf(stem, sizeof stem, "%.*s", (int)(len - 12), e->name);
		if (!(s = eco_schemaset_kind(set, stem)) ||
		    !(k = kind_of(eco_schema_node(s))))
			continue;
		if (n < cap)
			names[n] = k;
		n++;
	}
	qsort(names, n < cap ? n : cap, sizeof *names, by_name);
	return n;
}

const char *
eco_sheet_section(struct eco_schemaset *set, const char *kind, char *out,
    size_t cap)
{
	const struct eco_schema *s = eco_schemaset_kind(set, kind);
	struct eco_buf b = { 0 };

	if (!s || cap == 0)
		return NULL;
	kind_section(kind, eco_schema_node(s), &b);
	snprintf(out, cap, "%s", b.s ? b.s : "");
	free(b.s);
	return out;
}

static void
unknown_kind(struct eco_schemaset *set, const char *kind, struct eco_diags *d)
{
	const char *names[64], *close;
	size_t n = eco_sheet_kinds(set, names, 64), i;
	struct eco_buf b = { 0 };

	if (n > 64)
		n = 64;
	if ((close = eco_closest(kind, names, n))) {
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
		    _("unknown kind « %s » (did you mean %s?)"), kind, close);
		return;
	}
	for (i = 0; i < n; i++) {
		if (i)
			eco_buf_adds(&b, ", ");
		eco_buf_adds(&b, names[i]);
	}
	eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, NULL,
	    _("unknown kind « %s » (known kinds: %s)"), kind, b.s ? b.s : "");
	free(b.s);
}

int
eco_sheet_write(FILE *out, struct eco_schemaset *set, const char *kind,
    const struct eco_sheet_opts *o, struct eco_diags *d)
{
	return eco_sheet_print(out, set, kind, o, NULL, NULL, d);
}

int
eco_sheet_print(FILE *out, struct eco_schemaset *set, const char *kind,
    const struct eco_sheet_opts *o, const char *name, const char *date,
    struct eco_diags *d)
{
	const struct eco_schema *s = eco_schemaset_kind(set, kind);
	const struct eco_node *root, *id;
	struct ctx c;
	size_t i;

	if (!s || !(root = eco_schema_node(s))) {
		unknown_kind(set, kind, d);
		return -1;
	}
	memset(&c, 0, sizeof c);
	c.set = set;
	c.o = o;
	c.out = out;
	c.d = d;
	c.kind = kind;
	c.name = name;
	c.date = date;
	id = eco_map_get(root, "$id");
	if (o->format == ECO_SHEET_YAML)
		yaml_sheet(&c, root, text_of(id));
	else
		form_sheet(&c, root, text_of(id));
	for (i = 0; i < c.nbases; i++)
		free(c.bases[i]);
	if (c.oom) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	if (ferror(out)) {
		eco_diag_sys(d, NULL, _("cannot write the output: %s"),
		    strerror(errno ? errno : EIO));
		return -1;
	}
	return 0;
}

/* Records in the worksheets' style. */

static int
simple(const struct eco_node *n)
{
	size_t i;

	if (n->type == ECO_MAP)
		return 0;
	for (i = 0; n->type == ECO_SEQ && i < n->len; i++)
		if (n->u.items[i]->type == ECO_MAP || n->u.items[i]->type == ECO_SEQ)
			return 0;
	return 1;
}

static void
block(FILE *out, const struct eco_node *map, int indent, int dash, int depth,
    int *oom)
{
	size_t i, j;

	for (i = 0; map->type == ECO_MAP && i < map->len; i++) {
		const struct eco_node *k = map->u.pairs[i].key, *v = map->u.pairs[i].val;
		struct eco_buf b = { 0 };

		scalar(&b, k, 0);
		if (depth > MAXDEPTH || simple(v)) {
			eco_buf_adds(&b, ": ");
			flow(&b, v, 0);
		} else
			eco_buf_adds(&b, ":");
		fprintf(out, "%*s%s%s\n", i == 0 && dash ? indent - 2 : indent, "",
		    i == 0 && dash ? "- " : "", b.s ? b.s : "");
		*oom |= b.oom;
		free(b.s);
		if (depth > MAXDEPTH || simple(v))
			continue;
		if (v->type == ECO_MAP)
			block(out, v, indent + 2, 0, depth + 1, oom);
		for (j = 0; v->type == ECO_SEQ && j < v->len; j++) {
			if (v->u.items[j]->type == ECO_MAP && v->u.items[j]->len)
				block(out, v->u.items[j], indent + 4, 1, depth + 1, oom);
			else {
				struct eco_buf e = { 0 };

				flow(&e, v->u.items[j], 0);
				fprintf(out, "%*s- %s\n", indent + 2, "", e.s ? e.s : "");
				*oom |= e.oom;
				free(e.s);
			}
		}
	}
}

int
eco_sheet_yaml(FILE *out, const struct eco_node *map)
{
	int oom = 0;

	block(out, map, 0, 0, 0, &oom);
	return oom || ferror(out) ? -1 : 0;
}
