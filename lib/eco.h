/*
 * eco.h - the one public header of libeco.
 *
 * The library reads YAML into position-keeping trees, writes trees back as
 * YAML or JSON, and collects diagnostics.  It never prints and never exits:
 * every call returns a status and fills a struct eco_diags, so the commands
 * in cmd/ decide what to say and how to end.
 */
#ifndef ECO_H
#define ECO_H

#include <stddef.h>
#include <stdio.h>

#ifndef ECO_VERSION
#define ECO_VERSION "0.1.0"	/* the Makefile's VERSION */
#endif

/* Exit status shared by every command. */
enum {
	ECO_EXIT_OK = 0,	/* success */
	ECO_EXIT_DATA = 1,	/* input read but invalid, or a check failed */
	ECO_EXIT_USAGE = 2,	/* bad options or operands */
	ECO_EXIT_SYS = 3	/* I/O, memory, failed write to stdout */
};

/* eco_value.c: dates and money. */

struct eco_node;

/* A date is the ISO string AAAA-MM-JJ of a day of the Gregorian calendar. */
#define ECO_DATE_BUFSZ 16
/* 1 when the n bytes at s are such a date (2000-02-29 is, 1900-02-29 not). */
int eco_format_date(const char *s, size_t n);
/* Year, month and day of an ISO date: 0, or -1 when iso is not a date. */
int eco_date_ymd(const char *iso, int *y, int *m, int *d);
/* Day number of an ISO date (0 on 1970-01-01), for differences;
 * LONG_MIN when iso is not a date of the calendar. */
long eco_date_days(const char *iso);
/* The date of a day number, in out (ECO_DATE_BUFSZ bytes); out, or NULL
 * when its year does not have four digits. */
char *eco_date_of_days(long days, char *out);
/* iso plus days (negative: minus), in out; NULL when iso is no date or
 * the result's year does not have four digits. */
char *eco_date_add(const char *iso, long days, char *out);
/* Today in the local time zone, in out, or the day ECO_AUJOURDHUI sets
 * (AAAA-MM-JJ) when it holds one; NULL when the clock fails. */
char *eco_date_today(char *out);

/*
 * Money is integer cents, never a double.  Cents of a montant written
 * 4500, 4500.5, 4500.00 or 4.5e3: 0, or -1 when the text is not a
 * non-negative amount with at most two decimals (or overflows).
 */
int eco_money_parse(const char *s, size_t n, long long *cents);
/* The same for a node: an INT or FLOAT, read from its text as written. */
int eco_money_node(const struct eco_node *, long long *cents);
/* *sum += cents, checked: -1 and *sum left alone on overflow. */
int eco_money_add(long long *sum, long long cents);

enum eco_money_style {
	ECO_MONEY_TEXTE,	/* 12 500,00 $, plain spaces */
	ECO_MONEY_PRINT,	/* 12 500,00 $, U+202F between thousands and
				 * U+00A0 before $: never broken over lines */
	ECO_MONEY_CSV,		/* 12500,00 */
	ECO_MONEY_JSON		/* 12500.00 */
};
#define ECO_MONEY_BUFSZ 64
/* cents written in buf (ECO_MONEY_BUFSZ bytes) in a style; returns buf. */
char *eco_money_format(long long cents, enum eco_money_style, char *buf);
/*
 * Split cents over the calendar years of [debut, fin] (ISO dates, both
 * days included) in proportion to the days in each year.  Each year
 * gets the integer part of its share; the cents left over go one each
 * to the years with the largest fractions left, the earliest first on
 * ties, so the parts always add up to cents.  Fills out[0] for the year
 * of debut, out[1] for the next..., and returns the number of years,
 * or -1 when fin precedes debut or more than cap years are needed.
 */
int eco_money_split_years(long long cents, const char *debut,
    const char *fin, long long *out, size_t cap);

/* eco_text.c: text for people. */

/* A growable string, NUL-terminated when s is not NULL.  Start it as
 * ECO_BUF_INIT; after a failed allocation oom is set and every call does
 * nothing. */
struct eco_buf {
	char *s;
	size_t n, cap;
	int oom;
};
#define ECO_BUF_INIT { NULL, 0, 0, 0 }
void eco_buf_add(struct eco_buf *, const char *s, size_t n);
void eco_buf_adds(struct eco_buf *, const char *s);
/* c, times times. */
void eco_buf_addc(struct eco_buf *, char c, size_t times);
void eco_buf_printf(struct eco_buf *, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Empty the string, keeping its memory. */
void eco_buf_clear(struct eco_buf *);
/* The string, to free() ("" when nothing was added); the buffer is left
 * empty.  NULL when memory ran out (the buffer is freed). */
char *eco_buf_take(struct eco_buf *);
void eco_buf_free(struct eco_buf *);

/* Columns a code point takes on a terminal, from Unicode's tables
 * (utf8proc): 0 for combining marks and controls, 2 for wide ones. */
size_t eco_char_width(unsigned long c);
/* Columns of the first n bytes of UTF-8 text (up to a NUL). */
size_t eco_text_width(const char *s, size_t n);
/* Bytes of the first n of s that fit in width columns. */
size_t eco_text_fit(const char *s, size_t n, size_t width);
/* 1 for a control character that must reach no terminal or page: C0
 * but tab and newline, DEL, C1 (ESC is one). */
int eco_char_is_control(unsigned long c);
/* eco_text_clean flags: what else becomes a plain space */
#define ECO_CLEAN_TABS	1	/* tabs (aligned text) */
#define ECO_CLEAN_NBSP	2	/* no-break spaces (a terminal, grep) */
/* Append s (n bytes) to b, each control character as a space. */
void eco_text_clean(struct eco_buf *b, const char *s, size_t n,
    unsigned flags);

/* wrapping flags */
#define ECO_WRAP_CUT	1	/* a word wider than the line is cut */
#define ECO_WRAP_JOIN	2	/* a newline is a space (a folded scalar);
				 * otherwise it ends the line */
#define ECO_WRAP_SQUEEZE 4	/* a run of blanks counts as one column */
/*
 * The first line of s wrapped at width columns (0: no limit) by the
 * French rule: at a space, but never just after an opening «, nor before
 * : ; ! ? » % $ or a dash standing alone; a word wider than the line
 * overflows it, or is cut with ECO_WRAP_CUT.  *len gets the line's bytes,
 * blanks at its end left out; returns where the next line starts (past
 * the blanks of the break, or past the newline).
 */
size_t eco_wrap_line(const char *s, size_t width, unsigned flags,
    size_t *len);
/*
 * Write s by that rule within width columns: from column col (what comes
 * before is already written), each next line starting with prefix and
 * then indent spaces; runs of white space, newlines too, are one space;
 * ends the line.  0, or -1 on a write error.
 */
int eco_wrap_write(FILE *, const char *s, size_t col, size_t indent,
    size_t width, const char *prefix);

/* html escaping flags */
#define ECO_HTML_BR	1	/* a newline is <br>, not a space */
#define ECO_HTML_NOWRAP	2	/* dates and ids (2026-09-01, cpe-soleil) in
				 * <span class="k">, never broken (the page
				 * writer's style sheet) */
/* s as HTML text: & < > " ' as entities, control characters as spaces,
 * the space after « and before » : ; ! ? as a no-break space. */
void eco_html_text(FILE *, const char *s, unsigned flags);
/* s as Markdown text shown as written: what could format or open a block
 * escaped, newlines, tabs and control characters as spaces, the spaces
 * inside « » and before : ; ! ? no-break ones. */
void eco_md_text(FILE *, const char *s);

/* s in lowercase without accents (é→e, œ→oe, Ç→c) into buf (cap bytes),
 * to compare words a person types; returns buf. */
char *eco_text_fold(const char *s, char *buf, size_t cap);
/* Closest of n candidate words to s, or NULL when none is close. */
const char *eco_closest(const char *s, const char *const *cand, size_t n);
/* Up to max candidates for s into out, how many: the closest when one is
 * a typo away, else those sharing the most words of four letters or more
 * with s that no other candidate holds
 * ("soutien-social": "qualite-services-soutien-familles"). */
size_t eco_closest_many(const char *s, const char *const *cand, size_t n,
    const char **out, size_t max);
/* The same, up to three, as people read them ("a, b or c") in buf (cap
 * bytes): buf, or NULL when none is close. */
const char *eco_closest_text(const char *s, const char *const *cand,
    size_t n, char *buf, size_t cap);
/* The language tag of the messages shown, for a page's lang: "fr-CA"
 * under fr_CA, "fr" under LANGUAGE=fr, "en" when no catalogue answers
 * (C, POSIX, en_*).  Written in out (at least 8 bytes); out, or NULL. */
char *eco_lang_tag(char *out, size_t cap);

/* eco_diag.c: the diagnostic list. */

enum eco_sev { ECO_SEV_ERROR, ECO_SEV_WARNING, ECO_SEV_NOTE };

struct eco_diag {
	char *file;		/* owned copy; NULL when no file is concerned */
	int line, col;		/* 1-based; 0 when unknown */
	enum eco_sev sev;
	int sys;		/* 1: a system error (exit 3), not bad data */
	const char *check;	/* static name printed in brackets, or NULL */
	char *msg;		/* owned, already translated */
	char *path;		/* owned JSON pointer in the document, or NULL */
	char code[80];		/* its kind: see eco_diag_code */
};

struct eco_diags {
	struct eco_diag *v;
	size_t n, cap;
	size_t nerr, nwarn;
	int sys;		/* some diagnostic was a system error */
	int oom;		/* a diagnostic could not be recorded */
};

void eco_diags_init(struct eco_diags *);
void eco_diags_free(struct eco_diags *);
/* Forget the recorded diagnostics but keep the counters. */
void eco_diags_clear(struct eco_diags *);
/* Sort the diagnostics by file, line and column (stable). */
void eco_diags_sort(struct eco_diags *);
/* Record one diagnostic; fmt is printf-like and already translated. */
void eco_diag_add(struct eco_diags *, const char *file, int line, int col,
    enum eco_sev, const char *check, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/* Same, for system errors (I/O, memory): sets sys. */
void eco_diag_sys(struct eco_diags *, const char *file, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Attach a JSON pointer ("/objectifs/0/id") to the last diagnostic. */
void eco_diag_set_path(struct eco_diags *, const char *path);
/* Record a copy of one diagnostic (its path too). */
void eco_diag_copy(struct eco_diags *, const struct eco_diag *);
/* Record a copy of every diagnostic of from, and its oom flag. */
void eco_diags_append(struct eco_diags *, const struct eco_diags *from);
/* Worst exit status the recorded diagnostics call for. */
int eco_diags_status(const struct eco_diags *);
/* Translated word for a severity ("erreur", "avertissement"). */
const char *eco_sev_name(enum eco_sev);

/* eco_node.c: the document tree. */

enum eco_type {
	ECO_NULL, ECO_BOOL, ECO_INT, ECO_FLOAT, ECO_STR, ECO_SEQ, ECO_MAP
};

struct eco_pair;

struct eco_node {
	enum eco_type type;
	int line, col;		/* 1-based start position in the source */
	size_t len;		/* scalar: bytes of s; SEQ: items; MAP: pairs */
	const char *s;		/* scalar: its text, NUL-terminated (as written
				 * for INT and FLOAT, "true"/"false", "null") */
	size_t weight;		/* nodes under this one, aliases expanded */
	union {
		int b;			/* BOOL */
		long long i;		/* INT, when !big */
		double f;		/* FLOAT, and INT as a double */
		struct eco_node **items;	/* SEQ */
		struct eco_pair *pairs;		/* MAP */
	} u;
	double num;		/* INT and FLOAT: the value as a double */
	unsigned char flags;	/* ECO_F_* */
};

/* node flags */
#define ECO_F_BIG	1	/* INT that does not fit in long long */
#define ECO_F_MERGE	2	/* the plain key "<<" */
#define ECO_F_QUOTED	4	/* scalar written quoted or as a block */

struct eco_pair {
	struct eco_node *key, *val;
};

struct eco_arena;

struct eco_doc {
	struct eco_node *root;
	const char *file;	/* name used in messages, owned by the doc */
	int index;		/* 1-based position in its stream */
	size_t nerr;		/* errors found while loading it */
	struct eco_arena *arena;
};

void eco_doc_free(struct eco_doc *);
/* Value of key in a mapping, or NULL. */
const struct eco_node *eco_map_get(const struct eco_node *, const char *key);
/* Follow a dotted path of keys ("budget.total") from a mapping. */
const struct eco_node *eco_node_path(const struct eco_node *, const char *path);
/* Deep equality of values (positions ignored; 1 and 1.0 differ). */
int eco_node_equal(const struct eco_node *, const struct eco_node *);
/* Name of a type in messages ("chaîne", "entier"...), translated. */
const char *eco_type_name(enum eco_type);

/* Readers of a mapping's values; each is NULL (or otherwise) when the
 * mapping is NULL, the key absent or the value of another type. */
/* The string at key. */
const char *eco_map_str(const struct eco_node *, const char *key);
/* The text of the scalar at key, whatever its type ("180", "13:30");
 * NULL for null and collections. */
const char *eco_map_text(const struct eco_node *, const char *key);
/* The string at key when it is an ISO date of the calendar. */
const char *eco_map_date(const struct eco_node *, const char *key);
/* The boolean at key, or otherwise. */
int eco_map_bool(const struct eco_node *, const char *key, int otherwise);
/* The sequence, or the mapping, at key. */
const struct eco_node *eco_map_seq(const struct eco_node *, const char *key);
const struct eco_node *eco_map_mapping(const struct eco_node *,
    const char *key);
/* 1 when sequence seq holds the string s. */
int eco_seq_has(const struct eco_node *seq, const char *s);

/*
 * Builders: a new document owns an arena; the nodes made for it live
 * until eco_doc_free.  Strings are copied.  Each returns NULL (or -1)
 * when memory runs out, and a NULL argument makes put and push fail, so
 * that eco_map_put(d, m, "k", eco_node_str(d, s)) fails as a whole.  A
 * node of another document may be put or pushed (shared, not copied)
 * when that document outlives this one.  Set doc->root to the top node.
 */
/* An empty document; file (copied, or NULL) names it in messages. */
struct eco_doc *eco_doc_new(const char *file);
struct eco_node *eco_node_str(struct eco_doc *, const char *s);
struct eco_node *eco_node_int(struct eco_doc *, long long v);
/* s as a number when YAML would read it as one (12, 4.5, 1e3), else as
 * text (a value a person typed on the command line). */
struct eco_node *eco_node_number(struct eco_doc *, const char *s);
struct eco_node *eco_node_bool(struct eco_doc *, int b);
struct eco_node *eco_node_null(struct eco_doc *);
/* An empty mapping, an empty sequence. */
struct eco_node *eco_node_map(struct eco_doc *);
struct eco_node *eco_node_seq(struct eco_doc *);
/* Append key: val to mapping m (keys are not checked for duplicates). */
int eco_map_put(struct eco_doc *, struct eco_node *m, const char *key,
    const struct eco_node *val);
/* Append item to sequence seq. */
int eco_seq_push(struct eco_doc *, struct eco_node *seq,
    const struct eco_node *item);
/* key: the string s (nothing for NULL); key: the list of the n strings
 * of v (nothing when n is 0).  0, or -1 when memory runs out. */
int eco_map_put_str(struct eco_doc *, struct eco_node *m, const char *key,
    const char *s);
int eco_map_put_strs(struct eco_doc *, struct eco_node *m, const char *key,
    const char *const *v, size_t n);

/* eco_load.c: YAML → tree. */

struct eco_limits {
	size_t file_size;	/* bytes of one file or stream */
	size_t depth;		/* nesting of collections */
	size_t nodes;		/* nodes of one document */
	size_t scalar;		/* bytes of one scalar */
	size_t expansion;	/* nodes of one document, aliases expanded */
};

/* The defaults: 64 MiB, 256, 1 000 000, 1 MiB, 1 000 000. */
void eco_limits_default(struct eco_limits *);

struct eco_reader;

/*
 * Open a YAML stream.  path "-" or NULL means standard input, named
 * "<stdin>" in messages.  Returns NULL and records why on failure.
 */
struct eco_reader *eco_reader_open(const char *path,
    const struct eco_limits *, struct eco_diags *);
/* Same over bytes held by the caller; name is used in messages. */
struct eco_reader *eco_reader_mem(const char *buf, size_t len,
    const char *name, const struct eco_limits *, struct eco_diags *);
/*
 * Next document: 1 and *doc set (free it with eco_doc_free; doc->nerr
 * counts the errors recorded for it), 0 at the end of the stream, -1
 * when the stream cannot be read further (the reason is recorded).
 */
int eco_reader_next(struct eco_reader *, struct eco_doc **doc);
void eco_reader_close(struct eco_reader *);

/* 1 when scalar n is written text, or has the value text has when read
 * as a plain YAML scalar ("7" matches 007, "true" matches True). */
int eco_scalar_matches(const struct eco_node *n, const char *text);
/* Resolve a plain scalar by the YAML 1.2 core schema. */
enum eco_type eco_resolve(const char *s, size_t len);

/* eco_emit.c: tree → YAML, tree → JSON. */

/* Write doc as a YAML document ("---" first).  0, or -1 on write error. */
int eco_emit_yaml(FILE *, const struct eco_node *);
/* Write one JSON value and a newline.  -1 on write error; -2 when the
 * tree holds a value JSON cannot carry (recorded in diags). */
int eco_emit_json(FILE *, const struct eco_node *, const char *file,
    struct eco_diags *);
/* Write s as a JSON string (quotes and escapes). */
void eco_json_string(FILE *, const char *s, size_t n);
/* 1 when a YAML 1.2 or 1.1 reader would take string s for another type. */
int eco_str_needs_quotes(const char *s, size_t len);
/* eco_str_plain flags */
#define ECO_PLAIN_FLOW	1	/* inside a flow collection ([a, b], {k: v}) */
#define ECO_PLAIN_DATES	2	/* ISO dates stay plain, as eco's files write
				 * them (a YAML 1.1 reader takes a timestamp) */
/* 1 when string s (n bytes, n > 0) may be written plain, unquoted, and
 * read back as this string by YAML 1.2 and 1.1 readers: the one test of
 * eco's YAML writers. */
int eco_str_plain(const char *s, size_t n, unsigned flags);

/* eco_schema.c: JSON Schema draft 2020-12. */

struct eco_schemaset;
struct eco_schema;

struct eco_schemaset *eco_schemaset_new(void);
void eco_schemaset_free(struct eco_schemaset *);
/*
 * Whether format (date, date-time, time, email, uri) is an assertion, as
 * eco's schemas need (the default), or an annotation only, as draft
 * 2020-12 says when a schema does not ask for it.  Set before adding.
 */
void eco_schemaset_formats(struct eco_schemaset *, int assert);
/*
 * Compile the schema tree root.  base is the URI it was read from, used
 * when it has no $id.  The tree must outlive the set, or be handed over
 * with eco_schemaset_adopt.  Returns the compiled schema, or NULL with
 * the reasons recorded.
 */
const struct eco_schema *eco_schemaset_add(struct eco_schemaset *,
    const struct eco_node *root, const char *base, struct eco_diags *);
void eco_schemaset_adopt(struct eco_schemaset *, struct eco_doc *);
/* Read and add every document of a YAML or JSON file; NULL on failure. */
const struct eco_schema *eco_schemaset_load(struct eco_schemaset *,
    const char *path, struct eco_diags *);
/* Add the draft 2020-12 meta-schemas compiled into the library. */
int eco_schemaset_add_meta(struct eco_schemaset *, struct eco_diags *);
/* Add eco's own schemas: compiled in, or read from $ECO_SCHEMAS. */
int eco_schemaset_add_eco(struct eco_schemaset *, struct eco_diags *);
/* Resolve every $ref; unresolvable ones are recorded.  0 or -1. */
int eco_schemaset_resolve(struct eco_schemaset *, struct eco_diags *);
/* The schema at an absolute URI (with optional fragment), or NULL. */
const struct eco_schema *eco_schemaset_get(struct eco_schemaset *,
    const char *uri);
/* The schema of an eco document kind ("plan"), or NULL. */
const struct eco_schema *eco_schemaset_kind(struct eco_schemaset *,
    const char *kind);
/* The schema's source tree (for title, description, examples). */
const struct eco_node *eco_schema_node(const struct eco_schema *);

/* 1 when inst is valid; records nothing. */
int eco_schema_valid(const struct eco_schema *, const struct eco_node *inst);
/*
 * Validate inst and record every failure at the instance node's
 * position, with its JSON pointer and check "schema".  Returns the
 * number of errors recorded.
 */
size_t eco_schema_check(const struct eco_schema *, const struct eco_node *inst,
    const char *file, struct eco_diags *);


/* eco_kind.c: the registry of kinds. */

/*
 * Every kind of document, and every kind of thing documents name by id
 * (a member organisation, a funder), once.  Where documents name ids is
 * not in the registry: the schemas mark it, with a $ref to a shared
 * definition of defs.schema.json named after the kind referred to.
 */
struct eco_index;
struct eco_kind;

/* The rules of a kind's documents beyond its schema: note their ids in
 * the index and record what breaks the method's rules. */
typedef void eco_rules_fn(struct eco_index *, const struct eco_kind *,
    const struct eco_node *root, const char *file, struct eco_diags *);

struct eco_kind {
	const char *name;	/* "plan", "organisme" */
	const char *label;	/* what people call it: a msgid (eco_kind_label) */
	const char *home;	/* where a project keeps it: "plan.yaml", or a
				 * folder "suivis/"; NULL: nowhere */
	const char *title;	/* the key of its title ("libelle"), or NULL */
	unsigned flags;		/* ECO_KIND_* */
	const char *ids_in;	/* kind of the documents that hold its ids,
				 * when they are not its own ("organisme":
				 * "regroupement"), or NULL */
	const char *also;	/* a reference to it may name an id of this
				 * kind too ("objectif": "objectif-plan") */
	eco_rules_fn *rules;	/* NULL: its id is all there is to note */
};

#define ECO_KIND_DOC		1	/* a kind of document, with a schema */
#define ECO_KIND_RECORD		2	/* one document per record, many in a
					 * file (else a nested document) */
#define ECO_KIND_COPY		4	/* a record printed from another
					 * document, with the original's id */
#define ECO_KIND_PROJECT_REFS	8	/* references to it are checked only
					 * in a whole project */
#define ECO_KIND_FREE_REFS	16	/* a reference to it may be free text:
					 * one that names no id is a warning */

/* Every kind, *n of them, documents first in the order of DESIGN §3. */
const struct eco_kind *eco_kinds(size_t *n);
/* The kind called name, or NULL. */
const struct eco_kind *eco_kind_find(const char *name);
/* The kind of a document's root (its kind: key), or NULL. */
const struct eco_kind *eco_kind_of(const struct eco_node *root);
/* Its label in the user's language ("plan d'action"). */
const char *eco_kind_label(const struct eco_kind *);
/*
 * The schema of a kind of document, compiled once for the process when
 * first asked for (safe from several threads); NULL for a kind that is
 * not a document's, or when the schema cannot be used (the reasons are
 * recorded the first time).
 */
const struct eco_schema *eco_kind_schema(const struct eco_kind *,
    struct eco_diags *);
/*
 * The check of one document, as eco-validate makes it: a mapping with a
 * known kind, valid against its schema, then (index not NULL) its kind's
 * rules, its ids and references noted in the index.  Returns the errors
 * the document has, the loader's included.
 */
size_t eco_kind_check(const struct eco_doc *, struct eco_index *,
    struct eco_diags *);

/* eco_project.c: files and folders, the project, safe writes. */

/*
 * The YAML files of operands: a folder gives every *.yaml and *.yml
 * under it, in name order (names that begin with "." are left out),
 * each named folder/path; any other operand stays as it is ("-" means
 * standard input).  Only regular files are taken from a folder:
 * anything else named like a YAML file is skipped with a warning, and a
 * folder met again below itself (a symbolic link loop) is said once and
 * not entered; a folder without a YAML file is a warning.  Returns a
 * NULL-terminated array to free with eco_paths_free (NULL only when
 * memory runs out; what went wrong is recorded).
 */
char **eco_expand(int argc, char *const *argv, struct eco_diags *);
void eco_paths_free(char **);
/* The commands of folder dir: the executable regular files whose name
 * begins with prefix, the prefix left out, appended to the NULL-
 * terminated array *v of *n names (free each and v) when not there yet.
 * 0, or -1 when the folder cannot be read. */
int eco_commands(const char *dir, const char *prefix, char ***v, size_t *n);

/* The documents of paths (from eco_expand), one after the other. */
struct eco_input;
struct eco_input *eco_input_open(char *const *paths, const struct eco_limits *,
    struct eco_diags *);
/* 1 and the next document (the caller frees it; doc->nerr counts its
 * errors, recorded), 0 after the last; a file that cannot be read is
 * recorded and skipped. */
int eco_input_next(struct eco_input *, struct eco_doc **doc);
/* The first path that could not be read whole (an error in its YAML, or
 * not readable at all), or NULL. */
const char *eco_input_unread(const struct eco_input *);
void eco_input_close(struct eco_input *);

/* Root of the project holding start (a folder): the nearest folder
 * upwards with an eco.yaml.  0 and out filled, or -1 (errno). */
int eco_project_root(const char *start, char *out, size_t cap);
/* Take the project's advisory lock (.eco.lock); a descriptor or -1. */
int eco_project_lock(const char *root);
void eco_project_unlock(int fd);
/*
 * Replace path with head then tail, atomically: temporary file in the
 * same folder, fsync, rename.  With must_be_new, fail with EEXIST rather
 * than replace an existing file.  0, or -1 and errno.
 */
int eco_write_atomic(const char *path, const char *head, size_t headlen,
    const char *tail, size_t taillen, int must_be_new);

/*
 * A project: its root, and the files of its layout, each read once, when
 * a caller first needs what it holds (the registry of kinds says where
 * each kind lives).  Files are named as a person in the current folder
 * types them: "plan.yaml", "../plan.yaml", "examples/demo/plan.yaml".
 * Documents, arrays and names it hands out live until it is closed.
 */
struct eco_project;

struct eco_file {
	const char *name;	/* in messages: "examples/demo/plan.yaml" */
	const char *rel;	/* from the root: "plan.yaml"; an operand's
				 * is its name */
	const struct eco_doc *const *docs;	/* all it holds, in order;
				 * those with nerr > 0 failed to load */
	size_t ndocs;
	int opened;		/* it could be read */
	int input;		/* an operand (eco_project_inputs) */
};

/*
 * The project around dir (a folder, or a file's; NULL: the current
 * folder), found upwards as git does.  Without one, a project with no
 * root: it holds only operands.  NULL only when memory runs out.
 */
struct eco_project *eco_project_open(const char *dir, struct eco_diags *);
/* The project whose root is the folder root, named so in messages,
 * with or without an eco.yaml.  NULL only when memory runs out. */
struct eco_project *eco_project_at(const char *root, struct eco_diags *);
void eco_project_close(struct eco_project *);
/* The root as files are named from it (".", "..", "examples/demo"), or
 * NULL when there is no project. */
const char *eco_project_dir(const struct eco_project *);
/* The regroupement's name (eco.yaml's nom), or NULL. */
const char *eco_project_name(struct eco_project *);
/* What people call the thing of kind with id: a member organisation's
 * nom, a funder's, a factor's, an action's titre...; NULL when unknown. */
const char *eco_project_title(struct eco_project *, const char *kind,
    const char *id);
/* Whether the project has an id of kind; from a record's render (see
 * eco_project_append), what the files hold under the lock. */
int eco_project_has(struct eco_project *, const char *kind, const char *id);
/* The path from the root of a file the project read, given its name in
 * messages (doc->file), or NULL. */
const char *eco_project_rel(const struct eco_project *, const char *name);
/* Whether the project read its file rel (from the root) and could open
 * it. */
int eco_project_has_file(const struct eco_project *, const char *rel);
/* The documents of kind where the project keeps it, that loaded, in
 * file order (doc->file names the file): *n of them. */
const struct eco_doc *const *eco_project_docs(struct eco_project *,
    const char *kind, size_t *n);
/* Read a file or folder of the layout ("plan.yaml", "suivis/"; NULL:
 * every YAML file under the root), when not read yet.  0, or -1 when
 * memory runs out. */
int eco_project_read(struct eco_project *, const char *home,
    struct eco_diags *);
/* The files read so far, in the order they were read. */
size_t eco_project_nfiles(const struct eco_project *);
const struct eco_file *eco_project_file(const struct eco_project *, size_t i);
/* What reading a file said (syntax errors...), copied into d. */
void eco_file_diags(const struct eco_file *, struct eco_diags *);
/* Read operands (files, folders, "-") as the documents a command works
 * on, to be checked in the project's context.  0, or -1 (recorded). */
int eco_project_inputs(struct eco_project *, int argc, char *const *argv,
    struct eco_diags *);
/* The operands are records printed from the project's files (a pipe of
 * eco-constats liste): one with the id of a record of those files is
 * that record, not a second one with its id. */
void eco_project_copies(struct eco_project *);
/* The operands' documents that loaded, in order: *n of them. */
const struct eco_doc *const *eco_project_input_docs(struct eco_project *,
    size_t *n);
/*
 * Whether what a command works on is valid: the operands, and the
 * project's files that hold kinds (NULL-terminated, or NULL), with
 * eco.yaml, each document checked as eco-validate does, references
 * resolved against the project.  Their diagnostics and those of the
 * project rules about them go to d; returns the number of errors.
 */
size_t eco_project_check(struct eco_project *, const char *const *kinds,
    struct eco_diags *);

/*
 * A record to write: render writes it, one YAML document ("---" first)
 * for eco_project_append, the whole file for eco_project_create; it is
 * given id, a fresh id of the record's kind (prefix and the first number
 * no document of the kind has: "r03-note-2"), or "" without a prefix,
 * to use when the record has no id of its own.
 */
struct eco_record {
	const char *file;	/* from the root: "rencontres/r03.yaml" */
	const char *kind;	/* what it must be: "note" (NULL: create,
				 * any kind) */
	const char *prefix;	/* of the fresh id, or NULL */
	int (*render)(FILE *, const char *id, void *arg);	/* 0 or -1 */
	void *arg;
	unsigned flags;		/* ECO_WRITE_* */
	char *text;		/* out: what was written (or, dry, would
				 * be), to free */
	char id[128];		/* out: the fresh id offered */
};
#define ECO_WRITE_DRY		1	/* check only: nothing is written */
#define ECO_WRITE_UNCHECKED	2	/* create: a skeleton, that must read
					 * as YAML only */

/*
 * Append a record to file, under the project's lock: the file and the
 * kind's others are read again, the temporary files an interrupted
 * write left in its folder are removed (a note each), the record is
 * checked in the project's context (its schema, the rules, its
 * references, its id unique) and the file replaced by its old bytes and
 * the record, atomically.  0; -1 when the record is not valid or cannot
 * be written: nothing is written, the reasons are recorded.
 */
int eco_project_append(struct eco_project *, struct eco_record *,
    struct eco_diags *);
/*
 * Close the cycle, to open the next: every file of the layout but
 * eco.yaml and facteurs.yaml (meetings, data, constats, offer,
 * interventions, priorities, plan, communication, follow-ups,
 * evaluations, diagnostics), those that are there, moved by rename(2)
 * into historique/NAME/ (NAME one name, no "/"), under the lock.  The
 * folder holds a file .eco-historique, and no walk of eco reads a folder
 * that holds one: the past cycle stays as history, out of the project.
 * Nothing is copied or rewritten; with dry nothing moves.  A note per
 * file moved goes to d.  0, or -1 (historique/NAME there already,
 * nothing to move, a move failed: why is in d, with what moved before).
 */
int eco_project_new_cycle(struct eco_project *, const char *name, int dry,
    struct eco_diags *);
/* The same for a new file (its folders made), which never replaces one:
 * a file already there is an error. */
int eco_project_create(struct eco_project *, struct eco_record *,
    struct eco_diags *);

/*
 * eco-validate's way, the files checked by the caller: each file's
 * index (eco_kind_check) is merged into the project's, which then reads
 * the files not checked for their ids and runs the project rules.
 */
int eco_project_checked(struct eco_project *, const char *path,
    struct eco_index *);
void eco_project_finish(struct eco_project *, struct eco_diags *);

/* The files of a new project, in memory: each one's path from its root
 * and its bytes (NUL-terminated); a path ending in "/" is a folder. */
struct eco_newfile {
	char *rel;
	char *data;
	size_t len;
};
struct eco_newfiles {
	struct eco_newfile *v;
	size_t n;
};
/* Add a file, its bytes copied (a folder: none).  0, or -1 (recorded). */
int eco_newfiles_add(struct eco_newfiles *, const char *rel, const char *data,
    size_t len, struct eco_diags *);
/* Add the YAML files under the folder src, as eco_expand finds them,
 * with their bytes and their paths from src.  0, or -1 (recorded). */
int eco_newfiles_copy(struct eco_newfiles *, const char *src,
    struct eco_diags *);
/* Add the demonstration project as installed: the folder exemple/ of
 * $ECO_DATADIR, else of the data folder built in.  0, or -1 (recorded). */
int eco_newfiles_example(struct eco_newfiles *, struct eco_diags *);
void eco_newfiles_free(struct eco_newfiles *);
/*
 * Create the files in the folder root: when one is there already, each
 * such is said and nothing is made.  root and the folders above it are
 * made as needed; each file is written as eco_project_create writes one
 * (under the lock, never replacing a file, read back as YAML), and one
 * that cannot be stops the rest.  *made gets the folders made
 * ("p/suivis/") and the files written, in order (NULL-terminated, or
 * NULL; free with eco_paths_free).  0, or -1 (recorded).
 */
int eco_project_init(const char *root, const struct eco_newfiles *,
    char ***made, struct eco_diags *);

/* eco_rules.c: the method's rules beyond schemas. */

struct eco_index;

struct eco_index *eco_index_new(void);
void eco_index_free(struct eco_index *);
/* The index is a whole project's: every reference must resolve.  Without
 * it, only references to kinds the indexed files define are checked. */
void eco_index_project(struct eco_index *);
/* What is indexed from now on comes from files read for context (the
 * rest of a project when only some files are checked): their ids count,
 * their own references and problems are not reported. */
void eco_index_context(struct eco_index *);
/*
 * Check one document by the rules of its kind and note its ids and
 * references in the index (which may be a per-file one, merged later).
 */
void eco_rules_doc(struct eco_index *, const struct eco_doc *,
    struct eco_diags *);
/* A file could not be read whole (a YAML error): the ids it holds are
 * unknown, so references to kinds with no known id are not judged (one
 * note says how many). */
void eco_index_unread(struct eco_index *, const char *file);
/* Keep the title of every id indexed from now on (eco_index_title). */
void eco_index_titles(struct eco_index *);
/* With titles, the eco's own ids (the catalogue's factors, the cycle's
 * objectives) are read only for the kinds asked for, each said here
 * before the project rules run: 1 when kind is new, 0 when it was
 * asked already. */
int eco_index_want(struct eco_index *, const char *kind);
/* Whether the index holds id of kind. */
int eco_index_has(const struct eco_index *, const char *kind,
    const char *id);
/* The title of id of kind ("Maison de la famille"), after
 * eco_rules_project; NULL when unknown or untitled. */
const char *eco_index_title(const struct eco_index *, const char *kind,
    const char *id);
/* Move everything of from into into; from is left empty. */
int eco_index_merge(struct eco_index *into, struct eco_index *from);
/* Rules across the documents of a project: ids, references, totals. */
void eco_rules_project(struct eco_index *, struct eco_diags *);

/* eco_facteurs.c: the protective factors a project works with (Outils 3
 * and 4): eco's catalogue as the project's facteurs.yaml changes it, fiche
 * by fiche, and where each fiche and each text comes from. */

enum eco_facteur_origine {
	ECO_FACTEUR_CATALOGUE,	/* eco's fiche, as it is */
	ECO_FACTEUR_AJOUTE,	/* the project's, with a new id */
	ECO_FACTEUR_REMPLACE,	/* the project's, in place of eco's */
	ECO_FACTEUR_RETIRE	/* eco's, withdrawn by the project */
};

struct eco_sous_facteur {
	const char *id, *nom, *definition;
};

/* One fiche; its strings live as long as the project (or the process,
 * for the catalogue's). */
struct eco_facteur {
	const char *id, *systeme, *nom, *definition, *notes;
	const char *source;	/* agirtot, proposition or regroupement */
	struct eco_sous_facteur *sous;
	size_t nsous;
	const char **pistes, **domaines, **references;
	size_t npistes, ndomaines, nreferences;
	const char **proposes;	/* textes_proposes: fields eco wrote */
	size_t nproposes;
	enum eco_facteur_origine origine;
	const char *file;	/* the project's file, NULL: the catalogue */
	int line;
	const char *par;	/* ECO_FACTEUR_RETIRE: the file that did */
	int par_line;
	const struct eco_node *node;	/* the fiche's mapping */
};

struct eco_facteurs;
/* The fiches of project p (NULL: the catalogue alone), p's facteurs.yaml
 * read and applied; check it first (eco_project_check of "facteur").
 * NULL when memory runs out (recorded). */
struct eco_facteurs *eco_facteurs_of(struct eco_project *p,
    struct eco_diags *);
void eco_facteurs_free(struct eco_facteurs *);
/* The fiches by system (enfant, famille, communauté), catalogue order,
 * a project's new fiches after their system's. */
size_t eco_facteurs_count(const struct eco_facteurs *);
const struct eco_facteur *eco_facteurs_at(const struct eco_facteurs *,
    size_t i);
/* The fiche of id (a factor's, not a sub-factor's), or NULL. */
const struct eco_facteur *eco_facteurs_find(const struct eco_facteurs *,
    const char *id);
/* The fiche of factor id, or the one that holds sub-factor id (then in
 * *sous; NULL for a factor); NULL when none has it. */
const struct eco_facteur *eco_facteurs_holder(const struct eco_facteurs *,
    const char *id, const struct eco_sous_facteur **sous);
/* What people call factor or sub-factor id, with where its fiche comes
 * from in a word or two: "Habiletés langagières (eco's proposal)",
 * "Sub-factor, in Factor (published)"; into buf, returned, or id itself
 * when no fiche has it. */
const char *eco_facteurs_label(const struct eco_facteurs *, const char *id,
    char *buf, size_t cap);
/* 0 when id (NULL: none asked for) is a factor or a sub-factor of the
 * fiches; else -1, and an error in d that names the closest ids (a
 * --facteur a command was given). */
int eco_facteurs_known(const struct eco_facteurs *, const char *id,
    struct eco_diags *);
/* The i-th fiche of the catalogue the project withdrew, or NULL. */
const struct eco_facteur *eco_facteurs_retired(const struct eco_facteurs *,
    size_t i);
/* The factor and sub-factor ids close to id ("a, b or c", as
 * eco_closest_text) in buf, or NULL. */
const char *eco_facteurs_closest(const struct eco_facteurs *, const char *id,
    char *buf, size_t cap);
/* Whether the text of part ("definition", "pistes-actions"...) of f is
 * eco's proposal rather than the published method's. */
int eco_facteur_propose(const struct eco_facteur *, const char *field);
/* Where f comes from, as a person reads it ("published by Avenir
 * d'enfants (agirtot.org)", "proposal of eco…"), or in a word or two for
 * a table when brief ("published", "eco's proposal"), translated. */
const char *eco_facteur_provenance(const struct eco_facteur *, int brief);
/* The name of an EQDEM domain ("Maturité affective"), or NULL. */
const char *eco_domaine_label(const char *id);

/* eco_plan.c: the plan's method module: its typed views and records,
 * their filters, a plan document's rules, what is left to fill, the
 * follow-up calendar and the skeleton (eco-plan, eco-vue, eco_cycle). */

/*
 * A plan seen flat.  eco_plan_add takes a plan document (kind: plan) and
 * walks it into arrays of views, one per objective, transformation,
 * indicator and action, each carrying the ids of what holds it; it takes
 * as well the records eco-plan prints (kind: objectif, transformation,
 * indicateur, action), so a stream read from a pipe gives the same views
 * as the plan itself.  Views point into the documents, which the plan
 * owns once added.  A view is lenient: a string field is NULL when the
 * value is absent, null or not a string, so an incomplete plan (a
 * skeleton) still gives every view, for eco_plan_gaps to judge.
 */

#define ECO_NSYS 3
/* "enfant", "famille", "communaute": the systems, in the method's order
 * (the keys of an objective's transformations). */
extern const char *const eco_systemes[ECO_NSYS];
/* Index of a system name in eco_systemes, or -1. */
int eco_systeme_index(const char *);
/* What people call a system ("Communauté"), translated, or NULL. */
const char *eco_systeme_label(const char *);

enum eco_view_kind {
	ECO_VIEW_OBJECTIF, ECO_VIEW_TRANSFORMATION, ECO_VIEW_INDICATEUR,
	ECO_VIEW_ACTION
};
#define ECO_NVIEW 4
/* "objectif", "transformation", "indicateur", "action": record kinds. */
extern const char *const eco_view_kinds[ECO_NVIEW];

/* What a planning meeting still has to fill (eco_plan_gaps). */
#define ECO_GAP_ID		0x0001	/* no id */
#define ECO_GAP_LIBELLE		0x0002	/* no libelle (an action: no titre) */
#define ECO_GAP_FACTEUR		0x0004	/* objective: no protective factor */
#define ECO_GAP_TRANSFORMATION	0x0008	/* objective: a system has none */
#define ECO_GAP_INDICATEUR	0x0010	/* transformation: no indicator */
#define ECO_GAP_CIBLE		0x0020	/* transformation: no indicator with a
					 * target; indicator: no target */
#define ECO_GAP_ACTION		0x0040	/* transformation: no action */
#define ECO_GAP_RESPONSABLE	0x0080	/* action: no responsable */
#define ECO_GAP_PARTENAIRE	0x0100	/* action: no partner (but an
					 * individuelle one) */
#define ECO_GAP_DATES		0x0200	/* action: no debut or no fin;
					 * indicator: no echeance nor period */
#define ECO_GAP_BUDGET		0x0400	/* action: no budget line with an amount */
#define ECO_GAP_BAILLEUR	0x0800	/* action: a budget line has no funder */
#define ECO_GAP_SUIVI		0x1000	/* action: no calendrier_suivi */
#define ECO_GAP_OUTIL		0x2000	/* indicator: no outil_suivi */
#define ECO_GAP_PERIODE		0x4000	/* a date outside the plan's period or
					 * the action's own dates */
#define ECO_GAP_DESCRIPTION	0x8000	/* action: no description (the
					 * method's "contenu") */

/* What every view has. */
struct eco_view {
	const struct eco_node *node;	/* its mapping, in the plan or a record */
	const char *file;		/* the document's name in messages */
	const char *path;		/* JSON pointer of node in its document:
					 * "/objectifs/0/transformations/enfant"
					 * ("" for a record) */
	int record;			/* 1: read from a record, not a plan */
	unsigned gaps;			/* ECO_GAP_*, set by eco_plan_gaps */
};

struct eco_objectif_view {
	struct eco_view v;
	const char *id, *libelle, *facteur;
	const char **priorites;		/* ids, npriorites of them */
	size_t npriorites;
};

struct eco_transformation_view {
	struct eco_view v;
	const char *id;			/* as written, or "<objectif>-<systeme>" */
	const char *objectif, *systeme;	/* ids; systeme one of eco_systemes */
	const char *facteur;		/* the objective's */
	const char *libelle;
	const char **indicateurs;	/* their ids (NULL for one without) */
	size_t nindicateurs;
	const char **actions;		/* their ids (NULL for one without) */
	size_t nactions;
};

struct eco_indicateur_view {
	struct eco_view v;
	const char *id, *libelle, *unite;
	const char *objectif, *systeme, *facteur;
	const char *transformation;	/* its id (as eco_transformation_view) */
	const char *transformation_libelle;
	const struct eco_node *valeur_depart, *cible;	/* number or text */
	const char *date_depart;	/* valid dates only, else NULL */
	const char *echeance;		/* as written */
	const char *echeance_eff;	/* echeance, or else the plan's end */
	const char *outil_suivi, *responsable_mesure, *frequence_mesure;
};

struct eco_budget_line {
	const struct eco_node *node;	/* the line's mapping */
	const char *poste;
	int has_amount;			/* montant is a valid amount */
	long long cents;		/* montant, when has_amount */
	const char *bailleur;		/* funder id; NULL: not funded yet */
	const char *statut;		/* "confirme", "demande", "a-solliciter" */
};

struct eco_action_view {
	struct eco_view v;
	const char *id, *titre, *type, *responsable;
	const char *objectif, *systeme, *facteur;
	const char *transformation;	/* its id (as eco_transformation_view) */
	const char *transformation_libelle;
	const char **partenaires;	/* ids, npartenaires of them */
	size_t npartenaires;
	const char *debut, *fin;	/* as written, valid dates only */
	const char *debut_eff, *fin_eff;	/* or else the plan's period */
	struct eco_budget_line *budget;	/* nbudget lines, in order */
	size_t nbudget;
	long long budget_cents;		/* sum of the lines with an amount */
	const char **calendrier;	/* calendrier_suivi, valid dates */
	size_t ncalendrier;
	const char *statut;		/* a record's statut (eco-suivi), or NULL */
	/* the latest decision of an evaluation on the day, once
	 * eco_evaluation_apply has read them (NULL: none) */
	const char *decision;		/* "maintien", "adaptation", "abandon" */
	const char *decision_le;	/* its date, the evaluation's */
	const struct eco_node *decision_node;	/* its mapping */
	const char *arret;		/* abandoned: from that day on */
};

struct eco_bailleur_view {
	const struct eco_node *node;
	const char *id, *nom, *type, *programme;
};

struct eco_plan_data;

struct eco_plan {
	const char *id, *titre;		/* of the first plan document */
	const char *debut, *fin;	/* its period (valid dates), or NULL */
	const char *revise_le;		/* its last revision (a valid date), or
					 * NULL */
	const char **calendrier;	/* its calendrier_suivi, valid dates */
	size_t ncalendrier;
	const char *file;		/* its file, or NULL without a plan */
	size_t nplans;			/* plan documents added */
	struct eco_bailleur_view *bailleurs;
	size_t nbailleurs;
	struct eco_objectif_view *objectifs;
	size_t nobjectifs;
	struct eco_transformation_view *transformations;
	size_t ntransformations;
	struct eco_indicateur_view *indicateurs;
	size_t nindicateurs;
	struct eco_action_view *actions;
	size_t nactions;
	struct eco_plan_data *data;	/* the documents and the arena */
};

/* An empty plan, or NULL when memory runs out. */
struct eco_plan *eco_plan_new(void);
void eco_plan_free(struct eco_plan *);
/* 1 when kind is "plan" or one of eco_view_kinds. */
int eco_plan_kind(const char *kind);
/*
 * Add one document.  1: it is a plan or one of its records, flattened
 * into the views, and the plan now owns doc (it frees it).  0: another
 * kind, or not a mapping; the caller keeps doc (to pass it through).
 * -1: memory ran out; doc is taken all the same (owned or freed) and
 * some views may be missing: give up.  Views are appended in document
 * order: objectives, then per objective its transformations (enfant,
 * famille, communaute), each one's indicators and actions.  The arrays
 * may move: do not keep pointers to views across calls.  The effective
 * dates use the period known so far (a plan's own, for its views).
 */
int eco_plan_add(struct eco_plan *, struct eco_doc *doc);
/* The same for a document the caller keeps (a project's), which must
 * outlive the plan. */
int eco_plan_add_doc(struct eco_plan *, const struct eco_doc *doc);

/* How many views of kind k there are; view i of kind k, or NULL. */
size_t eco_plan_nviews(const struct eco_plan *, enum eco_view_kind k);
const struct eco_view *eco_plan_view(const struct eco_plan *,
    enum eco_view_kind k, size_t i);
/* Lookups; NULL when there is none. */
const struct eco_objectif_view *eco_plan_objectif(const struct eco_plan *,
    const char *id);
const struct eco_transformation_view *eco_plan_transformation(
    const struct eco_plan *, const char *objectif, const char *systeme);
const struct eco_bailleur_view *eco_plan_bailleur(const struct eco_plan *,
    const char *id);

/* 1 when the action's effective dates meet [from, to] (ISO dates, both
 * included; NULL is open).  An action without dates meets every one. */
int eco_action_between(const struct eco_action_view *, const char *from,
    const char *to);
/* 1 when id is among the action's partenaires. */
int eco_action_has_partner(const struct eco_action_view *, const char *id);
/* 1 when one of the action's budget lines names funder id. */
int eco_action_funded_by(const struct eco_action_view *, const char *id);

/* What the records and the calendar are filtered by: each field NULL
 * or what to keep. */
struct eco_plan_filter {
	const char *systeme, *facteur;	/* a system, a protective factor */
	const char *responsable, *partenaire;	/* member organisations */
	const char *bailleur;		/* a funder */
	const char *from, *to;		/* dates, both included */
};
/*
 * 1 when view i of kind k is kept.  An action by its system, factor,
 * responsable, partners, funders and dates (eco_action_between); an
 * indicator by its system, factor, responsable_mesure and effective
 * deadline (partner and funder filters keep none); a transformation by
 * its system and factor, then by its actions when a filter of actions
 * is given; an objective by its factor, then by its actions.
 */
int eco_plan_keep(const struct eco_plan *, enum eco_view_kind k, size_t i,
    const struct eco_plan_filter *);

/*
 * View i of kind k as the record eco-plan prints: kind, version, id,
 * then objectif, systeme, facteur and the transformation's libelle
 * carried along, then the fields in their order (a transformation names
 * its indicators and actions by id; an objective leaves its
 * transformations out).  It is valid against the record's schema when
 * the plan is.  Built in the plan's memory, or the record itself for a
 * view read from one.  NULL when memory runs out.
 */
const struct eco_node *eco_plan_record(struct eco_plan *, enum eco_view_kind k,
    size_t i);

struct eco_plan_counts {
	size_t total[ECO_NVIEW];	/* views, by eco_view_kind */
	size_t complete[ECO_NVIEW];	/* those without gaps */
	size_t gaps;			/* gaps found, in all */
};

/*
 * Judge the plan as a planning meeting does, the one definition of a
 * complete plan: set every view's gaps and fill counts (may be NULL).
 * A gap is a value absent, null or empty (a wrong value is the schema's
 * to report), or a date the plan's date rules refuse.  With d, record
 * one warning per gap, check "plan", pointing at the key of the empty
 * value or at the mapping that lacks the key, with the JSON pointer of
 * the value to fill (so that a caller can drop the schema's error at
 * the same pointer: eco_plan_verdict).  What eco_plan_rules already says
 * of a plan document (its dates, a transformation without an indicator
 * that has a target and a deadline) sets the flag but is not recorded
 * twice; for records it is recorded.  Returns the number of gaps,
 * recorded or not.
 */
size_t eco_plan_gaps(struct eco_plan *, struct eco_diags *d,
    struct eco_plan_counts *);
/*
 * The objectives of the cycle (eco_cycle) that a plan's gaps stand in
 * the way of, in its order ("transformations", "indicateurs-cibles"...,
 * "calendrier-suivi"), NULL-terminated: every gap keeps one of them
 * from being met, so the plan is complete when all of them are.
 */
extern const char *const eco_plan_objectives[];
/* The gaps that keep objective (one of eco_plan_objectives) from being
 * met, in the plan's order, each recorded in d (may be NULL), those the
 * rules say as well; the views' gaps are set to them.  Their number; 0
 * for another objective. */
size_t eco_plan_lacks(struct eco_plan *, const char *objective,
    struct eco_diags *d);
/*
 * What eco-plan verifie says of a plan whose documents' check said
 * checks: into out, those diagnostics but the schema's that a gap says
 * better (a value left empty, at the same JSON pointer; a required key
 * missing from the mapping a gap points at for that key), then the gaps
 * (eco_plan_gaps, counts filled).  Returns what is left to fill or fix:
 * the errors and warnings put in out.
 */
size_t eco_plan_verdict(struct eco_plan *, const struct eco_diags *checks,
    struct eco_diags *out, struct eco_plan_counts *);
/* The verdict for scripts, built in doc: {complet, restants, comptes:
 * {objectif: {complets, total}...}, diagnostics: [eco_diag_node...]}
 * with the diagnostics of d in file, line and column order.  NULL when
 * memory runs out. */
const struct eco_node *eco_plan_verdict_json(struct eco_doc *doc,
    const struct eco_plan_counts *, size_t left, const struct eco_diags *d);
/* Into out, the diagnostics of check but those about a document of docs
 * (n of them) that is neither the plan's (eco_plan_kind) nor the
 * priorities' (priorite): one a command passes through or leaves alone,
 * whose problems are not its own. */
void eco_plan_diags(struct eco_diags *out, const struct eco_diags *check,
    const struct eco_doc *const *docs, size_t n);

/* The follow-up calendar. */
enum eco_echeance_kind {
	ECO_ECH_PLAN,		/* a date of the plan's calendrier_suivi */
	ECO_ECH_ACTION,		/* a date of an action's calendrier_suivi */
	ECO_ECH_INDICATEUR	/* an indicator's echeance_eff */
};

struct eco_echeance {
	const char *date;
	enum eco_echeance_kind what;
	size_t index;		/* into actions or indicateurs; 0 for the plan */
	const char *id;		/* the action's, the indicator's or the plan's */
};

/*
 * Every follow-up date, in date order, then plan, actions, indicators,
 * then by id.  Returns an array to free() with *n entries; NULL with *n
 * 0 when there is none, NULL with *n (size_t)-1 when memory runs out.
 */
struct eco_echeance *eco_plan_calendar(const struct eco_plan *, size_t *n);
/* 1 when the entry is kept: its date between from and to, an action's
 * or an indicator's as eco_plan_keep (without their own dates); the
 * plan's reviews concern everyone, and go when another filter is given. */
int eco_plan_keep_echeance(const struct eco_plan *, const struct eco_echeance *,
    const struct eco_plan_filter *);

/*
 * Write to out the skeleton of a plan drafted from the priorities: one
 * objective per factor they retain (eco_obj_drafts), its id "obj-" and
 * the factor, its factor and priorities written; the plan's keys with
 * the schema's guidance (set: eco's schemas, resolved) as comments; under
 * each system, the priorities of that system as reminders and the pistes
 * d'action of their factors' fiches (fiches may be NULL); every value
 * eco_plan_gaps asks for as an empty slot, the other fields commented
 * out.  0, or -1 with the reason recorded.
 */
struct eco_pris;
struct eco_facteurs;
int eco_plan_skeleton(FILE *out, struct eco_schemaset *set,
    const struct eco_pris *, const struct eco_facteurs *fiches,
    struct eco_diags *);

/* eco_suivi.c: the follow-up of actions (eco-vue, eco-suivi). */

/*
 * An action's state on a day (ISO, "au"): the statut of its latest
 * follow-up dated on or before that day (kind: suivi; on one date, the
 * last read), else the statut its record carries (eco-plan's), else its
 * dates: planned before its debut, in progress from then on.  Planned or
 * in progress after its fin, it is late.  A follow-up without an action,
 * a date of the calendar or a known statut decides nothing: check the
 * documents first (eco_project_check).
 */
enum eco_etat {
	ECO_ETAT_PREVUE, ECO_ETAT_EN_COURS, ECO_ETAT_EN_RETARD,
	ECO_ETAT_REALISEE, ECO_ETAT_REPORTEE, ECO_ETAT_ABANDONNEE
};
#define ECO_NETATS 6

struct eco_suivi_state {
	enum eco_etat etat;
	const char *statut;	/* the statut_action it comes from, as in
				 * records: "a-venir", "en-cours", "realisee",
				 * "reportee", "abandonnee" (static) */
	int late;		/* planned or in progress, and fin is past */
	const struct eco_node *suivi;	/* the follow-up used, or NULL */
	const char *dernier;	/* its date, or NULL */
	const char *prochain;	/* the first date of its calendrier_suivi on
				 * or after the day; NULL when there is none
				 * or the action is done or abandoned */
	size_t manquants;	/* dates of its calendar passed that no
				 * follow-up answers (eco_suivi_dues) */
	const char *manquant;	/* the first of them, or NULL */
	long long depense;	/* cents its follow-ups say were spent */
	size_t nsuivis;		/* its follow-ups on or before the day */
};

/* The follow-up of action that decides its state on au (NULL: any day)
 * among n suivi documents, or NULL. */
const struct eco_node *eco_suivi_latest(const struct eco_doc *const *suivis,
    size_t n, const char *action, const char *au);
/* The state of an action on au, given the project's follow-ups. */
void eco_suivi_state(const struct eco_action_view *,
    const struct eco_doc *const *suivis, size_t n, const char *au,
    struct eco_suivi_state *);
/*
 * The plan a command follows, checked: the operands' plan or the records
 * eco-plan prints (other kinds are passed over), or without operands the
 * project's plan.yaml; read and checked with the project's suivis/ and
 * eco.yaml as eco-validate checks them (standard input alone: a pipe is
 * no file of the project).  One plan at a time.  With au, the decisions
 * of the project's evaluations/ on that day are applied to its actions
 * (eco_evaluation_apply), the evaluations checked with the rest.  Free
 * it with eco_plan_free; *root is its plan document, or NULL for
 * records.  NULL when anything read has an error, or holds no plan
 * (recorded).  The project must outlive the plan.
 */
struct eco_plan *eco_suivi_plan(struct eco_project *, int argc,
    char *const *argv, const char *au, const struct eco_node **root,
    struct eco_diags *);
/* The state of each action of a plan on au, from the project's suivis/:
 * plan->nactions of them, to free(); NULL when memory runs out. */
struct eco_suivi_state *eco_suivi_states(struct eco_project *,
    const struct eco_plan *, const char *au);
/* What people call the state of n actions ("réalisée", "réalisées"),
 * translated. */
const char *eco_etat_label(enum eco_etat, size_t n);

/*
 * The follow-up calendar against the follow-ups received.  A follow-up
 * answers the date of its action's calendrier_suivi that its echeance
 * names, else the last date on or before its own date (the first when
 * it precedes them all).  Only follow-ups dated on or before the day
 * count: one dated later is not received yet.  No date is due after the
 * first follow-up that says the action is done or abandoned.
 */
struct eco_due {
	size_t action;			/* index into plan->actions */
	const char *date;		/* the calendar date */
	const struct eco_node *suivi;	/* the follow-up that answers it (an
					 * explicit echeance first, else the
					 * last read), or NULL: missing */
	long late;			/* days from date to the day */
};
/* The calendar date of a that follow-up s answers, or NULL (an echeance
 * that is none of its dates, or no calendar). */
const char *eco_suivi_answers(const struct eco_action_view *a,
    const struct eco_node *s);
/* The dates of a due on or before au (NULL: all), in calendar order,
 * the first cap of them into out (action set to 0); returns how many. */
size_t eco_suivi_action_dues(const struct eco_action_view *a,
    const struct eco_doc *const *suivis, size_t n, const char *au,
    struct eco_due *out, size_t cap);
/* The same for every action of p, in plan order: an array to free()
 * with *nout entries; NULL with *nout 0 when none is due, NULL with
 * *nout (size_t)-1 when memory runs out. */
struct eco_due *eco_suivi_dues(const struct eco_plan *p,
    const struct eco_doc *const *suivis, size_t n, const char *au,
    size_t *nout);

/* The dates of eco_suivi_dues that no follow-up answers, those of the
 * actions responsable leads (NULL: all), in date then plan order, or by
 * lead first (by_lead): *nout of them, as eco_suivi_dues. */
struct eco_due *eco_suivi_missing(const struct eco_plan *p,
    const struct eco_doc *const *suivis, size_t n, const char *au,
    const char *responsable, int by_lead, size_t *nout);

/*
 * Adjustments: an item of a follow-up's ajustements, a text (proposed)
 * or {ajustement, etat}.  Items of one action with the same text
 * (accents and case aside) are one adjustment, whose state is that of
 * the latest follow-up that names it.  One still proposed once the next
 * date of the action's calendar after its proposal has passed was never
 * taken up (stale).
 */
enum eco_ajust { ECO_AJ_PROPOSE, ECO_AJ_ADOPTE, ECO_AJ_APPLIQUE,
	ECO_AJ_ECARTE };
#define ECO_NAJUST 4
struct eco_ajustement {
	size_t action;			/* index into plan->actions */
	const char *texte;		/* as first written */
	enum eco_ajust etat;		/* on the day */
	const struct eco_node *item;	/* where it was proposed */
	const struct eco_node *suivi;	/* the follow-up that proposed it */
	const char *propose_le;		/* that follow-up's date */
	const char *depuis;		/* the date of its state */
	const struct eco_node *dernier;	/* the item that gave it */
	int stale;			/* proposed, never taken up */
};
/* The adjustments of every action on au, in plan order then in order of
 * proposal: an array to free() with *nout entries; NULL with *nout 0
 * when there is none, (size_t)-1 when memory runs out. */
struct eco_ajustement *eco_suivi_ajustements(const struct eco_plan *,
    const struct eco_doc *const *suivis, size_t n, const char *au,
    size_t *nout);
/* "propose", "adopte"...: the etat of records; what people call n of
 * them, translated. */
const char *eco_ajust_code(enum eco_ajust);
const char *eco_ajust_label(enum eco_ajust, size_t n);

/* Reach: the plan's count (participation.rejoints), then the groups. */
enum { ECO_REACH_PLAN, ECO_REACH_ENFANTS, ECO_REACH_PARENTS,
	ECO_REACH_FAMILLES, ECO_REACH_INTERVENANTS, ECO_REACH_AUTRES,
	ECO_NREACH };
extern const char *const eco_reach_keys[ECO_NREACH];

/*
 * What an action did against what it planned, on a day.  The same
 * children come back from one period to the next, so reach is the
 * largest count of one follow-up, never a sum; spending is the sum of
 * the periods' depenses.  Counts are -1 when nothing says them.
 */
struct eco_bilan {
	long long prevu, depense;	/* cents: the plan's budget, spent */
	long long prevus;		/* participants_prevus, or -1 */
	const char *unite;		/* the participation key that counts
					 * like the plan ("enfants"), or NULL */
	long long atteints;		/* reach in the plan's unit: rejoints,
					 * else the unite's count; or -1 */
	long long rejoints[ECO_NREACH];	/* by eco_reach_keys */
	size_t realisees, prevues;	/* activities done, planned (items) */
	size_t nsuivis;			/* follow-ups counted */
};
void eco_suivi_bilan(const struct eco_action_view *a,
    const struct eco_doc *const *suivis, size_t n, const char *au,
    struct eco_bilan *);
/* The action of p with id, or NULL. */
const struct eco_action_view *eco_suivi_action(const struct eco_plan *p,
    const char *id);
/*
 * A follow-up received (doc) against the plan and the follow-ups there
 * already: its echeance one of the action's calendar dates, its date not
 * after au, its period within the action's dates and ending by its
 * date (errors); its rapporteur the lead or a partner, its spending
 * within the budget with those before (warnings).  An action the plan
 * lacks is the reference check's to report.  Returns the errors added.
 */
size_t eco_suivi_check(const struct eco_plan *p, const struct eco_doc *doc,
    const struct eco_doc *const *suivis, size_t n, const char *au,
    struct eco_diags *d);

/* What the plan says of action i, for its follow-up sheet: labels
 * (translated) and values (owned), in the sheet's order. */
#define ECO_NFACTS 9
struct eco_suivi_facts {
	const char *label[ECO_NFACTS];
	char *value[ECO_NFACTS];
	size_t n;
};
struct eco_budget;
/* The facts of action i of p: its title, objective, system and
 * transformation, lead, partners, dates, budget and spending so far,
 * planned reach, the evaluation's decision in force and its adjustments
 * (only those it has).  0, or -1 when memory runs out. */
int eco_suivi_facts(struct eco_project *, const struct eco_plan *p,
    const struct eco_budget *, size_t i, const struct eco_doc *const *suivis,
    size_t n, const char *au, struct eco_suivi_facts *);
void eco_suivi_facts_free(struct eco_suivi_facts *);
/* The id of the follow-up of a for date: "suivi-<id without act->-<the
 * month>", or the day when two dates of its calendar share the month. */
char *eco_suivi_sheet_id(const struct eco_action_view *a, const char *date,
    char *buf, size_t cap);
/*
 * Write the follow-up sheet of action i for date, a suivi to fill: the
 * facts and earlier adjustments as comments, then the document with the
 * values the plan gives (id, action, echeance, period, rapporteur), the
 * required ones empty (date, statut), the others commented out with a
 * line of guidance; organisations by their names in the project (NULL:
 * by their ids).  0, or -1 (memory, or a failed write: ferror).
 */
int eco_suivi_sheet_yaml(FILE *, struct eco_project *,
    const struct eco_plan *p, const struct eco_budget *, size_t i,
    const char *date, const struct eco_doc *const *suivis, size_t n,
    const char *au);

/*
 * Totals of what was done against what was planned, by k (objectif,
 * systeme, responsable or bailleur: the keys and names of the budget's
 * totals), or per action with k ECO_NBY (the action's id and titre):
 * *nout of them, then one more, the plan's.  Reach is added over the
 * actions of a total; an action's spending goes to its funders in
 * proportion to their lines.  To free(); NULL when memory runs out.
 */
struct eco_suivi_sum {
	const char *key, *name;
	long long prevu, depense;	/* cents */
	long long prevus, atteints;	/* reach planned and in the plan's
					 * unit, or -1 */
	long long rejoints[ECO_NREACH];	/* or -1 */
	size_t realisees, prevues;	/* activities */
	size_t ajust[ECO_NAJUST];	/* adjustments by state */
};
struct eco_suivi_sum *eco_suivi_sums(const struct eco_plan *,
    const struct eco_budget *, int k, const struct eco_doc *const *suivis,
    size_t n, const char *au, size_t *nout);
/*
 * Receive the follow-up sheet file (a path, or "-") into the project
 * around dir: the project and its plan checked first; a document equal
 * to a follow-up of the project is said and left (received twice), one
 * with the id of another is refused; the others are checked as
 * eco-validate checks them and against the plan (eco_suivi_check), then
 * appended to suivis/<action>.yaml (made when new) under the lock, each
 * document after a dry run of all: a sheet goes in whole or not at all.
 * What happened goes to out (a note per follow-up written).  0 received
 * or already there, 1 refused (nothing written, the reasons in out), -1
 * the project cannot be read or is not valid.  With dry, nothing is
 * written.
 */
int eco_suivi_receive(const char *dir, char *file, const char *au, int dry,
    struct eco_diags *out);
/* The texts of list key ("obstacles") of a's follow-ups on or before
 * au, in date order: the first cap into out; returns how many there are,
 * (size_t)-1 when memory runs out. */
size_t eco_suivi_texts(const struct eco_action_view *a,
    const struct eco_doc *const *suivis, size_t n, const char *au,
    const char *key, const char **out, size_t cap);

/* eco_budget.c: the plan's money facts (eco-vue). */

/*
 * A plan's budget in exact cents: each action's (its lines with an
 * amount), the plan's, and totals by objective, system, lead
 * organisation, funder and calendar year.  Keys are ids ("" for none:
 * no objective id, no lead, no funder, no dates), in the order people
 * read them: objectives as the plan has them, then those only its
 * records name; the three systems; leads in id order; the plan's
 * funders, then those only budget lines name; years in order, each
 * action's budget split between the years of its dates in proportion
 * to its days in each (eco_money_split_years).  Every key is listed,
 * even with nothing in it.  Apart: every organisation with a part in an
 * action (it leads it, is a partner or contributes), in id order, with
 * the budget of the actions it leads; every transformation, each system
 * of an objective that has one or an indicator or action, in objective
 * then system order.
 */
enum eco_budget_by {
	ECO_BY_OBJECTIF, ECO_BY_SYSTEME, ECO_BY_RESPONSABLE, ECO_BY_BAILLEUR,
	ECO_BY_ANNEE, ECO_BY_ORGANISME, ECO_BY_TRANSFORMATION
};
#define ECO_NBY 7

/* A budget line's statut: confirme, demande, a-solliciter, not stated. */
enum eco_funding {
	ECO_FUND_CONFIRME, ECO_FUND_DEMANDE, ECO_FUND_A_SOLLICITER,
	ECO_FUND_NONE
};
#define ECO_NFUNDING 4

struct eco_total {
	const char *key;	/* an id, a year "2027", or "" */
	const char *name;	/* what people call it: the objective's libelle,
				 * the system, the organisation's or funder's
				 * name, the year ("" keys: "(sans bailleur)"
				 * ...); NULL when unknown */
	long long cents;
	long long funding[ECO_NFUNDING];	/* cents by the lines' statut
				 * (all of cents but for years) */
	size_t nlead, npartner;	/* an organisation's actions: those it
				 * leads, those it takes part in */
	const char *objectif;	/* a transformation's objective ("": none) */
	int systeme;		/* and its system, in eco_systemes */
};

struct eco_budget {
	const char *debut, *fin;	/* its span: the plan's period, else
				 * from the first start to the last end of
				 * its actions; NULL when there is none */
	long long total;
	long long funding[ECO_NFUNDING];	/* the plan's, by statut */
	long long *actions;	/* plan->actions[i]'s budget */
	size_t *dated;		/* the actions' indexes by effective start,
				 * then end, then plan order */
	struct eco_total *by[ECO_NBY];	/* nby[k] totals by k */
	size_t nby[ECO_NBY];
	char *years;		/* owns the years' keys */
};

/*
 * The budget of a checked plan.  NULL when it cannot be counted, the
 * reasons recorded: an amount too large for cents or totals that would
 * overflow (check "plan", at the amount), an action id twice in the
 * plan (its budget counted twice: check "ids", at the second one), or
 * memory.  Names come from the plan and the project (may be NULL).
 * Keys and names point into the plan and the project, which must
 * outlive the budget.
 */
struct eco_budget *eco_budget_new(const struct eco_plan *,
    struct eco_project *, struct eco_diags *);
void eco_budget_free(struct eco_budget *);
/* The total of key (NULL: "") by k, or NULL. */
const struct eco_total *eco_budget_total(const struct eco_budget *,
    enum eco_budget_by k, const char *key);
/* The funding state of a budget line's statut (NULL: not stated). */
enum eco_funding eco_funding_of(const char *statut);
/* What people call a funding state ("à solliciter"), translated. */
const char *eco_funding_label(enum eco_funding);
/* What people call a funder's type ("philanthropique"), translated; a
 * type eco does not know as written. */
const char *eco_budget_funder_type(const char *type);
/* Organisation org's part in an action: 1 it leads it, 2 it is among
 * its partenaires or contributions, 0 none. */
int eco_budget_role(const struct eco_action_view *, const char *org);
/* What org brings to an action (its contribution's apport), or NULL. */
const char *eco_budget_apport(const struct eco_action_view *,
    const char *org);

/* eco_report.c: a report model rendered as texte, md, html, csv, json, yaml. */

/*
 * A report: a title, then headings, paragraphs and tables, rendered in
 * one of six formats.  Text, Markdown and HTML show what is for reading
 * (ECO_SHOW_DOC); CSV, JSON and YAML give what is data (ECO_SHOW_DATA):
 * one CSV table per data table, with its header line, or one record per
 * row, {kind: <the table's kind>, version: 1, <column key>: value...}.
 * Every string is copied.  Calls after a failed allocation do nothing
 * and eco_report_failed says so; eco_report_write then fails too.
 */
enum eco_rformat {
	ECO_R_TEXTE, ECO_R_MD, ECO_R_HTML, ECO_R_CSV, ECO_R_JSON, ECO_R_YAML
};
#define ECO_SHOW_DOC	1
#define ECO_SHOW_DATA	2

/* column flags */
#define ECO_COL_RIGHT	1	/* aligned right (amounts, numbers) */
#define ECO_COL_TRUNC	2	/* text: cut at the width with "…", never
				 * wrapped onto more lines */
#define ECO_COL_NOTEXTE	4	/* not shown in text (kept in md, html...) */
#define ECO_COL_NOWRAP	8	/* html: never broken over lines (dates) */
#define ECO_COL_DOC	16	/* for people only: not in csv, json, yaml */
#define ECO_COL_DATA	32	/* for records only (ids, codes): not in
				 * texte, md, html */
#define ECO_COL_NOJSON	64	/* not in json (a translated label) */

struct eco_report;
struct eco_table;

/* lang: the html page's language tag ("fr-CA"), or NULL for the
 * language the messages are shown in (eco_lang_tag); title: its title. */
struct eco_report *eco_report_new(const char *lang, const char *title);
void eco_report_free(struct eco_report *);
int eco_report_failed(const struct eco_report *);
/* Level 1 starts a part (a new page in HTML); 2 and 3 are below it. */
void eco_report_heading(struct eco_report *, int level, const char *text);
void eco_report_para(struct eco_report *, const char *text);
/* An item of a list, numbered when ordered; consecutive items of one
 * kind make one list. */
void eco_report_item(struct eco_report *, int ordered, const char *text);
/* The regroupement's name and the date (ISO) printed in the footer of
 * every printed html page, beside "page N of M"; either may be NULL. */
void eco_report_footer(struct eco_report *, const char *name,
    const char *date);
/* A table named kind in records, with an optional caption. */
struct eco_table *eco_report_table(struct eco_report *, const char *kind,
    const char *caption, unsigned show);
/* Declare the columns first: key in records, header for people; width
 * (0: none) is where text wraps (or is cut, ECO_COL_TRUNC). */
void eco_table_column(struct eco_table *, const char *key,
    const char *header, unsigned flags, size_t width);
/* A timeline: one more column per month from debut to fin (ISO dates,
 * a century at most): a bar in text, a mark in md and html, x in csv, a
 * list "mois" of the months ("2026-09") in records. */
void eco_table_months(struct eco_table *, const char *debut, const char *fin);
/* Start a row, or a total row (set apart at the end of the table). */
void eco_table_row(struct eco_table *);
void eco_table_total(struct eco_table *);
/* Cells of the current row; an unset cell is empty (left out of
 * records), and so is NULL text or an empty list. */
void eco_table_text(struct eco_table *, size_t col, const char *);
void eco_table_list(struct eco_table *, size_t col, const char *const *,
    size_t n);
void eco_table_money(struct eco_table *, size_t col, long long cents);
/* A scalar node as a value: numbers keep their text, with a decimal
 * comma for people; anything else is text. */
void eco_table_value(struct eco_table *, size_t col, const struct eco_node *);
/* A whole number, a number in records too. */
void eco_table_int(struct eco_table *, size_t col, long long v);
/* A yes/no value: true/false in records, the words yes/no otherwise. */
void eco_table_bool(struct eco_table *, size_t col, int);
/* The months of the current row in a timeline (ISO dates, included). */
void eco_table_span(struct eco_table *, const char *debut, const char *fin);
/*
 * Write the report.  0; -1 on a write error (ferror tells, the caller
 * reports it) or when memory ran out (recorded in the diagnostics).
 * HTML is one self-contained page, printable on letter paper; CSV
 * starts with a UTF-8 byte order mark, separates cells with ';', writes
 * decimal commas, quotes as RFC 4180 says and puts an apostrophe before
 * text that starts with = + - @, a tab or a carriage return.
 */
int eco_report_write(FILE *, const struct eco_report *, enum eco_rformat,
    struct eco_diags *);

/* eco_cycle.c: the cycle of the method, data/demarche.yaml (eco-demarche,
 * eco-init, eco-rencontre). */

/*
 * The cycle is read-only data: five stages, their meetings, the 29
 * objectives of Outil 2 and the thirteen outils.  Every string is French
 * text from data/demarche.yaml, owned by the cycle.  Objectives are in
 * the order of the method; a meeting's objectives and a stage's meetings
 * are contiguous runs of those arrays.
 */
struct eco_check;

struct eco_tool {
	int number;		/* 1 to 13 */
	const char *name;	/* "Nos observations, nos constats" */
	const char *command;	/* the eco command that carries it */
};

struct eco_stage {
	const char *id;		/* defs.schema.json etape: "planification" */
	int number;		/* 1 to 5 */
	const char *name;	/* "Planification" */
	const char *summary;	/* what happens, a few sentences */
	size_t first, nmeetings;	/* cycle->meetings[first...] */
};

struct eco_meeting {
	const char *id;		/* "r1", "r2-3", "r4-5", "planification",
				 * "mise-en-oeuvre", "evaluation",
				 * "fonctionnement" */
	const char *name;	/* "Rencontres 2 et 3" */
	const char *rule;	/* how many, in words */
	const struct eco_stage *stage;
	int count;		/* fixed number of meetings, or 0: */
	int per_factor, min;	/* max(min, per_factor × retained factors) */
	int per_year;		/* regular: this many each year of the plan */
	const int *tools;	/* outils used, ntools of them */
	size_t ntools;
	size_t first, nobjectives;	/* cycle->objectives[first...] */
};

struct eco_objective {
	const char *id;		/* stable: rencontre.objectifs names it */
	const char *label;	/* one line */
	const char *command;	/* what serves it: "eco-constats ajoute" */
	const char *const *files;	/* project files that hold it, relative
				 * to the root: "plan.yaml", or a pattern
				 * for a folder's files */
	size_t nfiles;
	const char *done_when;	/* the test, in words */
	const int *tools;	/* outils that serve it, ntools of them */
	size_t ntools;
	const struct eco_meeting *meeting;
	const struct eco_stage *stage;
	size_t index;		/* position in cycle->objectives */
	const struct eco_check *check;	/* the test, for eco_state_read */
};

struct eco_cycle {
	const struct eco_stage *stages;
	size_t nstages;
	const struct eco_meeting *meetings;
	size_t nmeetings;
	const struct eco_objective *objectives;
	size_t nobjectives;
	const struct eco_tool *tools;
	size_t ntools;
	struct eco_cycle_data *data;	/* owns everything above */
};

/* The cycle compiled into the library; NULL with the reason recorded. */
struct eco_cycle *eco_cycle_load(struct eco_diags *);
/* The same from a YAML buffer (kind: demarche); name is for messages. */
struct eco_cycle *eco_cycle_read(const char *buf, size_t len,
    const char *name, struct eco_diags *);
void eco_cycle_free(struct eco_cycle *);
/* The cycle's document as read, to print it whole. */
const struct eco_node *eco_cycle_root(const struct eco_cycle *);
/* Lookups by id or number; NULL when there is none. */
const struct eco_stage *eco_cycle_stage(const struct eco_cycle *,
    const char *id);
const struct eco_meeting *eco_cycle_meeting(const struct eco_cycle *,
    const char *id);
const struct eco_objective *eco_cycle_objective(const struct eco_cycle *,
    const char *id);
const struct eco_tool *eco_cycle_tool(const struct eco_cycle *, int number);
/* How many meetings m stands for, given the protective factors the
 * group retained and the years of its plan (0 when not known yet). */
int eco_meeting_count(const struct eco_meeting *, size_t nfactors,
    size_t nyears);

/* One numbered meeting of the whole cycle. */
struct eco_slot {
	int number;		/* from 1, as rencontre.numero */
	const struct eco_meeting *meeting;
	int nth, of;		/* nth of the "of" meetings m stands for */
	int year;		/* year of the plan (from 1), 0 before it */
};
/*
 * The meetings of the cycle in order, numbered from 1: regular meetings
 * year by year (each year: implementation, evaluation, functioning).
 * Fills at most cap slots; returns how many there are.
 */
size_t eco_cycle_slots(const struct eco_cycle *, size_t nfactors,
    size_t nyears, struct eco_slot *, size_t cap);

/* Where a project stands against the cycle. */
enum eco_progress {
	ECO_PROGRESS_MISSING,	/* its file is absent or holds nothing */
	ECO_PROGRESS_STARTED,	/* the file is there, the test fails */
	ECO_PROGRESS_DONE
};

struct eco_objective_state {
	const struct eco_objective *objective;
	enum eco_progress progress;
	char *missing;		/* what the test still wants, translated;
				 * NULL when done */
};

struct eco_state {
	const struct eco_cycle *cycle;
	struct eco_objective_state *objectives;	/* cycle order, all 29 */
	const struct eco_stage *stage;	/* the stage the group is in */
	size_t ndone;
	int complete;		/* every objective is done */
	size_t nfactors;	/* retained factors (priorites.yaml) */
	size_t nyears;		/* years of plan.yaml's periode, or 0 */
};

/*
 * Read the project at root and judge every objective.  Files that
 * cannot be read are recorded and count as absent.  NULL only when
 * memory runs out.  The rules are documented in eco-demarche(1).
 */
struct eco_state *eco_state_read(const struct eco_cycle *, const char *root,
    struct eco_diags *);
/* The same with the project a command has open: its files are read
 * once for both. */
struct eco_state *eco_state_of(const struct eco_cycle *, struct eco_project *,
    struct eco_diags *);
void eco_state_free(struct eco_state *);
/* Up to n objectives to work on next, most urgent first: those not done
 * in the current stage, then earlier ones, then the next stage's. */
size_t eco_state_next(const struct eco_state *,
    const struct eco_objective **, size_t n);

/* eco_rencontre.c: meetings, their notes and to-dos (eco-rencontre). */

/*
 * A project's meetings: each rencontre document with the notes that
 * name it (kind: note, its id in their rencontre key), in the order of
 * their numero; the to-dos decided in them and in their notes, each
 * open until its own "fait: true" or a note's faites names it; and the
 * numbered meetings of the cycle for the project (eco_cycle_slots).
 * Everything points into the documents and the cycle, which must
 * outlive it.  Readers are lenient: a value of another type is absent.
 */
struct eco_rencontre {
	const struct eco_node *root;	/* the rencontre document */
	const char *file;		/* its file, as messages name it */
	long numero;
	const char *id;			/* or NULL */
	const struct eco_node **notes;	/* roots of its notes, in order */
	size_t nnotes;
	int held;		/* statut tenue or annulee, or a note that has
				 * presences or decisions */
};

struct eco_tache {
	const struct eco_node *node;	/* its item of an a_faire list */
	const char *id;
	const struct eco_rencontre *rencontre;	/* the meeting that set it */
	int done;
};

struct eco_rencontres {
	struct eco_rencontre *v;	/* by numero, then file */
	size_t n;
	struct eco_tache *taches;	/* by meeting, each meeting's own
					 * first, then its notes' */
	size_t ntaches;
	const struct eco_cycle *cycle;
	struct eco_slot *slots;		/* the cycle's, numbered from 1 */
	size_t nslots;
};

/* The meetings of docs (rencontre documents with a numero from 1, and
 * notes; other kinds are left out), with the cycle's slots for
 * nfactors retained factors and nyears of plan (none without a cycle).
 * NULL when memory runs out. */
struct eco_rencontres *eco_rencontres_new(const struct eco_cycle *,
    const struct eco_doc *const *docs, size_t n, size_t nfactors,
    size_t nyears);
/* The same from a project's rencontres/; st (or NULL: no cycle, no
 * slots) gives the cycle, the factors and the years.  NULL when memory
 * runs out (recorded). */
struct eco_rencontres *eco_rencontres_read(struct eco_project *,
    const struct eco_state *st, struct eco_diags *);
void eco_rencontres_free(struct eco_rencontres *);
/* Lookups; NULL when there is none. */
const struct eco_rencontre *eco_rencontres_numero(
    const struct eco_rencontres *, long numero);
const struct eco_rencontre *eco_rencontres_id(const struct eco_rencontres *,
    const char *id);
const struct eco_slot *eco_rencontres_slot(const struct eco_rencontres *,
    long numero);
const struct eco_tache *eco_rencontres_tache(const struct eco_rencontres *,
    const char *id);
/* The next meeting: the first by number not held, else the first slot
 * without a meeting; 0 when every one is held. */
long eco_rencontres_next(const struct eco_rencontres *);
/* A meeting's statut for people ("prevue": "prévue"), s itself when it
 * is none of the schema's, NULL for NULL. */
const char *eco_rencontre_status(const char *s);
/* What a slot's meeting is called: "Rencontres de suivi, année 2 (2 sur
 * 2)", in buf; returns buf. */
char *eco_slot_title(const struct eco_slot *, char *buf, size_t cap);

/* A meeting of the cycle as planifie would write it. */
struct eco_schedule {
	const struct eco_cycle *cycle;
	const struct eco_slot *slot;
	const struct eco_rencontre *rencontre;	/* of its number: there */
	int taken;		/* none, but its file or id is another's */
	char id[16];		/* "r05" */
	char file[40];		/* "rencontres/r05.yaml", from the root */
	char date[ECO_DATE_BUFSZ];	/* a new one's: from debut, every weeks
				 * weeks, in number order; else "" */
};
/*
 * One entry per slot; the files a project read (p, or NULL) count as
 * taken.  What is left as it is goes to d as notes: each file or id
 * taken by another document, then the numbers of the meetings there
 * ("1-4, 6-13").  An array to free() of *n entries; NULL when memory
 * runs out or a date would fall after 9999 (recorded).
 */
struct eco_schedule *eco_rencontres_schedule(const struct eco_rencontres *,
    struct eco_project *p, const char *debut, int weeks, size_t *n,
    struct eco_diags *d);
/* The rencontre record of a new meeting for slot s: kind, version, id,
 * numero, titre, etape, statut prevue, date, the objectives and outils
 * its meeting has in the cycle.  NULL when memory runs out. */
struct eco_doc *eco_rencontre_new(const struct eco_cycle *,
    const struct eco_slot *s, const char *id, const char *date);
/* An eco_record's render (arg: a struct eco_schedule): the file of its
 * new meeting, a comment for the person who fills it in, then the
 * record.  0, or -1 when memory runs out or the write fails. */
int eco_schedule_render(FILE *, const char *id, void *arg);

/* What a meeting's agenda holds, from its file or else from the cycle. */
struct eco_agenda_objective {
	const char *id;
	const struct eco_objective_state *state;	/* NULL: not one of
							 * the cycle's */
};

struct eco_agenda_file {
	const char *pattern;	/* "plan.yaml", a folder's pattern */
	int present;		/* the project has a file it names */
};

struct eco_agenda {
	long numero;
	const char *title;	/* its titre, or its slot's; or NULL */
	char when[128];		/* "2027-09-16, 13:30, 180 minutes": its date,
				 * heure and duree; "" without a date */
	const struct eco_rencontre *rencontre;	/* NULL: no file yet */
	const struct eco_slot *slot;	/* NULL: beyond the cycle */
	const struct eco_stage *stage;	/* its etape's, or the slot's */
	struct eco_agenda_objective *objectives;	/* its objectifs, or
				 * its slot's meeting's */
	size_t nobjectives;
	const char **others;	/* objectifs_autres */
	size_t nothers;
	const struct eco_tool **tools;	/* its outils, or the slot's */
	size_t ntools;
	struct eco_agenda_file *files;	/* to bring: the objectives' files,
					 * each once */
	size_t nfiles;
	const struct eco_tache **taches;	/* open, set before it */
	size_t ntaches;
	char slot_title[256];		/* title's room */
};
/*
 * The agenda of meeting numero, with the objectives' states from st and
 * the files p holds: 1 and *out set (eco_agenda_free it), 0 when there
 * is neither a meeting nor a slot of that number, -1 when memory runs
 * out.
 */
int eco_agenda_of(const struct eco_rencontres *, const struct eco_state *st,
    struct eco_project *p, long numero, struct eco_agenda **out);
void eco_agenda_free(struct eco_agenda *);

/* Who answers for a to-do, for people: its responsable member by its
 * name in p (the id when p, or NULL, has none), then its personne, in
 * buf; NULL when neither is said. */
const char *eco_tache_who(const struct eco_tache *, struct eco_project *p,
    char *buf, size_t cap);
/* The tache record of a to-do, as eco-formats(5) says: kind, version,
 * id, rencontre, description, responsable, personne, echeance, fait
 * false.  Its nodes are the meeting's (which must outlive it).  NULL
 * when memory runs out. */
struct eco_doc *eco_tache_record(const struct eco_tache *);

/* The words of folded (text in lowercase without accents, as
 * cli_fold gives it) as an id: its runs of letters and digits but
 * the small French words (le, des, pour...), four at most and 40 bytes,
 * joined by "-"; "tache" when none is left.  In buf; returns buf. */
char *eco_slug(const char *folded, char *buf, size_t cap);

/* What a note records. */
struct eco_todo_in {
	const char *description;
	const char *folded;	/* description folded, for its id (eco_slug) */
	const char *responsable, *personne, *echeance;	/* or NULL */
};

struct eco_note_in {
	struct eco_project *project;	/* its to-do ids, or NULL */
	const char *rencontre;		/* the meeting's id */
	const char *const *presences;	/* organisme ids */
	size_t npresences;
	const char *const *absences;
	size_t nabsences;
	const char *const *decisions;	/* texts */
	size_t ndecisions;
	const struct eco_todo_in *todos;
	size_t ntodos;
	const char *const *faites;	/* to-do ids */
	size_t nfaites;
};
/*
 * The note as a new document (root: kind, version, id, rencontre, then
 * presences, absences, decisions, a_faire, faites, those it has).  Each
 * to-do gets the id <rencontre>-<slug>, with -2, -3... when the project
 * has that to-do id already or an earlier to-do of the note took it.
 * NULL when memory runs out.
 */
struct eco_doc *eco_note_new(const struct eco_note_in *, const char *id);
/* What the note says that the meetings rs already do: a to-do of
 * faites done already is a warning, at the to-do (the check of the
 * appended note refuses the rest). */
void eco_note_check(const struct eco_rencontres *rs,
    const struct eco_note_in *, struct eco_diags *);
/* An eco_record's render (arg: a struct eco_note_in): the note with id
 * as a document to append, "---" and a comment first.  0, or -1. */
int eco_note_render(FILE *, const char *id, void *arg);

/* A decision of a meeting or a note (an item of its decisions: a text,
 * or a mapping with description and references) for people: its text,
 * then what its references concern by their names in p (" About: a; b.").
 * In b, emptied first; b->s, or NULL without a text or memory. */
const char *eco_decision_text(struct eco_project *p,
    const struct eco_node *d, struct eco_buf *b);

/* eco_sheet.c: worksheets from the schemas (eco-gabarit). */

/*
 * A worksheet is a kind's schema made into a form: in YAML, every field
 * with its title, description, allowed values and an example as
 * comments, required fields to fill and optional ones commented out
 * (a "#" before the key line and each line of its block); in md or html,
 * a printable form.  Titles are found through $ref, in defs.schema.json
 * and in the kinds' $defs.
 */
enum eco_sheet_format { ECO_SHEET_YAML, ECO_SHEET_MD, ECO_SHEET_HTML };

struct eco_sheet_opts {
	enum eco_sheet_format format;
	const char *organisme;	/* an id: fills organisme, responsable and
				 * rapporteur at the top level; or NULL */
	int example;		/* fill the worksheet with the kind's example
				 * document, and each field it leaves out
				 * with the field's first example (an object
				 * or a list of objects without one: built
				 * from its fields' examples) */
};

/*
 * Write the worksheet of kind to out, from set (eco's schemas, resolved).
 * 0, or -1 with the reason recorded: a kind without a schema (the known
 * ones are named), a failed write (a system error).
 */
int eco_sheet_write(FILE *out, struct eco_schemaset *set, const char *kind,
    const struct eco_sheet_opts *, struct eco_diags *);
/* The same, with the regroupement's name and a date (ISO) for the print
 * footer of the md and html forms (either may be NULL). */
int eco_sheet_print(FILE *out, struct eco_schemaset *set, const char *kind,
    const struct eco_sheet_opts *, const char *name, const char *date,
    struct eco_diags *);
/* The kinds set has a schema for, in name order: fills up to cap names
 * (owned by set) and returns how many there are. */
size_t eco_sheet_kinds(struct eco_schemaset *set, const char **names,
    size_t cap);
/* Section of eco-formats(5) that explains kind ("service \(em Service"
 * without the mdoc escape: "service — Service"), written into buf.
 * buf, or NULL when kind has no schema. */
const char *eco_sheet_section(struct eco_schemaset *set, const char *kind,
    char *buf, size_t cap);
/*
 * Write mapping map as block YAML in the style of the worksheets, for a
 * file people edit next: no "---", keys in order, nested mappings and
 * lists of mappings as blocks, lists of scalars in flow style, strings
 * quoted only when they must be (ISO dates stay plain).  0, or -1 when
 * the write fails.
 */
int eco_sheet_yaml(FILE *out, const struct eco_node *map);

/* eco_diagnostic.c: the partnership diagnostic, Outil 13 (eco-diagnostic). */

#define ECO_NITEMS 18
#define ECO_NCONDITIONS 6

struct eco_condition;

/* One item of the questionnaire; its strings are the questionnaire's. */
struct eco_item {
	int numero;			/* 1 to 18 */
	const char *theme, *enonce;	/* a few words; the statement */
	const char *meaning[3];		/* what A, B and C mean */
	const char *source;		/* "outil-13" or "proposition" */
	const struct eco_condition *condition;
};

struct eco_condition {
	int numero;			/* 1 to 6 */
	const char *id, *nom, *description;	/* description may be NULL */
	int items[ECO_NITEMS];		/* its items' numbers, in order */
	size_t nitems;
};

struct eco_questionnaire {
	struct eco_condition conditions[ECO_NCONDITIONS];	/* by numero */
	struct eco_item items[ECO_NITEMS];			/* by numero */
	struct eco_doc *doc;
};

/* The questionnaire from doc, a sequence of condition documents (it
 * takes doc, freed with it): six conditions numbered 1 to 6 and 18 items
 * numbered 1 to 18, each in one condition with its theme, statement,
 * meanings of A, B and C and source.  NULL, the reasons recorded,
 * otherwise (doc freed). */
struct eco_questionnaire *eco_questionnaire_read(struct eco_doc *doc,
    struct eco_diags *);
/* The questionnaire compiled into the library (data/diagnostic.yaml). */
struct eco_questionnaire *eco_questionnaire_load(struct eco_diags *);
void eco_questionnaire_free(struct eco_questionnaire *);

/* What a set of answers gives for an item, a condition or all 18:
 * scores by eco's proposal, A = 2, B = 1, C = 0, in hundredths. */
struct eco_tally {
	unsigned n[3];		/* A, B and C given */
	unsigned total;		/* answers */
	int score;		/* their mean, 0 to 200; -1 without any */
	int spread;		/* the highest respondent's mean less the
				 * lowest's; -1 with fewer than two */
};

/* The diagnostics answered in one exercise: the documents of a session
 * key, or of a date when they have none. */
struct eco_session {
	const char *id;		/* the session key, or the date */
	const char *debut, *fin;	/* first and last date of its answers */
	const char *mode;	/* its first document's */
	const struct eco_doc **docs;	/* in the order given */
	size_t ndocs;
	struct eco_tally items[ECO_NITEMS];
	struct eco_tally conditions[ECO_NCONDITIONS];
	struct eco_tally all;
	int order[ECO_NITEMS];	/* item numbers, weakest first: lowest
				 * score, most C, widest spread, number */
};

struct eco_sessions {
	struct eco_session *v;	/* by first date, then id */
	size_t n;
};

/* The sessions of the diagnostic documents among docs (other kinds are
 * left out, and so are answers other than A, B or C and documents
 * without a date); their strings and documents must outlive them.
 * NULL when memory runs out. */
struct eco_sessions *eco_sessions_new(const struct eco_questionnaire *,
    const struct eco_doc *const *docs, size_t n);
void eco_sessions_free(struct eco_sessions *);
/* The session of id; the one answered last (latest date); the document
 * of a diagnostic id.  NULL when there is none. */
const struct eco_session *eco_sessions_find(const struct eco_sessions *,
    const char *id);
const struct eco_session *eco_sessions_latest(const struct eco_sessions *);
const struct eco_doc *eco_sessions_doc(const struct eco_sessions *,
    const char *id);
#define ECO_SCORE_BUFSZ 16
/* A score in hundredths as text in buf, returned: for people "1,50"
 * (a delta with sign: "+0,25", "\u22120,25"; "\u2014" for -1 without
 * sign), for machines "1.50", "-0.25" ("" for -1). */
char *eco_score_text(int hundredths, int sign, int people, char *buf);


/* What a questionnaire to fill gives already; each may be NULL. */
struct eco_questionnaire_opts {
	const char *id, *session, *date, *mode, *organisme;
};
/* The questionnaire as a diagnostic document to fill in YAML: every item
 * with its statement and what A, B and C mean as comments, its answer
 * left empty.  0, or -1 on a write error. */
int eco_questionnaire_yaml(FILE *, const struct eco_questionnaire *,
    const struct eco_questionnaire_opts *);

/* The questionnaire on paper: how to use it, then each condition and
 * its items, each with its statement and a box for A, B and C.  NULL
 * when memory runs out. */
struct eco_report *eco_questionnaire_paper(const struct eco_questionnaire *);
/* Add to r what to talk about first in session s (items below 1,
 * answers from A to C) and what its respondents wrote (comments by
 * item, the weakest first, what works well, what to improve).  0, or -1
 * when memory runs out. */
int eco_session_notes(struct eco_report *r, const struct eco_questionnaire *,
    const struct eco_session *s);

/* Add to r the tables of session s: by condition, then by item the
 * weakest first (counts of A, B and C, score, spread); for people with
 * names, for records (diagnostic-condition, diagnostic-item) with ids and
 * bareme: proposition.  0, or -1 when memory runs out. */
int eco_session_tables(struct eco_report *r, const struct eco_questionnaire *,
    const struct eco_session *s);
/* Cells of a table: a score in hundredths as a number (nothing for -1
 * without sign), a count as a number. */
void eco_score_cell(struct eco_table *, size_t col, int hundredths, int sign);
void eco_count_cell(struct eco_table *, size_t col, unsigned v);

/* eco_communication.c: the communication plan (eco-communication). */

/*
 * communication.yaml holds one plan part (the document with a "plan"
 * mapping: objectifs, publics, porte_parole, messages_cles) and one
 * document per activity.  The views point into the documents, which must
 * outlive them.  Readers are lenient: a value of another type is absent.
 */
enum eco_com_statut {
	ECO_COM_PREVUE, ECO_COM_EN_PREPARATION, ECO_COM_REALISEE,
	ECO_COM_ANNULEE
};

#define ECO_COM_NPUBLICS 7
#define ECO_COM_NSTATUTS 4
/* The audiences' and the statuts' codes, in the order of the schema. */
extern const char *const eco_com_publics[ECO_COM_NPUBLICS];
extern const char *const eco_com_statuts[ECO_COM_NSTATUTS];

struct eco_com_activite {
	const struct eco_node *root;
	const char *file;		/* its file, as messages name it */
	const char *id, *titre;		/* or NULL */
	const char *date;		/* a day of the calendar, or NULL */
	const char *responsable;	/* an organisme id, or NULL */
	const char *frequence;		/* or NULL */
	enum eco_com_statut statut;	/* prevue when not said */
	const struct eco_node *publics, *moyens, *actions, *objectifs;
					/* sequences, or NULL */
	long long budget;		/* cents, or -1 */
	long long visee, atteinte;	/* its portee, or -1 */
	const char *unite;		/* what the portee counts, or NULL */
	size_t order;			/* its rank in the file */
};

struct eco_communication {
	const struct eco_node *plan;	/* the plan part's root, or NULL */
	const char *plan_file;
	struct eco_com_activite *v;	/* by date, undated last, then in
					 * file order */
	size_t n;
};

/* The plan of docs (other kinds are left out); a second plan part is an
 * error recorded at it.  NULL when memory runs out (recorded). */
struct eco_communication *eco_communication_new(const struct eco_doc *const *docs,
    size_t n, struct eco_diags *);
void eco_communication_free(struct eco_communication *);
/* The activity of id, or NULL. */
const struct eco_com_activite *eco_communication_id(
    const struct eco_communication *, const char *id);
/* 1 when a is late on day au: its date before au, neither done nor
 * cancelled. */
int eco_com_late(const struct eco_com_activite *a, const char *au);
/* 1 when a addresses audience code. */
int eco_com_has_public(const struct eco_com_activite *a, const char *code);
/* 1 when a's date is within [from, to] (either NULL: open); with
 * neither, every activity, dated or not. */
int eco_com_between(const struct eco_com_activite *a, const char *from,
    const char *to);
/* The index of an audience code, or -1; its name for people (the code
 * itself when it is none). */
int eco_com_public_index(const char *code);
const char *eco_com_public_label(const char *code);
/* A statut's value (prevue for NULL), or -1; its code; its name. */
int eco_com_statut_of(const char *code);
const char *eco_com_statut_code(enum eco_com_statut);
const char *eco_com_statut_label(enum eco_com_statut);
/*
 * What the plan part lacks to be complete: "plan" when there is none,
 * else the keys among objectifs, publics, porte_parole and messages_cles
 * that are not a list of at least one item.  Fills up to cap keys and
 * returns how many there are (0: complete).
 */
size_t eco_com_lacks(const struct eco_communication *, const char **keys,
    size_t cap);
/* What people call one of those keys. */
const char *eco_com_lack_label(const char *key);
/* The activities' budgets added up, cancelled ones left out (done_only:
 * the done ones only).  0, or -1 on overflow. */
int eco_com_budget(const struct eco_communication *, int done_only,
    long long *cents);

/* One line of the calendar: an activity for one of its audiences. */
struct eco_com_entry {
	char mois[8];		/* "2027-03", "" when it has no date */
	const char *public;	/* the audience's code */
	int rank;		/* the audience's in the plan part's order */
	const struct eco_com_activite *activite;
	size_t order;
};
/*
 * The calendar: one entry per activity and audience that keep (or NULL)
 * takes, by month (undated last), then audience (the plan part's order,
 * then the schema's), then date.  An array to free() of *n entries, or
 * NULL when memory runs out (recorded).
 */
struct eco_com_entry *eco_com_calendar(const struct eco_communication *,
    int (*keep)(const struct eco_com_activite *, const char *public, void *),
    void *arg, size_t *n, struct eco_diags *);
/* A month "2027-03" for people ("mars 2027"; "date not set" for ""),
 * in buf; returns buf. */
char *eco_com_month_label(const char *mois, char *buf, size_t cap);

/* What ajoute records: a new activity. */
struct eco_com_in {
	struct eco_project *project;	/* its ids, or NULL */
	const char *id;			/* or NULL: com-<slug of the title> */
	const char *titre;
	const char *folded;		/* titre folded, for its id (eco_slug) */
	const char *but, *message, *responsable, *date, *frequence;
	const char *statut;		/* or NULL: prevue */
	const char *const *publics;
	size_t npublics;
	const char *const *moyens;
	size_t nmoyens;
	const char *const *objectifs;
	size_t nobjectifs;
	const char *const *actions;
	size_t nactions;
	long long budget;		/* cents, or -1 */
	long long visee;		/* portee visee, or -1 */
	char chosen[128];		/* out: the id it was given */
};
/* The id of the new activity: its own, or com-<slug>, then -2, -3...
 * while the project has that id; in id, returned. */
const char *eco_com_new_id(const struct eco_com_in *, char *id, size_t cap);
/* The activity as a document with that id (kind, version, id, titre,
 * then the fields given, in the order of the schema); *keep holds a node
 * it shares and is freed after it.  NULL when memory runs out. */
struct eco_doc *eco_com_new(const struct eco_com_in *, const char *id,
    struct eco_doc **keep);
/* An eco_record's render (arg: a struct eco_com_in): the activity with
 * the id eco_com_new_id gives under the lock, as a document to append,
 * "---" and a comment first.  0, or -1. */
int eco_com_render(FILE *, const char *fresh, void *arg);

/* The names of the strings of seq, at most cap of them, in v: kind
 * "public" gives the audiences' names, another kind its things' titles
 * in p (the id when unknown), NULL the strings as they are. */
size_t eco_com_names(struct eco_project *p, const struct eco_node *seq,
    const char *kind, const char **v, size_t cap);
/* The same as one text in b: "a, b and c", or with kind NULL "a; b; c".
 * b->s, or NULL when memory runs out. */
const char *eco_com_joined(struct eco_project *p, const struct eco_node *seq,
    const char *kind, struct eco_buf *b);
/* What the plan part lacks, by the names of eco_com_lack_label, in b
 * ("" when nothing); b->s, or NULL when memory runs out. */
const char *eco_com_lacks_text(const struct eco_communication *,
    struct eco_buf *b);
/* What a reaches: "52 of 60 people", "aimed at: 250 people", in buf;
 * NULL when its portee says nothing. */
char *eco_com_reach(const struct eco_com_activite *a, char *buf, size_t cap);

/* What liste, calendrier and retards keep; NULL and 0 keep everything. */
struct eco_com_filter {
	const char *const *publics;	/* addressing any of them */
	size_t npublics;
	const char *statut;		/* a statut code */
	const char *responsable;	/* an organisme id */
	const char *from, *to;		/* dated within, as eco_com_between */
};
/* 1 when f keeps a. */
int eco_com_keep(const struct eco_com_filter *f, const struct eco_com_activite *a);
/* An eco_com_calendar keep (arg: a struct eco_com_filter): f keeps a,
 * and public is one of f's audiences (when it names any). */
int eco_com_keep_entry(const struct eco_com_activite *a, const char *public,
    void *arg);


/* eco_evaluation.c: the evaluation of the plan (Outil 12): measures of
 * the indicators against their baseline and target, decisions on the
 * actions and what they change, the questions of relevance, what the
 * plan still has to revise (eco-evaluation, eco-vue, eco-suivi,
 * eco-plan verifie, eco_cycle). */

/* The day a project's records are judged on: today, or the latest date
 * of docs (n of them: follow-ups, evaluations) when it is later (records
 * that run ahead of the clock, as the demonstration's do).  Into buf
 * (ECO_DATE_BUFSZ bytes); NULL when the clock fails. */
const char *eco_records_day(const struct eco_doc *const *docs, size_t n,
    char *buf);

/* The direction an indicator should move in: stated in the plan (sens),
 * else from its target against its baseline. */
enum eco_sens { ECO_SENS_BAISSE = -1, ECO_SENS_MAINTIEN = 0,
	ECO_SENS_HAUSSE = 1, ECO_SENS_INCONNU = 2 };
/* How a result reads: computed for a number with a baseline, else the
 * appreciation written with the measure. */
enum eco_lecture { ECO_LECT_ATTEINTE, ECO_LECT_PROGRES, ECO_LECT_STABLE,
	ECO_LECT_RECUL, ECO_LECT_INCONNUE };

struct eco_mesure {
	const struct eco_node *node;	/* its mapping in the evaluation */
	const struct eco_doc *eval;	/* the evaluation that gives it */
	const char *date;		/* its own date, else the evaluation's */
	const struct eco_node *valeur;
	const char *appreciation;	/* as written, or NULL */
};

struct eco_resultat {
	const struct eco_indicateur_view *x;
	enum eco_sens sens;
	int sens_ecrit;			/* stated in the plan */
	const struct eco_mesure *mesures;	/* on or before the day, in
					 * date order (then as read) */
	size_t nmesures;
	const struct eco_mesure *derniere;	/* the latest, or NULL */
	int has_progres;		/* numbers, target not the baseline */
	long progres;			/* percent of the way from baseline to
					 * target, rounded (below 0: a fall) */
	enum eco_lecture lecture;	/* of the latest measure */
	int echue;			/* the deadline is before the day */
	int en_retard;			/* echue, and never measured */
	int manquee;			/* echue, measured, not reached */
};

struct eco_resultats {
	struct eco_resultat *v;		/* one per indicator, in plan order */
	size_t n;
	struct eco_mesure *all;		/* the measures, by indicator */
	size_t nall;
};
/* The results of every indicator of p on au from the evaluations ev (n
 * of them, checked).  NULL when memory runs out. */
struct eco_resultats *eco_resultats_new(const struct eco_plan *p,
    const struct eco_doc *const *ev, size_t n, const char *au);
void eco_resultats_free(struct eco_resultats *);
/* "hausse", "baisse", "maintien" (NULL for unknown); what people call
 * them, translated. */
const char *eco_sens_code(enum eco_sens);
const char *eco_sens_label(enum eco_sens);
/* "atteinte", "en-progres", "sans-changement", "en-recul" (NULL for
 * unknown), as appreciation writes them; what people call them. */
const char *eco_lecture_code(enum eco_lecture);
const char *eco_lecture_label(enum eco_lecture);

/* A decision on an action, dated by its evaluation. */
struct eco_decision {
	size_t action;			/* index into plan->actions */
	const char *decision;		/* "maintien", "adaptation", "abandon" */
	const char *date;		/* the evaluation's */
	const struct eco_node *node;	/* its mapping */
	const struct eco_doc *eval;
	int latest;			/* the latest on its action */
};
/* The decisions of ev dated on or before au (NULL: all) on actions of
 * p, in plan order then by date: *nout of them, to free(); NULL with
 * *nout 0 when there is none, (size_t)-1 when memory runs out. */
struct eco_decision *eco_evaluation_decisions(const struct eco_plan *p,
    const struct eco_doc *const *ev, size_t n, const char *au, size_t *nout);
/* Set on each action of p its latest decision on au (decision,
 * decision_le, decision_node); an abandoned action stops that day
 * (arret): its follow-up dates after it leave the calendar.  0, or -1
 * when memory runs out. */
int eco_evaluation_apply(struct eco_plan *p, const struct eco_doc *const *ev,
    size_t n, const char *au);
/* What people call a decision ("abandon"), translated. */
const char *eco_decision_label(const char *code);

/* The latest evaluation on or before au (NULL: any) of objective obj
 * and system sys (NULL: the whole objective) that has key with (NULL:
 * any: "questions", "decisions"), or NULL. */
const struct eco_doc *eco_evaluation_latest(const struct eco_doc *const *ev,
    size_t n, const char *obj, const char *sys, const char *with,
    const char *au);

/*
 * What the evaluations on or before au ask the plan to change and it has
 * not: an abandoned action it still runs after the day of the decision;
 * an adapted one in a plan not revised since (revise_le); an objective,
 * its factor or a transformation the latest evaluation of its scope asks
 * to adjust or replace, still as it was (the proposed wording differs, or
 * none is proposed and the plan was not revised since).  Each is one
 * warning in d (check "evaluation") at the value to edit in the plan.
 * Returns how many.
 */
size_t eco_evaluation_revision(const struct eco_plan *p,
    const struct eco_doc *const *ev, size_t n, const char *au,
    struct eco_diags *d);
/* The actions of the objectives (or transformations) that an evaluation
 * with decisions on or before au covers and on which none was taken (once
 * eco_evaluation_apply has set their decisions), into out
 * (cap of them, plan indexes); returns how many. */
size_t eco_evaluation_undecided(const struct eco_plan *p,
    const struct eco_doc *const *ev, size_t n, const char *au,
    size_t *out, size_t cap);

/* eco_constats.c: data, observations and constats, Outil 5 (eco-constats). */

/*
 * The records of donnees.yaml and constats.yaml seen flat: each datum,
 * observation and constat with its fields and the ids it names.  A
 * constat draws on observations and data, an observation on data; a
 * constat leads to the priorities that name it, their objectives and
 * the plan's actions of those.  Views point into the documents, which
 * must outlive the set; a value of another type is absent.
 */
enum eco_ct_kind { ECO_CT_DONNEE, ECO_CT_OBSERVATION, ECO_CT_CONSTAT };
#define ECO_NCT 3
/* "donnee", "observation", "constat". */
extern const char *const eco_ct_kinds[ECO_NCT];
/* The index of a kind name in eco_ct_kinds, or -1. */
int eco_ct_kind(const char *kind);
/* What people call n records of kind k ("données"), translated. */
const char *eco_ct_kind_label(enum eco_ct_kind k, size_t n);

/* The codes of the schemas (force, enjeu; situation...; eqdem...) and
 * what people call them, translated (a code that is none, as it is). */
#define ECO_CT_NNATURES 2
#define ECO_CT_NANALYSES 3
#define ECO_CT_NSOURCES 8
extern const char *const *eco_ct_nature_codes;
extern const char *const *eco_ct_analyse_codes;
extern const char *const *eco_ct_source_codes;
const char *eco_ct_nature_label(const char *code);
const char *eco_ct_analyse_label(const char *code);
const char *eco_ct_source_label(const char *code);

struct eco_ct {
	enum eco_ct_kind kind;
	const struct eco_node *root;	/* its document */
	const char *file;		/* its file, as messages name it */
	const char *id, *titre;		/* titre: a datum's libelle, else enonce */
	const char *systeme, *nature;	/* a datum has no nature */
	const char *analyse;		/* an observation's: situation when not
					 * said; a datum has none */
	const char *source;		/* a datum's type_source */
	long annee;			/* a datum's year, or 0 */
	const char *secteur, *territoire;
	const char **facteurs;		/* ids, nfacteurs of them */
	size_t nfacteurs;
	const char **donnees;		/* ids of the data it draws on */
	size_t ndonnees;
	const char **observations;	/* a constat's observations */
	size_t nobservations;
};

struct eco_constats {
	struct eco_ct *v;		/* in the order of the documents */
	size_t n;
};

/* The records among docs (other kinds are left out).  NULL when memory
 * runs out. */
struct eco_constats *eco_constats_new(const struct eco_doc *const *docs,
    size_t n);
void eco_constats_free(struct eco_constats *);
/* The record of id, of kind (an enum eco_ct_kind, or -1: any), or NULL. */
const struct eco_ct *eco_constats_find(const struct eco_constats *, int kind,
    const char *id);
/* The ids closest to id ("a, b or c", as eco_closest_text) in buf, or
 * NULL. */
const char *eco_constats_closest(const struct eco_constats *, const char *id,
    char *buf, size_t cap);

/* The chain, as indexes into the set, in its order (to free(); NULL
 * with *n (size_t)-1 when memory runs out): what c draws on (a
 * constat's observations and data, and the data of those observations),
 * and what draws on c (the observations and constats that name a datum,
 * directly or through an observation; the constats of an observation). */
size_t *eco_ct_sources(const struct eco_constats *, const struct eco_ct *c,
    size_t *n);
size_t *eco_ct_uses(const struct eco_constats *, const struct eco_ct *c,
    size_t *n);

/* A thing a record leads to. */
struct eco_ct_link {
	const char *kind;		/* "priorite", "objectif" or "action" */
	const char *id, *titre;		/* titre may be NULL */
	const char *file;
	int line;
};
/*
 * What c leads to, priorities first, then objectives, then actions,
 * each once: the priorities among prio (n documents of priorites.yaml)
 * whose constats name c (a datum or an observation: the constats that
 * draw on it); the objectives of priorites.yaml and of plan (may be
 * NULL) that name those priorities; the plan's actions of those
 * objectives.  An array to free() of *nout links; NULL with *nout
 * (size_t)-1 when memory runs out.
 */
struct eco_ct_link *eco_ct_leads(const struct eco_constats *,
    const struct eco_ct *c, const struct eco_doc *const *prio, size_t nprio,
    const struct eco_plan *plan, size_t *nout);

/* What liste, presente and compte keep; NULL and 0 keep everything.  A
 * filter on a field a kind does not have keeps none of that kind (a
 * datum has no nature), but source and annee, which are the data's: an
 * observation or a constat is kept when a datum it draws on has them. */
struct eco_ct_filter {
	unsigned kinds;			/* 1u << ECO_CT_x; 0: all three */
	const char *systeme, *facteur, *nature, *analyse, *source, *secteur;
	long annee;
	const struct eco_facteurs *fiches;	/* when set, a factor's
				 * sub-factors count as the factor */
};
int eco_ct_keep(const struct eco_constats *, const struct eco_ct *c,
    const struct eco_ct_filter *f);

/* What people call factor id (a factor's nom or a sub-factor's), *fiche
 * set to its fiche (a sub-factor's: its factor's, for the provenance);
 * NULL and *fiche NULL when the fiches do not know it. */
const char *eco_ct_facteur(const struct eco_facteurs *, const char *id,
    const struct eco_facteur **fiche);
/* The factor ids the records f keeps name, of system systeme (NULL: the
 * records without a system), in the fiches' order (a sub-factor after
 * its factor), those they do not know last; only f->facteur and its
 * sub-factors when it is set.  The first cap into out; how many. */
size_t eco_ct_factors(const struct eco_constats *,
    const struct eco_ct_filter *f, const char *systeme,
    const struct eco_facteurs *fiches, const char **out, size_t cap);

/* Counts by system, factor and nature of the observations and constats
 * f keeps: one per system (the three in order, then none) and factor
 * (eco_ct_factors' order, then facteur NULL for records without one)
 * that has any.  A record with several factors counts under each. */
struct eco_ct_count {
	const char *systeme;		/* NULL: no system */
	const char *facteur;		/* NULL: no factor */
	size_t force, enjeu, sans, total;	/* sans: nature not said */
};
/* An array to free() of *nout counts; NULL with *nout (size_t)-1 when
 * memory runs out. */
struct eco_ct_count *eco_ct_counts(const struct eco_constats *,
    const struct eco_ct_filter *f, const struct eco_facteurs *fiches,
    size_t *nout);

/* What ajoute records: a new datum, observation or constat. */
struct eco_ct_in {
	struct eco_project *project;	/* its ids, or NULL */
	enum eco_ct_kind kind;
	const char *id;			/* or NULL: proposed from the title */
	const char *titre;		/* libelle, or enonce */
	const char *folded;		/* titre folded, for its id (eco_slug) */
	const char *type, *valeur, *unite, *description, *source, *precision;
	const char *organisme;		/* a datum's */
	long annee;			/* a datum's, or 0 */
	const char *systeme, *nature, *analyse, *territoire, *secteur;
	const char *date;		/* an observation's */
	const char *rencontre;		/* a constat's */
	const char *notes;
	const char *const *facteurs;
	size_t nfacteurs;
	const char *const *donnees;
	size_t ndonnees;
	const char *const *observations;	/* a constat's */
	size_t nobservations;
	const char *const *organismes;	/* an observation's */
	size_t norganismes;
	char chosen[128];		/* out: the id it was given */
};
/* 1 when text is a number as YAML reads one (12, 12.5, -3). */
int eco_ct_number(const char *text);
/* The id of the new record: its own, or else from its title (eco_slug):
 * a datum's "<slug>-<annee>" (or "<slug>"), "obs-<slug>", "const-<slug>",
 * then -2, -3... while the project has that id; in id, returned. */
const char *eco_ct_new_id(const struct eco_ct_in *, char *id, size_t cap);
/* The record as a document with that id: kind, version, id, then the
 * fields given in the order of the schema; *keep holds a node it shares
 * and is freed after it.  NULL when memory runs out. */
struct eco_doc *eco_ct_new(const struct eco_ct_in *, const char *id,
    struct eco_doc **keep);
/* An eco_record's render (arg: a struct eco_ct_in): the record with the
 * id eco_ct_new_id gives under the lock, "---" and a comment first.  0,
 * or -1. */
int eco_ct_render(FILE *, const char *fresh, void *arg);
/* A record's facts for people, in buf (cap bytes) or NULL when it has
 * none: a number as written with a decimal comma, then its unit (a
 * string value as it is); a datum's comparison, "value (territory,
 * year)"; its source and the source's details. */
const char *eco_ct_value_text(const struct eco_node *v, const char *unite,
    char *buf, size_t cap);
const char *eco_ct_comparison_text(const struct eco_ct *c, char *buf,
    size_t cap);
const char *eco_ct_source_text(const struct eco_ct *c, char *buf,
    size_t cap);

/* eco_priorites.c: the priorities, Outil 8 (eco-priorites, eco-plan
 * squelette). */

/* A priority of priorites.yaml, seen flat (pointing into its document). */
struct eco_pri {
	const struct eco_node *root;
	const char *file;
	const char *id, *enonce, *systeme, *facteur, *analyse, *justification,
	    *rencontre;
	long rang;			/* 0: not said */
	const char **constats;		/* ids, nconstats of them */
	size_t nconstats;
	size_t seq;			/* order written */
};
struct eco_pris {
	struct eco_pri *v;		/* by rang, those without one last */
	size_t n;
};
/* The priorities among docs (other kinds left out).  NULL when memory
 * runs out. */
struct eco_pris *eco_pris_new(const struct eco_doc *const *docs, size_t n);
void eco_pris_free(struct eco_pris *);
const struct eco_pri *eco_pris_find(const struct eco_pris *, const char *id);
/* The ids closest to id ("a, b or c") in buf, or NULL. */
const char *eco_pris_closest(const struct eco_pris *, const char *id,
    char *buf, size_t cap);
/* The system of factor or sub-factor id by the fiches, or NULL. */
const char *eco_facteur_systeme(const struct eco_facteurs *, const char *id);

/* What the constats proposed from gave: how many constats, by analysis
 * (eco_ct_analyse_codes' order), and how many name no factor. */
struct eco_pri_seen {
	size_t constats, analyses[ECO_CT_NANALYSES], sans_facteur;
};
/* A priority eco proposes: a factor the constats name, the constats
 * behind it, the analyses they come from. */
struct eco_pri_prop {
	const char *facteur;
	const char *systeme;		/* the factor's, NULL when unknown */
	const struct eco_ct **constats;	/* in the order of the records */
	size_t nconstats;
	unsigned analyses;		/* 1u << index of the analysis */
	size_t nanalyses, par_analyse[ECO_CT_NANALYSES];
	const char *analyse;		/* the one most constats come from */
	const char *deja;		/* a priority of have retaining the
					 * factor already, or NULL */
};
/* One proposal per factor the constats of cs name, by support: the
 * analyses first, then the constats, then the fiches' order.  An array
 * of *nout (eco_pri_props_free); NULL with *nout 0 when there is none,
 * (size_t)-1 when memory runs out. */
struct eco_pri_prop *eco_pri_propose(const struct eco_constats *cs,
    const struct eco_facteurs *fiches, const struct eco_pris *have,
    struct eco_pri_seen *seen, size_t *nout);
void eco_pri_props_free(struct eco_pri_prop *, size_t n);

/* A priority record to write (eco-priorites propose and ajoute). */
struct eco_pri_in {
	const char *id;			/* NULL: the fresh id offered */
	const char *enonce, *systeme, *facteur, *analyse, *justification,
	    *rencontre, *notes;
	const char **constats;
	size_t nconstats;
	long rang;			/* 0: none */
	const char *comment;		/* the line above it, or NULL */
	char chosen[128];		/* out: the id written */
};
struct eco_doc *eco_pri_new(const struct eco_pri_in *);
/* A record renderer (struct eco_record) for an eco_pri_in. */
int eco_pri_render(FILE *, const char *fresh, void *arg);

/* An objective the priorities suggest to the plan: one per factor they
 * retain, its priorities in rank order. */
struct eco_obj_draft {
	const char *facteur;
	const struct eco_pri **pri;
	size_t npri;
};
/* In the order of their best priority's rank; *nout of them, NULL with
 * *nout (size_t)-1 when memory runs out. */
struct eco_obj_draft *eco_obj_drafts(const struct eco_pris *, size_t *nout);
void eco_obj_drafts_free(struct eco_obj_draft *, size_t n);
/* eco_offre.c: the service offer (Outil 6), its analysis and gaps, the
 * organisations' worksheets, and returned sheets received (eco-offre,
 * eco-interventions). */

#define ECO_NCLIENTELES 7
/* The clientèle codes of defs.schema.json, in its order. */
extern const char *const eco_clienteles[ECO_NCLIENTELES];
#define ECO_CL_0_2	(1u << 1)
#define ECO_CL_3_5	(1u << 2)
/* What people call a clientèle ("Enfants de 0 à 2 ans"), or NULL. */
const char *eco_clientele_label(const char *code);
/* What people call a unit of participants ("familles"), or code. */
const char *eco_offre_unit_label(const char *code);

/* One service, as its document says it (strings live with it). */
struct eco_service {
	const struct eco_doc *doc;
	const char *id, *organisme, *nom;
	const char *externe;	/* organisme_nom: outside the regroupement */
	unsigned clienteles;	/* bits by eco_clienteles */
	unsigned systemes;	/* bits by eco_systemes */
	const struct eco_node *facteurs, *secteurs, *langues;	/* or NULL */
	int age_de, age_a;	/* months (from the clientèle when not
				 * said), or -1 */
	long long participants, places, attente;	/* or -1 */
	const char *unite;	/* of the three, or NULL */
	const char *cout, *inscription;	/* codes, or NULL */
	int transport, halte;	/* 1, 0, or -1 not said */
	int soir, fin_semaine;	/* a slot after 17:00, on a weekend day */
};

enum eco_axe { ECO_AXE_CLIENTELE, ECO_AXE_SYSTEME, ECO_AXE_FACTEUR,
	ECO_AXE_SECTEUR, ECO_AXE_AGE, ECO_AXE_ACCES, ECO_NAXES };
/* "clientele", "systeme"...: an axis in records. */
const char *eco_offre_axis_code(enum eco_axe);

/* A line of the analysis: the services one value of an axis counts. */
struct eco_offre_row {
	enum eco_axe axe;
	const char *key;	/* code, factor or sector id ("": no sector
				 * stated), age in years, access code */
	const char *name;	/* for people, translated */
	const char *systeme;	/* a factor's system, or NULL */
	size_t index;		/* in eco_clienteles, eco_systemes, years */
	int langue;		/* an access row of a language (its name) */
	size_t *services;	/* indexes in the offer, nservices of them */
	size_t nservices;
	size_t nattente;	/* those with a waiting list */
};

struct eco_offre {
	struct eco_service *v;
	size_t n;
	struct eco_offre_row *rows;	/* after eco_offre_count */
	size_t nrows, caprows;
};
/* The services among the n documents v (other kinds left out), which
 * must outlive it.  NULL when memory runs out. */
struct eco_offre *eco_offre_new(const struct eco_doc *const *v, size_t n);
void eco_offre_free(struct eco_offre *);
/* Count the offer by every axis into o->rows: clientèles, systems, the
 * factors of F (a sub-factor counts for its factor), the sectors (the
 * list secteurs of eco.yaml, or NULL) then no sector stated, ages from
 * under 1 to 5 years, access (cost, registration, transport, childcare,
 * evenings, weekends, waiting list, then each language).  0, or -1 when
 * memory runs out. */
int eco_offre_count(struct eco_offre *o, const struct eco_facteurs *F,
    const struct eco_node *secteurs);

enum eco_lacune { ECO_LACUNE_AUCUNE, ECO_LACUNE_SANS_SERVICE,
	ECO_LACUNE_ATTENTE };
/* Whether a row of clientèle, sector, age or factor is a gap: no
 * service, or some with a waiting list.  Other axes never are. */
enum eco_lacune eco_offre_lacune(const struct eco_offre_row *);

/* The paper worksheet of organisation org (org_name for people) into
 * r: one column per service it has, then one blank unless it would
 * start a table (three columns at least, five per table), its answers
 * ticked; the clientèles, systems, factors
 * of F, sectors, access and counts as boxes labelled in words; with
 * part, under a heading of its own (a new page).  0, or -1 when memory
 * runs out. */
int eco_offre_sheet_paper(struct eco_report *r, const struct eco_offre *o,
    const struct eco_facteurs *F, const struct eco_node *secteurs,
    const char *org, const char *org_name, int part);
/* The YAML worksheet of org: its services as the project holds them,
 * then one to fill (eco_sheet_write), each document starting "---".
 * 0, or -1 (recorded). */
int eco_offre_sheet_yaml(FILE *, struct eco_schemaset *set,
    const struct eco_offre *o, const char *org, struct eco_diags *);
/* (eco_node.c) The document of the n of v whose id is id, or NULL. */
const struct eco_doc *eco_docs_with_id(const struct eco_doc *const *v,
    size_t n, const char *id);
/* (eco_diag.c) Copy into out the diagnostics of d about file name (NULL:
 * any), the errors only or all, but those skip says to leave (skip NULL:
 * none); returns the errors copied. */
size_t eco_diags_copy(const struct eco_diags *d, const char *name,
    int errors, int (*skip)(const struct eco_diag *, const void *),
    const void *arg, struct eco_diags *out);
/*
 * Receive a returned sheet file (a path, or "-") of records of kind
 * ("service", "intervention") into the project around dir, appended to
 * the kind's file (made when new) under the lock, as eco_suivi_receive
 * does: each document checked as eco-validate checks it, its sectors
 * the regroupement's; one equal to a record of the project is said and
 * left (sent twice), one with the id of another refused; an
 * organisation outside the regroupement is said.  A sheet goes in whole
 * or not at all.  0 received (or there already), 1 refused (nothing
 * written, the reasons in out), -1 no project or memory.  With dry,
 * nothing is written.
 */
int eco_offre_receive(const char *dir, const char *kind, char *file, int dry,
    struct eco_diags *out);

/* eco_interventions.c: the organisations' action on the protective
 * factors (Outil 7, eco-interventions). */

/* The matrix organisations × factors. */
struct eco_matrice {
	const char **orgs;	/* ids, as given */
	size_t norgs;
	const struct eco_facteur **facteurs;	/* the fiches, catalogue order */
	size_t nf;
	int *niveau;		/* [org * nf + factor]: 0, 1, 2, or -1 when
				 * no record says */
	int *total_f, *total_o;	/* levels added, per factor, per org */
	size_t *actifs;		/* per factor: organisations acting (> 0) */
	unsigned long *sous;	/* per factor: bits of the sub-factors acted
				 * on (by index in its fiche) */
	size_t *order;		/* factors, nobody acts on first, then from
				 * the least to the most acted on */
	size_t *records;	/* per org: the records counted */
};
/* The matrix of the interventions among the n documents v for the
 * organisations orgs (records of others left out) and the factors of F;
 * a record on a sub-factor counts for its factor.  NULL when memory
 * runs out. */
struct eco_matrice *eco_matrice_new(const struct eco_doc *const *v, size_t n,
    const struct eco_facteurs *F, const char *const *orgs, size_t norgs);
void eco_matrice_free(struct eco_matrice *);
/* The paper worksheet of org (org_name for people) into r: every factor
 * of F by system with its sub-factors, a box per level, a box per
 * sub-factor and one per service of org in o; the answers the n
 * interventions v give ticked.  0, or -1 when memory runs out. */
int eco_interventions_sheet_paper(struct eco_report *r,
    const struct eco_doc *const *v, size_t n, const struct eco_offre *o,
    const struct eco_facteurs *F, const char *org, const char *org_name);
/* The YAML worksheet of org: one intervention per factor of F, the one
 * the project holds or one to fill (its level empty, the sub-factors
 * and services to choose from as comments), each starting "---".  0, or
 * -1 on a write error. */
int eco_interventions_sheet_yaml(FILE *, const struct eco_doc *const *v,
    size_t n, const struct eco_offre *o, const struct eco_facteurs *F,
    const char *org);

/* eco_format.c: the formats email (RFC 5321 Mailbox) and uri (RFC 3986
 * URI) of JSON Schema, ASCII whatever the locale.  1 when the n bytes at
 * s are one. */
int eco_format_email(const char *s, size_t n);
int eco_format_uri(const char *s, size_t n);

/* eco_diag.c: the stable code of a diagnostic's kind, and messages
 * recorded so that a diagnostic knows its msgid. */

/* The message of msgid in the language of the messages (gettext), the
 * pair remembered by the thread: every _() of lib/ and cmd/ is this. */
const char *eco_tr(const char *msgid);
const char *eco_ntr(const char *msgid, const char *plural, unsigned long n);
/* The same in a context: key is "context\004msgid" (what C_ makes). */
const char *eco_trc(const char *key, const char *msgid);
/*
 * The code of a diagnostic's kind, in out: its check ("schema"; "eco"
 * without one), a dot, then the first six words of its message's msgid
 * (English, as the sources write it) without the values: "schema.
 * wrong-type-expected-found".  The same under every locale, for every
 * value and place; msgid NULL gives the check alone.
 */
void eco_diag_code(const char *check, const char *msgid, char *out,
    size_t cap);
/* A diagnostic as a JSON-ready record: fichier, ligne, colonne, chemin,
 * verification, gravite (erreur, avertissement, note), code, message.
 * NULL when memory runs out. */
struct eco_node *eco_diag_node(struct eco_doc *, const struct eco_diag *);
/* Force the language of messages for the rest of the run ("fr"), even
 * under a locale that is C or not installed; 0, or -1 when no locale of
 * the machine lets gettext honour it. */
int eco_lang_force(const char *lang);
/* The columns of the terminal, for text meant to be read there: COLUMNS
 * when it is a number from 20 to 1000, else 80. */
size_t eco_term_width(void);

/* eco_rules.c, eco_project.c: the ids of kind ("organisme") an index or
 * a project holds, its own and eco's, each once, in the order found: up
 * to max in out (valid while it lives); how many. */
size_t eco_index_ids(const struct eco_index *, const char *kind,
    const char **out, size_t max);
size_t eco_project_ids(struct eco_project *, const char *kind,
    const char **out, size_t max);

/* eco_project.c: the first line of a worksheet of kind, for editors:
 * "# yaml-language-server: $schema=file://DATADIR/schemas/KIND.schema.json",
 * the schema make install put there ($ECO_DATADIR, else the data folder
 * built in), which an editor finds offline.  In buf (cap bytes); buf. */
#define ECO_MODELINE_BUFSZ 1200
const char *eco_schema_modeline(const char *kind, char *buf, size_t cap);

/* A measure or a decision to add (eco-evaluation ajoute): the
 * evaluation record of one of them, its id left to the append. */
struct eco_eval_in {
	const char *date, *objectif, *systeme, *rencontre;
	const char *indicateur, *valeur, *appreciation, *commentaire;
	const char *action, *decision, *justification;	/* or these */
	const char *const *ajustements;
	size_t najustements;
};
/* The record (kind, version, id, date, objectif, systeme, rencontre,
 * then mesures or decisions with the one item); NULL when memory runs
 * out.  The file it goes in, evaluations/AAAA-MM-OBJECTIF.yaml, and the
 * prefix of its fresh id, eval-OBJECTIF-DATE-, in file and prefix. */
struct eco_doc *eco_evaluation_record(const struct eco_eval_in *,
    char *file, size_t fcap, char *prefix, size_t pcap);
/* An eco_record's render (arg: the record's document): the record with
 * id given, "---" first.  0, or -1. */
int eco_evaluation_render(FILE *, const char *id, void *arg);

/* eco_bilan.c: a regroupement's year for its funders (eco-bilan annee)
 * and a region's roll-up across regroupements (eco-bilan region). */

/* Every kind a project keeps in its folder (the registry's with a
 * home), NULL-terminated: what eco-validate checks of a whole project. */
const char *const *eco_project_kinds(void);

/*
 * A year of the project: everything the other modules say of it on the
 * period's last day (au), read from a project checked whole, with the
 * decisions of its evaluations applied.  Without a plan, plan is empty
 * and budget, states NULL.  It points into the project, which must
 * outlive it.
 */
struct eco_annee {
	struct eco_project *project;
	const char *du, *au;		/* the period, both days included */
	char dubuf[ECO_DATE_BUFSZ], aubuf[ECO_DATE_BUFSZ];
	char veille[ECO_DATE_BUFSZ];	/* the day before du */
	struct eco_plan *plan;
	struct eco_budget *budget;	/* or NULL */
	struct eco_suivi_state *states;	/* per action on au, or NULL */
	const struct eco_doc *const *suivis, *const *evals;
	size_t nsuivis, nevals;
	struct eco_cycle *cycle;
	struct eco_state *state;
	struct eco_rencontres *rencontres;
	struct eco_facteurs *facteurs;
	struct eco_questionnaire *questionnaire;
	struct eco_sessions *sessions;
	struct eco_resultats *resultats;
};
/* The first day of the year that ends on au: the latest anniversary of
 * the plan's start on or before au, within its period; without a plan
 * begun by au, the day after au a year before.  Into buf
 * (ECO_DATE_BUFSZ), returned; NULL when au is no date. */
const char *eco_annee_start(const struct eco_plan *, const char *au,
    char *buf);
/*
 * The year of project p from du to au: au NULL is the day of its
 * records (eco_records_day), du NULL the start of the year that ends
 * then (eco_annee_start).  NULL when a document of the project fails
 * validation (reports never lie), when du is after au, or memory runs
 * out, the reasons in d.
 */
struct eco_annee *eco_annee_open(struct eco_project *p, const char *du,
    const char *au, struct eco_diags *d);
void eco_annee_free(struct eco_annee *);
/* 1 when date (may be NULL) is within the period. */
int eco_annee_in(const struct eco_annee *, const char *date);

/* What was done on action i: its bilan on au (eco_suivi_bilan), what
 * was spent within the period (on au less on the day before du), its
 * follow-ups dated within the period and the latest of them. */
struct eco_annee_fait {
	struct eco_bilan bilan;
	long long depense;		/* cents spent within the period */
	size_t nsuivis;
	const struct eco_doc *dernier;	/* or NULL */
};
void eco_annee_action(const struct eco_annee *, size_t i,
    struct eco_annee_fait *);
/* Money by k (as eco_suivi_sums: ECO_BY_BAILLEUR...): planned, spent
 * before the period, within it, and in all on au: *nout totals, then
 * the plan's.  To free(); NULL with *nout (size_t)-1 when memory runs
 * out (without a plan, the plan's total alone, all zero). */
struct eco_annee_sum {
	const char *key, *name;
	long long prevu, avant, periode, depense;
};
struct eco_annee_sum *eco_annee_sums(const struct eco_annee *, int k,
    size_t *nout);
/* The measures of an indicator dated within the period. */
size_t eco_annee_mesures(const struct eco_annee *,
    const struct eco_resultat *);

/* One project of a region, as its own views give it. */
struct eco_region_row {
	char *dir;			/* the folder, as given */
	char *nom;			/* the regroupement's name, or NULL */
	size_t nerr;			/* > 0: not valid, left out of the sums */
	char au[ECO_DATE_BUFSZ];	/* the day its figures are taken on */
	const char *etape, *etape_nom;	/* its stage (the cycle's strings) */
	size_t etape_index, ndone, ncycle;	/* objectives of the cycle */
	char **facteurs, **facteurs_noms;	/* factors retained, ids and
				 * names, as eco_state counts them */
	size_t nfacteurs;
	char **objectifs, **objectifs_libelles;	/* the plan's */
	size_t nobjectifs;
	int has_plan;
	long long budget, depense;	/* cents: eco_budget's total, spent */
	size_t nactions, late, silent;	/* silent: a follow-up missing */
	size_t nindicateurs, mesures, atteints;	/* measured, reached */
	int conditions[ECO_NCONDITIONS];	/* latest diagnostic session's
				 * scores (hundredths), or -1 */
};

/* A sum across the projects: a factor (ngroupes retaining it) or a
 * funder (the groups it funds). */
struct eco_region_total {
	char *key, *name;		/* name NULL: unknown ("": no funder) */
	long long prevu, depense;	/* cents */
	size_t ngroupes;
};
struct eco_region_condition {
	long long sum;			/* of the groups' scores */
	size_t n;			/* groups with a score */
	int min;			/* the lowest, or -1 */
	size_t faibles;			/* groups below 1,00 */
};
struct eco_region {
	struct eco_cycle *cycle;
	struct eco_questionnaire *questionnaire;
	struct eco_facteurs *catalogue;
	size_t nprojets, nvalides, avec_plan, avec_diagnostic;
	size_t *etapes;			/* valid projects per stage */
	struct eco_region_total *facteurs;	/* first met first, until
						 * eco_region_sort */
	size_t nfacteurs;
	struct eco_region_total *bailleurs;	/* first met first */
	size_t nbailleurs;
	struct eco_region_total systemes[ECO_NSYS];	/* key, name NULL */
	long long prevu, depense;
	size_t nobjectifs, nactions, late, silent;
	size_t nindicateurs, mesures, atteints;
	struct eco_region_condition conditions[ECO_NCONDITIONS];
};
/* Empty sums, the cycle and questionnaire loaded.  NULL, recorded,
 * when they cannot be. */
struct eco_region *eco_region_new(struct eco_diags *);
void eco_region_free(struct eco_region *);
/*
 * Open the project in folder dir, check it whole (eco_project_kinds),
 * fill its row and, when it is valid, add it to the sums; then close
 * it.  Its figures are taken on au, or the day of its records (NULL).
 * An invalid project's diagnostics go to d and its row says how many
 * errors; it adds nothing.  0; -1 when memory runs out (recorded).
 */
int eco_region_add(struct eco_region *, const char *dir, const char *au,
    struct eco_region_row *, struct eco_diags *d);
void eco_region_row_free(struct eco_region_row *);
/* The factors by number of groups, most first (ties as first met). */
void eco_region_sort(struct eco_region *);
/* The conditions answered, weakest first (lowest mean, then most groups
 * below 1,00), into order (ECO_NCONDITIONS); how many. */
size_t eco_region_weakest(const struct eco_region *, int *order);
/* A condition's mean over the groups, in hundredths, or -1. */
int eco_region_condition_score(const struct eco_region_condition *);

#endif
