#!/usr/bin/env python3
"""po-fill.py TABLE.py - developer helper: write translations from a Python
dict T (msgid -> msgstr) into po/fr.po for entries still untranslated."""
import re, sys
ns = {}
exec(open(sys.argv[1], encoding='utf-8').read(), ns)
T = ns['T']
po = open('po/fr.po', encoding='utf-8').read()
def esc(s):
    return s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
def unesc(s):
    return s.replace('\\n', '\n').replace('\\"', '"').replace('\\\\', '\\')
out = []
for block in po.split('\n\n'):
    m = re.search(r'^msgid ((?:".*"\n?)+)msgstr ""\s*$', block, re.M)
    if m:
        mid = unesc(''.join(re.findall(r'"(.*)"', m.group(1))))
        if mid in T:
            block = block[:m.start()] + 'msgid "%s"\nmsgstr "%s"' % (esc(mid), esc(T[mid]))
    out.append(block)
open('po/fr.po', 'w', encoding='utf-8').write('\n\n'.join(out))
missing = [b for b in out if re.search(r'^msgstr ""\s*$', b, re.M) and 'msgid ""\nmsgstr' not in b]
for b in missing:
    print('untranslated:', b.splitlines()[-2] if len(b.splitlines())>1 else b, file=sys.stderr)
