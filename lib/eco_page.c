/*
 * eco_page.c - the one page writer of the printable formats: Markdown,
 * and HTML as one self-contained page for letter paper.
 *
 * Reports (eco_report) and worksheets (eco_sheet) write their headings,
 * paragraphs and lists here, so that every page has the same style
 * sheet, the language of the messages in its lang, and a print footer
 * with the regroupement's name, the date and "page N of M" (CSS margin
 * boxes).  The style sheet keeps a heading or a table's caption and
 * header from being left alone at the foot of a page, repeats table
 * headers, never splits a row, and never breaks a date or an id (the
 * text escaper puts them in nowrap spans).  Every string goes through
 * eco_html_text or eco_md_text, which drop control characters and keep
 * « » and : ; ! ? with their words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

static const char css[] =
    "@page { size: letter; margin: 1.5cm 1.3cm 1.9cm; }\n"
    "@page large { size: letter landscape; }\n"
    "html { font: 10pt/1.35 \"DejaVu Sans\", Arial, sans-serif; color: #111; }\n"
    "body { max-width: 64em; margin: 2em auto; padding: 0 1em; }\n"
    "h1 { font-size: 1.6em; margin: 0 0 .4em; }\n"
    "h2 { font-size: 1.35em; margin: 1.4em 0 .5em; }\n"
    "section > h2 { border-bottom: 2px solid #333; }\n"
    "h3 { font-size: 1.15em; margin: 1.1em 0 .4em; }\n"
    "h4, h5, h6 { font-size: 1em; margin: .9em 0 .3em; }\n"
    "h1, h2, h3, h4, h5, h6, caption { break-after: avoid; }\n"
    "h1, h2, h3, h4, h5, h6 { break-inside: avoid; }\n"
    "p { margin: .3em 0 .6em; }\n"
    "p:has(+ table), p:has(+ ol), p:has(+ ul) { break-after: avoid; }\n"
    "li { margin: .2em 0; break-inside: avoid; }\n"
    "table { border-collapse: collapse; width: 100%; margin: .3em 0 1em; }\n"
    "caption { text-align: left; font-weight: bold; padding: .2em 0; }\n"
    "th, td { border: 1px solid #888; padding: .15em .35em; text-align: left;"
    " vertical-align: top; }\n"
    "thead th { background: #e6e6e6; }\n"
    "thead { display: table-header-group; break-inside: avoid; break-after: avoid; }\n"
    "tr { break-inside: avoid; }\n"
    ".n { text-align: right; white-space: nowrap; }\n"
    ".k { white-space: nowrap; }\n"
    "tr.total td { font-weight: bold; border-top: 2px solid #333; }\n"
    "table.mois { font-size: .8em; }\n"
    "table.mois .m { width: 1.2em; padding: 0; text-align: center; }\n"
    "td.on { background: #2f6f3e; color: #2f6f3e;"
    " -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "section.large { page: large; }\n"
    ".meta { font-style: italic; color: #444; margin: 0; }\n"
    ".ex { color: #444; }\n"
    ".ligne { border-bottom: 1px solid #000; height: 1.8em; }\n"
    ".champ:not(:has(.champ)) { break-inside: avoid; }\n"
    ".groupe { border-left: 2px solid #999; padding-left: 1em; }\n"
    ".item { font-weight: bold; }\n"
    ".cases { font-size: 1.1em; }\n"
    "@media print {\n"
    "  body { max-width: none; margin: 0; padding: 0; }\n"
    "  section.partie + section.partie { break-before: page; }\n"
    "}\n";

/* s as the text of a CSS string: no quote, backslash, control
 * character or "<" (which could close the style element) left bare. */
static void
css_string(FILE *fp, const char *s)
{
	size_t len;

	putc('"', fp);
	for (; *s; s += len) {
		unsigned long c = eco_utf8_decode(s, &len);

		if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&')
			fprintf(fp, "\\%lx ", c);
		else if (eco_char_is_control(c) || c == '\n' || c == '\t')
			putc(' ', fp);
		else
			fwrite(s, 1, len, fp);
	}
	putc('"', fp);
}

/*
 * The print footer: name · date at the bottom left, "page N of M" at the
 * bottom right, in the language of the messages.
 */
static void
footer(FILE *fp, const char *name, const char *date)
{
	/* TRANSLATORS: the print footer of a page; the first %s is the
	 * page's number, the second the number of pages. */
	const char *f = _("page %s of %s"), *a, *b;

	if (!(a = strstr(f, "%s")) || !(b = strstr(a + 2, "%s")) ||
	    strstr(b + 2, "%s") || strchr(b + 2, '%'))
		f = "page %s of %s", a = f + 5, b = f + 11;
	/* the top margin stays blank: no browser header over the page */
	fputs("@page {\n  @top-center { content: \"\"; }\n", fp);
	if ((name && *name) || (date && *date)) {
		struct eco_buf left = ECO_BUF_INIT;
		char *l;

		eco_buf_adds(&left, name ? name : "");
		if (name && *name && date && *date)
			eco_buf_adds(&left, " \xc2\xb7 ");	/* · */
		eco_buf_adds(&left, date ? date : "");
		l = eco_buf_take(&left);
		fputs("  @bottom-left { content: ", fp);
		css_string(fp, l ? l : "");
		fputs("; font-size: 8pt; color: #444; }\n", fp);
		free(l);
	}
	fputs("  @bottom-right { content: ", fp);
	fprintf(fp, "\"%.*s\" counter(page) \"%.*s\" counter(pages)",
	    (int)(a - f), f, (int)(b - a - 2), a + 2);
	if (b[2])
		fprintf(fp, " \"%s\"", b + 2);
	fputs("; font-size: 8pt; color: #444; }\n}\n", fp);
}

void
eco_page_begin(struct eco_page *p, FILE *fp, enum eco_page_fmt fmt,
    const struct eco_page_info *info)
{
	char lang[16];
	const char *title = info->title ? info->title : "";

	memset(p, 0, sizeof *p);
	p->fp = fp;
	p->fmt = fmt;
	if (fmt == ECO_PAGE_MD) {
		if (*title) {
			fputs("# ", fp);
			eco_md_text(fp, title);
			putc('\n', fp);
		}
		return;
	}
	fputs("<!DOCTYPE html>\n<html lang=\"", fp);
	eco_html_text(fp, info->lang ? info->lang :
	    eco_lang_tag(lang, sizeof lang), 0);
	fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>", fp);
	eco_html_text(fp, title, 0);
	fprintf(fp, "</title>\n<style>\n%s", css);
	footer(fp, info->name, info->date);
	fputs("</style>\n</head>\n<body>\n", fp);
	if (*title) {
		fputs("<h1>", fp);
		eco_html_text(fp, title, ECO_HTML_NOWRAP);
		fputs("</h1>\n", fp);
	}
}

static void
close_list(struct eco_page *p)
{
	if (p->list && p->fmt == ECO_PAGE_HTML)
		fprintf(p->fp, "</%cl>\n", p->list);
	p->list = 0;
}

void
eco_page_block(struct eco_page *p)
{
	close_list(p);
	if (p->fmt == ECO_PAGE_MD)
		putc('\n', p->fp);
}

void
eco_page_part(struct eco_page *p, int large)
{
	close_list(p);
	if (p->fmt == ECO_PAGE_MD)
		return;
	fprintf(p->fp, "%s<section class=\"partie%s\">\n",
	    p->part ? "</section>\n" : "", large ? " large" : "");
	p->part = 1;
}

void
eco_page_text(struct eco_page *p, const char *s)
{
	if (p->fmt == ECO_PAGE_HTML)
		eco_html_text(p->fp, s, ECO_HTML_BR | ECO_HTML_NOWRAP);
	else
		eco_md_text(p->fp, s);
}

void
eco_page_heading(struct eco_page *p, int level, const char *text,
    const char *code)
{
	level = level < 2 ? 2 : level > 6 ? 6 : level;
	eco_page_block(p);
	if (p->fmt == ECO_PAGE_MD) {
		fprintf(p->fp, "%.*s ", level, "######");
		eco_md_text(p->fp, text);
		if (code)
			fprintf(p->fp, " (`%s`)", code);
		putc('\n', p->fp);
		return;
	}
	fprintf(p->fp, "<h%d>", level);
	eco_page_text(p, text);
	if (code) {
		fputs(" <code>", p->fp);
		eco_html_text(p->fp, code, ECO_HTML_NOWRAP);
		fputs("</code>", p->fp);
	}
	fprintf(p->fp, "</h%d>\n", level);
}

void
eco_page_para(struct eco_page *p, const char *cls, const char *text)
{
	int em = cls && strcmp(cls, "meta") == 0;

	eco_page_block(p);
	if (p->fmt == ECO_PAGE_MD) {
		fputs(em ? "*" : "", p->fp);
		eco_md_text(p->fp, text);
		fputs(em ? "*\n" : "\n", p->fp);
		return;
	}
	if (cls)
		fprintf(p->fp, "<p class=\"%s\">", cls);
	else
		fputs("<p>", p->fp);
	eco_page_text(p, text);
	fputs("</p>\n", p->fp);
}

void
eco_page_item(struct eco_page *p, int ordered, const char *text)
{
	int tag = ordered ? 'o' : 'u';

	if (p->list != tag) {
		eco_page_block(p);
		if (p->fmt == ECO_PAGE_HTML)
			fprintf(p->fp, "<%cl>\n", tag);
		p->list = tag;
		p->nitem = 0;
	}
	p->nitem++;
	if (p->fmt == ECO_PAGE_HTML) {
		fputs("<li>", p->fp);
		eco_page_text(p, text);
		fputs("</li>\n", p->fp);
		return;
	}
	if (ordered)
		fprintf(p->fp, "%d. ", p->nitem);
	else
		fputs("- ", p->fp);
	eco_md_text(p->fp, text);
	putc('\n', p->fp);
}

int
eco_page_end(struct eco_page *p)
{
	close_list(p);
	if (p->fmt == ECO_PAGE_HTML)
		fprintf(p->fp, "%s</body>\n</html>\n", p->part ? "</section>\n" : "");
	return ferror(p->fp) ? -1 : 0;
}
