/*
 * eco_load.c - libyaml events → a tree of positioned nodes.
 *
 * A file is read whole (under the size limit).  libyaml's reader checks
 * its encoding as it parses; an error there is reported at the first bad
 * byte with its offset, line and column.
 * Scalars resolve by the YAML 1.2 core schema.  Aliases point at the
 * anchored node (no copy); each node's weight counts its expansion so
 * that a billion-laughs document is refused after a few thousand events.
 * An anchor is known only once its node is complete, which makes a
 * recursive alias an "unknown anchor" instead of a cycle.
 *
 * Errors inside a document (duplicate key, bad tag, unknown anchor) are
 * recorded and loading goes on; a libyaml error or a limit ends the
 * stream, since libyaml cannot resume after one.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "eco_priv.h"

#define CHECK "yaml"

/* libyaml's messages, as the catalogue knows them (see yaml_text). */
static const char *const yaml_msgs[] = {
	N_("block sequence entries are not allowed in this context"),
	N_("could not find expected ':'"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected <document start>"),
	N_("did not find expected alphabetic or numeric character"),
	N_("did not find expected comment or line break"),
	N_("did not find expected key"),
	N_("did not find expected node content"),
	N_("did not find expected whitespace or line break"),
	N_("found a tab character that violates indentation"),
	N_("found a tab character where an indentation space is expected"),
	N_("found an indentation indicator equal to 0"),
	N_("found character that cannot start any token"),
	N_("found duplicate %YAML directive"),
	N_("found incompatible YAML document"),
	N_("found undefined tag handle"),
	N_("found unexpected ':'"),
	N_("found unexpected document indicator"),
	N_("found unexpected end of stream"),
	N_("found unknown escape character"),
	N_("mapping keys are not allowed in this context"),
	N_("mapping values are not allowed in this context"),
	N_("while parsing a block collection"),
	N_("while parsing a block mapping"),
	N_("while parsing a block node"),
	N_("while parsing a flow mapping"),
	N_("while parsing a flow node"),
	N_("while parsing a flow sequence"),
	N_("while scanning a block scalar"),
	N_("while scanning a plain scalar"),
	N_("while scanning a quoted scalar"),
	N_("while scanning a simple key"),
	N_("while scanning an alias"),
	N_("while scanning an anchor"),
	N_("while scanning a tag"),
	N_("while scanning for the next token"),
	N_("control characters are not allowed"),
	N_("could not find expected directive name"),
	N_("did not find URI escaped octet"),
	N_("did not find expected '!'"),
	N_("did not find expected digit or '.' character"),
	N_("did not find expected hexdecimal number"),
	N_("did not find expected tag URI"),
	N_("did not find expected version number"),
	N_("did not find expected whitespace"),
	N_("did not find the expected '>'"),
	N_("found an incorrect leading UTF-8 octet"),
	N_("found an incorrect trailing UTF-8 octet"),
	N_("found duplicate %TAG directive"),
	N_("found extremely long version number"),
	N_("found invalid Unicode character escape code"),
	N_("found undefined alias"),
	N_("found unexpected non-alphabetical character"),
	N_("found unknown directive name"),
	N_("found duplicate anchor; first occurrence"),
	N_("incompatible %YAML directive"),
	N_("incomplete UTF-16 character"),
	N_("incomplete UTF-16 surrogate pair"),
	N_("incomplete UTF-8 octet sequence"),
	N_("input is too long"),
	N_("invalid Unicode character"),
	N_("invalid leading UTF-8 octet"),
	N_("invalid length of a UTF-8 sequence"),
	N_("invalid trailing UTF-8 octet"),
	N_("unexpected low surrogate area"),
	N_("while parsing a %TAG directive"),
	N_("while parsing a node"),
	N_("while parsing a quoted scalar"),
	N_("while parsing a tag"),
	N_("while parsing a tag directive"),
	N_("while scanning a %TAG directive"),
	N_("while scanning a %YAML directive"),
	N_("while scanning a directive"),
	N_("while scanning a tag directive"),
};

void
eco_limits_default(struct eco_limits *l)
{
	l->file_size = 64u << 20;
	l->depth = 256;
	l->nodes = 1000000;
	l->scalar = 1u << 20;
	l->expansion = 1000000;
}

struct anchor {
	char *name;
	struct eco_node *node;
};

struct frame {
	struct eco_node *node;
	size_t base;		/* first child in kids */
	char *anchor;		/* to register when the node completes */
	int merges;		/* "<<" keys among the children */
};

struct eco_reader {
	char *name;
	char *buf;		/* owned copy of the input, or NULL */
	const char *src;	/* the input, for positions of reader errors */
	size_t srclen;
	const struct eco_limits *lim;
	struct eco_diags *diags;
	yaml_parser_t parser;
	int started, done;
	int index;
	/* state of the document being built */
	struct eco_doc *doc;
	struct frame *stack;
	size_t depth, stackcap;
	struct eco_node **kids;
	size_t nkids, kidscap;
	struct anchor *anchors;
	size_t nanchors, anchorcap;
	size_t nodes, expanded;
};

/* Core schema resolution. */

static int
all_in(const char *s, size_t n, int (*ok)(int))
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!ok((unsigned char)s[i]))
			return 0;
	return 1;
}

static int isdig(int c) { return c >= '0' && c <= '9'; }
static int isoct(int c) { return c >= '0' && c <= '7'; }
static int ishex(int c)
{
	return isdig(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int
is_word(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

static int
is_core_float(const char *s, size_t n)
{
	size_t i = 0, d = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	if (is_word(s + i, n - i, ".inf") || is_word(s + i, n - i, ".Inf") ||
	    is_word(s + i, n - i, ".INF"))
		return 1;
	if (is_word(s, n, ".nan") || is_word(s, n, ".NaN") ||
	    is_word(s, n, ".NAN"))
		return 1;
	while (i < n && isdig((unsigned char)s[i]))
		i++, d++;
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && isdig((unsigned char)s[i]))
			i++, d++;
	}
	if (d == 0)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		if (!all_in(s + i, n - i, isdig))
			return 0;
		return 1;
	}
	return i == n;
}

static int
is_core_int(const char *s, size_t n)
{
	if (n > 2 && s[0] == '0' && s[1] == 'o')
		return all_in(s + 2, n - 2, isoct);
	if (n > 2 && s[0] == '0' && s[1] == 'x')
		return all_in(s + 2, n - 2, ishex);
	if (n > 0 && (s[0] == '-' || s[0] == '+'))
		s++, n--;
	return all_in(s, n, isdig);
}

static int
is_core_null(const char *s, size_t n)
{
	return n == 0 || is_word(s, n, "~") || is_word(s, n, "null") ||
	    is_word(s, n, "Null") || is_word(s, n, "NULL");
}

static int
core_bool(const char *s, size_t n)
{
	if (is_word(s, n, "true") || is_word(s, n, "True") ||
	    is_word(s, n, "TRUE"))
		return 1;
	if (is_word(s, n, "false") || is_word(s, n, "False") ||
	    is_word(s, n, "FALSE"))
		return 0;
	return -1;
}

enum eco_type
eco_resolve(const char *s, size_t n)
{
	if (n == 0)
		return ECO_NULL;
	/* Most scalars are words: decide them on the first byte. */
	switch (s[0]) {
	case '~': case 'n': case 'N':
		return is_core_null(s, n) ? ECO_NULL : ECO_STR;
	case 't': case 'T': case 'f': case 'F':
		return core_bool(s, n) >= 0 ? ECO_BOOL : ECO_STR;
	case '+': case '-': case '.':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if (is_core_int(s, n))
			return ECO_INT;
		return is_core_float(s, n) ? ECO_FLOAT : ECO_STR;
	}
	return ECO_STR;
}

/* Fill the value of a node whose text s is known to be of type t. */
static void
set_value(struct eco_node *nd, enum eco_type t)
{
	const char *s = nd->s;
	char *end;
	int neg = 0;

	nd->type = t;
	switch (t) {
	case ECO_NULL:
	case ECO_STR:
	case ECO_SEQ:
	case ECO_MAP:
		break;
	case ECO_BOOL:
		nd->u.b = core_bool(s, nd->len);
		break;
	case ECO_INT:
		errno = 0;
		if (s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
			unsigned long long v = strtoull(s + 2, &end,
			    s[1] == 'o' ? 8 : 16);

			nd->num = (double)v;
			if (errno == ERANGE || v > LLONG_MAX) {
				const char *p;

				nd->flags |= ECO_F_BIG;
				nd->num = 0;
				for (p = s + 2; *p; p++)
					nd->num = nd->num * (s[1] == 'o' ? 8 : 16) +
					    (*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
			} else
				nd->u.i = (long long)v;
			break;
		}
		nd->u.i = strtoll(s, &end, 10);
		nd->num = (double)nd->u.i;
		if (errno == ERANGE) {
			nd->flags |= ECO_F_BIG;
			nd->num = strtod(s, NULL);
		}
		break;
	case ECO_FLOAT:
		if (s[0] == '-' || s[0] == '+')
			neg = s[0] == '-', s++;
		if (s[0] == '.' && (s[1] == 'i' || s[1] == 'I'))
			nd->u.f = neg ? -HUGE_VAL : HUGE_VAL;
		else if (s[0] == '.' && (s[1] == 'n' || s[1] == 'N'))
			nd->u.f = NAN;
		else
			nd->u.f = strtod(nd->s, NULL);
		nd->num = nd->u.f;
		break;
	}
}

int
eco_scalar_matches(const struct eco_node *n, const char *text)
{
	struct eco_node tmp;

	if (!n || n->type == ECO_SEQ || n->type == ECO_MAP)
		return 0;
	if (strcmp(n->s, text) == 0)
		return 1;
	memset(&tmp, 0, sizeof tmp);
	tmp.s = text;
	tmp.len = strlen(text);
	set_value(&tmp, eco_resolve(text, tmp.len));
	return tmp.type != ECO_STR && eco_node_equal(&tmp, n);
}

struct eco_node *
eco_node_number(struct eco_doc *d, const char *s)
{
	struct eco_node *n = eco_node_str(d, s);
	enum eco_type t = n ? eco_resolve(s, strlen(s)) : ECO_STR;

	if (t == ECO_INT || t == ECO_FLOAT)
		set_value(n, t);
	return n;
}

/* Reading the input. */

static char *
read_all(int fd, const char *name, const struct eco_limits *lim,
    struct eco_diags *d, size_t *lenp)
{
	struct stat st;
	size_t cap = 65536, len = 0;
	char *buf, *nb;
	ssize_t r;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((uintmax_t)st.st_size > lim->file_size) {
			eco_diag_add(d, name, 0, 0, ECO_SEV_ERROR, "limite",
			    _("file too large: %jd bytes (limit: %zu)"),
			    (intmax_t)st.st_size, lim->file_size);
			return NULL;
		}
		cap = (size_t)st.st_size + 1;
	} else if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		eco_diag_sys(d, name, "%s", _("is a directory"));
		return NULL;
	}
	if (!(buf = malloc(cap))) {
		eco_diag_sys(d, name, "%s", strerror(ENOMEM));
		return NULL;
	}
	for (;;) {
		if (len == cap) {
			if (cap > lim->file_size) {
				eco_diag_add(d, name, 0, 0, ECO_SEV_ERROR,
				    "limite", _("input too large (limit: %zu bytes)"),
				    lim->file_size);
				free(buf);
				return NULL;
			}
			if (!(nb = realloc(buf, cap * 2))) {
				eco_diag_sys(d, name, "%s", strerror(ENOMEM));
				free(buf);
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
		r = read(fd, buf + len, cap - len);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			eco_diag_sys(d, name, "%s", strerror(errno));
			free(buf);
			return NULL;
		}
		len += (size_t)r;
	}
	if (len > lim->file_size) {
		eco_diag_add(d, name, 0, 0, ECO_SEV_ERROR, "limite",
		    _("input too large (limit: %zu bytes)"), lim->file_size);
		free(buf);
		return NULL;
	}
	*lenp = len;
	return buf;
}

/*
 * Line and column (1-based, in characters) of a byte offset, counted as
 * libyaml counts them: a byte-order mark takes no column, and CR, LF and
 * CR LF each end a line.
 */
static void
offset_pos(const char *buf, size_t len, size_t off, int *line, int *col)
{
	size_t i = 0;

	*line = *col = 1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < off && i < len; i++) {
		if (buf[i] == '\n' || (buf[i] == '\r' &&
		    (i + 1 >= len || buf[i + 1] != '\n')))
			++*line, *col = 1;
		else if (buf[i] != '\r' && ((unsigned char)buf[i] & 0xC0) != 0x80)
			++*col;
	}
}

/* Report the first invalid UTF-8 byte of buf, if any; 0 when clean. */
static int
check_utf8(const char *buf, size_t len, const char *name, struct eco_diags *d)
{
	size_t off = eco_utf8_check(buf, len);
	int line, col;

	if (off == len)
		return 0;
	offset_pos(buf, len, off, &line, &col);
	if (buf[off] == '\0')
		eco_diag_add(d, name, line, col, ECO_SEV_ERROR, "utf8",
		    _("NUL byte at byte offset %zu"), off);
	else
		eco_diag_add(d, name, line, col, ECO_SEV_ERROR, "utf8",
		    _("invalid UTF-8 (byte 0x%02X) at byte offset %zu"),
		    (unsigned char)buf[off], off);
	return -1;
}

static struct eco_reader *
reader_new(const char *name, const struct eco_limits *lim,
    struct eco_diags *d)
{
	struct eco_reader *r = calloc(1, sizeof *r);

	if (!r || !(r->name = strdup(name))) {
		free(r);
		eco_diag_sys(d, name, "%s", strerror(ENOMEM));
		return NULL;
	}
	r->lim = lim;
	r->diags = d;
	if (!yaml_parser_initialize(&r->parser)) {
		free(r->name);
		free(r);
		eco_diag_sys(d, name, "%s", strerror(ENOMEM));
		return NULL;
	}
	return r;
}

struct eco_reader *
eco_reader_mem(const char *buf, size_t len, const char *name,
    const struct eco_limits *lim, struct eco_diags *d)
{
	struct eco_reader *r;

	if (len > lim->file_size) {
		eco_diag_add(d, name, 0, 0, ECO_SEV_ERROR, "limite",
		    _("input too large (limit: %zu bytes)"), lim->file_size);
		return NULL;
	}
	/* libyaml's reader checks the encoding as it goes; see yaml_error */
	if (!(r = reader_new(name, lim, d)))
		return NULL;
	r->src = buf;
	r->srclen = len;
	yaml_parser_set_input_string(&r->parser, (const unsigned char *)buf,
	    len);
	return r;
}

struct eco_reader *
eco_reader_open(const char *path, const struct eco_limits *lim,
    struct eco_diags *d)
{
	const char *name = path;
	struct eco_reader *r;
	size_t len = 0;
	char *buf;
	int fd = 0;

	if (!path || strcmp(path, "-") == 0)
		name = "<stdin>";
	else if ((fd = open(path, O_RDONLY)) < 0) {
		eco_diag_sys(d, path, "%s", strerror(errno));
		return NULL;
	}
	buf = read_all(fd, name, lim, d, &len);
	if (fd != 0)
		close(fd);
	if (!buf)
		return NULL;
	if (!(r = eco_reader_mem(buf, len, name, lim, d))) {
		free(buf);
		return NULL;
	}
	r->buf = buf;
	return r;
}

void
eco_reader_close(struct eco_reader *r)
{
	size_t i;

	if (!r)
		return;
	yaml_parser_delete(&r->parser);
	eco_doc_free(r->doc);
	for (i = 0; i < r->depth; i++)
		free(r->stack[i].anchor);
	for (i = 0; i < r->nanchors; i++)
		free(r->anchors[i].name);
	free(r->anchors);
	free(r->stack);
	free(r->kids);
	free(r->buf);
	free(r->name);
	free(r);
}

/* Building the tree. */

static void
err_at(struct eco_reader *r, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	eco_diag_vadd(r->diags, r->name, line, col, ECO_SEV_ERROR, CHECK, fmt,
	    ap);
	va_end(ap);
	if (r->doc)
		r->doc->nerr++;
}

/* The byte at a 0-based line and column (in characters), or -1. */
static int
char_at(const char *buf, size_t len, size_t line, size_t col)
{
	size_t i = 0;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < len && line > 0; i++)
		if (buf[i] == '\n' || (buf[i] == '\r' &&
		    (i + 1 >= len || buf[i + 1] != '\n')))
			line--;
	for (; i < len && col > 0; i++)
		if (((unsigned char)buf[i] & 0xC0) != 0x80 &&
		    (i + 1 >= len || ((unsigned char)buf[i + 1] & 0xC0) != 0x80))
			col--;
	return i < len ? (unsigned char)buf[i] : -1;
}

/* A libyaml message in the user's language, when the catalogue has it. */
static const char *
yaml_text(const char *msg)
{
	size_t i;

	for (i = 0; i < sizeof yaml_msgs / sizeof *yaml_msgs; i++)
		if (strcmp(yaml_msgs[i], msg) == 0)
			return _(msg);
	return msg;
}

static void
yaml_error(struct eco_reader *r)
{
	yaml_parser_t *p = &r->parser;
	const char *problem = p->problem ? p->problem : "error";
	int line = (int)p->problem_mark.line + 1;
	int col = (int)p->problem_mark.column + 1;

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		eco_diag_sys(r->diags, r->name, "%s", strerror(ENOMEM));
		return;
	case YAML_READER_ERROR:
		/* Say it in eco's words when it is bad UTF-8 or a NUL byte. */
		if (check_utf8(r->src, r->srclen, r->name, r->diags) < 0)
			return;
		offset_pos(r->src, r->srclen, p->problem_offset, &line, &col);
		eco_diag_add(r->diags, r->name, line, col, ECO_SEV_ERROR,
		    "utf8", _("%s at byte offset %zu"), yaml_text(problem),
		    p->problem_offset);
		return;
	default:
		break;
	}
	if (char_at(r->src, r->srclen, p->problem_mark.line,
	    p->problem_mark.column) == '\t') {
		eco_diag_add(r->diags, r->name, line, col, ECO_SEV_ERROR, CHECK,
		    "%s", _("tab character: YAML indents with spaces only"));
		return;
	}
	if (p->context)
		eco_diag_add(r->diags, r->name, line, col, ECO_SEV_ERROR, CHECK,
		    _("%s (%s, line %d)"), yaml_text(problem), yaml_text(p->context),
		    (int)p->context_mark.line + 1);
	else
		eco_diag_add(r->diags, r->name, line, col, ECO_SEV_ERROR, CHECK,
		    "%s", yaml_text(problem));
}

static int
oom(struct eco_reader *r)
{
	eco_diag_sys(r->diags, r->name, "%s", strerror(ENOMEM));
	return -1;
}

static int
limit(struct eco_reader *r, const yaml_mark_t *m, const char *what, size_t v)
{
	eco_diag_add(r->diags, r->name, (int)m->line + 1, (int)m->column + 1,
	    ECO_SEV_ERROR, "limite", _("%s exceeds the limit of %zu"), what, v);
	return -1;
}

static struct eco_node *
new_node(struct eco_reader *r, const yaml_mark_t *m)
{
	struct eco_node *nd;

	if (++r->nodes > r->lim->nodes) {
		limit(r, m, _("the number of nodes in the document"),
		    r->lim->nodes);
		return NULL;
	}
	if (!(nd = eco_arena_alloc(r->doc->arena, sizeof *nd))) {
		oom(r);
		return NULL;
	}
	memset(nd, 0, sizeof *nd);
	nd->line = (int)m->line + 1;
	nd->col = (int)m->column + 1;
	nd->weight = 1;
	return nd;
}

/* A scalar node and its text, in one piece of the arena. */
static struct eco_node *
new_node_text(struct eco_reader *r, const yaml_mark_t *m, const char *text,
    size_t len)
{
	struct eco_node *nd;
	char *s;

	if (++r->nodes > r->lim->nodes) {
		limit(r, m, _("the number of nodes in the document"),
		    r->lim->nodes);
		return NULL;
	}
	if (!(nd = eco_arena_alloc(r->doc->arena, sizeof *nd + len + 1))) {
		oom(r);
		return NULL;
	}
	memset(nd, 0, sizeof *nd);
	s = (char *)(nd + 1);
	memcpy(s, text, len);
	s[len] = '\0';
	nd->s = s;
	nd->len = len;
	nd->line = (int)m->line + 1;
	nd->col = (int)m->column + 1;
	/* Long text weighs more, so that aliasing a big scalar many times
	 * is refused like aliasing many nodes: one unit per 256 bytes. */
	nd->weight = 1 + len / 256;
	return nd;
}

static int
push_kid(struct eco_reader *r, struct eco_node *nd)
{
	if (r->nkids == r->kidscap) {
		size_t cap = r->kidscap ? r->kidscap * 2 : 256;
		struct eco_node **k = realloc(r->kids, cap * sizeof *k);

		if (!k)
			return oom(r);
		r->kids = k;
		r->kidscap = cap;
	}
	r->kids[r->nkids++] = nd;
	if (r->depth > 0)
		r->stack[r->depth - 1].node->weight += nd->weight;
	return 0;
}

static int
add_anchor(struct eco_reader *r, char *name, struct eco_node *nd)
{
	if (r->nanchors == r->anchorcap) {
		size_t cap = r->anchorcap ? r->anchorcap * 2 : 16;
		struct anchor *a = realloc(r->anchors, cap * sizeof *a);

		if (!a) {
			free(name);
			return oom(r);
		}
		r->anchors = a;
		r->anchorcap = cap;
	}
	r->anchors[r->nanchors].name = name;
	r->anchors[r->nanchors++].node = nd;
	return 0;
}

static char *
take_anchor(struct eco_reader *r, yaml_char_t *anchor)
{
	char *s;

	if (!anchor)
		return NULL;
	if (!(s = strdup((char *)anchor)))
		oom(r);
	return s;
}

/* Place a finished node: under its parent, or as the document root. */
static int
attach(struct eco_reader *r, struct eco_node *nd, const yaml_mark_t *m)
{
	if (r->expanded > r->lim->expansion - nd->weight ||
	    nd->weight > r->lim->expansion)
		return limit(r, m, _("the expansion of aliases"),
		    r->lim->expansion);
	r->expanded += nd->weight;
	if (r->depth == 0) {
		r->doc->root = nd;
		return 0;
	}
	if (r->stack[r->depth - 1].node->type == ECO_MAP &&
	    (nd->flags & ECO_F_MERGE) &&
	    (r->nkids - r->stack[r->depth - 1].base) % 2 == 0)
		r->stack[r->depth - 1].merges++;
	return push_kid(r, nd);
}

static const char *
tag_short(const char *tag)
{
	static const char pfx[] = "tag:yaml.org,2002:";

	if (strncmp(tag, pfx, sizeof pfx - 1) == 0)
		return tag + sizeof pfx - 1;
	return NULL;
}

/* A tag as the user wrote it: !!int rather than tag:yaml.org,2002:int. */
static const char *
tag_shown(const char *tag, char *buf, size_t cap)
{
	const char *t = tag_short(tag);

	if (!t)
		return tag;
	snprintf(buf, cap, "!!%s", t);
	return buf;
}

static int
scalar(struct eco_reader *r, yaml_event_t *ev)
{
	const yaml_mark_t *m = &ev->start_mark;
	size_t len = ev->data.scalar.length;
	const char *tag = (const char *)ev->data.scalar.tag;
	int plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	const char *t;
	struct eco_node *nd;
	enum eco_type want;
	char *anchor, shown[64];

	if (len > r->lim->scalar)
		return limit(r, m, _("the length of a scalar"), r->lim->scalar);
	if (!(nd = new_node_text(r, m, (const char *)ev->data.scalar.value, len)))
		return -1;
	if (!plain)
		nd->flags |= ECO_F_QUOTED;
	if (!tag || strcmp(tag, "!") == 0) {
		want = plain && !tag ? eco_resolve(nd->s, len) : ECO_STR;
		if (plain && !tag && len == 2 && memcmp(nd->s, "<<", 2) == 0)
			nd->flags |= ECO_F_MERGE;
	} else if (!(t = tag_short(tag))) {
		err_at(r, nd->line, nd->col, _("unknown tag « %s »"), tag);
		want = ECO_STR;
	} else if (strcmp(t, "str") == 0)
		want = ECO_STR;
	else if (strcmp(t, "merge") == 0 && len == 2 &&
	    memcmp(nd->s, "<<", 2) == 0) {
		want = ECO_STR;
		nd->flags |= ECO_F_MERGE;
	} else {
		enum eco_type got = eco_resolve(nd->s, len);

		if (strcmp(t, "null") == 0)
			want = ECO_NULL;
		else if (strcmp(t, "bool") == 0)
			want = ECO_BOOL;
		else if (strcmp(t, "int") == 0)
			want = ECO_INT;
		else if (strcmp(t, "float") == 0) {
			want = ECO_FLOAT;
			if (got == ECO_INT && nd->s[0] != '0')
				got = ECO_FLOAT;
			else if (got == ECO_INT && is_core_float(nd->s, len))
				got = ECO_FLOAT;
		} else if (strcmp(t, "map") == 0 || strcmp(t, "seq") == 0) {
			err_at(r, nd->line, nd->col,
			    _("tag « !!%s » on a scalar"), t);
			want = got = ECO_STR;
		} else {
			err_at(r, nd->line, nd->col, _("unknown tag « %s »"),
			    tag_shown(tag, shown, sizeof shown));
			want = got = ECO_STR;
		}
		if (got != want) {
			err_at(r, nd->line, nd->col,
			    _("« %s » is not a valid value for tag « %s »"),
			    nd->s, tag_shown(tag, shown, sizeof shown));
			want = ECO_STR;
		}
	}
	set_value(nd, want);
	anchor = take_anchor(r, ev->data.scalar.anchor);
	if (ev->data.scalar.anchor && !anchor)
		return -1;
	if (anchor && add_anchor(r, anchor, nd) < 0)
		return -1;
	return attach(r, nd, m);
}

static int
alias(struct eco_reader *r, yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	const yaml_mark_t *m = &ev->start_mark;
	size_t i = r->nanchors;

	while (i-- > 0)
		if (strcmp(r->anchors[i].name, name) == 0) {
			struct eco_node *t = r->anchors[i].node, *cp;

			if (t->type == ECO_SEQ || t->type == ECO_MAP)
				return attach(r, t, m);
			/* A scalar is copied, so that it keeps the alias's
			 * own position (a duplicate key is reported there). */
			if (!(cp = new_node(r, m)))
				return -1;
			*cp = *t;
			cp->line = (int)m->line + 1;
			cp->col = (int)m->column + 1;
			return attach(r, cp, m);
		}
	err_at(r, (int)m->line + 1, (int)m->column + 1,
	    _("alias « *%s » refers to an unknown anchor"), name);
	/* Keep the document's shape: the alias reads as null. */
	{
		struct eco_node *nd = new_node(r, m);

		if (!nd)
			return -1;
		nd->type = ECO_NULL;
		nd->s = "";
		return attach(r, nd, m);
	}
}

static int
start(struct eco_reader *r, yaml_event_t *ev, enum eco_type type)
{
	const yaml_mark_t *m = &ev->start_mark;
	const char *tag, *t;
	yaml_char_t *anchor;
	struct eco_node *nd;
	struct frame *f;
	char shown[64];

	if (type == ECO_MAP) {
		tag = (const char *)ev->data.mapping_start.tag;
		anchor = ev->data.mapping_start.anchor;
	} else {
		tag = (const char *)ev->data.sequence_start.tag;
		anchor = ev->data.sequence_start.anchor;
	}
	if (r->depth >= r->lim->depth)
		return limit(r, m, _("the nesting depth"), r->lim->depth);
	if (!(nd = new_node(r, m)))
		return -1;
	nd->type = type;
	nd->s = "";	/* a collection used as a key has no text */
	if (tag && strcmp(tag, "!") != 0) {
		t = tag_short(tag);
		if (!t || (strcmp(t, "map") != 0 && strcmp(t, "seq") != 0))
			err_at(r, nd->line, nd->col, _("unknown tag « %s »"),
			    tag_shown(tag, shown, sizeof shown));
		else if (strcmp(t, type == ECO_MAP ? "map" : "seq") != 0)
			err_at(r, nd->line, nd->col,
			    _("tag « %s » does not match the node (found: %s)"),
			    tag_shown(tag, shown, sizeof shown), eco_type_name(type));
	}
	if (r->depth == r->stackcap) {
		size_t cap = r->stackcap ? r->stackcap * 2 : 32;

		if (!(f = realloc(r->stack, cap * sizeof *f)))
			return oom(r);
		r->stack = f;
		r->stackcap = cap;
	}
	f = &r->stack[r->depth++];
	f->node = nd;
	f->base = r->nkids;
	f->merges = 0;
	f->anchor = NULL;
	if (anchor && !(f->anchor = take_anchor(r, anchor)))
		return -1;
	return 0;
}

/* Keys of one mapping, for duplicate and merge checks. */

static size_t
key_hash(const struct eco_node *k)
{
	size_t h = 1469598103934665603u ^ (size_t)k->type, i;

	switch (k->type) {
	case ECO_STR:
		for (i = 0; i < k->len; i++)
			h = (h ^ (unsigned char)k->s[i]) * 1099511628211u;
		return h;
	case ECO_INT:
		if (k->flags & ECO_F_BIG)
			return h;	/* spelled many ways: compared by value */
		return h ^ (size_t)k->u.i;
	case ECO_BOOL:
		return h ^ (size_t)k->u.b;
	case ECO_FLOAT: {
		double f = k->u.f == 0 ? 0 : k->u.f;	/* -0 equals 0 */
		unsigned long long bits;

		if (f != f)
			return h;
		memcpy(&bits, &f, sizeof bits);
		return h ^ (size_t)bits;
	}
	case ECO_NULL:
		return h;
	default:
		return h ^ k->len;
	}
}

struct keyset {
	const struct eco_node **slot;
	size_t mask;		/* 0: no table, search the list */
	const struct eco_node **list;
	size_t n;
	const struct eco_node *small[16];
};

static int
keyset_init(struct keyset *ks, size_t n)
{
	size_t size = 16;

	ks->slot = NULL;
	ks->mask = 0;
	ks->n = 0;
	ks->list = ks->small;
	if (n <= 16)
		return 0;
	ks->list = NULL;
	while (size < n * 2)
		size *= 2;
	if (!(ks->slot = calloc(size, sizeof *ks->slot)))
		return -1;
	ks->mask = size - 1;
	return 0;
}

static void
keyset_free(struct keyset *ks)
{
	free(ks->slot);
}

/* Keys are nearly always short strings: compare those directly. */
static int
same_key(const struct eco_node *a, const struct eco_node *b)
{
	if (a->type == ECO_STR && b->type == ECO_STR)
		return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
	return eco_node_equal(a, b);
}

/* The key already in the set equal to k, or NULL after adding k. */
static const struct eco_node *
keyset_add(struct keyset *ks, const struct eco_node *k)
{
	size_t i;

	if (!ks->mask) {
		for (i = 0; i < ks->n; i++)
			if (same_key(ks->list[i], k))
				return ks->list[i];
		ks->list[ks->n++] = k;
		return NULL;
	}
	for (i = key_hash(k) & ks->mask; ks->slot[i]; i = (i + 1) & ks->mask)
		if (same_key(ks->slot[i], k))
			return ks->slot[i];
	ks->slot[i] = k;
	return NULL;
}

static const char *
key_text(const struct eco_node *k)
{
	return k->type == ECO_SEQ || k->type == ECO_MAP ? "…" : k->s;
}

static void
dup_error(struct eco_reader *r, const struct eco_node *k,
    const struct eco_node *first)
{
	char where[32];

	snprintf(where, sizeof where, "%d", first->line);
	err_at(r, k->line, k->col,
	    _("duplicate key « %s » (already at line %s)"), key_text(k), where);
}

/* Add the pairs of one merged mapping whose keys are not yet present. */
static int
merge_from(struct eco_reader *r, struct keyset *ks, const struct eco_node *src,
    struct eco_pair *out, size_t *n, size_t cap)
{
	size_t i;

	for (i = 0; i < src->len; i++) {
		if (keyset_add(ks, src->u.pairs[i].key))
			continue;
		if (*n == cap)
			return oom(r);
		out[(*n)++] = src->u.pairs[i];
	}
	return 0;
}

static size_t
merge_size(const struct eco_node *v)
{
	size_t i, n = 0;

	if (v->type == ECO_MAP)
		return v->len;
	if (v->type == ECO_SEQ)
		for (i = 0; i < v->len; i++)
			if (v->u.items[i]->type == ECO_MAP)
				n += v->u.items[i]->len;
	return n;
}

static int
finish_map(struct eco_reader *r, struct frame *f)
{
	struct eco_node *nd = f->node, **kv = r->kids ? r->kids + f->base : NULL;
	size_t npairs = (r->nkids - f->base) / 2, cap = npairs, n = 0, i, j;
	struct keyset ks;
	struct eco_pair *out;
	const struct eco_node *prev;

	for (i = 0; i < npairs; i++)
		if (kv[2 * i]->flags & ECO_F_MERGE)
			cap += merge_size(kv[2 * i + 1]);
	if (!(out = eco_arena_alloc(r->doc->arena, (cap ? cap : 1) * sizeof *out)))
		return oom(r);
	if (keyset_init(&ks, cap) < 0)
		return oom(r);
	/* Explicit keys first: they win over merged ones. */
	for (i = 0; i < npairs; i++) {
		if (f->merges && (kv[2 * i]->flags & ECO_F_MERGE))
			continue;
		if ((prev = keyset_add(&ks, kv[2 * i])))
			dup_error(r, kv[2 * i], prev);
	}
	for (i = 0; i < npairs; i++) {
		struct eco_node *k = kv[2 * i], *v = kv[2 * i + 1];

		if (!f->merges || !(k->flags & ECO_F_MERGE)) {
			out[n].key = k;
			out[n++].val = v;
			continue;
		}
		if (v->type == ECO_MAP) {
			if (merge_from(r, &ks, v, out, &n, cap) < 0)
				goto fail;
			continue;
		}
		if (v->type == ECO_SEQ) {
			for (j = 0; j < v->len; j++) {
				if (v->u.items[j]->type != ECO_MAP) {
					err_at(r, v->u.items[j]->line,
					    v->u.items[j]->col,
					    _("a merge (<<) takes mappings (found: %s)"),
					    eco_type_name(v->u.items[j]->type));
					continue;
				}
				if (merge_from(r, &ks, v->u.items[j], out, &n, cap) < 0)
					goto fail;
			}
			continue;
		}
		err_at(r, v->line, v->col,
		    _("a merge (<<) takes a mapping or a sequence of mappings (found: %s)"),
		    eco_type_name(v->type));
	}
	keyset_free(&ks);
	nd->u.pairs = out;
	nd->len = n;
	return 0;
fail:
	keyset_free(&ks);
	return -1;
}

static int
end(struct eco_reader *r, const yaml_mark_t *m)
{
	struct frame *f = &r->stack[r->depth - 1];
	struct eco_node *nd = f->node;
	size_t n = r->nkids - f->base;

	if (nd->type == ECO_MAP) {
		if (finish_map(r, f) < 0)
			return -1;
	} else {
		if (!(nd->u.items = eco_arena_alloc(r->doc->arena,
		    (n ? n : 1) * sizeof *nd->u.items)))
			return oom(r);
		if (n)
			memcpy(nd->u.items, r->kids + f->base, n * sizeof *nd->u.items);
		nd->len = n;
	}
	r->nkids = f->base;
	r->depth--;
	if (f->anchor && add_anchor(r, f->anchor, nd) < 0)
		return -1;
	/* The children's weight was counted once already, as they came. */
	r->expanded -= nd->weight - 1;
	return attach(r, nd, m);
}

static void
reset_doc(struct eco_reader *r)
{
	size_t i;

	for (i = 0; i < r->depth; i++)
		free(r->stack[i].anchor);
	for (i = 0; i < r->nanchors; i++)
		free(r->anchors[i].name);
	r->depth = r->nkids = r->nanchors = 0;
	r->nodes = r->expanded = 0;
}

static int
fail(struct eco_reader *r)
{
	r->done = 1;
	reset_doc(r);
	eco_doc_free(r->doc);
	r->doc = NULL;
	return -1;
}

/* Build one document from DOCUMENT-START to DOCUMENT-END. */
static int
build(struct eco_reader *r)
{
	yaml_event_t ev;
	int rc;

	for (;;) {
		if (!yaml_parser_parse(&r->parser, &ev)) {
			yaml_error(r);
			return -1;
		}
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			rc = scalar(r, &ev);
			break;
		case YAML_ALIAS_EVENT:
			rc = alias(r, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = start(r, &ev, ECO_SEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			rc = start(r, &ev, ECO_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			rc = end(r, &ev.start_mark);
			break;
		case YAML_DOCUMENT_END_EVENT:
			yaml_event_delete(&ev);
			return 0;
		default:
			rc = 0;
			break;
		}
		yaml_event_delete(&ev);
		if (rc < 0)
			return -1;
	}
}

int
eco_reader_next(struct eco_reader *r, struct eco_doc **out)
{
	yaml_event_t ev;

	*out = NULL;
	if (r->done)
		return 0;
	for (;;) {
		if (!yaml_parser_parse(&r->parser, &ev)) {
			yaml_error(r);
			return fail(r);
		}
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			r->done = 1;
			return 0;
		}
		if (ev.type == YAML_DOCUMENT_START_EVENT)
			break;
		yaml_event_delete(&ev);
	}
	yaml_event_delete(&ev);
	if (!(r->doc = calloc(1, sizeof *r->doc)) ||
	    !(r->doc->arena = eco_arena_new()) ||
	    !(r->doc->file = strdup(r->name))) {
		oom(r);
		return fail(r);
	}
	r->doc->index = ++r->index;
	if (build(r) < 0)
		return fail(r);
	reset_doc(r);
	*out = r->doc;
	r->doc = NULL;
	return 1;
}

/*
 * JSON without libyaml.  eco's schemas are JSON, and libyaml reads JSON
 * at a small fraction of the speed a JSON scanner does; at start-up that
 * was most of a command's time.  This reader feeds the same tree
 * builder with the events libyaml would give for the same text (a flow
 * mapping or sequence per object or array, double-quoted scalars for
 * strings, plain ones for the rest, the same marks), so the tree is the
 * one eco_reader_next builds.  Anything it does not take on exactly as
 * libyaml would (a tab, a byte-order mark, a surrogate escape, a key
 * not followed by ':' on its line, a problem the builder records) makes
 * it give up, and the caller reads the text with libyaml instead.
 */

struct jp {
	struct eco_reader *r;
	const char *p, *end;
	yaml_mark_t m;		/* of p: 0-based, columns in characters */
	char *tmp;		/* a string's unescaped text */
	size_t tmpcap;
};

/* Advance over n bytes that hold no line break. */
static void
jp_skip(struct jp *j, size_t n)
{
	for (; n > 0; n--, j->p++)
		if (((unsigned char)*j->p & 0xC0) != 0x80)
			j->m.column++;
}

/* Spaces and line breaks; 0, or -1 on anything libyaml might see
 * otherwise (a tab). */
static int
jp_ws(struct jp *j)
{
	while (j->p < j->end) {
		if (*j->p == ' ')
			jp_skip(j, 1);
		else if (*j->p == '\n' || *j->p == '\r') {
			if (*j->p == '\r' && j->p + 1 < j->end && j->p[1] == '\n')
				j->p++;
			j->p++;
			j->m.line++;
			j->m.column = 0;
		} else if (*j->p == '\t')
			return -1;
		else
			break;
	}
	return 0;
}

static int
jp_put(struct jp *j, size_t *n, const char *s, size_t len)
{
	if (*n + len + 1 > j->tmpcap) {
		size_t cap = (*n + len + 1) * 2;
		char *t = realloc(j->tmp, cap);

		if (!t)
			return -1;
		j->tmp = t;
		j->tmpcap = cap;
	}
	memcpy(j->tmp + *n, s, len);
	*n += len;
	return 0;
}

static int
hexval(int c)
{
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* A \uXXXX escape, outside the surrogates, as UTF-8. */
static int
jp_unicode(struct jp *j, size_t *n)
{
	unsigned long u = 0;
	char b[4];
	size_t k;

	if (j->end - j->p < 6)
		return -1;
	for (k = 2; k < 6; k++) {
		if (!ishex((unsigned char)j->p[k]))
			return -1;
		u = u * 16 + (unsigned long)hexval((unsigned char)j->p[k]);
	}
	if ((u >= 0xD800 && u <= 0xDFFF) || u == 0)
		return -1;
	if (u < 0x80)
		b[0] = (char)u, k = 1;
	else if (u < 0x800)
		b[0] = (char)(0xC0 | u >> 6), b[1] = (char)(0x80 | (u & 0x3F)), k = 2;
	else
		b[0] = (char)(0xE0 | u >> 12), b[1] = (char)(0x80 | (u >> 6 & 0x3F)),
		    b[2] = (char)(0x80 | (u & 0x3F)), k = 3;
	jp_skip(j, 6);
	return jp_put(j, n, b, k);
}

/*
 * What libyaml takes as text in a quoted scalar: not the C1 controls,
 * not U+FEFF, U+FFFE, U+FFFF, and not NEL, LS, PS, which it reads as
 * line breaks.
 */
static int
yaml_printable(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] == 0xC2 && n > 1)
		return u[1] >= 0xA0;
	if (u[0] == 0xE2 && n > 2 && u[1] == 0x80)
		return u[2] != 0xA8 && u[2] != 0xA9;
	if (u[0] == 0xEF && n > 2)
		return !(u[1] == 0xBB && u[2] == 0xBF) &&
		    !(u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF));
	return 1;
}

/* A string at p; its text goes to tmp.  0, or -1. */
static int
jp_string(struct jp *j, size_t *n)
{
	static const char esc[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	const char *s, *e;

	*n = 0;
	jp_skip(j, 1);
	for (;;) {
		for (s = j->p; j->p < j->end; j->p++) {
			unsigned char c = (unsigned char)*j->p;

			if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
				j->m.column++;	/* most of the text */
				continue;
			}
			if (c < 0x80)
				break;
			if ((c & 0xC0) == 0x80)
				continue;
			if ((c == 0xC2 || c == 0xE2 || c == 0xEF) &&
			    !yaml_printable(j->p, (size_t)(j->end - j->p)))
				return -1;
			j->m.column++;
		}
		if (jp_put(j, n, s, (size_t)(j->p - s)) < 0 || j->p >= j->end)
			return -1;
		if (*j->p == '"') {
			jp_skip(j, 1);
			j->tmp[*n] = '\0';
			return 0;
		}
		if (*j->p != '\\' || j->p + 1 >= j->end)
			return -1;	/* a control character */
		if (j->p[1] == 'u') {
			if (jp_unicode(j, n) < 0)
				return -1;
			continue;
		}
		for (e = esc; *e && *e != j->p[1]; e += 2)
			;
		if (!*e || jp_put(j, n, e + 1, 1) < 0)
			return -1;
		jp_skip(j, 2);
	}
}

/* A number, true, false or null: its text as a plain scalar. */
static size_t
jp_word(const struct jp *j)
{
	const char *p = j->p;
	size_t n;

	for (n = 0; p + n < j->end && (isdig((unsigned char)p[n]) ||
	    strchr("+-.eE", p[n]) || (p[n] >= 'a' && p[n] <= 'z')); n++)
		;
	if ((n == 4 && memcmp(p, "true", 4) == 0) ||
	    (n == 5 && memcmp(p, "false", 5) == 0) ||
	    (n == 4 && memcmp(p, "null", 4) == 0))
		return n;
	/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
	{
		size_t i = p[0] == '-', d;

		if (i >= n || !isdig((unsigned char)p[i]) ||
		    (p[i] == '0' && i + 1 < n && isdig((unsigned char)p[i + 1])))
			return 0;
		while (i < n && isdig((unsigned char)p[i]))
			i++;
		if (i < n && p[i] == '.') {
			for (d = ++i; i < n && isdig((unsigned char)p[i]); i++)
				;
			if (i == d)
				return 0;
		}
		if (i < n && (p[i] == 'e' || p[i] == 'E')) {
			if (++i < n && (p[i] == '+' || p[i] == '-'))
				i++;
			for (d = i; i < n && isdig((unsigned char)p[i]); i++)
				;
			if (i == d)
				return 0;
		}
		return i == n ? n : 0;
	}
}

static int jp_value(struct jp *, int depth);

static int
jp_scalar(struct jp *j, const char *text, size_t len, int quoted)
{
	yaml_event_t ev;

	memset(&ev, 0, sizeof ev);
	ev.type = YAML_SCALAR_EVENT;
	ev.start_mark = j->m;
	ev.data.scalar.value = (yaml_char_t *)text;
	ev.data.scalar.length = len;
	ev.data.scalar.style = quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE :
	    YAML_PLAIN_SCALAR_STYLE;
	return scalar(j->r, &ev);
}

/* An object or array at p, up to its closing bracket. */
static int
jp_collection(struct jp *j, int depth)
{
	int map = *j->p == '{';
	char close = map ? '}' : ']';
	yaml_event_t ev;
	size_t n, first = 1;

	memset(&ev, 0, sizeof ev);
	ev.type = map ? YAML_MAPPING_START_EVENT : YAML_SEQUENCE_START_EVENT;
	ev.start_mark = j->m;
	if (start(j->r, &ev, map ? ECO_MAP : ECO_SEQ) < 0)
		return -1;
	jp_skip(j, 1);
	for (;;) {
		if (jp_ws(j) < 0 || j->p >= j->end)
			return -1;
		if (*j->p == close && first)
			break;
		if (!first) {
			if (*j->p == close)
				break;
			if (*j->p != ',')
				return -1;
			jp_skip(j, 1);
			if (jp_ws(j) < 0 || j->p >= j->end)
				return -1;
		}
		first = 0;
		if (map) {
			yaml_mark_t km = j->m;

			if (*j->p != '"' || jp_string(j, &n) < 0 ||
			    (size_t)(j->m.column - km.column) > 1000 ||
			    j->p >= j->end || *j->p == '\n' || *j->p == '\r')
				return -1;
			if (jp_ws(j) < 0 || j->p >= j->end || *j->p != ':' ||
			    j->m.line != km.line)
				return -1;	/* libyaml wants the ':' on the key's line */
			{
				yaml_mark_t after = j->m;

				j->m = km;
				if (jp_scalar(j, j->tmp, n, 1) < 0)
					return -1;
				j->m = after;
			}
			jp_skip(j, 1);
			if (jp_ws(j) < 0)
				return -1;
		}
		if (jp_value(j, depth + 1) < 0)
			return -1;
	}
	ev.start_mark = j->m;
	jp_skip(j, 1);
	return end(j->r, &ev.start_mark);
}

static int
jp_value(struct jp *j, int depth)
{
	yaml_mark_t at = j->m;
	size_t n;

	if (j->p >= j->end)
		return -1;
	if (*j->p == '{' || *j->p == '[')
		return depth > 1000 ? -1 : jp_collection(j, depth);
	if (*j->p == '"') {
		if (jp_string(j, &n) < 0)
			return -1;
		{
			yaml_mark_t after = j->m;
			int rc;

			j->m = at;
			rc = jp_scalar(j, j->tmp, n, 1);
			j->m = after;
			return rc;
		}
	}
	if (!(n = jp_word(j)))
		return -1;
	{
		int rc = jp_scalar(j, j->p, n, 0);

		jp_skip(j, n);
		return rc;
	}
}

struct eco_doc *
eco_json_doc(const char *buf, size_t len, const char *name,
    const struct eco_limits *lim)
{
	struct eco_diags quiet;
	struct eco_reader r;
	struct jp j;
	struct eco_doc *doc = NULL;
	size_t i;
	int rc;

	if (len > lim->file_size || eco_utf8_check(buf, len) != len)
		return NULL;
	memset(&r, 0, sizeof r);
	memset(&j, 0, sizeof j);
	eco_diags_init(&quiet);
	r.lim = lim;
	r.diags = &quiet;
	j.r = &r;
	j.p = buf;
	j.end = buf + len;
	if (!(r.doc = calloc(1, sizeof *r.doc)) ||
	    !(r.doc->arena = eco_arena_new()) || !(r.doc->file = strdup(name)))
		goto out;
	r.doc->index = 1;
	rc = jp_ws(&j);
	if (rc == 0 && j.p < j.end && (*j.p == '{' || *j.p == '['))
		rc = jp_value(&j, 0);
	else
		rc = -1;
	if (rc == 0 && jp_ws(&j) == 0 && j.p == j.end && quiet.n == 0 &&
	    !quiet.oom && r.doc->root) {
		doc = r.doc;
		r.doc = NULL;
	}
out:
	for (i = 0; i < r.depth; i++)
		free(r.stack[i].anchor);
	free(r.stack);
	free(r.kids);
	free(r.anchors);
	free(j.tmp);
	eco_doc_free(r.doc);
	eco_diags_free(&quiet);
	return doc;
}
