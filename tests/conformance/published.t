#!/bin/sh
# The schemas as they are published (installed under share/eco/schemas)
# agree with two independent validators, stock: python3-jsonschema
# (Draft202012Validator) and ajv 8 (ajv/dist/2020, from the npm
# registry, installed by tools/npm-deps.sh), on every document of examples/demo and
# on every worksheet eco-gabarit --exemple fills.  eco-validate finds
# them all valid; so must they.  eco's decimal rule on amounts is its own
# keyword, x-eco-decimales, which both ignore as the specification says
# (multipleOf 0.01 refuses 4.35 in binary floating point).  One TAP line
# per validator and kind of document.
. "$(dirname "$0")/../cli/lib.sh"

S=$SCRATCH
# The documents, as eco reads them, one JSON object per line.
for k in $(eco-gabarit --liste | sed 's/ .*//'); do
	eco-gabarit --exemple "$k" >"$S/gabarit-$k.yaml" 2>/dev/null || continue
done
expect 0 'eco-validate finds the corpus valid' \
    "eco-validate examples/demo $S/gabarit-*.yaml"
eco-cat -o json examples/demo $S/gabarit-*.yaml >"$S/docs.jsonl"
expect 0 'the corpus has documents' "test \$(wc -l <$S/docs.jsonl) -gt 100"

# python3-jsonschema, stock
py=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import jsonschema' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	not_ok "python3 with jsonschema (apt-get install python3-jsonschema)"
else
	cat >"$S/py.py" <<'PY'
import glob, json, sys
import jsonschema

store = {}
for f in sorted(glob.glob("schemas/*.schema.json")):
    s = json.load(open(f))
    store[s["$id"]] = s
try:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
    reg = Registry().with_resources(
        (u, Resource(contents=s, specification=DRAFT202012))
        for u, s in store.items())
    def validator(uri):
        return jsonschema.Draft202012Validator({"$ref": uri}, registry=reg)
except ImportError:
    def validator(uri):
        res = jsonschema.RefResolver(base_uri=uri, referrer={}, store=store)
        return jsonschema.Draft202012Validator({"$ref": uri}, resolver=res)
seen = {}
for line in open(sys.argv[1]):
    doc = json.loads(line)
    uri = "https://eco.quebec/schemas/%s.schema.json" % doc.get("kind")
    if uri not in store:
        continue
    errs = [e.message for e in validator(uri).iter_errors(doc)]
    n, bad = seen.get(doc["kind"], (0, []))
    seen[doc["kind"]] = (n + 1, bad + ["%s: %s" % (doc.get("id"), m) for m in errs])
for k in sorted(seen):
    n, bad = seen[k]
    print(("ok - python3-jsonschema: %d %s" if not bad else
           "not ok - python3-jsonschema: %d %s") % (n, k))
    for b in bad[:5]:
        print("# " + b)
PY
	"$py" "$S/py.py" "$S/docs.jsonl" >"$S/py.out" 2>"$S/py.err"
	while IFS= read -r l; do
		case $l in
		"ok - "*) ok "${l#ok - }" ;;
		"not ok - "*) not_ok "${l#not ok - }" ;;
		*) echo "$l" ;;
		esac
	done <"$S/py.out"
	[ -s "$S/py.out" ] || { not_ok "python3-jsonschema ran"; sed 's/^/# /' "$S/py.err"; }
fi

# ajv 8, stock, from the npm registry (tools/npm-deps.sh, in build/npm)
npmdir=build/npm
[ -d "$npmdir/node_modules/ajv/dist" ] ||
    sh tools/npm-deps.sh >"$S/npm.log" 2>&1 || sed 's/^/# /' "$S/npm.log" | tail -5
if ! command -v node >/dev/null 2>&1 || [ ! -d "$npmdir/node_modules/ajv/dist" ]; then
	not_ok "ajv 8 (node and npm: apt-get install nodejs npm)"
else
	cat >"$S/ajv.js" <<'JS'
const fs = require("fs"), path = require("path");
const Ajv2020 = require(path.resolve(process.argv[2], "node_modules/ajv/dist/2020")).default;
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
for (const f of fs.readdirSync("schemas").filter(f => f.endsWith(".schema.json")).sort())
	ajv.addSchema(JSON.parse(fs.readFileSync("schemas/" + f, "utf8")));
const seen = {};
for (const line of fs.readFileSync(process.argv[3], "utf8").split("\n")) {
	if (!line) continue;
	const doc = JSON.parse(line), uri = `https://eco.quebec/schemas/${doc.kind}.schema.json`;
	const v = ajv.getSchema(uri);
	if (!v) continue;
	const s = seen[doc.kind] || (seen[doc.kind] = { n: 0, bad: [] });
	s.n++;
	if (!v(doc))
		for (const e of v.errors) s.bad.push(`${doc.id}: ${e.instancePath} ${e.message}`);
}
for (const k of Object.keys(seen).sort()) {
	const s = seen[k];
	console.log(`${s.bad.length ? "not ok" : "ok"} - ajv: ${s.n} ${k}`);
	for (const b of s.bad.slice(0, 5)) console.log("# " + b);
}
JS
	node "$S/ajv.js" "$npmdir" "$S/docs.jsonl" >"$S/ajv.out" 2>"$S/ajv.err"
	while IFS= read -r l; do
		case $l in
		"ok - "*) ok "${l#ok - }" ;;
		"not ok - "*) not_ok "${l#not ok - }" ;;
		*) echo "$l" ;;
		esac
	done <"$S/ajv.out"
	[ -s "$S/ajv.out" ] || { not_ok "ajv ran"; sed 's/^/# /' "$S/ajv.err" | head; }
fi
# And the amount eco refuses, both take: the rule is eco's own.
expect 1 'eco-validate refuses three decimals' \
    "eco-validate examples/invalide/montant-trois-decimales.yaml"
done_testing
