/*
 * eco_schema.c - JSON Schema draft 2020-12: compilation and validation.
 *
 * Schemas are compiled once into struct eco_schema records that the
 * validator walks without looking at the schema's tree again: property
 * tables sorted for binary search, required keys mapped to property
 * slots, regular expressions compiled (PCRE2, JIT when available),
 * references resolved to compiled targets.
 *
 * Validation has two modes.  Quiet mode answers valid or not and stops
 * at the first failure (applicators use it: anyOf, oneOf, not, if,
 * contains).  Reporting mode goes on through every keyword and records
 * each failure at the instance node's line and column with its JSON
 * pointer.  The valid path allocates nothing.
 *
 * $dynamicRef follows the dynamic scope (the resources entered on the
 * way to it), which the draft 2020-12 meta-schema needs.
 * unevaluatedProperties and unevaluatedItems collect what the schema's
 * other keywords and its passing in-place subschemas evaluated, only
 * when those keywords are present.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "eco_priv.h"

#define CHECK "schema"

enum {
	T_NULL = 1, T_BOOL = 2, T_INT = 4, T_NUM = 8, T_STR = 16, T_ARR = 32,
	T_OBJ = 64
};

enum {
	H_MIN = 1, H_MAX = 2, H_XMIN = 4, H_XMAX = 8, H_MULT = 16,
	H_MINLEN = 32, H_MAXLEN = 64, H_MINITEMS = 128, H_MAXITEMS = 256,
	H_MINPROPS = 512, H_MAXPROPS = 1024, H_MINCONT = 2048,
	H_MAXCONT = 4096, H_CONST = 8192, H_DECIMALS = 16384
};

enum fmt { F_NONE, F_DATE, F_DATETIME, F_TIME, F_EMAIL, F_URI };

struct resource;

struct prop {
	const char *name;
	size_t len;
	struct eco_schema *s;
};

struct pat {
	pcre2_code *re;
	struct eco_schema *s;
};

struct depreq {
	const char *name;
	size_t len;
	const struct eco_node *names;	/* sequence of strings */
};

struct ref {
	char *uri;			/* absolute, resolved at compile time */
	const char *file;		/* where it was written (set->names) */
	struct eco_schema *target;
	const char *dynanchor;		/* $dynamicRef fragment name */
	int line, col;
};

struct eco_schema {
	const struct eco_node *src;
	struct resource *res;
	unsigned char boolean;		/* 0 object schema, 1 true, 2 false */
	unsigned types;
	unsigned has;
	double minimum, maximum, xmin, xmax, mult;
	size_t minlen, maxlen, minitems, maxitems, minprops, maxprops;
	size_t mincont, maxcont;
	int unique;
	int decimals;			/* x-eco-decimales */
	const struct eco_node *konst;
	const struct eco_node *enums;	/* sequence */
	struct prop *props;
	size_t nprops;
	size_t *required;		/* indexes into props, or SIZE_MAX */
	const struct eco_node **reqname;
	size_t nreq;
	struct eco_schema *additional;
	struct pat *pats;
	size_t npats;
	struct eco_schema *propnames;
	struct eco_schema **prefix;
	size_t nprefix;
	struct eco_schema *items;
	struct eco_schema *contains;
	pcre2_code *pattern;
	struct depreq *depreq;
	size_t ndepreq;
	struct prop *depsch;
	size_t ndepsch;
	struct eco_schema **all, **any, **one;
	size_t nall, nany, none;
	struct eco_schema *not_, *if_, *then_, *else_;
	struct ref *ref, *dynref;
	struct eco_schema *uprops, *uitems;
	enum fmt format;
	const char *dynanchor;		/* this schema's $dynamicAnchor */
	unsigned char only_ref;		/* nothing but a $ref (and notes) */
	unsigned char track;		/* keep the dynamic scope */
	unsigned char cut;		/* skip and track are final */
	const struct eco_schema *skip;	/* only_ref: where the chain ends */
};

struct anchor {
	const char *name;
	size_t len;
	const struct eco_node *node;
	struct eco_schema *s;		/* compiled schema at node */
	int dynamic;
};

struct resource {
	char *uri;			/* without fragment */
	const struct eco_node *root;
	struct anchor *anchors;
	size_t nanchors;
	struct resource *next;
};

struct memo {
	const struct eco_node *node;
	struct eco_schema *s;
};

struct kind {
	char *name;
	struct eco_schema *s;
	const struct eco_reftree *refs;	/* where its documents name ids */
	int refs_built;
};

/* A file of a lazy set, read when something in it is first needed. */
struct pending {
	const char *name;	/* base name: "plan.schema.json" */
	const char *data;	/* compiled in; NULL: read from the set's dir */
	size_t len;
	int state;		/* 0 not read, 1 reading or read, -1 failed */
};

struct eco_schemaset {
	struct eco_arena *arena;
	struct resource *resources;
	struct memo *memo;
	size_t nmemo, memocap;	/* open addressing, by node address */
	struct ref **refs;
	size_t nrefs, refcap;
	struct eco_doc **docs;
	size_t ndocs;
	struct kind *kinds;
	size_t nkinds;
	pcre2_code **codes;
	size_t ncodes, codecap;
	int anon;
	int lazy;		/* files are read when first needed */
	struct pending *pend;
	size_t npend;
	char *dir;		/* $ECO_SCHEMAS of a lazy set */
	size_t refs_done;	/* lazy: refs before this one were resolved */
	struct eco_reftree **trees;	/* every reference tree, to free */
	size_t ntrees, treecap;
	pthread_mutex_t mu;	/* lazy: held while reading and compiling */
	int no_formats;		/* format is an annotation only */
	int dynamic;		/* some schema uses $dynamicRef */
	const char *file;	/* name of the schema being added, for messages */
};

/* Small growable arrays. */
static int
grow(void *pv, size_t *cap, size_t n, size_t size)
{
	void **p = pv;
	void *np;
	size_t c = *cap ? *cap * 2 : 8;

	if (n < *cap)
		return 0;
	if (!(np = realloc(*p, c * size)))
		return -1;
	*p = np;
	*cap = c;
	return 0;
}

/* URIs (RFC 3986 reference resolution, enough for schema $id/$ref). */

static size_t
scheme_len(const char *s)
{
	size_t i = 0;

	if (!isalpha((unsigned char)s[0]))
		return 0;
	while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' ||
	    s[i] == '.')
		i++;
	return s[i] == ':' ? i + 1 : 0;
}

static void
remove_dots(char *path)
{
	char *out = path, *in = path;

	while (*in) {
		if (strncmp(in, "../", 3) == 0)
			in += 3;
		else if (strncmp(in, "./", 2) == 0)
			in += 2;
		else if (strncmp(in, "/./", 3) == 0)
			in += 2;
		else if (strcmp(in, "/.") == 0)
			in[1] = '\0';
		else if (strncmp(in, "/../", 4) == 0 || strcmp(in, "/..") == 0) {
			in += 3;
			if (!*in) {
				in--;
				*in = '/';
			}
			while (out > path && *--out != '/')
				;
		} else if (strcmp(in, ".") == 0 || strcmp(in, "..") == 0)
			in += strlen(in);
		else {
			if (*in == '/')
				*out++ = *in++;
			while (*in && *in != '/')
				*out++ = *in++;
		}
	}
	*out = '\0';
}

/* Resolve ref against base; malloc'd result. */
static char *
uri_resolve(const char *base, const char *ref)
{
	size_t bs = scheme_len(base), n;
	const char *auth_end, *path, *q;
	char *out;

	if (scheme_len(ref) || !*base) {
		if (!(out = strdup(ref)))
			return NULL;
		if ((q = strstr(out, "://")))
			remove_dots(strchr(q + 3, '/') ? strchr(q + 3, '/') : out + strlen(out));
		return out;
	}
	n = strlen(base) + strlen(ref) + 2;
	if (!(out = malloc(n)))
		return NULL;
	if (ref[0] == '#' || ref[0] == '\0') {
		q = strchr(base, '#');
		snprintf(out, n, "%.*s%s", (int)(q ? (size_t)(q - base) : strlen(base)), base, ref);
		return out;
	}
	/* authority part of base */
	path = base + bs;
	if (path[0] == '/' && path[1] == '/') {
		auth_end = path + 2;
		while (*auth_end && *auth_end != '/' && *auth_end != '?' && *auth_end != '#')
			auth_end++;
	} else
		auth_end = path;
	if (ref[0] == '/' && ref[1] == '/') {
		snprintf(out, n, "%.*s%s", (int)bs, base, ref);
		return out;
	}
	if (ref[0] == '/') {
		snprintf(out, n, "%.*s%s", (int)(auth_end - base), base, ref);
		remove_dots(out + (auth_end - base));
		return out;
	}
	if (ref[0] == '?') {
		q = auth_end + strcspn(auth_end, "?#");
		snprintf(out, n, "%.*s%s", (int)(q - base), base, ref);
		return out;
	}
	/* merge: base path up to its last '/' */
	q = auth_end + strcspn(auth_end, "?#");
	{
		const char *slash = q;

		while (slash > auth_end && slash[-1] != '/')
			slash--;
		if (slash == auth_end && auth_end > path) {
			snprintf(out, n, "%.*s/%s", (int)(auth_end - base), base, ref);
		} else
			snprintf(out, n, "%.*s%s", (int)(slash - base), base, ref);
	}
	remove_dots(out + (auth_end - base));
	return out;
}

/* Split off the fragment: returns it (after '#') and cuts uri. */
static char *
cut_fragment(char *uri)
{
	char *h = strchr(uri, '#');

	if (!h)
		return NULL;
	*h = '\0';
	return h + 1;
}

/* Set up and tear down. */

struct eco_schemaset *
eco_schemaset_new(void)
{
	struct eco_schemaset *set = calloc(1, sizeof *set);

	if (set && !(set->arena = eco_arena_new())) {
		free(set);
		return NULL;
	}
	if (set)
		pthread_mutex_init(&set->mu, NULL);
	return set;
}

void
eco_schemaset_free(struct eco_schemaset *set)
{
	struct resource *r, *next;
	size_t i;

	if (!set)
		return;
	for (r = set->resources; r; r = next) {
		next = r->next;
		free(r->uri);
		free(r->anchors);
		free(r);
	}
	for (i = 0; i < set->nrefs; i++)
		free(set->refs[i]->uri);
	for (i = 0; i < set->ncodes; i++)
		pcre2_code_free(set->codes[i]);
	for (i = 0; i < set->ndocs; i++)
		eco_doc_free(set->docs[i]);
	for (i = 0; i < set->nkinds; i++)
		free(set->kinds[i].name);
	for (i = 0; i < set->ntrees; i++) {
		free(set->trees[i]->keys);
		free(set->trees[i]->pats);
		free(set->trees[i]->prefix);
		free(set->trees[i]);
	}
	free(set->trees);
	free(set->pend);
	free(set->dir);
	pthread_mutex_destroy(&set->mu);
	free(set->kinds);
	free(set->codes);
	free(set->docs);
	free(set->refs);
	free(set->memo);
	eco_arena_free(set->arena);
	free(set);
}

void
eco_schemaset_adopt(struct eco_schemaset *set, struct eco_doc *doc)
{
	struct eco_doc **d = realloc(set->docs, (set->ndocs + 1) * sizeof *d);

	if (!d) {
		eco_doc_free(doc);
		return;
	}
	d[set->ndocs++] = doc;
	set->docs = d;
}

void
eco_schemaset_formats(struct eco_schemaset *set, int assert)
{
	set->no_formats = !assert;
}

const struct eco_node *
eco_schema_node(const struct eco_schema *s)
{
	return s->src;
}

/* Memo: node address → compiled schema. */

static size_t
ptr_hash(const void *p)
{
	uintptr_t v = (uintptr_t)p;

	v ^= v >> 17;
	v *= 0x9E3779B97F4A7C15u;
	return (size_t)(v ^ (v >> 29));
}

static struct eco_schema *
memo_get(struct eco_schemaset *set, const struct eco_node *n)
{
	size_t i;

	if (!set->memocap)
		return NULL;
	for (i = ptr_hash(n) & (set->memocap - 1); set->memo[i].node;
	    i = (i + 1) & (set->memocap - 1))
		if (set->memo[i].node == n)
			return set->memo[i].s;
	return NULL;
}

static int
memo_put(struct eco_schemaset *set, const struct eco_node *n,
    struct eco_schema *s)
{
	size_t i;

	if ((set->nmemo + 1) * 2 > set->memocap) {
		size_t cap = set->memocap ? set->memocap * 2 : 256, j;
		struct memo *m = calloc(cap, sizeof *m);

		if (!m)
			return -1;
		for (j = 0; j < set->memocap; j++) {
			if (!set->memo[j].node)
				continue;
			for (i = ptr_hash(set->memo[j].node) & (cap - 1); m[i].node;
			    i = (i + 1) & (cap - 1))
				;
			m[i] = set->memo[j];
		}
		free(set->memo);
		set->memo = m;
		set->memocap = cap;
	}
	for (i = ptr_hash(n) & (set->memocap - 1); set->memo[i].node;
	    i = (i + 1) & (set->memocap - 1))
		;
	set->memo[i].node = n;
	set->memo[i].s = s;
	set->nmemo++;
	return 0;
}

/* Compilation. */

struct comp {
	struct eco_schemaset *set;
	struct eco_diags *diags;
	const char *file;
	int failed;
};

static void
cerr(struct comp *c, const struct eco_node *n, const char *fmt, const char *a)
{
	eco_diag_add(c->diags, c->file, n ? n->line : 0, n ? n->col : 0,
	    ECO_SEV_ERROR, CHECK, fmt, a);
	c->failed = 1;
}

static struct eco_schema *compile(struct comp *, const struct eco_node *,
    const char *base, struct resource *);

static struct resource *
find_resource(struct eco_schemaset *set, const char *uri)
{
	struct resource *r;

	for (r = set->resources; r; r = r->next)
		if (strcmp(r->uri, uri) == 0)
			return r;
	return NULL;
}

static struct resource *
new_resource(struct comp *c, const char *uri, const struct eco_node *root)
{
	struct resource *r = find_resource(c->set, uri);

	if (r)
		return r;
	if (!(r = calloc(1, sizeof *r)) || !(r->uri = strdup(uri))) {
		free(r);
		return NULL;
	}
	r->root = root;
	r->next = c->set->resources;
	c->set->resources = r;
	return r;
}

static int
is_str(const struct eco_node *n)
{
	return n && n->type == ECO_STR;
}

static int
as_size(const struct eco_node *n, size_t *out)
{
	if (!n || (n->type != ECO_INT && n->type != ECO_FLOAT) || n->num < 0 ||
	    n->num != floor(n->num))
		return 0;
	*out = n->num > (double)SIZE_MAX / 2 ? SIZE_MAX / 2 : (size_t)n->num;
	return 1;
}

static int
as_num(const struct eco_node *n, double *out)
{
	if (!n || (n->type != ECO_INT && n->type != ECO_FLOAT))
		return 0;
	*out = n->num;
	return 1;
}

static unsigned
type_bit(const char *s)
{
	static const char *const names[] = {
		"null", "boolean", "integer", "number", "string", "array",
		"object"
	};
	unsigned i;

	for (i = 0; i < 7; i++)
		if (strcmp(s, names[i]) == 0)
			return 1u << i;
	return 0;
}

static struct eco_schema **
compile_list(struct comp *c, const struct eco_node *n, const char *base,
    struct resource *res, size_t *count)
{
	struct eco_schema **v;
	size_t i;

	if (!n || n->type != ECO_SEQ) {
		cerr(c, n, "%s", _("a list of schemas is expected here"));
		return NULL;
	}
	if (!(v = eco_arena_alloc(c->set->arena, (n->len + 1) * sizeof *v)))
		return NULL;
	for (i = 0; i < n->len; i++)
		if (!(v[i] = compile(c, n->u.items[i], base, res)))
			return NULL;
	*count = n->len;
	return v;
}

static int
prop_cmp(const void *a, const void *b)
{
	const struct prop *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int r = memcmp(x->name, y->name, n);

	return r ? r : (x->len > y->len) - (x->len < y->len);
}

static struct prop *
compile_props(struct comp *c, const struct eco_node *n, const char *base,
    struct resource *res, size_t *count)
{
	struct prop *v;
	size_t i;

	if (!n || n->type != ECO_MAP) {
		cerr(c, n, "%s", _("a mapping of schemas is expected here"));
		return NULL;
	}
	if (!(v = eco_arena_alloc(c->set->arena, (n->len + 1) * sizeof *v)))
		return NULL;
	for (i = 0; i < n->len; i++) {
		if (n->u.pairs[i].key->type == ECO_SEQ ||
		    n->u.pairs[i].key->type == ECO_MAP) {
			cerr(c, n->u.pairs[i].key, "%s",
			    _("a property name must be text"));
			return NULL;
		}
		v[i].name = n->u.pairs[i].key->s;
		v[i].len = n->u.pairs[i].key->len;
		if (!(v[i].s = compile(c, n->u.pairs[i].val, base, res)))
			return NULL;
	}
	qsort(v, n->len, sizeof *v, prop_cmp);
	*count = n->len;
	return v;
}

/*
 * ECMA-262 (the dialect of JSON Schema) names Unicode general categories
 * in full (\p{Letter}); PCRE2 knows the short names (\p{L}).
 */
static const char *const gc_names[][2] = {
	{ "Letter", "L" }, { "Cased_Letter", "L&" }, { "Uppercase_Letter", "Lu" },
	{ "Lowercase_Letter", "Ll" }, { "Titlecase_Letter", "Lt" },
	{ "Modifier_Letter", "Lm" }, { "Other_Letter", "Lo" }, { "Mark", "M" },
	{ "Nonspacing_Mark", "Mn" }, { "Spacing_Mark", "Mc" },
	{ "Enclosing_Mark", "Me" }, { "Number", "N" }, { "Decimal_Number", "Nd" },
	{ "digit", "Nd" }, { "Letter_Number", "Nl" }, { "Other_Number", "No" },
	{ "Punctuation", "P" }, { "punct", "P" }, { "Connector_Punctuation", "Pc" },
	{ "Dash_Punctuation", "Pd" }, { "Open_Punctuation", "Ps" },
	{ "Close_Punctuation", "Pe" }, { "Initial_Punctuation", "Pi" },
	{ "Final_Punctuation", "Pf" }, { "Other_Punctuation", "Po" },
	{ "Symbol", "S" }, { "Math_Symbol", "Sm" }, { "Currency_Symbol", "Sc" },
	{ "Modifier_Symbol", "Sk" }, { "Other_Symbol", "So" },
	{ "Separator", "Z" }, { "Space_Separator", "Zs" },
	{ "Line_Separator", "Zl" }, { "Paragraph_Separator", "Zp" },
	{ "Other", "C" }, { "Control", "Cc" }, { "cntrl", "Cc" },
	{ "Format", "Cf" }, { "Surrogate", "Cs" }, { "Private_Use", "Co" },
	{ "Unassigned", "Cn" },
};

static char *
ecma_to_pcre(const char *s, size_t n, size_t *outlen)
{
	char *out = malloc(n + 1), *o = out;
	size_t i = 0, k;

	if (!out)
		return NULL;
	while (i < n) {
		if (s[i] == '\\' && i + 2 < n && (s[i + 1] == 'p' || s[i + 1] == 'P') &&
		    s[i + 2] == '{') {
			const char *name = s + i + 3, *end = memchr(name, '}', n - i - 3);
			size_t len;

			if (end) {
				len = (size_t)(end - name);
				if (len > 17 && strncmp(name, "General_Category=", 17) == 0)
					name += 17, len -= 17;
				else if (len > 3 && strncmp(name, "gc=", 3) == 0)
					name += 3, len -= 3;
				for (k = 0; k < sizeof gc_names / sizeof *gc_names; k++)
					if (strlen(gc_names[k][0]) == len &&
					    memcmp(name, gc_names[k][0], len) == 0)
						break;
				*o++ = s[i];
				*o++ = s[i + 1];
				*o++ = '{';
				if (k < sizeof gc_names / sizeof *gc_names) {
					strcpy(o, gc_names[k][1]);
					o += strlen(gc_names[k][1]);
				} else {
					memcpy(o, name, len);
					o += len;
				}
				*o++ = '}';
				i = (size_t)(end - s) + 1;
				continue;
			}
		}
		if (s[i] == '\\' && i + 1 < n) {
			*o++ = s[i++];
		}
		*o++ = s[i++];
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

/* PCRE2's messages for the mistakes a pattern is likely to hold, in the
 * language of the messages (PCRE2 speaks English only); NULL for the
 * others. */
static const char *
pcre_said(int err)
{
	switch (err) {
	case PCRE2_ERROR_END_BACKSLASH:
		return _("\\ at the end of the pattern");
	case PCRE2_ERROR_UNKNOWN_ESCAPE:
		return _("unknown escape after \\");
	case PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER:
		return _("numbers out of order in {} (the smaller first)");
	case PCRE2_ERROR_QUANTIFIER_TOO_BIG:
		return _("number too big in {}");
	case PCRE2_ERROR_MISSING_SQUARE_BRACKET:
		return _("[ without its ]");
	case PCRE2_ERROR_ESCAPE_INVALID_IN_CLASS:
		return _("escape not allowed inside [ ]");
	case PCRE2_ERROR_CLASS_RANGE_ORDER:
		return _("range out of order inside [ ] (the smaller first)");
	case PCRE2_ERROR_QUANTIFIER_INVALID:
		return _("*, + or ? with nothing before it to repeat");
	case PCRE2_ERROR_INVALID_AFTER_PARENS_QUERY:
		return _("unknown group after (?");
	case PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS:
		return _("( without its )");
	case PCRE2_ERROR_BAD_SUBPATTERN_REFERENCE:
		return _("reference to a group that does not exist");
	case PCRE2_ERROR_MISSING_COMMENT_CLOSING:
		return _("comment (?# without its )");
	case PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS:
		return _(") without its (");
	case PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH:
		return _("a look-behind must have a fixed length");
	case PCRE2_ERROR_UNKNOWN_POSIX_CLASS:
		return _("unknown POSIX class inside [ ]");
	default:
		return NULL;
	}
}

static pcre2_code *
compile_re(struct comp *c, const struct eco_node *n)
{
	pcre2_code *re;
	int err;
	PCRE2_SIZE off;
	char *src;
	size_t len;

	if (!is_str(n)) {
		cerr(c, n, "%s", _("a regular expression is expected here"));
		return NULL;
	}
	if (!(src = ecma_to_pcre(n->s, n->len, &len)))
		return NULL;
	re = pcre2_compile((PCRE2_SPTR)src, len,
	    PCRE2_UTF | PCRE2_DOLLAR_ENDONLY, &err, &off, NULL);
	free(src);
	if (!re) {
		PCRE2_UCHAR msg[256];
		const char *said = pcre_said(err);

		/* else PCRE2's own words, which it does not translate */
		pcre2_get_error_message(err, msg, sizeof msg);
		if (said)
			snprintf((char *)msg, sizeof msg, _("%s (at character %zu)"),
			    said, (size_t)off + 1);
		cerr(c, n, _("invalid regular expression: %s"), (char *)msg);
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	if (grow(&c->set->codes, &c->set->codecap, c->set->ncodes,
	    sizeof *c->set->codes) < 0) {
		pcre2_code_free(re);
		return NULL;
	}
	c->set->codes[c->set->ncodes++] = re;
	return re;
}

static struct ref *
new_ref(struct comp *c, const struct eco_node *n, const char *base)
{
	struct ref *r;

	if (!is_str(n)) {
		cerr(c, n, "%s", _("a reference (URI) is expected here"));
		return NULL;
	}
	if (!(r = eco_arena_alloc(c->set->arena, sizeof *r)))
		return NULL;
	memset(r, 0, sizeof *r);
	r->line = n->line;
	r->col = n->col;
	r->file = c->file;
	if (!(r->uri = uri_resolve(base, n->s)))
		return NULL;
	if (grow(&c->set->refs, &c->set->refcap, c->set->nrefs,
	    sizeof *c->set->refs) < 0) {
		free(r->uri);
		return NULL;
	}
	c->set->refs[c->set->nrefs++] = r;
	return r;
}

static enum fmt
format_of(const char *s)
{
	if (strcmp(s, "date") == 0)
		return F_DATE;
	if (strcmp(s, "date-time") == 0)
		return F_DATETIME;
	if (strcmp(s, "time") == 0)
		return F_TIME;
	if (strcmp(s, "email") == 0)
		return F_EMAIL;
	if (strcmp(s, "uri") == 0)
		return F_URI;
	return F_NONE;
}

static int
add_anchor(struct resource *res, const struct eco_node *name,
    struct eco_schema *s, int dynamic)
{
	struct anchor *a = realloc(res->anchors,
	    (res->nanchors + 1) * sizeof *a);

	if (!a)
		return -1;
	res->anchors = a;
	a[res->nanchors].name = name->s;
	a[res->nanchors].len = name->len;
	a[res->nanchors].node = s->src;
	a[res->nanchors].s = s;
	a[res->nanchors++].dynamic = dynamic;
	return 0;
}

/* Keywords whose value is one subschema. */
#define ONE(key, field) \
	else if (strcmp(k, key) == 0) { \
		if (!(s->field = compile(c, v, base, res))) \
			goto fail; \
	}

/* The annotations that fill most of eco's schemas: nothing to compile. */
static int
is_note(const char *k)
{
	switch (k[0]) {
	case 'd':
		return strcmp(k, "description") == 0;
	case 't':
		return strcmp(k, "title") == 0;
	case 'e':
		return strcmp(k, "examples") == 0;
	}
	return 0;
}

static int
compile_keyword(struct comp *c, struct eco_schema *s, const char *k,
    const struct eco_node *v, const char *base, struct resource *res)
{
	size_t i;

	if (is_note(k))
		return 0;
	if (strcmp(k, "$ref") == 0) {
		if (!(s->ref = new_ref(c, v, base)))
			goto fail;
	} else if (strcmp(k, "type") == 0) {
		if (is_str(v))
			s->types = type_bit(v->s);
		else if (v->type == ECO_SEQ)
			for (i = 0; i < v->len; i++)
				s->types |= is_str(v->u.items[i]) ?
				    type_bit(v->u.items[i]->s) : 0;
		if (!s->types)
			cerr(c, v, "%s", _("unknown type in « type »"));
	} else if (strcmp(k, "enum") == 0) {
		if (v->type != ECO_SEQ)
			cerr(c, v, "%s", _("« enum » takes a list"));
		else
			s->enums = v;
	} else if (strcmp(k, "const") == 0) {
		s->konst = v;
		s->has |= H_CONST;
	} else if (strcmp(k, "properties") == 0) {
		if (!(s->props = compile_props(c, v, base, res, &s->nprops)))
			goto fail;
	} else if (strcmp(k, "patternProperties") == 0) {
		if (v->type != ECO_MAP) {
			cerr(c, v, "%s", _("a mapping of schemas is expected here"));
			goto fail;
		}
		if (!(s->pats = eco_arena_alloc(c->set->arena,
		    (v->len + 1) * sizeof *s->pats)))
			goto fail;
		for (i = 0; i < v->len; i++) {
			if (!(s->pats[i].re = compile_re(c, v->u.pairs[i].key)) ||
			    !(s->pats[i].s = compile(c, v->u.pairs[i].val, base, res)))
				goto fail;
		}
		s->npats = v->len;
	} else if (strcmp(k, "dependentSchemas") == 0) {
		if (!(s->depsch = compile_props(c, v, base, res, &s->ndepsch)))
			goto fail;
	} else if (strcmp(k, "dependentRequired") == 0) {
		if (v->type != ECO_MAP) {
			cerr(c, v, "%s", _("« dependentRequired » takes a mapping"));
			goto fail;
		}
		if (!(s->depreq = eco_arena_alloc(c->set->arena,
		    (v->len + 1) * sizeof *s->depreq)))
			goto fail;
		for (i = 0; i < v->len; i++) {
			if (!is_str(v->u.pairs[i].key)) {
				cerr(c, v->u.pairs[i].key, "%s",
				    _("a property name must be text"));
				goto fail;
			}
			s->depreq[i].name = v->u.pairs[i].key->s;
			s->depreq[i].len = v->u.pairs[i].key->len;
			s->depreq[i].names = v->u.pairs[i].val;
		}
		s->ndepreq = v->len;
	} else if (strcmp(k, "prefixItems") == 0) {
		if (!(s->prefix = compile_list(c, v, base, res, &s->nprefix)))
			goto fail;
	} else if (strcmp(k, "allOf") == 0) {
		if (!(s->all = compile_list(c, v, base, res, &s->nall)))
			goto fail;
	} else if (strcmp(k, "anyOf") == 0) {
		if (!(s->any = compile_list(c, v, base, res, &s->nany)))
			goto fail;
	} else if (strcmp(k, "oneOf") == 0) {
		if (!(s->one = compile_list(c, v, base, res, &s->none)))
			goto fail;
	}
	ONE("additionalProperties", additional)
	ONE("propertyNames", propnames)
	ONE("items", items)
	ONE("contains", contains)
	ONE("not", not_)
	ONE("if", if_)
	ONE("then", then_)
	ONE("else", else_)
	ONE("unevaluatedProperties", uprops)
	ONE("unevaluatedItems", uitems)
	else if (strcmp(k, "$defs") == 0 || strcmp(k, "definitions") == 0) {
		if (v->type == ECO_MAP)
			for (i = 0; i < v->len; i++)
				if (!compile(c, v->u.pairs[i].val, base, res))
					goto fail;
	} else if (strcmp(k, "pattern") == 0) {
		if (!(s->pattern = compile_re(c, v)))
			goto fail;
	} else if (strcmp(k, "format") == 0) {
		if (is_str(v) && !c->set->no_formats)
			s->format = format_of(v->s);
	} else if (strcmp(k, "$dynamicRef") == 0) {
		const char *h;

		if (!(s->dynref = new_ref(c, v, base)))
			goto fail;
		c->set->dynamic = 1;
		if ((h = strchr(v->s, '#')) && h[1] != '/' && h[1])
			s->dynref->dynanchor = h + 1;
	} else if (strcmp(k, "uniqueItems") == 0) {
		s->unique = v->type == ECO_BOOL && v->u.b;
	} else if (strcmp(k, "x-eco-decimales") == 0) {
		/* eco's own: at most this many digits after the point, as the
		 * number is written (multipleOf 0.01 fails on 4.35 in binary
		 * floating point, in the validators that publish it) */
		if (v->type != ECO_INT || v->u.i < 0 || v->u.i > 30)
			cerr(c, v, _("« %s » takes a whole number from 0 to 30"), k);
		else {
			s->decimals = (int)v->u.i;
			s->has |= H_DECIMALS;
		}
	} else {
		static const struct { const char *k; unsigned h; size_t off; } nums[] = {
			{ "minimum", H_MIN, offsetof(struct eco_schema, minimum) },
			{ "maximum", H_MAX, offsetof(struct eco_schema, maximum) },
			{ "exclusiveMinimum", H_XMIN, offsetof(struct eco_schema, xmin) },
			{ "exclusiveMaximum", H_XMAX, offsetof(struct eco_schema, xmax) },
			{ "multipleOf", H_MULT, offsetof(struct eco_schema, mult) },
		}, sizes[] = {
			{ "minLength", H_MINLEN, offsetof(struct eco_schema, minlen) },
			{ "maxLength", H_MAXLEN, offsetof(struct eco_schema, maxlen) },
			{ "minItems", H_MINITEMS, offsetof(struct eco_schema, minitems) },
			{ "maxItems", H_MAXITEMS, offsetof(struct eco_schema, maxitems) },
			{ "minProperties", H_MINPROPS, offsetof(struct eco_schema, minprops) },
			{ "maxProperties", H_MAXPROPS, offsetof(struct eco_schema, maxprops) },
			{ "minContains", H_MINCONT, offsetof(struct eco_schema, mincont) },
			{ "maxContains", H_MAXCONT, offsetof(struct eco_schema, maxcont) },
		};

		for (i = 0; i < sizeof nums / sizeof *nums; i++)
			if (strcmp(k, nums[i].k) == 0) {
				if (!as_num(v, (double *)((char *)s + nums[i].off)))
					cerr(c, v, _("« %s » takes a number"), k);
				else
					s->has |= nums[i].h;
				return 0;
			}
		for (i = 0; i < sizeof sizes / sizeof *sizes; i++)
			if (strcmp(k, sizes[i].k) == 0) {
				if (!as_size(v, (size_t *)((char *)s + sizes[i].off)))
					cerr(c, v, _("« %s » takes a non-negative integer"), k);
				else
					s->has |= sizes[i].h;
				return 0;
			}
		/* title, description, $comment, default, examples…: annotations */
	}
	return 0;
fail:
	return -1;
}

static int
compile_required(struct comp *c, struct eco_schema *s, const struct eco_node *v)
{
	size_t i;

	if (v->type != ECO_SEQ) {
		cerr(c, v, "%s", _("« required » takes a list of names"));
		return 0;
	}
	s->nreq = v->len;
	if (!(s->required = eco_arena_alloc(c->set->arena,
	    (v->len + 1) * sizeof *s->required)) ||
	    !(s->reqname = eco_arena_alloc(c->set->arena,
	    (v->len + 1) * sizeof *s->reqname)))
		return -1;
	for (i = 0; i < v->len; i++) {
		const struct eco_node *nm = v->u.items[i];
		struct prop key, *p;

		s->reqname[i] = nm;
		s->required[i] = SIZE_MAX;
		if (!is_str(nm))
			continue;
		key.name = nm->s;
		key.len = nm->len;
		if (s->nprops && (p = bsearch(&key, s->props, s->nprops,
		    sizeof *p, prop_cmp)))
			s->required[i] = (size_t)(p - s->props);
	}
	return 0;
}

/* 1 when a schema says nothing but $ref, besides annotations. */
static int
only_ref(const struct eco_node *n)
{
	static const char *const notes[] = {
		"$ref", "title", "description", "examples", "default",
		"$comment", "deprecated", "readOnly", "writeOnly", "$schema", NULL
	};
	const char *const *w;
	size_t i;

	for (i = 0; i < n->len; i++) {
		const struct eco_node *k = n->u.pairs[i].key;

		for (w = notes; *w; w++)
			if (k->type == ECO_STR && strcmp(k->s, *w) == 0)
				break;
		if (!*w)
			return 0;
	}
	return 1;
}

static struct eco_schema *
compile(struct comp *c, const struct eco_node *n, const char *base,
    struct resource *res)
{
	struct eco_schema *s;
	const struct eco_node *id, *req = NULL;
	char *newbase = NULL;
	size_t i;

	if ((s = memo_get(c->set, n)))
		return s;
	if (!(s = eco_arena_alloc(c->set->arena, sizeof *s)))
		return NULL;
	memset(s, 0, sizeof *s);
	s->src = n;
	s->res = res;
	if (memo_put(c->set, n, s) < 0)
		return NULL;
	if (n->type == ECO_BOOL) {
		s->boolean = n->u.b ? 1 : 2;
		return s;
	}
	if (n->type != ECO_MAP) {
		cerr(c, n, "%s", _("a schema must be a mapping or a boolean"));
		s->boolean = 1;
		return s;
	}
	if ((id = eco_map_get(n, "$id")) && is_str(id)) {
		if (!(newbase = uri_resolve(base, id->s)))
			return NULL;
		cut_fragment(newbase);
		if (!(res = new_resource(c, newbase, n))) {
			free(newbase);
			return NULL;
		}
		s->res = res;
		base = res->uri;
		free(newbase);
	}
	for (i = 0; i < n->len; i++) {
		const struct eco_node *k = n->u.pairs[i].key, *v = n->u.pairs[i].val;

		if (!is_str(k))
			continue;
		if (strcmp(k->s, "$anchor") == 0 && is_str(v)) {
			if (add_anchor(res, v, s, 0) < 0)
				return NULL;
		} else if (strcmp(k->s, "$dynamicAnchor") == 0 && is_str(v)) {
			if (add_anchor(res, v, s, 1) < 0)
				return NULL;
			s->dynanchor = v->s;
		} else if (strcmp(k->s, "required") == 0)
			req = v;
		else if (compile_keyword(c, s, k->s, v, base, res) < 0)
			return NULL;
	}
	if (req && compile_required(c, s, req) < 0)
		return NULL;
	s->only_ref = s->ref && only_ref(n);
	return s;
}

/* Percent-decoded JSON pointer walk from a resource's root. */
static const struct eco_node *
pointer(const struct eco_node *n, const char *p)
{
	char tok[1024];

	while (n && *p == '/') {
		size_t t = 0;

		p++;
		while (*p && *p != '/' && t < sizeof tok - 1) {
			if (*p == '%' && isxdigit((unsigned char)p[1]) &&
			    isxdigit((unsigned char)p[2])) {
				char hex[3] = { p[1], p[2], 0 };

				tok[t++] = (char)strtol(hex, NULL, 16);
				p += 3;
			} else if (*p == '~' && (p[1] == '0' || p[1] == '1')) {
				tok[t++] = p[1] == '0' ? '~' : '/';
				p += 2;
			} else
				tok[t++] = *p++;
		}
		tok[t] = '\0';
		if (n->type == ECO_MAP) {
			size_t i;
			const struct eco_node *next = NULL;

			for (i = 0; i < n->len; i++)
				if (n->u.pairs[i].key->len == t &&
				    memcmp(n->u.pairs[i].key->s, tok, t) == 0)
					next = n->u.pairs[i].val;
			n = next;
		} else if (n->type == ECO_SEQ) {
			char *end;
			unsigned long i = strtoul(tok, &end, 10);

			n = *end || !t || i >= n->len ? NULL : n->u.items[i];
		} else
			n = NULL;
	}
	return *p ? NULL : n;
}

static int load_pending(struct eco_schemaset *, const char *name,
    struct eco_diags *);

static struct eco_schema *
lookup(struct eco_schemaset *set, const char *uri, struct eco_diags *d)
{
	char *u = strdup(uri), *frag;
	struct resource *r;
	const struct eco_node *n = NULL;
	struct eco_schema *s = NULL;
	size_t i;

	if (!u)
		return NULL;
	frag = cut_fragment(u);
	/* a lazy set reads the file that the URI names, by its base name */
	if (!(r = find_resource(set, u)) && set->lazy && strrchr(u, '/') &&
	    load_pending(set, strrchr(u, '/') + 1, d) > 0)
		r = find_resource(set, u);
	if (r) {
		if (!frag || !*frag)
			n = r->root;
		else if (*frag == '/')
			n = pointer(r->root, frag);
		else
			for (i = 0; i < r->nanchors; i++)
				if (strlen(frag) == r->anchors[i].len &&
				    memcmp(frag, r->anchors[i].name, r->anchors[i].len) == 0)
					n = r->anchors[i].node;
	}
	if (n && !(s = memo_get(set, n)) && d) {
		/* A location no keyword made a schema of: compile it now. */
		struct comp c = { set, d, NULL, 0 };

		s = compile(&c, n, r->uri, r);
		if (c.failed)
			s = NULL;
	}
	free(u);
	return s;
}

/*
 * Once references are known: a schema that is only a $ref is skipped
 * straight to the end of the chain, and the dynamic scope is kept only
 * when some $dynamicRef needs it.
 */
static void
shortcuts(struct eco_schemaset *set)
{
	size_t i, hops;

	for (i = 0; i < set->memocap; i++) {
		struct eco_schema *s = set->memo[i].s;
		const struct eco_schema *t;

		/* Schemas in use stay as they are: a lazy set compiles new
		 * ones while other threads validate with the old. */
		if (!set->memo[i].node || s->cut)
			continue;
		s->cut = 1;
		s->track = set->dynamic;
		s->skip = NULL;
		if (!s->only_ref || set->dynamic)
			continue;
		for (t = s, hops = 0; t->only_ref && t->ref->target && hops < 64; hops++)
			t = t->ref->target;
		if (!t->only_ref)
			s->skip = t;
	}
}

int
eco_schemaset_resolve(struct eco_schemaset *set, struct eco_diags *d)
{
	size_t i;
	int rc = 0;

	/* Compiling on demand may add references: iterate by index.  A
	 * lazy set resolves only what was added since it last did. */
	for (i = set->lazy ? set->refs_done : 0; i < set->nrefs; i++) {
		struct ref *r = set->refs[i];

		if (r->target)
			continue;
		if (!(r->target = lookup(set, r->uri, d))) {
			eco_diag_add(d, r->file, r->line, r->col, ECO_SEV_ERROR,
			    CHECK, _("unresolved schema reference « %s »"),
			    r->uri);
			rc = -1;
		}
	}
	set->refs_done = set->nrefs;
	shortcuts(set);
	return rc;
}

const struct eco_schema *
eco_schemaset_get(struct eco_schemaset *set, const char *uri)
{
	struct eco_diags quiet;
	const struct eco_schema *s;

	if (!set->lazy)
		return lookup(set, uri, NULL);
	eco_diags_init(&quiet);
	pthread_mutex_lock(&set->mu);
	if ((s = lookup(set, uri, &quiet)) && eco_schemaset_resolve(set, &quiet) < 0)
		s = NULL;
	pthread_mutex_unlock(&set->mu);
	eco_diags_free(&quiet);
	return s;
}

const struct eco_schema *
eco_schemaset_add(struct eco_schemaset *set, const struct eco_node *root,
    const char *base, struct eco_diags *d)
{
	struct comp c = { set, d, NULL, 0 };
	struct resource *res;
	struct eco_schema *s;
	const struct eco_node *kind, *props;
	char anon[32];

	if (!base || !*base) {
		snprintf(anon, sizeof anon, "urn:eco:anonyme:%d", ++set->anon);
		base = anon;
	}
	c.file = set->file;
	if (!(res = new_resource(&c, base, root)))
		return NULL;
	if (!(s = compile(&c, root, base, res)) || c.failed)
		return NULL;
	/* eco schemas declare their kind as properties.kind.const */
	props = eco_map_get(root, "properties");
	kind = eco_node_path(props, "kind.const");
	if (is_str(kind)) {
		struct kind *k = realloc(set->kinds, (set->nkinds + 1) * sizeof *k);

		if (k) {
			set->kinds = k;
			memset(&k[set->nkinds], 0, sizeof *k);
			if ((k[set->nkinds].name = strdup(kind->s)))
				k[set->nkinds++].s = s;
		}
	}
	return s;
}

static struct kind *
find_kind(struct eco_schemaset *set, const char *kind)
{
	size_t i;

	for (i = 0; i < set->nkinds; i++)
		if (strcmp(set->kinds[i].name, kind) == 0)
			return &set->kinds[i];
	return NULL;
}

/* The kind's entry, its file read and compiled first in a lazy set;
 * called with the lock held. */
static struct kind *
need_kind(struct eco_schemaset *set, const char *kind, struct eco_diags *d)
{
	struct kind *k = find_kind(set, kind);
	char name[128];
	size_t before = set->nkinds;

	if (k || !set->lazy ||
	    (size_t)snprintf(name, sizeof name, "%s.schema.json", kind) >= sizeof name)
		return k;
	if (load_pending(set, name, d) <= 0)
		return NULL;
	if (eco_schemaset_resolve(set, d) < 0) {
		/* what the file declared cannot be used */
		while (set->nkinds > before)
			free(set->kinds[--set->nkinds].name);
		return NULL;
	}
	return find_kind(set, kind);
}

const struct eco_schema *
eco_schemaset_kind(struct eco_schemaset *set, const char *kind)
{
	struct eco_diags quiet;
	const struct eco_schema *s;

	if (!set->lazy) {
		struct kind *k = find_kind(set, kind);

		return k ? k->s : NULL;
	}
	eco_diags_init(&quiet);
	s = eco_schemaset_need(set, kind, &quiet);
	eco_diags_free(&quiet);
	return s;
}

const struct eco_schema *
eco_schemaset_need(struct eco_schemaset *set, const char *kind,
    struct eco_diags *d)
{
	const struct eco_schema *s;
	struct kind *k;

	/* the table of kinds may grow once the lock is released */
	pthread_mutex_lock(&set->mu);
	k = need_kind(set, kind, d);
	s = k ? k->s : NULL;
	pthread_mutex_unlock(&set->mu);
	return s;
}

const struct eco_schema *
eco_schemaset_load(struct eco_schemaset *set, const char *path,
    struct eco_diags *d)
{
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc;
	const struct eco_schema *s = NULL;
	char *base;
	int rc;

	eco_limits_default(&lim);
	if (!(r = eco_reader_open(path, &lim, d)))
		return NULL;
	if ((base = malloc(strlen(path) + 16)))
		sprintf(base, "file:///%s", path[0] == '/' ? path + 1 : path);
	while ((rc = eco_reader_next(r, &doc)) > 0) {
		eco_schemaset_adopt(set, doc);
		set->file = doc->file;
		if (doc->nerr == 0 && !s)
			s = eco_schemaset_add(set, doc->root, base, d);
		set->file = NULL;
	}
	free(base);
	eco_reader_close(r);
	return rc < 0 ? NULL : s;
}

struct eco_embedded {
	const char *name;
	const unsigned char *data;
	size_t len;
};
extern const struct eco_embedded eco_embedded_files[];

const char *
eco_embedded(const char *name, size_t *len)
{
	const struct eco_embedded *e;

	for (e = eco_embedded_files; e->name; e++)
		if (strcmp(e->name, name) == 0) {
			*len = e->len;
			return (const char *)e->data;
		}
	return NULL;
}

struct eco_doc *
eco_embedded_doc(const char *name, struct eco_diags *d)
{
	struct eco_limits lim;
	struct eco_doc *doc = NULL;
	const char *buf;
	char file[64];
	size_t len;

	snprintf(file, sizeof file, "%s.json", name);
	eco_limits_default(&lim);
	if ((buf = eco_embedded(file, &len)))
		doc = eco_json_doc(buf, len, file, &lim);
	if (!doc || doc->root->type != ECO_SEQ) {
		eco_doc_free(doc);
		eco_diag_sys(d, file, "%s",
		    _("this data file is not compiled into the library"));
		return NULL;
	}
	return doc;
}

/* 1: a meta-schema, 0: one of eco's schemas, -1: other data. */
static int
embedded_class(const char *name)
{
	size_t n = strlen(name);

	if (strncmp(name, "meta-", 5) == 0 || strcmp(name, "schema.json") == 0)
		return 1;
	if (n > 12 && strcmp(name + n - 12, ".schema.json") == 0)
		return 0;
	return -1;
}

/* Add the schemas of a file compiled into the library.  0 or -1. */
static int
add_builtin(struct eco_schemaset *set, const char *name, const char *data,
    size_t len, struct eco_diags *d)
{
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc;
	char base[256];
	int rc = 0;

	eco_limits_default(&lim);
	snprintf(base, sizeof base, "urn:eco:builtin:%s", name);
	if ((doc = eco_json_doc(data, len, name, &lim))) {
		eco_schemaset_adopt(set, doc);
		set->file = doc->file;
		rc = eco_schemaset_add(set, doc->root, base, d) ? 0 : -1;
		set->file = NULL;
		return rc;
	}
	if (!(r = eco_reader_mem(data, len, name, &lim, d)))
		return -1;
	while (eco_reader_next(r, &doc) > 0) {
		eco_schemaset_adopt(set, doc);
		set->file = doc->file;
		if (!eco_schemaset_add(set, doc->root, base, d))
			rc = -1;
		set->file = NULL;
	}
	eco_reader_close(r);
	return rc;
}

static int
add_embedded(struct eco_schemaset *set, struct eco_diags *d, int meta)
{
	const struct eco_embedded *e;
	int rc = 0;

	for (e = eco_embedded_files; e->name; e++)
		if (embedded_class(e->name) == meta &&
		    add_builtin(set, e->name, (const char *)e->data, e->len, d) < 0)
			rc = -1;
	return rc;
}

/*
 * Read the pending file name of a lazy set: 1 when it was read now, 0
 * when there is no such file to read (unknown, or read already), -1
 * when it cannot be used (the reasons are recorded).  Lock held.
 */
static int
load_pending(struct eco_schemaset *set, const char *name, struct eco_diags *d)
{
	struct pending *p;
	char path[4096];
	int rc;

	for (p = set->pend; p < set->pend + set->npend; p++)
		if (strcmp(p->name, name) == 0)
			break;
	if (p == set->pend + set->npend || p->state != 0)
		return 0;
	p->state = 1;	/* a file whose schemas refer to it is read once */
	if (p->data)
		rc = add_builtin(set, p->name, p->data, p->len, d);
	else {
		snprintf(path, sizeof path, "%s/%s", set->dir, p->name);
		rc = eco_schemaset_load(set, path, d) ? 0 : -1;
	}
	if (rc < 0)
		p->state = -1;
	return rc < 0 ? -1 : 1;
}

int
eco_schemaset_lazy_eco(struct eco_schemaset *set, struct eco_diags *d)
{
	const char *dir = getenv("ECO_SCHEMAS");
	const struct eco_embedded *e;
	size_t n = 0;

	for (e = eco_embedded_files; e->name; e++)
		n += embedded_class(e->name) == 0;
	if (!(set->pend = calloc(n ? n : 1, sizeof *set->pend)) ||
	    (dir && *dir && !(set->dir = strdup(dir)))) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return -1;
	}
	for (e = eco_embedded_files; e->name; e++) {
		struct pending *p = &set->pend[set->npend];

		if (embedded_class(e->name) != 0)
			continue;
		p->name = e->name;
		if (!set->dir) {
			p->data = (const char *)e->data;
			p->len = e->len;
		}
		set->npend++;
	}
	set->lazy = 1;
	return 0;
}

int
eco_schemaset_add_meta(struct eco_schemaset *set, struct eco_diags *d)
{
	return add_embedded(set, d, 1);
}

int
eco_schemaset_add_eco(struct eco_schemaset *set, struct eco_diags *d)
{
	const char *dir = getenv("ECO_SCHEMAS");

	if (dir && *dir) {
		char path[4096];
		struct eco_embedded const *e;
		int rc = 0;

		/* Same file names as the built-in set, read from dir. */
		for (e = eco_embedded_files; e->name; e++) {
			if (embedded_class(e->name) != 0)
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, e->name);
			if (!eco_schemaset_load(set, path, d))
				rc = -1;
		}
		return rc;
	}
	return add_embedded(set, d, 0);
}

/*
 * Reference trees.  A reference is marked in the schemas by a $ref to
 * one of defs.schema.json's shared definitions that are references
 * themselves ({"$ref": "#/$defs/ref"} under $defs/organisme): the
 * definition's name is the kind referred to.  A kind's tree holds the
 * places of its documents where that happens, found by following its
 * schema through properties, items, references and the in-place
 * applicators; only the branches that lead to a reference are kept, so
 * that walking a document visits nothing else.
 */

static struct eco_reftree *
tree_new(struct eco_schemaset *set)
{
	struct eco_reftree *t;

	if (grow(&set->trees, &set->treecap, set->ntrees, sizeof *set->trees) < 0 ||
	    !(t = calloc(1, sizeof *t)))
		return NULL;
	set->trees[set->ntrees++] = t;
	return t;
}

static struct eco_reftree *
tree_key(struct eco_schemaset *set, struct eco_reftree *t, const char *name,
    size_t len)
{
	struct eco_refkey *k;
	size_t i;

	for (i = 0; i < t->nkeys; i++)
		if (t->keys[i].len == len && memcmp(t->keys[i].name, name, len) == 0)
			return t->keys[i].t;
	if (!(k = realloc(t->keys, (t->nkeys + 1) * sizeof *k)))
		return NULL;
	t->keys = k;
	k[t->nkeys].name = name;
	k[t->nkeys].len = len;
	if (!(k[t->nkeys].t = tree_new(set)))
		return NULL;
	return k[t->nkeys++].t;
}

static struct eco_reftree *
tree_pat(struct eco_schemaset *set, struct eco_reftree *t, const void *re)
{
	struct eco_refpat *p;
	size_t i;

	for (i = 0; i < t->npats; i++)
		if (t->pats[i].re == re)
			return t->pats[i].t;
	if (!(p = realloc(t->pats, (t->npats + 1) * sizeof *p)))
		return NULL;
	t->pats = p;
	p[t->npats].re = re;
	if (!(p[t->npats].t = tree_new(set)))
		return NULL;
	return p[t->npats++].t;
}

static struct eco_reftree *
tree_prefix(struct eco_schemaset *set, struct eco_reftree *t, size_t i)
{
	struct eco_reftree **v;

	if (i >= t->nprefix) {
		if (!(v = realloc(t->prefix, (i + 1) * sizeof *v)))
			return NULL;
		memset(v + t->nprefix, 0, (i + 1 - t->nprefix) * sizeof *v);
		t->prefix = v;
		t->nprefix = i + 1;
	}
	if (!t->prefix[i])
		t->prefix[i] = tree_new(set);
	return t->prefix[i];
}

/* The kind s names when it is a shared definition of a reference. */
static const char *
ref_kind(const struct eco_schema *s)
{
	const struct eco_node *ref, *defs;
	const char *base;
	size_t i;

	if (!s->res || s->src->type != ECO_MAP ||
	    !(ref = eco_map_get(s->src, "$ref")) || !is_str(ref) ||
	    strcmp(ref->s, "#/$defs/ref") != 0)
		return NULL;
	base = strrchr(s->res->uri, '/') ? strrchr(s->res->uri, '/') + 1 :
	    s->res->uri;
	if (strcmp(base, "defs.schema.json") != 0 ||
	    !(defs = eco_map_get(s->res->root, "$defs")) || defs->type != ECO_MAP)
		return NULL;
	for (i = 0; i < defs->len; i++)
		if (defs->u.pairs[i].val == s->src && is_str(defs->u.pairs[i].key))
			return defs->u.pairs[i].key->s;
	return NULL;
}

#define TREE_DEPTH 64

static int tree_merge(struct eco_schemaset *, struct eco_reftree *,
    const struct eco_schema *, const struct eco_schema **, size_t);

static int
tree_merge_all(struct eco_schemaset *set, struct eco_reftree *t,
    struct eco_schema *const *v, size_t n, const struct eco_schema **path,
    size_t depth)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tree_merge(set, t, v[i], path, depth) < 0)
			return -1;
	return 0;
}

/* What a and b (either may be NULL) say of the place *t, made first. */
static int
tree_merge_in(struct eco_schemaset *set, struct eco_reftree **t,
    const struct eco_schema *a, const struct eco_schema *b,
    const struct eco_schema **path, size_t depth)
{
	if (!a && !b)
		return 0;
	if (!*t && !(*t = tree_new(set)))
		return -1;
	return tree_merge(set, *t, a, path, depth) < 0 ||
	    tree_merge(set, *t, b, path, depth) < 0 ? -1 : 0;
}

/* What s says of the place t stands for; path holds the schemas on the
 * way, so that a recursive schema ends. */
static int
tree_merge(struct eco_schemaset *set, struct eco_reftree *t,
    const struct eco_schema *s, const struct eco_schema **path, size_t depth)
{
	struct eco_reftree *c;
	const char *k;
	size_t i;

	if (!s || s->boolean || depth >= TREE_DEPTH)
		return 0;
	for (i = 0; i < depth; i++)
		if (path[i] == s)
			return 0;
	if ((k = ref_kind(s))) {
		if (!t->kind)
			t->kind = k;
		return 0;
	}
	path[depth++] = s;
	for (i = 0; i < s->nprops; i++)
		if (!(c = tree_key(set, t, s->props[i].name, s->props[i].len)) ||
		    tree_merge(set, c, s->props[i].s, path, depth) < 0)
			return -1;
	for (i = 0; i < s->npats; i++)
		if (!(c = tree_pat(set, t, s->pats[i].re)) ||
		    tree_merge(set, c, s->pats[i].s, path, depth) < 0)
			return -1;
	if (tree_merge_in(set, &t->other, s->additional, s->uprops, path,
	    depth) < 0)
		return -1;
	for (i = 0; i < s->nprefix; i++)
		if (!(c = tree_prefix(set, t, i)) ||
		    tree_merge(set, c, s->prefix[i], path, depth) < 0)
			return -1;
	if (tree_merge_in(set, &t->items, s->items, s->uitems, path, depth) < 0)
		return -1;
	for (i = 0; i < s->ndepsch; i++)
		if (tree_merge(set, t, s->depsch[i].s, path, depth) < 0)
			return -1;
	if (tree_merge_all(set, t, s->all, s->nall, path, depth) < 0 ||
	    tree_merge_all(set, t, s->any, s->nany, path, depth) < 0 ||
	    tree_merge_all(set, t, s->one, s->none, path, depth) < 0 ||
	    tree_merge(set, t, s->then_, path, depth) < 0 ||
	    tree_merge(set, t, s->else_, path, depth) < 0 ||
	    (s->ref && tree_merge(set, t, s->ref->target, path, depth) < 0) ||
	    (s->dynref && tree_merge(set, t, s->dynref->target, path, depth) < 0))
		return -1;
	return 0;
}

static int
by_key(const void *a, const void *b)
{
	const struct eco_refkey *x = a, *y = b;
	int c = memcmp(x->name, y->name, x->len < y->len ? x->len : y->len);

	return c ? c : (x->len > y->len) - (x->len < y->len);
}

static int
empty(const struct eco_reftree *t)
{
	return !t->kind && !t->nkeys && !t->npats && !t->other &&
	    !t->nprefix && !t->items;
}

/*
 * Keep what leads to a reference; 1 when something does.  A list of
 * references is marked where the list is, as a reference: a value
 * written as one id instead of a list is still looked up.
 */
static int
tree_prune(struct eco_reftree *t)
{
	size_t i, n;

	for (i = n = 0; i < t->nkeys; i++)
		if (tree_prune(t->keys[i].t))
			t->keys[n++] = t->keys[i];
	t->nkeys = n;
	if (n > 1)
		qsort(t->keys, n, sizeof *t->keys, by_key);
	for (i = n = 0; i < t->npats; i++)
		if (tree_prune(t->pats[i].t))
			t->pats[n++] = t->pats[i];
	t->npats = n;
	if (t->other && !tree_prune(t->other))
		t->other = NULL;
	for (i = n = 0; i < t->nprefix; i++)
		if (t->prefix[i] && !tree_prune(t->prefix[i]))
			t->prefix[i] = NULL;
		else if (t->prefix[i])
			n = i + 1;
	t->nprefix = n;
	if (t->items && !tree_prune(t->items))
		t->items = NULL;
	if (!t->kind && !t->nprefix && t->items && t->items->kind &&
	    !t->items->nkeys && !t->items->npats && !t->items->other &&
	    !t->items->nprefix && !t->items->items) {
		t->kind = t->items->kind;
		t->items = NULL;
	}
	return !empty(t);
}

const struct eco_reftree *
eco_schemaset_refs(struct eco_schemaset *set, const char *kind,
    struct eco_diags *d)
{
	const struct eco_schema *path[TREE_DEPTH];
	const struct eco_reftree *refs;
	struct eco_reftree *t;
	struct kind *k;

	pthread_mutex_lock(&set->mu);
	if ((k = need_kind(set, kind, d)) && !k->refs_built) {
		k->refs_built = 1;
		if (!(t = tree_new(set)) || tree_merge(set, t, k->s, path, 0) < 0)
			eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		else if (tree_prune(t))
			k->refs = t;
	}
	refs = k ? k->refs : NULL;
	pthread_mutex_unlock(&set->mu);
	return refs;
}

int
eco_refpat_match(const struct eco_refpat *p, const char *key, size_t len)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	int rc;

	if (!md)
		return 0;
	rc = pcre2_match((pcre2_code *)p->re, (PCRE2_SPTR)key, len, 0, 0, md,
	    NULL);
	pcre2_match_data_free(md);
	return rc >= 0;
}

/* Validation. */

struct seg {
	const struct eco_node *key;	/* NULL: index */
	size_t index;
};

struct vctx {
	struct eco_diags *diags;
	const char *file;
	int emit;
	size_t nerr;
	struct seg *path;
	size_t depth, pathcap;
	struct resource **scope;
	size_t nscope, scopecap;
	size_t calls;			/* nesting, against loops */
	size_t work;			/* schema visits, against blow-ups */
	struct visit { const struct eco_schema *s; const struct eco_node *n; }
	    *refs;			/* $ref targets on the current path */
	size_t nrefs, refcap;
	int stopped;			/* a loop or the budget stopped it */
	pcre2_match_data *md;
	int oom;
};

/* Schema visits allowed for one document: plenty for eco's documents,
 * few enough that a schema built to explode stops within a second. */
#define WORK_BUDGET 20000000u

static int v(struct vctx *, const struct eco_schema *, const struct eco_node *);

static void
path_text(const struct vctx *c, char *buf, size_t cap)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < c->depth && o < cap - 1; i++) {
		const struct seg *g = &c->path[i];

		if (g->key && g->key->s) {
			size_t j;

			buf[o++] = '/';
			for (j = 0; j < g->key->len && o < cap - 3; j++) {
				char ch = g->key->s[j];

				if (ch == '~' || ch == '/') {
					buf[o++] = '~';
					buf[o++] = ch == '~' ? '0' : '1';
				} else
					buf[o++] = ch;
			}
		} else
			o += (size_t)snprintf(buf + o, cap - o, "/%zu", g->index);
		if (o >= cap)
			o = cap - 1;
		buf[o] = '\0';
	}
	if (o == 0 && cap > 1)
		strcpy(buf, "");
}

static void
fail_at(struct vctx *c, const struct eco_node *n, const char *fmt, ...)
{
	char path[1024];
	va_list ap;

	c->nerr++;
	if (!c->emit)
		return;
	va_start(ap, fmt);
	eco_diag_vadd(c->diags, c->file, n->line, n->col, ECO_SEV_ERROR, CHECK,
	    fmt, ap);
	va_end(ap);
	path_text(c, path, sizeof path);
	eco_diag_set_path(c->diags, path[0] ? path : "/");
}

static int
push_seg(struct vctx *c, const struct eco_node *key, size_t index)
{
	if (c->depth == c->pathcap &&
	    grow(&c->path, &c->pathcap, c->depth, sizeof *c->path) < 0) {
		c->oom = 1;
		return -1;
	}
	c->path[c->depth].key = key;
	c->path[c->depth++].index = index;
	return 0;
}

static unsigned
inst_types(const struct eco_node *n)
{
	switch (n->type) {
	case ECO_NULL: return T_NULL;
	case ECO_BOOL: return T_BOOL;
	case ECO_INT: return T_INT | T_NUM;
	case ECO_FLOAT:
		return isfinite(n->u.f) && n->u.f == floor(n->u.f) ?
		    T_INT | T_NUM : T_NUM;
	case ECO_STR: return T_STR;
	case ECO_SEQ: return T_ARR;
	case ECO_MAP: return T_OBJ;
	}
	return 0;
}

/* JSON equality: numbers by value, strings by bytes, keys unordered. */
static int
json_equal(const struct eco_node *a, const struct eco_node *b)
{
	size_t i, j;

	if (a == b)
		return 1;	/* the same node, through an alias */
	if ((a->type == ECO_INT || a->type == ECO_FLOAT) &&
	    (b->type == ECO_INT || b->type == ECO_FLOAT)) {
		if (a->type == ECO_INT && b->type == ECO_INT &&
		    !((a->flags | b->flags) & ECO_F_BIG))
			return a->u.i == b->u.i;
		return a->num == b->num;
	}
	if (a->type != b->type || a->len != b->len)
		return 0;
	switch (a->type) {
	case ECO_NULL:
		return 1;
	case ECO_BOOL:
		return a->u.b == b->u.b;
	case ECO_STR:
		return memcmp(a->s, b->s, a->len) == 0;
	case ECO_SEQ:
		for (i = 0; i < a->len; i++)
			if (!json_equal(a->u.items[i], b->u.items[i]))
				return 0;
		return 1;
	case ECO_MAP:
		for (i = 0; i < a->len; i++) {
			const struct eco_node *k = a->u.pairs[i].key;

			for (j = 0; j < b->len; j++) {
				const struct eco_node *l = b->u.pairs[j].key;

				if (k->len == l->len && memcmp(k->s, l->s, k->len) == 0)
					break;
			}
			if (j == b->len ||
			    !json_equal(a->u.pairs[i].val, b->u.pairs[j].val))
				return 0;
		}
		return 1;
	default:
		return 0;
	}
}

/* A hash that json_equal respects: equal values hash alike. */
static uint64_t
json_hash(const struct eco_node *n, int depth)
{
	uint64_t h = 1469598103934665603u;
	size_t i;

	if (depth > 64)
		return h;
	switch (n->type) {
	case ECO_INT:
	case ECO_FLOAT: {
		double f = n->num == 0 ? 0 : n->num;
		uint64_t bits;

		if (f != f)
			return 7;
		memcpy(&bits, &f, sizeof bits);
		return bits * 0x9E3779B97F4A7C15u;
	}
	case ECO_STR:
		for (i = 0; i < n->len; i++)
			h = (h ^ (unsigned char)n->s[i]) * 1099511628211u;
		return h;
	case ECO_SEQ:
		for (i = 0; i < n->len; i++)
			h = (h ^ json_hash(n->u.items[i], depth + 1)) * 1099511628211u;
		return h ^ 0x5e9;
	case ECO_MAP:
		h = 0x3a9;
		for (i = 0; i < n->len; i++)	/* key order does not count */
			h += json_hash(n->u.pairs[i].key, depth + 1) * 31 +
			    json_hash(n->u.pairs[i].val, depth + 1);
		return h;
	case ECO_BOOL:
		return n->u.b ? 0x7b : 0x7f;
	default:
		return 0x0;
	}
}

struct hitem {
	uint64_t h;
	size_t i;
};

static int
by_hash(const void *a, const void *b)
{
	const struct hitem *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* uniqueItems: sort by hash, compare only items that hash alike. */
static int
check_unique(struct vctx *c, const struct eco_node *n)
{
	struct hitem *v;
	size_t i, j, k;
	int ok = 1;

	if (n->len < 2)
		return 1;
	if (!(v = malloc(n->len * sizeof *v))) {
		c->oom = 1;
		return 1;
	}
	for (i = 0; i < n->len; i++) {
		v[i].h = json_hash(n->u.items[i], 0);
		v[i].i = i;
	}
	qsort(v, n->len, sizeof *v, by_hash);
	for (i = 0; i < n->len && (ok || c->emit); i = j) {
		for (j = i + 1; j < n->len && v[j].h == v[i].h; j++)
			for (k = i; k < j; k++)
				if (json_equal(n->u.items[v[j].i], n->u.items[v[k].i])) {
					ok = 0;
					if (push_seg(c, NULL, v[j].i) < 0)
						break;
					fail_at(c, n->u.items[v[j].i],
					    _("item %zu repeats item %zu"),
					    v[j].i + 1, v[k].i + 1);
					c->depth--;
					break;
				}
	}
	free(v);
	return ok;
}

static const char *
types_text(unsigned t, char *buf, size_t cap)
{
	static const enum eco_type map[] = {
		ECO_NULL, ECO_BOOL, ECO_INT, ECO_FLOAT, ECO_STR, ECO_SEQ, ECO_MAP
	};
	unsigned i;

	buf[0] = '\0';
	if ((t & T_INT) && (t & T_NUM))
		t &= ~(unsigned)T_INT;
	for (i = 0; i < 7; i++)
		if (t & 1u << i) {
			if (buf[0])
				strncat(buf, _(" or "), cap - strlen(buf) - 1);
			strncat(buf, eco_type_name(map[i]), cap - strlen(buf) - 1);
		}
	return buf;
}

static const char *
scalar_or_type(const struct eco_node *n)
{
	return n->type == ECO_SEQ || n->type == ECO_MAP ?
	    eco_type_name(n->type) : n->s;
}

static void
type_error(struct vctx *c, const struct eco_schema *s, const struct eco_node *n)
{
	char want[128];

	if (!c->emit) {
		c->nerr++;
		return;
	}
	types_text(s->types, want, sizeof want);
	if (s->types == T_BOOL && n->type == ECO_STR)
		fail_at(c, n, _("« %s » is text, not a boolean: write true or false"),
		    n->s);
	else if (n->type == ECO_SEQ || n->type == ECO_MAP || n->type == ECO_NULL)
		fail_at(c, n, _("wrong type: %s expected, found %s"), want,
		    eco_type_name(n->type));
	else
		fail_at(c, n, _("wrong type: %s expected, found %s « %s »"), want,
		    eco_type_name(n->type), n->s);
}

static void
enum_error(struct vctx *c, const struct eco_schema *s, const struct eco_node *n)
{
	const char *words[64], *close = NULL;
	char list[512] = "";
	size_t i, nw = 0;

	if (!c->emit) {
		c->nerr++;
		return;
	}
	for (i = 0; i < s->enums->len; i++) {
		const struct eco_node *e = s->enums->u.items[i];

		if (e->type == ECO_SEQ || e->type == ECO_MAP)
			continue;
		if (list[0])
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, e->s, sizeof list - strlen(list) - 1);
		if (nw < 64)
			words[nw++] = e->s;
	}
	if (n->type == ECO_STR)
		close = eco_closest(n->s, words, nw);
	if (close)
		fail_at(c, n, _("value « %s » is not allowed (did you mean %s? allowed: %s)"),
		    scalar_or_type(n), close, list);
	else
		fail_at(c, n, _("value « %s » is not allowed (allowed: %s)"),
		    scalar_or_type(n), list);
}

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int
format_time(const char *s, size_t n)
{
	long h, mi, se, oh = 0, om = 0;
	size_t i = 8;

	if (n < 9 || s[2] != ':' || s[5] != ':' || !digits(s, 2) ||
	    !digits(s + 3, 2) || !digits(s + 6, 2))
		return 0;
	h = strtol(s, NULL, 10);
	mi = strtol(s + 3, NULL, 10);
	se = strtol(s + 6, NULL, 10);
	if (i < n && s[i] == '.') {
		size_t start = ++i;

		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		if (i == start)
			return 0;
	}
	if (i < n && (s[i] == 'Z' || s[i] == 'z'))
		i++;
	else if (i < n && (s[i] == '+' || s[i] == '-')) {
		if (n - i != 6 || s[i + 3] != ':' || !digits(s + i + 1, 2) ||
		    !digits(s + i + 4, 2))
			return 0;
		oh = strtol(s + i + 1, NULL, 10);
		om = strtol(s + i + 4, NULL, 10);
		if (oh > 23 || om > 59)
			return 0;
		if (s[i] == '+')
			oh = -oh, om = -om;
		i += 6;
	} else
		return 0;
	if (i != n || h > 23 || mi > 59 || se > 60)
		return 0;
	if (se == 60) {	/* leap second: only at 23:59:60 UTC */
		long t = ((h + oh) * 60 + mi + om) % (24 * 60);

		if (t < 0)
			t += 24 * 60;
		return t == 23 * 60 + 59;
	}
	return 1;
}

static int
check_format(enum fmt f, const char *s, size_t n)
{
	switch (f) {
	case F_DATE:
		return eco_format_date(s, n);
	case F_TIME:
		return format_time(s, n);
	case F_DATETIME:
		return n > 11 && (s[10] == 'T' || s[10] == 't') &&
		    eco_format_date(s, 10) && format_time(s + 11, n - 11);
	case F_EMAIL:
		return eco_format_email(s, n);
	case F_URI:
		return eco_format_uri(s, n);
	default:
		return 1;
	}
}

static const char *
format_name(enum fmt f)
{
	switch (f) {
	case F_DATE: return _("a date AAAA-MM-JJ that exists in the calendar");
	case F_TIME: return _("a time HH:MM:SS with a time zone");
	case F_DATETIME: return _("a date and time AAAA-MM-JJTHH:MM:SS with a time zone");
	case F_EMAIL: return _("an email address");
	case F_URI: return _("an absolute URI");
	default: return "";
	}
}

static int
re_match(struct vctx *c, pcre2_code *re, const char *s, size_t n)
{
	int rc;

	if (!c->md && !(c->md = pcre2_match_data_create(1, NULL))) {
		c->oom = 1;
		return 1;
	}
	rc = pcre2_jit_match(re, (PCRE2_SPTR)s, n, 0, 0, c->md, NULL);
	if (rc == PCRE2_ERROR_JIT_BADOPTION)	/* no JIT for this one */
		rc = pcre2_match(re, (PCRE2_SPTR)s, n, 0, 0, c->md, NULL);
	return rc >= 0;
}

static struct prop *
find_prop(const struct eco_schema *s, const struct eco_node *key)
{
	struct prop k;

	if (!s->nprops)
		return NULL;
	k.name = key->s;
	k.len = key->len;
	return bsearch(&k, s->props, s->nprops, sizeof k, prop_cmp);
}

/* Descend into a child instance with a path segment. */
static int
child(struct vctx *c, const struct eco_schema *s, const struct eco_node *n,
    const struct eco_node *key, size_t index)
{
	int ok;

	if (s->boolean == 1)
		return 1;
	if (push_seg(c, key, index) < 0)
		return 1;
	ok = v(c, s, n);
	c->depth--;
	return ok;
}

/* Quiet check of a subschema, whatever the current mode. */
static int
quiet(struct vctx *c, const struct eco_schema *s, const struct eco_node *n)
{
	int emit = c->emit, ok;
	size_t nerr = c->nerr;

	c->emit = 0;
	ok = v(c, s, n);
	c->emit = emit;
	c->nerr = nerr;
	return ok;
}

static int
check_object(struct vctx *c, const struct eco_schema *s, const struct eco_node *n)
{
	unsigned char seen_small[64], *seen = seen_small;
	size_t i, j;
	int ok = 1;

	if (s->nreq && s->nprops > sizeof seen_small) {
		if (!(seen = calloc(s->nprops, 1))) {
			c->oom = 1;
			return 1;
		}
	} else if (s->nreq)
		memset(seen, 0, s->nprops);
	if ((s->has & H_MINPROPS) && n->len < s->minprops) {
		fail_at(c, n, _("at least %zu keys expected, found %zu"),
		    s->minprops, n->len);
		ok = 0;
	}
	if ((s->has & H_MAXPROPS) && n->len > s->maxprops) {
		fail_at(c, n, _("at most %zu keys expected, found %zu"),
		    s->maxprops, n->len);
		ok = 0;
	}
	for (i = 0; i < n->len && (ok || c->emit); i++) {
		const struct eco_node *k = n->u.pairs[i].key;
		const struct eco_node *val = n->u.pairs[i].val;
		struct prop *p;
		int matched;

		if (k->type == ECO_SEQ || k->type == ECO_MAP) {
			/* JSON keys are text: such a key matches nothing */
			fail_at(c, k, "%s", _("a key must be text, not a list or a mapping"));
			ok = 0;
			continue;
		}
		p = find_prop(s, k);
		matched = p != NULL;

		if (s->propnames && !child(c, s->propnames, k, k, 0))
			ok = 0;
		if (p) {
			if (s->nreq)
				seen[p - s->props] = 1;
			if (!child(c, p->s, val, k, 0))
				ok = 0;
		}
		for (j = 0; j < s->npats; j++)
			if (re_match(c, s->pats[j].re, k->s, k->len)) {
				matched = 1;
				if (!child(c, s->pats[j].s, val, k, 0))
					ok = 0;
			}
		if (matched || !s->additional)
			continue;
		if (s->additional->boolean == 2) {
			ok = 0;
			if (c->emit) {
				const char *words[256], *close;
				size_t w;

				for (w = 0; w < s->nprops && w < 256; w++)
					words[w] = s->props[w].name;
				close = eco_closest(k->s, words, w);
				/* the path names the key itself */
				if (push_seg(c, k, 0) < 0)
					continue;
				if (close)
					fail_at(c, k, _("unknown key « %s » (did you mean %s?)"),
					    k->s, close);
				else
					fail_at(c, k, _("unknown key « %s »"), k->s);
				c->depth--;
			} else
				c->nerr++;
		} else if (!child(c, s->additional, val, k, 0))
			ok = 0;
	}
	for (i = 0; i < s->nreq && (ok || c->emit); i++) {
		const struct eco_node *nm = s->reqname[i];

		if (s->required[i] != SIZE_MAX ? seen[s->required[i]] :
		    (is_str(nm) && eco_map_get(n, nm->s)))
			continue;
		ok = 0;
		fail_at(c, n, _("missing required key « %s »"),
		    scalar_or_type(nm));
	}
	for (i = 0; i < s->ndepreq && (ok || c->emit); i++) {
		const struct eco_node *names = s->depreq[i].names;

		if (!eco_map_get(n, s->depreq[i].name) || names->type != ECO_SEQ)
			continue;
		for (j = 0; j < names->len; j++)
			if (is_str(names->u.items[j]) &&
			    !eco_map_get(n, names->u.items[j]->s)) {
				ok = 0;
				fail_at(c, n, _("key « %s » requires key « %s »"),
				    s->depreq[i].name, names->u.items[j]->s);
			}
	}
	for (i = 0; i < s->ndepsch && (ok || c->emit); i++)
		if (eco_map_get(n, s->depsch[i].name) && !v(c, s->depsch[i].s, n))
			ok = 0;
	if (seen != seen_small)
		free(seen);
	return ok;
}

static int
check_array(struct vctx *c, const struct eco_schema *s, const struct eco_node *n)
{
	size_t i, count;
	int ok = 1;

	if ((s->has & H_MINITEMS) && n->len < s->minitems) {
		fail_at(c, n, _("at least %zu items expected, found %zu"),
		    s->minitems, n->len);
		ok = 0;
	}
	if ((s->has & H_MAXITEMS) && n->len > s->maxitems) {
		fail_at(c, n, _("at most %zu items expected, found %zu"),
		    s->maxitems, n->len);
		ok = 0;
	}
	for (i = 0; i < n->len && (ok || c->emit); i++) {
		const struct eco_schema *is = i < s->nprefix ? s->prefix[i] : s->items;

		if (!is)
			continue;
		if (is->boolean == 2) {
			ok = 0;
			fail_at(c, n->u.items[i], _("no item is allowed at position %zu"),
			    i + 1);
		} else if (!child(c, is, n->u.items[i], NULL, i))
			ok = 0;
	}
	if (s->unique && (ok || c->emit) && !check_unique(c, n))
		ok = 0;
	if (s->contains && (ok || c->emit)) {
		size_t min = s->has & H_MINCONT ? s->mincont : 1;

		for (i = count = 0; i < n->len; i++)
			if (quiet(c, s->contains, n->u.items[i]))
				count++;
		if (count < min) {
			ok = 0;
			fail_at(c, n, _("at least %zu matching items expected, found %zu"),
			    min, count);
		}
		if ((s->has & H_MAXCONT) && count > s->maxcont) {
			ok = 0;
			fail_at(c, n, _("at most %zu matching items expected, found %zu"),
			    s->maxcont, count);
		}
	}
	return ok;
}

/* The digits after the point of a number as written ("1180.125": 3,
 * "1.5e-3": 4, "12e2": 0). */
static int
decimals_of(const char *t)
{
	const char *dot = strchr(t, '.'), *e = strpbrk(t, "eE");
	long n = dot ? (long)((e ? e : t + strlen(t)) - dot - 1) : 0;

	if (e)
		n -= strtol(e + 1, NULL, 10);
	return n < 0 ? 0 : n > 1000 ? 1000 : (int)n;
}

static int
check_number(struct vctx *c, const struct eco_schema *s, const struct eco_node *n)
{
	double x = n->num;
	int ok = 1;

	if ((s->has & H_MIN) && x < s->minimum) {
		fail_at(c, n, _("« %s » is below the minimum %.15g"), n->s, s->minimum);
		ok = 0;
	}
	if ((s->has & H_MAX) && x > s->maximum) {
		fail_at(c, n, _("« %s » is above the maximum %.15g"), n->s, s->maximum);
		ok = 0;
	}
	if ((s->has & H_XMIN) && x <= s->xmin) {
		fail_at(c, n, _("« %s » must be greater than %.15g"), n->s, s->xmin);
		ok = 0;
	}
	if ((s->has & H_XMAX) && x >= s->xmax) {
		fail_at(c, n, _("« %s » must be less than %.15g"), n->s, s->xmax);
		ok = 0;
	}
	if ((s->has & H_DECIMALS) && decimals_of(n->s) > s->decimals) {
		if (s->decimals == 2)
			fail_at(c, n, _("« %s » has more than two decimals"), n->s);
		else
			fail_at(c, n, _("« %s » has more than %d decimals"), n->s,
			    s->decimals);
		ok = 0;
	}
	if ((s->has & H_MULT) && s->mult > 0) {
		double q = x / s->mult;

		if (!isfinite(q) || fabs(q - nearbyint(q)) > 1e-9 * fmax(1, fabs(q))) {
			if (s->mult == 0.01)
				fail_at(c, n, _("« %s » has more than two decimals"), n->s);
			else
				fail_at(c, n, _("« %s » is not a multiple of %g"), n->s,
				    s->mult);
			ok = 0;
		}
	}
	return ok;
}

static int
check_string(struct vctx *c, const struct eco_schema *s, const struct eco_node *n)
{
	int ok = 1;

	/* A code point takes 1 to 4 bytes: count them only when the byte
	 * length cannot decide. */
	if (((s->has & H_MINLEN) && n->len / 4 < s->minlen) ||
	    ((s->has & H_MAXLEN) && n->len > s->maxlen)) {
		size_t len = eco_utf8_len(n->s, n->len);

		if ((s->has & H_MINLEN) && len < s->minlen) {
			if (s->minlen == 1)
				fail_at(c, n, "%s", _("an empty text is not allowed here"));
			else
				fail_at(c, n, _("at least %zu characters expected, found %zu"),
				    s->minlen, len);
			ok = 0;
		}
		if ((s->has & H_MAXLEN) && len > s->maxlen) {
			fail_at(c, n, _("at most %zu characters expected, found %zu"),
			    s->maxlen, len);
			ok = 0;
		}
	}
	if (s->pattern && !re_match(c, s->pattern, n->s, n->len)) {
		const struct eco_node *p = eco_map_get(s->src, "pattern");

		fail_at(c, n, _("« %s » does not have the expected form (%s)"), n->s,
		    p ? p->s : "");
		ok = 0;
	}
	if (s->format && !check_format(s->format, n->s, n->len)) {
		fail_at(c, n, _("« %s » is not %s"), n->s, format_name(s->format));
		ok = 0;
	}
	return ok;
}

/* The best branch to explain a failed anyOf/oneOf: the first whose type fits. */
static const struct eco_schema *
best_branch(struct eco_schema **v, size_t n, const struct eco_node *inst)
{
	unsigned t = inst_types(inst);
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i]->boolean == 0 && v[i]->types && (v[i]->types & t))
			return v[i];
	for (i = 0; i < n; i++)
		if (v[i]->boolean == 0 && !v[i]->types)
			return v[i];
	return n ? v[0] : NULL;
}

static int
applicators(struct vctx *c, const struct eco_schema *s, const struct eco_node *n)
{
	size_t i, count;
	int ok = 1;

	for (i = 0; i < s->nall && (ok || c->emit); i++)
		if (!v(c, s->all[i], n))
			ok = 0;
	if (s->nany && (ok || c->emit)) {
		for (i = 0; i < s->nany; i++)
			if (quiet(c, s->any[i], n))
				break;
		if (i == s->nany) {
			ok = 0;
			if (c->emit) {
				const struct eco_schema *b = best_branch(s->any, s->nany, n);
				size_t before = c->nerr;

				if (b)
					v(c, b, n);
				if (c->nerr == before)
					fail_at(c, n, "%s", _("the value matches none of the allowed forms"));
			} else
				c->nerr++;
		}
	}
	if (s->none && (ok || c->emit)) {
		for (i = count = 0; i < s->none && count < 2; i++)
			if (quiet(c, s->one[i], n))
				count++;
		if (count == 0) {
			ok = 0;
			if (c->emit) {
				const struct eco_schema *b = best_branch(s->one, s->none, n);
				size_t before = c->nerr;

				if (b)
					v(c, b, n);
				if (c->nerr == before)
					fail_at(c, n, "%s", _("the value matches none of the allowed forms"));
			} else
				c->nerr++;
		} else if (count > 1) {
			ok = 0;
			fail_at(c, n, "%s", _("the value matches more than one of the exclusive forms"));
		}
	}
	if (s->not_ && (ok || c->emit) && quiet(c, s->not_, n)) {
		ok = 0;
		fail_at(c, n, "%s", _("the value has a form that is not allowed here"));
	}
	if (s->if_ && (ok || c->emit)) {
		if (quiet(c, s->if_, n)) {
			if (s->then_ && !v(c, s->then_, n))
				ok = 0;
		} else if (s->else_ && !v(c, s->else_, n))
			ok = 0;
	}
	return ok;
}

/* unevaluatedProperties / unevaluatedItems support. */

static void eval_props(struct vctx *, const struct eco_schema *,
    const struct eco_node *, unsigned char *);
static size_t eval_items(struct vctx *, const struct eco_schema *,
    const struct eco_node *, unsigned char *);

static const struct eco_schema *deref(struct vctx *, const struct ref *, int);

static void
eval_props_in(struct vctx *c, const struct eco_schema *s,
    const struct eco_node *n, unsigned char *mark)
{
	if (s && s->boolean == 0 && quiet(c, s, n))
		eval_props(c, s, n, mark);
}

static void
eval_props(struct vctx *c, const struct eco_schema *s, const struct eco_node *n,
    unsigned char *mark)
{
	size_t i, j;

	if (s->boolean || n->type != ECO_MAP)
		return;
	for (i = 0; i < n->len; i++) {
		const struct eco_node *k = n->u.pairs[i].key;
		int m;

		if (k->type == ECO_SEQ || k->type == ECO_MAP) {
			mark[i] = 1;	/* reported by check_object */
			continue;
		}
		m = find_prop(s, k) != NULL;

		for (j = 0; j < s->npats; j++)
			if (re_match(c, s->pats[j].re, k->s, k->len))
				m = 1;
		if (m || s->additional || s->uprops)
			mark[i] = 1;
	}
	for (i = 0; i < s->nall; i++)
		eval_props_in(c, s->all[i], n, mark);
	for (i = 0; i < s->nany; i++)
		eval_props_in(c, s->any[i], n, mark);
	for (i = 0; i < s->none; i++)
		eval_props_in(c, s->one[i], n, mark);
	for (i = 0; i < s->ndepsch; i++)
		if (eco_map_get(n, s->depsch[i].name))
			eval_props_in(c, s->depsch[i].s, n, mark);
	if (s->if_) {
		if (quiet(c, s->if_, n)) {
			eval_props(c, s->if_, n, mark);
			eval_props_in(c, s->then_, n, mark);
		} else
			eval_props_in(c, s->else_, n, mark);
	}
	if (s->ref)
		eval_props_in(c, deref(c, s->ref, 0), n, mark);
	if (s->dynref)
		eval_props_in(c, deref(c, s->dynref, 1), n, mark);
}

static size_t
eval_items_in(struct vctx *c, const struct eco_schema *s,
    const struct eco_node *n, unsigned char *mark)
{
	if (s && s->boolean == 0 && quiet(c, s, n))
		return eval_items(c, s, n, mark);
	return 0;
}

#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* Returns how many leading items are evaluated; marks contains matches. */
static size_t
eval_items(struct vctx *c, const struct eco_schema *s, const struct eco_node *n,
    unsigned char *mark)
{
	size_t i, upto = 0;

	if (s->boolean || n->type != ECO_SEQ)
		return 0;
	if (s->items || s->uitems)
		return n->len;
	upto = s->nprefix < n->len ? s->nprefix : n->len;
	if (s->contains)
		for (i = 0; i < n->len; i++)
			if (quiet(c, s->contains, n->u.items[i]))
				mark[i] = 1;
	for (i = 0; i < s->nall; i++)
		upto = MAX(upto, eval_items_in(c, s->all[i], n, mark));
	for (i = 0; i < s->nany; i++)
		upto = MAX(upto, eval_items_in(c, s->any[i], n, mark));
	for (i = 0; i < s->none; i++)
		upto = MAX(upto, eval_items_in(c, s->one[i], n, mark));
	if (s->if_) {
		if (quiet(c, s->if_, n)) {
			upto = MAX(upto, eval_items(c, s->if_, n, mark));
			upto = MAX(upto, eval_items_in(c, s->then_, n, mark));
		} else
			upto = MAX(upto, eval_items_in(c, s->else_, n, mark));
	}
	if (s->ref)
		upto = MAX(upto, eval_items_in(c, deref(c, s->ref, 0), n, mark));
	if (s->dynref)
		upto = MAX(upto, eval_items_in(c, deref(c, s->dynref, 1), n, mark));
	return upto;
}

static int
unevaluated(struct vctx *c, const struct eco_schema *s, const struct eco_node *n)
{
	struct eco_schema copy = *s;
	unsigned char *mark;
	size_t i, upto = 0;
	int ok = 1;

	if (n->len == 0 || !(mark = calloc(n->len, 1)))
		return 1;
	/* What the rest of this schema evaluates, without itself. */
	if (n->type == ECO_MAP && s->uprops) {
		copy.uprops = NULL;
		eval_props(c, &copy, n, mark);
		for (i = 0; i < n->len && (ok || c->emit); i++) {
			if (mark[i])
				continue;
			if (s->uprops->boolean == 2) {
				ok = 0;
				fail_at(c, n->u.pairs[i].key, _("unknown key « %s »"),
				    n->u.pairs[i].key->s);
			} else if (!child(c, s->uprops, n->u.pairs[i].val,
			    n->u.pairs[i].key, 0))
				ok = 0;
		}
	}
	if (n->type == ECO_SEQ && s->uitems) {
		copy.uitems = NULL;
		upto = eval_items(c, &copy, n, mark);
		for (i = upto; i < n->len && (ok || c->emit); i++) {
			if (mark[i])
				continue;
			if (s->uitems->boolean == 2) {
				ok = 0;
				fail_at(c, n->u.items[i], _("no item is allowed at position %zu"),
				    i + 1);
			} else if (!child(c, s->uitems, n->u.items[i], NULL, i))
				ok = 0;
		}
	}
	free(mark);
	return ok;
}

static int
push_scope(struct vctx *c, struct resource *r)
{
	if (c->nscope && c->scope[c->nscope - 1] == r)
		return 0;
	if (c->nscope == c->scopecap &&
	    grow(&c->scope, &c->scopecap, c->nscope, sizeof *c->scope) < 0) {
		c->oom = 1;
		return 0;
	}
	c->scope[c->nscope++] = r;
	return 1;
}

static const struct eco_schema *
deref(struct vctx *c, const struct ref *r, int dynamic)
{
	const struct eco_schema *t = r->target;
	size_t i, j;

	if (!dynamic || !t || !r->dynanchor || !t->dynanchor ||
	    strcmp(t->dynanchor, r->dynanchor) != 0)
		return t;
	/* The outermost resource in scope with this dynamic anchor wins. */
	for (i = 0; i < c->nscope; i++) {
		struct resource *res = c->scope[i];

		for (j = 0; j < res->nanchors; j++)
			if (res->anchors[j].dynamic && res->anchors[j].s &&
			    strlen(r->dynanchor) == res->anchors[j].len &&
			    memcmp(res->anchors[j].name, r->dynanchor,
			    res->anchors[j].len) == 0)
				return res->anchors[j].s;
	}
	return t;
}

/*
 * Follow a reference.  Coming back to the same schema for the same value
 * on the way down is an endless loop: that branch fails at once instead
 * of recursing until the nesting limit (anyOf of two such references
 * would otherwise cost 2^2000 visits).
 */
static int
via_ref(struct vctx *c, const struct eco_schema *t, const struct eco_node *n)
{
	size_t i;
	int ok;

	if (!t)
		return 1;
	if (t->skip)
		t = t->skip;
	for (i = 0; i < c->nrefs; i++)
		if (c->refs[i].s == t && c->refs[i].n == n) {
			fail_at(c, n, "%s", _("the schema refers to itself without end"));
			return 0;
		}
	if (c->nrefs == c->refcap &&
	    grow(&c->refs, &c->refcap, c->nrefs, sizeof *c->refs) < 0) {
		c->oom = 1;
		return 1;
	}
	c->refs[c->nrefs].s = t;
	c->refs[c->nrefs++].n = n;
	ok = v(c, t, n);
	c->nrefs--;
	return ok;
}

static int
v(struct vctx *c, const struct eco_schema *s, const struct eco_node *n)
{
	unsigned t;
	int ok = 1, pushed;

	if (s->skip)
		s = s->skip;
	if (s->boolean == 1)
		return 1;
	if (s->boolean == 2) {
		fail_at(c, n, "%s", _("no value is allowed here"));
		return 0;
	}
	if (c->stopped)
		return 0;
	if (c->calls > 2000 || ++c->work > WORK_BUDGET) {
		c->stopped = 1;
		fail_at(c, n, "%s", _("the schema is too costly to apply to this value"));
		return 0;
	}
	c->calls++;
	pushed = s->track ? push_scope(c, s->res) : 0;
	t = inst_types(n);
	if (s->types && !(s->types & t)) {
		type_error(c, s, n);
		ok = 0;
		if (!c->emit)
			goto out;
	}
	if (s->enums) {
		size_t i;

		for (i = 0; i < s->enums->len; i++)
			if (json_equal(s->enums->u.items[i], n))
				break;
		if (i == s->enums->len) {
			enum_error(c, s, n);
			ok = 0;
		}
	}
	if ((s->has & H_CONST) && !json_equal(s->konst, n)) {
		if (s->konst->type == ECO_SEQ || s->konst->type == ECO_MAP)
			fail_at(c, n, "%s", _("the value differs from the only one allowed"));
		else
			fail_at(c, n, _("« %s » expected here"), s->konst->s);
		ok = 0;
	}
	if (!ok && !c->emit)
		goto out;
	if (s->ref && !via_ref(c, deref(c, s->ref, 0), n))
		ok = 0;
	if (s->dynref && !via_ref(c, deref(c, s->dynref, 1), n))
		ok = 0;
	if (!ok && !c->emit)
		goto out;
	switch (n->type) {
	case ECO_MAP:
		if (!check_object(c, s, n))
			ok = 0;
		break;
	case ECO_SEQ:
		if (!check_array(c, s, n))
			ok = 0;
		break;
	case ECO_STR:
		if (!check_string(c, s, n))
			ok = 0;
		break;
	case ECO_INT:
	case ECO_FLOAT:
		if (!check_number(c, s, n))
			ok = 0;
		break;
	default:
		break;
	}
	if ((ok || c->emit) && (s->nall || s->nany || s->none || s->not_ || s->if_) &&
	    !applicators(c, s, n))
		ok = 0;
	if ((ok || c->emit) && (s->uprops || s->uitems) && !unevaluated(c, s, n))
		ok = 0;
out:
	if (pushed)
		c->nscope--;
	c->calls--;
	return ok;
}

static void
vctx_free(struct vctx *c)
{
	free(c->refs);
	free(c->path);
	free(c->scope);
	if (c->md)
		pcre2_match_data_free(c->md);
}

int
eco_schema_valid(const struct eco_schema *s, const struct eco_node *inst)
{
	struct vctx c;
	int ok;

	memset(&c, 0, sizeof c);
	ok = v(&c, s, inst);
	vctx_free(&c);
	return ok;
}

size_t
eco_schema_check(const struct eco_schema *s, const struct eco_node *inst,
    const char *file, struct eco_diags *d)
{
	struct vctx c;

	memset(&c, 0, sizeof c);
	c.diags = d;
	c.file = file;
	c.emit = 1;
	v(&c, s, inst);
	if (c.oom)
		eco_diag_sys(d, file, "%s", strerror(ENOMEM));
	vctx_free(&c);
	return c.nerr;
}
