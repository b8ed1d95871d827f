#!/usr/bin/env python3
"""po-fill.py TABLE.py... - developer helper: write translations from the
Python dicts T (msgid -> msgstr, or -> [singular, plural] for ngettext
messages) into po/fr.po, for entries still untranslated.  A message with
a context (C_ in the sources, msgctxt) is keyed "context\\x04msgid".  Run
`sh tools/po-check.sh update` first so that po/fr.po has every msgid."""
import re, sys

def esc(s):
    return s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t')

def unesc(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(n, '\\' + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)

T = {}
for path in sys.argv[1:]:
    ns = {}
    exec(open(path, encoding='utf-8').read(), ns)
    T.update(ns.get('T', {}))

po = open('po/fr.po', encoding='utf-8').read()
blocks = po.split('\n\n')
out = []
missing = 0
for block in blocks:
    lines = block.split('\n')
    # gather msgid, msgid_plural, msgstr parts
    def field(name):
        m = re.search(r'^' + re.escape(name) + r' ((?:".*"\n?)+)', block + '\n', re.M)
        return unesc(''.join(re.findall(r'"(.*)"', m.group(1)))) if m else None
    mid = field('msgid')
    if mid is None or mid == '':
        out.append(block)
        continue
    plural = field('msgid_plural')
    ctx = field('msgctxt')
    if ctx is not None:
        mid = ctx + '\x04' + mid
    head = block[:block.index('msgid ')]
    if plural is None:
        cur = field('msgstr')
        if cur == '' and mid in T and isinstance(T[mid], str):
            block = head + 'msgid "%s"\nmsgstr "%s"' % (esc(mid.split('\x04')[-1]), esc(T[mid]))
        elif cur == '':
            missing += 1
            print('untranslated:', mid, file=sys.stderr)
    else:
        s0 = field('msgstr[0]')
        if s0 == '' and mid in T and not isinstance(T[mid], str):
            a, b = T[mid][0], T[mid][1]
            block = head + 'msgid "%s"\nmsgid_plural "%s"\nmsgstr[0] "%s"\nmsgstr[1] "%s"' % (
                esc(mid), esc(plural), esc(a), esc(b))
        elif s0 == '':
            missing += 1
            print('untranslated (plural):', mid, file=sys.stderr)
    out.append(block)
open('po/fr.po', 'w', encoding='utf-8').write('\n\n'.join(out))
sys.exit(1 if missing else 0)
