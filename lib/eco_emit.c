/*
 * eco_emit.c - tree → YAML (through the libyaml emitter) and tree → JSON.
 *
 * YAML output is block style, keys in their original order, aliases
 * expanded, and it quotes every string that a YAML 1.2 core or a YAML 1.1
 * reader would take for something else, so that load(emit(x)) == x and
 * older tools read the same values.  Numbers are written in a form both
 * readers agree on (1e3 becomes 1.0e+3).  JSON output is one value per
 * line, valid UTF-8 (the loader checked it), RFC 8259 escapes.
 */
#include <stdint.h>
#include <string.h>

#include <yaml.h>

#include "eco_priv.h"

static int
is_word_in(const char *s, size_t n, const char *const *words)
{
	for (; *words; words++)
		if (strlen(*words) == n && memcmp(s, *words, n) == 0)
			return 1;
	return 0;
}

int
eco_str_needs_quotes(const char *s, size_t n)
{
	/* Words YAML 1.1 resolves to booleans, null or special keys. */
	static const char *const yaml11[] = {
		"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"on", "On", "ON", "off", "Off", "OFF", "<<", "=", NULL
	};
	unsigned char c;

	if (n == 0 || eco_resolve(s, n) != ECO_STR || is_word_in(s, n, yaml11))
		return 1;
	/* Anything that starts like a number, a time or a date. */
	c = (unsigned char)s[0];
	if (c >= '0' && c <= '9')
		return 1;
	if ((c == '-' || c == '+' || c == '.') && n > 1 &&
	    ((s[1] >= '0' && s[1] <= '9') || s[1] == '.'))
		return 1;
	return 0;
}

/* Whether s is an ISO date "2026-09-01" (the calendar is not asked). */
static int
iso_date(const char *s, size_t n)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	if (n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != '-')
			return 0;
	return 1;
}

/*
 * The one test of eco's YAML writers: the type test above, then the
 * syntax, kept on the safe side (what YAML would allow plain in some
 * contexts only is quoted): no indicator first, no blank at either end,
 * no ": " nor " #" inside, no control character, and in a flow
 * collection none of its punctuation.
 */
int
eco_str_plain(const char *s, size_t n, unsigned flags)
{
	size_t i;

	if ((flags & ECO_PLAIN_DATES) && iso_date(s, n))
		return 1;
	if (eco_str_needs_quotes(s, n) || strchr("-?:,[]{}#&*!|>'\"%@` \t",
	    s[0]) || s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == ':')
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f || ((flags & ECO_PLAIN_FLOW) &&
		    strchr(",[]{}", c)) || (c == ':' && s[i + 1] == ' ') ||
		    (c == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t')))
			return 0;
	}
	return 1;
}

/*
 * Write a float's text in the form YAML 1.1, YAML 1.2 and JSON all read:
 * optional '-', digits, '.', digits, exponent with sign.  .inf and .nan
 * are left alone (JSON callers refuse them first).
 */
static size_t
norm_float(const char *s, char *out, size_t cap)
{
	size_t o = 0;
	const char *p = s;

	if (cap < 8)
		return 0;
	if (*p == '+' || *p == '-') {
		if (*p == '-')
			out[o++] = '-';
		p++;
	}
	if (*p == '.' && (p[1] < '0' || p[1] > '9')) {
		size_t n = strlen(s);

		if (n >= cap)
			return 0;
		memcpy(out, s, n);
		return n;
	}
	while (*p == '0' && p[1] >= '0' && p[1] <= '9')
		p++;	/* 007.5 → 7.5 */
	if (*p == '.' || *p == 'e' || *p == 'E' || !*p)
		out[o++] = '0';
	while (*p >= '0' && *p <= '9' && o < cap - 6)
		out[o++] = *p++;
	out[o++] = '.';
	if (*p == '.')
		p++;
	if (*p < '0' || *p > '9')
		out[o++] = '0';
	while (*p >= '0' && *p <= '9' && o < cap - 5)
		out[o++] = *p++;
	if (*p == 'e' || *p == 'E') {
		p++;
		out[o++] = 'e';
		out[o++] = *p == '-' ? '-' : '+';
		if (*p == '-' || *p == '+')
			p++;
		while (*p >= '0' && *p <= '9' && o < cap - 1)
			out[o++] = *p++;
	}
	out[o] = '\0';
	return *p ? 0 : o;
}

/* Text of a scalar as eco writes it; buf may be used. */
static const char *
scalar_text(const struct eco_node *nd, char *buf, size_t cap, size_t *len)
{
	switch (nd->type) {
	case ECO_NULL:
		*len = 4;
		return "null";
	case ECO_BOOL:
		*len = nd->u.b ? 4 : 5;
		return nd->u.b ? "true" : "false";
	case ECO_INT:
		if (!(nd->flags & ECO_F_BIG)) {
			*len = (size_t)snprintf(buf, cap, "%lld", nd->u.i);
			return buf;
		}
		break;
	case ECO_FLOAT:
		if ((*len = norm_float(nd->s, buf, cap)) > 0)
			return buf;
		break;
	default:
		break;
	}
	*len = nd->len;
	return nd->s;
}

/* YAML */

static int
emit_node(yaml_emitter_t *em, const struct eco_node *nd)
{
	yaml_event_t ev;
	char buf[512];
	const char *s;
	size_t len, i;
	yaml_scalar_style_t style;
	int ok;

	switch (nd->type) {
	case ECO_SEQ:
		if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_BLOCK_SEQUENCE_STYLE) || !yaml_emitter_emit(em, &ev))
			return -1;
		for (i = 0; i < nd->len; i++)
			if (emit_node(em, nd->u.items[i]) < 0)
				return -1;
		if (!yaml_sequence_end_event_initialize(&ev) ||
		    !yaml_emitter_emit(em, &ev))
			return -1;
		return 0;
	case ECO_MAP:
		if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_BLOCK_MAPPING_STYLE) || !yaml_emitter_emit(em, &ev))
			return -1;
		for (i = 0; i < nd->len; i++)
			if (emit_node(em, nd->u.pairs[i].key) < 0 ||
			    emit_node(em, nd->u.pairs[i].val) < 0)
				return -1;
		if (!yaml_mapping_end_event_initialize(&ev) ||
		    !yaml_emitter_emit(em, &ev))
			return -1;
		return 0;
	default:
		break;
	}
	s = scalar_text(nd, buf, sizeof buf, &len);
	style = YAML_PLAIN_SCALAR_STYLE;
	if (nd->type == ECO_STR) {
		if (memchr(s, '\n', len))
			style = YAML_LITERAL_SCALAR_STYLE;
		else if (!eco_str_plain(s, len, 0))
			style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	}
	ok = yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)(uintptr_t)s, (int)len,
	    nd->type != ECO_STR || style == YAML_PLAIN_SCALAR_STYLE,
	    nd->type == ECO_STR, style);
	if (!ok || !yaml_emitter_emit(em, &ev))
		return -1;
	return 0;
}

static int
write_handler(void *data, unsigned char *buf, size_t size)
{
	return fwrite(buf, 1, size, (FILE *)data) == size;
}

int
eco_emit_yaml(FILE *fp, const struct eco_node *root)
{
	yaml_emitter_t em;
	yaml_event_t ev;
	int rc = -1;

	if (!yaml_emitter_initialize(&em))
		return -1;
	yaml_emitter_set_output(&em, write_handler, fp);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_emitter_set_indent(&em, 2);
	if (!yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) ||
	    !yaml_emitter_emit(&em, &ev))
		goto out;
	if (!yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0) ||
	    !yaml_emitter_emit(&em, &ev))
		goto out;
	if (emit_node(&em, root) < 0)
		goto out;
	if (!yaml_document_end_event_initialize(&ev, 1) ||
	    !yaml_emitter_emit(&em, &ev))
		goto out;
	if (!yaml_stream_end_event_initialize(&ev) ||
	    !yaml_emitter_emit(&em, &ev))
		goto out;
	rc = yaml_emitter_flush(&em) ? 0 : -1;
out:
	yaml_emitter_delete(&em);
	return rc;
}

/* JSON */

struct jout {
	FILE *fp;
	const char *file;
	struct eco_diags *diags;
	int bad;
};

void
eco_json_string(FILE *fp, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	putc('"', fp);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		fwrite(s + run, 1, i - run, fp);
		run = i + 1;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\t': esc = "\\t"; break;
		case '\r': esc = "\\r"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			memcpy(u, "\\u00", 4);
			u[4] = hex[c >> 4];
			u[5] = hex[c & 15];
			u[6] = '\0';
			esc = u;
		}
		fputs(esc, fp);
	}
	fwrite(s + run, 1, n - run, fp);
	putc('"', fp);
}

static void
json_bad(struct jout *j, const struct eco_node *nd, const char *what)
{
	if (j->diags)
		eco_diag_add(j->diags, j->file, nd->line, nd->col,
		    ECO_SEV_ERROR, "json", _("%s cannot be written in JSON"),
		    what);
	j->bad = 1;
}

/* Decimal integer text without '+' and leading zeros. */
static void
json_bigint(FILE *fp, const char *s)
{
	if (*s == '+' || *s == '-') {
		if (*s == '-')
			putc('-', fp);
		s++;
	}
	while (*s == '0' && s[1])
		s++;
	fputs(s, fp);
}

static void
json_node(struct jout *j, const struct eco_node *nd)
{
	char buf[512];
	const char *s;
	size_t len, i;

	switch (nd->type) {
	case ECO_SEQ:
		putc('[', j->fp);
		for (i = 0; i < nd->len; i++) {
			if (i)
				putc(',', j->fp);
			json_node(j, nd->u.items[i]);
		}
		putc(']', j->fp);
		return;
	case ECO_MAP:
		putc('{', j->fp);
		for (i = 0; i < nd->len; i++) {
			const struct eco_node *k = nd->u.pairs[i].key;

			if (i)
				putc(',', j->fp);
			if (k->type == ECO_SEQ || k->type == ECO_MAP) {
				json_bad(j, k, _("a complex key"));
				eco_json_string(j->fp, "", 0);
			} else {
				s = scalar_text(k, buf, sizeof buf, &len);
				eco_json_string(j->fp, s, len);
			}
			putc(':', j->fp);
			json_node(j, nd->u.pairs[i].val);
		}
		putc('}', j->fp);
		return;
	case ECO_STR:
		eco_json_string(j->fp, nd->s, nd->len);
		return;
	case ECO_INT:
		if ((nd->flags & ECO_F_BIG) && nd->s[0] != '0')
			json_bigint(j->fp, nd->s);
		else if (nd->flags & ECO_F_BIG)
			fprintf(j->fp, "%.17g", nd->num);
		else
			fprintf(j->fp, "%lld", nd->u.i);
		return;
	case ECO_FLOAT:
		if (strpbrk(nd->s, "iInN")) {	/* .inf, .nan */
			json_bad(j, nd, _("an infinite or not-a-number value"));
			fputs("null", j->fp);
			return;
		}
		if (norm_float(nd->s, buf, sizeof buf) > 0)
			fputs(buf, j->fp);
		else
			fprintf(j->fp, "%.17g", nd->u.f);
		return;
	default:
		s = scalar_text(nd, buf, sizeof buf, &len);
		fwrite(s, 1, len, j->fp);
	}
}

int
eco_emit_json(FILE *fp, const struct eco_node *root, const char *file,
    struct eco_diags *d)
{
	struct jout j = { fp, file, d, 0 };

	json_node(&j, root);
	putc('\n', fp);
	if (ferror(fp))
		return -1;
	return j.bad ? -2 : 0;
}
