#!/bin/sh
# An editor understands a worksheet: yaml-language-server (from the npm
# registry), driven over stdio by tests/conformance/lsp.js, opens a
# worksheet of eco-gabarit whose modeline names the schema in the data
# folder (ECO_DATADIR, here the sources' schemas/), offline, and shows
# exactly the positions eco-validate gives for three planted errors: a
# value of the wrong type, an unknown key, a code outside its list.
. "$(dirname "$0")/../cli/lib.sh"

S=$SCRATCH
ECO_DATADIR=$PWD
export ECO_DATADIR
npmdir=${ECO_BUILD:-build/san}/npm
server=$npmdir/node_modules/yaml-language-server/bin/yaml-language-server
if [ ! -f "$server" ] && command -v npm >/dev/null 2>&1; then
	npm install --prefix "$npmdir" --no-audit --no-fund --no-save \
	    ajv@8 yaml-language-server@1 >"$S/npm.log" 2>&1 ||
	    sed 's/^/# /' "$S/npm.log" | tail -5
fi
if ! command -v node >/dev/null 2>&1 || [ ! -f "$server" ]; then
	not_ok "yaml-language-server (node and npm: apt-get install nodejs npm)"
	done_testing
	exit
fi

eco-gabarit --exemple service >"$S/service.yaml"
expect 0 'the modeline names the schema in the data folder' \
    "head -1 $S/service.yaml | grep -qx '# yaml-language-server: \\\$schema=$PWD/schemas/service.schema.json'"
expect 0 'the worksheet filled with examples is valid' "eco-validate $S/service.yaml"
# The planted errors.
awk '
	/^version:/ && !v { print "version: deux"; v = 1; next }
	/^nom:/ && !k { print; print "nomm: Ateliers du samedi"; k = 1; next }
	/^  cout:/ && !c { print "  cout: presque-gratuit"; c = 1; next }
	{ print }
' "$S/service.yaml" >"$S/bad.yaml"
eco-validate "$S/bad.yaml" 2>&1 | sed -n 's/^[^:]*: [^:]*:\([0-9]*:[0-9]*\): .*/\1/p' |
    sort -u >"$S/eco.pos"
expect 0 'eco-validate finds three places' "test \$(wc -l <$S/eco.pos) -eq 3"
node tests/conformance/lsp.js "$server" "$S/bad.yaml" >"$S/lsp.out" 2>"$S/lsp.err"
sed 's/^\([0-9]*:[0-9]*\):.*/\1/' "$S/lsp.out" | sort -u >"$S/lsp.pos"
if cmp -s "$S/eco.pos" "$S/lsp.pos"; then
	ok "yaml-language-server shows eco-validate's positions: $(tr '\n' ' ' <"$S/eco.pos")"
else
	not_ok "yaml-language-server shows eco-validate's positions"
	diff "$S/eco.pos" "$S/lsp.pos" | sed 's/^/# /'
	sed 's/^/# /' "$S/lsp.err" | head -5
fi
done_testing
