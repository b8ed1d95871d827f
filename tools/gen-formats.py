#!/usr/bin/env python3
"""gen-formats.py - the field reference of eco-formats(5), from the schemas.

    python3 tools/gen-formats.py                       print the mdoc block
    python3 tools/gen-formats.py --update man/eco-formats.5
    python3 tools/gen-formats.py --check man/eco-formats.5

The block holds one subsection (.Ss) per document kind, in the order of
the method, then kinds not known here in alphabetical order: the schema's
title and description, then a .Bl -tag list of its keys (type in French
words, obligatoire or facultatif, allowed values, title, description).
Objects defined in a kind's $defs (the plan's objectives, actions,
budget lines...) get their own subsection after the kind; objects written
inline or shared through defs.schema.json (periode, contact) are nested
lists.  $ref is followed into defs.schema.json and the other schemas.

In the page the block sits between the lines BEGIN and END below;
--update rewrites it in place, --check exits 1 when it differs from what
the schemas give (the page must be regenerated).  Only the standard
library is used.
"""
import difflib
import glob
import json
import os
import re
import sys

BEGIN = '.\\" BEGIN généré par tools/gen-formats.py'
END = '.\\" END généré'

# The method's order (DESIGN.md, section 3); other kinds follow, sorted.
ORDER = [
    'regroupement', 'rencontre', 'tache', 'donnee', 'observation',
    'constat', 'service', 'intervention', 'facteur', 'priorite',
    'objectif', 'plan', 'transformation', 'indicateur', 'action',
    'communication', 'suivi', 'evaluation', 'diagnostic', 'condition',
]

ID_PATTERN = '^[a-z0-9][a-z0-9-]*$'

# Type words: singular -> plural.
PLURAL = {
    'texte': 'textes', 'code': 'codes', 'date': 'dates',
    'date et heure': 'dates et heures', 'heure': 'heures',
    'adresse courriel': 'adresses courriel', 'adresse web': 'adresses web',
    'identifiant': 'identifiants', 'référence': 'références',
    'entier': 'entiers', 'nombre': 'nombres', 'montant': 'montants',
    'booléen': 'booléens', 'nul': 'nuls',
    'tableau associatif': 'tableaux associatifs', 'valeur': 'valeurs',
}


class Error(Exception):
    pass


# Text and escaping.

def esc(s):
    """Text for mdoc: backslashes as \\e."""
    return s.replace('\\', '\\e')


def text_lines(s):
    """A paragraph as mdoc text lines: one sentence per line, each line
    protected when it would start like a request."""
    s = ' '.join(esc(s).split())
    if not s:
        return []
    # French spacing that never breaks: « texte », mot : suite
    s = re.sub(r' ([:;!?»])', r'\\~\1', s).replace('« ', '«\\~')
    out = []
    for line in re.split(r'(?<=[.!?])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ«0-9]|eco\b)', s):
        if line[0] in ".'":
            line = '\\&' + line
        out.append(line)
    return out


def arg(s):
    """One macro argument, never read as a macro, a delimiter or two words."""
    s = esc(str(s)).replace('"', '\\(dq')
    if re.fullmatch(r'[A-Za-z0-9_][A-Za-z0-9_.:/@+-]*', s) and \
            not re.fullmatch(r'[A-Z][a-z][a-z]?', s):
        return s if s[-1] != '.' else '\\&' + s
    return '"\\&' + s + '"'


def scalar_text(v):
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if v is None:
        return 'null'
    return str(v)


def plural(w):
    if ' ou ' in w:
        return ' ou '.join(plural(x) for x in w.split(' ou '))
    if w.startswith('liste '):
        return 'listes' + w[5:]
    return PLURAL.get(w, w)


def elide(word, rest):
    """'liste de' + rest, with the elision French wants."""
    if rest[:1].lower() in 'aeiouhéèêàâîôû':
        return word + " d'" + rest
    return word + ' de ' + rest


# Schemas and references.

class Schemas:
    def __init__(self, folder):
        self.files = {}
        self.kinds = {}
        for path in sorted(glob.glob(os.path.join(folder, '*.schema.json'))):
            name = os.path.basename(path)
            with open(path, encoding='utf-8') as f:
                doc = json.load(f)
            self.files[name] = doc
            kind = doc.get('properties', {}).get('kind', {}).get('const')
            if isinstance(kind, str):
                self.kinds[kind] = name
        if not self.kinds:
            raise Error('no schema with properties.kind.const in ' + folder)

    def lookup(self, ref, base):
        """(node, file, pointer) for a $ref written in file base."""
        target, _, frag = ref.partition('#')
        if target:
            target = target.rsplit('/', 1)[-1]
        else:
            target = base
        if target not in self.files:
            raise Error('%s: unresolved $ref %s' % (base, ref))
        node = self.files[target]
        if frag and not frag.startswith('/'):
            raise Error('%s: $ref by anchor not handled: %s' % (base, ref))
        for tok in frag.split('/')[1:]:
            tok = tok.replace('~1', '/').replace('~0', '~')
            if isinstance(node, list):
                node = node[int(tok)]
            elif isinstance(node, dict) and tok in node:
                node = node[tok]
            else:
                raise Error('%s: unresolved $ref %s' % (base, ref))
        return node, target, frag

    def merged(self, node, base):
        """The keywords of node and of what its $ref chain points to, the
        nearest winning, each with the file it is written in; and the
        chain of (file, pointer) followed."""
        chain = []
        layers = []
        seen = set()
        while isinstance(node, dict):
            layers.append((node, base))
            ref = node.get('$ref')
            if not isinstance(ref, str):
                break
            node, base, frag = self.lookup(ref, base)
            if (base, frag) in seen:
                raise Error('$ref loop at %s#%s' % (base, frag))
            seen.add((base, frag))
            chain.append((base, frag))
        m = {}
        for n, b in reversed(layers):
            for k, v in n.items():
                m[k] = (v, b)
        return m, chain

    def named(self, node, base):
        """(kind file, def name) when node leads, by its $ref chain, to an
        object of a kind schema's $defs, which has its own subsection."""
        if not isinstance(node, dict):
            return None
        _, chain = self.merged(node, base)
        for tbase, frag in chain:
            mm = re.fullmatch(r'/\$defs/([^/]+)', frag)
            if not mm or tbase not in self.kinds.values():
                continue
            target, _, _ = self.lookup('#' + frag, tbase)
            m, _ = self.merged(target, tbase)
            if 'properties' in m:
                return (tbase, mm.group(1))
        return None


def get(m, key, default=None):
    return m[key][0] if key in m else default


class Gen:
    def __init__(self, schemas):
        self.s = schemas
        self.out = []
        self.pending = []	# named defs to describe after the kind
        self.done = set()
        self.headings = {}

    def emit(self, *lines):
        self.out.extend(lines)

    def kind_of(self, fname):
        for k, f in self.s.kinds.items():
            if f == fname:
                return k
        return fname

    def heading(self, fname, defname):
        node = self.s.files[fname]
        if defname is None:
            title = node.get('title', '')
        else:
            title = self.s.files[fname]['$defs'][defname].get('title', defname)
        h = '%s \\(em %s' % (self.kind_of(fname), esc(title))
        other = self.headings.setdefault(h, (fname, defname))
        if other != (fname, defname):
            raise Error('two subsections would be named %s' % h)
        return h

    def sx(self, key):
        return '.Sx "%s"' % self.heading(*key)

    # Type in French words.
    def type_words(self, m, chain):
        if 'const' in m or 'enum' in m:
            vals = [get(m, 'const')] if 'const' in m else get(m, 'enum')
            if all(isinstance(v, str) for v in vals):
                return 'code'
            if all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
                return 'entier'
            if all(isinstance(v, bool) for v in vals):
                return 'booléen'
            return 'valeur'
        t = get(m, 'type')
        if t is None:
            if 'properties' in m or 'additionalProperties' in m:
                t = 'object'
            elif 'items' in m:
                t = 'array'
            else:
                return 'valeur'
        if isinstance(t, list):
            return ' ou '.join(self.one_type(x, m, chain) for x in t)
        return self.one_type(t, m, chain)

    def one_type(self, t, m, chain):
        if t == 'string':
            fmt = get(m, 'format')
            if fmt == 'date':
                return 'date'
            if fmt == 'date-time':
                return 'date et heure'
            if fmt == 'email':
                return 'adresse courriel'
            if fmt == 'uri':
                return 'adresse web'
            if get(m, 'pattern') == ID_PATTERN:
                for _, frag in chain:
                    if frag == '/$defs/id':
                        return 'identifiant'
                return 'référence'
            if get(m, 'pattern', '').startswith('^([01][0-9]|2[0-3]):'):
                return 'heure'
            return 'texte'
        if t == 'integer':
            return 'entier'
        if t == 'number':
            return 'montant' if get(m, 'x-eco-decimales') == 2 else 'nombre'
        if t == 'boolean':
            return 'booléen'
        if t == 'null':
            return 'nul'
        if t == 'object':
            return 'tableau associatif'
        if t == 'array':
            items = get(m, 'items')
            if not isinstance(items, dict):
                return 'liste'
            im, ichain = self.s.merged(items, m['items'][1])
            return elide('liste', plural(self.type_words(im, ichain)))
        raise Error('unknown type %r' % t)

    # One key of an object.
    def field(self, key, node, base, required, depth):
        m, chain = self.s.merged(node, base)
        own = node if isinstance(node, dict) else {}
        title = own.get('title', get(m, 'title', ''))
        desc = own.get('description', get(m, 'description', ''))
        tw = self.type_words(m, chain)
        self.emit('.It Li %s Pq "%s, %s"' % (
            arg(key), tw, 'obligatoire' if required else 'facultatif'))
        if title:
            self.emit('.Em %s .' % arg(title))
        self.emit(*text_lines(desc))
        self.values(m)
        if 'default' in m:
            self.emit('Par défaut\\~:', '.Li %s .' % arg(scalar_text(get(m, 'default'))))
        self.inner(node, base, m, depth)

    def values(self, m):
        if 'const' in m:
            self.emit('Valeur\\~:', '.Li %s .' % arg(scalar_text(get(m, 'const'))))
        elif 'enum' in m:
            vals = [arg(scalar_text(v)) for v in get(m, 'enum')]
            self.emit('Valeurs\\~:', '.Li %s .' % ' , '.join(vals))

    def inner(self, node, base, m, depth):
        """What a key holds when it is an object or a list of objects."""
        key = self.s.named(node, base)
        if key:
            self.emit('Décrit dans', self.sx(key) + ' .')
            self.want(key)
            return
        if 'properties' in m or 'additionalProperties' in m:
            self.obj(m, depth + 1)
            return
        items = get(m, 'items')
        if isinstance(items, dict):
            ibase = m['items'][1]
            key = self.s.named(items, ibase)
            if key:
                self.emit('Chaque élément est décrit dans', self.sx(key) + ' .')
                self.want(key)
                return
            im, _ = self.s.merged(items, ibase)
            if 'properties' in im:
                self.emit('Chaque élément\\~:')
                self.obj(im, depth + 1)

    def want(self, key):
        if key not in self.done and key not in self.pending:
            self.pending.append(key)

    # The keys of an object, as a tag list, then its extra rules.
    def obj(self, m, depth):
        if depth > 8:
            raise Error('objects nested too deeply')
        props = get(m, 'properties', {})
        pbase = m['properties'][1] if 'properties' in m else None
        req = set(get(m, 'required', []))
        if props:
            self.emit('.Bl -tag -width Ds')
            for k, v in props.items():
                self.field(k, v, pbase, k in req, depth)
            self.emit('.El')
        self.extra(m, props)

    def extra(self, m, props):
        lines = []
        ap = get(m, 'additionalProperties')
        if isinstance(ap, dict):
            am, achain = self.s.merged(ap, m['additionalProperties'][1])
            pn = get(m, 'propertyNames')
            lines.append('Chaque clé%s a pour valeur un %s.' % (
                ' supplémentaire' if props else '',
                self.type_words(am, achain)))
            if isinstance(pn, dict) and isinstance(pn.get('enum'), list):
                lines.append('Clés permises\\~:')
                lines.append('.Li %s .' % ' , '.join(
                    arg(scalar_text(v)) for v in pn['enum']))
        for rule in get(m, 'allOf', []) + ([{k: get(m, k) for k in ('if', 'then')}]
                                           if 'if' in m else []):
            lines.extend(self.conditional(rule))
        for group in (get(m, 'anyOf'), get(m, 'oneOf')):
            if not group:
                continue
            names = [g['required'][0] for g in group
                     if isinstance(g, dict) and list(g) == ['required']
                     and len(g['required']) == 1]
            if len(names) != len(group):
                raise Error('anyOf/oneOf of another form than [{required: [k]}...]')
            lines.append('Il faut au moins une des clés')
            lines.append('.Li %s .' % ' , '.join(arg(n) for n in names))
        if lines:
            self.emit('.Pp', *lines)

    def conditional(self, rule):
        """if {required: [k], properties: {k: {const: v}}} then {required: [...]}"""
        cond, then = rule.get('if'), rule.get('then')
        try:
            (k,) = cond['required']
            v = cond['properties'][k]['const']
            need = then['required']
        except (KeyError, TypeError, ValueError):
            raise Error('if/then of another form than the one handled')
        if set(rule) - {'if', 'then'}:
            raise Error('else or other keywords beside if/then')
        plur = len(need) > 1
        return ['Quand', '.Li %s' % arg(k), 'vaut', '.Li %s ,' % arg(scalar_text(v)),
                '.Li %s' % ' , '.join(arg(n) for n in need),
                'devien%s obligatoire%s.' % ('nent' if plur else 't',
                                            's' if plur else '')]

    # Subsections.
    def section(self, fname, defname):
        self.done.add((fname, defname))
        node = self.s.files[fname]
        if defname is not None:
            node = node['$defs'][defname]
        m, _ = self.s.merged(node, fname)
        self.emit('.Ss "%s"' % self.heading(fname, defname))
        self.emit(*text_lines(get(m, 'description', '')))
        if defname is None:
            self.emit('Les documents de cette sorte portent',
                      '.Ql kind: %s .' % arg(self.kind_of(fname)))
        self.obj(m, 0)

    def run(self):
        kinds = [k for k in ORDER if k in self.s.kinds]
        kinds += sorted(k for k in self.s.kinds if k not in ORDER)
        for k in kinds:
            self.section(self.s.kinds[k], None)
            while self.pending:
                self.section(*self.pending.pop(0))
        return self.out


def generate(folder):
    return [BEGIN] + Gen(Schemas(folder)).run() + [END]


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    folder = os.path.join(here, '..', 'schemas')
    mode = page = None
    args = argv[1:]
    while args:
        a = args.pop(0)
        if a in ('--update', '--check') and args and mode is None:
            mode, page = a, args.pop(0)
        elif a == '--schemas' and args:
            folder = args.pop(0)
        else:
            sys.stderr.write('usage: gen-formats.py [--schemas DOSSIER] '
                             '[--update PAGE | --check PAGE]\n')
            return 2
    try:
        block = generate(folder)
    except (Error, OSError, ValueError) as e:
        sys.stderr.write('gen-formats.py: %s\n' % e)
        return 3
    if mode is None:
        sys.stdout.write('\n'.join(block) + '\n')
        return 0
    try:
        with open(page, encoding='utf-8') as f:
            lines = f.read().split('\n')
    except OSError as e:
        sys.stderr.write('gen-formats.py: %s\n' % e)
        return 3
    try:
        b = lines.index(BEGIN)
        e = lines.index(END, b)
    except ValueError:
        sys.stderr.write('gen-formats.py: %s: no lines %s ... %s\n'
                         % (page, BEGIN, END))
        return 2
    if mode == '--check':
        if lines[b:e + 1] == block:
            return 0
        sys.stderr.write('gen-formats.py: %s: the field reference differs from '
                         'the schemas; run: python3 tools/gen-formats.py '
                         '--update %s\n' % (page, page))
        sys.stderr.writelines(l + '\n' for l in difflib.unified_diff(
            lines[b:e + 1], block, page, 'schemas', lineterm='', n=1))
        return 1
    new = '\n'.join(lines[:b] + block + lines[e + 1:])
    tmp = page + '.tmp'
    try:
        with open(tmp, 'w', encoding='utf-8') as f:
            f.write(new)
        os.replace(tmp, page)
    except OSError as e:
        sys.stderr.write('gen-formats.py: %s\n' % e)
        return 3
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
