/*
 * eco_priv.h - what the library's modules share and do not export.
 */
#ifndef ECO_PRIV_H
#define ECO_PRIV_H

#include <libintl.h>
#include <stdarg.h>
#include "eco.h"

#define ECO_DOMAIN "eco"
#define _(s) eco_tr(s)
/* A message in a context (msgctxt) for the grammar of French: "None."
 * is "Aucun." for objectives, "Aucune." for to-dos. */
#define C_(ctx, s) eco_trc(ctx "\004" s, s)
#undef ngettext
#define ngettext(s, p, n) eco_ntr(s, p, n)
#define N_(s) (s)

void eco_diag_vadd(struct eco_diags *, const char *file, int line, int col,
    enum eco_sev, const char *check, const char *fmt, va_list);

/* A file compiled into the library (schemas, data), by base name. */
const char *eco_embedded(const char *name, size_t *len);
/* The documents of data/NAME.yaml, compiled in as JSON: a document whose
 * root is the sequence of the file's documents.  NULL, with a system
 * diagnostic, when the library lacks it. */
struct eco_doc *eco_embedded_doc(const char *name, struct eco_diags *);

/* The built-in catalogue of protective factors: the sequence of its
 * fiches (data/facteurs.yaml), read once per process; NULL when the
 * library lacks it. */
const struct eco_node *eco_rules_catalogue(void);

/* Bump allocator: everything of one document is freed at once. */
struct eco_arena *eco_arena_new(void);
void eco_arena_free(struct eco_arena *);
/* Aligned block of n bytes, or NULL when memory is exhausted. */
void *eco_arena_alloc(struct eco_arena *, size_t n);
char *eco_arena_strndup(struct eco_arena *, const char *, size_t);

/* The code point at s, its length in *len; a byte that starts no valid
 * sequence is one character, U+FFFD. */
unsigned long eco_utf8_decode(const char *s, size_t *len);
/* Number of Unicode code points in valid UTF-8. */
size_t eco_utf8_len(const char *s, size_t n);
/*
 * Offset of the first invalid UTF-8 sequence or NUL byte in s, or n when
 * the whole buffer is valid.
 */
size_t eco_utf8_check(const char *s, size_t n);

/* eco_page.c: the page writer of md and html (reports, worksheets). */

enum eco_page_fmt { ECO_PAGE_MD, ECO_PAGE_HTML };

struct eco_page_info {
	const char *title;	/* the page's h1 and html title */
	const char *lang;	/* html lang, or NULL: eco_lang_tag's */
	const char *name, *date;	/* print footer's left box, or NULL */
};

struct eco_page {
	FILE *fp;
	enum eco_page_fmt fmt;
	int list;		/* the open list: 'u', 'o', or 0 */
	int nitem;		/* items in it so far */
	int part;		/* html: a section is open */
};

/* Start a page on fp: md "# title"; html the head, style sheet and print
 * footer, then the title as h1. */
void eco_page_begin(struct eco_page *, FILE *, enum eco_page_fmt,
    const struct eco_page_info *);
/* A new part: html opens a section, printed from a new page (landscape
 * when large); md writes nothing. */
void eco_page_part(struct eco_page *, int large);
/* Level 2 to 6 (1 is the title), with code after the text, or NULL. */
void eco_page_heading(struct eco_page *, int level, const char *text,
    const char *code);
/* A paragraph; cls is a class of the style sheet or NULL ("meta", a
 * remark, is in italics in md too). */
void eco_page_para(struct eco_page *, const char *cls, const char *text);
/* An item of a list; consecutive items of one kind make one list. */
void eco_page_item(struct eco_page *, int ordered, const char *text);
/* Before a block the caller writes itself: closes a list; md leaves a
 * blank line. */
void eco_page_block(struct eco_page *);
/* Text inside a block, escaped (html: dates and ids never broken). */
void eco_page_text(struct eco_page *, const char *s);
/* Close the page: 0, or -1 when a write failed. */
int eco_page_end(struct eco_page *);

/*
 * Lazy schema sets (eco_kind.c's, shared by the process): eco's schemas
 * are registered, and each file is read and compiled when something in
 * it is first needed, under the set's lock, so that threads may ask at
 * once.  Schemas already handed out never change.
 */
int eco_schemaset_lazy_eco(struct eco_schemaset *, struct eco_diags *);
/* The schema of kind, read and compiled now if need be; NULL when there
 * is none or it cannot be used (the reasons are recorded, once). */
const struct eco_schema *eco_schemaset_need(struct eco_schemaset *,
    const char *kind, struct eco_diags *);

/*
 * Where the documents of a kind name ids of other kinds, from the
 * schema (see eco_schemaset_refs): a tree of the places, one node per
 * place.  At a node with kind, a string is a reference, and so is each
 * string of a sequence.
 */
struct eco_refkey;
struct eco_refpat;
struct eco_reftree {
	const char *kind;		/* ids of this kind are named here */
	struct eco_refkey *keys;	/* a mapping's keys, sorted */
	size_t nkeys;
	struct eco_refpat *pats;	/* keys matching a pattern */
	size_t npats;
	struct eco_reftree *other;	/* any other key */
	struct eco_reftree **prefix;	/* item i of a sequence (may be NULL) */
	size_t nprefix;
	struct eco_reftree *items;	/* the other items */
};
struct eco_refkey {
	const char *name;
	size_t len;
	struct eco_reftree *t;
};
struct eco_refpat {
	const void *re;
	struct eco_reftree *t;
};
/* The tree of kind, built once; NULL when its documents name nothing. */
const struct eco_reftree *eco_schemaset_refs(struct eco_schemaset *,
    const char *kind, struct eco_diags *);
int eco_refpat_match(const struct eco_refpat *, const char *key, size_t len);

/* eco_kind.c: where the documents of kind k name ids (NULL: nowhere),
 * from its schema, compiled first if need be. */
const struct eco_reftree *eco_kind_refs(const struct eco_kind *,
    struct eco_diags *);

/* eco_rules.c: the rules of one kind's documents (the registry's). */
eco_rules_fn eco_rules_regroupement, eco_rules_rencontre, eco_rules_note,
    eco_rules_constat, eco_rules_priorite, eco_rules_suivi,
    eco_rules_evaluation, eco_rules_diagnostic, eco_rules_facteur,
    eco_rules_copy, eco_rules_secteur, eco_rules_objectif, eco_rules_service,
    eco_rules_intervention;
/* eco_plan.c: a plan document's rules. */
eco_rules_fn eco_plan_rules;

/*
 * What the rules of a kind's documents do with the index, which keeps
 * the JSON pointer of what is being looked at: descend into key, or
 * with key NULL into item i (returns where eco_index_leave goes back
 * to); note the id of mapping m with its title, and attr, one fact for
 * the project rules; record a diagnostic at node at, which is key leaf
 * of what is looked at (NULL: the thing itself), with its pointer.
 */
/* The documents checked are records printed from the files read for
 * context (a pipe of eco-constats liste): an id of both is one record. */
void eco_index_copies(struct eco_index *);
size_t eco_index_enter(struct eco_index *, const char *key, size_t i);
void eco_index_leave(struct eco_index *, size_t old);
void eco_index_add_id(struct eco_index *, const char *kind,
    const struct eco_node *m, const char *file, const char *attr);
void eco_index_vrule(struct eco_index *, struct eco_diags *, const char *file,
    const struct eco_node *at, const char *leaf, enum eco_sev,
    const char *check, const char *fmt, va_list);

/*
 * A JSON text as the one document libyaml would read from it, built
 * without libyaml (much faster); NULL when the text holds anything it
 * does not read exactly as libyaml would, or any problem: read it with
 * eco_reader_mem then, which says what is wrong.
 */
struct eco_doc *eco_json_doc(const char *buf, size_t len, const char *name,
    const struct eco_limits *);

/* printf into the buffer b, cleared first: its text (never NULL). */
#define buf_say(b, ...) (eco_buf_clear(b), eco_buf_printf(b, __VA_ARGS__), \
	(b)->s && !(b)->oom ? (const char *)(b)->s : "")

#endif
