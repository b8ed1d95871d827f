#!/bin/sh
# The schemas and the built-in data, checked by an independent validator
# (python3-jsonschema, with python3-yaml for the data files):
#   - every schemas/*.schema.json is a valid draft 2020-12 schema;
#   - it follows eco's conventions: $id under https://eco.quebec/schemas/,
#     only the keywords eco's validator supports, every $ref resolves,
#     every property has a French title and description, keys are ASCII
#     snake_case, codes (enum values) are written like ids, objects
#     refuse unknown keys, a record kind fixes its `kind` and requires
#     kind and version;
#   - every `examples` and `default` value validates against its own
#     schema (they are shown to people in worksheets and man pages);
#   - every document of data/*.yaml validates against the schema of its
#     kind, and each data file is consistent (unique ids, the 18 items of
#     the diagnostic each mapped once).
# One TAP line per file and per check.  Debian packages:
# python3-jsonschema python3-yaml.
. "$(dirname "$0")/../cli/lib.sh"

py=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import jsonschema, yaml' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	not_ok "python3 with jsonschema and yaml (apt-get install python3-jsonschema python3-yaml)"
	done_testing
	exit
fi

cat >"$SCRATCH/check.py" <<'EOF'
import glob, json, os, re, sys
from decimal import Decimal
from urllib.parse import urljoin, urldefrag

import jsonschema
import yaml

BASE = "https://eco.quebec/schemas/"
META = "https://json-schema.org/draft/2020-12/schema"
ALLOWED = set("""
type enum const properties required additionalProperties patternProperties
propertyNames items prefixItems contains minContains maxContains minItems
maxItems uniqueItems minLength maxLength pattern minimum maximum
exclusiveMinimum exclusiveMaximum multipleOf minProperties maxProperties
dependentRequired dependentSchemas allOf anyOf oneOf not if then else $ref
$defs $id $schema title description examples default format deprecated
""".split())
FORMATS = {"date", "date-time", "email", "uri"}
MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
ONE = ("items", "additionalProperties", "propertyNames", "contains", "not",
       "if", "then", "else")
MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
KEY_RE = re.compile(r"^([a-z][a-z0-9_]*|[0-9]+)$")
# Codes people type as values (enum, const) are written like ids; the
# diagnostic's answers A, B, C are the one exception.
CODE_RE = re.compile(r"^([a-z0-9][a-z0-9-]*|[A-Z])$")
# Schemas that describe no document of their own.
NOT_A_KIND = {"defs"}


def result(ok, desc, details=()):
    print("%s\t%s" % ("ok" if ok else "not ok", desc))
    for d in list(details)[:20]:
        print("# " + " ".join(str(d).split())[:300])
    sys.stdout.flush()


def escape(key):
    return key.replace("~", "~0").replace("/", "~1")


def walk(schema, ptr="", parent=None):
    """Yield (pointer, subschema, keyword holding it) for every subschema."""
    yield ptr, schema, parent
    if not isinstance(schema, dict):
        return
    for k, v in schema.items():
        if k in MAPS and isinstance(v, dict):
            for name, sub in v.items():
                yield from walk(sub, "%s/%s/%s" % (ptr, k, escape(name)), k)
        elif k in ONE:
            yield from walk(v, "%s/%s" % (ptr, k), k)
        elif k in MANY and isinstance(v, list):
            for i, sub in enumerate(v):
                yield from walk(sub, "%s/%s/%d" % (ptr, k, i), k)


def pointer(doc, frag):
    if frag in ("", "/"):
        return doc
    if not frag.startswith("/"):
        raise KeyError("not a JSON pointer: #" + frag)
    for part in frag[1:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    return doc


def resolve(store, base, ref):
    url, frag = urldefrag(urljoin(base, ref))
    return pointer(store[url], frag)


# -- validators over the whole set of schemas, old and new jsonschema alike.
# multipleOf is computed in decimal, as the specification means it and as
# eco does with cents: in binary floating point 1125.10 / 0.01 is not an
# integer, and stock python-jsonschema would refuse that amount.
def multiple_of(validator, m, instance, schema):
    if not validator.is_type(instance, "number"):
        return
    q = Decimal(repr(instance)) / Decimal(repr(m))
    if q != q.to_integral_value():
        yield jsonschema.exceptions.ValidationError(
            "%r is not a multiple of %r" % (instance, m))


V = jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                 {"multipleOf": multiple_of})


def bare(store):
    # Without $schema, jsonschema keeps V when it follows a $ref instead
    # of switching back to its own draft 2020-12 class.
    return {u: {k: v for k, v in s.items() if k != "$schema"}
            for u, s in store.items()}
try:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    def validator(store, uri):
        reg = Registry().with_resources(
            (u, Resource(contents=s, specification=DRAFT202012))
            for u, s in bare(store).items())
        return V({"$ref": uri}, registry=reg)
except ImportError:
    def validator(store, uri):
        res = jsonschema.RefResolver(base_uri=BASE, referrer={},
                                     store=bare(store))
        return V({"$ref": uri}, resolver=res)


def errors(v, instance):
    out = []
    for e in sorted(v.iter_errors(instance), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in e.absolute_path)
        out.append("%s: %s" % (where or "(document)", e.message))
    return out


# -- YAML as eco reads it: 1.2 core scalars (dates stay strings, only
# true/false are booleans), no duplicate keys, keys as strings.
class Loader(yaml.SafeLoader):
    pass


Loader.yaml_implicit_resolvers = {
    c: [(t, rx) for t, rx in v if t not in (
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")]
    for c, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))


def construct_int(loader, node):
    s = loader.construct_scalar(node)
    if s.startswith("0o"):
        return int(s[2:], 8)
    return int(s, 0) if s.startswith("0x") else int(s, 10)


def construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    seen = {}
    for k, _ in node.value:
        key = str(loader.construct_object(k, deep=True))
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, "duplicate key %r" % key, k.start_mark)
        seen[key] = True
    return {str(loader.construct_object(k, deep=deep)):
            loader.construct_object(v, deep=deep) for k, v in node.value}


Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)


# -- the schemas
files = sorted(glob.glob("schemas/*.schema.json"))
store, loaded = {}, {}
for f in files:
    try:
        with open(f, encoding="utf-8") as fh:
            loaded[f] = json.load(fh)
    except (OSError, ValueError) as e:
        loaded[f] = None
        result(False, "%s: draft 2020-12 metaschema" % f, [e])
        continue
    s = loaded[f]
    if isinstance(s, dict) and isinstance(s.get("$id"), str):
        store[s["$id"]] = s

for f in files:
    s = loaded[f]
    if s is None:
        continue
    try:
        jsonschema.Draft202012Validator.check_schema(s)
        result(True, "%s: draft 2020-12 metaschema" % f)
    except jsonschema.exceptions.SchemaError as e:
        result(False, "%s: draft 2020-12 metaschema" % f,
               ["%s: %s" % ("/".join(map(str, e.absolute_path)), e.message)])

kinds = {}
for f in files:
    s = loaded[f]
    if s is None:
        continue
    name = os.path.basename(f)[:-len(".schema.json")]
    bad = []
    if s.get("$schema") != META:
        bad.append("$schema is not %s" % META)
    if s.get("$id") != BASE + name + ".schema.json":
        bad.append("$id is not %s%s.schema.json" % (BASE, name))
    for key in ("title", "description"):
        if not s.get(key):
            bad.append("no %s" % key)
    for ptr, sub, parent in walk(s):
        at = ptr or "(root)"
        if not isinstance(sub, dict):
            continue
        for k in sub:
            if k not in ALLOWED:
                bad.append("%s: keyword %s is not supported by eco" % (at, k))
        for x in sub.get("enum", []) + ([sub["const"]] if "const" in sub
                                         else []):
            if isinstance(x, str) and not CODE_RE.match(x):
                bad.append("%s: code %r is not lowercase with hyphens"
                           % (at, x))
        if "format" in sub and sub["format"] not in FORMATS:
            bad.append("%s: format %s" % (at, sub["format"]))
        if "$id" in sub and ptr:
            bad.append("%s: $id below the root" % at)
        if "$ref" in sub:
            try:
                resolve(store, s["$id"], sub["$ref"])
            except (KeyError, IndexError, ValueError) as e:
                bad.append("%s: $ref %s does not resolve (%s)"
                           % (at, sub["$ref"], e))
        if parent in ("properties", "$defs"):
            if parent == "properties":
                key = ptr.rsplit("/", 1)[1]
                if not KEY_RE.match(key):
                    bad.append("%s: key is not ASCII snake_case" % at)
            if re.search(r"/(if|then|else|not)(/|$)", ptr):
                continue        # conditions, not documentation
            doc, base = sub, s["$id"]
            for _ in range(8):  # follow a chain of bare $refs
                if not (isinstance(doc, dict) and set(doc) == {"$ref"}):
                    break
                try:
                    url = urljoin(base, doc["$ref"])
                    doc, base = resolve(store, base, doc["$ref"]), url
                except (KeyError, IndexError, ValueError):
                    doc = {}
            for key in ("title", "description"):
                if not (isinstance(doc, dict) and doc.get(key)):
                    bad.append("%s: no %s" % (at, key))
        if sub.get("type") == "object" and "properties" in sub and \
                sub.get("additionalProperties") is not False:
            bad.append("%s: additionalProperties is not false" % at)
    if name not in NOT_A_KIND:
        kind = s.get("properties", {}).get("kind", {}).get("const")
        if kind != name:
            bad.append("properties/kind is not const %r" % name)
        for key in ("kind", "version"):
            if key not in s.get("required", []):
                bad.append("%s is not required" % key)
        if "version" not in s.get("properties", {}):
            bad.append("no version property")
        if not s.get("examples"):
            bad.append("no example of a whole document")
        kinds[kind] = s["$id"]
    result(not bad, "%s: eco conventions" % f, bad)

for f in files:
    s = loaded[f]
    if s is None:
        continue
    bad = []
    for ptr, sub, parent in walk(s):
        if not isinstance(sub, dict):
            continue
        values = list(sub.get("examples", []))
        if "default" in sub:
            values.append(sub["default"])
        if not values:
            continue
        try:
            v = validator(store, s["$id"] + "#" + ptr)
            for i, x in enumerate(values):
                for e in errors(v, x):
                    bad.append("%s example %d: %s" % (ptr or "(root)", i, e))
        except Exception as e:  # a $ref that fails shows up here too
            bad.append("%s: %s" % (ptr or "(root)", e))
    result(not bad, "%s: examples and defaults are valid" % f, bad)

# -- the data
def check_data(f, docs):
    bad, ids = [], {}
    for i, d in enumerate(docs, 1):
        if not isinstance(d, dict):
            bad.append("document %d: not a mapping" % i)
            continue
        k = d.get("kind")
        if k not in kinds:
            bad.append("document %d: no schema for kind %r" % (i, k))
            continue
        for e in errors(validator(store, kinds[k]), d):
            bad.append("document %d (%s %s): %s" % (i, k, d.get("id"), e))
        if "id" in d:
            if (k, d["id"]) in ids:
                bad.append("document %d: %s %s already defined"
                           % (i, k, d["id"]))
            ids[(k, d["id"])] = i
    result(not bad, "%s: %d documents valid" % (f, len(docs)), bad)


def consistency(f, docs):
    bad = []
    facteurs = [d for d in docs if isinstance(d, dict)
                and d.get("kind") == "facteur"]
    if facteurs:
        seen = {}
        for d in facteurs:
            for x in [d.get("id")] + [s.get("id") for s in
                                      d.get("sous_facteurs", [])]:
                if x in seen:
                    bad.append("%s used twice (%s, %s)"
                               % (x, seen[x], d.get("id")))
                seen[x] = d.get("id")
        for sy in ("enfant", "famille", "communaute"):
            if not any(d.get("systeme") == sy for d in facteurs):
                bad.append("no factor for the %s system" % sy)
    conds = [d for d in docs if isinstance(d, dict)
             and d.get("kind") == "condition"]
    if conds:
        n = {}
        for d in conds:
            for it in d.get("items", []):
                n.setdefault(it.get("numero"), []).append(d.get("id"))
        for i in range(1, 19):
            if len(n.get(i, [])) != 1:
                bad.append("item %d is in %d conditions" %
                           (i, len(n.get(i, []))))
        extra = sorted(set(n) - set(range(1, 19)), key=str)
        if extra:
            bad.append("items outside 1-18: %s" % extra)
        nums = sorted(d.get("numero") for d in conds)
        if nums != list(range(1, len(conds) + 1)):
            bad.append("conditions are not numbered 1 to %d: %s"
                       % (len(conds), nums))
    if facteurs or conds:
        result(not bad, "%s: consistent" % f, bad)


for f in sorted(glob.glob("data/*.yaml") + glob.glob("data/*.yml")):
    try:
        with open(f, encoding="utf-8") as fh:
            docs = [d for d in yaml.load_all(fh, Loader=Loader)
                    if d is not None]
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        result(False, "%s: readable YAML" % f, [e])
        continue
    check_data(f, docs)
    consistency(f, docs)
EOF

"$py" "$SCRATCH/check.py" >"$SCRATCH/tap" 2>&1
rc=$?
while IFS= read -r line; do
	case $line in
	"ok	"*) ok "${line#ok	}" ;;
	"not ok	"*) not_ok "${line#not ok	}" ;;
	*) echo "# ${line#\# }" ;;
	esac
done <"$SCRATCH/tap"
[ $rc -eq 0 ] || not_ok "the checker ended with status $rc"
done_testing
