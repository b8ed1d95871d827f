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

#define ECO_VERSION "0.1.0"

/* Exit status shared by every command. */
enum {
	ECO_EXIT_OK = 0,	/* success */
	ECO_EXIT_DATA = 1,	/* input read but invalid, or a check failed */
	ECO_EXIT_USAGE = 2,	/* bad options or operands */
	ECO_EXIT_SYS = 3	/* I/O, memory, failed write to stdout */
};

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

/* Checks of formats, shared with the method's rules. */
int eco_format_date(const char *s, size_t n);
/* Closest of n candidate words to s, or NULL when none is close. */
const char *eco_closest(const char *s, const char *const *cand, size_t n);

/* eco_project.c: the project folder and safe writes. */

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
/* Move everything of from into into; from is left empty. */
int eco_index_merge(struct eco_index *into, struct eco_index *from);
/* Rules across the documents of a project: ids, references, totals. */
void eco_rules_project(struct eco_index *, struct eco_diags *);

/* eco_model.c: typed views of the plan and its records (eco-plan). */

/* eco_report.c: tables, money and the text/md/html/csv renderers (eco-vue). */

/* eco_cycle.c: the cycle of the method, data/demarche.yaml (eco-demarche,
 * eco-init, eco-rencontre). */

/* eco_sheet.c: worksheets from the schemas (eco-gabarit). */

#endif
